/**
 * Name resolution (policy/paths/named.ts) in the test process: a `ref` field's value resolved
 * against the stack's resources — by name, ARN or the resources it was computed from — and the
 * finding that follows in the words of the field's policy, with the whole path.
 */
import type { PolicyProviderResource } from "@pulumi/policy";
import type { FieldSpec, TypeModel, TypeTable } from "../../policy/paths/model";
import { namedDestinationsPolicy } from "../../policy/paths/named";
import { refKinds } from "../../policy/paths/resolver";
import { resourceLabel } from "../../residency/placement";
import {
  hongKong,
  near,
  policyResource,
  providerOf,
  ruleLabel as label,
  ruleType,
  runStackPolicy,
  shanghai,
  unknownText,
} from "./support";

const meta = {
  name: "named-destinations",
  description: "Checks whether names resolve inside.",
  severity: "critical",
  remediationSteps: "Fix it.",
} as const;

/** A field of storage-replication's (default verb: "replicates objects to"). */
function field(spec: Partial<FieldSpec> & Pick<FieldSpec, "path" | "format">): FieldSpec {
  return {
    verb: "replicates objects to",
    label: "replication",
    policy: "storage-replication",
    ...spec,
  };
}

function row(fix: string, ...fields: FieldSpec[]): TypeModel {
  return { role: "other", fields, fix };
}

