/**
 * Egress controls as gates. A network's internet exits (routes to a NAT or internet gateway,
 * public addresses) only carry data if workloads may send to the internet at all: a security
 * group must admit it *and* the subnet's network ACL must not drop it. Each admission becomes
 * an edge from the network to its `internet-bound traffic` junction, labelled with the rule that
 * opened it; a network whose controls admit nothing has no such edge, so its exits are unreachable.
 *
 * What counts as "the internet" is any destination outside private address space and outside
 * the stack's declared egress allowlist (addresses.ts). Defaults follow the providers
 * (shared/research/data-paths.md §6.5): a basic Alibaba security group lets out what no rule
 * drops; the AWS provider strips the default allow-all from groups it creates, but a VPC's own
 * default group and default ACL allow everything until adopted.
 */
import { blockContains, coversEverything, reachOf } from "../addresses";
import type { BorderResource, EdgeLabel, FlowEdge } from "../model";
import type { Resolver } from "../resolver";
import { valueAt, valuesAt } from "../../paths/values";
import { link, str } from "./common";

export const vpcTypes = ["alicloud:vpc/network:Network", "aws:ec2/vpc:Vpc"];
export const subnetTypes = ["alicloud:vpc/switch:Switch", "aws:ec2/subnet:Subnet"];
const securityGroupTypes = [
  "alicloud:ecs/securityGroup:SecurityGroup",
  "aws:ec2/securityGroup:SecurityGroup",
];

/** Why workloads may send to the internet. */
export interface Admission {
  readonly label: Extract<EdgeLabel, "egress rule" | "default egress">;
  readonly via?: BorderResource;
  readonly detail: string;
}

function destinations(props: Readonly<Record<string, unknown>>, fields: readonly string[]) {
  return fields.flatMap((path) => valuesAt(props, path).map((f) => f.value));
}

/** The first destination of `dests` that reaches the internet beyond the allowlist. */
function internetDestination(x: Resolver, dests: readonly unknown[]): string | undefined {
  for (const d of dests) {
    if (reachOf(d, x.allowlist).kind === "internet") {
      return typeof d === "string" ? d : "a destination not known until deployed";
    }
  }
  return undefined;
}

function alicloudGroupAdmission(sg: BorderResource, x: Resolver): Admission | undefined {
  const rules = x
    .referrers(sg, "alicloud:ecs/securityGroupRule:SecurityGroupRule", "securityGroupId")
    .filter((r) => r.props.type === "egress");
  const priority = (r: BorderResource) =>
    typeof r.props.priority === "number" ? r.props.priority : 1;
  const dest = (r: BorderResource) =>
    [r.props.cidrIp, r.props.ipv6CidrIp].filter((v) => v !== undefined);
  const drops = rules.filter((r) => r.props.policy === "drop");
  for (const rule of rules) {
    if (rule.props.policy === "drop") {
      continue;
    }
    // A rule to another group or a prefix list reaches that group's members or the list's blocks.
    const targets = dest(rule);
    if (targets.length === 0 && !str(rule.props.prefixListId)) {
      continue;
    }
    const d = internetDestination(x, targets.length > 0 ? targets : [rule.props.prefixListId]);
    if (d === undefined) {
      continue;
    }
    // Lower numbers win; at equal priority a drop beats an accept.
    const shadowed = drops.some(
      (drop) => priority(drop) <= priority(rule) && dest(drop).some((c) => blockContains(c, d)),
    );
    if (!shadowed) {
      return { label: "egress rule", via: rule, detail: d };
    }
  }
  const basic = sg.props.securityGroupType !== "enterprise";
  if (basic && !drops.some((drop) => dest(drop).some((c) => coversEverything(c)))) {
    return {
      label: "default egress",
      via: sg,
      detail: "a basic security group lets out what no rule drops",
    };
  }
  return undefined;
}

