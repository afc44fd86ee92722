/**
 * The offline engine: runs a Pulumi program in this process against the SDK's mock monitor,
 * with the stack's config loaded into the runtime's config store first, and records every
 * resource it registers. It mirrors what the Node.js language host does under `pulumi up`:
 * the program runs inside the root `pulumi:pulumi:Stack` resource and its exports become the
 * stack's outputs.
 *
 * Evaluations in one process run one after another: the Pulumi runtime keeps global state, which
 * each evaluation resets, and the program's own modules are loaded afresh each time. Under jest,
 * whose module registry ignores `require.cache`, use `evaluateIsolated` (a child process).
 */
import { cloudNames } from "../residency/jurisdictions";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import * as pulumi from "@pulumi/pulumi";
import * as settings from "@pulumi/pulumi/runtime/settings";
import { disableStackCapture } from "./cheap-stacks";
import { getStore, presentEngine, waitForRPCs } from "./internals";
import {
  describeProgramFailure,
  failedOfItsOwn,
  loadProgram,
  missingApiCause,
  modulePackageOf,
} from "./load-program";
import { incompatibleNode } from "./node-engines";
import { applyEnvFiles, loadPreloads } from "./nodeargs";
import { callerFrames, isLocalHost, ProgramLoop } from "./program-loop";
import { mark } from "./timings";
import { installUnknownCallbacks, standInsHanded, standInsUnknown } from "./invokes/callbacks";
import { InProcessCallbacks } from "./transforms";
import { installUnknownInvokes } from "./invokes/unknowns";
import { RecordingMonitor } from "./monitor";
import { checkUnderCli } from "./opaque";
import {
  type CallbackFailure,
  offlineOrganization,
  packageOf,
  type Plan,
  type ProgramConnection,
  type ProgramRequest,
  type RecordedResource,
  type SdkCall,
} from "./plan";
import { recordSdkCalls } from "./sdk-calls";
import { readYamlProgram, runYamlProgram } from "./pulumi-yaml";
import {
  loadProject,
  loadStackConfig,
  offlineSecretPlaceholder,
  yamlProgramPattern,
  type StackConfig,
  UsageError,
} from "./project";
import { ConstructionLog, neverCompleted, pendingExports, type Stuck, unsettled } from "./stall";
import { plainProps } from "./wire";
import { defaultTimeoutSeconds, ProgramError, StalledEvaluation } from "./program-error";

// The engine's TypeScript hook (plain JavaScript, as the pack's process loads it too).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { useNodeTypeStripping, useProjectTsconfig } = require("./register-ts.js") as {
  useNodeTypeStripping(dir: string, on: boolean): void;
  useProjectTsconfig(dir: string, file: string): void;
};

export { defaultTimeoutSeconds, ProgramError, StalledEvaluation };

export interface EvaluateOptions {
  /** Folder of the Pulumi project (or below it); its Pulumi.<stack>.yaml supplies the config. */
  readonly projectDir: string;
  readonly stack: string;
  /** Program file to run instead of the project's own entry (`sovereign-dc check`). */
  readonly program?: string;
  /** Extra config entries (namespaced keys) laid over the stack file's. */
  readonly configOverrides?: Readonly<Record<string, string>>;
  /**
   * Seconds the program may run before the evaluation gives up (default 300). A program that
   * stops making progress is reported at once; this bounds one that keeps running.
   */
  readonly timeoutSeconds?: number;
  /**
   * Given the stack's config before the program runs; what it throws ends the evaluation before
   * any of the program's code has run.
   */
  readonly onConfig?: (config: Readonly<Record<string, string>>) => void;
  /** Told of each resource as it is recorded, before the program has finished. */
  readonly onResource?: (r: RecordedResource) => void;
  /**
   * Evaluate as `pulumi preview` sees a stack with nothing deployed yet: every output a provider
   * computes on create is unknown (`sovereign-dc check --first-preview`).
   */
  readonly firstPreview?: boolean;
  /**
   * The stack's organization, where `--stack` names it (`acme/app/prod`): what
   * `pulumi.getOrganization()` answers, as under the Pulumi CLI; else the stand-in
   * `organization`, a self-managed backend's answer.
   */
  readonly organization?: string;
  /**
   * Record each resource's source position (the program's line that declares it), as the SDK
   * sends it under the Pulumi CLI; off unless asked (SARIF output), for the stack walk it costs.
   */
  readonly sourcePositions?: boolean;
}

/** How long an evaluation whose program threw waits for the loop to drain, when asked to. */
const failureDrainMs = 250;

/**
 * What this process knows of its evaluations, held on the process so that every copy of this
 * module reads the same: evaluating a program of this repository drops its modules from
 * `require`'s cache (`forgetProjectModules`), and a later `require` loads a second copy.
 */
interface ProcessEvaluations {
  /** It evaluates programs in turn (`evaluateProgramsInTurn`). */
  inTurn: boolean;
  /** The last evaluation may have left its program's work under way (`lastEvaluationLeftWork`). */
  leftWork: boolean;
}

const processKey = Symbol.for("sovereign-dc.evaluations");

function processEvaluations(): ProcessEvaluations {
  const holder = globalThis as typeof globalThis & { [processKey]?: ProcessEvaluations };
  return (holder[processKey] ??= { inTurn: false, leftWork: false });
}

/**
 * Marks this process as one that evaluates programs in turn (engine/worker.ts, the test lanes):
 * after a program throws, the evaluation waits a moment (`failureDrainMs`) for Node's loop to
 * drain, which shows that nothing of the program is left to run and the process need not be
 * replaced (`lastEvaluationLeftWork`). A command that evaluates one program reports the error at
 * once.
 */
export function evaluateProgramsInTurn(): void {
  processEvaluations().inTurn = true;
}

/**
 * Whether the last evaluation in this process may have left its program's work under way: it ended
 * in a failure while registrations, callbacks, timers or I/O of the program could still run, and
 * would run into the next evaluation. A process that evaluates programs in turn starts a fresh
 * process after one (engine/worker.ts). Not after a success (the engine waits until nothing of the
 * program is left to run), a config refused before the program ran, a program that stopped because
 * nothing was left to run (Node's loop drained: no timer, no I/O, no callback of it can run
 * again), one that finished, its work settled as a success's, with an error thrown in a callback
 * along the way (an `apply` that threw), or one that threw and whose work then drained within the
 * moment it is given (`evaluateProgramsInTurn`).
 */
export function lastEvaluationLeftWork(): boolean {
  return processEvaluations().leftWork;
}

function setLeftWork(value: boolean): void {
  processEvaluations().leftWork = value;
}

