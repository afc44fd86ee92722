/**
 * The load balancer a Gateway API implementation provisions for each Gateway
 * (policy/paths/gateways.ts): kubernetes-service-exposure judges the Service it makes as one the
 * program declares, on an ACK cluster in Shanghai. Each case has its twin: the settings of the
 * implementation's own that keep the Service off the internet pass.
 */
import { findingsOf, kube, messagesOf, onCluster } from "../helpers/cluster-objects";
import { on, type OracleResource, unknownAtPreview } from "../helpers/model-oracle";

const gatewayApi = "kubernetes:gateway.networking.k8s.io/v1";
const intranet = {
  "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type": "intranet",
};
const label = 'k8s gateway "web"';

const exposure = (...objects: OracleResource[]) =>
  findingsOf(onCluster(...objects), ["kubernetes-service-exposure"]);
const [publicLoadBalancer] = [
  ["kubernetes-service-exposure", "web", "mandatory", ["the internet", label]] as const,
];

/** A Gateway `web` of namespace `edge` of this class, with these fields. */
const gateway = (
  gatewayClassName: unknown,
  spec: Record<string, unknown> = {},
  metadata: Record<string, unknown> = {},
) =>
  kube(`${gatewayApi}:Gateway`, "web", {
    metadata: { name: "web", namespace: "edge", ...metadata },
    spec: {
      gatewayClassName,
      listeners: [{ name: "http", port: 80, protocol: "HTTP" }],
      ...spec,
    },
  });

/** A GatewayClass of this controller, with its parameters. */
const gatewayClass = (name: string, controllerName: unknown, parametersRef?: unknown) =>
  kube(`${gatewayApi}:GatewayClass`, `class-${name}`, {
    metadata: { name },
    spec: { controllerName, ...(parametersRef ? { parametersRef } : {}) },
  });

/** A custom resource of `apiVersion`/`kind` named `name` in namespace `edge`. */
const custom = (apiVersion: string, kind: string, name: string, spec: unknown) =>
  kube(`kubernetes:${apiVersion}:${kind}`, `${kind}-${name}`, {
    metadata: { name, namespace: "edge" },
    spec,
  });

