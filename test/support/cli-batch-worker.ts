/**
 * Runs the CLI's `main` for one command after another in a single process, for test files that
 * run many `check`s (test/helpers/cli.ts `cliMany`): each command is what `bin/sovereign-dc.js`
 * runs — the same `main`, the same policy pack, the same output — without paying a Node start,
 * the SDK's load and a pack's start per command. The launcher's own guarantees (exit 2 on a
 * crash or a drained loop) are tested on the real binary.
 *
 * One JSON line in (`{ argv, cwd, env }`), one JSON line out (`{ code, stdout, stderr, retiring }`).
 * After a command whose program failed while its work could still run (`lastEvaluationLeftWork`
 * in engine/evaluate.ts), or that imported an ES module, the process retires: registrations may
 * still be in flight, and Node keeps ES modules for the life of a process. A command refused
 * before any program ran (its arguments, its stack's config, a missing file), one whose program
 * left nothing to run (it stopped on a drained loop, or failed and its work drained: this
 * process evaluates programs in turn, `evaluateProgramsInTurn`), and one that exits 2 on a
 * verdict it cannot reach leave nothing behind, and the process serves the next one.
 */
import Module from "node:module";
import type { Socket } from "node:net";
import * as path from "node:path";
import * as readline from "node:readline";
import { main } from "../../cli/main";
import { evaluateProgramsInTurn, lastEvaluationLeftWork } from "../../engine/evaluate";
import { importedEsModule } from "../../engine/load-program";
import { type SharedPack, spawnPack } from "../../engine/spawn-pack";
import { lanePackPortVariable } from "./cli-lane";

interface Request {
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
}

/**
 * The lane's pack (cli-lane.ts), which outlives this process; without a lane, a pack of its own.
 * Shared either way: each command configures it before analysing and leaves it running.
 */
const lanePort = process.env[lanePackPortVariable];
delete process.env[lanePackPortVariable];
const own = lanePort ? undefined : spawnPack(path.resolve(__dirname, "..", "..", "policy"));
const pack: SharedPack = {
  port: own?.port ?? Promise.resolve(Number(lanePort)),
  stderr: () => own?.stderr() ?? "",
  shared: true,
};
const write = process.stdout.write.bind(process.stdout);
evaluateProgramsInTurn();
// The programs' own console output must not corrupt the answers on stdout.
console.log = (...args: unknown[]) => console.error(...args);

/** Stdin must not keep the process alive while a command runs: a stall is seen by the loop draining. */
function holdStdin(on: boolean): void {
  const stdin = process.stdin as Partial<Pick<Socket, "ref" | "unref">>;
  if (on) {
    stdin.ref?.();
  } else {
    stdin.unref?.();
  }
}

const root = path.resolve(__dirname, "..", "..");
/** This tool's own code, which a command loads without running a program. */
const toolDirs = ["cli", "engine", "policy", "residency", "report", "test/support"].map(
  (d) => path.join(root, d) + path.sep,
);
const nodeModules = `${path.sep}node_modules${path.sep}`;

/**
 * Whether the command under way compiled a module outside this tool and its dependencies: a
 * program's (the engine drops a project's modules before it runs the program again), even one
 * that threw as it ran. ES-module programs are told by `importedEsModule`.
 */
let compiledProgram = false;
const moduleProto = Module.prototype as unknown as {
  _compile: (this: unknown, content: string, filename: string) => unknown;
};
const compile = moduleProto._compile;
moduleProto._compile = function (content, filename) {
  if (!filename.includes(nodeModules) && !toolDirs.some((d) => filename.startsWith(d))) {
    compiledProgram = true;
  }
  return compile.call(this, content, filename);
};

async function run(
  req: Request,
): Promise<{ code: number; stdout: string; stderr: string; ranProgram: boolean }> {
  let stdout = "";
  let stderr = "";
  const savedEnv = { ...process.env };
  const savedCwd = process.cwd();
  compiledProgram = false;
  Object.assign(process.env, req.env);
  process.chdir(req.cwd);
  try {
    const code = await main(
      ["node", "sovereign-dc", ...req.argv],
      { out: (t) => void (stdout += t), err: (t) => void (stderr += t) },
      pack,
    );
    return { code, stdout, stderr, ranProgram: compiledProgram };
  } finally {
    process.chdir(savedCwd);
    for (const key of Object.keys(process.env)) {
      if (!(key in savedEnv)) {
        delete process.env[key];
      }
    }
    Object.assign(process.env, savedEnv);
  }
}

async function serve(): Promise<void> {
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === "") {
      continue;
    }
    lines.pause();
    holdStdin(false);
    const { ranProgram, ...result } = await run(JSON.parse(line) as Request);
    holdStdin(true);
    lines.resume();
    const retiring =
      (result.code === 2 && ranProgram && lastEvaluationLeftWork()) || importedEsModule();
    await new Promise<void>((resolve) =>
      write(`${JSON.stringify({ ...result, retiring })}\n`, () => resolve()),
    );
    if (retiring) {
      return;
    }
  }
}

void serve().then(() => {
  own?.child.kill();
  process.exit(0);
});
