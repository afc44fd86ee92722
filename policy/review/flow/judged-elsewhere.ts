import type { PropertyReview } from "../model";

/**
 * Inputs of flow-modelled types whose path another field of the row, or the same input of a
 * sibling type, already settles.
 */
export const readings: readonly PropertyReview[] = [
  {
    path: /^enablePublic$/,
    types: /^alicloud:kvstore\/instance:/,
    reading: "public-exposure",
    reason:
      "turns the instance's public endpoint on: public-exposure judges the instance's whitelist (securityIps) whether the endpoint is on or not, so a whitelist that admits the internet fails either way and a private one keeps the public endpoint closed to it",
  },
  {
    path: /^(items\[\]\.)?spec\.externalIPs\[\]$/,
    types: /^kubernetes:core\/v1:Service(List|Patch)?$/,
    reading: "kubernetes-service-exposure",
    reason:
      "addresses the nodes serve the Service on, whatever its type: kubernetes-service-exposure (policy/kubernetes.ts serviceFindings) fails any that is not private, or not known at preview, on a Service, a Patch and every entry of a List (objectsOf)",
  },
  {
    path: /^sourceEndpointInstanceType$/,
    types: /^alicloud:dbs\/backupPlan:/,
    reading: "backup-copies",
    reason:
      "how the source database is reached: backup-copies reads its address as a site outside the cloud (inside only when allowlisted) when it is Express or Agent, or not known at preview, and as a host reached from the cloud otherwise (policy/paths/types/rows.ts hostOrSite)",
  },
  {
    path: /^(source|destination)EndpointInstanceType$/,
    types: /^alicloud:dts\/(migrationJob|synchronizationJob|subscriptionJob):/,
    reading: "data-transfer-jobs",
    reason:
      "how the endpoint is reached: data-transfer-jobs reads the endpoint's address as a site outside the cloud (inside only when allowlisted) when it is DG, EXPRESS or CEN, or not known at preview, and as a host the job reaches from the cloud otherwise (policy/paths/types/rows.ts hostOrSite)",
  },
];
