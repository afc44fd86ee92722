/**
 * One running policy pack per test file, driven through the analyzer protocol exactly as the
 * Pulumi CLI drives it (engine/analyzer.ts): `configure` with the stack's settings, then
 * `analyze` per resource and `analyzeStack`, the diagnostics mapped to the CLI's violations.
 *
 * Usage: `const pack = policyPack();` at the top of a describe, then `await pack.check(plan, …)`.
 */
import type { PolicyPackSession } from "../../engine/analyzer";
import { packConfigFor, toViolations, type Violation } from "../../engine/check";
import type { Plan } from "../../engine/plan";
import { around } from "./policy-plan";
import type { EgressAllowEntry, ResidencySettings, Waiver } from "../../policy/framework";
import { policyNames } from "../../policy/policies";
import { packSession } from "./worker";

/**
 * Policies these tests do not exercise: the multi-hop border analysis (policy/border) has its
 * own tests, and is disabled here so each mutation shows exactly the per-resource findings.
 */
const otherPolicies = policyNames.filter((n) => n === "no-path-out-of-jurisdiction");

export interface CheckOptions {
  readonly jurisdiction?: string;
  readonly egressAllowlist?: readonly EgressAllowEntry[];
  readonly waivers?: readonly Waiver[];
  /** Per-policy settings laid over the shared ones (e.g. enforcementLevel, allowTypes). */
  readonly policies?: Record<string, Record<string, unknown>>;
}

export interface PackHandle {
  /** Configures the pack, analyses the plan and returns every violation. */
  check(plan: Plan, opts?: CheckOptions): Promise<Violation[]>;
}

/** Starts the pack before the file's tests and stops it after them. */
export function policyPack(): PackHandle {
  let session: PolicyPackSession | undefined;
  // Most tests of a file share one configuration; send it only when it changes.
  let configured: string | undefined;
  beforeAll(async () => {
    session = await packSession();
  });
  afterAll(() => {
    session?.close();
  });
  return {
    async check(plan, opts = {}) {
      if (!session) {
        throw new Error("The policy pack session has not started.");
      }
      const settings: ResidencySettings = {
        jurisdiction: opts.jurisdiction,
        egressAllowlist: opts.egressAllowlist ?? [],
        waivers: opts.waivers ?? [],
      };
      const config = packConfigFor(settings);
      for (const name of otherPolicies) {
        config[name] = { ...config[name], enforcementLevel: "disabled" };
      }
      for (const [policy, extra] of Object.entries(opts.policies ?? {})) {
        config[policy] = { ...config[policy], ...extra };
      }
      const text = JSON.stringify(config);
      if (text !== configured) {
        await session.configure(config);
        configured = text;
      }
      return toViolations(await session.analyzePlan(plan), plan);
    },
  };
}

/** `policy resourceName: message` lines, for failure output that shows what was found. */
export function summary(violations: readonly Violation[]): string[] {
  return violations.map((v) => `${v.policy} ${v.resourceName ?? "(stack)"}: ${v.message}`);
}

/** `[policy, resource]` pairs of the violations, sorted, for exact comparison. */
export function pairs(violations: readonly Violation[]): Array<[string, string | null]> {
  return violations
    .map((v): [string, string | null] => [v.policy, v.resourceName])
    .sort((a, b) => `${a[0]} ${a[1]}`.localeCompare(`${b[0]} ${b[1]}`));
}

/** The expected pairs in the same order as `pairs`. */
export function sorted(
  expected: ReadonlyArray<readonly [string, string]>,
): Array<[string, string]> {
  return expected
    .map(([p, r]): [string, string] => [p, r])
    .sort((a, b) => `${a[0]} ${a[1]}`.localeCompare(`${b[0]} ${b[1]}`));
}

/** One mutation of a happy-path plan and the violations it must cause. */
export interface Case {
  /** Completes "fails when …": what the mutation does. */
  readonly name: string;
  readonly bad: (happy: Plan) => Plan;
  /** `[policy, resource name]` of every violation the mutation causes. */
  readonly expected: ReadonlyArray<readonly [string, string]>;
  /** The in-jurisdiction twin of the mutation; omitted when it is the happy path itself. */
  readonly twin?: (happy: Plan) => Plan;
  /** Completes "passes when …" for the twin. */
  readonly twinName?: string;
}

/**
 * One test per case that the mutation fails with exactly the expected violations, and one per
 * twin that it passes with none. Each runs on the part of the plan around the mutation (see
 * `around`), which the pack judges as it would the whole plan, in a fraction of the time.
 */
export function runCases(
  pack: PackHandle,
  happy: () => Plan,
  opts: CheckOptions,
  cases: readonly Case[],
): void {
  test.each(cases)("fails when $name", async ({ bad, expected }) => {
    const violations = await pack.check(around(happy(), bad(happy())), opts);
    expect({ found: pairs(violations), messages: summary(violations) }).toEqual({
      found: sorted(expected),
      messages: expect.any(Array),
    });
  });
  const twins = cases.filter((c) => c.twin !== undefined);
  if (twins.length > 0) {
    test.each(twins)("passes when $twinName", async ({ twin }) => {
      expect(summary(await pack.check(around(happy(), twin!(happy())), opts))).toEqual([]);
    });
  }
}

/** The settings the Alibaba happy path (test/fixtures/policy-alicloud) is sealed under. */
export const shanghaiSettings: CheckOptions = {
  jurisdiction: "CN",
  egressAllowlist: [
    { cidr: "100.100.2.136/30", ports: [53], protocol: "udp", reason: "VPC DNS resolvers" },
    { cidr: "203.0.113.0/24", ports: [500, 4500], protocol: "udp", reason: "Shanghai office VPN" },
  ],
};

/** The settings the AWS happy path (test/fixtures/policy-aws) is sealed under. */
export const oregonSettings: CheckOptions = {
  jurisdiction: "US",
  egressAllowlist: [
    { cidr: "198.51.100.0/24", ports: [443], protocol: "tcp", reason: "Partner exchange" },
  ],
};
