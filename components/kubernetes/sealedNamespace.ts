/**
 * A namespace on an in-jurisdiction cluster whose pods cannot reach anything but the stack's
 * egress allowlist. Kubernetes lets every pod talk to everything until a NetworkPolicy with
 * `Egress` selects it, so the namespace starts with a default-deny policy and opens only the
 * namespace's own pods, cluster DNS, the stack's own network and — one NetworkPolicy per entry,
 * annotated with the entry's reason — what the allowlist justifies.
 */
import { createHash } from "node:crypto";
import * as corev1 from "@pulumi/kubernetes/core/v1";
import * as k8sInputs from "@pulumi/kubernetes/types/input";
import * as networkingv1 from "@pulumi/kubernetes/networking/v1";
import * as pulumi from "@pulumi/pulumi";
import * as ipaddr from "ipaddr.js";
import type { EgressRule } from "../../residency/spec";

export interface SealedNamespaceArgs {
  /**
   * Name of the Kubernetes namespace. Changing it replaces the namespace and everything in it.
   * Defaults to: the component's name.
   */
  readonly namespace?: string;
  /**
   * The only destinations outside the cluster pods may open connections to, each with its
   * justification. Defaults to: none — all egress beyond DNS and the namespace is denied.
   */
  readonly egress?: readonly EgressRule[];
  /**
   * Let pods resolve names through the cluster DNS (kube-dns in kube-system, port 53).
   * Defaults to: true. DNS stays inside the cluster; the resolver's own upstream is the
   * cluster's concern.
   */
  readonly allowClusterDns?: boolean;
  /**
   * The stack's own network (its VPC block): pods may open connections to any address in it —
   * the nodes, the in-VPC service endpoints, other workloads of the stack. Defaults to: none —
   * only the namespace, DNS and the allowlist.
   */
  readonly network?: string;
  /** Labels added to the namespace. Defaults to: none beyond `sovereign-dc/sealed`. */
  readonly labels?: Readonly<Record<string, string>>;
}

/** The annotation that carries an allowlist entry's justification on its NetworkPolicy. */
export const reasonAnnotation = "sovereign-dc/reason";

/**
 * The NetworkPolicy name of an allowlist entry, built from what it opens (`egress-tcp-10-30-0-0-16-443`)
 * so reordering the allowlist renames nothing. Kubernetes names are DNS subdomains: no slashes.
 */
export function egressPolicyName(rule: EgressRule): string {
  const head = `egress-${rule.protocol}-${rule.cidr.replace(/[./]/g, "-")}`;
  const ports = [...new Set(rule.ports)].sort((a, b) => a - b).join("-");
  // A long port list would pass the 253 characters a name may have; its digest stays stable.
  return head.length + 1 + ports.length <= 253
    ? `${head}-${ports}`
    : `${head}-ports-${createHash("sha256").update(ports).digest("hex").slice(0, 12)}`;
}

/** One line per problem with the args; empty when they are valid. */
export function validateSealedNamespaceArgs(args: SealedNamespaceArgs): string[] {
  const problems: string[] = [];
  const ns = args.namespace;
  if (ns !== undefined && !/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(ns)) {
    problems.push(
      `namespace: received ${JSON.stringify(ns)}; expected a DNS label (lowercase letters, digits and hyphens, at most 63 characters).`,
    );
  }
  if (
    args.network !== undefined &&
    (!ipaddr.IPv4.isValidCIDR(args.network) || args.network.endsWith("/0"))
  ) {
    problems.push(
      `network: received ${JSON.stringify(args.network)}; expected the stack's own IPv4 block, such as 10.20.0.0/16 (0.0.0.0/0 is the internet).`,
    );
  }
  (args.egress ?? []).forEach((rule, i) => {
    if (!ipaddr.IPv4.isValidCIDR(rule.cidr) || rule.cidr.endsWith("/0")) {
      problems.push(
        `egress[${i}].cidr: received ${JSON.stringify(rule.cidr)}; expected a bounded IPv4 CIDR (0.0.0.0/0 cannot be allowlisted).`,
      );
    }
    if (rule.reason.trim() === "") {
      problems.push(
        `egress[${i}].reason: received ${JSON.stringify(rule.reason)}; expected the justification of this destination.`,
      );
    }
  });
  return problems;
}

