/**
 * Kubernetes' cluster-wide network policies (SIG Network's network-policy-api, group
 * `policy.networking.k8s.io`), read as the NetworkPolicies they amount to for egress, beside
 * Cilium's and Calico's (paths/kubernetes.ts `cniAsNetworkPolicies`):
 *
 * - `v1alpha1` AdminNetworkPolicy: the admin tier, above every NetworkPolicy. An `Allow` rule lets
 *   its subject's pods reach its peers whatever their namespace's NetworkPolicies say, so its
 *   peers are judged as a NetworkPolicy's; a `Pass` rule hands the traffic to the NetworkPolicies
 *   and the baseline, which are read on their own; a `Deny` rule allows nothing, and a `Deny` of
 *   every address outside the cluster for every pod is the cluster's default deny unless a `Pass`
 *   of traffic outside comes first — earlier in the policy, or in another admin policy of the same
 *   or higher precedence (`settleAdminDenies`).
 * - `v1alpha1` BaselineAdminNetworkPolicy: the baseline tier, below every NetworkPolicy, for the
 *   pods no NetworkPolicy selects. Its `Allow` rules are judged; a `Deny` of every address outside
 *   the cluster (`networks` holding both `0.0.0.0/0` and `::/0`, on every port) for every pod is
 *   the cluster's default deny (or, for a subject of namespaces named by
 *   `kubernetes.io/metadata.name`, theirs), as a NetworkPolicy with `podSelector: {}` is a
 *   namespace's; the blocks may be shut by one `Deny` rule or several, and may tile the address
 *   space (`0.0.0.0/1` and `128.0.0.0/1`). The API server admits a
 *   BaselineAdminNetworkPolicy named `default` only: one of another name denies nothing.
 * - `v1alpha2` ClusterNetworkPolicy, either tier by `spec.tier` (`Admin`, `Baseline`), with
 *   `Accept` for `Allow` and `protocols` for `ports`; a baseline `Pass` hands the traffic to
 *   Kubernetes' default, which allows it, so it is read as an allow (judged, as an `Accept` is,
 *   with the deny after it holding for the rest).
 *
 * A peer's `namespaces`, `pods` and `nodes` are endpoints of the cluster; `networks` are blocks
 * and `domainNames` host names or patterns (`*.example.com`), judged as Cilium's DNS names are.
 * A peer the pack does not read (a field of a later release) fails closed. Each rule and peer
 * keeps its path in the object (`at`). Fields as the project's API types define them (policy/
 * reviewed.ts `customResourceReferences`).
 */
import { coversEveryAddress } from "./addresses";
import type { BorderResource } from "./model";
import { isUnknown, unknown, valueAt, valuesAt } from "./values";
import { variants } from "./variants";

const group = "policy.networking.k8s.io";

/** The cluster-wide network policies of every version the project has served. */
export const clusterPolicyTypes: ReadonlySet<string> = new Set([
  ...variants(group, ["v1alpha1"], ["AdminNetworkPolicy", "BaselineAdminNetworkPolicy"]),
  ...variants(group, ["v1alpha2"], "ClusterNetworkPolicy"),
]);

/** The tier of a cluster-wide policy: its kind's, or a ClusterNetworkPolicy's `spec.tier`. */
function tierOf(r: BorderResource): "admin" | "baseline" | undefined {
  if (/:BaselineAdminNetworkPolicy(List|Patch)?$/.test(r.type)) {
    return "baseline";
  }
  if (/:AdminNetworkPolicy(List|Patch)?$/.test(r.type)) {
    return "admin";
  }
  const tier = valueAt(r.props, "spec.tier");
  return tier === "Admin" ? "admin" : tier === "Baseline" ? "baseline" : undefined;
}

/** Whether a label selector selects everything: `{}`, or no labels and no expressions. */
function selectsAll(selector: unknown): boolean {
  if (selector === null || typeof selector !== "object") {
    return false;
  }
  const labels = valueAt(selector, "matchLabels");
  const expressions = valueAt(selector, "matchExpressions");
  return (
    (labels === undefined ||
      (typeof labels === "object" && labels !== null && Object.keys(labels).length === 0)) &&
    (expressions === undefined || (Array.isArray(expressions) && expressions.length === 0))
  );
}

/**
 * The namespaces a namespace selector leaves out when it selects every namespace but some by
 * name — one expression `kubernetes.io/metadata.name NotIn [...]`, the usual form of a cluster's
 * default deny that spares kube-system — else undefined.
 */
