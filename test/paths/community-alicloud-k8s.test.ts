/**
 * Ports a pod opens on the node that runs it. A container's `hostPort` (and, for a pod on the
 * node's own network, `hostNetwork`, every port its containers declare) is reachable at the
 * node's addresses, as a NodePort Service's port is at every node's: on nodes with public
 * addresses it faces the internet, and on nodes the program does not create nobody can tell.
 * kubernetes-service-exposure judges such a workload with its cluster's nodes, as it judges a
 * NodePort Service; a pod that opens no port on its node is not its concern. Programs that put
 * an API gateway on `hostPort` of an ACK cluster's nodes are common. Every case runs the whole
 * pack and pins every finding with its level and path, beside its passing twin.
 */
import { ackCluster as ackStack } from "../helpers/ack-cluster";
import { messagesOf } from "../helpers/cluster-objects";
import { nodePortsOf } from "../../policy/kubernetes";
import { unknown } from "../../policy/paths/values";
import { on, type OracleResource, runNamed, unknownAtPreview } from "../helpers/model-oracle";

const cn = { jurisdiction: "CN" };

const kube = on("kube");

/**
 * An ACK cluster in Shanghai with no exit of its own (and these inputs), a node pool with these
 * inputs (if any), and a namespace whose egress is denied by default.
 */
function ackCluster(
  pool?: Record<string, unknown>,
  ack: Record<string, unknown> = {},
): OracleResource[] {
  return [
    ...ackStack({ newNatGateway: false, ...ack }, pool),
    kube("kubernetes:core/v1:Namespace", "app", { metadata: { name: "app" } }),
    kube("kubernetes:networking.k8s.io/v1:NetworkPolicy", "deny", {
      metadata: { namespace: "app" },
      spec: { podSelector: {}, policyTypes: ["Egress"] },
    }),
  ];
}

/** The pod spec of an API gateway listening on 8088, with these changes. */
function gatewayPod(change: (spec: Record<string, unknown>) => void = () => undefined) {
  const spec: Record<string, unknown> = {
    containers: [{ name: "api", image: "api:1", ports: [{ containerPort: 8088 }] }],
  };
  change(spec);
  return spec;
}

/**
 * The cluster with nodes also in a vSwitch the stack does not hold: the pack cannot judge what
 * their network reaches, so nothing bounds what pods on it (hostNetwork) send.
 */
const unjudgedNodes = () =>
  ackCluster(undefined, { workerVswitchIds: ["vsw-1", "vsw-0elsewhere"] });

const container = (spec: Record<string, unknown>) =>
  (spec.containers as Record<string, unknown>[])[0];

/** `hostPort: 8088` on the gateway's port. */
const onHostPort = (spec: Record<string, unknown>) => {
  container(spec).ports = [{ containerPort: 8088, hostPort: 8088 }];
};

/** A Deployment "api" in the namespace that denies egress, running this pod spec. */
const deployment = (spec: Record<string, unknown>): OracleResource =>
  kube("kubernetes:apps/v1:Deployment", "api", {
    metadata: { namespace: "app" },
    spec: {
      selector: { matchLabels: { app: "api" } },
      template: { metadata: { labels: { app: "api" } }, spec },
    },
  });

/** An Argo Rollouts Rollout "api" (a workload of a custom kind) in `namespace`, running this pod spec. */
const rollout = (spec: Record<string, unknown>, namespace = "app"): OracleResource =>
  kube("kubernetes:argoproj.io/v1alpha1:Rollout", "api", {
    metadata: { namespace },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: "api" } },
      template: { metadata: { labels: { app: "api" } }, spec },
      strategy: { canary: { steps: [{ setWeight: 20 }, { pause: {} }] } },
    },
  });

const publicPool: ReturnType<typeof runNamed>[number] = [
  "internet-egress",
  "pool",
  "mandatory",
  ['ack node pool "pool"', "the internet (any country)"],
];

