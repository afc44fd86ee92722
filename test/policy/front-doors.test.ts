/**
 * What the front-door, transfer and backup bench found (public programs of CloudFront, App
 * Runner, Storage Gateway and their kin, run under CN and US): an App Runner service reached the
 * internet from App Runner's own network and built from a GitHub repository with no finding,
 * where a Lambda function outside a VPC and an Amplify app with the same repository failed; a
 * Storage Gateway file share on a bucket the program does not create failed closed though
 * `bucketRegion` names the bucket's region beside it; and a CloudFront distribution of China's
 * partition logging to `<bucket>.s3.amazonaws.com.cn` failed closed, where a load balancer
 * logging to the same bucket by name passed; and a REST API imported from an OpenAPI body whose
 * operation asks no credentials passed, where the same method written as a resource failed.
 * Each case with its twin.
 */
import YAML from "yaml";
import type { Plan } from "../../engine/plan";
import { add, addProvider, chinaAndOregonPlans, fixturePlan, pipe } from "../helpers/policy-plan";
import { findings, oregonSettings, policyPack, runCases, summary } from "../helpers/policy-session";

const pack = policyPack();
let oregon: Plan;
let china: Plan;
beforeAll(async () => {
  [oregon, { china }] = await Promise.all([fixturePlan("policy-aws", "us"), chinaAndOregonPlans()]);
});

const account = "111122223333";
const connector = `arn:aws:apprunner:us-west-2:${account}:vpcconnector/records/1/abc`;

/** An App Runner service "svc", private to the VPC, built from `source`, leaving by `egress`. */
const appRunner = (source: Record<string, unknown>, egress: Record<string, unknown>) =>
  add("aws:apprunner/service:Service", "svc", {
    serviceName: "svc",
    sourceConfiguration: { autoDeploymentsEnabled: false, ...source },
    networkConfiguration: {
      ingressConfiguration: { isPubliclyAccessible: false },
      egressConfiguration: egress,
    },
  });
const image = {
  imageRepository: {
    imageIdentifier: `${account}.dkr.ecr.us-west-2.amazonaws.com/app:v1`,
    imageRepositoryType: "ECR",
  },
};
const github = {
  codeRepository: {
    repositoryUrl: "https://github.com/example/app",
    sourceCodeVersion: { type: "BRANCH", value: "main" },
  },
};
const throughVpc = { egressType: "VPC", vpcConnectorArn: connector };

/** A Storage Gateway NFS file share "share" on bucket `dr-bucket`, of `bucketRegion`. */
const fileShare = (bucketRegion: string) =>
  add("aws:storagegateway/nfsFileShare:NfsFileShare", "share", {
    clientLists: ["10.0.0.0/16"],
    gatewayArn: `arn:aws:storagegateway:us-west-2:${account}:gateway/sgw-12A3456B`,
    roleArn: `arn:aws:iam::${account}:role/sgw`,
    locationArn: "arn:aws:s3:::dr-bucket",
    bucketRegion,
  });

describe("App Runner and Storage Gateway, in Oregon", () => {
  runCases(pack, () => oregon, oregonSettings, [
    {
      name: "an App Runner service leaves by App Runner's network (egress type DEFAULT)",
      bad: appRunner(image, { egressType: "DEFAULT" }),
      expected: [
        [
          "internet-egress",
          "svc",
          "mandatory",
          ['apprunner service "svc"', "the internet (any country)"],
        ],
      ],
      twinName: "it leaves through a VPC connector of the stack's network",
      twin: appRunner(image, throughVpc),
    },
    {
      name: "an App Runner service leaves by the default egress, not set",
      bad: appRunner(image, {}),
      expected: [
        [
          "internet-egress",
          "svc",
          "mandatory",
          ['apprunner service "svc"', "the internet (any country)"],
        ],
      ],
      twinName: "its egress type is VPC",
      twin: appRunner(image, throughVpc),
    },
    {
      name: "an App Runner service builds from a GitHub repository",
      bad: appRunner(github, throughVpc),
      expected: [
        [
          "remote-sites",
          "svc",
          "mandatory",
          [
            '"https://github.com/example/app" (cannot be placed)',
            'apprunner service "svc"',
            "us-west-2 (inside US)",
          ],
        ],
      ],
      twinName: "it runs an image of the stack's registry",
      twin: appRunner(image, throughVpc),
    },
    {
      name: "a file share keeps its files in a bucket of a region abroad",
      bad: fileShare("eu-west-1"),
      expected: [
        [
          "data-transfer-jobs",
          "share",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'storagegateway nfs file share "share"',
            "eu-west-1 (outside US, in EU)",
          ],
        ],
      ],
      twinName: "bucketRegion places the bucket inside",
      twin: fileShare("us-east-1"),
    },
  ]);
});

