// Jest stand-in for `typescript` as required by @pulumi/pulumi's function serialisation, which
// no test uses: the real compiler (~0.6 s a test file) loads only if a property is read.
"use strict";
const real = require.resolve("typescript/lib/typescript.js");
let ts;
module.exports = new Proxy(
  {},
  {
    get: (_t, key) => (key === "__esModule" ? undefined : (ts ??= require(real))[key]),
  },
);
