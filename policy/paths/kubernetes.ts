/**
 * How Kubernetes objects are read, once, for the per-resource policies, the stack policies and
 * the border analysis alike: where a workload keeps its pod template, which namespace (of which
 * cluster) an object lives in, and what a NetworkPolicy selects and restricts.
 *
 * NetworkPolicy semantics from the SDK docs: pods that no Egress policy selects have
 * unrestricted egress; a selected pod may reach the union of its policies' rules; a rule without
 * `to` reaches everything; an empty pod selector selects every pod of the namespace.
 */
import type { Cloud } from "../../residency/jurisdictions";
import { cloudOf } from "../../residency/placement";
import type { BorderResource } from "../border/model";
import { type Flow, normalizeProtocol } from "./addresses";
import { kubernetesProviderType, type Resolver } from "./resolver";
import { isUnknown, str, unknown, valueAt, valuesAt } from "./values";

export const networkPolicyTypes: ReadonlySet<string> = new Set([
  "kubernetes:networking.k8s.io/v1:NetworkPolicy",
  "kubernetes:networking.k8s.io/v1:NetworkPolicyPatch",
  "kubernetes:extensions/v1beta1:NetworkPolicy",
]);

export const namespaceType = "kubernetes:core/v1:Namespace";

/** Where a workload kind keeps its pod template. */
export interface PodTemplate {
  readonly spec: string;
  readonly labels: string;
}

const templated: PodTemplate = {
  spec: "spec.template.spec",
  labels: "spec.template.metadata.labels",
};

/** The workload kinds that run pods, and where each keeps its pod template. */
export const podTemplates: Readonly<Record<string, PodTemplate>> = {
  "kubernetes:core/v1:Pod": { spec: "spec", labels: "metadata.labels" },
  "kubernetes:apps/v1:Deployment": templated,
  "kubernetes:apps/v1:StatefulSet": templated,
  "kubernetes:apps/v1:DaemonSet": templated,
  "kubernetes:apps/v1:ReplicaSet": templated,
  "kubernetes:batch/v1:Job": templated,
  "kubernetes:batch/v1:CronJob": {
    spec: "spec.jobTemplate.spec.template.spec",
    labels: "spec.jobTemplate.spec.template.metadata.labels",
  },
};

/** The (protocol, ports) pairs a NetworkPolicy rule's `ports` allow; no ports means every port. */
export function portsOf(rule: unknown): Array<Omit<Flow, "cidr">> | typeof unknown {
  const ports = valuesAt(rule, "ports[]");
  if (ports.length === 0) {
    return [{ protocol: "all" }];
  }
  const out: Array<Omit<Flow, "cidr">> = [];
  for (const p of ports) {
    const protocol = valueAt(p.value, "protocol");
    const port = valueAt(p.value, "port");
    const end = valueAt(p.value, "endPort");
    if ([p.value, protocol, port, end].includes(unknown)) {
      return unknown;
    }
    const proto = normalizeProtocol(protocol ?? "TCP");
    // A named port (a string) can map to any number; read it as every port.
    out.push(
      typeof port === "number"
        ? { protocol: proto, fromPort: port, toPort: typeof end === "number" ? end : port }
        : { protocol: proto },
    );
  }
  return out;
}

/**
 * The namespace an object lives in: `metadata.namespace`, else its provider's default namespace,
 * else `default`. A namespace not known at preview (the name of a Namespace the program creates
 * without naming it) is keyed by that Namespace resource, so objects in it still share a scope;
 * undefined when nothing says which namespace it is.
 */
export function namespaceOf(
  r: BorderResource,
  get: (urn: string) => BorderResource | undefined,
): string | undefined {
  const own = valueAt(r.props, "metadata.namespace");
  if (!isUnknown(own)) {
    const provider = r.provider ? get(r.provider) : undefined;
    return str(own) ?? str(provider?.props.namespace) ?? "default";
  }
  const ns = (r.propertyDependencies.metadata ?? [])
    .map((u) => get(u))
    .filter((d): d is BorderResource => d?.type === namespaceType);
  if (ns.length !== 1) {
    return undefined;
  }
  return str(valueAt(ns[0].props, "metadata.name")) ?? `(namespace ${ns[0].urn})`;
}

/** The cluster (as its provider) and namespace an object lives in, as one key. */
export function scopeKey(provider: string | undefined, namespace: string): string {
  return `${provider ?? ""}\0${namespace}`;
}

