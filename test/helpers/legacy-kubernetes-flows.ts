/**
 * The border analysis's flow models of Kubernetes objects (namespaces, workloads, claims,
 * volumes, NetworkPolicies, Helm v3 releases) as they were before those types moved to the
 * kubernetes table of the one model (policy/paths/types/kubernetes.ts), kept verbatim as the
 * oracle of test/paths/differential.test.ts: the graph the table draws is compared edge by edge
 * with the graph these models drew, and every difference is listed there. The cluster rows (ACK,
 * EKS, node pools; `legacyClusterFlows`) were the last rows of policy/border/flows/kubernetes.ts,
 * kept here verbatim since they moved to the egress and kubernetes tables. Only the key of the
 * resolver cache of `index` differs, so the oracle and the table never share an index.
 *
 * `legacyKubernetesEgressServers` is kubernetes-egress's judgement of the servers an object sends
 * data to (`judgeDestinations`, policy/kubernetes.ts) as it was before the workloads' and
 * PersistentVolumes' rows declared them as fields: the oracle of the view's messages.
 */
import type { BorderResource, Endpoint, FlowEdge } from "../../policy/paths/model";
import { clusterTypes, kubernetesProviderType, type Resolver } from "../../policy/paths/resolver";
import { instanceAdmission, subnetTypes, vpcTypes } from "../../policy/paths/types/gates";
import {
  admittedFlow,
  cidrWithin,
  type Flow,
  isPrivateCidr,
  reachOf,
} from "../../policy/paths/addresses";
import {
  clusterCloud,
  isDefaultDenyEgress,
  isInternalLoadBalancer,
  namespaceOf,
  namespaceType,
  type PodTemplate,
  podTemplates,
  portsOf,
  restrictsEgress,
  scopeKey,
  selects,
  serviceSelects,
} from "../../policy/paths/kubernetes";
import type { TaggedEdge } from "../../policy/paths/model";
import { isUnknown, valueAt, valuesAt } from "../../policy/paths/values";
import { type FlowTable, link, str } from "../../policy/paths/types/common";
import { type PolicyContext, residencyResourcePolicy } from "../../policy/framework";
import { parseCidr, reachOfAddress } from "../../policy/paths/addresses";
import {
  clusterDomain,
  type DestinationField,
  destinationFields,
  hostsOf,
} from "../../policy/paths/kubernetes";
import { resourceLabel } from "../../residency/placement";

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
  /** The scopes that run pods. */
  readonly workloads: Set<string>;
}

