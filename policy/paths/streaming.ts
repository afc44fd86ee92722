/**
 * Strimzi's Kafka kinds (`kafka.strimzi.io` `v1beta2`, `v1`), as kubernetes-egress reads them: a
 * KafkaMirrorMaker2 copies every record of the topics it mirrors from its source clusters into its
 * target — replication across clusters, and across a border when the target is abroad — so its
 * target's bootstrap servers are a destination (its sources send their records in); a
 * KafkaBridge forwards what HTTP clients produce to the Kafka its `bootstrapServers` name; a
 * KafkaConnector's sink writes the records of its topics to the systems its settings name, and a
 * KafkaConnect whose connectors are not KafkaConnector resources runs connectors the pack cannot
 * see; a Kafka with tiered storage moves its topics' older segments to remote storage through a
 * plugin whose configuration the pack does not read. Kinds and fields as Strimzi's CRDs define them,
 * checked against their models in test/paths/custom-resources.test.ts.
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
import { connectorTargets } from "./connectors";
import { record, str } from "./values";

const mirrorWords: DestinationWords = {
  must: "mirror topics only into Kafka clusters of the cluster, at private or allowlisted addresses",
  how: "MirrorMaker 2 copies every record of the topics it mirrors into that cluster",
  fix: "Mirror into a Kafka cluster inside the jurisdiction — one of this cluster or at a private address — or add its address to the egress allowlist, or its host name to egressHosts, with a reason",
};

const bridgeWords: DestinationWords = {
  must: "bridge only to Kafka clusters of the cluster, at private or allowlisted addresses",
  how: "the bridge produces there every record its HTTP clients send",
  fix: "Bridge to a Kafka cluster of this cluster or at a private address, or add its address to the egress allowlist, or its host name to egressHosts, with a reason",
};

const tieredWords: DestinationWords = {
  must: "keep its topics' data in the cluster or in storage the pack can place",
  how: "the brokers move the older segments of every topic to that storage",
  fix: "Keep the topics' data on the brokers' volumes, or, once you have reviewed where the plugin's storage is, waive this finding with that evidence",
};

/**
 * The servers of a Kafka `bootstrapServers` list (`host:port`, comma-separated): each a Service
 * of the cluster (a short name, `*.svc`), a private or allowlisted address, or a place outside.
 */
function bootstrapDestinations(
  f: DestinationField,
  servers: string,
  allowlist: readonly EgressAllowEntry[],
  j: string,
  lead: string,
): DestinationFinding[] {
  return servers
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .flatMap((server) => serverDestinations(f, server, allowlist, j, lead));
}

/**
 * Where a KafkaMirrorMaker2 writes: its `target` (`v1`, and `v1beta2` since Strimzi 0.46), or the
 * clusters its mirrors name as `targetCluster`, found among its `clusters` by alias (`v1beta2`
 * before). A target whose servers it does not name cannot be placed.
 */
function mirrorTargetDestinations(
  f: DestinationField,
  spec: Readonly<Record<string, unknown>>,
  allowlist: readonly EgressAllowEntry[],
  j: string,
): DestinationFinding[] {
  const unnamed = (alias: string | undefined): DestinationFinding =>
    unplaced(
      `mirrors into ${alias === undefined ? "a target" : `cluster ${JSON.stringify(alias)}`} whose bootstrap servers it does not name`,
      `${alias ?? "the target"}`,
    );
  const into = (alias: string | undefined, servers: string | undefined) =>
    servers === undefined
      ? [unnamed(alias)]
      : bootstrapDestinations(
          f,
          servers,
          allowlist,
          j,
          `mirrors topics into ${alias === undefined ? "the target" : `cluster ${JSON.stringify(alias)}`} at ${JSON.stringify(servers)}`,
        );
  const target = record(spec.target);
  if (target !== undefined) {
    return into(str(target.alias), str(target.bootstrapServers));
  }
  const clusters = Array.isArray(spec.clusters) ? spec.clusters.map(record) : [];
  const mirrors = Array.isArray(spec.mirrors) ? spec.mirrors.map(record) : [];
  const aliases = new Set(
    [...mirrors.map((m) => str(m?.targetCluster)), str(spec.connectCluster)].filter(
      (a): a is string => a !== undefined,
    ),
  );
  if (aliases.size === 0) {
    return [unnamed(undefined)];
  }
  return [...aliases].flatMap((alias) =>
    into(alias, str(clusters.find((c) => str(c?.alias) === alias)?.bootstrapServers)),
  );
}

/** A KafkaBridge's Kafka (`spec.bootstrapServers`). */
function bridgeDestinations(
  f: DestinationField,
  servers: unknown,
  allowlist: readonly EgressAllowEntry[],
  j: string,
): DestinationFinding[] {
  const text = str(servers);
  return text === undefined
    ? []
    : bootstrapDestinations(f, text, allowlist, j, `bridges to ${JSON.stringify(text)}`);
}

const connectWords: DestinationWords = {
  must: "send the topics' records only to systems of the cluster, at private or allowlisted addresses, or in regions inside the jurisdiction",
  how: "Kafka Connect's sink connectors write every record of the topics they consume there",
  fix: 'Sink to a system of the cluster or at a private address, or to a cloud service in a region inside the jurisdiction; manage connectors as KafkaConnector resources (strimzi.io/use-connector-resources: "true") so that each is judged',
};

