#!/usr/bin/env node
// The sovereign-dc CLI. Its sources are TypeScript, compiled on load by tsx (as the programs it
// evaluates are), so the package needs no build step.
"use strict";
require("tsx/cjs");
const { main } = require("../cli/main.ts");

main(process.argv).then((code) => {
  // Flush stdout before exiting: documents can be larger than one pipe buffer.
  process.stdout.write("", () => process.exit(code));
});
