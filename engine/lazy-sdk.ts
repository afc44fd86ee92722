/**
 * Defers two heavy dependencies of @pulumi/pulumi that offline evaluation and policy checks
 * never use: the TypeScript compiler and @npmcli/arborist, which the SDK loads eagerly for
 * function serialisation (`pulumi.runtime.serializeFunction`). Loading them costs about 0.9 s of
 * every process that loads the SDK — the CLI, each evaluation worker and the policy pack's
 * process. With this hook they load on first use instead, so nothing changes for code that
 * does use them.
 *
 * Install it before anything requires @pulumi/pulumi (bin/sovereign-dc.js, engine/worker.ts and
 * the pack's process do).
 */
import Module from "node:module";
import * as path from "node:path";

type Loader = (request: string, parent: NodeModule | undefined, isMain: boolean) => unknown;

const sdkDir = `${path.sep}@pulumi${path.sep}pulumi${path.sep}`;
let installed = false;

function fromSdk(parent: NodeModule | undefined): boolean {
  return parent?.filename?.includes(sdkDir) ?? false;
}

/** An object that loads the real module the first time any of its properties is read. */
function lazyModule(load: () => Record<PropertyKey, unknown>): Record<PropertyKey, unknown> {
  let real: Record<PropertyKey, unknown> | undefined;
  const get = () => (real ??= load());
  // Module loaders probe every export for ES-module interop (`__esModule`, and some a
  // `module.exports` descriptor); answering those must not load the module.
  const probe = (key: PropertyKey) =>
    real === undefined && (key === "__esModule" || key === "module.exports");
  return new Proxy({} as Record<PropertyKey, unknown>, {
    get: (_t, key) => (probe(key) ? undefined : get()[key]),
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

export function installLazySdkDependencies(): void {
  if (installed) {
    return;
  }
  installed = true;
  const mod = Module as unknown as { _load: Loader };
  const load = mod._load;
  mod._load = function (request, parent, isMain) {
    if (fromSdk(parent)) {
      if (request === "typescript") {
        return lazyModule(
          () => load.call(this, request, parent, isMain) as Record<string, unknown>,
        );
      }
      if (request === "@npmcli/arborist") {
        // codePaths.js copies the module's own keys with __importStar, so expose the one it
        // uses without loading: a constructor that builds the real Arborist when called.
        return {
          Arborist: function Arborist(...args: unknown[]) {
            const real = load.call(this, request, parent, isMain) as {
              Arborist: new (...a: unknown[]) => unknown;
            };
            return new real.Arborist(...args);
          },
        };
      }
    }
    return load.call(this, request, parent, isMain);
  };
}
