/**
 * Runs the real `sovereign-dc` binary in a child process, as a user or CI does, with a hermetic
 * environment: the caller's own PULUMI_BACKEND_URL must not decide a verdict.
 */
import { execFile } from "node:child_process";
import * as path from "node:path";

export const root = path.resolve(__dirname, "..", "..");
const bin = path.join(root, "bin", "sovereign-dc.js");

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function cli(
  args: readonly string[],
  opts: { readonly cwd?: string; readonly env?: Record<string, string> } = {},
): Promise<CliRun> {
  const options = {
    cwd: opts.cwd ?? root,
    maxBuffer: 1 << 28,
    env: { ...process.env, PULUMI_BACKEND_URL: "", ...(opts.env ?? {}) },
  };
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], options, (err, stdout, stderr) => {
      const code = err ? (err as { code?: number }).code : 0;
      resolve({ code: typeof code === "number" ? code : 1, stdout, stderr });
    });
  });
}
