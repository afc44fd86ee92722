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

/** The objects (not Lists or Patches) of a group's kinds. */
const objectsOf = (group: string, versions: readonly string[], kinds: string | readonly string[]) =>
  variants(group, versions, kinds).filter((t) => !t.endsWith("List") && !t.endsWith("Patch"));

/**
 * The Services operators make, by their names, for an object named `name` of the kinds listed,
 * in the object's namespace: a pod's resolver answers `<service>.<namespace>` with them as with a
 * Service the program declares (mesh-hosts.ts `byClusterService`).
 * - CloudNativePG's Cluster: its read-write, read-only and any-instance Services (`-rw`, `-ro`,
 *   `-r`);
 * - Strimzi's Kafka: its bootstrap Service and its brokers' headless one;
 * - Skupper's Site, linked to (`linkAccess` set, and not `none`): its router's, `skupper-router`;
 *   a RouterAccess or SecuredAccess: one of its own name.
 */
export const operatorServices: ReadonlyMap<
  string,
  (name: string, props: unknown) => readonly OperatorService[]
> = new Map([
  ...objectsOf("postgresql.cnpg.io", ["v1"], "Cluster").map(
    (t) => [t, (name: string) => ["rw", "ro", "r"].map((s) => ({ name: `${name}-${s}` }))] as const,
  ),
  ...objectsOf("kafka.strimzi.io", ["v1beta2", "v1"], "Kafka").map(
    (t) =>
      [
        t,
        (name: string): OperatorService[] => [
          { name: `${name}-kafka-bootstrap` },
          { name: `${name}-kafka-brokers`, headless: true },
        ],
      ] as const,
  ),
  ...objectsOf("skupper.io", ["v2alpha1"], "Site").map(
    (t) =>
      [
        t,
        (_name: string, props: unknown) => {
          const linkAccess = (props as { spec?: { linkAccess?: unknown } } | null)?.spec
            ?.linkAccess;
          return typeof linkAccess === "string" && linkAccess !== "" && linkAccess !== "none"
            ? [{ name: "skupper-router" }]
            : [];
        },
      ] as const,
  ),
  ...objectsOf("skupper.io", ["v2alpha1"], ["RouterAccess", "SecuredAccess"]).map(
    (t) => [t, (name: string) => [{ name }]] as const,
  ),
]);
