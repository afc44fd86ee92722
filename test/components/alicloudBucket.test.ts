import {
  countsByType,
  one,
  parentName,
  providerRef,
  registrations,
  resetRegistrations,
  settled,
  testProvider,
  valueOf,
} from "../helpers/mocks";
import {
  AlicloudBucket,
  validateAlicloudBucketArgs,
  type AlicloudBucketArgs,
} from "../../components/alicloud/bucket";

const telemetry: AlicloudBucketArgs = {
  bucketName: "sovereign-dc-cn-shanghai-telemetry",
  retentionDays: 365,
  kmsKeyId: "key-123",
  vpcId: "vpc-123",
  accessLogBucket: "sovereign-dc-cn-shanghai-access-logs",
};

async function build(args: AlicloudBucketArgs = telemetry) {
  const provider = testProvider();
  const bucket = new AlicloudBucket("telemetry", args, { provider });
  await settled();
  return { bucket, providerRef: providerRef(one("pulumi:providers:alicloud", "test-cn-shanghai")) };
}

const inputsOf = (type: string, name: string) => one(`alicloud:oss/${type}`, name).inputs;
const policyOf = () =>
  JSON.parse(inputsOf("bucketPolicy:BucketPolicy", "telemetry-policy").policy as string);

const bucketResources = {
  "alicloud:oss/bucket:Bucket": 1,
  "alicloud:oss/bucketAcl:BucketAcl": 1,
  "alicloud:oss/bucketPublicAccessBlock:BucketPublicAccessBlock": 1,
  "alicloud:oss/bucketVersioning:BucketVersioning": 1,
  "alicloud:oss/bucketServerSideEncryption:BucketServerSideEncryption": 1,
  "alicloud:oss/bucketPolicy:BucketPolicy": 1,
};

beforeEach(resetRegistrations);