/** A REST API "api" of `types` imported from an OpenAPI `doc`, GET /records to a function. */
const restApi = (doc: Record<string, unknown>, types = "REGIONAL", asYaml = false) => {
  const get = (security?: unknown[]) => ({
    ...(security === undefined ? {} : { security }),
    "x-amazon-apigateway-integration": {
      type: "aws_proxy",
      httpMethod: "POST",
      uri: `arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/arn:aws:lambda:us-west-2:${account}:function:reader/invocations`,
    },
  });
  const body = {
    openapi: "3.0.1",
    info: { title: "records", version: "1" },
    paths: {
      "/records": {
        get: get(doc.operationSecurity as unknown[] | undefined),
        // A CORS preflight answered by API Gateway itself.
        options: { "x-amazon-apigateway-integration": { type: "mock" } },
      },
    },
    ...(doc.security === undefined ? {} : { security: doc.security }),
    ...(doc.schemes === undefined ? {} : { components: { securitySchemes: doc.schemes } }),
  };
  return add("aws:apigateway/restApi:RestApi", "api", {
    name: "records",
    endpointConfiguration: { types },
    body: asYaml ? YAML.stringify(body) : JSON.stringify(body),
  });
};
const sigv4 = {
  sigv4: {
    type: "apiKey",
    name: "Authorization",
    in: "header",
    "x-amazon-apigateway-authtype": "awsSigv4",
  },
  key: { type: "apiKey", name: "x-api-key", in: "header" },
};
const openGet: ReturnType<typeof findings>[number] = [
  "public-exposure",
  "api",
  "mandatory",
  ["the internet", 'apigateway rest api "api"'],
];

describe("a REST API imported from an OpenAPI body, in Oregon", () => {
  runCases(pack, () => oregon, oregonSettings, [
    {
      name: "its GET operation asks no credentials",
      bad: restApi({}),
      expected: [openGet],
      twinName: "the document's security requires IAM's SigV4",
      twin: restApi({ schemes: sigv4, security: [{ sigv4: [] }] }),
    },
    {
      name: "its operation asks only an API key, which identifies no one",
      bad: restApi({ schemes: sigv4, operationSecurity: [{ key: [] }] }),
      expected: [openGet],
      twinName: "the operation asks SigV4 and the key",
      twin: restApi({ schemes: sigv4, operationSecurity: [{ sigv4: [], key: [] }] }),
    },
    {
      name: "an empty requirement lets anyone in beside SigV4",
      bad: restApi({ schemes: sigv4, security: [{ sigv4: [] }, {}] }),
      expected: [openGet],
      twinName: "the API is PRIVATE, reached only through VPC endpoints",
      twin: restApi({ schemes: sigv4, security: [{ sigv4: [] }, {}] }, "PRIVATE"),
    },
    {
      name: "a YAML body's operation asks no credentials",
      bad: restApi({}, "EDGE", true),
      expected: [
        openGet,
        ["global-services", "api", "mandatory", expect.any(Array) as unknown as readonly string[]],
      ],
      twinName: "the YAML body requires SigV4 of a regional API",
      twin: restApi({ schemes: sigv4, security: [{ sigv4: [] }] }, "REGIONAL", true),
    },
  ]);
});

describe("CloudFront in China's partition", () => {
  const distribution = (bucket: string) =>
    add("aws:cloudfront/distribution:Distribution", "cdn", {
      enabled: true,
      origins: [{ originId: "site", domainName: "site.s3.cn-north-1.amazonaws.com.cn" }],
      defaultCacheBehavior: {
        targetOriginId: "site",
        viewerProtocolPolicy: "redirect-to-https",
        allowedMethods: ["GET", "HEAD"],
        cachedMethods: ["GET", "HEAD"],
      },
      restrictions: { geoRestriction: { restrictionType: "none" } },
      viewerCertificate: { cloudfrontDefaultCertificate: true },
      loggingConfig: { bucket },
    });
  const named = (found: ReturnType<typeof findings>) =>
    found.filter(([policy]) => policy === "named-destinations" || policy === "log-shipping");

  test("logs to a bucket by its .amazonaws.com.cn domain, which lies in the partition CN holds: no finding", async () => {
    const plan = distribution("ext-logs.s3.amazonaws.com.cn")(china);
    expect(named(findings(await pack.check(plan, { jurisdiction: "CN" })))).toEqual([]);
  });

  test("twin: a bucket domain of the aws partition cannot be placed by its name, and fails closed", async () => {
    const plan = distribution("ext-logs.s3.amazonaws.com")(china);
    expect(
      named(findings(await pack.check(plan, { jurisdiction: "CN" }))).map(([p, n]) => [p, n]),
    ).toEqual([["named-destinations", "cdn"]]);
  });
});

test("a vault on the program's own key abroad is told where the key must live, not to leave an AWS-managed key", async () => {
  const keyArn = `arn:aws:kms:eu-west-1:${account}:key/vault-key-1`;
  const plan = pipe(
    addProvider("aws", "far", { region: "eu-west-1" }),
    // The key's ARN as the provider reports it.
    add("aws:kms/key:Key", "vault-key", { arn: keyArn, keyId: "vault-key-1" }, { provider: "far" }),
    add("aws:backup/vault:Vault", "dr", { kmsKeyArn: keyArn }),
  )(oregon);
  const messages = summary(await pack.check(plan, oregonSettings)).filter((m) =>
    m.includes("store-key-locality dr:"),
  );
  expect(messages).toEqual([
    'mandatory store-key-locality dr: backup vault "dr" must be encrypted with a customer key that lives inside US, but kmsKeyArn names kms key "vault-key" in eu-west-1 (outside US, in EU). Encrypt it with a key of this program in a region inside US.',
  ]);
});

