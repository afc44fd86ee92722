/**
 * Argument checks shared by the AWS components. Each component validates its args in a pure
 * exported function before it declares a resource; a failure lists every bad arg in the same
 * `key: received …; expected ….` form the stack config uses, so both read alike.
 */
import * as ipaddr from "ipaddr.js";
import { canonicalCidr, formatIssue, type SpecIssue } from "../../residency/spec";

/** A component was given args it cannot build a sealed resource from. */
export class ArgsError extends Error {
  constructor(
    readonly component: string,
    readonly resourceName: string,
    readonly issues: readonly SpecIssue[],
  ) {
    super(
      `Invalid ${component} args for "${resourceName}":\n` +
        issues.map((i) => `  - ${formatIssue(i)}`).join("\n"),
    );
    this.name = "ArgsError";
  }
}

/** Collects issues and throws them together, so one run shows every mistake. */
export class IssueList {
  private readonly issues: SpecIssue[] = [];

  get count(): number {
    return this.issues.length;
  }

  add(key: string, received: unknown, expected: string): void {
    this.issues.push({ key, received, expected });
  }

  throwIfAny(component: string, resourceName: string): void {
    if (this.issues.length > 0) {
      throw new ArgsError(component, resourceName, this.issues);
    }
  }
}

const regionId = /^[a-z]{2,4}(-[a-z]+)+-\d+$/;

export function checkRegion(issues: IssueList, key: string, value: string): void {
  if (!regionId.test(value)) {
    issues.add(key, value, "expected an AWS region ID such as us-west-2 or cn-northwest-1");
  }
}

export function checkAccountId(issues: IssueList, key: string, value: string): void {
  if (!/^\d{12}$/.test(value)) {
    issues.add(key, value, "expected a 12-digit AWS account ID");
  }
}

export function checkWholeNumber(
  issues: IssueList,
  key: string,
  value: number,
  min: number,
  max: number,
): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    issues.add(key, value, `expected a whole number from ${min} to ${max}`);
  }
}

/** True when `cidr` is an IPv4 block with its host bits cleared; otherwise records why not. */
export function checkIpv4Block(issues: IssueList, key: string, cidr: string): boolean {
  if (!ipaddr.IPv4.isValidCIDR(cidr)) {
    issues.add(key, cidr, "expected an IPv4 CIDR block such as 10.20.0.0/16");
    return false;
  }
  if (canonicalCidr(cidr) !== cidr) {
    issues.add(
      key,
      cidr,
      `expected a CIDR whose host bits are zero (did you mean ${canonicalCidr(cidr)}?)`,
    );
    return false;
  }
  return true;
}
