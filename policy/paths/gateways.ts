/**
 * What serves a Gateway API `Gateway`, as its implementation provisions it: most make a Service
 * of their own for each Gateway — of type LoadBalancer unless told otherwise, so the cloud gives
 * it a public load balancer — whose settings come from the Gateway and from the parameters its
 * class or the Gateway names. kubernetes-service-exposure judges that Service as one the program
 * declares (policy/kubernetes.ts `gatewayFindings`).
 *
 * An implementation is known by its GatewayClass's `controllerName` when the program declares the
 * class on the Gateway's cluster, else by the name of a class its installer creates (`istio`,
 * `cilium`, `nginx`, `consul`, `kgateway`). Each reading follows the implementation's own code
 * (shared/research is not the source here; the sources are named per implementation):
 *
 * - Istio (istio/istio `pilot/pkg/config/kube/gatewaycommon`, `kube-gateway.yaml`): a Service
 *   per Gateway, of the type the Gateway's `networking.istio.io/service-type` annotation names
 *   (LoadBalancer; ClusterIP for waypoints), annotated by `spec.infrastructure.annotations`, or
 *   with none by the Gateway's own annotations, then patched by the ConfigMaps of its class's
 *   defaults (`gateway.istio.io/defaults-for-class`) and of `spec.infrastructure.parametersRef`
 *   (key `service`); `spec.addresses[0]` becomes its `loadBalancerIP`. A Gateway whose one
 *   address is a host name binds an existing Service and makes none; so does the class
 *   `istio-remote`.
 * - Envoy Gateway (envoyproxy/gateway `internal/infrastructure/kubernetes/proxy`): the `EnvoyProxy`
 *   of the Gateway's `spec.infrastructure.parametersRef`, else of its class's `parametersRef`
 *   (the nearer replaces the other unless it sets `mergeType`), `spec.provider.kubernetes
 *   .envoyService`: its type (LoadBalancer), its annotations over the Gateway's infrastructure
 *   annotations, its load-balancer class and address, then its patch; IP addresses of the Gateway
 *   become the Service's `externalIPs`.
 * - Cilium (cilium/cilium `operator/pkg/model/translation/gateway-api`): the class's
 *   `CiliumGatewayClassConfig` `spec.service` (type LoadBalancer, its load-balancer class), the
 *   Gateway's infrastructure annotations, and its addresses as the `io.cilium/lb-ipam-ips`
 *   annotation.
 * - NGINX Gateway Fabric 2 (nginx/nginx-gateway-fabric `internal/controller/provisioner`): the
 *   class's `NginxProxy` with the Gateway's laid over it, `spec.kubernetes.service` (type
 *   LoadBalancer, load-balancer class and address, patches), and the Gateway's infrastructure
 *   annotations; a LoadBalancer Gateway with IP addresses gets NGINX Gateway Fabric's own
 *   load-balancer class, which no cloud serves.
 * - Consul (hashicorp/consul-k8s `control-plane/api-gateway/gatekeeper`): the class's
 *   `GatewayClassConfig` `spec.serviceType` (none set: no Service; the Helm chart's class
 *   `consul`: LoadBalancer), annotated only by the Gateway's annotations its
 *   `spec.copyAnnotations.service` lists (by default `external-dns.alpha.kubernetes.io/hostname`).
 * - Kong Gateway Operator (Kong/kong-operator `controller/gateway`): the class's
 *   `GatewayConfiguration` with the Gateway's laid over it, `spec.dataPlaneOptions.network
 *   .services.ingress` (type LoadBalancer, annotations), the Gateway's infrastructure annotations
 *   over them.
 * - kgateway (kgateway-dev/kgateway): the class's `GatewayParameters` with the Gateway's laid
 *   over it, `spec.kube.service` (type LoadBalancer, load-balancer class, `extraAnnotations`
 *   under the Gateway's infrastructure annotations), then their `serviceOverlay` patches; one IP
 *   address becomes `loadBalancerIP`.
 * - Contour's Gateway provisioner (projectcontour/contour `internal/provisioner`): the class's
 *   `ContourDeployment` `spec.envoy.networkPublishing` (type `LoadBalancerService`,
 *   `serviceAnnotations` over the Gateway's infrastructure annotations); `spec.addresses[0]`
 *   becomes `loadBalancerIP`.
 * - The AWS Load Balancer Controller's Gateway classes (`gateway.k8s.aws/alb`, `/nlb`; kubernetes-sigs
 *   /aws-load-balancer-controller `pkg/gateway`) make no Service: they provision an ALB or NLB of
 *   the `LoadBalancerConfiguration` `spec.scheme` of the class and the Gateway (the class's
 *   preferred unless its `mergingMode` is `prefer-gateway`), internal unless it says
 *   `internet-facing`.
 * - GKE's classes make no Service either: Google's controller provisions the load balancer the
 *   class names, on a GKE cluster — global external (Google's front ends worldwide), regional
 *   external, or internal.
 *
 * Other classes make nothing per Gateway the pack reads: a shared proxy's own Service (Traefik,
 * the Kong Ingress Controller, HAProxy, Higress) is judged where the program declares it, a VPC
 * Lattice service network faces no internet, and a class the pack does not know is left to its
 * controller's Service.
 */
