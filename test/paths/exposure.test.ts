/**
 * One crossing, one finding on the exposure and edge-services tables: a bucket's public grant and
 * its transfer acceleration are edges tagged with the policy that reports them from the resource
 * alone (public-exposure, global-services), so the crossing they draw is that policy's finding and
 * not a second one of no-path-out-of-jurisdiction. A public-access block is the grant's gate
 * (Rule G): the grant is still public-exposure's finding, but no path passes the shut gate.
 */
import {
  type OracleResource,
  type OracleSettings,
  runBorder,
  runNamed,
  on,
} from "../helpers/model-oracle";
import type { Finding } from "../helpers/policy-session";

const US: OracleSettings = { jurisdiction: "US" };
const provider: OracleResource = {
  type: "pulumi:providers:aws",
  name: "or",
  props: { region: "us-west-2", allowedAccountIds: ["111122223333"] },
};
const aws = on("or");

const everyone = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" }],
});

/** A bucket in Oregon (customer-key-encryption's finding on it is left out of the comparisons). */
function bucket(extra: OracleResource[]): OracleResource[] {
  return [provider, aws("aws:s3/bucket:Bucket", "site", { bucket: "site-b" }), ...extra];
}

const acl = aws("aws:s3/bucketAcl:BucketAcl", "site-acl", { bucket: "site-b", acl: "public-read" });
const aclFinding: Finding = [
  "public-exposure",
  "site-acl",
  "mandatory",
  ["the internet", 's3 bucket acl "site-acl"'],
];

describe("a public bucket ACL", () => {
  test("is public-exposure's finding, and its path out is not no-path's too", () => {
    const input = bucket([acl]);
    expect(runNamed(input, US).filter(([p]) => p !== "customer-key-encryption")).toEqual([
      aclFinding,
    ]);
    // The border analysis still sees the path; public-exposure explains it.
    expect(runBorder(input, US)).toEqual([
      ['s3 bucket "site"', 'public access "site-acl" (public-read)', "the public internet"],
    ]);
  });

  test("under a block that ignores public ACLs is still public-exposure's finding, with no path", () => {
    const input = bucket([
      acl,
      aws("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "site-block", {
        bucket: "site-b",
        ignorePublicAcls: true,
      }),
    ]);
    expect(runNamed(input, US).filter(([p]) => p !== "customer-key-encryption")).toEqual([
      aclFinding,
    ]);
    expect(runBorder(input, US)).toEqual([]);
  });

  test("a private ACL passes", () => {
    const input = bucket([{ ...acl, props: { bucket: "site-b", acl: "private" } }]);
    expect(runNamed(input, US).filter(([p]) => p !== "customer-key-encryption")).toEqual([]);
    expect(runBorder(input, US)).toEqual([]);
  });
});

describe("an S3 access point whose policy allows everyone", () => {
  const point = (props: Record<string, unknown>) =>
    bucket([
      aws("aws:s3/accessPoint:AccessPoint", "site-ap", {
        bucket: "site-b",
        policy: everyone,
        ...props,
      }),
    ]);
  const finding: Finding = [
    "public-exposure",
    "site-ap",
    "mandatory",
    ["the internet", 's3 access point "site-ap"'],
  ];

  test("with its own block's restrictPublicBuckets off opens the bucket: public-exposure's finding and path", () => {
    const input = point({ publicAccessBlockConfiguration: { restrictPublicBuckets: false } });
    expect(runNamed(input, US).filter(([p]) => p !== "customer-key-encryption")).toEqual([finding]);
    expect(runBorder(input, US)).toEqual([
      [
        's3 bucket "site"',
        'public access "site-ap" (access point policy allows everyone)',
        "the public internet",
      ],
    ]);
  });

  test("with its block at the default (on) is public-exposure's finding, with no path", () => {
    const input = point({});
    expect(runNamed(input, US).filter(([p]) => p !== "customer-key-encryption")).toEqual([finding]);
    expect(runBorder(input, US)).toEqual([]);
  });

  test("in a VPC passes", () => {
    const input = point({
      vpcConfiguration: { vpcId: "vpc-1" },
      publicAccessBlockConfiguration: { restrictPublicBuckets: false },
    });
    expect(runNamed(input, US).filter(([p]) => p !== "customer-key-encryption")).toEqual([]);
    expect(runBorder(input, US)).toEqual([]);
  });
});

describe("transfer acceleration", () => {
  const accelerated = (status: string) =>
    bucket([
      aws("aws:s3/bucketAccelerateConfiguration:BucketAccelerateConfiguration", "site-fast", {
        bucket: "site-b",
        status,
      }),
    ]);

  test("on is global-services' finding, and its path out is not no-path's too", () => {
    const input = accelerated("Enabled");
    expect(runNamed(input, US).filter(([p]) => p !== "customer-key-encryption")).toEqual([
      [
        "global-services",
        "site-fast",
        "mandatory",
        [
          's3 bucket accelerate configuration "site-fast"',
          "S3 transfer acceleration network outside the jurisdiction",
        ],
      ],
    ]);
    expect(runBorder(input, US)).toEqual([
      [
        's3 bucket "site"',
        'transfer acceleration "site-fast"',
        "S3 transfer acceleration network (global, outside US)",
      ],
    ]);
  });

  test("suspended passes", () => {
    const input = accelerated("Suspended");
    expect(runNamed(input, US).filter(([p]) => p !== "customer-key-encryption")).toEqual([]);
    expect(runBorder(input, US)).toEqual([]);
  });
});
