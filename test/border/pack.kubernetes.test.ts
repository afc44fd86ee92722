/**
 * Kubernetes pod egress through the real policy pack: a StatefulSet's pods with no egress
 * NetworkPolicy reach the NAT gateway through their cluster's node subnet; a default-deny egress
 * policy in the namespace closes the path.
 */
import type { PolicyPackSession } from "../../engine/analyzer";
import type { Plan } from "../../engine/plan";
import { borderViolations, evaluateFixtures, policy, startPack } from "./pack";

let session: PolicyPackSession;
let plans: Record<string, { crossing: Plan; sealed: Plan }>;

beforeAll(async () => {
  [session, plans] = await Promise.all([startPack(), evaluateFixtures(["kubernetes"])]);
}, 180_000);

afterAll(() => session?.close());

test("pod egress → node subnet → NAT → EIP fails with the whole path", async () => {
  const violations = await borderViolations(session, plans.kubernetes.crossing);
  expect(violations).toHaveLength(1);
  expect(violations[0]).toMatchObject({
    policy,
    level: "mandatory",
    resourceType: "kubernetes:apps/v1:StatefulSet",
    resourceName: "db",
    path: [
      'k8s statefulset "db"',
      "pod egress (no NetworkPolicy restricts its pods' egress)",
      'vswitch "nodes"',
      'egress rule "nodes-egress-any" (0.0.0.0/0)',
      'internet-bound traffic of vpc "core"',
      'route "core-default" (0.0.0.0/0)',
      'nat gateway "core-nat"',
      'eip association "core-nat-eip-binding"',
      'eip "core-nat-eip"',
      "public address",
      "the public internet",
    ],
  });
  expect(violations[0].message).toContain("Remove the internet exit");
});

test("a default-deny egress NetworkPolicy in the namespace passes", async () => {
  expect(await borderViolations(session, plans.kubernetes.sealed)).toEqual([]);
});
