/**
 * How Kubernetes objects are read, once, for the per-resource policies, the stack policies and
 * the border analysis alike: where a workload keeps its pod template, which namespace (of which
 * cluster) an object lives in, and what a NetworkPolicy selects and restricts.
 *
 * NetworkPolicy semantics from the SDK docs: pods that no Egress policy selects have
 * unrestricted egress; a selected pod may reach the union of its policies' rules; a rule without
 * `to` reaches everything; an empty pod selector selects every pod of the namespace.
 */
import { parse } from "tldts";
import {
  describeEdgeZone,
  edgeZoneInJurisdiction,
  edgeZoneOf,
  unlistedEdgeZone,
} from "../../residency/edge-zones";
import {
  type Cloud,
  getJurisdiction,
  type Jurisdiction,
  regionInJurisdiction,
} from "../../residency/jurisdictions";
import { isSiteCluster, type SiteCluster } from "../../residency/clusters";
import {
  accelerationNetworkOf,
  cloudOf,
  describePlace,
  hostOf,
  regionOfEndpoint,
} from "../../residency/placement";
import type { BorderResource } from "./model";
import type { EgressAllowEntry } from "../framework";
import {
  allowlistEntryAt,
  coversEveryAddress,
  type Flow,
  isPrivateCidr,
  flowProtocol,
  parseCidr,
  reachOfAddress,
} from "./addresses";
import { locate, serverPlace } from "./places";
import {
  clusterComponentTypes,
  clusterTypes,
  kubernetesProviderType,
  type Resolver,
} from "./resolver";
import { operatorDestinations, operatorFields } from "./operators";
import { clusterPolicyAsNetworkPolicies, clusterPolicyTypes } from "./cluster-policies";
import { variants } from "./variants";
import {
  documentInText,
  isTrue,
  isUnknown,
  jsonDocument,
  str,
  unknown,
  valueAt,
  valuesAt,
} from "./values";

export const networkPolicyTypes: ReadonlySet<string> = new Set([
  "kubernetes:networking.k8s.io/v1:NetworkPolicy",
  "kubernetes:networking.k8s.io/v1:NetworkPolicyPatch",
  "kubernetes:extensions/v1beta1:NetworkPolicy",
  "kubernetes:extensions/v1beta1:NetworkPolicyPatch",
]);

/** The kind a List or Patch type carries: `…:DeploymentList` → `…:Deployment`. */
export function baseKind(type: string): string {
  // Asked for every resource the Kubernetes policies see: no pattern to run for most of them.
  const suffix = type.endsWith("List") ? 4 : type.endsWith("Patch") ? 5 : 0;
  return suffix === 0 ? type : type.slice(0, -suffix);
}

export { variants } from "./variants";

/** Whether a type is the List of some kind: its objects are the entries of `items`. */
export function isListType(type: string): boolean {
  return type.endsWith("List");
}

/**
 * Cilium's network policies (`cilium.io/v2`): a CiliumNetworkPolicy governs pods of its
 * namespace, a CiliumClusterwideNetworkPolicy pods of every namespace of its cluster. Each holds
 * one rule (`spec`) or several (`specs`); a rule's `endpointSelector` picks the pods, and once a
 * rule with `egress` or `egressDeny` selects a pod, the pod may send only where some rule allows
 * (Cilium's default deny, unless the rule sets `enableDefaultDeny.egress: false`).
 */
export const ciliumPolicyTypes: ReadonlySet<string> = new Set(
  variants("cilium.io", ["v2"], ["CiliumNetworkPolicy", "CiliumClusterwideNetworkPolicy"]),
);

/**
 * Calico's network policies (`projectcalico.org/v3` through its API server, and the
 * `crd.projectcalico.org/v1` resources behind it): a NetworkPolicy governs endpoints of its
 * namespace, a GlobalNetworkPolicy endpoints of every namespace. Once a policy of `types` Egress
 * selects an endpoint, the endpoint may send only what some policy's rule allows (the end of the
 * tier denies the rest).
 */
export const calicoPolicyTypes: ReadonlySet<string> = new Set([
  ...variants("projectcalico.org", ["v3"], ["NetworkPolicy", "GlobalNetworkPolicy"]),
  ...variants("crd.projectcalico.org", ["v1"], ["NetworkPolicy", "GlobalNetworkPolicy"]),
]);

/**
 * The network policies beside Kubernetes' own that the pack reads as NetworkPolicies: the CNI
 * plugins' (Cilium's, Calico's) and the cluster-wide ones of SIG Network's network-policy-api
 * (paths/cluster-policies.ts), which network plugins implement.
 */
export const cniPolicyTypes: ReadonlySet<string> = new Set([
  ...ciliumPolicyTypes,
  ...calicoPolicyTypes,
  ...clusterPolicyTypes,
]);

/** Whether such a policy governs every namespace of its cluster. */
export function isClusterwidePolicy(type: string): boolean {
  return (
    /:(CiliumClusterwideNetworkPolicy|GlobalNetworkPolicy)(List|Patch)?$/.test(type) ||
    clusterPolicyTypes.has(type)
  );
}

/** Whether a clusterwide policy (read as a NetworkPolicy) governs the pods of `namespace`. */
export function governsNamespace(policy: BorderResource, namespace: string): boolean {
  const left = valueAt(policy.props, "spec.exceptNamespaces");
  const only = valueAt(policy.props, "spec.onlyNamespaces");
  return (
    (!Array.isArray(left) || !left.includes(namespace)) &&
    (!Array.isArray(only) || only.includes(namespace))
  );
}

/** A CNI plugin's policy read as the NetworkPolicies it amounts to for egress. */
export function cniAsNetworkPolicies(r: BorderResource, prefix = ""): BorderResource[] {
  return clusterPolicyTypes.has(r.type)
    ? clusterPolicyAsNetworkPolicies(r, prefix)
    : calicoPolicyTypes.has(r.type)
      ? calicoAsNetworkPolicies(r, prefix)
      : ciliumAsNetworkPolicies(r, prefix);
}

/** How an egress rule of a CNI plugin's policy with no peer reads: every destination. */
export function cniNoPeer(type: string): string {
  if (clusterPolicyTypes.has(type)) {
    return "names no peer (to), which the pack reads as every destination, in any country";
  }
  return calicoPolicyTypes.has(type)
    ? "allows traffic with no destination nets, selector, services or domains, which allows every destination, in any country"
    : "names no peer (toEndpoints, toEntities, toCIDR, toCIDRSet, toFQDNs, toServices, toNodes, toGroups), which allows every destination, in any country";
}

/** A Calico selector that picks every endpoint: `all()`, or none written. */
function calicoSelectsAll(selector: unknown): boolean {
  return (
    selector === undefined ||
    (typeof selector === "string" && /^\s*(all\(\s*\))?\s*$/.test(selector))
  );
}

/**
 * The namespaces a global policy's selector leaves out when it picks every endpoint but theirs
 * — `projectcalico.org/namespace not in {'kube-system', 'calico-system'}` or `… != 'kube-system'`,
 * the usual form of a cluster's default deny, or its namespace selector's `projectcalico.org/name`
 * or `kubernetes.io/metadata.name not in {…}` — else undefined.
 */
function calicoNamespacesLeftOut(selector: unknown): string[] | undefined {
  if (typeof selector !== "string") {
    return undefined;
  }
  const quoted = /^\s*(?:'([^']*)'|"([^"]*)")\s*$/;
  // The namespace of an endpoint (a selector's), or a namespace's own name (a namespace
  // selector's).
  const key = String.raw`(?:projectcalico\.org\/(?:namespace|name)|kubernetes\.io\/metadata\.name)`;
  const notIn = new RegExp(String.raw`^\s*${key}\s+not\s+in\s*\{(.*)\}\s*$`).exec(selector);
  const notEqual = new RegExp(String.raw`^\s*${key}\s*!=(.*)$`).exec(selector);
  const list = notIn?.[1].split(",") ?? (notEqual === null ? undefined : [notEqual[1]]);
  const names = list?.map((n) => quoted.exec(n));
  return names !== undefined && names.every((m) => m !== null)
    ? names.map((m) => (m as RegExpExecArray)[1] ?? (m as RegExpExecArray)[2])
    : undefined;
}

/**
 * A Calico rule's destination ports as a NetworkPolicy rule's `ports`: each a number, a range
 * (`"8000:8100"`) or a named port (any port), with the rule's protocol (every protocol unset).
 */
function calicoPorts(rule: unknown): unknown[] | undefined {
  const protocol = valueAt(rule, "protocol");
  const ports = valueAt(rule, "destination.ports");
  if (isUnknown(protocol) || isUnknown(ports)) {
    return [unknown];
  }
  const proto = protocol === undefined ? "all" : protocol;
  if (!Array.isArray(ports) || ports.length === 0) {
    return protocol === undefined ? undefined : [{ protocol: proto }];
  }
  return ports.map((p) => {
    if (isUnknown(p)) {
      return unknown;
    }
    const range = typeof p === "string" ? /^(\d+):(\d+)$/.exec(p.trim()) : null;
    if (range !== null) {
      return { protocol: proto, port: Number(range[1]), endPort: Number(range[2]) };
    }
    const number = typeof p === "string" && /^\d+$/.test(p.trim()) ? Number(p) : p;
    return typeof number === "number" ? { protocol: proto, port: number } : { protocol: proto };
  });
}

/**
 * A Calico policy read as the NetworkPolicy it amounts to for egress: its selector (`all()`
 * picks every endpoint of the namespace; any other expression some of them), restricting egress
 * where its `types` say (unset: where it has egress rules), with a rule per Allow or Pass rule —
 * a Pass hands the traffic to the next tier, which may allow it, so it is read as an allow; a
 * Deny or Log rule allows nothing. A destination's `nets` are blocks, its `notNets` every address
 * but some (read as every address), its selectors, service accounts and services endpoints of the
 * cluster, and its `domains` host names (Calico's DNS policy); with none, the rule allows every
 * destination. Each rule and peer keeps its path in the object (`at`).
 */
export function calicoAsNetworkPolicies(r: BorderResource, prefix = ""): BorderResource[] {
  const at = `${prefix}spec`;
  const spec = valueAt(r.props, "spec");
  const metadata = valueAt(r.props, "metadata");
  if (isUnknown(spec)) {
    return [
      {
        ...r,
        props: {
          metadata,
          spec: { podSelector: unknown, policyTypes: ["Egress"], egress: [{ at, to: [unknown] }] },
        },
      },
    ];
  }
  const selector = valueAt(spec, "selector");
  const namespaces = valueAt(spec, "namespaceSelector");
  const accounts = valueAt(spec, "serviceAccountSelector");
  const types = valueAt(spec, "types");
  const egress = valueAt(spec, "egress");
  const tier = valueAt(spec, "tier");
  // A policy for host endpoints (doNotTrack, preDNAT, applyOnForward) governs no pod; one of a
  // tier but the default may pass what it does not match on to the next tier.
  const hostOnly = ["doNotTrack", "preDNAT", "applyOnForward"].some((k) => {
    const v = valueAt(spec, k);
    return v === true || isUnknown(v);
  });
  const otherTier = tier !== undefined && tier !== "default";
  // A setting not known at preview denies nothing the pack can count on: the namespace stays
  // open (and the rule not known is kubernetes-egress's undecided finding).
  const restricts =
    ![types, egress, tier].some(isUnknown) &&
    !hostOnly &&
    !otherTier &&
    (Array.isArray(types)
      ? types.some((t) => t === "Egress")
      : Array.isArray(egress) && egress.length > 0);
  // A global policy may pick every endpoint but those of some namespaces, by its selector or
  // its namespace selector.
  const global = isClusterwidePolicy(r.type);
  const leftBySelector = global ? calicoNamespacesLeftOut(selector) : undefined;
  const leftByNamespace =
    global && namespaces !== undefined ? calicoNamespacesLeftOut(namespaces) : undefined;
  const leftOut =
    leftBySelector !== undefined || leftByNamespace !== undefined
      ? [...(leftBySelector ?? []), ...(leftByNamespace ?? [])]
      : undefined;
  const everyEndpoint =
    (calicoSelectsAll(selector) || leftBySelector !== undefined) &&
    (namespaces === undefined || calicoSelectsAll(namespaces) || leftByNamespace !== undefined) &&
    (accounts === undefined || calicoSelectsAll(accounts));
  const podSelector = [selector, namespaces, accounts].some(isUnknown)
    ? unknown
    : everyEndpoint
      ? {}
      : // An expression the pods' labels are not read against: it may select some of them.
        { matchExpressions: [{ key: String(selector), operator: "Selects" }] };
  // Calico applies the first rule that matches: once a Deny has shut every address outside the
  // cluster, the rules after it reach the cluster only.
  let shut = false;
  const rules = valuesAt(spec, "egress[]").flatMap(({ path, value: e }) => {
    const ruleAt = `${at}.${path}`;
    const action = valueAt(e, "action");
    const destination = valueAt(e, "destination");
    if (isUnknown(e) || isUnknown(action) || isUnknown(destination)) {
      return [{ at: ruleAt, to: [unknown] }];
    }
    if (String(action ?? "").toLowerCase() === "deny" && calicoShutsOutside(e)) {
      shut = true;
    }
    if (!["allow", "pass"].includes(String(action ?? "").toLowerCase())) {
      return [];
    }
    const to: unknown[] = [];
    const peer = peersOf(destination, `${ruleAt}.destination`, to);
    peer("nets", (cidr) => ({ ipBlock: { cidr } }));
    // Every address but the blocks listed: one opening, however many blocks it leaves out.
    const notNets = valueAt(destination, "notNets");
    if (isUnknown(notNets)) {
      to.push(unknown);
    } else if (Array.isArray(notNets) && notNets.length > 0) {
      to.push({ ipBlock: { cidr: "0.0.0.0/0" }, at: `${ruleAt}.destination.notNets` });
    }
    peer("domains", (name) =>
      typeof name === "string" && name.includes("*")
        ? { fqdn: { matchPattern: name } }
        : { fqdn: { matchName: name } },
    );
    // Selectors, service accounts and services name endpoints of the cluster, unless the rule's
    // nets already narrow them (the fields of a destination all apply) — but `global()` selects
    // the global network sets, whose blocks live in objects the pack does not read.
    const destSelector = valueAt(destination, "selector");
    const inCluster = ["selector", "namespaceSelector", "serviceAccounts", "services"].filter(
      (k) => valueAt(destination, k) !== undefined,
    );
    if (to.length === 0 && /global\(\s*\)/.test(String(destSelector ?? ""))) {
      to.push({
        unread: {
          what: `the global network sets its selector ${JSON.stringify(destSelector)} picks`,
          fix: "List the blocks in the rule's destination nets from the egress allowlist",
        },
        at: `${ruleAt}.destination.selector`,
      });
    } else if (to.length === 0 && inCluster.length > 0) {
      to.push({ podSelector: {}, at: `${ruleAt}.destination.${inCluster[0]}` });
    }
    return cniRule(ruleAt, to, calicoPorts(e), shut);
  });
  return [
    {
      ...r,
      props: {
        metadata,
        spec: {
          podSelector,
          policyTypes: restricts ? ["Egress"] : [],
          egress: rules,
          ...(leftOut === undefined ? {} : { exceptNamespaces: leftOut }),
        },
      },
    },
  ];
}

/**
 * Whether a Calico Deny rule matches every packet to an address outside the cluster: no protocol,
 * IP version, ICMP, HTTP or source narrowing it, and a destination that is every address (none
 * written) or whose only setting is `nets` holding both `0.0.0.0/0` and `::/0`.
 */
function calicoShutsOutside(rule: unknown): boolean {
  const narrowing = ["protocol", "notProtocol", "ipVersion", "icmp", "notICMP", "http", "source"];
  if (narrowing.some((k) => valueAt(rule, k) !== undefined)) {
    return false;
  }
  const destination = valueAt(rule, "destination");
  if (destination === undefined) {
    return true;
  }
  if (
    typeof destination !== "object" ||
    destination === null ||
    Object.keys(destination).some((k) => k !== "nets")
  ) {
    return false;
  }
  return coversEveryAddress(valuesAt(destination, "nets[]").map((n) => n.value));
}

/**
 * How a finding names the place in an object a destination was read at: the path, except that a
 * field read at the object's `kind` — a destination the kind itself makes, whatever the object
 * says (a Skupper AccessGrant's, a Submariner gateway's) — names the object: "it", or a List's
 * entry (`items[2]`).
 */
export function destinationSubject(path: string): string {
  return path === "kind" ? "it" : path.endsWith(".kind") ? path.slice(0, -".kind".length) : path;
}

/**
 * A CNI plugin's allow rule as a NetworkPolicy's egress rules: its peers (none: every address)
 * and ports. Where a deny that comes first has shut every address outside the cluster
 * (`shut`), only the rule's peers in the cluster are left — every address becomes the
 * cluster's, a peer outside nothing, and a rule left with no peer allows nothing.
 */
function cniRule(at: string, to: unknown[], ports: unknown[] | undefined, shut: boolean) {
  const withPorts = ports === undefined ? {} : { ports };
  if (!shut) {
    return [{ at, ...(to.length > 0 ? { to } : {}), ...withPorts }];
  }
  const inside =
    to.length === 0
      ? [{ podSelector: {}, at }]
      : to.filter((t) => t !== unknown && valueAt(t, "podSelector") !== undefined);
  return inside.length === 0 ? [] : [{ at, to: inside, ...withPorts }];
}

/**
 * A collector of a CNI rule's peers into `to`: each item of the list at `key` of `holder`, made
 * into a NetworkPolicy peer by `make` (or the unknown marker, itself or its list not known at
 * preview), with the path it has in its object (`at`).
 */
function peersOf(holder: unknown, at: string, to: unknown[]) {
  return (key: string, make: (v: unknown) => unknown): void => {
    if (isUnknown(valueAt(holder, key))) {
      to.push(unknown);
      return;
    }
    for (const found of valuesAt(holder, `${key}[]`)) {
      const made = isUnknown(found.value) ? unknown : make(found.value);
      to.push(made === unknown ? unknown : { ...(made as object), at: `${at}.${found.path}` });
    }
  };
}

/**
 * Cilium's entities (`toEntities`): those beyond the cluster are every address outside it, the
 * rest the cluster's own pods, nodes and API server.
 */
