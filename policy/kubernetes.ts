/**
 * Kubernetes: NetworkPolicy egress, Services that reach outside the cluster, and Helm v3
 * releases whose contents the pack cannot see (shared/research/data-paths.md §5).
 *
 * Pods selected by no egress policy can reach anything; whether every namespace has a
 * default-deny policy is a question about the whole cluster, left to the border analysis. Here
 * each policy's own allow rules are judged: an egress rule with no `to` reaches every address,
 * and an `ipBlock` must be private or allowlisted (protocol and ports included).
 */
import { resourceLabel } from "../residency/placement";
import { describeFlow, egressPermitted, type Flow, normalizeProtocol } from "./paths/addresses";
import { type PolicyContext, residencyResourcePolicy } from "./framework";
import { isUnknown, known, str, unknown, valueAt, valuesAt } from "./values";

const networkPolicyTypes = new Set([
  "kubernetes:networking.k8s.io/v1:NetworkPolicy",
  "kubernetes:networking.k8s.io/v1:NetworkPolicyPatch",
  "kubernetes:extensions/v1beta1:NetworkPolicy",
]);

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

function judgeEgress(label: string, props: Record<string, unknown>, ctx: PolicyContext): void {
  const j = ctx.jurisdiction.id;
  const rules = valuesAt(props, "spec.egress[]");
  for (const r of rules) {
    if (isUnknown(r.value)) {
      ctx.report({
        message: `${label} must allow egress only to private or allowlisted destinations, but ${r.path} is not known at preview. Write the policy's rules as literals.`,
        path: [label, `${r.path} (unknown at preview)`],
      });
      continue;
    }
    const ports = portsOf(r.value);
    const peers = valuesAt(r.value, "to[]");
    if (isUnknown(ports) || peers.some((p) => isUnknown(p.value))) {
      ctx.report({
        message: `${label} must allow egress only to private or allowlisted destinations, but ${r.path} is not known at preview. Write the policy's rules as literals.`,
        path: [label, `${r.path} (unknown at preview)`],
      });
      continue;
    }
    if (peers.length === 0) {
      ctx.report({
        message: `${label} must allow egress only to private or allowlisted destinations, but ${r.path} has no "to", which allows every destination, in any country. List ipBlocks from the egress allowlist, or pod and namespace selectors for in-cluster traffic.`,
        path: [label, "every address (any country)"],
      });
      continue;
    }
    peers.forEach((peer, i) => {
      const cidr = valueAt(peer.value, "ipBlock.cidr");
      if (cidr === undefined) {
        return;
      }
      const at = `${r.path}.to[${i}].ipBlock.cidr`;
      if (isUnknown(cidr)) {
        ctx.report({
          message: `${label} must allow egress only to private or allowlisted destinations, but ${at} is not known at preview. Write the policy's rules as literals.`,
          path: [label, `${at} (unknown at preview)`],
        });
        return;
      }
      for (const p of ports) {
        const flow: Flow = { cidr: String(cidr), ...p };
        if (!egressPermitted(ctx.settings.egressAllowlist, flow)) {
          ctx.report({
            message: `${label} must allow egress only to private or allowlisted destinations, but ${at} allows ${describeFlow(flow)}, which the egress allowlist of ${j} does not cover. Narrow the ipBlock (and ports) to an allowlist entry, or add the destination to the allowlist with a reason.`,
            path: [label, describeFlow(flow)],
          });
        }
      }
    });
  }
}

export const kubernetesEgress = residencyResourcePolicy({
  name: "kubernetes-egress",
  description:
    "Checks whether Kubernetes NetworkPolicies allow egress only to in-cluster peers, private ranges or destinations the egress allowlist covers.",
  severity: "high",
  remediationSteps:
    "Give every egress rule a `to` with pod/namespace selectors or ipBlocks from the egress allowlist (with matching ports); never 0.0.0.0/0 or ::/0.",
  validate: (args, ctx) => {
    if (networkPolicyTypes.has(args.type)) {
      judgeEgress(resourceLabel(args.type, args.name), args.props, ctx);
    }
  },
});

