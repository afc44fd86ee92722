/**
 * The residency pack on Alibaba Cloud: a Shanghai happy path (test/fixtures/policy-alicloud)
 * that replicates, backs up, peers and syncs only to Beijing passes every policy; each test
 * mutates one resource to open a path out of mainland China and names the policy and resource
 * that must object — and, where the happy path does not already hold it, the in-jurisdiction
 * twin of the mutation that must pass.
 */
import type { Plan } from "../../engine/plan";
import {
  add,
  addProvider,
  around,
  fixturePlan,
  pipe,
  set,
  unknown,
  withDependencies,
  without,
} from "../helpers/policy-plan";
import { pairs, policyPack, runCases, shanghaiSettings, summary } from "../helpers/policy-session";

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

test("the happy path passes every policy", async () => {
  expect(summary(await pack.check(happy, cn))).toEqual([]);
});

test("a replication rule to Hong Kong names the path from the bucket to the far side", async () => {
  const bad = set("telemetry-replication", (p) => {
    (p.destination as Props).location = "oss-cn-hongkong";
  })(happy);
  const [v, ...rest] = await pack.check(bad, cn);
  expect(rest).toEqual([]);
  expect(v).toMatchObject({
    policy: "storage-replication",
    level: "mandatory",
    resourceType: "alicloud:oss/bucketReplication:BucketReplication",
    resourceName: "telemetry-replication",
    message:
      'oss bucket replication "telemetry-replication" must keep data inside CN, but destination.location replicates objects to oss-cn-hongkong (outside CN). Replicate to a bucket in a region inside the jurisdiction (e.g. another mainland region for CN), or remove the rule.',
    path: [
      'oss bucket "sdc-telemetry"',
      'oss bucket replication "telemetry-replication"',
      "oss-cn-hongkong (outside CN)",
    ],
  });
});