describe("Istio", () => {
  test("a Gateway of the class istiod installs gets a public LoadBalancer Service", () => {
    expect(exposure(gateway("istio"))).toEqual([publicLoadBalancer]);
    const [message] = messagesOf("kubernetes-service-exposure", onCluster(gateway("istio")));
    expect(message).toBe(
      `${label} must not face the internet, but Istio's gateway deployment (class "istio", no parameters) makes a Service of type "LoadBalancer" without the internal-load-balancer annotation of its cluster's cloud (alicloud), so the cloud provisions a public load balancer. Annotate it service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type: "intranet" in the Gateway's spec.infrastructure.annotations (or, with none, its own annotations), or annotate the Gateway networking.istio.io/service-type: "ClusterIP".`,
    );
  });

  test("twin: the internal annotation on the Gateway or its infrastructure, ClusterIP, a waypoint, a remote or a bound Service pass", () => {
    expect(exposure(gateway("istio", {}, { annotations: intranet }))).toEqual([]);
    expect(exposure(gateway("istio", { infrastructure: { annotations: intranet } }))).toEqual([]);
    expect(
      exposure(
        gateway("istio", {}, { annotations: { "networking.istio.io/service-type": "ClusterIP" } }),
      ),
    ).toEqual([]);
    expect(exposure(gateway("istio-waypoint"))).toEqual([]);
    expect(exposure(gateway("istio-remote"))).toEqual([]);
    expect(
      exposure(
        gateway("istio", {
          addresses: [{ type: "Hostname", value: "ingress.istio-system.svc.cluster.local" }],
        }),
      ),
    ).toEqual([]);
  });

  test("infrastructure annotations replace the Gateway's own: the internal annotation on the Gateway alone then does not count", () => {
    expect(
      exposure(
        gateway(
          "istio",
          { infrastructure: { annotations: { team: "web" } } },
          { annotations: intranet },
        ),
      ),
    ).toEqual([publicLoadBalancer]);
  });

  test("a class of the program is known by its controller, whatever its name; the east-west class is a load balancer too", () => {
    expect(
      exposure(gatewayClass("ingress", "istio.io/gateway-controller"), gateway("ingress")),
    ).toEqual([publicLoadBalancer]);
    expect(exposure(gateway("istio-east-west"))).toEqual([publicLoadBalancer]);
    // A class of the program named `istio` of another controller is that controller's.
    expect(
      exposure(gatewayClass("istio", "traefik.io/gateway-controller"), gateway("istio")),
    ).toEqual([]);
  });

  test("the ConfigMaps of the class's defaults and of the Gateway's parametersRef patch the Service", () => {
    const configMap = (name: string, service: string, labels?: Record<string, string>) =>
      kube("kubernetes:core/v1:ConfigMap", `cm-${name}`, {
        metadata: { name, namespace: "edge", ...(labels ? { labels } : {}) },
        data: { service },
      });
    const clusterIp = "spec:\n  type: ClusterIP\n";
    const ref = {
      infrastructure: { parametersRef: { group: "", kind: "ConfigMap", name: "web-options" } },
    };
    expect(exposure(configMap("web-options", clusterIp), gateway("istio", ref))).toEqual([]);
    expect(
      exposure(
        configMap("defaults", clusterIp, { "gateway.istio.io/defaults-for-class": "istio" }),
        gateway("istio"),
      ),
    ).toEqual([]);
    // The Gateway's patch comes last: its type wins over the class's defaults.
    expect(
      exposure(
        configMap("defaults", clusterIp, { "gateway.istio.io/defaults-for-class": "istio" }),
        configMap("web-options", "spec:\n  type: LoadBalancer\n"),
        gateway("istio", ref),
      ),
    ).toEqual([publicLoadBalancer]);
    // A ConfigMap the program does not declare cannot be read: undecided.
    expect(exposure(gateway("istio", ref))).toEqual([
      [
        "kubernetes-service-exposure",
        "web",
        "mandatory",
        [
          label,
          'spec.infrastructure.parametersRef (ConfigMap "web-options", which this program does not declare)',
        ],
      ],
    ]);
  });

  test("the ConfigMap's deployment patch is read for what it lays over the proxies' pods", () => {
    const options = (deployment: string) =>
      kube("kubernetes:core/v1:ConfigMap", "cm-web-options", {
        metadata: { name: "web-options", namespace: "edge" },
        data: { service: "spec:\n  type: ClusterIP\n", deployment },
      });
    const ref = {
      infrastructure: { parametersRef: { group: "", kind: "ConfigMap", name: "web-options" } },
    };
    expect(
      exposure(
        options("spec:\n  template:\n    spec:\n      tolerations:\n      - operator: Exists\n"),
        gateway("istio", ref),
      ),
    ).toEqual([]);
    // A real home-ops set-up: the gateway's pods on the node's network.
    expect(
      exposure(
        options("spec:\n  template:\n    spec:\n      hostNetwork: true\n"),
        gateway("istio", ref),
      ),
    ).toEqual([
      [
        "kubernetes-service-exposure",
        "web",
        "mandatory",
        [label, "every address the nodes reach (cannot be placed)"],
      ],
    ]);
  });

  test("on a cloud's cluster, a private Gateway address does not make its load balancer internal", () => {
    // On a cloud's cluster the address does not make the load balancer internal.
    expect(
      exposure(gateway("istio", { addresses: [{ type: "IPAddress", value: "10.0.9.9" }] })),
    ).toEqual([publicLoadBalancer]);
  });
});

