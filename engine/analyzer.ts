/**
 * Runs a CrossGuard policy pack on a recorded plan exactly as the Pulumi CLI does: the pack's
 * entry is started as its own process, it serves the analyzer gRPC protocol on loopback and
 * prints its port, and this client drives it with the CLI's requests — `configure` with the
 * policy config, `analyze` per resource (inputs, options, provider), then `analyzeStack` with
 * every resource's outputs, parent and dependencies. The pack's own runtime does the
 * deserialisation, unknown-value handling, enforcement levels and config validation. A pack the
 * engine started takes the same requests, into the same handlers of its runtime, on a framed
 * channel cheaper than gRPC (engine/pack-frames.ts); one it did not start is called over gRPC.
 */
import type { ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import type { Worker } from "node:worker_threads";
import * as path from "node:path";
import { AnalyzeResponse } from "@pulumi/pulumi/proto/analyzer_pb";
import {
  analyzerMethods,
  configureRequest,
  type Diagnostic,
  diagnostics,
  type PolicyPackConfig,
} from "./analyzer-messages";
import type { ThreadAnswer, ThreadRequest } from "./analyzer-thread";
import {
  encodeAnalyzeRequest,
  encodeAnalyzeStackRequest,
  encodeStackEntry,
  type ProviderRef,
} from "./analyzer-wire";
import { CallWindow } from "./call-window";
import { PackConnection } from "./pack-connection";
import { PackError } from "./pack-error";
import { engineWorker } from "./program-loop";
import { encodeStackOfEntries, type StackPart } from "./pack-frames";
import { FramedConnection, type PackCalls } from "./pack-frames-client";
import { isProviderType, type Plan, type RecordedResource } from "./plan";
import { engineModule, type PackEndpoint, type SpawnedPack, spawnPack } from "./spawn-pack";
import { mark } from "./timings";

export type { Diagnostic, Level, PolicyPackConfig } from "./analyzer-messages";
export { PackError } from "./pack-error";

/**
 * The config each pack was last sent from this process, by endpoint: sessions that share a pack
 * (a test harness's) send it again only when it changes. A pack started anew is a new endpoint.
 */
const lastConfig = new WeakMap<PackEndpoint, string>();

/**
 * Sends one encoded request — a resource's, the stack's, or the stack's in parts
 * (engine/pack-frames.ts) — and answers its diagnostics.
 */
type Send = (kind: "analyze" | "stack" | "stack-parts", req: Buffer) => Promise<Diagnostic[]>;

/**
 * Where the entries of the stack's request go ahead of it, each under an id unique on its
 * connection: a pack's framed channel (engine/pack-frames.ts).
 */
interface EntrySink {
  put(bytes: Buffer): number;
}

/**
 * A running policy pack and this thread's connection to it — its framed channel when the engine
 * started it (engine/pack-frames-client.ts), else gRPC (engine/pack-connection.ts) — made at
 * the first call: `check` streams its plan through a thread of its own and never calls from
 * here. The connection holds the process only while a call is under way; close the session
 * when done all the same, to stop a pack it started.
 */
export class PolicyPackSession {
  private connection: PackCalls | undefined;
  /** The next id of an entry of a stack's request sent ahead on the connection. */
  private nextEntry = 0;

  private constructor(
    private readonly endpoint: PackEndpoint,
    /** The pack's process when this session owns it (stops it on close). */
    private readonly owned: ChildProcess | undefined,
    private readonly port: number,
    /** The port of the engine's framed channel to the pack, when it has one (pack-frames.ts). */
    private readonly framesPort: number | undefined,
    private readonly stderr: () => string,
  ) {}

  /** Starts the pack in `packDir` (its `index.ts` builds the PolicyPack) and connects. */
  static start(packDir: string): Promise<PolicyPackSession> {
    return PolicyPackSession.connect(spawnPack(packDir));
  }

  /** Connects to a pack started with spawnPack, and stops it on close. */
  static async connect(pack: SpawnedPack): Promise<PolicyPackSession> {
    let port: number;
    try {
      port = await pack.port;
    } catch (e) {
      pack.child.kill();
      throw e;
    }
    return new PolicyPackSession(pack, pack.child, port, await pack.frames, pack.stderr);
  }

  /**
   * Connects to a pack that others use too; close leaves it running. Its config is whatever
   * the last session sent: configure before analysing.
   */
  static async attach(pack: PackEndpoint): Promise<PolicyPackSession> {
    const port = await pack.port;
    return new PolicyPackSession(pack, undefined, port, await pack.frames, pack.stderr);
  }

  /** Sends the policy config, as `--policy-pack-config` does. */
  async configure(config: PolicyPackConfig): Promise<void> {
    const key = JSON.stringify(config);
    if (lastConfig.get(this.endpoint) === key) {
      return;
    }
    lastConfig.delete(this.endpoint);
    await this.call(analyzerMethods.configure, configureRequest(config));
    lastConfig.set(this.endpoint, key);
  }

  /** Runs every resource policy on each resource, then every stack policy on the whole plan. */
  async analyzePlan(plan: Plan, memo?: AnswerMemo): Promise<Diagnostic[]> {
    const send: Send = (kind, req) => this.send(kind, req);
    const analysis = new PlanAnalysis(
      Promise.resolve(),
      memo ? memoized(send, memo) : send,
      undefined,
      this.framesPort === undefined ? undefined : Promise.resolve(this.entrySink()),
    );
    for (const r of plan.resources) {
      analysis.add(r);
    }
    return analysis.finish(plan);
  }

  /**
   * Only the stack's request of `analyzePlan`, for a caller that needs only the stack policies'
   * answer (a test harness judging whole-plan policies apart): the pack keeps no state between
   * requests, so it answers what it would answer within the whole.
   */
  async analyzeStackOnly(plan: Plan): Promise<Diagnostic[]> {
    return this.send("stack", stackRequest(plan));
  }

  /**
   * An analysis fed resource by resource while the program still runs, as the Pulumi CLI
   * analyses each resource at its step: the pack judges the first resources while the program
   * registers the next. The program keeps this thread busy, so the connection is kept by a
   * thread of its own (engine/analyzer-thread.ts), which sends `config` first once the session
   * is there; this thread only encodes the requests. Close it when done, whatever happened.
   */
  static streamPlan(session: Promise<PolicyPackSession>, config: PolicyPackConfig): PlanAnalysis {
    const thread = new AnalyzerThread();
    const ready = session.then((s) => s.connectThread(thread, config));
    ready.catch(() => undefined);
    const send: Send = (kind, req) =>
      thread.send(kind, req).catch(async (e: Error) => {
        throw (await session).packError(e);
      });
    // Entries go ahead once the thread is connected, when the pack has a framed channel.
    const entries = ready.then(async () =>
      (await session).framesPort === undefined ? undefined : thread,
    );
    return new PlanAnalysis(ready, send, thread, entries);
  }

  /** Points the thread at this session's pack, configured with `config` unless it already is. */
  private async connectThread(thread: AnalyzerThread, config: PolicyPackConfig): Promise<void> {
    const key = JSON.stringify(config);
    const sent = lastConfig.get(this.endpoint) === key;
    lastConfig.delete(this.endpoint);
    try {
      await thread.connect(this.port, this.framesPort, sent ? undefined : config);
    } catch (e) {
      throw this.packError(e as Error);
    }
    lastConfig.set(this.endpoint, key);
  }

  /** Disconnects, and stops the pack's process if this session started it. */
  close(): void {
    this.connection?.close();
    this.owned?.kill();
  }

  /** An analyze call whose request engine/analyzer-wire.ts has encoded. */
  private async send(
    kind: "analyze" | "stack" | "stack-parts",
    req: Buffer,
  ): Promise<Diagnostic[]> {
    const answer = await (kind === "stack-parts"
      ? this.calling((c) => (c as FramedConnection).callStackOfEntries(req))
      : this.call(analyzerMethods[kind], req));
    return diagnostics(AnalyzeResponse.deserializeBinary(answer), undefined);
  }

  /** Entries of stack requests sent ahead on this session's framed connection. */
  private entrySink(): EntrySink {
    return {
      put: (bytes) => {
        const id = this.nextEntry;
        this.nextEntry = (this.nextEntry + 1) >>> 0;
        (this.connect() as FramedConnection).sendEntry(id, bytes);
        return id;
      },
    };
  }

  /** The error a failed call reports: the pack's own words, then what it wrote to stderr. */
  private packError(err: { details?: string; message: string }): Error {
    const detail = this.stderr().trim();
    return new PackError(
      `Policy pack error: ${err.details || err.message}${detail ? `\n${detail}` : ""}`,
    );
  }

  /** One call on this thread's connection; a failure reports as packError says. */
  private call(method: string, req: Uint8Array): Promise<Buffer> {
    return this.calling((c) => c.call(method, req));
  }

  /** `run` on this thread's connection; a failure reports as packError says. */
  private async calling(run: (c: PackCalls) => Promise<Buffer>): Promise<Buffer> {
    try {
      return await run(this.connect());
    } catch (e) {
      throw this.packError(e as Error & { details?: string });
    }
  }

  /** This thread's connection to the pack, opened at the first use. */
  private connect(): PackCalls {
    this.connection ??=
      this.framesPort === undefined
        ? new PackConnection(this.port)
        : new FramedConnection(this.framesPort);
    return this.connection;
  }
}

/**
 * The connection's thread (engine/analyzer-thread.ts), seen from this one: requests go out as
 * messages, answers come back by id. It never keeps the process alive.
 */
class AnalyzerThread {
  private readonly worker: Worker;
  private readonly pending = new Map<
    number,
    { resolve: (d: Diagnostic[]) => void; reject: (e: Error) => void }
  >();
  private nextId = 0;
  private nextEntry = 0;
  private outbox: ThreadRequest[] = [];
  private configured: { resolve: () => void; reject: (e: Error) => void } | undefined;
  private failure: Error | undefined;

  constructor() {
    const file = engineModule("analyzer-thread");
    // The engine's sources are TypeScript when it runs from this repository: the thread loads
    // the same compile hook first (a no-op for the built package, which is JavaScript).
    const hook = path.join(__dirname, "register-ts.js");
    // The Worker as it was before a program ran: the pack's thread is no worker of the program's.
    this.worker = new engineWorker(
      `require(${JSON.stringify(hook)}); require(${JSON.stringify(file)});`,
      {
        eval: true,
      },
    );
    // Held (ref) only while an answer is awaited, like any pending request would hold it.
    this.worker.unref();
    this.worker.on("message", (batch: readonly ThreadAnswer[]) => {
      for (const m of batch) {
        this.answer(m);
      }
    });
    this.worker.on("error", (e) => this.fail(e));
    this.worker.on("exit", (code) => {
      if (this.pending.size > 0 || this.configured) {
        this.fail(new Error(`the analyzer connection's thread ended (exit code ${code})`));
      }
    });
  }

  connect(
    port: number,
    frames: number | undefined,
    config: PolicyPackConfig | undefined,
  ): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.configured = { resolve, reject };
      this.post({ kind: "connect", port, frames, config });
      this.hold();
    });
  }

  /** Sends an entry of the stack's request ahead of it (see EntrySink); no answer comes. */
  put(bytes: Buffer): number {
    const id = this.nextEntry++;
    this.post({ kind: "entry", id, req: bytes });
    return id;
  }

  send(kind: "analyze" | "stack" | "stack-parts", req: Buffer): Promise<Diagnostic[]> {
    if (this.failure) {
      return Promise.reject(this.failure);
    }
    const id = this.nextId++;
    return new Promise<Diagnostic[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.post({ kind, id, req });
      this.hold();
    });
  }

  /** Keeps the process alive exactly while an answer is awaited. */
  private hold(): void {
    if (this.pending.size > 0 || this.configured) {
      this.worker.ref();
    } else {
      this.worker.unref();
    }
  }

  close(): void {
    void this.worker.terminate();
  }

  /**
   * Requests go to the thread together, once per turn of the event loop or every
   * `requestBatch` (see the thread's own batches of answers); one that waits for the loop never
   * waits long, as every answer needs the loop too.
   */
  private post(m: ThreadRequest): void {
    this.outbox.push(m);
    if (this.outbox.length >= requestBatch) {
      this.flush();
    } else if (this.outbox.length === 1) {
      setImmediate(() => this.flush());
    }
  }

  private flush(): void {
    if (this.outbox.length > 0) {
      this.worker.postMessage(this.outbox);
      this.outbox = [];
    }
  }

  private answer(m: ThreadAnswer): void {
    if (m.kind === "configured") {
      this.configured?.resolve();
      this.configured = undefined;
      this.hold();
      return;
    }
    if (m.kind === "failed" && m.id === undefined) {
      this.fail(new Error(m.error));
      return;
    }
    const id = m.id as number;
    const waiting = this.pending.get(id);
    this.pending.delete(id);
    this.hold();
    if (m.kind === "answer") {
      waiting?.resolve(m.diagnostics as Diagnostic[]);
    } else {
      waiting?.reject(new Error(m.error));
    }
  }

  private fail(e: Error): void {
    this.failure ??= e;
    this.configured?.reject(e);
    this.configured = undefined;
    for (const w of this.pending.values()) {
      w.reject(e);
    }
    this.pending.clear();
    this.hold();
  }
}