import { proxyPodPatch } from "./gateway-parameters";
import type { BorderResource } from "./model";
import { controllerCloud, namespaceOf } from "./kubernetes";
import type { Resolver } from "./resolver";
import { gateways } from "./types/kubernetes";
import { isUnknown, record, str, valueAt, valuesAt } from "./values";
import { variants } from "./variants";

/** A Service an operator or controller makes from an object, judged as a Service of the program. */
export interface MadeService {
  readonly props: Record<string, unknown>;
  /** What makes it, completing "… makes a Service of type …". */
  readonly by: string;
  /** Where its annotations are set. */
  readonly annotate: string;
  /** The other way to keep it off the internet, completing "…, or …". */
  readonly instead: string;
  /** An Ingress rather than a Service (a Strimzi listener of type ingress). */
  readonly ingress?: true;
}

/** What an implementation makes for a Gateway, or why the pack cannot tell. */
export type GatewayServing =
  | {
      readonly kind: "services";
      readonly services: readonly MadeService[];
      /** What the implementation's parameters do to the proxies' pods that the pack cannot judge. */
      readonly pods?: readonly { readonly why: string; readonly place: string }[];
    }
  /** A cloud load balancer the controller provisions itself, facing the internet. */
  | {
      readonly kind: "public";
      readonly why: string;
      readonly fix: string;
      /** Where it is served from, beyond the cluster's country; the internet where not said. */
      readonly place?: string;
    }
  /** Settings the pack cannot see or read: what the Service is cannot be decided. */
  | { readonly kind: "undecided"; readonly why: string; readonly at: string; readonly fix: string };

type Implementation =
  | "istio"
  | "istio-waypoint"
  | "none"
  | "envoy-gateway"
  | "cilium"
  | "nginx-gateway-fabric"
  | "consul"
  | "kong-operator"
  | "kgateway"
  | "contour"
  | "aws-load-balancer-controller"
  | "gke";

/** Implementations by the `controllerName` of their GatewayClasses. */
const controllers: Readonly<Record<string, Implementation>> = {
  "istio.io/gateway-controller": "istio",
  "istio.io/eastwest-controller": "istio",
  "istio.io/agentgateway-controller": "istio",
  "istio.io/mesh-controller": "istio-waypoint",
  "istio.io/agentgateway-waypoint-controller": "istio-waypoint",
  // `istio-remote`: a Gateway of another cluster, for which nothing is deployed here.
  "istio.io/unmanaged-gateway": "none",
  "gateway.envoyproxy.io/gatewayclass-controller": "envoy-gateway",
  "io.cilium/gateway-controller": "cilium",
  "gateway.nginx.org/nginx-gateway-controller": "nginx-gateway-fabric",
  "consul.hashicorp.com/gateway-controller": "consul",
  "konghq.com/gateway-operator": "kong-operator",
  "kgateway.dev/kgateway": "kgateway",
  "projectcontour.io/gateway-controller": "contour",
  "gateway.k8s.aws/alb": "aws-load-balancer-controller",
  "gateway.k8s.aws/nlb": "aws-load-balancer-controller",
  "networking.gke.io/gateway": "gke",
};

/**
 * GKE's classes (Google-hosted; cloud.google.com/kubernetes-engine/docs/how-to/
 * gatewayclass-capabilities), by how their load balancer faces the network: global external
 * ones are served from Google's front ends worldwide, regional external ones face the internet
 * from the cluster's region, internal ones only the VPC.
 */
const gkeClasses: Readonly<Record<string, "global" | "regional" | "internal">> = {
  "gke-l7-global-external-managed": "global",
  "gke-l7-global-external-managed-mc": "global",
  "gke-l7-gxlb": "global",
  "gke-l7-gxlb-mc": "global",
  "gke-l7-regional-external-managed": "regional",
  "gke-l7-regional-external-managed-mc": "regional",
  "gke-l7-rilb": "internal",
  "gke-l7-rilb-mc": "internal",
  "gke-l7-cross-regional-internal-managed-mc": "internal",
};

/**
 * The classes an implementation's installer creates, which a program uses without declaring:
 * istiod's own, Cilium's operator's, and the Helm charts of NGINX Gateway Fabric, Consul and
 * kgateway.
 */
