/**
 * Resource transforms (`transforms` resource option, `pulumi.runtime.registerResourceTransform`)
 * run offline as the Pulumi engine runs them. Under the CLI the SDK registers each transform with
 * its callback server and sends the engine a callback reference; the engine calls it with the
 * resource's inputs and options before it registers the resource, and registers what the
 * transform returns — a region, a provider, any input may change there. A guard that skipped
 * them would judge inputs the stack never deploys.
 *
 * Offline there is no engine to call back over gRPC, so the same SDK code registers the
 * transforms in this process (`CallbackServer.prototype.registerTransform`, which serialises the
 * request and response exactly as it does for the engine), and the monitor runs them
 * (`applyTransforms`) in the engine's order: the resource's own, then each ancestor's, nearest
 * first, then the stack's.
 */
import { randomUUID } from "node:crypto";
import type * as CallbackProto from "@pulumi/pulumi/proto/callback_pb";
import type * as ResourceProto from "@pulumi/pulumi/proto/resource_pb";
import type { RegisterResourceRequest } from "@pulumi/pulumi/proto/resource_pb";
import { sdkRequire } from "./internals";

const pulumiSdk = sdkRequire("../index") as {
  output(v: unknown): { promise(): Promise<unknown> };
};
const resourceProto = sdkRequire("../proto/resource_pb") as typeof ResourceProto;
const callbackProto = sdkRequire("../proto/callback_pb") as typeof CallbackProto;

/** The SDK's callback server; only its registration method is used, on an in-process table. */
interface SdkCallbackServer {
  registerTransform(this: InProcessCallbacks, transform: unknown): Promise<CallbackRef>;
}
const { CallbackServer } = sdkRequire("./callbacks") as {
  CallbackServer: { prototype: SdkCallbackServer };
};

interface CallbackRef {
  getToken(): string;
}

type Invoke = (request: Uint8Array) => Promise<ResourceProto.TransformResponse>;

/**
 * What the SDK reads of its callback server (`store.callbacks`): transforms registered for one
 * resource or for the stack, and the wait for stack registrations before each resource.
 */
export class InProcessCallbacks {
  /** Read by the SDK's `registerTransform`: the callbacks by token, and the server's address. */
  readonly _callbacks = new Map<string, Invoke>();
  readonly _target = Promise.resolve("offline");
  /**
   * Read by the SDK's `registerTransform` since 3.260, which also hands each transform to its
   * monitor when that is the SDK's own mock (`recordTransformCallback`): none here, since the
   * engine's monitor runs the transforms itself by token (`applyTransforms`).
   */
  readonly _monitor = {};
  /** The stack's transforms, by token, in the order the program registered them. */
  readonly stackTransforms: string[] = [];
  private readonly pending: Promise<void>[] = [];

  registerTransform(transform: unknown): Promise<CallbackRef> {
    return CallbackServer.prototype.registerTransform.call(this, withKnownAliases(transform));
  }

  registerStackTransform(transform: unknown): void {
    this.pending.push(
      this.registerTransform(transform).then((ref) => {
        this.stackTransforms.push(ref.getToken());
      }),
    );
  }

  /** Invoke transforms change a lookup's arguments; offline the lookups are answered unchanged. */
  registerStackInvokeTransform(): never {
    throw new Error(
      "invoke transforms (pulumi.runtime.registerInvokeTransform) are not run offline, and the lookups they would change cannot be answered without them; check the stack under the Pulumi CLI",
    );
  }

  /**
   * Resource hooks and error hooks run at deployment, around the engine's steps on a resource
   * (after it is created, when an operation on it fails): they change nothing the program
   * registers, and `pulumi preview` runs none but a hook marked `onDryRun`. Offline they are
   * taken, as the engine takes them, and never run.
   */
  registerResourceHook(): Promise<void> {
    return Promise.resolve();
  }

  registerErrorHook(): Promise<void> {
    return Promise.resolve();
  }

  /**
   * A state migration rewrites a resource's stored state when the engine reads it from an
   * earlier deployment: offline there is no stored state, so it is taken and never run.
   */
  registerStateMigration(): Promise<CallbackRef> {
    const ref = new callbackProto.Callback();
    ref.setToken(randomUUID());
    ref.setTarget("offline");
    return Promise.resolve(ref);
  }

  async awaitStackRegistrations(): Promise<void> {
    await Promise.all(this.pending);
  }

  shutdown(): void {
    // Nothing listens: there is no server to stop.
  }

  /** Runs the transform registered under `token` on a serialised request. */
  run(
    token: string,
    request: ResourceProto.TransformRequest,
  ): Promise<ResourceProto.TransformResponse> {
    const invoke = this._callbacks.get(token);
    if (invoke === undefined) {
      return Promise.reject(new Error(`transform ${token} was never registered`));
    }
    return invoke(request.serializeBinary());
  }
}

type Transform = (args: unknown) => unknown;