/**
 * Annotations that make a cloud controller provision an internal load balancer. Their keys are
 * the cloud controllers' documented ones (not in @pulumi/kubernetes).
 */
export const internalLoadBalancerAnnotations: ReadonlyArray<readonly [string, string]> = [
  ["service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type", "intranet"],
  ["service.beta.kubernetes.io/aws-load-balancer-scheme", "internal"],
  ["service.beta.kubernetes.io/aws-load-balancer-internal", "true"],
  ["networking.gke.io/load-balancer-type", "internal"],
  ["service.beta.kubernetes.io/azure-load-balancer-internal", "true"],
];

/** In-cluster DNS names an ExternalName service may alias without leaving the cluster. */
const clusterDomain = /\.svc(\.cluster\.local)?\.?$/;

export const kubernetesServiceExposure = residencyResourcePolicy({
  name: "kubernetes-service-exposure",
  description:
    "Checks whether Kubernetes Services stay inside: LoadBalancer services carry an internal-load-balancer annotation and ExternalName services alias only in-cluster names.",
  severity: "high",
  remediationSteps:
    'Annotate LoadBalancer services as internal (e.g. service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type: "intranet", service.beta.kubernetes.io/aws-load-balancer-scheme: "internal"), or use ClusterIP; alias only in-cluster names.',
  validate: (args, ctx) => {
    if (
      args.type !== "kubernetes:core/v1:Service" &&
      args.type !== "kubernetes:core/v1:ServicePatch"
    ) {
      return;
    }
    const label = resourceLabel(args.type, args.name);
    const type = valueAt(args.props, "spec.type");
    const annotations = known(() => {
      const a = valueAt(args.props, "metadata.annotations");
      return a && typeof a === "object" && !isUnknown(a)
        ? { ...(a as Record<string, unknown>) }
        : {};
    });
    if (isUnknown(type) || isUnknown(annotations)) {
      ctx.report({
        message: `${label} must not face the internet, but its type or annotations are not known at preview, so its exposure cannot be decided. Set them as literals.`,
        path: [label, "spec.type (unknown at preview)"],
      });
      return;
    }
    if (type === "LoadBalancer") {
      const internal = internalLoadBalancerAnnotations.some(
        ([key, value]) => String(annotations[key] ?? "").toLowerCase() === value,
      );
      if (!internal) {
        ctx.report({
          message: `${label} must not face the internet, but spec.type is "LoadBalancer" without an internal-load-balancer annotation, so the cloud provisions a public load balancer. Annotate it as internal or use ClusterIP.`,
          path: ["the internet", label],
        });
      }
    }
    if (type === "ExternalName") {
      const target = valueAt(args.props, "spec.externalName");
      const host = isUnknown(target) ? undefined : str(target);
      if (host === undefined || !clusterDomain.test(host)) {
        ctx.report({
          message: `${label} must not alias hosts outside the cluster, but spec.externalName is ${isUnknown(target) ? "not known at preview" : JSON.stringify(target)}, a host the pack cannot place. Alias only <service>.<namespace>.svc names.`,
          path: [label, `${host ?? "spec.externalName"} (cannot be placed)`],
        });
      }
    }
  },
});

export const helmReleases = residencyResourcePolicy({
  name: "helm-releases",
  description:
    "Checks whether the stack uses Helm v3 Releases, whose rendered resources are invisible to the pack.",
  severity: "high",
  remediationSteps:
    "Deploy the chart with kubernetes.helm.v4.Chart (or render it with kubernetes.yaml.v2.ConfigGroup) so each resource it creates is checked.",
  validate: (args, ctx) => {
    if (args.type === "kubernetes:helm.sh/v3:Release") {
      const label = resourceLabel(args.type, args.name);
      const chart = valueAt(args.props, "chart");
      ctx.report({
        message: `${label} must expose its resources to the pack, but a Helm v3 Release installs chart ${typeof chart === "string" ? JSON.stringify(chart) : "(unknown)"} as one opaque resource, so its NetworkPolicies and Services cannot be checked. Use kubernetes.helm.v4.Chart instead.`,
        path: [label, "resources the pack cannot see"],
      });
    }
  },
});
