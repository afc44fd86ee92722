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

/** The reading of this module's field, by its `read`, as paths/operators.ts runs it. */
export const logForwardingReadings = { "log-output": logOutputDestinations } as const;

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
