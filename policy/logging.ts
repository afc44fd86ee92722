/**
 * Audit and log delivery: trails, config recorders, log subscriptions and exports, flow logs,
 * delivery streams, event targets and notification endpoints (shared/research/data-paths.md §3
 * "Audit log delivery", "Log shipping (SLS)"; §4 "Audit log delivery", "Log shipping").
 *
 * Logs carry personal data (IP addresses, user IDs, request contents), so their sinks are
 * destinations like any other. Sinks named by ARN are decided by `arn-locality`; the ones here
 * are named by region, endpoint, bucket or project name, or are arbitrary external endpoints,
 * which cannot be placed and fail closed.
 *
 * Every type log-shipping judges is a row of the one data-flow model's tables — the logs table
 * (policy/paths/types/logs.ts) holds most; a SageMaker job's output buckets are fields of its egress
 * row, an EMR cluster's proxy and metastore of its egress row, an Alibaba Cloud EMR cluster's
 * metastore of its exposure row — and the policy is their view. The table holds more than logs:
 * every delivery to a sink named by URL, endpoint or ARN (messages pushed to endpoints, records
 * streamed to a warehouse or a vector store, DNS answers, calls and live streams) is judged here,
 * under the name users' waivers and configurations already carry. The source-code repositories
 * builds and notebooks clone are remote-sites' (servers a resource calls on the stack's behalf).
 */
import { tablePolicy } from "./paths/views";

export const logShipping = tablePolicy({
  name: "log-shipping",
  description:
    "Checks whether audit trails, log exports, flow logs and event deliveries send their records only to sinks inside the jurisdiction — and so every other delivery the data-flow model's logs table holds: messages pushed to endpoints, records streamed to warehouses and vector stores, DNS answers that steer clients, proxies and metastores, calls and live streams.",
  severity: "high",
  remediationSteps:
    "Deliver trails, logs and events to buckets, projects and streams in regions inside the jurisdiction; replace external endpoints (HTTP, Splunk, email, S3-compatible storage abroad) with in-jurisdiction sinks.",
});
