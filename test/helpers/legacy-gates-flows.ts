/**
 * The egress rules and gates as they were before they became rows of the egress table of the one
 * model (policy/paths/types/gates.ts): the rule reader (policy/paths/rules.ts `ruleModels`), the
 * gate helpers of the border analysis (policy/border/flows/egress.ts) and the egress-rules policy
 * (policy/egress.ts), kept verbatim as the oracle of test/paths/differential.test.ts: egress-rules
 * over the rows must report byte for byte what this policy reported, and the graph the rows gate
 * must equal the graph these helpers gated.
 */
import { resourceLabel } from "../../residency/placement";
import { type PolicyContext, residencyResourcePolicy } from "../../policy/framework";
import type { BorderResource, EdgeLabel, FlowEdge } from "../../policy/paths/model";
import type { Resolver } from "../../policy/paths/resolver";
import {
  admittedFlow,
  describeFlow,
  egressPermitted,
  type Flow,
  flowWithin,
  isAnywhere,
  normalizeProtocol,
  parsePortRange,
  portBounds,
  reachOf,
} from "../../policy/paths/addresses";
import { str, unknown, valueAt, valuesAt } from "../../policy/paths/values";
import { link } from "../../policy/paths/types/common";

/**
 * One destination of a rule with the traffic it names, or the reason it cannot be read. Drop and
 * deny rules are read too (`allow: false`): the border analysis needs them to know what a
 * security group or an ACL shuts.
 */
export type RuleFlow = {
  readonly path: string;
  readonly allow: boolean;
  /** The rule entry the destination was read from (for its priority or rule number). */
  readonly holder: unknown;
} & ({ readonly flow: Flow } | { readonly unknown: true });

interface RuleModel {
  readonly type: string;
  readonly flows: (props: Record<string, unknown>) => RuleFlow[];
}

/** AWS-style rules: CIDR lists plus `protocol`/`fromPort`/`toPort` on the same holder. */
function awsRules(
  cidrPaths: readonly string[],
  protocolKey: string,
  isAllow: (holder: unknown) => boolean,
) {
  return (props: Record<string, unknown>): RuleFlow[] =>
    cidrPaths.flatMap((path) =>
      valuesAt(props, path).map((f): RuleFlow => {
        const read = { path: f.path, allow: isAllow(f.holder), holder: f.holder };
        const protocol = valueAt(f.holder, protocolKey);
        const from = valueAt(f.holder, "fromPort");
        const to = valueAt(f.holder, "toPort");
        if ([f.value, protocol, from, to].includes(unknown)) {
          return { ...read, unknown: true };
        }
        const p = normalizeProtocol(protocol);
        return {
          ...read,
          flow: { cidr: String(f.value), protocol: p, ...portBounds(p, from, to) },
        };
      }),
    );
}

/** Alibaba-style rules: one CIDR, a `from/to` port range and a protocol on the same holder. */
function alicloudRules(
  cidrPaths: readonly string[],
  protocolKey: string,
  portKey: string,
  isAllow: (holder: unknown) => boolean,
) {
  return (props: Record<string, unknown>): RuleFlow[] =>
    cidrPaths.flatMap((path) =>
      valuesAt(props, path).map((f): RuleFlow => {
        const read = { path: f.path, allow: isAllow(f.holder), holder: f.holder };
        const protocol = valueAt(f.holder, protocolKey);
        const ports = valueAt(f.holder, portKey);
        if ([f.value, protocol, ports].includes(unknown)) {
          return { ...read, unknown: true };
        }
        const p = normalizeProtocol(protocol);
        const bounds = p === "all" ? {} : parsePortRange(ports);
        return { ...read, flow: { cidr: String(f.value), protocol: p, ...bounds } };
      }),
    );
}

function is(key: string, value: string | boolean, absent = false) {
  return (holder: unknown): boolean => {
    const v = valueAt(holder, key);
    if (v === unknown) {
      // Undecidable: treat as an allow rule so that the unknown surfaces.
      return true;
    }
    return v === undefined ? absent : String(v).toLowerCase() === String(value);
  };
}

