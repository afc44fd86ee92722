/**
 * Egress controls (shared/research/data-paths.md §3 "Egress control", §6.5): security groups and
 * their rules, network ACLs and their entries, Cloud Firewall policies and prefix lists. Each is a
 * row of the egress table whose `rules` read every destination it lets traffic go to (or drops),
 * with the protocol and ports of the rule (paths/rules.ts). egress-rules judges those flows of each
 * resource alone (policy/egress.ts); the border analysis reads the same rows through their `gate`:
 * what a security group admits and whether an ACL seals its subnets.
 *
 * A network's internet exits (routes to a NAT or internet gateway, public addresses) only carry
 * data if workloads may send to the internet at all: a security group must admit it *and* the
 * subnet's network ACL must not drop it. Each security group and subnet of a network declares an
 * edge to the network's `internet-bound traffic` junction, labelled with the rule that opens it,
 * and an instance with a public address its edge to the internet; each edge passes its gate
 * (Rule G, `gated`): the path search passes it only while the group admits and no ACL seals, so
 * the exits of a network whose controls admit nothing are unreachable.
 *
 * What counts as "the internet" is any traffic outside private address space that the stack's
 * egress allowlist does not cover, protocol and ports included (paths/addresses.ts). Defaults
 * follow the providers (§6.5): a basic Alibaba security group lets out what no rule drops; the AWS
 * provider strips the default allow-all from groups it creates, but a VPC's own default group and
 * default ACL allow everything until adopted.
 */
import { link, str } from "./common";
import { admittedFlow, flowWithin, isAnywhere, reachOf } from "../addresses";
import { ingressFix, isNot, ruleIs } from "./exposure-readers";
import { exposed, withExposure } from "./exposure";
import { edgesOf, withPolicyFields } from "./rows";
import type {
  Admission,
  BorderResource,
  EdgeGate,
  FieldSpec,
  FlowEdge,
  GateContribution,
  GatedEdge,
  TaggedEdge,
  TypeModel,
  TypeTable,
} from "../model";
import type { Resolver } from "../resolver";
import {
  alicloudRules,
  anyRule,
  awsRules,
  firewallRules,
  is,
  prefixListEntries,
  type RuleFlow,
} from "../rules";
import { valueAt, valuesAt } from "../values";
import { vpcTypes } from "./links";

export { vpcTypes };
export const subnetTypes = ["alicloud:vpc/switch:Switch", "aws:ec2/subnet:Subnet"];
const securityGroupTypes = [
  "alicloud:ecs/securityGroup:SecurityGroup",
  "aws:ec2/securityGroup:SecurityGroup",
];

/** The account that owns a security group a rule names (cross-account-links). */
const groupOwner = edgesOf("cross-account-links", "readable from");

/** What egress-rules advises on a rule that lets traffic out beyond the allowlist. */
const fix = {
  "egress-rules":
    "Narrow the rule to an allowlisted CIDR, protocol and ports, add the destination to the allowlist with a reason, or make it a drop/deny rule.",
} as const;

/** A row of rules only: egress-rules judges them; a gate reads them through the row it belongs to. */
const rules = (read: TypeModel["rules"]): TypeModel => ({ role: "control", rules: read, fix });
/** A row whose rules (its own and its referrers') make up a gate of the border analysis. */
const gate = (read: TypeModel["rules"] | undefined, contributes: TypeModel["gate"]): TypeModel => ({
  role: "control",
  ...(read === undefined ? {} : { rules: read }),
  gate: contributes,
  fix,
});

const awsGroupRules = awsRules(
  ["egress[].cidrBlocks[]", "egress[].ipv6CidrBlocks[]"],
  "protocol",
  anyRule,
);
const awsAclEntries = awsRules(
  ["egress[].cidrBlock", "egress[].ipv6CidrBlock"],
  "protocol",
  is("action", "allow"),
);
const groupGate: TypeModel["gate"] = (r, x) => ({
  kind: "security-group",
  admits: groupAdmission(r, x),
});
const aclGate: TypeModel["gate"] = (r, x) => ({
  kind: "network-acl",
  seals: aclDropsInternet(r, x),
});