const installedClasses: Readonly<Record<string, string>> = {
  istio: "istio.io/gateway-controller",
  "istio-east-west": "istio.io/eastwest-controller",
  "istio-waypoint": "istio.io/mesh-controller",
  "istio-remote": "istio.io/unmanaged-gateway",
  cilium: "io.cilium/gateway-controller",
  nginx: "gateway.nginx.org/nginx-gateway-controller",
  consul: "consul.hashicorp.com/gateway-controller",
  kgateway: "kgateway.dev/kgateway",
  ...Object.fromEntries(Object.keys(gkeClasses).map((c) => [c, "networking.gke.io/gateway"])),
};

/** The annotation by which kgateway before 2.0 named a Gateway's GatewayParameters. */
const kgatewayParametersAnnotation = "gateway.kgateway.dev/gateway-parameters-name";

/**
 * The implementations a cloud runs for its own clusters (the AWS Load Balancer Controller on EKS,
 * GKE's Google-hosted controller): on a cluster of another cloud their classes are not served.
 */
const servedOn: Readonly<Partial<Record<Implementation, string>>> = {
  "aws-load-balancer-controller": "aws",
  gke: "gcp",
};

/** How each implementation is named in messages. */
const implementationNames: Readonly<Record<Implementation, string>> = {
  istio: "Istio's gateway deployment",
  "istio-waypoint": "Istio's waypoint deployment",
  none: "",
  "envoy-gateway": "Envoy Gateway",
  cilium: "Cilium's Gateway API controller",
  "nginx-gateway-fabric": "NGINX Gateway Fabric",
  consul: "Consul's API gateway controller",
  "kong-operator": "the Kong Gateway Operator",
  kgateway: "kgateway",
  contour: "Contour's Gateway provisioner",
  "aws-load-balancer-controller": "the AWS Load Balancer Controller",
  gke: "GKE's Gateway controller",
};

/** A parameters kind an implementation reads: its group, API versions and kind. */
interface ParametersKind {
  readonly group: string;
  readonly versions: readonly string[];
  readonly kind: string;
}

const istioParameters: ParametersKind = { group: "core", versions: ["v1"], kind: "ConfigMap" };

/** The core ConfigMap kind (not its List or Patch): Istio's parameters are ConfigMaps. */
const configMapTypes = kindTypes(istioParameters);

/** The parameters kind each implementation reads. */
const parametersKinds: Readonly<Partial<Record<Implementation, ParametersKind>>> = {
  istio: istioParameters,
  "istio-waypoint": istioParameters,
  "envoy-gateway": { group: "gateway.envoyproxy.io", versions: ["v1alpha1"], kind: "EnvoyProxy" },
  cilium: { group: "cilium.io", versions: ["v2alpha1", "v2"], kind: "CiliumGatewayClassConfig" },
  "nginx-gateway-fabric": {
    group: "gateway.nginx.org",
    versions: ["v1alpha2"],
    kind: "NginxProxy",
  },
  consul: { group: "consul.hashicorp.com", versions: ["v1alpha1"], kind: "GatewayClassConfig" },
  "kong-operator": {
    group: "gateway-operator.konghq.com",
    versions: ["v1beta1", "v2beta1"],
    kind: "GatewayConfiguration",
  },
  kgateway: { group: "gateway.kgateway.dev", versions: ["v1alpha1"], kind: "GatewayParameters" },
  contour: { group: "projectcontour.io", versions: ["v1alpha1"], kind: "ContourDeployment" },
  "aws-load-balancer-controller": {
    group: "gateway.k8s.aws",
    versions: ["v1", "v1beta1"],
    kind: "LoadBalancerConfiguration",
  },
};

/** The type tokens of a parameters kind's objects (not their Lists or Patches). */
function kindTypes(kind: ParametersKind): string[] {
  return variants(kind.group, kind.versions, kind.kind).filter(
    (t) => !t.endsWith("List") && !t.endsWith("Patch"),
  );
}

/**
 * The implementations that read parameters a GatewayClass names (`spec.parametersRef`), and those
 * that read parameters a Gateway names (`spec.infrastructure.parametersRef`); the others ignore
 * the reference.
 */
const readsClassParameters: ReadonlySet<Implementation> = new Set<Implementation>([
  "envoy-gateway",
  "cilium",
  "nginx-gateway-fabric",
  "consul",
  "kong-operator",
  "kgateway",
  "contour",
  "aws-load-balancer-controller",
]);
const readsGatewayParameters: ReadonlySet<Implementation> = new Set<Implementation>([
  "istio",
  "istio-waypoint",
  "envoy-gateway",
  "nginx-gateway-fabric",
  "kong-operator",
  "kgateway",
  "aws-load-balancer-controller",
]);

/** The GatewayClass kinds (not their Lists or Patches) a Gateway's class is looked up among. */
const classTypes = Object.keys(gateways).filter((t) => t.endsWith(":GatewayClass"));

/** The objects of these types on the same cluster (provider) as `of`. */
function onCluster(x: Resolver, types: readonly string[], of: BorderResource): BorderResource[] {
  return types.flatMap((t) => x.ofType(t).filter((o) => o.provider === of.provider));
}

