/**
 * A value not known at preview, as the pack judges it through @pulumi/policy's own runtime. By
 * default (`unknownAtPreview: defer`) a resource policy that cannot decide a resource for such a
 * value is skipped for it with the runtime's advisory note, which quotes the finding: `pulumi up`
 * runs the policy again on the known inputs before it creates the resource, where the same
 * document, now known, passes or fails at the policy's level. With `fail` the finding is
 * reported at the policy's level, so the preview fails. A finding that holds whatever the value
 * is, and every stack policy's, is reported either way.
 */
import type { Plan } from "../../engine/plan";
import { judgedAtUpdate } from "../../policy/framework";
import { add, fixturePlan, pipe, unknown } from "../helpers/policy-plan";
import {
  type CheckOptions,
  findings,
  oregonSettings,
  policyPack,
  summary,
} from "../helpers/policy-session";

const pack = policyPack();
let aws: Plan;
beforeAll(async () => {
  aws = await fixturePlan("policy-aws", "us");
});

const label = 's3 bucket policy "site-policy"';
const account = "111122223333";

/** The happy path with a bucket policy "site-policy" on the bucket "site" whose document is `policy`. */
const withPolicy = (policy: unknown) =>
  add("aws:s3/bucketPolicy:BucketPolicy", "site-policy", { bucket: "site", policy });

const statement = (principal: unknown) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: principal,
        Action: "s3:GetObject",
        Resource: "arn:aws:s3:::site/*",
      },
    ],
  });

const defer: CheckOptions = { ...oregonSettings, unknownAtPreview: "defer" };
const fail: CheckOptions = { ...oregonSettings, unknownAtPreview: "fail" };

async function judged(change: (plan: Plan) => Plan, opts: CheckOptions) {
  const violations = await pack.checkAround(aws, change(aws), opts);
  return { violations, found: findings(violations), messages: summary(violations) };
}

describe("a bucket policy whose document is not known at preview", () => {
  test("is deferred to pulumi up by default: one advisory note that quotes the finding", async () => {
    const { violations, found } = await judged(withPolicy(unknown), defer);
    expect(found).toEqual([
      ["public-exposure", "site-policy", "advisory", ["the internet", label]],
    ]);
    expect(violations[0]).toMatchObject({
      deferred: true,
      message: `${label} must not be reachable from the internet, but policy is not known at preview, so whether it is public cannot be decided. Allow only principals of this account, or bind the statement to the VPC endpoint (aws:SourceVpce). ${judgedAtUpdate}`,
    });
  });

  test("fails the preview at the policy's level when the pack config says fail", async () => {
    const { violations, found } = await judged(withPolicy(unknown), fail);
    expect(found).toEqual([
      ["public-exposure", "site-policy", "mandatory", ["the internet", label]],
    ]);
    expect(violations[0].deferred).toBeUndefined();
  });

  test("once known, as pulumi up judges it, a public document fails at the policy's level", async () => {
    const { found, messages } = await judged(withPolicy(statement("*")), defer);
    expect({ found, messages }).toEqual({
      found: [["public-exposure", "site-policy", "mandatory", ["the internet", label]]],
      messages: [expect.stringContaining('policy.Statement[0] allows Principal "*"')],
    });
  });

  test("twin: once known, a document for the stack's own account passes", async () => {
    const { found } = await judged(
      withPolicy(statement({ AWS: `arn:aws:iam::${account}:root` })),
      defer,
    );
    expect(found).toEqual([]);
  });

  test("a waiver covers it as it covers the finding: nothing deferred, nothing reported", async () => {
    const waivers = [
      {
        policy: "public-exposure",
        resource: "site-policy",
        reason: "Reviewed: the document admits only the VPC endpoint.",
        expires: "2099-12-31",
      },
    ];
    expect((await judged(withPolicy(unknown), { ...defer, waivers })).found).toEqual([]);
  });
});

