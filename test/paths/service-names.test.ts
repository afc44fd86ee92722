/**
 * A pod looks a name of two labels up as `<service>.<namespace>` first: its resolver's search path
 * asks the cluster for `<service>.<namespace>.svc.cluster.local` before the network's DNS
 * (policy/paths/mesh-hosts.ts `byClusterService`). So a URL or server address a pod of the cluster
 * sends to, `http://mimir.monitoring:9009`, names the Service `mimir` of namespace `monitoring`
 * where the program declares that Service on the same cluster: it stays in the cluster and passes.
 * Where the program declares none, the cluster may hold no such Service and the name goes on to
 * the network's DNS, which may answer anywhere (`router.lan`, `sso.corp`: reading every such name
 * as a Service passed those, and was reverted), so named-destinations fails it closed, saying how
 * to name the Service so that the pack places it. A name whose second label is also a top-level
 * domain of the internet's (`garage.storage`, `httpbingo.org`) is the Service's all the same where
 * the program declares it — the resolver asks the cluster first — and otherwise the internet host
 * it names, reported in kubernetes-egress's words.
 */
import { egress, findingsOf, kube, named, onCluster } from "../helpers/cluster-objects";
import { messagesOf } from "../helpers/cluster-objects";
import type { OracleResource } from "../helpers/model-oracle";

const judged = (resources: readonly OracleResource[]) =>
  findingsOf(resources, ["kubernetes-egress", "named-destinations"]);

const prometheus = (url: string) =>
  kube("kubernetes:monitoring.coreos.com/v1:Prometheus", "main", {
    metadata: { namespace: "observability" },
    spec: { remoteWrite: [{ url }] },
  });
const promLabel = 'k8s prometheus "main"';

const service = (name: string, namespace?: string, provider = "kube"): OracleResource => ({
  type: "kubernetes:core/v1:Service",
  name: `${name}-svc`,
  provider,
  props: {
    metadata: { name, ...(namespace === undefined ? {} : { namespace }) },
    spec: { selector: { app: name }, ports: [{ port: 9009 }] },
  },
});

