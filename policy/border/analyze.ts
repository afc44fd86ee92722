/**
 * The border analysis: the stack's data-flow graph and, for every data store and key, the
 * shortest path to a node outside the jurisdiction. The graph is the one data-flow model's
 * (policy/paths/graph.ts), built from the type tables and from the flow models of `./flows`.
 */
import type { Jurisdiction } from "../../residency/jurisdictions";
import { analyzeGraph, edgeText, legacyRows, mergeRows, typeRows } from "../paths/graph";
import { byType } from "../paths/types";
import { flowModels, type FlowTable } from "./flows";
import type { BorderAnalysis, BorderOptions, BorderResource } from "./model";

export { edgeText };

export function analyzeBorder(
  resources: readonly BorderResource[],
  jurisdiction: Jurisdiction | string,
  opts: BorderOptions = {},
  models: FlowTable = flowModels,
): BorderAnalysis {
  return analyzeWithGraph(resources, jurisdiction, opts, models).analysis;
}

/** The analysis with its graph, for the policy that asks which crossings others explain. */
export function analyzeWithGraph(
  resources: readonly BorderResource[],
  jurisdiction: Jurisdiction | string,
  opts: BorderOptions = {},
  models: FlowTable = flowModels,
): ReturnType<typeof analyzeGraph> {
  return analyzeGraph(resources, jurisdiction, opts, rowsFor(models));
}

const rowsCache = new WeakMap<FlowTable, ReturnType<typeof mergeRows>>();

/** The type tables' rows and the flow models' rows as one; built once per flow table. */
function rowsFor(models: FlowTable) {
  let rows = rowsCache.get(models);
  if (!rows) {
    rows = mergeRows(typeRows(byType), legacyRows(models));
    rowsCache.set(models, rows);
  }
  return rows;
}
