/**
 * The one data-flow graph: built from the rows of the type tables (`types/`) — each row a role
 * and edges tagged with the policy that owns them.
 *
 * The graph is directed along the flow of data: an edge `a → b` means data held by, or passing
 * through, `a` can reach `b`. One breadth-first search runs backwards from every outside node at
 * once, so each node learns its distance to the nearest exit and the edge that leads there: the
 * search is linear in nodes plus edges, and reading a path back costs its length. Unknown far
 * ends count as outside (fail closed).
 *
 * Gates (Rule G): a row declares a gated edge (a network's way to its internet-bound traffic, an
 * instance's public address) whatever its gate says; the search passes it only while the gate is
 * open. A shut edge stays in the graph (`shut`) but is neither searched nor among the analysis's
 * edges, so the verdict and the drawn graph show only the ways data can take.
 *
 * For each path, the crossing is the first edge into a node that is not inside. `explainedBy`
 * names the policy whose findings already include that crossing, so `no-path-out-of-jurisdiction`
 * can keep to the crossings no other policy reports.
 */
import { getJurisdiction, type Jurisdiction } from "../../residency/jurisdictions";
import { placementOf } from "../../residency/placement";
import { compileField } from "./fields";
import type {
  BorderAnalysis,
  BorderEdge,
  BorderNode,
  BorderOptions,
  BorderPath,
  BorderResource,
  EdgeGate,
  Endpoint,
  FlowEdge,
  GatedEdge,
  LocalVerdict,
  PolicyName,
  Role,
  TaggedEdge,
  TypeModel,
  TypeTable,
} from "./model";
import { isPlace } from "./model";
import { Resolver } from "./resolver";

/** One type's part of the graph: what its resources are and the edges each creates. */
export interface GraphRow {
  readonly role?: Role | ((r: BorderResource, x: Resolver) => Role);
  readonly edges: (r: BorderResource, x: Resolver) => readonly (FlowEdge | TaggedEdge)[];
}

export type GraphRows = Readonly<Record<string, GraphRow>>;

/** What an edge of the graph carries besides its ends: its owner and the local verdict. */
export interface EdgeTag {
  readonly policy: PolicyName;
  readonly local: LocalVerdict;
  readonly at?: TaggedEdge["at"];
  readonly unresolved?: boolean;
  readonly destination?: boolean;
}

/** The graph with what the search and the views need: tags by edge, the resolver. */
export interface Graph {
  readonly jurisdiction: Jurisdiction;
  readonly resolver: Resolver;
  readonly nodes: readonly BorderNode[];
  readonly edges: readonly BorderEdge[];
  /** The owner of each tagged edge; structural edges (and a test's hand-drawn rows) have none. */
  readonly tags: ReadonlyMap<BorderEdge, EdgeTag>;
  /** The gate each gated edge of `edges` passed (all open). */
  readonly gates: ReadonlyMap<BorderEdge, EdgeGate>;
  /** The gated edges rows declared whose gate is shut: present, but no path passes them. */
  readonly shut: readonly GatedEdge[];
}

function isGated(e: FlowEdge | TaggedEdge): e is GatedEdge {
  return (e as Partial<GatedEdge>).gate !== undefined;
}

/** A type table's rows: the declared fields compiled to tagged edges, then the custom edges. */
export function typeRows(table: TypeTable): GraphRows {
  const rows: Record<string, GraphRow> = {};
  for (const [type, model] of Object.entries(table)) {
    rows[type] = { role: model.role, edges: (r, x) => modelEdges(model, r, x) };
  }
  return rows;
}

/** Every edge of one resource under its row: each field value once, then the custom edges. */
export function modelEdges(
  model: TypeModel,
  r: BorderResource,
  x: Resolver,
): (FlowEdge | TaggedEdge)[] {
  const out: (FlowEdge | TaggedEdge)[] = [];
  for (const field of model.fields ?? []) {
    for (const c of compileField(model, field, r, x)) {
      out.push(...c.edges);
    }
  }
  return [...out, ...(model.edges?.(r, x) ?? [])];
}

/** The rows of several sources as one; a type in two of them is an error, never a silent pick. */
export function mergeRows(...sources: readonly GraphRows[]): GraphRows {
  const out: Record<string, GraphRow> = {};
  for (const rows of sources) {
    for (const [type, row] of Object.entries(rows)) {
      if (type in out) {
        throw new Error(`The data-flow graph has two rows for ${type}; each type belongs to one.`);
      }
      out[type] = row;
    }
  }
  return out;
}

/** Resources that are graph nodes: custom resources, not providers, components or the stack. */
function isGraphResource(r: BorderResource): boolean {
  return r.provider !== undefined && !r.type.startsWith("pulumi:");
}

/** `replication "telemetry-dr"`, `route "default" (0.0.0.0/0)`, `placed in`. */
export function edgeText(e: BorderEdge): string {
  const via = e.via ? ` ${JSON.stringify(e.via.name)}` : "";
  const detail = e.detail ? ` (${e.detail})` : "";
  return `${e.label}${via}${detail}`;
}

