/**
 * Defers heavy parts of @pulumi/pulumi that offline evaluation and policy checks never use: the
 * function serialiser (`pulumi.runtime.serializeFunction`) with the TypeScript compiler and
 * @npmcli/arborist it loads eagerly, the Automation API, and semver. Loading them costs
 * about 1 s of every process that loads the SDK — the CLI, each evaluation worker and the policy
 * pack's process. With this hook they load on first use instead, so nothing changes for code
 * that does use them.
 *
 * Install it before anything requires @pulumi/pulumi (bin/sovereign-dc.js, engine/worker.ts and
 * the pack's process do).
 */
import Module from "node:module";
import * as path from "node:path";

type Loader = (request: string, parent: NodeModule | undefined, isMain: boolean) => unknown;

const sdkDir = `${path.sep}@pulumi${path.sep}pulumi${path.sep}`;
const runtimeDir = `${sdkDir}runtime${path.sep}`;

type Callable = (...args: unknown[]) => unknown;

/** The closure modules the runtime's index loads, and the functions it takes from each. */
export const lazyClosureExports: Readonly<Record<string, readonly string[]>> = {
  "./closure/serializeClosure": ["serializeFunctionAsync", "serializeFunction"],
  "./closure/codePaths": ["computeCodePaths"],
};
let installed = false;

function fromSdk(parent: NodeModule | undefined): boolean {
  return parent?.filename?.includes(sdkDir) ?? false;
}

/**
 * An object that loads the real module the first time any of its properties is read. A module
 * compiled from an ES module (`esModule`) answers `__esModule` without loading, so that
 * TypeScript's `__importStar` takes the object as it is instead of copying its keys.
 */
export function lazyModule(
  load: () => Record<PropertyKey, unknown>,
  esModule = false,
): Record<PropertyKey, unknown> {
  let real: Record<PropertyKey, unknown> | undefined;
  const get = () => (real ??= load());
  // Module loaders probe every export for ES-module interop (`__esModule`, and some a
  // `module.exports` descriptor); answering those must not load the module.
  const probe = (key: PropertyKey) =>
    real === undefined && (key === "__esModule" || key === "module.exports");
  return new Proxy({} as Record<PropertyKey, unknown>, {
    get: (_t, key) => (probe(key) ? (key === "__esModule" && esModule) || undefined : get()[key]),
    has: (_t, key) => key in get(),
    ownKeys: () => Reflect.ownKeys(get()),
    getOwnPropertyDescriptor: (_t, key) => {
      if (probe(key)) {
        return undefined;
      }
      const d = Reflect.getOwnPropertyDescriptor(get(), key);
      return d ? { ...d, configurable: true } : undefined;
    },
  });
}

/** Functions `names` of a module, each loading it on its first call. */
export function lazyFunctions(
  load: () => Record<string, Callable>,
  names: readonly string[],
): Record<string, Callable> {
  return Object.fromEntries(
    names.map((name) => [name, (...args: unknown[]) => load()[name](...args)]),
  );
}

/**
 * @npmcli/arborist as codePaths.js takes it: that module copies the module's own keys with
 * `__importStar`, so the one it uses is exposed without loading, a constructor that builds the
 * real Arborist when called.
 */
export function lazyArborist(load: () => { Arborist: new (...a: unknown[]) => unknown }): {
  Arborist: Callable;
} {
  return {
    Arborist: function Arborist(...args: unknown[]) {
      return new (load().Arborist)(...args);
    },
  };
}

export function installLazySdkDependencies(): void {
  if (installed) {
    return;
  }
  installed = true;
  const mod = Module as unknown as { _load: Loader };
  const load = mod._load;
  mod._load = function (request, parent, isMain) {
    if (fromSdk(parent)) {
      // The Automation API (driving the Pulumi CLI from code), which the SDK's index loads
      // eagerly: ~0.1 s and a dozen packages (semver, package.json normalisation) per process.
      if (request === "./automation" && parent?.filename?.endsWith(`${sdkDir}index.js`)) {
        return lazyModule(
          () => load.call(this, request, parent, isMain) as Record<string, unknown>,
          true,
        );
      }
      // Function serialisation (`pulumi.runtime.serializeFunction`, `computeCodePaths`), which
      // the runtime's index loads eagerly with its packages (package.json normalisation, file
      // walking, semver): wrappers that load it on their first call. Only a program with an
      // inline callback (a Lambda's handler) calls them.
      const closure = Object.hasOwn(lazyClosureExports, request)
        ? lazyClosureExports[request]
        : undefined;
      if (closure !== undefined && parent?.filename?.endsWith(`${runtimeDir}index.js`)) {
        return lazyFunctions(
          () => load.call(this, request, parent, isMain) as Record<string, Callable>,
          closure,
        );
      }
      // Version comparisons of default providers, read as `semver.gt` and the like.
      if (request === "semver" && parent?.filename?.endsWith(`${runtimeDir}rpc.js`)) {
        return lazyModule(
          () => load.call(this, request, parent, isMain) as Record<string, unknown>,
          true,
        );
      }
      // Only a TypeScript the project has is deferred. Without one, the SDK's shim
      // (typescript-shim.js) catches the failed require and loads the TypeScript it vendors, as
      // under the Pulumi CLI: the require must fail now, not on the serialiser's first use.
      if (request === "typescript" && resolves(request, parent, isMain)) {
        return lazyModule(
          () => load.call(this, request, parent, isMain) as Record<string, unknown>,
        );
      }
      if (request === "@npmcli/arborist") {
        return lazyArborist(
          () =>
            load.call(this, request, parent, isMain) as {
              Arborist: new (...a: unknown[]) => unknown;
            },
        );
      }
      // The function serialiser requires every built-in module Node lists, to recognise one a
      // function captures. On Node 26 they include node:ffi, which prints an ExperimentalWarning
      // when it loads: under every check (and every pulumi up) of a program with an inline
      // handler, about a module the program never used. Loaded for the serialiser without it.
      if (Module.isBuiltin(request) && parent?.filename?.endsWith(closureModule)) {
        return withoutExperimentalWarnings(() => load.call(this, request, parent, isMain));
      }
    }
    return load.call(this, request, parent, isMain);
  };
}

/** Whether `request` resolves from `parent`, as its require would resolve it. */
function resolves(request: string, parent: NodeModule | undefined, isMain: boolean): boolean {
  const resolver = Module as unknown as {
    _resolveFilename: (request: string, parent: NodeModule | undefined, isMain: boolean) => string;
  };
  try {
    resolver._resolveFilename(request, parent, isMain);
    return true;
  } catch {
    return false;
  }
}

/** The function serialiser's module that requires every built-in module. */
const closureModule = `${runtimeDir}closure${path.sep}createClosure.js`;

/** What `run` returns, with the ExperimentalWarnings it would emit dropped (and no others). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { withoutExperimentalWarnings } = require("./experimental-warnings.js") as {
  withoutExperimentalWarnings<T>(run: () => T): T;
};
