/**
 * The SDK internals the offline engine needs that @pulumi/pulumi marks `@internal` (and so
 * leaves out of its type declarations): the runtime store, to switch on the features
 * `setMocks` switches on for its own monitor, and `waitForRPCs`, to know when the program has
 * finished registering resources. Both are what `runtime/mocks.js` and the language host use.
 * And `hasEngine`, which the engine answers as the Pulumi CLI's does.
 */

import { createRequire } from "node:module";

interface RuntimeStore {
  supportsSecrets: boolean;
  supportsResourceReferences: boolean;
  supportsOutputValues: boolean;
  supportsDeletedWith: boolean;
  supportsAliasSpecs: boolean;
  supportsTransforms: boolean;
  /** The SDK's callback server, which transforms register with (engine/transforms.ts). */
  callbacks: unknown;
}

/**
 * `require` as the SDK's own modules resolve: its protobuf messages, its gRPC and google-protobuf
 * (which this package does not list), the same instances the runtime uses.
 */
export const sdkRequire = createRequire(require.resolve("@pulumi/pulumi/runtime/mocks"));

// eslint-disable-next-line @typescript-eslint/no-require-imports
const state = require("@pulumi/pulumi/runtime/state") as { getStore(): RuntimeStore };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const settings = require("@pulumi/pulumi/runtime/settings") as { waitForRPCs(): Promise<void> };

export const getStore = state.getStore;
export const waitForRPCs = settings.waitForRPCs;

/**
 * Makes `pulumi.runtime.hasEngine()` true, as it is when the Pulumi CLI runs the program (an
 * engine address is set): a program shared with an Automation API driver that declares its
 * resources only when an engine runs it (`if (!pulumi.runtime.hasEngine()) return;`) declares
 * them offline too, instead of passing with none. The SDK's own code does not call it; the
 * runtime module copies the function when it loads, so both copies are replaced.
 */
export function presentEngine(): void {
  const withEngine = () => true;
  for (const id of ["@pulumi/pulumi/runtime/settings", "@pulumi/pulumi/runtime"]) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require(id) as { hasEngine: () => boolean }).hasEngine = withEngine;
  }
}

/**
 * The SDK's `runtime/rpc` module, whose `resolveProperties` hands each output a resource's
 * registration answered to the Output the SDK made for it. `runtime/resource.js` calls it
 * through the module (`rpc_1.resolveProperties(…)`), so replacing the export reaches every call.
 */
export interface RpcModule {
  resolveProperties(
    res: unknown,
    resolvers: Record<string, unknown>,
    t: string,
    name: string,
    allProps: Record<string, unknown>,
    ...rest: unknown[]
  ): void;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const rpc = require("@pulumi/pulumi/runtime/rpc") as RpcModule;
