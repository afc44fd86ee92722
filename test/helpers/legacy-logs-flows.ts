/**
 * The log rows as they were before they moved to the logs table of the one model
 * (policy/paths/types/logs.ts), kept verbatim as the oracle of test/paths/differential.test.ts:
 *
 * - `legacyLogFlows`, the border analysis's flow models of log delivery
 *   (policy/border/flows/logs.ts, gone): the graph the table draws is compared edge by edge with
 *   the graph these drew, and every difference is listed there.
 * - `legacyLogShippingFlows`, the rows of the per-policy table `log-shipping` evaluated
 *   (policy/logging.ts; its last five, the SageMaker jobs' and the EMR cluster's, are now fields
 *   of their types' egress and exposure rows: `legacyLogElsewhere`), and `legacyLogKeyFlows`, the
 *   logstore's row of
 *   `key-and-secret-replicas` (policy/keys.ts): the views of the table must report exactly what
 *   those rows reported.
 */
import type { BorderResource, Endpoint, FlowEdge } from "../../policy/paths/model";
import { isUnknown } from "../../policy/paths/model";
import { type Jurisdiction, regionInJurisdiction } from "../../residency/jurisdictions";
import { hostOf, regionOfEndpoint } from "../../residency/placement";
import type { CustomFlow, FlowField, FlowModel, Format } from "../../policy/flows";
import { parseCidr, reachOfAddress } from "../../policy/paths/addresses";
import { locate } from "../../policy/paths/places";
import type { Resolver } from "../../policy/paths/resolver";
import { known, valueAt, valuesAt } from "../../policy/paths/values";
import {
  copiesTo,
  dataStore,
  encryptedBy,
  endpointOf,
  type FlowTable,
  isOn,
  link,
  namePlace,
  str,
} from "../../policy/paths/types/common";

const ossBuckets = ["alicloud:oss/bucket:Bucket"];
const s3Buckets = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"];
const slsProjects = ["alicloud:log/project:Project"];

/** Where a sink endpoint (`cn-shanghai[-intranet].log.aliyuncs.com`, any cloud endpoint) lies. */
function slsEndpointPlace(x: Resolver, r: BorderResource, value: unknown): Endpoint {
  const host = str(value);
  // An endpoint names a region or cannot be placed; it never means "the resource's own region".
  return host
    ? x.locatedPlace(locate(x.jurisdiction, "endpoint", host, "alicloud"))!
    : x.unknownPlace(
        isUnknown(value)
          ? `sink endpoint of ${x.label(r)} is not known until deployed`
          : `sink endpoint of ${x.label(r)} is not an endpoint`,
      );
}

/** `source → log delivery → sink` for a sink named by bucket or project name, or by ARN. */
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

const alicloud: FlowTable = {
  ...Object.fromEntries(
    [
      "alicloud:actiontrail/trail:Trail",
      "alicloud:actiontrail/trailDeprecated:TrailDeprecated",
    ].map((t) => [
      t,
      {
        role: "data" as const,
        flows: (r: BorderResource, x: Resolver) => [
          ...deliver(x, r, r, "ossBucketName", ossBuckets),
          ...deliver(x, r, r, "slsProjectArn", slsProjects),
          ...deliver(x, r, r, "maxComputeProjectArn", []),
        ],
      },
    ]),
  ),
  "alicloud:actiontrail/globalEventsStorageRegion:GlobalEventsStorageRegion": copiesTo(
    "log delivery",
    {
      regions: ["storageRegion"],
    },
  ),
  "alicloud:sls/collectionPolicy:CollectionPolicy": {
    role: "data",
    flows: (r, x) =>
      isOn(r.props.centralizeEnabled)
        ? (copiesTo("log delivery", {
            regions: ["centralizeConfig.destRegion", "dataConfig.dataRegion"],
          }).flows?.(r, x) ?? [])
        : [],
  },
  "alicloud:log/project:Project": dataStore(),
  "alicloud:log/store:Store": {
    role: "data",
    flows: (r, x) => {
      const edges = encryptedBy(x, r, r, ["encryptConf.userCmkInfo.cmkKeyId"]);
      const cmkRegion = valueAt(r.props, "encryptConf.userCmkInfo.regionId");
      if (cmkRegion !== undefined && edges.length === 0) {
        edges.push(
          ...link(
            r,
            x.regionValue(r, cmkRegion, "encryptConf.userCmkInfo.regionId"),
            "encrypted by",
          ),
        );
      }
      return edges;
    },
  },
  ...Object.fromEntries(
    ["alicloud:log/etl:Etl", "alicloud:sls/etl:Etl"].map((t) => [
      t,
      {
        role: "data" as const,
        flows: (r: BorderResource, x: Resolver) =>
          [
            ...valuesAt(r.props, "etlSinks[].endpoint").map((f) => f.value),
            ...valuesAt(r.props, "configuration.sinks[].endpoint").map((f) => f.value),
          ].flatMap((v) =>
            link(r, slsEndpointPlace(x, r, v), "log delivery", { detail: "ETL sink" }),
          ),
      },
    ]),
  ),
  "alicloud:sls/scheduledSql:ScheduledSql": {
    role: "data",
    flows: (r, x) =>
      valuesAt(r.props, "scheduledSqlConfiguration.destEndpoint").flatMap(({ value: v }) =>
        link(r, slsEndpointPlace(x, r, v), "log delivery", { detail: "scheduled SQL results" }),
      ),
  },
  "alicloud:sls/ossExportSink:OssExportSink": {
    role: "data",
    flows: (r, x) => deliver(x, r, r, "configuration.sink.bucket", ossBuckets),
  },
  "alicloud:log/ossExport:OssExport": {
    role: "data",
    flows: (r, x) => deliver(x, r, r, "bucket", ossBuckets),
  },
  "alicloud:log/ossShipper:OssShipper": {
    role: "data",
    flows: (r, x) => deliver(x, r, r, "ossBucket", ossBuckets),
  },
  "alicloud:sls/logtailConfig:LogtailConfig": copiesTo("log delivery", {
    regions: ["outputDetail.region"],
  }),
  "alicloud:cdn/realTimeLogDelivery:RealTimeLogDelivery": copiesTo("log delivery", {
    regions: ["slsRegion"],
  }),
  "alicloud:ga/accessLog:AccessLog": copiesTo("log delivery", { regions: ["slsRegionId"] }),
  "alicloud:vpc/flowLog:FlowLog": {
    role: "other",
    flows: (r, x) => {
      const source = x.resourceAt(r, "resourceId");
      return source ? deliver(x, r, source, "projectName", slsProjects) : [];
    },
  },
};

const aws: FlowTable = {
  "aws:cloudtrail/trail:Trail": {
    role: "data",
    flows: (r, x) => [
      ...deliver(x, r, r, "s3BucketName", s3Buckets),
      ...deliver(x, r, r, "cloudWatchLogsGroupArn", ["aws:cloudwatch/logGroup:LogGroup"]),
      ...encryptedBy(x, r, r, ["kmsKeyId"]),
    ],
  },
  "aws:cfg/deliveryChannel:DeliveryChannel": {
    role: "data",
    flows: (r, x) => deliver(x, r, r, "s3BucketName", s3Buckets),
  },
  "aws:cloudwatch/logGroup:LogGroup": dataStore({ keys: ["kmsKeyId"] }),
  "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter": {
    role: "other",
    flows: (r, x) => {
      const group = x.resourceAt(r, "logGroup", ["aws:cloudwatch/logGroup:LogGroup"]);
      return deliver(x, r, group ?? r, "destinationArn", []);
    },
  },
  "aws:ec2/flowLog:FlowLog": {
    role: "other",
    flows: (r, x) => {
      const source = x.resourceAt(r, "vpcId") ?? x.resourceAt(r, "subnetId");
      return source
        ? deliver(x, r, source, "logDestination", [
            ...s3Buckets,
            "aws:cloudwatch/logGroup:LogGroup",
          ])
        : [];
    },
  },
  "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream": {
    role: "data",
    flows: (r, x) => [
      ...deliver(x, r, r, "extendedS3Configuration.bucketArn", s3Buckets),
      ...(valueAt(r.props, "httpEndpointConfiguration.url") !== undefined
        ? link(r, x.internet, "log delivery", { detail: "HTTP endpoint" })
        : []),
    ],
  },
};

export const legacyLogFlows: FlowTable = { ...alicloud, ...aws };

const logFix = "Deliver logs only to sinks in regions inside the jurisdiction.";
const externalFix =
  "Deliver only to cloud sinks inside the jurisdiction; an external endpoint cannot be placed.";

const repoFix =
  "Use Git repositories in regions inside the jurisdiction (CodeCommit, or a host on an allowlisted address).";
const addressFix =
  "Name only private or allowlisted addresses, or regional endpoints of the cloud inside the jurisdiction; an external host cannot be placed.";
const exportFix = "Deliver only to buckets of this program in regions inside the jurisdiction.";
const pushFix =
  "Send only to services inside the jurisdiction (by regional endpoint or ARN) or to an allowlisted address; an external host cannot be placed.";

/** What a row's field may add to its path, format and verb. */
type FieldExtra = Partial<Omit<FlowField, "path" | "format" | "verb">>;

/** Fields of one format, one line each: `url("invocationEndpoint", "calls")`. */
function fieldOf(format: Format, base: FieldExtra = {}) {
  return (path: string, verb: string, extra: FieldExtra = {}): FlowField => ({
    path,
    format,
    verb,
    ...base,
    ...extra,
  });
}

const bucket = fieldOf("ref", { ref: "s3-bucket" });
const logSink = fieldOf("ref", { ref: "log-sink" });
const logGroup = fieldOf("ref", { ref: "log-group" });
const endpoint = fieldOf("endpoint");
const arn = fieldOf("arn");
const url = fieldOf("url");
const account = fieldOf("account");

/** CodeBuild source types fetched from a repository host outside the cloud. */
const externalSources = [
  "GITHUB",
  "GITHUB_ENTERPRISE",
  "BITBUCKET",
  "GITLAB",
  "GITLAB_SELF_MANAGED",
];

/**
 * Every value at `path` is known at preview. A cloud ARN or endpoint that is not yet known is an
 * output of a resource of this program (a function's invoke ARN, a domain's endpoint), which
 * resource-placement places where it is created — as arn-locality leaves such ARNs to it.
 */
function knownAt(path: string) {
  return (props: Readonly<Record<string, unknown>>): boolean => {
    const found = known(() => valuesAt(props, path));
    return !isUnknown(found) && found.length > 0 && found.every((f) => !isUnknown(f.value));
  };
}

/** The value at a top-level input, as text (`undefined` when unset or not known yet). */
function textOf(props: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const v = known(() => props[key]);
  return isUnknown(v) ? undefined : str(v);
}

/**
 * An API Gateway integration that calls an HTTP backend on the internet: an `HTTP` or
 * `HTTP_PROXY` integration not sent through a VPC link (which reaches a private load balancer of
 * the VPC, its `uri` only the Host header).
 */
function internetHttp(typeKey: string, types: readonly string[]) {
  return (props: Readonly<Record<string, unknown>>): boolean => {
    const type = textOf(props, typeKey)?.toUpperCase();
    return (
      type !== undefined &&
      types.includes(type) &&
      textOf(props, "connectionType")?.toUpperCase() !== "VPC_LINK"
    );
  };
}

/** An integration's known ARN target (a function, a service action, a VPC link's listener). */
function arnTarget(key: string) {
  return (props: Readonly<Record<string, unknown>>): boolean =>
    textOf(props, key)?.startsWith("arn:") === true;
}

/** A known value at `key` that is not an ARN (a URL). */
function notArn(key: string) {
  return (props: Readonly<Record<string, unknown>>): boolean => {
    const v = textOf(props, key);
    return v !== undefined && !v.startsWith("arn:");
  };
}

/** The value at a dotted input path, as text (`undefined` when unset or not known yet). */
function textAt(props: Readonly<Record<string, unknown>>, path: string): string | undefined {
  const found = known(() => valuesAt(props, path));
  if (isUnknown(found) || found.length !== 1 || isUnknown(found[0].value)) {
    return undefined;
  }
  return str(found[0].value);
}

/** The source or destination type at `path` is one of `types` (case-insensitive). */
function sourceOn(path: string, types: readonly string[]) {
  return (props: Readonly<Record<string, unknown>>): boolean => {
    const t = textAt(props, path)?.toUpperCase();
    return t !== undefined && types.includes(t);
  };
}

/**
 * A location at `path` that is in S3 (`s3://`, `s3a://`, `s3n://`), or not known yet (built from
 * a bucket of the program, which the reference resolves through the value's dependencies).
 */
function s3Location(path: string) {
  return (props: Readonly<Record<string, unknown>>): boolean => {
    const found = known(() => valuesAt(props, path));
    if (isUnknown(found) || found.some((f) => isUnknown(f.value))) {
      return true;
    }
    return /^s3[an]?:\/\//i.test(textAt(props, path) ?? "");
  };
}

