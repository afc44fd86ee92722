import * as ec2 from "@pulumi/aws/ec2";
import * as vpc from "@pulumi/aws/vpc";
import * as pulumi from "@pulumi/pulumi";
import type { EgressRule } from "../../residency/spec";
import { allowedFlows, checkEgressRules } from "./allowlist";
import { IssueList } from "./validation";

export interface EgressGuardArgs {
  /** The VPC the security group belongs to. Changing it replaces the group and its rules. */
  readonly vpcId: pulumi.Input<string>;
  /**
   * The only destinations workloads may reach, each with the reason it is needed. Defaults to:
   * none — no egress beyond the endpoints below.
   */
  readonly egress?: readonly EgressRule[];
  /**
   * The security group of the interface endpoints; HTTPS to it reaches S3, KMS and STS. Defaults
   * to: no access to the endpoints, and so none to those services.
   */
  readonly endpointSecurityGroupId?: pulumi.Input<string>;
}

/** One egress rule of the guard, keyed by a name suffix that stays stable across reorderings. */
export interface GuardRule {
  readonly suffix: string;
  readonly ipProtocol: "tcp" | "udp";
  readonly fromPort: number;
  readonly toPort: number;
  readonly cidrIpv4: string;
  readonly description: string;
}

/**
 * EC2 accepts only `a-zA-Z0-9 ._-:/()#,@[]+=&;{}!$*` and 255 characters in a rule description;
 * a reason written in config may hold anything else (an apostrophe, a dash from a word processor).
 */
export function ruleDescription(reason: string): string {
  return reason
    .replace(/[^a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 255);
}

/** The allowlist as security-group egress rules, one per protocol, port range and CIDR. */
export function egressGuardRules(egress: readonly EgressRule[]): GuardRule[] {
  return allowedFlows(egress).map((f) => {
    const ports = f.fromPort === f.toPort ? `${f.fromPort}` : `${f.fromPort}-${f.toPort}`;
    return {
      suffix: `${f.protocol}-${ports}-to-${f.cidr.replace(/[./]/g, "-")}`,
      ipProtocol: f.protocol,
      fromPort: f.fromPort,
      toPort: f.toPort,
      cidrIpv4: f.cidr,
      description: ruleDescription(f.reason),
    };
  });
}

/** Checks an EgressGuard's args before anything is declared; throws ArgsError listing every issue. */
export function validateEgressGuardArgs(name: string, args: EgressGuardArgs): void {
  const issues = new IssueList();
  checkEgressRules(issues, "egress", args.egress ?? []);
  issues.throwIfAny("EgressGuard", name);
}

/**
 * The security group workloads run in: its only egress rules are the allowlist and HTTPS to the
 * interface endpoints (S3, KMS, STS); it admits no inbound traffic. The rule set is held
 * exclusively, so a rule added outside Pulumi is removed on the next update.
 */
export class EgressGuard extends pulumi.ComponentResource {
  readonly securityGroupId: pulumi.Output<string>;

  constructor(name: string, args: EgressGuardArgs, opts: pulumi.ComponentResourceOptions = {}) {
    validateEgressGuardArgs(name, args);
    super("sovereign-dc:aws:EgressGuard", name, {}, opts);
    const parent = { parent: this };

    // AWS gives every new security group an allow-all egress rule; the provider removes it from
    // groups it creates, so this group starts with no egress at all.
    const sg = new ec2.SecurityGroup(
      `${name}-sg`,
      {
        vpcId: args.vpcId,
        description: "sovereign-dc workloads: egress only to the allowlist and in-region endpoints",
      },
      parent,
    );
    type RuleArgs = Omit<vpc.SecurityGroupEgressRuleArgs, "securityGroupId">;
    const rule = (suffix: string, ruleArgs: RuleArgs) =>
      new vpc.SecurityGroupEgressRule(
        `${name}-${suffix}`,
        { securityGroupId: sg.id, ...ruleArgs },
        parent,
      );

    const rules = egressGuardRules(args.egress ?? []).map(({ suffix, ...r }) => rule(suffix, r));
    if (args.endpointSecurityGroupId !== undefined) {
      rules.push(
        rule("endpoints-https", {
          ipProtocol: "tcp",
          fromPort: 443,
          toPort: 443,
          referencedSecurityGroupId: args.endpointSecurityGroupId,
          description: "HTTPS to the S3, KMS and STS interface endpoints",
        }),
      );
    }
    new ec2.VpcSecurityGroupRulesExclusive(
      `${name}-rules`,
      { securityGroupId: sg.id, egressRuleIds: rules.map((r) => r.id), ingressRuleIds: [] },
      parent,
    );

    this.securityGroupId = sg.id;
    this.registerOutputs({ securityGroupId: this.securityGroupId });
  }
}
