/**
 * Evaluates programs in a child process (see engine/worker.ts), for callers that evaluate
 * several programs or stacks — tests above all, where jest's module sandbox cannot re-run a
 * program and makes the SDK's per-promise stack capture several times dearer.
 */
import { execFile } from "node:child_process";
import * as path from "node:path";
import { type EvaluateOptions, ProgramError } from "./evaluate";
import type { Plan } from "./plan";
import { UsageError } from "./project";
import { preloads } from "./spawn-pack";

type Outcome = { ok: true; plan: Plan } | { ok: false; name: string; message: string };

/**
 * Evaluates each program in turn in one child process; resolves to a plan or the error per
 * program (UsageError for config problems, ProgramError for failing programs), in order. After a
 * failure the rest of the batch continues in a fresh process.
 */
export async function evaluateIsolatedMany(
  batch: readonly EvaluateOptions[],
): Promise<(Plan | Error)[]> {
  if (batch.some((o) => o.invoke)) {
    throw new Error("evaluateIsolated cannot carry an invoke handler into the child process.");
  }
  const results: (Plan | Error)[] = [];
  while (results.length < batch.length) {
    const outcomes = await runWorker(batch.slice(results.length));
    if (outcomes.length === 0) {
      throw new Error("The evaluation worker returned no result.");
    }
    results.push(
      ...outcomes.map((o) => {
        if (o.ok) {
          return o.plan;
        }
        return o.name === "UsageError" ? new UsageError(o.message) : new ProgramError(o.message);
      }),
    );
  }
  return results;
}

function runWorker(batch: readonly EvaluateOptions[]): Promise<Outcome[]> {
  const worker = path.join(__dirname, "worker.ts");
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...preloads(), worker, JSON.stringify(batch)],
      { maxBuffer: 1 << 30 },
      (err, stdout, stderr) => {
        try {
          resolve(JSON.parse(stdout) as Outcome[]);
        } catch {
          reject(new Error(`Evaluation failed: ${err?.message ?? ""}\n${stderr}`));
        }
      },
    );
  });
}

/** Evaluates one program in a child process; rejects with its UsageError or ProgramError. */
export async function evaluateIsolated(opts: EvaluateOptions): Promise<Plan> {
  const [result] = await evaluateIsolatedMany([opts]);
  if (result instanceof Error) {
    throw result;
  }
  return result;
}
