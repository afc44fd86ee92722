/**
 * The residency pack on Alibaba Cloud: a Shanghai happy path (test/fixtures/policy-alicloud)
 * that replicates, backs up, peers and syncs only to Beijing passes every policy, the border
 * analysis included; each case mutates one resource to open a path out of mainland China and
 * names every finding that must follow — policy, resource, level and whole path — and its twin,
 * the same mutation inside the jurisdiction or with the fix applied, must leave the whole plan
 * without a finding.
 */
import type { Plan } from "../../engine/plan";
import {
  add,
  addProvider,
  fixturePlan,
  named,
  pipe,
  set,
  unknown,
  withDependencies,
  without,
} from "../helpers/policy-plan";
import {
  findings,
  policyPack,
  runCases,
  runCasesInBothPostures,
  shanghaiSettings,
  sorted,
  summary,
} from "../helpers/policy-session";

const cn = shanghaiSettings;

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
  // bucket, but the rule's location says Hong Kong: both name the far side, so storage-replication
  // reports the location and the border analysis has the path to it too.
  expect(findings(violations)).toEqual([
    [
      "no-path-out-of-jurisdiction",
      "telemetry",
      "mandatory",
      [
        'oss bucket "telemetry"',
        'replication "telemetry-replication"',
        "oss-cn-hongkong (outside CN, in HK)",
      ],
    ],
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
      'oss bucket replication "telemetry-replication" must keep data inside CN, but destination.location replicates objects to oss-cn-hongkong (outside CN, in HK). Replicate to a bucket in a region inside the jurisdiction (e.g. another mainland region for CN), or remove the rule.',
  });
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
  ]);
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
          ['cdn domain new "cdn"', "edge locations outside the jurisdiction"],
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
            "edge locations outside the jurisdiction",
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
          ['eipanycast anycast eip address "anycast"', "edge locations outside the jurisdiction"],
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
            'oss bucket "sdc-telemetry"',
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
      name: "access logs go to a bucket the program does not create",
      bad: (plan) =>
        withDependencies(
          set("telemetry-logging", (p) => {
            p.targetBucket = "external-logs";
          })(plan),
          "telemetry-logging",
          {},
        ),
      expected: [
        [
          "named-destinations",
          "telemetry-logging",
          "mandatory",
          [
            'oss bucket "sdc-telemetry"',
            'oss bucket logging "telemetry-logging"',
            '"external-logs" (cannot be placed)',
          ],
        ],
      ],
      twinName: "access logs go to the program's log bucket, named literally",
      twin: (plan) =>
        withDependencies(
          set("telemetry-logging", (p) => {
            p.targetBucket = "sdc-telemetry-logs";
          })(plan),
          "telemetry-logging",
          {},
        ),
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
      bad: add("alicloud:ecs/imageCopy:ImageCopy", "image", {
        sourceImageId: "m-telemetry",
        sourceRegionId: "cn-hongkong",
      }),
      expected: [
        [
          "backup-copies",
          "image",
          "mandatory",
          ["cn-hongkong (outside CN, in HK)", 'ecs image copy "image"', "cn-shanghai (inside CN)"],
        ],
      ],
      twinName: "the image is copied in from Hangzhou",
      twin: add("alicloud:ecs/imageCopy:ImageCopy", "image", {
        sourceImageId: "m-telemetry",
        sourceRegionId: "cn-hangzhou",
      }),
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
      bad: add("alicloud:kvstore/instance:Instance", "cache", {
        globalInstanceId: "gr-abroad",
        securityIps: ["10.20.0.0/16"],
      }),
      expected: [
        [
          "named-destinations",
          "cache",
          "mandatory",
          ["cn-shanghai (inside CN)", 'kvstore instance "cache"', '"gr-abroad" (cannot be placed)'],
        ],
      ],
      twinName: "it joins the global cache of a Tair instance of the program",
      twin: pipe(
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
  runCases(pack, () => happy, cn, [
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
  ]);
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
      name: "an instance gets a public IP",
      bad: add("alicloud:ecs/instance:Instance", "vm", {
        instanceType: "ecs.g7.large",
        internetMaxBandwidthOut: 10,
      }),
      expected: [
        ["internet-egress", "vm", "mandatory", ['ecs instance "vm"', "the internet (any country)"]],
      ],
      twinName: "the instance has no internet bandwidth",
      twin: add("alicloud:ecs/instance:Instance", "vm", {
        instanceType: "ecs.g7.large",
        internetMaxBandwidthOut: 0,
      }),
    },
    {
      name: "a launch template gives instances public IPs",
      bad: add("alicloud:ecs/launchTemplate:LaunchTemplate", "web-template", {
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
      twin: add("alicloud:ecs/launchTemplate:LaunchTemplate", "web-template", {
        imageId: "m-telemetry",
        instanceType: "ecs.g7.large",
        internetMaxBandwidthOut: 0,
      }),
    },
    {
      name: "an ECS launch template gives instances public IPs",
      bad: add("alicloud:ecs/ecsLaunchTemplate:EcsLaunchTemplate", "batch-template", {
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
      twin: add("alicloud:ecs/ecsLaunchTemplate:EcsLaunchTemplate", "batch-template", {
        imageId: "m-telemetry",
        instanceType: "ecs.g7.large",
        internetMaxBandwidthOut: 0,
      }),
    },
    {
      name: "a scaling configuration gives the instances it launches public IPs",
      bad: add("alicloud:ess/scalingConfiguration:ScalingConfiguration", "web-scaling", {
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
      twin: add("alicloud:ess/scalingConfiguration:ScalingConfiguration", "web-scaling", {
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
  const sealedAck = {
    clusterSpec: "ack.pro.small",
    workerVswitchIds: ["vsw-telemetry"],
    newNatGateway: false,
    slbInternetEnabled: false,
  };
  const ack = (change: (p: Props) => void = () => undefined) => {
    const inputs: Props = structuredClone(sealedAck);
    change(inputs);
    return add("alicloud:cs/managedKubernetes:ManagedKubernetes", "ack", inputs);
  };
  const pool = (inputs: Props) =>
    pipe(
      ack(),
      add(
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
      expected: [["public-exposure", "ack", "mandatory", ["the internet", 'ack cluster "ack"']]],
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
        ["public-exposure", "ack", "mandatory", ["the internet", 'ack cluster "ack"']],
      ],
      twinName: "both are false",
      twin: ack(),
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
      name: "a bucket has no server-side encryption",
      bad: (plan) => without(plan, "telemetry-encryption"),
      expected: [["customer-key-encryption", "telemetry", "advisory", null]],
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
      expected: [["customer-key-encryption", "telemetry", "advisory", null]],
      twinName: "it is encrypted with the program's key",
      twin: (plan) =>
        set("telemetry-encryption", (p) => {
          p.sseAlgorithm = "KMS";
          p.kmsMasterKeyId = named(plan, "key").id;
        })(plan),
    },
  ]);
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
          'rds instance cross backup policy "db-cross-backup" must name a place the pack can check, but crossBackupRegion is not known until other resources exist, so whether it leaves CN cannot be decided at preview. Set it from a literal value or a resource of this program, or waive the finding after review.',
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
