/**
 * The egress allowlist as flows: one protocol, one port range, one destination CIDR each. The
 * network ACL and the egress security group are both written from these flows, so the two layers
 * can never disagree about what is allowed.
 */
import type { EgressRule } from "../../residency/spec";
import { checkIpv4Block, type IssueList } from "./validation";

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
 * each flow keeps the reason of the entry it came from; a flow listed twice appears once.
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

/**
 * Checks allowlist entries handed to a component directly (the stack config checks its own);
 * a destination must be a bounded IPv4 block, never the whole internet.
 */
export function checkEgressRules(
  issues: IssueList,
  key: string,
  rules: readonly EgressRule[],
): void {
  rules.forEach((rule, i) => {
    const at = `${key}[${i}]`;
    if (checkIpv4Block(issues, `${at}.cidr`, rule.cidr) && rule.cidr.endsWith("/0")) {
      issues.add(
        `${at}.cidr`,
        rule.cidr,
        "expected a bounded destination; 0.0.0.0/0 is the whole internet and cannot be allowlisted",
      );
    }
    if (rule.protocol !== "tcp" && rule.protocol !== "udp") {
      issues.add(`${at}.protocol`, rule.protocol, 'expected "tcp" or "udp"');
    }
    if (rule.ports.length === 0) {
      issues.add(`${at}.ports`, rule.ports, "expected at least one port");
    }
    rule.ports.forEach((port, j) => {
      if (!Number.isInteger(port) || port < 1 || port > 65535) {
        issues.add(`${at}.ports[${j}]`, port, "expected a port number from 1 to 65535");
      }
    });
    if (rule.reason.trim() === "") {
      issues.add(
        `${at}.reason`,
        rule.reason,
        "expected a non-empty justification of why this destination is needed",
      );
    }
  });
}
