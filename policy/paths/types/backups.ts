/**
 * Backups and their copies: cross-region backup policies, snapshot and image copies, disk
 * replication, image distribution and export, and the sharing of snapshots and images with other
 * accounts (shared/research/data-paths.md §3 "DB cross-region backup", "Cross-region backup
 * (DBS)", "Backup copy (HBR)", "Block-storage replication", "Snapshot copy", "Image copy", "Image
 * distribution", "Image sharing/export"; §4 "DB cross-region backup", "Snapshot copy", "AWS
 * Backup copy", "Image copy", "Image distribution", "Image sharing").
 *
 * A backup holds the same data as its source, so a copy abroad is a transfer abroad; copies
 * *into* the stack's region from abroad count too, because the source region already held the
 * data outside the jurisdiction. Every edge here is owned by `backup-copies`.
 */
import type { FieldSpec, TypeModel, TypeTable } from "../model";
import { isOn, valueAt } from "../values";
import { copyOf, edgesOf, inbound } from "./rows";

const backup = edgesOf("backup-copies", "backup copy");
const snapshot = edgesOf("backup-copies", "snapshot copy");
const image = edgesOf("backup-copies", "image copy");
const disk = edgesOf("backup-copies", "replication");

/** A row of copies that end with `fix`; the copy holds the data unless `of` names its store. */
const rows =
  (fix: string, of?: ReturnType<typeof copyOf>) =>
  (...fields: FieldSpec[]): TypeModel => ({
    role: of?.role ?? "data",
    fields: of ? fields.map((f) => ({ ...f, origin: of.origin })) : fields,
    fix,
  });
const copyFix = "Copy only to and from regions inside the jurisdiction, or remove the copy rule.";
const copy = rows(copyFix);
const share = rows(
  "Share only with this stack's own account (pin it on the provider), or remove the share.",
);
/** Snapshot policies copy across regions only while their switch is on. */
const switchedOn = (path: string) => ({
  when: (p: Readonly<Record<string, unknown>>) => isOn(valueAt(p, path)),
});
const targetCopyRegions = snapshot.region("targetCopyRegions[]", "copies snapshots to", {
  ...switchedOn("enableCrossRegionCopy"),
});

