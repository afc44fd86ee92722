/**
 * A streamed analysis (`check`'s: PolicyPackSession.streamPlan) hands every resource's request to
 * its connection's thread as the resource is recorded; the thread keeps a bounded number of calls
 * on the pack at once and queues the rest. Held here against a stand-in for a pack's analyzer on
 * grpc-js's server that holds its calls and counts how many it holds at once.
 */
import type * as GrpcModule from "@grpc/grpc-js";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import { grpc, rawMethod } from "../helpers/raw-grpc";
import { PolicyPackSession } from "../../engine/analyzer";
import { analyzerMethods } from "../../engine/analyzer-messages";
import { type Plan, recordOf } from "../../engine/plan";

type Unary = (
  call: GrpcModule.ServerUnaryCall<Buffer, Buffer>,
  cb: GrpcModule.sendUnaryData<Buffer>,
) => void;

/** An answer with one advisory diagnostic whose message is `message`. */
function answer(message: string): Buffer {
  const d = new analyzerpb.AnalyzeDiagnostic();
  d.setPolicyname("p");
  d.setMessage(message);
  d.setEnforcementlevel(analyzerpb.EnforcementLevel.ADVISORY);
  const resp = new analyzerpb.AnalyzeResponse();
  resp.setDiagnosticsList([d]);
  return Buffer.from(resp.serializeBinary());
}

/**
 * Analyze holds each call until no new one has arrived for 20 ms, then answers every held call
 * with the resource's name; AnalyzeStack answers "stack".
 */
async function holdingPack() {
  const seen = { calls: 0, mostAtOnce: 0 };
  let held: (() => void)[] = [];
  let timer: NodeJS.Timeout | undefined;
  const release = () => {
    const now = held;
    held = [];
    for (const answerIt of now) {
      answerIt();
    }
  };
  const analyze: Unary = (call, cb) => {
    seen.calls++;
    const name = analyzerpb.AnalyzeRequest.deserializeBinary(call.request).getName();
    held.push(() => cb(null, answer(name)));
    seen.mostAtOnce = Math.max(seen.mostAtOnce, held.length);
    clearTimeout(timer);
    timer = setTimeout(release, 20);
  };
  const server = new grpc.Server();
  server.addService(
    {
      Configure: rawMethod(analyzerMethods.configure),
      Analyze: rawMethod(analyzerMethods.analyze),
      AnalyzeStack: rawMethod(analyzerMethods.stack),
    },
    {
      Configure: ((_call, cb) => cb(null, Buffer.alloc(0))) as Unary,
      Analyze: analyze,
      AnalyzeStack: ((_call, cb) => cb(null, answer("stack"))) as Unary,
    },
  );
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) =>
      e ? reject(e) : resolve(p),
    ),
  );
  return { server, port, seen };
}

test("a streamed analysis keeps at most 128 calls on the pack at once and answers every resource in order", async () => {
  const pack = await holdingPack();
  const plan: Plan = {
    project: "p",
    stack: "s",
    program: "index.ts",
    config: {},
    resources: Array.from({ length: 300 }, (_, i) =>
      recordOf({
        urn: `urn:pulumi:s::p::t:m:R::r${i}`,
        type: "t:m:R",
        name: `r${i}`,
        custom: true,
      }),
    ),
    outputs: {},
  };
  const session = PolicyPackSession.attach({ port: Promise.resolve(pack.port), stderr: () => "" });
  const analysis = PolicyPackSession.streamPlan(session, { p: { enforcementLevel: "advisory" } });
  try {
    for (const r of plan.resources) {
      analysis.add(r);
    }
    const found = await analysis.finish(plan);
    expect(pack.seen.calls).toBe(300);
    expect(pack.seen.mostAtOnce).toBe(128);
    expect(found.map((d) => [d.message, d.urn])).toEqual([
      ...plan.resources.map((r) => [r.name, r.urn]),
      ["stack", undefined],
    ]);
  } finally {
    analysis.close();
    (await session).close();
    pack.server.forceShutdown();
  }
});
