/**
 * Kubernetes pod egress through the real policy pack: a StatefulSet's pods with no egress
 * NetworkPolicy reach their cluster's node VPC, which a transit router joins with a VPC in Hong
 * Kong; a default-deny egress policy in the namespace closes the path (and settles the
 * namespace's own finding). Every finding of the pack is pinned, not only the border analysis's:
 * the far VPC's placement findings are in both twins.
 */
import type { PolicyPackSession } from "../../engine/analyzer";
import type { Plan } from "../../engine/plan";
import { type Finding, findings, sorted } from "../helpers/policy-session";
import { borderViolations, evaluateFixtures, policy, startPack } from "./pack";

let session: PolicyPackSession;
let plans: Record<string, { crossing: Plan; sealed: Plan }>;

beforeAll(async () => {
  [session, plans] = await Promise.all([startPack(), evaluateFixtures(["kubernetes"])]);
}, 180_000);

afterAll(() => session?.close());

const farPlacement: Finding[] = [
  [
    "resource-placement",
    "far",
    "mandatory",
    ['alicloud provider "far"', "cn-hongkong (outside CN, in HK)"],
  ],
  ["resource-placement", "far", "mandatory", ['vpc "far"', "cn-hongkong (outside CN, in HK)"]],
  [
    "resource-placement",
    "far-a",
    "mandatory",
    ['vswitch "far-a"', "cn-hongkong (outside CN, in HK)"],
  ],
  // The attachment, created in Shanghai, names the far VPC's zone in Hong Kong.
  [
    "arn-locality",
    "far-attachment",
    "mandatory",
    ['cen transit router vpc attachment "far-attachment"', "cn-hongkong-b (outside CN, in HK)"],
  ],
];

test("pod egress → node subnet → transit router → a VPC in Hong Kong fails with the whole path", async () => {
  const violations = await borderViolations(session, plans.kubernetes.crossing);
  expect(findings(violations)).toEqual(
    sorted([
      ...farPlacement,
      [
        "kubernetes-namespace-egress",
        "app",
        "mandatory",
        [
          'k8s namespace "app"',
          "pod egress (no default-deny NetworkPolicy)",
          "every address (any country)",
        ],
      ],
      [
        policy,
        "db",
        "mandatory",
        [
          'k8s statefulset "db"',
          "pod egress (no NetworkPolicy restricts its pods' egress)",
          'vswitch "nodes"',
          "subnet",
          'vpc "core"',
          'attachment "core-attachment"',
          'transit router "router"',
          'attachment "far-attachment"',
          'vpc "far"',
          "placed in",
          "cn-hongkong (outside CN, in HK)",
        ],
      ],
    ]),
  );
  const [v] = violations.filter((x) => x.policy === policy);
  expect(v.resourceType).toBe("kubernetes:apps/v1:StatefulSet");
  expect(v.message).toBe(
    'k8s statefulset "db" must not be able to send data outside CN, but it reaches cn-hongkong (outside CN, in HK) in 5 hops; it crosses the border into vpc "far" (attachment "far-attachment"). Connect only networks and endpoints located inside CN.',
  );
});

test("a default-deny egress NetworkPolicy in the namespace passes", async () => {
  expect(findings(await borderViolations(session, plans.kubernetes.sealed))).toEqual(
    sorted(farPlacement),
  );
});
