/**
 * The egress allowlist of the AWS components: the flows both the network ACL and the egress
 * security group are written from (residency/allowlist.ts), and the checks of entries handed to a
 * component directly.
 */
import type { EgressRule } from "../../residency/spec";
export {
  type AclFlow,
  type AllowedFlow,
  allowedFlows,
  ephemeralPorts,
  flowKey,
  portRanges,
} from "../../residency/allowlist";
import { checkIpv4Block, type IssueList } from "./validation";

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
