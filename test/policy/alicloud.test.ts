/**
 * The residency pack on Alibaba Cloud: a Shanghai happy path (test/fixtures/policy-alicloud)
 * that replicates, backs up, peers and syncs only to Beijing passes every policy, the border
 * analysis included; each case mutates one resource to open a path out of mainland China and
 * names every finding that must follow — policy, resource, level and whole path — and its twin,
 * the same mutation inside the jurisdiction or with the fix applied, must leave the whole plan
 * without a finding.
 */
import type { Plan } from "../../engine/plan";
import { ensInstance } from "../helpers/ens-instance";
import {
  add,
  addInstance,
  addProvider,
  fixturePlan,
  mutate,
  named,
  pipe,
  set,
  unknown,
  withDependencies,
  without,
} from "../helpers/policy-plan";
import {
  noCustomerKey,
  type Finding,
  findings,
  policyPack,
  lookupCase,
  runCases,
  runCasesInBothPostures,
  serviceKeyCases,
  shanghaiSettings,
  sorted,
  summary,
} from "../helpers/policy-session";

const cn = shanghaiSettings;
/** A RAM role's trust policy letting `principal` assume the role. */
const ramTrust = (principal: Record<string, unknown>) =>
  JSON.stringify({
    Version: "1",
    Statement: [{ Action: "sts:AssumeRole", Effect: "Allow", Principal: principal }],
  });

const pack = policyPack();
let happy: Plan;
beforeAll(async () => {
  happy = await fixturePlan("policy-alicloud", "cn");
});

type Props = Record<string, unknown>;

/** A Hong Kong provider and a key created through it. */
const hongKongKey = pipe(
  addProvider("alicloud", "hong-kong", { region: "cn-hongkong" }),
  add("alicloud:kms/key:Key", "hk-key", { description: "abroad" }, { provider: "hong-kong" }),
);

test("the happy path passes every policy, the border analysis included", async () => {
  expect(summary(await pack.check(happy, cn))).toEqual([]);
});

test("a replication rule to Hong Kong names the path from the bucket to the far side", async () => {
  const bad = set("telemetry-replication", (p) => {
    (p.destination as Props).location = "oss-cn-hongkong";
  })(happy);
  const violations = await pack.check(bad, cn);
  // The whole plan, every policy on. The destination bucket is still the program's Beijing
  // bucket, but the rule's location says Hong Kong: both name the far side. storage-replication
  // reports the location, so the border analysis, whose path crosses at that same edge, does not
  // report it again (one crossing, one finding).
  expect(findings(violations)).toEqual([
    [
      "storage-replication",
      "telemetry-replication",
      "mandatory",
      [
        'oss bucket "sdc-telemetry"',
        'oss bucket replication "telemetry-replication"',
        "oss-cn-hongkong (outside CN, in HK)",
      ],
    ],
  ]);
  expect(violations.find((v) => v.policy === "storage-replication")).toMatchObject({
    resourceType: "alicloud:oss/bucketReplication:BucketReplication",
    message:
      'oss bucket replication "telemetry-replication" must keep data inside CN, but destination.location replicates objects to oss-cn-hongkong (outside CN, in HK). Replicate to a bucket in a region inside the jurisdiction, or remove the rule.',
  });
});

test("a provider that sets no region is told where to set it: stack config for the default one, its argument otherwise", async () => {
  const fix = async (plan: Plan, provider: string) =>
    (await pack.check(plan, cn))
      .find((v) => v.policy === "resource-placement" && v.resourceName === provider)
      ?.message.split("Set region explicitly ")[1];
  expect(await fix(addProvider("alicloud", "unpinned", {})(happy), "unpinned")).toBe(
    "(the provider's region argument).",
  );
  expect(await fix(addProvider("alicloud", "default_3_108_0", {})(happy), "default_3_108_0")).toBe(
    "(alicloud:region in stack config).",
  );
});

/**
 * A connection "link" of the router interface `interfaceId` to an accepting one (of the account
 * `owner`, when given).
 */
/**
 * A managed ACK Pro cluster of the stack's network, with neither NAT gateway, public API server
 * nor the NGINX Ingress add-on ACK would install on an internet load balancer.
 */
const sealedAckCluster = {
  clusterSpec: "ack.pro.small",
  workerVswitchIds: ["vsw-telemetry"],
  newNatGateway: false,
  slbInternetEnabled: false,
  addons: [{ name: "nginx-ingress-controller", disabled: true }],
};

/** How each store the tests add names a key of the program: disks, TDE or its own setting. */
const storeKeyProps: Readonly<Record<string, (key: unknown) => { props: Props; keyProp: string }>> =
  {
    "alicloud:gpdb/instance:Instance": (key) => ({
      props: { encryptionType: "CloudDisk", encryptionKey: key },
      keyProp: "encryptionKey",
    }),
    "alicloud:clickhouse/dbCluster:DbCluster": (key) => ({
      props: { encryptionType: "CloudDisk", encryptionKey: key },
      keyProp: "encryptionKey",
    }),
    "alicloud:mongodb/instance:Instance": (key) => ({
      props: { encrypted: true, cloudDiskEncryptionKey: key },
      keyProp: "cloudDiskEncryptionKey",
    }),
    "alicloud:polardb/cluster:Cluster": (key) => ({
      props: { tdeStatus: "Enabled", encryptionKey: key },
      keyProp: "encryptionKey",
    }),
    "alicloud:kvstore/instance:Instance": (key) => ({
      props: { tdeStatus: "Enabled", encryptionKey: key },
      keyProp: "encryptionKey",
    }),
    "alicloud:adb/dBCluster:DBCluster": (key) => ({
      props: { diskEncryption: true, kmsId: key },
      keyProp: "kmsId",
    }),
    "alicloud:kms/secret:Secret": (key) => ({
      props: { encryptionKeyId: key },
      keyProp: "encryptionKeyId",
    }),
  };

/** The mutation `step`, each store it adds encrypted with the happy path's key "key". */
const onStoreKey =
  (step: (plan: Plan) => Plan) =>
  (plan: Plan): Plan => {
    const before = new Set(plan.resources.map((r) => r.urn));
    let out = step(plan);
    const key = named(out, "key");
    for (const r of out.resources) {
      const keyed = before.has(r.urn) ? undefined : storeKeyProps[r.type]?.(key.id);
      if (keyed === undefined) {
        continue;
      }
      out = mutate(out, r.name, (p) => ({ ...p, ...keyed.props }));
      out = {
        ...out,
        resources: out.resources.map((x) =>
          x.urn === r.urn
            ? {
                ...x,
                propertyDependencies: { ...x.propertyDependencies, [keyed.keyProp]: [key.urn] },
                dependencies: [...x.dependencies, key.urn],
              }
            : x,
        ),
      };
    }
    return out;
  };

/** A managed ACK cluster "ack" with `inputs`, its Secrets encrypted with the happy path's key. */
const ackWithSecretsKey = (inputs: Props) => (plan: Plan) =>
  add(
    "alicloud:cs/managedKubernetes:ManagedKubernetes",
    "ack",
    { ...inputs, encryptionProviderKey: named(plan, "key").id },
    { dependsOn: { encryptionProviderKey: ["key"] } },
  )(plan);

/** Disk encryption by default on, with the happy path's key "key" as the region's default key. */
const programDiskDefaults = (plan: Plan) =>
  pipe(
    add("alicloud:ecs/diskEncryptionByDefault:DiskEncryptionByDefault", "disks-by-default", {
      encrypted: true,
    }),
    add(
      "alicloud:ecs/diskDefaultKmsKey:DiskDefaultKmsKey",
      "disks-default-key",
      { kmsKeyId: named(plan, "key").id },
      { dependsOn: { kmsKeyId: ["key"] } },
    ),
  )(plan);

/** A copy of image "m-telemetry" of `region`, encrypted with the happy path's key "key". */
const imageCopyFrom = (region: string) => (plan: Plan) =>
  add(
    "alicloud:ecs/imageCopy:ImageCopy",
    "image",
    {
      sourceImageId: "m-telemetry",
      sourceRegionId: region,
      encrypted: true,
      kmsKeyId: named(plan, "key").id,
    },
    { dependsOn: { kmsKeyId: ["key"] } },
  )(plan);

/** An ECS instance set of three on the stack's vSwitch, and a copy of an image of its region. */
const instanceSet = {
  amount: 3,
  imageId: "aliyun_3_x64_20G_alibase_20240528.vhd",
  instanceType: "ecs.g7.large",
  securityGroupIds: ["sg-records"],
  vswitchId: "vsw-records",
};
const imageCopy = { sourceImageId: "m-records", sourceRegionId: "cn-shanghai" };

const interfaceConnection = (interfaceId: unknown, owner?: string) =>
  add("alicloud:vpc/routerInterfaceConnection:RouterInterfaceConnection", "link", {
    interfaceId,
    oppositeInterfaceId: "ri-accepting",
    oppositeRouterId: "vrt-accepting",
    oppositeRouterType: "VRouter",
    ...(owner === undefined ? {} : { oppositeInterfaceOwnerId: owner }),
  });

/** …from the program's interface to Beijing (its ID, an output). */
const fromOwnInterface = (owner: string | undefined) =>
  pipe(
    add("alicloud:vpc/routerInterface:RouterInterface", "to-beijing", {
      oppositeRegion: "cn-beijing",
      routerId: "vrt-1",
      routerType: "VRouter",
      role: "InitiatingSide",
      specification: "Large.2",
    }),
    interfaceConnection(unknown, owner),
    (p: Plan) => withDependencies(p, "link", { interfaceId: ["to-beijing"] }),
  );

/** A cloud-native API gateway "apis" in the telemetry VPC, reached over the network `type`. */
const apigGateway = (type: string) =>
  add("alicloud:apig/gateway:Gateway", "apis", {
    networkAccessConfig: { type },
    paymentType: "PayAsYouGo",
    spec: "apigw.small.x1",
    vpc: { vpcId: "vpc-telemetry" },
  });

/** An ENS disk "edge-disk" on the edge node `ensRegionId`. */
const ensDisk = (ensRegionId: string) =>
  add("alicloud:ens/disk:Disk", "edge-disk", {
    ensRegionId,
    category: "cloud_efficiency",
    paymentType: "PayAsYouGo",
    size: 20,
  });

/** A PolarDB cluster "edge-db" on the edge node `ensRegionId`. */
const zonalCluster = (ensRegionId: string) =>
  add("alicloud:polardb/zonalDbCluster:ZonalDbCluster", "edge-db", {
    ensRegionId,
    dbType: "MySQL",
    dbVersion: "8.0",
    dbNodeClass: "polar.mysql.x4.medium.c",
    dbClusterNodesConfigs: [],
  });

/**
 * An ENS instance "edge-vm" scheduled at `level`: on a node (`Region`, `ensRegionId` given as
 * `area`) or on any node ENS picks in the area whose netDistrictCode is `area`.
 */
const ensAt = (level: string, area: unknown) =>
  ensInstance({
    scheduleAreaLevel: level,
    ...(level === "Region" ? { ensRegionId: area } : { netDistrictCode: area }),
  });

describe("placement", () => {
  runCases(pack, () => happy, cn, [
    {
      name: "a key is created through a provider pinned to Hong Kong",
      bad: hongKongKey,
      expected: [
        [
          "resource-placement",
          "hk-key",
          "mandatory",
          ['kms key "hk-key"', "cn-hongkong (outside CN, in HK)"],
        ],
        [
          "resource-placement",
          "hong-kong",
          "mandatory",
          ['alicloud provider "hong-kong"', "cn-hongkong (outside CN, in HK)"],
        ],
      ],
      twinName: "the key is created through the Beijing provider",
      twin: add("alicloud:kms/key:Key", "bj-key", { description: "dr" }, { provider: "beijing" }),
    },
    {
      name: "a provider sets no region",
      bad: pipe(
        addProvider("alicloud", "unpinned", {}),
        add("alicloud:kms/key:Key", "loose-key", {}, { provider: "unpinned" }),
      ),
      expected: [
        [
          "resource-placement",
          "loose-key",
          "mandatory",
          ['kms key "loose-key"', "an undetermined region"],
        ],
        [
          "resource-placement",
          "unpinned",
          "mandatory",
          ['alicloud provider "unpinned"', "region (not set)"],
        ],
      ],
      twinName: "a provider sets its region to Hangzhou",
      twin: pipe(
        addProvider("alicloud", "hangzhou", { region: "cn-hangzhou" }),
        add("alicloud:kms/key:Key", "hz-key", {}, { provider: "hangzhou" }),
      ),
    },
    {
      name: "a provider sends OSS calls to the Hong Kong endpoint",
      bad: addProvider("alicloud", "beijing-oss", {
        region: "cn-beijing",
        endpoints: [{ oss: "oss-cn-hongkong.aliyuncs.com" }],
      }),
      expected: [
        [
          "resource-placement",
          "beijing-oss",
          "mandatory",
          [
            'alicloud provider "beijing-oss"',
            "oss-cn-hongkong.aliyuncs.com (cn-hongkong (outside CN, in HK))",
          ],
        ],
      ],
      twinName: "it sends them to the Beijing endpoint",
      twin: addProvider("alicloud", "beijing-oss", {
        region: "cn-beijing",
        endpoints: [{ oss: "oss-cn-beijing-internal.aliyuncs.com" }],
      }),
    },
    // An ENS node stands in its own city, often abroad, whatever the provider's region
    // (residency/ens-nodes.ts): the provider's own examples create networks in tr-Istanbul-1.
    ...(
      [
        ["an edge disk is created on a node in Istanbul", "tr-Istanbul-1", "Istanbul, TR"],
        ["an edge disk is created on a node in Hong Kong", "cn-hongkong-2", "Hong Kong, HK"],
      ] as const
    ).map(([name, node, where]) => ({
      name,
      bad: ensDisk(node),
      expected: [
        [
          "arn-locality",
          "edge-disk",
          "mandatory",
          [
            'ens disk "edge-disk"',
            `${node} (an Alibaba Cloud ENS edge node in ${where}: outside CN)`,
          ],
        ],
      ] satisfies Finding[],
      twinName: "it is created on a node in Shanghai",
      twin: ensDisk("cn-shanghai-telecom"),
    })),
    {
      name: "an edge PolarDB cluster is created on a node in Singapore",
      bad: zonalCluster("sg-singapore-9"),
      expected: [
        [
          "arn-locality",
          "edge-db",
          "mandatory",
          [
            'polardb zonal db cluster "edge-db"',
            "sg-singapore-9 (an Alibaba Cloud ENS edge node in Singapore, SG: outside CN)",
          ],
        ],
      ],
      twinName: "it is created on a node in Chenzhou",
      twin: zonalCluster("cn-chenzhou-telecom_unicom_cmcc"),
    },
    // Scheduled by area, an ENS instance goes to whichever node of the area ENS picks: a province
    // or city is placed by its country, a region of several provinces cannot be placed.
    {
      name: "an edge instance is scheduled in the south-west region of several provinces",
      bad: ensAt("Big", "100106"),
      expected: [
        [
          "arn-locality",
          "edge-vm",
          "mandatory",
          [
            'ens instance "edge-vm"',
            'netDistrictCode "100106" (a region of several provinces, which the pack cannot place in a country)',
          ],
        ],
      ],
      twinName: "it is scheduled in the province of Fujian",
      twin: ensAt("Middle", "350000"),
    },
    {
      name: "an edge instance is scheduled in Hong Kong",
      bad: ensAt("Middle", "810000"),
      expected: [
        [
          "arn-locality",
          "edge-vm",
          "mandatory",
          ['ens instance "edge-vm"', 'netDistrictCode "810000" (Hong Kong, HK: outside CN)'],
        ],
      ],
      twinName: "it is scheduled in a city of Shanghai",
      twin: ensAt("Small", "310100"),
    },
    {
      name: "an edge instance is scheduled in an area whose code names no city",
      bad: ensAt("Small", "edge"),
      expected: [
        [
          "arn-locality",
          "edge-vm",
          "mandatory",
          [
            'ens instance "edge-vm"',
            'netDistrictCode "edge" (not the code of a city (an administrative division code, GB/T 2260, such as 350100), so its country cannot be checked)',
          ],
        ],
      ],
      twinName: "it is scheduled on a node in Shanghai",
      twin: ensAt("Region", "cn-shanghai-telecom"),
    },
    {
      name: "an edge instance is scheduled in a province without naming it",
      bad: ensInstance({ scheduleAreaLevel: "Middle" }),
      expected: [
        [
          "arn-locality",
          "edge-vm",
          "mandatory",
          ['ens instance "edge-vm"', "an area it does not name (netDistrictCode is not set)"],
        ],
      ],
      twinName: "it names the province of Jiangsu",
      twin: ensAt("Middle", "320000"),
    },
    {
      name: "an edge instance is scheduled in an area not known at preview",
      bad: ensAt("Middle", unknown),
      expected: [
        [
          "arn-locality",
          "edge-vm",
          "mandatory",
          ['ens instance "edge-vm"', "netDistrictCode (not known until deployed)"],
        ],
      ],
      twinName: "it is scheduled in the province of Zhejiang",
      twin: ensAt("Middle", "330000"),
    },
    {
      name: "an edge disk names a node whose country cannot be read",
      bad: ensDisk("edge-1"),
      expected: [
        [
          "arn-locality",
          "edge-disk",
          "mandatory",
          [
            'ens disk "edge-disk"',
            '"edge-1" (not an ENS node ID of the form <country>-<city>-<site>, so its country cannot be checked)',
          ],
        ],
      ],
      twinName: "it names a node in Hangzhou",
      twin: ensDisk("cn-hangzhou-44"),
    },
  ]);
});

describe("destinations a row reads with code of its own, only a lookup knowing them", () => {
  test("fail closed: an event stream's sink, remote-write targets, Hadoop hosts, host aliases, a queue subscription, a CDN origin group, a text subscription's phone", async () => {
    const looked = pipe(
      add("alicloud:eventbridge/eventStreaming:EventStreaming", "stream", {
        eventStreamingName: "orders",
        source: { sourceMnsParameters: { queueName: "orders" } },
        sink: unknown,
      }),
      add("alicloud:arms/remoteWrite:RemoteWrite", "rw", {
        clusterId: "c-1",
        remoteWriteYaml: unknown,
      }),
      add("alicloud:gpdb/hadoopDataSource:HadoopDataSource", "hadoop", {
        dbInstanceId: "gp-1",
        dataSourceName: "lake",
        hadoopHostsAddress: unknown,
      }),
      add("alicloud:sae/application:Application", "app", {
        appName: "app",
        packageType: "Image",
        replicas: 1,
        customHostAlias: unknown,
      }),
      add("alicloud:message/serviceSubscription:ServiceSubscription", "sub", {
        topicName: "orders",
        subscriptionName: "sub",
        pushType: "queue",
        endpoint: unknown,
      }),
      add("alicloud:cdn/domainConfig:DomainConfig", "origins", {
        domainName: "cdn.example.cn",
        functionName: "source_group",
        functionArgs: [{ argName: "source_info", argValue: unknown }],
      }),
      add("alicloud:message/serviceSubscription:ServiceSubscription", "texts", {
        topicName: "orders",
        subscriptionName: "texts",
        pushType: "alisms",
        endpoint: unknown,
      }),
    )(happy);
    const violations = await pack.checkAround(happy, looked, cn);
    expect(
      violations
        .filter((v) => v.policy === "named-destinations")
        .map((v) => v.resourceName)
        .sort(),
    ).toEqual(["app", "hadoop", "origins", "rw", "stream", "sub", "texts"]);
  });
});

describe("global services", () => {
  runCases(pack, () => happy, cn, [
    {
      name: "the CDN domain is accelerated globally",
      bad: set("cdn", (p) => {
        p.scope = "global";
      }),
      expected: [
        [
          "global-services",
          "cdn",
          "mandatory",
          ['cdn domain new "cdn"', "Alibaba Cloud CDN points of presence outside the jurisdiction"],
        ],
      ],
      twinName: "the CDN domain sets no scope, which serves from the mainland",
      twin: set("cdn", (p) => {
        delete p.scope;
      }),
    },
    {
      name: "OSS transfer acceleration is turned on",
      bad: add("alicloud:oss/bucketTransferAcceleration:BucketTransferAcceleration", "accelerate", {
        bucket: "sdc-telemetry",
        enabled: true,
      }),
      expected: [
        [
          "global-services",
          "accelerate",
          "mandatory",
          [
            'oss bucket transfer acceleration "accelerate"',
            "OSS transfer acceleration network outside the jurisdiction",
          ],
        ],
      ],
      twinName: "OSS transfer acceleration is declared off",
      twin: add(
        "alicloud:oss/bucketTransferAcceleration:BucketTransferAcceleration",
        "accelerate",
        {
          bucket: "sdc-telemetry",
          enabled: false,
        },
      ),
    },
    {
      name: "an anycast EIP is allocated",
      bad: add("alicloud:eipanycast/anycastEipAddress:AnycastEipAddress", "anycast", {
        serviceLocation: "international",
      }),
      expected: [
        [
          "global-services",
          "anycast",
          "mandatory",
          [
            'eipanycast anycast eip address "anycast"',
            "anycast points of presence outside the jurisdiction",
          ],
        ],
      ],
      twinName: "clients reach the service through an intranet network load balancer instead",
      twin: add("alicloud:nlb/loadBalancer:LoadBalancer", "nlb", {
        addressType: "Intranet",
        vpcId: "vpc-telemetry",
      }),
    },
  ]);
});

/** An MNS event rule delivering uploads to the queue `endpointValue` names. */
/** An EventBridge rule of the default bus sending OSS events to `targets`. */
const ordersRule = (targets: readonly Record<string, unknown>[]) =>
  add("alicloud:eventbridge/rule:Rule", "events", {
    eventBusName: "default",
    ruleName: "orders",
    filterPattern: '{"source":["acs.oss"]}',
    targets,
  });
const ordersQueue = "acs:mns:cn-shanghai:1234567890123456:/queues/orders";

const mnsEventRule = (endpointValue: string) =>
  add("alicloud:message/serviceEventRule:ServiceEventRule", "event-rule", {
    ruleName: "uploads",
    eventTypes: ["ObjectCreated:PutObject"],
    endpoint: { endpointType: "queue", endpointValue },
  });

/** A message service subscription of `pushType` pushing to `endpoint`. */
const messagePush = (pushType: string, endpoint: string) =>
  add("alicloud:message/serviceSubscription:ServiceSubscription", "sub", {
    topicName: "orders",
    subscriptionName: "sub",
    pushType,
    endpoint,
  });

/** A message service subscription pushing to the queue `endpoint` names. */
const queueSubscription = (endpoint: string) =>
  add("alicloud:message/serviceSubscription:ServiceSubscription", "sub", {
    topicName: "orders",
    subscriptionName: "sub",
    pushType: "queue",
    endpoint,
  });

/** An EventBridge rule sending OSS events to a queue, a function and an event bus of `region`. */
const eventRuleTo = (region: string) =>
  add("alicloud:eventbridge/rule:Rule", "events", {
    eventBusName: "default",
    ruleName: "orders",
    filterPattern: '{"source":["acs.oss"]}',
    targets: [
      {
        targetId: "mns",
        type: "acs.mns.queue",
        endpoint: `acs:mns:${region}:1234567890123456:queues/events`,
      },
      {
        targetId: "fc",
        type: "acs.fc.function",
        endpoint: `acs:fc:${region}:1234567890123456:services/app/functions/handler`,
      },
      {
        targetId: "bus",
        type: "acs.eventbridge",
        endpoint: `acs:eventbridge:${region}:1234567890123456:eventbus/default`,
      },
    ],
  });

/** SRV records of public DNS, the private zone and an ESA site, to load balancers in `region`. */
const srvRecords = (region: string) => {
  const lb = `alb-0123456789abcdef.${region}.alb.aliyuncs.com`;
  return pipe(
    add("alicloud:dns/alidnsRecord:AlidnsRecord", "sip", {
      domainName: "example.cn",
      rr: "_sip._tcp",
      type: "SRV",
      value: `10 5 5060 ${lb}`,
    }),
    add("alicloud:pvtz/zoneRecord:ZoneRecord", "ldap", {
      zoneId: "zone-records-internal",
      rr: "_ldap._tcp",
      type: "SRV",
      value: `10 5 389 ${lb}`,
    }),
    add("alicloud:esa/record:Record", "esa-sip", {
      siteId: 1,
      recordName: "_sip._tcp.example.cn",
      recordType: "SRV",
      data: { priority: 10, weight: 5, port: 5060, value: lb },
    }),
  );
};

/** A PAI dataset kept in a `dataSourceType` store (OSS, NAS) at `uri`. */
const paiDataset = (dataSourceType: string, uri: string) =>
  add("alicloud:pai/workspaceDataset:WorkspaceDataset", "dataset", {
    workspaceId: "ws-1",
    datasetName: "claims",
    dataSourceType,
    dataType: "COMMON",
    property: "DIRECTORY",
    accessibility: "PRIVATE",
    uri,
  });

/** The log-shipping finding of the PAI dataset "dataset" kept at `place`. */
const datasetShipped = (place: string): Finding => [
  "log-shipping",
  "dataset",
  "mandatory",
  ["cn-shanghai (inside CN)", 'pai workspace dataset "dataset"', place],
];

/** The log-shipping finding of the EventBridge rule "events" sending events to `place`. */
const eventShipped = (place: string): Finding => [
  "log-shipping",
  "events",
  "mandatory",
  ["cn-shanghai (inside CN)", 'eventbridge rule "events"', place],
];

/** An API destination of the stack's region by its ACS ARN. */
const partnerSinkArn = "acs:eventbridge:cn-shanghai:1234567890123456:/apidestination/partner-sink";

/** Rule targets posting the whole event to the API destination "partner-sink", by name and ARN. */
const partnerSinkTargets = ["partner-sink", partnerSinkArn].map((endpoint, i) => ({
  targetId: `sink-${i}`,
  type: "acs.api.destination",
  endpoint,
  paramLists: [
    { resourceKey: "Name", form: "CONSTANT", value: "partner-sink" },
    { resourceKey: "Body", form: "ORIGINAL" },
  ],
}));

/** The finding of the rule "events" posting to the API destination `endpoint`, not the program's. */
const unplacedSink = (endpoint: string): Finding => [
  "named-destinations",
  "events",
  "mandatory",
  ["cn-shanghai (inside CN)", 'eventbridge rule "events"', `"${endpoint}" (cannot be placed)`],
];

/**
 * A rule target of `type` (`acs.mail`, `acs.sms`) whose recipient parameter `key` is `value`,
 * given in `form`, and the whole event its body.
 */
const messageTarget = (type: string, key: string, form: string, value: string) => ({
  targetId: type.replace(".", "-"),
  type,
  endpoint: `acs:${type === "acs.mail" ? "directmail" : "sms"}:cn-hangzhou:1234567890123456:/`,
  paramLists: [
    { resourceKey: key, form, value },
    { resourceKey: type === "acs.mail" ? "Body" : "TemplateParam", form: "ORIGINAL" },
  ],
});

/** An EventBridge rule writing OSS events to a self-managed MySQL database at `endpoint`. */
const selfManagedTarget = (endpoint: string) =>
  add("alicloud:eventbridge/rule:Rule", "events", {
    eventBusName: "default",
    ruleName: "orders",
    filterPattern: '{"source":["acs.oss"]}',
    targets: [{ targetId: "db", type: "mysql", endpoint }],
  });

/** A record of the program's private zone: `type`, answering `value`. */
const zoneRecord = (type: string, value: unknown) =>
  add("alicloud:pvtz/zoneRecord:ZoneRecord", "partner", {
    zoneId: "zone-records-internal",
    rr: "partner",
    type,
    value,
  });

/** A bastion host that opens operator sessions through its `Public` or `Private` `address`. */
const bastionHost = (kind: "Public" | "Private", address: unknown) =>
  add("alicloud:bastionhost/host:Host", "bastion-host", {
    instanceId: "bastionhost-1",
    hostName: "db-admin",
    osType: "Linux",
    source: "Local",
    activeAddressType: kind,
    hostPrivateAddress: kind === "Private" ? address : "10.20.1.9",
    hostPublicAddress: kind === "Public" ? address : "198.51.100.9",
  });

describe("copies and replicas", () => {
  runCases(pack, () => happy, cn, [
    {
      name: "a replication rule's location is unknown at preview and its bucket is not in the program",
      bad: (plan) =>
        withDependencies(
          set("telemetry-replication", (p) => {
            p.destination = { bucket: "someone-elses-bucket", location: unknown };
          })(plan),
          "telemetry-replication",
          { bucket: ["telemetry"] },
        ),
      expected: [
        [
          "named-destinations",
          "telemetry-replication",
          "mandatory",
          [
            'oss bucket "telemetry"',
            'oss bucket replication "telemetry-replication"',
            '"someone-elses-bucket" (cannot be placed)',
          ],
        ],
      ],
      twinName: "the unknown location belongs to the program's Beijing bucket, named literally",
      twin: set("telemetry-replication", (p) => {
        p.destination = { bucket: "sdc-telemetry-dr", location: unknown };
      }),
    },
    {
      name: "RDS copies backups to Hong Kong",
      bad: set("db-cross-backup", (p) => {
        p.crossBackupRegion = "cn-hongkong";
      }),
      expected: [
        [
          "backup-copies",
          "db-cross-backup",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'rds instance cross backup policy "db-cross-backup"',
            "cn-hongkong (outside CN, in HK)",
          ],
        ],
      ],
      twinName: "RDS copies backups to Hangzhou",
      twin: set("db-cross-backup", (p) => {
        p.crossBackupRegion = "cn-hangzhou";
      }),
    },
    {
      name: "automatic snapshots are also copied to Singapore",
      bad: set("snapshots", (p) => {
        p.targetCopyRegions = ["cn-beijing", "ap-southeast-1"];
      }),
      expected: [
        [
          "backup-copies",
          "snapshots",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'ecs auto snapshot policy "snapshots"',
            "ap-southeast-1 (outside CN, in SG)",
          ],
        ],
      ],
      twinName: "they are also copied to Hangzhou",
      twin: set("snapshots", (p) => {
        p.targetCopyRegions = ["cn-beijing", "cn-hangzhou"];
      }),
    },
    {
      // One crossing, one finding: the zone beside the region is the same destination.
      name: "a disk replica group replicates to Singapore, naming its region and zone",
      bad: add("alicloud:ebs/diskReplicaGroup:DiskReplicaGroup", "disk-dr", {
        sourceRegionId: "cn-shanghai",
        sourceZoneId: "cn-shanghai-b",
        destinationRegionId: "ap-southeast-1",
        destinationZoneId: "ap-southeast-1a",
      }),
      expected: [
        [
          "backup-copies",
          "disk-dr",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'ebs disk replica group "disk-dr"',
            "ap-southeast-1 (outside CN, in SG)",
          ],
        ],
      ],
      twinName: "it replicates to Beijing",
      twin: add("alicloud:ebs/diskReplicaGroup:DiskReplicaGroup", "disk-dr", {
        sourceRegionId: "cn-shanghai",
        sourceZoneId: "cn-shanghai-b",
        destinationRegionId: "cn-beijing",
        destinationZoneId: "cn-beijing-h",
      }),
    },
    {
      name: "a disk replica pair names only a zone in Singapore",
      bad: add("alicloud:ebs/diskReplicaPair:DiskReplicaPair", "disk-pair", {
        diskId: "d-source",
        destinationDiskId: "d-replica",
        destinationZoneId: "ap-southeast-1a",
      }),
      expected: [
        [
          "backup-copies",
          "disk-pair",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'ebs disk replica pair "disk-pair"',
            "ap-southeast-1a (outside CN, in SG)",
          ],
        ],
      ],
      twinName: "it names only a zone in Beijing",
      twin: add("alicloud:ebs/diskReplicaPair:DiskReplicaPair", "disk-pair", {
        diskId: "d-source",
        destinationDiskId: "d-replica",
        destinationZoneId: "cn-beijing-h",
      }),
    },
    {
      name: "PolarDB stores level-2 backups in Singapore",
      bad: add("alicloud:polardb/backupPolicy:BackupPolicy", "polar-backups", {
        dbClusterId: "pc-telemetry",
        dataLevel2BackupAnotherRegionRegion: "ap-southeast-1",
      }),
      expected: [
        [
          "backup-copies",
          "polar-backups",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'polardb backup policy "polar-backups"',
            "ap-southeast-1 (outside CN, in SG)",
          ],
        ],
      ],
      twinName: "PolarDB stores them in Beijing",
      twin: add("alicloud:polardb/backupPolicy:BackupPolicy", "polar-backups", {
        dbClusterId: "pc-telemetry",
        dataLevel2BackupAnotherRegionRegion: "cn-beijing",
      }),
    },
    {
      name: "an image is copied in from Hong Kong",
      bad: imageCopyFrom("cn-hongkong"),
      expected: [
        [
          "backup-copies",
          "image",
          "mandatory",
          ["cn-hongkong (outside CN, in HK)", 'ecs image copy "image"', "cn-shanghai (inside CN)"],
        ],
      ],
      twinName: "the image is copied in from Hangzhou",
      twin: imageCopyFrom("cn-hangzhou"),
    },
    {
      name: "a Cloud Backup rule replicates to Tokyo",
      bad: add("alicloud:hbr/policy:Policy", "hbr", {
        policyName: "telemetry",
        rules: [{ ruleType: "REPLICATION", replicationRegionId: "ap-northeast-1", retention: 30 }],
      }),
      expected: [
        [
          "backup-copies",
          "hbr",
          "mandatory",
          ["cn-shanghai (inside CN)", 'hbr policy "hbr"', "ap-northeast-1 (outside CN, in JP)"],
        ],
      ],
      twinName: "the Cloud Backup rule replicates to Beijing",
      twin: add("alicloud:hbr/policy:Policy", "hbr", {
        policyName: "telemetry",
        rules: [{ ruleType: "REPLICATION", replicationRegionId: "cn-beijing", retention: 30 }],
      }),
    },
    {
      name: "a disaster-recovery instance restores a backup from Hong Kong",
      bad: add("alicloud:rds/ddrInstance:DdrInstance", "ddr", {
        engine: "MySQL",
        sourceRegion: "cn-hongkong",
        sourceDbInstanceName: "rm-abroad",
      }),
      expected: [
        [
          "database-replicas",
          "ddr",
          "mandatory",
          ["cn-hongkong (outside CN, in HK)", 'rds ddr instance "ddr"', "cn-shanghai (inside CN)"],
        ],
      ],
      twinName: "it restores a backup from Beijing",
      twin: add("alicloud:rds/ddrInstance:DdrInstance", "ddr", {
        engine: "MySQL",
        sourceRegion: "cn-beijing",
        sourceDbInstanceName: "rm-telemetry-dr",
      }),
    },
    {
      name: "a Tair instance joins a global cache the program does not create",
      bad: onStoreKey(
        add("alicloud:kvstore/instance:Instance", "cache", {
          globalInstanceId: "gr-abroad",
          securityIps: ["10.20.0.0/16"],
        }),
      ),
      expected: [
        [
          "named-destinations",
          "cache",
          "mandatory",
          ["cn-shanghai (inside CN)", 'kvstore instance "cache"', '"gr-abroad" (cannot be placed)'],
        ],
      ],
      twinName: "it joins the global cache of a Tair instance of the program",
      twin: onStoreKey(
        pipe(
          add("alicloud:kvstore/instance:Instance", "cache-primary", {
            globalInstance: true,
            securityIps: ["10.20.0.0/16"],
          }),
          add(
            "alicloud:kvstore/instance:Instance",
            "cache",
            { globalInstanceId: "cache-primary-id", securityIps: ["10.20.0.0/16"] },
            { dependsOn: { globalInstanceId: ["cache-primary"] }, provider: "beijing" },
          ),
        ),
      ),
    },
    {
      name: "DTS synchronises into Hong Kong",
      bad: set("sync", (p) => {
        p.destinationEndpointRegion = "cn-hongkong";
      }),
      expected: [
        [
          "data-transfer-jobs",
          "sync",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'dts synchronization job "sync"',
            "cn-hongkong (outside CN, in HK)",
          ],
        ],
      ],
      twinName: "DTS synchronises into Hangzhou",
      twin: set("sync", (p) => {
        p.destinationEndpointRegion = "cn-hangzhou";
      }),
    },
    {
      name: "DTS reads a self-hosted database on a public address",
      bad: set("sync", (p) => {
        p.sourceEndpointInstanceType = "OTHER";
        p.sourceEndpointIp = "198.18.7.7";
      }),
      expected: [
        [
          "data-transfer-jobs",
          "sync",
          "mandatory",
          [
            '"198.18.7.7" (cannot be placed)',
            'dts synchronization job "sync"',
            "cn-shanghai (inside CN)",
          ],
        ],
      ],
      twinName: "the self-hosted database is on a private address",
      twin: set("sync", (p) => {
        p.sourceEndpointInstanceType = "OTHER";
        p.sourceEndpointIp = "10.20.3.4";
      }),
    },
    {
      name: "DTS reads a database behind a database gateway at a private address not in the allowlist",
      bad: set("sync", (p) => {
        p.sourceEndpointInstanceType = "DG";
        p.sourceEndpointIp = "10.20.3.4";
      }),
      expected: [
        [
          "data-transfer-jobs",
          "sync",
          "mandatory",
          [
            "10.20.3.4 (private address of a site the pack cannot place)",
            'dts synchronization job "sync"',
            "cn-shanghai (inside CN)",
          ],
        ],
      ],
      twinName: "the gateway's site is in the egress allowlist",
      twin: set("sync", (p) => {
        p.sourceEndpointInstanceType = "DG";
        p.sourceEndpointIp = "203.0.113.20";
      }),
    },
    {
      name: "DBS backs up a database behind a backup gateway at a private address not in the allowlist",
      bad: add("alicloud:dbs/backupPlan:BackupPlan", "dbs", dbsPlan("Agent")),
      expected: [
        [
          "backup-copies",
          "dbs",
          "mandatory",
          [
            "10.20.3.9 (private address of a site the pack cannot place)",
            'dbs backup plan "dbs"',
            "cn-shanghai (inside CN)",
          ],
        ],
      ],
      twinName: "the database is an ECS-hosted one on a private address of the stack's network",
      twin: add("alicloud:dbs/backupPlan:BackupPlan", "dbs", dbsPlan("ECS")),
    },
    {
      name: "container images sync to Singapore",
      bad: set("images", (p) => {
        p.targetRegionId = "ap-southeast-1";
      }),
      expected: [
        [
          "registry-replication",
          "images",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'cs registry enterprise sync rule "images"',
            "ap-southeast-1 (outside CN, in SG)",
          ],
        ],
      ],
      twinName: "container images sync to Hangzhou",
      twin: set("images", (p) => {
        p.targetRegionId = "cn-hangzhou";
      }),
    },
    {
      name: "a KMS instance admits VPCs from Hong Kong",
      bad: add("alicloud:kms/instance:Instance", "kms", {
        vpcId: "vpc-telemetry",
        bindVpcs: [{ regionId: "cn-hongkong", vpcId: "vpc-abroad", vswitchId: "vsw-abroad" }],
      }),
      expected: [
        [
          "key-and-secret-replicas",
          "kms",
          "mandatory",
          ["cn-shanghai (inside CN)", 'kms instance "kms"', "cn-hongkong (outside CN, in HK)"],
        ],
      ],
      twinName: "it admits VPCs from Beijing",
      twin: add("alicloud:kms/instance:Instance", "kms", {
        vpcId: "vpc-telemetry",
        bindVpcs: [{ regionId: "cn-beijing", vpcId: "vpc-dr", vswitchId: "vsw-dr" }],
      }),
    },
    {
      name: "audit events go to an SLS project in Hong Kong",
      bad: set("trail", (p) => {
        p.slsProjectArn = "acs:log:cn-hongkong:1234567890123456:project/abroad";
      }),
      expected: [
        [
          "log-shipping",
          "trail",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'actiontrail trail "trail"',
            "acs:log:cn-hongkong:1234567890123456:project/abroad (outside CN, in HK)",
          ],
        ],
      ],
      twinName: "audit events go to an SLS project in Beijing",
      twin: set("trail", (p) => {
        p.slsProjectArn = "acs:log:cn-beijing:1234567890123456:project/sdc-audit-dr";
      }),
    },
    {
      // ActionTrail's `All`, which the provider's own examples use, read "(outside CN)" as if a
      // region abroad were named.
      name: "a trail collects the events of all regions",
      bad: set("trail", (p) => {
        p.trailRegion = "All";
      }),
      expected: [
        [
          "log-shipping",
          "trail",
          "mandatory",
          [
            "All (all regions of alicloud, not only those inside CN)",
            'actiontrail trail "trail"',
            "cn-shanghai (inside CN)",
          ],
        ],
      ],
      twinName: "it collects the events of Beijing",
      twin: set("trail", (p) => {
        p.trailRegion = "cn-beijing";
      }),
    },
    {
      name: "flow logs go to an SLS project the program does not create",
      bad: (plan) =>
        withDependencies(
          set("flow-log", (p) => {
            p.projectName = "abroad";
          })(plan),
          "flow-log",
          {},
        ),
      expected: [
        [
          "named-destinations",
          "flow-log",
          "mandatory",
          ["cn-shanghai (inside CN)", 'vpc flow log "flow-log"', '"abroad" (cannot be placed)'],
        ],
      ],
      twinName: "flow logs go to the program's SLS project, named literally",
      twin: (plan) =>
        withDependencies(
          set("flow-log", (p) => {
            p.projectName = "sdc-audit";
          })(plan),
          "flow-log",
          {},
        ),
    },
  ]);
});

describe("network links", () => {
  /** The Shanghai VPC "vpc-shanghai" attached to the CEN instance `instanceId` names. */
  const attachedTo = (instanceId: unknown) =>
    add("alicloud:cen/instanceAttachment:InstanceAttachment", "joined", {
      instanceId,
      childInstanceId: "vpc-shanghai",
      childInstanceType: "VPC",
      childInstanceRegionId: "cn-shanghai",
    });

  /** The program's VPC attached to a transit router by `props`. */
  const trAttachment = (props: Props) => (plan: Plan) =>
    add("alicloud:cen/transitRouterVpcAttachment:TransitRouterVpcAttachment", "spoke", {
      vpcId: named(plan, "vpc").outputs.id,
      zoneMappings: [{ vswitchId: "vsw-shanghai", zoneId: "cn-shanghai-b" }],
      ...props,
    })(plan);
  /** The finding on the transit router attachment "spoke" whose hub cannot be placed. */
  const spokeUnplaced = (place: string): Finding[] => [
    [
      "named-destinations",
      "spoke",
      "mandatory",
      ["cn-shanghai (inside CN)", 'cen transit router vpc attachment "spoke"', place],
    ],
  ];
  /** `plan` with the transit router attachment "spoke" joining the program's router and VPC. */
  const ofProgram = (plan: Plan) =>
    withDependencies(plan, "spoke", { transitRouterId: ["router"], vpcId: ["vpc"] });

  /** An accepter of the VPC peer connection `instanceId` names. */
  const peerAccepter = (instanceId: unknown) =>
    add("alicloud:vpc/peerConnectionAccepter:PeerConnectionAccepter", "accept", { instanceId });

  runCases(pack, () => happy, cn, [
    {
      name: "a VPC peer connection accepter accepts a peering the program does not request",
      bad: peerAccepter("pcc-0a1b2c3d4e5f6g7h8i"),
      expected: [
        [
          "named-destinations",
          "accept",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'vpc peer connection accepter "accept"',
            '"pcc-0a1b2c3d4e5f6g7h8i" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it accepts the program's peering with Beijing, named by its ID",
      twin: (plan) => peerAccepter(named(plan, "peer").outputs.id)(plan),
    },
    lookupCase({
      name: "a VPC peer connection accepter accepts a peering only a lookup knows",
      make: peerAccepter,
      resource: "accept",
      label: 'vpc peer connection accepter "accept"',
      near: "cn-shanghai (inside CN)",
      path: "instanceId",
      from: "peer",
      twinName: "the ID, not known at preview either, is the program's peer connection's",
    }),
    {
      name: "a VPC is attached to a CEN instance the program does not create",
      bad: attachedTo("cen-0a1b2c3d4e5f6g7h8i"),
      expected: [
        [
          "named-destinations",
          "joined",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'cen instance attachment "joined"',
            '"cen-0a1b2c3d4e5f6g7h8i" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it is attached to the program's CEN instance, named by its ID",
      twin: (plan) => attachedTo(named(plan, "cen").outputs.id)(plan),
    },
    lookupCase({
      name: "a VPC is attached to a CEN instance only a lookup knows",
      make: attachedTo,
      resource: "joined",
      label: 'cen instance attachment "joined"',
      near: "cn-shanghai (inside CN)",
      path: "instanceId",
      from: "cen",
      twinName: "the ID, not known at preview either, is the program's CEN instance's",
    }),
    {
      name: "a VPC is attached to a transit router the program does not create",
      bad: trAttachment({ transitRouterId: "tr-0a1b2c3d4e5f6g7h8i" }),
      expected: spokeUnplaced('"tr-0a1b2c3d4e5f6g7h8i" (cannot be placed)'),
      twinName: "it is attached to the program's transit router, whose ID is known once deployed",
      twin: pipe(trAttachment({ transitRouterId: unknown }), ofProgram),
    },
    {
      name: "a VPC is attached to the transit router a route table of another stack's router names",
      bad: pipe(
        add("alicloud:cen/transitRouterRouteTable:TransitRouterRouteTable", "routes", {
          transitRouterId: "tr-0a1b2c3d4e5f6g7h8i",
        }),
        trAttachment({ transitRouterId: unknown }),
        (plan) => withDependencies(plan, "spoke", { transitRouterId: ["routes"], vpcId: ["vpc"] }),
      ),
      expected: spokeUnplaced("transitRouterId (unknown at preview)"),
      twinName:
        "it is attached to the program's transit router through the ID its route table holds",
      twin: pipe(
        add("alicloud:cen/transitRouterRouteTable:TransitRouterRouteTable", "routes", {
          transitRouterId: unknown,
        }),
        (plan) => withDependencies(plan, "routes", { transitRouterId: ["router"] }),
        trAttachment({ transitRouterId: unknown }),
        (plan) => withDependencies(plan, "spoke", { transitRouterId: ["routes"], vpcId: ["vpc"] }),
      ),
    },
    {
      name: "a VPC is attached to a transit router only a lookup knows",
      bad: trAttachment({ transitRouterId: unknown }),
      expected: spokeUnplaced("transitRouterId (unknown at preview)"),
      twinName: "it names the program's CEN instance and no transit router",
      twin: (plan) =>
        pipe(trAttachment({ cenId: named(plan, "cen").outputs.id }), (p) =>
          withDependencies(p, "spoke", { vpcId: ["vpc"] }),
        )(plan),
    },
    {
      name: "a VPC is attached, naming no transit router, to a CEN instance the program does not create",
      bad: trAttachment({ cenId: "cen-0a1b2c3d4e5f6g7h8i" }),
      expected: spokeUnplaced('"cen-0a1b2c3d4e5f6g7h8i" (cannot be placed)'),
      twinName: "the program's transit router is named beside that CEN instance",
      twin: pipe(
        trAttachment({ cenId: "cen-0a1b2c3d4e5f6g7h8i", transitRouterId: unknown }),
        ofProgram,
      ),
    },
    {
      name: "a Hong Kong VPC is attached to the CEN",
      bad: set("cen-vpc", (p) => {
        p.childInstanceRegionId = "cn-hongkong";
      }),
      expected: [
        [
          "network-links",
          "cen-vpc",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'cen instance attachment "cen-vpc"',
            "cn-hongkong (outside CN, in HK)",
          ],
        ],
      ],
      twinName: "the Shanghai VPC is attached to the CEN",
      twin: set("cen-vpc", (p) => {
        p.childInstanceRegionId = "cn-shanghai";
      }),
    },
    // Found by the network bench: the endpoint service's name carries its region.
    {
      name: "a PrivateLink endpoint connects to OSS's endpoint service in Jakarta",
      bad: add("alicloud:privatelink/vpcEndpoint:VpcEndpoint", "oss-endpoint", {
        vpcId: "vpc-telemetry",
        serviceName: "com.aliyuncs.privatelink.ap-southeast-5.oss",
      }),
      expected: [
        [
          "network-links",
          "oss-endpoint",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'privatelink vpc endpoint "oss-endpoint"',
            "com.aliyuncs.privatelink.ap-southeast-5.oss (outside CN, in ID)",
          ],
        ],
      ],
      twinName: "it connects across regions to OSS's endpoint service in Beijing",
      twin: add("alicloud:privatelink/vpcEndpoint:VpcEndpoint", "oss-endpoint", {
        vpcId: "vpc-telemetry",
        serviceName: "com.aliyuncs.privatelink.cn-beijing.oss",
        serviceRegionId: "cn-beijing",
      }),
    },
    // Found by the benches' rerun: the program's own endpoint service, its name not known
    // before deployment, lies where it is created.
    {
      name: "a PrivateLink endpoint connects to the program's own endpoint service, created in Hong Kong",
      bad: pipe(
        addProvider("alicloud", "hongkong", { region: "cn-hongkong" }),
        add(
          "alicloud:privatelink/vpcEndpointService:VpcEndpointService",
          "svc",
          { serviceDescription: "orders", autoAcceptConnection: false },
          { provider: "hongkong" },
        ),
        add("alicloud:privatelink/vpcEndpoint:VpcEndpoint", "svc-endpoint", {
          vpcId: "vpc-telemetry",
          serviceName: unknown,
        }),
        (plan: Plan) => withDependencies(plan, "svc-endpoint", { serviceName: ["svc"] }),
      ),
      expected: [
        [
          "named-destinations",
          "svc-endpoint",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'privatelink vpc endpoint "svc-endpoint"',
            'privatelink vpc endpoint service "svc" in cn-hongkong (outside CN, in HK)',
          ],
        ],
        [
          "resource-placement",
          "hongkong",
          "mandatory",
          ['alicloud provider "hongkong"', "cn-hongkong (outside CN, in HK)"],
        ],
        [
          "resource-placement",
          "svc",
          "mandatory",
          ['privatelink vpc endpoint service "svc"', "cn-hongkong (outside CN, in HK)"],
        ],
      ],
      twinName: "it connects to the program's own endpoint service in Shanghai",
      twin: pipe(
        add("alicloud:privatelink/vpcEndpointService:VpcEndpointService", "svc", {
          serviceDescription: "orders",
          autoAcceptConnection: false,
        }),
        add("alicloud:privatelink/vpcEndpoint:VpcEndpoint", "svc-endpoint", {
          vpcId: "vpc-telemetry",
          serviceName: unknown,
        }),
        (plan: Plan) => withDependencies(plan, "svc-endpoint", { serviceName: ["svc"] }),
      ),
    },
    {
      name: "CEN bandwidth is bought between China and North America",
      bad: add("alicloud:cen/bandwidthPackage:BandwidthPackage", "cen-bandwidth", {
        geographicRegionAId: "China",
        geographicRegionBId: "North-America",
        bandwidth: 5,
      }),
      expected: [
        [
          "network-links",
          "cen-bandwidth",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'cen bandwidth package "cen-bandwidth"',
            "China and North-America (two geographic areas)",
          ],
        ],
      ],
      twinName: "CEN bandwidth is bought within China",
      twin: add("alicloud:cen/bandwidthPackage:BandwidthPackage", "cen-bandwidth", {
        geographicRegionAId: "China",
        geographicRegionBId: "China",
        bandwidth: 5,
      }),
    },
    {
      name: "the transit router peers with one in Beijing the program does not create",
      bad: pipe(
        set("router-peer", (p) => {
          p.peerTransitRouterId = "tr-0a1b2c3d4e5f6g7h8i";
        }),
        // A literal ID, computed from none of the program's resources.
        (plan) => withDependencies(plan, "router-peer", { peerTransitRouterId: [] }),
      ),
      expected: [
        [
          "named-destinations",
          "router-peer",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'cen transit router peer attachment "router-peer"',
            '"tr-0a1b2c3d4e5f6g7h8i" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it peers with the program's own transit router in Beijing",
      twin: set("router-peer", () => undefined),
    },
    {
      name: "transit routers peer with Singapore",
      bad: set("router-peer", (p) => {
        p.peerTransitRouterRegionId = "ap-southeast-1";
      }),
      expected: [
        [
          "network-links",
          "router-peer",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'cen transit router peer attachment "router-peer"',
            "ap-southeast-1 (outside CN, in SG)",
          ],
        ],
      ],
      twinName: "transit routers peer with Hangzhou",
      twin: set("router-peer", (p) => {
        p.peerTransitRouterRegionId = "cn-hangzhou";
      }),
    },
    {
      name: "the VPC peers with Hong Kong",
      bad: set("peer", (p) => {
        p.acceptingRegionId = "cn-hongkong";
      }),
      expected: [
        [
          "network-links",
          "peer",
          "mandatory",
          ["cn-shanghai (inside CN)", 'vpc peering "peer"', "cn-hongkong (outside CN, in HK)"],
        ],
      ],
      twinName: "the VPC peers with Hangzhou",
      twin: set("peer", (p) => {
        p.acceptingRegionId = "cn-hangzhou";
      }),
    },
    {
      name: "a router interface connects to Tokyo",
      bad: add("alicloud:expressconnect/routerInterface:RouterInterface", "router-if", {
        routerId: "vrt-telemetry",
        routerType: "VRouter",
        role: "InitiatingSide",
        oppositeRegionId: "ap-northeast-1",
        paymentType: "PayAsYouGo",
        spec: "Mini.2",
      }),
      expected: [
        [
          "network-links",
          "router-if",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'expressconnect router interface "router-if"',
            "ap-northeast-1 (outside CN, in JP)",
          ],
        ],
      ],
      twinName: "it connects to Beijing",
      twin: add("alicloud:expressconnect/routerInterface:RouterInterface", "router-if", {
        routerId: "vrt-telemetry",
        routerType: "VRouter",
        role: "InitiatingSide",
        oppositeRegionId: "cn-beijing",
        paymentType: "PayAsYouGo",
        spec: "Mini.2",
      }),
    },
    {
      name: "a leased line lands in Singapore with an operator abroad",
      bad: add("alicloud:expressconnect/physicalConnection:PhysicalConnection", "line", {
        accessPointId: "ap-sg-singpore-A",
        lineOperator: "Other",
        peerLocation: "Singapore",
      }),
      expected: [
        [
          "remote-sites",
          "line",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'expressconnect physical connection "line"',
            '"ap-sg-singpore-A" (cannot be placed)',
          ],
        ],
        [
          "remote-sites",
          "line",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'expressconnect physical connection "line"',
            "an operator outside the Chinese mainland",
          ],
        ],
      ],
      twinName: "it lands in Hangzhou with a mainland operator",
      twin: add("alicloud:expressconnect/physicalConnection:PhysicalConnection", "line", {
        accessPointId: "ap-cn-hangzhou-yh-B",
        lineOperator: "CT",
        peerLocation: "Hangzhou",
      }),
    },
    {
      name: "a border router is associated with a leased line the program does not create",
      bad: add("alicloud:expressconnect/vbrPconnAssociation:VbrPconnAssociation", "second-line", {
        physicalConnectionId: "pc-elsewhere",
        vbrId: "vbr-office",
        vlanId: 11,
      }),
      expected: [
        [
          "named-destinations",
          "second-line",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'expressconnect vbr pconn association "second-line"',
            '"pc-elsewhere" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it is associated with the program's line, landing in Hangzhou",
      twin: pipe(
        add("alicloud:expressconnect/physicalConnection:PhysicalConnection", "line", {
          accessPointId: "ap-cn-hangzhou-yh-B",
          lineOperator: "CT",
          peerLocation: "Hangzhou",
        }),
        add("alicloud:expressconnect/vbrPconnAssociation:VbrPconnAssociation", "second-line", {
          physicalConnectionId: unknown,
          vbrId: "vbr-office",
          vlanId: 11,
        }),
        (p) => withDependencies(p, "second-line", { physicalConnectionId: ["line"] }),
      ),
    },
    {
      name: "a router interface connection starts from an interface the program does not create",
      bad: interfaceConnection("ri-elsewhere"),
      expected: [
        [
          "named-destinations",
          "link",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'vpc router interface connection "link"',
            '"ri-elsewhere" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it starts from the program's interface to Beijing",
      twin: fromOwnInterface(undefined),
    },
    {
      name: "the program's router interface connects to an accepting interface of another account",
      bad: fromOwnInterface("9876543210987654"),
      expected: [
        [
          "cross-account-links",
          "link",
          "advisory",
          [
            "cn-shanghai (inside CN)",
            'vpc router interface connection "link"',
            "account 9876543210987654 (not this stack's account 1234567890123456)",
          ],
        ],
      ],
      twinName: "the accepting interface is the stack's own account's",
      twin: fromOwnInterface("1234567890123456"),
    },
    {
      name: "a transit router route sends all traffic into an attachment the program does not create",
      bad: add("alicloud:cen/transitRouterRouteEntry:TransitRouterRouteEntry", "default", {
        transitRouterRouteTableId: "vtb-shared",
        transitRouterRouteEntryDestinationCidrBlock: "0.0.0.0/0",
        transitRouterRouteEntryNextHopType: "Attachment",
        transitRouterRouteEntryNextHopId: "tr-attach-elsewhere",
      }),
      expected: [
        [
          "named-destinations",
          "default",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'cen transit router route entry "default"',
            '"tr-attach-elsewhere" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it sends them into the program's attachment of its own VPC, and drops the rest",
      twin: pipe(
        add("alicloud:cen/transitRouterVpcAttachment:TransitRouterVpcAttachment", "spoke", {
          transitRouterId: unknown,
          vpcId: unknown,
          zoneMappings: [{ vswitchId: "vsw-a", zoneId: "cn-shanghai-b" }],
        }),
        (p) => withDependencies(p, "spoke", { transitRouterId: ["router"], vpcId: ["vpc"] }),
        add("alicloud:cen/transitRouterRouteEntry:TransitRouterRouteEntry", "default", {
          transitRouterRouteTableId: "vtb-shared",
          transitRouterRouteEntryDestinationCidrBlock: "10.0.0.0/8",
          transitRouterRouteEntryNextHopType: "Attachment",
          transitRouterRouteEntryNextHopId: unknown,
        }),
        (p) => withDependencies(p, "default", { transitRouterRouteEntryNextHopId: ["spoke"] }),
        add("alicloud:cen/transitRouterRouteEntry:TransitRouterRouteEntry", "drop", {
          transitRouterRouteTableId: "vtb-shared",
          transitRouterRouteEntryDestinationCidrBlock: "0.0.0.0/0",
          transitRouterRouteEntryNextHopType: "BlackHole",
        }),
      ),
    },
    {
      name: "a transit router attaches an Express Connect router the program does not create",
      bad: add("alicloud:cen/transitRouterEcrAttachment:TransitRouterEcrAttachment", "ecr-att", {
        cenId: "cen-shared",
        transitRouterId: "tr-shared",
        ecrId: "ecr-elsewhere",
      }),
      expected: [
        [
          "named-destinations",
          "ecr-att",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'cen transit router ecr attachment "ecr-att"',
            '"ecr-elsewhere" (cannot be placed)',
          ],
        ],
        [
          "named-destinations",
          "ecr-att",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'cen transit router ecr attachment "ecr-att"',
            '"tr-shared" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it attaches the program's router to the program's transit router",
      twin: pipe(
        add("alicloud:cen/transitRouter:TransitRouter", "own-tr", { cenId: "cen-shared" }),
        add(
          "alicloud:expressconnect/routerExpressConnectRouter:RouterExpressConnectRouter",
          "ecr",
          {
            alibabaSideAsn: 65532,
          },
        ),
        add("alicloud:cen/transitRouterEcrAttachment:TransitRouterEcrAttachment", "ecr-att", {
          cenId: "cen-shared",
          transitRouterId: unknown,
          ecrId: unknown,
        }),
        (p) => withDependencies(p, "ecr-att", { transitRouterId: ["own-tr"], ecrId: ["ecr"] }),
      ),
    },
    {
      name: "a multicast group gets a member from a peer domain the program does not create",
      bad: add(
        "alicloud:cen/transitRouterMulticastDomainPeerMember:TransitRouterMulticastDomainPeerMember",
        "peer-member",
        {
          transitRouterMulticastDomainId: "tr-mcast-local",
          peerTransitRouterMulticastDomainId: "tr-mcast-elsewhere",
          groupIpAddress: "239.1.1.1",
        },
      ),
      expected: [
        [
          "named-destinations",
          "peer-member",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'cen transit router multicast domain peer member "peer-member"',
            '"tr-mcast-elsewhere" (cannot be placed)',
          ],
        ],
      ],
      twinName: "the peer domain is the program's own, in Shanghai",
      twin: pipe(
        add(
          "alicloud:cen/transitRouterMulticastDomain:TransitRouterMulticastDomain",
          "peer-domain",
          {
            transitRouterId: "tr-shared",
          },
        ),
        add(
          "alicloud:cen/transitRouterMulticastDomainPeerMember:TransitRouterMulticastDomainPeerMember",
          "peer-member",
          {
            transitRouterMulticastDomainId: "tr-mcast-local",
            peerTransitRouterMulticastDomainId: unknown,
            groupIpAddress: "239.1.1.1",
          },
        ),
        (p) =>
          withDependencies(p, "peer-member", {
            peerTransitRouterMulticastDomainId: ["peer-domain"],
          }),
      ),
    },
    {
      name: "the VPN customer gateway is an address outside the allowlist",
      bad: set("office", (p) => {
        p.ipAddress = "192.0.2.99";
      }),
      expected: [
        [
          "remote-sites",
          "office",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'customer gateway "office"',
            '"192.0.2.99" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it is another address of the allowlisted office range",
      twin: set("office", (p) => {
        p.ipAddress = "203.0.113.20";
      }),
    },
    {
      name: "DNS queries are forwarded to a public resolver",
      bad: add("alicloud:pvtz/rule:Rule", "forward", {
        endpointId: "hr-telemetry",
        ruleName: "corp",
        type: "OUTBOUND",
        zoneName: "corp.example",
        forwardIps: [{ ip: "8.8.8.8", port: 53 }],
      }),
      expected: [
        [
          "remote-sites",
          "forward",
          "mandatory",
          ["cn-shanghai (inside CN)", 'pvtz rule "forward"', '"8.8.8.8" (cannot be placed)'],
        ],
      ],
      twinName: "they are forwarded to a resolver in the VPC",
      twin: add("alicloud:pvtz/rule:Rule", "forward", {
        endpointId: "hr-telemetry",
        ruleName: "corp",
        type: "OUTBOUND",
        zoneName: "corp.example",
        forwardIps: [{ ip: "10.20.1.53", port: 53 }],
      }),
    },
  ]);
  runCasesInBothPostures(pack, () => happy, cn, [
    {
      name: "the VPC peers with another account's VPC",
      bad: set("peer", (p) => {
        p.acceptingAliUid = 9876543210987654;
      }),
      expected: [
        [
          "cross-account-links",
          "peer",
          "advisory",
          [
            "cn-shanghai (inside CN)",
            'vpc peering "peer"',
            "account 9876543210987654 (not this stack's account 1234567890123456)",
          ],
        ],
      ],
      twinName: "the VPC peers with a VPC of the stack's own account",
      twin: set("peer", (p) => {
        p.acceptingAliUid = 1234567890123456;
      }),
    },
    {
      name: "a RAM role trusts another account",
      bad: add("alicloud:ram/role:Role", "auditor", {
        roleName: "auditor",
        assumeRolePolicyDocument: ramTrust({ RAM: ["acs:ram::9876543210987654:root"] }),
      }),
      expected: [
        [
          "cross-account-links",
          "auditor",
          "advisory",
          [
            "cn-shanghai (inside CN)",
            'ram role "auditor"',
            "account 9876543210987654 (not this stack's account 1234567890123456)",
          ],
        ],
      ],
      twinName: "the role trusts the stack's own account and ECS",
      twin: add("alicloud:ram/role:Role", "auditor", {
        roleName: "auditor",
        assumeRolePolicyDocument: ramTrust({
          RAM: ["acs:ram::1234567890123456:root"],
          Service: ["ecs.aliyuncs.com"],
        }),
      }),
    },
    {
      name: "a RAM role trusts the users of a SAML provider (under the deprecated document)",
      bad: add("alicloud:ram/role:Role", "sso", {
        roleName: "sso",
        document: ramTrust({ Federated: ["acs:ram::1234567890123456:saml-provider/corp-idp"] }),
      }),
      expected: [
        [
          "cross-account-links",
          "sso",
          "advisory",
          [
            "cn-shanghai (inside CN)",
            'ram role "sso"',
            "the identities corp-idp vouches for (an identity provider, not an account of the stack)",
          ],
        ],
      ],
      twinName: "the role trusts only Function Compute",
      twin: add("alicloud:ram/role:Role", "sso", {
        roleName: "sso",
        document: ramTrust({ Service: ["fc.aliyuncs.com"] }),
      }),
    },
    // Found by the compliance review: a role made through Resource Manager trusts as a RAM role
    // does, and its trust of another account gave no finding.
    {
      name: "a Resource Manager role trusts another account",
      bad: add("alicloud:resourcemanager/role:Role", "hq-analytics", {
        roleName: "hq-analytics",
        assumeRolePolicyDocument: ramTrust({ RAM: ["acs:ram::9876543210987654:root"] }),
      }),
      expected: [
        [
          "cross-account-links",
          "hq-analytics",
          "advisory",
          [
            "cn-shanghai (inside CN)",
            'resourcemanager role "hq-analytics"',
            "account 9876543210987654 (not this stack's account 1234567890123456)",
          ],
        ],
      ],
      twinName: "it trusts the stack's own account",
      twin: add("alicloud:resourcemanager/role:Role", "hq-analytics", {
        roleName: "hq-analytics",
        assumeRolePolicyDocument: ramTrust({ RAM: ["acs:ram::1234567890123456:root"] }),
      }),
    },
  ]);
});

/** An Elastic Container Instance group in the stack's vSwitch, with `props`, mounting NFS from `server`. */
const containerGroup = (props: Record<string, unknown>, server: string) =>
  add("alicloud:eci/containerGroup:ContainerGroup", "app", {
    containerGroupName: "app",
    cpu: 1,
    memory: 2,
    securityGroupId: "sg-telemetry",
    vswitchId: "vsw-telemetry-a",
    containers: [{ name: "app", image: "registry.cn-shanghai.aliyuncs.com/telemetry/app:1" }],
    volumes: [{ name: "data", type: "NFSVolume", nfsVolumeServer: server, nfsVolumePath: "/" }],
    ...props,
  });

/** An ECI scaling configuration whose container groups create their own EIP or not. */
const eciScaling = (autoCreateEip: boolean) =>
  add("alicloud:ess/eciScalingConfiguration:EciScalingConfiguration", "eci-scaling", {
    scalingGroupId: "asg-telemetry",
    securityGroupId: "sg-telemetry",
    autoCreateEip,
    containers: [{ name: "app", image: "registry.cn-shanghai.aliyuncs.com/telemetry/app:1" }],
  });

/** An Elastic Cloud Phone instance in the stack's vSwitch with `eipBandwidth` Mbit/s of EIP. */
const cloudPhone = (eipBandwidth: number) =>
  add("alicloud:ecp/instance:Instance", "phone", {
    instanceType: "ecp.ce.large",
    imageId: "android-image-release5501072_a11_20240530.raw",
    vswitchId: "vsw-telemetry-a",
    securityGroupId: "sg-telemetry",
    eipBandwidth,
  });

describe("exposure and egress", () => {
  runCases(pack, () => happy, cn, [
    {
      name: "a bucket ACL is public-read",
      bad: set("telemetry-acl", (p) => {
        p.acl = "public-read";
      }),
      expected: [
        [
          "public-exposure",
          "telemetry-acl",
          "mandatory",
          ["the internet", 'oss bucket acl "telemetry-acl"'],
        ],
      ],
      twinName: "the bucket ACL is private",
      twin: set("telemetry-acl", (p) => {
        p.acl = "private";
      }),
    },
    {
      // The provider's default admits every network type, the internet included.
      name: "a Tablestore instance sets no network ACL",
      bad: add("alicloud:ots/instance:Instance", "tables", { name: "tables" }),
      expected: [
        ["public-exposure", "tables", "mandatory", ["the internet", 'ots instance "tables"']],
      ],
      twinName: "it admits the VPC alone",
      twin: add("alicloud:ots/instance:Instance", "tables", {
        name: "tables",
        networkTypeAcls: ["VPC"],
      }),
    },
    {
      name: "a Tablestore instance admits the internet, or any network by the older setting",
      bad: pipe(
        add("alicloud:ots/instance:Instance", "tables", {
          name: "tables",
          networkTypeAcls: ["VPC", "INTERNET"],
        }),
        add("alicloud:ots/instance:Instance", "archive", { name: "archive", accessedBy: "Any" }),
      ),
      expected: [
        ["public-exposure", "tables", "mandatory", ["the internet", 'ots instance "tables"']],
        ["public-exposure", "archive", "mandatory", ["the internet", 'ots instance "archive"']],
      ],
      twinName: "one admits the VPC and classic network, the other the VPC by the older setting",
      twin: pipe(
        add("alicloud:ots/instance:Instance", "tables", {
          name: "tables",
          networkTypeAcls: ["VPC", "CLASSIC"],
        }),
        add("alicloud:ots/instance:Instance", "archive", { name: "archive", accessedBy: "Vpc" }),
      ),
    },
    {
      name: "a cloud-native API gateway is reached from the internet",
      bad: apigGateway("Internet"),
      expected: [["public-exposure", "apis", "mandatory", ["the internet", 'apig gateway "apis"']]],
      twinName: "it is reached from the VPC alone",
      twin: apigGateway("Intranet"),
    },
    {
      // Internet- and VPC-connected: an SSL endpoint on the internet, whitelisted 0.0.0.0/0.
      name: "a Kafka instance is deployed Internet- and VPC-connected",
      bad: add("alicloud:alikafka/instance:Instance", "events", {
        partitionNum: 50,
        diskType: 1,
        diskSize: 500,
        deployType: 4,
        eipMax: 3,
        ioMax: 20,
        vswitchId: "vsw-telemetry-a",
      }),
      expected: [
        ["public-exposure", "events", "mandatory", ["the internet", 'alikafka instance "events"']],
      ],
      twinName: "it is deployed VPC-connected",
      twin: add("alicloud:alikafka/instance:Instance", "events", {
        partitionNum: 50,
        diskType: 1,
        diskSize: 500,
        deployType: 5,
        ioMax: 20,
        vswitchId: "vsw-telemetry-a",
      }),
    },
    {
      // pubNetworkFlow above 0 is internet bandwidth whatever netType says.
      name: "an MSE registry is given internet bandwidth and no whitelist",
      bad: mseRegistry({ netType: "privatenet", pubNetworkFlow: "5" }),
      expected: [
        ["public-exposure", "registry", "mandatory", ["the internet", 'mse cluster "registry"']],
      ],
      twinName: "it has no internet bandwidth",
      twin: mseRegistry({ netType: "privatenet", pubNetworkFlow: "0" }),
    },
    {
      name: "an MSE registry's public endpoint whitelists a public range",
      bad: mseRegistry({
        netType: "both",
        pubNetworkFlow: "1",
        aclEntryLists: ["10.0.0.0/8", "198.51.100.7/32"],
      }),
      expected: [
        ["public-exposure", "registry", "mandatory", ["the internet", 'mse cluster "registry"']],
      ],
      twinName: "the whitelist lists only the VPC's range",
      twin: mseRegistry({ netType: "both", pubNetworkFlow: "1", aclEntryLists: ["10.0.0.0/8"] }),
    },
    {
      // Personal Edition: anyone pulls a public repository's images from the registry endpoint.
      name: "a Container Registry repository is public",
      bad: add("alicloud:cr/repo:Repo", "images", {
        namespace: "telemetry",
        name: "collector",
        summary: "the collector's images",
        repoType: "PUBLIC",
      }),
      expected: [["public-exposure", "images", "mandatory", ["the internet", 'cr repo "images"']]],
      twinName: "it is private",
      twin: add("alicloud:cr/repo:Repo", "images", {
        namespace: "telemetry",
        name: "collector",
        summary: "the collector's images",
        repoType: "PRIVATE",
      }),
    },
    {
      name: "a registry namespace creates public repositories on push",
      bad: add("alicloud:cr/namespace:Namespace", "team", {
        name: "telemetry",
        autoCreate: true,
        defaultVisibility: "PUBLIC",
      }),
      expected: [["public-exposure", "team", "mandatory", ["the internet", 'cr namespace "team"']]],
      twinName: "it creates no repository on push",
      twin: add("alicloud:cr/namespace:Namespace", "team", {
        name: "telemetry",
        autoCreate: false,
        defaultVisibility: "PUBLIC",
      }),
    },
    {
      name: "an object is written to the bucket with a public-read ACL of its own",
      bad: add("alicloud:oss/bucketObject:BucketObject", "report", {
        bucket: "sdc-telemetry",
        key: "report.csv",
        content: "a,b",
        acl: "public-read",
      }),
      expected: [
        ["public-exposure", "report", "mandatory", ["the internet", 'oss bucket object "report"']],
      ],
      twinName: "the object takes its bucket's private ACL",
      twin: add("alicloud:oss/bucketObject:BucketObject", "report", {
        bucket: "sdc-telemetry",
        key: "report.csv",
        content: "a,b",
        acl: "default",
      }),
    },
    {
      name: "a bucket policy allows everyone without a condition",
      bad: set("telemetry-policy", (p) => {
        p.policy = JSON.stringify({
          Version: "1",
          Statement: [
            {
              Effect: "Allow",
              Principal: ["*"],
              Action: ["oss:GetObject"],
              Resource: ["acs:oss:*:*:sdc-telemetry/*"],
            },
          ],
        });
      }),
      expected: [
        [
          "public-exposure",
          "telemetry-policy",
          "mandatory",
          ["the internet", 'oss bucket policy "telemetry-policy"'],
        ],
      ],
      twinName: "it allows everyone only from the program's VPC",
      // A program builds the policy from the VPC's ID, so the policy depends on it.
      twin: (plan) =>
        withDependencies(
          set("telemetry-policy", (p) => {
            p.policy = JSON.stringify({
              Version: "1",
              Statement: [
                {
                  Effect: "Allow",
                  Principal: ["*"],
                  Action: ["oss:GetObject"],
                  Resource: ["acs:oss:*:*:sdc-telemetry/*"],
                  Condition: { StringEquals: { "acs:SourceVpc": [named(plan, "vpc").id] } },
                },
              ],
            });
          })(plan),
          "telemetry-policy",
          { bucket: ["telemetry"], policy: ["vpc"] },
        ),
    },
    {
      name: "the security group admits the whole internet",
      bad: set("ingress-vpc", (p) => {
        p.cidrIp = "0.0.0.0/0";
      }),
      expected: [
        [
          "public-exposure",
          "ingress-vpc",
          "mandatory",
          ["the internet", 'security group rule "ingress-vpc"'],
        ],
      ],
      twinName: "the security group admits only the vswitch",
      twin: set("ingress-vpc", (p) => {
        p.cidrIp = "10.20.1.0/24";
      }),
    },
    {
      name: "an RDS instance whitelists every address",
      bad: add(
        "alicloud:rds/instance:Instance",
        "db",
        { engine: "MySQL", securityIps: ["0.0.0.0/0"], encryptionKey: "key-id" },
        { dependsOn: { encryptionKey: ["key"] } },
      ),
      expected: [["public-exposure", "db", "mandatory", ["the internet", 'rds instance "db"']]],
      twinName: "it whitelists only the VPC",
      twin: add(
        "alicloud:rds/instance:Instance",
        "db",
        { engine: "MySQL", securityIps: ["10.20.0.0/16"], encryptionKey: "key-id" },
        { dependsOn: { encryptionKey: ["key"] } },
      ),
    },
    {
      name: "an AnalyticDB JDBC data source reads a database outside the cloud",
      bad: add("alicloud:gpdb/jdbcDataSource:JdbcDataSource", "orders-source", {
        dbInstanceId: "gp-records",
        dataSourceName: "orders",
        dataSourceType: "mysql",
        jdbcConnectionString: "jdbc:mysql://db.partner.example.com:3306/orders",
      }),
      expected: [
        [
          "data-transfer-jobs",
          "orders-source",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'gpdb jdbc data source "orders-source"',
            '"jdbc:mysql://db.partner.example.com:3306/orders" (cannot be placed)',
          ],
        ],
      ],
      twinName:
        "it reads the program's own RDS instance, by the connection string it was built from",
      twin: pipe(
        add(
          "alicloud:rds/instance:Instance",
          "db",
          { engine: "MySQL", securityIps: ["10.20.0.0/16"], encryptionKey: "key-id" },
          { dependsOn: { encryptionKey: ["key"] } },
        ),
        add(
          "alicloud:gpdb/jdbcDataSource:JdbcDataSource",
          "orders-source",
          {
            dbInstanceId: "gp-records",
            dataSourceName: "orders",
            dataSourceType: "mysql",
            jdbcConnectionString: unknown,
          },
          { dependsOn: { jdbcConnectionString: ["db"] } },
        ),
      ),
    },
    {
      name: "a load balancer gets a public address",
      bad: add("alicloud:slb/loadBalancer:LoadBalancer", "lb", { addressType: "internet" }),
      expected: [
        ["public-exposure", "lb", "mandatory", ["the internet", 'slb load balancer "lb"']],
      ],
      twinName: "the load balancer is intranet-only",
      twin: add("alicloud:slb/loadBalancer:LoadBalancer", "lb", { addressType: "intranet" }),
    },
    {
      name: "an internet NAT gateway is added",
      bad: add("alicloud:vpc/natGateway:NatGateway", "nat", {
        vpcId: "vpc-telemetry",
        networkType: "internet",
      }),
      expected: [
        [
          "internet-egress",
          "nat",
          "mandatory",
          ['nat gateway "nat"', "the internet (any country)"],
        ],
      ],
      twinName: "a VPC (intranet) NAT gateway is added",
      twin: add("alicloud:vpc/natGateway:NatGateway", "nat", {
        vpcId: "vpc-telemetry",
        networkType: "intranet",
      }),
    },
    {
      name: "an elastic IP is allocated",
      bad: add("alicloud:ecs/eipAddress:EipAddress", "eip", { bandwidth: "5" }),
      expected: [
        ["internet-egress", "eip", "mandatory", ['eip "eip"', "the internet (any country)"]],
      ],
      twinName: "the VPC reaches OSS through a private endpoint instead",
      twin: add("alicloud:privatelink/vpcEndpoint:VpcEndpoint", "oss-endpoint", {
        vpcId: "vpc-telemetry",
        serviceName: "com.aliyuncs.privatelink.cn-shanghai.oss",
      }),
    },
    {
      name: "a block of contiguous elastic IPs is allocated",
      bad: add("alicloud:ecs/eipSegmentAddress:EipSegmentAddress", "eip-block", {
        eipMask: "28",
        bandwidth: "5",
        netmode: "public",
      }),
      expected: [
        [
          "internet-egress",
          "eip-block",
          "mandatory",
          ['ecs eip segment address "eip-block"', "the internet (any country)"],
        ],
      ],
      twinName: "the VPC reaches OSS through a private endpoint, with no public address",
      twin: add("alicloud:privatelink/vpcEndpoint:VpcEndpoint", "oss-endpoint", {
        vpcId: "vpc-telemetry",
        serviceName: "com.aliyuncs.privatelink.cn-shanghai.oss",
      }),
    },
    {
      name: "an elastic IP is allocated at an edge node",
      bad: add("alicloud:ens/eip:Eip", "edge-eip", {
        ensRegionId: "cn-shanghai-telecom",
        bandwidth: 5,
        internetChargeType: "95BandwidthByMonth",
        paymentType: "PayAsYouGo",
      }),
      expected: [
        [
          "internet-egress",
          "edge-eip",
          "mandatory",
          ['ens eip "edge-eip"', "the internet (any country)"],
        ],
      ],
      // Without an EIP for its SNAT entries, an edge NAT gateway reaches no internet host.
      twinName: "the edge network has a NAT gateway and no EIP",
      twin: add("alicloud:ens/natGateway:NatGateway", "edge-nat", {
        ensRegionId: "cn-shanghai-telecom",
        networkId: "n-edge",
        vswitchId: "vsw-edge",
        instanceType: "enat.default",
      }),
    },
    {
      name: "an instance gets a public IP",
      bad: addInstance("alicloud:ecs/instance:Instance", "vm", {
        instanceType: "ecs.g7.large",
        internetMaxBandwidthOut: 10,
      }),
      expected: [
        ["internet-egress", "vm", "mandatory", ['ecs instance "vm"', "the internet (any country)"]],
      ],
      twinName: "the instance has no internet bandwidth",
      twin: addInstance("alicloud:ecs/instance:Instance", "vm", {
        instanceType: "ecs.g7.large",
        internetMaxBandwidthOut: 0,
      }),
    },
    {
      name: "an elastic container group creates an EIP and mounts a volume from a host the pack cannot place",
      bad: containerGroup({ autoCreateEip: true, eipBandwidth: 5 }, "files.partner.example"),
      expected: [
        [
          "internet-egress",
          "app",
          "mandatory",
          ['eci container group "app"', "the internet (any country)"],
        ],
        [
          "log-shipping",
          "app",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'eci container group "app"',
            '"files.partner.example" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it runs without a public address and mounts a NAS file system of Shanghai",
      twin: containerGroup({ autoCreateEip: false }, "0a1b2c3d-xyz.cn-shanghai.nas.aliyuncs.com"),
    },
    {
      // An EIP the program does not create: written in, it is the group's own way out.
      name: "an elastic container group is bound to an EIP the program does not create",
      bad: containerGroup(
        { eipInstanceId: "eip-uf6hv1a2b3c4d5e6f" },
        "0a1b2c3d-xyz.cn-shanghai.nas.aliyuncs.com",
      ),
      expected: [
        [
          "internet-egress",
          "app",
          "mandatory",
          ['eci container group "app"', "the internet (any country)"],
        ],
      ],
      twinName: "it is bound to no EIP",
      twin: containerGroup({}, "0a1b2c3d-xyz.cn-shanghai.nas.aliyuncs.com"),
    },
    {
      // An EIP's ID only a lookup knows is still an EIP bound: the group's way out.
      name: "an elastic container group is bound to an EIP only a lookup knows",
      bad: containerGroup({ eipInstanceId: unknown }, "0a1b2c3d-xyz.cn-shanghai.nas.aliyuncs.com"),
      expected: [
        [
          "internet-egress",
          "app",
          "mandatory",
          ['eci container group "app"', "the internet (any country)"],
        ],
      ],
      twinName: "it is bound to no EIP either",
      twin: containerGroup({}, "0a1b2c3d-xyz.cn-shanghai.nas.aliyuncs.com"),
    },
    {
      // The program's own EIP is an exit too: with the group bound to it, one way out.
      name: "an elastic container group is bound to the program's EIP",
      bad: pipe(
        add("alicloud:ecs/eipAddress:EipAddress", "eip", { bandwidth: "5" }),
        (plan: Plan) =>
          withDependencies(
            containerGroup(
              { eipInstanceId: unknown },
              "0a1b2c3d-xyz.cn-shanghai.nas.aliyuncs.com",
            )(plan),
            "app",
            { eipInstanceId: ["eip"] },
          ),
      ),
      expected: [
        [
          "internet-egress",
          "app",
          "mandatory",
          ['eci container group "app"', 'eip "eip"', "the internet (any country)"],
        ],
      ],
      twinName: "the group is bound to no EIP, and the program allocates none",
      twin: containerGroup({}, "0a1b2c3d-xyz.cn-shanghai.nas.aliyuncs.com"),
    },
    {
      name: "an ECI scaling configuration has the groups it launches create EIPs",
      bad: eciScaling(true),
      expected: [
        [
          "internet-egress",
          "eci-scaling",
          "mandatory",
          ['ess eci scaling configuration "eci-scaling"', "the internet (any country)"],
        ],
      ],
      twinName: "the groups it launches create none",
      twin: eciScaling(false),
    },
    {
      name: "a simple application server runs the workload with a public IP, its firewall open",
      bad: pipe(
        add("alicloud:simpleapplicationserver/instance:Instance", "lightweight", {
          planId: "swas.s2.c2m1s40b1.linux",
          imageId: "794526736f084cc1a5a6a3b9f0b65e4b",
          period: 1,
        }),
        add("alicloud:simpleapplicationserver/firewallRule:FirewallRule", "web-port", {
          instanceId: "2ad1ae67295445f598017499dc1ca67f",
          port: "443",
          ruleProtocol: "Tcp",
        }),
      ),
      expected: [
        [
          "internet-egress",
          "lightweight",
          "mandatory",
          ['simpleapplicationserver instance "lightweight"', "the internet (any country)"],
        ],
        [
          "public-exposure",
          "web-port",
          "mandatory",
          ["the internet", 'simpleapplicationserver firewall rule "web-port"'],
        ],
      ],
      twinName: "the workload runs on an instance without a public IP",
      twin: addInstance("alicloud:ecs/instance:Instance", "vm", {
        instanceType: "ecs.g7.large",
        internetMaxBandwidthOut: 0,
      }),
    },
    {
      name: "a cloud phone gets EIP bandwidth",
      bad: cloudPhone(5),
      expected: [
        [
          "internet-egress",
          "phone",
          "mandatory",
          ['ecp instance "phone"', "the internet (any country)"],
        ],
      ],
      twinName: "the cloud phone gets none",
      twin: cloudPhone(0),
    },
    {
      name: "a launch template gives instances public IPs",
      bad: addInstance("alicloud:ecs/launchTemplate:LaunchTemplate", "web-template", {
        imageId: "m-telemetry",
        instanceType: "ecs.g7.large",
        internetMaxBandwidthOut: 10,
      }),
      expected: [
        [
          "internet-egress",
          "web-template",
          "mandatory",
          ['ecs launch template "web-template"', "the internet (any country)"],
        ],
      ],
      twinName: "the launch template gives no internet bandwidth",
      twin: addInstance("alicloud:ecs/launchTemplate:LaunchTemplate", "web-template", {
        imageId: "m-telemetry",
        instanceType: "ecs.g7.large",
        internetMaxBandwidthOut: 0,
      }),
    },
    {
      name: "an ECS launch template gives instances public IPs",
      bad: addInstance("alicloud:ecs/ecsLaunchTemplate:EcsLaunchTemplate", "batch-template", {
        imageId: "m-telemetry",
        instanceType: "ecs.g7.large",
        internetMaxBandwidthOut: 5,
      }),
      expected: [
        [
          "internet-egress",
          "batch-template",
          "mandatory",
          ['ecs launch template "batch-template"', "the internet (any country)"],
        ],
      ],
      twinName: "the ECS launch template gives no internet bandwidth",
      twin: addInstance("alicloud:ecs/ecsLaunchTemplate:EcsLaunchTemplate", "batch-template", {
        imageId: "m-telemetry",
        instanceType: "ecs.g7.large",
        internetMaxBandwidthOut: 0,
      }),
    },
    {
      name: "a scaling configuration gives the instances it launches public IPs",
      bad: addInstance("alicloud:ess/scalingConfiguration:ScalingConfiguration", "web-scaling", {
        scalingGroupId: "asg-telemetry",
        imageId: "m-telemetry",
        instanceType: "ecs.g7.large",
        internetMaxBandwidthOut: 10,
      }),
      expected: [
        [
          "internet-egress",
          "web-scaling",
          "mandatory",
          ['ess scaling configuration "web-scaling"', "the internet (any country)"],
        ],
      ],
      twinName: "the scaling configuration leaves the bandwidth unset (no public IP)",
      twin: addInstance("alicloud:ess/scalingConfiguration:ScalingConfiguration", "web-scaling", {
        scalingGroupId: "asg-telemetry",
        imageId: "m-telemetry",
        instanceType: "ecs.g7.large",
      }),
    },
    {
      name: "an Elasticsearch cluster's public endpoint admits every address",
      bad: add("alicloud:elasticsearch/instance:Instance", "search", {
        instanceChargeType: "PostPaid",
        dataNodeAmount: 2,
        dataNodeSpec: "elasticsearch.sn2ne.large",
        dataNodeDiskSize: 20,
        dataNodeDiskType: "cloud_ssd",
        vswitchId: "vsw-telemetry",
        version: "7.10_with_X-Pack",
        password: "Sdc-s3cret-s3cret",
        enablePublic: true,
        publicWhitelists: ["0.0.0.0/0"],
        enableKibanaPublicNetwork: false,
      }),
      expected: [
        [
          "public-exposure",
          "search",
          "mandatory",
          ["the internet", 'elasticsearch instance "search"'],
        ],
      ],
      twinName: "the public endpoint admits only the VPC",
      twin: add("alicloud:elasticsearch/instance:Instance", "search", {
        instanceChargeType: "PostPaid",
        dataNodeAmount: 2,
        dataNodeSpec: "elasticsearch.sn2ne.large",
        dataNodeDiskSize: 20,
        dataNodeDiskType: "cloud_ssd",
        vswitchId: "vsw-telemetry",
        version: "7.10_with_X-Pack",
        password: "Sdc-s3cret-s3cret",
        enablePublic: true,
        publicWhitelists: ["10.20.0.0/16"],
        enableKibanaPublicNetwork: false,
      }),
    },
    {
      name: "Kibana keeps its default public endpoint",
      bad: add("alicloud:elasticsearch/instance:Instance", "search", {
        instanceChargeType: "PostPaid",
        dataNodeAmount: 2,
        dataNodeSpec: "elasticsearch.sn2ne.large",
        dataNodeDiskSize: 20,
        dataNodeDiskType: "cloud_ssd",
        vswitchId: "vsw-telemetry",
        version: "7.10_with_X-Pack",
        password: "Sdc-s3cret-s3cret",
      }),
      expected: [
        [
          "public-exposure",
          "search",
          "mandatory",
          ["the internet", 'elasticsearch instance "search"'],
        ],
      ],
      twinName: "Kibana's public endpoint is switched off",
      twin: add("alicloud:elasticsearch/instance:Instance", "search", {
        instanceChargeType: "PostPaid",
        dataNodeAmount: 2,
        dataNodeSpec: "elasticsearch.sn2ne.large",
        dataNodeDiskSize: 20,
        dataNodeDiskType: "cloud_ssd",
        vswitchId: "vsw-telemetry",
        version: "7.10_with_X-Pack",
        password: "Sdc-s3cret-s3cret",
        enableKibanaPublicNetwork: false,
      }),
    },
    {
      name: "an application load balancer keeps the default internet address type",
      bad: add("alicloud:slb/applicationLoadBalancer:ApplicationLoadBalancer", "web-lb", {
        loadBalancerName: "web",
        loadBalancerSpec: "slb.s2.small",
        vswitchId: "vsw-telemetry",
      }),
      expected: [
        [
          "public-exposure",
          "web-lb",
          "mandatory",
          ["the internet", 'slb application load balancer "web-lb"'],
        ],
      ],
      twinName: "the application load balancer is intranet",
      twin: add("alicloud:slb/applicationLoadBalancer:ApplicationLoadBalancer", "web-lb", {
        loadBalancerName: "web",
        loadBalancerSpec: "slb.s2.small",
        vswitchId: "vsw-telemetry",
        addressType: "intranet",
      }),
    },
    {
      name: "a default route is added",
      bad: add("alicloud:vpc/routeEntry:RouteEntry", "default-route", {
        routeTableId: "vtb-telemetry",
        destinationCidrblock: "0.0.0.0/0",
        nexthopType: "NatGateway",
        nexthopId: "ngw-telemetry",
      }),
      expected: [
        [
          "internet-egress",
          "default-route",
          "mandatory",
          ['route "default-route"', "the internet (any country)"],
        ],
      ],
      twinName: "a route to the peered Beijing network is added",
      twin: add("alicloud:vpc/routeEntry:RouteEntry", "default-route", {
        routeTableId: "vtb-telemetry",
        destinationCidrblock: "10.40.0.0/16",
        nexthopType: "VpcPeer",
        nexthopId: "pcc-telemetry",
      }),
    },
    {
      name: "the security group accepts egress to a public DNS server",
      bad: set("egress-dns", (p) => {
        p.cidrIp = "8.8.8.8/32";
      }),
      expected: [
        [
          "egress-rules",
          "egress-dns",
          "mandatory",
          ['security group rule "egress-dns"', "8.8.8.8/32 (udp, port 53)"],
        ],
      ],
      twinName: "it accepts egress to one of the VPC DNS resolvers",
      twin: set("egress-dns", (p) => {
        p.cidrIp = "100.100.2.138/32";
      }),
    },
    {
      name: "an allowlisted destination is opened on every port",
      bad: set("egress-dns", (p) => {
        p.portRange = "1/65535";
      }),
      expected: [
        [
          "egress-rules",
          "egress-dns",
          "mandatory",
          ['security group rule "egress-dns"', "100.100.2.136/30 (udp, ports 1-65535)"],
        ],
      ],
      twinName: "it is opened on the allowlisted port",
      twin: set("egress-dns", (p) => {
        p.portRange = "53/53";
      }),
    },
    {
      name: "the network ACL's closing rule accepts instead of dropping",
      bad: set("acl", (p) => {
        (p.egressAclEntries as Props[])[2].policy = "accept";
      }),
      expected: [
        [
          "egress-rules",
          "acl",
          "mandatory",
          [
            'network acl "acl"',
            "0.0.0.0/0 (all protocols and ports): every address, in any country",
          ],
        ],
      ],
      twinName: "the closing rule drops",
      twin: set("acl", (p) => {
        (p.egressAclEntries as Props[])[2].policy = "drop";
      }),
    },
  ]);
});

describe("managed kubernetes", () => {
  // An ACK cluster on the stack's vSwitch, sealed: no NAT gateway ACK would create, no
  // internet-facing API server load balancer, a node pool without public addresses.
  const ack = (change: (p: Props) => void = () => undefined) => {
    const inputs: Props = structuredClone(sealedAckCluster);
    change(inputs);
    return ackWithSecretsKey(inputs);
  };
  // public-exposure's finding on the cluster: its API server's, or its NGINX Ingress add-on's.
  const ackExposed: Finding = [
    "public-exposure",
    "ack",
    "mandatory",
    ["the internet", 'ack cluster "ack"'],
  ];
  const pool = (inputs: Props) =>
    pipe(
      ack(),
      addInstance(
        "alicloud:cs/nodePool:NodePool",
        "ack-pool",
        {
          clusterId: unknown,
          vswitchIds: ["vsw-telemetry"],
          instanceTypes: ["ecs.g7.xlarge"],
          ...inputs,
        },
        { dependsOn: { clusterId: ["ack"] } },
      ),
    );
  runCases(pack, () => happy, cn, [
    {
      name: "an ACK cluster leaves newNatGateway at its default (true)",
      bad: ack((p) => {
        delete p.newNatGateway;
      }),
      expected: [
        [
          "internet-egress",
          "ack",
          "mandatory",
          ['ack cluster "ack"', "the internet (any country)"],
        ],
      ],
      twinName: "newNatGateway is false",
      twin: ack(),
    },
    {
      name: "an ACK cluster's API server gets an internet-facing load balancer by default",
      bad: ack((p) => {
        delete p.slbInternetEnabled;
      }),
      expected: [ackExposed],
      twinName: "slbInternetEnabled is false",
      twin: ack(),
    },
    {
      name: "an ACK cluster asks for both NAT gateway and public API server",
      bad: ack((p) => {
        p.newNatGateway = true;
        p.slbInternetEnabled = true;
      }),
      expected: [
        [
          "internet-egress",
          "ack",
          "mandatory",
          ['ack cluster "ack"', "the internet (any country)"],
        ],
        ackExposed,
      ],
      twinName: "both are false",
      twin: ack(),
    },
    // Found by an ACK probe: the NGINX Ingress add-on's load balancer, which ACK makes outside
    // the program, passed as sealed.
    {
      name: "an ACK cluster installs the NGINX Ingress add-on on an internet load balancer",
      bad: ack((p) => {
        p.addons = [
          { name: "terway-eniip" },
          {
            name: "nginx-ingress-controller",
            config: JSON.stringify({ IngressSlbNetworkType: "internet" }),
          },
        ];
      }),
      expected: [ackExposed],
      twinName: "the add-on's load balancer is intranet",
      twin: ack((p) => {
        p.addons = [
          { name: "terway-eniip" },
          {
            name: "nginx-ingress-controller",
            config: JSON.stringify({ IngressSlbNetworkType: "intranet" }),
          },
        ];
      }),
    },
    {
      // ACK installs the add-on on a new managed or dedicated cluster unless an entry disables it.
      name: "an ACK cluster's add-ons leave out the NGINX Ingress controller, which ACK installs",
      bad: ack((p) => {
        p.addons = [{ name: "terway-eniip" }];
      }),
      expected: [ackExposed],
      twinName: "an entry disables it",
      twin: ack((p) => {
        p.addons = [{ name: "terway-eniip" }, { name: "nginx-ingress-controller", disabled: true }];
      }),
    },
    {
      name: "an ACK cluster names no add-ons at all",
      bad: ack((p) => {
        delete p.addons;
      }),
      expected: [ackExposed],
      twinName: "its add-ons disable the NGINX Ingress controller",
      twin: ack(),
    },
    {
      name: "an ACK cluster installs the NGINX Ingress add-on with no config (internet by default)",
      bad: ack((p) => {
        p.addons = [{ name: "nginx-ingress-controller" }];
      }),
      expected: [ackExposed],
      twinName: "the add-on is disabled",
      twin: ack((p) => {
        p.addons = [{ name: "nginx-ingress-controller", disabled: true }];
      }),
    },
    {
      name: "an add-on resource installs the NGINX Ingress controller with no config",
      bad: pipe(
        ack(),
        add(
          "alicloud:cs/kubernetesAddon:KubernetesAddon",
          "ingress",
          { clusterId: unknown, name: "nginx-ingress-controller" },
          { dependsOn: { clusterId: ["ack"] } },
        ),
      ),
      expected: [
        [
          "public-exposure",
          "ingress",
          "mandatory",
          ["the internet", 'cs kubernetes addon "ingress"'],
        ],
      ],
      twinName: "its config asks for an intranet load balancer",
      twin: pipe(
        ack(),
        add(
          "alicloud:cs/kubernetesAddon:KubernetesAddon",
          "ingress",
          {
            clusterId: unknown,
            name: "nginx-ingress-controller",
            config: JSON.stringify({ IngressSlbNetworkType: "Intranet" }),
          },
          { dependsOn: { clusterId: ["ack"] } },
        ),
      ),
    },
    {
      name: "a node pool gives its nodes public IP addresses",
      bad: pool({ internetMaxBandwidthOut: 5 }),
      expected: [
        [
          "internet-egress",
          "ack-pool",
          "mandatory",
          ['ack node pool "ack-pool"', "the internet (any country)"],
        ],
      ],
      twinName: "the pool has no internet bandwidth",
      twin: pool({ internetMaxBandwidthOut: 0 }),
    },
    {
      name: "a node pool binds an EIP to the nodes it scales out",
      bad: pool({ scalingConfig: { enable: true, minSize: 1, maxSize: 3, isBondEip: true } }),
      expected: [
        [
          "internet-egress",
          "ack-pool",
          "mandatory",
          ['ack node pool "ack-pool"', "the internet (any country)"],
        ],
      ],
      twinName: "it binds none",
      twin: pool({ scalingConfig: { enable: true, minSize: 1, maxSize: 3, isBondEip: false } }),
    },
  ]);

  test("the NGINX Ingress add-on's finding asks for its own fix, and an unknown config is judged", async () => {
    const withAddon = (addon: Props) =>
      ack((p) => {
        p.addons = [addon];
      })(happy);
    const open = await pack.check(
      withAddon({
        name: "nginx-ingress-controller",
        config: JSON.stringify({ IngressSlbNetworkType: "internet" }),
      }),
      cn,
    );
    const [finding] = open.filter((v) => v.policy === "public-exposure");
    expect(finding.message).toContain(
      'addons[0].config sets IngressSlbNetworkType "internet": ACK serves the NGINX Ingress controller',
    );
    // The add-on's fix, not the API server's, which the cluster row's own fix speaks of.
    expect(finding.message).toContain('Set IngressSlbNetworkType to "intranet"');
    expect(finding.message).not.toContain("slbInternetEnabled");
    const later = await pack.check(
      withAddon({ name: "nginx-ingress-controller", config: unknown }),
      cn,
    );
    expect(
      later.filter((v) => v.policy === "public-exposure").map((v) => [v.level, v.message]),
    ).toEqual([
      [
        "mandatory",
        expect.stringContaining(
          "addons[0].config is not known at preview, so whether it is public cannot be decided",
        ),
      ],
    ]);
  });
});

describe("key locality", () => {
  runCases(pack, () => happy, cn, [
    {
      name: "a bucket is encrypted with a key in Hong Kong",
      bad: pipe(
        hongKongKey,
        set("telemetry-encryption", (q) => {
          q.kmsMasterKeyId = "hk-key-id";
        }),
        (p) =>
          withDependencies(p, "telemetry-encryption", {
            bucket: ["telemetry"],
            kmsMasterKeyId: ["hk-key"],
          }),
      ),
      expected: [
        [
          "store-key-locality",
          "telemetry",
          "mandatory",
          ['oss bucket "telemetry"', 'kms key "hk-key" in cn-hongkong (outside CN, in HK)'],
        ],
        [
          "resource-placement",
          "hk-key",
          "mandatory",
          ['kms key "hk-key"', "cn-hongkong (outside CN, in HK)"],
        ],
        [
          "resource-placement",
          "hong-kong",
          "mandatory",
          ['alicloud provider "hong-kong"', "cn-hongkong (outside CN, in HK)"],
        ],
      ],
      twinName: "it is encrypted with another key of the Shanghai provider",
      twin: pipe(
        add("alicloud:kms/key:Key", "sh-key", { description: "telemetry" }),
        set("telemetry-encryption", (q) => {
          q.kmsMasterKeyId = "sh-key-id";
        }),
        (p) =>
          withDependencies(p, "telemetry-encryption", {
            bucket: ["telemetry"],
            kmsMasterKeyId: ["sh-key"],
          }),
      ),
    },
    {
      name: "a logstore is encrypted with a key in Hong Kong",
      bad: add("alicloud:log/store:Store", "logstore", {
        projectName: "sdc-audit",
        encryptConf: {
          enable: true,
          encryptType: "default",
          userCmkInfo: { cmkKeyId: "k", arn: "acs:ram::1:role/r", regionId: "cn-hongkong" },
        },
      }),
      expected: [
        [
          "key-and-secret-replicas",
          "logstore",
          "mandatory",
          ["cn-shanghai (inside CN)", 'log store "logstore"', "cn-hongkong (outside CN, in HK)"],
        ],
      ],
      twinName: "the logstore is encrypted with the program's Shanghai key",
      twin: (plan) =>
        add(
          "alicloud:log/store:Store",
          "logstore",
          {
            projectName: "sdc-audit",
            encryptConf: {
              enable: true,
              encryptType: "default",
              userCmkInfo: {
                cmkKeyId: named(plan, "key").id,
                arn: "acs:ram::1:role/r",
                regionId: "cn-shanghai",
              },
            },
          },
          { dependsOn: { encryptConf: ["key"] } },
        )(plan),
    },
  ]);
  runCasesInBothPostures(pack, () => happy, cn, [
    {
      // ECS encrypts a disk with its service key when it names none.
      name: "an ECS instance's system disk is encrypted with ECS's own key",
      bad: add("alicloud:ecs/instance:Instance", "worker", {
        instanceType: "ecs.g7.large",
        vswitchId: "vsw-records",
        systemDiskEncrypted: true,
      }),
      expected: [noCustomerKey("worker", 'ecs instance "worker" system disk')],
      twinName: "its system disk is encrypted with the program's key",
      twin: addInstance("alicloud:ecs/instance:Instance", "worker", {
        instanceType: "ecs.g7.large",
        vswitchId: "vsw-records",
      }),
    },
    {
      // With encryption by default on, a disk naming no key is on the region's default key.
      name: "an ECS instance's system disk is left to encryption by default, whose key is ECS's own",
      bad: pipe(
        add("alicloud:ecs/diskEncryptionByDefault:DiskEncryptionByDefault", "disks-by-default", {
          encrypted: true,
        }),
        add("alicloud:ecs/instance:Instance", "worker", {
          instanceType: "ecs.g7.large",
          vswitchId: "vsw-records",
        }),
      ),
      expected: [noCustomerKey("worker", 'ecs instance "worker" system disk')],
      twinName: "the program makes its key the region's default",
      twin: pipe(
        programDiskDefaults,
        add("alicloud:ecs/instance:Instance", "worker", {
          instanceType: "ecs.g7.large",
          vswitchId: "vsw-records",
        }),
      ),
    },
    {
      // Every instance the group scales out gets the configuration's disks.
      name: "an ESS scaling configuration leaves its system disk unencrypted",
      bad: add("alicloud:ess/scalingConfiguration:ScalingConfiguration", "workers-config", {
        scalingGroupId: "asg-records",
        instanceType: "ecs.g7.large",
        imageId: "aliyun_3_x64_20G_alibase_20240528.vhd",
      }),
      expected: [
        noCustomerKey("workers-config", 'ess scaling configuration "workers-config" system disk'),
      ],
      twinName: "its system disk is encrypted with the program's key",
      twin: addInstance(
        "alicloud:ess/scalingConfiguration:ScalingConfiguration",
        "workers-config",
        {
          scalingGroupId: "asg-records",
          instanceType: "ecs.g7.large",
          imageId: "aliyun_3_x64_20G_alibase_20240528.vhd",
        },
      ),
    },
    {
      name: "a launch template's data disk is encrypted with ECS's own key",
      bad: addInstance("alicloud:ecs/ecsLaunchTemplate:EcsLaunchTemplate", "workers-template", {
        instanceType: "ecs.g7.large",
        dataDisks: [{ category: "cloud_essd", size: 200, encrypted: true }],
      }),
      expected: [
        noCustomerKey("workers-template", 'ecs launch template "workers-template" dataDisks[0]'),
      ],
      twinName: "both its disks are encrypted with the program's key",
      twin: (plan) =>
        addInstance(
          "alicloud:ecs/ecsLaunchTemplate:EcsLaunchTemplate",
          "workers-template",
          {
            instanceType: "ecs.g7.large",
            dataDisks: [
              {
                category: "cloud_essd",
                size: 200,
                encrypted: true,
                kmsKeyId: named(plan, "key").id,
              },
            ],
          },
          { dependsOn: { dataDisks: ["key"] } },
        )(plan),
    },
    {
      // The set cannot encrypt its instances' system disks: the region's defaults decide them.
      name: "an instance set's system disks and data disk are on ECS's own key",
      bad: add("alicloud:ecs/ecsInstanceSet:EcsInstanceSet", "batch", {
        ...instanceSet,
        dataDisks: [{ diskSize: 200, encrypted: true }],
      }),
      expected: [
        noCustomerKey("batch", 'ecs instance set "batch" system disk'),
        noCustomerKey("batch", 'ecs instance set "batch" dataDisks[0]'),
      ],
      twinName: "the program's key is the region's default, and encrypts the data disk",
      twin: (plan) =>
        pipe(
          programDiskDefaults,
          add(
            "alicloud:ecs/ecsInstanceSet:EcsInstanceSet",
            "batch",
            {
              ...instanceSet,
              dataDisks: [{ diskSize: 200, encrypted: true, kmsKeyId: named(plan, "key").id }],
            },
            { dependsOn: { dataDisks: ["key"] } },
          ),
        )(plan),
    },
    {
      // Kubernetes Secrets in the control plane: without a key named, on one the service holds.
      name: "an ACK cluster's Secrets are not encrypted with a customer key",
      bad: add("alicloud:cs/managedKubernetes:ManagedKubernetes", "ack", sealedAckCluster),
      expected: [noCustomerKey("ack", 'ack cluster "ack"')],
      twinName: "its Secrets are encrypted with the program's key",
      twin: ackWithSecretsKey(sealedAckCluster),
    },
    // Found by the multi-cluster bench: a fleet member named only by its ID passed unseen.
    {
      name: "an ACK One fleet takes in a member cluster the program does not create",
      bad: add("alicloud:ackone/membershipAttachment:MembershipAttachment", "member", {
        clusterId: "c-fleet",
        subClusterId: "c0123456789abcdef0123456789abcdef",
      }),
      expected: [
        [
          "named-destinations",
          "member",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'ackone membership attachment "member"',
            '"c0123456789abcdef0123456789abcdef" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it takes in the program's own cluster in Shanghai",
      twin: pipe(ackWithSecretsKey(sealedAckCluster), (plan: Plan) =>
        pipe(
          add("alicloud:ackone/membershipAttachment:MembershipAttachment", "member", {
            clusterId: "c-fleet",
            subClusterId: unknown,
          }),
          (p: Plan) => withDependencies(p, "member", { subClusterId: ["ack"] }),
        )(plan),
      ),
    },
    // Stores on a key the service holds (or none), each beside its twin on the program's key.
    ...serviceKeyCases(
      [
        [
          "a PolarDB cluster",
          "alicloud:polardb/cluster:Cluster",
          "orders-db",
          'polardb cluster "orders-db"',
          { dbType: "MySQL", tdeStatus: "Enabled" },
          "encryptionKey",
        ],
        [
          "a Tair instance",
          "alicloud:kvstore/instance:Instance",
          "sessions",
          'kvstore instance "sessions"',
          { tdeStatus: "Enabled" },
          "encryptionKey",
        ],
        [
          "a MongoDB instance",
          "alicloud:mongodb/instance:Instance",
          "docs",
          'mongodb instance "docs"',
          { encrypted: true },
          "cloudDiskEncryptionKey",
        ],
        [
          "an AnalyticDB for PostgreSQL instance",
          "alicloud:gpdb/instance:Instance",
          "warehouse",
          'gpdb instance "warehouse"',
          { encryptionType: "CloudDisk" },
          "encryptionKey",
        ],
        [
          "a ClickHouse cluster",
          "alicloud:clickhouse/dbCluster:DbCluster",
          "events",
          'clickhouse db cluster "events"',
          { encryptionType: "CloudDisk" },
          "encryptionKey",
        ],
        [
          "a KMS secret",
          "alicloud:kms/secret:Secret",
          "db-password",
          'kms secret "db-password"',
          { secretName: "db-password", secretData: "s3cret", versionId: "v1" },
          "encryptionKeyId",
        ],
        [
          "an AnalyticDB for MySQL cluster",
          "alicloud:adb/dBCluster:DBCluster",
          "olap",
          'adb db cluster "olap"',
          { diskEncryption: true },
          "kmsId",
        ],
        [
          "a NAS file system",
          "alicloud:nas/fileSystem:FileSystem",
          "shares",
          'nas file system "shares"',
          { encryptType: 1 },
          "kmsKeyId",
        ],
        [
          "a backup vault",
          "alicloud:hbr/vault:Vault",
          "vault",
          'hbr vault "vault"',
          { encryptType: "HBR_PRIVATE" },
          "kmsKeyId",
        ],
        [
          "a logstore",
          "alicloud:log/store:Store",
          "audit",
          'log store "audit"',
          { encryptConf: { enable: true, encryptType: "default" } },
          "encryptConf",
        ],
      ] as const,
      ([, type, name, , inputs, keyPath]) =>
        (plan: Plan) => {
          const key = named(plan, "key").id;
          const keyed: Props =
            type === "alicloud:nas/fileSystem:FileSystem"
              ? { encryptType: 2, kmsKeyId: key }
              : type === "alicloud:hbr/vault:Vault"
                ? { encryptType: "KMS", kmsKeyId: key }
                : type === "alicloud:log/store:Store"
                  ? {
                      encryptConf: {
                        enable: true,
                        encryptType: "default",
                        userCmkInfo: {
                          cmkKeyId: key,
                          regionId: "cn-shanghai",
                          arn: "acs:ram::1:role/sls",
                        },
                      },
                    }
                  : { ...inputs, [keyPath]: key };
          return add(type, name, keyed, { dependsOn: { [keyPath]: ["key"] } })(plan);
        },
    ),
    {
      name: "an image copy is encrypted with ECS's own key",
      bad: add("alicloud:ecs/imageCopy:ImageCopy", "golden-copy", {
        ...imageCopy,
        encrypted: true,
      }),
      expected: [noCustomerKey("golden-copy", 'ecs image copy "golden-copy"')],
      twinName: "the copy is encrypted with the program's key",
      twin: (plan) =>
        add(
          "alicloud:ecs/imageCopy:ImageCopy",
          "golden-copy",
          { ...imageCopy, encrypted: true, kmsKeyId: named(plan, "key").id },
          { dependsOn: { kmsKeyId: ["key"] } },
        )(plan),
    },
    {
      // The older disk type, beside EcsDisk: the same settings.
      name: "a disk of the older ecs.Disk type is encrypted with ECS's own key",
      bad: add("alicloud:ecs/disk:Disk", "archive", {
        availabilityZone: "cn-shanghai-e",
        size: 500,
        encrypted: true,
      }),
      expected: [noCustomerKey("archive", 'ecs disk "archive"')],
      twinName: "it is encrypted with the program's key",
      twin: (plan) =>
        add(
          "alicloud:ecs/disk:Disk",
          "archive",
          {
            availabilityZone: "cn-shanghai-e",
            size: 500,
            encrypted: true,
            kmsKeyId: named(plan, "key").id,
          },
          { dependsOn: { kmsKeyId: ["key"] } },
        )(plan),
    },
    {
      // A node pool's data disks take `encrypted` as text.
      name: "a node pool's data disk is left unencrypted beside its encrypted system disk",
      bad: (plan) =>
        add(
          "alicloud:cs/nodePool:NodePool",
          "workers",
          {
            clusterId: "c-records",
            vswitchIds: ["vsw-records"],
            systemDiskEncrypted: true,
            systemDiskKmsKey: named(plan, "key").id,
            dataDisks: [{ category: "cloud_essd", size: 200, encrypted: "false" }],
          },
          { dependsOn: { systemDiskKmsKey: ["key"] } },
        )(plan),
      expected: [noCustomerKey("workers", 'ack node pool "workers" dataDisks[0]')],
      twinName: "its data disk is encrypted with the program's key too",
      twin: (plan) =>
        add(
          "alicloud:cs/nodePool:NodePool",
          "workers",
          {
            clusterId: "c-records",
            vswitchIds: ["vsw-records"],
            systemDiskEncrypted: true,
            systemDiskKmsKey: named(plan, "key").id,
            dataDisks: [
              {
                category: "cloud_essd",
                size: 200,
                encrypted: "true",
                kmsKeyId: named(plan, "key").id,
              },
            ],
          },
          { dependsOn: { systemDiskKmsKey: ["key"], dataDisks: ["key"] } },
        )(plan),
    },
    {
      name: "a bucket has no server-side encryption",
      bad: (plan) => without(plan, "telemetry-encryption"),
      expected: [noCustomerKey("telemetry", 'oss bucket "telemetry"')],
      twinName: "the bucket's encryption with the program's key is declared",
      twin: (plan) =>
        set("telemetry-encryption", (p) => {
          p.sseAlgorithm = "KMS";
          p.kmsMasterKeyId = named(plan, "key").id;
        })(plan),
    },
    {
      name: "a bucket is encrypted with the OSS-managed key",
      bad: set("telemetry-encryption", (p) => {
        p.sseAlgorithm = "AES256";
        delete p.kmsMasterKeyId;
      }),
      expected: [noCustomerKey("telemetry", 'oss bucket "telemetry"')],
      twinName: "it is encrypted with the program's key",
      twin: (plan) =>
        set("telemetry-encryption", (p) => {
          p.sseAlgorithm = "KMS";
          p.kmsMasterKeyId = named(plan, "key").id;
        })(plan),
    },
  ]);
  {
    // The account encrypts disks by default in Shanghai with a key of its own (a baseline stack's
    // ecs.DiskEncryptionByDefault and ecs.DiskDefaultKmsKey), which the stack config declares.
    const declared = (byDefault: boolean) => ({
      ...cn,
      accountDiskEncryption: [
        {
          cloud: "alicloud" as const,
          region: "cn-shanghai",
          key: "key-shh64d2a2e6a1gqo7m",
          byDefault,
        },
      ],
    });
    runCases(pack, () => happy, declared(false), [
      {
        name: "an instance set's system disks are on no customer key where the account's default key encrypts only disks that ask",
        bad: add("alicloud:ecs/ecsInstanceSet:EcsInstanceSet", "batch", instanceSet),
        expected: [noCustomerKey("batch", 'ecs instance set "batch" system disk')],
        twinName: "the account encrypts every disk by default with its key",
        twin: add("alicloud:ecs/ecsInstanceSet:EcsInstanceSet", "batch", instanceSet),
        twinSettings: declared(true),
      },
    ]);
  }
});

describe("fail closed", () => {
  describe("values unknown at preview", () => {
    const lateRegion = set("db-cross-backup", (p) => {
      p.crossBackupRegion = unknown;
    });

    runCases(pack, () => happy, cn, [
      {
        name: "a region a flow names is not known",
        bad: lateRegion,
        expected: [
          [
            "backup-copies",
            "db-cross-backup",
            "mandatory",
            [
              "cn-shanghai (inside CN)",
              'rds instance cross backup policy "db-cross-backup"',
              "crossBackupRegion (unknown at preview)",
            ],
          ],
        ],
        twinName: "the region is known and on the mainland",
        twin: set("db-cross-backup", (p) => {
          p.crossBackupRegion = "cn-hangzhou";
        }),
      },
      {
        name: "a provider's region is not known",
        bad: addProvider("alicloud", "late", { region: unknown }),
        expected: [
          [
            "resource-placement",
            "late",
            "mandatory",
            ['alicloud provider "late"', "region (unknown at preview)"],
          ],
        ],
        twinName: "the provider's region is known and on the mainland",
        twin: addProvider("alicloud", "late", { region: "cn-hangzhou" }),
      },
      {
        name: "an egress rule's destination is not known",
        bad: set("egress-dns", (p) => {
          p.cidrIp = unknown;
        }),
        expected: [
          [
            "egress-rules",
            "egress-dns",
            "mandatory",
            ['security group rule "egress-dns"', "cidrIp (unknown at preview)"],
          ],
        ],
        twinName: "the destination is known and allowlisted",
        twin: set("egress-dns", (p) => {
          p.cidrIp = "100.100.2.136/30";
        }),
      },
      {
        name: "a bucket's key is not known and comes from no key of the program",
        bad: (plan) =>
          withDependencies(
            set("telemetry-encryption", (p) => {
              p.kmsMasterKeyId = unknown;
            })(plan),
            "telemetry-encryption",
            { bucket: ["telemetry"] },
          ),
        expected: [
          [
            "store-key-locality",
            "telemetry",
            "mandatory",
            [
              'oss bucket "telemetry"',
              'oss bucket server side encryption "telemetry-encryption" kmsMasterKeyId (unknown at preview)',
            ],
          ],
        ],
        twinName: "the key is not known but computed from a key of the program",
        twin: set("telemetry-encryption", (p) => {
          p.kmsMasterKeyId = unknown;
        }),
      },
    ]);

    test("an unknown region's finding says why it cannot be decided and how to fix it", async () => {
      const violations = await pack.checkAround(happy, lateRegion(happy), cn);
      expect(violations.map((v) => [v.level, v.message])).toEqual([
        [
          "mandatory",
          'rds instance cross backup policy "db-cross-backup" must name a place the pack can check, but crossBackupRegion is not known before deployment (an output of another resource, or the answer of a lookup), so whether it leaves CN cannot be decided at preview. Set it from a literal value or a resource of this program, or waive the finding after review.',
        ],
      ]);
    });
  });

  describe("configuration and waivers", () => {
    const toHongKong = set("telemetry-replication", (p) => {
      (p.destination as Props).location = "oss-cn-hongkong";
    });

    test("a waiver with a reason and a future expiry suppresses the finding it names", async () => {
      const violations = await pack.checkAround(happy, toHongKong(happy), {
        ...cn,
        waivers: [
          {
            policy: "storage-replication",
            resource: "telemetry-replication",
            reason: "CAC security assessment approved the export (ref. 2025-117)",
            expires: "2099-12-31",
          },
        ],
      });
      expect(summary(violations)).toEqual([]);
    });

    test("an expired waiver suppresses nothing and is itself reported", async () => {
      const violations = await pack.checkAround(happy, toHongKong(happy), {
        ...cn,
        waivers: [
          {
            policy: "storage-replication",
            resource: "telemetry-replication",
            reason: "Assessment lapsed",
            expires: "2020-01-01",
          },
        ],
      });
      expect(findings(violations)).toEqual(
        sorted([
          ["residency-waivers", null, "mandatory", null],
          [
            "storage-replication",
            "telemetry-replication",
            "mandatory",
            [
              'oss bucket "sdc-telemetry"',
              'oss bucket replication "telemetry-replication"',
              "oss-cn-hongkong (outside CN, in HK)",
            ],
          ],
        ]),
      );
    });

    test("without a jurisdiction the pack fails the stack once instead of passing it", async () => {
      const violations = await pack.checkAround(happy, toHongKong(happy), {});
      expect(findings(violations)).toEqual([["residency-configured", null, "mandatory", null]]);
    });

    test("judges the same plan by the configured jurisdiction: Beijing is outside the US", async () => {
      const violations = await pack.check(happy, { jurisdiction: "US" });
      const keys = violations.filter(
        (v) => v.resourceName === "key" || v.resourceName === "dr-key",
      );
      expect(findings(keys)).toEqual(
        sorted([
          [
            "resource-placement",
            "key",
            "mandatory",
            ['kms key "key"', "cn-shanghai (outside US, in CN)"],
          ],
          [
            "resource-placement",
            "dr-key",
            "mandatory",
            ['kms key "dr-key"', "cn-beijing (outside US, in CN)"],
          ],
          // Each key's crossing is its own placement: resource-placement reports it, and
          // no-path-out-of-jurisdiction, which keeps to crossings no other policy reports, does not.
        ]),
      );
    });
  });
});

describe("IP whitelists and public endpoints of data services", () => {
  const internet = (label: string): Finding => [
    "public-exposure",
    label.slice(label.indexOf('"') + 1, -1),
    "mandatory",
    ["the internet", label],
  ];
  const edge = (label: string): Finding => [
    "internet-egress",
    label.slice(label.indexOf('"') + 1, -1),
    "mandatory",
    [label, "the internet (any country)"],
  ];
  /** A Function Compute 3.0 HTTP trigger with the configuration `config`. */
  const httpTrigger = (config: Record<string, unknown>) =>
    add("alicloud:fc/v3Trigger:V3Trigger", "http", {
      functionName: "fn",
      triggerName: "http",
      triggerType: "http",
      qualifier: "LATEST",
      triggerConfig: JSON.stringify(config),
    });

  /**
   * One whitelist per type, as each API spells it: `open` admits the internet, `closed` only the
   * VPC (10.20.0.0/16) and the services' "no one" (127.0.0.1).
   */
  const whitelists: ReadonlyArray<
    readonly [type: string, label: string, whitelist: (sources: string) => Props]
  > = [
    [
      "alicloud:rds/readOnlyInstance:ReadOnlyInstance",
      'rds read only instance "ro"',
      (s) => ({ securityIps: s.split(",") }),
    ],
    [
      "alicloud:rds/whitelistTemplate:WhitelistTemplate",
      'rds whitelist template "tpl"',
      (s) => ({ ipWhiteList: s }),
    ],
    [
      "alicloud:redis/globalSecurityIpGroup:GlobalSecurityIpGroup",
      'redis global security ip group "redis-ips"',
      (s) => ({ globalIpList: s }),
    ],
    [
      "alicloud:polardb/globalSecurityIpGroup:GlobalSecurityIpGroup",
      'polardb global security ip group "polar-ips"',
      (s) => ({ globalIpList: s }),
    ],
    [
      "alicloud:polardb/application:Application",
      'polardb application "polar-app"',
      (s) => ({ securityIpLists: s.split(",") }),
    ],
    ["alicloud:adb/cluster:Cluster", 'adb cluster "adb2"', (s) => ({ securityIps: s.split(",") })],
    [
      "alicloud:adb/dBCluster:DBCluster",
      'adb db cluster "adb3"',
      (s) => ({ securityIps: s.split(",") }),
    ],
    [
      "alicloud:adb/dBClusterLakeVersion:DBClusterLakeVersion",
      'adb db cluster lake version "lake"',
      (s) => ({ securityIps: s }),
    ],
    [
      "alicloud:gpdb/instance:Instance",
      'gpdb instance "gp"',
      (s) => ({ ipWhitelists: [{ securityIpList: s }] }),
    ],
    [
      "alicloud:gpdb/elasticInstance:ElasticInstance",
      'gpdb elastic instance "gp-elastic"',
      (s) => ({ securityIpLists: s.split(",") }),
    ],
    [
      "alicloud:gpdb/dbInstanceIpArray:DbInstanceIpArray",
      'gpdb db instance ip array "gp-ips"',
      (s) => ({ securityIpLists: s.split(",") }),
    ],
    [
      "alicloud:gpdb/supabaseProject:SupabaseProject",
      'gpdb supabase project "supa"',
      (s) => ({ securityIpLists: s.split(",") }),
    ],
    [
      "alicloud:clickhouseenterprisedbcluster/securityIp:SecurityIp",
      'clickhouseenterprisedbcluster security ip "ck-ips"',
      (s) => ({ securityIpList: s }),
    ],
    [
      "alicloud:graphdatabase/dbInstance:DbInstance",
      'graphdatabase db instance "graph"',
      (s) => ({ dbInstanceIpArrays: [{ securityIps: s }] }),
    ],
    ["alicloud:hbase/instance:Instance", 'hbase instance "hbase"', (s) => ({ ipWhite: s })],
    [
      "alicloud:lindorm/instance:Instance",
      'lindorm instance "lindorm"',
      (s) => ({ ipWhiteLists: s.split(",") }),
    ],
    [
      "alicloud:lindorm/instanceV2:InstanceV2",
      'lindorm instance v2 "lindorm2"',
      (s) => ({ whiteIpLists: [{ groupName: "app", ipList: s }] }),
    ],
    [
      "alicloud:mongodb/globalSecurityIpGroup:GlobalSecurityIpGroup",
      'mongodb global security ip group "mongo-ips"',
      (s) => ({ globalSecurityIpList: s }),
    ],
    [
      "alicloud:mongodb/serverlessInstance:ServerlessInstance",
      'mongodb serverless instance "mongo-sls"',
      (s) => ({ securityIpGroups: [{ securityIpList: s }] }),
    ],
    [
      "alicloud:mongodb/shardingInstance:ShardingInstance",
      'mongodb sharding instance "mongo-shard"',
      (s) => ({ securityIpLists: s.split(",") }),
    ],
    // Data stores of the databases table, whose whitelists are read with their rows.
    [
      "alicloud:mongodb/instance:Instance",
      'mongodb instance "mongo"',
      (s) => ({ securityIpLists: s.split(",") }),
    ],
    [
      "alicloud:mongodb/instance:Instance",
      'mongodb instance "mongo-groups"',
      (s) => ({ securityIpGroups: [{ securityIpGroupName: "app", securityIpList: s }] }),
    ],
    [
      "alicloud:polardb/cluster:Cluster",
      'polardb cluster "polar"',
      (s) => ({ dbType: "MySQL", securityIps: s.split(",") }),
    ],
    [
      "alicloud:rds/ddrInstance:DdrInstance",
      'rds ddr instance "ddr"',
      (s) => ({ sourceRegion: "cn-shanghai", securityIps: s.split(",") }),
    ],
    [
      "alicloud:message/serviceEndpointAcl:ServiceEndpointAcl",
      'message service endpoint acl "mns-acl"',
      (s) => ({ endpointType: "public", aclStrategy: "allow", cidr: s }),
    ],
    [
      "alicloud:nas/accessRule:AccessRule",
      'nas access rule "nas-rule"',
      (s) => ({ accessGroupName: "app", priority: 1, sourceCidrIp: s }),
    ],
  ];
  runCases(
    pack,
    () => happy,
    cn,
    whitelists.map(([type, label, whitelist]) => {
      const name = label.slice(label.indexOf('"') + 1, -1);
      return {
        name: `the whitelist of a ${type} admits every address`,
        bad: onStoreKey(add(type, name, whitelist("10.20.0.0/16,0.0.0.0/0"))),
        expected: [internet(label)],
        twinName: `the whitelist of a ${type} admits only the VPC`,
        twin: onStoreKey(add(type, name, whitelist("10.20.0.0/16,127.0.0.1"))),
      };
    }),
  );

  /**
   * Databases that also take whitelists from global IP whitelist templates, by ID, each with the
   * template type of its service.
   */
  const templated: ReadonlyArray<
    readonly [type: string, label: string, template: string, ips: string, props: Props]
  > = [
    [
      "alicloud:mongodb/instance:Instance",
      'mongodb instance "mongo"',
      "alicloud:mongodb/globalSecurityIpGroup:GlobalSecurityIpGroup",
      "globalSecurityIpList",
      { securityIpLists: ["10.20.0.0/16"] },
    ],
    [
      "alicloud:mongodb/shardingInstance:ShardingInstance",
      'mongodb sharding instance "mongo-shard"',
      "alicloud:mongodb/globalSecurityIpGroup:GlobalSecurityIpGroup",
      "globalSecurityIpList",
      { securityIpLists: ["10.20.0.0/16"] },
    ],
    [
      "alicloud:polardb/cluster:Cluster",
      'polardb cluster "polar"',
      "alicloud:polardb/globalSecurityIpGroup:GlobalSecurityIpGroup",
      "globalIpList",
      { dbType: "MySQL", securityIps: ["10.20.0.0/16"] },
    ],
  ];
  runCases(
    pack,
    () => happy,
    cn,
    templated.map(([type, label, template, ips, props]) => {
      const name = label.slice(label.indexOf('"') + 1, -1);
      return {
        name: `a ${type} takes a whitelist from a template the program does not create`,
        bad: onStoreKey(add(type, name, { ...props, globalSecurityGroupLists: ["g-elsewhere"] })),
        expected: [
          [
            "named-destinations",
            name,
            "mandatory",
            ["cn-shanghai (inside CN)", label, '"g-elsewhere" (cannot be placed)'],
          ] as Finding,
        ],
        twinName: `the ${type} takes it from the program's template of the VPC`,
        twin: onStoreKey(
          pipe(
            add(template, "vpc-ips", { globalIgName: "vpc", [ips]: "10.20.0.0/16" }),
            add(
              type,
              name,
              { ...props, globalSecurityGroupLists: ["vpc-ips-id"] },
              { dependsOn: { globalSecurityGroupLists: ["vpc-ips"] } },
            ),
          ),
        ),
      };
    }),
  );

  test("a template the program does not create leaves the addresses it admits unchecked", async () => {
    const bad = onStoreKey(
      add("alicloud:mongodb/instance:Instance", "mongo", {
        securityIpLists: ["10.20.0.0/16"],
        globalSecurityGroupLists: ["g-elsewhere"],
      }),
    );
    expect(summary(await pack.checkAround(happy, bad(happy), cn))).toEqual([
      'mandatory named-destinations mongo: mongodb instance "mongo" must keep data inside CN, but globalSecurityGroupLists[0] admits the sources of "g-elsewhere", a global IP whitelist template this program does not create, so the addresses it admits cannot be checked. Whitelist only private ranges (the VPC) or allowlisted sources in securityIpLists and securityIpGroups.securityIpList. Take global whitelists only from templates of this program.',
    ]);
  });

  runCases(
    pack,
    () => happy,
    cn,
    (["alb", "nlb"] as const).map((kind) => ({
      name: `an intranet ${kind} load balancer gets an internet-facing IPv6 address`,
      bad: add(`alicloud:${kind}/loadBalancer:LoadBalancer`, "lb", {
        vpcId: "vpc-1",
        addressType: "Intranet",
        addressIpVersion: "DualStack",
        ipv6AddressType: "Internet",
      }),
      expected: [internet(`${kind} load balancer "lb"`)],
      twinName: `its IPv6 addresses stay on the intranet`,
      twin: add(`alicloud:${kind}/loadBalancer:LoadBalancer`, "lb", {
        vpcId: "vpc-1",
        addressType: "Intranet",
        addressIpVersion: "DualStack",
        ipv6AddressType: "Intranet",
      }),
    })),
  );

  runCases(pack, () => happy, cn, [
    {
      name: "a whitelist is not known at preview",
      bad: add("alicloud:hbase/instance:Instance", "hbase", { ipWhite: unknown }),
      expected: [internet('hbase instance "hbase"')],
      twinName: "the whitelist is known and private",
      twin: add("alicloud:hbase/instance:Instance", "hbase", { ipWhite: "10.20.0.0/16" }),
    },
    {
      name: "whether a public endpoint is on is not known at preview",
      bad: add("alicloud:selectdb/dbInstance:DbInstance", "selectdb", {
        enablePublicNetwork: unknown,
        desiredSecurityIpLists: [{ groupName: "app", securityIpList: "10.20.0.0/16" }],
      }),
      expected: [internet('selectdb db instance "selectdb"')],
      twinName: "the endpoint is known to be on and admits only the VPC",
      twin: add("alicloud:selectdb/dbInstance:DbInstance", "selectdb", {
        enablePublicNetwork: true,
        desiredSecurityIpLists: [{ groupName: "app", securityIpList: "10.20.0.0/16" }],
      }),
    },
    {
      name: "a clone of an RDS instance admits a public range in pg_hba",
      bad: add("alicloud:rds/rdsCloneDbInstance:RdsCloneDbInstance", "clone", {
        securityIps: ["10.20.0.0/16"],
        pgHbaConfs: [
          {
            type: "host",
            database: "all",
            user: "all",
            address: "198.51.100.0/24",
            method: "md5",
            priorityId: 1,
          },
        ],
      }),
      expected: [internet('rds clone db instance "clone"')],
      twinName: "its pg_hba line for that range rejects it",
      twin: add("alicloud:rds/rdsCloneDbInstance:RdsCloneDbInstance", "clone", {
        securityIps: ["10.20.0.0/16"],
        pgHbaConfs: [
          {
            type: "host",
            database: "all",
            user: "all",
            address: "198.51.100.0/24",
            method: "reject",
            priorityId: 1,
          },
        ],
      }),
    },
    {
      name: "an upgrade of an RDS instance whitelists every address",
      bad: add("alicloud:rds/rdsUpgradeDbInstance:RdsUpgradeDbInstance", "upgrade", {
        securityIps: ["0.0.0.0/0"],
      }),
      expected: [internet('rds upgrade db instance "upgrade"')],
      twinName: "the upgrade whitelists only the VPC",
      twin: add("alicloud:rds/rdsUpgradeDbInstance:RdsUpgradeDbInstance", "upgrade", {
        securityIps: ["10.20.0.0/16"],
      }),
    },
    {
      name: "a Kafka instance admits every address on its internet port",
      bad: add(
        "alicloud:alikafka/instanceAllowedIpAttachment:InstanceAllowedIpAttachment",
        "kafka-ips",
        {
          instanceId: "kafka-id",
          allowedType: "internet",
          portRange: "9093/9093",
          allowedIp: "0.0.0.0/0",
        },
      ),
      expected: [internet('alikafka instance allowed ip attachment "kafka-ips"')],
      twinName: "the same entry guards only the VPC port",
      twin: add(
        "alicloud:alikafka/instanceAllowedIpAttachment:InstanceAllowedIpAttachment",
        "kafka-ips",
        {
          instanceId: "kafka-id",
          allowedType: "vpc",
          portRange: "9092/9092",
          allowedIp: "0.0.0.0/0",
        },
      ),
    },
    {
      name: "a RocketMQ ACL allows a public range",
      bad: add("alicloud:rocketmq/acl:Acl", "mq-acl", {
        instanceId: "mq-id",
        username: "app",
        resourceType: "Topic",
        resourceName: "orders",
        actions: ["Pub"],
        decision: "Allow",
        ipWhitelists: ["198.51.100.0/24"],
      }),
      expected: [internet('rocketmq acl "mq-acl"')],
      twinName: "the ACL denies that range",
      twin: add("alicloud:rocketmq/acl:Acl", "mq-acl", {
        instanceId: "mq-id",
        username: "app",
        resourceType: "Topic",
        resourceName: "orders",
        actions: ["Pub"],
        decision: "Deny",
        ipWhitelists: ["198.51.100.0/24"],
      }),
    },
    {
      name: "a Cassandra cluster turns on its public endpoint with no whitelist",
      bad: add("alicloud:cassandra/cluster:Cluster", "cassandra", { enablePublic: true }),
      expected: [internet('cassandra cluster "cassandra"')],
      twinName: "the public endpoint admits only the VPC",
      twin: add("alicloud:cassandra/cluster:Cluster", "cassandra", {
        enablePublic: true,
        ipWhite: "10.20.0.0/16",
      }),
    },
    {
      name: "a Cassandra cluster whitelists every address on its VPC endpoint",
      bad: add("alicloud:cassandra/cluster:Cluster", "cassandra", { ipWhite: "0.0.0.0/0" }),
      expected: [internet('cassandra cluster "cassandra"')],
      twinName: "the cluster has no public endpoint and whitelists the VPC",
      twin: add("alicloud:cassandra/cluster:Cluster", "cassandra", {
        enablePublic: false,
        ipWhite: "10.20.0.0/16",
      }),
    },
    {
      name: "a Cassandra data centre turns on its public endpoint",
      bad: add("alicloud:cassandra/dataCenter:DataCenter", "cassandra-dc2", {
        clusterId: "cassandra-id",
        enablePublic: true,
      }),
      expected: [internet('cassandra data center "cassandra-dc2"')],
      twinName: "the data centre stays private",
      twin: add("alicloud:cassandra/dataCenter:DataCenter", "cassandra-dc2", {
        clusterId: "cassandra-id",
        enablePublic: false,
      }),
    },
    {
      name: "a ClickHouse cluster gets a public connection whitelisting a public range",
      bad: onStoreKey(
        add("alicloud:clickhouse/dbCluster:DbCluster", "ck", {
          allocatePublicConnection: true,
          dbClusterAccessWhiteLists: [
            { dbClusterIpArrayName: "app", securityIpList: "198.51.100.7" },
          ],
        }),
      ),
      expected: [internet('clickhouse db cluster "ck"')],
      twinName: "the public connection is off",
      twin: onStoreKey(
        add("alicloud:clickhouse/dbCluster:DbCluster", "ck", {
          allocatePublicConnection: false,
          dbClusterAccessWhiteLists: [
            { dbClusterIpArrayName: "app", securityIpList: "10.20.0.0/16" },
          ],
        }),
      ),
    },
    {
      name: "a SelectDB instance opens its public network with no whitelist",
      bad: add("alicloud:selectdb/dbInstance:DbInstance", "selectdb", {
        enablePublicNetwork: true,
      }),
      expected: [internet('selectdb db instance "selectdb"')],
      twinName: "the public network stays closed",
      twin: add("alicloud:selectdb/dbInstance:DbInstance", "selectdb", {
        enablePublicNetwork: false,
      }),
    },
    {
      name: "a RocketMQ instance enables internet access for every address",
      bad: add("alicloud:rocketmq/rocketMQInstance:RocketMQInstance", "mq", {
        networkInfo: {
          internetInfo: {
            internetSpec: "enable",
            flowOutType: "payByBandwidth",
            ipWhitelists: ["0.0.0.0/0"],
          },
          vpcInfo: { vpcId: "vpc-telemetry" },
        },
      }),
      expected: [internet('rocketmq rocket mq instance "mq"')],
      twinName: "internet access is disabled",
      twin: add("alicloud:rocketmq/rocketMQInstance:RocketMQInstance", "mq", {
        networkInfo: {
          internetInfo: { internetSpec: "disable", flowOutType: "uninvolved" },
          vpcInfo: { vpcId: "vpc-telemetry" },
        },
      }),
    },
    {
      name: "a RocketMQ instance enables internet access with no whitelist",
      bad: add("alicloud:rocketmq/rocketMQInstance:RocketMQInstance", "mq", {
        networkInfo: { internetInfo: { internetSpec: "enable", flowOutType: "payByBandwidth" } },
      }),
      expected: [internet('rocketmq rocket mq instance "mq"')],
      twinName: "its internet endpoint admits only an allowlisted range",
      twin: add("alicloud:rocketmq/rocketMQInstance:RocketMQInstance", "mq", {
        networkInfo: {
          internetInfo: {
            internetSpec: "enable",
            flowOutType: "payByBandwidth",
            ipWhitelists: ["203.0.113.0/24"],
          },
        },
      }),
    },
    {
      name: "a Lindorm public network is opened",
      bad: add("alicloud:lindorm/publicNetwork:PublicNetwork", "lindorm-public", {
        instanceId: "ld-id",
        engineType: "lindorm",
        enablePublicNetwork: 1,
      }),
      expected: [internet('lindorm public network "lindorm-public"')],
      twinName: "it is closed",
      twin: add("alicloud:lindorm/publicNetwork:PublicNetwork", "lindorm-public", {
        instanceId: "ld-id",
        engineType: "lindorm",
        enablePublicNetwork: 0,
      }),
    },
    {
      name: "an RDS AI instance gets a public address and a NAT gateway",
      bad: add("alicloud:rds/aiInstance:AiInstance", "ai", {
        publicEndpointEnabled: true,
        publicNetworkAccessEnabled: true,
      }),
      expected: [internet('rds ai instance "ai"'), edge('rds ai instance "ai"')],
      twinName: "both stay off",
      twin: add("alicloud:rds/aiInstance:AiInstance", "ai", {
        publicEndpointEnabled: false,
        publicNetworkAccessEnabled: false,
      }),
    },
    {
      name: "a bastion host opens public access to every address",
      bad: add("alicloud:bastionhost/instance:Instance", "bastion", {
        enablePublicAccess: true,
        publicWhiteLists: ["0.0.0.0/0"],
      }),
      expected: [internet('bastionhost instance "bastion"')],
      twinName: "public access is off",
      twin: add("alicloud:bastionhost/instance:Instance", "bastion", { enablePublicAccess: false }),
    },
    {
      name: "an edge Kubernetes cluster leaves its API server on the internet by default",
      bad: add("alicloud:cs/edgeKubernetes:EdgeKubernetes", "edge-ack", { workerNumber: 1 }),
      expected: [internet('cs edge kubernetes "edge-ack"')],
      twinName: "the API server has no internet load balancer",
      twin: add("alicloud:cs/edgeKubernetes:EdgeKubernetes", "edge-ack", {
        workerNumber: 1,
        slbInternetEnabled: false,
      }),
    },
    {
      name: "an MSE gateway gets an internet load balancer",
      bad: add("alicloud:mse/gateway:Gateway", "mse", {
        spec: "MSE_GTW_2_4_200_c",
        internetSlbSpec: "slb.s1.small",
      }),
      expected: [internet('mse gateway "mse"')],
      twinName: "it keeps only its private load balancer",
      twin: add("alicloud:mse/gateway:Gateway", "mse", {
        spec: "MSE_GTW_2_4_200_c",
        slbSpec: "slb.s1.small",
      }),
    },
    {
      name: "an SAE application gets an internet load balancer",
      bad: add("alicloud:sae/loadBalancerInternet:LoadBalancerInternet", "sae-lb", {
        appId: "sae-app-id",
        internets: [{ port: 80, protocol: "TCP", targetPort: 8080 }],
      }),
      expected: [internet('sae load balancer internet "sae-lb"')],
      twinName: "it gets an intranet load balancer instead",
      twin: add("alicloud:sae/loadBalancerIntranet:LoadBalancerIntranet", "sae-lb", {
        appId: "sae-app-id",
        intranets: [{ port: 80, protocol: "TCP", targetPort: 8080 }],
      }),
    },
    {
      name: "an EDAS Kubernetes application opens an internet load balancer port",
      bad: add("alicloud:edas/k8sApplication:K8sApplication", "edas-app", {
        applicationName: "app",
        clusterId: "cluster-id",
        internetSlbPort: 443,
        internetSlbProtocol: "HTTPS",
        internetTargetPort: 8443,
      }),
      expected: [internet('edas k8s application "edas-app"')],
      twinName: "the application has only its intranet load balancer",
      twin: add("alicloud:edas/k8sApplication:K8sApplication", "edas-app", {
        applicationName: "app",
        clusterId: "cluster-id",
        intranetSlbPort: 443,
        intranetSlbProtocol: "HTTPS",
        intranetTargetPort: 8443,
      }),
    },
    {
      name: "an API Gateway API takes anonymous calls",
      bad: add("alicloud:apigateway/api:Api", "api", {
        groupId: "group-id",
        authType: "ANONYMOUS",
      }),
      expected: [internet('apigateway api "api"')],
      twinName: "callers must sign with an app key",
      twin: add("alicloud:apigateway/api:Api", "api", { groupId: "group-id", authType: "APP" }),
    },
    {
      name: "a Function Compute custom domain takes anonymous calls",
      bad: add("alicloud:fc/v3CustomDomain:V3CustomDomain", "fc-domain", {
        customDomainName: "api.example.cn",
        authConfig: { authType: "anonymous" },
      }),
      expected: [internet('fc v3 custom domain "fc-domain"')],
      twinName: "it takes only JWT-authenticated calls",
      twin: add("alicloud:fc/v3CustomDomain:V3CustomDomain", "fc-domain", {
        customDomainName: "api.example.cn",
        authConfig: { authType: "jwt" },
      }),
    },
    {
      name: "a Function Compute 3.0 HTTP trigger takes anonymous calls at its public URL",
      bad: httpTrigger({ authType: "anonymous", methods: ["GET", "POST"] }),
      expected: [internet('fc v3 trigger "http"')],
      twinName: "its public URL is disabled",
      twin: httpTrigger({ authType: "anonymous", methods: ["GET"], disableURLInternet: true }),
    },
    {
      name: "a Function Compute 2.0 HTTP trigger takes anonymous calls at its public URL",
      bad: add("alicloud:fc/trigger:Trigger", "http2", {
        service: "svc",
        function: "fn",
        type: "http",
        config: JSON.stringify({ authType: "anonymous", methods: ["GET"] }),
      }),
      expected: [internet('fc trigger "http2"')],
      twinName: "callers must sign their requests",
      twin: add("alicloud:fc/trigger:Trigger", "http2", {
        service: "svc",
        function: "fn",
        type: "http",
        config: JSON.stringify({ authType: "function", methods: ["GET"] }),
      }),
    },
    {
      name: "a Function Compute layer is public",
      bad: add("alicloud:fc/v3LayerVersion:V3LayerVersion", "layer", {
        layerName: "libs",
        acl: "1",
      }),
      expected: [internet('fc v3 layer version "layer"')],
      twinName: "the layer is private",
      twin: add("alicloud:fc/v3LayerVersion:V3LayerVersion", "layer", {
        layerName: "libs",
        acl: "0",
      }),
    },
  ]);

  runCases(pack, () => happy, cn, [
    ...(
      [
        ["alicloud:ecs/ecsInstanceSet:EcsInstanceSet", 'ecs instance set "set"'],
        ["alicloud:rds/custom:Custom", 'rds custom "custom"'],
        [
          "alicloud:cddc/dedicatedPropreHost:DedicatedPropreHost",
          'cddc dedicated propre host "host"',
        ],
      ] as const
    ).map(([type, label]) => {
      const name = label.slice(label.indexOf('"') + 1, -1);
      return {
        // An instance set's system disks on the program's key, as the region's default.
        name: `a ${type} gets public bandwidth`,
        bad: pipe(programDiskDefaults, add(type, name, { internetMaxBandwidthOut: 5 })),
        expected: [edge(label)],
        twinName: `the ${type} has no public bandwidth`,
        twin: pipe(programDiskDefaults, add(type, name, { internetMaxBandwidthOut: 0 })),
      };
    }),
    {
      name: "an ENS edge instance gets its default public IP",
      bad: add("alicloud:ens/instance:Instance", "ens", { instanceType: "ens.sn1.small" }),
      expected: [edge('ens instance "ens"')],
      twinName: "it is assigned no public IP",
      twin: add("alicloud:ens/instance:Instance", "ens", {
        instanceType: "ens.sn1.small",
        publicIpIdentification: false,
        internetMaxBandwidthOut: 0,
      }),
    },
    {
      // The attachment links the instance to the EIP: one way out, from the instance.
      name: "an ENS edge instance is given an EIP of the edge node",
      bad: pipe(
        add("alicloud:ens/instance:Instance", "ens", {
          instanceType: "ens.sn1.small",
          publicIpIdentification: false,
          internetMaxBandwidthOut: 0,
        }),
        add("alicloud:ens/eip:Eip", "edge-eip", {
          ensRegionId: "cn-shanghai-telecom",
          bandwidth: 5,
        }),
        (plan: Plan) =>
          withDependencies(
            add("alicloud:ens/eipInstanceAttachment:EipInstanceAttachment", "edge-eip-ens", {
              allocationId: unknown,
              instanceId: unknown,
              instanceType: "EnsInstance",
            })(plan),
            "edge-eip-ens",
            { allocationId: ["edge-eip"], instanceId: ["ens"] },
          ),
      ),
      expected: [
        [
          "internet-egress",
          "edge-eip-ens",
          "mandatory",
          [
            'ens instance "ens"',
            'ens eip instance attachment "edge-eip-ens"',
            'ens eip "edge-eip"',
            "the internet (any country)",
          ],
        ],
      ],
      twinName: "it is given no EIP",
      twin: add("alicloud:ens/instance:Instance", "ens", {
        instanceType: "ens.sn1.small",
        publicIpIdentification: false,
        internetMaxBandwidthOut: 0,
      }),
    },
    ...(
      [
        ["alicloud:fc/service:Service", 'fc service "fc"'],
        ["alicloud:fc/v3Function:V3Function", 'fc v3 function "fc"'],
      ] as const
    ).map(([type, label]) => ({
      name: `a ${type} keeps the default internet access`,
      bad: add(type, "fc", { description: "worker" }),
      expected: [edge(label)],
      twinName: `the ${type} has internet access turned off`,
      twin: add(type, "fc", { description: "worker", internetAccess: false }),
    })),
    {
      name: "a function resolves names at a public DNS server and mounts a bucket through Frankfurt",
      bad: fcFunction("198.51.100.53", "http://oss-eu-central-1-internal.aliyuncs.com"),
      expected: [
        [
          "remote-sites",
          "fc",
          "mandatory",
          ["cn-shanghai (inside CN)", 'fc v3 function "fc"', '"198.51.100.53" (cannot be placed)'],
        ],
        [
          "storage-replication",
          "fc",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'fc v3 function "fc"',
            "http://oss-eu-central-1-internal.aliyuncs.com (outside CN, in EU)",
          ],
        ],
      ],
      twinName: "it resolves names in its VPC and mounts the program's bucket through Shanghai",
      twin: fcFunction("10.20.0.53", "http://oss-cn-shanghai-internal.aliyuncs.com"),
    },
    {
      name: "Cloud Firewall's private DNS forwards a VPC's queries to public DNS servers",
      bad: add("alicloud:cloudfirewall/privateDns:PrivateDns", "dns", {
        accessInstanceName: "dns",
        regionNo: "cn-shanghai",
        vpcId: "vpc-records",
        primaryDns: "8.8.8.8",
        standbyDns: "198.51.100.53",
      }),
      expected: ["8.8.8.8", "198.51.100.53"].map((server): Finding => [
        "remote-sites",
        "dns",
        "mandatory",
        [
          "cn-shanghai (inside CN)",
          'cloudfirewall private dns "dns"',
          `"${server}" (cannot be placed)`,
        ],
      ]),
      twinName: "it forwards them to the cloud's resolver and a DNS server of the VPC",
      twin: add("alicloud:cloudfirewall/privateDns:PrivateDns", "dns", {
        accessInstanceName: "dns",
        regionNo: "cn-shanghai",
        vpcId: "vpc-records",
        primaryDns: "100.100.2.136",
        standbyDns: "10.20.0.53",
      }),
    },
    {
      // The add-ons' specs are JSON documents held as text.
      name: "an E-HPC cluster's login add-on gets an EIP and admits SSH from anywhere",
      bad: hpcCluster(true, "0.0.0.0/0"),
      expected: [
        ["public-exposure", "hpc", "mandatory", ["the internet", 'ehpc cluster v2 "hpc"']],
        edge('ehpc cluster v2 "hpc"'),
      ],
      twinName: "the login node has no EIP and admits SSH from the VPC alone",
      twin: hpcCluster(false, "10.0.0.0/8"),
    },
    {
      name: "an ECI virtual node gets a public IP",
      bad: add("alicloud:eci/virtualNode:VirtualNode", "vnode", { enablePublicNetwork: true }),
      expected: [edge('eci virtual node "vnode"')],
      twinName: "the virtual node stays private",
      twin: add("alicloud:eci/virtualNode:VirtualNode", "vnode", { enablePublicNetwork: false }),
    },
  ]);
});

/** A Nacos registry of MSE in the stack's vSwitch, with its network settings `network`. */
function mseRegistry(network: Record<string, unknown>) {
  return add("alicloud:mse/cluster:Cluster", "registry", {
    clusterSpecification: "MSE_SC_1_2_60_c",
    clusterType: "Nacos-Ans",
    clusterVersion: "NACOS_2_0_0",
    instanceCount: 3,
    vswitchId: "vsw-telemetry-a",
    ...network,
  });
}

/** An E-HPC cluster whose login add-on creates an EIP (`eip`) and admits SSH from `source`. */
function hpcCluster(eip: boolean, source: string) {
  return add("alicloud:ehpc/clusterV2:ClusterV2", "hpc", {
    clusterCategory: "Standard",
    clusterMode: "Integrated",
    clusterVpcId: "vpc-telemetry",
    securityGroupId: "sg-telemetry",
    addons: [
      {
        name: "Login",
        version: "1.0",
        servicesSpec: JSON.stringify([
          { ServiceName: "SSH", NetworkACL: [{ Port: 22, SourceCidrIp: source }] },
        ]),
        resourcesSpec: JSON.stringify({ EipResource: { AutoCreate: eip } }),
      },
    ],
  });
}

/** A function with DNS servers `dns` that mounts the program's bucket through `endpoint`. */
function fcFunction(dns: string, endpoint: string) {
  return add("alicloud:fc/v3Function:V3Function", "fc", {
    description: "worker",
    internetAccess: false,
    customDns: { nameServers: [dns] },
    ossMountConfig: {
      mountPoints: [{ bucketName: "sdc-telemetry", bucketPath: "/", endpoint, mountDir: "/mnt/t" }],
    },
  });
}

/** A DBS backup plan of a database of `instanceType` at a private address, kept in Shanghai. */
function dbsPlan(instanceType: string): Props {
  return {
    backupPlanName: "orders",
    backupMethod: "logical",
    instanceClass: "small",
    sourceEndpointInstanceType: instanceType,
    sourceEndpointRegion: "cn-shanghai",
    sourceEndpointIp: "10.20.3.9",
    sourceEndpointPort: 3306,
    sourceEndpointEngineName: "MySQL",
    storageRegion: "cn-shanghai",
    backupStorageType: "system",
  };
}

/** An MNS topic subscription "topic-sub" pushing to `endpoint`. */
const topicSub = (endpoint: string) =>
  add("alicloud:mns/topicSubscription:TopicSubscription", "topic-sub", { endpoint });

describe("Logtail flushers", () => {
  /** A Logtail pipeline of the program's project collecting files and flushing with `flushers`. */
  const pipeline = (...flushers: Record<string, string>[]) =>
    add("alicloud:sls/logtailPipelineConfig:LogtailPipelineConfig", "collect", {
      project: "sdc-telemetry-logs",
      configName: "collect",
      inputs: [{ Type: "input_file", FilePaths: '["/var/log/app/*.log"]' }],
      flushers,
    });
  const flushed = (place: string): Finding => [
    "log-shipping",
    "collect",
    "mandatory",
    ["cn-shanghai (inside CN)", 'sls logtail pipeline config "collect"', place],
  ];
  runCases(pack, () => happy, cn, [
    {
      name: "a pipeline flushes logs to an HTTP collector and a Kafka outside the cloud, and through a flusher the pack does not read",
      bad: pipeline(
        { Type: "flusher_http", RemoteURL: "https://collector.example.com/logs" },
        { Type: "flusher_kafka_v2", Brokers: '["kafka.example.com:9092","10.20.1.7:9092"]' },
        { Type: "flusher_custom", Target: "somewhere" },
      ),
      expected: [
        flushed(
          '"https://collector.example.com/logs" (a host outside the cloud, which cannot be placed)',
        ),
        flushed('"kafka.example.com:9092" (a host outside the cloud, which cannot be placed)'),
        flushed(
          'a flusher of type "flusher_custom", whose destination the pack does not read (cannot be placed)',
        ),
      ],
      twinName:
        "it flushes to Simple Log Service, the machine's output and a Kafka at private addresses",
      twin: pipeline(
        { Type: "flusher_sls", Logstore: "app", Region: "cn-shanghai" },
        { Type: "flusher_stdout" },
        { Type: "flusher_kafka_v2", Brokers: '["10.20.1.7:9092","10.20.1.8:9092"]' },
      ),
    },
  ]);
});

describe("PAI code sources", () => {
  const codeSource = (codeRepo: string) =>
    add("alicloud:pai/workspaceCodeSource:WorkspaceCodeSource", "src", {
      workspaceId: "ws-records",
      displayName: "models",
      mountPath: "/mnt/code/models/",
      accessibility: "PRIVATE",
      codeBranch: "main",
      codeRepo,
    });
  runCases(pack, () => happy, cn, [
    {
      name: "a code source clones and pushes with a repository on GitHub",
      bad: codeSource("https://github.com/example/models.git"),
      expected: [
        [
          "remote-sites",
          "src",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'pai workspace code source "src"',
            '"https://github.com/example/models.git" (cannot be placed)',
          ],
        ],
      ],
      twinName: "the repository is on a Git server at a private address of the stack",
      twin: codeSource("https://10.20.0.9/team/models.git"),
    },
  ]);
});

describe("Simple Log Service import jobs", () => {
  /** An import job "import" of the program's project, taking data from `source` (JSON text). */
  const ingestion = (source: string) =>
    add("alicloud:log/ingestion:Ingestion", "import", {
      project: "sdc-telemetry-logs",
      logstore: "app",
      ingestionName: "import",
      displayName: "import",
      interval: "30m",
      runImmediately: true,
      source,
    });
  const oss = (endpoint: string) =>
    JSON.stringify({
      type: "AliyunOSS",
      bucket: "sdc-archive",
      endpoint,
      roleARN: "acs:ram::1049446484210612:role/aliyunlogimportossrole",
      format: { type: "JSON" },
    });
  /** log-shipping's finding on the job, whose data comes from `place`. */
  const imported = (place: string): Finding => [
    "log-shipping",
    "import",
    "mandatory",
    [place, 'log ingestion "import"', "cn-shanghai (inside CN)"],
  ];
  runCases(pack, () => happy, cn, [
    {
      name: "a job imports logs from a bucket in Silicon Valley",
      bad: ingestion(oss("oss-us-west-1-internal.aliyuncs.com")),
      expected: [imported('"oss-us-west-1-internal.aliyuncs.com" (in us-west-1, outside CN)')],
      twinName: "it imports from a bucket in Hangzhou",
      twin: ingestion(oss("oss-cn-hangzhou-internal.aliyuncs.com")),
    },
    {
      name: "a job imports from a source whose place the pack does not read",
      bad: ingestion(JSON.stringify({ type: "Kafka", bootstrapServers: "kafka.example.com:9092" })),
      expected: [
        imported('a source of type "Kafka", whose place the pack does not read (cannot be placed)'),
      ],
      twinName: "it imports from a bucket in Shanghai",
      twin: ingestion(oss("oss-cn-shanghai.aliyuncs.com")),
    },
  ]);
});

describe("alarm and notification webhooks", () => {
  const shipped = (label: string, place: string): Finding => [
    "log-shipping",
    label.slice(label.indexOf('"') + 1, -1),
    "mandatory",
    ["cn-shanghai (inside CN)", label, place],
  ];
  const external = '"https://hooks.example.com/notify" (cannot be placed)';

  /** Cloud Firewall's alarm settings: its `contacts` and the `notices` it sends by mail or SMS. */
  const firewallAlarms = (contacts: Props[], notices: Props[] = []) => ({
    alarmConfigs: [
      { alarmType: "bandwidth", alarmValue: "80", alarmPeriod: "1", alarmNotify: "0" },
    ],
    contactConfigs: contacts,
    notifyConfigs: notices,
  });
  /** A DTS change subscription of a Shanghai database, served in a VPC. */
  const dtsSubscription = (alarms: Props) => ({
    paymentType: "PayAsYouGo",
    sourceEndpointEngineName: "MySQL",
    sourceEndpointRegion: "cn-shanghai",
    sourceEndpointInstanceType: "RDS",
    sourceEndpointInstanceId: "rm-records",
    subscriptionInstanceNetworkType: "vpc",
    dbList: JSON.stringify({ records: { name: "records", all: true } }),
    ...alarms,
  });
  /** A DTS synchronisation between two Shanghai databases. */
  const dtsSync = (alarms: Props) => ({
    dtsInstanceId: "dts-records",
    sourceEndpointInstanceType: "RDS",
    sourceEndpointInstanceId: "rm-records",
    sourceEndpointEngineName: "MySQL",
    sourceEndpointRegion: "cn-shanghai",
    destinationEndpointInstanceType: "RDS",
    destinationEndpointInstanceId: "rm-records-copy",
    destinationEndpointEngineName: "MySQL",
    destinationEndpointRegion: "cn-shanghai",
    dbList: JSON.stringify({ records: { name: "records", all: true } }),
    ...alarms,
  });

  /** A SchedulerX job whose one alarm contact is `contact` (its robot, mailbox or phone). */
  const schedulerxJob = (c: Record<string, string>) => ({
    namespace: "ns-1",
    groupId: "jobs",
    jobName: "nightly",
    jobType: "java",
    executeMode: "standalone",
    className: "com.example.Nightly",
    timeConfig: { timeType: 1, timeExpression: "0 0 2 * * ?" },
    jobMonitorInfo: { contactInfos: [{ userName: "ops", ...c }] },
  });

  /** A CloudMonitor event notification policy whose one route has the one `channel`. */
  const notifyPolicy = (channel: Props) =>
    add("alicloud:cms/eventNotifyPolicy:EventNotifyPolicy", "incidents", {
      eventNotifyPolicyName: "incidents",
      notifyStrategy: { routes: [{ channels: [channel] }] },
    });
  /** An event stream capturing a self-managed MySQL server's changes into an MNS queue. */
  const mysqlStream = (host: string) =>
    add("alicloud:eventbridge/eventStreaming:EventStreaming", "cdc", {
      eventStreamingName: "cdc",
      source: JSON.stringify({
        SourceMySQLParameters: {
          HostName: host,
          Port: 3306,
          DatabaseName: "records",
          TableNames: "orders",
          NetworkType: "PublicNetwork",
          RegionId: "cn-shanghai",
        },
      }),
      sink: JSON.stringify({
        SinkMNSParameters: { QueueName: { Value: "changes", Form: "CONSTANT" } },
      }),
      filterPattern: "{}",
    });
  /** A Function Compute 2.0 service without internet access, tracing to the collector at `endpoint`. */
  const tracedService = (endpoint: string) =>
    add("alicloud:fc/service:Service", "traced", {
      name: "traced",
      internetAccess: false,
      tracingConfig: { type: "Jaeger", params: { endpoint } },
    });
  /** An EventBridge source pulling from the self-built RocketMQ broker at `endpoint`. */
  const rocketMqSource = (endpoint: string) =>
    add("alicloud:eventbridge/eventSourceV2:EventSourceV2", "orders-mq", {
      eventSourceName: "orders-mq",
      eventBusName: "default",
      sourceRocketmqParameters: {
        instanceType: "SELF_BUILT",
        instanceEndpoint: endpoint,
        instanceNetwork: "PublicNetwork",
        topic: "orders",
        groupId: "GID_events",
        regionId: "cn-shanghai",
      },
    });

  /** One notification URL per type, as each API spells it. */
  const webhooks: ReadonlyArray<
    readonly [type: string, label: string, notify: (url: string) => Props]
  > = [
    ["alicloud:cms/alarm:Alarm", 'cms alarm "cpu-alarm"', (u) => ({ metric: "cpu", webhook: u })],
    [
      "alicloud:cms/groupMetricRule:GroupMetricRule",
      'cms group metric rule "group-rule"',
      (u) => ({ webhook: u }),
    ],
    [
      "alicloud:cms/metricRuleTemplate:MetricRuleTemplate",
      'cms metric rule template "template"',
      (u) => ({ alertTemplates: [{ metricName: "cpu", webhook: u }] }),
    ],
    [
      "alicloud:cloudmonitor/serviceMetricAlarmRule:ServiceMetricAlarmRule",
      'cloudmonitor service metric alarm rule "alarm-rule"',
      (u) => ({ webhook: u }),
    ],
    [
      "alicloud:cloudmonitor/serviceGroupMonitoringAgentProcess:ServiceGroupMonitoringAgentProcess",
      'cloudmonitor service group monitoring agent process "process"',
      (u) => ({ alertConfigs: [{ webhook: u }] }),
    ],
    ["alicloud:quotas/quotaAlarm:QuotaAlarm", 'quota alarm "quota"', (u) => ({ webHook: u })],
    [
      "alicloud:log/alert:Alert",
      'log alert "log-alert"',
      (u) => ({ notificationLists: [{ type: "Webhook", content: "alert", serviceUri: u }] }),
    ],
    [
      "alicloud:arms/alertContact:AlertContact",
      'arms alert contact "contact"',
      (u) => ({ dingRobotWebhookUrl: u }),
    ],
    // Classified as naming no place until the provider's own example was checked: its robot
    // posts every alert to a DingTalk, WeCom or Lark webhook.
    [
      "alicloud:arms/alertRobot:AlertRobot",
      'arms alert robot "robot"',
      (u) => ({ alertRobotName: "ops", robotType: "dingding", robotAddr: u }),
    ],
    // Unread until the inventory took `callback` for a destination's name.
    [
      "alicloud:videosurveillance/systemGroup:SystemGroup",
      'videosurveillance system group "cameras"',
      (u) => ({
        systemGroupName: "cameras",
        inProtocol: "rtmp",
        outProtocol: "flv",
        playDomain: "play.example.com",
        pushDomain: "push.example.com",
        callback: u,
      }),
    ],
    [
      "alicloud:cms/alarmContact:AlarmContact",
      'cms alarm contact "alarm-contact"',
      (u) => ({ alarmContactName: "ops", describe: "ops", channelsDingWebHook: u }),
    ],
    [
      "alicloud:sslcertificatesservice/contact:Contact",
      'sslcertificatesservice contact "cert-contact"',
      (u) => ({ webhookLists: [u] }),
    ],
    [
      "alicloud:index/mscSubWebhook:MscSubWebhook",
      'alicloud msc sub webhook "msc"',
      (u) => ({ serverUrl: u }),
    ],
    [
      "alicloud:schedulerx/appGroup:AppGroup",
      'schedulerx app group "jobs"',
      (u) => ({
        namespace: "ns-1",
        groupId: "jobs",
        appName: "jobs",
        monitorConfigJson: JSON.stringify({ sendChannel: "ding", alarmType: "CustomContacts" }),
        monitorContactsJson: JSON.stringify([{ userName: "ops", ding: u }]),
      }),
    ],
    // A job's own contacts, unread until the provider's examples were checked beside appGroup's.
    ["alicloud:schedulerx/job:Job", 'schedulerx job "nightly"', (u) => schedulerxJob({ ding: u })],
    [
      "alicloud:message/serviceSubscription:ServiceSubscription",
      'message service subscription "sub"',
      (u) => ({ pushType: "http", endpoint: u }),
    ],
    [
      "alicloud:mns/topicSubscription:TopicSubscription",
      'mns topic subscription "topic-sub"',
      (u) => ({ endpoint: u }),
    ],
    [
      "alicloud:eventbridge/apiDestination:ApiDestination",
      'eventbridge api destination "api-dest"',
      (u) => ({ httpApiParameters: { endpoint: u, method: "POST" } }),
    ],
    [
      "alicloud:aligreen/callback:Callback",
      'aligreen callback "green"',
      (u) => ({ callbackUrl: u }),
    ],
    [
      "alicloud:aligreen/auditCallback:AuditCallback",
      'aligreen audit callback "green-audit"',
      (u) => ({ url: u }),
    ],
  ];
  // Notices by e-mail: a mailbox cannot be placed either.
  const mailboxes: ReadonlyArray<
    readonly [type: string, label: string, mail: (address?: string) => Props]
  > = [
    [
      "alicloud:log/alert:Alert",
      'log alert "log-alert"',
      (a) => ({
        notificationLists: [
          { type: "Email", content: "alert", ...(a === undefined ? {} : { emailLists: [a] }) },
        ],
      }),
    ],
    [
      "alicloud:arms/alertContact:AlertContact",
      'arms alert contact "contact"',
      (a) => ({ alertContactName: "ops", ...(a === undefined ? {} : { email: a }) }),
    ],
    [
      "alicloud:cms/alarmContact:AlarmContact",
      'cms alarm contact "alarm-contact"',
      (a) => ({
        alarmContactName: "ops",
        describe: "ops",
        ...(a === undefined ? { channelsSms: "13800000000" } : { channelsMail: a }),
      }),
    ],
    [
      "alicloud:sslcertificatesservice/contact:Contact",
      'sslcertificatesservice contact "cert-contact"',
      (a) => ({ contactName: "ops", ...(a === undefined ? {} : { email: a }) }),
    ],
    [
      "alicloud:schedulerx/job:Job",
      'schedulerx job "nightly"',
      (a) => schedulerxJob(a === undefined ? {} : { userMail: a }),
    ],
    // Once reviewed as a person's address, not a destination: its alarms leave as any contact's.
    [
      "alicloud:cloudfirewall/userAlarmConfig:UserAlarmConfig",
      'cloudfirewall user alarm config "firewall-alarms"',
      (a) =>
        firewallAlarms([{ name: "ops", status: "1", ...(a === undefined ? {} : { email: a }) }]),
    ],
  ];
  runCases(
    pack,
    () => happy,
    cn,
    mailboxes.map(([type, label, mail]) => {
      const name = label.slice(label.indexOf('"') + 1, -1);
      return {
        name: `a ${type} e-mails its notices`,
        bad: add(type, name, mail("ops@example.com")),
        expected: [shipped(label, '"ops@example.com" (cannot be placed)')],
        twinName: `the ${type} names no mailbox`,
        twin: add(type, name, mail()),
      };
    }),
  );

  // Alarms by text: a number reaches its phone's country, several in one text each (an 11-digit
  // mainland number without +86, as Alibaba's SMS takes it, is China's).
  const phones: ReadonlyArray<
    readonly [type: string, label: string, text: (numbers: string) => Props]
  > = [
    [
      "alicloud:arms/alertContact:AlertContact",
      'arms alert contact "contact"',
      (n) => ({ alertContactName: "ops", phoneNum: n }),
    ],
    [
      "alicloud:cms/alarmContact:AlarmContact",
      'cms alarm contact "alarm-contact"',
      (n) => ({ alarmContactName: "ops", describe: "ops", channelsSms: n }),
    ],
    [
      "alicloud:sslcertificatesservice/contact:Contact",
      'sslcertificatesservice contact "cert-contact"',
      (n) => ({ contactName: "ops", mobile: n }),
    ],
    [
      "alicloud:dts/jobMonitorRule:JobMonitorRule",
      'dts job monitor rule "dts-alarms"',
      (n) => ({ dtsJobId: "dts-1", type: "delay", state: "Y", delayRuleTime: 60, phone: n }),
    ],
    [
      "alicloud:schedulerx/job:Job",
      'schedulerx job "nightly"',
      (n) => schedulerxJob({ userPhone: n }),
    ],
    [
      "alicloud:cloudfirewall/userAlarmConfig:UserAlarmConfig",
      'cloudfirewall user alarm config "firewall-alarms"',
      (n) => firewallAlarms([{ name: "ops", status: "1", mobilePhone: n }]),
    ],
    [
      "alicloud:log/alert:Alert",
      'log alert "log-alert"',
      (n) => ({
        notificationLists: [{ type: "SMS", content: "alert", mobileLists: n.split(",") }],
      }),
    ],
    [
      "alicloud:dts/subscriptionJob:SubscriptionJob",
      'dts subscription job "changes"',
      (n) => dtsSubscription({ errorNotice: true, errorPhone: n }),
    ],
    [
      "alicloud:dts/synchronizationJob:SynchronizationJob",
      'dts synchronization job "sync"',
      (n) => dtsSync({ delayNotice: true, delayRuleTime: "60", delayPhone: n }),
    ],
  ];
  runCases(
    pack,
    () => happy,
    cn,
    phones.map(([type, label, text]) => {
      const name = label.slice(label.indexOf('"') + 1, -1);
      return {
        name: `a ${type} texts its alarms to a phone in Hong Kong`,
        bad: add(type, name, text("13800000000,85221234567")),
        expected: [shipped(label, "+85221234567 (a phone outside CN, in HK)")],
        twinName: `the ${type} texts them to mainland numbers`,
        twin: add(type, name, text("13800000000, 13900000000")),
      };
    }),
  );

  // Cloud Firewall's notices go by mail or by text, as each one's notifyType says.
  const firewallNotices = (...notices: Props[]) =>
    add(
      "alicloud:cloudfirewall/userAlarmConfig:UserAlarmConfig",
      "firewall-alarms",
      firewallAlarms([], notices),
    );
  const firewallLabel = 'cloudfirewall user alarm config "firewall-alarms"';
  runCases(pack, () => happy, cn, [
    {
      name: "Cloud Firewall mails its alarm notices",
      bad: firewallNotices({ notifyType: "mail", notifyValue: "ops@example.com" }),
      expected: [
        shipped(
          firewallLabel,
          `"ops@example.com" (a mailbox, whose mail its domain's servers receive wherever they are, so it cannot be placed in a region; egressHosts may name a domain whose mail servers are inside)`,
        ),
      ],
      twinName: "it texts them to a mainland number, written with its country code",
      twin: firewallNotices({ notifyType: "sms", notifyValue: "+8613800000000" }),
    },
    {
      name: "Cloud Firewall texts its alarm notices to a phone in Hong Kong",
      bad: firewallNotices(
        { notifyType: "sms", notifyValue: "13900000000" },
        { notifyType: "SMS", notifyValue: "85221234567" },
      ),
      expected: [shipped(firewallLabel, "+85221234567 (a phone outside CN, in HK)")],
      twinName: "a notice names no number or mailbox",
      twin: firewallNotices({ notifyType: "mail", notifyValue: "" }),
    },
    {
      // The provider's own example lists 8-digit stand-ins; the finding shows them as written,
      // not as the international numbers the SMS reading makes of them (+12345678).
      name: "a log alert texts a number that names no country",
      bad: add("alicloud:log/alert:Alert", "log-alert", {
        notificationLists: [
          { type: "SMS", content: "alert", mobileLists: ["13800000000", "12345678"] },
        ],
      }),
      expected: [
        shipped(
          'log alert "log-alert"',
          '"12345678" (a phone number that names no country, which cannot be placed)',
        ),
      ],
      twinName: "it texts a mainland number",
      twin: add("alicloud:log/alert:Alert", "log-alert", {
        notificationLists: [{ type: "SMS", content: "alert", mobileLists: ["13800000000"] }],
      }),
    },
    {
      name: "a DTS subscription texts its delay alarms to a phone in Hong Kong",
      bad: add(
        "alicloud:dts/subscriptionJob:SubscriptionJob",
        "changes",
        dtsSubscription({ delayNotice: true, delayRuleTime: "60", delayPhone: "85221234567" }),
      ),
      expected: [
        shipped('dts subscription job "changes"', "+85221234567 (a phone outside CN, in HK)"),
      ],
      twinName: "its delay alarms are off, the number left unused",
      twin: add(
        "alicloud:dts/subscriptionJob:SubscriptionJob",
        "changes",
        dtsSubscription({ delayPhone: "85221234567" }),
      ),
    },
    {
      name: "a Cloud Firewall notice is of a kind the provider does not document",
      bad: firewallNotices({ notifyType: "ding", notifyValue: "https://oapi.dingtalk.com/robot" }),
      expected: [
        shipped(
          firewallLabel,
          '"https://oapi.dingtalk.com/robot" (a notice of kind "ding", neither mail nor sms, which cannot be placed)',
        ),
      ],
      twinName: "it texts them to a mainland number",
      twin: firewallNotices({ notifyType: "sms", notifyValue: "13800000000" }),
    },
  ]);

  runCases(
    pack,
    () => happy,
    cn,
    webhooks.map(([type, label, notify]) => {
      const name = label.slice(label.indexOf('"') + 1, -1);
      return {
        name: `a ${type} calls a host outside the cloud`,
        bad: add(type, name, notify("https://hooks.example.com/notify")),
        expected: [shipped(label, external)],
        twinName: `the ${type} calls a host inside the VPC`,
        twin: add(type, name, notify("http://10.20.1.5:8080/notify")),
      };
    }),
  );

  runCases(pack, () => happy, cn, [
    ...(["SLACK", "DING"] as const).map((channelType) => ({
      name: `a CloudMonitor event notification policy posts incidents to ${channelType} robots`,
      bad: notifyPolicy({ channelType, receivers: ["3f2a1c9e-robot"] }),
      expected: [
        shipped(
          'cms event notify policy "incidents"',
          `the chat robots or webhooks its receivers name on channel "${channelType}" (outside the cloud)`,
        ),
      ],
      twinName: `it notifies contacts of the account by mail and text instead of ${channelType}`,
      twin: notifyPolicy({
        channelType: "CONTACT",
        enabledSubChannels: ["EMAIL", "SMS"],
        receivers: ["contact-ops"],
      }),
    })),
    {
      name: "an event stream captures the changes of a MySQL server on the internet",
      bad: mysqlStream("db.partner.example.de"),
      expected: [
        [
          "log-shipping",
          "cdc",
          "mandatory",
          [
            '"db.partner.example.de" (cannot be placed)',
            'eventbridge event streaming "cdc"',
            "cn-shanghai (inside CN)",
          ],
        ],
      ],
      twinName: "the MySQL server is at a private address of the stack's network",
      twin: mysqlStream("10.20.1.9"),
    },
    {
      name: "a Function Compute service sends its traces to a collector on the internet",
      bad: tracedService("http://jaeger.partner.example.de:14268/api/traces"),
      expected: [
        shipped(
          'fc service "traced"',
          '"http://jaeger.partner.example.de:14268/api/traces" (cannot be placed)',
        ),
      ],
      twinName: "the collector is at a private address of the stack's network",
      twin: tracedService("http://10.20.1.11:14268/api/traces"),
    },
    {
      name: "a Function Compute service sends its traces to Tracing Analysis in Hong Kong",
      bad: tracedService("http://tracing-analysis-dc-hk.aliyuncs.com/adapt_a@b_a@c/api/traces"),
      expected: [
        shipped(
          'fc service "traced"',
          "http://tracing-analysis-dc-hk.aliyuncs.com/adapt_a@b_a@c/api/traces (outside CN, in HK)",
        ),
      ],
      // Named by its city code, as Tracing Analysis names its older regions' collectors.
      twinName: "the collector is Tracing Analysis's in Shanghai",
      twin: tracedService(
        "http://tracing-analysis-dc-sh-internal.aliyuncs.com/adapt_a@b_a@c/api/traces",
      ),
    },
    {
      name: "an EventBridge source pulls messages from a self-built RocketMQ broker on the internet",
      bad: rocketMqSource("mq.partner.example.de:9876"),
      expected: [
        [
          "log-shipping",
          "orders-mq",
          "mandatory",
          [
            '"mq.partner.example.de:9876" (cannot be placed)',
            'eventbridge event source v2 "orders-mq"',
            "cn-shanghai (inside CN)",
          ],
        ],
      ],
      twinName: "the broker is at a private address of the stack's network",
      twin: rocketMqSource("10.20.1.7:9876"),
    },
    {
      name: "a CloudMonitor alarm pushes to an MNS queue in Hong Kong",
      bad: add("alicloud:cms/alarm:Alarm", "cpu-alarm", {
        metric: "cpu",
        targets: [{ targetId: "1", arn: "acs:mns:cn-hongkong:1234567890123456:/queues/alarms" }],
      }),
      expected: [
        shipped(
          'cms alarm "cpu-alarm"',
          "acs:mns:cn-hongkong:1234567890123456:/queues/alarms (outside CN, in HK)",
        ),
      ],
      twinName: "the queue is in Shanghai",
      twin: add("alicloud:cms/alarm:Alarm", "cpu-alarm", {
        metric: "cpu",
        targets: [{ targetId: "1", arn: "acs:mns:cn-shanghai:1234567890123456:/queues/alarms" }],
      }),
    },
    {
      name: "an MNS topic subscription mails its messages",
      bad: topicSub("mail:directmail:ops@example.com"),
      expected: [
        shipped(
          'mns topic subscription "topic-sub"',
          `"ops@example.com" (a mailbox, whose mail its domain's servers receive wherever they are, so it cannot be placed in a region; egressHosts may name a domain whose mail servers are inside)`,
        ),
      ],
      twinName: "it pushes to a queue in Beijing",
      twin: topicSub("acs:mns:cn-beijing:1234567890123456:queues/orders"),
    },
    {
      name: "an MNS event rule pushes events to a host outside the cloud",
      bad: add("alicloud:message/serviceEventRule:ServiceEventRule", "event-rule", {
        ruleName: "uploads",
        eventTypes: ["ObjectCreated:PutObject"],
        endpoint: { endpointType: "http", endpointValue: "https://hooks.example.com/notify" },
      }),
      expected: [shipped('message service event rule "event-rule"', external)],
      twinName: "it delivers them to a topic of the region",
      twin: add("alicloud:message/serviceEventRule:ServiceEventRule", "event-rule", {
        ruleName: "uploads",
        eventTypes: ["ObjectCreated:PutObject"],
        endpoint: { endpointType: "topic", endpointValue: "uploads" },
      }),
    },
    {
      name: "an MNS event rule delivers events to a queue in Singapore, by its ACS ARN",
      bad: mnsEventRule("acs:mns:ap-southeast-1:1234567890123456:queues/uploads"),
      expected: [
        shipped(
          'message service event rule "event-rule"',
          "acs:mns:ap-southeast-1:1234567890123456:queues/uploads (outside CN, in SG)",
        ),
      ],
      twinName: "the queue's ACS ARN names the stack's region",
      twin: mnsEventRule("acs:mns:cn-shanghai:1234567890123456:queues/uploads"),
    },
    {
      // A queue's name lies in the rule's region, its ACS ARN anywhere: one not known at preview
      // (built from a lookup's answer) may be either.
      name: "an MNS event rule's queue is not known at preview",
      bad: mnsEventRule(unknown),
      expected: [
        [
          "log-shipping",
          "event-rule",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'message service event rule "event-rule"',
            "endpoint.endpointValue (unknown at preview)",
          ],
        ],
      ],
      twinName: "the queue is named by name, in the rule's region",
      twin: mnsEventRule("uploads"),
    },
    {
      name: "a message service subscription pushes to a queue in Singapore, by its ACS ARN",
      bad: queueSubscription("acs:mns:ap-southeast-1:1234567890123456:queues/orders-copy"),
      expected: [
        shipped(
          'message service subscription "sub"',
          "acs:mns:ap-southeast-1:1234567890123456:queues/orders-copy (outside CN, in SG)",
        ),
      ],
      twinName: "the queue's ACS ARN names Beijing",
      twin: queueSubscription("acs:mns:cn-beijing:1234567890123456:queues/orders-copy"),
    },
    {
      name: "a message service subscription texts its messages to Hong Kong (852, as the SMS service writes it)",
      bad: messagePush("alisms", "85221234567"),
      expected: [
        shipped('message service subscription "sub"', "+85221234567 (a phone outside CN, in HK)"),
      ],
      twinName: "it texts a mainland mobile, written without its country code",
      twin: messagePush("alisms", "13800000000"),
    },
    {
      name: "a message service subscription mails its messages",
      bad: messagePush("email", "ops@example.cn"),
      expected: [
        shipped(
          'message service subscription "sub"',
          `"ops@example.cn" (a mailbox, whose mail its domain's servers receive wherever they are, so it cannot be placed in a region; egressHosts may name a domain whose mail servers are inside)`,
        ),
      ],
      twinName: "it pushes to a queue of the region",
      twin: messagePush("queue", "orders"),
    },
    {
      name: "a message service subscription pushes to a mobile app, by an app key of digits",
      bad: messagePush("mpush", "33445566"),
      expected: [
        shipped(
          'message service subscription "sub"',
          `"33445566" (a mobile app's devices, reached through Mobile Push and the platforms' push services, which cannot be placed)`,
        ),
      ],
      twinName: "it calls an HTTP endpoint inside the VPC",
      twin: messagePush("http", "http://10.20.1.5:8080/notify"),
    },
    {
      name: "an MNS topic subscription texts the numbers each message names",
      bad: topicSub("sms:directsms:anonymous"),
      expected: [
        shipped(
          'mns topic subscription "topic-sub"',
          '"anonymous" (the phones each message names when it is published, which cannot be placed)',
        ),
      ],
      twinName: "it texts one mainland mobile",
      twin: topicSub("sms:directsms:13800000000"),
    },
    {
      name: "an MNS topic subscription pushes to a mobile app",
      bad: topicSub("push:23456789"),
      expected: [
        shipped(
          'mns topic subscription "topic-sub"',
          `"23456789" (a mobile app's devices, reached through Mobile Push and the platforms' push services, which cannot be placed)`,
        ),
      ],
      twinName: "it texts a mainland mobile written with its country code",
      twin: topicSub("sms:directsms:+8613800000000"),
    },
  ]);
});

/** An EDAS Kubernetes application's load balancer of `type`, bought by EDAS. */
const edasSlb = (type: string) =>
  add("alicloud:edas/k8sSlbAttachment:K8sSlbAttachment", "app-slb", {
    appId: "edas-app",
    slbConfigs: [
      {
        type,
        scheduler: "rr",
        specification: "slb.s1.small",
        portMappings: [
          {
            loadbalancerProtocol: "TCP",
            servicePort: { port: 80, protocol: "TCP", targetPort: 8080 },
          },
        ],
      },
    ],
  });

describe("public endpoints and internet access of managed services", () => {
  const internet = (label: string): Finding => [
    "public-exposure",
    label.slice(label.indexOf('"') + 1, -1),
    "mandatory",
    ["the internet", label],
  ];
  const edge = (label: string): Finding => [
    "internet-egress",
    label.slice(label.indexOf('"') + 1, -1),
    "mandatory",
    [label, "the internet (any country)"],
  ];

  /** An image pipeline building on the stack's vSwitch with `bandwidth` Mbit/s out. */
  const imagePipeline = (bandwidth: number) =>
    add("alicloud:ecs/ecsImagePipeline:EcsImagePipeline", "golden", {
      name: "golden",
      baseImageType: "IMAGE",
      baseImage: "m-base",
      vswitchId: "vsw-telemetry",
      instanceType: "ecs.g7.large",
      internetMaxBandwidthOut: bandwidth,
    });
  /** A managed ACK cluster without NAT gateway or SLB switch, its API server's endpoint `type`. */
  const ackEndpoint = (type: string) =>
    ackWithSecretsKey({
      ...sealedAckCluster,
      controlPlaneEndpointsConfig: { loadBalancersConfigs: [{ endpointType: type }] },
    });

  runCases(pack, () => happy, cn, [
    {
      name: "an image pipeline gives the instance that builds the image public bandwidth",
      bad: imagePipeline(10),
      expected: [edge('ecs image pipeline "golden"')],
      twinName: "the build instance has no public bandwidth",
      twin: imagePipeline(0),
    },
    {
      name: "an ACK cluster's API server load balancer is of the public endpoint type",
      bad: ackEndpoint("public"),
      expected: [internet('ack cluster "ack"')],
      twinName: "it is of the private endpoint type",
      twin: ackEndpoint("private"),
    },
    {
      name: "a Prometheus instance lets every address write metrics without credentials",
      bad: add("alicloud:cms/prometheusInstance:PrometheusInstance", "prom", {
        prometheusInstanceName: "metrics",
        enableAuthFreeWrite: true,
        authFreeWritePolicy: JSON.stringify({ SourceIp: ["10.20.0.0/16", "0.0.0.0/0"] }),
      }),
      expected: [internet('cms prometheus instance "prom"')],
      twinName: "only the VPC reads and writes without credentials",
      twin: add("alicloud:cms/prometheusInstance:PrometheusInstance", "prom", {
        prometheusInstanceName: "metrics",
        enableAuthFreeWrite: true,
        authFreeWritePolicy: JSON.stringify({
          SourceIp: ["10.20.0.0/16"],
          SourceVpc: ["vpc-telemetry"],
        }),
        enableAuthFreeRead: true,
        authFreeReadPolicy: "10.20.0.0/16\n127.0.0.1",
      }),
    },
    {
      name: "a Prometheus view lets a public address read without credentials, one address a line",
      bad: add("alicloud:cms/prometheusView:PrometheusView", "prom-view", {
        prometheusViewName: "all-metrics",
        enableAuthFreeRead: true,
        authFreeReadPolicy: "10.20.0.0/16\n198.51.100.9",
      }),
      expected: [internet('cms prometheus view "prom-view"')],
      twinName: "only the allowlisted office range reads without credentials",
      twin: add("alicloud:cms/prometheusView:PrometheusView", "prom-view", {
        prometheusViewName: "all-metrics",
        enableAuthFreeRead: true,
        authFreeReadPolicy: JSON.stringify({ SourceIp: ["203.0.113.0/24"] }),
      }),
    },
    {
      name: "an ENS security group accepts SSH from every address",
      bad: add("alicloud:ens/securityGroup:SecurityGroup", "ens-sg", {
        permissions: [
          {
            direction: "ingress",
            policy: "Accept",
            ipProtocol: "TCP",
            portRange: "22/22",
            sourceCidrIp: "0.0.0.0/0",
            priority: 1,
          },
        ],
      }),
      expected: [internet('ens security group "ens-sg"')],
      twinName: "it accepts SSH only from the VPC and drops it from everywhere else",
      twin: add("alicloud:ens/securityGroup:SecurityGroup", "ens-sg", {
        permissions: [
          {
            direction: "ingress",
            policy: "Accept",
            ipProtocol: "TCP",
            portRange: "22/22",
            sourceCidrIp: "10.20.0.0/16",
            priority: 1,
          },
          {
            direction: "ingress",
            policy: "Drop",
            ipProtocol: "TCP",
            portRange: "22/22",
            sourceCidrIp: "0.0.0.0/0",
            priority: 2,
          },
        ],
      }),
    },
    {
      name: "an ENS security group accepts egress to every address",
      bad: add("alicloud:ens/securityGroup:SecurityGroup", "ens-sg", {
        permissions: [
          {
            direction: "egress",
            policy: "Accept",
            ipProtocol: "ALL",
            portRange: "-1/-1",
            destCidrIp: "0.0.0.0/0",
            priority: 1,
          },
        ],
      }),
      expected: [
        [
          "egress-rules",
          "ens-sg",
          "mandatory",
          [
            'ens security group "ens-sg"',
            "0.0.0.0/0 (all protocols and ports): every address, in any country",
          ],
        ],
      ],
      twinName: "it accepts egress only to the VPC and drops the rest",
      twin: add("alicloud:ens/securityGroup:SecurityGroup", "ens-sg", {
        permissions: [
          {
            direction: "egress",
            policy: "Accept",
            ipProtocol: "ALL",
            portRange: "-1/-1",
            destCidrIp: "10.20.0.0/16",
            priority: 1,
          },
          {
            direction: "egress",
            policy: "Drop",
            ipProtocol: "ALL",
            portRange: "-1/-1",
            destCidrIp: "0.0.0.0/0",
            priority: 2,
          },
        ],
      }),
    },
    {
      name: "the registry's internet endpoint admits every address",
      bad: add("alicloud:cr/endpointAclPolicy:EndpointAclPolicy", "cr-acl", {
        instanceId: "cri-id",
        endpointType: "internet",
        entry: "0.0.0.0/0",
      }),
      expected: [internet('cr endpoint acl policy "cr-acl"')],
      twinName: "it admits only the allowlisted office range",
      twin: add("alicloud:cr/endpointAclPolicy:EndpointAclPolicy", "cr-acl", {
        instanceId: "cri-id",
        endpointType: "internet",
        entry: "203.0.113.0/24",
      }),
    },
    {
      name: "the registry's internet endpoint lists no entry, which admits every address",
      bad: add("alicloud:cr/internetEndpoint:InternetEndpoint", "cr-internet", {
        instanceId: "cri-id",
        entries: [],
      }),
      expected: [internet('cr internet endpoint "cr-internet"')],
      twinName: "it admits only the allowlisted office range",
      twin: add("alicloud:cr/internetEndpoint:InternetEndpoint", "cr-internet", {
        instanceId: "cri-id",
        entries: [{ entry: "203.0.113.0/24", comment: "office" }],
      }),
    },
    {
      name: "the registry's internet endpoint admits every address by its entry",
      bad: add("alicloud:cr/internetEndpoint:InternetEndpoint", "cr-internet", {
        instanceId: "cri-id",
        entries: [{ entry: "0.0.0.0/0" }],
      }),
      expected: [internet('cr internet endpoint "cr-internet"')],
      twinName: "its entry is the allowlisted office range",
      twin: add("alicloud:cr/internetEndpoint:InternetEndpoint", "cr-internet", {
        instanceId: "cri-id",
        entries: [{ entry: "203.0.113.0/24" }],
      }),
    },
    {
      name: "an EDAS Kubernetes application is put behind an internet load balancer",
      bad: edasSlb("internet"),
      expected: [internet('edas k8s slb attachment "app-slb"')],
      twinName: "its load balancer is an intranet one",
      twin: edasSlb("intranet"),
    },
    {
      name: "an AnalyticDB for PostgreSQL instance gets an internet connection string",
      bad: add("alicloud:gpdb/connection:Connection", "gpdb-public", {
        instanceId: "gp-id",
        connectionPrefix: "gpdb-public",
      }),
      expected: [internet('gpdb connection "gpdb-public"')],
      twinName: "the instance keeps only its VPC connection string",
      twin: (plan) => plan,
    },
    {
      name: "a ClickHouse cluster gets a public network connection string",
      bad: add(
        "alicloud:clickhouseenterprisedbcluster/publicEndpoint:PublicEndpoint",
        "ck-public",
        {
          dbInstanceId: "cc-id",
          connectionStringPrefix: "ck-public",
          netType: "Public",
        },
      ),
      expected: [internet('clickhouseenterprisedbcluster public endpoint "ck-public"')],
      twinName: "the cluster keeps only its VPC connection string",
      twin: (plan) => plan,
    },
    {
      name: "a RabbitMQ instance answers on the internet",
      bad: add("alicloud:amqp/instance:Instance", "mq", {
        instanceName: "mq",
        paymentType: "PayAsYouGo",
        instanceType: "enterprise",
        supportEip: true,
        maxEipTps: "128",
      }),
      expected: [internet('amqp instance "mq"')],
      twinName: "it is reached from the VPC only",
      twin: add("alicloud:amqp/instance:Instance", "mq", {
        instanceName: "mq",
        paymentType: "PayAsYouGo",
        instanceType: "enterprise",
        supportEip: false,
      }),
    },
    {
      name: "an AnalyticDB for MySQL cluster gets an internet connection string",
      bad: add("alicloud:adb/connection:Connection", "adb-public", {
        dbClusterId: "am-id",
        connectionPrefix: "adb-public",
      }),
      expected: [internet('adb connection "adb-public"')],
      twinName: "the cluster keeps only its VPC connection string",
      twin: (plan) => plan,
    },
    {
      name: "a node of a sharded MongoDB instance gets a public network address",
      bad: add(
        "alicloud:mongodb/shardingNetworkPublicAddress:ShardingNetworkPublicAddress",
        "shard-public",
        {
          dbInstanceId: "dds-id",
          nodeId: "d-node-1",
        },
      ),
      expected: [internet('mongodb sharding network public address "shard-public"')],
      twinName: "its nodes keep only their private addresses",
      twin: add(
        "alicloud:mongodb/shardingNetworkPrivateAddress:ShardingNetworkPrivateAddress",
        "shard-private",
        {
          dbInstanceId: "dds-id",
          nodeId: "d-node-1",
          zoneId: "cn-shanghai-b",
        },
      ),
    },
    {
      name: "an RDS endpoint gets a public connection address",
      bad: add("alicloud:rds/dbInstanceEndpointAddress:DbInstanceEndpointAddress", "db-public", {
        dbInstanceId: "rm-id",
        dbInstanceEndpointId: "ep-id",
        connectionStringPrefix: "db-public",
        port: "3306",
      }),
      expected: [internet('rds db instance endpoint address "db-public"')],
      twinName: "the endpoint stays on the VPC",
      twin: add("alicloud:rds/dbInstanceEndpoint:DbInstanceEndpoint", "db-public", {
        dbInstanceId: "rm-id",
        connectionStringPrefix: "db-private",
        port: "3306",
        vpcId: "vpc-telemetry",
      }),
    },
    {
      name: "an RDS database proxy gets its default public address",
      bad: add("alicloud:rds/dbProxyPublic:DbProxyPublic", "proxy", {
        dbInstanceId: "rm-id",
        dbProxyEndpointId: "proxy-ep",
        connectionStringPrefix: "proxy-public",
      }),
      expected: [internet('rds db proxy public "proxy"')],
      twinName: "the proxy address is on the VPC",
      twin: add("alicloud:rds/dbProxyPublic:DbProxyPublic", "proxy", {
        dbInstanceId: "rm-id",
        dbProxyEndpointId: "proxy-ep",
        connectionStringPrefix: "proxy-private",
        dbProxyConnectionStringNetType: "VPC",
      }),
    },
    {
      name: "a PolarDB AI application gets a public endpoint",
      bad: add("alicloud:polardb/applicationEndpoint:ApplicationEndpoint", "app-ep", {
        applicationId: "pa-id",
        endpointId: "pae-id",
        netType: "Public",
      }),
      expected: [internet('polardb application endpoint "app-ep"')],
      twinName: "the application keeps its private endpoint",
      twin: add("alicloud:polardb/applicationEndpoint:ApplicationEndpoint", "app-ep", {
        applicationId: "pa-id",
        endpointId: "pae-id",
        netType: "Private",
      }),
    },
    {
      name: "a Hologres instance gets an internet endpoint",
      bad: add("alicloud:hologram/instance:Instance", "holo", {
        instanceType: "Standard",
        endpoints: [{ type: "Internet" }, { type: "VPCSingleTunnel", vpcId: "vpc-telemetry" }],
      }),
      expected: [internet('hologram instance "holo"')],
      twinName: "its internet endpoint is disabled",
      twin: add("alicloud:hologram/instance:Instance", "holo", {
        instanceType: "Standard",
        endpoints: [
          { type: "Internet", enabled: false },
          { type: "VPCSingleTunnel", vpcId: "vpc-telemetry" },
        ],
      }),
    },
    {
      name: "the MNS public endpoint is turned on",
      bad: add("alicloud:message/serviceEndpoint:ServiceEndpoint", "mns-public", {
        endpointType: "public",
        endpointEnabled: true,
      }),
      expected: [internet('message service endpoint "mns-public"')],
      twinName: "it is turned off",
      twin: add("alicloud:message/serviceEndpoint:ServiceEndpoint", "mns-public", {
        endpointType: "public",
        endpointEnabled: false,
      }),
    },
    {
      name: "an OpenAPI MCP server follows the account's public-access setting",
      bad: add("alicloud:index/openApiExplorerApiMcpServer:OpenApiExplorerApiMcpServer", "mcp", {
        name: "ops",
        publicAccess: "follow",
      }),
      expected: [internet('alicloud open api explorer api mcp server "mcp"')],
      twinName: "its public access is off",
      twin: add("alicloud:index/openApiExplorerApiMcpServer:OpenApiExplorerApiMcpServer", "mcp", {
        name: "ops",
        publicAccess: "off",
      }),
    },
    {
      name: "an EMR node group gets public IPs",
      bad: add("alicloud:emrv2/cluster:Cluster", "emr", {
        nodeGroups: [
          { nodeGroupType: "MASTER", withPublicIp: true },
          { nodeGroupType: "CORE", withPublicIp: false },
        ],
      }),
      expected: [edge('emrv2 cluster "emr"')],
      twinName: "no node group has a public IP",
      twin: add("alicloud:emrv2/cluster:Cluster", "emr", {
        nodeGroups: [
          { nodeGroupType: "MASTER", withPublicIp: false },
          { nodeGroupType: "CORE", withPublicIp: false },
        ],
      }),
    },
    {
      name: "cloud desktops of a RAM directory reach the internet",
      bad: add("alicloud:eds/ramDirectory:RamDirectory", "desktops", {
        vpcId: "vpc-telemetry",
        enableInternetAccess: true,
      }),
      expected: [edge('eds ram directory "desktops"')],
      twinName: "the desktops stay off the internet",
      twin: add("alicloud:eds/ramDirectory:RamDirectory", "desktops", {
        vpcId: "vpc-telemetry",
        enableInternetAccess: false,
      }),
    },
    {
      name: "a honeypot may reach the internet",
      bad: add("alicloud:threatdetection/honeypotNode:HoneypotNode", "honeypot", {
        nodeName: "trap",
        allowHoneypotAccessInternet: true,
      }),
      expected: [edge('threatdetection honeypot node "honeypot"')],
      twinName: "the honeypot is kept off the internet",
      twin: add("alicloud:threatdetection/honeypotNode:HoneypotNode", "honeypot", {
        nodeName: "trap",
        allowHoneypotAccessInternet: false,
      }),
    },
    {
      name: "an SLS alert writes its events to a Hong Kong store",
      bad: add("alicloud:sls/alert:Alert", "sls-alert", {
        configuration: {
          sinkEventStore: {
            enabled: true,
            endpoint: "cn-hongkong-intranet.log.aliyuncs.com",
            project: "alerts",
            eventStore: "events",
          },
        },
      }),
      expected: [
        [
          "log-shipping",
          "sls-alert",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'sls alert "sls-alert"',
            "cn-hongkong-intranet.log.aliyuncs.com (outside CN, in HK)",
          ],
        ],
      ],
      twinName: "it writes them to a Shanghai store",
      twin: add("alicloud:sls/alert:Alert", "sls-alert", {
        configuration: {
          sinkEventStore: {
            enabled: true,
            endpoint: "cn-shanghai-intranet.log.aliyuncs.com",
            project: "alerts",
            eventStore: "events",
          },
        },
      }),
    },
  ]);
});

describe("account grants, origins, edge code, gateways and branch sites", () => {
  const own = "1234567890123456";
  const other = "9876543210987654";
  const abroad = (account: string) => `account ${account} (not this stack's account ${own})`;
  /**
   * A CEN or transit router attachment of each kind, with `extra` (an owner ID) added: to the
   * program's CEN instance (`plan`'s "cen"), or to its transit router ("router"), whose ID is
   * known only once deployed.
   */
  const cenAttachment = (type: string, extra: Props) => (plan: Plan) =>
    type.endsWith("InstanceAttachment")
      ? add(type, "attachment", {
          instanceId: named(plan, "cen").outputs.id,
          childInstanceId: "vpc-1",
          childInstanceType: "VPC",
          childInstanceRegionId: "cn-shanghai",
          ...extra,
        })(plan)
      : pipe(
          // The members the program's router joins: its VPC, an IPsec connection to its office
          // and a border router on a Shanghai leased line.
          add("alicloud:vpn/gatewayVpnAttachment:GatewayVpnAttachment", "office-vpn", {
            customerGatewayId: unknown,
            localSubnet: "10.20.0.0/16",
            remoteSubnet: "192.168.10.0/24",
          }),
          (p) => withDependencies(p, "office-vpn", { customerGatewayId: ["office"] }),
          add("alicloud:expressconnect/physicalConnection:PhysicalConnection", "office-line", {
            accessPointId: "ap-cn-shanghai-nh-A",
            lineOperator: "CT",
            peerLocation: "Shanghai office",
          }),
          add("alicloud:expressconnect/virtualBorderRouter:VirtualBorderRouter", "office-vbr", {
            physicalConnectionId: unknown,
            vlanId: 10,
            localGatewayIp: "10.0.0.1",
            peerGatewayIp: "10.0.0.2",
            peeringSubnetMask: "255.255.255.252",
          }),
          (p) => withDependencies(p, "office-vbr", { physicalConnectionId: ["office-line"] }),
          add(type, "attachment", {
            transitRouterId: unknown,
            vpcId: unknown,
            vpnId: unknown,
            vbrId: unknown,
            ...extra,
          }),
          (p) =>
            withDependencies(p, "attachment", {
              transitRouterId: ["router"],
              vpcId: ["vpc"],
              vpnId: ["office-vpn"],
              vbrId: ["office-vbr"],
            }),
        )(plan);
  const attachmentLabel = (type: string) =>
    `${type
      .split(":")[1]
      .replace("/", " ")
      .replace(/([a-z])([A-Z])/g, "$1 $2")
      .toLowerCase()} "attachment"`;
  const grant = (label: string, path: string[]): Finding => [
    "cross-account-links",
    label.slice(label.indexOf('"') + 1, -1),
    "advisory",
    path,
  ];

  /** One row per type: where it names accounts, written for `account`. */
  const grants: ReadonlyArray<
    readonly [type: string, label: string, props: (account: string) => Props]
  > = [
    [
      "alicloud:cloudsso/accessManagement:AccessManagement",
      'cloudsso access management "grantee"',
      (a) => ({
        directoryId: "d-1",
        accessConfigurationId: "ac-1",
        principalType: "User",
        principalId: "u-1",
        targetType: "RD-Account",
        targetId: a,
      }),
    ],
    [
      "alicloud:resourcemanager/resourceShare:ResourceShare",
      'resourcemanager resource share "grantee"',
      (a) => ({ resourceShareName: "share", targets: [a] }),
    ],
    [
      "alicloud:ros/stackInstances:StackInstances",
      'ros stack instances "grantee"',
      (a) => ({ stackGroupName: "baseline", regionIds: ["cn-shanghai"], accountIds: [a] }),
    ],
    [
      "alicloud:cfg/aggregator:Aggregator",
      'cfg aggregator "grantee"',
      (a) => ({
        aggregatorName: "all",
        description: "all accounts",
        aggregatorAccounts: [
          { accountId: a, accountName: "member", accountType: "ResourceDirectory" },
        ],
      }),
    ],
    // Found by the sharing bench: the account a PrivateLink endpoint service lets connect.
    [
      "alicloud:privatelink/vpcEndpointServiceUser:VpcEndpointServiceUser",
      'privatelink vpc endpoint service user "grantee"',
      (a) => ({ serviceId: "epsrv-1", userId: a }),
    ],
    [
      "alicloud:ecs/ecsNetworkInterfacePermission:EcsNetworkInterfacePermission",
      'ecs network interface permission "grantee"',
      // Alibaba takes the account ID as a number here.
      (a) => ({ networkInterfaceId: "eni-1", permission: "InstanceAttach", accountId: Number(a) }),
    ],
  ];

  // Found by the sharing bench: a share to an account only another stack knows was left
  // unjudged on Alibaba Cloud while AWS judged it public; both are undecided grants now.
  runCasesInBothPostures(pack, () => happy, cn, [
    {
      name: "a resource share goes to an account only another stack knows",
      bad: add("alicloud:resourcemanager/sharedTarget:SharedTarget", "partner", {
        resourceShareId: "rs-1",
        targetId: unknown,
      }),
      expected: [
        grant('resourcemanager shared target "partner"', [
          "cn-shanghai (inside CN)",
          'resourcemanager shared target "partner"',
          "an account not known at preview (which one is decided at deployment)",
        ]),
      ],
      twinName: "it goes to the stack's own account",
      twin: add("alicloud:resourcemanager/sharedTarget:SharedTarget", "partner", {
        resourceShareId: "rs-1",
        targetId: own,
      }),
    },
  ]);

  runCasesInBothPostures(pack, () => happy, cn, [
    ...grants.map(([type, label, props]) => ({
      name: `${label} names another account`,
      bad: add(type, "grantee", props(other)),
      expected: [grant(label, ["cn-shanghai (inside CN)", label, abroad(other)])],
      twinName: `${label} names the stack's own account`,
      twin: add(type, "grantee", props(own)),
    })),
    {
      name: "Security Center monitors another account among a comma-separated list",
      bad: add("alicloud:threatdetection/monitorAccount:MonitorAccount", "grantee", {
        accountIds: `${own},${other}`,
      }),
      expected: [
        grant('threatdetection monitor account "grantee"', [
          "cn-shanghai (inside CN)",
          'threatdetection monitor account "grantee"',
          abroad(other),
        ]),
      ],
      twinName: "it monitors only the stack's own account",
      twin: add("alicloud:threatdetection/monitorAccount:MonitorAccount", "grantee", {
        accountIds: own,
      }),
    },
    {
      name: "a resource share names a folder of the resource directory",
      bad: add("alicloud:resourcemanager/sharedTarget:SharedTarget", "grantee", {
        resourceShareId: "rs-1",
        targetId: "fd-3kf9a2",
      }),
      expected: [
        grant('resourcemanager shared target "grantee"', [
          "cn-shanghai (inside CN)",
          'resourcemanager shared target "grantee"',
          "every account of organization fd-3kf9a2 (the pack cannot tell which accounts it holds)",
        ]),
      ],
      twinName: "it shares with the stack's own account",
      twin: add("alicloud:resourcemanager/sharedTarget:SharedTarget", "grantee", {
        resourceShareId: "rs-1",
        targetId: own,
      }),
    },
  ]);

  runCases(pack, () => happy, cn, [
    ...(
      [
        [
          "alicloud:expressconnect/grantRuleToCen:GrantRuleToCen",
          'expressconnect grant rule to cen "network-grant"',
          "cenOwnerId",
          { cenId: "cen-1", instanceId: "vbr-1" },
        ],
        [
          "alicloud:cloudconnect/networkGrant:NetworkGrant",
          'cloudconnect network grant "network-grant"',
          "cenUid",
          { ccnId: "ccn-1", cenId: "cen-1" },
        ],
        [
          "alicloud:eflo/vpdGrantRule:VpdGrantRule",
          'eflo vpd grant rule "network-grant"',
          "grantTenantId",
          { erId: "er-1", instanceId: "vpd-1" },
        ],
      ] as const
    ).map(([type, label, key, props]) => ({
      name: `${label} grants a network to another account's router`,
      bad: add(type, "network-grant", { ...props, [key]: other }),
      expected: [
        [
          "network-links",
          "network-grant",
          "mandatory",
          ["cn-shanghai (inside CN)", label, abroad(other)],
        ] as Finding,
      ],
      twinName: `${label} grants it to the stack's own account`,
      twin: add(type, "network-grant", { ...props, [key]: own }),
    })),
    {
      name: "a WAF domain forwards to an origin on an address that is neither private nor allowlisted",
      bad: add("alicloud:waf/domain:Domain", "waf", {
        domainName: "shop.example.cn",
        instanceId: "waf-1",
        isAccessProduct: "Off",
        sourceIps: ["198.51.100.7"],
      }),
      expected: [
        [
          "log-shipping",
          "waf",
          "mandatory",
          ["cn-shanghai (inside CN)", 'waf domain "waf"', '"198.51.100.7" (cannot be placed)'],
        ],
      ],
      twinName: "its origin is an allowlisted address",
      twin: add("alicloud:waf/domain:Domain", "waf", {
        domainName: "shop.example.cn",
        instanceId: "waf-1",
        isAccessProduct: "Off",
        sourceIps: ["203.0.113.10"],
      }),
    },
    {
      name: "an Anti-DDoS Pro website forwards to an origin host outside the cloud",
      bad: add("alicloud:ddos/domainResource:DomainResource", "ddos-site", {
        domain: "shop.example.cn",
        instanceIds: ["ddoscoo-1"],
        proxyTypes: [{ proxyPorts: [443], proxyType: "https" }],
        rsType: 1,
        realServers: ["origin.example.com"],
      }),
      expected: [
        [
          "log-shipping",
          "ddos-site",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'ddos domain resource "ddos-site"',
            '"origin.example.com" (cannot be placed)',
          ],
        ],
      ],
      twinName: "its origin is the address of a load balancer the program creates",
      twin: pipe(
        add("alicloud:slb/loadBalancer:LoadBalancer", "origin-lb", { addressType: "intranet" }),
        add(
          "alicloud:ddos/domainResource:DomainResource",
          "ddos-site",
          {
            domain: "shop.example.cn",
            instanceIds: ["ddoscoo-1"],
            proxyTypes: [{ proxyPorts: [443], proxyType: "https" }],
            rsType: 0,
            realServers: [unknown],
          },
          { dependsOn: { realServers: ["origin-lb"] } },
        ),
      ),
    },
    {
      name: "an ESA origin pool fetches from a Singapore bucket",
      bad: add("alicloud:esa/originPool:OriginPool", "pool", {
        siteId: 1,
        originPoolName: "media",
        origins: [{ name: "oss", type: "OSS", address: "media.oss-ap-southeast-1.aliyuncs.com" }],
      }),
      expected: [
        [
          "log-shipping",
          "pool",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'esa origin pool "pool"',
            "media.oss-ap-southeast-1.aliyuncs.com (outside CN, in SG)",
          ],
        ],
      ],
      twinName: "it fetches from a Shanghai bucket",
      twin: add("alicloud:esa/originPool:OriginPool", "pool", {
        siteId: 1,
        originPoolName: "media",
        origins: [{ name: "oss", type: "OSS", address: "media.oss-cn-shanghai.aliyuncs.com" }],
      }),
    },
    {
      name: "a bastion host opens sessions to a public address that is not allowlisted",
      bad: add("alicloud:bastionhost/host:Host", "bastion-host", {
        instanceId: "bastionhost-1",
        hostName: "db-admin",
        osType: "Linux",
        source: "Local",
        activeAddressType: "Public",
        hostPrivateAddress: "10.20.1.9",
        hostPublicAddress: "198.51.100.9",
      }),
      expected: [
        [
          "log-shipping",
          "bastion-host",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'bastionhost host "bastion-host"',
            '"198.51.100.9" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it connects through the host's private address",
      twin: add("alicloud:bastionhost/host:Host", "bastion-host", {
        instanceId: "bastionhost-1",
        hostName: "db-admin",
        osType: "Linux",
        source: "Local",
        activeAddressType: "Private",
        hostPrivateAddress: "10.20.1.9",
        hostPublicAddress: "198.51.100.9",
      }),
    },
    {
      name: "a bastion host opens sessions to a public address only a lookup knows",
      bad: bastionHost("Public", unknown),
      expected: [
        [
          "named-destinations",
          "bastion-host",
          "mandatory",
          ['bastionhost host "bastion-host"', "hostPublicAddress (unknown at preview)"],
        ],
      ],
      twinName:
        "it connects through its private address, not known at preview either: a network interface's of the program",
      twin: pipe(
        (plan) =>
          add("alicloud:ecs/ecsNetworkInterface:EcsNetworkInterface", "admin-eni", {
            vswitchId: named(plan, "vswitch").id,
            securityGroupIds: [named(plan, "guard").id],
          })(plan),
        bastionHost("Private", unknown),
        (plan) => withDependencies(plan, "bastion-host", { hostPrivateAddress: ["admin-eni"] }),
      ),
    },
    {
      name: "a private zone record answers with a load balancer address only a lookup knows",
      bad: zoneRecord("A", unknown),
      expected: [
        [
          "named-destinations",
          "partner",
          "mandatory",
          ['pvtz zone record "partner"', "value (unknown at preview)"],
        ],
      ],
      // A TXT record's value steers no client.
      twinName: "the record is a TXT record, whose value is text",
      twin: zoneRecord("TXT", unknown),
    },
    {
      name: "a GTM address pool steers clients to a host outside the cloud",
      bad: add("alicloud:dns/addressPool:AddressPool", "gtm-pool", {
        addressPoolName: "web",
        instanceId: "gtm-1",
        lbaStrategy: "ALL_RR",
        type: "DOMAIN",
        addresses: [{ address: "web.example.com", attributeInfo: "{}", mode: "SMART" }],
      }),
      expected: [
        [
          "log-shipping",
          "gtm-pool",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'dns address pool "gtm-pool"',
            '"web.example.com" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it steers them to an allowlisted address",
      twin: add("alicloud:dns/addressPool:AddressPool", "gtm-pool", {
        addressPoolName: "web",
        instanceId: "gtm-1",
        lbaStrategy: "ALL_RR",
        type: "IPV4",
        addresses: [{ address: "203.0.113.20", attributeInfo: "{}", mode: "SMART" }],
      }),
    },
    {
      name: "an object is written to a bucket the program does not create",
      bad: add("alicloud:oss/bucketObject:BucketObject", "object", {
        bucket: "someone-elses-bucket",
        key: "report.csv",
        content: "a,b",
      }),
      expected: [
        [
          "named-destinations",
          "object",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'oss bucket object "object"',
            '"someone-elses-bucket" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it is written to the program's Shanghai bucket",
      twin: add("alicloud:oss/bucketObject:BucketObject", "object", {
        bucket: "sdc-telemetry",
        key: "report.csv",
        content: "a,b",
      }),
    },
    {
      name: "a storage gateway share writes to a Hong Kong endpoint over transfer acceleration",
      bad: add("alicloud:cloudstoragegateway/gatewayFileShare:GatewayFileShare", "share", {
        gatewayId: "gw-1",
        gatewayFileShareName: "files",
        localPath: "/dev/vdb",
        protocol: "NFS",
        ossBucketName: "archive-hk",
        ossEndpoint: "oss-cn-hongkong-internal.aliyuncs.com",
        transferAcceleration: true,
      }),
      expected: [
        [
          "storage-replication",
          "share",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'cloudstoragegateway gateway file share "share"',
            "oss-cn-hongkong-internal.aliyuncs.com (outside CN, in HK)",
          ],
        ],
        [
          "storage-replication",
          "share",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'cloudstoragegateway gateway file share "share"',
            "OSS transfer acceleration network (global, outside CN)",
          ],
        ],
      ],
      twinName: "it writes to a Shanghai bucket without acceleration",
      twin: add("alicloud:cloudstoragegateway/gatewayFileShare:GatewayFileShare", "share", {
        gatewayId: "gw-1",
        gatewayFileShareName: "files",
        localPath: "/dev/vdb",
        protocol: "NFS",
        ossBucketName: "archive-sh",
        ossEndpoint: "oss-cn-shanghai-internal.aliyuncs.com",
        transferAcceleration: false,
      }),
    },
    {
      name: "OOS delivers execution logs to a bucket the program does not create",
      bad: add("alicloud:oos/serviceSetting:ServiceSetting", "oos", {
        deliveryOssEnabled: true,
        deliveryOssBucketName: "someone-elses-bucket",
        deliveryOssKeyPrefix: "oos/",
      }),
      expected: [
        [
          "named-destinations",
          "oos",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'oos service setting "oos"',
            '"someone-elses-bucket" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it delivers them to the program's bucket",
      twin: add("alicloud:oos/serviceSetting:ServiceSetting", "oos", {
        deliveryOssEnabled: true,
        deliveryOssBucketName: "sdc-telemetry",
        deliveryOssKeyPrefix: "oos/",
      }),
    },
    {
      name: "a VPN gateway route sends everything through a dual-tunnel connection",
      bad: add("alicloud:vpn/gatewayVcoRoute:GatewayVcoRoute", "vco-route", {
        vpnConnectionId: "vco-1",
        nextHop: "vco-1",
        weight: 100,
        routeDest: "0.0.0.0/0",
      }),
      expected: [
        [
          "remote-sites",
          "vco-route",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'vpn gateway vco route "vco-route"',
            "all traffic (0.0.0.0/0) through the VPN",
          ],
        ],
      ],
      twinName: "it routes only the remote site's subnet",
      twin: add("alicloud:vpn/gatewayVcoRoute:GatewayVcoRoute", "vco-route", {
        vpnConnectionId: "vco-1",
        nextHop: "vco-1",
        weight: 100,
        routeDest: "192.168.10.0/24",
      }),
    },
  ]);

  runCases(pack, () => happy, cn, [
    {
      name: "a DHCP options set sends the VPC's DNS queries to a public resolver",
      bad: add("alicloud:vpc/dhcpOptionsSet:DhcpOptionsSet", "dhcp", {
        dhcpOptionsSetName: "corp",
        domainName: "corp.example.cn",
        domainNameServers: "100.100.2.136,8.8.8.8",
      }),
      expected: [
        [
          "remote-sites",
          "dhcp",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'vpc dhcp options set "dhcp"',
            '"8.8.8.8" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it names only the allowlisted VPC resolvers",
      twin: add("alicloud:vpc/dhcpOptionsSet:DhcpOptionsSet", "dhcp", {
        dhcpOptionsSetName: "corp",
        domainName: "corp.example.cn",
        domainNameServers: "100.100.2.136,100.100.2.138",
      }),
    },
    {
      name: "a VPC prefix list holds the whole internet",
      bad: add("alicloud:vpc/prefixList:PrefixList", "prefixes", {
        prefixListName: "egress",
        ipVersion: "IPV4",
        maxEntries: 10,
        entrys: [{ cidr: "10.30.0.0/16" }, { cidr: "0.0.0.0/0" }],
      }),
      expected: [
        [
          "egress-rules",
          "prefixes",
          "mandatory",
          [
            'vpc prefix list "prefixes"',
            "0.0.0.0/0 (all protocols and ports): every address, in any country",
          ],
        ],
      ],
      twinName: "it holds only private blocks",
      twin: add("alicloud:vpc/prefixList:PrefixList", "prefixes", {
        prefixListName: "egress",
        ipVersion: "IPV4",
        maxEntries: 10,
        entrys: [{ cidr: "10.30.0.0/16" }],
      }),
    },
    {
      // The package is the site's internet bandwidth: alone a way out, with the site's own access one.
      name: "an office site's cloud desktops are given a network package",
      bad: pipe(
        add("alicloud:eds/simpleOfficeSite:SimpleOfficeSite", "office", {
          officeSiteName: "hq",
          cidrBlock: "172.16.0.0/12",
          enableInternetAccess: false,
        }),
        (plan: Plan) =>
          withDependencies(
            add("alicloud:eds/networkPackage:NetworkPackage", "office-internet", {
              bandwidth: 10,
              officeSiteId: unknown,
            })(plan),
            "office-internet",
            { officeSiteId: ["office"] },
          ),
        add("alicloud:eds/simpleOfficeSite:SimpleOfficeSite", "branch", {
          officeSiteName: "branch",
          cidrBlock: "10.8.0.0/16",
          enableInternetAccess: true,
        }),
        (plan: Plan) =>
          withDependencies(
            add("alicloud:eds/networkPackage:NetworkPackage", "branch-internet", {
              bandwidth: 10,
              officeSiteId: unknown,
            })(plan),
            "branch-internet",
            { officeSiteId: ["branch"] },
          ),
      ),
      expected: [
        [
          "internet-egress",
          "office-internet",
          "mandatory",
          ['eds network package "office-internet"', "the internet (any country)"],
        ],
        [
          "internet-egress",
          "branch",
          "mandatory",
          [
            'eds simple office site "branch"',
            'eds network package "branch-internet"',
            "the internet (any country)",
          ],
        ],
      ],
      twinName: "the office site has no network package and keeps its desktops off the internet",
      twin: add("alicloud:eds/simpleOfficeSite:SimpleOfficeSite", "office", {
        officeSiteName: "hq",
        cidrBlock: "172.16.0.0/12",
        enableInternetAccess: false,
      }),
    },
    {
      name: "an office site lets the cloud desktops reach the internet and joins another account's CEN",
      bad: add("alicloud:eds/simpleOfficeSite:SimpleOfficeSite", "office", {
        officeSiteName: "hq",
        cidrBlock: "172.16.0.0/12",
        enableInternetAccess: true,
        cenId: "cen-1",
        cenOwnerId: other,
      }),
      expected: [
        [
          "internet-egress",
          "office",
          "mandatory",
          ['eds simple office site "office"', "the internet (any country)"],
        ],
        [
          "network-links",
          "office",
          "mandatory",
          ["cn-shanghai (inside CN)", 'eds simple office site "office"', abroad(other)],
        ],
      ],
      twinName: "the desktops stay off the internet and join the stack's own CEN",
      twin: add("alicloud:eds/simpleOfficeSite:SimpleOfficeSite", "office", {
        officeSiteName: "hq",
        cidrBlock: "172.16.0.0/12",
        enableInternetAccess: false,
        cenId: "cen-1",
        cenOwnerId: own,
      }),
    },
    ...(
      [
        ["alicloud:cen/transitRouterVpcAttachment:TransitRouterVpcAttachment", "vpcOwnerId"],
        ["alicloud:cen/transitRouterVpnAttachment:TransitRouterVpnAttachment", "vpnOwnerId"],
        ["alicloud:cen/transitRouterVbrAttachment:TransitRouterVbrAttachment", "vbrOwnerId"],
        ["alicloud:cen/instanceAttachment:InstanceAttachment", "cenOwnerId"],
      ] as const
    ).map(([type, owner]) => ({
      name: `a ${type} attaches across accounts (${owner} is another account)`,
      bad: cenAttachment(type, { [owner]: other }),
      expected: [
        [
          "network-links",
          "attachment",
          "mandatory",
          ["cn-shanghai (inside CN)", attachmentLabel(type), abroad(other)],
        ] as Finding,
      ],
      twinName: `the ${owner} is the stack's own account`,
      twin: cenAttachment(type, { [owner]: own }),
    })),
    {
      name: "a Smart Access Gateway exports flow records to a NetFlow collector on the internet",
      bad: add("alicloud:sag/smartagFlowLog:SmartagFlowLog", "sag-flows", {
        outputType: "netflow",
        netflowServerIp: "198.51.100.20",
        netflowServerPort: 2055,
        netflowVersion: "V9",
      }),
      expected: [
        [
          "log-shipping",
          "sag-flows",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'sag smartag flow log "sag-flows"',
            '"198.51.100.20" (cannot be placed)',
          ],
        ],
      ],
      twinName: "the collector is a private address of the stack's network",
      twin: add("alicloud:sag/smartagFlowLog:SmartagFlowLog", "sag-flows", {
        outputType: "netflow",
        netflowServerIp: "10.20.1.30",
        netflowServerPort: 2055,
        netflowVersion: "V9",
      }),
    },
    {
      name: "an edge site delivers its logs to a bucket of another account",
      bad: add("alicloud:esa/siteDeliveryTask:SiteDeliveryTask", "edge-logs", {
        siteId: 1,
        taskName: "edge",
        dataCenter: "cn",
        businessType: "dcdn_log_access_l1",
        deliveryType: "oss",
        ossDelivery: { region: "cn-shanghai", bucketName: "edge-logs", aliuid: other },
      }),
      expected: [
        [
          "log-shipping",
          "edge-logs",
          "mandatory",
          ["cn-shanghai (inside CN)", 'esa site delivery task "edge-logs"', abroad(other)],
        ],
      ],
      twinName: "the bucket is the stack's own account's",
      twin: add("alicloud:esa/siteDeliveryTask:SiteDeliveryTask", "edge-logs", {
        siteId: 1,
        taskName: "edge",
        dataCenter: "cn",
        businessType: "dcdn_log_access_l1",
        deliveryType: "oss",
        ossDelivery: { region: "cn-shanghai", bucketName: "edge-logs", aliuid: own },
      }),
    },
    {
      name: "CloudMonitor double-writes a namespace's metrics into another account's namespace",
      bad: add(
        "alicloud:cloudmonitor/serviceHybridDoubleWrite:ServiceHybridDoubleWrite",
        "metrics",
        {
          sourceNamespace: "telemetry",
          sourceUserId: own,
          namespace: "telemetry-copy",
          userId: other,
        },
      ),
      expected: [
        [
          "log-shipping",
          "metrics",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'cloudmonitor service hybrid double write "metrics"',
            abroad(other),
          ],
        ],
      ],
      twinName: "the target namespace is the stack's own account's",
      twin: add(
        "alicloud:cloudmonitor/serviceHybridDoubleWrite:ServiceHybridDoubleWrite",
        "metrics",
        {
          sourceNamespace: "telemetry",
          sourceUserId: own,
          namespace: "telemetry-copy",
          userId: own,
        },
      ),
    },
    {
      name: "an AD connector signs desktop users in at a public directory",
      bad: add("alicloud:eds/adConnectorDirectory:AdConnectorDirectory", "ad", {
        directoryName: "corp",
        domainName: "corp.example.cn",
        vswitchIds: ["vsw-1"],
        dnsAddresses: ["10.20.1.10", "198.51.100.53"],
      }),
      expected: [
        [
          "remote-sites",
          "ad",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'eds ad connector directory "ad"',
            '"198.51.100.53" (cannot be placed)',
          ],
        ],
      ],
      twinName: "its domain controllers are on private addresses",
      twin: add("alicloud:eds/adConnectorDirectory:AdConnectorDirectory", "ad", {
        directoryName: "corp",
        domainName: "corp.example.cn",
        vswitchIds: ["vsw-1"],
        dnsAddresses: ["10.20.1.10", "10.20.1.11"],
      }),
    },
  ]);

  // The cloud's own resolvers answer inside the region, named or not: no allowlist entry needed.
  it("passes a DHCP options set that names the cloud's own resolvers, without allowlisting them", async () => {
    const settings = {
      ...cn,
      egressAllowlist: (cn.egressAllowlist ?? []).filter(
        (e) => !("cidr" in e && e.cidr.startsWith("100.100.")),
      ),
    };
    const dhcp = (servers: string) =>
      add("alicloud:vpc/dhcpOptionsSet:DhcpOptionsSet", "dhcp", {
        dhcpOptionsSetName: "corp",
        domainName: "corp.example.cn",
        domainNameServers: servers,
      })(happy);
    expect(
      summary(await pack.checkAround(happy, dhcp("100.100.2.136,100.100.2.138"), settings)),
    ).toEqual([]);
    // Their neighbour is no resolver of the cloud's.
    expect(findings(await pack.checkAround(happy, dhcp("100.100.2.137"), settings))).toEqual([
      [
        "remote-sites",
        "dhcp",
        "mandatory",
        [
          "cn-shanghai (inside CN)",
          'vpc dhcp options set "dhcp"',
          '"100.100.2.137" (cannot be placed)',
        ],
      ],
    ]);
  });

  runCases(pack, () => happy, cn, [
    {
      name: "Anti-DDoS Premium scrubs the stack's traffic outside the mainland",
      bad: add("alicloud:ddos/ddosCooInstance:DdosCooInstance", "anti-ddos", {
        name: "shop",
        productType: "ddoscoo_intl",
        bandwidth: "30",
        baseBandwidth: "30",
        serviceBandwidth: "100",
        portCount: "50",
        domainCount: "50",
      }),
      expected: [
        [
          "global-services",
          "anti-ddos",
          "mandatory",
          ['ddos coo instance "anti-ddos"', "Anti-DDoS scrubbing centres outside the jurisdiction"],
        ],
      ],
      twinName: "Anti-DDoS Pro scrubs it in the mainland",
      twin: add("alicloud:ddos/ddosCooInstance:DdosCooInstance", "anti-ddos", {
        name: "shop",
        productType: "ddoscoo",
        bandwidth: "30",
        baseBandwidth: "30",
        serviceBandwidth: "100",
        portCount: "50",
        domainCount: "50",
      }),
    },
    {
      name: "a public DNS record points clients at a host outside the cloud",
      bad: add("alicloud:dns/alidnsRecord:AlidnsRecord", "record", {
        domainName: "example.cn",
        rr: "shop",
        type: "CNAME",
        value: "shop.example-hosting.com",
      }),
      expected: [
        [
          "log-shipping",
          "record",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'dns alidns record "record"',
            '"shop.example-hosting.com" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it is a TXT record, which names no host",
      twin: add("alicloud:dns/alidnsRecord:AlidnsRecord", "record", {
        domainName: "example.cn",
        rr: "shop",
        type: "TXT",
        value: "shop.example-hosting.com",
      }),
    },
    {
      name: "service (SRV) records of public DNS, a private zone and an ESA site steer clients to Singapore",
      bad: srvRecords("ap-southeast-1"),
      expected: [
        ["sip", 'dns alidns record "sip"', " in ap-southeast-1"],
        ["ldap", 'pvtz zone record "ldap"', " in ap-southeast-1"],
        ["esa-sip", 'esa record "esa-sip"', ""],
      ].map(([name, label, region]): Finding => [
        "log-shipping",
        name,
        "mandatory",
        [
          "cn-shanghai (inside CN)",
          label,
          `alb-0123456789abcdef.ap-southeast-1.alb.aliyuncs.com${region} (outside CN, in SG)`,
        ],
      ]),
      twinName: "they steer them to Beijing",
      twin: srvRecords("cn-beijing"),
    },
    {
      name: "a proxied ESA record makes a Singapore bucket the site's origin",
      bad: add("alicloud:esa/record:Record", "esa-record", {
        siteId: 1,
        recordName: "media.example.cn",
        recordType: "CNAME",
        proxied: true,
        sourceType: "OSS",
        bizName: "web",
        data: { value: "media.oss-ap-southeast-1.aliyuncs.com" },
      }),
      expected: [
        [
          "log-shipping",
          "esa-record",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'esa record "esa-record"',
            "media.oss-ap-southeast-1.aliyuncs.com (outside CN, in SG)",
          ],
        ],
      ],
      twinName: "its origin is a Shanghai bucket",
      twin: add("alicloud:esa/record:Record", "esa-record", {
        siteId: 1,
        recordName: "media.example.cn",
        recordType: "CNAME",
        proxied: true,
        sourceType: "OSS",
        bizName: "web",
        data: { value: "media.oss-cn-shanghai.aliyuncs.com" },
      }),
    },
  ]);

  runCases(pack, () => happy, cn, [
    {
      name: "an EventBridge rule posts events to an HTTP endpoint outside the cloud",
      bad: ordersRule([
        { targetId: "queue", type: "acs.mns.queue", endpoint: ordersQueue },
        { targetId: "hook", type: "http", endpoint: "https://hooks.example.com/orders" },
      ]),
      expected: [eventShipped('"https://hooks.example.com/orders" (cannot be placed)')],
      twinName: "it sends them only to a queue of the stack's region",
      twin: ordersRule([{ targetId: "queue", type: "acs.mns.queue", endpoint: ordersQueue }]),
    },
    {
      // Found on the identity and messaging bench (the provider's own example): the queue's ARN
      // is built from alicloud.getAccount, which only the cloud answers when no account is pinned.
      name: "an EventBridge rule's queue target is not known at preview",
      bad: ordersRule([{ targetId: "queue", type: "acs.mns.queue", endpoint: unknown }]),
      expected: [
        [
          "log-shipping",
          "events",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'eventbridge rule "events"',
            "targets[0].endpoint (unknown at preview)",
          ],
        ],
      ],
      twinName: "its queue target is a literal ARN of the stack's region",
      twin: ordersRule([{ targetId: "queue", type: "acs.mns.queue", endpoint: ordersQueue }]),
    },
    {
      name: "an EventBridge rule routes events to a queue, a function and an event bus in Singapore",
      bad: eventRuleTo("ap-southeast-1"),
      expected: [
        "mns:ap-southeast-1:1234567890123456:queues/events",
        "fc:ap-southeast-1:1234567890123456:services/app/functions/handler",
        "eventbridge:ap-southeast-1:1234567890123456:eventbus/default",
      ].map((target) => eventShipped(`acs:${target} (outside CN, in SG)`)),
      twinName: "they are in Beijing",
      twin: eventRuleTo("cn-beijing"),
    },
    {
      name: "an EventBridge rule writes events to a self-managed MySQL database at a public address",
      bad: selfManagedTarget("192.0.2.10:3306"),
      expected: [eventShipped('"192.0.2.10" (cannot be placed)')],
      twinName: "the database is at a private address",
      twin: selfManagedTarget("10.20.1.30:3306"),
    },
    // Found by the red team: an API destination POSTs every event to the URL it holds, but one the
    // program does not create was placed by its ACS ARN's region, or not at all by its name.
    {
      name: "an EventBridge rule sends events to an API destination the program does not create",
      bad: ordersRule(partnerSinkTargets),
      expected: ["partner-sink", partnerSinkArn].map(unplacedSink),
      twinName:
        "the API destination, by name and by ACS ARN, is the program's own, posting to an address of the VPC",
      twin: pipe(
        add("alicloud:eventbridge/apiDestination:ApiDestination", "partner-sink", {
          apiDestinationName: "partner-sink",
          connectionName: "partner",
          httpApiParameters: { endpoint: "http://10.20.1.5:8080/orders", method: "POST" },
        }),
        ordersRule(partnerSinkTargets),
      ),
    },
    // Found by the red team: a mail or text target's recipient, in its parameters, was never read;
    // an SNS subscription's mailbox or phone is judged as these are.
    {
      name: "an EventBridge rule mails events to a mailbox and texts them to a US phone",
      bad: ordersRule([
        messageTarget("acs.mail", "ToAddress", "CONSTANT", "leak@gmail.com"),
        messageTarget("acs.sms", "PhoneNumbers", "CONSTANT", "13800000000,+14155550100"),
      ]),
      expected: [
        eventShipped(
          `"leak@gmail.com" (a mailbox, whose mail its domain's servers receive wherever they are, so it cannot be placed in a region; egressHosts may name a domain whose mail servers are inside)`,
        ),
        eventShipped("+14155550100 (a phone outside CN, in US)"),
      ],
      twinName:
        "it mails a mailbox of a domain the stack places by name, and texts a mainland mobile",
      twin: ordersRule([
        messageTarget("acs.mail", "ToAddress", "CONSTANT", "ops@corp.example.cn"),
        messageTarget("acs.sms", "PhoneNumbers", "CONSTANT", "13800000000"),
      ]),
      twinSettings: {
        ...cn,
        egressAllowlist: [
          ...(cn.egressAllowlist ?? []),
          { host: "corp.example.cn", reason: "The team's own mail servers, in Shanghai" },
        ],
      },
    },
    {
      name: "an EventBridge rule mails events to a recipient it reads from each event",
      bad: ordersRule([messageTarget("acs.mail", "ToAddress", "JSONPATH", "$.data.email")]),
      expected: [
        eventShipped(
          '"$.data.email" (a recipient the rule reads from each event as it runs, form "JSONPATH", which cannot be placed)',
        ),
      ],
      twinName: "it texts a mainland mobile it names",
      twin: ordersRule([messageTarget("acs.sms", "PhoneNumbers", "CONSTANT", "+8613800000000")]),
    },
    {
      name: "an activation code lets servers anywhere register as managed instances",
      bad: add("alicloud:ecs/activation:Activation", "activation", {
        instanceName: "on-prem",
        instanceCount: 10,
      }),
      expected: [
        [
          "remote-sites",
          "activation",
          "mandatory",
          ["cn-shanghai (inside CN)", 'ecs activation "activation"', "ipAddressRange (not set)"],
        ],
      ],
      twinName: "only the allowlisted office range may register",
      twin: add("alicloud:ecs/activation:Activation", "activation", {
        instanceName: "on-prem",
        instanceCount: 10,
        ipAddressRange: "203.0.113.0/24",
      }),
    },
    {
      name: "a PAI dataset lives in a Singapore bucket",
      bad: paiDataset("OSS", "oss://claims.oss-ap-southeast-1.aliyuncs.com/train/"),
      expected: [
        datasetShipped("oss://claims.oss-ap-southeast-1.aliyuncs.com/train/ (outside CN, in SG)"),
      ],
      twinName: "it lives in a Shanghai bucket",
      twin: paiDataset("OSS", "oss://claims.oss-cn-shanghai.aliyuncs.com/train/"),
    },
    {
      // The bucket's name is its user's: the endpoint it is addressed on says the region.
      name: "a PAI dataset lives in a bucket named for Shanghai on Silicon Valley's internal endpoint",
      bad: paiDataset("OSS", "oss://claims-cn-shanghai.oss-us-west-1-internal.aliyuncs.com/train/"),
      expected: [
        datasetShipped(
          "oss://claims-cn-shanghai.oss-us-west-1-internal.aliyuncs.com/train/ (outside CN, in US)",
        ),
      ],
      twinName: "it lives in a bucket named for Silicon Valley on Shanghai's internal endpoint",
      twin: paiDataset(
        "OSS",
        "oss://claims-us-west-1.oss-cn-shanghai-internal.aliyuncs.com/train/",
      ),
    },
    {
      name: "a PAI dataset lives in a NAS file system in Singapore",
      bad: paiDataset("NAS", "nas://0a1b2c3d4e.ap-southeast-1/train/"),
      expected: [datasetShipped("ap-southeast-1 (outside CN, in SG)")],
      twinName: "it lives in a NAS file system in Hangzhou",
      twin: paiDataset("NAS", "nas://0a1b2c3d4e.cn-hangzhou/train/"),
    },
    {
      name: "an ESA layer-4 application forwards to an origin host outside the cloud across the border",
      bad: add("alicloud:esa/transportLayerApplication:TransportLayerApplication", "l4", {
        siteId: 1,
        recordName: "tcp.example.cn",
        crossBorderOptimization: "on",
        rules: [
          {
            protocol: "TCP",
            edgePort: "443",
            sourcePort: "443",
            sourceType: "domain",
            source: "origin.example.com",
          },
          {
            protocol: "TCP",
            edgePort: "8443",
            sourcePort: "8443",
            sourceType: "OP",
            source: "pool-1",
          },
        ],
      }),
      expected: [
        [
          "global-services",
          "l4",
          "mandatory",
          ['esa transport layer application "l4"', "ESA edge nodes outside the jurisdiction"],
        ],
        [
          "log-shipping",
          "l4",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'esa transport layer application "l4"',
            '"origin.example.com" (cannot be placed)',
          ],
        ],
      ],
      twinName:
        "it forwards to an origin pool and a private address, without cross-border optimisation",
      twin: add("alicloud:esa/transportLayerApplication:TransportLayerApplication", "l4", {
        siteId: 1,
        recordName: "tcp.example.cn",
        crossBorderOptimization: "off",
        rules: [
          {
            protocol: "TCP",
            edgePort: "443",
            sourcePort: "443",
            sourceType: "ip",
            source: "10.20.1.7",
          },
          {
            protocol: "TCP",
            edgePort: "8443",
            sourcePort: "8443",
            sourceType: "OP",
            source: "pool-1",
          },
        ],
      }),
    },
  ]);

  runCasesInBothPostures(pack, () => happy, cn, [
    {
      name: "private zones answer another account's VPCs",
      bad: add("alicloud:pvtz/userVpcAuthorization:UserVpcAuthorization", "zone-grant", {
        authorizedUserId: other,
        authType: "NORMAL",
      }),
      expected: [
        grant('pvtz user vpc authorization "zone-grant"', [
          "cn-shanghai (inside CN)",
          'pvtz user vpc authorization "zone-grant"',
          abroad(other),
        ]),
      ],
      twinName: "they answer only the stack's own account",
      twin: add("alicloud:pvtz/userVpcAuthorization:UserVpcAuthorization", "zone-grant", {
        authorizedUserId: own,
        authType: "NORMAL",
      }),
    },
  ]);

  /** A KMS secret whose policy allows the RAM principals written. */
  const secret = (...principals: string[]) =>
    onStoreKey(
      add("alicloud:kms/secret:Secret", "secret", {
        secretName: "db-password",
        secretData: "s3cret",
        versionId: "v1",
        policy: JSON.stringify({
          Version: "1",
          Statement: [
            {
              Effect: "Allow",
              Principal: { RAM: principals },
              Action: ["kms:GetSecretValue"],
              Resource: ["*"],
            },
          ],
        }),
      }),
    );

  runCases(pack, () => happy, cn, [
    {
      name: "a KMS secret's policy lets every Alibaba Cloud account read it",
      bad: secret("*"),
      expected: [
        ["public-exposure", "secret", "mandatory", ["the internet", 'kms secret "secret"']],
      ],
      twinName: "it lets only RAM principals of the stack's account read it",
      twin: secret(`acs:ram::${own}:role/app`),
    },
    {
      name: "an API gateway discovers backends from a registry on a public address",
      bad: add("alicloud:apig/source:Source", "source", {
        gatewayId: "gw-1",
        type: "MSE_NACOS",
        nacosSourceInfo: { instanceId: "mse-1", address: "198.51.100.40:8848" },
      }),
      expected: [
        [
          "log-shipping",
          "source",
          "mandatory",
          ["cn-shanghai (inside CN)", 'apig source "source"', '"198.51.100.40" (cannot be placed)'],
        ],
      ],
      twinName: "the registry is on a private address",
      twin: add("alicloud:apig/source:Source", "source", {
        gatewayId: "gw-1",
        type: "MSE_NACOS",
        nacosSourceInfo: { instanceId: "mse-1", address: "10.20.1.48:8848" },
      }),
    },
    ...(
      [
        ["Domain", "origin.example.com", "SLB", "lb-telemetry"],
        ["Ip", "198.51.100.7", "ECS", "i-telemetry"],
      ] as const
    ).map(([type, endpoint, twinType, twinEndpoint]) => ({
      name: `an accelerator forwards to an endpoint of type ${type} the pack cannot place`,
      bad: add("alicloud:ga/endpointGroup:EndpointGroup", "ga-group", {
        acceleratorId: "ga-1",
        listenerId: "lsr-1",
        endpointGroupRegion: "cn-shanghai",
        endpointConfigurations: [{ type, endpoint, weight: 100 }],
      }),
      expected: [
        [
          "network-links",
          "ga-group",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'ga endpoint group "ga-group"',
            `"${endpoint}" (cannot be placed)`,
          ],
        ] as Finding,
      ],
      twinName: `it forwards to an endpoint of type ${twinType} in the group's region`,
      twin: add("alicloud:ga/endpointGroup:EndpointGroup", "ga-group", {
        acceleratorId: "ga-1",
        listenerId: "lsr-1",
        endpointGroupRegion: "cn-shanghai",
        endpointConfigurations: [{ type: twinType, endpoint: twinEndpoint, weight: 100 }],
      }),
    })),
    {
      name: "cloud phones send their traffic through a proxy that is neither private nor allowlisted",
      bad: add("alicloud:cloudphone/policy:Policy", "phones", {
        policyGroupName: "field",
        netRedirectPolicy: { netRedirect: "on", hostAddr: "198.51.100.30", port: "1080" },
      }),
      expected: [
        [
          "log-shipping",
          "phones",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'cloudphone policy "phones"',
            '"198.51.100.30" (cannot be placed)',
          ],
        ],
      ],
      twinName: "the proxy is on a private address",
      twin: add("alicloud:cloudphone/policy:Policy", "phones", {
        policyGroupName: "field",
        netRedirectPolicy: { netRedirect: "on", hostAddr: "10.20.1.80", port: "1080" },
      }),
    },
  ]);

  runCasesInBothPostures(pack, () => happy, cn, [
    {
      name: "a KMS secret's policy lets another account's role read it",
      bad: secret(`acs:ram::${other}:role/reader`),
      expected: [
        grant('kms secret "secret"', [
          "cn-shanghai (inside CN)",
          'kms secret "secret"',
          abroad(other),
        ]),
      ],
      twinName: "its policy names a role of the stack's own account",
      twin: secret(`acs:ram::${own}:role/reader`),
    },
  ]);

  /** A RAM policy allowing `principal` the actions named, under `condition` when given. */
  const ramPolicy = (principal: unknown, actions: string[], condition?: Props) =>
    JSON.stringify({
      Version: "1",
      Statement: [
        {
          Effect: "Allow",
          Principal: principal,
          Action: actions,
          Resource: ["*"],
          ...(condition ? { Condition: condition } : {}),
        },
      ],
    });
  /** A key of a KMS instance whose key policy lets `principal` use it. */
  const instanceKey = (principal: unknown, condition?: Props) =>
    add("alicloud:kms/key:Key", "key", {
      dkmsInstanceId: "kst-1",
      keySpec: "Aliyun_AES_256",
      policy: ramPolicy(principal, ["kms:Decrypt", "kms:GenerateDataKey"], condition),
    });
  /** A Log Service project whose policy lets `principal` read its logstores. */
  const project = (principal: unknown, condition?: Props) =>
    add("alicloud:log/project:Project", "logs", {
      projectName: "sdc-audit",
      policy: ramPolicy(principal, ["log:GetLogStoreLogs"], condition),
    });

  runCasesInBothPostures(pack, () => happy, cn, [
    {
      name: "a KMS key's policy lets another account decrypt with it",
      bad: instanceKey({ RAM: [`acs:ram::${other}:root`] }),
      expected: [
        grant('kms key "key"', ["cn-shanghai (inside CN)", 'kms key "key"', abroad(other)]),
      ],
      twinName: "its policy names only the stack's own account",
      twin: instanceKey({ RAM: [`acs:ram::${own}:root`] }),
    },
    {
      name: "a Log Service project's policy lets another account's role read its logs",
      bad: project({ RAM: [`acs:ram::${other}:role/auditor`] }),
      expected: [
        grant('log project "logs"', [
          "cn-shanghai (inside CN)",
          'log project "logs"',
          abroad(other),
        ]),
      ],
      twinName: "its policy names a role of the stack's own account",
      twin: project({ RAM: [`acs:ram::${own}:role/auditor`] }),
    },
  ]);

  /** An OSS bucket policy statement of `effect` letting `principal` (a list) read the bucket. */
  const ossStatement = (principal: unknown[], effect = "Allow", condition?: Props) => ({
    Effect: effect,
    Principal: principal,
    Action: ["oss:GetObject", "oss:ListObjects"],
    Resource: ["acs:oss:*:*:sdc-telemetry", "acs:oss:*:*:sdc-telemetry/*"],
    ...(condition ? { Condition: condition } : {}),
  });
  /** The fixture's bucket policy, holding `statements` instead of its own. */
  const bucketPolicy = (...statements: Props[]) =>
    set("telemetry-policy", (p) => {
      p.policy = JSON.stringify({ Version: "1", Statement: statements });
    });
  const bucketPolicyGrant = grant('oss bucket policy "telemetry-policy"', [
    "cn-shanghai (inside CN)",
    'oss bucket policy "telemetry-policy"',
    abroad(other),
  ]);

  // Found by the compliance review: a bucket policy letting another account read the bucket gave
  // no finding, where an S3 bucket policy's is cross-account-links'. OSS names principals in a
  // list: account (or RAM user) UIDs, RAM ARNs and STS role sessions.
  runCasesInBothPostures(pack, () => happy, cn, [
    {
      name: "an OSS bucket policy lets another account read the bucket",
      bad: bucketPolicy(ossStatement([other])),
      expected: [bucketPolicyGrant],
      twinName: "it lets only the stack's own account read it",
      twin: bucketPolicy(ossStatement([own])),
    },
    {
      name: "an OSS bucket policy lets a role of another account read the bucket",
      bad: bucketPolicy(ossStatement([`acs:ram::${other}:role/hq-analytics`])),
      expected: [bucketPolicyGrant],
      twinName: "it lets a role of the stack's own account read it",
      twin: bucketPolicy(ossStatement([`acs:ram::${own}:role/hq-analytics`])),
    },
    {
      name: "an OSS bucket policy lets another account's role session read the bucket",
      bad: bucketPolicy(ossStatement([`arn:sts::${other}:assumed-role/hq-analytics/etl`])),
      expected: [bucketPolicyGrant],
      twinName: "it lets a session of the stack's own role read it",
      twin: bucketPolicy(ossStatement([`arn:sts::${own}:assumed-role/hq-analytics/etl`])),
    },
    {
      name: "an OSS bucket policy lets the stack's account and another read the bucket",
      bad: bucketPolicy(ossStatement([own, other])),
      expected: [bucketPolicyGrant],
      twinName: "it denies the other account instead",
      twin: bucketPolicy(ossStatement([own]), ossStatement([other], "Deny")),
    },
    {
      name: "an OSS bucket policy lets another account read the bucket from the stack's VPC",
      bad: bucketPolicy(
        ossStatement([other], "Allow", { StringEquals: { "acs:SourceVpc": ["vpc-1"] } }),
      ),
      expected: [bucketPolicyGrant],
      twinName: "it lets everyone read it only from the stack's VPC",
      twin: bucketPolicy(
        ossStatement(["*"], "Allow", { StringEquals: { "acs:SourceVpc": ["vpc-1"] } }),
      ),
    },
    {
      name: "an OSS bucket's own policy lets another account read it",
      bad: set("telemetry", (p) => {
        p.policy = JSON.stringify({ Version: "1", Statement: [ossStatement([other])] });
      }),
      expected: [
        grant('oss bucket "telemetry"', [
          "cn-shanghai (inside CN)",
          'oss bucket "telemetry"',
          abroad(other),
        ]),
      ],
      twinName: "the bucket's own policy lets only the stack's own account read it",
      twin: set("telemetry", (p) => {
        p.policy = JSON.stringify({ Version: "1", Statement: [ossStatement([own])] });
      }),
    },
  ]);

  /** A rule (ingress accept unless `rule` says otherwise) naming a group `owner` owns (`key`). */
  const groupRule = (key: string, owner: string, rule: Props = {}) =>
    add("alicloud:ecs/securityGroupRule:SecurityGroupRule", "peer-admit", {
      type: "ingress",
      ipProtocol: "tcp",
      portRange: "5432/5432",
      policy: "accept",
      securityGroupId: "sg-1",
      sourceSecurityGroupId: "sg-9",
      nicType: "intranet",
      [key]: owner,
      ...rule,
    });
  const peerAdmit = grant('security group rule "peer-admit"', [
    "cn-shanghai (inside CN)",
    'security group rule "peer-admit"',
    abroad(other),
  ]);

  runCasesInBothPostures(pack, () => happy, cn, [
    ...["sourceGroupOwnerId", "sourceGroupOwnerAccount"].map((key) => ({
      name: `a security group rule admits another account's security group (${key})`,
      bad: groupRule(key, other),
      expected: [peerAdmit],
      twinName: `it admits a security group of the stack's own account (${key})`,
      twin: groupRule(key, own),
    })),
    {
      name: "a security group rule lets traffic out to another account's security group",
      bad: groupRule("sourceGroupOwnerId", other, { type: "egress" }),
      expected: [peerAdmit],
      twinName: "a rule naming that group drops its traffic",
      twin: groupRule("sourceGroupOwnerId", other, { policy: "drop" }),
    },
  ]);

  /** A VPC firewall between a Shanghai and a Beijing VPC, with `extra` (its member account). */
  const vpcFirewall = (extra: Props) =>
    add("alicloud:cloudfirewall/firewallVpcFirewall:FirewallVpcFirewall", "vpc-fw", {
      vpcFirewallName: "links",
      status: "open",
      localVpc: { vpcId: "vpc-1", regionNo: "cn-shanghai" },
      peerVpc: { vpcId: "vpc-2", regionNo: "cn-beijing" },
      ...extra,
    });
  /** A CEN firewall guarding a Shanghai VPC, `local` added to its localVpc, `extra` to it. */
  const cenFirewall = (local: Props, extra: Props = {}) =>
    add("alicloud:cloudfirewall/firewallVpcFirewallCen:FirewallVpcFirewallCen", "cen-fw", {
      cenId: "cen-1",
      vpcFirewallName: "cen-links",
      vpcRegion: "cn-shanghai",
      status: "open",
      localVpc: { networkInstanceId: "vpc-1", ...local },
      ...extra,
    });
  const guards = (label: string) => grant(label, ["cn-shanghai (inside CN)", label, abroad(other)]);

  runCasesInBothPostures(pack, () => happy, cn, [
    {
      name: "a VPC firewall guards a VPC link of a member account",
      bad: vpcFirewall({ memberUid: other }),
      expected: [guards('cloudfirewall firewall vpc firewall "vpc-fw"')],
      twinName: "it guards a link of the stack's own account",
      twin: vpcFirewall({ memberUid: own }),
    },
    {
      name: "a CEN firewall guards the CEN link of a member account",
      bad: cenFirewall({}, { memberUid: other }),
      expected: [guards('cloudfirewall firewall vpc firewall cen "cen-fw"')],
      twinName: "it guards the CEN link of the stack's own account",
      twin: cenFirewall({}, { memberUid: own }),
    },
    {
      name: "a CEN firewall guards a VPC another account owns",
      bad: cenFirewall({ ownerId: other }),
      expected: [guards('cloudfirewall firewall vpc firewall cen "cen-fw"')],
      twinName: "the VPC is the stack's own account's",
      twin: cenFirewall({ ownerId: own }),
    },
  ]);

  runCases(pack, () => happy, cn, [
    {
      name: "a KMS key's policy lets every Alibaba Cloud account use it",
      bad: instanceKey({ RAM: ["*"] }),
      expected: [["public-exposure", "key", "mandatory", ["the internet", 'kms key "key"']]],
      twinName: "it lets everyone use it only from the stack's VPC",
      twin: instanceKey({ RAM: ["*"] }, { StringEquals: { "acs:SourceVpc": ["vpc-1"] } }),
    },
    {
      name: "a Log Service project's policy lets anyone read its logs",
      bad: project("*"),
      expected: [["public-exposure", "logs", "mandatory", ["the internet", 'log project "logs"']]],
      twinName: "it lets anyone read them only from the stack's VPC",
      twin: project("*", { StringEquals: { "acs:SourceVpc": ["vpc-1"] } }),
    },
  ]);

  test("Anti-DDoS Pro scrubs in the mainland, outside every jurisdiction but CN", async () => {
    const pro = pipe(
      addProvider("alicloud", "frankfurt", { region: "eu-central-1" }),
      add(
        "alicloud:ddos/ddosCooInstance:DdosCooInstance",
        "anti-ddos",
        { name: "shop", bandwidth: "30" },
        { provider: "frankfurt" },
      ),
    )(happy);
    const violations = await pack.checkAround(happy, pro, { ...cn, jurisdiction: "EU" });
    expect(findings(violations).filter(([, resource]) => resource === "anti-ddos")).toEqual([
      [
        "global-services",
        "anti-ddos",
        "mandatory",
        ['ddos coo instance "anti-ddos"', "Anti-DDoS scrubbing centres outside the jurisdiction"],
      ],
    ]);
  });

  // No setting of these keeps them in a jurisdiction: each always fails, with what cannot be
  // judged and the fix in its message. The twin is the in-region design that replaces it.
  const vpnGateway = add("alicloud:vpn/gateway:Gateway", "branch-vpn", {
    vpcId: "vpc-1",
    vswitchId: "vsw-1",
    bandwidth: 10,
    enableIpsec: true,
    enableSsl: false,
  });
  runCases(pack, () => happy, cn, [
    {
      name: "sessions are kept in an ESA edge KV namespace",
      bad: add("alicloud:esa/kvNamespace:KvNamespace", "edge", { kvNamespace: "sessions" }),
      expected: [
        [
          "global-services",
          "edge",
          "mandatory",
          ['esa kv namespace "edge"', "ESA edge nodes outside the jurisdiction"],
        ],
      ],
      twinName: "sessions are kept in a Tablestore instance in Shanghai reached from the VPC",
      twin: add("alicloud:ots/instance:Instance", "sessions", {
        name: "sessions",
        accessedBy: "Vpc",
        instanceType: "Capacity",
      }),
    },
    {
      name: "requests are rewritten by an ESA edge routine",
      bad: add("alicloud:esa/routine:Routine", "edge", {
        name: "rewrite",
        code: "export default { fetch() {} }",
      }),
      expected: [
        [
          "global-services",
          "edge",
          "mandatory",
          ['esa routine "edge"', "ESA edge nodes outside the jurisdiction"],
        ],
      ],
      twinName: "requests are rewritten by a function in Shanghai without internet access",
      twin: add("alicloud:fc/v3Function:V3Function", "rewrite", {
        functionName: "rewrite",
        handler: "index.handler",
        runtime: "nodejs18",
        internetAccess: false,
        code: { zipFile: "UEsDBA==" },
      }),
    },
    ...[
      ["names the point of presence it serves from", [{ popLocation: "ap-southeast-1-pop" }]],
      ["names no point of presence (every access area)", undefined],
    ].map(([what, pops]) => ({
      name: `an anycast EIP is bound to a Shanghai load balancer and ${String(what)}`,
      bad: add(
        "alicloud:eipanycast/anycastEipAddressAttachment:AnycastEipAddressAttachment",
        "edge",
        {
          anycastId: "aeip-1",
          bindInstanceId: "lb-1",
          bindInstanceRegionId: "cn-shanghai",
          bindInstanceType: "SlbInstance",
          ...(pops ? { popLocations: pops } : {}),
        },
      ),
      expected: [
        [
          "global-services",
          "edge",
          "mandatory",
          [
            'eipanycast anycast eip address attachment "edge"',
            "anycast points of presence outside the jurisdiction",
          ],
        ] as Finding,
      ],
      twinName: `clients reach it through an intranet network load balancer, not a binding that ${String(what)}`,
      twin: add("alicloud:nlb/loadBalancer:LoadBalancer", "nlb", {
        addressType: "Intranet",
        vpcId: "vpc-telemetry",
      }),
    })),
    {
      name: "a branch joins through a Smart Access Gateway network attachment",
      bad: add("alicloud:cloudconnect/networkAttachment:NetworkAttachment", "edge", {
        ccnId: "ccn-1",
        sagId: "sag-1",
      }),
      expected: [
        [
          "remote-sites",
          "edge",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'cloudconnect network attachment "edge"',
            "a Smart Access Gateway branch site the pack cannot place",
          ],
        ],
      ],
      twinName: "the branch connects through the stack's VPN gateway",
      twin: vpnGateway,
    },
    {
      name: "clients connect through the Smart Access Gateway app",
      bad: add("alicloud:sag/clientUser:ClientUser", "edge", {
        sagId: "sag-1",
        userMail: "ops@example.cn",
        bandwidth: 20,
      }),
      expected: [
        [
          "remote-sites",
          "edge",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'sag client user "edge"',
            "clients anywhere in the world (Smart Access Gateway App)",
          ],
        ],
      ],
      twinName: "clients connect through the stack's VPN gateway",
      twin: vpnGateway,
    },
    ...(
      [
        ["a known VPN gateway", "vpn-telemetry"],
        ["a VPN gateway only a lookup knows", unknown],
      ] as const
    ).map(([gateway, vpnGatewayId]) => ({
      name: `an SSL-VPN server on ${gateway} admits remote clients`,
      bad: add("alicloud:vpn/sslVpnServer:SslVpnServer", "edge", {
        vpnGatewayId,
        clientIpPool: "192.168.100.0/24",
        localSubnet: "10.20.0.0/16",
      }),
      expected: [
        [
          "remote-sites",
          "edge",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'vpn ssl vpn server "edge"',
            "clients anywhere in the world (SSL-VPN)",
          ],
        ] as Finding,
      ],
      twinName: `clients connect through the stack's VPN gateway instead (${gateway})`,
      twin: vpnGateway,
    })),
  ]);
});

/** A DMS Enterprise instance named "dms" managing the `records` MySQL database at `where`. */
const dmsInstance = (where: { instanceSource: string; ecsRegion?: string; host: string }) =>
  add("alicloud:dms/enterpriseInstance:EnterpriseInstance", "dms", {
    instanceType: "MySQL",
    networkType: "VPC",
    envType: "product",
    ...where,
    port: 3306,
    databaseUser: "dms",
    databasePassword: "secret",
    instanceName: "records",
    dbaUid: 12345,
    safeRule: "default",
    queryTimeout: 60,
    exportTimeout: 600,
    tid: 1,
  });

/** A DataWorks data source "orders-hive" (URL mode) whose metastore's host is `host`. */
const hiveSource = (host: string) =>
  add("alicloud:dataworks/dataSource:DataSource", "orders-hive", {
    type: "hive",
    dataSourceName: "orders_hive",
    projectId: 1234,
    connectionPropertiesMode: "UrlMode",
    connectionProperties: JSON.stringify({
      address: [{ host, port: "9083" }],
      database: "orders",
      metaType: "HiveMetastore",
      loginMode: "Anonymous",
      securityProtocol: "authTypeNone",
      envType: "Prod",
    }),
  });

/** A warehouse's streaming data source "orders-stream" consuming a Kafka topic from `brokers`. */
const kafkaSource = (brokers: string) =>
  add("alicloud:gpdb/streamingDataSource:StreamingDataSource", "orders-stream", {
    dbInstanceId: "gp-orders",
    serviceId: 1,
    dataSourceName: "orders-kafka",
    dataSourceType: "kafka",
    dataSourceConfig: JSON.stringify({ brokers, topic: "orders", format: "json" }),
  });

/**
 * A warehouse's streaming job "orders-job" of professional mode, its YAML configuration (as the
 * provider's example writes it) consuming the topic from `brokers`.
 */
const kafkaJob = (brokers: string) =>
  add("alicloud:gpdb/streamingJob:StreamingJob", "orders-job", {
    dbInstanceId: "gp-orders",
    dataSourceId: "1",
    jobName: "orders-kafka",
    mode: "professional",
    jobConfig: [
      "DATABASE: orders",
      "USER: loader",
      "PASSWORD: loader-secret",
      "HOST: gp-orders-master.gpdb.rds.aliyuncs.com",
      "PORT: 5432",
      "KAFKA:",
      "  INPUT:",
      "    SOURCE:",
      `      BROKERS: ${brokers}`,
      "      TOPIC: orders",
      "    VALUE:",
      "      COLUMNS:",
      "      - NAME: payload",
      "        TYPE: json",
      "      FORMAT: json",
      "  OUTPUT:",
      "    SCHEMA: public",
      "    TABLE: orders",
      "",
    ].join("\n"),
  });

describe("cross-account backups, backup proxies, managed databases and storage gateways", () => {
  const shanghai = "cn-shanghai (inside CN)";
  const own = "1234567890123456";
  const other = "9876543210987654";
  const abroad = `account ${other} (not this stack's account ${own})`;
  /** A cross-account HBR resource of `type` whose source account is `uid`. */
  const crossAccount = (type: string, name: string, inputs: Props) => (uid: string) =>
    add(type, name, {
      ...inputs,
      crossAccountType: "CROSS_ACCOUNT",
      crossAccountUserId: Number(uid),
      crossAccountRoleName: "hbr-backup",
    });
  const hbrCases = [
    ["alicloud:hbr/crossAccount:CrossAccount", "hbr cross account", {}],
    [
      "alicloud:hbr/ecsBackupPlan:EcsBackupPlan",
      "hbr ecs backup plan",
      { instanceId: "i-records", vaultId: "v-records", backupType: "COMPLETE", retention: "7" },
    ],
    [
      "alicloud:hbr/nasBackupPlan:NasBackupPlan",
      "hbr nas backup plan",
      { fileSystemId: "0f1e2d3c4b", vaultId: "v-records", backupType: "COMPLETE", retention: "7" },
    ],
    [
      "alicloud:hbr/ossBackupPlan:OssBackupPlan",
      "hbr oss backup plan",
      { bucket: "sdc-telemetry", vaultId: "v-records", backupType: "COMPLETE", retention: "7" },
    ],
    [
      "alicloud:hbr/otsBackupPlan:OtsBackupPlan",
      "hbr ots backup plan",
      { instanceName: "records", vaultId: "v-records", backupType: "COMPLETE", retention: "7" },
    ],
    [
      "alicloud:hbr/policyBinding:PolicyBinding",
      "hbr policy binding",
      { policyId: "po-records", sourceType: "ECS_FILE", dataSourceId: "i-records" },
    ],
  ] as const;
  /** An edge site's access logs delivered to the OSS bucket `bucketName`, in no region said. */
  const edgeLogs = (bucketName: string) =>
    add("alicloud:esa/siteDeliveryTask:SiteDeliveryTask", "edge-logs", {
      siteId: 1,
      taskName: "edge",
      dataCenter: "cn",
      businessType: "dcdn_log_access_l1",
      deliveryType: "oss",
      ossDelivery: { bucketName, aliuid: own },
    });
  /** A Logtail config collecting files into a Shanghai logstore through the SLS `endpoint`. */
  const logtail = (endpoint: string) =>
    add("alicloud:sls/logtailConfig:LogtailConfig", "logtail", {
      projectName: "sdc-logs",
      logtailConfigName: "app",
      inputType: "file",
      inputDetail: JSON.stringify({ logPath: "/var/log/app", filePattern: "*.log" }),
      outputType: "LogService",
      outputDetail: { endpoint, region: "cn-shanghai", logstoreName: "app" },
    });
  /** A private node pool whose kubelets send traces to the collector at `endpoint`. */
  const nodePool = (endpoint: string) =>
    addInstance("alicloud:cs/nodePool:NodePool", "pool", {
      clusterId: "c-records",
      nodePoolName: "workers",
      vswitchIds: ["vsw-records"],
      instanceTypes: ["ecs.g7.xlarge"],
      desiredSize: "2",
      kubeletConfiguration: { tracing: { endpoint, samplingRatePerMillion: "100" } },
    });
  /**
   * The telemetry bucket's website mirroring missing objects from a private origin, failing over
   * to the alternate origin at `url`.
   */
  const mirrorAlternate = (url: string) =>
    add("alicloud:oss/bucketWebsite:BucketWebsite", "telemetry-website", {
      bucket: "sdc-telemetry",
      routingRules: {
        routingRules: [
          {
            ruleNumber: 1,
            condition: { httpErrorCodeReturnedEquals: "404" },
            redirect: {
              redirectType: "Mirror",
              mirrorUrl: "http://10.20.1.50/",
              mirrorMultiAlternates: {
                mirrorMultiAlternates: [
                  { mirrorMultiAlternateNumber: 1, mirrorMultiAlternateUrl: url },
                ],
              },
            },
          },
        ],
      },
    });
  /** A ROS stack "zone" with these inputs. */
  const rosStack = (props: Props) =>
    add("alicloud:ros/stack:Stack", "zone", { stackName: "zone", ...props });
  runCases(pack, () => happy, cn, [
    ...hbrCases.map(([type, kind, inputs]) => {
      const of = crossAccount(type, "hbr", inputs);
      return {
        name: `a ${kind} backs up the data of another account`,
        bad: of(other),
        expected: [
          ["backup-copies", "hbr", "mandatory", [abroad, `${kind} "hbr"`, shanghai]] as Finding,
        ],
        twinName: `the ${kind} backs up the stack's own account`,
        twin: of(own),
      };
    }),
    {
      name: "an HBR restore job restores backups into another account",
      bad: crossAccount("alicloud:hbr/restoreJob:RestoreJob", "restore", {
        restoreType: "ECS_FILE",
        vaultId: "v-records",
        snapshotId: "s-records",
        targetInstanceId: "i-records",
        targetPath: "/restore",
      })(other),
      expected: [
        ["backup-copies", "restore", "mandatory", [shanghai, 'hbr restore job "restore"', abroad]],
      ],
      twinName: "it restores them into the stack's own account",
      twin: crossAccount("alicloud:hbr/restoreJob:RestoreJob", "restore", {
        restoreType: "ECS_FILE",
        vaultId: "v-records",
        snapshotId: "s-records",
        targetInstanceId: "i-records",
        targetPath: "/restore",
      })(own),
    },
    {
      name: "a DBS backup plan keeps its backups in a bucket the program does not create",
      bad: add("alicloud:dbs/backupPlan:BackupPlan", "dbs", {
        ...dbsPlan("RDS"),
        sourceEndpointInstanceId: "rm-records",
        backupStorageType: "oss",
        ossBucketName: "partner-backups",
      }),
      expected: [
        [
          "named-destinations",
          "dbs",
          "mandatory",
          [shanghai, 'dbs backup plan "dbs"', '"partner-backups" (cannot be placed)'],
        ],
      ],
      twinName: "it keeps them in the program's Beijing bucket",
      twin: add("alicloud:dbs/backupPlan:BackupPlan", "dbs", {
        ...dbsPlan("RDS"),
        sourceEndpointInstanceId: "rm-records",
        backupStorageType: "oss",
        ossBucketName: "sdc-telemetry-dr",
      }),
    },
    {
      name: "an edge site delivers its logs to a bucket the program does not create, naming no region",
      bad: edgeLogs("edge-archive"),
      expected: [
        [
          "named-destinations",
          "edge-logs",
          "mandatory",
          [shanghai, 'esa site delivery task "edge-logs"', '"edge-archive" (cannot be placed)'],
        ],
      ],
      twinName: "it delivers them to the program's Shanghai log bucket",
      twin: edgeLogs("sdc-telemetry-logs"),
    },
    {
      name: "Logtail uploads the logs it collects to the Singapore SLS endpoint",
      bad: logtail("ap-southeast-1.log.aliyuncs.com"),
      expected: [
        [
          "log-shipping",
          "logtail",
          "mandatory",
          [
            shanghai,
            'sls logtail config "logtail"',
            "ap-southeast-1.log.aliyuncs.com (outside CN, in SG)",
          ],
        ],
      ],
      twinName: "it uploads them to the Shanghai intranet endpoint",
      twin: logtail("cn-shanghai-intranet.log.aliyuncs.com"),
    },
    {
      name: "a node pool's kubelets send their traces to a collector on the internet",
      bad: nodePool("otel.partner.example:4317"),
      expected: [
        [
          "log-shipping",
          "pool",
          "mandatory",
          [shanghai, 'ack node pool "pool"', '"otel.partner.example:4317" (cannot be placed)'],
        ],
      ],
      twinName: "they send them to a collector on the node itself",
      twin: nodePool("localhost:4317"),
    },
    {
      name: "a bucket website fails over to an alternate mirror origin on the internet",
      bad: mirrorAlternate("https://origin.partner.example/"),
      expected: [
        [
          "storage-replication",
          "telemetry-website",
          "mandatory",
          [
            'oss bucket "sdc-telemetry"',
            'oss bucket website "telemetry-website"',
            '"https://origin.partner.example/" (cannot be placed)',
          ],
        ],
      ],
      twinName: "the alternate origin is the program's Beijing bucket",
      twin: mirrorAlternate("https://sdc-telemetry-dr.oss-cn-beijing.aliyuncs.com/"),
    },
    {
      name: "a ROS stack deploys a template fetched from a URL",
      bad: rosStack({ templateUrl: "https://templates.oss-cn-shanghai.aliyuncs.com/zone.json" }),
      expected: [
        [
          "helm-releases",
          "zone",
          "mandatory",
          ['ros stack "zone"', "resources the pack cannot see"],
        ],
      ],
      twinName: "the resources of the template are declared in the program",
      twin: add("alicloud:vpc/network:Network", "zone", { cidrBlock: "10.30.0.0/16" }),
    },
    {
      name: "an HBR backup client sends backups through a proxy on the internet",
      bad: add("alicloud:hbr/ecsBackupClient:EcsBackupClient", "client", {
        instanceId: "i-records",
        dataProxySetting: "CUSTOM",
        proxyHost: "proxy.partner.example",
        proxyPort: 3128,
      }),
      expected: [
        [
          "backup-copies",
          "client",
          "mandatory",
          [
            shanghai,
            'hbr ecs backup client "client"',
            '"proxy.partner.example" (cannot be placed)',
          ],
        ],
      ],
      twinName: "the proxy is at a private address",
      twin: add("alicloud:hbr/ecsBackupClient:EcsBackupClient", "client", {
        instanceId: "i-records",
        dataProxySetting: "CUSTOM",
        proxyHost: "10.1.8.20",
        proxyPort: 3128,
      }),
    },
    {
      name: "an HBR vault backs up a SAP HANA database on a host at a public address",
      bad: add("alicloud:hbr/hanaInstance:HanaInstance", "hana", {
        vaultId: "v-records",
        hanaName: "hana",
        host: "198.51.100.30",
        instanceNumber: 0,
        userName: "admin",
      }),
      expected: [
        [
          "backup-copies",
          "hana",
          "mandatory",
          ['"198.51.100.30" (cannot be placed)', 'hbr hana instance "hana"', shanghai],
        ],
      ],
      twinName: "the HANA host is an instance at a private address of the VPC",
      twin: add("alicloud:hbr/hanaInstance:HanaInstance", "hana", {
        vaultId: "v-records",
        hanaName: "hana",
        host: "10.1.8.30",
        instanceNumber: 0,
        userName: "admin",
      }),
    },
    {
      name: "DMS Enterprise manages a self-hosted database on the internet",
      bad: dmsInstance({ instanceSource: "PUBLIC_OWN", host: "db.partner.example" }),
      expected: [
        [
          "data-transfer-jobs",
          "dms",
          "mandatory",
          [shanghai, 'dms enterprise instance "dms"', '"db.partner.example" (cannot be placed)'],
        ],
      ],
      twinName: "it manages an RDS database in Shanghai",
      twin: dmsInstance({
        instanceSource: "RDS",
        ecsRegion: "cn-shanghai",
        host: "rm-records.mysql.rds.aliyuncs.com",
      }),
    },
    {
      name: "DMS Enterprise manages an RDS database in Hong Kong",
      bad: dmsInstance({
        instanceSource: "RDS",
        ecsRegion: "cn-hongkong",
        host: "rm-records.mysql.rds.aliyuncs.com",
      }),
      expected: [
        [
          "data-transfer-jobs",
          "dms",
          "mandatory",
          [shanghai, 'dms enterprise instance "dms"', "cn-hongkong (outside CN, in HK)"],
        ],
      ],
      twinName: "it manages a database of the on-premises network reached through the VPC",
      twin: dmsInstance({ instanceSource: "VPC_IDC", host: "10.1.8.30" }),
    },
    {
      name: "a DataWorks data source connects the project's tasks to a database on an external host",
      bad: hiveSource("hive.partner.example"),
      expected: [
        [
          "data-transfer-jobs",
          "orders-hive",
          "mandatory",
          [
            shanghai,
            'dataworks data source "orders-hive"',
            '"hive.partner.example" (cannot be placed)',
          ],
        ],
      ],
      twinName: "the data source is a private address of the stack's network",
      twin: hiveSource("10.1.8.31"),
    },
    {
      // A destination named but made elsewhere cannot be placed; the program's own is judged by
      // its host.
      name: "a Data Integration job writes to a data source the program does not create",
      bad: add("alicloud:dataworks/diJob:DiJob", "sync", {
        projectId: 1234,
        sourceDataSourceType: "MySQL",
        destinationDataSourceType: "Hive",
        sourceDataSourceSettings: [{ dataSourceName: "orders_mysql" }],
        destinationDataSourceSettings: [{ dataSourceName: "partner_hive" }],
      }),
      expected: [
        [
          "named-destinations",
          "sync",
          "mandatory",
          [shanghai, 'dataworks di job "sync"', '"partner_hive" (cannot be placed)'],
        ],
      ],
      twinName: "it writes to the program's data source on a private address",
      twin: pipe(
        hiveSource("10.1.8.31"),
        add("alicloud:dataworks/diJob:DiJob", "sync", {
          projectId: 1234,
          sourceDataSourceType: "MySQL",
          destinationDataSourceType: "Hive",
          sourceDataSourceSettings: [{ dataSourceName: "orders_mysql" }],
          destinationDataSourceSettings: [{ dataSourceName: "orders_hive" }],
        }),
      ),
    },
    {
      name: "a warehouse's streaming data source consumes a Kafka topic from brokers on external hosts",
      bad: kafkaSource("kafka-1.partner.example:9092,kafka-2.partner.example:9092"),
      expected: [
        [
          "data-transfer-jobs",
          "orders-stream",
          "mandatory",
          [
            '"kafka-1.partner.example:9092" (cannot be placed)',
            'gpdb streaming data source "orders-stream"',
            shanghai,
          ],
        ],
      ],
      twinName: "the brokers are private addresses of the stack's network",
      twin: kafkaSource("192.168.1.21:9092,192.168.1.22:9092"),
    },
    {
      name: "a warehouse's streaming job consumes a Kafka topic from brokers its YAML names on external hosts",
      bad: kafkaJob("kafka-1.partner.example:9092,kafka-2.partner.example:9092"),
      expected: [
        [
          "data-transfer-jobs",
          "orders-job",
          "mandatory",
          [
            '"kafka-1.partner.example:9092" (cannot be placed)',
            'gpdb streaming job "orders-job"',
            shanghai,
          ],
        ],
      ],
      twinName: "the job's brokers are private addresses of the stack's network",
      twin: kafkaJob("192.168.1.21:9092,192.168.1.22:9092"),
    },
    {
      // As the provider's examples name the brokers. Found by checking those examples.
      name: "a warehouse's streaming data source consumes from an ApsaraMQ instance's internet endpoint",
      bad: kafkaSource("alikafka-post-cn-orders-1.alikafka.aliyuncs.com:9093"),
      expected: [
        [
          "data-transfer-jobs",
          "orders-stream",
          "mandatory",
          [
            '"alikafka-post-cn-orders-1.alikafka.aliyuncs.com:9093" (cannot be placed)',
            'gpdb streaming data source "orders-stream"',
            shanghai,
          ],
        ],
      ],
      twinName: "it consumes from the instance's VPC endpoints, which resolve only inside its VPC",
      twin: kafkaSource(
        "alikafka-post-cn-orders-1-vpc.alikafka.aliyuncs.com:9092,alikafka-post-cn-orders-2-vpc.alikafka.aliyuncs.com:9092",
      ),
    },
    {
      name: "a cloud storage gateway runs on premises",
      bad: add("alicloud:cloudstoragegateway/gateway:Gateway", "csg", {
        gatewayName: "files",
        gatewayClass: "Standard",
        type: "File",
        location: "On_Premise",
        storageBundleId: "sb-records",
      }),
      expected: [
        [
          "data-transfer-jobs",
          "csg",
          "mandatory",
          [shanghai, 'cloudstoragegateway gateway "csg"', "an on-premises site"],
        ],
      ],
      twinName: "it runs in the cloud",
      twin: add("alicloud:cloudstoragegateway/gateway:Gateway", "csg", {
        gatewayName: "files",
        gatewayClass: "Standard",
        type: "File",
        location: "Cloud",
        storageBundleId: "sb-records",
        vswitchId: "vsw-records",
      }),
    },
  ]);
  test("a ROS stack's event notifications are log-shipping's, beside the bundle's own finding", async () => {
    const judged = async (url: string) =>
      findings(
        await pack.checkAround(
          happy,
          rosStack({ templateBody: "{}", notificationUrls: [url] })(happy),
          cn,
        ),
      );
    const bundle: Finding = [
      "helm-releases",
      "zone",
      "mandatory",
      ['ros stack "zone"', "resources the pack cannot see"],
    ];
    expect(await judged("https://hooks.example.com/ros")).toEqual(
      sorted([
        bundle,
        [
          "log-shipping",
          "zone",
          "mandatory",
          [shanghai, 'ros stack "zone"', '"https://hooks.example.com/ros" (cannot be placed)'],
        ],
      ]),
    );
    // A host inside the VPC receives them inside; the bundle is still opaque.
    expect(await judged("http://10.20.1.5:8080/ros")).toEqual([bundle]);
  });
});

describe("Alibaba Cloud analytics, desktops, file shares and studios that open a path", () => {
  const shanghai = "cn-shanghai (inside CN)";
  const emr = (props: Props) =>
    add("alicloud:emr/cluster:Cluster", "emr", {
      name: "analytics",
      emrVer: "EMR-5.10.0",
      clusterType: "HADOOP",
      zoneId: "cn-shanghai-b",
      vswitchId: "vsw-analytics",
      securityGroupId: "sg-analytics",
      ...props,
    });
  const project = (props: Props) =>
    add("alicloud:maxcompute/project:Project", "warehouse", {
      projectName: "warehouse",
      defaultQuota: "os_PayAsYouGoQuota",
      ...props,
    });
  const exceptionPolicy = (principal: string) =>
    JSON.stringify({
      Version: "1",
      Statement: [
        {
          Effect: "Allow",
          Principal: principal,
          Action: ["odps:Select"],
          Resource: "acs:odps:cn-shanghai:*:projects/warehouse/tables/orders",
        },
      ],
    });
  const desktops = (props: Props) =>
    add("alicloud:eds/ecdPolicyGroup:EcdPolicyGroup", "desktops", {
      policyGroupName: "staff",
      clipboard: "read",
      ...props,
    });
  const app = (props: Props) =>
    add("alicloud:sae/application:Application", "app", {
      appName: "orders",
      namespaceId: "cn-shanghai:orders",
      packageType: "Image",
      imageUrl: "registry-vpc.cn-shanghai.aliyuncs.com/orders/api:1",
      replicas: 2,
      cpu: 500,
      memory: 1024,
      ...props,
    });
  const cdnConfig = (product: string, functionName: string, args: Record<string, string>) =>
    add(`alicloud:${product}/domainConfig:DomainConfig`, "edge", {
      domainName: "cdn.example.cn",
      functionName,
      functionArgs: Object.entries(args).map(([argName, argValue]) => ({ argName, argValue })),
    });
  const hadoop = (hosts: string) =>
    add("alicloud:gpdb/hadoopDataSource:HadoopDataSource", "hadoop", {
      dbInstanceId: "gp-records",
      dataSourceName: "lake",
      dataSourceType: "hdfs",
      hadoopCreateType: "selfCreate",
      hadoopHostsAddress: hosts,
      hdfsConf: "<configuration/>",
    });
  const efloResource = (endpoint: string) =>
    add("alicloud:eflo/resource:Resource", "lingjun", {
      clusterName: "training",
      clusterId: "cluster-1",
      clusterDesc: "training cluster",
      machineTypes: {
        type: "Private",
        cpuInfo: "2x Intel",
        memoryInfo: "1TB",
        gpuInfo: "8x",
        bondNum: 5,
      },
      userAccessParam: { accessId: "id", accessKey: "key", workspaceId: "ws-1", endpoint },
    });
  const hpc = (props: Props) =>
    add("alicloud:ehpc/cluster:Cluster", "hpc", {
      clusterName: "solver",
      deployMode: "Simple",
      osTag: "CentOS_7.6_64",
      vswitchId: "vsw-records",
      computeCount: 1,
      computeInstanceType: "ecs.c7.large",
      managerInstanceType: "ecs.c7.large",
      loginInstanceType: "ecs.c7.large",
      ...props,
    });
  const mesh = (loadBalancer: Props) =>
    add("alicloud:servicemesh/serviceMesh:ServiceMesh", "mesh", {
      serviceMeshName: "orders",
      edition: "Default",
      network: { vpcId: "vpc-records", vswitcheList: "vsw-records" },
      loadBalancer,
    });
  const stream = (sink: Props) =>
    add("alicloud:eventbridge/eventStreaming:EventStreaming", "stream", {
      eventStreamingName: "orders",
      filterPattern: "{}",
      source: JSON.stringify({
        SourceMNSParameters: { RegionId: "cn-shanghai", QueueName: "intake" },
      }),
      sink: JSON.stringify(sink),
    });
  const remoteWrite = (url: string) =>
    add("alicloud:arms/remoteWrite:RemoteWrite", "remote-write", {
      clusterId: "prom-1",
      remoteWriteYaml: `remote_write:\n- name: sink\n  url: ${url}\n  basic_auth: {username: metrics, password: secret}\n`,
    });
  const caster = (props: Props) =>
    add("alicloud:live/caster:Caster", "studio", {
      casterName: "launch",
      normType: "1",
      chargeType: "PostPaid",
      domainName: "live.example.cn",
      ...props,
    });

  // Found by the media bench: narrowing the client networks to an office's public range failed
  // as public exposure, while desktops open to clients from anywhere passed. The client access
  // rules only narrow who of the directory's users may connect; they open nothing.
  test("cloud desktops' client access rules open nothing, whatever networks they admit", async () => {
    for (const cidrIp of ["203.0.113.0/24", "0.0.0.0/0"]) {
      const bad = desktops({ authorizeAccessPolicyRules: [{ cidrIp, description: "office" }] });
      expect(summary(await pack.checkAround(happy, bad(happy), cn))).toEqual([]);
    }
  });

  runCases(pack, () => happy, cn, [
    {
      name: "an EMR cluster gives its master node a public IP",
      bad: emr({ isOpenPublicIp: true }),
      expected: [["public-exposure", "emr", "mandatory", ["the internet", 'emr cluster "emr"']]],
      twinName: "the master node has no public IP",
      twin: emr({ isOpenPublicIp: false }),
    },
    {
      name: "an EMR cluster keeps its metastore in a database outside the cloud",
      bad: emr({
        metaStoreType: "user_rds",
        metaStoreConf: {
          dbUrl: "jdbc:mysql://metastore.example.com:3306/hive",
          dbUserName: "hive",
          dbPassword: "secret",
        },
      }),
      expected: [
        [
          "log-shipping",
          "emr",
          "mandatory",
          [
            shanghai,
            'emr cluster "emr"',
            '"jdbc:mysql://metastore.example.com:3306/hive" (cannot be placed)',
          ],
        ],
      ],
      twinName: "its metastore is a database of the program, known only after deployment",
      twin: pipe(
        add(
          "alicloud:rds/instance:Instance",
          "metastore",
          { engine: "MySQL", securityIps: ["10.20.0.0/16"], encryptionKey: "key-id" },
          { dependsOn: { encryptionKey: ["key"] } },
        ),
        emr({
          metaStoreType: "user_rds",
          metaStoreConf: { dbUrl: unknown, dbUserName: "hive", dbPassword: "secret" },
        }),
        (plan) => withDependencies(plan, "emr", { metaStoreConf: ["metastore"] }),
      ),
    },
    {
      name: "a service mesh exposes its API server and Pilot on public addresses",
      bad: mesh({ apiServerPublicEip: true, pilotPublicEipId: "eip-pilot" }),
      expected: [
        // One finding each: the API server's public IP and the EIP bound to Pilot.
        [
          "public-exposure",
          "mesh",
          "mandatory",
          ["the internet", 'servicemesh service mesh "mesh"'],
        ],
        [
          "public-exposure",
          "mesh",
          "mandatory",
          ["the internet", 'servicemesh service mesh "mesh"'],
        ],
      ],
      twinName: "its control plane has no public address",
      twin: mesh({ apiServerPublicEip: false, pilotPublicEip: false }),
    },
    {
      name: "an SMB ACL admits anonymous clients to the file system",
      bad: add("alicloud:nas/smbAclAttachment:SmbAclAttachment", "smb", {
        fileSystemId: "31a8e4****",
        keytab: "keytab",
        keytabMd5: "md5",
        enableAnonymousAccess: true,
      }),
      expected: [
        ["public-exposure", "smb", "mandatory", ["the internet", 'nas smb acl attachment "smb"']],
      ],
      twinName: "anonymous access is off",
      twin: add("alicloud:nas/smbAclAttachment:SmbAclAttachment", "smb", {
        fileSystemId: "31a8e4****",
        keytab: "keytab",
        keytabMd5: "md5",
        enableAnonymousAccess: false,
      }),
    },
    {
      name: "a MaxCompute project whitelists every address",
      bad: project({ ipWhiteList: { ipList: "10.0.0.0/8,0.0.0.0/0", vpcIpList: "10.20.0.0/16" } }),
      expected: [
        [
          "public-exposure",
          "warehouse",
          "mandatory",
          ["the internet", 'maxcompute project "warehouse"'],
        ],
      ],
      twinName: "it whitelists only private ranges",
      twin: project({ ipWhiteList: { ipList: "10.0.0.0/8", vpcIpList: "10.20.0.0/16" } }),
    },
    {
      name: "a protected MaxCompute project's exception policy lets anyone read a table",
      bad: project({
        securityProperties: {
          projectProtection: { protected: true, exceptionPolicy: exceptionPolicy("*") },
        },
      }),
      expected: [
        [
          "public-exposure",
          "warehouse",
          "mandatory",
          ["the internet", 'maxcompute project "warehouse"'],
        ],
      ],
      twinName: "the exception names one RAM user of the account",
      twin: project({
        securityProperties: {
          projectProtection: {
            protected: true,
            exceptionPolicy: exceptionPolicy("RAM$analytics:etl"),
          },
        },
      }),
    },
    {
      name: "cloud desktops' security rules accept inbound traffic from every address",
      bad: desktops({
        authorizeSecurityPolicyRules: [
          {
            type: "inflow",
            policy: "accept",
            cidrIp: "0.0.0.0/0",
            ipProtocol: "TCP",
            portRange: "3389/3389",
            priority: "1",
          },
        ],
      }),
      expected: [
        [
          "public-exposure",
          "desktops",
          "mandatory",
          ["the internet", 'eds ecd policy group "desktops"'],
        ],
      ],
      twinName: "the rule is outbound, or drops",
      twin: desktops({
        authorizeSecurityPolicyRules: [
          {
            type: "outflow",
            policy: "accept",
            cidrIp: "0.0.0.0/0",
            ipProtocol: "TCP",
            portRange: "443/443",
            priority: "1",
          },
          {
            type: "inflow",
            policy: "drop",
            cidrIp: "0.0.0.0/0",
            ipProtocol: "TCP",
            portRange: "3389/3389",
            priority: "2",
          },
        ],
      }),
    },
    {
      name: "a serverless application ships its logs to Kafka servers on public addresses",
      bad: app({
        kafkaConfigs: {
          kafkaInstanceId: "alikafka-1",
          kafkaEndpoint: "10.20.1.5:9092,198.51.100.7:9092",
        },
      }),
      expected: [
        [
          "log-shipping",
          "app",
          "mandatory",
          [shanghai, 'sae application "app"', '"198.51.100.7" (cannot be placed)'],
        ],
      ],
      twinName: "the Kafka servers are on private addresses",
      twin: app({
        kafkaConfigs: {
          kafkaInstanceId: "alikafka-1",
          kafkaEndpoint: "10.20.1.5:9092,10.20.1.6:9092",
        },
      }),
    },
    {
      name: "a serverless application mounts a bucket the program does not create",
      bad: app({
        ossMountDescsV2s: [{ bucketName: "elsewhere", bucketPath: "/", mountPath: "/data" }],
      }),
      expected: [
        [
          "named-destinations",
          "app",
          "mandatory",
          [shanghai, 'sae application "app"', '"elsewhere" (cannot be placed)'],
        ],
      ],
      twinName: "it mounts the program's bucket",
      twin: app({
        ossMountDescsV2s: [{ bucketName: "sdc-telemetry", bucketPath: "/", mountPath: "/data" }],
      }),
    },
    {
      name: "a serverless application aliases a host name to a public address",
      bad: app({ customHostAliasV2s: [{ hostName: "db.internal", ip: "198.51.100.9" }] }),
      expected: [
        [
          "log-shipping",
          "app",
          "mandatory",
          [shanghai, 'sae application "app"', '"198.51.100.9" (cannot be placed)'],
        ],
      ],
      twinName: "the alias points to a private address",
      twin: app({ customHostAliasV2s: [{ hostName: "db.internal", ip: "10.20.1.9" }] }),
    },
    {
      // Its row reads the host aliases with a reader of its own; the other places it names are
      // still arn-locality's.
      name: "a serverless application pulls its image from a registry in Singapore",
      bad: app({ imageUrl: "registry.ap-southeast-1.aliyuncs.com/orders/api:1" }),
      expected: [
        [
          "arn-locality",
          "app",
          "mandatory",
          [
            'sae application "app"',
            "registry.ap-southeast-1.aliyuncs.com in ap-southeast-1 (outside CN, in SG)",
          ],
        ],
      ],
      twinName: "the image comes from the Shanghai registry",
      twin: app({ imageUrl: "registry.cn-shanghai.aliyuncs.com/orders/api:1" }),
    },
    {
      name: "a serverless application's older alias list maps a name to a public address",
      bad: app({
        customHostAlias: JSON.stringify([{ hostName: "db.internal", ip: "198.51.100.9" }]),
      }),
      expected: [
        [
          "log-shipping",
          "app",
          "mandatory",
          [
            shanghai,
            'sae application "app"',
            '"198.51.100.9" (not a private address, which cannot be placed)',
          ],
        ],
      ],
      twinName: "its aliases point to private addresses",
      twin: app({
        customHostAlias: JSON.stringify([{ hostName: "db.internal", ip: "10.20.1.9" }]),
      }),
    },
    {
      name: "a CDN domain's conditional origin is a host outside the cloud",
      bad: cdnConfig("cdn", "advanced_origin", {
        variable_type: "uri",
        variable: "uri",
        conditions: "==",
        value: "/image",
        origin: "origin.example.com",
      }),
      expected: [
        [
          "log-shipping",
          "edge",
          "mandatory",
          [shanghai, 'cdn domain config "edge"', '"origin.example.com" (cannot be placed)'],
        ],
      ],
      twinName: "the conditional origin is an OSS bucket of the region",
      twin: cdnConfig("cdn", "advanced_origin", {
        variable_type: "uri",
        variable: "uri",
        conditions: "==",
        value: "/image",
        origin: "media.oss-cn-shanghai.aliyuncs.com",
      }),
    },
    {
      name: "a DCDN domain sends every request to a remote authentication server abroad",
      bad: cdnConfig("dcdn", "cdn_remote_auth", {
        enable: "on",
        remote_auth_addr: "https://auth.example.com/check",
        remote_auth_method: "get",
      }),
      expected: [
        [
          "log-shipping",
          "edge",
          "mandatory",
          [
            shanghai,
            'dcdn domain config "edge"',
            '"https://auth.example.com/check" (cannot be placed)',
          ],
        ],
      ],
      twinName: "remote authentication is off",
      twin: cdnConfig("dcdn", "cdn_remote_auth", {
        enable: "off",
        remote_auth_addr: "https://auth.example.com/check",
        remote_auth_method: "get",
      }),
    },
    {
      name: "a secure CDN domain's origin bucket is in Hong Kong",
      bad: cdnConfig("scdn", "oss_auth", {
        oss_bucket_id: "media.oss-cn-hongkong.aliyuncs.com",
      }),
      expected: [
        [
          "log-shipping",
          "edge",
          "mandatory",
          [
            shanghai,
            'scdn domain config "edge"',
            "media.oss-cn-hongkong.aliyuncs.com (outside CN, in HK)",
          ],
        ],
      ],
      twinName: "its origin bucket is in Shanghai",
      twin: cdnConfig("scdn", "oss_auth", {
        oss_bucket_id: "media.oss-cn-shanghai.aliyuncs.com",
      }),
    },
    {
      name: "a CDN origin group holds a public address",
      bad: cdnConfig("cdn", "source_group", {
        source_group_name: "origins",
        source_info: "10.20.1.5_10_33_80,198.51.100.20_10_67_80",
      }),
      expected: [
        [
          "log-shipping",
          "edge",
          "mandatory",
          [
            shanghai,
            'cdn domain config "edge"',
            '"198.51.100.20" (not a private address, which cannot be placed)',
          ],
        ],
      ],
      twinName: "the origin group holds private addresses and a regional bucket",
      twin: cdnConfig("cdn", "source_group", {
        source_group_name: "origins",
        source_info: "10.20.1.5_10_33_80,media.oss-cn-shanghai.aliyuncs.com_20_67_443",
      }),
    },
    {
      name: "a CDN domain resolves its conditional origin through a host outside the cloud",
      bad: cdnConfig("cdn", "origin_dns_host", { ali_origin_dns_host: "origin.example.com" }),
      expected: [
        [
          "log-shipping",
          "edge",
          "mandatory",
          [shanghai, 'cdn domain config "edge"', '"origin.example.com" (cannot be placed)'],
        ],
      ],
      twinName: "the host is only the origin Host header",
      twin: cdnConfig("cdn", "set_req_host_header", { domain_name: "origin.example.com" }),
    },
    {
      name: "an AnalyticDB instance reads a Hadoop cluster on a public address",
      bad: hadoop("10.20.1.11 emr-header-1\n198.51.100.12 emr-worker-1 # rented"),
      expected: [
        [
          "log-shipping",
          "hadoop",
          "mandatory",
          [
            shanghai,
            'gpdb hadoop data source "hadoop"',
            '"198.51.100.12" (not a private address, which cannot be placed)',
          ],
        ],
      ],
      twinName: "every Hadoop host is on a private address",
      twin: hadoop("# cluster\n10.20.1.11 emr-header-1\n10.20.1.12 emr-worker-1"),
    },
    {
      name: "a PolarDB DynamoDB-compatible item is written through a literal endpoint",
      bad: add("alicloud:polardb/dynamoItem:DynamoItem", "item", {
        dbClusterId: "pc-records",
        endpoint: "http://pe-records.pg.polardb.rds.aliyuncs.com:5432",
        tableName: "orders",
        hashKey: "pk",
        item: JSON.stringify({ pk: { S: "1" } }),
      }),
      expected: [
        [
          "log-shipping",
          "item",
          "mandatory",
          [
            shanghai,
            'polardb dynamo item "item"',
            '"http://pe-records.pg.polardb.rds.aliyuncs.com:5432" (cannot be placed)',
          ],
        ],
      ],
      twinName: "its endpoint is the connection string of a cluster of the program",
      twin: pipe(
        onStoreKey(
          add("alicloud:polardb/cluster:Cluster", "records", {
            dbType: "PostgreSQL",
            dbVersion: "14",
            dbNodeClass: "polar.pg.x4.medium",
          }),
        ),
        add(
          "alicloud:polardb/dynamoItem:DynamoItem",
          "item",
          {
            dbClusterId: "pc-records",
            endpoint: unknown,
            tableName: "orders",
            hashKey: "pk",
            item: JSON.stringify({ pk: { S: "1" } }),
          },
          { dependsOn: { endpoint: ["records"] } },
        ),
      ),
    },
    {
      name: "a Lingjun resource hands its access key to an endpoint outside the cloud",
      bad: efloResource("https://cnp.example.com"),
      expected: [
        [
          "log-shipping",
          "lingjun",
          "mandatory",
          [shanghai, 'eflo resource "lingjun"', '"https://cnp.example.com" (cannot be placed)'],
        ],
      ],
      twinName: "the endpoint is the service's regional endpoint",
      twin: efloResource("https://eflo-cnp.cn-shanghai.aliyuncs.com"),
    },
    {
      name: "an HPC cluster signs users in against an on-premises LDAP domain",
      bad: hpc({ accountType: "ldap", domain: "corp.example.com" }),
      expected: [
        [
          "log-shipping",
          "hpc",
          "mandatory",
          [shanghai, 'ehpc cluster "hpc"', '"corp.example.com" (cannot be placed)'],
        ],
      ],
      twinName: "it keeps its own user directory",
      twin: hpc({ accountType: "nis", domain: "corp.example.com" }),
    },
    {
      name: "an event stream delivers events to an HTTPS endpoint",
      bad: stream({
        SinkHttpsParameters: {
          URL: { Value: "https://hooks.example.com/events", Form: "CONSTANT" },
          Method: "POST",
          Body: { Value: "$.data", Form: "JSONPATH" },
        },
      }),
      expected: [
        [
          "log-shipping",
          "stream",
          "mandatory",
          [
            shanghai,
            'eventbridge event streaming "stream"',
            "a SinkHttpsParameters sink (a target the pack cannot place)",
          ],
        ],
      ],
      twinName: "it delivers them to an MNS queue of its region",
      twin: stream({
        SinkMNSParameters: {
          QueueName: { Value: "orders", Form: "CONSTANT" },
          Body: { Value: "$.data", Form: "JSONPATH" },
        },
      }),
    },
    // An API destination sink POSTs every event to the URL the destination holds, as a rule's
    // API destination target does; one the program does not create was passed as regional.
    {
      name: "an event stream delivers events to an API destination the program does not create",
      bad: stream({
        SinkApiDestinationParameters: {
          Name: "partner-sink",
          Body: { Value: "$.data", Form: "JSONPATH" },
        },
      }),
      expected: [
        [
          "named-destinations",
          "stream",
          "mandatory",
          [shanghai, 'eventbridge event streaming "stream"', '"partner-sink" (cannot be placed)'],
        ],
      ],
      twinName: "the API destination is the program's own, posting to an address of the VPC",
      twin: pipe(
        add("alicloud:eventbridge/apiDestination:ApiDestination", "partner-sink", {
          apiDestinationName: "partner-sink",
          connectionName: "partner",
          httpApiParameters: { endpoint: "http://10.20.1.5:8080/orders", method: "POST" },
        }),
        stream({
          SinkApiDestinationParameters: {
            Name: "partner-sink",
            Body: { Value: "$.data", Form: "JSONPATH" },
          },
        }),
      ),
    },
    {
      name: "a Prometheus instance remote-writes to a public address",
      bad: remoteWrite("http://198.51.100.50:8080/prometheus/api/v3/write"),
      expected: [
        [
          "log-shipping",
          "remote-write",
          "mandatory",
          [
            shanghai,
            'arms remote write "remote-write"',
            '"http://198.51.100.50:8080/prometheus/api/v3/write" (not a private address, which cannot be placed)',
          ],
        ],
      ],
      twinName: "it writes to an intranet Prometheus endpoint of its region",
      twin: remoteWrite(
        "http://cn-shanghai-intranet.arms.aliyuncs.com/prometheus/a/b/api/v3/write",
      ),
    },
    {
      name: "a Prometheus instance remote-writes through OSS's transfer acceleration network",
      bad: remoteWrite("https://metrics.oss-accelerate.aliyuncs.com/api/v1/write"),
      expected: [
        [
          "log-shipping",
          "remote-write",
          "mandatory",
          [
            shanghai,
            'arms remote write "remote-write"',
            '"https://metrics.oss-accelerate.aliyuncs.com/api/v1/write" (the OSS transfer acceleration network, global, outside CN)',
          ],
        ],
      ],
      twinName: "it writes to the region's own OSS endpoint",
      twin: remoteWrite("https://metrics.oss-cn-shanghai-internal.aliyuncs.com/api/v1/write"),
    },
    {
      name: "a Prometheus remote write's configuration is not YAML the pack can read",
      bad: add("alicloud:arms/remoteWrite:RemoteWrite", "remote-write", {
        clusterId: "prom-1",
        remoteWriteYaml: "remote_write: [{name: sink, url: 'http://10.20.1.9/write'}",
      }),
      expected: [
        [
          "log-shipping",
          "remote-write",
          "mandatory",
          [
            shanghai,
            'arms remote write "remote-write"',
            "a document that is not YAML the pack can read",
          ],
        ],
      ],
      twinName: "the same target in flow style, well-formed",
      twin: add("alicloud:arms/remoteWrite:RemoteWrite", "remote-write", {
        clusterId: "prom-1",
        remoteWriteYaml: "remote_write: [{name: sink, url: 'http://10.20.1.9/write'}]",
      }),
    },
    {
      name: "a production studio pushes its output to another vendor's ingest",
      bad: caster({
        sideOutputUrl: "rtmp://ingest.example.com/live/launch",
        callbackUrl: "https://hooks.example.com/caster",
      }),
      expected: [
        [
          "log-shipping",
          "studio",
          "mandatory",
          [
            shanghai,
            'live caster "studio"',
            '"https://hooks.example.com/caster" (cannot be placed)',
          ],
        ],
        [
          "log-shipping",
          "studio",
          "mandatory",
          [
            shanghai,
            'live caster "studio"',
            '"rtmp://ingest.example.com/live/launch" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it only plays on its own domain, with a standby picture fetched from elsewhere",
      twin: caster({ urgentImageUrl: "https://img.example.com/standby.png" }),
    },
    // Found by the media bench: a MediaLive input's pull from a host abroad was judged, a
    // studio's standby stream from the same host passed.
    {
      name: "a production studio pulls its standby stream from a host it cannot place",
      bad: caster({ urgentLiveStreamUrl: "rtmp://origin.example.de/live/standby" }),
      expected: [
        [
          "log-shipping",
          "studio",
          "mandatory",
          [
            '"rtmp://origin.example.de/live/standby" (cannot be placed)',
            'live caster "studio"',
            shanghai,
          ],
        ],
      ],
      twinName: "it pulls it from the account's own live domain in Shanghai",
      twin: caster({
        urgentLiveStreamUrl: "rtmp://live-cn-shanghai.aliyuncs.com/live/standby",
      }),
    },
  ]);

  const own = "1234567890123456";
  const other = "9876543210987654";
  const grant = (label: string, account: string): Finding => [
    "cross-account-links",
    label.slice(label.indexOf('"') + 1, -1),
    "advisory",
    [shanghai, label, `account ${account} (not this stack's account ${own})`],
  ];
  const tenantRole = (accountId: string) =>
    add("alicloud:maxcompute/tenantRoleUserAttachment:TenantRoleUserAttachment", "tenant-role", {
      accountId,
      tenantRole: "admin",
    });
  const privateDns = (memberUid: number) =>
    add("alicloud:cloudfirewall/privateDns:PrivateDns", "firewall-dns", {
      accessInstanceName: "dns",
      firewallTypes: ["internet"],
      privateDnsType: "Custom",
      regionNo: "cn-shanghai",
      vpcId: "vpc-records",
      domainNameLists: ["records.internal"],
      memberUid,
    });

  runCasesInBothPostures(pack, () => happy, cn, [
    {
      name: "a MaxCompute tenant role goes to another primary account",
      bad: tenantRole(other),
      expected: [grant('maxcompute tenant role user attachment "tenant-role"', other)],
      twinName: "it goes to a RAM user of the tenant",
      twin: tenantRole("p4_200531704446555555"),
    },
    {
      name: "the firewall's private DNS inspects a VPC of another account",
      bad: privateDns(Number(other)),
      expected: [grant('cloudfirewall private dns "firewall-dns"', other)],
      twinName: "it inspects a VPC of the stack's own account",
      twin: privateDns(Number(own)),
    },
  ]);
});

describe("AnalyticDB remote data sources and DTS change-data consumers", () => {
  const shanghai = "cn-shanghai (inside CN)";
  const hongkong = "cn-hongkong (outside CN, in HK)";
  const remoteSource = (remoteDbInstanceId: string, opts = {}) =>
    add(
      "alicloud:gpdb/remoteAdbDataSource:RemoteAdbDataSource",
      "remote",
      {
        localDbInstanceId: "gp-local",
        localDatabase: "reports",
        remoteDbInstanceId,
        remoteDatabase: "orders",
        managerUserName: "manager",
        managerUserPassword: "manager-secret",
        userName: "reader",
        userPassword: "reader-secret",
        dataSourceName: "orders",
      },
      opts,
    );
  const warehouse = onStoreKey(
    add(
      "alicloud:gpdb/instance:Instance",
      "warehouse",
      {
        engine: "gpdb",
        engineVersion: "6.0",
        dbInstanceCategory: "HighAvailability",
        dbInstanceMode: "StorageElastic",
        instanceSpec: "2C16G",
        segNodeNum: 4,
        segStorageType: "cloud_essd",
        storageSize: 50,
        paymentType: "PayAsYouGo",
        vswitchId: "vsw-warehouse",
        vpcId: "vpc-warehouse",
        zoneId: "cn-beijing-h",
        ipWhitelists: [{ securityIpList: "10.20.0.0/16" }],
      },
      { provider: "beijing" },
    ),
  );
  const subscription = (props: Props) =>
    add("alicloud:dts/subscriptionJob:SubscriptionJob", "changes", {
      paymentType: "PayAsYouGo",
      sourceEndpointEngineName: "MySQL",
      sourceEndpointRegion: "cn-shanghai",
      sourceEndpointInstanceType: "RDS",
      sourceEndpointInstanceId: "rm-records",
      sourceEndpointUserName: "dts",
      sourceEndpointPassword: "dts-secret",
      dbList: JSON.stringify({ records: { name: "records", all: true } }),
      ...props,
    });
  const inVpc = {
    subscriptionInstanceNetworkType: "vpc",
    subscriptionInstanceVpcId: "vpc-records",
    subscriptionInstanceVswitchId: "vsw-records",
  };
  const consumers = (dtsInstanceId: string, opts = {}) =>
    add(
      "alicloud:dts/consumerChannel:ConsumerChannel",
      "consumers",
      {
        dtsInstanceId,
        consumerGroupName: "analytics",
        consumerGroupUserName: "analytics",
        consumerGroupPassword: "Analytics-secret1",
      },
      opts,
    );

  /** An RDS instance of the program in Beijing, sealed with the Beijing key. */
  const replicaDb = add(
    "alicloud:rds/instance:Instance",
    "replica-db",
    { engine: "MySQL", securityIps: ["10.20.0.0/16"], encryptionKey: "dr-key-id" },
    { provider: "beijing", dependsOn: { encryptionKey: ["dr-key"] } },
  );
  /** A migration job from the Shanghai database into the destination instance `to`. */
  const migration = (to: Props, opts = {}) =>
    add(
      "alicloud:dts/migrationJob:MigrationJob",
      "migration",
      {
        dtsInstanceId: "dts-migration",
        dtsJobName: "records",
        sourceEndpointInstanceType: "RDS",
        sourceEndpointInstanceId: "rm-records",
        sourceEndpointEngineName: "MySQL",
        sourceEndpointRegion: "cn-shanghai",
        destinationEndpointInstanceType: "RDS",
        destinationEndpointEngineName: "MySQL",
        dbList: JSON.stringify({ records: { name: "records", all: true } }),
        structureInitialization: true,
        dataInitialization: true,
        dataSynchronization: false,
        ...to,
      },
      opts,
    );

  runCases(pack, () => happy, cn, [
    {
      name: "a synchronization job writes into an instance the program does not create, naming no region",
      bad: set("sync", (p) => {
        p.destinationEndpointInstanceId = "rm-elsewhere";
        delete p.destinationEndpointRegion;
      }),
      expected: [
        [
          "named-destinations",
          "sync",
          "mandatory",
          [shanghai, 'dts synchronization job "sync"', '"rm-elsewhere" (cannot be placed)'],
        ],
      ],
      twinName: "it names the region of that instance, Beijing",
      twin: set("sync", (p) => {
        p.destinationEndpointInstanceId = "rm-elsewhere";
        p.destinationEndpointRegion = "cn-beijing";
      }),
    },
    {
      name: "a migration job writes into an instance the program does not create, naming no region",
      bad: migration({ destinationEndpointInstanceId: "rm-elsewhere" }),
      expected: [
        [
          "named-destinations",
          "migration",
          "mandatory",
          [shanghai, 'dts migration job "migration"', '"rm-elsewhere" (cannot be placed)'],
        ],
      ],
      twinName: "it writes into the program's Beijing instance, naming no region",
      twin: pipe(
        replicaDb,
        migration(
          { destinationEndpointInstanceId: "replica-db-id" },
          { dependsOn: { destinationEndpointInstanceId: ["replica-db"] } },
        ),
      ),
    },
    {
      name: "an AnalyticDB instance reads the tables of an instance the program does not create",
      bad: remoteSource("gp-abroad"),
      expected: [
        [
          "named-destinations",
          "remote",
          "mandatory",
          ['"gp-abroad" (cannot be placed)', 'gpdb remote adb data source "remote"', shanghai],
        ],
      ],
      twinName: "it reads the tables of a Beijing instance of the program",
      twin: pipe(
        warehouse,
        remoteSource("warehouse-id", { dependsOn: { remoteDbInstanceId: ["warehouse"] } }),
      ),
    },
    {
      // Under `pulumi preview` the instance has no ID yet, and neither has the account made on
      // it: the ID is read through the account, which names its instance.
      name: "it reads the tables of the instance an account of the program is on, in Hong Kong",
      bad: pipe(
        addProvider("alicloud", "hongkong", { region: "cn-hongkong" }),
        add(
          "alicloud:gpdb/instance:Instance",
          "abroad",
          { engine: "gpdb" },
          { provider: "hongkong" },
        ),
        add(
          "alicloud:gpdb/account:Account",
          "reader",
          { dbInstanceId: unknown, accountName: "reader", accountPassword: "Reader-secret1" },
          { provider: "hongkong", dependsOn: { dbInstanceId: ["abroad"] } },
        ),
        remoteSource(unknown as string, { dependsOn: { remoteDbInstanceId: ["reader"] } }),
      ),
      expected: [
        [
          "named-destinations",
          "remote",
          "mandatory",
          [
            'gpdb instance "abroad" in cn-hongkong (outside CN, in HK)',
            'gpdb remote adb data source "remote"',
            shanghai,
          ],
        ],
        ["resource-placement", "abroad", "mandatory", ['gpdb instance "abroad"', hongkong]],
        noCustomerKey("abroad", 'gpdb instance "abroad"'),
        ["resource-placement", "hongkong", "mandatory", ['alicloud provider "hongkong"', hongkong]],
        ["resource-placement", "reader", "mandatory", ['gpdb account "reader"', hongkong]],
      ],
      twinName: "the account is on the Beijing instance of the program",
      twin: pipe(
        warehouse,
        add(
          "alicloud:gpdb/account:Account",
          "reader",
          { dbInstanceId: unknown, accountName: "reader", accountPassword: "Reader-secret1" },
          { provider: "beijing", dependsOn: { dbInstanceId: ["warehouse"] } },
        ),
        remoteSource(unknown as string, { dependsOn: { remoteDbInstanceId: ["reader"] } }),
      ),
    },
    {
      name: "a change-data subscription serves its stream on the classic network",
      bad: subscription({ subscriptionInstanceNetworkType: "classic" }),
      expected: [
        [
          "data-transfer-jobs",
          "changes",
          "mandatory",
          [
            shanghai,
            'dts subscription job "changes"',
            "the classic network (outside the stack's VPCs)",
          ],
        ],
      ],
      twinName: "it serves the stream in a VPC",
      twin: subscription(inVpc),
    },
    {
      name: "a change-data subscription names no network type",
      bad: subscription({}),
      expected: [
        [
          "data-transfer-jobs",
          "changes",
          "mandatory",
          [shanghai, 'dts subscription job "changes"', "subscriptionInstanceNetworkType (not set)"],
        ],
      ],
      twinName: "it names the VPC network type",
      twin: subscription(inVpc),
    },
    {
      name: "a consumer group reads a change stream the program does not create",
      bad: consumers("dtsabroad01"),
      expected: [
        [
          "named-destinations",
          "consumers",
          "mandatory",
          ['"dtsabroad01" (cannot be placed)', 'dts consumer channel "consumers"', shanghai],
        ],
      ],
      twinName: "it reads the stream of the program's subscription, served in a VPC",
      twin: pipe(
        subscription(inVpc),
        consumers("dts-changes", { dependsOn: { dtsInstanceId: ["changes"] } }),
      ),
    },
  ]);

  test("the consumer group of a classic subscription leaves the finding to the subscription", async () => {
    const bad = pipe(
      subscription({ subscriptionInstanceNetworkType: "classic" }),
      consumers("dts-changes", { dependsOn: { dtsInstanceId: ["changes"] } }),
    );
    expect(summary(await pack.checkAround(happy, bad(happy), cn))).toEqual([
      'mandatory data-transfer-jobs changes: dts subscription job "changes" must keep data inside CN, but subscriptionInstanceNetworkType serves the change stream to consumers on the classic network (outside the stack\'s VPCs). Keep both ends of the job in regions inside the jurisdiction (and self-hosted endpoints on allowlisted addresses), and serve the change stream in a VPC of the stack (subscriptionInstanceNetworkType "vpc"), or remove the job.',
    ]);
  });

  test("the remote data source's finding names the instance it reads", async () => {
    expect(summary(await pack.checkAround(happy, remoteSource("gp-abroad")(happy), cn))).toEqual([
      'mandatory named-destinations remote: gpdb remote adb data source "remote" must take data only from places inside CN, but remoteDbInstanceId reads the tables of "gp-abroad", an AnalyticDB for PostgreSQL instance this program does not create, so its region cannot be checked. Read only AnalyticDB instances of this program in regions inside the jurisdiction, or remove the data source.',
    ]);
  });
});

describe("a destination OSS and Simple Log Service take only in the source's own region", () => {
  /** Access logs of bucket "sdc-telemetry" to `target`, through `provider` (the stack's by default). */
  const logging = (target: string, provider?: string) =>
    add(
      "alicloud:oss/bucketLogging:BucketLogging",
      "audit-logging",
      { bucket: "sdc-telemetry", targetBucket: target, targetPrefix: "audit/" },
      provider === undefined ? {} : { provider },
    );
  const on = (violations: Awaited<ReturnType<typeof pack.check>>) =>
    findings(violations).filter(
      ([policy, name]) => name === "audit-logging" && policy !== "resource-placement",
    );

  test("passes access logs to a bucket the program does not create: OSS takes only one of the source's region", async () => {
    expect(on(await pack.check(logging("external-logs")(happy), cn))).toEqual([]);
  });

  test("passes Simple Log Service's shipping to such a bucket, for the same reason", async () => {
    const plan = add("alicloud:log/ossShipper:OssShipper", "audit-logging", {
      projectName: "sdc-logs",
      logstoreName: "audit",
      shipperName: "audit",
      ossBucket: "external-archive",
      bufferInterval: 300,
      bufferSize: 256,
      compressType: "snappy",
      format: "json",
    })(happy);
    expect(on(await pack.check(plan, cn))).toEqual([]);
  });

  test("twin: created through a provider in Frankfurt, the logs go to a bucket there", async () => {
    const plan = pipe(
      addProvider("alicloud", "frankfurt", { region: "eu-central-1" }),
      logging("external-logs", "frankfurt"),
    )(happy);
    expect(
      on(await pack.check(plan, cn)).map(([policy, , level, path]) => [
        policy,
        level,
        path?.at(-1),
      ]),
    ).toContainEqual([
      "named-destinations",
      "mandatory",
      '"external-logs" in eu-central-1 (outside CN, in EU)',
    ]);
  });
});

describe("a log job writing into another account's project, by that account's role", () => {
  /** A log transformation "copy-out" whose sink writes with the role `role`. */
  const etl = (role: string) =>
    add("alicloud:log/etl:Etl", "copy-out", {
      etlName: "copy-out",
      project: "sdc-logs",
      displayName: "copy",
      logstore: "app",
      script: "e_set('k', 'v')",
      roleArn: "acs:ram::1234567890123456:role/aliyunlogetlrole",
      etlSinks: [
        {
          name: "target",
          endpoint: "cn-shanghai.log.aliyuncs.com",
          project: "partner-logs",
          logstore: "app",
          roleArn: role,
        },
      ],
    });
  /** Shipping of a Logstore to the bucket "partner-archive", written with the role `role`. */
  const shipper = (role: string) =>
    add("alicloud:log/ossShipper:OssShipper", "archive", {
      projectName: "sdc-logs",
      logstoreName: "app",
      shipperName: "archive",
      ossBucket: "partner-archive",
      bufferInterval: 300,
      bufferSize: 256,
      compressType: "snappy",
      format: "json",
      roleArn: role,
    });
  runCases(pack, () => happy, cn, [
    {
      name: "the sink's role is another account's, which owns the project it writes",
      bad: etl("acs:ram::9876543210987654:role/etl-writer"),
      expected: [
        [
          "log-shipping",
          "copy-out",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'log etl "copy-out"',
            "account 9876543210987654 (not this stack's account 1234567890123456)",
          ],
        ],
      ],
      twinName: "the sink writes with a role of the stack's own account",
      twin: etl("acs:ram::1234567890123456:role/etl-writer"),
    },
    {
      // OSS takes the shipping only into a bucket of the project's region, but the bucket is
      // still the role's account's.
      name: "shipping to OSS writes with another account's role, which owns the bucket",
      bad: shipper("acs:ram::9876543210987654:role/oss-writer"),
      expected: [
        [
          "log-shipping",
          "archive",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'log oss shipper "archive"',
            "account 9876543210987654 (not this stack's account 1234567890123456)",
          ],
        ],
      ],
      twinName: "it writes with a role of the stack's own account",
      twin: shipper("acs:ram::1234567890123456:role/oss-writer"),
    },
  ]);
});

test("a trail collecting every region's events is told to narrow its trailRegion, not to move its sink", async () => {
  const plan = set("trail", (p) => {
    p.trailRegion = "All";
  })(happy);
  const messages = summary(await pack.check(plan, cn)).filter((m) =>
    m.startsWith("mandatory log-shipping trail:"),
  );
  expect(messages.map((m) => m.slice(m.indexOf("). ") + 3))).toEqual([
    "Set trailRegion to the stack's region (or regions inside the jurisdiction), not All.",
  ]);
});
