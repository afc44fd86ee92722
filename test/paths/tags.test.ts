/**
 * Every named policy is a view of the one graph (issue 11): an edge a row of the type tables
 * tags with a policy, and a verdict of "report" from the resource alone, is that policy's finding
 * on the resource — so no-path-out-of-jurisdiction can leave its crossing alone — and every
 * value a view reports from a resource is an edge of the graph, tagged with that view's policy.
 * Each block runs the whole pack and the graph on the same inputs (the border fixtures, the
 * policy-aws and policy-alicloud plans, the probes and each domain's inputs in this folder) and
 * pins what the inputs make the rows draw, so a tag that goes missing is a diff here.
 */
import type {
  ResourceValidation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidation,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import type { Plan } from "../../engine/plan";
import { analyzeBorder, type BorderResource, edgeText, fromPlan } from "../../policy/paths";
import { resourceLabel } from "../../policy/paths/describe";
import { analyzeGraph, typeRows } from "../../policy/paths/graph";
import type { TaggedEdge, TypeTable } from "../../policy/paths/model";
import { byType, tables } from "../../policy/paths/types";
import { policies } from "../../policy/policies";
import { borderFixtures, evaluateFixtures, plantAllowlist } from "../border/pack";
import {
  oracleBorderResources,
  oracleInputsOf,
  type OracleResource,
  type OracleSettings,
  policyResources,
  runNamed,
  unknownAtPreview,
} from "../helpers/model-oracle";
import { fixturePlan } from "../helpers/policy-plan";
import { oregonSettings, shanghaiSettings } from "../helpers/policy-session";
import { clusterCases } from "./clusters-inputs";
import { exposureCases } from "./exposure-inputs";
import { gateCases, ruleShapes } from "./gates-inputs";
import { exposedRowCases, grantCases } from "./grants-inputs";
import { kubernetesCases } from "./kubernetes-inputs";
import { probeCases } from "./probe-inputs";
import { routesCases } from "./routes-inputs";

// The runtime's proxy is internal to @pulumi/policy; it turns the unknown marker into a value
// not known at preview, as the engine hands such values to a policy.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { unknownCheckingProxy } = require("@pulumi/policy/proxy") as {
  unknownCheckingProxy: <T extends object>(o: T) => T;
};

/** The graph of the type tables over `resources`, with the label of each node by id. */
function graphOf(
  resources: readonly BorderResource[],
  jurisdiction: OracleSettings["jurisdiction"],
  egressAllowlist: OracleSettings["egressAllowlist"] = [],
) {
  const { graph, analysis } = analyzeGraph(
    resources,
    jurisdiction,
    { egressAllowlist: egressAllowlist ?? [] },
    typeRows(byType),
  );
  return { graph, analysis, label: new Map(analysis.nodes.map((n) => [n.id, n.label])) };
}

let border: Record<string, { crossing: Plan; sealed: Plan }>;
let aws: Plan;
let alicloud: Plan;
beforeAll(async () => {
  [border, aws, alicloud] = await Promise.all([
    evaluateFixtures(borderFixtures),
    fixturePlan("policy-aws", "us"),
    fixturePlan("policy-alicloud", "cn"),
  ]);
}, 120_000);

const policy = (name: string) => policies.find((p) => p.name === name) as (typeof policies)[number];

/** The fixture plans as the graph reads them, each also judged from the other side of a border. */
function plans(): Array<[string, BorderResource[], OracleSettings]> {
  const cn = { jurisdiction: "CN", egressAllowlist: plantAllowlist };
  return [
    ...borderFixtures.flatMap((name) =>
      (["crossing", "sealed"] as const).map((stack): [string, BorderResource[], OracleSettings] => [
        `border ${name}/${stack}`,
        fromPlan(border[name][stack]),
        cn,
      ]),
    ),
    ["policy-aws", fromPlan(aws), oregonSettings as OracleSettings],
    ["policy-alicloud", fromPlan(alicloud), shanghaiSettings as OracleSettings],
    ["policy-aws under CN", fromPlan(aws), { jurisdiction: "CN" }],
    ["policy-alicloud under US", fromPlan(alicloud), { jurisdiction: "US" }],
  ];
}

let fixtureInputsMade: Array<[string, OracleResource[], OracleSettings]> | undefined;

/**
 * The probes, the fixture plans (both twins) and the policy plans, as the pack takes them: made
 * once, so that the tests that read them share their analyses (`analysed`).
 */
function fixtureInputs(): Array<[string, OracleResource[], OracleSettings]> {
  fixtureInputsMade ??= makeFixtureInputs();
  return fixtureInputsMade;
}

function makeFixtureInputs(): Array<[string, OracleResource[], OracleSettings]> {
  const cn = { jurisdiction: "CN", egressAllowlist: plantAllowlist };
  return [
    ...probeCases.map((c): [string, OracleResource[], OracleSettings] => [
      `probe ${c.id}: ${c.title}`,
      [...c.specs],
      c.settings,
    ]),
    ["policy-aws", oracleInputsOf(aws), oregonSettings as OracleSettings],
    ["policy-alicloud", oracleInputsOf(alicloud), shanghaiSettings as OracleSettings],
    ["policy-aws under CN", oracleInputsOf(aws), { jurisdiction: "CN" }],
    ["policy-alicloud under US", oracleInputsOf(alicloud), { jurisdiction: "US" }],
    ...borderFixtures.flatMap((name) =>
      (["crossing", "sealed"] as const).map((stack): [string, OracleResource[], OracleSettings] => [
        `border ${name}/${stack}`,
        oracleInputsOf(border[name][stack]),
        cn,
      ]),
    ),
  ];
}

/** Named cases of a domain's inputs, prefixed like the probes. */
const probes = (
  cases: ReadonlyArray<readonly [string, OracleResource[], OracleSettings]>,
): Array<[string, OracleResource[], OracleSettings]> =>
  cases.map(([name, specs, settings]) => [`probe ${name}`, specs, settings]);

/**
 * The resource a finding's message names, for messages written `${prefix}${name}: …`: looked up
 * by name instead of testing every resource against every message, which the shapes (thousands
 * of resources and findings) would make quadratic. Several resources may share a name.
 */
function namedBy(
  resources: readonly OracleResource[],
  prefix = "",
): (message: string) => readonly OracleResource[] {
  const byName = new Map<string, OracleResource[]>();
  for (const r of resources) {
    byName.set(r.name, [...(byName.get(r.name) ?? []), r]);
  }
  return (message) => {
    const end = message.startsWith(prefix) ? message.indexOf(": ", prefix.length) : -1;
    return end < 0 ? [] : (byName.get(message.slice(prefix.length, end)) ?? []);
  };
}

/** Props the runtime's proxy wraps: a copy made in this realm, which structuredClone's is not. */
const proxied = (props?: Record<string, unknown>) =>
  unknownCheckingProxy(JSON.parse(JSON.stringify(props ?? {})) as Record<string, unknown>);

/** The messages `pack` reports, each `<policy> <resource name or URN>: <message>`, sorted. */
function rawMessages(
  pack: readonly (typeof policies)[number][],
  resources: readonly OracleResource[],
  settings: OracleSettings,
): string[] {
  const config = {
    jurisdiction: settings.jurisdiction,
    egressAllowlist: settings.egressAllowlist ?? [],
    waivers: settings.waivers ?? [],
  };
  const out: string[] = [];
  const args = policyResources(resources, proxied);
  for (const p of pack) {
    // Unknown values fail closed, as the offline engine configures the pack.
    const getConfig = () => ({ unknownAtPreview: "fail", ...config });
    if ("validateResource" in p && typeof p.validateResource === "function") {
      for (const r of args) {
        const validate = p.validateResource as ResourceValidation;
        validate({ ...r, getConfig } as unknown as ResourceValidationArgs, (m) =>
          out.push(`${p.name} ${r.name}: ${m}`),
        );
      }
    }
    if ("validateStack" in p && typeof p.validateStack === "function") {
      const validate = p.validateStack as StackValidation;
      validate({ resources: args, getConfig } as unknown as StackValidationArgs, (m, urn) =>
        out.push(`${p.name} ${urn ?? "stack"}: ${m}`),
      );
    }
  }
  return out.sort();
}

