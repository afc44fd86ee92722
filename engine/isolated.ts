/**
 * Evaluates programs in a child process (see engine/worker.ts), for callers that evaluate
 * several programs or stacks — tests above all, where jest's module sandbox cannot re-run a
 * program and makes the SDK's per-promise stack capture several times dearer.
 */
import type { EvaluateOptions } from "./evaluate";
import { ProgramError } from "./program-error";
import { type Answer, EvaluationWorker } from "./evaluation-worker";
import type { Plan } from "./plan";
import { UsageError } from "./project";

/**
 * Evaluates each program in turn in a child process; resolves to a plan or the error per
 * program (UsageError for config problems, ProgramError for failing programs), in order. After a
 * failure or an ES-module program the rest of the batch continues in a fresh process. Pass `worker` to evaluate in a
 * process that outlives the call (its owner closes it); by default one is started and stopped.
 */
export async function evaluateIsolatedMany(
  batch: readonly EvaluateOptions[],
  worker?: Pick<EvaluationWorker, "request">,
): Promise<(Plan | Error)[]> {
  const own = worker ? undefined : new EvaluationWorker();
  const evaluator = worker ?? own!;
  const results: (Plan | Error)[] = [];
  try {
    while (results.length < batch.length) {
      const answer = await evaluator.request(JSON.stringify(batch.slice(results.length)));
      const { outcomes } = JSON.parse(answer) as Answer<Plan>;
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
  } finally {
    own?.close();
  }
  return results;
}

/** Evaluates one program in a child process; rejects with its UsageError or ProgramError. */
export async function evaluateIsolated(
  opts: EvaluateOptions,
  worker?: Pick<EvaluationWorker, "request">,
): Promise<Plan> {
  const [result] = await evaluateIsolatedMany([opts], worker);
  if (result instanceof Error) {
    throw result;
  }
  return result;
}
