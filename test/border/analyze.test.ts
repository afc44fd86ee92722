/**
 * Unit tests of the pure border analysis on hand-built stacks: each test builds the smallest
 * stack that has (or lacks) one way out and asserts the exact path, hop by hop.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { analyzeBorder, flowModels, unknown, type BorderResource } from "../../policy/border";
import { ref, TestStack } from "./builder";

const root = path.resolve(__dirname, "..", "..");

function hops(resources: readonly BorderResource[], opts = {}): string[][] {
  return analyzeBorder(resources, "CN", opts).paths.map((p) => [...p.hops]);
}

/** A Shanghai provider and a Hong Kong one, the two sides of the CN border. */
function aliStack() {
  const s = new TestStack();
  const sh = s.provider("alicloud", "sh", { region: "cn-shanghai" });
  const hk = s.provider("alicloud", "hk", { region: "cn-hongkong" });
  return { s, sh, hk };
}

/** A VPC with one vSwitch and a bucket only that VPC may read. */
function pinnedNetwork(s: TestStack, provider: BorderResource) {
  const vpc = s.add(
    "alicloud:vpc/network:Network",
    "core",
    { cidrBlock: "10.0.0.0/16" },
    { provider },
  );
  const vsw = s.add(
    "alicloud:vpc/switch:Switch",
    "core-a",
    { vpcId: ref(vpc), cidrBlock: "10.0.1.0/24" },
    { provider },
  );
  const bucket = s.add(
    "alicloud:oss/bucket:Bucket",
    "records",
    { bucket: "records-b" },
    { provider },
  );
  s.add(
    "alicloud:oss/bucketPolicy:BucketPolicy",
    "records-policy",
    {
      bucket: "records-b",
      policy: {
        Statement: [
          {
            Effect: "Deny",
            Principal: ["*"],
            Condition: { StringNotEquals: { "acs:SourceVpc": [ref(vpc)] } },
          },
        ],
      },
    },
    { provider },
  );
  return { vpc, vsw, bucket };
}

function openNat(s: TestStack, provider: BorderResource, vpc: BorderResource, vsw: BorderResource) {
  const nat = s.add(
    "alicloud:vpc/natGateway:NatGateway",
    "nat",
    { vpcId: ref(vpc), vswitchId: ref(vsw), networkType: "internet" },
    { provider },
  );
  const eip = s.add(
    "alicloud:ecs/eipAddress:EipAddress",
    "nat-eip",
    { ipAddress: "47.100.1.2" },
    { provider },
  );
  s.add(
    "alicloud:ecs/eipAssociation:EipAssociation",
    "nat-eip-binding",
    { allocationId: ref(eip), instanceId: ref(nat) },
    { provider },
  );
  s.add(
    "alicloud:vpc/routeEntry:RouteEntry",
    "default",
    { routeTableId: "vtb-system", destinationCidrblock: "0.0.0.0/0", nexthopId: ref(nat) },
    { provider },
  );
  return nat;
}

function securityGroup(
  s: TestStack,
  provider: BorderResource,
  vpc: BorderResource,
  rules: Array<{ name: string; cidrIp: string; policy: string; priority: number }>,
) {
  const sg = s.add(
    "alicloud:ecs/securityGroup:SecurityGroup",
    "sg",
    { vpcId: ref(vpc) },
    { provider },
  );
  for (const r of rules) {
    s.add(
      "alicloud:ecs/securityGroupRule:SecurityGroupRule",
      r.name,
      {
        securityGroupId: ref(sg),
        type: "egress",
        cidrIp: r.cidrIp,
        policy: r.policy,
        priority: r.priority,
      },
      { provider },
    );
  }
  return sg;
}

const natTail = [
  'internet-bound traffic of vpc "core"',
  'route "default" (0.0.0.0/0)',
  'nat gateway "nat"',
  'eip association "nat-eip-binding"',
  'eip "nat-eip"',
  "public address (47.100.1.2)",
  "the public internet",
];

