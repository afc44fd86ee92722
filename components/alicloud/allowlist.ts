/**
 * The egress allowlist in Alibaba Cloud's terms. The network ACL and the security group both
 * build their rules from this one expansion, so the two layers cannot drift apart.
 */
import * as ipaddr from "ipaddr.js";
import type { EgressRule } from "../../residency/spec";
import { allowedFlows } from "../../residency/allowlist";
import { cidrIssues, issue, isWholeNumberIn } from "./validation";

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
  /** The rule's description: the reason of the first entry that allows it, as Alibaba takes it. */
  readonly reason: string;
}

/**
 * Alibaba takes 1 to 256 characters in a rule's description (network ACL entries and security
 * group rules alike), none starting with http:// or https://; a reason written in config may be
 * longer, or a link to the ticket that approved the destination.
 */
export function ruleDescription(reason: string): string {
  const text = reason.trim();
  return (/^https?:\/\//i.test(text) ? `Approved: ${text}` : text).slice(0, 256);
}

/**
 * One destination per allowed flow (residency/allowlist.ts): per entry and contiguous port run,
 * in allowlist order; a flow two entries allow is one rule, described by the first entry's reason.
 */
export function allowedDestinations(egress: readonly EgressRule[]): AllowedDestination[] {
  return allowedFlows(egress).map((f) => ({
    cidr: f.cidr,
    protocol: f.protocol,
    portRange: `${f.fromPort}/${f.toPort}`,
    reason: ruleDescription(f.reason),
  }));
}

/**
 * Issues with an allowlist: each destination must be a bounded IPv4 block, each port 1–65535, the
 * protocol tcp or udp, the reason not blank (`ruleDescription` makes it one Alibaba takes).
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
    if (rule.reason.trim() === "") {
      issues.push(
        issue(
          `${at}.reason`,
          rule.reason,
          "expected a non-empty justification of why this destination is needed",
        ),
      );
    }
  });
  return issues;
}
