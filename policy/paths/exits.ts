/**
 * internet-egress over the whole stack: each way out to the internet is one finding. A default
 * route to a NAT gateway, the gateway, the association that binds its EIP and the EIP are four
 * resources with an internet field each, but one exit: the graph links them (route → gateway →
 * association → address → the internet), and the finding names the chain in that order, from the
 * network whose internet-bound traffic takes it. A resource whose exit no other links to (an
 * instance with a public IP of its own, an EIP bound to nothing) is an exit of its own.
 */
import type { Finding } from "../framework";
import { tableRows } from "./analyze";
import { buildGraph, typeRows } from "./graph";
import {
  type BorderNode,
  type BorderResource,
  type Endpoint,
  isPlace,
  type TypeTable,
} from "./model";
import { byType } from "./types";
import { type InternetExit, internetExit, type ViewContext, type ViewSubject } from "./views";

const internet = "the internet (any country)";

/** A resource of the stack with the exit internet-egress reads on it. */
interface Exit extends InternetExit {
  readonly urn: string;
  readonly name: string;
}

/**
 * internet-egress's findings on the stack: one per exit chain, on the first resource of the
 * chain (the one no other link of it leads into), with the chain as its path.
 */
export function exitFindings(
  subjects: readonly (ViewSubject & { readonly urn: string })[],
  resources: () => readonly BorderResource[],
  ctx: ViewContext,
  table: TypeTable = byType,
): Finding[] {
  const exits: Exit[] = [];
  for (const s of subjects) {
    const exit = internetExit(s, ctx, table);
    if (exit) {
      exits.push({ ...exit, urn: s.urn, name: s.name });
    }
  }
  if (exits.length < 2) {
    return exits.flatMap(alone);
  }
  const graphRows = table === byType ? tableRows() : typeRows(table);
  const graph = buildGraph(resources(), ctx.jurisdiction, ctx.settings, graphRows);
  // A way out is the same resources whether or not a gate shuts it today (a security group that
  // admits nothing keeps an instance from its EIP until a rule changes): shut edges link too.
  const id = (e: Endpoint) => (isPlace(e) ? `place:${e.key}` : e.urn);
  const shut = graph.shut.map((e) => ({ from: id(e.from), to: id(e.to), via: e.via }));
  return chains(exits, graph.nodes, [...graph.edges, ...shut]).flatMap((c) =>
    c.members.length === 1 ? alone(c.members[0]) : [chainFinding(c)],
  );
}

/** The findings of an exit no other exit links to: one per opening value, as the row says. */
function alone(e: Exit): Finding[] {
  return e.reasons.map((reason) => ({
    message: `${e.label} must not open an edge to the internet, but ${reason}. ${e.fix}`,
    path: [e.label, internet],
    urn: e.urn,
    resourceName: e.name,
  }));
}

interface Chain {
  /** The exits of the chain, in the order data takes them. */
  readonly members: readonly Exit[];
  /** The junction or resource the chain's first link takes traffic from (a network's). */
  readonly from?: string;
}

/** An edge of the graph as `chains` reads it: its ends' node ids and the resource it passes. */
interface Link {
  readonly from: string;
  readonly to: string;
  readonly via?: { readonly urn: string };
}

/**
 * The exits the graph links, grouped and ordered: two exits belong to one chain when an edge
 * leads from one to the other (directly, or through the resource it passes `via`), and a chain
 * lists its exits so that each comes after those that lead into it. Exits that lead into the
 * same link from no other make a chain each: each is a way out, cut by removing it alone.
 */
