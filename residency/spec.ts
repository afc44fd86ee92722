/**
 * The stack spec: what a regional data-center stack is, read from `Pulumi.<stack>.yaml` under the
 * `sovereign-dc` namespace and validated before any resource is declared.
 *
 * Every rejection names the config key (with its path inside structured values), the value
 * received and what is allowed, so an engineer can fix the YAML without reading this file.
 */
import * as ipaddr from "ipaddr.js";
import {
  aclRulesNeeded,
  blockBits,
  defaultAclRuleQuota,
  isPrivateBlock,
  isValidOssBucketName,
  logBucketNames,
  ossBucketName,
  ossBucketNameRule,
  privateSpaces,
  s3ReservedPrefixes,
} from "./buildable";
import type { HostAllowEntry } from "./hosts";
import {
  type Cloud,
  clouds,
  countryOfRegion,
  findJurisdiction,
  type Jurisdiction,
  unionsOf,
} from "./jurisdictions";
import type * as Schema from "./spec-schema";
import type { ParsedSpec } from "./spec-schema";
import { backendLocation, defaultBackendUrl, locationProblem } from "./state";
import { zoneName, zonesOf } from "./zones";
import { keyOf, namespace, parseJsonOrText } from "./config-value";

// The config namespace and the path helpers of its values, read without the rest of the spec too.
export { keyOf, namespace, valueAt } from "./config-value";

/** Bounds shared by both clouds: AWS KMS allows a 7–30 day deletion window, Alibaba 7–366. */
export const keyBounds = {
  deletionWindowDays: { min: 7, max: 30, default: 30 },
  // Alibaba KMS rotates every 7–365 days, AWS every 90–2560: the intersection works on both.
  rotationDays: { min: 90, max: 365, default: 365 },
} as const;

/** A DNS-1123 label: what Kubernetes accepts as a namespace name. */
export const dns1123Label = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** Namespaces Kubernetes itself owns; a stack's workloads get namespaces of their own. */
export const reservedNamespaces: readonly string[] = [
  "default",
  "kube-system",
  "kube-public",
  "kube-node-lease",
];

/** Node pool sizes both clouds accept (ACK node pools and EKS managed node groups). */
export const nodePoolSizeBounds = { min: 0, max: 1000 } as const;

/**
 * How strictly the pack judges hardening that keeps data in place (a data store without a
 * customer-managed key, a link to another account whose far end lies inside the jurisdiction):
 * `standard` reports it as advisory, `strict` as mandatory. A path out is mandatory under both.
 */
export const postures = ["standard", "strict"] as const;
export type Posture = (typeof postures)[number];
export const defaultPosture: Posture = "standard";

/** What a posture may be, as a rejection of another value says it. */
export const postureExpected = `expected one of: ${postures.join(", ")} (strict also fails hardening findings that keep data in place)`;

function isPosture(value: string): value is Posture {
  return (postures as readonly string[]).includes(value);
}

/**
 * The posture a stack config sets (`sovereign-dc:posture`), or the issue that rejects it. Programs
 * of other projects set the same key, so it is read without the rest of the spec.
 */
export function postureOf(
  config: Readonly<Record<string, string>>,
): { posture: Posture } | { issue: SpecIssue } {
  const raw = config[`${namespace}:posture`];
  if (raw === undefined) {
    return { posture: defaultPosture };
  }
  return isPosture(raw)
    ? { posture: raw }
    : { issue: { key: `${namespace}:posture`, received: raw, expected: postureExpected } };
}

let schemaModule: typeof Schema | undefined;

/** The zod schema (spec-schema.ts), loaded the first time a config is validated. */
function schema(): typeof Schema {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (schemaModule ??= require("./spec-schema") as typeof Schema);
}

