/**
 * The parameters of Gateway API implementations, as kubernetes-egress reads them: the objects a
 * GatewayClass or a Gateway names (`parametersRef`) for the proxies the implementation deploys.
 * What they make a Gateway's Service is kubernetes-service-exposure's (paths/gateways.ts); here is
 * where else they send the proxies' data.
 *
 * - Envoy Gateway's `EnvoyProxy` (`gateway.envoyproxy.io` `v1alpha1`): the collectors of its
 *   access logs, traces and metrics (`host`, or `backendRefs` — a Service of the cluster, or
 *   Envoy Gateway's own `Backend`, whose endpoints the pack does not place), a dynamic module
 *   fetched from a URL, which runs in the proxy and sees every request, init containers, and raw
 *   configuration it does not read — a bootstrap, Envoy's command-line arguments.
 * - NGINX Gateway Fabric's `NginxProxy` (`gateway.nginx.org` `v1alpha2`): its tracing exporter's
 *   endpoint and the DNS resolvers it asks for the names of ExternalName Services.
 * - kgateway's `GatewayParameters` (`gateway.kgateway.dev` `v1alpha1`): the Istio discovery
 *   address of its sidecar, Envoy's command-line arguments and custom sidecars.
 * - The Kong Gateway Operator's `GatewayConfiguration` (`gateway-operator.konghq.com` `v1beta1`,
 *   `v2beta1`): Kong Konnect, Kong's hosted control plane, which gets the gateways' configuration
 *   and telemetry in the region of its API authentication (`konnect`, a `KonnectExtension`), and
 *   plugins installed from images, whose code sees every request.
 *
 * Envoy Gateway's policies (`gateway.envoyproxy.io` `v1alpha1`), read from its API types: a
 * `SecurityPolicy`'s external authorizers and OpenID Connect provider (the proxies exchange each
 * login's code at its token endpoint; a JWT provider's remote key set is fetched, not sent to,
 * and passes), an `EnvoyExtensionPolicy`'s external processors and the Wasm, Lua and dynamic
 * modules it runs in the proxies, an `EnvoyPatchPolicy`'s raw xDS patches, and a `Backend`'s
 * endpoints (a host or address each; a dynamic resolver sends each request where its Host header
 * says). A route's or a policy's reference to a `Backend` is placed by the program's `Backend` of
 * that name (paths/mesh-hosts.ts `envoyBackendNamed`, over the stack). Its `ClientTrafficPolicy`,
 * `BackendTrafficPolicy` and `HTTPRouteFilter` name no destination (policy/reviewed.ts): the
 * global rate-limit service is the controller's, and health checks probe the route's own
 * endpoints.
 *
 * What a patch of the proxies' Deployment or DaemonSet (an EnvoyProxy's, an NginxProxy's), an
 * overlay (kgateway's) or a pod template (Kong's) lays over their pods is read
 * (`podSpecDestinations`): tuning them passes — the real-manifest bench's patches set resources,
 * affinity, termination grace and a read-only root — while the node's network, host ports, init
 * containers, containers beside the proxy's, the proxy's own command or arguments, volumes beyond
 * the cluster's own sources and DNS servers cannot be placed, and neither can a JSON patch, which
 * the pack does not apply.
 *
 * Their pods' volumes are read where paths/kubernetes.ts reads every volume. Contour's
 * `ContourDeployment`, the AWS Load Balancer Controller's `LoadBalancerConfiguration` (its access
 * logs go to a bucket of the load balancer's own region) and Cilium's `CiliumGatewayClassConfig`
 * send nothing elsewhere (policy/reviewed.ts). Fields as the projects' API types define them
 * (policy/reviewed.ts `customResourceReferences`).
 */
import type { DestinationField, DestinationFinding, DestinationWords } from "./kubernetes";
import { unplaced } from "./kubernetes";
import { record, str, valueAt } from "./values";

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

const authWords: DestinationWords = {
  must: "send the requests it governs only to services of the cluster",
  how: "the proxies send that service every request the policy governs (its headers, and its body where asked), to be authorised or processed",
  fix: "Run the service in the cluster and name its Service (an Envoy Gateway Backend or another cluster's ServiceImport is not placed)",
};

const oidcWords: DestinationWords = {
  must: "authenticate users only with identity providers the pack can place inside the jurisdiction",
  how: "the proxies exchange every login's authorization code there for the user's tokens, so the provider holds who signed in, and when",
  fix: "Use an identity provider inside the jurisdiction — at a private address, a Service of the cluster or a host listed in egressHosts with a reason",
};