function chains(
  exits: readonly Exit[],
  nodes: readonly BorderNode[],
  edges: readonly Link[],
): Chain[] {
  const index = new Map(exits.map((e, i) => [e.urn, i]));
  const parent = exits.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const next = exits.map(() => new Set<number>());
  const entered = exits.map(() => 0);
  const node = new Map(nodes.map((n) => [n.id, n]));
  const feeds = new Map<number, string>();
  for (const e of edges) {
    const seq = [e.from, e.via?.urn, e.to]
      .map((id) => (id === undefined ? undefined : index.get(id)))
      .filter((i): i is number => i !== undefined);
    for (let k = 1; k < seq.length; k++) {
      const [a, b] = [seq[k - 1], seq[k]];
      parent[find(a)] = find(b);
      if (!next[a].has(b)) {
        next[a].add(b);
        entered[b] += 1;
      }
    }
    // What the chain's first link takes traffic from: the node the edge leaves, when it is not
    // itself an exit — a network's internet-bound traffic, or the resource an exit binds (the
    // instance an EIP association binds its EIP to).
    if (seq.length > 0 && !index.has(e.from) && !feeds.has(seq[0])) {
      const from = node.get(e.from);
      const binds = e.via !== undefined && e.via.urn === exits[seq[0]].urn;
      if (from && (from.role === "junction" || binds)) {
        feeds.set(seq[0], from.label);
      }
    }
  }
  // Kahn's order over each group, ties in the order the program declared the resources.
  const order: number[] = [];
  const waiting = [...entered];
  const ready = exits.map((_, i) => i).filter((i) => waiting[i] === 0);
  for (let head = 0; head < ready.length; head++) {
    const i = ready[head];
    order.push(i);
    for (const j of [...next[i]].sort((a, b) => a - b)) {
      waiting[j] -= 1;
      if (waiting[j] === 0) {
        ready.push(j);
      }
    }
  }
  // A cycle (two exits leading into each other) keeps its members in declaration order.
  const placed = new Set(order);
  order.push(...exits.map((_, i) => i).filter((i) => !placed.has(i)));
  const groups = new Map<number, number[]>();
  for (const i of order) {
    const root = find(i);
    const group = groups.get(root);
    if (group) {
      group.push(i);
    } else {
      groups.set(root, [i]);
    }
  }
  // Exits that lead into the same link are ways out of their own (two route tables' default
  // routes to one internet gateway): one chain from each first exit, through what it reaches.
  const reach = (i: number, seen: Set<number>): Set<number> => {
    seen.add(i);
    for (const j of next[i]) {
      if (!seen.has(j)) {
        reach(j, seen);
      }
    }
    return seen;
  };
  return [...groups.values()]
    .sort((a, b) => Math.min(...a) - Math.min(...b))
    .flatMap((g) => {
      const heads = g.filter((i) => entered[i] === 0);
      const starts = heads.length > 1 ? heads : [g[0]];
      return starts.map((h) => {
        const reached = heads.length > 1 ? reach(h, new Set()) : undefined;
        const members = reached ? g.filter((i) => reached.has(i)) : g;
        return { members: members.map((i) => exits[i]), from: feeds.get(h) };
      });
    });
}

/** One chain's finding: on its first exit, every link's reason, every link's fix once. */
function chainFinding(c: Chain): Finding {
  const [head, ...rest] = c.members;
  const others = rest.map((m) => m.label);
  const withOthers =
    others.length === 1
      ? others[0]
      : `${others.slice(0, -1).join(", ")} and ${others[others.length - 1]}`;
  const reasons = c.members.map((m) => `${m.label}: ${m.reasons.join("; ")}`).join("; ");
  // Each fix once, after the links it cuts: "Remove it" must say which.
  const byFix = new Map<string, string[]>();
  for (const m of c.members) {
    const labels = byFix.get(m.fix) ?? [];
    labels.push(m.label);
    byFix.set(m.fix, labels);
  }
  const fixes = [...byFix].map(([fix, labels]) => `${labels.join(", ")}: ${fix}`).join(" ");
  return {
    message: `${head.label} must not open an edge to the internet, but with ${withOthers} it makes one way out — ${reasons}. Cut the chain at any link: ${fixes}`,
    path: [...(c.from ? [c.from] : []), ...c.members.map((m) => m.label), internet],
    urn: head.urn,
    resourceName: head.name,
  };
}
