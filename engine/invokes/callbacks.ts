/**
 * Callbacks on values only the cloud can tell. Offline, a provider function the engine cannot
 * answer (a lookup such as `getAmi`) and another stack's outputs are unknown; `pulumi preview`
 * knows them, so an `apply` callback the SDK would skip on them offline does run there — and a
 * resource it declares is registered and judged there. Skipped here, such a resource would never
 * reach the pack, and a stack could pass as sealed on a program it was never shown.
 *
 * So, while an evaluation runs, `Output.prototype.apply` runs a callback on an unknown value too,
 * with a *stand-in* where the value is unknown:
 *
 * - to the SDK a stand-in is an unknown Output: passed to a resource input, the input is unknown
 *   and the policies judge it so (they fail closed where a place depends on it);
 * - any property of it is a stand-in, and calling it gives one (`ami.id`, `zones.names.slice(1)`);
 *   a function handed to it is called once with stand-ins (`names.map((n) => new Subnet(…))`
 *   declares one subnet, as one element would), iterating it gives one stand-in;
 * - in a string it reads as a mark, `⟨unknown N⟩` (unique, so names built from it stay
 *   distinct); in a number, 1. The monitor records any input or output string that holds a mark
 *   as unknown (`withMarksUnknown`).
 *
 * The callback's own result stays unknown, as the SDK would leave it, so code downstream behaves
 * as before. A callback that throws on stand-ins, or runs past a budget of operations on them, is
 * recorded (`CallbackFailure`): what it would have declared was not seen, and the engine reports
 * that as an `offline-visibility` finding (engine/opaque.ts) instead of sealing the stack.
 *
 * A field the provider computes inside an output of a resource the program creates
 * (`instance.rootBlockDevice.volumeId`), absent offline, reads as a stand-in too
 * (`withAbsentFieldsUnknown`).
 */
import * as path from "node:path";
import * as url from "node:url";
import * as pulumi from "@pulumi/pulumi";
import { rpc } from "../internals";
import { olderSdkNote } from "../load-program";
import type { CallbackFailure } from "../plan";
import { decides } from "./decides";
import { mayBeAbsent } from "./output-types";
import { sigKey, unknownValue } from "../wire";
import {
  type AddressSource,
  addressOutputs,
  markText,
  marksIn,
} from "../../residency/address-marks";

/** Operations on stand-ins one callback may perform before it is given up on. */
const budget = 10_000;

const markPattern = /⟨unknown \d+(?: @[0-9a-f]+)?⟩/;

/** True when a string holds a stand-in's mark. */
export function holdsMark(s: string): boolean {
  return s.includes("⟨unknown ") && markPattern.test(s);
}

/**
 * `v` with every string that holds a stand-in's mark replaced by the wire's unknown value; the
 * same object when there is none.
 */
export function withMarksUnknown<T>(v: T): T {
  return rewrite(v, (x) =>
    typeof x === "string"
      ? holdsMark(x)
        ? unknownValue
        : keep
      : typeof x === "object" && x !== null
        ? descend
        : keep,
  );
}

/** What a `rewrite` visitor answers to leave a value as it is, or to rewrite its fields. */
const keep = Symbol("keep");
const descend = Symbol("descend");

/**
 * `v` rewritten by `visit` at every depth: `visit` answers a value, at its dotted path from `v`
 * (`spec.containers.0.args.1`), with its replacement, with `keep` to leave it, or with `descend`
 * (a list or an object) to rewrite its elements or fields in turn. Copy on write: the same object
 * when nothing in it changed. With `seen`, an object met again (a cycle, or one held twice) is left
 * as it is.
 */
function rewrite<T>(
  v: T,
  visit: (x: unknown, at: string) => unknown,
  seen?: Set<object>,
  at = "",
): T {
  const answer = visit(v, at);
  if (answer === keep) {
    return v;
  }
  if (answer !== descend) {
    return answer as T;
  }
  const o = v as object;
  if (seen !== undefined) {
    if (seen.has(o)) {
      return v;
    }
    seen.add(o);
  }
  const path = (k: string | number) => (at === "" ? String(k) : `${at}.${k}`);
  if (Array.isArray(o)) {
    let changed = false;
    const out = o.map((e: unknown, i) => {
      const r = rewrite(e, visit, seen, path(i));
      changed ||= r !== e;
      return r;
    });
    return (changed ? out : v) as T;
  }
  let out: Record<string, unknown> | undefined;
  for (const [k, e] of Object.entries(o)) {
    const r = rewrite(e, visit, seen, path(k));
    if (r !== e) {
      out ??= { ...(o as Record<string, unknown>) };
      out[k] = r;
    }
  }
  return (out ?? v) as T;
}

/** Thrown from a stand-in when its callback has spent its budget. */
class OverBudget extends Error {
  constructor() {
    super(
      `it performed more than ${budget} operations on values the engine does not know (a loop that waits for one to change)`,
    );
  }
}

/** The state of one callback's run on stand-ins. */
class Run {
  ops = 0;
  /** Promises of the functions stand-ins were handed, which the run waits for. */
  readonly pending: Promise<unknown>[] = [];
  /** The fields the callback read that a created resource's outputs lack offline (see `Echo`). */
  readonly absent = new Set<string>();
  /**
   * Whether the callback consulted a stand-in it was given — read a property of it, called a
   * method of it, took it as a number — other than as text: what it built may hang on that value
   * (the address, or another value gathered with it), which offline is not known (`ip.startsWith("10.") ? ip : "backup.example.com"` keeps
   * the stand-in's side, and the other is never seen). The marks of that stand-in then name no
   * resource (`withoutConsultedSources`), and the pack fails them closed where they are a
   * destination.
   */
  consulted = false;

  spend(): void {
    if (++this.ops > budget) {
      throw new OverBudget();
    }
  }
}

let marks = 0;

/**
 * The run of the callback running now, while its synchronous part runs (`withStandIns`): a
 * stand-in of another run it consults (one an earlier callback kept in a variable) may decide what
 * this one builds, so it consults this run too.
 */
let running: Run | undefined;

/**
 * The run of the stand-in each mark naming a resource's address was written by, by the mark's
 * number, for one evaluation: a mark whose run consulted the stand-in (`Run.consulted`) names none.
 */
let sourcedMarks = new Map<number, Run>();

/** Stand-ins handed to the program's code this evaluation (`standInsHanded`). */
let handed = 0;