/** Parameters a reference names, as found in the program. */
type Found =
  | { readonly kind: "none" }
  | { readonly kind: "found"; readonly object: BorderResource; readonly label: string }
  | { readonly kind: "unseen"; readonly label: string; readonly at: string };

/**
 * The parameters object a `parametersRef` at `at` of `holder` names, when its kind is `kind`:
 * the program's object of that name (and namespace, the holder's own where the reference names
 * none), or why the pack cannot see it.
 */
function parametersAt(
  holder: BorderResource,
  at: string,
  implementation: Implementation,
  kind: ParametersKind,
  x: Resolver,
  defaultNamespace: string | undefined,
  ref: unknown = valueAt(holder.props, at),
): Found {
  if (ref === undefined || ref === null) {
    return { kind: "none" };
  }
  const label = `${str(valueAt(ref, "kind")) ?? "parameters"} ${JSON.stringify(str(valueAt(ref, "name")) ?? "")}`;
  const refKind = valueAt(ref, "kind");
  const name = valueAt(ref, "name");
  const namespace = valueAt(ref, "namespace");
  if (isUnknown(ref) || isUnknown(refKind) || isUnknown(name) || isUnknown(namespace)) {
    return { kind: "unseen", label: "parameters not known at preview", at };
  }
  if (refKind !== kind.kind) {
    return {
      kind: "unseen",
      label: `${label}, a kind ${implementationNames[implementation]} does not read`,
      at,
    };
  }
  const ns = str(namespace) ?? defaultNamespace;
  const object = onCluster(x, kindTypes(kind), holder).find(
    (o) =>
      str(valueAt(o.props, "metadata.name")) === name &&
      (ns === undefined || [undefined, ns].includes(namespaceOf(o, (u) => x.get(u)))),
  );
  return object === undefined
    ? { kind: "unseen", label: `${label}, which this program does not declare`, at }
    : { kind: "found", object, label };
}

/**
 * `patch` laid over `base` as a strategic-merge or JSON-merge patch lays maps: a key's value
 * replaced, maps merged key by key, a null removing the key. Lists are replaced whole.
 */
export function overlay(base: unknown, patch: unknown): unknown {
  if (isUnknown(base) || isUnknown(patch)) {
    return isUnknown(patch) ? patch : base;
  }
  const over = record(patch);
  if (over === undefined || Array.isArray(patch)) {
    return patch === undefined ? base : patch;
  }
  const out: Record<string, unknown> = { ...(record(base) ?? {}) };
  for (const [key, value] of Object.entries(over)) {
    if (value === null) {
      delete out[key];
    } else {
      out[key] = overlay(out[key], value);
    }
  }
  return out;
}

/** The Gateway's IP addresses (`spec.addresses` of type IPAddress or of no type). */
function ipAddresses(gateway: BorderResource): unknown[] {
  return valuesAt(gateway.props, "spec.addresses[]")
    .filter(({ value }) => {
      const type = valueAt(value, "type");
      return isUnknown(value) || type === undefined || type === "IPAddress" || isUnknown(type);
    })
    .map(({ value }) => (isUnknown(value) ? value : valueAt(value, "value")));
}

/** The annotations of maps laid one over the next; not known at preview when any is not. */
function annotationsOf(...layers: unknown[]): unknown {
  let out: Record<string, unknown> = {};
  for (const layer of layers) {
    if (isUnknown(layer)) {
      return layer;
    }
    out = { ...out, ...(record(layer) ?? {}) };
  }
  return out;
}

/** A Service of these settings; an annotations value not known at preview is kept as it is. */
function service(
  type: unknown,
  annotations: unknown,
  spec: Record<string, unknown> = {},
): Record<string, unknown> {
  return { metadata: { annotations }, spec: { ...spec, type } };
}

/**
 * A Gateway's implementation, by its class: the GatewayClass the program declares on its cluster
 * (`declared`), else the class an implementation's installer creates. Undefined for a class the
 * pack does not know, one whose controller is not known at preview (the class's own finding), or
 * one for which nothing is deployed here (`istio-remote`).
 */
function implementationOf(
  gateway: BorderResource,
  x: Resolver,
):
  | {
      implementation: Exclude<Implementation, "none">;
      declared: BorderResource | undefined;
      className: string;
    }
  | undefined {
  const className = str(valueAt(gateway.props, "spec.gatewayClassName"));
  if (className === undefined) {
    return undefined;
  }
  const declared = onCluster(x, classTypes, gateway).find(
    (c) => (str(valueAt(c.props, "metadata.name")) ?? c.name) === className,
  );
  const controller = declared
    ? valueAt(declared.props, "spec.controllerName")
    : installedClasses[className];
  const implementation = typeof controller === "string" ? controllers[controller] : undefined;
  return implementation === undefined || implementation === "none"
    ? undefined
    : { implementation, declared, className };
}

