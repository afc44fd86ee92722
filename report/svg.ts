/**
 * Renders DOT to SVG offline with Graphviz compiled to WebAssembly (@hpcc-js/wasm-graphviz). The
 * package is ESM-only, which jest's module runtime cannot load, so it runs in a child process:
 * DOT goes in on its stdin and SVG comes back on its stdout, one JSON line each way, the same
 * way from the CLI, the scripts and the tests. The process (Node's start and Graphviz's
 * WebAssembly compile) serves every render of its parent that follows within a few seconds, then
 * ends; it never keeps its parent alive.
 *
 * Graphviz runs on V8's baseline WebAssembly compiler alone (`--liftoff-only`). By default V8
 * also recompiles the module's hot functions with its optimising compiler in the background,
 * which costs more than it gives back here: measured on this machine, one render of a 60-node
 * diagram took 0.27 s wall and 0.35 CPU-seconds instead of 0.47 s and 0.72, one of 1,500 nodes
 * 0.9–1.0 s instead of 1.1–1.2, one of 5,000 nodes 53 s instead of 58.
 */
import { type ChildProcess, spawn } from "node:child_process";
import * as readline from "node:readline";

const renderer = `
const { Graphviz } = require(process.argv[1]);
const graphviz = Graphviz.load();
const lines = require("node:readline").createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on("line", (line) => {
  const dot = JSON.parse(line);
  graphviz
    .then((g) => ({ svg: g.dot(dot) }))
    .catch((e) => ({ error: String(e && e.message ? e.message : e) }))
    .then((answer) => process.stdout.write(JSON.stringify(answer) + "\\n"));
});
`;

/** How long an idle renderer waits for the next render before it ends. */
const idleSeconds = 5;

interface Pending {
  readonly resolve: (svg: string) => void;
  readonly reject: (err: Error) => void;
}

class Renderer {
  private readonly child: ChildProcess;
  /** Renders sent and not answered yet, in the order sent (the process answers in order). */
  private readonly pending: Pending[] = [];
  private stderr = "";
  private idle: NodeJS.Timeout | undefined;
  ended = false;

  constructor() {
    const modulePath = require.resolve("@hpcc-js/wasm-graphviz");
    this.child = spawn(process.execPath, ["--liftoff-only", "-e", renderer, modulePath], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    this.child.stderr?.setEncoding("utf8").on("data", (d: string) => (this.stderr += d));
    // Writing to a process that has just ended must not crash the parent.
    this.child.stdin?.on("error", () => undefined);
    this.child.on("error", (e) => this.end(`it could not start: ${e.message}`));
    this.child.on("close", (code) => this.end(`exit ${code}: ${this.stderr.trim()}`));
    readline
      .createInterface({ input: this.child.stdout!, crlfDelay: Infinity })
      .on("line", (line) => this.answer(line));
    this.hold(false);
  }

  render(dot: string): Promise<string> {
    clearTimeout(this.idle);
    this.hold(true);
    return new Promise<string>((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.child.stdin?.write(`${JSON.stringify(dot)}\n`);
    });
  }

  private answer(line: string): void {
    const next = this.pending.shift();
    if (next === undefined) {
      return;
    }
    const { svg, error } = JSON.parse(line) as { svg?: string; error?: string };
    if (svg !== undefined && svg.includes("<svg")) {
      next.resolve(svg);
    } else {
      next.reject(failure(error ?? "no SVG in its answer"));
    }
    if (this.pending.length === 0) {
      this.hold(false);
      this.idle = setTimeout(() => {
        // The next render starts a fresh process rather than write to this ending one.
        this.ended = true;
        this.child.stdin?.end();
      }, idleSeconds * 1000);
      this.idle.unref();
    }
  }

  private end(why: string): void {
    this.ended = true;
    clearTimeout(this.idle);
    for (const p of this.pending.splice(0)) {
      p.reject(failure(why));
    }
  }

  /** A render under way holds the parent open; an idle renderer does not. */
  private hold(on: boolean): void {
    for (const handle of [this.child, this.child.stdin, this.child.stdout, this.child.stderr]) {
      const h = handle as { ref?: () => void; unref?: () => void } | null;
      if (on) {
        h?.ref?.();
      } else {
        h?.unref?.();
      }
    }
  }
}

function failure(why: string): Error {
  return new Error(`Graphviz could not render the data-path diagram (${why.trim()})`);
}

let current: Renderer | undefined;

export function renderSvg(dot: string): Promise<string> {
  if (current === undefined || current.ended) {
    current = new Renderer();
  }
  return current.render(dot);
}