export interface ZoneSpec {
  readonly zone: string;
  readonly cidr: string;
}
export interface BucketSpec {
  readonly name: string;
  readonly purpose: string;
  readonly retentionDays: number;
}
export interface EgressRule {
  readonly cidr: string;
  readonly ports: readonly number[];
  readonly protocol: "tcp" | "udp";
  readonly reason: string;
}
export interface NodePoolSpec {
  /** The pool's name inside the cluster; changing it replaces the pool. */
  readonly name: string;
  /** The cloud's instance type ID (`ecs.g7.xlarge`, `m6i.large`). */
  readonly instanceType: string;
  /** Node counts: the pool scales between `min` and `max` and starts at `desired`. */
  readonly size: { readonly min: number; readonly max: number; readonly desired: number };
}
/** The stack's managed Kubernetes cluster (`sovereign-dc:kubernetes`). */
export interface KubernetesSpec {
  readonly version: string;
  readonly nodePools: readonly NodePoolSpec[];
  /** Namespaces workloads run in, each sealed: default-deny, then DNS, the network, the allowlist. */
  readonly namespaces: readonly string[];
}
export interface KeySettings {
  readonly deletionWindowDays: number;
  readonly rotationDays: number;
}

/** A validated stack spec. */
export interface StackSpec {
  readonly cloud: Cloud;
  readonly region: string;
  readonly jurisdiction: Jurisdiction;
  /** The AWS account the stack is pinned to (AWS stacks only). */
  readonly accountId?: string;
  /** Where the stack's Pulumi state lives (`pulumi login <url>`); inside the jurisdiction. */
  readonly stateBackend?: string;
  readonly network: { readonly cidr: string; readonly zones: readonly ZoneSpec[] };
  readonly buckets: readonly BucketSpec[];
  readonly egress: readonly EgressRule[];
  /**
   * Hosts services of the stack send to by name, placed by the stack's owners (residency/hosts.ts):
   * the pack admits them; they open no network rule.
   */
  readonly egressHosts: readonly HostAllowEntry[];
  readonly keys: KeySettings;
  /** Whether hardening findings are advisory (`standard`) or mandatory (`strict`). */
  readonly posture: Posture;
  /** The managed Kubernetes cluster of the stack; none when the key is absent. */
  readonly kubernetes?: KubernetesSpec;
}

/** The key an issue with the stack's own name is reported under (it is not a config key). */
export const stackNameKey = "stack name";

/** One rejected config value. */
export interface SpecIssue {
  /** The config key with the path inside it, e.g. `sovereign-dc:network.zones[1].cidr`. */
  readonly key: string;
  /** The value received (undefined when the key is missing). */
  readonly received: unknown;
  /** What is allowed, starting "expected …". */
  readonly expected: string;
}

/** A stack config that cannot be built; `message` lists every issue, one a line. */
export class StackSpecError extends Error {
  constructor(
    readonly issues: readonly SpecIssue[],
    readonly stack?: string,
  ) {
    super(
      `Invalid stack config${stack ? ` for stack "${stack}"` : ""}:\n` +
        issues.map((i) => `  - ${formatIssue(i)}`).join("\n"),
    );
    this.name = "StackSpecError";
  }
}

/** `key: received value; expected …` — the one line a user sees per issue. */
export function formatIssue(issue: SpecIssue): string {
  return `${issue.key}: received ${describeValue(issue.received)}; ${issue.expected}.`;
}

function describeValue(v: unknown): string {
  if (v === undefined) {
    return "nothing (the key is missing)";
  }
  return JSON.stringify(v);
}

/** Structured keys arrive from the Pulumi runtime as JSON text. */
const structuredKeys = new Set([
  "network",
  "buckets",
  "egress",
  "egressHosts",
  "keys",
  "kubernetes",
]);

/**
 * Validates a stack's config — the flat map the Pulumi runtime holds, with namespaced keys and
 * structured values as JSON text — and returns the spec, or throws StackSpecError listing every
 * issue. Of other namespaces only the cloud's own region (`alicloud:region`, `aws:region`) is
 * read: it must repeat the stack's. The
 * stack's and the project's names go into its physical bucket names, which the cloud checks.
 */