const tableRows: readonly FlowModel[] = [
  {
    type: "alicloud:actiontrail/trail:Trail",
    fields: [
      { path: "trailRegion", format: "region", inbound: true, verb: "collects events of" },
      { path: "ossBucketName", format: "ref", ref: "oss-bucket", verb: "delivers audit events to" },
      { path: "slsProjectArn", format: "arn", verb: "delivers audit events to" },
      { path: "maxComputeProjectArn", format: "arn", verb: "delivers audit events to" },
      {
        path: "isOrganizationTrail",
        format: "flag",
        values: [true],
        inbound: true,
        verb: "collects events of",
        farSide: "every account of the resource directory",
      },
    ],
    fix: logFix,
  },
  {
    type: "alicloud:actiontrail/trailDeprecated:TrailDeprecated",
    fields: [
      { path: "trailRegion", format: "region", inbound: true, verb: "collects events of" },
      { path: "ossBucketName", format: "ref", ref: "oss-bucket", verb: "delivers audit events to" },
      { path: "slsProjectArn", format: "arn", verb: "delivers audit events to" },
      { path: "maxComputeProjectArn", format: "arn", verb: "delivers audit events to" },
    ],
    fix: logFix,
  },
  {
    type: "alicloud:actiontrail/globalEventsStorageRegion:GlobalEventsStorageRegion",
    fields: [{ path: "storageRegion", format: "region", verb: "stores global events in" }],
    fix: logFix,
  },
  {
    type: "alicloud:sls/collectionPolicy:CollectionPolicy",
    fields: [
      { path: "centralizeConfig.destRegion", format: "region", verb: "centralizes logs in" },
      { path: "dataConfig.dataRegion", format: "region", verb: "stores collected logs in" },
    ],
    fix: logFix,
  },
  {
    type: "alicloud:log/etl:Etl",
    fields: [
      { path: "etlSinks[].endpoint", format: "endpoint", verb: "writes transformed logs to" },
    ],
    fix: logFix,
  },
  {
    type: "alicloud:sls/etl:Etl",
    fields: [
      {
        path: "configuration.sinks[].endpoint",
        format: "endpoint",
        verb: "writes transformed logs to",
      },
    ],
    fix: logFix,
  },
  {
    type: "alicloud:sls/scheduledSql:ScheduledSql",
    fields: [
      {
        path: "scheduledSqlConfiguration.destEndpoint",
        format: "endpoint",
        verb: "writes query results to",
      },
    ],
    fix: logFix,
  },
  {
    type: "alicloud:sls/ossExportSink:OssExportSink",
    fields: [
      { path: "configuration.sink.endpoint", format: "endpoint", verb: "ships logs to" },
      {
        path: "configuration.sink.bucket",
        format: "ref",
        ref: "oss-bucket",
        verb: "ships logs to",
      },
    ],
    fix: logFix,
  },
  {
    type: "alicloud:log/ossExport:OssExport",
    fields: [{ path: "bucket", format: "ref", ref: "oss-bucket", verb: "ships logs to" }],
    fix: logFix,
  },
  {
    type: "alicloud:log/ossShipper:OssShipper",
    fields: [{ path: "ossBucket", format: "ref", ref: "oss-bucket", verb: "ships logs to" }],
    fix: logFix,
  },
  {
    type: "alicloud:sls/logtailConfig:LogtailConfig",
    fields: [{ path: "outputDetail.region", format: "region", verb: "ships collected logs to" }],
    fix: logFix,
  },
  {
    type: "alicloud:cdn/realTimeLogDelivery:RealTimeLogDelivery",
    fields: [{ path: "slsRegion", format: "region", verb: "delivers CDN logs to" }],
    fix: logFix,
  },
  {
    type: "alicloud:ga/accessLog:AccessLog",
    fields: [{ path: "slsRegionId", format: "region", verb: "delivers access logs to" }],
    fix: logFix,
  },
  {
    type: "alicloud:vpc/flowLog:FlowLog",
    fields: [
      { path: "projectName", format: "ref", ref: "sls-project", verb: "delivers flow logs to" },
    ],
    fix: logFix,
  },
  {
    type: "aws:cfg/deliveryChannel:DeliveryChannel",
    fields: [
      {
        path: "s3BucketName",
        format: "ref",
        ref: "s3-bucket",
        verb: "delivers configuration history to",
      },
    ],
    fix: logFix,
  },
  {
    type: "aws:ec2/flowLog:FlowLog",
    fields: [
      { path: "logDestination", format: "ref", ref: "s3-bucket", verb: "delivers flow logs to" },
    ],
    fix: logFix,
  },
  {
    type: "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
    fields: [
      {
        path: "extendedS3Configuration.bucketArn",
        format: "ref",
        ref: "s3-bucket",
        verb: "delivers records to",
      },
      { path: "httpEndpointConfiguration.url", format: "url", verb: "delivers records to" },
      { path: "splunkConfiguration.hecEndpoint", format: "url", verb: "delivers records to" },
    ],
    fix: externalFix,
  },
  {
    type: "alicloud:esa/siteDeliveryTask:SiteDeliveryTask",
    fields: [
      { path: "ossDelivery.region", format: "region", verb: "delivers edge logs to" },
      { path: "slsDelivery.slsRegion", format: "region", verb: "delivers edge logs to" },
      {
        path: "s3Delivery",
        format: "flag",
        verb: "delivers edge logs to",
        farSide: "S3-compatible storage outside Alibaba Cloud",
      },
      {
        path: "httpDelivery",
        format: "flag",
        verb: "delivers edge logs to",
        farSide: "an HTTP endpoint that cannot be placed",
      },
      {
        path: "kafkaDelivery",
        format: "flag",
        verb: "delivers edge logs to",
        farSide: "Kafka brokers that cannot be placed",
      },
    ],
    fix: externalFix,
  },
  {
    type: "alicloud:cen/flowLog:FlowLog",
    fields: [
      { path: "projectName", format: "ref", ref: "sls-project", verb: "delivers flow logs to" },
    ],
    fix: logFix,
  },
  {
    type: "alicloud:sag/smartagFlowLog:SmartagFlowLog",
    fields: [{ path: "slsRegionId", format: "region", verb: "delivers flow logs to" }],
    fix: logFix,
  },
  {
    type: "aws:observabilityadmin/centralizationRuleForOrganization:CentralizationRuleForOrganization",
    fields: [
      { path: "rule.destination.region", format: "region", verb: "centralizes logs in" },
      {
        path: "rule.destination.destinationLogsConfiguration.backupConfiguration.region",
        format: "region",
        verb: "backs centralized logs up in",
      },
      {
        path: "rule.source.regions[]",
        format: "region",
        inbound: true,
        verb: "collects logs from",
      },
    ],
    fix: logFix,
  },
  {
    type: "aws:guardduty/publishingDestination:PublishingDestination",
    fields: [
      { path: "destinationArn", format: "ref", ref: "s3-bucket", verb: "exports findings to" },
    ],
    fix: logFix,
  },
  {
    type: "aws:ssm/resourceDataSync:ResourceDataSync",
    fields: [
      { path: "s3Destination.region", format: "region", verb: "syncs inventory to" },
      {
        path: "s3Destination.bucketName",
        format: "ref",
        ref: "s3-bucket",
        verb: "syncs inventory to",
      },
    ],
    fix: logFix,
  },
  {
    type: "aws:athena/workgroup:Workgroup",
    fields: [
      bucket("configuration.resultConfiguration.outputLocation", "writes query results to"),
      account("configuration.resultConfiguration.expectedBucketOwner", "writes query results to"),
      bucket(
        "configuration.monitoringConfiguration.s3LoggingConfiguration.logLocation",
        "delivers query logs to",
      ),
    ],
    fix: exportFix,
  },
  {
    type: "aws:athena/database:Database",
    fields: [
      bucket("bucket", "writes query results to"),
      account("expectedBucketOwner", "writes query results to"),
    ],
    fix: exportFix,
  },
  {
    type: "aws:codebuild/reportGroup:ReportGroup",
    fields: [bucket("exportConfig.s3Destination.bucket", "exports test reports to")],
    fix: exportFix,
  },
  {
    type: "aws:wafregional/webAcl:WebAcl",
    fields: [logSink("loggingConfiguration.logDestination", "delivers request logs to")],
    fix: logFix,
  },
  {
    type: "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration",
    fields: [logSink("logDestinationConfigs[]", "delivers request logs to")],
    fix: logFix,
  },
  {
    type: "aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration",
    fields: [
      bucket("loggingConfig.s3Config.bucketName", "delivers model prompts and answers to"),
      bucket(
        "loggingConfig.cloudwatchConfig.largeDataDeliveryS3Config.bucketName",
        "delivers large model prompts and answers to",
      ),
    ],
    fix: logFix,
  },
  {
    type: "aws:cfg/conformancePack:ConformancePack",
    fields: [bucket("deliveryS3Bucket", "delivers conformance pack results to")],
    fix: logFix,
  },
  {
    type: "aws:cfg/organizationConformancePack:OrganizationConformancePack",
    fields: [bucket("deliveryS3Bucket", "delivers conformance pack results to")],
    fix: logFix,
  },
  {
    type: "aws:macie2/classificationExportConfiguration:ClassificationExportConfiguration",
    fields: [bucket("s3Destination.bucketName", "exports sensitive-data findings to")],
    fix: exportFix,
  },
  {
    type: "aws:verifiedaccess/instanceLoggingConfiguration:InstanceLoggingConfiguration",
    fields: [
      bucket("accessLogs.s3.bucketName", "delivers access logs to"),
      account("accessLogs.s3.bucketOwner", "delivers access logs to"),
    ],
    fix: logFix,
  },
  {
    type: "aws:workspacesweb/sessionLogger:SessionLogger",
    fields: [
      bucket("logConfiguration.s3.bucket", "delivers browser session logs to"),
      account("logConfiguration.s3.bucketOwner", "delivers browser session logs to"),
    ],
    fix: logFix,
  },
  {
    type: "aws:ivs/recordingConfiguration:RecordingConfiguration",
    fields: [bucket("destinationConfiguration.s3.bucketName", "records live streams to")],
    fix: exportFix,
  },
  {
    type: "aws:ivschat/loggingConfiguration:LoggingConfiguration",
    fields: [bucket("destinationConfiguration.s3.bucketName", "delivers chat messages to")],
    fix: logFix,
  },
  {
    type: "aws:ec2/spotDatafeedSubscription:SpotDatafeedSubscription",
    fields: [bucket("bucket", "delivers Spot usage records to")],
    fix: logFix,
  },
  {
    type: "aws:auditmanager/assessment:Assessment",
    fields: [bucket("assessmentReportsDestination.destination", "writes assessment reports to")],
    fix: exportFix,
  },
  {
    type: "aws:securitylake/subscriberNotification:SubscriberNotification",
    fields: [
      url(
        "configuration.httpsNotificationConfiguration.endpoint",
        "notifies a subscriber of new security data at",
      ),
    ],
    fix: pushFix,
  },
  {
    type: "aws:securitylake/subscriber:Subscriber",
    fields: [
      account("subscriberIdentity.principal", "gives read access to the security data lake to"),
    ],
    fix: "Subscribe only principals of this account.",
  },
  {
    type: "aws:securitylake/customLogSource:CustomLogSource",
    fields: [
      account("configuration.providerIdentity.principal", "takes security logs written by", {
        inbound: true,
      }),
    ],
    fix: "Collect logs only from this account.",
  },
  {
    type: "aws:securitylake/awsLogSource:AwsLogSource",
    fields: [account("source.accounts[]", "collects security logs of", { inbound: true })],
    fix: "Collect logs only from this account.",
  },
  {
    type: "aws:sfn/stateMachine:StateMachine",
    fields: [logGroup("loggingConfiguration.logDestination", "delivers execution logs to")],
    fix: logFix,
  },
  {
    type: "aws:dynamodb/tableExport:TableExport",
    fields: [
      bucket("s3Bucket", "exports table items to"),
      account("s3BucketOwner", "exports table items to"),
    ],
    fix: exportFix,
  },
  {
    type: "aws:rds/exportTask:ExportTask",
    fields: [bucket("s3BucketName", "exports snapshot data to")],
    fix: exportFix,
  },
  {
    type: "aws:emr/cluster:Cluster",
    fields: [bucket("logUri", "delivers cluster logs to")],
    fix: logFix,
  },
  {
    type: "aws:emrcontainers/jobTemplate:JobTemplate",
    fields: [
      bucket(
        "jobTemplateData.configurationOverrides.monitoringConfiguration.s3MonitoringConfiguration.logUri",
        "delivers job logs to",
      ),
    ],
    fix: logFix,
  },
  {
    type: "aws:ses/receiptRule:ReceiptRule",
    fields: [bucket("s3Actions[].bucketName", "stores received mail in")],
    fix: exportFix,
  },
  {
    type: "aws:ssm/association:Association",
    fields: [bucket("outputLocation.s3BucketName", "writes command output to")],
    fix: logFix,
  },
  {
    type: "aws:ssm/maintenanceWindowTask:MaintenanceWindowTask",
    fields: [
      bucket(
        "taskInvocationParameters.runCommandParameters.outputS3Bucket",
        "writes command output to",
      ),
    ],
    fix: logFix,
  },
  {
    type: "aws:synthetics/canary:Canary",
    fields: [
      bucket("artifactS3Location", "stores screenshots, HAR files and logs in"),
      bucket("s3Bucket", "reads its script from", { inbound: true }),
    ],
    fix: exportFix,
  },
  {
    type: "aws:timestreamwrite/table:Table",
    fields: [
      bucket(
        "magneticStoreWriteProperties.magneticStoreRejectedDataLocation.s3Configuration.bucketName",
        "writes rejected records to",
      ),
    ],
    fix: logFix,
  },
  {
    type: "aws:ecs/cluster:Cluster",
    fields: [
      bucket(
        "configuration.executeCommandConfiguration.logConfiguration.s3BucketName",
        "delivers exec session logs to",
      ),
    ],
    fix: logFix,
  },
  {
    type: "aws:imagebuilder/infrastructureConfiguration:InfrastructureConfiguration",
    fields: [bucket("logging.s3Logs.s3BucketName", "delivers build logs to")],
    fix: logFix,
  },
  {
    type: "aws:cloudwatch/internetMonitor:InternetMonitor",
    fields: [
      bucket("internetMeasurementsLogDelivery.s3Config.bucketName", "delivers measurements to"),
    ],
    fix: logFix,
  },
  {
    type: "aws:sns/smsPreferences:SmsPreferences",
    fields: [bucket("usageReportS3Bucket", "delivers SMS usage reports to")],
    fix: logFix,
  },
  {
    type: "aws:fis/experimentTemplate:ExperimentTemplate",
    fields: [
      bucket("logConfiguration.s3Configuration.bucketName", "delivers experiment logs to"),
      bucket(
        "experimentReportConfiguration.outputs.s3Configuration.bucketName",
        "delivers experiment reports to",
      ),
    ],
    fix: logFix,
  },
  {
    type: "aws:evidently/project:Project",
    fields: [bucket("dataDelivery.s3Destination.bucket", "delivers evaluation events to")],
    fix: logFix,
  },
  {
    type: "aws:rekognition/streamProcessor:StreamProcessor",
    fields: [bucket("output.s3Destination.bucket", "writes analysis results to")],
    fix: exportFix,
  },
  {
    type: "aws:chime/sdkvoiceGlobalSettings:SdkvoiceGlobalSettings",
    fields: [bucket("voiceConnector.cdrBucket", "delivers call detail records to")],
    fix: logFix,
  },
  {
    type: "aws:cleanrooms/membership:Membership",
    fields: [
      bucket(
        "defaultResultConfiguration.outputConfiguration.s3.bucket",
        "writes collaboration query results to",
      ),
    ],
    fix: exportFix,
  },
  {
    type: "aws:connect/instanceStorageConfig:InstanceStorageConfig",
    fields: [
      bucket("storageConfig.s3Config.bucketName", "stores contact recordings and reports in"),
    ],
    fix: exportFix,
  },
  {
    type: "aws:bedrock/agentcoreBrowser:AgentcoreBrowser",
    fields: [bucket("recording.s3Location.bucket", "records browser sessions to")],
    fix: logFix,
  },
  {
    type: "aws:appfabric/ingestionDestination:IngestionDestination",
    fields: [
      bucket(
        "destinationConfiguration.auditLog.destination.s3Bucket.bucketName",
        "delivers SaaS audit logs to",
      ),
    ],
    fix: logFix,
  },
  {
    type: "aws:dataexchange/eventAction:EventAction",
    fields: [
      bucket("action.exportRevisionToS3.revisionDestination.bucket", "exports revisions to"),
    ],
    fix: exportFix,
  },
  {
    type: "aws:sagemaker/endpointConfiguration:EndpointConfiguration",
    fields: [
      bucket("dataCaptureConfig.destinationS3Uri", "captures inference requests and responses to"),
      bucket("productionVariants[].coreDumpConfig.destinationS3Uri", "writes core dumps to"),
      bucket("shadowProductionVariants[].coreDumpConfig.destinationS3Uri", "writes core dumps to"),
    ],
    fix: exportFix,
  },
  {
    type: "aws:sagemaker/deviceFleet:DeviceFleet",
    fields: [bucket("outputConfig.s3OutputLocation", "collects edge device data in")],
    fix: exportFix,
  },
  {
    type: "aws:sagemaker/featureGroup:FeatureGroup",
    fields: [
      bucket("offlineStoreConfig.s3StorageConfig.s3Uri", "stores offline features in"),
      bucket(
        "offlineStoreConfig.s3StorageConfig.resolvedOutputS3Uri",
        "stores offline features in",
      ),
    ],
    fix: exportFix,
  },
  {
    type: "aws:sagemaker/mlflowTrackingServer:MlflowTrackingServer",
    fields: [bucket("artifactStoreUri", "stores experiment artifacts in")],
    fix: exportFix,
  },
  {
    type: "aws:sagemaker/mlflowApp:MlflowApp",
    fields: [bucket("artifactStoreUri", "stores experiment artifacts in")],
    fix: exportFix,
  },
  {
    type: "aws:acmpca/certificateAuthority:CertificateAuthority",
    fields: [
      bucket(
        "revocationConfiguration.crlConfiguration.s3BucketName",
        "publishes certificate revocation lists to",
      ),
    ],
    fix: exportFix,
  },
  {
    type: "aws:kendra/faq:Faq",
    fields: [bucket("s3Path.bucket", "indexes questions and answers from", { inbound: true })],
    fix: exportFix,
  },
  {
    type: "aws:comprehend/documentClassifier:DocumentClassifier",
    fields: [
      bucket("inputDataConfig.s3Uri", "trains on documents from", { inbound: true }),
      bucket("inputDataConfig.testS3Uri", "tests on documents from", { inbound: true }),
      bucket("inputDataConfig.augmentedManifests[].s3Uri", "trains on documents from", {
        inbound: true,
      }),
      bucket("outputDataConfig.s3Uri", "writes classifier output to"),
    ],
    fix: exportFix,
  },
  {
    type: "aws:msk/cluster:Cluster",
    fields: [bucket("loggingInfo.brokerLogs.s3.bucket", "delivers broker logs to")],
    fix: logFix,
  },
  {
    // Classic WAF runs on CloudFront's edge; its logs go to a Firehose stream named aws-waf-logs-*.
    type: "aws:waf/webAcl:WebAcl",
    fields: [logSink("loggingConfiguration.logDestination", "delivers request logs to")],
    fix: logFix,
  },
  {
    type: "aws:msk/channel:Channel",
    fields: [
      bucket("icebergDestination.catalog.warehouseLocation", "writes topic records to"),
      account(
        "icebergDestination.deadLetterQueueS3.expectedBucketOwner",
        "writes failed records to",
      ),
      account("s3Destination.deadLetterQueueS3.expectedBucketOwner", "writes failed records to"),
      account("s3Destination.storage.expectedBucketOwner", "writes topic records to"),
      bucket("loggingInfo.s3.bucket", "delivers channel logs to"),
    ],
    fix: exportFix,
  },
  {
    type: "aws:mailmanager/ruleSet:RuleSet",
    fields: [bucket("rules[].actions[].writeToS3.s3Bucket", "stores received mail in")],
    fix: exportFix,
  },
  {
    type: "aws:cloudwatch/logDataProtectionPolicy:LogDataProtectionPolicy",
    fields: [
      bucket(
        "policyDocument.Statement[].Operation.Audit.FindingsDestination.S3.Bucket",
        "delivers sensitive-data findings to",
      ),
      logGroup(
        "policyDocument.Statement[].Operation.Audit.FindingsDestination.CloudWatchLogs.LogGroup",
        "delivers sensitive-data findings to",
      ),
      logSink(
        "policyDocument.Statement[].Operation.Audit.FindingsDestination.Firehose.DeliveryStream",
        "delivers sensitive-data findings to",
      ),
    ],
    fix: logFix,
  },
  {
    type: "aws:timestreamquery/scheduledQuery:ScheduledQuery",
    fields: [
      bucket(
        "errorReportConfiguration.s3Configuration.bucketName",
        "writes query error reports to",
      ),
    ],
    fix: logFix,
  },
  {
    type: "aws:transfer/server:Server",
    fields: [logGroup("structuredLogDestinations[]", "delivers file transfer logs to")],
    fix: logFix,
  },
  {
    type: "aws:arcregionswitch/plan:Plan",
    fields: [
      bucket(
        "reportConfigurations[].reportOutputs[].s3Configurations[].bucketPath",
        "writes execution reports to",
      ),
      account(
        "reportConfigurations[].reportOutputs[].s3Configurations[].bucketOwner",
        "writes execution reports to a bucket of",
      ),
    ],
    fix: "Write execution reports only to a bucket of this program, owned by the stack's account, in a region inside the jurisdiction.",
  },
  {
    type: "aws:bedrock/customModel:CustomModel",
    fields: [
      bucket("trainingDataConfig.s3Uri", "trains a model on data from", { inbound: true }),
      bucket("validationDataConfig.validators[].s3Uri", "validates a model on data from", {
        inbound: true,
      }),
      bucket("outputDataConfig.s3Uri", "writes training metrics and output to"),
    ],
    fix: exportFix,
  },
  {
    type: "aws:bedrockmodel/invocationJob:InvocationJob",
    fields: [
      bucket("inputDataConfig.s3InputDataConfig.s3Uri", "reads model prompts from", {
        inbound: true,
      }),
      account("inputDataConfig.s3InputDataConfig.s3BucketOwner", "reads model prompts from", {
        inbound: true,
      }),
      bucket("outputDataConfig.s3OutputDataConfig.s3Uri", "writes model answers to"),
      account("outputDataConfig.s3OutputDataConfig.s3BucketOwner", "writes model answers to"),
    ],
    fix: exportFix,
  },
  {
    type: "aws:bedrock/evaluationJob:EvaluationJob",
    fields: [
      bucket(
        "evaluationConfig.automated.datasetMetricConfigs[].dataset.datasetLocation.s3Uri",
        "evaluates models on prompts from",
        { inbound: true },
      ),
      bucket(
        "evaluationConfig.human.datasetMetricConfigs[].dataset.datasetLocation.s3Uri",
        "evaluates models on prompts from",
        { inbound: true },
      ),
      bucket("outputDataConfig.s3Uri", "writes evaluation results to"),
    ],
    fix: exportFix,
  },
  {
    type: "aws:bedrock/agentcoreMemoryStrategy:AgentcoreMemoryStrategy",
    fields: [
      bucket(
        "configuration.selfManagedConfiguration.invocationConfiguration.payloadDeliveryBucketName",
        "delivers agent conversations to",
      ),
    ],
    fix: exportFix,
  },
  {
    type: "aws:elastictranscoder/pipeline:Pipeline",
    fields: [
      bucket("inputBucket", "transcodes media from", { inbound: true }),
      bucket("outputBucket", "writes transcoded media to"),
      bucket("contentConfig.bucket", "writes transcoded media to"),
      bucket("thumbnailConfig.bucket", "writes thumbnails to"),
    ],
    fix: exportFix,
  },
  {
    type: "aws:emr/studio:Studio",
    fields: [bucket("defaultS3Location", "stores notebooks and their output in")],
    fix: exportFix,
  },
  {
    type: "aws:chimesdkmediapipelines/mediaInsightsPipelineConfiguration:MediaInsightsPipelineConfiguration",
    fields: [
      bucket("elements[].s3RecordingSinkConfiguration.destination", "records calls to"),
      bucket(
        "elements[].amazonTranscribeCallAnalyticsProcessorConfiguration.postCallAnalyticsSettings.outputLocation",
        "writes call transcripts and analytics to",
      ),
    ],
    fix: exportFix,
  },
  {
    type: "aws:bedrock/agentFlow:AgentFlow",
    fields: [
      bucket(
        "definition.nodes[].configuration.retrieval.serviceConfiguration.s3.bucketName",
        "retrieves documents for the flow from",
        { inbound: true },
      ),
      bucket(
        "definition.nodes[].configuration.storage.serviceConfiguration.s3.bucketName",
        "stores the flow's output in",
      ),
    ],
    fix: exportFix,
  },
  {
    type: "alicloud:sls/alert:Alert",
    fields: [endpoint("configuration.sinkEventStore.endpoint", "writes alert events to")],
    fix: logFix,
  },
  {
    type: "alicloud:eventbridge/apiDestination:ApiDestination",
    fields: [url("httpApiParameters.endpoint", "sends events to")],
    fix: pushFix,
  },
  {
    type: "alicloud:aligreen/callback:Callback",
    fields: [url("callbackUrl", "sends moderation results to")],
    fix: pushFix,
  },
  {
    type: "aws:cloudwatch/eventApiDestination:EventApiDestination",
    fields: [url("invocationEndpoint", "sends events to")],
    fix: pushFix,
  },
  {
    type: "aws:pinpoint/app:App",
    fields: [url("campaignHook.webUrl", "sends campaign data to")],
    fix: pushFix,
  },
  {
    type: "aws:transfer/connector:Connector",
    fields: [url("url", "sends files to")],
    fix: pushFix,
  },
  {
    type: "aws:emrserverless/application:Application",
    fields: [
      bucket("monitoringConfiguration.s3MonitoringConfiguration.logUri", "delivers job logs to"),
      url(
        "monitoringConfiguration.prometheusMonitoringConfiguration.remoteWriteUrl",
        "writes job metrics to",
      ),
    ],
    fix: pushFix,
  },
  {
    type: "aws:budgets/budget:Budget",
    // Alerts name the account's spend; a mailbox is a destination outside the cloud.
    fields: [url("notifications[].subscriberEmailAddresses[]", "e-mails budget alerts to")],
    fix: "Notify through an SNS topic inside the jurisdiction (subscriberSnsTopicArns); a mailbox cannot be placed.",
  },
  {
    type: "aws:pipes/pipe:Pipe",
    fields: [
      arn("target", "delivers events to"),
      url(
        "sourceParameters.selfManagedKafkaParameters.additionalBootstrapServers[]",
        "reads events from",
        {
          inbound: true,
        },
      ),
      bucket("logConfiguration.s3LogDestination.bucketName", "delivers pipe logs to"),
      account("logConfiguration.s3LogDestination.bucketOwner", "delivers pipe logs to"),
    ],
    fix: pushFix,
  },
  {
    type: "aws:lex/intent:Intent",
    fields: [
      arn("dialogCodeHook.uri", "sends each conversation turn to"),
      arn("fulfillmentActivity.codeHook.uri", "sends the fulfilled intent to"),
    ],
    fix: pushFix,
  },
  {
    type: "aws:mailmanager/relay:Relay",
    fields: [url("serverName", "relays email to")],
    fix: pushFix,
  },
  {
    type: "aws:ssmcontacts/contactChannel:ContactChannel",
    fields: [url("deliveryAddress.simpleAddress", "sends incident engagements to")],
    fix: pushFix,
  },
  {
    type: "aws:ssoadmin/application:Application",
    fields: [
      url("portalOptions.signInOptions.applicationUrl", "signs users in, with their identity, to"),
    ],
    fix: pushFix,
  },
  {
    type: "aws:ssoadmin/trustedTokenIssuer:TrustedTokenIssuer",
    fields: [
      url(
        "trustedTokenIssuerConfiguration.oidcJwtConfiguration.issuerUrl",
        "trusts identities issued by",
        {
          inbound: true,
        },
      ),
    ],
    fix: "Trust only identity providers on allowlisted addresses or inside the jurisdiction.",
  },
  {
    // Jira Cloud is Atlassian's service: findings become tickets outside the cloud.
    type: "aws:securityhub/connectorV2:ConnectorV2",
    fields: [
      url("connectorProvider.jiraCloud.domain", "sends findings as tickets to"),
      url("connectorProvider.jiraCloud.authUrl", "authorises the ticket connector at"),
    ],
    fix: pushFix,
  },
  {
    type: "aws:shield/proactiveEngagement:ProactiveEngagement",
    fields: [
      url(
        "emergencyContacts[].emailAddress",
        "has the Shield Response Team send attack details to",
      ),
    ],
    fix: pushFix,
  },
  {
    type: "aws:sagemaker/codeRepository:CodeRepository",
    fields: [endpoint("gitConfig.repositoryUrl", "clones and pushes notebook code with")],
    fix: repoFix,
  },
  {
    type: "aws:sagemaker/space:Space",
    fields: [
      endpoint(
        "spaceSettings.jupyterServerAppSettings.codeRepositories[].repositoryUrl",
        "clones and pushes notebook code with",
      ),
      endpoint(
        "spaceSettings.jupyterLabAppSettings.codeRepositories[].repositoryUrl",
        "clones and pushes notebook code with",
      ),
    ],
    fix: repoFix,
  },
  {
    type: "aws:sagemaker/userProfile:UserProfile",
    fields: [
      endpoint(
        "userSettings.jupyterServerAppSettings.codeRepositories[].repositoryUrl",
        "clones and pushes notebook code with",
      ),
      endpoint(
        "userSettings.jupyterLabAppSettings.codeRepositories[].repositoryUrl",
        "clones and pushes notebook code with",
      ),
    ],
    fix: repoFix,
  },
  {
    type: "aws:sagemaker/domain:Domain",
    fields: [
      endpoint(
        "defaultUserSettings.jupyterServerAppSettings.codeRepositories[].repositoryUrl",
        "clones and pushes notebook code with",
      ),
      endpoint(
        "defaultUserSettings.jupyterLabAppSettings.codeRepositories[].repositoryUrl",
        "clones and pushes notebook code with",
      ),
      endpoint(
        "defaultSpaceSettings.jupyterServerAppSettings.codeRepositories[].repositoryUrl",
        "clones and pushes notebook code with",
      ),
      endpoint(
        "defaultSpaceSettings.jupyterLabAppSettings.codeRepositories[].repositoryUrl",
        "clones and pushes notebook code with",
      ),
      url(
        "domainSettings.rStudioServerProDomainSettings.rStudioConnectUrl",
        "publishes RStudio content to",
      ),
      url(
        "domainSettings.rStudioServerProDomainSettings.rStudioPackageManagerUrl",
        "installs R packages from",
        { inbound: true },
      ),
      account(
        "domainSettings.dockerSettings.vpcOnlyTrustedAccounts[]",
        "pulls container images from",
        { inbound: true },
      ),
    ],
    fix: repoFix,
  },
  {
    type: "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy",
    fields: [
      url(
        "securityHeadersConfig.xssProtection.reportUri",
        "has visitors' browsers report blocked pages to",
      ),
    ],
    fix: "Collect reports at a regional endpoint of this program inside the jurisdiction; an external collector cannot be placed.",
  },
  {
    type: "aws:bedrock/agentcoreGatewayTarget:AgentcoreGatewayTarget",
    // The tool schemas the target reads (S3 URIs) describe the tools; agents' data goes to the
    // endpoints the tools call.
    fields: [
      url("targetConfiguration.http.passthrough.endpoint", "sends agents' tool calls to"),
      url("targetConfiguration.mcp.mcpServer.endpoint", "sends agents' tool calls to"),
      url("targetConfiguration.inference.provider.endpoint", "sends agents' model requests to"),
    ],
    fix: pushFix,
  },
  {
    type: "aws:bedrock/agentcoreHarness:AgentcoreHarness",
    fields: [url("tools[].config.remoteMcp.url", "sends agents' tool calls to")],
    fix: pushFix,
  },
  // Identity, security findings and their administrators: who else receives the account's data.
  ...[
    "aws:securityhub/organizationAdminAccount:OrganizationAdminAccount",
    "aws:macie2/organizationAdminAccount:OrganizationAdminAccount",
  ].map((type): FlowModel => ({
    type,
    fields: [account("adminAccountId", "hands every member account's findings to")],
    fix: "Delegate administration only to this stack's account.",
  })),
  {
    type: "aws:macie2/invitationAccepter:InvitationAccepter",
    fields: [account("administratorAccountId", "sends its sensitive-data findings to")],
    fix: "Accept only an administrator that is this stack's account.",
  },
  ...["aws:securityhub/member:Member", "aws:macie2/member:Member"].map((type): FlowModel => ({
    type,
    fields: [account("accountId", "collects the findings of", { inbound: true })],
    fix: "Administer only this stack's account.",
  })),
  {
    // A partner integration lets the partner's own service (a SaaS outside the cloud) connect to
    // the cluster and load data: no partner passes.
    type: "aws:redshift/partner:Partner",
    fields: [
      {
        path: "partnerName",
        format: "flag",
        verb: "lets the partner load data into the cluster from",
        farSide: "the partner's service, which cannot be placed",
        inbound: true,
      },
      account("accountId", "authorizes a partner for a cluster of"),
    ],
    fix: "Load data with services inside the jurisdiction instead of a partner integration.",
  },
  {
    // Chatbot posts the notifications of its SNS topics (alarms, events, the resources they
    // name) into a Microsoft Teams channel: Microsoft 365, outside the cloud. The type has no
    // shape that stays inside, so it always fails.
    type: "aws:chatbot/teamsChannelConfiguration:TeamsChannelConfiguration",
    fields: [
      {
        path: "tenantId",
        format: "flag",
        verb: "posts the topics' notifications to",
        farSide: "a Microsoft Teams tenant (outside the cloud)",
        required: true,
      },
    ],
    fix: "Deliver notifications through SNS to subscribers inside the jurisdiction (a queue, a function, an allowlisted endpoint) instead of a chat service.",
  },
  {
    // The same for a Slack workspace: Slack's own service, outside the cloud.
    type: "aws:chatbot/slackChannelConfiguration:SlackChannelConfiguration",
    fields: [
      {
        path: "slackTeamId",
        format: "flag",
        verb: "posts the topics' notifications to",
        farSide: "a Slack workspace (outside the cloud)",
        required: true,
      },
    ],
    fix: "Deliver notifications through SNS to subscribers inside the jurisdiction (a queue, a function, an allowlisted endpoint) instead of a chat service.",
  },
  {
    // Oracle Database@AWS sends these contacts to Oracle Cloud Infrastructure for its
    // maintenance notices; the OCI region that holds them is not an input.
    type: "aws:odb/cloudExadataInfrastructure:CloudExadataInfrastructure",
    fields: [
      {
        path: "customerContactsToSendToOcis[].email",
        format: "flag",
        verb: "sends the customer contacts to",
        farSide: "Oracle Cloud Infrastructure (a region that cannot be placed)",
      },
    ],
    fix: "Leave customerContactsToSendToOcis empty, or waive the finding once the OCI region is known to be inside the jurisdiction.",
  },
  // A registered domain's contacts (people's names, addresses, e-mails, phones) go to the TLD
  // registry and into public WHOIS unless contact privacy hides them; privacy is on by default.
  ...[
    "aws:route53domains/domain:Domain",
    "aws:route53domains/registeredDomain:RegisteredDomain",
  ].map((type): FlowModel => ({
    type,
    fields: (["registrant", "admin", "tech", "billing"] as const).map((role) => ({
      path: `${role}Privacy`,
      format: "flag",
      values: [false],
      verb: `publishes the ${role} contact (name, address, e-mail, phone) to`,
      farSide: "the TLD registry and public WHOIS",
      global: true,
    })),
    fix: "Leave contact privacy on (registrantPrivacy, adminPrivacy, techPrivacy and billingPrivacy true).",
  })),
  {
    type: "aws:codegurureviewer/repositoryAssociation:RepositoryAssociation",
    fields: [
      bucket("repository.s3Bucket.bucketName", "reviews code from", { inbound: true }),
      {
        path: "repository.bitbucket.name",
        format: "flag",
        verb: "reviews code of, and posts its findings to,",
        farSide: "a Bitbucket Cloud repository (outside the cloud)",
      },
    ],
    fix: "Review code held in buckets of this program inside the jurisdiction, or in a GitHub Enterprise Server whose connection host is judged.",
  },
  {
    type: "aws:appflow/flow:Flow",
    fields: [
      bucket("sourceFlowConfig.sourceConnectorProperties.s3.bucketName", "transfers records from", {
        inbound: true,
      }),
      bucket(
        "destinationFlowConfigs[].destinationConnectorProperties.s3.bucketName",
        "transfers records to",
      ),
      bucket(
        "destinationFlowConfigs[].destinationConnectorProperties.upsolver.bucketName",
        "transfers records to",
      ),
      bucket(
        "destinationFlowConfigs[].destinationConnectorProperties.redshift.intermediateBucketName",
        "stages records in",
      ),
      bucket(
        "destinationFlowConfigs[].destinationConnectorProperties.snowflake.intermediateBucketName",
        "stages records in",
      ),
      bucket(
        "destinationFlowConfigs[].destinationConnectorProperties.sapoData.successResponseHandlingConfig.bucketName",
        "writes the SAP responses to",
      ),
      bucket(
        "destinationFlowConfigs[].destinationConnectorProperties.customConnector.errorHandlingConfig.bucketName",
        "writes records that failed to transfer to",
      ),
      bucket(
        "destinationFlowConfigs[].destinationConnectorProperties.eventBridge.errorHandlingConfig.bucketName",
        "writes records that failed to transfer to",
      ),
      bucket(
        "destinationFlowConfigs[].destinationConnectorProperties.honeycode.errorHandlingConfig.bucketName",
        "writes records that failed to transfer to",
      ),
      bucket(
        "destinationFlowConfigs[].destinationConnectorProperties.marketo.errorHandlingConfig.bucketName",
        "writes records that failed to transfer to",
      ),
      bucket(
        "destinationFlowConfigs[].destinationConnectorProperties.redshift.errorHandlingConfig.bucketName",
        "writes records that failed to transfer to",
      ),
      bucket(
        "destinationFlowConfigs[].destinationConnectorProperties.salesforce.errorHandlingConfig.bucketName",
        "writes records that failed to transfer to",
      ),
      bucket(
        "destinationFlowConfigs[].destinationConnectorProperties.sapoData.errorHandlingConfig.bucketName",
        "writes records that failed to transfer to",
      ),
      bucket(
        "destinationFlowConfigs[].destinationConnectorProperties.snowflake.errorHandlingConfig.bucketName",
        "writes records that failed to transfer to",
      ),
      bucket(
        "destinationFlowConfigs[].destinationConnectorProperties.zendesk.errorHandlingConfig.bucketName",
        "writes records that failed to transfer to",
      ),
      {
        // SaaS applications are reached through the flow's connector profile, whose host is
        // judged there; the flow itself sends the records out of the cloud.
        path: "destinationFlowConfigs[].connectorType",
        format: "flag",
        values: ["salesforce", "marketo", "zendesk", "sapodata", "snowflake", "customconnector"],
        normalize: "token",
        verb: "transfers records to",
        farSide: "a SaaS application outside the cloud",
      },
    ],
    fix: "Transfer only between buckets, warehouses and services of this program inside the jurisdiction; a SaaS application cannot be placed.",
  },
  {
    type: "aws:appflow/connectorProfile:ConnectorProfile",
    fields: [
      url(
        "connectorProfileConfig.connectorProfileProperties.datadog.instanceUrl",
        "exchanges records with",
      ),
      url(
        "connectorProfileConfig.connectorProfileProperties.dynatrace.instanceUrl",
        "exchanges records with",
      ),
      url(
        "connectorProfileConfig.connectorProfileProperties.inforNexus.instanceUrl",
        "exchanges records with",
      ),
      url(
        "connectorProfileConfig.connectorProfileProperties.marketo.instanceUrl",
        "exchanges records with",
      ),
      url(
        "connectorProfileConfig.connectorProfileProperties.salesforce.instanceUrl",
        "exchanges records with",
      ),
      url(
        "connectorProfileConfig.connectorProfileProperties.sapoData.applicationHostUrl",
        "exchanges records with",
      ),
      url(
        "connectorProfileConfig.connectorProfileProperties.serviceNow.instanceUrl",
        "exchanges records with",
      ),
      url(
        "connectorProfileConfig.connectorProfileProperties.slack.instanceUrl",
        "exchanges records with",
      ),
      url(
        "connectorProfileConfig.connectorProfileProperties.veeva.instanceUrl",
        "exchanges records with",
      ),
      url(
        "connectorProfileConfig.connectorProfileProperties.zendesk.instanceUrl",
        "exchanges records with",
      ),
      url(
        "connectorProfileConfig.connectorProfileProperties.customConnector.oauth2Properties.tokenUrl",
        "exchanges records with the application behind",
      ),
      url(
        "connectorProfileConfig.connectorProfileProperties.redshift.databaseUrl",
        "exchanges records with",
      ),
      bucket(
        "connectorProfileConfig.connectorProfileProperties.redshift.bucketName",
        "stages records in",
      ),
      bucket(
        "connectorProfileConfig.connectorProfileProperties.snowflake.bucketName",
        "stages records in",
      ),
      {
        path: "connectorProfileConfig.connectorProfileProperties.snowflake.region",
        format: "region",
        verb: "exchanges records with the Snowflake account in",
      },
    ],
    fix: "Connect only to warehouses and buckets inside the jurisdiction; a SaaS application cannot be placed.",
  },
  {
    type: "aws:appstream/stack:Stack",
    fields: [
      {
        path: "storageConnectors[].connectorType",
        format: "flag",
        values: ["google_drive", "one_drive"],
        normalize: "token",
        verb: "lets users save files to",
        farSide: "Google Drive or OneDrive accounts (outside the cloud)",
      },
    ],
    fix: "Offer only home folders (HOMEFOLDERS, kept in S3 in the stack's region) as storage.",
  },
  {
    type: "alicloud:cms/eventRule:EventRule",
    fields: [
      { path: "slsParameters[].region", format: "region", verb: "sends events to" },
      { path: "fcParameters[].region", format: "region", verb: "sends events to" },
      { path: "mnsParameters[].region", format: "region", verb: "sends events to" },
      { path: "webhookParameters[].url", format: "url", verb: "sends events to" },
    ],
    fix: externalFix,
  },
  // Alarm, notification and callback webhooks: each call carries the alert or message (metric
  // values, resource names, log lines) to the host the URL names. CloudMonitor alarm targets
  // (MNS queues, functions, SLS stores) are ARNs, placed by their region.
  ...(
    [
      [
        "alicloud:cms/alarm:Alarm",
        [url("webhook", "sends alarms to"), arn("targets[].arn", "sends alarms to")],
      ],
      ["alicloud:cms/groupMetricRule:GroupMetricRule", [url("webhook", "sends alarms to")]],
      [
        "alicloud:cms/metricRuleTemplate:MetricRuleTemplate",
        [url("webhook", "sends alarms to"), url("alertTemplates[].webhook", "sends alarms to")],
      ],
      [
        "alicloud:cloudmonitor/serviceMetricAlarmRule:ServiceMetricAlarmRule",
        [url("webhook", "sends alarms to"), arn("targets[].arn", "sends alarms to")],
      ],
      [
        "alicloud:cloudmonitor/serviceGroupMonitoringAgentProcess:ServiceGroupMonitoringAgentProcess",
        [url("alertConfigs[].webhook", "sends alarms to")],
      ],
      ["alicloud:quotas/quotaAlarm:QuotaAlarm", [url("webHook", "sends quota alarms to")]],
      ["alicloud:log/alert:Alert", [url("notificationLists[].serviceUri", "sends log alerts to")]],
      ["alicloud:arms/alertContact:AlertContact", [url("dingRobotWebhookUrl", "sends alerts to")]],
      [
        "alicloud:sslcertificatesservice/contact:Contact",
        [url("webhookLists[]", "sends certificate notices to")],
      ],
      ["alicloud:index/mscSubWebhook:MscSubWebhook", [url("serverUrl", "sends notifications to")]],
      ["alicloud:ros/stack:Stack", [url("notificationUrls[]", "sends stack events to")]],
      ["alicloud:ros/changeSet:ChangeSet", [url("notificationUrls[]", "sends stack events to")]],
    ] as const
  ).map(([type, fields]): FlowModel => ({ type, fields, fix: pushFix })),
  {
    type: "aws:comprehend/entityRecognizer:EntityRecognizer",
    fields: [
      bucket("inputDataConfig.documents.s3Uri", "trains on documents from", { inbound: true }),
      bucket("inputDataConfig.documents.testS3Uri", "tests on documents from", { inbound: true }),
      bucket("inputDataConfig.annotations.s3Uri", "trains on annotations from", { inbound: true }),
      bucket("inputDataConfig.entityList.s3Uri", "trains on entity lists from", { inbound: true }),
      bucket("inputDataConfig.augmentedManifests[].s3Uri", "trains on documents from", {
        inbound: true,
      }),
    ],
    fix: exportFix,
  },
  // Log, checkpoint and report sinks of services l–z.
  ...[
    "aws:timestreaminfluxdb/dbInstance:DbInstance",
    "aws:timestreaminfluxdb/dbCluster:DbCluster",
  ].map((type): FlowModel => ({
    type,
    fields: [
      bucket("logDeliveryConfiguration.s3Configuration.bucketName", "delivers InfluxDB logs to"),
    ],
    fix: logFix,
  })),
  {
    // `logDestination` is a free-form map whose key depends on logDestinationType: `bucketName`
    // (S3), `logGroup` (CloudWatch Logs) or `deliveryStream` (Firehose).
    type: "aws:networkfirewall/loggingConfiguration:LoggingConfiguration",
    fields: ["bucketName", "logGroup", "deliveryStream"].map((key) =>
      logSink(
        `loggingConfiguration.logDestinationConfigs[].logDestination.${key}`,
        "delivers firewall alert and flow logs to",
      ),
    ),
    fix: logFix,
  },
  {
    type: "aws:quicksight/dataSource:DataSource",
    fields: [
      endpoint("parameters.aurora.host", "reads data from", { inbound: true }),
      endpoint("parameters.auroraPostgresql.host", "reads data from", { inbound: true }),
      endpoint("parameters.mariaDb.host", "reads data from", { inbound: true }),
      endpoint("parameters.mysql.host", "reads data from", { inbound: true }),
      endpoint("parameters.oracle.host", "reads data from", { inbound: true }),
      endpoint("parameters.postgresql.host", "reads data from", { inbound: true }),
      endpoint("parameters.redshift.host", "reads data from", { inbound: true }),
      endpoint("parameters.sqlServer.host", "reads data from", { inbound: true }),
      endpoint("parameters.presto.host", "reads data from", { inbound: true }),
      endpoint("parameters.spark.host", "reads data from", { inbound: true }),
      endpoint("parameters.snowflake.host", "reads data from", { inbound: true }),
      endpoint("parameters.teradata.host", "reads data from", { inbound: true }),
      endpoint("parameters.databricks.host", "reads data from", { inbound: true }),
      endpoint("parameters.jira.siteBaseUrl", "reads data from", { inbound: true }),
      endpoint("parameters.serviceNow.siteBaseUrl", "reads data from", { inbound: true }),
      bucket(
        "parameters.s3.manifestFileLocation.bucket",
        "reads the manifest and data files from",
        {
          inbound: true,
        },
      ),
    ],
    fix: "Connect QuickSight only to data sources in regions inside the jurisdiction; a host outside the cloud cannot be placed.",
  },

  {
    // A pull input (URL_PULL, RTMP_PULL, MP4_FILE, TS_FILE) fetches its media from each source.
    type: "aws:medialive/input:Input",
    fields: [url("sources[].url", "pulls media from", { inbound: true })],
    fix: pushFix,
  },
  {
    type: "aws:sns/dataProtectionPolicy:DataProtectionPolicy",
    fields: [
      bucket(
        "policy.Statement[].Operation.Audit.FindingsDestination.S3.Bucket",
        "delivers sensitive-data findings to",
      ),
      logGroup(
        "policy.Statement[].Operation.Audit.FindingsDestination.CloudWatchLogs.LogGroup",
        "delivers sensitive-data findings to",
      ),
      logSink(
        "policy.Statement[].Operation.Audit.FindingsDestination.Firehose.DeliveryStream",
        "delivers sensitive-data findings to",
      ),
    ],
    fix: logFix,
  },
  // Incident and notification contacts: a mailbox, phone or pager cannot be placed, so no contact
  // of these types passes; the fix is to notify through in-jurisdiction channels instead.
  {
    type: "aws:notifications/contactsEmailContact:ContactsEmailContact",
    fields: [url("emailAddress", "sends notifications to")],
    fix: pushFix,
  },
  {
    // Data Exchange copies the objects of the source bucket into the revision, in its region.
    type: "aws:dataexchange/revisionAssets:RevisionAssets",
    fields: [
      bucket("assets[].importAssetsFromS3.assetSource.bucket", "imports objects from", {
        inbound: true,
      }),
    ],
    fix: "Import only from buckets of this program in regions inside the jurisdiction.",
  },
  {
    type: "aws:kendra/dataSource:DataSource",
    fields: [
      bucket("configuration.s3Configuration.bucketName", "indexes documents from", {
        inbound: true,
      }),
      url(
        "configuration.webCrawlerConfiguration.urls.seedUrlConfiguration.seedUrls[]",
        "crawls documents from",
        { inbound: true },
      ),
      url(
        "configuration.webCrawlerConfiguration.proxyConfiguration.host",
        "crawls the web through",
      ),
      bucket(
        "customDocumentEnrichmentConfiguration.preExtractionHookConfiguration.s3Bucket",
        "stages documents for enrichment in",
      ),
      bucket(
        "customDocumentEnrichmentConfiguration.postExtractionHookConfiguration.s3Bucket",
        "stages documents for enrichment in",
      ),
    ],
    fix: "Index only buckets of this program inside the jurisdiction; a web source cannot be placed.",
  },
  ...["aws:codeconnections/host:Host", "aws:codestarconnections/host:Host"].map(
    (type): FlowModel => ({
      type,
      fields: [url("providerEndpoint", "connects pipelines and builds to the repository host at")],
      fix: "Host repositories on a server on an allowlisted address, or in CodeCommit inside the jurisdiction.",
    }),
  ),
  {
    type: "aws:apigateway/integration:Integration",
    fields: [
      url("uri", "sends API requests to", { when: internetHttp("type", ["HTTP", "HTTP_PROXY"]) }),
      arn("uri", "sends API requests to", { when: arnTarget("uri") }),
    ],
    fix: pushFix,
  },
  {
    type: "aws:apigatewayv2/integration:Integration",
    fields: [
      url("integrationUri", "sends API requests to", {
        when: internetHttp("integrationType", ["HTTP", "HTTP_PROXY"]),
      }),
      arn("integrationUri", "sends API requests to", { when: arnTarget("integrationUri") }),
    ],
    fix: pushFix,
  },
  {
    type: "aws:appsync/dataSource:DataSource",
    fields: [
      url("httpConfig.endpoint", "resolves queries with data sent to"),
      endpoint("elasticsearchConfig.endpoint", "writes and queries documents at", {
        when: knownAt("elasticsearchConfig.endpoint"),
      }),
      endpoint("opensearchserviceConfig.endpoint", "writes and queries documents at", {
        when: knownAt("opensearchserviceConfig.endpoint"),
      }),
    ],
    fix: pushFix,
  },
  {
    type: "aws:iot/topicRule:TopicRule",
    fields: [
      url("https[].url", "sends device messages to"),
      url("https[].confirmationUrl", "confirms its HTTP destination at"),
      url("errorAction.http.url", "sends failed device messages to"),
      url("errorAction.http.confirmationUrl", "confirms its HTTP destination at"),
      bucket("s3[].bucketName", "writes device messages to"),
      bucket("errorAction.s3.bucketName", "writes failed device messages to"),
      endpoint("elasticsearch[].endpoint", "indexes device messages at", {
        when: knownAt("elasticsearch[].endpoint"),
      }),
      endpoint("errorAction.elasticsearch.endpoint", "indexes failed device messages at", {
        when: knownAt("errorAction.elasticsearch.endpoint"),
      }),
      endpoint("sqs[].queueUrl", "queues device messages in", { when: knownAt("sqs[].queueUrl") }),
      endpoint("errorAction.sqs.queueUrl", "queues failed device messages in", {
        when: knownAt("errorAction.sqs.queueUrl"),
      }),
    ],
    fix: pushFix,
  },
  {
    type: "aws:customerprofiles/domain:Domain",
    fields: [
      endpoint("deadLetterQueueUrl", "queues failed profile events in", {
        when: knownAt("deadLetterQueueUrl"),
      }),
      bucket("matching.exportingConfig.s3Exporting.s3BucketName", "exports profile matches to"),
      bucket(
        "ruleBasedMatching.exportingConfig.s3Exporting.s3BucketName",
        "exports profile matches to",
      ),
    ],
    fix: exportFix,
  },
  {
    type: "aws:apigatewayv2/api:Api",
    // Quick create: `target` is the integration of the API's catch-all route, a function ARN or
    // the URL of an HTTP backend.
    fields: [
      url("target", "sends API requests to", { when: notArn("target") }),
      arn("target", "sends API requests to", { when: arnTarget("target") }),
    ],
    fix: pushFix,
  },
  {
    type: "aws:codebuild/project:Project",
    fields: [
      url("source.location", "fetches the source to build from", {
        inbound: true,
        when: sourceOn("source.type", externalSources),
      }),
      endpoint("source.location", "fetches the source to build from", {
        inbound: true,
        when: sourceOn("source.type", ["CODECOMMIT"]),
      }),
      bucket("source.location", "fetches the source to build from", {
        inbound: true,
        when: sourceOn("source.type", ["S3"]),
      }),
      bucket("artifacts.location", "writes build artifacts to", {
        when: sourceOn("artifacts.type", ["S3"]),
      }),
      bucket("secondaryArtifacts[].location", "writes build artifacts to"),
      bucket("cache.location", "caches build files in", { when: sourceOn("cache.type", ["S3"]) }),
      bucket("logsConfig.s3Logs.location", "delivers build logs to"),
    ],
    fix: "Build from sources and write to buckets inside the jurisdiction (CodeCommit, S3 buckets of this program); a repository host on the internet cannot be placed.",
  },
  ...(
    [
      ["aws:glue/catalogTable:CatalogTable", "storageDescriptor.location"],
      ["aws:glue/partition:Partition", "storageDescriptor.location"],
      ["aws:glue/catalogDatabase:CatalogDatabase", "locationUri"],
    ] as const
  ).map(([type, path]): FlowModel => ({
    type,
    // An S3 location; a JDBC table's location is a table of the connection, judged there.
    fields: [bucket(path, "catalogues data stored in", { when: s3Location(path) })],
    fix: exportFix,
  })),
  {
    type: "aws:msk/replicator:Replicator",
    fields: [
      endpoint(
        "kafkaClusters[].apacheKafkaCluster.bootstrapBrokerString",
        "replicates topics with",
        {
          when: knownAt("kafkaClusters[].apacheKafkaCluster.bootstrapBrokerString"),
        },
      ),
      bucket("logDelivery.replicatorLogDelivery.s3.bucket", "delivers replicator logs to"),
    ],
    fix: pushFix,
  },
  {
    type: "aws:lambda/eventSourceMapping:EventSourceMapping",
    fields: [
      url("selfManagedEventSource.endpoints.KAFKA_BOOTSTRAP_SERVERS", "reads records from", {
        inbound: true,
      }),
      url(
        "amazonManagedKafkaEventSourceConfig.schemaRegistryConfig.schemaRegistryUri",
        "reads record schemas from",
        {
          inbound: true,
          when: (props) =>
            textAt(
              props,
              "amazonManagedKafkaEventSourceConfig.schemaRegistryConfig.schemaRegistryUri",
            )?.startsWith("arn:") === false,
        },
      ),
      arn(
        "amazonManagedKafkaEventSourceConfig.schemaRegistryConfig.schemaRegistryUri",
        "reads record schemas from",
        {
          inbound: true,
          when: (props) =>
            textAt(
              props,
              "amazonManagedKafkaEventSourceConfig.schemaRegistryConfig.schemaRegistryUri",
            )?.startsWith("arn:") === true,
        },
      ),
      url(
        "selfManagedKafkaEventSourceConfig.schemaRegistryConfig.schemaRegistryUri",
        "reads record schemas from",
        {
          inbound: true,
          when: (props) =>
            textAt(
              props,
              "selfManagedKafkaEventSourceConfig.schemaRegistryConfig.schemaRegistryUri",
            )?.startsWith("arn:") === false,
        },
      ),
      arn(
        "selfManagedKafkaEventSourceConfig.schemaRegistryConfig.schemaRegistryUri",
        "reads record schemas from",
        {
          inbound: true,
          when: (props) =>
            textAt(
              props,
              "selfManagedKafkaEventSourceConfig.schemaRegistryConfig.schemaRegistryUri",
            )?.startsWith("arn:") === true,
        },
      ),
    ],
    fix: pushFix,
  },
  {
    type: "aws:bedrock/agentKnowledgeBase:AgentKnowledgeBase",
    fields: [
      url(
        "storageConfiguration.mongoDbAtlasConfiguration.endpoint",
        "stores embeddings of its documents in",
      ),
      url(
        "storageConfiguration.redisEnterpriseCloudConfiguration.endpoint",
        "stores embeddings of its documents in",
      ),
      url(
        "storageConfiguration.pineconeConfiguration.connectionString",
        "stores embeddings of its documents in",
      ),
      endpoint(
        "storageConfiguration.opensearchManagedClusterConfiguration.domainEndpoint",
        "stores embeddings of its documents in",
        {
          when: knownAt(
            "storageConfiguration.opensearchManagedClusterConfiguration.domainEndpoint",
          ),
        },
      ),
      bucket(
        "knowledgeBaseConfiguration.vectorKnowledgeBaseConfiguration.supplementalDataStorageConfiguration.storageLocations[].s3Location.uri",
        "stores images extracted from its documents in",
      ),
    ],
    fix: "Keep the vector store in a service of this program inside the jurisdiction (OpenSearch, Aurora, Neptune Analytics, S3 vectors); a third-party store on the internet cannot be placed.",
  },
  {
    type: "aws:bedrock/agentDataSource:AgentDataSource",
    fields: [
      url(
        "dataSourceConfiguration.confluenceConfiguration.sourceConfiguration.hostUrl",
        "ingests documents from",
        { inbound: true },
      ),
      url(
        "dataSourceConfiguration.salesforceConfiguration.sourceConfiguration.hostUrl",
        "ingests documents from",
        { inbound: true },
      ),
      url(
        "dataSourceConfiguration.sharePointConfiguration.sourceConfiguration.siteUrls[]",
        "ingests documents from",
        { inbound: true },
      ),
      url(
        "dataSourceConfiguration.webConfiguration.sourceConfiguration.urlConfiguration.seedUrls[].url",
        "crawls documents from",
        { inbound: true },
      ),
      account(
        "dataSourceConfiguration.s3Configuration.bucketOwnerAccountId",
        "ingests documents from",
        { inbound: true },
      ),
      bucket(
        "vectorIngestionConfiguration.customTransformationConfiguration.intermediateStorage.s3Location.uri",
        "stages documents being transformed in",
      ),
    ],
    fix: "Ingest only from buckets of this program inside the jurisdiction; a SaaS or web source cannot be placed.",
  },
  {
    type: "alicloud:mns/topicSubscription:TopicSubscription",
    fields: [
      url("endpoint", "pushes messages to", {
        when: (props) => textOf(props, "endpoint")?.startsWith("acs:") !== true,
      }),
      arn("endpoint", "pushes messages to", {
        when: (props) => textOf(props, "endpoint")?.startsWith("acs:") === true,
      }),
    ],
    fix: pushFix,
  },
  {
    type: "alicloud:message/serviceSubscription:ServiceSubscription",
    fields: [
      url("endpoint", "pushes messages to", {
        when: (props) => textOf(props, "pushType")?.toLowerCase() !== "queue",
      }),
    ],
    fix: pushFix,
  },
  {
    // An MNS event rule delivers to a queue or topic of the region, or pushes to an endpoint.
    type: "alicloud:message/serviceEventRule:ServiceEventRule",
    fields: [
      url("endpoint.endpointValue", "pushes events to", {
        when: (props) => {
          const type = valuesAt(props, "endpoint.endpointType")[0]?.value;
          return !(typeof type === "string" && ["queue", "topic"].includes(type.toLowerCase()));
        },
      }),
    ],
    fix: pushFix,
  },
  {
    // A hybrid HPC cluster whose user directory is LDAP signs users in against the directory of
    // the on-premises domain it names: user names and credentials go there.
    type: "alicloud:ehpc/cluster:Cluster",
    fields: [
      url("domain", "signs users in against the on-premises directory of", {
        when: (props) =>
          textOf(props, "accountType")?.toLowerCase() === "ldap" && knownAt("domain")(props),
      }),
    ],
    fix: "Use the cluster's own directory (accountType nis), or an LDAP directory inside the jurisdiction that the pack can place (a private or allowlisted address).",
  },
  {
    // A Lingjun (EFLO) resource is registered with the access key and the API endpoint of the
    // workspace that manages it: the service calls that endpoint with the key. A cloud endpoint is
    // placed by the region in its host; another host cannot be placed.
    type: "alicloud:eflo/resource:Resource",
    fields: [
      url("userAccessParam.endpoint", "hands its access key to and is managed through", {
        when: knownAt("userAccessParam.endpoint"),
      }),
    ],
    fix: addressFix,
  },
  ...(
    [
      ["alicloud:polardb/dynamoTable:DynamoTable", "creates the table through"],
      ["alicloud:polardb/dynamoItem:DynamoItem", "writes the item through"],
    ] as const
  ).map(([type, verb]): FlowModel => ({
    type,
    fields: [url("endpoint", verb, { when: knownAt("endpoint") })],
    fix: "Take endpoint from the connection string of a PolarDB cluster of this program in a region inside the jurisdiction.",
  })),
  {
    // A production studio pushes its output stream to side-output addresses (Alibaba Cloud CDN
    // or another vendor's RTMP ingest) and its event notifications to the callback URL. The
    // standby picture and stream (`urgent*Url`) are only fetched from, and `domainName` is the
    // account's own streaming domain.
    type: "alicloud:live/caster:Caster",
    fields: [
      url("sideOutputUrl", "pushes the output stream to", { when: knownAt("sideOutputUrl") }),
      url("sideOutputUrlList", "pushes the output stream to", {
        when: knownAt("sideOutputUrlList"),
      }),
      url("callbackUrl", "sends studio events to", { when: knownAt("callbackUrl") }),
    ],
    fix: pushFix,
  },
  ...(
    [
      ["alicloud:pai/workspaceDataset:WorkspaceDataset", "uri", "keeps the dataset in"],
      [
        "alicloud:pai/workspaceDatasetversion:WorkspaceDatasetversion",
        "uri",
        "keeps the dataset in",
      ],
    ] as const
  ).map(([type, path, verb]): FlowModel => ({
    type,
    fields: [
      url(path, verb, {
        when: (props) =>
          textOf(props, "dataSourceType")?.toUpperCase() === "OSS" && knownAt(path)(props),
      }),
    ],
    fix: addressFix,
  })),
  {
    type: "alicloud:pai/workspaceModelVersion:WorkspaceModelVersion",
    // Model files by another URL (a public model hub) only come in, as container images do.
    fields: [
      url("uri", "keeps the model files in", {
        when: (props) =>
          knownAt("uri")(props) &&
          textOf(props, "uri")?.toLowerCase().startsWith("oss://") === true,
      }),
    ],
    fix: addressFix,
  },
  {
    type: "alicloud:pai/workspaceExperiment:WorkspaceExperiment",
    fields: [
      url("artifactUri", "writes experiment artifacts to", { when: knownAt("artifactUri") }),
    ],
    fix: addressFix,
  },
  {
    // A set proxy carries the cloud phones' network traffic.
    type: "alicloud:cloudphone/policy:Policy",
    fields: [
      url("netRedirectPolicy.hostAddr", "sends the cloud phones' traffic through the proxy at", {
        when: knownAt("netRedirectPolicy.hostAddr"),
      }),
    ],
    fix: addressFix,
  },
  {
    // Only the address the bastion connects through (activeAddressType) carries sessions.
    type: "alicloud:bastionhost/host:Host",
    fields: [
      url("hostPrivateAddress", "opens operator sessions to", {
        when: (props) =>
          textOf(props, "activeAddressType") !== "Public" && knownAt("hostPrivateAddress")(props),
      }),
      url("hostPublicAddress", "opens operator sessions to", {
        when: (props) =>
          textOf(props, "activeAddressType") === "Public" && knownAt("hostPublicAddress")(props),
      }),
    ],
    fix: addressFix,
  },
  {
    // The names are used only while delivery to them is on.
    type: "alicloud:oos/serviceSetting:ServiceSetting",
    fields: [
      {
        path: "deliveryOssBucketName",
        format: "ref",
        ref: "oss-bucket",
        verb: "delivers execution logs to",
        when: (props) => known(() => props.deliveryOssEnabled) === true,
      },
      {
        path: "deliverySlsProjectName",
        format: "ref",
        ref: "sls-project",
        verb: "delivers execution logs to",
        when: (props) => known(() => props.deliverySlsEnabled) === true,
      },
    ],
    fix: logFix,
  },
];

