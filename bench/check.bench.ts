/**
 * End-to-end cost of `sovereign-dc check` on a 40-resource program, as CI pays it: a fresh
 * process that evaluates the program offline and runs the policy pack over the analyzer
 * protocol. Baseline in the same run: a Node.js process that only loads the Pulumi SDK, the floor
 * under any offline check.
 *
 *   node --require sucrase/register/ts bench/check.bench.ts [runs]
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { benchProject } from "./project";

const root = path.resolve(__dirname, "..");
const runs = Number(process.argv[2] ?? 5);

/** A sealed-looking Alibaba Cloud program with exactly `n` custom resources. */
function program(n: number): string {
  const lines = [
    'import * as alicloud from "@pulumi/alicloud";',
    'const provider = new alicloud.Provider("shanghai", { region: "cn-shanghai" });',
    'const vpc = new alicloud.vpc.Network("vpc", { cidrBlock: "10.0.0.0/16" }, { provider });',
  ];
  for (let i = 0; lines.length - 1 < n; i++) {
    lines.push(
      `new alicloud.vpc.Switch("sw-${i}", { vpcId: vpc.id, cidrBlock: "10.0.${i}.0/24", zoneId: "cn-shanghai-e" }, { provider });`,
    );
  }
  return lines.join("\n") + "\n";
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-bench-check-"));
benchProject(
  dir,
  "bench",
  { "alicloud:region": "cn-shanghai", "sovereign-dc:jurisdiction": "CN" },
  program(40),
);

const bin = path.join(root, "bin", "sovereign-dc.js");
const check: number[] = [];
const floor: number[] = [];
for (let i = 0; i < runs; i++) {
  floor.push(
    time(() => execFileSync(process.execPath, ["-e", 'require("@pulumi/pulumi")'], { cwd: root })),
  );
  check.push(
    time(() => {
      try {
        execFileSync(
          process.execPath,
          [bin, "check", path.join(dir, "index.ts"), "--stack", "bench", "--format", "json"],
          {
            cwd: root,
            stdio: ["ignore", "pipe", "pipe"],
          },
        );
      } catch (e) {
        // Exit 1 (violations) still measures a complete check.
        if ((e as { status?: number }).status !== 1) {
          throw e;
        }
      }
    }),
  );
}
const c = median(check);
const f = median(floor);
console.log(
  `check of a 40-resource program: median ${c.toFixed(0)} ms over ${runs} runs (target < 3000 ms)`,
);
console.log(`baseline (node + load @pulumi/pulumi): median ${f.toFixed(0)} ms`);
console.log(`ratio check / baseline: ${(c / f).toFixed(2)}`);
fs.rmSync(dir, { recursive: true, force: true });
