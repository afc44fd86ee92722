/**
 * A resource monitor for the offline engine: the SDK's own MockMonitor, extended to record what
 * the user-facing mock callback drops — parent, provider reference, dependencies, property
 * dependencies and resource options — exactly as the Pulumi engine receives them.
 */
import * as fs from "node:fs";
import { fileURLToPath } from "node:url";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import { getOrganization } from "@pulumi/pulumi/runtime/settings";
import * as providerProto from "@pulumi/pulumi/proto/provider_pb";
import type * as ResourceProto from "@pulumi/pulumi/proto/resource_pb";
import type {
  ReadResourceRequest,
  RegisterResourceRequest,
  ResourceCallRequest,
} from "@pulumi/pulumi/proto/resource_pb";
import type * as StructProto from "google-protobuf/google/protobuf/struct_pb";
import type { MockResourceArgs, MockCallArgs } from "@pulumi/pulumi/runtime/mocks";
import { answerInvoke, type CreatedResource, pluginStandIn, unknownMark } from "./invokes/index";
import {
  markedInputsOf,
  noteRead,
  standInText,
  withStandInMarksUnknown,
} from "./invokes/callbacks";
import { wholeAnswer } from "./invokes/unknowns";
import { isProviderType, packageOf, recordOf, type RecordedResource } from "./plan";
import { declaredStackOutputsOf } from "../residency/stack-outputs";
import { previewState, regionOfResource, synthesizeState } from "./synth";
import { withoutResourceRefs } from "./analyzer-wire";
import { applyTransforms, type InProcessCallbacks } from "./transforms";
import {
  holdsResourceRef,
  holdsUnknown,
  plainProps,
  unknownValue,
  withoutOutputValues,
} from "./wire";
import { qualifiedType } from "../residency/urn";
import { renderYamlV2, type RenderedObject, yamlV2Types } from "./yaml-v2";
import { findPlugin, type MissingPlugin, type Plugin, PluginHost } from "./plugins";
import { sdkRequire } from "./internals";

/** The SDK's resource messages, to register what a rendered component holds. */
const resourceProto = sdkRequire("../proto/resource_pb") as typeof ResourceProto;

/** google-protobuf's `Struct`, from the SDK's own dependencies (this package does not list it). */
const structProto = sdkRequire("google-protobuf/google/protobuf/struct_pb") as typeof StructProto;

type Callback = (err: Error | null, resp?: { getUrn(): string; getId(): string }) => void;

/** The type of the stack resource every program runs in; the engine leaves it out of URNs. */
const rootStackType = "pulumi:pulumi:Stack";

/** How long a listened-to evaluation runs before it lets the event loop turn. */
const yieldEveryMs = 5;

export class RecordingMonitor extends MockMonitor {
  readonly recorded: RecordedResource[] = [];
  private readonly urns = new Set<string>();
  /**
   * Provider functions answered wholly or partly with unknown values, and stack references
   * (`pulumi:pulumi:StackReference <stack>`) whose outputs are unknown, in call order.
   */
  readonly unknownFunctions = new Set<string>();
  /**
   * Of those, functions answered so in some call because an argument was not known (a policy
   * document over an output not known offline; installUnknownInvokes adds those the SDK answers
   * itself) …
   */
  readonly unknownArgumentFunctions = new Set<string>();
  /** … and functions answered so for any other reason (the engine cannot answer, no region). */
  readonly unknownOtherwise = new Set<string>();
  /**
   * Of those, the cloud functions answered so because neither the call nor its provider names a
   * region (a provider configured by a profile, or a default provider without `<cloud>:region`):
   * the providers' names ("default" for a default provider) — where a region would have made them
   * known.
   */
  readonly regionlessFunctions = new Map<string, Set<string>>();
  /**
   * Told of each resource as it is recorded (a streaming analysis, engine/analyzer.ts). A
   * program's evaluation against this in-process monitor is one long chain of promise jobs that
   * never returns to the event loop, so while someone listens, registration yields to it every
   * few milliseconds: the listener's own I/O (requests to the pack, its answers) moves meanwhile.
   */
  onRecord?: (r: RecordedResource) => void;
  private lastYield = performance.now();
  /** The event loop's next turn, which every registration waits for once one is due. */
  private turn: Promise<void> | undefined;
  private readonly providerProps = new Map<string, Record<string, unknown>>();
  /** The program's custom resources by `<type> <id>`, for lookups by ID (`createdResource`). */
  private readonly createdById = new Map<string, RecordedResource>();
  private readonly defaultProviders = new Map<string, RecordedResource>();
  /** The other stacks' outputs the stack config declares, read at the first stack reference. */
  private stackOutputs?: ReturnType<typeof declaredStackOutputsOf>;
  /** The transforms the program registers (engine/transforms.ts), once the SDK is set up. */
  programCallbacks?: InProcessCallbacks;
  /** Each resource's own transforms by URN, which its children inherit, and its parent. */
  private readonly ownTransforms = new Map<string, readonly string[]>();
  private readonly parentOf = new Map<string, string>();
  /** Runs multi-language components' plugins (engine/plugins.ts), for this evaluation. */
  private readonly plugins = new PluginHost(
    {
      registerResource: (req, cb) => this.registerResource(req as RegisterResourceRequest, cb),
      registerResourceOutputs: (req, cb) =>
        this.registerResourceOutputs(req as ResourceProto.RegisterResourceOutputsRequest, cb),
      readResource: (req, cb) => this.readResource(req as ReadResourceRequest, cb),
      supportsFeature: (req, cb) => this.supportsFeature(req, cb),
      invoke: (req, cb) => this.invokeForPlugin(req as ResourceProto.ResourceInvokeRequest, cb),
      call: (req, cb) => {
        // A resource's method, which offline no provider runs: a plugin computing with its
        // unknown answer would build on nothing, so its construction fails instead (closed).
        const tok = (req as ResourceCallRequest).getTok();
        this.unknownFunctions.add(tok);
        this.unknownOtherwise.add(tok);
        cb(new Error(`${tok} is a resource method, which no provider answers offline`));
      },
    },
    () => this.rootUrn(),
  );
  /**
   * The program's registrations of components a plugin constructs now, by parent, type and name:
   * the plugin registers the component itself, which is then recorded with what the program gave.
   */
  private readonly constructing = new Map<string, Construction>();
  /** The plugins looked for, by package and version. */
  private readonly pluginLookups = new Map<string, Plugin | MissingPlugin>();
  /** The components plugins registered as the program's, by URN. */
  private readonly pluginComponents = new Set<string>();

