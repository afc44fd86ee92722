/**
 * Backups and their copies: cross-region backup policies, snapshot and image copies, disk
 * replication, image distribution and export, and the sharing of snapshots and images with other
 * accounts. Their data paths are the rows of the backups table (policy/paths/types/backups.ts);
 * this policy is the view of the edges those rows give it.
 */
import { tablePolicy } from "./paths/views";

export const backupCopies = tablePolicy({
  name: "backup-copies",
  description:
    "Checks whether backups, snapshots, disk replicas and images are copied, distributed or shared only inside the jurisdiction.",
  severity: "critical",
  remediationSteps:
    "Keep backup copy targets, snapshot and image copy regions and disk replica regions inside the jurisdiction, and share snapshots and images with no other account.",
});
