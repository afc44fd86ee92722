/**
 * The engine's compile hooks for .ts and .cts files are installed once a process, whatever number
 * of realms load the engine. Jest runs each test file in a realm of its own; a mark kept on each
 * realm's `globalThis` let every file that loads programs chain one more hook on the one
 * `require.extensions` of the process (every later file then compiled once per hook, and each
 * hook kept its test file alive). The mark lives on Node's module system, which every realm
 * shares.
 */
import Module from "node:module";

const mark = Symbol.for("sovereign-dc.register-ts");

it("marks the compile hooks on Node's module system, not on the realm's globalThis", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("../../engine/register-ts.js");
  expect((Module as unknown as Record<symbol, unknown>)[mark]).toBe(true);
  expect((globalThis as Record<symbol, unknown>)[mark]).toBeUndefined();
});

it("leaves require.extensions as it is when the hook module loads again in a fresh registry", () => {
  const extensions = (Module as unknown as { _extensions: Record<string, unknown> })._extensions;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("../../engine/register-ts.js");
  const installed = extensions[".ts"];
  // A fresh module registry, as the next test file gets, runs the hook module again.
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require("../../engine/register-ts.js");
  });
  expect(extensions[".ts"]).toBe(installed);
});
