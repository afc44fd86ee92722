/**
 * The thirteen disagreements between the pack's two data-flow models (issue 11,
 * docs/design/one-flow-model-plan.md section 3), each input run through both: (a) every named
 * policy of the pack (`no-path-out-of-jurisdiction` left out: it is (b) reported) and (b) the
 * border analysis's paths. Every row pins what the two models answer TODAY, disagreement and all.
 * The step that settles a disagreement flips that describe's rows to the chosen semantics and
 * adds the twin that must pass; no other row may move.
 */
import type { Level } from "../../engine/analyzer";
import { messagesOf } from "../helpers/cluster-objects";
import type { EgressAllowEntry } from "../../policy/framework";
import {
  type OracleResource,
  type OracleSettings,
  runBorder,
  runBorderEdges,
  runNamed,
} from "../helpers/model-oracle";
import { sorted, type Finding } from "../helpers/policy-session";

const borderPolicy = "no-path-out-of-jurisdiction";

/** What both models answer: the named policies' findings and the border analysis's paths. */
function today(resources: readonly OracleResource[], settings: OracleSettings) {
  return {
    named: runNamed(resources, settings).filter(([policy]) => policy !== borderPolicy),
    border: runBorder(resources, settings),
  };
}

const mandatory = (policy: string, name: string, path: readonly string[] | null): Finding => [
  policy,
  name,
  "mandatory" satisfies Level,
  path,
];
/** The customer-key-encryption finding on a store with no customer-managed key (an OSS bucket unless said). */
const noCustomerKey = (name: string, kind = "oss bucket") =>
  mandatory("customer-key-encryption", name, [
    `${kind} ${JSON.stringify(name)}`,
    "no customer-managed key (unencrypted, or a key the provider holds)",
  ]);

const CN: OracleSettings = { jurisdiction: "CN" };
const US: OracleSettings = { jurisdiction: "US" };
const plantAllowlist: EgressAllowEntry[] = [
  { cidr: "203.0.113.0/24", ports: [500, 4500], protocol: "udp", reason: "plant" },
];

const shanghai: OracleResource = {
  type: "pulumi:providers:alicloud",
  name: "sh",
  props: { region: "cn-shanghai" },
};
const beijing: OracleResource = {
  type: "pulumi:providers:alicloud",
  name: "bj",
  props: { region: "cn-beijing" },
};
const hongKong: OracleResource = {
  type: "pulumi:providers:alicloud",
  name: "hk",
  props: { region: "cn-hongkong" },
};
const oregon: OracleResource = {
  type: "pulumi:providers:aws",
  name: "or",
  props: { region: "us-west-2", allowedAccountIds: ["111122223333"] },
};

const ali = (
  type: string,
  name: string,
  props: Record<string, unknown>,
  extra: Partial<OracleResource> = {},
): OracleResource => ({ type, name, props, provider: "sh", ...extra });
const aws = (
  type: string,
  name: string,
  props: Record<string, unknown>,
  extra: Partial<OracleResource> = {},
): OracleResource => ({ type, name, props, provider: "or", ...extra });

const ossBucket = (name: string, bucket: string, provider = "sh") =>
  ali("alicloud:oss/bucket:Bucket", name, { bucket }, { provider });
const onCore = { deps: { vpcId: ["core"] } };
const core = ali("alicloud:vpc/network:Network", "core", {});
const coreSwitch = ali("alicloud:vpc/switch:Switch", "core-a", { vpcId: "core-id" }, onCore);
const enterpriseGroup = ali(
  "alicloud:ecs/securityGroup:SecurityGroup",
  "sg",
  { vpcId: "core-id", securityGroupType: "enterprise" },
  onCore,
);
const egressRule = (name: string, cidrIp: string, ipProtocol: string, portRange: string) =>
  ali(
    "alicloud:ecs/securityGroupRule:SecurityGroupRule",
    name,
    { securityGroupId: "sg-id", type: "egress", cidrIp, policy: "accept", ipProtocol, portRange },
    { deps: { securityGroupId: ["sg"] } },
  );
const internetNat = ali(
  "alicloud:vpc/natGateway:NatGateway",
  "nat",
  { vpcId: "core-id", networkType: "internet" },
  onCore,
);
const publicInstance = ali(
  "alicloud:ecs/instance:Instance",
  "web",
  { vswitchId: "core-a-id", securityGroups: ["sg-id"], internetMaxBandwidthOut: 5 },
  { deps: { vswitchId: ["core-a"], securityGroups: ["sg"] } },
);
/** A Shanghai VPC and a bucket only it may read, so a path starts at data and enters the VPC. */
const pinnedNetwork: OracleResource[] = [
  core,
  coreSwitch,
  ossBucket("records", "r"),
  ali(
    "alicloud:oss/bucketPolicy:BucketPolicy",
    "records-policy",
    {
      bucket: "r",
      policy: {
        Statement: [
          {
            Effect: "Deny",
            Principal: ["*"],
            Condition: { StringNotEquals: { "acs:SourceVpc": ["core-id"] } },
          },
        ],
      },
    },
    { deps: { policy: ["core"] } },
  ),
];
const fromRecords = [
  'oss bucket "records"',
  'readable from "records-policy" (only from this network)',
  'vpc "core"',
];

