/**
 * The report's diagram shows where a stack's Kubernetes workloads run and what they may reach:
 * the cluster inside the border with its node subnets, each namespace on its cluster, and one
 * arrow per destination the namespace's NetworkPolicies allow. Read from the report `plan
 * --format md` writes for the shipped stacks, an EKS one (us-west) and an ACK one (cn-shanghai).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { cliMany } from "../helpers/cli";

const out = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-report-k8s-"));
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

interface Diagram {
  /** Node labels inside the border. */
  readonly inside: string[];
  /** Every arrow as `from -[text]-> to`, by node label. */
  readonly arrows: string[];
}

/** The report's Mermaid diagram, read back to node labels. */
function diagramOf(markdown: string): Diagram {
  const mermaid = /```mermaid\n([\s\S]*?)\n```/.exec(markdown)?.[1];
  if (mermaid === undefined) {
    throw new Error(`The report has no Mermaid diagram:\n${markdown}`);
  }
  const labels = new Map<string, string>();
  const inside: string[] = [];
  let inFrame = false;
  const arrows: string[] = [];
  for (const line of mermaid.split("\n")) {
    if (line.startsWith("  subgraph inside")) {
      inFrame = true;
      continue;
    }
    if (line === "  end") {
      inFrame = false;
      continue;
    }
    const node = /^\s+(n\d+)\W+"(.*?)"\W*$/.exec(line);
    if (node) {
      const label = node[2].replace(/#quot;/g, '"');
      labels.set(node[1], label);
      if (inFrame) {
        inside.push(label);
      }
      continue;
    }
    const arrow = /^\s+(n\d+) (?:-->|<-->)\|"(.*)"\| (n\d+)$/.exec(line);
    if (arrow) {
      arrows.push(`${labels.get(arrow[1])} -[${arrow[2]}]-> ${labels.get(arrow[3])}`);
    }
  }
  return { inside, arrows };
}

const diagrams = new Map<string, Diagram>();

beforeAll(async () => {
  const stacks = ["us-west", "cn-shanghai"];
  const runs = await cliMany(
    stacks.map((stack) => ({
      args: ["plan", "--stack", stack, "--format", "md", "--out", path.join(out, stack)],
    })),
  );
  stacks.forEach((stack, i) => {
    expect({ stack, code: runs[i].code }).toEqual({ stack, code: 0 });
    diagrams.set(stack, diagramOf(fs.readFileSync(path.join(out, stack, "report.md"), "utf8")));
  });
}, 180_000);

/** The arrows leaving one node, in diagram order. */
function from(d: Diagram, label: string): string[] {
  return d.arrows.filter((a) => a.startsWith(`${label} -[`));
}

describe("us-west (EKS)", () => {
  const cluster = 'eks cluster "us-west-k8s-cluster"';
  const vpc = 'vpc "us-west-network-vpc"';

  test("draws the cluster inside the border, in its node subnets", () => {
    const d = diagrams.get("us-west")!;
    expect(d.inside).toContain(cluster);
    expect(from(d, cluster)).toEqual([
      `${cluster} -[nodes in]-> subnet "us-west-network-us-west-2a"`,
      `${cluster} -[nodes in]-> subnet "us-west-network-us-west-2b"`,
    ]);
  });

  test.each(["telemetry-ingest", "customer-services"])(
    "draws namespace %s on its cluster with each egress its NetworkPolicies allow",
    (name) => {
      const d = diagrams.get("us-west")!;
      const ns = `k8s namespace "us-west-${name}-namespace"`;
      expect(d.inside).toContain(ns);
      expect(from(d, ns)).toEqual([
        `${ns} -[runs on]-> ${cluster}`,
        `${ns} -[allowed egress: DNS udp 53, tcp 53]-> ${cluster}`,
        `${ns} -[allowed egress: 10.30.0.0/16 all traffic]-> ${vpc}`,
        // The allowlist entry's policy, its reason on the edge (shown in the SVG, cut here).
        `${ns} -[allowed egress: 10.30.0.0/16 tcp 443]-> ${vpc}`,
      ]);
    },
  );

  test("the SVG shows the allowlist entry's reason on hover", () => {
    const svg = fs.readFileSync(path.join(out, "us-west", "data-paths.svg"), "utf8");
    expect(svg.match(/xlink:title="allowed egress: 10\.30\.0\.0\/16 tcp 443; [^"]*"/g)).toEqual(
      Array(2).fill(
        'xlink:title="allowed egress: 10.30.0.0/16 tcp 443; HTTPS between the stack&#39;s own workloads inside its VPC"',
      ),
    );
  });

  test("nothing of the cluster reaches outside", () => {
    const d = diagrams.get("us-west")!;
    expect(d.arrows.filter((a) => a.includes("internet") || a.includes("unknown"))).toEqual([]);
  });
});

describe("cn-shanghai (ACK)", () => {
  const cluster = 'ack cluster "cn-shanghai-k8s-cluster"';

  test("draws the cluster inside the border, in its node vSwitches", () => {
    const d = diagrams.get("cn-shanghai")!;
    expect(d.inside).toContain(cluster);
    expect(from(d, cluster)).toEqual([
      `${cluster} -[nodes in]-> vswitch "cn-shanghai-network-cn-shanghai-e"`,
      `${cluster} -[nodes in]-> vswitch "cn-shanghai-network-cn-shanghai-f"`,
    ]);
  });

  test.each(["telemetry-ingest", "customer-services"])(
    "draws namespace %s with its allowlisted destinations as the allowlist's places, inside",
    (name) => {
      const d = diagrams.get("cn-shanghai")!;
      const ns = `k8s namespace "cn-shanghai-${name}-namespace"`;
      const dns =
        "100.100.2.136/30 (allowlisted: VPC DNS resolvers of Alibaba Cloud inside the region)";
      const endpoints =
        "100.64.0.0/10 (allowlisted: Intranet endpoints of OSS and KMS in cn-shanghai (Alibaba Cloud service address space))";
      expect(d.inside).toEqual(expect.arrayContaining([ns, dns, endpoints]));
      expect(from(d, ns)).toEqual([
        `${ns} -[runs on]-> ${cluster}`,
        `${ns} -[allowed egress: DNS udp 53, tcp 53]-> ${cluster}`,
        `${ns} -[allowed egress: 10.20.0.0/16 all traffic]-> vpc "cn-shanghai-network-vpc"`,
        `${ns} -[allowed egress: 100.100.2.136/30 udp 53]-> ${dns}`,
        `${ns} -[allowed egress: 100.64.0.0/10 tcp 443]-> ${endpoints}`,
      ]);
    },
  );
});
