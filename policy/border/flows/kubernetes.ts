/**
 * Flow models of Kubernetes workloads (shared/research/data-paths.md §5): volumes carry data to
 * the pods that mount them, and pods send it wherever their egress is not restricted — out
 * through the subnets their cluster's nodes sit in, and from there along the network's routes.
 *
 * NetworkPolicy semantics are read in paths/kubernetes.ts. A selector this model cannot evaluate
 * (matchExpressions) is assumed not to select for a policy that restricts, and to select for one
 * that opens — either way the doubt leaves egress open.
 */
import type { BorderResource, FlowEdge } from "../model";
import { clusterTypes, kubernetesProviderType, type Resolver } from "../resolver";
import { instanceAdmission, subnetTypes, vpcTypes } from "./egress";
import { admittedFlow, reachOf } from "../../paths/addresses";
import {
  clusterCloud,
  isInternalLoadBalancer,
  namespaceOf,
  type PodTemplate,
  podTemplates,
  portsOf,
  restrictsEgress,
  scopeKey,
  selects,
  serviceSelects,
} from "../../paths/kubernetes";
import { isUnknown, valueAt, valuesAt } from "../../paths/values";
import { type FlowTable, link, str } from "./common";

const networkPolicy = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
const claims = "kubernetes:core/v1:PersistentVolumeClaim";
const service = "kubernetes:core/v1:Service";

/** The cluster and namespace an object lives in, as one key. */
function scopeOf(r: BorderResource, x: Resolver): string {
  return scopeKey(r.provider, namespaceOf(r, (u) => x.get(u)) ?? "default");
}

function nameOf(r: BorderResource): string {
  return str(valueAt(r.props, "metadata.name")) ?? r.name;
}

interface Index {
  readonly policies: Map<string, BorderResource[]>;
  readonly claims: Map<string, BorderResource>;
  readonly services: Map<string, BorderResource[]>;
}

function index(x: Resolver): Index {
  return x.memo("kubernetes", () => {
    const policies = new Map<string, BorderResource[]>();
    for (const p of x.ofType(networkPolicy)) {
      const key = scopeOf(p, x);
      policies.set(key, [...(policies.get(key) ?? []), p]);
    }
    const byName = new Map<string, BorderResource>();
    for (const c of x.ofType(claims)) {
      byName.set(`${scopeOf(c, x)}\0${nameOf(c)}`, c);
    }
    const services = new Map<string, BorderResource[]>();
    for (const svc of x.ofType(service)) {
      const key = scopeOf(svc, x);
      services.set(key, [...(services.get(key) ?? []), svc]);
    }
    return { policies, claims: byName, services };
  });
}

/**
 * The first egress rule of a policy that lets traffic out beyond private space and the allowlist
 * (its ipBlocks with its ports, as kubernetes-egress reads them), described.
 */
function opening(policy: BorderResource, x: Resolver): string | undefined {
  for (const { value: rule } of valuesAt(policy.props, "spec.egress[]")) {
    const to = valueAt(rule, "to");
    if (!Array.isArray(to) || to.length === 0) {
      return "a rule allows every destination";
    }
    const ports = portsOf(rule);
    for (const { value: cidr } of valuesAt(rule, "to[].ipBlock.cidr")) {
      if (typeof cidr !== "string" || isUnknown(ports)) {
        return "allows a block not known until deployed";
      }
      for (const p of ports) {
        const flow = { cidr, ...p };
        if (reachOf(flow, x.allowlist).kind === "internet") {
          return `allows ${admittedFlow(flow, x.allowlist)}`;
        }
      }
    }
  }
  return undefined;
}

/** Why a workload's pods may send outside the cluster, or undefined when they may not. */
function podEgress(
  r: BorderResource,
  x: Resolver,
  template: PodTemplate,
): { via?: BorderResource; detail: string } | undefined {
  if (valueAt(r.props, `${template.spec}.hostNetwork`) === true) {
    return { detail: "hostNetwork pods are not governed by NetworkPolicy" };
  }
  const labels = (valueAt(r.props, template.labels) ?? {}) as Record<string, unknown>;
  const candidates = (index(x).policies.get(scopeOf(r, x)) ?? []).filter(restrictsEgress);
  const applying: BorderResource[] = [];
  let restricted = false;
  for (const p of candidates) {
    const s = selects(p, labels);
    const opens = opening(p, x) !== undefined;
    if (s === "yes" || (s === "maybe" && opens)) {
      applying.push(p);
    }
    restricted ||= s === "yes";
  }
  if (!restricted) {
    return { detail: "no NetworkPolicy restricts its pods' egress" };
  }
  for (const p of applying) {
    const why = opening(p, x);
    if (why !== undefined) {
      return { via: p, detail: why };
    }
  }
  return undefined;
}

