/**
 * Entry of the observing evaluation process (test/helpers/observed-evaluation.ts): evaluates
 * programs with the engine's own evaluateInProcess, as `sovereign-dc plan` does, and reports
 * beside each outcome every registration request the evaluation's monitor received, and any
 * rejection that surfaced with nothing left to handle it.
 *
 * Unlike the engine's evaluation process it keeps going after a failed program: the programs it
 * serves are expected to fail (refused configs), and restarting per failure would cost a second
 * each. What a failed program left in flight is waited for and, should it reach the monitor
 * anyway, attributed to the evaluation it belongs to by monitor, never to the next one.
 */
import * as readline from "node:readline";
import { evaluateInProcess, type EvaluateOptions } from "../../engine/evaluate";
import { waitForRPCs } from "../../engine/internals";
import { RecordingMonitor } from "../../engine/monitor";
import type { Observed, Registration } from "./observed-evaluation";

/** Registration requests per monitor (one monitor per evaluation), in arrival order. */
const requests = new Map<object, Registration[]>();
/** Monitors of evaluations already reported; a request that reaches one is late. */
const reported = new WeakSet<object>();
let late: Registration[] = [];

type RegisterResource = RecordingMonitor["registerResource"];
const register: RegisterResource = RecordingMonitor.prototype.registerResource;
RecordingMonitor.prototype.registerResource = function (this: RecordingMonitor, req, callback) {
  const registration = { type: req.getType(), name: req.getName(), custom: req.getCustom() };
  if (reported.has(this)) {
    late.push(registration);
  } else {
    requests.set(this, [...(requests.get(this) ?? []), registration]);
  }
  return register.call(this, req, callback);
};

/**
 * Rejections with no handler. During an evaluation the engine collects them itself; one that
 * surfaces after it returned would otherwise end this process (Node's default).
 */
let strays: string[] = [];
process.on("unhandledRejection", (reason) => {
  strays.push(reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason));
});

async function observe(opts: EvaluateOptions): Promise<Observed> {
  const before = new Set(requests.keys());
  let outcome: Pick<Observed, "plan" | "error">;
  try {
    outcome = { plan: await evaluateInProcess(opts) };
  } catch (e) {
    const err = e as Error;
    outcome = { error: { name: err.name, message: err.message } };
  }
  strays = [];
  late = [];
  // Whatever the program left in flight settles before the next evaluation starts.
  await waitForRPCs();
  for (let turn = 0; turn < 3; turn++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const own = [...requests.keys()].filter((m) => !before.has(m));
  const registrations = own.flatMap((m) => requests.get(m) ?? []);
  for (const m of own) {
    requests.delete(m);
    reported.add(m);
  }
  return { ...outcome, registrations, lateRegistrations: late, strayRejections: strays };
}

async function main(): Promise<void> {
  const write = process.stdout.write.bind(process.stdout);
  console.log = (...args: unknown[]) => console.error(...args);
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === "") {
      continue;
    }
    const batch = JSON.parse(line) as EvaluateOptions[];
    const results: Observed[] = [];
    for (const opts of batch) {
      results.push(await observe(opts));
    }
    await new Promise<void>((resolve) => write(`${JSON.stringify(results)}\n`, () => resolve()));
  }
}

void main().then(() => process.exit(0));