describe("2C-2: an OSS replication rule's location, bucket and transfer type each name a far side (1, 2)", () => {
  const replication = (
    farProvider: OracleResource,
    destination: Record<string, unknown>,
  ): OracleResource[] => [
    shanghai,
    farProvider,
    ossBucket("telemetry", "t"),
    ossBucket("dr", "t-dr", farProvider.name),
    ali("alicloud:oss/bucketReplication:BucketReplication", "rep", {
      bucket: "t",
      action: "ALL",
      destination,
    }),
  ];
  const noKeys = [noCustomerKey("telemetry"), noCustomerKey("dr")];
  const accelerated = "OSS transfer acceleration network (global, outside CN)";
  const hongKongPlacement = [
    mandatory("resource-placement", "hk", [
      'alicloud provider "hk"',
      "cn-hongkong (outside CN, in HK)",
    ]),
    mandatory("resource-placement", "dr", ['oss bucket "dr"', "cn-hongkong (outside CN, in HK)"]),
  ];

  test.each(["oss_acc", "ossAcc"])(
    "1 transferType %s: storage-replication reports the acceleration network, and the path",
    (transferType) => {
      const resources = replication(beijing, {
        bucket: "t-dr",
        location: "oss-cn-beijing",
        transferType,
      });
      expect(today(resources, CN)).toEqual({
        named: sorted([
          mandatory("storage-replication", "rep", [
            'oss bucket "t"',
            'oss bucket replication "rep"',
            accelerated,
          ]),
          ...noKeys,
        ]),
        border: [['oss bucket "telemetry"', 'transfer acceleration "rep"', accelerated]],
      });
    },
  );

  // Found by an engineer adding a region: the fix said to replicate to a region inside, where
  // the destination already was.
  test("1 transferType oss_acc: the fix is the way, not the destination", () => {
    const resources = replication(beijing, {
      bucket: "t-dr",
      location: "oss-cn-beijing",
      transferType: "oss_acc",
    });
    expect(messagesOf("storage-replication", resources)).toEqual([
      expect.stringMatching(
        /Leave destination\.transferType unset or "internal", so replicas travel over Alibaba Cloud's internal network\.$/,
      ),
    ]);
  });

  test("a location written as the region's ID is no OSS location, and the finding says the form OSS takes", () => {
    const resources = replication(beijing, { bucket: "t-dr", location: "cn-beijing" });
    expect(messagesOf("storage-replication", resources)).toEqual([
      expect.stringContaining(
        '"cn-beijing", which is no OSS location: OSS names the region oss-cn-beijing, with the oss- prefix',
      ),
    ]);
  });

  test("1 twin transferType internal: nothing", () => {
    const resources = replication(beijing, {
      bucket: "t-dr",
      location: "oss-cn-beijing",
      transferType: "internal",
    });
    expect(today(resources, CN)).toEqual({ named: sorted(noKeys), border: [] });
  });

  test("2a location oss-cn-beijing, bucket of the stack in Hong Kong: named-destinations, and the path through the bucket", () => {
    const resources = replication(hongKong, { bucket: "t-dr", location: "oss-cn-beijing" });
    expect(today(resources, CN)).toEqual({
      named: sorted([
        mandatory("named-destinations", "rep", [
          'oss bucket "t"',
          'oss bucket replication "rep"',
          'oss bucket "dr" in cn-hongkong (outside CN, in HK)',
        ]),
        ...hongKongPlacement,
        ...noKeys,
      ]),
      border: [
        [
          'oss bucket "telemetry"',
          'replication "rep"',
          'oss bucket "dr"',
          "placed in",
          "cn-hongkong (outside CN, in HK)",
        ],
        ['oss bucket "dr"', "placed in", "cn-hongkong (outside CN, in HK)"],
      ],
    });
  });

  test("2b location oss-cn-hongkong, bucket of the stack in Beijing: storage-replication, and the path to the location", () => {
    const resources = replication(beijing, { bucket: "t-dr", location: "oss-cn-hongkong" });
    expect(today(resources, CN)).toEqual({
      named: sorted([
        mandatory("storage-replication", "rep", [
          'oss bucket "t"',
          'oss bucket replication "rep"',
          "oss-cn-hongkong (outside CN, in HK)",
        ]),
        ...noKeys,
      ]),
      border: [
        ['oss bucket "telemetry"', 'replication "rep"', "oss-cn-hongkong (outside CN, in HK)"],
      ],
    });
  });

  test("2 twin location oss-cn-beijing and the bucket of the stack in Beijing: nothing", () => {
    const resources = replication(beijing, { bucket: "t-dr", location: "oss-cn-beijing" });
    expect(today(resources, CN)).toEqual({ named: sorted(noKeys), border: [] });
  });

  test("2 twin a bucket the program does not create, placed by its known location: nothing", () => {
    const resources = replication(beijing, { bucket: "elsewhere", location: "oss-cn-beijing" });
    expect(today(resources, CN)).toEqual({ named: sorted(noKeys), border: [] });
  });
});