describe("a container's hostPort", () => {
  // A Deployment's, and an Argo Rollouts Rollout's: a workload of a custom kind is judged alike.
  const workloads = [
    ["a Deployment", deployment, 'k8s deployment "api"'],
    ["an Argo Rollouts Rollout", rollout, 'k8s rollout "api"'],
  ] as const;

  test.each(workloads)(
    "of %s on a node pool with public addresses faces the internet",
    (_, workload, label) => {
      const resources = [
        ...ackCluster({ internetMaxBandwidthOut: 10 }),
        workload(gatewayPod(onHostPort)),
      ];
      expect(runNamed(resources, cn)).toEqual([
        publicPool,
        [
          "kubernetes-service-exposure",
          "api",
          "mandatory",
          ["the internet", 'ack node pool "pool" (public IPs)', label],
        ],
      ]);
    },
  );

  test.each(workloads)(
    "twin: of %s on a node pool without public addresses it faces no network outside",
    (_, workload) => {
      const resources = [
        ...ackCluster({ internetMaxBandwidthOut: 0 }),
        workload(gatewayPod(onHostPort)),
      ];
      expect(runNamed(resources, cn)).toEqual([]);
    },
  );

  test("on a cluster whose nodes the program does not create fails closed", () => {
    const resources = [...ackCluster(), deployment(gatewayPod(onHostPort))];
    expect(runNamed(resources, cn)).toEqual([
      [
        "kubernetes-service-exposure",
        "api",
        "mandatory",
        ["the internet", "nodes of a cluster the pack cannot see", 'k8s deployment "api"'],
      ],
    ]);
  });

  test("twin: a pod that declares only its containerPort opens nothing on the node", () => {
    const resources = [...ackCluster(), deployment(gatewayPod())];
    expect(runNamed(resources, cn)).toEqual([]);
  });

  test("not known at preview may open the port, and fails closed on public nodes", () => {
    const later = gatewayPod((spec) => {
      container(spec).ports = [{ containerPort: 8088, hostPort: unknownAtPreview }];
    });
    const resources = [...ackCluster({ internetMaxBandwidthOut: 10 }), deployment(later)];
    expect(runNamed(resources, cn)).toEqual([
      publicPool,
      [
        "kubernetes-service-exposure",
        "api",
        "mandatory",
        ["the internet", 'ack node pool "pool" (public IPs)', 'k8s deployment "api"'],
      ],
    ]);
    // Twin: on private nodes, whatever it turns out to be opens nothing outside.
    const onPrivate = [...ackCluster({ internetMaxBandwidthOut: 0 }), deployment(later)];
    expect(runNamed(onPrivate, cn)).toEqual([]);
  });

  test("is worded once for a pod spec not known at preview", () => {
    expect(nodePortsOf(unknown)).toEqual([
      "its pod spec, not known at preview, may ask for a hostPort",
    ]);
    expect(nodePortsOf(gatewayPod(onHostPort))).toEqual(['container "api" asks for hostPort 8088']);
  });

  test("of an init container (a sidecar) is judged as a container's", () => {
    const withSidecar = gatewayPod((spec) => {
      spec.initContainers = [
        {
          name: "proxy",
          image: "proxy:1",
          restartPolicy: "Always",
          ports: [{ containerPort: 9000, hostPort: 9000 }],
        },
      ];
    });
    const resources = [...ackCluster({ internetMaxBandwidthOut: 10 }), deployment(withSidecar)];
    expect(runNamed(resources, cn)).toEqual([
      publicPool,
      [
        "kubernetes-service-exposure",
        "api",
        "mandatory",
        ["the internet", 'ack node pool "pool" (public IPs)', 'k8s deployment "api"'],
      ],
    ]);
  });

  test("in a List of Deployments names the entry that asks for it", () => {
    const list = (spec: Record<string, unknown>) =>
      kube("kubernetes:apps/v1:DeploymentList", "apis", {
        items: [
          {
            metadata: { name: "web", namespace: "app" },
            spec: { template: { metadata: { labels: { app: "web" } }, spec: gatewayPod() } },
          },
          {
            metadata: { name: "api", namespace: "app" },
            spec: { template: { metadata: { labels: { app: "api" } }, spec } },
          },
        ],
      });
    expect(runNamed([...ackCluster(), list(gatewayPod(onHostPort))], cn)).toEqual([
      [
        "kubernetes-service-exposure",
        "apis",
        "mandatory",
        [
          "the internet",
          "nodes of a cluster the pack cannot see",
          'k8s deploymentlist "apis" items[1]',
        ],
      ],
    ]);
    // Twin: neither entry opens a port on its node.
    expect(runNamed([...ackCluster(), list(gatewayPod())], cn)).toEqual([]);
  });
});