/** Security-group rules have no action: every rule allows. */
const anyRule = () => true;

export const ruleModels: readonly RuleModel[] = [
  {
    type: "aws:ec2/securityGroup:SecurityGroup",
    flows: awsRules(["egress[].cidrBlocks[]", "egress[].ipv6CidrBlocks[]"], "protocol", anyRule),
  },
  {
    type: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    flows: awsRules(["egress[].cidrBlocks[]", "egress[].ipv6CidrBlocks[]"], "protocol", anyRule),
  },
  {
    type: "aws:ec2/securityGroupRule:SecurityGroupRule",
    flows: (props) =>
      is("type", "egress")(props)
        ? awsRules(["cidrBlocks[]", "ipv6CidrBlocks[]"], "protocol", anyRule)(props)
        : [],
  },
  {
    type: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    flows: awsRules(["cidrIpv4", "cidrIpv6"], "ipProtocol", anyRule),
  },
  {
    type: "aws:ec2/networkAcl:NetworkAcl",
    flows: awsRules(
      ["egress[].cidrBlock", "egress[].ipv6CidrBlock"],
      "protocol",
      is("action", "allow"),
    ),
  },
  {
    type: "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl",
    flows: awsRules(
      ["egress[].cidrBlock", "egress[].ipv6CidrBlock"],
      "protocol",
      is("action", "allow"),
    ),
  },
  {
    type: "aws:ec2/networkAclRule:NetworkAclRule",
    flows: (props) =>
      is("egress", true)(props)
        ? awsRules(["cidrBlock", "ipv6CidrBlock"], "protocol", is("ruleAction", "allow"))(props)
        : [],
  },
  {
    type: "alicloud:ecs/securityGroupRule:SecurityGroupRule",
    flows: (props) =>
      is("type", "egress")(props)
        ? alicloudRules(
            ["cidrIp", "ipv6CidrIp"],
            "ipProtocol",
            "portRange",
            is("policy", "accept", true),
          )(props)
        : [],
  },
  {
    // ENS security groups hold both directions in permissions[]; egress rules name destCidrIp.
    type: "alicloud:ens/securityGroup:SecurityGroup",
    flows: (props) =>
      alicloudRules(
        ["permissions[].destCidrIp", "permissions[].ipv6DestCidrIp"],
        "ipProtocol",
        "portRange",
        is("policy", "accept", true),
      )(props).filter((f) => is("direction", "egress")(f.holder)),
  },
  {
    type: "alicloud:vpc/networkAcl:NetworkAcl",
    flows: alicloudRules(
      ["egressAclEntries[].destinationCidrIp"],
      "protocol",
      "port",
      is("policy", "accept", true),
    ),
  },
  {
    type: "alicloud:vpc/networkAclEntries:NetworkAclEntries",
    flows: alicloudRules(
      ["egresses[].destinationCidrIp"],
      "protocol",
      "port",
      is("policy", "accept", true),
    ),
  },
  {
    type: "alicloud:cloudfirewall/controlPolicy:ControlPolicy",
    flows: firewallRules,
  },
  {
    type: "alicloud:cloudfirewall/natFirewallControlPolicy:NatFirewallControlPolicy",
    flows: firewallRules,
  },
  {
    type: "aws:ec2/managedPrefixList:ManagedPrefixList",
    flows: prefixListEntries("entries[].cidr"),
  },
  {
    type: "aws:ec2/managedPrefixListEntry:ManagedPrefixListEntry",
    flows: prefixListEntries("cidr"),
  },
  {
    type: "alicloud:ecs/ecsPrefixList:EcsPrefixList",
    flows: prefixListEntries("entries[].cidr"),
  },
  {
    type: "alicloud:vpc/prefixList:PrefixList",
    flows: prefixListEntries("entrys[].cidr"),
  },
];

/**
 * Cloud Firewall outbound accepts. A destination that is not a CIDR (a domain, an address
 * book, a location) cannot be placed by the pack, so it is judged as reaching everywhere.
 */
