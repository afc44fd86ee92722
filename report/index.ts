/**
 * The residency report of a stack: `report.md` (verdict, controls with the resources that realise
 * them, violations with their paths, the regulations served), `plan.json` (the recorded plan,
 * secrets masked) and `data-paths.svg` (the data-flow graph with the border drawn).
 *
 *     const files = await writeReport(plan, violations, "out/cn-shanghai");
 *
 * `sovereign-dc plan --format md --out DIR` calls `writeReport`; `renderReport` returns the same
 * documents as strings for callers that place them themselves (scripts/regenerate-examples.ts).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { settingsFromStackConfig, type Violation } from "../engine/check";
import type { Plan } from "../engine/plan";
import { plainProps } from "../engine/wire";
import { analyzeBorder, fromPlan, type BorderAnalysis } from "../policy/paths";
import type { ResidencySettings } from "../policy/framework";
import { findJurisdiction } from "../residency/jurisdictions";
import { type Control, evaluateControls } from "./controls";
import { diagramModel, toDot, toMermaid } from "./diagram";
import { renderMarkdown } from "./markdown";
import type { Provenance } from "./provenance";
import { renderSvg } from "./svg";

export type { Control, Evidence, Status } from "./controls";

export interface ReportOptions {
  /** Residency settings; defaults to those of the plan's `sovereign-dc:*` stack config. */
  readonly settings?: ResidencySettings;
  /** Names of the files the markdown refers to; omitted ones are not mentioned. */
  readonly files?: { readonly svg?: string; readonly plan?: string };
  /** What the report was produced from (report/provenance.ts): its own section when given. */
  readonly provenance?: Provenance;
  /** The policies' levels as the pack was configured (a `--policy-config` may set hardening's). */
  readonly levels?: Readonly<Record<string, string>>;
}

export interface RenderedReport {
  readonly markdown: string;
  /** The plan as JSON, values plain and secrets masked. */
  readonly planJson: string;
  /** The diagram as SVG; undefined when the stack has no jurisdiction to draw a border for. */
  readonly svg?: string;
  readonly dot?: string;
  readonly mermaid?: string;
  readonly analysis?: BorderAnalysis;
  readonly controls: readonly Control[];
}

export const reportFiles = {
  markdown: "report.md",
  plan: "plan.json",
  svg: "data-paths.svg",
} as const;

/** The plan for auditors: values plain, secrets masked, everything else as recorded. */
export function planForReport(plan: Plan): unknown {
  const mask = { maskSecrets: "[secret]" };
  return {
    ...plan,
    resources: plan.resources.map((r) => ({
      ...r,
      inputs: plainProps(r.inputs, mask),
      outputs: plainProps(r.outputs, mask),
    })),
  };
}

export async function renderReport(
  plan: Plan,
  violations: readonly Violation[],
  opts: ReportOptions = {},
): Promise<RenderedReport> {
  const settings = opts.settings ?? settingsFromStackConfig(plan.config);
  const jurisdiction = settings.jurisdiction ? findJurisdiction(settings.jurisdiction) : undefined;
  const planJson = `${JSON.stringify(planForReport(plan), null, 2)}\n`;
  if (!jurisdiction) {
    return {
      markdown: renderMarkdown({
        plan,
        violations,
        controls: [],
        files: opts.files ?? {},
        provenance: opts.provenance,
      }),
      planJson,
      controls: [],
    };
  }
  const resources = fromPlan(plan);
  // The stack's settings as the pack reads them: the allowlist, the clusters, accounts and
  // Direct Connect locations it declares.
  const analysis = analyzeBorder(resources, jurisdiction, settings);
  const controls = evaluateControls({
    resources,
    retained: new Set(plan.resources.filter((r) => r.retainOnDelete).map((r) => r.urn)),
    jurisdiction,
    allowlist: settings.egressAllowlist,
    analysis,
    violations,
  });
  const model = diagramModel(analysis, jurisdiction);
  const mermaid = toMermaid(model);
  const dot = toDot(model);
  const svg = await renderSvg(dot);
  const markdown = renderMarkdown({
    plan,
    posture: plan.config["sovereign-dc:posture"] === "strict" ? "strict" : "standard",
    violations,
    jurisdiction,
    controls,
    analysis,
    mermaid,
    files: opts.files ?? { svg: reportFiles.svg },
    provenance: opts.provenance,
    levels: opts.levels,
  });
  return { markdown, planJson, svg, dot, mermaid, analysis, controls };
}

/**
 * Writes `report.md`, `plan.json` and `data-paths.svg` into `outDir` (created if missing) and
 * returns the paths written.
 */
export async function writeReport(
  plan: Plan,
  violations: readonly Violation[],
  outDir: string,
  opts: Omit<ReportOptions, "files"> = {},
): Promise<string[]> {
  const report = await renderReport(plan, violations, {
    ...opts,
    files: { svg: reportFiles.svg, plan: reportFiles.plan },
  });
  fs.mkdirSync(outDir, { recursive: true });
  const written: Array<[string, string]> = [
    [reportFiles.markdown, report.markdown],
    [reportFiles.plan, report.planJson],
  ];
  if (report.svg !== undefined) {
    written.push([reportFiles.svg, report.svg]);
  }
  return written.map(([name, text]) => {
    const file = path.join(outDir, name);
    fs.writeFileSync(file, text);
    return file;
  });
}
