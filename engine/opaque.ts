/**
 * What the offline engine cannot see into. Some components get their resources from outside the
 * program: a multi-language component (`@pulumi/awsx`, `@pulumi/eks`, Kubernetes `helm.sh/v4`
 * charts, `yaml/v2`, `kustomize/v2`) from its plugin, a Helm v3 chart or a v1 kustomization from
 * a provider function. Under `pulumi preview` those resources exist and the pack judges them;
 * offline they do not (unless the component's plugin is installed and constructs it,
 * engine/plugins.ts), and a stack whose contents were never seen must not pass as sealed. The
 * pack cannot report this itself (it only sees what was registered), so the engine adds one
 * finding per such component under the policy name `offline-visibility`.
 *
 * A Helm v3 Release is not one of them: its objects never become Pulumi resources, under the CLI
 * either, and the pack's own `helm-releases` fails it wherever it runs. A second finding here would
 * report the same blind spot twice.
 */
import type { Level, PolicyPackConfig } from "./analyzer";
import type { Violation } from "./check";
import {
  type CallbackFailure,
  computedPackages,
  isProviderType,
  offlineOrganization,
  packageOf,
  type Plan,
  type RecordedResource,
} from "./plan";
import { holdsUnknown } from "./wire";
import { cliCheckCommands } from "./project";
import { typeChain } from "../residency/urn";

export const offlineVisibility = {
  name: "offline-visibility",
  description:
    "Checks whether the offline engine could see the resources inside every component of the program.",
  severity: "high",
  remediationSteps:
    "Check the stack under the Pulumi CLI, where plugins and providers create those resources: " +
    `${cliCheckCommands("<stack>")} ` +
    "A multi-language component whose plugin is installed here (pulumi plugin install resource " +
    "<package> <version>) is constructed by it offline. " +
    'A team that gates on that preview may set "offline-visibility": "advisory" in --policy-config.',
} as const;

/** The enforcement levels `offline-visibility` takes: it can be lowered, never turned off. */
export const offlineVisibilityLevels: readonly Level[] = ["mandatory", "advisory"];

/**
 * Local components whose resources a provider function returns. Offline no provider renders a
 * chart or a kustomization: the function's answer is unknown (engine/invokes), the component's
 * code does not run on it, and it registers none. `kubernetes:yaml:decode` is a plain YAML parse
 * an engine can answer: a v1 ConfigFile or ConfigGroup is reported only when it decoded nothing.
 */
const renderedByFunction: Readonly<Record<string, string>> = {
  "kubernetes:helm.sh/v3:Chart":
    "it renders them with the provider function kubernetes:helm:template, which only the Kubernetes provider can answer (it fetches the chart and runs helm template), and offline its rendering is unknown",
  "kubernetes:kustomize:Directory":
    "it builds them with the provider function kubernetes:kustomize:directory, which only the Kubernetes provider can answer (it runs kustomize on the directory), and offline its output is unknown",
  "kubernetes:yaml:ConfigFile":
    "it decodes them with the provider function kubernetes:yaml:decode, and offline it decoded none",
  "kubernetes:yaml:ConfigGroup":
    "it decodes them with the provider function kubernetes:yaml:decode, and offline it decoded none",
};

/** Why a component's resources were not seen offline, or undefined when they were or need not be. */
function whyOpaque(r: RecordedResource): string | undefined {
  if (r.renderedOffline === true) {
    // Rendered as its provider renders it (engine/yaml-v2.ts): its objects went through the pack.
    return undefined;
  }
  if (
    r.remote === true &&
    r.notRendered !== undefined &&
    r.type.startsWith("kubernetes:yaml/v2:")
  ) {
    return `it is a multi-language component whose objects the ${packageOf(r.type)} provider renders from its manifests when the Pulumi CLI runs the program, and offline the engine could not (${r.notRendered})`;
  }
  if (r.remote === true && r.notRendered !== undefined) {
    // Its plugin is not installed, or failed offline (engine/plugins.ts).
    return `it is a multi-language component: the ${packageOf(r.type)} plugin creates them when the Pulumi CLI runs the program, and offline ${r.notRendered}`;
  }
  if (r.remote === true) {
    return `it is a multi-language component: the ${packageOf(r.type)} plugin creates them when the Pulumi CLI runs the program, and offline none exist`;
  }
  return renderedByFunction[r.type];
}

