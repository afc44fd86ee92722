/**
 * A private Alibaba Cloud VPC with no way out: one vSwitch per zone, no NAT gateway, EIP, IPv4/IPv6
 * gateway or route to the internet, and a network ACL on every vSwitch that drops all traffic
 * except traffic inside the VPC and the declared egress allowlist.
 */
import * as alicloudInputs from "@pulumi/alicloud/types/input";
import * as vpc from "@pulumi/alicloud/vpc";
import * as pulumi from "@pulumi/pulumi";
import * as ipaddr from "ipaddr.js";
import type { EgressRule, ZoneSpec } from "../../residency/spec";
import { cidrContains, cidrsOverlap } from "../../residency/spec";
import {
  allowedDestinations,
  anyPort,
  anywhere,
  ephemeralPorts,
  validateEgressAllowlist,
} from "./allowlist";
import { blockBits } from "../../residency/buildable";
import { cidrIssues, descriptionIssues, issue, throwIfInvalid } from "./validation";

export interface AlicloudNetworkArgs {
  /**
   * The VPC's IPv4 block (`cidrBlock`), /8 to /28. Changing it replaces the VPC and everything in
   * it.
   */
  readonly cidrBlock: string;
  /**
   * One vSwitch per entry, each in its zone with a block inside `cidrBlock` (/16 to /29). Changing
   * an entry's zone or block replaces that vSwitch.
   */
  readonly zones: readonly ZoneSpec[];
  /**
   * The only destinations outside the VPC that the network ACL lets traffic reach. Defaults to:
   * none — nothing leaves the VPC.
   */
  readonly egress?: readonly EgressRule[];
  /** Description of the VPC, vSwitches and ACL. Defaults to: a line naming this component. */
  readonly description?: string;
}

/** Alibaba rejects a custom VPC block inside these reserved ranges. */
const reservedRanges = ["100.64.0.0/10", "224.0.0.0/4", "127.0.0.0/8", "169.254.0.0/16"];

/** Every issue with the arguments, one line each; empty when they are valid. */
export function validateAlicloudNetworkArgs(args: AlicloudNetworkArgs): string[] {
  const issues = cidrIssues("cidrBlock", args.cidrBlock, blockBits.alicloud.network);
  const vpcValid = issues.length === 0;
  if (vpcValid) {
    const reserved = reservedRanges.find((r) => cidrContains(r, args.cidrBlock));
    if (reserved !== undefined) {
      issues.push(
        issue(
          "cidrBlock",
          args.cidrBlock,
          `expected a block outside ${reserved}, which Alibaba Cloud reserves`,
        ),
      );
    }
  }
  if (args.zones.length === 0) {
    issues.push(issue("zones", args.zones, "expected at least one { zone, cidr }"));
  }
  const seen = new Map<string, number>();
  args.zones.forEach((z, i) => {
    if (z.zone.trim().length === 0) {
      issues.push(issue(`zones[${i}].zone`, z.zone, "expected a zone ID such as cn-shanghai-e"));
    } else if (seen.has(z.zone)) {
      issues.push(
        issue(
          `zones[${i}].zone`,
          z.zone,
          `expected each zone once; zones[${seen.get(z.zone)}] has it`,
        ),
      );
    }
    seen.set(z.zone, i);
    const zoneProblems = cidrIssues(`zones[${i}].cidr`, z.cidr, blockBits.alicloud.zone);
    issues.push(...zoneProblems);
    if (zoneProblems.length > 0) {
      return;
    }
    if (vpcValid && !cidrContains(args.cidrBlock, z.cidr)) {
      issues.push(issue(`zones[${i}].cidr`, z.cidr, `expected a block inside ${args.cidrBlock}`));
    }
    args.zones.slice(0, i).forEach((other, j) => {
      if (ipaddr.IPv4.isValidCIDR(other.cidr) && cidrsOverlap(other.cidr, z.cidr)) {
        issues.push(
          issue(
            `zones[${i}].cidr`,
            z.cidr,
            `expected a block that does not overlap zones[${j}].cidr (${other.cidr})`,
          ),
        );
      }
    });
  });
  issues.push(...validateEgressAllowlist(args.egress ?? []));
  if (args.description !== undefined) {
    issues.push(...descriptionIssues("description", args.description));
  }
  return issues;
}