describe("a pod on the node's own network (hostNetwork)", () => {
  const hostNetwork = (on: boolean) =>
    gatewayPod((spec) => {
      spec.hostNetwork = on;
    });

  test("listens on the node's addresses at every port its containers declare", () => {
    const resources = [
      ...ackCluster({ internetMaxBandwidthOut: 10 }),
      deployment(hostNetwork(true)),
    ];
    expect(runNamed(resources, cn)).toEqual([
      // What its pods send leaves as the nodes' traffic does: by the pool's public addresses,
      // the pool's finding.
      publicPool,
      [
        "kubernetes-service-exposure",
        "api",
        "mandatory",
        ["the internet", 'ack node pool "pool" (public IPs)', 'k8s deployment "api"'],
      ],
    ]);
  });

  test("is one way out of its namespace's default deny per resource, a List's entries included", () => {
    const entry = (name: string) => ({
      metadata: { name, namespace: "app" },
      spec: {
        template: {
          metadata: { labels: { app: name } },
          spec: { hostNetwork: true, containers: [] },
        },
      },
    });
    const list = kube("kubernetes:apps/v1:DeploymentList", "agents", {
      items: [entry("a"), entry("b")],
    });
    expect(
      runNamed([...unjudgedNodes(), list], cn).filter(([p]) => p === "kubernetes-namespace-egress"),
    ).toEqual([
      [
        "kubernetes-namespace-egress",
        "agents",
        "mandatory",
        [
          'k8s deploymentlist "agents"',
          "pod egress (hostNetwork, outside NetworkPolicy)",
          "every address (any country)",
        ],
      ],
    ]);
  });

  // A network plugin's agent (calico-node) cannot leave its node's network, so neither fix of a
  // finding on it could be taken: on the program's cluster it is judged as the nodes are.
  test("on the program's cluster, in vSwitches of the stack, it sends what the nodes send: no NetworkPolicy is asked of it", () => {
    const agent = (name: string, hostNetwork: boolean) =>
      kube("kubernetes:apps/v1:DaemonSet", name, {
        metadata: { namespace: "kube-system" },
        spec: {
          selector: { matchLabels: { app: name } },
          template: {
            metadata: { labels: { app: name } },
            spec: { hostNetwork, containers: [{ name, image: `registry.example.cn/${name}:1` }] },
          },
        },
      });
    // Its port on the nodes is kubernetes-service-exposure's, judged by a node pool without
    // public addresses.
    expect(runNamed([...ackCluster({}), deployment(hostNetwork(true))], cn)).toEqual([]);
    expect(runNamed([...ackCluster(), agent("calico-node", true)], cn)).toEqual([]);
    // Beside pods on the pod network, the namespace's finding is theirs alone.
    expect(
      runNamed([...ackCluster(), agent("calico-node", true), agent("log-shipper", false)], cn),
    ).toEqual([
      [
        "kubernetes-namespace-egress",
        "log-shipper",
        "mandatory",
        [
          'k8s namespace "kube-system"',
          "pod egress (no default-deny NetworkPolicy)",
          "every address (any country)",
        ],
      ],
    ]);
    // Where the pack cannot judge the nodes' network, nothing bounds what the agent sends: it is
    // reported itself, not as a namespace a default deny would fix, which holds no such pod.
    expect(
      runNamed([...unjudgedNodes(), agent("calico-node", true)], cn).filter(
        ([p]) => p === "kubernetes-namespace-egress",
      ),
    ).toEqual([
      [
        "kubernetes-namespace-egress",
        "calico-node",
        "mandatory",
        [
          'k8s daemonset "calico-node"',
          "pod egress (hostNetwork, outside NetworkPolicy)",
          "every address (any country)",
        ],
      ],
    ]);
    expect(
      messagesOf("kubernetes-namespace-egress", [
        ...unjudgedNodes(),
        agent("calico-node", true),
        agent("log-shipper", false),
      ]),
    ).toEqual([
      expect.stringContaining(
        'k8s daemonset "calico-node" must send its pods\' traffic through the NetworkPolicies of its namespace, but its pods use their node\'s network (hostNetwork), which NetworkPolicies do not govern, so no NetworkPolicy of k8s namespace "kube-system" could hold them',
      ),
      expect.stringMatching(
        /^k8s namespace "kube-system" must deny pod egress by default, .* so the pods of k8s daemonset "log-shipper" can reach/,
      ),
    ]);
    // The fix names what keeps the pack from judging the nodes' network: the vSwitch it does not hold.
    expect(
      messagesOf("kubernetes-namespace-egress", [...unjudgedNodes(), agent("calico-node", true)]),
    ).toEqual([
      expect.stringMatching(
        /on a cluster this program creates in subnets it creates \(here ack cluster "ack" has nodes in vSwitches "vsw-1" and "vsw-0elsewhere", which this stack does not create\)\.$/,
      ),
    ]);
    expect(
      runNamed([...unjudgedNodes(), deployment(hostNetwork(true))], cn)
        .filter(([p]) => p === "kubernetes-namespace-egress")
        .map(([, , , path]) => path?.[1]),
    ).toEqual(["pod egress (hostNetwork, outside NetworkPolicy)"]);
  });

  test("twin: hostNetwork false keeps the declared port on the pod's own address", () => {
    const resources = [
      ...ackCluster({ internetMaxBandwidthOut: 10 }),
      deployment(hostNetwork(false)),
    ];
    expect(runNamed(resources, cn)).toEqual([publicPool]);
  });
});

