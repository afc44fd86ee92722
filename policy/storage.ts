/**
 * Object and file storage: replication, inventory and access-log delivery, multi-Region access
 * points and file-system replication — the paths by which stored objects (or listings of them)
 * are copied to another place (shared/research/data-paths.md §3 "Object storage", §4 "Object
 * storage", "File replication").
 */
import { type FlowModel, flowPolicy } from "./flows";

const ossFix =
  "Point it at a bucket in a region inside the jurisdiction (created by this program), or remove it.";
const s3Fix =
  "Point it at a bucket of this program whose region lies inside the jurisdiction, or remove it.";

export const storageFlows: readonly FlowModel[] = [
  {
    type: "alicloud:oss/bucketReplication:BucketReplication",
    source: { path: "bucket", noun: "oss bucket" },
    fields: [
      { path: "destination.location", format: "oss-location", verb: "replicates objects to" },
      {
        path: "destination.bucket",
        format: "ref",
        ref: "oss-bucket",
        fallback: "location",
        verb: "replicates objects to",
      },
      {
        // The API's value is `oss_acc`; the SDK documents `ossAcc`.
        path: "destination.transferType",
        format: "flag",
        values: ["oss_acc"],
        normalize: "token",
        verb: "carries replicas over",
        farSide: "OSS transfer acceleration network",
        global: true,
      },
    ],
    fix: "Replicate to a bucket in a region inside the jurisdiction (e.g. another mainland region for CN), or remove the rule.",
  },
  {
    type: "alicloud:oss/bucketInventory:BucketInventory",
    source: { path: "bucket", noun: "oss bucket" },
    fields: [
      {
        path: "destination.ossBucketDestination.bucket",
        format: "ref",
        ref: "oss-bucket",
        verb: "exports object listings to",
      },
      {
        path: "destination.ossBucketDestination.accountId",
        format: "account",
        verb: "exports object listings to",
      },
    ],
    fix: ossFix,
  },
  {
    type: "alicloud:oss/bucketLogging:BucketLogging",
    source: { path: "bucket", noun: "oss bucket" },
    fields: [
      { path: "targetBucket", format: "ref", ref: "oss-bucket", verb: "writes access logs to" },
    ],
    fix: ossFix,
  },
  {
    type: "alicloud:oss/bucket:Bucket",
    fields: [
      {
        path: "logging.targetBucket",
        format: "ref",
        ref: "oss-bucket",
        verb: "writes access logs to",
      },
    ],
    fix: ossFix,
  },
  {
    type: "alicloud:oss/bucketWebsite:BucketWebsite",
    source: { path: "bucket", noun: "oss bucket" },
    fields: [
      {
        path: "routingRules.routingRules[].redirect.mirrorUrl",
        format: "url",
        verb: "fetches missing objects (with pass-through headers) from",
      },
      {
        path: "routingRules.routingRules[].redirect.mirrorUrlSlave",
        format: "url",
        verb: "fetches missing objects (with pass-through headers) from",
      },
      {
        path: "routingRules.routingRules[].redirect.mirrorDstRegion",
        format: "region",
        verb: "mirrors objects from",
      },
    ],
    fix: "Mirror only from an origin inside the jurisdiction, or remove the mirror rule.",
  },
  // Services that write the stack's data into a bucket they name: an object, a storage
  // gateway's share or volume (its files, written through from the gateway's cache), Express
  // Sync, a Flink workspace's state and artifacts, an Airflow environment's DAGs and logs, a
  // container registry's image layers. A bucket of the program is placed where it lies; another
  // is placed by the endpoint or region beside it, and fails closed without one.
  {
    type: "alicloud:oss/bucketObject:BucketObject",
    fields: [{ path: "bucket", format: "ref", ref: "oss-bucket", verb: "writes the object to" }],
    fix: ossFix,
  },
  ...[
    "alicloud:cloudstoragegateway/gatewayFileShare:GatewayFileShare",
    "alicloud:cloudstoragegateway/gatewayBlockVolume:GatewayBlockVolume",
  ].map((type): FlowModel => ({
    type,
    fields: [
      { path: "ossEndpoint", format: "endpoint", verb: "writes the gateway's data to" },
      {
        path: "ossBucketName",
        format: "ref",
        ref: "oss-bucket",
        fallback: "ossEndpoint",
        verb: "writes the gateway's data to",
      },
      // Only a file share can reach its bucket through transfer acceleration.
      ...(type.includes("gatewayFileShare")
        ? [
            {
              path: "transferAcceleration",
              format: "flag",
              values: [true],
              verb: "carries the gateway's data over",
              farSide: "OSS transfer acceleration network",
              global: true,
            } as const,
          ]
        : []),
    ],
    fix: type.includes("gatewayFileShare")
      ? `${ossFix.slice(0, -1)}; turn transfer acceleration off.`
      : ossFix,
  })),
  {
    type: "alicloud:cloudstoragegateway/expressSync:ExpressSync",
    fields: [
      {
        path: "bucketName",
        format: "ref",
        ref: "oss-bucket",
        fallback: "bucketRegion",
        verb: "synchronises file-share changes with",
      },
    ],
    fix: ossFix,
  },
  {
    type: "alicloud:realtimecompute/vvpInstance:VvpInstance",
    fields: [
      {
        path: "storage.oss.bucket",
        format: "ref",
        ref: "oss-bucket",
        verb: "keeps job state and artifacts in",
      },
    ],
    fix: ossFix,
  },
  {
    type: "alicloud:dms/airflow:Airflow",
    fields: [
      {
        path: "ossBucketName",
        format: "ref",
        ref: "oss-bucket",
        verb: "keeps DAGs, plugins and task logs in",
      },
    ],
    fix: ossFix,
  },
  {
    // `defaultOssBucket` only says whether the registry uses a bucket of its own region.
    type: "alicloud:cr/registryEnterpriseInstance:RegistryEnterpriseInstance",
    fields: [
      { path: "customOssBucket", format: "ref", ref: "oss-bucket", verb: "stores image layers in" },
    ],
    fix: ossFix,
  },
  {
    type: "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
    source: { path: "bucket", noun: "s3 bucket" },
    fields: [
      {
        path: "rules[].destination.bucket",
        format: "ref",
        ref: "s3-bucket",
        verb: "replicates objects to",
      },
      { path: "rules[].destination.account", format: "account", verb: "replicates objects to" },
    ],
    fix: "Replicate to a bucket of this program in a region inside the jurisdiction (e.g. us-east-1 for US), or remove the rule.",
  },
  {
    type: "aws:s3/bucket:Bucket",
    fields: [
      {
        path: "replicationConfiguration.rules[].destination.bucket",
        format: "ref",
        ref: "s3-bucket",
        verb: "replicates objects to",
      },
      {
        path: "replicationConfiguration.rules[].destination.accountId",
        format: "account",
        verb: "replicates objects to",
      },
      {
        path: "logging.targetBucket",
        format: "ref",
        ref: "s3-bucket",
        verb: "writes access logs to",
      },
    ],
    fix: s3Fix,
  },
  {
    type: "aws:s3/bucketV2:BucketV2",
    fields: [
      {
        path: "replicationConfigurations[].rules[].destinations[].bucket",
        format: "ref",
        ref: "s3-bucket",
        verb: "replicates objects to",
      },
      {
        path: "loggings[].targetBucket",
        format: "ref",
        ref: "s3-bucket",
        verb: "writes access logs to",
      },
    ],
    fix: s3Fix,
  },
  {
    type: "aws:s3/bucketLogging:BucketLogging",
    source: { path: "bucket", noun: "s3 bucket" },
    fields: [
      { path: "targetBucket", format: "ref", ref: "s3-bucket", verb: "writes access logs to" },
    ],
    fix: s3Fix,
  },
  {
    type: "aws:s3/inventory:Inventory",
    source: { path: "bucket", noun: "s3 bucket" },
    fields: [
      {
        path: "destination.bucket.bucketArn",
        format: "ref",
        ref: "s3-bucket",
        verb: "exports object listings to",
      },
      {
        path: "destination.bucket.accountId",
        format: "account",
        verb: "exports object listings to",
      },
    ],
    fix: s3Fix,
  },
  {
    type: "aws:s3/analyticsConfiguration:AnalyticsConfiguration",
    source: { path: "bucket", noun: "s3 bucket" },
    fields: [
      {
        path: "storageClassAnalysis.dataExport.destination.s3BucketDestination.bucketArn",
        format: "ref",
        ref: "s3-bucket",
        verb: "exports storage analytics to",
      },
      {
        path: "storageClassAnalysis.dataExport.destination.s3BucketDestination.bucketAccountId",
        format: "account",
        verb: "exports storage analytics to",
      },
    ],
    fix: s3Fix,
  },
  {
    type: "aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint",
    fields: [
      {
        path: "details.regions[].region",
        format: "region",
        verb: "routes requests to a bucket in",
      },
      {
        path: "details.regions[].bucket",
        format: "ref",
        ref: "s3-bucket",
        verb: "routes requests to",
      },
    ],
    fix: "Include only buckets in regions inside the jurisdiction.",
  },
  {
    // CopyObject reads `source` (`<bucket>/<key>`) from a bucket of any region into `bucket`,
    // which S3 serves only in the copy's own region; an e-mail grantee is another AWS account.
    type: "aws:s3/objectCopy:ObjectCopy",
    fields: [
      {
        path: "source",
        format: "ref",
        ref: "s3-bucket",
        verb: "copies an object from",
        inbound: true,
      },
      {
        path: "grants[].email",
        format: "flag",
        verb: "grants the copied object to",
        farSide: "the AWS account of that e-mail address",
      },
    ],
    fix: "Copy only from buckets of this program in regions inside the jurisdiction, and grant the object to no other account.",
  },
  {
    type: "aws:s3control/multiRegionAccessPointRoutes:MultiRegionAccessPointRoutes",
    fields: [{ path: "routes[].region", format: "region", verb: "routes requests to" }],
    fix: "Route only to buckets in regions inside the jurisdiction.",
  },
  {
    type: "aws:s3control/storageLensConfiguration:StorageLensConfiguration",
    fields: [
      {
        path: "storageLensConfiguration.dataExport.s3BucketDestination.arn",
        format: "ref",
        ref: "s3-bucket",
        verb: "exports storage metrics to",
      },
      {
        path: "storageLensConfiguration.dataExport.s3BucketDestination.accountId",
        format: "account",
        verb: "exports storage metrics to",
      },
    ],
    fix: s3Fix,
  },
  {
    type: "aws:efs/replicationConfiguration:ReplicationConfiguration",
    fields: [
      { path: "destination.region", format: "region", verb: "replicates the file system to" },
    ],
    fix: "Replicate to a region inside the jurisdiction, or remove the replication.",
  },
];

export const storageReplication = flowPolicy({
  name: "storage-replication",
  description:
    "Checks whether object and file storage replicates, exports or logs data only to places inside the jurisdiction.",
  severity: "critical",
  remediationSteps:
    "Point replication rules, inventories, access-log targets and multi-Region access points at buckets (or file systems) in regions inside the jurisdiction, or remove them.",
  models: storageFlows,
});
