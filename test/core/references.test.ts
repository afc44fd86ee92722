/**
 * The places a resource's inputs name outside its row's fields (policy/paths/references.ts): ARNs
 * anywhere in the props and how each is placed, the values of properties whose name marks a
 * place, and the paths a row declares, which the scanners leave to the row's policies.
 */
import type { FieldSpec, PolicyName, TypeTable } from "../../policy/paths/model";
import {
  arnOutcome,
  arnReferences,
  type DeclaredPaths,
  declaredPaths,
  foreignArns,
  inertAcrossPartitions,
  kmsArn,
  namedPlaceReferences,
  outcomeOf,
  type PlaceOutcome,
} from "../../policy/paths/references";
import { locate } from "../../policy/paths/places";
import { unknown } from "../../policy/paths/values";
import { getJurisdiction } from "../../residency/jurisdictions";
import { awsPartitionOfResource } from "../../residency/placement";
import { proxied, ruleType, unknownText } from "./support";

const cn = getJurisdiction("CN");
const us = getJurisdiction("US");

/** What each reference names and where (its holder, for the readers that weigh siblings, left out). */
const placesNamed = (...args: Parameters<typeof namedPlaceReferences>) =>
  namedPlaceReferences(...args).map(({ path, kind, value }) => ({ path, kind, value }));

