/**
 * Unit tests of the pure border analysis on hand-built stacks: each test builds the smallest
 * stack that has (or lacks) one way out and asserts the exact list of paths, hop by hop, so an
 * extra, duplicate or shortened path fails. Every stack with a way out has a twin, the same shape
 * with the far end inside the jurisdiction or the link closed, asserted to have none.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { analyzeBorder, unknown, type BorderResource } from "../../policy/paths";
import { ref, TestStack } from "./builder";
import { modelledTypes } from "../../policy/paths/types";
import { customResourceTypes } from "../../policy/reviewed";

const root = path.resolve(__dirname, "..", "..");

/** Every path out of CN, each as its hops in reading order. */
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

/** An AWS stack whose provider is in Beijing (aws-cn), inside CN. */
function awsStack() {
  const s = new TestStack();
  const bj = s.provider("aws", "bj", { region: "cn-north-1" });
  return { s, bj };
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

function openNat(
  s: TestStack,
  provider: BorderResource,
  vpc: BorderResource,
  vsw: BorderResource,
  networkType = "internet",
) {
  const nat = s.add(
    "alicloud:vpc/natGateway:NatGateway",
    "nat",
    { vpcId: ref(vpc), vswitchId: ref(vsw), networkType },
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
  rules: Array<{
    name: string;
    cidrIp: string;
    policy: string;
    priority: number;
    ipProtocol?: string;
    portRange?: string;
  }>,
  props: Record<string, unknown> = {},
) {
  const sg = s.add(
    "alicloud:ecs/securityGroup:SecurityGroup",
    "sg",
    { vpcId: ref(vpc), ...props },
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
        ...(r.ipProtocol === undefined ? {} : { ipProtocol: r.ipProtocol }),
        ...(r.portRange === undefined ? {} : { portRange: r.portRange }),
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

/** The pinned bucket's way into its VPC, the head of every path through the network. */
const pinnedHead = [
  'oss bucket "records"',
  'readable from "records-policy" (only from this network)',
  'vpc "core"',
];

describe("object storage", () => {
  function replicated(destination: Record<string, unknown>) {
    const { s, sh } = aliStack();
    s.add("alicloud:oss/bucket:Bucket", "telemetry", { bucket: "t" }, { provider: sh });
    s.add(
      "alicloud:oss/bucketReplication:BucketReplication",
      "telemetry-dr",
      { bucket: "t", destination },
      { provider: sh },
    );
    return s;
  }

  test("fails when a bucket replicates to an OSS location abroad", () => {
    const s = replicated({ bucket: "t-dr", location: "oss-cn-hongkong" });
    expect(hops(s.resources)).toEqual([
      [
        'oss bucket "telemetry"',
        'replication "telemetry-dr"',
        "oss-cn-hongkong (outside CN, in HK)",
      ],
    ]);
  });

  test("passes when the replica stays in a region of the jurisdiction", () => {
    const s = replicated({ bucket: "t-dr", location: "oss-cn-beijing" });
    const a = analyzeBorder(s.resources, "CN");
    expect(a.paths).toEqual([]);
    expect(a.verdict).toBe("sealed");
  });

  test("fails closed when the replication destination is not known until deployed", () => {
    const s = replicated({ bucket: unknown, location: unknown });
    expect(hops(s.resources)).toEqual([
      [
        'oss bucket "telemetry"',
        'replication "telemetry-dr"',
        'unknown (destination bucket of oss bucket replication "telemetry-dr" is not known until deployed)',
      ],
    ]);
  });

  function logged(target: string, targetProvider: "sh" | "hk") {
    const { s, sh, hk } = aliStack();
    s.add("alicloud:oss/bucket:Bucket", "records", { bucket: "r" }, { provider: sh });
    s.add(
      "alicloud:oss/bucket:Bucket",
      "logs",
      { bucket: "l" },
      { provider: targetProvider === "sh" ? sh : hk },
    );
    s.add(
      "alicloud:oss/bucketLogging:BucketLogging",
      "records-logging",
      { bucket: "r", targetBucket: target },
      { provider: sh },
    );
    return s;
  }

  test("follows log delivery into a bucket of the stack placed abroad", () => {
    expect(hops(logged("l", "hk").resources)).toEqual([
      [
        'oss bucket "records"',
        'log delivery "records-logging"',
        'oss bucket "logs"',
        "placed in",
        "cn-hongkong (outside CN, in HK)",
      ],
      ['oss bucket "logs"', "placed in", "cn-hongkong (outside CN, in HK)"],
    ]);
  });

  test("passes when logs go to a bucket of the stack in the jurisdiction", () => {
    expect(hops(logged("l", "sh").resources)).toEqual([]);
  });

  test("fails when logs go to a bucket that is not in the stack", () => {
    expect(hops(logged("elsewhere", "sh").resources)).toEqual([
      [
        'oss bucket "records"',
        'log delivery "records-logging"',
        'unknown (log bucket "elsewhere" of oss bucket logging "records-logging" is not in this stack)',
      ],
    ]);
  });

  function withAcl(acl: string) {
    const { s, sh } = aliStack();
    s.add("alicloud:oss/bucket:Bucket", "site", { bucket: "s" }, { provider: sh });
    s.add("alicloud:oss/bucketAcl:BucketAcl", "site-acl", { bucket: "s", acl }, { provider: sh });
    return { s, sh };
  }

  test("a public ACL opens the bucket to the internet", () => {
    expect(hops(withAcl("public-read").s.resources)).toEqual([
      ['oss bucket "site"', 'public access "site-acl" (public-read)', "the public internet"],
    ]);
  });

  test("a public ACL opens nothing when public access is blocked", () => {
    const { s, sh } = withAcl("public-read");
    s.add(
      "alicloud:oss/bucketPublicAccessBlock:BucketPublicAccessBlock",
      "site-block",
      { bucket: "s", blockPublicAccess: true },
      { provider: sh },
    );
    expect(hops(s.resources)).toEqual([]);
  });

  test("a private ACL opens nothing", () => {
    expect(hops(withAcl("private").s.resources)).toEqual([]);
  });

  /** An S3 bucket granting READ to one grantee, on the bucket itself or through its ACL resource. */
  function granted(grantee: Record<string, string>, on: "bucket" | "acl") {
    const { s, bj } = awsStack();
    const grant = { ...grantee, permissions: ["READ"] };
    s.add(
      "aws:s3/bucket:Bucket",
      "site",
      { bucket: "s", ...(on === "bucket" ? { grants: [grant] } : {}) },
      { provider: bj },
    );
    if (on === "acl") {
      s.add(
        "aws:s3/bucketAclV2:BucketAclV2",
        "site-acl",
        { bucket: "s", accessControlPolicy: { grants: [{ grantee: grant, permission: "READ" }] } },
        { provider: bj },
      );
    }
    return s.resources;
  }
  const allUsers = { type: "Group", uri: "http://acs.amazonaws.com/groups/global/AllUsers" };

  test("a bucket's own grant to all users opens it to the internet", () => {
    expect(hops(granted(allUsers, "bucket"))).toEqual([
      ['s3 bucket "site"', "public access (grant to all users)", "the public internet"],
    ]);
  });

  test("an ACL resource's grant to every AWS account opens the bucket to the internet", () => {
    const everyAccount = {
      type: "Group",
      uri: "http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
    };
    expect(hops(granted(everyAccount, "acl"))).toEqual([
      ['s3 bucket "site"', 'public access "site-acl" (grant to all users)', "the public internet"],
    ]);
  });

  test("a grant to one account opens nothing", () => {
    const oneAccount = { type: "CanonicalUser", id: "79a59df900b949e55d96a1e698fbace" };
    expect(hops(granted(oneAccount, "bucket"))).toEqual([]);
    expect(hops(granted(oneAccount, "acl"))).toEqual([]);
  });

  function accelerated(enabled: boolean) {
    const { s, sh } = aliStack();
    s.add("alicloud:oss/bucket:Bucket", "site", { bucket: "s" }, { provider: sh });
    s.add(
      "alicloud:oss/bucketTransferAcceleration:BucketTransferAcceleration",
      "site-accel",
      { bucket: "s", enabled },
      { provider: sh },
    );
    return s;
  }

  test("transfer acceleration puts the bucket behind a global edge network", () => {
    expect(hops(accelerated(true).resources)).toEqual([
      [
        'oss bucket "site"',
        'transfer acceleration "site-accel"',
        "OSS transfer acceleration network (global, outside CN)",
      ],
    ]);
  });

  test("transfer acceleration switched off keeps the bucket in its region", () => {
    expect(hops(accelerated(false).resources)).toEqual([]);
  });

  function s3Replication(destination: string, dstRegion?: string) {
    const { s, bj } = awsStack();
    s.add(
      "aws:s3/bucket:Bucket",
      "src",
      { bucket: "src", arn: "arn:aws-cn:s3:::src" },
      { provider: bj },
    );
    if (dstRegion) {
      s.add(
        "aws:s3/bucket:Bucket",
        "dst",
        { bucket: "dst", arn: "arn:aws-cn:s3:::dst", region: dstRegion },
        { provider: bj },
      );
    }
    s.add(
      "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
      "src-crr",
      { bucket: "src", rules: [{ status: "Enabled", destination: { bucket: destination } }] },
      { provider: bj },
    );
    return s;
  }

  test("an S3 replication rule resolves its destination bucket by ARN", () => {
    expect(hops(s3Replication("arn:aws-cn:s3:::dst", "ap-east-1").resources)).toEqual([
      [
        's3 bucket "src"',
        'replication "src-crr"',
        's3 bucket "dst"',
        "placed in",
        "ap-east-1 (outside CN, in HK)",
      ],
      ['s3 bucket "dst"', "placed in", "ap-east-1 (outside CN, in HK)"],
    ]);
  });

  test("an S3 replica bucket of the stack in the jurisdiction keeps the data in", () => {
    expect(hops(s3Replication("arn:aws-cn:s3:::dst", "cn-northwest-1").resources)).toEqual([]);
  });

  test("an S3 destination outside the stack in a foreign partition is abroad", () => {
    expect(hops(s3Replication("arn:aws:s3:::partner").resources)).toEqual([
      ['s3 bucket "src"', 'replication "src-crr"', "aws partition aws (global, outside CN)"],
    ]);
  });

  test("an S3 destination outside the stack in the jurisdiction's partition fails closed", () => {
    // The ARN of an S3 bucket has no region; within the partition it could be any of them.
    expect(hops(s3Replication("arn:aws-cn:s3:::partner").resources)).toEqual([
      [
        's3 bucket "src"',
        'replication "src-crr"',
        'unknown (replication destination "arn:aws-cn:s3:::partner" of s3 bucket replication config "src-crr" is not in this stack)',
      ],
    ]);
  });
});

describe("who can read a bucket", () => {
  function awsBucket(policy: (n: { vpc: BorderResource; vpce: BorderResource }) => unknown) {
    const { s, bj } = awsStack();
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
      { bucket: "records", policy: policy({ vpc, vpce }) },
      { provider: bj },
    );
    return { s, bj };
  }

  const pinnedTo = (key: string, value: unknown) => ({
    Statement: [
      { Effect: "Deny", Principal: "*", Condition: { StringNotEquals: { [key]: value } } },
    ],
  });

  function readers(resources: readonly BorderResource[]) {
    return analyzeBorder(resources, "CN")
      .edges.filter((e) => e.label === "readable from")
      .map((e) => [e.from.split("::").pop(), e.to.split("::").pop(), e.detail]);
  }

  test("a SourceVpce condition pins the bucket to the endpoint's VPC", () => {
    const { s } = awsBucket(({ vpce }) => pinnedTo("aws:SourceVpce", ref(vpce)));
    expect(readers(s.resources)).toEqual([
      ["records", "core", 'only through ec2 vpc endpoint "s3"'],
    ]);
    expect(hops(s.resources)).toEqual([]);
  });

  test("a SourceVpc condition naming a network of the stack pins the bucket to it", () => {
    const { s } = awsBucket(({ vpc }) => pinnedTo("aws:SourceVpc", ref(vpc)));
    expect(readers(s.resources)).toEqual([["records", "core", "only from this network"]]);
    expect(hops(s.resources)).toEqual([]);
  });

  test("a network the stack does not hold fails closed", () => {
    const { s } = awsBucket(() => pinnedTo("aws:SourceVpc", "vpc-elsewhere"));
    expect(hops(s.resources)).toEqual([
      [
        's3 bucket "records"',
        'readable from "records-policy"',
        'unknown (network vpc-elsewhere named by s3 bucket policy "records-policy" is not in this stack)',
      ],
    ]);
  });

  const allowTo = (principal: unknown) => ({
    Statement: [{ Effect: "Allow", Principal: principal, Action: "s3:GetObject" }],
  });

  test("an unconditional Allow to everyone is public access", () => {
    const { s } = awsBucket(() => allowTo({ AWS: "*" }));
    expect(hops(s.resources)).toEqual([
      [
        's3 bucket "records"',
        'public access "records-policy" (policy allows everyone)',
        "the public internet",
      ],
    ]);
  });

  // Only a condition that binds who may ask (a network, an organisation, an account) keeps an
  // Allow for everyone from being public; HTTPS-only binds nothing.
  test("an Allow to everyone under a condition anyone meets is public access", () => {
    const { s } = awsBucket(() => ({
      Statement: [
        {
          ...allowTo("*").Statement[0],
          Condition: { Bool: { "aws:SecureTransport": "true" } },
        },
      ],
    }));
    expect(
      analyzeBorder(s.resources, "CN").paths.map((p) => [p.source.label, p.exit.label]),
    ).toEqual([['s3 bucket "records"', "the public internet"]]);
  });

  // An entry binds only with a positive operator and values that each name one thing: any
  // endpoint at all is everyone who reaches S3 through one.
  test("an Allow to everyone from any VPC endpoint is public access", () => {
    const { s } = awsBucket(() => ({
      Statement: [
        { ...allowTo("*").Statement[0], Condition: { StringLike: { "aws:SourceVpce": "*" } } },
      ],
    }));
    expect(hops(s.resources)).toEqual([
      [
        's3 bucket "records"',
        'public access "records-policy" (policy allows everyone)',
        "the public internet",
      ],
    ]);
  });

  test("an Allow to everyone from the stack's VPC endpoint is not public access", () => {
    const { s } = awsBucket(({ vpce }) => ({
      Statement: [
        {
          ...allowTo("*").Statement[0],
          Condition: { StringEquals: { "aws:SourceVpce": ref(vpce) } },
        },
      ],
    }));
    expect(hops(s.resources)).toEqual([]);
  });

  test("an Allow to one account is not public access", () => {
    const { s } = awsBucket(() => allowTo({ AWS: "arn:aws-cn:iam::123456789012:root" }));
    expect(hops(s.resources)).toEqual([]);
  });

  test("an Allow to everyone is not public access when the bucket blocks it", () => {
    const { s, bj } = awsBucket(() => allowTo({ AWS: "*" }));
    s.add(
      "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
      "records-block",
      {
        bucket: "records",
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      },
      { provider: bj },
    );
    expect(hops(s.resources)).toEqual([]);
  });

  // BlockPublicPolicy refuses new public policies and leaves one already set in force; only
  // RestrictPublicBuckets keeps it from taking effect.
  test("an Allow to everyone stays public access under a block that only refuses new policies", () => {
    const { s, bj } = awsBucket(() => allowTo({ AWS: "*" }));
    s.add(
      "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
      "records-block",
      { bucket: "records", blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true },
      { provider: bj },
    );
    expect(hops(s.resources)).toEqual([
      [
        's3 bucket "records"',
        'public access "records-policy" (policy allows everyone)',
        "the public internet",
      ],
    ]);
  });

  function unpinned(natType: "internet" | "intranet") {
    const { s, sh } = aliStack();
    s.add("alicloud:oss/bucket:Bucket", "open", { bucket: "o" }, { provider: sh });
    const vpc = s.add("alicloud:vpc/network:Network", "core", {}, { provider: sh });
    const vsw = s.add(
      "alicloud:vpc/switch:Switch",
      "core-a",
      { vpcId: ref(vpc) },
      { provider: sh },
    );
    openNat(s, sh, vpc, vsw, natType);
    return s;
  }

  test("without a network condition the bucket is readable from every network of its region", () => {
    expect(hops(unpinned("internet").resources)).toEqual([
      [
        'oss bucket "open"',
        "readable from (no network restriction: any network of its region with credentials)",
        "every network in cn-shanghai",
        "in region",
        'vpc "core"',
        "default egress (no security group of this stack bounds its egress)",
        ...natTail,
      ],
    ]);
  });

  test("without a network condition the bucket stays in when its region's networks do", () => {
    expect(hops(unpinned("intranet").resources)).toEqual([]);
  });

  test("a network's internet-bound traffic with no route out is not drawn", () => {
    const { s, sh } = aliStack();
    s.add("alicloud:oss/bucket:Bucket", "open", { bucket: "o" }, { provider: sh });
    const vpc = s.add("alicloud:vpc/network:Network", "core", {}, { provider: sh });
    s.add("alicloud:vpc/switch:Switch", "core-a", { vpcId: ref(vpc) }, { provider: sh });
    const a = analyzeBorder(s.resources, "CN");
    expect(a.paths).toEqual([]);
    // Drawn, the junction and its default-egress edges would suggest an exit that is not there.
    expect(a.nodes.filter((n) => n.role === "junction").map((n) => n.label)).toEqual([
      "every network in cn-shanghai",
    ]);
    expect(a.edges.map((e) => [e.label, e.from.split("::").pop(), e.to.split("::").pop()])).toEqual(
      [
        ["readable from", "open", "place:hub:alicloud:cn-shanghai"],
        ["in region", "place:hub:alicloud:cn-shanghai", "core"],
        ["subnet", "core", "core-a"],
        ["subnet", "core-a", "core"],
      ],
    );
  });

  /** A bucket whose policy names the VPC "core", and a VPC "dmz" of its region open to the internet. */
  function besideOpenNetwork(statement?: (core: BorderResource) => Record<string, unknown>) {
    const { s, bj } = awsStack();
    const core = s.add("aws:ec2/vpc:Vpc", "core", {}, { provider: bj });
    const dmz = s.add("aws:ec2/vpc:Vpc", "dmz", {}, { provider: bj });
    const igw = s.add(
      "aws:ec2/internetGateway:InternetGateway",
      "igw",
      { vpcId: ref(dmz) },
      { provider: bj },
    );
    s.add(
      "aws:ec2/routeTable:RouteTable",
      "public",
      { vpcId: ref(dmz), routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: ref(igw) }] },
      { provider: bj },
    );
    s.add("aws:s3/bucket:Bucket", "records", { bucket: "records" }, { provider: bj });
    if (statement) {
      s.add(
        "aws:s3/bucketPolicy:BucketPolicy",
        "records-policy",
        { bucket: "records", policy: { Statement: [{ Principal: "*", ...statement(core) }] } },
        { provider: bj },
      );
    }
    return s;
  }

  test("without a policy the bucket leaves through another network of its region", () => {
    expect(hops(besideOpenNetwork().resources)).toEqual([
      [
        's3 bucket "records"',
        "readable from (no network restriction: any network of its region with credentials)",
        "every network in cn-north-1",
        "in region",
        'vpc "dmz"',
        "default egress (the VPC's default security group allows all egress until adopted)",
        'internet-bound traffic of vpc "dmz"',
        'route "public" (0.0.0.0/0)',
        'internet gateway "igw"',
        "public address (internet gateway)",
        "the public internet",
      ],
    ]);
  });

  test("a Deny outside one network keeps the bucket from the region's other networks", () => {
    const s = besideOpenNetwork((core) => ({
      Effect: "Deny",
      Action: "s3:*",
      Condition: { StringNotEquals: { "aws:SourceVpc": ref(core) } },
    }));
    expect(hops(s.resources)).toEqual([]);
  });

  // Only a Deny pins a bucket to a network. An Allow only adds access — credentials still read the
  // bucket from every network of its region — so the path through "dmz" stays.
  test("an Allow from one network does not keep the bucket from other networks", () => {
    const s = besideOpenNetwork((core) => ({
      Effect: "Allow",
      Action: "s3:GetObject",
      Condition: { StringEquals: { "aws:SourceVpc": ref(core) } },
    }));
    expect(
      analyzeBorder(s.resources, "CN").paths.map((p) => [p.source.label, p.exit.label]),
    ).toEqual([['s3 bucket "records"', "the public internet"]]);
  });
});

describe("keys", () => {
  function encrypted(keyProvider: "sh" | "hk") {
    const { s, sh, hk } = aliStack();
    const key = s.add(
      "alicloud:kms/key:Key",
      "k",
      {},
      { provider: keyProvider === "sh" ? sh : hk },
    );
    s.add("alicloud:oss/bucket:Bucket", "b", { bucket: "b" }, { provider: sh });
    s.add(
      "alicloud:oss/bucketServerSideEncryption:BucketServerSideEncryption",
      "b-sse",
      { bucket: "b", sseAlgorithm: "KMS", kmsMasterKeyId: ref(key) },
      { provider: sh },
    );
    return s;
  }

  test("a bucket encrypted by a key under a foreign provider leaves through the key", () => {
    expect(hops(encrypted("hk").resources)).toEqual([
      ['kms key "k"', "placed in", "cn-hongkong (outside CN, in HK)"],
      [
        'oss bucket "b"',
        'encrypted by "b-sse"',
        'kms key "k"',
        "placed in",
        "cn-hongkong (outside CN, in HK)",
      ],
    ]);
  });

  test("a bucket encrypted by a key in the jurisdiction stays in", () => {
    expect(hops(encrypted("sh").resources)).toEqual([]);
  });

  function replicaKey(region: string) {
    const { s, bj } = awsStack();
    const primary = s.add(
      "aws:kms/key:Key",
      "primary",
      { arn: "arn:aws-cn:kms:cn-north-1:1:key/p", multiRegion: true },
      { provider: bj },
    );
    s.add(
      "aws:kms/replicaKey:ReplicaKey",
      "replica",
      { primaryKeyArn: ref(primary), region },
      { provider: bj },
    );
    return s;
  }

  /**
   * A multi-Region primary can be replicated to any region of its partition, replica or not: in
   * the China partition those are Beijing and Ningxia, both inside CN, so only a replica placed
   * elsewhere opens the key.
   */
  test("a KMS replica of an in-country key in a foreign region opens the key", () => {
    expect(hops(replicaKey("us-west-2").resources)).toEqual([
      [
        'kms key "primary"',
        "key replication",
        'kms replica key "replica"',
        "placed in",
        "us-west-2 (outside CN, in US)",
      ],
      ['kms replica key "replica"', "placed in", "us-west-2 (outside CN, in US)"],
    ]);
    const g = analyzeBorder(replicaKey("us-west-2").resources, "CN");
    const label = new Map(g.nodes.map((n) => [n.id, n.label]));
    // The primary's material reaches the replica abroad (and back), whichever way round.
    expect(
      g.edges
        .filter((e) => e.label === "key replication")
        .map((e) => `${label.get(e.from)} → ${label.get(e.to)}`),
    ).toEqual([
      'kms replica key "replica" → kms key "primary"',
      'kms key "primary" → kms replica key "replica"',
    ]);
  });

  test("a KMS replica in another region of the jurisdiction leaves the key inside", () => {
    expect(hops(replicaKey("cn-northwest-1").resources)).toEqual([]);
  });
});

describe("networks", () => {
  /** The pinned bucket's VPC, a NAT with an EIP and a default route to it, and these rules. */
  function natted(
    rules: Parameters<typeof securityGroup>[3],
    sgProps: Record<string, unknown> = {},
  ) {
    const { s, sh } = aliStack();
    const { vpc, vsw } = pinnedNetwork(s, sh);
    securityGroup(s, sh, vpc, rules, sgProps);
    openNat(s, sh, vpc, vsw);
    return { s, sh, vpc, vsw };
  }

  test("fails on VPC → route 0.0.0.0/0 → NAT → EIP when a security group admits the internet", () => {
    const { s } = natted([{ name: "any", cidrIp: "0.0.0.0/0", policy: "accept", priority: 1 }]);
    expect(hops(s.resources)).toEqual([
      [...pinnedHead, 'egress rule "any" (0.0.0.0/0)', ...natTail],
    ]);
  });

  test("a drop of 0.0.0.0/0 that outranks the accept keeps the NAT unreachable", () => {
    const { s } = natted([
      { name: "any", cidrIp: "0.0.0.0/0", policy: "accept", priority: 50 },
      { name: "drop", cidrIp: "0.0.0.0/0", policy: "drop", priority: 10 },
    ]);
    expect(hops(s.resources)).toEqual([]);
  });

  test("an accept that outranks the drop opens the path", () => {
    const { s } = natted([
      { name: "web", cidrIp: "8.8.8.0/24", policy: "accept", priority: 1 },
      { name: "drop", cidrIp: "0.0.0.0/0", policy: "drop", priority: 100 },
    ]);
    expect(hops(s.resources)).toEqual([
      [...pinnedHead, 'egress rule "web" (8.8.8.0/24)', ...natTail],
    ]);
  });

  test("an accept of private addresses that outranks the drop opens nothing", () => {
    const { s } = natted([
      { name: "peer", cidrIp: "10.1.0.0/16", policy: "accept", priority: 1 },
      { name: "drop", cidrIp: "0.0.0.0/0", policy: "drop", priority: 100 },
    ]);
    expect(hops(s.resources)).toEqual([]);
  });

  test("accepts to allowlisted destinations do not open the internet", () => {
    const { s } = natted([
      { name: "plant", cidrIp: "203.0.113.0/24", policy: "accept", priority: 1 },
      { name: "drop", cidrIp: "0.0.0.0/0", policy: "drop", priority: 100 },
    ]);
    const allowlist = [{ cidr: "203.0.113.0/24", reason: "plant" }];
    expect(hops(s.resources, { egressAllowlist: allowlist })).toEqual([]);
    expect(hops(s.resources)).toEqual([
      [...pinnedHead, 'egress rule "plant" (203.0.113.0/24)', ...natTail],
    ]);
  });

  describe("each rule is judged by its protocol and ports", () => {
    const tunnel = [
      { cidr: "203.0.113.0/24", ports: [500, 4500], protocol: "udp", reason: "plant" },
    ];
    const drop = { name: "drop", cidrIp: "0.0.0.0/0", policy: "drop", priority: 100 };

    test("an accept on all protocols to a block allowlisted for udp 500/4500 opens the internet", () => {
      const { s } = natted([
        { name: "plant", cidrIp: "203.0.113.0/24", policy: "accept", priority: 1 },
        drop,
      ]);
      expect(hops(s.resources, { egressAllowlist: tunnel })).toEqual([
        [...pinnedHead, 'egress rule "plant" (203.0.113.0/24, all protocols)', ...natTail],
      ]);
    });

    test("an accept of tcp 22 to that block opens it, naming the port", () => {
      const { s } = natted([
        {
          name: "ssh",
          cidrIp: "203.0.113.9/32",
          policy: "accept",
          priority: 1,
          ipProtocol: "tcp",
          portRange: "22/22",
        },
        drop,
      ]);
      expect(hops(s.resources, { egressAllowlist: tunnel })).toEqual([
        [...pinnedHead, 'egress rule "ssh" (203.0.113.9/32, tcp port 22)', ...natTail],
      ]);
    });

    test("accepts of exactly the allowlisted udp ports open nothing", () => {
      const { s } = natted([
        {
          name: "ike",
          cidrIp: "203.0.113.0/24",
          policy: "accept",
          priority: 1,
          ipProtocol: "udp",
          portRange: "500/500",
        },
        {
          name: "nat-t",
          cidrIp: "203.0.113.0/24",
          policy: "accept",
          priority: 1,
          ipProtocol: "udp",
          portRange: "4500/4500",
        },
        drop,
      ]);
      expect(hops(s.resources, { egressAllowlist: tunnel })).toEqual([]);
    });

    test("a drop of one protocol does not shadow an accept of every protocol", () => {
      const { s } = natted([
        { name: "any", cidrIp: "0.0.0.0/0", policy: "accept", priority: 50 },
        { name: "no-tcp", cidrIp: "0.0.0.0/0", policy: "drop", priority: 10, ipProtocol: "tcp" },
      ]);
      expect(hops(s.resources)).toEqual([
        [...pinnedHead, 'egress rule "any" (0.0.0.0/0)', ...natTail],
      ]);
    });

    test("a drop of every protocol shadows an accept of one port", () => {
      const { s } = natted([
        {
          name: "web",
          cidrIp: "8.8.8.0/24",
          policy: "accept",
          priority: 50,
          ipProtocol: "tcp",
          portRange: "443/443",
        },
        { name: "drop", cidrIp: "0.0.0.0/0", policy: "drop", priority: 10 },
      ]);
      expect(hops(s.resources)).toEqual([]);
    });

    test("a basic security group whose drop of 0.0.0.0/0 names one protocol lets the rest out", () => {
      const { s } = natted([
        { name: "no-tcp", cidrIp: "0.0.0.0/0", policy: "drop", priority: 1, ipProtocol: "tcp" },
      ]);
      expect(hops(s.resources)).toEqual([
        [
          ...pinnedHead,
          'default egress "sg" (a basic security group lets out what no rule drops)',
          ...natTail,
        ],
      ]);
    });
  });

  test("a basic security group without a drop-all lets out what no rule drops", () => {
    const { s } = natted([{ name: "vpc", cidrIp: "10.0.0.0/16", policy: "accept", priority: 1 }]);
    expect(hops(s.resources)).toEqual([
      [
        ...pinnedHead,
        'default egress "sg" (a basic security group lets out what no rule drops)',
        ...natTail,
      ],
    ]);
  });

  test("an enterprise security group lets out only what its rules accept", () => {
    const { s } = natted([{ name: "vpc", cidrIp: "10.0.0.0/16", policy: "accept", priority: 1 }], {
      securityGroupType: "enterprise",
    });
    expect(hops(s.resources)).toEqual([]);
  });

  function ungrouped(natType: "internet" | "intranet") {
    const { s, sh } = aliStack();
    const { vpc, vsw } = pinnedNetwork(s, sh);
    openNat(s, sh, vpc, vsw, natType);
    return s;
  }

  test("with no security group in the stack egress is unbounded (fail closed)", () => {
    expect(hops(ungrouped("internet").resources)).toEqual([
      [
        ...pinnedHead,
        "default egress (no security group of this stack bounds its egress)",
        ...natTail,
      ],
    ]);
  });

  test("with no security group an intranet NAT gateway leads nowhere", () => {
    expect(hops(ungrouped("intranet").resources)).toEqual([]);
  });

  function withAcl(entries: unknown[]) {
    const { s, sh, vpc, vsw } = natted([
      { name: "any", cidrIp: "0.0.0.0/0", policy: "accept", priority: 1 },
    ]);
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
    return s;
  }

  test("a network ACL that drops 0.0.0.0/0 on every vSwitch seals an open security group", () => {
    const s = withAcl([
      { destinationCidrIp: "10.0.0.0/16", policy: "accept" },
      { destinationCidrIp: "0.0.0.0/0", policy: "drop" },
    ]);
    expect(hops(s.resources)).toEqual([]);
  });

  test("an ACL whose drop of 0.0.0.0/0 names one protocol does not seal", () => {
    const s = withAcl([
      { destinationCidrIp: "0.0.0.0/0", protocol: "tcp", port: "-1/-1", policy: "drop" },
    ]);
    expect(hops(s.resources)).toEqual([
      [...pinnedHead, 'egress rule "any" (0.0.0.0/0)', ...natTail],
    ]);
  });

  test("an ACL accept of an allowlisted block on a protocol the entry does not name does not seal", () => {
    const s = withAcl([
      { destinationCidrIp: "203.0.113.0/24", protocol: "all", port: "-1/-1", policy: "accept" },
      { destinationCidrIp: "0.0.0.0/0", protocol: "all", port: "-1/-1", policy: "drop" },
    ]);
    const allowlist = [
      { cidr: "203.0.113.0/24", ports: [500, 4500], protocol: "udp", reason: "plant" },
    ];
    expect(hops(s.resources, { egressAllowlist: allowlist })).toEqual([
      [...pinnedHead, 'egress rule "any" (0.0.0.0/0)', ...natTail],
    ]);
    const udp = withAcl([
      { destinationCidrIp: "203.0.113.0/24", protocol: "udp", port: "500/500", policy: "accept" },
      { destinationCidrIp: "0.0.0.0/0", protocol: "all", port: "-1/-1", policy: "drop" },
    ]);
    expect(hops(udp.resources, { egressAllowlist: allowlist })).toEqual([]);
  });

  test("an ACL whose first match for the internet is an accept does not seal", () => {
    const s = withAcl([
      { destinationCidrIp: "1.2.3.0/24", policy: "accept" },
      { destinationCidrIp: "0.0.0.0/0", policy: "drop" },
    ]);
    expect(hops(s.resources)).toEqual([
      [...pinnedHead, 'egress rule "any" (0.0.0.0/0)', ...natTail],
    ]);
  });

  function ecs(internetMaxBandwidthOut: number) {
    const { s, sh } = aliStack();
    const { vpc, vsw } = pinnedNetwork(s, sh);
    const sg = securityGroup(s, sh, vpc, [
      { name: "any", cidrIp: "0.0.0.0/0", policy: "accept", priority: 1 },
    ]);
    s.add(
      "alicloud:ecs/instance:Instance",
      "web",
      { vswitchId: ref(vsw), securityGroups: [ref(sg)], internetMaxBandwidthOut },
      { provider: sh },
    );
    return s;
  }

  test("an ECS instance with a public IP in an open security group reaches the internet", () => {
    expect(hops(ecs(5).resources)).toEqual([
      [
        ...pinnedHead,
        "subnet",
        'vswitch "core-a"',
        "attachment",
        'ecs instance "web"',
        "public address (internetMaxBandwidthOut 5; 0.0.0.0/0)",
        "the public internet",
      ],
    ]);
  });

  test("an ECS instance without public bandwidth does not reach the internet", () => {
    expect(hops(ecs(0).resources)).toEqual([]);
  });

  function awsIgw() {
    const { s, bj } = awsStack();
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
    const files = s.add("aws:efs/fileSystem:FileSystem", "files", {}, { provider: bj });
    const subnet = s.add("aws:ec2/subnet:Subnet", "a", { vpcId: ref(vpc) }, { provider: bj });
    s.add(
      "aws:efs/mountTarget:MountTarget",
      "files-a",
      { fileSystemId: ref(files), subnetId: ref(subnet) },
      { provider: bj },
    );
    return { s, bj, vpc };
  }

  test("an AWS VPC: route to an internet gateway, unadopted default security group", () => {
    expect(hops(awsIgw().s.resources)).toEqual([
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
  });

  test("an AWS VPC whose default security group is adopted with no egress stays in", () => {
    const { s, bj, vpc } = awsIgw();
    s.add(
      "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
      "default-sg",
      { vpcId: ref(vpc), egress: [] },
      { provider: bj },
    );
    expect(hops(s.resources)).toEqual([]);
  });

  function awsInlineRoutes(egressTo: string) {
    const { s, bj } = awsStack();
    const vpc = s.add("aws:ec2/vpc:Vpc", "core", {}, { provider: bj });
    s.add(
      "aws:ec2/securityGroup:SecurityGroup",
      "web",
      { vpcId: ref(vpc), egress: [{ cidrBlocks: [egressTo] }] },
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
    const files = s.add("aws:efs/fileSystem:FileSystem", "files", {}, { provider: bj });
    s.add(
      "aws:efs/mountTarget:MountTarget",
      "files-mt",
      { fileSystemId: ref(files), subnetId: ref(vpc) },
      { provider: bj },
    );
    return s;
  }

  test("an AWS route table's inline default route leads to a NAT gateway and its EIP", () => {
    expect(hops(awsInlineRoutes("0.0.0.0/0").resources)).toEqual([
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

  test("an AWS route table's default route is unreachable when groups only admit private addresses", () => {
    expect(hops(awsInlineRoutes("10.0.0.0/8").resources)).toEqual([]);
  });

  function transitGateway(peerRegion: string) {
    const { s, bj } = awsStack();
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
      "tgw-peer",
      { transitGatewayId: ref(tgw), peerTransitGatewayId: "tgw-0abc", peerRegion },
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
    return s;
  }

  test("a transit gateway peered with another region carries attached VPCs abroad", () => {
    expect(hops(transitGateway("ap-southeast-1").resources)).toEqual([
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
        'peer attachment "tgw-peer"',
        "ap-southeast-1 (outside CN, in SG)",
      ],
    ]);
  });

  test("a transit gateway peered within the jurisdiction keeps attached VPCs in", () => {
    expect(hops(transitGateway("cn-northwest-1").resources)).toEqual([]);
  });

  function peeringChain(farRegion: string) {
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
      { vpcId: ref(b), acceptingVpcId: "vpc-far", acceptingRegionId: farRegion },
      { provider: bj },
    );
    return s;
  }

  test("a peering chain in-country → in-country → abroad is followed to its end", () => {
    expect(hops(peeringChain("ap-southeast-1").resources)).toEqual([
      [
        ...pinnedHead,
        'peering "core-b"',
        'vpc "b"',
        'peering "b-far"',
        "ap-southeast-1 (outside CN, in SG)",
      ],
    ]);
  });

  test("a peering chain that stays in the country keeps the data in", () => {
    expect(hops(peeringChain("cn-hangzhou").resources)).toEqual([]);
  });

  function transitRouter(peerRegion: string) {
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
      "tr-peer",
      {
        transitRouterId: ref(tr),
        peerTransitRouterId: "tr-peer0001",
        peerTransitRouterRegionId: peerRegion,
      },
      { provider: sh },
    );
    return s;
  }

  test("a transit router peered with a foreign region carries the VPC's data abroad", () => {
    expect(hops(transitRouter("eu-central-1").resources)).toEqual([
      [
        ...pinnedHead,
        'attachment "tr-core"',
        'transit router "tr"',
        'peer attachment "tr-peer"',
        "eu-central-1 (outside CN, in EU)",
      ],
    ]);
  });

  test("a transit router peered within the jurisdiction keeps the VPC's data in", () => {
    expect(hops(transitRouter("cn-beijing").resources)).toEqual([]);
  });

  function vpn() {
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
    return s;
  }

  test("a VPN to a customer gateway at a public address leaves", () => {
    expect(hops(vpn().resources)).toEqual([
      [
        ...pinnedHead,
        "attachment",
        'vpn gateway "vpn"',
        'ipsec connection "tunnel"',
        'customer gateway "plant"',
        "public address (203.0.113.10)",
        "the public internet",
      ],
    ]);
  });

  test("a VPN to an allowlisted customer gateway stays inside", () => {
    const allowlist = [{ cidr: "203.0.113.0/24", reason: "plant" }];
    expect(hops(vpn().resources, { egressAllowlist: allowlist })).toEqual([]);
  });
});

describe("a database's vSwitch", () => {
  // The store is readable in its vSwitch's network, and that network's ways out are its own.
  test("of the stack links the database to the network's internet exit", () => {
    const { s, sh } = aliStack();
    const { vpc, vsw } = pinnedNetwork(s, sh);
    openNat(s, sh, vpc, vsw);
    s.add("alicloud:polardb/cluster:Cluster", "orders", { vswitchId: ref(vsw) }, { provider: sh });
    expect(hops(s.resources).find((p) => p[0] === 'polardb cluster "orders"')).toEqual([
      'polardb cluster "orders"',
      "readable from",
      'vswitch "core-a"',
      "default egress (no security group of this stack bounds its egress)",
      ...natTail,
    ]);
  });

  test("the stack does not create (an ID) keeps the database in its own region: no path", () => {
    const { s, sh } = aliStack();
    s.add("alicloud:polardb/cluster:Cluster", "orders", { vswitchId: "vsw-123" }, { provider: sh });
    s.add("alicloud:rds/instance:Instance", "ledger", { vswitchId: unknown }, { provider: sh });
    expect(hops(s.resources)).toEqual([]);
  });
});

describe("copies", () => {
  function crossBackup(region: string) {
    const { s, sh } = aliStack();
    const db = s.add("alicloud:rds/instance:Instance", "db", {}, { provider: sh });
    s.add(
      "alicloud:rds/rdsInstanceCrossBackupPolicy:RdsInstanceCrossBackupPolicy",
      "db-dr",
      { instanceId: ref(db), crossBackupRegion: region },
      { provider: sh },
    );
    return s;
  }

  test("a cross-region backup of an RDS instance to a foreign region", () => {
    expect(hops(crossBackup("cn-hongkong").resources)).toEqual([
      [
        'rds instance "db"',
        'backup copy "db-dr" (crossBackupRegion)',
        "cn-hongkong (outside CN, in HK)",
      ],
    ]);
  });

  test("a cross-region backup of an RDS instance to another region of the country", () => {
    expect(hops(crossBackup("cn-beijing").resources)).toEqual([]);
  });

  function snapshotPolicy(enableCrossRegionCopy: boolean, region: string) {
    const { s, sh } = aliStack();
    s.add(
      "alicloud:ecs/autoSnapshotPolicy:AutoSnapshotPolicy",
      "snap",
      { enableCrossRegionCopy, targetCopyRegions: [region] },
      { provider: sh },
    );
    return s;
  }

  test("snapshot copy to a foreign region leaves when cross-region copy is switched on", () => {
    expect(hops(snapshotPolicy(true, "ap-northeast-1").resources)).toEqual([
      [
        'ecs auto snapshot policy "snap"',
        "snapshot copy (targetCopyRegions[])",
        "ap-northeast-1 (outside CN, in JP)",
      ],
    ]);
  });

  test("snapshot copy to a foreign region does not count while cross-region copy is off", () => {
    expect(hops(snapshotPolicy(false, "ap-northeast-1").resources)).toEqual([]);
  });

  test("snapshot copy to another region of the country stays in", () => {
    expect(hops(snapshotPolicy(true, "cn-beijing").resources)).toEqual([]);
  });
});

describe("kubernetes", () => {
  /**
   * An ACK cluster whose node vSwitch reaches the internet through a NAT gateway of the program
   * (`exit: "nat"`), through the NAT gateway ACK creates itself (`"ack-nat"`), or through a node
   * pool whose nodes have public IPs (`"public-nodes"`).
   */
  function cluster(
    policy?: Record<string, unknown>,
    podSpec: Record<string, unknown> = {},
    exit: "nat" | "ack-nat" | "public-nodes" = "nat",
  ) {
    const { s, sh } = aliStack();
    const vpc = s.add("alicloud:vpc/network:Network", "core", {}, { provider: sh });
    const nodes = s.add(
      "alicloud:vpc/switch:Switch",
      "nodes",
      { vpcId: ref(vpc) },
      { provider: sh },
    );
    if (exit === "nat") {
      openNat(s, sh, vpc, nodes);
    }
    const ack = s.add(
      "alicloud:cs/managedKubernetes:ManagedKubernetes",
      "apps",
      {
        workerVswitchIds: [ref(nodes)],
        ...(exit === "ack-nat" ? {} : { newNatGateway: false }),
      },
      { provider: sh },
    );
    if (exit === "public-nodes") {
      s.add(
        "alicloud:cs/nodePool:NodePool",
        "pool",
        { clusterId: ref(ack), vswitchIds: [ref(nodes)], internetMaxBandwidthOut: 10 },
        { provider: sh },
      );
    }
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

  /** The claim's way out through the pod, given how the pod's egress is opened. */
  const podPath = (podEgress: string) => [
    'k8s persistentvolumeclaim "data"',
    "mounted by",
    'k8s deployment "api"',
    podEgress,
    'vswitch "nodes"',
    "default egress (no security group of this stack bounds its egress)",
    ...natTail,
  ];

  const denyAll = { podSelector: {}, policyTypes: ["Egress"], egress: [] };

  test("pods without an egress policy reach the NAT through their node subnet", () => {
    expect(hops(cluster().resources)).toEqual([
      podPath("pod egress (no NetworkPolicy restricts its pods' egress)"),
    ]);
  });

  test("a default-deny egress policy in the namespace closes the path", () => {
    expect(hops(cluster(denyAll).resources)).toEqual([]);
  });

  test("pods reach the internet through the NAT gateway ACK creates by default", () => {
    expect(hops(cluster(undefined, {}, "ack-nat").resources)).toEqual([
      [
        'k8s persistentvolumeclaim "data"',
        "mounted by",
        'k8s deployment "api"',
        "pod egress (no NetworkPolicy restricts its pods' egress)",
        'vswitch "nodes"',
        "default egress (no security group of this stack bounds its egress)",
        'internet-bound traffic of vpc "core"',
        "route (0.0.0.0/0, to the NAT gateway ACK creates (newNatGateway))",
        'ack cluster "apps"',
        "public address (the EIP of the NAT gateway ACK creates)",
        "the public internet",
      ],
    ]);
    expect(hops(cluster(denyAll, {}, "ack-nat").resources)).toEqual([]);
  });

  test("pods reach the internet through nodes with public IPs", () => {
    expect(hops(cluster(undefined, {}, "public-nodes").resources)).toEqual([
      [
        'k8s persistentvolumeclaim "data"',
        "mounted by",
        'k8s deployment "api"',
        "pod egress (no NetworkPolicy restricts its pods' egress)",
        'vswitch "nodes"',
        "attachment",
        'ack node pool "pool"',
        "public address (internetMaxBandwidthOut 10; it names no security group of this stack)",
        "the public internet",
      ],
    ]);
    expect(hops(cluster(denyAll, {}, "public-nodes").resources)).toEqual([]);
  });

  test("pods behind a LoadBalancer Service without its cloud's internal annotation are readable from the internet", () => {
    const withService = (annotations: Record<string, string>) => {
      const s = cluster(denyAll);
      const kube = s.resources.find((r) => r.type === "pulumi:providers:kubernetes")!;
      s.add(
        "kubernetes:core/v1:Service",
        "api-lb",
        {
          metadata: { namespace: "app", annotations },
          spec: { type: "LoadBalancer", selector: { app: "api" }, ports: [{ port: 443 }] },
        },
        { provider: kube },
      );
      return s.resources;
    };
    const exposed = [
      'k8s persistentvolumeclaim "data"',
      "mounted by",
      'k8s deployment "api"',
      'public load balancer "api-lb" (no internal-load-balancer annotation of its cluster\'s cloud)',
      "the public internet",
    ];
    expect(hops(withService({}))).toEqual([exposed]);
    // ACK's controller reads only Alibaba Cloud's annotation.
    expect(
      hops(withService({ "service.beta.kubernetes.io/aws-load-balancer-scheme": "internal" })),
    ).toEqual([exposed]);
    expect(
      hops(
        withService({
          "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type": "intranet",
        }),
      ),
    ).toEqual([]);
  });

  test("a cluster without ACK's NAT gateway or public nodes has no exit of its own", () => {
    const s = cluster(undefined, {}, "ack-nat");
    const sealed = s.resources.map((r) =>
      r.name === "apps" ? { ...r, props: { ...r.props, newNatGateway: false } } : r,
    );
    expect(hops(sealed)).toEqual([]);
  });

  function allowing(cidr: string) {
    return cluster({
      podSelector: { matchLabels: { app: "api" } },
      policyTypes: ["Egress"],
      egress: [{ to: [{ ipBlock: { cidr } }] }],
    });
  }

  test("a policy allowing 0.0.0.0/0 reopens it, naming the policy", () => {
    expect(hops(allowing("0.0.0.0/0").resources)).toEqual([
      podPath('pod egress "np" (allows 0.0.0.0/0)'),
    ]);
  });

  test("a policy allowing an allowlisted block reopens it on ports the allowlist does not name", () => {
    const allowlist = [{ cidr: "203.0.113.0/24", ports: [443], protocol: "tcp", reason: "api" }];
    const on = (ports: unknown[]) =>
      cluster({
        podSelector: { matchLabels: { app: "api" } },
        policyTypes: ["Egress"],
        egress: [{ to: [{ ipBlock: { cidr: "203.0.113.0/24" } }], ports }],
      }).resources;
    expect(hops(on([{ protocol: "TCP", port: 443 }]), { egressAllowlist: allowlist })).toEqual([]);
    expect(hops(on([{ protocol: "TCP", port: 22 }]), { egressAllowlist: allowlist })).toEqual([
      podPath('pod egress "np" (allows 203.0.113.0/24, tcp port 22)'),
    ]);
    expect(hops(on([]), { egressAllowlist: allowlist })).toEqual([
      podPath('pod egress "np" (allows 203.0.113.0/24, all protocols)'),
    ]);
  });

  test("a policy allowing only private addresses keeps it closed", () => {
    expect(hops(allowing("10.0.0.0/8").resources)).toEqual([]);
  });

  function selecting(app: string) {
    return cluster({ podSelector: { matchLabels: { app } }, policyTypes: ["Egress"], egress: [] });
  }

  test("a policy that selects other pods restricts nothing", () => {
    expect(hops(selecting("web").resources)).toEqual([
      podPath("pod egress (no NetworkPolicy restricts its pods' egress)"),
    ]);
  });

  test("a deny policy that selects the pods by label closes the path", () => {
    expect(hops(selecting("api").resources)).toEqual([]);
  });

  // Without policyTypes, Kubernetes makes a policy restrict egress only when its egress list is
  // non-empty (the SDK's policyTypes doc: a deny-all egress policy "would otherwise default to just
  // [Ingress]"): `egress: []` alone is an Ingress-only policy.
  test("a policy with an empty egress list and no policyTypes restricts nothing", () => {
    const s = cluster({ podSelector: {}, egress: [] });
    expect(
      analyzeBorder(s.resources, "CN").paths.map((p) => [p.source.label, p.exit.label]),
    ).toEqual([['k8s persistentvolumeclaim "data"', "the public internet"]]);
  });

  test("hostNetwork pods are not governed by NetworkPolicy", () => {
    expect(hops(cluster(denyAll, { hostNetwork: true }).resources)).toEqual([
      podPath("pod egress (hostNetwork pods are not governed by NetworkPolicy)"),
    ]);
  });

  test("pods off the host network are governed by NetworkPolicy", () => {
    expect(hops(cluster(denyAll, { hostNetwork: false }).resources)).toEqual([]);
  });

  test("objects of a cluster that cannot be placed are unknown, reported once on their provider", () => {
    const { s } = aliStack();
    const kube = s.provider("kubernetes", "external", {});
    s.add(
      "kubernetes:core/v1:PersistentVolumeClaim",
      "data",
      { metadata: { name: "data" } },
      { provider: kube },
    );
    // kubernetes-cluster-placement fails the provider, with how to declare where the cluster is;
    // the claim draws no placement edge of its own, so it is not reported a second time.
    const analysis = analyzeBorder(s.resources, "CN");
    expect(hops(s.resources)).toEqual([]);
    expect(analysis.nodes.find((n) => n.label === 'k8s persistentvolumeclaim "data"')?.side).toBe(
      "unknown",
    );
  });

  test("objects of a cluster declared outside the jurisdiction are placed there", () => {
    const { s } = aliStack();
    const kube = s.provider("kubernetes", "external", { context: "hk-prod" });
    s.add(
      "kubernetes:core/v1:PersistentVolumeClaim",
      "data",
      { metadata: { name: "data" } },
      { provider: kube },
    );
    const paths = analyzeBorder(s.resources, "CN", {
      clusters: [{ context: "hk-prod", cloud: "alicloud", region: "cn-hongkong" }],
    }).paths.map((p) => p.hops);
    expect(paths).toEqual([
      ['k8s persistentvolumeclaim "data"', "placed in", "cn-hongkong (outside CN, in HK)"],
    ]);
  });

  test("objects of a cluster the stack holds in the jurisdiction live where it does", () => {
    const { s, sh } = aliStack();
    const ack = s.add(
      "alicloud:cs/managedKubernetes:ManagedKubernetes",
      "apps",
      {},
      { provider: sh },
    );
    const kube = s.provider("kubernetes", "apps", { kubeconfig: ref(ack) });
    s.add(
      "kubernetes:core/v1:PersistentVolumeClaim",
      "data",
      { metadata: { name: "data" } },
      { provider: kube },
    );
    expect(hops(s.resources)).toEqual([]);
  });
});

describe("the analysis", () => {
  test("a path records its source, every node and edge, the crossing and the exit", () => {
    const { s, sh } = aliStack();
    const { vpc, vsw } = pinnedNetwork(s, sh);
    openNat(s, sh, vpc, vsw);
    const a = analyzeBorder(s.resources, "CN");
    const urn = (type: string, name: string) => `urn:pulumi:test::border::${type}::${name}`;
    const bucket = urn("alicloud:oss/bucket:Bucket", "records");
    const vpcUrn = urn("alicloud:vpc/network:Network", "core");
    const natUrn = urn("alicloud:vpc/natGateway:NatGateway", "nat");
    const eipUrn = urn("alicloud:ecs/eipAddress:EipAddress", "nat-eip");
    const junction = `place:egress:${vpcUrn}`;
    const resource = (type: string, name: string) => ({ urn: urn(type, name), type, name });
    const lastEdge = {
      from: eipUrn,
      to: "place:internet",
      label: "public address",
      via: undefined,
      detail: "47.100.1.2",
    };
    expect(a.paths).toEqual([
      {
        source: {
          id: bucket,
          label: 'oss bucket "records"',
          side: "inside",
          role: "data",
          resource: resource("alicloud:oss/bucket:Bucket", "records"),
        },
        exit: {
          id: "place:internet",
          label: "the public internet",
          side: "outside",
          role: "place",
        },
        nodes: [bucket, vpcUrn, junction, natUrn, eipUrn, "place:internet"],
        edges: [
          {
            from: bucket,
            to: vpcUrn,
            label: "readable from",
            via: resource("alicloud:oss/bucketPolicy:BucketPolicy", "records-policy"),
            detail: "only from this network",
          },
          {
            from: vpcUrn,
            to: junction,
            label: "default egress",
            via: undefined,
            detail: "no security group of this stack bounds its egress",
          },
          {
            from: junction,
            to: natUrn,
            label: "route",
            via: resource("alicloud:vpc/routeEntry:RouteEntry", "default"),
            detail: "0.0.0.0/0",
          },
          {
            from: natUrn,
            to: eipUrn,
            label: "eip association",
            via: resource("alicloud:ecs/eipAssociation:EipAssociation", "nat-eip-binding"),
            detail: undefined,
          },
          lastEdge,
        ],
        // Everything before the internet is inside: the border is crossed at the last edge.
        crossing: lastEdge,
        hops: [
          ...pinnedHead,
          "default egress (no security group of this stack bounds its egress)",
          ...natTail,
        ],
      },
    ]);
    expect(a.verdict).toBe("crosses-border");
  });

  test("a path crosses the border at its first edge into a node that is not inside", () => {
    const { s, sh, hk } = aliStack();
    const { vpc } = pinnedNetwork(s, sh);
    // A network of the stack placed abroad: the path crosses into it, then ends at its region.
    const far = s.add("alicloud:vpc/network:Network", "far", {}, { provider: hk });
    s.add(
      "alicloud:vpc/peerConnection:PeerConnection",
      "core-far",
      { vpcId: ref(vpc), acceptingVpcId: ref(far), acceptingRegionId: "cn-hongkong" },
      { provider: sh },
    );
    const a = analyzeBorder(s.resources, "CN");
    expect(
      a.paths.map((p) => ({
        hops: p.hops,
        crossing: [p.crossing.from, p.crossing.label, p.crossing.to].map((id) =>
          id.split("::").pop(),
        ),
        exit: p.exit.id,
      })),
    ).toEqual([
      {
        hops: [
          ...pinnedHead,
          'peering "core-far"',
          'vpc "far"',
          "placed in",
          "cn-hongkong (outside CN, in HK)",
        ],
        crossing: ["core", "peering", "far"],
        exit: "place:region:alicloud:cn-hongkong",
      },
    ]);
  });

  test("paths are walks of the graph from a data store to an outside node", () => {
    const { s, sh, hk } = aliStack();
    const { vpc, vsw } = pinnedNetwork(s, sh);
    openNat(s, sh, vpc, vsw);
    s.add("alicloud:kms/key:Key", "k", {}, { provider: hk });
    const a = analyzeBorder(s.resources, "CN");
    const byId = new Map(a.nodes.map((n) => [n.id, n]));
    // Asserting the sources first keeps the checks below from passing over an empty list.
    expect(a.paths.map((p) => [p.source.role, p.nodes.length, p.edges.length])).toEqual([
      ["data", 6, 5],
      ["key", 2, 1],
    ]);
    for (const p of a.paths) {
      expect(p.exit.side).not.toBe("inside");
      expect(p.nodes[0]).toBe(p.source.id);
      expect(p.nodes[p.nodes.length - 1]).toBe(p.exit.id);
      p.edges.forEach((e, i) => {
        expect(e.from).toBe(p.nodes[i]);
        expect(e.to).toBe(p.nodes[i + 1]);
        expect(a.edges).toContain(e);
      });
      expect(p.nodes.slice(1, -1).filter((id) => byId.get(id)?.role === "place")).toEqual([]);
    }
  });

  test("verdict matches brute-force reachability over random peering topologies", () => {
    const regions = ["cn-shanghai", "cn-beijing", "cn-hangzhou", "cn-hongkong", "ap-southeast-1"];
    const abroadRegions = ["cn-hongkong", "ap-southeast-1"];
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
                Statement: [
                  {
                    Effect: "Deny",
                    Principal: ["*"],
                    Condition: { StringNotEquals: { "acs:SourceVpc": ref(vpcs[0]) } },
                  },
                ],
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
          // Peering hops from v0 to each VPC it reaches.
          const dist = new Map([[0, 0]]);
          const queue = [0];
          while (queue.length > 0) {
            const v = queue.shift() as number;
            for (const n of adj[v]) {
              if (!dist.has(n)) {
                dist.set(n, (dist.get(v) as number) + 1);
                queue.push(n);
              }
            }
          }
          const abroad = [...dist]
            .filter(([i]) => abroadRegions.includes(vpcRegions[i]))
            .map(([, d]) => d);
          const result = analyzeBorder(s.resources, "CN");
          // The only data store is the bucket; its path is bucket → v0 → … → the nearest VPC
          // abroad → its region: one edge more than the peering hops at each end.
          expect(result.paths.map((p) => [p.source.label, p.edges.length])).toEqual(
            abroad.length === 0 ? [] : [['oss bucket "b"', Math.min(...abroad) + 2]],
          );
          expect(result.verdict).toBe(abroad.length === 0 ? "sealed" : "crosses-border");
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
    // Custom resources are no SDK's: test/paths/custom-resources.test.ts checks them against
    // their CRDs' models.
    const tokens = [...modelledTypes].filter((t) => !customResourceTypes.has(t));
    // Models of each cloud are in the tables, so the check below is not vacuous.
    expect(
      ["alicloud:oss/bucket:Bucket", "aws:ec2/vpc:Vpc", "kubernetes:apps/v1:Deployment"].filter(
        (t) => !tokens.includes(t),
      ),
    ).toEqual([]);
    const missing = tokens.filter((token) => {
      const [pkg, mod] = token.split(":");
      const [group, version] = mod.split("/");
      // Types of a provider's root module (`alicloud:index/…`) are defined at the package root.
      const dir =
        pkg === "kubernetes"
          ? path.join(root, "node_modules/@pulumi/kubernetes", group.split(".")[0], version)
          : path.join(root, "node_modules/@pulumi", pkg, group === "index" ? "" : group);
      return !tokensIn(dir).has(token);
    });
    expect(missing).toEqual([]);
  });
});
