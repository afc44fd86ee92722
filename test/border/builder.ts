/**
 * Hand-built stacks for unit tests of the border analysis. A property value made with `ref(r)`
 * becomes `r`'s ID and records `r` as a dependency of that top-level property — the way a value
 * built from another resource's output reaches a policy — so tests exercise the same resolution
 * path as real plans without the Pulumi runtime.
 */
import { type BorderResource, unknown } from "../../policy/paths";

const refMark = Symbol("ref");
interface RefValue {
  readonly [refMark]: BorderResource;
}

/** A value that names another resource (by its ID) and depends on it. */
export function ref(r: BorderResource): RefValue {
  return { [refMark]: r };
}

function isRef(v: unknown): v is RefValue {
  return typeof v === "object" && v !== null && refMark in v;
}

export function idOf(r: BorderResource): string {
  return `${r.name}-id`;
}

function resolve(v: unknown, deps: Set<string>): unknown {
  if (isRef(v)) {
    deps.add(v[refMark].urn);
    return idOf(v[refMark]);
  }
  if (v === unknown) {
    return v;
  }
  if (Array.isArray(v)) {
    return v.map((e) => resolve(e, deps));
  }
  if (v !== null && typeof v === "object") {
    return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, resolve(e, deps)]));
  }
  return v;
}

export class TestStack {
  readonly resources: BorderResource[] = [];

  /** An explicit provider of a cloud pinned to `region` (undefined: no region at all). */
  provider(
    type: "alicloud" | "aws" | "kubernetes",
    name: string,
    props: Record<string, unknown> = {},
  ): BorderResource {
    return this.add(`pulumi:providers:${type}`, name, props);
  }

  add(
    type: string,
    name: string,
    props: Record<string, unknown>,
    opts: { provider?: BorderResource; protect?: boolean } = {},
  ): BorderResource {
    const propertyDependencies: Record<string, string[]> = {};
    const dependencies = new Set<string>();
    const plain: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(props)) {
      const deps = new Set<string>();
      plain[k] = resolve(v, deps);
      if (deps.size > 0) {
        propertyDependencies[k] = [...deps];
        deps.forEach((d) => dependencies.add(d));
      }
    }
    const r: BorderResource = {
      urn: `urn:pulumi:test::border::${type}::${name}`,
      type,
      name,
      props: plain,
      provider: opts.provider?.urn,
      dependencies: [...dependencies],
      propertyDependencies,
      protect: opts.protect ?? false,
    };
    this.resources.push(r);
    return r;
  }
}
