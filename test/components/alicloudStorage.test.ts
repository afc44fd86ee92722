import {
  countsByType,
  ofType,
  parentName,
  registrations,
  resetRegistrations,
  settled,
  testProvider,
  valueOf,
} from "../helpers/mocks";
import {
  AlicloudStorage,
  validateAlicloudStorageArgs,
  type AlicloudStorageArgs,
} from "../../components/alicloud/storage";

const shanghai: AlicloudStorageArgs = {
  namePrefix: "sovereign-dc-cn-shanghai",
  buckets: [
    { name: "telemetry", purpose: "Vehicle telemetry", retentionDays: 365 },
    { name: "customer-records", purpose: "Customer contracts", retentionDays: 1825 },
  ],
  kmsKeyId: "key-123",
  vpcId: "vpc-123",
};

async function build(args: AlicloudStorageArgs = shanghai) {
  const storage = new AlicloudStorage("storage", args, { provider: testProvider() });
  await settled();
  return storage;
}

/** Inputs of every resource of `type`, keyed by resource name. */
function inputsByName(type: string): Record<string, Record<string, unknown>> {
  return Object.fromEntries(ofType(`alicloud:oss/${type}`).map((r) => [r.name, r.inputs]));
}

beforeEach(resetRegistrations);

describe("AlicloudStorage", () => {
  it("creates one sealed bucket per data bucket plus the access-log bucket", async () => {
    await build();
    expect(countsByType()).toEqual({
      "pulumi:providers:alicloud": 1,
      "sovereign-dc:alicloud:AlicloudStorage": 1,
      "sovereign-dc:alicloud:AlicloudBucket": 3,
      "alicloud:oss/bucket:Bucket": 3,
      "alicloud:oss/bucketAcl:BucketAcl": 3,
      "alicloud:oss/bucketPublicAccessBlock:BucketPublicAccessBlock": 3,
      "alicloud:oss/bucketVersioning:BucketVersioning": 3,
      "alicloud:oss/bucketServerSideEncryption:BucketServerSideEncryption": 3,
      "alicloud:oss/bucketPolicy:BucketPolicy": 3,
      "alicloud:oss/bucketLogging:BucketLogging": 2,
    });
  });

  it("names each bucket after the prefix and its logical name, with its own retention", async () => {
    await build();
    const buckets = inputsByName("bucket:Bucket");
    expect(
      Object.fromEntries(
        Object.entries(buckets).map(([name, b]) => [
          name,
          [b.bucket, (b.lifecycleRules as Array<{ expirations: unknown }>)[0].expirations],
        ]),
      ),
    ).toEqual({
      "storage-access-logs-bucket": ["sovereign-dc-cn-shanghai-access-logs", [{ days: 365 }]],
      "storage-telemetry-bucket": ["sovereign-dc-cn-shanghai-telemetry", [{ days: 365 }]],
      "storage-customer-records-bucket": [
        "sovereign-dc-cn-shanghai-customer-records",
        [{ days: 1825 }],
      ],
    });
  });

  it("logs every data bucket to the in-region log bucket, and the log bucket nowhere", async () => {
    await build();
    expect(inputsByName("bucketLogging:BucketLogging")).toEqual({
      "storage-telemetry-logging": {
        bucket: "sovereign-dc-cn-shanghai-telemetry",
        targetBucket: "sovereign-dc-cn-shanghai-access-logs",
        targetPrefix: "sovereign-dc-cn-shanghai-telemetry/",
      },
      "storage-customer-records-logging": {
        bucket: "sovereign-dc-cn-shanghai-customer-records",
        targetBucket: "sovereign-dc-cn-shanghai-access-logs",
        targetPrefix: "sovereign-dc-cn-shanghai-customer-records/",
      },
    });
  });

  it("seals the log bucket like the data buckets: private, versioned, encrypted with the key", async () => {
    await build();
    const sealsOf = (bucket: string) => [
      inputsByName("bucketAcl:BucketAcl")[`storage-${bucket}-acl`].acl,
      inputsByName("bucketPublicAccessBlock:BucketPublicAccessBlock")[
        `storage-${bucket}-public-access-block`
      ].blockPublicAccess,
      inputsByName("bucketVersioning:BucketVersioning")[`storage-${bucket}-versioning`].status,
      inputsByName("bucketServerSideEncryption:BucketServerSideEncryption")[
        `storage-${bucket}-encryption`
      ],
    ];
    for (const bucket of ["access-logs", "telemetry", "customer-records"]) {
      expect(sealsOf(bucket)).toEqual([
        "private",
        true,
        "Enabled",
        {
          bucket: `sovereign-dc-cn-shanghai-${bucket}`,
          sseAlgorithm: "KMS",
          kmsMasterKeyId: "key-123",
        },
      ]);
    }
  });

  it("protects all three buckets", async () => {
    await build();
    expect(ofType("alicloud:oss/bucket:Bucket").map((r) => [r.protect, r.retainOnDelete])).toEqual([
      [true, true],
      [true, true],
      [true, true],
    ]);
  });

  it("nests each bucket component under the storage component", async () => {
    await build();
    const components = ofType("sovereign-dc:alicloud:AlicloudBucket");
    expect(Object.fromEntries(components.map((r) => [r.name, parentName(r)]))).toEqual({
      "storage-access-logs": "storage",
      "storage-telemetry": "storage",
      "storage-customer-records": "storage",
    });
  });

  it("exposes the physical bucket names by logical name, and the log bucket", async () => {
    const storage = await build();
    expect(
      await valueOf({ buckets: storage.bucketNames, logBucket: storage.logBucketName }),
    ).toEqual({
      buckets: {
        telemetry: "sovereign-dc-cn-shanghai-telemetry",
        "customer-records": "sovereign-dc-cn-shanghai-customer-records",
      },
      logBucket: "sovereign-dc-cn-shanghai-access-logs",
    });
  });

  it("creates only the log bucket when no data bucket is declared", async () => {
    await build({ ...shanghai, buckets: [] });
    expect(ofType("alicloud:oss/bucket:Bucket").map((r) => r.inputs.bucket)).toEqual([
      "sovereign-dc-cn-shanghai-access-logs",
    ]);
  });

  it("rejects invalid arguments before declaring any resource", async () => {
    const reserved = {
      ...shanghai,
      buckets: [{ name: "access-logs", purpose: "x", retentionDays: 1 }],
    };
    expect(() => new AlicloudStorage("bad", reserved)).toThrow(
      'Invalid arguments for AlicloudStorage "bad":\n' +
        '  - buckets[0].name: received "access-logs"; expected another name; "access-logs" is the stack\'s access-log bucket.',
    );
    await settled();
    expect(registrations()).toEqual([]);
  });
});

