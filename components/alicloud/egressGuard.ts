/**
 * The security group every workload of the stack joins. A basic Alibaba security group allows all
 * outbound traffic until told otherwise, so this one accepts only traffic inside the VPC and the
 * declared allowlist, then drops everything else at the lowest priority. Inbound it accepts only
 * the VPC; the group denies other inbound traffic by default.
 */
import * as ecs from "@pulumi/alicloud/ecs";
import * as pulumi from "@pulumi/pulumi";
import type { EgressRule } from "../../residency/spec";
import { allowedDestinations, anyPort, anywhere, validateEgressAllowlist } from "./allowlist";
import { cidrIssues, descriptionIssues, throwIfInvalid } from "./validation";

export interface AlicloudEgressGuardArgs {
  /** The VPC the group belongs to. Replaces the group when changed. */
  readonly vpcId: pulumi.Input<string>;
  /** The VPC's block: the only source of inbound traffic and an always-allowed destination. */
  readonly vpcCidr: string;
  /**
   * The only destinations outside the VPC that members may reach. Defaults to: none — members
   * reach nothing outside the VPC.
   */
  readonly egress?: readonly EgressRule[];
  /** Description of the group. Defaults to: a line naming this component. */
  readonly description?: string;
}

/** Alibaba's priorities run 1 (first) to 100 (last); a drop at 100 loses to every accept. */
export const acceptPriority = 1;
export const dropPriority = 100;

/** Every issue with the arguments, one line each; empty when they are valid. */
export function validateAlicloudEgressGuardArgs(args: AlicloudEgressGuardArgs): string[] {
  return [
    ...cidrIssues("vpcCidr", args.vpcCidr, { min: 8, max: 28 }),
    ...validateEgressAllowlist(args.egress ?? []),
    ...(args.description === undefined ? [] : descriptionIssues("description", args.description)),
  ];
}

type RuleArgs = Omit<ecs.SecurityGroupRuleArgs, "securityGroupId">;

/**
 * The group's rules keyed by a name suffix built from what each rule allows, so reordering the
 * allowlist changes no rule and a changed destination is created before the old one is removed.
 */
export function securityGroupRules(
  vpcCidr: string,
  egress: readonly EgressRule[],
): Array<[string, RuleArgs]> {
  const rule = (args: RuleArgs): RuleArgs => ({ nicType: "intranet", ...args });
  return [
    [
      "ingress-vpc",
      rule({
        type: "ingress",
        ipProtocol: "all",
        portRange: anyPort,
        cidrIp: vpcCidr,
        policy: "accept",
        priority: acceptPriority,
        description: "Traffic from inside the stack's own VPC",
      }),
    ],
    [
      "egress-vpc",
      rule({
        type: "egress",
        ipProtocol: "all",
        portRange: anyPort,
        cidrIp: vpcCidr,
        policy: "accept",
        priority: acceptPriority,
        description: "Traffic inside the stack's own VPC",
      }),
    ],
    ...allowedDestinations(egress).map((d): [string, RuleArgs] => [
      `egress-${d.protocol}-${d.cidr.replace("/", "_")}-${d.portRange.replace("/", "-")}`,
      rule({
        type: "egress",
        ipProtocol: d.protocol,
        portRange: d.portRange,
        cidrIp: d.cidr,
        policy: "accept",
        priority: acceptPriority,
        description: d.reason,
      }),
    ]),
    [
      "egress-drop-all",
      rule({
        type: "egress",
        ipProtocol: "all",
        portRange: anyPort,
        cidrIp: anywhere,
        policy: "drop",
        priority: dropPriority,
        description: "Everything not allowlisted: no path out of the jurisdiction",
      }),
    ],
  ];
}

export class AlicloudEgressGuard extends pulumi.ComponentResource {
  readonly securityGroupId: pulumi.Output<string>;

  constructor(
    name: string,
    args: AlicloudEgressGuardArgs,
    opts: pulumi.ComponentResourceOptions = {},
  ) {
    throwIfInvalid("AlicloudEgressGuard", name, validateAlicloudEgressGuardArgs(args));
    super("sovereign-dc:alicloud:AlicloudEgressGuard", name, {}, opts);

    const group = new ecs.SecurityGroup(
      `${name}-sg`,
      {
        vpcId: args.vpcId,
        securityGroupType: "normal",
        // Members may talk to each other: that traffic stays inside the VPC.
        innerAccessPolicy: "Accept",
        description: args.description ?? `Egress guard ${name}: only the allowlist leaves the VPC`,
      },
      { parent: this },
    );

    for (const [suffix, rule] of securityGroupRules(args.vpcCidr, args.egress ?? [])) {
      new ecs.SecurityGroupRule(
        `${name}-${suffix}`,
        { securityGroupId: group.id, ...rule },
        // Deleting the group takes its rules with it; deleting the rules first would leave the
        // group allowing all egress should its own deletion fail while instances still use it.
        { parent: this, deletedWith: group },
      );
    }

    this.securityGroupId = group.id;
    this.registerOutputs({ securityGroupId: this.securityGroupId });
  }
}
