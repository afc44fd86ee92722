/**
 * Alibaba Cloud resource names in policy documents, as arn-locality reads them. An ACS name has
 * no partition: `acs:<service>:<region>:<account>:<resource>`. A `*` region scopes a statement to
 * every region — the form Alibaba Cloud's own bucket policies take, with the owner's account ID
 * (`acs:oss:*:<uid>:<bucket>/*`) — and names no place; a region names that place whatever the
 * account field holds (`acs:log:<region>:*:project/…`). Each case names a place abroad on the
 * Shanghai happy path and expects exactly the findings that follow, mandatory and with their whole
 * path; its twin passes every policy.
 */
import type { Plan } from "../../engine/plan";
import { namesAPlace } from "../../policy/paths/places";
import { add, fixturePlan, set } from "../helpers/policy-plan";
import { policyPack, runCases, shanghaiSettings } from "../helpers/policy-session";

type Props = Record<string, unknown>;

const pack = policyPack();
let happy: Plan;
beforeAll(async () => {
  happy = await fixturePlan("policy-alicloud", "cn");
});

test("an ACS name scopes by its region field, whatever its account field holds", () => {
  expect(namesAPlace("acs:oss:*:1234567890123456:sdc-telemetry/*")).toBe(false);
  expect(namesAPlace("acs:oss:*:*:sdc-telemetry/*")).toBe(false);
  expect(namesAPlace("acs:log:ap-southeast-1:*:project/audit")).toBe(true);
  expect(namesAPlace("acs:log:cn-shanghai:1234567890123456:project/audit")).toBe(true);
  expect(namesAPlace("acs:ram::1234567890123456:role/shipper")).toBe(true);
});

/**
 * The telemetry bucket's policy, its one statement granting (the fixture's denies, and a `Deny`
 * names no place: it only takes access away) on `resource`, from the stack's VPC alone.
 */
const bucketPolicyResource = (resource: string) =>
  set("telemetry-policy", (p) => {
    const doc = JSON.parse(p.policy as string) as { Statement: Props[] };
    doc.Statement[0].Effect = "Allow";
    doc.Statement[0].Condition = { StringEquals: { "acs:SourceVpc": ["vpc-telemetry"] } };
    doc.Statement[0].Resource = [resource];
    p.policy = JSON.stringify(doc);
  });

/** A RAM policy that lets its holder write into the log project `resource` names. */
const shipperPolicy = (resource: string) =>
  add("alicloud:ram/policy:Policy", "shipper", {
    policyName: "shipper",
    policyDocument: JSON.stringify({
      Version: "1",
      Statement: [{ Effect: "Allow", Action: ["log:PostLogStoreLogs"], Resource: [resource] }],
    }),
  });

runCases(pack, () => happy, shanghaiSettings, [
  {
    name: "the bucket policy names the bucket in Hong Kong",
    bad: bucketPolicyResource("acs:oss:cn-hongkong:1234567890123456:sdc-telemetry/*"),
    expected: [
      [
        "arn-locality",
        "telemetry-policy",
        "mandatory",
        [
          'oss bucket policy "telemetry-policy"',
          "acs:oss:cn-hongkong:1234567890123456:sdc-telemetry/* (outside CN, in HK)",
        ],
      ],
    ],
    twinName: "the bucket policy names the bucket in every region with the owner's account ID",
    twin: bucketPolicyResource("acs:oss:*:1234567890123456:sdc-telemetry/*"),
  },
  {
    name: "a RAM policy lets its holder write into a log project of any account in Singapore",
    bad: shipperPolicy("acs:log:ap-southeast-1:*:project/audit/*"),
    expected: [
      [
        "arn-locality",
        "shipper",
        "mandatory",
        ['ram policy "shipper"', "acs:log:ap-southeast-1:*:project/audit/* (outside CN, in SG)"],
      ],
    ],
    twinName: "the RAM policy names a log project of any account in Beijing",
    twin: shipperPolicy("acs:log:cn-beijing:*:project/audit/*"),
  },
]);
