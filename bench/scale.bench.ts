/**
 * `sovereign-dc check` against the SDK's own floor, from 500 to 20,000 resources.
 *
 * The program is a synthetic CN data center on both clouds — Alibaba Cloud in cn-shanghai and
 * AWS in cn-north-1 — in repeating units of keys, buckets with their encryption and public-access
 * blocks, networks, subnets and security-group rules, and now and then a bucket replicated to
 * another region inside the jurisdiction (cn-beijing, cn-northwest-1). For each size, in one run,
 * alternated, in rounds over all sizes (20,000 in the first round only):
 *
 * - the floor: a bare Node process in which the Pulumi SDK's mock monitor (`setMocks`) registers
 *   the same program, with the SDK's promise and call-site capture switched off as the engine
 *   switches them off (engine/cheap-stacks.ts) — what any offline evaluation costs at least —
 *   and the same floor with the V8 options a check's processes run with (engine/node-flags.js),
 *   whose ratios show how much of check's lead over the floor is those options;
 * - `check` end to end (bin/sovereign-dc.js, its policy pack process included), with its phases
 *   as the CLI times them (`SOVEREIGN_DC_TIMINGS`, engine/timings.ts);
 * - peak resident memory of every process, and the ratios: check / floor, the marginal cost
 *   per resource between sizes (from the medians, and round by round: the two sizes of a round
 *   ran close in time, so a machine whose speed drifts during the run weighs on both), and how
 *   far 20,000 is from linear in 5,000.
 *
 * With `--mix kubernetes` the program is instead a service mesh on a declared Alibaba Cloud
 * cluster in cn-shanghai: namespaces that deny pod egress, and in repeating units a Deployment
 * from the region's registry, its Service and ConfigMap, and an Istio ServiceEntry adding a
 * database's host with a private endpoint and the VirtualService routing to it — the stack-wide
 * lookups (a route's host placed by the stack's entries) that a cloud program never exercises.
 *
 *   node --require sucrase/register/ts bench/scale.bench.ts [--sizes 500,2000,5000,20000] [--runs 3] [--mix cloud|kubernetes]
 *   node --require sucrase/register/ts bench/scale.bench.ts --program 100     # the program measured
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import type { ProcessTimings } from "../engine/timings";
import { benchProject } from "./project";

const root = path.resolve(__dirname, "..");
const { values: args } = parseArgs({
  options: {
    sizes: { type: "string", default: "500,2000,5000,20000" },
    runs: { type: "string", default: "3" },
    mix: { type: "string", default: "cloud" },
    // Prints the program of that many resources instead of measuring.
    program: { type: "string" },
  },
});
const sizes = args.sizes.split(",").map((s) => {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 50) {
    throw new Error(
      `--sizes: received ${JSON.stringify(s)}; expected whole numbers of at least 50`,
    );
  }
  return n;
});
if (args.mix !== "cloud" && args.mix !== "kubernetes") {
  throw new Error(`--mix: received ${JSON.stringify(args.mix)}; expected cloud or kubernetes`);
}
const mix = args.mix;
const runs = Number(args.runs);
if (!Number.isInteger(runs) || runs < 1) {
  throw new Error(`--runs: received ${JSON.stringify(args.runs)}; expected a whole number ≥ 1`);
}

/** The resources of one unit of the data center; `i` numbers the unit. */
function cloudUnit(i: number): string[] {
  const replicate = i % 10 === 0;
  const lines = [
    // Alibaba Cloud, cn-shanghai.
    `const ak${i} = new kms.Key("ak-${i}", { description: "data ${i}", pendingWindowInDays: 7 }, { provider: ali });`,
    `const ab${i} = new oss.Bucket("ab-${i}", { bucket: "sdc-bench-ab-${i}", serverSideEncryptionRule: { sseAlgorithm: "KMS", kmsMasterKeyId: ak${i}.id } }, { provider: ali });`,
    `new oss.BucketPublicAccessBlock("ab-${i}-block", { bucket: ab${i}.bucket, blockPublicAccess: true }, { provider: ali });`,
    `const sw${i} = new vpc.Switch("sw-${i}", { vpcId: aliVpc.id, cidrBlock: "10.${Math.floor(i / 256) % 256}.${i % 256}.0/24", zoneId: "cn-shanghai-e" }, { provider: ali });`,
    `new ecs.SecurityGroupRule("asg-${i}", { securityGroupId: aliGroup.id, type: "egress", ipProtocol: "tcp", portRange: "443/443", cidrIp: "10.0.0.0/8", policy: "accept" }, { provider: ali });`,
    // AWS, cn-north-1.
    `const wk${i} = new awskms.Key("wk-${i}", { description: "data ${i}", deletionWindowInDays: 7 }, { provider: aws });`,
    `const wb${i} = new s3.Bucket("wb-${i}", { bucket: "sdc-bench-wb-${i}" }, { provider: aws });`,
    `new s3.BucketServerSideEncryptionConfiguration("wb-${i}-sse", { bucket: wb${i}.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: wk${i}.arn } }] }, { provider: aws });`,
    `new s3.BucketPublicAccessBlock("wb-${i}-block", { bucket: wb${i}.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }, { provider: aws });`,
    `new ec2.SecurityGroupRule("wsg-${i}", { securityGroupId: awsGroup.id, type: "egress", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/8"] }, { provider: aws });`,
  ];
  if (replicate) {
    lines.push(
      `const abr${i} = new oss.Bucket("abr-${i}", { bucket: "sdc-bench-abr-${i}" }, { provider: beijing });`,
      `new oss.BucketReplication("ab-${i}-replication", { bucket: ab${i}.bucket, action: "ALL", destination: { bucket: abr${i}.bucket, location: "oss-cn-beijing" } }, { provider: ali });`,
    );
  }
  return lines;
}

