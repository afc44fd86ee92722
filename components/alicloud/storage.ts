/**
 * The stack's object storage: one sealed bucket per declared data bucket, plus the in-region
 * bucket their access logs go to, sealed the same way. Keeping the log sink in this component
 * means no data bucket can be declared without a log target in its own region.
 */
import * as pulumi from "@pulumi/pulumi";
import type { BucketSpec } from "../../residency/spec";
import { isValidOssBucketName, logBucketNames, ossBucketNameRule } from "../../residency/buildable";
import { AlicloudBucket } from "./bucket";
import { issue, isWholeNumberIn, throwIfInvalid } from "./validation";

export interface AlicloudStorageArgs {
  /**
   * Start of every physical bucket name, `<namePrefix>-<bucket name>`. OSS names are global
   * across all accounts, so make it specific to the organisation and stack. Replaces every bucket
   * when changed.
   */
  readonly namePrefix: string;
  /** The data buckets; each logical name becomes `<namePrefix>-<name>`. */
  readonly buckets: readonly BucketSpec[];
  /** The KMS key that encrypts every bucket, the log bucket included. */
  readonly kmsKeyId: pulumi.Input<string>;
  /** The VPC outside of which object data actions are denied. */
  readonly vpcId: pulumi.Input<string>;
  /**
   * Days access logs are kept. Defaults to: 365 — past the six months China's Cybersecurity Law
   * (Art. 21) asks network logs to be kept, and no longer than a year of client addresses.
   */
  readonly accessLogRetentionDays?: number;
}

/** The logical name of the log bucket; data buckets may not use it. */
export const accessLogBucketName = logBucketNames.alicloud.accessLogs;
const defaultAccessLogRetentionDays = 365;

/** Every issue with the arguments, one line each; empty when they are valid. */
export function validateAlicloudStorageArgs(args: AlicloudStorageArgs): string[] {
  const issues: string[] = [];
  const logRetention = args.accessLogRetentionDays ?? defaultAccessLogRetentionDays;
  if (!isWholeNumberIn(logRetention, 1, 36500)) {
    issues.push(
      issue(
        "accessLogRetentionDays",
        logRetention,
        "expected a whole number of days from 1 to 36500",
      ),
    );
  }
  const logBucket = `${args.namePrefix}-${accessLogBucketName}`;
  if (!isValidOssBucketName(logBucket)) {
    issues.push(
      issue(
        "namePrefix",
        args.namePrefix,
        `expected a prefix that makes "${logBucket}" a valid OSS name (${ossBucketNameRule})`,
      ),
    );
  }
  args.buckets.forEach((b, i) => {
    const physical = `${args.namePrefix}-${b.name}`;
    if (!isValidOssBucketName(physical)) {
      issues.push(
        issue(
          `buckets[${i}].name`,
          b.name,
          `expected a name that makes "${physical}" a valid OSS name (${ossBucketNameRule})`,
        ),
      );
    }
    if (b.name === accessLogBucketName) {
      issues.push(
        issue(
          `buckets[${i}].name`,
          b.name,
          `expected another name; "${accessLogBucketName}" is the stack's access-log bucket`,
        ),
      );
    }
    const first = args.buckets.findIndex((other) => other.name === b.name);
    if (first < i) {
      issues.push(
        issue(`buckets[${i}].name`, b.name, `expected a name not used by buckets[${first}]`),
      );
    }
    if (!isWholeNumberIn(b.retentionDays, 1, 36500)) {
      issues.push(
        issue(
          `buckets[${i}].retentionDays`,
          b.retentionDays,
          "expected a whole number of days from 1 to 36500",
        ),
      );
    }
  });
  return issues;
}

export class AlicloudStorage extends pulumi.ComponentResource {
  /** Physical bucket names keyed by logical name. */
  readonly bucketNames: Record<string, pulumi.Output<string>>;
  readonly logBucketName: pulumi.Output<string>;

  constructor(name: string, args: AlicloudStorageArgs, opts: pulumi.ComponentResourceOptions = {}) {
    throwIfInvalid("AlicloudStorage", name, validateAlicloudStorageArgs(args));
    super("sovereign-dc:alicloud:AlicloudStorage", name, {}, opts);

    const logs = new AlicloudBucket(
      `${name}-${accessLogBucketName}`,
      {
        bucketName: `${args.namePrefix}-${accessLogBucketName}`,
        retentionDays: args.accessLogRetentionDays ?? defaultAccessLogRetentionDays,
        kmsKeyId: args.kmsKeyId,
        vpcId: args.vpcId,
        isAccessLogBucket: true,
      },
      { parent: this },
    );

    const buckets = args.buckets.map(
      (b) =>
        new AlicloudBucket(
          `${name}-${b.name}`,
          {
            bucketName: `${args.namePrefix}-${b.name}`,
            retentionDays: b.retentionDays,
            kmsKeyId: args.kmsKeyId,
            vpcId: args.vpcId,
            accessLogBucket: logs.bucketName,
          },
          { parent: this },
        ),
    );

    this.bucketNames = Object.fromEntries(
      args.buckets.map((b, i) => [b.name, buckets[i].bucketName]),
    );
    this.logBucketName = logs.bucketName;
    this.registerOutputs({ bucketNames: this.bucketNames, logBucketName: this.logBucketName });
  }
}