describe("Envoy Gateway", () => {
  const envoyGateway = "gateway.envoyproxy.io/gatewayclass-controller";
  const envoyProxy = (name: string, envoyService: unknown, extra: Record<string, unknown> = {}) =>
    custom("gateway.envoyproxy.io/v1alpha1", "EnvoyProxy", name, {
      provider: { type: "Kubernetes", kubernetes: { envoyService } },
      ...extra,
    });
  const classRef = {
    group: "gateway.envoyproxy.io",
    kind: "EnvoyProxy",
    name: "internal",
    namespace: "edge",
  };

  test("a Gateway of a class of Envoy Gateway without parameters gets a public LoadBalancer", () => {
    expect(exposure(gatewayClass("eg", envoyGateway), gateway("eg"))).toEqual([publicLoadBalancer]);
    // Without the class in the program, `eg` is a name like any other: its controller is unknown.
    expect(exposure(gateway("eg"))).toEqual([]);
  });

  test("twin: the class's EnvoyProxy with the internal annotation or ClusterIP, or the Gateway's infrastructure annotations, pass", () => {
    expect(
      exposure(
        gatewayClass("eg", envoyGateway, classRef),
        envoyProxy("internal", { annotations: intranet }),
        gateway("eg"),
      ),
    ).toEqual([]);
    expect(
      exposure(
        gatewayClass("eg", envoyGateway, classRef),
        envoyProxy("internal", { type: "ClusterIP" }),
        gateway("eg"),
      ),
    ).toEqual([]);
    expect(
      exposure(
        gatewayClass("eg", envoyGateway),
        gateway("eg", { infrastructure: { annotations: intranet } }),
      ),
    ).toEqual([]);
  });

  test("the Gateway's EnvoyProxy replaces the class's, unless it asks to be merged", () => {
    const gatewayRef = {
      infrastructure: {
        parametersRef: { group: "gateway.envoyproxy.io", kind: "EnvoyProxy", name: "own" },
      },
    };
    const objects = (own: OracleResource) => [
      gatewayClass("eg", envoyGateway, classRef),
      envoyProxy("internal", { annotations: intranet }),
      own,
      gateway("eg", gatewayRef),
    ];
    expect(exposure(...objects(envoyProxy("own", { externalTrafficPolicy: "Cluster" })))).toEqual([
      publicLoadBalancer,
    ]);
    expect(
      exposure(
        ...objects(
          envoyProxy("own", { externalTrafficPolicy: "Cluster" }, { mergeType: "StrategicMerge" }),
        ),
      ),
    ).toEqual([]);
  });

  test("the EnvoyProxy's Service patch is applied", () => {
    const patched = (value: unknown) =>
      exposure(
        gatewayClass("eg", envoyGateway, classRef),
        envoyProxy("internal", { annotations: intranet, patch: { type: "StrategicMerge", value } }),
        gateway("eg"),
      );
    expect(patched({ metadata: { labels: { tier: "edge" } } })).toEqual([]);
    expect(
      patched({
        metadata: {
          annotations: {
            "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type": null,
          },
        },
      }),
    ).toEqual([publicLoadBalancer]);
  });

  test("Gateway IP addresses become the Service's external IPs: a public one is served on the nodes", () => {
    const found = exposure(
      gatewayClass("eg", envoyGateway, classRef),
      envoyProxy("internal", { annotations: intranet }),
      gateway("eg", { addresses: [{ type: "IPAddress", value: "203.0.113.7" }] }),
    );
    expect(found).toEqual([publicLoadBalancer]);
    const [message] = messagesOf(
      "kubernetes-service-exposure",
      onCluster(
        gatewayClass("eg", envoyGateway, classRef),
        envoyProxy("internal", { annotations: intranet }),
        gateway("eg", { addresses: [{ type: "IPAddress", value: "203.0.113.7" }] }),
      ),
    );
    expect(message).toContain('makes a Service whose spec.externalIPs names "203.0.113.7"');
  });

  test("parameters the program does not declare are undecided", () => {
    expect(exposure(gatewayClass("eg", envoyGateway, classRef), gateway("eg"))).toEqual([
      [
        "kubernetes-service-exposure",
        "web",
        "mandatory",
        [label, 'spec.parametersRef (EnvoyProxy "internal", which this program does not declare)'],
      ],
    ]);
    // A class whose controller is not known at preview is the class's finding, not each Gateway's.
    expect(exposure(gatewayClass("eg", unknownAtPreview), gateway("eg"))).toEqual([
      [
        "kubernetes-service-exposure",
        "class-eg",
        "mandatory",
        ['k8s gatewayclass "class-eg"', "spec.controllerName (unknown at preview)"],
      ],
    ]);
  });

  test("a class is looked up on the Gateway's own cluster", () => {
    const other = on("kube-2");
    const objects = [
      ...onCluster(
        gatewayClass("eg", envoyGateway, classRef),
        envoyProxy("internal", { annotations: intranet }),
      ),
      {
        type: "pulumi:providers:kubernetes",
        name: "kube-2",
        props: { kubeconfig: "apiVersion: v1" },
        deps: { kubeconfig: ["ack"] },
      },
      other(`${gatewayApi}:GatewayClass`, "class-eg-2", {
        metadata: { name: "eg" },
        spec: { controllerName: envoyGateway },
      }),
      other(`${gatewayApi}:Gateway`, "web", {
        metadata: { name: "web", namespace: "edge" },
        spec: { gatewayClassName: "eg", listeners: [] },
      }),
    ];
    expect(findingsOf(objects, ["kubernetes-service-exposure"])).toEqual([publicLoadBalancer]);
  });
});

