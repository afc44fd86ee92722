/**
 * Log delivery and the data destinations of log-shipping: audit trails, log projects and stores,
 * SLS collection, ETL, scheduled SQL and OSS exports, CDN, edge, Global Accelerator and flow logs,
 * AWS Config delivery, CloudWatch log groups and subscriptions, Firehose delivery, AWS audit,
 * findings and Security Lake sinks, and where AWS services write their job outputs, exports,
 * reports, recordings and service logs (shared/research/data-paths.md §3 "Audit log delivery",
 * "Log shipping (SLS)"; §4 "Audit log delivery", "Log shipping").
 *
 * Logs carry personal data (IP addresses, user IDs, request contents), so a trail or a log store
 * is where a path can start and every sink it writes to is an edge, owned by `log-shipping`. A
 * sink named by bucket or project name is a reference the whole stack resolves
 * (`named-destinations`); a region, endpoint or ARN places itself. A logstore's key region is
 * `key-and-secret-replicas`'s: whoever holds the key reads the logs.
 *
 * A row whose destinations cannot be read one property at a time — a switch whose reach depends on
 * the jurisdiction (a multi-Region trail), a subscriber list whose kind makes an address a
 * mailbox, destinations written inside one text (JSON, YAML, `/etc/hosts` lines, CDN origin
 * groups) — reads its inputs with code of its own (`judged` fields, log-readers.ts). The
 * SageMaker jobs' and the Alibaba Cloud EMR cluster's sinks are fields of their rows in the egress
 * and exposure tables.
 */
import { dataStore, deliveryPlace, encryptedBy, endpointOf, link, namePlace } from "./common";
import { fieldTag } from "../fields";
import type {
  BorderResource,
  Endpoint,
  FieldSpec,
  FlowEdge,
  TaggedEdge,
  TypeModel,
  TypeTable,
} from "../model";
import type { Placement } from "../../../residency/placement";
import type { Resolver } from "../resolver";
import { isUnknown, known, str, valueAt, valuesAt } from "../values";
import {
  allRegions,
  amplifyProxy,
  amplifyRewrite,
  answersPlaced,
  dnsAnswers,
  edgeDestination,
  edgeDestinations,
  hostAliases,
  hostsFile,
  httpTargets,
  alicloudApiDestination,
  apiDestinationArn,
  apiDestinationFix,
  eventMessageFix,
  eventMessageTargets,
  cognitoAnalytics,
  cognitoSms,
  kindIs,
  knownAt,
  linkingMode,
  aggregatorIndex,
  logDriverServers,
  mailboxes,
  mediaLiveS3,
  messagePush,
  notices,
  messagePushType,
  mnsEndpoint,
  mnsSchemeEndpoint,
  multiRegion,
  openApiIntegrations,
  connectorSinks,
  logIngestionSource,
  mqNetworkConnectors,
  logtailFlushers,
  originGroups,
  pipelineParts,
  pushFix,
  remoteWriteTargets,
  snowflakeAccount,
  snsArnEndpoint,
  snsEndpoint,
  stateMachineTasks,
  snsProtocol,
  sqlCalls,
  streamSink,
  nasDataset,
  onTheHost,
  textOf,
} from "./log-readers";
import {
  exposed,
  influxPublicAccess,
  mskPublicAccess,
  s3DataAccess,
  transferEndpoint,
  withExposure,
  withRamPolicy,
} from "./exposure";
import { vpcOptionsEndpoint } from "./exposure-readers";
import {
  batchTaskFix,
  batchTaskInternet,
  buildFix,
  buildInternet,
  canaryFix,
  canaryInternet,
  pipeTaskFix,
  pipeTaskInternet,
  studioInternet,
  studioInternetFix,
} from "./egress";
import { esaCrossBorderReach, withGlobal } from "./global-reach";
import { alibabaPhoneNumbers, countries, flowTransfers, phoneNumbers } from "./phones";
import { withPrincipals } from "./grants";
import {
  bucketSink,
  bucketSinkFix,
  codeRepository,
  edgesOf,
  remoteSite,
  type FieldExtra,
  inbound,
  judgedField,
  withPolicyFields,
  ownAccountDelivery,
  ownAlibabaAccountDelivery,
  sameRegion,
} from "./rows";

const log = edgesOf("log-shipping", "log delivery");
const sync = edgesOf("log-shipping", "data sync");
/** What a service pushes to a URL, endpoint or ARN: events, calls, files, messages. */
const push = edgesOf("log-shipping", "data sync");
const key = edgesOf("key-and-secret-replicas", "encrypted by");

/**
 * A reading of the row's own (log-readers.ts) of the input at `path`: the places it names are
 * log-shipping's findings and the graph's edges, in the words the reading gives each.
 */
function judged(
  label: "log delivery" | "data sync",
  path: string,
  judges: FieldSpec["judges"],
  reads?: readonly string[],
): FieldSpec {
  return judgedField("log-shipping", label, path, judges, { reads });
}

/**
 * A `judged` field of a trail, store or aggregator that gathers every region's records into its
 * own region: the data comes in from the places it finds (`inbound`), as a region it names does.
 */
const gathers = (path: string, judges: FieldSpec["judges"]): FieldSpec =>
  judgedField("log-shipping", "log delivery", path, judges, inbound);

/** Where alarms, alerts and notices may go: webhooks, mailboxes and phones. */
export const alarmFix =
  "Send alarms only to services inside the jurisdiction (by regional endpoint or ARN), to allowlisted addresses, or by text to phones of the jurisdiction; an external host, a mailbox or a number that names no country cannot be placed.";

/**
 * Alarm texts to the numbers at `path` (several in one text, comma-separated): each reaches its
 * phone's country, read once known.
 */
export function texts(
  path: string,
  verb: string,
  holds?: Parameters<typeof knownAt>[1],
): FieldSpec {
  return onceKnown(judged("data sync", path, alibabaPhoneNumbers(path, verb)), holds);
}

/**
 * Calls or texts to the E.164 numbers at `path`: each reaches its phone's country, read once
 * known (and while `holds`).
 */
function calls(path: string, verb: string, holds?: Parameters<typeof knownAt>[1]): FieldSpec {
  return onceKnown(judged("data sync", path, phoneNumbers(path, verb)), holds);
}

/** A DNS answer's reading of the record's `hosts` and routing `regions`, decided at `path`. */
function answers(path: string, hosts: readonly string[], regions: readonly string[] = []) {
  return judged("data sync", path, dnsAnswers(hosts, regions), [...hosts, ...regions]);
}

/**
 * `field`, read only once every value at its path is known (`knownAt`, with its condition and
 * options): a value only a lookup knows is then named-destinations' to fail closed.
 */
function onceKnown(
  field: FieldSpec,
  holds?: Parameters<typeof knownAt>[1],
  options?: Parameters<typeof knownAt>[2],
): FieldSpec {
  return { ...field, when: knownAt(field.path, holds, options) };
}

/** The hosts a DNS answer at `path` names, read once known. */
function hostAnswers(
  path: string,
  holds?: Parameters<typeof knownAt>[1],
  options?: Parameters<typeof knownAt>[2],
): FieldSpec {
  return onceKnown(answers(path, [path]), holds, options);
}

/** A Connect user's phone type is a desk phone, or not known at preview. */
const deskPhone = (props: Readonly<Record<string, unknown>>): boolean => {
  const type = known(() => valueAt(props, "phoneConfig.phoneType"));
  return isUnknown(type) || str(type)?.toUpperCase() === "DESK_PHONE";
};

/** A part of a manifest that is on unless it says `enabled: false`. */
const switchedOn = (part: unknown) => valueAt(part, "enabled") !== false;
/** How a landing zone's fix ends: the accounts the pack knows as the stack's own. */
const ownAccount =
  "the stack's own: the account its provider is pinned to, or one listed in the pack's accountIds.";

const logFix = "Deliver logs only to sinks in regions inside the jurisdiction.";
const externalFix =
  "Deliver only to cloud sinks inside the jurisdiction; an external endpoint cannot be placed.";
const exportFix = bucketSinkFix;
const ownAccountFix = "Collect logs only from this account.";
const chatFix =
  "Deliver notifications through SNS to subscribers inside the jurisdiction (a queue, a function, an allowlisted endpoint) instead of a chat service.";
/** Where an AppFlow flow's destinations and a connector profile's properties are set. */
const flowTo = "destinationFlowConfigs[].destinationConnectorProperties";
const profile = "connectorProfileConfig.connectorProfileProperties";
/** The SNS receivers of an alert manager definition (`alertmanager_config` is YAML in YAML). */
const snsReceivers = "definition.alertmanager_config.receivers[].sns_configs[]";
/** The sources and sinks of an OpenSearch Ingestion pipeline body's sub-pipelines. */
const osisSources = "pipelineConfigurationBody.*.source";
const osisSinks = "pipelineConfigurationBody.*.sink[]";
/**
 * The kinds whose places the pipeline's row reads: pushed-to and chained sources (which pull from
 * nowhere), S3, Kafka, OpenSearch and DynamoDB sources, OpenSearch, S3 and chained sinks.
 */
const osisKinds = {
  sources: [
    ...["http", "otel_logs_source", "otel_trace_source", "otel_metrics_source", "pipeline"],
    ...["s3", "kafka", "opensearch", "dynamodb"],
  ],
  sinks: ["opensearch", "s3", "pipeline"],
};
/** A body known at preview and read as YAML: else its one finding is pipelineParts'. */
const readableBody = (props: Readonly<Record<string, unknown>>): boolean => {
  const found = known(() => valuesAt(props, "pipelineConfigurationBody.*"));
  return !isUnknown(found) && found.every((f) => !isUnknown(f.value) && f.unreadable !== true);
};
/** Where an SNS data protection policy's audit statement sends its findings. */
const findingsTo = "policy.Statement[].Operation.Audit.FindingsDestination";
const addressFix =
  "Name only private or allowlisted addresses, or regional endpoints of the cloud inside the jurisdiction; an external host cannot be placed.";
const dnsFix =
  "Answer only with the endpoints of services in regions inside the jurisdiction (or addresses of the stack's own network).";
/** The DNS record types whose answers send clients (or mail) to an address or a host. */
const hostRecordTypes = ["A", "AAAA", "CNAME", "MX", "SRV", "HTTPS", "SVCB"];
/** A Kendra data source's connector template (JSON text). */
const kendraTemplate = "configuration.templateConfiguration.template";
const repoFix =
  "Use Git repositories in regions inside the jurisdiction (CodeCommit), at a private or allowlisted address, or on a host the stack places by name (egressHosts).";
const studioFix = `${repoFix} Share notebooks and keep Canvas workspaces only in buckets of this program in regions inside the jurisdiction.`;

const oss = { ref: "oss-bucket" } as const;
const s3 = { ref: "s3-bucket" } as const;
const sls = { ref: "sls-project" } as const;
/** A bucket, log group or Firehose stream, by ARN or name (WAF log destinations). */
const anySink = { ref: "log-sink" } as const;
const slsProjects = ["alicloud:log/project:Project"];

/** The buckets SageMaker Studio users' settings (`holder`) write shared notebooks and Canvas data to. */
const studioBuckets = (holder: string) => [
  bucketSink(`${holder}.sharingSettings.s3OutputPath`, "shares notebook snapshots to"),
  bucketSink(
    `${holder}.canvasAppSettings.workspaceSettings.s3ArtifactPath`,
    "stores Canvas datasets and models in",
  ),
];

/**
 * A sink by reference, one line a field: a bucket named by name, ARN, `s3://` URI or
 * `<name>/<prefix>`; a CloudWatch log group by ARN or name; a bucket, log group or Firehose stream
 * (WAF and firewall log destinations). A sink of the program lies where it is created; one the
 * program does not create cannot be placed and fails closed (named-destinations).
 */
const bucket = bucketSink;
const logGroup = (path: string, verb: string, extra: FieldExtra = {}) =>
  log.ref(path, verb, { ref: "log-group", ...extra });
const logSink = (path: string, verb: string, extra: FieldExtra = {}) =>
  log.ref(path, verb, { ...anySink, ...extra });
/**
 * Where an ARN not known at preview points (a Kinesis stream's, a function's, created with the
 * program: AWS assigns it on create), from the resources of the program it was computed from: the
 * region their providers place them in, which the ARN will name. Undefined unless every one of
 * them is placed in a region.
 */
function placeOfComputedArn(r: BorderResource, path: string, x: Resolver): Endpoint | undefined {
  const from = (r.propertyDependencies[path] ?? []).map((u) => x.get(u));
  const places = from.map((d) => (d === undefined ? undefined : x.placement(d)));
  if (places.length === 0 || places.some((p) => p?.kind !== "region")) {
    return undefined;
  }
  const [first] = places as Extract<Placement, { kind: "region" }>[];
  return places.every((p) => p?.kind === "region" && p.region === first.region)
    ? x.regionPlace(first.cloud, first.region)
    : undefined;
}

/** The account that owns a sink: the stack's own, or another one. */
const account = log.account;
/**
 * Where a service pushes data: a URL or host (an allowlisted address, a cloud endpoint placed by
 * its region, else it cannot be placed), a regional endpoint, an ARN.
 */
const url = push.url;
const endpoint = push.endpoint;
const arn = push.arn;

/**
 * An Alibaba Cloud delivery by ACS ARN (`acs:mns:cn-shanghai:<account>:queues/q`): the place the
 * ARN names, and the account — one that is not the stack's own can send what it receives anywhere.
 */
function acsDelivery(
  fields: ReturnType<typeof edgesOf>,
  path: string,
  verb: string,
  extra: FieldExtra = {},
): FieldSpec[] {
  return [
    fields.arn(path, verb, extra),
    fields.account(path, `${verb} a resource of`, { ...extra, ...ownAlibabaAccountDelivery }),
  ];
}

/** CodeBuild source types fetched from a repository host outside the cloud. */
const externalSources = [
  "GITHUB",
  "GITHUB_ENTERPRISE",
  "BITBUCKET",
  "GITLAB",
  "GITLAB_SELF_MANAGED",
];

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

/** A subscriber list's SNS topics (`kindKey` "SNS"), by ARN. */
function snsSubscriber(kindKey: string, verb: string): FieldSpec {
  const isSns = (sub: unknown) => str(known(() => valueAt(sub, kindKey)))?.toUpperCase() === "SNS";
  return push.arn("subscribers[].address", verb, {
    where: isSns,
    when: knownAt("subscribers[].address", (props) =>
      valuesAt(props, "subscribers[]").some((s) => isSns(s.value)),
    ),
  });
}

/** An integration of a kind whose URI names an AWS function or service by ARN (AWS, AWS_PROXY). */
function integrationOf(key: string) {
  return (props: Readonly<Record<string, unknown>>): boolean =>
    ["AWS", "AWS_PROXY"].includes(textOf(props, key)?.toUpperCase() ?? "");
}

/** A known value at `path` that is an ARN. */
function arnTarget(path: string) {
  return (props: Readonly<Record<string, unknown>>): boolean =>
    textAt(props, path)?.startsWith("arn:") === true;
}

/**
 * A destination named by ARN (a function, a registry) or by URL, each read as what it is; one
 * not known at preview fails closed unless a resource of the program provides it.
 */