function namespacesLeftOut(selector: unknown): string[] | undefined {
  const labels = valueAt(selector, "matchLabels");
  const expressions = valueAt(selector, "matchExpressions");
  if (
    (labels !== undefined && !(typeof labels === "object" && labels !== null)) ||
    (labels !== undefined && Object.keys(labels as object).length > 0) ||
    !Array.isArray(expressions) ||
    expressions.length !== 1
  ) {
    return undefined;
  }
  const e = expressions[0] as Record<string, unknown>;
  const values = e?.values;
  return e?.key === "kubernetes.io/metadata.name" &&
    e.operator === "NotIn" &&
    Array.isArray(values) &&
    values.every((v) => typeof v === "string")
    ? (values as string[])
    : undefined;
}

/**
 * The namespaces a namespace selector picks by name alone — `matchLabels` of only
 * `kubernetes.io/metadata.name`, or one expression `kubernetes.io/metadata.name In [...]` — else
 * undefined.
 */
function namespacesNamed(selector: unknown): string[] | undefined {
  const labels = valueAt(selector, "matchLabels");
  const expressions = valueAt(selector, "matchExpressions");
  const noExpressions =
    expressions === undefined || (Array.isArray(expressions) && expressions.length === 0);
  if (
    noExpressions &&
    typeof labels === "object" &&
    labels !== null &&
    Object.keys(labels).length === 1 &&
    typeof (labels as Record<string, unknown>)["kubernetes.io/metadata.name"] === "string"
  ) {
    return [(labels as Record<string, string>)["kubernetes.io/metadata.name"]];
  }
  const noLabels =
    labels === undefined ||
    (typeof labels === "object" && labels !== null && Object.keys(labels).length === 0);
  if (!noLabels || !Array.isArray(expressions) || expressions.length !== 1) {
    return undefined;
  }
  const e = expressions[0] as Record<string, unknown>;
  return e?.key === "kubernetes.io/metadata.name" &&
    e.operator === "In" &&
    Array.isArray(e.values) &&
    e.values.every((v) => typeof v === "string")
    ? (e.values as string[])
    : undefined;
}

/**
 * The pods a subject selects, as a NetworkPolicy's podSelector: `{}` for every pod (of every
 * namespace but `leftOut`, or of the namespaces it names, `only`), an expression the pack does
 * not read against the pods' labels for some of them, or the unknown marker.
 */
function subjectSelector(subject: unknown): {
  podSelector: unknown;
  leftOut?: string[];
  only?: string[];
} {
  const namespaces = valueAt(subject, "namespaces");
  const pods = valueAt(subject, "pods");
  const namespaceSelector =
    namespaces !== undefined ? namespaces : valueAt(pods, "namespaceSelector");
  const podSelector = namespaces !== undefined ? {} : valueAt(pods, "podSelector");
  if ([subject, namespaces, pods, namespaceSelector, podSelector].some(isUnknown)) {
    return { podSelector: unknown };
  }
  if (namespaces === undefined && pods === undefined) {
    // No subject the pack reads: it may select some pods, never counted as every one.
    return { podSelector: { matchExpressions: [{ key: "subject", operator: "Selects" }] } };
  }
  const leftOut = namespacesLeftOut(namespaceSelector);
  const only = namespacesNamed(namespaceSelector);
  const everyNamespace =
    namespaceSelector === undefined ||
    selectsAll(namespaceSelector) ||
    leftOut !== undefined ||
    only !== undefined;
  return everyNamespace && selectsAll(podSelector ?? {})
    ? {
        podSelector: {},
        ...(leftOut === undefined ? {} : { leftOut }),
        ...(only === undefined ? {} : { only }),
      }
    : {
        podSelector: {
          matchExpressions: [{ key: JSON.stringify(subject), operator: "Selects" }],
        },
      };
}

