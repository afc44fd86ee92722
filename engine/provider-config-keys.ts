/**
 * A stack's settings of a provider's namespace (`aws:`, `alicloud:`, `kubernetes:`) that the
 * provider package the project installed declares no setting for: a misspelt `aws:regoin` leaves
 * the default provider without a region, and its resources fail resource-placement for a reason
 * the findings cannot name. The package's own declarations are the list, so it is the installed
 * release's: its config module (`config/vars.d.ts`), or where it ships none (`@pulumi/kubernetes`)
 * its provider's inputs (`ProviderArgs` in `provider.d.ts`), which a default provider takes from
 * the namespace's settings. A warning, not a refusal: the verdict is the findings' (a resource
 * without a region fails closed), and a release newer than the installed one may read it. The
 * value is not repeated: it may be a kubeconfig or a credential.
 */
import * as fs from "node:fs";
import { closest, distance } from "fastest-levenshtein";

/** The text of a declaration file of a provider package, or undefined where it has none. */
function declarations(namespace: string, file: string, fromDir: string): string | undefined {
  try {
    return fs.readFileSync(
      require.resolve(`@pulumi/${namespace}/${file}`, { paths: [fromDir] }),
      "utf8",
    );
  } catch {
    return undefined;
  }
}

/** The members of the `ProviderArgs` interface a provider's `provider.d.ts` declares. */
function providerInputs(text: string): string[] {
  const body = /^export interface ProviderArgs \{\n([\s\S]*?)^\}/m.exec(text)?.[1] ?? "";
  return [...body.matchAll(/^ {4}(\w+)\??:/gm)].map((m) => m[1]);
}

/**
 * The settings a provider package declares, by namespace: its config module's variables, else
 * its provider's inputs; undefined where it is not installed or declares none.
 */
function declaredSettings(namespace: string, fromDir: string): readonly string[] | undefined {
  const vars = declarations(namespace, "config/vars.d.ts", fromDir);
  const names =
    vars !== undefined
      ? [...vars.matchAll(/^export declare const (\w+)/gm)].map((m) => m[1])
      : providerInputs(declarations(namespace, "provider.d.ts", fromDir) ?? "");
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
