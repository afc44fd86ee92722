/**
 * Flow models of log delivery: audit trails, flow logs and log shipping
 * (shared/research/data-paths.md §3 "Audit log delivery", "Log shipping (SLS)" and §4 "Audit log
 * delivery", "Log shipping"). Logs are data — who did what, from where — so a trail or a log
 * store is where a path can start, and every sink it writes to is an edge.
 */
import type { BorderResource, Endpoint, FlowEdge } from "../model";
import { isUnknown } from "../model";
import { locate } from "../../paths/places";
import type { Resolver } from "../../paths/resolver";
import { valueAt, valuesAt } from "../../paths/values";
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
} from "./common";

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

export const logFlows: FlowTable = { ...alicloud, ...aws };
