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

describe("1. OSS replication with transferType ossAcc", () => {
  const replication = (transferType: string) => [
    shanghai,
    beijing,
    ossBucket("telemetry", "t"),
    ossBucket("telemetry-dr", "t-dr", "bj"),
    ali("alicloud:oss/bucketReplication:BucketReplication", "rep", {
      bucket: "t",
      action: "ALL",
      destination: { bucket: "t-dr", location: "oss-cn-beijing", transferType },
    }),
  ];

  test("ossAcc: (a) storage-replication reports the acceleration network, (b) has no path", () => {
    expect(today(replication("ossAcc"), CN)).toEqual({
      named: sorted([
        mandatory("storage-replication", "rep", [
          'oss bucket "t"',
          'oss bucket replication "rep"',
          "the global transfer-acceleration network",
        ]),
        noCustomerKey("telemetry"),
        noCustomerKey("telemetry-dr"),
      ]),
      border: [],
    });
  });

  test("oss_acc (the API's spelling): neither model sees the acceleration network", () => {
    expect(today(replication("oss_acc"), CN)).toEqual({
      named: sorted([noCustomerKey("telemetry"), noCustomerKey("telemetry-dr")]),
      border: [],
    });
  });
});

describe("2. OSS replication: location or the resolved bucket", () => {
  const replication = (farProvider: OracleResource, location: string) => [
    shanghai,
    farProvider,
    ossBucket("telemetry", "t"),
    ossBucket("dr", "t-dr", farProvider.name),
    ali("alicloud:oss/bucketReplication:BucketReplication", "rep", {
      bucket: "t",
      destination: { bucket: "t-dr", location },
    }),
  ];

  test("2a location oss-cn-beijing, bucket of the stack in Hong Kong: (a) only places the bucket, (b) follows the bucket", () => {
    expect(today(replication(hongKong, "oss-cn-beijing"), CN)).toEqual({
      named: sorted([
        mandatory("resource-placement", "hk", [
          'alicloud provider "hk"',
          "cn-hongkong (outside CN, in HK)",
        ]),
        mandatory("resource-placement", "dr", [
          'oss bucket "dr"',
          "cn-hongkong (outside CN, in HK)",
        ]),
        noCustomerKey("telemetry"),
        noCustomerKey("dr"),
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

  test("2b location oss-cn-hongkong, bucket of the stack in Beijing: (a) storage-replication reports the location, (b) has no path", () => {
    expect(today(replication(beijing, "oss-cn-hongkong"), CN)).toEqual({
      named: sorted([
        mandatory("storage-replication", "rep", [
          'oss bucket "t"',
          'oss bucket replication "rep"',
          "oss-cn-hongkong (outside CN, in HK)",
        ]),
        noCustomerKey("telemetry"),
        noCustomerKey("dr"),
      ]),
      border: [],
    });
  });
});

describe("3. RDS replica source given as a plain identifier", () => {
  test("3a instance replicateSourceDb: neither model reports", () => {
    const resources = [
      oregon,
      aws("aws:rds/instance:Instance", "replica", {
        replicateSourceDb: "records",
        instanceClass: "db.t4g.micro",
      }),
    ];
    expect(today(resources, US)).toEqual({ named: [noCustomerKey("replica")], border: [] });
  });

  test("3b cluster replicationSourceIdentifier: (a) places it in the own region, (b) cannot place it", () => {
    const resources = [
      oregon,
      aws("aws:rds/cluster:Cluster", "aurora", { replicationSourceIdentifier: "records" }),
    ];
    expect(today(resources, US)).toEqual({
      named: [noCustomerKey("aurora")],
      border: [
        [
          'rds cluster "aurora"',
          "replication",
          'unknown (replicationSourceIdentifier "records" has no region)',
        ],
      ],
    });
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

describe("5. Cluster unencrypted or on a provider-managed key", () => {
  test("storageEncrypted false: (a) customer-key-encryption without a path, (b) nothing", () => {
    const resources = [
      oregon,
      aws("aws:rds/cluster:Cluster", "aurora", { storageEncrypted: false }),
    ];
    expect(today(resources, US)).toEqual({ named: [noCustomerKey("aurora")], border: [] });
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
      mandatory("network-links", "peer", [
        "us-west-2 (inside US)",
        'vpc peering "peer"',
        "account 999988887777 (not this stack's account 111122223333)",
      ]),
      noCustomerKey("b"),
    ]),
    border: [],
  };

  test("6 same region, another account: (a) network-links reports the account, (b) ignores it", () => {
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

describe("7. Customer gateway on a private IP", () => {
  const vpnTo = (ipAddress: string) => [
    shanghai,
    ...pinnedNetwork,
    ali("alicloud:vpn/gateway:Gateway", "vpn", { vpcId: "core-id" }, onCore),
    ali("alicloud:vpn/customerGateway:CustomerGateway", "site", { ipAddress }),
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

  test("7 a lone gateway on 10.9.8.7: neither model reports", () => {
    const resources = [
      shanghai,
      ali("alicloud:vpn/customerGateway:CustomerGateway", "site", { ipAddress: "10.9.8.7" }),
    ];
    expect(today(resources, CN)).toEqual({ named: [], border: [] });
  });

  test("7+ VPN from the bucket's VPC to 10.9.8.7: (a) private is inside, (b) an unknown place", () => {
    expect(today(vpnTo("10.9.8.7"), CN)).toEqual({
      named: [noCustomerKey("records")],
      border: [
        [
          ...throughTunnel,
          "public address (10.9.8.7)",
          'unknown (private address 10.9.8.7 of customer gateway "site" is reached over a link this stack does not show)',
        ],
      ],
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

describe("9. 100.64.0.0/10", () => {
  const dnsRule = egressRule("dns", "100.100.2.136/32", "udp", "53/53");
  const egressRulesDns = mandatory("egress-rules", "dns", [
    'security group rule "dns"',
    "100.100.2.136/32 (udp, port 53)",
  ]);
  const natInternet = mandatory("internet-egress", "nat", [
    'nat gateway "nat"',
    "the internet (any country)",
  ]);

  test("9 accept udp 53 to 100.100.2.136/32, no allowlist: (a) egress-rules reports it, (b) nothing", () => {
    const resources = [shanghai, core, coreSwitch, enterpriseGroup, dnsRule];
    expect(today(resources, CN)).toEqual({ named: [egressRulesDns], border: [] });
  });

  test("9+ with an internet NAT and a pinned bucket: (b) counts it private, no path", () => {
    const resources = [shanghai, ...pinnedNetwork, enterpriseGroup, dnsRule, internetNat];
    expect(today(resources, CN)).toEqual({
      named: sorted([natInternet, egressRulesDns, noCustomerKey("records")]),
      border: [],
    });
  });
});

describe("10. Public ACL under a full public-access block", () => {
  test("public-read under a full block: (a) public-exposure reports the ACL, (b) the block suppresses it", () => {
    const resources = [
      oregon,
      aws("aws:s3/bucket:Bucket", "b", { bucket: "b" }),
      aws("aws:s3/bucketAcl:BucketAcl", "b-acl", { bucket: "b", acl: "public-read" }),
      aws("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "b-block", {
        bucket: "b",
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      }),
    ];
    expect(today(resources, US)).toEqual({
      named: sorted([
        mandatory("public-exposure", "b-acl", ["the internet", 's3 bucket acl "b-acl"']),
        noCustomerKey("b"),
      ]),
      border: [],
    });
  });
});

describe("11. Principal * with a condition that does not restrict who", () => {
  test("Allow * under Bool aws:SecureTransport: both report it public", () => {
    const resources = [
      oregon,
      aws("aws:s3/bucket:Bucket", "b", { bucket: "b" }),
      aws("aws:s3/bucketPolicy:BucketPolicy", "b-policy", {
        bucket: "b",
        policy: JSON.stringify({
          Statement: [
            {
              Effect: "Allow",
              Principal: "*",
              Action: "s3:GetObject",
              Condition: { Bool: { "aws:SecureTransport": "true" } },
            },
          ],
        }),
      }),
    ];
    expect(today(resources, US)).toEqual({
      named: sorted([
        mandatory("public-exposure", "b-policy", ["the internet", 's3 bucket policy "b-policy"']),
        noCustomerKey("b"),
      ]),
      border: [
        [
          's3 bucket "b"',
          'public access "b-policy" (policy allows everyone)',
          "the public internet",
        ],
      ],
    });
  });
});

describe("12. Egress to an allowlisted CIDR on all protocols when the allowlist admits udp 500/4500", () => {
  const settings: OracleSettings = { jurisdiction: "CN", egressAllowlist: plantAllowlist };
  const plantRule = egressRule("plant", "203.0.113.0/24", "all", "-1/-1");
  const egressRulesPlant = mandatory("egress-rules", "plant", [
    'security group rule "plant"',
    "203.0.113.0/24 (all protocols and ports)",
  ]);
  const natInternet = mandatory("internet-egress", "nat", [
    'nat gateway "nat"',
    "the internet (any country)",
  ]);

  test("12 all protocols to 203.0.113.0/24 with an internet NAT: (a) egress-rules reports it, (b) admits it", () => {
    const resources = [
      shanghai,
      core,
      coreSwitch,
      enterpriseGroup,
      plantRule,
      internetNat,
      ossBucket("open", "o"),
    ];
    expect(today(resources, settings)).toEqual({
      named: sorted([natInternet, egressRulesPlant, noCustomerKey("open")]),
      border: [],
    });
  });

  test("12+ with a pinned bucket: (b) still has no path", () => {
    const resources = [shanghai, ...pinnedNetwork, enterpriseGroup, plantRule, internetNat];
    expect(today(resources, settings)).toEqual({
      named: sorted([natInternet, egressRulesPlant, noCustomerKey("records")]),
      border: [],
    });
  });
});

describe("13. ECS instance with internetMaxBandwidthOut > 0", () => {
  const webInternet = mandatory("internet-egress", "web", [
    'ecs instance "web"',
    "the internet (any country)",
  ]);

  test("13 in an enterprise group with no rule: (a) internet-egress reports it, (b) no public address edge", () => {
    const resources = [shanghai, core, coreSwitch, enterpriseGroup, publicInstance];
    expect(today(resources, CN)).toEqual({ named: [webInternet], border: [] });
  });

  test("13+ with a pinned bucket: (b) still has no path", () => {
    const resources = [shanghai, ...pinnedNetwork, enterpriseGroup, publicInstance];
    expect(today(resources, CN)).toEqual({
      named: sorted([webInternet, noCustomerKey("records")]),
      border: [],
    });
  });
});