/** The subnets the nodes (and Terway pods) of a cluster sit in. */
function nodeSubnets(cluster: BorderResource, x: Resolver): BorderResource[] {
  const paths = ["workerVswitchIds[]", "vswitchIds[]", "podVswitchIds[]", "vpcConfig.subnetIds[]"];
  const pools = [
    ...x.referrers(cluster, "alicloud:cs/nodePool:NodePool", "clusterId"),
    ...x.referrers(cluster, "aws:eks/nodeGroup:NodeGroup", "clusterName"),
  ];
  const found = new Set<BorderResource>();
  for (const owner of [cluster, ...pools]) {
    for (const p of [...paths, "subnetIds[]"]) {
      for (const ref of x.refs(owner, p, subnetTypes)) {
        if (ref.kind === "resource") {
          found.add(ref.resource);
        }
      }
    }
  }
  return [...found];
}

/** Why the node network a workload's pods send through is not known. */
function unknownNodes(r: BorderResource, x: Resolver): string {
  const provider = r.provider ? x.get(r.provider) : undefined;
  if (!provider || provider.type !== kubernetesProviderType) {
    return `the cluster of ${x.label(r)} is not part of this stack`;
  }
  const source = x.clusterSource(provider);
  switch (source.kind) {
    case "resource":
      return `the node network of ${x.label(source.cluster)} is not in this stack`;
    case "declared":
      return `the node network of the cluster of context ${JSON.stringify(source.declared.context)} (declared in sovereign-dc:clusters) is not in this stack`;
    case "unplaced":
      return `the cluster of ${x.label(provider)} cannot be placed`;
  }
}

/**
 * A LoadBalancer Service without its cluster's internal annotation puts the pods it selects
 * behind a public load balancer: whatever they hold can be read from the internet.
 */
function publicLoadBalancers(r: BorderResource, x: Resolver, template: PodTemplate): FlowEdge[] {
  const labels = valueAt(r.props, template.labels);
  const podLabels = (labels && typeof labels === "object" ? labels : {}) as Record<string, unknown>;
  const edges: FlowEdge[] = [];
  for (const service of index(x).services.get(scopeOf(r, x)) ?? []) {
    const type = valueAt(service.props, "spec.type");
    const annotations = valueAt(service.props, "metadata.annotations");
    const exposed =
      isUnknown(type) ||
      isUnknown(annotations) ||
      (type === "LoadBalancer" &&
        !isInternalLoadBalancer(
          (annotations && typeof annotations === "object" ? annotations : {}) as Record<
            string,
            unknown
          >,
          clusterCloud(service, x),
        ));
    if (exposed && serviceSelects(service, podLabels)) {
      edges.push(
        ...link(r, x.internet, "public load balancer", {
          via: service,
          detail:
            isUnknown(type) || isUnknown(annotations)
              ? "its type or annotations are not known until deployed"
              : "no internal-load-balancer annotation of its cluster's cloud",
        }),
      );
    }
  }
  return edges;
}

function workload(template: PodTemplate): FlowTable[string] {
  return {
    role: (r) =>
      valuesAt(r.props, "spec.volumeClaimTemplates[]").length > 0 ? "data" : "workload",
    flows: (r, x) => {
      const edges: FlowEdge[] = [];
      const scope = scopeOf(r, x);
      for (const { value: claim } of valuesAt(
        r.props,
        `${template.spec}.volumes[].persistentVolumeClaim.claimName`,
      )) {
        const pvc =
          typeof claim === "string" ? index(x).claims.get(`${scope}\0${claim}`) : undefined;
        if (pvc) {
          edges.push(...link(pvc, r, "mounted by"));
        }
      }
      edges.push(...publicLoadBalancers(r, x, template));
      const open = podEgress(r, x, template);
      if (!open) {
        return edges;
      }
      const cluster = x.clusterOf(r);
      const subnets = cluster && clusterTypes.includes(cluster.type) ? nodeSubnets(cluster, x) : [];
      const targets = subnets.length > 0 ? subnets : [x.unknownPlace(unknownNodes(r, x))];
      for (const t of targets) {
        edges.push(...link(r, t, "pod egress", { via: open.via, detail: open.detail }));
      }
      return edges;
    },
  };
}