/** A rule's ports as a NetworkPolicy rule's: v1alpha1 `ports`, v1alpha2 `protocols`. */
function portsOf(rule: unknown): unknown[] | undefined {
  const ports = valueAt(rule, "ports");
  const protocols = valueAt(rule, "protocols");
  if (isUnknown(ports) || isUnknown(protocols)) {
    return [unknown];
  }
  const out: unknown[] = [];
  for (const p of Array.isArray(ports) ? ports : []) {
    const number = valueAt(p, "portNumber");
    const range = valueAt(p, "portRange");
    if (number !== undefined) {
      out.push({ protocol: valueAt(number, "protocol") ?? "TCP", port: valueAt(number, "port") });
    } else if (range !== undefined) {
      out.push({
        protocol: valueAt(range, "protocol") ?? "TCP",
        port: valueAt(range, "start"),
        endPort: valueAt(range, "end"),
      });
    } else {
      // A named port (a container's port of any protocol), or a form the pack does not read.
      out.push({ protocol: "all" });
    }
  }
  for (const p of Array.isArray(protocols) ? protocols : []) {
    const found = (["tcp", "udp", "sctp"] as const).find((k) => valueAt(p, k) !== undefined);
    const port = found === undefined ? undefined : valueAt(p, `${found}.destinationPort`);
    if (found === undefined || port === undefined) {
      // A named port, a protocol with no port (every port of it), or a form the pack does not read.
      out.push(found === undefined ? { protocol: "all" } : { protocol: found.toUpperCase() });
      continue;
    }
    const number = valueAt(port, "number");
    out.push(
      number !== undefined
        ? { protocol: found.toUpperCase(), port: number }
        : {
            protocol: found.toUpperCase(),
            port: valueAt(port, "range.start"),
            endPort: valueAt(port, "range.end"),
          },
    );
  }
  return (Array.isArray(ports) && ports.length > 0) ||
    (Array.isArray(protocols) && protocols.length > 0)
    ? out
    : undefined;
}

/** A rule's peers as a NetworkPolicy rule's `to`, each with its path in the object. */
function peersOf(rule: unknown, ruleAt: string): unknown[] {
  const to: unknown[] = [];
  const peers = valueAt(rule, "to");
  if (isUnknown(peers)) {
    return [unknown];
  }
  for (const { path, value: peer } of valuesAt(rule, "to[]")) {
    const at = `${ruleAt}.${path}`;
    if (isUnknown(peer)) {
      to.push(unknown);
      continue;
    }
    const networks = valueAt(peer, "networks");
    const domains = valueAt(peer, "domainNames");
    if (isUnknown(networks) || isUnknown(domains)) {
      to.push(unknown);
      continue;
    }
    for (const n of valuesAt(peer, "networks[]")) {
      to.push(isUnknown(n.value) ? unknown : { ipBlock: { cidr: n.value }, at: `${at}.${n.path}` });
    }
    for (const d of valuesAt(peer, "domainNames[]")) {
      const name = d.value;
      to.push(
        isUnknown(name)
          ? unknown
          : {
              fqdn:
                typeof name === "string" && name.startsWith("*.")
                  ? { matchPattern: name }
                  : { matchName: name },
              at: `${at}.${d.path}`,
            },
      );
    }
    const inCluster = ["namespaces", "pods", "nodes"].find((k) => valueAt(peer, k) !== undefined);
    if (inCluster !== undefined) {
      to.push({ podSelector: {}, at: `${at}.${inCluster}` });
    } else if (networks === undefined && domains === undefined) {
      to.push({
        unread: {
          what: `a peer the pack does not read (${Object.keys(peer as object).join(", ") || "no field set"})`,
          fix: "Write the peer as namespaces, pods, nodes, networks or domainNames",
        },
        at,
      });
    }
  }
  return to;
}

/**
 * Whether a rule reaches beyond the cluster's pods and nodes: a peer of blocks or domain names,
 * one the pack does not read, or one not known at preview.
 */
function reachesOutside(rule: unknown): boolean {
  const peers = valueAt(rule, "to");
  return (
    !Array.isArray(peers) ||
    peers.some(
      (peer) =>
        isUnknown(peer) ||
        !["namespaces", "pods", "nodes"].some((k) => valueAt(peer, k) !== undefined),
    )
  );
}

/** The blocks a rule's peers name, as written (lower case, trimmed). */
function blocksOf(rule: unknown): string[] {
  return valuesAt(rule, "to[].networks[]").map((n) => String(n.value).trim().toLowerCase());
}

/**
 * Whether a BaselineAdminNetworkPolicy is one the API server admits: its CRD admits only the name
 * `default` (one per cluster), so one of another name — or none, which Pulumi fills with an
 * auto-name — is never created, and denies nothing.
 */
function admittedBaseline(r: BorderResource): boolean {
  return (
    !/:BaselineAdminNetworkPolicy(List|Patch)?$/.test(r.type) ||
    /Patch$/.test(r.type) ||
    valueAt(r.props, "metadata.name") === "default"
  );
}

