/**
 * The suite's jest environment: Node's, plus one policy pack process and one evaluation process
 * per jest worker, shared by the test files that worker runs one after another. Each is started
 * when a test first asks for it. Starting a pack or an evaluation process costs about two
 * CPU-seconds (Node, the TypeScript hook and the Pulumi SDK loading); most test files need both.
 *
 * Jest loads this module once per worker process, outside the test files' module sandboxes,
 * so its state outlives each file. Tests reach it through test/helpers/worker.ts. The
 * processes end with the worker: the pack when its IPC channel closes (engine/pack-preload.ts),
 * the evaluation process when its stdin does.
 */
import type { EnvironmentContext, JestEnvironmentConfig } from "@jest/environment";
import { TestEnvironment } from "jest-environment-node";
import { AsyncLocalStorage } from "node:async_hooks";
import * as path from "node:path";
import { EvaluationWorker } from "../../engine/evaluation-worker";
import { type SpawnedPack, spawnPack } from "../../engine/spawn-pack";
import { CliLane } from "./cli-lane";
import { installCompileCache } from "./compile-cache";
import { measureFile } from "./file-cpu";
import { profileFile } from "./file-profile";
import { outsideFiles as outside } from "./outside-files";
// The TypeScript hook the engine installs for the programs it evaluates in a test's own process
// is process-wide, installed once: installed here, in the worker's own realm, rather than by the
// first test file that needs it, whose realm its loader function would otherwise keep alive for
// the rest of the run.
import "../../engine/register-ts.js";

installCompileCache();

// Tests never run the machine's own Pulumi plugins (engine/plugins.ts): a multi-language
// component is constructed only by a plugin a test installs for it, in a PULUMI_HOME of its own.
process.env.PULUMI_HOME = path.resolve(__dirname, "..", "fixtures", "no-pulumi-home");
process.env.PULUMI_IGNORE_AMBIENT_PLUGINS = "true";

/**
 * A jest worker ends when jest stops sending it work and its event loop drains; jest waits half a
 * second and then kills it, printing "A worker process has failed to exit gracefully". After a
 * whole run a worker holds hundreds of megabytes of heap, and Node's own teardown of it on a
 * natural exit (after the `exit` event) took longer than that here, in every run, with nothing
 * left running. So a worker exits at once when its loop drains, as `process.exit` does: the
 * `exit` listeners run, the heap is not taken apart. Only in a worker (a forked process, with an
 * IPC channel to jest): jest running the files in its own process (`-i`) ends as it would without
 * this environment.
 */
if (typeof process.send === "function") {
  process.once("beforeExit", () => process.exit());
}

/** What a test file can use of its worker's shared processes. */
export interface WorkerServices {
  /** The residency pack, started on first use. Configure it before analysing: it is shared. */
  pack(): SpawnedPack;
  /** The evaluation process, for the engine's evaluateIsolated(Many). */
  readonly evaluator: Pick<EvaluationWorker, "request">;
  /** The first `width` lanes of CLI commands (cli-lane.ts), each with a pack of its own. */
  cliLanes(width: number): readonly CliLane[];
}

const packDir = path.resolve(__dirname, "..", "..", "policy");
let pack: SpawnedPack | undefined;
const lanes: CliLane[] = [];
const evaluator = new EvaluationWorker();

const services: WorkerServices = {
  pack() {
    if (pack === undefined || pack.child.exitCode !== null || pack.child.signalCode !== null) {
      pack = outside(() => spawnPack(packDir));
    }
    return pack;
  },
  evaluator: { request: (batch) => outside(() => evaluator.request(batch)) },
  cliLanes(width) {
    while (lanes.length < width) {
      lanes.push(new CliLane());
    }
    return lanes.slice(0, width);
  },
};

/**
 * The async local storages entered while a test file ran. The Pulumi SDK makes one per copy of
 * its runtime, and each test file loads its own copy; Node keeps every entered storage in its
 * list, and propagates each into every promise and other async resource created after — so,
 * left enabled, a worker's storages would pile up file after file, each making every later
 * file's async work dearer. They are disabled when their file ends (entering one again
 * re-enables it).
 */
const entered = new Set<AsyncLocalStorage<unknown>>();
for (const method of ["run", "enterWith"] as const) {
  const proto = AsyncLocalStorage.prototype as unknown as Record<
    typeof method,
    (this: AsyncLocalStorage<unknown>, ...args: unknown[]) => unknown
  >;
  const original = proto[method];
  proto[method] = function (this: AsyncLocalStorage<unknown>, ...args: unknown[]) {
    entered.add(this);
    return original.apply(this, args);
  };
}

export default class SovereignDcEnvironment extends TestEnvironment {
  /** Logs the file's CPU when `npm run test:cpu` measures the run (test/support/file-cpu.ts). */
  private readonly measured: () => void;
  /** Writes the file's CPU profile when SOVEREIGN_DC_CPU_PROFILES names a folder (file-profile.ts). */
  private readonly profiled: () => Promise<void>;

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    this.global.sovereignDcWorker = services;
    this.measured = measureFile(context.testPath, process.env.SOVEREIGN_DC_CPU_LOG);
    this.profiled = profileFile(context.testPath, process.env.SOVEREIGN_DC_CPU_PROFILES);
  }

  override async teardown(): Promise<void> {
    for (const storage of entered) {
      storage.disable();
    }
    entered.clear();
    await super.teardown();
    this.measured();
    await this.profiled();
  }
}
