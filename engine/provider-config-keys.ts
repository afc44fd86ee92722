/**
 * A stack's settings of a provider's namespace (`aws:`, `alicloud:`, `kubernetes:`) that the
 * provider package the project installed declares no setting for: a misspelt `aws:regoin` leaves
 * the default provider without a region, and its resources fail resource-placement for a reason
 * the findings cannot name. The package's own declarations (`config/vars.d.ts`) are the list, so
 * it is the installed release's. A warning, not a refusal: the verdict is the findings' (a
 * resource without a region fails closed), and a release newer than the installed one may read it.
 */
import * as fs from "node:fs";
import { closest, distance } from "fastest-levenshtein";

/** The settings a provider package declares, by namespace; undefined where it is not installed. */
function declaredSettings(namespace: string, fromDir: string): readonly string[] | undefined {
  let file: string;
  try {
    file = require.resolve(`@pulumi/${namespace}/config/vars.d.ts`, { paths: [fromDir] });
  } catch {
    return undefined;
  }
  const names = [...fs.readFileSync(file, "utf8").matchAll(/^export declare const (\w+)/gm)].map(
    (m) => m[1],
  );
  return names.length > 0 ? names : undefined;
}

/** One warning line per key no installed provider package declares, with the key it may mean. */
export function providerKeyWarnings(
  config: Readonly<Record<string, string>>,
  fromDir: string,
  project: string,
): string[] {
  const byNamespace = new Map<string, string[]>();
  for (const key of Object.keys(config).sort()) {
    const at = key.indexOf(":");
    const namespace = key.slice(0, at);
    // The project's own namespace is the program's to read (a project named docker, say).
    if (
      at > 0 &&
      /^[a-z][a-z0-9-]*$/.test(namespace) &&
      namespace !== "pulumi" &&
      namespace !== project
    ) {
      byNamespace.set(namespace, [...(byNamespace.get(namespace) ?? []), key.slice(at + 1)]);
    }
  }
  const warnings: string[] = [];
  for (const [namespace, keys] of byNamespace) {
    const declared = declaredSettings(namespace, fromDir);
    if (declared === undefined) {
      continue;
    }
    for (const key of keys.filter((k) => !declared.includes(k))) {
      const near = closest(key, [...declared]);
      const meant =
        distance(key.toLowerCase(), near.toLowerCase()) <= Math.max(2, key.length / 4)
          ? ` (did you mean ${namespace}:${near}?)`
          : "";
      warnings.push(
        `warning: ${namespace}:${key} is no setting of the installed @pulumi/${namespace}${meant}; the provider does not take it for another.`,
      );
    }
  }
  return warnings;
}
