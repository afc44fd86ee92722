// Jest stand-in for `./closure/codePaths` as @pulumi/pulumi/runtime's index requires it (see
// parts.js).
"use strict";
module.exports = require("./parts").lazyFunctions("@pulumi/pulumi/runtime/closure/codePaths.js", [
  "computeCodePaths",
]);
