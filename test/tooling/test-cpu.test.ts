/**
 * `npm run test:cpu` (scripts/test-cpu.js): the CPU of a test run, by kind of process, from the
 * lines each process writes as it exits (scripts/cpu-hook.js).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { measureFile } from "../support/file-cpu";

const { byFile, kindOf, listed, summarise, unknownKinds } =
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("../../scripts/test-cpu.js") as {
    byFile(
      lines: readonly string[],
      root: string,
    ): { file: string; worker: number; tree: number }[];
    kindOf(argv: string): string;
    listed(setting: string | undefined): number;
    summarise(lines: readonly string[]): { kind: string; processes: number; cpu: number }[];
    unknownKinds(
      lines: readonly string[],
      root: string,
    ): { command: string; processes: number; cpu: number }[];
  };

const root = path.resolve(__dirname, "..", "..");

test("names each process of a run by its command line, in a checkout of any name", () => {
  const at = "/home/dev/sovereign-dc";
  expect(
    [
      `${at}/node_modules/jest-worker/build/workers/processChild.js`,
      `${at}/policy/index.ts`,
      "/tmp/sdc-package-x/their-infra/node_modules/sovereign-dc/dist/policy/index.js",
      `${at}/engine/worker.ts`,
      `${at}/test/support/cli-batch-worker.ts`,
      `${at}/test/helpers/observed-evaluation-process.ts`,
      `${at}/node_modules/@hpcc-js/wasm-graphviz/dist/index.js`,
      `${at}/bin/sovereign-dc.js check ${at}/test/fixtures/verdict/prints.ts --stack dev`,
      "/tmp/sdc-package-x/their-infra/node_modules/.bin/sovereign-dc --version",
      "/usr/lib/node_modules/npm/bin/npm-cli.js exec -- jest",
      "/usr/bin/npm pack --json",
      `${at}/node_modules/jest/bin/jest.js --ci`,
      `${at}/node_modules/oxlint/bin/oxlint -c .oxlintrc.json .`,
    ].map(kindOf),
  ).toEqual([
    "jest workers",
    "policy packs",
    "policy packs",
    "evaluation processes",
    "CLI batch processes",
    "observed evaluations",
    "Graphviz renderers",
    "CLI runs",
    "CLI runs",
    "npm",
    "npm",
    "jest",
    "other",
  ]);
});

test("lists 15 test files unless SOVEREIGN_DC_CPU_FILES says how many, and refuses anything else", () => {
  expect([undefined, "", "40", "0", "all"].map(listed)).toEqual([15, 15, 40, 0, Infinity]);
  for (const bad of ["ten", "-1", "2.5"]) {
    expect(() => listed(bad)).toThrow(
      `SOVEREIGN_DC_CPU_FILES: received "${bad}"; expected a whole number or "all"`,
    );
  }
});

test("sums each kind's CPU and processes, largest first", () => {
  const line = (argv: string, user: number, system: number) =>
    JSON.stringify({ pid: 1, argv, user, system, wall: 1 });
  expect(
    summarise([
      line("/r/engine/worker.ts", 0.25, 0.05),
      line("/r/node_modules/jest-worker/build/workers/processChild.js", 20, 2),
      line("/r/engine/worker.ts", 0.5, 0.2),
      "",
    ]),
  ).toEqual([
    { kind: "jest workers", processes: 1, cpu: 22 },
    { kind: "evaluation processes", processes: 2, cpu: 1 },
  ]);
});

test("lists the processes of no known kind by command line, paths relative to the checkout", () => {
  const line = (argv: string, user: number) =>
    JSON.stringify({ pid: 1, argv, user, system: 0, wall: 1 });
  expect(
    unknownKinds(
      [
        line("/r/engine/worker.ts", 9),
        line("-e require('/r/engine/register-ts.js')", 0.5),
        line("/r/node_modules/typescript/bin/tsc -p /r/test/fixtures/x", 2),
        line("-e require('/r/engine/register-ts.js')", 0.25),
        JSON.stringify({ testFile: "/r/test/a.test.ts", worker: 1, tree: 2 }),
      ],
      "/r",
    ),
  ).toEqual([
    { command: "node_modules/typescript/bin/tsc -p test/fixtures/x", processes: 1, cpu: 2 },
    { command: "-e require('engine/register-ts.js')", processes: 2, cpu: 0.75 },
  ]);
});

test("the hook writes a process's line when it exits, and nothing without a log to write to", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sovereign-dc-cpu-hook-"));
  const log = path.join(dir, "log.jsonl");
  const hook = path.join(root, "scripts", "cpu-hook.js");
  try {
    execFileSync(process.execPath, ["--require", hook, "-e", "0", "marker"], {
      env: { ...process.env, SOVEREIGN_DC_CPU_LOG: log },
    });
    execFileSync(process.execPath, ["--require", hook, "-e", "0"], {
      env: { ...process.env, SOVEREIGN_DC_CPU_LOG: "" },
    });
    // A probe with no arguments is named by its code; its worker thread writes no line of its
    // own (its process.cpuUsage() is the whole process's).
    execFileSync(
      process.execPath,
      [
        "--require",
        hook,
        "-e",
        'new (require("node:worker_threads").Worker)("0", {\n eval: true })',
      ],
      { env: { ...process.env, SOVEREIGN_DC_CPU_LOG: log } },
    );
    const lines = fs.readFileSync(log, "utf8").trim().split("\n");
    const p = lines.map((l) => JSON.parse(l) as { argv: string; user: number; system: number });
    expect(p.map((l) => l.argv)).toEqual([
      "marker",
      '-e new (require("node:worker_threads").Worker)("0", { eval: true })',
    ]);
    expect(p[0].user + p[0].system).toBeGreaterThan(0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("sums processes apart from the test files' lines, and lists the files by their CPU", () => {
  const lines = [
    JSON.stringify({ pid: 1, argv: "/r/engine/worker.ts", user: 1, system: 0, wall: 1 }),
    JSON.stringify({ testFile: "/r/test/a.test.ts", worker: 0.5, tree: 0.75 }),
    JSON.stringify({ testFile: "/r/test/b.test.ts", worker: 1, tree: 4 }),
  ];
  expect(summarise(lines)).toEqual([{ kind: "evaluation processes", processes: 1, cpu: 1 }]);
  expect(byFile(lines, "/r")).toEqual([
    { file: "test/b.test.ts", worker: 1, tree: 4 },
    { file: "test/a.test.ts", worker: 0.5, tree: 0.75 },
  ]);
});

test("a test file's line counts the CPU of the processes it ran, beside its worker's own", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sovereign-dc-file-cpu-"));
  const log = path.join(dir, "log.jsonl");
  try {
    const done = measureFile("/r/test/busy.test.ts", log);
    // A child that spends a third of a CPU-second, whatever else the machine is doing.
    execFileSync(process.execPath, [
      "-e",
      "while (process.cpuUsage().user + process.cpuUsage().system < 330000) {}",
    ]);
    done();
    measureFile("/r/test/unmeasured.test.ts", undefined)();
    const lines = fs.readFileSync(log, "utf8").trim().split("\n");
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]) as { testFile: string; worker: number; tree: number };
    expect(line.testFile).toBe("/r/test/busy.test.ts");
    if (process.platform === "linux") {
      expect(line.tree - line.worker).toBeGreaterThanOrEqual(0.3);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
