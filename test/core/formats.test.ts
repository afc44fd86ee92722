/**
 * The formats of the field compiler (policy/paths/fields.ts) that read more than one value, or
 * read it in their owner's own words — `internet`, `public`, `grants`, `global`, `destination`,
 * `relation`, `judged` — through the views of their owners (policy/paths/views.ts), and the edge
 * each value draws in the graph (`compileField` over a resolver of the resource and its
 * provider). Then what every field passes before its format (a gate, `when`, `where`), places
 * that may name a resource of the stack, memberships that flow both ways, and the policies the
 * tables judge. Every row is the smallest that reaches its branch; every case that reports has
 * its twin that does not, and a value not known at preview is decided too.
 */
import type { PolicyProviderResource, StackValidationPolicy } from "@pulumi/policy";
import type { EgressAllowEntry, Finding } from "../../policy/framework";
import { compileField, fieldTag } from "../../policy/paths/fields";
import type { DestinationField } from "../../policy/paths/kubernetes";
import {
  type BorderResource,
  type Endpoint,
  type FieldSpec,
  type Format,
  type Grantee,
  isPlace,
  type PolicyName,
  type TypeModel,
  type TypeTable,
} from "../../policy/paths/model";
import { Resolver } from "../../policy/paths/resolver";
import { unknown } from "../../policy/paths/values";
import {
  globalView,
  grantView,
  internetExit,
  internetView,
  kubernetesView,
  publicView,
  resourceView,
  tablePolicy,
  viewedPolicy,
} from "../../policy/paths/views";
import { residencyResourcePolicy } from "../../policy/framework";
import { getJurisdiction } from "../../residency/jurisdictions";
import {
  context,
  near,
  policyResource,
  providerOf,
  proxied,
  resource,
  ruleLabel as label,
  ruleType,
  runResourcePolicy,
  runStackPolicy,
  shanghai,
  unknownText,
} from "./support";

/**
 * Finding.undecided, as the views set it: on a reason that says the value is not known and so
 * cannot be decided, or that the test readers below report as unknown (`maybe`, `may be EDGE`) —
 * not on one that holds whatever the value is ("…, and whatever it is, …").
 */
const undecidedIf = (reason: string) =>
  / is not known at preview, so |^source is maybe |^endpointType may be /.test(reason)
    ? { undecided: true as const }
    : {};

const allowlist: EgressAllowEntry[] = [{ cidr: "198.51.100.0/24", reason: "partner" }];

/** A row of these fields, whose fix is "Fix it.". */
function row(...fields: FieldSpec[]): TypeModel {
  return { role: "other", fields, fix: "Fix it." };
}

interface At {
  readonly type?: string;
  readonly provider?: PolicyProviderResource;
  readonly jurisdiction?: string;
}

/** The resource "rule" of `type` (default: an Alibaba Cloud one) as a view receives it. */
function subject(props: Record<string, unknown>, at: At = {}) {
  return {
    type: at.type ?? ruleType,
    name: "rule",
    props: proxied(props),
    provider: "provider" in at ? at.provider : shanghai,
  };
}

/** What `policy`'s view finds on the resource "rule" of a one-row table of `fields`. */
function view(
  policy: PolicyName,
  fields: FieldSpec | FieldSpec[],
  props: Record<string, unknown>,
  at: At = {},
): Finding[] {
  const type = at.type ?? ruleType;
  return resourceView(policy, subject(props, at), context(at.jurisdiction ?? "CN", allowlist), {
    [type]: row(...[fields].flat()),
  });
}

/** The provider a compiled value's resource is managed by, as the graph holds it. */
function providerResource(pkg: string, props: Record<string, unknown>): BorderResource {
  return {
    urn: `urn:test::pulumi:providers:${pkg}::p`,
    type: `pulumi:providers:${pkg}`,
    name: "p",
    props,
    dependencies: [],
    propertyDependencies: {},
    protect: false,
  };
}

/** How a compiled edge reads: its ends (a resource by label, a place by label and side) and verdict. */
interface Drawn {
  readonly path: string;
  readonly outcome: string;
  readonly edges: readonly string[];
}

/**
 * What `compileField` makes of the field's values on the resource "rule" (props with the
 * `unknown` marker, as the graph holds them): each value's path, outcome kind and edges.
 */
function drawn(
  field: FieldSpec,
  props: Record<string, unknown>,
  opts: {
    readonly type?: string;
    readonly provider?: BorderResource;
    readonly jurisdiction?: string;
    readonly model?: TypeModel;
    /** Other resources of the stack, which a reference may name. */
    readonly others?: readonly BorderResource[];
    /** Input property → the URNs of the resources its value was computed from. */
    readonly dependsOn?: Record<string, readonly string[]>;
  } = {},
): Drawn[] {
  const provider = opts.provider ?? providerResource("alicloud", { region: "cn-shanghai" });
  const r: BorderResource = {
    ...resource(opts.type ?? ruleType, "rule", props),
    provider: provider.urn,
    propertyDependencies: opts.dependsOn ?? {},
  };
  const x = new Resolver(
    [r, provider, ...(opts.others ?? [])],
    getJurisdiction(opts.jurisdiction ?? "CN"),
    allowlist,
  );
  const end = (e: Endpoint) => (isPlace(e) ? `${e.label} [${e.side}]` : x.label(e));
  return compileField(opts.model ?? row(field), field, r, x).map((c) => ({
    path: c.path,
    outcome: c.outcome.kind,
    edges: c.edges.map(
      (e) =>
        `${end(e.from)} → ${end(e.to)} (${e.label}, ${e.policy ?? "none"}: ${e.local}${e.unresolved ? ", unresolved" : ""})`,
    ),
  }));
}

const notKnownPlace = (path: string) =>
  `unknown (${path} of ${label} is not known until deployed) [unknown]`;

