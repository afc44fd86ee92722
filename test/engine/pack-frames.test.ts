/**
 * The engine's framed channel to a pack it started (engine/pack-frames.ts): frames survive any
 * cut of the stream; the pack's side hands each to the handler its runtime registered and
 * answers as grpc-js would (answer, error status and words, unimplemented method); the engine's
 * side fails its calls when the pack goes away; and the real pack answers a plan, and refuses a
 * config, word for word as it does over gRPC.
 */
import * as net from "node:net";
import { AnalyzeStackRequest } from "@pulumi/pulumi/proto/analyzer_pb";
import fc from "fast-check";
import { PolicyPackSession } from "../../engine/analyzer";
import { encodeStackEntry } from "../../engine/analyzer-wire";
import { packConfigFor, toViolations } from "../../engine/check";
import { type Plan, recordOf } from "../../engine/plan";
import { PackCallError } from "../../engine/pack-connection";
import {
  analyzerMethods,
  decodeStackOfEntries,
  encodeFrame,
  encodeStackOfEntries,
  FrameReader,
  maxFrameMessage,
} from "../../engine/pack-frames";
import { FramedConnection } from "../../engine/pack-frames-client";
import {
  errorStatus,
  type RegisteredService,
  serveFrames,
  type UnaryHandler,
} from "../../engine/pack-frames-server";
import { fixturePlan } from "../helpers/policy-plan";
import { grpc, patterned, rawMethod } from "../helpers/raw-grpc";
import type { WorkerServices } from "../support/environment";

const shared = (globalThis as { sovereignDcWorker?: WorkerServices }).sovereignDcWorker;

describe("FrameReader", () => {
  const frameArb = fc.record({
    id: fc.nat({ max: 0xffffffff }),
    tag: fc.nat({ max: 255 }),
    message: fc.uint8Array({ maxLength: 300 }),
  });

  test("reads the frames back in order, however the stream is cut", () => {
    fc.assert(
      fc.property(
        fc.array(frameArb, { maxLength: 12 }),
        fc.array(fc.nat({ max: 400 }), { maxLength: 20 }),
        (frames, cuts) => {
          const bytes = Buffer.concat(frames.map((f) => encodeFrame(f.id, f.tag, f.message)));
          const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort(
            (a, b) => a - b,
          );
          const reader = new FrameReader();
          const read = [];
          let from = 0;
          for (const p of [...points, bytes.length]) {
            read.push(...reader.push(bytes.subarray(from, p)));
            from = p;
          }
          expect(read.map((f) => ({ ...f, message: new Uint8Array(f.message) }))).toEqual(
            frames.map((f) => ({ ...f, message: new Uint8Array(f.message) })),
          );
          expect(reader.pending).toBe(0);
        },
      ),
    );
  });

  test("keeps an incomplete frame until the rest arrives", () => {
    const whole = encodeFrame(7, 1, Buffer.from("abcdef"));
    const reader = new FrameReader();
    expect(reader.push(whole.subarray(0, 3))).toEqual([]);
    expect(reader.push(whole.subarray(3, 11))).toEqual([]);
    expect(reader.pending).toBe(11);
    const [f] = reader.push(whole.subarray(11));
    expect({ id: f.id, tag: f.tag, message: f.message.toString() }).toEqual({
      id: 7,
      tag: 1,
      message: "abcdef",
    });
  });

  test("a length no frame can have breaks the stream for good", () => {
    const reader = new FrameReader();
    const bad = Buffer.from([0, 0, 0, 2, 0, 0, 0, 0, 0]);
    expect(() => reader.push(bad)).toThrow("a frame announced 2 bytes, which no frame has");
    expect(() => reader.push(encodeFrame(1, 1, Buffer.alloc(0)))).toThrow("a frame announced 2");
  });

  test("a message larger than the pack accepts is refused before it is written", () => {
    const huge = { length: maxFrameMessage + 1 } as Uint8Array;
    expect(() => encodeFrame(1, 1, huge)).toThrow(
      `a message of ${maxFrameMessage + 1} bytes is larger than the policy pack accepts (${maxFrameMessage})`,
    );
  });
});

describe("errorStatus", () => {
  test.each([
    ["an Error", new Error("boom"), { code: 2, details: "boom" }],
    [
      "a gRPC error",
      { code: grpc.status.INVALID_ARGUMENT, details: "bad config", message: "3 …" },
      { code: 3, details: "bad config" },
    ],
    ["a code without details", { code: 9, message: "m" }, { code: 9, details: "m" }],
    ["a code that is not a whole number", { code: 1.5, message: "m" }, { code: 2, details: "m" }],
    ["an error that says OK", { code: 0, details: "fine" }, { code: 2, details: "fine" }],
    ["a value without a message", "text", { code: 2, details: "Unknown Error" }],
  ])("%s: the status and words grpc-js would send", (_what, error, expected) => {
    expect(errorStatus(error)).toEqual(expected);
  });
});