export async function evaluateInProcess(opts: EvaluateOptions): Promise<Plan> {
  setLeftWork(false);
  const project = loadProject(opts.projectDir);
  const stackConfig = loadStackConfig(project, opts.stack);
  if (stackConfig.environments.length > 0) {
    throw new UsageError(
      escEnvironments(stackConfig, path.relative(project.dir, stackConfig.file), project.dir),
    );
  }
  const config = { ...stackConfig.config, ...(opts.configOverrides ?? {}) };
  const program = opts.program ? path.resolve(opts.program) : project.main;
  if (yamlProgramPattern.test(program) && project.runtime !== "yaml") {
    throw new UsageError(
      `${path.relative(process.cwd(), program) || program}: a YAML or JSON file is a program only in a Pulumi YAML project (runtime: yaml), and ${path.join(path.relative(process.cwd(), project.dir) || ".", "Pulumi.yaml")} names runtime ${JSON.stringify(project.runtime ?? "nodejs")}.`,
    );
  }
  opts.onConfig?.(config);

  disableStackCapture(opts.sourcePositions === true);
  const monitor = new RecordingMonitor(project.name, opts.stack, config, opts.firstPreview);
  monitor.onRecord = opts.onResource;
  settings.setMockOptions(
    monitor,
    project.name,
    opts.stack,
    true,
    opts.organization ?? offlineOrganization,
  );
  presentEngine();
  monitor.programCallbacks = enableMockFeatures();
  pulumi.runtime.setAllConfig(config, [...stackConfig.secretKeys]);

  // Errors thrown inside `apply` callbacks surface as unhandled rejections; collect them so a
  // broken program is reported as such instead of crashing the process.
  const asyncErrors: unknown[] = [];
  const onRejection = (reason: unknown) => {
    asyncErrors.push(reason);
  };
  let failed = false;
  process.off("unhandledRejection", afterFailure);
  // Programs read files relative to the project folder (`fs.readFileSync("./app/index.html")`,
  // `new pulumi.asset.FileArchive("./app")`): the language host runs them there.
  const cwd = process.cwd();
  // A program that sets process.exitCode ends its process with that code once it is done: the
  // language host fails such a run ("Program exited with non-zero exit code"). Kept apart from
  // the exit code of the process that evaluates it.
  const exitCodeBefore = process.exitCode;
  // The environment as the program found it: what it, its preloads or its environment files set
  // are undone after it, as its own process would take them along, so that the next program
  // evaluated in this process reads the environment it would get.
  const envBefore = { ...process.env };
  // The language host hands the program the stack's config in its environment too, which a
  // program or a library may read there (`PULUMI_CONFIG`, as the SDK itself does).
  process.env.PULUMI_CONFIG = JSON.stringify(config);
  process.env.PULUMI_CONFIG_SECRET_KEYS = JSON.stringify([...stackConfig.secretKeys]);
  const unsetEnvironment = watchUnsetEnvironment(project.dir);
  let exitCodeSet: typeof process.exitCode;
  process.chdir(project.dir);
  process.on("unhandledRejection", onRejection);
  quietHandledRejections();
  const restoreInvokes = installUnknownInvokes(
    monitor.unknownFunctions,
    monitor.unknownArgumentFunctions,
  );
  const failedCallbacks: CallbackFailure[] = [];
  const restoreCallbacks = installUnknownCallbacks(failedCallbacks);
  const sdkCalls: SdkCall[] = [];
  const restoreSdkCalls = recordSdkCalls(sdkCalls);
  const constructed = new ConstructionLog();
  const watchdog = new Watchdog(opts.timeoutSeconds ?? defaultTimeoutSeconds);
  const exitListeners = new ProgramExitListeners();
  const restoreSetMocks = refuseSetMocks(path.relative(project.dir, program));
  const standIns = watchStandInQuestions(new Set(stackConfig.secretKeys));
  const loop = new ProgramLoop();
  loop.install();
  // From here the program runs: a failure may leave its work under way (`lastEvaluationLeftWork`).
  setLeftWork(true);
  let outputs: Record<string, unknown> = {};
  let constructionOrder = new Map<string, number>();
  // The program's exports, once it has loaded: a stall names those that never resolved.
  let programExports: unknown;
  let uncalledDefault = false;
  let programRequests: ProgramRequest[] = [];
  let programConnections: ProgramConnection[] = [];
  let localConnections: ProgramConnection[] = [];
  let programCommands: string[] = [];
  let libraryCommands: { command: string; package: string }[] = [];
  let programWorkers: string[] = [];
  let libraryWorkers: string[] = [];
  let unrefdTimers: string[] = [];
  try {
    const run = (async () => {
      const stackOutputs = await pulumi.runtime.runInPulumiStack(async () => {
        constructed.install();
        pulumi.runtime.registerStackTransformation(standInsUnknown);
        forgetProjectModules(project.dir);
        forgetProjectModules(path.dirname(program));
        // Pulumi.yaml, as the messages on its runtime options name it.
        const projectFile = path.join(path.relative(cwd, project.dir) || ".", "Pulumi.yaml");
        // Whether node strips the types of what it loads, as the project's nodeargs leave it.
        const nodeStrips = project.nodeArgs?.stripTypes ?? nodeStripsTypes();
        if (project.typescript === false && /\.[cm]?tsx?$/.test(program)) {
          const entry = path.relative(project.dir, program);
          if (!nodeStrips) {
            const why =
              project.nodeArgs?.stripTypes === false
                ? `which Node does not load: the project's nodeargs turn its type stripping off (--no-experimental-strip-types)`
                : `which Node ${process.versions.node} cannot (it strips types from Node 22.18 and 23.6 on)`;
            throw new UsageError(
              `${projectFile} sets runtime.options.typescript to false, so the language host compiles no TypeScript and node loads ${entry} itself, ${why}: pulumi up fails to load the program. Remove the option, or build the program to JavaScript and point main at it.`,
            );
          }
          // The host requires a CommonJS project's folder; it picks an ES-module one's index
          // file itself (index.ts among them) and imports it.
          if (
            program === project.main &&
            project.mainIsTypeScriptIndex &&
            modulePackageOf(program) === undefined
          ) {
            throw new UsageError(
              `${projectFile} sets runtime.options.typescript to false and names no main, so the language host requires the project folder (a CommonJS package's) with no TypeScript compiler registered, and Node looks there for index.js, not ${entry}: pulumi up fails to find the program. Set main: ${entry} in ${projectFile}, or remove the option.`,
            );
          }
        }
        if (
          project.typescript !== false &&
          program.endsWith(".mts") &&
          modulePackageOf(program) === undefined
        ) {
          // The host require()s the entry of a package that is not "type": "module", through
          // the ts-node it registers, which refuses an ES module's TypeScript.
          throw new UsageError(
            `${path.relative(project.dir, program)} is an ES module's TypeScript (.mts) in a package that is not "type": "module": the language host require()s the entry of such a package, through ts-node, which refuses it ("Must use import to load ES Module"), so pulumi up fails to load the program. Set "type": "module" in the project's package.json, or name the entry .ts.`,
          );
        }
        useNodeTypeStripping(
          project.dir,
          project.typescript === false && nodeStrips && project.nodeArgs?.transformTypes !== true,
        );
        if (project.tsconfig !== undefined && !yamlProgramPattern.test(program)) {
          // The tsconfig ts-node reads for the whole program under pulumi up.
          const tsconfig = path.resolve(project.dir, project.tsconfig);
          if (!fs.existsSync(tsconfig)) {
            throw new UsageError(
              `${projectFile} sets runtime.options.tsconfig to ${JSON.stringify(project.tsconfig)}, which does not exist: pulumi up fails on it ("tsconfig path was set to ${project.tsconfig} but the file was not found"). Name the project's tsconfig file, or remove the option.`,
            );
          }
          useProjectTsconfig(project.dir, tsconfig);
        }
        if (project.nodeArgs !== undefined && !yamlProgramPattern.test(program)) {
          // What Pulumi.yaml's nodeargs have node do first: environment files, preloads.
          applyEnvFiles(project.nodeArgs, project.dir, projectFile);
          await loadPreloads(project.nodeArgs, project.dir, projectFile, loadProgram);
        }
        // What the language host does with it: a function is called, anything else (a promise
        // included) awaited as the stack's outputs.
        const exported = yamlProgramPattern.test(program)
          ? () =>
              runYamlProgram(
                readYamlProgram(program, project.name),
                config,
                new Set(stackConfig.secretKeys),
              )
          : await loadProgram(program);
        mark("program load");
        // Before it runs what the program exports, the host fails a program whose package asks
        // for another Node, where its .npmrc sets engine-strict.
        const incompatible = yamlProgramPattern.test(program)
          ? undefined
          : incompatibleNode(program);
        if (incompatible !== undefined) {
          throw new Error(incompatible);
        }
        programExports = exported;
        // A CommonJS module is an object here, never its `exports.default`: a default-exported
        // function the author meant to run is never called, under the CLI either.
        uncalledDefault =
          typeof exported === "object" &&
          exported !== null &&
          typeof (exported as { default?: unknown }).default === "function";
        return typeof exported === "function" ? await exported() : exported;
      });
      await waitForRPCs();
      // Let rejections raised in the last turn reach the handler. A callback that runs after
      // the last RPC settled (one on another stack's outputs, run on stand-ins) can still
      // declare resources, and so can a timer or an I/O callback the program left running (the
      // CLI lets the event loop drain): wait until a turn passes in which none of the program's
      // is left and nothing new was constructed.
      const settle = async () => {
        for (let seen = -1; seen !== constructed.constructions || loop.pending() > 0;) {
          seen = constructed.constructions;
          await loop.settled();
          await new Promise((r) => setImmediate(r));
          await waitForRPCs();
        }
      };
      await settle();
      // Then the loop drains, and Node runs the process's beforeExit listeners, as often as they
      // leave work; the language host waits for what they declare (@pulumi/aws creates a
      // bucket's one BucketNotification for all its onObjectCreated subscriptions so). Run them
      // as Node would, until a round declares nothing new.
      for (let round = 1; ; round++) {
        const before = constructed.constructions;
        if (!exitListeners.run()) {
          break;
        }
        await settle();
        if (constructed.constructions === before) {
          break;
        }
        if (round === beforeExitRounds) {
          throw new StalledEvaluation(
            `The program ${path.relative(project.dir, program)} kept declaring resources from process "beforeExit" listeners after ${beforeExitRounds} rounds; Node would run them again each time the loop drains.`,
          );
        }
      }
      mark("evaluation");
      return stackOutputs;
    })();
    const stackOutputs = await Promise.race([run, watchdog.stopped]);
    // A resource whose input failed can leave its URN unsettled after the program returned: the
    // watchdog still bounds the wait, so the stall is explained rather than the process drained.
    const { unrecorded, constructed: order } = await Promise.race([
      constructed.registered(new Set(monitor.recorded.map((r) => r.urn))),
      watchdog.stopped,
    ]);
    constructionOrder = order;
    if (unrecorded.length > 0 && asyncErrors.length === 0) {
      // No verdict over a resource the pack never saw.
      throw new StalledEvaluation(
        `The program ${path.relative(project.dir, program)} finished, but ${unrecorded.length} resource(s) it declared were never registered: ${unrecorded.join(", ")}.`,
      );
    }
    outputs = (plainProps((stackOutputs ?? {}) as Record<string, unknown>) ?? {}) as Record<
      string,
      unknown
    >;
  } catch (e) {
    failed = true;
    // Stopped on a drained loop, the program has nothing left that could run again; one that
    // threw has nothing left either once the loop drains.
    if (e instanceof Stop) {
      setLeftWork(e.reason !== "drained");
    } else if (processEvaluations().inTurn && (await drainsWithin(watchdog, failureDrainMs))) {
      setLeftWork(false);
    }
    const error =
      e instanceof Stop
        ? await stallError(e, constructed, asyncErrors, programExports, program, project.dir, {
            timers: loop.pendingTimers(),
            io: loop.pendingIo(),
            requests: loop.pendingRequests(),
            constructions: monitor.constructionsUnderWay(),
          })
        : onRuntime(
            (await inputFailure(e, constructed, program, project.dir)) ??
              asProgramError(e, program, project.dir),
            project.runtime,
          );
    throw withOwnCalls(
      withUnsetEnvironment(
        withUnknownAnswers(error, monitor.unknownFunctions, monitor.regionlessFunctions, {
          stack: opts.stack,
          projectDir: project.dir,
          from: cwd,
        }),
        unsetEnvironment.read(),
      ),
      sdkCalls,
      loop.sent(),
      loop.ownConnections(),
      loop.localConnections(),
    );
  } finally {
    monitor.disposePlugins();
    watchdog.dispose();
    exitListeners.dispose();
    restoreSetMocks();
    standIns.restore();
    exitCodeSet = process.exitCode;
    process.exitCode = exitCodeBefore;
    unsetEnvironment.restore();
    restoreEnvironment(envBefore);
    programRequests = loop.sent();
    programConnections = loop.ownConnections();
    localConnections = loop.localConnections();
    programCommands = loop.ran();
    libraryCommands = loop.ranByLibraries();
    programWorkers = loop.workers();
    libraryWorkers = loop.libraryWorkers();
    unrefdTimers = loop.unrefdPending().map((site) => {
      const file = site.startsWith("file://") ? fileURLToPath(site.replace(/:\d+:\d+$/, "")) : "";
      const at = file === "" ? site : `${file}${/:\d+:\d+$/.exec(site)?.[0] ?? ""}`;
      return path.isAbsolute(at) ? path.relative(project.dir, at) : at;
    });
    loop.dispose();
    restoreInvokes();
    restoreCallbacks();
    restoreSdkCalls();
    process.chdir(cwd);
    // A failing program leaves rejected promises in the SDK's chains that Node reports as
    // unhandled only after the current turn: keep collecting until then, or one of them would
    // end the process that evaluates programs in turn.
    await new Promise((r) => setImmediate(r));
    process.off("unhandledRejection", onRejection);
    if (failed || asyncErrors.length > 0) {
      process.on("unhandledRejection", afterFailure);
    }
  }
  if (asyncErrors.length > 0) {
    // The program finished and its work settled, as a success's: nothing of it is left to run.
    setLeftWork(false);
    throw withOwnCalls(
      withUnsetEnvironment(
        withUnknownAnswers(
          onRuntime(
            (await inputFailure(asyncErrors[0], constructed, program, project.dir)) ??
              asProgramError(asyncErrors[0], program, project.dir),
            project.runtime,
          ),
          monitor.unknownFunctions,
          monitor.regionlessFunctions,
          { stack: opts.stack, projectDir: project.dir, from: cwd },
        ),
        unsetEnvironment.read(),
      ),
      sdkCalls,
      programRequests,
      programConnections,
      localConnections,
    );
  }
  if (exitCodeSet !== exitCodeBefore && exitCodeSet !== undefined && Number(exitCodeSet) !== 0) {
    setLeftWork(false);
    throw new ProgramError(
      `The program ${path.relative(project.dir, program)} set process.exitCode to ${JSON.stringify(exitCodeSet)}: its process would end with that code, and pulumi up fails such a run ("Program exited with non-zero exit code: ${exitCodeSet}"). Leave process.exitCode unset, or throw an error that says what went wrong.`,
    );
  }
  mark("recording");
  setLeftWork(false);
  const resources = inConstructionOrder(monitor.recorded, constructionOrder);
  // A stand-in the program put into a resource (a password, a stack reference's name) was used
  // as data, as the real value would be; one it read and put into none went elsewhere: into a
  // branch, say, whose other side is not seen.
  const branchedOn = (text: string) =>
    !resources.some((r) => r.name.includes(text) || JSON.stringify(r.inputs).includes(text));
  const secretsRead = standIns.secrets().filter((key) => branchedOn(offlineSecretPlaceholder(key)));
  return {
    project: project.name,
    stack: opts.stack,
    program: path.relative(project.dir, program) || path.basename(program),
    config,
    resources,
    unknownFunctions: [...monitor.unknownFunctions],
    ...argumentOnly(monitor),
    ...(failedCallbacks.length > 0 ? { failedCallbacks } : {}),
    ...(uncalledDefault ? { uncalledDefaultExport: true } : {}),
    ...(standIns.dryRun() ? { asksDryRun: true } : {}),
    ...(opts.organization === undefined &&
    standIns.organization() &&
    branchedOn(offlineOrganization)
      ? { asksOrganization: true }
      : {}),
    ...(secretsRead.length > 0 ? { readsSecrets: secretsRead } : {}),
    ...(programRequests.length > 0 ? { programRequests } : {}),
    ...(sdkCalls.length > 0 ? { sdkCalls: sdkCalls.map((c) => ({ ...c })) } : {}),
    ...(programConnections.length > 0 ? { programConnections } : {}),
    ...(programCommands.length > 0 ? { programCommands } : {}),
    ...(libraryCommands.length > 0 ? { libraryCommands } : {}),
    ...(programWorkers.length > 0 ? { programWorkers } : {}),
    ...(libraryWorkers.length > 0 ? { libraryWorkers } : {}),
    ...(unrefdTimers.length > 0 ? { unrefdTimers } : {}),
    outputs,
    backendUrl: project.backendUrl,
    secretsProvider: stackConfig.secretsProvider,
  };
}

