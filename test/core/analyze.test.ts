/**
 * The search of the border analysis (policy/paths/graph.ts) on graphs drawn by hand: a type table
 * of test types whose rows draw the edges written in a resource's props, so each test states the
 * graph it needs — shortest exits, junctions that lead nowhere, duplicate edges, where a path
 * crosses — and asserts the whole analysis. No policy owns these edges, so the rows carry no fix.
 * test/border/analyze.test.ts covers the real domain tables.
 */
import { type BorderAnalysis, type BorderResource, edgeText, type Role } from "../../policy/paths";
import { reachOfAddress } from "../../policy/paths/addresses";
import { analyzeGraph, typeRows } from "../../policy/paths/graph";
import type { BorderOptions, Endpoint, FlowEdge, TypeTable } from "../../policy/paths/model";
import type { Resolver } from "../../policy/paths/resolver";
import { getJurisdiction, type Jurisdiction } from "../../residency/jurisdictions";

const nodeType = "aws:test/node:Node";

/** Where an edge of a test node goes. */
type To =
  | { readonly node: string }
  | { readonly region: string }
  | { readonly hub: string }
  | { readonly internet: true }
  | { readonly unknown: string };

interface EdgeSpec {
  readonly to: To;
  readonly label?: FlowEdge["label"];
  readonly detail?: string;
  readonly via?: string;
}

function endpoint(x: Resolver, to: To): Endpoint {
  if ("node" in to) {
    return x.get(urnOf(to.node)) as BorderResource;
  }
  if ("region" in to) {
    return x.regionPlace("aws", to.region);
  }
  if ("hub" in to) {
    return x.regionHub("aws", to.hub);
  }
  return "internet" in to ? x.internet : x.unknownPlace(to.unknown);
}

const table: TypeTable = {
  [nodeType]: {
    role: (r) => (r.props.role as Role | undefined) ?? "other",
    fix: "",
    edges: (r, x) =>
      ((r.props.edges as EdgeSpec[] | undefined) ?? []).map((e) => ({
        from: r,
        to: endpoint(x, e.to),
        label: e.label ?? "replication",
        detail: e.detail,
        via: e.via === undefined ? undefined : x.get(urnOf(e.via)),
      })),
  },
  // A public address of the resource, unless the stack's allowlist covers it.
  "aws:test/addr:Addr": {
    role: "data",
    fix: "",
    edges: (r, x) =>
      reachOfAddress(r.props.addr, x.allowlist).kind === "internet"
        ? [{ from: r, to: x.internet, label: "public address", detail: String(r.props.addr) }]
        : [],
  },
};

const urnOf = (name: string) => `urn:test::${name}`;

const beijing: BorderResource = {
  urn: urnOf("beijing"),
  type: "pulumi:providers:aws",
  name: "beijing",
  props: { region: "cn-north-1" },
  dependencies: [],
  propertyDependencies: {},
  protect: false,
};
const virginia: BorderResource = {
  ...beijing,
  urn: urnOf("virginia"),
  name: "virginia",
  props: { region: "us-east-1" },
};

function node(
  name: string,
  role: Role | undefined,
  edges: EdgeSpec[] = [],
  provider: BorderResource | null = beijing,
  type = nodeType,
): BorderResource {
  return {
    urn: urnOf(name),
    type,
    name,
    props: { ...(role ? { role } : {}), edges },
    provider: provider?.urn ?? undefined,
    dependencies: [],
    propertyDependencies: {},
    protect: false,
  };
}

/** The analysis of `resources` over `rows` alone: the graph holds only what a test draws. */
function analyzeWith(
  resources: readonly BorderResource[],
  jurisdiction: Jurisdiction | string,
  opts: BorderOptions | undefined,
  rows: TypeTable,
): BorderAnalysis {
  return analyzeGraph(resources, jurisdiction, opts ?? {}, typeRows(rows)).analysis;
}

function analyze(...resources: BorderResource[]): BorderAnalysis {
  return analyzeWith([beijing, virginia, ...resources], "CN", {}, table);
}

const label = (name: string) => `test node "${name}"`;
const usEast = "place:region:aws:us-east-1";
const usEastLabel = "us-east-1 (outside CN, in US)";

