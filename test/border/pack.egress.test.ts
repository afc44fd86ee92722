/**
 * Internet egress through the real policy pack: a pinned bucket's VPC with an open security
 * group rule, a default route to a NAT gateway and its EIP. The crossing fixture must fail with
 * the whole path; its twin, whose egress is bounded, must have no path. Every finding of the pack
 * is pinned, not only the border analysis's.
 */
import type { PolicyPackSession } from "../../engine/analyzer";
import type { Plan } from "../../engine/plan";
import { type Finding, findings, sorted } from "../helpers/policy-session";
import { borderViolations, evaluateFixtures, noCustomerKey, policy, startPack } from "./pack";

let session: PolicyPackSession;
let plans: Record<string, { crossing: Plan; sealed: Plan }>;

beforeAll(async () => {
  [session, plans] = await Promise.all([startPack(), evaluateFixtures(["nat"])]);
}, 180_000);

afterAll(() => session?.close());

/** The internet exit itself, present in both twins: the twin bounds egress, it keeps the NAT. */
const internetExit: Finding[] = [
  [
    "internet-egress",
    "core-nat",
    "mandatory",
    ['nat gateway "core-nat"', "the internet (any country)"],
  ],
  [
    "internet-egress",
    "core-nat-eip",
    "mandatory",
    ['eip "core-nat-eip"', "the internet (any country)"],
  ],
  [
    "internet-egress",
    "core-nat-eip-binding",
    "mandatory",
    ['ecs eip association "core-nat-eip-binding"', "the internet (any country)"],
  ],
  [
    "internet-egress",
    "core-default",
    "mandatory",
    ['route "core-default"', "the internet (any country)"],
  ],
];

test("nat: fails with the whole path out of CN", async () => {
  const path = [
    'oss bucket "records"',
    'readable from "records-policy" (only from this network)',
    'vpc "core"',
    'egress rule "core-egress-any" (0.0.0.0/0)',
    'internet-bound traffic of vpc "core"',
    'route "core-default" (0.0.0.0/0)',
    'nat gateway "core-nat"',
    'eip association "core-nat-eip-binding"',
    'eip "core-nat-eip"',
    "public address",
    "the public internet",
  ];
  const violations = await borderViolations(session, plans.nat.crossing);
  expect(findings(violations)).toEqual(
    sorted([
      ...internetExit,
      [
        "egress-rules",
        "core-egress-any",
        "mandatory",
        [
          'security group rule "core-egress-any"',
          "0.0.0.0/0 (all protocols and ports): every address, in any country",
        ],
      ],
      noCustomerKey("records"),
      [policy, "records", "mandatory", path],
    ]),
  );
  const [v] = violations.filter((x) => x.policy === policy);
  expect(v.resourceType).toBe("alicloud:oss/bucket:Bucket");
  expect(v.message).toMatch(
    /^oss bucket "records" must not be able to send data outside CN, but it reaches the public internet in 5 hops; it crosses the border at public address\. /,
  );
});

test("nat: the twin with bounded egress has no path", async () => {
  expect(findings(await borderViolations(session, plans.nat.sealed))).toEqual(
    sorted([...internetExit, noCustomerKey("records")]),
  );
});
