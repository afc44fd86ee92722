// Jest stand-in for `./automation` as @pulumi/pulumi's index requires it (see parts.js).
"use strict";
module.exports = require("./parts").lazyNamespace("@pulumi/pulumi/automation/index.js");
