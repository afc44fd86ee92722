/**
 * The engine's side of its framed channel to a pack it started (engine/pack-frames.ts): the same
 * calls as PackConnection's gRPC ones — a method's path and an encoded request in, the encoded
 * answer or the pack's error out — on one loopback socket.
 */
import * as net from "node:net";
import { PackCallError } from "./pack-connection";
import {
  analyzerMethods,
  encodeFrame,
  type Frame,
  FrameReader,
  framedMethods,
  frameStatus,
  frameTags,
} from "./pack-frames";

/** What a pack connection offers its callers, whichever way it reaches the pack. */
export interface PackCalls {
  /** Calls the method at `path` with an encoded request; resolves with the encoded answer. */
  call(path: string, request: Uint8Array): Promise<Buffer>;
  /** Closes the connection once the calls under way are answered; later calls fail at once. */
  close(): void;
}

interface Waiting {
  readonly path: string;
  readonly resolve: (answer: Buffer) => void;
  readonly reject: (e: Error) => void;
}

/**
 * One socket to the pack's framed listener, opened at once. Requests written in one turn of the
 * event loop leave together. A call whose answer cannot come — the socket failed or closed, the
 * pack ended — fails, and so does every later one. It keeps the process alive only while a call
 * awaits its answer.
 */
export class FramedConnection implements PackCalls {
  private readonly socket: net.Socket;
  private readonly reader = new FrameReader();
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 0;
  private closing = false;
  /** Why no call can be answered any more. */
  private failure: Error | undefined;

  constructor(port: number) {
    this.socket = net.connect({ port, host: "127.0.0.1", noDelay: true });
    this.socket.unref();
    this.socket.on("data", (chunk: Buffer) => this.read(chunk));
    this.socket.on("error", (e: Error) =>
      this.fail(new Error(`the connection to the policy pack failed: ${e.message}`)),
    );
    this.socket.on("close", () => this.fail(new Error("the connection to the policy pack closed")));
  }

  call(path: string, request: Uint8Array): Promise<Buffer> {
    const tag = framedMethods.indexOf(path);
    if (tag < 0) {
      return Promise.reject(new Error(`the engine does not call ${path} on a policy pack`));
    }
    return this.callTagged(tag, path, request);
  }

  /**
   * Sends one entry of a stack's request ahead of it (engine/pack-frames.ts), under `entry`, an
   * id unique on this connection; the request that names it answers for it. Nothing is sent on a
   * connection that has failed or is closing: the request will fail too.
   */
  sendEntry(entry: number, bytes: Uint8Array): void {
    if (this.closing || this.failure) {
      return;
    }
    this.write(encodeFrame(entry, frameTags.stackEntry, bytes));
  }

  /** The stack's request in parts (`encodeStackOfEntries`); answers as AnalyzeStack does. */
  callStackOfEntries(message: Uint8Array): Promise<Buffer> {
    return this.callTagged(frameTags.stackOfEntries, analyzerMethods.stack, message);
  }

  private callTagged(tag: number, path: string, request: Uint8Array): Promise<Buffer> {
    if (this.closing) {
      return Promise.reject(new Error("the connection to the policy pack closed"));
    }
    if (this.failure) {
      return Promise.reject(this.failure);
    }
    const id = this.nextId;
    this.nextId = (this.nextId + 1) >>> 0;
    let frame: Buffer;
    try {
      frame = encodeFrame(id, tag, request);
    } catch (e) {
      return Promise.reject(e as Error);
    }
    return new Promise<Buffer>((resolve, reject) => {
      this.waiting.set(id, { path, resolve, reject });
      this.hold();
      this.write(frame);
    });
  }

  /** Writes a frame; those written in one turn of the event loop leave together. */
  private write(frame: Buffer): void {
    if (!this.socket.writableCorked) {
      this.socket.cork();
      process.nextTick(() => this.socket.uncork());
    }
    this.socket.write(frame);
  }

  close(): void {
    this.closing = true;
    if (this.waiting.size === 0) {
      this.socket.end();
    }
  }

  private read(chunk: Buffer): void {
    let frames: Frame[];
    try {
      frames = this.reader.push(chunk);
    } catch (e) {
      this.fail(new Error(`the policy pack's answers cannot be read: ${(e as Error).message}`));
      this.socket.destroy();
      return;
    }
    for (const f of frames) {
      const w = this.waiting.get(f.id);
      if (w === undefined) {
        continue;
      }
      this.waiting.delete(f.id);
      if (f.tag === frameStatus.ok) {
        w.resolve(f.message);
      } else {
        w.reject(new PackCallError(f.tag, f.message.toString("utf8")));
      }
    }
    this.hold();
    if (this.closing && this.waiting.size === 0) {
      this.socket.end();
    }
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const w of this.waiting.values()) {
      w.reject(this.failure);
    }
    this.waiting.clear();
    this.hold();
  }

  /** Holds the process (refs the socket) exactly while a call awaits its answer. */
  private hold(): void {
    if (this.waiting.size > 0) {
      this.socket.ref();
    } else {
      this.socket.unref();
    }
  }
}
