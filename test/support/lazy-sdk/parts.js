// Helpers of the jest stand-ins in this folder, for parts of @pulumi/pulumi that the SDK loads
// eagerly and few tests use: the Automation API (execa, js-yaml and a dozen packages more), the
// function serialiser (package.json normalisation, file walking) with the TypeScript compiler
// and arborist, and semver. Each test file that loaded the SDK loaded them too, some 170 modules
// a file. The real modules load the first time a test reads the API or calls the function, as
// in the engine's own processes (engine/lazy-sdk.ts). jest.config.js maps the exact requests the
// SDK makes, which no other module of a test file's sandbox makes.
"use strict";

function loader(modulePath) {
  let real;
  return () => (real ??= require(require.resolve(modulePath)));
}

/** A namespace whose members load the module on first read (`__esModule`, read on import, does not). */
function lazyNamespace(modulePath) {
  const load = loader(modulePath);
  return new Proxy(
    {},
    {
      get: (_t, key) => (key === "__esModule" ? true : load()[key]),
      has: (_t, key) => key in load(),
      ownKeys: () => Reflect.ownKeys(load()),
      getOwnPropertyDescriptor: (_t, key) => {
        const d = Reflect.getOwnPropertyDescriptor(load(), key);
        return d ? { ...d, configurable: true } : undefined;
      },
    },
  );
}

/** Functions the runtime's index copies off a module: each loads it when first called. */
function lazyFunctions(modulePath, names) {
  const load = loader(modulePath);
  return Object.fromEntries(names.map((n) => [n, (...args) => load()[n](...args)]));
}

module.exports = { lazyNamespace, lazyFunctions };