describe("object storage", () => {
  test("fails when a bucket replicates to an OSS location abroad", () => {
    const { s, sh } = aliStack();
    s.add("alicloud:oss/bucket:Bucket", "telemetry", { bucket: "t" }, { provider: sh });
    s.add(
      "alicloud:oss/bucketReplication:BucketReplication",
      "telemetry-dr",
      { bucket: "t", destination: { bucket: "t-dr", location: "oss-cn-hongkong" } },
      { provider: sh },
    );
    expect(hops(s.resources)).toEqual([
      ['oss bucket "telemetry"', 'replication "telemetry-dr"', "oss-cn-hongkong (outside CN)"],
    ]);
  });

  test("passes when the replica stays in a region of the jurisdiction", () => {
    const { s, sh } = aliStack();
    s.add("alicloud:oss/bucket:Bucket", "telemetry", { bucket: "t" }, { provider: sh });
    s.add(
      "alicloud:oss/bucketReplication:BucketReplication",
      "telemetry-dr",
      { bucket: "t", destination: { bucket: "t-dr", location: "oss-cn-beijing" } },
      { provider: sh },
    );
    expect(analyzeBorder(s.resources, "CN").verdict).toBe("sealed");
  });

  test("fails closed when the replication destination is not known until deployed", () => {
    const { s, sh } = aliStack();
    s.add("alicloud:oss/bucket:Bucket", "telemetry", { bucket: "t" }, { provider: sh });
    s.add(
      "alicloud:oss/bucketReplication:BucketReplication",
      "telemetry-dr",
      { bucket: "t", destination: { bucket: unknown, location: unknown } },
      { provider: sh },
    );
    expect(hops(s.resources)).toEqual([
      [
        'oss bucket "telemetry"',
        'replication "telemetry-dr"',
        'unknown (destination.location of oss bucket replication "telemetry-dr" is not known until deployed)',
      ],
    ]);
  });

  test("follows log delivery into a bucket of the stack placed abroad", () => {
    const { s, sh, hk } = aliStack();
    s.add("alicloud:oss/bucket:Bucket", "records", { bucket: "r" }, { provider: sh });
    s.add("alicloud:oss/bucket:Bucket", "logs", { bucket: "l" }, { provider: hk });
    s.add(
      "alicloud:oss/bucketLogging:BucketLogging",
      "records-logging",
      { bucket: "r", targetBucket: "l" },
      { provider: sh },
    );
    expect(hops(s.resources)).toEqual([
      [
        'oss bucket "records"',
        'log delivery "records-logging"',
        'oss bucket "logs"',
        "placed in",
        "cn-hongkong (outside CN)",
      ],
      ['oss bucket "logs"', "placed in", "cn-hongkong (outside CN)"],
    ]);
  });

  test("fails when logs go to a bucket that is not in the stack", () => {
    const { s, sh } = aliStack();
    s.add("alicloud:oss/bucket:Bucket", "records", { bucket: "r" }, { provider: sh });
    s.add(
      "alicloud:oss/bucketLogging:BucketLogging",
      "records-logging",
      { bucket: "r", targetBucket: "elsewhere" },
      { provider: sh },
    );
    expect(hops(s.resources)[0].slice(-1)).toEqual([
      'unknown (log bucket "elsewhere" of oss bucket logging "records-logging" is not in this stack)',
    ]);
  });

  test("a public ACL opens the bucket to the internet unless public access is blocked", () => {
    const { s, sh } = aliStack();
    s.add("alicloud:oss/bucket:Bucket", "site", { bucket: "s" }, { provider: sh });
    s.add(
      "alicloud:oss/bucketAcl:BucketAcl",
      "site-acl",
      { bucket: "s", acl: "public-read" },
      { provider: sh },
    );
    expect(hops(s.resources)).toEqual([
      ['oss bucket "site"', 'public access "site-acl" (public-read)', "the public internet"],
    ]);
    s.add(
      "alicloud:oss/bucketPublicAccessBlock:BucketPublicAccessBlock",
      "site-block",
      { bucket: "s", blockPublicAccess: true },
      { provider: sh },
    );
    expect(hops(s.resources)).toEqual([]);
  });

  test("transfer acceleration puts the bucket behind a global edge network", () => {
    const { s, sh } = aliStack();
    s.add("alicloud:oss/bucket:Bucket", "site", { bucket: "s" }, { provider: sh });
    s.add(
      "alicloud:oss/bucketTransferAcceleration:BucketTransferAcceleration",
      "site-accel",
      { bucket: "s", enabled: true },
      { provider: sh },
    );
    expect(hops(s.resources)).toEqual([
      [
        'oss bucket "site"',
        'transfer acceleration "site-accel"',
        "OSS transfer acceleration network (global, outside CN)",
      ],
    ]);
  });

  test("an S3 replication rule resolves its destination bucket by ARN", () => {
    const s = new TestStack();
    const bj = s.provider("aws", "bj", { region: "cn-north-1" });
    s.add(
      "aws:s3/bucket:Bucket",
      "src",
      { bucket: "src", arn: "arn:aws-cn:s3:::src" },
      { provider: bj },
    );
    s.add(
      "aws:s3/bucket:Bucket",
      "dst",
      { bucket: "dst", arn: "arn:aws-cn:s3:::dst", region: "ap-east-1" },
      { provider: bj },
    );
    s.add(
      "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
      "src-crr",
      {
        bucket: "src",
        rules: [{ status: "Enabled", destination: { bucket: "arn:aws-cn:s3:::dst" } }],
      },
      { provider: bj },
    );
    expect(hops(s.resources)[0]).toEqual([
      's3 bucket "src"',
      'replication "src-crr"',
      's3 bucket "dst"',
      "placed in",
      "ap-east-1 (outside CN)",
    ]);
  });

  test("an S3 destination outside the stack in a foreign partition is abroad", () => {
    const s = new TestStack();
    const bj = s.provider("aws", "bj", { region: "cn-north-1" });
    s.add("aws:s3/bucket:Bucket", "src", { bucket: "src" }, { provider: bj });
    s.add(
      "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
      "src-crr",
      {
        bucket: "src",
        rules: [{ status: "Enabled", destination: { bucket: "arn:aws:s3:::partner" } }],
      },
      { provider: bj },
    );
    expect(hops(s.resources)[0].slice(-1)).toEqual(["aws partition aws (global, outside CN)"]);
  });
});