/** One unit of the service mesh; every tenth opens a namespace that denies pod egress. */
function meshUnit(i: number): string[] {
  const n = Math.floor(i / 10);
  const ns = `ns${n}.metadata.name`;
  const lines =
    i % 10 === 0
      ? [
          `const ns${n} = new k8s.core.v1.Namespace("ns-${n}", { metadata: { name: "ns-${n}" } });`,
          `new k8s.networking.v1.NetworkPolicy("deny-${n}", { metadata: { namespace: ${ns} }, spec: { podSelector: {}, policyTypes: ["Egress"], egress: [{ to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } }, podSelector: { matchLabels: { "k8s-app": "kube-dns" } } }], ports: [{ protocol: "UDP", port: 53 }] }] } });`,
        ]
      : [];
  const address = `10.1.${Math.floor(i / 250) % 256}.${(i % 250) + 1}`;
  return [
    ...lines,
    `new k8s.apps.v1.Deployment("app-${i}", { metadata: { namespace: ${ns} }, spec: { selector: { matchLabels: { app: "app-${i}" } }, template: { metadata: { labels: { app: "app-${i}" } }, spec: { containers: [{ name: "app", image: "registry.cn-shanghai.aliyuncs.com/sdc-bench/app:${i}" }] } } } });`,
    `new k8s.core.v1.Service("app-${i}", { metadata: { namespace: ${ns} }, spec: { selector: { app: "app-${i}" }, ports: [{ port: 80 }] } });`,
    `new k8s.core.v1.ConfigMap("app-${i}", { metadata: { namespace: ${ns} }, data: { unit: "${i}" } });`,
    `new k8s.apiextensions.CustomResource("db-${i}", { apiVersion: "networking.istio.io/v1", kind: "ServiceEntry", metadata: { namespace: ${ns} }, spec: { hosts: ["db-${i}.data.internal"], location: "MESH_INTERNAL", resolution: "STATIC", ports: [{ number: 5432, name: "pg", protocol: "TCP" }], endpoints: [{ address: "${address}" }] } });`,
    `new k8s.apiextensions.CustomResource("db-${i}-route", { apiVersion: "networking.istio.io/v1", kind: "VirtualService", metadata: { namespace: ${ns} }, spec: { hosts: ["db-${i}.data.internal"], tcp: [{ route: [{ destination: { host: "db-${i}.data.internal" } }] }] } });`,
  ];
}

