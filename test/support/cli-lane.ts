/**
 * One lane of CLI commands for the tests (test/helpers/cli.ts `cliMany`): a long-lived process
 * that runs the CLI's `main` for one command after another (cli-batch-worker.ts), and the policy
 * pack that process judges with. The pack belongs to the lane, not to the process: when the
 * process retires (after a program it ran ended in exit 2, or an ES-module program; see
 * cli-batch-worker.ts) the next one attaches to the same pack, which keeps serving for the
 * lane's life. Starting a pack costs about 0.6 CPU-seconds, a batch process about 0.8; the suite
 * used to start some thirty of each.
 *
 * Commands sent to a lane run one at a time, in the order sent. An idle lane does not keep its
 * parent alive: the jest worker that owns it (test/support/environment.ts) exits as if it had
 * none, and its processes end with it (the pack when its IPC channel closes, the batch process
 * when its stdin does).
 */
import { type ChildProcess, spawn } from "node:child_process";
import * as path from "node:path";
import * as readline from "node:readline";
import { preloads, type SpawnedPack, spawnPack } from "../../engine/spawn-pack";
import { outsideFiles } from "./outside-files";

export interface CliRequest {
  readonly args: readonly string[];
  readonly cwd?: string;
  readonly env?: Record<string, string>;
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const root = path.resolve(__dirname, "..", "..");
const batchWorker = path.join(__dirname, "cli-batch-worker.ts");
const packDir = path.join(root, "policy");

/**
 * What the Pulumi CLI and the providers would read from the machine, set for every command so
 * that the caller's own backend, login and provider settings never decide a verdict (`plan` and
 * `check` read PULUMI_BACKEND_URL; `preflight` all of them). PULUMI_HOME names a folder that
 * does not exist: no login and no plugins, and none is run from the PATH either (a multi-language
 * component's plugin, engine/plugins.ts). A request's own `env` overrides these.
 */
const hermeticEnv: Readonly<Record<string, string>> = {
  PULUMI_BACKEND_URL: "",
  PULUMI_HOME: path.join(root, "test", "fixtures", "no-pulumi-home"),
  PULUMI_IGNORE_AMBIENT_PLUGINS: "true",
  PULUMI_CREDENTIALS_PATH: "",
  AWS_REGION: "",
  AWS_DEFAULT_REGION: "",
  AWS_PROFILE: "",
  ALICLOUD_REGION: "",
  ALICLOUD_PROFILE: "",
};

/** The environment variable through which a batch process learns its lane's pack port. */
export const lanePackPortVariable = "SOVEREIGN_DC_TEST_PACK_PORT";

export class CliLane {
  private pack: SpawnedPack | undefined;
  private child: ChildProcess | undefined;
  private lines: AsyncIterator<string> | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  /**
   * Runs one command after those already sent to this lane. Queued, started and spoken to outside
   * the calling test file's async context: the lane's processes and its queue outlive the file,
   * and would otherwise keep it alive (outside-files.ts).
   */
  run(req: CliRequest): Promise<CliRun> {
    return outsideFiles(() => {
      const result = this.queue.then(() => this.send(req));
      this.queue = result.catch(() => undefined);
      return result;
    });
  }

  /** Stops the lane's processes. */
  close(): void {
    this.child?.stdin?.end();
    this.child = undefined;
    this.pack?.child.kill();
    this.pack = undefined;
  }

  private async send(req: CliRequest): Promise<CliRun> {
    const child = this.child ?? (await this.start());
    setRef(child, true);
    try {
      child.stdin!.write(
        `${JSON.stringify({
          argv: req.args,
          cwd: req.cwd ?? root,
          env: { ...hermeticEnv, ...(req.env ?? {}) },
        })}\n`,
      );
      const line = await this.lines!.next();
      if (line.done) {
        this.child = undefined;
        throw new Error(`The CLI batch process ended before answering: ${req.args.join(" ")}`);
      }
      const answer = JSON.parse(line.value as string) as CliRun & { retiring: boolean };
      if (answer.retiring) {
        child.stdin!.end();
        this.child = undefined;
      }
      return { code: answer.code, stdout: answer.stdout, stderr: answer.stderr };
    } finally {
      setRef(child, false);
    }
  }

  private async start(): Promise<ChildProcess> {
    const pack = this.livePack();
    const port = await pack.port;
    const child = spawn(process.execPath, [...preloads(), batchWorker], {
      cwd: root,
      env: { ...process.env, [lanePackPortVariable]: String(port) },
      stdio: ["pipe", "pipe", "inherit"],
    });
    // Writing to a process that has just retired must not crash the parent.
    child.stdin?.on("error", () => undefined);
    this.child = child;
    this.lines = readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    return child;
  }

  private livePack(): SpawnedPack {
    const p = this.pack;
    if (p === undefined || p.child.exitCode !== null || p.child.signalCode !== null) {
      this.pack = spawnPack(packDir);
    }
    return this.pack!;
  }
}

/** An idle lane must not keep its parent alive; a busy one must. */
function setRef(child: ChildProcess, on: boolean): void {
  for (const handle of [child, child.stdin, child.stdout]) {
    const h = handle as { ref?: () => void; unref?: () => void } | null;
    if (on) {
      h?.ref?.();
    } else {
      h?.unref?.();
    }
  }
}
