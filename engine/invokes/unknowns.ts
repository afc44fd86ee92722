/**
 * Unknown values in the answers of provider functions. The offline engine evaluates as an
 * update (the SDK's dry-run flag is off, so synthesised resource outputs are known), and in that
 * mode the SDK reads the wire's unknown marker back as `undefined` — a known, empty value. So the
 * monitor marks what it cannot tell with `unknownMark` (plain text on the wire), and the
 * runtime's invoke functions are wrapped for the evaluation to turn those marks into the SDK's own
 * unknowns:
 *
 * - `invokeOutput` / `invokeSingleOutput` (`getXOutput`): an Output holding a mark is unknown, as
 *   at preview — `apply` callbacks do not run and resource inputs built from it are unknown;
 * - `invoke` / `invokeSingle` (the promise forms): a marked value becomes an unknown Output, so a
 *   program that passes it on as an input still evaluates; a wholly unknown answer — and the
 *   answer to a lookup whose arguments held one, which the SDK does not make — is a stand-in
 *   (callbacks.ts), so a program that computes with it (`ids.slice(0, 2)`) still declares what
 *   it declares after; one that fails on it (`JSON.parse`) fails with an error that names the
 *   function;
 * - `call` / `callSingle` (a resource's methods, which the monitor answers wholly unknown): as the
 *   Output form, unknown, with the resource the method was called on among its dependencies.
 */
import * as pulumi from "@pulumi/pulumi";
import { standInAnswer, standInArgsUnknown } from "./callbacks";
import { unknownMark } from "./index";

/** The whole answer is unknown: the monitor answers `{ [wholeAnswer]: unknownMark }`. */
export const wholeAnswer = "__sovereignDcUnknownAnswer";

type Runtime = typeof pulumi.runtime;
type InvokeFn = Runtime["invoke"];
type InvokeOutputFn = Runtime["invokeOutput"];
type InvokeSingleFn = Runtime["invokeSingle"];
type InvokeSingleOutputFn = Runtime["invokeSingleOutput"];
type CallFn = Runtime["call"];
type CallSingleFn = Runtime["callSingle"];

/** Whether `v` is `value` or holds it, at any depth. */
function holdsValue(v: unknown, value: unknown): boolean {
  if (v === value) {
    return true;
  }
  if (Array.isArray(v)) {
    return v.some((x) => holdsValue(x, value));
  }
  return typeof v === "object" && v !== null && Object.values(v).some((x) => holdsValue(x, value));
}

const holdsMark = (v: unknown): boolean => holdsValue(v, unknownMark);

/** Replaces every mark in `v` with `replacement()`. */
function replaceMarks(v: unknown, replacement: () => unknown): unknown {
  if (v === unknownMark) {
    return replacement();
  }
  if (Array.isArray(v)) {
    return v.map((x) => replaceMarks(x, replacement));
  }
  if (typeof v === "object" && v !== null && !pulumi.Output.isInstance(v)) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, replaceMarks(x, replacement)]));
  }
  return v;
}

const unknownOutput = () => pulumi.output(pulumi.unknown as unknown);

/**
 * The plain value a promise-form invoke resolves to: marks become unknown Outputs, and a wholly
 * unknown answer is a stand-in (callbacks.ts): to the SDK an unknown Output
 * (`pulumi.output(getX(…)).apply(…)` idioms, a property passed on as an input), to code that
 * computes with it (`(await getSubnets(…)).ids.slice(0, 2)`) a value whose properties and
 * methods give stand-ins, read as unknown wherever they are passed on.
 */
function plainAnswer(result: unknown): unknown {
  if (isWholeAnswer(result)) {
    return standInAnswer();
  }
  return holdsMark(result) ? replaceMarks(result, unknownOutput) : result;
}

/**
 * The answer of a promise-form invoke whose arguments held stand-ins: the SDK does not call a
 * function whose arguments it cannot know and answers nothing (`{}`, or `undefined` for the
 * single-value form), which is wholly unknown.
 */
function answerOf(result: unknown, unknownArgs: boolean): unknown {
  return plainAnswer(unknownArgs && isNothing(result) ? { [wholeAnswer]: unknownMark } : result);
}

/** An answer that says nothing: `{}`, or `undefined` for the single-value form. */
function isNothing(result: unknown): boolean {
  return (
    result === undefined ||
    (typeof result === "object" && result !== null && Object.keys(result).length === 0)
  );
}

/**
 * Whether the SDK answered nothing because the arguments held a value not known (an unknown
 * Output: another lookup's marked answer, `getAccount().then((a) => a.id)` built into a
 * `std.format`): it serialises them, and asks nothing, as this does. Asked only of an empty
 * answer, so a function that answered is serialised once.
 */
async function heldUnknownArguments(props: unknown): Promise<boolean> {
  if (typeof props !== "object" || props === null) {
    return false;
  }
  const serialized = await pulumi.runtime.serializeProperties(
    "sovereign-dc:invoke-arguments",
    props as Record<string, unknown>,
  );
  return holdsValue(serialized, pulumi.runtime.unknownValue);
}

function isWholeAnswer(v: unknown): boolean {
  return typeof v === "object" && v !== null && wholeAnswer in v;
}

/**
 * The Output form: unknown as soon as the answer holds a mark. A wholly unknown answer is the
 * SDK's `unknown` itself, so that lifted properties (`getAmiOutput(…).id`) are unknown too.
 */