/** A stand-in runtime: Configure answers its request reversed, Analyze fails, AnalyzeStack throws. */
function service(): RegisteredService {
  const handlers: Record<string, UnaryHandler> = {
    configure: (call, cb) => cb(null, Buffer.from(call.request as Buffer).reverse()),
    analyze: (call, cb) =>
      cb({ code: grpc.status.INVALID_ARGUMENT, details: (call.request as Buffer).toString() }),
    analyzeStack: () => {
      throw new Error("no stack today");
    },
  };
  return {
    definition: {
      configure: rawMethod(analyzerMethods.configure),
      analyze: rawMethod(analyzerMethods.analyze),
      analyzeStack: rawMethod(analyzerMethods.stack),
    },
    implementation: handlers,
  };
}

/** Serves frames for `registered` and resolves with the listener and its port. */
async function listen(
  registered: Promise<RegisteredService>,
): Promise<{ server: net.Server; port: number }> {
  let server: net.Server | undefined;
  const port = await new Promise<number | null>((resolve) => {
    server = serveFrames(registered, resolve);
  });
  expect(port).not.toBeNull();
  return { server: server!, port: port! };
}

describe("the framed channel", () => {
  test("a call carries its message and brings back the answer's, from empty to megabytes", async () => {
    const { server, port } = await listen(Promise.resolve(service()));
    const c = new FramedConnection(port);
    try {
      const sizes = [0, 1, 5, 70_000, 5 * 1024 * 1024];
      const answers = await Promise.all(
        sizes.map((n) => {
          const req = patterned(n);
          return c.call(analyzerMethods.configure, req).then((a) => ({ req, a }));
        }),
      );
      for (const { req, a } of answers) {
        expect(a.equals(Buffer.from(req).reverse())).toBe(true);
      }
    } finally {
      c.close();
      server.close();
    }
  });

  test("a handler's error comes back with its status and words; a throw, as UNKNOWN", async () => {
    const { server, port } = await listen(Promise.resolve(service()));
    const c = new FramedConnection(port);
    try {
      const words = "policy 'x' failed: 100% é\nsecond line";
      const failed = await c.call(analyzerMethods.analyze, Buffer.from(words)).catch((e) => e);
      expect(failed).toBeInstanceOf(PackCallError);
      expect((failed as PackCallError).code).toBe(grpc.status.INVALID_ARGUMENT);
      expect((failed as PackCallError).details).toBe(words);
      const thrown = await c.call(analyzerMethods.stack, Buffer.alloc(0)).catch((e) => e);
      expect(thrown).toBeInstanceOf(PackCallError);
      expect((thrown as PackCallError).code).toBe(grpc.status.UNKNOWN);
      expect((thrown as PackCallError).details).toBe(
        "Server method handler threw error no stack today",
      );
      // The connection still serves the next call.
      expect((await c.call(analyzerMethods.configure, Buffer.from("ab"))).toString()).toBe("ba");
    } finally {
      c.close();
      server.close();
    }
  });

  test("a method the runtime did not register answers UNIMPLEMENTED; one the engine never calls is refused", async () => {
    const partial = service();
    const { server, port } = await listen(
      Promise.resolve({
        definition: { configure: partial.definition.configure },
        implementation: partial.implementation,
      }),
    );
    const c = new FramedConnection(port);
    try {
      const missing = await c.call(analyzerMethods.analyze, Buffer.alloc(1)).catch((e) => e);
      expect(missing).toBeInstanceOf(PackCallError);
      expect((missing as PackCallError).code).toBe(grpc.status.UNIMPLEMENTED);
      expect((missing as PackCallError).details).toBe(
        "The server does not implement the method /pulumirpc.Analyzer/Analyze",
      );
      await expect(c.call("/pulumirpc.Analyzer/Remediate", Buffer.alloc(0))).rejects.toThrow(
        "the engine does not call /pulumirpc.Analyzer/Remediate on a policy pack",
      );
    } finally {
      c.close();
      server.close();
    }
  });

  test("calls that come before the runtime registers its service are answered once it does", async () => {
    let register: (s: RegisteredService) => void = () => undefined;
    const { server, port } = await listen(
      new Promise<RegisteredService>((resolve) => {
        register = resolve;
      }),
    );
    const c = new FramedConnection(port);
    try {
      const early = [
        c.call(analyzerMethods.configure, Buffer.from("12")),
        c.call(analyzerMethods.configure, Buffer.from("34")),
      ];
      await new Promise((resolve) => setTimeout(resolve, 50));
      register(service());
      expect((await Promise.all(early)).map((a) => a.toString())).toEqual(["21", "43"]);
    } finally {
      c.close();
      server.close();
    }
  });

  test("calls fail when nothing listens, and when the pack goes away mid-call", async () => {
    const gone = net.createServer();
    await new Promise<void>((resolve) => gone.listen(0, "127.0.0.1", resolve));
    const free = (gone.address() as net.AddressInfo).port;
    await new Promise((resolve) => gone.close(resolve));
    const refused = new FramedConnection(free);
    await expect(refused.call(analyzerMethods.configure, Buffer.alloc(0))).rejects.toThrow(
      /^the connection to the policy pack failed: connect ECONNREFUSED/,
    );
    await expect(refused.call(analyzerMethods.configure, Buffer.alloc(0))).rejects.toThrow(
      /^the connection to the policy pack failed/,
    );

    // A pack that reads the call and dies before answering.
    const sockets: net.Socket[] = [];
    const dying = net.createServer((s) => {
      sockets.push(s);
      s.once("data", () => s.destroy());
    });
    await new Promise<void>((resolve) => dying.listen(0, "127.0.0.1", resolve));
    const c = new FramedConnection((dying.address() as net.AddressInfo).port);
    try {
      await expect(c.call(analyzerMethods.analyze, Buffer.from("x"))).rejects.toThrow(
        "the connection to the policy pack closed",
      );
      await expect(c.call(analyzerMethods.analyze, Buffer.from("y"))).rejects.toThrow(
        "the connection to the policy pack closed",
      );
    } finally {
      c.close();
      dying.close();
    }
  });
});