describe("names resolved against the stack", () => {
  const fromBucket = { source: { path: "bucket", ref: "oss-bucket" } } as const;
  const table: TypeTable = {
    [ruleType]: row(
      "Fix it.",
      field({ path: "destination.location", format: "oss-location", ...fromBucket }),
      field({
        path: "destination.bucket",
        format: "ref",
        ref: "oss-bucket",
        fallback: "location",
        ...fromBucket,
      }),
    ),
    "alicloud:log/store:Store": row(
      "Fix the log.",
      field({ path: "projectName", format: "ref", ref: "sls-project", verb: "stores logs in" }),
      field({ path: "region", format: "region", verb: "is in" }),
    ),
    // A ref field that names no kind of resource is not resolved.
    "alicloud:oss/bucket:Bucket": row(
      "n/a",
      field({ path: "name", format: "ref", verb: "is named" }),
    ),
  };
  const policy = namedDestinationsPolicy({ ...meta, table });
  const cnConfig = { jurisdiction: "CN" };
  const rule = (destination: Record<string, unknown>, dependsOn = {}) =>
    policyResource(
      ruleType,
      "rule",
      { bucket: "t", destination },
      { provider: shanghai, dependsOn },
    );
  const bucket = (
    name: string,
    props: Record<string, unknown>,
    provider?: PolicyProviderResource,
  ) => policyResource("alicloud:oss/bucket:Bucket", name, props, { provider });
  // `name` is a ref field without a kind: it is not resolved.
  const source = bucket("t", { bucket: "t", name: "t" }, shanghai);
  const ruleLabel = 'oss bucket replication "rule"';
  const ruleUrn = `urn:pulumi:dev::p::${ruleType}::rule`;
  const violation = (place: string) => ({
    message: `${ruleLabel} must keep data inside CN, but destination.bucket replicates objects to ${place}. Fix it.\npath: oss bucket "t" → ${ruleLabel} → ${place}`,
    urn: ruleUrn,
  });
  const cannotPlace = (raw: string, why: string) => ({
    message: `${ruleLabel} must keep data inside CN, but destination.bucket replicates objects to ${raw}, ${why}. Fix it.\npath: oss bucket "t" → ${ruleLabel} → ${raw} (cannot be placed)`,
    urn: ruleUrn,
  });

  test("a bucket of the stack abroad is where the replica goes", () => {
    const dr = bucket("dr", { bucket: "dr-bucket" }, hongKong);
    expect(runStackPolicy(policy, [source, dr, rule({ bucket: "dr-bucket" })], cnConfig)).toEqual([
      violation('oss bucket "dr" in cn-hongkong (outside CN, in HK)'),
    ]);
  });

  test("a bucket of the stack inside passes", () => {
    const dr = bucket("dr", { bucket: "dr-bucket" }, shanghai);
    expect(runStackPolicy(policy, [source, dr, rule({ bucket: "dr-bucket" })], cnConfig)).toEqual(
      [],
    );
  });

  test("names given as ARNs are matched by the bucket name in them", () => {
    const dr = bucket("dr", { bucket: "dr-bucket" }, hongKong);
    expect(
      runStackPolicy(policy, [source, dr, rule({ bucket: "acs:oss:::dr-bucket/logs" })], cnConfig),
    ).toEqual([violation('oss bucket "dr" in cn-hongkong (outside CN, in HK)')]);
  });

  test("an ARN of the name also matches a target that reports its name as an ARN", () => {
    const dr = bucket("dr", { bucket: "acs:oss:*:*:dr-bucket" }, hongKong);
    expect(runStackPolicy(policy, [source, dr, rule({ bucket: "dr-bucket" })], cnConfig)).toEqual([
      violation('oss bucket "dr" in cn-hongkong (outside CN, in HK)'),
    ]);
  });

  test("a location not known yet leaves the decision to the bucket's name", () => {
    const dr = bucket("dr", { bucket: "dr-bucket" }, hongKong);
    expect(
      runStackPolicy(
        policy,
        [source, dr, rule({ bucket: "dr-bucket", location: unknownText })],
        cnConfig,
      ),
    ).toEqual([violation('oss bucket "dr" in cn-hongkong (outside CN, in HK)')]);
  });

  test("a bucket of the stack abroad is the far side whatever the known location says", () => {
    const dr = bucket("dr", { bucket: "dr-bucket" }, hongKong);
    expect(
      runStackPolicy(
        policy,
        [source, dr, rule({ bucket: "dr-bucket", location: "oss-cn-beijing" })],
        cnConfig,
      ),
    ).toEqual([violation('oss bucket "dr" in cn-hongkong (outside CN, in HK)')]);
  });

  test("a location abroad beside the name is the one report of the crossing, made by its own field", () => {
    // storage-replication reports `destination.location` over the rule alone; the bucket it
    // names, abroad too, is the same crossing, not a second finding.
    const dr = bucket("dr", { bucket: "dr-bucket" }, hongKong);
    const beside = (location: string) =>
      runStackPolicy(policy, [source, dr, rule({ bucket: "dr-bucket", location })], cnConfig);
    expect(beside("oss-cn-hongkong")).toEqual([]);
    expect(beside("oss-us-west-1")).toEqual([]);
    // A location that places nothing reports no crossing of its own: the bucket's place does.
    expect(beside("somewhere")).toEqual([
      violation('oss bucket "dr" in cn-hongkong (outside CN, in HK)'),
    ]);
  });

  test("a known location places a name of nothing in the stack, which then does not fail closed", () => {
    const located = (b: unknown, dependsOn = {}) =>
      runStackPolicy(
        policy,
        [source, rule({ bucket: b, location: "oss-cn-beijing" }, dependsOn)],
        cnConfig,
      );
    expect(located("elsewhere")).toEqual([]);
    expect(located(42)).toEqual([]);
    const role = policyResource("alicloud:ram/role:Role", "role", {}, { provider: hongKong });
    expect(located(unknownText, { destination: [role] })).toEqual([]);
  });

  test("a name the program does not create cannot be placed", () => {
    expect(runStackPolicy(policy, [source, rule({ bucket: "elsewhere" })], cnConfig)).toEqual([
      cannotPlace(
        '"elsewhere"',
        "an OSS bucket this program does not create, so its region cannot be checked",
      ),
    ]);
  });

  test("an ARN of a partition whose every region is inside is inside, of one with none outside, whatever the bucket", () => {
    expect(
      runStackPolicy(policy, [source, rule({ bucket: "arn:aws-cn:s3:::elsewhere" })], cnConfig),
    ).toEqual([]);
    // One of a partition with no region inside lies outside, wherever in it the bucket is.
    expect(
      runStackPolicy(policy, [source, rule({ bucket: "arn:aws:s3:::elsewhere" })], cnConfig),
    ).toEqual([violation("arn:aws:s3:::elsewhere (partition aws, outside CN)")]);
  });

  test("a name that is not text cannot be placed", () => {
    expect(runStackPolicy(policy, [source, rule({ bucket: 42 })], cnConfig)).toEqual([
      cannotPlace("42", "which is not an OSS bucket name"),
    ]);
  });

  test("a regional ARN places itself", () => {
    expect(
      runStackPolicy(policy, [source, rule({ bucket: "arn:aws:s3:us-east-1:1:b" })], cnConfig),
    ).toEqual([violation("arn:aws:s3:us-east-1:1:b (partition aws, outside CN)")]);
  });

  test("a name not known yet is placed through the buckets it was computed from", () => {
    const abroad = bucket("dr", {}, hongKong);
    const home = bucket("home", {}, shanghai);
    expect(
      runStackPolicy(
        policy,
        [source, abroad, rule({ bucket: unknownText }, { destination: [abroad] })],
        cnConfig,
      ),
    ).toEqual([violation('oss bucket "dr" in cn-hongkong (outside CN, in HK)')]);
    expect(
      runStackPolicy(
        policy,
        [source, home, rule({ bucket: unknownText }, { destination: [home] })],
        cnConfig,
      ),
    ).toEqual([]);
    // Any candidate abroad is a way out.
    expect(
      runStackPolicy(
        policy,
        [source, home, abroad, rule({ bucket: unknownText }, { destination: [home, abroad] })],
        cnConfig,
      ),
    ).toEqual([violation('oss bucket "dr" in cn-hongkong (outside CN, in HK)')]);
  });

  test("a name not known yet and traceable to nothing fails closed", () => {
    const role = policyResource("alicloud:ram/role:Role", "role", {}, { provider: hongKong });
    expect(
      runStackPolicy(
        policy,
        [source, role, rule({ bucket: unknownText }, { destination: [role] })],
        cnConfig,
      ),
    ).toEqual([
      {
        message: `${ruleLabel} must name a place the pack can check, but destination.bucket is not known before deployment (an output of another resource, or the answer of a lookup), so whether it leaves CN cannot be decided at preview. Set it from a literal value or a resource of this program, or waive the finding after review.\npath: oss bucket "t" → ${ruleLabel} → destination.bucket (unknown at preview)`,
        urn: ruleUrn,
      },
    ]);
  });

  test("a known name that matches no output is placed through a dependency that could be it", () => {
    const abroad = bucket("dr", {}, hongKong);
    expect(
      runStackPolicy(
        policy,
        [source, abroad, rule({ bucket: "dr-bucket" }, { destination: [abroad] })],
        cnConfig,
      ),
    ).toEqual([violation('oss bucket "dr" in cn-hongkong (outside CN, in HK)')]);
    // A dependency reporting another name is not the bucket the value names.
    const other = bucket("other", { bucket: "other-bucket" }, hongKong);
    expect(
      runStackPolicy(
        policy,
        [source, other, rule({ bucket: "dr-bucket" }, { destination: [other] })],
        cnConfig,
      ),
    ).toEqual([
      cannotPlace(
        '"dr-bucket"',
        "an OSS bucket this program does not create, so its region cannot be checked",
      ),
    ]);
  });

  test("a destination whose own region cannot be determined cannot be placed", () => {
    const unpinned = bucket("dr", { bucket: "dr-bucket" }, providerOf("alicloud", "none", {}));
    expect(
      runStackPolicy(policy, [source, unpinned, rule({ bucket: "dr-bucket" })], cnConfig),
    ).toEqual([
      cannotPlace(
        '"dr"',
        "whose region cannot be determined (its alicloud provider sets no region)",
      ),
    ]);
    const later = bucket(
      "dr",
      { bucket: "dr-bucket" },
      providerOf("alicloud", "later", { region: unknownText }),
    );
    expect(
      runStackPolicy(policy, [source, later, rule({ bucket: "dr-bucket" })], cnConfig)[0].message,
    ).toMatch(
      /^oss bucket replication "rule" must name a place the pack can check, but destination\.bucket names oss bucket "dr", whose region is not known before deployment/,
    );
  });

  test("a value built from several buckets whose regions are not known names every one", () => {
    // Found on a community static-site program: each origin of a distribution built from a
    // function URL and two buckets named the function URL alone.
    const later = providerOf("alicloud", "later", { region: unknownText });
    const a = bucket("dr-a", {}, later);
    const b = bucket("dr-b", {}, later);
    const [finding] = runStackPolicy(
      policy,
      [source, a, b, rule({ bucket: unknownText }, { destination: [a, b] })],
      cnConfig,
    );
    expect(finding.message).toMatch(
      /but destination\.bucket names oss bucket "dr-a" or oss bucket "dr-b", whose region is not known before deployment.* Pin oss bucket "dr-a" or oss bucket "dr-b" to a literal region/,
    );
  });

  test("reads names with articles as they are spoken", () => {
    const store = policyResource(
      "alicloud:log/store:Store",
      "logs",
      { projectName: 7, region: "cn-hongkong" },
      { provider: shanghai },
    );
    expect(runStackPolicy(policy, [store], cnConfig)).toEqual([
      {
        message:
          'log store "logs" must keep data inside CN, but projectName stores logs in 7, which is not an SLS project name. Fix the log.\npath: cn-shanghai (inside CN) → log store "logs" → 7 (cannot be placed)',
        urn: "urn:pulumi:dev::p::alicloud:log/store:Store::logs",
      },
    ]);
  });

  test("nothing runs without a jurisdiction", () => {
    expect(runStackPolicy(policy, [source, rule({ bucket: "elsewhere" })], {})).toEqual([]);
  });

  test("speaks the fix of the field's own policy, and only where its condition holds", () => {
    const logs = field({
      path: "destination.bucket",
      format: "ref",
      ref: "oss-bucket",
      policy: "log-shipping",
      when: (props) => props.enabled !== false,
    });
    const perPolicy = namedDestinationsPolicy({
      ...meta,
      table: {
        [ruleType]: {
          role: "other",
          fields: [logs],
          fix: { "storage-replication": "Fix the replica.", "log-shipping": "Fix the log." },
        },
      },
    });
    const at = (props: Record<string, unknown>) =>
      policyResource(ruleType, "rule", props, { provider: shanghai });
    expect(
      runStackPolicy(perPolicy, [at({ destination: { bucket: "elsewhere" } })], cnConfig),
    ).toEqual([
      {
        message: `${ruleLabel} must keep data inside CN, but destination.bucket replicates objects to "elsewhere", an OSS bucket this program does not create, so its region cannot be checked. Fix the log.\npath: ${near} → ${ruleLabel} → "elsewhere" (cannot be placed)`,
        urn: ruleUrn,
      },
    ]);
    expect(
      runStackPolicy(
        perPolicy,
        [at({ enabled: false, destination: { bucket: "elsewhere" } })],
        cnConfig,
      ),
    ).toEqual([]);
  });
});