/** A program of exactly `n` resources (providers and the shared network included). */
function program(n: number): string {
  const head =
    mix === "kubernetes"
      ? ['import * as k8s from "@pulumi/kubernetes";']
      : [
          'import { Provider as AliProvider } from "@pulumi/alicloud/provider";',
          'import * as ecs from "@pulumi/alicloud/ecs";',
          'import * as kms from "@pulumi/alicloud/kms";',
          'import * as oss from "@pulumi/alicloud/oss";',
          'import * as vpc from "@pulumi/alicloud/vpc";',
          'import { Provider as AwsProvider } from "@pulumi/aws/provider";',
          'import * as ec2 from "@pulumi/aws/ec2";',
          'import * as awskms from "@pulumi/aws/kms";',
          'import * as s3 from "@pulumi/aws/s3";',
          'const ali = new AliProvider("shanghai", { region: "cn-shanghai" });',
          'const beijing = new AliProvider("beijing", { region: "cn-beijing" });',
          'const aws = new AwsProvider("ningxia", { region: "cn-north-1" });',
          'const aliVpc = new vpc.Network("core", { cidrBlock: "10.0.0.0/8" }, { provider: ali });',
          'const aliGroup = new ecs.SecurityGroup("core", { vpcId: aliVpc.id }, { provider: ali });',
          'const awsVpc = new ec2.Vpc("core", { cidrBlock: "10.0.0.0/16" }, { provider: aws });',
          'const awsGroup = new ec2.SecurityGroup("core", { vpcId: awsVpc.id }, { provider: aws });',
        ];
  const unit = mix === "kubernetes" ? meshUnit : cloudUnit;
  const body: string[] = [];
  // The stack and the head's resources: six, or the Kubernetes default provider.
  let count = mix === "kubernetes" ? 2 : 7;
  for (let i = 0; count < n; i++) {
    for (const line of unit(i)) {
      if (count >= n) {
        break;
      }
      body.push(line);
      count += 1;
    }
  }
  // Units cut short may leave a bucket without its replica's reference: declare what is used.
  return [...head, ...body].join("\n") + "\n";
}

/** The floor's process: the SDK's mock monitor registers the program, nothing else runs. */
if (args.program !== undefined) {
  // Written synchronously to the descriptor: process.stdout may write asynchronously, and exiting
  // at once would cut a large program short; opening /dev/stdout fails where stdout is a socket,
  // as under execFile.
  const text = Buffer.from(program(Number(args.program)));
  for (let at = 0; at < text.length;) {
    at += fs.writeSync(1, text, at);
  }
  process.exit(0);
}

const floorScript = `
const path = require("node:path");
require(${JSON.stringify(require.resolve("sucrase/register/ts"))});
require(${JSON.stringify(path.join(root, "engine", "cheap-stacks.ts"))}).disableStackCapture();
const pulumi = require("@pulumi/pulumi");
pulumi.runtime.setMocks(
  {
    newResource: (a) => ({ id: a.name + "-id", state: a.inputs }),
    call: (a) => a.inputs,
  },
  "bench",
  "bench",
  true,
);
const t = performance.now();
pulumi.runtime.runInPulumiStack(async () => require(process.argv[1]))
  .then(() => require("@pulumi/pulumi/runtime/settings").waitForRPCs())
  .then(() => {
    const u = process.resourceUsage();
    process.stdout.write(JSON.stringify({ registerMs: performance.now() - t, wallMs: performance.now(), cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssKiB: u.maxRSS }));
  });
`;

interface Sample {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly maxRssKiB: number;
  readonly phases: Record<string, number>;
  readonly exit: number;
}

function floorRun(dir: string, engineFlags = false): Sample {
  const t = performance.now();
  // The engine's own V8 options (engine/node-flags.js), where asked: the same floor, tuned as a
  // check's processes are, so that the gain of the options themselves shows apart.
  const flags = engineFlags ? ["--require", path.join(root, "engine", "node-flags.js")] : [];
  const out = execFileSync(
    process.execPath,
    [...flags, "-e", floorScript, path.join(dir, "index.ts")],
    {
      cwd: dir,
      maxBuffer: 1 << 26,
      stdio: ["ignore", "pipe", "pipe"],
    },
  ).toString();
  const wallMs = performance.now() - t;
  const r = JSON.parse(out) as { registerMs: number; cpuMs: number; maxRssKiB: number };
  return {
    wallMs,
    cpuMs: r.cpuMs,
    maxRssKiB: r.maxRssKiB,
    phases: { register: r.registerMs },
    exit: 0,
  };
}