/**
 * A control whose ingress sources at `paths` (of the rules `only` keeps) public-exposure judges:
 * a source that is neither private nor allowlisted reaches what the group guards from the
 * internet.
 */
function admits(
  model: TypeModel,
  ...args: Array<string | Pick<FieldSpec, "when" | "where">>
): TypeModel {
  const only = typeof args[0] === "object" ? args[0] : {};
  const paths = args.filter((a): a is string => typeof a === "string");
  return withExposure(model, ingressFix, ...paths.map((p) => exposed(p, "ingress", "", only)));
}

/** An AWS security group (the default one too), with its inline rules. */
const awsGroup = admits(
  gate(awsGroupRules, groupGate),
  "ingress[].cidrBlocks[]",
  "ingress[].ipv6CidrBlocks[]",
);

/** The egress controls, by type: the rows of the egress table egress-rules and the gates read. */
export const gates: TypeTable = {
  "aws:ec2/securityGroup:SecurityGroup": awsGroup,
  "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": awsGroup,
  // Its rules are separate resources (SecurityGroupRule); the group is the gate they make up.
  "alicloud:ecs/securityGroup:SecurityGroup": gate(undefined, groupGate),
  "aws:ec2/securityGroupRule:SecurityGroupRule": admits(
    rules((props) =>
      is("type", "egress")(props)
        ? awsRules(["cidrBlocks[]", "ipv6CidrBlocks[]"], "protocol", anyRule)(props)
        : [],
    ),
    { when: ruleIs("type", "ingress") },
    "cidrBlocks[]",
    "ipv6CidrBlocks[]",
  ),
  "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": rules(
    awsRules(["cidrIpv4", "cidrIpv6"], "ipProtocol", anyRule),
  ),
  "aws:ec2/networkAcl:NetworkAcl": gate(awsAclEntries, aclGate),
  "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl": gate(awsAclEntries, aclGate),
  "aws:ec2/networkAclRule:NetworkAclRule": rules((props) =>
    is("egress", true)(props)
      ? awsRules(["cidrBlock", "ipv6CidrBlock"], "protocol", is("ruleAction", "allow"))(props)
      : [],
  ),
  // An accepting rule that names a security group of another account (its owner's UID, or the
  // deprecated owner account) lets that account's instances and the group's exchange traffic:
  // hardening, judged by cross-account-links.
  "alicloud:ecs/securityGroupRule:SecurityGroupRule": withPolicyFields(
    admits(
      rules((props) =>
        is("type", "egress")(props)
          ? alicloudRules(
              ["cidrIp", "ipv6CidrIp"],
              "ipProtocol",
              "portRange",
              is("policy", "accept", true),
            )(props)
          : [],
      ),
      {
        when: (props) =>
          ruleIs("type", "ingress")(props) && ruleIs("policy", "accept", true)(props),
      },
      "cidrIp",
      "ipv6CidrIp",
    ),
    "cross-account-links",
    "Name only security groups of the account the stack's provider is pinned to (accountId), or pin the provider to that account so the pack can tell.",
    ...["sourceGroupOwnerId", "sourceGroupOwnerAccount"].map((path) =>
      groupOwner.account(path, "exchanges traffic with a security group of", {
        when: ruleIs("policy", "accept", true),
      }),
    ),
  ),
  // ENS security groups hold both directions in permissions[]; egress rules name destCidrIp.
  "alicloud:ens/securityGroup:SecurityGroup": admits(
    rules((props) =>
      alicloudRules(
        ["permissions[].destCidrIp", "permissions[].ipv6DestCidrIp"],
        "ipProtocol",
        "portRange",
        is("policy", "accept", true),
      )(props).filter(
        // A permissions list not known at preview may hold egress rules: it is judged.
        (f) => ("unknown" in f && f.path === "permissions") || is("direction", "egress")(f.holder),
      ),
    ),
    { where: (rule) => isNot("direction", "egress")(rule) && isNot("policy", "drop")(rule) },
    "permissions[].sourceCidrIp",
    "permissions[].ipv6SourceCidrIp",
  ),
  "alicloud:vpc/networkAcl:NetworkAcl": gate(
    alicloudRules(
      ["egressAclEntries[].destinationCidrIp"],
      "protocol",
      "port",
      is("policy", "accept", true),
    ),
    aclGate,
  ),
  "alicloud:vpc/networkAclEntries:NetworkAclEntries": rules(
    alicloudRules(
      ["egresses[].destinationCidrIp"],
      "protocol",
      "port",
      is("policy", "accept", true),
    ),
  ),
  "alicloud:cloudfirewall/controlPolicy:ControlPolicy": rules(firewallRules),
  "alicloud:cloudfirewall/natFirewallControlPolicy:NatFirewallControlPolicy": rules(firewallRules),
  "aws:ec2/managedPrefixList:ManagedPrefixList": rules(prefixListEntries("entries[].cidr")),
  "aws:ec2/managedPrefixListEntry:ManagedPrefixListEntry": rules(prefixListEntries("cidr")),
  "alicloud:ecs/ecsPrefixList:EcsPrefixList": rules(prefixListEntries("entries[].cidr")),
  "alicloud:vpc/prefixList:PrefixList": rules(prefixListEntries("entrys[].cidr")),
};

