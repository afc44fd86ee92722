/**
 * The one compiler of place formats (policy/paths/places.ts) and the references both models
 * resolve through policy/paths/resolver.ts: where each format's value points, how the border
 * analysis names that place, which outputs identify a resource, and how a key is found through
 * an alias. A place read on the wrong side, or a reference tied to the wrong resource, moves a
 * verdict in both models at once.
 */
import { analyzeBorder, type BorderResource } from "../../policy/paths";
import { unknown } from "../../policy/paths/model";
import { type Located, locate, namesAPlace, type PlaceFormat } from "../../policy/paths/places";
import { keysNamed, refKinds, Resolver } from "../../policy/paths/resolver";
import { getJurisdiction } from "../../residency/jurisdictions";
import { policyResource, resource, unknownText } from "./support";

const cn = getJurisdiction("CN");
const us = getJurisdiction("US");

describe("where a value of each format points", () => {
  test.each<[PlaceFormat, string, Located]>([
    [
      "region",
      "cn-hongkong",
      { kind: "region", cloud: "alicloud", region: "cn-hongkong", raw: "cn-hongkong" },
    ],
    [
      "oss-location",
      "oss-cn-beijing",
      {
        kind: "region",
        cloud: "alicloud",
        region: "cn-beijing",
        raw: "oss-cn-beijing",
        prefix: "oss-",
      },
    ],
    [
      "oss-location",
      "cn-beijing",
      {
        kind: "unplaceable",
        raw: "cn-beijing",
        why: "which is no OSS location: OSS names the region oss-cn-beijing, with the oss- prefix",
      },
    ],
    [
      "endpoint",
      "https://cn-hongkong-intranet.log.aliyuncs.com",
      {
        kind: "region",
        cloud: "alicloud",
        region: "cn-hongkong",
        raw: "https://cn-hongkong-intranet.log.aliyuncs.com",
      },
    ],
    [
      "endpoint",
      "logs.example.com",
      { kind: "unplaceable", raw: "logs.example.com", why: "which cannot be placed in a region" },
    ],
    [
      "arn",
      "acs:log:cn-hongkong:1:project/p",
      {
        kind: "region",
        cloud: "alicloud",
        region: "cn-hongkong",
        raw: "acs:log:cn-hongkong:1:project/p",
      },
    ],
    ["arn", "acs:ram::1:role/r", { kind: "own", raw: "acs:ram::1:role/r", identifier: false }],
    [
      "arn",
      "acs:oss:*:*:bucket",
      { kind: "unplaceable", raw: "acs:oss:*:*:bucket", why: "which allows every region" },
    ],
    [
      "arn",
      "arn:aws:rds:ap-east-1:1:db:x",
      {
        kind: "partition",
        partition: "aws",
        region: "ap-east-1",
        raw: "arn:aws:rds:ap-east-1:1:db:x",
      },
    ],
    ["arn", "arn:aws:s3:::b", { kind: "partition", partition: "aws", raw: "arn:aws:s3:::b" }],
    ["arn", "arn:aws-cn:s3:::b", { kind: "own", raw: "arn:aws-cn:s3:::b", identifier: false }],
    [
      "arn",
      "arn:aws-cn:rds:cn-north-1:1:db:x",
      {
        kind: "region",
        cloud: "aws",
        region: "cn-north-1",
        raw: "arn:aws-cn:rds:cn-north-1:1:db:x",
      },
    ],
    ["arn", "records", { kind: "own", raw: "records", identifier: true }],
    ["arn-or-id", "records", { kind: "own", raw: "records", identifier: true }],
    ["arn", "arn:aws-cn:rds", { kind: "own", raw: "arn:aws-cn:rds", identifier: true }],
    [
      "service-name",
      "cn.com.amazonaws.cn-north-1.s3",
      { kind: "region", cloud: "aws", region: "cn-north-1", raw: "cn.com.amazonaws.cn-north-1.s3" },
    ],
    [
      "service-name",
      "com.example.s3",
      { kind: "unplaceable", raw: "com.example.s3", why: "which cannot be placed in a region" },
    ],
    [
      "access-point",
      "ap-cn-hangzhou-yh-B",
      { kind: "region", cloud: "alicloud", region: "cn-hangzhou", raw: "ap-cn-hangzhou-yh-B" },
    ],
    [
      "access-point",
      "ap-sg-singpore-A",
      { kind: "unplaceable", raw: "ap-sg-singpore-A", why: "which cannot be placed in a region" },
    ],
  ])("%s %j → %j (CN, an Alibaba Cloud resource)", (format, value, expected) => {
    expect(locate(cn, format, value, "alicloud")).toEqual(expected);
  });

  test("a region ID is read in the cloud of the resource that holds it", () => {
    expect(locate(us, "region", "us-east-1", "aws")).toEqual({
      kind: "region",
      cloud: "aws",
      region: "us-east-1",
      raw: "us-east-1",
    });
  });

  test("an ARN of the jurisdiction's own partition without a region is the resource's own", () => {
    expect(locate(us, "arn", "arn:aws:s3:::b", "aws")).toEqual({
      kind: "own",
      raw: "arn:aws:s3:::b",
      identifier: false,
    });
  });

  test.each([
    ["arn:aws:s3:::b/*", true],
    ["arn:*:s3:::b", false],
    ["arn:aws:logs:*:1:log-group:x", false],
    ["acs:oss:*:*:b", false],
    ["acs:log:cn-shanghai:1:project/p", true],
  ])("%s names a single place: %s", (arn, expected) => {
    expect(namesAPlace(arn)).toBe(expected);
  });
});

