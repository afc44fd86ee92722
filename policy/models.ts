/**
 * The registry of flow tables: every domain's flow models in one list, for the policies that
 * look across domains (name resolution, the generic ARN scanners) and for the review of types.
 */
import { backupFlows } from "./backups";
import { databaseFlows } from "./databases";
import type { FlowModel } from "./flows";
import { keyReplicaFlows } from "./keys";
import { logFlows } from "./logging";
import { networkLinkFlows, remoteSiteFlows } from "./network";
import { storageFlows } from "./storage";
import { registryFlows, transferFlows } from "./transfers";

export function allFlowModels(): readonly FlowModel[] {
  return [
    ...storageFlows,
    ...databaseFlows,
    ...backupFlows,
    ...transferFlows,
    ...registryFlows,
    ...keyReplicaFlows,
    ...networkLinkFlows,
    ...remoteSiteFlows,
    ...logFlows,
  ];
}
