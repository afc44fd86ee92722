/**
 * Flow models (a role and a function drawing untagged edges, `policy/paths/types/common.ts`) as
 * graph rows. The frozen flow models of the legacy oracles and the hand-drawn graphs of the search
 * tests are written this way; no named policy owns their edges, so none explains their crossings.
 */
import type { Jurisdiction } from "../../residency/jurisdictions";
import {
  analyzeGraph,
  type GraphRow,
  type GraphRows,
  mergeRows,
  typeRows,
} from "../../policy/paths/graph";
import type { BorderAnalysis, BorderOptions, BorderResource } from "../../policy/paths/model";
import { byType } from "../../policy/paths/types";
import type { FlowTable } from "../../policy/paths/types/common";

const cache = new WeakMap<FlowTable, GraphRows>();

export function legacyRows(table: FlowTable): GraphRows {
  const cached = cache.get(table);
  if (cached) {
    return cached;
  }
  const rows: Record<string, GraphRow> = {};
  for (const [type, model] of Object.entries(table)) {
    const flows = model.flows;
    rows[type] = { role: model.role, edges: flows ? (r, x) => flows(r, x) : () => [] };
  }
  cache.set(table, rows);
  return rows;
}

/** The border analysis on the type tables' rows and `table`'s rows as one. */
export function analyzeWithTable(
  resources: readonly BorderResource[],
  jurisdiction: Jurisdiction | string,
  opts: BorderOptions | undefined,
  table: FlowTable,
): BorderAnalysis {
  return analyzeGraph(
    resources,
    jurisdiction,
    opts ?? {},
    mergeRows(typeRows(byType), legacyRows(table)),
  ).analysis;
}