/**
 * What a failed program's promise chains reject with after its evaluation ended (a failed input
 * fails every registration that waits on it, hundreds in an awsx VPC): consequences of the
 * failure already reported, not errors of their own. Without a handler Node would raise each as
 * an uncaught exception, and the run would end on it instead of on the program's failure. Set
 * after a failed evaluation, removed when the next one starts.
 */
function afterFailure(): void {}

/**
 * Node warns (PromiseRejectionHandledWarning) when a rejection it reported as unhandled is
 * handled later. Only the engine's own listener above lets such a rejection pass unhandled —
 * without it Node would have ended the process at the first — and the SDK's chains go on to
 * handle the rejections of a failing program, so each would print a warning that names nothing
 * of the program's, above the error that explains it. This process's warnings lose that one
 * kind; every other warning prints as Node prints it.
 */
function quietHandledRejections(): void {
  if (quieted) {
    return;
  }
  quieted = true;
  const emit = process.emitWarning.bind(process) as (...args: unknown[]) => void;
  process.emitWarning = ((warning: unknown, ...rest: unknown[]) => {
    const name =
      warning instanceof Error
        ? warning.name
        : typeof rest[0] === "string"
          ? rest[0]
          : (rest[0] as { type?: unknown } | undefined)?.type;
    if (name !== "PromiseRejectionHandledWarning") {
      emit(warning, ...rest);
    }
  }) as typeof process.emitWarning;
}
let quieted = false;