/**
 * Answers to per-resource requests already sent, by the request's bytes, for a caller that
 * analyses many plans sharing resources under one config (a test harness): the pack keeps no
 * state between requests, so the same request under the same config gets the same answer. Keep
 * one memo per config.
 */
export type AnswerMemo = Map<string, Promise<Diagnostic[]>>;

function memoized(send: Send, memo: AnswerMemo): Send {
  return (kind, req) => {
    if (kind !== "analyze") {
      return send(kind, req);
    }
    const key = createHash("sha1").update(req).digest("base64");
    let answer = memo.get(key);
    if (answer === undefined) {
      answer = send(kind, req);
      memo.set(key, answer);
      answer.catch(() => memo.delete(key));
    }
    return answer;
  };
}

/**
 * Analyze requests an analysis on this thread's own connection keeps on it at once (a streamed
 * analysis hands every request to its connection's thread at once, and that thread keeps the
 * same window: engine/analyzer-thread.ts). 256 was no faster than 128 and held 20–60 MB more at
 * 5,000 resources.
 */
const inFlight = 128;

/** Requests the main thread hands the connection's thread in one message, at most. */
const requestBatch = 32;

/** One resource's analysis: its diagnostics, or why the call failed. */
type Outcome = { readonly ok: Diagnostic[] } | { readonly error: unknown };

