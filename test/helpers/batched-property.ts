/**
 * Property tests whose runs are evaluated together. A run costs an evaluation in a child
 * process and a pass of the policy pack; one at a time, as fast-check runs a property, 200 runs
 * would take minutes. So every run's value is generated first — run i is the first value of its
 * arbitrary under seed + i, which is what fast-check itself generates with that seed — the
 * values are evaluated in batches, and each is checked. A failing run is then replayed through
 * fast-check with its own seed, one evaluation per step, to shrink it.
 *
 * The seed comes from the environment when set (`SEALED_SEED=123`, or `random`), and every
 * failure names it with the command that replays it.
 */
import fc from "fast-check";

export interface BatchedProperty<T, R> {
  /** Completes "Property … failed". */
  readonly name: string;
  readonly seed: number;
  readonly runs: number;
  /** The arbitrary of run `run` (runs may draw from different arbitraries). */
  arbitraryOf(run: number): fc.Arbitrary<T>;
  /** Evaluates values together: one result per value, in order. */
  evaluate(values: readonly T[]): Promise<R[]>;
  /** Why the property does not hold for the value and its result; undefined when it holds. */
  failure(value: T, result: R): string | undefined;
  /** A short label of a value ("aws us-east-1 (US)"). */
  label(value: T): string;
  /** How long shrinking the first failure may take. Defaults to 60 s. */
  readonly shrinkMillis?: number;
}

/** The seed of the properties: `SEALED_SEED` (a number, or `random`), else `fallback`. */
export function seedFromEnv(fallback: number, variable = "SEALED_SEED"): number {
  const raw = process.env[variable];
  if (raw === undefined || raw === "") {
    return fallback;
  }
  if (raw === "random") {
    return (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
  }
  const seed = Number(raw);
  if (!Number.isInteger(seed)) {
    throw new Error(
      `${variable}: received ${JSON.stringify(raw)}; expected an integer or "random".`,
    );
  }
  return seed | 0;
}

/** The number of runs: `SEALED_RUNS` when set, else `fallback`. */
export function runsFromEnv(fallback: number, variable = "SEALED_RUNS"): number {
  const raw = process.env[variable];
  const runs = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(`${variable}: received ${JSON.stringify(raw)}; expected a positive integer.`);
  }
  return runs;
}

/** The value of each run, in run order. */
export function valuesOf<T, R>(p: BatchedProperty<T, R>): T[] {
  return Array.from(
    { length: p.runs },
    (_, run) => fc.sample(p.arbitraryOf(run), { seed: p.seed + run, numRuns: 1 })[0],
  );
}

/** The command that replays the property with the same values. */
export function replayCommand(seed: number, file: string): string {
  return `SEALED_SEED=${seed} npx jest ${file}`;
}

/**
 * Checks the property over `values` (from valuesOf) and their results; throws an error that
 * names the seed, each failing run and value, and the first failure shrunk.
 */
export async function assertBatched<T, R>(
  p: BatchedProperty<T, R>,
  values: readonly T[],
  results: readonly R[],
  file: string,
): Promise<void> {
  const failures: { run: number; why: string }[] = [];
  values.forEach((value, run) => {
    const why = p.failure(value, results[run]);
    if (why !== undefined) {
      failures.push({ run, why });
    }
  });
  if (failures.length === 0) {
    return;
  }
  const [first] = failures;
  const shrunk = await shrink(p, first.run);
  const lines = [
    `Property "${p.name}" failed for ${failures.length} of ${values.length} runs ` +
      `(seed ${p.seed}; replay: ${replayCommand(p.seed, file)}).`,
    "",
    `Run ${first.run} (${p.label(values[first.run])}):`,
    indent(first.why),
    `  config: ${JSON.stringify(values[first.run])}`,
    "",
    shrunk,
  ];
  if (failures.length > 1) {
    lines.push("", "Other failing runs:");
    for (const f of failures.slice(1, 20)) {
      const why = f.why.split("\n").slice(0, 2).join(" ");
      lines.push(`  run ${f.run} (${p.label(values[f.run])}): ${why}`);
    }
  }
  throw new Error(lines.join("\n"));
}

/** Replays run `run` through fast-check, which shrinks it; describes the smallest failure. */
async function shrink<T, R>(p: BatchedProperty<T, R>, run: number): Promise<string> {
  const result = await fc.check(
    fc.asyncProperty(p.arbitraryOf(run), async (value) => {
      const [r] = await p.evaluate([value]);
      const why = p.failure(value, r);
      if (why !== undefined) {
        throw new Error(why);
      }
    }),
    { seed: p.seed + run, numRuns: 1, interruptAfterTimeLimit: p.shrinkMillis ?? 60_000 },
  );
  if (!result.failed || result.counterexample === null) {
    return `Replayed alone, run ${run} passed: the failure depends on what ran before it.`;
  }
  const [value] = result.counterexample;
  const why = result.errorInstance instanceof Error ? result.errorInstance.message : "";
  return [
    `Shrunk in ${result.numShrinks} step(s)${result.interrupted ? " (stopped at the time limit)" : ""} to (${p.label(value)}):`,
    indent(why),
    `  config: ${JSON.stringify(value)}`,
  ].join("\n");
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((l) => `  ${l}`)
    .join("\n");
}
