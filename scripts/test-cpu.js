#!/usr/bin/env node
// Runs jest (with any arguments given) and prints where the suite's CPU time went, by kind of
// process: the jest workers, the policy packs, the evaluation processes, the CLI's batch
// processes and runs, npm, Graphviz renderers. The suite is CPU-bound on two cores, so its time
// is its CPU; this says which part to make cheaper.
//
//   npm run test:cpu [-- <jest arguments>]
//   SOVEREIGN_DC_CPU_FILES=40 npm run test:cpu     # list the 40 dearest test files (15 unless set)
//
// Where a file's own time goes: SOVEREIGN_DC_CPU_PROFILES=<dir> npx jest <file> writes the CPU
// profile of its worker while it ran (test/support/file-profile.ts).
//
// Each process reports itself when it exits (scripts/cpu-hook.js); one ended by a signal (a
// lane's pack at the end of the run, a process a test kills) is not counted. On Linux the whole
// machine's CPU and idle time over the run are printed too, from /proc/stat. The test files that
// cost most follow, each with its worker's CPU and that of the processes below the worker while
// it ran (test/support/file-cpu.ts).
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const root = path.resolve(__dirname, "..");

/** The kind of a process, by its command line. The first rule that matches names it. */
const kinds = [
  ["jest workers", /jest-worker[\\/]build[\\/]/],
  ["policy packs", /[\\/]policy[\\/]index\.(ts|js)(\s|$)/],
  ["evaluation processes", /[\\/]engine[\\/]worker\.(ts|js)(\s|$)/],
  ["CLI batch processes", /[\\/]cli-batch-worker\.ts(\s|$)/],
  ["observed evaluations", /[\\/]observed-evaluation-process\.ts(\s|$)/],
  ["Graphviz renderers", /[\\/]wasm-graphviz[\\/]/],
  ["CLI runs", /[\\/]\.?bin[\\/]sovereign-dc(\.js)?(\s|$)/],
  ["npm", /[\\/]npm-cli\.js(\s|$)|[\\/]npm(\s|$)/],
  ["jest", /[\\/]jest[\\/]bin[\\/]jest\.js(\s|$)|[\\/]\.bin[\\/]jest(\s|$)/],
];

function kindOf(argv) {
  const found = kinds.find(([, re]) => re.test(argv));
  return found ? found[0] : "other";
}

/** CPU-seconds and process counts by kind, largest first, from the hook's JSON lines. */
function summarise(lines) {
  const byKind = new Map();
  for (const line of lines) {
    if (line.trim() === "") {
      continue;
    }
    const p = JSON.parse(line);
    if (p.testFile !== undefined) {
      continue;
    }
    const kind = kindOf(p.argv);
    const k = byKind.get(kind) ?? { kind, processes: 0, cpu: 0 };
    k.processes += 1;
    k.cpu += p.user + p.system;
    byKind.set(kind, k);
  }
  return [...byKind.values()].sort((a, b) => b.cpu - a.cpu);
}

/**
 * The test files by the CPU they cost — their worker's own and that of the processes below it
 * (test/support/file-cpu.ts) — largest first, with paths relative to `root`.
 */
function byFile(lines, root) {
  const files = [];
  for (const line of lines) {
    if (line.trim() === "") {
      continue;
    }
    const p = JSON.parse(line);
    if (p.testFile !== undefined) {
      files.push({ file: path.relative(root, p.testFile), worker: p.worker, tree: p.tree });
    }
  }
  return files.sort((a, b) => b.tree - a.tree);
}

/**
 * The processes `kindOf` names "other", grouped by their command line (paths shown relative to
 * `root`, cut at 140 characters), dearest first: the place to look when that row grows.
 */
function unknownKinds(lines, root) {
  const byCommand = new Map();
  for (const line of lines) {
    if (line.trim() === "") {
      continue;
    }
    const p = JSON.parse(line);
    if (p.testFile !== undefined || kindOf(p.argv) !== "other") {
      continue;
    }
    const command = p.argv
      .split(root + path.sep)
      .join("")
      .slice(0, 140);
    const c = byCommand.get(command) ?? { command, processes: 0, cpu: 0 };
    c.processes += 1;
    c.cpu += p.user + p.system;
    byCommand.set(command, c);
  }
  return [...byCommand.values()].sort((a, b) => b.cpu - a.cpu);
}