const ciliumWorld: Readonly<Record<string, readonly string[]>> = {
  all: ["0.0.0.0/0", "::/0"],
  world: ["0.0.0.0/0", "::/0"],
  "world-ipv4": ["0.0.0.0/0"],
  "world-ipv6": ["::/0"],
};

/**
 * Whether a Cilium rule's `egressDeny` shuts every address outside the cluster on every port —
 * an entry of no `toPorts` to the `world` or `all` entity, both of its halves, or both
 * `0.0.0.0/0` and `::/0` — so that its allow rules reach the cluster only (Cilium's deny rules
 * take precedence over its allow rules). A deny not known at preview shuts nothing the pack can
 * count on.
 */
function ciliumDeniesWorld(rule: unknown): boolean {
  const deny = valueAt(rule, "egressDeny");
  if (!Array.isArray(deny) || isUnknown(deny)) {
    return false;
  }
  return deny.some((d) => {
    if (isUnknown(d) || valueAt(d, "toPorts") !== undefined || valueAt(d, "icmps") !== undefined) {
      return false;
    }
    const entities = new Set(valuesAt(d, "toEntities[]").map((e) => e.value));
    const blocks = [
      ...valuesAt(d, "toCIDR[]").map((c) => c.value),
      ...valuesAt(d, "toCIDRSet[]")
        .filter((c) => valueAt(c.value, "except") === undefined)
        .map((c) => valueAt(c.value, "cidr")),
    ];
    return (
      entities.has("world") ||
      entities.has("all") ||
      (entities.has("world-ipv4") && entities.has("world-ipv6")) ||
      coversEveryAddress(blocks)
    );
  });
}

/** The peers of a Cilium egress rule that stay in the cluster (its endpoints, nodes, services). */
const ciliumClusterPeers = ["toServices", "toNodes", "toGroups"] as const;

/**
 * Whether a Cilium endpoint selector picks the reserved world identity (`reserved:world`, its
 * IPv4 and IPv6 halves, or `reserved:all`): every address outside the cluster, as the entity is.
 */
function ciliumWorldSelector(selector: unknown): boolean {
  const labels = valueAt(selector, "matchLabels");
  return (
    typeof labels === "object" &&
    labels !== null &&
    Object.keys(labels).some((k) => /^reserved:(world(-ipv[46])?|all)$/.test(k))
  );
}

/**
 * A clusterwide selector that picks every pod but those of some namespaces — Cilium's documented
 * default deny, `matchExpressions: [{key: io.kubernetes.pod.namespace, operator: NotIn, values:
 * [kube-system]}]` — as an empty selector and the namespaces it leaves out; any other selector
 * as it is.
 */
function ciliumNamespacesLeftOut(selector: unknown): {
  readonly selector: unknown;
  readonly namespaces?: readonly string[];
} {
  const expressions = valueAt(selector, "matchExpressions");
  const labels = valueAt(selector, "matchLabels");
  const noLabels =
    labels === undefined ||
    (typeof labels === "object" && labels !== null && Object.keys(labels).length === 0);
  if (!noLabels || !Array.isArray(expressions) || expressions.length === 0) {
    return { selector };
  }
  const namespaces: string[] = [];
  for (const e of expressions) {
    const key = str(valueAt(e, "key"))?.replace(/^(k8s|any):/, "");
    const values = valueAt(e, "values");
    if (
      key !== "io.kubernetes.pod.namespace" ||
      valueAt(e, "operator") !== "NotIn" ||
      !Array.isArray(values) ||
      !values.every((v) => typeof v === "string")
    ) {
      return { selector };
    }
    namespaces.push(...(values as string[]));
  }
  return { selector: {}, namespaces };
}

/** A Cilium selector's labels as Kubernetes writes them: `k8s:app` and `any:app` are `app`. */
function ciliumSelector(selector: unknown): unknown {
  if (selector === undefined || isUnknown(selector) || typeof selector !== "object") {
    return selector;
  }
  const s = selector as Record<string, unknown>;
  const labels = s.matchLabels;
  if (labels === undefined || isUnknown(labels) || typeof labels !== "object" || labels === null) {
    return s;
  }
  return {
    ...s,
    matchLabels: Object.fromEntries(
      Object.entries(labels).map(([k, v]) => [k.replace(/^(k8s|any):/, ""), v]),
    ),
  };
}

/** A Cilium rule's `toPorts` as a NetworkPolicy rule's `ports`: `ANY` is every protocol. */
function ciliumPorts(rule: unknown): unknown[] | undefined {
  const toPorts = valueAt(rule, "toPorts");
  if (toPorts === undefined) {
    return undefined;
  }
  if (isUnknown(toPorts)) {
    return [unknown];
  }
  const out: unknown[] = [];
  for (const { value: p } of valuesAt(rule, "toPorts[].ports[]")) {
    if (isUnknown(p)) {
      return [unknown];
    }
    const port = valueAt(p, "port");
    const end = valueAt(p, "endPort");
    const protocol = valueAt(p, "protocol");
    if ([port, end, protocol].some(isUnknown)) {
      return [unknown];
    }
    const number = typeof port === "string" && /^\d+$/.test(port) ? Number(port) : port;
    // Port 0 is every port.
    const given = number === 0 || number === undefined ? {} : { port: number };
    const span = typeof end === "number" && end > 0 ? { endPort: end } : {};
    const any = protocol === undefined || String(protocol).toUpperCase() === "ANY";
    out.push({ ...given, ...span, protocol: any ? "all" : protocol });
  }
  return out.length === 0 ? undefined : out;
}

/**
 * A Cilium policy's rules read as the NetworkPolicies they amount to for egress, so that one
 * reading judges both: each rule a policy of the object's namespace (of every namespace, for a
 * clusterwide one) whose pod selector is the rule's endpoint selector, restricting egress where
 * Cilium's default deny does, with an egress rule per Cilium egress rule. Its peers are read as
 * `ipBlock`s (blocks, and `world` as every address), in-cluster selectors (endpoints, services,
 * nodes, cloud security groups, the cluster's entities), and `fqdn`s (toFQDNs, whose hosts the
 * Cilium rows judge as destinations); a rule with no peer allows every destination, as a
 * NetworkPolicy rule without `to` does. Each rule and peer keeps the path it has in the object
 * (`at`), for the findings.
 */
export function ciliumAsNetworkPolicies(r: BorderResource, prefix = ""): BorderResource[] {
  const single = valueAt(r.props, "spec");
  const rules: Array<{ path: string; value: unknown }> = [
    ...(single === undefined ? [] : [{ path: "spec", value: single }]),
    ...valuesAt(r.props, "specs[]").map((f) => ({ path: f.path, value: f.value })),
  ];
  return rules.map(({ path, value: rule }) => {
    const at = `${prefix}${path}`;
    const egress = valueAt(rule, "egress");
    const deny = valueAt(rule, "egressDeny");
    const selector = valueAt(rule, "endpointSelector");
    const defaultDeny = valueAt(rule, "enableDefaultDeny.egress");
    // A rule without an endpoint selector is a host policy (`nodeSelector`): it governs nodes,
    // never the pods on them. Egress or egressDeny rules turn Cilium's default deny on, unless
    // the rule turns it off; `enableDefaultDeny.egress: true` turns it on by itself. A setting not
    // known at preview denies nothing the pack can count on (the rule not known is
    // kubernetes-egress's undecided finding).
    const restricts =
      ![rule, selector, egress, deny, defaultDeny].some(isUnknown) &&
      selector !== undefined &&
      (defaultDeny === true ||
        (defaultDeny !== false &&
          ((Array.isArray(egress) && egress.length > 0) ||
            (Array.isArray(deny) && deny.length > 0))));
    // A clusterwide policy may select every pod but those of some namespaces.
    const left = isClusterwidePolicy(r.type)
      ? ciliumNamespacesLeftOut(selector)
      : { selector, namespaces: undefined };
    const worldDenied = !isUnknown(rule) && ciliumDeniesWorld(rule);
    const egressRules = isUnknown(rule)
      ? [{ at, to: [unknown] }]
      : valuesAt(rule, "egress[]").flatMap(({ path: rulePath, value: e }) => {
          const ruleAt = `${at}.${rulePath}`;
          if (isUnknown(e)) {
            return [{ at: ruleAt, to: [unknown] }];
          }
          // An empty rule (`egress: [{}]`, Cilium's documented deny-all) allows nothing; one with
          // ports and no peer allows every destination on them.
          if (typeof e === "object" && e !== null && Object.keys(e).length === 0) {
            return [];
          }
          const to: unknown[] = [];
          const peer = peersOf(e, ruleAt, to);
          // An endpoint selector of Cilium's reserved world identity is every address outside.
          peer("toEndpoints", (s) =>
            ciliumWorldSelector(s) ? { ipBlock: { cidr: "0.0.0.0/0" } } : { podSelector: {} },
          );
          for (const key of ciliumClusterPeers) {
            peer(key, () => ({ podSelector: {} }));
          }
          peer("toEntities", (entity) => {
            const blocks = ciliumWorld[String(entity)];
            return blocks === undefined
              ? { podSelector: {} }
              : { ipBlock: { cidr: blocks[0] }, entity, also: blocks.slice(1) };
          });
          peer("toCIDR", (cidr) => (isUnknown(cidr) ? unknown : { ipBlock: { cidr } }));
          peer("toCIDRSet", (set) => {
            const cidr = valueAt(set, "cidr");
            const group = valueAt(set, "cidrGroupRef");
            if (isUnknown(cidr) || isUnknown(group)) {
              return unknown;
            }
            return cidr === undefined
              ? {
                  unread: {
                    what: `CiliumCIDRGroup ${JSON.stringify(group ?? "(none named)")}`,
                    fix: "List the blocks in toCIDRSet from the egress allowlist",
                  },
                }
              : { ipBlock: { cidr, except: valueAt(set, "except") } };
          });
          peer("toFQDNs", (fqdn) => ({ fqdn }));
          // A peer list not known at preview reads as one unknown peer; none at all: every address.
          return cniRule(ruleAt, to, ciliumPorts(e), worldDenied);
        });
    return {
      ...r,
      props: {
        metadata: valueAt(r.props, "metadata"),
        spec: {
          podSelector: isUnknown(rule) ? unknown : (ciliumSelector(left.selector) ?? {}),
          policyTypes: restricts ? ["Egress"] : [],
          egress: egressRules,
          ...(left.namespaces === undefined ? {} : { exceptNamespaces: left.namespaces }),
        },
      },
    };
  });
}

/**
 * The objects a resource declares, each with the path prefix its properties are found at: the
 * resource itself (prefix ""), or for a List each entry of `items` (`items[2].`), read as the
 * object it is — same provider, its own props — so every check judges a List's objects exactly
 * as it judges one. An `items` not known at preview is one object whose props are unknown.
 */
export function objectsOf<R extends Pick<BorderResource, "type" | "props">>(
  r: R,
): Array<{ readonly object: R; readonly at: string }> {
  if (!isListType(r.type)) {
    return [{ object: r, at: "" }];
  }
  // An entry not known at preview stays unknown: every check reads it as not known, failing closed.
  return valuesAt(r.props, "items[]").map((item) => ({
    object: { ...r, props: item.value as Record<string, unknown> },
    at: `${item.path}.`,
  }));
}

/** An object's map at `path` (its labels, its annotations): empty when absent or not a map. */
export function mapAt(object: unknown, path: string): Record<string, unknown> {
  const v = valueAt(object, path);
  return (v && typeof v === "object" ? v : {}) as Record<string, unknown>;
}

/** An object's `metadata.name`, else the resource's own name. */
export function objectName(r: BorderResource): string {
  return str(valueAt(r.props, "metadata.name")) ?? r.name;
}

/** A Namespace's name; one not known at preview is keyed by the Namespace resource itself. */
export function namespaceName(ns: Pick<BorderResource, "urn" | "props">): string {
  return str(valueAt(ns.props, "metadata.name")) ?? `(namespace ${ns.urn})`;
}

/** What a destination field names, and how its value is read. */
export interface DestinationField {
  /** The path inside one object (a List's are under `items[]`). */
  readonly path: string;
  /** What is there, for messages: `NFS server`, `admission webhook`. */
  readonly what: string;
  /**
   * `address`: a host or IP, with an optional port (`10.0.0.5:6789`, `[fd00::1]:3260`);
   * `addresses`: several, comma-separated; `url`: a URL whose host is the destination;
   * `outside`: a service of a cloud the pack does not place, wherever the value points;
   * `corefile`: CoreDNS's configuration, whose `forward` lines name upstream resolvers;
   * `csi`: a CSI volume source (its driver and attributes, `csiDestinations`);
   * `mount-option`: a PersistentVolume's mount option, which may name a region or an endpoint;
   * `request-url`: a URL an Ingress controller sends the requests it serves to, which may be a
   * Service of the cluster (a short name, `*.svc`) or a private address;
   * `service-address`: a host with an optional port (or a URL) that may likewise be a Service of
   * the cluster — a Prometheus Operator prober (`blackbox-exporter.monitoring.svc:9115`);
   * `environment-proxy`: a flag that, true, sends the requests through the proxy the server's
   * environment names (`HTTP_PROXY`), which the pack cannot see;
   * `unseen`: a value naming a destination the pack cannot see (a Secret that holds a URL, a
   * provider of the mesh's configuration): any value is a destination it cannot place, in the
   * words of `unseen`;
   * `mailbox`: e-mail addresses, a mailbox each, which the pack cannot place;
   * the readings of the operators' custom resources, which weigh several settings of one value
   * together (paths/operators.ts `operatorDestinations`): `service-entry` (an Istio ServiceEntry's
   * spec), `mesh-telemetry` (an Istio Telemetry's spec), `endpoint-variable` (an environment variable whose name ends in `ENDPOINT`),
   * `collector-exporters` (an OpenTelemetry Collector's exporters), `secret-store` (an External
   * Secrets store's provider), `secret-provider` (a Secrets Store CSI Driver SecretProviderClass's
   * spec), `alertmanager` (an Alertmanager's spec), `gateway-route` (a Gateway
   * API route's rule), `flux-provider` (a Flux notification Provider's spec), `datadog-agent` (a
   * Datadog Operator DatadogAgent's spec), `keda-events` (a
   * KEDA CloudEventSource's destination), `knative-destination` (a Knative Eventing destination,
   * a reference or a URI), `integration-source` and `integration-sink` (the AWS service a Knative
   * IntegrationSource reads or an IntegrationSink writes), the backup
   * locations of paths/backups.ts — `backup-location` (a Velero BackupStorageLocation's spec),
   * `snapshot-location` (a VolumeSnapshotLocation's), `cloud-storage` (an OADP CloudStorage's),
   * `barman-object-store` (a CloudNativePG Barman Cloud configuration) and `cluster-plugin` (a
   * CloudNativePG Cluster's plugin), `s3-storage` and `azure-blob` (the MariaDB operator's
   * backup storage), `spilo-environment` (a Zalando postgresql's environment),
   * `wal-archive-settings` and `logical-backup-settings` (the Zalando operator's configuration),
   * `zalando-configmap` (its legacy ConfigMap's `data`) —
   * `log-output` (an output of OpenShift's ClusterLogForwarder,
   * paths/log-forwarding.ts), `fluent-bit-outputs` (the [OUTPUT] sections of EKS Fargate's log
   * router configuration, the same module), `mirror-target` (a Strimzi KafkaMirrorMaker2's spec) and
   * `kafka-servers` (a Kafka `bootstrapServers` list), `kafka-connector` (a KafkaConnector's spec),
   * `connect-connectors` (a KafkaConnect's metadata, paths/streaming.ts), `linkerd-link` (a
   * Linkerd multicluster Link's spec, paths/interconnects.ts), `consul-name` (a Consul datacenter,
   * peer, sameness group or catalog service named) and `consul-proxy-config` (a ProxyDefaults'
   * `config`, paths/consul.ts), `backend-ref` (a Gateway API backend reference an
   * implementation's parameters name: a Service of the cluster, or a kind the pack does not
   * place), `konnect-extension` (an extension of a Kong GatewayConfiguration), and
   * `workload-patch`, `workload-overlay` and `pod-template` (what a patch, overlay or pod template
   * lays over the pods of an implementation's proxies) and `dynamic-resolver` (an Envoy Gateway
   * Backend's type, paths/gateway-parameters.ts), `cloud-region` (an AWS region a Kong plugin
   * calls a service in, paths/kong-plugins.ts) — and
   * `service` (an
   * integration with a vendor's service, reached at its own endpoint unless the integration's URL
   * field names one).
   */
  readonly read:
    | "address"
    | "addresses"
    | "url"
    | "outside"
    | "corefile"
    | "csi"
    | "mount-option"
    | "request-url"
    | "service-address"
    | "environment-proxy"
    | "unseen"
    | "service-entry"
    | "mesh-telemetry"
    | "endpoint-variable"
    | "collector-exporters"
    | "secret-store"
    | "secret-provider"
    | "alertmanager"
    | "gateway-route"
    | "flux-provider"
    | "datadog-agent"
    | "keda-events"
    | "knative-destination"
    | "integration-source"
    | "integration-sink"
    | "backup-location"
    | "snapshot-location"
    | "cloud-storage"
    | "barman-object-store"
    | "cluster-plugin"
    | "s3-storage"
    | "azure-blob"
    | "spilo-environment"
    | "wal-archive-settings"
    | "logical-backup-settings"
    | "zalando-configmap"
    | "log-output"
    | "fluent-bit-outputs"
    | "mirror-target"
    | "kafka-servers"
    | "kafka-connector"
    | "connect-connectors"
    | "linkerd-link"
    | "consul-name"
    | "consul-proxy-config"
    | "backend-ref"
    | "konnect-extension"
    | "workload-patch"
    | "workload-overlay"
    | "pod-template"
    | "dynamic-resolver"
    | "cloud-region"
    | "mailbox"
    | "kubeconfig"
    | "service";
  /** The words of its findings, for a field whose kind's own are not those of `destinationWords`. */
  readonly words?: DestinationWords;
  /** For `service`: the vendor's service, and the field of the integration that may name its URL. */
  readonly service?: { readonly name: string; readonly url?: string };
  /** For `unseen`: what the value names ("…, but <path> <why>") and the place of the finding. */
  readonly unseen?: { readonly why: string; readonly place: string };
  /**
   * Whether the field holds a destination in this object at all (read on the object itself,
   * `items[]` of a List each): a Secret's data is a remote cluster's credentials only where its
   * labels or type say a controller joins that cluster with it.
   */
  readonly when?: (object: Readonly<Record<string, unknown>>) => boolean;
  /**
   * For a field `when` limits: settings of an object in which it holds (a Kong plugin's `plugin`
   * name), the example its tests probe it in.
   */
  readonly example?: Readonly<Record<string, unknown>>;
  /**
   * A host name the pack cannot place by itself may be one an Istio ServiceEntry of the same
   * cluster adds to the mesh (a route to `payments.internal`, whose entry lists its endpoints):
   * only the whole stack can tell, so named-destinations judges it (paths/mesh-hosts.ts), and the
   * entry is judged for where its endpoints or hosts are.
   */
  readonly serviceEntryHost?: true;
  /**
   * A name of the Consul catalog (a terminating gateway's service) is placed by the object of the
   * same cluster that gives its address — a ServiceDefaults' destination or a Registration: as
   * with `serviceEntryHost`, named-destinations judges it over the stack (paths/mesh-hosts.ts),
   * and that object is judged for where its addresses are.
   */
  readonly catalogService?: true;
  /**
   * A backend reference of Envoy Gateway's `Backend` kind is placed by that Backend of the same
   * cluster, whose endpoints are judged on it: as with `serviceEntryHost`, named-destinations
   * judges the reference over the stack (paths/mesh-hosts.ts).
   */
  readonly envoyBackend?: true;
  /**
   * The sender looks host names up as written, without the pods' DNS search path (NGINX's own
   * resolver, which the NGINX Ingress controller's external authentication and mirror use): a
   * name of two labels is no Service's to it.
   */
  readonly absoluteNames?: true;
  /**
   * An address (not a URL) that pods of the cluster look up through its search path — an Envoy
   * proxy's trace collector, a Skupper router's peer — so that a `<service>.<namespace>` name in it
   * is a Service's, as in the URLs pods send to.
   */
  readonly searchPath?: true;
}

