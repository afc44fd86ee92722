/**
 * The host allowlist (`egressHosts`, residency/hosts.ts) as the pack reads it: a webhook, a
 * Service alias or a mailbox whose host the pack cannot place fails closed until the stack names
 * the host (or its domain, under a wildcard) with a reason; then it passes every policy. An entry
 * never admits what the pack places by itself — a cloud endpoint abroad under a wildcard that
 * covers it — nor a host merely under a name it lists. A service endpoint's field that names a host
 * (a database a QuickSight data source reads) is placed by an entry as a URL is.
 */
import type { Plan } from "../../engine/plan";
import type { HostAllowEntry } from "../../residency/hosts";
import { add, addProvider, externalName, fixturePlan } from "../helpers/policy-plan";
import {
  type CheckOptions,
  findings,
  oregonSettings,
  policyPack,
  runCases,
  shanghaiSettings,
  summary,
} from "../helpers/policy-session";

const pack = policyPack();
let ali: Plan;
let aws: Plan;
beforeAll(async () => {
  [ali, aws] = await Promise.all([
    fixturePlan("policy-alicloud", "cn"),
    fixturePlan("policy-aws", "us"),
  ]);
});

/** The Shanghai settings with the host entries `hosts`. */
const cnWith = (...hosts: HostAllowEntry[]): CheckOptions => ({
  ...shanghaiSettings,
  egressAllowlist: [...(shanghaiSettings.egressAllowlist ?? []), ...hosts],
});

const dingTalk = {
  host: "oapi.dingtalk.com",
  reason: "DingTalk robot for on-call alerts; DingTalk serves mainland tenants from China",
};
const robotUrl = "https://oapi.dingtalk.com/robot/send?access_token=1c704e23";

/** An ARMS alert robot posting to `url`. */
const robot = (url: string) =>
  add("alicloud:arms/alertRobot:AlertRobot", "oncall", {
    alertRobotName: "oncall",
    robotType: "dingding",
    robotAddr: url,
  });

/** An ARMS alert contact mailing `email`. */
const contact = (email: string) =>
  add("alicloud:arms/alertContact:AlertContact", "oncall-mail", {
    alertContactName: "oncall",
    email,
  });

/** A CDN domain fetching from an origin group of `origins` (`<host>_<priority>_<weight>_<port>`). */
const originGroup = (origins: string) =>
  add("alicloud:cdn/domainConfig:DomainConfig", "edge", {
    domainName: "cdn.example.cn",
    functionName: "source_group",
    functionArgs: [
      { argName: "source_group_name", argValue: "origins" },
      { argName: "source_info", argValue: origins },
    ],
  });

/** A Managed Service for Prometheus instance writing its samples to `url`. */
const remoteWrite = (url: string) =>
  add("alicloud:arms/remoteWrite:RemoteWrite", "remote-write", {
    clusterId: "prom-1",
    remoteWriteYaml: `remote_write:\n- name: sink\n  url: ${url}\n`,
  });

const corp = {
  host: "*.corp.example.cn",
  reason: "The team's servers in the Shanghai data center",
};

const cannotPlaceRobot = (url: string) =>
  [
    "log-shipping",
    "oncall",
    "mandatory",
    [
      "cn-shanghai (inside CN)",
      'arms alert robot "oncall"',
      `${JSON.stringify(url)} (cannot be placed)`,
    ],
  ] as const;

