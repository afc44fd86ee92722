/**
 * Where a `plan` or `check` spends its time and memory, for the benchmarks (bench/scale.bench.ts)
 * and for anyone profiling a slow run: set `SOVEREIGN_DC_TIMINGS` to a file path and every
 * process of the run appends one JSON line to it when it ends — its role, the phases it timed
 * (milliseconds, in order), its CPU time and its peak resident memory. Unset (the normal case),
 * nothing is measured or written.
 */
import * as fs from "node:fs";

export const timingsVariable = "SOVEREIGN_DC_TIMINGS";

/** One process's line in the timings file. */
export interface ProcessTimings {
  readonly role: string;
  readonly pid: number;
  /** Milliseconds per phase, in the order the phases ended; a phase met twice adds up. */
  readonly phases: Record<string, number>;
  /** Milliseconds from the process's start to the report. */
  readonly wallMs: number;
  readonly cpuMs: number;
  /** Peak resident set size, KiB (`process.resourceUsage().maxRSS`). */
  readonly maxRssKiB: number;
}

const target = process.env[timingsVariable];
const phases: Record<string, number> = {};
/** The end of the last phase; the first phase starts with the process. */
let last = 0;
let role: string | undefined;

/** Whether this run measures itself. */
export function timing(): boolean {
  return target !== undefined && target !== "";
}

/**
 * Ends the current phase under `name`: the time since the previous mark (or since the process
 * started) is added to it.
 */
export function mark(name: string): void {
  if (!timing()) {
    return;
  }
  const now = performance.now();
  phases[name] = (phases[name] ?? 0) + (now - last);
  last = now;
}

/** Adds time measured elsewhere (the pack's checks, see policy/framework.ts) to the phases. */
export function addPhases(extra: Readonly<Record<string, number>>): void {
  for (const [name, ms] of Object.entries(extra)) {
    phases[name] = (phases[name] ?? 0) + ms;
  }
}

/** Times `fn` as phase `name`, from its start (whatever ran before is not counted). */
export async function phase<T>(name: string, fn: () => Promise<T>): Promise<T> {
  if (!timing()) {
    return fn();
  }
  last = performance.now();
  try {
    return await fn();
  } finally {
    mark(name);
  }
}

/**
 * Reports this process under `as` when it exits (normally, or on SIGTERM: the CLI stops the
 * pack's process that way).
 */
export function reportOnExit(as: string): void {
  if (!timing() || role !== undefined) {
    return;
  }
  role = as;
  process.once("exit", write);
  // `on`, not `once`: a process is often sent SIGTERM twice (the CLI stops its pack when the
  // session closes and again on its way out), and without a listener the second one would end
  // it at once, before its line is written.
  process.on("SIGTERM", () => process.exit(143));
}

function write(): void {
  const usage = process.resourceUsage();
  const line: ProcessTimings = {
    role: role ?? "process",
    pid: process.pid,
    phases,
    wallMs: performance.now(),
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    maxRssKiB: usage.maxRSS,
  };
  fs.appendFileSync(target!, `${JSON.stringify(line)}\n`);
}