describe("who can read a bucket", () => {
  function awsBucket(policy: (vpce: BorderResource) => unknown) {
    const s = new TestStack();
    const bj = s.provider("aws", "bj", { region: "cn-north-1" });
    const vpc = s.add("aws:ec2/vpc:Vpc", "core", {}, { provider: bj });
    const vpce = s.add(
      "aws:ec2/vpcEndpoint:VpcEndpoint",
      "s3",
      { vpcId: ref(vpc) },
      { provider: bj },
    );
    s.add("aws:s3/bucket:Bucket", "records", { bucket: "records" }, { provider: bj });
    s.add(
      "aws:s3/bucketPolicy:BucketPolicy",
      "records-policy",
      { bucket: "records", policy: policy(vpce) },
      { provider: bj },
    );
    return s;
  }

  test("a SourceVpce condition pins the bucket to the endpoint's VPC", () => {
    const s = awsBucket((vpce) => ({
      Statement: [
        {
          Effect: "Deny",
          Principal: "*",
          Condition: { StringNotEquals: { "aws:SourceVpce": ref(vpce) } },
        },
      ],
    }));
    const a = analyzeBorder(s.resources, "CN");
    expect(
      a.edges
        .filter((e) => e.label === "readable from")
        .map((e) => [e.from.split("::").pop(), e.to.split("::").pop(), e.detail]),
    ).toEqual([["records", "core", 'only through ec2 vpc endpoint "s3"']]);
    expect(a.paths).toEqual([]);
  });

  test("a network the stack does not hold fails closed", () => {
    const s = awsBucket(() => ({
      Statement: [
        {
          Effect: "Deny",
          Principal: "*",
          Condition: { StringNotEquals: { "aws:SourceVpc": "vpc-elsewhere" } },
        },
      ],
    }));
    expect(hops(s.resources)).toEqual([
      [
        's3 bucket "records"',
        'readable from "records-policy"',
        'unknown (network vpc-elsewhere named by s3 bucket policy "records-policy" is not in this stack)',
      ],
    ]);
  });

  test("an unconditional Allow to everyone is public access", () => {
    const s = awsBucket(() => ({
      Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: "s3:GetObject" }],
    }));
    expect(hops(s.resources)).toContainEqual([
      's3 bucket "records"',
      'public access "records-policy" (policy allows everyone)',
      "the public internet",
    ]);
  });

  test("without a network condition the bucket is readable from every network of its region", () => {
    const { s, sh } = aliStack();
    s.add("alicloud:oss/bucket:Bucket", "open", { bucket: "o" }, { provider: sh });
    const vpc = s.add("alicloud:vpc/network:Network", "core", {}, { provider: sh });
    const vsw = s.add(
      "alicloud:vpc/switch:Switch",
      "core-a",
      { vpcId: ref(vpc) },
      { provider: sh },
    );
    openNat(s, sh, vpc, vsw);
    expect(hops(s.resources)[0].slice(0, 5)).toEqual([
      'oss bucket "open"',
      "readable from (no network restriction: any network of its region with credentials)",
      "every network in cn-shanghai",
      "in region",
      'vpc "core"',
    ]);
  });
});

describe("keys", () => {
  test("a bucket encrypted by a key under a foreign provider leaves through the key", () => {
    const { s, sh, hk } = aliStack();
    const key = s.add("alicloud:kms/key:Key", "k", {}, { provider: hk });
    s.add("alicloud:oss/bucket:Bucket", "b", { bucket: "b" }, { provider: sh });
    s.add(
      "alicloud:oss/bucketServerSideEncryption:BucketServerSideEncryption",
      "b-sse",
      { bucket: "b", sseAlgorithm: "KMS", kmsMasterKeyId: ref(key) },
      { provider: sh },
    );
    expect(hops(s.resources)).toEqual([
      ['kms key "k"', "placed in", "cn-hongkong (outside CN)"],
      [
        'oss bucket "b"',
        'encrypted by "b-sse"',
        'kms key "k"',
        "placed in",
        "cn-hongkong (outside CN)",
      ],
    ]);
  });

  test("a KMS replica of an in-country key in a foreign region opens the key", () => {
    const s = new TestStack();
    const bj = s.provider("aws", "bj", { region: "cn-north-1" });
    const primary = s.add(
      "aws:kms/key:Key",
      "primary",
      { arn: "arn:aws-cn:kms:cn-north-1:1:key/p", multiRegion: true },
      { provider: bj },
    );
    s.add(
      "aws:kms/replicaKey:ReplicaKey",
      "replica",
      { primaryKeyArn: ref(primary), region: "us-west-2" },
      { provider: bj },
    );
    expect(hops(s.resources)[0]).toEqual([
      'kms key "primary"',
      "key replication",
      'kms replica key "replica"',
      "placed in",
      "us-west-2 (outside CN, in US)",
    ]);
  });
});

