/**
 * A child process that evaluates programs for its parent, batch after batch (engine/worker.ts
 * is its entry). The protocol is one JSON line each way: a batch of EvaluateOptions in,
 * `{"retiring":…,"outcomes":[…]}` out, an outcome per program in order. A process whose program
 * failed while its work could still run may still have registrations in flight
 * (`lastEvaluationLeftWork` in evaluate.ts), and one that imported an ES-module program cannot
 * run it again (Node keeps ES modules for the life of the process), so either answers with
 * `retiring: true` after that program and exits; the next request, with the rest of the batch,
 * starts a fresh one.
 *
 * Kept free of the SDK and of the engine's classes: the protocol is text, so a process that
 * owns the worker and the code that reads its answers need not share a module registry (the
 * test environment keeps one worker per jest worker, see test/support/environment.ts).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { engineModule, preloads } from "./spawn-pack";

/** What the evaluation process answers for one program of a batch. */
export type Outcome<P = unknown> =
  | { ok: true; plan: P }
  | { ok: false; name: string; message: string };

/** One answer line: `retiring` first, so the parent reads it without parsing the plans. */
export interface Answer<P = unknown> {
  readonly retiring: boolean;
  readonly outcomes: readonly Outcome<P>[];
}

interface Pending {
  /** The process the request went to. */
  readonly child: ChildProcess;
  readonly resolve: (line: string) => void;
  readonly reject: (err: Error) => void;
}

export class EvaluationWorker {
  private child: ChildProcess | undefined;
  /** What arrived of the answer being read, in chunks. */
  private stdout: string[] = [];
  private stderr = "";
  private pending: Pending | undefined;
  /** Requests run one at a time, in the order they were made. */
  private queue: Promise<unknown> = Promise.resolve();

  /** Sends one batch (a JSON array of EvaluateOptions) and resolves to the answer line. */
  request(batch: string): Promise<string> {
    const answer = this.queue.then(() => this.send(batch));
    this.queue = answer.catch(() => undefined);
    return answer;
  }

  /** Stops the process, if one is running. */
  close(): void {
    this.child?.stdin?.end();
    this.child?.kill();
    this.child = undefined;
  }

  private send(batch: string): Promise<string> {
    const child = this.child ?? this.start();
    this.stderr = "";
    return new Promise<string>((resolve, reject) => {
      this.pending = { child, resolve, reject };
      // Hold the caller's process open while a batch is out, and only then.
      setRef(child, true);
      child.stdin?.write(`${batch.replace(/\n/g, " ")}\n`);
    });
  }

  private start(): ChildProcess {
    const child = spawn(process.execPath, [...preloads(), engineModule("worker")], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    this.child = child;
    this.stdout = [];
    child.stdout?.setEncoding("utf8");
    child.stdout?.on("data", (chunk: string) => {
      // A plan's answer is one line of several megabytes arriving in 64 KiB chunks: only the
      // new chunk is searched for its end, and the parts are joined once.
      let end = chunk.indexOf("\n");
      if (end < 0) {
        this.stdout.push(chunk);
        return;
      }
      let line = [...this.stdout, chunk.slice(0, end)].join("");
      let rest = chunk.slice(end + 1);
      for (;;) {
        if (line.startsWith('{"retiring":true')) {
          this.retire(child);
        }
        const answer = line;
        this.settle(child, (p) => p.resolve(answer));
        end = rest.indexOf("\n");
        if (end < 0) {
          break;
        }
        line = rest.slice(0, end);
        rest = rest.slice(end + 1);
      }
      this.stdout = rest === "" ? [] : [rest];
    });
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
      this.stderr += chunk;
    });
    const gone = (why: string) => {
      this.retire(child);
      this.settle(child, (p) => p.reject(new Error(`Evaluation failed: ${why}\n${this.stderr}`)));
    };
    // "close", not "exit": an answer written just before exiting is read by then.
    child.once("close", (code, signal) =>
      gone(`the evaluation process exited (${signal ?? `code ${code}`})`),
    );
    child.once("error", (err) => gone(err.message));
    // Writing to a process that has just exited must not crash the parent.
    child.stdin?.on("error", () => undefined);
    setRef(child, false);
    return child;
  }

  /** Sends no more requests to `child`; the next one starts a fresh process. */
  private retire(child: ChildProcess): void {
    if (this.child === child) {
      this.child = undefined;
      setRef(child, false);
    }
  }

  /** Answers the request that went to `child`, if one is out. */
  private settle(child: ChildProcess, fn: (p: Pending) => void): void {
    const p = this.pending;
    if (p?.child !== child) {
      return;
    }
    this.pending = undefined;
    setRef(child, false);
    fn(p);
  }
}

/** An idle worker must not keep its parent alive; a busy one must. */
function setRef(child: ChildProcess, on: boolean): void {
  for (const handle of [child, child.stdin, child.stdout, child.stderr]) {
    const h = handle as { ref?: () => void; unref?: () => void } | null;
    if (on) {
      h?.ref?.();
    } else {
      h?.unref?.();
    }
  }
}
