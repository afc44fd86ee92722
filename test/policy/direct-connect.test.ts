/**
 * A Direct Connect connection lands at a colocation facility named by a location code that
 * carries no country (residency/direct-connect.ts): remote-sites places it by the country the
 * stack declares for the location (`sovereign-dc:directConnectLocations`), and a location the
 * stack does not declare cannot be placed. Found by the networks bench: every connection failed
 * closed, in any country, with a waiver as the only way through.
 */
import type { Plan } from "../../engine/plan";
import { add, chinaAndOregonPlans, pipe } from "../helpers/policy-plan";
import { type CheckOptions, findings, policyPack } from "../helpers/policy-session";

const pack = policyPack();
let oregon: Plan;
beforeAll(async () => {
  ({ oregon } = await chinaAndOregonPlans());
});

const us: CheckOptions = { jurisdiction: "US" };
const declared: CheckOptions = {
  ...us,
  directConnectLocations: [
    { location: "EqDC2", country: "US" },
    { location: "EqFA5", country: "DE" },
  ],
};

const connection = (location: string) =>
  add("aws:directconnect/connection:Connection", "dx", { bandwidth: "1Gbps", location });
const lag = (location: string) =>
  add("aws:directconnect/linkAggregationGroup:LinkAggregationGroup", "lag", {
    connectionsBandwidth: "10Gbps",
    location,
  });

/** The findings the Oregon stack has with `change` and not without it. */
async function added(change: (p: Plan) => Plan, opts: CheckOptions) {
  const before = new Set(findings(await pack.check(oregon, opts)).map((f) => JSON.stringify(f)));
  return findings(await pack.check(pipe(change)(oregon), opts)).filter(
    (f) => !before.has(JSON.stringify(f)),
  );
}

test("a connection at a location the stack does not declare cannot be placed", async () => {
  expect(await added(connection("EqDC2"), us)).toEqual([
    [
      "remote-sites",
      "dx",
      "mandatory",
      ["us-west-2 (inside US)", 'directconnect connection "dx"', '"EqDC2" (cannot be placed)'],
    ],
  ]);
});

test("twin: the same connection passes once the stack declares its location in the US, whatever the case of the code", async () => {
  expect(await added(connection("EqDC2"), declared)).toEqual([]);
  expect(await added(connection("eqdc2"), declared)).toEqual([]);
  expect(await added(lag("EqDC2"), declared)).toEqual([]);
});

test("a connection or a link aggregation group at a location declared in Germany leaves the US", async () => {
  const abroad = '"EqFA5" (a Direct Connect location the stack declares in DE: outside US)';
  expect(await added(connection("EqFA5"), declared)).toEqual([
    [
      "remote-sites",
      "dx",
      "mandatory",
      ["us-west-2 (inside US)", 'directconnect connection "dx"', abroad],
    ],
  ]);
  expect(await added(lag("EqFA5"), declared)).toEqual([
    [
      "remote-sites",
      "lag",
      "mandatory",
      ["us-west-2 (inside US)", 'directconnect link aggregation group "lag"', abroad],
    ],
  ]);
});

test("the finding says which key declares a location", async () => {
  const session = await pack.check(pipe(connection("EqDC2"))(oregon), us);
  const message =
    session.find((v) => v.policy === "remote-sites" && v.resourceName === "dx")?.message ?? "";
  expect(message).toContain(
    '"EqDC2", a Direct Connect location whose country the stack does not declare (sovereign-dc:directConnectLocations), so it cannot be placed',
  );
});
