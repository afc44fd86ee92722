/**
 * What the offline engine records of a program: every registered resource with the options and
 * references the Pulumi engine itself would see. This is the common input of the resource tree,
 * the policy pack and the border analysis.
 */

/** A callback the engine could not run on stand-ins for unknown values, and why. */
export interface CallbackFailure {
  /** The callback's name, or the start of its source. */
  readonly callback: string;
  readonly reason: string;
  /** The URNs of the resources the value it ran on depends on (the SDK's own record). */
  readonly dependsOn?: readonly string[];
}

/**
 * A request the program itself sent over the network while it ran (engine/program-loop.ts): a
 * `fetch`, an `https.request`, or a client built on them — a cloud SDK, axios. Its query string is
 * left out (it may carry a token).
 */
export interface ProgramRequest {
  readonly method: string;
  /** `https://acme.s3.eu-west-1.amazonaws.com/customers.json`: origin and path, no query. */
  readonly url: string;
  /** The host name or address it was sent to, lower-cased, without brackets or port. */
  readonly host: string;
  /** Why it got no answer (an error, or the program ending first); absent when answered. */
  readonly failed?: string;
  /** Sent for a call of the program's through a cloud SDK (`sdkCalls`), not by the program itself. */
  readonly bySdkCall?: true;
}

/** A TCP connection the program opened itself: the host (lower-cased, no brackets) and port. */
export interface ProgramConnection {
  readonly host: string;
  readonly port: number;
  /** A UDP datagram's destination (dgram's `send`); a TCP connection's otherwise. */
  readonly protocol?: "udp";
}

/**
 * A call the program made through a cloud's SDK while it ran (engine/sdk-calls.ts): the AWS SDK
 * v3, or Alibaba Cloud's OpenAPI SDK.
 */
export interface SdkCall {
  /** Whose API: AWS's unless it says Alibaba Cloud's. */
  readonly cloud?: "alicloud";
  /** `Organizations`. */
  readonly service: string;
  /** `ListAccounts`. */
  readonly operation: string;
  /** The region the client was configured for, when it could be read. */
  readonly region?: string;
  /** The host of the endpoint the program gave the client, if it gave one: where calls go. */
  readonly endpoint?: string;
  /** Why it failed, when it did (offline: no credentials). */
  readonly failed?: string;
}

export interface RecordedResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  /** True for provider-backed resources (and providers), false for components and the stack. */
  readonly custom: boolean;
  /** URN of the parent resource (the stack for top-level resources). */
  readonly parent?: string;
  /** URN of the provider resource that manages it — explicit, or the synthesised default. */
  readonly provider?: string;
  /** URNs this resource depends on (explicit and through its inputs). */
  readonly dependencies: readonly string[];
  /** Input property → URNs of the resources its value came from. */
  readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
  readonly protect: boolean;
  readonly retainOnDelete: boolean;
  readonly deleteBeforeReplace: boolean;
  readonly ignoreChanges: readonly string[];
  readonly additionalSecretOutputs: readonly string[];
  readonly aliases: readonly string[];
  /** Inputs in the Pulumi wire form (secrets and resource references keep their signature keys). */
  readonly inputs: Readonly<Record<string, unknown>>;
  /** Outputs the offline engine synthesised for the resource (inputs plus computed values). */
  readonly outputs: Readonly<Record<string, unknown>>;
  readonly id?: string;
  /** True for a default provider the engine synthesised from stack config. */
  readonly synthesized?: boolean;
  /**
   * The program's line that declares it (the first frame outside the SDK and its constructors),
   * where the evaluation was asked to record it (`EvaluateOptions.sourcePositions`).
   */
  readonly source?: { readonly file: string; readonly line: number };
  /**
   * True for a multi-language (remote) component: its children are registered by its plugin
   * under the Pulumi CLI, so offline it has none.
   */
  readonly remote?: boolean;
  /**
   * True for a multi-language component the engine rendered as its provider would (a Kubernetes
   * `yaml/v2` ConfigFile or ConfigGroup, engine/yaml-v2.ts): its children are recorded.
   */
  readonly renderedOffline?: boolean;
  /** Why the engine could not render such a component offline (a manifest fetched from a URL). */
  readonly notRendered?: string;
  /**
   * Top-level inputs that hold a value computed in a callback the engine ran on stand-ins for
   * unknown values (engine/invokes/callbacks.ts), and so are unknown: `pulumi preview` of a new
   * stack does not run that callback at all.
   */
  readonly standInInputs?: readonly string[];
}

/**
 * A record with the options a resource has when its program sets none (not protected, no
 * dependencies, no aliases …); `fields` gives the rest. For the engine's synthesised resources
 * and for tests that build plans by hand.
 */
export function recordOf(
  fields: Pick<RecordedResource, "urn" | "type" | "name" | "custom"> & Partial<RecordedResource>,
): RecordedResource {
  return {
    dependencies: [],
    propertyDependencies: {},
    protect: false,
    retainOnDelete: false,
    deleteBeforeReplace: false,
    ignoreChanges: [],
    additionalSecretOutputs: [],
    aliases: [],
    inputs: {},
    outputs: {},
    ...fields,
  };
}

