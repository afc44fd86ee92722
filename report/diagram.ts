/**
 * The stack's data paths as a picture with the border drawn: everything inside the jurisdiction
 * in one frame, places outside it around the frame, and the edges of every border-crossing path
 * in red. Two renderings of one layout decision — Mermaid for the markdown, Graphviz DOT for the
 * SVG — so the two cannot disagree about what is inside.
 */
import type { BorderAnalysis, BorderEdge, BorderNode } from "../policy/paths";
import type { Jurisdiction } from "../residency/jurisdictions";

export interface DiagramModel {
  readonly nodes: readonly BorderNode[];
  /** Edges to draw; a pair of opposite edges with the same label is drawn once, both ways. */
  readonly edges: ReadonlyArray<{
    readonly edge: BorderEdge;
    readonly both: boolean;
    readonly crossing: boolean;
  }>;
  readonly jurisdiction: Jurisdiction;
}

/**
 * The nodes worth drawing: data stores and keys, and every node an edge touches. Controls with no
 * edge (ACLs, rules) belong to the report's tables, not the picture.
 */
export function diagramModel(analysis: BorderAnalysis, jurisdiction: Jurisdiction): DiagramModel {
  const onPath = new Set<BorderEdge>(analysis.paths.flatMap((p) => p.edges));
  // An edge from inside to a node that is not is a crossing whether or not a path from a data
  // store or key runs along it (the paths keep one, to the nearest exit, per source): a
  // replication to a bucket of the program abroad beside the one to the region's place.
  const side = new Map(analysis.nodes.map((n) => [n.id, n.side]));
  const red = (e: BorderEdge) =>
    onPath.has(e) || (side.get(e.from) === "inside" && side.get(e.to) !== "inside");
  const touched = new Set<string>();
  const drawn: Array<{ edge: BorderEdge; both: boolean; crossing: boolean }> = [];
  const reverse = new Map<string, BorderEdge>();
  for (const e of analysis.edges) {
    reverse.set(`${e.from}\0${e.to}\0${e.label}`, e);
  }
  const skipped = new Set<BorderEdge>();
  for (const e of analysis.edges) {
    if (skipped.has(e)) {
      continue;
    }
    const back = reverse.get(`${e.to}\0${e.from}\0${e.label}`);
    const both = back !== undefined && back !== e && back.via?.urn === e.via?.urn;
    if (both && back) {
      skipped.add(back);
    }
    drawn.push({
      edge: e,
      both,
      crossing: red(e) || (both && back !== undefined && red(back)),
    });
    touched.add(e.from);
    touched.add(e.to);
  }
  const nodes = analysis.nodes.filter(
    (n) => touched.has(n.id) || n.role === "data" || n.role === "key",
  );
  return { nodes, edges: drawn, jurisdiction };
}

const mermaidShapes: Record<string, [string, string]> = {
  data: ['[("', '")]'],
  key: ['{{"', '"}}'],
  gateway: ['>"', '"]'],
  place: ['(["', '"])'],
  junction: ['(["', '"])'],
};

