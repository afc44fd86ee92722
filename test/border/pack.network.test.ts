/**
 * Multi-hop network paths through the real policy pack: CEN, peering chains, VPN and a transit
 * router. Each crossing fixture must fail; its twin must pass. Every finding of the pack is
 * pinned, not only the border analysis's. One crossing, one finding: where the link that crosses
 * names its far end (a CEN attachment's or a peering's region, a customer gateway's address), the
 * link's own policy reports it and the border analysis, which still finds the whole path, leaves
 * it to that policy; a transit router's VPC attachment names no region, so only the border
 * analysis sees that crossing. (The NAT fixture is in pack.egress.test.ts.)
 */
import type { PolicyPackSession } from "../../engine/analyzer";
import { packConfigFor } from "../../engine/check";
import type { Plan } from "../../engine/plan";
import { fromPlan } from "../../policy/paths";
import { analyzeGraph, edgeText, explainedBy, typeRows } from "../../policy/paths/graph";
import { byType } from "../../policy/paths/types";
import { type Finding, findings, sorted } from "../helpers/policy-session";
import {
  borderViolations,
  cnSettings,
  evaluateFixtures,
  noCustomerKey,
  plantAllowlist,
  policy,
  startPack,
} from "./pack";

let session: PolicyPackSession;
let plans: Record<string, { crossing: Plan; sealed: Plan }>;

beforeAll(async () => {
  [session, plans] = await Promise.all([
    startPack(),
    evaluateFixtures(["cen", "peering", "vpn", "transit-router"]),
  ]);
}, 180_000);

afterAll(() => session?.close());

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const pinned = ['oss bucket "records"', 'readable from "records-policy" (only from this network)'];

/** The far VPC of `cen` and `transit-router` and the provider it is created through. */
const farPlacement: Finding[] = [
  [
    "resource-placement",
    "far",
    "mandatory",
    ['alicloud provider "far"', "cn-hongkong (outside CN, in HK)"],
  ],
  ["resource-placement", "far", "mandatory", ['vpc "far"', "cn-hongkong (outside CN, in HK)"]],
];
const transitRouterPath = [
  ...pinned,
  'vpc "home"',
  'attachment "home-attachment"',
  'transit router "router"',
  'attachment "far-attachment"',
  'vpc "far"',
  "placed in",
  "cn-hongkong (outside CN, in HK)",
];

/**
 * The crossing's own policy reports it, and the border analysis still draws the whole path to
 * it — that policy explains the path's crossing, so no-path-out-of-jurisdiction does not report
 * it a second time.
 */
test.each<[string, string, string[], Finding[]]>([
  [
    "cen",
    'cen attachment "far-attachment"',
    [
      ...pinned,
      'vpc "home"',
      'cen attachment "home-attachment"',
      'cen "backbone"',
      'cen attachment "far-attachment"',
      'vpc "far"',
      "placed in",
      "cn-hongkong (outside CN, in HK)",
    ],
    [
      ...farPlacement,
      [
        "network-links",
        "far-attachment",
        "mandatory",
        [
          "cn-shanghai (inside CN)",
          'cen instance attachment "far-attachment"',
          "cn-hongkong (outside CN, in HK)",
        ],
      ],
    ],
  ],
  [
    "peering",
    'peering "b-partner"',
    [
      ...pinned,
      'vpc "a"',
      'peering "a-b"',
      'vpc "b"',
      'peering "b-partner"',
      "cn-hongkong (outside CN, in HK)",
    ],
    [
      [
        "network-links",
        "b-partner",
        "mandatory",
        ["cn-beijing (inside CN)", 'vpc peering "b-partner"', "cn-hongkong (outside CN, in HK)"],
      ],
    ],
  ],
  [
    "vpn",
    "public address (198.51.100.7)",
    [
      ...pinned,
      'vpc "core"',
      "attachment",
      'vpn gateway "core-vpn"',
      'ipsec connection "plant-tunnel"',
      'customer gateway "plant"',
      "public address (198.51.100.7)",
      "the public internet",
    ],
    [
      [
        "remote-sites",
        "plant",
        "mandatory",
        [
          "cn-shanghai (inside CN)",
          'customer gateway "plant"',
          '"198.51.100.7" (cannot be placed)',
        ],
      ],
    ],
  ],
])(
  "%s: fails with the crossing link's own finding, not a second one for the path",
  async (name, crossing, path, others) => {
    const violations = await borderViolations(session, plans[name].crossing);
    expect(findings(violations)).toEqual(sorted([noCustomerKey("records"), ...others]));
    // Each case lists the crossing link's own finding last.
    const [owner] = others[others.length - 1];
    const { graph, analysis } = analyzeGraph(
      fromPlan(plans[name].crossing),
      "CN",
      { egressAllowlist: plantAllowlist },
      typeRows(byType),
    );
    expect(
      analysis.paths.map((p) => ({
        hops: p.hops,
        crossing: edgeText(p.crossing),
        explainedBy: explainedBy(p, graph),
      })),
    ).toEqual([{ hops: path, crossing, explainedBy: owner }]);
  },
);

