/**
 * ARNs of another AWS partition in policy documents. IAM evaluates a document in the partition of
 * the account that holds it, and partitions are apart: a statement naming another partition's
 * resource matches nothing, and a principal of another partition is refused. Such an ARN is no
 * path out (arn-locality and key-locality leave it), as long as the holder's partition is known;
 * the same ARN anywhere else — an environment variable the application reads with credentials
 * of its own, a key a store is encrypted with — is judged as before.
 */
import type { Plan } from "../../engine/plan";
import {
  add,
  addComponent,
  addProvider,
  chinaAndOregonPlans,
  pipe,
  unknown,
} from "../helpers/policy-plan";
import { findings, policyPack } from "../helpers/policy-session";

const account = "111122223333";
const document = (statement: Record<string, unknown>) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [statement] });

const pack = policyPack();
let china: Plan;
let oregon: Plan;
beforeAll(async () => {
  ({ china, oregon } = await chinaAndOregonPlans());
});

const cn = { jurisdiction: "CN" };
const us = { jurisdiction: "US" };

/** A role policy of the stack's default provider holding `statement`. */
const rolePolicy = (statement: Record<string, unknown>, opts = {}) =>
  add(
    "aws:iam/rolePolicy:RolePolicy",
    "reader",
    { role: "app", policy: document(statement) },
    opts,
  );

test("a China-partition role policy naming buckets and log groups of the aws partition grants nothing there", async () => {
  const plan = pipe(
    rolePolicy({
      Effect: "Allow",
      Action: ["s3:GetObject", "logs:PutLogEvents"],
      Resource: ["arn:aws:s3:::reports/*", `arn:aws:logs:us-east-1:${account}:log-group:/app:*`],
    }),
  )(china);
  expect(findings(await pack.check(plan, cn))).toEqual([]);
});

