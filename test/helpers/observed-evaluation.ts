/**
 * Evaluates programs in a child process of this test file (observed-evaluation-process.ts) and
 * reports, beside each plan or error, every resource registration the program asked for — the
 * evidence that a refused config registered nothing. It keeps one process for any number of
 * failing programs, where the engine's evaluation process restarts after each (a second apiece).
 */
import { type ChildProcess, spawn } from "node:child_process";
import * as path from "node:path";
import type { EvaluateOptions } from "../../engine/evaluate";
import type { Plan } from "../../engine/plan";
import { preloads } from "../../engine/spawn-pack";

/** One registration request as the monitor received it. */
export interface Registration {
  readonly type: string;
  readonly name: string;
  readonly custom: boolean;
}

/** What one evaluation did: its plan or its error, and what it registered. */
export interface Observed {
  readonly plan?: Plan;
  /** The error evaluateInProcess threw (UsageError, ProgramError, …): name and message. */
  readonly error?: { readonly name: string; readonly message: string };
  /** Every registration request of this evaluation, the root stack included, in order. */
  readonly registrations: readonly Registration[];
  /** Requests that reached the monitor of an earlier evaluation while this one was settling. */
  readonly lateRegistrations: readonly Registration[];
  /** Rejections that surfaced after evaluateInProcess returned, with no handler left. */
  readonly strayRejections: readonly string[];
}

export class ObservedEvaluator {
  private readonly child: ChildProcess;
  private stdout = "";
  private stderr = "";
  private pending: { resolve: (line: string) => void; reject: (e: Error) => void }[] = [];

  constructor() {
    this.child = spawn(
      process.execPath,
      [...preloads(), path.join(__dirname, "observed-evaluation-process.ts")],
      { stdio: ["pipe", "pipe", "pipe"] },
    );
    this.child.stdout?.setEncoding("utf8");
    this.child.stdout?.on("data", (chunk: string) => {
      this.stdout += chunk;
      let end = this.stdout.indexOf("\n");
      while (end >= 0) {
        const line = this.stdout.slice(0, end);
        this.stdout = this.stdout.slice(end + 1);
        this.pending.shift()?.resolve(line);
        end = this.stdout.indexOf("\n");
      }
    });
    this.child.stderr?.setEncoding("utf8");
    this.child.stderr?.on("data", (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-20_000);
    });
    this.child.on("exit", (code, signal) => {
      const why = new Error(
        `The observed evaluation process exited (${signal ?? `code ${code}`}):\n${this.stderr}`,
      );
      for (const p of this.pending.splice(0)) {
        p.reject(why);
      }
    });
  }

  /** Evaluates each program in turn; resolves to what each one did, in order. */
  async evaluate(batch: readonly EvaluateOptions[]): Promise<Observed[]> {
    const line = new Promise<string>((resolve, reject) => {
      this.pending.push({ resolve, reject });
    });
    this.child.stdin?.write(`${JSON.stringify(batch)}\n`);
    return JSON.parse(await line) as Observed[];
  }

  close(): void {
    this.child.stdin?.end();
    this.child.kill();
  }
}