/**
 * Why a stack that imports ESC environments gets no verdict offline: their `pulumiConfig` values
 * become the stack's configuration, and their `environmentVariables` the providers' environment
 * (a region among them), at deployment only — judged without them, the program would be judged
 * under another configuration than the one it deploys with.
 */
function escEnvironments(stack: StackConfig, file: string, projectDir: string): string {
  const names = stack.environments.join(", ");
  return (
    `${file} imports the Pulumi ESC environment(s) ${names} (environment:), whose values the offline check cannot read: ` +
    "they can set any configuration the program and its providers read (a region among them), so no verdict would hold without them. " +
    `${checkUnderCli(stack.stack, projectDir)} Or check offline a stack file that holds the values they resolve to (pulumi config --stack ${stack.stack} --show-secrets --json lists them).`
  );
}

/**
 * The feature flags `pulumi.runtime.setMocks` turns on, for our own monitor, and resource
 * transforms, which the monitor runs in this process (engine/transforms.ts): the callbacks the
 * program registers them with. And output values, which the mocks turn off: the SDK keeps them
 * only in a multi-language component's inputs and a resource method's arguments, as it sends
 * them to the Pulumi engine, so that the component's plugin (engine/plugins.ts) gets its inputs
 * as under the CLI — nested outputs where the program nested them, not one output of the whole.
 */