describe("a resource with an opening known and one not known at preview", () => {
  const group = (second: unknown) =>
    pipe(
      add("aws:ec2/securityGroup:SecurityGroup", "web", {
        vpcId: "vpc-1",
        ingress: [
          { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] },
          { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: second },
        ],
      }),
    );

  test("reports the known opening at its level and defers only the other", async () => {
    const { violations, found } = await judged(group(unknown), defer);
    const web = 'security group "web"';
    expect(found).toEqual([
      ["public-exposure", "web", "advisory", ["the internet", web]],
      ["public-exposure", "web", "mandatory", ["the internet", web]],
    ]);
    expect(violations.filter((v) => v.deferred).map((v) => v.level)).toEqual(["advisory"]);
  });

  test("twin: with both sources private, nothing", async () => {
    const { found } = await judged(
      pipe(
        add("aws:ec2/securityGroup:SecurityGroup", "web", {
          vpcId: "vpc-1",
          ingress: [
            { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.30.0.0/16"] },
            { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["10.30.1.0/24"] },
          ],
        }),
      ),
      defer,
    );
    expect(found).toEqual([]);
  });
});

describe("a role whose trust policy is not known at preview, on a strict stack", () => {
  const irsa = add("aws:iam/role:Role", "irsa", { assumeRolePolicy: unknown });
  const path = [
    "a global service",
    'iam role "irsa"',
    "principals not known at preview (who may assume the role is decided at deployment)",
  ];

  test("is deferred, not failed: who may assume it is decided once the trust is known", async () => {
    const { violations, found } = await judged(irsa, { ...defer, posture: "strict" });
    expect(found).toEqual([["cross-account-links", "irsa", "advisory", path]]);
    expect(violations[0].deferred).toBe(true);
  });

  test("fails at the strict level when the pack config says fail", async () => {
    const { found } = await judged(irsa, { ...fail, posture: "strict" });
    expect(found).toEqual([["cross-account-links", "irsa", "mandatory", path]]);
  });
});

describe("a row's own reader that meets a value not known at preview", () => {
  /** log-shipping's findings on the resource as `<level>[ deferred]`, under `opts`. */
  const levels = async (change: (plan: Plan) => Plan, name: string, opts: CheckOptions) =>
    (await pack.checkAround(aws, change(aws), opts))
      .filter((v) => v.resourceName === name && v.policy === "log-shipping")
      .map((v) => `${v.level}${v.deferred ? " deferred" : ""}`);
  // A Docker volume's options: test/policy/images.test.ts.
  const cases: [string, string, (plan: Plan) => Plan][] = [
    [
      "a budget action's subscriber of a kind not known at preview",
      "alerts",
      add("aws:budgets/budgetAction:BudgetAction", "alerts", {
        subscribers: [{ subscriptionType: unknown, address: "ops@example.com" }],
      }),
    ],
    [
      "an AppFlow profile's Snowflake account named by a value not known at preview",
      "warehouse",
      add("aws:appflow/connectorProfile:ConnectorProfile", "warehouse", {
        connectorType: "Snowflake",
        connectorProfileConfig: {
          connectorProfileProperties: {
            snowflake: {
              accountName: unknown,
              bucketName: "site",
              stage: "@stage",
              warehouse: "wh",
            },
          },
        },
      }),
    ],
  ];
  test.each(cases)(
    "%s fails at the policy's level under fail, and waits for pulumi up under defer",
    async (_, name, change) => {
      expect(await levels(change, name, fail)).toEqual(["mandatory"]);
      expect(await levels(change, name, defer)).toEqual(["advisory deferred"]);
    },
  );

  test("the same readers judge a known value as before: a mailbox, an account of no region", async () => {
    expect(
      await levels(
        add("aws:budgets/budgetAction:BudgetAction", "alerts", {
          subscribers: [{ subscriptionType: "EMAIL", address: "ops@example.com" }],
        }),
        "alerts",
        defer,
      ),
    ).toEqual(["mandatory"]);
    expect(
      await levels(
        add("aws:appflow/connectorProfile:ConnectorProfile", "warehouse", {
          connectorType: "Snowflake",
          connectorProfileConfig: {
            connectorProfileProperties: {
              snowflake: {
                accountName: "acme-warehouse",
                bucketName: "site",
                stage: "@stage",
                warehouse: "wh",
              },
            },
          },
        }),
        "warehouse",
        defer,
      ),
    ).toEqual(["mandatory"]);
  });
});