describe("a URL a pod sends to by <service>.<namespace>", () => {
  test("passes where the program declares that Service on the same cluster", () => {
    expect(
      judged(
        onCluster(
          prometheus("http://mimir.monitoring:9009/api/v1/push"),
          service("mimir", "monitoring"),
        ),
      ),
    ).toEqual([]);
    // Names are compared as DNS compares them, whatever their case.
    expect(
      judged(
        onCluster(
          prometheus("http://Mimir.Monitoring:9009/api/v1/push"),
          service("mimir", "monitoring"),
        ),
      ),
    ).toEqual([]);
    // A Service without a namespace is of the default namespace.
    expect(judged(onCluster(prometheus("http://mimir.default:9009"), service("mimir")))).toEqual(
      [],
    );
  });

  test("fails closed where no such Service of its cluster is in the program, saying how to name it", () => {
    const unplaced = [named("main", promLabel, "mimir.monitoring (cannot be placed)")];
    expect(judged(onCluster(prometheus("http://mimir.monitoring:9009/api/v1/push")))).toEqual(
      unplaced,
    );
    // Of another namespace, another name, or another cluster's provider.
    for (const other of [
      service("mimir", "metrics"),
      service("loki", "monitoring"),
      service("mimir", "monitoring", "elsewhere"),
    ]) {
      const elsewhere: OracleResource = {
        type: "pulumi:providers:kubernetes",
        name: "elsewhere",
        props: { kubeconfig: "apiVersion: v1" },
      };
      expect(
        judged([...onCluster(prometheus("http://mimir.monitoring:9009")), elsewhere, other]).filter(
          ([, name]) => name === "main",
        ),
      ).toEqual(unplaced);
    }
    expect(
      messagesOf("named-destinations", onCluster(prometheus("http://mimir.monitoring:9009"))),
    ).toEqual([
      expect.stringContaining(
        'spec.remoteWrite[0].url is "http://mimir.monitoring:9009", a host the pack cannot place, and no Service "mimir" of namespace "monitoring" in its cluster is in the program (nor a headless Service "monitoring" of its namespace, whose pod "mimir" it may name), so the pods\' resolver may pass the name on to the network\'s DNS',
      ),
    ]);
    expect(
      messagesOf("named-destinations", onCluster(prometheus("http://mimir.monitoring:9009")))[0],
    ).toContain(
      "or name the Service by its cluster name (<service>.<namespace>.svc), or declare it in the program, or the object of an operator the pack knows that makes it (a CloudNativePG Cluster's <name>-rw).",
    );
  });

  test("twin: the Service's cluster name passes without it; private zones' names fail closed as before", () => {
    expect(judged(onCluster(prometheus("http://mimir.monitoring.svc:9009")))).toEqual([]);
    for (const host of ["router.lan", "oracle.internal", "sso.corp"]) {
      expect(judged(onCluster(prometheus(`http://${host}/push`)))).toEqual([
        named("main", promLabel, `${host} (cannot be placed)`),
      ]);
    }
    // A Service named like a private zone's host places it: the cluster answers first.
    expect(
      judged(onCluster(prometheus("http://router.lan/push"), service("router", "lan"))),
    ).toEqual([]);
  });

  test("a name that is also an internet domain is the Service's where the program declares it", () => {
    // The real-manifest bench: a CloudNativePG backup to `http://garage.storage:3900`, the garage
    // Service in namespace `storage` (a top-level domain too) declared beside it.
    for (const [url, name, namespace] of [
      ["http://minio.storage:9000/api/v1/push", "minio", "storage"],
      ["https://httpbingo.org/push", "httpbingo", "org"],
    ]) {
      expect(judged(onCluster(prometheus(url), service(name, namespace)))).toEqual([]);
    }
  });

  test("twin: without that Service it is the internet host it names, in kubernetes-egress's words", () => {
    const host = "httpbingo.org";
    for (const others of [[], [service("httpbingo", "net")], [service("bin", "org")]]) {
      expect(
        judged(onCluster(prometheus(`https://${host}/push`), ...others)).filter(
          ([, name]) => name === "main",
        ),
      ).toEqual([named("main", promLabel, `${host} (cannot be placed)`)]);
    }
    const [message] = messagesOf(
      "named-destinations",
      onCluster(prometheus(`https://${host}/push`)),
    );
    expect(message).toBe(
      messagesOf(
        "kubernetes-egress",
        onCluster(prometheus("https://httpbingo.example.org/push")),
      )[0]
        .split("httpbingo.example.org")
        .join(host),
    );
    expect(message).not.toContain('Service "httpbingo"');
  });

  test("twin: a webhook's URL, which the API server calls without the cluster's DNS, is not read so", () => {
    const webhook = kube(
      "kubernetes:admissionregistration.k8s.io/v1:ValidatingWebhookConfiguration",
      "policy",
      { webhooks: [{ name: "check", clientConfig: { url: "https://policy.checks/validate" } }] },
    );
    expect(judged(onCluster(webhook, service("policy", "checks")))).toEqual([
      egress(
        "policy",
        'k8s validatingwebhookconfiguration "policy"',
        "policy.checks (cannot be placed)",
      ),
    ]);
  });
});