describe("2C-1: a database named by identifier lies in the stack or its own region; only a key in use is an edge (3, 5)", () => {
  const frankfurt: OracleResource = {
    type: "pulumi:providers:aws",
    name: "fra",
    props: { region: "eu-central-1", allowedAccountIds: ["111122223333"] },
  };
  const auroraFrom = (replicationSourceIdentifier: string, deps?: readonly string[]) =>
    aws(
      "aws:rds/cluster:Cluster",
      "aurora",
      { replicationSourceIdentifier },
      deps ? { deps: { replicationSourceIdentifier: deps } } : {},
    );
  const auroraEu = aws(
    "aws:rds/cluster:Cluster",
    "aurora-eu",
    { clusterIdentifier: "records" },
    { provider: "fra" },
  );
  const placedInFrankfurt = (label: string) => [
    label,
    "placed in",
    "eu-central-1 (outside US, in EU)",
  ];
  const frankfurtProvider = mandatory("resource-placement", "fra", [
    'aws provider "fra"',
    "eu-central-1 (outside US, in EU)",
  ]);

  test("3 replicationSourceIdentifier an ARN in Frankfurt: database-replicas from the far end, and the path", () => {
    const arn = "arn:aws:rds:eu-central-1:111122223333:cluster:records";
    expect(today([oregon, auroraFrom(arn)], US)).toEqual({
      named: sorted([
        mandatory("database-replicas", "aurora", [
          `${arn} (outside US, in EU)`,
          'rds cluster "aurora"',
          "us-west-2 (inside US)",
        ]),
        noCustomerKey("aurora", "rds cluster"),
      ]),
      border: [['rds cluster "aurora"', "replication", "eu-central-1 (outside US, in EU)"]],
    });
  });

  test("3 twin the identifier names no database of the stack: it lies in the cluster's own region, nothing", () => {
    expect(today([oregon, auroraFrom("records")], US)).toEqual({
      named: [noCustomerKey("aurora", "rds cluster")],
      border: [],
    });
  });

  test("3 identifier of a cluster of the stack in Frankfurt: database-replicas is silent, the path runs through it", () => {
    const expected = {
      named: sorted([
        frankfurtProvider,
        mandatory("resource-placement", "aurora-eu", [
          'rds cluster "aurora-eu"',
          "eu-central-1 (outside US, in EU)",
        ]),
        noCustomerKey("aurora", "rds cluster"),
        noCustomerKey("aurora-eu", "rds cluster"),
      ]),
      border: [
        placedInFrankfurt('rds cluster "aurora-eu"'),
        ['rds cluster "aurora"', "replication", ...placedInFrankfurt('rds cluster "aurora-eu"')],
      ],
    };
    expect(today([oregon, frankfurt, auroraEu, auroraFrom("records")], US)).toEqual(expected);
    // Not known at preview, the identifier is read through the resource it was built from.
    const unknownYet = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    expect(today([oregon, frankfurt, auroraEu, auroraFrom(unknownYet, ["aurora-eu"])], US)).toEqual(
      expected,
    );
  });

  test("3 twin instance replicateSourceDb naming an instance of the stack in Oregon: nothing", () => {
    const resources = [
      oregon,
      aws("aws:rds/instance:Instance", "records", { identifier: "records" }),
      aws("aws:rds/instance:Instance", "replica", {
        replicateSourceDb: "records",
        instanceClass: "db.t4g.micro",
      }),
    ];
    expect(today(resources, US)).toEqual({
      named: sorted([
        noCustomerKey("records", "rds instance"),
        noCustomerKey("replica", "rds instance"),
      ]),
      border: [],
    });
  });

  const vaultKey = (provider: string) =>
    aws("aws:kms/key:Key", "vault-key", { keyId: "k-1" }, { provider });
  const auroraOnKey = (storageEncrypted: boolean) =>
    aws(
      "aws:rds/cluster:Cluster",
      "aurora",
      { storageEncrypted, kmsKeyId: "k-1" },
      { deps: { kmsKeyId: ["vault-key"] } },
    );

  test("5 storageEncrypted false: customer-key-encryption (no customer key), no path", () => {
    const resources = [
      oregon,
      aws("aws:rds/cluster:Cluster", "aurora", { storageEncrypted: false }),
    ];
    expect(today(resources, US)).toEqual({
      named: [noCustomerKey("aurora", "rds cluster")],
      border: [],
    });
  });

  test("5 storageEncrypted false naming a key of the stack in Frankfurt: the unused key is no edge of the cluster", () => {
    expect(today([oregon, frankfurt, vaultKey("fra"), auroraOnKey(false)], US)).toEqual({
      named: sorted([
        frankfurtProvider,
        mandatory("resource-placement", "vault-key", [
          'kms key "vault-key"',
          "eu-central-1 (outside US, in EU)",
        ]),
        noCustomerKey("aurora", "rds cluster"),
      ]),
      border: [placedInFrankfurt('kms key "vault-key"')],
    });
  });

  test("5 twin storageEncrypted true on a key of the stack in Oregon: nothing", () => {
    expect(today([oregon, vaultKey("or"), auroraOnKey(true)], US)).toEqual({
      named: [],
      border: [],
    });
  });

  test("5 twin storageEncrypted true on the key in Frankfurt: the key in use is the cluster's path out", () => {
    // Which policy names the far key is the key views' concern; the graph's edge is this one.
    expect(runBorder([oregon, frankfurt, vaultKey("fra"), auroraOnKey(true)], US)).toEqual([
      placedInFrankfurt('kms key "vault-key"'),
      ['rds cluster "aurora"', "encrypted by", ...placedInFrankfurt('kms key "vault-key"')],
    ]);
  });
});

