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
 *       - context: kubernetes-admin@shanghai-dc1
 *         site: shanghai-dc1
 *         country: CN
 *
 * A cluster of a cloud is placed by its region; one in a data center of the team's own (no
 * cloud region names it) by the site's name and the country it lies in (ISO 3166-1 alpha-2, a
 * country of the catalog).
 *
 * A provider that overrides its context's cluster (its `cluster` input, or `kubernetes:cluster`)
 * talks to another cluster of the kubeconfig: an entry places it only when it names that cluster
 * too (`cluster: <name>`), and an entry that names none places only providers that keep their
 * context's cluster.
 *
 * Read without the rest of the spec, like the posture: programs of other projects set the key.
 */
import { type Cloud, clouds, listJurisdictions, unplacedRegions } from "./jurisdictions";
import { declaredListOf } from "./config-value";

/** A cluster the stack config places: in a region of a cloud, or at a site of the team's own. */
export type DeclaredCluster = CloudCluster | SiteCluster;

/** A cluster of a cloud: the kubeconfig context that names it, and its region. */
export interface CloudCluster {
  /** The kubeconfig context a Kubernetes provider selects (`context`, or `kubernetes:context`). */
  readonly context: string;
  /**
   * The kubeconfig cluster a provider selecting the context overrides the context's with (its
   * `cluster`, or `kubernetes:cluster`); absent, the context's own.
   */
  readonly cluster?: string;
  readonly cloud: Cloud;
  readonly region: string;
  /** As a site's cluster's: the Ingress classes the stack declares internal. */
  readonly internalIngressClasses?: readonly string[];
}

/** A cluster in a data center of the team's own: its context, the site's name and its country. */
export interface SiteCluster {
  readonly context: string;
  /** As a cloud's cluster's: the cluster a provider overrides the context's with. */
  readonly cluster?: string;
  readonly site: string;
  /** The country the site lies in: the ID of a country of the catalog (`CN`, `DE`). */
  readonly country: string;
  /**
   * Ingress classes whose controller runs on the cluster without this program (k3s's Traefik, a
   * platform team's ingress-nginx) and whose own Service the team keeps off the internet
   * (ClusterIP, an internal load balancer, a private address): Ingresses of these classes, and
   * Traefik routes for `traefik`, are inside. Any other class whose controller the program does
   * not create may face the internet.
   */
  readonly internalIngressClasses?: readonly string[];
}

export function isSiteCluster(c: DeclaredCluster): c is SiteCluster {
  return "site" in c;
}

/** What an entry of `sovereign-dc:clusters` may be, in the words of an issue. */
const entryShapes = "{ context, cloud, region } or { context, site, country }";

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
        expected: `expected a list of ${entryShapes}`,
      },
    ];
  }
  const issues: ClustersIssue[] = [];
  const seen = new Set<string>();
  const countries = listJurisdictions()
    .filter((j) => j.kind === "country")
    .map((j) => j.id);
  raw.forEach((entry: unknown, i) => {
    const at = `${clustersKey}[${i}]`;
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
      issues.push({
        key: at,
        received: entry,
        expected: `expected an object ${entryShapes}`,
      });
      return;
    }
    const e = entry as Record<string, unknown>;
    const site = "site" in e || "country" in e;
    const keys = site
      ? ["context", "cluster", "site", "country", "internalIngressClasses"]
      : ["context", "cluster", "cloud", "region", "internalIngressClasses"];
    const extra = Object.keys(e).filter((k) => !keys.includes(k));
    if (extra.length > 0) {
      issues.push({
        key: `${at}.${extra[0]}`,
        received: e[extra[0]],
        expected: site
          ? "expected only context, cluster, site, country and internalIngressClasses (a site of the team's own has no cloud or region)"
          : "expected only context, cluster, cloud, region and internalIngressClasses",
      });
    }
    const cluster = "cluster" in e ? e.cluster : undefined;
    if ("cluster" in e && (typeof cluster !== "string" || cluster.trim() === "")) {
      issues.push({
        key: `${at}.cluster`,
        received: cluster,
        expected:
          "expected the name of a kubeconfig cluster (kubectl config get-clusters) the provider overrides its context's with, or no cluster",
      });
    }
    const classes = e.internalIngressClasses;
    if (
      classes !== undefined &&
      (!Array.isArray(classes) || classes.some((c) => typeof c !== "string" || c.trim() === ""))
    ) {
      issues.push({
        key: `${at}.internalIngressClasses`,
        received: classes,
        expected:
          "expected a list of Ingress class names (kubectl get ingressclass) whose controller's Service is internal",
      });
    }
    if (typeof e.context !== "string" || e.context.trim() === "") {
      issues.push({
        key: `${at}.context`,
        received: e.context,
        expected: "expected the name of a kubeconfig context (kubectl config get-contexts)",
      });
    } else {
      // A context once as itself, and once with each cluster a provider overrides it with.
      const key = JSON.stringify([e.context, typeof cluster === "string" ? cluster : null]);
      if (seen.has(key)) {
        issues.push({
          key: `${at}.context`,
          received: e.context,
          expected:
            typeof cluster === "string"
              ? "expected each context and cluster to be declared once"
              : "expected each context to be declared once",
        });
      } else {
        seen.add(key);
      }
    }
    if (site) {
      if (typeof e.site !== "string" || e.site.trim() === "") {
        issues.push({
          key: `${at}.site`,
          received: e.site,
          expected: "expected the name of the data center the cluster runs in",
        });
      }
      if (typeof e.country !== "string" || !countries.includes(e.country)) {
        issues.push({
          key: `${at}.country`,
          received: e.country,
          expected: `expected the ID of a country of the catalog, one of: ${countries.join(", ")}`,
        });
      }
      return;
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
  const read = declaredListOf(config, clustersKey, clustersIssues, (e) => {
    const c = e as unknown as DeclaredCluster;
    const cluster = c.cluster === undefined ? {} : { cluster: c.cluster };
    const classes =
      c.internalIngressClasses === undefined
        ? {}
        : { internalIngressClasses: c.internalIngressClasses };
    return isSiteCluster(c)
      ? { context: c.context, ...cluster, site: c.site, country: c.country, ...classes }
      : { context: c.context, ...cluster, cloud: c.cloud, region: c.region, ...classes };
  });
  return "issues" in read ? read : { clusters: read.declared };
}
