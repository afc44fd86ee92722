/**
 * Object, block and file storage: buckets with their replication rules, access logs, inventories
 * and exports; the services that keep their data in a bucket they name; multi-Region access
 * points; disks, volumes and file systems with what mounts them, and file-system replication
 * (shared/research/data-paths.md §3 and §4 "Object storage", "File replication").
 *
 * Every field is owned by `storage-replication` but a bucket's public grants (`public-exposure`,
 * declared by the exposure table) and its transfer acceleration (`global-services`, declared by
 * the edge-services table). A bucket's readers, its public ACL and policy grants (through their
 * gates) and its key are drawn by code (exposure.ts), the grants tagged with public-exposure's
 * verdict; so are the structural edges of disks, volumes and file systems (mounted by an
 * instance, readable from a subnet, encrypted by a key).
 */
import { dataStore, encryptedBy, endpointOf, link } from "./common";
import { publicAcls } from "../iam";
import { ossAccelerationNetwork } from "../../../residency/placement";
import type { BorderResource, FieldSpec, TypeModel, TypeTable } from "../model";
import type { Resolver } from "../resolver";
import { valueAt } from "../values";
import {
  bucketExposure,
  bucketExposureFix,
  bucketReaders,
  bucketTypes,
  exposed,
  publicAcl,
  withExposure,
} from "./exposure";
import { accelerationFix, bucketAcceleration } from "./edge-services";
import { storageLensScope } from "./log-readers";
import { accountGrantFix, alibabaAccountFix, emailGrantFix, emailGrants } from "./grants";
import {
  copyOf,
  edgesOf,
  type FieldExtra,
  inbound,
  judgedField,
  sameRegion,
  withPolicyFields,
} from "./rows";
import { isUnknown, itemAt, known } from "../values";

const replica = edgesOf("storage-replication", "replication");
const logs = edgesOf("storage-replication", "log delivery");
const sync = edgesOf("storage-replication", "data sync");
const accelerated = edgesOf("storage-replication", "transfer acceleration");

const ossFix =
  "Point it at a bucket in a region inside the jurisdiction (created by this program), or remove it.";
const s3Fix =
  "Point it at a bucket of this program whose region lies inside the jurisdiction, or remove it.";

const oss = { ref: "oss-bucket" } as const;
const s3 = { ref: "s3-bucket" } as const;
/** The bucket a rule, logging or inventory resource belongs to: where its data starts. */
const ossSource = { source: { path: "bucket", ref: "oss-bucket" } } as const;
const s3Source = { source: { path: "bucket", ref: "s3-bucket" } } as const;
/** How the graph names a log bucket that is nothing of the stack: `log bucket "x" of …`. */
const logBucket = { noun: "log bucket" } as const;

/** A log, listing or export target: a bucket of the stack, else the path fails closed. */
const logTo = (path: string, verb: string, extra: Partial<FieldSpec> = {}) =>
  logs.ref(path, verb, { ...oss, ...logBucket, ...extra });
const s3LogTo = (path: string, verb: string, extra: Partial<FieldSpec> = {}) =>
  logs.ref(path, verb, { ...s3, ...logBucket, ...extra });

/**
 * An S3 access-log setting with the grants it puts on the log objects (`targetGrants`): a grant to
 * AllUsers or AuthenticatedUsers lets anyone read who requested what of the bucket, from where
 * (public-exposure); a grant by e-mail hands the logs to the AWS account the address is registered
 * to (cross-account-links). S3's own LogDelivery group only writes them.
 */
const logGrants = (model: TypeModel): TypeModel =>
  withPolicyFields(
    withExposure(
      model,
      "Grant the access logs to no AllUsers or AuthenticatedUsers group; keep them readable only by the stack's own account.",
      exposed("targetGrants[].grantee.uri", "grantee"),
    ),
    "cross-account-links",
    emailGrantFix,
    emailGrants("targetGrants[].grantee.emailAddress"),
  );

/** A row of fields only. */
const row = (role: TypeModel["role"], fix: string, ...fields: FieldSpec[]): TypeModel => ({
  role,
  fields,
  fix,
});

/** The bucket a companion resource's `bucket` names. */
function bucketOf(r: BorderResource, x: Resolver): BorderResource | undefined {
  return x.resourceAt(r, "bucket", bucketTypes);
}

