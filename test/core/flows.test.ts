/**
 * The flow evaluator (policy/flows.ts) in the test process: how each format of a flow table
 * decides a value, the finding it turns into (message and whole path), and how names resolve
 * against the stack. The tables themselves are tested through the policy pack
 * (test/policy/*.test.ts); here the models are the smallest that reach each branch.
 */
import type { PolicyProviderResource } from "@pulumi/policy";
import {
  arnOutcome,
  arnReferences,
  directFindings,
  type FlowField,
  type FlowModel,
  flowFinding,
  flowPolicy,
  foreignArns,
  kmsArn,
  modelledPaths,
  namedDestinationsPolicy,
  type Outcome,
  ownAccounts,
  ownPlace,
} from "../../policy/flows";
import type { EgressAllowEntry, Finding } from "../../policy/framework";
import {
  dependencyTargets,
  type RefKind,
  refKinds,
  resolveRef,
  uncontradicted,
  worstOf,
} from "../../policy/paths/resolver";
import { unknown } from "../../policy/values";
import { getJurisdiction } from "../../residency/jurisdictions";
import { resourceLabel } from "../../residency/placement";
import {
  context,
  hongKong,
  policyResource,
  providerOf,
  proxied,
  runResourcePolicy,
  runStackPolicy,
  shanghai,
  unknownText,
} from "./support";

const cn = getJurisdiction("CN");
const us = getJurisdiction("US");

const ruleType = "alicloud:oss/bucketReplication:BucketReplication";
const label = 'oss bucket replication "rule"';
const near = "cn-shanghai (inside CN)";

/** A model with one field `to` of `format`, on an Alibaba Cloud type. */
function oneField(field: Partial<FlowField> & Pick<FlowField, "format">, type = ruleType) {
  const model: FlowModel = {
    type,
    fields: [{ path: "to", verb: "sends data to", ...field }],
    fix: "Fix it.",
  };
  return model;
}

function findings(
  model: FlowModel,
  props: Record<string, unknown>,
  opts: {
    provider?: PolicyProviderResource;
    allowlist?: readonly EgressAllowEntry[];
    jurisdiction?: string;
  } = {},
): Finding[] {
  const provider = "provider" in opts ? opts.provider : shanghai;
  return directFindings(
    model,
    { type: model.type, name: "rule", props: proxied(props), provider },
    context(opts.jurisdiction ?? "CN", opts.allowlist ?? []),
  );
}

const outside = (place: string): Finding => ({
  message: `${label} must keep data inside CN, but to sends data to ${place}. Fix it.`,
  path: [near, label, place],
});

const unplaceable = (raw: string, why: string): Finding => ({
  message: `${label} must keep data inside CN, but to sends data to ${raw}, ${why}. Fix it.`,
  path: [near, label, `${raw} (cannot be placed)`],
});

const noRegion = "which cannot be placed in a region";
const notText = "which is not text the pack can read";
const notAllowlisted = "which is not private and not in the egress allowlist";

