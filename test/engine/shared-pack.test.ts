/**
 * A pack several sessions share (the jest worker's, or any long-lived one): a session that
 * attaches leaves the pack running when it closes, and the next session's config replaces the
 * last one's.
 */
import { PolicyPackSession } from "../../engine/analyzer";
import { packConfigFor, toViolations } from "../../engine/check";
import type { Plan } from "../../engine/plan";
import { fixturePlan } from "../helpers/policy-plan";
import { shanghaiSettings } from "../helpers/policy-session";
import type { WorkerServices } from "../support/environment";

const shared = (globalThis as { sovereignDcWorker?: WorkerServices }).sovereignDcWorker;

/** The mandatory violations of `plan` under the Shanghai fixture's settings in `jurisdiction`. */
async function mandatory(session: PolicyPackSession, plan: Plan, jurisdiction: string) {
  const egressAllowlist = shanghaiSettings.egressAllowlist ?? [];
  await session.configure(packConfigFor({ jurisdiction, egressAllowlist, waivers: [] }));
  return toViolations(await session.analyzePlan(plan), plan).filter((v) => v.level === "mandatory");
}

test("closing an attached session leaves the shared pack serving the next one", async () => {
  expect(shared).toBeDefined();
  // The Alibaba happy path: a Shanghai data center that replicates only to Beijing.
  const plan = await fixturePlan("policy-alicloud", "cn");
  const pack = shared!.pack();

  const first = await PolicyPackSession.attach(pack);
  const asChina = await mandatory(first, plan, "CN");
  first.close();
  expect(pack.child.killed).toBe(false);
  expect(pack.child.exitCode).toBeNull();

  const second = await PolicyPackSession.attach(pack);
  const asUs = await mandatory(second, plan, "US");
  second.close();
  expect(asChina).toEqual([]);
  // Judged against the second session's jurisdiction, every Chinese region is foreign.
  expect(asUs.map((v) => v.policy)).toContain("resource-placement");
});