describe("on Alibaba Cloud (CN)", () => {
  runCases(pack, () => ali, shanghaiSettings, [
    {
      name: "an alert robot posts to DingTalk, which the stack has not placed",
      bad: robot(robotUrl),
      expected: [cannotPlaceRobot(robotUrl)],
      twinName: "the stack names DingTalk's robot host with a reason",
      twin: robot(robotUrl),
      twinSettings: cnWith(dingTalk),
    },
    {
      name: "an alert robot posts to WeCom, which the stack has not placed",
      bad: robot("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=1c704e23"),
      expected: [cannotPlaceRobot("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=1c704e23")],
      twinName: "the stack names every host under weixin.qq.com",
      twin: robot("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=1c704e23"),
      twinSettings: cnWith({ host: "*.weixin.qq.com", reason: "WeCom robots for alerts" }),
    },
    {
      name: "a CDN origin group holds a host the stack has not placed",
      bad: originGroup("10.20.1.5_10_33_80,origin.corp.example.cn_20_67_443"),
      expected: [
        [
          "log-shipping",
          "edge",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'cdn domain config "edge"',
            '"origin.corp.example.cn" (an origin outside the cloud, which cannot be placed)',
          ],
        ],
      ],
      twinName: "the stack places every host of its own domain",
      twin: originGroup("10.20.1.5_10_33_80,origin.corp.example.cn_20_67_443"),
      twinSettings: cnWith(corp),
    },
    {
      name: "Prometheus writes its samples to a host the stack has not placed",
      bad: remoteWrite("https://metrics.corp.example.cn/api/v1/write"),
      expected: [
        [
          "log-shipping",
          "remote-write",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'arms remote write "remote-write"',
            '"https://metrics.corp.example.cn/api/v1/write" (a host outside the cloud, which cannot be placed)',
          ],
        ],
      ],
      twinName: "the stack places the metrics host's domain",
      twin: remoteWrite("https://metrics.corp.example.cn/api/v1/write"),
      twinSettings: cnWith(corp),
    },
    {
      name: "an alert contact mails a mailbox the stack has not placed",
      bad: contact("oncall@ops.example.cn"),
      expected: [
        [
          "log-shipping",
          "oncall-mail",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'arms alert contact "oncall-mail"',
            '"oncall@ops.example.cn" (cannot be placed)',
          ],
        ],
      ],
      twinName: "the stack places the mailbox's domain",
      twin: contact("oncall@ops.example.cn"),
      twinSettings: cnWith({ host: "ops.example.cn", reason: "Our mail servers in Shanghai" }),
    },
  ]);

  it("places a mailbox of a Message Service subscription by its domain", async () => {
    const mailTo = add("alicloud:mns/topicSubscription:TopicSubscription", "topic-sub", {
      endpoint: "mail:directmail:oncall@ops.example.cn",
    });
    const label = 'mns topic subscription "topic-sub"';
    const [finding] = findings(await pack.checkAround(ali, mailTo(ali), shanghaiSettings));
    expect(finding.slice(0, 3)).toEqual(["log-shipping", "topic-sub", "mandatory"]);
    expect(finding[3]?.slice(0, 2)).toEqual(["cn-shanghai (inside CN)", label]);
    const placed = cnWith({ host: "ops.example.cn", reason: "Our mail servers in Shanghai" });
    expect(summary(await pack.checkAll(ali, mailTo(ali), placed))).toEqual([]);
  });

  const judged = async (plan: (p: Plan) => Plan, settings: CheckOptions) =>
    findings(await pack.checkAround(ali, plan(ali), settings));

  it("does not admit a host merely under a name it lists, nor the domain of a wildcard", async () => {
    const under = "https://robot.oapi.dingtalk.com/send";
    expect(await judged(robot(under), cnWith(dingTalk))).toEqual([cannotPlaceRobot(under)]);
    const apex = "https://dingtalk.com/robot";
    expect(
      await judged(robot(apex), cnWith({ host: "*.dingtalk.com", reason: "DingTalk" })),
    ).toEqual([cannotPlaceRobot(apex)]);
  });

  it("does not admit a cloud endpoint abroad that a wildcard covers", async () => {
    const abroad = "https://sdc-alerts.oss-us-west-1.aliyuncs.com/hook";
    const found = await judged(
      robot(abroad),
      cnWith({ host: "*.aliyuncs.com", reason: "Alibaba Cloud services" }),
    );
    expect(found).toHaveLength(1);
    expect(found[0].slice(0, 3)).toEqual(["log-shipping", "oncall", "mandatory"]);
    expect(found[0][3]?.join(" → ")).toContain("us-west-1");
  });

  // Found by a new user's bench: OSS's global acceleration endpoint passed under the wildcard,
  // while a bucket's own acceleration switch fails global-services.
  it("does not admit a global acceleration endpoint that a wildcard covers; a regional one inside passes", async () => {
    const wildcard = cnWith({ host: "*.aliyuncs.com", reason: "Alibaba Cloud services" });
    for (const accelerated of [
      "https://oss-accelerate.aliyuncs.com/hook",
      "https://sdc-alerts.oss-accelerate-overseas.aliyuncs.com/hook",
    ]) {
      const found = await judged(robot(accelerated), wildcard);
      expect(found.map((f) => [...f.slice(0, 3), f[3]?.at(-1)])).toEqual([
        [
          "log-shipping",
          "oncall",
          "mandatory",
          "OSS transfer acceleration network (global, outside CN)",
        ],
      ]);
    }
    expect(
      await judged(robot("https://sdc-alerts.oss-cn-shanghai.aliyuncs.com/hook"), wildcard),
    ).toEqual([]);
  });

  it("honours no wildcard over a public suffix", async () => {
    const url = "https://hooks.example.com.cn/alert";
    expect(
      await judged(robot(url), cnWith({ host: "*.com.cn", reason: "every Chinese company" })),
    ).toEqual([cannotPlaceRobot(url)]);
  });
});

