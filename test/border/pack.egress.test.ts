/**
 * Internet egress through the real policy pack: a pinned bucket's VPC with an open security
 * group rule, a default route to a NAT gateway and its EIP. The crossing fixture must fail; its
 * twin, whose egress is bounded, must have no path. Every finding of the pack is pinned, not only
 * the border analysis's. One crossing, one finding: the border analysis still finds the whole
 * path, but it leaves the EIP's edge to the internet, where the path crosses, to internet-egress,
 * which reports the route, the NAT gateway, the EIP and its association.
 */
import type { PolicyPackSession } from "../../engine/analyzer";
import type { Plan } from "../../engine/plan";
import { fromPlan } from "../../policy/paths";
import { analyzeWithGraph } from "../../policy/paths/analyze";
import { edgeText, explainedBy } from "../../policy/paths/graph";
import { type Finding, findings, sorted } from "../helpers/policy-session";
import {
  borderViolations,
  evaluateFixtures,
  noCustomerKey,
  plantAllowlist,
  policy,
  startPack,
} from "./pack";

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
    "core-default",
    "mandatory",
    [
      'internet-bound traffic of vpc "core"',
      'route "core-default"',
      'nat gateway "core-nat"',
      'ecs eip association "core-nat-eip-binding"',
      'eip "core-nat-eip"',
      "the internet (any country)",
    ],
  ],
];

/** The border analysis's paths of a plan, with each crossing and the policy that reports it. */
function paths(plan: Plan) {
  const { graph, analysis } = analyzeWithGraph(fromPlan(plan), "CN", {
    egressAllowlist: plantAllowlist,
  });
  return analysis.paths.map((p) => ({
    hops: p.hops,
    crossing: edgeText(p.crossing),
    explainedBy: explainedBy(p, graph),
  }));
}

test("nat: fails with internet-egress's findings on the chain, not a second one for the path", async () => {
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
    ]),
  );
  expect(violations.filter((x) => x.policy === policy)).toEqual([]);
  // The path is still the border analysis's; internet-egress reports where it crosses.
  expect(paths(plans.nat.crossing)).toEqual([
    { hops: path, crossing: "public address", explainedBy: "internet-egress" },
  ]);
});

test("nat: the twin with bounded egress has no path", async () => {
  expect(findings(await borderViolations(session, plans.nat.sealed))).toEqual(
    sorted([...internetExit, noCustomerKey("records")]),
  );
  expect(paths(plans.nat.sealed)).toEqual([]);
});
