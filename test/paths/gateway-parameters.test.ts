/**
 * The parameters of Gateway API implementations (policy/paths/gateway-parameters.ts): Envoy
 * Gateway's EnvoyProxy, NGINX Gateway Fabric's NginxProxy, kgateway's GatewayParameters, the Kong
 * Gateway Operator's GatewayConfiguration, Contour's ContourDeployment, the AWS Load Balancer
 * Controller's LoadBalancerConfiguration and Cilium's CiliumGatewayClassConfig. Each was an
 * unreviewed custom kind, so a program that kept its Gateway's load balancer internal through one
 * failed closed; now they pass unless they send the proxies' data to a collector, resolver,
 * hosted control plane or code outside, or hold configuration the pack does not read.
 */
import { sorted } from "../helpers/policy-session";
import type { OracleResource } from "../helpers/model-oracle";
import {
  egress,
  findingsOf,
  egressOrUnreviewed,
  kube,
  named,
  messagesOf,
  onCluster,
} from "../helpers/cluster-objects";

const judged = egressOrUnreviewed;
/** With named-destinations', which judges a reference to an Envoy Gateway Backend over the stack. */
const judgedOverStack = (resources: readonly OracleResource[]) =>
  findingsOf(resources, ["kubernetes-egress", "named-destinations", "reviewed-resource-types"]);

/** A custom resource `name` of `apiVersion`/`kind` with this spec, in namespace `edge`. */
const custom = (apiVersion: string, kind: string, name: string, spec: unknown) =>
  kube(`kubernetes:${apiVersion}:${kind}`, name, { metadata: { name, namespace: "edge" }, spec });

const envoyProxy = (spec: unknown) =>
  custom("gateway.envoyproxy.io/v1alpha1", "EnvoyProxy", "proxy", spec);
/** An EnvoyProxy whose Kubernetes provider settings are `kubernetes`. */
const envoyProxyOn = (kubernetes: unknown) =>
  envoyProxy({ provider: { type: "Kubernetes", kubernetes } });
const proxyLabel = 'k8s envoyproxy "proxy"';

describe("Envoy Gateway's EnvoyProxy", () => {
  test("Service settings, a collector of the cluster or a private one pass", () => {
    expect(
      judged(
        onCluster(
          envoyProxy({
            provider: {
              type: "Kubernetes",
              kubernetes: {
                envoyService: { type: "ClusterIP", patch: { value: { spec: {} } } },
                envoyDeployment: { replicas: 2, pod: { volumes: [{ name: "tmp", emptyDir: {} }] } },
              },
            },
            telemetry: {
              accessLog: {
                settings: [
                  {
                    sinks: [
                      { type: "File", file: { path: "/dev/stdout" } },
                      {
                        type: "OpenTelemetry",
                        openTelemetry: {
                          backendRefs: [
                            { name: "otel-collector", namespace: "monitoring", port: 4317 },
                          ],
                        },
                      },
                    ],
                  },
                ],
              },
              tracing: {
                provider: { type: "Zipkin", host: "zipkin.tracing.svc.cluster.local", port: 9411 },
              },
              metrics: {
                sinks: [{ type: "OpenTelemetry", openTelemetry: { host: "10.0.7.7", port: 4317 } }],
              },
            },
          }),
        ),
      ),
    ).toEqual([]);
  });

  test("a collector outside, a Backend the program does not declare, raw configuration and a dynamic module are findings", () => {
    expect(
      judgedOverStack(
        onCluster(
          envoyProxy({
            telemetry: {
              tracing: {
                provider: { type: "OpenTelemetry", host: "otlp.vendor.example.com", port: 4317 },
              },
              metrics: {
                sinks: [
                  {
                    type: "OpenTelemetry",
                    openTelemetry: {
                      backendRefs: [
                        { group: "gateway.envoyproxy.io", kind: "Backend", name: "saas" },
                      ],
                    },
                  },
                ],
              },
            },
            bootstrap: { type: "Merge", value: "stats_sinks: []" },
            extraArgs: ["--config-yaml={}"],
            provider: {
              type: "Kubernetes",
              kubernetes: {
                envoyDeployment: {
                  patch: {
                    type: "StrategicMerge",
                    value: { spec: { template: { spec: { hostNetwork: true } } } },
                  },
                },
                envoyDaemonSet: {
                  pod: { volumes: [{ name: "share", nfs: { server: "203.0.113.5", path: "/" } }] },
                },
              },
            },
            dynamicModules: [
              { name: "auth", source: { remote: { url: "https://modules.example.com/auth.so" } } },
            ],
          }),
        ),
      ),
    ).toEqual(
      sorted([
        named("proxy", proxyLabel, "gateway.envoyproxy.io/Backend saas (cannot be placed)"),
        egress("proxy", proxyLabel, "otlp.vendor.example.com (cannot be placed)"),
        egress("proxy", proxyLabel, "203.0.113.5 (NFS server)"),
        egress("proxy", proxyLabel, "every address the nodes reach (cannot be placed)"),
        egress("proxy", proxyLabel, "what the Envoy command line reaches (cannot be placed)"),
        egress("proxy", proxyLabel, "what the Envoy bootstrap reaches (cannot be placed)"),
        egress("proxy", proxyLabel, "what the dynamic module reaches (cannot be placed)"),
      ]),
    );
  });

  test("a collector's finding says what the proxies send there", () => {
    const [message] = messagesOf(
      "kubernetes-egress",
      onCluster(
        envoyProxy({ telemetry: { tracing: { provider: { host: "otlp.vendor.example.com" } } } }),
      ),
    );
    expect(message).toBe(
      `${proxyLabel} must send the proxies' logs, traces and metrics only to collectors of the cluster, private or allowlisted addresses, but spec.telemetry.tracing.provider.host is "otlp.vendor.example.com", a host the pack cannot place: every proxy of the Gateways it configures sends there what it records of the requests it serves. Send to a collector of the cluster (a Service) or a private address — a relay there can forward what may leave — or add the collector's address to the egress allowlist, or its host name to egressHosts, with a reason.`,
    );
  });
});

