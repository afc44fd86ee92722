/**
 * The window of calls to the policy pack (engine/call-window.ts): never more than its limit at
 * once, the waiting calls started in the order they came, and each call's own result or failure
 * (a task that throws before it returns a promise included) — with the place handed on either way.
 */
import { CallWindow } from "../../engine/call-window";

/** A task that settles when the test says so. */
function deferred() {
  let settle!: (ok: boolean) => void;
  const promise = new Promise<string>((resolve, reject) => {
    settle = (ok) => (ok ? resolve("done") : reject(new Error("refused")));
  });
  return { promise, settle };
}

const tick = () => new Promise((r) => setImmediate(r));

test("runs at most its limit at once, and starts the waiting calls in order", async () => {
  const window = new CallWindow(2);
  const tasks = Array.from({ length: 5 }, () => deferred());
  const started: number[] = [];
  const results = tasks.map((t, i) =>
    window.run(() => {
      started.push(i);
      return t.promise;
    }),
  );
  const settled = Promise.allSettled(results);
  await tick();
  expect(started).toEqual([0, 1]);
  tasks[1].settle(true);
  await tick();
  expect(started).toEqual([0, 1, 2]);
  tasks[0].settle(false);
  await tick();
  expect(started).toEqual([0, 1, 2, 3]);
  for (const t of tasks.slice(2)) {
    t.settle(true);
  }
  await expect(settled).resolves.toEqual([
    { status: "rejected", reason: new Error("refused") },
    { status: "fulfilled", value: "done" },
    { status: "fulfilled", value: "done" },
    { status: "fulfilled", value: "done" },
    { status: "fulfilled", value: "done" },
  ]);
  expect(started).toEqual([0, 1, 2, 3, 4]);
});

test("a task that throws fails its call and frees its place", async () => {
  const window = new CallWindow(1);
  const thrown = window.run<string>(() => {
    throw new Error("no request");
  });
  const next = window.run(() => Promise.resolve("answered"));
  await expect(thrown).rejects.toThrow("no request");
  await expect(next).resolves.toBe("answered");
});
