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
  AlicloudKeys,
  validateAlicloudKeysArgs,
  type AlicloudKeysArgs,
} from "../../components/alicloud/keys";

async function build(args: AlicloudKeysArgs = {}) {
  const provider = testProvider();
  const keys = new AlicloudKeys("keys", args, { provider });
  await settled();
  return { keys, providerRef: providerRef(one("pulumi:providers:alicloud", "test-cn-shanghai")) };
}

const key = () => one("alicloud:kms/key:Key", "keys-key");

beforeEach(resetRegistrations);

describe("AlicloudKeys", () => {
  it("creates exactly one key", async () => {
    await build();
    expect(countsByType()).toEqual({
      "pulumi:providers:alicloud": 1,
      "sovereign-dc:alicloud:AlicloudKeys": 1,
      "alicloud:kms/key:Key": 1,
    });
  });

  it("rotates the key, holds deletion for the window and keeps deletion protection on", async () => {
    await build({
      rotationDays: 365,
      deletionWindowDays: 14,
      description: "Data key of cn-shanghai",
    });
    expect(key().inputs).toEqual({
      description: "Data key of cn-shanghai",
      keySpec: "Aliyun_AES_256",
      keyUsage: "ENCRYPT/DECRYPT",
      origin: "Aliyun_KMS",
      automaticRotation: "Enabled",
      rotationInterval: "365d",
      pendingWindowInDays: 14,
      deletionProtection: "Enabled",
      deletionProtectionDescription:
        "Deleting this key makes every object encrypted with it unreadable.",
    });
  });

  it("defaults to yearly rotation and a 30-day deletion window", async () => {
    await build();
    expect(key().inputs).toMatchObject({
      description: "Data key of keys",
      rotationInterval: "365d",
      pendingWindowInDays: 30,
    });
  });

  it("rotates more often only inside a KMS instance", async () => {
    await build({ kmsInstanceId: "kst-shh123", rotationDays: 90 });
    expect(key().inputs).toMatchObject({ dkmsInstanceId: "kst-shh123", rotationInterval: "90d" });
  });

  it("protects the key from destroy and retains it if it is ever unprotected", async () => {
    await build();
    expect([key().protect, key().retainOnDelete]).toEqual([true, true]);
  });

  it("creates the key through the explicit provider, as a child of the component", async () => {
    const { providerRef } = await build();
    expect([key().provider, parentName(key())]).toEqual([providerRef, "keys"]);
  });

  it("exposes the key's ID and ARN", async () => {
    const { keys } = await build();
    expect(await valueOf({ keyId: keys.keyId, keyArn: keys.keyArn })).toEqual({
      keyId: "keys-key-id",
      keyArn: "acs:kms:cn-shanghai:1234567890123456:key/keys-key-id",
    });
  });

  it("rejects invalid arguments before declaring any resource", async () => {
    expect(() => new AlicloudKeys("bad", { deletionWindowDays: 3 })).toThrow(
      'Invalid arguments for AlicloudKeys "bad":\n' +
        "  - deletionWindowDays: received 3; expected a whole number from 7 to 366.",
    );
    await settled();
    expect(registrations()).toEqual([]);
  });
});

describe("validateAlicloudKeysArgs", () => {
  it("accepts the defaults", () => {
    expect(validateAlicloudKeysArgs({})).toEqual([]);
  });

  test.each<[string, AlicloudKeysArgs, string[]]>([
    [
      "a rotation period a default key cannot have",
      { rotationDays: 180 },
      [
        "rotationDays: received 180; expected 365, the only rotation period of a default key; set kmsInstanceId to rotate more often.",
      ],
    ],
    [
      "a rotation period longer than a year",
      { rotationDays: 400, kmsInstanceId: "kst-1" },
      ["rotationDays: received 400; expected a whole number from 7 to 365."],
    ],
    [
      "a deletion window longer than KMS allows",
      { deletionWindowDays: 367 },
      ["deletionWindowDays: received 367; expected a whole number from 7 to 366."],
    ],
    [
      "a fractional deletion window",
      { deletionWindowDays: 7.5 },
      ["deletionWindowDays: received 7.5; expected a whole number from 7 to 366."],
    ],
  ])("rejects %s", (_, args, expected) => {
    expect(validateAlicloudKeysArgs(args)).toEqual(expected);
  });
});
