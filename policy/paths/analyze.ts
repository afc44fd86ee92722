/**
 * The border analysis: the stack's data-flow graph, built from the rows of the type tables, and,
 * for every data store and key, the shortest path to a node outside the jurisdiction.
 */
import type { Jurisdiction } from "../../residency/jurisdictions";
import { analyzeGraph, typeRows } from "./graph";
import type { BorderAnalysis, BorderOptions, BorderResource } from "./model";
import { byType } from "./types";

let rows: ReturnType<typeof typeRows> | undefined;

/** The type tables' rows, compiled once. */
export function tableRows(): ReturnType<typeof typeRows> {
  rows ??= typeRows(byType);
  return rows;
}

export function analyzeBorder(
  resources: readonly BorderResource[],
  jurisdiction: Jurisdiction | string,
  opts: BorderOptions = {},
): BorderAnalysis {
  return analyzeWithGraph(resources, jurisdiction, opts).analysis;
}

/** The analysis with its graph, for the policy that asks which crossings others explain. */
export function analyzeWithGraph(
  resources: readonly BorderResource[],
  jurisdiction: Jurisdiction | string,
  opts: BorderOptions = {},
): ReturnType<typeof analyzeGraph> {
  return analyzeGraph(resources, jurisdiction, opts, tableRows());
}
