/**
 * One sealed OSS bucket: private ACL plus Block Public Access, versioned, encrypted with the
 * stack's KMS key, access-logged to a bucket in the same region, readable only over TLS and only
 * from the stack's VPC, and emptied of data older than its retention period. It has no replication
 * and no transfer acceleration, the two OSS features that carry objects or clients across borders.
 */
import * as alicloudInputs from "@pulumi/alicloud/types/input";
import * as oss from "@pulumi/alicloud/oss";
import * as pulumi from "@pulumi/pulumi";
import { isValidOssBucketName, ossBucketNameRule } from "../../residency/buildable";
import { issue, isWholeNumberIn, throwIfInvalid } from "./validation";

export interface AlicloudBucketArgs {
  /**
   * The bucket's global OSS name (`bucket`): 3 to 63 lowercase letters, digits or hyphens.
   * Replaces the bucket when changed.
   */
  readonly bucketName: string;
  /** Days after which objects expire — data minimisation, not backup. */
  readonly retentionDays: number;
  /**
   * Days an overwritten or deleted version stays recoverable before it expires too, 1 to
   * `retentionDays`. Defaults to: 30, or `retentionDays` when that is shorter.
   */
  readonly noncurrentVersionRetentionDays?: number;
  /** The KMS key that encrypts every object (server-side encryption with `KMS`). */
  readonly kmsKeyId: pulumi.Input<string>;
  /** The VPC outside of which object reads, writes, listings and deletes are denied. */
  readonly vpcId: pulumi.Input<string>;
  /**
   * The in-region bucket that receives this bucket's access logs. Required unless
   * `isAccessLogBucket` is set.
   */
  readonly accessLogBucket?: pulumi.Input<string>;
  /** Prefix of this bucket's log objects. Defaults to: `<bucketName>/`. */
  readonly accessLogPrefix?: string;
  /**
   * Makes this the sink of other buckets' access logs: it logs nowhere itself (OSS would log its
   * own log deliveries in a loop), and object writes from outside the VPC are not denied, because
   * OSS delivers logs from its own network. Reads, listings and deletes stay VPC-only. Defaults
   * to: false.
   */
  readonly isAccessLogBucket?: boolean;
}

/** Object data actions denied outside the VPC on every bucket: reads, listings, deletes. */
export const objectAccessActions = [
  "oss:GetObject",
  "oss:GetObjectVersion",
  "oss:ListObjects",
  "oss:ListObjectVersions",
  "oss:DeleteObject",
  "oss:DeleteObjectVersion",
] as const;
/** Object writes: denied outside the VPC on every bucket but the access-log sink. */
export const objectWriteActions = ["oss:PutObject"] as const;

/** OSS's global naming rule: 3 to 63 lowercase letters, digits or hyphens, no edge hyphen. */
export { isValidOssBucketName };

const bucketNameRule = `expected ${ossBucketNameRule}`;

/** Every issue with the arguments, one line each; empty when they are valid. */
export function validateAlicloudBucketArgs(args: AlicloudBucketArgs): string[] {
  const issues: string[] = [];
  if (!isValidOssBucketName(args.bucketName)) {
    issues.push(issue("bucketName", args.bucketName, bucketNameRule));
  }
  const retentionValid = isWholeNumberIn(args.retentionDays, 1, 36500);
  if (!retentionValid) {
    issues.push(
      issue("retentionDays", args.retentionDays, "expected a whole number of days from 1 to 36500"),
    );
  }
  if (args.noncurrentVersionRetentionDays !== undefined && retentionValid) {
    if (!isWholeNumberIn(args.noncurrentVersionRetentionDays, 1, args.retentionDays)) {
      issues.push(
        issue(
          "noncurrentVersionRetentionDays",
          args.noncurrentVersionRetentionDays,
          `expected a whole number of days from 1 to retentionDays (${args.retentionDays})`,
        ),
      );
    }
  }
  if (args.isAccessLogBucket === true && args.accessLogBucket !== undefined) {
    issues.push(
      "accessLogBucket: set on the access-log bucket itself; expected no log target, since OSS would log its own log deliveries in a loop.",
    );
  }
  if (args.isAccessLogBucket !== true && args.accessLogBucket === undefined) {
    issues.push(
      issue(
        "accessLogBucket",
        undefined,
        "expected the in-region bucket that receives this bucket's access logs (or isAccessLogBucket: true on the log bucket itself)",
      ),
    );
  }
  return issues;
}

/** An OSS bucket policy (Version 1). */
export interface BucketPolicyDocument {
  readonly Version: "1";
  readonly Statement: ReadonlyArray<{
    readonly Effect: "Deny";
    readonly Principal: readonly string[];
    readonly Action: readonly string[];
    readonly Resource: readonly string[];
    readonly Condition: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
  }>;
}

