/**
 * Builds the analysis's resource view from the two places resources come from: the CrossGuard
 * policy runtime (`PolicyResource`, whose props are a proxy that throws on preview-unknown
 * values) and a recorded plan (whose values are in the Pulumi wire form). Both become plain JSON
 * with references as URNs and every unknown value marked, so nothing downstream can throw on one
 * or mistake it for a real value.
 */
import type { PolicyResource } from "@pulumi/policy";
import { type BorderResource, unknown } from "./model";

/**
 * The unknown-value sentinels of the engine's wire protocol, one per property kind (the same
 * strings as @pulumi/policy's proxy.js, which does not export them).
 */
const unknownSentinels: ReadonlySet<string> = new Set([
  "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
  "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
  "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
  "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
  "030794c1-ac77-496b-92df-f27374a8bd58",
  "e48ece36-62e2-4504-bad9-02848725956a",
  "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
]);

const sigKey = "4dabf18193072939515e22adb298388d";
const secretSig = "1b47061264138c4ac30d75fd1eb44270";
const resourceSig = "5cf8f73096256a8f31e491e813e4eb8e";
const outputValueSig = "d0e6a833031e9bbcd3f4e8bde6ca49a4";

/** The policy runtime's proxies hand out their target under this key. */
const proxyTargetKey = "__getSpecialProxyTarget";

/** A deep plain copy: wire signatures unwrapped, unknowns marked, secrets revealed. */
export function plainValue(value: unknown): unknown {
  if (typeof value === "string") {
    return unknownSentinels.has(value) ? unknown : value;
  }
  if (value === null || typeof value !== "object") {
    return value;
  }
  let target: object = value;
  try {
    const inner = (value as Record<string, unknown>)[proxyTargetKey];
    if (inner !== null && typeof inner === "object") {
      target = inner;
    }
  } catch {
    return unknown;
  }
  if (Array.isArray(target)) {
    return target.map((v) => plainValue(v));
  }
  const obj = target as Record<string, unknown>;
  switch (obj[sigKey]) {
    case secretSig:
      return plainValue(obj.value);
    case resourceSig:
      return obj.urn;
    case outputValueSig:
      return "value" in obj ? plainValue(obj.value) : unknown;
    default:
      break;
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(obj)) {
    let v: unknown;
    try {
      v = obj[k];
    } catch {
      out[k] = unknown;
      continue;
    }
    if (v !== undefined) {
      out[k] = plainValue(v);
    }
  }
  return out;
}

function plainProps(props: unknown): Record<string, unknown> {
  const p = plainValue(props);
  return p !== null && typeof p === "object" && !Array.isArray(p)
    ? (p as Record<string, unknown>)
    : {};
}

/** The resources of a stack policy's arguments, with their providers. */
export function fromPolicyResources(resources: readonly PolicyResource[]): BorderResource[] {
  const out: BorderResource[] = [];
  const seen = new Set<string>();
  for (const r of resources) {
    seen.add(r.urn);
  }
  for (const r of resources) {
    // The runtime attaches a resource's provider to it; the provider is normally also one of the
    // stack's resources, but the analysis needs it either way to place the resource.
    if (r.provider && !seen.has(r.provider.urn)) {
      seen.add(r.provider.urn);
      out.push({
        urn: r.provider.urn,
        type: r.provider.type,
        name: r.provider.name,
        props: plainProps(r.provider.props),
        dependencies: [],
        propertyDependencies: {},
        protect: false,
      });
    }
    const propertyDependencies: Record<string, string[]> = {};
    for (const [k, deps] of Object.entries(r.propertyDependencies ?? {})) {
      propertyDependencies[k] = deps.map((d) => d.urn);
    }
    out.push({
      urn: r.urn,
      type: r.type,
      name: r.name,
      props: plainProps(r.props),
      provider: r.provider?.urn,
      parent: r.parent?.urn,
      dependencies: (r.dependencies ?? []).map((d) => d.urn),
      propertyDependencies,
      protect: r.opts?.protect === true,
    });
  }
  return out;
}

/** The fields of a recorded plan the analysis reads (the engine's `Plan` fits it). */
export interface PlanLike {
  readonly resources: ReadonlyArray<{
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly parent?: string;
    readonly provider?: string;
    readonly dependencies: readonly string[];
    readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
    readonly protect: boolean;
    readonly outputs: Readonly<Record<string, unknown>>;
  }>;
}

/** The resources of a recorded plan, read from their outputs as `analyzeStack` sends them. */
export function fromPlan(plan: PlanLike): BorderResource[] {
  return plan.resources.map((r) => ({
    urn: r.urn,
    type: r.type,
    name: r.name,
    props: plainProps(r.outputs),
    provider: r.provider,
    parent: r.parent,
    dependencies: r.dependencies,
    propertyDependencies: r.propertyDependencies,
    protect: r.protect,
  }));
}