describe("the other implementations that make a Service per Gateway", () => {
  test("Cilium: the class cilium's Gateways are public unless their infrastructure annotations or CiliumGatewayClassConfig say", () => {
    expect(exposure(gateway("cilium"))).toEqual([publicLoadBalancer]);
    expect(exposure(gateway("cilium", { infrastructure: { annotations: intranet } }))).toEqual([]);
    // Cilium does not copy the Gateway's own annotations.
    expect(exposure(gateway("cilium", {}, { annotations: intranet }))).toEqual([
      publicLoadBalancer,
    ]);
    const config = custom("cilium.io/v2alpha1", "CiliumGatewayClassConfig", "private", {
      service: { type: "NodePort" },
    });
    const classRef = {
      group: "cilium.io",
      kind: "CiliumGatewayClassConfig",
      name: "private",
      namespace: "edge",
    };
    // NodePort on the cluster's nodes, which the program creates none of: judged as a NodePort.
    const [nodePort] = messagesOf(
      "kubernetes-service-exposure",
      onCluster(
        gatewayClass("private", "io.cilium/gateway-controller", classRef),
        config,
        gateway("private"),
      ),
    );
    expect(nodePort).toContain(
      'Cilium\'s Gateway API controller (class "private", CiliumGatewayClassConfig "private") makes a Service of type "NodePort"',
    );
  });

  test("NGINX Gateway Fabric: NginxProxy settings of the class and the Gateway merge; IP addresses take the controller's own class", () => {
    const ngf = "gateway.nginx.org/nginx-gateway-controller";
    const proxy = (name: string, service: unknown) =>
      custom("gateway.nginx.org/v1alpha2", "NginxProxy", name, { kubernetes: { service } });
    const classRef = {
      group: "gateway.nginx.org",
      kind: "NginxProxy",
      name: "base",
      namespace: "edge",
    };
    const gatewayRef = {
      parametersRef: { group: "gateway.nginx.org", kind: "NginxProxy", name: "own" },
    };
    expect(exposure(gateway("nginx"))).toEqual([publicLoadBalancer]);
    expect(
      exposure(
        gatewayClass("nginx", ngf, classRef),
        proxy("base", { type: "ClusterIP" }),
        gateway("nginx"),
      ),
    ).toEqual([]);
    // The Gateway's NginxProxy sets only what it names: the class's type stays.
    expect(
      exposure(
        gatewayClass("nginx", ngf, classRef),
        proxy("base", { type: "ClusterIP" }),
        proxy("own", { externalTrafficPolicy: "Cluster" }),
        gateway("nginx", { infrastructure: gatewayRef }),
      ),
    ).toEqual([]);
    expect(
      exposure(gateway("nginx", { addresses: [{ type: "IPAddress", value: "10.0.9.9" }] })),
    ).toEqual([]);
    // A JSON patch of the Service is not applied: undecided.
    expect(
      exposure(
        gatewayClass("nginx", ngf, classRef),
        proxy("base", { type: "ClusterIP", patches: [{ type: "JSONPatch", value: [] }] }),
        gateway("nginx"),
      ),
    ).toEqual([
      [
        "kubernetes-service-exposure",
        "web",
        "mandatory",
        [label, "spec.kubernetes.service.patches (not read)"],
      ],
    ]);
  });

  test("Consul: only the annotations the GatewayClassConfig lists are copied; no service type makes no Service", () => {
    const consul = "consul.hashicorp.com/gateway-controller";
    const config = (spec: unknown) =>
      kube("kubernetes:consul.hashicorp.com/v1alpha1:GatewayClassConfig", "gcc", {
        metadata: { name: "api" },
        spec,
      });
    const classRef = { group: "consul.hashicorp.com", kind: "GatewayClassConfig", name: "api" };
    const key = "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type";
    // The Helm chart's class: a LoadBalancer copying only external-dns's hostname annotation.
    expect(exposure(gateway("consul", {}, { annotations: intranet }))).toEqual([
      publicLoadBalancer,
    ]);
    expect(
      exposure(
        gatewayClass("api", consul, classRef),
        config({ serviceType: "LoadBalancer", copyAnnotations: { service: [key] } }),
        gateway("api", {}, { annotations: intranet }),
      ),
    ).toEqual([]);
    expect(
      exposure(
        gatewayClass("api", consul, classRef),
        config({ serviceType: "LoadBalancer" }),
        gateway("api", {}, { annotations: intranet }),
      ),
    ).toEqual([publicLoadBalancer]);
    expect(exposure(gatewayClass("api", consul, classRef), config({}), gateway("api"))).toEqual([]);
  });

  test("the Kong Gateway Operator, kgateway and Contour read their parameters' Service settings", () => {
    const kong = custom("gateway-operator.konghq.com/v2beta1", "GatewayConfiguration", "kong", {
      dataPlaneOptions: { network: { services: { ingress: { annotations: intranet } } } },
    });
    const kongRef = {
      group: "gateway-operator.konghq.com",
      kind: "GatewayConfiguration",
      name: "kong",
      namespace: "edge",
    };
    expect(exposure(gatewayClass("kong", "konghq.com/gateway-operator"), gateway("kong"))).toEqual([
      publicLoadBalancer,
    ]);
    expect(
      exposure(gatewayClass("kong", "konghq.com/gateway-operator", kongRef), kong, gateway("kong")),
    ).toEqual([]);

    const params = custom("gateway.kgateway.dev/v1alpha1", "GatewayParameters", "private", {
      kube: { service: { type: "ClusterIP" } },
    });
    expect(exposure(gateway("kgateway"))).toEqual([publicLoadBalancer]);
    expect(
      exposure(
        params,
        gateway("kgateway", {
          infrastructure: {
            parametersRef: {
              group: "gateway.kgateway.dev",
              kind: "GatewayParameters",
              name: "private",
            },
          },
        }),
      ),
    ).toEqual([]);
    // Then the Service overlay, a strategic-merge patch of the Service.
    const overlaid = custom("gateway.kgateway.dev/v1alpha1", "GatewayParameters", "overlaid", {
      kube: { serviceOverlay: { metadata: { annotations: intranet } } },
    });
    expect(
      exposure(
        overlaid,
        gateway("kgateway", {
          infrastructure: {
            parametersRef: {
              group: "gateway.kgateway.dev",
              kind: "GatewayParameters",
              name: "overlaid",
            },
          },
        }),
      ),
    ).toEqual([]);
    // kgateway before 2.0 named them by an annotation.
    expect(
      exposure(
        params,
        gateway(
          "kgateway",
          {},
          { annotations: { "gateway.kgateway.dev/gateway-parameters-name": "private" } },
        ),
      ),
    ).toEqual([]);

    const contour = "projectcontour.io/gateway-controller";
    const deployment = (networkPublishing: unknown) =>
      custom("projectcontour.io/v1alpha1", "ContourDeployment", "envoy", {
        envoy: { networkPublishing },
      });
    const contourRef = {
      group: "projectcontour.io",
      kind: "ContourDeployment",
      name: "envoy",
      namespace: "edge",
    };
    expect(exposure(gatewayClass("contour", contour), gateway("contour"))).toEqual([
      publicLoadBalancer,
    ]);
    expect(
      exposure(
        gatewayClass("contour", contour, contourRef),
        deployment({ type: "ClusterIPService" }),
        gateway("contour"),
      ),
    ).toEqual([]);
    expect(
      exposure(
        gatewayClass("contour", contour, contourRef),
        deployment({ serviceAnnotations: intranet }),
        gateway("contour"),
      ),
    ).toEqual([]);
  });
});