describe("networks", () => {
  test("fails on VPC → route 0.0.0.0/0 → NAT → EIP when a security group admits the internet", () => {
    const { s, sh } = aliStack();
    const { vpc, vsw } = pinnedNetwork(s, sh);
    securityGroup(s, sh, vpc, [
      { name: "any", cidrIp: "0.0.0.0/0", policy: "accept", priority: 1 },
    ]);
    openNat(s, sh, vpc, vsw);
    expect(hops(s.resources)).toEqual([
      [
        'oss bucket "records"',
        'readable from "records-policy" (only from this network)',
        'vpc "core"',
        'egress rule "any" (0.0.0.0/0)',
        ...natTail,
      ],
    ]);
  });

  test("a drop of 0.0.0.0/0 that outranks the accept keeps the NAT unreachable", () => {
    const { s, sh } = aliStack();
    const { vpc, vsw } = pinnedNetwork(s, sh);
    securityGroup(s, sh, vpc, [
      { name: "any", cidrIp: "0.0.0.0/0", policy: "accept", priority: 50 },
      { name: "drop", cidrIp: "0.0.0.0/0", policy: "drop", priority: 10 },
    ]);
    openNat(s, sh, vpc, vsw);
    expect(hops(s.resources)).toEqual([]);
  });

  test("an accept that outranks the drop opens the path", () => {
    const { s, sh } = aliStack();
    const { vpc, vsw } = pinnedNetwork(s, sh);
    securityGroup(s, sh, vpc, [
      { name: "web", cidrIp: "8.8.8.0/24", policy: "accept", priority: 1 },
      { name: "drop", cidrIp: "0.0.0.0/0", policy: "drop", priority: 100 },
    ]);
    openNat(s, sh, vpc, vsw);
    expect(hops(s.resources)[0][3]).toBe('egress rule "web" (8.8.8.0/24)');
  });

  test("accepts to allowlisted destinations do not open the internet", () => {
    const { s, sh } = aliStack();
    const { vpc, vsw } = pinnedNetwork(s, sh);
    securityGroup(s, sh, vpc, [
      { name: "plant", cidrIp: "203.0.113.0/24", policy: "accept", priority: 1 },
      { name: "drop", cidrIp: "0.0.0.0/0", policy: "drop", priority: 100 },
    ]);
    openNat(s, sh, vpc, vsw);
    const allowlist = [{ cidr: "203.0.113.0/24", reason: "plant" }];
    expect(hops(s.resources, { egressAllowlist: allowlist })).toEqual([]);
    expect(hops(s.resources)).toHaveLength(1);
  });

  test("a basic security group without a drop-all lets out what no rule drops", () => {
    const { s, sh } = aliStack();
    const { vpc, vsw } = pinnedNetwork(s, sh);
    securityGroup(s, sh, vpc, [
      { name: "vpc", cidrIp: "10.0.0.0/16", policy: "accept", priority: 1 },
    ]);
    openNat(s, sh, vpc, vsw);
    expect(hops(s.resources)[0][3]).toBe(
      'default egress "sg" (a basic security group lets out what no rule drops)',
    );
  });

  test("with no security group in the stack egress is unbounded (fail closed)", () => {
    const { s, sh } = aliStack();
    const { vpc, vsw } = pinnedNetwork(s, sh);
    openNat(s, sh, vpc, vsw);
    expect(hops(s.resources)[0][3]).toBe(
      "default egress (no security group of this stack bounds its egress)",
    );
  });

  test("a network ACL that drops 0.0.0.0/0 on every vSwitch seals an open security group", () => {
    const { s, sh } = aliStack();
    const { vpc, vsw } = pinnedNetwork(s, sh);
    securityGroup(s, sh, vpc, [
      { name: "any", cidrIp: "0.0.0.0/0", policy: "accept", priority: 1 },
    ]);
    openNat(s, sh, vpc, vsw);
    const acl = (entries: unknown[]) =>
      s.add(
        "alicloud:vpc/networkAcl:NetworkAcl",
        "acl",
        {
          vpcId: ref(vpc),
          egressAclEntries: entries,
          resources: [{ resourceId: ref(vsw), resourceType: "VSwitch" }],
        },
        { provider: sh },
      );
    acl([
      { destinationCidrIp: "10.0.0.0/16", policy: "accept" },
      { destinationCidrIp: "0.0.0.0/0", policy: "drop" },
    ]);
    expect(hops(s.resources)).toEqual([]);
  });

  test("an ACL whose first match for the internet is an accept does not seal", () => {
    const { s, sh } = aliStack();
    const { vpc, vsw } = pinnedNetwork(s, sh);
    securityGroup(s, sh, vpc, [
      { name: "any", cidrIp: "0.0.0.0/0", policy: "accept", priority: 1 },
    ]);
    openNat(s, sh, vpc, vsw);
    s.add(
      "alicloud:vpc/networkAcl:NetworkAcl",
      "acl",
      {
        vpcId: ref(vpc),
        egressAclEntries: [
          { destinationCidrIp: "1.2.3.0/24", policy: "accept" },
          { destinationCidrIp: "0.0.0.0/0", policy: "drop" },
        ],
        resources: [{ resourceId: ref(vsw), resourceType: "VSwitch" }],
      },
      { provider: sh },
    );
    expect(hops(s.resources)).toHaveLength(1);
  });

  test("an ECS instance with a public IP in an open security group reaches the internet", () => {
    const { s, sh } = aliStack();
    const { vpc, vsw } = pinnedNetwork(s, sh);
    const sg = securityGroup(s, sh, vpc, [
      { name: "any", cidrIp: "0.0.0.0/0", policy: "accept", priority: 1 },
    ]);
    s.add(
      "alicloud:ecs/instance:Instance",
      "web",
      { vswitchId: ref(vsw), securityGroups: [ref(sg)], internetMaxBandwidthOut: 5 },
      { provider: sh },
    );
    expect(hops(s.resources)).toEqual([
      [
        'oss bucket "records"',
        'readable from "records-policy" (only from this network)',
        'vpc "core"',
        "subnet",
        'vswitch "core-a"',
        "attachment",
        'ecs instance "web"',
        "public address (internetMaxBandwidthOut 5; 0.0.0.0/0)",
        "the public internet",
      ],
    ]);
  });

  test("an AWS VPC: route to an internet gateway, unadopted default security group", () => {
    const s = new TestStack();
    const bj = s.provider("aws", "bj", { region: "cn-north-1" });
    const vpc = s.add("aws:ec2/vpc:Vpc", "core", { cidrBlock: "10.0.0.0/16" }, { provider: bj });
    const igw = s.add(
      "aws:ec2/internetGateway:InternetGateway",
      "igw",
      { vpcId: ref(vpc) },
      { provider: bj },
    );
    const rt = s.add(
      "aws:ec2/routeTable:RouteTable",
      "public",
      { vpcId: ref(vpc) },
      { provider: bj },
    );
    s.add(
      "aws:ec2/route:Route",
      "default",
      { routeTableId: ref(rt), destinationCidrBlock: "0.0.0.0/0", gatewayId: ref(igw) },
      { provider: bj },
    );
    s.add("aws:rds/instance:Instance", "db", {}, { provider: bj });
    const db = s.add("aws:efs/fileSystem:FileSystem", "files", {}, { provider: bj });
    const subnet = s.add("aws:ec2/subnet:Subnet", "a", { vpcId: ref(vpc) }, { provider: bj });
    s.add(
      "aws:efs/mountTarget:MountTarget",
      "files-a",
      { fileSystemId: ref(db), subnetId: ref(subnet) },
      { provider: bj },
    );
    expect(hops(s.resources)).toEqual([
      [
        'efs file system "files"',
        'readable from "files-a"',
        'subnet "a"',
        "default egress (the VPC's default security group allows all egress until adopted)",
        'internet-bound traffic of vpc "core"',
        'route "default" (0.0.0.0/0)',
        'internet gateway "igw"',
        "public address (internet gateway)",
        "the public internet",
      ],
    ]);
    s.add(
      "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
      "default-sg",
      { vpcId: ref(vpc), egress: [] },
      { provider: bj },
    );
    expect(hops(s.resources)).toEqual([]);
  });

  test("an AWS route table's inline default route leads to a NAT gateway and its EIP", () => {
    const s = new TestStack();
    const bj = s.provider("aws", "bj", { region: "cn-north-1" });
    const vpc = s.add("aws:ec2/vpc:Vpc", "core", {}, { provider: bj });
    s.add(
      "aws:ec2/securityGroup:SecurityGroup",
      "web",
      { vpcId: ref(vpc), egress: [{ cidrBlocks: ["0.0.0.0/0"] }] },
      { provider: bj },
    );
    s.add(
      "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
      "default-sg",
      { vpcId: ref(vpc), egress: [] },
      { provider: bj },
    );
    const eip = s.add("aws:ec2/eip:Eip", "nat-ip", { publicIp: "52.80.1.1" }, { provider: bj });
    const nat = s.add(
      "aws:ec2/natGateway:NatGateway",
      "nat",
      { allocationId: ref(eip) },
      { provider: bj },
    );
    const igw = s.add(
      "aws:ec2/internetGateway:InternetGateway",
      "igw",
      { vpcId: ref(vpc) },
      { provider: bj },
    );
    s.add(
      "aws:ec2/routeTable:RouteTable",
      "private",
      {
        vpcId: ref(vpc),
        routes: [
          { cidrBlock: "10.1.0.0/16", gatewayId: ref(igw) },
          { cidrBlock: "0.0.0.0/0", natGatewayId: ref(nat) },
        ],
      },
      { provider: bj },
    );
    // A type without a flow model is a node with no edges, not an error.
    s.add("aws:sqs/queue:Queue", "orders", {}, { provider: bj });
    const fs = s.add("aws:efs/fileSystem:FileSystem", "files", {}, { provider: bj });
    s.add(
      "aws:efs/mountTarget:MountTarget",
      "files-mt",
      { fileSystemId: ref(fs), subnetId: ref(vpc) },
      { provider: bj },
    );
    expect(hops(s.resources)).toEqual([
      [
        'efs file system "files"',
        'readable from "files-mt"',
        'vpc "core"',
        'egress rule "web" (0.0.0.0/0)',
        'internet-bound traffic of vpc "core"',
        'route "private" (0.0.0.0/0)',
        'nat gateway "nat"',
        "eip association",
        'eip "nat-ip"',
        "public address (52.80.1.1)",
        "the public internet",
      ],
    ]);
  });

  test("a transit gateway peered with another region carries attached VPCs abroad", () => {
    const s = new TestStack();
    const bj = s.provider("aws", "bj", { region: "cn-north-1" });
    const vpc = s.add("aws:ec2/vpc:Vpc", "core", {}, { provider: bj });
    s.add(
      "aws:dynamodb/table:Table",
      "orders",
      { replicas: [{ regionName: "cn-northwest-1" }] },
      { provider: bj },
    );
    const tgw = s.add(
      "aws:ec2transitgateway/transitGateway:TransitGateway",
      "tgw",
      {},
      { provider: bj },
    );
    s.add(
      "aws:ec2transitgateway/vpcAttachment:VpcAttachment",
      "tgw-core",
      { transitGatewayId: ref(tgw), vpcId: ref(vpc) },
      { provider: bj },
    );
    s.add(
      "aws:ec2transitgateway/peeringAttachment:PeeringAttachment",
      "tgw-sg",
      {
        transitGatewayId: ref(tgw),
        peerTransitGatewayId: "tgw-0abc",
        peerRegion: "ap-southeast-1",
      },
      { provider: bj },
    );
    const vol = s.add("aws:ebs/volume:Volume", "data", {}, { provider: bj });
    const subnet = s.add("aws:ec2/subnet:Subnet", "a", { vpcId: ref(vpc) }, { provider: bj });
    const host = s.add(
      "aws:ec2/instance:Instance",
      "host",
      { subnetId: ref(subnet) },
      { provider: bj },
    );
    s.add(
      "aws:ec2/volumeAttachment:VolumeAttachment",
      "data-host",
      { volumeId: ref(vol), instanceId: ref(host) },
      { provider: bj },
    );
    expect(hops(s.resources)).toEqual([
      [
        'ebs volume "data"',
        'mounted by "data-host"',
        'ec2 instance "host"',
        "attachment",
        'subnet "a"',
        "subnet",
        'vpc "core"',
        'attachment "tgw-core"',
        'ec2transitgateway transit gateway "tgw"',
        'peer attachment "tgw-sg"',
        "ap-southeast-1 (outside CN)",
      ],
    ]);
  });

  test("a peering chain in-country → in-country → abroad is followed to its end", () => {
    const { s, sh } = aliStack();
    const bj = s.provider("alicloud", "bj", { region: "cn-beijing" });
    const { vpc } = pinnedNetwork(s, sh);
    const b = s.add("alicloud:vpc/network:Network", "b", {}, { provider: bj });
    s.add(
      "alicloud:vpc/peerConnection:PeerConnection",
      "core-b",
      { vpcId: ref(vpc), acceptingVpcId: ref(b), acceptingRegionId: "cn-beijing" },
      { provider: sh },
    );
    s.add(
      "alicloud:vpc/peerConnection:PeerConnection",
      "b-far",
      { vpcId: ref(b), acceptingVpcId: "vpc-far", acceptingRegionId: "ap-southeast-1" },
      { provider: bj },
    );
    expect(hops(s.resources)[0]).toEqual([
      'oss bucket "records"',
      'readable from "records-policy" (only from this network)',
      'vpc "core"',
      'peering "core-b"',
      'vpc "b"',
      'peering "b-far"',
      "ap-southeast-1 (outside CN)",
    ]);
  });

  test("a transit router peered with a foreign region carries the VPC's data abroad", () => {
    const { s, sh } = aliStack();
    const { vpc } = pinnedNetwork(s, sh);
    const cen = s.add("alicloud:cen/instance:Instance", "cen", {}, { provider: sh });
    const tr = s.add(
      "alicloud:cen/transitRouter:TransitRouter",
      "tr",
      { cenId: ref(cen) },
      { provider: sh },
    );
    s.add(
      "alicloud:cen/transitRouterVpcAttachment:TransitRouterVpcAttachment",
      "tr-core",
      { transitRouterId: ref(tr), vpcId: ref(vpc) },
      { provider: sh },
    );
    s.add(
      "alicloud:cen/transitRouterPeerAttachment:TransitRouterPeerAttachment",
      "tr-eu",
      {
        transitRouterId: ref(tr),
        peerTransitRouterId: "tr-eu0001",
        peerTransitRouterRegionId: "eu-central-1",
      },
      { provider: sh },
    );
    expect(hops(s.resources)[0].slice(2)).toEqual([
      'vpc "core"',
      'attachment "tr-core"',
      'transit router "tr"',
      'peer attachment "tr-eu"',
      "eu-central-1 (outside CN, in EU)",
    ]);
  });

  test("a VPN to an allowlisted customer gateway stays inside; any other address leaves", () => {
    const { s, sh } = aliStack();
    const { vpc } = pinnedNetwork(s, sh);
    const gw = s.add("alicloud:vpn/gateway:Gateway", "vpn", { vpcId: ref(vpc) }, { provider: sh });
    const cgw = s.add(
      "alicloud:vpn/customerGateway:CustomerGateway",
      "plant",
      { ipAddress: "203.0.113.10" },
      { provider: sh },
    );
    s.add(
      "alicloud:vpn/connection:Connection",
      "tunnel",
      { vpnGatewayId: ref(gw), customerGatewayId: ref(cgw) },
      { provider: sh },
    );
    expect(
      hops(s.resources, { egressAllowlist: [{ cidr: "203.0.113.0/24", reason: "plant" }] }),
    ).toEqual([]);
    expect(hops(s.resources)[0].slice(-5)).toEqual([
      'vpn gateway "vpn"',
      'ipsec connection "tunnel"',
      'customer gateway "plant"',
      "public address (203.0.113.10)",
      "the public internet",
    ]);
  });
});