const extensionWords: DestinationWords = {
  ...codeWords,
  fix: "Use Envoy Gateway's built-in filters and policies, or, once the code is reviewed, waive the finding with that reason",
};

const backendWords: DestinationWords = {
  must: "send the requests routed to it only to endpoints of the cluster, private or allowlisted addresses",
  how: "the proxies send it every request of the routes whose backend it is",
  fix: "Name a Service of the cluster or a private address, or add the endpoint's address to the egress allowlist, or its host name to egressHosts, with a reason",
};

const konnectWords: DestinationWords = {
  must: "keep the gateways' configuration and telemetry in the cluster",
  how: "Kong Konnect, Kong's hosted control plane, holds the gateways' configuration and receives their analytics, in the region of the Konnect organisation its API authentication names",
  fix: "Run the control plane in the cluster, or, once you have confirmed that the Konnect region is inside the jurisdiction, waive this finding with that evidence",
};

/**
 * A field that holds what the pack does not read: any value is a destination it cannot place —
 * in every object, or where `limit` says (its `when`, and the `example` of an object it holds in).
 */
export const unread = (
  path: string,
  what: string,
  why: string,
  words: DestinationWords = codeWords,
  limit?: Pick<DestinationField, "when" | "example">,
): DestinationField => ({
  path,
  what,
  read: "unseen",
  words,
  ...limit,
  unseen: { why, place: `what the ${what} reaches (cannot be placed)` },
});

/** A collector named by host (`host`) and by backends (`backendRefs`). */
const collector = (at: string, what: string): DestinationField[] => [
  { path: `${at}.host`, what, read: "service-address", words: telemetryWords },
  backendRef(`${at}.backendRefs[]`, what, telemetryWords),
];

/**
 * A backend reference (a Service of the cluster, else what the pack does not place), whose Envoy
 * Gateway `Backend` the stack may place (paths/mesh-hosts.ts `envoyBackend`).
 */
function backendRef(path: string, what: string, words: DestinationWords): DestinationField {
  return { path, what, read: "backend-ref", words, envoyBackend: true };
}

const initWhy =
  "adds a container to every proxy's pod, whose code the pack does not read and whose egress no NetworkPolicy of the program is seen to govern";

const podWords: DestinationWords = {
  must: "run the proxies' pods only as the pack can read them",
  how: "the implementation deploys every proxy of the Gateways it configures with it",
  fix: "Set the proxies' pods through the parameters' own fields (resources, scheduling, security context), keep them on the pod network without host ports, and mount only volumes of the cluster; or, once what it adds is reviewed, waive the finding with that reason",
};

