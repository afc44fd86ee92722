/**
 * The namespaces a stack config asks for, each a SealedNamespace on the Kubernetes provider of
 * the stack's own cluster: default deny, DNS and the stack's network, and the stack's egress
 * allowlist — the same on either cloud.
 */
import type { Provider as KubernetesProvider } from "@pulumi/kubernetes/provider";
import * as pulumi from "@pulumi/pulumi";
import { SealedNamespace } from "../components/kubernetes";
import type { StackSpec } from "../residency/spec";

/** Builds the spec's namespaces on `provider`; their names, in the spec's order. */
export function sealedNamespaces(
  stack: string,
  spec: StackSpec,
  provider: KubernetesProvider,
  opts: pulumi.ComponentResourceOptions,
): pulumi.Output<string>[] {
  return (spec.kubernetes?.namespaces ?? []).map(
    (ns) =>
      new SealedNamespace(
        `${stack}-${ns}`,
        { namespace: ns, network: spec.network.cidr, egress: spec.egress },
        pulumi.mergeOptions(opts, { provider }),
      ).namespaceName,
  );
}