describe("where a pod does not look the name up through the cluster's search path (the real-manifest bench)", () => {
  const withMimir = (sender: OracleResource) => onCluster(sender, service("mimir", "monitoring"));

  test("a trailing dot makes the name absolute: the network's DNS answers it, not the Service", () => {
    expect(judged(withMimir(prometheus("http://mimir.monitoring.:9009/push")))).toEqual([
      egress("main", promLabel, "mimir.monitoring. (cannot be placed)"),
    ]);
    // The finding says why the declared Service does not answer, and what name would reach it.
    expect(
      messagesOf("kubernetes-egress", withMimir(prometheus("http://mimir.monitoring.:9009/push"))),
    ).toEqual([
      expect.stringContaining(
        'a host the pack cannot place, and the trailing dot makes the name absolute: the network\'s DNS answers it, not a Service "mimir" of namespace "monitoring" of the cluster (its cluster name, mimir.monitoring.svc.cluster.local, would reach that Service): ',
      ),
    ]);
    // Twin: an absolute name of the internet, or of more labels, is no Service's to explain.
    for (const url of ["https://httpbingo.org./push", "http://mimir.monitoring.example.:9009"]) {
      const [message] = messagesOf("kubernetes-egress", withMimir(prometheus(url)));
      expect(message).toContain("a host the pack cannot place: ");
      expect(message).not.toContain("trailing dot");
    }
  });

  test("pods on the node's resolver (dnsPolicy Default, None) or with ndots below 2 do not search the cluster", () => {
    const spec = (extra: Record<string, unknown>) =>
      kube("kubernetes:monitoring.coreos.com/v1:Prometheus", "main", {
        metadata: { namespace: "observability" },
        spec: { remoteWrite: [{ url: "http://mimir.monitoring:9009/push" }], ...extra },
      });
    // Then the name is no Service's to them: a host kubernetes-egress cannot place, saying why.
    const unplaced = [egress("main", promLabel, "mimir.monitoring (cannot be placed)")];
    expect(judged(withMimir(spec({ dnsPolicy: "Default" })))).toEqual(unplaced);
    for (const [extra, why] of [
      [{ dnsPolicy: "Default" }, "its pods take the node's resolver (dnsPolicy: Default)"],
      [{ dnsPolicy: "None" }, "its pods take the resolver their dnsConfig names (dnsPolicy: None)"],
      [
        { hostNetwork: true },
        "its pods run on the node's network without dnsPolicy ClusterFirstWithHostNet, and so take the node's resolver",
      ],
      [
        { dnsConfig: { options: [{ name: "ndots", value: "1" }] } },
        "its pods' resolver has ndots: 1, below 2, and so asks the network's DNS for a name of two labels first",
      ],
    ] as const) {
      expect(messagesOf("kubernetes-egress", withMimir(spec(extra)))).toEqual([
        expect.stringContaining(
          `a host the pack cannot place, and ${why}, which does not ask the cluster for a Service "mimir" of namespace "monitoring": `,
        ),
      ]);
    }
    expect(
      judged(withMimir(spec({ dnsPolicy: "None", dnsConfig: { nameservers: ["10.0.0.2"] } }))),
    ).toEqual(unplaced);
    expect(
      judged(withMimir(spec({ dnsConfig: { options: [{ name: "ndots", value: "1" }] } }))),
    ).toEqual(unplaced);
    // A pod on the node's network takes the node's resolver, unless told otherwise.
    expect(judged(withMimir(spec({ hostNetwork: true })))).toEqual(unplaced);
    expect(
      judged(withMimir(spec({ hostNetwork: true, dnsPolicy: "ClusterFirstWithHostNet" }))),
    ).toEqual([]);
    // Twin: the cluster's resolver, or ndots of 2 and more, search the cluster first.
    expect(judged(withMimir(spec({ dnsPolicy: "ClusterFirst" })))).toEqual([]);
    expect(
      judged(withMimir(spec({ dnsConfig: { options: [{ name: "ndots", value: "2" }] } }))),
    ).toEqual([]);
  });

  test("a configuration is read by the pods of the objects that name or select it (the bench's r13)", () => {
    const config = (labels: Record<string, string> = {}) =>
      kube("kubernetes:monitoring.coreos.com/v1alpha1:AlertmanagerConfig", "route", {
        metadata: { name: "route", namespace: "monitoring", labels },
        spec: {
          receivers: [{ name: "hook", webhookConfigs: [{ url: "http://bridge.gotify/hook" }] }],
        },
      });
    const manager = (spec: Record<string, unknown>, namespace = "monitoring") =>
      kube("kubernetes:monitoring.coreos.com/v1:Alertmanager", "main", {
        metadata: { name: "main", namespace },
        spec: { replicas: 1, ...spec },
      });
    const bridge = service("bridge", "gotify");
    const onConfig = (...objects: OracleResource[]) =>
      judged(onCluster(...objects, bridge)).filter(([, name]) => name === "route");
    const failed = [
      named("route", 'k8s alertmanagerconfig "route"', "bridge.gotify (cannot be placed)"),
    ];
    // Named by an Alertmanager on the node's resolver, or selected by one: its pods never ask
    // the cluster for the Service.
    expect(
      onConfig(
        config(),
        manager({ dnsPolicy: "Default", alertmanagerConfiguration: { name: "route" } }),
      ),
    ).toEqual(failed);
    expect(
      onConfig(
        config({ team: "ops" }),
        manager({
          hostNetwork: true,
          alertmanagerConfigSelector: { matchLabels: { team: "ops" } },
        }),
      ),
    ).toEqual(failed);
    expect(
      messagesOf(
        "named-destinations",
        onCluster(
          config(),
          manager({ dnsPolicy: "Default", alertmanagerConfiguration: { name: "route" } }),
          bridge,
        ),
      ),
    ).toEqual([
      expect.stringContaining(
        'a host the pack cannot place, and k8s alertmanager "main" reads it, and its pods take the node\'s resolver (dnsPolicy: Default), which does not ask the cluster for a Service "bridge" of namespace "gotify": ',
      ),
    ]);
    // Twins: a reader that searches the cluster; one whose selector leaves the configuration out
    // (other labels, no selector at all, another namespace without a namespace selector).
    for (const reader of [
      manager({ alertmanagerConfiguration: { name: "route" } }),
      manager({
        dnsPolicy: "Default",
        alertmanagerConfigSelector: { matchLabels: { team: "web" } },
      }),
      manager({ dnsPolicy: "Default" }),
      manager({ dnsPolicy: "Default", alertmanagerConfigSelector: {} }, "alerting"),
    ]) {
      expect(onConfig(config({ team: "ops" }), reader)).toEqual([]);
    }
    // A namespace selector takes configurations of other namespaces too.
    expect(
      onConfig(
        config(),
        manager(
          {
            dnsPolicy: "Default",
            alertmanagerConfigSelector: {},
            alertmanagerConfigNamespaceSelector: {},
          },
          "alerting",
        ),
      ),
    ).toEqual(failed);
    // A name that is also the internet's is the internet host it names to such a reader, even
    // with its Service declared.
    const internet = kube("kubernetes:monitoring.coreos.com/v1alpha1:AlertmanagerConfig", "route", {
      metadata: { name: "route", namespace: "monitoring" },
      spec: {
        receivers: [{ name: "s3", webhookConfigs: [{ url: "http://garage.storage/hook" }] }],
      },
    });
    const onNodeDns = manager({
      dnsPolicy: "Default",
      alertmanagerConfiguration: { name: "route" },
    });
    expect(onConfig(internet, onNodeDns, service("garage", "storage"))).toEqual([
      named("route", 'k8s alertmanagerconfig "route"', "garage.storage (cannot be placed)"),
    ]);
    expect(onConfig(internet, manager({}), service("garage", "storage"))).toEqual([]);
    // A Probe, by the Prometheus servers that select it.
    const probe = kube("kubernetes:monitoring.coreos.com/v1:Probe", "http", {
      metadata: { name: "http", namespace: "monitoring" },
      spec: { prober: { url: "blackbox.probes:9115" } },
    });
    const server = (spec: Record<string, unknown>) =>
      kube("kubernetes:monitoring.coreos.com/v1:Prometheus", "k8s", {
        metadata: { name: "k8s", namespace: "monitoring" },
        spec,
      });
    const probed = (...objects: OracleResource[]) =>
      judged(onCluster(probe, service("blackbox", "probes"), ...objects)).filter(
        ([, name]) => name === "http",
      );
    expect(probed(server({ dnsPolicy: "None", probeSelector: {} }))).toEqual([
      named("http", 'k8s probe "http"', "blackbox.probes (cannot be placed)"),
    ]);
    expect(probed(server({ probeSelector: {} }))).toEqual([]);
    expect(probed(server({ dnsPolicy: "None" }))).toEqual([]);
  });

  test("the NGINX Ingress controller resolves an external authentication service's name as written", () => {
    const ingress = (annotation: string, url: string) =>
      kube("kubernetes:networking.k8s.io/v1:Ingress", "web", {
        metadata: {
          namespace: "shop",
          annotations: { [`nginx.ingress.kubernetes.io/${annotation}`]: url },
        },
        spec: { ingressClassName: "nginx" },
      });
    for (const annotation of ["auth-url", "mirror-target"]) {
      expect(
        judged(
          onCluster(
            ingress(annotation, "http://oauth2-proxy.auth/oauth2/auth"),
            service("oauth2-proxy", "auth"),
          ),
        ),
      ).toEqual([egress("web", 'k8s ingress "web"', "oauth2-proxy.auth (cannot be placed)")]);
      expect(
        messagesOf(
          "kubernetes-egress",
          onCluster(ingress(annotation, "http://oauth2-proxy.auth/oauth2/auth")),
        ),
      ).toEqual([
        expect.stringContaining(
          'a host the pack cannot place, and the sender looks the name up as written, without the cluster\'s search path: the network\'s DNS answers it, not a Service "oauth2-proxy" of namespace "auth" of the cluster (its cluster name, oauth2-proxy.auth.svc.cluster.local, would reach that Service): ',
        ),
      ]);
    }
    // Twin: its Service's cluster name reaches it.
    expect(
      judged(
        onCluster(ingress("auth-url", "http://oauth2-proxy.auth.svc.cluster.local/oauth2/auth")),
      ),
    ).toEqual([]);
  });
});