describe("an Argo Rollouts Rollout, a workload of a custom kind", () => {
  test("runs its pods in a namespace whose egress no NetworkPolicy denies", () => {
    const resources = [...ackCluster(), rollout(gatewayPod(), "shop")];
    expect(
      runNamed(resources, cn)
        .filter(([p]) => p === "kubernetes-namespace-egress")
        .map(([p, n, l]) => [p, n, l]),
    ).toEqual([["kubernetes-namespace-egress", "api", "mandatory"]]);
  });

  test("twin: in the namespace that denies egress by default it passes", () => {
    expect(runNamed([...ackCluster(), rollout(gatewayPod())], cn)).toEqual([]);
  });
});

describe("Elastic Cloud on Kubernetes (ECK)", () => {
  const intranet = {
    "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type": "intranet",
  };
  /** An Elasticsearch "logs" in the namespace that denies egress, with these `spec` fields. */
  const elasticsearch = (spec: Record<string, unknown>): OracleResource =>
    kube("kubernetes:elasticsearch.k8s.elastic.co/v1:Elasticsearch", "logs", {
      metadata: { namespace: "app" },
      spec: {
        version: "8.15.0",
        nodeSets: [{ name: "default", count: 3, config: { "node.store.allow_mmap": false } }],
        ...spec,
      },
    });
  /** A Beat "metrics" in `namespace`, running as a DaemonSet of this pod spec. */
  const beat = (podSpec: Record<string, unknown>, namespace = "app"): OracleResource =>
    kube("kubernetes:beat.k8s.elastic.co/v1beta1:Beat", "metrics", {
      metadata: { namespace },
      spec: {
        type: "metricbeat",
        version: "8.15.0",
        elasticsearchRef: { name: "logs" },
        daemonSet: { podTemplate: { spec: podSpec } },
      },
    });

  test("an Elasticsearch whose HTTP Service is a load balancer without the internal annotation faces the internet", () => {
    const resources = [
      ...ackCluster(),
      elasticsearch({ http: { service: { spec: { type: "LoadBalancer" } } } }),
    ];
    expect(runNamed(resources, cn)).toEqual([
      [
        "kubernetes-service-exposure",
        "logs",
        "mandatory",
        ["the internet", 'k8s elasticsearch "logs"'],
      ],
    ]);
  });

  test("twin: annotated internal, or left at ClusterIP, it passes", () => {
    const internal = { metadata: { annotations: intranet }, spec: { type: "LoadBalancer" } };
    expect(runNamed([...ackCluster(), elasticsearch({ http: { service: internal } })], cn)).toEqual(
      [],
    );
    expect(runNamed([...ackCluster(), elasticsearch({})], cn)).toEqual([]);
  });

  test("a Beat on its nodes' network is out of its namespace's default deny, and opens its ports on them", () => {
    const onHost = beat({
      hostNetwork: true,
      containers: [{ name: "metricbeat", ports: [{ containerPort: 5066 }] }],
    });
    expect(
      runNamed([...unjudgedNodes(), onHost], cn).map(([p, n, l, path]) => [p, n, l, path]),
    ).toEqual([
      [
        "kubernetes-namespace-egress",
        "metrics",
        "mandatory",
        [
          'k8s beat "metrics"',
          "pod egress (hostNetwork, outside NetworkPolicy)",
          "every address (any country)",
        ],
      ],
      [
        "kubernetes-service-exposure",
        "metrics",
        "mandatory",
        ["the internet", "nodes of a cluster the pack cannot see", 'k8s beat "metrics"'],
      ],
    ]);
  });

  test("twin: a Beat on the pod network passes, and one in a namespace that denies nothing fails", () => {
    const podNetwork = beat({ containers: [{ name: "metricbeat" }] });
    expect(runNamed([...ackCluster(), podNetwork], cn)).toEqual([]);
    expect(
      runNamed([...ackCluster(), beat({ containers: [{ name: "metricbeat" }] }, "shop")], cn).map(
        ([p, n, l]) => [p, n, l],
      ),
    ).toEqual([["kubernetes-namespace-egress", "metrics", "mandatory"]]);
  });

  test("an Elasticsearch node set mounting an NFS server abroad is kubernetes-egress's finding", () => {
    const withVolume = elasticsearch({
      nodeSets: [
        {
          name: "default",
          count: 3,
          podTemplate: {
            spec: { volumes: [{ name: "snapshots", nfs: { server: "203.0.113.9", path: "/es" } }] },
          },
        },
      ],
    });
    expect(
      runNamed([...ackCluster(), withVolume], cn).map(([p, n, l, path]) => [p, n, l, path?.at(-1)]),
    ).toEqual([["kubernetes-egress", "logs", "mandatory", "203.0.113.9 (NFS server)"]]);
  });
});