/** A companion that turns on KMS encryption of its bucket: the bucket is encrypted by its key. */
function encryptionOf(path: string, on: (r: BorderResource) => boolean): TypeModel {
  return {
    role: "control",
    edges: (r, x) => {
      const bucket = bucketOf(r, x);
      return bucket && on(r) ? encryptedBy(x, bucket, r, [path], r) : [];
    },
    fix: "Encrypt the bucket with a key of this program in a region inside the jurisdiction.",
  };
}

/**
 * What a bucket is besides its declared fields: who can read it, whether it is public and which
 * key encrypts it.
 */
function bucketEdges(keys: readonly string[]) {
  return (r: BorderResource, x: Resolver) => [
    ...bucketReaders(r, x),
    ...encryptedBy(x, r, r, keys),
    ...publicAcl(r, x, r.props.acl),
  ];
}

/** A bucket's fixes: storage-replication's, public-exposure's and global-services'. */
const bucketFix = (replication: string, exposure: string) => ({
  "storage-replication": replication,
  "public-exposure": exposure,
  "global-services": accelerationFix,
});

const s3Bucket = (
  type: "aws:s3/bucket:Bucket" | "aws:s3/bucketV2:BucketV2",
  fields: readonly FieldSpec[],
): TypeModel => ({
  role: "data",
  fields: [...fields, ...bucketExposure[type], bucketAcceleration[type]],
  edges: bucketEdges([
    "serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault.kmsMasterKeyId",
    "serverSideEncryptionConfigurations[].rules[].applyServerSideEncryptionByDefaults[].kmsMasterKeyId",
  ]),
  fix: { ...bucketFix(s3Fix, bucketExposureFix.s3), "cross-account-links": accountGrantFix },
});

/**
 * An S3 replication rule replicates unless its `status` is `Disabled` (one not known at preview
 * counts as replicating): a disabled rule copies nothing, wherever its destination lies.
 */
const enabledRule: FieldExtra = {
  where: (_, at) => {
    const rule = itemAt(at.props, at.path, "rules");
    return (
      isUnknown(rule) ||
      known(() => (rule as { status?: unknown } | undefined)?.status) !== "Disabled"
    );
  },
};

/** How the graph names a replication destination that is nothing of the stack. */
const s3Replica = { ...s3, noun: "replication destination", ...enabledRule } as const;

/** A storage gateway's share or volume writes its data through its cache into a bucket. */
const gateway = (fileShare: boolean): TypeModel =>
  row(
    "data",
    fileShare ? `${ossFix.slice(0, -1)}; turn transfer acceleration off.` : ossFix,
    sync.endpoint("ossEndpoint", "writes the gateway's data to"),
    sync.ref("ossBucketName", "writes the gateway's data to", { ...oss, fallback: "ossEndpoint" }),
    // Only a file share can reach its bucket through transfer acceleration.
    ...(fileShare
      ? [
          accelerated.flag("transferAcceleration", "carries the gateway's data over", {
            values: [true],
            farSide: ossAccelerationNetwork,
            global: true,
          }),
        ]
      : []),
  );

/** A disk, volume or file system: data, encrypted by the key its `kmsKeyId` names. */
const store: TypeModel = {
  role: "data",
  edges: dataStore({ keys: ["kmsKeyId"] }).flows,
  fix: "Keep it in a region inside the jurisdiction, encrypted by a key of this program.",
};

/** `what → mounted by → instance` through an attachment resource. */
function mount(path: string, types: readonly string[]): TypeModel {
  return {
    role: "other",
    edges: (r, x) => {
      const what = x.resourceAt(r, path, types);
      const instance = x.resourceAt(r, "instanceId");
      return what && instance ? link(what, instance, "mounted by", { via: r }) : [];
    },
    fix: "Attach it only to instances in regions inside the jurisdiction.",
  };
}

/** `file system → readable from → subnet` through a mount target. */
function mountTarget(fileSystem: string, subnet: string): TypeModel {
  return {
    role: "other",
    edges: (r, x) => {
      const fs = x.resourceAt(r, "fileSystemId", [fileSystem]);
      const net = x.resourceAt(r, subnet);
      return fs && net ? link(fs, net, "readable from", { via: r }) : [];
    },
    fix: "Mount it only in subnets of networks inside the jurisdiction.",
  };
}

