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
import { helmReleases, kubernetesEgress, kubernetesServiceExposure } from "./kubernetes";
import { logShipping } from "./logging";
import { namedDestinations } from "./named";
import { crossAccountLinks, networkLinks, remoteSites } from "./network";
import { arnLocality, globalServices, resourcePlacement } from "./placement";
import { storageReplication } from "./storage";
import { dataTransferJobs, registryReplication } from "./transfers";
import { noPathOutOfJurisdiction } from "./border/policy";

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
  kubernetesEgress,
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

/** The names of every policy, for generating per-policy config. */
export const policyNames: readonly string[] = policies.map((p) => p.name);

/**
 * The policies whose findings are hardening that keeps data in place, not a path out: advisory
 * by default, mandatory for a stack in strict posture (the pack config of the stack sets which).
 * Every other policy's findings say that data can leave the jurisdiction or that a destination
 * cannot be placed, and are mandatory.
 */
export const hardeningPolicyNames: readonly string[] = [
  customerKeyEncryption.name,
  crossAccountLinks.name,
];
