/**
 * Lambda@Edge (policy/edge-functions.ts). Found by the community bench on a public program: a
 * basic-auth function a CloudFront distribution runs on every viewer request was judged as a
 * regional Lambda — its own region, US East, is inside a US stack, and its internet-egress finding
 * asked for a VPC attachment AWS refuses for an edge function. With that set and the distribution
 * waived as "public static assets", the stack passed as sealed although the program's code, and
 * the requests' `Authorization` headers, ran at edge locations worldwide. named-destinations now
 * reports the function a distribution of the stack associates, on the function itself.
 */
import type { Plan } from "../../engine/plan";
import { add, fixturePlan, pipe, unknown } from "../helpers/policy-plan";
import { findings, oregonSettings, policyPack } from "../helpers/policy-session";

const pack = policyPack();
let oregon: Plan;
beforeAll(async () => {
  oregon = await fixturePlan("policy-aws", "us");
});

const arn = "arn:aws:lambda:us-east-1:111122223333:function:edge-auth";

/** A function "edge" of the stack, attached to a VPC (so internet-egress has nothing to say). */
const edgeFunction = add(
  "aws:lambda/function:Function",
  "edge",
  {
    runtime: "nodejs20.x",
    handler: "index.handler",
    role: "arn:aws:iam::111122223333:role/edge",
    publish: true,
    vpcConfig: { subnetIds: ["subnet-0123"], securityGroupIds: ["sg-0123"] },
  },
  { outputs: { arn, qualifiedArn: `${arn}:3` } },
);

/**
 * A distribution "cdn" of `type` whose default behaviour holds `defaultCacheBehavior` and whose
 * other behaviours, at `list`, are `behaviours`; its origin is named by its `idKey`.
 */
const cdn =
  (type: string, idKey: string, list: string) =>
  (
    defaultCacheBehavior: Record<string, unknown>,
    behaviours: Record<string, unknown>[] = [],
    dependsOn?: Record<string, readonly string[]>,
  ) =>
    add(
      type,
      "cdn",
      {
        enabled: true,
        origins: [{ [idKey]: "s3", domainName: "origin.s3.us-west-2.amazonaws.com" }],
        defaultCacheBehavior: { targetOriginId: "s3", ...defaultCacheBehavior },
        [list]: behaviours,
      },
      { dependsOn },
    );

/**
 * A cache behaviour's one Lambda association, for `eventType`: its ARN under `key` (a
 * distribution's `lambdaArn`, a multi-tenant distribution's `lambdaFunctionArn`).
 */
const lambdaAt = (key: string) => (eventType: string, value: unknown) => ({
  lambdaFunctionAssociations: [{ eventType, [key]: value }],
});
const plainLambda = lambdaAt("lambdaArn");
const tenantLambda = lambdaAt("lambdaFunctionArn");

/** A distribution "cdn": its default behaviour, then its ordered ones. */
const distribution = cdn(
  "aws:cloudfront/distribution:Distribution",
  "originId",
  "orderedCacheBehaviors",
);

/** named-destinations' findings on the function: each one's last hop. */
async function onFunction(plan: Plan): Promise<string[]> {
  return findings(await pack.check(plan, oregonSettings))
    .filter(([policy, resource]) => policy === "named-destinations" && resource === "edge")
    .map(([, , level, path]) => `${level}: ${path?.at(-1)}`);
}

/** The message of named-destinations' finding on the function. */
async function messageOnFunction(plan: Plan): Promise<string | undefined> {
  return (await pack.check(plan, oregonSettings)).find(
    (v) => v.policy === "named-destinations" && v.resourceName === "edge",
  )?.message;
}

const atTheEdge =
  'mandatory: cloudfront distribution "cdn" at CloudFront edge locations outside the jurisdiction';

