/**
 * Kubernetes objects on an ACK cluster in Shanghai, and what the pack finds on them: the helpers
 * of the tests of custom resources (test/paths/custom-resources.test.ts,
 * test/paths/data-operators.test.ts).
 */
import type {
  ResourceValidation,
  ResourceValidationArgs,
  StackValidation,
  StackValidationArgs,
} from "@pulumi/policy";
import { decodeMessage } from "../../policy/framework";
import { policies } from "../../policy/policies";
import { ackCluster } from "./ack-cluster";
import {
  on,
  type OracleResource,
  type OracleSettings,
  policyResources,
  runNamed,
} from "./model-oracle";

/** A Kubernetes object of the cluster's provider. */
export const kube = on("kube");

/** A mandatory kubernetes-egress finding on resource `name` (`label`), to `place`. */
export const egress = (name: string, label: string, place: string) =>
  ["kubernetes-egress", name, "mandatory", [label, place]] as const;

/** A mandatory named-destinations finding on resource `name` (`label`), to `place`. */
export const named = (name: string, label: string, place: string) =>
  ["named-destinations", name, "mandatory", [label, place]] as const;

/** An ACK cluster in Shanghai and the objects on it. */
export const onCluster = (...objects: OracleResource[]): OracleResource[] => [
  ...ackCluster({ newNatGateway: false }),
  ...objects,
];

/** The findings of the named policies on `resources` (the others' are the cluster's own). */
export const findingsOf = (
  resources: readonly OracleResource[],
  names: readonly string[],
  settings: OracleSettings = { jurisdiction: "CN" },
) => runNamed(resources, settings).filter(([policy]) => names.includes(policy));

/**
 * kubernetes-egress's and reviewed-resource-types' findings: how a custom kind the pack reviews
 * is judged, and whether it is reviewed at all.
 */
export const egressOrUnreviewed = (
  resources: readonly OracleResource[],
  settings?: OracleSettings,
) => findingsOf(resources, ["kubernetes-egress", "reviewed-resource-types"], settings);

/** One policy's messages on `resources`, under CN, as the pack words them. */
export function messagesOf(policy: string, resources: readonly OracleResource[]): string[] {
  const found = policies.find((p) => p.name === policy) as {
    validateResource?: ResourceValidation;
    validateStack?: StackValidation;
  };
  const getConfig = () => ({ jurisdiction: "CN", egressAllowlist: [], waivers: [] });
  const out: string[] = [];
  const report = (m: string) => out.push(decodeMessage(m).message);
  const objects = policyResources(resources);
  if (found.validateResource !== undefined) {
    for (const r of objects) {
      void found.validateResource({ ...r, getConfig } as unknown as ResourceValidationArgs, report);
    }
  }
  if (found.validateStack !== undefined) {
    void found.validateStack(
      { resources: objects, getConfig } as unknown as StackValidationArgs,
      report,
    );
  }
  return out;
}
