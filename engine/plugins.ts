/**
 * Multi-language components constructed offline by their own plugin. A component of
 * `@pulumi/awsx`, `@pulumi/eks` or `@pulumi/aws-apigateway` gets its resources from its
 * provider plugin: under `pulumi preview` the Pulumi engine starts the plugin and asks it to
 * `Construct` the component, and the plugin registers what it creates back with the engine's
 * resource monitor. Where the plugin is installed (the Pulumi CLI's plugin folder, or the PATH),
 * the offline engine does the same: it starts the plugin, serves it the resource monitor and the
 * engine over gRPC on loopback — the same monitor the program registers with — and asks it to
 * construct the component as a preview does (`dryRun`). So the pack judges what the plugin
 * really creates, by the plugin's own code, instead of failing the component as unseen.
 *
 * A plugin is found as the Pulumi CLI finds it (pkg/workspace `GetPluginPath`): an executable
 * `pulumi-resource-<package>` on the PATH unless PULUMI_IGNORE_AMBIENT_PLUGINS is set, else the
 * folder `resource-<package>-v<version>` of `$PULUMI_HOME/plugins` (`~/.pulumi/plugins`) for the
 * version the program's SDK asks for (`pulumi plugin install resource <package> <version>`
 * puts it there), the newest installed when it asks for none. Plugins and the gRPC server live
 * only while a construction is under way: a server or child process left open would hold Node's
 * event loop, by which the engine tells a program that stalled.
 */
import type { ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type * as GrpcJs from "@grpc/grpc-js";
import type * as Semver from "semver";
import type * as ProviderProto from "@pulumi/pulumi/proto/provider_pb";
import type * as ProviderGrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import type * as ResourceGrpc from "@pulumi/pulumi/proto/resource_grpc_pb";
import type * as ResourceProto from "@pulumi/pulumi/proto/resource_pb";
import type * as EngineGrpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import type * as EngineProto from "@pulumi/pulumi/proto/engine_pb";
import type * as EmptyProto from "google-protobuf/google/protobuf/empty_pb";
import type * as StructProto from "google-protobuf/google/protobuf/struct_pb";
import { sdkRequire } from "./internals";
import { engineChildProcess } from "./program-loop";

const grpc = sdkRequire("@grpc/grpc-js") as typeof GrpcJs;
const providerProto = sdkRequire("../proto/provider_pb") as typeof ProviderProto;
const providerGrpc = sdkRequire("../proto/provider_grpc_pb") as typeof ProviderGrpc;
const resourceProto = sdkRequire("../proto/resource_pb") as typeof ResourceProto;
const resourceGrpc = sdkRequire("../proto/resource_grpc_pb") as typeof ResourceGrpc;
const engineProto = sdkRequire("../proto/engine_pb") as typeof EngineProto;
const engineGrpc = sdkRequire("../proto/engine_grpc_pb") as typeof EngineGrpc;
const emptyProto = sdkRequire("google-protobuf/google/protobuf/empty_pb") as typeof EmptyProto;
const structProto = sdkRequire("google-protobuf/google/protobuf/struct_pb") as typeof StructProto;

/** An installed plugin: its executable, and the version it was installed as ("" on the PATH). */
export interface Plugin {
  readonly pkg: string;
  readonly file: string;
  readonly version: string;
}

/** A plugin not installed: why none exists offline, and how to install it. */
export interface MissingPlugin {
  readonly missing: string;
}

/** The folder the Pulumi CLI installs plugins into. */
export function pluginDir(env: NodeJS.ProcessEnv = process.env): string {
  const home = env.PULUMI_HOME !== undefined && env.PULUMI_HOME !== "" ? env.PULUMI_HOME : "";
  return path.join(home || path.join(os.homedir(), ".pulumi"), "plugins");
}

function executableName(pkg: string): string[] {
  const base = `pulumi-resource-${pkg}`;
  return process.platform === "win32" ? [`${base}.exe`, `${base}.cmd`] : [base];
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Newest first, in semver's order of precedence (`2.10.0` before `2.9.0`, a release before its
 * pre-releases); a folder name that is no version last. Loaded on first use: the engine's
 * processes defer semver (engine/lazy-sdk.ts), and few programs need this.
 */
function newestFirst(versions: readonly string[]): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const semver = require("semver") as typeof Semver;
  const valid = versions.filter((v) => semver.valid(v) !== null);
  return [...valid.sort(semver.rcompare), ...versions.filter((v) => semver.valid(v) === null)];
}

/** True for an environment flag the Pulumi CLI reads as set (`1`, `true`). */
function flagSet(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes)$/i.test(value.trim());
}

/**
 * The plugin of `pkg` the Pulumi CLI would run for `version` (the version the program's SDK
 * registers the component with; "" for any), or where it was looked for.
 */