describe("validateAlicloudStorageArgs", () => {
  it("accepts the Shanghai buckets", () => {
    expect(validateAlicloudStorageArgs(shanghai)).toEqual([]);
  });

  test.each<[string, Partial<AlicloudStorageArgs>, string[]]>([
    [
      "a prefix OSS cannot use",
      { namePrefix: "Sovereign" },
      [
        'namePrefix: received "Sovereign"; expected a prefix that makes "Sovereign-access-logs" a valid OSS name (3 to 63 lowercase letters, digits or hyphens, starting and ending with a letter or digit).',
        'buckets[0].name: received "telemetry"; expected a name that makes "Sovereign-telemetry" a valid OSS name (3 to 63 lowercase letters, digits or hyphens, starting and ending with a letter or digit).',
        'buckets[1].name: received "customer-records"; expected a name that makes "Sovereign-customer-records" a valid OSS name (3 to 63 lowercase letters, digits or hyphens, starting and ending with a letter or digit).',
      ],
    ],
    [
      "a bucket whose full name passes 63 characters",
      {
        namePrefix: "sovereign-dc-cn-shanghai-finance-1",
        buckets: [{ name: "customer-records-of-all-times", purpose: "x", retentionDays: 1 }],
      },
      [
        'buckets[0].name: received "customer-records-of-all-times"; expected a name that makes "sovereign-dc-cn-shanghai-finance-1-customer-records-of-all-times" a valid OSS name (3 to 63 lowercase letters, digits or hyphens, starting and ending with a letter or digit).',
      ],
    ],
    [
      "a bucket name used twice",
      {
        buckets: [
          { name: "telemetry", purpose: "x", retentionDays: 1 },
          { name: "telemetry", purpose: "y", retentionDays: 2 },
        ],
      },
      ['buckets[1].name: received "telemetry"; expected a name not used by buckets[0].'],
    ],
    [
      "a retention of zero days",
      { buckets: [{ name: "telemetry", purpose: "x", retentionDays: 0 }] },
      ["buckets[0].retentionDays: received 0; expected a whole number of days from 1 to 36500."],
    ],
    [
      "an access-log retention of zero days",
      { accessLogRetentionDays: 0 },
      ["accessLogRetentionDays: received 0; expected a whole number of days from 1 to 36500."],
    ],
  ])("rejects %s", (_, change, expected) => {
    expect(validateAlicloudStorageArgs({ ...shanghai, ...change })).toEqual(expected);
  });
});
