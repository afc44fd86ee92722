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
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import * as settings from "@pulumi/pulumi/runtime/settings";
import { disableStackCapture } from "./cheap-stacks";
import { getStore, waitForRPCs } from "./internals";
import { type InvokeHandler, RecordingMonitor } from "./monitor";
import type { Plan } from "./plan";
import { loadProject, loadStackConfig, UsageError } from "./project";
import { plainProps } from "./wire";

export interface EvaluateOptions {
  /** Folder of the Pulumi project (or below it); its Pulumi.<stack>.yaml supplies the config. */
  readonly projectDir: string;
  readonly stack: string;
  /** Program file to run instead of the project's own entry (`sovereign-dc check`). */
  readonly program?: string;
  /** Extra config entries (namespaced keys) laid over the stack file's. */
  readonly configOverrides?: Readonly<Record<string, string>>;
  /** Answers for provider functions; the default answers none. */
  readonly invoke?: InvokeHandler;
}

/** An error raised by the program itself (not by the engine); the CLI exits 2 on it. */
export class ProgramError extends Error {
  constructor(
    message: string,
    readonly cause?: unknown,
  ) {
    super(message);
    this.name = "ProgramError";
  }
}

/** Invokes every program may call offline: none, unless the caller models them. */
const noInvokes: InvokeHandler = () => undefined;

export async function evaluateInProcess(opts: EvaluateOptions): Promise<Plan> {
  const project = loadProject(opts.projectDir);
  const stackConfig = loadStackConfig(project, opts.stack);
  const config = { ...stackConfig.config, ...(opts.configOverrides ?? {}) };
  const program = opts.program ? path.resolve(opts.program) : project.main;

  disableStackCapture();
  const monitor = new RecordingMonitor(project.name, opts.stack, config, opts.invoke ?? noInvokes);
  settings.setMockOptions(monitor, project.name, opts.stack, false);
  enableMockFeatures();
  pulumi.runtime.setAllConfig(config, [...stackConfig.secretKeys]);

  // Errors thrown inside `apply` callbacks surface as unhandled rejections; collect them so a
  // broken program is reported as such instead of crashing the process.
  const asyncErrors: unknown[] = [];
  const onRejection = (reason: unknown) => {
    asyncErrors.push(reason);
  };
  process.on("unhandledRejection", onRejection);
  let outputs: Record<string, unknown> = {};
  try {
    const stackOutputs = await pulumi.runtime.runInPulumiStack(async () => {
      forgetProjectModules(project.dir);
      forgetProjectModules(path.dirname(program));
      const mod = requireProgram(program);
      const exported = (mod as { default?: unknown }).default ?? mod;
      return typeof exported === "function" ? await exported() : exported;
    });
    await waitForRPCs();
    // Let rejections raised in the last turn reach the handler.
    await new Promise((r) => setImmediate(r));
    outputs = (plainProps((stackOutputs ?? {}) as Record<string, unknown>) ?? {}) as Record<
      string,
      unknown
    >;
  } catch (e) {
    throw asProgramError(e, program);
  } finally {
    process.off("unhandledRejection", onRejection);
  }
  if (asyncErrors.length > 0) {
    throw asProgramError(asyncErrors[0], program);
  }
  return {
    project: project.name,
    stack: opts.stack,
    program: path.relative(project.dir, program) || path.basename(program),
    config,
    resources: monitor.recorded,
    outputs,
    backendUrl: project.backendUrl,
    secretsProvider: stackConfig.secretsProvider,
  };
}

/** The feature flags `pulumi.runtime.setMocks` turns on, for our own monitor. */
function enableMockFeatures(): void {
  const store = getStore();
  store.supportsSecrets = true;
  store.supportsResourceReferences = true;
  store.supportsOutputValues = false;
  store.supportsDeletedWith = true;
  store.supportsAliasSpecs = true;
  store.supportsTransforms = false;
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

function requireProgram(file: string): unknown {
  if (/\.tsx?$/.test(file)) {
    // Programs are TypeScript, as under `pulumi up`; Sucrase compiles them on load and keeps
    // their line numbers, so a failing program's stack trace points at its source.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require("sucrase/register/ts");
  }
  // Pulumi programs are CommonJS modules run for their side effects, as the language host does.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file);
}

function asProgramError(e: unknown, program: string): Error {
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
  return new ProgramError(`The program ${program} failed: ${err.message}`, err);
}
