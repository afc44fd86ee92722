/**
 * The per-resource views (policy/paths/views.ts) over the field compiler (policy/paths/fields.ts)
 * in the test process: how each format of a row's field decides a value, the finding it turns
 * into (message and whole path), and how a named policy moves onto the rows type by type. The
 * domain tables themselves are tested through the policy pack (test/policy/*.test.ts) and the
 * graph (test/paths); here the rows are the smallest that reach each branch.
 */
import type { PolicyProviderResource } from "@pulumi/policy";
import type { EgressAllowEntry, Finding } from "../../policy/framework";
import type { Outcome } from "../../policy/paths/fields";
import type { FieldSpec, TypeModel, TypeTable } from "../../policy/paths/model";
import { crossingFinding, ownPlace, resourceView, viewedPolicy } from "../../policy/paths/views";
import {
  readSettings,
  residencyResourcePolicy,
  residencyStackPolicy,
} from "../../policy/framework";
import { isUnknownValueError } from "../../policy/paths/values";
import { getJurisdiction } from "../../residency/jurisdictions";
import {
  context,
  hongKong,
  near,
  policyResource,
  providerOf,
  proxied,
  ruleLabel as label,
  ruleType,
  runResourcePolicy,
  runStackPolicy,
  shanghai,
  unknownText,
} from "./support";

const cn = getJurisdiction("CN");

/** A field of storage-replication's, `to` unless it says otherwise. */
function field(spec: Partial<FieldSpec> & Pick<FieldSpec, "format">): FieldSpec {
  return {
    path: "to",
    verb: "sends data to",
    label: "replication",
    policy: "storage-replication",
    ...spec,
  };
}

/** A row of these fields, whose fix is "Fix it.". */
function row(...fields: FieldSpec[]): TypeModel {
  return { role: "other", fields, fix: "Fix it." };
}

/** A row with one field `to` of `format`, on a type (default: an Alibaba Cloud one). */
function oneField(spec: Partial<FieldSpec> & Pick<FieldSpec, "format">, type = ruleType) {
  return { type, model: row(field(spec)) };
}