/** The messages one resource policy reports, resource by resource: `<name>: <message>`. */
function resourceMessages(
  view: ResourceValidationPolicy | StackValidationPolicy,
  resources: readonly OracleResource[],
  settings: OracleSettings,
): string[] {
  const config = {
    jurisdiction: settings.jurisdiction,
    egressAllowlist: settings.egressAllowlist ?? [],
    waivers: [],
  };
  const urn = (r: OracleResource) => `urn:pulumi:oracle::p::${r.type}::${r.name}`;
  return resources.flatMap((r) => {
    const out: string[] = [];
    const provider = resources.find((p) => p.name === r.provider);
    const args = {
      type: r.type,
      name: r.name,
      urn: urn(r),
      props: proxied(r.props),
      provider: provider && {
        type: provider.type,
        name: provider.name,
        urn: urn(provider),
        props: proxied(provider.props),
      },
      // Unknown values fail closed, as the offline engine configures the pack.
      getConfig: () => ({ unknownAtPreview: "fail", ...config }),
    };
    if ("validateStack" in view) {
      // A stack policy judging each resource alone (internet-egress: an exit no other links).
      const validateStack = view.validateStack as StackValidation;
      const { getConfig, ...resource } = args;
      const stack = { resources: [{ ...resource, dependencies: [], propertyDependencies: {} }] };
      validateStack({ ...stack, getConfig } as unknown as StackValidationArgs, (m) =>
        out.push(`${r.name}: ${m}`),
      );
      return out;
    }
    const validate = (view as ResourceValidationPolicy).validateResource as ResourceValidation;
    validate(args as unknown as ResourceValidationArgs, (m) => out.push(`${r.name}: ${m}`));
    return out;
  });
}

/** `props` with `value` at a dotted path; `a[].b` holds one element. */
function shape(path: string, value: unknown): Record<string, unknown> {
  // A `\.` is a dot inside a key (an annotation's `nginx.ingress.kubernetes.io/auth-url`).
  const [head, ...rest] = path.split(/(?<!\\)\./).map((k) => k.replaceAll("\\.", "."));
  const inner =
    rest.length === 0 ? value : shape(rest.map((k) => k.replaceAll(".", "\\.")).join("."), value);
  return head.endsWith("[]") ? { [head.slice(0, -2)]: [inner] } : { [head]: inner };
}

/** Two shapes as one: objects key by key, lists element by element. */
function combine(a: unknown, b: unknown): unknown {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.map((x, i) => (i < b.length ? combine(x, b[i]) : x));
  }
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
    for (const [k, v] of Object.entries(b)) {
      out[k] = k in out ? combine(out[k], v) : v;
    }
    return out;
  }
  return b;
}

interface Analysed {
  readonly settings: OracleSettings;
  readonly resources: BorderResource[];
  readonly graph: ReturnType<typeof analyzeGraph>["graph"];
  /** The whole pack's findings, in process. */
  readonly findings: ReturnType<typeof runNamed>;
}

const analyses = new WeakMap<readonly OracleResource[], Analysed>();

/** The graph and the pack's findings of an input, analysed once for every test that reads them. */
function analysed(specs: readonly OracleResource[], settings: OracleSettings): Analysed {
  const hit = analyses.get(specs);
  if (hit?.settings === settings) {
    return hit;
  }
  const resources = oracleBorderResources(specs);
  const { graph } = graphOf(resources, settings.jurisdiction, settings.egressAllowlist);
  const made = { settings, resources, graph, findings: runNamed(specs, settings) };
  analyses.set(specs, made);
  return made;
}

/**
 * The tagged edges the rows' own code draws (`edges`) on the resources of `types`, sorted by
 * whether the tagging policy reports the resource that draws them, as
 * `<input>: <from> -[<label>]-> <to>: <policy> <path>`, and the labels of the untagged ones.
 * Edges whose verdict from the resource alone is not "report" are left out, or with `onlyReport`
 * count as unreported.
 */
function reportTags(
  inputs: ReadonlyArray<readonly [string, OracleResource[], OracleSettings]>,
  types: (type: string) => boolean,
  onlyReport = false,
): { reported: string[]; unreported: string[]; untagged: Set<string> } {
  const reported: string[] = [];
  const unreported: string[] = [];
  const untagged = new Set<string>();
  for (const [name, specs, settings] of inputs) {
    const { resources, graph, findings } = analysed(specs, settings);
    const x = graph.resolver;
    const label = (e: BorderResource | { label: string }) => ("urn" in e ? x.label(e) : e.label);
    for (const r of resources.filter((r) => types(r.type))) {
      for (const e of byType[r.type].edges?.(r, x) ?? []) {
        const tag = e as TaggedEdge;
        if (tag.policy === undefined) {
          untagged.add(e.label);
          continue;
        }
        const text = `${name}: ${label(e.from)} -[${e.label}]-> ${label(e.to)}: ${tag.policy} ${tag.at?.path}`;
        if (tag.local !== "report") {
          if (onlyReport) {
            unreported.push(`${text} (${tag.local})`);
          }
          continue;
        }
        // The finding is on the resource, or on the chain it is a link of (internet-egress
        // reports a way out once, on its first link, with every link in its path).
        const own = resourceLabel(r.type, r.name);
        const on = findings.some(
          ([p, n, , path]) => p === tag.policy && (n === r.name || (path ?? []).includes(own)),
        );
        (on ? reported : unreported).push(text);
      }
    }
  }
  return { reported, unreported, untagged };
}

/** The rows that draw a VPC's ways out with the rest of the stack (types/routes.ts). */
const wayOut = new Set([
  "alicloud:vpc/network:Network",
  "alicloud:vpc/switch:Switch",
  "alicloud:vpc/routeEntry:RouteEntry",
  "alicloud:vpc/vPCRouteEntry:VPCRouteEntry",
  "alicloud:vpc/natGateway:NatGateway",
  "alicloud:ecs/eipAddress:EipAddress",
  "alicloud:ecs/eip:Eip",
  "alicloud:vpc/ipv4Gateway:Ipv4Gateway",
  "alicloud:vpc/ipv6Gateway:Ipv6Gateway",
  "alicloud:ecs/instance:Instance",
  "aws:ec2/vpc:Vpc",
  "aws:ec2/subnet:Subnet",
  "aws:ec2/route:Route",
  "aws:ec2/routeTable:RouteTable",
  "aws:ec2/defaultRouteTable:DefaultRouteTable",
  "aws:ec2/natGateway:NatGateway",
  "aws:ec2/eip:Eip",
  "aws:ec2/eipAssociation:EipAssociation",
  "aws:ec2/internetGateway:InternetGateway",
  "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway",
  "aws:ec2/instance:Instance",
]);

describe("the routes, gateways, addresses and instances of the network and egress tables", () => {
  test("tag each way out with the field whose policy reports it from the resource alone", () => {
    const { reported, unreported } = reportTags([...fixtureInputs(), ...probes(routesCases)], (t) =>
      wayOut.has(t),
    );
    expect(unreported).toEqual([]);
    // On the NAT fixture and the route inputs: every edge into the internet, and every edge of
    // the chain that leads there, is the finding of the resource whose row draws it. A route's
    // edge carries its own destination's verdict (a private route's is "inside", so it is not
    // listed); the IPv6 gateway's own edge stays untagged: no policy judges the gateway itself.
    expect(reported.filter((e) => /^(border nat|probe routes)/.test(e))).toEqual([
      'border nat/crossing: nat gateway "core-nat" -[eip association]-> eip "core-nat-eip": internet-egress networkType',
      'border nat/crossing: eip "core-nat-eip" -[public address]-> the public internet: internet-egress bandwidth',
      'border nat/crossing: internet-bound traffic of vpc "core" -[route]-> nat gateway "core-nat": internet-egress destinationCidrblock',
      'border nat/sealed: nat gateway "core-nat" -[eip association]-> eip "core-nat-eip": internet-egress networkType',
      'border nat/sealed: eip "core-nat-eip" -[public address]-> the public internet: internet-egress bandwidth',
      'border nat/sealed: internet-bound traffic of vpc "core" -[route]-> nat gateway "core-nat": internet-egress destinationCidrblock',
      'probe routes alicloud: nat gateway "nat" -[eip association]-> eip "nat-eip": internet-egress networkType',
      'probe routes alicloud: eip "nat-eip" -[public address]-> the public internet: internet-egress bandwidth',
      'probe routes alicloud: internet-bound traffic of vpc "core" -[route]-> nat gateway "nat-bare": internet-egress networkType',
      'probe routes alicloud: nat gateway "nat-bare" -[public address]-> the public internet: internet-egress networkType',
      'probe routes alicloud: internet-bound traffic of vpc "core" -[route]-> nat gateway "nat": internet-egress destinationCidrblock',
      'probe routes alicloud: vpc ipv4 gateway "ipv4" -[public address]-> the public internet: internet-egress enabled',
      'probe routes alicloud: internet-bound traffic of vpc "core" -[route]-> vpc ipv4 gateway "ipv4": internet-egress destinationCidrBlock',
      'probe routes alicloud: internet-bound traffic of vpc "core" -[route]-> vpc ipv6 gateway "ipv6": internet-egress destinationCidrBlock',
      'probe routes alicloud: vpc "core" -[route]-> ecs instance "vm-private": network-links nextHops[].nextHopRegionId',
      'probe routes alicloud: ecs instance "vm" -[public address]-> the public internet: internet-egress internetMaxBandwidthOut',
      'probe routes alicloud: eip "vm-eip" -[public address]-> the public internet: internet-egress bandwidth',
      'probe routes aws: internet gateway "igw" -[public address]-> the public internet: internet-egress vpcId',
      'probe routes aws: ec2 egress only internet gateway "eigw" -[public address]-> the public internet: internet-egress vpcId',
      'probe routes aws: eip "nat-eip" -[public address]-> the public internet: internet-egress domain',
      'probe routes aws: nat gateway "nat" -[eip association]-> eip "nat-eip": internet-egress connectivityType',
      'probe routes aws: internet-bound traffic of vpc "core" -[route]-> internet gateway "igw": internet-egress routes[1].cidrBlock',
      'probe routes aws: internet-bound traffic of vpc "core" -[route]-> ec2 egress only internet gateway "eigw": internet-egress routes[2].ipv6CidrBlock',
      'probe routes aws: internet-bound traffic of vpc "core" -[route]-> nat gateway "nat": internet-egress destinationCidrBlock',
      'probe routes aws: ec2 instance "vm-default" -[public address]-> the public internet: internet-egress subnetId',
      'probe routes aws: eip "vm-eip" -[public address]-> the public internet: internet-egress domain',
      'probe routes aws: ec2 instance "vm" -[eip association]-> eip "vm-eip": internet-egress allocationId',
    ]);
  });
});

