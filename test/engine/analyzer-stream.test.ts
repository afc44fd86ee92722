/**
 * A streamed analysis (`check`'s: PolicyPackSession.streamPlan) hands every resource's request to
 * its connection's thread as the resource is recorded; the thread keeps a bounded number of calls
 * on the pack at once and queues the rest. Held here against a stand-in for a pack's analyzer on
 * grpc-js's server that holds its calls and counts how many it holds at once.
 */
import type * as GrpcModule from "@grpc/grpc-js";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import { grpc, rawMethod } from "../helpers/raw-grpc";
import { PlanAnalysis, PolicyPackSession } from "../../engine/analyzer";
import { analyzerMethods } from "../../engine/analyzer-messages";
import { type Plan, type RecordedResource, recordOf } from "../../engine/plan";

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

/** The stack request a PlanAnalysis sends for `plan`, having been given `added` before finishing. */
async function stackRequestOf(plan: Plan, added: readonly RecordedResource[]): Promise<Buffer> {
  let sent: Buffer | undefined;
  const analysis = new PlanAnalysis(Promise.resolve(), (kind, req) => {
    if (kind === "stack") {
      sent = req;
    }
    return Promise.resolve([]);
  });
  for (const r of added) {
    analysis.add(r);
  }
  await analysis.finish(plan);
  return sent as Buffer;
}

test("the stack request joins entries encoded as resources are added: the same bytes as one written at the end", async () => {
  const provider = recordOf({
    urn: "urn:pulumi:s::p::pulumi:providers:aws::east",
    type: "pulumi:providers:aws",
    name: "east",
    custom: true,
    inputs: { region: "cn-north-1" },
    outputs: { region: "cn-north-1", version: "7.0.0" },
  });
  const bucket = (name: string, providerUrn = provider.urn) =>
    recordOf({
      urn: `urn:pulumi:s::p::aws:s3/bucket:Bucket::${name}`,
      type: "aws:s3/bucket:Bucket",
      name,
      custom: true,
      provider: providerUrn,
      parent: "urn:pulumi:s::p::pulumi:pulumi:Stack::p-s",
      dependencies: [provider.urn],
      propertyDependencies: { tags: [provider.urn] },
      inputs: { bucket: name },
      outputs: { bucket: name, arn: `arn:aws-cn:s3:::${name}`, tags: { team: "data" } },
    });
  // `early` is added before its provider (the analysis cannot encode its provider yet); `orphan`
  // names a provider the plan does not hold.
  const early = bucket("early");
  const orphan = bucket("orphan", "urn:pulumi:s::p::pulumi:providers:aws::gone");
  const plan: Plan = {
    project: "p",
    stack: "s",
    program: "index.ts",
    config: {},
    resources: [early, provider, bucket("logs"), orphan, bucket("data")],
    outputs: {},
  };
  const atOnce = await stackRequestOf(plan, []);
  expect(await stackRequestOf(plan, plan.resources)).toEqual(atOnce);
  expect(await stackRequestOf(plan, plan.resources.slice(0, 3))).toEqual(atOnce);

  const read = analyzerpb.AnalyzeStackRequest.deserializeBinary(atOnce).getResourcesList();
  expect(read.map((r) => [r.getName(), r.getProvider()?.getName()])).toEqual([
    ["early", "east"],
    ["east", undefined],
    ["logs", "east"],
    ["orphan", undefined],
    ["data", "east"],
  ]);
  expect(read[2].getProperties()?.toJavaScript()).toEqual({
    bucket: "logs",
    arn: "arn:aws-cn:s3:::logs",
    tags: { team: "data" },
  });
});

test("a resource whose outputs cannot be sent fails the stack request, the first one in the plan's order", async () => {
  const r = (name: string, outputs: Record<string, unknown>) =>
    recordOf({
      urn: `urn:pulumi:s::p::t:m:R::${name}`,
      type: "t:m:R",
      name,
      custom: true,
      outputs,
    });
  const plan: Plan = {
    project: "p",
    stack: "s",
    program: "index.ts",
    config: {},
    resources: [r("fine", { a: 1 }), r("first", { f: () => 1 }), r("second", { n: 10n })],
    outputs: {},
  };
  const analysis = new PlanAnalysis(Promise.resolve(), () => Promise.resolve([]));
  // Added in another order than the plan's: the plan decides which failure is reported.
  for (const i of [2, 0, 1]) {
    analysis.add(plan.resources[i]);
  }
  await expect(analysis.finish(plan)).rejects.toThrow(
    "The outputs of urn:pulumi:s::p::t:m:R::first cannot be sent to the policy pack: f holds function",
  );
});