/**
 * How many stand-ins this evaluation handed to the program's code: to a callback on a value not
 * known offline, as a promise-form lookup's answer, as a parsed unknown text. With none, the
 * program never computed with a value it was not given, and a failure of its own (a command, a
 * host) cannot have come from one; marks the SDK's text builders wrote (`standInText`) are not
 * counted.
 */
export function standInsHanded(): number {
  return handed;
}

/**
 * `text` with each mark of an address stand-in its callback consulted (`Run.consulted`) a plain
 * mark, which names no resource; in base64 text that encodes marks too. The same text when there
 * is none.
 */
function withoutConsultedSources(text: string): string {
  if (sourcedMarks.size === 0) {
    return text;
  }
  return withPlainMarks(text, (n) => sourcedMarks.get(n)?.consulted === true);
}

/**
 * `text` with each mark naming a resource's address whose number `plain` takes a plain mark, which
 * names no resource; in base64 text that encodes marks too. The same text when there is none.
 */
function withPlainMarks(text: string, plain: (n: number) => boolean = () => true): string {
  const rewritten = (t: string) =>
    t.replace(marksIn, (whole: string, n: string, hex: string | undefined) =>
      hex !== undefined && plain(Number(n)) ? markText(Number(n)) : whole,
    );
  if (holdsMark(text)) {
    return rewritten(text);
  }
  if (encodesMark(text)) {
    const decoded = Buffer.from(text, "base64").toString("utf8");
    const out = rewritten(decoded);
    return out === decoded ? text : Buffer.from(out, "utf8").toString("base64");
  }
  return text;
}

/** The keys through which the SDK treats a stand-in as an unknown Output. */
const outputKeys = new Set([
  "__pulumiOutput",
  "promise",
  "isKnown",
  "isSecret",
  "resources",
  "allResources",
  "apply",
  "get",
]);

/** Every stand-in made, to be told apart from the program's own values. */
const standIns = new WeakSet<object>();

/**
 * The text an Output the SDK leaves unknown would hold, each unknown value in it a stand-in's
 * mark: what `pulumi.interpolate` or `pulumi.concat` built from an unknown value (re-run on marks,
 * as they only join text), or a program's callback on one returned (run on stand-ins, or on the
 * text its own Output was built as). A script the compute runs is sent with it (`scriptTexts`).
 */
const texts = new WeakMap<object, string>();

/**
 * The text kept for Output `o` (`texts`), its marks of consulted address stand-ins plain (a
 * callback may consult one after a text was built from it).
 */
function textOf(o: object): string | undefined {
  const text = texts.get(o);
  return text === undefined ? undefined : withoutConsultedSources(text);
}

/**
 * Whether `text` is base64 whose bytes hold a stand-in's mark: user data a callback encoded from a
 * text it built on stand-ins (`Buffer.from(script).toString("base64")`).
 */
function encodesMark(text: string): boolean {
  if (text.length < 16 || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) {
    return false;
  }
  return holdsMark(Buffer.from(text, "base64").toString("utf8"));
}

/**
 * `value` with each unknown in it a stand-in's mark, as text builders read it — or, where what it
 * was built from (`from`, in the same shape: the placeholders of a `pulumi.interpolate`) is an
 * Output whose own callback built a text (`texts`), that text.
 */
function withMarks(value: unknown, from?: unknown): unknown {
  if (pulumi.isUnknown(value)) {
    const text = typeof from === "object" && from !== null ? textOf(from) : undefined;
    return text ?? standInText(addressOf(from));
  }
  const part = (key: string | number) =>
    typeof from === "object" && from !== null && !pulumi.Output.isInstance(from)
      ? (from as Record<string | number, unknown>)[key]
      : undefined;
  if (Array.isArray(value)) {
    return value.map((v, i) => withMarks(v, part(i)));
  }
  if (
    typeof value === "object" &&
    value !== null &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withMarks(v, part(k))]));
  }
  return value;
}

/**
 * What the SDK's text builder being called was given (`pulumi.interpolate`'s placeholders,
 * `pulumi.concat`'s parts, `pulumi.jsonStringify`'s object), for the `apply` it makes at once.
 */
let builtFrom: unknown;

/**
 * Makes `pulumi.interpolate`, `pulumi.concat` and `pulumi.jsonStringify` tell the `apply` they
 * make what they were given (`builtFrom`), for one evaluation: a text built from another whose
 * values are unknown holds that text, not one mark for it. Returns the function that restores
 * them.
 */
function installTextBuilders(): () => void {
  const sdk = pulumi as unknown as Record<string, unknown>;
  const names = ["interpolate", "concat", "jsonStringify"] as const;
  const originals = names.map((n) => sdk[n] as (...args: unknown[]) => unknown);
  names.forEach((name, i) => {
    const original = originals[i];
    sdk[name] = function (this: unknown, ...args: unknown[]) {
      const outer = builtFrom;
      builtFrom = name === "interpolate" ? args.slice(1) : name === "concat" ? args : args[0];
      try {
        return original.apply(this, args);
      } finally {
        builtFrom = outer;
      }
    };
  });
  return () => names.forEach((name, i) => (sdk[name] = originals[i]));
}
/**
 * What `pulumi.all` or `pulumi.output` was given (its list or object of values), by the Output it
 * made, for one evaluation: a callback on that Output is given, for each unknown value among them,
 * what that value's own Output stands for — a resource's address (`addressOf`), or the text its own
 * callback built (`textOf`) — as a text builder is (`withMarks`).
 */
let gathered = new WeakMap<object, object>();

/**
 * Makes `pulumi.all` and `pulumi.output` remember what they gathered (`gathered`), for one
 * evaluation; returns the function that restores them.
 */
function installGathering(): () => void {
  gathered = new WeakMap();
  const sdk = pulumi as unknown as Record<string, unknown>;
  const names = ["all", "output"] as const;
  const originals = names.map((n) => sdk[n] as (...args: unknown[]) => unknown);
  names.forEach((name, i) => {
    const original = originals[i];
    sdk[name] = function (this: unknown, ...args: unknown[]) {
      const made: unknown = original.apply(this, args);
      const from = args[0];
      if (
        typeof made === "object" &&
        made !== null &&
        (Array.isArray(from) ||
          (typeof from === "object" &&
            from !== null &&
            Object.getPrototypeOf(from) === Object.prototype))
      ) {
        gathered.set(made, gatheredNow(from, 0) as object);
      }
      return made;
    };
  });
  return () => names.forEach((name, i) => (sdk[name] = originals[i]));
}

