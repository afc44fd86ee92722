/**
 * The log forwarding of OpenShift's logging, as kubernetes-egress reads it: a ClusterLogForwarder
 * (`logging.openshift.io/v1`, and `observability.openshift.io/v1`, which succeeded it) has the
 * cluster's collector send every record its pipelines route — application, infrastructure and
 * API audit logs — to the outputs it declares. Each output is a destination: a log store of the
 * cluster (the `default` store, a LokiStack) keeps the logs in; a receiver at a URL, Kafka
 * brokers, a cloud's log service in a region, or a vendor's service (Google Cloud Logging, Azure
 * Monitor) takes them wherever it is.
 *
 * The kinds (rows of the Kubernetes table, policy/paths/types/kubernetes.ts) are custom resources
 * without a published model of their CRDs; their fields are as the operator's API types define
 * them (policy/reviewed.ts `customResourceReferences`). The reading fails closed: an output whose
 * destination the pack cannot read from the fields it names is a finding, never a pass.
 */
import type { EgressAllowEntry } from "../framework";
import {
  type DestinationField,
  type DestinationFinding,
  type DestinationWords,
  regionDestinations,
  serverDestinations,
  unplaced,
} from "./kubernetes";
import { record, str, stringList } from "./values";

const logWords: DestinationWords = {
  must: "forward the cluster's logs only to log stores of the cluster, receivers at private or allowlisted addresses, or services in regions inside the jurisdiction",
  how: "the cluster's collector sends every log record its pipelines route there — application, infrastructure and API audit logs",
  fix: "Forward to a log store of the cluster (the default store, a LokiStack), to a receiver at a private address or to a cloud's log service in a region inside the jurisdiction, or add the receiver's address to the egress allowlist, or the receiver's host name to egressHosts, with a reason",
};

/** The output types whose settings are a vendor's service, wherever it keeps the logs. */
const vendors: Readonly<Record<string, string>> = {
  googleCloudLogging: "Google Cloud Logging",
  azureMonitor: "Azure Monitor",
};

/**
 * Where an output (`spec.outputs[]`) sends the logs. Its type names the block of its settings
 * (`cloudwatch`, `kafka`, `elasticsearch`, …); the URL is the block's (`observability`) or the
 * output's own (`logging`). CloudWatch is the URL that overrides its endpoint, else its region;
 * Kafka its URL, else its brokers; a LokiStack the store of the cluster it targets.
 */
function logOutputDestinations(
  f: DestinationField,
  output: Readonly<Record<string, unknown>>,
  allowlist: readonly EgressAllowEntry[],
  j: string,
): DestinationFinding[] {
  const type = str(output.type);
  const settings = (type === undefined ? undefined : record(output[type])) ?? {};
  const at = (key: string, url: string) =>
    serverDestinations(f, url, allowlist, j, `sends the logs to the server of ${key}`);
  const url = str(settings.url) ?? str(output.url);
  const urlKey = str(settings.url) !== undefined ? `${type}.url` : "url";
  // An HTTP output's proxy carries every record it sends (observability.openshift.io).
  const proxy = type === "http" ? str(settings.proxyURL) : undefined;
  const proxied = proxy === undefined ? [] : at("http.proxyURL", proxy);
  if (type === "lokiStack") {
    return [];
  }
  if (type !== undefined && type in vendors) {
    return [
      unplaced(
        `sends the logs to ${vendors[type]}, a vendor's service the pack cannot place`,
        `${vendors[type]}`,
      ),
    ];
  }
  if (url !== undefined) {
    return [...at(urlKey, url), ...proxied];
  }
  if (type === "cloudwatch") {
    return regionDestinations(
      j,
      "aws",
      str(settings.region),
      "Amazon CloudWatch Logs",
      "sends the logs to",
    );
  }
  if (type === "kafka" && stringList(settings.brokers).length > 0) {
    return stringList(settings.brokers).flatMap((broker) => at("kafka.brokers", broker));
  }
  return [
    unplaced(
      `names no ${type === undefined ? "type" : `URL for its ${type} output`}, so where the logs go cannot be placed`,
      `the ${type ?? "untyped"} output`,
    ),
  ];
}

/** The destination fields of the log forwarders (objects, Patches; Lists under `items[]`). */
export const logForwardingFields: ReadonlyArray<readonly [RegExp, readonly DestinationField[]]> = [
  [
    /^kubernetes:(logging|observability)\.openshift\.io\/v1:ClusterLogForwarder$/,
    [{ path: "spec.outputs[]", what: "log output", read: "log-output", words: logWords }],
  ],
];

/**
 * EKS Fargate's log router: the ConfigMap `aws-logging` of the namespace `aws-observability`
 * holds the Fluent Bit configuration every Fargate pod's logs are shipped by, and its
 * `output.conf` the [OUTPUT] sections that say where (found by the AWS China bench: outputs to
 * Ireland passed, where FireLens's for ECS fail).
 */
function fargateLoggingConfigMap(object: Readonly<Record<string, unknown>>): boolean {
  const metadata = record(object.metadata) ?? {};
  return str(metadata.name) === "aws-logging" && str(metadata.namespace) === "aws-observability";
}