/**
 * The analysis of one plan. Resources are added as they are recorded; up to `inFlight` requests
 * are on the connection at once, so that the pack analyses one resource while this process
 * encodes the next (a streamed analysis sends each request as its resource is recorded, and its
 * connection's thread keeps the window). Each request stands alone (the CLI's step generator
 * sends them one by one; the pack keeps no state between them). `finish` sends the stack, and
 * the diagnostics keep the plan's order.
 *
 * A failed call is kept as an outcome, never left as a rejected promise: a program still running
 * treats unhandled rejections as its own failures.
 */
export class PlanAnalysis {
  private readonly outcomes = new Map<RecordedResource, Promise<Outcome>>();
  private readonly byUrn = new Map<string, RecordedResource>();
  private readonly providerOf = providersOf(this.byUrn, "inputs");
  private readonly stackProviderOf = providersOf(this.byUrn, "outputs");
  /**
   * Each added resource's entry of the stack's request, encoded as it is added: the request is
   * then joined, not written, once the program has finished — when the pack, done with the last
   * resources, would otherwise wait for it.
   */
  private readonly stackEntries = new Map<RecordedResource, StackEntry>();
  /** The window on this thread's own connection; a connection's thread keeps its own. */
  private readonly window: CallWindow | undefined;
  /** Where entries go ahead of the stack's request, once known to reach the pack. */
  private sink: EntrySink | undefined;