// The rows with code of their own, judged one holder at a time (`where`), and the edge origins
// and DNS answers (policy/logging.ts), with the helpers they read their inputs with.

/**
 * Partitions whose every region belongs to one jurisdiction: collecting "all regions" there
 * stays inside it. The commercial `aws` partition spans the world.
 */
const singleJurisdictionPartitions = new Set(["aws-cn", "aws-us-gov", "aws-eusc"]);

/** A multi-region collector gathers data of regions outside the jurisdiction into this one. */
function multiRegion(flag: string, defaultOn: boolean) {
  return (props: Record<string, unknown>, j: Jurisdiction): CustomFlow[] => {
    const v = props[flag];
    const on = v === undefined ? defaultOn : v === true;
    const sealed = j.awsPartitions.every((p) => singleJurisdictionPartitions.has(p));
    return on && !sealed
      ? [
          {
            path: flag,
            verb: `${v === undefined ? "(on by default) " : ""}collects events from`,
            place: "every region of the partition, including regions outside the jurisdiction",
          },
        ]
      : [];
  };
}

function allRegions(props: Record<string, unknown>): CustomFlow[] {
  return ["accountAggregationSource", "organizationAggregationSource"].flatMap((k) => {
    const source = props[k] as Record<string, unknown> | undefined;
    return source && source.allRegions === true
      ? [{ path: `${k}.allRegions`, verb: "aggregates data from", place: "every region" }]
      : [];
  });
}