test("a component handing that document to the role policy it creates is judged through the policy alone", async () => {
  const statement = { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::reports/*" };
  // A component of the program's own: no provider, and the document among its inputs.
  const service = addComponent("acme:index:Service", "api", {
    policyDocs: [JSON.parse(document(statement))],
  });
  expect(findings(await pack.check(pipe(service, rolePolicy(statement))(china), cn))).toEqual([]);
  // The same document on a role policy of the aws partition is reported there, on the policy.
  const abroad = pipe(
    service,
    addProvider("aws", "virginia", { region: "us-east-1" }),
    rolePolicy(statement, { provider: "virginia" }),
  )(china);
  const arnFindings = findings(await pack.check(abroad, cn))
    .filter(([policy]) => policy === "arn-locality")
    .map(([, name, , path]) => [name, path?.[1]]);
  expect(arnFindings).toEqual([["reader", "arn:aws:s3:::reports/* (partition aws, outside CN)"]]);
  // Any other place among a component's inputs is its resources' to name: the component creates
  // nothing itself (found on a program whose component records a disaster-recovery region it
  // never deploys to).
  const zoned = addComponent("acme:index:Network", "net", {
    zones: [{ availabilityZone: "us-east-2a" }],
    drRegion: "us-east-1",
    policy: document({ ...statement, Resource: `arn:aws-cn:s3:::reports/*` }),
  })(china);
  expect(
    findings(await pack.check(zoned, cn)).filter(([policy]) => policy === "arn-locality"),
  ).toEqual([]);
});

test("a component's foreign ARNs and regions are judged on the resources it hands them to, not on itself", async () => {
  const arnPaths = async (plan: Plan) =>
    findings(await pack.check(plan, cn))
      .filter(([policy]) => policy === "arn-locality")
      .map(([, name, , path]) => [name, path?.[1]]);
  const queue = `arn:aws:sqs:us-east-1:${account}:jobs`;
  const worker = addComponent("acme:index:Worker", "worker", {
    queueArn: queue,
    roleArn: `arn:aws:iam::${account}:role/jobs`,
    kmsKeyArn: `arn:aws:kms:us-east-1:${account}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
  });
  expect(await arnPaths(worker(china))).toEqual([]);
  expect(
    findings(await pack.check(worker(china), cn)).filter(([policy]) => policy === "key-locality"),
  ).toEqual([]);
  // The function it creates with the queue in its environment is the path, reported there.
  const sending = pipe(
    worker,
    add("aws:lambda/function:Function", "worker-fn", {
      role: `arn:aws-cn:iam::${account}:role/worker`,
      runtime: "nodejs20.x",
      handler: "index.handler",
      vpcConfig: { subnetIds: ["subnet-1"], securityGroupIds: ["sg-1"] },
      environment: { variables: { JOBS: queue } },
    }),
  );
  expect(await arnPaths(sending(china))).toEqual([
    ["worker-fn", `${queue} (partition aws, outside CN)`],
  ]);
});

test("the same ARN in a function's environment is reported: the application reads it", async () => {
  const plan = add("aws:lambda/function:Function", "worker", {
    role: `arn:aws-cn:iam::${account}:role/worker`,
    runtime: "nodejs20.x",
    handler: "index.handler",
    vpcConfig: { subnetIds: ["subnet-1"], securityGroupIds: ["sg-1"] },
    environment: { variables: { REPORTS: `arn:aws:sns:us-east-1:${account}:reports` } },
  })(china);
  const arnFindings = findings(await pack.check(plan, cn)).filter(
    ([policy]) => policy === "arn-locality",
  );
  expect(arnFindings).toEqual([
    [
      "arn-locality",
      "worker",
      "mandatory",
      [
        'lambda function "worker"',
        `arn:aws:sns:us-east-1:${account}:reports (partition aws, outside CN)`,
      ],
    ],
  ]);
});

test("an Organizations backup policy naming a role of another partition assigns no role there", async () => {
  const backupPolicy = (roleArn: string) =>
    add("aws:organizations/policy:Policy", "backups", {
      type: "BACKUP_POLICY",
      content: JSON.stringify({
        plans: {
          monthly: {
            regions: { "@@assign": ["cn-north-1"] },
            rules: { monthly: { target_backup_vault_name: { "@@assign": "Default" } } },
            selections: {
              tags: { assign: { iam_role_arn: { "@@assign": roleArn } } },
            },
          },
        },
      }),
    });
  const arnFindings = async (plan: Plan) =>
    findings(await pack.check(plan, cn)).filter(([p]) => p === "arn-locality");
  expect(await arnFindings(backupPolicy(`arn:aws:iam::${account}:role/backup`)(china))).toEqual([]);
  // A role of the organization's own partition in a region-less ARN: inside as before.
  expect(await arnFindings(backupPolicy(`arn:aws-cn:iam::${account}:role/backup`)(china))).toEqual(
    [],
  );
});

test("an Organizations backup plan copying to a vault in us-east-1 names a destination abroad: reported", async () => {
  const vault = `arn:aws:backup:us-east-1:${account}:backup-vault:Default`;
  const plan = add("aws:organizations/policy:Policy", "backups", {
    type: "BACKUP_POLICY",
    content: JSON.stringify({
      plans: {
        monthly: {
          rules: {
            monthly: {
              target_backup_vault_name: { "@@assign": "Default" },
              copy_actions: { [vault]: { target_backup_vault_arn: { "@@assign": vault } } },
            },
          },
        },
      },
    }),
  })(china);
  const arnFindings = findings(await pack.check(plan, cn)).filter(([p]) => p === "arn-locality");
  expect(
    arnFindings.map(([policy, name, level, path]) => [policy, name, level, path?.[1]]),
  ).toEqual([["arn-locality", "backups", "mandatory", `${vault} (partition aws, outside CN)`]]);
});

test("a policy document held in an environment variable is read by the application: reported", async () => {
  const plan = add("aws:lambda/function:Function", "exporter", {
    role: `arn:aws-cn:iam::${account}:role/exporter`,
    runtime: "nodejs20.x",
    handler: "index.handler",
    vpcConfig: { subnetIds: ["subnet-1"], securityGroupIds: ["sg-1"] },
    environment: {
      variables: {
        EXPORT_POLICY: document({
          Effect: "Allow",
          Action: "s3:PutObject",
          Resource: "arn:aws:s3:::reports-abroad/*",
        }),
      },
    },
  })(china);
  expect(findings(await pack.check(plan, cn)).filter(([p]) => p === "arn-locality")).toEqual([
    [
      "arn-locality",
      "exporter",
      "mandatory",
      ['lambda function "exporter"', "arn:aws:s3:::reports-abroad/* (partition aws, outside CN)"],
    ],
  ]);
});

test("an integration URI in the aws partition naming cn-north-1 names cn-north-1; naming us-east-1, abroad", async () => {
  const integration = (region: string) =>
    add("aws:apigateway/integration:Integration", "events", {
      restApi: "api",
      resourceId: "root",
      httpMethod: "POST",
      type: "AWS",
      integrationHttpMethod: "POST",
      uri: `arn:aws:apigateway:${region}:events:action/PutEvents`,
    });
  const flows = (violations: Awaited<ReturnType<typeof pack.check>>) =>
    findings(violations).filter(([p]) => p !== "internet-egress" && p !== "public-exposure");
  expect(flows(await pack.check(integration("cn-north-1")(china), cn))).toEqual([]);
  const abroad = flows(await pack.check(integration("us-east-1")(china), cn));
  expect(abroad.map(([policy, name, level]) => [policy, name, level])).toEqual([
    ["log-shipping", "events", "mandatory"],
  ]);
});

test("a bucket policy's principal of another partition is no grant; one of the aws partition in a US stack is judged", async () => {
  const grant = (principal: string) =>
    add("aws:s3/bucketPolicy:BucketPolicy", "shared", {
      bucket: "site",
      policy: document({
        Effect: "Allow",
        Principal: { AWS: principal },
        Action: "s3:GetObject",
        Resource: "arn:aws:s3:::site/*",
      }),
    });
  // A US stack in us-west-2: a principal of the China partition is refused there.
  const chinese = await pack.check(grant(`arn:aws-cn:iam::${account}:role/reader`)(oregon), us);
  expect(findings(chinese).filter(([p]) => p === "arn-locality")).toEqual([]);
  // A resource of the same partition, in a region outside: a grant that works, reported.
  const frankfurt = await pack.check(
    add("aws:sqs/queue:Queue", "orders", {
      policy: document({
        Effect: "Allow",
        Principal: { AWS: `arn:aws:iam::${account}:root` },
        Action: "sqs:SendMessage",
        Resource: `arn:aws:sqs:eu-central-1:${account}:orders`,
      }),
    })(oregon),
    us,
  );
  expect(findings(frankfurt).filter(([p]) => p === "arn-locality")).toEqual([
    [
      "arn-locality",
      "orders",
      "mandatory",
      ['sqs queue "orders"', `arn:aws:sqs:eu-central-1:${account}:orders (outside US, in EU)`],
    ],
  ]);
});

test("a policy granting a key of another partition grants nothing; a store encrypted with it is reported", async () => {
  const key = `arn:aws:kms:us-east-1:${account}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
  const granted = rolePolicy({ Effect: "Allow", Action: "kms:Decrypt", Resource: key })(china);
  expect(findings(await pack.check(granted, cn))).toEqual([]);
  const stored = add("aws:sqs/queue:Queue", "jobs", { kmsMasterKeyId: key })(china);
  expect(findings(await pack.check(stored, cn)).filter(([p]) => p === "key-locality")).toEqual([
    [
      "key-locality",
      "jobs",
      "mandatory",
      ['sqs queue "jobs"', `${key} (partition aws, outside CN)`],
    ],
  ]);
});

test("a holder whose partition is not known at preview is judged as any other", async () => {
  const plan = pipe(
    addProvider("aws", "somewhere", { region: unknown }),
    rolePolicy(
      { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::reports/*" },
      { provider: "somewhere" },
    ),
  )(china);
  expect(findings(await pack.check(plan, cn)).filter(([p]) => p === "arn-locality")).toEqual([
    [
      "arn-locality",
      "reader",
      "mandatory",
      ['iam role policy "reader"', "arn:aws:s3:::reports/* (partition aws, outside CN)"],
    ],
  ]);
});

test("a role trusting an account principal of another partition trusts no one there; one of its own partition is a cross-account grant", async () => {
  const role = (principal: string, opts = {}) =>
    add(
      "aws:iam/role:Role",
      "partner",
      {
        assumeRolePolicy: document({
          Effect: "Allow",
          Principal: { AWS: principal },
          Action: "sts:AssumeRole",
        }),
      },
      opts,
    );
  const grants = async (plan: Plan) =>
    findings(await pack.check(plan, cn)).filter(([p]) => p === "cross-account-links");
  // AWS refuses a principal of the aws partition for a role of cn-north-1 (aws-cn).
  expect(await grants(role("arn:aws:iam::999999999999:root")(china))).toEqual([]);
  const trusted = [
    [
      "cross-account-links",
      "partner",
      "advisory",
      [
        "a global service",
        'iam role "partner"',
        "account 999999999999 (the provider pins no account, so it cannot be checked)",
      ],
    ],
  ];
  expect(await grants(role("arn:aws-cn:iam::999999999999:root")(china))).toEqual(trusted);
  // A role whose partition is not known at preview: the grant is judged as written.
  const unplaced = pipe(
    addProvider("aws", "somewhere", { region: unknown }),
    role("arn:aws:iam::999999999999:root", { provider: "somewhere" }),
  )(china);
  expect((await grants(unplaced)).map(([policy, name, level]) => [policy, name, level])).toEqual([
    ["cross-account-links", "partner", "advisory"],
  ]);
});

test("a grant to the offline engine's stand-in account is named as such, and passes once the account is declared", async () => {
  // No provider of the plan pins an account. Offline, the engine writes a stand-in where the
  // stack's own account belongs (a role's ARN, the caller's identity) and tells the pack which;
  // under the Pulumi CLI the real account stands there, which cannot be checked either.
  const standIn = "123456789012";
  const plan = add("aws:kms/grant:Grant", "reader-grant", {
    keyId: "key",
    granteePrincipal: `arn:aws-cn:iam::${standIn}:role/reader-5d1e2a7`,
    operations: ["Decrypt"],
  })(china);
  const grants = async (opts: Parameters<typeof pack.check>[1]) =>
    findings(await pack.check(plan, opts))
      .filter(([p]) => p === "cross-account-links")
      .map(([, name, level, path]) => [name, level, path?.at(-1)]);
  expect(await grants({ ...cn, standInAccount: standIn })).toEqual([
    [
      "reader-grant",
      "advisory",
      `account ${standIn} (the offline engine's stand-in for the stack's own account, which no provider pins and the stack config does not declare (sovereign-dc:accountId), so it cannot be checked)`,
    ],
  ]);
  expect(await grants(cn)).toEqual([
    [
      "reader-grant",
      "advisory",
      `account ${standIn} (the provider pins no account, so it cannot be checked)`,
    ],
  ]);
  expect(await grants({ ...cn, accountIds: [standIn] })).toEqual([]);
});

test("a named destination given as an ARN of a partition the jurisdiction holds no region of lies outside, named by its partition", async () => {
  /** A bucket of the stack replicating to the bucket `destination` names. */
  const replication = (destination: string, partition = "aws-cn") =>
    pipe(
      add("aws:s3/bucket:Bucket", "records", {}),
      add("aws:s3/bucketReplicationConfig:BucketReplicationConfig", "copy", {
        bucket: "records",
        role: `arn:${partition}:iam::111122223333:role/replication`,
        rules: [{ status: "Enabled", destination: { bucket: destination } }],
      }),
    );
  const place = async (plan: Plan, settings: { jurisdiction: string }) =>
    findings(await pack.check(plan, settings))
      .filter(([, name]) => name === "copy")
      .map(([policy, , level, path]) => [policy, level, path?.at(-1)]);
  // Under CN the aws partition holds no region of China: wherever the bucket is, it is abroad.
  expect(await place(replication("arn:aws:s3:::backup")(china), cn)).toEqual([
    ["named-destinations", "mandatory", "arn:aws:s3:::backup (partition aws, outside CN)"],
  ]);
  // A China-partition bucket lies inside under CN; under US the aws partition spans countries,
  // so a bucket the program does not create there still cannot be placed.
  expect(await place(replication("arn:aws-cn:s3:::backup")(china), cn)).toEqual([]);
  expect(await place(replication("arn:aws:s3:::backup", "aws")(oregon), us)).toEqual([
    ["named-destinations", "mandatory", '"arn:aws:s3:::backup" (cannot be placed)'],
  ]);
});

// Found by the governance bench: the same bucket passed by its ARN and failed closed by its name.
test("a bucket the program does not create, named by name alone, lies in its holder's partition: inside under CN", async () => {
  /** A Macie findings export to the bucket `name`, and a data sync to it naming no region. */
  const exports = (name: string) =>
    pipe(
      add(
        "aws:macie2/classificationExportConfiguration:ClassificationExportConfiguration",
        "export",
        {
          s3Destination: { bucketName: name, keyPrefix: "findings/" },
        },
      ),
    );
  const place = async (plan: Plan, settings: { jurisdiction: string }) => {
    const violations = await pack.check(plan, settings);
    return findings(violations)
      .filter(([, name]) => name === "export")
      .map(([policy, , level, path]) => [policy, level, path?.at(-1)]);
  };
  expect(await place(exports("central-findings")(china), cn)).toEqual([]);
  // Under US the aws partition spans countries: the name still cannot be placed.
  expect(await place(exports("central-findings")(oregon), us)).toEqual([
    ["named-destinations", "mandatory", '"central-findings" (cannot be placed)'],
  ]);
});

test("a definition AWS owns (an EKS access policy, a managed IAM policy) is no place, in any partition", async () => {
  const associations = (policyArn: string, managed: string) =>
    pipe(
      add("aws:eks/accessPolicyAssociation:AccessPolicyAssociation", "viewer", {
        clusterName: "records",
        principalArn: `arn:aws-cn:iam::${account}:role/viewer`,
        policyArn,
        accessScope: { type: "cluster" },
      }),
      add("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "readonly", {
        role: "viewer",
        policyArn: managed,
      }),
    );
  const named = async (plan: Plan) =>
    findings(await pack.check(plan, cn))
      .filter(
        ([policy, name]) =>
          policy === "arn-locality" && ["viewer", "readonly"].includes(name ?? ""),
      )
      .map(([, name, , path]) => [name, path?.at(-1)]);
  // The aws partition's forms, as a program written for a US stack names them: neither holds
  // data, so neither is a path (in China they would fail to deploy, not leak).
  expect(
    await named(
      associations(
        "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy",
        "arn:aws:iam::aws:policy/ReadOnlyAccess",
      )(china),
    ),
  ).toEqual([]);
  // A policy of an account in that partition is still judged by its partition.
  expect(
    await named(
      associations(
        `arn:aws:eks::${account}:cluster-access-policy/Custom`,
        `arn:aws:iam::${account}:policy/Custom`,
      )(china),
    ),
  ).toEqual([
    ["readonly", `arn:aws:iam::${account}:policy/Custom (partition aws, outside CN)`],
    ["viewer", `arn:aws:eks::${account}:cluster-access-policy/Custom (partition aws, outside CN)`],
  ]);
});