/** What storage-replication's view finds on the resource "rule" of the row's type. */
function findings(
  at: TypeModel | { readonly type: string; readonly model: TypeModel },
  props: Record<string, unknown>,
  opts: {
    provider?: PolicyProviderResource;
    allowlist?: readonly EgressAllowEntry[];
    jurisdiction?: string;
  } = {},
): Finding[] {
  const { type, model } = "model" in at ? at : { type: ruleType, model: at };
  const provider = "provider" in opts ? opts.provider : shanghai;
  return resourceView(
    "storage-replication",
    { type, name: "rule", props: proxied(props), provider },
    context(opts.jurisdiction ?? "CN", opts.allowlist ?? []),
    { [type]: model },
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
/** Why a host that is no cloud endpoint nor an address cannot be placed, in a URL's words. */
const hostNotPlaced =
  "a host that is neither an address nor a cloud service endpoint, so it cannot be placed in a region; egressHosts may name a host whose servers are inside";
const notText = "which is not text the pack can read";
const notAllowlisted = "which is not private and not in the egress allowlist";

describe("deciding one value by its format", () => {
  const allowlist: EgressAllowEntry[] = [
    { cidr: "192.0.2.0/24", reason: "lab" },
    { cidr: "198.51.100.0/24", reason: "partner" },
  ];

  test.each<[string, Partial<FieldSpec> & Pick<FieldSpec, "format">, unknown, Finding[]]>([
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
      [outside("cn-north-1 (not a region of alicloud the pack knows, so not inside CN)")],
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
      [
        unplaceable(
          '"cn-hongkong"',
          "which is no OSS location: OSS names the region oss-cn-hongkong, with the oss- prefix",
        ),
      ],
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
      "an endpoint that names no region, worded as a URL's host",
      { format: "endpoint" },
      "collector.example.com",
      [unplaceable('"collector.example.com"', hostNotPlaced)],
    ],
    ["an endpoint at a private address", { format: "endpoint" }, "10.0.3.7:9092", []],
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
    [
      "a list of private addresses, as Alibaba writes several",
      { format: "ip" },
      "10.0.0.1, 10.0.0.2",
      [],
    ],
    [
      "a list whose second address is public: the first not inside decides",
      { format: "ip" },
      "10.0.0.1,8.8.8.8,203.0.113.9",
      [unplaceable('"8.8.8.8"', notAllowlisted)],
    ],
    [
      "a bootstrap list of private brokers, judged without their ports",
      { format: "ip" },
      "10.0.0.1:9092,10.0.0.2:9092",
      [],
    ],
    [
      "a bootstrap list with a public broker",
      { format: "ip" },
      "10.0.0.1:9092, 8.8.8.8:9093",
      [unplaceable('"8.8.8.8"', notAllowlisted)],
    ],
    [
      "an entry that is an address with a port inside a longer string is not an address",
      { format: "ip" },
      "x10.0.0.1:9092",
      [unplaceable('"x10.0.0.1:9092"', "which is not an IP address")],
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
      [unplaceable('"https://mirror.example.com/x"', hostNotPlaced)],
    ],
    [
      "an e-mail address, named as a mailbox",
      { format: "url" },
      "ops@example.com",
      [
        unplaceable(
          '"ops@example.com"',
          "a mailbox, whose mail its domain's servers receive wherever they are, so it cannot be placed in a region; egressHosts may name a domain whose mail servers are inside",
        ),
      ],
    ],
    [
      "a URL of a CloudFront distribution, named as one",
      { format: "url" },
      "https://d111111abcdef8.cloudfront.cn/hook",
      [
        unplaceable(
          '"https://d111111abcdef8.cloudfront.cn/hook"',
          "a CloudFront distribution's domain, served from edge locations and forwarded to origins the program does not show, so it cannot be placed in a region",
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
  ])("%s", (_label, spec, value, expected) => {
    expect(findings(oneField(spec), { to: value }, { allowlist })).toEqual(expected);
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
          's3 bucket replication config "rule" must keep data inside CN, but to sends data to cn-beijing (not a region of aws the pack knows, so not inside CN). Fix it.',
        path: [
          "cn-north-1 (inside CN)",
          's3 bucket replication config "rule"',
          "cn-beijing (not a region of aws the pack knows, so not inside CN)",
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
          'k8s configmap "rule" must keep data inside CN, but to sends data to cn-north-1 (not a region of alicloud the pack knows, so not inside CN). Fix it.',
        path: [
          "its Kubernetes cluster",
          'k8s configmap "rule"',
          "cn-north-1 (not a region of alicloud the pack knows, so not inside CN)",
        ],
      },
    ]);
  });

  test("a value not known at preview fails closed with its own finding", () => {
    expect(findings(oneField({ format: "region" }), { to: unknownText })).toEqual([
      {
        message: `${label} must name a place the pack can check, but to is not known before deployment (an output of another resource, or the answer of a lookup), so whether it leaves CN cannot be decided at preview. Set it from a literal value or a resource of this program, or waive the finding after review.`,
        path: [near, label, "to (unknown at preview)"],
        undecided: true,
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
        message: `${label} must name a place the pack can check, but regions[2] is not known before deployment (an output of another resource, or the answer of a lookup), so whether it leaves CN cannot be decided at preview. Set it from a literal value or a resource of this program, or waive the finding after review.`,
        path: [near, label, "regions[2] (unknown at preview)"],
        undecided: true,
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
        message: `${label} must take data only from places inside CN, but to sends data to cn-hongkong (outside CN, in HK). Fix it.`,
        path: ["cn-hongkong (outside CN, in HK)", label, near],
      },
    ]);
  });

  test("the near end is the source resource the field names, when its name is known", () => {
    const model = oneField({ format: "region", source: { path: "bucket", ref: "oss-bucket" } });
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
    const location = field({
      path: "destination.location",
      format: "oss-location",
      verb: "replicates objects to",
    });
    const bucket = field({
      path: "destination.bucket",
      format: "ref",
      ref: "oss-bucket",
      fallback: "location",
      verb: "replicates objects to",
    });
    const props = { destination: { bucket: "dr", location: unknownText } };
    expect(findings(row(location, bucket), props)).toEqual([]);
    // Without the name to fall back on, the unknown location is the finding.
    expect(findings(row(location), props)).toEqual([
      {
        message: `${label} must name a place the pack can check, but destination.location is not known before deployment (an output of another resource, or the answer of a lookup), so whether it leaves CN cannot be decided at preview. Set it from a literal value or a resource of this program, or waive the finding after review.`,
        path: [near, label, "destination.location (unknown at preview)"],
        undecided: true,
      },
    ]);
  });

  test("a name is never decided by the resource alone, even when it is not known yet", () => {
    const model = oneField({ format: "ref", ref: "oss-bucket" });
    expect(findings(model, { to: unknownText })).toEqual([]);
  });

  test("paths a row's own reading finds are findings too", () => {
    const model = row(
      field({ format: "region" }),
      field({
        path: "reading",
        format: "judged",
        judges: (props) =>
          props.mode === "global"
            ? [{ path: "mode", verb: "serves data from", place: "every region" }]
            : [],
      }),
    );
    expect(findings(model, { mode: "global" })).toEqual([
      {
        message: `${label} must keep data inside CN, but mode serves data from every region. Fix it.`,
        path: [near, label, "every region"],
      },
    ]);
    expect(findings(model, { mode: "regional" })).toEqual([]);
    expect(findings(model, { mode: unknownText })).toEqual([
      {
        message: `${label} must name a place the pack can check, but a setting it depends on is not known before deployment (an output of another resource, or the answer of a lookup), so whether it leaves CN cannot be decided at preview. Set it from a literal value or a resource of this program, or waive the finding after review.`,
        path: [near, label, "a setting it depends on (unknown at preview)"],
        undecided: true,
      },
    ]);
  });

  test("an outcome inside or left to name resolution is no finding", () => {
    const at = { path: "to", verb: "sends data to" };
    const words = { label, near, jurisdiction: "CN", fix: "Fix it." };
    const none: Outcome[] = [{ kind: "inside" }, { kind: "stack" }];
    expect(none.map((o) => crossingFinding(at, o, words))).toEqual([undefined, undefined]);
    expect(crossingFinding(at, { kind: "outside", place: "p" }, words)).toEqual({
      message: `${label} must keep data inside CN, but to sends data to p. Fix it.`,
      path: [near, label, "p"],
    });
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
    expect(ownPlace(s, s.provider, cn)).toBe(expected);
  });
});

describe("the stack's own accounts in a field", () => {
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

/**
 * What CrossGuard asks of a policy besides its name and code, the same for every test policy
 * here: the remediation is the closing sentence of a view's finding ("… Fix it.").
 */
const testPolicy = {
  description: "Checks a test policy.",
  severity: "high",
  remediationSteps: "Fix it.",
} as const;

describe("a named policy moved onto the rows", () => {
  const table: TypeTable = { [ruleType]: row(field({ format: "region" })) };
  const own = residencyResourcePolicy({
    name: "storage-replication",
    ...testPolicy,
    validate: (args, ctx) =>
      ctx.report({ message: `${args.name} is judged by the policy's own code.`, path: [] }),
  });
  const policy = viewedPolicy(own, table);

  test("judges a type its rows declare fields of by the view, with the whole path", () => {
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

  test("leaves every other type to the policy's own code", () => {
    const r = policyResource(
      "alicloud:oss/bucket:Bucket",
      "other",
      { to: "cn-hongkong" },
      { provider: shanghai },
    );
    expect(runResourcePolicy(policy, r, { jurisdiction: "CN" })).toEqual([
      "other is judged by the policy's own code.",
    ]);
  });

  test("a row that declares no field of the policy has no finding of it", () => {
    const r = policyResource(ruleType, "rule", { to: "cn-hongkong" }, { provider: shanghai });
    const props = { type: ruleType, name: "rule", props: r.props, provider: shanghai };
    expect(resourceView("network-links", props, context("CN"), table)).toEqual([]);
    expect(resourceView("storage-replication", props, context("CN"), {})).toEqual([]);
  });
});

describe("a value a policy's code reads that is not known at preview", () => {
  // The code reads `template` directly, not through `known`: the runtime's proxy throws.
  const direct = residencyResourcePolicy({
    name: "helm-releases",
    ...testPolicy,
    validate: (args, ctx) => {
      ctx.report({ message: "first finding", path: [] });
      const template = (args.props as { template?: unknown }).template;
      ctx.report({ message: `deploys ${String(template)}`, path: [] });
    },
  });

  test("fails the policy closed, naming the value, after what it already found", () => {
    const r = policyResource(ruleType, "bundle", { template: unknownText }, { provider: shanghai });
    expect(runResourcePolicy(direct, r, { jurisdiction: "CN" })).toEqual([
      "first finding",
      'oss bucket replication "bundle" must be judged by helm-releases, but template is not known at preview, so helm-releases cannot decide it. Set template from a literal or stack config.\npath: oss bucket replication "bundle" → template (unknown at preview)',
    ]);
  });

  test("runs the policy as written once the value is known", () => {
    const r = policyResource(ruleType, "bundle", { template: "t.yaml" }, { provider: shanghai });
    expect(runResourcePolicy(direct, r, { jurisdiction: "CN" })).toEqual([
      "first finding",
      "deploys t.yaml",
    ]);
  });
});

describe("a finding undecided for a value not known at preview (unknownAtPreview)", () => {
  const undecided = {
    message: "x must be judged, but y is not known at preview.",
    path: ["x", "y (unknown at preview)"],
    undecided: true as const,
  };
  const resourcePolicy = residencyResourcePolicy({
    name: "public-exposure",
    ...testPolicy,
    validate: (_args, ctx) => {
      ctx.report({ message: "a known opening.", path: ["the internet", "x"] });
      ctx.report(undecided);
      ctx.report({
        ...undecided,
        message: "x must be judged, but z is not known at preview.",
        path: ["x", "z (unknown at preview)"],
      });
      // The same value again, drawn the other way (a field that reads it inbound): said once.
      ctx.report({ ...undecided, path: ["y (unknown at preview)", "x"] });
    },
  });
  const r = policyResource(ruleType, "x", {}, { provider: shanghai });

  test("is deferred by default under the Pulumi CLI: the pack's setting reads defer", () => {
    expect(readSettings({}).unknownAtPreview).toBe("defer");
    expect(readSettings({ unknownAtPreview: "fail" }).unknownAtPreview).toBe("fail");
    expect(readSettings({ unknownAtPreview: "FAIL" }).unknownAtPreview).toBe("defer");
  });

  test("deferred, the known finding is reported and the runtime's error carries the others", () => {
    const reported: string[] = [];
    let thrown: unknown;
    try {
      const validate = resourcePolicy.validateResource as (a: unknown, f: unknown) => void;
      validate(
        {
          type: r.type,
          name: r.name,
          urn: r.urn,
          props: r.props,
          getConfig: () => ({ jurisdiction: "CN", unknownAtPreview: "defer" }),
        },
        (m: string) => reported.push(m),
      );
    } catch (e) {
      thrown = e;
    }
    expect(reported).toEqual(["a known opening.\npath: the internet → x"]);
    expect(isUnknownValueError(thrown)).toBe(true);
    expect((thrown as Error).message).toBe(
      "x must be judged, but y is not known at preview. x must be judged, but z is not known at preview. pulumi up judges it on the known value at the resource's step, before the resource is created.\npath: x → y (unknown at preview)",
    );
  });

  test("failing, each is reported at the policy's level", () => {
    expect(runResourcePolicy(resourcePolicy, r, { jurisdiction: "CN" })).toEqual([
      "a known opening.\npath: the internet → x",
      "x must be judged, but y is not known at preview.\npath: x → y (unknown at preview)",
      "x must be judged, but z is not known at preview.\npath: x → z (unknown at preview)",
    ]);
  });

  test("a stack policy says a finding on a value once for each resource, as a resource policy does", () => {
    const stackPolicy = residencyStackPolicy({
      name: "named-destinations",
      ...testPolicy,
      validate: (_args, ctx) => {
        // Two sinks the one unknown object holds (a delivery stream's whole configuration).
        ctx.report({ ...undecided, urn: r.urn });
        ctx.report({ ...undecided, urn: r.urn });
        ctx.report({ ...undecided, urn: "urn:pulumi:s::p::t::other" });
      },
    });
    expect(runStackPolicy(stackPolicy, [r], { jurisdiction: "CN" }).map((v) => v.urn)).toEqual([
      r.urn,
      "urn:pulumi:s::p::t::other",
    ]);
  });

  test("a stack policy reports it whatever the setting: it runs after the update", () => {
    const stackPolicy = residencyStackPolicy({
      name: "named-destinations",
      ...testPolicy,
      validate: (_args, ctx) => ctx.report(undecided),
    });
    expect(
      runStackPolicy(stackPolicy, [r], { jurisdiction: "CN", unknownAtPreview: "defer" }),
    ).toEqual([
      {
        message:
          "x must be judged, but y is not known at preview.\npath: x → y (unknown at preview)",
        urn: undefined,
      },
    ]);
  });
});

describe("a policy's configuration, read once while it stays the same", () => {
  // The runtime hands the policy a fresh shallow copy of its configuration for every resource.
  const seen: unknown[] = [];
  const policy = residencyResourcePolicy({
    name: "configured",
    ...testPolicy,
    validate: (_args, ctx) => {
      seen.push(ctx.settings);
    },
  });
  const judge = (config: Record<string, unknown>) =>
    (policy.validateResource as (a: unknown, f: unknown) => void)(
      { type: ruleType, name: "x", urn: "urn:x", props: {}, getConfig: () => ({ ...config }) },
      () => undefined,
    );

  test("the same entries give the same settings; a changed entry, settings read anew", () => {
    const hosts = [{ host: "logs.example.cn", reason: "vendor" }];
    const config = { jurisdiction: "CN", egressHosts: hosts };
    judge(config);
    judge(config);
    expect(seen[1]).toBe(seen[0]);
    // An entry replaced, added or dropped is read again, whatever the others hold.
    judge({ ...config, egressHosts: [] });
    judge({ ...config, unknownAtPreview: "fail" });
    judge({ jurisdiction: "CN" });
    judge({ jurisdiction: "US", egressHosts: hosts });
    const [, , emptied, failing, bare, us] = seen as ReturnType<typeof readSettings>[];
    expect(emptied.egressAllowlist).toEqual([]);
    expect(failing.unknownAtPreview).toBe("fail");
    expect(bare.egressAllowlist).toEqual([]);
    expect(us.jurisdiction).toBe("US");
    expect(new Set(seen).size).toBe(5);
  });
});
