/**
 * The inputs of the thirteen disagreements between the per-policy tables and the border graph
 * (docs/design/one-flow-model-plan.md, section 3), each a handful of resources the model oracle
 * runs in process; the "+" variants add a bucket whose readers reach the far end, so the border
 * analysis can show a path. test/paths/tags.test.ts runs the pack and the graph on every one.
 */
import type { OracleResource, OracleSettings } from "../helpers/model-oracle";

const sh: OracleResource = {
  type: "pulumi:providers:alicloud",
  name: "sh",
  props: { region: "cn-shanghai" },
};
const bjAli: OracleResource = {
  type: "pulumi:providers:alicloud",
  name: "bj",
  props: { region: "cn-beijing" },
};
const hk: OracleResource = {
  type: "pulumi:providers:alicloud",
  name: "hk",
  props: { region: "cn-hongkong" },
};
const awsOr: OracleResource = {
  type: "pulumi:providers:aws",
  name: "or",
  props: { region: "us-west-2", allowedAccountIds: ["111122223333"] },
};
const CN: OracleSettings = { jurisdiction: "CN" };
const US: OracleSettings = { jurisdiction: "US" };
const ali = (
  type: string,
  name: string,
  props: Record<string, unknown>,
  extra: Partial<OracleResource> = {},
): OracleResource => ({
  type,
  name,
  props,
  provider: "sh",
  ...extra,
});
const aws = (
  type: string,
  name: string,
  props: Record<string, unknown>,
  extra: Partial<OracleResource> = {},
): OracleResource => ({
  type,
  name,
  props,
  provider: "or",
  ...extra,
});

const ossBucket = (name: string, bucket: string, provider = "sh") =>
  ali("alicloud:oss/bucket:Bucket", name, { bucket }, { provider });

/** One probe input: its disagreement number, what it is, and how the stack is configured. */
export interface ProbeCase {
  readonly id: string;
  readonly title: string;
  readonly settings: OracleSettings;
  readonly specs: readonly OracleResource[];
}

export const probeCases: ProbeCase[] = [];
const add = (id: string, title: string, settings: OracleSettings, specs: OracleResource[]) =>
  probeCases.push({ id, title, settings, specs });

