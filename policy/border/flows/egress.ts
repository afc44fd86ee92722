/**
 * Egress controls as gates. A network's internet exits (routes to a NAT or internet gateway,
 * public addresses) only carry data if workloads may send to the internet at all: a security
 * group must admit it *and* the subnet's network ACL must not drop it. Each admission becomes
 * an edge from the network to its `internet-bound traffic` junction, labelled with the rule that
 * opened it; a network whose controls admit nothing has no such edge, so its exits are unreachable.
 *
 * What counts as "the internet" is any traffic outside private address space that the stack's
 * egress allowlist does not cover, protocol and ports included (paths/addresses.ts), read from
 * each rule by the same reader the egress-rules policy uses. Defaults follow the providers
 * (shared/research/data-paths.md §6.5): a basic Alibaba security group lets out what no rule
 * drops; the AWS provider strips the default allow-all from groups it creates, but a VPC's own
 * default group and default ACL allow everything until adopted.
 */
import type { BorderResource, EdgeLabel, FlowEdge } from "../model";
import type { Resolver } from "../resolver";
import { type RuleFlow, ruleFlowsOf } from "../../paths/rules";
import { admittedFlow, flowWithin, isAnywhere, reachOf } from "../../paths/addresses";
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

const unknownDestination = "a destination not known until deployed";

/** Why traffic an accept rule lets out reaches the internet beyond the allowlist, or undefined. */
function opens(x: Resolver, rf: RuleFlow): string | undefined {
  if ("unknown" in rf) {
    return unknownDestination;
  }
  return reachOf(rf.flow, x.allowlist).kind === "internet"
    ? admittedFlow(rf.flow, x.allowlist)
    : undefined;
}

/** The first accepted flow of `flows` that reaches the internet, described. */
function firstOpening(x: Resolver, flows: readonly RuleFlow[]): string | undefined {
  return flows.map((rf) => (rf.allow ? opens(x, rf) : undefined)).find((d) => d !== undefined);
}

/** A drop or deny of every protocol and port to every address of a family. */
function dropsEverything(rf: RuleFlow): boolean {
  return !rf.allow && "flow" in rf && rf.flow.protocol === "all" && isAnywhere(rf.flow.cidr);
}

/**
 * A prefix list an accept rule sends to. Its entries are judged on the list itself, so the gate
 * counts the rule open: the list may hold any block.
 */
function prefixList(props: unknown, paths: readonly string[]): string | undefined {
  const found = paths.flatMap((path) => valuesAt(props, path)).find((f) => f.value !== "");
  return found === undefined ? undefined : (str(found.value) ?? unknownDestination);
}

function alicloudGroupAdmission(sg: BorderResource, x: Resolver): Admission | undefined {
  const priority = (r: BorderResource) =>
    typeof r.props.priority === "number" ? r.props.priority : 1;
  const rules = x
    .referrers(sg, "alicloud:ecs/securityGroupRule:SecurityGroupRule", "securityGroupId")
    .map((rule) => ({ rule, flows: ruleFlowsOf(rule.type, rule.props) }));
  const drops = rules.flatMap(({ rule, flows }) =>
    flows.filter((rf) => !rf.allow).map((rf) => ({ priority: priority(rule), rf })),
  );
  for (const { rule, flows } of rules) {
    if (flows.length === 0) {
      const list = prefixList(rule.props, ["prefixListId"]);
      if (rule.props.type === "egress" && rule.props.policy !== "drop" && list !== undefined) {
        return { label: "egress rule", via: rule, detail: list };
      }
      continue;
    }
    for (const rf of flows) {
      const d = rf.allow ? opens(x, rf) : undefined;
      // Lower numbers win; at equal priority a drop beats an accept.
      const shadowed =
        "flow" in rf &&
        drops.some(
          (drop) =>
            drop.priority <= priority(rule) &&
            "flow" in drop.rf &&
            flowWithin(rf.flow, drop.rf.flow),
        );
      if (d !== undefined && !shadowed) {
        return { label: "egress rule", via: rule, detail: d };
      }
    }
  }
  const basic = sg.props.securityGroupType !== "enterprise";
  if (basic && !drops.some((drop) => dropsEverything(drop.rf))) {
    return {
      label: "default egress",
      via: sg,
      detail: "a basic security group lets out what no rule drops",
    };
  }
  return undefined;
}

function awsGroupAdmission(sg: BorderResource, x: Resolver): Admission | undefined {
  const own =
    firstOpening(x, ruleFlowsOf(sg.type, sg.props)) ??
    valuesAt(sg.props, "egress[]")
      .map((e) => prefixList(e.value, ["prefixListIds[]"]))
      .find((d) => d !== undefined);
  if (own !== undefined) {
    return { label: "egress rule", via: sg, detail: own };
  }
  const rules = [
    ...x.referrers(sg, "aws:ec2/securityGroupRule:SecurityGroupRule", "securityGroupId"),
    ...x.referrers(
      sg,
      "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
      "securityGroupId",
    ),
  ];
  for (const rule of rules) {
    const egress = rule.type.startsWith("aws:vpc/") || rule.props.type === "egress";
    const d =
      firstOpening(x, ruleFlowsOf(rule.type, rule.props)) ??
      (egress ? prefixList(rule.props, ["prefixListIds[]", "prefixListId"]) : undefined);
    if (d !== undefined) {
      return { label: "egress rule", via: rule, detail: d };
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

/** An ACL's egress entries in the order they are matched (AWS by rule number). */
function aclEntries(acl: BorderResource, x: Resolver): RuleFlow[] {
  if (acl.type.startsWith("alicloud:")) {
    return [
      ...ruleFlowsOf(acl.type, acl.props),
      ...x
        .referrers(acl, "alicloud:vpc/networkAclEntries:NetworkAclEntries", "networkAclId")
        .flatMap((more) => ruleFlowsOf(more.type, more.props)),
    ];
  }
  const rows = [
    ...ruleFlowsOf(acl.type, acl.props).map((rf) => ({ no: valueAt(rf.holder, "ruleNo"), rf })),
    ...x
      .referrers(acl, "aws:ec2/networkAclRule:NetworkAclRule", "networkAclId")
      .flatMap((r) => ruleFlowsOf(r.type, r.props).map((rf) => ({ no: r.props.ruleNumber, rf }))),
  ];
  return rows.sort((a, b) => Number(a.no ?? 0) - Number(b.no ?? 0)).map((row) => row.rf);
}

/**
 * True when the ordered, first-match entries drop all internet-bound traffic: a drop of every
 * protocol to every address comes before any accept of traffic the allowlist does not cover.
 * AWS ends every ACL with an implicit deny; Alibaba's end is not documented in the package, so
 * it fails closed.
 */
function aclDropsInternet(acl: BorderResource, x: Resolver): boolean {
  for (const rf of aclEntries(acl, x)) {
    if (rf.allow && opens(x, rf) !== undefined) {
      return false;
    }
    if (dropsEverything(rf)) {
      return true;
    }
  }
  return acl.type.startsWith("aws:");
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
