/**
 * The egress allowlist as flows: one protocol, one port range, one destination CIDR each. Every
 * layer that enforces the allowlist — AWS's network ACL and egress security group, Alibaba Cloud's
 * network ACL and security group — is written from these flows, so no two layers can disagree
 * about what is allowed, and the stack spec counts the rules a config needs from the same flows
 * (residency/buildable.ts) before any resource is declared.
 */
import * as ipaddr from "ipaddr.js";
import type { EgressRule } from "./spec";

/** The widest block an egress entry may admit: a wider one is a large part of the internet. */
export const widestEgressPrefix = 8;

/**
 * What is wrong with an egress entry's IPv4 block as a destination, in the words of the stack
 * spec's errors, or undefined when it is bounded (/8 or narrower). Checked for this repository's
 * stacks (spec-schema.ts) and for any program's stack file (`check`).
 */
export function egressCidrProblem(cidr: string): string | undefined {
  if (!ipaddr.IPv4.isValidCIDR(cidr) || ipaddr.IPv4.parseCIDR(cidr)[1] >= widestEgressPrefix) {
    return undefined;
  }
  return cidr.endsWith("/0")
    ? "expected a bounded destination; 0.0.0.0/0 is the whole internet and cannot be allowlisted"
    : `expected a bounded destination, a block of /${widestEgressPrefix} or narrower; a wider one is a large part of the internet (0.0.0.0/1 and 128.0.0.0/1 are all of it) and cannot be allowlisted`;
}

/** The first and last port of the ephemeral range replies come back to (AWS's NACL guidance). */
export const ephemeralPorts = { fromPort: 1024, toPort: 65535 } as const;

export interface AllowedFlow {
  readonly protocol: "tcp" | "udp";
  readonly fromPort: number;
  readonly toPort: number;
  readonly cidr: string;
  /** Why the destination is allowed — the first reason given for it. */
  readonly reason: string;
}

/** Sorted, de-duplicated ports merged into contiguous ranges: [443, 80, 81] → 80-81, 443. */
export function portRanges(ports: readonly number[]): { fromPort: number; toPort: number }[] {
  const sorted = [...new Set(ports)].sort((a, b) => a - b);
  const ranges: { fromPort: number; toPort: number }[] = [];
  for (const port of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && port === last.toPort + 1) {
      last.toPort = port;
    } else {
      ranges.push({ fromPort: port, toPort: port });
    }
  }
  return ranges;
}

/**
 * The allowlist as flows, in allowlist order. Ports merge into ranges within an entry only, so
 * each flow keeps the reason of the entry it came from; a flow listed twice appears once, with
 * the first entry's reason (two entries may well allow one port to one destination, each for a
 * reason of its own; a cloud refuses the same rule twice).
 */
export function allowedFlows(rules: readonly EgressRule[]): AllowedFlow[] {
  const flows: AllowedFlow[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    for (const range of portRanges(rule.ports)) {
      const flow = { protocol: rule.protocol, ...range, cidr: rule.cidr, reason: rule.reason };
      const key = flowKey(flow);
      if (!seen.has(key)) {
        seen.add(key);
        flows.push(flow);
      }
    }
  }
  return flows;
}

export function flowKey(flow: Omit<AllowedFlow, "reason">): string {
  return `${flow.protocol}:${flow.fromPort}-${flow.toPort}:${flow.cidr}`;
}

/** A rule of a stateless network ACL: a flow without its reason. */
export type AclFlow = Omit<AllowedFlow, "reason">;

/**
 * The rules of the sealed AWS network's ACL, before numbering (components/aws/network.ts). ACLs
 * are stateless, so every allowed request has a reply rule on the ephemeral ports. Outbound:
 * HTTPS to the interface endpoints, the endpoints' replies, then the allowlist. Inbound: HTTPS to
 * the endpoints, replies to clients from inside the VPC, then replies from each allowlisted
 * destination. Duplicates are dropped.
 */
export function sealedAclFlows(
  vpcCidr: string,
  egress: readonly EgressRule[],
): { readonly egress: AclFlow[]; readonly ingress: AclFlow[] } {
  const https = { protocol: "tcp" as const, fromPort: 443, toPort: 443, cidr: vpcCidr };
  const vpcReplies = { protocol: "tcp" as const, ...ephemeralPorts, cidr: vpcCidr };
  const flows = allowedFlows(egress);
  const replies = flows.map((f) => ({ protocol: f.protocol, ...ephemeralPorts, cidr: f.cidr }));
  return {
    egress: distinct([https, vpcReplies, ...flows]),
    ingress: distinct([https, vpcReplies, ...replies]),
  };
}

function distinct(flows: readonly AclFlow[]): AclFlow[] {
  const byKey = new Map<string, AclFlow>();
  for (const { protocol, fromPort, toPort, cidr } of flows) {
    const flow = { protocol, fromPort, toPort, cidr };
    const key = flowKey(flow);
    if (!byKey.has(key)) {
      byKey.set(key, flow);
    }
  }
  return [...byKey.values()];
}
