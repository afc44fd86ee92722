/**
 * A unary gRPC method over raw bytes for grpc-js's server (the one `@pulumi/policy` serves with),
 * so that a test can stand in for a policy pack's analyzer and see or write messages as they
 * travel on the wire.
 */
import type * as GrpcModule from "@grpc/grpc-js";
import { fromSdk } from "../../engine/analyzer-messages";

/** The SDK's grpc-js, the one the pack's server runs on. */
export const grpc = fromSdk<typeof GrpcModule>("@grpc/grpc-js");

const same = (b: Buffer) => b;

/** The definition of the unary method at `path` (`/pulumirpc.Analyzer/Analyze`, …), bytes in and out. */
export function rawMethod(path: string) {
  return {
    path,
    requestStream: false,
    responseStream: false,
    requestSerialize: same,
    requestDeserialize: same,
    responseSerialize: same,
    responseDeserialize: same,
  };
}

/** `n` bytes of a pattern that repeats only every 251 bytes: a message whose order shows. */
export function patterned(n: number): Buffer {
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i++) {
    out[i] = (i * 7) % 251;
  }
  return out;
}
