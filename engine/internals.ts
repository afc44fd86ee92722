/**
 * The two SDK internals the offline engine needs that @pulumi/pulumi marks `@internal` (and so
 * leaves out of its type declarations): the runtime store, to switch on the features
 * `setMocks` switches on for its own monitor, and `waitForRPCs`, to know when the program has
 * finished registering resources. Both are what `runtime/mocks.js` and the language host use.
 */

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

// eslint-disable-next-line @typescript-eslint/no-require-imports
const state = require("@pulumi/pulumi/runtime/state") as { getStore(): RuntimeStore };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const settings = require("@pulumi/pulumi/runtime/settings") as { waitForRPCs(): Promise<void> };

export const getStore = state.getStore;
export const waitForRPCs = settings.waitForRPCs;