/** Whether a policy's pod selector picks pods with these labels: yes, no, or cannot tell. */
export function selects(
  policy: BorderResource,
  labels: Record<string, unknown>,
): "yes" | "no" | "maybe" {
  const selector = valueAt(policy.props, "spec.podSelector") as Record<string, unknown> | undefined;
  const match = (selector?.matchLabels ?? {}) as Record<string, unknown>;
  const fits = Object.entries(match).every(([k, v]) => labels[k] === v);
  if (!fits) {
    return "no";
  }
  const expressions = selector?.matchExpressions;
  return Array.isArray(expressions) && expressions.length > 0 ? "maybe" : "yes";
}

/** Whether a NetworkPolicy restricts egress of the pods it selects. */
export function restrictsEgress(policy: BorderResource): boolean {
  const types = valueAt(policy.props, "spec.policyTypes");
  if (Array.isArray(types)) {
    return types.includes("Egress");
  }
  // Kubernetes defaults policyTypes from the rules: only a non-empty egress list makes the policy
  // an Egress policy (`egress: []` without policyTypes restricts ingress only).
  const egress = valueAt(policy.props, "spec.egress");
  return Array.isArray(egress) && egress.length > 0;
}

/**
 * Whether a NetworkPolicy is a namespace's default-deny for egress: it selects every pod of the
 * namespace (an empty pod selector) and restricts their egress, so a pod reaches only what some
 * policy's rules allow. What those rules allow is kubernetes-egress's question.
 */
export function isDefaultDenyEgress(policy: BorderResource): boolean {
  const selector = valueAt(policy.props, "spec.podSelector");
  if (selector === undefined || isUnknown(selector) || typeof selector !== "object") {
    return false;
  }
  const s = selector as Record<string, unknown>;
  const labels = s.matchLabels;
  const expressions = s.matchExpressions;
  const empty =
    (labels === undefined ||
      (typeof labels === "object" && labels !== null && Object.keys(labels).length === 0)) &&
    (expressions === undefined || (Array.isArray(expressions) && expressions.length === 0));
  return empty && restrictsEgress(policy);
}

/**
 * Annotations that make a cloud controller provision an internal load balancer, per cloud: a
 * cluster's controller reads only its own cloud's. Their keys are the cloud controllers'
 * documented ones (not in @pulumi/kubernetes).
 */
export const internalLoadBalancerAnnotations: Readonly<
  Record<Cloud, ReadonlyArray<readonly [string, string]>>
> = {
  alicloud: [["service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type", "intranet"]],
  aws: [
    ["service.beta.kubernetes.io/aws-load-balancer-scheme", "internal"],
    ["service.beta.kubernetes.io/aws-load-balancer-internal", "true"],
  ],
};

/**
 * The internal annotations accepted when the cluster's cloud is not known (it cannot be placed,
 * which kubernetes-cluster-placement reports): any cloud's, those of GKE and AKS included.
 */
const anyCloudInternal: ReadonlyArray<readonly [string, string]> = [
  ...internalLoadBalancerAnnotations.alicloud,
  ...internalLoadBalancerAnnotations.aws,
  ["networking.gke.io/load-balancer-type", "internal"],
  ["service.beta.kubernetes.io/azure-load-balancer-internal", "true"],
];

/** The internal-load-balancer annotations a cluster of `cloud` (or of an unknown cloud) reads. */
export function internalAnnotationsFor(
  cloud: Cloud | undefined,
): ReadonlyArray<readonly [string, string]> {
  return cloud ? internalLoadBalancerAnnotations[cloud] : anyCloudInternal;
}

/** Whether a LoadBalancer Service's annotations make its cluster's cloud provision it internal. */
export function isInternalLoadBalancer(
  annotations: Readonly<Record<string, unknown>>,
  cloud: Cloud | undefined,
): boolean {
  return internalAnnotationsFor(cloud).some(
    ([key, value]) => String(annotations[key] ?? "").toLowerCase() === value,
  );
}

/** The cloud of the cluster a Kubernetes object runs in, when the pack can place the cluster. */
export function clusterCloud(r: BorderResource, x: Resolver): Cloud | undefined {
  const provider = r.provider ? x.get(r.provider) : undefined;
  if (provider?.type !== kubernetesProviderType) {
    return undefined;
  }
  const source = x.clusterSource(provider);
  return source.kind === "resource"
    ? cloudOf(source.cluster.type)
    : source.kind === "declared"
      ? source.declared.cloud
      : undefined;
}

/**
 * Whether a Service's selector picks pods with these labels. A selector not known at preview may
 * pick any; one that is absent or empty picks none (the Service's endpoints are managed apart).
 */
export function serviceSelects(service: BorderResource, labels: Record<string, unknown>): boolean {
  const selector = valueAt(service.props, "spec.selector");
  if (isUnknown(selector)) {
    return true;
  }
  if (!selector || typeof selector !== "object") {
    return false;
  }
  const entries = Object.entries(selector as Record<string, unknown>);
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
}