/** What a destination field makes the cluster do: "<label> must <must>, but … : <how>. <fix>." */
export interface DestinationWords {
  readonly must: string;
  readonly how: string;
  readonly fix: string;
}

/**
 * Volume sources the node mounts from a server, outside any NetworkPolicy, for the pod to write
 * to (the PersistentVolume sources of the same names carry the same fields). A GlusterFS
 * volume names an Endpoints object of the cluster, whose addresses are judged there.
 */
const remoteVolumeFields: readonly DestinationField[] = [
  { path: "nfs.server", what: "NFS server", read: "address" },
  { path: "iscsi.targetPortal", what: "iSCSI target portal", read: "address" },
  { path: "iscsi.portals[]", what: "iSCSI portal", read: "address" },
  { path: "rbd.monitors[]", what: "Ceph monitor", read: "address" },
  { path: "cephfs.monitors[]", what: "Ceph monitor", read: "address" },
  { path: "scaleIO.gateway", what: "ScaleIO gateway", read: "url" },
  { path: "quobyte.registry", what: "Quobyte registry", read: "addresses" },
  { path: "azureDisk.diskURI", what: "Azure disk", read: "outside" },
  { path: "azureFile.shareName", what: "Azure file share", read: "outside" },
  // The node's CSI driver mounts a bucket or file system from wherever its attributes say.
  { path: "csi", what: "CSI volume", read: "csi" },
];

/** A PersistentVolume's mount options, handed to its driver's mount (Mountpoint's `region`). */
const mountOptionsField: DestinationField = {
  path: "mountOptions[]",
  what: "volume",
  read: "mount-option",
};

/**
 * The pod specs an operator's custom resource holds for the pods it runs (Elastic Cloud on
 * Kubernetes: an Elasticsearch's node sets, a Kibana's, an APM Server's, a Logstash's, an
 * Enterprise Search's or an Elastic Maps Server's pod template, a Beat's or an Elastic Agent's
 * DaemonSet or Deployment): their volumes are mounted, their host ports opened and their host
 * network used as a workload's.
 */
const operatorPodSpecs: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [
    /^kubernetes:elasticsearch\.k8s\.elastic\.co\/\w+:Elasticsearch$/,
    ["spec.nodeSets[].podTemplate.spec"],
  ],
  [
    /^kubernetes:(kibana|apm)\.k8s\.elastic\.co\/\w+:(Kibana|ApmServer)$/,
    ["spec.podTemplate.spec"],
  ],
  [
    /^kubernetes:(beat|agent)\.k8s\.elastic\.co\/\w+:(Beat|Agent)$/,
    ["spec.daemonSet.podTemplate.spec", "spec.deployment.podTemplate.spec"],
  ],
  [
    /^kubernetes:(logstash|enterprisesearch|maps)\.k8s\.elastic\.co\/\w+:(Logstash|EnterpriseSearch|ElasticMapsServer)$/,
    ["spec.podTemplate.spec"],
  ],
];

/** Where an operator's custom resource of this kind (no List) holds the pod specs of its pods. */
export function operatorPodSpecsOf(kind: string): readonly string[] {
  return operatorPodSpecs.find(([pattern]) => pattern.test(kind))?.[1] ?? [];
}

/** Where a kind that is no workload keeps volume sources. */
const volumeHolders: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/^kubernetes:core\/v1:PodTemplate$/, ["template.spec.volumes[]"]],
  [/^kubernetes:core\/v1:PersistentVolume$/, ["spec"]],
  [/^kubernetes:storage\.k8s\.io\/\w+:VolumeAttachment$/, ["spec.source.inlineVolumeSpec"]],
  [/^kubernetes:settings\.k8s\.io\/\w+:PodPreset$/, ["spec.volumes[]"]],
  // A revision keeps its DaemonSet's or StatefulSet's pod template as a patch of the owner's
  // spec (`data`), which a rollback applies: its volumes are mounted as the owner's would be.
  [/^kubernetes:apps\/\w+:ControllerRevision$/, ["data.spec.template.spec.volumes[]"]],
  // The pods the OpenTelemetry and Prometheus Operators run for these mount the volumes listed.
  [/^kubernetes:opentelemetry\.io\/\w+:OpenTelemetryCollector$/, ["spec.volumes[]"]],
  [
    /^kubernetes:monitoring\.coreos\.com\/\w+:(Prometheus|PrometheusAgent|Alertmanager|ThanosRuler)$/,
    ["spec.volumes[]"],
  ],
  // The MariaDB operator's backups write to (and stage in) a volume of its own kind (an NFS
  // server, a CSI driver), and its databases' pods mount the volumes listed (paths/backups.ts).
  [
    /^kubernetes:(k8s\.mariadb\.com|mariadb\.mmontes\.io)\/\w+:(Backup|PhysicalBackup)$/,
    ["spec.storage.volume", "spec.stagingStorage.volume"],
  ],
  [/^kubernetes:(k8s\.mariadb\.com|mariadb\.mmontes\.io)\/\w+:MariaDB$/, ["spec.volumes[]"]],
  // A Zalando postgresql's pods mount its additional volumes (a corev1 volume source each).
  [/^kubernetes:acid\.zalan\.do\/v1:postgresql$/, ["spec.additionalVolumes[].volumeSource"]],
  // The Redis operator's pods mount the volumes its storage lists (a Sentinel's, beside it).
  [
    /^kubernetes:redis\.redis\.opstreelabs\.in\/\w+:(Redis|RedisCluster|RedisReplication)$/,
    ["spec.storage.volumeMount.volume[]"],
  ],
  [/^kubernetes:redis\.redis\.opstreelabs\.in\/\w+:RedisSentinel$/, ["spec.volumeMount.volume[]"]],
  // The proxies a Gateway API implementation deploys mount the volumes its parameters list
  // (paths/gateway-parameters.ts).
  [
    /^kubernetes:gateway\.envoyproxy\.io\/v1alpha1:EnvoyProxy$/,
    [
      "spec.provider.kubernetes.envoyDeployment.pod.volumes[]",
      "spec.provider.kubernetes.envoyDaemonSet.pod.volumes[]",
    ],
  ],
  [
    /^kubernetes:gateway\.nginx\.org\/v1alpha2:NginxProxy$/,
    ["spec.kubernetes.deployment.pod.volumes[]", "spec.kubernetes.daemonSet.pod.volumes[]"],
  ],
  [
    /^kubernetes:gateway\.kgateway\.dev\/v1alpha1:GatewayParameters$/,
    ["spec.kube.podTemplate.extraVolumes[]"],
  ],
  [
    /^kubernetes:gateway-operator\.konghq\.com\/v(1beta1|2beta1):GatewayConfiguration$/,
    [
      "spec.dataPlaneOptions.deployment.podTemplateSpec.spec.volumes[]",
      "spec.controlPlaneOptions.deployment.podTemplateSpec.spec.volumes[]",
    ],
  ],
  [/^kubernetes:projectcontour\.io\/v1alpha1:ContourDeployment$/, ["spec.envoy.extraVolumes[]"]],
];

/** The places an object's volume sources are at: a pod spec's volumes, or a PV's own spec. */
export function volumeSources(kind: string): readonly string[] {
  const specs = podSpecsOf(kind);
  if (specs.length > 0) {
    return specs.map((spec) => `${spec}.volumes[]`);
  }
  return volumeHolders.find(([pattern]) => pattern.test(kind))?.[1] ?? [];
}

/**
 * Where an object of a type (a List's items as their kind) holds the pod specs of the pods it
 * runs: a workload's template, or those of an operator's custom resource (`operatorPodSpecsOf`).
 */
export function podSpecsOf(type: string): readonly string[] {
  const template = podTemplateOf(type);
  return template ? [template.spec] : operatorPodSpecsOf(baseKind(type));
}

/**
 * Fields through which the API server sends objects or events to a webhook: admission
 * (every object the webhook matches, Secrets included), CRD conversion (every custom object of
 * the CRD) and audit sinks (the audit events). A `service` reference stays in the cluster.
 */
const webhookFields: ReadonlyArray<readonly [RegExp, DestinationField]> = [
  [
    /^kubernetes:admissionregistration\.k8s\.io\/\w+:(Mutating|Validating)WebhookConfiguration$/,
    { path: "webhooks[].clientConfig.url", what: "admission webhook", read: "url" },
  ],
  [
    /^kubernetes:apiextensions\.k8s\.io\/v1:CustomResourceDefinition$/,
    { path: "spec.conversion.webhook.clientConfig.url", what: "conversion webhook", read: "url" },
  ],
  [
    /^kubernetes:apiextensions\.k8s\.io\/v1beta1:CustomResourceDefinition$/,
    { path: "spec.conversion.webhookClientConfig.url", what: "conversion webhook", read: "url" },
  ],
  [
    /^kubernetes:auditregistration\.k8s\.io\/\w+:AuditSink$/,
    { path: "spec.webhook.clientConfig.url", what: "audit webhook", read: "url" },
  ],
];

/** Where the traffic of a Service without a selector goes: its Endpoints' addresses. */
const endpointFields: ReadonlyArray<readonly [RegExp, readonly DestinationField[]]> = [
  [
    /^kubernetes:core\/v1:Endpoints$/,
    [
      { path: "subsets[].addresses[].ip", what: "Service endpoint", read: "address" },
      { path: "subsets[].notReadyAddresses[].ip", what: "Service endpoint", read: "address" },
    ],
  ],
  [
    /^kubernetes:discovery\.k8s\.io\/\w+:EndpointSlice$/,
    [{ path: "endpoints[].addresses[]", what: "Service endpoint", read: "address" }],
  ],
];

/**
 * A Secret that joins another cluster to this one's mesh: Istio's remote secret (labelled
 * `istio/multiCluster: "true"`, what `istioctl create-remote-secret` writes), whose kubeconfig
 * istiod watches the remote cluster with, load-balancing the mesh's hosts over that cluster's
 * pods through its east-west gateway; Linkerd's (`type: mirror.linkerd.io/remote-kubeconfig`),
 * whose service mirror routes the mirrored Services there. Each value is a kubeconfig, given as
 * text (`stringData`) or base64 (`data`); its clusters' API servers are where the mesh reaches
 * (found by the multi-cluster bench: the same kubeconfig failed on a provider and passed here).
 */
function remoteClusterSecret(object: Readonly<Record<string, unknown>>): boolean {
  return (
    str(valueAt(object, "metadata.labels.istio/multiCluster")) === "true" ||
    str(valueAt(object, "type")) === "mirror.linkerd.io/remote-kubeconfig"
  );
}
const remoteClusterWords: DestinationWords = {
  must: "join to its mesh only clusters inside the jurisdiction",
  how: "the mesh's control plane watches that cluster with these credentials and routes the mesh's traffic to its pods",
  fix: "Join only clusters inside the jurisdiction to the mesh (their API servers in regions inside, or at private or allowlisted addresses)",
};
const secretFields: ReadonlyArray<readonly [RegExp, readonly DestinationField[]]> = [
  [
    /^kubernetes:core\/v1:Secret$/,
    ["stringData.*", "data.*"].map((path): DestinationField => ({
      path,
      what: "remote cluster",
      read: "kubeconfig",
      words: remoteClusterWords,
      when: remoteClusterSecret,
    })),
  ],
];

/**
 * Where the NGINX Ingress controller sends the requests an Ingress's annotations route through
 * it: an external authentication service (every request's headers and cookies, before it is
 * served) and a request mirror (a copy of every request, its body too with mirror-request-body).
 */
const ingressFields: ReadonlyArray<readonly [RegExp, readonly DestinationField[]]> = [
  [
    /^kubernetes:(networking\.k8s\.io|extensions)\/\w+:Ingress$/,
    [
      {
        path: "metadata.annotations.nginx\\.ingress\\.kubernetes\\.io/auth-url",
        what: "external authentication service",
        read: "request-url",
        absoluteNames: true,
      },
      {
        path: "metadata.annotations.nginx\\.ingress\\.kubernetes\\.io/mirror-target",
        what: "request mirror",
        read: "request-url",
        absoluteNames: true,
      },
    ],
  ],
];

/**
 * The cluster's DNS configuration: a ConfigMap holding a Corefile (CoreDNS's `coredns` in
 * kube-system, whatever the cluster's cloud) sends the names the pods look up that CoreDNS cannot
 * answer to the upstreams of its `forward` lines. And the NGINX Ingress controller's own
 * ConfigMap: its global external authentication service receives every request's headers and
 * cookies for every Ingress it serves, and its trace collectors a span of every request.
 */
const resolverFields: ReadonlyArray<readonly [RegExp, readonly DestinationField[]]> = [
  [
    /^kubernetes:core\/v1:ConfigMap$/,
    [
      { path: "data.Corefile", what: "DNS resolver", read: "corefile" },
      {
        path: "data.global-auth-url",
        what: "external authentication service",
        read: "request-url",
        absoluteNames: true,
      },
      ...["otlp", "datadog", "zipkin", "jaeger"].map((c): DestinationField => ({
        path: `data.${c}-collector-host`,
        what: "trace collector",
        read: "address",
      })),
    ],
  ],
];

/**
 * The upstream resolvers of a Corefile: what every `forward <zone> <to>…` line of every server
 * block names — an address, or a `dns://`, `tls://` or `grpc://` URL. A path
 * (`/etc/resolv.conf`) forwards to the node's own resolvers, the network's, and is left out.
 */
