/**
 * Flow models of Kubernetes workloads (shared/research/data-paths.md §5): volumes carry data to
 * the pods that mount them, and pods send it wherever their egress is not restricted — out
 * through the subnets their cluster's nodes sit in, and from there along the network's routes.
 *
 * NetworkPolicy semantics from the SDK docs: pods that no Egress policy selects have
 * unrestricted egress; a selected pod may reach the union of its policies' rules; a rule without
 * `to` reaches everything. A selector this model cannot evaluate (matchExpressions) is assumed
 * not to select for a policy that restricts, and to select for one that opens — either way
 * the doubt leaves egress open.
 */
import type { BorderResource, FlowEdge } from "../model";
import { clusterTypes, type Resolver } from "../resolver";
import { subnetTypes } from "./egress";
import { portsOf } from "../../kubernetes";
import { admittedFlow, reachOf } from "../../paths/addresses";
import { isUnknown, valueAt, valuesAt } from "../../paths/values";
import { type FlowTable, link, str } from "./common";

const networkPolicy = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
const claims = "kubernetes:core/v1:PersistentVolumeClaim";

/** Where each workload kind keeps its pod template. */
const podTemplates: Readonly<Record<string, { spec: string; labels: string }>> = {
  "kubernetes:core/v1:Pod": { spec: "spec", labels: "metadata.labels" },
  "kubernetes:apps/v1:Deployment": {
    spec: "spec.template.spec",
    labels: "spec.template.metadata.labels",
  },
  "kubernetes:apps/v1:StatefulSet": {
    spec: "spec.template.spec",
    labels: "spec.template.metadata.labels",
  },
  "kubernetes:apps/v1:DaemonSet": {
    spec: "spec.template.spec",
    labels: "spec.template.metadata.labels",
  },
  "kubernetes:apps/v1:ReplicaSet": {
    spec: "spec.template.spec",
    labels: "spec.template.metadata.labels",
  },
  "kubernetes:batch/v1:Job": {
    spec: "spec.template.spec",
    labels: "spec.template.metadata.labels",
  },
  "kubernetes:batch/v1:CronJob": {
    spec: "spec.jobTemplate.spec.template.spec",
    labels: "spec.jobTemplate.spec.template.metadata.labels",
  },
};

/** The cluster and namespace an object lives in, as one key. */
function scopeOf(r: BorderResource, x: Resolver): string {
  const provider = r.provider ? x.get(r.provider) : undefined;
  const ns =
    str(valueAt(r.props, "metadata.namespace")) ?? str(provider?.props.namespace) ?? "default";
  return `${r.provider ?? ""}\0${ns}`;
}

function nameOf(r: BorderResource): string {
  return str(valueAt(r.props, "metadata.name")) ?? r.name;
}

interface Index {
  readonly policies: Map<string, BorderResource[]>;
  readonly claims: Map<string, BorderResource>;
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
    return { policies, claims: byName };
  });
}

/** Whether a policy's pod selector picks pods with these labels: yes, no, or cannot tell. */
function selects(policy: BorderResource, labels: Record<string, unknown>): "yes" | "no" | "maybe" {
  const selector = valueAt(policy.props, "spec.podSelector") as Record<string, unknown> | undefined;
  const match = (selector?.matchLabels ?? {}) as Record<string, unknown>;
  const fits = Object.entries(match).every(([k, v]) => labels[k] === v);
  if (!fits) {
    return "no";
  }
  const expressions = selector?.matchExpressions;
  return Array.isArray(expressions) && expressions.length > 0 ? "maybe" : "yes";
}

function restrictsEgress(policy: BorderResource): boolean {
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
  template: { spec: string; labels: string },
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

function workload(template: { spec: string; labels: string }): FlowTable[string] {
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
      const open = podEgress(r, x, template);
      if (!open) {
        return edges;
      }
      const cluster = x.clusterOf(r);
      const subnets = cluster && clusterTypes.includes(cluster.type) ? nodeSubnets(cluster, x) : [];
      const targets =
        subnets.length > 0
          ? subnets
          : [
              x.unknownPlace(
                cluster
                  ? `the node network of ${x.label(cluster)} is not in this stack`
                  : `the cluster of ${x.label(r)} is not part of this stack`,
              ),
            ];
      for (const t of targets) {
        edges.push(...link(r, t, "pod egress", { via: open.via, detail: open.detail }));
      }
      return edges;
    },
  };
}

export const kubernetesFlows: FlowTable = {
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
