/**
 * What of a program still holds Node's event loop open after it returns: its timers, its I/O and
 * its network requests. The Pulumi CLI's language host lets
 * Node's event loop drain before it signals the engine that the program is done, so a resource
 * declared from a timer — a `setTimeout` callback, or the rest of an async block not awaited by
 * the program that sleeps first (`await new Promise((r) => setTimeout(r, 200))`) — is registered
 * and deployed. The offline engine cannot wait for its own process's loop to drain (it holds
 * handles of its own), so while a program evaluates it counts the timers set through the global
 * `setTimeout` and `setInterval`, and the sleeps of `timers/promises`, that still hold the loop
 * open (not `unref`'d, not cleared, not yet fired), and waits for them. An interval that is never cleared keeps the CLI running for
 * ever; here the watchdog's timeout ends it.
 *
 * The globals are wrapped rather than watched with `async_hooks`: an init hook tracks every
 * promise too, which doubled the evaluation's time and memory on large programs.
 *
 * The program's I/O holds the loop open as its timers do: a resource declared in the callback of a
 * child process (`execFile("git", …, cb)`, an awaited `promisify(execFile)` in an async block the
 * program does not await), of a file read or of a DNS lookup is deployed by the CLI too. Those
 * are counted from Node's own list of what holds the loop (`process.getActiveResourcesInfo`), of
 * the kinds the engine itself does not start while a program evaluates, above what was already
 * there when the evaluation began (the policy pack's process, say).
 *
 * A request over the network holds the loop open too — a resource declared once `fetch(url)`
 * answers, or in an `https.get` callback. Sockets cannot tell it apart (the engine's own
 * connection to the pack is one), so requests are counted by what Node publishes of them on its
 * diagnostics channels: `fetch`'s (undici's `undici:request:*`) from creation until the response
 * is complete or fails, and those of `http` / `https` (every client built on them: axios, got,
 * node-fetch, the AWS SDK) from start until the request closes. The engine's connection is HTTP/2,
 * which publishes on neither.
 *
 * The same channels say what each request was — its method, where it went, and whether it was
 * answered — which the loop keeps for the plan (`sent`): a program's own requests are no
 * resources, and the engine reports them itself (engine/program-requests.ts). So are the TCP
 * connections it opens itself, the UDP datagrams it sends, the commands it runs and the worker
 * threads it starts: the loop wraps a socket's `connect`, a UDP socket's `send` and `connect`, the
 * functions of `child_process` and `worker_threads.Worker` while the program evaluates, and keeps
 * where each connection and datagram went (`ownConnections`: not those of its requests, nor local
 * ones), what each command was (`ran`) and what each worker runs (`workers`). The hooks are this
 * thread's: a worker runs its code in a thread of its own, unseen, so the engine reports its start
 * as a send it cannot place rather than pass what the worker sends.
 */

import * as diagnostics from "node:diagnostics_channel";
import * as ipaddr from "ipaddr.js";
import type { ClientRequest } from "node:http";
import type { ProgramConnection, ProgramRequest } from "./plan";
import { errorLine, inSdkCall } from "./sdk-calls";
import { syncBuiltinESMExports } from "node:module";
import * as path from "node:path";
import { promisify } from "node:util";
import type * as timersPromises from "node:timers/promises";

/** What the wait needs of a timer: whether it holds the loop open. */
interface Held {
  hasRef(): boolean;
}

type Timer = ReturnType<typeof setTimeout>;
type Callback = (...args: unknown[]) => void;

/**
 * `timers/promises` itself, whose `setTimeout` a program may sleep with (`await setTimeout(100)`):
 * the module object, not a copy an import would make, so that replacing its function reaches
 * every importer.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const promisesModule = require("node:timers/promises") as {
  setTimeout: typeof timersPromises.setTimeout;
};

/**
 * `net` and `child_process` themselves, whose functions the loop wraps to see the connections a
 * program opens and the commands it runs: the module objects, so that every importer sees them.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const netModule = require("node:net") as typeof import("node:net");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const childModule = require("node:child_process") as Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const dgramModule = require("node:dgram") as typeof import("node:dgram");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const threadsModule = require("node:worker_threads") as {
  Worker: typeof import("node:worker_threads").Worker;
};

/** The functions of `child_process` that run a command, and which take it as one shell line. */
const commandFunctions: Readonly<Record<string, "line" | "file">> = {
  exec: "line",
  execSync: "line",
  execFile: "file",
  execFileSync: "file",
  spawn: "file",
  spawnSync: "file",
  fork: "file",
};

