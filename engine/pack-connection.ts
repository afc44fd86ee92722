/**
 * Unary gRPC calls to a policy pack's analyzer, written directly on Node's HTTP/2 client: each
 * call is one HTTP/2 request carrying one length-prefixed message, and its answer is one message
 * and the status in the trailers. That is the whole of gRPC a call to a pack on loopback uses —
 * no compression, deadlines, retries, name resolution or load balancing — and the pack's side
 * (`@pulumi/policy`'s gRPC server) sees the same requests as from any gRPC client.
 *
 * grpc-js's client layers cost about 0.2 ms of CPU a call, twice what the HTTP/2 exchange itself
 * costs: 0.6 CPU-s of a 5,000-resource check, on a machine whose cores the program's evaluation
 * and the pack already share. `check` keeps its connection in a thread of its own
 * (engine/analyzer-thread.ts); PolicyPackSession's own calls (configure, analyzePlan, the test
 * harness's thousands) use one on the main thread.
 */
import * as http2 from "node:http2";

/** A call the pack answered with a gRPC status other than OK. */
export class PackCallError extends Error {
  constructor(
    /** The gRPC status code. */
    readonly code: number,
    /** The pack's message (grpc-message). */
    readonly details: string,
  ) {
    super(details || `the policy pack answered with gRPC status ${code}`);
  }
}

/** The gRPC message of `grpc-message`, which travels percent-encoded. */
function statusMessage(header: string | string[] | undefined): string {
  const text = Array.isArray(header) ? header.join(",") : (header ?? "");
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * One HTTP/2 connection to a pack's analyzer server on loopback. It keeps the process alive only
 * while a call awaits its answer, as any pending request would: an idle connection left open
 * (a session nobody closed, a CLI command whose work is done) never holds the process at exit.
 */
export class PackConnection {
  private readonly session: http2.ClientHttp2Session;
  private failure: Error | undefined;
  /** The calls under way, to fail them when the connection fails. */
  private readonly pending = new Set<(e: Error) => void>();

  constructor(port: number) {
    this.session = http2.connect(`http://127.0.0.1:${port}`, {
      // As grpc-js sets it: Node's session memory limit misbehaves once reached, and a stack's
      // request can be many megabytes.
      maxSessionMemory: Number.MAX_SAFE_INTEGER,
    });
    this.session.on("error", (e: Error) =>
      this.fail(new Error(`the connection to the policy pack failed: ${e.message}`)),
    );
    this.session.on("close", () =>
      this.fail(new Error("the connection to the policy pack closed")),
    );
    this.session.unref();
  }

  /**
   * Calls the method at `path` (`/pulumirpc.Analyzer/Analyze`, …) with an encoded request and
   * resolves with the encoded answer.
   */
  call(path: string, request: Uint8Array): Promise<Buffer> {
    if (this.session.closed || this.session.destroyed) {
      this.fail(new Error("the connection to the policy pack closed"));
    }
    if (this.failure) {
      return Promise.reject(this.failure);
    }
    return new Promise<Buffer>((resolve, reject) => {
      let settled = false;
      const settle = (error: Error | undefined, answer?: Buffer) => {
        if (settled) {
          return;
        }
        settled = true;
        this.pending.delete(onFailure);
        this.hold();
        if (error) {
          reject(error);
        } else {
          resolve(answer as Buffer);
        }
      };
      const onFailure = (e: Error) => settle(e);
      this.pending.add(onFailure);
      this.hold();

      const stream = this.session.request({
        ":method": "POST",
        ":path": path,
        "content-type": "application/grpc",
        te: "trailers",
      });
      const chunks: Buffer[] = [];
      let status: number | undefined;
      let message = "";
      // A status comes in the trailers, or in the headers of an answer that has no message.
      const readStatus = (headers: http2.IncomingHttpHeaders) => {
        const s = headers["grpc-status"];
        if (s !== undefined) {
          status = Number(s);
          message = statusMessage(headers["grpc-message"]);
        }
      };
      stream.on("response", readStatus);
      stream.on("trailers", readStatus);
      stream.on("data", (d: Buffer) => chunks.push(d));
      stream.on("error", (e: Error) =>
        settle(new Error(`the policy pack's call ${path} failed: ${e.message}`)),
      );
      stream.on("close", () => {
        if (status === undefined) {
          settle(new Error(`the policy pack closed the call to ${path} without a status`));
        } else if (status !== 0) {
          settle(new PackCallError(status, message));
        } else {
          const body = Buffer.concat(chunks);
          // One message: a compression flag (never set: no compression is offered), its length
          // (4 bytes, big-endian), the message.
          if (body.length < 5 || body[0] !== 0 || body.readUInt32BE(1) !== body.length - 5) {
            settle(
              new Error(`the policy pack's answer to ${path} is not one uncompressed gRPC message`),
            );
          } else {
            settle(undefined, body.subarray(5));
          }
        }
      });
      const frame = Buffer.allocUnsafe(5 + request.length);
      frame[0] = 0;
      frame.writeUInt32BE(request.length, 1);
      frame.set(request, 5);
      stream.end(frame);
    });
  }

  /** Closes the connection; calls still under way fail. */
  close(): void {
    this.session.close();
  }

  /** Holds the process (refs the socket) exactly while a call is under way. */
  private hold(): void {
    if (this.pending.size > 0) {
      this.session.ref();
    } else {
      this.session.unref();
    }
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const onFailure of [...this.pending]) {
      onFailure(this.failure);
    }
    this.pending.clear();
  }
}