describe("the Services a pod's resolver answers with", () => {
  test("a Service without a namespace is in its provider's default namespace", () => {
    const scoped: OracleResource = {
      type: "pulumi:providers:kubernetes",
      name: "scoped",
      props: { kubeconfig: "apiVersion: v1", namespace: "monitoring" },
    };
    const bare = { ...service("mimir"), provider: "scoped" };
    const sender = { ...prometheus("http://mimir.monitoring:9009"), provider: "scoped" };
    expect(judged([...onCluster(sender, bare), scoped])).toEqual([]);
    // Twin: the provider's namespace is not `default`.
    const toDefault = { ...prometheus("http://mimir.default:9009"), provider: "scoped" };
    expect(judged([...onCluster(toDefault, bare), scoped])).toEqual([
      named("main", promLabel, "mimir.default (cannot be placed)"),
    ]);
  });

  test("the API server's Service, kubernetes.default, is every cluster's", () => {
    expect(judged(onCluster(prometheus("https://kubernetes.default/api")))).toEqual([]);
  });

  test("twin: not to pods on the node's resolver, which asks the network's DNS for the name", () => {
    const nodeDns = kube("kubernetes:monitoring.coreos.com/v1:Prometheus", "main", {
      metadata: { namespace: "observability" },
      spec: { dnsPolicy: "Default", remoteWrite: [{ url: "https://kubernetes.default/api" }] },
    });
    expect(judged(onCluster(nodeDns))).toEqual([
      egress("main", promLabel, "kubernetes.default (cannot be placed)"),
    ]);
    expect(messagesOf("kubernetes-egress", onCluster(nodeDns))).toEqual([
      expect.stringContaining(
        'is "https://kubernetes.default/api", the API server\'s Service, which every cluster has, and its pods take the node\'s resolver (dnsPolicy: Default), which does not ask the cluster for a Service "kubernetes" of namespace "default": ',
      ),
    ]);
  });

  test("a pod of a headless Service of the sender's namespace, <pod>.<service>", () => {
    const kafka = (clusterIP?: string): OracleResource => ({
      type: "kubernetes:core/v1:Service",
      name: "kafka-svc",
      provider: "kube",
      props: {
        metadata: { name: "kafka", namespace: "observability" },
        spec: { ...(clusterIP === undefined ? {} : { clusterIP }), selector: { app: "kafka" } },
      },
    });
    expect(judged(onCluster(prometheus("http://kafka-0.kafka:9092"), kafka("None")))).toEqual([]);
    // Twin: a Service with a cluster IP answers for itself only.
    expect(judged(onCluster(prometheus("http://kafka-0.kafka:9092"), kafka()))).toEqual([
      named("main", promLabel, "kafka-0.kafka (cannot be placed)"),
    ]);
    // Twin: a configuration another namespace's pods read does not say which namespace completes
    // the name (an AlertmanagerConfig of `observability`, read by an Alertmanager elsewhere).
    const receiver = kube(
      "kubernetes:monitoring.coreos.com/v1alpha1:AlertmanagerConfig",
      "alerts",
      {
        metadata: { namespace: "observability" },
        spec: {
          receivers: [{ name: "hook", webhookConfigs: [{ url: "http://kafka-0.kafka:8080" }] }],
        },
      },
    );
    expect(judged(onCluster(receiver, kafka("None")))).toEqual([
      named("alerts", 'k8s alertmanagerconfig "alerts"', "kafka-0.kafka (cannot be placed)"),
    ]);
  });
});

