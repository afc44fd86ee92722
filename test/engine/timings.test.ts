/**
 * SOVEREIGN_DC_TIMINGS: every process of a `check` reports its phases, CPU time and peak memory
 * (engine/timings.ts), which bench/scale.bench.ts reads; unset, nothing is written.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { ProcessTimings } from "../../engine/timings";
import { cli, root } from "../helpers/cli";

const fixtures = path.join(root, "test", "fixtures", "verdict");

test("a check with SOVEREIGN_DC_TIMINGS set writes a line for the launcher, the CLI and the pack", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-timings-"));
  const file = path.join(dir, "timings.jsonl");
  try {
    const r = await cli(["check", "zones-subnet.ts", "--stack", "dev", "--jurisdiction", "US"], {
      cwd: fixtures,
      env: { SOVEREIGN_DC_TIMINGS: file },
    });
    expect(r.code).toBe(0);
    // The pack writes when the CLI stops it, which may be just after the CLI has exited.
    for (let i = 0; i < 100 && !fs.readFileSync(file, "utf8").includes('"role":"pack"'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const lines = fs
      .readFileSync(file, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as ProcessTimings);
    // The launcher waits on the process that evaluates (bin/sovereign-dc.js): no phases of its own.
    expect(lines.map((l) => l.role).sort()).toEqual(["cli", "launcher", "pack"]);
    expect(lines.find((l) => l.role === "launcher")!.phases).toEqual({});
    const cliLine = lines.find((l) => l.role === "cli")!;
    expect(Object.keys(cliLine.phases)).toEqual([
      "start-up",
      "settings",
      "program load",
      "evaluation",
      "recording",
      "waiting for the pack",
      // The stack's request is written while the pack answers the resources' requests.
      "analyze stack: request",
      "analyze resources",
      "analyze stack",
      "findings",
      "output",
    ]);
    // The pack's own parts: the residency checks, the graph among the stack's.
    const packLine = lines.find((l) => l.role === "pack")!;
    expect(Object.keys(packLine.phases).sort()).toEqual([
      "per-resource checks",
      "stack checks",
      "the graph",
    ]);
    expect(packLine.phases["the graph"]).toBeLessThanOrEqual(packLine.phases["stack checks"]);
    expect(packLine.phases["per-resource checks"] + packLine.phases["stack checks"]).toBeLessThan(
      packLine.cpuMs,
    );
    for (const l of lines) {
      expect(l.cpuMs).toBeGreaterThan(0);
      expect(l.maxRssKiB).toBeGreaterThan(10_000);
      expect(l.wallMs).toBeGreaterThan(0);
      expect(Object.values(l.phases).every((ms) => ms >= 0)).toBe(true);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("without SOVEREIGN_DC_TIMINGS, marks measure and write nothing", () => {
  // The module reads the variable once, when it loads; the suite runs without it.
  expect(process.env.SOVEREIGN_DC_TIMINGS).toBeUndefined();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const t = require("../../engine/timings") as typeof import("../../engine/timings");
  expect(t.timing()).toBe(false);
  t.mark("anything");
  t.reportOnExit("test");
  expect(process.listenerCount("SIGTERM")).toBe(0);
});