describe("a Lambda function a CloudFront distribution associates", () => {
  test("fails on the function, naming the distribution and the event, by its version's ARN", async () => {
    const plan = pipe(
      edgeFunction,
      distribution(plainLambda("viewer-request", `${arn}:3`)),
    )(oregon);
    expect(await onFunction(plan)).toEqual([atTheEdge]);
    expect(await messageOnFunction(plan)).toContain(
      "associates it with its viewer-request event (defaultCacheBehavior.lambdaFunctionAssociations[0]): CloudFront replicates a Lambda@Edge function to its edge locations worldwide",
    );
  });

  test("fails by an ordered behaviour's association, and by one not known at preview built from the function", async () => {
    const ordered = pipe(
      edgeFunction,
      distribution({}, [
        {
          pathPattern: "/private/*",
          ...plainLambda("origin-request", arn),
        },
      ]),
    )(oregon);
    expect(await onFunction(ordered)).toEqual([atTheEdge]);
    const built = pipe(
      edgeFunction,
      distribution(plainLambda("viewer-request", unknown), [], { defaultCacheBehavior: ["edge"] }),
    )(oregon);
    expect(await onFunction(built)).toEqual([atTheEdge]);
  });

  // Found on pulumi/examples' Next.js site: one CloudFront Function every behaviour runs gave a
  // finding per behaviour, each with the same path.
  test("gives one finding per distribution, naming every association", async () => {
    const plan = pipe(
      edgeFunction,
      distribution(plainLambda("viewer-request", `${arn}:3`), [
        {
          pathPattern: "/api/*",
          ...plainLambda("origin-request", `${arn}:3`),
        },
      ]),
    )(oregon);
    expect(await onFunction(plan)).toEqual([atTheEdge]);
    expect(await messageOnFunction(plan)).toContain(
      "associates it with its viewer-request and origin-request events (defaultCacheBehavior.lambdaFunctionAssociations[0], orderedCacheBehaviors[0].lambdaFunctionAssociations[0])",
    );
  });

  test("twin: a function the distribution does not associate, or another function's, passes", async () => {
    const none = pipe(edgeFunction, distribution({}))(oregon);
    expect(await onFunction(none)).toEqual([]);
    const other = pipe(
      edgeFunction,
      distribution(
        plainLambda("viewer-request", "arn:aws:lambda:us-east-1:111122223333:function:other:1"),
      ),
    )(oregon);
    expect(await onFunction(other)).toEqual([]);
    const unknownElsewhere = pipe(
      edgeFunction,
      distribution(plainLambda("viewer-request", unknown)),
    )(oregon);
    expect(await onFunction(unknownElsewhere)).toEqual([]);
  });
});

/**
 * A multi-tenant distribution "cdn" (`aws.cloudfront.MultitenantDistribution`): its behaviours are
 * `defaultCacheBehavior` and `cacheBehaviors`, a Lambda association's ARN is `lambdaFunctionArn`.
 * Found by the red team: the function a multi-tenant distribution ran was judged as a regional one.
 */
const multitenant = cdn(
  "aws:cloudfront/multitenantDistribution:MultitenantDistribution",
  "id",
  "cacheBehaviors",
);

const multitenantAtTheEdge =
  'mandatory: cloudfront multitenant distribution "cdn" at CloudFront edge locations outside the jurisdiction';

describe("a Lambda function a multi-tenant CloudFront distribution associates", () => {
  test("fails by its default behaviour's lambdaFunctionArn, by a cache behaviour's, and by one not known at preview", async () => {
    const byDefault = pipe(
      edgeFunction,
      multitenant(tenantLambda("viewer-request", `${arn}:3`)),
    )(oregon);
    expect(await onFunction(byDefault)).toEqual([multitenantAtTheEdge]);
    const byCacheBehaviour = pipe(
      edgeFunction,
      multitenant({}, [
        {
          pathPattern: "/private/*",
          ...tenantLambda("origin-request", arn),
        },
      ]),
    )(oregon);
    expect(await onFunction(byCacheBehaviour)).toEqual([multitenantAtTheEdge]);
    const built = pipe(
      edgeFunction,
      multitenant({}, [tenantLambda("origin-request", unknown)], {
        cacheBehaviors: ["edge"],
      }),
    )(oregon);
    expect(await onFunction(built)).toEqual([multitenantAtTheEdge]);
    expect(await messageOnFunction(byCacheBehaviour)).toContain(
      "associates it with its origin-request event (cacheBehaviors[0].lambdaFunctionAssociations[0]): CloudFront replicates a Lambda@Edge function",
    );
  });

  test("twin: another function's ARN, or none, passes", async () => {
    const other = pipe(
      edgeFunction,
      multitenant(
        tenantLambda("viewer-request", "arn:aws:lambda:us-east-1:111122223333:function:other:1"),
      ),
    )(oregon);
    expect(await onFunction(other)).toEqual([]);
    expect(await onFunction(pipe(edgeFunction, multitenant({}))(oregon))).toEqual([]);
  });
});

const cloudFrontArn = "arn:aws:cloudfront::111122223333:function/edge-rewrite";