describe("copies", () => {
  test("a cross-region backup of an RDS instance to a foreign region", () => {
    const { s, sh } = aliStack();
    const db = s.add("alicloud:rds/instance:Instance", "db", {}, { provider: sh });
    s.add(
      "alicloud:rds/rdsInstanceCrossBackupPolicy:RdsInstanceCrossBackupPolicy",
      "db-dr",
      { instanceId: ref(db), crossBackupRegion: "cn-hongkong" },
      { provider: sh },
    );
    expect(hops(s.resources)).toEqual([
      ['rds instance "db"', 'backup copy "db-dr" (crossBackupRegion)', "cn-hongkong (outside CN)"],
    ]);
  });

  test("snapshot copy only counts when cross-region copy is switched on", () => {
    const { s, sh } = aliStack();
    const policy = s.add(
      "alicloud:ecs/autoSnapshotPolicy:AutoSnapshotPolicy",
      "snap",
      { enableCrossRegionCopy: false, targetCopyRegions: ["ap-northeast-1"] },
      { provider: sh },
    );
    expect(hops(s.resources)).toEqual([]);
    (policy.props as Record<string, unknown>).enableCrossRegionCopy = true;
    expect(hops(s.resources)).toEqual([
      [
        'ecs auto snapshot policy "snap"',
        "snapshot copy (targetCopyRegions[])",
        "ap-northeast-1 (outside CN)",
      ],
    ]);
  });
});