function linkingMode(props: Record<string, unknown>): CustomFlow[] {
  const mode = str(props.linkingMode);
  return mode === "ALL_REGIONS" || mode === "ALL_REGIONS_EXCEPT_SPECIFIED"
    ? [{ path: "linkingMode", verb: "aggregates findings from", place: "every region" }]
    : [];
}

/** SNS protocols whose endpoint is outside the cloud (a URL, a mailbox, a phone). */
const externalProtocols = ["http", "https", "email", "email-json", "sms"];

function snsEndpoint(props: Record<string, unknown>): CustomFlow[] {
  const protocol = str(props.protocol)?.toLowerCase();
  return protocol !== undefined && externalProtocols.includes(protocol)
    ? [
        {
          path: "endpoint",
          verb: `pushes messages (${protocol}) to`,
          place: `${JSON.stringify(props.endpoint)} (an external endpoint that cannot be placed)`,
        },
      ]
    : [];
}

const ossBucket = fieldOf("ref", { ref: "oss-bucket" });
const ip = fieldOf("ip");

/**
 * Subscribers (`subscribers[]`: an address and its kind at `kindKey`) that are e-mail addresses:
 * a mailbox is outside the cloud. SNS subscribers are topic ARNs, which arn-locality places.
 */
function mailboxes(kindKey: string, verb: string) {
  return (props: Record<string, unknown>): CustomFlow[] =>
    valuesAt(props, "subscribers[]").flatMap((f): CustomFlow[] => {
      const sub = f.value as Record<string, unknown> | undefined;
      const kind = sub === undefined || isUnknown(sub) ? sub : known(() => sub[kindKey]);
      if (isUnknown(kind)) {
        return [
          {
            path: f.path,
            verb,
            place: "a subscriber whose kind is not known at preview, which cannot be placed",
          },
        ];
      }
      return str(kind)?.toUpperCase() === "EMAIL"
        ? [
            {
              path: `${f.path}.address`,
              verb,
              place: `${JSON.stringify(sub?.address)} (a mailbox outside the cloud, which cannot be placed)`,
            },
          ]
        : [];
    });
}