/**
 * The ordered ACL entries. Network ACLs are stateless and first-match, so traffic inside the VPC
 * is accepted both ways (it never leaves the VPC), allowlisted destinations are accepted out and
 * their replies in, and a closing drop catches everything else in each direction.
 */
export function networkAclEntries(cidrBlock: string, egress: readonly EgressRule[]) {
  const destinations = allowedDestinations(egress);
  const egressAclEntries: alicloudInputs.vpc.NetworkAclEgressAclEntry[] = [
    {
      destinationCidrIp: cidrBlock,
      protocol: "all",
      port: anyPort,
      policy: "accept",
      description: "Traffic inside the stack's own VPC",
    },
    ...destinations.map((d) => ({
      destinationCidrIp: d.cidr,
      protocol: d.protocol,
      port: d.portRange,
      policy: "accept",
      description: d.reason,
    })),
    {
      destinationCidrIp: anywhere,
      protocol: "all",
      port: anyPort,
      policy: "drop",
      description: "Everything not allowlisted: no path out of the jurisdiction",
    },
  ];
  const replySources = uniqueBy(destinations, (d) => `${d.protocol} ${d.cidr}`);
  const ingressAclEntries: alicloudInputs.vpc.NetworkAclIngressAclEntry[] = [
    {
      sourceCidrIp: cidrBlock,
      protocol: "all",
      port: anyPort,
      policy: "accept",
      description: "Traffic inside the stack's own VPC",
    },
    ...replySources.map((d) => ({
      sourceCidrIp: d.cidr,
      protocol: d.protocol,
      port: ephemeralPorts,
      policy: "accept",
      description: d.reason,
    })),
    {
      sourceCidrIp: anywhere,
      protocol: "all",
      port: anyPort,
      policy: "drop",
      description: "Everything else: nothing outside the VPC may open a connection in",
    },
  ];
  return { egressAclEntries, ingressAclEntries };
}

function uniqueBy<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = keyOf(item);
    if (seen.has(k)) {
      return false;
    }
    seen.add(k);
    return true;
  });
}

export class AlicloudNetwork extends pulumi.ComponentResource {
  readonly vpcId: pulumi.Output<string>;
  /** vSwitch IDs keyed by zone ID. */
  readonly vSwitchIds: Record<string, pulumi.Output<string>>;
  readonly networkAclId: pulumi.Output<string>;

  constructor(name: string, args: AlicloudNetworkArgs, opts: pulumi.ComponentResourceOptions = {}) {
    throwIfInvalid("AlicloudNetwork", name, validateAlicloudNetworkArgs(args));
    super("sovereign-dc:alicloud:AlicloudNetwork", name, {}, opts);
    const description = args.description ?? `Sealed private network ${name}: no internet path`;

    const network = new vpc.Network(
      `${name}-vpc`,
      {
        vpcName: `${name}-vpc`,
        cidrBlock: args.cidrBlock,
        // No IPv6 block means no IPv6 gateway can give instances a public address.
        enableIpv6: false,
        description,
      },
      { parent: this },
    );

    const switches = args.zones.map(
      (z) =>
        new vpc.Switch(
          `${name}-${z.zone}`,
          {
            vswitchName: `${name}-${z.zone}`,
            vpcId: network.id,
            zoneId: z.zone,
            cidrBlock: z.cidr,
            enableIpv6: false,
            description,
          },
          { parent: this },
        ),
    );

    const acl = new vpc.NetworkAcl(
      `${name}-acl`,
      {
        networkAclName: `${name}-acl`,
        vpcId: network.id,
        description,
        ...networkAclEntries(args.cidrBlock, args.egress ?? []),
        // Attached here rather than through VpcNetworkAclAttachment: the SDK warns that mixing
        // the two makes every update toggle the binding.
        resources: switches.map((s) => ({ resourceId: s.id, resourceType: "VSwitch" })),
      },
      { parent: this },
    );

    this.vpcId = network.id;
    this.vSwitchIds = Object.fromEntries(args.zones.map((z, i) => [z.zone, switches[i].id]));
    this.networkAclId = acl.id;
    this.registerOutputs({
      vpcId: this.vpcId,
      vSwitchIds: this.vSwitchIds,
      networkAclId: this.networkAclId,
    });
  }
}