const fargateWords: DestinationWords = {
  must: "ship the Fargate pods' logs only to services in regions inside the jurisdiction or to receivers at private or allowlisted addresses",
  how: "EKS's log router sends every Fargate pod's container logs to each [OUTPUT] of this configuration",
  fix: "Ship to CloudWatch Logs, Kinesis Data Firehose, Kinesis Data Streams or OpenSearch in a region inside the jurisdiction, or to a receiver at a private address, or add the receiver's address to the egress allowlist, or its host name to egressHosts, with a reason",
};

/** The destination field of EKS Fargate's log router configuration (a ConfigMap's `output.conf`). */
export const fargateLoggingFields: ReadonlyArray<readonly [RegExp, readonly DestinationField[]]> = [
  [
    /^kubernetes:core\/v1:ConfigMap$/,
    [
      {
        path: "data.output\\.conf",
        what: "Fargate log output",
        read: "fluent-bit-outputs",
        words: fargateWords,
        when: fargateLoggingConfigMap,
      },
    ],
  ],
];

/** The [OUTPUT] sections of a Fluent Bit configuration, each its keys (lower-cased) and values. */
function fluentBitOutputs(text: string): Array<Record<string, string>> {
  const outputs: Array<Record<string, string>> = [];
  let current: Record<string, string> | undefined;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) {
      continue;
    }
    const section = /^\[([A-Za-z_]+)\]$/.exec(line);
    if (section !== null) {
      current = section[1].toUpperCase() === "OUTPUT" ? {} : undefined;
      if (current !== undefined) {
        outputs.push(current);
      }
      continue;
    }
    const entry = /^(\S+)\s+(.*)$/.exec(line);
    if (current !== undefined && entry !== null) {
      current[entry[1].toLowerCase()] = entry[2].trim();
    }
  }
  return outputs;
}

/** The AWS services Fluent Bit's output plugins ship to in the region their `region` names. */
const fluentBitAwsPlugins: Readonly<Record<string, string>> = {
  cloudwatch_logs: "Amazon CloudWatch Logs",
  cloudwatch: "Amazon CloudWatch Logs",
  kinesis_firehose: "Amazon Kinesis Data Firehose",
  firehose: "Amazon Kinesis Data Firehose",
  kinesis_streams: "Amazon Kinesis Data Streams",
  kinesis: "Amazon Kinesis Data Streams",
  s3: "Amazon S3",
};

/**
 * Where each [OUTPUT] of a Fluent Bit configuration ships the logs: an AWS plugin to its service
 * in its `region` (S3's default, us-east-1, where it names none) or at the `endpoint` it
 * overrides it with; any other plugin to its `Host`. An output that names neither cannot be
 * placed.
 */
function fluentBitDestinations(
  f: DestinationField,
  value: unknown,
  allowlist: readonly EgressAllowEntry[],
  j: string,
): DestinationFinding[] {
  if (typeof value !== "string") {
    return [];
  }
  return fluentBitOutputs(value).flatMap((output, i) => {
    const plugin = (output.name ?? "").toLowerCase();
    const which = `[OUTPUT] ${i + 1} (${plugin || "no Name"})`;
    const service = fluentBitAwsPlugins[plugin];
    const endpoint = output.endpoint;
    const host = output.host;
    if (service !== undefined && endpoint === undefined) {
      return regionDestinations(
        j,
        "aws",
        output.region ?? (plugin === "s3" ? "us-east-1" : undefined),
        service,
        `ships the logs (${which}) to`,
      );
    }
    const server = endpoint ?? host;
    if (server !== undefined) {
      return serverDestinations(
        f,
        server,
        allowlist,
        j,
        `ships the logs (${which}) to the server of ${endpoint !== undefined ? "endpoint" : "Host"}`,
      );
    }
    return [
      unplaced(
        `ships the logs (${which}) to a server it does not name, so where they go cannot be placed`,
        `the ${plugin || "unnamed"} output`,
      ),
    ];
  });
}

/** The reading of this module's field, by its `read`, as paths/operators.ts runs it. */
export const logForwardingReadings = { "log-output": logOutputDestinations } as const;

/** The readings of values that are not one object (a Fluent Bit configuration's text). */
export const logForwardingValueReadings = {
  "fluent-bit-outputs": fluentBitDestinations,
} as const;

/** The output types, each the key of its settings. */
const outputTypes = [
  "azureMonitor",
  "cloudwatch",
  "elasticsearch",
  "fluentdForward",
  "googleCloudLogging",
  "http",
  "kafka",
  "loki",
  "lokiStack",
  "otlp",
  "splunk",
  "syslog",
];

/**
 * The settings the reading weighs: the type and every setting that names where the logs go. A
 * credential or TLS setting not known at preview (a Secret's generated name) leaves it decided.
 */
export const logForwardingWeighs: Readonly<
  Record<keyof typeof logForwardingReadings, readonly string[]>
> = {
  "log-output": [
    "type",
    "url",
    ...outputTypes.flatMap((t) => [`${t}.url`, `${t}.region`, `${t}.brokers`, `${t}.proxyURL`]),
  ],
};