test("a Step Functions service integration of another partition names an API, not a place", async () => {
  const machine = (integration: string, target: string) =>
    add("aws:sfn/stateMachine:StateMachine", "score", {
      roleArn: `arn:aws-cn:iam::${account}:role/states`,
      definition: JSON.stringify({
        StartAt: "Call",
        States: {
          Call: {
            Type: "Task",
            Resource: integration,
            Parameters: { FunctionName: target },
            End: true,
          },
        },
      }),
    });
  const named = async (plan: Plan) =>
    findings(await pack.check(plan, cn))
      .filter(([policy, name]) => policy === "arn-locality" && name === "score")
      .map(([, , , path]) => path?.at(-1));
  // The integration as a program written for the aws partition names it; the function it calls
  // is the stack's own.
  const own = `arn:aws-cn:lambda:cn-north-1:${account}:function:score`;
  expect(await named(machine("arn:aws:states:::lambda:invoke", own)(china))).toEqual([]);
  // The function it calls, given in the aws partition, is judged as any ARN.
  const abroad = `arn:aws:lambda:us-east-1:${account}:function:score`;
  expect(await named(machine("arn:aws-cn:states:::lambda:invoke", abroad)(china))).toEqual([
    `${abroad} (partition aws, outside CN)`,
  ]);
});

