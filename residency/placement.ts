/**
 * Where a resource lives: its effective region, from the resource's own inputs and its
 * provider's (shared/research/data-paths.md §1). Used by the placement policies and by the
 * border analysis; both must agree, so there is one implementation.
 *
 * Anything that cannot be decided from known values is `unknown` — and unknown fails closed.
 */
import {
  awsPartitionOf,
  type Cloud,
  jurisdictionOfRegion,
  type Jurisdiction,
  regionInJurisdiction,
} from "./jurisdictions";

export type Placement =
  | { readonly kind: "region"; readonly cloud: Cloud; readonly region: string }
  /** A global or partition-wide service (IAM, CloudFront, Route 53, …): no single region. */
  | { readonly kind: "global"; readonly cloud: Cloud; readonly reason: string }
  /** Kubernetes objects live where their cluster does; resolved through the cluster. */
  | { readonly kind: "cluster"; readonly reason: string }
  | { readonly kind: "unknown"; readonly reason: string };

export interface ProviderView {
  readonly type: string;
  readonly props: Readonly<Record<string, unknown>>;
}

/** AWS modules whose resources have no `region` input: global or partition-level services. */
export const awsGlobalModules: ReadonlySet<string> = new Set([
  "iam",
  "cloudfront",
  "networkmanager",
  "route53",
  "waf",
  "notifications",
  "organizations",
  "shield",
  "globalaccelerator",
  "route53recoverycontrol",
  "route53recoveryreadiness",
  "costexplorer",
  "route53domains",
  "account",
  "budgets",
  "rolesanywhere",
  "savingsplans",
  "cur",
  "bcmdata",
]);

function str(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

/** The cloud a type token belongs to, or undefined for other packages. */
export function cloudOf(type: string): Cloud | undefined {
  const pkg = type.startsWith("pulumi:providers:")
    ? type.slice("pulumi:providers:".length)
    : type.split(":")[0];
  return pkg === "alicloud" || pkg === "aws" ? pkg : undefined;
}

/**
 * The effective placement of a resource. `props` are its inputs; `provider` is its provider
 * resource (explicit, or the default provider built from stack config).
 */
export function placementOf(
  type: string,
  props: Readonly<Record<string, unknown>>,
  provider?: ProviderView,
): Placement {
  if (type.startsWith("pulumi:providers:")) {
    const cloud = cloudOf(type);
    if (cloud === undefined) {
      return { kind: "cluster", reason: `${type} is not a regional cloud provider` };
    }
    const region = str(props.region);
    return region
      ? { kind: "region", cloud, region }
      : { kind: "unknown", reason: `the ${cloud} provider has no region` };
  }
  const pkg = type.split(":")[0];
  if (pkg === "kubernetes") {
    return { kind: "cluster", reason: "Kubernetes objects live in their cluster's region" };
  }
  const cloud = cloudOf(type);
  if (cloud === undefined) {
    return {
      kind: "unknown",
      reason: `resources of package ${JSON.stringify(pkg)} are not placed`,
    };
  }
  const providerRegion = provider ? str(provider.props.region) : undefined;
  if (cloud === "aws") {
    const module = type.split(":")[1]?.split("/")[0] ?? "";
    if (awsGlobalModules.has(module)) {
      return { kind: "global", cloud, reason: `aws ${module} is a global service` };
    }
    // v7 per-resource override; a few types give `region` another meaning, none of which
    // we place by it (they are reviewed by their own policies).
    const own = str(props.region);
    const region = own ?? providerRegion;
    return region
      ? { kind: "region", cloud, region }
      : { kind: "unknown", reason: "neither the resource nor its aws provider sets a region" };
  }
  return providerRegion
    ? { kind: "region", cloud, region: providerRegion }
    : { kind: "unknown", reason: "its alicloud provider sets no region" };
}

/** True when a regional placement lies inside the jurisdiction. */
export function placedInside(j: Jurisdiction, p: Placement): boolean {
  return p.kind === "region" && regionInJurisdiction(j, p.cloud, p.region);
}

/** A region given as a value of `cloud` — inside, outside, or unclassified. */
export function classifyRegion(
  j: Jurisdiction,
  cloud: Cloud,
  region: string,
): "inside" | "outside" {
  return regionInJurisdiction(j, cloud, region) ? "inside" : "outside";
}

/** "cn-hongkong (outside CN)" — how a place is named in a violation's path. */
export function describePlace(j: Jurisdiction, cloud: Cloud, region: string): string {
  if (regionInJurisdiction(j, cloud, region)) {
    return `${region} (inside ${j.id})`;
  }
  const other = jurisdictionOfRegion(cloud, region);
  return `${region} (outside ${j.id}${other ? `, in ${other.id}` : ""})`;
}

/** The AWS partition of an ARN, or undefined when the text is not an ARN. */
export function arnPartition(arn: string): string | undefined {
  return /^arn:([^:]+):/.exec(arn)?.[1];
}

/** The region field of an ARN ("" for regionless ARNs such as S3 buckets), or undefined. */
export function arnRegion(arn: string): string | undefined {
  const parts = arn.split(":");
  return parts.length >= 6 && parts[0] === "arn" ? parts[3] : undefined;
}

export { awsPartitionOf };
