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
import { isOn, valueAt, valuesAt } from "../values";
import { exposed, withExposure } from "./exposure";
import { imageBuildFix, imageBuildInternet } from "./egress";
import {
  copyOf,
  edgesOf,
  hostOrSite,
  inbound,
  instanceTypeIn,
  ownAccountDelivery,
  withPolicyFields,
} from "./rows";

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

/**
 * A replica's zone, read where its region is not given (the zone names the region): beside the
 * region it is the same crossing, which the region's field reports once — the row holds the zone
 * so that arn-locality does not report it a second time.
 */
const zoneBeside = (
  regionPath: string,
  zonePath: string,
  verb: string,
  extra: Parameters<typeof disk.zone>[2] = {},
): FieldSpec =>
  disk.zone(zonePath, verb, { ...extra, when: (p) => valueAt(p, regionPath) === undefined });

const shareFix =
  "Share only with this stack's own account (pin it on the provider), or remove the share.";
const share = rows(shareFix);
const acrossAccounts = rows(
  "Back up only this stack's own account (pin it on the provider), or remove the cross-account backup.",
);
/** Snapshot policies copy across regions only while their switch is on. */
const switchedOn = (path: string) => ({
  when: (p: Readonly<Record<string, unknown>>) => isOn(valueAt(p, path)),
});
const report = edgesOf("backup-copies", "log delivery");
const s3Uri = (v: unknown) => typeof v === "string" && v.startsWith("s3://");
const crossAccountSource = backup.account("crossAccountUserId", "backs up the data of", inbound);
const targetCopyRegions = snapshot.region("targetCopyRegions[]", "copies snapshots to", {
  ...switchedOn("enableCrossRegionCopy"),
});
/** An RDS snapshot shared with `all` is public (public-exposure). */
/**
 * The accounts an RDS snapshot or its copy is shared with, each another account's copy of the
 * data: `all` is no account but the public marker, public-exposure's (`publicSnapshot`). The
 * share's own fix, whatever the row's (a copy's speaks of regions).
 */
const sharedWith = (path: string) =>
  snapshot.account(path, "shares the snapshot with", {
    where: (_holder, at) =>
      valuesAt(at.props, path).find((hit) => hit.path === at.path)?.value !== "all",
    fix: shareFix,
  });

