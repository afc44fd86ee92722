/**
 * Multi-hop network paths through the real policy pack: CEN, peering chains, NAT with an EIP
 * and VPN. Each crossing fixture must fail with the whole path; its twin must pass.
 */
import type { PolicyPackSession } from "../../engine/analyzer";
import type { Plan } from "../../engine/plan";
import { borderViolations, evaluateFixtures, policy, startPack } from "./pack";

let session: PolicyPackSession;
let plans: Record<string, { crossing: Plan; sealed: Plan }>;

beforeAll(async () => {
  [session, plans] = await Promise.all([
    startPack(),
    evaluateFixtures(["cen", "peering", "nat", "vpn"]),
  ]);
}, 180_000);

afterAll(() => session?.close());

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const pinned = ['oss bucket "records"', 'readable from "records-policy" (only from this network)'];

test.each([
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
      "cn-hongkong (outside CN)",
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
      "cn-hongkong (outside CN)",
    ],
  ],
  [
    "nat",
    "public address",
    [
      ...pinned,
      'vpc "core"',
      'egress rule "core-egress-any" (0.0.0.0/0)',
      'internet-bound traffic of vpc "core"',
      'route "core-default" (0.0.0.0/0)',
      'nat gateway "core-nat"',
      'eip association "core-nat-eip-binding"',
      'eip "core-nat-eip"',
      "public address",
      "the public internet",
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
  ],
])("%s: fails with the whole path out of CN", async (name, crossing, path) => {
  const violations = await borderViolations(session, plans[name].crossing);
  expect(violations).toHaveLength(1);
  const [v] = violations;
  expect(v).toMatchObject({
    policy,
    level: "mandatory",
    resourceType: "alicloud:oss/bucket:Bucket",
    resourceName: "records",
    path,
  });
  expect(v.message).toMatch(
    new RegExp(
      `^oss bucket "records" must not be able to send data outside CN, but it reaches .+ in ${(path.length - 1) / 2} hops; it crosses the border at ${escape(crossing)}\\. `,
    ),
  );
});

test.each(["cen", "peering", "nat", "vpn"])("%s: the in-jurisdiction twin passes", async (name) => {
  expect(await borderViolations(session, plans[name].sealed)).toEqual([]);
});

test("a waiver for the bucket silences its path, and only its path", async () => {
  const { packConfigFor } = await import("../../engine/check");
  const { cnSettings } = await import("./pack");
  await session.configure(
    packConfigFor({
      ...cnSettings,
      waivers: [
        { policy, resource: "records", reason: "Partner VPC under review", expires: "2999-12-31" },
      ],
    }),
  );
  try {
    expect(await borderViolations(session, plans.peering.crossing)).toEqual([]);
  } finally {
    await session.configure(packConfigFor(cnSettings));
  }
  const unwaived = await borderViolations(session, plans.peering.crossing);
  expect(unwaived.map((v) => [v.resourceName, v.level, v.path])).toEqual([
    [
      "records",
      "mandatory",
      [
        ...pinned,
        'vpc "a"',
        'peering "a-b"',
        'vpc "b"',
        'peering "b-partner"',
        "cn-hongkong (outside CN)",
      ],
    ],
  ]);
});