/**
 * The implementations that run a Gateway's proxies as pods of a Deployment in the Gateway's own
 * namespace: Istio (its gateways and waypoints), NGINX Gateway Fabric 2, Consul, the Kong Gateway
 * Operator's data planes, kgateway and Contour's provisioner. Envoy Gateway runs them in its
 * controller's namespace unless told otherwise, Cilium in its agents' Envoy on the nodes, and the
 * clouds' controllers run none.
 */
const proxiesInGatewayNamespace: ReadonlySet<Implementation> = new Set([
  "istio",
  "istio-waypoint",
  "nginx-gateway-fabric",
  "consul",
  "kong-operator",
  "kgateway",
  "contour",
]);

/**
 * Whether a Gateway runs proxy pods in its own namespace, whose egress that namespace's
 * NetworkPolicies govern (kubernetes-namespace-egress counts them as a workload's).
 */
export function runsProxiesInItsNamespace(gateway: BorderResource, x: Resolver): boolean {
  const found = implementationOf(gateway, x);
  return found !== undefined && proxiesInGatewayNamespace.has(found.implementation);
}

/**
 * What serves a Gateway, by its implementation; undefined when the pack knows of nothing made for
 * it (a shared proxy's Service, a class it does not know).
 */
export function gatewayServing(gateway: BorderResource, x: Resolver): GatewayServing | undefined {
  const found = implementationOf(gateway, x);
  if (found === undefined) {
    return undefined;
  }
  const { implementation, declared, className } = found;
  // A cloud's own controller serves its classes on that cloud's clusters alone.
  const cloud = servedOn[implementation];
  const clusterCloud = cloud === undefined ? undefined : controllerCloud(gateway, x);
  if (clusterCloud !== undefined && clusterCloud !== cloud) {
    return undefined;
  }
  const kind = parametersKinds[implementation];
  const ns = namespaceOf(gateway, (u) => x.get(u));
  // The class's parameters (a cluster-scoped class names their namespace), then the Gateway's
  // own, in its namespace.
  const classParams: Found =
    declared && kind && readsClassParameters.has(implementation)
      ? parametersAt(declared, "spec.parametersRef", implementation, kind, x, undefined)
      : { kind: "none" };
  const gatewayParams: Found =
    kind && readsGatewayParameters.has(implementation)
      ? parametersAt(gateway, "spec.infrastructure.parametersRef", implementation, kind, x, ns)
      : { kind: "none" };
  // kgateway before 2.0 named a Gateway's parameters by an annotation instead.
  const legacy =
    implementation === "kgateway" && gatewayParams.kind === "none"
      ? record(valueAt(gateway.props, "metadata.annotations"))?.[kgatewayParametersAnnotation]
      : undefined;
  const gatewayParamsOrLegacy: Found =
    legacy === undefined || kind === undefined
      ? gatewayParams
      : parametersAt(
          gateway,
          `metadata.annotations.${kgatewayParametersAnnotation}`,
          implementation,
          kind,
          x,
          ns,
          isUnknown(legacy) ? legacy : { kind: kind.kind, name: legacy },
        );
  for (const found of [classParams, gatewayParamsOrLegacy]) {
    if (found.kind === "unseen") {
      return {
        kind: "undecided",
        why: `${implementationNames[implementation]} makes what serves it from ${found.label}, so what faces the network cannot be judged`,
        at: `${found.at} (${found.label})`,
        fix: "Declare the parameters in this program, with the Gateway",
      };
    }
  }
  const reading: Reading = {
    gateway,
    className,
    implementation,
    classParams: classParams.kind === "found" ? classParams : undefined,
    gatewayParams: gatewayParamsOrLegacy.kind === "found" ? gatewayParamsOrLegacy : undefined,
    infrastructure: valueAt(gateway.props, "spec.infrastructure.annotations"),
    x,
  };
  return readers[implementation](reading);
}

interface Reading {
  readonly gateway: BorderResource;
  readonly className: string;
  readonly implementation: Implementation;
  readonly classParams?: { readonly object: BorderResource; readonly label: string };
  readonly gatewayParams?: { readonly object: BorderResource; readonly label: string };
  /** `spec.infrastructure.annotations`: what most implementations put on the Service. */
  readonly infrastructure: unknown;
  readonly x: Resolver;
}

/** The parameters in force, class's then Gateway's, named for messages. */
function paramsBy(r: Reading): string {
  const named = [r.classParams?.label, r.gatewayParams?.label].filter((l) => l !== undefined);
  const what = `${implementationNames[r.implementation]} (class ${JSON.stringify(r.className)}`;
  return named.length === 0 ? `${what}, no parameters)` : `${what}, ${named.join(" and ")})`;
}

/** The class's parameters with the Gateway's laid over them, at `path` of each. */
function merged(r: Reading, path: string): unknown {
  return overlay(
    r.classParams ? valueAt(r.classParams.object.props, path) : undefined,
    r.gatewayParams ? valueAt(r.gatewayParams.object.props, path) : undefined,
  );
}