function awsGroupAdmission(sg: BorderResource, x: Resolver): Admission | undefined {
  const inline = valuesAt(sg.props, "egress[]").map(({ value: e }) =>
    destinations(e as Record<string, unknown>, [
      "cidrBlocks[]",
      "ipv6CidrBlocks[]",
      "prefixListIds[]",
    ]),
  );
  const d = inline.map((dests) => internetDestination(x, dests)).find((v) => v !== undefined);
  if (d !== undefined) {
    return { label: "egress rule", via: sg, detail: d };
  }
  for (const rule of x.referrers(
    sg,
    "aws:ec2/securityGroupRule:SecurityGroupRule",
    "securityGroupId",
  )) {
    if (rule.props.type !== "egress") {
      continue;
    }
    const rd = internetDestination(
      x,
      destinations(rule.props, ["cidrBlocks[]", "ipv6CidrBlocks[]", "prefixListIds[]"]),
    );
    if (rd !== undefined) {
      return { label: "egress rule", via: rule, detail: rd };
    }
  }
  for (const rule of x.referrers(
    sg,
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    "securityGroupId",
  )) {
    const rd = internetDestination(
      x,
      destinations(rule.props, ["cidrIpv4", "cidrIpv6", "prefixListId"]),
    );
    if (rd !== undefined) {
      return { label: "egress rule", via: rule, detail: rd };
    }
  }
  return undefined;
}

/** Why members of a security group may reach the internet, or undefined when they may not. */
export function groupAdmission(sg: BorderResource, x: Resolver): Admission | undefined {
  return x.memo(`admission:${sg.urn}`, () =>
    sg.type.startsWith("alicloud:")
      ? alicloudGroupAdmission(sg, x)
      : sg.type === "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup" ||
          sg.type === "aws:ec2/securityGroup:SecurityGroup"
        ? awsGroupAdmission(sg, x)
        : { label: "default egress", via: sg, detail: "its egress rules are not modelled" },
  );
}