describe("2C-3: global clusters link their members, a peer's account lies where its region does, a border router runs on its line (4, 6, 8)", () => {
  describe("4. a member of a global cluster replicates with every other member, through the global cluster", () => {
    const member = (name: string, props: Record<string, unknown>) =>
      aws("aws:rds/cluster:Cluster", name, { globalClusterIdentifier: "records-global", ...props });
    const globalDatabase = (secondRegion: string) => [
      oregon,
      aws("aws:rds/globalCluster:GlobalCluster", "global", {
        globalClusterIdentifier: "records-global",
      }),
      member("aurora", {}),
      member("aurora-eu", { region: secondRegion }),
    ];
    const toFrankfurt = [
      'rds cluster "aurora-eu"',
      "placed in",
      "eu-central-1 (outside US, in EU)",
    ];

    test("4 a global cluster the program does not create: named-destinations, and the path fails closed", () => {
      expect(today([oregon, member("aurora", {})], US)).toEqual({
        named: sorted([
          mandatory("named-destinations", "aurora", [
            "us-west-2 (inside US)",
            'rds cluster "aurora"',
            '"records-global" (cannot be placed)',
          ]),
          noCustomerKey("aurora", "rds cluster"),
        ]),
        border: [
          [
            'rds cluster "aurora"',
            "replication",
            'unknown (globalClusterIdentifier "records-global" of rds cluster "aurora" is not in this stack)',
          ],
        ],
      });
    });

    test("4b a global cluster of the program with a member in Frankfurt: every member's path runs through it", () => {
      expect(today(globalDatabase("eu-central-1"), US)).toEqual({
        named: sorted([
          mandatory("resource-placement", "aurora-eu", [
            'rds cluster "aurora-eu"',
            "eu-central-1 (outside US, in EU)",
          ]),
          noCustomerKey("aurora", "rds cluster"),
          noCustomerKey("aurora-eu", "rds cluster"),
        ]),
        border: [
          ['rds global cluster "global"', "replication", ...toFrankfurt],
          [
            'rds cluster "aurora"',
            "replication",
            'rds global cluster "global"',
            "replication",
            ...toFrankfurt,
          ],
          toFrankfurt,
        ],
      });
    });

    test("4b twin the second member in us-east-1: nothing", () => {
      expect(today(globalDatabase("us-east-1"), US)).toEqual({
        named: sorted([
          noCustomerKey("aurora", "rds cluster"),
          noCustomerKey("aurora-eu", "rds cluster"),
        ]),
        border: [],
      });
    });

    test("4 a global cluster takes its primary from a cluster of the stack: they are linked both ways", () => {
      const resources = [
        oregon,
        aws("aws:rds/cluster:Cluster", "primary", { clusterIdentifier: "records" }),
        aws("aws:rds/globalCluster:GlobalCluster", "global", {
          globalClusterIdentifier: "records-global",
          sourceDbClusterIdentifier: "records",
        }),
      ];
      expect(runBorderEdges(resources, US)).toEqual([
        'rds global cluster "global" [inside] —replication→ rds cluster "primary" [inside]',
        'rds cluster "primary" [inside] —replication→ rds global cluster "global" [inside]',
      ]);
      expect(today(resources, US)).toEqual({
        named: [noCustomerKey("primary", "rds cluster")],
        border: [],
      });
    });

    describe("an ElastiCache global datastore: the primary it names is a member too", () => {
      const datastore = (secondRegion: string) => [
        oregon,
        aws("aws:elasticache/replicationGroup:ReplicationGroup", "sessions", {
          replicationGroupId: "sessions",
          description: "sessions",
        }),
        aws(
          "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup",
          "global",
          { globalReplicationGroupIdSuffix: "sessions", primaryReplicationGroupId: "sessions-id" },
          { deps: { primaryReplicationGroupId: ["sessions"] } },
        ),
        aws(
          "aws:elasticache/replicationGroup:ReplicationGroup",
          "sessions-eu",
          {
            replicationGroupId: "sessions-eu",
            description: "sessions",
            globalReplicationGroupId: "global-id",
            region: secondRegion,
          },
          { deps: { globalReplicationGroupId: ["global"] } },
        ),
      ];
      const toFrankfurtCache = [
        'elasticache replication group "sessions-eu"',
        "placed in",
        "eu-central-1 (outside US, in EU)",
      ];

      test("4 the secondary in Frankfurt: the primary's path runs through the datastore", () => {
        // The primary holds no customer key (strict posture); the secondary takes the primary's
        // encryption, so only the primary is reported for it.
        expect(today(datastore("eu-central-1"), US)).toEqual({
          named: [
            noCustomerKey("sessions", "elasticache replication group"),
            mandatory("resource-placement", "sessions-eu", [
              'elasticache replication group "sessions-eu"',
              "eu-central-1 (outside US, in EU)",
            ]),
          ],
          border: [
            [
              'elasticache replication group "sessions"',
              "replication",
              'elasticache global replication group "global"',
              "replication",
              ...toFrankfurtCache,
            ],
            ['elasticache global replication group "global"', "replication", ...toFrankfurtCache],
            toFrankfurtCache,
          ],
        });
      });

      test("4 twin the secondary in us-east-1: only the primary's own key", () => {
        expect(today(datastore("us-east-1"), US)).toEqual({
          named: [noCustomerKey("sessions", "elasticache replication group")],
          border: [],
        });
      });
    });

    // A Tair instance names its global cache by an ID the other members carry too.
    /** A Tair member of global cache "gi-1", its data encrypted with a key of its region. */
    const tair = (name: string, provider: string) => [
      ali("alicloud:kms/key:Key", `${name}-key`, {}, { provider }),
      ali(
        "alicloud:kvstore/instance:Instance",
        name,
        { globalInstanceId: "gi-1", tdeStatus: "Enabled", encryptionKey: `key-${name}` },
        { provider, deps: { encryptionKey: [`${name}-key`] } },
      ),
    ];
    /** A member whose data is on a key Tair holds. */
    const tairOnServiceKey = (name: string, provider: string) =>
      ali("alicloud:kvstore/instance:Instance", name, { globalInstanceId: "gi-1" }, { provider });

    test("4 Tair members sharing a global cache, one in Hong Kong: named-destinations, and the path", () => {
      expect(
        today([shanghai, hongKong, ...tair("cache", "sh"), tairOnServiceKey("cache-hk", "hk")], CN),
      ).toEqual({
        named: sorted([
          mandatory("named-destinations", "cache", [
            "cn-shanghai (inside CN)",
            'kvstore instance "cache"',
            'kvstore instance "cache-hk" in cn-hongkong (outside CN, in HK)',
          ]),
          mandatory("resource-placement", "cache-hk", [
            'kvstore instance "cache-hk"',
            "cn-hongkong (outside CN, in HK)",
          ]),
          noCustomerKey("cache-hk", "kvstore instance"),
          mandatory("resource-placement", "hk", [
            'alicloud provider "hk"',
            "cn-hongkong (outside CN, in HK)",
          ]),
        ]),
        border: [
          [
            'kvstore instance "cache"',
            "replication",
            'kvstore instance "cache-hk"',
            "placed in",
            "cn-hongkong (outside CN, in HK)",
          ],
          ['kvstore instance "cache-hk"', "placed in", "cn-hongkong (outside CN, in HK)"],
        ],
      });
    });

    test("4 twin Tair members sharing a global cache, both in Shanghai and Beijing: nothing", () => {
      expect(
        today([shanghai, beijing, ...tair("cache", "sh"), ...tair("cache-bj", "bj")], CN),
      ).toEqual({
        named: [],
        border: [],
      });
    });

    test("4 a lone Tair member naming a global cache nobody creates: both fail closed", () => {
      expect(today([shanghai, ...tair("cache", "sh")], CN)).toEqual({
        named: [
          mandatory("named-destinations", "cache", [
            "cn-shanghai (inside CN)",
            'kvstore instance "cache"',
            '"gi-1" (cannot be placed)',
          ]),
        ],
        border: [
          [
            'kvstore instance "cache"',
            "replication",
            'unknown (globalInstanceId "gi-1" of kvstore instance "cache" is not in this stack)',
          ],
        ],
      });
    });
  });

  describe("6. a peer of another account: its network lies where the far region does", () => {
    // Another account's network inside the jurisdiction is hardening (cross-account-links,
    // advisory unless the posture is strict), not a path out; only the far region makes one.
    const peering = (props: Record<string, unknown>, provider = oregon) => [
      provider,
      aws("aws:ec2/vpc:Vpc", "core", {}),
      aws(
        "aws:ec2/vpcPeeringConnection:VpcPeeringConnection",
        "peer",
        { vpcId: "core-id", peerVpcId: "vpc-0other", ...props },
        onCore,
      ),
      aws("aws:s3/bucket:Bucket", "b", { bucket: "b" }),
    ];
    const readable =
      's3 bucket "b" [inside] —readable from (no network restriction: any network of its region with credentials)→ every network in us-west-2 [inside]';
    const coreInRegion = 'every network in us-west-2 [inside] —in region→ vpc "core" [inside]';
    const crossAccount = (account: string) =>
      mandatory("cross-account-links", "peer", [
        "us-west-2 (inside US)",
        'vpc peering "peer"',
        `account 999988887777 (${account})`,
      ]);

    test("6 same region, another account: cross-account-links, the graph's account edge inside, no path", () => {
      const resources = peering({ peerOwnerId: "999988887777" });
      expect(today(resources, US)).toEqual({
        named: sorted([
          crossAccount("not this stack's account 111122223333"),
          noCustomerKey("b", "s3 bucket"),
        ]),
        border: [],
      });
      expect(runBorderEdges(resources, US)).toEqual([
        coreInRegion,
        'vpc "core" [inside] —peering "peer"→ us-west-2 (inside US) [inside]',
        `vpc "core" [inside] —peering "peer" (not this stack's account 111122223333)→ network of aws account 999988887777 in us-west-2 (inside US) [inside]`,
        readable,
      ]);
    });

    test("6 the provider pins no account: cross-account-links cannot check it, still no path", () => {
      const unpinned: OracleResource = { ...oregon, props: { region: "us-west-2" } };
      const resources = peering({ peerOwnerId: "999988887777" }, unpinned);
      expect(today(resources, US)).toEqual({
        named: sorted([
          crossAccount("the provider pins no account, so it cannot be checked"),
          noCustomerKey("b", "s3 bucket"),
        ]),
        border: [],
      });
      expect(runBorderEdges(resources, US)).toContain(
        'vpc "core" [inside] —peering "peer" (the provider pins no account)→ network of aws account 999988887777 in us-west-2 (inside US) [inside]',
      );
    });

    test("6 another account in Frankfurt: network-links and the path by the far region; the account's network lies outside too", () => {
      const resources = peering({ peerOwnerId: "999988887777", peerRegion: "eu-central-1" });
      expect(today(resources, US)).toEqual({
        named: sorted([
          mandatory("network-links", "peer", [
            "us-west-2 (inside US)",
            'vpc peering "peer"',
            "eu-central-1 (outside US, in EU)",
          ]),
          crossAccount("not this stack's account 111122223333"),
          noCustomerKey("b", "s3 bucket"),
        ]),
        border: [
          [
            's3 bucket "b"',
            "readable from (no network restriction: any network of its region with credentials)",
            "every network in us-west-2",
            "in region",
            'vpc "core"',
            'peering "peer"',
            "eu-central-1 (outside US, in EU)",
          ],
        ],
      });
      expect(runBorderEdges(resources, US)).toContain(
        `vpc "core" [inside] —peering "peer" (not this stack's account 111122223333)→ network of aws account 999988887777 in eu-central-1 (outside US, in EU) [outside]`,
      );
    });

    describe("a CEN attachment of another account's network", () => {
      const pinnedShanghai: OracleResource = {
        ...shanghai,
        props: { region: "cn-shanghai", accountId: "1234567890" },
      };
      const partner = (childInstanceOwnerId: string, childInstanceRegionId: string) => [
        pinnedShanghai,
        ali("alicloud:cen/instance:Instance", "cen", {}),
        ali(
          "alicloud:cen/instanceAttachment:InstanceAttachment",
          "partner",
          {
            instanceId: "cen-id",
            childInstanceId: "vpc-partner",
            childInstanceRegionId,
            childInstanceType: "VPC",
            childInstanceOwnerId,
          },
          { deps: { instanceId: ["cen"] } },
        ),
      ];
      const otherAccount = mandatory("cross-account-links", "partner", [
        "cn-shanghai (inside CN)",
        'cen instance attachment "partner"',
        "account 987654321 (not this stack's account 1234567890)",
      ]);

      test("6 in Beijing: cross-account-links, and the account's network lies inside", () => {
        const resources = partner("987654321", "cn-beijing");
        expect(today(resources, CN)).toEqual({ named: [otherAccount], border: [] });
        expect(runBorderEdges(resources, CN)).toEqual([
          'cen "cen" [inside] —cen attachment "partner"→ cn-beijing (inside CN) [inside]',
          `cen "cen" [inside] —cen attachment "partner" (not this stack's account 1234567890)→ network of alicloud account 987654321 in cn-beijing (inside CN) [inside]`,
        ]);
      });

      test("6 in Hong Kong: network-links too, and the account's network lies outside", () => {
        const resources = partner("987654321", "cn-hongkong");
        expect(today(resources, CN).named).toEqual(
          sorted([
            otherAccount,
            mandatory("network-links", "partner", [
              "cn-shanghai (inside CN)",
              'cen instance attachment "partner"',
              "cn-hongkong (outside CN, in HK)",
            ]),
          ]),
        );
        expect(runBorderEdges(resources, CN)).toContain(
          `cen "cen" [inside] —cen attachment "partner" (not this stack's account 1234567890)→ network of alicloud account 987654321 in cn-hongkong (outside CN, in HK) [outside]`,
        );
      });

      test("6 twin the stack's own account in Beijing: nothing, no account edge", () => {
        const resources = partner("1234567890", "cn-beijing");
        expect(today(resources, CN)).toEqual({ named: [], border: [] });
        expect(runBorderEdges(resources, CN)).toEqual([
          'cen "cen" [inside] —cen attachment "partner"→ cn-beijing (inside CN) [inside]',
        ]);
      });
    });

    test("6 twin the peer is the stack's own account: no finding, no account edge", () => {
      const resources = peering({ peerOwnerId: "111122223333" });
      expect(today(resources, US)).toEqual({
        named: [noCustomerKey("b", "s3 bucket")],
        border: [],
      });
      expect(runBorderEdges(resources, US)).toEqual([
        coreInRegion,
        'vpc "core" [inside] —peering "peer"→ us-west-2 (inside US) [inside]',
        readable,
      ]);
    });
  });

  describe("8. a virtual border router runs on its physical connection, placed by its access point", () => {
    const attachment = (name: string, child: string, childInstanceType: string) =>
      ali(
        "alicloud:cen/instanceAttachment:InstanceAttachment",
        name,
        {
          instanceId: "cen-id",
          childInstanceId: `${child}-id`,
          childInstanceRegionId: "cn-shanghai",
          childInstanceType,
        },
        { deps: { instanceId: ["cen"], childInstanceId: [child] } },
      );
    /** A border router on `line`, attached to the CEN of the bucket's VPC. */
    const onTheBucketsCen = (line: OracleResource[], physicalConnectionId: string) => [
      shanghai,
      ...pinnedNetwork,
      ali("alicloud:cen/instance:Instance", "cen", {}),
      attachment("cen-core", "core", "VPC"),
      ...line,
      ali(
        "alicloud:expressconnect/virtualBorderRouter:VirtualBorderRouter",
        "vbr",
        { physicalConnectionId, vlanId: 10 },
        line.length > 0 ? { deps: { physicalConnectionId: ["pc"] } } : {},
      ),
      attachment("cen-vbr", "vbr", "VBR"),
    ];
    const line = (accessPointId: string) => [
      ali("alicloud:expressconnect/physicalConnection:PhysicalConnection", "pc", {
        accessPointId,
        lineOperator: "CT",
      }),
    ];
    const toTheRouter = [
      ...fromRecords,
      'cen attachment "cen-core"',
      'cen "cen"',
      'cen attachment "cen-vbr"',
      'expressconnect virtual border router "vbr"',
      "attachment",
    ];

    test("8 twin on a line of the stack landing in Hangzhou: nothing", () => {
      expect(today(onTheBucketsCen(line("ap-cn-hangzhou-yh-B"), "pc-1"), CN)).toEqual({
        named: [noCustomerKey("records")],
        border: [],
      });
    });

    test("8 on a line the program does not create: named-destinations, and the path fails closed", () => {
      expect(today(onTheBucketsCen([], "pc-elsewhere"), CN)).toEqual({
        named: sorted([
          mandatory("named-destinations", "vbr", [
            "cn-shanghai (inside CN)",
            'expressconnect virtual border router "vbr"',
            '"pc-elsewhere" (cannot be placed)',
          ]),
          noCustomerKey("records"),
        ]),
        border: [
          [
            ...toTheRouter,
            'unknown (physicalConnectionId "pc-elsewhere" of expressconnect virtual border router "vbr" is not in this stack)',
          ],
        ],
      });
    });

    test("8 on a line of the stack landing in Singapore: remote-sites on the line, and the path through it", () => {
      expect(today(onTheBucketsCen(line("ap-sg-singpore-A"), "pc-1"), CN)).toEqual({
        named: sorted([
          mandatory("remote-sites", "pc", [
            "cn-shanghai (inside CN)",
            'expressconnect physical connection "pc"',
            '"ap-sg-singpore-A" (cannot be placed)',
          ]),
          noCustomerKey("records"),
        ]),
        border: [
          [
            ...toTheRouter,
            'expressconnect physical connection "pc"',
            "attachment (access point ap-sg-singpore-A)",
            "unknown (ap-sg-singpore-A, which cannot be placed in a region)",
          ],
        ],
      });
    });

    test("8 a lone router without SiteLink on a line of the stack in Hangzhou: nothing", () => {
      const resources = [
        shanghai,
        ...line("ap-cn-hangzhou-yh-B"),
        ali(
          "alicloud:expressconnect/virtualBorderRouter:VirtualBorderRouter",
          "vbr",
          { physicalConnectionId: "pc-1", vlanId: 10 },
          { deps: { physicalConnectionId: ["pc"] } },
        ),
      ];
      expect(today(resources, CN)).toEqual({ named: [], border: [] });
    });
  });
});