/** The types whose egress rules egress-rules judges, each with its reader. */
export const ruleModels = Object.entries(gates).flatMap(([type, row]) =>
  row.rules === undefined ? [] : [{ type, flows: row.rules }],
);

/** Every destination of a resource's egress rules, read by its row; none for other types. */
function rulesOf(r: BorderResource): readonly RuleFlow[] {
  return gates[r.type]?.rules?.(r.props) ?? [];
}

/** What a resource contributes to its gate, read through its row. */
function contributionOf(r: BorderResource, x: Resolver): GateContribution | undefined {
  return gates[r.type]?.gate?.(r, x);
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
    .map((rule) => ({ rule, flows: rulesOf(rule) }));
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
    firstOpening(x, rulesOf(sg)) ??
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
      firstOpening(x, rulesOf(rule)) ??
      (egress ? prefixList(rule.props, ["prefixListIds[]", "prefixListId"]) : undefined);
    if (d !== undefined) {
      return { label: "egress rule", via: rule, detail: d };
    }
  }
  return undefined;
}

/** Why members of a security group may reach the internet (its row's own gate), or undefined. */
function groupAdmission(sg: BorderResource, x: Resolver): Admission | undefined {
  return x.memo(`admission:${sg.urn}`, () =>
    sg.type.startsWith("alicloud:") ? alicloudGroupAdmission(sg, x) : awsGroupAdmission(sg, x),
  );
}

/**
 * Why members of a security group may reach the internet, read through the group's row; a group
 * whose row holds no gate lets out what the pack cannot read, so it admits.
 */
export function admissionOf(sg: BorderResource, x: Resolver): Admission | undefined {
  const c = contributionOf(sg, x);
  return c?.kind === "security-group"
    ? c.admits
    : { label: "default egress", via: sg, detail: "its egress rules are not modelled" };
}

/** A security group of a VPC (or the provider's default) and why it admits, if it does. */
interface GroupGate {
  readonly group?: BorderResource;
  readonly admits?: Admission;
}