/**
 * What a list or an object given to `pulumi.all` or `pulumi.output` holds now, down its nested
 * lists and plain objects: the SDK takes its values at the call, so a program that changes the
 * list afterwards (`list[0] = ip`) does not change what the callback is given.
 */
function gatheredNow(v: unknown, depth: number): unknown {
  if (depth > 12 || typeof v !== "object" || v === null || pulumi.Output.isInstance(v)) {
    return v;
  }
  if (Array.isArray(v)) {
    return v.map((e: unknown) => gatheredNow(e, depth + 1));
  }
  return Object.getPrototypeOf(v) === Object.prototype
    ? Object.fromEntries(Object.entries(v).map(([k, e]) => [k, gatheredNow(e, depth + 1)]))
    : v;
}

/** The SDK's own `apply`, while an evaluation runs (`installUnknownCallbacks`). */
let revealingApply:
  | ((this: unknown, func: (v: unknown) => unknown, runWithUnknowns?: boolean) => unknown)
  | undefined;

/**
 * The inputs of a resource that hold a script its compute runs, by the resource's type: an
 * instance's or launch template's user data, a job's script, a Command's scripts, an SSM
 * document's content (its `runCommand` lines). The same
 * properties the pack reads uploads in (policy/paths/references.ts `scriptProperties`), at the
 * top level, where a program sets them whole.
 */
export function scriptInputsOf(type: string): readonly string[] {
  return type === "command:local:Command" || type === "command:remote:Command"
    ? ["create", "update", "delete"]
    : type === "aws:ssm/document:Document"
      ? ["content"]
      : ["userData", "userDataBase64", "script"];
}

/**
 * A resource's script inputs (`scriptInputsOf`) that are Outputs, each as an Output of the text
 * it was built as where it is unknown and a text was built (`texts`): the script, its unknown
 * values as marks, which the monitor keeps for these inputs (`withStandInMarksUnknown`) and the
 * pack reads as values it cannot know. An Output known, or unknown with no text, stays as it is.
 */
function scriptTexts(type: string, props: Record<string, unknown>): Record<string, unknown> {
  const apply = revealingApply;
  if (apply === undefined) {
    return props;
  }
  const asText = (v: object) =>
    apply.call(
      v,
      (value: unknown) =>
        pulumi.containsUnknowns(value) ? (textOf(v) ?? pulumi.output(pulumi.unknown)) : value,
      true,
    );
  if (runsContainers(type)) {
    return containerTexts(props, asText);
  }
  let out: Record<string, unknown> | undefined;
  for (const key of scriptInputsOf(type)) {
    const v = props[key];
    if (!pulumi.Output.isInstance(v)) {
      continue;
    }
    out ??= { ...props };
    out[key] = asText(v);
  }
  return out ?? props;
}

/**
 * Whether resources of `type` may run containers whose commands the pack reads: any Kubernetes
 * object (a Pod, a Deployment, a CronJob, their Lists and Patches, an Argo Rollout or an
 * operator's custom resource with pod specs of its own; policy/paths/references.ts `podUploads`).
 * Its inputs are walked for containers by their keys (`containerWord`).
 */
function runsContainers(type: string): boolean {
  return type.startsWith("kubernetes:") && !type.startsWith("pulumi:providers:");
}

/**
 * A path at which a container's command or args holds a word (`…containers.0.args.1`), or the
 * command of one of its lifecycle hooks or probes.
 */
const containerWord =
  /(?:^|\.)(?:containers|initContainers|ephemeralContainers)\.\d+\.(?:command|args|lifecycle\.(?:postStart|preStop)\.exec\.command|(?:liveness|readiness|startup)Probe\.exec\.command)\.\d+$/;

/**
 * `v` (a workload's inputs) with each Output that is a word of a container's command or args as
 * `asText` makes it: the text a program built it as, its unknown values as marks. Copy on write;
 * an Output elsewhere stays as it is, and so does what an Output or a class instance holds.
 */
function containerTexts<T>(v: T, asText: (o: object) => unknown): T {
  return rewrite(
    v,
    (x, at) =>
      pulumi.Output.isInstance(x)
        ? containerWord.test(at)
          ? asText(x)
          : keep
        : Array.isArray(x) ||
            (typeof x === "object" && x !== null && Object.getPrototypeOf(x) === Object.prototype)
          ? descend
          : keep,
    new Set(),
  );
}

/**
 * Which of a resource's inputs keep their marks when the monitor records them
 * (`withStandInMarksUnknown`): its script inputs (`scriptInputsOf`), or, for a workload that runs
 * containers, the words of their commands and args.
 */
export function markedInputsOf(type: string): MarkedInputs {
  return runsContainers(type) ? (path) => containerWord.test(path) : scriptInputsOf(type);
}

/** Top-level input names, or a test of a dotted path (`spec.template.spec.containers.0.args.0`). */
export type MarkedInputs = readonly string[] | ((path: string) => boolean);

/**
 * A stack transformation that passes each stand-in in a resource's inputs on as an unknown
 * Output. (The SDK would drop a callable one, as a function, and send a plain one as an empty
 * object.)
 */
export const standInsUnknown: pulumi.ResourceTransformation = (args) => {
  const scripts = scriptTexts(args.type, args.props);
  const props = made === 0 ? scripts : replaceStandIns(scripts, new Set());
  return props === args.props ? undefined : { props, opts: args.opts };
};
// Hidden from function serialisation, as the SDK's own deployment-time functions are.
Object.assign(standInsUnknown, { doNotCapture: true });

/**
 * A provider function's arguments with each stand-in an unknown Output, as the SDK takes an
 * argument it cannot know yet; the same object when there is none.
 */
export function standInArgsUnknown<T>(args: T): T {
  return made === 0 ? args : replaceStandIns(args, new Set());
}

/** `v` with stand-ins replaced by unknown Outputs; the same object when it holds none. */
function replaceStandIns<T>(v: T, seen: Set<object>): T {
  return rewrite(
    v,
    (x) => {
      if (typeof x !== "function" && (typeof x !== "object" || x === null)) {
        return keep;
      }
      if (standIns.has(x)) {
        return pulumi.output(pulumi.unknown);
      }
      if (
        typeof x === "function" ||
        pulumi.Output.isInstance(x) ||
        pulumi.Resource.isInstance(x) ||
        x instanceof Promise
      ) {
        return keep;
      }
      return Array.isArray(x) || Object.getPrototypeOf(x) === Object.prototype ? descend : keep;
    },
    seen,
  );
}

