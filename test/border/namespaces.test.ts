/**
 * Where a cluster's namespaces run and what their NetworkPolicies let them reach, as the border
 * analysis draws it: the cluster in its node vSwitches, each namespace on its cluster, and one
 * `allowed egress` edge per destination — private blocks to the stack's network, allowlisted
 * blocks to their entry, cluster DNS to the cluster, and anything else to the internet, owned by
 * kubernetes-egress. The namespace holds no data, so none of these edges makes a path.
 */
import { analyzeWithGraph } from "../../policy/paths/analyze";
import { explainedBy } from "../../policy/paths/graph";
import { ref, TestStack } from "./builder";

const allowlist = [
  { cidr: "203.0.113.0/24", protocol: "tcp", ports: [443], reason: "The plant's MES gateway" },
];

/** An ACK cluster in one vSwitch, a namespace with a workload, and its NetworkPolicies. */
function stack(opts: { deny: boolean; open?: Record<string, unknown> }) {
  const s = new TestStack();
  const sh = s.provider("alicloud", "sh", { region: "cn-shanghai" });
  const vpc = s.add(
    "alicloud:vpc/network:Network",
    "core",
    { cidrBlock: "10.10.0.0/16" },
    {
      provider: sh,
    },
  );
  const nodes = s.add(
    "alicloud:vpc/switch:Switch",
    "nodes",
    { vpcId: ref(vpc), cidrBlock: "10.10.1.0/24" },
    { provider: sh },
  );
  const ack = s.add(
    "alicloud:cs/managedKubernetes:ManagedKubernetes",
    "apps",
    { workerVswitchIds: [ref(nodes)], newNatGateway: false },
    { provider: sh },
  );
  const kube = s.provider("kubernetes", "apps", { kubeconfig: ref(ack) });
  s.add("kubernetes:core/v1:Namespace", "app", { metadata: { name: "app" } }, { provider: kube });
  s.add(
    "kubernetes:apps/v1:Deployment",
    "api",
    {
      metadata: { namespace: "app" },
      spec: { template: { metadata: { labels: { app: "api" } }, spec: {} } },
    },
    { provider: kube },
  );
  const policy = (name: string, spec: Record<string, unknown>, annotations = {}) =>
    s.add(
      "kubernetes:networking.k8s.io/v1:NetworkPolicy",
      name,
      { metadata: { name, namespace: "app", annotations }, spec },
      { provider: kube },
    );
  if (!opts.deny) {
    // Any Egress policy that selects every pod denies by default: without one, none at all.
    return s.resources;
  }
  policy("default-deny", { podSelector: {}, policyTypes: ["Ingress", "Egress"] });
  policy("allow", {
    podSelector: {},
    policyTypes: ["Egress"],
    egress: [
      { to: [{ podSelector: {} }] },
      {
        to: [
          {
            namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } },
            podSelector: { matchLabels: { "k8s-app": "kube-dns" } },
          },
        ],
        ports: [
          { protocol: "UDP", port: 53 },
          { protocol: "TCP", port: 53 },
        ],
      },
      { to: [{ ipBlock: { cidr: "10.10.1.0/24" } }], ports: [{ protocol: "TCP", port: 5432 }] },
      { to: [{ ipBlock: { cidr: "10.10.0.0/16" } }] },
    ],
  });
  policy(
    "mes",
    {
      podSelector: {},
      policyTypes: ["Egress"],
      egress: [{ to: [{ ipBlock: { cidr: "203.0.113.0/24" } }], ports: [{ port: 443 }] }],
    },
    { "sovereign-dc/reason": "The plant's MES gateway" },
  );
  if (opts.open) {
    policy("open", { podSelector: {}, policyTypes: ["Egress"], egress: [opts.open] });
  }
  return s.resources;
}

function analyze(resources: ReturnType<typeof stack>) {
  const { graph, analysis } = analyzeWithGraph(resources, "CN", { egressAllowlist: allowlist });
  const label = new Map(analysis.nodes.map((n) => [n.id, n.label]));
  const side = new Map(analysis.nodes.map((n) => [n.id, n.side]));
  const edges = (from: string) =>
    analysis.edges
      .filter((e) => label.get(e.from) === from)
      .map((e) => ({
        to: `${label.get(e.to)} (${side.get(e.to)})`,
        label: e.label,
        via: e.via?.name,
        detail: e.detail,
        owner: graph.tags.get(e)?.policy,
      }));
  return { graph, analysis, edges };
}

const ns = 'k8s namespace "app"';
const cluster = 'ack cluster "apps"';

