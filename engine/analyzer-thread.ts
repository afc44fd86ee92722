/**
 * The analyzer client's connection, in a worker thread of its own. While `check` evaluates a
 * program, the main thread is busy with it almost all the time, and a gRPC exchange needs the
 * event loop several times per request: the pack would wait on us. Here a thread that does
 * nothing else keeps the requests flowing — configure as soon as the pack listens, then every
 * encoded request (engine/analyzer-wire.ts encodes them on the main thread) — and sends back
 * each answer's diagnostics as plain objects. See PolicyPackSession.streamPlan.
 *
 * Messages in: `connect` (port, the config to send first if any), `analyze` and `stack` (an id
 * and the encoded request). Out: `configured`, `answer` (id, diagnostics) or `failed` (id or
 * none for the connection, the gRPC error's text).
 */
import { parentPort } from "node:worker_threads";
import type * as GrpcModule from "@grpc/grpc-js";
import { AnalyzerClient, AnalyzerService } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import type * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import { configureRequest, diagnostics, fromSdk, type PolicyPackConfig } from "./analyzer-messages";

export type ThreadRequest =
  | { readonly kind: "connect"; readonly port: number; readonly config?: PolicyPackConfig }
  | { readonly kind: "analyze" | "stack"; readonly id: number; readonly req: Uint8Array };

export type ThreadAnswer =
  | { readonly kind: "configured" }
  | { readonly kind: "answer"; readonly id: number; readonly diagnostics: unknown[] }
  | { readonly kind: "failed"; readonly id?: number; readonly error: string };

const grpc = fromSdk<typeof GrpcModule>("@grpc/grpc-js");
const raw = (b: Uint8Array): Buffer => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

let client: AnalyzerClient | undefined;
/** Requests that arrived before the pack was configured. */
let ready: Promise<void> = new Promise<void>(() => undefined);

function post(m: ThreadAnswer): void {
  parentPort?.postMessage(m);
}

function errorText(err: GrpcModule.ServiceError): string {
  return err.details || err.message;
}

function connect(port: number, config: PolicyPackConfig | undefined): void {
  const c = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  client = c;
  ready = new Promise<void>((resolve, reject) => {
    if (config === undefined) {
      resolve();
      return;
    }
    const { path, responseDeserialize } = AnalyzerService.configure;
    c.makeUnaryRequest(path, raw, responseDeserialize, configureRequest(config), (err) =>
      err ? reject(err) : resolve(),
    );
  });
  ready.then(
    () => post({ kind: "configured" }),
    (err: GrpcModule.ServiceError) => post({ kind: "failed", error: errorText(err) }),
  );
}

async function analyze(m: Extract<ThreadRequest, { id: number }>): Promise<void> {
  try {
    await ready;
  } catch {
    return;
  }
  const method = m.kind === "stack" ? AnalyzerService.analyzeStack : AnalyzerService.analyze;
  client?.makeUnaryRequest(method.path, raw, method.responseDeserialize, m.req, (err, resp) => {
    if (err) {
      post({ kind: "failed", id: m.id, error: errorText(err) });
    } else {
      const answer = resp as analyzerpb.AnalyzeResponse;
      post({ kind: "answer", id: m.id, diagnostics: diagnostics(answer, undefined) });
    }
  });
}

parentPort?.on("message", (m: ThreadRequest) => {
  if (m.kind === "connect") {
    connect(m.port, m.config);
  } else {
    void analyze(m);
  }
});