function checkRun(dir: string): Sample & { readonly processes: ProcessTimings[] } {
  const timings = path.join(dir, `timings-${process.hrtime.bigint()}.jsonl`);
  const t = performance.now();
  const r = spawnSync(
    process.execPath,
    [path.join(root, "bin", "sovereign-dc.js"), "check", "index.ts", "--stack", "bench"],
    {
      cwd: dir,
      env: { ...process.env, SOVEREIGN_DC_TIMINGS: timings, PULUMI_BACKEND_URL: "" },
      maxBuffer: 1 << 28,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const wallMs = performance.now() - t;
  if (r.status !== 0 && r.status !== 1) {
    throw new Error(`check exited ${r.status}:\n${r.stderr.toString().slice(-4000)}`);
  }
  // The pack reports when the CLI stops it, which can be just after the CLI exits.
  const deadline = Date.now() + 15_000;
  let processes: ProcessTimings[] = [];
  while (Date.now() < deadline) {
    processes = fs.existsSync(timings)
      ? fs
          .readFileSync(timings, "utf8")
          .trim()
          .split("\n")
          .map((l) => JSON.parse(l) as ProcessTimings)
      : [];
    if (processes.some((p) => p.role === "pack") && processes.some((p) => p.role === "cli")) {
      break;
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  }
  const cli = processes.find((p) => p.role === "cli");
  const pack = processes.find((p) => p.role === "pack");
  const checks = (part: string) => pack?.phases[part] ?? NaN;
  return {
    wallMs,
    cpuMs: processes.reduce((s, p) => s + p.cpuMs, 0),
    maxRssKiB: processes.reduce((s, p) => s + p.maxRssKiB, 0),
    phases: {
      ...(cli?.phases ?? {}),
      "pack CPU": pack?.cpuMs ?? NaN,
      // Inside the pack: the residency checks themselves; the rest of its CPU is the policy
      // runtime (decoding each request, converting its properties for every policy) and gRPC.
      "pack: per-resource checks": checks("per-resource checks"),
      "pack: stack checks": checks("stack checks"),
      "pack: the graph (of the stack checks)": checks("the graph"),
      "pack: runtime and transport":
        (pack?.cpuMs ?? NaN) - checks("per-resource checks") - checks("stack checks"),
    },
    exit: r.status ?? 2,
    processes,
  };
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x: number) => `${(x / 1000).toFixed(2)} s`;
const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;

interface Row {
  readonly n: number;
  readonly floor: Sample[];
  /** The floor with the engine's V8 options. */
  readonly floorFlags: Sample[];
  readonly check: Sample[];
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-bench-scale-"));
const rows: Row[] = [];
try {
  const dirs = sizes.map((n) => {
    const dir = path.join(work, String(n));
    fs.mkdirSync(dir);
    return benchProject(
      dir,
      "bench",
      mix === "kubernetes"
        ? {
            "sovereign-dc:jurisdiction": "CN",
            "kubernetes:context": "shanghai-prod",
            // JSON is YAML: the cluster the context reaches, declared where it runs.
            "sovereign-dc:clusters": JSON.stringify([
              { context: "shanghai-prod", cloud: "alicloud", region: "cn-shanghai" },
            ]),
          }
        : {
            "sovereign-dc:jurisdiction": "CN",
            "alicloud:region": "cn-shanghai",
            "aws:region": "cn-north-1",
          },
      program(n),
    );
  });
  for (const n of sizes) {
    rows.push({ n, floor: [], floorFlags: [], check: [] });
  }
  // Rounds over every size, so that a machine that slows down or speeds up during the run
  // weighs on all sizes alike: the marginal cost compares sizes measured in the same round.
  for (let round = 0; round < runs; round++) {
    sizes.forEach((n, i) => {
      if (n >= 20_000 && round > 0) {
        return;
      }
      rows[i].floor.push(floorRun(dirs[i]));
      rows[i].floorFlags.push(floorRun(dirs[i], true));
      rows[i].check.push(checkRun(dirs[i]));
    });
  }
  for (const row of rows) {
    const f = median(row.floor.map((s) => s.wallMs));
    const ff = median(row.floorFlags.map((s) => s.wallMs));
    const c = median(row.check.map((s) => s.wallMs));
    process.stdout.write(
      `${row.n} resources: floor ${ms(f)}, check ${ms(c)} (exit ${row.check[0].exit}), ratio ${(c / f).toFixed(2)}; floor with the engine's V8 options ${ms(ff)}, ratio ${(c / ff).toFixed(2)}\n`,
    );
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

const table = [
  "| resources | floor | check | ratio | peak RSS floor | peak RSS check (all processes) | ratio |",
  "|---|---|---|---|---|---|---|",
  ...rows.map((r) => {
    const f = median(r.floor.map((s) => s.wallMs));
    const c = median(r.check.map((s) => s.wallMs));
    const fm = median(r.floor.map((s) => s.maxRssKiB));
    const cm = median(r.check.map((s) => s.maxRssKiB));
    return `| ${r.n} | ${ms(f)} | ${ms(c)} | ${(c / f).toFixed(2)} | ${mib(fm)} | ${mib(cm)} | ${(cm / fm).toFixed(2)} |`;
  }),
];
process.stdout.write(`\n${table.join("\n")}\n`);

const phaseNames = [...new Set(rows.flatMap((r) => r.check.flatMap((s) => Object.keys(s.phases))))];
process.stdout.write(
  `\nParts of check (median ms; the CLI's phases, then the pack process's CPU time and its parts):\n\n| phase | ${rows.map((r) => r.n).join(" | ")} |\n|---|${rows.map(() => "---").join("|")}|\n`,
);
for (const name of phaseNames) {
  // A run whose pack was stopped before it could report has no figure for it: left out.
  const cell = (r: Row) => {
    const xs = r.check.map((s) => s.phases[name] ?? 0).filter((x) => !Number.isNaN(x));
    return xs.length > 0 ? median(xs).toFixed(0) : "n/a";
  };
  process.stdout.write(`| ${name} | ${rows.map(cell).join(" | ")} |\n`);
}

process.stdout.write("\nMarginal cost per resource (between consecutive sizes):\n");
for (let i = 1; i < rows.length; i++) {
  const a = rows[i - 1];
  const b = rows[i];
  const per = (k: "floor" | "floorFlags" | "check") =>
    (median(b[k].map((s) => s.wallMs)) - median(a[k].map((s) => s.wallMs))) / (b.n - a.n);
  // The same, round by round: each round's two sizes ran minutes apart at most.
  const rounds = Math.min(a.check.length, b.check.length);
  const ratios = Array.from({ length: rounds }, (_, r) => {
    const d = (k: "floor" | "check") => b[k][r].wallMs - a[k][r].wallMs;
    return d("check") / d("floor");
  });
  const spread =
    rounds > 1
      ? `; by round: median ${median(ratios).toFixed(2)} (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`
      : "";
  process.stdout.write(
    `  ${a.n} → ${b.n}: floor ${per("floor").toFixed(2)} ms, check ${per("check").toFixed(2)} ms, ratio ${(per("check") / per("floor")).toFixed(2)}${spread}; floor with the engine's V8 options ${per("floorFlags").toFixed(2)} ms, ratio ${(per("check") / per("floorFlags")).toFixed(2)}\n`,
  );
}
const at = (n: number) => rows.find((r) => r.n === n);
const five = at(5000);
const twenty = at(20_000);
if (five && twenty) {
  const c5 = median(five.check.map((s) => s.wallMs));
  const c20 = median(twenty.check.map((s) => s.wallMs));
  process.stdout.write(
    `\n20,000 against 4 × 5,000 (1.00 = linear): ${(c20 / (4 * c5)).toFixed(2)}\n`,
  );
}
