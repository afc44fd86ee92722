/**
 * Why an evaluation never finished. A Pulumi program that stops making progress — an input that
 * waits on a resource whose registration failed, an output that never resolves, a promise the
 * program never settles — leaves the SDK waiting forever, and Node simply exits when nothing is
 * left to run. The offline engine must not mistake that for a finished program: it watches for
 * the moment nothing is left to run (or for its timeout) and asks this module which resources
 * never registered and what each one waits on, so the report names them.
 */
import * as pulumi from "@pulumi/pulumi";
import { describeProgramFailure, serializing } from "./load-program";

/** A resource the program constructed, with the inputs and options it was given. */
interface Constructed {
  readonly resource: pulumi.Resource;
  readonly type: string;
  readonly name: string;
  readonly props: Record<string, unknown>;
  readonly dependsOn: unknown;
  /** The resource's parent, which the SDK registers it under: it waits for the parent's URN. */
  readonly parent: pulumi.Resource | undefined;
  /**
   * Not registered by this construction: read from the cloud (`Resource.get`), which the monitor
   * answers as a read, or a reference to a resource that exists already — the SDK rebuilds a
   * resource it finds in an answer (another resource's input handed back as its output) from
   * its URN alone.
   */
  readonly elsewhere: boolean;
  /** The ID a read (`Resource.get`) was given: it may wait on another resource's output. */
  readonly readId: unknown;
}

type Settled = { state: "pending" } | { state: "resolved" } | { state: "rejected"; error: unknown };

/** Records every resource the program constructs (a stack transformation sees each one). */
/** How a stall explains a resource whose registration was sent and never answered. */
export const neverCompleted = "whose registration never completed";
/** How a stall line ends where an input waits on a promise of the program that never settled. */
export const unsettled = "waits on a promise that never settled";

/** The cause of a resource that waits, in the end, on itself. */
const inCycle = "which is part of a dependency cycle";

export class ConstructionLog {
  private readonly all: Constructed[] = [];

  /** Starts recording; call inside the stack (`runInPulumiStack`), before the program loads. */
  install(): void {
    const record: pulumi.ResourceTransformation = (args) => {
      const readId = (args.opts as { id?: unknown }).id;
      this.all.push({
        resource: args.resource,
        type: args.type,
        name: args.name,
        props: (args.props ?? {}) as Record<string, unknown>,
        dependsOn: args.opts.dependsOn,
        parent: args.opts.parent,
        elsewhere: readId !== undefined || args.opts.urn !== undefined,
        readId,
      });
      return undefined;
    };
    // Every resource holds the stack's transformations, so a function callback that captures a
    // resource whole (`callback: () => use(bucket)`) makes the SDK serialise this one too — and a
    // closure over the engine cannot be serialised. Under the CLI it does not exist; hide it the
    // way the SDK hides its own deployment-time functions.
    Object.assign(record, { doNotCapture: true });
    pulumi.runtime.registerStackTransformation(record);
  }

  /** How many resources the program constructed, reads included. */
  get constructions(): number {
    return this.all.length;
  }

  /**
   * How many resources the program constructed and registered (reads and rebuilt references
   * excluded).
   */
  get registrations(): number {
    return this.all.filter((c) => !c.elsewhere).length;
  }

  /**
   * Resources the program constructed that are not among `recorded` (URNs of what the monitor
   * saw registered), as "type "name"" labels, and the place of each one that is in the order
   * the program constructed them. Call once the program has finished: a resource whose
   * registration the SDK dropped without an error must not pass as checked.
   */
  async registered(
    recorded: ReadonlySet<string>,
  ): Promise<{ unrecorded: string[]; constructed: Map<string, number> }> {
    const unrecorded: string[] = [];
    const constructed = new Map<string, number>();
    for (const c of this.all) {
      if (c.elsewhere) {
        continue;
      }
      const urn = await outputPromise(c.resource.urn).catch(() => undefined);
      if (typeof urn !== "string" || !recorded.has(urn)) {
        unrecorded.push(`${c.type} ${JSON.stringify(c.name)}`);
      } else if (!constructed.has(urn)) {
        constructed.set(urn, constructed.size);
      }
    }
    return { unrecorded, constructed };
  }

