/**
 * The engine's own channel to a pack it started: the analyzer's requests and answers as
 * length-prefixed frames on one loopback socket, handed by the pack's preload
 * (engine/pack-preload.ts) to the very functions `@pulumi/policy` registers as its gRPC service
 * (engine/pack-frames-server.ts). Under the Pulumi CLI there is no such channel: the CLI calls
 * the pack's gRPC server, and so does the engine for a pack it did not start.
 *
 * gRPC on loopback costs each call an HTTP/2 stream on both sides — headers, trailers, flow
 * control, grpc-js's call objects — about 0.2 ms of CPU a resource between the two processes, on
 * a machine whose cores the program's evaluation and the pack already share. A frame costs a
 * header of nine bytes. What the pack's runtime receives (the request the service's own
 * deserialiser decodes) and answers (the message its serialiser encodes, or the error it passes
 * to the callback) is the same.
 *
 * A frame: the length of what follows (4 bytes, big-endian), the call's id (4 bytes), a tag
 * (1 byte), the message. A request's tag is its method's index in `framedMethods`; an answer's
 * is the gRPC status of the call (0: the message is the encoded answer; otherwise it is the
 * error's text in UTF-8).
 */

/**
 * The analyzer service's methods the engine calls, as gRPC paths (`pulumirpc.Analyzer` in the
 * SDK's analyzer.proto). Written out rather than read from the SDK's service definition, whose
 * module loads grpc-js's client for nothing.
 */
export const analyzerMethods = {
  configure: "/pulumirpc.Analyzer/Configure",
  analyze: "/pulumirpc.Analyzer/Analyze",
  stack: "/pulumirpc.Analyzer/AnalyzeStack",
} as const;

/**
 * The key of the IPC message in which the pack's preload announces the port of its framed
 * channel (`null`: it has none).
 */
export const framesMessageKey = "sovereign-dc-frames";

/** The methods a frame may call, by their gRPC paths; a request's tag is the index. */
export const framedMethods: readonly string[] = [
  analyzerMethods.configure,
  analyzerMethods.analyze,
  analyzerMethods.stack,
];

/** The gRPC statuses an answer may carry besides OK. */
export const frameStatus = { ok: 0, unknown: 2, unimplemented: 12, internal: 13 } as const;

/** The bytes before a frame's message. */
const headerBytes = 9;

/** The largest message a frame carries: the runtime's own gRPC limit (400 MiB). */
export const maxFrameMessage = 400 * 1024 * 1024;

/** One frame read off the socket. */
export interface Frame {
  readonly id: number;
  readonly tag: number;
  readonly message: Buffer;
}

/** A frame's bytes: its header, then `message`. */
export function encodeFrame(id: number, tag: number, message: Uint8Array): Buffer {
  if (message.length > maxFrameMessage) {
    throw new Error(
      `a message of ${message.length} bytes is larger than the policy pack accepts (${maxFrameMessage})`,
    );
  }
  const out = Buffer.allocUnsafe(headerBytes + message.length);
  out.writeUInt32BE(message.length + headerBytes - 4, 0);
  out.writeUInt32BE(id, 4);
  out[8] = tag;
  out.set(message, headerBytes);
  return out;
}

/**
 * Frames from the chunks a socket delivers, which cut them anywhere. A length no frame can have
 * is a broken stream: `push` throws, and the reader stays broken.
 */
export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private broken: Error | undefined;

  /** Adds a chunk and returns the frames it completes, in order. */
  push(chunk: Buffer): Frame[] {
    if (this.broken) {
      throw this.broken;
    }
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const frames: Frame[] = [];
    while (this.buffered >= 4) {
      const head = this.peek(headerBytes);
      const rest = head.readUInt32BE(0);
      if (rest < headerBytes - 4 || rest - (headerBytes - 4) > maxFrameMessage) {
        this.broken = new Error(`a frame announced ${rest} bytes, which no frame has`);
        throw this.broken;
      }
      if (this.buffered < 4 + rest) {
        break;
      }
      const bytes = this.take(4 + rest);
      frames.push({
        id: bytes.readUInt32BE(4),
        tag: bytes[8],
        message: bytes.subarray(headerBytes),
      });
    }
    return frames;
  }

  /** Bytes held toward a frame not complete yet. */
  get pending(): number {
    return this.buffered;
  }

  /** The first `n` bytes buffered (fewer when fewer are), without consuming them. */
  private peek(n: number): Buffer {
    const first = this.chunks[0];
    if (first.length >= n || this.chunks.length === 1) {
      return first;
    }
    const joined = Buffer.concat(this.chunks);
    this.chunks = [joined];
    return joined;
  }

  /** Consumes exactly `n` buffered bytes (`n` ≤ what is buffered). */
  private take(n: number): Buffer {
    const first = this.chunks[0];
    let out: Buffer;
    if (first.length >= n) {
      out = first.subarray(0, n);
      if (first.length === n) {
        this.chunks.shift();
      } else {
        this.chunks[0] = first.subarray(n);
      }
    } else {
      const parts: Buffer[] = [];
      let need = n;
      while (need > 0) {
        const c = this.chunks[0];
        if (c.length <= need) {
          parts.push(c);
          this.chunks.shift();
          need -= c.length;
        } else {
          parts.push(c.subarray(0, need));
          this.chunks[0] = c.subarray(need);
          need = 0;
        }
      }
      out = Buffer.concat(parts, n);
    }
    this.buffered -= n;
    return out;
  }
}