describe("how the border analysis names a located place", () => {
  const x = new Resolver([], cn);

  test("a region, an OSS location, a foreign partition, an unplaceable value", () => {
    expect(x.locatedPlace(locate(cn, "oss-location", "oss-cn-hongkong", "alicloud"))).toEqual({
      kind: "place",
      key: "region:alicloud:oss-cn-hongkong",
      label: "oss-cn-hongkong (outside CN, in HK)",
      side: "outside",
    });
    expect(x.locatedPlace(locate(cn, "arn", "arn:aws-cn:kms:cn-north-1:1:key/k", "aws"))).toBe(
      x.regionPlace("aws", "cn-north-1"),
    );
    expect(x.locatedPlace(locate(cn, "arn", "arn:aws:rds:us-east-1:1:db:x", "aws"))).toBe(
      x.regionPlace("aws", "us-east-1"),
    );
    expect(x.locatedPlace(locate(cn, "arn", "arn:aws:s3:::b", "aws"))).toBe(
      x.globalPlace("aws partition aws"),
    );
    expect(x.locatedPlace(locate(cn, "arn", "acs:oss:*:*:b", "alicloud"))).toEqual({
      kind: "place",
      key: "unknown:acs:oss:*:*:b, which allows every region",
      label: "unknown (acs:oss:*:*:b, which allows every region)",
      side: "unknown",
    });
  });

  test("the resource's own region draws no edge", () => {
    expect(x.locatedPlace(locate(cn, "arn-or-id", "records", "aws"))).toBeUndefined();
    expect(x.locatedPlace(locate(cn, "arn", "arn:aws-cn:s3:::b", "aws"))).toBeUndefined();
  });
});

describe("what identifies a resource to the border analysis", () => {
  test("every ref kind's outputs (and any ARN), unnormalised", () => {
    const cluster = resource("aws:rds/cluster:Cluster", "c", { clusterIdentifier: "records" });
    const instance = resource("aws:rds/instance:Instance", "i", { identifier: "replica" });
    const alias = resource("aws:kms/alias:Alias", "a", { name: "alias/records" });
    const bucket = resource("aws:s3/bucket:Bucket", "b", { bucket: "records-b" });
    const vpc = resource("aws:ec2/vpc:Vpc", "v", { defaultNetworkAclId: "acl-1" });
    const role = resource("aws:iam/role:Role", "r", {
      name: "records",
      arn: "arn:aws:iam::1:role/r",
    });
    const x = new Resolver([role, cluster, instance, alias, bucket, vpc], us);
    expect(x.byIdentifier("records", refKinds["aws-db-source"].types)).toBe(cluster);
    expect(x.byIdentifier("replica")).toBe(instance);
    expect(x.byIdentifier("alias/records")).toBe(alias);
    expect(x.byIdentifier("acl-1")).toBe(vpc);
    expect(x.byIdentifier("arn:aws:iam::1:role/r")).toBe(role);
    // A role's name identifies no role: no kind names it.
    expect(x.byIdentifier("records")).toBe(cluster);
    // Normalising an S3 ARN to its bucket is the per-kind lookup's, not the index's.
    expect(x.byIdentifier("arn:aws:s3:::records-b")).toBeUndefined();
  });
});