  /**
   * `thread`, when the requests go through the connection's thread, which keeps the window
   * itself; otherwise this analysis keeps at most `inFlight` on the connection. `entries`, when
   * the connection can take the stack's request in parts: each entry is then sent to the pack
   * as soon as it is encoded, and the pack decodes it while the program still runs.
   */
  constructor(
    private readonly ready: Promise<void>,
    private readonly sendRequest: Send,
    private readonly thread?: { close(): void },
    entries?: Promise<EntrySink | undefined>,
  ) {
    this.window = thread === undefined ? new CallWindow(inFlight) : undefined;
    entries?.then(
      (sink) => {
        this.sink = sink;
        // The entries encoded before the connection was known go now.
        for (const [r, entry] of this.stackEntries) {
          this.stackEntries.set(r, this.sent(entry));
        }
      },
      () => undefined,
    );
  }

  /** `entry` sent ahead when it can be: its id then stands for its bytes. */
  private sent(entry: StackEntry): StackEntry {
    if (this.sink === undefined || !("bytes" in entry)) {
      return entry;
    }
    return { sent: this.sink.put(entry.bytes) };
  }

  /** Starts the analysis of `r`; its provider must have been added before it. */
  add(r: RecordedResource): void {
    this.byUrn.set(r.urn, r);
    this.stackEntries.set(r, this.sent(stackEntry(r, this.stackProviderOf)));
    const provider = this.providerOf(r);
    // Encoded when its call starts, so that requests waiting for the window hold no bytes.
    const call = async (): Promise<Outcome> => {
      const found = await this.sendRequest("analyze", encodeAnalyzeRequest(r, provider));
      return { ok: found.map((d) => (d.urn ? d : { ...d, urn: r.urn })) };
    };
    this.outcomes.set(
      r,
      this.ready
        .then(() => (this.window ? this.window.run(call) : call()))
        .catch((error: unknown) => ({ error })),
    );
  }