describe("the stack's request in parts", () => {
  /**
   * A stand-in runtime whose AnalyzeStack answers the bytes of the request it was handed, as
   * google-protobuf writes them: the SDK's own AnalyzeStackRequest is what decodes each part.
   */
  function echoStack(): RegisteredService {
    return {
      definition: {
        analyzeStack: {
          path: analyzerMethods.stack,
          requestDeserialize: (b: Buffer) => AnalyzeStackRequest.deserializeBinary(b),
          responseSerialize: (v: unknown) => Buffer.from(v as Uint8Array),
        },
      },
      implementation: {
        analyzeStack: (call, cb) =>
          cb(null, (call.request as InstanceType<typeof AnalyzeStackRequest>).serializeBinary()),
      },
    };
  }

  /** Three resources' entries of a stack's request, as the engine encodes them. */
  function entries(): Buffer[] {
    return ["a", "b", "c"].map((name) =>
      encodeStackEntry(
        recordOf({
          urn: `urn:pulumi:s::p::aws:s3/bucket:Bucket::${name}`,
          type: "aws:s3/bucket:Bucket",
          name,
          custom: true,
          inputs: { bucket: name },
          outputs: { bucket: name, tags: { team: name.toUpperCase() } },
        }),
        undefined,
      ),
    );
  }

  test("parts ahead and written in full make the request the whole bytes would", async () => {
    const { server, port } = await listen(Promise.resolve(echoStack()));
    const c = new FramedConnection(port);
    try {
      const [a, b, cc] = entries();
      c.sendEntry(7, a);
      c.sendEntry(9, cc);
      const answer = await c.callStackOfEntries(
        encodeStackOfEntries([{ entry: 7 }, { bytes: b }, { entry: 9 }]),
      );
      expect(answer.equals(Buffer.concat([a, b, cc]))).toBe(true);
      // An entry answers for one request only.
      const again = await c
        .callStackOfEntries(encodeStackOfEntries([{ entry: 7 }]))
        .catch((e) => e);
      expect(again).toBeInstanceOf(PackCallError);
      expect((again as PackCallError).code).toBe(grpc.status.INTERNAL);
      expect((again as PackCallError).details).toBe(
        "Error deserializing request: the stack's request names entry 7, which was not sent",
      );
    } finally {
      c.close();
      server.close();
    }
  });

  test("an entry the pack cannot decode fails the request that names it, with the decoder's words", async () => {
    const { server, port } = await listen(Promise.resolve(echoStack()));
    const c = new FramedConnection(port);
    try {
      // Field 1, length 200, and three bytes: cut short.
      c.sendEntry(1, Buffer.from([0x0a, 0xc8, 0x01, 1, 2, 3]));
      const failed = await c
        .callStackOfEntries(encodeStackOfEntries([{ entry: 1 }]))
        .catch((e) => e);
      expect(failed).toBeInstanceOf(PackCallError);
      expect((failed as PackCallError).code).toBe(grpc.status.INTERNAL);
      expect((failed as PackCallError).details).toMatch(/^Error deserializing request: ./);
      // Two resources in one entry are not an entry.
      const [a, b] = entries();
      c.sendEntry(2, Buffer.concat([a, b]));
      const two = await c.callStackOfEntries(encodeStackOfEntries([{ entry: 2 }])).catch((e) => e);
      expect((two as PackCallError).details).toBe(
        "Error deserializing request: an entry of the stack's request holds 2 resources, not one",
      );
    } finally {
      c.close();
      server.close();
    }
  });

  test("the list of parts reads back as written, and a cut one is refused", () => {
    const parts = [{ entry: 0 }, { bytes: Buffer.from("xyz") }, { entry: 0xffffffff }];
    const message = encodeStackOfEntries(parts);
    expect(
      decodeStackOfEntries(message).map((p) =>
        "bytes" in p ? { bytes: Buffer.from(p.bytes).toString() } : p,
      ),
    ).toEqual([{ entry: 0 }, { bytes: "xyz" }, { entry: 0xffffffff }]);
    expect(() => decodeStackOfEntries(message.subarray(0, 8))).toThrow(
      "a stack request in parts is malformed at byte 5",
    );
    expect(() => decodeStackOfEntries(Buffer.from([2, 0, 0, 0, 0]))).toThrow(
      "a stack request in parts is malformed at byte 0",
    );
  });
});