describe("ARNs", () => {
  test.each<[string, string, PlaceOutcome]>([
    ["an Alibaba ARN inside", "acs:kms:cn-shanghai:1:key/k", { kind: "inside" }],
    [
      "an Alibaba ARN outside",
      "acs:log:cn-hongkong:1:project/p",
      { kind: "outside", place: "acs:log:cn-hongkong:1:project/p (outside CN, in HK)" },
    ],
    ["a regionless Alibaba ARN", "acs:ram::1:role/r", { kind: "inside" }],
    ["an Alibaba ARN cut short", "acs:ram", { kind: "inside" }],
    [
      "an Alibaba ARN for every region",
      "acs:oss:*:*:bucket",
      { kind: "unplaceable", raw: '"acs:oss:*:*:bucket"', why: "which allows every region" },
    ],
    [
      "an AWS ARN of another partition",
      "arn:aws:kms:us-east-1:1:key/1",
      { kind: "outside", place: "arn:aws:kms:us-east-1:1:key/1 (partition aws, outside CN)" },
    ],
    ["a regionless ARN of the partition", "arn:aws-cn:s3:::bucket", { kind: "inside" }],
    // The aws partition has no region cn-north-1: the partition field is a slip, the region the place.
    [
      "an ARN of another partition naming a region inside",
      "arn:aws:apigateway:cn-north-1:events:action/PutEvents",
      { kind: "inside" },
    ],
    [
      "an ARN of another partition naming a region of its own",
      "arn:aws:apigateway:us-east-1:events:action/PutEvents",
      {
        kind: "outside",
        place: "arn:aws:apigateway:us-east-1:events:action/PutEvents (partition aws, outside CN)",
      },
    ],
    ["an ARN of a region inside", "arn:aws-cn:rds:cn-north-1:1:db:x", { kind: "inside" }],
    [
      "an ARN of a region outside",
      "arn:aws-cn:rds:ap-east-1:1:db:x",
      { kind: "outside", place: "arn:aws-cn:rds:ap-east-1:1:db:x (outside CN, in HK)" },
    ],
    ["an ARN too short to have a region", "arn:aws-cn:kms:x", { kind: "inside" }],
    ["an identifier, not an ARN", "my-key-id", { kind: "inside" }],
  ])("in CN, %s", (_label, arn, expected) => {
    expect(arnOutcome(cn, arn)).toEqual(expected);
  });

  test("in US, an ARN of the EU is outside and names where it lies", () => {
    expect(arnOutcome(us, "arn:aws:kms:eu-central-1:1:key/1")).toEqual({
      kind: "outside",
      place: "arn:aws:kms:eu-central-1:1:key/1 (outside US, in EU)",
    });
    expect(arnOutcome(us, "arn:aws-us-gov:kms:us-gov-west-1:1:key/1")).toEqual({ kind: "inside" });
  });

  const skip = new Map([["aws:s3/bucket:Bucket", new Set(["replication.role"])]]);

  test("finds every ARN a resource names, policy documents included, except modelled paths", () => {
    const props = proxied({
      replication: { role: "arn:aws:iam::1:role/r" },
      kmsKeyId: "arn:aws:kms:us-east-1:1:key/1",
      name: "not an arn",
      note: "see arn:aws:kms:us-east-1:1:key/2",
      policy: JSON.stringify({ Statement: [{ Resource: "acs:oss:*:*:b" }] }),
      later: unknownText,
    });
    expect(arnReferences("aws:s3/bucket:Bucket", props, () => true, skip)).toEqual([
      { path: "kmsKeyId", arn: "arn:aws:kms:us-east-1:1:key/1" },
      { path: "policy.Statement[0].Resource", arn: "acs:oss:*:*:b" },
      { path: "later", arn: unknown },
    ]);
    // Another type skips nothing; `accept` selects.
    expect(arnReferences("aws:s3/bucketV2:BucketV2", props, (a) => kmsArn.test(a), skip)).toEqual([
      { path: "kmsKeyId", arn: "arn:aws:kms:us-east-1:1:key/1" },
      { path: "later", arn: unknown },
    ]);
  });

  test("recognises KMS key ARNs of any partition, and only those", () => {
    expect(
      ["arn:aws-cn:kms:cn-north-1:1:key/k", "arn:aws:kms:x", "arn::kms:x", "xarn:aws:kms:x"].map(
        (a) => kmsArn.test(a),
      ),
    ).toEqual([true, true, false, false]);
  });

  test("keeps the ARNs outside or unplaceable, leaving unknown ones to the placement policies", () => {
    expect(
      foreignArns(cn, [
        { path: "a", arn: "arn:aws-cn:kms:cn-north-1:1:key/k" },
        { path: "b", arn: "arn:aws:kms:us-east-1:1:key/1" },
        { path: "c", arn: "acs:oss:*:*:b" },
        { path: "d", arn: unknown },
      ]),
    ).toEqual([
      { path: "b", place: "arn:aws:kms:us-east-1:1:key/1 (partition aws, outside CN)" },
      { path: "c", place: '"acs:oss:*:*:b" (which allows every region)' },
    ]);
  });

  test("lists the paths of the fields that name a place by their value, per type", () => {
    const region = (path: string, policy: PolicyName = "storage-replication"): FieldSpec => ({
      path,
      format: "region",
      verb: "v",
      label: "replication",
      policy,
    });
    const table: TypeTable = {
      [ruleType]: {
        role: "other",
        fields: [
          region("a"),
          { ...region("c[]"), format: "arn" },
          // Fields that name no place by their value: the scanners still read their paths.
          { ...region("open"), format: "internet", opens: "true" },
          { ...region("policy"), format: "grants", grants: () => [] },
          { ...region("mode"), format: "judged", judges: () => [] },
        ],
        fix: "",
      },
      "aws:s3/bucket:Bucket": { role: "data", fields: [region("d", "log-shipping")], fix: "" },
      "aws:s3/bucketPolicy:BucketPolicy": { role: "other", fix: "" },
    };
    const listed = (paths: ReadonlyMap<string, DeclaredPaths>) =>
      [...paths].map(([t, s]) => [t, s.paths]);
    expect(listed(declaredPaths(table))).toEqual([
      [ruleType, ["a", "c[]"]],
      ["aws:s3/bucket:Bucket", ["d"]],
    ]);
    // Only one policy's fields, when asked.
    expect(listed(declaredPaths(table, "log-shipping"))).toEqual([["aws:s3/bucket:Bucket", ["d"]]]);
  });
});