function roleOf(r: BorderResource, x: Resolver, rows: GraphRows): Role {
  const role = rows[r.type]?.role;
  return typeof role === "function" ? role(r, x) : (role ?? "other");
}

function isTagged(e: FlowEdge | TaggedEdge): e is TaggedEdge & { policy: PolicyName } {
  return (e as TaggedEdge).policy !== undefined;
}

/** The graph of `resources`: every resource's placement edge first, then its row's edges. */
export function buildGraph(
  resources: readonly BorderResource[],
  jurisdiction: Jurisdiction | string,
  opts: BorderOptions,
  rows: GraphRows,
): Graph {
  const j = typeof jurisdiction === "string" ? getJurisdiction(jurisdiction) : jurisdiction;
  const x = new Resolver(
    resources,
    j,
    opts.egressAllowlist ?? [],
    opts.clusters ?? [],
    opts.accountIds ?? [],
    opts.standInAccount,
    opts.directConnectLocations ?? [],
  );

  const nodes: BorderNode[] = [];
  const nodeIndex = new Map<string, number>();
  const nodeOf = (e: Endpoint): string => {
    const id = isPlace(e) ? `place:${e.key}` : e.urn;
    if (!nodeIndex.has(id)) {
      nodeIndex.set(id, nodes.length);
      if (isPlace(e)) {
        nodes.push({ id, label: e.label, side: e.side, role: e.junction ? "junction" : "place" });
      } else {
        // A resource is outside when its placement is a place abroad, unknown when it cannot
        // be placed (or lives in a cluster nobody placed); identities and values in the
        // stack's state, which have no place of their own, are not outside.
        const p = x.placement(e);
        const side =
          p.kind === "unknown" || p.kind === "cluster"
            ? "unknown"
            : x.placeOfPlacement(e, p)
              ? "outside"
              : "inside";
        nodes.push({
          id,
          label: x.label(e),
          side,
          role: roleOf(e, x, rows),
          resource: { urn: e.urn, type: e.type, name: e.name },
        });
      }
    }
    return id;
  };

  const edges: BorderEdge[] = [];
  const tags = new Map<BorderEdge, EdgeTag>();
  const gates = new Map<BorderEdge, EdgeGate>();
  const shut: GatedEdge[] = [];
  const edgeKeys = new Set<string>();
  const add = (e: FlowEdge | TaggedEdge) => {
    if (isGated(e) && !e.gate.open) {
      // Declared, but the search cannot pass it: kept aside, with no node of its own.
      shut.push(e);
      return;
    }
    const from = nodeOf(e.from);
    const to = nodeOf(e.to);
    const key = `${from}\0${to}\0${e.label}\0${e.via?.urn ?? ""}\0${e.detail ?? ""}`;
    if (from === to || edgeKeys.has(key)) {
      return;
    }
    edgeKeys.add(key);
    const edge: BorderEdge = {
      from,
      to,
      label: e.label,
      via: e.via ? { urn: e.via.urn, type: e.via.type, name: e.via.name } : undefined,
      detail: e.detail,
    };
    edges.push(edge);
    if (isGated(e)) {
      gates.set(edge, e.gate);
    }
    if (isTagged(e)) {
      tags.set(edge, {
        policy: e.policy,
        local: e.local,
        at: e.at,
        unresolved: e.unresolved,
        destination: e.destination,
      });
    }
  };

  for (const r of resources) {
    if (!isGraphResource(r)) {
      continue;
    }
    nodeOf(r);
    // The placement edge goes first, so a resource placed abroad is itself the reason.
    const place = x.placeOfPlacement(r, x.placement(r));
    if (place) {
      add({ from: r, to: place, label: "placed in" });
    }
    for (const e of rows[r.type]?.edges(r, x) ?? []) {
      add(e);
    }
  }
  return { jurisdiction: j, resolver: x, nodes, edges, tags, gates, shut };
}

/**
 * Junctions (a network's internet-bound traffic, a region's networks) only matter on a way
 * through: one that nothing leads into, or that leads nowhere, cannot be on a path, and drawn it
 * would only suggest an exit that is not there. Removing one can strand the next, so this runs
 * to a fixed point, touching each edge a bounded number of times.
 */
export function prune(g: Graph): Graph {
  const junctions = new Set(g.nodes.filter((n) => n.role === "junction").map((n) => n.id));
  const inDeg = new Map<string, number>();
  const outDeg = new Map<string, number>();
  const outEdges = new Map<string, BorderEdge[]>();
  const inEdges = new Map<string, BorderEdge[]>();
  const push = (m: Map<string, BorderEdge[]>, k: string, e: BorderEdge) => {
    const list = m.get(k);
    if (list) {
      list.push(e);
    } else {
      m.set(k, [e]);
    }
  };
  for (const e of g.edges) {
    inDeg.set(e.to, (inDeg.get(e.to) ?? 0) + 1);
    outDeg.set(e.from, (outDeg.get(e.from) ?? 0) + 1);
    push(outEdges, e.from, e);
    push(inEdges, e.to, e);
  }
  const idle = (id: string) => !inDeg.get(id) || !outDeg.get(id);
  const dropped = new Set<string>();
  const work = [...junctions].filter(idle);
  while (work.length > 0) {
    const id = work.pop() as string;
    if (dropped.has(id)) {
      continue;
    }
    dropped.add(id);
    for (const e of outEdges.get(id) ?? []) {
      inDeg.set(e.to, (inDeg.get(e.to) ?? 0) - 1);
      if (junctions.has(e.to) && !dropped.has(e.to) && idle(e.to)) {
        work.push(e.to);
      }
    }
    for (const e of inEdges.get(id) ?? []) {
      outDeg.set(e.from, (outDeg.get(e.from) ?? 0) - 1);
      if (junctions.has(e.from) && !dropped.has(e.from) && idle(e.from)) {
        work.push(e.from);
      }
    }
  }
  if (dropped.size === 0) {
    return g;
  }
  return {
    ...g,
    nodes: g.nodes.filter((n) => !dropped.has(n.id)),
    edges: g.edges.filter((e) => !dropped.has(e.from) && !dropped.has(e.to)),
  };
}