describe("the other implementations' parameters", () => {
  test("NGINX Gateway Fabric's NginxProxy: its trace exporter and DNS resolvers", () => {
    const nginxProxy = (spec: unknown) =>
      custom("gateway.nginx.org/v1alpha2", "NginxProxy", "nginx", spec);
    const label = 'k8s nginxproxy "nginx"';
    expect(
      judged(
        onCluster(
          nginxProxy({
            telemetry: { exporter: { endpoint: "otel-collector.monitoring.svc:4317" } },
            dnsResolver: { addresses: [{ type: "IPAddress", value: "10.96.0.10" }] },
            kubernetes: { service: { type: "ClusterIP" }, deployment: { replicas: 2 } },
          }),
        ),
      ),
    ).toEqual([]);
    expect(
      judged(
        onCluster(
          nginxProxy({
            dnsResolver: { addresses: [{ type: "IPAddress", value: "8.8.8.8" }] },
            kubernetes: { deployment: { patches: [{ type: "JSONPatch", value: [] }] } },
          }),
        ),
      ),
    ).toEqual([
      egress("nginx", label, "8.8.8.8 (DNS resolver)"),
      egress("nginx", label, "what the patched proxies reach (cannot be placed)"),
    ]);
  });

  test("kgateway's GatewayParameters: Istio's discovery server and what the Deployment's overlay adds", () => {
    const params = (kube: unknown) =>
      custom("gateway.kgateway.dev/v1alpha1", "GatewayParameters", "gw", { kube });
    const label = 'k8s gatewayparameters "gw"';
    expect(
      judged(
        onCluster(
          params({
            service: { type: "ClusterIP", extraAnnotations: { team: "web" } },
            istio: {
              istioProxyContainer: { istioDiscoveryAddress: "istiod.istio-system.svc:15012" },
            },
          }),
        ),
      ),
    ).toEqual([]);
    // An overlay that tunes the proxies passes; one that adds a container fails.
    const overlay = (spec: unknown) =>
      params({ deploymentOverlay: { spec: { template: { spec } } } });
    expect(
      judged(
        onCluster(
          overlay({
            containers: [{ name: "kgateway-proxy", resources: { limits: { memory: "1Gi" } } }],
            tolerations: [{ key: "edge", operator: "Exists" }],
          }),
        ),
      ),
    ).toEqual([]);
    expect(
      judged(onCluster(overlay({ containers: [{ name: "log-shipper", image: "vector:0.40" }] }))),
    ).toEqual([egress("gw", label, 'what the container "log-shipper" reaches (cannot be placed)')]);
  });

  test("the Kong Gateway Operator's GatewayConfiguration: Kong Konnect and plugins", () => {
    const configuration = (spec: unknown, version = "v2beta1") =>
      custom(`gateway-operator.konghq.com/${version}`, "GatewayConfiguration", "kong", spec);
    const label = 'k8s gatewayconfiguration "kong"';
    expect(
      judged(
        onCluster(
          configuration({
            dataPlaneOptions: { network: { services: { ingress: { type: "ClusterIP" } } } },
            extensions: [
              {
                group: "gateway-operator.konghq.com",
                kind: "DataPlaneMetricsExtension",
                name: "metrics",
              },
            ],
          }),
        ),
      ),
    ).toEqual([]);
    expect(
      judged(
        onCluster(
          configuration(
            {
              dataPlaneOptions: {
                extensions: [
                  { group: "konnect.konghq.com", kind: "KonnectExtension", name: "konnect" },
                ],
                pluginsToInstall: [{ name: "custom-auth" }],
              },
            },
            "v1beta1",
          ),
        ),
      ),
    ).toEqual([
      egress("kong", label, "Kong Konnect (cannot be placed)"),
      egress("kong", label, "what the Kong plugin reaches (cannot be placed)"),
    ]);
  });

  test("Contour's ContourDeployment, the AWS Load Balancer Controller's LoadBalancerConfiguration and Cilium's CiliumGatewayClassConfig pass; their volumes are read", () => {
    expect(
      judged(
        onCluster(
          custom("projectcontour.io/v1alpha1", "ContourDeployment", "contour", {
            envoy: {
              networkPublishing: { type: "ClusterIPService" },
              extraVolumes: [{ name: "tmp", emptyDir: {} }],
            },
            runtimeSettings: { tracing: { extensionService: "tracing/otel" } },
          }),
          custom("gateway.k8s.aws/v1", "LoadBalancerConfiguration", "alb", {
            scheme: "internal",
            loadBalancerAttributes: [{ key: "access_logs.s3.enabled", value: "true" }],
          }),
          custom("cilium.io/v2alpha1", "CiliumGatewayClassConfig", "cilium", {
            service: { type: "NodePort" },
          }),
        ),
      ),
    ).toEqual([]);
    expect(
      judged(
        onCluster(
          custom("projectcontour.io/v1alpha1", "ContourDeployment", "contour", {
            envoy: { extraVolumes: [{ name: "share", nfs: { server: "203.0.113.5", path: "/" } }] },
          }),
        ),
      ),
    ).toEqual([egress("contour", 'k8s contourdeployment "contour"', "203.0.113.5 (NFS server)")]);
  });
});