const original = {
  connect: netModule.Socket.prototype.connect,
  udpSend: dgramModule.Socket.prototype.send,
  udpConnect: dgramModule.Socket.prototype.connect,
  Worker: threadsModule.Worker,
  commands: Object.fromEntries(
    Object.keys(commandFunctions).map((name) => [name, childModule[name]]),
  ) as Record<string, (...args: unknown[]) => unknown>,
  setTimeout: globalThis.setTimeout,
  setInterval: globalThis.setInterval,
  clearTimeout: globalThis.clearTimeout,
  clearInterval: globalThis.clearInterval,
  sleep: promisesModule.setTimeout,
};

/**
 * `child_process`'s functions as they were before any program ran. The engine starts its own
 * processes while a program evaluates (a multi-language component's plugin, a probe of what the
 * project's nodeargs ask of Node) with these: they are the engine's, not commands the program
 * ran (`ran`).
 */
export const engineChildProcess = original.commands as unknown as Pick<
  typeof import("node:child_process"),
  "spawn" | "spawnSync"
>;

/**
 * `worker_threads.Worker` as it was before any program ran: the engine starts its own threads (the
 * policy pack's) with it, which are not worker threads the program started (`workers`).
 */
export const engineWorker = original.Worker;

/** Kinds of Node's active resources that are a program's I/O while it evaluates. */
const programIo: ReadonlySet<string> = new Set([
  "ProcessWrap",
  "FSReqCallback",
  "FSReqPromise",
  "GetAddrInfoReqWrap",
  "GetNameInfoReqWrap",
  "QueryReqWrap",
]);

/** How many of each kind in `programIo` hold the loop open now. */
function ioCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) {
    if (programIo.has(kind)) {
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
  }
  return counts;
}

/** A request as the channels below publish it. */
interface Published {
  readonly request: object;
}

/** What undici publishes of a `fetch` request (`undici:request:create`). */
interface UndiciRequest {
  readonly method?: string;
  readonly origin?: string | { toString(): string };
  readonly path?: string;
}

/** A request's method and where it went, its query left out, as the plan records it. */
function describeRequest(method: string | undefined, origin: string, path: string | undefined) {
  let host = "";
  try {
    host = new URL(origin).hostname.replace(/^\[|\]$/g, "").toLowerCase();
  } catch {
    // Not a URL the channels would publish; the origin stands for the host.
    host = origin.toLowerCase();
  }
  return {
    method: (method ?? "GET").toUpperCase(),
    url: `${origin}${(path ?? "/").split("?")[0]}`,
    host,
  };
}

/**
 * A request as recorded, marked when it is sent for a call through a cloud SDK the engine records
 * (engine/sdk-calls.ts): the channels publish in the caller's async context.
 */
function bySdk(request: ProgramRequest): ProgramRequest {
  return inSdkCall() ? { ...request, bySdkCall: true } : request;
}

/**
 * Where a socket's `connect` arguments go: `(port, host)`, an options object, or the list Node
 * passes internally (options first); undefined for a local (IPC) path.
 */
function connectTarget(args: readonly unknown[]): ProgramConnection | undefined {
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  if (typeof first === "number" || (typeof first === "string" && /^\d+$/.test(first))) {
    return { host: typeof args[1] === "string" ? hostOf(args[1]) : "localhost", port: +first };
  }
  if (first === null || typeof first !== "object") {
    return undefined;
  }
  const o = first as { path?: unknown; host?: unknown; port?: unknown };
  if (o.path !== undefined) {
    return undefined;
  }
  return {
    host: typeof o.host === "string" && o.host !== "" ? hostOf(o.host) : "localhost",
    port: Number(o.port ?? 0),
  };
}

const hostOf = (host: string): string => host.replace(/^\[|\]$/g, "").toLowerCase();

/**
 * Where a UDP socket's `send` arguments go — `(msg[, offset, length], port[, address][, cb])`, as
 * Node reads them — or undefined when the socket is connected (its `connect` was recorded). No
 * address is the machine's own.
 */