describe("deciding one value by its format", () => {
  const allowlist: EgressAllowEntry[] = [
    { cidr: "192.0.2.0/24", reason: "lab" },
    { cidr: "198.51.100.0/24", reason: "partner" },
  ];

  test.each<[string, Partial<FlowField> & Pick<FlowField, "format">, unknown, Finding[]]>([
    ["a region inside", { format: "region" }, "cn-beijing", []],
    ["a region given as a number", { format: "region" }, 5, [unplaceable("5", notText)]],
    [
      "a region outside",
      { format: "region" },
      "cn-hongkong",
      [outside("cn-hongkong (outside CN, in HK)")],
    ],
    [
      "a region of another jurisdiction",
      { format: "region" },
      "us-west-1",
      [outside("us-west-1 (outside CN, in US)")],
    ],
    [
      "an AWS region ID on an Alibaba Cloud type, which is not an Alibaba region",
      { format: "region" },
      "cn-north-1",
      [outside("cn-north-1 (outside CN)")],
    ],
    [
      "a region that is not text",
      { format: "region" },
      { id: 1 },
      [unplaceable('{"id":1}', notText)],
    ],
    ["an OSS location inside", { format: "oss-location" }, "oss-cn-beijing", []],
    [
      "an OSS location outside",
      { format: "oss-location" },
      "oss-cn-hongkong",
      [outside("oss-cn-hongkong (outside CN, in HK)")],
    ],
    [
      "a region where an OSS location belongs",
      { format: "oss-location" },
      "cn-hongkong",
      [unplaceable('"cn-hongkong"', noRegion)],
    ],
    [
      "an endpoint inside",
      { format: "endpoint" },
      "https://oss-cn-beijing-internal.aliyuncs.com",
      [],
    ],
    [
      "an SLS endpoint outside",
      { format: "endpoint" },
      "cn-hongkong.log.aliyuncs.com",
      [outside("cn-hongkong.log.aliyuncs.com (outside CN, in HK)")],
    ],
    [
      "an AWS endpoint, placed in AWS's regions",
      { format: "endpoint" },
      "s3.us-east-1.amazonaws.com",
      [outside("s3.us-east-1.amazonaws.com (outside CN, in US)")],
    ],
    [
      "an endpoint that names no region",
      { format: "endpoint" },
      "collector.example.com",
      [unplaceable('"collector.example.com"', noRegion)],
    ],
    ["an ARN inside", { format: "arn" }, "acs:kms:cn-beijing:1:key/k", []],
    [
      "an ARN outside",
      { format: "arn" },
      "acs:kms:cn-hongkong:1:key/k",
      [outside("acs:kms:cn-hongkong:1:key/k (outside CN, in HK)")],
    ],
    ["a service name inside", { format: "service-name" }, "cn.com.amazonaws.cn-north-1.s3", []],
    [
      "a service name outside",
      { format: "service-name" },
      "com.amazonaws.us-west-2.s3",
      [outside("com.amazonaws.us-west-2.s3 (outside CN, in US)")],
    ],
    [
      "a service name without a region",
      { format: "service-name" },
      "s3",
      [unplaceable('"s3"', noRegion)],
    ],
    ["an access point inside", { format: "access-point" }, "ap-cn-hangzhou-yh-B", []],
    [
      "an access point in another jurisdiction",
      { format: "access-point" },
      "ap-us-west-1-xx-A",
      [outside("ap-us-west-1-xx-A (outside CN, in US)")],
    ],
    [
      "an access point the catalog does not place",
      { format: "access-point" },
      "ap-sg-singapore-A",
      [unplaceable('"ap-sg-singapore-A"', noRegion)],
    ],
    ["a private address", { format: "ip" }, "10.0.0.1", []],
    ["an allowlisted address", { format: "ip" }, "198.51.100.7", []],
    ["a public address", { format: "ip" }, "8.8.8.8", [unplaceable('"8.8.8.8"', notAllowlisted)]],
    [
      "a public block wider than the allowlist",
      { format: "ip" },
      "198.51.0.0/16",
      [unplaceable('"198.51.0.0/16"', notAllowlisted)],
    ],
    [
      "an address that is not one",
      { format: "ip" },
      "cn-beijing",
      [unplaceable('"cn-beijing"', "which is not an IP address")],
    ],
    [
      "an address of shared space (100.64.0.0/10), which is not private",
      { format: "ip" },
      "100.100.2.136",
      [unplaceable('"100.100.2.136"', notAllowlisted)],
    ],
    ["a site on an allowlisted address", { format: "site-ip" }, "198.51.100.7", []],
    [
      "a site on a private address, behind a line the stack does not show",
      { format: "site-ip" },
      "10.0.0.1",
      [outside("10.0.0.1 (private address of a site the pack cannot place)")],
    ],
    [
      "a site on a public address",
      { format: "site-ip" },
      "8.8.8.8",
      [unplaceable('"8.8.8.8"', notAllowlisted)],
    ],
    [
      "a site on an address that is not one",
      { format: "site-ip" },
      "cn-beijing",
      [unplaceable('"cn-beijing"', "which is not an IP address")],
    ],
    ["a URL of a private address", { format: "url" }, "http://10.0.0.5:8080/x", []],
    ["a URL of an allowlisted address", { format: "url" }, "https://198.51.100.9/x", []],
    [
      "a URL of a public address, judged by its host",
      { format: "url" },
      "https://203.0.113.5/x",
      [unplaceable('"203.0.113.5"', notAllowlisted)],
    ],
    [
      "a URL of a cloud endpoint inside",
      { format: "url" },
      "https://oss-cn-beijing.aliyuncs.com/x",
      [],
    ],
    [
      "a URL of a cloud endpoint outside",
      { format: "url" },
      "https://oss-cn-hongkong.aliyuncs.com/x",
      [outside("https://oss-cn-hongkong.aliyuncs.com/x (outside CN, in HK)")],
    ],
    [
      "a URL outside the cloud",
      { format: "url" },
      "https://mirror.example.com/x",
      [
        unplaceable(
          '"https://mirror.example.com/x"',
          "an endpoint outside the cloud that cannot be placed in a region",
        ),
      ],
    ],
    [
      "a flag value that opens the path",
      { format: "flag", values: ["ossAcc"], farSide: "the edge" },
      "OSSACC",
      [outside("the edge")],
    ],
    [
      "any one of the listed values",
      { format: "flag", values: ["global", "ossAcc"], farSide: "the edge" },
      "ossAcc",
      [outside("the edge")],
    ],
    [
      "a value of another type than the listed ones",
      { format: "flag", values: ["ossAcc"], farSide: "the edge" },
      true,
      [],
    ],
    [
      "a flag value that does not",
      { format: "flag", values: ["ossAcc"], farSide: "the edge" },
      "standard",
      [],
    ],
    [
      "a value spelt with _ or -, compared as a token",
      { format: "flag", values: ["oss_acc"], normalize: "token", farSide: "the edge" },
      "OSS-Acc",
      [outside("the edge")],
    ],
    [
      "a token that differs by more than _ and -",
      { format: "flag", values: ["oss_acc"], normalize: "token", farSide: "the edge" },
      "oss_accel",
      [],
    ],
    [
      "a value spelt with _, compared as written",
      { format: "flag", values: ["ossAcc"], farSide: "the edge" },
      "oss_acc",
      [],
    ],
    [
      "a global far side",
      { format: "flag", values: [true], farSide: "the edge", global: true },
      true,
      [outside("the edge (global, outside CN)")],
    ],
    [
      "a listed boolean",
      { format: "flag", values: [true], farSide: "the edge" },
      true,
      [outside("the edge")],
    ],
    [
      "a string where a boolean is listed",
      { format: "flag", values: [true], farSide: "the edge" },
      "true",
      [],
    ],
    ["a set flag without a far side", { format: "flag" }, true, [outside("true")]],
    ["a set text flag", { format: "flag" }, "yes", [outside('"yes"')]],
    ["a non-empty list flag", { format: "flag" }, ["x"], [outside('["x"]')]],
    ["a false flag", { format: "flag" }, false, []],
    ["an empty flag", { format: "flag" }, "", []],
    ["a flag set to the text false", { format: "flag" }, "false", []],
    ["a zero flag", { format: "flag" }, 0, []],
    ["an empty list flag", { format: "flag" }, [], []],
    [
      "a route to everywhere among several",
      { format: "anywhere-cidr", farSide: "the peer network" },
      "10.0.0.0/8,0.0.0.0/0",
      [outside("the peer network")],
    ],
    [
      "a route to one block",
      { format: "anywhere-cidr", farSide: "the peer network" },
      "10.0.0.0/8",
      [],
    ],
    [
      "an IPv6 route to everywhere, no far side",
      { format: "anywhere-cidr" },
      "::/0",
      [outside("::/0")],
    ],
    ["a name, left to named-destinations", { format: "ref", ref: "oss-bucket" }, "other", []],
  ])("%s", (_label, field, value, expected) => {
    expect(findings(oneField(field), { to: value }, { allowlist })).toEqual(expected);
  });

  test("an account ID is the stack's own only when the provider pins it", () => {
    const pinned = providerOf("alicloud", "own", { region: "cn-shanghai", accountId: "123" });
    const model = oneField({ format: "account" });
    expect(findings(model, { to: "123" }, { provider: pinned })).toEqual([]);
    // Alibaba takes some account IDs as numbers.
    expect(findings(model, { to: 123 }, { provider: pinned })).toEqual([]);
    expect(findings(model, { to: 456 }, { provider: pinned })).toEqual([
      outside("account 456 (not this stack's account 123)"),
    ]);
    expect(findings(model, { to: true }, { provider: pinned })).toEqual([
      unplaceable("true", notText),
    ]);
    expect(findings(model, { to: "456" })).toEqual([
      outside("account 456 (the provider pins no account, so it cannot be checked)"),
    ]);
  });

  test("an AWS region ID on an AWS type is read as an AWS region", () => {
    const north = providerOf("aws", "bj", { region: "cn-north-1" });
    const model = oneField(
      { format: "region" },
      "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
    );
    expect(findings(model, { to: "cn-north-1" }, { provider: north })).toEqual([]);
    expect(findings(model, { to: "cn-beijing" }, { provider: north })).toEqual([
      {
        message:
          's3 bucket replication config "rule" must keep data inside CN, but to sends data to cn-beijing (outside CN). Fix it.',
        path: [
          "cn-north-1 (inside CN)",
          's3 bucket replication config "rule"',
          "cn-beijing (outside CN)",
        ],
      },
    ]);
  });

  test("a type of no cloud reads region IDs as Alibaba Cloud's", () => {
    const model = oneField({ format: "region" }, "kubernetes:core/v1:ConfigMap");
    expect(findings(model, { to: "cn-beijing" })).toEqual([]);
    expect(findings(model, { to: "cn-north-1" })).toEqual([
      {
        message:
          'k8s configmap "rule" must keep data inside CN, but to sends data to cn-north-1 (outside CN). Fix it.',
        path: ["an undetermined region", 'k8s configmap "rule"', "cn-north-1 (outside CN)"],
      },
    ]);
  });

  test("a value not known at preview fails closed with its own finding", () => {
    expect(findings(oneField({ format: "region" }), { to: unknownText })).toEqual([
      {
        message: `${label} must name a place the pack can check, but to is not known until other resources exist, so whether it leaves CN cannot be decided at preview. Set it from a literal value or a resource of this program, or waive the finding after review.`,
        path: [near, label, "to (unknown at preview)"],
      },
    ]);
  });

  test("each element of a list is decided at its own path", () => {
    const model = oneField({ format: "region", path: "regions[]" });
    expect(findings(model, { regions: ["cn-beijing", "cn-hongkong", unknownText] })).toEqual([
      {
        message: `${label} must keep data inside CN, but regions[1] sends data to cn-hongkong (outside CN, in HK). Fix it.`,
        path: [near, label, "cn-hongkong (outside CN, in HK)"],
      },
      {
        message: `${label} must name a place the pack can check, but regions[2] is not known until other resources exist, so whether it leaves CN cannot be decided at preview. Set it from a literal value or a resource of this program, or waive the finding after review.`,
        path: [near, label, "regions[2] (unknown at preview)"],
      },
    ]);
  });
});

