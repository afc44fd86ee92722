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
 *
 * The stack's request is also sent in parts, as the Pulumi CLI's own request is built: each
 * resource's entry as soon as the resource is recorded (`frameTags.stackEntry`, the frame's id
 * naming the entry; no answer), then, once the program has finished, the request itself as the
 * list of those entries in order, with any entry not sent before written in full
 * (`frameTags.stackOfEntries`, answered as an AnalyzeStack call). An entry is exactly what the
 * whole request holds for its resource — field 1 of `AnalyzeStackRequest`, so one entry alone is
 * a request of one resource — and the pack decodes each with the service's own deserialiser
 * while the program still runs, instead of the whole request, at the end, when the check waits
 * for it.
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

/** Request tags beyond the methods' indices. */
export const frameTags = { stackEntry: 16, stackOfEntries: 17 } as const;

/** One resource of a stack's request sent in parts: an entry sent before, or one written here. */
export type StackPart = { readonly entry: number } | { readonly bytes: Uint8Array };

/**
 * The message of a `stackOfEntries` frame: for each resource in order, 0 and the id of an entry
 * sent before (4 bytes), or 1, the length of the entry (4 bytes) and the entry.
 */
export function encodeStackOfEntries(parts: readonly StackPart[]): Buffer {
  let size = 0;
  for (const p of parts) {
    size += "entry" in p ? 5 : 5 + p.bytes.length;
  }
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (const p of parts) {
    if ("entry" in p) {
      out[at] = 0;
      out.writeUInt32BE(p.entry, at + 1);
      at += 5;
    } else {
      out[at] = 1;
      out.writeUInt32BE(p.bytes.length, at + 1);
      out.set(p.bytes, at + 5);
      at += 5 + p.bytes.length;
    }
  }
  return out;
}

/** The parts of a `stackOfEntries` frame's message; a message cut short or malformed throws. */
export function decodeStackOfEntries(message: Buffer): StackPart[] {
  const parts: StackPart[] = [];
  let at = 0;
  while (at < message.length) {
    if (at + 5 > message.length || message[at] > 1) {
      throw new Error(`a stack request in parts is malformed at byte ${at}`);
    }
    const n = message.readUInt32BE(at + 1);
    if (message[at] === 0) {
      parts.push({ entry: n });
      at += 5;
    } else {
      if (at + 5 + n > message.length) {
        throw new Error(`a stack request in parts is malformed at byte ${at}`);
      }
      parts.push({ bytes: message.subarray(at + 5, at + 5 + n) });
      at += 5 + n;
    }
  }
  return parts;
}

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
