/**
 * Entry of the evaluation process (engine/evaluation-worker.ts): reads batches of
 * EvaluateOptions from stdin, one JSON line each, evaluates their programs one after another and
 * answers each batch with one JSON line of outcomes, retiring after a program that failed while
 * its work could still run, or an ES-module one (see evaluation-worker.ts). Keeps evaluations out of the caller's
 * process (jest's module sandbox cannot re-run a program, and makes evaluation several times
 * dearer).
 */
import type { Socket } from "node:net";
import * as readline from "node:readline";
import {
  evaluateInProcess,
  type EvaluateOptions,
  evaluateProgramsInTurn,
  lastEvaluationLeftWork,
} from "./evaluate";
import type { Answer, Outcome } from "./evaluation-worker";
import { importedEsModule } from "./load-program";

// A rejection Node reports after an evaluation has answered belongs to a program that already
// failed (and this process retires after it): it is noted, and must not end the process while it
// answers.
process.on("unhandledRejection", (reason) => {
  console.error(`A rejection after the evaluation answered: ${String(reason).split("\n")[0]}`);
});

async function main(): Promise<void> {
  evaluateProgramsInTurn();
  // The program's own console output must not corrupt the answers on stdout.
  const write = process.stdout.write.bind(process.stdout);
  console.log = (...args: unknown[]) => console.error(...args);
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === "") {
      continue;
    }
    const batch = JSON.parse(line) as EvaluateOptions[];
    // Stdin must not keep the process alive while a program evaluates: the engine tells a
    // program that stalled by the event loop running out of work.
    lines.pause();
    unrefStdin(true);
    const results: Outcome[] = [];
    let retiring = false;
    for (const opts of batch) {
      try {
        results.push({ ok: true, plan: await evaluateInProcess(opts) });
      } catch (e) {
        const err = e as Error;
        results.push({ ok: false, name: err.name, message: err.message });
        // A program that failed while its work could still run would run on into the next
        // evaluation; one refused before it ran, or stopped with nothing left to run, leaves
        // nothing behind.
        retiring = lastEvaluationLeftWork();
      }
      // Node keeps an imported ES module for the life of the process: imported again, the
      // program (or a module it shares with the next) would not run again.
      retiring ||= importedEsModule();
      if (retiring) {
        break;
      }
    }
    unrefStdin(false);
    lines.resume();
    const answer: Answer = { retiring, outcomes: results };
    await new Promise<void>((resolve) => write(`${JSON.stringify(answer)}\n`, () => resolve()));
    if (retiring) {
      // The rest of the batch and later batches go to a fresh process.
      return;
    }
  }
}

function unrefStdin(on: boolean): void {
  // A pipe or a terminal (net.Socket) can be unref'd; a file on stdin holds nothing open.
  const stdin = process.stdin as Partial<Pick<Socket, "ref" | "unref">>;
  if (on) {
    stdin.unref?.();
  } else {
    stdin.ref?.();
  }
}

void main().then(() => process.exit(0));