describe("places named by a property's name", () => {
  const type = "aws:ecs/taskDefinition:TaskDefinition";
  const props = proxied({
    destinationRegion: "eu-west-1",
    availabilityZone: "eu-west-1a",
    containerDefinitions: JSON.stringify([
      {
        image: "123.dkr.ecr.us-east-1.amazonaws.com/app:1",
        logConfiguration: { options: { "awslogs-region": "us-east-1" } },
      },
    ]),
    replicaRegions: ["cn-beijing", "cn-hongkong"],
    endpoint: "https://oss-cn-hangzhou.aliyuncs.com",
    description: "eu-west-1",
    tags: { region: "eu-west-1" },
    later: unknownText,
  });

  test("finds each kind by the property's name, in JSON documents and lists too", () => {
    const skip = new Map([[type, new Set(["destinationRegion"])]]);
    expect(placesNamed(type, props, ["region", "zone", "endpoint", "image"], skip)).toEqual([
      { path: "availabilityZone", kind: "zone", value: "eu-west-1a" },
      {
        path: "containerDefinitions[0].image",
        kind: "image",
        value: "123.dkr.ecr.us-east-1.amazonaws.com/app:1",
      },
      {
        path: "containerDefinitions[0].logConfiguration.options.awslogs-region",
        kind: "region",
        value: "us-east-1",
      },
      { path: "replicaRegions[0]", kind: "region", value: "cn-beijing" },
      { path: "replicaRegions[1]", kind: "region", value: "cn-hongkong" },
      { path: "endpoint", kind: "endpoint", value: "https://oss-cn-hangzhou.aliyuncs.com" },
    ]);
  });

  test("reads YAML documents of several lines held as text, never a one-line phrase", () => {
    const yamlProps = proxied({
      content: [
        "schemaVersion: '2.2'",
        "mainSteps:",
        "  - action: aws:runShellScript",
        "    inputs:",
        "      region: eu-west-1",
        "      role: arn:aws:iam::1:role/r",
        "      queue: arn:aws:sqs:eu-west-1:1:q",
      ].join("\n"),
      description: "region: eu-west-1",
      note: "region: eu-west-1\nnot: [valid",
    });
    expect(placesNamed(type, yamlProps, ["region"], new Map())).toEqual([
      { path: "content.mainSteps[0].inputs.region", kind: "region", value: "eu-west-1" },
    ]);
    expect(arnReferences(type, yamlProps, () => true, new Map())).toEqual([
      { path: "content.mainSteps[0].inputs.role", arn: "arn:aws:iam::1:role/r" },
      { path: "content.mainSteps[0].inputs.queue", arn: "arn:aws:sqs:eu-west-1:1:q" },
    ]);
  });

  test("skips a declared path whose `*` stands for map keys, dots in them included", () => {
    const body = "body.paths.*.*.x-amazon-apigateway-integration.uri";
    const skipped = declaredPaths({
      [type]: {
        role: "other",
        fields: [
          { path: body, format: "arn", label: "data sync", policy: "log-shipping", verb: "v" },
        ],
        fix: "",
      },
    });
    const integration = (uri: string) => ({ "x-amazon-apigateway-integration": { uri } });
    const apiProps = proxied({
      body: JSON.stringify({
        paths: { "/v1.0/items": { get: integration("arn:aws:lambda:eu-west-1:1:function:f") } },
        other: { "/x": { get: integration("arn:aws:lambda:eu-west-1:1:function:g") } },
      }),
    });
    expect(arnReferences(type, apiProps, () => true, skipped)).toEqual([
      {
        path: "body.other./x.get.x-amazon-apigateway-integration.uri",
        arn: "arn:aws:lambda:eu-west-1:1:function:g",
      },
    ]);
  });

  test("skips a declared path whose `\\.` is a dot inside a key", () => {
    const field = (path: string): FieldSpec => ({
      path,
      format: "url",
      label: "data sync",
      policy: "log-shipping",
      verb: "v",
    });
    const skipped = declaredPaths({
      [type]: {
        role: "other",
        fields: [field("definition.States.*.Parameters.ApiEndpoint\\.$")],
        fix: "",
      },
    }).get(type);
    expect(skipped?.has("definition.States.Call.Parameters.ApiEndpoint.$")).toBe(true);
    expect(skipped?.has("definition.States.Call.Parameters.ApiEndpoint")).toBe(false);
  });

  test("reads only the kinds asked for, and a declared path only when another type has it", () => {
    expect(placesNamed(type, props, ["image"], new Map())).toEqual([
      {
        path: "containerDefinitions[0].image",
        kind: "image",
        value: "123.dkr.ecr.us-east-1.amazonaws.com/app:1",
      },
    ]);
    const skip = new Map([["aws:s3/bucket:Bucket", new Set(["destinationRegion"])]]);
    expect(placesNamed(type, props, ["region"], skip)[0]).toEqual({
      path: "destinationRegion",
      kind: "region",
      value: "eu-west-1",
    });
  });
});