function urlOrArn(path: string, verb: string, extra: FieldExtra = {}): FieldSpec[] {
  const isUrl = (props: Readonly<Record<string, unknown>>) =>
    textAt(props, path)?.startsWith("arn:") === false;
  return [
    url(path, verb, { ...extra, when: knownAt(path, undefined, { knownWhen: isUrl }) }),
    arn(path, verb, { ...extra, when: arnTarget(path) }),
  ];
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

/**
 * The S3 locations of a Glue table's or partition's data besides `storageDescriptor.location`:
 * a Delta table's further locations, and where each skewed value's rows are kept.
 */
const storedAlso = [
  "storageDescriptor.additionalLocations[]",
  "storageDescriptor.skewedInfo.skewedColumnValueLocationMaps.*",
] as const;

/** A store of logs that names its sinks by the fields given: where a path can start. */
const sink = (fix: string, ...fields: FieldSpec[]): TypeModel => ({ role: "data", fields, fix });
/**
 * A resource that sends what other resources hold (a service's findings, exports, job output,
 * pushed events) to the places its fields name: its edges carry that data, but no path starts at
 * it — the data it sends starts at the stores it reads.
 */
const sends = (fix: string, ...fields: FieldSpec[]): TypeModel => ({ role: "other", fields, fix });

/**
 * A MediaLive URL (a channel's destination, an input's source): a bucket by `s3://` or `s3ssl://`,
 * a reference the whole stack places; any other URL as a URL.
 */
function mediaLiveUrl(path: string, verb: string, extra: FieldExtra = {}): FieldSpec[] {
  return [
    push.ref(path, verb, { ...s3, where: mediaLiveS3, ...extra }),
    url(path, verb, { where: (holder) => !mediaLiveS3(holder), ...extra }),
  ];
}

/**
 * The endpoints of the HTTP Task states (`arn:aws:states:::http:invoke`) of the state machine
 * definition at `definition`, at its top level and inside a Parallel state's branches or a Map
 * state's item processor: each sends the request its parameters build from the execution's data
 * to `ApiEndpoint`, to whatever `ApiEndpoint.$` selects at run time (JSONPath), or to
 * `Arguments.ApiEndpoint` (JSONata, an expression when it is chosen at run time). Only HTTP
 * tasks take an `ApiEndpoint` parameter.
 */
const httpTaskEndpoints = (definition: string): FieldSpec[] =>
  ["", "*.Branches[].States.", "*.ItemProcessor.States.", "*.Iterator.States."].flatMap((nest) => {
    const state = `${definition}.States.${nest}*`;
    const verb = "sends HTTP requests with the execution's data to";
    return [
      push.url(`${state}.Parameters.ApiEndpoint`, verb),
      push.url(`${state}.Parameters.ApiEndpoint\\.$`, `${verb} the endpoint chosen at run time by`),
      push.url(`${state}.Arguments.ApiEndpoint`, verb),
    ];
  });

/**
 * The hosts a container's log driver ships its output to (`logConfiguration.options` of the
 * ECS container definition at `container`): a syslog, GELF, Fluentd or Splunk server (Docker's
 * options, where the container instance's own socket or localhost stays on the instance) and a
 * FireLens output's `Host`.
 */
const containerLogs = (container: string): FieldSpec[] => [
  ...logDriverServers.map(([option, verb]) =>
    log.url(`${container}.logConfiguration.options.${option}`, verb, {
      where: (holder) => !onTheHost(valueAt(holder, option)),
    }),
  ),
  log.url(
    `${container}.logConfiguration.options.Host`,
    "ships the container's logs through FireLens to",
  ),
];

/** A row of ECS container definitions (`containerDefinitions[]`) and the hosts their logs go to. */
const containerDefinitionLogs: TypeModel = sends(
  externalFix,
  ...containerLogs("containerDefinitions[]"),
);

/**
 * An ActionTrail trail: the regions (and, for an organization trail, the accounts) it collects,
 * and its bucket, SLS project and MaxCompute sinks. The project's ARN places itself, but one built
 * from a project of the program is known only at deployment: the row draws the delivery to that
 * project then (the value's dependencies name it), tagged with the ARN's verdict.
 */
function trail(organization: boolean): TypeModel {
  const model: TypeModel = {
    role: "data",
    fields: [
      log.region("trailRegion", "collects events of", {
        ...inbound,
        // The row's fix speaks of where the events go; this one of where they come from.
        fix: "Set trailRegion to the stack's region (or regions inside the jurisdiction), not All.",
      }),
      log.ref("ossBucketName", "delivers audit events to", oss),
      { ...log.arn("slsProjectArn", "delivers audit events to"), drawnByRow: true },
      log.account(
        "slsProjectArn",
        "delivers audit events to a project of",
        ownAlibabaAccountDelivery,
      ),
      ...acsDelivery(log, "maxComputeProjectArn", "delivers audit events to"),
      ...(organization
        ? [
            log.flag("isOrganizationTrail", "collects events of", {
              ...inbound,
              values: [true],
              farSide: "every account of the resource directory",
            }),
          ]
        : []),
    ],
    edges: (r, x) =>
      x.refs(r, "slsProjectArn", slsProjects).flatMap((ref): TaggedEdge[] => {
        const to = endpointOf(x, r, ref, "slsProjectArn", (v) => namePlace(x, v));
        const tag = fieldTag(model, "slsProjectArn", r, x);
        return to ? link(r, to, "log delivery").map((e) => ({ ...e, ...tag })) : [];
      }),
    fix: logFix,
  };
  return model;
}

/**
 * A flow log: the records of the network it watches (`sourceAt`, the first that names a resource
 * of the stack) go to the sink `field` names. Only the whole stack knows that network, so the
 * link is drawn here — from the network, through the flow log — and tagged with the field's
 * verdict; a flow log of nothing the program creates draws no edge. `others` draw their own
 * edges (the account a delivery goes through).
 */
function flowLog(
  field: FieldSpec,
  sourceAt: readonly string[],
  sinkTypes: readonly string[],
  ...others: FieldSpec[]
): TypeModel {
  const model: TypeModel = {
    role: "other",
    fields: [{ ...field, drawnByRow: true }, ...others],
    edges: (r, x) => {
      const source = sourceAt.map((p) => x.resourceAt(r, p)).find((s) => s !== undefined);
      if (!source) {
        return [];
      }
      const tag = { ...fieldTag(model, field.path, r, x), destination: true };
      return x.refs(r, field.path, sinkTypes).flatMap((ref): TaggedEdge[] => {
        const to = endpointOf(x, r, ref, field.path, (v) => namePlace(x, v));
        return to
          ? link(source, to, "log delivery", { via: r }).map((e) => ({ ...e, ...tag }))
          : [];
      });
    },
    fix: logFix,
  };
  return model;
}

const logGroupTypes = ["aws:cloudwatch/logGroup:LogGroup"];
const s3Buckets = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"];

/**
 * A logstore encrypted by a key of the stack is drawn to that key; one that names only the key's
 * region (`encryptConf.userCmkInfo.regionId`) to that region, tagged with the region's verdict.
 */
const logStore: TypeModel = {
  role: "data",
  fields: [
    {
      ...key.region("encryptConf.userCmkInfo.regionId", "encrypts logs with a key in"),
      detail: undefined,
      drawnByRow: true,
    },
  ],
  edges: (r: BorderResource, x: Resolver) => {
    const edges: (FlowEdge | TaggedEdge)[] = encryptedBy(x, r, r, [
      "encryptConf.userCmkInfo.cmkKeyId",
    ]);
    const cmkRegion = valueAt(r.props, "encryptConf.userCmkInfo.regionId");
    if (cmkRegion !== undefined && edges.length === 0) {
      const tag = fieldTag(logStore, "encryptConf.userCmkInfo.regionId", r, x);
      const region: Endpoint = x.regionValue(r, cmkRegion, "encryptConf.userCmkInfo.regionId");
      edges.push(...link(r, region, "encrypted by").map((e) => ({ ...e, ...tag })));
    }
    return edges;
  },
  fix: { "key-and-secret-replicas": "Use a KMS key in the logstore's own region." },
};

/**
 * A CloudTrail trail: its bucket (a reference the whole stack resolves), its CloudWatch Logs group
 * (an ARN arn-locality places; the graph draws the delivery when it names a group of the stack),
 * its key, and its multi-Region switch, which log-shipping reads against the jurisdiction: every
 * region of a partition that spans other countries is outside it.
 */
const cloudTrail: TypeModel = {
  role: "data",
  fields: [
    log.ref("s3BucketName", "delivers audit events to", s3),
    gathers("isMultiRegionTrail", multiRegion("isMultiRegionTrail", false)),
  ],
  edges: (r, x) => [
    ...x.refs(r, "cloudWatchLogsGroupArn", logGroupTypes).flatMap((ref) => {
      const to = endpointOf(x, r, ref, "cloudWatchLogsGroupArn", (v) => namePlace(x, v));
      return to ? link(r, to, "log delivery") : [];
    }),
    ...encryptedBy(x, r, r, ["kmsKeyId"]),
  ],
  fix: "Deliver to a bucket of this program inside the jurisdiction (a log-archive bucket of another account cannot be placed from here: once you have confirmed its region, waive the finding), and set isMultiRegionTrail to false in partitions that span other jurisdictions.",
};

const mailFix = "Notify through an SNS topic inside the jurisdiction; a mailbox cannot be placed.";
const mnsFix =
  "Push only to queues of the region (by name or ACS ARN), HTTP endpoints inside the jurisdiction (an allowlisted or private address) and phones of the country; a mailbox, the numbers each message names and a mobile app's devices cannot be placed.";

export const logs: TypeTable = {
  "alicloud:actiontrail/trail:Trail": trail(true),
  "alicloud:actiontrail/trailDeprecated:TrailDeprecated": trail(false),
  "alicloud:actiontrail/globalEventsStorageRegion:GlobalEventsStorageRegion": sink(
    logFix,
    log.region("storageRegion", "stores global events in"),
  ),
  // The machines of a Logtail pipeline send the logs they collect where its flushers say:
  // Simple Log Service (its region and endpoint read as places), or a server of another system.
  "alicloud:sls/logtailPipelineConfig:LogtailPipelineConfig": sends(
    "Flush logs only to Simple Log Service in regions inside the jurisdiction, or to servers at private or allowlisted addresses or hosts the stack places by name (egressHosts).",
    judged("log delivery", "flushers", logtailFlushers),
  ),
  // A Simple Log Service import job copies data from its source into a logstore of its project.
  "alicloud:log/ingestion:Ingestion": sends(
    "Import only from OSS buckets in regions inside the jurisdiction, through their regions' endpoints; a source of another kind cannot be placed.",
    // The reader decides every place the source's JSON names (its endpoint among them).
    { ...judged("data sync", "source", logIngestionSource, ["source", "source.*"]), inbound: true },
  ),
  "alicloud:sls/collectionPolicy:CollectionPolicy": sink(
    logFix,
    log.region("centralizeConfig.destRegion", "centralizes logs in"),
    log.region("dataConfig.dataRegion", "stores collected logs in"),
  ),
  // A project policy: everyone, or another account, may read or write its logstores.
  "alicloud:log/project:Project": withRamPolicy({ role: "data", fix: logFix }),
  "alicloud:log/store:Store": logStore,
  "alicloud:log/etl:Etl": sink(
    logFix,
    log.endpoint("etlSinks[].endpoint", "writes transformed logs to", { detail: "ETL sink" }),
    // The sink's role is the destination project's account's (SLS writes across accounts with a
    // role of the account that owns the destination): another account's holder can send it on.
    log.account(
      "etlSinks[].roleArn",
      "writes transformed logs to a project of",
      ownAlibabaAccountDelivery,
    ),
  ),
  "alicloud:sls/etl:Etl": sink(
    logFix,
    log.endpoint("configuration.sinks[].endpoint", "writes transformed logs to", {
      detail: "ETL sink",
    }),
    log.account(
      "configuration.sinks[].roleArn",
      "writes transformed logs to a project of",
      ownAlibabaAccountDelivery,
    ),
  ),
  "alicloud:sls/scheduledSql:ScheduledSql": sink(
    logFix,
    log.endpoint("scheduledSqlConfiguration.destEndpoint", "writes query results to", {
      detail: "scheduled SQL results",
    }),
    log.account(
      "scheduledSqlConfiguration.destRoleArn",
      "writes query results to a project of",
      ownAlibabaAccountDelivery,
    ),
  ),
  "alicloud:sls/ossExportSink:OssExportSink": sink(
    logFix,
    log.endpoint("configuration.sink.endpoint", "ships logs to"),
    log.ref("configuration.sink.bucket", "ships logs to", { ...oss, ...sameRegion }),
    // The role it writes with is the bucket owner's (who creates it with write access to the
    // bucket): another account's role ships to that account's bucket.
    log.account(
      "configuration.sink.roleArn",
      "ships logs to a bucket of",
      ownAlibabaAccountDelivery,
    ),
  ),
  // Simple Log Service ships to a bucket of the project's own region only.
  "alicloud:log/ossExport:OssExport": sink(
    logFix,
    log.ref("bucket", "ships logs to", { ...oss, ...sameRegion }),
    log.account("roleArn", "ships logs to a bucket of", ownAlibabaAccountDelivery),
  ),
  "alicloud:log/ossShipper:OssShipper": sink(
    logFix,
    log.ref("ossBucket", "ships logs to", { ...oss, ...sameRegion }),
    log.account("roleArn", "ships logs to a bucket of", ownAlibabaAccountDelivery),
  ),
  "alicloud:sls/logtailConfig:LogtailConfig": sink(
    logFix,
    log.region("outputDetail.region", "ships collected logs to"),
    // Logtail uploads to the SLS endpoint it is given (`cn-hangzhou.log.aliyuncs.com`), whose
    // region is where the logs go, whatever region the output names.
    log.endpoint("outputDetail.endpoint", "ships collected logs to"),
  ),
  "alicloud:cdn/realTimeLogDelivery:RealTimeLogDelivery": sink(
    logFix,
    log.region("slsRegion", "delivers CDN logs to"),
  ),
  "alicloud:ga/accessLog:AccessLog": sink(
    logFix,
    log.region("slsRegionId", "delivers access logs to"),
  ),
  "alicloud:vpc/flowLog:FlowLog": flowLog(
    log.ref("projectName", "delivers flow logs to", sls),
    ["resourceId"],
    slsProjects,
  ),
  "aws:cfg/deliveryChannel:DeliveryChannel": sink(
    logFix,
    log.ref("s3BucketName", "delivers configuration history to", s3),
  ),
  "aws:cloudwatch/logGroup:LogGroup": {
    role: "data",
    edges: dataStore({ keys: ["kmsKeyId"] }).flows,
    fix: logFix,
  },
  /**
   * A subscription sends its log group's events to the destination's ARN, which arn-locality
   * places; the graph draws the delivery from the group (untagged: no row of log-shipping judges
   * it) — to another account, whatever the ARN's region, when the destination is another
   * account's (a log vendor's cross-account destination).
   */
  "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter": {
    role: "other",
    edges: (r, x) => {
      const group = x.resourceAt(r, "logGroup", logGroupTypes) ?? r;
      return x.refs(r, "destinationArn").flatMap((ref) => {
        const to =
          (ref.kind === "unknown" ? placeOfComputedArn(r, "destinationArn", x) : undefined) ??
          endpointOf(x, r, ref, "destinationArn", (v) => deliveryPlace(x, r, v));
        return to ? link(group, to, "log delivery", { via: group === r ? undefined : r }) : [];
      });
    },
    fix: `${logFix} A destination of another account (a vendor's) hands the events to that account, which can send them anywhere: deliver to a destination of the stack's own account (if the ARN's account is the stack's own, declare it as sovereign-dc:accountId).`,
    accountsIn: ["destinationArn"],
  },
  // A delivery to a Firehose stream of another account goes through a role of that account
  // (deliverCrossAccountRole): the flow logs leave the stack's account for it.
  "aws:ec2/flowLog:FlowLog": flowLog(
    log.ref("logDestination", "delivers flow logs to", s3),
    ["vpcId", "subnetId"],
    [...s3Buckets, ...logGroupTypes],
    log.account("deliverCrossAccountRole", "delivers flow logs to"),
  ),
  "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream": sink(
    externalFix,
    log.ref("extendedS3Configuration.bucketArn", "delivers records to", s3),
    // The bucket a copy of every record goes to (backup mode), and the bucket every other
    // destination keeps what it failed to deliver in — for Redshift, where every record is staged
    // before the COPY.
    bucket("extendedS3Configuration.s3BackupConfiguration.bucketArn", "backs records up to"),
    bucket("redshiftConfiguration.s3Configuration.bucketArn", "stages records in"),
    bucket("redshiftConfiguration.s3BackupConfiguration.bucketArn", "backs records up to"),
    ...[
      "elasticsearchConfiguration",
      "opensearchConfiguration",
      "opensearchserverlessConfiguration",
      "httpEndpointConfiguration",
      "icebergConfiguration",
      "splunkConfiguration",
      "snowflakeConfiguration",
    ].map((destination) =>
      bucket(`${destination}.s3Configuration.bucketArn`, "backs records up to"),
    ),
    log.url("httpEndpointConfiguration.url", "delivers records to", { detail: "HTTP endpoint" }),
    log.url("splunkConfiguration.hecEndpoint", "delivers records to", { detail: "Splunk" }),
    log.url("snowflakeConfiguration.accountUrl", "delivers records to", { detail: "Snowflake" }),
    // A search domain or Iceberg catalog of another account in a region inside: its
    // holder can send the records anywhere.
    ...[
      "elasticsearchConfiguration.domainArn",
      "opensearchConfiguration.domainArn",
      "icebergConfiguration.catalogArn",
    ].map((path) => log.account(path, "delivers records to a destination of", ownAccountDelivery)),
    // The Redshift cluster the records are copied into, named by its JDBC URL; one built from a
    // cluster's or workgroup's endpoint is placed through that resource.
    log.url("redshiftConfiguration.clusterJdbcurl", "delivers records to", {
      detail: "Redshift",
      ref: "aws-data-endpoint",
      namedWhenUnknown: true,
    }),
    // A search domain or collection named by its endpoint instead of its ARN.
    log.url("elasticsearchConfiguration.clusterEndpoint", "delivers records to"),
    log.url("opensearchConfiguration.clusterEndpoint", "delivers records to"),
    log.url("opensearchserverlessConfiguration.collectionEndpoint", "delivers records to"),
  ),

  // Hybrid double write: CloudMonitor writes every metric of the source namespace into the target
  // namespace too, which may belong to another account.
  "alicloud:cloudmonitor/serviceHybridDoubleWrite:ServiceHybridDoubleWrite": sends(
    "Double-write metrics only into a namespace of this stack's own account (pin it on the provider).",
    log.account("userId", "double-writes the namespace's metrics to a namespace of"),
  ),
  // Edge and network flow logs of Alibaba Cloud.
  "alicloud:esa/siteDeliveryTask:SiteDeliveryTask": sends(
    externalFix,
    log.region("ossDelivery.region", "delivers edge logs to"),
    // A bucket of this program lies where the program creates it; any other is placed by the
    // delivery's region.
    log.ref("ossDelivery.bucketName", "delivers edge logs to", { ...oss, fallback: "region" }),
    log.account("ossDelivery.aliuid", "delivers edge logs to a bucket of"),
    log.region("slsDelivery.slsRegion", "delivers edge logs to"),
    log.flag("s3Delivery", "delivers edge logs to", {
      farSide: "S3-compatible storage outside Alibaba Cloud",
    }),
    log.flag("httpDelivery", "delivers edge logs to", {
      farSide: "an HTTP endpoint that cannot be placed",
    }),
    log.flag("kafkaDelivery", "delivers edge logs to", {
      farSide: "Kafka brokers that cannot be placed",
    }),
  ),
  "alicloud:cen/flowLog:FlowLog": sends(
    logFix,
    log.ref("projectName", "delivers flow logs to", sls),
  ),
  "alicloud:sag/smartagFlowLog:SmartagFlowLog": sends(
    logFix,
    log.region("slsRegionId", "delivers flow logs to"),
    log.ip("netflowServerIp", "exports flow records to the NetFlow collector at"),
  ),

  // AWS audit, findings and log sinks: where a service writes what it records.
  "aws:observabilityadmin/centralizationRuleForOrganization:CentralizationRuleForOrganization":
    sends(
      logFix,
      log.region("rule.destination.region", "centralizes logs in"),
      log.account("rule.destination.account", "centralizes logs in"),
      log.region(
        "rule.destination.destinationLogsConfiguration.backupConfiguration.region",
        "backs centralized logs up in",
      ),
      log.region("rule.source.regions[]", "collects logs from", inbound),
    ),
  "aws:guardduty/publishingDestination:PublishingDestination": sends(
    logFix,
    log.ref("destinationArn", "exports findings to", s3),
  ),
  "aws:ssm/resourceDataSync:ResourceDataSync": sends(
    logFix,
    // A bucket the program does not create is placed by the region the sync names beside it
    // (which the API requires, and the sync fails if it is not the bucket's).
    sync.region("s3Destination.region", "syncs inventory to"),
    sync.ref("s3Destination.bucketName", "syncs inventory to", { ...s3, fallback: "region" }),
  ),
  // Incident Manager replicates every incident — its timeline, notes and the chat of its
  // responders — to each region of the replication set (`region` is the deprecated spelling).
  "aws:ssmincidents/replicationSet:ReplicationSet": sends(
    "Keep every region of the replication set inside the jurisdiction.",
    sync.region("regions[].name", "replicates incident data to"),
    sync.region("region[].name", "replicates incident data to"),
  ),
  "aws:athena/workgroup:Workgroup": sends(
    exportFix,
    sync.ref("configuration.resultConfiguration.outputLocation", "writes query results to", s3),
    sync.account(
      "configuration.resultConfiguration.expectedBucketOwner",
      "writes query results to",
    ),
    log.ref(
      "configuration.monitoringConfiguration.s3LoggingConfiguration.logLocation",
      "delivers query logs to",
      s3,
    ),
  ),
  "aws:athena/database:Database": sends(
    exportFix,
    sync.ref("bucket", "writes query results to", s3),
    sync.account("expectedBucketOwner", "writes query results to"),
  ),
  "aws:codebuild/reportGroup:ReportGroup": sends(
    exportFix,
    log.ref("exportConfig.s3Destination.bucket", "exports test reports to", s3),
  ),
  "aws:wafregional/webAcl:WebAcl": sends(
    logFix,
    log.ref("loggingConfiguration.logDestination", "delivers request logs to", anySink),
  ),
  // Services that deliver what they log to a bucket, log group or Firehose stream named by ARN.
  "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination": sends(
    logFix,
    logSink("deliveryDestinationConfiguration.destinationResourceArn", "receives vended logs in"),
  ),
  "aws:vpclattice/accessLogSubscription:AccessLogSubscription": sends(
    logFix,
    logSink("destinationArn", "delivers access logs to"),
  ),
  "aws:route53/resolverQueryLogConfig:ResolverQueryLogConfig": sends(
    logFix,
    logSink("destinationArn", "delivers DNS query logs to"),
  ),
  "aws:cognito/logDeliveryConfiguration:LogDeliveryConfiguration": sends(
    logFix,
    bucket("logConfigurations[].s3Configuration.bucketArn", "delivers user pool logs to"),
    logGroup(
      "logConfigurations[].cloudWatchLogsConfiguration.logGroupArn",
      "delivers user pool logs to",
    ),
    logSink("logConfigurations[].firehoseConfiguration.streamArn", "delivers user pool logs to"),
  ),
  "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration": sends(
    logFix,
    log.ref("logDestinationConfigs[]", "delivers request logs to", anySink),
  ),
  "aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration": sends(
    logFix,
    log.ref("loggingConfig.s3Config.bucketName", "delivers model prompts and answers to", s3),
    log.ref(
      "loggingConfig.cloudwatchConfig.largeDataDeliveryS3Config.bucketName",
      "delivers large model prompts and answers to",
      s3,
    ),
  ),
  "aws:cfg/conformancePack:ConformancePack": sends(
    logFix,
    log.ref("deliveryS3Bucket", "delivers conformance pack results to", s3),
  ),
  "aws:cfg/organizationConformancePack:OrganizationConformancePack": sends(
    logFix,
    log.ref("deliveryS3Bucket", "delivers conformance pack results to", s3),
  ),
  "aws:macie2/classificationExportConfiguration:ClassificationExportConfiguration": sends(
    exportFix,
    log.ref("s3Destination.bucketName", "exports sensitive-data findings to", s3),
  ),
  "aws:verifiedaccess/instanceLoggingConfiguration:InstanceLoggingConfiguration": sends(
    logFix,
    log.ref("accessLogs.s3.bucketName", "delivers access logs to", s3),
    log.account("accessLogs.s3.bucketOwner", "delivers access logs to"),
  ),
  "aws:workspacesweb/sessionLogger:SessionLogger": sends(
    logFix,
    log.ref("logConfiguration.s3.bucket", "delivers browser session logs to", s3),
    log.account("logConfiguration.s3.bucketOwner", "delivers browser session logs to"),
  ),
  "aws:ivs/recordingConfiguration:RecordingConfiguration": sends(
    exportFix,
    sync.ref("destinationConfiguration.s3.bucketName", "records live streams to", s3),
  ),
  "aws:ivschat/loggingConfiguration:LoggingConfiguration": sends(
    logFix,
    log.ref("destinationConfiguration.s3.bucketName", "delivers chat messages to", s3),
  ),
  "aws:ec2/spotDatafeedSubscription:SpotDatafeedSubscription": sends(
    logFix,
    log.ref("bucket", "delivers Spot usage records to", s3),
  ),
  "aws:auditmanager/assessment:Assessment": sends(
    exportFix,
    log.ref("assessmentReportsDestination.destination", "writes assessment reports to", s3),
  ),

  // Security Lake: who is notified of, reads or writes the security data lake.
  "aws:securitylake/subscriberNotification:SubscriberNotification": sends(
    pushFix,
    log.url(
      "configuration.httpsNotificationConfiguration.endpoint",
      "notifies a subscriber of new security data at",
    ),
  ),
  "aws:securitylake/subscriber:Subscriber": sends(
    "Subscribe only principals of this account.",
    log.account("subscriberIdentity.principal", "gives read access to the security data lake to"),
  ),
  "aws:securitylake/customLogSource:CustomLogSource": sends(
    ownAccountFix,
    log.account(
      "configuration.providerIdentity.principal",
      "takes security logs written by",
      inbound,
    ),
  ),
  "aws:securitylake/awsLogSource:AwsLogSource": sends(
    ownAccountFix,
    log.account("source.accounts[]", "collects security logs of", inbound),
  ),

  // Where services push data outside the stack's stores: events, API calls, files, alerts, mail,
  // contacts, sign-ins, tickets, browser reports, agents' tool calls and the Git hosts notebooks
  // clone from, by URL, endpoint or ARN.
  "alicloud:sls/alert:Alert": sends(
    logFix,
    endpoint("configuration.sinkEventStore.endpoint", "writes alert events to"),
  ),
  "alicloud:eventbridge/apiDestination:ApiDestination": sends(
    pushFix,
    url("httpApiParameters.endpoint", "sends events to"),
  ),
  "alicloud:aligreen/callback:Callback": sends(
    pushFix,
    url("callbackUrl", "sends moderation results to"),
  ),
  // A global endpoint routes its events to the secondary Region when the primary fails its health
  // check, and replicates every event there while replication is on.
  "aws:cloudwatch/eventEndpoint:EventEndpoint": sends(
    "Name a secondary Region inside the jurisdiction, or use a regional event bus.",
    push.region(
      "routingConfig.failoverConfig.secondary.route",
      "fails over and replicates events to",
    ),
  ),
  "aws:cloudwatch/eventApiDestination:EventApiDestination": sends(
    pushFix,
    url("invocationEndpoint", "sends events to"),
  ),
  "aws:pinpoint/app:App": sends(pushFix, url("campaignHook.webUrl", "sends campaign data to")),
  "aws:emrserverless/application:Application": sends(
    "Deliver job logs only to a bucket of this program in a region inside the jurisdiction, and metrics only to a service inside it (by regional endpoint) or an allowlisted address; an external host cannot be placed.",
    bucket("monitoringConfiguration.s3MonitoringConfiguration.logUri", "delivers job logs to"),
    url(
      "monitoringConfiguration.prometheusMonitoringConfiguration.remoteWriteUrl",
      "writes job metrics to",
    ),
  ),
  // Alerts name the account's spend; a mailbox is a destination outside the cloud.
  "aws:budgets/budget:Budget": sends(
    "Notify through an SNS topic inside the jurisdiction (subscriberSnsTopicArns); a mailbox cannot be placed.",
    url("notifications[].subscriberEmailAddresses[]", "e-mails budget alerts to"),
  ),
  // A pipe's ECS tasks with a public IP each are a way to the internet (internet-egress); an
  // event bus reached through a global endpoint also gets the events in the endpoint's secondary
  // Region, which the pipe does not name.
  "aws:pipes/pipe:Pipe": withPolicyFields(
    sends(
      "Deliver events and logs only to targets and buckets of this account inside the jurisdiction, by ARN, and to an event bus directly rather than through a global endpoint (endpointId); read only from Kafka brokers at allowlisted addresses.",
      arn("target", "delivers events to"),
      // An API destination POSTs the events to its URL: the program's own is judged on it.
      push.ref("target", "delivers events to", {
        ref: "api-destination",
        where: apiDestinationArn("target"),
        fix: apiDestinationFix,
      }),
      push.account("target", "delivers events to a target of", { ofArn: true }),
      push.flag(
        "targetParameters.eventbridgeEventBusParameters.endpointId",
        "delivers events through",
        {
          farSide:
            "an EventBridge global endpoint, which fails over (and by default replicates) them to a secondary Region the pipe does not name",
        },
      ),
      url(
        "sourceParameters.selfManagedKafkaParameters.additionalBootstrapServers[]",
        "reads events from",
        {
          inbound: true,
        },
      ),
      bucket("logConfiguration.s3LogDestination.bucketName", "delivers pipe logs to"),
      account("logConfiguration.s3LogDestination.bucketOwner", "delivers pipe logs to"),
    ),
    "internet-egress",
    pipeTaskFix,
    pipeTaskInternet,
  ),
  "aws:lex/intent:Intent": sends(
    pushFix,
    arn("dialogCodeHook.uri", "sends each conversation turn to"),
    arn("fulfillmentActivity.codeHook.uri", "sends the fulfilled intent to"),
  ),
  "aws:mailmanager/relay:Relay": sends(pushFix, url("serverName", "relays email to")),
  // Incident and notification contacts: a mailbox, phone or pager cannot be placed, so no contact
  // of these types passes; the fix is to notify through in-jurisdiction channels instead.
  "aws:ssmcontacts/contactChannel:ContactChannel": sends(
    pushFix,
    url("deliveryAddress.simpleAddress", "sends incident engagements to"),
  ),
  "aws:ssoadmin/application:Application": sends(
    pushFix,
    url("portalOptions.signInOptions.applicationUrl", "signs users in, with their identity, to"),
  ),
  // Jira Cloud is Atlassian's service: findings become tickets outside the cloud.
  "aws:securityhub/connectorV2:ConnectorV2": sends(
    pushFix,
    url("connectorProvider.jiraCloud.domain", "sends findings as tickets to"),
    url("connectorProvider.jiraCloud.authUrl", "authorises the ticket connector at"),
  ),
  "aws:shield/proactiveEngagement:ProactiveEngagement": sends(
    pushFix,
    url("emergencyContacts[].emailAddress", "has the Shield Response Team send attack details to"),
    calls("emergencyContacts[].phoneNumber", "has the Shield Response Team call about attacks"),
  ),
  // Git repositories notebooks clone from and push to: a host outside the cloud cannot be placed.
  // An ActiveMQ broker configuration forwards messages to the brokers its network connectors name
  // (a network of brokers, across regions where they are).
  "aws:mq/configuration:Configuration": sends(
    "Connect brokers only to brokers in regions inside the jurisdiction, at private or allowlisted addresses, or at hosts the stack places by name (egressHosts).",
    judged("data sync", "data", mqNetworkConnectors, ["data"]),
  ),
  // A PAI code source: the Git repository its DSW instances and training jobs clone, and push
  // their changes to, with the access token it holds.
  "alicloud:pai/workspaceCodeSource:WorkspaceCodeSource": sends(
    "Use Git repositories hosted inside the jurisdiction, at a private or allowlisted address or a host the stack places by name (egressHosts).",
    codeRepository.url("codeRepo", "clones and pushes code with"),
  ),
  "aws:sagemaker/codeRepository:CodeRepository": sends(
    repoFix,
    codeRepository.url("gitConfig.repositoryUrl", "clones and pushes notebook code with"),
  ),
  "aws:sagemaker/space:Space": sends(
    repoFix,
    codeRepository.url(
      "spaceSettings.jupyterServerAppSettings.codeRepositories[].repositoryUrl",
      "clones and pushes notebook code with",
    ),
    codeRepository.url(
      "spaceSettings.jupyterLabAppSettings.codeRepositories[].repositoryUrl",
      "clones and pushes notebook code with",
    ),
  ),
  "aws:sagemaker/userProfile:UserProfile": sends(
    studioFix,
    ...studioBuckets("userSettings"),
    codeRepository.url(
      "userSettings.jupyterServerAppSettings.codeRepositories[].repositoryUrl",
      "clones and pushes notebook code with",
    ),
    codeRepository.url(
      "userSettings.jupyterLabAppSettings.codeRepositories[].repositoryUrl",
      "clones and pushes notebook code with",
    ),
  ),
  "aws:sagemaker/domain:Domain": withPolicyFields(
    sends(
      studioFix,
      ...studioBuckets("defaultUserSettings"),
      codeRepository.url(
        "defaultUserSettings.jupyterServerAppSettings.codeRepositories[].repositoryUrl",
        "clones and pushes notebook code with",
      ),
      codeRepository.url(
        "defaultUserSettings.jupyterLabAppSettings.codeRepositories[].repositoryUrl",
        "clones and pushes notebook code with",
      ),
      codeRepository.url(
        "defaultSpaceSettings.jupyterServerAppSettings.codeRepositories[].repositoryUrl",
        "clones and pushes notebook code with",
      ),
      codeRepository.url(
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
    ),
    "internet-egress",
    studioInternetFix,
    studioInternet,
  ),
  "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy": sends(
    "Collect reports at a regional endpoint of this program inside the jurisdiction; an external collector cannot be placed.",
    url(
      "securityHeadersConfig.xssProtection.reportUri",
      "has visitors' browsers report blocked pages to",
    ),
  ),
  // The tool schemas the target reads (S3 URIs) describe the tools; agents' data goes to the
  // endpoints the tools call. An OpenAPI target calls the servers its schema names
  // (`servers[].url`): read from an inline schema; one kept in S3 names servers the pack cannot
  // read, and fails closed.
  "aws:bedrock/agentcoreGatewayTarget:AgentcoreGatewayTarget": sends(
    `${pushFix} An OpenAPI target's servers are read from its inline schema (inlinePayload), not from one kept in S3.`,
    url("targetConfiguration.http.passthrough.endpoint", "sends agents' tool calls to"),
    url("targetConfiguration.mcp.mcpServer.endpoint", "sends agents' tool calls to"),
    url("targetConfiguration.inference.provider.endpoint", "sends agents' model requests to"),
    url(
      "targetConfiguration.mcp.openApiSchema.inlinePayload.payload.servers[].url",
      "sends agents' tool calls to",
    ),
    push.flag("targetConfiguration.mcp.openApiSchema.s3.uri", "sends agents' tool calls to", {
      opensWhenSet: true,
      farSide: "the servers of an OpenAPI schema kept in S3 (cannot be placed)",
    }),
  ),
  // The harness's model: Bedrock's in the region, or another provider's API the prompts and tool
  // results go to — a LiteLLM endpoint (apiBase, else the provider LiteLLM routes to), OpenAI's
  // or Google's Gemini API, all outside the cloud.
  "aws:bedrock/agentcoreHarness:AgentcoreHarness": sends(
    `${pushFix} Serve the agent's model from Bedrock (bedrockModelConfig) in a region inside the jurisdiction.`,
    url("tools[].config.remoteMcp.url", "sends agents' tool calls to"),
    url("model.litellmModelConfig.apiBase", "sends agents' model requests to"),
    push.flag("model.litellmModelConfig", "sends agents' model requests to", {
      opensWhenSet: true,
      where: (holder) => valueAt(holder, "litellmModelConfig.apiBase") === undefined,
      farSide: "the model provider LiteLLM routes to (outside the cloud)",
    }),
    push.flag("model.openaiModelConfig", "sends agents' model requests to", {
      opensWhenSet: true,
      farSide: "OpenAI's API (outside the cloud)",
    }),
    push.flag("model.geminiModelConfig", "sends agents' model requests to", {
      opensWhenSet: true,
      farSide: "Google's Gemini API (outside the cloud)",
    }),
  ),

  // SaaS applications and third parties: where data leaves the cloud for another provider's
  // service (a CRM, a warehouse, a chat workspace, a file drive, a registry, a partner).
  "aws:codegurureviewer/repositoryAssociation:RepositoryAssociation": sends(
    "Review code held in buckets of this program inside the jurisdiction, or in a GitHub Enterprise Server whose connection host is judged.",
    bucket("repository.s3Bucket.bucketName", "reviews code from", inbound),
    push.flag("repository.bitbucket.name", "reviews code of, and posts its findings to,", {
      farSide: "a Bitbucket Cloud repository (outside the cloud)",
    }),
  ),
  "aws:appflow/flow:Flow": sends(
    "Transfer only between buckets, warehouses and services of this program inside the jurisdiction; a SaaS application cannot be placed.",
    bucket(
      "sourceFlowConfig.sourceConnectorProperties.s3.bucketName",
      "transfers records from",
      inbound,
    ),
    ...["s3", "upsolver"].map((c) => bucket(`${flowTo}.${c}.bucketName`, "transfers records to")),
    ...["redshift", "snowflake"].map((c) =>
      bucket(`${flowTo}.${c}.intermediateBucketName`, "stages records in"),
    ),
    bucket(
      `${flowTo}.sapoData.successResponseHandlingConfig.bucketName`,
      "writes the SAP responses to",
    ),
    ...[
      "customConnector",
      "eventBridge",
      "honeycode",
      "marketo",
      "redshift",
      "salesforce",
      "sapoData",
      "snowflake",
      "zendesk",
    ].map((c) =>
      bucket(
        `${flowTo}.${c}.errorHandlingConfig.bucketName`,
        "writes records that failed to transfer to",
      ),
    ),
    // SaaS applications are reached through the flow's connector profile, whose host is judged
    // there; the flow itself sends the records out of the cloud.
    push.flag("destinationFlowConfigs[].connectorType", "transfers records to", {
      values: ["salesforce", "marketo", "zendesk", "sapodata", "snowflake", "customconnector"],
      normalize: "token",
      farSide: "a SaaS application outside the cloud",
    }),
  ),
  // An Amazon Connect data integration pulls records on its schedule from a bucket (`s3://…`)
  // or from a SaaS application through an AppFlow connector profile of the account
  // (`Salesforce://AppFlow/<profile>`), whose host is judged where the profile is declared.
  "aws:appintegrations/dataIntegration:DataIntegration": sends(
    "Pull records only from buckets of this program in regions inside the jurisdiction, or through connector profiles whose hosts are judged.",
    bucket("sourceUri", "pulls records from", { ...inbound, when: s3Location("sourceUri") }),
  ),
  // An event source that pulls messages from a RocketMQ broker: an ApsaraMQ instance's endpoint
  // lies in its region; a self-built broker's address is inside only on a private network of the
  // stack or the egress allowlist (its regionId, when named, is placed by arn-locality).
  "alicloud:eventbridge/eventSourceV2:EventSourceV2": sends(
    "Pull messages only from ApsaraMQ instances in regions inside the jurisdiction, or from brokers at private or allowlisted addresses.",
    url(
      "sourceRocketmqParameters.instanceEndpoint",
      "pulls messages from the RocketMQ broker at",
      inbound,
    ),
  ),
  "aws:appflow/connectorProfile:ConnectorProfile": sends(
    "Connect only to warehouses and buckets inside the jurisdiction, naming a Snowflake account's region (snowflake.region); a SaaS application cannot be placed.",
    ...[
      "datadog.instanceUrl",
      "dynatrace.instanceUrl",
      "inforNexus.instanceUrl",
      "marketo.instanceUrl",
      "salesforce.instanceUrl",
      "sapoData.applicationHostUrl",
      "serviceNow.instanceUrl",
      "slack.instanceUrl",
      "veeva.instanceUrl",
      "zendesk.instanceUrl",
    ].map((p) => url(`${profile}.${p}`, "exchanges records with")),
    url(
      `${profile}.customConnector.oauth2Properties.tokenUrl`,
      "exchanges records with the application behind",
    ),
    url(`${profile}.redshift.databaseUrl`, "exchanges records with"),
    ...["redshift", "snowflake"].map((c) =>
      bucket(`${profile}.${c}.bucketName`, "stages records in"),
    ),
    push.region(`${profile}.snowflake.region`, "exchanges records with the Snowflake account in"),
    judged(
      "data sync",
      `${profile}.snowflake.accountName`,
      snowflakeAccount(`${profile}.snowflake`),
    ),
  ),
  // A partner integration lets the partner's own service (a SaaS outside the cloud) connect to
  // the cluster and load data: no partner passes.
  "aws:redshift/partner:Partner": sends(
    "Load data with services inside the jurisdiction instead of a partner integration.",
    push.flag("partnerName", "lets the partner load data into the cluster from", {
      ...inbound,
      farSide: "the partner's service, which cannot be placed",
    }),
    account("accountId", "authorizes a partner for a cluster of"),
  ),
  // Chatbot posts the notifications of its SNS topics (alarms, events, the resources they name)
  // into a Microsoft Teams channel: Microsoft 365, outside the cloud. The type has no shape that
  // stays inside, so it always fails.
  "aws:chatbot/teamsChannelConfiguration:TeamsChannelConfiguration": sends(
    chatFix,
    push.flag("tenantId", "posts the topics' notifications to", {
      farSide: "a Microsoft Teams tenant (outside the cloud)",
      required: true,
    }),
  ),
  // The same for a Slack workspace: Slack's own service, outside the cloud.
  "aws:chatbot/slackChannelConfiguration:SlackChannelConfiguration": sends(
    chatFix,
    push.flag("slackTeamId", "posts the topics' notifications to", {
      farSide: "a Slack workspace (outside the cloud)",
      required: true,
    }),
  ),
  "aws:appstream/stack:Stack": sends(
    "Offer only home folders (HOMEFOLDERS, kept in S3 in the stack's region) as storage.",
    push.flag("storageConnectors[].connectorType", "lets users save files to", {
      values: ["google_drive", "one_drive"],
      normalize: "token",
      farSide: "Google Drive or OneDrive accounts (outside the cloud)",
    }),
  ),
  // Oracle Database@AWS sends these contacts to Oracle Cloud Infrastructure for its maintenance
  // notices; the OCI region that holds them is not an input.
  "aws:odb/cloudExadataInfrastructure:CloudExadataInfrastructure": sends(
    "Leave customerContactsToSendToOcis empty, or waive the finding once the OCI region is known to be inside the jurisdiction.",
    push.flag("customerContactsToSendToOcis[].email", "sends the customer contacts to", {
      farSide: "Oracle Cloud Infrastructure (a region that cannot be placed)",
    }),
  ),
  // A registered domain's contacts (people's names, addresses, e-mails, phones) go to the TLD
  // registry and into public WHOIS unless contact privacy hides them; privacy is on by default.
  ...Object.fromEntries(
    [
      "aws:route53domains/domain:Domain",
      "aws:route53domains/registeredDomain:RegisteredDomain",
    ].map((type) => [
      type,
      sends(
        "Leave contact privacy on (registrantPrivacy, adminPrivacy, techPrivacy and billingPrivacy true).",
        ...(["registrant", "admin", "tech", "billing"] as const).map((role) =>
          push.flag(
            `${role}Privacy`,
            `publishes the ${role} contact (name, address, e-mail, phone) to`,
            { values: [false], farSide: "the TLD registry and public WHOIS", global: true },
          ),
        ),
      ),
    ]),
  ),

  // Events and alarms: each call carries the alert or message (metric values, resource names,
  // log lines) to the host the URL names. CloudMonitor alarm targets (MNS queues, functions, SLS
  // stores) are ARNs, placed by their region.
  "alicloud:cms/eventRule:EventRule": sends(
    externalFix,
    ...["slsParameters", "fcParameters", "mnsParameters"].map((p) =>
      push.region(`${p}[].region`, "sends events to"),
    ),
    url("webhookParameters[].url", "sends events to"),
  ),
  ...Object.fromEntries(
    (
      [
        [
          "alicloud:cms/alarm:Alarm",
          [
            url("webhook", "sends alarms to"),
            ...acsDelivery(push, "targets[].arn", "sends alarms to"),
          ],
        ],
        [
          "alicloud:cms/alarmContact:AlarmContact",
          [
            url("channelsDingWebHook", "sends the alarms of its groups to"),
            url("channelsMail", "sends the alarms of its groups to"),
            texts("channelsSms", "texts the alarms of its groups to"),
          ],
        ],
        ["alicloud:cms/groupMetricRule:GroupMetricRule", [url("webhook", "sends alarms to")]],
        [
          "alicloud:cms/metricRuleTemplate:MetricRuleTemplate",
          [url("webhook", "sends alarms to"), url("alertTemplates[].webhook", "sends alarms to")],
        ],
        [
          "alicloud:cloudmonitor/serviceMetricAlarmRule:ServiceMetricAlarmRule",
          [
            url("webhook", "sends alarms to"),
            ...acsDelivery(push, "targets[].arn", "sends alarms to"),
          ],
        ],
        [
          "alicloud:cloudmonitor/serviceGroupMonitoringAgentProcess:ServiceGroupMonitoringAgentProcess",
          [url("alertConfigs[].webhook", "sends alarms to")],
        ],
        ["alicloud:quotas/quotaAlarm:QuotaAlarm", [url("webHook", "sends quota alarms to")]],
        [
          "alicloud:log/alert:Alert",
          [
            url("notificationLists[].serviceUri", "sends log alerts to"),
            url("notificationLists[].emailLists[]", "sends log alerts to"),
            texts("notificationLists[].mobileLists[]", "texts log alerts to"),
          ],
        ],
        [
          "alicloud:arms/alertContact:AlertContact",
          [
            url("dingRobotWebhookUrl", "sends alerts to"),
            url("email", "sends alerts to"),
            texts("phoneNum", "texts alerts to"),
          ],
        ],
        // A DTS task's delay and failure alarms, texted to its contacts.
        [
          "alicloud:dts/jobMonitorRule:JobMonitorRule",
          [texts("phone", "texts the job's alarms to")],
        ],
        // A DingTalk, WeCom or Lark group robot, or any webhook, that ARMS posts alerts to.
        ["alicloud:arms/alertRobot:AlertRobot", [url("robotAddr", "sends alerts to")]],
        [
          "alicloud:videosurveillance/systemGroup:SystemGroup",
          [url("callback", "sends its devices' status updates to")],
        ],
        [
          "alicloud:sslcertificatesservice/contact:Contact",
          [
            url("webhookLists[]", "sends certificate notices to"),
            url("email", "sends certificate notices to"),
            texts("mobile", "texts certificate notices to"),
          ],
        ],
        [
          "alicloud:index/mscSubWebhook:MscSubWebhook",
          [url("serverUrl", "sends notifications to")],
        ],
        // Custom alarm contacts, as JSON: each contact's DingTalk robot webhook (`ding`).
        [
          "alicloud:schedulerx/appGroup:AppGroup",
          [url("monitorContactsJson[].ding", "sends job alarms to")],
        ],
        // The firewall's alarm contacts (a mailbox, a phone), and the notices each of its
        // notifyConfigs sends by mail or text, as its notifyType says.
        [
          "alicloud:cloudfirewall/userAlarmConfig:UserAlarmConfig",
          [
            url("contactConfigs[].email", "sends firewall alarms to"),
            texts("contactConfigs[].mobilePhone", "texts firewall alarms to"),
            onceKnown(
              judged(
                "data sync",
                "notifyConfigs[].notifyValue",
                notices("notifyConfigs[]", "notifyType", "notifyValue", "sends firewall alarms to"),
              ),
            ),
          ],
        ],
        // A job's own alarm contacts: a DingTalk robot, a mailbox, a phone.
        [
          "alicloud:schedulerx/job:Job",
          [
            url("jobMonitorInfo.contactInfos[].ding", "sends job alarms to"),
            url("jobMonitorInfo.contactInfos[].userMail", "sends job alarms to"),
            texts("jobMonitorInfo.contactInfos[].userPhone", "texts job alarms to"),
          ],
        ],
      ] as const
    ).map(([type, fields]) => [type, sends(alarmFix, ...fields)]),
  ),
  // A CloudMonitor event notification policy posts incidents to the chat robots and webhooks its
  // channels name by UUID (DingTalk, WeCom, Lark, Slack, Teams): hosts outside the cloud that no
  // resource of the program shows. Contacts, groups and on-duty schedules are judged where they
  // are declared.
  "alicloud:cms/eventNotifyPolicy:EventNotifyPolicy": sends(
    alarmFix,
    push.flag("notifyStrategy.routes[].channels[].channelType", "posts event notifications to", {
      values: ["ding", "weixin", "feishu", "slack", "teams", "ding_cool_app"],
      normalize: "token",
      farSide:
        "the chat robots or webhooks its receivers name on channel {value} (outside the cloud)",
    }),
  ),
  // A notification contact's mailbox cannot be placed either.
  "aws:notifications/contactsEmailContact:ContactsEmailContact": sends(
    pushFix,
    url("emailAddress", "sends notifications to"),
  ),
  // The alert manager of a Managed Service for Prometheus workspace, in YAML whose
  // `alertmanager_config` is a YAML text of its own: each SNS receiver publishes the alerts (the
  // series' labels and values) to its topic, signing the calls for `sigv4.region`. A topic of
  // another region, or of another account, gets them there.
  "aws:amp/alertManagerDefinition:AlertManagerDefinition": sends(
    "Send alerts only to SNS topics of this account in regions inside the jurisdiction, with sigv4.region the topic's region.",
    arn(`${snsReceivers}.topic_arn`, "publishes alerts to"),
    push.account(`${snsReceivers}.topic_arn`, "publishes alerts to a topic of"),
    push.region(`${snsReceivers}.sigv4.region`, "publishes alerts through SNS in"),
  ),

  // Sources services read from: training documents, dashboards' databases, pulled media,
  // imported objects, indexed documents and crawled sites, and repository hosts.
  "aws:comprehend/entityRecognizer:EntityRecognizer": sends(
    exportFix,
    ...[
      ["documents.s3Uri", "trains on documents from"],
      ["documents.testS3Uri", "tests on documents from"],
      ["annotations.s3Uri", "trains on annotations from"],
      ["annotations.testS3Uri", "tests on annotations from"],
      ["entityList.s3Uri", "trains on entity lists from"],
      ["augmentedManifests[].s3Uri", "trains on documents from"],
      ["augmentedManifests[].annotationDataS3Uri", "trains on annotations from"],
      ["augmentedManifests[].sourceDocumentsS3Uri", "trains on source documents from"],
    ].map(([p, verb]) => bucket(`inputDataConfig.${p}`, verb, inbound)),
  ),
  "aws:quicksight/dataSource:DataSource": sends(
    "Connect QuickSight only to data sources in regions inside the jurisdiction, and to manifests in buckets of this program there; a host that is no cloud endpoint of such a region, or a bucket the program does not create, cannot be placed.",
    ...[
      "aurora.host",
      "auroraPostgresql.host",
      "mariaDb.host",
      "mysql.host",
      "oracle.host",
      "postgresql.host",
      "redshift.host",
      "sqlServer.host",
      "presto.host",
      "spark.host",
      "snowflake.host",
      "teradata.host",
      "databricks.host",
      "jira.siteBaseUrl",
      "serviceNow.siteBaseUrl",
    ].map((p) => endpoint(`parameters.${p}`, "reads data from", inbound)),
    bucket(
      "parameters.s3.manifestFileLocation.bucket",
      "reads the manifest and data files from",
      inbound,
    ),
  ),
  // A pull input (URL_PULL, RTMP_PULL, MP4_FILE, TS_FILE) fetches its media from each source.
  // An input pulls its media from a URL, or a file from a bucket (`s3ssl://…`), which lies where
  // the program creates it (found by the media bench: a bucket of the program failed closed).
  "aws:medialive/input:Input": sends(
    pushFix,
    ...mediaLiveUrl("sources[].url", "pulls media from", inbound),
  ),
  // Data Exchange copies the objects of the source bucket into the revision, in its region.
  "aws:dataexchange/revisionAssets:RevisionAssets": withExposure(
    sends(
      "Import only from buckets of this program in regions inside the jurisdiction.",
      bucket("assets[].importAssetsFromS3.assetSource.bucket", "imports objects from", inbound),
    ),
    "Publish copies of the data (importAssetsFromS3) only to subscribers reviewed inside the jurisdiction, or waive the finding for a product sold only there.",
    ...s3DataAccess,
  ),
  "aws:kendra/dataSource:DataSource": sends(
    "Index only buckets of this program inside the jurisdiction; a web source cannot be placed.",
    bucket("configuration.s3Configuration.bucketName", "indexes documents from", inbound),
    url(
      "configuration.webCrawlerConfiguration.urls.seedUrlConfiguration.seedUrls[]",
      "crawls documents from",
      inbound,
    ),
    url(
      "configuration.webCrawlerConfiguration.urls.siteMapsConfiguration.siteMaps[]",
      "crawls the documents its sitemap lists from",
      inbound,
    ),
    url("configuration.webCrawlerConfiguration.proxyConfiguration.host", "crawls the web through"),
    // A connector template (the way the provider now declares sources, JSON): an S3 template
    // names its bucket; every other connector (a web crawler, SharePoint, Confluence, Jira,
    // Salesforce, GitHub, …) reads a source outside the cloud.
    bucket(
      `${kendraTemplate}.connectionConfiguration.repositoryEndpointMetadata.BucketName`,
      "indexes documents from",
      inbound,
    ),
    push.flag(`${kendraTemplate}.type`, "indexes documents from", {
      opensWhenSet: true,
      where: (_, at) => {
        const type = known(() => valueAt(at.props, at.path));
        return isUnknown(type) || String(type).toUpperCase() !== "S3";
      },
      farSide: "the {value} source its connector template names (outside the cloud)",
      ...inbound,
    }),
    ...["pre", "post"].map((stage) =>
      bucket(
        `customDocumentEnrichmentConfiguration.${stage}ExtractionHookConfiguration.s3Bucket`,
        "stages documents for enrichment in",
      ),
    ),
  ),
  ...Object.fromEntries(
    ["aws:codeconnections/host:Host", "aws:codestarconnections/host:Host"].map((type) => [
      type,
      sends(
        "Host repositories on a server on an allowlisted address, or in CodeCommit inside the jurisdiction.",
        codeRepository.url(
          "providerEndpoint",
          "connects pipelines and builds to the repository host at",
        ),
      ),
    ]),
  ),

  // API integrations, event sources, catalogues and knowledge bases: where a request, a record or
  // a document goes, when the kind of target (an HTTP backend, an ARN, an S3 location) says so.
  "aws:apigateway/integration:Integration": sends(
    pushFix,
    url("uri", "sends API requests to", { when: internetHttp("type", ["HTTP", "HTTP_PROXY"]) }),
    // A function or service by ARN (AWS, AWS_PROXY); one only a lookup knows fails closed.
    arn("uri", "sends API requests to", {
      when: knownAt("uri", integrationOf("type"), { knownWhen: arnTarget("uri") }),
    }),
  ),
  "aws:apigatewayv2/integration:Integration": sends(
    pushFix,
    url("integrationUri", "sends API requests to", {
      when: internetHttp("integrationType", ["HTTP", "HTTP_PROXY"]),
    }),
    arn("integrationUri", "sends API requests to", {
      when: knownAt("integrationUri", integrationOf("integrationType"), {
        knownWhen: arnTarget("integrationUri"),
      }),
    }),
  ),
  "aws:appsync/dataSource:DataSource": sends(
    pushFix,
    url("httpConfig.endpoint", "resolves queries with data sent to"),
    endpoint("elasticsearchConfig.endpoint", "writes and queries documents at", {
      when: knownAt("elasticsearchConfig.endpoint"),
    }),
    endpoint("opensearchserviceConfig.endpoint", "writes and queries documents at", {
      when: knownAt("opensearchserviceConfig.endpoint"),
    }),
  ),
  "aws:iot/topicRule:TopicRule": sends(
    "Send device messages only to services inside the jurisdiction (by regional endpoint or ARN, to buckets of this program in regions inside) or to an allowlisted address; an external host cannot be placed.",
    url("https[].url", "sends device messages to"),
    url("errorAction.http.url", "sends failed device messages to"),
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
    judged("data sync", "sql", sqlCalls),
    // Through a VPC destination the Kafka action reaches any broker the VPC routes to (a NAT
    // gateway takes it to the internet): a private address is the network's, an MSK endpoint is
    // placed by its region, any other host cannot be placed.
    url(
      "kafkas[].clientProperties.bootstrap\\.servers",
      "streams device messages to the Kafka brokers at",
    ),
    url(
      "errorAction.kafka.clientProperties.bootstrap\\.servers",
      "streams failed device messages to the Kafka brokers at",
    ),
  ),
  "aws:customerprofiles/domain:Domain": sends(
    exportFix,
    endpoint("deadLetterQueueUrl", "queues failed profile events in", {
      when: knownAt("deadLetterQueueUrl"),
    }),
    bucket("matching.exportingConfig.s3Exporting.s3BucketName", "exports profile matches to"),
    bucket(
      "ruleBasedMatching.exportingConfig.s3Exporting.s3BucketName",
      "exports profile matches to",
    ),
  ),
  // Quick create: `target` is the integration of the API's catch-all route, a function ARN or
  // the URL of an HTTP backend.
  // The route quick create makes has no authorization: anyone on the internet calls the target.
  "aws:apigatewayv2/api:Api": {
    role: "other",
    fields: [
      ...urlOrArn("target", "sends API requests to"),
      ...openApiIntegrations("body"),
      exposed(
        "routeKey",
        "always",
        "quick create makes the route with no authorization: anyone on the internet can call the API's target",
        { when: (p) => p.routeKey !== undefined && p.routeKey !== null },
      ),
    ],
    fix: {
      "log-shipping": pushFix,
      "public-exposure":
        'Create the route as an apigatewayv2 Route with authorizationType "AWS_IAM", "JWT" or "CUSTOM" instead of quick create (routeKey and target).',
    },
  },
  // A build outside the stack's VPC reaches the internet (internet-egress).
  // A public build project (projectVisibility PUBLIC_READ) shows its builds' results, logs and
  // artifacts to anyone on the internet.
  // A pipeline action run by a provider outside AWS (ThirdParty: a GitHub source of the first
  // version, a partner's build, test or deploy service) exchanges the pipeline's artifacts with
  // it; a Custom action's job workers run wherever the account runs them. Neither is placed.
  // An action run by a role of another account hands that account the action's input artifacts
  // (its role reads them): a grant cross-account-links advises on (found by the pipelines bench).
  "aws:codepipeline/pipeline:Pipeline": withPrincipals(
    sends(
      "Run every action on an AWS provider (CodeCommit, CodeBuild, CodeDeploy, S3) in a region inside the jurisdiction.",
      remoteSite.flag("stages[].actions[].owner", "exchanges the pipeline's artifacts with", {
        values: ["ThirdParty"],
        farSide: "an action provider outside AWS",
      }),
      remoteSite.flag("stages[].actions[].owner", "exchanges the pipeline's artifacts with", {
        values: ["Custom"],
        farSide: "job workers of a custom action, which run wherever the account runs them",
      }),
      // A source through a code connection (AWS's own action) clones the repository from the
      // connection's host — GitHub, Bitbucket or GitLab on the internet, or a self-managed server
      // the pack cannot place from here: found by the pipelines bench.
      codeRepository.flag("stages[].actions[].provider", "fetches the source to build from", {
        ...inbound,
        values: ["CodeStarSourceConnection"],
        farSide:
          "the repository host a code connection reaches (GitHub, Bitbucket, GitLab or a self-managed server), which cannot be placed",
      }),
    ),
    "stages[].actions[].roleArn",
  ),
  "aws:codebuild/project:Project": withExposure(
    withPolicyFields(
      sends(
        "Build from sources and write to buckets inside the jurisdiction (CodeCommit, S3 buckets of this program); a repository host on the internet cannot be placed.",
        codeRepository.url("source.location", "fetches the source to build from", {
          inbound: true,
          when: sourceOn("source.type", externalSources),
        }),
        // The program's own repository (its clone URL not known before deployment) lies where
        // it is created.
        codeRepository.endpoint("source.location", "fetches the source to build from", {
          inbound: true,
          when: sourceOn("source.type", ["CODECOMMIT"]),
          ref: "codecommit-repository",
          namedWhenUnknown: true,
        }),
        codeRepository.ref("source.location", "fetches the source to build from", {
          ...s3,
          inbound: true,
          when: sourceOn("source.type", ["S3"]),
        }),
        // Each secondary source is fetched as the primary one is, by its own type.
        codeRepository.url("secondarySources[].location", "fetches a source to build from", {
          inbound: true,
          where: kindIs("type", (t) => externalSources.includes(t.toUpperCase())),
        }),
        codeRepository.endpoint("secondarySources[].location", "fetches a source to build from", {
          inbound: true,
          where: kindIs("type", (t) => t.toUpperCase() === "CODECOMMIT"),
          ref: "codecommit-repository",
          namedWhenUnknown: true,
        }),
        codeRepository.ref("secondarySources[].location", "fetches a source to build from", {
          ...s3,
          inbound: true,
          where: kindIs("type", (t) => t.toUpperCase() === "S3"),
        }),
        // The build reads and writes the EFS file systems it mounts (`<dns-name>:/directory`), placed
        // by the region in the name; one not known at preview is a file system of the program.
        endpoint("fileSystemLocations[].location", "mounts a file system at", {
          when: knownAt("fileSystemLocations[].location"),
        }),
        bucket("artifacts.location", "writes build artifacts to", {
          when: sourceOn("artifacts.type", ["S3"]),
        }),
        bucket("secondaryArtifacts[].location", "writes build artifacts to"),
        bucket("cache.location", "caches build files in", { when: sourceOn("cache.type", ["S3"]) }),
        bucket("logsConfig.s3Logs.location", "delivers build logs to"),
      ),
      "internet-egress",
      buildFix,
      buildInternet,
    ),
    'Set projectVisibility to "PRIVATE".',
    exposed(
      "projectVisibility",
      { values: ["public_read"] },
      "anyone on the internet can read the builds' results, logs and artifacts",
    ),
  ),
  // A replicator copies the topics its replication names (`.*`: every one), with their consumer
  // groups' offsets, from the source cluster into the target: a cluster abroad is a copy out of
  // (or in from) the jurisdiction. The clusters it joins (`kafkaClusters`) are those two, judged
  // by the replication's ARNs; without them, by their own.
  "aws:msk/replicator:Replicator": sends(
    pushFix,
    push.arn(
      "replicationInfoList.targetKafkaClusterArn",
      "replicates topics, with their consumer groups' offsets, into the cluster",
    ),
    push.arn("replicationInfoList.sourceKafkaClusterArn", "replicates topics from the cluster", {
      inbound: true,
    }),
    push.arn(
      "kafkaClusters[].amazonMskCluster.mskClusterArn",
      "replicates topics with the cluster",
      {
        when: (p) => valuesAt(p, "replicationInfoList").length === 0,
      },
    ),
    // A target cluster of another account in a region inside: its holder can send every topic
    // anywhere.
    push.account(
      "replicationInfoList.targetKafkaClusterArn",
      "replicates every topic into a cluster of",
      ownAccountDelivery,
    ),
    endpoint("kafkaClusters[].apacheKafkaCluster.bootstrapBrokerString", "replicates topics with", {
      when: knownAt("kafkaClusters[].apacheKafkaCluster.bootstrapBrokerString"),
    }),
    bucket("logDelivery.replicatorLogDelivery.s3.bucket", "delivers replicator logs to"),
  ),
  // It reads: the fix speaks of where it reads from, not where it sends.
  "aws:lambda/eventSourceMapping:EventSourceMapping": sends(
    "Read only from brokers and schema registries inside the jurisdiction (by regional endpoint or ARN) or at an allowlisted address; an external host cannot be placed.",
    url("selfManagedEventSource.endpoints.KAFKA_BOOTSTRAP_SERVERS", "reads records from", {
      inbound: true,
    }),
    ...["amazonManagedKafkaEventSourceConfig", "selfManagedKafkaEventSourceConfig"].flatMap(
      (config) =>
        urlOrArn(`${config}.schemaRegistryConfig.schemaRegistryUri`, "reads record schemas from", {
          inbound: true,
        }),
    ),
  ),
  "aws:bedrock/agentKnowledgeBase:AgentKnowledgeBase": sends(
    "Keep the vector store in a service of this program inside the jurisdiction (OpenSearch, Aurora, Neptune Analytics, S3 vectors); a third-party store on the internet cannot be placed.",
    url(
      "storageConfiguration.mongoDbAtlasConfiguration.endpoint",
      "stores its documents' text chunks, with their embeddings, in",
    ),
    url(
      "storageConfiguration.redisEnterpriseCloudConfiguration.endpoint",
      "stores its documents' text chunks, with their embeddings, in",
    ),
    url(
      "storageConfiguration.pineconeConfiguration.connectionString",
      "stores its documents' text chunks, with their embeddings, in",
    ),
    endpoint(
      "storageConfiguration.opensearchManagedClusterConfiguration.domainEndpoint",
      "stores its documents' text chunks, with their embeddings, in",
      {
        when: knownAt("storageConfiguration.opensearchManagedClusterConfiguration.domainEndpoint"),
      },
    ),
    bucket(
      "knowledgeBaseConfiguration.vectorKnowledgeBaseConfiguration.supplementalDataStorageConfiguration.storageLocations[].s3Location.uri",
      "stores images extracted from its documents in",
    ),
  ),
  "aws:bedrock/agentDataSource:AgentDataSource": sends(
    "Ingest only from buckets of this program inside the jurisdiction; a SaaS or web source cannot be placed.",
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
  ),
  // An S3 location or a DynamoDB table's ARN; a JDBC table's location is a table of the
  // connection, judged there. A table's or partition's data may also lie in a Delta table's
  // further locations, the locations of its skewed values (list bucketing) and, for an Iceberg
  // table, the location it is created at: each an S3 path.
  ...Object.fromEntries(
    (
      [
        [
          "aws:glue/catalogTable:CatalogTable",
          "storageDescriptor.location",
          [...storedAlso, "openTableFormatInput.icebergInput.icebergTableInput.location"],
        ],
        ["aws:glue/partition:Partition", "storageDescriptor.location", storedAlso],
      ] as const
    ).map(([type, path, also]) => [
      type,
      sends(
        exportFix,
        bucket(path, "catalogues data stored in", { when: s3Location(path) }),
        // A DynamoDB table (what a DynamoDB crawler writes there), by ARN.
        arn(path, "catalogues data stored in", { when: arnTarget(path) }),
        ...also.map((p) => bucket(p, "catalogues data stored in")),
      ),
    ]),
  ),
  // A database's default permissions give every table created in it to the principals they
  // name, as a catalog's do: another account's reads the tables (cross-account-links).
  // A crawler reads the objects at its S3 paths (to infer their schema and partitions) into the
  // catalog of its own region. Its JDBC and MongoDB targets are paths within a connection, which
  // is judged where it is declared; a DynamoDB target is a table of the crawler's region.
  "aws:glue/crawler:Crawler": sends(
    "Crawl only buckets of this program in regions inside the jurisdiction.",
    bucket("s3Targets[].path", "crawls the data stored in", inbound),
    bucket("deltaTargets[].deltaTables[]", "crawls the Delta tables stored in", inbound),
    bucket("hudiTargets[].paths[]", "crawls the Hudi tables stored in", inbound),
    bucket("icebergTargets[].paths[]", "crawls the Iceberg tables stored in", inbound),
  ),
  "aws:glue/catalogDatabase:CatalogDatabase": withPrincipals(
    sends(
      exportFix,
      bucket("locationUri", "catalogues data stored in", { when: s3Location("locationUri") }),
    ),
    "createTableDefaultPermissions[].principal.dataLakePrincipalIdentifier",
  ),

  // Pushed messages and the hosts Alibaba Cloud services sign in to, manage through, keep data
  // in or proxy through — each judged only when the setting that selects it says so.
  // An MNS topic subscription's endpoint is a URL, a queue by ACS ARN, or by its scheme a
  // mailbox, a phone or a mobile app (log-readers.ts `mnsEndpoint`).
  "alicloud:mns/topicSubscription:TopicSubscription": sends(
    mnsFix,
    url("endpoint", "pushes messages to", {
      when: (props) =>
        textOf(props, "endpoint")?.startsWith("acs:") !== true && !mnsSchemeEndpoint(props),
    }),
    ...acsDelivery(push, "endpoint", "pushes messages to", {
      when: (props) => textOf(props, "endpoint")?.startsWith("acs:") === true,
    }),
    judged("data sync", "endpoint", mnsEndpoint),
  ),
  // A queue subscription names its queue by name (the topic's region) or by ACS ARN, which names
  // the queue's region; a mailbox, a phone or a mobile app by its push type (`messagePush`).
  "alicloud:message/serviceSubscription:ServiceSubscription": sends(
    mnsFix,
    url("endpoint", "pushes messages to", {
      when: (props) =>
        textOf(props, "pushType")?.toLowerCase() !== "queue" && !messagePushType(props),
    }),
    onceKnown(judged("data sync", "endpoint", messagePush), messagePushType),
    ...acsDelivery(push, "endpoint", "pushes messages to", {
      when: knownAt("endpoint", (props) => textOf(props, "pushType")?.toLowerCase() === "queue", {
        knownWhen: (props) =>
          textOf(props, "pushType")?.toLowerCase() === "queue" &&
          textOf(props, "endpoint")?.startsWith("acs:") === true,
      }),
    }),
  ),
  // An MNS event rule delivers to a queue or topic of the region, or pushes to an endpoint.
  "alicloud:message/serviceEventRule:ServiceEventRule": sends(
    pushFix,
    url("endpoint.endpointValue", "pushes events to", {
      when: (props) => {
        const type = valuesAt(props, "endpoint.endpointType")[0]?.value;
        return !(typeof type === "string" && ["queue", "topic"].includes(type.toLowerCase()));
      },
    }),
    // A queue or topic by name lies in the rule's region; by ACS ARN, in the region it names;
    // one not known at preview may be either.
    ...acsDelivery(push, "endpoint.endpointValue", "pushes events to", {
      when: (props) => {
        const value = known(() => valueAt(props, "endpoint.endpointValue"));
        if (!isUnknown(value)) {
          return str(value)?.startsWith("acs:") === true;
        }
        const type = str(known(() => valueAt(props, "endpoint.endpointType")));
        return type !== undefined && ["queue", "topic"].includes(type.toLowerCase());
      },
    }),
  ),
  // A hybrid HPC cluster whose user directory is LDAP signs users in against the directory of
  // the on-premises domain it names: user names and credentials go there.
  "alicloud:ehpc/cluster:Cluster": sends(
    "Use the cluster's own directory (accountType nis), or an LDAP directory inside the jurisdiction that the pack can place (a private or allowlisted address).",
    url("domain", "signs users in against the on-premises directory of", {
      when: knownAt("domain", (props) => textOf(props, "accountType")?.toLowerCase() === "ldap"),
    }),
  ),
  // A Lingjun (EFLO) resource is registered with the access key and the API endpoint of the
  // workspace that manages it: the service calls that endpoint with the key. A cloud endpoint is
  // placed by the region in its host; another host cannot be placed.
  "alicloud:eflo/resource:Resource": sends(
    addressFix,
    url("userAccessParam.endpoint", "hands its access key to and is managed through", {
      when: knownAt("userAccessParam.endpoint"),
    }),
  ),
  // A production studio pushes its output stream to side-output addresses (Alibaba Cloud CDN
  // or another vendor's RTMP ingest) and its event notifications to the callback URL. The
  // standby picture and stream (`urgent*Url`) are only fetched from, and `domainName` is the
  // account's own streaming domain.
  // The standby stream a studio pulls when its live feed drops is a live source, judged as a
  // MediaLive input's pull is (found by the media bench: one was judged, the other passed).
  "alicloud:live/caster:Caster": sends(
    pushFix,
    url("urgentLiveStreamUrl", "pulls its standby stream from", {
      ...inbound,
      when: knownAt("urgentLiveStreamUrl"),
    }),
    url("sideOutputUrl", "pushes the output stream to", { when: knownAt("sideOutputUrl") }),
    url("sideOutputUrlList", "pushes the output stream to", {
      when: knownAt("sideOutputUrlList"),
    }),
    url("callbackUrl", "sends studio events to", { when: knownAt("callbackUrl") }),
  ),
  // Model files by another URL (a public model hub) only come in, as container images do.
  "alicloud:pai/workspaceModelVersion:WorkspaceModelVersion": sends(
    addressFix,
    url("uri", "keeps the model files in", {
      when: (props) =>
        knownAt("uri")(props) && textOf(props, "uri")?.toLowerCase().startsWith("oss://") === true,
    }),
  ),
  "alicloud:pai/workspaceExperiment:WorkspaceExperiment": sends(
    addressFix,
    url("artifactUri", "writes experiment artifacts to", { when: knownAt("artifactUri") }),
  ),
  // A set proxy carries the cloud phones' network traffic.
  "alicloud:cloudphone/policy:Policy": sends(
    addressFix,
    url("netRedirectPolicy.hostAddr", "sends the cloud phones' traffic through the proxy at", {
      when: knownAt("netRedirectPolicy.hostAddr"),
    }),
  ),
  // Only the address the bastion connects through (activeAddressType) carries sessions.
  "alicloud:bastionhost/host:Host": sends(
    addressFix,
    url("hostPrivateAddress", "opens operator sessions to", {
      when: knownAt(
        "hostPrivateAddress",
        (props) => textOf(props, "activeAddressType") !== "Public",
      ),
    }),
    url("hostPublicAddress", "opens operator sessions to", {
      when: knownAt(
        "hostPublicAddress",
        (props) => textOf(props, "activeAddressType") === "Public",
      ),
    }),
  ),
  ...Object.fromEntries(
    (
      [
        ["alicloud:polardb/dynamoTable:DynamoTable", "creates the table through"],
        ["alicloud:polardb/dynamoItem:DynamoItem", "writes the item through"],
      ] as const
    ).map(([type, verb]) => [
      type,
      sends(
        "Take endpoint from the connection string of a PolarDB cluster of this program in a region inside the jurisdiction.",
        url("endpoint", verb, { when: knownAt("endpoint") }),
      ),
    ]),
  ),
  ...Object.fromEntries(
    [
      "alicloud:pai/workspaceDataset:WorkspaceDataset",
      "alicloud:pai/workspaceDatasetversion:WorkspaceDatasetversion",
    ].map((type) => [
      type,
      sends(
        addressFix,
        url("uri", "keeps the dataset in", {
          when: knownAt("uri", (props) => textOf(props, "dataSourceType")?.toUpperCase() === "OSS"),
        }),
        // A NAS or CPFS file system, named with its region: `nas://<id>.<region>/<path>`.
        onceKnown(
          judged("data sync", "uri", nasDataset),
          (props) => textOf(props, "dataSourceType")?.toUpperCase() === "NAS",
        ),
      ),
    ]),
  ),
  // The names are used only while delivery to them is on.
  "alicloud:oos/serviceSetting:ServiceSetting": sends(
    logFix,
    log.ref("deliveryOssBucketName", "delivers execution logs to", {
      ...oss,
      when: (props) => known(() => props.deliveryOssEnabled) === true,
    }),
    log.ref("deliverySlsProjectName", "delivers execution logs to", {
      ...sls,
      when: (props) => known(() => props.deliverySlsEnabled) === true,
    }),
  ),

  // Where AWS services write what they produce or record: job outputs, exports, reports,
  // recordings and service logs, to a bucket, log group or stream named by reference.
  // A state machine's Task states also send the execution's data where their parameters say:
  // HTTP endpoints, targets chosen at run time or built in the definition, mailboxes and phones
  // (a literal target's ARN or queue URL is arn-locality's, which the reading leaves it to read).
  "aws:sfn/stateMachine:StateMachine": sends(
    "Deliver execution logs only to log groups inside the jurisdiction, and send HTTP tasks only to services inside it (by regional endpoint) or to an allowlisted address; name each task's function, queue, topic or other target by its ARN or URL inside the jurisdiction, mail only mailboxes of domains egressHosts places, and text only phones of the jurisdiction. An external host, a mailbox, or an endpoint or target chosen at run time or built in the definition cannot be placed.",
    logGroup("loggingConfiguration.logDestination", "delivers execution logs to"),
    ...httpTaskEndpoints("definition"),
    onceKnown(judged("data sync", "definition", stateMachineTasks("definition"), [])),
  ),
  "aws:dynamodb/tableExport:TableExport": sends(
    exportFix,
    bucket("s3Bucket", "exports table items to"),
    account("s3BucketOwner", "exports table items to"),
  ),
  "aws:rds/exportTask:ExportTask": sends(
    exportFix,
    bucket("s3BucketName", "exports snapshot data to"),
  ),
  "aws:emrcontainers/jobTemplate:JobTemplate": sends(
    logFix,
    bucket(
      "jobTemplateData.configurationOverrides.monitoringConfiguration.s3MonitoringConfiguration.logUri",
      "delivers job logs to",
    ),
  ),
  "aws:ses/receiptRule:ReceiptRule": sends(
    exportFix,
    bucket("s3Actions[].bucketName", "stores received mail in"),
  ),
  "aws:ssm/association:Association": sends(
    logFix,
    bucket("outputLocation.s3BucketName", "writes command output to"),
  ),
  "aws:ssm/maintenanceWindowTask:MaintenanceWindowTask": sends(
    logFix,
    bucket(
      "taskInvocationParameters.runCommandParameters.outputS3Bucket",
      "writes command output to",
    ),
  ),
  // A canary is a Lambda function: besides its buckets, its own way out to the internet.
  "aws:synthetics/canary:Canary": {
    role: "workload",
    fields: [
      bucket("artifactS3Location", "stores screenshots, HAR files and logs in"),
      bucket("s3Bucket", "reads its script from", { inbound: true }),
      canaryInternet,
    ],
    fix: { "log-shipping": exportFix, "internet-egress": canaryFix },
  },
  "aws:timestreamwrite/table:Table": sends(
    logFix,
    bucket(
      "magneticStoreWriteProperties.magneticStoreRejectedDataLocation.s3Configuration.bucketName",
      "writes rejected records to",
    ),
  ),
  "aws:ecs/cluster:Cluster": sends(
    logFix,
    bucket(
      "configuration.executeCommandConfiguration.logConfiguration.s3BucketName",
      "delivers exec session logs to",
    ),
  ),
  // Each container's log driver, in the definitions' JSON, ships everything the container
  // writes to the host its options name: a Splunk HTTP Event Collector, a GELF server, or the
  // Host of a FireLens (Fluent Bit) output such as Datadog, Elasticsearch or an HTTP endpoint.
  // An awslogs driver's region is a region ID, which arn-locality places.
  "aws:ecs/taskDefinition:TaskDefinition": containerDefinitionLogs,
  // A daemon's containers take the same log drivers, as structured input.
  "aws:ecs/daemonTaskDefinition:DaemonTaskDefinition": containerDefinitionLogs,
  "aws:batch/jobDefinition:JobDefinition": withPolicyFields(
    sends(
      externalFix,
      ...containerLogs("containerProperties"),
      ...containerLogs("ecsProperties.taskProperties[].containers[]"),
      ...containerLogs("nodeProperties.nodeRangeProperties[].container"),
    ),
    "internet-egress",
    batchTaskFix,
    ...batchTaskInternet,
  ),
  "aws:imagebuilder/infrastructureConfiguration:InfrastructureConfiguration": sends(
    logFix,
    bucket("logging.s3Logs.s3BucketName", "delivers build logs to"),
  ),
  "aws:cloudwatch/internetMonitor:InternetMonitor": sends(
    logFix,
    bucket("internetMeasurementsLogDelivery.s3Config.bucketName", "delivers measurements to"),
  ),
  "aws:sns/smsPreferences:SmsPreferences": sends(
    logFix,
    bucket("usageReportS3Bucket", "delivers SMS usage reports to"),
  ),
  "aws:fis/experimentTemplate:ExperimentTemplate": sends(
    logFix,
    bucket("logConfiguration.s3Configuration.bucketName", "delivers experiment logs to"),
    bucket(
      "experimentReportConfiguration.outputs.s3Configuration.bucketName",
      "delivers experiment reports to",
    ),
  ),
  "aws:evidently/project:Project": sends(
    logFix,
    bucket("dataDelivery.s3Destination.bucket", "delivers evaluation events to"),
  ),
  // Opted in to data sharing, Rekognition may keep the video it analyses and use it to improve
  // AWS's AI services, stored in regions the program does not choose (the bench of AI/ML
  // programs: it passed unread).
  "aws:rekognition/streamProcessor:StreamProcessor": sends(
    `${exportFix} Leave dataSharingPreference.optIn false (and opt the organisation out of AI services' data use).`,
    bucket("output.s3Destination.bucket", "writes analysis results to"),
    push.flag("dataSharingPreference.optIn", "shares the video it analyses with", {
      values: [true, "true"],
      farSide:
        "AWS, which may store it in regions outside the stack's to improve its AI services (cannot be placed)",
    }),
  ),
  "aws:chime/sdkvoiceGlobalSettings:SdkvoiceGlobalSettings": sends(
    logFix,
    bucket("voiceConnector.cdrBucket", "delivers call detail records to"),
  ),
  "aws:cleanrooms/membership:Membership": sends(
    exportFix,
    bucket(
      "defaultResultConfiguration.outputConfiguration.s3.bucket",
      "writes collaboration query results to",
    ),
  ),
  "aws:connect/instanceStorageConfig:InstanceStorageConfig": sends(
    exportFix,
    bucket("storageConfig.s3Config.bucketName", "stores contact recordings and reports in"),
  ),
  "aws:appfabric/ingestionDestination:IngestionDestination": sends(
    logFix,
    bucket(
      "destinationConfiguration.auditLog.destination.s3Bucket.bucketName",
      "delivers SaaS audit logs to",
    ),
  ),
  "aws:dataexchange/eventAction:EventAction": sends(
    exportFix,
    bucket("action.exportRevisionToS3.revisionDestination.bucket", "exports revisions to"),
  ),
  "aws:sagemaker/endpointConfiguration:EndpointConfiguration": sends(
    exportFix,
    bucket("dataCaptureConfig.destinationS3Uri", "captures inference requests and responses to"),
    bucket("productionVariants[].coreDumpConfig.destinationS3Uri", "writes core dumps to"),
    bucket("shadowProductionVariants[].coreDumpConfig.destinationS3Uri", "writes core dumps to"),
    bucket(
      "asyncInferenceConfig.outputConfig.s3OutputPath",
      "writes asynchronous inference results to",
    ),
    bucket(
      "asyncInferenceConfig.outputConfig.s3FailurePath",
      "writes failed inference requests to",
    ),
  ),
  "aws:sagemaker/deviceFleet:DeviceFleet": sends(
    exportFix,
    bucket("outputConfig.s3OutputLocation", "collects edge device data in"),
  ),
  "aws:sagemaker/featureGroup:FeatureGroup": sends(
    exportFix,
    bucket("offlineStoreConfig.s3StorageConfig.s3Uri", "stores offline features in"),
    bucket("offlineStoreConfig.s3StorageConfig.resolvedOutputS3Uri", "stores offline features in"),
  ),
  "aws:sagemaker/mlflowTrackingServer:MlflowTrackingServer": sends(
    exportFix,
    bucket("artifactStoreUri", "stores experiment artifacts in"),
  ),
  "aws:sagemaker/mlflowApp:MlflowApp": sends(
    exportFix,
    bucket("artifactStoreUri", "stores experiment artifacts in"),
  ),
  "aws:sagemaker/hub:Hub": sends(
    exportFix,
    bucket("s3StorageConfig.s3OutputPath", "stores the hub's content in"),
  ),
  "aws:sagemaker/modelCardExportJob:ModelCardExportJob": sends(
    exportFix,
    bucket("outputConfig.s3OutputPath", "exports the model card to"),
  ),
  // The training and transform jobs SageMaker runs to validate an algorithm.
  "aws:sagemaker/algorithm:Algorithm": sends(
    exportFix,
    bucket(
      "validationSpecification.validationProfiles.trainingJobDefinition.outputDataConfig.s3OutputPath",
      "writes the validation training job's model artifacts to",
    ),
    bucket(
      "validationSpecification.validationProfiles.transformJobDefinition.transformOutput.s3OutputPath",
      "writes the validation transform job's results to",
    ),
  ),
  "aws:dms/migrationProject:MigrationProject": sends(
    exportFix,
    bucket(
      "schemaConversionApplicationAttributes.s3BucketPath",
      "keeps schema conversion assessments and converted code in",
    ),
  ),
  "aws:acmpca/certificateAuthority:CertificateAuthority": sends(
    exportFix,
    bucket(
      "revocationConfiguration.crlConfiguration.s3BucketName",
      "publishes certificate revocation lists to",
    ),
  ),
  "aws:kendra/faq:Faq": sends(
    exportFix,
    bucket("s3Path.bucket", "indexes questions and answers from", { inbound: true }),
  ),
  "aws:comprehend/documentClassifier:DocumentClassifier": sends(
    exportFix,
    bucket("inputDataConfig.s3Uri", "trains on documents from", { inbound: true }),
    bucket("inputDataConfig.testS3Uri", "tests on documents from", { inbound: true }),
    bucket("inputDataConfig.augmentedManifests[].s3Uri", "trains on documents from", {
      inbound: true,
    }),
    bucket(
      "inputDataConfig.augmentedManifests[].annotationDataS3Uri",
      "trains on annotations from",
      {
        inbound: true,
      },
    ),
    bucket(
      "inputDataConfig.augmentedManifests[].sourceDocumentsS3Uri",
      "trains on source documents from",
      { inbound: true },
    ),
    bucket("outputDataConfig.s3Uri", "writes classifier output to"),
  ),
  "aws:msk/cluster:Cluster": withExposure(
    sends(logFix, bucket("loggingInfo.brokerLogs.s3.bucket", "delivers broker logs to")),
    'Set brokerNodeGroupInfo.connectivityInfo.publicAccess.type to "DISABLED".',
    ...mskPublicAccess,
  ),
  // Classic WAF runs on CloudFront's edge; its logs go to a Firehose stream named aws-waf-logs-*.
  "aws:waf/webAcl:WebAcl": sends(
    logFix,
    logSink("loggingConfiguration.logDestination", "delivers request logs to"),
  ),
  "aws:msk/channel:Channel": sends(
    exportFix,
    bucket("icebergDestination.catalog.warehouseLocation", "writes topic records to"),
    account("icebergDestination.deadLetterQueueS3.expectedBucketOwner", "writes failed records to"),
    account("s3Destination.deadLetterQueueS3.expectedBucketOwner", "writes failed records to"),
    account("s3Destination.storage.expectedBucketOwner", "writes topic records to"),
    bucket("s3Destination.storage.bucketArn", "writes topic records to"),
    bucket("s3Destination.deadLetterQueueS3.bucketArn", "writes failed records to"),
    bucket("icebergDestination.deadLetterQueueS3.bucketArn", "writes failed records to"),
    bucket("loggingInfo.s3.bucket", "delivers channel logs to"),
  ),
  // A relay action hands the mail to a Mail Manager relay, which sends it on to the mail server
  // it names (judged on the relay): one the program does not create cannot be placed.
  "aws:mailmanager/ruleSet:RuleSet": sends(
    "Store received mail only in buckets of this program in regions inside the jurisdiction, relay it only through relays of this program, and do not send it on to the internet.",
    bucket("rules[].actions[].writeToS3.s3Bucket", "stores received mail in"),
    push.ref("rules[].actions[].relay.relay", "relays email through", { ref: "mail-relay" }),
    // A send action delivers the message to its recipients' mail servers, wherever they are.
    push.flag("rules[].actions[].send", "sends received mail on to", {
      opensWhenSet: true,
      farSide: "the recipients' mail servers on the internet",
    }),
  ),
  "aws:cloudwatch/logDataProtectionPolicy:LogDataProtectionPolicy": sends(
    logFix,
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
  ),
  "aws:timestreamquery/scheduledQuery:ScheduledQuery": sends(
    logFix,
    bucket("errorReportConfiguration.s3Configuration.bucketName", "writes query error reports to"),
  ),
  // A server whose users sign in at a custom identity provider (an API Gateway URL) sends their
  // names and passwords there (remote-sites).
  "aws:transfer/server:Server": withExposure(
    withPolicyFields(
      sends(logFix, logGroup("structuredLogDestinations[]", "delivers file transfer logs to")),
      "remote-sites",
      "Use an identity provider of a region inside the jurisdiction (an API Gateway of the stack's region), or the service-managed one.",
      remoteSite.url("url", "sends its users' names and passwords to"),
    ),
    'Set endpointType to "VPC" with private subnets and no addressAllocationIds.',
    ...transferEndpoint,
  ),
  "aws:arcregionswitch/plan:Plan": sends(
    "Write execution reports only to a bucket of this program, owned by the stack's account, in a region inside the jurisdiction.",
    bucket(
      "reportConfigurations[].reportOutputs[].s3Configurations[].bucketPath",
      "writes execution reports to",
    ),
    account(
      "reportConfigurations[].reportOutputs[].s3Configurations[].bucketOwner",
      "writes execution reports to a bucket of",
    ),
  ),
  "aws:bedrock/customModel:CustomModel": sends(
    exportFix,
    bucket("trainingDataConfig.s3Uri", "trains a model on data from", { inbound: true }),
    bucket("validationDataConfig.validators[].s3Uri", "validates a model on data from", {
      inbound: true,
    }),
    bucket("outputDataConfig.s3Uri", "writes training metrics and output to"),
  ),
  "aws:bedrockmodel/invocationJob:InvocationJob": sends(
    exportFix,
    bucket("inputDataConfig.s3InputDataConfig.s3Uri", "reads model prompts from", {
      inbound: true,
    }),
    account("inputDataConfig.s3InputDataConfig.s3BucketOwner", "reads model prompts from", {
      inbound: true,
    }),
    bucket("outputDataConfig.s3OutputDataConfig.s3Uri", "writes model answers to"),
    account("outputDataConfig.s3OutputDataConfig.s3BucketOwner", "writes model answers to"),
  ),
  "aws:bedrock/evaluationJob:EvaluationJob": sends(
    exportFix,
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
  ),
  "aws:bedrock/agentcoreMemoryStrategy:AgentcoreMemoryStrategy": sends(
    exportFix,
    bucket(
      "configuration.selfManagedConfiguration.invocationConfiguration.payloadDeliveryBucketName",
      "delivers agent conversations to",
    ),
  ),
  "aws:elastictranscoder/pipeline:Pipeline": sends(
    exportFix,
    bucket("inputBucket", "transcodes media from", { inbound: true }),
    bucket("outputBucket", "writes transcoded media to"),
    bucket("contentConfig.bucket", "writes transcoded media to"),
    bucket("thumbnailConfig.bucket", "writes thumbnails to"),
  ),
  "aws:emr/studio:Studio": sends(
    exportFix,
    bucket("defaultS3Location", "stores notebooks and their output in"),
  ),
  "aws:chimesdkmediapipelines/mediaInsightsPipelineConfiguration:MediaInsightsPipelineConfiguration":
    sends(
      exportFix,
      bucket("elements[].s3RecordingSinkConfiguration.destination", "records calls to"),
      bucket(
        "elements[].amazonTranscribeCallAnalyticsProcessorConfiguration.postCallAnalyticsSettings.outputLocation",
        "writes call transcripts and analytics to",
      ),
    ),
  "aws:bedrock/agentFlow:AgentFlow": sends(
    exportFix,
    bucket(
      "definition.nodes[].configuration.retrieval.serviceConfiguration.s3.bucketName",
      "retrieves documents for the flow from",
      { inbound: true },
    ),
    bucket(
      "definition.nodes[].configuration.storage.serviceConfiguration.s3.bucketName",
      "stores the flow's output in",
    ),
  ),
  ...Object.fromEntries(
    [
      "aws:timestreaminfluxdb/dbInstance:DbInstance",
      "aws:timestreaminfluxdb/dbCluster:DbCluster",
    ].map((type) => [
      type,
      withExposure(
        sends(
          logFix,
          bucket(
            "logDeliveryConfiguration.s3Configuration.bucketName",
            "delivers InfluxDB logs to",
          ),
        ),
        "Set publiclyAccessible to false.",
        ...influxPublicAccess,
      ),
    ]),
  ),
  // `logDestination` is a free-form map whose key depends on logDestinationType: `bucketName`
  // (S3), `logGroup` (CloudWatch Logs) or `deliveryStream` (Firehose).
  "aws:networkfirewall/loggingConfiguration:LoggingConfiguration": sends(
    logFix,
    ...["bucketName", "logGroup", "deliveryStream"].map((key) =>
      logSink(
        `loggingConfiguration.logDestinationConfigs[].logDestination.${key}`,
        "delivers firewall alert and flow logs to",
      ),
    ),
  ),
  "aws:sns/dataProtectionPolicy:DataProtectionPolicy": sends(
    logFix,
    bucket(`${findingsTo}.S3.Bucket`, "delivers sensitive-data findings to"),
    logGroup(`${findingsTo}.CloudWatchLogs.LogGroup`, "delivers sensitive-data findings to"),
    logSink(`${findingsTo}.Firehose.DeliveryStream`, "delivers sensitive-data findings to"),
  ),

  // Origins and backends named by address: a WAF, Anti-DDoS Pro or ESA proxy forwards every
  // client request (bodies, cookies, credentials) to them and relays their answers; an API
  // gateway calls them; a bastion host opens operators' sessions to them; Cloud DNS and GTM
  // address pools steer clients there. An IP is inside when private or allowlisted; a host
  // name only when it is a regional endpoint of the cloud (an OSS bucket's) inside the
  // jurisdiction. A value not known at preview is an address of a resource of this program
  // (an EIP, a load balancer), which resource-placement places where it is created.
  ...Object.fromEntries(
    (
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
        ["alicloud:ddos/schedulerRule:SchedulerRule", ["rules[].value"], "steers clients to"],
      ] as const
    ).map(([type, paths, verb]) => [
      type,
      sends(addressFix, ...paths.map((p) => url(p, verb, { when: knownAt(p) }))),
    ]),
  ),
  // Public DNS: an address or host record steers clients (and a mail record mail) to its value,
  // a service record (SRV) the clients of its service to the host it names (`<priority> <weight>
  // <port> <host>`; ESA holds the host alone); an ESA record that is proxied makes the value the
  // site's origin. Other record types (TXT, CAA, URL forwarding) name no host that receives data.
  ...Object.fromEntries(
    (
      [
        ["alicloud:dns/alidnsRecord:AlidnsRecord", "value", "type", ["A", "AAAA", "CNAME", "MX"]],
        ["alicloud:dns/record:Record", "value", "type", ["A", "AAAA", "CNAME", "MX"]],
        [
          "alicloud:esa/record:Record",
          "data.value",
          "recordType",
          ["A/AAAA", "CNAME", "MX", "SRV"],
        ],
      ] as const
    ).map(([type, path, typeKey, hostTypes]) => {
      const isType = (types: readonly string[]) => (props: Readonly<Record<string, unknown>>) =>
        types.includes(textOf(props, typeKey)?.toUpperCase() ?? "");
      const srv: readonly FieldSpec[] = (hostTypes as readonly string[]).includes("SRV")
        ? []
        : [hostAnswers(path, isType(["SRV"]))];
      return [
        type,
        sends(
          addressFix,
          url(path, "steers clients, requests or mail to", {
            when: knownAt(path, isType(hostTypes)),
          }),
          ...srv,
        ),
      ];
    }),
  ),
  // Route 53's records and a private zone's: an answer naming a cloud service's endpoint in a
  // region steers the clients that look the name up (and the domain's mail) there. Other answers
  // — a validation target, another provider's host, an address — are left to what they name.
  // An answer not known at preview — a load balancer or distribution a lookup found — is judged
  // on the resource of the program it comes from, else fails closed (named-destinations): an
  // alias always, a record's values when the record steers clients to a host (A, AAAA, CNAME,
  // MX, SRV, HTTPS, SVCB) under a name known at preview (an ACM validation record's name and
  // value are the certificate's).
  "aws:route53/record:Record": sends(
    dnsFix,
    hostAnswers(
      "records[]",
      (props) =>
        textOf(props, "name") !== undefined &&
        hostRecordTypes.includes(textOf(props, "type")?.toUpperCase() ?? ""),
      { unknownOnly: true },
    ),
    hostAnswers("aliases[].name"),
    // A routing policy's region chooses which clients get the record's answers: it places the
    // server only where the answers themselves do not.
    {
      ...answers(
        "latencyRoutingPolicies[].region",
        [],
        ["latencyRoutingPolicies[].region", "geoproximityRoutingPolicy.awsRegion"],
      ),
      when: (p: Readonly<Record<string, unknown>>) =>
        !answersPlaced(p, ["records[]", "aliases[].name"]),
    },
  ),
  // Its alias targets and answers as a record's.
  "aws:route53/recordsExclusive:RecordsExclusive": sends(
    dnsFix,
    // An answer only a lookup knows fails closed when a record set of a host type, under a name
    // known at preview, holds one (as a record's does).
    hostAnswers(
      "resourceRecordSets[].resourceRecords[].value",
      (props) =>
        valuesAt(props, "resourceRecordSets[]").some(
          ({ value: set }) =>
            str(known(() => valueAt(set, "name"))) !== undefined &&
            hostRecordTypes.includes(str(known(() => valueAt(set, "type")))?.toUpperCase() ?? ""),
        ),
      { unknownOnly: true },
    ),
    answers(
      "resourceRecordSets[].region",
      [],
      ["resourceRecordSets[].region", "resourceRecordSets[].geoproximityLocation.awsRegion"],
    ),
    hostAnswers("resourceRecordSets[].aliasTarget.dnsName"),
  ),
  "alicloud:pvtz/zoneRecord:ZoneRecord": sends(
    dnsFix,
    hostAnswers(
      "value",
      (props) => hostRecordTypes.includes(textOf(props, "type")?.toUpperCase() ?? ""),
      { unknownOnly: true },
    ),
  ),
  // With following on, the edge repeats the client's request at the host the origin redirects to.
  "alicloud:esa/originRule:OriginRule": sends(
    addressFix,
    url("follow302TargetHost", "follows origin redirects, with the client's request, to", {
      when: knownAt("follow302TargetHost", (props) => textOf(props, "follow302Enable") === "on"),
    }),
  ),
  // A layer-4 rule's source is an origin address or host; an origin pool or load balancer is
  // named instead by ID (esa/originPool's addresses are read on that type).
  // Its cross-border optimisation is global-services' (global-reach.ts).
  "alicloud:esa/transportLayerApplication:TransportLayerApplication": withGlobal(
    sends(
      addressFix,
      url("rules[].source", "forwards client connections to", {
        where: kindIs("sourceType", (kind) => /^(ip|domain)$/i.test(kind)),
        when: knownAt("rules[].source"),
      }),
    ),
    'Set crossBorderOptimization to "off".',
    esaCrossBorderReach,
  ),
  // Domain configuration functions of the CDN products that send requests to a host
  // (`edgeDestinations`, and the origins of a `source_group`); the accelerated domain itself is
  // judged on its own resource.
  ...Object.fromEntries(
    [
      "alicloud:cdn/domainConfig:DomainConfig",
      "alicloud:dcdn/domainConfig:DomainConfig",
      "alicloud:scdn/domainConfig:DomainConfig",
    ].map((type) => [
      type,
      sends(
        addressFix,
        ...Object.entries(edgeDestinations).map(([fn, arg]) =>
          url(
            "functionArgs[].argValue",
            fn === "cdn_remote_auth"
              ? "sends each client request's arguments and headers to"
              : "fetches content and forwards requests to",
            edgeDestination(fn, arg),
          ),
        ),
        {
          ...judged("data sync", "functionArgs", originGroups),
          when: knownAt(
            "functionArgs[].argValue",
            (props) => textOf(props, "functionName") === "source_group",
          ),
        },
      ),
    ]),
  ),
  "alicloud:aligreen/auditCallback:AuditCallback": sends(
    pushFix,
    url("url", "sends moderation results to"),
  ),
  // HTTP and DingTalk targets name a URL; the others an ACS ARN, which arn-locality places.
  // A rule's target is an HTTP(S) or DingTalk URL, a self-managed database's or Kafka cluster's
  // address, or an Alibaba Cloud resource named by its ACS ARN — an MNS queue or topic, a
  // function, another event bus (cross-region routing) — which lies in the region it names. An
  // API destination (by name or ACS ARN) POSTs the events to its URL, judged on the program's
  // own, one it does not create failing closed (named-destinations); mail and text targets
  // deliver them to the recipient their parameters name.
  "alicloud:eventbridge/rule:Rule": sends(
    pushFix,
    push.ref("targets[].endpoint", "sends events to", {
      ref: "api-destination",
      where: alicloudApiDestination,
      fix: apiDestinationFix,
    }),
    judgedField("log-shipping", "data sync", "targets", eventMessageTargets, {
      fix: eventMessageFix,
    }),
    url("targets[].endpoint", "sends events to", {
      where: kindIs("type", (kind) => httpTargets.has(kind.toLowerCase())),
    }),
    // A self-managed MySQL database or Kafka cluster, by its address (not an ACS ARN).
    url("targets[].endpoint", "writes events to", {
      where: (target) =>
        kindIs("type", (kind) => ["mysql", "apachekafkaself"].includes(kind.toLowerCase()))(
          target,
        ) && str(known(() => valueAt(target, "endpoint")))?.startsWith("acs:") !== true,
    }),
    ...acsDelivery(push, "targets[].endpoint", "sends events to", {
      where: (target) => {
        const endpoint = known(() => valueAt(target, "endpoint"));
        return isUnknown(endpoint)
          ? kindIs("type", (kind) => kind.toLowerCase().startsWith("acs."))(target)
          : str(endpoint)?.startsWith("acs:") === true;
      },
    }),
  ),
  "alicloud:eventbridge/eventStreaming:EventStreaming": sends(
    "Deliver events to a target of the stream's region named by name or instance ID (MNS, Function Compute, CloudFlow, SLS, ApsaraMQ for Kafka or RabbitMQ, DataHub, or an API destination this program creates), and pull them only from cloud instances or hosts at private or allowlisted addresses.",
    onceKnown(judged("data sync", "sink", streamSink("sink"))),
    // An API destination sink POSTs every event to the URL the destination holds, as a rule's
    // target does: the program's own is judged on it, one it does not create fails closed.
    push.ref("sink.SinkApiDestinationParameters.Name", "delivers events to", {
      ref: "api-destination",
      fix: apiDestinationFix,
    }),
    // A self-managed source (its JSON names the host): a MySQL server whose changes it captures,
    // an open-source RabbitMQ or a RocketMQ broker it consumes.
    ...[
      "source.SourceMySQLParameters.HostName",
      "source.SourceOpenSourceRabbitMQParameters.Endpoint",
      "source.SourceRocketMQParameters.InstanceEndpoint",
    ].map((path) => url(path, "pulls events from", inbound)),
  ),
  // A Managed Service for Prometheus instance forwards every sample to its remote write targets.
  "alicloud:arms/remoteWrite:RemoteWrite": sends(
    "Write only to Prometheus endpoints of regions inside the jurisdiction or private addresses.",
    onceKnown(judged("data sync", "remoteWriteYaml", remoteWriteTargets("remoteWriteYaml"))),
  ),
  // An AnalyticDB for PostgreSQL instance reads and writes external tables on the Hadoop cluster
  // whose hosts `hadoopHostsAddress` lists (an `/etc/hosts` text).
  "alicloud:gpdb/hadoopDataSource:HadoopDataSource": sends(
    addressFix,
    onceKnown(
      judged(
        "data sync",
        "hadoopHostsAddress",
        hostsFile("hadoopHostsAddress", "reads and writes Hadoop data at"),
      ),
    ),
  ),
  // A serverless application ships its logs to the Kafka bootstrap servers `kafkaEndpoint` lists
  // (`<ip>:<port>,…`), mounts OSS buckets it reads and writes, and resolves host names to the
  // addresses its host aliases give (`customHostAliasV2s`, or the older JSON list
  // `customHostAlias`), so its calls to those names go there. A value not known at preview is an
  // address of a resource of this program, which resource-placement places.
  "alicloud:sae/application:Application": sends(
    addressFix,
    log.ip("kafkaConfigs.kafkaEndpoint", "ships application logs to", {
      when: knownAt("kafkaConfigs.kafkaEndpoint"),
    }),
    push.ref("ossMountDescsV2s[].bucketName", "mounts and writes files to", oss),
    push.ip("customHostAliasV2s[].ip", "sends calls to its host aliases at", {
      when: knownAt("customHostAliasV2s[].ip"),
    }),
    onceKnown(
      judged(
        "data sync",
        "customHostAlias",
        hostAliases("customHostAlias", "sends calls to its host aliases at"),
      ),
    ),
  ),

  // AWS trails, collectors and aggregators whose reach the jurisdiction decides: a switch that
  // gathers every region of the partition stays inside only in a partition confined to one
  // jurisdiction (aws-cn, aws-us-gov, aws-eusc).
  "aws:cloudtrail/trail:Trail": cloudTrail,
  "aws:cloudtrail/eventDataStore:EventDataStore": sends(
    "Set multiRegionEnabled to false.",
    gathers("multiRegionEnabled", multiRegion("multiRegionEnabled", true)),
  ),
  "aws:cfg/configurationAggregator:ConfigurationAggregator": sends(
    "Aggregate only from regions inside the jurisdiction.",
    log.region("accountAggregationSource.regions[]", "aggregates data from", inbound),
    log.region("organizationAggregationSource.regions[]", "aggregates data from", inbound),
    gathers("accountAggregationSource", allRegions),
  ),
  // A Control Tower landing zone's manifest (JSON) names the accounts that receive every governed
  // account's records: the log archive (CloudTrail), the account of the Config aggregator and its
  // bucket, the central backup account whose vault gets a copy of each governed account's
  // backups, and the audit account given roles in every governed account. One that is not the
  // stack's own takes that data out of the stack's account; a part switched off (`enabled:
  // false`) sends nothing. The governed regions are placed by arn-locality.
  "aws:controltower/landingZone:LandingZone": {
    role: "other",
    fields: [
      account(
        "manifestJson.centralizedLogging.accountId",
        "delivers the CloudTrail logs of every governed account to",
        { where: switchedOn },
      ),
      account(
        "manifestJson.config.accountId",
        "delivers the AWS Config history of every governed account to",
        { where: switchedOn },
      ),
      edgesOf("backup-copies", "backup copy").account(
        "manifestJson.backup.configurations.centralBackup.accountId",
        "copies the backups of every governed account to",
        { where: (_, at) => switchedOn(valueAt(at.props, "manifestJson.backup")) },
      ),
      edgesOf("cross-account-links", "attachment").account(
        "manifestJson.securityRoles.accountId",
        "gives audit roles in every governed account to",
        { where: switchedOn },
      ),
    ],
    fix: {
      "log-shipping": `Make the log archive and Config accounts (centralizedLogging.accountId, config.accountId) ${ownAccount}`,
      "backup-copies": `Make the central backup account (backup.configurations.centralBackup.accountId) ${ownAccount}`,
      "cross-account-links": `Make the audit account (securityRoles.accountId) ${ownAccount}`,
    },
  },
  // An aggregator index holds a copy of every region's index of the account.
  "aws:resourceexplorer/index:Index": sends(
    'Keep the index LOCAL (type "LOCAL"), or aggregate only in a partition whose regions all lie inside the jurisdiction.',
    gathers("type", aggregatorIndex),
  ),
  "aws:securityhub/findingAggregator:FindingAggregator": sends(
    'Set linkingMode to "SPECIFIED_REGIONS" with regions inside the jurisdiction only.',
    // The regions listed are those aggregated, but under ALL_REGIONS_EXCEPT_SPECIFIED those left
    // out (`linkingMode` judges what that mode takes in).
    log.region("specifiedRegions[]", "aggregates findings from", {
      ...inbound,
      when: (props) => textOf(props, "linkingMode") !== "ALL_REGIONS_EXCEPT_SPECIFIED",
    }),
    gathers("linkingMode", linkingMode),
  ),

  // A user pool texts through Amazon SNS in its snsRegion, else in its own region (a Seoul
  // pool's through Tokyo's: `cognitoSms`).
  "aws:cognito/userPool:UserPool": sends(
    "Send texts through a custom SMS sender function inside the jurisdiction (lambdaConfig.customSmsSender), through Amazon SNS in a region inside it where Cognito allows one for the pool (smsConfiguration.snsRegion), or send codes by e-mail only.",
    sync.region(
      "smsConfiguration.snsRegion",
      "texts verification codes and users' phone numbers through Amazon SNS in",
    ),
    judged("data sync", "smsConfiguration.snsRegion", cognitoSms),
  ),
  // An app client's analytics go to an Amazon Pinpoint project: by ARN in the ARN's region
  // (arn-locality's), by ID where the pool's region maps it (`cognitoAnalytics`); an ID only a
  // lookup knows fails closed.
  ...Object.fromEntries(
    ["userPoolClient:UserPoolClient", "managedUserPoolClient:ManagedUserPoolClient"].map((t) => [
      `aws:cognito/${t}`,
      sends(
        "Name the Pinpoint project by applicationArn, in a region inside the jurisdiction (Cognito then sends to it in its own region), or turn analytics off.",
        onceKnown(judged("data sync", "analyticsConfiguration.applicationId", cognitoAnalytics)),
      ),
    ]),
  ),
  // Notifications pushed to a URL, a mailbox or a phone.
  "aws:sns/topicSubscription:TopicSubscription": sends(
    "Subscribe only queues, functions, phones and HTTP(S) endpoints inside the jurisdiction: by ARN, by a regional endpoint (an API Gateway stage, a function URL), an allowlisted address or a number of the country.",
    judged("data sync", "endpoint", snsEndpoint),
    // A text goes to the phone's country.
    calls("endpoint", "pushes messages (sms) to", snsProtocol("sms")),
    push.arn("endpoint", "pushes messages to", { when: knownAt("endpoint", snsArnEndpoint) }),
    push.account("endpoint", "pushes messages to a subscriber of", {
      when: knownAt("endpoint", snsArnEndpoint),
      ofArn: true,
    }),
    ...["http", "https"].map((protocol) =>
      push.url("endpoint", `pushes messages (${protocol}) to`, {
        when: knownAt("endpoint", snsProtocol(protocol)),
      }),
    ),
  ),
  // A group routes calls to its connectors, which may lie in other regions: one the program does
  // not create cannot be placed (named-destinations).
  "aws:chime/voiceConnectorGroup:VoiceConnectorGroup": sends(
    "Group only voice connectors of this program in regions inside the jurisdiction.",
    push.ref("connectors[].voiceConnectorId", "routes calls to", { ref: "voice-connector" }),
  ),
  // A quick connect of a phone number transfers callers (their voice) to that number.
  "aws:connect/quickConnect:QuickConnect": sends(
    "Transfer callers only to numbers of the jurisdiction's countries, or to queues and agents of the instance.",
    calls("quickConnectConfig.phoneConfigs[].phoneNumber", "transfers callers to"),
  ),
  // A flow (or a module of flows) that transfers the caller to an external number bridges the
  // call there, wherever the number rings (found by the media bench: a quick connect to the same
  // number was judged, the flow's transfer block was not).
  ...Object.fromEntries(
    ["aws:connect/contactFlow:ContactFlow", "aws:connect/contactFlowModule:ContactFlowModule"].map(
      (type) => [
        type,
        sends(
          "Transfer callers only to numbers of the jurisdiction's countries, or to queues and agents of the instance.",
          onceKnown(
            judged("data sync", "content", flowTransfers("content", "transfers callers to")),
          ),
        ),
      ],
    ),
  ),
  // An agent whose phone type is a desk phone takes the instance's calls (callers' voices) on
  // that number, wherever it rings; a soft phone is the agent's browser, reached through Connect.
  "aws:connect/user:User": sends(
    "Give agents soft phones, or desk phones of the jurisdiction's countries.",
    calls("phoneConfig.deskPhoneNumber", "rings the agent's calls at", deskPhone),
  ),
  // A voice connector's termination carries calls to the countries it allows (ISO 3166-1 codes)
  // and exchanges them with the SIP hosts it accepts calls from (remote-sites, as the hosts an
  // origination routes calls to).
  "aws:chime/voiceConnectorTermination:VoiceConnectorTermination": withPolicyFields(
    sends(
      "Allow calls only to countries inside the jurisdiction (callingRegions).",
      onceKnown(
        judged("data sync", "callingRegions[]", countries("callingRegions[]", "lets calls go to")),
      ),
    ),
    "remote-sites",
    "Accept calls only from SIP hosts on allowlisted addresses.",
    edgesOf("remote-sites", "attachment").ip(
      "cidrAllowLists[]",
      "exchanges calls with the SIP hosts of",
      { ref: "ip-address", namedWhenUnknown: true },
    ),
  ),
  // Alerts go to mailboxes, or to an SNS topic by ARN (one only a lookup knows fails closed).
  "aws:budgets/budgetAction:BudgetAction": sends(
    mailFix,
    judged(
      "data sync",
      "subscribers",
      mailboxes("subscriptionType", "e-mails budget action alerts to"),
    ),
    snsSubscriber("subscriptionType", "publishes budget action alerts to"),
  ),
  "aws:costexplorer/anomalySubscription:AnomalySubscription": sends(
    mailFix,
    judged("data sync", "subscribers", mailboxes("type", "e-mails cost anomaly alerts to")),
    snsSubscriber("type", "publishes cost anomaly alerts to"),
  ),
  // A destination is the ARN of a queue, topic, function, event bus or bucket; one not known at
  // preview is the output of a resource of this program, placed where it is created.
  "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig": sends(
    pushFix,
    push.ref("destinationConfig.onSuccess.destination", "sends invocation records to", {
      ...s3,
      when: knownAt("destinationConfig.onSuccess.destination"),
    }),
    push.ref("destinationConfig.onFailure.destination", "sends failed invocation records to", {
      ...s3,
      when: knownAt("destinationConfig.onFailure.destination"),
    }),
    // A queue, topic, bus or function of another account in a region inside.
    push.account(
      "destinationConfig.onSuccess.destination",
      "sends invocation records to a destination of",
      ownAccountDelivery,
    ),
    push.account(
      "destinationConfig.onFailure.destination",
      "sends failed invocation records to a destination of",
      ownAccountDelivery,
    ),
  ),

  // Streams, pipes and connectors that read from or deliver to hosts and sinks of their own.
  // Bootstrap servers of an MSK cluster of the program are its outputs, placed where it lies; a
  // self-managed Kafka at a private address is reached through the connector's subnets. A sink
  // connector writes the records of its topics wherever its settings say (connectorSinks).
  "aws:mskconnect/connector:Connector": sends(
    "Send only to services inside the jurisdiction (by regional endpoint or ARN), to private or allowlisted addresses, or to hosts the stack places by name (egressHosts); an external host, or a sink whose destination its settings do not name, cannot be placed.",
    url("kafkaCluster.apacheKafkaCluster.bootstrapServers", "connects to the Kafka brokers at", {
      when: knownAt("kafkaCluster.apacheKafkaCluster.bootstrapServers"),
    }),
    judged("data sync", "connectorConfiguration", connectorSinks),
    bucket("logDelivery.workerLogDelivery.s3.bucket", "delivers worker logs to"),
  ),
  // The pipeline body is YAML (Data Prepper): named sub-pipelines, each a source and its sinks.
  // OpenSearch hosts are regional endpoints (a domain's or a serverless collection's), S3 buckets
  // are placed by the sink's region (its client reaches no bucket of another), a role by its
  // account, and `pipeline` sources and sinks chain sub-pipelines of the same body. Clients push
  // to `http` and OpenTelemetry sources at the pipeline's own endpoint. Sources and sinks of other
  // kinds, and a body that cannot be read, fail closed (pipelineParts).
  // Without vpcOptions the pipeline gets a public endpoint, where anyone may push records.
  "aws:opensearchingest/pipeline:Pipeline": withExposure(
    sends(
      "Index only into OpenSearch domains or collections, and write only to buckets, in regions inside the jurisdiction with roles of this account; read only sources of those kinds there, or waive the finding after reviewing a source or sink of another kind.",
      judged(
        "data sync",
        "pipelineConfigurationBody",
        pipelineParts("pipelineConfigurationBody", osisKinds),
      ),
      ...[
        endpoint(`${osisSinks}.opensearch.hosts[]`, "indexes the ingested data at"),
        bucket(`${osisSinks}.s3.bucket`, "writes the ingested data to", { fallback: "aws.region" }),
        push.region(`${osisSinks}.*.aws.region`, "sends the ingested data to"),
        push.account(`${osisSinks}.*.aws.sts_role_arn`, "sends the ingested data with a role of"),
        endpoint(`${osisSources}.opensearch.hosts[]`, "pulls documents from", inbound),
        url(`${osisSources}.kafka.bootstrap_servers[]`, "consumes Kafka records from", inbound),
        arn(`${osisSources}.kafka.aws.msk.arn`, "consumes Kafka records from", inbound),
        endpoint(`${osisSources}.s3.sqs.queue_url`, "reads object notifications from", inbound),
        arn(`${osisSources}.dynamodb.tables[].table_arn`, "reads items from", inbound),
        push.region(`${osisSources}.dynamodb.tables[].export.s3_region`, "exports tables to"),
        push.region(`${osisSources}.*.aws.region`, "pulls the ingested data from", inbound),
        push.account(
          `${osisSources}.*.aws.sts_role_arn`,
          "pulls the ingested data with a role of",
          inbound,
        ),
      ].map((f) => ({ ...f, when: readableBody })),
    ),
    "Give the pipeline vpcOptions with subnetIds of the stack's VPC, so its endpoint is an interface there.",
    exposed("vpcOptions.subnetIds", { reads: vpcOptionsEndpoint("the pipeline") }),
  ),

  // Bots, mail rules, media inputs and contacts that hand data to a place of their own.
  // The domain's endpoint is an output of a domain of the program, placed where it lies.
  "aws:lex/v2modelsIntent:V2modelsIntent": sends(
    pushFix,
    endpoint(
      "qnaIntentConfiguration.dataSourceConfiguration.opensearchConfiguration.domainEndpoint",
      "searches with the users' questions at",
      {
        when: knownAt(
          "qnaIntentConfiguration.dataSourceConfiguration.opensearchConfiguration.domainEndpoint",
        ),
      },
    ),
  ),
  // A channel pushes its encoded program to each destination URL: `s3://` and `s3ssl://` name a
  // bucket, anything else (RTMP, UDP, HLS over HTTPS, MediaStore) a host. MediaPackage and
  // multiplex destinations name resources of the channel's own region by ID.
  "aws:medialive/channel:Channel": sends(
    pushFix,
    ...mediaLiveUrl("destinations[].settings[].url", "pushes the encoded program to"),
  ),
  // The Shield Response Team is AWS staff working from anywhere: no association of these types
  // passes.
  "aws:shield/drtAccessLogBucketAssociation:DrtAccessLogBucketAssociation": sends(
    "Do not give the Shield Response Team access to the account's logs.",
    judged("log delivery", "logBucket", () => [
      {
        path: "logBucket",
        verb: "gives read access to its logs to",
        place: "the AWS Shield Response Team, which works from anywhere",
      },
    ]),
  ),
  "aws:shield/drtAccessRoleArnAssociation:DrtAccessRoleArnAssociation": sends(
    "Do not give the Shield Response Team a role in the account.",
    judged("data sync", "roleArn", () => [
      {
        path: "roleArn",
        verb: "lets a role of the account be assumed by",
        place: "the AWS Shield Response Team, which works from anywhere",
      },
    ]),
  ),
  // Amplify builds the app from its repository (cloning it, and reporting builds back to it), as
  // a CodeBuild project fetches a source from a repository host.
  // Each field with its own fix: the repository's finding is remote-sites', the rewrites'
  // log-shipping's (the front-door bench found both findings carrying both fixes).
  "aws:amplify/app:App": sends(
    "Rewrite only to paths of the app or to regional endpoints inside the jurisdiction (an API Gateway or load balancer); redirect (301/302) to other hosts instead of proxying.",
    codeRepository.url("repository", "builds the app from the source at", {
      inbound: true,
      fix: "Build from repositories in regions inside the jurisdiction (CodeCommit) or on hosts the stack places by name (egressHosts).",
    }),
    url("customRules[].target", "proxies visitors' requests to", {
      where: amplifyProxy,
      // A rewrite's target only a lookup knows fails closed (a redirect's only answers the
      // browser).
      when: knownAt("customRules[].target", (props, rule) =>
        rule === undefined
          ? valuesAt(props, "customRules[]").some((r) => amplifyRewrite(r.value))
          : amplifyRewrite(rule),
      ),
    }),
  ),
};