const disks = ["alicloud:ecs/disk:Disk", "alicloud:ecs/ecsDisk:EcsDisk"];
const efs = "aws:efs/fileSystem:FileSystem";
const efsCopy = copyOf("sourceFileSystemId", [efs]);

export const storage: TypeTable = {
  "alicloud:oss/bucket:Bucket": {
    role: "data",
    fields: [
      logTo("logging.targetBucket", "writes access logs to", sameRegion),
      ...bucketExposure["alicloud:oss/bucket:Bucket"],
      bucketAcceleration["alicloud:oss/bucket:Bucket"],
    ],
    edges: bucketEdges(["serverSideEncryptionRule.kmsMasterKeyId"]),
    fix: { ...bucketFix(ossFix, bucketExposureFix.oss), "cross-account-links": alibabaAccountFix },
  },
  "alicloud:oss/bucketReplication:BucketReplication": row(
    "other",
    "Replicate to a bucket in a region inside the jurisdiction, or remove the rule.",
    replica.ossLocation("destination.location", "replicates objects to", ossSource),
    replica.ref("destination.bucket", "replicates objects to", {
      ...oss,
      ...ossSource,
      fallback: "location",
      noun: "destination bucket",
    }),
    // The API's value is `oss_acc`; the SDK documents `ossAcc`.
    accelerated.flag("destination.transferType", "carries replicas over", {
      ...ossSource,
      values: ["oss_acc"],
      normalize: "token",
      farSide: ossAccelerationNetwork,
      global: true,
      // The destination may well be inside: it is the way there that is not.
      fix: 'Leave destination.transferType unset or "internal", so replicas travel over Alibaba Cloud\'s internal network.',
    }),
  ),
  "alicloud:oss/bucketInventory:BucketInventory": row(
    "other",
    ossFix,
    logTo("destination.ossBucketDestination.bucket", "exports object listings to", {
      ...ossSource,
      ...sameRegion,
      detail: "object inventory",
    }),
    logs.account("destination.ossBucketDestination.accountId", "exports object listings to", {
      ...ossSource,
      detail: "object inventory",
    }),
  ),
  "alicloud:oss/bucketLogging:BucketLogging": row(
    "other",
    ossFix,
    logTo("targetBucket", "writes access logs to", { ...ossSource, ...sameRegion }),
  ),
  "alicloud:oss/bucketServerSideEncryption:BucketServerSideEncryption": encryptionOf(
    "kmsMasterKeyId",
    (r) => r.props.sseAlgorithm === "KMS",
  ),
  "alicloud:oss/bucketWebsite:BucketWebsite": row(
    "other",
    "Mirror only from an origin inside the jurisdiction, or remove the mirror rule.",
    // The origin, its standby and the alternates it fails over to in turn each receive the
    // requests OSS passes through for objects the bucket lacks.
    ...[
      "mirrorUrl",
      "mirrorUrlSlave",
      "mirrorMultiAlternates.mirrorMultiAlternates[].mirrorMultiAlternateUrl",
    ].map((leaf) =>
      sync.url(
        `routingRules.routingRules[].redirect.${leaf}`,
        "fetches missing objects (with pass-through headers) from",
        ossSource,
      ),
    ),
    {
      ...sync.region(
        "routingRules.routingRules[].redirect.mirrorDstRegion",
        "mirrors objects from",
      ),
      ...ossSource,
    },
  ),
  // Services that write the stack's data into a bucket they name: an object, a storage
  // gateway's share or volume (its files, written through from the gateway's cache), Express
  // Sync, a Flink workspace's state and artifacts, an Airflow environment's DAGs and logs, a
  // container registry's image layers. A bucket of the program is placed where it lies; another
  // is placed by the endpoint or region beside it, and fails closed without one.
  "alicloud:oss/bucketObject:BucketObject": {
    role: "data",
    fields: [
      sync.ref("bucket", "writes the object to", oss),
      ...bucketExposure["alicloud:oss/bucketObject:BucketObject"],
    ],
    edges: (r, x) => {
      const bucket = bucketOf(r, x);
      return bucket ? publicAcl(bucket, x, r.props.acl, r) : [];
    },
    fix: { "storage-replication": ossFix, "public-exposure": 'Set acl to "private" or "default".' },
  },
  "alicloud:cloudstoragegateway/gatewayFileShare:GatewayFileShare": gateway(true),
  "alicloud:cloudstoragegateway/gatewayBlockVolume:GatewayBlockVolume": gateway(false),
  "alicloud:cloudstoragegateway/expressSync:ExpressSync": row(
    "other",
    ossFix,
    sync.ref("bucketName", "synchronises file-share changes with", {
      ...oss,
      fallback: "bucketRegion",
    }),
  ),
  "alicloud:realtimecompute/vvpInstance:VvpInstance": row(
    "data",
    ossFix,
    sync.ref("storage.oss.bucket", "keeps job state and artifacts in", oss),
  ),
  "alicloud:dms/airflow:Airflow": row(
    "data",
    ossFix,
    sync.ref("ossBucketName", "keeps DAGs, plugins and task logs in", oss),
  ),
  // `defaultOssBucket` only says whether the registry uses a bucket of its own region.
  "alicloud:cr/registryEnterpriseInstance:RegistryEnterpriseInstance": row(
    "data",
    ossFix,
    sync.ref("customOssBucket", "stores image layers in", oss),
  ),
  "alicloud:nas/fileSystem:FileSystem": store,
  "alicloud:ecs/disk:Disk": store,
  "alicloud:ecs/ecsDisk:EcsDisk": store,
  "alicloud:ecs/diskAttachment:DiskAttachment": mount("diskId", disks),
  "alicloud:nas/mountTarget:MountTarget": mountTarget(
    "alicloud:nas/fileSystem:FileSystem",
    "vswitchId",
  ),

  "aws:s3/bucket:Bucket": s3Bucket("aws:s3/bucket:Bucket", [
    replica.ref(
      "replicationConfiguration.rules[].destination.bucket",
      "replicates objects to",
      s3Replica,
    ),
    replica.account(
      "replicationConfiguration.rules[].destination.accountId",
      "replicates objects to",
      enabledRule,
    ),
    s3LogTo("logging.targetBucket", "writes access logs to", sameRegion),
  ]),
  "aws:s3/bucketV2:BucketV2": s3Bucket("aws:s3/bucketV2:BucketV2", [
    replica.ref(
      "replicationConfigurations[].rules[].destinations[].bucket",
      "replicates objects to",
      s3Replica,
    ),
    replica.account(
      "replicationConfigurations[].rules[].destinations[].accountId",
      "replicates objects to",
      enabledRule,
    ),
    s3LogTo("loggings[].targetBucket", "writes access logs to", sameRegion),
  ]),
  "aws:s3/bucketReplicationConfig:BucketReplicationConfig": row(
    "other",
    "Replicate to a bucket of this program in a region inside the jurisdiction, or remove the rule.",
    replica.ref("rules[].destination.bucket", "replicates objects to", {
      ...s3Replica,
      ...s3Source,
    }),
    replica.account("rules[].destination.account", "replicates objects to", {
      ...s3Source,
      ...enabledRule,
    }),
  ),
  "aws:s3/bucketLogging:BucketLogging": logGrants(
    row(
      "other",
      s3Fix,
      s3LogTo("targetBucket", "writes access logs to", { ...s3Source, ...sameRegion }),
    ),
  ),
  // The V2 resource's log delivery is drawn in the graph only: storage-replication and
  // named-destinations do not judge it yet.
  "aws:s3/bucketLoggingV2:BucketLoggingV2": logGrants({
    role: "other",
    edges: (r, x) => {
      const bucket = bucketOf(r, x);
      const target = x.ref(r, "targetBucket", bucketTypes);
      const to = endpointOf(x, r, target, "log bucket");
      return bucket && to && to !== bucket ? link(bucket, to, "log delivery", { via: r }) : [];
    },
    fix: s3Fix,
  }),
  ...Object.fromEntries(
    [
      "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
      "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
    ].map((t) => [
      t,
      encryptionOf("rules[].applyServerSideEncryptionByDefault.kmsMasterKeyId", () => true),
    ]),
  ),
  "aws:s3/inventory:Inventory": row(
    "other",
    s3Fix,
    s3LogTo("destination.bucket.bucketArn", "exports object listings to", {
      ...s3Source,
      detail: "object inventory",
    }),
    logs.account("destination.bucket.accountId", "exports object listings to", {
      ...s3Source,
      detail: "object inventory",
    }),
  ),
  "aws:s3/analyticsConfiguration:AnalyticsConfiguration": row(
    "other",
    s3Fix,
    s3LogTo(
      "storageClassAnalysis.dataExport.destination.s3BucketDestination.bucketArn",
      "exports storage analytics to",
      { ...s3Source, detail: "storage analytics" },
    ),
    logs.account(
      "storageClassAnalysis.dataExport.destination.s3BucketDestination.bucketAccountId",
      "exports storage analytics to",
      { ...s3Source, detail: "storage analytics" },
    ),
  ),
  // The metrics of the buckets in its scope are gathered into its home region: the regions it
  // includes, or every region (storageLensScope).
  "aws:s3control/storageLensConfiguration:StorageLensConfiguration": row(
    "other",
    "Include only regions inside the jurisdiction (storageLensConfiguration.include.regions), and export the metrics only to buckets of this program whose region lies inside it.",
    logs.region(
      "storageLensConfiguration.include.regions[]",
      "gathers the storage metrics of buckets in",
      inbound,
    ),
    // A scope of buckets: each lies where it is created; one the program does not create fails
    // closed (its region cannot be checked).
    s3LogTo("storageLensConfiguration.include.buckets[]", "gathers the storage metrics of", {
      ...inbound,
      noun: "bucket",
    }),
    judgedField(
      "storage-replication",
      "log delivery",
      "storageLensConfiguration",
      storageLensScope,
      inbound,
    ),
    s3LogTo(
      "storageLensConfiguration.dataExport.s3BucketDestination.arn",
      "exports storage metrics to",
      { detail: "storage metrics" },
    ),
    logs.account(
      "storageLensConfiguration.dataExport.s3BucketDestination.accountId",
      "exports storage metrics to",
      { detail: "storage metrics" },
    ),
    logs.account(
      "storageLensConfiguration.expandedPrefixesDataExport.s3BucketDestination.accountId",
      "exports storage metrics to",
      { detail: "storage metrics" },
    ),
  ),
  "aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint": row(
    "data",
    "Include only buckets in regions inside the jurisdiction.",
    replica.region("details.regions[].region", "routes requests to a bucket in"),
    replica.ref("details.regions[].bucket", "routes requests to", s3),
    replica.account("details.regions[].bucketAccountId", "routes requests to a bucket of"),
  ),
  "aws:s3control/multiRegionAccessPointRoutes:MultiRegionAccessPointRoutes": row(
    "other",
    "Route only to buckets in regions inside the jurisdiction.",
    replica.region("routes[].region", "routes requests to"),
  ),
  // CopyObject reads `source` (`<bucket>/<key>`) from a bucket of any region into `bucket`,
  // which S3 serves only in the copy's own region; an e-mail grantee is another AWS account.
  "aws:s3/objectCopy:ObjectCopy": withExposure(
    row(
      "other",
      "Copy only from buckets of this program in regions inside the jurisdiction, and grant the object to no other account.",
      replica.ref("source", "copies an object from", { ...s3, ...inbound }),
      replica.flag("grants[].email", "grants the copied object to", {
        farSide: "the AWS account of that e-mail address",
      }),
    ),
    'Keep acl "private" and grant nothing to AllUsers or AuthenticatedUsers.',
    exposed("acl", { values: publicAcls }, "the copied object is readable by anyone"),
    exposed("grants[].uri", "grantee"),
  ),
  "aws:ebs/volume:Volume": store,
  "aws:efs/fileSystem:FileSystem": store,
  "aws:efs/mountTarget:MountTarget": mountTarget(efs, "subnetId"),
  "aws:ec2/volumeAttachment:VolumeAttachment": mount("volumeId", ["aws:ebs/volume:Volume"]),
  "aws:efs/replicationConfiguration:ReplicationConfiguration": {
    role: efsCopy.role,
    fields: [
      replica.region("destination.region", "replicates the file system to", {
        origin: efsCopy.origin,
      }),
      // A One Zone copy may name only its zone, which names the region.
      replica.zone("destination.availabilityZoneName", "replicates the file system to", {
        origin: efsCopy.origin,
        when: (p) => valueAt(p, "destination.region") === undefined,
      }),
    ],
    fix: "Replicate to a region inside the jurisdiction, or remove the replication.",
  },
};
