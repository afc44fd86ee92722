/**
 * One running policy pack per test file, driven through the analyzer protocol exactly as the
 * Pulumi CLI drives it (engine/analyzer.ts): `configure` with the stack's settings, then
 * `analyze` per resource and `analyzeStack`, the diagnostics mapped to the CLI's violations.
 *
 * Usage: `const pack = policyPack();` at the top of a describe, then `await pack.check(plan, …)`
 * for a whole plan under every policy, `await pack.checkAround(happy, mutated, …)` for the
 * per-resource findings of one mutation, or `runCases(pack, …)` for mutations and their twins.
 */
import { createHash } from "node:crypto";
import type { AnswerMemo, Level, PolicyPackSession } from "../../engine/analyzer";
import {
  packConfigFor,
  type StackSettings,
  toViolations,
  type Violation,
} from "../../engine/check";
import type { Plan } from "../../engine/plan";
import { add, around, withDependencies } from "./policy-plan";
import { unknownValue } from "../../engine/wire";
import type { EgressAllowEntry, UnknownAtPreview, Waiver } from "../../policy/framework";
import type { DeclaredCluster } from "../../residency/clusters";
import type { DeclaredDiskEncryption } from "../../residency/disk-encryption";
import type { DeclaredDirectConnectLocation } from "../../residency/direct-connect";
import type { DeclaredOutpost } from "../../residency/outposts";
import type { Posture } from "../../residency/spec";
import { packSession } from "./worker";
import { onEveryPolicy } from "../../engine/waivers";

/**
 * The policies that judge relations across the whole plan, so never part of one: the multi-hop
 * border analysis (policy/paths), the placement of Kubernetes clusters (a provider and the
 * cluster its kubeconfig comes from), namespaces' default-deny egress (a namespace's workloads
 * and its NetworkPolicies) and Services' exposure (a Service and its cluster's cloud and nodes). `checkAround` leaves them out, and `check` and `checkAll` run them on
 * the whole plan.
 */
const wholePlanPolicies: readonly string[] = [
  "no-path-out-of-jurisdiction",
  "kubernetes-cluster-placement",
  "kubernetes-namespace-egress",
  "kubernetes-service-exposure",
];

/** Which policies a pass runs: all of them, all but the whole-plan ones, or only those. */
type Pass = "all" | "per-resource" | "border";

export interface CheckOptions {
  readonly jurisdiction?: string;
  readonly egressAllowlist?: readonly EgressAllowEntry[];
  /** Kubernetes clusters the stack config declares (`sovereign-dc:clusters`). */
  readonly clusters?: readonly DeclaredCluster[];
  /** The accounts' default disk encryption (`sovereign-dc:accountDiskEncryption`). */
  readonly accountDiskEncryption?: readonly DeclaredDiskEncryption[];
  /** The Outposts the stack declares, with their sites' countries (`sovereign-dc:outposts`). */
  readonly outposts?: readonly DeclaredOutpost[];
  /** Direct Connect locations the stack declares, with countries (`sovereign-dc:directConnectLocations`). */
  readonly directConnectLocations?: readonly DeclaredDirectConnectLocation[];
  readonly waivers?: readonly Waiver[];
  /** The stack's posture (`sovereign-dc:posture`); standard when not set. */
  readonly posture?: Posture;
  /** The accounts the stack declares its own (`sovereign-dc:accountId`). */
  readonly accountIds?: readonly string[];
  /** Offline, where the stack declares no account: the one the engine's ARNs carry instead. */
  readonly standInAccount?: string;
  /** Per-policy settings laid over the shared ones (e.g. enforcementLevel, allowTypes). */
  readonly policies?: Record<string, Record<string, unknown>>;
  /**
   * What resource policies do with a value not known at preview: `fail` (the default here, as
   * the offline engine sends it) or `defer` (the pack's own default under the Pulumi CLI).
   */
  readonly unknownAtPreview?: UnknownAtPreview;
}