describe("a provider's API host (US)", () => {
  const vault = addProvider("vault", "secrets", { address: "https://vault.corp.example.com:8200" });
  runCases(pack, () => aws, oregonSettings, [
    {
      name: "a Vault provider sends its API calls to a host the stack has not placed",
      bad: vault,
      expected: [
        [
          "resource-placement",
          "secrets",
          "mandatory",
          [
            'vault provider "secrets"',
            "vault.corp.example.com (a host of vault the pack cannot place)",
          ],
        ],
      ],
      twinName: "the stack places the Vault host by name",
      twin: vault,
      twinSettings: {
        ...oregonSettings,
        egressAllowlist: [
          ...(oregonSettings.egressAllowlist ?? []),
          {
            host: "vault.corp.example.com",
            reason: "Our Vault cluster in the Portland data center",
          },
        ],
      },
    },
  ]);
});

describe("a provider's endpoint override (CN)", () => {
  // An S3-compatible store the team runs in Shanghai, which OSS calls go to instead of OSS.
  const store = addProvider("alicloud", "store", {
    region: "cn-shanghai",
    endpoints: [{ oss: "objects.corp.example.cn" }],
  });
  runCases(pack, () => ali, shanghaiSettings, [
    {
      name: "a provider sends its OSS calls to a host the stack has not placed",
      bad: store,
      expected: [
        [
          "resource-placement",
          "store",
          "mandatory",
          ['alicloud provider "store"', "objects.corp.example.cn (a host the pack cannot place)"],
        ],
      ],
      twinName: "the stack places the store's host by name",
      twin: store,
      twinSettings: cnWith(corp),
    },
  ]);
});

describe("on Kubernetes (US)", () => {
  // Judged on the whole plan: the Service's cluster comes from the provider's kubeconfig.
  const partner = {
    host: "api.partner.example.com",
    reason: "Partner exchange, hosted in Oregon",
  };

  it("fails a Service aliasing a partner's host the stack has not placed", async () => {
    expect(findings(await pack.check(externalName(partner.host)(aws), oregonSettings))).toEqual([
      [
        "kubernetes-service-exposure",
        "partner",
        "mandatory",
        ['k8s service "partner"', "api.partner.example.com (cannot be placed)"],
      ],
    ]);
  });

  it("passes it once the stack places the partner's host", async () => {
    const settings: CheckOptions = {
      ...oregonSettings,
      egressAllowlist: [...(oregonSettings.egressAllowlist ?? []), partner],
    };
    expect(summary(await pack.check(externalName(partner.host)(aws), settings))).toEqual([]);
  });
});

describe("a service endpoint's field naming a host (US)", () => {
  // A QuickSight data source reading a database the team runs in its own data center, by name.
  const dataSource = add("aws:quicksight/dataSource:DataSource", "warehouse", {
    dataSourceId: "warehouse",
    name: "warehouse",
    type: "MYSQL",
    parameters: { mysql: { host: "orders-db.corp.example.com", port: 3306, database: "orders" } },
  });
  runCases(pack, () => aws, oregonSettings, [
    {
      name: "a data source reads a database at a host the stack has not placed",
      bad: dataSource,
      expected: [
        [
          "log-shipping",
          "warehouse",
          "mandatory",
          [
            '"orders-db.corp.example.com" (cannot be placed)',
            'quicksight data source "warehouse"',
            "us-west-2 (inside US)",
          ],
        ],
      ],
      twinName: "the stack places the database's host by name",
      twin: dataSource,
      twinSettings: {
        ...oregonSettings,
        egressAllowlist: [
          ...(oregonSettings.egressAllowlist ?? []),
          { host: "orders-db.corp.example.com", reason: "Our orders database in Portland" },
        ],
      },
    },
  ]);
});

// Found on the identity and messaging bench: an SNS e-mail subscription is a mailbox, placed by
// the domain the stack names, as the other clouds' mailboxes are.
describe("an SNS subscription's mailbox (US)", () => {
  const mailbox = add("aws:sns/topicSubscription:TopicSubscription", "oncall", {
    topic: "arn:aws:sns:us-west-2:111122223333:alerts",
    protocol: "email-json",
    endpoint: "oncall@corp.example.com",
  });
  runCases(pack, () => aws, oregonSettings, [
    {
      name: "a subscription mails messages to a domain the stack has not placed",
      bad: mailbox,
      expected: [
        [
          "log-shipping",
          "oncall",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'sns topic subscription "oncall"',
            `"oncall@corp.example.com" (a mailbox, whose mail its domain's servers receive wherever they are, so it cannot be placed in a region; egressHosts may name a domain whose mail servers are inside)`,
          ],
        ],
      ],
      twinName: "the stack names the domain's mail servers with a reason",
      twin: mailbox,
      twinSettings: {
        ...oregonSettings,
        egressAllowlist: [
          ...(oregonSettings.egressAllowlist ?? []),
          { host: "corp.example.com", reason: "The team's own mail servers, in Portland" },
        ],
      },
    },
  ]);
});