describe("classes that provision no Service", () => {
  const lbConfig = (name: string, spec: unknown) =>
    custom("gateway.k8s.aws/v1beta1", "LoadBalancerConfiguration", name, spec);
  const ref = (name: string) => ({
    group: "gateway.k8s.aws",
    kind: "LoadBalancerConfiguration",
    name,
    namespace: "edge",
  });

  /** An EKS cluster of the program in us-west-2 and its Kubernetes provider `eks-apps`. */
  const eks: OracleResource[] = [
    { type: "pulumi:providers:aws", name: "oregon", props: { region: "us-west-2" } },
    on("oregon")("aws:eks/cluster:Cluster", "eks", { vpcConfig: { endpointPublicAccess: false } }),
    {
      type: "pulumi:providers:kubernetes",
      name: "eks-apps",
      props: { kubeconfig: "apiVersion: v1" },
      deps: { kubeconfig: ["eks"] },
    },
  ];
  const onEks = on("eks-apps");
  /** The objects on the EKS cluster: the kube provider's objects moved to it. */
  const awsExposure = (...objects: OracleResource[]) =>
    findingsOf(
      [...eks, ...objects.map((o) => onEks(o.type, o.name, o.props ?? {}))],
      ["kubernetes-service-exposure"],
      { jurisdiction: "US" },
    );

  test("the AWS Load Balancer Controller's load balancer is internal unless its configuration says internet-facing", () => {
    const exposure = awsExposure;
    expect(exposure(gatewayClass("alb", "gateway.k8s.aws/alb"), gateway("alb"))).toEqual([]);
    expect(
      exposure(
        gatewayClass("alb", "gateway.k8s.aws/alb", ref("public")),
        lbConfig("public", { scheme: "internet-facing" }),
        gateway("alb"),
      ),
    ).toEqual([publicLoadBalancer]);
    // The class's configuration is preferred to the Gateway's, unless it says otherwise.
    const gatewayRef = {
      infrastructure: {
        parametersRef: { group: "gateway.k8s.aws", kind: "LoadBalancerConfiguration", name: "own" },
      },
    };
    expect(
      exposure(
        gatewayClass("alb", "gateway.k8s.aws/alb", ref("base")),
        lbConfig("base", { scheme: "internal" }),
        lbConfig("own", { scheme: "internet-facing" }),
        gateway("alb", gatewayRef),
      ),
    ).toEqual([]);
    expect(
      exposure(
        gatewayClass("alb", "gateway.k8s.aws/alb", ref("base")),
        lbConfig("base", { scheme: "internal", mergingMode: "prefer-gateway" }),
        lbConfig("own", { scheme: "internet-facing" }),
        gateway("alb", gatewayRef),
      ),
    ).toEqual([publicLoadBalancer]);
  });

  test("on a cluster of another cloud the AWS Load Balancer Controller's classes are not served", () => {
    expect(
      exposure(
        gatewayClass("alb", "gateway.k8s.aws/alb", ref("public")),
        lbConfig("public", { scheme: "internet-facing" }),
        gateway("alb"),
      ),
    ).toEqual([]);
  });

  test("shared proxies, VPC Lattice and classes the pack does not know make nothing it judges here", () => {
    expect(
      exposure(gatewayClass("traefik", "traefik.io/gateway-controller"), gateway("traefik")),
    ).toEqual([]);
    expect(exposure(gateway("amazon-vpc-lattice"))).toEqual([]);
    expect(
      exposure(gatewayClass("acme", "example.com/acme-gateway-controller"), gateway("acme")),
    ).toEqual([]);
  });
});