/** Every reason workloads of a VPC may reach the internet, one per security group at most. */
export function vpcAdmissions(vpc: BorderResource, x: Resolver): Admission[] {
  const groups = securityGroupTypes.flatMap((t) => x.referrers(vpc, t, "vpcId"));
  const out = groups.flatMap((g) => groupAdmission(g, x) ?? []);
  if (vpc.type === "aws:ec2/vpc:Vpc") {
    const adopted = x.referrers(vpc, "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "vpcId");
    if (adopted.length === 0) {
      out.push({
        label: "default egress",
        detail: "the VPC's default security group allows all egress until adopted",
      });
    } else {
      out.push(...adopted.flatMap((g) => groupAdmission(g, x) ?? []));
    }
  } else if (groups.length === 0) {
    out.push({
      label: "default egress",
      detail: "no security group of this stack bounds its egress",
    });
  }
  return out;
}

interface AclEntry {
  readonly allow: boolean;
  readonly dests: readonly unknown[];
}

function alicloudAclEntries(acl: BorderResource, x: Resolver): AclEntry[] {
  const entry = (e: unknown): AclEntry => ({
    allow: valueAt(e, "policy") !== "drop",
    dests: [valueAt(e, "destinationCidrIp")],
  });
  return [
    ...valuesAt(acl.props, "egressAclEntries[]").map((f) => entry(f.value)),
    ...x
      .referrers(acl, "alicloud:vpc/networkAclEntries:NetworkAclEntries", "networkAclId")
      .flatMap((more) => valuesAt(more.props, "egresses[]").map((f) => entry(f.value))),
  ];
}

function awsAclEntries(acl: BorderResource, x: Resolver): AclEntry[] {
  const rows: Array<{ no: number; entry: AclEntry }> = [];
  for (const { value: e } of valuesAt(acl.props, "egress[]")) {
    rows.push({
      no: Number(valueAt(e, "ruleNo") ?? 0),
      entry: {
        allow: valueAt(e, "action") === "allow",
        dests: [valueAt(e, "cidrBlock"), valueAt(e, "ipv6CidrBlock")],
      },
    });
  }
  for (const r of x.referrers(acl, "aws:ec2/networkAclRule:NetworkAclRule", "networkAclId")) {
    if (r.props.egress === true) {
      rows.push({
        no: Number(r.props.ruleNumber ?? 0),
        entry: {
          allow: r.props.ruleAction === "allow",
          dests: [r.props.cidrBlock, r.props.ipv6CidrBlock],
        },
      });
    }
  }
  return rows.sort((a, b) => a.no - b.no).map((r) => r.entry);
}

/**
 * True when the ordered, first-match entries drop all internet-bound traffic: a drop of every
 * address comes before any accept of an internet destination. AWS ends every ACL with an
 * implicit deny; Alibaba's end is not documented in the package, so it fails closed.
 */
function aclDropsInternet(acl: BorderResource, x: Resolver): boolean {
  const aws = acl.type.startsWith("aws:");
  const entries = aws ? awsAclEntries(acl, x) : alicloudAclEntries(acl, x);
  for (const e of entries) {
    const dests = e.dests.filter((d) => d !== undefined);
    if (e.allow && internetDestination(x, dests) !== undefined) {
      return false;
    }
    if (!e.allow && dests.some((d) => coversEverything(d))) {
      return true;
    }
  }
  return aws;
}

/** The network ACLs bound to a subnet. */
function aclsOf(subnet: BorderResource, x: Resolver): BorderResource[] {
  if (subnet.type.startsWith("alicloud:")) {
    const attached = x
      .referrers(
        subnet,
        "alicloud:vpc/networkAclAttachment:NetworkAclAttachment",
        "resources[].resourceId",
      )
      .flatMap((a) => x.resourceAt(a, "networkAclId") ?? []);
    return [
      ...x.referrers(subnet, "alicloud:vpc/networkAcl:NetworkAcl", "resources[].resourceId"),
      ...attached,
    ];
  }
  const associated = x
    .referrers(subnet, "aws:ec2/networkAclAssociation:NetworkAclAssociation", "subnetId")
    .flatMap((a) => x.resourceAt(a, "networkAclId") ?? []);
  return [
    ...x.referrers(subnet, "aws:ec2/networkAcl:NetworkAcl", "subnetIds[]"),
    ...x.referrers(subnet, "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl", "subnetIds[]"),
    ...associated,
  ];
}

/** The ACL that keeps a subnet's traffic off the internet, if one does. */
export function sealingAcl(subnet: BorderResource, x: Resolver): BorderResource | undefined {
  return x.memo(`acl:${subnet.urn}`, () =>
    aclsOf(subnet, x).find((acl) => aclDropsInternet(acl, x)),
  );
}

/**
 * The gate edges of a VPC: from the VPC, and from each of its subnets whose ACL does not drop
 * internet traffic, to the VPC's internet-bound junction — one per admitting security group
 * from the VPC, the first from each subnet (one reason is enough to open a path).
 */
export function gateEdges(vpc: BorderResource, x: Resolver): FlowEdge[] {
  const admissions = vpcAdmissions(vpc, x);
  if (admissions.length === 0) {
    return [];
  }
  const junction = x.internetBound(vpc);
  const subnets = subnetTypes.flatMap((t) => x.referrers(vpc, t, "vpcId"));
  const open = subnets.filter((s) => sealingAcl(s, x) === undefined);
  const edges: FlowEdge[] = [];
  if (subnets.length === 0 || open.length > 0) {
    for (const a of admissions) {
      edges.push(...link(vpc, junction, a.label, { via: a.via, detail: a.detail }));
    }
  }
  for (const s of open) {
    const a = admissions[0];
    edges.push(...link(s, junction, a.label, { via: a.via, detail: a.detail }));
  }
  return edges;
}

/** Why an instance in these security groups may reach the internet, if it may. */
export function instanceAdmission(
  owner: BorderResource,
  x: Resolver,
  groupsPath: string,
): Admission | undefined {
  const refs = x.refs(owner, groupsPath, securityGroupTypes);
  if (refs.length === 0) {
    return { label: "default egress", detail: "it names no security group of this stack" };
  }
  for (const ref of refs) {
    if (ref.kind !== "resource") {
      return { label: "default egress", detail: "one of its security groups is not in this stack" };
    }
    const a = groupAdmission(ref.resource, x);
    if (a) {
      return a;
    }
  }
  return undefined;
}
