/**
 * Evaluates a program in a child process (see engine/worker.ts), for callers that evaluate
 * several programs or stacks in one process — tests above all, where jest's module sandbox
 * would also make the SDK's per-promise stack capture several times dearer.
 */
import { execFile } from "node:child_process";
import * as path from "node:path";
import { type EvaluateOptions, ProgramError } from "./evaluate";
import type { Plan } from "./plan";
import { UsageError } from "./project";

export function evaluateIsolated(opts: EvaluateOptions): Promise<Plan> {
  if (opts.invoke) {
    throw new Error("evaluateIsolated cannot carry an invoke handler into the child process.");
  }
  const worker = path.join(__dirname, "worker.ts");
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--require", require.resolve("tsx/cjs"), worker, JSON.stringify(opts)],
      { maxBuffer: 1 << 30, cwd: opts.projectDir },
      (err, stdout, stderr) => {
        let doc: { ok: boolean; plan?: Plan; name?: string; message?: string };
        try {
          doc = JSON.parse(stdout);
        } catch {
          reject(new Error(`Evaluation failed: ${err?.message ?? ""}\n${stderr}`));
          return;
        }
        if (doc.ok && doc.plan) {
          resolve(doc.plan);
        } else if (doc.name === "UsageError") {
          reject(new UsageError(doc.message ?? ""));
        } else {
          reject(new ProgramError(doc.message ?? "unknown error"));
        }
      },
    );
  });
}