test.each<[string, string, string[], Finding[]]>([
  [
    "transit-router",
    'attachment "far-attachment"',
    transitRouterPath,
    [
      ...farPlacement,
      [
        "resource-placement",
        "far-a",
        "mandatory",
        ['vswitch "far-a"', "cn-hongkong (outside CN, in HK)"],
      ],
      // The attachment itself names the far VPC's zone, which lies in Hong Kong.
      [
        "arn-locality",
        "far-attachment",
        "mandatory",
        ['cen transit router vpc attachment "far-attachment"', "cn-hongkong-b (outside CN, in HK)"],
      ],
    ],
  ],
])("%s: fails with the whole path out of CN", async (name, crossing, path, others) => {
  const violations = await borderViolations(session, plans[name].crossing);
  expect(findings(violations)).toEqual(
    sorted([[policy, "records", "mandatory", path], noCustomerKey("records"), ...others]),
  );
  const [v] = violations.filter((x) => x.policy === policy);
  expect(v.resourceType).toBe("alicloud:oss/bucket:Bucket");
  expect(v.message).toMatch(
    new RegExp(
      `^oss bucket "records" must not be able to send data outside CN, but it reaches .+ in ${(path.length - 1) / 2} hops; it crosses the border (?:at |into .+? \\()${escape(crossing)}\\)?\\. `,
    ),
  );
});

test.each<[string, Finding[]]>([
  ["cen", []],
  // Its providers are pinned to the account both peerings name: no cross-account finding.
  ["peering", []],
  ["vpn", []],
  ["transit-router", []],
])("%s: the in-jurisdiction twin passes", async (name, others) => {
  expect(findings(await borderViolations(session, plans[name].sealed))).toEqual(
    sorted([noCustomerKey("records"), ...others]),
  );
});

test("a waiver for the bucket silences its path, and only its path", async () => {
  await session.configure(
    packConfigFor({
      ...cnSettings,
      waivers: [
        { policy, resource: "records", reason: "Partner VPC under review", expires: "2999-12-31" },
      ],
    }),
  );
  const everyOther = sorted([
    ...farPlacement,
    [
      "resource-placement",
      "far-a",
      "mandatory",
      ['vswitch "far-a"', "cn-hongkong (outside CN, in HK)"],
    ],
    [
      "arn-locality",
      "far-attachment",
      "mandatory",
      ['cen transit router vpc attachment "far-attachment"', "cn-hongkong-b (outside CN, in HK)"],
    ],
    noCustomerKey("records"),
  ]);
  try {
    const waived = await borderViolations(session, plans["transit-router"].crossing);
    expect(findings(waived)).toEqual(everyOther);
  } finally {
    await session.configure(packConfigFor(cnSettings));
  }
  const unwaived = await borderViolations(session, plans["transit-router"].crossing);
  expect(findings(unwaived)).toEqual(
    sorted([...everyOther, [policy, "records", "mandatory", transitRouterPath]]),
  );
});
