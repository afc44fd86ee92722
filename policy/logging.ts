/**
 * Audit and log delivery: trails, config recorders, log subscriptions and exports, flow logs,
 * delivery streams, event targets and notification endpoints (shared/research/data-paths.md §3
 * "Audit log delivery", "Log shipping (SLS)"; §4 "Audit log delivery", "Log shipping").
 *
 * Logs carry personal data (IP addresses, user IDs, request contents), so their sinks are
 * destinations like any other. Sinks named by ARN are decided by `arn-locality`; the ones here
 * are named by region, endpoint, bucket or project name, or are arbitrary external endpoints,
 * which cannot be placed and fail closed.
 */
import type { Jurisdiction } from "../residency/jurisdictions";
import { type CustomFlow, type FlowField, type FlowModel, type Format, flowPolicy } from "./flows";
import { isUnknown, known, str, valuesAt } from "./values";

const logFix = "Deliver logs only to sinks in regions inside the jurisdiction.";
const externalFix =
  "Deliver only to cloud sinks inside the jurisdiction; an external endpoint cannot be placed.";

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

/**
 * A bucket named by name, ARN, `s3://` URI or `<name>/<prefix>`: a bucket of the program lies
 * where it is created; one the program does not create cannot be placed and fails closed.
 */
const bucket = fieldOf("ref", { ref: "s3-bucket" });
/** A CloudWatch log group, by ARN or name. */
const logGroup = fieldOf("ref", { ref: "log-group" });
/** A bucket, log group or Firehose stream, by ARN or name (WAF and firewall log sinks). */
const logSink = fieldOf("ref", { ref: "log-sink" });
const url = fieldOf("url");
const endpoint = fieldOf("endpoint");
const arn = fieldOf("arn");
const account = fieldOf("account");

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

const exportFix = "Deliver only to buckets of this program in regions inside the jurisdiction.";
const pushFix =
  "Send only to services inside the jurisdiction (by regional endpoint or ARN) or to an allowlisted address; an external host cannot be placed.";

export const logFlows: readonly FlowModel[] = [
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
    type: "alicloud:vpc/flowLog:FlowLog",
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
  // MNS subscriptions push each message to an HTTP endpoint, a mailbox or a phone, or to a
  // queue (an ARN on topics, a queue name of the same region on the newer API).
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
    type: "alicloud:sls/alert:Alert",
    fields: [endpoint("configuration.sinkEventStore.endpoint", "writes alert events to")],
    fix: logFix,
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
    type: "alicloud:aligreen/auditCallback:AuditCallback",
    fields: [url("url", "sends moderation results to")],
    fix: pushFix,
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
    type: "aws:sns/topicSubscription:TopicSubscription",
    fields: [],
    custom: snsEndpoint,
    fix: "Subscribe only queues or functions inside the jurisdiction (by ARN).",
  },
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
    type: "aws:cloudwatch/eventApiDestination:EventApiDestination",
    fields: [url("invocationEndpoint", "sends events to")],
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
    type: "aws:sfn/stateMachine:StateMachine",
    fields: [logGroup("loggingConfiguration.logDestination", "delivers execution logs to")],
    fix: logFix,
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
    type: "aws:ec2/spotDatafeedSubscription:SpotDatafeedSubscription",
    fields: [bucket("bucket", "delivers Spot usage records to")],
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
];

export const logShipping = flowPolicy({
  name: "log-shipping",
  description:
    "Checks whether audit trails, log exports, flow logs and event deliveries send their records only to sinks inside the jurisdiction.",
  severity: "high",
  remediationSteps:
    "Deliver trails, logs and events to buckets, projects and streams in regions inside the jurisdiction; replace external endpoints (HTTP, Splunk, email, S3-compatible storage abroad) with in-jurisdiction sinks.",
  models: logFlows,
});