/** The level `offline-visibility` is set to in a pack config (mandatory unless lowered). */
export function offlineVisibilityLevel(config: PolicyPackConfig | undefined): Level {
  return config?.[offlineVisibility.name]?.enforcementLevel === "advisory"
    ? "advisory"
    : "mandatory";
}

/** The mark of a finding `offline-visibility` reports at `level`: lowered where it is advisory. */
function loweredMark(level: Level): { readonly lowered?: true } {
  return level === "advisory" ? { lowered: true } : {};
}

/**
 * How to check what the engine cannot see offline: the same pack, under the Pulumi CLI, on the
 * project in `projectDir`, typed in `from` (cliCheckCommands).
 */
export function checkUnderCli(stack: string, projectDir?: string, from?: string): string {
  return `Check it with credentials under the Pulumi CLI: ${cliCheckCommands(stack, projectDir, from)}`;
}

/**
 * One finding for each component whose resources come from a plugin or provider function and
 * were not seen. A chart or kustomization with recorded children is left alone: what it rendered
 * went through the pack. A multi-language component never is: offline its plugin registers
 * nothing, so what the plan holds under it is only what the program's own code parented to it
 * (a Kubernetes provider an SDK mixin builds from the cluster, a resource given `parent: vpc`),
 * never the resources the plugin creates. Each says how to check them under the Pulumi CLI, on
 * the project in `projectDir` (the current folder's, when not given).
 */
export function opaqueViolations(
  plan: Plan,
  config?: PolicyPackConfig,
  projectDir?: string,
): Violation[] {
  const parents = new Set(plan.resources.map((r) => r.parent));
  const level = offlineVisibilityLevel(config);
  const lowered = loweredMark(level);
  const fix = checkUnderCli(plan.stack, projectDir);
  const out: Violation[] = [];
  for (const r of plan.resources) {
    if (r.custom || (r.remote !== true && parents.has(r.urn))) {
      continue;
    }
    const why = whyOpaque(r);
    if (why === undefined) {
      continue;
    }
    out.push({
      policy: offlineVisibility.name,
      level,
      ...lowered,
      resourceType: r.type,
      resourceName: r.name,
      message: `${r.type} ${JSON.stringify(r.name)} must have its resources checked, but ${why}, so nothing inside it was checked. ${fix}`,
      path: null,
      urn: r.urn,
    });
  }
  // What the program's own code left unseen, on the stack, advised on.
  const unseen = [
    ...(plan.uncalledDefaultExport === true
      ? [
          `whose CommonJS entry exports a default function (export default), which the Pulumi CLI's language host never calls: whatever it would declare is neither created by pulumi up nor checked here. Make the function the module itself (export = async () => { … }), or call it from the entry.`,
        ]
      : []),
    ...(plan.asksDryRun === true
      ? [
          "which asks whether it runs as a preview (pulumi.runtime.isDryRun()): the answer is true here, as under pulumi preview, so whatever it declares only when it deploys was not checked; the pack judges it when pulumi up runs, and an update it fails does not proceed. Declare resources whatever the answer, or check the stack with the pack under pulumi up.",
        ]
      : []),
    ...(plan.asksOrganization === true
      ? [
          `which asks for its Pulumi organization (pulumi.getOrganization()) and puts the answer into no resource: offline it is ${JSON.stringify(offlineOrganization)}, as a self-managed backend answers, so whatever it declares only in another organization was not checked. Declare resources whatever the answer, or check the stack with the pack under the Pulumi CLI.`,
        ]
      : []),
    ...(plan.unrefdTimers !== undefined && plan.unrefdTimers.length > 0
      ? [
          `which leaves ${plan.unrefdTimers.length === 1 ? "a timer" : `${plan.unrefdTimers.length} timers`} it unref'd pending when it ends (set at ${plan.unrefdTimers.join(", ")}): nothing waits for ${plan.unrefdTimers.length === 1 ? "it" : "them"} here, but under pulumi up the deployment keeps the process running, so ${plan.unrefdTimers.length === 1 ? "it" : "each"} may fire there, and whatever ${plan.unrefdTimers.length === 1 ? "it declares" : "they declare"} was not checked. Await the work before the program ends, or leave the timer referenced.`,
        ]
      : []),
    ...(plan.readsSecrets !== undefined && plan.readsSecrets.length > 0
      ? [
          `which reads the secret config value${plan.readsSecrets.length === 1 ? "" : "s"} ${plan.readsSecrets.join(", ")}, which cannot be decrypted offline, and puts ${plan.readsSecrets.length === 1 ? "it" : "them"} into no resource's input: it got a placeholder that names the key, so whatever it declares only for the real value (a branch on it) was not checked. Give the check a stack file with the value in plain text, or check the stack with the pack under the Pulumi CLI.`,
        ]
      : []),
  ];
  const stack = plan.resources.find((r) => r.type === "pulumi:pulumi:Stack");
  for (const what of unseen) {
    out.push({
      policy: offlineVisibility.name,
      level: "advisory",
      resourceType: stack?.type ?? "pulumi:pulumi:Stack",
      resourceName: stack?.name ?? plan.stack,
      message: `stack ${JSON.stringify(plan.stack)} runs ${plan.program}, ${what}`,
      path: null,
      urn: stack?.urn ?? null,
    });
  }
  return [...out, ...failedCallbackViolations(plan, level, fix)];
}