function firewallRules(props: Record<string, unknown>): RuleFlow[] {
  const direction = valueAt(props, "direction");
  const action = valueAt(props, "aclAction");
  const destination = valueAt(props, "destination");
  const type = valueAt(props, "destinationType");
  const protocol = valueAt(props, "proto");
  const port = valueAt(props, "destPort");
  if ([direction, action, destination, type, protocol, port].includes(unknown)) {
    return [{ path: "destination", allow: true, holder: props, unknown: true }];
  }
  if (str(direction) !== "out" || str(action) !== "accept") {
    return [];
  }
  const p = normalizeProtocol(String(protocol ?? "ANY").toLowerCase() === "any" ? "all" : protocol);
  const cidr = str(type) === "net" ? String(destination) : "0.0.0.0/0";
  return [
    {
      path: "destination",
      allow: true,
      holder: props,
      flow: { cidr, protocol: p, ...(p === "all" ? {} : parsePortRange(port)) },
    },
  ];
}

/**
 * Prefix lists are referenced by egress rules by ID; one that holds every address turns each
 * such rule into allow-all. Entries are otherwise judged where rules use them.
 */
function prefixListEntries(path: string) {
  return (props: Record<string, unknown>): RuleFlow[] =>
    valuesAt(props, path).flatMap((f): RuleFlow[] => {
      const read = { path: f.path, allow: true, holder: f.holder };
      return f.value === unknown
        ? [{ ...read, unknown: true }]
        : typeof f.value === "string" && isAnywhere(f.value)
          ? [{ ...read, flow: { cidr: f.value, protocol: "all" } }]
          : [];
    });
}

/**
 * Every destination of a rule, security group, network ACL, firewall policy or prefix list of
 * `type`, allowed or dropped; none for a type that holds no egress rules. The border analysis
 * reads security groups and ACLs through it too, so both judge the same flows.
 */
export function ruleFlowsOf(type: string, props: Record<string, unknown>): RuleFlow[] {
  return ruleModels.find((m) => m.type === type)?.flows(props) ?? [];
}

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

function judgeRule(label: string, rf: RuleFlow, ctx: PolicyContext) {
  const j = ctx.jurisdiction.id;
  if ("unknown" in rf) {
    ctx.report({
      message: `${label} must allow egress only to private or allowlisted destinations, but ${rf.path} (or its protocol or ports) is not known at preview, so where the rule lets traffic go cannot be decided. Use literal CIDRs from the egress allowlist.`,
      path: [label, `${rf.path} (unknown at preview)`],
    });
    return;
  }
  if (egressPermitted(ctx.settings.egressAllowlist, rf.flow)) {
    return;
  }
  const dest = describeFlow(rf.flow);
  ctx.report({
    message: `${label} must allow egress only to private or allowlisted destinations, but ${rf.path} allows ${dest}, which the egress allowlist of ${j} does not cover. Narrow the rule to an allowlisted CIDR, protocol and ports, add the destination to the allowlist with a reason, or make it a drop/deny rule.`,
    path: [label, isAnywhere(rf.flow.cidr) ? `${dest}: every address, in any country` : dest],
  });
}

export const legacyEgressRules = residencyResourcePolicy({
  name: "egress-rules",
  description:
    "Checks whether every egress allow rule (security groups, network ACLs, cloud firewalls, prefix lists) leads only to private address space or to destinations the stack's egress allowlist covers.",
  severity: "high",
  remediationSteps:
    "Allow egress only to private ranges or to CIDRs, protocols and ports of the egress allowlist; end rule sets with a drop/deny for 0.0.0.0/0.",
  validate: (args, ctx) => {
    const model = ruleModels.find((m) => m.type === args.type);
    if (!model) {
      return;
    }
    const label = resourceLabel(args.type, args.name);
    for (const rf of model.flows(args.props)) {
      if (rf.allow) {
        judgeRule(label, rf, ctx);
      }
    }
  },
});