export interface Plan {
  readonly project: string;
  readonly stack: string;
  /** The program file that was evaluated. */
  readonly program: string;
  /** The stack config the program ran with (flat, namespaced). */
  readonly config: Readonly<Record<string, string>>;
  /**
   * Every resource, in the order the program constructed them (engine/evaluate.ts
   * inConstructionOrder); default providers come just before their first user.
   */
  readonly resources: readonly RecordedResource[];
  /**
   * Provider functions the engine answered wholly or partly with unknown values (engine/invokes),
   * as `pulumi preview` shows values it cannot know yet.
   */
  readonly unknownFunctions?: readonly string[];
  /**
   * Of those, the functions the engine answers whose answers were unknown only because their
   * arguments were (an IAM policy document over an output not known offline).
   */
  readonly unknownArgumentFunctions?: readonly string[];
  /**
   * Callbacks the program runs on unknown values that failed on the engine's stand-ins for them
   * (engine/invokes/callbacks.ts): what they would declare was not seen.
   */
  readonly failedCallbacks?: readonly CallbackFailure[];
  /**
   * The requests the program itself sent over the network while it ran, in the order sent: what
   * they carry is no resource, and no policy of the pack sees them (engine/program-requests.ts).
   */
  readonly programRequests?: readonly ProgramRequest[];
  /** The calls the program made through a cloud's SDK while it ran, in order. */
  readonly sdkCalls?: readonly SdkCall[];
  /**
   * The hosts the program itself connected to over TCP while it ran, other than through its
   * requests (a database client's socket, a raw `net.connect`), each once, in order.
   */
  readonly programConnections?: readonly ProgramConnection[];
  /**
   * What each worker thread the program started while it ran runs (its file, or "code given as
   * text"): what a worker sends is not recorded.
   */
  readonly programWorkers?: readonly string[];
  /**
   * The worker threads libraries started while the program ran (`esbuild: node_modules/esbuild/
   * lib/main.js`, esbuild's synchronous API): what a worker sends is not recorded, as what a
   * command sends is not.
   */
  readonly libraryWorkers?: readonly string[];
  /** The commands the program ran while it ran (`execSync("aws s3 cp …")`), each once, in order. */
  readonly programCommands?: readonly string[];
  /**
   * Which of `programCommands` a library ran, by its package (`@pulumi/eks` asking
   * `aws --version`): named so in the advice on commands.
   */
  readonly libraryCommands?: readonly { readonly command: string; readonly package: string }[];
  /**
   * The program's CommonJS entry exports a default function (`export default async () => …`),
   * which the language host never calls: whatever it would declare is not created.
   */
  readonly uncalledDefaultExport?: boolean;
  /**
   * The program's own code (or a library of its own, not a Pulumi SDK) asked
   * `pulumi.runtime.isDryRun()`, which is true offline as under `pulumi preview`: what it
   * declares only when it deploys was not seen.
   */
  readonly asksDryRun?: boolean;
  /**
   * The program asked `pulumi.getOrganization()`, which is `organization` offline (a DIY
   * backend's answer), and put the answer into no resource (a stack reference's name, an input):
   * what it declares only in another organization was not seen.
   */
  readonly asksOrganization?: boolean;
  /**
   * The secret config keys the program read, whose values cannot be decrypted offline, and put
   * into no resource's input: it got a placeholder that names the key, so what it declares only
   * for the real value was not seen.
   */
  readonly readsSecrets?: readonly string[];
  /**
   * Where the program set the timers it `unref`'d and left pending when it ended (`index.ts:7:3`):
   * under pulumi up the deployment's own calls keep the process running, so such a timer may
   * fire there, and what it declares was not seen.
   */
  readonly unrefdTimers?: readonly string[];
  /** The stack's outputs (exports of the program). */
  readonly outputs: Readonly<Record<string, unknown>>;
  /** The state backend Pulumi.yaml pins, if any — where the stack's checkpoint would go. */
  readonly backendUrl?: string;
  /** The stack file's `secretsprovider:`, if any. */
  readonly secretsProvider?: string;
}

/** The package of a type token: `alicloud:oss/bucket:Bucket` → `alicloud`. */
export function packageOf(type: string): string {
  if (type.startsWith("pulumi:providers:")) {
    return type.slice("pulumi:providers:".length);
  }
  return type.split(":")[0];
}

/**
 * The packages whose resources the engine gives computed outputs (engine/synth.ts: an ARN, an
 * ID, a name the provider draws, an image's digest), as their providers would at preview. A
 * resource of any other package (`aws-native`, `gcp`, …) is answered with its inputs alone:
 * every other output is not known offline, as the SDK reads an output the answer leaves out.
 */
export const computedPackages: ReadonlySet<string> = new Set([
  "aws",
  "alicloud",
  "kubernetes",
  "random",
  "docker",
  "docker-build",
]);

export function isProviderType(type: string): boolean {
  return type.startsWith("pulumi:providers:");
}

/**
 * What `pulumi.getOrganization()` answers offline: the organization the Pulumi CLI gives every
 * stack of a self-managed (DIY) backend. Programs use it to name things (an ESC environment, an
 * OIDC audience); without one the SDK throws and the program could not be checked at all.
 */
export const offlineOrganization = "organization";