/**
 * One finding, on the stack, for the callbacks the program runs on values only the cloud can
 * tell that the engine could not run on its stand-ins (engine/invokes/callbacks.ts): under
 * `pulumi preview` they run on the real values, and whatever they declare is judged there.
 *
 * A callback whose value depends only on resources the program creates is told apart: their
 * outputs are not known to `pulumi preview` of a new stack either (the provider computes them
 * when it creates the resource), so preview skips the callback, and the pack judges what it
 * declares when `pulumi up` runs it. Its finding is advisory: offline the check sees what
 * preview sees. A value that depends on nothing recorded — a lookup's answer, another stack's
 * outputs, a resource read with `get` — is one preview knows.
 */
function failedCallbackViolations(plan: Plan, level: Level, fix: string): Violation[] {
  const failed = plan.failedCallbacks ?? [];
  const stack = plan.resources.find((r) => r.type === "pulumi:pulumi:Stack");
  if (failed.length === 0 || stack === undefined) {
    return [];
  }
  const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
  const createdBy = (f: CallbackFailure): RecordedResource[] | undefined => {
    // A stack reference or a read resource is not recorded: preview knows what they hold.
    const deps = (f.dependsOn ?? []).map((u) => byUrn.get(u));
    if (deps.length === 0 || deps.some((r) => r === undefined)) {
      return undefined;
    }
    return deps as RecordedResource[];
  };
  const which = (fs: readonly CallbackFailure[]) =>
    fs.map((f) => `${JSON.stringify(f.callback)}: ${f.reason}`).join("; ");
  const onCreated = failed.filter((f) => createdBy(f) !== undefined);
  const elsewhere = failed.filter((f) => createdBy(f) === undefined);
  const out: Violation[] = [];
  if (elsewhere.length > 0) {
    const answers = plan.unknownFunctions ?? [];
    const from =
      answers.length > 0
        ? `values the engine cannot know offline (the answers of ${answers.join(", ")})`
        : "values the engine cannot know offline";
    out.push({
      policy: offlineVisibility.name,
      level,
      ...loweredMark(level),
      resourceType: stack.type,
      resourceName: stack.name,
      message: `stack ${JSON.stringify(plan.stack)} must have every resource of its program checked, but ${elsewhere.length} callback(s) the program runs on ${from} could not run offline on stand-ins for them, so any resource they declare was not checked (${which(elsewhere)}). ${fix}`,
      path: null,
      urn: stack.urn,
    });
  }
  if (onCreated.length > 0) {
    const sources = [
      ...new Set(
        onCreated.flatMap((f) => createdBy(f)!.map((r) => `${r.type} ${JSON.stringify(r.name)}`)),
      ),
    ];
    out.push({
      policy: offlineVisibility.name,
      level: "advisory",
      resourceType: stack.type,
      resourceName: stack.name,
      message: `stack ${JSON.stringify(plan.stack)} has ${onCreated.length} callback(s) on outputs of resources the program creates (${sources.join(", ")}) that could not run offline on stand-ins for them (${which(onCreated)}). pulumi preview of a new stack does not know those outputs either and skips them: whatever they declare is judged by the pack when pulumi up runs them, and by pulumi preview once the resources exist.`,
      path: null,
      urn: stack.urn,
    });
  }
  return out;
}

