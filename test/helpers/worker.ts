/**
 * The policy pack and evaluation process of this jest worker (test/support/environment.ts),
 * shared with the other test files it runs. Outside that environment each call starts its own.
 */
import { PolicyPackSession } from "../../engine/analyzer";
import { defaultPackDir } from "../../engine/check";
import type { EvaluateOptions } from "../../engine/evaluate";
import { evaluateIsolated, evaluateIsolatedMany } from "../../engine/isolated";
import type { Plan } from "../../engine/plan";
import type { WorkerServices } from "../support/environment";

function services(): WorkerServices | undefined {
  return (globalThis as { sovereignDcWorker?: WorkerServices }).sovereignDcWorker;
}

/** The worker's evaluation process, for engine calls that take one; undefined outside it. */
export function sharedEvaluator(): WorkerServices["evaluator"] | undefined {
  return services()?.evaluator;
}

/** evaluateIsolatedMany in the worker's evaluation process. */
export function evaluateMany(batch: readonly EvaluateOptions[]): Promise<(Plan | Error)[]> {
  return evaluateIsolatedMany(batch, sharedEvaluator());
}

/** evaluateIsolated in the worker's evaluation process. */
export function evaluate(opts: EvaluateOptions): Promise<Plan> {
  return evaluateIsolated(opts, sharedEvaluator());
}

/**
 * A session with the worker's policy pack. The pack is shared: configure it before analysing.
 * Closing the session leaves the shared pack running.
 */
export function packSession(): Promise<PolicyPackSession> {
  const shared = services();
  return shared ? PolicyPackSession.attach(shared.pack()) : PolicyPackSession.start(defaultPackDir);
}