describe("a zone of another city than its region's", () => {
  test("is placed by its city's country: inside the jurisdiction, or outside and named", () => {
    const zone = (j: typeof us, value: string) => outcomeOf(j, locate(j, "zone", value, "aws"));
    expect(zone(us, "us-east-1-atl-1a")).toEqual({ kind: "inside" });
    expect(zone(us, "us-east-1-bue-1a")).toEqual({
      kind: "outside",
      place: "us-east-1-bue-1a (an AWS Local Zone in Buenos Aires, AR: outside US)",
    });
  });
});

describe("places named by an entry's name, a location's type or a regional URL", () => {
  const type = "aws:ecs/taskDefinition:TaskDefinition";

  test("reads them where the property's own name says nothing, and skips prose and other kinds", () => {
    const props = proxied({
      // A `{ name, value }` entry is read by its name, as a map's value by its key.
      environment: [
        { name: "AWS_REGION", value: "eu-west-1" },
        { name: "GREETING", value: "eu-west-1" },
        // A name that marks no place: a URL of a cloud service's regional endpoint names its
        // region still, and any other URL nothing.
        { name: "OUT", value: "https://sqs.eu-west-1.amazonaws.com/1/q" },
        { name: "HOME", value: "https://example.com/" },
      ],
      // A `{ name, type }` location names a zone when its type is a zone's.
      location: { name: "use1-bue1-az1", type: "LocalZone" },
      site: { name: "use1-az1", type: "Building" },
      // A peer given as a URL is a service endpoint, wherever it stands.
      callback: "https://hooks.example.com/q",
      peerAddress: "https://peer.example.com",
      peerIp: "203.0.113.9",
      // Prose and an OpenAPI document's `info` mention URLs; nothing fetches them.
      summaryText: "https://s3.eu-west-1.amazonaws.com/x",
      info: { "x-logo": "https://s3.eu-west-1.amazonaws.com/logo.png" },
    });
    expect(placesNamed(type, props, ["region", "zone", "endpoint", "image"], new Map())).toEqual([
      { path: "environment[0].value", kind: "region", value: "eu-west-1" },
      {
        path: "environment[2].value",
        kind: "endpoint",
        value: "https://sqs.eu-west-1.amazonaws.com/1/q",
      },
      { path: "location.name", kind: "zone", value: "use1-bue1-az1" },
      { path: "callback", kind: "endpoint", value: "https://hooks.example.com/q" },
      { path: "peerAddress", kind: "endpoint", value: "https://peer.example.com" },
    ]);
    expect(placesNamed(type, props, ["zone"], new Map())).toEqual([
      { path: "location.name", kind: "zone", value: "use1-bue1-az1" },
    ]);
  });
});