export function parseStackSpec(
  config: Readonly<Record<string, string>>,
  stack?: string,
  project: string = namespace,
): StackSpec {
  const raw: Record<string, unknown> = {};
  const prefix = `${namespace}:`;
  for (const [fullKey, text] of Object.entries(config)) {
    if (!fullKey.startsWith(prefix)) {
      continue;
    }
    const key = fullKey.slice(prefix.length);
    raw[key] = structuredKeys.has(key) ? parseJsonOrText(text) : text;
  }
  // The provider's own region, which new-stack writes beside the stack's: another value sends
  // whatever the default provider creates there (preflight and plan would show nothing of it
  // while default providers are off, until someone turns them on).
  const providerKey = typeof raw.cloud === "string" ? `${raw.cloud}:region` : undefined;
  const providerRegion = providerKey === undefined ? undefined : config[providerKey];
  const mismatch: SpecIssue[] =
    providerKey !== undefined &&
    providerRegion !== undefined &&
    typeof raw.region === "string" &&
    providerRegion !== raw.region
      ? [
          {
            key: providerKey,
            received: providerRegion,
            expected: `expected the stack's own region ${raw.region} (sovereign-dc:region), which it repeats for the ${String(raw.cloud)} provider's defaults`,
          },
        ]
      : [];
  try {
    const spec = validateStackSpec(raw, stack, project);
    if (mismatch.length > 0) {
      throw new StackSpecError(mismatch, stack);
    }
    return spec;
  } catch (e) {
    if (e instanceof StackSpecError && mismatch.length > 0 && e.issues !== mismatch) {
      throw new StackSpecError([...e.issues, ...mismatch], stack);
    }
    throw e;
  }
}

/**
 * Validates already-decoded config values (keys without the namespace), for the stack and the
 * project named (the project's Pulumi.yaml name, this repository's by default).
 */
export function validateStackSpec(
  raw: Readonly<Record<string, unknown>>,
  stack?: string,
  project: string = namespace,
): StackSpec {
  const { specSchema, zodIssues } = schema();
  const result = specSchema.safeParse(raw);
  if (!result.success) {
    throw new StackSpecError(zodIssues(result.error.issues, raw), stack);
  }
  const issues = crossFieldIssues(result.data, stack ?? "my-stack", project);
  if (issues.length > 0) {
    throw new StackSpecError(issues, stack);
  }
  const p = result.data;
  return {
    cloud: p.cloud,
    region: p.region,
    jurisdiction: findJurisdiction(p.jurisdiction)!,
    accountId: p.accountId,
    stateBackend: p.stateBackend,
    network: p.network,
    buckets: p.buckets,
    egress: p.egress,
    egressHosts: p.egressHosts.map((e) => ({ host: e.host, reason: e.reason })),
    keys: p.keys,
    posture: p.posture,
    ...(p.kubernetes === undefined ? {} : { kubernetes: p.kubernetes }),
  };
}

/** Zone IDs of a region, named as residency/zones.ts `zoneName` names them. */
export function zonePattern(cloud: Cloud, region: string): RegExp {
  const sample = zoneName(cloud, region, "a");
  const head = sample.slice(0, -1).replace(/[-]/g, "\\-");
  return new RegExp(`^${head}[a-z]$`);
}

/** `; cn-hongkong is in HK`, `; eu-west-3 is in FR (EU)`, `; cn-beijing is a region of alicloud`: where the catalog puts a region refused. */
function whereRegionIs(cloud: Cloud, region: string): string {
  const country = countryOfRegion(cloud, region);
  if (country !== undefined) {
    const union = unionsOf(country)[0];
    return `; ${region} is in ${country.id}${union ? ` (${union.id})` : ""}`;
  }
  const other = clouds.find((c) => c !== cloud && countryOfRegion(c, region) !== undefined);
  return other === undefined ? "" : `; ${region} is a region of ${other}, not of ${cloud}`;
}

