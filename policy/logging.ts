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
import { type CustomFlow, type FlowModel, flowPolicy } from "./flows";
import { str } from "./values";

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
