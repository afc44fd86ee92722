/**
 * `node --require` entry for the policy pack's process when the engine starts it: the pack's
 * analyzer server would otherwise outlive a parent that dies or forgets it (a crashed CLI, a
 * test runner tearing down). The engine keeps an IPC channel open to the pack; when the channel
 * closes, the pack exits.
 */
import * as path from "node:path";
import { framesMessageKey } from "./pack-frames";
import type { RegisteredService } from "./pack-frames-server";
import { installLazyStructs, type ProtobufModules } from "./pack-structs";

if (process.connected) {
  process.on("disconnect", () => process.exit(0));
}

/**
 * The policy runtime converts a request's properties from protobuf's `Struct` to plain values
 * once for every policy it runs on the resource (and its provider's once more): some fifty
 * conversions of the same message per resource. The pack's google-protobuf reads each `Struct`
 * from its bytes once, straight to the plain values, and hands them out again
 * (engine/pack-structs.ts). The runtime's code is untouched: every policy still runs inside
 * `@pulumi/policy`'s analyzer. Under the Pulumi CLI the pack starts without this file and decodes
 * and converts as the runtime always does.
 */
function readStructsOnce(): void {
  let modules: ProtobufModules;
  try {
    // The google-protobuf the pack's SDK decodes with, wherever the pack's install put it.
    const sdk = path.dirname(
      require.resolve("@pulumi/pulumi/proto/analyzer_pb", { paths: [process.cwd()] }),
    );
    const load = (id: string) =>
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require(require.resolve(id, { paths: [sdk] })) as Record<string, unknown>;
    modules = {
      Struct: load("google-protobuf/google/protobuf/struct_pb.js").Struct,
      BinaryReader: load("google-protobuf").BinaryReader,
    } as ProtobufModules;
  } catch {
    return; // a pack without the SDK fails on its own, with its own error
  }
  installLazyStructs(modules);
}
readStructsOnce();

/**
 * The engine's framed channel (engine/pack-frames.ts): the analyzer service `@pulumi/policy`
 * registers with its gRPC server is captured as it is added — the server is still started and
 * still answers gRPC — and a loopback listener hands the engine's frames to the same handlers.
 * The engine learns the listener's port over the IPC channel, or that there is none (a pack whose
 * runtime cannot be found here: the engine then calls its gRPC server).
 */
function serveEngineFrames(): void {
  const send = process.send?.bind(process);
  if (send === undefined) {
    return;
  }
  const announce = (port: number | null) => {
    try {
      send({ [framesMessageKey]: port }, undefined, undefined, () => undefined);
    } catch {
      // The engine has gone: the disconnect handler ends the process.
    }
  };
  type GrpcServer = { prototype: { addService(this: unknown, ...args: unknown[]): unknown } };
  let server: GrpcServer;
  try {
    // The grpc-js the pack's policy runtime serves with, wherever the pack's install put it.
    const runtime = path.dirname(require.resolve("@pulumi/policy", { paths: [process.cwd()] }));
    const id = require.resolve("@grpc/grpc-js", { paths: [runtime] });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const grpc = require(id) as { Server: GrpcServer };
    server = grpc.Server;
  } catch {
    announce(null);
    return;
  }
  let registered: (s: RegisteredService) => void = () => undefined;
  const service = new Promise<RegisteredService>((resolve) => {
    registered = resolve;
  });
  const addService = server.prototype.addService;
  server.prototype.addService = function (this: unknown, ...args: unknown[]) {
    const [definition, implementation] = args as [
      RegisteredService["definition"] | undefined,
      RegisteredService["implementation"],
    ];
    if (definition?.analyze?.path === "/pulumirpc.Analyzer/Analyze") {
      registered({ definition, implementation });
    }
    return addService.apply(this, args);
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { serveFrames } = require("./pack-frames-server") as typeof import("./pack-frames-server");
  serveFrames(service, announce);
}
serveEngineFrames();

// With SOVEREIGN_DC_TIMINGS set, the pack reports its CPU time, peak memory and the time its
// residency checks took (policy/framework.ts keeps it) when it ends.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const timings = require("./timings") as typeof import("./timings");
if (timings.timing()) {
  process.once("exit", () =>
    timings.addPhases(
      (globalThis as Record<symbol, Record<string, number> | undefined>)[
        Symbol.for("sovereign-dc.pack-parts")
      ] ?? {},
    ),
  );
}
timings.reportOnExit("pack");
