/**
 * The parameters of Gateway API implementations, as kubernetes-egress reads them: the objects a
 * GatewayClass or a Gateway names (`parametersRef`) for the proxies the implementation deploys.
 * What they make a Gateway's Service is kubernetes-service-exposure's (paths/gateways.ts); here is
 * where else they send the proxies' data.
 *
 * - Envoy Gateway's `EnvoyProxy` (`gateway.envoyproxy.io` `v1alpha1`): the collectors of its
 *   access logs, traces and metrics (`host`, or `backendRefs` — a Service of the cluster, or
 *   Envoy Gateway's own `Backend`, whose endpoints the pack does not place), a dynamic module
 *   fetched from a URL, which runs in the proxy and sees every request, and raw configuration it
 *   does not read — a bootstrap, Envoy's command-line arguments, a patch of the proxies'
 *   Deployment or DaemonSet (containers, volumes, the host's network).
 * - NGINX Gateway Fabric's `NginxProxy` (`gateway.nginx.org` `v1alpha2`): its tracing exporter's
 *   endpoint, the DNS resolvers it asks for the names of ExternalName Services, and patches of
 *   its Deployment or DaemonSet.
 * - kgateway's `GatewayParameters` (`gateway.kgateway.dev` `v1alpha1`): the Istio discovery
 *   address of its sidecar, Envoy's command-line arguments, and the overlay of its Deployment.
 * - The Kong Gateway Operator's `GatewayConfiguration` (`gateway-operator.konghq.com` `v1beta1`,
 *   `v2beta1`): Kong Konnect, Kong's hosted control plane, which gets the gateways' configuration
 *   and telemetry in the region of its API authentication (`konnect`, a `KonnectExtension`), and
 *   plugins installed from images, whose code sees every request.
 *
 * Their pods' volumes are read where paths/kubernetes.ts reads every volume. Contour's
 * `ContourDeployment`, the AWS Load Balancer Controller's `LoadBalancerConfiguration` (its access
 * logs go to a bucket of the load balancer's own region) and Cilium's `CiliumGatewayClassConfig`
 * send nothing elsewhere (policy/reviewed.ts). Fields as the projects' API types define them
 * (policy/reviewed.ts `customResourceReferences`).
 */
import type { DestinationField, DestinationFinding, DestinationWords } from "./kubernetes";
import { unplaced } from "./kubernetes";
import { str } from "./values";

const telemetryWords: DestinationWords = {
  must: "send the proxies' logs, traces and metrics only to collectors of the cluster, private or allowlisted addresses",
  how: "every proxy of the Gateways it configures sends there what it records of the requests it serves",
  fix: "Send to a collector of the cluster (a Service) or a private address — a relay there can forward what may leave — or add the collector's address to the egress allowlist, or its host name to egressHosts, with a reason",
};

const dnsWords: DestinationWords = {
  must: "resolve names only with DNS servers of the cluster, private or allowlisted addresses",
  how: "the proxies ask it for the names of the ExternalName Services they route to",
  fix: "Resolve with the cluster's own DNS (leave dnsResolver unset), a private resolver, or add the resolver's address to the egress allowlist",
};

const codeWords: DestinationWords = {
  must: "run in the proxies only what the pack can read",
  how: "what runs in a proxy sees every request it serves and may send it anywhere",
  fix: "Configure the proxies through the parameters' own fields, or, once what it runs is reviewed, waive the finding with that reason",
};

const konnectWords: DestinationWords = {
  must: "keep the gateways' configuration and telemetry in the cluster",
  how: "Kong Konnect, Kong's hosted control plane, holds the gateways' configuration and receives their analytics, in the region of the Konnect organisation its API authentication names",
  fix: "Run the control plane in the cluster, or, once you have confirmed that the Konnect region is inside the jurisdiction, waive this finding with that evidence",
};

/** A field that holds what the pack does not read: any value is a destination it cannot place. */
const unread = (
  path: string,
  what: string,
  why: string,
  words: DestinationWords = codeWords,
): DestinationField => ({
  path,
  what,
  read: "unseen",
  words,
  unseen: { why, place: `what the ${what} reaches (cannot be placed)` },
});

/** A collector named by host (`host`) and by backends (`backendRefs`). */
const collector = (at: string, what: string): DestinationField[] => [
  { path: `${at}.host`, what, read: "service-address", words: telemetryWords },
  { path: `${at}.backendRefs[]`, what, read: "backend-ref", words: telemetryWords },
];

const patchWhy =
  "patches the proxies' workload, which may add containers, volumes or the host's network, and the pack does not apply the patch";

const envoyArgsWhy =
  "passes Envoy command-line arguments, which may add configuration (--config-yaml) the pack does not read";