export interface PackHandle {
  /** Configures the pack with every policy on, analyses the whole plan, returns its violations. */
  check(plan: Plan, opts?: CheckOptions): Promise<Violation[]>;
  /**
   * The per-resource policies' violations of `mutated`, judged on the part of it around what
   * changed from `full` (see `around`) in a fraction of the time the whole plan takes. The
   * border analysis is off: on part of a plan it would miss paths that run through the rest.
   */
  checkAround(
    full: Plan,
    mutated: Plan,
    opts?: CheckOptions,
    focus?: readonly string[],
  ): Promise<Violation[]>;
  /**
   * Every policy's violations of `mutated`, as `check(mutated)` finds them, in about half the time:
   * the per-resource policies judge the part around the change and the `focus` resources
   * (`checkAround`), the border analysis the whole plan.
   */
  checkAll(
    full: Plan,
    mutated: Plan,
    opts?: CheckOptions,
    focus?: readonly string[],
  ): Promise<Violation[]>;
}

/** Starts the pack before the file's tests and stops it after them. */
export function policyPack(): PackHandle {
  let session: PolicyPackSession | undefined;
  // Most tests of a file share one configuration; send it only when it changes.
  let configured: string | undefined;
  // The pack is deterministic: a plan it has judged under the same configuration (the happy
  // path, which many twins leave as it is) is not sent again.
  const judged = new Map<string, Violation[]>();
  // Per config, the pack's answer to each per-resource request already sent: most resources of
  // a mutated plan are the happy path's, judged the same way every time.
  const answers = new Map<string, AnswerMemo>();
  const answersFor = (config: string): AnswerMemo => {
    let memo = answers.get(config);
    if (memo === undefined) {
      memo = new Map();
      answers.set(config, memo);
    }
    return memo;
  };
  beforeAll(async () => {
    session = await packSession();
  });
  afterAll(() => {
    session?.close();
  });
  const run = async (plan: Plan, opts: CheckOptions, pass: Pass) => {
    if (!session) {
      throw new Error("The policy pack session has not started.");
    }
    const settings: StackSettings = {
      jurisdiction: opts.jurisdiction,
      egressAllowlist: opts.egressAllowlist ?? [],
      waivers: opts.waivers ?? [],
      posture: opts.posture,
      clusters: opts.clusters ?? [],
      accountDiskEncryption: opts.accountDiskEncryption ?? [],
      outposts: opts.outposts ?? [],
      directConnectLocations: opts.directConnectLocations ?? [],
      accountIds: opts.accountIds,
    };
    const packConfig = onEveryPolicy(packConfigFor(settings), {
      unknownAtPreview: opts.unknownAtPreview ?? "fail",
    });
    const config: Record<string, Readonly<Record<string, unknown>>> = {
      ...(opts.standInAccount === undefined
        ? packConfig
        : onEveryPolicy(packConfig, { standInAccount: opts.standInAccount })),
    };
    for (const [policy, extra] of Object.entries(opts.policies ?? {})) {
      config[policy] = { ...config[policy], ...extra };
    }
    // One config for every pass, so that a twin's two passes do not reconfigure the pack in
    // turn: each pass keeps the findings of its own policies instead.
    const text = JSON.stringify(config);
    const key = createHash("sha256")
      .update(text)
      .update(pass === "border" ? "stack" : "plan")
      .update(JSON.stringify(plan))
      .digest("hex");
    let all = judged.get(key);
    if (!all) {
      if (text !== configured) {
        await session.configure(config);
        configured = text;
      }
      // The border pass needs only the whole-plan (stack) policies: it sends only the stack's
      // request. The others need every request (named-destinations & co. are stack policies).
      const diagnostics =
        pass === "border"
          ? await session.analyzeStackOnly(plan)
          : await session.analyzePlan(plan, answersFor(text));
      all = toViolations(diagnostics, plan);
      judged.set(key, all);
    }
    return pass === "all"
      ? all
      : all.filter((v) => wholePlanPolicies.includes(v.policy) === (pass === "border"));
  };
  return {
    check: (plan, opts = {}) => run(plan, opts, "all"),
    checkAround: (full, mutated, opts = {}, focus = []) =>
      run(around(full, mutated, focus), opts, "per-resource"),
    checkAll: async (full, mutated, opts = {}, focus = []) => [
      ...(await run(around(full, mutated, focus), opts, "per-resource")),
      ...(await run(mutated, opts, "border")),
    ],
  };
}

