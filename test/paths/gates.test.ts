/**
 * Rule G (docs/design/one-flow-model-plan.md §3): a gate never removes an edge. The egress
 * controls' rows (policy/paths/types/gates.ts) say what a security group admits and what a network
 * ACL seals; the rows that need them declare their edges whatever the gate says, and the path
 * search passes an edge only while its gate is open. So a per-resource view (internet-egress,
 * egress-rules) reports the edge's presence, and the border analysis its reachability.
 */
import { analyzeWithGraph } from "../../policy/paths/analyze";
import { explainedBy, type Graph } from "../../policy/paths/graph";
import { byType } from "../../policy/paths/types";
import { oracleBorderResources, type OracleResource, runNamed } from "../helpers/model-oracle";
import { on } from "../helpers/model-oracle";

const shanghai: OracleResource = {
  type: "pulumi:providers:alicloud",
  name: "sh",
  props: { region: "cn-shanghai" },
};
const oregon: OracleResource = {
  type: "pulumi:providers:aws",
  name: "or",
  props: { region: "us-west-2" },
};
const ali = on("sh");
const aws = on("or");

/** A readable bucket and an instance with a public IP in an enterprise group; `open` adds a rule. */
function instanceStack(open: boolean): OracleResource[] {
  return [
    shanghai,
    ali("alicloud:oss/bucket:Bucket", "b", { bucket: "b" }),
    ali("alicloud:vpc/network:Network", "core", { cidrBlock: "10.10.0.0/16" }),
    ali("alicloud:vpc/switch:Switch", "a", { vpcId: "core-id" }, { vpcId: ["core"] }),
    ali(
      "alicloud:ecs/securityGroup:SecurityGroup",
      "sg",
      { vpcId: "core-id", securityGroupType: "enterprise" },
      { vpcId: ["core"] },
    ),
    ...(open
      ? [
          ali(
            "alicloud:ecs/securityGroupRule:SecurityGroupRule",
            "out",
            {
              securityGroupId: "sg-id",
              type: "egress",
              ipProtocol: "all",
              portRange: "-1/-1",
              cidrIp: "0.0.0.0/0",
            },
            { securityGroupId: ["sg"] },
          ),
        ]
      : []),
    ali(
      "alicloud:ecs/instance:Instance",
      "vm",
      { vswitchId: "a-id", internetMaxBandwidthOut: 5, securityGroups: ["sg-id"] },
      { vswitchId: ["a"], securityGroups: ["sg"] },
    ),
  ];
}

/** A readable bucket, a subnet whose default route leads to an internet gateway, an ACL on it. */
function aclStack(action: "allow" | "deny"): OracleResource[] {
  return [
    oregon,
    aws("aws:s3/bucket:Bucket", "b", { bucket: "b" }),
    aws("aws:ec2/vpc:Vpc", "core", { cidrBlock: "10.20.0.0/16" }),
    aws("aws:ec2/subnet:Subnet", "a", { vpcId: "core-id" }, { vpcId: ["core"] }),
    aws(
      "aws:ec2/internetGateway:InternetGateway",
      "igw",
      { vpcId: "core-id" },
      { vpcId: ["core"] },
    ),
    aws(
      "aws:ec2/routeTable:RouteTable",
      "rt",
      { vpcId: "core-id", routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: "igw-id" }] },
      { vpcId: ["core"], routes: ["igw"] },
    ),
    aws(
      "aws:ec2/networkAcl:NetworkAcl",
      "acl",
      {
        vpcId: "core-id",
        subnetIds: ["a-id"],
        egress: [
          { ruleNo: 100, action, protocol: "-1", fromPort: 0, toPort: 0, cidrBlock: "0.0.0.0/0" },
        ],
      },
      { vpcId: ["core"], subnetIds: ["a"] },
    ),
  ];
}

function analysis(resources: readonly OracleResource[], jurisdiction: string) {
  return analyzeWithGraph(oracleBorderResources(resources), jurisdiction, {});
}

/** The shut edges of a graph: `from -[label]-> to: kind by`. */
function shut(graph: Graph): string[] {
  const x = graph.resolver;
  const label = (e: Parameters<typeof x.label>[0] | { label: string }) =>
    "urn" in e ? x.label(e) : e.label;
  return graph.shut.map(
    (e) =>
      `${label(e.from)} -[${e.label}]-> ${label(e.to)}: ${e.gate.kind}${e.gate.by ? ` by ${e.gate.by.name}` : ""}`,
  );
}