function made(
  r: Reading,
  props: Record<string, unknown>,
  annotate: string,
  instead: string,
): GatewayServing {
  return { kind: "services", services: [{ props, by: paramsBy(r), annotate, instead }] };
}

const readers: Readonly<Record<Exclude<Implementation, "none">, (r: Reading) => GatewayServing>> = {
  istio: (r) => istio(r, "LoadBalancer"),
  "istio-waypoint": (r) => istio(r, "ClusterIP"),
  "envoy-gateway": envoyGateway,
  cilium,
  "nginx-gateway-fabric": nginxGatewayFabric,
  consul,
  "kong-operator": kongOperator,
  kgateway,
  contour,
  "aws-load-balancer-controller": awsLoadBalancerController,
  gke,
};

function istio(r: Reading, defaultType: string): GatewayServing {
  const addresses = valuesAt(r.gateway.props, "spec.addresses[]");
  // One host name binds an existing Service (a manual deployment): nothing is made.
  if (addresses.length === 1 && valueAt(addresses[0].value, "type") === "Hostname") {
    return { kind: "services", services: [] };
  }
  const notes = valueAt(r.gateway.props, "metadata.annotations");
  const typed = isUnknown(notes) ? notes : record(notes)?.["networking.istio.io/service-type"];
  const type = typed ?? defaultType;
  const annotations =
    r.infrastructure !== undefined && r.infrastructure !== null ? r.infrastructure : (notes ?? {});
  const first = addresses[0]?.value;
  let props: unknown = service(
    type,
    annotations,
    type === "LoadBalancer" && first !== undefined
      ? { loadBalancerIP: isUnknown(first) ? first : valueAt(first, "value") }
      : {},
  );
  // The class's defaults (a ConfigMap of istiod's namespace labelled for the class), then the
  // Gateway's own ConfigMap: each a patch of the Service under its key `service`.
  const configMaps = onCluster(r.x, configMapTypes, r.gateway);
  const defaults = configMaps.filter(
    (c) =>
      record(valueAt(c.props, "metadata.labels"))?.["gateway.istio.io/defaults-for-class"] ===
      r.className,
  );
  const pods: Array<{ why: string; place: string }> = [];
  for (const c of [...defaults, ...(r.gatewayParams ? [r.gatewayParams.object] : [])]) {
    // Its `deployment` key patches the proxies' Deployment: what it lays over their pods.
    const configMap = `the ConfigMap ${JSON.stringify(str(valueAt(c.props, "metadata.name")) ?? c.name)}`;
    const deployment = valueAt(c.props, "data.deployment");
    if (isUnknown(deployment)) {
      pods.push({
        why: `${configMap} patches its proxies' Deployment with a patch not known at preview`,
        place: "the proxies' pods (unknown at preview)",
      });
    } else if (deployment !== undefined) {
      for (const d of proxyPodPatch(valueAt(c.props, "data.deployment.spec.template.spec"))) {
        pods.push({
          why: `${configMap} patches its proxies' Deployment: it ${d.why}`,
          place: d.place,
        });
      }
    }
    // The key holds the patch as YAML text, read where the path continues into it.
    const patch = valueAt(c.props, "data.service");
    props = overlay(
      props,
      isUnknown(patch)
        ? patch
        : {
            metadata: valueAt(c.props, "data.service.metadata"),
            spec: valueAt(c.props, "data.service.spec"),
          },
    );
  }
  const serving = made(
    r,
    record(props) ?? {},
    "the Gateway's spec.infrastructure.annotations (or, with none, its own annotations)",
    'annotate the Gateway networking.istio.io/service-type: "ClusterIP"',
  );
  return serving.kind === "services" && pods.length > 0 ? { ...serving, pods } : serving;
}

function envoyGateway(r: Reading): GatewayServing {
  // The Gateway's EnvoyProxy replaces the class's, unless it asks to be merged into it.
  const gatewayProxy = r.gatewayParams?.object.props;
  const mergeType = gatewayProxy ? valueAt(gatewayProxy, "spec.mergeType") : undefined;
  const at = "spec.provider.kubernetes.envoyService";
  const settings =
    gatewayProxy === undefined
      ? r.classParams
        ? valueAt(r.classParams.object.props, at)
        : undefined
      : mergeType === undefined
        ? valueAt(gatewayProxy, at)
        : merged(r, at);
  const type = valueAt(settings, "type") ?? "LoadBalancer";
  const ips = ipAddresses(r.gateway);
  const spec: Record<string, unknown> =
    type === "LoadBalancer"
      ? {
          loadBalancerClass: valueAt(settings, "loadBalancerClass"),
          loadBalancerIP: valueAt(settings, "loadBalancerIP"),
        }
      : {};
  if (type !== "ClusterIP" && ips.length > 0) {
    spec.externalIPs = ips;
  }
  let props = service(
    type,
    annotationsOf(r.infrastructure, valueAt(settings, "annotations")),
    spec,
  );
  const patch = valueAt(settings, "patch.value");
  if (patch !== undefined) {
    props = record(overlay(props, patch)) ?? props;
  }
  return made(
    r,
    props,
    "its EnvoyProxy's spec.provider.kubernetes.envoyService.annotations (or the Gateway's spec.infrastructure.annotations)",
    'set its EnvoyProxy\'s spec.provider.kubernetes.envoyService.type to "ClusterIP"',
  );
}