  /**
   * Lines that say which resources never registered and why, following each wait to its cause
   * (a failed input, a failed registration, an output that never resolved). Call only once the
   * evaluation has stalled: it reads the state of promises that are no longer moving.
   */
  async explain(program: string, root: string): Promise<Stuck[]> {
    const describe = (e: unknown) => oneLine(e, program, root);
    const urnOf = (c: Constructed) => c.resource.urn;
    const inputsOf = (c: Constructed) =>
      Object.entries(c.props).flatMap(([key, value]) =>
        awaitables(value).map((a) => ({ key, awaitable: a })),
      );
    const states = await settledStates(
      this.all.flatMap((c) => [
        urnOf(c),
        ...inputsOf(c).map((i) => i.awaitable),
        ...awaitables(c.dependsOn),
        ...awaitables(c.readId),
      ]),
    );

    const byResource = new Map(this.all.map((c) => [c.resource, c]));
    const stateOf = (p: unknown): Settled => states.get(p) ?? { state: "resolved" };

    const failure = (awaitable: unknown, error: unknown) =>
      failureOf(awaitable, error, byResource, stateOf, describe);

    /**
     * Why `c` never registered (or, for a read, was never read), in one clause; `seen` guards
     * against cycles.
     */
    const cause = (c: Constructed, seen: Set<Constructed>): string => {
      if (seen.has(c)) {
        return inCycle;
      }
      seen.add(c);
      const on = (awaitable: unknown) => {
        const d = dependencyOf(awaitable);
        if (d !== undefined && !firstWait.has(c)) {
          firstWait.set(c, d);
        }
      };
      // A read (`Group.get(name, stack.outputs["Instances"])`) first waits on its ID.
      for (const id of awaitables(c.readId)) {
        const st = stateOf(id);
        if (st.state === "rejected") {
          return `whose ID ${failure(id, st.error)}`;
        }
        if (st.state === "pending") {
          on(id);
          return `whose ID ${waitOf(id, seen)}`;
        }
      }
      for (const { key, awaitable } of inputsOf(c)) {
        const st = stateOf(awaitable);
        if (st.state === "rejected") {
          return `whose input "${key}" ${failure(awaitable, st.error)}`;
        }
      }
      for (const { key, awaitable } of inputsOf(c)) {
        if (stateOf(awaitable).state === "pending") {
          on(awaitable);
          return `whose input "${key}" ${waitOf(awaitable, seen)}`;
        }
      }
      for (const dep of awaitables(c.dependsOn)) {
        if (stateOf(dep).state === "pending") {
          on(dep);
          return `which depends on ${waitOf(dep, seen).replace(/^waits on /, "")}`;
        }
      }
      const urn = stateOf(urnOf(c));
      if (urn.state === "rejected") {
        return `whose registration failed: ${describe(urn.error)}`;
      }
      const parent = c.parent === undefined ? undefined : byResource.get(c.parent);
      if (parent !== undefined && stateOf(urnOf(parent)).state === "pending") {
        firstWait.set(c, parent);
        return `whose parent is ${label(parent)}, ${cause(parent, seen)}`;
      }
      return neverCompleted;
    };

    /** The resource of the program a pending value waits on, whose URN has not resolved. */
    const dependencyOf = (awaitable: unknown): Constructed | undefined => {
      for (const dep of dependencies(awaitable)) {
        const c = byResource.get(dep);
        if (c !== undefined && stateOf(urnOf(c)).state !== "resolved") {
          return c;
        }
      }
      return undefined;
    };

    /**
     * The resource each one's cause waits on first (`cause`), where it is one: a value from it,
     * a `dependsOn` on it, it as the parent.
     */
    const firstWait = new Map<Constructed, Constructed>();

    /** What a pending input waits on: a resource that never registered, or nothing it names. */
    const waitOf = (awaitable: unknown, seen: Set<Constructed>): string => {
      const c = dependencyOf(awaitable);
      if (c !== undefined) {
        return `waits on ${label(c)}, ${cause(c, new Set(seen))}`;
      }
      return pulumi.Output.isInstance(awaitable)
        ? "waits on an output that never resolved (an apply or provider function that never returned)"
        : unsettled;
    };

    const stuck = this.all.filter((c) => stateOf(urnOf(c)).state === "pending");
    return stuck.map((c) => {
      const why = cause(c, new Set());
      const on = firstWait.get(c);
      return {
        line: `${label(c)} ${c.readId === undefined ? "never registered" : "never read from the cloud"}, ${why}`,
        label: label(c),
        // Not one whose registration failed, which is no line of its own; each of a cycle's
        // resources waits on another: each is a cause of its own.
        waitsOnAnother:
          on !== undefined && stateOf(urnOf(on)).state === "pending" && !why.endsWith(inCycle),
      };
    });
  }

