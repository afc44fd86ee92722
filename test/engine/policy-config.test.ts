/** The pack config the CLI sends: stack settings under every policy, a --policy-config file on top. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  configurablePolicyNames,
  mergePolicyConfigFile,
  packConfigFor,
  settingsFromStackConfig,
} from "../../engine/check";
import { UsageError } from "../../engine/project";
import { policyNames } from "../../policy/policies";
import { residencyWaivers } from "../../policy/configuration";
import { decodeMessage } from "../../policy/framework";
import { stackSpecKeys } from "../../engine/config-keys";
import { specSchema } from "../../residency/spec-schema";

const egress = [{ cidr: "10.0.0.0/8", ports: [443], protocol: "tcp", reason: "in-VPC services" }];

function file(doc: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-policy-config-"));
  const f = path.join(dir, "policy-config.json");
  fs.writeFileSync(f, typeof doc === "string" ? doc : JSON.stringify(doc));
  return f;
}

describe("pack config", () => {
  const base = packConfigFor(
    settingsFromStackConfig({
      "sovereign-dc:jurisdiction": "CN",
      "sovereign-dc:egress": JSON.stringify(egress),
    }),
  );

  /** The policies whose findings keep data in place, as the README's levels section names them. */
  const hardening = ["customer-key-encryption", "cross-account-links"];

  it("repeats the stack's jurisdiction and allowlist under every policy, hardening advisory", () => {
    expect(Object.keys(base).sort()).toEqual([...policyNames].sort());
    for (const name of policyNames) {
      expect(base[name]).toEqual({
        jurisdiction: "CN",
        egressAllowlist: egress,
        waivers: [],
        ...(hardening.includes(name) ? { enforcementLevel: "advisory" } : {}),
      });
    }
  });

  it("repeats the Kubernetes clusters the stack declares under every policy", () => {
    const declared = [
      { context: "ack-prod", cloud: "alicloud", region: "cn-shanghai" },
      { context: "kubernetes-admin@shanghai-dc1", site: "shanghai-dc1", country: "CN" },
    ];
    const config = packConfigFor(
      settingsFromStackConfig({
        "sovereign-dc:jurisdiction": "CN",
        "sovereign-dc:clusters": JSON.stringify(declared),
      }),
    );
    for (const name of policyNames) {
      expect(config[name].clusters).toEqual(declared);
    }
  });

  it("keeps the hosts the stack places by name apart from the CIDR entries, and refuses a host among them", () => {
    const hosts = [{ host: "oapi.dingtalk.com", reason: "DingTalk robot" }];
    const config = packConfigFor(
      settingsFromStackConfig({
        "sovereign-dc:jurisdiction": "CN",
        "sovereign-dc:egress": JSON.stringify(egress),
        "sovereign-dc:egressHosts": JSON.stringify(hosts),
      }),
    );
    for (const name of policyNames) {
      expect(config[name]).toMatchObject({ egressAllowlist: egress, egressHosts: hosts });
    }
    expect(() =>
      settingsFromStackConfig({
        "sovereign-dc:jurisdiction": "CN",
        "sovereign-dc:egress": JSON.stringify([...egress, ...hosts]),
      }),
    ).toThrow(
      'sovereign-dc:egress[1].host: received "oapi.dingtalk.com"; expected a cidr entry { cidr, ports, protocol, reason }; a host goes under sovereign-dc:egressHosts as { host, reason }.',
    );
  });

  // Found by the old-against-new bench: any program's stack file took the whole internet as an
  // egress entry (the repository's own stack spec refused it), and an egress rule to it passed.
  it("refuses an egress entry wider than /8 in any program's stack file, naming each", () => {
    const entry = (cidr: string) => ({ cidr, ports: [443], protocol: "tcp", reason: "all" });
    expect(() =>
      settingsFromStackConfig({
        "sovereign-dc:jurisdiction": "US",
        "sovereign-dc:egress": JSON.stringify([
          entry("198.51.100.0/24"),
          entry("0.0.0.0/0"),
          entry("128.0.0.0/1"),
        ]),
      }),
    ).toThrow(
      'sovereign-dc:egress[1].cidr: received "0.0.0.0/0"; expected a bounded destination; 0.0.0.0/0 is the whole internet and cannot be allowlisted.',
    );
    expect(() =>
      settingsFromStackConfig({
        "sovereign-dc:jurisdiction": "US",
        "sovereign-dc:egress": JSON.stringify([entry("128.0.0.0/1")]),
      }),
    ).toThrow(
      'sovereign-dc:egress[0].cidr: received "128.0.0.0/1"; expected a bounded destination, a block of /8 or narrower',
    );
    // Twin: a /8 and narrower are taken.
    expect(
      settingsFromStackConfig({
        "sovereign-dc:jurisdiction": "US",
        "sovereign-dc:egress": JSON.stringify([entry("10.0.0.0/8"), entry("198.51.100.0/24")]),
      }).egressAllowlist,
    ).toHaveLength(2);
  });

  it("repeats the account the stack declares its own under every policy, and none when it declares none", () => {
    const config = packConfigFor(
      settingsFromStackConfig({
        "sovereign-dc:jurisdiction": "CN",
        "sovereign-dc:accountId": "210987654321",
      }),
    );
    for (const name of policyNames) {
      expect(config[name].accountIds).toEqual(["210987654321"]);
      expect(base[name]).not.toHaveProperty("accountIds");
    }
  });

  test.each([
    [
      "a stack's outputs given as one value",
      { "acme/network/prod": "10.20.0.0/16" },
      'sovereign-dc:stackOutputs.acme/network/prod: received "10.20.0.0/16"; expected an object of that stack\'s outputs, as pulumi stack output --json prints them.',
    ],
    [
      "a list instead of a map",
      [{ vpcCidr: "10.20.0.0/16" }],
      'sovereign-dc:stackOutputs: received [{"vpcCidr":"10.20.0.0/16"}]; expected a map from each referenced stack\'s name to its outputs, as pulumi stack output --json prints them.',
    ],
    [
      "a name that is no stack's",
      { "acme/network/prod/eu": {} },
      'sovereign-dc:stackOutputs.acme/network/prod/eu: received "acme/network/prod/eu"; expected a stack name: <stack>, <project>/<stack> or <org>/<project>/<stack>.',
    ],
  ])("rejects %s among the declared outputs of other stacks", (_what, value, message) => {
    expect(() =>
      settingsFromStackConfig({
        "sovereign-dc:jurisdiction": "CN",
        "sovereign-dc:stackOutputs": JSON.stringify(value),
      }),
    ).toThrow(`Invalid stack config: ${message}`);
  });

  // A misspelt key would leave its setting at the default: strict posture asked for as
  // `postur` judged the stack in standard, and a failing stack passed (found by a new user).
  test("rejects a key of the namespace it does not read, offering the key meant", () => {
    expect(() =>
      settingsFromStackConfig({
        "sovereign-dc:jurisdiction": "US",
        "sovereign-dc:postur": "strict",
        "sovereign-dc:cluster": "[]",
      }),
    ).toThrow(
      'Invalid stack config: sovereign-dc:cluster: received "[]"; expected a key the guard reads (did you mean sovereign-dc:clusters?): sovereign-dc:cloud, sovereign-dc:region, sovereign-dc:jurisdiction, sovereign-dc:accountId, sovereign-dc:stateBackend, sovereign-dc:network, sovereign-dc:buckets, sovereign-dc:egress, sovereign-dc:egressHosts, sovereign-dc:keys, sovereign-dc:posture, sovereign-dc:kubernetes, sovereign-dc:clusters, sovereign-dc:accountDiskEncryption, sovereign-dc:outposts, sovereign-dc:directConnectLocations, sovereign-dc:stackOutputs. sovereign-dc:postur: received "strict"; expected a key the guard reads (did you mean sovereign-dc:posture?)',
    );
    expect(() =>
      settingsFromStackConfig({ "sovereign-dc:jurisdicton": "US", "aws:region": "us-west-2" }),
    ).toThrow("did you mean sovereign-dc:jurisdiction?");
    // Keys of other namespaces are the providers' and the program's own.
    expect(
      settingsFromStackConfig({ "sovereign-dc:jurisdiction": "US", "acme:postur": "x" })
        .jurisdiction,
    ).toBe("US");
  });

  test("the keys it reads are the stack spec's and the declarations of any stack", () => {
    expect([...stackSpecKeys].sort()).toEqual(Object.keys(specSchema.shape).sort());
  });

  it("repeats the accounts' default disk encryption under every policy", () => {
    const declared = [
      {
        cloud: "aws",
        region: "us-west-2",
        key: "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        byDefault: true,
      },
      { cloud: "alicloud", region: "cn-shanghai", key: "key-shh64d2a2e6a1gqo7m", byDefault: false },
    ];
    const config = packConfigFor(
      settingsFromStackConfig({
        "sovereign-dc:jurisdiction": "US",
        "sovereign-dc:accountDiskEncryption": JSON.stringify([
          declared[0],
          { ...declared[1], byDefault: undefined },
        ]),
      }),
    );
    for (const name of policyNames) {
      expect(config[name].accountDiskEncryption).toEqual(declared);
      expect(base[name]).not.toHaveProperty("accountDiskEncryption");
    }
  });

  test.each([
    [
      "an AWS key named by its key ID",
      [{ cloud: "aws", region: "us-west-2", key: "1234abcd-12ab-34cd-56ef-1234567890ab" }],
      'sovereign-dc:accountDiskEncryption[0].key: received "1234abcd-12ab-34cd-56ef-1234567890ab"; expected the ARN of a KMS key or alias of that region (arn:<partition>:kms:<region>:<account>:key/<key-id>).',
    ],
    [
      "a default key of another region (an account's default key is one of its region)",
      [
        {
          cloud: "aws",
          region: "us-west-2",
          key: "arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        },
      ],
      'sovereign-dc:accountDiskEncryption[0].key: received "arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"; expected the ARN of a KMS key or alias of that region (arn:<partition>:kms:<region>:<account>:key/<key-id>).',
    ],
    [
      "an Alibaba Cloud key named by an AWS ARN",
      [{ cloud: "alicloud", region: "cn-shanghai", key: "arn:aws:kms:cn-shanghai:1:key/k" }],
      'sovereign-dc:accountDiskEncryption[0].key: received "arn:aws:kms:cn-shanghai:1:key/k"; expected a KMS key ID, or its ARN of that region (acs:kms:<region>:<uid>:key/<key-id>).',
    ],
    [
      "a region that is no region ID",
      [{ cloud: "aws", region: "oregon", key: "arn:aws:kms:us-west-2:111122223333:key/k" }],
      'sovereign-dc:accountDiskEncryption[0].region: received "oregon"; expected a region ID of aws, such as us-west-2.',
    ],
    [
      "a region declared twice",
      [
        { cloud: "alicloud", region: "cn-shanghai", key: "key-a" },
        { cloud: "alicloud", region: "cn-shanghai", key: "key-b", byDefault: true },
      ],
      'sovereign-dc:accountDiskEncryption[1].region: received "cn-shanghai"; expected each region of alicloud to be declared once (an account has one default key per region).',
    ],
    [
      "a setting it does not take",
      [{ cloud: "alicloud", region: "cn-shanghai", key: "key-a", enabled: true }],
      "sovereign-dc:accountDiskEncryption[0].enabled: received true; expected only cloud, region, key and byDefault.",
    ],
    [
      "one declaration instead of a list",
      { cloud: "alicloud", region: "cn-shanghai", key: "key-a" },
      'sovereign-dc:accountDiskEncryption: received {"cloud":"alicloud","region":"cn-shanghai","key":"key-a"}; expected a list of { cloud, region, key, byDefault }.',
    ],
  ])("rejects %s in the accounts' default disk encryption", (_what, value, message) => {
    expect(() =>
      settingsFromStackConfig({
        "sovereign-dc:jurisdiction": "US",
        "sovereign-dc:accountDiskEncryption": JSON.stringify(value),
      }),
    ).toThrow(`Invalid stack config: ${message}`);
  });

  it("repeats the Outposts the stack declares under every policy", () => {
    const declared = [
      { outpost: "op-0123456789abcdef0", country: "US" },
      { outpost: "op-0fedcba9876543210", country: "MX" },
    ];
    const config = packConfigFor(
      settingsFromStackConfig({
        "sovereign-dc:jurisdiction": "US",
        "sovereign-dc:outposts": JSON.stringify(declared),
      }),
    );
    for (const name of policyNames) {
      expect(config[name].outposts).toEqual(declared);
      expect(base[name]).not.toHaveProperty("outposts");
    }
  });

  test.each([
    [
      "an Outpost named by something other than its ID",
      [{ outpost: "factory-rack", country: "US" }],
      'sovereign-dc:outposts[0].outpost: received "factory-rack"; expected an Outpost ID (op- and 16 or 17 hexadecimal digits, such as op-0123456789abcdef0).',
    ],
    [
      "a country named by three letters",
      [{ outpost: "op-0123456789abcdef0", country: "USA" }],
      'sovereign-dc:outposts[0].country: received "USA"; expected the ISO 3166-1 alpha-2 code of the site\'s country, such as US.',
    ],
    [
      "a code no country has",
      [{ outpost: "op-0123456789abcdef0", country: "XX" }],
      'sovereign-dc:outposts[0].country: received "XX"; expected the ISO 3166-1 alpha-2 code of the site\'s country, such as US.',
    ],
    [
      "an Outpost declared twice",
      [
        { outpost: "op-0123456789abcdef0", country: "US" },
        { outpost: "op-0123456789abcdef0", country: "CA" },
      ],
      'sovereign-dc:outposts[1].outpost: received "op-0123456789abcdef0"; expected each Outpost to be declared once (it stands at one site).',
    ],
    [
      "a setting it does not take",
      [{ outpost: "op-0123456789abcdef0", country: "US", region: "us-east-1" }],
      'sovereign-dc:outposts[0].region: received "us-east-1"; expected only outpost and country.',
    ],
    [
      "one declaration instead of a list",
      { outpost: "op-0123456789abcdef0", country: "US" },
      'sovereign-dc:outposts: received {"outpost":"op-0123456789abcdef0","country":"US"}; expected a list of { outpost, country }.',
    ],
  ])("rejects %s among the Outposts", (_what, value, message) => {
    expect(() =>
      settingsFromStackConfig({
        "sovereign-dc:jurisdiction": "US",
        "sovereign-dc:outposts": JSON.stringify(value),
      }),
    ).toThrow(`Invalid stack config: ${message}`);
  });

  it("repeats the Direct Connect locations the stack declares under every policy", () => {
    const declared = [
      { location: "EqDC2", country: "US" },
      { location: "EqSe2-EQ", country: "US" },
    ];
    const config = packConfigFor(
      settingsFromStackConfig({
        "sovereign-dc:jurisdiction": "US",
        "sovereign-dc:directConnectLocations": JSON.stringify(declared),
      }),
    );
    for (const name of policyNames) {
      expect(config[name].directConnectLocations).toEqual(declared);
      expect(base[name]).not.toHaveProperty("directConnectLocations");
    }
  });

  test.each([
    [
      "a location named by a facility's name",
      [{ location: "Equinix DC2, Ashburn", country: "US" }],
      'sovereign-dc:directConnectLocations[0].location: received "Equinix DC2, Ashburn"; expected a Direct Connect location code, as the connection\'s location names it (letters, digits and hyphens, such as EqDC2).',
    ],
    [
      "a country named by its name",
      [{ location: "EqDC2", country: "United States" }],
      'sovereign-dc:directConnectLocations[0].country: received "United States"; expected the ISO 3166-1 alpha-2 code of the site\'s country, such as US.',
    ],
    [
      "a location declared twice",
      [
        { location: "EqFA5", country: "DE" },
        { location: "EqFA5", country: "US" },
      ],
      'sovereign-dc:directConnectLocations[1].location: received "EqFA5"; expected each location to be declared once (its facility stands in one country).',
    ],
    [
      "a setting it does not take",
      [{ location: "EqDC2", country: "US", region: "us-east-1" }],
      'sovereign-dc:directConnectLocations[0].region: received "us-east-1"; expected only location and country.',
    ],
  ])("rejects %s among the Direct Connect locations", (_what, value, message) => {
    expect(() =>
      settingsFromStackConfig({
        "sovereign-dc:jurisdiction": "US",
        "sovereign-dc:directConnectLocations": JSON.stringify(value),
      }),
    ).toThrow(`Invalid stack config: ${message}`);
  });

  it("rejects a malformed cluster declaration, naming the key, the value and what is allowed", () => {
    expect(() =>
      settingsFromStackConfig({
        "sovereign-dc:jurisdiction": "CN",
        "sovereign-dc:clusters": JSON.stringify([{ context: "ack-prod", cloud: "alicloud" }]),
      }),
    ).toThrow(
      "Invalid stack config: sovereign-dc:clusters[0].region: received nothing (the key is missing); expected a region ID of alicloud, such as cn-shanghai.",
    );
  });

  it("sets the hardening policies mandatory for a stack in strict posture, and only them", () => {
    const strict = packConfigFor(
      settingsFromStackConfig({
        "sovereign-dc:jurisdiction": "CN",
        "sovereign-dc:posture": "strict",
      }),
    );
    const levels = Object.fromEntries(
      Object.entries(strict)
        .filter(([, v]) => v.enforcementLevel !== undefined)
        .map(([k, v]) => [k, v.enforcementLevel]),
    );
    expect(levels).toEqual({
      "customer-key-encryption": "mandatory",
      "cross-account-links": "mandatory",
    });
  });

  test.each([["standard"], ["strict"]])("reads the posture %s from stack config", (posture) => {
    expect(
      settingsFromStackConfig({
        "sovereign-dc:jurisdiction": "CN",
        "sovereign-dc:posture": posture,
      }).posture,
    ).toBe(posture);
  });

  it("rejects any other posture, naming the key, the value and what is allowed", () => {
    const read = () =>
      settingsFromStackConfig({
        "sovereign-dc:jurisdiction": "CN",
        "sovereign-dc:posture": "Strict",
      });
    expect(read).toThrow(UsageError);
    expect(read).toThrow(
      'Invalid stack config: sovereign-dc:posture: received "Strict"; expected one of: standard, strict (strict also fails hardening findings that keep data in place).',
    );
  });

  it("keeps a hardening level when `all` sets the others, as CrossGuard lets a policy's own entry win", () => {
    const merged = mergePolicyConfigFile(base, file({ all: "mandatory" }));
    expect(merged["customer-key-encryption"].enforcementLevel).toBe("advisory");
    expect(merged["network-links"].enforcementLevel).toBe("mandatory");
    const raised = mergePolicyConfigFile(base, file({ "customer-key-encryption": "mandatory" }));
    expect(raised["customer-key-encryption"].enforcementLevel).toBe("mandatory");
  });

  it("lays a --policy-config file over it: `all` sets every level, a policy entry adds waivers", () => {
    const waiver = {
      policy: "public-exposure",
      resource: "status-page",
      reason: "public status page without personal data",
      expires: "2099-01-01",
    };
    const merged = mergePolicyConfigFile(
      base,
      file({
        all: "mandatory",
        "customer-key-encryption": "disabled",
        "public-exposure": { waivers: [waiver] },
      }),
    );
    expect(merged["public-exposure"]).toEqual({
      enforcementLevel: "mandatory",
      jurisdiction: "CN",
      egressAllowlist: egress,
      waivers: [waiver],
    });
    expect(merged["resource-placement"].enforcementLevel).toBe("mandatory");
    expect(merged["customer-key-encryption"].enforcementLevel).toBe("disabled");
    // residency-waivers judges every waiver, wherever it is written (a new user's expired waiver
    // under the policy it waived left the finding in place and said nothing).
    expect(merged["residency-waivers"].waivers).toEqual([waiver]);
  });

  it("has residency-waivers fail a waiver written under the policy it waives that has lapsed or gives no reason", () => {
    const lapsed = { policy: "public-exposure", resource: "a", reason: "r", expires: "2020-01-01" };
    const unexplained = { policy: "named-destinations", resource: "b", expires: "2099-01-01" };
    const merged = mergePolicyConfigFile(
      base,
      file({
        "public-exposure": { waivers: [lapsed] },
        "named-destinations": { waivers: [unexplained] },
      }),
    );
    const messages: string[] = [];
    const settings = merged["residency-waivers"] as unknown as Parameters<
      typeof residencyWaivers.validateStack
    >[0];
    residencyWaivers.validateStack(
      { resources: [], getConfig: () => settings } as never,
      (m: string) => messages.push(m),
    );
    expect(messages.map((m) => decodeMessage(m).message).sort()).toEqual([
      'Waiver of policy "named-destinations" for resource "b" must have a reason and an expiry in the future, but it has no reason. Renew it or remove it.',
      'Waiver of policy "public-exposure" for resource "a" must have a reason and an expiry in the future, but it expired on 2020-01-01. Renew it or remove it.',
    ]);
  });

  it("rejects an allowTypes entry that is no type token, which would accept nothing", () => {
    const f = file({
      "reviewed-resource-types": {
        allowTypes: ["kubernetes:example.com/v1:Cache", "example:Cache"],
      },
    });
    expect(() => mergePolicyConfigFile(base, f)).toThrow(
      `--policy-config ${f}: reviewed-resource-types.allowTypes[1] received "example:Cache", which is no resource type token <package>:<module>:<Type> (aws:s3/bucketV2:BucketV2, kubernetes:example.com/v1:Cache).`,
    );
  });

  it("rejects an unknown policy name, listing the known ones", () => {
    const f = file({ "no-such-policy": "mandatory" });
    expect(() => mergePolicyConfigFile(base, f)).toThrow(UsageError);
    expect(() => mergePolicyConfigFile(base, f)).toThrow(
      `--policy-config ${f}: received policy "no-such-policy"; known policies: ${configurablePolicyNames.join(", ")}.`,
    );
  });

  // Found by a compliance officer's reading: `{"all": "disabled"}` made a copy to Hong Kong
  // "SEALED", exit 0, with nothing on stderr, and the report's verdict said so too.
  it("refuses a level but mandatory for a policy that decides the verdict, by its own entry or by all", () => {
    const refused = (doc: Record<string, unknown>, received: string) => {
      const f = file(doc);
      expect(() => mergePolicyConfigFile(base, f)).toThrow(UsageError);
      expect(() => mergePolicyConfigFile(base, f)).toThrow(
        `--policy-config ${f}: ${received}. The policies other than hardening decide the verdict (their findings are paths out of the jurisdiction, or what keeps the pack from judging one) and take "mandatory" only: lowered or off, the stack would be called sealed over a path never judged. Waive one crossing your organisation has approved, under its policy, with its reason and expiry (the report lists it); the hardening policies customer-key-encryption and cross-account-links take any level.`,
      );
    };
    refused(
      { all: "disabled" },
      'all received "disabled", setting the 27 policies that decide the verdict',
    );
    refused(
      { all: "advisory", "storage-replication": "mandatory" },
      'all received "advisory", setting 26 of the 27 policies that decide the verdict',
    );
    refused(
      { "storage-replication": { enforcementLevel: "advisory" }, "network-links": "remediate" },
      'storage-replication received {"enforcementLevel":"advisory"}; network-links received "remediate"',
    );
    // Twins: the hardening policies take any level, and `all: mandatory` lowers nothing.
    for (const doc of [
      { "customer-key-encryption": "disabled", "cross-account-links": "advisory" },
      { all: "mandatory" },
      { "storage-replication": "mandatory" },
    ]) {
      expect(() => mergePolicyConfigFile(base, file(doc))).not.toThrow();
    }
  });

  it("validates each policy's settings against the schema the pack publishes, as the Pulumi CLI does", () => {
    const rejects = (doc: unknown, message: string) => {
      const f = file(doc);
      expect(() => mergePolicyConfigFile(base, f)).toThrow(UsageError);
      expect(() => mergePolicyConfigFile(base, f)).toThrow(`--policy-config ${f}: ${message}`);
    };
    rejects(
      { "resource-placement": { regionsInside: { "azure-native": "chinaeast2" } } },
      'resource-placement.regionsInside["azure-native"] received "chinaeast2", which must be array (regionsInside: Places of clouds',
    );
    rejects(
      { "reviewed-resource-types": { allowTypes: "command:local:Command" } },
      'reviewed-resource-types.allowTypes received "command:local:Command", which must be array (allowTypes: Type tokens accepted',
    );
    rejects(
      { "public-exposure": { waivers: [{ policy: "public-exposure", resource: 7 }] } },
      "public-exposure.waivers[0].resource received 7, which must be string",
    );
    rejects(
      { "network-links": { jurisdiction: "China" } },
      'network-links.jurisdiction received "China", which must be one of "CN", "US"',
    );
    // A waiver's field the schema does not know is refused, not dropped (approvedBy and
    // reference are its fields for who approved it and on what).
    rejects(
      {
        "public-exposure": {
          waivers: [
            {
              policy: "public-exposure",
              resource: "a",
              reason: "r",
              expires: "2099-01-01",
              ticket: "T-1",
            },
          ],
        },
      },
      'public-exposure.waivers[0].ticket is not a setting there (received "T-1"); it takes policy, resource, reason, expires, approvedBy, reference',
    );
    rejects(
      { "internet-egress": "warn" },
      `internet-egress.enforcementLevel received "warn"; CrossGuard's levels are advisory, mandatory, remediate, disabled.`,
    );
    // Found by a probe: an allowlist of the whole internet, which the stack spec refuses, was taken
    // from a policy config, and an egress rule to 0.0.0.0/0 passed as sealed.
    for (const cidr of ["0.0.0.0/0", "0.0.0.0/1", "128.0.0.0/7", "10.0.0.0"]) {
      rejects(
        { "internet-egress": { egressAllowlist: [{ cidr, ports: [443], reason: "all" }] } },
        `internet-egress.egressAllowlist[0].cidr received "${cidr}", which must be an IPv4 block of /8 or narrower: 0.0.0.0/0 is the whole internet, and a block wider than /8 a large part of it, so neither can be allowlisted`,
      );
    }
    // Twin: a /8 and narrower blocks are taken.
    expect(
      mergePolicyConfigFile(
        base,
        file({
          "internet-egress": {
            egressAllowlist: [
              { cidr: "10.0.0.0/8", reason: "private" },
              { cidr: "198.51.100.0/24", ports: [443], protocol: "tcp", reason: "partner" },
            ],
          },
        }),
      )["internet-egress"].egressAllowlist,
    ).toHaveLength(2);
  });

  it("takes a cluster declared at a site of the team's own, and refuses one with a region too", () => {
    const site = { context: "kubernetes-admin@shanghai-dc1", site: "shanghai-dc1", country: "CN" };
    const merged = mergePolicyConfigFile(
      base,
      file({ "kubernetes-cluster-placement": { clusters: [site] } }),
    );
    expect(merged["kubernetes-cluster-placement"].clusters).toEqual([site]);
    const f = file({
      "kubernetes-cluster-placement": { clusters: [{ ...site, region: "cn-shanghai" }] },
    });
    expect(() => mergePolicyConfigFile(base, f)).toThrow(UsageError);
  });

  it("rejects a setting the policy does not take, listing those it takes", () => {
    const f = file({ "reviewed-resource-types": { allowtypes: ["command:local:Command"] } });
    expect(() => mergePolicyConfigFile(base, f)).toThrow(
      `--policy-config ${f}: reviewed-resource-types.allowtypes is not a setting of reviewed-resource-types (received ["command:local:Command"]); it takes enforcementLevel, jurisdiction, egressAllowlist, egressHosts, accountIds, clusters, accountDiskEncryption, outposts, directConnectLocations, standInAccount, reportWaived, unknownAtPreview, waivers, allowTypes.`,
    );
  });

  it("names a setting an entry does not take", () => {
    const f = file({
      "customer-key-encryption": {
        accountDiskEncryption: [
          {
            cloud: "aws",
            region: "us-west-2",
            key: "arn:aws:kms:us-west-2:1:key/k",
            enabled: true,
          },
        ],
      },
    });
    expect(() => mergePolicyConfigFile(base, f)).toThrow(
      `--policy-config ${f}: customer-key-encryption.accountDiskEncryption[0].enabled is not a setting there (received true); it takes cloud, region, key, byDefault.`,
    );
  });

  it("lists every problem of a file at once", () => {
    const f = file({
      "reviewed-resource-types": { allowTypes: [1] },
      "resource-placement": { regionsInside: [] },
    });
    const lines = (() => {
      try {
        mergePolicyConfigFile(base, f);
        return [];
      } catch (e) {
        return (e as Error).message.split("\n");
      }
    })();
    expect(lines[0]).toBe(`--policy-config ${f}:`);
    expect(
      lines
        .slice(1)
        .map((l) => l.slice(0, l.indexOf(" (")))
        .sort(),
    ).toEqual([
      "  resource-placement.regionsInside received [], which must be object",
      "  reviewed-resource-types.allowTypes[0] received 1, which must be string",
    ]);
  });

  it("rejects a file that is not JSON", () => {
    const f = file("{ all: mandatory");
    expect(() => mergePolicyConfigFile(base, f)).toThrow(
      `--policy-config ${f}: cannot read it as JSON`,
    );
  });
});