/** For every data store and key that can leave, its shortest path to a node outside. */
export function search(g: Graph): BorderAnalysis {
  const { nodes, edges } = g;
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const incoming: number[][] = nodes.map(() => []);
  edges.forEach((e, i) => incoming[index.get(e.to) as number].push(i));

  const dist = new Int32Array(nodes.length).fill(-1);
  const next = new Int32Array(nodes.length).fill(-1);
  const queue: number[] = [];
  nodes.forEach((n, i) => {
    if (n.role === "place" && n.side !== "inside") {
      dist[i] = 0;
      queue.push(i);
    }
  });
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head];
    for (const ei of incoming[v]) {
      const u = index.get(edges[ei].from) as number;
      if (dist[u] === -1) {
        dist[u] = dist[v] + 1;
        next[u] = ei;
        queue.push(u);
      }
    }
  }

  const paths: BorderPath[] = [];
  nodes.forEach((n, i) => {
    if ((n.role !== "data" && n.role !== "key") || dist[i] <= 0) {
      return;
    }
    const pathNodes = [n.id];
    const pathEdges: BorderEdge[] = [];
    const hops = [n.label];
    let at = i;
    while (dist[at] > 0) {
      const e = edges[next[at]];
      pathEdges.push(e);
      pathNodes.push(e.to);
      at = index.get(e.to) as number;
      hops.push(edgeText(e), nodes[at].label);
    }
    paths.push({
      source: n,
      exit: nodes[at],
      nodes: pathNodes,
      edges: pathEdges,
      crossing: crossingOf(pathEdges, (id) => nodes[index.get(id) as number]),
      hops,
    });
  });

  return {
    jurisdiction: g.jurisdiction.id,
    nodes,
    edges,
    paths,
    verdict: paths.length === 0 ? "sealed" : "crosses-border",
  };
}

/** The first edge of a path into a node that is not inside: where the path crosses the border. */
export function crossingOf(
  pathEdges: readonly BorderEdge[],
  node: (id: string) => BorderNode,
): BorderEdge {
  return pathEdges.find((e) => node(e.to).side !== "inside") ?? pathEdges[pathEdges.length - 1];
}

/** The graph and its paths, in one call: build, prune, search. */
export function analyzeGraph(
  resources: readonly BorderResource[],
  jurisdiction: Jurisdiction | string,
  opts: BorderOptions,
  rows: GraphRows,
): { readonly graph: Graph; readonly analysis: BorderAnalysis } {
  const graph = prune(buildGraph(resources, jurisdiction, opts, rows));
  return { graph, analysis: search(graph) };
}

/**
 * The policy whose findings already include a path's crossing, or undefined when only
 * `no-path-out-of-jurisdiction` sees it:
 *
 * - an edge a table row tags, whose owner decides it from the resource alone (`local` report);
 * - `named-destinations` for a destination reference (a `ref` field) that names nothing of the
 *   stack, or a resource of it that is not inside: only the whole stack places what it names;
 * - `resource-placement` for a resource's own `placed in` edge, when that policy judges the
 *   resource: not a provider, and neither a global service (judged by `global-services` where
 *   modelled) nor a Kubernetes object (placed by its cluster, which is judged once).
 */
export function explainedBy(path: BorderPath, g: Graph): PolicyName | undefined {
  const e = path.crossing;
  const tag = g.tags.get(e);
  if (tag?.local === "report") {
    return tag.policy;
  }
  if (tag?.local === "stack" && tag.destination) {
    // A destination reference: named-destinations places what it names over the whole stack,
    // and reports it when that is outside, unplaceable or nothing of the stack.
    return "named-destinations";
  }
  if (e.label === "placed in") {
    const r = g.resolver.get(e.from);
    if (r && judgedByPlacement(r, g.resolver)) {
      return "resource-placement";
    }
  }
  return undefined;
}

function judgedByPlacement(r: BorderResource, x: Resolver): boolean {
  const provider = r.provider ? x.get(r.provider) : undefined;
  if (!provider || r.type.startsWith("pulumi:providers:")) {
    return false;
  }
  const p = placementOf(r.type, r.props, provider);
  return p.kind !== "global" && p.kind !== "cluster";
}
