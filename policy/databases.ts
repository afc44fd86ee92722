/**
 * Databases and caches: cross-region read replicas, global databases and caches, DynamoDB
 * global tables, multi-Region DSQL and Keyspaces, cross-cluster search and data sharing, and
 * clones or restores from another region. Their data paths are the rows of the databases table
 * (policy/paths/types/databases.ts); this policy is the view of the edges those rows give it.
 *
 * Global constructs are checked by membership: a member names its global cluster, which must be
 * a resource of this program (resolved by `named-destinations`); every member's own region is
 * checked by `resource-placement`. A global cluster in another stack cannot be seen and fails
 * closed.
 */
import { tablePolicy } from "./paths/views";

export const databaseReplicas = tablePolicy({
  name: "database-replicas",
  description:
    "Checks whether database and cache replicas, global databases, global tables and restores stay inside the jurisdiction.",
  severity: "critical",
  remediationSteps:
    "Place every replica, global-cluster member, witness and restore source in a region inside the jurisdiction, and create global clusters in this program so their members can be checked.",
});