  /**
   * Every resource policy's diagnostics for each resource of the plan (any not added yet is
   * analysed now), then every stack policy's on the whole plan.
   */
  async finish(plan: Plan): Promise<Diagnostic[]> {
    try {
      const answers = this.resourcesOnly(plan);
      // The stack's request is written while the pack still answers the resources' requests;
      // it is sent once they are answered, as the Pulumi CLI asks. A resource's own failure is
      // still the one reported first.
      let stackReq:
        | { readonly kind: "stack" | "stack-parts"; readonly req: Buffer }
        | { readonly error: unknown };
      try {
        stackReq = this.stackRequest(plan);
      } catch (error) {
        stackReq = { error };
      }
      mark("analyze stack: request");
      const out = await answers;
      mark("analyze resources");
      if ("error" in stackReq) {
        throw stackReq.error;
      }
      out.push(...(await this.sendRequest(stackReq.kind, stackReq.req)));
      mark("analyze stack");
      return out;
    } finally {
      this.close();
    }
  }

  /**
   * The stack's request: the entries encoded as resources were added, in the plan's order (any
   * resource not added, or added before its provider, is encoded now, against the whole plan) —
   * joined, or, when entries went ahead, the list of them with the others written in full. The
   * first resource whose outputs cannot be sent is the failure, as when written at once.
   */
  private stackRequest(plan: Plan): {
    readonly kind: "stack" | "stack-parts";
    readonly req: Buffer;
  } {
    let whole: ((r: RecordedResource) => ProviderRef | undefined) | undefined;
    let ahead = false;
    const parts = plan.resources.map((r): StackPart => {
      let entry = this.stackEntries.get(r);
      if (entry === undefined || "unplaced" in entry) {
        whole ??= stackProviders(plan);
        entry = stackEntry(r, whole, true);
      }
      if ("error" in entry) {
        throw entry.error;
      }
      if ("sent" in entry) {
        ahead = true;
        return { entry: entry.sent };
      }
      return { bytes: (entry as { readonly bytes: Buffer }).bytes };
    });
    return ahead
      ? { kind: "stack-parts", req: encodeStackOfEntries(parts) }
      : {
          kind: "stack",
          req: Buffer.concat(parts.map((p) => (p as { readonly bytes: Buffer }).bytes)),
        };
  }