describe("kubernetes", () => {
  function cluster(policy?: Record<string, unknown>, podSpec: Record<string, unknown> = {}) {
    const { s, sh } = aliStack();
    const vpc = s.add("alicloud:vpc/network:Network", "core", {}, { provider: sh });
    const nodes = s.add(
      "alicloud:vpc/switch:Switch",
      "nodes",
      { vpcId: ref(vpc) },
      { provider: sh },
    );
    const vsw = nodes;
    openNat(s, sh, vpc, vsw);
    const ack = s.add(
      "alicloud:cs/managedKubernetes:ManagedKubernetes",
      "apps",
      { workerVswitchIds: [ref(nodes)] },
      { provider: sh },
    );
    const kube = s.provider("kubernetes", "apps", { kubeconfig: ref(ack) });
    s.add(
      "kubernetes:apps/v1:Deployment",
      "api",
      {
        metadata: { namespace: "app" },
        spec: {
          template: {
            metadata: { labels: { app: "api" } },
            spec: { volumes: [{ persistentVolumeClaim: { claimName: "data" } }], ...podSpec },
          },
        },
      },
      { provider: kube },
    );
    s.add(
      "kubernetes:core/v1:PersistentVolumeClaim",
      "data",
      { metadata: { name: "data", namespace: "app" } },
      { provider: kube },
    );
    if (policy) {
      s.add(
        "kubernetes:networking.k8s.io/v1:NetworkPolicy",
        "np",
        { metadata: { namespace: "app" }, spec: policy },
        { provider: kube },
      );
    }
    return s;
  }

  test("pods without an egress policy reach the NAT through their node subnet", () => {
    expect(hops(cluster().resources)).toEqual([
      [
        'k8s persistentvolumeclaim "data"',
        "mounted by",
        'k8s deployment "api"',
        "pod egress (no NetworkPolicy restricts its pods' egress)",
        'vswitch "nodes"',
        "default egress (no security group of this stack bounds its egress)",
        ...natTail,
      ],
    ]);
  });

  test("a default-deny egress policy in the namespace closes the path", () => {
    expect(
      hops(cluster({ podSelector: {}, policyTypes: ["Egress"], egress: [] }).resources),
    ).toEqual([]);
  });

  test("a policy allowing 0.0.0.0/0 reopens it, naming the policy", () => {
    const s = cluster({
      podSelector: { matchLabels: { app: "api" } },
      policyTypes: ["Egress"],
      egress: [{ to: [{ ipBlock: { cidr: "0.0.0.0/0" } }] }],
    });
    expect(hops(s.resources)[0][3]).toBe('pod egress "np" (allows 0.0.0.0/0)');
  });

  test("a policy that selects other pods restricts nothing", () => {
    const s = cluster({
      podSelector: { matchLabels: { app: "web" } },
      policyTypes: ["Egress"],
      egress: [],
    });
    expect(hops(s.resources)).toHaveLength(1);
  });

  test("hostNetwork pods are not governed by NetworkPolicy", () => {
    const s = cluster(
      { podSelector: {}, policyTypes: ["Egress"], egress: [] },
      { hostNetwork: true },
    );
    expect(hops(s.resources)[0][3]).toBe(
      "pod egress (hostNetwork pods are not governed by NetworkPolicy)",
    );
  });

  test("objects of a cluster the stack does not hold fail closed", () => {
    const { s } = aliStack();
    const kube = s.provider("kubernetes", "external", {});
    s.add(
      "kubernetes:core/v1:PersistentVolumeClaim",
      "data",
      { metadata: { name: "data" } },
      { provider: kube },
    );
    expect(hops(s.resources)).toEqual([
      [
        'k8s persistentvolumeclaim "data"',
        "placed in",
        'unknown (k8s persistentvolumeclaim "data": its Kubernetes provider is not built from a cluster of this stack)',
      ],
    ]);
  });
});