describe("an instance's public address passes its security groups' gate", () => {
  it("shut: the edge is declared and internet-egress reports it, but no path passes it", () => {
    const { graph, analysis: a } = analysis(instanceStack(false), "CN");
    expect(shut(graph)).toEqual([
      'vpc "core" -[egress rule]-> internet-bound traffic of vpc "core": security-group by sg',
      'vswitch "a" -[egress rule]-> internet-bound traffic of vpc "core": security-group',
      'ecs instance "vm" -[public address]-> the public internet: instance-admission',
    ]);
    expect(a.verdict).toBe("sealed");
    expect(a.paths).toEqual([]);
    expect(
      runNamed(instanceStack(false), { jurisdiction: "CN" }).filter(
        ([p]) => p === "internet-egress",
      ),
    ).toEqual([
      ["internet-egress", "vm", "mandatory", ['ecs instance "vm"', "the internet (any country)"]],
    ]);
  });

  it("open: the same edge carries the bucket's data out, explained by internet-egress", () => {
    const { graph, analysis: a } = analysis(instanceStack(true), "CN");
    expect(shut(graph)).toEqual([]);
    expect(a.verdict).toBe("crosses-border");
    expect(a.paths.map((p) => ({ hops: p.hops, explainedBy: explainedBy(p, graph) }))).toEqual([
      {
        hops: [
          'oss bucket "b"',
          "readable from (no network restriction: any network of its region with credentials)",
          "every network in cn-shanghai",
          "in region",
          'vpc "core"',
          "subnet",
          'vswitch "a"',
          "attachment",
          'ecs instance "vm"',
          "public address (internetMaxBandwidthOut 5; 0.0.0.0/0)",
          "the public internet",
        ],
        explainedBy: "internet-egress",
      },
    ]);
    const gate = [...graph.gates].find(([e]) => e.label === "public address")?.[1];
    expect(gate).toEqual({ kind: "instance-admission", open: true });
    expect(
      runNamed(instanceStack(true), { jurisdiction: "CN" }).filter(
        ([p]) => p === "internet-egress",
      ),
    ).toEqual([
      ["internet-egress", "vm", "mandatory", ['ecs instance "vm"', "the internet (any country)"]],
    ]);
  });
});

describe("a subnet's way to the internet passes its network ACL", () => {
  it("sealed by an ACL that denies everything: the gates are declared, no path passes them", () => {
    const { graph, analysis: a } = analysis(aclStack("deny"), "US");
    expect(shut(graph)).toEqual([
      'vpc "core" -[default egress]-> internet-bound traffic of vpc "core": network-acl',
      'subnet "a" -[default egress]-> internet-bound traffic of vpc "core": network-acl by acl',
    ]);
    expect(a.paths).toEqual([]);
  });

  it("open when the ACL allows everything: the bucket's data reaches the internet gateway", () => {
    const { graph, analysis: a } = analysis(aclStack("allow"), "US");
    expect(shut(graph)).toEqual([]);
    expect(a.paths.map((p) => p.hops)).toEqual([
      [
        's3 bucket "b"',
        "readable from (no network restriction: any network of its region with credentials)",
        "every network in us-west-2",
        "in region",
        'vpc "core"',
        "default egress (the VPC's default security group allows all egress until adopted)",
        'internet-bound traffic of vpc "core"',
        'route "rt" (0.0.0.0/0)',
        'internet gateway "igw"',
        "public address (internet gateway)",
        "the public internet",
      ],
    ]);
  });
});

describe("egress-rules judges the rules the gates read, from the same rows", () => {
  const rule = (cidrIp: string, ipProtocol: string, portRange: string) => [
    shanghai,
    ali("alicloud:ecs/securityGroupRule:SecurityGroupRule", "out", {
      securityGroupId: "sg-id",
      type: "egress",
      ipProtocol,
      portRange,
      cidrIp,
    }),
  ];
  const allowlist = [
    { cidr: "203.0.113.0/24", ports: [500, 4500], protocol: "udp", reason: "IPsec endpoint" },
  ];

  it("reports an accept beyond the allowlist, with its level and whole path", () => {
    expect(byType["alicloud:ecs/securityGroupRule:SecurityGroupRule"].rules).toBeDefined();
    expect(
      runNamed(rule("0.0.0.0/0", "tcp", "443/443"), {
        jurisdiction: "CN",
        egressAllowlist: allowlist,
      }).filter(([p]) => p === "egress-rules"),
    ).toEqual([
      [
        "egress-rules",
        "out",
        "mandatory",
        ['security group rule "out"', "0.0.0.0/0 (tcp, port 443): every address, in any country"],
      ],
    ]);
  });

  it("passes an accept the allowlist covers", () => {
    expect(
      runNamed(rule("203.0.113.0/24", "udp", "500/500"), {
        jurisdiction: "CN",
        egressAllowlist: allowlist,
      }).filter(([p]) => p === "egress-rules"),
    ).toEqual([]);
  });
});
