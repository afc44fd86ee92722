/**
 * Kubernetes clusters a stack declares by where they are (`sovereign-dc:clusters`). A program
 * that deploys to a cluster it does not create — the ambient kubeconfig, a kubeconfig read from a
 * file, a secret or another stack — gives the pack nothing to place that cluster by; the stack
 * config says where it is, keyed by the kubeconfig context the provider uses.
 *
 *     sovereign-dc:clusters:
 *       - context: prod-us-west
 *         cloud: aws
 *         region: us-west-2
 *
 * Read without the rest of the spec, like the posture: programs of other projects set the key.
 */
import { type Cloud, clouds, listJurisdictions, unplacedRegions } from "./jurisdictions";
import { parseJsonOrText } from "./config-value";

/** A cluster the stack config places: the kubeconfig context that names it, and its region. */
export interface DeclaredCluster {
  /** The kubeconfig context a Kubernetes provider selects (`context`, or `kubernetes:context`). */
  readonly context: string;
  readonly cloud: Cloud;
  readonly region: string;
}

export const clustersKey = "sovereign-dc:clusters";

/** One rejected value, in the shape of the spec's issues (`formatIssue`). */
export interface ClustersIssue {
  readonly key: string;
  readonly received: unknown;
  readonly expected: string;
}

/** True when the catalog knows `region` as a region of `cloud` (placed in a jurisdiction or not). */
export function knownRegion(cloud: Cloud, region: string): boolean {
  return (
    listJurisdictions().some((j) => j.regions[cloud].includes(region)) ||
    unplacedRegions.some((u) => u.cloud === cloud && u.region === region)
  );
}

/** Every issue with a decoded `sovereign-dc:clusters` value; empty when it is valid. */
export function clustersIssues(raw: unknown): ClustersIssue[] {
  if (!Array.isArray(raw)) {
    return [
      {
        key: clustersKey,
        received: raw,
        expected: "expected a list of { context, cloud, region }",
      },
    ];
  }
  const issues: ClustersIssue[] = [];
  const seen = new Set<string>();
  raw.forEach((entry: unknown, i) => {
    const at = `${clustersKey}[${i}]`;
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
      issues.push({
        key: at,
        received: entry,
        expected: "expected an object { context, cloud, region }",
      });
      return;
    }
    const e = entry as Record<string, unknown>;
    const extra = Object.keys(e).filter((k) => !["context", "cloud", "region"].includes(k));
    if (extra.length > 0) {
      issues.push({
        key: `${at}.${extra[0]}`,
        received: e[extra[0]],
        expected: "expected only context, cloud and region",
      });
    }
    if (typeof e.context !== "string" || e.context.trim() === "") {
      issues.push({
        key: `${at}.context`,
        received: e.context,
        expected: "expected the name of a kubeconfig context (kubectl config get-contexts)",
      });
    } else if (seen.has(e.context)) {
      issues.push({
        key: `${at}.context`,
        received: e.context,
        expected: "expected each context to be declared once",
      });
    } else {
      seen.add(e.context);
    }
    if (!clouds.includes(e.cloud as Cloud)) {
      issues.push({
        key: `${at}.cloud`,
        received: e.cloud,
        expected: `expected one of: ${clouds.join(", ")}`,
      });
      return;
    }
    const cloud = e.cloud as Cloud;
    if (typeof e.region !== "string" || !knownRegion(cloud, e.region)) {
      issues.push({
        key: `${at}.region`,
        received: e.region,
        expected: `expected a region ID of ${cloud}, such as ${cloud === "aws" ? "us-west-2" : "cn-shanghai"}`,
      });
    }
  });
  return issues;
}

/**
 * The clusters a flat stack config declares (none when the key is absent), or the issues that
 * reject the value. The Pulumi runtime holds structured values as JSON text.
 */
export function declaredClustersOf(
  config: Readonly<Record<string, string>>,
): { clusters: DeclaredCluster[] } | { issues: ClustersIssue[] } {
  const text = config[clustersKey];
  if (text === undefined) {
    return { clusters: [] };
  }
  const raw = parseJsonOrText(text);
  const issues = clustersIssues(raw);
  if (issues.length > 0) {
    return { issues };
  }
  return {
    clusters: (raw as DeclaredCluster[]).map((c) => ({
      context: c.context,
      cloud: c.cloud,
      region: c.region,
    })),
  };
}
