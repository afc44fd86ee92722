/**
 * The stack policy on the policy runtime's own resource objects: props wrapped in the runtime's
 * unknown-checking proxy, as during `pulumi preview`. A value not known yet must fail closed — a
 * violation with a path — rather than throw, which the runtime would turn into an advisory.
 */
import type { PolicyResource, StackValidationArgs } from "@pulumi/policy";
import { fromPolicyResources, noPathOutOfJurisdiction, unknown } from "../../policy/paths";
import { plainValue } from "../../policy/paths/values";

// The runtime's proxy is internal to @pulumi/policy; the test uses it to stay faithful.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { unknownCheckingProxy } = require("@pulumi/policy/proxy") as {
  unknownCheckingProxy: <T extends object>(o: T) => T;
};
const unknownString = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

function resource(
  type: string,
  name: string,
  props: Record<string, unknown>,
  provider?: PolicyResource["provider"],
): PolicyResource {
  return {
    type,
    name,
    urn: `urn:pulumi:dev::p::${type}::${name}`,
    props: unknownCheckingProxy(props),
    opts: {
      protect: false,
      ignoreChanges: [],
      aliases: [],
      additionalSecretOutputs: [],
      customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
    },
    provider,
    dependencies: [],
    propertyDependencies: {},
    isType: () => false,
    asType: () => undefined,
  } as unknown as PolicyResource;
}

const shanghai = {
  type: "pulumi:providers:alicloud",
  name: "sh",
  urn: "urn:pulumi:dev::p::pulumi:providers:alicloud::sh",
  props: { region: "cn-shanghai" },
};

function run(resources: PolicyResource[], config: Record<string, unknown>): string[] {
  const messages: string[] = [];
  const args = {
    resources,
    getConfig: () => config,
    stackTags: new Map(),
    notApplicable: () => {
      throw new Error("not applicable");
    },
  } as unknown as StackValidationArgs;
  noPathOutOfJurisdiction.validateStack(args, (m: string) => messages.push(m));
  return messages;
}

const replicatedTo = (location: unknown) => [
  resource("alicloud:oss/bucket:Bucket", "telemetry", { bucket: "t" }, shanghai),
  resource(
    "alicloud:oss/bucketReplication:BucketReplication",
    "telemetry-dr",
    { bucket: "t", destination: { bucket: unknownString, location } },
    shanghai,
  ),
];

/**
 * A bucket encrypted with a key not known at preview: where the key is, and so where the data
 * can be decrypted, cannot be decided, so the path ends at a place the analysis cannot locate.
 */
const bucketOfUnknownKey = () => [
  resource(
    "alicloud:oss/bucket:Bucket",
    "telemetry",
    {
      bucket: "t",
      serverSideEncryptionRule: { sseAlgorithm: "KMS", kmsMasterKeyId: unknownString },
    },
    shanghai,
  ),
];
const unknownKeyMessage =
  'oss bucket "telemetry" must not be able to send data outside CN, but it reaches unknown (key of oss bucket "telemetry" is not known until deployed) in 1 hop; it crosses the border at the edge "encrypted by". Encrypt with a key created through a provider pinned to a region inside CN. The far end cannot be placed, and what cannot be placed fails closed: reference a resource of this stack or a region the analysis can check.\npath: oss bucket "telemetry" → encrypted by → unknown (key of oss bucket "telemetry" is not known until deployed)';

test("a place not known at preview fails closed instead of throwing", () => {
  expect(run(bucketOfUnknownKey(), { jurisdiction: "CN" })).toEqual([unknownKeyMessage]);
});

test("a bucket policy not known at preview is left to public-exposure, which fails it closed", () => {
  // One crossing, one finding: who can read the bucket is the policy's question.
  const bucket = resource(
    "alicloud:oss/bucket:Bucket",
    "telemetry",
    { bucket: "t", policy: unknownString },
    shanghai,
  );
  expect(run([bucket], { jurisdiction: "CN" })).toEqual([]);
});

test("the same stack with a known in-country destination passes", () => {
  expect(run(replicatedTo("oss-cn-beijing"), { jurisdiction: "CN" })).toEqual([]);
});

test("nothing runs without a jurisdiction (residency-configured reports that once)", () => {
  expect(run(replicatedTo("oss-cn-hongkong"), {})).toEqual([]);
});

describe("waivers", () => {
  const waiver = (expires: string) => [
    {
      policy: "no-path-out-of-jurisdiction",
      resource: "telemetry",
      reason: "policy review",
      expires,
    },
  ];

  test("an expired waiver does not silence the path", () => {
    expect(
      run(bucketOfUnknownKey(), { jurisdiction: "CN", waivers: waiver("2020-01-01") }),
    ).toEqual([unknownKeyMessage]);
  });

  test("a waiver that has not expired silences it", () => {
    expect(
      run(bucketOfUnknownKey(), { jurisdiction: "CN", waivers: waiver("2999-12-31") }),
    ).toEqual([]);
  });
});

test("a provider that is not among the resources is still used to place them", () => {
  const [bucket] = fromPolicyResources(replicatedTo("oss-cn-beijing")).filter(
    (r) => r.name === "telemetry",
  );
  expect(bucket.provider).toBe(shanghai.urn);
  expect(fromPolicyResources(replicatedTo("x")).map((r) => r.type)).toEqual([
    "pulumi:providers:alicloud",
    "alicloud:oss/bucket:Bucket",
    "alicloud:oss/bucketReplication:BucketReplication",
  ]);
});

test("wire values become plain: secrets revealed, references as URNs, unknowns marked", () => {
  expect(
    plainValue({
      a: {
        "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
        value: "s3cret",
      },
      b: { "4dabf18193072939515e22adb298388d": "5cf8f73096256a8f31e491e813e4eb8e", urn: "urn:x" },
      c: [unknownString, "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", 1],
    }),
  ).toEqual({ a: "s3cret", b: "urn:x", c: [unknown, unknown, 1] });
});
