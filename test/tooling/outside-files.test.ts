/**
 * The worker's shared processes are started outside the test file's async context
 * (test/support/outside-files.ts): a child process started there keeps none of the values the
 * file's async local storages hold, so the file's objects can be collected while it runs on.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { type ChildProcess, spawn } from "node:child_process";
import * as v8 from "node:v8";
import * as vm from "node:vm";
import { outsideFiles } from "../support/outside-files";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

const storage = new AsyncLocalStorage<object>();
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill()));

/** Starts a long-running child, through `start`, with `storage` holding a new object. */
function startWithStore(start: <T>(f: () => T) => T): WeakRef<object> {
  const value = { file: "a test file's value" };
  storage.run(value, () =>
    start(() => {
      const child = spawn("sleep", ["30"], { stdio: ["pipe", "pipe", "ignore"] });
      child.unref();
      children.push(child);
    }),
  );
  return new WeakRef(value);
}

async function collected(ref: WeakRef<object>): Promise<boolean> {
  // The storage's own propagation lets go of the value once the callbacks that ran under it end.
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  return ref.deref() === undefined;
}

it("runs its function outside the caller's async local storages", () => {
  expect(storage.run({}, () => outsideFiles(() => storage.getStore()))).toBeUndefined();
  expect(storage.run({}, () => storage.getStore())).toBeDefined();
});

it("starts a child process that keeps none of the caller's values alive", async () => {
  expect(await collected(startWithStore(outsideFiles))).toBe(true);
});

it("is needed: a child process started in the caller's context keeps its value alive", async () => {
  expect(await collected(startWithStore((f) => f()))).toBe(false);
});