/** Every security group that bounds a VPC's egress, in order, each with its admission. */
function vpcGroups(vpc: BorderResource, x: Resolver): GroupGate[] {
  const gate = (group: BorderResource): GroupGate => ({ group, admits: admissionOf(group, x) });
  const groups = securityGroupTypes.flatMap((t) => x.referrers(vpc, t, "vpcId"));
  const out = groups.map(gate);
  if (vpc.type === "aws:ec2/vpc:Vpc") {
    const adopted = x.referrers(vpc, "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "vpcId");
    if (adopted.length === 0) {
      out.push({
        admits: {
          label: "default egress",
          detail: "the VPC's default security group allows all egress until adopted",
        },
      });
    } else {
      out.push(...adopted.map(gate));
    }
  } else if (groups.length === 0) {
    out.push({
      admits: {
        label: "default egress",
        detail: "no security group of this stack bounds its egress",
      },
    });
  }
  return out;
}

/** An ACL's egress entries in the order they are matched (AWS by rule number). */
function aclEntries(acl: BorderResource, x: Resolver): RuleFlow[] {
  if (acl.type.startsWith("alicloud:")) {
    return [
      ...rulesOf(acl),
      ...x
        .referrers(acl, "alicloud:vpc/networkAclEntries:NetworkAclEntries", "networkAclId")
        .flatMap((more) => rulesOf(more)),
    ];
  }
  const rows = [
    ...rulesOf(acl).map((rf) => ({ no: valueAt(rf.holder, "ruleNo"), rf })),
    ...x
      .referrers(acl, "aws:ec2/networkAclRule:NetworkAclRule", "networkAclId")
      .flatMap((r) => rulesOf(r).map((rf) => ({ no: r.props.ruleNumber, rf }))),
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

/** The ACL that keeps a subnet's traffic off the internet (its row's gate seals), if one does. */
export function sealingAcl(subnet: BorderResource, x: Resolver): BorderResource | undefined {
  return x.memo(`acl:${subnet.urn}`, () =>
    aclsOf(subnet, x).find((acl) => {
      const c = contributionOf(acl, x);
      return c?.kind === "network-acl" && c.seals;
    }),
  );
}

/** `edges`, each passing `gate` in the path search. */
export function gated(edges: readonly (FlowEdge | TaggedEdge)[], gate: EdgeGate): GatedEdge[] {
  return edges.map((e) => ({ ...e, gate }));
}

/** The edge a shut security group declares: the way it would open, were it to admit. */
const shutGroup = (group?: BorderResource): Admission => ({
  label: "egress rule",
  via: group,
  detail: "admits no internet-bound traffic",
});

/**
 * The gate edges of a VPC (Rule G: declared whatever the gates say): from the VPC to its
 * internet-bound junction, one per security group, open when the group admits internet-bound
 * traffic and some subnet's ACL lets it out (or the VPC has no subnet); and from each subnet,
 * labelled with the first admission, open when an admission exists and no ACL of the subnet
 * seals it (one reason is enough to open a path).
 */
export function gateEdges(vpc: BorderResource, x: Resolver): GatedEdge[] {
  const groups = vpcGroups(vpc, x);
  const first = groups.find((g) => g.admits !== undefined);
  const junction = x.internetBound(vpc);
  const subnets = subnetTypes.flatMap((t) => x.referrers(vpc, t, "vpcId"));
  const seals = subnets.map((s) => sealingAcl(s, x));
  const leaves = subnets.length === 0 || seals.some((acl) => acl === undefined);
  const edges: GatedEdge[] = [];
  for (const g of groups) {
    const a = g.admits ?? shutGroup(g.group);
    const gate: EdgeGate = g.admits
      ? { kind: "network-acl", open: leaves }
      : { kind: "security-group", open: false, ...(g.group ? { by: g.group } : {}) };
    edges.push(...gated(link(vpc, junction, a.label, { via: a.via, detail: a.detail }), gate));
  }
  subnets.forEach((s, i) => {
    const a = first?.admits ?? shutGroup();
    const acl = seals[i];
    const gate: EdgeGate = first
      ? { kind: "network-acl", open: acl === undefined, ...(acl ? { by: acl } : {}) }
      : { kind: "security-group", open: false };
    edges.push(...gated(link(s, junction, a.label, { via: a.via, detail: a.detail }), gate));
  });
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
    const a = admissionOf(ref.resource, x);
    if (a) {
      return a;
    }
  }
  return undefined;
}