describe("a target its own rows judge", () => {
  const policy = namedDestinationsPolicy({
    ...meta,
    table: {
      [ruleType]: row(
        "Fix it.",
        field({ path: "to", format: "ref", ref: "networkmanager-attachment", verb: "routes to" }),
      ),
    },
  });
  const rule = policyResource(ruleType, "rule", { to: "attachment-1" }, { provider: shanghai });

  test("is named enough: where it lies is its own rows' question", () => {
    const tokyo = providerOf("aws", "tokyo", { region: "ap-northeast-1" });
    const attachment = policyResource(
      "aws:networkmanager/vpcAttachment:VpcAttachment",
      "att",
      { attachmentId: "attachment-1" },
      { provider: tokyo },
    );
    expect(runStackPolicy(policy, [attachment, rule], { jurisdiction: "CN" })).toEqual([]);
  });

  test("a name the program does not create still fails closed", () => {
    expect(runStackPolicy(policy, [rule], { jurisdiction: "CN" })).toEqual([
      {
        message: `${label} must keep data inside CN, but to routes to "attachment-1", a Cloud WAN attachment this program does not create, so its region cannot be checked. Fix it.\npath: ${near} → ${label} → "attachment-1" (cannot be placed)`,
        urn: `urn:pulumi:dev::p::${ruleType}::rule`,
      },
    ]);
  });
});

