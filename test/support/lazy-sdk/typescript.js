// Jest stand-in for `typescript` as required by @pulumi/pulumi's function serialisation, which
// no test uses: the real compiler (~0.6 s a test file) loads only if a property is read (see
// parts.js).
"use strict";
const { lazyModule, loader } = require("./parts");

module.exports = lazyModule(loader("typescript/lib/typescript.js"));
