/**
 * What a residency report was produced from, so an auditor can tie it to the program, the tool
 * and the configuration it judged: the guard's version, the Pulumi SDK and provider SDKs the
 * program resolves, the stack file and `--policy-config` file by content hash, and where the
 * program is under git, its commit and whether the working tree differed from it.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { packageOf, type Plan } from "../engine/plan";

/** A file the report was produced from, by name and the SHA-256 of its content. */
export interface HashedFile {
  readonly name: string;
  readonly sha256: string;
}

export interface Provenance {
  /** `sovereign-dc <version>`. */
  readonly tool: string;
  /** The Pulumi SDK and the provider SDKs the program resolves, `@pulumi/aws 7.48.0`. */
  readonly sdks: readonly string[];
  readonly stackFile?: HashedFile;
  /** The `--policy-config` file laid over the stack's (waivers, levels), if one was given. */
  readonly policyConfig?: HashedFile;
  /** The program's git commit, or undefined outside a repository or when not asked for. */
  readonly commit?: { readonly id: string; readonly dirty: boolean };
}

/** `file` by its path from `from` (the project), or its absolute path when it lies outside. */
export function hashedFile(file: string, from: string): HashedFile {
  const relative = path.relative(from, path.resolve(file));
  return {
    name: relative === "" || relative.startsWith("..") ? path.resolve(file) : relative,
    sha256: createHash("sha256").update(fs.readFileSync(file)).digest("hex"),
  };
}

/** The installed version of `pkg` as the program in `projectDir` resolves it, or "not found". */
function installed(pkg: string, projectDir: string): string {
  try {
    const file = require.resolve(`${pkg}/package.json`, { paths: [projectDir] });
    return (JSON.parse(fs.readFileSync(file, "utf8")) as { version?: string }).version ?? "?";
  } catch {
    return "not found";
  }
}

/**
 * The SDKs of the packages whose cloud resources the plan holds (`@pulumi/<package>`; a
 * component's own package is the program's), after the Pulumi SDK itself, as the program in
 * `projectDir` resolves them.
 */
export function sdkVersions(plan: Plan, projectDir: string): string[] {
  const packages = [
    ...new Set(
      plan.resources
        .filter((r) => r.custom)
        .map((r) => packageOf(r.type))
        .filter((p) => p !== "pulumi" && p !== ""),
    ),
  ].sort();
  return ["pulumi", ...packages].map(
    (p) => `@pulumi/${p} ${installed(`@pulumi/${p}`, projectDir)}`,
  );
}

/** The commit `dir` is checked out at, and whether its tree differs from it; undefined outside git. */
export function gitCommit(dir: string): { id: string; dirty: boolean } | undefined {
  const git = (...args: string[]) =>
    spawnSync("git", args, { cwd: dir, encoding: "utf8", timeout: 10_000 });
  const head = git("rev-parse", "HEAD");
  if (head.status !== 0) {
    return undefined;
  }
  const status = git("status", "--porcelain", "--untracked-files=no");
  return { id: head.stdout.trim(), dirty: status.status !== 0 || status.stdout.trim() !== "" };
}
