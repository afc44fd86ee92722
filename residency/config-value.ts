import type * as Zod from "zod";
import type { SpecIssue } from "./spec";

/**
 * A structured stack config value as the Pulumi runtime holds it: JSON text. Decoded here for
 * every key read without the rest of the spec (clusters, stack outputs, disk encryption) and for
 * the spec's structured keys; text that is not JSON is returned as it is, for the key's own
 * validation to reject with what it expects.
 */
export function parseJsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * The list a flat stack config declares under `key` — none when the key is absent — each entry as
 * `entry` makes it, or the issues `issuesOf` finds in the decoded value (clusters, host entries,
 * disk encryption, Outposts: keys read without the rest of the spec).
 */
export function declaredListOf<T, I>(
  config: Readonly<Record<string, string>>,
  key: string,
  issuesOf: (raw: unknown) => I[],
  entry: (e: Record<string, unknown>) => T,
): { declared: T[] } | { issues: I[] } {
  const text = config[key];
  if (text === undefined) {
    return { declared: [] };
  }
  const raw = parseJsonOrText(text);
  const issues = issuesOf(raw);
  return issues.length > 0
    ? { issues }
    : { declared: (raw as Record<string, unknown>[]).map(entry) };
}

/** The config namespace of this project (the `name` in Pulumi.yaml). */
export const namespace = "sovereign-dc";

/** The config key a path inside a value names: `sovereign-dc:network.zones[1].cidr`. */
export function keyOf(path: readonly PropertyKey[]): string {
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

/** The value at `path` inside a decoded config value; undefined where the path leaves it. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== "object") {
      return undefined;
    }
    cur = (cur as Record<PropertyKey, unknown>)[seg as string];
  }
  return cur;
}

/**
 * The schema issues of a declaration read without the rest of the spec (disk encryption, host
 * entries) as spec issues: each keyed under `sovereign-dc:<root>` with the value received there,
 * a key an entry does not take named with what it takes (`only`, "expected only …").
 */
export function declarationIssues(
  issues: readonly Zod.core.$ZodIssue[],
  raw: unknown,
  root: string,
  only: string,
): SpecIssue[] {
  const keyAt = (path: readonly PropertyKey[]) => keyOf([root, ...path]);
  return issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((k) => ({
          key: keyAt([...issue.path, k]),
          received: valueAt(raw, [...issue.path, k]),
          expected: `expected only ${only}`,
        }))
      : [{ key: keyAt(issue.path), received: valueAt(raw, issue.path), expected: issue.message }],
  );
}
