/**
 * The registry of flow tables: every domain's flow models in one list, for the policies that
 * look across domains (name resolution, the generic ARN scanners) and for the review of types,
 * the type tables' rows included.
 */
import type { FlowModel } from "./flows";
import { byType } from "./paths/types";
import { tableFlowModels } from "./paths/views";

/** Made on first use (the tables import policies that import this registry) and kept. */
let all: readonly FlowModel[] | undefined;

export function allFlowModels(): readonly FlowModel[] {
  return (all ??= tableFlowModels(byType));
}