describe("each kind of name", () => {
  test.each<[keyof typeof refKinds, string, readonly string[], readonly string[]]>([
    [
      "s3-bucket",
      "an S3 bucket",
      ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"],
      ["bucket", "id"],
    ],
    ["oss-bucket", "an OSS bucket", ["alicloud:oss/bucket:Bucket"], ["bucket", "id"]],
    [
      "sls-project",
      "an SLS project",
      ["alicloud:log/project:Project"],
      ["projectName", "name", "id"],
    ],
    [
      "rds-global-cluster",
      "an Aurora global cluster",
      ["aws:rds/globalCluster:GlobalCluster"],
      ["globalClusterIdentifier", "id", "arn"],
    ],
    [
      "docdb-global-cluster",
      "a DocumentDB global cluster",
      ["aws:docdb/globalCluster:GlobalCluster"],
      ["globalClusterIdentifier", "id", "arn"],
    ],
    [
      "neptune-global-cluster",
      "a Neptune global cluster",
      ["aws:neptune/globalCluster:GlobalCluster"],
      ["globalClusterIdentifier", "id", "arn"],
    ],
    [
      "elasticache-global-group",
      "an ElastiCache global datastore",
      ["aws:elasticache/globalReplicationGroup:GlobalReplicationGroup"],
      ["globalReplicationGroupId", "id"],
    ],
    [
      "memorydb-multi-region-cluster",
      "a MemoryDB multi-Region cluster",
      ["aws:memorydb/multiRegionCluster:MultiRegionCluster"],
      ["multiRegionClusterName", "id"],
    ],
    [
      "polardb-gdn",
      "a PolarDB global database network",
      ["alicloud:polardb/globalDatabaseNetwork:GlobalDatabaseNetwork"],
      ["id", "gdnId"],
    ],
    [
      "tair-global-instance",
      "a Tair global distributed cache",
      ["alicloud:kvstore/instance:Instance", "alicloud:redis/tairInstance:TairInstance"],
      ["globalInstanceId", "id"],
    ],
    [
      "physical-connection",
      "an Express Connect physical connection",
      ["alicloud:expressconnect/physicalConnection:PhysicalConnection"],
      ["id"],
    ],
    [
      "db-source",
      "a source database",
      ["alicloud:rds/instance:Instance", "alicloud:polardb/cluster:Cluster"],
      ["id"],
    ],
    [
      "dts-destination",
      "a destination instance",
      [
        "alicloud:rds/instance:Instance",
        "alicloud:polardb/cluster:Cluster",
        "alicloud:drds/polardbxInstance:PolardbxInstance",
        "alicloud:mongodb/instance:Instance",
        "alicloud:mongodb/shardingInstance:ShardingInstance",
        "alicloud:kvstore/instance:Instance",
        "alicloud:gpdb/instance:Instance",
        "alicloud:adb/dBCluster:DBCluster",
        "alicloud:adb/dBClusterLakeVersion:DBClusterLakeVersion",
        "alicloud:ecs/instance:Instance",
      ],
      ["id"],
    ],
  ])(
    "a %s name resolves by each of its keys; one the program lacks reads as %s",
    (kind, noun, types, keys) => {
      const policy = namedDestinationsPolicy({
        ...meta,
        table: {
          [ruleType]: row(
            "Fix it.",
            field({ path: "to", format: "ref", ref: kind, verb: "sends data to" }),
          ),
        },
      });
      const tokyo = providerOf("aws", "tokyo", { region: "ap-northeast-1" });
      const rule = policyResource(ruleType, "rule", { to: "target" }, { provider: shanghai });
      for (const type of types) {
        const aws = type.startsWith("aws:");
        const abroad = aws
          ? "ap-northeast-1 (outside CN, in JP)"
          : "cn-hongkong (outside CN, in HK)";
        for (const key of keys) {
          const target = policyResource(
            type,
            "dest",
            { [key]: "target" },
            { provider: aws ? tokyo : hongKong },
          );
          const [found] = runStackPolicy(policy, [target, rule], { jurisdiction: "CN" });
          expect([type, key, found?.message.split("\npath: ")[1]]).toEqual([
            type,
            key,
            `${near} → ${label} → ${resourceLabel(type, "dest")} in ${abroad}`,
          ]);
        }
      }
      expect(runStackPolicy(policy, [rule], { jurisdiction: "CN" })[0].message).toBe(
        `${label} must keep data inside CN, but to sends data to "target", ${noun} this program does not create, so its region cannot be checked. Fix it.\npath: ${near} → ${label} → "target" (cannot be placed)`,
      );
    },
  );
});