  constructor(
    private readonly project: string,
    private readonly stack: string,
    /** Flat stack config; `<package>:<key>` entries configure default providers. */
    private readonly config: Readonly<Record<string, string>>,
    /**
     * Answer as `pulumi preview` does on a stack with nothing deployed: what a provider computes
     * on create is unknown (engine/synth.ts `previewState`).
     */
    private readonly firstPreview = false,
  ) {
    super({
      newResource: (args: MockResourceArgs) => this.newResource(args),
      call: (args: MockCallArgs) => this.answerFunction(args),
    });
    // The mock's own (private) URN maker, which its registrations and reads call.
    Object.assign(this, {
      newUrn: (parent: string, type: string, name: string) => this.urnOf(parent, type, name),
    });
  }

  /** Stops the plugins still running (the evaluation ended). */
  disposePlugins(): void {
    this.plugins.dispose();
  }

  /** The stack resource's URN, which a resource registered with no parent hangs from. */
  private rootUrn(): string {
    return (
      this.recorded.find((r) => r.type === rootStackType)?.urn ??
      `urn:pulumi:${this.stack}::${this.project}::${rootStackType}::${this.project}-${this.stack}`
    );
  }

  /**
   * The URN the Pulumi engine gives a resource: the parent's whole qualified type before the
   * resource's own (`acme:index:Blue$acme:index:Part$aws:s3/bucket:Bucket`), the root stack's
   * left out — as the SDK's `createUrn` computes aliases. The SDK's mock keeps only the parent's
   * last type and the stack's: two parts of one type and name under different components would
   * share a URN, and every URN would differ from the one `pulumi preview` reports.
   */
  private urnOf(parent: string, type: string, name: string): string {
    const parentType = parent === "" ? "" : qualifiedType(parent);
    const qualified =
      parentType === "" || parentType === rootStackType ? type : `${parentType}$${type}`;
    return `urn:pulumi:${this.stack}::${this.project}::${qualified}::${name}`;
  }

  /**
   * A method of a resource (`cluster.getKubeconfig(…)` of an `eks.Cluster`): the resource's
   * provider runs it at deployment — a multi-language component's plugin, which offline creates
   * nothing. Its answer is unknown, as a provider function's the engine cannot answer (the
   * runtime's `call` is wrapped to read it so, engine/invokes/unknowns.ts), and it depends on the
   * resource it was called on, as under the Pulumi CLI: a Kubernetes provider built from the
   * kubeconfig a cluster component returns is tied to that component.
   *
   * The gRPC method the SDK's `runtime.call` reaches; not the mocks' `call`, which answers
   * provider functions (`answerFunction`).
   */
  call(
    req: ResourceCallRequest,
    callback: (err: Error | null, resp?: providerProto.CallResponse) => void,
  ): void {
    try {
      const token = req.getTok();
      this.unknownFunctions.add(token);
      this.unknownOtherwise.add(token);
      const self = (req.getArgs()?.toJavaScript() as { __self__?: { urn?: unknown } } | undefined)
        ?.__self__?.urn;
      const resp = new providerProto.CallResponse();
      resp.setReturn(structProto.Struct.fromJavaScript({ [wholeAnswer]: unknownMark }));
      if (typeof self === "string") {
        const deps = new providerProto.CallResponse.ReturnDependencies();
        deps.setUrnsList([self]);
        resp.getReturndependenciesMap().set(wholeAnswer, deps);
      }
      callback(null, resp);
    } catch (e) {
      callback(e as Error);
    }
  }

