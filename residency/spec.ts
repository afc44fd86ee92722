/**
 * The stack spec: what a regional data-center stack is, read from `Pulumi.<stack>.yaml` under the
 * `sovereign-dc` namespace and validated before any resource is declared.
 *
 * Every rejection names the config key (with its path inside structured values), the value
 * received and what is allowed, so an engineer can fix the YAML without reading this file.
 */
import * as ipaddr from "ipaddr.js";
import { z } from "zod";
import {
  type Cloud,
  clouds,
  findJurisdiction,
  jurisdictionIds,
  type Jurisdiction,
} from "./jurisdictions";
import { backendLocation, defaultBackendUrl, locationProblem } from "./state";
import { zoneName } from "./zones";

/** The config namespace of this project (the `name` in Pulumi.yaml). */
export const namespace = "sovereign-dc";

/** Bounds shared by both clouds: AWS KMS allows a 7–30 day deletion window, Alibaba 7–366. */
export const keyBounds = {
  deletionWindowDays: { min: 7, max: 30, default: 30 },
  // Alibaba KMS rotates every 7–365 days, AWS every 90–2560: the intersection works on both.
  rotationDays: { min: 90, max: 365, default: 365 },
} as const;

const bucketName = /^[a-z0-9][a-z0-9-]{1,30}[a-z0-9]$/;

const cidrSchema = z
  .string({ error: "expected an IPv4 CIDR block such as 10.20.0.0/16" })
  .refine((v) => ipaddr.IPv4.isValidCIDR(v), {
    error: "expected an IPv4 CIDR block such as 10.20.0.0/16",
  })
  .refine((v) => !ipaddr.IPv4.isValidCIDR(v) || canonicalCidr(v) === v, {
    error: (iss) =>
      `expected a CIDR whose host bits are zero (did you mean ${canonicalCidr(String(iss.input))}?)`,
  });

const zoneSchema = z.strictObject({
  zone: z.string({ error: "expected a zone ID of the stack's region" }).min(1, {
    error: "expected a zone ID of the stack's region",
  }),
  cidr: cidrSchema,
});

const networkSchema = z.strictObject(
  {
    cidr: cidrSchema,
    zones: z
      .array(zoneSchema, { error: "expected a list of { zone, cidr }" })
      .min(1, { error: "expected at least one zone" }),
  },
  { error: "expected an object { cidr, zones }" },
);

const bucketSchema = z.strictObject({
  name: z.string({ error: "expected a bucket name" }).regex(bucketName, {
    error:
      "expected 3-32 lowercase letters, digits or hyphens, starting and ending with a letter or digit",
  }),
  purpose: z
    .string({ error: "expected a non-empty description of what the bucket holds" })
    .trim()
    .min(1, { error: "expected a non-empty description of what the bucket holds" }),
  retentionDays: z
    .number({ error: "expected a whole number of days from 1 to 3650" })
    .int({ error: "expected a whole number of days from 1 to 3650" })
    .min(1, { error: "expected a whole number of days from 1 to 3650" })
    .max(3650, { error: "expected a whole number of days from 1 to 3650" }),
});

const portSchema = z
  .number({ error: "expected a port number from 1 to 65535" })
  .int({ error: "expected a port number from 1 to 65535" })
  .min(1, { error: "expected a port number from 1 to 65535" })
  .max(65535, { error: "expected a port number from 1 to 65535" });

const egressSchema = z.strictObject({
  cidr: cidrSchema.refine((v) => !ipaddr.IPv4.isValidCIDR(v) || !v.endsWith("/0"), {
    error:
      "expected a bounded destination; 0.0.0.0/0 is the whole internet and cannot be allowlisted",
  }),
  ports: z
    .array(portSchema, { error: "expected a list of port numbers" })
    .min(1, { error: "expected at least one port" }),
  protocol: z.enum(["tcp", "udp"], { error: 'expected "tcp" or "udp"' }),
  reason: z
    .string({ error: "expected a non-empty justification of why this destination is needed" })
    .trim()
    .min(1, { error: "expected a non-empty justification of why this destination is needed" }),
});

function boundedInt(b: { min: number; max: number }) {
  const msg = `expected a whole number from ${b.min} to ${b.max}`;
  return z.number({ error: msg }).int({ error: msg }).min(b.min, { error: msg }).max(b.max, {
    error: msg,
  });
}

const keysSchema = z.strictObject(
  {
    deletionWindowDays: boundedInt(keyBounds.deletionWindowDays).default(
      keyBounds.deletionWindowDays.default,
    ),
    rotationDays: boundedInt(keyBounds.rotationDays).default(keyBounds.rotationDays.default),
  },
  { error: "expected an object { deletionWindowDays, rotationDays }" },
);

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