describe("what a finding says", () => {
  test("a required destination that is not set cannot be placed", () => {
    const model = oneField({ format: "region", required: true });
    expect(findings(model, {})).toEqual([
      {
        message: `${label} must name where it sends data, but to is not set, so the pack cannot tell whether it leaves CN. Fix it.`,
        path: [near, label, "to (not set)"],
      },
    ]);
    expect(findings(model, { to: "cn-beijing" })).toEqual([]);
  });

  test("an optional destination that is not set means the resource's own region", () => {
    expect(findings(oneField({ format: "region" }), {})).toEqual([]);
  });

  test("an inbound flow reads from the far side into the resource", () => {
    expect(findings(oneField({ format: "region", inbound: true }), { to: "cn-hongkong" })).toEqual([
      {
        message: `${label} must keep data inside CN, but to sends data to cn-hongkong (outside CN, in HK). Fix it.`,
        path: ["cn-hongkong (outside CN, in HK)", label, near],
      },
    ]);
  });

  test("the near end is the source resource the model names, when its name is known", () => {
    const model: FlowModel = {
      ...oneField({ format: "region" }),
      source: { path: "bucket", noun: "oss bucket" },
    };
    expect(findings(model, { bucket: "t", to: "cn-hongkong" })).toEqual([
      {
        message: `${label} must keep data inside CN, but to sends data to cn-hongkong (outside CN, in HK). Fix it.`,
        path: ['oss bucket "t"', label, "cn-hongkong (outside CN, in HK)"],
      },
    ]);
    expect(findings(model, { bucket: unknownText, to: "cn-hongkong" })[0].path).toEqual([
      near,
      label,
      "cn-hongkong (outside CN, in HK)",
    ]);
  });

  test("a name resolved away from a sibling is not reported as unknown twice", () => {
    const replication: FlowModel = {
      type: ruleType,
      fields: [
        { path: "destination.location", format: "oss-location", verb: "replicates objects to" },
        {
          path: "destination.bucket",
          format: "ref",
          ref: "oss-bucket",
          fallback: "location",
          verb: "replicates objects to",
        },
      ],
      fix: "Fix it.",
    };
    const props = { destination: { bucket: "dr", location: unknownText } };
    expect(findings(replication, props)).toEqual([]);
    // Without the name to fall back on, the unknown location is the finding.
    expect(findings({ ...replication, fields: [replication.fields[0]] }, props)).toEqual([
      {
        message: `${label} must name a place the pack can check, but destination.location is not known until other resources exist, so whether it leaves CN cannot be decided at preview. Set it from a literal value or a resource of this program, or waive the finding after review.`,
        path: [near, label, "destination.location (unknown at preview)"],
      },
    ]);
  });

  test("a name is never decided by the resource alone, even when it is not known yet", () => {
    const model = oneField({ format: "ref", ref: "oss-bucket" });
    expect(findings(model, { to: unknownText })).toEqual([]);
  });

  test("paths a model's own code finds are findings too", () => {
    const model: FlowModel = {
      ...oneField({ format: "region" }),
      custom: (props) =>
        props.mode === "global"
          ? [{ path: "mode", verb: "serves data from", place: "every region" }]
          : [],
    };
    expect(findings(model, { mode: "global" })).toEqual([
      {
        message: `${label} must keep data inside CN, but mode serves data from every region. Fix it.`,
        path: [near, label, "every region"],
      },
    ]);
    expect(findings(model, { mode: "regional" })).toEqual([]);
    expect(findings(model, { mode: unknownText })).toEqual([
      {
        message: `${label} must name a place the pack can check, but a setting it depends on is not known until other resources exist, so whether it leaves CN cannot be decided at preview. Set it from a literal value or a resource of this program, or waive the finding after review.`,
        path: [near, label, "a setting it depends on (unknown at preview)"],
      },
    ]);
  });

  test("an outcome inside or left to name resolution is no finding", () => {
    const model = oneField({ format: "region" });
    const subject = { type: ruleType, name: "rule", props: proxied({}), provider: shanghai };
    const at = { path: "to", verb: "sends data to" };
    const none: Outcome[] = [{ kind: "inside" }, { kind: "deferred" }];
    expect(none.map((o) => flowFinding(model, subject, cn, at, o))).toEqual([undefined, undefined]);
  });
});