export const backups: TypeTable = {
  "alicloud:rds/rdsInstanceCrossBackupPolicy:RdsInstanceCrossBackupPolicy": rows(
    copyFix,
    copyOf("instanceId", ["alicloud:rds/instance:Instance"]),
  )(backup.region("crossBackupRegion", "copies backups to")),
  "alicloud:polardb/backupPolicy:BackupPolicy": rows(
    copyFix,
    copyOf("dbClusterId", ["alicloud:polardb/cluster:Cluster"]),
  )(
    backup.region("dataLevel2BackupAnotherRegionRegion", "stores level-2 backups in"),
    backup.region("logBackupAnotherRegionRegion", "stores log backups in"),
  ),
  "alicloud:dbs/backupPlan:BackupPlan": copy(
    backup.region("sourceEndpointRegion", "backs up data from", inbound),
    backup.region("databaseRegion", "backs up data from", inbound),
    backup.region("storageRegion", "stores backups in"),
    backup.ip("sourceEndpointIp", "backs up a database at", inbound),
    backup.account("crossAliyunId", "backs up data across"),
  ),
  "alicloud:hbr/policy:Policy": copy(
    backup.region("rules[].replicationRegionId", "replicates backups to"),
  ),
  "alicloud:hbr/replicationVault:ReplicationVault": copy(
    backup.region("replicationSourceRegionId", "receives backup replicas from", inbound),
  ),
  "alicloud:hbr/serverBackupPlan:ServerBackupPlan": copy(
    backup.region("details[].destinationRegionId", "copies backups to"),
    backup.account("crossAccountUserId", "backs up servers across"),
  ),
  "alicloud:ebs/diskReplicaPair:DiskReplicaPair": rows(
    copyFix,
    copyOf("diskId", ["alicloud:ecs/disk:Disk", "alicloud:ecs/ecsDisk:EcsDisk"]),
  )(disk.region("destinationRegionId", "replicates the disk to")),
  "alicloud:ebs/diskReplicaGroup:DiskReplicaGroup": copy(
    disk.region("sourceRegionId", "replicates disks from", inbound),
    disk.region("destinationRegionId", "replicates disks to"),
  ),
  "alicloud:ecs/autoSnapshotPolicy:AutoSnapshotPolicy": copy(targetCopyRegions),
  "alicloud:ecs/snapshotPolicy:SnapshotPolicy": copy(targetCopyRegions),
  "alicloud:ebs/enterpriseSnapshotPolicy:EnterpriseSnapshotPolicy": copy(
    snapshot.region("crossRegionCopyInfo.regions[].regionId", "copies snapshots to", {
      ...switchedOn("crossRegionCopyInfo.enabled"),
    }),
  ),
  "alicloud:ecs/imageCopy:ImageCopy": copy(
    image.region("sourceRegionId", "copies an image from", inbound),
  ),
  "alicloud:ecs/copyImage:CopyImage": copy(
    image.region("sourceRegionId", "copies an image from", inbound),
  ),
  "alicloud:ecs/ecsImagePipeline:EcsImagePipeline": copy(
    image.region("toRegionIds[]", "distributes the image to"),
    image.account("addAccounts[]", "shares the image with"),
  ),
  "alicloud:ecs/imageSharePermission:ImageSharePermission": share(
    image.account("accountId", "shares the image with"),
  ),
  "alicloud:ecs/imageExport:ImageExport": rows(
    "Export only to a bucket of this program in a region inside the jurisdiction.",
  )(image.ref("ossBucket", "exports the image to", { ref: "oss-bucket" })),
  "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication": copy(
    // A source database of the stack and the copy of its backups exchange data both ways.
    backup.arnOrId("sourceDbInstanceArn", "replicates automated backups of", {
      ...inbound,
      both: true,
      ref: "aws-db-source",
    }),
  ),
  "aws:redshift/snapshotCopy:SnapshotCopy": copy(
    snapshot.region("destinationRegion", "copies snapshots to"),
  ),
  "aws:rds/snapshotCopy:SnapshotCopy": copy(
    snapshot.arnOrId("sourceDbSnapshotIdentifier", "copies the snapshot", inbound),
    snapshot.region("destinationRegion", "copies the snapshot to"),
    snapshot.account("sharedAccounts[]", "shares the snapshot with"),
  ),
  "aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy": copy(
    snapshot.arnOrId("sourceDbClusterSnapshotIdentifier", "copies the snapshot", inbound),
    snapshot.region("destinationRegion", "copies the snapshot to"),
    snapshot.account("sharedAccounts[]", "shares the snapshot with"),
  ),
  "aws:dlm/lifecyclePolicy:LifecyclePolicy": copy(
    snapshot.region(
      "policyDetails.schedules[].crossRegionCopyRules[].target",
      "copies snapshots to",
    ),
    snapshot.region(
      "policyDetails.schedules[].crossRegionCopyRules[].targetRegion",
      "copies images to",
    ),
    snapshot.account(
      "policyDetails.schedules[].shareRule.targetAccounts[]",
      "shares snapshots with",
    ),
    snapshot.region("policyDetails.action.crossRegionCopies[].target", "copies snapshots to"),
  ),
  "aws:ebs/snapshotCopy:SnapshotCopy": copy(
    snapshot.region("sourceRegion", "copies a snapshot from", inbound),
  ),
  "aws:backup/plan:Plan": copy(
    backup.arn("rules[].copyActions[].destinationVaultArn", "copies recovery points to"),
    backup.arn("rules[].targetLogicallyAirGappedBackupVaultArn", "copies recovery points to"),
  ),
  "aws:ec2/amiCopy:AmiCopy": copy(image.region("sourceAmiRegion", "copies an AMI from", inbound)),
  "aws:imagebuilder/distributionConfiguration:DistributionConfiguration": copy(
    image.region("distributions[].region", "distributes images to"),
    image.account(
      "distributions[].amiDistributionConfiguration.targetAccountIds[]",
      "distributes images to",
    ),
  ),
  "aws:ec2/amiLaunchPermission:AmiLaunchPermission": share(
    image.account("accountId", "shares the AMI with"),
    image.flag("organizationArn", "shares the AMI with", {
      farSide: "every account of an organization",
    }),
    image.flag("organizationalUnitArn", "shares the AMI with", {
      farSide: "every account of an organizational unit",
    }),
  ),
  "aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission": share(
    snapshot.account("accountId", "shares the snapshot with"),
  ),
};
