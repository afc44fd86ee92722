/**
 * Data movers: DTS synchronisation, migration and subscription; DMS endpoints and tasks;
 * DataSync tasks; and container-registry replication and pulls (shared/research/data-paths.md
 * §3 "DTS", "Container registry replication"; §4 "Data migration (DMS)", "Data migration
 * (DataSync)", "Container registry replication").
 *
 * These services exist to copy data between places, so every endpoint they name — a region, an
 * ARN, a self-hosted database's IP, a host name — must be placed inside the jurisdiction. Jobs'
 * edges are owned by `data-transfer-jobs`, registries' by `registry-replication`.
 */
import type { FieldSpec, TypeModel, TypeTable } from "../model";
import { edgesOf, inbound } from "./rows";

const job = edgesOf("data-transfer-jobs", "data sync");
const registry = edgesOf("registry-replication", "replication");

/** A row whose resource stands for the data it moves, with the fix its messages end with. */
const rows =
  (fix: string) =>
  (...fields: FieldSpec[]): TypeModel => ({ role: "data", fields, fix });
const transfer = rows(
  "Keep both ends of the job in regions inside the jurisdiction (and self-hosted endpoints on allowlisted addresses), or remove the job.",
);
const replication = rows(
  "Replicate images only to registries in regions inside the jurisdiction (and this account), or remove the rule.",
);

/** Source and destination regions of a DTS job (`sourceEndpointRegion` or `sourceRegion`). */
const dtsRegions = (side: "EndpointRegion" | "Region") => [
  job.region(`source${side}`, "reads data from", inbound),
  job.region(`destination${side}`, "writes data to"),
];
const selfHosted = [
  job.ip("sourceEndpointIp", "reads data from", inbound),
  job.ip("destinationEndpointIp", "writes data to"),
  job.account("sourceEndpointOwnerId", "reads data from", inbound),
];

export const transfers: TypeTable = {
  "alicloud:dts/synchronizationInstance:SynchronizationInstance": transfer(
    ...dtsRegions("EndpointRegion"),
  ),
  "alicloud:dts/synchronizationJob:SynchronizationJob": transfer(
    ...dtsRegions("EndpointRegion"),
    ...selfHosted,
    job.account("destinationEndpointOwnerId", "writes data to"),
  ),
  "alicloud:dts/migrationInstance:MigrationInstance": transfer(...dtsRegions("EndpointRegion")),
  "alicloud:dts/migrationJob:MigrationJob": transfer(
    ...dtsRegions("EndpointRegion"),
    ...selfHosted,
  ),
  "alicloud:dts/subscriptionJob:SubscriptionJob": transfer(
    job.region("sourceEndpointRegion", "reads changes from", inbound),
    job.region("destinationRegion", "serves the change stream from"),
    job.ip("sourceEndpointIp", "reads changes from", inbound),
    job.account("sourceEndpointOwnerId", "reads changes from", inbound),
  ),
  "alicloud:dts/instance:Instance": transfer(...dtsRegions("Region")),
  "aws:dms/endpoint:Endpoint": transfer(
    job.url("serverName", "connects to the database at"),
    job.arn("kinesisSettings.streamArn", "streams changes to"),
    job.url("kafkaSettings.broker", "streams changes to"),
    job.url("redisSettings.serverName", "connects to"),
    job.url("elasticsearchSettings.endpointUri", "writes to"),
  ),
  "aws:dms/s3Endpoint:S3Endpoint": transfer(
    job.ref("bucketName", "reads or writes", { ref: "s3-bucket" }),
  ),
  "aws:dms/replicationTask:ReplicationTask": transfer(
    job.arn("sourceEndpointArn", "reads data from", inbound),
    job.arn("targetEndpointArn", "writes data to"),
  ),
  "aws:datasync/task:Task": transfer(
    job.arn("sourceLocationArn", "copies data from", inbound),
    job.arn("destinationLocationArn", "copies data to"),
  ),
  "aws:datasync/s3Location:S3Location": transfer(
    job.ref("s3BucketArn", "copies data to or from", { ref: "s3-bucket" }),
  ),
  "alicloud:cs/registryEnterpriseSyncRule:RegistryEnterpriseSyncRule": replication(
    registry.region("targetRegionId", "syncs images to"),
    registry.account("targetUserId", "syncs images to"),
  ),
  "alicloud:cr/artifactSubscriptionRule:ArtifactSubscriptionRule": rows(
    "Mirror images into the registry through a reviewed in-jurisdiction pipeline instead of subscribing to an external registry.",
  )(
    registry.flag("sourceProvider", "pulls images from", {
      ...inbound,
      farSide: "an external registry",
    }),
  ),
  "aws:ecr/replicationConfiguration:ReplicationConfiguration": replication(
    registry.region(
      "replicationConfiguration.rules[].destinations[].region",
      "replicates images to",
    ),
    registry.account(
      "replicationConfiguration.rules[].destinations[].registryId",
      "replicates images to",
    ),
  ),
  "aws:ecr/pullThroughCacheRule:PullThroughCacheRule": rows(
    "Cache only from an ECR registry in a region inside the jurisdiction.",
  )(registry.url("upstreamRegistryUrl", "pulls images from", { ...inbound, required: true })),
};