/**
 * `…, but ingress[0].cidrBlocks[0] is not known at preview` (or `… is not known before deployment
 * (an output of another resource, or the answer of a lookup)`): the property a finding names.
 */
const notKnownAtPreview =
  /\bbut ([\w$]+)((?:\.[\w$]+|\[\d+\])*) is not known (?:at preview\b|before deployment \(an output of another resource, or the answer of a lookup\))/;

/**
 * The lookups of the stack's own account, which the engine answers from the account the stack
 * pins and leaves unknown otherwise (engine/invokes): how to pin it, said after a finding that
 * a value of theirs left undecided.
 */
const accountLookups: Readonly<Record<string, string>> = {
  "alicloud:index/getAccount:getAccount":
    "Offline, alicloud.getAccount answers with the account the provider pins: set accountId on the provider (alicloud:accountId for the default provider).",
  "alicloud:index/getCallerIdentity:getCallerIdentity":
    "Offline, alicloud.getCallerIdentity answers with the account the provider pins: set accountId on the provider (alicloud:accountId for the default provider).",
  "aws:index/getCallerIdentity:getCallerIdentity":
    "Offline, aws.getCallerIdentity answers with the account the stack declares: set sovereign-dc:accountId in the stack config (a provider that allows several accounts does not say which one deploys).",
};

/**
 * The findings with each "not known at preview" said as what it is offline, where the value
 * comes from what the engine cannot read: another stack's outputs (a `StackReference`, which
 * `pulumi preview` reads from that stack's state), a multi-language component (whose plugin
 * computes its outputs under the Pulumi CLI) or a resource read by ID — with the program's own
 * resources it depends on whose outputs are not known before deployment named as possible sources
 * too — or, no resource of the program having left it unknown, the answer of a lookup the engine
 * cannot answer. The level stays: offline the value is not known, and what it may open is not
 * decided.
 */
