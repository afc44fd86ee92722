/**
 * Shared pieces of the components' argument validation: one line per rejected value, in the form
 * the stack spec uses (`key: received …; expected ….`), and the CIDR checks Alibaba Cloud applies.
 */
import * as ipaddr from "ipaddr.js";
import { canonicalCidr } from "../../residency/spec";

/** `key: received <value>; <expected>.` — the one line a caller sees per rejected value. */
export function issue(key: string, received: unknown, expected: string): string {
  const value = received === undefined ? "nothing" : JSON.stringify(received);
  return `${key}: received ${value}; ${expected}.`;
}

/** Throws one error listing every issue, so a caller fixes all of them in one pass. */
export function throwIfInvalid(component: string, name: string, issues: readonly string[]): void {
  if (issues.length > 0) {
    throw new Error(
      `Invalid arguments for ${component} "${name}":\n${issues.map((i) => `  - ${i}`).join("\n")}`,
    );
  }
}

/**
 * Issues for a value that must be an IPv4 CIDR block with its host bits zero and a prefix length
 * inside `bits` (Alibaba rejects blocks outside the lengths each resource type allows).
 */
export function cidrIssues(
  key: string,
  value: string,
  bits: { readonly min: number; readonly max: number },
): string[] {
  if (!ipaddr.IPv4.isValidCIDR(value)) {
    return [issue(key, value, "expected an IPv4 CIDR block such as 10.20.0.0/16")];
  }
  const canonical = canonicalCidr(value);
  if (canonical !== value) {
    return [
      issue(key, value, `expected a CIDR whose host bits are zero (did you mean ${canonical}?)`),
    ];
  }
  const prefix = ipaddr.IPv4.parseCIDR(value)[1];
  if (prefix < bits.min || prefix > bits.max) {
    return [issue(key, value, `expected a prefix length from /${bits.min} to /${bits.max}`)];
  }
  return [];
}

/** True when `n` is a whole number from `min` to `max`. */
export function isWholeNumberIn(n: unknown, min: number, max: number): n is number {
  return typeof n === "number" && Number.isInteger(n) && n >= min && n <= max;
}

/**
 * Alibaba rejects descriptions longer than 256 characters or starting with a URL scheme (VPC,
 * vSwitch, network ACL entry and security group alike).
 */
export function descriptionIssues(key: string, value: string): string[] {
  if (value.trim().length === 0 || value.length > 256 || /^https?:\/\//i.test(value)) {
    return [
      issue(key, value, "expected 1 to 256 characters that do not start with http:// or https://"),
    ];
  }
  return [];
}
