/**
 * The egress allowlist in Alibaba Cloud's terms. The network ACL and the security group both
 * build their rules from this one expansion, so the two layers cannot drift apart.
 */
import * as ipaddr from "ipaddr.js";
import type { EgressRule } from "../../residency/spec";
import { cidrIssues, descriptionIssues, issue, isWholeNumberIn } from "./validation";

/** Alibaba's port range for "every port"; the only one it accepts with protocol `all`. */
export const anyPort = "-1/-1";

/** Every IPv4 destination: the target of the closing drop rules. */
export const anywhere = "0.0.0.0/0";

/**
 * Client ports that replies come back to. Network ACLs are stateless and match the destination
 * port in both directions, so replies from an allowlisted service need their own ingress entry;
 * Alibaba recommends 1024/65535 to cover the ephemeral ranges of every common OS.
 */
export const ephemeralPorts = "1024/65535";

/** One allowed destination with its ports folded into one contiguous Alibaba range. */
export interface AllowedDestination {
  readonly cidr: string;
  readonly protocol: "tcp" | "udp";
  /** Alibaba's `from/to` form, e.g. `443/443`. */
  readonly portRange: string;
  readonly reason: string;
}

/** Sorted, de-duplicated ports folded into contiguous `[from, to]` runs. */
export function portRuns(ports: readonly number[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (const port of [...new Set(ports)].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last !== undefined && port === last[1] + 1) {
      last[1] = port;
    } else {
      runs.push([port, port]);
    }
  }
  return runs;
}

/** One destination per rule and contiguous port run, in allowlist order. */
export function allowedDestinations(egress: readonly EgressRule[]): AllowedDestination[] {
  return egress.flatMap((rule) =>
    portRuns(rule.ports).map(([from, to]) => ({
      cidr: rule.cidr,
      protocol: rule.protocol,
      portRange: `${from}/${to}`,
      reason: rule.reason,
    })),
  );
}

/**
 * Issues with an allowlist: each destination must be a bounded IPv4 block, each port 1–65535, the
 * protocol tcp or udp, the reason usable as an Alibaba rule description; and no two rules may
 * allow the same port to the same block (Alibaba rejects duplicate security group rules).
 */
export function validateEgressAllowlist(egress: readonly EgressRule[], key = "egress"): string[] {
  const issues: string[] = [];
  egress.forEach((rule, i) => {
    const at = `${key}[${i}]`;
    const cidrProblems = cidrIssues(`${at}.cidr`, rule.cidr, { min: 0, max: 32 });
    if (ipaddr.IPv4.isValidCIDR(rule.cidr) && rule.cidr.endsWith("/0")) {
      cidrProblems.push(
        issue(
          `${at}.cidr`,
          rule.cidr,
          "expected a bounded destination; 0.0.0.0/0 is the whole internet and cannot be allowlisted",
        ),
      );
    }
    issues.push(...cidrProblems);
    if (rule.protocol !== "tcp" && rule.protocol !== "udp") {
      issues.push(issue(`${at}.protocol`, rule.protocol, 'expected "tcp" or "udp"'));
    }
    if (rule.ports.length === 0) {
      issues.push(issue(`${at}.ports`, rule.ports, "expected at least one port"));
    }
    rule.ports.forEach((port, j) => {
      if (!isWholeNumberIn(port, 1, 65535)) {
        issues.push(issue(`${at}.ports[${j}]`, port, "expected a port number from 1 to 65535"));
      }
    });
    issues.push(...descriptionIssues(`${at}.reason`, rule.reason));
    if (cidrProblems.length === 0) {
      issues.push(...duplicateIssues(egress, i, key));
    }
  });
  return issues;
}

function duplicateIssues(egress: readonly EgressRule[], i: number, key: string): string[] {
  const rule = egress[i];
  for (let j = 0; j < i; j++) {
    const other = egress[j];
    if (other.cidr !== rule.cidr || other.protocol !== rule.protocol) {
      continue;
    }
    const shared = rule.ports.find((p) => other.ports.includes(p));
    if (shared !== undefined) {
      return [
        issue(
          `${key}[${i}].ports`,
          rule.ports,
          `expected ports that ${key}[${j}] does not already allow to ${rule.cidr} over ${rule.protocol} (port ${shared}); merge the two rules`,
        ),
      ];
    }
  }
  return [];
}