  /**
   * A provider function a plugin calls while it constructs a component. The plugin's SDK would
   * read an unknown answer's parts as absent where the program's reads them as unknown
   * (engine/invokes/unknowns.ts), so an answer that is not wholly known fails the construction,
   * and the component is reported unseen (closed), naming the function — but for the functions
   * whose answer a plugin gets as a stand-in (engine/invokes/index.ts, `pluginStandIn`).
   */
  private invokeForPlugin(
    req: ResourceProto.ResourceInvokeRequest,
    callback: (err: Error | null, resp?: unknown) => void,
  ): void {
    void super.invoke(req, (err: Error | null, resp?: ResourceProto.ResourceInvokeResponse) => {
      const answer = err ? undefined : JSON.stringify(resp?.getReturn()?.toJavaScript() ?? {});
      const standIn =
        answer !== undefined && resp !== undefined && answer.includes(wholeAnswer)
          ? pluginStandIn(
              req.getTok(),
              (req.getArgs()?.toJavaScript() ?? {}) as Record<string, unknown>,
              standInText,
            )
          : undefined;
      if (standIn !== undefined && resp !== undefined) {
        resp.setReturn(
          structProto.Struct.fromJavaScript(standIn as Record<string, StructProto.JavaScriptValue>),
        );
        callback(null, resp);
      } else if (
        answer !== undefined &&
        (answer.includes(unknownMark) || answer.includes(wholeAnswer))
      ) {
        callback(
          new Error(`${req.getTok()} has an answer only the cloud knows, which offline is unknown`),
        );
      } else {
        callback(err, resp);
      }
    });
  }

  /** Answers a provider function offline (engine/invokes); unknown parts carry `unknownMark`. */
  private answerFunction(args: MockCallArgs): Record<string, unknown> {
    const providerProps = this.providerPropsFor(args.token, args.provider ?? "");
    const given = withStandInMarksUnknown(args.inputs as Record<string, unknown>);
    let answer;
    try {
      answer = answerInvoke(args.token, given, {
        providerProps,
        config: this.config,
        created: (type, id) => this.createdResource(type, id),
      });
    } catch (e) {
      // The SDK reports a failed invoke by the error's `details`, as gRPC errors carry it.
      const err = new Error(`${args.token}: ${(e as Error).message}`);
      (err as Error & { details?: string }).details = err.message;
      throw err;
    }
    if (!answer.known) {
      this.unknownFunctions.add(args.token);
      this.unknownOtherwise.add(args.token);
      return { [wholeAnswer]: unknownMark };
    }
    if (JSON.stringify(answer.result).includes(unknownMark)) {
      this.unknownFunctions.add(args.token);
      const text = JSON.stringify(given);
      (text.includes(unknownValue) || text.includes(unknownMark)
        ? this.unknownArgumentFunctions
        : this.unknownOtherwise
      ).add(args.token);
      const cloud = packageOf(args.token);
      const inputs = args.inputs as Record<string, unknown>;
      if (
        (cloud === "aws" || cloud === "alicloud") &&
        typeof providerProps.region !== "string" &&
        typeof inputs.region !== "string"
      ) {
        const provider = args.provider
          ? (args.provider.split("::").slice(0, -1).pop() ?? "")
          : "default";
        const providers = this.regionlessFunctions.get(args.token) ?? new Set<string>();
        providers.add(provider);
        this.regionlessFunctions.set(args.token, providers);
      }
    }
    return answer.result;
  }

  private newResource(args: MockResourceArgs): { id: string; state: Record<string, unknown> } {
    if (args.type === "pulumi:pulumi:StackReference") {
      // Another stack's outputs are read from its state at deployment; offline they are what the
      // stack config declares of them (residency/stack-outputs.ts), else unknown, as a preview
      // shows a value it cannot know yet.
      const stack = String((args.inputs as { name?: unknown }).name ?? args.name);
      this.stackOutputs ??= declaredStackOutputsOf(this.config);
      const declared = this.stackOutputs;
      const outputs = "outputs" in declared ? declared.outputs[stack] : undefined;
      if (outputs === undefined) {
        this.unknownFunctions.add(`pulumi:pulumi:StackReference ${stack}`);
      }
      return {
        id: stack,
        state: { name: stack, outputs: outputs ?? unknownValue, secretOutputNames: [] },
      };
    }
    if (!args.custom) {
      // A component. The program's own components register no inputs (they set their outputs
      // themselves); a multi-language one (`awsx.ec2.Vpc`) is answered by its plugin, which
      // offline does not run: every output is unknown, as at preview — not its inputs handed
      // back, which the SDK would take for outputs of the same name (`natGateways`: the NAT
      // gateways created, asked for with `{ strategy: "Single" }`).
      return { id: "", state: {} };
    }
    const providerProps = this.providerPropsFor(args.type, args.provider ?? "");
    const synth = {
      type: args.type,
      name: args.name,
      inputs: args.inputs as Record<string, unknown>,
      providerProps,
      stackAccount: this.config["sovereign-dc:accountId"],
      stackRegion: this.config[`${packageOf(args.type)}:region`],
      // A resource read by ID (`Queue.get`) or imported: the SDK's mocks hand the ID on.
      existingId: args.id,
      created: (type: string, id: string) => this.createdResource(type, id),
    };
    const made = synthesizeState(synth);
    // A first preview knows a provider's settings and what is read from the cloud, not what a
    // create will return.
    return this.firstPreview && !isProviderType(args.type) && !args.id
      ? previewState(synth, made)
      : made;
  }