/**
 * `v` with every string that holds a stand-in's mark replaced by the wire's unknown value, but
 * where `kept` takes its path: there the marks stay, those of consulted address stand-ins plain
 * (`withoutConsultedSources`). Copy on write.
 */
function marksUnknownBut<T>(v: T, kept: (path: string) => boolean): T {
  return rewrite(v, (x, at) =>
    typeof x === "string"
      ? holdsMark(x)
        ? kept(at)
          ? withoutConsultedSources(x)
          : unknownValue
        : keep
      : typeof x === "object" && x !== null
        ? descend
        : keep,
  );
}

/**
 * How many stand-ins this evaluation made (marks exist only after one): with none, there is
 * nothing to replace and every walk below returns at once.
 */
let made = 0;

/**
 * `v` with the marks of this evaluation's stand-ins made unknown (`withMarksUnknown`); the value
 * itself, unwalked, while no stand-in exists: the monitor asks for every registration.
 */
export function withStandInMarksUnknown<T>(v: T, keep: MarkedInputs = []): T {
  if (made === 0) {
    return v;
  }
  if (typeof keep === "function") {
    return marksUnknownBut(v, keep);
  }
  if (keep.length === 0 || typeof v !== "object" || v === null) {
    return withMarksUnknown(v);
  }
  // The script inputs keep their text, marks and all (`scriptTexts`): the pack reads a mark in a
  // script as a value it cannot know.
  const out = withMarksUnknown(v) as Record<string, unknown>;
  const given = v as Record<string, unknown>;
  const kept = keep.filter((k) => typeof given[k] === "string" && out[k] !== given[k]);
  return kept.length === 0
    ? (out as T)
    : ({
        ...out,
        ...Object.fromEntries(kept.map((k) => [k, withoutConsultedSources(given[k] as string)])),
      } as T);
}

/**
 * The keys a stand-in answers with a callable stand-in: the names of the methods of strings and
 * lists (`names.map(…)`, `id.slice(…)`). Every other key gives a plain one, which Node's own
 * functions take as an object (`Buffer.from(key, "base64")` reads its string), not as a function.
 */
const methodNames: ReadonlySet<string> = new Set(
  [Array.prototype, String.prototype].flatMap((p) =>
    Object.getOwnPropertyNames(p).filter(
      (k) =>
        k !== "constructor" && typeof (p as unknown as Record<string, unknown>)[k] === "function",
    ),
  ),
);

/**
 * A stand-in's mark as text, for a value only the cloud knows that a component's plugin needs
 * as text to go on (engine/invokes/index.ts, `pluginStandIn`): what the plugin builds from it
 * holds the mark, and is unknown where it reaches a resource's inputs.
 */
export function standInText(source?: AddressSource): string {
  made += 1;
  return markText(++marks, source);
}

/**
 * The address outputs of the resources the program creates (residency/address-marks.ts), each
 * Output the SDK made for one by the resource and output it stands for: a mark of its value names
 * them, and the pack places what a script sends there where that resource is.
 */
let addresses = new WeakMap<object, AddressSource>();

/**
 * The resources the program reads (`aws.ec2.Instance.get`), by type and name: the region each is
 * read in, where that is known offline. A mark of a read resource's address says so, and the pack
 * places a copy to it by that region, as no resource of the stack is that one.
 */
let reads = new Map<string, { readonly region?: string }>();

/**
 * Notes that the program reads the resource of `type` named `name`, in `region` where known
 * (engine/monitor.ts, on the SDK's read request, before the read's outputs resolve).
 */
export function noteRead(type: string, name: string, region: string | undefined): void {
  reads.set(`${type}\n${name}`, region === undefined ? {} : { region });
}

/** The resource address `output` is, when it is one of a resource the program creates or reads. */
function addressOf(output: unknown): AddressSource | undefined {
  return typeof output === "object" && output !== null ? addresses.get(output) : undefined;
}

/** Records the address outputs of custom resource `res` of `type` named `name` (`addresses`). */
function recordAddresses(res: pulumi.Resource, type: string, name: string): void {
  const outputs = addressOutputs.get(type);
  if (outputs === undefined) {
    return;
  }
  const read = reads.get(`${type}\n${name}`);
  for (const output of outputs) {
    const o = (res as unknown as Record<string, unknown>)[output];
    if (pulumi.Output.isInstance(o)) {
      addresses.set(o, read === undefined ? { type, name, output } : { type, name, output, read });
    }
  }
}

/**
 * The stand-ins for a resource's address, with the address and the run each was handed in: a
 * callback that returns one (`ip => ip`, `ip => ip.trim()`) makes an Output of that address.
 */
const addressStandIns = new WeakMap<object, { source: AddressSource; run: Run }>();

/** String methods whose result, on an address, is the same address. */
const sameAddress = new Set(["trim", "trimStart", "trimEnd", "toLowerCase", "toLocaleLowerCase"]);

/**
 * The resource address `value` is, when it is a stand-in for one whose callback did not consult it
 * (`Run.consulted`): what such a callback returns may hang on the address, which is not known.
 */
function addressStoodFor(value: unknown): AddressSource | undefined {
  const entry =
    typeof value === "object" && value !== null ? addressStandIns.get(value) : undefined;
  return entry === undefined || entry.run.consulted ? undefined : entry.source;
}

/** The key through which Node's `util.inspect` (and so `console.log`) asks a value to show itself. */
const inspectCustom = Symbol.for("nodejs.util.inspect.custom");

/**
 * A stand-in for an unknown value, within `run`; its mark names `source` where the value is a
 * resource's address.
 */
