/**
 * Every policy of the pack, importable without starting the analyzer server (policy/index.ts
 * builds the PolicyPack from this list; the offline engine and the tests run the same objects).
 */
import type { Policies } from "@pulumi/policy";
import { backupCopies } from "./backups";
import { residencyConfigured, residencyWaivers } from "./configuration";
import { reviewedResourceTypes } from "./coverage";
import { databaseReplicas } from "./databases";
import { egressRules, internetEgress } from "./egress";
import { publicExposure } from "./exposure";
import { customerKeyEncryption, keyAndSecretReplicas, keyLocality, storeKeyLocality } from "./keys";
import {
  helmReleases,
  kubernetesClusterPlacement,
  kubernetesEgress,
  kubernetesNamespaceEgress,
  kubernetesServiceExposure,
} from "./kubernetes";
import { logShipping } from "./logging";
import { namedDestinations } from "./named";
import { crossAccountLinks, networkLinks, remoteSites } from "./network";
import { arnLocality, globalServices, resourcePlacement } from "./placement";
import { storageReplication } from "./storage";
import { dataTransferJobs, registryReplication } from "./transfers";
import { noPathOutOfJurisdiction } from "./paths/no-path";
import { hardeningPolicyNames, policyNames } from "./names";

export const packName = "sovereign-dc-residency";

export const policies: Policies = [
  residencyConfigured,
  residencyWaivers,
  // Where things are.
  resourcePlacement,
  globalServices,
  arnLocality,
  // Copies and replicas.
  storageReplication,
  databaseReplicas,
  backupCopies,
  dataTransferJobs,
  registryReplication,
  keyAndSecretReplicas,
  logShipping,
  namedDestinations,
  // Network links.
  networkLinks,
  crossAccountLinks,
  remoteSites,
  // Exposure and egress.
  publicExposure,
  internetEgress,
  egressRules,
  kubernetesClusterPlacement,
  kubernetesEgress,
  kubernetesNamespaceEgress,
  kubernetesServiceExposure,
  // Keys.
  keyLocality,
  storeKeyLocality,
  customerKeyEncryption,
  // Fail closed.
  helmReleases,
  reviewedResourceTypes,
  // Paths out of the jurisdiction across any number of hops.
  noPathOutOfJurisdiction,
];

export { hardeningPolicyNames, policyNames } from "./names";

// policy/names.ts is what the engine reads; a policy added, renamed or moved here without it
// would be configured wrongly, so the pack refuses to start.
const defined = policies.map((p) => p.name);
if (JSON.stringify(defined) !== JSON.stringify(policyNames)) {
  throw new Error(
    `policy/names.ts lists ${JSON.stringify(policyNames)}, but policy/policies.ts defines ` +
      `${JSON.stringify(defined)}: make policyNames the pack's policies, in order.`,
  );
}
const unknownHardening = hardeningPolicyNames.filter((n) => !defined.includes(n));
if (unknownHardening.length > 0) {
  throw new Error(
    `policy/names.ts names hardening policies the pack does not define: ${unknownHardening.join(", ")}.`,
  );
}