describe("the cluster rows of the egress and kubernetes tables", () => {
  const clusters = new Set([
    "alicloud:cs/managedKubernetes:ManagedKubernetes",
    "alicloud:cs/kubernetes:Kubernetes",
    "alicloud:cs/serverlessKubernetes:ServerlessKubernetes",
    "alicloud:cs/nodePool:NodePool",
    "aws:eks/cluster:Cluster",
  ]);

  test("tag each exit with the internet field that opens it, and nothing else", () => {
    const { reported, unreported, untagged } = reportTags(
      [...fixtureInputs(), ...probes(kubernetesCases), ...probes(clusterCases)],
      (t) => clusters.has(t),
      true,
    );
    expect(unreported).toEqual([]);
    // The node network is structure: the cluster in its subnets, the subnets into a pool.
    expect([...untagged].sort()).toEqual(["attachment", "nodes in"]);
    expect(reported.filter((e) => e.startsWith("probe "))).toEqual([
      'probe kubernetes ack: internet-bound traffic of vpc "core" -[route]-> ack cluster "ack": internet-egress newNatGateway',
      'probe kubernetes ack: ack cluster "ack" -[public address]-> the public internet: internet-egress newNatGateway',
      'probe clusters alicloud: internet-bound traffic of vpc "core" -[route]-> ack cluster "ack": internet-egress newNatGateway',
      'probe clusters alicloud: ack cluster "ack" -[public address]-> the public internet: internet-egress newNatGateway',
      'probe clusters alicloud: internet-bound traffic of vpc "core" -[route]-> cs serverless kubernetes "serverless": internet-egress newNatGateway',
      'probe clusters alicloud: cs serverless kubernetes "serverless" -[public address]-> the public internet: internet-egress newNatGateway',
      'probe clusters alicloud: ack node pool "pool-public" -[public address]-> the public internet: internet-egress internetMaxBandwidthOut',
      'probe clusters alicloud: ack node pool "pool-eip" -[public address]-> the public internet: internet-egress scalingConfig.isBondEip',
      'probe clusters alicloud: ack node pool "pool-unknown" -[public address]-> the public internet: internet-egress internetMaxBandwidthOut',
      'probe clusters alicloud: ack node pool "pool-eip-unknown" -[public address]-> the public internet: internet-egress scalingConfig.isBondEip',
    ]);
  });
});

describe("the kubernetes and deployment bundles tables", () => {
  test("tag exactly the edges a Kubernetes policy reports from the objects alone", () => {
    const tagged: string[] = [];
    const unreported: string[] = [];
    for (const [name, specs, settings] of kubernetesCases) {
      const { graph, findings } = analysed(specs, settings);
      const label = new Map(graph.nodes.map((n) => [n.id, n.label]));
      for (const e of graph.edges) {
        const tag = graph.tags.get(e);
        const from = graph.resolver.get(e.from);
        if (!tag || !from || !(from.type in tables.kubernetes || from.type in tables.bundles)) {
          continue;
        }
        const text = `${name}: ${label.get(e.from)} -[${edgeText(e)}]-> ${label.get(e.to)}`;
        tagged.push(`${text}: ${tag.policy} ${tag.local}`);
        // The policy reports the object the edge goes through (the NetworkPolicy, the Service)
        // or, without one, the object itself (the release).
        const subject = e.via?.name ?? from.name;
        if (!findings.some(([p, r]) => p === tag.policy && r === subject)) {
          unreported.push(text);
        }
      }
    }
    expect(unreported).toEqual([]);
    expect(tagged).toEqual([
      'kubernetes ack: k8s namespace "app" -[allowed egress "api-egress" (203.0.113.0/24 udp 500; partner API)]-> the public internet: kubernetes-egress report',
      'kubernetes ack: k8s namespace "app" -[allowed egress "api-egress" (198.51.100.0/24 all traffic; partner API)]-> the public internet: kubernetes-egress report',
      'kubernetes ack: k8s namespace "app" -[allowed egress "api-egress" (every address, tcp 8080-8090; partner API)]-> the public internet: kubernetes-egress report',
      'kubernetes ack: k8s namespace "app" -[allowed egress "api-egress" (to[0]; partner API)]-> unknown (to[0] of k8s networkpolicy "api-egress" is not known until deployed): kubernetes-egress report',
      'kubernetes ack: k8s deployment "api" -[public load balancer "api-lb" (no internal-load-balancer annotation of its cluster\'s cloud)]-> the public internet: kubernetes-service-exposure report',
      'kubernetes ack: k8s daemonset "agent" -[public load balancer "agent-svc" (its type or annotations are not known until deployed)]-> the public internet: kubernetes-service-exposure report',
      'kubernetes ack: k8s release "ingress-nginx" -[attachment]-> unknown (the objects inside k8s release "ingress-nginx" are not visible to policies): helm-releases report',
      'kubernetes eks: k8s statefulset "cache" -[public load balancer "cache-public" (its type or annotations are not known until deployed)]-> the public internet: kubernetes-service-exposure report',
    ]);
  });
});