describe("AlicloudBucket", () => {
  it("creates the bucket and its seals, and no replication, acceleration or export", async () => {
    await build();
    expect(countsByType()).toEqual({
      "pulumi:providers:alicloud": 1,
      "sovereign-dc:alicloud:AlicloudBucket": 1,
      ...bucketResources,
      "alicloud:oss/bucketLogging:BucketLogging": 1,
    });
    const paths = registrations().filter((r) =>
      /bucketReplication|bucketTransferAcceleration|bucketInventory|bucketWebsite|accessPoint/.test(
        r.type,
      ),
    );
    expect(paths).toEqual([]);
  });

  it("names the bucket, refuses to force-destroy it and expires data after the retention period", async () => {
    await build();
    expect(inputsOf("bucket:Bucket", "telemetry-bucket")).toEqual({
      bucket: "sovereign-dc-cn-shanghai-telemetry",
      forceDestroy: false,
      lifecycleRules: [
        {
          id: "data-minimisation",
          enabled: true,
          expirations: [{ days: 365 }],
          noncurrentVersionExpirations: [{ days: 30 }],
          abortMultipartUploads: [{ days: 7 }],
        },
      ],
    });
  });

  it("keeps no version or upload past a retention period shorter than the defaults", async () => {
    await build({ ...telemetry, retentionDays: 5 });
    expect(inputsOf("bucket:Bucket", "telemetry-bucket").lifecycleRules).toEqual([
      {
        id: "data-minimisation",
        enabled: true,
        expirations: [{ days: 5 }],
        noncurrentVersionExpirations: [{ days: 5 }],
        abortMultipartUploads: [{ days: 5 }],
      },
    ]);
  });

  it("makes the bucket private and blocks public access", async () => {
    await build();
    expect(inputsOf("bucketAcl:BucketAcl", "telemetry-acl")).toEqual({
      bucket: "sovereign-dc-cn-shanghai-telemetry",
      acl: "private",
    });
    expect(
      inputsOf("bucketPublicAccessBlock:BucketPublicAccessBlock", "telemetry-public-access-block"),
    ).toEqual({ bucket: "sovereign-dc-cn-shanghai-telemetry", blockPublicAccess: true });
  });

  it("versions every object", async () => {
    await build();
    expect(inputsOf("bucketVersioning:BucketVersioning", "telemetry-versioning")).toEqual({
      bucket: "sovereign-dc-cn-shanghai-telemetry",
      status: "Enabled",
    });
  });

  it("encrypts every object with the stack's KMS key", async () => {
    await build();
    expect(
      inputsOf("bucketServerSideEncryption:BucketServerSideEncryption", "telemetry-encryption"),
    ).toEqual({
      bucket: "sovereign-dc-cn-shanghai-telemetry",
      sseAlgorithm: "KMS",
      kmsMasterKeyId: "key-123",
    });
  });

  it("logs access to the in-region log bucket under its own prefix", async () => {
    await build();
    expect(inputsOf("bucketLogging:BucketLogging", "telemetry-logging")).toEqual({
      bucket: "sovereign-dc-cn-shanghai-telemetry",
      targetBucket: "sovereign-dc-cn-shanghai-access-logs",
      targetPrefix: "sovereign-dc-cn-shanghai-telemetry/",
    });
  });

  it("denies plain HTTP, and object reads, writes, listings and deletes from outside the VPC", async () => {
    await build();
    expect(inputsOf("bucketPolicy:BucketPolicy", "telemetry-policy").bucket).toBe(
      "sovereign-dc-cn-shanghai-telemetry",
    );
    expect(policyOf()).toEqual({
      Version: "1",
      Statement: [
        {
          Effect: "Deny",
          Principal: ["*"],
          Action: ["oss:*"],
          Resource: [
            "acs:oss:*:*:sovereign-dc-cn-shanghai-telemetry",
            "acs:oss:*:*:sovereign-dc-cn-shanghai-telemetry/*",
          ],
          Condition: { Bool: { "acs:SecureTransport": ["false"] } },
        },
        {
          Effect: "Deny",
          Principal: ["*"],
          Action: [
            "oss:GetObject",
            "oss:GetObjectVersion",
            "oss:ListObjects",
            "oss:ListObjectVersions",
            "oss:DeleteObject",
            "oss:DeleteObjectVersion",
            "oss:PutObject",
          ],
          Resource: [
            "acs:oss:*:*:sovereign-dc-cn-shanghai-telemetry",
            "acs:oss:*:*:sovereign-dc-cn-shanghai-telemetry/*",
          ],
          Condition: { StringNotEquals: { "acs:SourceVpc": ["vpc-123"] } },
        },
      ],
    });
  });

  it("as the log sink, logs nowhere and lets only OSS's log writes in from outside the VPC", async () => {
    await build({
      bucketName: "sovereign-dc-cn-shanghai-access-logs",
      retentionDays: 365,
      kmsKeyId: "key-123",
      vpcId: "vpc-123",
      isAccessLogBucket: true,
    });
    expect(countsByType()).toEqual({
      "pulumi:providers:alicloud": 1,
      "sovereign-dc:alicloud:AlicloudBucket": 1,
      ...bucketResources,
    });
    const [, vpcOnly] = policyOf().Statement;
    expect(vpcOnly.Action).toEqual([
      "oss:GetObject",
      "oss:GetObjectVersion",
      "oss:ListObjects",
      "oss:ListObjectVersions",
      "oss:DeleteObject",
      "oss:DeleteObjectVersion",
    ]);
  });

  it("protects the bucket, and leaves every seal in place if Pulumi ever deletes it", async () => {
    await build();
    const custom = registrations().filter((r) => r.custom && !r.type.startsWith("pulumi:"));
    expect(Object.fromEntries(custom.map((r) => [r.name, [r.protect, r.retainOnDelete]]))).toEqual({
      "telemetry-bucket": [true, true],
      "telemetry-acl": [false, true],
      "telemetry-public-access-block": [false, true],
      "telemetry-versioning": [false, true],
      "telemetry-encryption": [false, true],
      "telemetry-policy": [false, true],
      "telemetry-logging": [false, true],
    });
  });

  it("creates every resource through the explicit provider, as a child of the component", async () => {
    const { providerRef } = await build();
    const children = registrations().filter((r) => r.custom && !r.type.startsWith("pulumi:"));
    expect(children.map((r) => [r.name, r.provider, parentName(r)])).toEqual(
      children.map((r) => [r.name, providerRef, "telemetry"]),
    );
  });

  it("exposes the bucket's name and OSS location", async () => {
    const { bucket } = await build();
    expect(await valueOf({ name: bucket.bucketName, location: bucket.location })).toEqual({
      name: "sovereign-dc-cn-shanghai-telemetry",
      location: "oss-cn-shanghai",
    });
  });

  it("rejects invalid arguments before declaring any resource", async () => {
    expect(() => new AlicloudBucket("bad", { ...telemetry, bucketName: "Bad_Name" })).toThrow(
      'Invalid arguments for AlicloudBucket "bad":\n' +
        '  - bucketName: received "Bad_Name"; expected 3 to 63 lowercase letters, digits or hyphens, starting and ending with a letter or digit.',
    );
    await settled();
    expect(registrations()).toEqual([]);
  });
});

describe("validateAlicloudBucketArgs", () => {
  it("accepts a data bucket", () => {
    expect(validateAlicloudBucketArgs(telemetry)).toEqual([]);
  });

  test.each<[string, Partial<AlicloudBucketArgs>, string[]]>([
    [
      "a name longer than OSS allows",
      { bucketName: "a".repeat(64) },
      [
        `bucketName: received "${"a".repeat(64)}"; expected 3 to 63 lowercase letters, digits or hyphens, starting and ending with a letter or digit.`,
      ],
    ],
    [
      "a retention of zero days",
      { retentionDays: 0 },
      ["retentionDays: received 0; expected a whole number of days from 1 to 36500."],
    ],
    [
      "noncurrent versions that outlive the retention period",
      { retentionDays: 10, noncurrentVersionRetentionDays: 11 },
      [
        "noncurrentVersionRetentionDays: received 11; expected a whole number of days from 1 to retentionDays (10).",
      ],
    ],
    [
      "a data bucket without a log target",
      { accessLogBucket: undefined },
      [
        "accessLogBucket: received nothing; expected the in-region bucket that receives this bucket's access logs (or isAccessLogBucket: true on the log bucket itself).",
      ],
    ],
    [
      "a log sink that logs to a bucket",
      { isAccessLogBucket: true },
      [
        "accessLogBucket: set on the access-log bucket itself; expected no log target, since OSS would log its own log deliveries in a loop.",
      ],
    ],
  ])("rejects %s", (_, change, expected) => {
    expect(validateAlicloudBucketArgs({ ...telemetry, ...change })).toEqual(expected);
  });
});
