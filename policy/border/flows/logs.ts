/**
 * Flow models of log delivery not yet in the logs table (policy/paths/types/logs.ts): a CloudTrail
 * trail, whose multi-Region switch log-shipping judges by the jurisdiction's partitions
 * (shared/research/data-paths.md §3 "Audit log delivery"). The trail is data — who did what, from
 * where — and every sink it writes to is an edge.
 */
import type { BorderResource, Endpoint, FlowEdge } from "../model";
import type { Resolver } from "../../paths/resolver";
import { encryptedBy, endpointOf, type FlowTable, link, namePlace } from "./common";

const s3Buckets = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"];

/** `source → log delivery → sink` for a sink named by bucket or log group name, or by ARN. */
function deliver(
  x: Resolver,
  r: BorderResource,
  source: Endpoint,
  field: string,
  types: readonly string[],
): FlowEdge[] {
  return x.refs(r, field, types).flatMap((ref) => {
    const to = endpointOf(x, r, ref, field, (v) => namePlace(x, v));
    return to ? link(source, to, "log delivery", { via: source === r ? undefined : r }) : [];
  });
}

export const logFlows: FlowTable = {
  "aws:cloudtrail/trail:Trail": {
    role: "data",
    flows: (r, x) => [
      ...deliver(x, r, r, "s3BucketName", s3Buckets),
      ...deliver(x, r, r, "cloudWatchLogsGroupArn", ["aws:cloudwatch/logGroup:LogGroup"]),
      ...encryptedBy(x, r, r, ["kmsKeyId"]),
    ],
  },
};
