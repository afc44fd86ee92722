/**
 * The custom kinds whose operator runs pods, in a module of its own: the type tables
 * (types/kubernetes.ts) and the stack's placing of names (mesh-hosts.ts, which the tables load)
 * both read them.
 */
import { variants } from "./variants";

/** ECK's Elasticsearch, a store of data (`elasticsearch.k8s.elastic.co` `v1`, `v1beta1`). */
export const eckStores: readonly string[] = variants(
  "elasticsearch.k8s.elastic.co",
  ["v1", "v1beta1"],
  "Elasticsearch",
);

/** ECK's kinds that read and ship to Elasticsearch, each run as pods of its own. */
export const eckWorkloads: readonly string[] = [
  ...variants("kibana.k8s.elastic.co", ["v1", "v1beta1"], "Kibana"),
  ...variants("apm.k8s.elastic.co", ["v1", "v1beta1"], "ApmServer"),
  ...variants("beat.k8s.elastic.co", ["v1beta1"], "Beat"),
  ...variants("agent.k8s.elastic.co", ["v1alpha1"], "Agent"),
  ...variants("logstash.k8s.elastic.co", ["v1alpha1"], "Logstash"),
  ...variants("enterprisesearch.k8s.elastic.co", ["v1", "v1beta1"], "EnterpriseSearch"),
  ...variants("maps.k8s.elastic.co", ["v1alpha1"], "ElasticMapsServer"),
];

/**
 * The custom kinds whose operator runs pods in the resource's own namespace — the brokers,
 * connectors and bridges of Strimzi, CloudNativePG's and Zalando's PostgreSQL instances, the
 * MariaDB operator's servers and MaxScale, the Redis operator's servers and sentinels, the
 * Prometheus operator's Prometheus, agents, Alertmanagers and Thanos rulers, OpenTelemetry
 * collectors, ECK's Elasticsearch, Kibana, APM Server and Beats — with their Lists, not their Patches (a patch changes pods that already run).
 * kubernetes-namespace-egress counts them as it counts the workloads of the core kinds.
 */
export const operatorPodKinds: ReadonlySet<string> = new Set(
  [
    ...variants(
      "kafka.strimzi.io",
      ["v1beta2", "v1"],
      ["Kafka", "KafkaConnect", "KafkaMirrorMaker2", "KafkaBridge"],
    ),
    ...variants("postgresql.cnpg.io", ["v1"], "Cluster"),
    ...variants("acid.zalan.do", ["v1"], "postgresql"),
    ...["k8s.mariadb.com", "mariadb.mmontes.io"].flatMap((g) =>
      variants(g, ["v1alpha1"], "MariaDB"),
    ),
    ...variants("k8s.mariadb.com", ["v1alpha1"], "MaxScale"),
    ...variants(
      "redis.redis.opstreelabs.in",
      ["v1beta2", "v1beta1"],
      ["Redis", "RedisCluster", "RedisReplication"],
    ),
    ...variants("redis.redis.opstreelabs.in", ["v1beta2"], "RedisSentinel"),
    ...variants("monitoring.coreos.com", ["v1"], ["Prometheus", "Alertmanager", "ThanosRuler"]),
    ...variants("monitoring.coreos.com", ["v1alpha1"], "PrometheusAgent"),
    ...variants("opentelemetry.io", ["v1alpha1", "v1beta1"], "OpenTelemetryCollector"),
    ...eckStores,
    ...eckWorkloads,
  ].filter((t) => !t.endsWith("Patch")),
);

/** A Service an operator makes for an object it runs: its name, and whether it is headless. */
export interface OperatorService {
  readonly name: string;
  /** No cluster IP: it also answers for its pods (`<pod>.<service>`). */
  readonly headless?: true;
}

/** Whether a type is of objects themselves, not their Lists or Patches. */
const isObject = (t: string) => !t.endsWith("List") && !t.endsWith("Patch");

/** The objects (not Lists or Patches) of a group's kinds. */
export const objectsOf = (
  group: string,
  versions: readonly string[],
  kinds: string | readonly string[],
) => variants(group, versions, kinds).filter(isObject);

/** The Services an object named `name` makes, by its suffixes (`-rw`); `~` marks a headless one. */
const suffixed =
  (...suffixes: readonly string[]) =>
  (name: string): OperatorService[] =>
    suffixes.map((s) =>
      s.startsWith("~")
        ? { name: `${name}${s.slice(1)}`, headless: true }
        : { name: `${name}${s}` },
    );

