// Jest stand-in for @npmcli/arborist, which @pulumi/pulumi loads for function serialisation
// only; the real package loads if a test ever constructs an Arborist (see parts.js).
"use strict";
const { lazyArborist, loader } = require("./parts");

module.exports = lazyArborist(loader("@npmcli/arborist/lib/index.js"));