describe("the analysis", () => {
  test("paths are walks of the graph from a data store to an outside node", () => {
    const { s, sh } = aliStack();
    const { vpc, vsw } = pinnedNetwork(s, sh);
    openNat(s, sh, vpc, vsw);
    const a = analyzeBorder(s.resources, "CN");
    const byId = new Map(a.nodes.map((n) => [n.id, n]));
    for (const p of a.paths) {
      expect(["data", "key"]).toContain(p.source.role);
      expect(p.exit.side).not.toBe("inside");
      p.edges.forEach((e, i) => {
        expect(e.from).toBe(p.nodes[i]);
        expect(e.to).toBe(p.nodes[i + 1]);
        expect(a.edges).toContain(e);
      });
      expect(p.nodes.slice(1, -1).every((id) => byId.get(id)?.role !== "place")).toBe(true);
    }
  });

  test("verdict matches brute-force reachability over random peering topologies", () => {
    const regions = ["cn-shanghai", "cn-beijing", "cn-hangzhou", "cn-hongkong", "ap-southeast-1"];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...regions), { minLength: 1, maxLength: 7 }),
        fc.array(fc.tuple(fc.nat(6), fc.nat(6)), { maxLength: 10 }),
        (vpcRegions, pairs) => {
          const s = new TestStack();
          const providers = new Map(
            regions.map((r) => [r, s.provider("alicloud", r, { region: r })]),
          );
          const vpcs = vpcRegions.map((r, i) =>
            s.add("alicloud:vpc/network:Network", `v${i}`, {}, { provider: providers.get(r) }),
          );
          s.add(
            "alicloud:oss/bucketPolicy:BucketPolicy",
            "p",
            {
              bucket: "b",
              policy: {
                Statement: [{ Condition: { StringNotEquals: { "acs:SourceVpc": ref(vpcs[0]) } } }],
              },
            },
            { provider: providers.get("cn-shanghai") },
          );
          s.add(
            "alicloud:oss/bucket:Bucket",
            "b",
            { bucket: "b" },
            { provider: providers.get("cn-shanghai") },
          );
          const adj = vpcs.map(() => [] as number[]);
          pairs
            .filter(([a, b]) => a < vpcs.length && b < vpcs.length && a !== b)
            .forEach(([a, b], k) => {
              s.add(
                "alicloud:vpc/peerConnection:PeerConnection",
                `peer${k}`,
                { vpcId: ref(vpcs[a]), acceptingVpcId: ref(vpcs[b]) },
                { provider: providers.get(vpcRegions[a]) },
              );
              adj[a].push(b);
              adj[b].push(a);
            });
          const seen = new Set([0]);
          const queue = [0];
          while (queue.length > 0) {
            for (const n of adj[queue.shift() as number]) {
              if (!seen.has(n)) {
                seen.add(n);
                queue.push(n);
              }
            }
          }
          const abroad = [...seen].some((i) =>
            ["cn-hongkong", "ap-southeast-1"].includes(vpcRegions[i]),
          );
          const result = analyzeBorder(s.resources, "CN");
          const bucketLeaves = result.paths.some((p) => p.source.label === 'oss bucket "b"');
          expect(bucketLeaves).toBe(abroad);
        },
      ),
      { numRuns: 200 },
    );
  });

  test("every flow model names a type token the provider SDKs define", () => {
    // Tokens are declared as `__pulumiType = '<token>'` in the class files of their module folder.
    const declared = new Map<string, Set<string>>();
    const tokensIn = (dir: string) => {
      if (!declared.has(dir)) {
        const found = new Set<string>();
        for (const f of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
          if (f.endsWith(".js")) {
            for (const m of fs
              .readFileSync(path.join(dir, f), "utf8")
              .matchAll(/__pulumiType = '([^']+)'/g)) {
              found.add(m[1]);
            }
          }
        }
        declared.set(dir, found);
      }
      return declared.get(dir) as Set<string>;
    };
    const missing = Object.keys(flowModels).filter((token) => {
      const [pkg, mod] = token.split(":");
      const [group, version] = mod.split("/");
      const dir =
        pkg === "kubernetes"
          ? path.join(root, "node_modules/@pulumi/kubernetes", group.split(".")[0], version)
          : path.join(root, "node_modules/@pulumi", pkg, group);
      return !tokensIn(dir).has(token);
    });
    expect(missing).toEqual([]);
  });
});