describe("kubernetes-egress over the servers the kubernetes table's rows declare", () => {
  const settings: OracleSettings = {
    jurisdiction: "US",
    egressAllowlist: [{ cidr: "198.51.100.0/24", protocol: "tcp", ports: [2049], reason: "nfs" }],
  };
  const values: unknown[] = [
    "203.0.113.7",
    "203.0.113.7:6789",
    "10.30.4.5",
    "10.30.4.5:3260",
    "[2001:db8::1]:3260",
    "[fd00::1]:3260",
    "198.51.100.10",
    "100.64.1.1",
    "nfs.example.com",
    "nfs.records.svc.cluster.local",
    "https://203.0.113.9/gateway",
    "https://10.30.4.9:8443/gateway",
    "not a url",
    "10.30.4.5, 203.0.113.8",
    "",
    5,
    unknownAtPreview,
  ];

  /** The rows with servers, and every field of each set to each kind of value. */
  /**
   * What an object of a kind whose servers are destinations only under a condition (a field's
   * `when`) carries to meet it: a Secret is a mesh's remote cluster only when labelled so. Laid
   * over the object, or over each entry of a List.
   */
  const conditions: Readonly<Record<string, Record<string, unknown>>> = {
    "kubernetes:core/v1:Secret": { metadata: { labels: { "istio/multiCluster": "true" } } },
  };
  function holding(type: string, props: Record<string, unknown>): Record<string, unknown> {
    const mark = conditions[type.replace(/(List|Patch)$/, "")];
    if (mark === undefined) {
      return props;
    }
    return type.endsWith("List") && Array.isArray(props.items)
      ? { ...props, items: props.items.map((item) => ({ ...(item as object), ...mark })) }
      : { ...props, ...mark };
  }
  function shapes(): OracleResource[] {
    const rows = Object.entries(tables.kubernetes).filter(([, m]) =>
      (m.fields ?? []).some((f) => f.format === "destination"),
    );
    // Kinds that keep their pod template at the same place share their fields: every value on
    // the first of them, a public and an unknown one on the others.
    const seen = new Set<string>();
    return rows.flatMap(([type, model]) => {
      const fields = (model.fields ?? []).filter((f) => f.format === "destination");
      const key = fields.map((f) => f.path).join();
      const all = !seen.has(key);
      seen.add(key);
      const props: Record<string, unknown>[] = [{}];
      for (const f of fields) {
        props.push(
          ...(all ? values : ["203.0.113.7", unknownAtPreview]).map((v) => shape(f.path, v)),
        );
        // The list (or the object) that holds the field not known at preview, and a list whose
        // second entry is not.
        const list = f.path.split("[]")[0];
        props.push(shape(list, unknownAtPreview));
        if (f.path.includes("[]")) {
          const [head, leaf] = [
            f.path.slice(0, f.path.indexOf("[]")),
            f.path.slice(f.path.indexOf("[]") + 3),
          ];
          props.push(shape(head, [shape(leaf, "203.0.113.7"), unknownAtPreview]));
        }
      }
      const kind = type.split(":").slice(1).join("-").replace(/[/.]/g, "-");
      return props.map((p, i) => ({
        type,
        name: `${kind}-${i}`,
        props: holding(type, p),
        provider: "kube",
      }));
    });
  }
  const kube: OracleResource = {
    type: "pulumi:providers:kubernetes",
    name: "kube",
    props: { kubeconfig: "apiVersion: v1" },
  };
  /** The shapes and kubernetes-egress's messages on them, judged once for both tests. */
  let judged: { shapes: OracleResource[]; messages: string[] } | undefined;
  const judgedShapes = () => {
    if (judged === undefined) {
      const made = shapes();
      judged = {
        shapes: made,
        messages: rawMessages(
          [policy("kubernetes-egress"), policy("named-destinations")],
          [kube, ...made],
          settings,
        ),
      };
    }
    return judged;
  };

  test("judges every row with servers, each reporting on some of its shapes", () => {
    const specs = [kube, ...judgedShapes().shapes];
    const after = judgedShapes().messages;
    const named = namedBy(specs, "kubernetes-egress ");
    const viewed = new Set(after.flatMap((m) => named(m)).map((r) => r.type));
    expect([...viewed].sort()).toEqual(
      Object.keys(tables.kubernetes)
        .filter((t) => tables.kubernetes[t].fields?.some((f) => f.format === "destination"))
        .sort(),
    );
    // The kinds, as objects, Patches and Lists: workloads, pod templates and presets,
    // PersistentVolumes, volume attachments, webhooks, endpoints, ConfigMaps, Secrets (a mesh's
    // remote clusters), Ingresses; the
    // Prometheus Operator's ServiceMonitors, PodMonitors, Probes, ScrapeConfigs, Prometheuses,
    // PrometheusAgents, ThanosRulers, Alertmanagers and AlertmanagerConfigs (two versions); Istio's VirtualServices, DestinationRules, Sidecars,
    // ServiceEntries, WorkloadEntries and WorkloadGroups (three versions) and AuthorizationPolicies (two);
    // OpenTelemetry's Instrumentations and Collectors (two versions); the External Secrets
    // Operator's SecretStores and ClusterSecretStores (two versions); Traefik's Middlewares (two groups);
    // the Gateway API's HTTP, GRPC, TLS, TCP and UDP routes (nine kinds and versions); Flux's
    // notification Providers (three versions); Velero's BackupStorageLocations and
    // VolumeSnapshotLocations, OADP's DataProtectionApplications, CloudStorages and
    // NonAdminBackupStorageLocations;
    // CloudNativePG's Clusters and the Barman Cloud plugin's ObjectStores; OpenShift's
    // ClusterLogForwarders (two groups); the MariaDB operator's MariaDBs, Backups (two groups),
    // PhysicalBackups, PointInTimeRecoveries, ExternalMariaDBs and MaxScales; Strimzi's Kafkas,
    // KafkaMirrorMaker2s and KafkaBridges (two versions); the Zalando operator's postgresqls and
    // OperatorConfigurations; the Redis operator's servers; Istio's Telemetries (two versions);
    // Strimzi's KafkaConnects and KafkaConnectors (two versions); Argo Rollouts' Rollouts (their
    // pods' volumes, as every workload's); the Secrets Store CSI Driver's SecretProviderClasses
    // (two versions); ECK's Elasticsearches, Kibanas, APM Servers and Enterprise Searches (two
    // versions), Beats, Agents, Logstashes and Elastic Maps Servers (their pod templates'
    // volumes); KEDA's ScaledJobs (their Jobs' pods' volumes) and its
    // CloudEventSources and ClusterCloudEventSources; Knative's Services, Configurations,
    // Revisions, ContainerSources, IntegrationSources and JobSinks (their pods' volumes) and
    // Eventing's fourteen kinds of destinations (an IntegrationSink's AWS services among them);
    // Skupper's Links, AccessTokens, AccessGrants and Connectors, Linkerd's multicluster Links
    // (three versions), Submariner's gateways and service discovery, and the Multi-Cluster
    // Services API's exports and imports (two versions), and Consul's resolvers, exports, sameness
    // groups, mesh services, terminating gateways, peerings, service and proxy defaults and
    // registrations; and the parameters of Gateway API implementations — Envoy Gateway's
    // EnvoyProxies, NGINX Gateway Fabric's NginxProxies, kgateway's GatewayParameters, the Kong
    // Gateway Operator's GatewayConfigurations (two versions) and Contour's ContourDeployments
    // (their collectors, resolvers and proxies' volumes); the Gateway API's TCPRoute of v1; and
    // Envoy Gateway's SecurityPolicies, EnvoyExtensionPolicies, EnvoyPatchPolicies and Backends;
    // Kong's KongPlugins and KongClusterPlugins; and the Datadog Operator's DatadogAgents (as an
    // object, Patch and List).
    expect(viewed.size).toBe(612);
    expect(after.length).toBeGreaterThan(500);
  });

  test("draws an edge to the server for every value it reports, and none for the others", () => {
    const specs = judgedShapes().shapes;
    const resources = oracleBorderResources([kube, ...specs]);
    const { graph } = graphOf(resources, settings.jurisdiction, settings.egressAllowlist);
    const drawn = new Set<string>();
    // A mesh route's host name only the whole stack can place (a ServiceEntry may add it):
    // named-destinations' finding (paths/mesh-hosts.ts).
    const deferred = new Set<string>();
    const notReported: string[] = [];
    for (const e of graph.edges) {
      const tag = graph.tags.get(e);
      const from = graph.resolver.get(e.from);
      if (tag?.policy === "kubernetes-egress" && e.label === "attachment" && from) {
        if (tag.local === "stack" && tag.destination === true) {
          deferred.add(from.name);
          continue;
        }
        if (tag.local !== "report") {
          notReported.push(`${from.name}: ${tag.local}`);
        }
        drawn.add(from.name);
      }
    }
    expect(notReported).toEqual([]);
    const reportedBy = (policy: string) => {
      const named = namedBy(specs, `${policy} `);
      return [
        ...new Set(
          judgedShapes()
            .messages.flatMap((m) => named(m))
            .map((r) => r.name),
        ),
      ];
    };
    expect([...drawn].sort()).toEqual(reportedBy("kubernetes-egress").sort());
    // A stack policy's finding names its resource by URN (`…::<type>::<name>`).
    const stackReported = [
      ...new Set(
        judgedShapes()
          .messages.filter((m) => m.startsWith("named-destinations urn:"))
          .map((m) => m.slice(m.lastIndexOf("::", m.indexOf(": ")) + 2, m.indexOf(": "))),
      ),
    ];
    expect([...deferred].sort()).toEqual(stackReported.sort());
    expect(drawn.size).toBeGreaterThan(200);
    expect(deferred.size).toBeGreaterThan(10);
  });
});

