/**
 * The async context a jest worker's shared processes (test/support/environment.ts) are started
 * and spoken to in: the worker's own, outside every test file's.
 *
 * A handle — a child process, its pipes — keeps the value of each async local storage entered
 * where it was made; the Pulumi SDK enters its own while a test file runs. A pack started by a
 * file, in that file's context, kept the file's value, and through it the file's whole module
 * registry, for the life of the worker. `jest --detectLeaks` reported 34 of the suite's files
 * leaking; with the shared processes started and spoken to here (and the TypeScript hook
 * installed in the worker's own realm), 2, each kept only while its Graphviz renderer idles.
 */
import { AsyncResource } from "node:async_hooks";

// Made when this module loads, in the worker's own context, where no storage has a value.
const worker = new AsyncResource("sovereign-dc.worker-services");

/** Runs `f` in the worker's own async context: what it starts carries none of the caller's. */
export function outsideFiles<T>(f: () => T): T {
  return worker.runInAsyncScope(f);
}