/** A patch `{ type, value }` of the proxies' Deployment or DaemonSet. */
const patch = (path: string, what: string): DestinationField => ({
  path,
  what,
  read: "workload-patch",
  words: podWords,
});

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
        patch("spec.provider.kubernetes.envoyDeployment.patch", "Deployment patch"),
        patch("spec.provider.kubernetes.envoyDaemonSet.patch", "DaemonSet patch"),
        unread(
          "spec.provider.kubernetes.envoyDeployment.initContainers[]",
          "init container",
          initWhy,
        ),
        unread(
          "spec.provider.kubernetes.envoyDaemonSet.initContainers[]",
          "init container",
          initWhy,
        ),
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
        patch("spec.kubernetes.deployment.patches[]", "Deployment patch"),
        patch("spec.kubernetes.daemonSet.patches[]", "DaemonSet patch"),
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
        {
          path: "spec.kube.deploymentOverlay",
          what: "Deployment overlay",
          read: "workload-overlay",
          words: podWords,
        },
        unread("spec.kube.istio.customSidecars[]", "sidecar", initWhy),
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
        ...[
          "spec.dataPlaneOptions.deployment.podTemplateSpec",
          "spec.controlPlaneOptions.deployment.podTemplateSpec",
        ].map((path): DestinationField => ({
          path,
          what: "pod template",
          read: "pod-template",
          words: podWords,
        })),
        unread(
          "spec.dataPlaneOptions.pluginsToInstall[]",
          "Kong plugin",
          "installs a Kong plugin from an image, whose code sees every request and which the pack does not read",
        ),
      ],
    ],
    [
      /^kubernetes:gateway\.envoyproxy\.io\/v1alpha1:SecurityPolicy$/,
      [
        ...["spec.extAuth.http", "spec.extAuth.grpc"].flatMap((at) => [
          backendRef(`${at}.backendRef`, "external authorizer", authWords),
          backendRef(`${at}.backendRefs[]`, "external authorizer", authWords),
        ]),
        {
          path: "spec.oidc.provider.issuer",
          what: "identity provider",
          read: "request-url",
          words: oidcWords,
        },
        {
          path: "spec.oidc.provider.tokenEndpoint",
          what: "identity provider's token endpoint",
          read: "request-url",
          words: oidcWords,
        },
        backendRef("spec.oidc.provider.backendRefs[]", "identity provider", oidcWords),
      ],
    ],
    [
      /^kubernetes:gateway\.envoyproxy\.io\/v1alpha1:EnvoyExtensionPolicy$/,
      [
        backendRef("spec.extProc[].backendRefs[]", "external processor", authWords),
        unread(
          "spec.wasm[].code",
          "Wasm extension",
          "runs a Wasm extension in every proxy, whose code the pack does not read",
          extensionWords,
        ),
        unread(
          "spec.lua[]",
          "Lua script",
          "runs a Lua script in every proxy, which may call any cluster the proxy knows and which the pack does not read",
          extensionWords,
        ),
        unread(
          "spec.dynamicModule[]",
          "dynamic module",
          "runs a dynamic module in every proxy, whose code the pack does not read",
          extensionWords,
        ),
      ],
    ],
    [
      /^kubernetes:gateway\.envoyproxy\.io\/v1alpha1:Backend$/,
      [
        {
          path: "spec.endpoints[].fqdn.hostname",
          what: "backend endpoint",
          read: "service-address",
          words: backendWords,
        },
        {
          path: "spec.endpoints[].ip.address",
          what: "backend endpoint",
          read: "address",
          words: backendWords,
        },
        {
          path: "spec.type",
          what: "dynamic resolver",
          read: "dynamic-resolver",
          words: backendWords,
        },
      ],
    ],
    [
      /^kubernetes:gateway\.envoyproxy\.io\/v1alpha1:EnvoyPatchPolicy$/,
      [
        unread(
          "spec.jsonPatches[]",
          "xDS patch",
          "patches the proxies' Envoy configuration (xDS) directly, which may add clusters, listeners or sinks the pack does not read",
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

/**
 * The names of the containers the implementations put in their proxies' pods (Envoy Gateway's
 * `envoy` and `shutdown-manager`, NGINX Gateway Fabric's `nginx`, Istio's `istio-proxy`,
 * kgateway's `kgateway-proxy` and `sds`, the Kong Gateway Operator's `proxy` and `controller`): a
 * patch entry of one of these names changes that container (its image among its settings: the
 * proxy's version, as the parameters' own image fields choose it); any other adds one.
 */
const proxyContainers: ReadonlySet<string> = new Set([
  "envoy",
  "shutdown-manager",
  "nginx",
  "istio-proxy",
  "kgateway-proxy",
  "sds",
  "proxy",
  "controller",
]);

/** Volume sources of the cluster itself (and a volume's name): none of them mounts a server. */
const inClusterVolumes: ReadonlySet<string> = new Set([
  "name",
  "emptyDir",
  "configMap",
  "secret",
  "projected",
  "downwardAPI",
  "persistentVolumeClaim",
  "ephemeral",
]);

/**
 * What a pod spec a patch or template lays over the proxies' pods does that the pack cannot judge:
 * runs them on their nodes' network (outside every NetworkPolicy), adds init containers or
 * containers (code the pack does not read), changes a proxy container's command or arguments,
 * opens host ports, mounts volumes of sources beyond the cluster's own (where
 * `readsVolumes`; a pod template's are read where every volume is), or names DNS servers.
 * Resources, scheduling, security context, probes, lifecycle and environment are the proxies' own
 * settings and pass.
 */
function podSpecDestinations(spec: unknown, readsVolumes: boolean): DestinationFinding[] {
  const pod = record(spec);
  if (pod === undefined) {
    return [];
  }
  const out: DestinationFinding[] = [];
  const unread = (why: string, what: string) => out.push(unplaced(why, what));
  if (pod.hostNetwork === true) {
    unread(
      "runs the proxies on their nodes' network (hostNetwork), where no NetworkPolicy governs their traffic and every port they open is the node's",
      "every address the nodes reach",
    );
  }
  for (const c of Array.isArray(pod.initContainers) ? pod.initContainers : []) {
    unread(
      `adds the init container ${JSON.stringify(str(record(c)?.name) ?? "")}, whose code the pack does not read`,
      "what the init container reaches",
    );
  }
  for (const c of Array.isArray(pod.containers) ? pod.containers : []) {
    const container = record(c) ?? {};
    const name = str(container.name) ?? "";
    if (!proxyContainers.has(name)) {
      unread(
        `adds the container ${JSON.stringify(name)}, whose code the pack does not read`,
        `what the container ${JSON.stringify(name)} reaches`,
      );
    } else if (container.command !== undefined || container.args !== undefined) {
      // The proxy's own image may be chosen (Kong's samples pin their gateway's version so, as
      // the parameters' image fields do); its command or arguments may add configuration.
      unread(
        `changes the command or arguments of the container ${JSON.stringify(name)}, which may add configuration the pack does not read`,
        `what the container ${JSON.stringify(name)} reaches`,
      );
    }
    const ports = Array.isArray(container.ports) ? container.ports : [];
    if (ports.some((p) => record(p)?.hostPort !== undefined)) {
      unread(
        `opens a port of the container ${JSON.stringify(name)} on its node (hostPort)`,
        "whoever reaches the nodes",
      );
    }
  }
  if (readsVolumes) {
    for (const v of Array.isArray(pod.volumes) ? pod.volumes : []) {
      const sources = Object.keys(record(v) ?? {}).filter((k) => !inClusterVolumes.has(k));
      if (sources.length > 0) {
        unread(
          `mounts the volume ${JSON.stringify(str(record(v)?.name) ?? "")} from ${sources.join(", ")}, a source beyond the cluster's own that the pack does not read in a patch`,
          `the ${sources.join(", ")} volume`,
        );
      }
    }
  }
  const nameservers = valueAt(pod, "dnsConfig.nameservers");
  if (Array.isArray(nameservers) && nameservers.length > 0) {
    unread(
      `sends the proxies' DNS queries to ${nameservers.map((n) => JSON.stringify(n)).join(", ")} (dnsConfig.nameservers)`,
      "the DNS servers the patch names",
    );
  }
  return out;
}

/**
 * A patch of the proxies' Deployment or DaemonSet (`{ type, value }`): a strategic-merge or JSON
 * merge patch is read for the pod spec it lays over theirs; a JSON patch, a list of operations
 * on any path, is not applied.
 */
function workloadPatchDestinations(
  _f: DestinationField,
  o: Readonly<Record<string, unknown>>,
): DestinationFinding[] {
  const type = str(o.type) ?? "StrategicMerge";
  if (type === "JSONPatch" || Array.isArray(o.value)) {
    return [
      unplaced(
        "is a JSON patch of the proxies' workload, a list of operations the pack does not apply",
        "what the patched proxies reach",
      ),
    ];
  }
  return podSpecDestinations(valueAt(o.value, "spec.template.spec"), true);
}

/** This module's readings of one object each, by the `read` of the fields they read. */
export const gatewayParameterReadings = {
  "konnect-extension": konnectExtensionDestinations,
  "workload-patch": workloadPatchDestinations,
  // An overlay is the Deployment patch itself (kgateway's `{ metadata, spec }`).
  "workload-overlay": (_f: DestinationField, o: Readonly<Record<string, unknown>>) =>
    podSpecDestinations(valueAt(o, "spec.template.spec"), true),
  // A pod template, whose volumes are read where every volume is (paths/kubernetes.ts).
  "pod-template": (_f: DestinationField, o: Readonly<Record<string, unknown>>) =>
    podSpecDestinations(o.spec, false),
} as const;

/**
 * This module's readings of a value that is not an object: a Backend's type, which for a dynamic
 * resolver sends each request to whatever host its Host header names.
 */
export const gatewayParameterValueReadings = {
  "dynamic-resolver": (_f: DestinationField, value: unknown): DestinationFinding[] =>
    value === "DynamicResolver"
      ? [
          {
            why: "is DynamicResolver, which sends each request to whatever host its Host header names",
            place: "the host each request names (cannot be placed)",
            to: "unplaced",
          },
        ]
      : [],
} as const;

/** The settings of a pod spec a reading weighs, under `at`. */
const podSettings = (at: string): string[] =>
  ["hostNetwork", "initContainers", "containers", "volumes", "dnsConfig"].map((k) => `${at}.${k}`);

/** The settings each reading weighs: an extension's kind, a pod spec's containers and network. */
export const gatewayParameterWeighs: Readonly<Record<string, readonly string[]>> = {
  "konnect-extension": ["kind"],
  "workload-patch": ["type", ...podSettings("value.spec.template.spec")],
  "workload-overlay": podSettings("spec.template.spec"),
  "pod-template": podSettings("spec"),
};

/**
 * What the pod spec of a patch of the proxies' Deployment lays over their pods, where the patch
 * is not one of these kinds' fields: the `deployment` key of the ConfigMaps Istio reads for a
 * Gateway (paths/gateways.ts).
 */
export function proxyPodPatch(spec: unknown): DestinationFinding[] {
  return podSpecDestinations(spec, true);
}
