import { getJurisdiction } from "../../residency/jurisdictions";
import {
  backendLocation,
  defaultBackendUrl,
  locationProblem,
  secretsProviderLocation,
} from "../../residency/state";

const cn = getJurisdiction("CN");
const us = getJurisdiction("US");

describe("where Pulumi state lives", () => {
  test.each([
    [
      "s3://state?endpoint=oss-cn-shanghai.aliyuncs.com&region=cn-shanghai",
      { kind: "region", cloud: "alicloud", region: "cn-shanghai" },
    ],
    [
      "s3://state?endpoint=https://oss-cn-beijing-internal.aliyuncs.com",
      { kind: "region", cloud: "alicloud", region: "cn-beijing" },
    ],
    [
      "s3://state?region=cn-northwest-1",
      { kind: "region", cloud: "aws", region: "cn-northwest-1" },
    ],
    ["https://api.pulumi.com", { kind: "region", cloud: "aws", region: "us-west-2" }],
  ])("places backend %s", (url, expected) => {
    expect(backendLocation(url)).toEqual(expected);
  });

  test.each([
    ["s3://state", "an s3:// backend without ?region= follows the machine's AWS config"],
    [
      "https://pulumi.internal.example",
      "a self-hosted service at pulumi.internal.example may store state anywhere",
    ],
    ["gs://state", "the gs:// backend names no region"],
    ["not a url", "it is not a URL"],
  ])("cannot place backend %s, and says why", (url, reason) => {
    expect(backendLocation(url)).toEqual({ kind: "unknown", reason });
    expect(locationProblem(cn, backendLocation(url))).toBe(
      `its location cannot be told: ${reason}`,
    );
  });

  it("accepts a China backend for CN and rejects it for US", () => {
    const loc = backendLocation("s3://state?region=cn-north-1");
    expect(locationProblem(cn, loc)).toBeUndefined();
    expect(locationProblem(us, loc)).toBe("it is in aws cn-north-1, outside US");
  });

  test.each([
    ["passphrase", { kind: "local" }],
    ["default", { kind: "region", cloud: "aws", region: "us-west-2" }],
    [
      "awskms://alias/state?region=cn-north-1",
      { kind: "region", cloud: "aws", region: "cn-north-1" },
    ],
    [
      "awskms://arn:aws-cn:kms:cn-northwest-1:111122223333:key/abc",
      { kind: "region", cloud: "aws", region: "cn-northwest-1" },
    ],
  ])("places secrets provider %s", (provider, expected) => {
    expect(secretsProviderLocation(provider)).toEqual(expected);
  });

  it("suggests a backend in the stack's own region", () => {
    expect(defaultBackendUrl("sovereign-dc", "cn-beijing", "alicloud", "cn-beijing")).toBe(
      "s3://sovereign-dc-state-cn-beijing?endpoint=oss-cn-beijing.aliyuncs.com&region=cn-beijing",
    );
    expect(
      locationProblem(cn, backendLocation(defaultBackendUrl("p", "s", "alicloud", "cn-beijing"))),
    ).toBeUndefined();
  });
});