describe("ARNs of another partition in policy documents", () => {
  const s3 = "arn:aws:s3:::reports/*";
  const role = "aws:iam/role:Role";
  const rolePolicy = "aws:iam/rolePolicy:RolePolicy";
  const lambda = "aws:lambda/function:Function";
  const machine = "aws:sfn/stateMachine:StateMachine";
  test.each([
    [rolePolicy, "policy.Statement[0].Resource", s3, "aws-cn", true],
    [rolePolicy, "policy.Statement.Resource", s3, "aws-cn", true],
    [role, "inlinePolicies[1].policy.Statement[2].Resource[0]", s3, "aws-cn", true],
    [role, "assumeRolePolicy.Statement[0].Principal.AWS", "arn:aws:iam::1:root", "aws-cn", true],
    [rolePolicy, "policy.Statement[0].Resource", s3, "aws", false],
    [rolePolicy, "policy.Statement[0].Resource", "arn:aws-cn:s3:::reports/*", "aws-cn", false],
    [rolePolicy, "policy.Statement[0].Resource", s3, undefined, false],
    [rolePolicy, "policy.Statement[0].Resource", "arn:*:s3:::reports/*", "aws-cn", false],
    // A document held as text under a map of the user's own keys is read by the application.
    [lambda, "environment.variables.EXPORT_POLICY.Statement[0].Resource", s3, "aws-cn", false],
    [lambda, "environment.variables.REPORTS", s3, "aws-cn", false],
    // A state machine's state that happens to be named Statement is no policy document.
    [
      machine,
      "definition.States.Statement.Resource",
      "arn:aws:lambda:us-east-1:1:function:f",
      "aws-cn",
      false,
    ],
    [role, "permissionsBoundary", "arn:aws:iam::1:policy/b", "aws-cn", false],
    // An Organizations policy is applied in the organization's partition: a role there is none.
    // A copy target is a destination: a region of another partition named as one is reported.
    [
      "aws:organizations/policy:Policy",
      "content.plans.Monthly.rules.Daily.copy_actions.arn:aws:backup:us-east-1:1:backup-vault:Default.target_backup_vault_arn.@@assign",
      "arn:aws:backup:us-east-1:1:backup-vault:Default",
      "aws-cn",
      false,
    ],
    [
      "aws:organizations/policy:Policy",
      "content.plans.Statement.rules.Daily.copy_actions.x.target_backup_vault_arn.@@assign",
      "arn:aws:backup:us-east-1:1:backup-vault:Default",
      "aws-cn",
      false,
    ],
    [
      "aws:organizations/policy:Policy",
      "content.Statement[0].Resource",
      "arn:aws:s3:::reports/*",
      "aws-cn",
      true,
    ],
    [
      "aws:organizations/policy:Policy",
      "content.plans.Monthly.selections.tags.Assign.iam_role_arn.@@assign",
      "arn:aws:iam::1:role/backup",
      "aws-cn",
      true,
    ],
    // A property that holds an ARN itself, not a document in which one stands.
    [rolePolicy, "policy", "arn:aws:iam::1:policy/p", "aws-cn", false],
  ] as const)("%s %s = %s in partition %s: inert %s", (type, path, arn, holder, inert) => {
    expect(inertAcrossPartitions(type, { path, arn }, holder)).toBe(inert);
  });

  test("a value not known at preview is never inert", () => {
    expect(
      inertAcrossPartitions(
        "aws:iam/rolePolicy:RolePolicy",
        { path: "policy.Statement[0].Resource", arn: unknown },
        "aws-cn",
      ),
    ).toBe(false);
  });

  test("the holder's partition: its own region, else its provider's; none when unknown", () => {
    const provider = (region: unknown) => ({ type: "pulumi:providers:aws", props: { region } });
    const role = "aws:iam/rolePolicy:RolePolicy";
    expect(awsPartitionOfResource(role, {}, provider("cn-north-1"))).toBe("aws-cn");
    expect(awsPartitionOfResource(role, {}, provider("us-gov-west-1"))).toBe("aws-us-gov");
    expect(awsPartitionOfResource(role, {}, provider(undefined))).toBeUndefined();
    expect(awsPartitionOfResource(role, {}, undefined)).toBeUndefined();
    const queue = "aws:sqs/queue:Queue";
    expect(awsPartitionOfResource(queue, { region: "cn-northwest-1" }, provider("us-east-1"))).toBe(
      "aws-cn",
    );
    // A region input that is set but not text (unknown at preview) says nothing: no fallback.
    expect(
      awsPartitionOfResource(queue, { region: unknown }, provider("cn-north-1")),
    ).toBeUndefined();
    expect(
      awsPartitionOfResource("alicloud:oss/bucket:Bucket", {}, provider("cn-north-1")),
    ).toBeUndefined();
  });
});
