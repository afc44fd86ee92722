/**
 * `node --require` entry for the policy pack's process when the engine starts it: the pack's
 * analyzer server would otherwise outlive a parent that dies or forgets it (a crashed CLI, a
 * test runner tearing down). The engine keeps an IPC channel open to the pack; when the channel
 * closes, the pack exits.
 */
import * as path from "node:path";

if (process.connected) {
  process.on("disconnect", () => process.exit(0));
}

/**
 * The policy runtime converts a request's properties from protobuf's `Struct` to plain values
 * once for every policy it runs on the resource (and its provider's once more): some fifty
 * conversions of the same message per resource, the largest single cost of the pack's process.
 * The conversion is a pure function of a decoded request, which nothing changes afterwards, and
 * the runtime only reads what it returns (it copies it into the policy's own values), so each
 * message's result is kept and handed out again. The runtime's code is untouched: every policy
 * still runs inside `@pulumi/policy`'s analyzer. Under the Pulumi CLI the pack starts without
 * this file and converts as the runtime always does.
 */
function keepStructConversions(): void {
  let structs: { Struct: { prototype: { toJavaScript(): unknown } } };
  try {
    // The google-protobuf the pack's SDK decodes with, wherever the pack's install put it.
    const sdk = path.dirname(
      require.resolve("@pulumi/pulumi/proto/analyzer_pb", { paths: [process.cwd()] }),
    );
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    structs = require(
      require.resolve("google-protobuf/google/protobuf/struct_pb.js", { paths: [sdk] }),
    ) as typeof structs;
  } catch {
    return; // a pack without the SDK fails on its own, with its own error
  }
  const proto = structs.Struct.prototype;
  const convert = proto.toJavaScript;
  const kept = new WeakMap<object, unknown>();
  proto.toJavaScript = function toJavaScript(this: object): unknown {
    let v = kept.get(this);
    if (v === undefined) {
      v = convert.call(this);
      kept.set(this, v);
    }
    return v;
  };
}
keepStructConversions();

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
