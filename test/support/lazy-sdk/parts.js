// Helpers of the jest stand-ins in this folder, for parts of @pulumi/pulumi that the SDK loads
// eagerly and few tests use: the Automation API (execa, js-yaml and a dozen packages more), the
// function serialiser (package.json normalisation, file walking) with the TypeScript compiler
// and arborist, and semver. Each test file that loaded the SDK loaded them too, some 170 modules
// a file. The real modules load the first time a test reads the API or calls the function, by
// the same stand-ins as in the engine's own processes (engine/lazy-sdk.ts). jest.config.js maps
// the exact requests the SDK makes, which no other module of a test file's sandbox makes.
"use strict";
const lazy = require("../../../engine/lazy-sdk");

/** Loads `modulePath` (resolved from here) once, when first called. */
function loader(modulePath) {
  let real;
  return () => (real ??= require(require.resolve(modulePath)));
}

module.exports = { ...lazy, loader };
