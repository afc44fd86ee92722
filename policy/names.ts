/**
 * The names of the pack's policies, in the pack's order, and which of them are hardening. The
 * engine writes per-policy config (levels, the stack's settings) from these names alone, so a
 * `plan` or `check` does not load the policies themselves in its own process — they run in the
 * pack's — and starts about 0.3 s sooner. policy/policies.ts checks on load that its policies
 * are exactly these, in this order.
 */
export const policyNames: readonly string[] = [
  "residency-configured",
  "residency-waivers",
  "resource-placement",
  "global-services",
  "arn-locality",
  "storage-replication",
  "database-replicas",
  "backup-copies",
  "data-transfer-jobs",
  "registry-replication",
  "key-and-secret-replicas",
  "log-shipping",
  "named-destinations",
  "network-links",
  "cross-account-links",
  "remote-sites",
  "public-exposure",
  "internet-egress",
  "egress-rules",
  "kubernetes-cluster-placement",
  "kubernetes-egress",
  "kubernetes-namespace-egress",
  "kubernetes-service-exposure",
  "key-locality",
  "store-key-locality",
  "customer-key-encryption",
  "helm-releases",
  "reviewed-resource-types",
  "no-path-out-of-jurisdiction",
];

/**
 * The policies whose findings are hardening that keeps data in place, not a path out: advisory
 * by default, mandatory for a stack in strict posture (the pack config of the stack sets which).
 * Every other policy's findings say that data can leave the jurisdiction or that a destination
 * cannot be placed, and are mandatory.
 */
export const hardeningPolicyNames: readonly string[] = [
  "customer-key-encryption",
  "cross-account-links",
];