describe("2B: a public ACL or policy is reported while it stands; the path passes only an open block (10, 11)", () => {
  const bucket = aws("aws:s3/bucket:Bucket", "b", { bucket: "b" });
  const acl = aws("aws:s3/bucketAcl:BucketAcl", "b-acl", { bucket: "b", acl: "public-read" });
  const block = (flags: Record<string, boolean>) =>
    aws("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "b-block", {
      bucket: "b",
      ...flags,
    });
  const fullBlock = block({
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  });
  /** The flags that only refuse new public grants and leave those already set in force. */
  const refuseNew = { blockPublicAcls: true, blockPublicPolicy: true };
  const aclExposed = mandatory("public-exposure", "b-acl", [
    "the internet",
    's3 bucket acl "b-acl"',
  ]);
  const aclPath = ['s3 bucket "b"', 'public access "b-acl" (public-read)', "the public internet"];

  test("10 public-read under a full block: public-exposure reports the ACL, no path", () => {
    expect(today([oregon, bucket, acl, fullBlock], US)).toEqual({
      named: sorted([aclExposed, noCustomerKey("b", "s3 bucket")]),
      border: [],
    });
  });

  test("10 twin without a block: public-exposure and the path to the internet", () => {
    expect(today([oregon, bucket, acl], US)).toEqual({
      named: sorted([aclExposed, noCustomerKey("b", "s3 bucket")]),
      border: [aclPath],
    });
  });

  test("10 blockPublicAcls and blockPublicPolicy leave the ACL in force: the path stays", () => {
    expect(today([oregon, bucket, acl, block(refuseNew)], US)).toEqual({
      named: sorted([aclExposed, noCustomerKey("b", "s3 bucket")]),
      border: [aclPath],
    });
  });

  test("10 ignorePublicAcls alone shuts the ACL: no path", () => {
    expect(today([oregon, bucket, acl, block({ ignorePublicAcls: true })], US)).toEqual({
      named: sorted([aclExposed, noCustomerKey("b", "s3 bucket")]),
      border: [],
    });
  });

  test("10 restrictPublicBuckets alone does not shut an ACL: the path stays", () => {
    expect(today([oregon, bucket, acl, block({ restrictPublicBuckets: true })], US)).toEqual({
      named: sorted([aclExposed, noCustomerKey("b", "s3 bucket")]),
      border: [aclPath],
    });
  });

  describe("an OSS account's block", () => {
    const ossAcl = ali("alicloud:oss/bucketAcl:BucketAcl", "t-acl", {
      bucket: "t",
      acl: "public-read",
    });
    const accountBlock = (blockPublicAccess: boolean) =>
      ali("alicloud:oss/accountPublicAccessBlock:AccountPublicAccessBlock", "account-block", {
        blockPublicAccess,
      });
    const ossExposed = mandatory("public-exposure", "t-acl", [
      "the internet",
      'oss bucket acl "t-acl"',
    ]);

    test("10 blockPublicAccess on shuts the ACL: public-exposure reports it, no path", () => {
      expect(
        today([shanghai, ossBucket("telemetry", "t"), ossAcl, accountBlock(true)], CN),
      ).toEqual({
        named: sorted([ossExposed, noCustomerKey("telemetry")]),
        border: [],
      });
    });

    test("10 twin blockPublicAccess off: the path to the internet", () => {
      expect(
        today([shanghai, ossBucket("telemetry", "t"), ossAcl, accountBlock(false)], CN),
      ).toEqual({
        named: sorted([ossExposed, noCustomerKey("telemetry")]),
        border: [
          ['oss bucket "telemetry"', 'public access "t-acl" (public-read)', "the public internet"],
        ],
      });
    });
  });

  /** A bucket policy with one statement: Allow everyone to read, under `condition`. */
  const allowEveryone = (condition?: Record<string, Record<string, unknown>>) =>
    aws("aws:s3/bucketPolicy:BucketPolicy", "b-policy", {
      bucket: "b",
      policy: JSON.stringify({
        Statement: [
          { Effect: "Allow", Principal: "*", Action: "s3:GetObject", Condition: condition },
        ],
      }),
    });
  const policyExposed = mandatory("public-exposure", "b-policy", [
    "the internet",
    's3 bucket policy "b-policy"',
  ]);
  const policyPath = [
    's3 bucket "b"',
    'public access "b-policy" (policy allows everyone)',
    "the public internet",
  ];
  const isPublicToBoth = {
    named: sorted([policyExposed, noCustomerKey("b", "s3 bucket")]),
    border: [policyPath],
  };
  const isPublicToNeither = { named: [noCustomerKey("b", "s3 bucket")], border: [] };

  test("10 restrictPublicBuckets alone shuts a public policy: public-exposure reports it, no path", () => {
    const resources = [oregon, bucket, allowEveryone(), block({ restrictPublicBuckets: true })];
    expect(today(resources, US)).toEqual({ ...isPublicToBoth, border: [] });
  });

  test("10 twin ignorePublicAcls alone does not shut a policy: the path stays", () => {
    const resources = [oregon, bucket, allowEveryone(), block({ ignorePublicAcls: true })];
    expect(today(resources, US)).toEqual(isPublicToBoth);
  });

  test.each<[string, Record<string, Record<string, unknown>>]>([
    ["HTTPS only (Bool aws:SecureTransport)", { Bool: { "aws:SecureTransport": "true" } }],
    ["any VPC endpoint (StringLike aws:SourceVpce *)", { StringLike: { "aws:SourceVpce": "*" } }],
    [
      "every address (IpAddress aws:SourceIp 0.0.0.0/0)",
      { IpAddress: { "aws:SourceIp": "0.0.0.0/0" } },
    ],
    [
      "everyone but one VPC (StringNotEquals aws:SourceVpc)",
      { StringNotEquals: { "aws:SourceVpc": "vpc-1" } },
    ],
  ])("11 Allow * for %s: public to both models", (_label, condition) => {
    expect(today([oregon, bucket, allowEveryone(condition)], US)).toEqual(isPublicToBoth);
  });

  test.each<[string, Record<string, Record<string, unknown>>]>([
    [
      "one VPC endpoint (StringEquals aws:SourceVpce)",
      { StringEquals: { "aws:SourceVpce": "vpce-1" } },
    ],
    [
      "one distribution (ArnEquals aws:SourceArn)",
      { ArnEquals: { "aws:SourceArn": "arn:aws:cloudfront::111122223333:distribution/E1" } },
    ],
    [
      "one address range (IpAddress aws:SourceIp)",
      { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } },
    ],
  ])("11 twin Allow * for %s: public to neither", (_label, condition) => {
    expect(today([oregon, bucket, allowEveryone(condition)], US)).toEqual(isPublicToNeither);
  });
});

