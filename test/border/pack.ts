/**
 * The border fixtures run the way the Pulumi CLI runs them: each fixture program is evaluated by
 * the offline engine in a child process, and its plan goes through the real policy pack over the
 * analyzer protocol — one pack session per test file, configured like a CN stack whose egress
 * allowlist holds the Shanghai plant's VPN endpoint.
 */
import * as path from "node:path";
import type { PolicyPackSession } from "../../engine/analyzer";
import { packConfigFor, toViolations, type Violation } from "../../engine/check";
import type { Plan } from "../../engine/plan";
import type { Finding } from "../helpers/policy-session";
import { evaluateMany, packSession } from "../helpers/worker";

export const policy = "no-path-out-of-jurisdiction";

export const plantAllowlist = [
  {
    cidr: "203.0.113.0/24",
    ports: [500, 4500],
    protocol: "udp",
    reason: "IPsec endpoint of the Shanghai plant",
  },
];

export const cnSettings = { jurisdiction: "CN", egressAllowlist: plantAllowlist, waivers: [] };

const fixtures = path.resolve(__dirname, "..", "fixtures", "border");

/** Every border fixture (test/fixtures/border/<name>), each a crossing and its sealed twin. */
export const borderFixtures = [
  "replication",
  "foreign-key",
  "cen",
  "peering",
  "nat",
  "vpn",
  "kubernetes",
  "transit-router",
] as const;

/** Evaluates the `crossing` and `sealed` stacks of each fixture, in one engine process. */
export async function evaluateFixtures(
  names: readonly string[],
): Promise<Record<string, { crossing: Plan; sealed: Plan }>> {
  const runs = names.flatMap((name) =>
    (["crossing", "sealed"] as const).map((stack) => ({ name, stack })),
  );
  const plans = await evaluateMany(
    runs.map(({ name, stack }) => ({ projectDir: path.join(fixtures, name), stack })),
  );
  const out: Record<string, { crossing: Plan; sealed: Plan }> = {};
  runs.forEach(({ name, stack }, i) => {
    const plan = plans[i];
    if (plan instanceof Error) {
      throw new Error(`fixture ${name}/${stack} failed to evaluate: ${plan.message}`);
    }
    out[name] = { ...out[name], [stack]: plan };
  });
  return out;
}

/** Starts the pack and configures it for a CN stack. */
export async function startPack(): Promise<PolicyPackSession> {
  const session = await packSession();
  await session.configure(packConfigFor(cnSettings));
  return session;
}

/**
 * Every residency finding of a plan, not only the border policy's: the fixtures pin the whole
 * pack's answer, so a later change that moves a finding from one policy to another (issue 11,
 * "one crossing, one finding") is an explicit diff of the test that sees it.
 */
export async function borderViolations(
  session: PolicyPackSession,
  plan: Plan,
): Promise<Violation[]> {
  const diagnostics = await session.analyzePlan(plan);
  return toViolations(diagnostics, plan);
}

/**
 * The unencrypted bucket's customer-key-encryption finding: hardening without a path, advisory
 * in standard posture.
 */
/** Where a store's path ends when no key of the program's encrypts it. */
export const keyless = "no customer-managed key (unencrypted, or a key the provider holds)";

/** The advisory finding of a store without a customer-managed key (an OSS bucket unless said). */
export const noCustomerKey = (name: string, kind = "oss bucket"): Finding => [
  "customer-key-encryption",
  name,
  "advisory",
  [`${kind} ${JSON.stringify(name)}`, keyless],
];