  /**
   * The resource and input a program failed on, when its failure is an input's value that
   * failed (`error` itself: SDKs since 3.257 fail the program with it, its message prefixed
   * `error serializing property "<key>": `, where older ones left the resource waiting for
   * `explain`), in `explain`'s words; undefined for any other failure.
   */
  async failedInput(error: unknown, program: string, root: string): Promise<string | undefined> {
    const inputs = this.all.flatMap((c) =>
      Object.entries(c.props).flatMap(([key, value]) =>
        awaitables(value).map((awaitable) => ({ c, key, awaitable })),
      ),
    );
    const states = await settledStates([
      ...inputs.map((i) => i.awaitable),
      ...this.all.map((c) => c.resource.urn),
    ]);
    const stateOf = (p: unknown): Settled => states.get(p) ?? { state: "resolved" };
    const hit = inputs.find(({ awaitable }) => {
      const st = stateOf(awaitable);
      return st.state === "rejected" && st.error === error;
    });
    if (hit === undefined) {
      return undefined;
    }
    const byResource = new Map(this.all.map((c) => [c.resource, c]));
    const why = failureOf(hit.awaitable, error, byResource, stateOf, (e) =>
      oneLine(e, program, root),
    );
    return `${label(hit.c)} never registered, whose input "${hit.key}" ${why}`;
  }
}

const label = (c: Constructed) => `${c.type} ${JSON.stringify(c.name)}`;

/** A resource that never registered, and why (`ConstructionLog.explain`). */
export interface Stuck {
  /** The resource and the chain of waits to the cause, in one line. */
  readonly line: string;
  /** The resource's type and name. */
  readonly label: string;
  /** Whether it waits, first, on another resource that never registered (not a root cause). */
  readonly waitsOnAnother: boolean;
}

/**
 * How an input's value failed, completing "whose input "<key>" …": the registration of a
 * resource of the program it comes from, or its own error.
 */
function failureOf(
  awaitable: unknown,
  error: unknown,
  byResource: ReadonlyMap<pulumi.Resource, Constructed>,
  stateOf: (p: unknown) => Settled,
  describe: (e: unknown) => string,
): string {
  const failed = dependencies(awaitable)
    .map((d) => byResource.get(d))
    .find((d) => d !== undefined && stateOf(d.resource.urn).state === "rejected");
  if (failed !== undefined) {
    const urn = stateOf(failed.resource.urn) as { error: unknown };
    return `comes from ${label(failed)}, whose registration failed: ${describe(urn.error)}`;
  }
  return `failed: ${describe(error)}`;
}

/**
 * The state of each Output, resource (its URN) or promise in `items`, keyed by the item itself
 * (an Output makes a new promise per call). Call once nothing is moving: whatever can still
 * settle does so within the current turn's microtasks.
 */
async function settledStates(items: readonly unknown[]): Promise<Map<unknown, Settled>> {
  const states = new Map<unknown, Settled>();
  for (const a of items) {
    const p = promiseOf(a);
    if (!states.has(a) && isThenable(p)) {
      states.set(a, { state: "pending" });
      p.then(
        () => states.set(a, { state: "resolved" }),
        (error: unknown) => states.set(a, { state: "rejected", error }),
      );
    }
  }
  await new Promise((resolve) => setImmediate(resolve));
  return states;
}