describe("where the resource itself sits", () => {
  const subject = (
    type: string,
    props: Record<string, unknown>,
    provider?: PolicyProviderResource,
  ) => ({
    type,
    name: "x",
    props: proxied(props),
    provider,
  });

  test.each<[string, ReturnType<typeof subject>, string]>([
    ["a region inside", subject(ruleType, {}, shanghai), "cn-shanghai (inside CN)"],
    ["a region outside", subject(ruleType, {}, hongKong), "cn-hongkong (outside CN, in HK)"],
    ["a global service", subject("aws:iam/role:Role", {}), "a global service"],
    ["no region at all", subject(ruleType, {}), "an undetermined region"],
    [
      "a region not known yet",
      subject("aws:s3/bucket:Bucket", { region: unknownText }),
      "a region not known at preview",
    ],
  ])("%s", (_label, s, expected) => {
    expect(ownPlace(s, cn)).toBe(expected);
  });
});

describe("the stack's own accounts", () => {
  test.each<[string, Record<string, unknown> | undefined, string[]]>([
    ["no provider", undefined, []],
    ["an Alibaba account", { accountId: "123" }, ["123"]],
    [
      "AWS allowed accounts as the SDK sends them",
      { allowedAccountIds: '["111","222"]' },
      ["111", "222"],
    ],
    [
      "AWS allowed accounts as a list",
      { allowedAccountIds: ["111"], accountId: "9" },
      ["111", "9"],
    ],
    ["an allowed list not known yet", { allowedAccountIds: unknownText, accountId: "9" }, ["9"]],
    ["an account that is not text", { accountId: 9 }, []],
  ])("%s", (_label, props, expected) => {
    expect(ownAccounts(props && providerOf("aws", "p", props))).toEqual(expected);
  });

  test("a destination account among several allowed ones is the stack's own", () => {
    const provider = providerOf("aws", "p", {
      region: "cn-north-1",
      allowedAccountIds: '["111","222"]',
    });
    const model = oneField(
      { format: "account" },
      "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
    );
    expect(findings(model, { to: "222" }, { provider })).toEqual([]);
    expect(findings(model, { to: "333" }, { provider })[0].path).toEqual([
      "cn-north-1 (inside CN)",
      's3 bucket replication config "rule"',
      "account 333 (not this stack's account 111, 222)",
    ]);
  });
});

