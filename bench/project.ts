/**
 * A throw-away Pulumi project for a benchmark: a folder with `Pulumi.yaml`, one stack file, the
 * program as `index.ts`, and this repository's node_modules linked in so that the program
 * resolves the SDKs as a project of the user's would.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const root = path.resolve(__dirname, "..");

/** Writes the project into `dir` (which must exist) with stack `bench` and returns `dir`. */
export function benchProject(
  dir: string,
  name: string,
  config: Readonly<Record<string, string>>,
  program: string,
): string {
  fs.writeFileSync(
    path.join(dir, "Pulumi.yaml"),
    `name: ${name}\nruntime: nodejs\nmain: index.ts\n`,
  );
  const lines = Object.entries(config).map(([k, v]) => `  ${k}: ${v}\n`);
  fs.writeFileSync(path.join(dir, "Pulumi.bench.yaml"), `config:\n${lines.join("")}`);
  fs.writeFileSync(path.join(dir, "index.ts"), program);
  fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir");
  return dir;
}
