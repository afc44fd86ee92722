/**
 * The calls a program makes to AWS through the AWS SDK for JavaScript v3 while it evaluates, with
 * the service, the operation and the region each client is configured for. Offline, without
 * credentials, the SDK sends nothing but its lookup of them (the instance metadata service), so
 * the requests the program would send cannot tell where it calls; the client can. Every v3 client
 * extends one `Client` class of Smithy's (`@smithy/core/client`, earlier `@smithy/smithy-client`
 * or `@aws-sdk/smithy-client`), whose `send` the engine wraps, in each copy the program loads, for
 * the evaluation: each call is recorded, and runs in a context that tells the requests it sends
 * (engine/program-loop.ts) from the program's own. An ES module program loads the SDK's ES
 * build, whose `Client` the engine's loader hooks hand to the same wrapper as it loads.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import Module from "node:module";
import type { SdkCall } from "./plan";

/** The modules that export Smithy's `Client` class, by the name the SDK's clients require. */
const clientModules: ReadonlySet<string> = new Set([
  "@smithy/core/client",
  "@smithy/smithy-client",
  "@aws-sdk/smithy-client",
]);

/** A call under way, as recorded; its region is filled in once the client resolves it. */
type Recorded = { -readonly [K in keyof SdkCall]: SdkCall[K] };

/** The SDK call a request is sent for, in the async context of the call. */
const context = new AsyncLocalStorage<Recorded>();

/** Whether the code running now was called by a call through the AWS SDK the engine records. */
export function inSdkCall(): boolean {
  return context.getStore() !== undefined;
}

/** Where the calls of the evaluation under way are recorded; none outside one. */
let current: Recorded[] | undefined;

const wrapped = Symbol.for("sovereign-dc.sdk-calls.wrapped");

type Send = (this: SdkClient, command: unknown, ...rest: unknown[]) => unknown;

interface SdkClient {
  readonly config?: {
    readonly serviceId?: unknown;
    readonly region?: unknown;
    readonly endpoint?: unknown;
  };
}

/** `Organizations`: the service a client calls, from its config or its class's name. */
function serviceOf(client: SdkClient): string {
  const id = client.config?.serviceId;
  if (typeof id === "string" && id !== "") {
    return id;
  }
  return (
    (client as { constructor?: { name?: string } }).constructor?.name?.replace(/Client$/, "") ??
    "unknown"
  );
}

/** `ListAccounts`: the operation a command stands for, from its class's name. */
function operationOf(command: unknown): string {
  const name = (command as { constructor?: { name?: string } } | null)?.constructor?.name;
  return typeof name === "string" && name !== "Object" ? name.replace(/Command$/, "") : "unknown";
}

/**
 * Calls `set` with what a client's config provider gives (a value, or a function that returns
 * one or a promise of one), once known; a provider that fails leaves it unset.
 */
function resolveInto(provider: unknown, set: (value: unknown) => void): void {
  if (provider === undefined || provider === null) {
    return;
  }
  try {
    void Promise.resolve(
      typeof provider === "function" ? (provider as () => unknown)() : provider,
    ).then(set, () => undefined);
  } catch {
    // A provider that throws leaves the value unknown.
  }
}

/** The host of an endpoint as a client's config holds it: a URL, its text, or its parts. */
function endpointHost(value: unknown): string | undefined {
  if (typeof value === "string") {
    try {
      return new URL(value).hostname.toLowerCase();
    } catch {
      return undefined;
    }
  }
  if (value instanceof URL) {
    return value.hostname.toLowerCase();
  }
  const hostname = (value as { hostname?: unknown } | null)?.hostname;
  return typeof hostname === "string" && hostname !== "" ? hostname.toLowerCase() : undefined;
}

/** Wraps `send` of a module's `Client` class once, to record the calls of an evaluation. */
function wrapClient(loaded: unknown): void {
  const client = (loaded as { Client?: { prototype?: Record<PropertyKey, unknown> } } | null)
    ?.Client;
  const proto = client?.prototype;
  if (proto === undefined || typeof proto.send !== "function" || proto[wrapped] === true) {
    return;
  }
  const send = proto.send as Send;
  proto.send = function (this: SdkClient, command: unknown, ...rest: unknown[]) {
    const log = current;
    // A call the SDK makes inside one of the program's (STS, for web-identity credentials) is
    // that call's, not the program's.
    if (log === undefined || context.getStore() !== undefined) {
      return send.call(this, command, ...rest);
    }
    const call: Recorded = { service: serviceOf(this), operation: operationOf(command) };
    log.push(call);
    resolveInto(this.config?.region, (value) => {
      if (typeof value === "string" && value !== "") {
        call.region = value;
      }
    });
    // An endpoint the program gives the client (`endpoint`) is where its calls go, whatever
    // the region says.
    const custom = (this.config as { isCustomEndpoint?: unknown } | undefined)?.isCustomEndpoint;
    resolveInto(custom === false ? undefined : this.config?.endpoint, (value) => {
      const host = endpointHost(value);
      if (host !== undefined) {
        call.endpoint = host;
      }
    });
    const result = context.run(call, () => send.call(this, command, ...rest));
    if (!(result instanceof Promise)) {
      return result;
    }
    // The program gets a promise that settles as the call's does: one it leaves unhandled is
    // still unhandled, as without the engine.
    return result.then(undefined, (e: unknown) => {
      call.failed = (e as { message?: unknown })?.message?.toString().split("\n")[0] ?? String(e);
      throw e;
    });
  };
  Object.defineProperty(proto, wrapped, { value: true });
}

/**
 * What the engine's ES module loader hooks hand an ES module build of Smithy's `Client` to
 * (engine/esm-loader.mjs `recorderKey`): their thread cannot reach this one's objects, so the
 * module itself does, with one line appended to its source.
 */
const recorderKey = Symbol.for("sovereign-dc.sdk-calls.record-client");
(globalThis as Record<symbol, unknown>)[recorderKey] = wrapClient;

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;

/**
 * Records the program's calls through the AWS SDK v3 into `log` until the returned function is
 * called. The module loader is watched for the modules of Smithy's `Client` while it runs.
 */
export function recordSdkCalls(log: Recorded[]): () => void {
  const mod = Module as unknown as { _load: Loader };
  const load = mod._load;
  mod._load = function (this: unknown, request, parent, isMain) {
    const loaded = load.call(this, request, parent, isMain);
    if (clientModules.has(request)) {
      wrapClient(loaded);
    }
    return loaded;
  };
  current = log;
  return () => {
    current = undefined;
    mod._load = load;
  };
}