describe("what parameters lay over the proxies' pods", () => {
  const patched = (spec: unknown) =>
    envoyProxyOn({
      envoyDeployment: {
        patch: { type: "StrategicMerge", value: { spec: { template: { spec } } } },
      },
    });

  test("a patch that tunes the proxies — resources, scheduling, security context, lifecycle, the proxy's environment — passes (the real-manifest bench's hardening patches)", () => {
    expect(
      judged(
        onCluster(
          patched({
            affinity: { podAntiAffinity: {} },
            terminationGracePeriodSeconds: 360,
            containers: [
              {
                name: "envoy",
                securityContext: { readOnlyRootFilesystem: true },
                resources: { limits: { memory: "512Mi" } },
                lifecycle: { preStop: { exec: { command: ["sleep", "15"] } } },
                env: [{ name: "ENVOY_LOG_LEVEL", value: "info" }],
              },
            ],
            volumes: [{ name: "tmp", emptyDir: {} }],
          }),
        ),
      ),
    ).toEqual([]);
  });

  test("a patch or field that adds code, host ports, the node's network, a remote volume or DNS servers fails closed", () => {
    const found = judged(
      onCluster(
        patched({
          containers: [
            {
              name: "envoy",
              args: ["--config-yaml", "{}"],
              ports: [{ containerPort: 443, hostPort: 443 }],
            },
            { name: "shipper", image: "fluent-bit:3" },
          ],
          volumes: [{ name: "share", nfs: { server: "10.0.0.5", path: "/" } }],
          dnsConfig: { nameservers: ["1.1.1.1"] },
        }),
      ),
    );
    expect(found.map(([, , , path]) => (path as string[])[1]).sort()).toEqual([
      "the DNS servers the patch names (cannot be placed)",
      "the nfs volume (cannot be placed)",
      'what the container "envoy" reaches (cannot be placed)',
      'what the container "shipper" reaches (cannot be placed)',
      "whoever reaches the nodes (cannot be placed)",
    ]);
    expect(
      judged(
        onCluster(
          envoyProxyOn({ envoyDeployment: { initContainers: [{ name: "fetch", image: "curl" }] } }),
        ),
      ),
    ).toEqual([egress("proxy", proxyLabel, "what the init container reaches (cannot be placed)")]);
  });

  test("the Kong Gateway Operator's pod template: the proxy container's settings and image pass, another container fails", () => {
    const configuration = (containers: unknown[]) =>
      custom("gateway-operator.konghq.com/v2beta1", "GatewayConfiguration", "kong", {
        dataPlaneOptions: {
          deployment: { podTemplateSpec: { spec: { containers } } },
        },
      });
    expect(
      judged(
        onCluster(
          // Kong's samples pin the gateway's version by the proxy container's image.
          configuration([
            {
              name: "proxy",
              image: "kong/kong-gateway:3.15",
              env: [{ name: "KONG_LOG_LEVEL", value: "info" }],
            },
          ]),
        ),
      ),
    ).toEqual([]);
    expect(judged(onCluster(configuration([{ name: "tailer", image: "busybox" }])))).toEqual([
      egress(
        "kong",
        'k8s gatewayconfiguration "kong"',
        'what the container "tailer" reaches (cannot be placed)',
      ),
    ]);
  });
});

