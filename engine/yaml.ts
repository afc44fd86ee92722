/**
 * The YAML library (`yaml`, some 70 modules), loaded the first time the engine reads YAML: a
 * project's or stack's file, or a provider function that decodes YAML. Code that loads the
 * engine only for its types and settings (the checks of a plan, most test files) does not pay
 * for it.
 */
import type * as Yaml from "yaml";

let loaded: typeof Yaml | undefined;

export function yaml(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require("yaml") as typeof Yaml);
}

/**
 * The values of a multi-document YAML text (Kubernetes manifests), empty documents left out; a
 * document that does not parse throws its first error's message.
 */
export function yamlDocuments(text: string): unknown[] {
  return yaml()
    .parseAllDocuments(text)
    .map((doc) => {
      if (doc.errors.length > 0) {
        throw new Error(doc.errors[0].message);
      }
      return doc.toJS() as unknown;
    })
    .filter((value) => value !== null && value !== undefined);
}
