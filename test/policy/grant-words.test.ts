/**
 * What a cross-account grant says it does. A Lambda permission's sourceAccount or sourceArn binds
 * the service principal it names to another account's resources: the finding says so, and does
 * not claim the account itself was granted access, as a principal naming the account is.
 */
import type { Plan } from "../../engine/plan";
import { add, fixturePlan } from "../helpers/policy-plan";
import { oregonSettings, policyPack } from "../helpers/policy-session";

const pack = policyPack();
let oregon: Plan;
beforeAll(async () => {
  oregon = await fixturePlan("policy-aws", "us");
});

const other = "999988887777";

/** cross-account-links' messages on a Lambda permission with `props`. */
async function said(props: Record<string, unknown>): Promise<string[]> {
  const plan = add("aws:lambda/permission:Permission", "invoke", {
    action: "lambda:InvokeFunction",
    function: "records",
    ...props,
  })(oregon);
  return (await pack.check(plan, oregonSettings))
    .filter((v) => v.policy === "cross-account-links" && v.resourceName === "invoke")
    .map((v) => v.message.split(". ")[0]);
}

test("a source account binds the service to that account's resources; a principal grants the account", async () => {
  expect(await said({ principal: "s3.amazonaws.com", sourceAccount: other })).toEqual([
    `lambda permission "invoke" must grant access only to the stack's own account, but sourceAccount lets the service invoke the function for the resources of account ${other} (not this stack's account 111122223333)`,
  ]);
  expect(await said({ principal: other })).toEqual([
    `lambda permission "invoke" must grant access only to the stack's own account, but principal grants access to account ${other} (not this stack's account 111122223333)`,
  ]);
});
