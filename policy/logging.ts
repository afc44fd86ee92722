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
 * Every type log-shipping judges is a row of the logs table of the one data-flow model
 * (policy/paths/types/logs.ts), judged by its view, but the five below: their types' rows live in
 * other tables (an EMR cluster's in exposure's, the SageMaker jobs' in egress's) that do not yet
 * declare these fields, so this table still judges them.
 */
import { type FlowField, type FlowModel, flowPolicy } from "./flows";
import { knownAt } from "./paths/types/logs";
import { viewedPolicy } from "./paths/views";

/**
 * A bucket named by name, ARN, `s3://` URI or `<name>/<prefix>`: a bucket of the program lies
 * where it is created; one the program does not create cannot be placed and fails closed.
 */
function bucket(path: string, verb: string): FlowField {
  return { path, format: "ref", ref: "s3-bucket", verb };
}

const addressFix =
  "Name only private or allowlisted addresses, or regional endpoints of the cloud inside the jurisdiction; an external host cannot be placed.";
const exportFix = "Deliver only to buckets of this program in regions inside the jurisdiction.";

export const logFlows: readonly FlowModel[] = [
  {
    // A cluster whose metastore is the user's own database (`user_rds`) writes the Hive catalog
    // (table names, schemas, data locations) to the database its JDBC URL names. A URL not known
    // at preview is built from a database of this program, which resource-placement places.
    type: "alicloud:emr/cluster:Cluster",
    fields: [
      {
        path: "metaStoreConf.dbUrl",
        format: "url",
        verb: "keeps the cluster's metastore in",
        when: knownAt("metaStoreConf.dbUrl"),
      },
    ],
    fix: addressFix,
  },
  {
    type: "aws:sagemaker/trainingJob:TrainingJob",
    fields: [bucket("checkpointConfig.s3Uri", "saves training checkpoints to")],
    fix: exportFix,
  },
  {
    type: "aws:sagemaker/hyperParameterTuningJob:HyperParameterTuningJob",
    fields: [
      bucket("trainingJobDefinition.checkpointConfig.s3Uri", "saves training checkpoints to"),
      bucket("trainingJobDefinitions[].checkpointConfig.s3Uri", "saves training checkpoints to"),
    ],
    fix: exportFix,
  },
  {
    type: "aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition",
    fields: [
      bucket(
        "dataQualityJobOutputConfig.monitoringOutputs.s3Output.s3Uri",
        "writes data quality reports to",
      ),
    ],
    fix: exportFix,
  },
  {
    type: "aws:sagemaker/monitoringSchedule:MonitoringSchedule",
    fields: [
      bucket(
        "monitoringScheduleConfig.monitoringJobDefinition.monitoringOutputConfig.monitoringOutputs.s3Output.s3Uri",
        "writes monitoring reports to",
      ),
    ],
    fix: exportFix,
  },
];

/**
 * The types of the logs table (policy/paths/types/logs.ts) are judged by its view; the rows above
 * by this table's own evaluator.
 */
export const logShipping = viewedPolicy(
  flowPolicy({
    name: "log-shipping",
    description:
      "Checks whether audit trails, log exports, flow logs and event deliveries send their records only to sinks inside the jurisdiction.",
    severity: "high",
    remediationSteps:
      "Deliver trails, logs and events to buckets, projects and streams in regions inside the jurisdiction; replace external endpoints (HTTP, Splunk, email, S3-compatible storage abroad) with in-jurisdiction sinks.",
    models: logFlows,
  }),
);
