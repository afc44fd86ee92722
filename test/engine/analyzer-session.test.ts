/**
 * PolicyPackSession's own calls (configure, analyzePlan, analyzeStackOnly) on its HTTP/2
 * connection to the pack, held against grpc-js's server (the one `@pulumi/policy` serves with):
 * a process with a session left open ends on its own once its calls are answered, and not
 * before; a pack's error answer, a refused connection and a pack that goes away mid-call each
 * surface as a "Policy pack error" with the pack's words and its stderr.
 */
import type * as GrpcModule from "@grpc/grpc-js";
import { grpc, rawMethod } from "../helpers/raw-grpc";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import { spawn } from "node:child_process";
import { PolicyPackSession } from "../../engine/analyzer";
import { analyzerMethods } from "../../engine/analyzer-messages";
import type { Plan } from "../../engine/plan";
import { root } from "../helpers/cli";

type Unary = (
  call: GrpcModule.ServerUnaryCall<Buffer, Buffer>,
  cb: GrpcModule.sendUnaryData<Buffer>,
) => void;

/** An answer with one mandatory diagnostic of the policy `p`. */
function answer(): Buffer {
  const d = new analyzerpb.AnalyzeDiagnostic();
  d.setPolicyname("p");
  d.setMessage("found");
  d.setEnforcementlevel(analyzerpb.EnforcementLevel.MANDATORY);
  d.setUrn("urn:pulumi:s::p::t::r");
  const resp = new analyzerpb.AnalyzeResponse();
  resp.setDiagnosticsList([d]);
  return Buffer.from(resp.serializeBinary());
}

/**
 * A stand-in for a pack's analyzer: Configure answers at once; AnalyzeStack answers one
 * diagnostic after `delayMs`, or fails with its request's size when `failWith` is set, or never
 * answers when `hang` is.
 */
async function serve(opts: { delayMs?: number; failWith?: string; hang?: boolean }) {
  const server = new grpc.Server();
  const configure: Unary = (_call, cb) => cb(null, Buffer.alloc(0));
  const stack: Unary = (_call, cb) => {
    if (opts.hang) {
      return;
    }
    if (opts.failWith !== undefined) {
      cb({ code: grpc.status.INVALID_ARGUMENT, details: opts.failWith });
      return;
    }
    setTimeout(() => cb(null, answer()), opts.delayMs ?? 0);
  };
  server.addService(
    {
      Configure: rawMethod(analyzerMethods.configure),
      AnalyzeStack: rawMethod(analyzerMethods.stack),
    },
    { Configure: configure, AnalyzeStack: stack },
  );
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) =>
      e ? reject(e) : resolve(p),
    ),
  );
  return { server, port };
}

const emptyPlan: Plan = {
  project: "p",
  stack: "s",
  program: "index.ts",
  config: {},
  resources: [],
  outputs: {},
};

const endpoint = (port: number, stderr = "") => ({
  port: Promise.resolve(port),
  stderr: () => stderr,
});

test("the analyzer's method paths are the SDK's service definition's", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { AnalyzerService } = require("@pulumi/pulumi/proto/analyzer_grpc_pb") as {
    AnalyzerService: Record<string, { path: string }>;
  };
  expect(analyzerMethods).toEqual({
    configure: AnalyzerService.configure.path,
    analyze: AnalyzerService.analyze.path,
    stack: AnalyzerService.analyzeStack.path,
  });
});

test("a process with a session left open waits for its call's answer, then ends on its own", async () => {
  // The answer comes late: the process must wait for it, though nothing else keeps it alive.
  const { server, port } = await serve({ delayMs: 400 });
  try {
    const script = `
      const { PolicyPackSession } = require(${JSON.stringify(`${root}/engine/analyzer.ts`)});
      (async () => {
        const session = await PolicyPackSession.attach({
          port: Promise.resolve(${port}),
          stderr: () => "",
        });
        await session.configure({ p: { enforcementLevel: "mandatory" } });
        const found = await session.analyzeStackOnly(${JSON.stringify(emptyPlan)});
        process.stdout.write(JSON.stringify(found.map((d) => [d.policy, d.level, d.urn])));
        // The session is left open, idle, as a caller that forgets to close it would leave it.
      })();
    `;
    const child = spawn(
      process.execPath,
      ["--require", `${root}/engine/register-ts.js`, "-e", script],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const ended = await new Promise<number | string>((resolve) => {
      const timer = setTimeout(() => {
        child.kill();
        resolve("still running after 20 s");
      }, 20_000);
      child.on("exit", (code) => {
        clearTimeout(timer);
        resolve(code ?? "killed");
      });
    });
    expect({ ended, err }).toEqual({ ended: 0, err: "" });
    expect(JSON.parse(out)).toEqual([["p", "mandatory", "urn:pulumi:s::p::t::r"]]);
  } finally {
    server.forceShutdown();
  }
}, 30_000);

test("a pack's error answer surfaces with its words and its stderr, and the session serves on", async () => {
  const failing = await serve({ failWith: "policy 'p' threw: 100% broken\nat line 2" });
  const session = await PolicyPackSession.attach(endpoint(failing.port, "the pack's stderr\n"));
  try {
    await session.configure({ p: { enforcementLevel: "mandatory" } });
    await expect(session.analyzeStackOnly(emptyPlan)).rejects.toThrow(
      new Error("Policy pack error: policy 'p' threw: 100% broken\nat line 2\nthe pack's stderr"),
    );
    // A call after the error still reaches the pack.
    await session.configure({ p: { enforcementLevel: "advisory" } });
  } finally {
    session.close();
    failing.server.forceShutdown();
  }
});

test("a refused connection and a pack gone mid-call surface as policy pack errors", async () => {
  const gone = await serve({ hang: true });
  const session = await PolicyPackSession.attach(
    endpoint(gone.port, "pack crashed: out of memory"),
  );
  const call = session.analyzeStackOnly(emptyPlan).catch((e: unknown) => e);
  await new Promise((resolve) => setTimeout(resolve, 50));
  gone.server.forceShutdown();
  expect(String(await call)).toMatch(
    /^PackError: Policy pack error: the (policy pack's call \/pulumirpc.Analyzer\/AnalyzeStack failed|connection to the policy pack (failed|closed)).*\npack crashed: out of memory$/s,
  );
  session.close();

  // Nothing listens on the port any more.
  const refused = await PolicyPackSession.attach(endpoint(gone.port));
  await expect(refused.configure({ other: {} })).rejects.toThrow(
    /^Policy pack error: the (connection to the policy pack|policy pack's call \/pulumirpc.Analyzer\/Configure) failed: .*ECONNREFUSED/,
  );
  refused.close();
});
