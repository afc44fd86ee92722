/**
 * The calls a program makes to a cloud through its SDK while it evaluates — the AWS SDK for
 * JavaScript v3, Alibaba Cloud's OpenAPI SDK — with the service, the operation and the region
 * each client is configured for. Offline, without credentials, the AWS SDK sends nothing but its
 * lookup of them (the instance metadata service), so
 * the requests the program would send cannot tell where it calls; the client can. Every v3 client
 * extends one `Client` class of Smithy's (`@smithy/core/client`, earlier `@smithy/smithy-client`
 * or `@aws-sdk/smithy-client`), whose `send` the engine wraps, in each copy the program loads, for
 * the evaluation: each call is recorded, and runs in a context that tells the requests it sends
 * (engine/program-loop.ts) from the program's own. An ES module program loads the SDK's ES
 * build, whose `Client` the engine's loader hooks hand to the same wrapper as it loads.
 *
 * Alibaba Cloud's OpenAPI SDK is recorded the same way, by `callApi` of the client its generated
 * product clients extend (`@alicloud/openapi-core`, earlier `@alicloud/openapi-client`): without
 * credentials it sends no request at all.
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

/** What an error says, in a line: its message's first, after its code where it does not name it. */
export function errorLine(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown } | undefined;
  const message = typeof e?.message === "string" ? e.message.split("\n")[0] : String(error);
  return typeof e?.code === "string" && !message.includes(e.code)
    ? `${e.code}: ${message}`
    : message;
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

/**
 * Runs `invoke` as the program's call `describe` records, unless no evaluation records calls or
 * the call is made inside another the program made (STS, which the SDK calls for web-identity
 * credentials inside the program's call, is that call's). The program gets a promise that settles
 * as the call's does: one it leaves unhandled is still unhandled, as without the engine.
 */
function recorded(describe: () => Recorded, invoke: () => unknown): unknown {
  const log = current;
  if (log === undefined || context.getStore() !== undefined) {
    return invoke();
  }
  const call = describe();
  log.push(call);
  const result = context.run(call, invoke);
  if (!(result instanceof Promise)) {
    return result;
  }
  return result.then(undefined, (e: unknown) => {
    call.failed = errorLine(e);
    throw e;
  });
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
    return recorded(
      () => {
        const call: Recorded = { service: serviceOf(this), operation: operationOf(command) };
        resolveInto(this.config?.region, (value) => {
          if (typeof value === "string" && value !== "") {
            call.region = value;
          }
        });
        // An endpoint the program gives the client (`endpoint`) is where its calls go, whatever
        // the region says.
        const custom = (this.config as { isCustomEndpoint?: unknown } | undefined)
          ?.isCustomEndpoint;
        resolveInto(custom === false ? undefined : this.config?.endpoint, (value) => {
          const host = endpointHost(value);
          if (host !== undefined) {
            call.endpoint = host;
          }
        });
        return call;
      },
      () => send.call(this, command, ...rest),
    );
  };
  Object.defineProperty(proto, wrapped, { value: true });
}

/** An Alibaba Cloud OpenAPI client as its generated product clients leave it configured. */
interface OpenApiClient {
  /** The host its requests go to, resolved from the region when the program names none. */
  readonly _endpoint?: unknown;
  readonly _regionId?: unknown;
}

/**
 * Wraps `callApi` of the Alibaba Cloud OpenAPI client (`@alicloud/openapi-client`'s default
 * export, which every generated product client extends) once: each call is recorded with its
 * action and the endpoint and region its client was configured with. Without credentials it
 * sends nothing at all, not even a lookup of them, so only the client can say where it calls.
 */
function wrapOpenApiClient(loaded: unknown): void {
  const proto = (loaded as { default?: { prototype?: Record<PropertyKey, unknown> } } | null)
    ?.default?.prototype;
  if (proto === undefined || typeof proto.callApi !== "function" || proto[wrapped] === true) {
    return;
  }
  const callApi = proto.callApi as (this: OpenApiClient, ...args: unknown[]) => unknown;
  proto.callApi = function (this: OpenApiClient, params: unknown, ...rest: unknown[]) {
    return recorded(
      () => {
        const endpoint =
          typeof this._endpoint === "string"
            ? endpointHost(`https://${this._endpoint}`)
            : undefined;
        const action = (params as { action?: unknown } | null)?.action;
        return {
          cloud: "alicloud",
          service: endpoint?.split(/[.-]/)[0]?.toUpperCase() ?? "OpenAPI",
          operation: typeof action === "string" ? action : "unknown",
          ...(endpoint === undefined ? {} : { endpoint }),
          ...(typeof this._regionId === "string" && this._regionId !== ""
            ? { region: this._regionId }
            : {}),
        };
      },
      () => callApi.call(this, params, ...rest),
    );
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
 * Records the program's calls through the AWS SDK v3 and Alibaba Cloud's OpenAPI SDK into `log`
 * until the returned function is called. The module loader is watched for the modules of their
 * client classes while it runs.
 */
export function recordSdkCalls(log: Recorded[]): () => void {
  const mod = Module as unknown as { _load: Loader };
  const load = mod._load;
  mod._load = function (this: unknown, request, parent, isMain) {
    const loaded = load.call(this, request, parent, isMain);
    if (clientModules.has(request)) {
      wrapClient(loaded);
    } else if (request === "@alicloud/openapi-client" || request === "@alicloud/openapi-core") {
      wrapOpenApiClient(loaded);
    }
    return loaded;
  };
  current = log;
  return () => {
    current = undefined;
    mod._load = load;
  };
}
