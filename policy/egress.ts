/**
 * Internet egress and egress rules (shared/research/data-paths.md §3 "NAT / internet egress",
 * "EIP / public IP", "Internet gateway", "Route tables", "Egress control"; §4 the same; §6.5).
 *
 * `internet-egress`: a sealed network has no edge to the internet at all — no internet or NAT
 * gateway, no elastic or public IP, no default route. From any internet edge a workload can
 * reach hosts abroad, so the edge itself is the violation.
 *
 * `egress-rules`: every allow rule of a security group, network ACL or cloud firewall must lead
 * to private address space (which only the network-link policies' checked links can carry
 * further) or to a destination the stack's egress allowlist covers — protocol and ports
 * included. Drop and deny rules are always fine.
 *
 * Both are views of the egress domain table (paths/types/egress.ts): internet-egress of its
 * internet fields over the whole stack, one finding for each way out with the chain of resources
 * it takes (a default route, the NAT gateway it leads to, the EIP bound to that: paths/exits.ts), egress-rules of its egress controls' `rules` (paths/types/gates.ts), the rows
 * whose gates the border analysis reads.
 */
import { resourceLabel } from "../residency/placement";
import { describeFlow, egressPermitted, isAnywhere } from "./paths/addresses";
import { type PolicyContext, residencyResourcePolicy, residencyStackPolicy } from "./framework";
import { exitFindings } from "./paths/exits";
import { byType } from "./paths/types";
import { fromPolicyResources } from "./paths/values";
import type { RuleFlow } from "./paths/rules";

export const internetEgress = residencyStackPolicy({
  name: "internet-egress",
  description:
    "Checks whether the network has any edge to the internet: internet, NAT or egress-only gateways, elastic or public IPs, SNAT entries or default routes — each way out once, as the chain of resources it takes.",
  severity: "critical",
  remediationSteps:
    "Remove internet and NAT gateways, public and elastic IPs and default routes; reach cloud services through private (VPC) endpoints.",
  validate: (args, ctx) => {
    // Every type with an internet field is a row of the domain tables, whose edges the graph
    // draws: the graph says which exits make one way out (paths/exits.ts).
    for (const f of exitFindings(args.resources, () => fromPolicyResources(args.resources), ctx)) {
      ctx.report(f);
    }
  },
});

/**
 * Judges one allow rule's destination — with `twin`, its entry's `::/0` beside its `0.0.0.0/0`
 * for the same protocol and ports (`anywhereTwins`): one way out, judged once, naming both.
 */
function judgeRule(
  label: string,
  rf: RuleFlow,
  ctx: PolicyContext,
  twin?: Extract<RuleFlow, { flow: unknown }>,
) {
  const j = ctx.jurisdiction.id;
  if ("unknown" in rf) {
    ctx.report({
      message: `${label} must allow egress only to private or allowlisted destinations, but ${rf.path} (or its protocol or ports) is not known at preview, so where the rule lets traffic go cannot be decided. Use literal CIDRs from the egress allowlist.`,
      path: [label, `${rf.path} (unknown at preview)`],
      undecided: true,
    });
    return;
  }
  if (egressPermitted(ctx.settings.egressAllowlist, rf.flow)) {
    return;
  }
  const dest = describeFlow(
    twin === undefined ? rf.flow : { ...rf.flow, cidr: `${rf.flow.cidr} and ${twin.flow.cidr}` },
  );
  const at = twin === undefined ? `${rf.path} allows` : `${rf.path} and ${twin.path} allow`;
  ctx.report({
    message: `${label} must allow egress only to private or allowlisted destinations, but ${at} ${dest}, which the egress allowlist of ${j} does not cover. Narrow the rule to an allowlisted CIDR, protocol and ports, add the destination to the allowlist with a reason, or make it a drop/deny rule.`,
    path: [label, isAnywhere(rf.flow.cidr) ? `${dest}: every address, in any country` : dest],
  });
}

/** The rule entry a destination's path lies in: `egress[0]` of `egress[0].ipv6CidrBlocks[0]`. */
const entryOf = (path: string) => path.replace(/\.?[^.]+$/, "");

/**
 * The IPv6 twin of each rule that allows every IPv4 address: an allow of `::/0` by the same rule
 * entry with the same protocol and ports, which the allowlist does not permit either.
 */
function anywhereTwins(
  flows: readonly RuleFlow[],
  allowlist: Parameters<typeof egressPermitted>[0],
): Map<RuleFlow, Extract<RuleFlow, { flow: unknown }>> {
  const open = flows.filter(
    (rf): rf is Extract<RuleFlow, { flow: unknown }> =>
      rf.allow && "flow" in rf && isAnywhere(rf.flow.cidr) && !egressPermitted(allowlist, rf.flow),
  );
  const twins = new Map<RuleFlow, Extract<RuleFlow, { flow: unknown }>>();
  const taken = new Set<RuleFlow>();
  for (const v4 of open.filter((rf) => !rf.flow.cidr.includes(":"))) {
    const v6 = open.find(
      (rf) =>
        rf.flow.cidr.includes(":") &&
        !taken.has(rf) &&
        entryOf(rf.path) === entryOf(v4.path) &&
        rf.flow.protocol === v4.flow.protocol &&
        rf.flow.fromPort === v4.flow.fromPort &&
        rf.flow.toPort === v4.flow.toPort,
    );
    if (v6 !== undefined) {
      twins.set(v4, v6);
      taken.add(v6);
    }
  }
  return twins;
}

export const egressRules = residencyResourcePolicy({
  name: "egress-rules",
  description:
    "Checks whether every egress allow rule (security groups, network ACLs, cloud firewalls, prefix lists) leads only to private address space or to destinations the stack's egress allowlist covers.",
  severity: "high",
  remediationSteps:
    "Allow egress only to private ranges or to CIDRs, protocols and ports of the egress allowlist; end rule sets with a drop/deny for 0.0.0.0/0.",
  validate: (args, ctx) => {
    const rules = byType[args.type]?.rules;
    if (!rules) {
      return;
    }
    const label = resourceLabel(args.type, args.name);
    const flows = rules(args.props);
    const twins = anywhereTwins(flows, ctx.settings.egressAllowlist);
    const judgedWith = new Set<RuleFlow>(twins.values());
    for (const rf of flows) {
      if (rf.allow && !judgedWith.has(rf)) {
        judgeRule(label, rf, ctx, twins.get(rf));
      }
    }
  },
});

export { ruleModels } from "./paths/types/gates";
