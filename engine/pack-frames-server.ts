/**
 * The pack's side of the engine's framed channel (engine/pack-frames.ts): a loopback listener
 * whose frames go to the functions `@pulumi/policy` registered as its analyzer gRPC service —
 * each request decoded by the service's own deserialiser, handed to the runtime's handler as a
 * unary call, its answer encoded by the service's own serialiser, its error reported as grpc-js
 * reports a handler's error. Started by the pack's preload, before the pack's entry registers
 * the service: frames that come first wait for it.
 */
import * as net from "node:net";
import {
  analyzerMethods,
  decodeStackOfEntries,
  encodeFrame,
  type Frame,
  FrameReader,
  framedMethods,
  frameStatus,
  frameTags,
} from "./pack-frames";

/** A method of a gRPC service definition, as grpc-js's `addService` receives it. */
export interface MethodDefinition {
  readonly path: string;
  requestDeserialize(bytes: Buffer): unknown;
  responseSerialize(value: unknown): Buffer;
}

/** A unary handler, as the policy runtime writes them: it reads only the call's request. */
export type UnaryHandler = (
  call: { readonly request: unknown },
  callback: (error: unknown, value?: unknown) => void,
) => void;

/** The analyzer service the runtime registered: its definition and its handlers, by name. */
export interface RegisteredService {
  readonly definition: Readonly<Record<string, MethodDefinition | undefined>>;
  readonly implementation: Readonly<Record<string, UnaryHandler | undefined>>;
}

/** The status and text grpc-js sends for an error a unary handler passes to its callback. */
export function errorStatus(error: unknown): { readonly code: number; readonly details: string } {
  const e = (typeof error === "object" && error !== null ? error : {}) as {
    code?: unknown;
    details?: unknown;
    message?: unknown;
  };
  let code: number = frameStatus.unknown;
  let details = "message" in e ? String(e.message) : "Unknown Error";
  if (typeof e.code === "number" && Number.isInteger(e.code)) {
    code = e.code;
    if (typeof e.details === "string") {
      details = e.details;
    }
  }
  // A status of OK would read as an answer.
  return { code: code === frameStatus.ok ? frameStatus.unknown : code & 0xff, details };
}

/** A stack request's entries sent ahead on one connection, by id: decoded, or why not. */
type Entries = Map<number, { readonly resource: unknown } | { readonly error: string }>;

/** An `AnalyzeStackRequest` as google-protobuf's generated class gives it. */
interface StackRequestMessage {
  getResourcesList(): unknown[];
  setResourcesList(resources: unknown[]): void;
}

/**
 * Builds, while the program still runs, what the runtime's stack handler would otherwise build
 * at the end for the first policy: google-protobuf's objects for an entry's options, provider and
 * property dependencies, and its properties' plain values (engine/pack-structs.ts). Each is
 * built once and kept by its message whoever asks first, so nothing the runtime reads changes; a
 * message of another shape is left as it is.
 */
function warm(resource: unknown): void {
  type Struct = { toJavaScript?(): unknown } | undefined;
  const r = resource as {
    getProperties?(): Struct;
    getOptions?(): { getCustomtimeouts?(): unknown } | undefined;
    getProvider?(): { getProperties?(): Struct } | undefined;
    getPropertydependenciesMap?(): unknown;
  };
  try {
    r.getProperties?.()?.toJavaScript?.();
    r.getOptions?.()?.getCustomtimeouts?.();
    r.getProvider?.()?.getProperties?.()?.toJavaScript?.();
    r.getPropertydependenciesMap?.();
  } catch {
    // Only a head start: the runtime reads the message itself.
  }
}

/** The service's methods by path, found once per service rather than once per frame. */
const methodsByPath = new WeakMap<
  RegisteredService,
  Map<string, { definition?: MethodDefinition; handler?: UnaryHandler }>
>();

/** The service's method at `path`, by the name its implementation is registered under. */
function methodAt(service: RegisteredService, path: string | undefined) {
  let byPath = methodsByPath.get(service);
  if (byPath === undefined) {
    byPath = new Map(
      Object.keys(service.definition).flatMap((name) => {
        const definition = service.definition[name];
        return definition === undefined
          ? []
          : [[definition.path, { definition, handler: service.implementation[name] }] as const];
      }),
    );
    methodsByPath.set(service, byPath);
  }
  return (path === undefined ? undefined : byPath.get(path)) ?? {};
}

