/**
 * A security group that admits one address of a machine: the program's own instance's or network
 * interface's private address lies in the block of the subnet it is launched in (the default
 * VPC's, 172.31.0.0/16, with no subnet), so a rule admitting it, or sending to it, stays inside
 * the VPC. An address the pack cannot bound — a public one (an Elastic IP's, an instance's
 * public IP), one in a subnet numbered in public space, or of a subnet a lookup finds, or another
 * stack's output — still fails closed.
 */
import type { Plan } from "../../engine/plan";
import { fixturePlan } from "../helpers/policy-plan";
import { type Finding, findings, policyPack, sorted } from "../helpers/policy-session";

const pack = policyPack();
let plan: Plan;
beforeAll(async () => {
  plan = await fixturePlan("aws-instance-addresses", "us");
});

/** The findings about group `name` (each fixture group admits SSH from, and sends HTTPS to, one address). */
const judged = async (name: string) =>
  findings(await pack.check(plan, { jurisdiction: "US" })).filter(([, r]) => r === name);

/** What a group whose one address is not known before deployment is failed for. */
const undecided = (name: string): Finding[] =>
  sorted([
    [
      "egress-rules",
      name,
      "mandatory",
      [`security group "${name}"`, "egress[0].cidrBlocks[0] (unknown at preview)"],
    ],
    ["public-exposure", name, "mandatory", ["the internet", `security group "${name}"`]],
  ]);

test.each([
  ["from-bastion", "an instance's private address, in a private subnet of the program"],
  ["from-defaulted", "an instance's private address, in the default VPC"],
  ["from-probe", "a network interface's private address, in a private subnet of the program"],
])("passes a group %s admitting %s", async (name) => {
  expect(await judged(name)).toEqual([]);
});

test.each([
  ["from-bastion-public", "the same instance's public address"],
  ["from-address", "an Elastic IP's address"],
  ["from-stray", "an instance's private address in a subnet numbered in public space"],
  ["from-shared", "an instance's private address in a subnet a lookup finds"],
  ["from-peers", "another stack's output"],
])("fails a group %s admitting %s, which cannot be bounded before deployment", async (name) => {
  expect(await judged(name)).toEqual(undecided(name));
});

test("says an address not known at preview may admit the internet", async () => {
  const v = (await pack.check(plan, { jurisdiction: "US" })).find(
    (f) => f.policy === "public-exposure" && f.resourceName === "from-address",
  );
  expect(v?.message).toContain(
    "ingress[0].cidrBlocks[0] is not known at preview, so whether it admits the internet cannot be decided",
  );
});