// ECK's Agent, Logstash, Enterprise Search and Elastic Maps Server were unreviewed: a program with
// one failed closed, whatever its pods and Services did.
describe("ECK's Elastic Agent, Logstash, Enterprise Search and Elastic Maps Server", () => {
  const eck = (type: string, name: string, spec: Record<string, unknown>, namespace = "app") =>
    kube(`kubernetes:${type}`, name, {
      metadata: { namespace },
      spec: { version: "8.15.0", elasticsearchRefs: [{ name: "logs" }], ...spec },
    });
  const agent = (podSpec: Record<string, unknown>, namespace = "app") =>
    eck(
      "agent.k8s.elastic.co/v1alpha1:Agent",
      "fleet",
      { daemonSet: { podTemplate: { spec: podSpec } } },
      namespace,
    );
  const logstash = (spec: Record<string, unknown>) =>
    eck("logstash.k8s.elastic.co/v1alpha1:Logstash", "ingest", {
      count: 1,
      pipelines: [{ "pipeline.id": "main", "config.string": "input { beats { port => 5044 } }" }],
      ...spec,
    });

  test("an Agent on its nodes' network, or in a namespace that denies nothing, fails; a Logstash Service on a public load balancer faces the internet", () => {
    expect(
      runNamed(
        [...unjudgedNodes(), agent({ hostNetwork: true, containers: [{ name: "agent" }] })],
        cn,
      )
        .filter(([p]) => p === "kubernetes-namespace-egress")
        .map(([p, n, l, path]) => [p, n, l, path?.[1]]),
    ).toEqual([
      [
        "kubernetes-namespace-egress",
        "fleet",
        "mandatory",
        "pod egress (hostNetwork, outside NetworkPolicy)",
      ],
    ]);
    expect(
      runNamed([...ackCluster(), agent({ containers: [{ name: "agent" }] }, "shop")], cn).map(
        ([p, n, l]) => [p, n, l],
      ),
    ).toEqual([["kubernetes-namespace-egress", "fleet", "mandatory"]]);
    const beats = { name: "beats", service: { spec: { type: "LoadBalancer" } } };
    expect(runNamed([...ackCluster(), logstash({ services: [beats] })], cn)).toEqual([
      [
        "kubernetes-service-exposure",
        "ingest",
        "mandatory",
        ["the internet", 'k8s logstash "ingest"'],
      ],
    ]);
    const nfs = { volumes: [{ name: "dlq", nfs: { server: "203.0.113.9", path: "/dlq" } }] };
    for (const type of [
      "enterprisesearch.k8s.elastic.co/v1:EnterpriseSearch",
      "maps.k8s.elastic.co/v1alpha1:ElasticMapsServer",
    ]) {
      expect(
        runNamed([...ackCluster(), eck(type, "search", { podTemplate: { spec: nfs } })], cn).map(
          ([p, n, l, path]) => [p, n, l, path?.at(-1)],
        ),
      ).toEqual([["kubernetes-egress", "search", "mandatory", "203.0.113.9 (NFS server)"]]);
    }
  });

  test("twin: on the pod network in the namespace that denies egress, with internal Services, they pass", () => {
    const intranet = {
      "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type": "intranet",
    };
    const internal = {
      name: "beats",
      service: { metadata: { annotations: intranet }, spec: { type: "LoadBalancer" } },
    };
    expect(
      runNamed(
        [
          ...ackCluster(),
          agent({ containers: [{ name: "agent" }] }),
          logstash({ services: [internal, { name: "http", service: {} }] }),
          eck("enterprisesearch.k8s.elastic.co/v1:EnterpriseSearch", "search", { count: 1 }),
          eck("maps.k8s.elastic.co/v1alpha1:ElasticMapsServer", "maps", {
            http: { service: { spec: { type: "ClusterIP" } } },
          }),
        ],
        cn,
      ),
    ).toEqual([]);
  });
});