describe("the keys a setting names", () => {
  const awsKey = refKinds["aws-kms-key"];
  const key = policyResource("aws:kms/key:Key", "key", {
    keyId: "k-1",
    arn: "arn:aws:kms:us-west-2:1:key/k-1",
  });
  const other = policyResource("aws:kms/key:Key", "other", { keyId: "k-2" });
  const alias = policyResource("aws:kms/alias:Alias", "alias", {
    name: "alias/records",
    targetKeyId: "k-1",
  });
  const owner = policyResource("aws:rds/cluster:Cluster", "db", {});

  test("by any key of the kind, or through an alias to the key it targets", () => {
    const all = [key, other, alias, owner];
    expect(keysNamed({ ref: "k-2", owner }, awsKey, all)).toEqual([other]);
    expect(keysNamed({ ref: "arn:aws:kms:us-west-2:1:key/k-1", owner }, awsKey, all)).toEqual([
      key,
    ]);
    expect(keysNamed({ ref: "alias/records", owner }, awsKey, all)).toEqual([key]);
    expect(keysNamed({ ref: "alias/none", owner }, awsKey, all)).toEqual([]);
  });

  test("an alias whose target is not known yet leads to the key it was built from", () => {
    const pending = policyResource(
      "aws:kms/alias:Alias",
      "pending",
      { name: "alias/pending", targetKeyId: unknownText },
      { dependsOn: { targetKeyId: [other] } },
    );
    expect(keysNamed({ ref: "alias/pending", owner }, awsKey, [key, other, pending])).toEqual([
      other,
    ]);
  });

  test("a value that matches nothing falls back to what the setting was built from", () => {
    const built = policyResource(
      "aws:rds/cluster:Cluster",
      "built",
      { kmsKeyId: "k-9" },
      { dependsOn: { kmsKeyId: [other, alias] } },
    );
    const silentKey = policyResource("aws:kms/key:Key", "silent", {});
    const silentAlias = policyResource("aws:kms/alias:Alias", "silent-alias", {
      targetKeyId: "k-1",
    });
    const viaSilent = policyResource(
      "aws:rds/cluster:Cluster",
      "via-silent",
      { kmsKeyId: "k-9" },
      { dependsOn: { kmsKeyId: [silentKey, silentAlias] } },
    );
    const all = [key, other, alias, silentKey, silentAlias];
    // Candidates that report another identifier are not the one named; an alias that reports
    // none is followed to its key.
    expect(keysNamed({ ref: "k-9", owner: built, keyPath: "kmsKeyId" }, awsKey, all)).toEqual([]);
    expect(keysNamed({ ref: "k-9", owner: viaSilent, keyPath: "kmsKeyId" }, awsKey, all)).toEqual([
      silentKey,
      key,
    ]);
    // Unknown at preview: every key and aliased key it was built from.
    expect(keysNamed({ owner: built, keyPath: "kmsKeyId" }, awsKey, all)).toEqual([other, key]);
    // Without a setting path there is nothing to follow.
    expect(keysNamed({ owner: built }, awsKey, all)).toEqual([]);
  });
});