// 1. OSS replication with transferType ossAcc, location in the jurisdiction.
for (const t of ["ossAcc", "oss_acc"]) {
  add("1", `OSS replication to oss-cn-beijing with transferType ${t}`, CN, [
    sh,
    bjAli,
    ossBucket("telemetry", "t"),
    ossBucket("telemetry-dr", "t-dr", "bj"),
    ali("alicloud:oss/bucketReplication:BucketReplication", "rep", {
      bucket: "t",
      action: "ALL",
      destination: { bucket: "t-dr", location: "oss-cn-beijing", transferType: t },
    }),
  ]);
}
// 2. location vs resolved bucket.
add("2a", "location oss-cn-beijing, bucket of the stack placed in Hong Kong", CN, [
  sh,
  hk,
  ossBucket("telemetry", "t"),
  ossBucket("dr", "t-dr", "hk"),
  ali("alicloud:oss/bucketReplication:BucketReplication", "rep", {
    bucket: "t",
    destination: { bucket: "t-dr", location: "oss-cn-beijing" },
  }),
]);
add("2b", "location oss-cn-hongkong, bucket of the stack placed in Beijing", CN, [
  sh,
  bjAli,
  ossBucket("telemetry", "t"),
  ossBucket("dr", "t-dr", "bj"),
  ali("alicloud:oss/bucketReplication:BucketReplication", "rep", {
    bucket: "t",
    destination: { bucket: "t-dr", location: "oss-cn-hongkong" },
  }),
]);
// 3. RDS replica source as a plain identifier.
add("3a", "aws rds instance replicateSourceDb = plain identifier", US, [
  awsOr,
  aws("aws:rds/instance:Instance", "replica", {
    replicateSourceDb: "records",
    instanceClass: "db.t4g.micro",
  }),
]);
add("3b", "aws rds cluster replicationSourceIdentifier = plain identifier", US, [
  awsOr,
  aws("aws:rds/cluster:Cluster", "aurora", { replicationSourceIdentifier: "records" }),
]);
// 4. globalClusterIdentifier.
add("4", "aws rds cluster joins a global cluster the program does not create", US, [
  awsOr,
  aws("aws:rds/cluster:Cluster", "aurora", { globalClusterIdentifier: "records-global" }),
]);
add(
  "4b",
  "aws rds cluster joins a global cluster of the program that has a member in Frankfurt",
  US,
  [
    awsOr,
    aws("aws:rds/globalCluster:GlobalCluster", "global", {
      globalClusterIdentifier: "records-global",
    }),
    aws("aws:rds/cluster:Cluster", "aurora", { globalClusterIdentifier: "records-global" }),
    aws("aws:rds/cluster:Cluster", "aurora-eu", {
      globalClusterIdentifier: "records-global",
      region: "eu-central-1",
    }),
  ],
);
// 5. unencrypted cluster.
add("5", "aws rds cluster storageEncrypted false", US, [
  awsOr,
  aws("aws:rds/cluster:Cluster", "aurora", { storageEncrypted: false }),
]);
// 6. VPC peering to another account.
add("6", "aws vpc peering to another account, same region", US, [
  awsOr,
  aws("aws:ec2/vpc:Vpc", "core", {}),
  aws(
    "aws:ec2/vpcPeeringConnection:VpcPeeringConnection",
    "peer",
    { vpcId: "core-id", peerVpcId: "vpc-0other", peerOwnerId: "999988887777" },
    { deps: { vpcId: ["core"] } },
  ),
  aws("aws:s3/bucket:Bucket", "b", { bucket: "b" }),
]);
// 7. customer gateway on a private IP.
add("7", "alicloud customer gateway on 10.9.8.7", CN, [
  sh,
  ali("alicloud:vpn/customerGateway:CustomerGateway", "site", { ipAddress: "10.9.8.7" }),
]);
// 8. virtual border router.
add("8", "alicloud VBR without SiteLink or owner", CN, [
  sh,
  ali("alicloud:expressconnect/virtualBorderRouter:VirtualBorderRouter", "vbr", {
    physicalConnectionId: "pc-1",
    vlanId: 10,
    localGatewayIp: "10.0.0.1",
    peerGatewayIp: "10.0.0.2",
    peeringSubnetMask: "255.255.255.252",
  }),
]);
// 9. 100.64.0.0/10.
add("9", "alicloud egress accept to 100.100.2.136/32 (no allowlist), with internet NAT", CN, [
  sh,
  ali("alicloud:vpc/network:Network", "core", {}),
  ali("alicloud:vpc/switch:Switch", "core-a", { vpcId: "core-id" }, { deps: { vpcId: ["core"] } }),
  ali(
    "alicloud:ecs/securityGroup:SecurityGroup",
    "sg",
    { vpcId: "core-id", securityGroupType: "enterprise" },
    { deps: { vpcId: ["core"] } },
  ),
  ali(
    "alicloud:ecs/securityGroupRule:SecurityGroupRule",
    "dns",
    {
      securityGroupId: "sg-id",
      type: "egress",
      cidrIp: "100.100.2.136/32",
      policy: "accept",
      ipProtocol: "udp",
      portRange: "53/53",
    },
    { deps: { securityGroupId: ["sg"] } },
  ),
]);
// 10. public ACL under a full public-access block.
add("10", "aws bucket ACL public-read under a full bucket public-access block", US, [
  awsOr,
  aws("aws:s3/bucket:Bucket", "b", { bucket: "b" }),
  aws("aws:s3/bucketAcl:BucketAcl", "b-acl", { bucket: "b", acl: "public-read" }),
  aws("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "b-block", {
    bucket: "b",
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  }),
]);
// 11. Principal * with a condition that does not restrict who.
add("11", "aws bucket policy Allow * with Bool aws:SecureTransport", US, [
  awsOr,
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
]);
// 12. egress to an allowlisted CIDR on all protocols; the allowlist admits udp 500/4500.
add(
  "12",
  "alicloud SG accept all protocols to 203.0.113.0/24 (allowlisted udp 500/4500), NAT present",
  {
    jurisdiction: "CN",
    egressAllowlist: [
      { cidr: "203.0.113.0/24", ports: [500, 4500], protocol: "udp", reason: "plant" },
    ],
  },
  [
    sh,
    ali("alicloud:vpc/network:Network", "core", {}),
    ali(
      "alicloud:vpc/switch:Switch",
      "core-a",
      { vpcId: "core-id" },
      { deps: { vpcId: ["core"] } },
    ),
    ali(
      "alicloud:ecs/securityGroup:SecurityGroup",
      "sg",
      { vpcId: "core-id", securityGroupType: "enterprise" },
      { deps: { vpcId: ["core"] } },
    ),
    ali(
      "alicloud:ecs/securityGroupRule:SecurityGroupRule",
      "plant",
      {
        securityGroupId: "sg-id",
        type: "egress",
        cidrIp: "203.0.113.0/24",
        policy: "accept",
        ipProtocol: "all",
        portRange: "-1/-1",
      },
      { deps: { securityGroupId: ["sg"] } },
    ),
    ali(
      "alicloud:vpc/natGateway:NatGateway",
      "nat",
      { vpcId: "core-id", networkType: "internet" },
      { deps: { vpcId: ["core"] } },
    ),
    ali("alicloud:oss/bucket:Bucket", "open", { bucket: "o" }),
  ],
);
// 13. ECS instance with internetMaxBandwidthOut > 0 in a group that admits no egress.
add(
  "13",
  "alicloud ECS instance internetMaxBandwidthOut 5 in an enterprise group with no rule",
  CN,
  [
    sh,
    ali("alicloud:vpc/network:Network", "core", {}),
    ali(
      "alicloud:vpc/switch:Switch",
      "core-a",
      { vpcId: "core-id" },
      { deps: { vpcId: ["core"] } },
    ),
    ali(
      "alicloud:ecs/securityGroup:SecurityGroup",
      "sg",
      { vpcId: "core-id", securityGroupType: "enterprise" },
      { deps: { vpcId: ["core"] } },
    ),
    ali(
      "alicloud:ecs/instance:Instance",
      "web",
      { vswitchId: "core-a-id", securityGroups: ["sg-id"], internetMaxBandwidthOut: 5 },
      { deps: { vswitchId: ["core-a"], securityGroups: ["sg"] } },
    ),
  ],
);