describe("GKE's classes", () => {
  /** A Gateway of `className` on a GKE cluster of the program, in us-west1. */
  const onGke = (className: string): OracleResource[] => [
    { type: "pulumi:providers:gcp", name: "gcp", props: { region: "us-west1" } },
    on("gcp")("gcp:container/cluster:Cluster", "gke", { location: "us-west1" }),
    {
      type: "pulumi:providers:kubernetes",
      name: "gke-apps",
      props: { kubeconfig: "apiVersion: v1" },
      deps: { kubeconfig: ["gke"] },
    },
    on("gke-apps")(`${gatewayApi}:Gateway`, "web", {
      metadata: { name: "web", namespace: "edge" },
      spec: { gatewayClassName: className, listeners: [] },
    }),
  ];
  const gkeExposure = (className: string) =>
    findingsOf(onGke(className), ["kubernetes-service-exposure"], { jurisdiction: "US" });

  test("a global external class is served from Google's front ends worldwide; a regional external one faces the internet", () => {
    expect(gkeExposure("gke-l7-global-external-managed")).toEqual([
      [
        "kubernetes-service-exposure",
        "web",
        "mandatory",
        [label, "Google's global front ends (points of presence worldwide)"],
      ],
    ]);
    expect(gkeExposure("gke-l7-regional-external-managed")).toEqual([publicLoadBalancer]);
  });

  test("twin: an internal class passes, and on a cluster of another cloud the class is not served", () => {
    expect(gkeExposure("gke-l7-rilb")).toEqual([]);
    expect(gkeExposure("gke-l7-cross-regional-internal-managed-mc")).toEqual([]);
    expect(exposure(gateway("gke-l7-global-external-managed"))).toEqual([]);
  });
});