export function withOfflineSources(violations: readonly Violation[], plan: Plan): Violation[] {
  const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
  // The provider functions answered with unknown values (stack references are resources).
  const lookups = (plan.unknownFunctions ?? []).filter(
    (f) => !f.startsWith("pulumi:pulumi:StackReference"),
  );
  return violations.map((v) => {
    const m = v.urn === null ? null : notKnownAtPreview.exec(v.message);
    const r = v.urn === null ? undefined : byUrn.get(v.urn);
    if (m === null && r !== undefined) {
      return withKubeconfigReference(v, r, plan);
    }
    if (m === null || r === undefined) {
      return v;
    }
    // The finding, saying the value is not known offline and where it comes from.
    const comesFrom = (source: string): Violation => ({
      ...v,
      message: v.message
        .replace(m[0], `but ${m[1]}${m[2]} is not known offline: it comes from ${source}`)
        .replace(/ cannot be decided at preview\b/, " cannot be decided offline"),
    });
    // A stack reference is not recorded (it is no resource of the stack's): its URN names it.
    const deps = (r.propertyDependencies[m[1]] ?? []).map(
      (u) => byUrn.get(u) ?? { type: urnType(u), name: u.split("::").pop() ?? u },
    );
    const stackReference = (d: { type: string }) => d.type === "pulumi:pulumi:StackReference";
    // A component its plugin constructed offline is the program's own, as under the CLI: which
    // of its outputs its resources compute when deployed is not recorded, so it may be a source,
    // but no plugin the CLI runs and the engine did not is to blame.
    const constructedOffline = (d: object) =>
      "remote" in d &&
      d.remote === true &&
      "renderedOffline" in d &&
      d.renderedOffline === true &&
      !("notRendered" in d && d.notRendered !== undefined);
    const remote = (d: object) => "remote" in d && d.remote === true && !constructedOffline(d);
    // A resource of the program whose outputs are all known offline did not make it unknown —
    // unless it is of a package whose outputs the engine does not compute: then every output
    // beyond its inputs is not known offline (an aws-native resource's `arn`).
    const uncomputed = (d: { type: string }) =>
      "custom" in d &&
      d.custom === true &&
      !isProviderType(d.type) &&
      !computedPackages.has(packageOf(d.type));
    const sources = deps.filter(
      (d) =>
        stackReference(d) ||
        remote(d) ||
        constructedOffline(d) ||
        !("outputs" in d) ||
        holdsUnknown(d.outputs) ||
        uncomputed(d),
    );
    if (sources.length === 0 && r.standInInputs?.includes(m[1]) === true) {
      // Declared in a callback on a value not known at preview, run on a stand-in for it: no
      // resource or lookup is named, so neither is blamed.
      const found = comesFrom(
        "a callback the program runs on a value not known at preview, which the engine ran on a stand-in for it (pulumi preview of a new stack does not run it: what it declares is judged when pulumi up runs it)",
      );
      return {
        ...found,
        message: found.message.replace(
          /: no resource of this program provides it \(it is a lookup's answer or another stack's output\)\. Name a resource of this program \(its output\), or write the (\w+) as a literal\./,
          ". Write the $1 as a literal, or pass the output it comes from whole.",
        ),
      };
    }
    if (sources.length === 0 && lookups.length > 0) {
      // No resource of the program left it unknown: a lookup's answer did — one only the cloud
      // knows, or one whose arguments were not known offline (the engine or the SDK answered it
      // unknown for them, as pulumi preview does where they are not known yet).
      const computed = new Set(plan.unknownArgumentFunctions ?? []);
      const cloud = lookups.filter((f) => !computed.has(f));
      const fromArguments = lookups.filter((f) => computed.has(f));
      const said = [
        ...(cloud.length > 0
          ? [
              `the answer of a lookup the engine cannot answer (${cloud.join(", ")}), which pulumi preview reads from the cloud`,
            ]
          : []),
        ...(fromArguments.length > 0
          ? [
              `the answer of a lookup whose arguments are not known offline (${fromArguments.join(", ")})`,
            ]
          : []),
      ];
      // Resources of the program it depends on: an output the program never set (a log group's
      // `namePrefix`) is not known at preview either, though none is recorded unknown — the
      // lookup is only one of the possible sources (found on pulumi/examples: a task
      // definition's containers were blamed on an AMI lookup they never used).
      const own = deps.filter(
        (d) => "custom" in d && d.custom === true && !isProviderType(d.type) && "outputs" in d,
      );
      if (own.length > 0) {
        said.unshift(
          `an output of ${own.map((d) => `${d.type} ${JSON.stringify(d.name)}`).join(" or ")} the program did not set, which its provider computes at deployment`,
        );
      }
      const found = comesFrom(said.join(", or "));
      // The account lookups the engine answers once the account is pinned: the way to a verdict.
      const pinned = cloud.flatMap((f) =>
        accountLookups[f] === undefined ? [] : [accountLookups[f]],
      );
      return pinned.length === 0
        ? found
        : { ...found, message: `${found.message} ${[...new Set(pinned)].join(" ")}` };
    }
    // Not recorded, and no stack reference: an existing resource the program reads by ID
    // (`Queue.get`), which no policy judges (a read is not the stack's) and whose outputs the
    // engine leaves unknown when its ID is.
    const read = (d: object) => !("outputs" in d) && !stackReference(d as { type: string });
    const unread = sources.filter((d) => stackReference(d) || remote(d) || read(d));
    if (unread.length === 0) {
      return v;
    }
    const label = (d: { type: string; name: string }) => `${d.type} ${JSON.stringify(d.name)}`;
    const components = unread.filter(remote).map(label);
    const named = [
      ...unread
        .filter((d) => !remote(d))
        .map((d) =>
          stackReference(d)
            ? `another stack's outputs (StackReference ${JSON.stringify(d.name)}, which pulumi preview reads from that stack's state; declared under sovereign-dc:stackOutputs in the stack config, they are judged offline too)`
            : `the existing ${label(d)} the program reads by ID (\`get\`), whose state pulumi preview reads from the cloud`,
        ),
      ...(components.length === 0
        ? []
        : components.length === 1
          ? [
              `the multi-language component ${components[0]} (whose plugin computes it under the Pulumi CLI)`,
            ]
          : [
              `the multi-language components ${components.join(" and ")} (whose plugins compute them under the Pulumi CLI)`,
            ]),
    ];
    // Resources of the program it depends on too, with outputs not known offline themselves (a
    // target group in a VPC a lookup names): the value may come from them as well — unless each
    // of their unknown outputs is an input they were given from what is already named (a
    // security group given the component's VPC ID): then they add no source of their own.
    const unreadUrns = new Set(
      (r.propertyDependencies[m[1]] ?? []).filter((_u, i) => unread.includes(deps[i])),
    );
    const explained = (d: object, seen: Set<object>): boolean => {
      if (!("outputs" in d) || !("propertyDependencies" in d) || seen.has(d)) {
        return false;
      }
      seen.add(d);
      const outputs = d.outputs as Record<string, unknown>;
      const given = d.propertyDependencies as Record<string, readonly string[] | undefined>;
      const unknownAt = Object.keys(outputs).filter((k) => holdsUnknown(outputs[k]));
      return (
        unknownAt.length > 0 &&
        unknownAt.every((k) => {
          const from = given[k] ?? [];
          return (
            from.length > 0 &&
            from.every((u) => {
              const x = byUrn.get(u);
              return unreadUrns.has(u) || (x !== undefined && explained(x, new Set(seen)));
            })
          );
        })
      );
    };
    const also = sources.filter((d) => !unread.includes(d) && !explained(d, new Set())).map(label);
    return comesFrom(
      also.length === 0
        ? named.join(" and ")
        : `${named.join(" and ")}, or from an output of ${also.join(" or ")} not known before deployment`,
    );
  });
}