/**
 * Host aliases given as a JSON list of `{hostName, ip}` (an `/etc/hosts` in the container): an
 * alias to an address that is not private sends the calls to that name there. This older form is
 * judged without the egress allowlist (which only field rows consult); its successor field, read
 * as `ip`, admits allowlisted addresses. A list that is not JSON cannot be read and fails closed.
 */
function hostAliases(path: string, verb: string) {
  return (props: Record<string, unknown>): CustomFlow[] => {
    const raw = known(() => valueAt(props, path));
    if (raw === undefined || isUnknown(raw) || str(raw)?.trim() === "") {
      return [];
    }
    let entries: unknown;
    try {
      entries = typeof raw === "string" ? JSON.parse(raw) : raw;
    } catch {
      entries = undefined;
    }
    if (!Array.isArray(entries)) {
      return [
        { path, verb, place: `${JSON.stringify(raw)} (not a JSON list, which cannot be read)` },
      ];
    }
    return entries.flatMap((entry: unknown, i): CustomFlow[] => {
      const address = str((entry as Record<string, unknown> | null)?.ip)?.trim() ?? "";
      return parseCidr(address) && reachOfAddress(address, []).kind === "private"
        ? []
        : [
            {
              path: `${path}[${i}].ip`,
              verb,
              place: `${JSON.stringify(address)} (not a private address, which cannot be placed)`,
            },
          ];
    });
  };
}

