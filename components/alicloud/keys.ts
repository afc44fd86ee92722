/**
 * The stack's customer master key in Alibaba Cloud KMS. Alibaba KMS has no multi-region or replica
 * keys, so a key created through the stack's provider stays in the stack's region. The key is
 * rotated, shielded from deletion by the API's deletion protection, by `protect` and by
 * `retainOnDelete`, and a scheduled deletion waits out a pending window first — destroying the
 * key would destroy every object encrypted with it.
 */
import * as kms from "@pulumi/alicloud/kms";
import * as pulumi from "@pulumi/pulumi";
import { descriptionIssues, issue, isWholeNumberIn, throwIfInvalid } from "./validation";

export interface AlicloudKeysArgs {
  /**
   * Days between automatic rotations of the key material (`rotationInterval`). Defaults to: 365.
   * A default key (no `kmsInstanceId`) only rotates every 365 days; a key in a KMS instance
   * accepts 7 to 365.
   */
  readonly rotationDays?: number;
  /**
   * Days a key scheduled for deletion stays recoverable (`pendingWindowInDays`), 7 to 366.
   * Defaults to: 30.
   */
  readonly deletionWindowDays?: number;
  /**
   * The KMS instance to create the key in (`dkmsInstanceId`). Replaces the key when changed.
   * Defaults to: a default key of the provider's region.
   */
  readonly kmsInstanceId?: pulumi.Input<string>;
  /** What the key protects, shown in the KMS console. Defaults to: a line naming this component. */
  readonly description?: string;
}

export const keyDefaults = { rotationDays: 365, deletionWindowDays: 30 } as const;

/** Every issue with the arguments, one line each; empty when they are valid. */
export function validateAlicloudKeysArgs(args: AlicloudKeysArgs): string[] {
  const issues: string[] = [];
  const rotationDays = args.rotationDays ?? keyDefaults.rotationDays;
  if (!isWholeNumberIn(rotationDays, 7, 365)) {
    issues.push(issue("rotationDays", rotationDays, "expected a whole number from 7 to 365"));
  } else if (args.kmsInstanceId === undefined && rotationDays !== 365) {
    issues.push(
      issue(
        "rotationDays",
        rotationDays,
        "expected 365, the only rotation period of a default key; set kmsInstanceId to rotate more often",
      ),
    );
  }
  const deletionWindowDays = args.deletionWindowDays ?? keyDefaults.deletionWindowDays;
  if (!isWholeNumberIn(deletionWindowDays, 7, 366)) {
    issues.push(
      issue("deletionWindowDays", deletionWindowDays, "expected a whole number from 7 to 366"),
    );
  }
  if (args.description !== undefined) {
    issues.push(...descriptionIssues("description", args.description));
  }
  return issues;
}

export class AlicloudKeys extends pulumi.ComponentResource {
  readonly keyId: pulumi.Output<string>;
  readonly keyArn: pulumi.Output<string>;

  constructor(
    name: string,
    args: AlicloudKeysArgs = {},
    opts: pulumi.ComponentResourceOptions = {},
  ) {
    throwIfInvalid("AlicloudKeys", name, validateAlicloudKeysArgs(args));
    super("sovereign-dc:alicloud:AlicloudKeys", name, {}, opts);

    const key = new kms.Key(
      `${name}-key`,
      {
        description: args.description ?? `Data key of ${name}`,
        keySpec: "Aliyun_AES_256",
        keyUsage: "ENCRYPT/DECRYPT",
        origin: "Aliyun_KMS",
        dkmsInstanceId: args.kmsInstanceId,
        automaticRotation: "Enabled",
        rotationInterval: `${args.rotationDays ?? keyDefaults.rotationDays}d`,
        pendingWindowInDays: args.deletionWindowDays ?? keyDefaults.deletionWindowDays,
        deletionProtection: "Enabled",
        deletionProtectionDescription:
          "Deleting this key makes every object encrypted with it unreadable.",
      },
      { parent: this, protect: true, retainOnDelete: true },
    );

    this.keyId = key.id;
    this.keyArn = key.arn;
    this.registerOutputs({ keyId: this.keyId, keyArn: this.keyArn });
  }
}