describe("2A: addresses — one private list, flows judged with protocol and ports, sites placed only by the allowlist (7, 9, 12, 13)", () => {
  const natInternet = mandatory("internet-egress", "nat", [
    'nat gateway "nat"',
    "the internet (any country)",
  ]);
  /** From the VPC's internet-bound junction out through the NAT gateway, which has no EIP. */
  const throughNat = [
    'internet-bound traffic of vpc "core"',
    "route (0.0.0.0/0, added with the NAT gateway)",
    'nat gateway "nat"',
    "public address (no EIP of this stack is bound; one bound outside it gives internet access)",
    "the public internet",
  ];

  describe("7. a customer gateway's address is a site: inside only when the allowlist holds it", () => {
    const site = (ipAddress: string) =>
      ali("alicloud:vpn/customerGateway:CustomerGateway", "site", { ipAddress });
    const vpnTo = (ipAddress: string) => [
      shanghai,
      ...pinnedNetwork,
      ali("alicloud:vpn/gateway:Gateway", "vpn", { vpcId: "core-id" }, onCore),
      site(ipAddress),
      ali(
        "alicloud:vpn/connection:Connection",
        "tunnel",
        { vpnGatewayId: "vpn-id", customerGatewayId: "site-id" },
        { deps: { vpnGatewayId: ["vpn"], customerGatewayId: ["site"] } },
      ),
    ];
    const throughTunnel = [
      ...fromRecords,
      "attachment",
      'vpn gateway "vpn"',
      'ipsec connection "tunnel"',
      'customer gateway "site"',
    ];
    const privateSite = mandatory("remote-sites", "site", [
      "cn-shanghai (inside CN)",
      'customer gateway "site"',
      "10.9.8.7 (private address of a site the pack cannot place)",
    ]);
    const plant: OracleSettings = {
      jurisdiction: "CN",
      egressAllowlist: [{ cidr: "10.9.8.0/24", reason: "plant over Express Connect" }],
    };

    test("7 a lone gateway on 10.9.8.7: remote-sites cannot place it; no data reaches it", () => {
      expect(today([shanghai, site("10.9.8.7")], CN)).toEqual({ named: [privateSite], border: [] });
    });

    test("7 twin the lone gateway on an allowlisted 10.9.8.7: nothing", () => {
      expect(today([shanghai, site("10.9.8.7")], plant)).toEqual({ named: [], border: [] });
    });

    test("7+ VPN from the bucket's VPC to 10.9.8.7: remote-sites, and the path ends at an unknown place", () => {
      expect(today(vpnTo("10.9.8.7"), CN)).toEqual({
        named: sorted([privateSite, noCustomerKey("records")]),
        border: [
          [
            ...throughTunnel,
            "public address (10.9.8.7)",
            'unknown (private address 10.9.8.7 of customer gateway "site" is reached over a link this stack does not show)',
          ],
        ],
      });
    });

    test("7+ twin the same VPN with 10.9.8.0/24 allowlisted: neither model reports", () => {
      expect(today(vpnTo("10.9.8.7"), plant)).toEqual({
        named: [noCustomerKey("records")],
        border: [],
      });
    });

    test("7+ twin an allowlist entry that names only the tunnel's traffic still declares the site", () => {
      expect(
        today(vpnTo("203.0.113.7"), { jurisdiction: "CN", egressAllowlist: plantAllowlist }),
      ).toEqual({
        named: [noCustomerKey("records")],
        border: [],
      });
    });

    test("7+ VPN from the bucket's VPC to 198.51.100.7: both report, (a) cannot place it, (b) the internet", () => {
      expect(today(vpnTo("198.51.100.7"), CN)).toEqual({
        named: sorted([
          mandatory("remote-sites", "site", [
            "cn-shanghai (inside CN)",
            'customer gateway "site"',
            '"198.51.100.7" (cannot be placed)',
          ]),
          noCustomerKey("records"),
        ]),
        border: [[...throughTunnel, "public address (198.51.100.7)", "the public internet"]],
      });
    });
  });

  describe("9. 100.64.0.0/10 is not private: reaching it needs an allowlist entry", () => {
    const dnsRule = egressRule("dns", "100.100.2.136/32", "udp", "53/53");
    const egressRulesDns = mandatory("egress-rules", "dns", [
      'security group rule "dns"',
      "100.100.2.136/32 (udp, port 53)",
    ]);
    const dns: OracleSettings = {
      jurisdiction: "CN",
      egressAllowlist: [
        { cidr: "100.100.2.136/30", ports: [53], protocol: "udp", reason: "VPC DNS resolvers" },
      ],
    };
    const withNat = [shanghai, ...pinnedNetwork, enterpriseGroup, dnsRule, internetNat];

    test("9 accept udp 53 to 100.100.2.136/32, no allowlist: egress-rules reports it, no exit so no path", () => {
      const resources = [shanghai, core, coreSwitch, enterpriseGroup, dnsRule];
      expect(today(resources, CN)).toEqual({ named: [egressRulesDns], border: [] });
    });

    test("9+ with an internet NAT and a pinned bucket: egress-rules, and the rule opens the path", () => {
      expect(today(withNat, CN)).toEqual({
        named: sorted([natInternet, egressRulesDns, noCustomerKey("records")]),
        border: [[...fromRecords, 'egress rule "dns" (100.100.2.136/32)', ...throughNat]],
      });
    });

    test("9+ twin with 100.100.2.136/30 udp 53 allowlisted: neither the rule nor a path", () => {
      expect(today(withNat, dns)).toEqual({
        named: sorted([natInternet, noCustomerKey("records")]),
        border: [],
      });
    });
  });

  describe("12. admission is decided per flow: block, protocol and ports", () => {
    const settings: OracleSettings = { jurisdiction: "CN", egressAllowlist: plantAllowlist };
    const plantRule = egressRule("plant", "203.0.113.0/24", "all", "-1/-1");
    const egressRulesPlant = mandatory("egress-rules", "plant", [
      'security group rule "plant"',
      "203.0.113.0/24 (all protocols and ports)",
    ]);
    const withRules = (...rules: OracleResource[]) => [
      shanghai,
      ...pinnedNetwork,
      enterpriseGroup,
      ...rules,
      internetNat,
    ];

    test("12+ all protocols to 203.0.113.0/24 with a pinned bucket: egress-rules, and the rule opens the path", () => {
      expect(today(withRules(plantRule), settings)).toEqual({
        named: sorted([natInternet, egressRulesPlant, noCustomerKey("records")]),
        border: [
          [...fromRecords, 'egress rule "plant" (203.0.113.0/24, all protocols)', ...throughNat],
        ],
      });
    });

    test("12+ twin one rule for udp 500 and one for udp 4500: neither the rules nor a path", () => {
      const rules = [
        egressRule("ike", "203.0.113.0/24", "udp", "500/500"),
        egressRule("nat-t", "203.0.113.0/24", "udp", "4500/4500"),
      ];
      expect(today(withRules(...rules), settings)).toEqual({
        named: sorted([natInternet, noCustomerKey("records")]),
        border: [],
      });
    });
  });

  describe("13. Rule G: internet-egress reports the public IP; the path passes only an admitting group", () => {
    const webInternet = mandatory("internet-egress", "web", [
      'ecs instance "web"',
      "the internet (any country)",
    ]);
    const anyRule = egressRule("any", "0.0.0.0/0", "all", "-1/-1");
    const egressRulesAny = mandatory("egress-rules", "any", [
      'security group rule "any"',
      "0.0.0.0/0 (all protocols and ports): every address, in any country",
    ]);
    // The instance's system disk names no key: hardening, beside each case's own findings.
    const webDisk = mandatory("customer-key-encryption", "web", [
      'ecs instance "web" system disk',
      "no customer-managed key (unencrypted, or a key the provider holds)",
    ]);
    const noPublicIp = {
      ...publicInstance,
      props: { ...publicInstance.props, internetMaxBandwidthOut: 0 },
    };

    test("13 in an enterprise group with no rule: internet-egress, no public address edge", () => {
      const resources = [shanghai, core, coreSwitch, enterpriseGroup, publicInstance];
      expect(today(resources, CN)).toEqual({ named: sorted([webInternet, webDisk]), border: [] });
    });

    test("13+ the same with a pinned bucket: internet-egress and no path (the group admits nothing)", () => {
      const resources = [shanghai, ...pinnedNetwork, enterpriseGroup, publicInstance];
      expect(today(resources, CN)).toEqual({
        named: sorted([webInternet, webDisk, noCustomerKey("records")]),
        border: [],
      });
    });

    test("13+ in a group that accepts 0.0.0.0/0: internet-egress and the path through the public IP", () => {
      const resources = [shanghai, ...pinnedNetwork, enterpriseGroup, anyRule, publicInstance];
      expect(today(resources, CN)).toEqual({
        named: sorted([webInternet, webDisk, egressRulesAny, noCustomerKey("records")]),
        border: [
          [
            ...fromRecords,
            "subnet",
            'vswitch "core-a"',
            "attachment",
            'ecs instance "web"',
            "public address (internetMaxBandwidthOut 5; 0.0.0.0/0)",
            "the public internet",
          ],
        ],
      });
    });

    test("13+ twin internetMaxBandwidthOut 0 in the same open group: no internet-egress, no path", () => {
      const resources = [shanghai, ...pinnedNetwork, enterpriseGroup, anyRule, noPublicIp];
      expect(today(resources, CN)).toEqual({
        named: sorted([webDisk, egressRulesAny, noCustomerKey("records")]),
        border: [],
      });
    });

    test("13+ twin internetMaxBandwidthOut 0 in a group that admits nothing: nothing", () => {
      const resources = [shanghai, ...pinnedNetwork, enterpriseGroup, noPublicIp];
      expect(today(resources, CN)).toEqual({
        named: sorted([webDisk, noCustomerKey("records")]),
        border: [],
      });
    });
  });
});
