// Helpers of the jest stand-ins for the parts of @pulumi/pulumi that its index and its runtime's index load
// eagerly and that no test file running in jest uses: the Automation API (execa, js-yaml and a
// dozen packages more) and the function serialiser (package.json normalisation, file walking,
// semver). Each test file that loads the SDK used to load them too, some 120 modules a file.
// The real modules load the first time a test reads the API or calls the serialiser, as the
// engine's own processes do with engine/lazy-sdk.ts. Mapped in jest.config.js by the exact
// requests the SDK makes, which no other package makes.
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
