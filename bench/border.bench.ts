/**
 * Border analysis vs offline evaluation on a synthetic stack of about 5,000 resources.
 *
 *     node --require sucrase/register/ts bench/border.bench.ts [cells]
 *
 * A generated Pulumi program builds `cells` copies of a small data center — VPC, vSwitches, a
 * security group and its rules, a network ACL, a key, a bucket with its ACL, versioning,
 * encryption, logging and policy — and, every few cells, a CEN attachment, a peering, an internet
 * NAT with its EIP and route, a VPN, a replication abroad. The offline engine evaluates it in a
 * child process (evaluateInProcess, timed there); the border analysis then runs on the same plan
 * here. Target: the analysis takes under 10% of the evaluation.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { benchProject } from "./project";
import { performance } from "node:perf_hooks";
import { evaluateInProcess } from "../engine/evaluate";
import type { Plan } from "../engine/plan";
import { analyzeBorder, fromPlan } from "../policy/paths";

// Resources per cell on average (15 in every cell, and the ways out of every fifth).
const perCell = 15.4;

/** The generated program: every resource kind the flow models follow, in every cell. */
function program(cells: number): string {
  return `
import * as alicloud from "@pulumi/alicloud";
import * as pulumi from "@pulumi/pulumi";

const sh = new alicloud.Provider("sh", { region: "cn-shanghai" });
const hk = new alicloud.Provider("hk", { region: "cn-hongkong" });
const opts = { provider: sh };
const cen = new alicloud.cen.Instance("backbone", { cenInstanceName: "backbone" }, opts);
const logs = new alicloud.oss.Bucket("logs", { bucket: "bench-logs" }, opts);

for (let i = 0; i < ${cells}; i++) {
  const vpc = new alicloud.vpc.Network(\`vpc-\${i}\`, { cidrBlock: "10.0.0.0/16" }, opts);
  const a = new alicloud.vpc.Switch(\`vsw-\${i}-a\`, { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", zoneId: "cn-shanghai-e" }, opts);
  const b = new alicloud.vpc.Switch(\`vsw-\${i}-b\`, { vpcId: vpc.id, cidrBlock: "10.0.2.0/24", zoneId: "cn-shanghai-f" }, opts);
  const sg = new alicloud.ecs.SecurityGroup(\`sg-\${i}\`, { vpcId: vpc.id }, opts);
  const open = i % 10 === 0;
  for (const [n, cidrIp, policy, priority] of [
    ["vpc", "10.0.0.0/16", "accept", 1],
    ["dns", "100.100.2.136/30", "accept", 1],
    ["any", "0.0.0.0/0", open ? "accept" : "drop", open ? 1 : 100],
  ] as const) {
    new alicloud.ecs.SecurityGroupRule(\`sg-\${i}-\${n}\`, { securityGroupId: sg.id, type: "egress", ipProtocol: "all", portRange: "-1/-1", cidrIp, policy, priority }, opts);
  }
  new alicloud.vpc.NetworkAcl(\`acl-\${i}\`, {
    vpcId: vpc.id,
    egressAclEntries: [
      { destinationCidrIp: "10.0.0.0/16", protocol: "all", port: "-1/-1", policy: "accept" },
      { destinationCidrIp: "0.0.0.0/0", protocol: "all", port: "-1/-1", policy: open ? "accept" : "drop" },
    ],
    resources: [{ resourceId: a.id, resourceType: "VSwitch" }, { resourceId: b.id, resourceType: "VSwitch" }],
  }, opts);
  const key = new alicloud.kms.Key(\`key-\${i}\`, { pendingWindowInDays: 30 }, i % 25 === 0 ? { provider: hk } : opts);
  const bucket = new alicloud.oss.Bucket(\`bucket-\${i}\`, { bucket: \`bench-\${i}\` }, opts);
  new alicloud.oss.BucketAcl(\`bucket-\${i}-acl\`, { bucket: bucket.bucket, acl: "private" }, opts);
  new alicloud.oss.BucketVersioning(\`bucket-\${i}-versioning\`, { bucket: bucket.bucket, status: "Enabled" }, opts);
  new alicloud.oss.BucketServerSideEncryption(\`bucket-\${i}-sse\`, { bucket: bucket.bucket, sseAlgorithm: "KMS", kmsMasterKeyId: key.id }, opts);
  new alicloud.oss.BucketLogging(\`bucket-\${i}-logging\`, { bucket: bucket.bucket, targetBucket: logs.bucket }, opts);
  new alicloud.oss.BucketPolicy(\`bucket-\${i}-policy\`, {
    bucket: bucket.bucket,
    policy: pulumi.output(vpc.id).apply((id) => JSON.stringify({ Version: "1", Statement: [{ Effect: "Deny", Principal: ["*"], Action: ["oss:GetObject"], Resource: ["*"], Condition: { StringNotEquals: { "acs:SourceVpc": [id] } } }] })),
  }, opts);
  // One cell in five adds a way out: CEN, peering, NAT, VPN or replication, in turn.
  switch (i % 5 === 0 ? (i / 5) % 5 : -1) {
    case 0:
      new alicloud.cen.InstanceAttachment(\`cen-\${i}\`, { instanceId: cen.id, childInstanceId: vpc.id, childInstanceType: "VPC", childInstanceRegionId: i % 2 ? "cn-hongkong" : "cn-shanghai" }, opts);
      break;
    case 1:
      new alicloud.vpc.PeerConnection(\`peer-\${i}\`, { vpcId: vpc.id, acceptingVpcId: "vpc-partner", acceptingRegionId: "cn-hongkong", acceptingAliUid: 1 }, opts);
      break;
    case 2: {
      const nat = new alicloud.vpc.NatGateway(\`nat-\${i}\`, { vpcId: vpc.id, vswitchId: a.id, networkType: "internet" }, opts);
      const eip = new alicloud.ecs.EipAddress(\`eip-\${i}\`, { bandwidth: "10" }, opts);
      new alicloud.ecs.EipAssociation(\`eip-\${i}-nat\`, { allocationId: eip.id, instanceId: nat.id, instanceType: "Nat" }, opts);
      new alicloud.vpc.RouteEntry(\`route-\${i}\`, { routeTableId: vpc.routeTableId, destinationCidrblock: "0.0.0.0/0", nexthopType: "NatGateway", nexthopId: nat.id }, opts);
      break;
    }
    case 3: {
      const gw = new alicloud.vpn.Gateway(\`vpn-\${i}\`, { vpcId: vpc.id, vswitchId: a.id, bandwidth: 10 }, opts);
      const cgw = new alicloud.vpn.CustomerGateway(\`cgw-\${i}\`, { ipAddress: "198.51.100.7" }, opts);
      new alicloud.vpn.Connection(\`tunnel-\${i}\`, { vpnGatewayId: gw.id, customerGatewayId: cgw.id, localSubnets: ["10.0.0.0/16"], remoteSubnets: ["192.168.0.0/16"] }, opts);
      break;
    }
    case 4:
      new alicloud.oss.BucketReplication(\`bucket-\${i}-dr\`, { bucket: bucket.bucket, action: "ALL", destination: { bucket: "dr", location: "oss-cn-hongkong" } }, opts);
      break;
  }
}
`;
}