/** How many test files to list: SOVEREIGN_DC_CPU_FILES (a whole number, or "all"), 15 unless set. */
function listed(setting) {
  if (setting === undefined || setting === "") {
    return 15;
  }
  if (setting === "all") {
    return Infinity;
  }
  const n = Number(setting);
  if (!Number.isInteger(n) || n < 0) {
    throw new Error(
      `SOVEREIGN_DC_CPU_FILES: received ${JSON.stringify(setting)}; expected a whole number or "all"`,
    );
  }
  return n;
}

/** The machine's busy and idle CPU-seconds since boot (Linux), or undefined elsewhere. */
function machineCpu() {
  try {
    const [, ...fields] = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/);
    const ticks = fields.map(Number);
    const hz = 100;
    return { busy: (ticks[0] + ticks[1] + ticks[2]) / hz, idle: (ticks[3] + ticks[4]) / hz };
  } catch {
    return undefined;
  }
}

function main() {
  // Checked before the run, not after two minutes of it.
  const count = listed(process.env.SOVEREIGN_DC_CPU_FILES);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sovereign-dc-cpu-"));
  const log = path.join(dir, "processes.jsonl");
  const hook = path.join(__dirname, "cpu-hook.js");
  const env = {
    ...process.env,
    SOVEREIGN_DC_CPU_LOG: log,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${JSON.stringify(hook)}`.trim(),
  };
  const before = machineCpu();
  const started = process.hrtime.bigint();
  const jest = spawnSync(
    process.execPath,
    [require.resolve("jest/bin/jest"), ...process.argv.slice(2)],
    { cwd: root, env, stdio: "inherit" },
  );
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const after = machineCpu();
  const lines = fs.existsSync(log) ? fs.readFileSync(log, "utf8").split("\n") : [];
  fs.rmSync(dir, { recursive: true, force: true });
  const rows = summarise(lines);
  const total = rows.reduce((s, r) => s + r.cpu, 0);
  const out = [`\nCPU of the run, by kind of process (${wall.toFixed(1)} s wall):`];
  for (const r of rows) {
    out.push(`${r.cpu.toFixed(1).padStart(8)} s  ${String(r.processes).padStart(4)}  ${r.kind}`);
  }
  out.push(`${total.toFixed(1).padStart(8)} s  in all (processes that exited)`);
  const others = unknownKinds(lines, root);
  if (others.length > 0) {
    out.push(
      `\nProcesses of no known kind, by command line (dearest ${Math.min(others.length, 12)}):`,
    );
    for (const o of others.slice(0, 12)) {
      out.push(
        `${o.cpu.toFixed(1).padStart(8)} s  ${String(o.processes).padStart(4)}  ${o.command}`,
      );
    }
  }
  const files = byFile(lines, root);
  if (files.length > 0) {
    const shown = files.slice(0, count);
    out.push(
      `\nTest files by CPU (worker and the processes below it; worker alone), ${shown.length} of ${files.length}:`,
    );
    for (const f of shown) {
      out.push(
        `${f.tree.toFixed(1).padStart(8)} s  ${f.worker.toFixed(1).padStart(6)} s  ${f.file}`,
      );
    }
    const rest = files.slice(shown.length).reduce((sum, f) => sum + f.tree, 0);
    out.push(`${rest.toFixed(1).padStart(8)} s  the other ${files.length - shown.length} files`);
  }
  if (before && after) {
    out.push(
      `machine: ${(after.busy - before.busy).toFixed(1)} CPU-seconds busy, ` +
        `${(after.idle - before.idle).toFixed(1)} idle, over ${os.cpus().length} cores`,
    );
  }
  process.stdout.write(`${out.join("\n")}\n`);
  process.exit(jest.status ?? 1);
}

if (require.main === module) {
  main();
}

module.exports = { byFile, kindOf, listed, summarise, unknownKinds };