describe("internet: the values that open an edge to the internet", () => {
  const internet = (opens: FieldSpec["opens"], path = "publicIp"): FieldSpec => ({
    path,
    format: "internet",
    opens,
    label: "public address",
    policy: "internet-egress",
    verb: "gives the rule a public address",
  });
  const exits = (...reasons: string[]): Finding[] =>
    reasons.map((reason) => ({
      message: `${label} must not open an edge to the internet, but ${reason}. Fix it.`,
      path: [label, "the internet (any country)"],
      ...undecidedIf(reason),
    }));
  const verb = "gives the rule a public address";
  const mayOpen = (path: string) =>
    `${path} is not known at preview, so whether it opens an internet edge cannot be decided`;

  test.each<[string, FieldSpec, Record<string, unknown>, string[]]>([
    ["always, whatever the value", internet("always"), { publicIp: "pip-1" }, [`publicIp ${verb}`]],
    [
      "always, the value not set",
      internet("always"),
      {},
      [`publicIp is not set, and the resource ${verb}`],
    ],
    [
      "always, the value not known at preview",
      internet("always"),
      { publicIp: unknownText },
      [`publicIp is not known at preview, and whatever it is, the resource ${verb}`],
    ],
    ["by default (always)", internet(undefined), { publicIp: "pip-1" }, [`publicIp ${verb}`]],
    ["a true flag", internet("true"), { publicIp: true }, [`publicIp is true: ${verb}`]],
    [
      "a flag of the text TRUE",
      internet("true"),
      { publicIp: "TRUE" },
      [`publicIp is true: ${verb}`],
    ],
    ["a false flag", internet("true"), { publicIp: false }, []],
    ["a flag of the text false", internet("true"), { publicIp: "false" }, []],
    ["an unset flag", internet("true"), {}, []],
    [
      "a flag not known at preview",
      internet("true"),
      { publicIp: unknownText },
      [mayOpen("publicIp")],
    ],
    [
      "each flag of a list at its own path",
      internet("true", "nics[].publicIp"),
      { nics: [{ publicIp: false }, { publicIp: true }] },
      [`nics[1].publicIp is true: ${verb}`],
    ],
    [
      "a default route",
      internet("default-route", "routes[]"),
      { routes: ["10.0.0.0/8", "0.0.0.0/0", "::/0"] },
      [`routes[1] is 0.0.0.0/0: ${verb}`, `routes[2] is ::/0: ${verb}`],
    ],
    ["a route to one block", internet("default-route"), { publicIp: "10.0.0.0/8" }, []],
    ["a route that is not text", internet("default-route"), { publicIp: 0 }, []],
    [
      "a route not known at preview",
      internet("default-route"),
      { publicIp: unknownText },
      [mayOpen("publicIp")],
    ],
    [
      "a switch that is not false",
      internet("not-false"),
      { publicIp: true },
      [`publicIp is not false: ${verb}`],
    ],
    ["a switch left unset", internet("not-false"), {}, [`publicIp is not false: ${verb}`]],
    [
      "a switch not known at preview, which may be on",
      internet("not-false"),
      { publicIp: unknownText },
      [`publicIp is not false: ${verb}`],
    ],
    ["a switch that is false", internet("not-false"), { publicIp: false }, []],
    ["a positive bandwidth", internet("positive"), { publicIp: 5 }, [`publicIp is 5: ${verb}`]],
    ["no bandwidth", internet("positive"), { publicIp: 0 }, []],
    ["a negative bandwidth", internet("positive"), { publicIp: -1 }, []],
    ["an unset bandwidth", internet("positive"), {}, []],
    [
      "a bandwidth not known at preview",
      internet("positive"),
      { publicIp: unknownText },
      [mayOpen("publicIp")],
    ],
    [
      "a mode that is not one of the closed ones",
      internet({ unless: ["none", "vpc"] }),
      { publicIp: "Internet" },
      [`publicIp is "Internet": ${verb}`],
    ],
    [
      "a closed mode, compared ignoring case",
      internet({ unless: ["none", "vpc"] }),
      { publicIp: "VPC" },
      [],
    ],
    [
      "an unset mode, whose default opens it",
      internet({ unless: ["none"] }),
      {},
      [`publicIp is not set (the default): ${verb}`],
    ],
    [
      "a mode not known at preview",
      internet({ unless: ["none"] }),
      { publicIp: unknownText },
      [mayOpen("publicIp")],
    ],
    [
      "a setting whose on state is a word, compared ignoring case",
      internet({ values: ["enabled"] }),
      { publicIp: "ENABLED" },
      [`publicIp is "ENABLED": ${verb}`],
    ],
    ["a setting in its off state", internet({ values: ["enabled"] }), { publicIp: "DISABLED" }, []],
    ["a setting left unset, which is off", internet({ values: ["enabled"] }), {}, []],
    [
      "a setting not known at preview",
      internet({ values: ["enabled"] }),
      { publicIp: unknownText },
      [mayOpen("publicIp")],
    ],
  ])("%s", (_name, field, props, reasons) => {
    expect(view("internet-egress", field, props)).toEqual(exits(...reasons));
  });

  describe("a managed runtime outside the stack's network", () => {
    const runtime = internet(
      { outsideVpc: { isolation: "networkIsolation" } },
      "vpcConfig.subnetIds",
    );
    const noIsolation = internet({ outsideVpc: {} }, "vpcConfig.subnetIds");
    const jobs = internet(
      { outsideVpc: { isolation: "isolated", holder: "jobs[]" } },
      "jobs[].vpcConfig.subnetIds",
    );

    test.each<[string, FieldSpec, Record<string, unknown>, string[]]>([
      [
        "without subnets or isolation",
        runtime,
        {},
        [`vpcConfig is not set and networkIsolation is not true: ${verb}`],
      ],
      [
        "with an empty subnet list",
        runtime,
        { vpcConfig: { subnetIds: [] } },
        [`vpcConfig is not set and networkIsolation is not true: ${verb}`],
      ],
      ["in the stack's subnets", runtime, { vpcConfig: { subnetIds: ["vsw-1"] } }, []],
      ["isolated", runtime, { networkIsolation: true }, []],
      ["isolated by the text true", runtime, { networkIsolation: "true" }, []],
      [
        "with isolation switched off",
        runtime,
        { networkIsolation: false },
        [`vpcConfig is not set and networkIsolation is not true: ${verb}`],
      ],
      [
        "with an isolation not known at preview",
        runtime,
        { networkIsolation: unknownText, vpcConfig: { subnetIds: ["vsw-1"] } },
        [mayOpen("networkIsolation")],
      ],
      [
        "with subnets not known at preview",
        runtime,
        { vpcConfig: { subnetIds: unknownText } },
        [mayOpen("vpcConfig.subnetIds")],
      ],
      ["of a type without isolation", noIsolation, {}, [`vpcConfig is not set: ${verb}`]],
      [
        "of a type without isolation, in subnets",
        noIsolation,
        { vpcConfig: { subnetIds: ["s"] } },
        [],
      ],
      [
        "each runtime of a list judged inside it",
        jobs,
        { jobs: [{ vpcConfig: { subnetIds: ["s"] } }, { isolated: true }, {}] },
        [`jobs[2].vpcConfig is not set and isolated is not true: ${verb}`],
      ],
      [
        "a runtime of a list not known at preview",
        jobs,
        { jobs: [unknownText, { isolated: unknownText }] },
        [mayOpen("jobs[0]"), mayOpen("jobs[1].isolated")],
      ],
    ])("%s", (_name, field, props, reasons) => {
      expect(view("internet-egress", field, props)).toEqual(exits(...reasons));
    });
  });

  test("draws the edge to the public internet, or to an unknown place when it may open", () => {
    const flag = internet("true", "nics[].publicIp");
    const props = { nics: [{ publicIp: true }, { publicIp: unknown }, { publicIp: false }] };
    expect(drawn(flag, props)).toEqual([
      {
        path: "nics[0].publicIp",
        outcome: "outside",
        edges: [
          `${label} → the public internet [outside] (public address, internet-egress: report)`,
        ],
      },
      {
        path: "nics[1].publicIp",
        outcome: "unknown",
        edges: [
          `${label} → ${notKnownPlace("nics[1].publicIp")} (public address, internet-egress: report)`,
        ],
      },
    ]);
  });

  test("the exit names each opening value, and there is none without one", () => {
    const fields = [internet("true"), internet("positive", "bandwidth")];
    const table = { [ruleType]: row(...fields) };
    const ctx = context("CN");
    expect(internetExit(subject({ publicIp: true, bandwidth: 2 }), ctx, table)).toEqual({
      label,
      reasons: [`publicIp is true: ${verb}`, `bandwidth is 2: ${verb}`],
      undecided: [false, false],
      fix: "Fix it.",
    });
    expect(internetExit(subject({ publicIp: false, bandwidth: 0 }), ctx, table)).toBeUndefined();
    expect(internetExit(subject({ publicIp: true }), ctx, {})).toBeUndefined();
  });

  test("a field of another policy on the row is not internet-egress's", () => {
    const other: FieldSpec = { ...internet("always"), policy: "public-exposure" };
    expect(view("internet-egress", other, {})).toEqual([]);
  });
});

