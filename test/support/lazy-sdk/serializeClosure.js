// Jest stand-in for `./closure/serializeClosure` as @pulumi/pulumi/runtime's index requires it
// (see parts.js).
"use strict";
const { lazyClosureExports, lazyFunctions, loader } = require("./parts");

module.exports = lazyFunctions(
  loader("@pulumi/pulumi/runtime/closure/serializeClosure.js"),
  lazyClosureExports["./closure/serializeClosure"],
);