/** One Service of a fixed name, whatever the object's (`prometheus-operated`). */
const fixed =
  (service: string, headless = false) =>
  (): OperatorService[] => [{ name: service, ...(headless ? { headless: true as const } : {}) }];

/** A Skupper Site's router Service, made where the site is linked to (`linkAccess` not `none`). */
function skupperRouter(_name: string, props: unknown): OperatorService[] {
  const linkAccess = (props as { spec?: { linkAccess?: unknown } } | null)?.spec?.linkAccess;
  return typeof linkAccess === "string" && linkAccess !== "" && linkAccess !== "none"
    ? [{ name: "skupper-router" }]
    : [];
}

/**
 * The Services operators make for the objects they run, in the object's namespace, by the names
 * the operators give them: a pod's resolver answers `<service>.<namespace>` with them as with a
 * Service the program declares (mesh-hosts.ts `byClusterService`).
 */
const operatorServiceKinds: ReadonlyArray<
  readonly [readonly string[], (name: string, props: unknown) => readonly OperatorService[]]
> = [
  // CloudNativePG: a Cluster's read-write, read-only and any-instance Services.
  [objectsOf("postgresql.cnpg.io", ["v1"], "Cluster"), suffixed("-rw", "-ro", "-r")],
  // Zalando's postgres-operator: the primary's Service (the cluster's name) and the replicas'.
  [objectsOf("acid.zalan.do", ["v1"], "postgresql"), suffixed("", "-repl")],
  // Strimzi: a Kafka's bootstrap Service and its brokers' headless one; Kafka Connect's REST
  // API; the HTTP bridge.
  [
    objectsOf("kafka.strimzi.io", ["v1beta2", "v1"], "Kafka"),
    suffixed("-kafka-bootstrap", "~-kafka-brokers"),
  ],
  [objectsOf("kafka.strimzi.io", ["v1beta2", "v1"], "KafkaConnect"), suffixed("-connect-api")],
  [objectsOf("kafka.strimzi.io", ["v1beta2", "v1"], "KafkaBridge"), suffixed("-bridge-service")],
  // RabbitMQ's cluster operator: the client Service and the nodes' headless one.
  [objectsOf("rabbitmq.com", ["v1beta1"], "RabbitmqCluster"), suffixed("", "~-nodes")],
  // The Prometheus Operator: the governing headless Service of a namespace's Prometheus,
  // Alertmanager and Thanos Ruler pods, whatever their objects' names.
  [objectsOf("monitoring.coreos.com", ["v1"], "Prometheus"), fixed("prometheus-operated", true)],
  [
    objectsOf("monitoring.coreos.com", ["v1"], "Alertmanager"),
    fixed("alertmanager-operated", true),
  ],
  [objectsOf("monitoring.coreos.com", ["v1"], "ThanosRuler"), fixed("thanos-ruler-operated", true)],
  // The OpenTelemetry Operator: a collector's Service, its headless twin and its metrics'.
  [
    objectsOf("opentelemetry.io", ["v1alpha1", "v1beta1"], "OpenTelemetryCollector"),
    suffixed("-collector", "~-collector-headless", "-collector-monitoring"),
  ],
  // The Jaeger Operator: a Jaeger's collector (and its headless twin) and its query service.
  [
    objectsOf("jaegertracing.io", ["v1"], "Jaeger"),
    suffixed("-collector", "~-collector-headless", "-query"),
  ],
  // ECK: Elasticsearch's HTTP and internal HTTP Services and its nodes' transport (headless);
  // Kibana's and APM Server's HTTP.
  [eckStores.filter(isObject), suffixed("-es-http", "-es-internal-http", "~-es-transport")],
  [objectsOf("kibana.k8s.elastic.co", ["v1", "v1beta1"], "Kibana"), suffixed("-kb-http")],
  [objectsOf("apm.k8s.elastic.co", ["v1", "v1beta1"], "ApmServer"), suffixed("-apm-http")],
  // Skupper: the router's Service of a Site linked to; one of its own name for each RouterAccess
  // and SecuredAccess.
  [objectsOf("skupper.io", ["v2alpha1"], "Site"), skupperRouter],
  [objectsOf("skupper.io", ["v2alpha1"], ["RouterAccess", "SecuredAccess"]), suffixed("")],
];

/** The Services an object of each kind makes (operatorServiceKinds), by its type. */
export const operatorServices: ReadonlyMap<
  string,
  (name: string, props: unknown) => readonly OperatorService[]
> = new Map(operatorServiceKinds.flatMap(([types, made]) => types.map((t) => [t, made] as const)));