/** The names of the program's exports (stack outputs) whose value never settled. */
export async function pendingExports(exported: unknown): Promise<string[]> {
  if (typeof exported !== "object" || exported === null) {
    return [];
  }
  const entries = Object.entries(exported).map(([name, value]) => ({
    name,
    items: awaitables(value),
  }));
  const states = await settledStates(entries.flatMap((e) => e.items));
  return entries
    .filter((e) => e.items.some((a) => states.get(a)?.state === "pending"))
    .map((e) => e.name);
}

function isThenable(v: unknown): v is Promise<unknown> {
  return typeof (v as { then?: unknown } | null)?.then === "function";
}

/** The promise behind an Output (internal to the SDK, stable since 1.0), a promise, or a resource's URN. */
function promiseOf(v: unknown): unknown {
  if (pulumi.Output.isInstance(v)) {
    return outputPromise(v);
  }
  if (pulumi.Resource.isInstance(v)) {
    return outputPromise(v.urn);
  }
  return v;
}

function outputPromise(o: pulumi.Output<unknown>): Promise<unknown> {
  return (o as unknown as { promise(withUnknowns?: boolean): Promise<unknown> }).promise(true);
}

/** The resources an input value comes from. */
function dependencies(awaitable: unknown): pulumi.Resource[] {
  if (pulumi.Resource.isInstance(awaitable)) {
    return [awaitable];
  }
  return pulumi.Output.isInstance(awaitable) ? [...outputResources(awaitable)] : [];
}

function outputResources(o: pulumi.Output<unknown>): Set<pulumi.Resource> {
  return (o as unknown as { resources(): Set<pulumi.Resource> }).resources();
}

/** Outputs, promises and resources inside an input value (arrays and plain objects walked). */
function awaitables(v: unknown, depth = 0): unknown[] {
  if (v === null || v === undefined || depth > 8) {
    return [];
  }
  if (pulumi.Output.isInstance(v) || pulumi.Resource.isInstance(v) || isThenable(v)) {
    return [v];
  }
  if (Array.isArray(v)) {
    return v.flatMap((x) => awaitables(x, depth + 1));
  }
  if (typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.values(v).flatMap((x) => awaitables(x, depth + 1));
  }
  return [];
}

/** A failure as one line, without the SDK's serialisation prefixes (see describeProgramFailure). */
function oneLine(e: unknown, program: string, root: string): string {
  if (e instanceof Error && serializing.test(e.message)) {
    // The SDK prefixes an input's failure with where it was serialised; judge the cause alone,
    // so that an error without a message is still described by its type and line.
    const cause = Object.create(Object.getPrototypeOf(e) as object) as Error;
    Object.defineProperties(cause, {
      message: { value: e.message.replace(serializing, "") },
      stack: { value: e.stack },
      // What lies under it (`fetch failed`: the host it could not reach).
      cause: { value: e.cause },
    });
    return oneLine(cause, program, root);
  }
  const text = describeProgramFailure(e, program, root);
  return closureFailure(text) ?? text.split("\n")[0].trim();
}

/**
 * The SDK's failure to serialise a function (a Lambda callback) as one line: its first line names
 * only the function, and the reason is at the end of the chain of captures that follows —
 * "function 'x': which could not be serialized because" and, on the next line, why. The chain's
 * first captured variable is named too: it is the callback's own, which the program can change,
 * where the failing function may lie deep inside a library it reaches.
 */
export function closureFailure(text: string): string | undefined {
  const lines = text.split("\n");
  if (!lines[0].startsWith("Error serializing ")) {
    return undefined;
  }
  const because = /^\s*(.*?):? which could not be serialized because$/;
  let at = lines.length - 1;
  while (at >= 0 && !because.test(lines[at])) {
    at -= 1;
  }
  const reason = at < 0 ? undefined : lines[at + 1]?.trim();
  if (!reason) {
    return undefined;
  }
  const what = because.exec(lines[at])![1];
  const captured = lines
    .slice(1, at + 1)
    .map((line) => /^\s*variable '([^']+)'/.exec(line)?.[1])
    .find((name) => name !== undefined);
  const through = captured === undefined ? "" : ` through the captured variable '${captured}',`;
  return `${lines[0].trim()}:${through} ${what} could not be serialized because ${reason}`;
}
