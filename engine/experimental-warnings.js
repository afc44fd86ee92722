"use strict";
// Node's ExperimentalWarnings about what the engine, or a library on its behalf, uses — not the
// program's: the function serialiser's loading of every built-in module (node:ffi on Node 26),
// `module.stripTypeScriptTypes` on Node 22 and 24. Plain JavaScript, as the TypeScript hook and
// the ES-module loader use it.

/** What `run` returns, with the ExperimentalWarnings it would emit dropped (and no others). */
function withoutExperimentalWarnings(run) {
  const emit = process.emitWarning;
  process.emitWarning = function (warning, ...rest) {
    const option = rest[0];
    const type =
      typeof option === "string"
        ? option
        : typeof option === "object" && option !== null
          ? option.type
          : undefined;
    const name = warning instanceof Error ? warning.name : undefined;
    if (type === "ExperimentalWarning" || name === "ExperimentalWarning") {
      return;
    }
    return emit.call(this, warning, ...rest);
  };
  try {
    return run();
  } finally {
    process.emitWarning = emit;
  }
}

module.exports = { withoutExperimentalWarnings };
