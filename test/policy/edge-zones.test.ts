/**
 * A resource placed in an AWS Local or Wavelength Zone keeps its data in that zone's city, in
 * whatever country that is (residency/edge-zones.ts): arn-locality judges the zone by its
 * country, not by its parent region, and fails closed on one the catalog does not list.
 */
import type { Plan } from "../../engine/plan";
import { add, chinaAndOregonPlans, pipe } from "../helpers/policy-plan";
import { findings, policyPack } from "../helpers/policy-session";

const pack = policyPack();
let oregon: Plan;
beforeAll(async () => {
  ({ oregon } = await chinaAndOregonPlans());
});

const us = { jurisdiction: "US" };
const volume = (availabilityZone: string) =>
  add("aws:ebs/volume:Volume", "scratch", { availabilityZone, size: 100, encrypted: true });

/** The findings of the Oregon stack with the volume, less those it has without it. */
async function added(zone: string) {
  const before = new Set(findings(await pack.check(oregon, us)).map((f) => JSON.stringify(f)));
  return findings(await pack.check(pipe(volume(zone))(oregon), us)).filter(
    (f) => !before.has(JSON.stringify(f)) && f[0] === "arn-locality",
  );
}

test("a volume in the Buenos Aires Local Zone of us-east-1 leaves the US", async () => {
  expect(await added("us-east-1-bue-1a")).toEqual([
    [
      "arn-locality",
      "scratch",
      "mandatory",
      [
        'ebs volume "scratch"',
        "us-east-1-bue-1a (an AWS Local Zone in Buenos Aires, AR: outside US)",
      ],
    ],
  ]);
});

test("so does one named by the Local Zone's ID", async () => {
  expect((await added("use1-bue1-az1")).map((f) => f[3]?.[1])).toEqual([
    "use1-bue1-az1 (an AWS Local Zone in Buenos Aires, AR: outside US)",
  ]);
});

test("a Local Zone the catalog does not list cannot be placed", async () => {
  expect((await added("us-east-1-xyz-1a")).map((f) => f[3]?.[1])).toEqual([
    "us-east-1-xyz-1a (an AWS Local or Wavelength Zone the catalog does not list: its country cannot be checked)",
  ]);
});

test("twin: a volume in the Los Angeles Local Zone stays in the US", async () => {
  expect(await added("us-west-2-lax-1a")).toEqual([]);
});