describe("public: the values that make the resource reachable from the internet", () => {
  const verb = "makes the objects readable by anyone";
  const open = (exposes: FieldSpec["exposes"], path = "acl", more: Partial<FieldSpec> = {}) =>
    ({
      path,
      format: "public",
      exposes,
      label: "public access",
      policy: "public-exposure",
      verb,
      ...more,
    }) satisfies FieldSpec;
  const exposed = (...reasons: string[]): Finding[] =>
    reasons.map((reason) => ({
      message: `${label} must not be reachable from the internet, but ${reason}. Fix it.`,
      path: ["the internet", label],
      ...undecidedIf(reason),
    }));
  const mayBe = (path: string) =>
    `${path} is not known at preview, so whether it is public cannot be decided`;
  const everyone = '{"Effect":"Allow","Principal":"*","Action":"oss:GetObject"}';
  const publicStatement = (i: number) =>
    `policy.Statement[${i}] allows Principal "*" and no condition limits it to named networks, addresses, accounts or organisations: anyone on the internet can use it`;
  const ingress = open("ingress", "rules[].cidr", {
    where: (holder) => (holder as { direction?: string }).direction === "in",
  });
  /** Open when the source it reads is on the internet: it reads the egress allowlist too. */
  const reader = open({
    reads: (props, list) =>
      props.source === undefined
        ? []
        : [
            {
              path: "source",
              what: `is ${String(props.source)} of ${list.length} allowlisted`,
              unknown: props.source === "maybe",
            },
          ],
  });

  test.each<[string, FieldSpec, Record<string, unknown>, string[]]>([
    ["always, whatever the value", open("always"), {}, [`acl ${verb}`]],
    [
      "a value that exposes it",
      open({ values: ["public-read"] }),
      { acl: "Public-Read" },
      [`acl is "Public-Read": ${verb}`],
    ],
    ["a value that does not", open({ values: ["public-read"] }), { acl: "private" }, []],
    ["an unset value", open({ values: ["public-read"] }), {}, []],
    [
      "a value not known at preview",
      open({ values: ["public-read"] }),
      { acl: unknownText },
      [mayBe("acl")],
    ],
    [
      "each value of a list at its own path",
      open({ values: ["public-read"] }, "acls[]"),
      { acls: ["private", "public-read"] },
      [`acls[1] is "public-read": ${verb}`],
    ],
    [
      "a flag that is set",
      open({ flag: { absentMeans: false } }),
      { acl: true },
      [`acl is set: ${verb}`],
    ],
    [
      "a flag of the text true",
      open({ flag: { absentMeans: false } }),
      { acl: "true" },
      [`acl is set: ${verb}`],
    ],
    ["a flag that is not", open({ flag: { absentMeans: true } }), { acl: false }, []],
    ["an unset flag whose default is private", open({ flag: { absentMeans: false } }), {}, []],
    [
      "an unset flag whose default is public",
      open({ flag: { absentMeans: true } }),
      {},
      [`acl is not set (defaults to public): ${verb}`],
    ],
    [
      "a flag not known at preview",
      open({ flag: { absentMeans: false } }),
      { acl: unknownText },
      [mayBe("acl")],
    ],
    [
      "any value but the private ones",
      open({ unless: ["private"], absentIs: "public-read" }),
      { acl: "public-read-write" },
      [`acl is "public-read-write": ${verb}`],
    ],
    [
      "a private one, compared ignoring case",
      open({ unless: ["private"], absentIs: "public-read" }),
      { acl: "PRIVATE" },
      [],
    ],
    [
      "no value, where the service's default is public",
      open({ unless: ["private"], absentIs: "public-read" }),
      {},
      [`acl is not set (defaults to public-read): ${verb}`],
    ],
    [
      "a value not known at preview where only some are private",
      open({ unless: ["private"], absentIs: "public-read" }),
      { acl: unknownText },
      [mayBe("acl")],
    ],
    [
      "an ingress rule from every address",
      ingress,
      { rules: [{ direction: "in", cidr: "0.0.0.0/0" }] },
      ["rules[0].cidr admits 0.0.0.0/0: every address on the internet"],
    ],
    [
      "a public range in a list of sources",
      ingress,
      { rules: [{ direction: "in", cidr: "10.0.0.0/8, ,203.0.113.0/24" }] },
      [
        "rules[0].cidr admits 203.0.113.0/24, a public range (outside the private ranges) that is not in the allowlist",
      ],
    ],
    [
      "private and allowlisted sources",
      ingress,
      { rules: [{ direction: "in", cidr: "10.0.0.0/8,198.51.100.0/24" }] },
      [],
    ],
    [
      "every source, where no holder test narrows them",
      open("ingress", "sourceCidr"),
      { sourceCidr: "0.0.0.0/0" },
      ["sourceCidr admits 0.0.0.0/0: every address on the internet"],
    ],
    [
      "a rule the field's holder test leaves out",
      ingress,
      { rules: [{ direction: "out", cidr: "0.0.0.0/0" }] },
      [],
    ],
    [
      "a source not known at preview",
      ingress,
      {
        rules: [
          { direction: "in", cidr: "10.0.0.0/8" },
          { direction: "in", cidr: unknownText },
        ],
      },
      [
        "rules[1].cidr is not known at preview, so whether it admits the internet cannot be decided",
      ],
    ],
    [
      "each value, whatever it is",
      open("each", "assets[]"),
      { assets: ["a", unknownText] },
      [`assets[0] ${verb}`, `assets[1] ${verb}`],
    ],
    ["no value where each one exposes it", open("each", "assets[]"), {}, []],
    ["any value that is set", open("any", "eip"), { eip: "eip-1" }, [`eip is "eip-1": ${verb}`]],
    ["no value where any one would", open("any", "eip"), {}, []],
    [
      "a value not known at preview where any would",
      open("any", "eip"),
      { eip: unknownText },
      [mayBe("eip")],
    ],
    [
      "a grantee of everyone",
      open("grantee", "grants[].uri"),
      {
        grants: [
          { uri: "http://acs.amazonaws.com/groups/global/AllUsers" },
          { uri: "http://acs.amazonaws.com/groups/s3/LogDelivery" },
        ],
      },
      ["grants[0].uri grants access to http://acs.amazonaws.com/groups/global/AllUsers"],
    ],
    [
      "a policy that allows everyone",
      open("policy", "policy"),
      { policy: `{"Statement":[{"Effect":"Deny","Principal":"*"},${everyone}]}` },
      [publicStatement(1)],
    ],
    [
      "a policy given as an object",
      open("policy", "policy"),
      { policy: { Statement: { Effect: "Allow", Principal: { AWS: "*" } } } },
      [publicStatement(0)],
    ],
    [
      "a policy that allows everyone but the principals NotPrincipal names",
      open("policy", "policy"),
      {
        policy: {
          Statement: [
            { Effect: "Deny", NotPrincipal: { AWS: "arn:aws:iam::1:root" } },
            { Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::1:root" } },
          ],
        },
      },
      [
        "policy.Statement[1] allows everyone but the principals NotPrincipal names, and no condition limits it to named networks, addresses, accounts or organisations: anyone on the internet can use it",
      ],
    ],
    [
      "a policy that a condition limits to one network",
      open("policy", "policy"),
      {
        policy: {
          Statement: [
            {
              Effect: "Allow",
              Principal: "*",
              Condition: { StringEquals: { "aws:SourceVpc": "vpc-1" } },
            },
          ],
        },
      },
      [],
    ],
    ["no policy", open("policy", "policy"), {}, []],
    [
      "a policy not known at preview",
      open("policy", "policy"),
      { policy: unknownText },
      [mayBe("policy")],
    ],
    [
      "a policy with a value not known at preview",
      open("policy", "policy"),
      { policy: { Statement: [{ Effect: "Allow", Principal: unknownText }] } },
      [mayBe("policy")],
    ],
    [
      "a policy whose AWS principal is not known at preview",
      open("policy", "policy"),
      { policy: { Statement: [{ Effect: "Allow", Principal: { AWS: [unknownText] } }] } },
      [mayBe("policy")],
    ],
    [
      "a policy whose list of principals holds one not known at preview",
      open("policy", "policy"),
      {
        policy: {
          Statement: [{ Effect: "Allow", Principal: ["arn:aws:iam::1:root", unknownText] }],
        },
      },
      [mayBe("policy")],
    ],
    [
      "a policy for everyone whose effect is not known at preview",
      open("policy", "policy"),
      { policy: { Statement: [{ Effect: unknownText, Principal: "*" }] } },
      [mayBe("policy")],
    ],
    [
      "a policy for everyone whose condition value is not known at preview",
      open("policy", "policy"),
      {
        policy: {
          Statement: [
            {
              Effect: "Allow",
              Principal: "*",
              Condition: { StringEquals: { "aws:SourceVpce": unknownText } },
            },
          ],
        },
      },
      [mayBe("policy")],
    ],
    [
      // A CloudFront origin access identity's canonical user ID is known only once deployed.
      "a policy whose only value not known at preview is the canonical user it allows",
      open("policy", "policy"),
      {
        policy: {
          Statement: [
            {
              Effect: "Allow",
              Principal: { CanonicalUser: unknownText },
              Action: "s3:GetObject",
              Resource: "arn:aws:s3:::site/*",
            },
          ],
        },
      },
      [],
    ],
    [
      "a policy that denies a principal not known at preview",
      open("policy", "policy"),
      { policy: { Statement: [{ Effect: "Deny", Principal: { AWS: unknownText } }] } },
      [],
    ],
    [
      "an opening the row's reader finds",
      reader,
      { source: "open" },
      ["source is open of 1 allowlisted"],
    ],
    [
      "an opening it only may be",
      reader,
      { source: "maybe" },
      ["source is maybe of 1 allowlisted"],
    ],
    ["nothing the reader finds", reader, {}, []],
  ])("%s", (_name, field, props, reasons) => {
    expect(view("public-exposure", field, props)).toEqual(exposed(...reasons));
  });

  test("a field that says nothing of what exposes it is refused", () => {
    expect(() => view("public-exposure", open(undefined), { acl: "x" })).toThrow(
      `field acl of ${ruleType} is public but says nothing of what exposes it`,
    );
  });

  test.each<[string, FieldSpec, Record<string, unknown>, string, Record<string, unknown>]>([
    ["a flag", open({ flag: { absentMeans: false } }), { acl: unknown }, "acl", { acl: true }],
    [
      "a setting public unless private",
      open({ unless: ["private"], absentIs: "public-read" }),
      { acl: unknown },
      "acl",
      { acl: "public-read" },
    ],
    ["any value that is set", open("any", "eip"), { eip: unknown }, "eip", { eip: "eip-1" }],
    [
      "a policy",
      open("policy", "policy"),
      { policy: unknown },
      "policy",
      { policy: `{"Statement":[${everyone}]}` },
    ],
    [
      "an ingress source",
      ingress,
      { rules: [{ direction: "in", cidr: unknown }] },
      "rules[0].cidr",
      { rules: [{ direction: "in", cidr: "0.0.0.0/0" }] },
    ],
    ["a row's own reader", reader, { source: "maybe" }, "source", { source: "anywhere" }],
  ])(
    "%s not known at preview is drawn to an unknown place; a public one to the internet",
    (_name, field, unknownProps, at, publicProps) => {
      expect(drawn(field, unknownProps)).toEqual([
        {
          path: at,
          outcome: "unknown",
          edges: [`${label} → ${notKnownPlace(at)} (public access, public-exposure: report)`],
        },
      ]);
      expect(drawn(field, publicProps).map((d) => [d.outcome, d.edges])).toEqual([
        [
          "outside",
          [`${label} → the public internet [outside] (public access, public-exposure: report)`],
        ],
      ]);
    },
  );

  test("draws the edge to the internet, or to an unknown place when it may be public", () => {
    const field = open({ values: ["public-read"] }, "acls[]");
    expect(drawn(field, { acls: ["public-read", unknown, "private"] })).toEqual([
      {
        path: "acls[0]",
        outcome: "outside",
        edges: [
          `${label} → the public internet [outside] (public access, public-exposure: report)`,
        ],
      },
      {
        path: "acls[1]",
        outcome: "unknown",
        edges: [`${label} → ${notKnownPlace("acls[1]")} (public access, public-exposure: report)`],
      },
    ]);
    // A row whose gate decides the exposure draws the edge itself.
    expect(drawn({ ...field, drawnByRow: true }, { acls: ["public-read"] })).toEqual([
      { path: "acls[0]", outcome: "outside", edges: [] },
    ]);
  });
});

describe("grants: whom a resource's policy grants", () => {
  const granting = (policy: PolicyName): FieldSpec => ({
    path: "policy",
    format: "grants",
    label: "readable from",
    policy,
    verb: "grants access to",
    grants: (props) => (props.grantees as Grantee[] | undefined) ?? [],
  });
  const principal = "policy.Statement[0].Principal";
  const grantees: Grantee[] = [
    { kind: "everyone", path: principal, what: 'allows Principal "*": anyone can read it' },
    { kind: "unknown", path: "policy.Statement[1]" },
    { kind: "account", path: "policy.Statement[2].Principal", account: "222" },
    { kind: "account", path: "policy.Statement[3].Principal", account: "111" },
    { kind: "organization", path: "policy.Statement[4].Condition", id: "o-1" },
  ];
  const own = providerOf("alicloud", "own", { region: "cn-shanghai", accountId: "111" });
  const table = (policy: PolicyName): TypeTable => ({ [ruleType]: row(granting(policy)) });

  test("public-exposure reports everyone and a grant not known at preview, no account", () => {
    expect(
      view("public-exposure", granting("public-exposure"), { grantees }, { provider: own }),
    ).toEqual([
      {
        message: `${label} must not be reachable from the internet, but ${principal} allows Principal "*": anyone can read it. Fix it.`,
        path: ["the internet", label],
      },
      {
        message: `${label} must not be reachable from the internet, but policy.Statement[1] is not known at preview, so whether it is public cannot be decided. Fix it.`,
        path: ["the internet", label],
        undecided: true,
      },
    ]);
    expect(
      view("public-exposure", granting("public-exposure"), { grantees: grantees.slice(2) }),
    ).toEqual([]);
  });

  test("cross-account-links reports accounts that are not the stack's and organisations", () => {
    const s = subject({ grantees }, { provider: own });
    const place222 = "account 222 (not this stack's account 111)";
    const org = "every account of organization o-1 (the pack cannot tell which accounts it holds)";
    expect(grantView(s, context("CN"), table("cross-account-links"))).toEqual([
      {
        message: `${label} must grant access only to the stack's own account, but policy.Statement[2].Principal grants access to ${place222}. Fix it.`,
        path: [near, label, place222],
      },
      {
        message: `${label} must grant access only to the stack's own account, but policy.Statement[4].Condition grants access to ${org}. Fix it.`,
        path: [near, label, org],
      },
    ]);
    // The stack's own account, everyone and what is not known are no cross-account finding.
    expect(
      grantView(
        subject({ grantees: grantees.slice(0, 2) }, { provider: own }),
        context("CN"),
        table("cross-account-links"),
      ),
    ).toEqual([]);
    expect(
      grantView(
        subject({ grantees: [grantees[3]] }, { provider: own }),
        context("CN"),
        table("cross-account-links"),
      ),
    ).toEqual([]);
  });

  test("without an account pinned by the provider, every account is another one", () => {
    expect(
      grantView(subject({ grantees: [grantees[3]] }), context("CN"), table("cross-account-links")),
    ).toEqual([
      {
        message: `${label} must grant access only to the stack's own account, but policy.Statement[3].Principal grants access to account 111 (the provider pins no account, so it cannot be checked). Fix it.`,
        path: [near, label, "account 111 (the provider pins no account, so it cannot be checked)"],
      },
    ]);
    // Nor without a provider, where the resource's own place cannot be told either.
    expect(
      grantView(
        subject({ grantees: [grantees[3]] }, { provider: undefined }),
        context("CN"),
        table("cross-account-links"),
      ),
    ).toEqual([
      {
        message: `${label} must grant access only to the stack's own account, but policy.Statement[3].Principal grants access to account 111 (the provider pins no account, so it cannot be checked). Fix it.`,
        path: [
          "an undetermined region",
          label,
          "account 111 (the provider pins no account, so it cannot be checked)",
        ],
      },
    ]);
  });

  test("grants are judged by their own views only, not twice by the generic one", () => {
    const s = subject({ grantees }, { provider: own });
    expect(
      resourceView("cross-account-links", s, context("CN"), table("cross-account-links")),
    ).toEqual([]);
    // A row without a grant of the policy is no grant view's.
    expect(grantView(s, context("CN"), table("public-exposure"))).toEqual([]);
  });

  test("draws each grant's edge: the internet, an unknown place, another account", () => {
    const provider = providerResource("alicloud", { region: "cn-shanghai", accountId: "111" });
    const props = { grantees };
    expect(drawn(granting("public-exposure"), props, { provider })).toEqual([
      {
        path: principal,
        outcome: "outside",
        edges: [
          `${label} → the public internet [outside] (readable from, public-exposure: report)`,
        ],
      },
      {
        path: "policy.Statement[1]",
        outcome: "unknown",
        edges: [
          `${label} → ${notKnownPlace("policy.Statement[1]")} (readable from, public-exposure: report)`,
        ],
      },
    ]);
    expect(drawn(granting("cross-account-links"), props, { provider })).toEqual([
      {
        path: "policy.Statement[2].Principal",
        outcome: "outside",
        edges: [
          `${label} → alicloud account 222 (another account, location unknown) [unknown] (readable from, cross-account-links: report)`,
        ],
      },
      {
        path: "policy.Statement[4].Condition",
        outcome: "outside",
        edges: [
          `${label} → unknown (every account of organization o-1 (the pack cannot tell which accounts it holds)) [unknown] (readable from, cross-account-links: report)`,
        ],
      },
    ]);
  });

  test("a grant field that says nothing of whom it grants is refused", () => {
    const field: FieldSpec = { ...granting("cross-account-links"), grants: undefined };
    expect(() => drawn(field, {})).toThrow(
      `field policy of ${ruleType} is a grant but says nothing of whom`,
    );
  });
});

describe("global: the values that put the data on a global edge network", () => {
  const verb = "puts the objects on a global edge network";
  const edge = (reaches: FieldSpec["reaches"], farSide?: string): FieldSpec => ({
    path: "acceleration",
    format: "global",
    reaches,
    ...(farSide === undefined ? {} : { farSide }),
    label: "transfer acceleration",
    policy: "global-services",
    verb,
  });
  const served = (j: string, at: string, ...reasons: string[]): Finding[] =>
    reasons.map((reason) => ({
      message: `${at} must not serve the stack's data from outside ${j}, but ${reason}. Fix it.`,
      path: [at, "edge locations outside the jurisdiction"],
      ...undecidedIf(reason),
    }));
  const abroad = (v: string) =>
    `acceleration is "${v}": content is cached and served from points of presence outside the Chinese mainland`;
  const scope = (absentIsDomestic: boolean) => edge({ scope: { absentIsDomestic } });
  /** The reach a row's reader finds: the endpoint type EDGE, judged with the jurisdiction. */
  const reader = edge({
    reads: (props, j) =>
      props.endpointType === unknown
        ? [{ path: "endpointType", what: "may be EDGE", unknown: true }]
        : props.endpointType === "EDGE"
          ? [{ path: "endpointType", what: `is EDGE, served from outside ${j.id}` }]
          : [],
  });

  test.each<[string, FieldSpec, Record<string, unknown>, string, string[]]>([
    ["always, whatever the value", edge("always"), {}, "CN", [`acceleration ${verb}`]],
    ["by default (always)", edge(undefined), {}, "CN", [`acceleration ${verb}`]],
    ["a true flag", edge("true"), { acceleration: true }, "CN", [`acceleration ${verb}`]],
    [
      "a flag of the text true",
      edge("true"),
      { acceleration: "True" },
      "CN",
      [`acceleration ${verb}`],
    ],
    ["a false flag", edge("true"), { acceleration: false }, "CN", []],
    ["an unset flag", edge("true"), {}, "CN", []],
    [
      "a flag not known at preview",
      edge("true"),
      { acceleration: unknownText },
      "CN",
      ["acceleration is not known at preview, so its reach cannot be decided"],
    ],
    [
      "the value that reaches it",
      edge({ equals: "Enabled" }),
      { acceleration: "Enabled" },
      "CN",
      [`acceleration ${verb}`],
    ],
    [
      "that value in another case",
      edge({ equals: "Enabled" }),
      { acceleration: "enabled" },
      "CN",
      [],
    ],
    ["another value", edge({ equals: "Enabled" }), { acceleration: "Suspended" }, "CN", []],
    ["the Chinese mainland, in CN", scope(false), { acceleration: "domestic" }, "CN", []],
    ["the Chinese mainland, in capitals", scope(false), { acceleration: "DOMESTIC" }, "CN", []],
    ["an area abroad", scope(true), { acceleration: "overseas" }, "CN", [abroad("overseas")]],
    ["every area", scope(true), { acceleration: "global" }, "CN", [abroad("global")]],
    ["no area, whose default is the mainland, in CN", scope(true), {}, "CN", []],
    [
      "no area, whose default is not documented",
      scope(false),
      {},
      "CN",
      ["acceleration is not set and the service's default area is not documented"],
    ],
    [
      "an area abroad, outside CN",
      scope(true),
      { acceleration: "overseas" },
      "EU",
      [
        'acceleration is "overseas": content is cached and served from points of presence around the world (outside the Chinese mainland), not only inside EU',
      ],
    ],
    [
      "every area, outside CN",
      scope(true),
      { acceleration: "global" },
      "EU",
      [
        'acceleration is "global": content is cached and served from points of presence around the world (the Chinese mainland included), not only inside EU',
      ],
    ],
    [
      "the Chinese mainland, outside CN",
      scope(false),
      { acceleration: "domestic" },
      "US",
      ["acceleration is the Chinese mainland, which lies outside the jurisdiction"],
    ],
    [
      "no area, whose default is the mainland, outside CN",
      scope(true),
      {},
      "US",
      ["acceleration is the Chinese mainland, which lies outside the jurisdiction"],
    ],
    [
      "an area not known at preview",
      scope(true),
      { acceleration: unknownText },
      "CN",
      ["acceleration is not known at preview, so where content is cached cannot be decided"],
    ],
    [
      "a reach the row's reader finds",
      reader,
      { endpointType: "EDGE" },
      "CN",
      ["endpointType is EDGE, served from outside CN"],
    ],
    [
      "a reach it only may be",
      reader,
      { endpointType: unknownText },
      "CN",
      ["endpointType may be EDGE"],
    ],
    ["no reach the reader finds", reader, { endpointType: "REGIONAL" }, "CN", []],
  ])("%s", (_name, field, props, j, reasons) => {
    expect(view("global-services", field, props, { jurisdiction: j })).toEqual(
      served(j, label, ...reasons),
    );
  });

  describe("an AWS partition confined to the jurisdiction keeps the network there", () => {
    const type = "aws:s3/bucketAccelerateConfiguration:BucketAccelerateConfiguration";
    const s3 = 's3 bucket accelerate configuration "rule"';
    const aws = (region: unknown) => providerOf("aws", "p", { region });

    test.each<[string, unknown, string, Record<string, unknown>, FieldSpec, boolean]>([
      ["China in CN", "cn-north-1", "CN", {}, edge("always"), false],
      [
        "China in CN, even where not known at preview",
        "cn-north-1",
        "CN",
        { acceleration: unknownText },
        edge("true"),
        false,
      ],
      [
        "China in CN, where a reader finds it only may reach",
        "cn-north-1",
        "CN",
        { endpointType: unknownText },
        reader,
        false,
      ],
      ["GovCloud in the US", "us-gov-west-1", "US", {}, edge("always"), false],
      ["China outside CN", "cn-north-1", "US", {}, edge("always"), true],
      ["the commercial partition", "us-east-1", "US", {}, edge("always"), true],
      ["a region not known at preview", unknownText, "CN", {}, edge("always"), true],
    ])("%s", (_name, region, j, props, field, reported) => {
      expect(
        view("global-services", field, props, { type, provider: aws(region), jurisdiction: j }),
      ).toEqual(reported ? served(j, s3, `acceleration ${verb}`) : []);
    });

    test("draws no edge out of a confined partition, and one to the network elsewhere", () => {
      const opts = (region: string, jurisdiction: string) => ({
        type,
        provider: providerResource("aws", { region }),
        jurisdiction,
      });
      expect(drawn(edge("always"), {}, opts("cn-north-1", "CN"))).toEqual([
        { path: "acceleration", outcome: "inside", edges: [] },
      ]);
      expect(
        drawn(edge("always", "S3 transfer acceleration"), {}, opts("us-east-1", "CN")),
      ).toEqual([
        {
          path: "acceleration",
          outcome: "outside",
          edges: [
            `${s3} → S3 transfer acceleration (global, outside CN) [outside] (transfer acceleration, global-services: report)`,
          ],
        },
      ]);
    });
  });

  test("draws the edge to the network named, and none while it only may reach it", () => {
    expect(drawn(edge("true"), { acceleration: true })).toEqual([
      {
        path: "acceleration",
        outcome: "outside",
        edges: [
          `${label} → a global edge network (global, outside CN) [outside] (transfer acceleration, global-services: report)`,
        ],
      },
    ]);
    expect(drawn(edge("true"), { acceleration: unknown })).toEqual([
      { path: "acceleration", outcome: "unknown", edges: [] },
    ]);
    expect(drawn(reader, { endpointType: unknown })).toEqual([
      { path: "endpointType", outcome: "unknown", edges: [] },
    ]);
    expect(drawn(edge("true"), { acceleration: false })).toEqual([]);
  });
});

describe("flag: a far end an AWS partition keeps for itself", () => {
  const type = "aws:directconnect/publicVirtualInterface:PublicVirtualInterface";
  const vif = 'directconnect public virtual interface "rule"';
  const field: FieldSpec = {
    path: "connectionId",
    format: "flag",
    label: "attachment",
    policy: "remote-sites",
    verb: "reaches",
    farSide: "every region's endpoints",
    partitionFarSide: { "aws-cn": "the China endpoints" },
  };
  const china = (j: string) =>
    `the China endpoints (cn-north-1 (outside ${j}, in CN), cn-northwest-1 (outside ${j}, in CN))`;
  const aws = (region: unknown) => providerOf("aws", "p", { region });

  test.each<[string, Record<string, unknown>, unknown, string, string | undefined]>([
    ["a provider in Beijing, under CN", { connectionId: "dx" }, "cn-north-1", "CN", undefined],
    ["a provider in Ningxia, under CN", { connectionId: "dx" }, "cn-northwest-1", "CN", undefined],
    [
      "a resource pinned to Beijing through a provider in Virginia, under CN",
      { connectionId: "dx", region: "cn-north-1" },
      "us-east-1",
      "CN",
      undefined,
    ],
    ["a provider in Beijing, under US", { connectionId: "dx" }, "cn-north-1", "US", china("US")],
    [
      "a provider in Virginia, under CN",
      { connectionId: "dx" },
      "us-east-1",
      "CN",
      "every region's endpoints",
    ],
    [
      "a region not known at preview, under CN",
      { connectionId: "dx" },
      unknownText,
      "CN",
      "every region's endpoints",
    ],
    ["no connection", {}, "us-east-1", "CN", undefined],
  ])("%s", (_name, props, region, j, far) => {
    expect(
      view("remote-sites", field, props, { type, provider: aws(region), jurisdiction: j }),
    ).toEqual(
      far === undefined
        ? []
        : [
            {
              message: `${vif} must keep data inside ${j}, but connectionId reaches ${far}. Fix it.`,
              path: [expect.any(String), vif, far],
            },
          ],
    );
  });

  test("the key-and-secret-replicas row of a multi-Region key: its partition's regions", () => {
    const key = (region: string) => ({
      type: "aws:kms/key:Key",
      name: "orders",
      props: proxied({ multiRegion: true }),
      provider: aws(region),
    });
    const ends = (region: string, j: string) =>
      resourceView("key-and-secret-replicas", key(region), context(j)).map((f) => f.path?.at(-1));
    expect(ends("cn-north-1", "CN")).toEqual([]);
    expect(ends("us-gov-west-1", "US")).toEqual([]);
    expect(ends("us-east-1", "US")).toEqual([
      "any region of the partition (multi-Region primary key)",
    ]);
    expect(ends("cn-northwest-1", "US")).toEqual([
      "any region of the China partition (multi-Region primary key) (cn-north-1 (outside US, in CN), cn-northwest-1 (outside US, in CN))",
    ]);
  });

  test("the remote-sites row of a public virtual interface: China's endpoints stay in CN", () => {
    const subject = (region: string) => ({
      type,
      name: "vif",
      props: proxied({ connectionId: "dxcon-1", vlan: 101, bgpAsn: 65000, addressFamily: "ipv4" }),
      provider: aws(region),
    });
    const ends = (region: string, j: string) =>
      resourceView("remote-sites", subject(region), context(j)).map((f) => f.path?.at(-1));
    expect(ends("cn-north-1", "CN")).toEqual([]);
    expect(ends("cn-northwest-1", "CN")).toEqual([]);
    expect(ends("ap-east-1", "CN")).toEqual(["the public endpoints of every AWS region"]);
    expect(ends("cn-north-1", "US")).toEqual([
      "the public endpoints of the AWS China regions (cn-north-1 (outside US, in CN), cn-northwest-1 (outside US, in CN))",
    ]);
  });
});

describe("destination: the servers a Kubernetes object makes its cluster send data to", () => {
  const type = "kubernetes:core/v1:PersistentVolume";
  const pv = 'k8s persistentvolume "rule"';
  const onCluster = { type, provider: undefined };
  const to = (server: DestinationField): FieldSpec => ({
    path: server.path,
    format: "destination",
    server,
    label: "mounted by",
    policy: "kubernetes-egress",
    verb: "mounts from",
  });
  const nfs = to({ path: "spec.nfs.server", what: "NFS server", read: "address" });
  const portals = to({ path: "spec.iscsi.portals[]", what: "iSCSI portal", read: "address" });
  const quobyte = to({
    path: "spec.quobyte.registry",
    what: "Quobyte registry",
    read: "addresses",
  });
  const webhook = to({
    path: "webhooks[].clientConfig.url",
    what: "admission webhook",
    read: "url",
  });
  const azure = to({ path: "spec.azureDisk.diskURI", what: "Azure disk", read: "outside" });
  const endpoints = to({
    path: "subsets[].addresses[].ip",
    what: "Service endpoint",
    read: "address",
  });

  const mount = (what: string) =>
    `must mount volumes only from private or allowlisted servers, but %s: the node mounts the ${what} outside any NetworkPolicy and the pods write their data there. Serve the volume from a private address (or a storage class of the cluster's cloud), or add the server's address to the egress allowlist, or the server's host name to egressHosts, with a reason.`;
  const call =
    "must send objects only to webhooks inside the cluster, but %s: the API server sends the admission webhook every object or event it matches. Serve the webhook from a Service of the cluster (clientConfig.service) instead of a url.";
  const elsewhere =
    "must mount volumes only from private or allowlisted servers, but %s: the node mounts the Azure disk outside any NetworkPolicy and the pods write their data there. Use a volume of the cluster's own cloud (a claim of one of its storage classes) or a private NFS, iSCSI or Ceph server.";
  const traffic =
    "must send Service traffic only to private or allowlisted addresses, but %s: the Service's traffic goes there, outside any NetworkPolicy of the pods that send it. Point the endpoints at private addresses, or add the address to the egress allowlist with a reason.";
  const finding = (words: string, what: string, place: string): Finding => ({
    // A value not known at preview is worded "…, so … cannot be checked; where one lies outside, …".
    message: `${pv} ${words.replace(what.endsWith(",") ? "%s:" : "%s", what)}`,
    path: [pv, place],
    ...(place.endsWith("(unknown at preview)") ? { undecided: true as const } : {}),
  });
  const publicAt = (path: string, host: string, text = host) =>
    `${path} is ${JSON.stringify(text)}, a public address that the egress allowlist of CN does not cover`;

  test.each<[string, FieldSpec, Record<string, unknown>, Finding[]]>([
    ["a private server", nfs, { spec: { nfs: { server: "10.0.0.5" } } }, []],
    ["a private server with its port", nfs, { spec: { nfs: { server: "10.0.0.5:2049" } } }, []],
    [
      "a server of the cluster",
      nfs,
      { spec: { nfs: { server: "nfs.storage.svc.cluster.local" } } },
      [],
    ],
    ["an allowlisted server", nfs, { spec: { nfs: { server: "198.51.100.7" } } }, []],
    ["no server", nfs, { spec: {} }, []],
    [
      "a public server",
      nfs,
      { spec: { nfs: { server: "203.0.113.5" } } },
      [
        finding(
          mount("NFS server"),
          publicAt("spec.nfs.server", "203.0.113.5"),
          "203.0.113.5 (NFS server)",
        ),
      ],
    ],
    [
      "a host name the pack cannot place",
      nfs,
      { spec: { nfs: { server: "nfs.example.com" } } },
      [
        finding(
          mount("NFS server"),
          'spec.nfs.server is "nfs.example.com", a host the pack cannot place',
          "nfs.example.com (cannot be placed)",
        ),
      ],
    ],
    [
      "a server not known at preview",
      nfs,
      { spec: { nfs: { server: unknownText } } },
      [
        finding(
          mount("NFS server"),
          "spec.nfs.server is not known at preview, so the servers it may name cannot be checked; where one lies outside,",
          "spec.nfs.server (unknown at preview)",
        ),
      ],
    ],
    [
      "each portal of a list at its own path",
      portals,
      { spec: { iscsi: { portals: ["10.0.0.9:3260", "[2001:db8::1]:3260"] } } },
      [
        finding(
          mount("iSCSI portal"),
          publicAt("spec.iscsi.portals[1]", "2001:db8::1", "[2001:db8::1]:3260"),
          "2001:db8::1 (iSCSI portal)",
        ),
      ],
    ],
    [
      "each address of a comma-separated list",
      quobyte,
      { spec: { quobyte: { registry: "10.0.0.1:7861, 203.0.113.8:7861" } } },
      [
        finding(
          mount("Quobyte registry"),
          publicAt("spec.quobyte.registry", "203.0.113.8", "10.0.0.1:7861, 203.0.113.8:7861"),
          "203.0.113.8 (Quobyte registry)",
        ),
      ],
    ],
    [
      "a webhook on a private address, which the API server may call from outside",
      webhook,
      { webhooks: [{ clientConfig: { url: "https://10.0.0.5/validate" } }] },
      [
        finding(
          call,
          'webhooks[0].clientConfig.url is "https://10.0.0.5/validate", a private address of no network of the stack that the egress allowlist of CN does not cover',
          "10.0.0.5 (admission webhook)",
        ),
      ],
    ],
    [
      "a webhook on an allowlisted address",
      webhook,
      { webhooks: [{ clientConfig: { url: "https://198.51.100.7/v" } }] },
      [],
    ],
    [
      "a webhook URL of a Service's cluster name, which the API server may not resolve",
      webhook,
      { webhooks: [{ clientConfig: { url: "https://hook.default.svc/validate" } }] },
      [
        finding(
          call,
          'webhooks[0].clientConfig.url is "https://hook.default.svc/validate", a host the pack cannot place',
          "hook.default.svc (cannot be placed)",
        ),
      ],
    ],
    [
      "a webhook URL the pack cannot read",
      webhook,
      { webhooks: [{ clientConfig: { url: "not a url" } }] },
      [
        finding(
          call,
          'webhooks[0].clientConfig.url is "not a url", not a URL the pack can read',
          "not a url (cannot be placed)",
        ),
      ],
    ],
    [
      "a disk of a cloud the pack does not place",
      azure,
      { spec: { azureDisk: { diskURI: "disk-1" } } },
      [
        finding(
          elsewhere,
          'spec.azureDisk.diskURI names an Azure disk ("disk-1"), a service of a cloud the pack cannot place',
          "an Azure disk (cannot be placed)",
        ),
      ],
    ],
    [
      "a Service endpoint on a public address",
      endpoints,
      { subsets: [{ addresses: [{ ip: "10.1.0.4" }, { ip: "8.8.8.8" }] }] },
      [
        finding(
          traffic,
          publicAt("subsets[0].addresses[1].ip", "8.8.8.8"),
          "8.8.8.8 (Service endpoint)",
        ),
      ],
    ],
  ])("%s", (_name, field, props, expected) => {
    expect(view("kubernetes-egress", field, props, onCluster)).toEqual(expected);
  });

  test("an object not known at preview is reported once, in the words of its first field", () => {
    expect(view("kubernetes-egress", [nfs, azure], { spec: unknownText }, onCluster)).toEqual([
      finding(
        mount("NFS server"),
        "spec is not known at preview, so the servers it may name cannot be checked; where one lies outside,",
        "spec (unknown at preview)",
      ),
    ]);
  });

  test("draws the edge to the internet for a public server, else to a place it cannot name", () => {
    const props = {
      spec: { iscsi: { portals: ["203.0.113.5", "san.example.com", unknown, "10.0.0.1"] } },
    };
    expect(drawn(portals, props, { type })).toEqual([
      {
        path: "spec.iscsi.portals[0]",
        outcome: "outside",
        edges: [`${pv} → the public internet [outside] (mounted by, kubernetes-egress: report)`],
      },
      {
        path: "spec.iscsi.portals[1]",
        outcome: "outside",
        edges: [
          `${pv} → unknown (san.example.com (cannot be placed)) [unknown] (mounted by, kubernetes-egress: report)`,
        ],
      },
      {
        path: "spec.iscsi.portals[2]",
        outcome: "unknown",
        edges: [
          `${pv} → unknown (spec.iscsi.portals[2] of ${pv} is not known until deployed) [unknown] (mounted by, kubernetes-egress: report)`,
        ],
      },
    ]);
  });

  test("a value that is not text, which the API rejects, names no server", () => {
    expect(view("kubernetes-egress", nfs, { spec: { nfs: { server: 2049 } } }, onCluster)).toEqual(
      [],
    );
  });

  test("a destination without its server is refused", () => {
    expect(() => drawn({ ...nfs, server: undefined }, {}, { type })).toThrow(
      `field spec.nfs.server of ${type} is a destination without its server.`,
    );
  });
});

describe("relation: values that cross a border together", () => {
  const linking = (relates: FieldSpec["relates"]): FieldSpec => ({
    path: "areaA/areaB",
    format: "relation",
    relates,
    label: "peering",
    policy: "network-links",
    verb: "links the areas to",
  });
  const areas = linking((get) =>
    get("areaA") === get("areaB") ? undefined : `${String(get("areaB"))} (another area)`,
  );
  const lists = linking((get) =>
    (get("areas") as unknown[]).some((a) => a !== "china") ? "an area abroad" : undefined,
  );
  const crossing = (place: string): Finding => ({
    message: `${label} must keep data inside CN, but areaA/areaB links the areas to ${place}. Fix it.`,
    path: [near, label, place],
  });
  const undecided: Finding = {
    message: `${label} must name a place the pack can check, but a setting it depends on is not known before deployment (an output of another resource, or the answer of a lookup), so whether it leaves CN cannot be decided at preview. Set it from a literal value or a resource of this program, or waive the finding after review.`,
    path: [near, label, "a setting it depends on (unknown at preview)"],
    undecided: true,
  };

  test.each<[string, FieldSpec, Record<string, unknown>, Finding[]]>([
    [
      "two values that cross",
      areas,
      { areaA: "china", areaB: "asia" },
      [crossing("asia (another area)")],
    ],
    ["two values that do not", areas, { areaA: "china", areaB: "china" }, []],
    ["one value not known at preview", areas, { areaA: unknownText, areaB: "china" }, [undecided]],
    ["a list that crosses", lists, { areas: ["china", "asia"] }, [crossing("an area abroad")]],
    ["a list that does not", lists, { areas: ["china"] }, []],
    [
      "a list holding a value not known at preview",
      lists,
      { areas: ["china", unknownText] },
      [undecided],
    ],
    [
      "a list holding an object not known inside",
      lists,
      { areas: [{ id: unknownText }] },
      [undecided],
    ],
  ])("%s", (_name, field, props, expected) => {
    expect(view("network-links", field, props)).toEqual(expected);
  });

  test("draws the edge to the place it names, or to an unknown one", () => {
    expect(drawn(areas, { areaA: "china", areaB: "asia" })).toEqual([
      {
        path: "areaA/areaB",
        outcome: "outside",
        edges: [
          `${label} → unknown (asia (another area)) [unknown] (peering, network-links: report)`,
        ],
      },
    ]);
    expect(drawn(areas, { areaA: unknown, areaB: "china" })).toEqual([
      {
        path: "a setting it depends on",
        outcome: "unknown",
        edges: [`${label} → ${notKnownPlace("areaA/areaB")} (peering, network-links: report)`],
      },
    ]);
  });

  test("a reading that fails for another reason is not taken for an unknown value", () => {
    const broken = linking(() => {
      throw new Error("the row reads a property it does not have");
    });
    expect(() => view("network-links", broken, {})).toThrow(
      "the row reads a property it does not have",
    );
    expect(() => view("network-links", linking(undefined), {})).toThrow(
      `field areaA/areaB of ${ruleType} is a relation but says nothing of what it relates`,
    );
  });
});

describe("judged: the row's own reading of its inputs", () => {
  const reading = (judges: FieldSpec["judges"]): FieldSpec => ({
    path: "origins",
    format: "judged",
    judges,
    label: "replication",
    policy: "storage-replication",
    verb: "sends data to",
  });
  /** Every origin outside the jurisdiction's own region names, each at its index. */
  const origins = reading((props, j) =>
    (props.origins as string[])
      .map((o, i) => ({
        path: `origins[${i}]`,
        verb: "pulls content from",
        place: `${o} (not ${j.id})`,
      }))
      .filter((_, i) => !(props.origins as string[])[i].startsWith("cn-")),
  );

  test("each place the reading names is a finding, in the reading's verb", () => {
    expect(view("storage-replication", origins, { origins: ["cn-beijing", "us-east-1"] })).toEqual([
      {
        message: `${label} must keep data inside CN, but origins[1] pulls content from us-east-1 (not CN). Fix it.`,
        path: [near, label, "us-east-1 (not CN)"],
      },
    ]);
    expect(view("storage-replication", origins, { origins: ["cn-beijing"] })).toEqual([]);
  });

  test("a value not known at preview inside a list leaves the reading undecided", () => {
    expect(view("storage-replication", origins, { origins: ["cn-beijing", unknownText] })).toEqual([
      {
        message: `${label} must name a place the pack can check, but a setting it depends on is not known before deployment (an output of another resource, or the answer of a lookup), so whether it leaves CN cannot be decided at preview. Set it from a literal value or a resource of this program, or waive the finding after review.`,
        path: [near, label, "a setting it depends on (unknown at preview)"],
        undecided: true,
      },
    ]);
  });

  test("draws the edge to each place it names", () => {
    expect(drawn(origins, { origins: ["us-east-1"] })).toEqual([
      {
        path: "origins[0]",
        outcome: "outside",
        edges: [
          `${label} → unknown (us-east-1 (not CN)) [unknown] (replication, storage-replication: report)`,
        ],
      },
    ]);
    expect(drawn(origins, { origins: [unknown] })).toEqual([
      {
        path: "a setting it depends on",
        outcome: "unknown",
        edges: [
          `${label} → ${notKnownPlace("origins")} (replication, storage-replication: report)`,
        ],
      },
    ]);
  });

  test("a reading that fails for another reason is not taken for an unknown value", () => {
    const broken = reading(() => {
      throw new Error("the row reads a property it does not have");
    });
    expect(() => view("storage-replication", broken, {})).toThrow(
      "the row reads a property it does not have",
    );
    expect(() => view("storage-replication", reading(undefined), {})).toThrow(
      `field origins of ${ruleType} is judged but says nothing of how`,
    );
  });
});

describe("what every field passes before its format", () => {
  const to = (spec: Partial<FieldSpec> = {}): FieldSpec => ({
    path: "to",
    format: "region",
    label: "replication",
    policy: "storage-replication",
    verb: "sends data to",
    ...spec,
  });
  const outside = (path: string, place: string): Finding => ({
    message: `${label} must keep data inside CN, but ${path} sends data to ${place}. Fix it.`,
    path: [near, label, place],
  });

  test("a field whose edge passes a gate is refused: its row draws the gated edge", () => {
    expect(() =>
      view("storage-replication", to({ gate: "security-group" }), { to: "cn-hongkong" }),
    ).toThrow(
      `field to of ${ruleType} passes the security-group gate, but a field cannot open a gate yet; draw the gated edge in the row's edges (gates.ts \`gated\`).`,
    );
  });

  test("a field counts only while its `when` holds", () => {
    const copy = to({ when: (props) => props.enabled === true });
    expect(view("storage-replication", copy, { enabled: true, to: "cn-hongkong" })).toEqual([
      outside("to", "cn-hongkong (outside CN, in HK)"),
    ]);
    expect(view("storage-replication", copy, { enabled: false, to: "cn-hongkong" })).toEqual([]);
  });

  test("a value counts only where its holder satisfies `where`", () => {
    const copies = to({
      path: "rules[].to",
      where: (holder) => (holder as { kind?: string }).kind === "copy",
    });
    const props = {
      rules: [
        { kind: "sync", to: "us-east-1" },
        { kind: "copy", to: "cn-hongkong" },
      ],
    };
    expect(view("storage-replication", copies, props)).toEqual([
      outside("rules[1].to", "cn-hongkong (outside CN, in HK)"),
    ]);
  });

  test("a view reports only the fields of its own policy", () => {
    const fields = [to({ policy: "network-links" }), to({ path: "copy" })];
    expect(view("storage-replication", fields, { to: "cn-hongkong", copy: "us-west-1" })).toEqual([
      outside("copy", "us-west-1 (outside CN, in US)"),
    ]);
  });

  test("an ARN of a partition the jurisdiction does not hold is outside, with or without a region", () => {
    const arn = to({ format: "arn" });
    expect(view("storage-replication", arn, { to: "arn:aws:s3:::logs" })).toEqual([
      outside("to", "arn:aws:s3:::logs (partition aws, outside CN)"),
    ]);
    expect(view("storage-replication", arn, { to: "arn:aws:kms:us-east-1:1:key/k" })).toEqual([
      outside("to", "arn:aws:kms:us-east-1:1:key/k (partition aws, outside CN)"),
    ]);
    expect(view("storage-replication", arn, { to: "arn:aws-cn:s3:::logs" })).toEqual([]);
    expect(drawn(arn, { to: "arn:aws:s3:::logs" })).toEqual([
      {
        path: "to",
        outcome: "outside",
        edges: [
          `${label} → aws partition aws (global, outside CN) [outside] (replication, storage-replication: report)`,
        ],
      },
    ]);
    expect(drawn(arn, { to: "arn:aws:kms:us-east-1:1:key/k" })[0].edges).toEqual([
      `${label} → us-east-1 (outside CN, in US) [outside] (replication, storage-replication: report)`,
    ]);
    // The stack's own partition without a region is the resource's own region: no edge.
    expect(drawn(arn, { to: "arn:aws-cn:s3:::logs" })).toEqual([
      { path: "to", outcome: "inside", edges: [] },
    ]);
  });

  test("a link tag names a field of the row, or is refused", () => {
    const model = row(to());
    const r = resource(ruleType, "rule", {});
    const x = new Resolver([r], getJurisdiction("CN"));
    expect(fieldTag(model, "to", resource(ruleType, "rule", { to: "cn-hongkong" }), x)).toEqual({
      policy: "storage-replication",
      local: "report",
      at: { path: "to", verb: "sends data to" },
    });
    expect(() => fieldTag(model, "from", r, x)).toThrow(
      `${ruleType} declares no field from to tag its link with.`,
    );
  });

  test.each<[Format, string]>([
    ["ref", "a ref is resolved by compileRef, not decided here"],
    ["internet", "an internet edge is compiled by compileInternet"],
    ["relation", "a relation is compiled by compileRelation"],
    ["public", "public exposure is compiled by compilePublic"],
    ["global", "a global edge network is compiled by compileGlobal"],
    ["judged", "a row's own reading is compiled by compileJudged"],
    ["grants", "a grant is compiled by compileGrants"],
    ["destination", "a server is compiled by compileDestination"],
  ])("a reference that falls back on a sibling of format %s is refused", (format, why) => {
    const bucket = to({
      path: "destination.bucket",
      format: "ref",
      ref: "oss-bucket",
      fallback: "location",
    });
    const model = row(bucket, to({ path: "destination.location", format }));
    const props = { destination: { bucket: "elsewhere", location: "cn-hongkong" } };
    expect(() => drawn(bucket, props, { model })).toThrow(`field location: ${why}`);
  });
});

describe("a place that may name a resource of the stack", () => {
  const type = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";
  const s3 = 's3 bucket replication config "rule"';
  const arnOfKey = "arn:aws-cn:kms:cn-north-1:1:key/k";
  const keyArn: FieldSpec = {
    path: "to",
    format: "arn",
    ref: "aws-kms-key",
    label: "encrypted by",
    policy: "key-locality",
    verb: "encrypts with",
  };
  const key = resource("aws:kms/key:Key", "k", { arn: arnOfKey });
  const north = providerResource("aws", { region: "cn-north-1" });
  const edge = (to: string, local: string) =>
    `${s3} → ${to} (encrypted by, key-locality: ${local})`;

  test("an ARN of a key of the stack draws the edge to that key, placed by the ARN", () => {
    expect(drawn(keyArn, { to: arnOfKey }, { type, provider: north, others: [key] })).toEqual([
      { path: "to", outcome: "inside", edges: [edge('kms key "k"', "inside")] },
    ]);
    expect(drawn(keyArn, { to: arnOfKey }, { type, provider: north })).toEqual([
      { path: "to", outcome: "inside", edges: [edge("cn-north-1 (inside CN) [inside]", "inside")] },
    ]);
  });

  test("a value not known at preview is the stack's to place, through what it was built from", () => {
    const dependsOn = { to: [key.urn] };
    expect(
      drawn(keyArn, { to: unknown }, { type, provider: north, others: [key], dependsOn }),
    ).toEqual([{ path: "to", outcome: "stack", edges: [edge('kms key "k"', "stack")] }]);
    expect(drawn(keyArn, { to: unknown }, { type, provider: north })).toEqual([
      {
        path: "to",
        outcome: "stack",
        edges: [edge(`unknown (to of ${s3} is not known until deployed) [unknown]`, "stack")],
      },
    ]);
    const aws = providerOf("aws", "bj", { region: "cn-north-1" });
    expect(view("key-locality", keyArn, { to: unknownText }, { type, provider: aws })).toEqual([]);
    expect(
      view(
        "key-locality",
        { ...keyArn, ref: undefined },
        { to: unknownText },
        { type, provider: aws },
      ),
    ).toEqual([
      {
        message: `${s3} must name a place the pack can check, but to is not known before deployment (an output of another resource, or the answer of a lookup), so whether it leaves CN cannot be decided at preview. Set it from a literal value or a resource of this program, or waive the finding after review.`,
        path: ["cn-north-1 (inside CN)", s3, "to (unknown at preview)"],
        undecided: true,
      },
    ]);
  });
});

describe("a reference the stack does not hold", () => {
  const type = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";
  const s3 = 's3 bucket replication config "rule"';
  const key = (value: unknown) => ({ to: value });
  const ref: FieldSpec = {
    path: "to",
    format: "ref",
    ref: "aws-kms-key",
    label: "encrypted by",
    policy: "key-locality",
    verb: "encrypts with",
  };
  const edgeTo = (place: string) =>
    `${s3} → ${place} (encrypted by, key-locality: stack, unresolved)`;
  const north = providerResource("aws", { region: "cn-north-1" });

  test.each<[string, unknown, string]>([
    [
      "an ARN of another partition",
      "arn:aws:kms:us-east-1:1:key/k",
      "us-east-1 (outside CN, in US) [outside]",
    ],
    [
      "an ARN of another partition without a region",
      "arn:aws:kms::1:key/k",
      "aws partition aws (global, outside CN) [outside]",
    ],
    [
      "an ARN of a region inside",
      "arn:aws-cn:kms:cn-north-1:1:key/k",
      "cn-north-1 (inside CN) [inside]",
    ],
    [
      "an ARN of the own partition without a region",
      "arn:aws-cn:kms::1:key/k",
      `unknown (KMS key "arn:aws-cn:kms::1:key/k" of ${s3} is not in this stack) [unknown]`,
    ],
    ["an identifier", "k-1", `unknown (KMS key "k-1" of ${s3} is not in this stack) [unknown]`],
  ])(
    "%s draws the edge to the place the ARN says, else to an unknown one",
    (_name, value, place) => {
      expect(drawn(ref, key(value), { type, provider: north })).toEqual([
        { path: "to", outcome: "stack", edges: [edgeTo(place)] },
      ]);
    },
  );
});

describe("a membership that flows both ways", () => {
  const type = "alicloud:kvstore/instance:Instance";
  const kv = (name: string) => `kvstore instance "${name}"`;
  const member: FieldSpec = {
    path: "globalInstanceId",
    format: "ref",
    ref: "tair-global-instance",
    both: true,
    label: "replication",
    policy: "database-replicas",
    verb: "replicates data with",
  };
  const both = (a: string, b: string) => [
    `${a} → ${b} (replication, database-replicas: stack)`,
    `${b} → ${a} (replication, database-replicas: stack)`,
  ];
  const first = { id: "r-first", globalInstanceId: "r-first" };

  test("a member named by its own ID names the other member that carries it", () => {
    const second = resource(type, "second", { id: "r-second", globalInstanceId: "r-first" });
    expect(drawn(member, first, { type, others: [second] })).toEqual([
      { path: "globalInstanceId", outcome: "stack", edges: both(kv("rule"), kv("second")) },
    ]);
  });

  test("or the member its value was computed from", () => {
    const second = resource(type, "second", { id: "r-second" });
    const dependsOn = { globalInstanceId: [second.urn] };
    expect(drawn(member, first, { type, others: [second], dependsOn })).toEqual([
      { path: "globalInstanceId", outcome: "stack", edges: both(kv("rule"), kv("second")) },
    ]);
  });

  test("a group of one member names no peer of the stack", () => {
    const other = resource("alicloud:oss/bucket:Bucket", "other", { bucket: "r-first" });
    expect(drawn(member, first, { type, others: [other] })).toEqual([
      {
        path: "globalInstanceId",
        outcome: "stack",
        edges: [
          `${kv("rule")} → unknown (Tair global distributed cache "r-first" of ${kv("rule")} is not in this stack) [unknown] (replication, database-replicas: stack, unresolved)`,
        ],
      },
    ]);
  });

  test("a place at the far end takes one edge outward, an inbound copy both", () => {
    const region: FieldSpec = { ...member, format: "region", ref: undefined };
    const hk = "cn-hongkong (outside CN, in HK) [outside]";
    expect(drawn(region, { globalInstanceId: "cn-hongkong" }, { type })[0].edges).toEqual([
      `${kv("rule")} → ${hk} (replication, database-replicas: report)`,
    ]);
    expect(
      drawn({ ...region, inbound: true }, { globalInstanceId: "cn-hongkong" }, { type })[0].edges,
    ).toEqual([
      `${kv("rule")} → ${hk} (replication, database-replicas: report)`,
      `${hk} → ${kv("rule")} (replication, database-replicas: report)`,
    ]);
  });
});

describe("policies judged by the tables", () => {
  const meta = {
    name: "internet-egress",
    description: "Checks whether resources open an edge to the internet.",
    severity: "high",
    remediationSteps: "Remove the edge.",
  } as const;
  const type = "alicloud:ess/scalingConfiguration:ScalingConfiguration";
  const launch = 'ess scaling configuration "launch"';

  test("a table policy reports the view of the pack's own rows", () => {
    const policy = tablePolicy(meta);
    const at = (props: Record<string, unknown>) =>
      runResourcePolicy(policy, policyResource(type, "launch", props, { provider: shanghai }), {
        jurisdiction: "CN",
      });
    expect(at({ internetMaxBandwidthOut: 5 })).toEqual([
      `${launch} must not open an edge to the internet, but internetMaxBandwidthOut is 5: every instance the scaling group launches gets a public IP address. Set internetMaxBandwidthOut to 0.\npath: ${launch} → the internet (any country)`,
    ]);
    expect(at({ internetMaxBandwidthOut: 0 })).toEqual([]);
  });

  test("a view finds nothing on a row without a field of its policy", () => {
    const internet: FieldSpec = {
      path: "publicIp",
      format: "internet",
      label: "public address",
      policy: "internet-egress",
      verb: "gives the rule a public address",
    };
    const owners: PolicyName[] = ["public-exposure", "global-services", "kubernetes-egress"];
    expect(owners.map((policy) => view(policy, internet, { publicIp: true }))).toEqual([
      [],
      [],
      [],
    ]);
    expect(view("internet-egress", { ...internet, policy: "public-exposure" }, {})).toEqual([]);
  });

  test("the views read the pack's own rows unless given a table", () => {
    const ctx = context("CN");
    const at = (type: string, props: Record<string, unknown>) => subject(props, { type });
    const bucket = 'oss bucket "rule"';
    expect(internetView(at(type, { internetMaxBandwidthOut: 5 }), ctx).map((f) => f.path)).toEqual([
      [`ess scaling configuration "rule"`, "the internet (any country)"],
    ]);
    expect(publicView(at("alicloud:oss/bucket:Bucket", { acl: "public-read" }), ctx)).toEqual([
      {
        message: `${bucket} must not be reachable from the internet, but acl is "public-read": every object is readable from the internet. Set acl to "private" and remove statements that allow everyone.`,
        path: ["the internet", bucket],
      },
    ]);
    expect(publicView(at("alicloud:oss/bucket:Bucket", { acl: "private" }), ctx)).toEqual([]);
    expect(
      globalView(
        at("alicloud:oss/bucket:Bucket", { transferAcceleration: { enabled: true } }),
        ctx,
      ),
    ).toEqual([
      {
        message: `${bucket} must not serve the stack's data from outside CN, but transferAcceleration.enabled is true: clients anywhere reach the bucket through the global acceleration network. Turn transfer acceleration off.`,
        path: [bucket, "OSS transfer acceleration network outside the jurisdiction"],
      },
    ]);
    const pv = at("kubernetes:core/v1:PersistentVolume", {
      spec: { nfs: { server: "203.0.113.5" } },
    });
    expect(kubernetesView(pv, ctx).map((f) => f.path)).toEqual([
      ['k8s persistentvolume "rule"', "203.0.113.5 (NFS server)"],
    ]);
    expect(grantView(at("test:none/none:None", {}), ctx)).toEqual([]);
  });

  test("a stack policy is moved onto no row", () => {
    const stack: StackValidationPolicy = {
      name: "named-destinations",
      description: "Checks whether names resolve inside.",
      validateStack: (_args, report) => report("judged over the stack"),
    };
    const moved = viewedPolicy(stack, {});
    expect(moved).toBe(stack);
    expect(runStackPolicy(moved, [], {})).toEqual([
      { message: "judged over the stack", urn: undefined },
    ]);
  });

  test("a resource policy moved onto a row of internet-egress reports the view there", () => {
    const own = residencyResourcePolicy({
      ...meta,
      validate: (args, ctx) => ctx.report({ message: `${args.name} by its own code.`, path: [] }),
    });
    const table: TypeTable = {
      [ruleType]: row({
        path: "publicIp",
        format: "internet",
        opens: "true",
        label: "public address",
        policy: "internet-egress",
        verb: "gives the rule a public address",
      }),
    };
    const policy = viewedPolicy(own, table);
    const at = (type: string, props: Record<string, unknown>) =>
      runResourcePolicy(policy, policyResource(type, "rule", props, { provider: shanghai }), {
        jurisdiction: "CN",
      });
    expect(at(ruleType, { publicIp: true })).toEqual([
      `${label} must not open an edge to the internet, but publicIp is true: gives the rule a public address. Fix it.\npath: ${label} → the internet (any country)`,
    ]);
    expect(at(ruleType, { publicIp: false })).toEqual([]);
    expect(at(type, { internetMaxBandwidthOut: 5 })).toEqual(["rule by its own code."]);
  });
});