describe("Envoy Gateway's policies", () => {
  const policy = (kind: string, spec: unknown) =>
    custom("gateway.envoyproxy.io/v1alpha1", kind, "shop", {
      targetRefs: [{ group: "gateway.networking.k8s.io", kind: "HTTPRoute", name: "shop" }],
      ...(spec as Record<string, unknown>),
    });

  test("traffic policies and route filters name no destination and pass (eight of seventeen real Envoy Gateway repositories carry them)", () => {
    expect(
      judged(
        onCluster(
          policy("ClientTrafficPolicy", { timeout: { http: { requestReceivedTimeout: "10s" } } }),
          policy("BackendTrafficPolicy", {
            retry: { numRetries: 3 },
            healthCheck: { active: { type: "HTTP", http: { path: "/healthz" } } },
            rateLimit: {
              type: "Global",
              global: { rules: [{ limit: { requests: 10, unit: "Second" } }] },
            },
          }),
          policy("HTTPRouteFilter", {
            urlRewrite: { hostname: { type: "Header", header: "x-host" } },
          }),
        ),
      ),
    ).toEqual([]);
  });

  test("a SecurityPolicy's authorizer must be a Service of the cluster, and its identity provider inside", () => {
    expect(
      judgedOverStack(
        onCluster(
          policy("SecurityPolicy", {
            extAuth: { http: { backendRefs: [{ name: "authz", port: 9000 }] } },
            oidc: {
              provider: { issuer: "https://sso.internal.example.svc.cluster.local/realms/shop" },
              clientID: "shop",
            },
            jwt: {
              providers: [
                {
                  name: "auth0",
                  remoteJWKS: { uri: "https://tenant.auth0.com/.well-known/jwks.json" },
                },
              ],
            },
          }),
        ),
      ),
    ).toEqual([]);
    expect(
      judgedOverStack(
        onCluster(
          policy("SecurityPolicy", {
            extAuth: {
              grpc: {
                backendRef: { group: "gateway.envoyproxy.io", kind: "Backend", name: "saas-authz" },
              },
            },
            oidc: { provider: { issuer: "https://tenant.auth0.com/" }, clientID: "shop" },
          }),
        ),
      ),
    ).toEqual(
      sorted([
        named(
          "shop",
          'k8s securitypolicy "shop"',
          "gateway.envoyproxy.io/Backend saas-authz (cannot be placed)",
        ),
        egress("shop", 'k8s securitypolicy "shop"', "tenant.auth0.com (cannot be placed)"),
      ]),
    );
  });

  test("an EnvoyExtensionPolicy's processors and the code it runs, and an EnvoyPatchPolicy, are judged", () => {
    expect(
      judged(
        onCluster(
          policy("EnvoyExtensionPolicy", {
            extProc: [{ backendRefs: [{ name: "processor", port: 9002 }] }],
          }),
        ),
      ),
    ).toEqual([]);
    expect(
      judged(
        onCluster(
          policy("EnvoyExtensionPolicy", {
            wasm: [
              {
                name: "filter",
                code: { type: "HTTP", http: { url: "https://example.com/filter.wasm" } },
              },
            ],
            lua: [{ type: "Inline", inline: "function envoy_on_request(h) end" }],
          }),
          custom("gateway.envoyproxy.io/v1alpha1", "EnvoyPatchPolicy", "patch", {
            targetRef: { group: "gateway.networking.k8s.io", kind: "Gateway", name: "eg" },
            type: "JSONPatch",
            jsonPatches: [
              {
                type: "type.googleapis.com/envoy.config.listener.v3.Listener",
                name: "x",
                operation: { op: "add", path: "/a", value: {} },
              },
            ],
          }),
        ),
      ),
    ).toEqual(
      sorted([
        egress(
          "patch",
          'k8s envoypatchpolicy "patch"',
          "what the xDS patch reaches (cannot be placed)",
        ),
        egress(
          "shop",
          'k8s envoyextensionpolicy "shop"',
          "what the Lua script reaches (cannot be placed)",
        ),
        egress(
          "shop",
          'k8s envoyextensionpolicy "shop"',
          "what the Wasm extension reaches (cannot be placed)",
        ),
      ]),
    );
  });
});