describe("the exposure and edge-services tables", () => {
  test("tag every public grant and acceleration switch they draw with its policy's verdict", () => {
    const tags: string[] = [];
    const inputs: Array<[string, BorderResource[], OracleSettings]> = [
      ...plans(),
      ...[
        ...probeCases.map((c) => [c.id, c.specs, c.settings] as const),
        ...exposureCases.filter(([name]) => !/^(edge services|endpoints)/.test(name)),
      ].map(([name, specs, settings]): [string, BorderResource[], OracleSettings] => [
        `probe ${name}`,
        oracleBorderResources(specs),
        settings,
      ]),
    ];
    for (const [name, resources, settings] of inputs) {
      const { graph, analysis, label } = graphOf(
        resources,
        settings.jurisdiction,
        settings.egressAllowlist,
      );
      tags.push(
        ...analysis.edges
          .filter((e) => e.label === "public access" || e.label === "transfer acceleration")
          .map((e) => {
            const t = graph.tags.get(e);
            return `${name}: ${label.get(e.from)} -[${edgeText(e)}]-> ${label.get(e.to)}: ${t ? `${t.policy} ${t.local}` : "untagged"}`;
          }),
      );
    }
    // Every public grant and acceleration switch the graph draws is its policy's finding (so
    // no-path does not report it again) but where the resource alone cannot tell (listed);
    // grants a block shuts (the "blocked" buckets) draw no edge. In the China partition
    // transfer acceleration stays in China: no edge leaves it.
    expect(tags).toEqual([
      'probe 1: oss bucket "telemetry" -[transfer acceleration "rep"]-> OSS transfer acceleration network (global, outside CN): storage-replication report',
      'probe 1: oss bucket "telemetry" -[transfer acceleration "rep"]-> OSS transfer acceleration network (global, outside CN): storage-replication report',
      'probe 11: s3 bucket "b" -[public access "b-policy" (policy allows everyone)]-> the public internet: public-exposure report',
      'probe exposure alicloud: oss bucket "open" -[public access (public-read)]-> the public internet: public-exposure report',
      'probe exposure alicloud: oss bucket "open-policy" -[public access "open-policy" (policy allows everyone)]-> the public internet: public-exposure report',
      'probe exposure alicloud: oss bucket "private" -[public access "policy" (policy allows everyone)]-> the public internet: public-exposure report',
      'probe exposure alicloud: oss bucket "private" -[public access "acl" (PUBLIC-READ-WRITE)]-> the public internet: public-exposure report',
      'probe exposure aws: s3 bucket "open" -[public access (authenticated-read)]-> the public internet: public-exposure report',
      'probe exposure aws: s3 bucket "granted" -[public access (grant to all users)]-> the public internet: public-exposure report',
      'probe exposure aws: s3 bucket v2 "v2" -[public access "v2" (policy allows everyone)]-> the public internet: public-exposure report',
      'probe exposure aws: s3 bucket "private" -[public access "policy" (policy allows everyone)]-> the public internet: public-exposure report',
      'probe exposure aws: s3 bucket "private" -[public access "acl" (grant to all users)]-> the public internet: public-exposure report',
      // public-exposure does not judge the V2 ACL resource, nor global-services the V2
      // acceleration resource: their edges stay no-path's finding.
      'probe exposure aws: s3 bucket v2 "v2-pinned" -[public access "acl-v2" (public-read)]-> the public internet: untagged',
      'probe exposure aws: s3 bucket "private" -[public access "ap-open" (access point policy allows everyone)]-> the public internet: public-exposure report',
      'probe acceleration under CN: oss bucket "fast" -[transfer acceleration]-> OSS transfer acceleration network (global, outside CN): global-services report',
      'probe acceleration under CN: oss bucket "plain" -[transfer acceleration "accel"]-> OSS transfer acceleration network (global, outside CN): global-services report',
      'probe acceleration under CN: s3 bucket "s3-fast" -[transfer acceleration]-> S3 transfer acceleration network (global, outside CN): global-services report',
      'probe acceleration under CN: s3 bucket "s3-suspended" -[transfer acceleration "s3-accel"]-> S3 transfer acceleration network (global, outside CN): global-services report',
      'probe acceleration under CN: s3 bucket v2 "s3-v2" -[transfer acceleration "s3-accel-v2"]-> S3 transfer acceleration network (global, outside CN): untagged',
      'probe acceleration under US: oss bucket "fast" -[transfer acceleration]-> OSS transfer acceleration network (global, outside US): global-services report',
      'probe acceleration under US: oss bucket "plain" -[transfer acceleration "accel"]-> OSS transfer acceleration network (global, outside US): global-services report',
      'probe acceleration under US: s3 bucket "s3-fast" -[transfer acceleration]-> S3 transfer acceleration network (global, outside US): global-services report',
      'probe acceleration under US: s3 bucket "s3-suspended" -[transfer acceleration "s3-accel"]-> S3 transfer acceleration network (global, outside US): global-services report',
      'probe acceleration under US: s3 bucket v2 "s3-v2" -[transfer acceleration "s3-accel-v2"]-> S3 transfer acceleration network (global, outside US): untagged',
      'probe acceleration under US: s3 bucket "cn-fast" -[transfer acceleration]-> S3 transfer acceleration network (global, outside US): global-services report',
      'probe acceleration under US: s3 bucket "cn-fast" -[transfer acceleration "cn-accel"]-> S3 transfer acceleration network (global, outside US): global-services report',
    ]);
  });

  test.each([
    ["global-services", "edge services"],
    ["public-exposure", "endpoints"],
  ] as const)(
    "%s: every value the view reports from the resource draws its edge, and no other",
    (name, inputs) => {
      const view = policy(name) as ResourceValidationPolicy;
      for (const [input, specs, settings] of exposureCases.filter(([n]) => n.startsWith(inputs))) {
        const { graph, analysis, label } = graphOf(
          oracleBorderResources(specs),
          settings.jurisdiction,
          settings.egressAllowlist,
        );
        // The resources whose own edge reaches a global place: tagged, and reported.
        const drawn = new Set(
          analysis.edges
            .filter((e) => graph.tags.get(e)?.policy === name)
            .map((e) => `${label.get(e.from)}: ${graph.tags.get(e)?.local}`),
        );
        // The resources the policy reports a value of (global-services draws an edge only for a
        // known one; public-exposure also to the unknown place a value not known at preview names)
        // — but a cluster's API server: its field draws no edge (the cluster's node is its node
        // network, not its control plane).
        const named = namedBy(specs);
        const controlPlaneOnly = (type: string) =>
          (byType[type]?.fields ?? [])
            .filter((f) => f.policy === name)
            .every((f) => f.drawnByRow && f.format === "public");
        const reported = new Set(
          resourceMessages(view, specs, settings)
            .filter((m) => name === "public-exposure" || !m.includes("is not known at preview"))
            .map((m) => named(m)[0])
            .filter((r) => name !== "public-exposure" || !controlPlaneOnly(r.type))
            .map((r) => `${resourceLabel(r.type, r.name)}: report`),
        );
        expect({ input, drawn: [...drawn].sort() }).toEqual({
          input,
          drawn: [...reported].sort(),
        });
        expect(drawn.size).toBeGreaterThanOrEqual(30);
      }
    },
  );
});

describe("the grants of the exposure table", () => {
  test("draw every grant a view reports as an edge tagged with that policy, and no other", () => {
    const views = ["public-exposure", "cross-account-links"] as const;
    for (const [name, specs, settings] of [...grantCases, ...exposedRowCases]) {
      const { graph, analysis, label } = graphOf(
        oracleBorderResources(specs),
        settings.jurisdiction,
        settings.egressAllowlist,
      );
      for (const view of views) {
        // The resources one of whose grants the graph draws, tagged with the policy's verdict.
        const drawn = new Set(
          analysis.edges
            .filter((e) => graph.tags.get(e)?.policy === view)
            .map((e) => `${label.get(e.from)}: ${graph.tags.get(e)?.local}`),
        );
        const named = namedBy(specs, `${view} `);
        const reported = new Set(
          rawMessages([policy(view)], specs, settings).map((m) => {
            const [r] = named(m);
            return `${resourceLabel(r.type, r.name)}: report`;
          }),
        );
        expect({ name, view, drawn: [...drawn].sort() }).toEqual({
          name,
          view,
          drawn: [...reported].sort(),
        });
        // Every grant case draws grants of both policies (the Alibaba Cloud one few to
        // everyone: only a KMS secret's policy can grant everyone there); the other tables'
        // public fields are public-exposure's only.
        const other = exposedRowCases.some(([n]) => n === name);
        expect(drawn.size).toBeGreaterThanOrEqual(other && view === "cross-account-links" ? 0 : 20);
      }
    }
  });
});