/** An admin policy's priority (lower first), or undefined where it is not a number known now. */
function priorityOf(spec: unknown): number | undefined {
  const p = valueAt(spec, "priority");
  return typeof p === "number" ? p : undefined;
}

/**
 * The converted cluster-wide policies of one cluster, with each admin-tier default deny kept only
 * where no other admin policy of the same or higher precedence (a priority as low or lower, or
 * one not known) passes traffic outside the cluster on to the NetworkPolicies — which would let it
 * past the deny. Other policies are returned as they are.
 */
export function settleAdminDenies(policies: readonly BorderResource[]): BorderResource[] {
  const admin = policies.map((p) => ({
    p,
    tier: valueAt(p.props, "spec.adminTier") as
      | { priority: number | undefined; passesOut: boolean }
      | undefined,
  }));
  return admin.map(({ p, tier }) => {
    const types = valueAt(p.props, "spec.policyTypes");
    if (tier === undefined || !Array.isArray(types) || types.length === 0) {
      return p;
    }
    const bypassed = admin.some(
      (o) =>
        o.p !== p &&
        o.tier?.passesOut === true &&
        (o.tier.priority === undefined ||
          tier.priority === undefined ||
          o.tier.priority <= tier.priority),
    );
    return bypassed
      ? {
          ...p,
          props: {
            ...p.props,
            spec: { ...(p.props.spec as Record<string, unknown>), policyTypes: [] },
          },
        }
      : p;
  });
}

/**
 * A cluster-wide policy read as the NetworkPolicy it amounts to for egress: its subject's pods,
 * an egress rule per rule that lets traffic out (`Allow`, `Accept`; a baseline `Pass`), and the
 * default deny of either tier (`Deny` rules of every port shutting every address, before any
 * admin `Pass` of traffic outside; an admin one is settled against the cluster's other admin
 * policies by `settleAdminDenies`).
 */
export function clusterPolicyAsNetworkPolicies(r: BorderResource, prefix = ""): BorderResource[] {
  const at = `${prefix}spec`;
  const spec = valueAt(r.props, "spec");
  const metadata = valueAt(r.props, "metadata");
  const tier = tierOf(r);
  if (isUnknown(spec) || isUnknown(valueAt(spec, "egress")) || isUnknown(valueAt(spec, "tier"))) {
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
  const { podSelector, leftOut, only } = subjectSelector(valueAt(spec, "subject"));
  const rules: unknown[] = [];
  let passesOut = false;
  // The blocks the Deny rules of every port shut before any Pass of traffic outside, however
  // many rules they are written in.
  const denied = new Set<string>();
  for (const { path, value: rule } of valuesAt(spec, "egress[]")) {
    const ruleAt = `${at}.${path}`;
    const action = valueAt(rule, "action");
    if (isUnknown(rule) || isUnknown(action)) {
      rules.push({ at: ruleAt, to: [unknown] });
      continue;
    }
    const lets =
      action === "Allow" ||
      action === "Accept" ||
      (action === "Pass" && tier === "baseline") ||
      // An action the pack does not read (a later release's, or a tier it cannot tell) may let
      // the traffic out.
      !["Deny", "Pass"].includes(String(action)) ||
      tier === undefined;
    // An admin Pass hands traffic on to the NetworkPolicies, past this policy's deny; a baseline
    // Pass hands it to Kubernetes' default, which allows it: an allow, judged as one.
    if (action === "Pass" && tier === "admin" && reachesOutside(rule)) {
      passesOut = true;
    }
    if (action === "Deny" && tier !== undefined && !passesOut && portsOf(rule) === undefined) {
      for (const b of blocksOf(rule)) {
        denied.add(b);
      }
    }
    if (lets) {
      const ports = portsOf(rule);
      rules.push({
        at: ruleAt,
        to: peersOf(rule, ruleAt),
        ...(ports === undefined ? {} : { ports }),
      });
    }
  }
  return [
    {
      ...r,
      props: {
        metadata,
        spec: {
          podSelector,
          policyTypes: coversEveryAddress(denied) && admittedBaseline(r) ? ["Egress"] : [],
          egress: rules,
          ...(leftOut === undefined ? {} : { exceptNamespaces: leftOut }),
          ...(only === undefined ? {} : { onlyNamespaces: only }),
          // For `settleAdminDenies`: the admin tier's precedence of this policy's deny, or of its
          // Pass of traffic outside, which hands that traffic past the denies after it.
          ...(tier === "admin" ? { adminTier: { priority: priorityOf(spec), passesOut } } : {}),
        },
      },
    },
  ];
}