describe("Envoy Gateway's Backend", () => {
  const backend = (spec: unknown) =>
    custom("gateway.envoyproxy.io/v1alpha1", "Backend", "collector", spec);
  const label = 'k8s backend "collector"';

  test("endpoints of the cluster, private or a unix socket pass; one outside, or a dynamic resolver, fails", () => {
    expect(
      judged(
        onCluster(
          backend({
            endpoints: [
              { fqdn: { hostname: "otel-collector.monitoring.svc.cluster.local", port: 4317 } },
              { ip: { address: "10.0.7.7", port: 4317 } },
              { unix: { path: "/var/run/collector.sock" } },
            ],
          }),
        ),
      ),
    ).toEqual([]);
    expect(
      judged(
        onCluster(
          backend({ endpoints: [{ fqdn: { hostname: "api.vendor.example.com", port: 443 } }] }),
        ),
      ),
    ).toEqual([egress("collector", label, "api.vendor.example.com (cannot be placed)")]);
    expect(judged(onCluster(backend({ type: "DynamicResolver" })))).toEqual([
      egress("collector", label, "the host each request names (cannot be placed)"),
    ]);
    expect(judged(onCluster(backend({ type: "Endpoints", endpoints: [] })))).toEqual([]);
  });
});

describe("a reference to Envoy Gateway's Backend", () => {
  const backend = (name: string, hostname: string, namespace = "edge") =>
    kube("kubernetes:gateway.envoyproxy.io/v1alpha1:Backend", `backend-${name}`, {
      metadata: { name, namespace },
      spec: { endpoints: [{ fqdn: { hostname, port: 443 } }] },
    });
  const route = (backendRef: Record<string, unknown>) =>
    kube("kubernetes:gateway.networking.k8s.io/v1:HTTPRoute", "shop", {
      metadata: { name: "shop", namespace: "edge" },
      spec: {
        parentRefs: [{ name: "eg" }],
        rules: [
          { backendRefs: [{ group: "gateway.envoyproxy.io", kind: "Backend", ...backendRef }] },
        ],
      },
    });
  const findings = (...objects: OracleResource[]) =>
    findingsOf(onCluster(...objects), [
      "kubernetes-egress",
      "named-destinations",
      "reviewed-resource-types",
    ]);

  test("is placed by the program's Backend of that name, judged for its endpoints", () => {
    expect(
      findings(route({ name: "orders" }), backend("orders", "orders.shop.svc.cluster.local")),
    ).toEqual([]);
    // The Backend's endpoint outside is its own finding; the route passes.
    expect(
      findings(route({ name: "orders" }), backend("orders", "api.vendor.example.com")),
    ).toEqual([
      egress(
        "backend-orders",
        'k8s backend "backend-orders"',
        "api.vendor.example.com (cannot be placed)",
      ),
    ]);
  });

  test("one the program does not declare, or of another namespace, fails on the route over the stack", () => {
    const missing = [
      "named-destinations",
      "shop",
      "mandatory",
      ['k8s httproute "shop"', "gateway.envoyproxy.io/Backend orders (cannot be placed)"],
    ];
    expect(findings(route({ name: "orders" }))).toEqual([missing]);
    expect(
      findings(
        route({ name: "orders" }),
        backend("orders", "orders.shop.svc.cluster.local", "other"),
      ),
    ).toEqual([missing]);
    expect(
      findings(
        route({ name: "orders", namespace: "other" }),
        backend("orders", "orders.shop.svc.cluster.local", "other"),
      ),
    ).toEqual([]);
  });
});
