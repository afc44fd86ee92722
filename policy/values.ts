/**
 * Reading resource properties the way a residency decision needs them: through the policy
 * runtime's unknown-checking proxy, without letting an unknown value escape.
 *
 * The runtime turns an UnknownValueError thrown out of a policy into an *advisory* "can't run
 * during preview" note, which would let an undecidable destination pass a preview. So every read
 * here catches it and hands the caller an explicit `unknown`, which the policies report as a
 * mandatory violation (fail closed).
 */
import * as proxy from "@pulumi/policy/proxy";

/** The runtime's UnknownValueError (its module ships no type declarations). */
const { UnknownValueError } = proxy as unknown as {
  UnknownValueError: new (...args: never[]) => Error & { readonly props: readonly string[] };
};

export function isUnknownValueError(e: unknown): boolean {
  return e instanceof UnknownValueError;
}

/** Marks a value that is not known until the resources it depends on exist. */
export const unknown: unique symbol = Symbol("unknown");
export type Unknown = typeof unknown;

/** Runs `read`; an access to an unknown value yields `unknown` instead of throwing. */
export function known<T>(read: () => T): T | Unknown {
  try {
    return read();
  } catch (e) {
    if (isUnknownValueError(e)) {
      return unknown;
    }
    throw e;
  }
}

/** One value found at a property path, with the concrete path it was found at. */
export interface Found {
  /** Concrete path, e.g. `rules[0].destination.bucket`. */
  readonly path: string;
  readonly value: unknown;
  /**
   * The object holding the last named segment: for `rules[].destination.bucket` the
   * `destination` object, for `egress[].cidrBlocks[]` the rule `egress[i]`, for
   * `targetCopyRegions[]` the props — the place sibling settings are read from.
   */
  readonly holder: unknown;
}

function joinPath(base: string, key: string): string {
  return base === "" ? key : `${base}.${key}`;
}

/**
 * Every value at a dotted property path where `[]` expands an array:
 * `rules[].destination.bucket`, `targetCopyRegions[]`. Absent values are skipped; a value that
 * is unknown at any step is returned as `unknown` with the path it was met at.
 */
export function valuesAt(props: unknown, path: string): Found[] {
  const segments = path.split(".").flatMap((s) => (s.endsWith("[]") ? [s.slice(0, -2), "[]"] : s));
  const out: Found[] = [];
  const walk = (value: unknown, holder: unknown, at: string, i: number): void => {
    if (i === segments.length) {
      if (value !== undefined && value !== null) {
        out.push({ path: at, value, holder });
      }
      return;
    }
    const seg = segments[i];
    if (seg === "[]") {
      const items = known(() => (Array.isArray(value) ? value.length : -1));
      if (items === -1) {
        // Providers accept a single value where a list is declared in places; read it as one.
        walk(value, holder, at, i + 1);
        return;
      }
      if (items === unknown) {
        out.push({ path: `${at}[]`, value: unknown, holder });
        return;
      }
      for (let k = 0; k < items; k++) {
        const item = known(() => (value as unknown[])[k]);
        const itemAt = `${at}[${k}]`;
        if (item === unknown) {
          out.push({ path: itemAt, value: unknown, holder });
        } else {
          walk(item, holder, itemAt, i + 1);
        }
      }
      return;
    }
    if (typeof value === "string") {
      // Policy documents travel as JSON text; a path may continue into them.
      const doc = jsonDocument(value);
      if (doc !== undefined && doc !== unknown && typeof doc === "object") {
        walk(doc, holder, at, i);
      }
      return;
    }
    if (value === null || typeof value !== "object") {
      return;
    }
    const next = known(() => (value as Record<string, unknown>)[seg]);
    const nextAt = joinPath(at, seg);
    if (next === unknown) {
      out.push({ path: nextAt, value: unknown, holder: value });
      return;
    }
    walk(next, value, nextAt, i + 1);
  };
  walk(props, props, "", 0);
  return out;
}

/** The one value at a path without arrays, `unknown`, or undefined when absent. */
export function valueAt(props: unknown, path: string): unknown {
  const found = valuesAt(props, path);
  return found.length > 0 ? found[0].value : undefined;
}

/** A non-empty string, or undefined. */
export function str(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

/** Booleans as providers accept them: `true`, or the string `"true"` of string-typed flags. */
export function isTrue(v: unknown): boolean {
  return v === true || (typeof v === "string" && v.toLowerCase() === "true");
}

/**
 * A JSON document that may arrive as a string (policies, provider settings the SDK stringifies)
 * or as an object; undefined when it does not parse. Reading it through JSON.stringify touches
 * every value, so an unknown inside makes the whole document `unknown`.
 */
export function jsonDocument(v: unknown): unknown {
  if (typeof v === "string") {
    try {
      return JSON.parse(v);
    } catch {
      return undefined;
    }
  }
  if (v === null || typeof v !== "object") {
    return undefined;
  }
  const text = known(() => JSON.stringify(v));
  return text === unknown ? unknown : JSON.parse(text);
}

/** A string or list of strings (IAM-style `"*"` / `["*"]`) as a list. */
export function stringList(v: unknown): string[] {
  if (typeof v === "string") {
    return [v];
  }
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/**
 * Every string anywhere in a value, with its path; strings holding JSON objects or arrays are
 * parsed and searched too (policy documents travel as strings). Unknowns are reported as such.
 */
export function stringsIn(value: unknown, at = ""): Found[] {
  const out: Found[] = [];
  const visit = (v: unknown, holder: unknown, p: string): void => {
    if (typeof v === "string") {
      const trimmed = v.trim();
      if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
        const doc = jsonDocument(v);
        if (doc !== undefined && doc !== unknown) {
          visit(doc, holder, p);
          return;
        }
      }
      out.push({ path: p, value: v, holder });
      return;
    }
    if (Array.isArray(v)) {
      const n = known(() => v.length);
      if (n === unknown) {
        out.push({ path: p, value: unknown, holder });
        return;
      }
      for (let i = 0; i < n; i++) {
        const item = known(() => v[i]);
        if (item === unknown) {
          out.push({ path: `${p}[${i}]`, value: unknown, holder: v });
        } else {
          visit(item, v, `${p}[${i}]`);
        }
      }
      return;
    }
    if (v === null || typeof v !== "object") {
      return;
    }
    for (const key of Object.keys(v)) {
      const item = known(() => (v as Record<string, unknown>)[key]);
      if (item === unknown) {
        out.push({ path: joinPath(p, key), value: unknown, holder: v });
      } else {
        visit(item, v, joinPath(p, key));
      }
    }
  };
  visit(value, value, at);
  return out;
}

/** `rules[3].destination.bucket` → `rules[].destination.bucket`: the path a model names. */
export function modelPath(concrete: string): string {
  return concrete.replace(/\[\d+\]/g, "[]");
}