/** What the namespace reaches through its sealed policies, the same in every case below. */
const sealedEdges = [
  { to: `${cluster} (inside)`, label: "runs on" },
  {
    to: `${cluster} (inside)`,
    label: "allowed egress",
    via: "allow",
    detail: "DNS udp 53, tcp 53",
  },
  {
    to: 'vswitch "nodes" (inside)',
    label: "allowed egress",
    via: "allow",
    detail: "10.10.1.0/24 tcp 5432",
  },
  {
    to: 'vpc "core" (inside)',
    label: "allowed egress",
    via: "allow",
    detail: "10.10.0.0/16 all traffic",
  },
  {
    to: "203.0.113.0/24 (allowlisted: The plant's MES gateway) (inside)",
    label: "allowed egress",
    via: "mes",
    detail: "203.0.113.0/24 tcp 443; The plant's MES gateway",
  },
];

test("the cluster is drawn in its node vSwitch", () => {
  const { edges } = analyze(stack({ deny: true }));
  expect(edges(cluster)).toEqual([
    {
      to: 'vswitch "nodes" (inside)',
      label: "nodes in",
      via: undefined,
      detail: undefined,
      owner: undefined,
    },
  ]);
});

test("a sealed namespace runs on its cluster and reaches only its network, DNS and the allowlist", () => {
  const { analysis, edges } = analyze(stack({ deny: true }));
  expect(edges(ns)).toEqual(
    sealedEdges.map((e) => ({ via: undefined, detail: undefined, ...e, owner: undefined })),
  );
  expect(analysis.verdict).toBe("sealed");
});

test("a public block the allowlist does not cover goes to the internet, owned by kubernetes-egress", () => {
  const { analysis, edges } = analyze(
    stack({
      deny: true,
      open: {
        to: [{ ipBlock: { cidr: "198.51.100.0/24" } }],
        ports: [{ port: 443 }, { port: 80 }],
      },
    }),
  );
  expect(edges(ns).slice(sealedEdges.length)).toEqual([
    {
      to: "the public internet (outside)",
      label: "allowed egress",
      via: "open",
      detail: "198.51.100.0/24 tcp 443, tcp 80",
      owner: "kubernetes-egress",
    },
  ]);
  // The namespace holds no data: the allowed egress is kubernetes-egress's finding, not a path.
  expect(analysis.paths).toEqual([]);
});

test("a rule without `to` reaches every address, owned by kubernetes-egress", () => {
  const { edges } = analyze(
    stack({ deny: true, open: { ports: [{ protocol: "UDP", port: 123 }] } }),
  );
  expect(edges(ns).slice(sealedEdges.length)).toEqual([
    {
      to: "the public internet (outside)",
      label: "allowed egress",
      via: "open",
      detail: "every address, udp 123",
      owner: "kubernetes-egress",
    },
  ]);
});

test("a namespace that runs pods without a default-deny egress policy reaches every address", () => {
  const { analysis, edges } = analyze(stack({ deny: false }));
  expect(edges(ns)).toEqual([
    {
      to: `${cluster} (inside)`,
      label: "runs on",
      via: undefined,
      detail: undefined,
      owner: undefined,
    },
    {
      to: "the public internet (outside)",
      label: "allowed egress",
      via: undefined,
      detail: "no default-deny egress NetworkPolicy",
      owner: undefined,
    },
  ]);
  // kubernetes-namespace-egress reports the namespace; the namespace holds no data, so no path.
  expect(analysis.paths).toEqual([]);
});

test("a namespace that runs no pods allows nothing without a default-deny policy", () => {
  const resources = stack({ deny: false }).filter((r) => r.name !== "api");
  expect(analyze(resources).edges(ns)).toEqual([
    {
      to: `${cluster} (inside)`,
      label: "runs on",
      via: undefined,
      detail: undefined,
      owner: undefined,
    },
  ]);
});

test("explainedBy names kubernetes-egress for a path whose crossing is such an edge", () => {
  const { graph, analysis } = analyze(
    stack({ deny: true, open: { to: [{ ipBlock: { cidr: "0.0.0.0/0" } }] } }),
  );
  const edge = analysis.edges.find(
    (e) => e.label === "allowed egress" && e.to === "place:internet" && e.via?.name === "open",
  )!;
  expect(edge.detail).toBe("0.0.0.0/0 all traffic");
  const source = analysis.nodes.find((n) => n.label === ns)!;
  const exit = analysis.nodes.find((n) => n.id === "place:internet")!;
  const path = {
    source,
    exit,
    nodes: [source.id, exit.id],
    edges: [edge],
    crossing: edge,
    hops: [],
  };
  expect(explainedBy(path, graph)).toBe("kubernetes-egress");
});