/**
 * Domain configuration functions of Alibaba Cloud CDN, DCDN and Secure CDN (the CDN function
 * reference, BatchSetCdnDomainConfig) whose argument names a host the edge sends requests to:
 * a conditional origin (`advanced_origin` `origin`, `origin_dns_host` `ali_origin_dns_host`), an
 * OSS origin bucket (`oss_auth` `oss_bucket_id`, `oss_key_list` `host`) and the remote
 * authentication server each client request (its URL arguments and headers) is sent to
 * (`cdn_remote_auth` `remote_auth_addr`). Origin groups (`source_group`) are read by
 * `originGroups`. Every other function passes: it sets headers, caching, rewrites, redirects
 * returned to the client, access rules, credentials for an origin the domain itself names
 * (`aws_s3_bucket`, `cos_auth`, `l2_oss_key`), or a script (`edge_function`) that runs on the
 * domain's own requests.
 */
const edgeDestinations: Readonly<Record<string, string>> = {
  advanced_origin: "origin",
  origin_dns_host: "ali_origin_dns_host",
  oss_auth: "oss_bucket_id",
  oss_key_list: "host",
  cdn_remote_auth: "remote_auth_addr",
};

/** The argument `name` of a domain configuration function: its value's path and known value. */
function functionArgAt(
  props: Readonly<Record<string, unknown>>,
  name: string,
): { readonly path: string; readonly value: string | undefined } | undefined {
  const args = known(() => valuesAt(props, "functionArgs[]"));
  if (isUnknown(args)) {
    return undefined;
  }
  const hit = args.find((f) => textOf(f.value as Record<string, unknown>, "argName") === name);
  return hit === undefined
    ? undefined
    : {
        path: `${hit.path}.argValue`,
        value: textOf(hit.value as Record<string, unknown>, "argValue"),
      };
}