describe("addresses pods resolve through the cluster's search path", () => {
  test("a Skupper router's peer and an Envoy proxy's Zipkin collector, by <service>.<namespace>", () => {
    const link = kube("kubernetes:skupper.io/v2alpha1:Link", "to-east", {
      metadata: { namespace: "west" },
      spec: { endpoints: [{ name: "inter-router", host: "skupper-router.east", port: "55671" }] },
    });
    const router = service("skupper-router", "east");
    expect(judged(onCluster(link, router))).toEqual([]);
    expect(judged(onCluster(link))).toEqual([
      named("to-east", 'k8s link "to-east"', "skupper-router.east (cannot be placed)"),
    ]);
    // A Link is no pod of its own: no headless Service of its namespace is offered as the fix.
    expect(messagesOf("named-destinations", onCluster(link))[0]).toContain(
      'no Service "skupper-router" of namespace "east" in its cluster is in the program, so',
    );
    const mesh = kube("kubernetes:core/v1:ConfigMap", "istio", {
      metadata: { name: "istio", namespace: "istio-system" },
      data: {
        mesh: "defaultConfig:\n  tracing:\n    zipkin:\n      address: zipkin.istio-system:9411\n",
      },
    });
    expect(judged(onCluster(mesh, service("zipkin", "istio-system")))).toEqual([]);
    expect(judged(onCluster(mesh))).toEqual([
      named("istio", 'k8s configmap "istio"', "zipkin.istio-system (cannot be placed)"),
    ]);
  });

  test("twin: a volume's server, which the node mounts, is not read so", () => {
    const volume = kube("kubernetes:core/v1:PersistentVolume", "share", {
      spec: { nfs: { server: "files.storage-east", path: "/exports" } },
    });
    expect(
      judged(onCluster(volume, service("files", "storage-east"))).map(([policy]) => policy),
    ).toEqual(["kubernetes-egress"]);
  });
});