function datagramTarget(
  socket: import("node:dgram").Socket,
  args: readonly unknown[],
): ProgramConnection | undefined {
  try {
    socket.remoteAddress();
    return undefined;
  } catch {
    // Not connected: the datagram goes where its arguments say.
  }
  const [, offset, length, port, address] = args;
  const [to, at] =
    (typeof address === "string" && address !== "") || (port && typeof port !== "function")
      ? [port, address]
      : [offset, length];
  return udpTarget(to, at);
}

/** A datagram's destination from a port and an address as `send` and `connect` take them. */
function udpTarget(port: unknown, address: unknown): ProgramConnection {
  return {
    host: typeof address === "string" && address !== "" ? hostOf(address) : "localhost",
    port: Number(port),
    protocol: "udp",
  };
}

/** What a worker thread runs: its file (relative to the project), or its code given as text. */
function describeWorker(filename: unknown, options: unknown): string {
  if ((options as { eval?: unknown } | undefined)?.eval === true) {
    return "code given as text";
  }
  const href = filename instanceof URL ? filename.href : String(filename);
  if (href.startsWith("data:")) {
    return "code given as a data: URL";
  }
  let file = href;
  try {
    file = href.startsWith("file:") ? new URL(href).pathname : href;
  } catch {
    // Not a URL: the name as given.
  }
  const shown = file.startsWith("/") ? path.relative(process.cwd(), file) : file;
  return shown.length > 200 ? `${shown.slice(0, 200)}…` : shown;
}

