import * as kms from "@pulumi/aws/kms";
import * as pulumi from "@pulumi/pulumi";
import { awsPartitionOf } from "../../residency/jurisdictions";
import { accountRootArn, arn, logDeliverySourceArn } from "./naming";
import { policyDocument, type PolicyDocument, type PolicyStatement } from "./policy";
import { checkAccountId, checkRegion, checkWholeNumber, IssueList } from "./validation";

/** What AWS KMS accepts: a 7–30 day deletion window and rotation every 90–2560 days. */
export const kmsKeyBounds = {
  deletionWindowDays: { min: 7, max: 30, default: 30 },
  rotationDays: { min: 90, max: 2560, default: 365 },
} as const;

export interface SealedKeyArgs {
  /** The account that owns the key; the key policy delegates to this account and no other. */
  readonly accountId: string;
  /**
   * The region the stack's provider is pinned to. Only used to write the key policy's ARNs; the
   * key is placed by the provider, never by a per-resource region.
   */
  readonly region: string;
  /** Days KMS waits before deleting the key once deletion is scheduled. Defaults to: 30. */
  readonly deletionWindowDays?: number;
  /** Days between automatic rotations of the key material. Defaults to: 365. */
  readonly rotationDays?: number;
  /**
   * The key's alias, starting `alias/`. Defaults to: `alias/<name>`. Changing it replaces the
   * alias, not the key.
   */
  readonly aliasName?: string;
  /**
   * Lets the log services of this account — S3 server access logging and, for this region, VPC
   * flow logs — encrypt the log objects they write into buckets encrypted with this key.
   * Defaults to: false — no AWS service principal may use the key.
   */
  readonly allowLogDelivery?: boolean;
  /**
   * Lets CloudWatch Logs of this region encrypt the EKS control-plane log groups of this account
   * (`/aws/eks/*`) with the key. Defaults to: false.
   */
  readonly allowClusterLogs?: boolean;
  /**
   * Lets EC2 Auto Scaling of this account (its service-linked role), which launches the EKS
   * managed node groups' instances, encrypt their EBS volumes with the key and attach them.
   * Defaults to: false.
   */
  readonly allowNodeVolumes?: boolean;
}

/** Checks a SealedKey's args before anything is declared; throws ArgsError listing every issue. */
export function validateSealedKeyArgs(name: string, args: SealedKeyArgs): void {
  const issues = new IssueList();
  checkAccountId(issues, "accountId", args.accountId);
  checkRegion(issues, "region", args.region);
  if (args.deletionWindowDays !== undefined) {
    const b = kmsKeyBounds.deletionWindowDays;
    checkWholeNumber(issues, "deletionWindowDays", args.deletionWindowDays, b.min, b.max);
  }
  if (args.rotationDays !== undefined) {
    const b = kmsKeyBounds.rotationDays;
    checkWholeNumber(issues, "rotationDays", args.rotationDays, b.min, b.max);
  }
  if (args.aliasName !== undefined) {
    if (!/^alias\/[a-zA-Z0-9/_-]{1,250}$/.test(args.aliasName)) {
      issues.add(
        "aliasName",
        args.aliasName,
        "expected alias/ followed by 1-250 letters, digits, slashes, underscores or hyphens",
      );
    } else if (args.aliasName.startsWith("alias/aws/")) {
      issues.add(
        "aliasName",
        args.aliasName,
        "expected a name outside alias/aws/, which AWS reserves",
      );
    }
  }
  issues.throwIfAny("SealedKey", name);
}

/**
 * The key policy: the account administers and uses the key through IAM, and — only when asked —
 * the log services may encrypt this account's log objects with it. No other account or service
 * appears in it.
 */
