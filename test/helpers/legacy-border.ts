/**
 * The border analysis as it was before it moved onto the one data-flow graph
 * (policy/paths/graph.ts), kept verbatim as the oracle of test/paths/differential.test.ts: on
 * every input the differential runs, the new analysis must give the same nodes, edges and paths.
 */
import { getJurisdiction, type Jurisdiction } from "../../residency/jurisdictions";
import type { FlowTable } from "../../policy/paths/types/common";
import type {
  BorderAnalysis,
  BorderEdge,
  BorderNode,
  BorderOptions,
  BorderPath,
  BorderResource,
  Endpoint,
  FlowEdge,
  Role,
} from "../../policy/paths/model";
import { isPlace } from "../../policy/paths/model";
import { Resolver } from "../../policy/paths/resolver";

/** Resources that are graph nodes: custom resources, not providers, components or the stack. */
function isGraphResource(r: BorderResource): boolean {
  return r.provider !== undefined && !r.type.startsWith("pulumi:");
}

/** `replication "telemetry-dr"`, `route "default" (0.0.0.0/0)`, `placed in`. */
function edgeText(e: BorderEdge): string {
  const via = e.via ? ` ${JSON.stringify(e.via.name)}` : "";
  const detail = e.detail ? ` (${e.detail})` : "";
  return `${e.label}${via}${detail}`;
}

function roleOf(r: BorderResource, x: Resolver, models: FlowTable): Role {
  const role = models[r.type]?.role;
  return typeof role === "function" ? role(r, x) : (role ?? "other");
}

export function legacyAnalyzeBorder(
  resources: readonly BorderResource[],
  jurisdiction: Jurisdiction | string,
  opts: BorderOptions = {},
  models: FlowTable = {},
): BorderAnalysis {
  const j = typeof jurisdiction === "string" ? getJurisdiction(jurisdiction) : jurisdiction;
  const x = new Resolver(resources, j, opts.egressAllowlist ?? [], opts.clusters ?? []);

  const nodes: BorderNode[] = [];
  const nodeIndex = new Map<string, number>();
  const nodeOf = (e: Endpoint): string => {
    const id = isPlace(e) ? `place:${e.key}` : e.urn;
    if (!nodeIndex.has(id)) {
      nodeIndex.set(id, nodes.length);
      if (isPlace(e)) {
        nodes.push({ id, label: e.label, side: e.side, role: e.junction ? "junction" : "place" });
      } else {
        const p = x.placement(e);
        const side =
          p.kind === "region"
            ? x.placeOfPlacement(e, p)
              ? "outside"
              : "inside"
            : p.kind === "global"
              ? "outside"
              : "unknown";
        nodes.push({
          id,
          label: x.label(e),
          side,
          role: roleOf(e, x, models),
          resource: { urn: e.urn, type: e.type, name: e.name },
        });
      }
    }
    return id;
  };

  const edges: BorderEdge[] = [];
  const edgeKeys = new Set<string>();
  const add = (e: FlowEdge) => {
    const from = nodeOf(e.from);
    const to = nodeOf(e.to);
    const key = `${from}\0${to}\0${e.label}\0${e.via?.urn ?? ""}\0${e.detail ?? ""}`;
    if (from === to || edgeKeys.has(key)) {
      return;
    }
    edgeKeys.add(key);
    edges.push({
      from,
      to,
      label: e.label,
      via: e.via ? { urn: e.via.urn, type: e.via.type, name: e.via.name } : undefined,
      detail: e.detail,
    });
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
    for (const e of models[r.type]?.flows?.(r, x) ?? []) {
      add(e);
    }
  }

  const { keptNodes, keptEdges } = pruneIdleJunctions(nodes, edges);
  return search(j, keptNodes, keptEdges);
}

/**
 * Junctions (a network's internet-bound traffic, a region's networks) only matter on a way
 * through: one that nothing leads into, or that leads nowhere, cannot be on a path, and drawn it
 * would only suggest an exit that is not there. Removing one can strand the next, so this runs
 * to a fixed point, touching each edge a bounded number of times.
 */
function pruneIdleJunctions(
  nodes: readonly BorderNode[],
  edges: readonly BorderEdge[],
): { keptNodes: BorderNode[]; keptEdges: BorderEdge[] } {
  const junctions = new Set(nodes.filter((n) => n.role === "junction").map((n) => n.id));
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
  for (const e of edges) {
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
  return {
    keptNodes: nodes.filter((n) => !dropped.has(n.id)),
    keptEdges: edges.filter((e) => !dropped.has(e.from) && !dropped.has(e.to)),
  };
}

function search(
  j: Jurisdiction,
  nodes: readonly BorderNode[],
  edges: readonly BorderEdge[],
): BorderAnalysis {
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
    const crossing =
      pathEdges.find((e) => nodes[index.get(e.to) as number].side !== "inside") ??
      pathEdges[pathEdges.length - 1];
    paths.push({ source: n, exit: nodes[at], nodes: pathNodes, edges: pathEdges, crossing, hops });
  });

  return {
    jurisdiction: j.id,
    nodes,
    edges,
    paths,
    verdict: paths.length === 0 ? "sealed" : "crosses-border",
  };
}