/** The destination fields of these kinds (objects, Patches; Lists under `items[]`). */
export const gatewayParameterFields: ReadonlyArray<readonly [RegExp, readonly DestinationField[]]> =
  [
    [
      /^kubernetes:gateway\.envoyproxy\.io\/v1alpha1:EnvoyProxy$/,
      [
        ...collector(
          "spec.telemetry.accessLog.settings[].sinks[].openTelemetry",
          "access log collector",
        ),
        ...collector(
          "spec.telemetry.accessLog.settings[].sinks[].als",
          "access log service",
        ).filter((f) => f.read === "backend-ref"),
        ...collector("spec.telemetry.tracing.provider", "trace collector"),
        ...collector("spec.telemetry.metrics.sinks[].openTelemetry", "metrics collector"),
        unread(
          "spec.dynamicModules[].source.remote.url",
          "dynamic module",
          "loads a dynamic module from a URL into every proxy, whose code the pack does not read",
        ),
        unread(
          "spec.bootstrap",
          "Envoy bootstrap",
          "holds Envoy bootstrap configuration, whose clusters, stats sinks and tracers the pack does not read",
        ),
        unread("spec.extraArgs[]", "Envoy command line", envoyArgsWhy),
        unread("spec.provider.kubernetes.envoyDeployment.patch", "Deployment patch", patchWhy),
        unread("spec.provider.kubernetes.envoyDaemonSet.patch", "DaemonSet patch", patchWhy),
      ],
    ],
    [
      /^kubernetes:gateway\.nginx\.org\/v1alpha2:NginxProxy$/,
      [
        {
          path: "spec.telemetry.exporter.endpoint",
          what: "trace exporter",
          read: "service-address",
          words: telemetryWords,
        },
        {
          path: "spec.dnsResolver.addresses[].value",
          what: "DNS resolver",
          read: "address",
          words: dnsWords,
        },
        unread("spec.kubernetes.deployment.patches[]", "Deployment patch", patchWhy),
        unread("spec.kubernetes.daemonSet.patches[]", "DaemonSet patch", patchWhy),
      ],
    ],
    [
      /^kubernetes:gateway\.kgateway\.dev\/v1alpha1:GatewayParameters$/,
      [
        {
          path: "spec.kube.istio.istioProxyContainer.istioDiscoveryAddress",
          what: "Istio discovery server",
          read: "service-address",
          words: {
            must: "take the proxies' mesh configuration only from servers of the cluster, private or allowlisted addresses",
            how: "the sidecar of every proxy connects there for its certificates and configuration, with the proxy's identity",
            fix: "Name istiod's Service of the cluster, or add the server's address to the egress allowlist",
          },
        },
        unread("spec.kube.envoyContainer.extraArgs[]", "Envoy command line", envoyArgsWhy),
        unread("spec.kube.deploymentOverlay", "Deployment overlay", patchWhy),
      ],
    ],
    [
      /^kubernetes:gateway-operator\.konghq\.com\/v(1beta1|2beta1):GatewayConfiguration$/,
      [
        unread(
          "spec.konnect",
          "Kong Konnect",
          "connects the gateways to Kong Konnect, whose region the pack cannot place",
          konnectWords,
        ),
        ...[
          "spec.extensions[]",
          "spec.dataPlaneOptions.extensions[]",
          "spec.controlPlaneOptions.extensions[]",
        ].map((path): DestinationField => ({
          path,
          what: "Kong Konnect",
          read: "konnect-extension",
          words: konnectWords,
        })),
        unread(
          "spec.dataPlaneOptions.pluginsToInstall[]",
          "Kong plugin",
          "installs a Kong plugin from an image, whose code sees every request and which the pack does not read",
        ),
      ],
    ],
  ];

/**
 * An extension of a GatewayConfiguration: a `KonnectExtension` joins the gateways to Kong Konnect;
 * the others (a DataPlaneMetricsExtension) stay in the cluster.
 */
function konnectExtensionDestinations(
  _f: DestinationField,
  o: Readonly<Record<string, unknown>>,
): DestinationFinding[] {
  return str(o.kind) === "KonnectExtension"
    ? [
        unplaced(
          `names the KonnectExtension ${JSON.stringify(str(o.name) ?? "")}, which joins the gateways to Kong Konnect in a region the pack cannot place`,
          "Kong Konnect",
        ),
      ]
    : [];
}

/** This module's readings of one object each, by the `read` of the fields they read. */
export const gatewayParameterReadings = {
  "konnect-extension": konnectExtensionDestinations,
} as const;

/** The settings each reading weighs: an extension's kind, not its group or name. */
export const gatewayParameterWeighs: Readonly<Record<string, readonly string[]>> = {
  "konnect-extension": ["kind"],
};