export function findPlugin(
  pkg: string,
  version: string,
  env: NodeJS.ProcessEnv = process.env,
): Plugin | MissingPlugin {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(pkg)) {
    return { missing: `"${pkg}" is not a plugin name` };
  }
  if (!flagSet(env.PULUMI_IGNORE_AMBIENT_PLUGINS)) {
    for (const dir of (env.PATH ?? "").split(path.delimiter).filter((d) => d !== "")) {
      for (const name of executableName(pkg)) {
        const file = path.join(dir, name);
        if (isExecutable(file)) {
          return { pkg, file, version: "" };
        }
      }
    }
  }
  const root = pluginDir(env);
  const prefix = `resource-${pkg}-v`;
  let installed: string[] = [];
  try {
    installed = fs
      .readdirSync(root)
      .filter((d) => d.startsWith(prefix) && !fs.existsSync(path.join(root, `${d}.partial`)))
      .map((d) => d.slice(prefix.length));
  } catch {
    // No plugin folder: nothing installed.
  }
  const wanted = version.replace(/^v/, "");
  const candidates = wanted !== "" ? installed.filter((v) => v === wanted) : newestFirst(installed);
  for (const v of candidates) {
    for (const name of executableName(pkg)) {
      const file = path.join(root, `${prefix}${v}`, name);
      if (isExecutable(file)) {
        return { pkg, file, version: v };
      }
    }
  }
  const install = `pulumi plugin install resource ${pkg}${wanted !== "" ? ` ${wanted}` : ""}`;
  return {
    missing: `none exist: its plugin, pulumi-resource-${pkg}${wanted !== "" ? ` v${wanted}` : ""}, is not installed here (\`${install}\` installs it; the engine then runs it offline)`,
  };
}

/** The monitor methods a plugin calls back, as the engine's in-process monitor offers them. */
export interface MonitorHandlers {
  registerResource(req: unknown, callback: (err: Error | null, resp?: unknown) => void): unknown;
  registerResourceOutputs(
    req: unknown,
    callback: (err: Error | null, resp?: unknown) => void,
  ): unknown;
  readResource(req: unknown, callback: (err: Error | null, resp?: unknown) => void): unknown;
  invoke(req: unknown, callback: (err: Error | null, resp?: unknown) => void): unknown;
  call(req: unknown, callback: (err: Error | null, resp?: unknown) => void): unknown;
  supportsFeature(
    req: { getId(): string },
    callback: (err: Error | null, resp?: { getHassupport(): boolean }) => void,
  ): unknown;
}

type Unary = (
  call: { request: unknown },
  callback: (err: GrpcJs.ServiceError | null, resp?: unknown) => void,
) => void;

/** A gRPC error the plugin's SDK reports with the message as its details. */
function asServiceError(e: unknown): GrpcJs.ServiceError {
  const message = e instanceof Error ? e.message : String(e);
  return Object.assign(new Error(message), {
    code: grpc.status.UNKNOWN,
    details: message,
    metadata: new grpc.Metadata(),
  });
}

/** A gRPC handler over one of the monitor's callback-style methods. */
function handler(
  method: (req: unknown, cb: (err: Error | null, resp?: unknown) => void) => unknown,
  orEmpty = false,
): Unary {
  return (call, callback) => {
    try {
      void method(call.request, (err, resp) => {
        if (err) {
          callback(asServiceError(err));
        } else {
          callback(null, orEmpty ? new emptyProto.Empty() : resp);
        }
      });
    } catch (e) {
      callback(asServiceError(e));
    }
  };
}

/** How many of the program's own constructions run at once, each in a plugin process. */
const maxPlugins = 4;

/** A started plugin. */
interface Running {
  readonly child: ChildProcess;
  readonly client: ProviderGrpc.ResourceProviderClient;
  readonly stderr: string[];
}

/**
 * Runs plugins' constructions for one evaluation. The server and each plugin start with the
 * first construction that needs them and stop when none is under way.
 */