describe("placement", () => {
  runCases(pack, () => happy, cn, [
    {
      name: "a key is created through a provider pinned to Hong Kong",
      bad: hongKongKey,
      expected: [
        ["resource-placement", "hong-kong"],
        ["resource-placement", "hk-key"],
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
        ["resource-placement", "unpinned"],
        ["resource-placement", "loose-key"],
      ],
    },
    {
      name: "a provider sends OSS calls to the Hong Kong endpoint",
      bad: addProvider("alicloud", "beijing-oss", {
        region: "cn-beijing",
        endpoints: [{ oss: "oss-cn-hongkong.aliyuncs.com" }],
      }),
      expected: [["resource-placement", "beijing-oss"]],
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
      expected: [["global-services", "cdn"]],
    },
    {
      name: "OSS transfer acceleration is turned on",
      bad: add("alicloud:oss/bucketTransferAcceleration:BucketTransferAcceleration", "accelerate", {
        bucket: "sdc-telemetry",
        enabled: true,
      }),
      expected: [["global-services", "accelerate"]],
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
      expected: [["global-services", "anycast"]],
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
      expected: [["named-destinations", "telemetry-replication"]],
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
      expected: [["named-destinations", "telemetry-logging"]],
    },
    {
      name: "RDS copies backups to Hong Kong",
      bad: set("db-cross-backup", (p) => {
        p.crossBackupRegion = "cn-hongkong";
      }),
      expected: [["backup-copies", "db-cross-backup"]],
    },
    {
      name: "automatic snapshots are also copied to Singapore",
      bad: set("snapshots", (p) => {
        p.targetCopyRegions = ["cn-beijing", "ap-southeast-1"];
      }),
      expected: [["backup-copies", "snapshots"]],
    },
    {
      name: "PolarDB stores level-2 backups in Singapore",
      bad: add("alicloud:polardb/backupPolicy:BackupPolicy", "polar-backups", {
        dbClusterId: "pc-telemetry",
        dataLevel2BackupAnotherRegionRegion: "ap-southeast-1",
      }),
      expected: [["backup-copies", "polar-backups"]],
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
      expected: [["backup-copies", "image"]],
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
      expected: [["backup-copies", "hbr"]],
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
      expected: [["database-replicas", "ddr"]],
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
      expected: [["named-destinations", "cache"]],
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
      expected: [["data-transfer-jobs", "sync"]],
    },
    {
      name: "DTS reads a self-hosted database on a public address",
      bad: set("sync", (p) => {
        p.sourceEndpointInstanceType = "OTHER";
        p.sourceEndpointIp = "198.18.7.7";
      }),
      expected: [["data-transfer-jobs", "sync"]],
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
      expected: [["registry-replication", "images"]],
    },
    {
      name: "a KMS instance admits VPCs from Hong Kong",
      bad: add("alicloud:kms/instance:Instance", "kms", {
        vpcId: "vpc-telemetry",
        bindVpcs: [{ regionId: "cn-hongkong", vpcId: "vpc-abroad", vswitchId: "vsw-abroad" }],
      }),
      expected: [["key-and-secret-replicas", "kms"]],
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
      expected: [["log-shipping", "trail"]],
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
      expected: [["named-destinations", "flow-log"]],
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
      expected: [["network-links", "cen-vpc"]],
    },
    {
      name: "CEN bandwidth is bought between China and North America",
      bad: add("alicloud:cen/bandwidthPackage:BandwidthPackage", "cen-bandwidth", {
        geographicRegionAId: "China",
        geographicRegionBId: "North-America",
        bandwidth: 5,
      }),
      expected: [["network-links", "cen-bandwidth"]],
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
      expected: [["network-links", "router-peer"]],
    },
    {
      name: "the VPC peers with Hong Kong",
      bad: set("peer", (p) => {
        p.acceptingRegionId = "cn-hongkong";
      }),
      expected: [["network-links", "peer"]],
    },
    {
      name: "the VPC peers with another account's VPC",
      bad: set("peer", (p) => {
        p.acceptingAliUid = 9876543210987654;
      }),
      expected: [["network-links", "peer"]],
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
      expected: [["network-links", "router-if"]],
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
        ["remote-sites", "line"],
        ["remote-sites", "line"],
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
      expected: [["remote-sites", "office"]],
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
      expected: [["remote-sites", "forward"]],
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
});

describe("exposure and egress", () => {
  runCases(pack, () => happy, cn, [
    {
      name: "a bucket ACL is public-read",
      bad: set("telemetry-acl", (p) => {
        p.acl = "public-read";
      }),
      expected: [["public-exposure", "telemetry-acl"]],
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
      expected: [["public-exposure", "telemetry-policy"]],
    },
    {
      name: "the security group admits the whole internet",
      bad: set("ingress-vpc", (p) => {
        p.cidrIp = "0.0.0.0/0";
      }),
      expected: [["public-exposure", "ingress-vpc"]],
    },
    {
      name: "an RDS instance whitelists every address",
      bad: add(
        "alicloud:rds/instance:Instance",
        "db",
        { engine: "MySQL", securityIps: ["0.0.0.0/0"], encryptionKey: "key-id" },
        { dependsOn: { encryptionKey: ["key"] } },
      ),
      expected: [["public-exposure", "db"]],
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
      expected: [["public-exposure", "lb"]],
      twinName: "the load balancer is intranet-only",
      twin: add("alicloud:slb/loadBalancer:LoadBalancer", "lb", { addressType: "intranet" }),
    },
    {
      name: "an internet NAT gateway is added",
      bad: add("alicloud:vpc/natGateway:NatGateway", "nat", {
        vpcId: "vpc-telemetry",
        networkType: "internet",
      }),
      expected: [["internet-egress", "nat"]],
      twinName: "a VPC (intranet) NAT gateway is added",
      twin: add("alicloud:vpc/natGateway:NatGateway", "nat", {
        vpcId: "vpc-telemetry",
        networkType: "intranet",
      }),
    },
    {
      name: "an elastic IP is allocated",
      bad: add("alicloud:ecs/eipAddress:EipAddress", "eip", { bandwidth: "5" }),
      expected: [["internet-egress", "eip"]],
    },
    {
      name: "an instance gets a public IP",
      bad: add("alicloud:ecs/instance:Instance", "vm", {
        instanceType: "ecs.g7.large",
        internetMaxBandwidthOut: 10,
      }),
      expected: [["internet-egress", "vm"]],
      twinName: "the instance has no internet bandwidth",
      twin: add("alicloud:ecs/instance:Instance", "vm", {
        instanceType: "ecs.g7.large",
        internetMaxBandwidthOut: 0,
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
      expected: [["internet-egress", "default-route"]],
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
      expected: [["egress-rules", "egress-dns"]],
    },
    {
      name: "an allowlisted destination is opened on every port",
      bad: set("egress-dns", (p) => {
        p.portRange = "1/65535";
      }),
      expected: [["egress-rules", "egress-dns"]],
    },
    {
      name: "the network ACL's closing rule accepts instead of dropping",
      bad: set("acl", (p) => {
        (p.egressAclEntries as Props[])[2].policy = "accept";
      }),
      expected: [["egress-rules", "acl"]],
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
        ["resource-placement", "hong-kong"],
        ["resource-placement", "hk-key"],
        ["customer-key-encryption", "telemetry"],
      ],
    },
    {
      name: "a bucket has no server-side encryption",
      bad: (plan) => without(plan, "telemetry-encryption"),
      expected: [["customer-key-encryption", "telemetry"]],
    },
    {
      name: "a bucket is encrypted with the OSS-managed key",
      bad: set("telemetry-encryption", (p) => {
        p.sseAlgorithm = "AES256";
        delete p.kmsMasterKeyId;
      }),
      expected: [["customer-key-encryption", "telemetry"]],
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
      expected: [["key-and-secret-replicas", "logstore"]],
      twinName: "the logstore's key is in Shanghai",
      twin: add("alicloud:log/store:Store", "logstore", {
        projectName: "sdc-audit",
        encryptConf: {
          enable: true,
          encryptType: "default",
          userCmkInfo: { cmkKeyId: "k", arn: "acs:ram::1:role/r", regionId: "cn-shanghai" },
        },
      }),
    },
  ]);
});

describe("fail closed", () => {
  const near = (plan: Plan) => around(happy, plan);

  describe("values unknown at preview", () => {
    test("fails, as mandatory, when a region a flow names is not known", async () => {
      const bad = set("db-cross-backup", (p) => {
        p.crossBackupRegion = unknown;
      })(happy);
      const violations = await pack.check(near(bad), cn);
      expect(pairs(violations)).toEqual([["backup-copies", "db-cross-backup"]]);
      expect(violations[0].level).toBe("mandatory");
      expect(violations[0].message).toBe(
        'rds rds instance cross backup policy "db-cross-backup" must name a place the pack can check, but crossBackupRegion is not known until other resources exist, so whether it leaves CN cannot be decided at preview. Set it from a literal value or a resource of this program, or waive the finding after review.',
      );
    });

    test("fails when a provider's region is not known", async () => {
      const bad = addProvider("alicloud", "late", { region: unknown })(happy);
      expect(pairs(await pack.check(near(bad), cn))).toEqual([["resource-placement", "late"]]);
    });

    test("fails when an egress rule's destination is not known", async () => {
      const bad = set("egress-dns", (p) => {
        p.cidrIp = unknown;
      })(happy);
      const violations = await pack.check(near(bad), cn);
      expect(pairs(violations)).toEqual([["egress-rules", "egress-dns"]]);
      expect(violations[0].message).toContain("is not known at preview");
    });

    test("passes when a bucket's key is not known but computed from a key of the program", async () => {
      const twin = set("telemetry-encryption", (p) => {
        p.kmsMasterKeyId = unknown;
      })(happy);
      expect(summary(await pack.check(near(twin), cn))).toEqual([]);
    });

    test("fails when a bucket's key is not known and comes from no key of the program", async () => {
      const bad = withDependencies(
        set("telemetry-encryption", (p) => {
          p.kmsMasterKeyId = unknown;
        })(happy),
        "telemetry-encryption",
        { bucket: ["telemetry"] },
      );
      const violations = await pack.check(near(bad), cn);
      expect(pairs(violations)).toEqual([["customer-key-encryption", "telemetry"]]);
      expect(violations[0].message).toContain("cannot be decided at preview");
    });
  });

  describe("configuration and waivers", () => {
    const toHongKong = set("telemetry-replication", (p) => {
      (p.destination as Props).location = "oss-cn-hongkong";
    });

    test("a waiver with a reason and a future expiry suppresses the finding it names", async () => {
      const violations = await pack.check(near(toHongKong(happy)), {
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
      const violations = await pack.check(near(toHongKong(happy)), {
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
      expect(pairs(violations)).toEqual([
        ["residency-waivers", null],
        ["storage-replication", "telemetry-replication"],
      ]);
    });

    test("without a jurisdiction the pack fails the stack once instead of passing it", async () => {
      const violations = await pack.check(near(toHongKong(happy)), {});
      expect(pairs(violations)).toEqual([["residency-configured", null]]);
    });

    test("judges the same plan by the configured jurisdiction: Beijing is outside the US", async () => {
      const violations = await pack.check(happy, { jurisdiction: "US" });
      expect(
        violations.some((v) => v.policy === "resource-placement" && v.resourceName === "key"),
      ).toBe(true);
    });
  });
});
