/**
 * Data movers: DTS synchronisation, migration and subscription; DMS endpoints and tasks;
 * DataSync tasks; and container-registry replication and pulls (shared/research/data-paths.md
 * §3 "DTS", "Container registry replication"; §4 "Data migration (DMS)", "Data migration
 * (DataSync)", "Container registry replication").
 *
 * These services exist to copy data between places, so every endpoint they name — a region, an
 * ARN, a self-hosted database's IP, a host name — must be placed inside the jurisdiction.
 */
import { type FlowModel, type FlowField, flowPolicy } from "./flows";

const transferFix =
  "Keep both ends of the job in regions inside the jurisdiction (and self-hosted endpoints on allowlisted addresses), or remove the job.";

/** Source and destination fields DTS jobs share. */
function dtsEndpoints(kind: "Endpoint" | ""): FlowField[] {
  const region = (side: "source" | "destination") =>
    kind === "" ? `${side}Region` : `${side}EndpointRegion`;
  return [
    { path: region("source"), format: "region", inbound: true, verb: "reads data from" },
    { path: region("destination"), format: "region", verb: "writes data to" },
  ];
}

function dtsSelfHosted(): FlowField[] {
  return [
    { path: "sourceEndpointIp", format: "ip", inbound: true, verb: "reads data from" },
    { path: "destinationEndpointIp", format: "ip", verb: "writes data to" },
    { path: "sourceEndpointOwnerId", format: "account", inbound: true, verb: "reads data from" },
    { path: "destinationEndpointOwnerId", format: "account", verb: "writes data to" },
  ];
}

export const transferFlows: readonly FlowModel[] = [
  {
    type: "alicloud:dts/synchronizationInstance:SynchronizationInstance",
    fields: dtsEndpoints("Endpoint"),
    fix: transferFix,
  },
  {
    type: "alicloud:dts/synchronizationJob:SynchronizationJob",
    fields: [...dtsEndpoints("Endpoint"), ...dtsSelfHosted()],
    fix: transferFix,
  },
  {
    type: "alicloud:dts/migrationInstance:MigrationInstance",
    fields: dtsEndpoints("Endpoint"),
    fix: transferFix,
  },
  {
    type: "alicloud:dts/migrationJob:MigrationJob",
    fields: [
      ...dtsEndpoints("Endpoint"),
      { path: "sourceEndpointIp", format: "ip", inbound: true, verb: "reads data from" },
      { path: "destinationEndpointIp", format: "ip", verb: "writes data to" },
      { path: "sourceEndpointOwnerId", format: "account", inbound: true, verb: "reads data from" },
    ],
    fix: transferFix,
  },
  {
    type: "alicloud:dts/subscriptionJob:SubscriptionJob",
    fields: [
      { path: "sourceEndpointRegion", format: "region", inbound: true, verb: "reads changes from" },
      { path: "destinationRegion", format: "region", verb: "serves the change stream from" },
      { path: "sourceEndpointIp", format: "ip", inbound: true, verb: "reads changes from" },
      {
        path: "sourceEndpointOwnerId",
        format: "account",
        inbound: true,
        verb: "reads changes from",
      },
    ],
    fix: transferFix,
  },
  {
    type: "alicloud:dts/instance:Instance",
    fields: dtsEndpoints(""),
    fix: transferFix,
  },
  {
    type: "aws:dms/endpoint:Endpoint",
    fields: [
      { path: "serverName", format: "url", verb: "connects to the database at" },
      { path: "kinesisSettings.streamArn", format: "arn", verb: "streams changes to" },
      { path: "kafkaSettings.broker", format: "url", verb: "streams changes to" },
      { path: "redisSettings.serverName", format: "url", verb: "connects to" },
      { path: "elasticsearchSettings.endpointUri", format: "url", verb: "writes to" },
    ],
    fix: transferFix,
  },
  {
    type: "aws:dms/s3Endpoint:S3Endpoint",
    fields: [{ path: "bucketName", format: "ref", ref: "s3-bucket", verb: "reads or writes" }],
    fix: transferFix,
  },
  {
    type: "aws:dms/replicationTask:ReplicationTask",
    fields: [
      { path: "sourceEndpointArn", format: "arn", inbound: true, verb: "reads data from" },
      { path: "targetEndpointArn", format: "arn", verb: "writes data to" },
    ],
    fix: transferFix,
  },
  {
    type: "aws:datasync/task:Task",
    fields: [
      { path: "sourceLocationArn", format: "arn", inbound: true, verb: "copies data from" },
      { path: "destinationLocationArn", format: "arn", verb: "copies data to" },
    ],
    fix: transferFix,
  },
  {
    type: "aws:datasync/s3Location:S3Location",
    fields: [
      { path: "s3BucketArn", format: "ref", ref: "s3-bucket", verb: "copies data to or from" },
    ],
    fix: transferFix,
  },
];

export const dataTransferJobs = flowPolicy({
  name: "data-transfer-jobs",
  description:
    "Checks whether data transfer, migration and synchronisation jobs (DTS, DMS, DataSync) have both ends inside the jurisdiction.",
  severity: "critical",
  remediationSteps:
    "Set every source and destination region of the job to a region inside the jurisdiction; self-hosted endpoints must be private or allowlisted addresses.",
  models: transferFlows,
});

const registryFix =
  "Replicate images only to registries in regions inside the jurisdiction (and this account), or remove the rule.";

export const registryFlows: readonly FlowModel[] = [
  {
    type: "alicloud:cs/registryEnterpriseSyncRule:RegistryEnterpriseSyncRule",
    fields: [
      { path: "targetRegionId", format: "region", verb: "syncs images to" },
      { path: "targetUserId", format: "account", verb: "syncs images to" },
    ],
    fix: registryFix,
  },
  {
    type: "alicloud:cr/artifactSubscriptionRule:ArtifactSubscriptionRule",
    fields: [
      {
        path: "sourceProvider",
        format: "flag",
        inbound: true,
        verb: "pulls images from",
        farSide: "an external registry",
      },
    ],
    fix: "Mirror images into the registry through a reviewed in-jurisdiction pipeline instead of subscribing to an external registry.",
  },
  {
    type: "aws:ecr/replicationConfiguration:ReplicationConfiguration",
    fields: [
      {
        path: "replicationConfiguration.rules[].destinations[].region",
        format: "region",
        verb: "replicates images to",
      },
      {
        path: "replicationConfiguration.rules[].destinations[].registryId",
        format: "account",
        verb: "replicates images to",
      },
    ],
    fix: registryFix,
  },
  {
    type: "aws:ecr/pullThroughCacheRule:PullThroughCacheRule",
    fields: [
      {
        path: "upstreamRegistryUrl",
        format: "url",
        inbound: true,
        verb: "pulls images from",
        required: true,
      },
    ],
    fix: "Cache only from an ECR registry in a region inside the jurisdiction.",
  },
];

export const registryReplication = flowPolicy({
  name: "registry-replication",
  description:
    "Checks whether container registries replicate, sync or pull images only within the jurisdiction.",
  severity: "high",
  remediationSteps:
    "Point registry replication and sync rules at registries in regions inside the jurisdiction, and do not pull through from registries abroad.",
  models: registryFlows,
});
