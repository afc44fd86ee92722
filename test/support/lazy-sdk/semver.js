// Jest stand-in for `semver` as @pulumi/pulumi's runtime requires it, the only module in a test
// file's sandbox that does (see parts.js): it compares provider versions, through
// `__importStar`, which takes a namespace marked `__esModule` as it is. Resolved from the SDK's
// folder, as its own `require` would.
"use strict";
const path = require("node:path");
const { lazyModule, loader } = require("./parts");

const sdk = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
module.exports = lazyModule(loader(require.resolve("semver", { paths: [sdk] })), true);
