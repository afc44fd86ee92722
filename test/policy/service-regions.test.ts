/**
 * Resources a service creates in a region of its own choosing when an input is unset, whatever
 * the provider's region (residency/placement.ts `serviceDefaultRegions`): resource-placement
 * judges the default region, and arn-locality the region the input names when it is set — one
 * finding either way.
 */
import type { Plan } from "../../engine/plan";
import { add, chinaAndOregonPlans, pipe } from "../helpers/policy-plan";
import { findings, policyPack } from "../helpers/policy-session";

const pack = policyPack();
let china: Plan;
let oregon: Plan;
beforeAll(async () => {
  ({ china, oregon } = await chinaAndOregonPlans());
});

const connector = (props: Record<string, unknown>) =>
  add("aws:chime/voiceConnector:VoiceConnector", "calls", { requireEncryption: true, ...props });

test("a Chime Voice Connector without awsRegion is created in us-east-1, outside CN", async () => {
  const violations = await pack.check(pipe(connector({}))(china), { jurisdiction: "CN" });
  expect(findings(violations)).toEqual([
    [
      "resource-placement",
      "calls",
      "mandatory",
      ['chime voice connector "calls"', "us-east-1 (outside CN, in US)"],
    ],
  ]);
  expect(violations.find((v) => v.resourceName === "calls")?.message).toBe(
    'chime voice connector "calls" must be created in a region inside CN, but awsRegion is not set, and the service then creates it in us-east-1 (outside CN, in US), whatever the provider\'s region. Set awsRegion to a region inside CN.',
  );
});

test("a Chime Voice Connector in a region awsRegion names outside is arn-locality's finding alone", async () => {
  const violations = await pack.check(pipe(connector({ awsRegion: "us-west-2" }))(china), {
    jurisdiction: "CN",
  });
  expect(findings(violations)).toEqual([
    [
      "arn-locality",
      "calls",
      "mandatory",
      ['chime voice connector "calls"', "us-west-2 (outside CN, in US)"],
    ],
  ]);
});

test("twin: the same connector without awsRegion adds nothing to a US stack's findings", async () => {
  const us = { jurisdiction: "US" };
  const before = findings(await pack.check(oregon, us));
  expect(findings(await pack.check(pipe(connector({}))(oregon), us))).toEqual(before);
});
