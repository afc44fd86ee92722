/**
 * The Kubernetes domain (shared/research/data-paths.md §5): the objects of a cluster as the one
 * data-flow model draws them. Volumes carry data to the pods that mount them, and pods send it
 * wherever their egress is not restricted — out through the subnets their cluster's nodes sit in
 * (the clusters' node networks and exits are drawn by their rows, in clusters.ts), and
 * from there along the network's routes. A namespace is drawn on its cluster with one edge per
 * destination its NetworkPolicies allow; it holds no data, so those edges show the egress without
 * making paths of their own: the data its pods carry leaves along the workloads' pod egress.
 *
 * Each edge a named policy reports from the objects alone carries that policy's tag, so its
 * crossing is that policy's finding and not a second one of no-path-out-of-jurisdiction:
 * - a NetworkPolicy rule to every destination, to a public block the egress allowlist does not
 *   cover, or not known at preview (`kubernetes-egress`);
 * - the public load balancer a LoadBalancer Service without its cloud's internal annotation puts
 *   in front of the pods it selects (`kubernetes-service-exposure`).
 * Pod egress, volume mounts, a namespace's way out without a default-deny policy and a cluster's
 * placement stay untagged: the crossings they lead to are no-path-out-of-jurisdiction's.
 *
 * Every kind the Kubernetes policies judge is a row here, in every API version, with its List
 * (whose objects are the entries of `items`, each judged as the object it is) and its Patch. The
 * servers an object makes its cluster send data to — the volumes of a workload, pod template or
 * PersistentVolume, a webhook's URL, a Service's endpoints — are `destination` fields of its row
 * (a List's under `items[]`): kubernetes-egress judges them through its view (paths/views.ts
 * `kubernetesView`) and the graph draws them, from the object to the server. The kinds whose
 * verdict reads more than one value at a time — NetworkPolicy rules, storage classes, controller
 * revisions, mutating admission policies, and the Services and Ingresses
 * kubernetes-service-exposure judges with their cluster — are rows without those fields, judged by
 * the policies' own code (policy/kubernetes.ts; `judgedByCode` lists them by policy). NetworkPolicy
 * semantics are read in paths/kubernetes.ts. A Helm v3 Release is a row of the deployment
 * bundles' table (bundles.ts). A
 * selector this model cannot evaluate (matchExpressions) is assumed not to select for a policy
 * that restricts, and to select for one that opens — either way the doubt leaves egress open.
 */
import { unnamedLocationBucket, unnamedS3Store } from "../backups";
import { ciliumFqdnDestinations } from "../operators";
import { link, reportedBy } from "./common";
import { vpcTypes } from "./gates";
import { admittedFlow, cidrWithin, type Flow, isPrivateCidr, reachOf } from "../addresses";
import {
  cniAsNetworkPolicies,
  cniPolicyTypes,
  destinationFields,
  fieldHolds,
  governsNamespace,
  isClusterwidePolicy,
  isDefaultDenyEgress,
  mapAt,
  namespaceName,
  namespaceOf,
  namespaceType,
  objectName,
  objectsOf,
  type PodTemplate,
  podTemplates,
  portsOf,
  cloudLoadBalancer,
  privateLoadBalancer,
  programCluster,
  restrictsEgress,
  scopeKey,
  selects,
  serviceSelects,
  siteOf,
  variants,
} from "../kubernetes";
import type {
  BorderResource,
  Endpoint,
  FieldSpec,
  FlowEdge,
  Role,
  TaggedEdge,
  TypeModel,
  TypeTable,
} from "../model";
import { clusterTypes, kubernetesProviderType, type Resolver } from "../resolver";
import { isUnknown, itemAt, str, valueAt, valuesAt } from "../values";
import { settleAdminDenies } from "../cluster-policies";
import { eksCluster, nodeSubnets } from "./clusters";
import { exposed, withExposure } from "./exposure";
import { eksEndpoint } from "./exposure-readers";
import { controlPlane } from "./egress";
import { edgesOf, withPolicyFields } from "./rows";
import { eckStores, eckWorkloads } from "../pod-kinds";

const networkPolicy = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
const claims = "kubernetes:core/v1:PersistentVolumeClaim";
const service = "kubernetes:core/v1:Service";

/**
 * The cluster and namespace an object lives in, as one key. An object whose namespace is not known
 * at preview is in a scope of its own: no NetworkPolicy, Service or claim of a known namespace is
 * taken to be beside it (its pods' egress is open, failing closed).
 */
function scopeOf(r: BorderResource, x: Resolver): string {
  return scopeKey(
    r.provider,
    namespaceOf(r, (u) => x.get(u)) ?? `(namespace of ${r.urn} not known at preview)`,
  );
}

interface Index {
  readonly policies: Map<string, BorderResource[]>;
  /** The clusterwide policies of each provider (cluster), which govern all its namespaces. */
  readonly clusterwide: Map<string, BorderResource[]>;
  readonly claims: Map<string, BorderResource>;
  readonly services: Map<string, BorderResource[]>;
  /** The scopes that run pods. */
  readonly workloads: Set<string>;
}

function index(x: Resolver): Index {
  return x.memo("kubernetes", () => {
    const policies = new Map<string, BorderResource[]>();
    const add = (key: string, p: BorderResource) => {
      const held = policies.get(key) ?? [];
      held.push(p);
      policies.set(key, held);
    };
    for (const p of x.ofType(networkPolicy)) {
      add(scopeOf(p, x), p);
    }
    // Cilium's and Calico's policies, read as the NetworkPolicies they amount to: a clusterwide
    // (global) one's rules govern every namespace of its cluster.
    const clusterwide = new Map<string, BorderResource[]>();
    for (const type of cniKinds) {
      for (const c of x.ofType(type)) {
        for (const { object, at } of objectsOf(c)) {
          for (const p of isUnknown(object.props) ? [] : cniAsNetworkPolicies(object, at)) {
            if (isClusterwidePolicy(type)) {
              const key = c.provider ?? "";
              const held = clusterwide.get(key) ?? [];
              held.push(p);
              clusterwide.set(key, held);
            } else {
              add(scopeOf(object, x), p);
            }
          }
        }
      }
    }
    const byName = new Map<string, BorderResource>();
    for (const c of x.ofType(claims)) {
      byName.set(`${scopeOf(c, x)}\0${objectName(c)}`, c);
    }
    const services = new Map<string, BorderResource[]>();
    for (const svc of x.ofType(service)) {
      const key = scopeOf(svc, x);
      const held = services.get(key) ?? [];
      held.push(svc);
      services.set(key, held);
    }
    // A List of workloads runs pods in the namespace of each of its entries.
    const workloads = new Set<string>();
    for (const type of workloadTypes) {
      for (const w of x.ofType(type)) {
        for (const { object } of objectsOf(w)) {
          workloads.add(scopeOf(object, x));
        }
      }
    }
    // An admin network policy's default deny holds unless another passes traffic past it.
    for (const [provider, list] of clusterwide) {
      clusterwide.set(provider, settleAdminDenies(list));
    }
    return { policies, clusterwide, claims: byName, services, workloads };
  });
}