// Found by the network bench: a Route 53 health check's checker regions abroad were told to name a
// region inside, but no three checker regions lie in China (nor in most jurisdictions).
test("a health check's checker regions abroad are told the regions the type allows, or the alarm to check instead", async () => {
  const check = (regions: string[]) =>
    add("aws:route53/healthCheck:HealthCheck", "shop-check", {
      type: "HTTPS",
      fqdn: "shop.example.com",
      port: 443,
      regions,
    });
  const fixes = async (plan: Plan, settings: { jurisdiction: string }) =>
    (await pack.check(plan, settings))
      .filter((v) => v.resourceName === "shop-check")
      .map((v) => v.message.slice(v.message.indexOf(". ") + 2));
  expect(
    await fixes(check(["ap-southeast-1", "ap-northeast-1", "ap-southeast-2"])(china), cn),
  ).toEqual(
    Array(3).fill(
      "No three Route 53 checker regions lie inside CN: check a CloudWatch alarm instead (type CLOUDWATCH_METRIC).",
    ),
  );
  expect(await fixes(check(["us-east-1", "us-west-1", "eu-west-1"])(oregon), us)).toEqual([
    "Name only Route 53 checker regions inside US (us-east-1, us-west-1, us-west-2), or check a CloudWatch alarm instead (type CLOUDWATCH_METRIC).",
  ]);
  expect(await fixes(check(["us-east-1", "us-west-1", "us-west-2"])(oregon), us)).toEqual([]);
});
