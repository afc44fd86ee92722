/**
 * The analyzer client's connection, in a worker thread of its own. While `check` evaluates a
 * program, the main thread is busy with it almost all the time, and reads answers (and frees
 * places for more requests) only when its event loop turns: the pack would wait on us. Here a
 * thread that does nothing else keeps the requests flowing — configure as soon as the pack
 * listens, then every encoded request (engine/analyzer-wire.ts encodes them on the main thread)
 * on the pack's framed channel (engine/pack-frames-client.ts) or, for a pack the engine did not
 * start, one HTTP/2 connection (engine/pack-connection.ts) — and sends back each answer's
 * diagnostics as plain objects. See PolicyPackSession.streamPlan.
 *
 * Messages, in batches both ways. In: `connect` (port, framed channel's port if any, the config
 * to send first if any),
 * `analyze` and `stack` (an id and the encoded request). Out: `configured`, `answer` (id,
 * diagnostics) or `failed` (id or none for the connection, the pack's words).
 */
import { parentPort } from "node:worker_threads";
import { AnalyzeResponse } from "@pulumi/pulumi/proto/analyzer_pb";
import {
  analyzerMethods,
  configureRequest,
  diagnostics,
  type PolicyPackConfig,
} from "./analyzer-messages";
import { CallWindow } from "./call-window";
import { PackCallError, PackConnection } from "./pack-connection";
import { FramedConnection, type PackCalls } from "./pack-frames-client";

export type ThreadRequest =
  | {
      readonly kind: "connect";
      readonly port: number;
      /** The pack's framed channel (engine/pack-frames.ts): used instead of gRPC when given. */
      readonly frames?: number;
      readonly config?: PolicyPackConfig;
    }
  | {
      readonly kind: "analyze" | "stack" | "stack-parts";
      readonly id: number;
      readonly req: Uint8Array;
    }
  /** An entry of the stack's request sent ahead of it, under `id` (engine/pack-frames.ts). */
  | { readonly kind: "entry"; readonly id: number; readonly req: Uint8Array };

export type ThreadAnswer =
  | { readonly kind: "configured" }
  | { readonly kind: "answer"; readonly id: number; readonly diagnostics: unknown[] }
  | { readonly kind: "failed"; readonly id?: number; readonly error: string };

let connection: PackCalls | undefined;
/** Requests that arrived before the pack was configured. */
let ready: Promise<void> = new Promise<void>(() => undefined);

/**
 * Answers not yet sent. They go to the main thread together, once per turn of this thread's
 * event loop: one socket read often completes many calls, and a message between threads costs
 * about as much as the answer it carries.
 */
let outbox: ThreadAnswer[] = [];

function post(m: ThreadAnswer): void {
  outbox.push(m);
  if (outbox.length === 1) {
    setImmediate(flush);
  }
}

function flush(): void {
  const batch = outbox;
  outbox = [];
  parentPort?.postMessage(batch);
}

/** What a failed call reports: the pack's own words when it answered. */
function errorText(err: unknown): string {
  if (err instanceof PackCallError) {
    return err.details || err.message;
  }
  return err instanceof Error ? err.message : String(err);
}

function connect(m: Extract<ThreadRequest, { kind: "connect" }>): void {
  const c = m.frames === undefined ? new PackConnection(m.port) : new FramedConnection(m.frames);
  connection = c;
  ready =
    m.config === undefined
      ? Promise.resolve()
      : c.call(analyzerMethods.configure, configureRequest(m.config)).then(() => undefined);
  ready.then(
    () => post({ kind: "configured" }),
    (err: unknown) => post({ kind: "failed", error: errorText(err) }),
  );
}

/**
 * Calls this thread keeps on the connection at once; the rest wait here, in order. The window is
 * kept here rather than on the main thread: a slot frees as soon as this thread reads an answer,
 * whereas the main thread, busy with the program, reads answers only when its event loop turns
 * (sometimes a second or more apart), and the pack would wait idle meanwhile. Kept here, 16 was
 * as fast as 128 at 5,000 resources; on the main thread, 256 was no faster than 128 and held
 * 20–60 MB more.
 */
const calls = new CallWindow(128);

async function analyze(
  m: Extract<ThreadRequest, { kind: "analyze" | "stack" | "stack-parts" }>,
): Promise<void> {
  try {
    await ready;
  } catch {
    return;
  }
  if (connection === undefined) {
    post({ kind: "failed", id: m.id, error: "the analysis was not connected to a policy pack" });
    return;
  }
  try {
    const answer = AnalyzeResponse.deserializeBinary(
      m.kind === "stack-parts"
        ? await (connection as FramedConnection).callStackOfEntries(m.req)
        : await connection.call(
            m.kind === "stack" ? analyzerMethods.stack : analyzerMethods.analyze,
            m.req,
          ),
    );
    post({ kind: "answer", id: m.id, diagnostics: diagnostics(answer, undefined) });
  } catch (err) {
    post({ kind: "failed", id: m.id, error: errorText(err) });
  }
}

parentPort?.on("message", (batch: readonly ThreadRequest[]) => {
  for (const m of batch) {
    if (m.kind === "connect") {
      connect(m);
    } else if (m.kind === "entry") {
      // Sent only once connected, and only to a pack with a framed channel.
      if (connection instanceof FramedConnection) {
        connection.sendEntry(m.id, m.req);
      }
    } else {
      void calls.run(() => analyze(m));
    }
  }
});