describe("the graph", () => {
  test("a data store that replicates abroad through a network node", () => {
    const a = node("a", "data", [{ to: { node: "b" } }]);
    const b = node("b", "network", [
      { to: { region: "us-east-1" }, label: "peering", detail: "pcx" },
    ]);
    const analysis = analyze(a, b);
    expect(analysis).toEqual({
      jurisdiction: "CN",
      nodes: [
        {
          id: a.urn,
          label: label("a"),
          side: "inside",
          role: "data",
          resource: { urn: a.urn, type: nodeType, name: "a" },
        },
        {
          id: b.urn,
          label: label("b"),
          side: "inside",
          role: "network",
          resource: { urn: b.urn, type: nodeType, name: "b" },
        },
        { id: usEast, label: usEastLabel, side: "outside", role: "place" },
      ],
      edges: [
        { from: a.urn, to: b.urn, label: "replication", via: undefined, detail: undefined },
        { from: b.urn, to: usEast, label: "peering", via: undefined, detail: "pcx" },
      ],
      paths: [
        {
          source: analysis.nodes[0],
          exit: analysis.nodes[2],
          nodes: [a.urn, b.urn, usEast],
          edges: analysis.edges,
          crossing: analysis.edges[1],
          hops: [label("a"), "replication", label("b"), "peering (pcx)", usEastLabel],
        },
      ],
      verdict: "crosses-border",
    });
  });

  test("the same store replicating inside the border is sealed", () => {
    const a = node("a", "data", [{ to: { node: "b" } }]);
    const b = node("b", "network", [{ to: { region: "cn-northwest-1" } }]);
    const analysis = analyze(a, b);
    expect(analysis.paths).toEqual([]);
    expect(analysis.verdict).toBe("sealed");
    expect(analysis.nodes.map((n) => [n.id, n.side, n.role])).toEqual([
      [a.urn, "inside", "data"],
      [b.urn, "inside", "network"],
      ["place:region:aws:cn-northwest-1", "inside", "place"],
    ]);
  });

  test("only data stores and keys are sources, and each takes its nearest exit", () => {
    const far = node("far", "data", [{ to: { node: "mid" } }, { to: { unknown: "somewhere" } }]);
    const mid = node("mid", "other", [{ to: { region: "us-east-1" } }]);
    const key = node("key", "key", [{ to: { node: "mid" } }]);
    const workload = node("w", "workload", [{ to: { internet: true } }]);
    const analysis = analyze(far, mid, key, workload);
    expect(analysis.paths.map((p) => [p.source.id, p.hops, p.exit.side])).toEqual([
      [far.urn, [label("far"), "replication", "unknown (somewhere)"], "unknown"],
      [key.urn, [label("key"), "replication", label("mid"), "replication", usEastLabel], "outside"],
    ]);
  });

  test("the crossing is the first edge into a node that is not inside", () => {
    const a = node("a", "data", [{ to: { node: "abroad" }, label: "backup copy" }]);
    const abroad = node("abroad", "data", [{ to: { node: "c" } }], virginia);
    const c = node("c", "other", [{ to: { internet: true }, label: "public address" }]);
    const analysis = analyze(a, abroad, c);
    const [path, abroadPath] = analysis.paths;
    expect(path.hops).toEqual([
      label("a"),
      "backup copy",
      label("abroad"),
      "placed in",
      usEastLabel,
    ]);
    expect(path.crossing).toEqual({
      from: a.urn,
      to: abroad.urn,
      label: "backup copy",
      via: undefined,
      detail: undefined,
    });
    expect(abroadPath.crossing).toEqual({
      from: abroad.urn,
      to: usEast,
      label: "placed in",
      via: undefined,
      detail: undefined,
    });
    expect(analysis.nodes.find((n) => n.id === abroad.urn)?.side).toBe("outside");
  });

  test("the resource that makes an edge is named in its hop", () => {
    const a = node("a", "data", [{ to: { node: "b" } }]);
    const b = node("b", "other", [{ to: { region: "us-east-1" }, via: "a" }]);
    const [path] = analyze(a, b).paths;
    expect(path.crossing).toEqual({
      from: b.urn,
      to: usEast,
      label: "replication",
      via: { urn: a.urn, type: nodeType, name: "a" },
      detail: undefined,
    });
    expect(path.hops[3]).toBe('replication "a"');
  });

  test("resources without a provider, providers and other pulumi types are not nodes", () => {
    const orphan = node("orphan", "data", [{ to: { internet: true } }], null);
    const stack = node(
      "stack",
      "data",
      [{ to: { internet: true } }],
      beijing,
      "pulumi:pulumi:Stack",
    );
    expect(analyze(orphan, stack)).toEqual({
      jurisdiction: "CN",
      nodes: [],
      edges: [],
      paths: [],
      verdict: "sealed",
    });
  });

  test("a type without a row is `other`; placements decide the side", () => {
    const plain = node("plain", undefined, [], beijing, "aws:test/plain:Plain");
    const global = node("global", "data", [], beijing, "aws:cloudfront/distribution:Distribution");
    // An identity holds no data: partition-wide, but no place of its own and never outside.
    const identity = node("identity", undefined, [], beijing, "aws:iam/role:Role");
    const unplaced = node("unplaced", "data", [], { ...beijing, urn: urnOf("none"), props: {} });
    const noProvider = { ...unplaced, urn: urnOf("u2"), name: "u2", provider: urnOf("missing") };
    const analysis = analyzeWith(
      [
        beijing,
        { ...beijing, urn: urnOf("none"), props: {} },
        plain,
        global,
        identity,
        unplaced,
        noProvider,
      ],
      getJurisdiction("CN"),
      {},
      table,
    );
    expect(analysis.nodes.map((n) => [n.label, n.side, n.role])).toEqual([
      ['test plain "plain"', "inside", "other"],
      ['cloudfront distribution "global"', "outside", "other"],
      ["aws global service (global, outside CN)", "outside", "place"],
      ['iam role "identity"', "inside", "other"],
      [label("unplaced"), "unknown", "data"],
      [
        `unknown (${label("unplaced")}: neither the resource nor its aws provider sets a region)`,
        "unknown",
        "place",
      ],
      [label("u2"), "unknown", "data"],
      [
        `unknown (${label("u2")}: neither the resource nor its aws provider sets a region)`,
        "unknown",
        "place",
      ],
    ]);
    expect(analysis.paths.map((p) => p.hops)).toEqual([
      [
        label("unplaced"),
        "placed in",
        `unknown (${label("unplaced")}: neither the resource nor its aws provider sets a region)`,
      ],
      [
        label("u2"),
        "placed in",
        `unknown (${label("u2")}: neither the resource nor its aws provider sets a region)`,
      ],
    ]);
  });

  test("edges are kept once, and never from a node to itself", () => {
    const a = node("a", "data", [
      { to: { node: "a" } },
      { to: { node: "b" } },
      { to: { node: "b" } },
      { to: { node: "b" }, detail: "d" },
      { to: { node: "b" }, detail: "e" },
      { to: { node: "b" }, via: "b" },
      { to: { node: "b" }, via: "a" },
      { to: { node: "b" }, label: "peering" },
    ]);
    const b = node("b", "other");
    expect(analyze(a, b).edges.map(edgeText)).toEqual([
      "replication",
      "replication (d)",
      "replication (e)",
      'replication "b"',
      'replication "a"',
      "peering",
    ]);
  });
});