function standIn(run: Run, callable = false, source?: AddressSource): unknown {
  made += 1;
  handed += 1;
  let output: Record<string, unknown> | undefined;
  const children = new Map<string, unknown>();
  const mark = () => {
    const n = ++marks;
    if (source !== undefined) {
      sourcedMarks.set(n, run);
    }
    return markText(n, source);
  };
  // Reading it other than as text consults the value it stands for (`Run.consulted`): an address,
  // or another value a callback was given beside one (`pulumi.all([ip, other])`), on which it may
  // choose between the address and a destination offline never shows.
  const consult = () => {
    run.consulted = true;
    if (running !== undefined) {
      running.consulted = true;
    }
  };
  // A callable one is an arrow function: without non-configurable own keys to keep consistent.
  const target: object = callable ? () => undefined : {};
  // What a program logs of it (`console.log("address:", ip)`) shows a mark, not `{}`: Node's
  // `util.inspect` shows a Proxy's target, never asking the Proxy. One plain mark, the same each
  // time it is logged, which names no resource: a log is for its reader.
  let shown: string | undefined;
  const show = () => (shown ??= markText(++marks));
  Object.defineProperty(target, inspectCustom, { value: show, configurable: true });
  const proxy = new Proxy(target, {
    get: (_t, key) => {
      if (typeof key === "symbol") {
        if (key === Symbol.toPrimitive) {
          return (hint: string) => {
            if (hint === "number") {
              consult();
              return 1;
            }
            return mark();
          };
        }
        if (key === Symbol.iterator) {
          consult();
          return function* () {
            run.spend();
            yield standIn(run);
          };
        }
        return undefined;
      }
      if (outputKeys.has(key)) {
        output ??= pulumi.output(pulumi.unknown) as unknown as Record<string, unknown>;
        const v = output[key];
        return typeof v === "function" ? v.bind(output) : v;
      }
      // Not a thenable, not any other SDK object (resources, assets, wire signatures).
      if (key === "then" || key.startsWith("__pulumi") || key === sigKey) {
        return undefined;
      }
      if (key === "toString" || key === "toJSON" || key === "valueOf") {
        return mark;
      }
      // The same address in another spelling (`ip.trim()`, `host.toLowerCase()`).
      if (source !== undefined && sameAddress.has(key)) {
        return () => {
          run.spend();
          return standIn(run, false, source);
        };
      }
      consult();
      run.spend();
      let child = children.get(key);
      if (child === undefined) {
        child = standIn(run, methodNames.has(key));
        children.set(key, child);
      }
      return child;
    },
    apply: (_t, _this, args: unknown[]) => {
      run.spend();
      for (const a of args) {
        if (typeof a === "function") {
          call(run, a as (...xs: unknown[]) => unknown);
        }
      }
      return standIn(run);
    },
    // Asking whether it has a key, which keys it has, or what class it is (`"x" in t`,
    // `Object.keys(t)`, `t instanceof String`) consults it too: the answers are not a text's.
    has: (_t, key) => {
      consult();
      return typeof key === "string";
    },
    ownKeys: () => {
      consult();
      return [];
    },
    getPrototypeOf: () => {
      consult();
      return Object.getPrototypeOf(target) as object | null;
    },
    getOwnPropertyDescriptor: () => undefined,
  });
  standIns.add(proxy);
  if (source !== undefined) {
    addressStandIns.set(proxy, { source, run });
  }
  return proxy;
}

/**
 * A stand-in for the answer of a promise-form lookup the engine cannot answer, which a program
 * computes with where it runs (`(await getSubnets(…)).ids.slice(0, 2)`), as a callback on an
 * unknown value would: with a budget of its own. With `source`, the stand-in a callback on that
 * resource's address is given.
 */
export function standInAnswer(source?: AddressSource): unknown {
  return standIn(new Run(), false, source);
}

/** Calls `fn` with stand-ins for each parameter it declares (at least one). */
function call(run: Run, fn: (...xs: unknown[]) => unknown): void {
  const args = Array.from({ length: Math.max(1, fn.length) }, () => standIn(run));
  const result = fn(...args);
  if (result instanceof Promise) {
    run.pending.push(result);
  }
}

/**
 * The value a callback is given: each unknown in `value` replaced by a stand-in, one that names
 * `source` where the whole value is a resource's address.
 */
function givenValue(run: Run, value: unknown, source?: AddressSource, from?: unknown): unknown {
  if (pulumi.isUnknown(value)) {
    const text = pulumi.Output.isInstance(from) ? textOf(from) : undefined;
    return text ?? standIn(run, false, source ?? addressOf(from));
  }
  // An Output among them that gathered values of its own stands for what it gathered.
  const parts = pulumi.Output.isInstance(from) ? gathered.get(from) : from;
  const part = (key: string | number) =>
    typeof parts === "object" && parts !== null && !pulumi.Output.isInstance(parts)
      ? (parts as Record<string | number, unknown>)[key]
      : undefined;
  if (Array.isArray(value)) {
    return value.map((v, i) => givenValue(run, v, undefined, part(i)));
  }
  if (typeof value === "object" && value !== null && pulumi.containsUnknowns(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, givenValue(run, v, undefined, part(k))]),
    );
  }
  return value;
}

/** How a failure names its callback: its name, or the start of its source. */
function describe(fn: (...xs: never[]) => unknown): string {
  if (fn.name !== "") {
    return fn.name;
  }
  const source = fn.toString().replace(/\s+/g, " ");
  return source.length > 80 ? `${source.slice(0, 77)}...` : source;
}

/**
 * Makes `apply` run its callbacks on unknown values with stand-ins, for one evaluation; callbacks
 * that fail on them are added to `failures`. Returns the function that restores `apply`.
 */