export class PluginHost {
  private server: GrpcJs.Server | undefined;
  private address: Promise<string> | undefined;
  /** Removes what `track` set up to stop plugins when this process ends. */
  private unguard: (() => void) | undefined;
  /** The plugins started, one a construction. */
  private readonly running = new Set<Running>();
  private active = 0;
  /** The program's own constructions under way, and those waiting for a place. */
  private slots = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly monitor: MonitorHandlers,
    /** The stack resource's URN, which resources without a parent hang from (the engine's). */
    private readonly rootUrn: () => string,
  ) {}

  /**
   * Asks `plugin` to construct a component, as `pulumi preview` does; resolves once the plugin
   * has registered what it creates and answered with the component's URN and outputs.
   */
  async construct(
    plugin: Plugin,
    request: ProviderProto.ConstructRequest,
    providerConfig: Record<string, unknown>,
    /** A component a plugin creates while it constructs another: never queued behind it. */
    nested = false,
  ): Promise<ProviderProto.ConstructResponse> {
    this.active += 1;
    let running: Running | undefined;
    const release = nested ? () => undefined : await this.slot();
    try {
      const address = await this.serve();
      request.setMonitorendpoint(address);
      running = await this.start(plugin, address);
      const client = running.client;
      await unary<ProviderProto.ConfigureResponse>((cb) => {
        const configure = new providerProto.ConfigureRequest();
        configure.setArgs(
          structProto.Struct.fromJavaScript(
            providerConfig as Record<string, StructProto.JavaScriptValue>,
          ),
        );
        for (const [k, v] of Object.entries(providerConfig)) {
          configure
            .getVariablesMap()
            .set(`${plugin.pkg}:config:${k}`, typeof v === "string" ? v : JSON.stringify(v));
        }
        configure.setAcceptsecrets(true);
        configure.setAcceptresources(true);
        client.configure(configure, cb);
      }).catch((e: unknown) => {
        // A plugin that has nothing to configure may not implement it.
        if ((e as { code?: number }).code !== grpc.status.UNIMPLEMENTED) {
          throw e;
        }
      });
      return await unary<ProviderProto.ConstructResponse>((cb) => client.construct(request, cb));
    } catch (e) {
      throw new Error(this.failure(e, running));
    } finally {
      if (running !== undefined) {
        this.stop(running);
      }
      release();
      this.active -= 1;
      if (this.active === 0) {
        this.close();
      }
    }
  }

  /**
   * Waits for one of the `maxPlugins` places of the program's own constructions: each plugin
   * is a process (the awsx plugin, a Node process with the AWS SDK, takes about 150 MB), and a
   * program may declare dozens of components at once. What a construction waits on (another
   * component's outputs) is constructed before it is asked for, so a queue cannot deadlock.
   */
  private async slot(): Promise<() => void> {
    while (this.slots >= maxPlugins) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.slots += 1;
    return () => {
      this.slots -= 1;
      this.waiting.shift()?.();
    };
  }

  /** Stops every plugin and the server (the evaluation ended). */
  dispose(): void {
    for (const r of [...this.running]) {
      this.stop(r);
    }
    this.close();
  }

  /** Why a construction failed, with what the plugin wrote of it. */
  private failure(e: unknown, running: Running | undefined): string {
    const details = (e as { details?: unknown }).details;
    const own = typeof details === "string" && details !== "" ? details : (e as Error).message;
    const logged = (running?.stderr ?? []).join("\n").trim();
    const firstLine = (text: string) => text.split("\n").find((l) => l.trim() !== "") ?? "";
    const said = firstLine(own);
    const extra =
      logged !== "" && !said.includes(firstLine(logged)) ? `; ${firstLine(logged)}` : "";
    return `${said}${extra}`.slice(0, 600);
  }

  private serve(): Promise<string> {
    if (this.address !== undefined) {
      return this.address;
    }
    const server = new grpc.Server();
    const m = this.monitor;
    server.addService(resourceGrpc.ResourceMonitorService, {
      supportsFeature: (
        call: { request: { getId(): string } },
        callback: (err: null, resp: unknown) => void,
      ) => {
        // The monitor's own answer, as the program's SDK gets it (output values included).
        const resp = new resourceProto.SupportsFeatureResponse();
        m.supportsFeature(call.request, (_err, r) => {
          resp.setHassupport(r?.getHassupport() === true);
        });
        callback(null, resp);
      },
      registerResource: handler((req, cb) => m.registerResource(req, cb)),
      registerResourceOutputs: handler((req, cb) => m.registerResourceOutputs(req, cb), true),
      readResource: handler((req, cb) => m.readResource(req, cb)),
      invoke: handler((req, cb) => m.invoke(req, cb)),
      call: handler((req, cb) => m.call(req, cb)),
      registerPackage: (_call: unknown, callback: (err: null, resp: unknown) => void) => {
        const resp = new resourceProto.RegisterPackageResponse();
        resp.setRef("offline-package");
        callback(null, resp);
      },
      signalAndWaitForShutdown: (_call: unknown, callback: (err: null, resp: unknown) => void) =>
        callback(null, new emptyProto.Empty()),
    } as unknown as GrpcJs.UntypedServiceImplementation);
    server.addService(engineGrpc.EngineService, {
      // What a plugin logs is its chatter: a construction that fails says why in its answer.
      log: (_call: unknown, callback: (err: null, resp: unknown) => void) =>
        callback(null, new emptyProto.Empty()),
      getRootResource: (_call: unknown, callback: (err: null, resp: unknown) => void) => {
        const resp = new engineProto.GetRootResourceResponse();
        resp.setUrn(this.rootUrn());
        callback(null, resp);
      },
      setRootResource: (_call: unknown, callback: (err: null, resp: unknown) => void) =>
        callback(null, new engineProto.SetRootResourceResponse()),
    } as unknown as GrpcJs.UntypedServiceImplementation);
    this.server = server;
    this.address = new Promise((resolve, reject) => {
      server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, port) =>
        err ? reject(err) : resolve(`127.0.0.1:${port}`),
      );
    });
    return this.address;
  }

  /**
   * Starts a plugin for one construction. Each construction has a process of its own, as a
   * failure the plugin's SDK does not catch (an unknown answer it computes with) ends every
   * construction the process serves: one component's failure must not leave another unseen.
   */
  private start(plugin: Plugin, engineAddress: string): Promise<Running> {
    return new Promise<Running>((resolve, reject) => {
      // A group of its own (POSIX), so that stopping it stops what it started: a plugin that is
      // a script around its runtime (`node bin/index.js`, without exec) leaves that running.
      const child = engineChildProcess.spawn(plugin.file, [engineAddress], {
        cwd: process.cwd(),
        stdio: ["ignore", "pipe", "pipe"],
        env: process.env,
        detached: process.platform !== "win32",
      });
      const stderr: string[] = [];
      let out = "";
      let done = false;
      const fail = (why: string) => {
        done = true;
        kill(child);
        reject(new Error(why));
      };
      child.stderr?.setEncoding("utf8");
      child.stderr?.on("data", (d: string) => {
        if (stderr.join("").length < 8192) {
          stderr.push(d);
        }
      });
      // The plugin prints the port it serves on as its first line; what follows is its output.
      child.stdout?.setEncoding("utf8");
      child.stdout?.on("data", (d: string) => {
        if (done) {
          return;
        }
        out += d;
        if (!out.includes("\n")) {
          return;
        }
        const line = out.split("\n")[0].trim();
        if (!/^\d+$/.test(line)) {
          fail(`the plugin ${plugin.file} printed ${JSON.stringify(line)} where its port belongs`);
          return;
        }
        done = true;
        const running: Running = {
          child,
          client: new providerGrpc.ResourceProviderClient(
            `127.0.0.1:${line}`,
            grpc.credentials.createInsecure(),
          ),
          stderr,
        };
        this.track(running);
        resolve(running);
      });
      child.once("error", (e) => {
        if (!done) {
          fail(`the plugin ${plugin.file} could not start: ${e.message}`);
        }
      });
      child.once("exit", (code, signal) => {
        if (!done) {
          const said = stderr.join("").trim().split("\n")[0] ?? "";
          fail(
            `the plugin ${plugin.file} exited (${signal ?? `code ${code}`}) before it served${said !== "" ? `: ${said}` : ""}`,
          );
        }
      });
    });
  }

  private stop(running: Running): void {
    this.running.delete(running);
    running.client.close();
    kill(running.child);
    if (this.running.size === 0) {
      this.unguard?.();
      this.unguard = undefined;
    }
  }

  /**
   * Counts a started plugin. A plugin runs in a process group of its own, which a terminal's
   * Ctrl-C does not reach and which outlives this process: while any runs, this process stops
   * them when it exits, or when a signal ends it (and then ends as the signal would).
   */
  private track(running: Running): void {
    this.running.add(running);
    if (this.unguard !== undefined) {
      return;
    }
    const stopAll = () => {
      for (const r of [...this.running]) {
        kill(r.child);
      }
    };
    const onSignal = (signal: NodeJS.Signals) => {
      stopAll();
      this.unguard?.();
      process.kill(process.pid, signal);
    };
    const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
    process.on("exit", stopAll);
    for (const signal of signals) {
      process.on(signal, onSignal);
    }
    this.unguard = () => {
      process.off("exit", stopAll);
      for (const signal of signals) {
        process.off(signal, onSignal);
      }
    };
  }

  private close(): void {
    const server = this.server;
    this.server = undefined;
    this.address = undefined;
    server?.forceShutdown();
  }
}

/** Stops a plugin and every process of its group. */
function kill(child: ChildProcess): void {
  if (child.pid !== undefined && process.platform !== "win32") {
    try {
      process.kill(-child.pid, "SIGKILL");
      return;
    } catch {
      // The group is gone already; the process itself may not be.
    }
  }
  child.kill("SIGKILL");
}

/** A unary gRPC call as a promise. */
function unary<T>(start: (cb: (err: GrpcJs.ServiceError | null, resp: T) => void) => void) {
  return new Promise<T>((resolve, reject) => {
    start((err, resp) => (err ? reject(err) : resolve(resp)));
  });
}