/** Child mode: evaluate the generated project, time only the evaluation, write the plan. */
async function child(dir: string, out: string): Promise<void> {
  const start = performance.now();
  const plan = await evaluateInProcess({ projectDir: dir, stack: "bench" });
  const ms = performance.now() - start;
  fs.writeFileSync(out, JSON.stringify(plan));
  process.stdout.write(JSON.stringify({ ms }));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main(): Promise<void> {
  const cells = Number(process.argv[2] ?? Math.round(5000 / perCell));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "border-bench-"));
  try {
    benchProject(dir, "border-bench", { "alicloud:region": "cn-shanghai" }, program(cells));
    const planFile = path.join(dir, "plan.json");

    process.stderr.write(`Evaluating ${cells} cells in a child process…\n`);
    const report = execFileSync(
      process.execPath,
      ["--require", require.resolve("sucrase/register/ts"), __filename, "--child", dir, planFile],
      { cwd: dir, maxBuffer: 1 << 26, stdio: ["ignore", "pipe", "inherit"] },
    ).toString();
    const evaluationMs = (JSON.parse(report) as { ms: number }).ms;
    const plan = JSON.parse(fs.readFileSync(planFile, "utf8")) as Plan;

    const allowlist = [{ cidr: "100.100.2.136/30", reason: "VPC DNS" }];
    const runs: number[] = [];
    let result = analyzeBorder(fromPlan(plan), "CN", { egressAllowlist: allowlist });
    for (let k = 0; k < 7; k++) {
      const start = performance.now();
      result = analyzeBorder(fromPlan(plan), "CN", { egressAllowlist: allowlist });
      runs.push(performance.now() - start);
    }
    const analysisMs = median(runs);
    const ratio = analysisMs / evaluationMs;
    const lines = [
      `resources            ${plan.resources.length}`,
      `graph                ${result.nodes.length} nodes, ${result.edges.length} edges, ${result.paths.length} paths out of CN`,
      `offline evaluation   ${evaluationMs.toFixed(0)} ms (evaluateInProcess, child process)`,
      `border analysis      ${analysisMs.toFixed(1)} ms (median of ${runs.length}, fromPlan + analyzeBorder)`,
      `ratio                ${(ratio * 100).toFixed(2)}% of evaluation (target < 10%: ${ratio < 0.1 ? "met" : "NOT met"})`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
    if (ratio >= 0.1) {
      process.exitCode = 1;
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--child") {
  void child(process.argv[3], process.argv[4]).then(() => process.exit(0));
} else {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
