/**
 * The jest workers' cache of V8's compiled code (test/support/compile-cache.ts) keeps each
 * module's cached data for the worker's life. V8 makes that data in the context the module was
 * compiled for — a test file's — and the data, kept as made, keeps that context alive: the
 * file's globals, module registry and jest runtime, file after file, which every garbage
 * collection of the worker then walks. The cache keeps a copy of its own instead.
 */
import type * as vmTypes from "node:vm";
import * as v8 from "node:v8";
import { entriesKey } from "../support/compile-cache";

// The module object itself, which the cache patches: an `import *` namespace is a copy of it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const vm = require("node:vm") as typeof vmTypes;

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

/** Compiles a function for a new context and returns a weak reference to that context. */
function compileForNewContext(filename: string): WeakRef<vmTypes.Context> {
  const context = vm.createContext({});
  const compiled = vm.compileFunction("return 6 * 7;", ["exports"], {
    filename,
    parsingContext: context,
  });
  expect(compiled([])).toBe(42);
  return new WeakRef(context);
}

it("keeps no context alive that it compiled for: the cached data is a copy", async () => {
  const entries = (vm as unknown as Record<symbol, ReadonlyMap<string, unknown> | undefined>)[
    entriesKey
  ];
  const filename = `/virtual/compile-cache-${process.pid}-${Date.now()}.js`;
  const context = compileForNewContext(filename);
  expect(entries?.has(`${filename}\0exports`)).toBe(true);
  // A weak reference holds its target until the current job ends, and a context whose code V8
  // still compiles in the background (or whose weak callbacks are pending) may outlive one
  // collection under load: collect a few times, each after the job ends. A context the cache
  // kept alive outlives them all.
  for (let round = 0; round < 5 && context.deref() !== undefined; round += 1) {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
  }
  expect(context.deref()).toBeUndefined();
});