function crossFieldIssues(p: ParsedSpec, stack: string, project: string): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const jurisdiction = findJurisdiction(p.jurisdiction)!;
  const allowedRegions = jurisdiction.regions[p.cloud];
  if (!allowedRegions.includes(p.region)) {
    issues.push({
      key: keyOf(["region"]),
      received: p.region,
      expected: `expected a region of ${p.cloud} inside jurisdiction ${jurisdiction.id} (${allowedRegions.join(", ")})${whereRegionIs(p.cloud, p.region)}`,
    });
  }
  // The backend is only checked against a region that is itself allowed (see zones below).
  if (p.stateBackend !== undefined && allowedRegions.includes(p.region)) {
    const problem = locationProblem(jurisdiction, backendLocation(p.stateBackend));
    if (problem !== undefined) {
      issues.push({
        key: keyOf(["stateBackend"]),
        received: p.stateBackend,
        expected: `expected a state backend inside ${jurisdiction.id}, such as ${defaultBackendUrl(namespace, stack, p.cloud, p.region)} (${problem})`,
      });
    }
  }
  // A bucket name S3 or OSS refuses is a backend `pulumi login` cannot create or reach.
  const bucket =
    p.stateBackend === undefined ? undefined : /^s3:\/\/([^/?#]*)/.exec(p.stateBackend)?.[1];
  const bucketRule =
    p.cloud === "aws"
      ? /^(?=.{3,63}$)[a-z0-9][a-z0-9.-]*[a-z0-9]$/
      : /^(?=.{3,63}$)[a-z0-9][a-z0-9-]*[a-z0-9]$/;
  if (bucket !== undefined && !bucketRule.test(bucket)) {
    issues.push({
      key: keyOf(["stateBackend"]),
      received: p.stateBackend,
      expected: `expected an s3:// backend whose bucket ${JSON.stringify(bucket)} is a valid ${p.cloud === "aws" ? "S3" : "OSS"} bucket name (3 to 63 lowercase letters, digits${p.cloud === "aws" ? ", dots" : ""} or hyphens, starting and ending with a letter or digit)`,
    });
  }
  if (p.cloud === "alicloud" && p.keys.rotationDays !== 365) {
    issues.push({
      key: keyOf(["keys", "rotationDays"]),
      received: p.keys.rotationDays,
      expected:
        "expected 365 on alicloud: a default KMS key (one outside a dedicated KMS instance) rotates only yearly",
    });
  }
  // An account of the stack's own cloud: AWS's 12 digits, Alibaba Cloud's 16.
  const accountDigits = p.cloud === "aws" ? 12 : 16;
  if (p.accountId !== undefined && p.accountId.length !== accountDigits) {
    issues.push({
      key: keyOf(["accountId"]),
      received: p.accountId,
      expected:
        p.cloud === "aws"
          ? "expected the 12-digit AWS account ID the stack is pinned to (a 16-digit ID is an Alibaba Cloud account's)"
          : "expected the 16-digit ID (UID) of the Alibaba Cloud account the stack is pinned to (a 12-digit ID is an AWS account's)",
    });
  }
  if (p.cloud === "aws" && p.accountId === undefined) {
    issues.push({
      key: keyOf(["accountId"]),
      received: undefined,
      expected:
        "expected the 12-digit AWS account ID the stack is pinned to (required when cloud is aws)",
    });
  }
  // Zones are only checked against a region that is itself allowed; otherwise every zone would
  // repeat the region's error.
  const regionOk = allowedRegions.includes(p.region);
  const pattern = zonePattern(p.cloud, p.region);
  const seenZones = new Set<string>();
  const listed = zonesOf(p.cloud, p.region)?.map((z) => z.name);
  p.network.zones.forEach((z, i) => {
    if (regionOk && !pattern.test(z.zone)) {
      const example = listed?.[0] ?? zoneName(p.cloud, p.region, "a");
      issues.push({
        key: keyOf(["network", "zones", i, "zone"]),
        received: z.zone,
        expected: `expected a zone of region ${p.region}, such as ${example}`,
      });
    } else if (regionOk && listed !== undefined && !listed.includes(z.zone)) {
      // A letter the region does not have fails the first pulumi up, not the plan.
      issues.push({
        key: keyOf(["network", "zones", i, "zone"]),
        received: z.zone,
        expected: `expected a zone residency/zones.ts lists for ${p.region} (${listed.join(", ")}); a zone the cloud opened since is added to that list first`,
      });
    } else if (seenZones.has(z.zone)) {
      issues.push({
        key: keyOf(["network", "zones", i, "zone"]),
        received: z.zone,
        expected: "expected each zone once; this zone is already listed",
      });
    }
    seenZones.add(z.zone);
    if (!cidrContains(p.network.cidr, z.cidr)) {
      issues.push({
        key: keyOf(["network", "zones", i, "cidr"]),
        received: z.cidr,
        expected: `expected a block inside the network CIDR ${p.network.cidr}`,
      });
    }
    p.network.zones.slice(0, i).forEach((other, j) => {
      if (cidrsOverlap(other.cidr, z.cidr)) {
        issues.push({
          key: keyOf(["network", "zones", i, "cidr"]),
          received: z.cidr,
          expected: `expected a block that does not overlap ${keyOf(["network", "zones", j, "cidr"])} (${other.cidr})`,
        });
      }
    });
  });
  const seenBuckets = new Set<string>();
  p.buckets.forEach((b, i) => {
    if (seenBuckets.has(b.name)) {
      issues.push({
        key: keyOf(["buckets", i, "name"]),
        received: b.name,
        expected: "expected a bucket name not used by another bucket of this stack",
      });
    }
    seenBuckets.add(b.name);
  });
  issues.push(...buildableIssues(p, stack, project));
  if (p.kubernetes !== undefined) {
    issues.push(...kubernetesIssues(p.cloud, p.kubernetes));
  }
  return issues;
}

/** What each cloud calls the network and zone blocks, for the refusals below. */
const blockNames: Readonly<Record<Cloud, { network: string; zone: string }>> = {
  aws: { network: "an AWS VPC", zone: "an AWS subnet" },
  alicloud: { network: "an Alibaba Cloud VPC", zone: "an Alibaba Cloud vSwitch" },
};

/**
 * What the cloud's components can build (residency/buildable.ts): block sizes, private address
 * space, bucket names, the AWS network ACL's quota, the zones an EKS cluster needs. Checked here
 * so that a config the stack, or the cloud, would refuse after its provider and key registered
 * is refused before anything runs.
 */
function buildableIssues(p: ParsedSpec, stack: string, project: string): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const bits = blockBits[p.cloud];
  const prefix = (cidr: string) => ipaddr.IPv4.parseCIDR(cidr)[1];
  const networkBits = prefix(p.network.cidr);
  if (networkBits < bits.network.min || networkBits > bits.network.max) {
    issues.push({
      key: keyOf(["network", "cidr"]),
      received: p.network.cidr,
      expected: `expected a block from /${bits.network.min} to /${bits.network.max}, the sizes ${blockNames[p.cloud].network} takes`,
    });
  }
  if (!isPrivateBlock(p.network.cidr)) {
    issues.push({
      key: keyOf(["network", "cidr"]),
      received: p.network.cidr,
      expected: `expected a block of private address space (${privateSpaces.join(", ")}); the stack's own rules to and from a public block would be paths to the internet`,
    });
  }
  p.network.zones.forEach((z, i) => {
    const zoneBits = prefix(z.cidr);
    if (zoneBits < bits.zone.min || zoneBits > bits.zone.max) {
      issues.push({
        key: keyOf(["network", "zones", i, "cidr"]),
        received: z.cidr,
        expected: `expected a block from /${bits.zone.min} to /${bits.zone.max}, the sizes ${blockNames[p.cloud].zone} takes`,
      });
    }
  });
  // An OSS name holds the stack's name: when the stack's own log bucket cannot take it, that is
  // the one issue, not one per data bucket.
  const logBucket = ossBucketName(project, stack, logBucketNames.alicloud.accessLogs);
  const stackNameOk = p.cloud !== "alicloud" || isValidOssBucketName(logBucket);
  if (!stackNameOk) {
    issues.push({
      key: stackNameKey,
      received: stack,
      expected: `expected a stack name that makes its log bucket "${logBucket}" a valid OSS bucket name (${ossBucketNameRule})`,
    });
  }
  const reserved: readonly string[] = Object.values(logBucketNames[p.cloud]);
  p.buckets.forEach((b, i) => {
    const key = keyOf(["buckets", i, "name"]);
    const physical = ossBucketName(project, stack, b.name);
    if (reserved.includes(b.name)) {
      issues.push({
        key,
        received: b.name,
        expected: `expected a name other than ${reserved.join(" and ")}, which the ${p.cloud} stack uses for its log buckets`,
      });
    } else if (p.cloud === "aws" && s3ReservedPrefixes.some((r) => b.name.startsWith(r))) {
      issues.push({
        key,
        received: b.name,
        expected: `expected a name that does not start with a prefix S3 reserves (${s3ReservedPrefixes.join(", ")})`,
      });
    } else if (p.cloud === "alicloud" && stackNameOk && !isValidOssBucketName(physical)) {
      issues.push({
        key,
        received: b.name,
        expected: `expected a name that makes "${physical}" a valid OSS bucket name (${ossBucketNameRule}); shorten the name or the stack's`,
      });
    }
  });
  if (p.cloud === "aws" && p.kubernetes !== undefined && p.network.zones.length < 2) {
    issues.push({
      key: keyOf(["network", "zones"]),
      received: p.network.zones,
      expected:
        "expected at least two zones when the stack has a cluster on aws: EKS places its control plane's network interfaces in subnets of two Availability Zones",
    });
  }
  if (p.cloud === "aws") {
    const needed = aclRulesNeeded(p.network.cidr, p.egress);
    if (needed > defaultAclRuleQuota) {
      issues.push({
        key: keyOf(["egress"]),
        received: `${p.egress.length} entries, ${needed} network ACL rules in one direction`,
        expected: `expected at most ${defaultAclRuleQuota} network ACL rules per direction, AWS's default quota (two are the stack's own, each contiguous run of an entry's ports one more); merge ports into runs or destinations into wider blocks`,
      });
    }
  }
  return issues;
}