export function sealedKeyPolicy(params: {
  readonly partition: string;
  readonly accountId: string;
  readonly region: string;
  readonly allowLogDelivery: boolean;
  readonly allowClusterLogs?: boolean;
  readonly allowNodeVolumes?: boolean;
}): PolicyDocument {
  const { partition, accountId, region } = params;
  const statements: PolicyStatement[] = [
    {
      Sid: "AccountAdministersAndUsesKey",
      Effect: "Allow",
      Principal: { AWS: accountRootArn(partition, accountId) },
      Action: "kms:*",
      Resource: "*",
    },
  ];
  if (params.allowLogDelivery) {
    // What an S3 PUT under SSE-KMS needs from its writer: data keys, and Decrypt to complete a
    // multipart upload. Neither lets the service read logs back: the bucket policy grants it
    // PutObject only.
    const encryptForWrites = ["kms:GenerateDataKey*", "kms:Decrypt"];
    statements.push(
      {
        Sid: "S3ServerAccessLogDeliveryEncrypts",
        Effect: "Allow",
        Principal: { Service: "logging.s3.amazonaws.com" },
        Action: encryptForWrites,
        Resource: "*",
        Condition: { StringEquals: { "aws:SourceAccount": accountId } },
      },
      {
        Sid: "VpcFlowLogDeliveryEncrypts",
        Effect: "Allow",
        Principal: { Service: "delivery.logs.amazonaws.com" },
        Action: encryptForWrites,
        Resource: "*",
        Condition: {
          StringEquals: { "aws:SourceAccount": accountId },
          ArnLike: { "aws:SourceArn": logDeliverySourceArn(partition, region, accountId) },
        },
      },
    );
  }
  if (params.allowClusterLogs === true) {
    // CloudWatch Logs uses the key only for log groups whose ARN is named in the encryption
    // context: the EKS control-plane groups of this account and region.
    const dnsSuffix = partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
    statements.push({
      Sid: "ClusterLogsEncrypt",
      Effect: "Allow",
      Principal: { Service: `logs.${region}.${dnsSuffix}` },
      Action: [
        "kms:Encrypt*",
        "kms:Decrypt*",
        "kms:ReEncrypt*",
        "kms:GenerateDataKey*",
        "kms:Describe*",
      ],
      Resource: "*",
      Condition: {
        ArnLike: {
          "kms:EncryptionContext:aws:logs:arn": arn(
            partition,
            "logs",
            region,
            accountId,
            "log-group:/aws/eks/*",
          ),
        },
      },
    });
  }
  if (params.allowNodeVolumes === true) {
    // AWS's documented key policy for encrypted volumes of an Auto Scaling group: the role uses
    // the key for the volumes and grants EC2 its use for as long as each volume is attached.
    const autoScaling = {
      AWS: `arn:${partition}:iam::${accountId}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`,
    };
    statements.push(
      {
        Sid: "AutoScalingEncryptsNodeVolumes",
        Effect: "Allow",
        Principal: autoScaling,
        Action: [
          "kms:Encrypt",
          "kms:Decrypt",
          "kms:ReEncrypt*",
          "kms:GenerateDataKey*",
          "kms:DescribeKey",
        ],
        Resource: "*",
      },
      {
        Sid: "AutoScalingAttachesNodeVolumes",
        Effect: "Allow",
        Principal: autoScaling,
        Action: "kms:CreateGrant",
        Resource: "*",
        Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } },
      },
    );
  }
  return policyDocument(statements);
}

/**
 * A customer-managed KMS key that stays in the stack's region: single-region (no replicas),
 * rotated automatically, with a long deletion window, a policy limited to the stack's account,
 * and `protect` so `pulumi destroy` cannot schedule its deletion by accident.
 */
export class SealedKey extends pulumi.ComponentResource {
  readonly arn: pulumi.Output<string>;
  readonly keyId: pulumi.Output<string>;
  readonly aliasName: pulumi.Output<string>;

  constructor(name: string, args: SealedKeyArgs, opts: pulumi.ComponentResourceOptions = {}) {
    validateSealedKeyArgs(name, args);
    super("sovereign-dc:aws:SealedKey", name, {}, opts);

    const parent = { parent: this };
    const policy = sealedKeyPolicy({
      partition: awsPartitionOf(args.region),
      accountId: args.accountId,
      region: args.region,
      allowLogDelivery: args.allowLogDelivery ?? false,
      allowClusterLogs: args.allowClusterLogs ?? false,
      allowNodeVolumes: args.allowNodeVolumes ?? false,
    });

    // Explicit protect survives a caller passing `protect: false` for the component.
    const key = new kms.Key(
      `${name}-key`,
      {
        description: `sovereign-dc ${name}: encrypts the stack's data at rest`,
        multiRegion: false,
        enableKeyRotation: true,
        rotationPeriodInDays: args.rotationDays ?? kmsKeyBounds.rotationDays.default,
        deletionWindowInDays: args.deletionWindowDays ?? kmsKeyBounds.deletionWindowDays.default,
        policy: JSON.stringify(policy),
      },
      // Destroying the key destroys every object encrypted with it: protected, and kept
      // (retainOnDelete) should the stack ever be destroyed.
      pulumi.mergeOptions(parent, { protect: true, retainOnDelete: true }),
    );
    const alias = new kms.Alias(
      `${name}-alias`,
      { name: args.aliasName ?? `alias/${name}`, targetKeyId: key.keyId },
      parent,
    );

    this.arn = key.arn;
    this.keyId = key.keyId;
    this.aliasName = alias.name;
    this.registerOutputs({ arn: this.arn, keyId: this.keyId, aliasName: this.aliasName });
  }
}