/**
 * An ACK cluster's own exit: unless `newNatGateway` is false, ACK creates an internet NAT gateway
 * with an EIP and SNAT for the node vSwitches, which is no resource of the program. It routes the
 * internet-bound traffic of the nodes' VPCs (once security groups and ACLs let it out) to the
 * internet, as a NAT gateway of the program would.
 */
const ackCluster: FlowTable[string] = {
  role: (r) => (r.props.newNatGateway === false ? "other" : "gateway"),
  flows: (r, x) => {
    if (r.props.newNatGateway === false) {
      return [];
    }
    const vpcs = new Set<BorderResource>();
    for (const subnet of nodeSubnets(r, x)) {
      const vpc = x.resourceAt(subnet, "vpcId", vpcTypes);
      if (vpc) {
        vpcs.add(vpc);
      }
    }
    const edges: FlowEdge[] = [];
    for (const vpc of vpcs) {
      edges.push(
        ...link(x.internetBound(vpc), r, "route", {
          detail: "0.0.0.0/0, to the NAT gateway ACK creates (newNatGateway)",
        }),
      );
    }
    if (edges.length > 0) {
      edges.push(
        ...link(r, x.internet, "public address", {
          detail: "the EIP of the NAT gateway ACK creates",
        }),
      );
    }
    return edges;
  },
};

/**
 * A node pool whose nodes get public addresses is an exit of its vSwitches: pods (on the node's
 * address, or Terway's through the node's route) and anything else in those vSwitches reach the
 * internet through the nodes, within what the pool's security groups admit.
 */
const nodePool: FlowTable[string] = {
  role: "workload",
  flows: (r, x) => {
    const bandwidth = r.props.internetMaxBandwidthOut;
    const eip = valueAt(r.props, "scalingConfig.isBondEip");
    const publicIp = isUnknown(bandwidth) || (typeof bandwidth === "number" && bandwidth > 0);
    if (!publicIp && eip !== true && !isUnknown(eip)) {
      return [];
    }
    const admission = instanceAdmission(r, x, "securityGroupIds[]");
    if (!admission) {
      return [];
    }
    const edges: FlowEdge[] = [];
    for (const ref of x.refs(r, "vswitchIds[]", subnetTypes)) {
      if (ref.kind === "resource") {
        edges.push(...link(ref.resource, r, "attachment"));
      }
    }
    edges.push(
      ...link(r, x.internet, "public address", {
        detail: `${publicIp ? `internetMaxBandwidthOut ${isUnknown(bandwidth) ? "not known until deployed" : String(bandwidth)}` : "an EIP on every node it scales out"}; ${admission.detail}`,
      }),
    );
    return edges;
  },
};

export const kubernetesFlows: FlowTable = {
  "alicloud:cs/managedKubernetes:ManagedKubernetes": ackCluster,
  "alicloud:cs/kubernetes:Kubernetes": ackCluster,
  "alicloud:cs/serverlessKubernetes:ServerlessKubernetes": ackCluster,
  "alicloud:cs/nodePool:NodePool": nodePool,
  ...Object.fromEntries(Object.entries(podTemplates).map(([t, tpl]) => [t, workload(tpl)])),
  [claims]: { role: "data" },
  "kubernetes:core/v1:PersistentVolume": { role: "data" },
  [networkPolicy]: { role: "control" },
  "kubernetes:helm.sh/v3:Release": {
    role: "data",
    // A v3 Release is one resource to the policy engine: what it deploys cannot be seen.
    flows: (r, x) =>
      link(
        r,
        x.unknownPlace(`the objects inside ${x.label(r)} are not visible to policies`),
        "attachment",
      ),
  },
};