describe("the proxies a Gateway's implementation runs", () => {
  // Istio, NGINX Gateway Fabric, Consul, the Kong operator, kgateway and Contour run each
  // Gateway's proxies as pods of its own namespace, whose egress that namespace's NetworkPolicies
  // govern; Envoy Gateway runs them in its controller's namespace, Cilium in its agents' Envoy.
  const namespaceEgress = (...objects: OracleResource[]) =>
    findingsOf(onCluster(...objects), ["kubernetes-namespace-egress"]);
  const denyEgress = kube("kubernetes:networking.k8s.io/v1:NetworkPolicy", "edge-deny", {
    metadata: { name: "deny", namespace: "edge" },
    spec: { podSelector: {}, policyTypes: ["Egress"] },
  });
  const proxiesOut = [
    "kubernetes-namespace-egress",
    "web",
    "mandatory",
    [
      'k8s namespace "edge"',
      "pod egress (no default-deny NetworkPolicy)",
      "every address (any country)",
    ],
  ] as const;

  test.each([
    ["istio", []],
    ["nginx", []],
    ["kgateway", [gatewayClass("kgw", "kgateway.dev/kgateway")]],
    ["contour", [gatewayClass("contour", "projectcontour.io/gateway-controller")]],
  ] as const)(
    "a Gateway of class %s runs its proxies in a namespace without default-deny egress",
    (cls, extra) => {
      expect(namespaceEgress(gateway(cls === "kgateway" ? "kgw" : cls), ...extra)).toEqual([
        proxiesOut,
      ]);
    },
  );

  test("twin: the namespace denies egress by default, or the proxies run elsewhere", () => {
    expect(namespaceEgress(gateway("istio"), denyEgress)).toEqual([]);
    expect(
      namespaceEgress(
        gateway("eg"),
        gatewayClass("eg", "gateway.envoyproxy.io/gatewayclass-controller"),
      ),
    ).toEqual([]);
    expect(namespaceEgress(gateway("cilium"))).toEqual([]);
    expect(namespaceEgress(gateway("istio-remote"))).toEqual([]);
  });
});