// Knative's kinds were unreviewed: a program serving a Knative Service failed closed, whatever
// its pods did.
describe("Knative Serving's Services and Eventing's ContainerSources and JobSinks", () => {
  const knative = (type: string, name: string, spec: Record<string, unknown>, namespace = "app") =>
    kube(`kubernetes:${type}`, name, { metadata: { namespace }, spec });
  const pod = (extra: Record<string, unknown> = {}) => ({
    containers: [{ name: "web", image: "registry.example.com/web:1" }],
    ...extra,
  });
  const service = (spec: Record<string, unknown>, namespace = "app") =>
    knative("serving.knative.dev/v1:Service", "web", { template: { spec } }, namespace);

  test("their pods are workloads: outside a namespace that denies egress, or mounting a server abroad, they fail", () => {
    expect(
      runNamed([...ackCluster(), service(pod(), "shop")], cn).map(([p, n, l]) => [p, n, l]),
    ).toEqual([["kubernetes-namespace-egress", "web", "mandatory"]]);
    const nfs = { volumes: [{ name: "media", nfs: { server: "203.0.113.9", path: "/media" } }] };
    expect(
      runNamed(
        [...ackCluster(), knative("serving.knative.dev/v1:Revision", "web-00001", pod(nfs))],
        cn,
      ).map(([p, n, l, path]) => [p, n, l, path?.at(-1)]),
    ).toEqual([["kubernetes-egress", "web-00001", "mandatory", "203.0.113.9 (NFS server)"]]);
    const source = knative(
      "sources.knative.dev/v1:ContainerSource",
      "heartbeats",
      {
        template: { spec: pod() },
        sink: { uri: "https://events.example.de/in" },
      },
      "shop",
    );
    expect(runNamed([...ackCluster(), source], cn).map(([p, n, l]) => [p, n, l])).toEqual([
      ["kubernetes-egress", "heartbeats", "mandatory"],
      ["kubernetes-namespace-egress", "heartbeats", "mandatory"],
    ]);
    const jobs = knative("sinks.knative.dev/v1alpha1:JobSink", "jobs", {
      job: { spec: { template: { spec: pod({ hostNetwork: true, restartPolicy: "Never" }) } } },
    });
    expect(
      runNamed([...unjudgedNodes(), jobs], cn)
        .filter(([p]) => p === "kubernetes-namespace-egress")
        .map(([p, n, l]) => [p, n, l]),
    ).toEqual([["kubernetes-namespace-egress", "jobs", "mandatory"]]);
  });

  test("twin: in the namespace that denies egress, on the pod network, sending to the cluster, they pass", () => {
    expect(
      runNamed(
        [
          ...ackCluster(),
          service(pod()),
          knative("serving.knative.dev/v1:Configuration", "web-config", {
            template: { spec: pod() },
          }),
          knative("serving.knative.dev/v1:Revision", "web-00001", pod()),
          knative("serving.knative.dev/v1:Route", "web", {
            traffic: [{ revisionName: "web-00001", percent: 100 }],
          }),
          knative("serving.knative.dev/v1beta1:DomainMapping", "www.example.cn", {
            ref: { apiVersion: "serving.knative.dev/v1", kind: "Service", name: "web" },
          }),
          knative("sources.knative.dev/v1:ContainerSource", "heartbeats", {
            template: { spec: pod() },
            sink: {
              ref: { apiVersion: "eventing.knative.dev/v1", kind: "Broker", name: "default" },
            },
          }),
          knative("sinks.knative.dev/v1alpha1:JobSink", "jobs", {
            job: { spec: { template: { spec: pod({ restartPolicy: "Never" }) } } },
          }),
        ],
        cn,
      ),
    ).toEqual([]);
  });
});