describe("internet-egress over the egress table", () => {
  /** The rows internet-egress judges, with their internet fields only. */
  const internetRows = (): TypeTable =>
    Object.fromEntries(
      Object.entries(byType).flatMap(([t, m]) => {
        const fields = (m.fields ?? []).filter((f) => f.format === "internet");
        return fields.length > 0 ? [[t, { ...m, fields }]] : [];
      }),
    );

  /** Every row's type in shapes that open its edges, shut them, leave them unset or unknown. */
  function shapes(): OracleResource[] {
    const values = [
      true,
      "true",
      false,
      "false",
      0,
      5,
      "5",
      "Disabled",
      "ENABLED",
      "public",
      "0.0.0.0/0",
      "::/0",
      "10.0.0.0/8",
      unknownAtPreview,
    ];
    // Rows whose fields read a list of settings with code of their own (`reads`) get the
    // settings that code reads, the first keeping the edge shut.
    const option = (namespace: unknown, name: string, value: unknown) => ({
      namespace,
      name,
      value,
    });
    const vpcConnector = "arn:aws:lambda:us-west-2:123456789012:network-connector/records-vpc";
    const readerShapes: Readonly<Record<string, readonly Record<string, unknown>[]>> = {
      "aws:elasticbeanstalk/environment:Environment": [
        { settings: [option("aws:ec2:vpc", "VPCId", "vpc-1")] },
        { settings: [option("aws:ec2:vpc", "AssociatePublicIpAddress", "false")] },
        {
          settings: [
            option("aws:ec2:vpc", "VPCId", "vpc-1"),
            option("aws:ec2:vpc", "AssociatePublicIpAddress", "true"),
          ],
        },
        { settings: [option("aws:ec2:vpc", "AssociatePublicIpAddress", unknownAtPreview)] },
        { settings: [option(unknownAtPreview, "VPCId", "vpc-1")] },
        { settings: [option("aws:ec2:vpc", "VPCId", "vpc-1")], templateName: "base" },
        { templateName: "base" },
      ],
      // A Spot Fleet's launch specifications: a subnet, named or not known at preview, places
      // them; none, even with no public IP asked for, lands in the default VPC; launch templates
      // place the fleet.
      "aws:ec2/spotFleetRequest:SpotFleetRequest": [
        { launchSpecifications: [{ subnetId: "subnet-1" }] },
        { launchSpecifications: [{ subnetId: unknownAtPreview }] },
        { launchSpecifications: [{ availabilityZone: "us-west-2a" }] },
        { launchSpecifications: [{ subnetId: "subnet-1" }, { associatePublicIpAddress: false }] },
        { launchSpecifications: [unknownAtPreview] },
        { launchSpecifications: unknownAtPreview },
        { launchTemplateConfigs: [{ launchTemplateSpecification: { id: "lt-1" } }] },
      ],
      // A container group's EIP binding: none keeps it shut; an EIP's ID, written in or not known
      // at preview, binds one.
      "alicloud:eci/containerGroup:ContainerGroup": [
        { eipInstanceId: "" },
        { eipInstanceId: "eip-uf6abcdef" },
        { eipInstanceId: unknownAtPreview },
      ],
      // A MicroVM's connectors: a VPC connector keeps it shut; Lambda's internet egress, listed
      // or left as the default, opens it; a value not known at preview may.
      ...Object.fromEntries(
        [
          "aws:lambdamicrovms/microvm:Microvm",
          "aws:lambdamicrovms/image:Image",
          "aws:lambda/microvmsImage:MicrovmsImage",
        ].map((type) => [
          type,
          [
            { egressNetworkConnectors: [vpcConnector] },
            { egressNetworkConnectors: ["INTERNET_EGRESS"] },
            { egressNetworkConnectors: [vpcConnector, "internet_egress"] },
            { egressNetworkConnectors: unknownAtPreview },
            { egressNetworkConnectors: [unknownAtPreview] },
          ],
        ]),
      ),
    };
    return Object.entries(internetRows()).flatMap(([type, model]) => {
      // Every field at a value that keeps its edge shut, at once (the twin of each opening).
      const closed = (model.fields ?? []).map((f): Record<string, unknown> => {
        const o = f.opens;
        if (typeof o === "object" && "reads" in o) {
          return readerShapes[type][0];
        }
        return o === "true" || o === "not-false"
          ? shape(f.path, false)
          : o === "positive"
            ? shape(f.path, 0)
            : o === "default-route"
              ? shape(f.path, "10.0.0.0/8")
              : typeof o === "object" && "unless" in o
                ? shape(f.path, o.unless[0])
                : typeof o === "object" && "values" in o
                  ? shape(f.path, "DISABLED")
                  : typeof o === "object"
                    ? shape(f.path, ["subnet-1"])
                    : {};
      });
      const props: Record<string, unknown>[] = [
        {},
        closed.reduce(combine, {}) as never,
        ...(readerShapes[type] ?? []),
      ];
      for (const f of model.fields ?? []) {
        props.push(...values.map((v) => shape(f.path, v)));
        const opens = f.opens;
        if (typeof opens === "object" && "outsideVpc" in opens) {
          const { holder, isolation } = opens.outsideVpc;
          const inHolder = (p: string) => (holder === undefined ? p : `${holder}.${p}`);
          props.push(
            shape(f.path, []),
            shape(f.path, ["subnet-1"]),
            shape(f.path.split(".")[0], unknownAtPreview),
            ...(holder === undefined ? [] : [shape(holder, unknownAtPreview)]),
            ...(isolation === undefined
              ? []
              : [true, false, unknownAtPreview].map(
                  (v) => combine(shape(f.path, []), shape(inHolder(isolation), v)) as never,
                )),
          );
        }
        if (f.path.includes("[]")) {
          const [list, leaf] = f.path.split("[].");
          const listed = (v: unknown) => shape(leaf, v);
          props.push({
            [list]: [listed(false), listed(true), listed(unknownAtPreview), listed("0.0.0.0/0")],
          });
        }
      }
      // Named by module and class (`ecs/service-3`): two clouds share class names.
      const module = type.split(":")[1].split("/")[0];
      return props.map((p, i) => ({
        type,
        name: `${module}/${type.split(":")[2]}-${i}`,
        props: p,
      }));
    });
  }

  /** The names of the shapes internet-egress reports. */
  function reportedNames(judged: readonly OracleResource[]): Set<string> {
    const findings = resourceMessages(policy("internet-egress") as StackValidationPolicy, judged, {
      jurisdiction: "CN",
    });
    const named = namedBy(judged);
    return new Set(findings.flatMap((m) => named(m)).map((r) => r.name));
  }

  test("judges every row with an internet field: each reports in some shape and passes in another", () => {
    const judged = shapes();
    const reported = reportedNames(judged);
    const types = (hit: boolean) =>
      new Set(judged.filter((r) => reported.has(r.name) === hit).map((r) => r.type));
    const rows = internetRows();
    expect([...types(true)].sort()).toEqual(Object.keys(rows).sort());
    // A row whose only opening is "always" is an internet edge whatever its values.
    expect([...types(false)].sort()).toEqual(
      Object.keys(rows)
        .filter((t) => rows[t].fields?.some((f) => f.opens !== "always"))
        .sort(),
    );
    expect(reported.size).toBeGreaterThan(250);
  });

  test("draws an edge to the public internet for every shape it reports, and none for the others", () => {
    // The rows whose fields draw their own internet edges (not a row's code: `drawnByRow`); the
    // ways out drawn with the rest of the stack (routes, NAT gateways, addresses) are the
    // routes block's.
    const ownEdges = (t: string) =>
      t in tables.egress &&
      !wayOut.has(t) &&
      (tables.egress[t].fields ?? []).some((f) => f.format === "internet" && !f.drawnByRow);
    const providers: OracleResource[] = [
      { type: "pulumi:providers:aws", name: "aws", props: { region: "us-east-1" } },
      { type: "pulumi:providers:alicloud", name: "alicloud", props: { region: "cn-shanghai" } },
      // Karpenter's node classes, Kubernetes objects of an EKS cluster.
      { type: "pulumi:providers:kubernetes", name: "kubernetes", props: {} },
    ];
    const judged = shapes()
      .filter((r) => ownEdges(r.type))
      .map((r) => ({ ...r, provider: r.type.split(":")[0] }));
    const { analysis, label } = graphOf(oracleBorderResources([...providers, ...judged]), "CN");
    // Every edge but the resources' placement: a SageMaker job's output buckets are
    // log-shipping's fields of its row, and a job definition not known at preview leaves its
    // bucket unknown too; an Elastic Beanstalk environment's load balancer, an ECS Express Mode
    // service's and an App Runner service's public URL are public-exposure's.
    const drawn = analysis.edges
      .filter((e) => e.label !== "placed in")
      .map((e) => `${label.get(e.from)} -[${edgeText(e)}]-> ${label.get(e.to)}`)
      .filter((e) => !/ "sagemaker\/[^"]+" -\[log delivery\]-> /.test(e))
      .filter(
        (e) =>
          !/ "(elasticbeanstalk|ecs\/ExpressGatewayService|apprunner)[^"]*" -\[public access\]-> /.test(
            e,
          ),
      );
    // Each edge runs from the resource to the public internet, or to an unknown place when the
    // value that decides it is not known at preview.
    const edge =
      /^(.+) "([^"]+)" -\[(public address|default egress|snat entry) \(([^)]+)\)\]-> (the public internet|unknown \(.+ is not known until deployed\))$/;
    expect(drawn.filter((e) => !edge.test(e))).toEqual([]);
    const names = new Set(drawn.map((e) => (edge.exec(e) as RegExpExecArray)[2]));
    expect(
      Object.keys(tables.egress)
        .filter(ownEdges)
        .filter((t) => !judged.some((r) => r.type === t && names.has(r.name))),
    ).toEqual([]);
    // An opening shape draws its edge; its shut twin draws none.
    const reported = reportedNames(judged);
    expect(
      judged.filter((r) => names.has(r.name) !== reported.has(r.name)).map((r) => r.name),
    ).toEqual([]);
    expect(names.size).toBeGreaterThan(100);
  });
});

