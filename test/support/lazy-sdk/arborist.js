// Jest stand-in for @npmcli/arborist, which @pulumi/pulumi loads for function serialisation
// only; the real package loads if a test ever constructs an Arborist.
"use strict";
module.exports = {
  Arborist: function Arborist(...args) {
    const { Arborist: Real } = require(require.resolve("@npmcli/arborist/lib/index.js"));
    return new Real(...args);
  },
};