/** `level policy resourceName: message` lines, for failure output that shows what was found. */
export function summary(violations: readonly Violation[]): string[] {
  return violations.map(
    (v) => `${v.level} ${v.policy} ${v.resourceName ?? "(stack)"}: ${v.message}`,
  );
}

/**
 * A violation as the tests compare it: the policy, the resource it names (null: the stack), its
 * level, and the whole path it reports (null: none).
 */
export type Finding = readonly [
  policy: string,
  resource: string | null,
  level: Level,
  path: readonly string[] | null,
];

/** kubernetes-namespace-egress's finding: `namespace` runs `workload`'s pods with no default deny. */
export const namespaceOpen = (workload: string, namespace: string): Finding => [
  "kubernetes-namespace-egress",
  workload,
  "mandatory",
  [
    `k8s namespace ${JSON.stringify(namespace)}`,
    "pod egress (no default-deny NetworkPolicy)",
    "every address (any country)",
  ],
];

const byFinding = (a: Finding, b: Finding) => JSON.stringify(a).localeCompare(JSON.stringify(b));

/** customer-key-encryption's advisory finding on a store (or a part of it) without a customer key. */
export const noCustomerKey = (name: string, label: string): Finding => [
  "customer-key-encryption",
  name,
  "advisory",
  [label, "no customer-managed key (unencrypted, or a key the provider holds)"],
];

/**
 * A data store on a key its service holds, or none: what it is, its type, name, label and inputs,
 * then what the twin needs (its key setting).
 */
export type ServiceKeyRow = readonly [
  what: string,
  type: string,
  name: string,
  label: string,
  inputs: Readonly<Record<string, unknown>>,
  ...rest: readonly unknown[],
];

/**
 * A case per row: the store on a key its service holds (or none) is customer-key-encryption's
 * finding, and its twin on the program's key (`twin(row)`) passes.
 */
export function serviceKeyCases<R extends ServiceKeyRow>(
  rows: readonly R[],
  twin: (row: R) => (plan: Plan) => Plan,
): Case[] {
  return rows.map((row) => {
    const [what, type, name, label, inputs] = row;
    return {
      name: `${what} is on a key the service holds, or none`,
      bad: add(type, name, { ...inputs }),
      expected: [noCustomerKey(name, label)],
      twinName: `${what} is on the program's key`,
      twin: twin(row),
    };
  });
}

/** The findings of the violations, sorted, for exact comparison with `sorted(expected)`. */
export function findings(violations: readonly Violation[]): Finding[] {
  return violations
    .map((v): Finding => [v.policy, v.resourceName, v.level, v.path])
    .sort(byFinding);
}

/** The expected findings in the order of `findings`. */
export function sorted(expected: readonly Finding[]): Finding[] {
  return [...expected].sort(byFinding);
}

/** One mutation of a happy-path plan, the violations it must cause, and its passing twin. */
export interface Case {
  /** Completes "fails when …": what the mutation does. */
  readonly name: string;
  readonly bad: (happy: Plan) => Plan;
  /** Every violation the mutation causes, with its level and whole path. */
  readonly expected: readonly Finding[];
  /** Completes "passes when …" for the twin. */
  readonly twinName: string;
  /**
   * The same mutation inside the jurisdiction, or with the fix the violation asks for: the
   * happy path with it applied passes every policy, the border analysis included.
   */
  readonly twin: (happy: Plan) => Plan;
  /** Settings the twin is judged under, when its fix is a reviewed waiver rather than a change. */
  readonly twinSettings?: CheckOptions;
}