describe("a RedisCluster on its nodes' network (spec.hostNetwork)", () => {
  const cluster = (hostNetwork: boolean): OracleResource =>
    kube("kubernetes:redis.redis.opstreelabs.in/v1beta2:RedisCluster", "cache", {
      metadata: { namespace: "app" },
      spec: {
        clusterSize: 3,
        hostNetwork,
        kubernetesConfig: { image: "quay.io/opstree/redis:v7.0.15" },
      },
    });

  test("is out of its namespace's default deny, where the pack cannot judge its nodes' network", () => {
    expect(
      runNamed([...ackCluster(), cluster(true)], cn).filter(
        ([p]) => p === "kubernetes-namespace-egress",
      ),
    ).toEqual([]);
    expect(
      runNamed([...unjudgedNodes(), cluster(true)], cn)
        .filter(([p]) => p === "kubernetes-namespace-egress")
        .map(([p, n, l, path]) => [p, n, l, path?.[1]]),
    ).toEqual([
      [
        "kubernetes-namespace-egress",
        "cache",
        "mandatory",
        "pod egress (hostNetwork, outside NetworkPolicy)",
      ],
    ]);
  });

  test("twin: on the pod network the default deny holds it", () => {
    expect(runNamed([...ackCluster(), cluster(false)], cn)).toEqual([]);
  });
});

describe("KEDA", () => {
  /** A ScaledJob "worker" in `namespace`, whose Jobs run this pod spec. */
  const scaledJob = (spec: Record<string, unknown>, namespace = "app"): OracleResource =>
    kube("kubernetes:keda.sh/v1alpha1:ScaledJob", "worker", {
      metadata: { namespace },
      spec: {
        jobTargetRef: { template: { spec: { restartPolicy: "Never", ...spec } } },
        triggers: [
          { type: "redis", metadata: { address: "redis.app.svc:6379", listName: "jobs" } },
        ],
      },
    });
  const scaledObject = kube("kubernetes:keda.sh/v1alpha1:ScaledObject", "api", {
    metadata: { namespace: "app" },
    spec: {
      scaleTargetRef: { name: "api" },
      triggers: [
        {
          type: "aws-sqs-queue",
          metadata: { queueURL: "jobs", awsRegion: "cn-north-1", queueLength: "5" },
          authenticationRef: { name: "sqs" },
        },
      ],
    },
  });
  const auth = kube("kubernetes:keda.sh/v1alpha1:TriggerAuthentication", "sqs", {
    metadata: { namespace: "app" },
    spec: { podIdentity: { provider: "aws" } },
  });

  test("a ScaledJob's Jobs mount a volume on a server outside, as a CronJob's do", () => {
    const withVolume = scaledJob({
      containers: [{ name: "worker", image: "worker:1" }],
      volumes: [{ name: "spool", nfs: { server: "203.0.113.7", path: "/spool" } }],
    });
    expect(
      runNamed([...ackCluster(), withVolume], cn).map(([p, n, l, path]) => [p, n, l, path?.at(-1)]),
    ).toEqual([["kubernetes-egress", "worker", "mandatory", "203.0.113.7 (NFS server)"]]);
  });

  test("twin: a ScaledJob without such a volume, a ScaledObject and its TriggerAuthentication pass in a namespace that denies egress", () => {
    const plain = scaledJob({ containers: [{ name: "worker", image: "worker:1" }] });
    expect(runNamed([...ackCluster(), plain, scaledObject, auth], cn)).toEqual([]);
    // Its pods count toward their namespace's default deny.
    expect(
      runNamed([...ackCluster(), scaledJob({ containers: [] }, "shop")], cn).map(([p, n, l]) => [
        p,
        n,
        l,
      ]),
    ).toEqual([["kubernetes-namespace-egress", "worker", "mandatory"]]);
  });
});