function mermaidText(s: string): string {
  return s.replace(/"/g, "#quot;");
}

/** A Mermaid flowchart; node IDs follow node order, so the text is stable for a stable plan. */
export function toMermaid(m: DiagramModel): string {
  const id = new Map(m.nodes.map((n, i) => [n.id, `n${i}`]));
  const node = (n: BorderNode) => {
    const [open, close] = mermaidShapes[n.role] ?? ['["', '"]'];
    return `${id.get(n.id)}${open}${mermaidText(n.label)}${close}`;
  };
  const inside = m.nodes.filter((n) => n.side === "inside");
  const outside = m.nodes.filter((n) => n.side !== "inside");
  const lines = ["flowchart LR"];
  lines.push(
    `  subgraph inside["inside ${m.jurisdiction.id} — ${mermaidText(m.jurisdiction.name)}"]`,
  );
  lines.push(...inside.map((n) => `    ${node(n)}`));
  lines.push("  end");
  lines.push(...outside.map((n) => `  ${node(n)}`));
  if (outside.length === 0) {
    lines.push(`  nothing(["outside ${m.jurisdiction.id}: nothing reaches it"])`);
  }
  const crossing: number[] = [];
  m.edges.forEach(({ edge, both, crossing: c }, i) => {
    const from = id.get(edge.from);
    const to = id.get(edge.to);
    lines.push(
      `  ${from} ${both ? "<-->" : "-->"}|"${mermaidText(shortEdgeText(edge).join(": "))}"| ${to}`,
    );
    if (c) {
      crossing.push(i);
    }
  });
  lines.push("  classDef outside fill:#fdecea,stroke:#c0392b,color:#7b241c");
  lines.push("  classDef inside fill:#eef7ee,stroke:#2e7d32");
  if (outside.length > 0) {
    lines.push(`  class ${outside.map((n) => id.get(n.id)).join(",")} outside`);
  } else {
    lines.push("  class nothing outside");
  }
  lines.push("  style inside fill:#f4faf4,stroke:#2e7d32,stroke-width:2px");
  if (crossing.length > 0) {
    lines.push(`  linkStyle ${crossing.join(",")} stroke:#c0392b,stroke-width:3px`);
  }
  return lines.join("\n");
}

function dotText(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
}

const dotShapes: Record<string, string> = {
  data: 'shape=cylinder fillcolor="#ffffff"',
  key: 'shape=hexagon fillcolor="#fff8e1"',
  network: 'shape=box style="rounded,filled" fillcolor="#ffffff"',
  gateway: 'shape=cds fillcolor="#ffffff"',
  workload: 'shape=component fillcolor="#ffffff"',
  junction: 'shape=box style="rounded,dashed,filled" fillcolor="#ffffff"',
  place: 'shape=ellipse fillcolor="#fdecea" color="#c0392b" fontcolor="#7b241c"',
};

const allowedPlace = 'shape=ellipse fillcolor="#fff8e1" color="#b7950b" fontcolor="#5d4037"';

/** Resource labels break after the kind, so long names stay readable in a narrow box. */
function nodeLabel(n: BorderNode): string {
  if (n.resource) {
    const at = n.label.indexOf(' "');
    return `${dotText(n.label.slice(0, at))}\\n${dotText(n.resource.name)}`;
  }
  return dotText(n.label).replace(/ \(/, "\\n(");
}

/**
 * An edge's kind and, when short (a CIDR, a setting), its detail — or the detail's first clause
 * (`10.30.0.0/16 tcp 443` of `10.30.0.0/16 tcp 443; <the allowlist entry's reason>`), which
 * names the flow when the rest justifies it: the resource names that carry each edge are in the
 * report's paths and tables, the whole detail in the SVG's tooltip, and on every arrow they would
 * crowd the picture.
 */
function shortEdgeText(e: BorderEdge): string[] {
  const head = e.detail?.split("; ")[0];
  return head && head.length <= 24 ? [e.label, head] : [e.label];
}

/** Graphviz DOT source of the same picture. */
export function toDot(m: DiagramModel): string {
  const id = new Map(m.nodes.map((n, i) => [n.id, `n${i}`]));
  const node = (n: BorderNode) => {
    // A place inside (an allowlisted destination) is no way out: amber, where places abroad are red.
    const style =
      n.role === "place" && n.side === "inside"
        ? allowedPlace
        : (dotShapes[n.role] ?? 'shape=box fillcolor="#ffffff"');
    const outside =
      n.side !== "inside" && n.role !== "place" ? ' color="#c0392b" fillcolor="#fdecea"' : "";
    return `${id.get(n.id)} [label="${nodeLabel(n)}" ${style}${outside}];`;
  };
  const inside = m.nodes.filter((n) => n.side === "inside");
  const outside = m.nodes.filter((n) => n.side !== "inside");
  const lines = [
    "digraph dataPaths {",
    '  graph [rankdir=LR fontname="Helvetica" fontsize=12 nodesep=0.35 ranksep=0.7 pad=0.3];',
    // Graphviz sizes boxes by Helvetica's metrics; the margin leaves room for wider fallback fonts.
    '  node [fontname="Helvetica" fontsize=10 style=filled margin="0.25,0.08"];',
    '  edge [fontname="Helvetica" fontsize=9 color="#555555" fontcolor="#333333"];',
    "  subgraph cluster_inside {",
    `    label="inside ${dotText(m.jurisdiction.id)} — ${dotText(m.jurisdiction.name)}";`,
    '    style="rounded,filled"; fillcolor="#f4faf4"; color="#2e7d32"; penwidth=2; fontcolor="#1b5e20";',
    ...inside.map((n) => `    ${node(n)}`),
    "  }",
    ...outside.map((n) => `  ${node(n)}`),
  ];
  if (outside.length === 0) {
    lines.push(
      `  outside [label="outside ${dotText(m.jurisdiction.id)}\\nnothing reaches it" shape=ellipse style="dashed" color="#c0392b" fontcolor="#7b241c"];`,
    );
    // Invisible edges from the last nodes of every flow put the empty outside to their right,
    // where a crossing would have led.
    const sources = new Set(m.edges.map((e) => e.edge.from));
    for (const n of inside.filter((n) => !sources.has(n.id))) {
      lines.push(`  ${id.get(n.id)} -> outside [style=invis];`);
    }
  }
  for (const { edge, both, crossing } of m.edges) {
    const short = shortEdgeText(edge);
    const attrs = [`label="${short.map(dotText).join("\\n")}"`];
    if (edge.detail && short[1] !== edge.detail) {
      // What the arrow leaves out (a justification, a long detail) shows on hover in the SVG.
      attrs.push(`tooltip="${dotText(`${edge.label}: ${edge.detail}`)}"`);
    }
    if (both) {
      attrs.push("dir=both");
    }
    if (crossing) {
      attrs.push('color="#c0392b" fontcolor="#c0392b" penwidth=2.5');
    }
    lines.push(`  ${id.get(edge.from)} -> ${id.get(edge.to)} [${attrs.join(" ")}];`);
  }
  lines.push("}");
  return lines.join("\n");
}