function functionArg(props: Readonly<Record<string, unknown>>, name: string): string | undefined {
  return functionArgAt(props, name)?.value;
}

/**
 * For a `where`: the element's `key` (its kind) is one `test` accepts, or is not known at preview
 * (then the element is judged: it may be of the kind that sends data).
 */
function kindIs(key: string, test: (kind: string) => boolean): (holder: unknown) => boolean {
  return (holder) => {
    const kind = known(() => valueAt(holder, key));
    return isUnknown(kind) || (typeof kind === "string" && test(kind));
  };
}

/** The function's destination argument, unless the function is switched off (`enable=off`). */
function edgeDestination(fn: string, arg: string, verb: string): FlowField {
  return url("functionArgs[].argValue", verb, {
    when: (props) =>
      textOf(props, "functionName") === fn && functionArg(props, "enable")?.toLowerCase() !== "off",
    where: (holder) => {
      const a = holder as Record<string, unknown> | undefined;
      return (
        a !== undefined &&
        !isUnknown(a) &&
        textOf(a, "argName") === arg &&
        textOf(a, "argValue") !== undefined
      );
    },
  });
}

/**
 * The origins of a `source_group` function (`source_info`: `<address>_<priority>_<weight>_<port>`
 * entries, comma-separated): an origin that is not a private address, nor an OSS or other regional
 * endpoint of the cloud inside the jurisdiction, cannot be placed. Judged without the egress
 * allowlist, which only field rows consult.
 */
function originGroups(props: Record<string, unknown>, j: Jurisdiction): CustomFlow[] {
  if (textOf(props, "functionName") !== "source_group") {
    return [];
  }
  const at = functionArgAt(props, "source_info");
  const info = at?.value;
  if (at === undefined || info === undefined) {
    return [];
  }
  const originFlow = (address: string, why: string): CustomFlow => ({
    path: at.path,
    verb: "fetches content and forwards requests to",
    place: `${JSON.stringify(address)} (${why})`,
  });
  return info
    .split(",")
    .map((entry) => entry.trim().split("_")[0] ?? "")
    .filter((address) => address !== "")
    .flatMap((address): CustomFlow[] => {
      if (parseCidr(address)) {
        return reachOfAddress(address, []).kind === "private"
          ? []
          : [originFlow(address, "not a private address, which cannot be placed")];
      }
      const place = regionOfEndpoint(address);
      if (place === undefined) {
        return [originFlow(address, "an origin outside the cloud, which cannot be placed")];
      }
      return regionInJurisdiction(j, place.cloud, place.region)
        ? []
        : [originFlow(address, `in ${place.region}, outside ${j.id}`)];
    });
}

/** A MediaLive destination setting whose URL names an S3 bucket (`s3://`, `s3ssl://`). */
function mediaLiveS3(holder: unknown): boolean {
  const target = known(() => (holder as Record<string, unknown> | undefined)?.url);
  return typeof target === "string" && /^s3(ssl)?:\/\//i.test(target.trim());
}

/**
 * An Amplify rule with status 200 is a rewrite: to a URL (not a path of the app), Amplify proxies
 * the visitor's request, with what it carries, to that host. Redirects (301, 302) and 404s only
 * answer the browser.
 */
function amplifyProxy(rule: unknown): boolean {
  const r = (rule ?? {}) as Record<string, unknown>;
  const status = known(() => r.status);
  const target = known(() => r.target);
  return (
    (status === undefined || String(status) === "200") &&
    typeof target === "string" &&
    /^[a-z][a-z0-9+.-]*:\/\//i.test(target.trim())
  );
}

/**
 * Addresses of an `/etc/hosts` text (`<ip> <hostname>…` lines; `#` starts a comment): a line
 * whose address is not private sends the traffic for its names there. Judged without the egress
 * allowlist, which only field rows consult. A line whose first word is not an IP cannot be read
 * and fails closed.
 */
