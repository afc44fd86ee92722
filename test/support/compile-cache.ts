/**
 * V8's code cache for the modules jest compiles, kept for the life of the jest worker.
 *
 * Jest gives every test file a fresh module registry, so a worker compiles the same modules —
 * the Pulumi SDKs, the policy pack, the engine — once for each file it runs: several CPU-seconds
 * of every run of the suite went to parsing them again. The first compilation of a module in the
 * worker keeps V8's cached data; the next file's compilation of the same source starts from it
 * instead of parsing it again. Each file still runs its own fresh copy of every module: only the
 * parse is shared, and a module whose source changed (or whose cached data V8 refuses) compiles
 * anew.
 *
 * Installed by test/support/environment.ts, which jest loads once per worker, outside the files'
 * sandboxes; jest-runtime calls `vm.compileFunction` through the module object on each compile.
 */
import type * as vm from "node:vm";

// The module object itself, which jest-runtime reads: an `import *` namespace is a copy of it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const vmModule = require("node:vm") as typeof vm & Record<symbol, unknown>;

interface Cached {
  readonly source: string;
  readonly data: Buffer;
}

type CompileFunction = typeof vm.compileFunction;
type CompiledFunction = ReturnType<CompileFunction> & {
  cachedDataProduced?: boolean;
  cachedDataRejected?: boolean;
  cachedData?: Buffer;
};

const installed = Symbol.for("sovereign-dc.compile-cache");
/** Where the installed cache's entries can be read (test/tooling/compile-cache.test.ts). */
export const entriesKey = Symbol.for("sovereign-dc.compile-cache.entries");

/** Wraps `vm.compileFunction` of this process with the cache; once per process. */
export function installCompileCache(): void {
  if (vmModule[installed]) {
    return;
  }
  const original = vmModule.compileFunction;
  const cache = new Map<string, Cached>();
  const cached: CompileFunction = (code, params, options) => {
    const filename = options?.filename;
    if (filename === undefined || options?.cachedData !== undefined || options?.produceCachedData) {
      return original(code, params, options);
    }
    // The cached data is the compiled function's, parameters included.
    const key = `${filename}\0${(params ?? []).join(",")}`;
    const hit = cache.get(key);
    if (hit !== undefined && hit.source === code) {
      const fn = original(code, params, { ...options, cachedData: hit.data }) as CompiledFunction;
      if (!fn.cachedDataRejected) {
        return fn;
      }
      cache.delete(key);
      return fn;
    }
    const fn = original(code, params, { ...options, produceCachedData: true }) as CompiledFunction;
    if (fn.cachedDataProduced && fn.cachedData !== undefined) {
      // Copied into a Buffer of this realm: V8 makes the cached data in the test file's context,
      // and a Buffer of that context, kept here, would keep the whole file alive — its globals,
      // its module registry, its jest runtime — for the rest of the worker's life.
      cache.set(key, { source: code, data: Buffer.from(fn.cachedData) });
    }
    return fn;
  };
  vmModule.compileFunction = cached;
  vmModule[installed] = true;
  vmModule[entriesKey] = cache;
}
