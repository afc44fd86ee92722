// Jest stand-in for `./automation` as @pulumi/pulumi's index requires it (see parts.js).
"use strict";
const { lazyModule, loader } = require("./parts");

module.exports = lazyModule(loader("@pulumi/pulumi/automation/index.js"), true);
