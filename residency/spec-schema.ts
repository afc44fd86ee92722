/**
 * The schema of the stack spec (residency/spec.ts), in zod: what each key of a stack config may
 * hold and what a rejection says. Loaded by spec.ts the first time a config is validated, so
 * that the code that only reads the spec's constants and types (the policy pack, `check` of a
 * program of another project, most test files) does not load zod, some 95 modules.
 */
import * as ipaddr from "ipaddr.js";
import { egressCidrProblem } from "./allowlist";
import { z } from "zod";
import { hostEntriesSchema } from "./hosts";
import { type Cloud, clouds, findJurisdiction, jurisdictionIds } from "./jurisdictions";
import {
  canonicalCidr,
  defaultPosture,
  dns1123Label,
  keyBounds,
  keyOf,
  nodePoolSizeBounds,
  postureExpected,
  postures,
  type SpecIssue,
  valueAt,
} from "./spec";

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

export { widestEgressPrefix } from "./allowlist";

const egressSchema = z.strictObject({
  cidr: cidrSchema.refine((v) => egressCidrProblem(v) === undefined, {
    error: (iss) => egressCidrProblem(String(iss.input)),
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

const postureSchema = z.enum(postures, { error: postureExpected });

/** The schema of the stack config, key by key (keys without the namespace). */
const accountExpected =
  "expected the account the stack is pinned to: a 12-digit AWS account ID, or an Alibaba Cloud account's 16-digit ID (UID)";

export const specSchema = z.strictObject({
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
    .string({ error: accountExpected })
    .regex(/^(?:\d{12}|\d{16})$/, { error: accountExpected })
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
  egressHosts: hostEntriesSchema(z).default([]),
  keys: keysSchema.default({
    deletionWindowDays: keyBounds.deletionWindowDays.default,
    rotationDays: keyBounds.rotationDays.default,
  }),
  posture: postureSchema.default(defaultPosture),
  kubernetes: kubernetesSchema.optional(),
});

/** A config the schema accepted, before the checks across keys (spec.ts `crossFieldIssues`). */
export type ParsedSpec = z.infer<typeof specSchema>;

/** The keys of a stack config under `sovereign-dc:`, as Pulumi.yaml declares them. */
export const specKeys: readonly string[] = Object.keys(specSchema.shape);

/** The schema's issues as spec issues: the key, the value received and what is allowed. */
export function zodIssues(issues: readonly z.core.$ZodIssue[], raw: unknown): SpecIssue[] {
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
    egressHosts: ["host", "reason"],
    keys: Object.keys(keysSchema.shape),
    kubernetes: Object.keys(kubernetesSchema.shape),
    "kubernetes.nodePools": Object.keys(nodePoolSchema.shape),
    "kubernetes.nodePools.size": Object.keys(nodePoolSizeSchema.shape),
  };
  return [...(shapes[named.join(".")] ?? [])];
}
