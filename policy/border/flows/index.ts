/**
 * The flow model of every resource type the border analysis understands, kept as one table of
 * data: type token → role and edges. A type that is not here creates no edges; whether such a
 * type may appear at all is the per-resource policies' decision (unreviewed types fail closed
 * there).
 */
import type { FlowModel, FlowTable } from "./common";
import { kubernetesFlows } from "./kubernetes";
import { logFlows } from "./logs";

function merge(...tables: FlowTable[]): FlowTable {
  const out: Record<string, FlowModel> = {};
  for (const table of tables) {
    for (const [type, model] of Object.entries(table)) {
      if (type in out) {
        // Two domains modelling one type would silently drop one model's edges.
        throw new Error(`Flow model for ${type} is defined twice.`);
      }
      out[type] = model;
    }
  }
  return out;
}

export const flowModels: FlowTable = merge(logFlows, kubernetesFlows);

export type { FlowModel, FlowTable };