export function installUnknownCallbacks(failures: CallbackFailure[]): () => void {
  // Marks count from 1 in each evaluation, so that what a program names with them is the same
  // whichever process evaluates it and whatever it evaluated before.
  marks = 0;
  made = 0;
  handed = 0;
  sourcedMarks = new Map();
  const restoreParse = installParseOfUnknowns();
  const restoreClone = installCloneOfViews();
  const restoreMarks = installEchoMarks();
  const restoreBuilders = installTextBuilders();
  const restoreGathering = installGathering();
  // `pulumi.Output` is the SDK's Output class (its declared type is the constructor interface).
  const proto = (
    pulumi.Output as unknown as {
      prototype: { apply: (func: (v: unknown) => unknown, runWithUnknowns?: boolean) => unknown };
    }
  ).prototype;
  const apply = proto.apply;
  const patched = function (
    this: unknown,
    func: (v: unknown) => unknown,
    runWithUnknowns?: boolean,
  ): unknown {
    // The SDK's own lifted property reads (`runWithUnknowns`) handle unknowns themselves; the
    // SDKs' own callbacks (`interpolate`, stack outputs, a provider's lookups) keep the SDK's
    // meaning: skipped on an unknown value, the result unknown.
    if (runWithUnknowns) {
      return apply.call(this, (value: unknown) => liftedRead(func, value), true);
    }
    const caller = callerOf(patched);
    if (caller === "sdk") {
      return apply.call(this, func, runWithUnknowns);
    }
    // The Output this call makes, which a text built on stand-ins is kept for (`textOf`).
    let made: object | undefined = undefined;
    // A result built from marks holds one, or encodes them (base64 user data from a text).
    const keep = (text: unknown, fromText = false) => {
      const address = addressStoodFor(text);
      if (made !== undefined && address !== undefined) {
        addresses.set(made, address);
        return;
      }
      if (
        made !== undefined &&
        typeof text === "string" &&
        (fromText || holdsMark(text) || encodesMark(text))
      ) {
        texts.set(made, withoutConsultedSources(text));
      }
    };
    if (caller === "text") {
      // What the text was built from (`textBuilt`), by position: an unknown Output among them
      // stands for the text its own callback built, where it built one.
      const from = builtFrom;
      builtFrom = undefined;
      made = apply.call(
        this,
        (value: unknown) => {
          if (!pulumi.containsUnknowns(value)) {
            return func(value);
          }
          // Pure text building: run again with marks for the unknowns, kept, the result unknown.
          if (!pulumi.isUnknown(value)) {
            keep(func(withMarks(value, from)));
          }
          return pulumi.output(pulumi.unknown);
        },
        true,
      ) as object;
      return made;
    }
    made = apply.call(
      this,
      (value: unknown) => {
        // Known, as the SDK would run it; an Output is known exactly when its value holds no
        // unknown (and the SDK hands an unknown one's value as `unknown` when it holds none).
        if (pulumi.containsUnknowns(value)) {
          // A text this Output's own callback built on stand-ins is what the callback reads.
          const text = pulumi.isUnknown(value) ? textOf(this as object) : undefined;
          return withStandIns(func, value, this, failures, text, keep);
        }
        if (holdsEcho(value, new Set())) {
          return withAbsentFieldsUnknown(func, value, this, failures);
        }
        return func(value);
      },
      true,
    ) as object;
    return made;
  };
  proto.apply = patched;
  revealingApply = apply;
  return () => {
    proto.apply = apply;
    revealingApply = undefined;
    restoreParse();
    restoreClone();
    restoreMarks();
    restoreBuilders();
    restoreGathering();
  };
}

/**
 * Makes `JSON.parse` of an unknown text give a stand-in for the unknown value it encodes, for one
 * evaluation; returns the function that restores it. A program parses what a lookup answers (a
 * secret's `secretString`, a parameter's `value`: settings kept as JSON) and goes on with the
 * fields; offline the text is a stand-in, or a string holding a stand-in's mark, and parsing it
 * would throw where under `pulumi preview` it succeeds. Given a stand-in instead, the program
 * declares what it would, its values from the parsed text unknown. A text that holds a mark and
 * is JSON all the same (`{"name":"⟨unknown 3⟩"}`) is parsed as it is; any other text as by
 * `JSON.parse`, errors included.
 *
 * The stand-ins of one evaluation's parses share one budget of operations: a loop that waits for
 * a parsed value to change ends there, as in a callback.
 */
function installParseOfUnknowns(): () => void {
  const parse = JSON.parse;
  const run = new Run();
  JSON.parse = function (
    text: string,
    reviver?: (this: unknown, key: string, value: unknown) => unknown,
  ) {
    if (made > 0 && standIns.has(text as unknown as object)) {
      return standIn(run);
    }
    try {
      return parse(text, reviver) as unknown;
    } catch (e) {
      if (made > 0 && typeof text === "string" && holdsMark(text)) {
        return standIn(run);
      }
      throw e;
    }
  };
  return () => {
    JSON.parse = parse;
  };
}

/** The folders of the code whose callbacks keep the SDK's meaning: the Pulumi SDKs, this engine. */
const sdkFolders = [
  `${path.sep}node_modules${path.sep}@pulumi${path.sep}`,
  path.dirname(__dirname) + path.sep,
];

/** The file and function of a call site, as V8 reports them. */
const siteOf = (_e: Error, frames: NodeJS.CallSite[]): { file?: string; name?: string } => ({
  file: frames[0]?.getFileName() ?? undefined,
  name: frames[0]?.getFunctionName() ?? undefined,
});

/** The SDK's functions that build a text from Outputs and nothing else (JSON's too). */
const textBuilders: ReadonlySet<string> = new Set(["interpolate", "concat", "jsonStringify"]);

/**
 * Who calls `fn`: the program's code (or a library of its own), the SDK's `pulumi.interpolate`
 * or `pulumi.concat` (`text`), or other code of the SDKs or this engine.
 */
function callerOf(fn: (...xs: never[]) => unknown): "program" | "text" | "sdk" {
  const holder: { stack?: unknown } = {};
  const limit = Error.stackTraceLimit;
  const prepare = Error.prepareStackTrace;
  Error.stackTraceLimit = 1;
  Error.prepareStackTrace = siteOf;
  try {
    Error.captureStackTrace(holder, fn);
    const site = holder.stack as { file?: string; name?: string } | undefined;
    if (site?.file === undefined) {
      return "program";
    }
    const file = site.file.startsWith("file://") ? url.fileURLToPath(site.file) : site.file;
    if (!sdkFolders.some((f) => file.includes(f))) {
      return "program";
    }
    return textBuilders.has(site.name ?? "") &&
      file.endsWith(`${path.sep}@pulumi${path.sep}pulumi${path.sep}output.js`)
      ? "text"
      : "sdk";
  } finally {
    Error.stackTraceLimit = limit;
    Error.prepareStackTrace = prepare;
  }
}

/**
 * Runs `func` on `value` (the value of the Output `source`) with stand-ins for its unknowns; its
 * result stays unknown.
 */
async function withStandIns(
  func: (v: unknown) => unknown,
  value: unknown,
  source: unknown,
  failures: CallbackFailure[],
  text?: string,
  keep?: (result: unknown, fromText: boolean) => void,
): Promise<unknown> {
  const run = new Run();
  try {
    // Only a callback that builds text and chooses nothing is given what its values stand for:
    // one that may decide on them (`m === "dr" ? other : ip`) is given plain stand-ins and texts
    // whose marks name no resource, and what it builds fails closed where it is a destination.
    const gathering =
      typeof source === "object" && source !== null ? gathered.get(source) : undefined;
    const named =
      (addressOf(source) === undefined &&
        gathering === undefined &&
        (text === undefined || text === withPlainMarks(text))) ||
      !decides(func);
    const from = named ? gathering : undefined;
    const given =
      text === undefined
        ? givenValue(run, value, named ? addressOf(source) : undefined, from)
        : named
          ? text
          : withPlainMarks(text);
    const outer = running;
    running = run;
    let result: unknown;
    try {
      result = func(given);
    } finally {
      running = outer;
    }
    keep?.(await result, text !== undefined);
    await Promise.all(run.pending);
  } catch (e) {
    recordFailure(func, e, run, source, failures);
  }
  return pulumi.output(pulumi.unknown);
}

