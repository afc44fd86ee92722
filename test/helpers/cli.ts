/**
 * Runs the real `sovereign-dc` binary in a child process, as a user or CI does, with a hermetic
 * environment: the caller's own PULUMI_BACKEND_URL must not decide a verdict.
 */
import { execFile } from "node:child_process";
import * as path from "node:path";
import { CliLane, type CliRequest, type CliRun } from "../support/cli-lane";
import type { WorkerServices } from "../support/environment";

export const root = path.resolve(__dirname, "..", "..");
const bin = path.join(root, "bin", "sovereign-dc.js");

export type { CliRequest, CliRun };

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

/**
 * Runs many CLI commands through the CLI's `main` in `width` lanes of long-lived processes
 * (test/support/cli-lane.ts; the jest worker's own, kept for the files it runs) instead of one
 * process each: the same code and output as the binary, without a Node start, an SDK load and a
 * pack start per command. Results in order.
 *
 * One lane by default: the suite is CPU-bound on two jest workers, and a second lane per worker
 * (another batch process and pack, each warming up on its own) cost about 3.5 CPU-seconds of the
 * whole run and 1.6 s of its wall time (measured alternated, two runs each).
 */
export async function cliMany(requests: readonly CliRequest[], width = 1): Promise<CliRun[]> {
  const results = await cliSequences(
    requests.map((r) => [r]),
    width,
  );
  return results.map(([r]) => r);
}

/**
 * Runs sequences of CLI commands as `cliMany` does, where a command may depend on what an earlier
 * one of its sequence wrote (`new-stack`, then `plan` of the new stack): each sequence runs in
 * order in one lane, the sequences side by side. Results per sequence, in order.
 */
export async function cliSequences(
  sequences: readonly (readonly CliRequest[])[],
  width = 1,
): Promise<CliRun[][]> {
  const shared = (globalThis as { sovereignDcWorker?: WorkerServices }).sovereignDcWorker;
  const lanes = shared?.cliLanes(width) ?? Array.from({ length: width }, () => new CliLane());
  const results: CliRun[][] = sequences.map(() => []);
  let next = 0;
  const drain = async (lane: CliLane) => {
    while (next < sequences.length) {
      const i = next++;
      for (const req of sequences[i]) {
        results[i].push(await lane.run(req));
      }
    }
  };
  try {
    await Promise.all(lanes.slice(0, Math.min(width, sequences.length)).map(drain));
  } finally {
    if (shared === undefined) {
      lanes.forEach((l) => l.close());
    }
  }
  return results;
}
