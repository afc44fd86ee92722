/**
 * A CPU profile of each test file's own work in its jest worker, for finding what a slow file
 * spends its time on:
 *
 *     SOVEREIGN_DC_CPU_PROFILES=/tmp/profiles npx jest [files]
 *
 * writes `<dir>/<test path, / as __>.cpuprofile` per file (open it in Chrome's DevTools or
 * speedscope). The worker's V8 profiler runs from the file's environment setup to its teardown,
 * so module loading, hooks and tests are in it; the processes the file uses (pack, evaluation
 * process, CLI runs) are not — `npm run test:cpu` says how much they cost. Profiling slows the
 * run; leave it off for timings.
 */
import * as fs from "node:fs";
import * as inspector from "node:inspector";
import * as path from "node:path";

let session: inspector.Session | undefined;

function post(method: string): Promise<unknown> {
  return new Promise((resolve, reject) =>
    (session as inspector.Session).post(method, (err, result) =>
      err ? reject(err) : resolve(result),
    ),
  );
}

/**
 * Starts profiling the file at `testPath` when `dir` is set; the returned function stops and
 * writes the profile (a no-op when `dir` is unset).
 */
export function profileFile(testPath: string, dir: string | undefined): () => Promise<void> {
  if (dir === undefined || dir === "") {
    return () => Promise.resolve();
  }
  if (session === undefined) {
    session = new inspector.Session();
    session.connect();
  }
  const started = post("Profiler.enable").then(() => post("Profiler.start"));
  return async () => {
    await started;
    const { profile } = (await post("Profiler.stop")) as { profile: unknown };
    const root = path.resolve(__dirname, "..", "..");
    const name = path.relative(root, testPath).split(path.sep).join("__");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
  };
}
