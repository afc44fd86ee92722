/**
 * Where a Kafka Connect connector writes, read from its settings (`connector.class` and the rest of
 * its config) the same way wherever it runs: a Strimzi KafkaConnector on a cluster
 * (paths/streaming.ts) or a connector of Amazon MSK Connect (`aws.mskconnect.Connector`'s
 * `connectorConfiguration`, paths/types/log-readers.ts). Each caller places what this names in
 * its own words.
 *
 * A sink connector (its class names a sink) writes the records of its topics to every server its
 * settings name — a URL, URI, endpoint, host or bootstrap servers, a JDBC URL's host — else to the
 * AWS region it names (an S3 sink's `s3.region`); Confluent's S3 sink that names neither writes
 * through `us-west-2`, its documented default for `s3.region`. A sink naming none of these cannot
 * be placed. MirrorMaker 2's source connector writes to `target.cluster.bootstrap.servers` when
 * set, else to its Connect's own Kafka. Any other source connector brings records in.
 */
import { str } from "./values";

/** What a connector's settings say about where it writes. */
export type ConnectorTarget =
  /** Servers a setting names (each one text, a JDBC URL without its `jdbc:`). */
  | { readonly kind: "servers"; readonly key: string; readonly servers: readonly string[] }
  /** A setting taken from a config provider when the connector runs (`${secrets:…}`). */
  | {
      readonly kind: "provided";
      readonly key: string;
      readonly value: string;
      readonly provider: string;
    }
  /** The AWS region a setting names, or the connector's default when it names none. */
  | {
      readonly kind: "region";
      readonly key: string;
      readonly region: string | undefined;
      readonly defaulted: boolean;
    }
  /** A sink whose settings name no destination the pack can read. */
  | { readonly kind: "unnamed" };

/** Settings of a connector that configure how records are handled, not where they go. */
const handlingKey =
  /^((key|value|header)\.converter|transforms|predicates|errors|consumer\.override)\./;
/** Settings that name where a sink connector writes: a URL, endpoint, host or Kafka. */
const destinationKey = /(^|\.)(url|urls|uri|endpoint|hosts?|hostname|bootstrap\.servers)$/i;
const regionKey = /(^|\.)region$/i;

/**
 * Sink classes whose region setting has a documented default, read when the settings name none:
 * Confluent's Amazon S3 sink connector (`s3.region`, default `us-west-2`).
 */
const defaultRegions: Readonly<Record<string, { key: string; region: string }>> = {
  "io.confluent.connect.s3.S3SinkConnector": { key: "s3.region", region: "us-west-2" },
};

/**
 * Whether a setting decides where a connector writes — its class, a server, a region — so that a
 * value of it not known at preview leaves the connector undecided.
 */
export function decidesWhere(key: string): boolean {
  return (
    key === "connector.class" ||
    key === "target.cluster.bootstrap.servers" ||
    (!handlingKey.test(key) && (destinationKey.test(key) || regionKey.test(key)))
  );
}

/**
 * The config provider a setting is read from when the connector runs (`${secrets:ns/name:key}`,
 * `${file:/path:key}`, `${env:NAME}`, `${secretsmanager:…}`): Kafka's and the platforms' providers.
 */
function configProviderOf(value: string): string | undefined {
  return /^\$\{([A-Za-z][\w-]*):[^}]*\}$/.exec(value.trim())?.[1];
}

/**
 * Where a connector of class `cls` with settings `config` writes, or an empty list when it writes
 * nowhere outside its Connect's own Kafka (a source connector, a MirrorMaker source without a
 * target of its own).
 */
export function connectorTargets(
  cls: string,
  config: Readonly<Record<string, unknown>>,
): ConnectorTarget[] {
  if (/MirrorSourceConnector$/.test(cls)) {
    const target = str(config["target.cluster.bootstrap.servers"]);
    return target === undefined
      ? []
      : [{ kind: "servers", key: "target.cluster.bootstrap.servers", servers: listed(target) }];
  }
  if (!/sink/i.test(cls)) {
    return [];
  }
  const settings = Object.entries(config).filter(([key]) => !handlingKey.test(key));
  const servers = settings.filter(
    ([key, value]) => destinationKey.test(key) && str(value) !== undefined,
  );
  if (servers.length > 0) {
    return servers.map(([key, value]): ConnectorTarget => {
      const text = str(value) as string;
      const provider = configProviderOf(text);
      return provider === undefined
        ? { kind: "servers", key, servers: listed(text).map((v) => v.replace(/^jdbc:/i, "")) }
        : { kind: "provided", key, value: text, provider };
    });
  }
  const region = settings.find(([key, value]) => regionKey.test(key) && str(value) !== undefined);
  if (region !== undefined) {
    return [{ kind: "region", key: region[0], region: str(region[1]), defaulted: false }];
  }
  const byDefault = defaultRegions[cls];
  return byDefault === undefined
    ? [{ kind: "unnamed" }]
    : [{ kind: "region", key: byDefault.key, region: byDefault.region, defaulted: true }];
}

/** The entries of a comma-separated list, trimmed, without empty ones. */
function listed(text: string): string[] {
  return text
    .split(",")
    .map((v) => v.trim())
    .filter((v) => v !== "");
}