const nodeCountSchema = z
  .number({ error: "expected a whole number of nodes from 0 to 1000" })
  .int({ error: "expected a whole number of nodes from 0 to 1000" })
  .min(nodePoolSizeBounds.min, { error: "expected a whole number of nodes from 0 to 1000" })
  .max(nodePoolSizeBounds.max, { error: "expected a whole number of nodes from 0 to 1000" });

const nodePoolSizeSchema = z.strictObject(
  { min: nodeCountSchema, max: nodeCountSchema, desired: nodeCountSchema },
  { error: "expected an object { min, max, desired }" },
);

const nodePoolSchema = z.strictObject(
  {
    name: z
      .string({ error: "expected a node pool name" })
      .regex(/^[a-z0-9]([-a-z0-9]{0,38}[a-z0-9])?$/, {
        error:
          "expected 1-40 lowercase letters, digits or hyphens, starting and ending with a letter or digit",
      }),
    instanceType: z
      .string({
        error: "expected the cloud's instance type ID, such as ecs.g7.xlarge or m6i.large",
      })
      .regex(/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/, {
        error: "expected the cloud's instance type ID, such as ecs.g7.xlarge or m6i.large",
      }),
    size: nodePoolSizeSchema,
  },
  { error: "expected an object { name, instanceType, size }" },
);

const kubernetesSchema = z.strictObject(
  {
    version: z
      .string({
        error: "expected a Kubernetes version such as 1.31 (aws) or 1.31.1-aliyun.1 (alicloud)",
      })
      .regex(/^1\.\d{1,2}(\.\d{1,2}(-aliyun\.\d{1,2})?)?$/, {
        error: "expected a Kubernetes version such as 1.31 (aws) or 1.31.1-aliyun.1 (alicloud)",
      }),
    nodePools: z
      .array(nodePoolSchema, { error: "expected a list of { name, instanceType, size }" })
      .min(1, { error: "expected at least one node pool" }),
    namespaces: z
      .array(
        z.string({ error: "expected a namespace name" }).regex(dns1123Label, {
          error:
            "expected a DNS-1123 label: 1-63 lowercase letters, digits or hyphens, starting and ending with a letter or digit",
        }),
        { error: "expected a list of namespace names" },
      )
      .default([]),
  },
  { error: "expected an object { version, nodePools, namespaces }" },
);

/**
 * How strictly the pack judges hardening that keeps data in place (a data store without a
 * customer-managed key, a link to another account whose far end lies inside the jurisdiction):
 * `standard` reports it as advisory, `strict` as mandatory. A path out is mandatory under both.
 */
export const postures = ["standard", "strict"] as const;
export type Posture = (typeof postures)[number];
export const defaultPosture: Posture = "standard";

const postureSchema = z.enum(postures, {
  error: `expected one of: ${postures.join(", ")} (strict also fails hardening findings that keep data in place)`,
});

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
  const result = postureSchema.safeParse(raw);
  return result.success
    ? { posture: result.data }
    : {
        issue: {
          key: `${namespace}:posture`,
          received: raw,
          expected: result.error.issues[0].message,
        },
      };
}

/** The schema of the stack config, key by key (keys without the namespace). */
const specSchema = z.strictObject({
  cloud: z.enum(clouds as [Cloud, ...Cloud[]], {
    error: `expected one of: ${clouds.join(", ")}`,
  }),
  region: z
    .string({ error: "expected a region ID such as cn-shanghai" })
    .min(1, { error: "expected a region ID such as cn-shanghai" }),
  jurisdiction: z
    .string({ error: `expected one of: ${jurisdictionIds().join(", ")}` })
    .refine((v) => findJurisdiction(v) !== undefined, {
      error: `expected one of: ${jurisdictionIds().join(", ")}`,
    }),
  accountId: z
    .string({ error: "expected a 12-digit AWS account ID" })
    .regex(/^\d{12}$/, { error: "expected a 12-digit AWS account ID" })
    .optional(),
  stateBackend: z
    .string({ error: "expected the URL of the stack's Pulumi state backend" })
    .min(1, { error: "expected the URL of the stack's Pulumi state backend" })
    .optional(),
  network: networkSchema,
  buckets: z
    .array(bucketSchema, { error: "expected a list of { name, purpose, retentionDays }" })
    .default([]),
  egress: z
    .array(egressSchema, { error: "expected a list of { cidr, ports, protocol, reason }" })
    .default([]),
  keys: keysSchema.default({
    deletionWindowDays: keyBounds.deletionWindowDays.default,
    rotationDays: keyBounds.rotationDays.default,
  }),
  posture: postureSchema.default(defaultPosture),
  kubernetes: kubernetesSchema.optional(),
});

type ParsedSpec = z.infer<typeof specSchema>;