function hostsFile(path: string, verb: string) {
  return (props: Record<string, unknown>): CustomFlow[] => {
    const raw = known(() => valueAt(props, path));
    if (raw === undefined || isUnknown(raw)) {
      return [];
    }
    return (str(raw) ?? "")
      .split(/\r?\n/)
      .map((line) => line.replace(/#.*/, "").trim())
      .filter((line) => line !== "")
      .flatMap((line): CustomFlow[] => {
        const address = line.split(/\s+/)[0];
        if (!parseCidr(address)) {
          return [
            {
              path,
              verb,
              place: `${JSON.stringify(line)} (not an address line, which cannot be read)`,
            },
          ];
        }
        return reachOfAddress(address, []).kind === "private"
          ? []
          : [
              {
                path,
                verb,
                place: `${JSON.stringify(address)} (not a private address, which cannot be placed)`,
              },
            ];
      });
  };
}

/**
 * Event stream sinks (CreateEventStreaming `Sink`) that name a cloud target by name or instance
 * ID, which EventBridge resolves in the stream's own region and account: an MNS queue, a
 * function, a CloudFlow flow, an SLS logstore, an ApsaraMQ for Kafka or RabbitMQ instance, a
 * DataHub topic, or an API destination (whose URL is judged on eventbridge/apiDestination).
 */
const regionalSinks = new Set([
  "SinkMNSParameters",
  "SinkFcParameters",
  "SinkFnfParameters",
  "SinkSLSParameters",
  "SinkKafkaParameters",
  "SinkRabbitMQParameters",
  "SinkDataHubParameters",
  "SinkApiDestinationParameters",
]);

/**
 * The sink of an event stream, a JSON document with one `Sink…Parameters` object. A sink of
 * `regionalSinks` stays in the stream's region; every other shape — an HTTPS URL, a Prometheus
 * remote write, a self-managed Kafka, RabbitMQ or RocketMQ endpoint, OSS, a vector or analytics
 * store — names a place this reader does not place, and fails closed with the shape named. A sink
 * not known at preview is built from resources of this program and is judged at update, when
 * it is known.
 */
function streamSink(path: string) {
  return (props: Record<string, unknown>): CustomFlow[] => {
    const raw = known(() => valueAt(props, path));
    if (raw === undefined || isUnknown(raw)) {
      return [];
    }
    let doc: unknown;
    try {
      doc = typeof raw === "string" ? JSON.parse(raw) : raw;
    } catch {
      doc = undefined;
    }
    const verb = "delivers events to";
    if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
      return [
        { path, verb, place: `${JSON.stringify(raw)} (not a JSON sink, which cannot be read)` },
      ];
    }
    return Object.keys(doc)
      .filter((shape) => !regionalSinks.has(shape))
      .map((shape) => ({
        path: `${path}.${shape}`,
        verb,
        place: `a ${shape} sink (a target the pack cannot place)`,
      }));
  };
}

/**
 * The `url:` (and `proxy_url:`) entries of a Prometheus `remote_write` YAML: each target, and
 * each proxy on the way, receives every sample the instance writes. A target is inside when its host is a private address or a regional endpoint
 * of the cloud inside the jurisdiction (an intranet endpoint's `<region>-intranet` label read as
 * its region). A document whose targets cannot be read this way — no `url:` line, or a `url`
 * written otherwise (flow style, anchors) — cannot be judged and fails closed. Judged without
 * the egress allowlist, which only field rows consult.
 */
function remoteWriteTargets(path: string) {
  return (props: Record<string, unknown>, j: Jurisdiction): CustomFlow[] => {
    const raw = known(() => valueAt(props, path));
    if (raw === undefined || isUnknown(raw)) {
      return [];
    }
    const text = str(raw) ?? "";
    const verb = "writes metric samples to";
    const urls = [...text.matchAll(/^\s*(?:-\s+)?(?:proxy_)?url:\s*["']?([^"'\s#]+)/gm)].map(
      (m) => m[1],
    );
    const mentions = (text.match(/\b(?:proxy_)?url\s*:/g) ?? []).length;
    if (urls.length === 0 || urls.length !== mentions) {
      return [
        {
          path,
          verb,
          place: "targets written in a form the pack cannot read (it reads `url:` lines only)",
        },
      ];
    }
    return urls.flatMap((target): CustomFlow[] => {
      const host = hostOf(target);
      if (parseCidr(host)) {
        return reachOfAddress(host, []).kind === "private"
          ? []
          : [
              {
                path,
                verb,
                place: `${JSON.stringify(target)} (not a private address, which cannot be placed)`,
              },
            ];
      }
      const place = regionOfEndpoint(host.replace(/^([a-z0-9-]+)-intranet\./, "$1."));
      if (place === undefined) {
        return [
          {
            path,
            verb,
            place: `${JSON.stringify(target)} (a host outside the cloud, which cannot be placed)`,
          },
        ];
      }
      return regionInJurisdiction(j, place.cloud, place.region)
        ? []
        : [
            {
              path,
              verb,
              place: `${JSON.stringify(target)} (in ${place.region}, outside ${j.id})`,
            },
          ];
    });
  };
}

/** EventBridge target types whose endpoint is a URL. */
const httpTargets = new Set(["http", "https", "acs.dingtalk"]);

const ownRows: readonly FlowModel[] = [
  // MNS subscriptions push each message to an HTTP endpoint, a mailbox or a phone, or to a
  // queue (an ARN on topics, a queue name of the same region on the newer API).
  {
    type: "alicloud:aligreen/auditCallback:AuditCallback",
    fields: [url("url", "sends moderation results to")],
    fix: pushFix,
  },
  // Origins and backends named by address: a WAF, Anti-DDoS Pro or ESA proxy forwards every
  // client request (bodies, cookies, credentials) to them and relays their answers; an API
  // gateway calls them; a bastion host opens operators' sessions to them; Cloud DNS and GTM
  // address pools steer clients there. An IP is inside when private or allowlisted; a host
  // name only when it is a regional endpoint of the cloud (an OSS bucket's) inside the
  // jurisdiction. A value not known at preview is an address of a resource of this program
  // (an EIP, a load balancer), which resource-placement places where it is created.
  ...(
    [
      ["alicloud:waf/domain:Domain", ["sourceIps[]"], "forwards client requests to"],
      [
        "alicloud:ddos/domainResource:DomainResource",
        ["realServers[]"],
        "forwards client requests to",
      ],
      ["alicloud:ddos/port:Port", ["realServers[]"], "forwards client traffic to"],
      [
        "alicloud:wafv3/domain:Domain",
        ["redirect.backends[]", "redirect.backupBackends[]"],
        "forwards client requests to",
      ],
      [
        "alicloud:esa/originPool:OriginPool",
        ["origins[].address"],
        "fetches content and forwards requests to",
      ],
      ["alicloud:apig/service:Service", ["addresses[]", "dnsServers[]"], "calls backends at"],
      ["alicloud:apig/source:Source", ["nacosSourceInfo.address"], "discovers backends at"],
      [
        "alicloud:alidnscloudgtmaddress/alidnsCloudGtmAddress:AlidnsCloudGtmAddress",
        ["address"],
        "steers clients to",
      ],
      ["alicloud:dns/addressPool:AddressPool", ["addresses[].address"], "steers clients to"],
    ] as const
  ).map(([type, paths, verb]): FlowModel => ({
    type,
    fields: paths.map((p) => url(p, verb, { when: knownAt(p) })),
    fix: addressFix,
  })),
  // Public DNS: an address or host record steers clients (and a mail record mail) to its value;
  // an ESA record that is proxied makes the value the site's origin. Other record types (TXT,
  // CAA, SRV, URL forwarding) name no host that receives data.
  ...(
    [
      ["alicloud:dns/alidnsRecord:AlidnsRecord", "value", "type", ["A", "AAAA", "CNAME", "MX"]],
      ["alicloud:dns/record:Record", "value", "type", ["A", "AAAA", "CNAME", "MX"]],
      ["alicloud:esa/record:Record", "data.value", "recordType", ["A/AAAA", "CNAME", "MX"]],
    ] as const
  ).map(([type, path, typeKey, hostTypes]): FlowModel => ({
    type,
    fields: [
      url(path, "steers clients, requests or mail to", {
        when: (props) =>
          (hostTypes as readonly string[]).includes(textOf(props, typeKey)?.toUpperCase() ?? "") &&
          knownAt(path)(props),
      }),
    ],
    fix: addressFix,
  })),
  // Domain configuration functions of the CDN products that send requests to a host
  // (`edgeDestinations`); the accelerated domain itself is judged on its own resource.
  ...[
    "alicloud:cdn/domainConfig:DomainConfig",
    "alicloud:dcdn/domainConfig:DomainConfig",
    "alicloud:scdn/domainConfig:DomainConfig",
  ].map((type): FlowModel => ({
    type,
    fields: Object.entries(edgeDestinations).map(([fn, arg]) =>
      edgeDestination(
        fn,
        arg,
        fn === "cdn_remote_auth"
          ? "sends each client request's arguments and headers to"
          : "fetches content and forwards requests to",
      ),
    ),
    custom: originGroups,
    fix: addressFix,
  })),
  {
    // A Managed Service for Prometheus instance forwards every sample to its remote write targets.
    type: "alicloud:arms/remoteWrite:RemoteWrite",
    fields: [],
    custom: remoteWriteTargets("remoteWriteYaml"),
    fix: "Write only to Prometheus endpoints of regions inside the jurisdiction or private addresses, each as a `url:` line.",
  },
  {
    type: "alicloud:eventbridge/eventStreaming:EventStreaming",
    fields: [],
    custom: streamSink("sink"),
    fix: "Deliver events to a target of the stream's region named by name or instance ID (MNS, Function Compute, CloudFlow, SLS, ApsaraMQ for Kafka or RabbitMQ, DataHub, or an API destination).",
  },
  {
    // An AnalyticDB for PostgreSQL instance reads and writes external tables on the Hadoop
    // cluster whose hosts `hadoopHostsAddress` lists (an `/etc/hosts` text).
    type: "alicloud:gpdb/hadoopDataSource:HadoopDataSource",
    fields: [],
    custom: hostsFile("hadoopHostsAddress", "reads and writes Hadoop data at"),
    fix: addressFix,
  },
  // PolarDB DynamoDB-compatible tables and items are written through the API endpoint they name.
  // A literal connection string carries no region, so it cannot be placed; one taken from a
  // cluster of this program is not known at preview and is placed with that cluster.
  {
    // A serverless application ships its logs to the Kafka bootstrap servers `kafkaEndpoint`
    // lists (`<ip>:<port>,…`), mounts OSS buckets it reads and writes, and resolves host names
    // to the addresses its host aliases give (`customHostAliasV2s`, or the older JSON list
    // `customHostAlias`), so its calls to those names go there. A value not known at preview is
    // an address of a resource of this program, which resource-placement places.
    type: "alicloud:sae/application:Application",
    fields: [
      ip("kafkaConfigs.kafkaEndpoint", "ships application logs to", {
        when: knownAt("kafkaConfigs.kafkaEndpoint"),
      }),
      ossBucket("ossMountDescsV2s[].bucketName", "mounts and writes files to"),
      ip("customHostAliasV2s[].ip", "sends calls to its host aliases at", {
        when: knownAt("customHostAliasV2s[].ip"),
      }),
    ],
    custom: hostAliases("customHostAlias", "sends calls to its host aliases at"),
    fix: addressFix,
  },
  {
    // HTTP and DingTalk targets name a URL; the others an ACS ARN, which arn-locality places.
    type: "alicloud:eventbridge/rule:Rule",
    fields: [
      url("targets[].endpoint", "sends events to", {
        where: kindIs("type", (kind) => httpTargets.has(kind.toLowerCase())),
      }),
    ],
    fix: pushFix,
  },
  // PAI datasets, model versions and experiments name the storage that jobs read training data
  // and model files from and write artifacts to: an OSS URI with its endpoint
  // (`oss://<bucket>.oss-<region>.aliyuncs.com/<path>`) is placed by its region; a bare bucket
  // or another host cannot be. Datasets on NAS or CPFS name a file system of the workspace's
  // region by ID.
  {
    // A layer-4 rule's source is an origin address or host; an origin pool or load balancer
    // is named instead by ID (esa/originPool's addresses are read on that type).
    type: "alicloud:esa/transportLayerApplication:TransportLayerApplication",
    fields: [
      url("rules[].source", "forwards client connections to", {
        where: kindIs("sourceType", (kind) => /^(ip|domain)$/i.test(kind)),
        when: knownAt("rules[].source"),
      }),
    ],
    fix: addressFix,
  },
  {
    // A scheduler rule answers the protected name with one of its values.
    type: "alicloud:ddos/schedulerRule:SchedulerRule",
    fields: [url("rules[].value", "steers clients to", { when: knownAt("rules[].value") })],
    fix: addressFix,
  },
  {
    // With following on, the edge repeats the client's request at the host the origin redirects to.
    type: "alicloud:esa/originRule:OriginRule",
    fields: [
      url("follow302TargetHost", "follows origin redirects, with the client's request, to", {
        when: (props) =>
          textOf(props, "follow302Enable") === "on" && knownAt("follow302TargetHost")(props),
      }),
    ],
    fix: addressFix,
  },
  {
    type: "aws:cloudtrail/trail:Trail",
    fields: [
      { path: "s3BucketName", format: "ref", ref: "s3-bucket", verb: "delivers audit events to" },
    ],
    custom: multiRegion("isMultiRegionTrail", false),
    fix: "Deliver to a bucket of this program inside the jurisdiction, and set isMultiRegionTrail to false in partitions that span other jurisdictions.",
  },
  {
    type: "aws:cloudtrail/eventDataStore:EventDataStore",
    fields: [],
    custom: multiRegion("multiRegionEnabled", true),
    fix: "Set multiRegionEnabled to false.",
  },
  {
    type: "aws:cfg/configurationAggregator:ConfigurationAggregator",
    fields: [
      {
        path: "accountAggregationSource.regions[]",
        format: "region",
        inbound: true,
        verb: "aggregates data from",
      },
      {
        path: "organizationAggregationSource.regions[]",
        format: "region",
        inbound: true,
        verb: "aggregates data from",
      },
    ],
    custom: allRegions,
    fix: "Aggregate only from regions inside the jurisdiction.",
  },
  {
    type: "aws:securityhub/findingAggregator:FindingAggregator",
    fields: [
      {
        path: "specifiedRegions[]",
        format: "region",
        inbound: true,
        verb: "aggregates findings from",
      },
    ],
    custom: linkingMode,
    fix: 'Set linkingMode to "SPECIFIED_REGIONS" with regions inside the jurisdiction only.',
  },
  {
    type: "aws:sns/topicSubscription:TopicSubscription",
    fields: [],
    custom: snsEndpoint,
    fix: "Subscribe only queues or functions inside the jurisdiction (by ARN).",
  },
  {
    // A destination is the ARN of a queue, topic, function, event bus or bucket; one not known at
    // preview is the output of a resource of this program, placed where it is created.
    type: "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig",
    fields: [
      bucket("destinationConfig.onSuccess.destination", "sends invocation records to", {
        when: knownAt("destinationConfig.onSuccess.destination"),
      }),
      bucket("destinationConfig.onFailure.destination", "sends failed invocation records to", {
        when: knownAt("destinationConfig.onFailure.destination"),
      }),
    ],
    fix: pushFix,
  },
  {
    type: "aws:budgets/budgetAction:BudgetAction",
    fields: [],
    custom: mailboxes("subscriptionType", "e-mails budget action alerts to"),
    fix: "Notify through an SNS topic inside the jurisdiction; a mailbox cannot be placed.",
  },
  {
    type: "aws:costexplorer/anomalySubscription:AnomalySubscription",
    fields: [],
    custom: mailboxes("type", "e-mails cost anomaly alerts to"),
    fix: "Notify through an SNS topic inside the jurisdiction; a mailbox cannot be placed.",
  },
  // Streams, pipes and connectors that read from or deliver to hosts and sinks of their own.
  {
    // Bootstrap servers of an MSK cluster of the program are its outputs, placed where it lies.
    type: "aws:mskconnect/connector:Connector",
    fields: [
      endpoint(
        "kafkaCluster.apacheKafkaCluster.bootstrapServers",
        "connects to the Kafka brokers at",
        {
          when: knownAt("kafkaCluster.apacheKafkaCluster.bootstrapServers"),
        },
      ),
      bucket("logDelivery.workerLogDelivery.s3.bucket", "delivers worker logs to"),
    ],
    fix: pushFix,
  },
  // Bots, mail rules, media inputs and contacts that hand data to a place of their own.
  {
    // The domain's endpoint is an output of a domain of the program, placed where it lies.
    type: "aws:lex/v2modelsIntent:V2modelsIntent",
    fields: [
      endpoint(
        "qnaIntentConfiguration.dataSourceConfiguration.opensearchConfiguration.domainEndpoint",
        "searches with the users' questions at",
        {
          when: knownAt(
            "qnaIntentConfiguration.dataSourceConfiguration.opensearchConfiguration.domainEndpoint",
          ),
        },
      ),
    ],
    fix: pushFix,
  },
  {
    // A channel pushes its encoded program to each destination URL: `s3://` and `s3ssl://` name a
    // bucket, anything else (RTMP, UDP, HLS over HTTPS, MediaStore) a host. MediaPackage and
    // multiplex destinations name resources of the channel's own region by ID.
    type: "aws:medialive/channel:Channel",
    fields: [
      bucket("destinations[].settings[].url", "pushes the encoded program to", {
        where: (holder) => mediaLiveS3(holder),
      }),
      url("destinations[].settings[].url", "pushes the encoded program to", {
        where: (holder) => !mediaLiveS3(holder),
      }),
    ],
    fix: pushFix,
  },
  // The Shield Response Team is AWS staff working from anywhere: no association of these types
  // passes, and a contact mailbox cannot be placed.
  {
    type: "aws:shield/drtAccessLogBucketAssociation:DrtAccessLogBucketAssociation",
    fields: [],
    custom: () => [
      {
        path: "logBucket",
        verb: "gives read access to its logs to",
        place: "the AWS Shield Response Team, which works from anywhere",
      },
    ],
    fix: "Do not give the Shield Response Team access to the account's logs.",
  },
  {
    type: "aws:shield/drtAccessRoleArnAssociation:DrtAccessRoleArnAssociation",
    fields: [],
    custom: () => [
      {
        path: "roleArn",
        verb: "lets a role of the account be assumed by",
        place: "the AWS Shield Response Team, which works from anywhere",
      },
    ],
    fix: "Do not give the Shield Response Team a role in the account.",
  },
  {
    type: "aws:amplify/app:App",
    fields: [url("customRules[].target", "proxies visitors' requests to", { where: amplifyProxy })],
    fix: "Rewrite only to paths of the app or to regional endpoints inside the jurisdiction (an API Gateway or load balancer); redirect (301/302) to other hosts instead of proxying.",
  },
  {
    // The pipeline body is YAML (Data Prepper) naming its sources and sinks — OpenSearch hosts,
    // S3 buckets in any region; the pack reads no YAML, so no body can be judged and the type
    // always fails: there is no shape of it the pack can place.
    type: "aws:opensearchingest/pipeline:Pipeline",
    fields: [],
    custom: (props) =>
      props.pipelineConfigurationBody === undefined
        ? []
        : [
            {
              path: "pipelineConfigurationBody",
              verb: "sends the ingested data to",
              place:
                "sinks that cannot be judged: the pipeline body is YAML, which the pack does not read",
            },
          ],
    fix: "Ingest with a service whose destinations are resource inputs (a Firehose stream to a bucket of this program), or waive the finding after reviewing the body's sinks.",
  },
];

/**
 * The last rows of policy/logging.ts: their types' rows are in other tables (the SageMaker jobs'
 * in the egress table, the EMR cluster's in the exposure table), which now hold these fields.
 */
const elsewhereRows: readonly FlowModel[] = [
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

/** The types of `elsewhereRows`, whose rows are not the logs table's. */
export const legacyLogElsewhere: ReadonlySet<string> = new Set(elsewhereRows.map((m) => m.type));

export const legacyLogShippingFlows: readonly FlowModel[] = [
  ...tableRows,
  ...ownRows,
  ...elsewhereRows,
];

export const legacyLogKeyFlows: readonly FlowModel[] = [
  {
    type: "alicloud:log/store:Store",
    fields: [
      {
        path: "encryptConf.userCmkInfo.regionId",
        format: "region",
        verb: "encrypts logs with a key in",
      },
    ],
    fix: "Use a KMS key in the logstore's own region.",
  },
];