/** A CloudFront Function "edge" of the stack (published, its LIVE stage, by default). */
const cloudFrontFunction = (inputs: Record<string, unknown> = {}) =>
  add(
    "aws:cloudfront/function:Function",
    "edge",
    { runtime: "cloudfront-js-2.0", code: "function handler(e) { return e.request; }", ...inputs },
    { outputs: { arn: cloudFrontArn } },
  );

describe("a CloudFront Function a CloudFront distribution associates", () => {
  test("fails on the function, in a CloudFront Function's words, by its ARN", async () => {
    const plan = pipe(
      cloudFrontFunction(),
      distribution({
        functionAssociations: [{ eventType: "viewer-request", functionArn: cloudFrontArn }],
      }),
    )(oregon);
    expect(await onFunction(plan)).toEqual([atTheEdge]);
    expect(await messageOnFunction(plan)).toContain(
      "associates it with its viewer-request event (defaultCacheBehavior.functionAssociations[0]): CloudFront runs a CloudFront Function at its edge locations worldwide",
    );
  });

  test("fails by an ordered or a multi-tenant behaviour's association, and by one not known at preview", async () => {
    const ordered = pipe(
      cloudFrontFunction(),
      distribution({}, [
        { functionAssociations: [{ eventType: "viewer-response", functionArn: cloudFrontArn }] },
      ]),
    )(oregon);
    expect(await onFunction(ordered)).toEqual([atTheEdge]);
    const tenants = pipe(
      cloudFrontFunction(),
      multitenant({
        functionAssociations: [{ eventType: "viewer-request", functionArn: cloudFrontArn }],
      }),
    )(oregon);
    expect(await onFunction(tenants)).toEqual([multitenantAtTheEdge]);
    const built = pipe(
      cloudFrontFunction(),
      distribution(
        { functionAssociations: [{ eventType: "viewer-request", functionArn: unknown }] },
        [],
        { defaultCacheBehavior: ["edge"] },
      ),
    )(oregon);
    expect(await onFunction(built)).toEqual([atTheEdge]);
  });

  test("twin: another CloudFront Function's ARN, or an unpublished one the behaviour was built from, passes", async () => {
    const other = pipe(
      cloudFrontFunction(),
      distribution({
        functionAssociations: [
          {
            eventType: "viewer-request",
            functionArn: "arn:aws:cloudfront::111122223333:function/other",
          },
        ],
      }),
    )(oregon);
    expect(await onFunction(other)).toEqual([]);
    const unpublished = pipe(
      cloudFrontFunction({ publish: false }),
      distribution(
        { functionAssociations: [{ eventType: "viewer-request", functionArn: unknown }] },
        [],
        { defaultCacheBehavior: ["edge"] },
      ),
    )(oregon);
    expect(await onFunction(unpublished)).toEqual([]);
  });
});

/**
 * Found by the red team: the association's ARN not known at preview (a lookup's, here) matched a
 * regional function whose name only builds the behaviour's `targetOriginId`, since the
 * dependencies are of the whole behaviour. Lambda@Edge takes only a published version, so only a
 * published function the behaviour was built from can be the one it runs.
 */
describe("a Lambda function a behaviour with an association not known at preview was built from", () => {
  const regional = add(
    "aws:lambda/function:Function",
    "edge",
    {
      runtime: "nodejs20.x",
      handler: "index.handler",
      role: "arn:aws:iam::111122223333:role/api",
      vpcConfig: { subnetIds: ["subnet-0123"], securityGroupIds: ["sg-0123"] },
    },
    { outputs: { arn: "arn:aws:lambda:us-west-2:111122223333:function:api" } },
  );
  const byOrigin = distribution(
    {
      targetOriginId: "edge-origin",
      ...plainLambda("viewer-request", unknown),
    },
    [],
    { defaultCacheBehavior: ["edge"] },
  );

  test("passes where the function is not published: it only names the behaviour's origin", async () => {
    expect(await onFunction(pipe(regional, byOrigin)(oregon))).toEqual([]);
  });

  test("twin: fails where the function is published, its ARN not known at preview as the Pulumi CLI sends a new one's", async () => {
    const newEdge = add(
      "aws:lambda/function:Function",
      "edge",
      {
        runtime: "nodejs20.x",
        handler: "index.handler",
        role: "arn:aws:iam::111122223333:role/edge",
        publish: true,
        vpcConfig: { subnetIds: ["subnet-0123"], securityGroupIds: ["sg-0123"] },
      },
      { outputs: { arn: unknown, qualifiedArn: unknown } },
    );
    expect(await onFunction(pipe(newEdge, byOrigin)(oregon))).toEqual([atTheEdge]);
  });
});