  private providerPropsFor(type: string, ref: string): Record<string, unknown> {
    if (ref !== "") {
      return this.providerProps.get(ref.split("::").slice(0, -1).join("::")) ?? {};
    }
    if (isProviderType(type)) {
      return {};
    }
    return this.defaultProviderConfig(packageOf(type));
  }

  /** True when stack config `pulumi:disable-default-providers` names `pkg` (or "*"). */
  private defaultProviderDisabled(pkg: string): boolean {
    const raw = this.config["pulumi:disable-default-providers"];
    if (raw === undefined) {
      return false;
    }
    let list: unknown;
    try {
      list = JSON.parse(raw);
    } catch {
      list = raw.split(",").map((s) => s.trim());
    }
    return Array.isArray(list) && (list.includes("*") || list.includes(pkg));
  }

  /** The props a default provider of `pkg` gets: its `<pkg>:*` stack config keys. */
  private defaultProviderConfig(pkg: string): Record<string, unknown> {
    const props: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this.config)) {
      if (k.startsWith(`${pkg}:`)) {
        props[k.slice(pkg.length + 1)] = v;
      }
    }
    return props;
  }

  /**
   * The default providers a multi-language component's children would use. Offline its plugin
   * registers nothing, but under the Pulumi CLI the resources it creates without an explicit
   * provider (`providers: { aws: … }`) get the stack's default provider of their package, which
   * the engine creates then: recorded here too, when the stack config gives that provider a region,
   * so that resource-placement judges the region the component's resources land in. The version
   * is the one an earlier resource's default provider has, else the installed SDK's.
   */
  private defaultProvidersOfComponent(type: string, req: RegisterResourceRequest): void {
    for (const pkg of componentClouds[packageOf(type)] ?? []) {
      if (
        req.getProvidersMap().has(pkg) ||
        this.config[`${pkg}:region`] === undefined ||
        this.defaultProviderDisabled(pkg)
      ) {
        continue;
      }
      const known = [...this.defaultProviders.keys()].find((k) => k.startsWith(`${pkg}@`));
      this.defaultProviderUrn(pkg, known?.slice(pkg.length + 1) ?? installedVersion(pkg));
    }
  }

  private defaultProviderUrn(pkg: string, version: string): string {
    const key = `${pkg}@${version}`;
    const existing = this.defaultProviders.get(key);
    if (existing) {
      return existing.urn;
    }
    const name = `default${version ? `_${version.replace(/[.-]/g, "_")}` : ""}`;
    const type = `pulumi:providers:${pkg}`;
    const urn = `urn:pulumi:${this.stack}::${this.project}::${type}::${name}`;
    const props = this.defaultProviderConfig(pkg);
    if (version) {
      props.version = version;
    }
    const provider = recordOf({
      urn,
      type,
      name,
      custom: true,
      inputs: props,
      outputs: props,
      id: `${name}-id`,
      synthesized: true,
    });
    this.defaultProviders.set(key, provider);
    this.record(provider);
    return urn;
  }

  /**
   * Waits for the event loop's next turn once a turn is due. Every registration arriving
   * meanwhile waits for the same turn, in the order it arrived, so the program's job chain
   * really pauses (one chain waiting alone would not: the others would run on).
   */
  private async yieldWhenDue(): Promise<void> {
    while (this.onRecord) {
      if (this.turn) {
        await this.turn;
      } else if (performance.now() - this.lastYield > yieldEveryMs) {
        this.turn = new Promise((resolve) =>
          setImmediate(() => {
            this.turn = undefined;
            this.lastYield = performance.now();
            resolve();
          }),
        );
      } else {
        return;
      }
    }
  }

  /**
   * The transforms a resource under `parent` runs, in the engine's order: its `own`, then each
   * ancestor's own, nearest first, then the stack's.
   */
  private transformsFor(parent: string, own: readonly string[]): readonly string[] {
    const stack = this.programCallbacks?.stackTransforms ?? [];
    if (this.ownTransforms.size === 0 && stack.length === 0) {
      // No resource or stack transform registered yet: nothing to walk, on every registration.
      return own;
    }
    const out = [...own];
    for (let at: string | undefined = parent; at; at = this.parentOf.get(at)) {
      out.push(...(this.ownTransforms.get(at) ?? []));
    }
    out.push(...stack);
    return out;
  }

  /**
   * A resource of `type` the program created with ID `id`, as a lookup by that ID reads it back:
   * its outputs in plain values (unknowns marked for the invoke answers) and its region (its own
   * `region`, else its provider's).
   */
  private createdResource(type: string, id: string): CreatedResource | undefined {
    const r = this.createdById.get(`${type} ${id}`);
    if (r === undefined) {
      return undefined;
    }
    const outputs = plainProps(r.outputs, { markUnknowns: unknownMark });
    const own = outputs.region;
    const provider = r.provider === undefined ? undefined : this.providerProps.get(r.provider);
    const region =
      typeof own === "string" && own !== ""
        ? own
        : typeof provider?.region === "string"
          ? provider.region
          : undefined;
    return { outputs, region };
  }

  private record(r: RecordedResource): void {
    if (r.parent !== undefined) {
      this.parentOf.set(r.urn, r.parent);
    }
    if (r.custom && typeof r.id === "string" && r.id !== "") {
      this.createdById.set(`${r.type} ${r.id}`, r);
    }
    this.urns.add(r.urn);
    this.recorded.push(r);
    this.onRecord?.(r);
  }

  /**
   * The features of the Pulumi engine the SDK asks for, as the mocks answer them but output
   * values, which they turn off: the SDK sends them only in a multi-language component's inputs
   * (and a resource method's arguments), where its plugin must get them as under the CLI
   * (engine/plugins.ts). The monitor records those inputs without them (`givenInputs`).
   */
  override supportsFeature(
    req: { getId(): string },
    callback: (err: Error | null, resp?: { getHassupport(): boolean }) => void,
  ): void {
    if (req.getId() === "outputValues") {
      callback(null, { getHassupport: () => true });
      return;
    }
    super.supportsFeature(req as never, callback as never);
  }

  /** The same, for an SDK that asks for every feature at once (3.260 and later). */
  getDeploymentInfo(req: unknown, callback: (err: Error | null, resp?: unknown) => void): void {
    const own = (MockMonitor.prototype as { getDeploymentInfo?: MockMonitor["getDeploymentInfo"] })
      .getDeploymentInfo;
    if (own === undefined) {
      callback(new Error("GetDeploymentInfo is not implemented"));
      return;
    }
    own.call(
      this,
      req as never,
      ((err: Error | null, resp?: ResourceProto.DeploymentInfo) => {
        const outputValues =
          resourceProto.ResourceMonitorFeature.RESOURCE_MONITOR_FEATURE_OUTPUT_VALUES;
        if (resp !== undefined && !resp.getSupportedfeaturesList().includes(outputValues)) {
          resp.addSupportedfeatures(outputValues);
        }
        callback(err, resp);
      }) as never,
    );
  }

  /**
   * A component's outputs, kept as the mocks keep a resource's state: plain, so that reading the
   * component back by its URN (`pulumi:pulumi:getResource`, as the SDK rehydrates a reference a
   * plugin's answer holds) answers it. The mocks keep the protobuf message, which they cannot
   * answer with.
   */
  override registerResourceOutputs(
    req: ResourceProto.RegisterResourceOutputsRequest,
    callback: (err: Error | null, resp?: unknown) => void,
  ): void {
    const registered = this.resources.get(req.getUrn());
    if (registered === undefined) {
      super.registerResourceOutputs(req, callback as never);
      return;
    }
    registered.state = (req.getOutputs()?.toJavaScript() ?? {}) as typeof registered.state;
    callback(null, {});
  }

  override readResource(req: ReadResourceRequest, callback: Callback): Promise<void> {
    namedAsText(req);
    // The region the resource is read in, as its state's is synthesised: the marks of its
    // addresses carry it, and a script's copy to one is placed there.
    const type = req.getType();
    noteRead(
      type,
      req.getName(),
      regionOfResource({
        type,
        name: req.getName(),
        inputs: (req.getProperties()?.toJavaScript() ?? {}) as Record<string, unknown>,
        providerProps: this.providerPropsFor(type, req.getProvider()),
        existingId: req.getId(),
      }),
    );
    return super.readResource(req, callback);
  }

  override async registerResource(req: RegisterResourceRequest, callback: Callback): Promise<void> {
    namedAsText(req);
    // A plugin registering the component it constructs for the program: its transforms ran on
    // the program's registration, which it stands for.
    const construction = req.getRemote()
      ? undefined
      : this.constructing.get(constructionKey(req.getParent(), req.getType(), req.getName()));
    if (construction?.abandoned === true) {
      // The plugin failed to construct it and the program's registration stands for it now.
      callback(new Error(`the construction of ${req.getType()} "${req.getName()}" failed`));
      return;
    }
    // The transforms run first, as the engine runs them: what they return is what is registered.
    const own = construction?.own ?? req.getTransformsList().map((t) => t.getToken());
    const transforms = construction ? [] : this.transformsFor(req.getParent(), own);
    if (transforms.length > 0 && this.programCallbacks !== undefined) {
      try {
        await applyTransforms(this.programCallbacks, req, transforms);
      } catch (e) {
        callback(e instanceof Error ? e : new Error(String(e)));
        return;
      }
    }
    const type = req.getType();
    const custom = req.getCustom();
    const providerRef = req.getProvider();
    let providerUrn: string | undefined;
    /** Why a multi-language component's plugin did not construct it offline. */
    let notConstructed: string | undefined;
    if (custom && !isProviderType(type)) {
      if (providerRef === "" && this.defaultProviderDisabled(packageOf(type))) {
        // The Pulumi engine refuses the same way when the stack disables default providers.
        callback(
          new Error(
            `Default provider for '${packageOf(type)}' disabled. '${type}' resource '${req.getName()}' must use an explicit provider (stack config pulumi:disable-default-providers).`,
          ),
        );
        return;
      }
      providerUrn =
        providerRef !== ""
          ? providerRef.split("::").slice(0, -1).join("::")
          : this.defaultProviderUrn(packageOf(type), req.getVersion());
    }
    // A multi-language component whose plugin is installed is constructed by it; one whose
    // plugin is not stays unseen, saying why.
    const plugin =
      req.getRemote() && !yamlV2Types.has(type)
        ? this.pluginFor(packageOf(type), req.getVersion())
        : undefined;
    if (plugin !== undefined && "file" in plugin) {
      const unseen = await this.constructByPlugin(plugin, req, own, callback);
      if (unseen === undefined) {
        return;
      }
      notConstructed = unseen;
    } else if (plugin !== undefined) {
      notConstructed = plugin.missing;
    }
    if (req.getRemote()) {
      this.defaultProvidersOfComponent(type, req);
    }
    const propertyDependencies: Record<string, string[]> = {};
    req.getPropertydependenciesMap().forEach((deps, key) => {
      propertyDependencies[key] = deps.getUrnsList();
    });
    // A callback run on stand-ins for unknown values (invokes/callbacks.ts) builds strings from
    // them: what holds one is unknown — but for a script the compute runs, whose text the pack
    // reads, the marks standing for the values it cannot know.
    const given = givenInputs(req);
    const inputs =
      construction?.inputs ?? withStandInMarksUnknown(given, custom ? markedInputsOf(type) : []);
    const standInInputs =
      construction?.standInInputs ?? Object.keys(given).filter((k) => given[k] !== inputs[k]);
    if (custom && holdsResourceRef(inputs)) {
      // A provider is given a resource handed to an input as that resource's ID (a component's
      // as its URN), and its state holds that text: `bucket: pet` names the bucket after the
      // pet's ID. The recorded inputs keep the reference, as the engine forwards it to the pack.
      req.setObject(
        structProto.Struct.fromJavaScript(
          withoutResourceRefs(inputs) as Record<string, StructProto.JavaScriptValue>,
        ),
      );
    }
    const parent = req.getParent();
    // A yaml/v2 component's objects, as its provider would register them under it.
    const rendering =
      req.getRemote() && yamlV2Types.has(type) ? this.renderYaml(type, req, inputs) : undefined;
    const rendered = rendering !== undefined && "rendered" in rendering ? rendering : undefined;
    let constructed: { resp: Parameters<Callback>[1] } | undefined;
    await this.yieldWhenDue();
    await super.registerResource(req, (err, resp) => {
      if (!err && resp && notConstructed !== undefined && this.urns.has(resp.getUrn())) {
        // The plugin's own registration of the component landed after it failed: that record
        // stands for the program's, and says why what it holds was not all seen.
        this.markNotConstructed(resp.getUrn(), notConstructed);
        callback(null, resp);
        return;
      }
      if (!err && resp && this.urns.has(resp.getUrn())) {
        // Two resources of one type and name under the same parent: the Pulumi engine refuses
        // the second, and so the program, in these words.
        callback(
          new Error(`Duplicate resource URN '${resp.getUrn()}'; try giving it a unique name`),
        );
        return;
      }
      if (!err && resp) {
        const urn = resp.getUrn();
        if (own.length > 0) {
          this.ownTransforms.set(urn, own);
        }
        if (construction) {
          this.pluginComponents.add(urn);
        }
        const state = (this.resources.get(urn)?.state ?? {}) as Record<string, unknown>;
        if (isProviderType(type)) {
          this.providerProps.set(urn, plainProps(inputs));
        }
        this.record({
          urn,
          type,
          name: req.getName(),
          custom,
          parent: parent !== "" ? parent : undefined,
          provider: providerUrn,
          dependencies: req.getDependenciesList(),
          propertyDependencies,
          protect: req.getProtect() === true,
          retainOnDelete: req.getRetainondelete() === true,
          deleteBeforeReplace: req.getDeletebeforereplace(),
          ignoreChanges: req.getIgnorechangesList(),
          additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
          aliases: req.getAliasurnsList(),
          inputs,
          outputs: withStandInMarksUnknown(
            withUnknownInputs(state, inputs),
            custom ? markedInputsOf(type) : [],
          ),
          id: custom ? resp.getId() : undefined,
          ...sourceOf(req),
          ...(req.getRemote() || construction ? { remote: true } : {}),
          ...(rendered !== undefined || construction ? { renderedOffline: true } : {}),
          ...(rendering !== undefined && "opaque" in rendering
            ? { notRendered: rendering.opaque }
            : {}),
          ...(notConstructed !== undefined ? { notRendered: notConstructed } : {}),
          ...(standInInputs.length > 0 ? { standInInputs } : {}),
        });
      }
      if (!err && resp && rendered !== undefined) {
        constructed = { resp };
        return;
      }
      callback(err, resp);
    });
    if (constructed !== undefined && rendered !== undefined) {
      // The component's registration returns once its objects are registered, as its provider's
      // Construct returns once it has registered them.
      const component = constructed.resp;
      try {
        for (const o of rendered.rendered) {
          await this.registerChild(o, component?.getUrn() ?? "", req);
        }
      } catch (e) {
        callback(e instanceof Error ? e : new Error(String(e)));
        return;
      }
      callback(null, component);
    }
  }

  /**
   * Asks the component's plugin to construct it, as `pulumi preview` does: the plugin registers
   * the component and what it creates with this monitor, and its answer (the component's URN and
   * outputs) answers the program's registration. Undefined once answered; else why the plugin
   * did not construct it, and the component is registered as one not seen.
   */
  private async constructByPlugin(
    plugin: Plugin,
    req: RegisterResourceRequest,
    own: readonly string[],
    callback: Callback,
  ): Promise<string | undefined> {
    const type = req.getType();
    const parent = req.getParent();
    const key = constructionKey(parent, type, req.getName());
    const given = givenInputs(req);
    const inputs = withStandInMarksUnknown(given);
    const construction: Construction = {
      underWay: `${type} ${JSON.stringify(req.getName())} (${plugin.file})`,
      own,
      inputs,
      standInInputs: Object.keys(given).filter((k) => given[k] !== inputs[k]),
    };
    this.constructing.set(key, construction);
    const request = new providerProto.ConstructRequest();
    request.setProject(this.project);
    request.setStack(this.stack);
    request.setOrganization(getOrganization());
    for (const [k, v] of Object.entries(this.config)) {
      request.getConfigMap().set(k, v);
    }
    request.setDryrun(true);
    request.setParallel(16);
    request.setType(type);
    request.setName(req.getName());
    request.setParent(parent);
    request.setInputs(req.getObject());
    req.getPropertydependenciesMap().forEach((deps, k) => {
      const d = new providerProto.ConstructRequest.PropertyDependencies();
      d.setUrnsList(deps.getUrnsList());
      request.getInputdependenciesMap().set(k, d);
    });
    req.getProvidersMap().forEach((ref, pkg) => request.getProvidersMap().set(pkg, ref));
    request.setDependenciesList(req.getDependenciesList());
    request.setProtect(req.getProtect() === true);
    request.setAliasesList(req.getAliasesList());
    request.setIgnorechangesList(req.getIgnorechangesList());
    request.setReplaceonchangesList(req.getReplaceonchangesList());
    request.setRetainondelete(req.getRetainondelete() === true);
    request.setDeletedwith(req.getDeletedwith());
    try {
      const constructed = await this.plugins.construct(
        plugin,
        request,
        this.providerPropsFor(type, req.getProvider()),
        this.underConstruction(parent),
      );
      const resp = new resourceProto.RegisterResourceResponse();
      resp.setUrn(constructed.getUrn());
      const state = constructed.getState();
      if (state !== undefined) {
        resp.setObject(state);
      }
      constructed.getStatedependenciesMap().forEach((deps, k) => {
        const d = new resourceProto.RegisterResourceResponse.PropertyDependencies();
        d.setUrnsList(deps.getUrnsList());
        resp.getPropertydependenciesMap().set(k, d);
      });
      callback(null, resp);
      return undefined;
    } catch (e) {
      const why = `its plugin (${plugin.file}) failed to construct it: ${(e as Error).message}`;
      const urn = this.urnOf(parent, type, req.getName());
      if (!this.markNotConstructed(urn, why)) {
        // The program's registration is recorded instead; one the plugin sends late is refused.
        this.constructing.set(key, { ...construction, abandoned: true });
        return why;
      }
      const resp = new resourceProto.RegisterResourceResponse();
      resp.setUrn(urn);
      callback(null, resp);
      return undefined;
    } finally {
      if (this.constructing.get(key)?.abandoned !== true) {
        this.constructing.delete(key);
      }
    }
  }

  /** The components plugins are constructing now, each with its plugin. */
  constructionsUnderWay(): string[] {
    return [...this.constructing.values()]
      .filter((c) => c.abandoned !== true)
      .map((c) => c.underWay);
  }

  /** The plugin of a package's version, looked for once an evaluation (engine/plugins.ts). */
  private pluginFor(pkg: string, version: string): Plugin | MissingPlugin {
    const key = `${pkg}@${version}`;
    let found = this.pluginLookups.get(key);
    if (found === undefined) {
      found = findPlugin(pkg, version);
      this.pluginLookups.set(key, found);
    }
    return found;
  }

  /** Whether `urn` is, or is under, a component a plugin constructed: a plugin registers there. */
  private underConstruction(urn: string): boolean {
    for (let at: string | undefined = urn; at; at = this.parentOf.get(at)) {
      if (this.pluginComponents.has(at)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Marks the recorded component `urn` as one its plugin registered but failed to construct: what
   * it holds was not all seen. False when it is not recorded.
   */
  private markNotConstructed(urn: string, why: string): boolean {
    const at = this.recorded.findIndex((r) => r.urn === urn);
    if (at < 0) {
      return false;
    }
    this.recorded[at] = { ...this.recorded[at], renderedOffline: undefined, notRendered: why };
    return true;
  }

  /** A yaml/v2 component's rendering (engine/yaml-v2.ts), from its inputs as registered. */
  private renderYaml(type: string, req: RegisterResourceRequest, inputs: Record<string, unknown>) {
    // The provider's own namespace, or the default provider's (kubernetes:namespace).
    const configured = this.providerPropsFor(type, this.kubernetesProviderRef(req)).namespace;
    return renderYamlV2(
      type,
      req.getName(),
      plainProps(inputs) ?? {},
      process.cwd(),
      typeof configured === "string" && configured !== "" ? configured : "default",
    );
  }

  /** The Kubernetes provider a component's children use: the one it was given, else the default. */
  private kubernetesProviderRef(req: RegisterResourceRequest): string {
    return req.getProvidersMap().get("kubernetes") ?? req.getProvider();
  }

  /**
   * Registers one object of a rendered component under it, as its provider would: through the
   * component's Kubernetes provider, of the component's package version.
   */
  private registerChild(
    o: RenderedObject,
    parent: string,
    component: RegisterResourceRequest,
  ): Promise<void> {
    const child = new resourceProto.RegisterResourceRequest();
    child.setType(o.type);
    child.setName(o.name);
    child.setParent(parent);
    child.setCustom(true);
    child.setProvider(this.kubernetesProviderRef(component));
    child.setVersion(component.getVersion());
    child.setObject(
      structProto.Struct.fromJavaScript(o.inputs as Record<string, StructProto.JavaScriptValue>),
    );
    return new Promise((resolve, reject) => {
      void this.registerResource(child, (err) => (err ? reject(err) : resolve()));
    });
  }
}

/**
 * A resource named in a callback on a value the engine does not know offline is named by its
 * stand-in (engine/invokes/callbacks.ts), which the SDK passes on as it is: the name becomes the
 * stand-in's text, a mark the URN and the findings show, as a string name would be.
 */
function namedAsText(req: { getName(): string; setName(name: string): unknown }): void {
  const name: unknown = req.getName();
  if (typeof name !== "string") {
    req.setName(String(name));
  }
}

/** The cloud packages whose resources a multi-language component package creates. */
const componentClouds: Readonly<Record<string, readonly string[]>> = {
  awsx: ["aws"],
  eks: ["aws"],
};

/** The version of the SDK package `pkg` the program resolves (from its folder), or "". */
function installedVersion(pkg: string): string {
  try {
    const file = require.resolve(`@pulumi/${pkg}/package.json`, { paths: [process.cwd()] });
    const doc = JSON.parse(fs.readFileSync(file, "utf8")) as { version?: unknown };
    return typeof doc.version === "string" ? doc.version : "";
  } catch {
    return "";
  }
}

/**
 * The outputs to record: the synthesised state, except that an input not known before
 * deployment stays unknown. (The SDK hands the mock its inputs with unknowns already dropped, as
 * an update would; the policies that read outputs must see the unknown and fail closed, as they
 * would at preview — an unknown replication destination is not an absent one.)
 */
function withUnknownInputs(
  state: Record<string, unknown>,
  inputs: Record<string, unknown>,
): Record<string, unknown> {
  const unknownKeys = Object.keys(inputs).filter((k) => holdsUnknown(inputs[k]));
  if (unknownKeys.length === 0) {
    return state;
  }
  return { ...state, ...Object.fromEntries(unknownKeys.map((k) => [k, inputs[k]])) };
}

/**
 * A registration's inputs in the wire form the engine records. The SDK sends a multi-language
 * component's inputs with output values, as to the Pulumi engine (engine/evaluate.ts), so that its
 * plugin gets them as under the CLI; recorded, they read as every other resource's.
 */
function givenInputs(req: RegisterResourceRequest): Record<string, unknown> {
  const given = (req.getObject()?.toJavaScript() ?? {}) as Record<string, unknown>;
  return req.getRemote() ? (withoutOutputValues(given) as Record<string, unknown>) : given;
}

/** What the program registered of a component its plugin constructs now. */
interface Construction {
  /** The component and the plugin constructing it, as a stalled evaluation names them. */
  readonly underWay: string;
  /** Set once the plugin failed before it registered the component. */
  readonly abandoned?: boolean;
  readonly own: readonly string[];
  readonly inputs: Record<string, unknown>;
  readonly standInInputs: readonly string[];
}

/** A component's registration by parent, type and name: the program's and its plugin's agree. */
function constructionKey(parent: string, type: string, name: string): string {
  return `${parent}\u0000${type}\u0000${name}`;
}

/**
 * The program's line that declares a registration: the first frame of its stack trace in a file
 * of the machine outside any package (`node_modules`) — a library's resources (an awsx
 * component's, a Lambda mixin's) are the program's call to the library — else none.
 */
function sourceOf(
  request: Pick<ResourceProto.RegisterResourceRequest, "getSourceposition" | "getStacktrace">,
): { source: { file: string; line: number } } | Record<string, never> {
  const frames =
    request
      .getStacktrace()
      ?.getFramesList()
      .map((f) => f.getPc()) ?? [];
  for (const pc of frames.length > 0 ? frames : [request.getSourceposition()]) {
    const uri = pc?.getUri() ?? "";
    if (!uri.startsWith("file:") || !(pc!.getLine() > 0)) {
      continue;
    }
    const file = fileURLToPath(uri);
    if (!file.split(/[\\/]/).includes("node_modules")) {
      return { source: { file, line: pc!.getLine() } };
    }
  }
  return {};
}