describe("the border's flow tables read places through the compiler", () => {
  const sh = resource("pulumi:providers:alicloud", "sh", { region: "cn-shanghai" });
  const ali = (type: string, name: string, props: Record<string, unknown>) =>
    resource(type, name, props, { provider: sh.urn });
  const hops = (resources: BorderResource[]) =>
    analyzeBorder(resources, "CN").paths.map((p) => [...p.hops]);

  test("an ETL sink endpoint is placed by its host", () => {
    const etl = (endpoint: unknown) =>
      ali("alicloud:log/etl:Etl", "etl", { etlSinks: [{ endpoint }] });
    expect(hops([sh, etl("cn-hongkong.log.aliyuncs.com")])).toEqual([
      ['log etl "etl"', "log delivery (ETL sink)", "cn-hongkong (outside CN, in HK)"],
    ]);
    expect(hops([sh, etl("https://cn-beijing-intranet.log.aliyuncs.com")])).toEqual([]);
    expect(hops([sh, etl("logs.example.com")])).toEqual([
      [
        'log etl "etl"',
        "log delivery (ETL sink)",
        "unknown (logs.example.com, a host the pack cannot place)",
      ],
    ]);
    expect(hops([sh, etl(unknown)])).toEqual([
      [
        'log etl "etl"',
        "log delivery (ETL sink)",
        'unknown (etlSinks[].endpoint of log etl "etl" is not known until deployed)',
      ],
    ]);
    expect(hops([sh, etl(7)])).toEqual([
      [
        'log etl "etl"',
        "log delivery (ETL sink)",
        'unknown (etlSinks[].endpoint of log etl "etl" cannot be read)',
      ],
    ]);
  });

  test("a key is an edge of a store only while its encryption uses it", () => {
    const hk = resource("pulumi:providers:alicloud", "hk", { region: "cn-hongkong" });
    const farKey = resource(
      "alicloud:kms/key:Key",
      "far",
      { keyId: "k-far" },
      { provider: hk.urn },
    );
    const disk = (encrypted: unknown) =>
      ali("alicloud:ecs/ecsDisk:EcsDisk", "disk", { encrypted, kmsKeyId: "k-far" });
    const keyOut = ['kms key "far"', "placed in", "cn-hongkong (outside CN, in HK)"];
    const throughKey = ['ecs disk "disk"', "encrypted by", ...keyOut];
    expect(hops([sh, hk, farKey, disk(false)])).toEqual([keyOut]);
    expect(hops([sh, hk, farKey, disk(true)])).toEqual([keyOut, throughKey]);
    expect(hops([sh, hk, farKey, disk(unknown)])).toEqual([keyOut, throughKey]);
    const bucket = (sseAlgorithm: unknown) =>
      ali("alicloud:oss/bucket:Bucket", "b", {
        serverSideEncryptionRule: { sseAlgorithm, kmsMasterKeyId: "k-far" },
      });
    const throughBucketKey = ['oss bucket "b"', "encrypted by", ...keyOut];
    expect(hops([sh, hk, farKey, bucket("AES256")])).toEqual([keyOut]);
    expect(hops([sh, hk, farKey, bucket("KMS")])).toEqual([keyOut, throughBucketKey]);
    expect(hops([sh, hk, farKey, bucket(unknown)])).toEqual([keyOut, throughBucketKey]);
  });

  test("an OSS replication rule: the bucket of the stack and the location are both far sides", () => {
    const hk = resource("pulumi:providers:alicloud", "hk", { region: "cn-hongkong" });
    const source = ali("alicloud:oss/bucket:Bucket", "t", { bucket: "t" });
    const far = resource(
      "alicloud:oss/bucket:Bucket",
      "dr",
      { bucket: "t-dr" },
      { provider: hk.urn },
    );
    const rule = (destination: Record<string, unknown>) =>
      ali("alicloud:oss/bucketReplication:BucketReplication", "rep", { bucket: "t", destination });
    const drOut = ['oss bucket "dr"', "placed in", "cn-hongkong (outside CN, in HK)"];
    const throughDr = ['oss bucket "t"', 'replication "rep"', ...drOut];
    const stack = (destination: Record<string, unknown>) => [
      sh,
      hk,
      source,
      far,
      rule(destination),
    ];
    // A location not known yet defers to the bucket of the stack…
    expect(hops(stack({ bucket: "t-dr", location: unknown }))).toEqual([throughDr, drOut]);
    // …and to nothing else: the bucket it names is not in the stack, so it fails closed.
    expect(hops(stack({ bucket: "elsewhere", location: unknown }))).toEqual([
      [
        'oss bucket "t"',
        'replication "rep"',
        'unknown (destination bucket "elsewhere" of oss bucket replication "rep" is not in this stack)',
      ],
      drOut,
    ]);
    expect(hops(stack({ bucket: "elsewhere", location: 7 }))).toEqual([
      [
        'oss bucket "t"',
        'replication "rep"',
        'unknown (destination.location of oss bucket replication "rep" cannot be read)',
      ],
      drOut,
    ]);
    expect(hops(stack({ bucket: "elsewhere", location: "cn-beijing" }))).toEqual([
      [
        'oss bucket "t"',
        'replication "rep"',
        "unknown (cn-beijing, which is no OSS location: OSS names the region oss-cn-beijing, with the oss- prefix)",
      ],
      drOut,
    ]);
    // Without a location the bucket's name decides, and a name of nothing fails closed.
    expect(hops(stack({ bucket: "t-dr" }))).toEqual([throughDr, drOut]);
    expect(hops(stack({ bucket: "elsewhere" }))).toEqual([
      [
        'oss bucket "t"',
        'replication "rep"',
        'unknown (destination bucket "elsewhere" of oss bucket replication "rep" is not in this stack)',
      ],
      drOut,
    ]);
    // A rule whose source bucket is not of the stack draws nothing.
    expect(hops([sh, rule({ bucket: "t-dr", location: "oss-cn-hongkong" })])).toEqual([]);
  });

  test("an ARN field without a region, or holding an identifier, stays in the resource's region", () => {
    const or = resource("pulumi:providers:aws", "or", { region: "us-west-2" });
    const replica = (globalTableArn: string) =>
      resource(
        "aws:dynamodb/tableReplica:TableReplica",
        "r",
        { globalTableArn },
        { provider: or.urn },
      );
    const paths = (r: BorderResource) => analyzeBorder([or, r], "US").paths.map((p) => [...p.hops]);
    expect(paths(replica("sessions"))).toEqual([]);
    expect(paths(replica("arn:aws:dynamodb:us-east-1:1:table/sessions"))).toEqual([]);
    expect(paths(replica("arn:aws:dynamodb:eu-central-1:1:table/sessions"))).toEqual([
      ['dynamodb table replica "r"', "replication", "eu-central-1 (outside US, in EU)"],
    ]);
  });
});