/** The keys of a stack config under `sovereign-dc:`, as Pulumi.yaml declares them. */
export const specKeys: readonly string[] = Object.keys(specSchema.shape);

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
  readonly keys: KeySettings;
  /** Whether hardening findings are advisory (`standard`) or mandatory (`strict`). */
  readonly posture: Posture;
  /** The managed Kubernetes cluster of the stack; none when the key is absent. */
  readonly kubernetes?: KubernetesSpec;
}

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
const structuredKeys = new Set(["network", "buckets", "egress", "keys", "kubernetes"]);

/**
 * Validates a stack's config — the flat map the Pulumi runtime holds, with namespaced keys and
 * structured values as JSON text — and returns the spec, or throws StackSpecError listing every
 * issue. Keys of other namespaces (`alicloud:region`, `aws:region`, …) are ignored here.
 */
export function parseStackSpec(
  config: Readonly<Record<string, string>>,
  stack?: string,
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
  return validateStackSpec(raw, stack);
}

function parseJsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Validates already-decoded config values (keys without the namespace). */
export function validateStackSpec(
  raw: Readonly<Record<string, unknown>>,
  stack?: string,
): StackSpec {
  const result = specSchema.safeParse(raw);
  if (!result.success) {
    throw new StackSpecError(zodIssues(result.error.issues, raw), stack);
  }
  const issues = crossFieldIssues(result.data, stack ?? "my-stack");
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
    keys: p.keys,
    posture: p.posture,
    ...(p.kubernetes === undefined ? {} : { kubernetes: p.kubernetes }),
  };
}

function keyOf(path: readonly PropertyKey[]): string {
  let out = namespace;
  path.forEach((seg, i) => {
    if (typeof seg === "number") {
      out += `[${seg}]`;
    } else {
      out += `${i === 0 ? ":" : "."}${String(seg)}`;
    }
  });
  return out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== "object") {
      return undefined;
    }
    cur = (cur as Record<PropertyKey, unknown>)[seg as string];
  }
  return cur;
}

function zodIssues(issues: readonly z.core.$ZodIssue[], raw: unknown): SpecIssue[] {
  const out: SpecIssue[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      const allowed = allowedKeysAt(issue.path);
      for (const k of issue.keys) {
        const path = [...issue.path, k];
        out.push({
          key: keyOf(path),
          received: valueAt(raw, path),
          expected: `expected no such key; allowed keys here: ${allowed.map((a) => keyOf([...issue.path, a])).join(", ")}`,
        });
      }
      continue;
    }
    out.push({
      key: keyOf(issue.path),
      received: valueAt(raw, issue.path),
      expected: issue.message,
    });
  }
  return out;
}

function allowedKeysAt(path: readonly PropertyKey[]): string[] {
  const named = path.filter((p) => typeof p === "string");
  const shapes: Record<string, readonly string[]> = {
    "": Object.keys(specSchema.shape),
    network: Object.keys(networkSchema.shape),
    "network.zones": Object.keys(zoneSchema.shape),
    buckets: Object.keys(bucketSchema.shape),
    egress: Object.keys(egressSchema.shape),
    keys: Object.keys(keysSchema.shape),
    kubernetes: Object.keys(kubernetesSchema.shape),
    "kubernetes.nodePools": Object.keys(nodePoolSchema.shape),
    "kubernetes.nodePools.size": Object.keys(nodePoolSizeSchema.shape),
  };
  return [...(shapes[named.join(".")] ?? [])];
}

/** Zone IDs of a region, named as residency/zones.ts `zoneName` names them. */
export function zonePattern(cloud: Cloud, region: string): RegExp {
  const sample = zoneName(cloud, region, "a");
  const head = sample.slice(0, -1).replace(/[-]/g, "\\-");
  return new RegExp(`^${head}[a-z]$`);
}

function crossFieldIssues(p: ParsedSpec, stack: string): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const jurisdiction = findJurisdiction(p.jurisdiction)!;
  const allowedRegions = jurisdiction.regions[p.cloud];
  if (!allowedRegions.includes(p.region)) {
    issues.push({
      key: keyOf(["region"]),
      received: p.region,
      expected: `expected a region of ${p.cloud} inside jurisdiction ${jurisdiction.id} (${allowedRegions.join(", ")})`,
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
  if (p.cloud === "alicloud" && p.keys.rotationDays !== 365) {
    issues.push({
      key: keyOf(["keys", "rotationDays"]),
      received: p.keys.rotationDays,
      expected:
        "expected 365 on alicloud: a default KMS key (one outside a dedicated KMS instance) rotates only yearly",
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
  p.network.zones.forEach((z, i) => {
    if (regionOk && !pattern.test(z.zone)) {
      const example = p.cloud === "alicloud" ? `${p.region}-e` : `${p.region}a`;
      issues.push({
        key: keyOf(["network", "zones", i, "zone"]),
        received: z.zone,
        expected: `expected a zone of region ${p.region}, such as ${example}`,
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
  if (p.kubernetes !== undefined) {
    issues.push(...kubernetesIssues(p.cloud, p.kubernetes));
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
