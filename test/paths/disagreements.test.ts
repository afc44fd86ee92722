/**
 * The thirteen disagreements between the pack's two data-flow models (issue 11,
 * docs/design/one-flow-model-plan.md section 3), each input run through both: (a) every named
 * policy of the pack (`no-path-out-of-jurisdiction` left out: it is (b) reported) and (b) the
 * border analysis's paths. Every row pins what the two models answer TODAY, disagreement and all.
 * The step that settles a disagreement flips that describe's rows to the chosen semantics and
 * adds the twin that must pass; no other row may move.
 */
import type { Level } from "../../engine/analyzer";
import type { EgressAllowEntry } from "../../policy/framework";
import {
  type OracleResource,
  type OracleSettings,
  runBorder,
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
/** The customer-key-encryption finding on a store with no customer-managed key (no path yet). */
const noCustomerKey = (name: string) => mandatory("customer-key-encryption", name, null);

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
        noCustomerKey("aurora"),
      ]),
      border: [['rds cluster "aurora"', "replication", "eu-central-1 (outside US, in EU)"]],
    });
  });

  test("3 twin the identifier names no database of the stack: it lies in the cluster's own region, nothing", () => {
    expect(today([oregon, auroraFrom("records")], US)).toEqual({
      named: [noCustomerKey("aurora")],
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
        noCustomerKey("aurora"),
        noCustomerKey("aurora-eu"),
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
      named: sorted([noCustomerKey("records"), noCustomerKey("replica")]),
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
    expect(today(resources, US)).toEqual({ named: [noCustomerKey("aurora")], border: [] });
  });

  test("5 storageEncrypted false naming a key of the stack in Frankfurt: the unused key is no edge of the cluster", () => {
    expect(today([oregon, frankfurt, vaultKey("fra"), auroraOnKey(false)], US)).toEqual({
      named: sorted([
        frankfurtProvider,
        mandatory("resource-placement", "vault-key", [
          'kms key "vault-key"',
          "eu-central-1 (outside US, in EU)",
        ]),
        noCustomerKey("aurora"),
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

describe("4. globalClusterIdentifier", () => {
  test("4 a global cluster the program does not create: (a) named-destinations fails closed, (b) has no edge", () => {
    const resources = [
      oregon,
      aws("aws:rds/cluster:Cluster", "aurora", { globalClusterIdentifier: "records-global" }),
    ];
    expect(today(resources, US)).toEqual({
      named: sorted([
        mandatory("named-destinations", "aurora", [
          "us-west-2 (inside US)",
          'rds cluster "aurora"',
          '"records-global" (cannot be placed)',
        ]),
        noCustomerKey("aurora"),
      ]),
      border: [],
    });
  });

  test("4b a global cluster of the program with a member in Frankfurt: neither has the replication path", () => {
    const resources = [
      oregon,
      aws("aws:rds/globalCluster:GlobalCluster", "global", {
        globalClusterIdentifier: "records-global",
      }),
      aws("aws:rds/cluster:Cluster", "aurora", { globalClusterIdentifier: "records-global" }),
      aws("aws:rds/cluster:Cluster", "aurora-eu", {
        globalClusterIdentifier: "records-global",
        region: "eu-central-1",
      }),
    ];
    expect(today(resources, US)).toEqual({
      named: sorted([
        mandatory("resource-placement", "aurora-eu", [
          'rds cluster "aurora-eu"',
          "eu-central-1 (outside US, in EU)",
        ]),
        noCustomerKey("aurora"),
        noCustomerKey("aurora-eu"),
      ]),
      border: [['rds cluster "aurora-eu"', "placed in", "eu-central-1 (outside US, in EU)"]],
    });
  });
});

describe("6. VPC peering to another account", () => {
  const peering = [
    aws("aws:ec2/vpc:Vpc", "core", {}),
    aws(
      "aws:ec2/vpcPeeringConnection:VpcPeeringConnection",
      "peer",
      { vpcId: "core-id", peerVpcId: "vpc-0other", peerOwnerId: "999988887777" },
      onCore,
    ),
    aws("aws:s3/bucket:Bucket", "b", { bucket: "b" }),
  ];
  const expected = {
    named: sorted([
      mandatory("cross-account-links", "peer", [
        "us-west-2 (inside US)",
        'vpc peering "peer"',
        "account 999988887777 (not this stack's account 111122223333)",
      ]),
      noCustomerKey("b"),
    ]),
    border: [],
  };

  test("6 same region, another account: (a) cross-account-links reports the account, (b) ignores it", () => {
    expect(today([oregon, ...peering], US)).toEqual(expected);
  });

  test("6+ with the bucket readable from the region's networks: (b) still has no path", () => {
    const resources = [
      oregon,
      ...peering,
      aws(
        "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
        "dsg",
        { vpcId: "core-id", egress: [] },
        onCore,
      ),
    ];
    expect(today(resources, US)).toEqual(expected);
  });
});

describe("8. Virtual border router", () => {
  test("8 a lone VBR without SiteLink or owner: neither model reports", () => {
    const resources = [
      shanghai,
      ali("alicloud:expressconnect/virtualBorderRouter:VirtualBorderRouter", "vbr", {
        physicalConnectionId: "pc-1",
        vlanId: 10,
        localGatewayIp: "10.0.0.1",
        peerGatewayIp: "10.0.0.2",
        peeringSubnetMask: "255.255.255.252",
      }),
    ];
    expect(today(resources, CN)).toEqual({ named: [], border: [] });
  });

  test("8+ a VBR attached to the bucket's CEN: (a) nothing, (b) an unknown on-premises end", () => {
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
    const resources = [
      shanghai,
      ...pinnedNetwork,
      ali("alicloud:cen/instance:Instance", "cen", {}),
      attachment("cen-core", "core", "VPC"),
      ali("alicloud:expressconnect/virtualBorderRouter:VirtualBorderRouter", "vbr", {
        physicalConnectionId: "pc-1",
        vlanId: 10,
      }),
      attachment("cen-vbr", "vbr", "VBR"),
    ];
    expect(today(resources, CN)).toEqual({
      named: [noCustomerKey("records")],
      border: [
        [
          ...fromRecords,
          'cen attachment "cen-core"',
          'cen "cen"',
          'cen attachment "cen-vbr"',
          'expressconnect virtual border router "vbr"',
          "attachment",
          'unknown (the on-premises end of the leased line of expressconnect virtual border router "vbr" is not located)',
        ],
      ],
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
      named: sorted([aclExposed, noCustomerKey("b")]),
      border: [],
    });
  });

  test("10 twin without a block: public-exposure and the path to the internet", () => {
    expect(today([oregon, bucket, acl], US)).toEqual({
      named: sorted([aclExposed, noCustomerKey("b")]),
      border: [aclPath],
    });
  });

  test("10 blockPublicAcls and blockPublicPolicy leave the ACL in force: the path stays", () => {
    expect(today([oregon, bucket, acl, block(refuseNew)], US)).toEqual({
      named: sorted([aclExposed, noCustomerKey("b")]),
      border: [aclPath],
    });
  });

  test("10 ignorePublicAcls alone shuts the ACL: no path", () => {
    expect(today([oregon, bucket, acl, block({ ignorePublicAcls: true })], US)).toEqual({
      named: sorted([aclExposed, noCustomerKey("b")]),
      border: [],
    });
  });

  test("10 restrictPublicBuckets alone does not shut an ACL: the path stays", () => {
    expect(today([oregon, bucket, acl, block({ restrictPublicBuckets: true })], US)).toEqual({
      named: sorted([aclExposed, noCustomerKey("b")]),
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
    named: sorted([policyExposed, noCustomerKey("b")]),
    border: [policyPath],
  };
  const isPublicToNeither = { named: [noCustomerKey("b")], border: [] };

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
    const noPublicIp = {
      ...publicInstance,
      props: { ...publicInstance.props, internetMaxBandwidthOut: 0 },
    };

    test("13 in an enterprise group with no rule: internet-egress, no public address edge", () => {
      const resources = [shanghai, core, coreSwitch, enterpriseGroup, publicInstance];
      expect(today(resources, CN)).toEqual({ named: [webInternet], border: [] });
    });

    test("13+ the same with a pinned bucket: internet-egress and no path (the group admits nothing)", () => {
      const resources = [shanghai, ...pinnedNetwork, enterpriseGroup, publicInstance];
      expect(today(resources, CN)).toEqual({
        named: sorted([webInternet, noCustomerKey("records")]),
        border: [],
      });
    });

    test("13+ in a group that accepts 0.0.0.0/0: internet-egress and the path through the public IP", () => {
      const resources = [shanghai, ...pinnedNetwork, enterpriseGroup, anyRule, publicInstance];
      expect(today(resources, CN)).toEqual({
        named: sorted([webInternet, egressRulesAny, noCustomerKey("records")]),
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
        named: sorted([egressRulesAny, noCustomerKey("records")]),
        border: [],
      });
    });

    test("13+ twin internetMaxBandwidthOut 0 in a group that admits nothing: nothing", () => {
      const resources = [shanghai, ...pinnedNetwork, enterpriseGroup, noPublicIp];
      expect(today(resources, CN)).toEqual({ named: [noCustomerKey("records")], border: [] });
    });
  });
});
