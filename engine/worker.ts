/**
 * Child-process entry of `evaluateIsolated`: evaluates one program and writes the plan (or the
 * error) as one JSON document to stdout. The Pulumi runtime keeps process-wide state, so each
 * evaluation that must not share it runs in a process of its own.
 */
import { evaluateInProcess, type EvaluateOptions } from "./evaluate";

async function main(): Promise<void> {
  const opts = JSON.parse(process.argv[2]) as EvaluateOptions;
  // The program's own console output must not corrupt the JSON document on stdout.
  const write = process.stdout.write.bind(process.stdout);
  console.log = (...args: unknown[]) => console.error(...args);
  try {
    const plan = await evaluateInProcess(opts);
    write(JSON.stringify({ ok: true, plan }));
  } catch (e) {
    const err = e as Error;
    write(JSON.stringify({ ok: false, name: err.name, message: err.message }));
  }
}

void main().then(() => process.exit(0));
