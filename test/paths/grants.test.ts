/**
 * Grants and public endpoints as rows of the one model: a resource policy that grants everyone
 * is public-exposure's finding, one that grants another account cross-account-links' (advisory),
 * each from the resource alone; the graph draws each as an edge tagged with that policy, so a
 * path out through a database's public endpoint is public-exposure's finding and not a second one
 * of no-path-out-of-jurisdiction.
 */
import {
  type OracleResource,
  type OracleSettings,
  runBorder,
  runNamed,
} from "../helpers/model-oracle";

const US: OracleSettings = { jurisdiction: "US" };
const own = "111122223333";
const other = "999988887777";
const provider: OracleResource = {
  type: "pulumi:providers:aws",
  name: "or",
  props: { region: "us-west-2", allowedAccountIds: [own] },
};
const aws = (type: string, name: string, props: Record<string, unknown>): OracleResource => ({
  type,
  name,
  props,
  provider: "or",
});

/** The findings of the two views the grants feed (the stores' key findings are left out). */
function findings(input: readonly OracleResource[]) {
  return runNamed(input, US).filter(([p]) => p !== "customer-key-encryption");
}

const queuePolicy = (principal: unknown) =>
  aws("aws:sqs/queuePolicy:QueuePolicy", "jobs-policy", {
    queueUrl: "https://sqs.us-west-2.amazonaws.com/111122223333/jobs",
    policy: JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: principal, Action: "sqs:*", Resource: "*" }],
    }),
  });

describe("a queue policy", () => {
  test("that grants everyone is public-exposure's finding", () => {
    expect(findings([provider, queuePolicy("*")])).toEqual([
      [
        "public-exposure",
        "jobs-policy",
        "mandatory",
        ["the internet", 'sqs queue policy "jobs-policy"'],
      ],
    ]);
  });

  // The oracle runs every policy mandatory; cross-account-links' own level (advisory) and the
  // pack's findings on every grant shape are pinned in test/policy/aws.test.ts and alicloud.test.ts.
  test("that grants another account is cross-account-links' finding", () => {
    expect(findings([provider, queuePolicy({ AWS: `arn:aws:iam::${other}:root` })])).toEqual([
      [
        "cross-account-links",
        "jobs-policy",
        "mandatory",
        [
          "us-west-2 (inside US)",
          'sqs queue policy "jobs-policy"',
          `account ${other} (not this stack's account ${own})`,
        ],
      ],
    ]);
  });

  test("that grants the stack's own account or a service passes", () => {
    expect(findings([provider, queuePolicy({ AWS: `arn:aws:iam::${own}:root` })])).toEqual([]);
    expect(findings([provider, queuePolicy({ Service: "sns.amazonaws.com" })])).toEqual([]);
  });
});

const database = (publiclyAccessible: boolean) =>
  aws("aws:rds/instance:Instance", "orders", {
    engine: "postgres",
    instanceClass: "db.t3.micro",
    storageEncrypted: true,
    publiclyAccessible,
  });

describe("a database with a public endpoint", () => {
  test("is public-exposure's finding, and its path out is not no-path's too", () => {
    const input = [provider, database(true)];
    expect(findings(input)).toEqual([
      ["public-exposure", "orders", "mandatory", ["the internet", 'rds instance "orders"']],
    ]);
    // The border analysis sees the path through the endpoint; public-exposure explains it.
    expect(runBorder(input, US)).toEqual([
      ['rds instance "orders"', "public access", "the public internet"],
    ]);
  });

  test("without one passes, and no path leaves", () => {
    const input = [provider, database(false)];
    expect(findings(input)).toEqual([]);
    expect(runBorder(input, US)).toEqual([]);
  });
});

// Found by the sharing bench: a registry example writes a Promise into the policy with
// JSON.stringify, which leaves `{}` where the principal should be.
test("a principal written as an empty object is named for what it is", () => {
  const policy = (principal: unknown) =>
    aws("aws:ecr/registryPolicy:RegistryPolicy", "registry", {
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { AWS: principal },
            Action: ["ecr:ReplicateImage"],
            Resource: `arn:aws:ecr:us-west-2:${own}:repository/*`,
          },
        ],
      }),
    });
  const places = (principal: unknown) =>
    runNamed([provider, policy(principal)], US)
      .filter(([p]) => p === "cross-account-links")
      .map(([, , , path]) => path?.at(-1));
  expect(places({})).toEqual([
    "account {} (a Promise or an Output written into the document before it resolved, which AWS refuses as a principal) (not this stack's account 111122223333)",
  ]);
  expect(places(`arn:aws:iam::${own}:root`)).toEqual([]);
});

// Found by the sharing bench: an organizational unit's ARN was called an organization.
test("a share to an organizational unit names the unit", () => {
  const share = (principal: string) =>
    aws("aws:ram/principalAssociation:PrincipalAssociation", "share", {
      resourceShareArn: `arn:aws:ram:us-west-2:${own}:resource-share/records`,
      principal,
    });
  const place = (principal: string) =>
    runNamed([provider, share(principal)], US)
      .filter(([p]) => p === "cross-account-links")
      .map(([, , , path]) => path?.at(-1));
  expect(place(`arn:aws:organizations::${own}:ou/o-abc123/ou-ab12-cdef3456`)).toEqual([
    "every account of organizational unit o-abc123/ou-ab12-cdef3456 (the pack cannot tell which accounts it holds)",
  ]);
  expect(place(`arn:aws:organizations::${own}:organization/o-abc123`)).toEqual([
    "every account of organization o-abc123 (the pack cannot tell which accounts it holds)",
  ]);
});