/**
 * Where a KafkaConnector writes (`spec.class`, `spec.config`, read by paths/connectors.ts): a
 * sink to the servers its settings name, each a Service of the cluster, a private or allowlisted
 * address or a place outside; else to the AWS region it names or defaults to; a sink that names
 * neither to a service the pack cannot place. MirrorMaker's source connector writes to its
 * target's bootstrap servers when set, else to its Connect's own Kafka (judged on the
 * KafkaConnect). A source connector brings records in.
 */
function connectorDestinations(
  f: DestinationField,
  spec: Readonly<Record<string, unknown>>,
  allowlist: readonly EgressAllowEntry[],
  j: string,
): DestinationFinding[] {
  const cls = str(spec.class) ?? "";
  return connectorTargets(cls, record(spec.config) ?? {}).flatMap(
    (target): DestinationFinding[] => {
      switch (target.kind) {
        case "servers":
          return target.servers.flatMap((server) =>
            serverDestinations(
              f,
              server,
              allowlist,
              j,
              target.key === "target.cluster.bootstrap.servers"
                ? `mirrors into ${JSON.stringify(target.servers.join(","))}`
                : `writes the records to the server of ${target.key}`,
            ),
          );
        case "provided":
          return [
            unplaced(
              `takes ${target.key} from the config provider ${JSON.stringify(target.provider)} (${target.value}) when the connector runs, so the server it writes the records to is not in the program`,
              `the server of ${target.key}`,
            ),
          ];
        case "region":
          return regionDestinations(
            j,
            "aws",
            target.region,
            `the sink of ${JSON.stringify(cls)}${target.defaulted ? ` (${target.key} unset: its default)` : ""}`,
            "writes the records to",
          );
        case "unnamed":
          return [
            unplaced(
              `runs the sink connector ${JSON.stringify(cls || "(no class)")}, whose destination its settings do not name where the pack can read it`,
              `the ${cls || "unnamed"} sink`,
            ),
          ];
      }
    },
  );
}

/**
 * A KafkaConnect's connectors: KafkaConnector resources, each judged, when its
 * `strimzi.io/use-connector-resources` annotation is "true"; otherwise managed through Kafka
 * Connect's REST API, where the pack cannot see them.
 */
function connectorsOf(
  _f: DestinationField,
  metadata: Readonly<Record<string, unknown>>,
): DestinationFinding[] {
  const annotations = record(metadata.annotations) ?? {};
  return str(annotations["strimzi.io/use-connector-resources"]) === "true"
    ? []
    : [
        unplaced(
          'does not set strimzi.io/use-connector-resources to "true", so its connectors are managed through Kafka Connect\'s REST API, where the pack cannot see where they write',
          "the connectors of its REST API",
        ),
      ];
}

/** The destination fields of Strimzi's kinds (objects, Patches; Lists under `items[]`). */
export const streamingFields: ReadonlyArray<readonly [RegExp, readonly DestinationField[]]> = [
  [
    /^kubernetes:kafka\.strimzi\.io\/(v1beta2|v1):KafkaMirrorMaker2$/,
    [{ path: "spec", what: "mirror target", read: "mirror-target", words: mirrorWords }],
  ],
  [
    /^kubernetes:kafka\.strimzi\.io\/(v1beta2|v1):KafkaBridge$/,
    [
      {
        path: "spec.bootstrapServers",
        what: "Kafka cluster",
        read: "kafka-servers",
        words: bridgeWords,
      },
    ],
  ],
  [
    /^kubernetes:kafka\.strimzi\.io\/(v1beta2|v1):KafkaConnector$/,
    [{ path: "spec", what: "connector", read: "kafka-connector", words: connectWords }],
  ],
  [
    /^kubernetes:kafka\.strimzi\.io\/(v1beta2|v1):KafkaConnect$/,
    [
      {
        path: "spec.bootstrapServers",
        what: "Kafka cluster",
        read: "kafka-servers",
        words: connectWords,
      },
      { path: "metadata", what: "connectors", read: "connect-connectors", words: connectWords },
    ],
  ],
  [
    /^kubernetes:kafka\.strimzi\.io\/(v1beta2|v1):Kafka$/,
    [
      {
        path: "spec.kafka.tieredStorage",
        what: "tiered storage",
        read: "unseen",
        words: tieredWords,
        unseen: {
          why: "moves the topics' older segments to remote storage through a plugin whose configuration the pack does not read",
          place: "the tiered storage (cannot be placed)",
        },
      },
    ],
  ],
];

/** The readings of this module's fields of one object, by their `read` (paths/operators.ts). */
export const streamingReadings = {
  "mirror-target": mirrorTargetDestinations,
  "kafka-connector": connectorDestinations,
  "connect-connectors": connectorsOf,
} as const;

/** The reading of a value that is not one object (a `bootstrapServers` list). */
export const streamingValueReadings = { "kafka-servers": bridgeDestinations } as const;

/** The settings the mirror's reading weighs: where it writes, not its sources or credentials. */
export const streamingWeighs: Readonly<Record<string, readonly string[]>> = {
  "mirror-target": [
    "target.bootstrapServers",
    "target.alias",
    "connectCluster",
    "mirrors[].targetCluster",
    "clusters[].alias",
    "clusters[].bootstrapServers",
  ],
  // A connector's class and settings; not its task count or state.
  "kafka-connector": ["class", "config"],
  "connect-connectors": ["annotations"],
};
