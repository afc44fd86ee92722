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

/** One HTTP/2 session and the calls under way on it, to fail them when it fails. */
interface Session {
  readonly http: http2.ClientHttp2Session;
  readonly calls: Set<(e: Error) => void>;
  /** Why it failed or closed: the calls under way on it fail with it; the next opens a new one. */
  done?: Error;
  /** The pack asked for no new calls on it (GOAWAY); those under way may still finish. */
  draining?: boolean;
  /** It reached the pack (a session that never did says nothing listens). */
  connected?: boolean;
}

/**
 * A connection to a pack's analyzer server on loopback: one HTTP/2 session at a time. A pack may
 * close a session it finds idle (a gRPC server's `max_connection_idle_ms`, or one that is
 * shutting down a session gracefully): the next call opens a new one, as a gRPC channel
 * reconnects. Calls under way when a session fails fail with it, since the pack may or may not
 * have run them. A session that cannot reach the pack at all (nothing listens any more) fails
 * every later call at once, rather than each trying again. It keeps the process alive only while
 * a call awaits its answer, as any pending request would: an idle connection left open (a session
 * nobody closed, a CLI command whose work is done) never holds the process at exit.
 */
export class PackConnection {
  private session: Session | undefined;
  private closed = false;
  /** Why no session can reach the pack: every later call fails with it. */
  private unreachable: Error | undefined;

  constructor(private readonly port: number) {
    this.live();
  }

  /**
   * Calls the method at `path` (`/pulumirpc.Analyzer/Analyze`, …) with an encoded request and
   * resolves with the encoded answer.
   */
  call(path: string, request: Uint8Array): Promise<Buffer> {
    if (this.closed) {
      return Promise.reject(new Error("the connection to the policy pack closed"));
    }
    if (this.unreachable) {
      return Promise.reject(this.unreachable);
    }
    const session = this.live();
    return new Promise<Buffer>((resolve, reject) => {
      let settled = false;
      const settle = (error: Error | undefined, answer?: Buffer) => {
        if (settled) {
          return;
        }
        settled = true;
        session.calls.delete(onFailure);
        hold(session);
        if (error) {
          reject(error);
        } else {
          resolve(answer as Buffer);
        }
      };
      const onFailure = (e: Error) => settle(e);
      session.calls.add(onFailure);
      hold(session);

      let stream: http2.ClientHttp2Stream;
      try {
        stream = session.http.request({
          ":method": "POST",
          ":path": path,
          "content-type": "application/grpc",
          te: "trailers",
        });
      } catch (e) {
        // The session went away between the check and the request (Node refuses at once).
        settle(new Error(`the connection to the policy pack closed: ${(e as Error).message}`));
        return;
      }
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

  /** Closes the connection once the calls under way are answered; later calls fail at once. */
  close(): void {
    this.closed = true;
    this.session?.http.close();
  }

  /** The session to call on: the current one while it can carry calls, else a new one. */
  private live(): Session {
    const current = this.session;
    if (
      current !== undefined &&
      current.done === undefined &&
      current.draining !== true &&
      !current.http.closed &&
      !current.http.destroyed
    ) {
      return current;
    }
    const http = http2.connect(`http://127.0.0.1:${this.port}`, {
      // As grpc-js sets it: Node's session memory limit misbehaves once reached, and a stack's
      // request can be many megabytes.
      maxSessionMemory: Number.MAX_SAFE_INTEGER,
    });
    const session: Session = { http, calls: new Set() };
    const fail = (e: Error) => {
      session.done ??= e;
      for (const onFailure of [...session.calls]) {
        onFailure(session.done);
      }
    };
    http.on("connect", () => {
      session.connected = true;
    });
    http.on("error", (e: Error) => {
      const failure = new Error(`the connection to the policy pack failed: ${e.message}`);
      if (session.connected !== true) {
        this.unreachable ??= failure;
      }
      fail(failure);
    });
    http.on("close", () => fail(new Error("the connection to the policy pack closed")));
    // Calls already under way may still finish; new ones go on a new session.
    http.on("goaway", () => {
      session.draining = true;
    });
    http.unref();
    this.session = session;
    return session;
  }
}

/** Holds the process (refs the socket) exactly while a call on `session` is under way. */
function hold(session: Session): void {
  if (session.calls.size > 0) {
    session.http.ref();
  } else {
    session.http.unref();
  }
}