describe("the Services an operator makes for the objects it runs", () => {
  // kube() names the object by its resource name unless metadata.name says otherwise.
  const object = (type: string, name: string, namespace: string, spec: object = {}) =>
    kube(type, `${name}-object`, { metadata: { name, namespace }, spec });
  const pg = object("kubernetes:postgresql.cnpg.io/v1:Cluster", "pg", "db", { instances: 3 });
  const kafka = object("kubernetes:kafka.strimzi.io/v1beta2:Kafka", "events", "kafka");

  test("a CloudNativePG Cluster's -rw, -ro and -r Services, and a Strimzi Kafka's bootstrap", () => {
    for (const host of ["pg-rw.db", "pg-ro.db", "pg-r.db"]) {
      expect(judged(onCluster(prometheus(`http://${host}:5432`), pg))).toEqual([]);
    }
    expect(
      judged(onCluster(prometheus("http://events-kafka-bootstrap.kafka:9092"), kafka)),
    ).toEqual([]);
    // Twins: another namespace, a name the operator does not make, no such object.
    for (const [host, objects] of [
      ["pg-rw.apps", [pg]],
      ["pg-primary.db", [pg]],
      ["pg-rw.db", []],
      ["events-kafka-bootstrap.kafka", [pg]],
    ] as const) {
      expect(judged(onCluster(prometheus(`http://${host}:9092`), ...objects))).toEqual([
        named("main", promLabel, `${host} (cannot be placed)`),
      ]);
    }
  });

  test("the Services of the other operators the pack knows, by the names each gives them", () => {
    for (const [type, name, hosts] of [
      ["kubernetes:acid.zalan.do/v1:postgresql", "acid-main", ["acid-main", "acid-main-repl"]],
      ["kubernetes:kafka.strimzi.io/v1beta2:KafkaConnect", "sink", ["sink-connect-api"]],
      ["kubernetes:kafka.strimzi.io/v1:KafkaBridge", "http", ["http-bridge-service"]],
      ["kubernetes:rabbitmq.com/v1beta1:RabbitmqCluster", "queue", ["queue"]],
      ["kubernetes:monitoring.coreos.com/v1:Prometheus", "k8s", ["prometheus-operated"]],
      ["kubernetes:monitoring.coreos.com/v1:Alertmanager", "main", ["alertmanager-operated"]],
      ["kubernetes:monitoring.coreos.com/v1:ThanosRuler", "rules", ["thanos-ruler-operated"]],
      [
        "kubernetes:opentelemetry.io/v1beta1:OpenTelemetryCollector",
        "otel",
        ["otel-collector", "otel-collector-monitoring"],
      ],
      [
        "kubernetes:jaegertracing.io/v1:Jaeger",
        "simplest",
        ["simplest-collector", "simplest-query"],
      ],
      [
        "kubernetes:elasticsearch.k8s.elastic.co/v1:Elasticsearch",
        "logs",
        ["logs-es-http", "logs-es-internal-http"],
      ],
      ["kubernetes:kibana.k8s.elastic.co/v1:Kibana", "ui", ["ui-kb-http"]],
      ["kubernetes:apm.k8s.elastic.co/v1:ApmServer", "apm", ["apm-apm-http"]],
    ] as const) {
      const made = object(type, name, "ops");
      // What the sender is judged on (the operator's object may hold findings of its own).
      const sent = (url: string) =>
        judged(onCluster(prometheus(url), made)).filter(([, on]) => on === "main");
      for (const host of hosts) {
        expect(sent(`http://${host}.ops:8080`)).toEqual([]);
        // Twin: of another namespace, the name is no Service the program makes.
        expect(sent(`http://${host}.apps:8080`)).toEqual([
          named("main", promLabel, `${host}.apps (cannot be placed)`),
        ]);
      }
    }
  });

  test("an Alertmanager's pods by <pod>.alertmanager-operated, to senders of its namespace", () => {
    const manager = object(
      "kubernetes:monitoring.coreos.com/v1:Alertmanager",
      "main",
      "monitoring",
    );
    const sender = (namespace: string) =>
      kube("kubernetes:monitoring.coreos.com/v1:Prometheus", "k8s", {
        metadata: { namespace },
        spec: {
          remoteWrite: [{ url: "http://alertmanager-main-0.alertmanager-operated:9093" }],
        },
      });
    const sent = (namespace: string) =>
      judged(onCluster(sender(namespace), manager)).filter(([, on]) => on === "k8s");
    expect(sent("monitoring")).toEqual([]);
    expect(sent("apps")).toEqual([
      named(
        "k8s",
        'k8s prometheus "k8s"',
        "alertmanager-main-0.alertmanager-operated (cannot be placed)",
      ),
    ]);
  });

  test("a Kafka's brokers' headless Service answers for its pods to senders of its namespace", () => {
    const connect = kube("kubernetes:monitoring.coreos.com/v1:Prometheus", "local", {
      metadata: { namespace: "kafka" },
      spec: { remoteWrite: [{ url: "http://events-kafka-0.events-kafka-brokers:9092" }] },
    });
    expect(judged(onCluster(connect, kafka))).toEqual([]);
    expect(judged(onCluster(connect))).toEqual([
      named(
        "local",
        'k8s prometheus "local"',
        "events-kafka-0.events-kafka-brokers (cannot be placed)",
      ),
    ]);
  });

  test("a Skupper Site linked to makes its router's Service; a RouterAccess one of its own name", () => {
    const link = (host: string) =>
      kube("kubernetes:skupper.io/v2alpha1:Link", "to-east", {
        metadata: { namespace: "west" },
        spec: { endpoints: [{ name: "inter-router", host, port: "55671" }] },
      });
    const site = (linkAccess?: string) =>
      object(
        "kubernetes:skupper.io/v2alpha1:Site",
        "east",
        "east",
        linkAccess === undefined ? {} : { linkAccess },
      );
    for (const access of ["local", "default", "loadbalancer"]) {
      expect(judged(onCluster(link("skupper-router.east"), site(access)))).toEqual([]);
    }
    // Twin: a Site nobody links to (linkAccess unset or none) makes no router Service.
    for (const unlinked of [site(), site("none")]) {
      expect(judged(onCluster(link("skupper-router.east"), unlinked))).toEqual([
        named("to-east", 'k8s link "to-east"', "skupper-router.east (cannot be placed)"),
      ]);
    }
    const access = object("kubernetes:skupper.io/v2alpha1:RouterAccess", "edge", "east", {
      accessType: "local",
    });
    expect(judged(onCluster(link("edge.east"), access))).toEqual([]);
    expect(judged(onCluster(link("edge.west"), access))).toEqual([
      named("to-east", 'k8s link "to-east"', "edge.west (cannot be placed)"),
    ]);
  });
});
