/**
 * Object and file storage: replication, inventory and access-log delivery, the services that keep
 * their data in a bucket, multi-Region access points and file-system replication — the paths by
 * which stored objects (or listings of them) are copied to another place. Their data paths are the
 * rows of the storage table (policy/paths/types/storage.ts); this policy is the view of the edges
 * those rows give it. A destination bucket named by reference is placed over the whole stack by
 * `named-destinations`.
 */
import { tablePolicy } from "./paths/views";

export const storageReplication = tablePolicy({
  name: "storage-replication",
  description:
    "Checks whether object and file storage replicates, exports or logs data only to places inside the jurisdiction.",
  severity: "critical",
  remediationSteps:
    "Point replication rules, inventories, access-log targets and multi-Region access points at buckets (or file systems) in regions inside the jurisdiction, or remove them.",
});