/**
 * Deny-only: plain HTTP is refused for every action, and object data actions are refused to any
 * request that does not come from `vpcId`. With Principal `*` and a condition, OSS applies the
 * statements to the bucket owner too. Bucket configuration actions stay reachable so the
 * deployment tool, which runs outside the VPC, can still manage the bucket.
 */
export function bucketPolicyDocument(
  bucketName: string,
  vpcId: string,
  isAccessLogBucket: boolean,
): BucketPolicyDocument {
  const resources = [`acs:oss:*:*:${bucketName}`, `acs:oss:*:*:${bucketName}/*`];
  const vpcOnly = isAccessLogBucket
    ? [...objectAccessActions]
    : [...objectAccessActions, ...objectWriteActions];
  return {
    Version: "1",
    Statement: [
      {
        Effect: "Deny",
        Principal: ["*"],
        Action: ["oss:*"],
        Resource: resources,
        Condition: { Bool: { "acs:SecureTransport": ["false"] } },
      },
      {
        Effect: "Deny",
        Principal: ["*"],
        Action: vpcOnly,
        Resource: resources,
        Condition: { StringNotEquals: { "acs:SourceVpc": [vpcId] } },
      },
    ],
  };
}

/**
 * Expires current objects after the retention period and overwritten or deleted versions after
 * the recovery window, and aborts stale multipart uploads, whose parts are data too.
 */
export function lifecycleRules(
  retentionDays: number,
  noncurrentVersionRetentionDays: number,
): alicloudInputs.oss.BucketLifecycleRule[] {
  return [
    {
      id: "data-minimisation",
      enabled: true,
      expirations: [{ days: retentionDays }],
      noncurrentVersionExpirations: [{ days: noncurrentVersionRetentionDays }],
      abortMultipartUploads: [{ days: Math.min(7, retentionDays) }],
    },
  ];
}

export class AlicloudBucket extends pulumi.ComponentResource {
  readonly bucketName: pulumi.Output<string>;
  /** `oss-<region>`: where OSS placed the bucket, for the residency report. */
  readonly location: pulumi.Output<string>;

  constructor(name: string, args: AlicloudBucketArgs, opts: pulumi.ComponentResourceOptions = {}) {
    throwIfInvalid("AlicloudBucket", name, validateAlicloudBucketArgs(args));
    super("sovereign-dc:alicloud:AlicloudBucket", name, {}, opts);
    const isSink = args.isAccessLogBucket === true;

    const bucket = new oss.Bucket(
      `${name}-bucket`,
      {
        bucket: args.bucketName,
        // A non-empty bucket must fail to delete rather than lose its objects.
        forceDestroy: false,
        lifecycleRules: lifecycleRules(
          args.retentionDays,
          args.noncurrentVersionRetentionDays ?? Math.min(30, args.retentionDays),
        ),
      },
      { parent: this, protect: true, retainOnDelete: true },
    );
    // Each seal is a per-bucket singleton: deleting one strips the bucket's protection, and
    // deleting the old copy after a replacement would strip the new one. Removing a seal from
    // Pulumi therefore leaves it in place on the bucket.
    const sealed = { parent: this, retainOnDelete: true };

    new oss.BucketAcl(`${name}-acl`, { bucket: bucket.bucket, acl: "private" }, sealed);
    new oss.BucketPublicAccessBlock(
      `${name}-public-access-block`,
      { bucket: bucket.bucket, blockPublicAccess: true },
      sealed,
    );
    new oss.BucketVersioning(
      `${name}-versioning`,
      { bucket: bucket.bucket, status: "Enabled" },
      sealed,
    );
    new oss.BucketServerSideEncryption(
      `${name}-encryption`,
      { bucket: bucket.bucket, sseAlgorithm: "KMS", kmsMasterKeyId: args.kmsKeyId },
      sealed,
    );
    new oss.BucketPolicy(
      `${name}-policy`,
      {
        bucket: bucket.bucket,
        policy: pulumi
          .output(args.vpcId)
          .apply((vpcId) => JSON.stringify(bucketPolicyDocument(args.bucketName, vpcId, isSink))),
      },
      sealed,
    );
    if (args.accessLogBucket !== undefined) {
      new oss.BucketLogging(
        `${name}-logging`,
        {
          bucket: bucket.bucket,
          targetBucket: args.accessLogBucket,
          targetPrefix: args.accessLogPrefix ?? `${args.bucketName}/`,
        },
        sealed,
      );
    }

    this.bucketName = bucket.bucket;
    this.location = bucket.location;
    this.registerOutputs({ bucketName: this.bucketName, location: this.location });
  }
}