export class SealedNamespace extends pulumi.ComponentResource {
  /** The namespace's name. */
  public readonly namespaceName: pulumi.Output<string>;
  /** Name of the default-deny policy, which selects every pod of the namespace. */
  public readonly defaultDenyPolicy: pulumi.Output<string>;
  /** Name of the policy that opens the namespace, cluster DNS and the stack's network. */
  public readonly allowPolicy: pulumi.Output<string>;
  /** Names of the allowlist's policies, one per distinct entry, in allowlist order. */
  public readonly egressPolicies: pulumi.Output<string[]>;

  constructor(
    name: string,
    args: SealedNamespaceArgs = {},
    opts: pulumi.ComponentResourceOptions = {},
  ) {
    const problems = validateSealedNamespaceArgs(args);
    if (problems.length > 0) {
      throw new Error(`Invalid SealedNamespace "${name}":\n  - ${problems.join("\n  - ")}`);
    }
    super("sovereign-dc:kubernetes:SealedNamespace", name, {}, opts);

    const ns = new corev1.Namespace(
      `${name}-namespace`,
      {
        metadata: {
          name: args.namespace ?? name,
          labels: { ...(args.labels ?? {}), "sovereign-dc/sealed": "true" },
        },
      },
      { parent: this },
    );
    const namespace = ns.metadata.name;

    const deny = new networkingv1.NetworkPolicy(
      `${name}-default-deny`,
      {
        metadata: { name: "default-deny", namespace },
        // An empty selector selects every pod; no rules means nothing is allowed either way.
        spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
      },
      { parent: this },
    );

    const sameNamespace = { podSelector: {} };
    const egress: k8sInputs.networking.v1.NetworkPolicyEgressRule[] = [{ to: [sameNamespace] }];
    if (args.allowClusterDns ?? true) {
      egress.push({
        to: [
          {
            namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } },
            podSelector: { matchLabels: { "k8s-app": "kube-dns" } },
          },
        ],
        ports: [
          { protocol: "UDP", port: 53 },
          { protocol: "TCP", port: 53 },
        ],
      });
    }
    if (args.network !== undefined) {
      egress.push({ to: [{ ipBlock: { cidr: args.network } }] });
    }
    const allow = new networkingv1.NetworkPolicy(
      `${name}-allow`,
      {
        metadata: { name: "allow-namespace-dns-network", namespace },
        spec: {
          podSelector: {},
          policyTypes: ["Ingress", "Egress"],
          ingress: [{ from: [sameNamespace] }],
          egress,
        },
      },
      { parent: this },
    );

    // One policy per allowlist entry: each opening carries its own justification, where an
    // auditor reading the cluster (kubectl get networkpolicy -o yaml) finds it. Two entries that
    // open the same ports of one block are one policy, with the first entry's reason.
    const byName = new Map<string, EgressRule>();
    for (const rule of args.egress ?? []) {
      const policyName = egressPolicyName(rule);
      if (!byName.has(policyName)) {
        byName.set(policyName, rule);
      }
    }
    const egressPolicies = [...byName].map(([policyName, rule]) => {
      return new networkingv1.NetworkPolicy(
        `${name}-${policyName}`,
        {
          metadata: {
            name: policyName,
            namespace,
            annotations: { [reasonAnnotation]: rule.reason },
          },
          spec: {
            podSelector: {},
            policyTypes: ["Egress"],
            egress: [
              {
                to: [{ ipBlock: { cidr: rule.cidr } }],
                ports: [...new Set(rule.ports)]
                  .sort((a, b) => a - b)
                  .map((port) => ({ protocol: rule.protocol.toUpperCase(), port })),
              },
            ],
          },
        },
        { parent: this },
      );
    });

    this.namespaceName = namespace;
    this.defaultDenyPolicy = deny.metadata.name;
    this.allowPolicy = allow.metadata.name;
    this.egressPolicies = pulumi.all(egressPolicies.map((p) => p.metadata.name));
    this.registerOutputs({
      namespaceName: this.namespaceName,
      defaultDenyPolicy: this.defaultDenyPolicy,
      allowPolicy: this.allowPolicy,
      egressPolicies: this.egressPolicies,
    });
  }
}