/**
 * A case of a reference only a lookup knows: `make(unknown)`, a resource `name` (`label`, in
 * `near`) whose `path` holds a value not known at preview, fails named-destinations closed; the
 * same unknown value computed from the program's `from` (after `setup`, which creates it) passes.
 */
export function lookupCase(c: {
  readonly name: string;
  readonly make: (value: unknown) => (plan: Plan) => Plan;
  readonly resource: string;
  readonly label: string;
  readonly near: string;
  readonly path: string;
  readonly from: string;
  readonly twinName: string;
  readonly setup?: (plan: Plan) => Plan;
}): Case {
  const setup = c.setup ?? ((plan: Plan) => plan);
  return {
    name: c.name,
    bad: c.make(unknownValue),
    expected: [
      [
        "named-destinations",
        c.resource,
        "mandatory",
        [c.near, c.label, `${c.path} (unknown at preview)`],
      ],
    ],
    twinName: c.twinName,
    twin: (plan) =>
      withDependencies(c.make(unknownValue)(setup(plan)), c.resource, { [c.path]: [c.from] }),
  };
}

/**
 * One test per case that the mutation fails with exactly the expected per-resource violations
 * (judged on the part of the plan around it, see `checkAround`), and one per case that its twin,
 * applied to the happy path, passes every policy, the border analysis included (`checkAll`),
 * with no violation at all — the resources the mutation's findings named among those judged.
 */
export function runCases(
  pack: PackHandle,
  happy: () => Plan,
  opts: CheckOptions,
  cases: readonly Case[],
): void {
  test.each(cases)("fails when $name", async ({ bad, expected }) => {
    const violations = await pack.checkAround(happy(), bad(happy()), opts);
    expect({ found: findings(violations), messages: summary(violations) }).toEqual({
      found: sorted(expected),
      messages: expect.any(Array),
    });
  });
  test.each(cases)("passes when $twinName", async ({ twin, twinSettings, expected }) => {
    // The resources the mutation's findings named are judged even where the twin leaves them
    // as the happy path has them.
    const focus = expected.flatMap(([, resource]) => (resource === null ? [] : [resource]));
    const violations = await pack.checkAll(happy(), twin(happy()), twinSettings ?? opts, focus);
    expect(summary(violations)).toEqual([]);
  });
}

/**
 * The policies whose findings are hardening that keeps data in place, as the tests expect them
 * (not read from the pack, so a policy moved in or out of the list fails a test).
 */
const hardening = ["customer-key-encryption", "cross-account-links"];

/**
 * Cases whose findings include hardening, written with the levels of a stack in standard posture
 * (hardening advisory), run twice: under standard posture as written, and under strict posture
 * with the hardening findings mandatory. Each twin passes under both.
 */
export function runCasesInBothPostures(
  pack: PackHandle,
  happy: () => Plan,
  opts: CheckOptions,
  cases: readonly Case[],
): void {
  for (const c of cases) {
    for (const [policy, , level] of c.expected) {
      if (hardening.includes(policy) && level !== "advisory") {
        throw new Error(
          `Case "${c.name}": write ${policy} findings at their standard level, advisory.`,
        );
      }
    }
  }
  describe("in standard posture", () => {
    runCases(pack, happy, { ...opts, posture: "standard" }, cases);
  });
  describe("in strict posture", () => {
    runCases(
      pack,
      happy,
      { ...opts, posture: "strict" },
      cases.map((c) => ({
        ...c,
        expected: c.expected.map(([policy, resource, level, path]): Finding => [
          policy,
          resource,
          hardening.includes(policy) ? "mandatory" : level,
          path,
        ]),
        twinSettings: c.twinSettings && { ...c.twinSettings, posture: "strict" },
      })),
    );
  });
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