describe("ARNs", () => {
  test.each<[string, string, Outcome]>([
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

  test("lists the paths each type's models decide", () => {
    const paths = modelledPaths([
      oneField({ format: "region", path: "a" }),
      {
        ...oneField({ format: "region", path: "b" }),
        fields: [
          { path: "b", format: "region", verb: "v" },
          { path: "c[]", format: "arn", verb: "v" },
        ],
      },
      oneField({ format: "region", path: "d" }, "aws:s3/bucket:Bucket"),
    ]);
    expect([...paths].map(([t, s]) => [t, [...s]])).toEqual([
      [ruleType, ["a", "b", "c[]"]],
      ["aws:s3/bucket:Bucket", ["d"]],
    ]);
  });
});

describe("the flow policy", () => {
  const policy = flowPolicy({
    name: "test-flows",
    description: "Checks whether test flows stay inside.",
    severity: "critical",
    remediationSteps: "Fix it.",
    models: [oneField({ format: "region" })],
  });

  test("reports each finding of a modelled type, with its path", () => {
    const r = policyResource(ruleType, "rule", { to: "cn-hongkong" }, { provider: shanghai });
    expect(runResourcePolicy(policy, r, { jurisdiction: "CN" })).toEqual([
      `${label} must keep data inside CN, but to sends data to cn-hongkong (outside CN, in HK). Fix it.\npath: ${near} → ${label} → cn-hongkong (outside CN, in HK)`,
    ]);
    expect(
      runResourcePolicy(
        policy,
        policyResource(ruleType, "rule", { to: "cn-beijing" }, { provider: shanghai }),
        { jurisdiction: "CN" },
      ),
    ).toEqual([]);
  });

  test("ignores types it has no model for", () => {
    const r = policyResource(
      "alicloud:oss/bucket:Bucket",
      "rule",
      { to: "cn-hongkong" },
      { provider: shanghai },
    );
    expect(runResourcePolicy(policy, r, { jurisdiction: "CN" })).toEqual([]);
  });
});

describe("names resolved against the stack", () => {
  const replicationModel: FlowModel = {
    type: ruleType,
    source: { path: "bucket", noun: "oss bucket" },
    fields: [
      { path: "destination.location", format: "oss-location", verb: "replicates objects to" },
      {
        path: "destination.bucket",
        format: "ref",
        ref: "oss-bucket",
        fallback: "location",
        verb: "replicates objects to",
      },
    ],
    fix: "Fix it.",
  };
  const logModel: FlowModel = {
    type: "alicloud:log/store:Store",
    fields: [
      { path: "projectName", format: "ref", ref: "sls-project", verb: "stores logs in" },
      { path: "region", format: "region", verb: "is in" },
    ],
    fix: "Fix the log.",
  };
  const noRefs: FlowModel = {
    type: "alicloud:oss/bucket:Bucket",
    fields: [{ path: "name", format: "ref", verb: "is named" }],
    fix: "n/a",
  };
  const policy = namedDestinationsPolicy({
    name: "named",
    description: "Checks whether names resolve inside.",
    severity: "critical",
    remediationSteps: "Fix it.",
    models: () => [replicationModel, logModel, noRefs],
  });
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
  // `name` is a ref field without a kind in `noRefs`: it is not resolved.
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
        message: `${ruleLabel} must name a place the pack can check, but destination.bucket is not known until other resources exist, so whether it leaves CN cannot be decided at preview. Set it from a literal value or a resource of this program, or waive the finding after review.\npath: oss bucket "t" → ${ruleLabel} → destination.bucket (unknown at preview)`,
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
      /^oss bucket replication "rule" must name a place the pack can check, but destination\.bucket is not known/,
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
});

describe("resolution helpers", () => {
  const s3 = refKinds["s3-bucket"] as RefKind;
  const s3Bucket = (name: string, props: Record<string, unknown>) =>
    policyResource("aws:s3/bucket:Bucket", name, props);

  test("finds the resource a name refers to by any of its keys, normalised", () => {
    const a = s3Bucket("a", { bucket: "alpha" });
    const b = s3Bucket("b", { id: "beta" });
    const role = policyResource("aws:iam/role:Role", "r", { bucket: "gamma" });
    expect(resolveRef(s3, "arn:aws-cn:s3:::alpha/prefix", [a, b])).toBe(a);
    expect(resolveRef(s3, "beta", [a, b])).toBe(b);
    expect(resolveRef(s3, "gamma", [a, b, role])).toBeUndefined();
    expect(resolveRef(s3, "notarn:aws:s3:::alpha", [a, b])).toBeUndefined();
    const oss = policyResource("alicloud:oss/bucket:Bucket", "o", { bucket: "alpha" });
    expect(resolveRef(refKinds["oss-bucket"], "acs:oss:*:*:alpha/logs", [oss])).toBe(oss);
    expect(resolveRef(refKinds["oss-bucket"], "xacs:oss:*:*:alpha", [oss])).toBeUndefined();
    expect(
      resolveRef(refKinds["sls-project"], "p", [
        policyResource("alicloud:log/project:Project", "p", { name: "p" }),
      ])?.name,
    ).toBe("p");
  });

  test("keeps the candidates that report none of the keys a name is matched by", () => {
    const silent = s3Bucket("silent", {});
    const named = s3Bucket("named", { bucket: "x" });
    const byId = s3Bucket("byId", { id: "y" });
    expect(uncontradicted([silent, named, byId], s3)).toEqual([silent]);
  });

  test("takes dependencies of the property's top-level input, of the kind's types", () => {
    const target = s3Bucket("t", {});
    const role = policyResource("aws:iam/role:Role", "r", {});
    const r = policyResource(
      "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
      "rc",
      {},
      {
        dependsOn: { rules: [target, role], role: [role] },
      },
    );
    expect(dependencyTargets(r, "rules[].destination.bucket", s3)).toEqual([target]);
    expect(dependencyTargets(r, "role", s3)).toEqual([]);
    expect(dependencyTargets(r, "other", s3)).toEqual([]);
  });

  test("ranks outcomes: outside, unplaceable, unknown, deferred, inside", () => {
    const out: Outcome = { kind: "outside", place: "p" };
    const bad: Outcome = { kind: "unplaceable", raw: "r", why: "w" };
    expect(worstOf([])).toEqual({ kind: "inside" });
    expect(worstOf([{ kind: "inside" }, { kind: "deferred" }])).toEqual({ kind: "deferred" });
    expect(worstOf([{ kind: "deferred" }, { kind: "unknown" }, { kind: "inside" }])).toEqual({
      kind: "unknown",
    });
    expect(worstOf([{ kind: "unknown" }, bad])).toBe(bad);
    expect(worstOf([bad, { kind: "inside" }, out])).toBe(out);
  });

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
  ])(
    "a %s name resolves by each of its keys; one the program lacks reads as %s",
    (kind, noun, types, keys) => {
      const model: FlowModel = {
        type: ruleType,
        fields: [{ path: "to", format: "ref", ref: kind, verb: "sends data to" }],
        fix: "Fix it.",
      };
      const policy = namedDestinationsPolicy({
        name: "named",
        description: "Checks whether names resolve inside.",
        severity: "critical",
        remediationSteps: "Fix it.",
        models: () => [model],
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
