/**
 * What the stack's components can build on each cloud, beyond what the config's schema checks:
 * the network block sizes each cloud allows, the address space a sealed network takes, the names
 * the stacks keep for their own log buckets, the physical bucket names, and the rules of AWS's
 * network ACL within its default quota. The stack spec refuses a config outside them
 * (residency/spec.ts), and the components check their own arguments against the same values: a
 * config the spec accepts — and `sovereign-dc new-stack` writes — is one the stack builds, never
 * one refused after its provider and key registered.
 */
import * as ipaddr from "ipaddr.js";
import { sealedAclFlows } from "./allowlist";
import type { Cloud } from "./jurisdictions";
import type { EgressRule } from "./spec";

export interface PrefixBounds {
  readonly min: number;
  readonly max: number;
}

/**
 * Prefix lengths each cloud takes: an AWS VPC and its subnets /16 to /28; an Alibaba Cloud VPC
 * /8 to /28 and its vSwitches /16 to /29.
 */
export const blockBits: Readonly<Record<Cloud, { network: PrefixBounds; zone: PrefixBounds }>> = {
  aws: { network: { min: 16, max: 28 }, zone: { min: 16, max: 28 } },
  alicloud: { network: { min: 8, max: 28 }, zone: { min: 16, max: 29 } },
};

/**
 * The private address space (RFC 1918) a sealed network lies in. A network in public address
 * space would make the stack's own rules to and from its block rules to and from the internet,
 * which the pack fails as the paths out they would be.
 */
export const privateSpaces: readonly string[] = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"];

/** True when the (valid) IPv4 block lies inside the private address space. */
export function isPrivateBlock(cidr: string): boolean {
  const [address, bits] = ipaddr.IPv4.parseCIDR(cidr);
  return privateSpaces.some((space) => {
    const [base, spaceBits] = ipaddr.IPv4.parseCIDR(space);
    return bits >= spaceBits && address.match(base, spaceBits);
  });
}

/** The logical names of each stack's own log buckets: data buckets cannot take them. */
export const logBucketNames = {
  aws: { accessLogs: "access-logs", flowLogs: "flow-logs" },
  alicloud: { accessLogs: "access-logs" },
} as const satisfies Record<Cloud, Record<string, string>>;

/** S3 bucket names may not start with these (S3's reserved prefixes). */
export const s3ReservedPrefixes: readonly string[] = ["xn--", "sthree-", "amzn-s3-demo-"];

/** An AWS stack's bucket: unique per partition, the account and region in it keep stacks apart. */
export function s3BucketName(name: string, accountId: string, region: string): string {
  return `${name}-${accountId}-${region}`;
}

/** An Alibaba Cloud stack's bucket: OSS names are global, the project and stack keep them apart. */
export function ossBucketName(project: string, stack: string, name: string): string {
  return `${project}-${stack}-${name}`;
}

/** What OSS takes as a bucket name. */
export const ossBucketNameRule =
  "3 to 63 lowercase letters, digits or hyphens, starting and ending with a letter or digit";

export function isValidOssBucketName(name: string): boolean {
  return /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(name);
}

/** AWS's default quota of network ACL rules per direction; it can be raised to 40. */
export const defaultAclRuleQuota = 20;

/** The rules, in its busier direction, the sealed AWS network's ACL needs for an allowlist. */
export function aclRulesNeeded(vpcCidr: string, egress: readonly EgressRule[]): number {
  const acl = sealedAclFlows(vpcCidr, egress);
  return Math.max(acl.egress.length, acl.ingress.length);
}