/**
 * A Kubernetes provider whose kubeconfig is another stack's output: offline that stack's state is
 * not read unless the stack config declares its outputs, as it may (`sovereign-dc:stackOutputs`);
 * the finding says so, since a declared EKS kubeconfig places its cluster as under the CLI.
 */
function withKubeconfigReference(v: Violation, r: RecordedResource, plan: Plan): Violation {
  if (
    v.policy !== "kubernetes-cluster-placement" ||
    !v.message.includes("its kubeconfig is not known until deployed") ||
    !(r.propertyDependencies.kubeconfig ?? []).some(
      (u) => urnType(u) === "pulumi:pulumi:StackReference",
    )
  ) {
    return v;
  }
  // The stacks read and not declared, by the name the config keys them with.
  const prefix = "pulumi:pulumi:StackReference ";
  const stacks = (plan.unknownFunctions ?? [])
    .filter((f) => f.startsWith(prefix))
    .map((f) => JSON.stringify(f.slice(prefix.length)));
  const which =
    stacks.length > 0 ? `the outputs of stack ${stacks.join(" or ")}` : "that stack's outputs";
  return {
    ...v,
    message: `${v.message} Offline, the kubeconfig is another stack's output, whose state pulumi preview reads: declare ${which} under sovereign-dc:stackOutputs in the stack config, and the kubeconfig is judged offline too (an EKS cluster's API endpoint names its region).`,
  };
}

/** The type a URN names: the last of its chain of types. */
function urnType(urn: string): string {
  return typeChain(urn).pop() ?? "";
}
