/**
 * Child-process entry of `evaluateIsolated`: evaluates programs one after another and writes
 * their plans (or errors) as one JSON array to stdout, keeping evaluations out of the caller's
 * process (jest's module sandbox cannot re-run a program, and makes evaluation several times
 * dearer).
 */
import { evaluateInProcess, type EvaluateOptions } from "./evaluate";

async function main(): Promise<void> {
  const batch = JSON.parse(process.argv[2]) as EvaluateOptions[];
  // The program's own console output must not corrupt the JSON document on stdout.
  const write = process.stdout.write.bind(process.stdout);
  console.log = (...args: unknown[]) => console.error(...args);
  const results: unknown[] = [];
  for (const opts of batch) {
    try {
      results.push({ ok: true, plan: await evaluateInProcess(opts) });
    } catch (e) {
      const err = e as Error;
      results.push({ ok: false, name: err.name, message: err.message });
      // A failed program may still have registrations in flight; they would leak into the next
      // evaluation, so the caller runs the rest of the batch in a fresh process.
      break;
    }
  }
  await new Promise<void>((resolve) => write(JSON.stringify(results), () => resolve()));
}

void main().then(() => process.exit(0));