/** The key under which Pulumi's wire format marks a special value (asset, secret, …). */
const signatureKey = "4dabf18193072939515e22adb298388d";

describe("the real pack over its framed channel", () => {
  test("answers a plan, and fails a request, word for word as over gRPC", async () => {
    expect(shared).toBeDefined();
    const pack = shared!.pack();
    // The engine started this pack: its preload serves the framed channel.
    expect(typeof (await pack.frames)).toBe("number");
    const framed = await PolicyPackSession.attach(pack);
    const overGrpc = await PolicyPackSession.attach({ port: pack.port, stderr: pack.stderr });
    try {
      // A Chinese data center judged as American: mandatory and advisory findings of many policies.
      const plan = await fixturePlan("policy-alicloud", "cn");
      const config = packConfigFor({ jurisdiction: "US", egressAllowlist: [], waivers: [] });
      await framed.configure(config);
      const viaFrames = await framed.analyzePlan(plan);
      await overGrpc.configure(config);
      const viaGrpc = await overGrpc.analyzePlan(plan);
      expect(viaFrames).toEqual(viaGrpc);
      const policies = new Set(toViolations(viaFrames, plan).map((v) => `${v.policy} ${v.level}`));
      expect(policies).toContain("resource-placement mandatory");
      expect(policies.size).toBeGreaterThan(3);

      // A property the runtime cannot unmarshal fails the call inside the runtime.
      const broken: Plan = {
        ...plan,
        resources: plan.resources.map((r, i) =>
          i === plan.resources.length - 1
            ? { ...r, inputs: { ...r.inputs, odd: { [signatureKey]: "no-such-signature" } } }
            : r,
        ),
      };
      const failedFramed = await framed.analyzePlan(broken).catch((e: Error) => e.message);
      const failedGrpc = await overGrpc.analyzePlan(broken).catch((e: Error) => e.message);
      // The runtime's words, then the stack of the code that threw: the same down to the frame
      // that called the runtime's handler (grpc-js's, or the framed channel's).
      const upToTheHandler = (failure: unknown) => {
        const text = String(failure);
        return text.slice(0, text.indexOf("\n", text.indexOf("server.js:215")));
      };
      expect(failedFramed).toMatch(
        /^Policy pack error: Error validating resource with policy 'resource-placement' from policy pack 'sovereign-dc-residency@v[^']+':\nError: Unrecognized signature 'no-such-signature' when unmarshaling resource property\n/,
      );
      expect(upToTheHandler(failedFramed)).toBe(upToTheHandler(failedGrpc));

      // Outputs only the stack's request carries (sent in parts on the framed channel): the
      // stack policies fail inside the runtime, alike on both channels.
      const brokenOutputs: Plan = {
        ...plan,
        resources: plan.resources.map((r, i) =>
          i === 1
            ? { ...r, outputs: { ...r.outputs, odd: { [signatureKey]: "no-such-signature" } } }
            : r,
        ),
      };
      const stackFramed = await framed.analyzePlan(brokenOutputs).catch((e: Error) => e.message);
      const stackGrpc = await overGrpc.analyzePlan(brokenOutputs).catch((e: Error) => e.message);
      expect(stackFramed).toMatch(
        /^Policy pack error: Error validating resource with policy 'residency-configured' from policy pack 'sovereign-dc-residency@v[^']+':\nError: Unrecognized signature 'no-such-signature' when unmarshaling resource property\n/,
      );
      const upToTheStackHandler = (failure: unknown) => {
        const text = String(failure);
        return text.slice(0, text.indexOf("\n", text.indexOf("server.js:318")));
      };
      expect(upToTheStackHandler(stackFramed)).toBe(upToTheStackHandler(stackGrpc));
    } finally {
      framed.close();
      overGrpc.close();
    }
  });
});
