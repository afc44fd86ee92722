/**
 * A CDN forwards its viewers' requests — paths, query strings, headers, cookies, bodies — to its
 * origins and caches what they answer. In the China partition CloudFront's edge network stays
 * inside CN (global-services is silent), and the origin is the distribution's way out: a host of
 * the program's own resources or a cloud endpoint inside passes, an endpoint abroad or a host the
 * pack cannot place is remote-sites', and an origin not known at preview that nothing of the
 * program explains, or a bucket's global domain that names no bucket of the program, is
 * named-destinations' — never sealed.
 */
import type { Plan } from "../../engine/plan";
import { add, fixturePlan, unknown } from "../helpers/policy-plan";
import { findings, policyPack, shanghaiSettings } from "../helpers/policy-session";

const pack = policyPack();
/** A CN stack in cn-north-1 (the aws-cn partition). */
let china: Plan;
beforeAll(async () => {
  china = await fixturePlan("aws-oai-bucket", "cn");
});

const cn = { jurisdiction: "CN" };

/** A distribution whose one custom origin is `domainName`, computed from `from` when given. */
const distribution = (domainName: unknown, from?: readonly string[]) =>
  add(
    "aws:cloudfront/distribution:Distribution",
    "cdn",
    {
      enabled: true,
      origins: [
        {
          originId: "app",
          domainName,
          customOriginConfig: {
            httpPort: 80,
            httpsPort: 443,
            originProtocolPolicy: "https-only",
            originSslProtocols: ["TLSv1.2"],
          },
        },
      ],
      defaultCacheBehavior: {
        targetOriginId: "app",
        viewerProtocolPolicy: "redirect-to-https",
        allowedMethods: ["GET", "HEAD"],
        cachedMethods: ["GET", "HEAD"],
      },
      restrictions: { geoRestriction: { restrictionType: "none" } },
      viewerCertificate: { cloudfrontDefaultCertificate: true },
    },
    from === undefined ? {} : { dependsOn: { origins: from } },
  );

/** The findings about the distribution, each with the place its path ends at. */
const judged = async (plan: Plan) =>
  findings(await pack.check(plan, cn))
    .filter(([, name]) => name === "cdn")
    .map(([policy, name, level, path]) => [policy, name, level, path?.at(-1)]);

test("an origin on a host the pack cannot place is remote-sites'", async () => {
  expect(await judged(distribution("origin.example.com")(china))).toEqual([
    ["remote-sites", "cdn", "mandatory", '"origin.example.com" (cannot be placed)'],
  ]);
});

test("an origin on a load balancer abroad is remote-sites', not also arn-locality's", async () => {
  expect(await judged(distribution("app-1.us-east-1.elb.amazonaws.com")(china))).toEqual([
    ["remote-sites", "cdn", "mandatory", "app-1.us-east-1.elb.amazonaws.com (outside CN, in US)"],
  ]);
});

test("an origin on a bucket endpoint of cn-north-1 passes", async () => {
  expect(await judged(distribution("assets.s3.cn-north-1.amazonaws.com.cn")(china))).toEqual([]);
});

test("an origin on a bucket's global domain is that bucket: the program's passes, another cannot be placed", async () => {
  // `<bucket>.s3.amazonaws.com.cn` names no region; it is the bucket's own domain
  // (`bucketDomainName`), served from the bucket's region.
  const withAssets = add("aws:s3/bucket:Bucket", "assets", { bucket: "assets-4711" })(china);
  expect(await judged(distribution("assets-4711.s3.amazonaws.com.cn")(withAssets))).toEqual([]);
  expect(await judged(distribution("someone-else.s3.amazonaws.com.cn")(withAssets))).toEqual([
    [
      "named-destinations",
      "cdn",
      "mandatory",
      '"someone-else.s3.amazonaws.com.cn" (cannot be placed)',
    ],
  ]);
});

test("an origin not known at preview is placed through the program's resource it came from", async () => {
  // Built from the program's own bucket (its regional domain name): where the bucket is.
  const withAssets = add("aws:s3/bucket:Bucket", "assets", {})(china);
  expect(await judged(distribution(unknown, ["assets"])(withAssets))).toEqual([]);
  // Built from nothing of the program (a stack reference, a lookup): it cannot be placed.
  expect(await judged(distribution(unknown)(china))).toEqual([
    ["named-destinations", "cdn", "mandatory", "origins[0].domainName (unknown at preview)"],
  ]);
});

describe("an Alibaba Cloud CDN domain served in the mainland", () => {
  let shanghai: Plan;
  beforeAll(async () => {
    shanghai = await fixturePlan("policy-alicloud", "cn");
  });
  /** A CDN domain of the domestic service area whose one origin is `content` of `type`. */
  const domain = (type: string, content: unknown) =>
    add("alicloud:cdn/domainNew:DomainNew", "cdn", {
      domainName: "static.example.cn",
      cdnType: "web",
      scope: "domestic",
      sources: [{ type, content, port: 443 }],
    });
  const judgedCn = async (plan: Plan) =>
    findings(await pack.check(plan, shanghaiSettings))
      .filter(([, name]) => name === "cdn")
      .map(([policy, name, level, path]) => [policy, name, level, path?.at(-1)]);

  test("an origin on a host the pack cannot place is remote-sites'", async () => {
    expect(await judgedCn(domain("domain", "origin.example.com")(shanghai))).toEqual([
      ["remote-sites", "cdn", "mandatory", '"origin.example.com" (cannot be placed)'],
    ]);
  });

  test("an origin on an OSS bucket of a region abroad is remote-sites'", async () => {
    expect(await judgedCn(domain("oss", "assets.oss-us-west-1.aliyuncs.com")(shanghai))).toEqual([
      ["remote-sites", "cdn", "mandatory", "assets.oss-us-west-1.aliyuncs.com (outside CN, in US)"],
    ]);
  });

  test("an origin on an OSS bucket of cn-shanghai passes", async () => {
    expect(await judgedCn(domain("oss", "assets.oss-cn-shanghai.aliyuncs.com")(shanghai))).toEqual(
      [],
    );
  });
});

test("an accelerator of the China partition's provider is global-services': Global Accelerator's edge is not the partition's", async () => {
  const accelerator = add("aws:globalaccelerator/accelerator:Accelerator", "ga", {
    name: "records",
    ipAddressType: "IPV4",
    enabled: true,
  });
  expect(
    findings(await pack.check(accelerator(china), cn))
      .filter(([, name]) => name === "ga")
      .map(([policy, , level, path]) => [policy, level, path?.at(-1)]),
  ).toEqual([
    ["global-services", "mandatory", "Global Accelerator edge locations outside the jurisdiction"],
  ]);
  // CloudFront's edge of the same partition stays in China: an origin inside passes.
  expect(await judged(distribution("assets.s3.cn-north-1.amazonaws.com.cn")(china))).toEqual([]);
  // API Gateway there refuses an edge-optimised API (its default type): no edge, so no path out.
  const api = add("aws:apigateway/restApi:RestApi", "api", { name: "records" });
  expect(findings(await pack.check(api(china), cn)).filter(([, name]) => name === "api")).toEqual(
    [],
  );
});