function enableMockFeatures(): InProcessCallbacks {
  const store = getStore();
  store.supportsSecrets = true;
  store.supportsResourceReferences = true;
  store.supportsOutputValues = true;
  store.supportsDeletedWith = true;
  store.supportsAliasSpecs = true;
  store.supportsTransforms = true;
  const callbacks = new InProcessCallbacks();
  store.callbacks = callbacks;
  return callbacks;
}

/** Drops the project's own modules (not its dependencies) so the program runs again. */
function forgetProjectModules(projectDir: string): void {
  const nodeModules = `${path.sep}node_modules${path.sep}`;
  for (const key of Object.keys(require.cache)) {
    if (key.startsWith(projectDir + path.sep) && !key.includes(nodeModules)) {
      delete require.cache[key];
    }
  }
}

/**
 * A program that failed on an input's value, named by the resource and the input it was for
 * (`ConstructionLog.failedInput`); undefined for any other failure.
 */
async function inputFailure(
  e: unknown,
  constructed: ConstructionLog,
  program: string,
  projectDir: string,
): Promise<ProgramError | undefined> {
  const line = await constructed.failedInput(e, program, projectDir);
  return line === undefined
    ? undefined
    : new ProgramError(`The program ${path.relative(projectDir, program)} failed: ${line}`, e);
}

function asProgramError(e: unknown, program: string, projectDir: string): Error {
  if (e instanceof UsageError || e instanceof ProgramError) {
    return e;
  }
  // Pulumi wraps errors from resource registration; unwrap to the user's message.
  const err = e instanceof Error ? e : new Error(String(e));
  if (err.name === "StackSpecError") {
    return new UsageError(err.message);
  }
  if (
    (err as { code?: string }).code === "MODULE_NOT_FOUND" &&
    err.message.startsWith(`Cannot find module '${program}'`)
  ) {
    return new UsageError(`Cannot load program ${program}: the file does not exist.`);
  }
  // Named from the project, as every other verdict of the evaluation names it.
  return new ProgramError(
    `The program ${path.relative(projectDir, program)} failed: ${describeProgramFailure(e, program, projectDir)}`,
    e,
  );
}

/**
 * A failed program of a project that runs on Bun (`runtime: bun`): the offline engine runs every
 * program on Node.js, where Bun's own APIs do not exist, so its failure may be only that.
 */
function onRuntime(error: Error, runtime: string | undefined): Error {
  // A stall is the engine's own finding, not a failure of the program's code.
  if (runtime !== "bun" || !(error instanceof ProgramError) || error instanceof StalledEvaluation) {
    return error;
  }
  return new ProgramError(
    `${error.message.replace(/\.?$/, ".")} The project's runtime is bun, and the offline check runs programs on Node.js, where Bun's own APIs (Bun.*, bun: modules) do not exist: check a program that uses them under the Pulumi CLI.`,
    error.cause,
  );
}

/**
 * The SDK's error for a required config value the stack does not set (`ConfigMissingError`, from
 * `config.require*`; told by its shape, since the program's own copy of the SDK throws it).
 */
function isMissingConfig(e: unknown): boolean {
  return (
    e instanceof Error &&
    typeof (e as { key?: unknown }).key === "string" &&
    e.message.startsWith("Missing required configuration variable")
  );
}

/**
 * A program that failed after the engine answered provider functions with unknowns: the usual
 * cause is code that computes with an answer in a way its stand-in cannot serve
 * (`JSON.parse((await getParameter(…)).value)`) rather than passing it on to a resource. Name the
 * functions, and where such a program can be checked.
 */
function withUnknownAnswers(
  error: Error,
  functions: ReadonlySet<string>,
  regionless: ReadonlyMap<string, ReadonlySet<string>>,
  // The stack and its project's folder, and the folder the check runs in (the program runs in
  // its project's), from which the way to check it under the Pulumi CLI is typed.
  at: { readonly stack: string; readonly projectDir: string; readonly from: string },
): Error {
  // A program that calls an API its SDK no longer has, or asks for a config value its stack does
  // not set, fails there, whatever the answers were; so does one that fails for a cause of its
  // own exit 2 names (a command, a host, credentials) while its code was never handed a stand-in
  // for an answer. One handed a stand-in may have built the command, the host or a command's
  // input from it without its mark in the message (base64 of it, a host derived from it, stdin).
  if (
    !(error instanceof ProgramError) ||
    functions.size === 0 ||
    error.message.includes(missingApiCause) ||
    isMissingConfig(error.cause) ||
    (failedOfItsOwn(error.cause) && standInsHanded() === 0)
  ) {
    return error;
  }
  error.message +=
    `\nOffline, the provider function(s) ${[...functions].join(", ")} were answered with unknown values ` +
    "(as pulumi preview shows values it cannot know yet). If the failure above comes from computing with their results, " +
    "rather than passing them to resource inputs, the program cannot be evaluated without the cloud. " +
    checkUnderCli(at.stack, at.projectDir, at.from);
  if (regionless.size > 0) {
    const which = [...regionless].map(([token, providers]) => {
      const named = [...providers]
        .sort()
        .map((p) =>
          p === "default"
            ? `the default ${packageOf(token)} provider (no ${packageOf(token)}:region in the stack config)`
            : `provider ${JSON.stringify(p)}`,
        );
      return `${token} through ${named.join(" and ")}`;
    });
    error.message +=
      `\nOf those, ${which.join("; ")} named no region: offline a region is read only from the program and its stack config, not from a cloud profile or the environment. ` +
      "Give each provider its region, and the engine answers them from it.";
  }
  return error;
}

/**
 * A failed program's error, with the calls and requests of its own that got no answer offline
 * (engine/sdk-calls.ts, engine/program-loop.ts): a program that fails for want of one — an AMI
 * looked up through the AWS SDK, its public address fetched from a service — cannot be evaluated
 * without the network and credentials it asks for, and the error alone (`Could not load
 * credentials from any providers`) does not say whose call it was.
 */