const publicSnapshot = (model: TypeModel) =>
  withExposure(
    model,
    "Share the snapshot with no one.",
    exposed("sharedAccounts[]", { values: ["all"] }, "the snapshot is public"),
  );

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
  // Backups not kept in DBS's built-in storage go to the OSS bucket the plan names (a global name).
  "alicloud:dbs/backupPlan:BackupPlan": rows(
    "Copy only to and from regions inside the jurisdiction, and keep backups in built-in storage or a bucket of this program in a region inside the jurisdiction, or remove the copy rule.",
  )(
    backup.region("sourceEndpointRegion", "backs up data from", inbound),
    backup.region("databaseRegion", "backs up data from", inbound),
    backup.region("storageRegion", "stores backups in"),
    backup.ref("ossBucketName", "stores backups in", {
      ref: "oss-bucket",
      when: (p) => String(p.backupStorageType).toLowerCase() !== "system",
    }),
    // A database reached through a leased line or a backup gateway (Express, Agent) sits at a site
    // outside the cloud: its address is inside only when the egress allowlist holds it.
    ...hostOrSite(
      backup,
      "sourceEndpointIp",
      "backs up a database at",
      instanceTypeIn("sourceEndpointInstanceType", ["express", "agent"]),
      inbound,
    ),
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
  )(
    disk.region("destinationRegionId", "replicates the disk to"),
    zoneBeside("destinationRegionId", "destinationZoneId", "replicates the disk to"),
  ),
  "alicloud:ebs/diskReplicaGroup:DiskReplicaGroup": copy(
    disk.region("sourceRegionId", "replicates disks from", inbound),
    zoneBeside("sourceRegionId", "sourceZoneId", "replicates disks from", inbound),
    disk.region("destinationRegionId", "replicates disks to"),
    zoneBeside("destinationRegionId", "destinationZoneId", "replicates disks to"),
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
  // The instance that builds the image may also be given public bandwidth (internet-egress).
  "alicloud:ecs/ecsImagePipeline:EcsImagePipeline": withPolicyFields(
    copy(
      image.region("toRegionIds[]", "distributes the image to"),
      image.account("addAccounts[]", "shares the image with"),
    ),
    "internet-egress",
    imageBuildFix,
    imageBuildInternet,
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
  "aws:rds/snapshotCopy:SnapshotCopy": publicSnapshot(
    copy(
      snapshot.arnOrId("sourceDbSnapshotIdentifier", "copies the snapshot", inbound),
      snapshot.region("destinationRegion", "copies the snapshot to"),
      sharedWith("sharedAccounts[]"),
    ),
  ),
  "aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy": publicSnapshot(
    copy(
      snapshot.arnOrId("sourceDbClusterSnapshotIdentifier", "copies the snapshot", inbound),
      snapshot.region("destinationRegion", "copies the snapshot to"),
      sharedWith("sharedAccounts[]"),
    ),
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
  // A vault of another account, in a region inside, is a copy its holder can take anywhere.
  "aws:backup/plan:Plan": copy(
    ...[
      "rules[].copyActions[].destinationVaultArn",
      "rules[].targetLogicallyAirGappedBackupVaultArn",
    ].flatMap((path) => [
      backup.arn(path, "copies recovery points to"),
      backup.account(path, "copies recovery points to a vault of", ownAccountDelivery),
    ]),
  ),
  "aws:ec2/amiCopy:AmiCopy": copy(image.region("sourceAmiRegion", "copies an AMI from", inbound)),
  "aws:imagebuilder/distributionConfiguration:DistributionConfiguration": withExposure(
    copy(
      image.region("distributions[].region", "distributes images to"),
      image.account(
        "distributions[].amiDistributionConfiguration.targetAccountIds[]",
        "distributes images to",
        {
          fix: "Distribute images only to this stack's own account, or remove the target account.",
        },
      ),
      // Every image it makes is shared with the accounts its launch permission names (a share, as
      // an AMI launch permission's): found by the pipelines bench.
      image.account(
        "distributions[].amiDistributionConfiguration.launchPermission.userIds[]",
        "shares its images with",
        {
          fix: "Share images only with this stack's own account (pin it on the provider), or remove the launch permission.",
        },
      ),
      // The image's disk, exported as a file to the bucket named (a global name).
      image.ref("distributions[].s3ExportConfiguration.s3Bucket", "exports the image's disk to", {
        ref: "s3-bucket",
      }),
    ),
    "Remove the launch permission for all users.",
    exposed(
      "distributions[].amiDistributionConfiguration.launchPermission.userGroups[]",
      { values: ["all"] },
      "the images are public",
    ),
  ),
  "aws:ec2/amiLaunchPermission:AmiLaunchPermission": withExposure(
    share(
      image.account("accountId", "shares the AMI with"),
      image.flag("organizationArn", "shares the AMI with", {
        farSide: "every account of an organization",
      }),
      image.flag("organizationalUnitArn", "shares the AMI with", {
        farSide: "every account of an organizational unit",
      }),
    ),
    "Share the AMI with no one.",
    exposed("group", { values: ["all"] }, "the AMI is public"),
  ),
  "aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission": share(
    snapshot.account("accountId", "shares the snapshot with"),
  ),
  // `all` makes the snapshot public: public-exposure reports that too.
  "aws:rds/snapshot:Snapshot": publicSnapshot(share(sharedWith("sharedAccounts[]"))),
  "aws:rds/clusterSnapshot:ClusterSnapshot": publicSnapshot(share(sharedWith("sharedAccounts[]"))),
  // An imported disk image is a copy of a disk that was held where the image comes from. An
  // `s3://` URL names its bucket; an `https://` one is placed by its host.
  "aws:ebs/snapshotImport:SnapshotImport": rows(
    "Import disk images only from a bucket of this program in a region inside the jurisdiction.",
  )(
    snapshot.url("diskContainer.url", "imports a disk image from", {
      ...inbound,
      when: (p) => !s3Uri(valueAt(p, "diskContainer.url")),
    }),
    snapshot.ref("diskContainer.url", "imports a disk image from", {
      ...inbound,
      ref: "s3-bucket",
      when: (p) => s3Uri(valueAt(p, "diskContainer.url")),
    }),
    snapshot.ref("diskContainer.userBucket.s3Bucket", "imports a disk image from", {
      ...inbound,
      ref: "s3-bucket",
    }),
  ),
  // The reports list every backup job and recovery point: what was backed up, where and when.
  "aws:backup/reportPlan:ReportPlan": rows(
    "Deliver the reports to a bucket of this program in a region inside the jurisdiction.",
  )(
    report.ref("reportDeliveryChannel.s3BucketName", "delivers backup reports to", {
      ref: "s3-bucket",
    }),
  ),
  // Cross-account backup (HBR): `crossAccountUserId` is the account whose data this account's
  // vaults back up (plans, bindings, the relationship itself) or restore into (restore jobs).
  // The role the other account grants (`crossAccountRoleName`) names no place of its own.
  "alicloud:hbr/crossAccount:CrossAccount": acrossAccounts(crossAccountSource),
  "alicloud:hbr/ecsBackupPlan:EcsBackupPlan": acrossAccounts(crossAccountSource),
  "alicloud:hbr/nasBackupPlan:NasBackupPlan": acrossAccounts(crossAccountSource),
  "alicloud:hbr/ossBackupPlan:OssBackupPlan": acrossAccounts(crossAccountSource),
  "alicloud:hbr/otsBackupPlan:OtsBackupPlan": acrossAccounts(crossAccountSource),
  "alicloud:hbr/policyBinding:PolicyBinding": acrossAccounts(crossAccountSource),
  // An OSS restore writes the backed-up objects into the bucket it names (a global name).
  "alicloud:hbr/restoreJob:RestoreJob": rows(
    "Restore only into this stack's own account (pin it on the provider), and an OSS restore into a bucket of this program in a region inside the jurisdiction.",
  )(
    backup.account("crossAccountUserId", "restores backups into"),
    backup.ref("targetBucket", "restores backups into", {
      ref: "oss-bucket",
      when: (p) => !["NAS", "ECS_FILE"].includes(String(p.restoreType).toUpperCase()),
    }),
  ),
  // A SAP HANA instance the vault backs up: the backup client on its host sends the database's
  // backups in. The host is an ECS instance of the region at a private address; one at a public
  // address may be anywhere.
  "alicloud:hbr/hanaInstance:HanaInstance": rows(
    "Back up only SAP HANA databases on hosts at private or allowlisted addresses of the stack's network.",
  )(backup.ip("host", "backs up a SAP HANA database on the host at", inbound)),
  // The backup client sends what it backs up through a custom data-plane proxy.
  "alicloud:hbr/ecsBackupClient:EcsBackupClient": rows(
    "Send backups through a proxy on a private or allowlisted address, or disable the custom proxy.",
  )(
    backup.url("proxyHost", "sends backups through the proxy at", {
      when: (p) => String(p.dataProxySetting) === "CUSTOM",
    }),
  ),
};
