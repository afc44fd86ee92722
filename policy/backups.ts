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
 * data outside the jurisdiction.
 */
import { type FlowModel, flowPolicy } from "./flows";

const copyFix = "Copy only to and from regions inside the jurisdiction, or remove the copy rule.";
const shareFix =
  "Share only with this stack's own account (pin it on the provider), or remove the share.";

export const backupFlows: readonly FlowModel[] = [
  {
    type: "alicloud:rds/rdsInstanceCrossBackupPolicy:RdsInstanceCrossBackupPolicy",
    fields: [{ path: "crossBackupRegion", format: "region", verb: "copies backups to" }],
    fix: copyFix,
  },
  {
    type: "alicloud:polardb/backupPolicy:BackupPolicy",
    fields: [
      {
        path: "dataLevel2BackupAnotherRegionRegion",
        format: "region",
        verb: "stores level-2 backups in",
      },
      { path: "logBackupAnotherRegionRegion", format: "region", verb: "stores log backups in" },
    ],
    fix: copyFix,
  },
  {
    type: "alicloud:dbs/backupPlan:BackupPlan",
    fields: [
      { path: "sourceEndpointRegion", format: "region", inbound: true, verb: "backs up data from" },
      { path: "databaseRegion", format: "region", inbound: true, verb: "backs up data from" },
      { path: "storageRegion", format: "region", verb: "stores backups in" },
      { path: "sourceEndpointIp", format: "ip", inbound: true, verb: "backs up a database at" },
      { path: "crossAliyunId", format: "account", verb: "backs up data across" },
    ],
    fix: copyFix,
  },
  {
    type: "alicloud:hbr/policy:Policy",
    fields: [
      { path: "rules[].replicationRegionId", format: "region", verb: "replicates backups to" },
    ],
    fix: copyFix,
  },
  {
    type: "alicloud:hbr/replicationVault:ReplicationVault",
    fields: [
      {
        path: "replicationSourceRegionId",
        format: "region",
        inbound: true,
        verb: "receives backup replicas from",
      },
    ],
    fix: copyFix,
  },
  {
    type: "alicloud:hbr/serverBackupPlan:ServerBackupPlan",
    fields: [
      { path: "details[].destinationRegionId", format: "region", verb: "copies backups to" },
      { path: "crossAccountUserId", format: "account", verb: "backs up servers across" },
    ],
    fix: copyFix,
  },
  {
    type: "alicloud:ebs/diskReplicaPair:DiskReplicaPair",
    fields: [{ path: "destinationRegionId", format: "region", verb: "replicates the disk to" }],
    fix: copyFix,
  },
  {
    type: "alicloud:ebs/diskReplicaGroup:DiskReplicaGroup",
    fields: [
      { path: "sourceRegionId", format: "region", inbound: true, verb: "replicates disks from" },
      { path: "destinationRegionId", format: "region", verb: "replicates disks to" },
    ],
    fix: copyFix,
  },
  {
    type: "alicloud:ecs/autoSnapshotPolicy:AutoSnapshotPolicy",
    fields: [{ path: "targetCopyRegions[]", format: "region", verb: "copies snapshots to" }],
    fix: copyFix,
  },
  {
    type: "alicloud:ecs/snapshotPolicy:SnapshotPolicy",
    fields: [{ path: "targetCopyRegions[]", format: "region", verb: "copies snapshots to" }],
    fix: copyFix,
  },
  {
    type: "alicloud:ebs/enterpriseSnapshotPolicy:EnterpriseSnapshotPolicy",
    fields: [
      {
        path: "crossRegionCopyInfo.regions[].regionId",
        format: "region",
        verb: "copies snapshots to",
      },
    ],
    fix: copyFix,
  },
  {
    type: "alicloud:ecs/imageCopy:ImageCopy",
    fields: [
      { path: "sourceRegionId", format: "region", inbound: true, verb: "copies an image from" },
    ],
    fix: copyFix,
  },
  {
    type: "alicloud:ecs/copyImage:CopyImage",
    fields: [
      { path: "sourceRegionId", format: "region", inbound: true, verb: "copies an image from" },
    ],
    fix: copyFix,
  },
  {
    type: "alicloud:ecs/ecsImagePipeline:EcsImagePipeline",
    fields: [
      { path: "toRegionIds[]", format: "region", verb: "distributes the image to" },
      { path: "addAccounts[]", format: "account", verb: "shares the image with" },
    ],
    fix: copyFix,
  },
  {
    type: "alicloud:ecs/imageSharePermission:ImageSharePermission",
    fields: [{ path: "accountId", format: "account", verb: "shares the image with" }],
    fix: shareFix,
  },
  {
    type: "alicloud:ecs/imageExport:ImageExport",
    fields: [{ path: "ossBucket", format: "ref", ref: "oss-bucket", verb: "exports the image to" }],
    fix: "Export only to a bucket of this program in a region inside the jurisdiction.",
  },
  {
    type: "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication",
    fields: [
      {
        path: "sourceDbInstanceArn",
        format: "arn-or-id",
        inbound: true,
        verb: "replicates automated backups of",
      },
    ],
    fix: copyFix,
  },
  {
    type: "aws:redshift/snapshotCopy:SnapshotCopy",
    fields: [{ path: "destinationRegion", format: "region", verb: "copies snapshots to" }],
    fix: copyFix,
  },
  {
    type: "aws:rds/snapshotCopy:SnapshotCopy",
    fields: [
      {
        path: "sourceDbSnapshotIdentifier",
        format: "arn-or-id",
        inbound: true,
        verb: "copies the snapshot",
      },
      { path: "destinationRegion", format: "region", verb: "copies the snapshot to" },
      { path: "sharedAccounts[]", format: "account", verb: "shares the snapshot with" },
    ],
    fix: copyFix,
  },
  {
    type: "aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy",
    fields: [
      {
        path: "sourceDbClusterSnapshotIdentifier",
        format: "arn-or-id",
        inbound: true,
        verb: "copies the snapshot",
      },
      { path: "destinationRegion", format: "region", verb: "copies the snapshot to" },
      { path: "sharedAccounts[]", format: "account", verb: "shares the snapshot with" },
    ],
    fix: copyFix,
  },
  {
    type: "aws:dlm/lifecyclePolicy:LifecyclePolicy",
    fields: [
      {
        path: "policyDetails.schedules[].crossRegionCopyRules[].target",
        format: "region",
        verb: "copies snapshots to",
      },
      {
        path: "policyDetails.schedules[].crossRegionCopyRules[].targetRegion",
        format: "region",
        verb: "copies images to",
      },
      {
        path: "policyDetails.schedules[].shareRule.targetAccounts[]",
        format: "account",
        verb: "shares snapshots with",
      },
      {
        path: "policyDetails.action.crossRegionCopies[].target",
        format: "region",
        verb: "copies snapshots to",
      },
    ],
    fix: copyFix,
  },
  {
    type: "aws:ebs/snapshotCopy:SnapshotCopy",
    fields: [
      { path: "sourceRegion", format: "region", inbound: true, verb: "copies a snapshot from" },
    ],
    fix: copyFix,
  },
  {
    type: "aws:backup/plan:Plan",
    fields: [
      {
        path: "rules[].copyActions[].destinationVaultArn",
        format: "arn",
        verb: "copies recovery points to",
      },
      {
        path: "rules[].targetLogicallyAirGappedBackupVaultArn",
        format: "arn",
        verb: "copies recovery points to",
      },
    ],
    fix: copyFix,
  },
  {
    type: "aws:ec2/amiCopy:AmiCopy",
    fields: [
      { path: "sourceAmiRegion", format: "region", inbound: true, verb: "copies an AMI from" },
    ],
    fix: copyFix,
  },
  {
    type: "aws:imagebuilder/distributionConfiguration:DistributionConfiguration",
    fields: [
      { path: "distributions[].region", format: "region", verb: "distributes images to" },
      {
        path: "distributions[].amiDistributionConfiguration.targetAccountIds[]",
        format: "account",
        verb: "distributes images to",
      },
    ],
    fix: copyFix,
  },
  {
    type: "aws:ec2/amiLaunchPermission:AmiLaunchPermission",
    fields: [
      { path: "accountId", format: "account", verb: "shares the AMI with" },
      {
        path: "organizationArn",
        format: "flag",
        verb: "shares the AMI with",
        farSide: "every account of an organization",
      },
      {
        path: "organizationalUnitArn",
        format: "flag",
        verb: "shares the AMI with",
        farSide: "every account of an organizational unit",
      },
    ],
    fix: shareFix,
  },
  {
    type: "aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission",
    fields: [{ path: "accountId", format: "account", verb: "shares the snapshot with" }],
    fix: shareFix,
  },
];

export const backupCopies = flowPolicy({
  name: "backup-copies",
  description:
    "Checks whether backups, snapshots, disk replicas and images are copied, distributed or shared only inside the jurisdiction.",
  severity: "critical",
  remediationSteps:
    "Keep backup copy targets, snapshot and image copy regions and disk replica regions inside the jurisdiction, and share snapshots and images with no other account.",
  models: backupFlows,
});