function corefileUpstreams(text: string): Array<{ readonly to: string; readonly zone: string }> {
  // The zones of the server block a `forward` line sits in (`remote-1.local:53 {`), for a
  // `forward .` of a block that serves only some names.
  let block = ".";
  return text.split("\n").flatMap((line) => {
    const opens = /^\s*([^\s{#][^{#]*?)\s*\{\s*$/.exec(line);
    if (opens !== null && !/^\s*forward\b/.test(line)) {
      block = opens[1]
        .split(/\s+/)
        .map((z) => z.replace(/^[a-z]+:\/\//, "").replace(/:\d+$/, ""))
        .join(" ");
    }
    const m = /^\s*forward\s+(\S+)\s+([^{#]+)/.exec(line);
    if (m === null) {
      return [];
    }
    const zone = m[1] === "." ? block : m[1];
    return m[2]
      .trim()
      .split(/\s+/)
      .filter((to) => !to.startsWith("/"))
      .map((to) => ({ to, zone }));
  });
}

/**
 * The upstreams of a Corefile that send names out of the stack's networks: every one that is
 * neither a private address nor on the egress allowlist, with its host, and whether it is named
 * by a host name (which cannot be placed) rather than a public address.
 */
export function corefileUpstreamsOut(
  text: string,
  allowlist: readonly EgressAllowEntry[],
): Array<{
  readonly to: string;
  readonly host: string;
  readonly byName: boolean;
  /** The names it forwards: every one (`.`), or those under a stub zone. */
  readonly zone: string;
}> {
  return corefileUpstreams(text).flatMap(({ to, zone }) => {
    const host = hostOf(to);
    const reach = reachOfAddress(host, allowlist).kind;
    return reach === "private" || reach === "allowlisted"
      ? []
      : [{ to, host, byName: parseCidr(host) === undefined, zone }];
  });
}

/**
 * Every field of a type through which its cluster sends data to a server it names — remote
 * volume sources, webhooks, Service endpoints — as paths of the type itself (under `items[]` for
 * a List). kubernetes-egress judges them and the coverage report lists them.
 */
export function destinationFields(type: string): readonly DestinationField[] {
  let fields = destinationFieldsByType.get(type);
  if (fields === undefined) {
    fields = fieldsOfType(type);
    destinationFieldsByType.set(type, fields);
  }
  return fields;
}
const destinationFieldsByType = new Map<string, readonly DestinationField[]>();

function fieldsOfType(type: string): DestinationField[] {
  const kind = baseKind(type);
  const prefix = isListType(type) ? "items[]." : "";
  const fields = [
    ...volumeSources(kind).flatMap((at) =>
      // A PersistentVolume's spec, or one inline in a volume attachment, has mount options.
      [
        ...remoteVolumeFields,
        ...(/(^|\.)(spec|inlineVolumeSpec)$/.test(at) ? [mountOptionsField] : []),
      ].map((f) => ({ ...f, path: `${at}.${f.path}` })),
    ),
    ...webhookFields.filter(([pattern]) => pattern.test(kind)).map(([, f]) => f),
    ...endpointFields.filter(([pattern]) => pattern.test(kind)).flatMap(([, fs]) => fs),
    ...resolverFields.filter(([pattern]) => pattern.test(kind)).flatMap(([, fs]) => fs),
    ...ingressFields.filter(([pattern]) => pattern.test(kind)).flatMap(([, fs]) => fs),
    ...secretFields.filter(([pattern]) => pattern.test(kind)).flatMap(([, fs]) => fs),
    ...operatorFields.filter(([pattern]) => pattern.test(kind)).flatMap(([, fs]) => fs),
  ];
  return fields.map((f) => ({ ...f, path: `${prefix}${f.path}` }));
}

/**
 * Whether a destination field holds a destination in the resource `props` (`when`): the object
 * itself, or for a List any of its entries.
 */
export function fieldHolds(
  f: DestinationField,
  type: string,
  props: Readonly<Record<string, unknown>>,
): boolean {
  const when = f.when;
  if (when === undefined) {
    return true;
  }
  return isListType(type)
    ? valuesAt(props, "items[]").some((item) => when(item.value as Record<string, unknown>))
    : when(props);
}

/** The in-cluster DNS names (`<service>.<namespace>.svc[.cluster.local]`). */
export const clusterDomain = /\.svc(\.cluster\.local)?\.?$/;

/**
 * What a destination field makes the cluster do, in kubernetes-egress's words: "<label> must
 * <must>, but <path> <why>: <how>. <fix>."
 */
export function destinationWords(f: DestinationField): DestinationWords {
  if (f.words !== undefined) {
    return f.words;
  }
  if (f.read === "url") {
    return {
      must: "send objects only to webhooks inside the cluster",
      how: `the API server sends the ${f.what} every object or event it matches`,
      fix: "Serve the webhook from a Service of the cluster (clientConfig.service) instead of a url",
    };
  }
  if (f.read === "corefile") {
    return {
      must: "forward the cluster's DNS queries only to private or allowlisted resolvers",
      how: "CoreDNS sends there the names the cluster's pods look up that the block forwards (for the root zone, every name it cannot answer itself)",
      fix: "Forward to /etc/resolv.conf (the network's resolver) or to private resolvers, or add the resolver's address to the egress allowlist, or the resolver's host name to egressHosts, with a reason",
    };
  }
  if (f.what === "Service endpoint") {
    return {
      must: "send Service traffic only to private or allowlisted addresses",
      how: "the Service's traffic goes there, outside any NetworkPolicy of the pods that send it",
      fix: "Point the endpoints at private addresses, or add the address to the egress allowlist with a reason",
    };
  }
  if (f.what === "trace collector") {
    return {
      must: "send the traces of the requests it serves only to private or allowlisted collectors",
      how: "the Ingress controller sends a span of every request it serves there (its path, headers and timing), outside any NetworkPolicy of the pods",
      fix: "Send traces to a collector of the cluster or a private address, or add its address to the egress allowlist, or its host name to egressHosts, with a reason",
    };
  }
  if (f.read === "request-url") {
    return {
      must: "send the requests it serves only to Services of the cluster, private or allowlisted addresses",
      how: `the Ingress controller sends the ${f.what} every request it serves (its headers and cookies; a mirror its body too), outside any NetworkPolicy of the pods`,
      fix: "Serve it from a Service of the cluster, or add its address to the egress allowlist, or its host name to egressHosts, with a reason",
    };
  }
  if (f.read === "csi" || f.read === "mount-option") {
    return {
      must: "mount volumes only from places inside the jurisdiction",
      how: "the node mounts the volume from there, outside any NetworkPolicy, and the pods write their data there",
      fix: "Mount a bucket or file system of a region inside the jurisdiction, through its endpoint there, or a private server",
    };
  }
  return {
    must: "mount volumes only from private or allowlisted servers",
    how: `the node mounts the ${f.what} outside any NetworkPolicy and the pods write their data there`,
    fix:
      f.read === "outside"
        ? "Use a volume of the cluster's own cloud (a claim of one of its storage classes) or a private NFS, iSCSI or Ceph server"
        : "Serve the volume from a private address (or a storage class of the cluster's cloud), or add the server's address to the egress allowlist, or the server's host name to egressHosts, with a reason",
  };
}

/** One server a destination value sends data to that kubernetes-egress reports. */
export interface DestinationFinding {
  /** Completes "…, but <path> <why>: <how>." */
  readonly why: string;
  /** The far end of the finding's path. */
  readonly place: string;
  /** Where the data goes: the public internet, or a place the pack cannot name. */
  readonly to: "internet" | "unplaced";
  /** The value holds a setting not known at preview: the finding is undecided until deployed. */
  readonly unknown?: true;
  /**
   * Where under the field's value the destination was read (`hosts[1]` of an Istio
   * ServiceEntry's `spec`), for a reading that weighs a whole object: the finding names it.
   */
  readonly at?: string;
  /** The host name, for a host the pack cannot place by name alone. */
  readonly host?: string;
  /**
   * The host may be `<service>.<namespace>` to a pod's resolver: two labels, sent by a pod of the
   * cluster, whose DNS search path asks the cluster for `<service>.<namespace>.svc.cluster.local`
   * first. A Service of that name and namespace the program declares on the same cluster places
   * it there (named-destinations judges it over the stack, paths/mesh-hosts.ts).
   * - `searched`: the second label is no top-level domain of the internet's; where the cluster
   *   holds no such Service, the name goes on to the network's DNS, which may answer anywhere
   *   (`router.lan`, `sso.corp`): named-destinations fails it closed.
   * - `declared`: the second label is also an internet TLD (a namespace `storage`, `media`,
   *   `prod`, `app`): the declared Service answers first all the same; without one the name is
   *   the internet host it also is, which named-destinations fails in kubernetes-egress's words.
   */
  readonly serviceName?: "searched" | "declared";
  /**
   * The name is `kubernetes.default`, the API server's Service, which every cluster has: inside
   * for a sender whose pods search the cluster, else a name the network's DNS answers
   * (`clusterSearchBypass`, paths/mesh-hosts.ts).
   */
  readonly everyCluster?: true;
}

/** A DNS label as Kubernetes names a Service or namespace by one (RFC 1123, at most 63). */
const dnsLabel = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * How a pod's resolver may read `host` as `<service>.<namespace>` (DestinationFinding.serviceName):
 * two such labels and no trailing dot (a name so written is absolute: the resolver skips its
 * search path); `declared` where the second label is an internet TLD too. Undefined for any other
 * name.
 */
function serviceNameReading(host: string): "searched" | "declared" | undefined {
  const labels = host.toLowerCase().split(".");
  if (labels.length !== 2 || !labels.every((l) => dnsLabel.test(l))) {
    return undefined;
  }
  return parse(host).isIcann ? "declared" : "searched";
}

/**
 * The words a finding on a name a pod's resolver would read as `<service>.<namespace>` adds where
 * it is not read so: the name is absolute (a trailing dot), or the sender resolves names as
 * written (`absoluteNames`). Undefined for any other name.
 */
function absoluteServiceName(host: string, f: DestinationField): string | undefined {
  const dotted = host.endsWith(".");
  const name = dotted ? host.slice(0, -1) : host;
  if (serviceNameReading(name) !== "searched" || (!dotted && f.absoluteNames !== true)) {
    return undefined;
  }
  const [service, namespace] = name.toLowerCase().split(".");
  const how = dotted
    ? "the trailing dot makes the name absolute"
    : "the sender looks the name up as written, without the cluster's search path";
  return `, and ${how}: the network's DNS answers it, not a Service ${JSON.stringify(service)} of namespace ${JSON.stringify(namespace)} of the cluster (its cluster name, ${service}.${namespace}.svc.cluster.local, would reach that Service)`;
}

/** `{ serviceName }` for a host a pod's resolver may read as a Service's name, else nothing. */
function serviceNameOf(host: string): Pick<DestinationFinding, "serviceName"> {
  const reading = serviceNameReading(host);
  return reading === undefined ? {} : { serviceName: reading };
}

/** The path a finding names: the field's value's, or the place under it the reading found. */
export const destinationPath = (path: string, d: DestinationFinding): string =>
  d.at === undefined ? path : `${path}.${d.at}`;

/**
 * A transfer-acceleration endpoint (`<bucket>.oss-accelerate.aliyuncs.com`): its network takes
 * the data in at points of presence in every country, whatever region the bucket is in.
 */
function accelerated(host: string, text: string, network: string, j: string): DestinationFinding {
  return {
    why: `is ${JSON.stringify(text)}, an endpoint of the ${network}, which carries data through points of presence around the world`,
    place: `${host} (the ${network}, global, outside ${j})`,
    to: "unplaced",
  };
}

/** A destination the pack cannot place — "<what> (cannot be placed)" — and why. */
export function unplaced(why: string, what: string): DestinationFinding {
  return { why, place: `${what} (cannot be placed)`, to: "unplaced" };
}

/**
 * The server of a URL or host a setting names (`config.s3Url`, an output's `url`), read as a
 * Service of the cluster, a private, allowlisted or cloud endpoint address may be; each finding
 * says `<lead>, which is "…", …` — "writes the backups to the server of config.s3Url".
 */
export function serverDestinations(
  f: DestinationField,
  url: string,
  allowlist: readonly EgressAllowEntry[],
  j: string,
  lead: string,
): DestinationFinding[] {
  return readDestination({ ...f, read: "service-address" }, url, allowlist, j).map((d) => ({
    ...d,
    why: `${lead}, which ${d.why}`,
  }));
}

/**
 * Where a service of a cloud keeps what an object sends it, by the region the object names:
 * nothing inside the jurisdiction, one finding outside it, or one that cannot be placed when no
 * region is named. `keeps` completes "…, but <path> <keeps> <service> in <place>" — "keeps them
 * in", "writes the backups to".
 */
export function regionDestinations(
  j: string,
  cloud: Cloud,
  region: string | undefined,
  service: string,
  keeps: string,
): DestinationFinding[] {
  if (region === undefined) {
    return [
      {
        why: `${keeps} ${service} of a region it does not name`,
        place: `${service} (cannot be placed)`,
        to: "unplaced",
      },
    ];
  }
  const jurisdiction = getJurisdiction(j);
  if (regionInJurisdiction(jurisdiction, cloud, region)) {
    return [];
  }
  const where = describePlace(jurisdiction, cloud, region);
  return [
    { why: `${keeps} ${service} in ${where}`, place: `${service} in ${where}`, to: "unplaced" },
  ];
}

/** The region a zone ID lies in (`cn-hangzhou-h`, `us-east-1a`, `ap-southeast-1a`). */
function regionOfZone(zone: string): string | undefined {
  return /^([a-z]+(?:-[a-z0-9]+)+?)-?[a-z]$/.exec(zone)?.[1];
}

/** Where a parameter value of a place-naming reading points: inside, or the place outside. */
function parameterPlace(
  reading: Exclude<ParameterReading, "plain" | "server" | "unset">,
  value: string,
  cloud: Cloud,
  j: Jurisdiction,
): string | undefined {
  if (reading === "zones") {
    for (const zone of value
      .split(",")
      .map((z) => z.trim())
      .filter((z) => z !== "")) {
      const edge = cloud === "aws" ? edgeZoneOf(zone) : undefined;
      if (edge === "unlisted") {
        return `zone ${zone} (${unlistedEdgeZone}: cannot be placed)`;
      }
      if (edge !== undefined) {
        if (!edgeZoneInJurisdiction(j, edge)) {
          return `zone ${describeEdgeZone(j, zone, edge)}`;
        }
        continue;
      }
      const region = regionOfZone(zone);
      if (region === undefined) {
        return `zone ${zone} (cannot be placed)`;
      }
      if (!regionInJurisdiction(j, cloud, region)) {
        return `zone ${zone} in ${describePlace(j, cloud, region)}`;
      }
    }
    return undefined;
  }
  const at = locate(j, reading, value, cloud);
  switch (at.kind) {
    case "own":
      return undefined;
    case "region":
      return regionInJurisdiction(j, at.cloud, at.region)
        ? undefined
        : describePlace(j, at.cloud, at.region);
    case "partition":
      return `partition ${at.partition} (outside ${j.id})`;
    case "edge":
      return edgeZoneInJurisdiction(j, at.zone) ? undefined : describeEdgeZone(j, value, at.zone);
    case "unplaceable":
      return `${value} (cannot be placed)`;
  }
}

/** A mount option naming the region or endpoint a CSI driver reaches (Mountpoint for S3's). */
const mountOptionPlace = /^(?:--)?(region|endpoint-url)[ =](\S+)$/;

/**
 * Why a host the cluster mounts from or sends to is not allowed (completing "<path> <why>"), or
 * undefined when it is: a Service of the cluster, a private or allowlisted address, or a cloud
 * service endpoint of a region inside; any other host cannot be placed.
 */
function hostOutside(
  host: string,
  text: string,
  what: string,
  allowlist: readonly EgressAllowEntry[],
  j: Jurisdiction,
): DestinationFinding | undefined {
  if (clusterDomain.test(host)) {
    return undefined;
  }
  const place = serverPlace(host, j, allowlist);
  switch (place.kind) {
    case "inside":
      return undefined;
    case "region":
      return {
        why: `is ${JSON.stringify(text)}, a ${what} in ${place.where}`,
        place: `${host} (${place.where})`,
        to: "unplaced",
      };
    case "global":
      return accelerated(host, text, place.network, j.id);
    case "unplaced":
      return {
        why: `is ${JSON.stringify(text)}, a host the pack cannot place`,
        place: `${host} (cannot be placed)`,
        to: "unplaced",
      };
    case "public":
      return {
        why: `is ${JSON.stringify(text)}, a public address that the egress allowlist of ${j.id} does not cover`,
        place: `${host} (${what})`,
        to: "internet",
      };
  }
}

/**
 * Where a CSI volume source is mounted from, outside the jurisdiction: a driver the pack reads as
 * a storage class's provisioner (`provisioners`) has its attributes read as its parameters (an OSS
 * mount's `url`, a NAS server, a region or zone); of any driver, an attribute holding a cloud
 * service endpoint places the volume. Other attributes (a static volume's mount flags, a secret
 * store's object list) are left: a bucket or file system the program creates is judged where it
 * is created.
 */
function csiDestinations(
  csi: unknown,
  allowlist: readonly EgressAllowEntry[],
  j: Jurisdiction,
): DestinationFinding[] {
  const driver = str(valueAt(csi, "driver"));
  const known = driver === undefined ? undefined : provisioners[driver];
  const what = known?.what ?? `volume of the CSI driver ${driver ?? "(not named)"}`;
  const attributes = valueAt(csi, "volumeAttributes");
  if (attributes === null || typeof attributes !== "object" || isUnknown(attributes)) {
    return [];
  }
  const out: DestinationFinding[] = [];
  for (const [key, value] of Object.entries(attributes as Record<string, unknown>)) {
    const text = isUnknown(value) ? undefined : str(value);
    if (text === undefined) {
      continue;
    }
    const field = `attribute ${key}`;
    const reading = known ? parameterReading(known, key) : undefined;
    if (known && reading !== undefined && reading !== "plain") {
      for (const d of parameterDestinations(known, reading, text, allowlist, j)) {
        out.push({ ...d, why: `${field} ${d.why}` });
      }
    } else if (regionOfEndpoint(hostOf(text))) {
      const d = hostOutside(hostOf(text), text, `${what} endpoint`, allowlist, j);
      out.push(...(d ? [{ ...d, why: `${field} ${d.why}` }] : []));
    }
  }
  return out;
}

/**
 * Where a known provisioner's parameter (or a CSI volume attribute its driver reads as one) puts
 * volumes outside: each host a `server` names that is not in the cluster, private or allowlisted,
 * or the place outside a region, zone or endpoint names.
 */
export function parameterDestinations(
  p: Provisioner,
  reading: Exclude<ParameterReading, "plain">,
  text: string,
  allowlist: readonly EgressAllowEntry[],
  j: Jurisdiction,
): DestinationFinding[] {
  if (reading === "server") {
    return serverHosts(text).flatMap(
      (host) => hostOutside(host, text, `${p.what} server`, allowlist, j) ?? [],
    );
  }
  if (reading === "unset") {
    return text === ""
      ? []
      : [
          {
            why: `is ${JSON.stringify(text)}, a source the pack cannot place`,
            place: `${text} (cannot be placed)`,
            to: "unplaced",
          },
        ];
  }
  const place = parameterPlace(reading, text, p.cloud ?? "alicloud", j);
  return place === undefined
    ? []
    : [{ why: `is ${JSON.stringify(text)}, which names ${place}`, place, to: "unplaced" }];
}

/** A mount option that names a region or an endpoint outside (Mountpoint's `region eu-west-1`). */
function mountOptionDestinations(
  option: string,
  allowlist: readonly EgressAllowEntry[],
  j: Jurisdiction,
): DestinationFinding[] {
  const m = mountOptionPlace.exec(option.trim());
  if (m === null) {
    return [];
  }
  if (m[1] === "region") {
    // Mountpoint for Amazon S3 is the driver that takes a region option.
    const place = parameterPlace("region", m[2], "aws", j);
    return place === undefined
      ? []
      : [{ why: `is ${JSON.stringify(option)}, which names ${place}`, place, to: "unplaced" }];
  }
  const d = hostOutside(hostOf(m[2]), option, "volume endpoint", allowlist, j);
  return d ? [d] : [];
}

/**
 * The destinations of the value at a destination field: a CSI volume source is an object, the
 * others are text (`readDestination`).
 */
export function destinationsOf(
  f: DestinationField,
  value: unknown,
  allowlist: readonly EgressAllowEntry[],
  j: string,
): DestinationFinding[] {
  if (f.read === "csi") {
    return csiDestinations(value, allowlist, getJurisdiction(j));
  }
  if (f.read === "environment-proxy") {
    return value === true
      ? [
          {
            why: "is true: the requests go through the proxy the server's environment names (HTTP_PROXY, HTTPS_PROXY), which the pack cannot see",
            place: `the proxy of the environment (cannot be placed)`,
            to: "unplaced",
          },
        ]
      : [];
  }
  if (f.read === "unseen") {
    return value === undefined || value === null || f.unseen === undefined
      ? []
      : [{ ...f.unseen, to: "unplaced" }];
  }
  // The readings of the operators' custom resources (paths/operators.ts).
  const operator = operatorDestinations(f, value, allowlist, j);
  if (operator !== undefined) {
    return operator;
  }
  const text = str(value);
  if (text === undefined) {
    return [];
  }
  if (f.read === "kubeconfig") {
    return kubeconfigServers(text, f.path.startsWith("data.")).flatMap((server) =>
      server === undefined
        ? [
            {
              why: "is not a kubeconfig the pack can read, so the cluster it joins cannot be placed",
              place: `a ${f.what} (cannot be placed)`,
              to: "unplaced" as const,
            },
          ]
        : readDestination({ ...f, read: "request-url" }, server, allowlist, j),
    );
  }
  // Mailboxes (a comma-separated list) each of a domain the stack places by name pass.
  if (f.read === "mailbox") {
    const placed = text
      .split(",")
      .every((m) => m.trim() !== "" && allowlistEntryAt(allowlist, m.trim()) !== undefined);
    return placed
      ? []
      : [
          {
            why: `is ${JSON.stringify(text)}, a mailbox the pack cannot place`,
            place: `${text} (a mailbox that cannot be placed)`,
            to: "unplaced",
          },
        ];
  }
  return f.read === "mount-option"
    ? mountOptionDestinations(text, allowlist, getJurisdiction(j))
    : readDestination(f, text, allowlist, j);
}

/**
 * The servers a known destination value sends data to outside what the jurisdiction allows: each
 * must be private, in the cluster or an allowlisted address; a host name is a destination the pack
 * cannot place, and a webhook's (which the API server calls, maybe from outside the cluster's
 * network) must be allowlisted even when private.
 */
export function readDestination(
  f: DestinationField,
  text: string,
  allowlist: readonly EgressAllowEntry[],
  j: string,
): DestinationFinding[] {
  if (f.read === "outside") {
    return [
      {
        why: `names an ${f.what} (${JSON.stringify(text)}), a service of a cloud the pack cannot place`,
        place: `an ${f.what} (cannot be placed)`,
        to: "unplaced",
      },
    ];
  }
  if (f.read === "corefile") {
    return corefileUpstreamsOut(text, allowlist).map(
      ({ to, host, byName, zone }): DestinationFinding => {
        // A stub zone's block sends only the names under it (a remote cluster's services).
        const names = zone === "." ? "names" : `the names under ${zone}`;
        return byName
          ? {
              why: `forwards ${names} to ${JSON.stringify(to)}, a resolver the pack cannot place`,
              place: `${to} (cannot be placed)`,
              to: "unplaced",
            }
          : {
              why: `forwards ${names} to ${JSON.stringify(to)}, a public resolver that the egress allowlist of ${j} does not cover`,
              place: `${host} (${f.what})`,
              to: "internet",
            };
      },
    );
  }
  const hosts = hostsOf(text, f.read);
  if (hosts === undefined) {
    return [
      {
        why: `is ${JSON.stringify(text)}, not a URL the pack can read`,
        place: `${text} (cannot be placed)`,
        to: "unplaced",
      },
    ];
  }
  const out: DestinationFinding[] = [];
  for (const host of hosts) {
    if (f.read !== "url" && clusterDomain.test(host)) {
      continue;
    }
    // A Service's short name (`oauth2-proxy`) resolves only inside the cluster.
    if (
      (f.read === "request-url" || f.read === "service-address") &&
      !host.includes(".") &&
      parseCidr(host) === undefined
    ) {
      continue;
    }
    // So does the API server's Service, `kubernetes.default`, which every cluster has, to a
    // sender whose pods search the cluster (which the stack's reading decides, as for any
    // `<service>.<namespace>`).
    if (
      (f.read === "request-url" || f.read === "service-address") &&
      f.absoluteNames !== true &&
      host.toLowerCase() === "kubernetes.default"
    ) {
      out.push({
        why: `is ${JSON.stringify(text)}, the API server's Service, which every cluster has`,
        place: `${host} (cannot be placed)`,
        to: "unplaced",
        host,
        serviceName: "searched",
        everyCluster: true,
      });
      continue;
    }
    // A cloud service's regional endpoint (Amazon Managed Service for Prometheus, Simple Log
    // Service) is where its host says, for a URL a controller of the cluster sends to, and so is
    // a host named as an address (an FQDN EndpointSlice's, a WorkloadEntry's, an NFS server's: a
    // load balancer's or a file system's DNS name; found by the multi-cluster bench).
    const network = accelerationNetworkOf(host);
    if (network !== undefined) {
      out.push(accelerated(host, text, network, getJurisdiction(j).id));
      continue;
    }
    const endpoint =
      (f.read === "request-url" || f.read === "service-address" || f.read === "address") &&
      parseCidr(host) === undefined
        ? regionOfEndpoint(host)
        : undefined;
    if (endpoint !== undefined) {
      const jurisdiction = getJurisdiction(j);
      if (!regionInJurisdiction(jurisdiction, endpoint.cloud, endpoint.region)) {
        const where = describePlace(jurisdiction, endpoint.cloud, endpoint.region);
        out.push({
          why: `is ${JSON.stringify(text)}, the endpoint of ${where}`,
          place: `${host} in ${where}`,
          to: "unplaced",
        });
      }
      continue;
    }
    const reach = reachOfAddress(host, allowlist);
    if (reach.kind === "allowlisted" || (reach.kind === "private" && f.read !== "url")) {
      continue;
    }
    // Sent by a pod of the cluster or a server beside it, whose resolver may search the cluster.
    const searched =
      f.read === "request-url" || f.read === "service-address" || f.searchPath === true;
    out.push(
      parseCidr(host) === undefined
        ? {
            why: `is ${JSON.stringify(text)}, a host the pack cannot place${(searched ? absoluteServiceName(host, f) : undefined) ?? ""}`,
            place: `${host} (cannot be placed)`,
            to: "unplaced",
            host,
            // Sent by a pod of the cluster, which looks a name of two labels up as a Service's.
            ...(searched && f.absoluteNames !== true ? serviceNameOf(host) : {}),
          }
        : {
            why: `is ${JSON.stringify(text)}, ${reach.kind === "private" ? "a private address of no network of the stack" : "a public address"} that the egress allowlist of ${j} does not cover`,
            place: `${host} (${f.what})`,
            to: reach.kind === "private" ? "unplaced" : "internet",
          },
    );
  }
  return out;
}

/**
 * The hosts a destination value names: the host of a URL, an address without its port
 * (`10.0.0.5:6789`, `[fd00::1]:3260`), each of a comma-separated list; undefined for a URL
 * that cannot be parsed.
 */
/**
 * The API servers of the clusters a kubeconfig names (`clusters[].cluster.server`), from its
 * text or, for a Secret's `data`, its base64; `[undefined]` when the value holds no kubeconfig
 * the pack can read.
 */
function kubeconfigServers(value: string, base64: boolean): (string | undefined)[] {
  const text = base64 ? Buffer.from(value, "base64").toString("utf8") : value;
  const servers = valuesAt(text, "clusters[].cluster.server").map((found) => str(found.value));
  return servers.length > 0 && servers.every((s) => s !== undefined) ? servers : [undefined];
}

export function hostsOf(value: string, read: DestinationField["read"]): string[] | undefined {
  const hosts = hostsAsWritten(value, read);
  // A host that is no name or address is a placeholder something fills in later (`${HOST}`,
  // `$(HOST)`, a config provider's `${secrets:…}`, a template's `{{ … }}`): not a place to read,
  // and never a Service of the cluster. Two forms are read: the node's own address a pod is given
  // by the downward API as `$(HOST_IP)` (the OpenTelemetry Operator's documented form, a
  // collector on the node), and Thanos's DNS lookup prefixes (`dnssrv+_grpc._tcp.query.svc`).
  return hosts?.every(
    (h) =>
      /^[A-Za-z0-9_.-]+$/.test(h.replace(/^(dns|dnssrv|dnssrvnoa)\+/, "")) ||
      /^\$\(host_ip\)$/i.test(h) ||
      parseCidr(h) !== undefined,
  )
    ? hosts
    : undefined;
}

function hostsAsWritten(value: string, read: DestinationField["read"]): string[] | undefined {
  if (
    read === "url" ||
    read === "request-url" ||
    (read === "service-address" && value.includes("://"))
  ) {
    try {
      const host = new URL(value).hostname;
      return host ? [host.replace(/^\[(.*)\]$/, "$1")] : undefined;
    } catch {
      return undefined;
    }
  }
  const parts = read === "addresses" ? value.split(",") : [value];
  return parts
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => {
      const bracketed = /^\[([^\]]+)\](:\d+)?$/.exec(p);
      if (bracketed) {
        return bracketed[1];
      }
      // One colon: host or IPv4 with a port; more: a bare IPv6 address.
      return p.split(":").length === 2 ? p.split(":")[0] : p;
    });
}

/**
 * How a StorageClass parameter bears on where its provisioner creates volumes: `plain` names no
 * place (a disk type, a file mode, tags); `region`, `zones` (comma-separated) and `endpoint` (a
 * cloud service's host, which carries its region) name a place of the provisioner's cloud;
 * `server` is a host or address the node mounts from (`host`, `host:/path`, several
 * comma-separated, or an SMB `//host/share`). A key parameter (`kmsKeyId`) is plain here: a key
 * ID resolves in the volume's region, and key-locality places a key's ARN wherever it appears.
 * `unset` is read only empty: a value names a source the volume is filled from that the
 * parameter does not place (a Longhorn backup, on a backup target set elsewhere).
 */
export type ParameterReading = "plain" | "region" | "zones" | "endpoint" | "server" | "unset";

/** A provisioner the pack knows, and how it reads each parameter it documents. */
export interface Provisioner {
  /** What it creates, for messages: `EBS volume`, `NFS share`. */
  readonly what: string;
  /** The cloud whose region the volumes are created in (the cluster's), if any. */
  readonly cloud?: Cloud;
  /** Parameters by name, as the driver reads them (case-insensitive where `caseless`). */
  readonly parameters: Readonly<Record<string, ParameterReading>>;
  /** Parameter name patterns read alike (numbered tag keys). */
  readonly patterns?: ReadonlyArray<readonly [RegExp, ParameterReading]>;
  readonly caseless?: boolean;
}

const fsType = { "csi.storage.k8s.io/fstype": "plain" } as const;

const ebs: Provisioner = {
  what: "EBS volume",
  cloud: "aws",
  // aws-ebs-csi-driver docs/parameters.md (case-insensitive); the in-tree plugin's zone(s).
  caseless: true,
  parameters: {
    ...fsType,
    fstype: "plain",
    type: "plain",
    iopspergb: "plain",
    allowautoiopspergbincrease: "plain",
    iops: "plain",
    throughput: "plain",
    encrypted: "plain",
    blockexpress: "plain",
    blocksize: "plain",
    inodesize: "plain",
    bytesperinode: "plain",
    numberofinodes: "plain",
    ext4bigalloc: "plain",
    ext4clustersize: "plain",
    volumeinitializationrate: "plain",
    kmskeyid: "plain",
    zone: "zones",
    zones: "zones",
  },
  patterns: [[/^tagspecification_\d+$/, "plain"]],
};

const efs: Provisioner = {
  what: "EFS access point",
  cloud: "aws",
  // aws-efs-csi-driver: the access point is created on fileSystemId in the driver's own region.
  parameters: {
    provisioningMode: "plain",
    fileSystemId: "plain",
    directoryPerms: "plain",
    uid: "plain",
    gid: "plain",
    gidRangeStart: "plain",
    gidRangeEnd: "plain",
    basePath: "plain",
    subPathPattern: "plain",
    ensureUniqueDirectory: "plain",
    reuseAccessPoint: "plain",
    az: "zones",
  },
};

const alibabaDisk: Provisioner = {
  what: "cloud disk",
  cloud: "alicloud",
  // alibaba-cloud-csi-driver pkg/disk (getDiskVolumeOptions): exact names.
  parameters: {
    ...fsType,
    fsType: "plain",
    fstype: "plain",
    type: "plain",
    performanceLevel: "plain",
    provisionedIops: "plain",
    burstingEnabled: "plain",
    encrypted: "plain",
    readOnly: "plain",
    multiAttach: "plain",
    mkfsOptions: "plain",
    diskTags: "plain",
    resourceGroupId: "plain",
    volumeSizeAutoAvailable: "plain",
    volumeDeleteSnapshotRetentionDays: "plain",
    dataCacheMode: "plain",
    dataCacheSize: "plain",
    kmsKeyId: "plain",
    "alibabacloud.com/kms-key-id": "plain",
    regionId: "region",
    zoneId: "zones",
  },
  patterns: [[/^diskTags\//, "plain"]],
};

const alibabaNas: Provisioner = {
  what: "NAS file system",
  cloud: "alicloud",
  // alibaba-cloud-csi-driver pkg/nas: a subpath or share of `server`, or a new file system.
  parameters: {
    volumeAs: "plain",
    server: "server",
    path: "plain",
    mode: "plain",
    modeType: "plain",
    options: "plain",
    vers: "plain",
    mountType: "plain",
    mountProtocol: "plain",
    archiveOnDelete: "plain",
    volumeCapacity: "plain",
    allowVolumeExpansion: "plain",
    protocolType: "plain",
    storageType: "plain",
    fileSystemType: "plain",
    vpcId: "plain",
    vSwitchId: "plain",
    accessGroupName: "plain",
    deleteVolume: "plain",
    regionId: "region",
    zoneId: "zones",
  },
};

const alibabaOss: Provisioner = {
  what: "OSS bucket mount",
  cloud: "alicloud",
  // The bucket is reached at `url`, the OSS endpoint of its region.
  parameters: {
    bucket: "plain",
    path: "plain",
    url: "endpoint",
    otherOpts: "plain",
    readOnly: "plain",
    volumeAs: "plain",
  },
};

const nfs: Provisioner = {
  what: "NFS share",
  // csi-driver-nfs: a subdirectory of `share` on `server`.
  parameters: {
    server: "server",
    share: "plain",
    subDir: "plain",
    mountPermissions: "plain",
    onDelete: "plain",
  },
};

const smb: Provisioner = {
  what: "SMB share",
  // csi-driver-smb: a subdirectory of the share `source` names; the secrets hold its user.
  parameters: {
    source: "server",
    subDir: "plain",
    onDelete: "plain",
    "csi.storage.k8s.io/provisioner-secret-name": "plain",
    "csi.storage.k8s.io/provisioner-secret-namespace": "plain",
    "csi.storage.k8s.io/node-stage-secret-name": "plain",
    "csi.storage.k8s.io/node-stage-secret-namespace": "plain",
  },
};

/**
 * Provisioners that create volumes on the cluster's own nodes, or on the storage of the site its
 * node VMs run in: their volumes lie where the cluster is, which kubernetes-cluster-placement
 * judges, and no parameter of theirs names another place.
 */
const localPath: Provisioner = {
  what: "node-local volume",
  // rancher/local-path-provisioner (k3s's default class): a directory under nodePath (one of the
  // paths its own config map lists for the node) on the node that runs the pod.
  parameters: { nodePath: "plain", pathPattern: "plain" },
};

const longhorn: Provisioner = {
  what: "Longhorn volume",
  // Longhorn's storage class parameters: replicas on the disks of the cluster's nodes. A backup
  // target (where recurring backups go) is a Longhorn setting or BackupTarget object, judged where
  // it is set; `fromBackup` and a backing image's download source fill the volume from a place
  // the class does not name.
  parameters: {
    ...fsType,
    numberOfReplicas: "plain",
    staleReplicaTimeout: "plain",
    fromBackup: "unset",
    backupTargetName: "plain",
    fsType: "plain",
    mkfsParams: "plain",
    migratable: "plain",
    encrypted: "plain",
    dataLocality: "plain",
    replicaAutoBalance: "plain",
    diskSelector: "plain",
    nodeSelector: "plain",
    recurringJobSelector: "plain",
    backingImageName: "plain",
    backingImageChecksum: "plain",
    backingImageDataSourceType: "plain",
    backingImageDataSourceParameters: "unset",
    unmapMarkSnapChainRemoved: "plain",
    disableRevisionCounter: "plain",
    replicaSoftAntiAffinity: "plain",
    replicaZoneSoftAntiAffinity: "plain",
    replicaDiskSoftAntiAffinity: "plain",
    nfsOptions: "plain",
    dataEngine: "plain",
    v1DataEngine: "plain",
    v2DataEngine: "plain",
    freezeFSForSnapshot: "plain",
    strictTopology: "plain",
    "csi.storage.k8s.io/provisioner-secret-name": "plain",
    "csi.storage.k8s.io/provisioner-secret-namespace": "plain",
    "csi.storage.k8s.io/node-publish-secret-name": "plain",
    "csi.storage.k8s.io/node-publish-secret-namespace": "plain",
    "csi.storage.k8s.io/node-stage-secret-name": "plain",
    "csi.storage.k8s.io/node-stage-secret-namespace": "plain",
  },
};

const vsphere: Provisioner = {
  what: "vSphere virtual disk",
  // vSphere CSI (case-insensitive names): a virtual disk on a datastore the cluster's node VMs
  // share, chosen by storage policy or named by its URL.
  caseless: true,
  parameters: { ...fsType, storagepolicyname: "plain", datastoreurl: "plain", fstype: "plain" },
};

/** The provisioners that keep volumes where the cluster's nodes are, by name. */
const onTheNodes: Readonly<Record<string, Provisioner>> = {
  "rancher.io/local-path": localPath,
  "driver.longhorn.io": longhorn,
  "csi.vsphere.vmware.com": vsphere,
};

/** Their names, for the findings that list the provisioners the pack reads. */
export const nodeProvisioners: readonly string[] = Object.keys(onTheNodes);

/**
 * The provisioners whose parameters the pack reads: the CSI drivers of the two clouds (and their
 * in-tree and FlexVolume predecessors), which create volumes in the cluster's region unless a
 * parameter names another place, and the NFS and SMB CSI drivers, which create directories on
 * the server a parameter names. `kubernetes.io/no-provisioner` creates nothing: its volumes are
 * PersistentVolumes, judged as such. Local Path, Longhorn and vSphere CSI create them where the
 * cluster's nodes are. Any other provisioner is a program the pack cannot read.
 */
export const provisioners: Readonly<Record<string, Provisioner>> = {
  "ebs.csi.aws.com": ebs,
  // EKS Auto Mode's own EBS driver: the same volumes and parameters (EKS user guide, "Create a
  // storage class").
  "ebs.csi.eks.amazonaws.com": ebs,
  "kubernetes.io/aws-ebs": ebs,
  "efs.csi.aws.com": efs,
  "diskplugin.csi.alibabacloud.com": alibabaDisk,
  "alicloud/disk": alibabaDisk,
  "nasplugin.csi.alibabacloud.com": alibabaNas,
  "ossplugin.csi.alibabacloud.com": alibabaOss,
  "nfs.csi.k8s.io": nfs,
  "smb.csi.k8s.io": smb,
  "kubernetes.io/no-provisioner": { what: "local volume", parameters: {} },
  ...onTheNodes,
};

/** How a known provisioner reads a parameter; undefined for one it does not document. */
export function parameterReading(p: Provisioner, key: string): ParameterReading | undefined {
  const name = p.caseless ? key.toLowerCase() : key;
  return (
    (Object.hasOwn(p.parameters, name) ? p.parameters[name] : undefined) ??
    p.patterns?.find(([pattern]) => pattern.test(name))?.[1]
  );
}

/** The hosts a `server` parameter names: `host[:/path]`, comma-separated, or `//host/share`. */
export function serverHosts(value: string): string[] {
  return value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map((s) => {
      const smbHost = /^\/\/([^/]+)/.exec(s);
      if (smbHost) {
        return smbHost[1];
      }
      return hostsOf(s.replace(/:\/.*$/, ""), "address")?.[0] ?? s;
    });
}

/** The StorageClass kinds (every version), whose provisioner and parameters decide where. */
export const storageClassPattern = /^kubernetes:storage\.k8s\.io\/\w+:StorageClass$/;

/** The mutating admission policies and their bindings (every version). */
export const mutatingPolicyPattern =
  /^kubernetes:admissionregistration\.k8s\.io\/\w+:MutatingAdmissionPolicy(Binding)?$/;

/** Kyverno's policies (`kyverno.io`): rules that validate, mutate and generate objects. */
export const kyvernoPolicyPattern = /^kubernetes:kyverno\.io\/\w+:(Cluster)?Policy$/;

/** Kyverno's cleanup policies (`kyverno.io`): scheduled deletions of the objects they match. */
export const kyvernoCleanupPattern = /^kubernetes:kyverno\.io\/\w+:(Cluster)?CleanupPolicy$/;

/**
 * Kyverno's CEL policies (`policies.kyverno.io`): validating, image-validating, mutating,
 * generating and deleting policies, cluster-wide or namespaced.
 */
export const kyvernoCelPattern =
  /^kubernetes:policies\.kyverno\.io\/\w+:(Namespaced)?(Validating|ImageValidating|Mutating|Generating|Deleting)Policy$/;

/** Kyverno's global context entries (`kyverno.io`): data its policies read, cached by Kyverno. */
export const kyvernoGlobalContextPattern = /^kubernetes:kyverno\.io\/\w+:GlobalContextEntry$/;

/** The kinds of `unjudgedResources`, as Kyverno's rules name what they match and generate. */
export const unjudgedKinds: ReadonlySet<string> = new Set([
  "Event",
  "LimitRange",
  "ResourceQuota",
  "Lease",
  "PodDisruptionBudget",
  "PriorityClass",
  "HorizontalPodAutoscaler",
]);

/** ControllerRevisions: a pod template a rollback applies. */
export const controllerRevisionPattern = /^kubernetes:apps\/\w+:ControllerRevision$/;

/**
 * Resources whose objects carry no pod spec, volume, Service, Ingress, NetworkPolicy, webhook,
 * endpoint, storage class or configuration an application reads (`group/resource`, the core
 * group empty): a mutation of them cannot undo anything the pack judged. ConfigMaps and Secrets
 * are not among them: applications read where to send data from them.
 */
export const unjudgedResources: ReadonlySet<string> = new Set([
  "/events",
  "events.k8s.io/events",
  "/limitranges",
  "/resourcequotas",
  "coordination.k8s.io/leases",
  "policy/poddisruptionbudgets",
  "scheduling.k8s.io/priorityclasses",
  "autoscaling/horizontalpodautoscalers",
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
const cronTemplated: PodTemplate = {
  spec: "spec.jobTemplate.spec.template.spec",
  labels: "spec.jobTemplate.spec.template.metadata.labels",
};

/** The workload kinds that run pods, by API group and versions: their objects and patches. */
const workloadKinds: ReadonlyArray<readonly [string, readonly string[], string, PodTemplate]> = [
  ["core", ["v1"], "Pod", { spec: "spec", labels: "metadata.labels" }],
  ["core", ["v1"], "ReplicationController", templated],
  ["apps", ["v1", "v1beta1", "v1beta2"], "Deployment", templated],
  ["apps", ["v1", "v1beta1", "v1beta2"], "StatefulSet", templated],
  ["apps", ["v1", "v1beta2"], "DaemonSet", templated],
  ["apps", ["v1", "v1beta2"], "ReplicaSet", templated],
  ["extensions", ["v1beta1"], "Deployment", templated],
  ["extensions", ["v1beta1"], "DaemonSet", templated],
  ["extensions", ["v1beta1"], "ReplicaSet", templated],
  ["batch", ["v1"], "Job", templated],
  ["batch", ["v1", "v1beta1", "v2alpha1"], "CronJob", cronTemplated],
  // Argo Rollouts' Rollout (a custom resource, policy/reviewed.ts `customResourceKindModels`): a
  // Deployment's replacement, whose ReplicaSets run its template's pods (one that references a
  // Deployment's template instead, `workloadRef`, runs the pods that Deployment declares).
  ["argoproj.io", ["v1alpha1"], "Rollout", templated],
  // KEDA's ScaledJob (a custom resource): it runs a Job of its template for the events its
  // triggers count, as a CronJob runs one on its schedule.
  [
    "keda.sh",
    ["v1alpha1"],
    "ScaledJob",
    {
      spec: "spec.jobTargetRef.template.spec",
      labels: "spec.jobTargetRef.template.metadata.labels",
    },
  ],
  // Knative Serving's Service and Configuration (custom resources): each revision of their
  // template runs its pods, scaled by requests; a Revision is one such, its spec a pod spec.
  ["serving.knative.dev", ["v1"], "Service", templated],
  ["serving.knative.dev", ["v1"], "Configuration", templated],
  ["serving.knative.dev", ["v1"], "Revision", { spec: "spec", labels: "metadata.labels" }],
  // Knative Eventing's ContainerSource runs its template's pods, which send events to its sink;
  // a JobSink runs a Job of its template for each event it is sent.
  ["sources.knative.dev", ["v1"], "ContainerSource", templated],
  // An IntegrationSource runs Apache Camel's pods, which its template may amend.
  ["sources.knative.dev", ["v1alpha1"], "IntegrationSource", templated],
  [
    "sinks.knative.dev",
    ["v1alpha1"],
    "JobSink",
    { spec: "spec.job.spec.template.spec", labels: "spec.job.spec.template.metadata.labels" },
  ],
];

/**
 * The workload kinds that run pods, and where each keeps its pod template: every API version
 * of each kind, and its Patch type, which carries the same template (a patch that changes the
 * pod spec runs pods as the object does). Lists carry these objects in `items` (objectsOf).
 */
export const podTemplates: Readonly<Record<string, PodTemplate>> = Object.fromEntries(
  workloadKinds.flatMap(([group, versions, kind, template]) =>
    versions.flatMap((v) =>
      ["", "Patch"].map((suffix) => [`kubernetes:${group}/${v}:${kind}${suffix}`, template]),
    ),
  ),
);

/** The pod template of a workload type or of a List of one (whose objects are its items). */
export function podTemplateOf(type: string): PodTemplate | undefined {
  return podTemplates[type] ?? (isListType(type) ? podTemplates[baseKind(type)] : undefined);
}

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
    const proto = flowProtocol(protocol ?? "TCP");
    // A named port (a string) can map to any number; read it as every port.
    out.push(
      typeof port === "number"
        ? { ...proto, fromPort: port, toPort: typeof end === "number" ? end : port }
        : proto,
    );
  }
  return out;
}

/**
 * The namespace an object lives in: `metadata.namespace`, else its provider's default namespace,
 * else `default`. A namespace not known at preview (the name of a Namespace the program creates
 * without naming it) is keyed by that Namespace resource, so objects in it still share a scope;
 * undefined when nothing says which namespace it is. An object that names none, deployed through a
 * provider whose namespace is not known at preview (another stack's output, say), is in that
 * provider's namespace, whatever it is: `providerNamespace` keys it, shared by every such object
 * of the provider.
 */
export function namespaceOf(
  r: Pick<BorderResource, "props" | "provider"> &
    Partial<Pick<BorderResource, "propertyDependencies">>,
  get: (urn: string) => Pick<BorderResource, "urn" | "type" | "props"> | undefined,
): string | undefined {
  const own = valueAt(r.props, "metadata.namespace");
  if (!isUnknown(own)) {
    const named = str(own);
    if (named !== undefined) {
      return named;
    }
    const provider = r.provider ? get(r.provider) : undefined;
    const byProvider = provider?.props.namespace;
    return isUnknown(byProvider) && provider
      ? providerNamespace(provider)
      : (str(byProvider) ?? "default");
  }
  const ns = (r.propertyDependencies?.metadata ?? [])
    .map((u) => get(u))
    .filter((d): d is NonNullable<typeof d> => d?.type === namespaceType);
  if (ns.length !== 1) {
    return undefined;
  }
  return namespaceName(ns[0]);
}

/** The key of a provider's namespace that is not known at preview (`namespaceOf`). */
export function providerNamespace(provider: Pick<BorderResource, "urn">): string {
  return `(provider namespace ${provider.urn})`;
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
 * documented ones (not in @pulumi/kubernetes): ACK's under the `alibaba-cloud-` prefix, and the
 * `alicloud-` prefix it had until September 2019, which ACK's controller still reads and older
 * manifests and charts still carry.
 */
export const internalLoadBalancerAnnotations: Readonly<
  Record<Cloud, ReadonlyArray<readonly [string, string]>>
> = {
  alicloud: [
    ["service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type", "intranet"],
    ["service.beta.kubernetes.io/alicloud-loadbalancer-address-type", "intranet"],
  ],
  aws: [
    ["service.beta.kubernetes.io/aws-load-balancer-scheme", "internal"],
    ["service.beta.kubernetes.io/aws-load-balancer-internal", "true"],
  ],
};

/**
 * The internal-load-balancer annotations of clouds the catalog does not place, by the package of
 * their cluster type (`otherCloudClusterPackage`): GKE's (and its older key), AKS's, DigitalOcean
 * Kubernetes's (its cloud controller's `do-loadbalancer-network`, since v0.1.53; a load balancer
 * cannot switch between public and internal once created). Values are written as the clouds
 * document them and compared without case, as for the catalogued clouds.
 */
const otherCloudInternal: Readonly<Record<string, ReadonlyArray<readonly [string, string]>>> = {
  gcp: [
    ["networking.gke.io/load-balancer-type", "Internal"],
    ["cloud.google.com/load-balancer-type", "Internal"],
  ],
  "azure-native": [["service.beta.kubernetes.io/azure-load-balancer-internal", "true"]],
  azure: [["service.beta.kubernetes.io/azure-load-balancer-internal", "true"]],
  digitalocean: [["service.beta.kubernetes.io/do-loadbalancer-network", "INTERNAL"]],
};

/**
 * The internal annotations accepted when the cluster's cloud is not known (it cannot be placed,
 * which kubernetes-cluster-placement reports): any cloud's — every one of the catalogued clouds,
 * and the current one of each other cloud (GKE's, AKS's, DigitalOcean's), each once.
 */
const anyCloudInternal: ReadonlyArray<readonly [string, string]> = [
  ...new Map(
    [
      ...Object.values(internalLoadBalancerAnnotations).flat(),
      ...Object.values(otherCloudInternal).map((annotations) => annotations[0]),
    ].map((a) => [a[0], a]),
  ).values(),
];

/**
 * The internal-load-balancer annotations a cluster of `cloud` reads: a catalogued cloud, the
 * package of another cloud's cluster type, or undefined when the cluster's cloud is not known
 * (any cloud's annotations then, as the pack cannot tell which controller reads them).
 */
export function internalAnnotationsFor(
  cloud: string | undefined,
): ReadonlyArray<readonly [string, string]> {
  if (cloud === undefined) {
    return anyCloudInternal;
  }
  return (
    internalLoadBalancerAnnotations[cloud as Cloud] ?? otherCloudInternal[cloud] ?? anyCloudInternal
  );
}

/** Whether a LoadBalancer Service's annotations make its cluster's cloud provision it internal. */
export function isInternalLoadBalancer(
  annotations: Readonly<Record<string, unknown>>,
  cloud: string | undefined,
): boolean {
  return internalAnnotationsFor(cloud).some(
    ([key, value]) => String(annotations[key] ?? "").toLowerCase() === value.toLowerCase(),
  );
}

/**
 * The site of the team's own the cluster of a Kubernetes object runs at, when the stack declares
 * its context there (sovereign-dc:clusters `{ context, site, country }`).
 */
export function siteOf(r: BorderResource, x: Resolver): SiteCluster | undefined {
  const provider = r.provider ? x.get(r.provider) : undefined;
  if (provider?.type !== kubernetesProviderType) {
    return undefined;
  }
  const source = x.clusterSource(provider);
  return source.kind === "declared" && isSiteCluster(source.declared) ? source.declared : undefined;
}

/**
 * The addresses a LoadBalancer Service asks a site's load balancer for: `spec.loadBalancerIP`,
 * MetalLB's `loadBalancerIPs` annotation (comma-separated; the old and the new prefix), and
 * Cilium LB IPAM's `ips` annotation (the new key and the old, which Cilium's Gateway API
 * controller writes a Gateway's addresses to). No
 * cloud controller serves a site of the team's own, so no cloud's internal annotation makes its
 * load balancer private: only the address it takes does.
 */
export function requestedLoadBalancerIps(props: Readonly<Record<string, unknown>>): unknown[] {
  const annotations = mapAt(props, "metadata.annotations");
  const ip = valueAt(props, "spec.loadBalancerIP");
  return [
    ...(ip === undefined || ip === "" ? [] : [ip]),
    ...[
      "metallb.universe.tf/loadBalancerIPs",
      "metallb.io/loadBalancerIPs",
      "lbipam.cilium.io/ips",
      "io.cilium/lb-ipam-ips",
    ].flatMap((key) => {
      const v = annotations[key];
      return typeof v === "string"
        ? v
            .split(",")
            .map((a) => a.trim())
            .filter((a) => a !== "")
        : [];
    }),
  ];
}

/**
 * ACK's annotation naming an existing load balancer for a LoadBalancer Service to take instead of
 * one its controller would create, under its key and the `alicloud-` one it had before 2019. The
 * Service then faces wherever that load balancer does: its own address type decides, and the
 * address-type annotation, which only shapes a load balancer the controller creates, does not.
 */
const reusedLoadBalancerKeys = [
  "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-id",
  "service.beta.kubernetes.io/alicloud-loadbalancer-id",
] as const;

/** The Alibaba Cloud load balancers an ACK Service may take by ID: CLB instances and NLB ones. */
const alicloudLoadBalancerTypes = [
  "alicloud:slb/loadBalancer:LoadBalancer",
  "alicloud:slb/applicationLoadBalancer:ApplicationLoadBalancer",
  "alicloud:nlb/loadBalancer:LoadBalancer",
];

/**
 * The existing load balancer an ACK LoadBalancer Service takes (`reusedLoadBalancerKeys`): a load
 * balancer of the program, private when its `addressType` is intranet; or one the program does not
 * create, named by its ID (undefined when the ID is not known at preview), which the pack cannot
 * see. Undefined when the Service names none, or its cluster is not ACK's.
 */
export type ReusedLoadBalancer =
  | { readonly key: string; readonly lb: BorderResource; readonly internal: boolean }
  | { readonly key: string; readonly lb?: undefined; readonly id: string | undefined };

function reusedLoadBalancer(
  service: BorderResource,
  x: Resolver,
  cloud: string | undefined,
): ReusedLoadBalancer | undefined {
  if (cloud !== "alicloud") {
    return undefined;
  }
  const annotations = mapAt(service.props, "metadata.annotations");
  for (const key of reusedLoadBalancerKeys) {
    const id = annotations[key];
    if (id === undefined || id === null || id === "") {
      continue;
    }
    const lb = x.resourceAt(
      service,
      `metadata.annotations.${key.replaceAll(".", "\\.")}`,
      alicloudLoadBalancerTypes,
    );
    if (lb !== undefined) {
      const type = valueAt(lb.props, "addressType");
      return { key, lb, internal: typeof type === "string" && type.toLowerCase() === "intranet" };
    }
    return { key, id: isUnknown(id) ? undefined : String(id) };
  }
  return undefined;
}

/**
 * Whether the client sources a load balancer admits are at least one, and each a text that is
 * private or allowlisted: such a load balancer serves no one else, as a security group that
 * admits only those ranges does (public-exposure).
 */
export function onlyPrivateOrAllowlisted(
  sources: readonly unknown[],
  allowlist: Resolver["allowlist"],
): boolean {
  return (
    sources.length > 0 &&
    sources.every((s) => typeof s === "string" && reachOfAddress(s, allowlist).kind !== "internet")
  );
}

/**
 * The entries of an access-control list of the program: `own`, those it lists itself, and those
 * of the entry attachments (`attachmentType`, by `aclId` and `entry`) that name it.
 */
function withAttachedEntries(
  acl: BorderResource,
  own: readonly unknown[],
  attachmentType: string,
  x: Resolver,
): unknown[] {
  return [
    ...own,
    ...x
      .ofType(attachmentType)
      .filter((a) => x.resourceAt(a, "aclId", [acl.type]) === acl)
      .map((a) => valueAt(a.props, "entry")),
  ];
}

/** An ACL entry as written: its text (a CIDR block or address), trimmed. */
const entryText = (e: unknown): unknown => {
  const text = typeof e === "string" ? e : valueAt(e, "entry");
  return typeof text === "string" ? text.trim() : text;
};

/**
 * ACK's access-control annotations of a LoadBalancer Service, under its key prefix and the
 * `alicloud-` one it had before 2019: with `…-acl-status: on` and `…-acl-type: white`, the
 * listeners the controller creates for the Service forward only clients of the CLB ACL that
 * `…-acl-id` names.
 */
const ackAclKeys = (suffix: string) =>
  ["alibaba-cloud", "alicloud"].map(
    (p) => `service.beta.kubernetes.io/${p}-loadbalancer-acl-${suffix}`,
  );

const slbAclType = "alicloud:slb/acl:Acl";

/**
 * Whether an ACK LoadBalancer Service's load balancer admits only private or allowlisted clients:
 * its access-control annotations (`ackAclKeys`) whitelist an SLB ACL of the program whose entries
 * (its `entryLists`, and the `slb.AclEntryAttachment`s of it) are all private or allowlisted, and
 * at least one. Such a load balancer serves no one else, as a security group that admits only
 * those ranges does. False on a cluster of another cloud, for an ACL the program does not create,
 * or a value not known at preview.
 */
function whitelistedByAckAcl(
  service: BorderResource,
  x: Resolver,
  cloud: string | undefined,
): boolean {
  if (cloud !== "alicloud") {
    return false;
  }
  const annotations = mapAt(service.props, "metadata.annotations");
  const first = (suffix: string) => ackAclKeys(suffix).find((k) => annotations[k] !== undefined);
  const status = first("status");
  const type = first("type");
  const id = first("id");
  if (
    status === undefined ||
    type === undefined ||
    id === undefined ||
    String(annotations[status]).toLowerCase() !== "on" ||
    String(annotations[type]).toLowerCase() !== "white"
  ) {
    return false;
  }
  const acl = x.resourceAt(service, `metadata.annotations.${id.replaceAll(".", "\\.")}`, [
    slbAclType,
  ]);
  if (acl === undefined) {
    return false;
  }
  const entries = withAttachedEntries(
    acl,
    valuesAt(acl.props, "entryLists[].entry").map((f) => f.value),
    "alicloud:slb/aclEntryAttachment:AclEntryAttachment",
    x,
  );
  return onlyPrivateOrAllowlisted(entries.map(entryText), x.allowlist);
}

/**
 * The client ranges an EKS LoadBalancer Service's load balancer admits, when every one is private
 * or allowlisted: `spec.loadBalancerSourceRanges`, or, where that lists none, the
 * `service.beta.kubernetes.io/load-balancer-source-ranges` annotation (comma-separated), which
 * AWS's controllers (the in-tree one and the Load Balancer Controller) write into the load
 * balancer's security group. Such a load balancer serves no one else, as a security group that
 * admits only those ranges does (public-exposure). Undefined on a cluster of another cloud (ACK
 * restricts its load balancers by access-control-list annotations instead), when the Service
 * names no range, or when one is not known at preview or reaches the internet.
 */
function restrictedSourceRanges(
  service: BorderResource,
  x: Resolver,
  cloud: string | undefined,
): readonly string[] | undefined {
  if (cloud !== "aws") {
    return undefined;
  }
  const field = valueAt(service.props, "spec.loadBalancerSourceRanges");
  const annotation = mapAt(service.props, "metadata.annotations")[
    "service.beta.kubernetes.io/load-balancer-source-ranges"
  ];
  const listed = Array.isArray(field) && field.length > 0 ? field : undefined;
  const ranges: unknown[] =
    listed ??
    (typeof annotation === "string"
      ? annotation
          .split(",")
          .map((c) => c.trim())
          .filter((c) => c !== "")
      : []);
  if (isUnknown(field) || (listed === undefined && isUnknown(annotation)) || ranges.length === 0) {
    return undefined;
  }
  return onlyPrivateOrAllowlisted(ranges, x.allowlist) ? (ranges as string[]) : undefined;
}

/**
 * The load balancer classes of AWS's own controllers that take a Service from the in-tree one —
 * the AWS Load Balancer Controller's and EKS Auto Mode's — and the controller's
 * `aws-load-balancer-type` values that do the same (`external`, and `nlb-ip` before 2.2). Both
 * provision an internal NLB unless `service.beta.kubernetes.io/aws-load-balancer-scheme` asks for
 * `internet-facing` ("secure by default" since 2.2), where the in-tree controller's default is an
 * internet-facing one.
 */
const awsControllerClasses = ["service.k8s.aws/nlb", "eks.amazonaws.com/nlb"];
const awsControllerTypes = ["external", "nlb-ip"];

/**
 * Whether an EKS LoadBalancer Service is served by one of AWS's own load balancer controllers
 * (`awsControllerClasses`), which make an internal NLB unless its scheme asks for the internet. On
 * an EKS Auto Mode cluster of the program whose load balancing is on
 * (`kubernetesNetworkConfig.elasticLoadBalancing.enabled`), Auto Mode's class is every Service's
 * default, so a Service that names no class or type is served by it too.
 */
function internalByAwsController(
  service: BorderResource,
  x: Resolver,
  cloud: string | undefined,
): boolean {
  if (cloud !== "aws") {
    return false;
  }
  const annotations = mapAt(service.props, "metadata.annotations");
  const cls = valueAt(service.props, "spec.loadBalancerClass");
  const type = annotations["service.beta.kubernetes.io/aws-load-balancer-type"];
  const byController =
    (typeof cls === "string" && awsControllerClasses.includes(cls)) ||
    (typeof type === "string" && awsControllerTypes.includes(type.toLowerCase())) ||
    (cls === undefined && type === undefined && autoModeLoadBalancing(service, x));
  const scheme = annotations["service.beta.kubernetes.io/aws-load-balancer-scheme"];
  return byController && (scheme === undefined || String(scheme).toLowerCase() === "internal");
}

/** Whether a Kubernetes object runs on an EKS cluster of the program whose Auto Mode balances load. */
function autoModeLoadBalancing(r: BorderResource, x: Resolver): boolean {
  const cluster = programCluster(r, x);
  return (
    cluster?.type === "aws:eks/cluster:Cluster" &&
    valueAt(cluster.props, "kubernetesNetworkConfig.elasticLoadBalancing.enabled") === true
  );
}

/**
 * The cluster of the program a Kubernetes object runs on, when its provider is built from one. A
 * provider built from a multi-language component's kubeconfig (`eks.Cluster`) runs on the cluster
 * resource its plugin registers inside it — under the Pulumi CLI, and offline when the plugin is
 * installed — whose settings and add-ons the pack reads; without the plugin, on the component.
 */
export function programCluster(r: BorderResource, x: Resolver): BorderResource | undefined {
  const provider = r.provider ? x.get(r.provider) : undefined;
  if (provider?.type !== kubernetesProviderType) {
    return undefined;
  }
  const source = x.clusterSource(provider);
  if (source.kind !== "resource") {
    return undefined;
  }
  const component = source.cluster;
  return clusterComponentTypes[component.type] === undefined
    ? component
    : (x.childrenOfKind([component], clusterTypes)[0] ?? component);
}

/**
 * The hostNetwork flag of each pod spec a resource holds — a workload's template, an operator's
 * pod specs (ECK's), a RedisCluster's own `spec.hostNetwork` — undefined where a spec sets none.
 */
export function hostNetworkFlags(r: BorderResource): unknown[] {
  const flags = podSpecsOf(r.type).flatMap((at) =>
    valuesAt(r.props, at).map((spec) => valueAt(spec.value, "hostNetwork")),
  );
  return /:RedisCluster$/.test(baseKind(r.type))
    ? [...flags, valueAt(r.props, "spec.hostNetwork")]
    : flags;
}

/** Whether every pod a resource runs is known to run on its node's network, by its flags. */
export function allOnNodeNetwork(flags: readonly unknown[]): boolean {
  return flags.length > 0 && flags.every((f) => f === true);
}

/**
 * Whether a LoadBalancer Service's load balancer is private: on a cloud's cluster, by its cloud's
 * internal-load-balancer annotation, or, on ACK, by the address type of the existing load balancer
 * it takes (`reusedLoadBalancer`: one the program does not create is not known to be private); on
 * EKS, a load balancer that admits only private or allowlisted ranges is as good
 * (`restrictedSourceRanges`); at a site of the team's own, by the addresses it asks for, every one
 * known and private.
 */
export function privateLoadBalancer(service: BorderResource, x: Resolver): boolean {
  if (siteOf(service, x) !== undefined) {
    const ips = requestedLoadBalancerIps(service.props);
    return ips.length > 0 && ips.every((ip) => typeof ip === "string" && isPrivateCidr(ip));
  }
  return cloudLoadBalancer(service, x).kind === "internal";
}

/**
 * Where the cloud load balancer of a LoadBalancer Service on a cloud's cluster faces, read once
 * for kubernetes-service-exposure's finding and the graph alike (the cluster's cloud derived
 * once): on ACK, the existing load balancer it takes decides (`reusedLoadBalancer`); on EKS, client
 * ranges that are all private or allowlisted (`restrictedSourceRanges`) or AWS's own controllers'
 * internal default (`internalByAwsController`) keep it inside; else its cloud's internal annotation.
 */
export type CloudLoadBalancer =
  | { readonly kind: "internal" }
  | { readonly kind: "annotation"; readonly cloud: string | undefined }
  | { readonly kind: "reused"; readonly reused: ReusedLoadBalancer };

export function cloudLoadBalancer(service: BorderResource, x: Resolver): CloudLoadBalancer {
  const cloud = controllerCloud(service, x);
  const reused = reusedLoadBalancer(service, x, cloud);
  if (reused !== undefined) {
    return reused.lb !== undefined && reused.internal
      ? { kind: "internal" }
      : { kind: "reused", reused };
  }
  return restrictedSourceRanges(service, x, cloud) !== undefined ||
    whitelistedByAckAcl(service, x, cloud) ||
    internalByAwsController(service, x, cloud) ||
    isInternalLoadBalancer(mapAt(service.props, "metadata.annotations"), cloud)
    ? { kind: "internal" }
    : { kind: "annotation", cloud };
}

/**
 * The cloud whose controller serves the cluster a Kubernetes object runs in: a catalogued cloud
 * (`clusterCloud`), else the package of another cloud's cluster its provider's kubeconfig comes
 * from (GKE's `gcp`), else undefined.
 */
export function controllerCloud(r: BorderResource, x: Resolver): string | undefined {
  const cloud = clusterCloud(r, x);
  if (cloud !== undefined) {
    return cloud;
  }
  const provider = r.provider ? x.get(r.provider) : undefined;
  if (provider?.type !== kubernetesProviderType) {
    return undefined;
  }
  const source = x.clusterSource(provider);
  return source.kind === "unplaced" ? source.otherCloud?.pkg : undefined;
}

/** The cloud of the cluster a Kubernetes object runs in, when the pack can place the cluster. */
export function clusterCloud(r: BorderResource, x: Resolver): Cloud | undefined {
  const provider = r.provider ? x.get(r.provider) : undefined;
  if (provider?.type !== kubernetesProviderType) {
    return undefined;
  }
  const source = x.clusterSource(provider);
  return source.kind === "resource"
    ? (clusterComponentTypes[source.cluster.type] ?? cloudOf(source.cluster.type))
    : source.kind === "declared"
      ? isSiteCluster(source.declared)
        ? undefined
        : source.declared.cloud
      : source.kind === "endpoint"
        ? source.cloud
        : undefined;
}

/**
 * The AlbConfig an IngressClass of this name points at, when the program declares both: ACK's ALB
 * Ingress controller serves the class's Ingresses from the ALB it describes.
 */
export function albConfigOf(className: string, x: Resolver): BorderResource | undefined {
  return classParameters(className, "AlbConfig", ["kubernetes:alibabacloud.com/v1:AlbConfig"], x);
}

/**
 * Whether every listener of an AlbConfig's ALB admits only private or allowlisted clients: ACK's
 * ALB Ingress controller serves the Ingresses of its class only on the listeners the AlbConfig
 * declares (`spec.listeners[]`), and a listener whose `aclConfig` is a whitelist (`aclType:
 * White`) forwards only requests from its entries — written in the AlbConfig (`aclEntries`), or
 * those of the ALB ACLs it names (`aclIds`: `alb.Acl`s of the program, with their `aclEntries`
 * and `alb.AclEntryAttachment`s). Such an internet-facing ALB serves no one else, as a security
 * group admitting only those ranges does. False when it declares no listener, when a listener has
 * no whitelist or an empty one (ALB then forwards every request), names an ACL the program does
 * not create, or holds a value not known at preview.
 */
export function whitelistedAlbListeners(config: BorderResource, x: Resolver): boolean {
  const listeners = valueAt(config.props, "spec.listeners");
  if (!Array.isArray(listeners) || listeners.length === 0) {
    return false;
  }
  const acls = x.refs(config, "spec.listeners[].aclConfig.aclIds[]", [albAclType]);
  let next = 0;
  return listeners.every((listener) => {
    const acl = valueAt(listener, "aclConfig");
    const type = valueAt(acl, "aclType");
    const inline = valueAt(acl, "aclEntries");
    const ids = valueAt(acl, "aclIds");
    const named = Array.isArray(ids) ? acls.slice(next, (next += ids.length)) : [];
    const entries: unknown[] = [
      ...(Array.isArray(inline) ? inline : []),
      ...named.flatMap((ref) => {
        if (ref.kind !== "resource") {
          return [];
        }
        const own = valueAt(ref.resource.props, "aclEntries");
        return withAttachedEntries(
          ref.resource,
          Array.isArray(own) ? own : [],
          "alicloud:alb/aclEntryAttachment:AclEntryAttachment",
          x,
        );
      }),
    ];
    return (
      typeof type === "string" &&
      type.toLowerCase() === "white" &&
      named.every((ref) => ref.kind === "resource") &&
      onlyPrivateOrAllowlisted(entries.map(entryText), x.allowlist)
    );
  });
}

const albAclType = "alicloud:alb/acl:Acl";

/**
 * The address type of the default ALB that ACK's ALB Ingress controller add-on creates for the
 * cluster an object runs on (its AlbConfig and IngressClass are both named `alb`), when the
 * program's cluster installs the add-on with `albIngress.CreateDefaultALBConfig` true in its
 * config — in the cluster's `addons` or a `cs.KubernetesAddon` of the cluster:
 * `albIngress.AddressType`, Internet unless it says otherwise. Undefined when the cluster is not
 * the program's or creates no default ALB.
 */
export function addonDefaultAlb(r: BorderResource, x: Resolver): string | undefined {
  const cluster = programCluster(r, x);
  if (cluster === undefined || !cluster.type.startsWith("alicloud:cs/")) {
    return undefined;
  }
  for (const addon of ackAddonInstalls(cluster, x)) {
    if (
      valueAt(addon, "name") !== "alb-ingress-controller" ||
      valueAt(addon, "disabled") === true
    ) {
      continue;
    }
    const config = valueAt(addon, "config");
    const doc = typeof config === "string" && config !== "" ? jsonDocument(config) : undefined;
    const alb = doc !== null && typeof doc === "object" ? valueAt(doc, "albIngress") : undefined;
    if (valueAt(alb, "CreateDefaultALBConfig") === true) {
      return str(valueAt(alb, "AddressType")) ?? "Internet";
    }
  }
  return undefined;
}

/** An add-on ACK installs on a cluster, declared apart from the cluster's `addons`. */
const ackAddonType = "alicloud:cs/kubernetesAddon:KubernetesAddon";

/** The add-ons an ACK cluster of the program installs: its `addons`, and `cs.KubernetesAddon`s of it. */
function ackAddonInstalls(cluster: BorderResource, x: Resolver): unknown[] {
  return [
    ...valuesAt(cluster.props, "addons[]").map(({ value }) => value),
    ...x
      .ofType(ackAddonType)
      .filter((a) => x.resourceAt(a, "clusterId") === cluster)
      .map((a) => a.props),
  ];
}

/**
 * Whether add-ons' configurations (`configurationValues`, `config`: JSON, or YAML, which the EKS
 * console writes them in too) turn `key` on: `unknown` where one is not known at preview.
 */
function configTurnsOn(configs: readonly unknown[], key: string): "on" | "off" | "unknown" {
  if (configs.some(isUnknown)) {
    return "unknown";
  }
  return configs.some((c) => {
    const doc = typeof c === "string" && c !== "" ? documentInText(c) : undefined;
    return isTrue(valueAt(doc, key));
  })
    ? "on"
    : "off";
}

/** Why a cluster of the program does not enforce NetworkPolicies, and what would make it. */
export interface UnenforcedPolicies {
  readonly why: string;
  readonly fix: string;
  /** The setting that decides it is not known at preview. */
  readonly undecided?: true;
}

/**
 * The network plugins' DaemonSets (in `kube-system`) that implement NetworkPolicy themselves,
 * installed beside or instead of the cloud's own plugin: Cilium, Calico (and Tigera's operator's
 * `calico-system`), Antrea, kube-router.
 */
const policyEngineDaemonSets: ReadonlySet<string> = new Set([
  "cilium",
  "calico-node",
  "antrea-agent",
  "kube-router",
]);

/**
 * The charts of those plugins, by name or at the end of a repository path or OCI reference
 * (`cilium`, `projectcalico/tigera-operator`, `oci://…/cilium`): a Helm release or chart of one
 * installs it, though the pack sees none of its objects (helm-releases and offline-visibility
 * report that). A v4 Chart, a component whose inputs the policy runtime does not hand over, is
 * read by its resource's name.
 */
/** Helm v4's Chart, a component the Kubernetes provider's plugin constructs. */
export const helmChartType = "kubernetes:helm.sh/v4:Chart";

const policyEngineCharts = /(^|\/)(cilium|calico|tigera-operator|antrea|kube-router)$/;

/** Helm v3's Release, whose chart and values the pack reads. */
const helmReleaseType = "kubernetes:helm.sh/v3:Release";

/** The VPC CNI's own chart (`eks/aws-vpc-cni`, or by its repository path or OCI reference). */
const vpcCniChart = /(^|\/)aws-vpc-cni$/;

/** A Fargate profile selector's value, whose `*` and `?` match any text and any one character. */
function fargatePattern(value: unknown): RegExp | undefined {
  if (typeof value !== "string") {
    return undefined;
  }
  const escaped = value.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${escaped.replaceAll("*", ".*").replaceAll("?", ".")}$`);
}

/**
 * The Fargate profile of an EKS cluster of the program that runs the pods of workload `r` in
 * `namespace`, if one does: a selector of the profile names the namespace (`*` and `?` as
 * wildcards) and every label it gives is on the workload's pod template. A workload whose pod
 * labels are not read here (an operator's) is selected only by a selector without labels. The
 * VPC CNI applies NetworkPolicies on EC2 Linux nodes only, "not to Fargate or Windows nodes"
 * (docs.aws.amazon.com/eks/latest/userguide/cni-network-policy.html), and no other network
 * plugin runs on Fargate, which runs no DaemonSet.
 */
export function fargateProfileOf(
  r: BorderResource,
  namespace: string,
  x: Resolver,
): BorderResource | undefined {
  const cluster = programCluster(r, x);
  if (cluster?.type !== "aws:eks/cluster:Cluster") {
    return undefined;
  }
  const template = podTemplateOf(r.type);
  const labels = template ? valueAt(r.props, template.labels) : undefined;
  const selects = (selector: unknown) => {
    // What is not known at preview may select the pods: it is read as selecting them.
    const named = valueAt(selector, "namespace");
    const wanted = valueAt(selector, "labels");
    if (!isUnknown(named) && !(fargatePattern(named)?.test(namespace) ?? false)) {
      return false;
    }
    if (wanted === undefined || wanted === null || isUnknown(wanted) || isUnknown(labels)) {
      return true;
    }
    const have = (labels ?? {}) as Record<string, unknown>;
    return Object.entries(wanted as Record<string, unknown>).every(
      ([k, v]) =>
        isUnknown(v) ||
        isUnknown(have[k]) ||
        (typeof have[k] === "string" && (fargatePattern(v)?.test(have[k]) ?? false)),
    );
  };
  return x
    .ofType("aws:eks/fargateProfile:FargateProfile")
    .find(
      (p) =>
        x.resourceAt(p, "clusterName", ["aws:eks/cluster:Cluster"]) === cluster &&
        valuesAt(p.props, "selectors[]").some((s) => selects(s.value)),
    );
}

/**
 * Whether cluster `cluster` of the program enforces the NetworkPolicies its namespaces' default
 * deny rests on — undefined when it does, or when its kind is not read here — given the objects
 * `onCluster` deployed to it:
 * - EKS: the VPC CNI enforces them only when asked — its managed add-on (`aws.eks.Addon`
 *   `vpc-cni`) with `enableNetworkPolicy` in its configuration values (JSON or YAML), or, on EKS
 *   Auto Mode, whose VPC CNI takes none of the add-on's options, the `amazon-vpc-cni` ConfigMap
 *   of `kube-system` with `enable-network-policy-controller: "true"`
 *   (docs.aws.amazon.com/eks/latest/userguide/cni-network-policy-configure.html,
 *   auto-net-pol.html, auto-networking.html); until then NetworkPolicies are accepted and never
 *   applied; the VPC CNI installed from its Helm chart (`aws-vpc-cni`, a v3 release) is asked by
 *   the release's `enableNetworkPolicy` value;
 * - ACK (managed and dedicated): only Terway in shared ENI mode (`terway-eniip`) enforces them,
 *   with `NetworkPolicy: "true"` in its add-on's config (the cluster's `addons` or a
 *   `cs.KubernetesAddon`); Terway in exclusive ENI mode (`terway-eni`) and Flannel do not
 *   (help.aliyun.com: "Use network policies in ACK clusters");
 * - either: a network plugin that implements NetworkPolicy itself runs beside it — its DaemonSet
 *   (`cilium`, `calico-node`, …), its own policies, Tigera's operator `Installation` or a Helm
 *   release or chart of it are among the cluster's objects.
 * An `eks.Cluster` component is judged by the EKS cluster and add-on its plugin registers inside
 * it (`programCluster`). ACK Serverless and clusters the program does not create are not read
 * here.
 */
export function unenforcedNetworkPolicies(
  cluster: BorderResource,
  onCluster: readonly BorderResource[],
  x: Resolver,
): UnenforcedPolicies | undefined {
  const engine = onCluster.some(
    (o) =>
      cniPolicyTypes.has(o.type) ||
      (baseKind(o.type) === "kubernetes:apps/v1:DaemonSet" &&
        policyEngineDaemonSets.has(String(valueAt(o.props, "metadata.name")))) ||
      /^kubernetes:operator\.tigera\.io\/v1:Installation$/.test(o.type) ||
      (/^kubernetes:helm\.sh\/v[34]:(Release|Chart)$/.test(o.type) &&
        policyEngineCharts.test(str(valueAt(o.props, "chart")) ?? o.name)),
  );
  if (engine) {
    return undefined;
  }
  if (cluster.type === "aws:eks/cluster:Cluster") {
    // On Auto Mode the VPC CNI add-on's options do not apply: the network policy controller is
    // turned on by the ConfigMap alone. Elsewhere the add-on's parameter turns on both the
    // controller and the nodes' policy agent, which the ConfigMap alone does not.
    if (isTrue(valueAt(cluster.props, "computeConfig.enabled"))) {
      const controller = onCluster.some(
        (o) =>
          baseKind(o.type) === "kubernetes:core/v1:ConfigMap" &&
          valueAt(o.props, "metadata.name") === "amazon-vpc-cni" &&
          valueAt(o.props, "metadata.namespace") === "kube-system" &&
          isTrue(valueAt(o.props, "data.enable-network-policy-controller")),
      );
      return controller
        ? undefined
        : {
            why: 'EKS Auto Mode accepts NetworkPolicies but applies none until the amazon-vpc-cni ConfigMap of kube-system sets enable-network-policy-controller to "true" (the VPC CNI add-on\'s options do not apply to it)',
            fix: 'Create the ConfigMap amazon-vpc-cni in kube-system with enable-network-policy-controller: "true"',
          };
    }
    const addons = x
      .ofType("aws:eks/addon:Addon")
      .filter(
        (a) =>
          valueAt(a.props, "addonName") === "vpc-cni" &&
          x.resourceAt(a, "clusterName", ["aws:eks/cluster:Cluster"]) === cluster,
      );
    // The VPC CNI installed from its Helm chart (eks-charts `aws-vpc-cni`) instead of the add-on
    // takes the same switch as a value of the release.
    const releases = onCluster.filter(
      (o) =>
        baseKind(o.type) === helmReleaseType &&
        vpcCniChart.test(str(valueAt(o.props, "chart")) ?? ""),
    );
    const fromAddons = configTurnsOn(
      addons.map((a) => valueAt(a.props, "configurationValues")),
      "enableNetworkPolicy",
    );
    const fromReleases = releases.map((o) => valueAt(o.props, "values.enableNetworkPolicy"));
    const state =
      fromAddons === "on" || fromReleases.some(isTrue)
        ? "on"
        : fromAddons === "unknown" || fromReleases.some(isUnknown)
          ? "unknown"
          : "off";
    if (state === "unknown") {
      return fromAddons === "unknown"
        ? {
            why: "the configuration values of its vpc-cni add-on are not known at preview, so whether the VPC CNI enforces NetworkPolicies cannot be decided",
            fix: 'Set the vpc-cni add-on\'s configurationValues as a literal with enableNetworkPolicy "true"',
            undecided: true,
          }
        : {
            why: "the enableNetworkPolicy value of its aws-vpc-cni Helm release is not known at preview, so whether the VPC CNI enforces NetworkPolicies cannot be decided",
            fix: "Set the release's enableNetworkPolicy value as a literal true",
            undecided: true,
          };
    }
    if (state === "on") {
      return undefined;
    }
    return {
      why:
        addons.length > 0
          ? "its vpc-cni add-on does not enable network policy (configurationValues enableNetworkPolicy), so the VPC CNI accepts NetworkPolicies and applies none"
          : releases.length > 0
            ? "its aws-vpc-cni Helm release does not set enableNetworkPolicy to true, so the VPC CNI accepts NetworkPolicies and applies none"
            : "its VPC CNI enforces none unless asked, and no vpc-cni add-on of the program enables network policy (configurationValues enableNetworkPolicy)",
      fix:
        addons.length === 0 && releases.length > 0
          ? "Set enableNetworkPolicy: true in the aws-vpc-cni release's values, or install a network plugin that enforces NetworkPolicies (Cilium, Calico)"
          : 'Install the vpc-cni add-on (aws.eks.Addon) with configurationValues {"enableNetworkPolicy": "true"}, or a network plugin that enforces NetworkPolicies (Cilium, Calico)',
    };
  }
  if (
    cluster.type !== "alicloud:cs/managedKubernetes:ManagedKubernetes" &&
    cluster.type !== "alicloud:cs/kubernetes:Kubernetes"
  ) {
    return undefined;
  }
  const installs = ackAddonInstalls(cluster, x).filter((a) => valueAt(a, "disabled") !== true);
  // Only Terway in shared ENI mode (`terway-eniip`) applies NetworkPolicies: not its exclusive
  // ENI mode (`terway-eni`), nor its control plane's add-on (`terway-controlplane`).
  const terway = installs.filter((a) => valueAt(a, "name") === "terway-eniip");
  const exclusive = installs.some((a) => valueAt(a, "name") === "terway-eni");
  const state = configTurnsOn(
    terway.map((a) => valueAt(a, "config")),
    "NetworkPolicy",
  );
  if (state === "unknown") {
    return {
      why: "the config of its Terway add-on is not known at preview, so whether Terway enforces NetworkPolicies cannot be decided",
      fix: 'Set the Terway add-on\'s config as a literal with NetworkPolicy "true"',
      undecided: true,
    };
  }
  if (state === "on") {
    return undefined;
  }
  const flannel = installs.some((a) => valueAt(a, "name") === "flannel");
  return {
    why: flannel
      ? "its network plugin is Flannel, which does not implement NetworkPolicy"
      : exclusive && terway.length === 0
        ? "its network plugin is Terway in exclusive ENI mode (terway-eni), which applies no NetworkPolicy"
        : terway.length > 0
          ? 'its Terway add-on does not set NetworkPolicy "true" in its config, so Terway applies no NetworkPolicy'
          : 'none of its add-ons is Terway with NetworkPolicy "true", the network plugin of ACK that enforces NetworkPolicies',
    fix: 'Install Terway (terway-eniip) with NetworkPolicy "true" in its config, in the cluster\'s addons',
  };
}

/**
 * The object of `kind` (one of `types`) that the IngressClass named `className` names as its
 * parameters, when the program declares both.
 */
function classParameters(
  className: string,
  kind: string,
  types: readonly string[],
  x: Resolver,
): BorderResource | undefined {
  const ingressClass = x
    .ofType("kubernetes:networking.k8s.io/v1:IngressClass")
    .find((c) => objectName(c) === className);
  const params = ingressClass ? valueAt(ingressClass.props, "spec.parameters") : undefined;
  const name = str(valueAt(params, "name"));
  if (!name || valueAt(params, "kind") !== kind) {
    return undefined;
  }
  return types.flatMap((type) => x.ofType(type)).find((c) => objectName(c) === name);
}

/**
 * The IngressClassParams an IngressClass of this name points at, when the program declares both:
 * the AWS Load Balancer Controller's (`elbv2.k8s.aws`) or EKS Auto Mode's (`eks.amazonaws.com`).
 * Its `spec.scheme` and `spec.inboundCIDRs` apply to every Ingress of the class, over the
 * Ingresses' own annotations.
 */
export function ingressClassParamsOf(className: string, x: Resolver): BorderResource | undefined {
  return classParameters(
    className,
    "IngressClassParams",
    [
      "kubernetes:elbv2.k8s.aws/v1beta1:IngressClassParams",
      "kubernetes:eks.amazonaws.com/v1:IngressClassParams",
    ],
    x,
  );
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

/** The fields a type's whole object is judged by, beside its destinations. */
function objectFields(kind: string): Array<{ path: string; format: string }> {
  if (storageClassPattern.test(kind)) {
    return [
      { path: "provisioner", format: "provisioner" },
      { path: "parameters", format: "parameters (by provisioner)" },
    ];
  }
  if (controllerRevisionPattern.test(kind)) {
    return [{ path: "data", format: "pod template" }];
  }
  if (mutatingPolicyPattern.test(kind)) {
    return kind.endsWith("Binding")
      ? [{ path: "spec.matchResources.resourceRules[]", format: "resources" }]
      : [
          { path: "spec.matchConstraints.resourceRules[]", format: "resources" },
          { path: "spec.mutations[]", format: "opaque (CEL)" },
        ];
  }
  return [];
}

/**
 * The input paths kubernetes-egress reads on a type: destinations, NetworkPolicy ipBlocks, a
 * StorageClass's provisioner and parameters, a revision's pod template, and what a mutating
 * admission policy matches. The coverage report lists them for the Kubernetes table's rows the
 * policy judges by its own code (paths/types/kubernetes.ts `judgedByCode`).
 */
export function egressFields(type: string): Array<{ path: string; format: string }> {
  const prefix = isListType(type) ? "items[]." : "";
  return [
    ...objectFields(baseKind(type)).map((f) => ({ ...f, path: `${prefix}${f.path}` })),
    ...destinationFields(type).map((f) => ({
      path: f.path,
      format:
        f.read === "outside" || f.read === "url" || f.read === "csi" || f.read === "mount-option"
          ? f.read
          : "endpoint",
    })),
    ...(networkPolicyTypes.has(baseKind(type))
      ? [{ path: `${prefix}spec.egress[].to[].ipBlock.cidr`, format: "cidr" }]
      : []),
  ];
}

/**
 * The flags by which an ingress controller is told the class it serves: ingress-nginx's
 * `--ingress-class` (before IngressClass objects, the class's whole declaration), Traefik's
 * `--providers.kubernetesingress.ingressclass` and `--providers.kubernetescrd.ingressclass`.
 */
const ingressClassFlag =
  /^--(?:ingress-class|ingressclass|providers\.kubernetes(?:ingress|crd)\.ingressclass)(?:=(.*))?$/i;

/**
 * Whether the program runs an ingress controller of class `cls` on `r`'s cluster: a workload
 * whose container's args (or command) give the class by its flag (`--ingress-class=my-nginx`),
 * as programs that install ingress-nginx from its manifests do, with no IngressClass object; or
 * a Helm v3 release of the controller's chart (`ingress-nginx`, `traefik`), whose class is its
 * values' or the chart's own. Its Service is then the program's.
 */
function runsControllerOfClass(r: BorderResource, x: Resolver, cls: string): boolean {
  let byProvider = controllerClasses.get(x);
  if (byProvider === undefined) {
    byProvider = classesByProvider(x);
    controllerClasses.set(x, byProvider);
  }
  return byProvider.get(r.provider)?.has(cls) === true;
}

/** Per resolver, the classes the program's workloads run controllers of, by their provider. */
const controllerClasses = new WeakMap<Resolver, Map<string | undefined, Set<string>>>();

/**
 * The ingress controllers' charts, by name or at the end of a repository path or OCI reference,
 * with the class each creates unless its values name another (`controller.ingressClassResource.
 * name`, `controller.ingressClass`; Traefik's `ingressClass.name`).
 */
const controllerCharts: ReadonlyArray<readonly [RegExp, string, readonly string[]]> = [
  [
    /(^|\/)ingress-nginx$/,
    "nginx",
    ["controller.ingressClassResource.name", "controller.ingressClass"],
  ],
  [/(^|\/)nginx-ingress$/, "nginx", ["controller.ingressClass.name", "controller.ingressClass"]],
  [/(^|\/)traefik$/, "traefik", ["ingressClass.name"]],
];

/** The Ingress classes each provider's workloads run controllers of (`runsControllerOfClass`). */
function classesByProvider(x: Resolver): Map<string | undefined, Set<string>> {
  const out = new Map<string | undefined, Set<string>>();
  const add = (provider: string | undefined, cls: string) => {
    const classes = out.get(provider) ?? new Set<string>();
    classes.add(cls);
    out.set(provider, classes);
  };
  // A controller a Helm v3 release of the program installs: its Service is among the release's
  // objects, which helm-releases reports the pack cannot see.
  for (const release of x.ofType(helmReleaseType)) {
    const chart = str(valueAt(release.props, "chart")) ?? "";
    for (const [pattern, fallback, keys] of controllerCharts) {
      if (pattern.test(chart)) {
        const named = keys.map((k) => valueAt(release.props, `values.${k}`));
        add(release.provider, str(named.find((v) => typeof v === "string")) ?? fallback);
      }
    }
  }
  for (const [type, template] of Object.entries(podTemplates)) {
    for (const w of x.ofType(type)) {
      for (const kind of ["containers", "initContainers"]) {
        for (const { value } of valuesAt(w.props, `${template.spec}.${kind}[]`)) {
          const words = ["command", "args"].flatMap((k) => {
            const v = isUnknown(value) ? undefined : valueAt(value, k);
            return Array.isArray(v) ? v.filter((a): a is string => typeof a === "string") : [];
          });
          words.forEach((word, i) => {
            const m = ingressClassFlag.exec(word);
            const cls = m === null ? undefined : (m[1] ?? words[i + 1]);
            if (cls !== undefined) {
              add(w.provider, cls);
            }
          });
        }
      }
    }
  }
  return out;
}

/** The controller name Traefik's IngressClass names (its chart's, and k3s's, class `traefik`). */
const traefikController = "traefik.io/ingress-controller";

/**
 * Whether the program runs the controller of an Ingress class on `r`'s cluster, so that its
 * Service is judged as the program's: it declares there the IngressClass the controller's install
 * creates — of the class's name, or (for an object naming no class) the one annotated the
 * cluster's default, or for a Traefik route one whose controller is Traefik's — or the cluster is
 * an ACK cluster of the program and the class is `nginx`, its NGINX Ingress add-on's, which
 * public-exposure judges on the cluster.
 */
export function runsIngressController(
  r: BorderResource,
  x: Resolver,
  of: { readonly cls: string } | { readonly default: true } | { readonly traefik: true },
): boolean {
  const classes = x
    .ofType("kubernetes:networking.k8s.io/v1:IngressClass")
    .filter((c) => c.provider === r.provider);
  if (
    classes.some((c) =>
      "cls" in of
        ? objectName(c) === of.cls
        : "default" in of
          ? String(
              mapAt(c.props, "metadata.annotations")["ingressclass.kubernetes.io/is-default-class"],
            ) === "true"
          : valueAt(c.props, "spec.controller") === traefikController,
    )
  ) {
    return true;
  }
  if ("cls" in of && runsControllerOfClass(r, x, of.cls)) {
    return true;
  }
  const provider = r.provider ? x.get(r.provider) : undefined;
  const source = provider?.type === kubernetesProviderType ? x.clusterSource(provider) : undefined;
  return (
    "cls" in of &&
    of.cls === "nginx" &&
    source?.kind === "resource" &&
    clusterCloud(r, x) === "alicloud"
  );
}