/** Adds the failure of `func`'s run on stand-ins to `failures`. */
function recordFailure(
  func: (v: unknown) => unknown,
  e: unknown,
  run: Run,
  source: unknown,
  failures: CallbackFailure[],
): void {
  const read =
    run.absent.size > 0
      ? ` (it read ${[...run.absent].join(", ")}, which offline the outputs lack: the provider computes ${run.absent.size === 1 ? "it" : "them"})`
      : "";
  const failure: { -readonly [K in keyof CallbackFailure]: CallbackFailure[K] } = {
    callback: describe(func),
    reason: e instanceof OverBudget ? e.message : `it failed: ${errorText(e)}${read}`,
  };
  failures.push(failure);
  // Filled in as the resources' URNs resolve, never waited for here: a resource the failed
  // callback's result feeds would wait on this one in turn.
  void dependenciesOf(source).then((urns) => {
    failure.dependsOn = urns;
  });
}

/**
 * Outputs of a resource the program creates are, offline, the inputs it was given: the monitor
 * echoes them (engine/synth.ts, with the id, ARN and names a provider would give), and a
 * top-level output the program did not give is unknown, as under `pulumi preview`. A field the
 * provider computes *inside* an output the program gave is absent instead (an EC2 instance's
 * `rootBlockDevice.volumeId`, a private endpoint's `privateDnsZoneConfigs[0].recordSets`), where
 * preview's provider marks it unknown and preview skips the callbacks on that output. Run on the
 * bare echo, a callback that reads such a field throws on `undefined` and stops a program that
 * preview evaluates.
 *
 * So a program's callback on a value that is or holds a custom resource's output (what the
 * monitor echoes: `instance.rootBlockDevice`, or `pulumi.all([instance.rootBlockDevice, x])`)
 * runs on a view of the value in which a field an echo lacks reads as a stand-in for an unknown
 * value, as a callback on an unknown value does. If it read one, its result is unknown, as preview
 * would leave it, and its failure is recorded (`CallbackFailure`) instead of stopping the program;
 * if it read none, it ran on what preview sees too, and its result and its errors are its own. A
 * field an echo holds reads as it is, an index past the end of a list reads `undefined`, as the
 * echo gives it, and so does a field an object the program built lacks, and one the provider's
 * SDK declares optional or a map's key (`deleteOnTermination?`, `tags.owner`): preview shows
 * those absent too (invokes/output-types.ts).
 */
async function withAbsentFieldsUnknown(
  func: (v: unknown) => unknown,
  value: unknown,
  source: unknown,
  failures: CallbackFailure[],
): Promise<unknown> {
  const run = new Run();
  const echo = new Echo(run);
  try {
    const result = echo.target(await func(echo.view(value)));
    if (run.absent.size === 0) {
      return result;
    }
    await Promise.all(run.pending);
  } catch (e) {
    if (run.absent.size === 0) {
      throw e;
    }
    recordFailure(func, e, run, source, failures);
  } finally {
    echo.closed = true;
  }
  return pulumi.output(pulumi.unknown);
}

