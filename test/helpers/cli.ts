/**
 * Runs the real `sovereign-dc` binary in a child process, as a user or CI does, with a hermetic
 * environment: the caller's own PULUMI_BACKEND_URL must not decide a verdict.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import * as path from "node:path";
import * as readline from "node:readline";
import { preloads } from "../../engine/spawn-pack";

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

export interface CliRequest {
  readonly args: readonly string[];
  readonly cwd?: string;
  readonly env?: Record<string, string>;
}

const batchWorker = path.join(root, "test", "support", "cli-batch-worker.ts");

/**
 * Runs many CLI commands through the CLI's `main` in `width` long-lived processes
 * (test/support/cli-batch-worker.ts) instead of one process each: the same code and output as
 * the binary, without a Node start, an SDK load and a pack start per command. Results in order.
 */
export async function cliMany(requests: readonly CliRequest[], width = 2): Promise<CliRun[]> {
  const results = await cliSequences(
    requests.map((r) => [r]),
    width,
  );
  return results.map(([r]) => r);
}

/**
 * Runs sequences of CLI commands as `cliMany` does, where a command may depend on what an earlier
 * one of its sequence wrote (`new-stack`, then `plan` of the new stack): each sequence runs in
 * order in one process, the sequences side by side. Results per sequence, in order.
 */
export async function cliSequences(
  sequences: readonly (readonly CliRequest[])[],
  width = 2,
): Promise<CliRun[][]> {
  const results: CliRun[][] = sequences.map(() => []);
  let next = 0;
  const lane = async () => {
    let child: ChildProcess | undefined;
    let lines: AsyncIterator<string> | undefined;
    try {
      while (next < sequences.length) {
        const i = next++;
        for (const req of sequences[i]) {
          if (child === undefined) {
            child = spawn(process.execPath, [...preloads(), batchWorker], {
              cwd: root,
              stdio: ["pipe", "pipe", "inherit"],
            });
            lines = readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
          }
          child.stdin!.write(
            `${JSON.stringify({
              argv: req.args,
              cwd: req.cwd ?? root,
              env: { PULUMI_BACKEND_URL: "", ...(req.env ?? {}) },
            })}\n`,
          );
          const line = await lines!.next();
          if (line.done) {
            throw new Error(`The CLI batch process ended before answering: ${req.args.join(" ")}`);
          }
          const answer = JSON.parse(line.value) as CliRun & { retiring: boolean };
          results[i].push({ code: answer.code, stdout: answer.stdout, stderr: answer.stderr });
          if (answer.retiring) {
            child.stdin!.end();
            child = undefined;
          }
        }
      }
    } finally {
      child?.stdin?.end();
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, sequences.length) }, lane));
  return results;
}
