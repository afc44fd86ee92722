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