/** A plain object or a list: the values whose absent fields `Echo` gives as stand-ins. */
function echoable(v: unknown): v is object {
  if (typeof v !== "object" || v === null || Object.isFrozen(v)) {
    return false;
  }
  if (Array.isArray(v)) {
    return true;
  }
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * The plain objects and lists in the outputs of the custom resources of one evaluation, as the SDK
 * resolved them (`installEchoMarks`): echoes, whose absent fields the provider computes. The
 * SDK hands these very objects to callbacks — on the resource's Outputs, on their lifted reads
 * (`cluster.vpcConfig`), and inside the values the program combines them into
 * (`pulumi.all([instance.rootBlockDevice, settings])`) — while every other object in a callback's
 * value is one the program built (`settings`), whose absent field is one the program left out
 * and reads as absent under preview too.
 */
let echoed = new WeakSet<object>();

/** Where each echo sits: its resource's type, its path in the outputs (`[]`: a list's element). */
let whereEchoed = new WeakMap<
  object,
  { readonly type: string; readonly path: readonly string[] }
>();

/**
 * Marks the plain objects and lists of each custom resource's outputs as echoes when the SDK
 * resolves the resource's Outputs to them, for one evaluation; returns the function that
 * restores the SDK's resolution. A component's outputs are what the program registered, not
 * echoes, and are left unmarked. So are a Kubernetes object's: the Kubernetes provider previews
 * an object as the program gave it, or as the API server's dry run fills it in, never with an
 * unknown field inside (a Deployment without a namespace reads `metadata.namespace` as absent).
 */
function installEchoMarks(): () => void {
  echoed = new WeakSet();
  whereEchoed = new WeakMap();
  addresses = new WeakMap();
  reads = new Map();
  const resolveProperties = rpc.resolveProperties;
  rpc.resolveProperties = function (res, resolvers, t, name, allProps, ...rest) {
    if (pulumi.CustomResource.isInstance(res) && !t.startsWith("kubernetes:")) {
      markEchoes(allProps, new Set(), t, []);
      recordAddresses(res, t, name);
    }
    resolveProperties.call(this, res, resolvers, t, name, allProps, ...rest);
  };
  return () => {
    rpc.resolveProperties = resolveProperties;
  };
}

/** Marks `v` and the plain objects and lists in it as echoes at `path` of a `type`'s outputs. */
function markEchoes(v: unknown, seen: Set<object>, type: string, path: readonly string[]): void {
  if (!echoable(v) || seen.has(v)) {
    return;
  }
  seen.add(v);
  echoed.add(v);
  whereEchoed.set(v, { type, path });
  for (const [k, x] of Object.entries(v)) {
    markEchoes(x, seen, type, [...path, Array.isArray(v) ? "[]" : k]);
  }
}

/** True when `v` is an echo or holds one in its plain objects and lists, at any depth. */
function holdsEcho(v: unknown, seen: Set<object>): boolean {
  if (!echoable(v) || seen.has(v)) {
    return false;
  }
  if (echoed.has(v)) {
    return true;
  }
  seen.add(v);
  return Object.values(v).some((x) => holdsEcho(x, seen));
}

/**
 * The SDK's own read `func` of `value` in an Output it derives: a lifted read (`ob => ob[prop]`)
 * or the copy `pulumi.output` and `pulumi.all` make of an Output's value. On an echo, a field it
 * lacks reads as unknown, as under preview; what the read gives of it — a field it holds, or the
 * SDK's copy of it — is an echo in turn.
 */
function liftedRead(func: (v: unknown) => unknown, value: unknown): unknown {
  if (!echoable(value) || !echoed.has(value)) {
    return func(value);
  }
  const run = new Run();
  const echo = new Echo(run);
  const read = echo.target(func(echo.view(value)));
  echo.closed = true;
  if (run.absent.size > 0) {
    return pulumi.output(pulumi.unknown);
  }
  // The SDK's copy has the original's shape, and so its place in the outputs.
  const where = whereEchoed.get(value);
  if (echoable(read) && !echoed.has(read) && where !== undefined) {
    markEchoes(read, new Set(), where.type, where.path);
  }
  return read;
}

/** The value each view of an echo (`Echo`) shows; its fields hold the values, not views. */
const echoTargets = new WeakMap<object, object>();

/** How many views of echoes this evaluation made: with none, nothing is unwrapped. */
let viewsMade = 0;

/**
 * `v` with every view of an echo in it (at any depth of its plain objects and lists) replaced by
 * the value it shows; the same object when it holds none.
 */
function withoutViews(v: unknown, seen: Set<object>): unknown {
  return rewrite(
    v,
    (x) => {
      if (typeof x !== "object" || x === null) {
        return keep;
      }
      return echoTargets.get(x) ?? (Array.isArray(x) || echoable(x) ? descend : keep);
    },
    seen,
  );
}

/**
 * Makes `structuredClone` clone the value a view of an echo shows, for one evaluation; returns the
 * function that restores it. A view is a Proxy, which the structured clone algorithm refuses
 * ("could not be cloned"), and a program may clone a resource's output in a callback on it.
 */
function installCloneOfViews(): () => void {
  const clone = globalThis.structuredClone;
  viewsMade = 0;
  globalThis.structuredClone = function <T>(value: T, options?: Parameters<typeof clone>[1]): T {
    return clone(viewsMade > 0 ? (withoutViews(value, new Set()) as T) : value, options);
  };
  return () => {
    globalThis.structuredClone = clone;
  };
}

/**
 * Views of a value that holds echoes, for one callback's run (`withAbsentFieldsUnknown`): each
 * plain object and list in it that is an echo or holds one gives, on reading, its own fields as
 * views in turn; an echo gives a field it lacks as a stand-in, and an object the program built
 * gives it as absent. Once the run is over (`closed`) a view reads as the value itself: a
 * callback that kept one sees the value.
 */
class Echo {
  closed = false;
  private readonly views = new WeakMap<object, object>();
  /** Objects the program built that hold no echo: shown as they are. */
  private readonly plain = new WeakSet<object>();
  private readonly absentFields = new WeakMap<object, Map<string, unknown>>();

  constructor(private readonly run: Run) {}

  view(v: unknown): unknown {
    if (!echoable(v)) {
      return v;
    }
    let view = this.views.get(v);
    if (view === undefined) {
      if (this.plain.has(v)) {
        return v;
      }
      if (!echoed.has(v) && !holdsEcho(v, new Set())) {
        this.plain.add(v);
        return v;
      }
      view = new Proxy(v, { get: (target, key) => this.read(target, key) });
      this.views.set(v, view);
      echoTargets.set(view, v);
      viewsMade += 1;
    }
    return view;
  }

  /** The value a view shows (any other value as it is). */
  target(v: unknown): unknown {
    return typeof v === "object" && v !== null ? (echoTargets.get(v) ?? v) : v;
  }

  private read(target: object, key: string | symbol): unknown {
    const value = Reflect.get(target, key) as unknown;
    if (this.closed || typeof key === "symbol") {
      return value;
    }
    if (Object.hasOwn(target, key)) {
      return this.view(value);
    }
    if (!echoed.has(target)) {
      return value;
    }
    // An index past a list's end, a list's or an object's methods, and the keys through which
    // Node and the SDK probe a value (a thenable, a JSON form, the SDK's own markers) read as
    // the value gives them.
    if (
      Array.isArray(target) ||
      key in target ||
      key === "then" ||
      key === "toJSON" ||
      key.startsWith("__pulumi") ||
      key === sigKey
    ) {
      return value;
    }
    // A field the provider's SDK declares optional (`deleteOnTermination?`), or a map's key the
    // program did not set, is absent under preview too: only a field it always gives is computed.
    const where = whereEchoed.get(target);
    if (where !== undefined && mayBeAbsent(where.type, [...where.path, key]) === true) {
      return value;
    }
    let fields = this.absentFields.get(target);
    if (fields === undefined) {
      fields = new Map();
      this.absentFields.set(target, fields);
    }
    if (!fields.has(key)) {
      this.run.absent.add(key);
      fields.set(key, standIn(this.run, methodNames.has(key)));
    }
    return fields.get(key);
  }
}

/**
 * The URNs of the resources an Output's value depends on, as the SDK records them for the
 * registrations it feeds (`allResources`, its own and those of Outputs inside it).
 */
async function dependenciesOf(output: unknown): Promise<string[]> {
  const o = output as {
    resources?: () => Set<pulumi.Resource>;
    allResources?: () => Promise<Set<pulumi.Resource>>;
  };
  try {
    const resources = (await o.allResources?.()) ?? o.resources?.() ?? new Set();
    // `promise` is the SDK's own (internal) way to an Output's value.
    const urns: unknown[] = await Promise.all(
      [...resources].map((r) => (r.urn as unknown as { promise(): Promise<unknown> }).promise()),
    );
    return urns.filter((u): u is string => typeof u === "string" && u !== "");
  } catch {
    return [];
  }
}

function errorText(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  // The evaluation runs in the program's project folder (evaluate.ts).
  const older = olderSdkNote(text, process.cwd());
  return older === undefined ? text : `${text}: ${older}`;
}