function outputAnswer<T>(out: pulumi.Output<T>): pulumi.Output<T> {
  return out.apply((v) => {
    if (isWholeAnswer(v)) {
      return pulumi.unknown as T;
    }
    return holdsMark(v) ? (replaceMarks(v, () => pulumi.unknown) as T) : v;
  });
}

/**
 * Wraps the runtime's invoke functions for one evaluation; returns the function that restores
 * them. Provider SDKs call `pulumi.runtime.invoke*` at call time, so the wrap reaches them.
 *
 * A function whose arguments held stand-ins is added to `unanswered` (the monitor's list of
 * functions answered with unknowns) and to `fromArguments` (those answered so for their
 * arguments): the SDK never asks the monitor, and answers unknown itself.
 */
export function installUnknownInvokes(
  unanswered: Set<string>,
  fromArguments: Set<string> = new Set(),
): () => void {
  const runtime = pulumi.runtime as { -readonly [K in keyof Runtime]: Runtime[K] };
  const saved = {
    invoke: runtime.invoke,
    invokeOutput: runtime.invokeOutput,
    invokeSingle: runtime.invokeSingle,
    invokeSingleOutput: runtime.invokeSingleOutput,
    call: runtime.call,
    callSingle: runtime.callSingle,
  };
  // Arguments built from the stand-ins of a callback on unknown values (callbacks.ts) are
  // unknown to the SDK, as an argument it cannot know yet.
  const argsOf = <T>(tok: string, props: T): T => {
    const args = standInArgsUnknown(props);
    if (args !== props) {
      unanswered.add(tok);
      fromArguments.add(tok);
    }
    return args;
  };
  // An empty answer to arguments holding an unknown Output is the SDK's: it asked nothing.
  const unknownArgs = async (tok: string, args: unknown, result: unknown): Promise<boolean> => {
    if (!isNothing(result) || !(await heldUnknownArguments(args))) {
      return false;
    }
    unanswered.add(tok);
    fromArguments.add(tok);
    return true;
  };
  const invoke: InvokeFn = (tok, props, opts, packageRef) => {
    const args = argsOf(tok, props);
    return saved
      .invoke(tok, args, opts, packageRef)
      .then(async (r) => answerOf(r, args !== props || (await unknownArgs(tok, args, r))));
  };
  const invokeSingle: InvokeSingleFn = (tok, props, opts, packageRef) => {
    const args = argsOf(tok, props);
    return saved
      .invokeSingle(tok, args, opts, packageRef)
      .then(async (r) => answerOf(r, args !== props || (await unknownArgs(tok, args, r))));
  };
  // The Output form with an argument not known (another lookup's unknown answer in a filter):
  // the SDK answers unknown without asking the monitor, so the function is listed here.
  const outputArgsOf = <T>(tok: string, props: T): T => {
    const args = argsOf(tok, props);
    const whole = pulumi.output(args as pulumi.Input<T>) as unknown as {
      isKnown: Promise<boolean>;
    };
    void whole.isKnown.then(
      (known) => {
        if (!known) {
          unanswered.add(tok);
          fromArguments.add(tok);
        }
      },
      () => undefined,
    );
    return args;
  };
  const invokeOutput: InvokeOutputFn = (tok, props, opts, packageRef) =>
    outputAnswer(saved.invokeOutput(tok, outputArgsOf(tok, props), opts, packageRef));
  const invokeSingleOutput: InvokeSingleOutputFn = (tok, props, opts, packageRef) =>
    outputAnswer(saved.invokeSingleOutput(tok, outputArgsOf(tok, props), opts, packageRef));
  const call: CallFn = (tok, props, res, packageRef) =>
    outputAnswer(saved.call(tok, props, res, packageRef));
  const callSingle: CallSingleFn = (tok, props, res, packageRef) =>
    outputAnswer(saved.callSingle(tok, props, res, packageRef));
  Object.assign(runtime, {
    invoke,
    invokeSingle,
    invokeOutput,
    invokeSingleOutput,
    call,
    callSingle,
  });
  // The promise forms of a stack reference's outputs (`getOutputDetails`, `getOutputValue`,
  // `requireOutputValue`), which pulumi preview reads from the other stack's state: an output not
  // known offline (the stack config declares none) is a stand-in, as a lookup's promise-form
  // answer is, where the SDK would give plain `undefined` (a provider's region from it then read
  // as no region at all, not as another stack's output).
  const reference = pulumi.StackReference.prototype as unknown as StackReferenceReader;
  const readOutputValue = reference.readOutputValue;
  reference.readOutputValue = async function (this: pulumi.StackReference, caller, name, required) {
    const out = (required ? this.requireOutput(name) : this.getOutput(name)) as unknown as {
      isKnown: Promise<boolean>;
      isSecret: Promise<boolean>;
    };
    if (await out.isKnown) {
      return readOutputValue.call(this, caller, name, required);
    }
    return [standInAnswer(), await out.isSecret];
  };
  return () => {
    Object.assign(runtime, saved);
    reference.readOutputValue = readOutputValue;
  };
}

/** The SDK's reader behind a stack reference's promise-form outputs (not in its declarations). */
interface StackReferenceReader {
  readOutputValue(
    this: pulumi.StackReference,
    caller: string,
    name: pulumi.Input<string>,
    required: boolean,
  ): Promise<[unknown, boolean]>;
}