/** Versions each cloud's API takes: EKS names a minor release, ACK a full `-aliyun` build. */
const kubernetesVersions: Readonly<Record<Cloud, { pattern: RegExp; example: string }>> = {
  aws: { pattern: /^1\.\d{1,2}$/, example: "1.31" },
  alicloud: { pattern: /^1\.\d{1,2}\.\d{1,2}-aliyun\.\d{1,2}$/, example: "1.31.1-aliyun.1" },
};

function kubernetesIssues(cloud: Cloud, k: NonNullable<ParsedSpec["kubernetes"]>): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const version = kubernetesVersions[cloud];
  if (!version.pattern.test(k.version)) {
    issues.push({
      key: keyOf(["kubernetes", "version"]),
      received: k.version,
      expected: `expected a version the ${cloud} API accepts, such as ${version.example}`,
    });
  }
  const seenPools = new Set<string>();
  k.nodePools.forEach((pool, i) => {
    if (seenPools.has(pool.name)) {
      issues.push({
        key: keyOf(["kubernetes", "nodePools", i, "name"]),
        received: pool.name,
        expected: "expected a node pool name not used by another pool of this cluster",
      });
    }
    seenPools.add(pool.name);
    const { min, max, desired } = pool.size;
    if (max < 1 || min > max) {
      issues.push({
        key: keyOf(["kubernetes", "nodePools", i, "size"]),
        received: pool.size,
        expected: "expected 0 <= min <= max and max >= 1",
      });
    } else if (desired < min || desired > max) {
      issues.push({
        key: keyOf(["kubernetes", "nodePools", i, "size", "desired"]),
        received: desired,
        expected: `expected a node count from min (${min}) to max (${max})`,
      });
    }
  });
  const seenNamespaces = new Set<string>();
  k.namespaces.forEach((ns, i) => {
    if (reservedNamespaces.includes(ns)) {
      issues.push({
        key: keyOf(["kubernetes", "namespaces", i]),
        received: ns,
        expected: `expected a namespace of the stack's own; ${reservedNamespaces.join(", ")} belong to Kubernetes`,
      });
    } else if (seenNamespaces.has(ns)) {
      issues.push({
        key: keyOf(["kubernetes", "namespaces", i]),
        received: ns,
        expected: "expected each namespace once; this one is already listed",
      });
    }
    seenNamespaces.add(ns);
  });
  return issues;
}

/** The CIDR with its host bits cleared. */
export function canonicalCidr(cidr: string): string {
  const [, bits] = ipaddr.IPv4.parseCIDR(cidr);
  return `${ipaddr.IPv4.networkAddressFromCIDR(cidr).toString()}/${bits}`;
}

/** True when `inner` lies wholly inside `outer`. */
export function cidrContains(outer: string, inner: string): boolean {
  const [outerAddr, outerBits] = ipaddr.IPv4.parseCIDR(outer);
  const [innerAddr, innerBits] = ipaddr.IPv4.parseCIDR(inner);
  return innerBits >= outerBits && innerAddr.match(outerAddr, outerBits);
}

/** True when two CIDR blocks share at least one address. */
export function cidrsOverlap(a: string, b: string): boolean {
  return cidrContains(a, b) || cidrContains(b, a);
}