/** Answers one frame on `socket` with the registered handler of its method. */
function dispatch(
  socket: net.Socket,
  frame: Frame,
  service: RegisteredService,
  entries: Entries,
): void {
  const fail = (code: number, details: string) =>
    write(socket, encodeFrame(frame.id, code, Buffer.from(details, "utf8")));
  const inParts = frame.tag === frameTags.stackEntry || frame.tag === frameTags.stackOfEntries;
  const path = inParts ? analyzerMethods.stack : framedMethods[frame.tag];
  const { definition, handler } = methodAt(service, path);
  if (frame.tag === frameTags.stackEntry) {
    // No answer: a failure is told to the stack's request that names the entry.
    try {
      if (definition === undefined) {
        throw new Error(`The server does not implement the method ${path}`);
      }
      const one = (
        definition.requestDeserialize(frame.message) as StackRequestMessage
      ).getResourcesList();
      if (one.length !== 1) {
        throw new Error(`an entry of the stack's request holds ${one.length} resources, not one`);
      }
      warm(one[0]);
      entries.set(frame.id, { resource: one[0] });
    } catch (e) {
      entries.set(frame.id, { error: (e as Error).message });
    }
    return;
  }
  if (definition === undefined || handler === undefined) {
    fail(
      frameStatus.unimplemented,
      `The server does not implement the method ${path ?? `number ${frame.tag}`}`,
    );
    return;
  }
  let request: unknown;
  try {
    if (frame.tag === frameTags.stackOfEntries) {
      const resources: unknown[] = [];
      for (const part of decodeStackOfEntries(frame.message)) {
        if ("bytes" in part) {
          const whole = definition.requestDeserialize(Buffer.from(part.bytes));
          resources.push(...(whole as StackRequestMessage).getResourcesList());
          continue;
        }
        const entry = entries.get(part.entry);
        entries.delete(part.entry);
        if (entry === undefined) {
          throw new Error(`the stack's request names entry ${part.entry}, which was not sent`);
        }
        if ("error" in entry) {
          throw new Error(entry.error);
        }
        resources.push(entry.resource);
      }
      // The request the whole bytes would decode to: the entries, in order, as field 1.
      const whole = definition.requestDeserialize(Buffer.alloc(0)) as StackRequestMessage;
      whole.setResourcesList(resources);
      request = whole;
    } else {
      request = definition.requestDeserialize(frame.message);
    }
  } catch (e) {
    fail(frameStatus.internal, `Error deserializing request: ${(e as Error).message}`);
    return;
  }
  let answered = false;
  const callback = (error: unknown, value?: unknown) => {
    if (answered) {
      return;
    }
    answered = true;
    if (error !== null && error !== undefined) {
      const { code, details } = errorStatus(error);
      fail(code, details);
      return;
    }
    let bytes: Buffer;
    try {
      bytes = definition.responseSerialize(value);
    } catch (e) {
      fail(frameStatus.internal, `Error serializing response: ${(e as Error).message}`);
      return;
    }
    write(socket, encodeFrame(frame.id, frameStatus.ok, bytes));
  };
  try {
    // Called on the service's implementation, as grpc-js calls it.
    handler.call(service.implementation, { request }, callback);
  } catch (e) {
    if (!answered) {
      answered = true;
      fail(frameStatus.unknown, `Server method handler threw error ${(e as Error).message}`);
    }
  }
}

/**
 * Answers go out together once per turn of the event loop: many handlers finish within one turn
 * (one socket read brings many requests), and one write of several frames costs what one costs.
 */
function write(socket: net.Socket, bytes: Buffer): void {
  if (socket.destroyed) {
    return;
  }
  if (!socket.writableCorked) {
    socket.cork();
    process.nextTick(() => socket.uncork());
  }
  socket.write(bytes);
}

/**
 * Listens on 127.0.0.1 for the engine's connections and answers their frames once `service` is
 * known; tells `onListening` its port, or `null` when it cannot listen. Neither the listener nor its connections keep the pack's process alive: its gRPC server
 * does, as under the Pulumi CLI.
 */
export function serveFrames(
  service: Promise<RegisteredService>,
  onListening: (port: number | null) => void,
): net.Server {
  let known: RegisteredService | undefined;
  void service.then((s) => {
    known = s;
  });
  const server = net.createServer((socket) => {
    socket.setNoDelay(true);
    socket.unref();
    const reader = new FrameReader();
    const entries: Entries = new Map();
    socket.on("data", (chunk: Buffer) => {
      let frames: Frame[];
      try {
        frames = reader.push(chunk);
      } catch {
        socket.destroy();
        return;
      }
      for (const frame of frames) {
        if (known === undefined) {
          void service.then((s) => dispatch(socket, frame, s, entries));
        } else {
          dispatch(socket, frame, known, entries);
        }
      }
    });
    // A connection that fails or closes has no one left to answer.
    socket.on("error", () => socket.destroy());
  });
  // A listener that cannot start leaves the engine to call the pack's gRPC server.
  server.once("error", () => onListening(null));
  server.listen(0, "127.0.0.1", () => onListening((server.address() as net.AddressInfo).port));
  server.unref();
  return server;
}