/**
 * `transform` with the aliases it returns that are not known offline left out: an alias to a
 * multi-language component's output (`{ parent: cluster.eksCluster.urn }`, as @pulumi/eks's
 * `createManagedNodeGroup` adds), which its plugin computes under the Pulumi CLI, resolves to
 * nothing here, and the SDK would fail reading it. An alias only carries a resource's state over
 * from another name; it never changes where the resource is.
 */
function withKnownAliases(transform: unknown): Transform {
  return async (args) => {
    const result = (await (transform as Transform)(args)) as
      | { opts?: { aliases?: unknown[] } }
      | undefined;
    const aliases = result?.opts?.aliases;
    if (!Array.isArray(aliases)) {
      return result;
    }
    const known = await Promise.all(
      aliases.map(async (a) => (await pulumiSdk.output(a).promise()) !== undefined),
    );
    return { ...result, opts: { ...result!.opts, aliases: aliases.filter((_, i) => known[i]) } };
  };
}

/**
 * Runs `tokens` on the registration `req` in order, each on what the one before returned, and
 * writes the last result back into `req`: its inputs and the options a transform may change.
 */
export async function applyTransforms(
  callbacks: InProcessCallbacks,
  req: RegisterResourceRequest,
  tokens: readonly string[],
): Promise<void> {
  let props = req.getObject();
  let opts = optionsOf(req);
  for (const token of tokens) {
    const request = new resourceProto.TransformRequest();
    request.setType(req.getType());
    request.setName(req.getName());
    request.setCustom(req.getCustom());
    request.setParent(req.getParent());
    if (props !== undefined) {
      request.setProperties(props);
    }
    request.setOptions(opts);
    const response = await callbacks.run(token, request);
    props = response.getProperties() ?? props;
    opts = response.getOptions() ?? opts;
  }
  if (props !== undefined) {
    req.setObject(props);
  }
  req.setDependenciesList(opts.getDependsOnList());
  optional(
    opts.getProtect(),
    (v) => req.setProtect(v),
    () => req.clearProtect(),
  );
  req.setIgnorechangesList(opts.getIgnoreChangesList());
  req.setReplaceonchangesList(opts.getReplaceOnChangesList());
  req.setVersion(opts.getVersion());
  req.setAliasesList(opts.getAliasesList());
  req.setProvider(opts.getProvider());
  const providers = req.getProvidersMap();
  providers.clear();
  opts.getProvidersMap().forEach((v, k) => providers.set(k, v));
  req.setPlugindownloadurl(opts.getPluginDownloadUrl());
  optional(
    opts.getRetainOnDelete(),
    (v) => req.setRetainondelete(v),
    () => req.clearRetainondelete(),
  );
  req.setDeletedwith(opts.getDeletedWith());
  req.setDeletebeforereplace(opts.getDeleteBeforeReplace() === true);
  req.setAdditionalsecretoutputsList(opts.getAdditionalSecretOutputsList());
  const timeouts = opts.getCustomTimeouts();
  if (timeouts !== undefined) {
    req.setCustomtimeouts(timeouts);
  }
  // A transform's inputs hold no dependencies offline: each input keeps those it was given.
  const kept = new Set(Object.keys(req.getObject()?.toJavaScript() ?? {}));
  const deps = req.getPropertydependenciesMap();
  for (const key of [...deps.keys()]) {
    if (!kept.has(key)) {
      deps.del(key);
    }
  }
}

/** The options the engine hands a transform, from the registration. */
function optionsOf(req: RegisterResourceRequest): ResourceProto.TransformResourceOptions {
  const opts = new resourceProto.TransformResourceOptions();
  opts.setDependsOnList(req.getDependenciesList());
  optional(
    req.getProtect(),
    (v) => opts.setProtect(v),
    () => opts.clearProtect(),
  );
  opts.setIgnoreChangesList(req.getIgnorechangesList());
  opts.setReplaceOnChangesList(req.getReplaceonchangesList());
  opts.setVersion(req.getVersion());
  opts.setAliasesList(req.getAliasesList());
  opts.setProvider(req.getProvider());
  const providers = opts.getProvidersMap();
  req.getProvidersMap().forEach((v, k) => providers.set(k, v));
  const timeouts = req.getCustomtimeouts();
  if (timeouts !== undefined) {
    opts.setCustomTimeouts(timeouts);
  }
  opts.setPluginDownloadUrl(req.getPlugindownloadurl());
  optional(
    req.getRetainondelete(),
    (v) => opts.setRetainOnDelete(v),
    () => opts.clearRetainOnDelete(),
  );
  opts.setDeletedWith(req.getDeletedwith());
  opts.setDeleteBeforeReplace(req.getDeletebeforereplace());
  opts.setAdditionalSecretOutputsList(req.getAdditionalsecretoutputsList());
  return opts;
}

/** Sets an optional field to `v`, or clears it when `v` is unset. */
function optional<T>(v: T | undefined, set: (v: T) => void, clear: () => void): void {
  if (v === undefined) {
    clear();
  } else {
    set(v);
  }
}
