/**
 * Data movers: DTS synchronisation, migration and subscription; DMS endpoints and tasks;
 * DataSync tasks; and container-registry replication and pulls. Their data paths are the rows of
 * the transfers table (policy/paths/types/transfers.ts); these policies are the views of the
 * edges those rows give each.
 */
import { tablePolicy } from "./paths/views";

export const dataTransferJobs = tablePolicy({
  name: "data-transfer-jobs",
  description:
    "Checks whether data transfer, migration and synchronisation jobs (DTS, DMS, DataSync) have both ends inside the jurisdiction.",
  severity: "critical",
  remediationSteps:
    "Set every source and destination region of the job to a region inside the jurisdiction; self-hosted endpoints must be private or allowlisted addresses.",
});

export const registryReplication = tablePolicy({
  name: "registry-replication",
  description:
    "Checks whether container registries replicate, sync or pull images only within the jurisdiction, and whether image builds push images and build caches, and send build contexts, only to places inside it.",
  severity: "high",
  remediationSteps:
    "Point registry replication and sync rules at registries in regions inside the jurisdiction, and do not pull through from registries abroad. Push images and build caches only to registries (or buckets) in regions inside the jurisdiction, and build on builders there.",
});
