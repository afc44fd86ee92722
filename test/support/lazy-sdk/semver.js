// Jest stand-in for `semver` as @pulumi/pulumi's runtime requires it (see parts.js): it compares
// provider versions, through
// `__importStar`, which takes a namespace marked `__esModule` as it is. Resolved from the SDK's
// folder, as its own `require` would.
"use strict";
const path = require("node:path");
const { lazyModule, loader } = require("./parts");

// Resolved through its package.json: jest maps "semver" itself to this very file, which would
// then load itself (the engine's plugin lookup reads semver too, engine/plugins.ts).
const sdk = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
const real = path.join(
  path.dirname(require.resolve("semver/package.json", { paths: [sdk] })),
  "index.js",
);
module.exports = lazyModule(loader(real), true);