function cilium(r: Reading): GatewayServing {
  const settings = r.classParams ? valueAt(r.classParams.object.props, "spec.service") : undefined;
  const type = valueAt(settings, "type") ?? "LoadBalancer";
  const ips = ipAddresses(r.gateway);
  const pool =
    ips.length > 0 && ips.every((ip) => typeof ip === "string")
      ? { "io.cilium/lb-ipam-ips": ips.join(",") }
      : {};
  return made(
    r,
    service(type, annotationsOf(pool, r.infrastructure), {
      loadBalancerClass:
        type === "LoadBalancer" ? valueAt(settings, "loadBalancerClass") : undefined,
    }),
    "the Gateway's spec.infrastructure.annotations",
    'set its CiliumGatewayClassConfig\'s spec.service.type to "NodePort" on private nodes',
  );
}

function nginxGatewayFabric(r: Reading): GatewayServing {
  const settings = merged(r, "spec.kubernetes.service");
  let type: unknown = valueAt(settings, "type") ?? "LoadBalancer";
  let props: Record<string, unknown> = service(type, annotationsOf(r.infrastructure), {
    loadBalancerClass: valueAt(settings, "loadBalancerClass"),
    loadBalancerIP: valueAt(settings, "loadBalancerIP"),
  });
  for (const { value: patch } of valuesAt(settings, "patches[]")) {
    const how = valueAt(patch, "type") ?? "StrategicMerge";
    if (isUnknown(patch) || isUnknown(how) || how === "JSONPatch") {
      return {
        kind: "undecided",
        why: `${paramsBy(r)} patches the Service it makes with a ${isUnknown(how) ? "patch not known at preview" : "JSON patch"}, which the pack does not apply`,
        at: "spec.kubernetes.service.patches (not read)",
        fix: "Set the Service's type and annotations through spec.kubernetes.service and the Gateway's spec.infrastructure.annotations, or a strategic-merge patch",
      };
    }
    props = record(overlay(props, valueAt(patch, "value"))) ?? props;
  }
  type = valueAt(props, "spec.type");
  // With IP addresses, a LoadBalancer Service gets NGINX Gateway Fabric's own class: no cloud
  // controller serves it, and the addresses are the Gateway's to route.
  if (type === "LoadBalancer" && ipAddresses(r.gateway).length > 0) {
    return { kind: "services", services: [] };
  }
  return made(
    r,
    props,
    "the Gateway's spec.infrastructure.annotations",
    'set its NginxProxy\'s spec.kubernetes.service.type to "ClusterIP"',
  );
}

function consul(r: Reading): GatewayServing {
  const config = r.classParams?.object.props;
  // Without a GatewayClassConfig in the program, the Helm chart's: a LoadBalancer, copying the
  // default list of annotations.
  const type = config ? valueAt(config, "spec.serviceType") : "LoadBalancer";
  if (type === undefined || type === null) {
    return { kind: "services", services: [] };
  }
  const listed = config ? valueAt(config, "spec.copyAnnotations.service") : undefined;
  const notes = valueAt(r.gateway.props, "metadata.annotations");
  let annotations: unknown;
  if (isUnknown(listed) || isUnknown(notes)) {
    annotations = isUnknown(listed) ? listed : notes;
  } else {
    const keys = Array.isArray(listed) ? listed : ["external-dns.alpha.kubernetes.io/hostname"];
    const from = record(notes) ?? {};
    annotations = Object.fromEntries(
      keys.filter((k) => typeof k === "string" && k in from).map((k) => [k, from[k as string]]),
    );
  }
  return made(
    r,
    service(type, annotations),
    "the Gateway's annotations, each listed in its GatewayClassConfig's spec.copyAnnotations.service",
    'set its GatewayClassConfig\'s spec.serviceType to "ClusterIP"',
  );
}

function kongOperator(r: Reading): GatewayServing {
  const settings = merged(r, "spec.dataPlaneOptions.network.services.ingress");
  return made(
    r,
    service(
      valueAt(settings, "type") ?? "LoadBalancer",
      annotationsOf(valueAt(settings, "annotations"), r.infrastructure),
    ),
    "its GatewayConfiguration's spec.dataPlaneOptions.network.services.ingress.annotations (or the Gateway's spec.infrastructure.annotations)",
    'set its GatewayConfiguration\'s spec.dataPlaneOptions.network.services.ingress.type to "ClusterIP"',
  );
}