// 7, 8 and 9 again, with a bucket whose readers reach the far end (so (b) can show a path).
const pinnedNet = (): OracleResource[] => [
  ali("alicloud:vpc/network:Network", "core", {}),
  ali("alicloud:vpc/switch:Switch", "core-a", { vpcId: "core-id" }, { deps: { vpcId: ["core"] } }),
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
for (const ip of ["10.9.8.7", "198.51.100.7"]) {
  add("7+", `VPN from the bucket's VPC to a customer gateway on ${ip}`, CN, [
    sh,
    ...pinnedNet(),
    ali("alicloud:vpn/gateway:Gateway", "vpn", { vpcId: "core-id" }, { deps: { vpcId: ["core"] } }),
    ali("alicloud:vpn/customerGateway:CustomerGateway", "site", { ipAddress: ip }),
    ali(
      "alicloud:vpn/connection:Connection",
      "tunnel",
      { vpnGatewayId: "vpn-id", customerGatewayId: "site-id" },
      { deps: { vpnGatewayId: ["vpn"], customerGatewayId: ["site"] } },
    ),
  ]);
}
add("8+", "VBR attached to the bucket's CEN (no SiteLink, no owner)", CN, [
  sh,
  ...pinnedNet(),
  ali("alicloud:cen/instance:Instance", "cen", {}),
  ali(
    "alicloud:cen/instanceAttachment:InstanceAttachment",
    "cen-core",
    {
      instanceId: "cen-id",
      childInstanceId: "core-id",
      childInstanceRegionId: "cn-shanghai",
      childInstanceType: "VPC",
    },
    { deps: { instanceId: ["cen"], childInstanceId: ["core"] } },
  ),
  ali("alicloud:expressconnect/virtualBorderRouter:VirtualBorderRouter", "vbr", {
    physicalConnectionId: "pc-1",
    vlanId: 10,
  }),
  ali(
    "alicloud:cen/instanceAttachment:InstanceAttachment",
    "cen-vbr",
    {
      instanceId: "cen-id",
      childInstanceId: "vbr-id",
      childInstanceRegionId: "cn-shanghai",
      childInstanceType: "VBR",
    },
    { deps: { instanceId: ["cen"], childInstanceId: ["vbr"] } },
  ),
]);
add(
  "9+",
  "enterprise group accepts udp 53 to 100.100.2.136/32 only; internet NAT; pinned bucket",
  CN,
  [
    sh,
    ...pinnedNet(),
    ali(
      "alicloud:ecs/securityGroup:SecurityGroup",
      "sg",
      { vpcId: "core-id", securityGroupType: "enterprise" },
      { deps: { vpcId: ["core"] } },
    ),
    ali(
      "alicloud:ecs/securityGroupRule:SecurityGroupRule",
      "dns",
      {
        securityGroupId: "sg-id",
        type: "egress",
        cidrIp: "100.100.2.136/32",
        policy: "accept",
        ipProtocol: "udp",
        portRange: "53/53",
      },
      { deps: { securityGroupId: ["sg"] } },
    ),
    ali(
      "alicloud:vpc/natGateway:NatGateway",
      "nat",
      { vpcId: "core-id", networkType: "internet" },
      { deps: { vpcId: ["core"] } },
    ),
  ],
);
add(
  "12+",
  "as 12 with the pinned bucket (the allowlisted CIDR on all protocols)",
  {
    jurisdiction: "CN",
    egressAllowlist: [
      { cidr: "203.0.113.0/24", ports: [500, 4500], protocol: "udp", reason: "plant" },
    ],
  },
  [
    sh,
    ...pinnedNet(),
    ali(
      "alicloud:ecs/securityGroup:SecurityGroup",
      "sg",
      { vpcId: "core-id", securityGroupType: "enterprise" },
      { deps: { vpcId: ["core"] } },
    ),
    ali(
      "alicloud:ecs/securityGroupRule:SecurityGroupRule",
      "plant",
      {
        securityGroupId: "sg-id",
        type: "egress",
        cidrIp: "203.0.113.0/24",
        policy: "accept",
        ipProtocol: "all",
        portRange: "-1/-1",
      },
      { deps: { securityGroupId: ["sg"] } },
    ),
    ali(
      "alicloud:vpc/natGateway:NatGateway",
      "nat",
      { vpcId: "core-id", networkType: "internet" },
      { deps: { vpcId: ["core"] } },
    ),
  ],
);
add("13+", "ECS internetMaxBandwidthOut 5, enterprise group with no rule, pinned bucket", CN, [
  sh,
  ...pinnedNet(),
  ali(
    "alicloud:ecs/securityGroup:SecurityGroup",
    "sg",
    { vpcId: "core-id", securityGroupType: "enterprise" },
    { deps: { vpcId: ["core"] } },
  ),
  ali(
    "alicloud:ecs/instance:Instance",
    "web",
    { vswitchId: "core-a-id", securityGroups: ["sg-id"], internetMaxBandwidthOut: 5 },
    { deps: { vswitchId: ["core-a"], securityGroups: ["sg"] } },
  ),
]);
add("6+", "aws vpc peering to another account; bucket readable from the region's networks", US, [
  awsOr,
  aws("aws:ec2/vpc:Vpc", "core", {}),
  aws(
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    "dsg",
    { vpcId: "core-id", egress: [] },
    { deps: { vpcId: ["core"] } },
  ),
  aws(
    "aws:ec2/vpcPeeringConnection:VpcPeeringConnection",
    "peer",
    { vpcId: "core-id", peerVpcId: "vpc-0other", peerOwnerId: "999988887777" },
    { deps: { vpcId: ["core"] } },
  ),
  aws("aws:s3/bucket:Bucket", "b", { bucket: "b" }),
]);