export function withOwnCalls(
  error: Error,
  calls: readonly SdkCall[],
  requests: readonly ProgramRequest[],
  connections: readonly ProgramConnection[] = [],
  local: readonly ProgramConnection[] = [],
): Error {
  // A program that calls an API its SDK no longer has, or asks for a config value its stack does
  // not set, fails there, whatever its calls got.
  if (
    !(error instanceof ProgramError) ||
    error.message.includes(missingApiCause) ||
    isMissingConfig(error.cause)
  ) {
    return error;
  }
  const unanswered = [
    ...calls
      .filter((c) => c.failed !== undefined)
      .map(
        (c) =>
          `${cloudNames[c.cloud ?? "aws"]} ${c.service} ${c.operation}${c.region ? ` in ${c.region}` : ""}: ${c.failed}`,
      ),
    ...requests
      .filter((r) => r.failed !== undefined && r.bySdkCall !== true && !isLocalHost(r.host))
      .map((r) => `${r.method} ${r.url}: ${r.failed}`),
    // A connection of its own (a database client's) reaches no server offline; a datagram waits
    // for no answer.
    ...connections
      .filter((c) => c.protocol !== "udp")
      .map((c) => `a connection to ${c.host}:${c.port}`),
  ];
  // A service the program expects on the machine (a database on localhost) runs where the check
  // runs only if someone started it there: named, since the program's own error rarely says so
  // (found on a public program whose failure read "Cannot read properties of null").
  if (local.length > 0) {
    const at = [...new Set(local.map((c) => `${c.host}:${c.port}`))];
    error.message += `\nThe program connected itself to ${at.slice(0, 3).join(", ")}${at.length > 3 ? ` and ${at.length - 3} more` : ""}, on this machine or its private network: a service it expects there (a database it reads) must be running where the check runs, as where pulumi up runs, for the program to go on.`;
  }
  if (unanswered.length === 0) {
    return error;
  }
  const distinct = [...new Set(unanswered)];
  error.message += `\nThe program called out itself while it ran, and offline got no answer to ${distinct.length === 1 ? "this" : "these"} (${distinct.slice(0, 3).join("; ")}${distinct.length > 3 ? `; and ${distinct.length - 3} more` : ""}): a program that needs the answer cannot be evaluated without the network and credentials it asks for.`;
  return error;
}

/**
 * Whether Node's loop drains within `ms`: the watchdog sees it (`beforeExit`), and the deadline's
 * timer, unref'd, does not hold the loop open meanwhile.
 */