function kgateway(r: Reading): GatewayServing {
  const settings = merged(r, "spec.kube.service");
  const type = valueAt(settings, "type") ?? "LoadBalancer";
  const ips = ipAddresses(r.gateway);
  let props = service(
    type,
    annotationsOf(valueAt(settings, "extraAnnotations"), r.infrastructure),
    {
      loadBalancerClass: valueAt(settings, "loadBalancerClass"),
      loadBalancerIP: type === "LoadBalancer" && ips.length === 1 ? ips[0] : undefined,
    },
  );
  // Then the Service overlays, the class's and the Gateway's: strategic-merge patches of it.
  for (const params of [r.classParams, r.gatewayParams]) {
    const at = "spec.kube.serviceOverlay";
    const over = params ? valueAt(params.object.props, at) : undefined;
    if (over !== undefined) {
      props =
        record(
          overlay(
            props,
            isUnknown(over)
              ? over
              : { metadata: valueAt(over, "metadata"), spec: valueAt(over, "spec") },
          ),
        ) ?? props;
    }
  }
  return made(
    r,
    props,
    "its GatewayParameters' spec.kube.service.extraAnnotations (or the Gateway's spec.infrastructure.annotations)",
    'set its GatewayParameters\' spec.kube.service.type to "ClusterIP"',
  );
}

/** ContourDeployment's publishing types, as the Service types they make. */
const contourPublishing: Readonly<Record<string, string>> = {
  LoadBalancerService: "LoadBalancer",
  NodePortService: "NodePort",
  ClusterIPService: "ClusterIP",
};

function contour(r: Reading): GatewayServing {
  const publishing = r.classParams
    ? valueAt(r.classParams.object.props, "spec.envoy.networkPublishing")
    : undefined;
  const asked = valueAt(publishing, "type");
  const type = isUnknown(asked)
    ? asked
    : asked === undefined
      ? "LoadBalancer"
      : (contourPublishing[String(asked)] ?? asked);
  const first = valuesAt(r.gateway.props, "spec.addresses[]")[0]?.value;
  return made(
    r,
    service(type, annotationsOf(r.infrastructure, valueAt(publishing, "serviceAnnotations")), {
      loadBalancerIP: first === undefined || isUnknown(first) ? first : valueAt(first, "value"),
    }),
    "its ContourDeployment's spec.envoy.networkPublishing.serviceAnnotations (or the Gateway's spec.infrastructure.annotations)",
    'set its ContourDeployment\'s spec.envoy.networkPublishing.type to "ClusterIPService"',
  );
}

function awsLoadBalancerController(r: Reading): GatewayServing {
  const classConfig = r.classParams?.object.props;
  const gatewayConfig = r.gatewayParams?.object.props;
  const mode = classConfig ? valueAt(classConfig, "spec.mergingMode") : undefined;
  const first = mode === "prefer-gateway" ? gatewayConfig : classConfig;
  const second = mode === "prefer-gateway" ? classConfig : gatewayConfig;
  const scheme =
    (first ? valueAt(first, "spec.scheme") : undefined) ??
    (second ? valueAt(second, "spec.scheme") : undefined) ??
    "internal";
  if (isUnknown(scheme)) {
    return {
      kind: "undecided",
      why: `the spec.scheme of the LoadBalancerConfiguration of ${paramsBy(r)} is not known at preview`,
      at: "spec.scheme (unknown at preview)",
      fix: 'Set spec.scheme as a literal ("internal")',
    };
  }
  return scheme === "internet-facing"
    ? {
        kind: "public",
        why: `${paramsBy(r)} provisions an internet-facing load balancer for it (spec.scheme "internet-facing")`,
        fix: 'Set the LoadBalancerConfiguration\'s spec.scheme to "internal", or leave it unset',
      }
    : { kind: "services", services: [] };
}

/**
 * GKE's classes: Google's own controller provisions the load balancer the class names (on a GKE
 * cluster alone, `servedOn`). A global external one
 * takes connections at Google's front ends worldwide, a regional external one faces the internet.
 */
function gke(r: Reading): GatewayServing {
  const scope = gkeClasses[r.className];
  if (scope === undefined || scope === "internal") {
    return { kind: "services", services: [] };
  }
  const fix =
    "Use an internal class (gke-l7-rilb, or gke-l7-cross-regional-internal-managed-mc across clusters)";
  return scope === "global"
    ? {
        kind: "public",
        why: `its class ${JSON.stringify(r.className)} makes GKE serve it from a global external load balancer, whose front ends at Google's points of presence worldwide take its connections and requests, outside the jurisdiction`,
        fix,
        place: "Google's global front ends (points of presence worldwide)",
      }
    : {
        kind: "public",
        why: `its class ${JSON.stringify(r.className)} makes GKE serve it from a regional external load balancer, which faces the internet`,
        fix,
      };
}