describe("junctions", () => {
  test("a junction that leads nowhere is dropped with the edges into it", () => {
    const a = node("a", "data", [{ to: { hub: "cn-north-1" } }]);
    const b = node("b", "other", [{ to: { region: "us-east-1" } }]);
    const analysis = analyze(a, b, node("c", "other", [{ to: { hub: "cn-north-1" } }]));
    expect(analysis.nodes.map((n) => n.id)).toEqual([a.urn, b.urn, usEast, urnOf("c")]);
    expect(analysis.edges).toEqual([
      { from: b.urn, to: usEast, label: "replication", via: undefined, detail: undefined },
    ]);
  });

  test("junctions that lead only into each other are dropped to a fixed point", () => {
    // hub(cn-north-1) → hub(cn-northwest-1) is drawn by a test node placing both ends: the flow
    // of a node can start at a place it names.
    const chained: TypeTable = {
      ...table,
      "aws:test/chain:Chain": {
        role: "other",
        fix: "",
        edges: (_r, x) => [
          {
            from: x.regionHub("aws", "cn-north-1"),
            to: x.regionHub("aws", "cn-northwest-1"),
            label: "in region",
          },
          {
            from: x.regionHub("aws", "cn-northwest-1"),
            to: x.regionHub("aws", "us-east-1"),
            label: "in region",
          },
        ],
      },
    };
    const a = node("a", "data", [{ to: { hub: "cn-north-1" } }]);
    const chain = node("chain", "other", [], beijing, "aws:test/chain:Chain");
    const analysis = analyzeWith([beijing, a, chain], "CN", {}, chained);
    expect(analysis.nodes.map((n) => [n.id, n.role, n.side])).toEqual([
      [a.urn, "data", "inside"],
      [chain.urn, "other", "inside"],
    ]);
    expect(analysis.edges).toEqual([]);

    // With an exit behind the last hub, every hub is on the way and kept.
    const exit: TypeTable = {
      ...chained,
      "aws:test/exit:Exit": {
        role: "other",
        fix: "",
        edges: (_r, x) => [
          { from: x.regionHub("aws", "us-east-1"), to: x.internet, label: "public address" },
        ],
      },
    };
    const out = analyzeWith(
      [beijing, a, chain, node("exit", "other", [], beijing, "aws:test/exit:Exit")],
      "CN",
      {},
      exit,
    );
    expect(out.paths.map((p) => p.hops)).toEqual([
      [
        label("a"),
        "replication",
        "every network in cn-north-1",
        "in region",
        "every network in cn-northwest-1",
        "in region",
        "every network in us-east-1",
        "public address",
        "the public internet",
      ],
    ]);
    expect(out.paths[0].crossing.to).toBe("place:hub:aws:us-east-1");
    expect(out.nodes.filter((n) => n.role === "junction").map((n) => n.side)).toEqual([
      "inside",
      "inside",
      "outside",
    ]);
  });

  test("a junction nothing leads into is dropped even when it leads out", () => {
    const outOnly: TypeTable = {
      ...table,
      "aws:test/hub:Hub": {
        role: "other",
        fix: "",
        edges: (_r, x) => [
          { from: x.regionHub("aws", "cn-north-1"), to: x.internet, label: "public address" },
        ],
      },
    };
    const analysis = analyzeWith(
      [beijing, node("h", "data", [], beijing, "aws:test/hub:Hub")],
      "CN",
      {},
      outOnly,
    );
    expect(analysis.nodes.map((n) => n.id)).toEqual([urnOf("h"), "place:internet"]);
    expect(analysis.edges).toEqual([]);
    expect(analysis.verdict).toBe("sealed");
  });
});