/** A command as run: its shell line, or its file and arguments, cut short past 200 characters. */
function describeCommand(kind: "line" | "file", args: readonly unknown[]): string {
  const words =
    kind === "line"
      ? [String(args[0])]
      : [String(args[0]), ...(Array.isArray(args[1]) ? args[1].map(String) : [])];
  const line = words.join(" ");
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/** Addresses of the machine or its private network: the program's own surroundings. */
const localRanges: ReadonlySet<string> = new Set([
  "loopback",
  "private",
  "linkLocal",
  "uniqueLocal",
  "unspecified",
]);

/** Whether a host is the machine itself or an address of a private network. */
export function isLocalHost(host: string): boolean {
  if (host === "localhost" || host.endsWith(".localhost")) {
    return true;
  }
  if (!ipaddr.isValid(host)) {
    return false;
  }
  const address = ipaddr.process(host);
  return localRanges.has(address.range());
}

/** The engine's own folder: its frames are no program's. */
const engineDir = path.dirname(__filename) + path.sep;

/**
 * The frames of the code that called, a few deep (enough to find it, cheaply), without the
 * engine's own, Node's, or anonymous ones: the first is the program's or a library's.
 */
export function callerFrames(): string[] {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 12;
  const stack = new Error().stack ?? "";
  Error.stackTraceLimit = limit;
  return stack
    .split("\n")
    .slice(1)
    .filter((line) => !line.includes(engineDir) && !/\(node:|at node:|\(<anonymous>\)/.test(line));
}

/**
 * The package whose code called, where the first frame of the caller (past the engine's and
 * Node's) is a library's in `node_modules` (`esbuild`, `@scope/name`); undefined where it is the
 * program's own, or cannot be told.
 */
function callingPackage(): string | undefined {
  const [first] = callerFrames();
  return first === undefined
    ? undefined
    : /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/
        .exec(first)?.[1]
        ?.replace(/\\/g, "/");
}

/**
 * Where the program's own code (not a library's in `node_modules`, nor the engine's) called: the
 * first such frame of a short stack, `file:line:column`, or undefined.
 */
function programSite(): string | undefined {
  for (const line of callerFrames()) {
    if (/[\\/]node_modules[\\/]/.test(line)) {
      return undefined;
    }
    return /\(?((?:file:\/\/)?[^()]+:\d+:\d+)\)?$/.exec(line.trim())?.[1];
  }
  return undefined;
}

export class ProgramLoop {
  private readonly timers = new Set<Held>();
  /** The program's own `setTimeout` timers it `unref`'d, by where it did. */
  private readonly unrefd = new Map<Held, string>();
  /** The program's network requests not yet answered in full, nor failed. */
  private readonly requests = new Set<object>();
  /** Every request the program sent, in order, with its outcome once known. */
  private readonly log = new Map<object, { request: ProgramRequest; answered: boolean }>();
  /** The TCP connections the program opened and the datagrams it sent, by destination, in order. */
  private readonly connections = new Map<string, ProgramConnection>();
  /** What each worker thread the program's own code started runs, in order. */
  private readonly threads: string[] = [];
  /** The worker threads libraries started (esbuild's synchronous API), by package, in order. */
  private readonly libraryThreads: string[] = [];
  /** The commands the program ran, in order. */
  private readonly commands = new Set<string>();
  /** The package that ran each command a library ran (`@pulumi/eks` asking `aws --version`). */
  private readonly commandPackages = new Map<string, string>();
  /** The channel subscriptions of this evaluation, undone by `dispose`. */
  private readonly subscriptions: [string, (message: unknown) => void][] = [];
  private installed = false;
  /** The I/O that held the loop when the evaluation began: the engine's, not the program's. */
  private ioBaseline = new Map<string, number>();

  /** Wraps the global timer functions for one evaluation. */
  install(): void {
    if (this.installed) {
      return;
    }
    this.installed = true;
    this.ioBaseline = ioCounts();
    const timers = this.timers;
    const unrefd = this.unrefd;
    const wrapTimeout = function (this: unknown, callback: Callback, ...rest: unknown[]): Timer {
      if (typeof callback !== "function") {
        return (original.setTimeout as (...a: unknown[]) => Timer).call(this, callback, ...rest);
      }
      const timer: Timer = (original.setTimeout as (...a: unknown[]) => Timer).call(
        this,
        function (this: unknown, ...args: unknown[]) {
          timers.delete(timer);
          callback.apply(this, args);
        },
        ...rest,
      );
      timers.add(timer);
      // An unref'd timer holds the loop open neither here nor under pulumi up, where the
      // deployment's own calls keep the process running a while: it may fire there, unseen here.
      const unref = timer.unref;
      timer.unref = function (this: Timer) {
        const site = unrefd.has(timer) ? undefined : programSite();
        if (site !== undefined) {
          unrefd.set(timer, site);
        }
        return unref.call(this);
      };
      return timer;
    };
    const wrapInterval = function (this: unknown, ...args: unknown[]): Timer {
      const timer = (original.setInterval as (...a: unknown[]) => Timer).apply(this, args);
      timers.add(timer);
      return timer;
    };
    const forget =
      (clear: (t?: Timer | string | number) => void) =>
      (timer?: Timer | string | number): void => {
        if (typeof timer === "object" && timer !== null) {
          timers.delete(timer);
        }
        clear(timer);
      };
    // `util.promisify(setTimeout)` and the like read the originals' own properties.
    Object.assign(wrapTimeout, original.setTimeout);
    Object.assign(wrapInterval, original.setInterval);
    globalThis.setTimeout = wrapTimeout as unknown as typeof setTimeout;
    globalThis.setInterval = wrapInterval as unknown as typeof setInterval;
    globalThis.clearTimeout = forget(original.clearTimeout) as typeof clearTimeout;
    globalThis.clearInterval = forget(original.clearInterval) as typeof clearInterval;
    // A sleep of `timers/promises` holds the loop open as a timer does, unless `ref: false`.
    promisesModule.setTimeout = async function <T>(
      delay?: number,
      value?: T,
      options?: { ref?: boolean; signal?: AbortSignal },
    ): Promise<T> {
      const held: Held = { hasRef: () => options?.ref !== false };
      timers.add(held);
      try {
        return await original.sleep(delay, value, options);
      } finally {
        timers.delete(held);
      }
    } as typeof timersPromises.setTimeout;
    // Every TCP connection goes through a socket's `connect` (an HTTP agent's, a database
    // client's, TLS's): its host is kept, and those the program's requests went to are left to
    // them (`ownConnections`).
    const connections = this.connections;
    netModule.Socket.prototype.connect = function (
      this: import("node:net").Socket,
      ...args: unknown[]
    ) {
      const to = connectTarget(args);
      if (to !== undefined && !connections.has(`${to.host}:${to.port}`)) {
        connections.set(`${to.host}:${to.port}`, to);
      }
      return (original.connect as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original.connect;
    // Every UDP datagram goes through a socket's `send`, to the address its arguments name or,
    // for a connected socket, the one its `connect` named: each destination is kept as a
    // connection's is.
    const datagram = (to: ProgramConnection | undefined) => {
      const key = `udp:${to?.host}:${to?.port}`;
      if (to !== undefined && !connections.has(key)) {
        connections.set(key, to);
      }
    };
    dgramModule.Socket.prototype.send = function (
      this: import("node:dgram").Socket,
      ...args: unknown[]
    ) {
      datagram(datagramTarget(this, args));
      return (original.udpSend as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original.udpSend;
    dgramModule.Socket.prototype.connect = function (
      this: import("node:dgram").Socket,
      ...args: unknown[]
    ) {
      datagram(udpTarget(args[0], typeof args[1] === "function" ? undefined : args[1]));
      return (original.udpConnect as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original.udpConnect;
    // A worker thread runs apart from the hooks above: what it starts is kept, for the report. A
    // proxy, so that `instanceof`, subclasses and the class's own properties work as before.
    // One a library starts (esbuild's synchronous API blocks on its service in one) is kept apart:
    // it is advised on as the commands a library runs are, while the program's own fails closed.
    const threads = this.threads;
    const libraryThreads = this.libraryThreads;
    threadsModule.Worker = new Proxy(original.Worker, {
      construct(target, args: unknown[], newTarget) {
        const described = describeWorker(args[0], args[1]);
        const library = callingPackage();
        if (library === undefined) {
          threads.push(described);
        } else {
          libraryThreads.push(`${library}: ${described}`);
        }
        return Reflect.construct(target, args, newTarget) as object;
      },
    });
    const commands = this.commands;
    const commandPackages = this.commandPackages;
    const recording = (kind: "line" | "file", run: (...a: unknown[]) => unknown) =>
      function (this: unknown, ...args: unknown[]) {
        const command = describeCommand(kind, args);
        commands.add(command);
        const library = callingPackage();
        if (library !== undefined && !commandPackages.has(command)) {
          commandPackages.set(command, library);
        }
        return run.apply(this, args);
      };
    for (const [name, kind] of Object.entries(commandFunctions)) {
      const run = original.commands[name];
      const wrapped = recording(kind, run);
      // `util.promisify(execFile)` resolves with stdout and stderr through the original's own
      // promisified form, which runs the command too.
      const custom = (run as unknown as Record<symbol, unknown>)[promisify.custom];
      if (typeof custom === "function") {
        Object.defineProperty(wrapped, promisify.custom, {
          value: recording(kind, custom as (...a: unknown[]) => unknown),
        });
      }
      childModule[name] = wrapped;
    }
    // ES modules that import it read the builtin's exports as they stand after this.
    syncBuiltinESMExports();
    const requests = this.requests;
    const log = this.log;
    const done = (message: unknown) => {
      requests.delete((message as Published).request);
    };
    const answered = (request: object) => {
      const entry = log.get(request);
      if (entry !== undefined) {
        entry.answered = true;
      }
    };
    const failed = (request: object, error: unknown) => {
      const entry = log.get(request);
      if (entry !== undefined && !entry.answered && entry.request.failed === undefined) {
        entry.request = { ...entry.request, failed: errorLine(error) };
      }
    };
    this.subscribe("undici:request:create", (message) => {
      const request = (message as Published).request as UndiciRequest;
      requests.add(request);
      const { method, origin, path } = request;
      log.set(request, {
        request: bySdk(describeRequest(method, String(origin ?? ""), path)),
        answered: false,
      });
    });
    this.subscribe("undici:request:headers", (message) => answered((message as Published).request));
    this.subscribe("undici:request:trailers", done);
    this.subscribe("undici:request:error", (message) => {
      failed((message as Published).request, (message as { error?: unknown }).error);
      done(message);
    });
    this.subscribe("http.client.request.start", (message) => {
      const request = (message as Published).request as ClientRequest;
      requests.add(request);
      log.set(request, {
        request: bySdk(
          describeRequest(
            request.method,
            `${request.protocol}//${request.host.includes(":") ? `[${request.host}]` : request.host}`,
            request.path,
          ),
        ),
        answered: false,
      });
      request.once("response", () => answered(request));
      request.once("error", (error) => failed(request, error));
      // 'close' comes after the response's 'end' (or the error), whose handlers ran by then.
      request.once("close", () => requests.delete(request));
    });
  }

  private subscribe(name: string, listener: (message: unknown) => void): void {
    diagnostics.subscribe(name, listener);
    this.subscriptions.push([name, listener]);
  }

  /** How many of the program's timers still hold the loop open. */
  pendingTimers(): number {
    let n = 0;
    for (const t of this.timers) {
      if (t.hasRef()) {
        n += 1;
      }
    }
    return n;
  }

  /**
   * Where the program set the timers it `unref`'d that have neither fired nor been cleared:
   * under pulumi up each fires if the deployment still runs by then, and what its callback
   * declares is not seen here.
   */
  unrefdPending(): string[] {
    return [...this.unrefd]
      .filter(([t]) => this.timers.has(t) && !t.hasRef())
      .map(([, site]) => site);
  }

  /** How many I/O operations the program started still hold the loop open. */
  pendingIo(): number {
    let n = 0;
    for (const [kind, count] of ioCounts()) {
      n += Math.max(0, count - (this.ioBaseline.get(kind) ?? 0));
    }
    return n;
  }

  /** How many of the program's network requests are not yet answered in full. */
  pendingRequests(): number {
    return this.requests.size;
  }

  /**
   * The requests the program sent, in order: each one not answered by now (an error, or still
   * under way when the program ended) says why.
   */
  sent(): ProgramRequest[] {
    return [...this.log.values()].map(({ request, answered }) =>
      answered || request.failed !== undefined
        ? request
        : { ...request, failed: "no answer before the program ended" },
    );
  }

  /**
   * The TCP connections the program opened other than for its requests (a database client's, a
   * raw socket's), to hosts outside the machine and its private network: each host and port once.
   */
  ownConnections(): ProgramConnection[] {
    const requested = new Set([...this.log.values()].map(({ request }) => request.host));
    return [...this.connections.values()].filter(
      (c) => (c.protocol === "udp" || !requested.has(c.host)) && !isLocalHost(c.host),
    );
  }

  /**
   * The TCP connections the program opened to the machine itself or its private network (a
   * database it expects on localhost), other than for its requests: each host and port once.
   */
  localConnections(): ProgramConnection[] {
    const requested = new Set([...this.log.values()].map(({ request }) => request.host));
    return [...this.connections.values()].filter(
      (c) => c.protocol !== "udp" && !requested.has(c.host) && isLocalHost(c.host),
    );
  }

  /** What each worker thread the program's own code started runs (its file, or code given as text). */
  workers(): string[] {
    return [...this.threads];
  }

  /** The worker threads libraries started: `<package>: <what it runs>`, in order. */
  libraryWorkers(): string[] {
    return [...this.libraryThreads];
  }

  /** The commands the program ran, each once, in order. */
  ran(): string[] {
    return [...this.commands];
  }

  /** The commands libraries ran (of `ran()`), each with its package, in order. */
  ranByLibraries(): { command: string; package: string }[] {
    return [...this.commandPackages].map(([command, pkg]) => ({ command, package: pkg }));
  }

  /** How many timers, I/O operations and requests of the program still hold the loop open. */
  pending(): number {
    return this.pendingTimers() + this.pendingIo() + this.pendingRequests();
  }

  /**
   * Resolves once none of the program's timers, I/O and requests holds the loop open. Polled by a timer of the
   * engine's own (the original `setTimeout`, so not counted), which holds the loop open
   * meanwhile: a program timer that fired and left its callback's registrations to finish must
   * not look like a drained loop to the watchdog.
   */
  async settled(): Promise<void> {
    while (this.pending() > 0) {
      await new Promise<void>((resolve) => original.setTimeout(resolve, 10));
    }
  }

  /** Restores the global timer functions. */
  dispose(): void {
    if (this.installed) {
      globalThis.setTimeout = original.setTimeout;
      globalThis.setInterval = original.setInterval;
      globalThis.clearTimeout = original.clearTimeout;
      globalThis.clearInterval = original.clearInterval;
      promisesModule.setTimeout = original.sleep;
      netModule.Socket.prototype.connect = original.connect;
      dgramModule.Socket.prototype.send = original.udpSend;
      dgramModule.Socket.prototype.connect = original.udpConnect;
      threadsModule.Worker = original.Worker;
      Object.assign(childModule, original.commands);
      syncBuiltinESMExports();
      for (const [name, listener] of this.subscriptions.splice(0)) {
        diagnostics.unsubscribe(name, listener);
      }
      this.installed = false;
    }
    this.timers.clear();
    this.unrefd.clear();
    this.requests.clear();
    this.log.clear();
    this.connections.clear();
    this.commands.clear();
    this.threads.length = 0;
  }
}