async function drainsWithin(watchdog: Watchdog, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
    timer.unref();
  });
  const drained = watchdog.stopped.then(
    () => false,
    (stop: unknown) => stop instanceof Stop && stop.reason === "drained",
  );
  try {
    return await Promise.race([drained, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The recorded resources in the order the program constructed them (`constructed`: URN → place),
 * not the order their registrations arrived in: a registration waits for its inputs, and two
 * that wait on work of their own (a function's code packaged, a file read) arrive in either
 * order from run to run — and the pack's findings, the JSON document and the text with them. A
 * default provider goes just before the first resource, in the program's order, that uses it,
 * and anything else the program did not construct (the stack) before every resource recorded
 * after it. Parents and explicit providers are constructed before what they hold.
 */
export function inConstructionOrder(
  recorded: readonly RecordedResource[],
  constructed: ReadonlyMap<string, number>,
): RecordedResource[] {
  if (constructed.size === 0) {
    return [...recorded];
  }
  // A provider the engine adds goes before the first resource, in the program's order, that uses
  // it: which of them registered first varies from run to run.
  const firstUser = new Map<string, number>();
  for (const r of recorded) {
    const at = constructed.get(r.urn);
    if (at !== undefined && r.provider !== undefined) {
      firstUser.set(r.provider, Math.min(firstUser.get(r.provider) ?? at, at));
    }
  }
  // What the engine renders under a component as its provider would (a yaml/v2 component's
  // objects, what a plugin constructs, to any depth) follows the component, in the order
  // registered, whichever component's turn came first.
  const rendered = new Set(recorded.filter((r) => r.renderedOffline === true).map((r) => r.urn));
  const parentOf = new Map(recorded.map((r) => [r.urn, r.parent]));
  const renderedAncestor = (r: RecordedResource): string | undefined => {
    for (let at = r.parent; at !== undefined; at = parentOf.get(at)) {
      if (rendered.has(at)) {
        return at;
      }
      if (constructed.has(at)) {
        return undefined;
      }
    }
    return undefined;
  };
  const keys = new Array<number>(recorded.length);
  let next = Number.POSITIVE_INFINITY;
  for (let i = recorded.length - 1; i >= 0; i--) {
    const r = recorded[i];
    const at = constructed.get(r.urn);
    const ancestor = at === undefined && rendered.size > 0 ? renderedAncestor(r) : undefined;
    const parentAt = ancestor !== undefined ? constructed.get(ancestor) : undefined;
    if (at !== undefined) {
      next = Math.min(next, at);
      keys[i] = at;
    } else if (parentAt !== undefined) {
      keys[i] = parentAt + 0.25;
    } else {
      keys[i] = (firstUser.get(r.urn) ?? next) - 0.5;
    }
  }
  return recorded
    .map((r, i) => ({ r, i, key: keys[i] }))
    .sort((a, b) => a.key - b.key || a.i - b.i)
    .map((e) => e.r);
}

/**
 * The `beforeExit` listeners added while a program is evaluated — by the program, or by a library
 * it loads (under node_modules) — in this process, with whether each runs once. The launcher's
 * and the engine's own, added outside any evaluation, are not among them.
 */
const evaluationExitListeners = new Map<(...args: unknown[]) => void, { readonly once: boolean }>();

/**
 * The `beforeExit` listeners of an evaluation, which `run` calls as Node does once the loop
 * drains. The program's own are taken off the process once it is evaluated: in a process that
 * evaluates programs in turn, one program's listener must not declare its resources into the
 * next. A library's stays: it is added once, when its module loads, and serves every program
 * that uses the module after (@pulumi/aws's bucket notifications).
 */
class ProgramExitListeners {
  private readonly own: Array<(...args: unknown[]) => void> = [];
  private readonly restore: () => void;

  constructor() {
    const methods = [
      "on",
      "addListener",
      "once",
      "prependListener",
      "prependOnceListener",
    ] as const;
    const originals = methods.map((m) => [m, process[m]] as const);
    const own = this.own;
    for (const [m, original] of originals) {
      process[m] = function (this: NodeJS.Process, event: string | symbol, listener: never) {
        if (event === "beforeExit" && typeof listener === "function") {
          evaluationExitListeners.set(listener, {
            once: m === "once" || m === "prependOnceListener",
          });
          if (!calledFromLibrary(new Error().stack ?? "")) {
            own.push(listener);
          }
        }
        return (original as (...a: unknown[]) => NodeJS.Process).call(this, event, listener);
      } as (typeof process)[typeof m];
    }
    this.restore = () => {
      for (const [m, original] of originals) {
        (process as unknown as Record<string, unknown>)[m] = original;
      }
    };
  }

  /**
   * Calls the evaluations' listeners still on the process, in their order, with exit code 0, as
   * Node calls them when the loop drains (one added with `once` is taken off first); false when
   * there are none.
   */
  run(): boolean {
    const listeners = process
      .listeners("beforeExit")
      .filter((l) => evaluationExitListeners.has(l as (...args: unknown[]) => void));
    for (const listener of listeners) {
      if (evaluationExitListeners.get(listener as (...args: unknown[]) => void)?.once) {
        process.removeListener("beforeExit", listener);
      }
      (listener as (code: number) => void).call(process, 0);
    }
    return listeners.length > 0;
  }

  dispose(): void {
    this.restore();
    for (const listener of this.own) {
      process.removeListener("beforeExit", listener);
      evaluationExitListeners.delete(listener);
    }
  }
}

/** Whether the code that called (the first frame of `stack` not of this module) is a library's. */
function calledFromLibrary(stack: string): boolean {
  const caller = stack
    .split("\n")
    .slice(1)
    .find((line) => !line.includes(__filename) && !/\(node:|at node:/.test(line));
  return caller !== undefined && /[\\/]node_modules[\\/]/.test(caller);
}

/**
 * Makes `pulumi.runtime.setMocks` fail with a reason while a program is evaluated: it replaces
 * the engine's monitor with the program's mocks (it is for unit tests), so what the program
 * declares after reaches no engine — under pulumi up either. Returns what restores it.
 */
function refuseSetMocks(program: string): () => void {
  // The SDK's own module objects: an import would hand back a copy whose properties only read them.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const modules = [pulumi.runtime, require("@pulumi/pulumi/runtime/mocks")] as Array<
    Record<string, unknown>
  >;
  const originals = modules.map((m) => m.setMocks);
  for (const m of modules) {
    m.setMocks = () => {
      throw new ProgramError(
        `The program ${program} calls pulumi.runtime.setMocks, which replaces the engine with its mocks: what it declares after reaches no engine, under pulumi up either, and cannot be judged. setMocks is for unit tests; keep it out of the program pulumi up runs.`,
      );
    };
  }
  return () => modules.forEach((m, i) => (m.setMocks = originals[i]));
}

/**
 * Whether the code that asked (the first frame outside the Pulumi SDK and the engine) is the
 * program's or a library of its own, not a Pulumi SDK's (`node_modules/@pulumi/…`), which asks
 * for its own bookkeeping.
 */
function askedOutsidePulumi(): boolean {
  const caller = callerFrames().find(
    (line) => !/[\\/]node_modules[\\/]@pulumi[\\/]pulumi[\\/]/.test(line),
  );
  return caller !== undefined && !/[\\/]node_modules[\\/]@pulumi[\\/]/.test(caller);
}

/** What the program asked that the engine answers with a stand-in, by the code that asked it. */
interface StandInQuestions {
  /** `isDryRun()`: true here, as under pulumi preview; false under pulumi up. */
  dryRun(): boolean;
  /** `getOrganization()`: `organization` here, the backend's organization under the CLI. */
  organization(): boolean;
  /** Secret config keys read, whose values cannot be decrypted offline. */
  secrets(): string[];
  restore(): void;
}

/**
 * Notes whether the program's own code or a library of its own (not a Pulumi SDK) asks what the
 * engine can only stand in for: `isDryRun()` (through `pulumi.runtime`), `getOrganization()`, or a secret config value. What it declares on the real answer —
 * only when it deploys, only in one organization, only for one value of the secret — is not seen
 * (engine/opaque.ts says so in an advisory finding).
 */
function watchStandInQuestions(secretKeys: ReadonlySet<string>): StandInQuestions {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const settings = require("@pulumi/pulumi/runtime/settings") as Record<string, unknown>;
  const metadata = require("@pulumi/pulumi/metadata") as Record<string, unknown>;
  const configModule = require("@pulumi/pulumi/runtime/config") as Record<string, unknown>;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const runtime = pulumi.runtime as unknown as Record<string, unknown>;
  const sdk = pulumi as unknown as Record<string, unknown>;
  const restores: Array<() => void> = [];
  const wrap = (
    holders: ReadonlyArray<Record<string, unknown>>,
    name: string,
    asked: (args: unknown[]) => void,
  ) => {
    for (const holder of holders) {
      const original = holder[name] as (...args: unknown[]) => unknown;
      if (typeof original !== "function") {
        continue;
      }
      holder[name] = (...args: unknown[]) => {
        asked(args);
        return original(...args);
      };
      restores.push(() => (holder[name] = original));
    }
  };
  let dryRun = false;
  let organization = false;
  const secrets = new Set<string>();
  // Not the settings module's own isDryRun, which the SDK asks for every output property it
  // resolves: a stack trace each would cost the evaluation a quarter of its time (scale bench).
  wrap([runtime], "isDryRun", () => {
    dryRun ||= askedOutsidePulumi();
  });
  wrap([sdk, metadata, runtime, settings], "getOrganization", () => {
    organization ||= askedOutsidePulumi();
  });
  if (secretKeys.size > 0) {
    wrap([configModule], "getConfig", (args) => {
      const key = args[0];
      if (typeof key === "string" && secretKeys.has(key) && !secrets.has(key)) {
        if (askedOutsidePulumi()) {
          secrets.add(key);
        }
      }
    });
  }
  return {
    dryRun: () => dryRun,
    organization: () => organization,
    secrets: () => [...secrets].sort(),
    restore: () => restores.reverse().forEach((r) => r()),
  };
}

/** Whether this Node loads TypeScript itself, stripping its types (`process.features.typescript`). */
function nodeStripsTypes(): boolean {
  return Boolean((process.features as { typescript?: unknown }).typescript);
}

/**
 * Watches the program's own code read environment variables that are not set (`process.env.X`
 * undefined), by name, until `restore`: a program that fails on such a value (`readFileSync`
 * given undefined) fails with Node's words for the value, which do not name the variable. Reads
 * by libraries and the SDK (outside the project, or under node_modules) are not the program's.
 */
function watchUnsetEnvironment(projectDir: string): {
  read(): readonly string[];
  restore(): void;
} {
  const original = process.env;
  const names = new Set<string>();
  const own = (file: string) =>
    file.startsWith(projectDir + path.sep) && !file.includes(`${path.sep}node_modules${path.sep}`);
  process.env = new Proxy(original, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (value === undefined && typeof key === "string" && !names.has(key)) {
        // The frame that read it: the one after this trap.
        const held = { stack: "" };
        Error.captureStackTrace(held, this.get);
        const caller = /\(?((?:file:\/\/)?\/[^():]+):\d+:\d+\)?$/m.exec(
          held.stack.split("\n")[1] ?? "",
        );
        const file = caller?.[1].startsWith("file://") ? fileURLToPath(caller[1]) : caller?.[1];
        if (file !== undefined && own(file)) {
          names.add(key);
        }
      }
      return value;
    },
  });
  return {
    read: () => [...names],
    restore: () => {
      process.env = original;
    },
  };
}

/**
 * A failed program that read environment variables not set here: where its failure is about a
 * value that is undefined, it may be one of theirs, and Node's words do not name it.
 */
function withUnsetEnvironment(error: Error, names: readonly string[]): Error {
  if (
    !(error instanceof ProgramError) ||
    error instanceof StalledEvaluation ||
    names.length === 0 ||
    !/\bundefined\b/.test(error.message)
  ) {
    return error;
  }
  const many = names.length > 1;
  error.message += `\nThe program read the environment variable${many ? "s" : ""} ${names.join(", ")}, which ${many ? "are" : "is"} not set here, so the undefined value may be ${many ? "one of them" : "it"}. Set ${many ? "them" : "it"} in the environment check runs in, as pulumi up would run with ${many ? "them" : "it"}.`;
  return error;
}

/** Sets process.env back to `before`: keys added since are removed, changed ones reset. */
function restoreEnvironment(before: Readonly<Record<string, string | undefined>>): void {
  for (const key of Object.keys(process.env)) {
    if (!(key in before)) {
      delete process.env[key];
    }
  }
  for (const [key, value] of Object.entries(before)) {
    if (process.env[key] !== value) {
      process.env[key] = value;
    }
  }
}

/** How many rounds of `beforeExit` listeners may declare resources before the run is stopped. */
const beforeExitRounds = 100;

/** Why the watchdog stopped an evaluation. */
class Stop {
  constructor(
    readonly reason: "drained" | "timeout",
    readonly seconds: number,
  ) {}
}

/**
 * Stops an evaluation that can no longer finish: `beforeExit` fires when nothing is left to run
 * (the SDK waits on a promise no one will settle), and the timer bounds a program that keeps
 * running. The timer does not hold the process open, so a drained loop is seen at once.
 */
class Watchdog {
  readonly stopped: Promise<never>;
  private readonly onDrained: () => void;
  private readonly timer: NodeJS.Timeout;

  constructor(readonly seconds: number) {
    let stop!: (s: Stop) => void;
    this.stopped = new Promise<never>((_, reject) => {
      stop = reject;
    });
    this.stopped.catch(() => undefined);
    this.onDrained = () => stop(new Stop("drained", seconds));
    process.once("beforeExit", this.onDrained);
    this.timer = setTimeout(() => stop(new Stop("timeout", seconds)), seconds * 1000);
    this.timer.unref();
  }

  dispose(): void {
    process.off("beforeExit", this.onDrained);
    clearTimeout(this.timer);
  }
}

async function stallError(
  stop: Stop,
  constructed: ConstructionLog,
  asyncErrors: readonly unknown[],
  programExports: unknown,
  program: string,
  projectDir: string,
  pending: {
    readonly timers: number;
    readonly io: number;
    readonly requests: number;
    /** Components whose plugin had not answered (engine/plugins.ts). */
    readonly constructions: readonly string[];
  },
): Promise<StalledEvaluation> {
  const stuck = await constructed.explain(program, projectDir);
  const lines = stuck.map((s) => s.line);
  const plugins =
    pending.constructions.length > 0
      ? `\nA plugin never answered: it was constructing ${pending.constructions.join(", ")}.`
      : "";
  const shown = path.relative(projectDir, program);
  const head =
    stop.reason === "timeout"
      ? `The program ${shown} did not finish within ${stop.seconds} s (--timeout)`
      : `The program ${shown} stopped before it finished: nothing was left to run`;
  if (lines.length === 0) {
    if (asyncErrors.length > 0) {
      return new StalledEvaluation(
        `${head}; it failed first with: ${describeProgramFailure(asyncErrors[0], program, projectDir)}.`,
      );
    }
    const exports = await pendingExports(programExports);
    const cause =
      exports.length > 0
        ? `every resource registered, but the stack output(s) ${exports.map((n) => JSON.stringify(n)).join(", ")} never resolved`
        : pending.timers > 0
          ? `every resource registered, but ${pending.timers} timer(s) the program set still hold Node's event loop open (an interval never cleared keeps pulumi up running too; clear it, or unref() it)`
          : pending.io > 0
            ? `every resource registered, but ${pending.io} operation(s) the program started (a child process, a file read, a DNS lookup) have not finished and hold Node's event loop open, as they would under pulumi up`
            : pending.requests > 0
              ? `every resource registered, but ${pending.requests} network request(s) the program made have not been answered (pulumi up waits for them too; a request to a host this machine cannot reach ends when it times out)`
              : "every resource registered, but the program waits on a promise that never settles";
    return new StalledEvaluation(`${head}: ${cause}.`);
  }
  // Where no line names the failure, it is the likely cause (a refused provider the resource
  // waits on, an error thrown inside the executor of a promise an input waits on, which leaves
  // that promise pending for ever): the Pulumi CLI reports it too.
  const first =
    asyncErrors.length > 0 &&
    lines.every((l) => l.endsWith(neverCompleted) || l.endsWith(unsettled))
      ? `\nIt failed first with: ${describeProgramFailure(asyncErrors[0], program, projectDir)}.`
      : "";
  return new StalledEvaluation(
    `${head}, with ${lines.length} resource(s) never registered:\n${stuckLines(stuck)}${first}${plugins}`,
  );
}

/** More resources never registered than this, those that wait on another of them are folded. */
const stuckShownWhole = 12;

/**
 * The resources that never registered, one line each — or, where there are many, the ones whose
 * cause is their own (a registration that never completed, an output that never resolved, a
 * failure) each on its line, and those that wait on another of them folded into one line that
 * names them: a stalled component leaves dozens of dependants, each repeating the same chain.
 */
function stuckLines(stuck: readonly Stuck[]): string {
  const dependants = stuck.filter((s) => s.waitsOnAnother);
  if (stuck.length <= stuckShownWhole || dependants.length === 0) {
    return stuck.map((s) => `  - ${s.line}`).join("\n");
  }
  const roots = stuck.filter((s) => !s.waitsOnAnother).map((s) => `  - ${s.line}`);
  const names = dependants.map((s) => s.label).join(", ");
  return [
    ...roots,
    `  - and ${dependants.length} more that wait on the resource(s) above: ${names}`,
  ].join("\n");
}

/**
 * The functions answered with unknowns only because their arguments were not known, in every call
 * that was (engine/opaque.ts says so instead of sending the user to the cloud); none when empty.
 */
function argumentOnly(monitor: {
  unknownArgumentFunctions: ReadonlySet<string>;
  unknownOtherwise: ReadonlySet<string>;
}): { unknownArgumentFunctions?: string[] } {
  const only = [...monitor.unknownArgumentFunctions].filter(
    (f) => !monitor.unknownOtherwise.has(f),
  );
  return only.length > 0 ? { unknownArgumentFunctions: only } : {};
}