describe("junctions that lead only out of a dropped junction", () => {
  /** A table whose one test type draws the hub-to-hub edges listed in its props. */
  const hubs: TypeTable = {
    ...table,
    "aws:test/hubs:Hubs": {
      role: "other",
      fix: "",
      edges: (r, x) =>
        (r.props.links as [string, string][]).map(([from, to]) => ({
          from: x.regionHub("aws", from),
          to: to === "internet" ? x.internet : x.regionHub("aws", to),
          label: "in region",
        })),
    },
  };
  const hubsOf = (links: [string, string][]) => ({
    ...node("hubs", "other", [], beijing, "aws:test/hubs:Hubs"),
    props: { links },
  });

  test("are dropped in turn when nothing else leads into them", () => {
    // j1 is entered by nothing; dropping it leaves j2 and j3 entered by nothing too.
    const analysis = analyzeWith(
      [
        beijing,
        hubsOf([
          ["j1", "j2"],
          ["j1", "j3"],
          ["j2", "internet"],
          ["j3", "internet"],
        ]),
      ],
      "CN",
      {},
      hubs,
    );
    expect(analysis.nodes.map((n) => n.id)).toEqual([urnOf("hubs"), "place:internet"]);
    expect(analysis.edges).toEqual([]);
  });

  test("are kept while a data store still leads into them", () => {
    // z is entered by the store and by j1; dropping j1 (reached twice on the work list, through
    // y and x) must take z's in-degree down once only.
    const store = node("store", "data", [{ to: { hub: "z" } }]);
    const analysis = analyzeWith(
      [
        beijing,
        store,
        hubsOf([
          ["j1", "z"],
          ["j1", "x"],
          ["x", "y"],
          ["z", "internet"],
        ]),
      ],
      "CN",
      {},
      hubs,
    );
    expect(analysis.paths.map((p) => p.hops)).toEqual([
      [label("store"), "replication", "every network in z", "in region", "the public internet"],
    ]);
    expect(analysis.nodes.map((n) => n.id)).toEqual([
      store.urn,
      "place:hub:aws:z",
      urnOf("hubs"),
      "place:internet",
    ]);
  });
});

test("the stack's egress allowlist reaches the rows; without one nothing is allowlisted", () => {
  const host = {
    ...node("host", "data", [], beijing, "aws:test/addr:Addr"),
    props: { addr: "203.0.113.10" },
  };
  expect(analyzeWith([beijing, host], "CN", {}, table).paths.map((p) => p.hops)).toEqual([
    ['test addr "host"', "public address (203.0.113.10)", "the public internet"],
  ]);
  expect(analyzeWith([beijing, host], "CN", undefined, table).verdict).toBe("crosses-border");
  const allowlist = [{ cidr: "203.0.113.0/24", reason: "plant" }];
  expect(analyzeWith([beijing, host], "CN", { egressAllowlist: allowlist }, table).verdict).toBe(
    "sealed",
  );
});

test("edges read as their label, the resource that makes them and their detail", () => {
  expect(edgeText({ from: "a", to: "b", label: "route" })).toBe("route");
  expect(
    edgeText({
      from: "a",
      to: "b",
      label: "route",
      via: { urn: "u", type: "t", name: "default" },
      detail: "0.0.0.0/0",
    }),
  ).toBe('route "default" (0.0.0.0/0)');
});