test("an origin's originId is a label, even written as an ARN of another region: arn-locality leaves it", async () => {
  const plan = add("aws:cloudfront/distribution:Distribution", "cdn", {
    enabled: true,
    origins: [
      {
        originId: "arn:aws:apigateway:eu-west-1::/restapis/abc123",
        domainName: "abc123.execute-api.us-east-1.amazonaws.com",
      },
    ],
    defaultCacheBehavior: {
      targetOriginId: "arn:aws:apigateway:eu-west-1::/restapis/abc123",
      viewerProtocolPolicy: "redirect-to-https",
      allowedMethods: ["GET", "HEAD"],
      cachedMethods: ["GET", "HEAD"],
    },
    restrictions: { geoRestriction: { restrictionType: "none" } },
    viewerCertificate: { cloudfrontDefaultCertificate: true },
  })(oregon);
  const found = findings(await pack.check(plan, oregonSettings));
  expect(found.filter(([policy]) => policy === "arn-locality")).toEqual([]);
  // The distribution itself is still judged: its edge locations serve the stack's data worldwide.
  expect(found.filter(([policy]) => policy === "global-services").map(([, n]) => n)).toEqual([
    "cdn",
  ]);
});

test("a Transfer Family connector's partner server is a file transfer's (data-transfer-jobs), not a log delivery", async () => {
  const connector = (url: string) =>
    add("aws:transfer/connector:Connector", "sftp", {
      url,
      accessRole: `arn:aws:iam::${account}:role/transfer`,
      sftpConfig: { userSecretId: "sftp-user", trustedHostKeys: ["ssh-rsa AAAA"] },
    });
  expect(
    findings(await pack.check(connector("sftp://203.0.113.10")(oregon), oregonSettings)).filter(
      ([, name]) => name === "sftp",
    ),
  ).toEqual([
    [
      "data-transfer-jobs",
      "sftp",
      "mandatory",
      ["us-west-2 (inside US)", 'transfer connector "sftp"', '"203.0.113.10" (cannot be placed)'],
    ],
  ]);
  expect(
    findings(await pack.check(connector("sftp://10.20.0.7")(oregon), oregonSettings)).filter(
      ([, name]) => name === "sftp",
    ),
  ).toEqual([]);
});

test("an Amplify app's repository and proxy rewrite findings each carry their own fix", async () => {
  const plan = add("aws:amplify/app:App", "site", {
    repository: "https://github.com/example/site",
    accessToken: "token",
    customRules: [{ source: "/api/<*>", target: "https://api.partner.example/<*>", status: "200" }],
  })(oregon);
  const messages = summary(await pack.check(plan, oregonSettings)).filter((m) =>
    m.includes(" site: "),
  );
  const repository = messages.filter((m) => m.startsWith("mandatory remote-sites site:"));
  const rewrite = messages.filter((m) => m.startsWith("mandatory log-shipping site:"));
  expect([repository.length, rewrite.length]).toEqual([1, 1]);
  expect(repository[0]).toMatch(/Build from repositories in regions inside the jurisdiction/);
  expect(repository[0]).not.toMatch(/Rewrite only/);
  expect(rewrite[0]).toMatch(/Rewrite only to paths of the app/);
  expect(rewrite[0]).not.toMatch(/Build from repositories/);
});

// Found on a public program that rotates its API keys: a REST method open to callers with a key
// was told "anyone … can call" without a word of the key, which identifies no caller.
describe("a REST API method that needs an API key and no authorization", () => {
  const method = (props: Record<string, unknown>) =>
    add("aws:apigateway/method:Method", "orders-get", {
      restApi: "api-orders",
      resourceId: "orders",
      httpMethod: "GET",
      authorization: "NONE",
      ...props,
    });
  const said = async (plan: Plan) =>
    (await pack.check(plan, oregonSettings))
      .filter((v) => v.policy === "public-exposure" && v.resourceName === "orders-get")
      .map((v) => v.message);

  test("fails, saying the key meters callers and identifies none", async () => {
    expect(await said(method({ apiKeyRequired: true })(oregon))).toEqual([
      expect.stringContaining(
        "with one of its API keys can call the method's integration: a key (apiKeyRequired) meters and throttles callers, it identifies none and guards no data",
      ),
    ]);
  });

  test("twin: without a key, it fails as open to anyone, with no word of keys", async () => {
    const [message] = await said(method({})(oregon));
    expect(message).toContain(
      "anyone who reaches the API's endpoint — on the internet, for an edge or regional API — can call the method's integration",
    );
    expect(message).not.toContain("API key");
  });
});