/** The policies that govern the pods of a scope: its namespace's and its cluster's. */
function policiesOf(x: Resolver, scope: string, provider: string | undefined): BorderResource[] {
  const i = index(x);
  const namespace = scope.slice(scope.indexOf("\0") + 1);
  return [
    ...(i.policies.get(scope) ?? []),
    ...(i.clusterwide.get(provider ?? "") ?? []).filter((p) => governsNamespace(p, namespace)),
  ];
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
  const candidates = policiesOf(x, scopeOf(r, x), r.provider).filter(restrictsEgress);
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

/** Why the node network a workload's pods send through is not known. */
function unknownNodes(r: BorderResource, x: Resolver): string {
  const provider = r.provider ? x.get(r.provider) : undefined;
  if (!provider || provider.type !== kubernetesProviderType) {
    return `the cluster of ${x.label(r)} is not part of this stack`;
  }
  const source = x.clusterSource(provider);
  switch (source.kind) {
    case "resource":
      return `the node network of ${x.label(programCluster(r, x) ?? source.cluster)} is not in this stack`;
    case "declared":
      return `the node network of the cluster of context ${JSON.stringify(source.declared.context)} (declared in sovereign-dc:clusters) is not in this stack`;
    case "endpoint":
      return `the node network of the cluster at ${source.server} is not in this stack`;
    case "unplaced":
      return `the cluster of ${x.label(provider)} cannot be placed`;
  }
}

/**
 * A LoadBalancer Service without its cluster's internal annotation puts the pods it selects
 * behind a public load balancer: whatever they hold can be read from the internet. The Service
 * is kubernetes-service-exposure's finding (it reports every LoadBalancer Service without its
 * cluster's internal annotation, and every Service whose type or annotations are not known).
 */
function publicLoadBalancers(r: BorderResource, x: Resolver, template: PodTemplate): TaggedEdge[] {
  const podLabels = mapAt(r.props, template.labels);
  const edges: TaggedEdge[] = [];
  for (const service of index(x).services.get(scopeOf(r, x)) ?? []) {
    const type = valueAt(service.props, "spec.type");
    const annotations = valueAt(service.props, "metadata.annotations");
    const exposed =
      isUnknown(type) ||
      isUnknown(annotations) ||
      (type === "LoadBalancer" && !privateLoadBalancer(service, x));
    if (exposed && serviceSelects(service, podLabels)) {
      edges.push(
        ...reportedBy(
          "kubernetes-service-exposure",
          link(r, x.internet, "public load balancer", {
            via: service,
            detail:
              isUnknown(type) || isUnknown(annotations)
                ? "its type or annotations are not known until deployed"
                : siteOf(service, x) !== undefined
                  ? "no private address asked of its site's load balancer"
                  : cloudLoadBalancer(service, x).kind === "reused"
                    ? "the existing load balancer it takes is not known to be internal"
                    : "no internal-load-balancer annotation of its cluster's cloud",
          }),
        ),
      );
    }
  }
  return edges;
}

/**
 * kubernetes-egress's fields of a type: the servers its objects make the cluster send data to
 * (remote volume sources, webhooks, Service endpoints), each drawn from the object to the server.
 */
function servers(type: string): FieldSpec[] {
  return destinationFields(type).map((f) => ({
    path: f.path,
    format: "destination",
    label: "attachment",
    policy: "kubernetes-egress",
    verb: f.what,
    detail: f.what,
    server: f,
    ...(f.when === undefined ? {} : { when: (props) => fieldHolds(f, type, props) }),
  }));
}

/**
 * A workload is a store of data when it claims volumes of its own (volumeClaimTemplates; one not
 * known at preview may), and a List of workloads when any of its entries does.
 */
function workloadRole(at: string): (r: BorderResource) => Role {
  return (r) =>
    valuesAt(r.props, `${at}spec.volumeClaimTemplates[]`).length > 0 ? "data" : "workload";
}

/**
 * A workload kind: a store of data when it claims volumes of its own, with the claims it mounts,
 * the servers its volumes are mounted from, the public load balancers in front of its pods and
 * its pods' egress.
 */
function workload(type: string, template: PodTemplate): TypeModel {
  return {
    role: workloadRole(""),
    fields: servers(type),
    edges: (r, x) => {
      const edges: (FlowEdge | TaggedEdge)[] = [];
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
      const cluster = programCluster(r, x);
      const subnets = cluster && clusterTypes.includes(cluster.type) ? nodeSubnets(cluster, x) : [];
      const targets = subnets.length > 0 ? subnets : [x.unknownPlace(unknownNodes(r, x))];
      for (const t of targets) {
        edges.push(...link(r, t, "pod egress", { via: open.via, detail: open.detail }));
      }
      return edges;
    },
    fix: workloadFix,
  };
}

/**
 * A List of a workload kind: it runs the pods of each of its entries, so it is drawn as they are —
 * a store of data when one of them claims volumes, with the servers their volumes are mounted from
 * (its type's fields, under `items[]`), and each entry's claims, public load balancers and pod
 * egress as edges of the List.
 */
function workloadList(type: string, object: TypeModel): TypeModel {
  return {
    role: workloadRole("items[]."),
    fields: servers(type),
    edges: (r, x) =>
      objectsOf(r).flatMap(({ object: entry }) =>
        (object.edges?.(entry, x) ?? []).map((e) => ({
          ...e,
          from: e.from === entry ? r : e.from,
          to: e.to === entry ? r : e.to,
        })),
      ),
    fix: workloadFix,
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
      const fqdn = valueAt(peer, "fqdn");
      const blocks = valueAt(peer, "unread.what");
      if (fqdn !== undefined || blocks !== undefined) {
        // A CNI rule's DNS name or pattern, or blocks kept in objects the pack does not read (a
        // CiliumCIDRGroup, Calico's network sets), which kubernetes-egress reports where the
        // stack cannot place them.
        const unread = [valueAt(fqdn, "matchName"), valueAt(fqdn, "matchPattern")].some(isUnknown);
        const found =
          blocks !== undefined
            ? [{ place: `${String(blocks)} (cannot be placed)`, to: "unplaced" }]
            : unread
              ? []
              : ciliumFqdnDestinations(fqdn, x.allowlist, x.jurisdiction.id);
        if (unread) {
          edges.push(notKnown(at));
        }
        for (const d of found) {
          const to = d.to === "internet" ? x.internet : x.unknownPlace(d.place);
          edges.push(reported(ns, to, policy, withReason(`${d.place}, ${traffic}`)));
        }
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
 * kubernetes-namespace-egress reports; the edge shows that, untagged: nothing flows into a
 * namespace, so no path runs through it, and the edge reads only networking.k8s.io/v1 policies
 * where that policy reads every version. The namespace holds no data of its own: the data its
 * pods carry leaves along the workloads' pod-egress paths.
 */
const namespace: TypeModel = {
  role: "workload",
  edges: (ns, x) => {
    const found = programCluster(ns, x);
    const cluster = found && clusterTypes.includes(found.type) ? found : undefined;
    const subnets = cluster ? nodeSubnets(cluster, x) : [];
    const edges: FlowEdge[] = cluster ? link(ns, cluster, "runs on") : [];
    const scope = scopeKey(ns.provider, namespaceName(ns));
    const policies = policiesOf(x, scope, ns.provider).filter(restrictsEgress);
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
  fix: {
    "kubernetes-egress":
      "Give every egress rule a `to` with pod/namespace selectors or ipBlocks from the egress allowlist (with matching ports).",
  },
};

/** What kubernetes-service-exposure asks of the Services in front of a workload's pods. */
const workloadFix = {
  "kubernetes-service-exposure":
    "Annotate LoadBalancer services as internal for the cluster's cloud, or use ClusterIP.",
};

/** Rows of these kinds, each a control read by others with the servers its objects name. */
function serverControls(types: readonly string[]): TypeTable {
  return Object.fromEntries(
    types.map((t): [string, TypeModel] => [t, { role: "control", fields: servers(t), fix: {} }]),
  );
}

/**
 * The workload kinds that run pods, in every API version: their objects and Patches (which carry
 * the same pod template, paths/kubernetes.ts `podTemplates`) and their Lists.
 */
const workloadRows: TypeTable = Object.fromEntries(
  Object.entries(podTemplates).flatMap(([type, template]): Array<[string, TypeModel]> => {
    const object = workload(type, template);
    return type.endsWith("Patch")
      ? [[type, object]]
      : [
          [type, object],
          [`${type}List`, workloadList(`${type}List`, object)],
        ];
  }),
);

const workloadTypes: readonly string[] = Object.keys(workloadRows);

/**
 * PersistentVolumes, their Patches and Lists: stores of data, whose own source may be a server
 * the node mounts.
 */
const persistentVolumes: TypeTable = Object.fromEntries(
  variants("core", ["v1"], "PersistentVolume").map((t) => [
    t,
    { role: "data", fields: servers(t), fix: {} },
  ]),
);

/**
 * The other kinds whose objects name servers their cluster sends data to — pod templates and
 * presets, volume attachments, admission, conversion and audit webhooks, Service endpoints, a
 * CoreDNS Corefile's upstream resolvers, a mesh's remote clusters a Secret joins — as
 * objects, Patches and Lists: rows of those fields alone, each a control the cluster reads.
 */
const serverRows: TypeTable = serverControls([
  ...variants("core", ["v1"], "PodTemplate"),
  ...variants("settings.k8s.io", ["v1alpha1"], "PodPreset"),
  ...variants("storage.k8s.io", ["v1", "v1alpha1", "v1beta1"], "VolumeAttachment"),
  ...["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"].flatMap((kind) =>
    variants("admissionregistration.k8s.io", ["v1", "v1beta1"], kind),
  ),
  ...variants("apiextensions.k8s.io", ["v1", "v1beta1"], "CustomResourceDefinition"),
  ...variants("auditregistration.k8s.io", ["v1alpha1"], "AuditSink"),
  ...variants("core", ["v1"], "Endpoints"),
  ...variants("core", ["v1"], "ConfigMap"),
  ...variants("core", ["v1"], "Secret"),
  ...variants("discovery.k8s.io", ["v1", "v1beta1"], "EndpointSlice"),
]);

/**
 * Custom resources of the Prometheus Operator (`monitoring.coreos.com`) whose objects name the
 * servers data goes to — ServiceMonitors, PodMonitors and Probes (the proxies and probers their
 * scrapes go through) and AlertmanagerConfigs (the receivers of alerts) — as objects, Patches and
 * Lists: controls the operator's Prometheus and Alertmanager servers read, each with its
 * destination fields (paths/operators.ts `monitoringFields`). Not kinds of the Kubernetes SDK:
 * `customResourceTypes` (policy/reviewed.ts) lists them with the other custom kinds the pack
 * reviews.
 */
export const prometheusOperator: TypeTable = serverControls([
  ...variants("monitoring.coreos.com", ["v1"], ["ServiceMonitor", "PodMonitor", "Probe"]),
  ...variants("monitoring.coreos.com", ["v1alpha1", "v1beta1"], "AlertmanagerConfig"),
  ...variants("monitoring.coreos.com", ["v1"], "Prometheus"),
  ...variants("monitoring.coreos.com", ["v1"], "Alertmanager"),
  ...variants("monitoring.coreos.com", ["v1"], "ThanosRuler"),
  ...variants("monitoring.coreos.com", ["v1alpha1"], "ScrapeConfig"),
  ...variants("monitoring.coreos.com", ["v1alpha1"], "PrometheusAgent"),
]);

/**
 * Istio's kinds that name where the mesh sends traffic (`networking.istio.io` of every served
 * version: VirtualServices, DestinationRules, Sidecars, ServiceEntries, WorkloadEntries; and
 * `security.istio.io`'s AuthorizationPolicies, for an external authorizer), as objects, Patches
 * and Lists: controls the mesh's proxies read, each with its destination fields
 * (paths/operators.ts `meshFields`). Custom resources, listed by `customResourceTypes`.
 */
export const serviceMesh: TypeTable = serverControls([
  ...variants(
    "networking.istio.io",
    ["v1alpha3", "v1beta1", "v1"],
    [
      "VirtualService",
      "DestinationRule",
      "Sidecar",
      "ServiceEntry",
      "WorkloadEntry",
      "WorkloadGroup",
    ],
  ),
  ...variants("security.istio.io", ["v1beta1", "v1"], "AuthorizationPolicy"),
  ...variants("telemetry.istio.io", ["v1alpha1", "v1"], "Telemetry"),
]);

/**
 * OpenTelemetry's Instrumentations (`opentelemetry.io/v1alpha1`) and Collectors (`v1alpha1`,
 * `v1beta1`), as objects, Patches and Lists: an Instrumentation a control the operator injects
 * into the pods that ask for it, with the endpoints those pods send their telemetry to, and a
 * Collector a control of the pods the operator runs for it, with its exporters and volumes — the
 * destination fields of paths/operators.ts (`openTelemetryFields`) and paths/kubernetes.ts
 * (`volumeSources`). Custom
 * resources, listed by `customResourceTypes`.
 */
export const openTelemetry: TypeTable = serverControls([
  ...variants("opentelemetry.io", ["v1alpha1"], "Instrumentation"),
  ...variants("opentelemetry.io", ["v1alpha1", "v1beta1"], "OpenTelemetryCollector"),
]);

/**
 * The External Secrets Operator's stores (`external-secrets.io` `v1`, `v1beta1`: SecretStores and
 * ClusterSecretStores), as objects, Patches and Lists: stores of the secrets the cluster syncs,
 * with the place their provider keeps them as a destination field (paths/operators.ts
 * `secretStoreDestinations`). Custom resources, listed by `customResourceTypes`.
 */
export const secretStores: TypeTable = serverControls(
  variants("external-secrets.io", ["v1", "v1beta1"], ["SecretStore", "ClusterSecretStore"]),
);

/**
 * The Secrets Store CSI Driver's SecretProviderClasses (`secrets-store.csi.x-k8s.io` `v1`,
 * `v1alpha1`), as objects, Patches and Lists: the stores whose secrets the driver mounts into
 * pods, with the place their provider keeps them as a destination field (paths/operators.ts
 * `secretProviderDestinations`). Custom resources, listed by `customResourceTypes`.
 */
export const secretProviderClasses: TypeTable = serverControls(
  variants("secrets-store.csi.x-k8s.io", ["v1", "v1alpha1"], "SecretProviderClass"),
);

/**
 * Traefik's Middlewares (`traefik.io/v1alpha1`, and Traefik 2's `traefik.containo.us`), as
 * objects, Patches and Lists: controls of the
 * requests Traefik serves, with the servers a forward-auth, a rate limit's Redis or a plugin sends
 * them to as destination fields (paths/operators.ts `middlewareFields`). Custom resources, listed
 * by `customResourceTypes`.
 */
export const traefikMiddlewares: TypeTable = serverControls(
  ["traefik.io", "traefik.containo.us"].flatMap((group) =>
    variants(group, ["v1alpha1"], "Middleware"),
  ),
);

/**
 * The Gateway API's routes (`gateway.networking.k8s.io`: HTTPRoutes, GRPCRoutes, TLSRoutes and
 * TCPRoutes of `v1`, and their earlier versions, and UDP routes), as objects, Patches and Lists: controls of the
 * requests a Gateway serves, with the backends and filters their rules send them to as destination
 * fields (paths/operators.ts `routeRuleDestinations`). Custom resources, listed by
 * `customResourceTypes`.
 */
export const gatewayRoutes: TypeTable = serverControls([
  ...variants("gateway.networking.k8s.io", ["v1", "v1beta1"], "HTTPRoute"),
  ...variants("gateway.networking.k8s.io", ["v1", "v1alpha2"], "GRPCRoute"),
  ...variants("gateway.networking.k8s.io", ["v1", "v1alpha2", "v1alpha3"], "TLSRoute"),
  ...variants("gateway.networking.k8s.io", ["v1", "v1alpha2"], "TCPRoute"),
  ...variants("gateway.networking.k8s.io", ["v1alpha2"], "UDPRoute"),
]);

/**
 * Flux's notification Providers (`notification.toolkit.fluxcd.io` `v1beta1` to `v1beta3`), as
 * objects, Patches and Lists: controls of where the cluster's deployment events go, with the
 * receiver and proxy as a destination field (paths/operators.ts `fluxProviderDestinations`).
 * Custom resources, listed by `customResourceTypes`.
 */
export const fluxProviders: TypeTable = serverControls(
  variants("notification.toolkit.fluxcd.io", ["v1beta1", "v1beta2", "v1beta3"], "Provider"),
);

/**
 * The Datadog Operator's DatadogAgents (`datadoghq.com/v2alpha1`), as objects, Patches and Lists:
 * controls of the Agents the operator runs on every node, with the Datadog site or intake they
 * send the cluster's telemetry to as a destination field (paths/operators.ts
 * `datadogAgentDestinations`). The group's other kinds (monitors, dashboards, SLOs, metrics) are
 * not reviewed. Custom resources, listed by `customResourceTypes`.
 */
export const datadogAgents: TypeTable = serverControls(
  variants("datadoghq.com", ["v2alpha1"], "DatadogAgent"),
);

/**
 * KEDA's CloudEventSources (`eventing.keda.sh` `v1alpha1`, and the cluster-wide
 * ClusterCloudEventSource), as objects, Patches and Lists: controls of where KEDA sends the events
 * of its scaled objects, with the destination as a destination field (paths/operators.ts
 * `kedaEventDestinations`). Custom resources, listed by `customResourceTypes`.
 */
export const kedaEventSources: TypeTable = serverControls(
  variants("eventing.keda.sh", ["v1alpha1"], ["CloudEventSource", "ClusterCloudEventSource"]),
);

/**
 * The application networks that link a cluster to clusters elsewhere, as objects, Patches and
 * Lists: Skupper's Links, AccessTokens and AccessGrants and the Connectors that name a server
 * (`skupper.io` `v2alpha1`), Linkerd's multicluster Links (`multicluster.linkerd.io`),
 * Submariner's gateways and service discovery (`submariner.io` `v1alpha1`) and the Multi-Cluster
 * Services API's exports and imports (`multicluster.x-k8s.io`) and Consul's kinds that send the
 * mesh's traffic to other datacenters, peers or services outside it (`consul.hashicorp.com`,
 * paths/consul.ts):
 * controls of where the cluster's connections go, the far end of each link as a destination
 * field (paths/interconnects.ts). Custom resources, listed by `customResourceTypes`.
 */
export const interconnects: TypeTable = serverControls([
  ...variants("skupper.io", ["v2alpha1"], ["Link", "AccessToken", "AccessGrant", "Connector"]),
  ...variants("multicluster.linkerd.io", ["v1alpha1", "v1alpha2", "v1alpha3"], "Link"),
  ...variants("submariner.io", ["v1alpha1"], ["Submariner", "ServiceDiscovery"]),
  ...variants("multicluster.x-k8s.io", ["v1alpha1", "v1beta1"], ["ServiceExport", "ServiceImport"]),
  ...variants(
    "consul.hashicorp.com",
    ["v1alpha1"],
    [
      "ServiceResolver",
      "ExportedServices",
      "SamenessGroup",
      "MeshService",
      "TerminatingGateway",
      "PeeringDialer",
      "PeeringAcceptor",
      "ServiceDefaults",
      "ProxyDefaults",
      "Registration",
    ],
  ),
]);

/**
 * The parameters of Gateway API implementations, as objects, Patches and Lists: controls of the
 * proxies the implementation deploys for a GatewayClass's or a Gateway's `parametersRef` — Envoy
 * Gateway's EnvoyProxy, NGINX Gateway Fabric's NginxProxy, kgateway's GatewayParameters, the Kong
 * Gateway Operator's GatewayConfiguration, Contour's ContourDeployment, the AWS Load Balancer
 * Controller's LoadBalancerConfiguration and Cilium's CiliumGatewayClassConfig. What they make a
 * Gateway's Service is kubernetes-service-exposure's (paths/gateways.ts); their collectors, DNS
 * resolvers, hosted control planes and raw configuration are destination fields
 * (paths/gateway-parameters.ts), and their proxies' volumes are read as every volume is.
 * Custom resources, listed by `customResourceTypes`.
 */
export const gatewayParameters: TypeTable = serverControls([
  ...variants("gateway.envoyproxy.io", ["v1alpha1"], "EnvoyProxy"),
  ...variants("gateway.nginx.org", ["v1alpha2"], "NginxProxy"),
  ...variants("gateway.kgateway.dev", ["v1alpha1"], "GatewayParameters"),
  ...variants("gateway-operator.konghq.com", ["v1beta1", "v2beta1"], "GatewayConfiguration"),
  ...variants("projectcontour.io", ["v1alpha1"], "ContourDeployment"),
  ...variants("gateway.k8s.aws", ["v1", "v1beta1"], "LoadBalancerConfiguration"),
  ...variants("cilium.io", ["v2alpha1"], "CiliumGatewayClassConfig"),
]);

/**
 * Envoy Gateway's policies that send the requests they govern beyond the proxies, as objects,
 * Patches and Lists: a SecurityPolicy's external authorizers and OpenID Connect provider, an
 * EnvoyExtensionPolicy's external processors and the code it runs in the proxies, an
 * EnvoyPatchPolicy's raw xDS patches, and a Backend's endpoints (`gateway.envoyproxy.io`
 * `v1alpha1`; destination fields of
 * paths/gateway-parameters.ts). Custom resources, listed by `customResourceTypes`.
 */
export const envoyGatewayPolicies: TypeTable = serverControls(
  variants(
    "gateway.envoyproxy.io",
    ["v1alpha1"],
    ["SecurityPolicy", "EnvoyExtensionPolicy", "EnvoyPatchPolicy", "Backend"],
  ),
);

/**
 * Kong's plugins (`configuration.konghq.com/v1` KongPlugin and KongClusterPlugin), as objects,
 * Patches and Lists: controls of the requests of the routes, services and consumers they are
 * attached to, with the servers their config names as destination fields
 * (paths/kong-plugins.ts). Custom resources, listed by `customResourceTypes`.
 */
export const kongPlugins: TypeTable = serverControls(
  variants("configuration.konghq.com", ["v1"], ["KongPlugin", "KongClusterPlugin"]),
);

/**
 * Skupper's Sites, RouterAccesses and SecuredAccesses (`skupper.io` `v2alpha1`), as objects,
 * Patches and Lists: controls of how a site is reached, whose controller makes a Service by the
 * access type they ask for, which kubernetes-service-exposure judges (policy/kubernetes.ts
 * `skupperServices`). Custom resources, listed by `customResourceTypes`.
 */
export const skupperAccess: TypeTable = controls(
  variants("skupper.io", ["v2alpha1"], ["Site", "RouterAccess", "SecuredAccess"]),
);

/**
 * Knative Eventing's kinds that deliver events (`eventing.knative.dev`, `messaging.knative.dev`,
 * `sources.knative.dev`, `flows.knative.dev`), as objects, Patches and Lists: controls of where
 * the events go, with each destination — a subscriber, a reply, a sink, a dead-letter sink — as a
 * destination field (paths/operators.ts `knativeFields`), and an IntegrationSink's AWS service
 * (`sinks.knative.dev`) too. A ContainerSource and an IntegrationSource run pods and are workload
 * rows. Custom resources, listed by `customResourceTypes`.
 */
export const knativeEventing: TypeTable = serverControls([
  ...variants("eventing.knative.dev", ["v1"], ["Broker", "Trigger"]),
  ...variants("eventing.knative.dev", ["v1alpha1"], ["EventTransform", "RequestReply"]),
  ...variants("messaging.knative.dev", ["v1"], ["Channel", "InMemoryChannel", "Subscription"]),
  ...variants("sources.knative.dev", ["v1"], ["ApiServerSource", "PingSource", "SinkBinding"]),
  ...variants("sources.knative.dev", ["v1beta2"], "PingSource"),
  ...variants("flows.knative.dev", ["v1"], ["Parallel", "Sequence"]),
  ...variants("sinks.knative.dev", ["v1alpha1"], "IntegrationSink"),
]);

/**
 * The backup locations of Velero (`velero.io/v1` BackupStorageLocations and
 * VolumeSnapshotLocations) and of OpenShift's API for Data Protection (`oadp.openshift.io/v1alpha1`
 * DataProtectionApplications, whose lists make Velero's locations, and CloudStorages, which
 * create a bucket for them), as objects, Patches and Lists: controls of where Velero copies the
 * cluster, with the place of each location as a destination field (paths/backups.ts). Custom
 * resources, listed by `customResourceTypes`.
 */
export const backupLocations: TypeTable = rowsWithBuckets(
  [
    ...variants("velero.io", ["v1"], ["BackupStorageLocation", "VolumeSnapshotLocation"]),
    ...variants(
      "oadp.openshift.io",
      ["v1alpha1"],
      ["DataProtectionApplication", "CloudStorage", "NonAdminBackupStorageLocation"],
    ),
  ],
  "control",
  locationBuckets,
  "Keep backups in a bucket of this program in a region inside the jurisdiction, or name the region (config.region) or endpoint of one",
);

/**
 * Rows of `types` whose objects send data to the servers their destination fields name, and to a
 * bucket they may name alone (`buckets`: a ref field, which named-destinations resolves over the
 * stack to the program's bucket of that name).
 */
function rowsWithBuckets(
  types: readonly string[],
  role: "control" | "data",
  buckets: (type: string) => FieldSpec[],
  fix: string,
): TypeTable {
  return Object.fromEntries(
    types.map((t): [string, TypeModel] => [
      t,
      { role, fields: [...servers(t), ...buckets(t)], fix: { "kubernetes-egress": fix } },
    ]),
  );
}

/** A bucket named alone at `path`, where `where` holds: a ref field of kubernetes-egress. */
function bucketField(
  path: string,
  verb: string,
  ref: "s3-bucket" | "oss-bucket",
  where: FieldSpec["where"],
): FieldSpec {
  return {
    path,
    format: "ref",
    label: "backup copy",
    policy: "kubernetes-egress",
    verb,
    ref,
    where,
  };
}

/**
 * The bucket a backup storage location writes to when it names no endpoint and no region
 * (`unnamedLocationBucket`): placed by the program's S3 or OSS bucket of that name; any other
 * bucket cannot be placed.
 */
function locationBuckets(type: string): FieldSpec[] {
  return destinationFields(type)
    .filter((f) => f.read === "backup-location")
    .flatMap((f) => {
      // The location is the object the field reads: `spec`, or an OADP location's `velero`.
      const key = (f.path.split(".").pop() ?? "").replace(/\[\]$/, "");
      return (["s3-bucket", "oss-bucket"] as const).map((ref) =>
        bucketField(
          `${f.path}.objectStorage.bucket`,
          "writes the backups to",
          ref,
          (_holder, at) => unnamedLocationBucket(itemAt(at.props, at.path, key)) === ref,
        ),
      );
    });
}

/**
 * CloudNativePG's database clusters (`postgresql.cnpg.io/v1` Cluster) and the Barman Cloud
 * plugin's object stores (`barmancloud.cnpg.io/v1` ObjectStore), as objects, Patches and Lists:
 * stores of data — a Cluster runs PostgreSQL — whose backups and WAL archive go to the object store
 * each names, a destination field (paths/backups.ts). Custom resources, listed by
 * `customResourceTypes`.
 */
export const databaseArchives: TypeTable = rowsWithBuckets(
  [
    ...variants("postgresql.cnpg.io", ["v1"], "Cluster"),
    ...variants("barmancloud.cnpg.io", ["v1"], "ObjectStore"),
  ],
  "data",
  archiveBuckets,
  "Archive to a bucket of this program in a region inside the jurisdiction, or through the regional endpoint of one (endpointURL)",
);

/**
 * The Amazon S3 bucket a Barman Cloud store archives to when it names no endpoint
 * (`destinationPath: s3://<bucket>/…`, no `endpointURL`): Barman Cloud writes to wherever that
 * bucket was made, which the configuration does not say; a bucket of the program is placed by its
 * region, any other cannot be placed.
 */
function archiveBuckets(type: string): FieldSpec[] {
  return destinationFields(type)
    .filter((f) => f.read === "barman-object-store")
    .map((f) =>
      bucketField(
        `${f.path}.destinationPath`,
        "archives the database's base backups and WAL to",
        "s3-bucket",
        (holder) => unnamedS3Store(holder),
      ),
    );
}

/**
 * The MariaDB operator's kinds that name storage or servers (`k8s.mariadb.com/v1alpha1`, and
 * `mariadb.mmontes.io/v1alpha1` before it), as objects, Patches and Lists: a MariaDB is a store of
 * data, whose pods mount the volumes it lists; a Backup, PhysicalBackup or PointInTimeRecovery a
 * control of where its backups or binary logs go (S3, Azure Blob Storage, a volume); an
 * ExternalMariaDB or MaxScale one of the database servers the operator connects to. Their
 * destination fields are paths/backups.ts's and paths/kubernetes.ts's `volumeSources`. Custom
 * resources, listed by `customResourceTypes`.
 */
export const mariadbOperator: TypeTable = {
  ...Object.fromEntries(
    ["k8s.mariadb.com", "mariadb.mmontes.io"]
      .flatMap((group) => variants(group, ["v1alpha1"], "MariaDB"))
      .map((t): [string, TypeModel] => [t, { role: "data", fields: servers(t), fix: {} }]),
  ),
  ...serverControls([
    ...variants("mariadb.mmontes.io", ["v1alpha1"], "Backup"),
    ...variants(
      "k8s.mariadb.com",
      ["v1alpha1"],
      ["Backup", "PhysicalBackup", "PointInTimeRecovery", "ExternalMariaDB", "MaxScale"],
    ),
  ]),
};

/**
 * The Zalando Postgres Operator's kinds (`acid.zalan.do/v1`), as objects, Patches and Lists: a
 * `postgresql` is a store of data, whose environment may send its WAL archive and logs elsewhere
 * than the operator's configuration does, whose change streams leave through an event sink and
 * whose pods mount its additional volumes; an OperatorConfiguration a control of where every
 * database's WAL, logical backups and logs go. Their destination fields are paths/backups.ts's.
 * Custom resources, listed by `customResourceTypes`.
 */
export const zalandoPostgres: TypeTable = {
  ...Object.fromEntries(
    variants("acid.zalan.do", ["v1"], "postgresql").map((t): [string, TypeModel] => [
      t,
      { role: "data", fields: servers(t), fix: {} },
    ]),
  ),
  ...serverControls(variants("acid.zalan.do", ["v1"], "OperatorConfiguration")),
};

/**
 * The Redis operator's servers (`redis.redis.opstreelabs.in`: Redis, RedisCluster and
 * RedisReplication of `v1beta2` and `v1beta1`, RedisSentinel of `v1beta2`), as objects, Patches and
 * Lists: stores of data that replicate only among their own pods (a Sentinel watches a
 * RedisReplication of its namespace), whose pods mount the volumes they list — their destination
 * fields, paths/kubernetes.ts `volumeSources`. A configuration of their own (a ConfigMap of
 * `redis.conf` lines) is read where the ConfigMap is. Custom resources, listed by
 * `customResourceTypes`.
 */
export const redisServers: TypeTable = Object.fromEntries(
  [
    ...variants(
      "redis.redis.opstreelabs.in",
      ["v1beta2", "v1beta1"],
      ["Redis", "RedisCluster", "RedisReplication"],
    ),
    ...variants("redis.redis.opstreelabs.in", ["v1beta2"], "RedisSentinel"),
  ].map((t): [string, TypeModel] => [t, { role: "data", fields: servers(t), fix: {} }]),
);

/**
 * Elastic Cloud on Kubernetes (ECK): an Elasticsearch (`elasticsearch.k8s.elastic.co` `v1`,
 * `v1beta1`), a store of data replicated only among its own node sets, and the Kibana, APM Server,
 * Beats, Elastic Agents, Logstash, Enterprise Search and Elastic Maps Server
 * (`kibana.k8s.elastic.co`, `apm.k8s.elastic.co`, `enterprisesearch.k8s.elastic.co` `v1`,
 * `v1beta1`; `beat.k8s.elastic.co/v1beta1`; `agent.k8s.elastic.co`, `logstash.k8s.elastic.co`,
 * `maps.k8s.elastic.co` `v1alpha1`) that read and ship to it, as objects, Patches and Lists. The
 * operator runs their pods from the pod templates they hold (paths/kubernetes.ts
 * `operatorPodSpecsOf`), whose volumes are their destination fields, whose egress is their
 * namespace's to deny and whose host ports and network kubernetes-service-exposure judges; it
 * makes an HTTP Service (and an Elasticsearch's transport Service) as `spec.http.service` says,
 * and a Logstash's Services as `spec.services[].service` say, each judged as a Service
 * (policy/kubernetes.ts `eckServices`). A cluster it names by reference (`elasticsearchRef`,
 * `elasticsearchRefs`, `remoteClusters`) is one of ECK's in the cluster; one its configuration —
 * a Beat's, an Agent's or a Logstash pipeline's outputs — or a referenced Secret names by host is
 * reached by its pods, whose egress the namespace's NetworkPolicies govern.
 * Custom resources, listed by `customResourceTypes`.
 */
export const elasticStack: TypeTable = Object.fromEntries([
  ...eckStores.map((t): [string, TypeModel] => [t, { role: "data", fields: servers(t), fix: {} }]),
  ...eckWorkloads.map((t): [string, TypeModel] => [
    t,
    { role: "workload", fields: servers(t), fix: {} },
  ]),
]);

/**
 * Strimzi's Kafka kinds that name where records go (`kafka.strimzi.io` `v1beta2`, `v1`), as
 * objects, Patches and Lists: a Kafka is a store of data (its tiered storage a destination), a
 * KafkaMirrorMaker2, KafkaBridge, KafkaConnect or KafkaConnector a control of where records are
 * copied, produced or written, each with the destination fields of paths/streaming.ts. Custom resources, listed by
 * `customResourceTypes`.
 */
export const kafkaStreams: TypeTable = {
  ...Object.fromEntries(
    variants("kafka.strimzi.io", ["v1beta2", "v1"], "Kafka").map((t): [string, TypeModel] => [
      t,
      { role: "data", fields: servers(t), fix: {} },
    ]),
  ),
  ...serverControls(
    variants(
      "kafka.strimzi.io",
      ["v1beta2", "v1"],
      ["KafkaMirrorMaker2", "KafkaBridge", "KafkaConnect", "KafkaConnector"],
    ),
  ),
};

/**
 * OpenShift's log forwarders (`logging.openshift.io/v1` and `observability.openshift.io/v1`
 * ClusterLogForwarders), as objects, Patches and Lists: controls of where the cluster's collector
 * sends its logs, with each output as a destination field (paths/log-forwarding.ts). Custom
 * resources, listed by `customResourceTypes`.
 */
export const logForwarders: TypeTable = serverControls(
  ["logging.openshift.io", "observability.openshift.io"].flatMap((group) =>
    variants(group, ["v1"], "ClusterLogForwarder"),
  ),
);

/** A row whose edges no named policy owns: a store of data, or a control read by others. */
const data: TypeModel = { role: "data", fix: {} };

/**
 * Rows of these kinds with this role and no fields: what they are to the flow of data, judged by
 * a policy's own code.
 */
function rows(role: Role, kinds: readonly string[]): TypeTable {
  return Object.fromEntries(kinds.map((t) => [t, { role, fix: {} }]));
}

/** Rows of these kinds whose edges no named policy owns, each a control read by others. */
function controls(kinds: readonly string[]): TypeTable {
  return rows("control", kinds);
}

/**
 * The NetworkPolicies of every version, with their Lists and Patches: controls of the pods they
 * select. kubernetes-egress judges each egress rule by its own code (policy/kubernetes.ts
 * `judgeEgress`): a rule without `to` allows every address, and an ipBlock is judged with the
 * rule's protocols and ports against the egress allowlist — a verdict on a rule as a whole, which
 * no field's value alone can give. kubernetes-namespace-egress reads each one's default-deny, a
 * List's entries included. The workloads' and namespaces' rows read the networking.k8s.io/v1
 * objects (index) as the egress their pods may take.
 */
export const networkPolicies: TypeTable = controls([
  ...variants("networking.k8s.io", ["v1"], "NetworkPolicy"),
  ...variants("extensions", ["v1beta1"], "NetworkPolicy"),
]);

/**
 * The CNI plugins' network policies — Cilium's (namespaced and clusterwide) and Calico's
 * (namespaced and global, of its API server's group and its CRDs') — with their Lists and
 * Patches: controls of the pods they select, read as the NetworkPolicies they amount to
 * (paths/kubernetes.ts `cniAsNetworkPolicies`). kubernetes-egress judges each egress rule by its
 * own code, as a NetworkPolicy's, its DNS names and patterns included (Cilium's `toFQDNs`,
 * Calico's `domains`); kubernetes-namespace-egress and the workloads' and namespaces' rows read
 * their default deny and the egress they allow.
 */
export const cniPolicies: TypeTable = serverControls([...cniPolicyTypes]);

/** The CNI policy types, for the index of the policies each namespace's pods are under. */
const cniKinds = [...cniPolicyTypes];

/**
 * The StorageClasses, with their Lists and Patches: they decide where the provisioner creates the
 * volume of every claim of the class, and hold no data themselves. kubernetes-egress judges the
 * provisioner and its parameters together (policy/kubernetes.ts `judgeStorageClass`): which
 * parameters name a place depends on the provisioner that reads them, and a provisioner or
 * parameter the pack does not know fails — no field's value alone says where.
 */
export const storageClasses: TypeTable = rows(
  "other",
  variants("storage.k8s.io", ["v1", "v1beta1"], "StorageClass"),
);

/**
 * The ControllerRevisions, with their Lists and Patches: each keeps the pod template a rollback
 * applies to its DaemonSet or StatefulSet, and runs no pod itself. kubernetes-egress judges the
 * template's volumes as the owner's (their destination fields, paths/kubernetes.ts) and, in the
 * same pass, `data` that is no template it can read (policy/kubernetes.ts `judgeRevision`): a row
 * with the volumes' fields would hand the kind to the view, which reads only those values.
 */
export const controllerRevisions: TypeTable = rows(
  "other",
  variants("apps", ["v1", "v1beta1", "v1beta2"], "ControllerRevision"),
);

/**
 * Kyverno's ClusterPolicies and Policies (`kyverno.io` `v1`, `v2beta1`), with their Lists and
 * Patches: admission controls whose rules validate, mutate or generate the objects they match.
 * kubernetes-egress judges their rules by code (policy/kubernetes.ts `judgeKyvernoPolicy`): a
 * rule that mutates or generates objects the pack judges (anything but kinds that carry no pod
 * spec, volume or egress) rewrites or creates them after the pack has judged the plan, and a
 * context that calls a service sends it the request's object. Custom resources, listed by
 * `customResourceTypes`.
 */
export const kyvernoPolicies: TypeTable = controls(
  variants("kyverno.io", ["v1", "v2beta1"], ["ClusterPolicy", "Policy"]),
);

/**
 * Kyverno's ClusterCleanupPolicies and CleanupPolicies (`kyverno.io` `v2`, `v2beta1`) and its
 * GlobalContextEntries (`v2`, `v2beta1`, `v2alpha1`), with their Lists and Patches: a cleanup
 * policy deletes the objects it matches on a schedule, a global context entry keeps data for the
 * policies to read. kubernetes-egress judges the services they call by code (policy/kubernetes.ts
 * `judgeKyvernoCleanup`, `judgeKyvernoGlobalContext`): a cleanup policy's context sends each
 * matched object's data to its service, a global context entry's POST its call's data. Custom
 * resources, listed by `customResourceTypes`.
 */
/**
 * Kyverno's CEL policies (`policies.kyverno.io` `v1`, `v1beta1`, `v1alpha1`), cluster-wide and
 * namespaced, with their Lists and Patches. kubernetes-egress judges them by code
 * (policy/kubernetes.ts `judgeKyvernoCel`): the services their expressions call through the HTTP
 * library, what a MutatingPolicy rewrites and what a GeneratingPolicy creates. Custom resources,
 * listed by `customResourceTypes`.
 */
export const kyvernoCelPolicies: TypeTable = controls([
  ...variants(
    "policies.kyverno.io",
    ["v1", "v1beta1", "v1alpha1"],
    [
      "ValidatingPolicy",
      "ImageValidatingPolicy",
      "MutatingPolicy",
      "GeneratingPolicy",
      "DeletingPolicy",
    ],
  ),
  ...variants(
    "policies.kyverno.io",
    ["v1", "v1beta1"],
    [
      "NamespacedValidatingPolicy",
      "NamespacedImageValidatingPolicy",
      "NamespacedMutatingPolicy",
      "NamespacedGeneratingPolicy",
      "NamespacedDeletingPolicy",
    ],
  ),
]);

export const kyvernoServiceCalls: TypeTable = controls([
  ...variants("kyverno.io", ["v2", "v2beta1"], ["CleanupPolicy", "ClusterCleanupPolicy"]),
  ...variants("kyverno.io", ["v2", "v2beta1", "v2alpha1"], "GlobalContextEntry"),
]);

/**
 * The mutating admission policies and their bindings, with their Lists and Patches: admission
 * controls that rewrite the objects they match after the pack has judged them, by CEL the pack
 * cannot evaluate. kubernetes-egress judges their resource rules as a set (policy/kubernetes.ts
 * `judgeMutatingPolicy`): they pass only when they match nothing but resources that carry no pod
 * spec, volume or egress — a verdict on what they match, not on a value naming a place.
 */
export const mutatingAdmissionPolicies: TypeTable = controls(
  ["MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding"].flatMap((kind) =>
    variants("admissionregistration.k8s.io", ["v1", "v1alpha1", "v1beta1"], kind),
  ),
);

/**
 * The Services kubernetes-service-exposure judges with their cluster (policy/kubernetes.ts: the
 * cluster's cloud decides which annotation makes a load balancer internal, its nodes whether a
 * NodePort faces the internet), with their List and Patch. The workloads' rows read the Services
 * (index) as the public load balancers in front of their pods, which that policy reports.
 */
export const services: TypeTable = controls(variants("core", ["v1"], "Service"));

/**
 * The Ingresses of every API version, with their Lists and Patches (a patch can set the class or
 * the scheme), which kubernetes-service-exposure judges with their cluster's cloud and ALB config;
 * the services their controller sends requests to (an NGINX external authentication service or
 * request mirror) are kubernetes-egress's destination fields.
 */
export const ingresses: TypeTable = serverControls([
  ...variants("networking.k8s.io", ["v1", "v1beta1"], "Ingress"),
  ...variants("extensions", ["v1beta1"], "Ingress"),
]);

/**
 * Traefik's routes (`IngressRoute`, `IngressRouteTCP`, `IngressRouteUDP` of Traefik 3's
 * `traefik.io` and Traefik 2's `traefik.containo.us`), with their Lists and Patches: Traefik serves them as it
 * serves Ingresses, so kubernetes-service-exposure judges them by the Traefik that serves them.
 */
export const traefikRoutes: TypeTable = controls(
  ["traefik.io", "traefik.containo.us"].flatMap((group) =>
    variants(group, ["v1alpha1"], ["IngressRoute", "IngressRouteTCP", "IngressRouteUDP"]),
  ),
);

/**
 * The Gateway API's Gateways and GatewayClasses (`gateway.networking.k8s.io` `v1`, `v1beta1`), with
 * their Lists and Patches: controls of how the cluster's traffic comes in, which
 * kubernetes-service-exposure judges by their class (a controller that serves them from a
 * vendor's network, policy/kubernetes.ts) and by the Service or load balancer their implementation
 * makes for each Gateway (paths/gateways.ts); the routes they serve are rows of the Kubernetes
 * table. Custom resources,
 * listed by `customResourceTypes`.
 */
export const gateways: TypeTable = controls(
  variants("gateway.networking.k8s.io", ["v1", "v1beta1"], ["Gateway", "GatewayClass"]),
);

/**
 * The custom resources whose operator makes Services of its own from them, which
 * kubernetes-service-exposure judges as the Services they are (policy/kubernetes.ts
 * `operatorServices`): Strimzi's Kafka (`kafka.strimzi.io` `v1beta2`, `v1`) for its listeners of
 * type loadbalancer and nodeport, CloudNativePG's Cluster (`postgresql.cnpg.io/v1`) for its
 * additional managed Services, the MariaDB operator's MariaDB and MaxScale for the Services they
 * configure, Zalando's `postgresql` for the load balancers it enables, the Redis operator's
 * servers for the Service their `kubernetesConfig.service` asks for, ECK's kinds for their HTTP
 * (and transport) Services and the host ports of their pods, and Skupper's Site (its link access),
 * RouterAccess and SecuredAccess for the Service its controller makes by the access type. Their rows are the data tables'
 * (kafkaStreams, databaseArchives, mariadbOperator, zalandoPostgres, redisServers, elasticStack).
 */
export const operatorServiceKinds: Readonly<
  Record<
    string,
    | "strimzi-kafka"
    | "cnpg-cluster"
    | "mariadb"
    | "maxscale"
    | "zalando-postgresql"
    | "redis"
    | "eck"
    | "skupper"
  >
> = {
  ...Object.fromEntries(
    variants("acid.zalan.do", ["v1"], "postgresql").map((t) => [t, "zalando-postgresql"]),
  ),
  ...Object.fromEntries(
    variants("kafka.strimzi.io", ["v1beta2", "v1"], "Kafka").map((t) => [t, "strimzi-kafka"]),
  ),
  ...Object.fromEntries(
    variants("postgresql.cnpg.io", ["v1"], "Cluster").map((t) => [t, "cnpg-cluster"]),
  ),
  ...Object.fromEntries(
    ["k8s.mariadb.com", "mariadb.mmontes.io"]
      .flatMap((group) => variants(group, ["v1alpha1"], "MariaDB"))
      .map((t) => [t, "mariadb"]),
  ),
  ...Object.fromEntries(
    variants("k8s.mariadb.com", ["v1alpha1"], "MaxScale").map((t) => [t, "maxscale"]),
  ),
  ...Object.fromEntries(Object.keys(redisServers).map((t) => [t, "redis"])),
  ...Object.fromEntries(Object.keys(elasticStack).map((t) => [t, "eck"])),
  ...Object.fromEntries(Object.keys(skupperAccess).map((t) => [t, "skupper"])),
};

/**
 * The kinds that configure the Zalando operator's load balancers for the `postgresql`s that leave
 * them unset (policy/kubernetes.ts `zalandoDefaults`): its OperatorConfiguration and its legacy
 * ConfigMap. Their rows are the data tables' (zalandoPostgres) and the kubernetes table's.
 */
export const zalandoConfigTypes: readonly string[] = [
  ...variants("acid.zalan.do", ["v1"], "OperatorConfiguration").filter((t) => !t.endsWith("Patch")),
  "kubernetes:core/v1:ConfigMap",
  "kubernetes:core/v1:ConfigMapList",
];

/** The custom kinds whose operator runs pods in the resource's own namespace (paths/pod-kinds.ts). */
export { operatorPodKinds } from "../pod-kinds";

/**
 * The rows each Kubernetes policy judges by its own code (policy/kubernetes.ts) rather than by
 * fields, as the coverage report lists them. Every other row kubernetes-egress judges declares
 * the servers it reads as `destination` fields.
 */
export const judgedByCode: Readonly<
  Record<"kubernetes-egress" | "kubernetes-service-exposure", readonly string[]>
> = {
  "kubernetes-egress": [
    networkPolicies,
    cniPolicies,
    storageClasses,
    controllerRevisions,
    mutatingAdmissionPolicies,
    kyvernoPolicies,
    kyvernoServiceCalls,
    kyvernoCelPolicies,
  ].flatMap((t) => Object.keys(t)),
  // Services, Ingresses (Traefik's routes too) and Gateways with their cluster (and the parameters
  // a Gateway's Service is made from); every workload kind (its objects, Patches and Lists) whose pods may open ports
  // on their nodes (hostPort, hostNetwork).
  "kubernetes-service-exposure": [
    ...[
      services,
      ingresses,
      traefikRoutes,
      gateways,
      gatewayParameters,
      operatorServiceKinds,
    ].flatMap((t) => Object.keys(t)),
    ...Object.keys(podTemplates),
    ...Object.keys(podTemplates)
      .filter((t) => !t.endsWith("Patch"))
      .map((t) => `${t}List`),
  ],
};

export const kubernetes: TypeTable = {
  [namespaceType]: namespace,
  ...workloadRows,
  // An EKS cluster is drawn in its node network; ACK clusters and node pools, whose exits
  // internet-egress judges, are the egress table's.
  // Its API server, which holds every secret of the cluster, is public-exposure's.
  // Hybrid nodes run the cluster's pods, and their data, in the on-premises networks
  // remoteNetworkConfig names: sites that must be allowlisted (remote-sites).
  "aws:eks/cluster:Cluster": withExposure(
    withPolicyFields(
      eksCluster,
      "remote-sites",
      "Run hybrid nodes only in on-premises networks inside the jurisdiction, and add them to the egress allowlist.",
      ...["remoteNodeNetworks", "remotePodNetworks"].map((networks) =>
        edgesOf("remote-sites", "attachment").siteIp(
          `remoteNetworkConfig.${networks}.cidrs[]`,
          "runs hybrid nodes and their pods in",
        ),
      ),
    ),
    "Set vpcConfig.endpointPublicAccess to false (with endpointPrivateAccess true) and reach the API server from inside the VPC.",
    exposed("vpcConfig.endpointPublicAccess", { reads: eksEndpoint }, "", controlPlane),
  ),
  [claims]: data,
  ...persistentVolumes,
  ...serverRows,
  ...prometheusOperator,
  ...serviceMesh,
  ...openTelemetry,
  ...secretStores,
  ...secretProviderClasses,
  ...traefikMiddlewares,
  ...gatewayRoutes,
  ...fluxProviders,
  ...datadogAgents,
  ...kedaEventSources,
  ...interconnects,
  ...gatewayParameters,
  ...envoyGatewayPolicies,
  ...kongPlugins,
  ...skupperAccess,
  ...knativeEventing,
  ...backupLocations,
  ...databaseArchives,
  ...logForwarders,
  ...mariadbOperator,
  ...kafkaStreams,
  ...zalandoPostgres,
  ...redisServers,
  ...elasticStack,
  ...networkPolicies,
  ...cniPolicies,
  ...storageClasses,
  ...controllerRevisions,
  ...mutatingAdmissionPolicies,
  ...kyvernoPolicies,
  ...kyvernoServiceCalls,
  ...kyvernoCelPolicies,
  ...services,
  ...ingresses,
  ...traefikRoutes,
  ...gateways,
};