  /** Every resource policy's diagnostics for each resource of the plan, in the plan's order. */
  private async resourcesOnly(plan: Plan): Promise<Diagnostic[]> {
    for (const r of plan.resources) {
      if (!this.outcomes.has(r)) {
        this.add(r);
      }
    }
    const out: Diagnostic[] = [];
    for (const r of plan.resources) {
      const outcome = await (this.outcomes.get(r) as Promise<Outcome>);
      if ("error" in outcome) {
        throw outcome.error;
      }
      out.push(...outcome.ok);
    }
    return out;
  }

  /** Lets go of the connection's thread, if the analysis has one (finish does it too). */
  close(): void {
    this.thread?.close();
  }
}

/** The `AnalyzeStackRequest` of a plan: every resource with its outputs and its provider's. */
function stackRequest(plan: Plan): Buffer {
  return encodeAnalyzeStackRequest(plan.resources, stackProviders(plan));
}

/** The provider of each resource of the stack's request: its outputs, found in the whole plan. */
function stackProviders(plan: Plan): (r: RecordedResource) => ProviderRef | undefined {
  return providersOf(new Map(plan.resources.map((r) => [r.urn, r])), "outputs");
}

/**
 * A resource's entry of the stack's request, why it cannot be sent, or that its provider was not
 * added yet.
 */
type StackEntry =
  | { readonly bytes: Buffer }
  | { readonly error: unknown }
  | { readonly unplaced: true }
  /** Sent to the pack ahead of the request, under this id. */
  | { readonly sent: number };

/**
 * `r`'s entry; `whole`, when `providerOf` knows every resource of the plan (a provider it does
 * not know then has none to send), otherwise only those added so far.
 */
function stackEntry(
  r: RecordedResource,
  providerOf: (r: RecordedResource) => ProviderRef | undefined,
  whole = false,
): StackEntry {
  const provider = providerOf(r);
  if (!whole && provider === undefined && r.provider !== undefined && !isProviderType(r.type)) {
    return { unplaced: true };
  }
  try {
    return { bytes: encodeStackEntry(r, provider) };
  } catch (error) {
    return { error };
  }
}

/**
 * The provider message of each resource, `which` of its properties; built once per provider
 * and plan (most resources of a plan share two or three providers).
 */
function providersOf(
  byUrn: ReadonlyMap<string, RecordedResource>,
  which: "inputs" | "outputs",
): (r: RecordedResource) => ProviderRef | undefined {
  const built = new Map<string, ProviderRef>();
  return (r) => {
    if (!r.provider || isProviderType(r.type)) {
      return undefined;
    }
    const p = byUrn.get(r.provider);
    if (!p) {
      return undefined;
    }
    let pr = built.get(p.urn);
    if (pr === undefined) {
      pr = { type: p.type, name: p.name, urn: p.urn, properties: p[which] };
      built.set(p.urn, pr);
    }
    return pr;
  };
}
