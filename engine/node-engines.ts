/**
 * The check the Node.js language host makes between loading a program and running it (the SDK's
 * cmd/run/run.js): where the `.npmrc` beside the program's package manifest sets `engine-strict`,
 * the manifest's `engines.node` must admit the Node that runs the program, or the host fails the
 * program ("Your current Node version is incompatible…"). The guard runs on the Node the project's
 * `pulumi up` would run on, so it fails the program the same way.
 *
 * Read with the SDK's own manifest reader (package.json, or package.yaml) and its own ini parser,
 * as the host reads them; an SDK that has neither makes no such check here.
 */
import { createRequire } from "node:module";
import * as fs from "node:fs";
import * as path from "node:path";
import * as semver from "semver";

interface ManifestModule {
  searchupPackageManifest(startDir: string): string | undefined;
  readPackageManifest(dir: string): { data: { engines?: { node?: unknown } } };
}

/** The SDK's manifest reader and ini parser, or undefined when this SDK has none. */
function hostReaders():
  | { manifest: ManifestModule; ini: { parse(text: string): Record<string, unknown> } }
  | undefined {
  try {
    const sdk = createRequire(require.resolve("@pulumi/pulumi/package.json"));
    return {
      manifest: sdk("./runtime/manifest") as ManifestModule,
      ini: sdk("ini") as { parse(text: string): Record<string, unknown> },
    };
  } catch {
    return undefined;
  }
}

/**
 * The host's failure for `program` on this Node, as it words it, or undefined when the host
 * runs it: no `engine-strict`, no `engines.node`, or a range this Node satisfies.
 */
export function incompatibleNode(program: string): string | undefined {
  const readers = hostReaders();
  if (readers === undefined) {
    return undefined;
  }
  const programDir =
    fs.existsSync(program) && fs.statSync(program).isDirectory() ? program : path.dirname(program);
  const manifestFile = readers.manifest.searchupPackageManifest(programDir);
  const root = manifestFile === undefined ? programDir : path.dirname(manifestFile);
  let npmrc: Record<string, unknown>;
  try {
    npmrc = readers.ini.parse(fs.readFileSync(path.join(root, ".npmrc"), "utf8"));
  } catch {
    return undefined;
  }
  if (!npmrc["engine-strict"]) {
    return undefined;
  }
  let required: unknown;
  try {
    required = readers.manifest.readPackageManifest(root).data.engines?.node;
  } catch {
    return undefined;
  }
  if (!required || semver.satisfies(process.versions.node, String(required))) {
    return undefined;
  }
  return [
    `Your current Node version is incompatible to run ${root}`,
    `Expected version: ${String(required)} as found in package.json > engines > node`,
    `Actual Node version: ${process.versions.node}`,
    `To fix issue, install a Node version that is compatible with ${String(required)}`,
  ].join("\n");
}
