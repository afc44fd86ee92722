/**
 * engine/pack-connection.ts calls a pack's analyzer on HTTP/2 without grpc-js's client. Held here
 * against grpc-js's own server (the one `@pulumi/policy` serves with): messages of every size
 * both ways, the server's error statuses and words, and connections that fail.
 */
import * as http2 from "node:http2";
import type * as GrpcModule from "@grpc/grpc-js";
import { grpc, patterned, rawMethod } from "../helpers/raw-grpc";
import { PackCallError, PackConnection } from "../../engine/pack-connection";

/**
 * A server whose Echo answers its request reversed, whose Fail fails with the request's text, and
 * whose Hang never answers.
 */
async function serve(): Promise<{ server: GrpcModule.Server; port: number }> {
  const server = new grpc.Server({ "grpc.max_receive_message_length": 64 * 1024 * 1024 });
  server.addService(
    {
      Echo: rawMethod("/test.Test/Echo"),
      Fail: rawMethod("/test.Test/Fail"),
      Hang: rawMethod("/test.Test/Hang"),
    },
    {
      Echo: (
        call: GrpcModule.ServerUnaryCall<Buffer, Buffer>,
        cb: GrpcModule.sendUnaryData<Buffer>,
      ) => cb(null, Buffer.from(call.request).reverse()),
      Fail: (
        call: GrpcModule.ServerUnaryCall<Buffer, Buffer>,
        cb: GrpcModule.sendUnaryData<Buffer>,
      ) => cb({ code: grpc.status.INVALID_ARGUMENT, details: call.request.toString("utf8") }),
      Hang: () => undefined,
    },
  );
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) =>
      e ? reject(e) : resolve(p),
    ),
  );
  return { server, port };
}

let server: GrpcModule.Server;
let port: number;
beforeAll(async () => {
  ({ server, port } = await serve());
});
afterAll(() => server.forceShutdown());

test("a call carries its message and brings back the answer's, from empty to megabytes", async () => {
  const c = new PackConnection(port);
  try {
    const sizes = [0, 1, 5, 70_000, 5 * 1024 * 1024];
    const answers = await Promise.all(
      sizes.map((n) => {
        const req = patterned(n);
        return c.call("/test.Test/Echo", req).then((a) => ({ req, a }));
      }),
    );
    for (const { req, a } of answers) {
      expect(a.equals(Buffer.from(req).reverse())).toBe(true);
    }
  } finally {
    c.close();
  }
});

test("a call the pack fails rejects with its gRPC status and its words, percent-decoded", async () => {
  const c = new PackConnection(port);
  try {
    const words = "policy 'x' failed: 100% é\nsecond line";
    const failed = await c.call("/test.Test/Fail", Buffer.from(words)).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(PackCallError);
    expect((failed as PackCallError).code).toBe(grpc.status.INVALID_ARGUMENT);
    expect((failed as PackCallError).details).toBe(words);
    // The connection still serves the next call.
    expect((await c.call("/test.Test/Echo", Buffer.from("ab"))).toString()).toBe("ba");
  } finally {
    c.close();
  }
});

test("a method the pack does not serve rejects with UNIMPLEMENTED", async () => {
  const c = new PackConnection(port);
  try {
    const failed = await c.call("/test.Test/Missing", Buffer.alloc(0)).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(PackCallError);
    expect((failed as PackCallError).code).toBe(grpc.status.UNIMPLEMENTED);
    expect((failed as PackCallError).details).toContain("/test.Test/Missing");
  } finally {
    c.close();
  }
});

test("calls fail when nothing listens, and when the pack goes away mid-call", async () => {
  const gone = await serve();
  const goneConnection = new PackConnection(gone.port);
  const call = goneConnection.call("/test.Test/Hang", Buffer.from("x")).catch((e: unknown) => e);
  await new Promise((resolve) => setTimeout(resolve, 50));
  gone.server.forceShutdown();
  expect(String(await call)).toMatch(
    /^Error: the (policy pack's call \/test.Test\/Hang failed|connection to the policy pack (failed|closed))/,
  );
  // A later call connects again, and fails: nothing listens any more.
  await expect(goneConnection.call("/test.Test/Echo", Buffer.alloc(0))).rejects.toThrow(
    /ECONNREFUSED/,
  );
  // The calls after that fail at once, with the reason, without trying again.
  await expect(goneConnection.call("/test.Test/Echo", Buffer.alloc(0))).rejects.toThrow(
    /^the connection to the policy pack failed: connect ECONNREFUSED/,
  );
  goneConnection.close();

  const nobody = new PackConnection(gone.port);
  await expect(nobody.call("/test.Test/Echo", Buffer.alloc(0))).rejects.toThrow(/ECONNREFUSED/);
  nobody.close();
});

test("a call after the pack closed an idle connection goes on a new one", async () => {
  // A gRPC server may close a connection that carried no call for a while (GOAWAY, then close).
  const idle = new grpc.Server({ "grpc.max_connection_idle_ms": 100 });
  idle.addService(
    { Echo: rawMethod("/test.Test/Echo") },
    {
      Echo: (
        call: GrpcModule.ServerUnaryCall<Buffer, Buffer>,
        cb: GrpcModule.sendUnaryData<Buffer>,
      ) => cb(null, Buffer.from(call.request).reverse()),
    },
  );
  const idlePort = await new Promise<number>((resolve, reject) =>
    idle.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) =>
      e ? reject(e) : resolve(p),
    ),
  );
  // How long the server leaves a connection idle before closing it, seen from a plain client.
  const probe = http2.connect(`http://127.0.0.1:${idlePort}`);
  probe.on("error", () => undefined);
  const start = Date.now();
  await new Promise((resolve) => probe.once("close", resolve));
  const idleFor = Date.now() - start;

  const c = new PackConnection(idlePort);
  try {
    expect((await c.call("/test.Test/Echo", Buffer.from("ab"))).toString()).toBe("ba");
    // Left idle for longer than that, the connection is closed by the server; the next call
    // goes on a new one.
    await new Promise((resolve) => setTimeout(resolve, 2 * idleFor + 200));
    expect((await c.call("/test.Test/Echo", Buffer.from("cd"))).toString()).toBe("dc");
  } finally {
    c.close();
    idle.forceShutdown();
  }
  // Once closed by its owner, the connection carries nothing more.
  await expect(c.call("/test.Test/Echo", Buffer.from("x"))).rejects.toThrow(
    "the connection to the policy pack closed",
  );
});