function index(x: Resolver): Index {
  return x.memo("legacy kubernetes", () => {
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
    const workloads = new Set<string>();
    for (const type of Object.keys(podTemplates)) {
      for (const w of x.ofType(type)) {
        workloads.add(scopeOf(w, x));
      }
    }
    return { policies, claims: byName, services, workloads };
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
 * The annotation that carries the justification of the allowlist entry a NetworkPolicy opens
 * (the SealedNamespace component writes it on each entry's policy).
 */
const reasonAnnotation = "sovereign-dc/reason";

function reasonOf(policy: BorderResource): string | undefined {
  const annotations = valueAt(policy.props, "metadata.annotations");
  if (!annotations || typeof annotations !== "object") {
    return undefined;
  }
  const reason = str((annotations as Record<string, unknown>)[reasonAnnotation]);
  return reason?.trim() ? reason.trim() : undefined;
}

/** `tcp 443`, `udp 53`, `tcp 8000-8080`, `tcp all ports`, `all traffic`. */
function trafficText(p: Omit<Flow, "cidr">): string {
  if (p.protocol === "all") {
    return "all traffic";
  }
  if (p.fromPort === undefined || p.toPort === undefined) {
    return `${p.protocol} all ports`;
  }
  return p.fromPort === p.toPort
    ? `${p.protocol} ${p.fromPort}`
    : `${p.protocol} ${p.fromPort}-${p.toPort}`;
}

/** Whether a peer is the cluster's DNS: the kube-dns (CoreDNS) pods, by their usual label. */
function isClusterDns(peer: unknown): boolean {
  const app = valueAt(peer, "podSelector.matchLabels.k8s-app");
  return app === "kube-dns" || app === "coredns";
}

/** A peer that is the policy's own namespace: a pod selector without a namespace selector. */
function isOwnNamespace(peer: unknown): boolean {
  return (
    valueAt(peer, "namespaceSelector") === undefined &&
    valueAt(peer, "podSelector") !== undefined &&
    valueAt(peer, "ipBlock") === undefined
  );
}

/**
 * The network a private block of a namespace's egress lies in: the node subnets that hold the
 * block, else the VPCs of the cluster's node network (the stack's own private space). A private
 * block of a cluster whose node network is not in the stack is a network the analysis does not
 * show, and no place it could name; it is left undrawn, as private space is everywhere else.
 */
function privateNetwork(cidr: string, subnets: readonly BorderResource[], x: Resolver): Endpoint[] {
  const holding = subnets.filter((s) => cidrWithin(cidr, valueAt(s.props, "cidrBlock")));
  if (holding.length > 0) {
    return holding;
  }
  const vpcs = new Set<BorderResource>();
  for (const subnet of subnets) {
    const vpc = x.resourceAt(subnet, "vpcId", vpcTypes);
    if (vpc) {
      vpcs.add(vpc);
    }
  }
  return [...vpcs];
}

/**
 * An allowed egress that kubernetes-egress reports from the NetworkPolicy alone (a rule to every
 * destination, a public block the allowlist does not cover, a value not known at preview): its
 * crossing is that policy's finding, not a second one of no-path-out-of-jurisdiction.
 */
function reported(
  from: BorderResource,
  to: Endpoint,
  via: BorderResource,
  detail: string,
): TaggedEdge {
  return {
    from,
    to,
    label: "allowed egress",
    via,
    detail,
    policy: "kubernetes-egress",
    local: "report",
  };
}

/**
 * The destinations a NetworkPolicy's egress rules allow its namespace's pods, one edge per
 * destination: in-cluster peers (cluster DNS among them) to the cluster, private blocks to the
 * stack's network, allowlisted blocks to their allowlist entry, and anything else to the
 * internet (or, not known at preview, to an unknown place), as kubernetes-egress judges them.
 */
function allowedEgress(
  ns: BorderResource,
  policy: BorderResource,
  cluster: BorderResource | undefined,
  subnets: readonly BorderResource[],
  x: Resolver,
): FlowEdge[] {
  const reason = reasonOf(policy);
  const withReason = (d: string) => (reason ? `${d}; ${reason}` : d);
  const notKnown = (what: string) =>
    reported(
      ns,
      x.unknownPlace(`${what} of ${x.label(policy)} is not known until deployed`),
      policy,
      withReason(what),
    );
  const edges: FlowEdge[] = [];
  for (const { path, value: rule } of valuesAt(policy.props, "spec.egress[]")) {
    const ports = portsOf(rule);
    const to = valueAt(rule, "to");
    if (isUnknown(rule) || isUnknown(ports) || isUnknown(to)) {
      edges.push(notKnown(path));
      continue;
    }
    const traffic = ports.map(trafficText).join(", ");
    if (!Array.isArray(to) || to.length === 0) {
      edges.push(reported(ns, x.internet, policy, withReason(`every address, ${traffic}`)));
      continue;
    }
    for (const { path: at, value: peer } of valuesAt(rule, "to[]")) {
      const cidr = valueAt(peer, "ipBlock.cidr");
      if (isUnknown(peer) || isUnknown(cidr) || (cidr !== undefined && typeof cidr !== "string")) {
        edges.push(notKnown(at));
        continue;
      }
      if (cidr === undefined) {
        // Pods and namespaces of the cluster: traffic that stays on its nodes and network.
        if (!isOwnNamespace(peer) && cluster) {
          const what = isClusterDns(peer) ? "DNS" : "in-cluster peers";
          edges.push(
            ...link(ns, cluster, "allowed egress", {
              via: policy,
              detail: withReason(`${what} ${traffic}`),
            }),
          );
        }
        continue;
      }
      if (isPrivateCidr(cidr)) {
        for (const t of privateNetwork(cidr, subnets, x)) {
          edges.push(
            ...link(ns, t, "allowed egress", {
              via: policy,
              detail: withReason(`${cidr} ${traffic}`),
            }),
          );
        }
        continue;
      }
      // A public block: per protocol and ports, as far as the allowlist covers them.
      const byPlace = new Map<string, { place: Endpoint; traffic: string[]; covered: boolean }>();
      for (const p of ports) {
        const reach = reachOf({ cidr, ...p }, x.allowlist);
        const place = reach.kind === "allowlisted" ? x.allowlistedPlace(reach.entry) : x.internet;
        const entry = byPlace.get(place.key) ?? {
          place,
          traffic: [],
          covered: reach.kind === "allowlisted",
        };
        entry.traffic.push(trafficText(p));
        byPlace.set(place.key, entry);
      }
      for (const { place, traffic: t, covered } of byPlace.values()) {
        const detail = withReason(`${cidr} ${t.join(", ")}`);
        edges.push(
          covered
            ? { from: ns, to: place, label: "allowed egress", via: policy, detail }
            : reported(ns, place, policy, detail),
        );
      }
    }
  }
  return edges;
}

/**
 * A namespace, drawn where its pods run and with what they may reach: on its cluster, and to
 * each destination its NetworkPolicies' egress rules allow. A namespace that runs pods without a
 * default-deny egress policy lets the pods no policy selects reach every address, which
 * kubernetes-namespace-egress reports; the edge shows that. The namespace holds no data of its
 * own: the data its pods carry leaves along the workloads' pod-egress paths.
 */
const namespace: FlowTable[string] = {
  role: "workload",
  flows: (ns, x) => {
    const found = x.clusterOf(ns);
    const cluster = found && clusterTypes.includes(found.type) ? found : undefined;
    const subnets = cluster ? nodeSubnets(cluster, x) : [];
    const edges: FlowEdge[] = cluster ? link(ns, cluster, "runs on") : [];
    const name = str(valueAt(ns.props, "metadata.name")) ?? `(namespace ${ns.urn})`;
    const scope = scopeKey(ns.provider, name);
    const policies = (index(x).policies.get(scope) ?? []).filter(restrictsEgress);
    if (index(x).workloads.has(scope) && !policies.some(isDefaultDenyEgress)) {
      edges.push(
        ...link(ns, x.internet, "allowed egress", {
          detail: "no default-deny egress NetworkPolicy",
        }),
      );
    }
    for (const p of policies) {
      edges.push(...allowedEgress(ns, p, cluster, subnets, x));
    }
    return edges;
  },
};

/** The Kubernetes objects' rows of the border flow models, as they were. */
export const legacyKubernetesFlows: FlowTable = {
  [namespaceType]: namespace,
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

/**
 * Where a cluster's nodes, and so its pods, run: the subnets or vSwitches of its node network.
 * The edge draws the cluster inside the network it sends through; what leaves that network is
 * decided by the network's own routes and gateways.
 */
function nodesIn(cluster: BorderResource, x: Resolver): FlowEdge[] {
  return nodeSubnets(cluster, x).flatMap((subnet) => link(cluster, subnet, "nodes in"));
}

const eksCluster: FlowTable[string] = { role: "workload", flows: nodesIn };

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
      return nodesIn(r, x);
    }
    const vpcs = new Set<BorderResource>();
    for (const subnet of nodeSubnets(r, x)) {
      const vpc = x.resourceAt(subnet, "vpcId", vpcTypes);
      if (vpc) {
        vpcs.add(vpc);
      }
    }
    const edges: FlowEdge[] = nodesIn(r, x);
    for (const vpc of vpcs) {
      edges.push(
        ...link(x.internetBound(vpc), r, "route", {
          detail: "0.0.0.0/0, to the NAT gateway ACK creates (newNatGateway)",
        }),
      );
    }
    if (vpcs.size > 0) {
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

/** The clusters' rows of the border flow models (policy/border/flows/kubernetes.ts), as they were. */
export const legacyClusterFlows: FlowTable = {
  "alicloud:cs/managedKubernetes:ManagedKubernetes": ackCluster,
  "alicloud:cs/kubernetes:Kubernetes": ackCluster,
  "alicloud:cs/serverlessKubernetes:ServerlessKubernetes": ackCluster,
  "alicloud:cs/nodePool:NodePool": nodePool,
  "aws:eks/cluster:Cluster": eksCluster,
};

function sends(f: DestinationField): { must: string; how: string; fix: string } {
  if (f.read === "url") {
    return {
      must: "send objects only to webhooks inside the cluster",
      how: `the API server sends the ${f.what} every object or event it matches`,
      fix: "Serve the webhook from a Service of the cluster (clientConfig.service) instead of a url",
    };
  }
  if (f.what === "Service endpoint") {
    return {
      must: "send Service traffic only to private or allowlisted addresses",
      how: "the Service's traffic goes there, outside any NetworkPolicy of the pods that send it",
      fix: "Point the endpoints at private addresses, or add the address to the egress allowlist with a reason",
    };
  }
  if (f.read === "outside") {
    return {
      must: "mount volumes only from private or allowlisted servers",
      how: `the node mounts the ${f.what} outside any NetworkPolicy and the pods write their data there`,
      fix: "Use a volume of the cluster's own cloud (a claim of one of its storage classes) or a private NFS, iSCSI or Ceph server",
    };
  }
  return {
    must: "mount volumes only from private or allowlisted servers",
    how: `the node mounts the ${f.what} outside any NetworkPolicy and the pods write their data there`,
    fix: "Serve the volume from a private address (or a storage class of the cluster's cloud), or add the server's address to the egress allowlist with a reason",
  };
}

/**
 * Servers a Kubernetes object makes its cluster send data to — a volume source's server, a
 * webhook's URL, a Service endpoint — each of which must be private, in-cluster or an
 * allowlisted address; a host name is a destination the pack cannot place.
 */
function judgeDestinations(
  label: string,
  type: string,
  props: Record<string, unknown>,
  ctx: PolicyContext,
): void {
  const j = ctx.jurisdiction.id;
  // A list or object not known at preview is met by every field under it: reported once.
  const unknownAt = new Set<string>();
  for (const f of destinationFields(type)) {
    const { must, how, fix } = sends(f);
    for (const found of valuesAt(props, f.path)) {
      const fail = (why: string, place: string): void =>
        ctx.report({
          message: `${label} must ${must}, but ${found.path} ${why}: ${how}. ${fix}.`,
          path: [label, place],
        });
      if (isUnknown(found.value)) {
        if (!unknownAt.has(found.path)) {
          unknownAt.add(found.path);
          fail("is not known at preview", `${found.path} (unknown at preview)`);
        }
        continue;
      }
      const text = str(found.value);
      if (text === undefined) {
        continue;
      }
      if (f.read === "outside") {
        fail(
          `names an ${f.what} (${JSON.stringify(text)}), a service of a cloud the pack cannot place`,
          `an ${f.what} (cannot be placed)`,
        );
        continue;
      }
      const hosts = hostsOf(text, f.read);
      if (hosts === undefined) {
        fail(
          `is ${JSON.stringify(text)}, not a URL the pack can read`,
          `${text} (cannot be placed)`,
        );
        continue;
      }
      for (const host of hosts) {
        // An in-cluster name resolves to a Service of the cluster; a webhook URL, sent by the
        // API server (which may run outside the cluster's network), must be allowlisted.
        if (f.read !== "url" && clusterDomain.test(host)) {
          continue;
        }
        const reach = reachOfAddress(host, ctx.settings.egressAllowlist);
        if (reach.kind === "allowlisted" || (reach.kind === "private" && f.read !== "url")) {
          continue;
        }
        if (parseCidr(host) === undefined) {
          fail(
            `is ${JSON.stringify(text)}, a host the pack cannot place`,
            `${host} (cannot be placed)`,
          );
        } else {
          fail(
            `is ${JSON.stringify(text)}, ${reach.kind === "private" ? "a private address of no network of the stack" : "a public address"} that the egress allowlist of ${j} does not cover`,
            `${host} (${f.what})`,
          );
        }
      }
    }
  }
}

/** kubernetes-egress on the servers of an object, as it judged them in its own code. */
export const legacyKubernetesEgressServers = residencyResourcePolicy({
  name: "kubernetes-egress",
  description: "Checks whether Kubernetes objects send data only inside.",
  severity: "high",
  remediationSteps: "",
  validate: (args, ctx) => {
    judgeDestinations(resourceLabel(args.type, args.name), args.type, args.props, ctx);
  },
});