describe("log-shipping and key-and-secret-replicas over the rows that ship logs and keys", () => {
  /**
   * The fields of each row those policies (and named-destinations, for references) judge; a
   * field that holds others (a CDN function's `functionArgs` around its `argValue`s) is set
   * through them.
   */
  const owners = new Set(["log-shipping", "key-and-secret-replicas", "named-destinations"]);
  const holds = (outer: string, inner: string) =>
    inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[]`);
  const rows = Object.entries(byType).flatMap(([type, m]) => {
    const judged = (m.fields ?? []).filter((f) => owners.has(f.policy) && f.format !== "relation");
    const fields = judged.filter((f) => !judged.some((g) => holds(f.path, g.path)));
    return (type in tables.logs || fields.some((f) => f.policy === "log-shipping")) &&
      fields.length > 0
      ? [{ type, fields }]
      : [];
  });

  test("every row reports in some shape, and every edge it draws is tagged with the policy that reports it", () => {
    const values = [
      "cn-shanghai",
      "cn-hongkong",
      "us-west-2",
      "eu-central-1",
      "cn-hongkong.log.aliyuncs.com",
      "https://collector.example.com/in",
      "https://10.0.0.5/in",
      "10.0.0.5",
      "198.51.100.7",
      "arn:aws:s3:::eu-b",
      "arn:aws:logs:eu-central-1:111122223333:log-group:g",
      // Another account's queue in the stack's region (a target of another account).
      "arn:aws:sqs:us-west-2:999988887777:q",
      "acs:log:cn-hongkong:123:project/x",
      "logs-b",
      "gone-b",
      "oss://models-b/v1/",
      true,
      false,
      7,
      unknownAtPreview,
    ];
    // The settings that select the branch some rows' fields are judged in (an LDAP directory, an
    // OSS dataset, delivery switched on); every shape is tried with and without them.
    // Rows that read their inputs with code of their own (`judged`) get the inputs that code reads:
    // a subscriber list, a sink document, a hosts text, a switch — also not known at preview.
    const sourceGroup = (info: string) => ({
      functionName: "source_group",
      functionArgs: [{ argName: "source_info", argValue: info }],
    });
    const domainConfig = [
      { functionName: "advanced_origin", functionArgs: [{ argName: "origin" }] },
      { functionName: "cdn_remote_auth", functionArgs: [{ argName: "remote_auth_addr" }] },
      sourceGroup("198.51.100.7_1_1_80,10.0.0.5_1_1_80,cn-hongkong.oss.aliyuncs.com_1_1_80"),
      sourceGroup("origin.example.com_1_1_80,oss-cn-shanghai.aliyuncs.com_1_1_80"),
      sourceGroup(unknownAtPreview),
    ];
    const mailbox = (kind: string) => [
      { subscribers: [{ [kind]: "EMAIL", address: "ops@example.com" }] },
      { subscribers: [{ [kind]: "SNS", address: "arn:aws:sns:us-west-2:111122223333:t" }] },
      { subscribers: [{ [kind]: unknownAtPreview, address: "ops@example.com" }] },
    ];
    const selectors: Readonly<
      Record<string, Record<string, unknown> | readonly Record<string, unknown>[]>
    > = {
      "alicloud:dns/alidnsRecord:AlidnsRecord": [{ type: "A" }, { type: "TXT" }],
      "alicloud:dns/record:Record": { type: "CNAME" },
      "alicloud:pvtz/zoneRecord:ZoneRecord": { type: "CNAME" },
      "alicloud:esa/record:Record": { recordType: "A/AAAA" },
      "alicloud:cdn/domainConfig:DomainConfig": domainConfig,
      "alicloud:dcdn/domainConfig:DomainConfig": domainConfig,
      "alicloud:scdn/domainConfig:DomainConfig": domainConfig,
      "alicloud:arms/remoteWrite:RemoteWrite": [
        { remoteWriteYaml: "remote_write:\n- url: https://collector.example.com/api/v1/write\n" },
        { remoteWriteYaml: "remote_write:\n- url: http://10.0.0.5:9090/write\n" },
        {
          remoteWriteYaml:
            "remote_write:\n- url: https://cn-hongkong-intranet.arms.aliyuncs.com/w\n  proxy_url: http://198.51.100.7\n",
        },
        { remoteWriteYaml: "remote_write: [{url: x}]" },
        { remoteWriteYaml: unknownAtPreview },
      ],
      "alicloud:eventbridge/eventStreaming:EventStreaming": [
        { sink: JSON.stringify({ SinkHttpsParameters: { Url: { Value: "https://x.example" } } }) },
        { sink: JSON.stringify({ SinkFcParameters: { FunctionName: { Value: "f" } } }) },
        { sink: "not json" },
        { sink: unknownAtPreview },
      ],
      "alicloud:gpdb/hadoopDataSource:HadoopDataSource": [
        { hadoopHostsAddress: "198.51.100.7 hadoop-1\n10.0.0.5 hadoop-2 # primary" },
        { hadoopHostsAddress: "hadoop-1 10.0.0.5" },
        { hadoopHostsAddress: unknownAtPreview },
      ],
      "alicloud:sae/application:Application": [
        { customHostAlias: JSON.stringify([{ hostName: "a", ip: "198.51.100.7" }]) },
        { customHostAlias: JSON.stringify([{ hostName: "a", ip: "10.0.0.5" }]) },
        { customHostAlias: "not json" },
      ],
      "alicloud:eventbridge/rule:Rule": [
        { targets: [{ type: "http" }] },
        { targets: [{ type: "acs.mns.queue" }] },
      ],
      "alicloud:esa/transportLayerApplication:TransportLayerApplication": [
        { rules: [{ sourceType: "ip" }] },
        { rules: [{ sourceType: "OP" }] },
      ],
      "alicloud:esa/originRule:OriginRule": { follow302Enable: "on" },
      // An ActiveMQ configuration's network connectors (RabbitMQ's names no broker).
      "aws:mq/configuration:Configuration": [
        {
          engineType: "ActiveMQ",
          data: '<broker><networkConnectors><networkConnector uri="static:(ssl://198.51.100.7:61617)"/></networkConnectors></broker>',
        },
        { engineType: "ActiveMQ", data: unknownAtPreview },
      ],
      // Flow logs go to the bucket only once switched on (or when that is not known).
      "aws:globalaccelerator/accelerator:Accelerator": { attributes: { flowLogsEnabled: true } },
      "aws:globalaccelerator/customRoutingAccelerator:CustomRoutingAccelerator": {
        attributes: { flowLogsEnabled: unknownAtPreview },
      },
      "aws:cloudtrail/trail:Trail": [
        { isMultiRegionTrail: true },
        { isMultiRegionTrail: unknownAtPreview },
      ],
      "aws:cloudtrail/eventDataStore:EventDataStore": [
        { multiRegionEnabled: false },
        { multiRegionEnabled: unknownAtPreview },
      ],
      "aws:cfg/configurationAggregator:ConfigurationAggregator": [
        { accountAggregationSource: { allRegions: true } },
        { organizationAggregationSource: { allRegions: true } },
      ],
      "aws:securityhub/findingAggregator:FindingAggregator": [
        { linkingMode: "ALL_REGIONS" },
        { linkingMode: "SPECIFIED_REGIONS" },
      ],
      "aws:sns/topicSubscription:TopicSubscription": [
        { protocol: "https", endpoint: "https://hooks.example.com" },
        { protocol: "sqs", endpoint: "arn:aws:sqs:eu-central-1:111122223333:q" },
        { protocol: unknownAtPreview, endpoint: "x" },
      ],
      "aws:budgets/budgetAction:BudgetAction": mailbox("subscriptionType"),
      "aws:costexplorer/anomalySubscription:AnomalySubscription": mailbox("type"),
      "aws:opensearchingest/pipeline:Pipeline": { pipelineConfigurationBody: "version: 2" },
      "aws:medialive/channel:Channel": {
        destinations: [
          { settings: [{ url: "s3ssl://gone-b/out" }, { url: "rtmp://x.example/a" }] },
        ],
      },
      "aws:amplify/app:App": [
        { customRules: [{ status: "200", source: "/api/<*>" }] },
        { customRules: [{ status: "301", source: "/old" }] },
      ],
      "alicloud:ehpc/cluster:Cluster": { accountType: "ldap" },
      "alicloud:pai/workspaceDataset:WorkspaceDataset": { dataSourceType: "OSS" },
      "alicloud:pai/workspaceDatasetversion:WorkspaceDatasetversion": { dataSourceType: "OSS" },
      "alicloud:oos/serviceSetting:ServiceSetting": {
        deliveryOssEnabled: true,
        deliverySlsEnabled: true,
      },
      // A DTS job texts its alarms only once they are on; an agent's desk phone rings only when
      // the agent has one.
      ...Object.fromEntries(
        [
          "alicloud:dts/subscriptionJob:SubscriptionJob",
          "alicloud:dts/synchronizationJob:SynchronizationJob",
        ].map((t) => [t, { delayNotice: true, errorNotice: true }]),
      ),
      "aws:connect/user:User": { phoneConfig: { phoneType: "DESK_PHONE" } },
      // A cache's logs leave through a Firehose stream only (a log group stays in its region).
      ...Object.fromEntries(
        [
          "aws:elasticache/replicationGroup:ReplicationGroup",
          "aws:elasticache/cluster:Cluster",
        ].map((t) => [t, { logDeliveryConfigurations: [{ destinationType: "kinesis-firehose" }] }]),
      ),
      // An lb's log blocks deliver only once enabled.
      ...Object.fromEntries(
        ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"].map((t) => [
          t,
          {
            accessLogs: { enabled: true },
            connectionLogs: { enabled: true },
            healthCheckLogs: { enabled: true },
          },
        ]),
      ),
    };
    const providers: OracleResource[] = [
      { type: "pulumi:providers:alicloud", name: "sh", props: { region: "cn-shanghai" } },
      // Pinned to its account: an ARN of another account is then told from the stack's own (an
      // EventBridge target's, a schedule's).
      {
        type: "pulumi:providers:aws",
        name: "or",
        props: { region: "us-west-2", allowedAccountIds: ["111122223333"] },
      },
      {
        type: "alicloud:oss/bucket:Bucket",
        name: "oss-logs",
        provider: "sh",
        props: { bucket: "logs-b" },
      },
      {
        type: "aws:s3/bucket:Bucket",
        name: "s3-logs",
        provider: "or",
        props: { bucket: "logs-b" },
      },
    ];
    // One resource of each row per value, every field of the row set to it.
    const shapes: OracleResource[] = rows.flatMap((m) =>
      [{}, ...(m.type in selectors ? [selectors[m.type]].flat() : [])].flatMap((selected, s) =>
        values.map((v, k): OracleResource => ({
          type: m.type,
          // By cloud and module: aws:emr/cluster and alicloud:emr/cluster share a class name.
          name: `${m.type.split(":").slice(0, 2).join("-")}-${s}-${k}`,
          provider: m.type.startsWith("aws:") ? "or" : "sh",
          props: m.fields.map((f) => shape(f.path, v)).reduce(combine, { ...selected }) as never,
        })),
      ),
    );
    const pack = policies.filter((p) => owners.has(p.name));
    let said = 0;
    const reported = new Set<string>();
    const typeOf = new Map(shapes.map((r) => [r.name, r.type]));
    for (const jurisdiction of ["CN", "US"]) {
      // A few rows' shapes at a time: named-destinations reads the whole stack for every
      // reference.
      for (let b = 0; b < rows.length; b += 16) {
        const types = new Set(rows.slice(b, b + 16).map((m) => m.type));
        const stack = [...providers, ...shapes.filter((r) => types.has(r.type))];
        const messages = rawMessages(pack, stack, { jurisdiction });
        said += messages.length;
        for (const m of messages) {
          // `<policy> <subject>: …`: a resource policy names the resource, a stack policy its URN.
          const subject =
            m
              .slice(m.indexOf(" ") + 1, m.indexOf(": "))
              .split("::")
              .pop() ?? "";
          const type = typeOf.get(subject);
          if (type !== undefined) {
            reported.add(type);
          }
        }
      }
    }
    // Every row reports in some shape (references through named-destinations).
    expect(rows.map((m) => m.type).filter((t) => !reported.has(t))).toEqual([]);
    expect(said).toBeGreaterThan(rows.length * 4);
    // And the graph tags every edge a row draws with the policy that reports it (but the
    // resources' own placement and the keys that encrypt them, which are structural).
    const { graph } = graphOf(oracleBorderResources([...providers, ...shapes]), "CN");
    const shipping = new Set(rows.map((m) => m.type));
    const owner = (e: (typeof graph.edges)[number]) =>
      e.via ?? graph.resolver.get(e.from) ?? graph.resolver.get(e.to);
    const drawn = graph.edges.filter((e) => {
      const r = owner(e);
      return r && shipping.has(r.type) && e.label !== "placed in" && e.label !== "encrypted by";
    });
    // (An MSK cluster's, a Transfer server's and an InfluxDB endpoint's public access are their
    // rows' public-exposure fields; a SageMaker job outside a VPC reaches the internet through
    // SageMaker's network, its egress row's internet-egress field; a Global Accelerator's anycast
    // edge network, its row's global-services field; a ROS stack's template, whose resources no
    // policy sees, its bundle row's helm-releases edge; a DTS job's ends, its transfer row's
    // data-transfer-jobs fields, beside the alarm texts that are log-shipping's.)
    const tagging = new Set([
      "log-shipping",
      "public-exposure",
      "internet-egress",
      "global-services",
      "helm-releases",
      "data-transfer-jobs",
    ]);
    expect(drawn.filter((e) => !tagging.has(graph.tags.get(e)?.policy ?? ""))).toEqual([]);
    expect(drawn.length).toBeGreaterThan(rows.length * 4);
  });
});

describe("the gates of the egress controls' rows", () => {
  test("each gate stack is sealed, or crosses through the gate its controls leave open", () => {
    // Each stack holds a bucket any network of its region may read and a way out; the gate on
    // that way (the rule or default that admits the traffic, or why an instance's address is
    // open) decides.
    const gate = (hop: string) =>
      /^(egress rule|default egress)\b/.test(hop) || /^public address \(.*; /.test(hop);
    expect(
      gateCases.map(([name, specs, settings]) => {
        const analysis = analyzeBorder(oracleBorderResources(specs), settings.jurisdiction, {
          egressAllowlist: settings.egressAllowlist ?? [],
        });
        const through = analysis.paths.flatMap((p) => p.hops.filter(gate));
        return `${name}: ${analysis.verdict}${through.map((h) => `, ${h}`).join("")}`;
      }),
    ).toEqual([
      "gates alicloud: basic group, no rules: crosses-border, public address (internetMaxBandwidthOut 5; a basic security group lets out what no rule drops)",
      "gates alicloud: enterprise group, no rules: sealed",
      "gates alicloud: enterprise group, accept all: crosses-border, public address (internetMaxBandwidthOut 5; 0.0.0.0/0)",
      "gates alicloud: basic group, drop all and accept the allowlist: sealed",
      "gates alicloud: accept shadowed by a drop of higher priority: sealed",
      'gates alicloud: accept of higher priority than the drop: crosses-border, egress rule "https" (0.0.0.0/0)',
      'gates alicloud: accept to a prefix list: crosses-border, egress rule "list" (pl-1)',
      'gates alicloud: accept to an address not known at preview: crosses-border, egress rule "later" (a destination not known until deployed)',
      "gates alicloud: an instance in a group the stack does not hold: crosses-border, public address (internetMaxBandwidthOut 5; one of its security groups is not in this stack)",
      "gates alicloud: an ACL that drops everything: sealed",
      'gates alicloud: an ACL that accepts https first: crosses-border, default egress "sg" (a basic security group lets out what no rule drops)',
      'gates alicloud: an attached ACL with no entries (its end is undocumented): crosses-border, default egress "sg" (a basic security group lets out what no rule drops)',
      "gates alicloud: an ACL whose separate entries drop everything: sealed",
      "gates aws: the VPC's default group, not adopted: crosses-border, default egress (the VPC's default security group allows all egress until adopted)",
      "gates aws: the default group adopted and shut: sealed",
      'gates aws: a group that allows all egress: crosses-border, egress rule "sg" (0.0.0.0/0)',
      "gates aws: a group that allows private egress only: sealed",
      'gates aws: a group opened by a separate rule: crosses-border, egress rule "https" (0.0.0.0/0)',
      'gates aws: a group opened by an egress rule to a prefix list: crosses-border, egress rule "list" (pl-1)',
      'gates aws: a group whose inline rule sends to a prefix list: crosses-border, egress rule "sg" (pl-1)',
      "gates aws: an allowlisted egress rule: sealed",
      "gates aws: an ACL that denies everything before it allows: sealed",
      "gates aws: an ACL opened by a separate rule of lower number: crosses-border, default egress (the VPC's default security group allows all egress until adopted)",
      "gates aws: a default ACL with no entries (the implicit deny): sealed",
      "gates aws: an associated ACL that allows everything: crosses-border, default egress (the VPC's default security group allows all egress until adopted)",
    ]);
  });

  test("egress-rules judges every egress control's rules: each reports in some shape and passes in another", () => {
    const judged = ruleShapes.filter((r) => !r.type.startsWith("pulumi:providers:"));
    const findings = rawMessages([policy("egress-rules")], ruleShapes, { jurisdiction: "CN" });
    const named = (r: OracleResource) => (m: string) => m.startsWith(`egress-rules ${r.name}: `);
    const types = (hit: boolean) =>
      new Set(judged.filter((r) => findings.some(named(r)) === hit).map((r) => r.type));
    const rows = Object.keys(byType)
      .filter((t) => byType[t].rules)
      .sort();
    expect({ reporting: [...types(true)].sort(), passing: [...types(false)].sort() }).toEqual({
      reporting: rows,
      passing: rows,
    });
  });
});
