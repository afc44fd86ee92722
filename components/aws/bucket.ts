import * as s3 from "@pulumi/aws/s3";
import * as pulumi from "@pulumi/pulumi";
import { awsPartitionOf } from "../../residency/jurisdictions";
import { logDeliverySourceArn, s3BucketArn } from "./naming";
import { policyDocument, type PolicyDocument, type PolicyStatement } from "./policy";
import { checkAccountId, checkRegion, checkWholeNumber, IssueList } from "./validation";

/**
 * A log service a bucket receives from. Log services write from outside the VPC, as AWS service
 * principals, so their bucket policy lets them in where the data buckets' policy would not.
 */
export type LogDelivery = "s3-server-access-logs" | "vpc-flow-logs";

/** Days an incomplete multipart upload may linger before S3 removes its parts. */
const abortIncompleteUploadDays = 7;

export const defaultNoncurrentVersionRetentionDays = 30;

/** Outputs and promises cannot be shown in an error before they resolve; name them instead. */
function shown(value: pulumi.Input<string> | undefined): string | undefined {
  return typeof value === "string" || value === undefined ? value : "(an output)";
}

export interface SealedBucketArgs {
  /**
   * The bucket's name, unique within the partition: 3-63 lowercase letters, digits or hyphens.
   * Changing it replaces the bucket, which `protect` refuses.
   */
  readonly bucketName: string;
  /** The account that owns the bucket; log writers are admitted only on its behalf. */
  readonly accountId: string;
  /**
   * The region the stack's provider is pinned to. Only used to write policy ARNs and to check
   * the key's ARN; the bucket is placed by the provider.
   */
  readonly region: string;
  /**
   * The S3 interface endpoint of the stack's VPC. Reading, writing, deleting and listing objects
   * is denied to every request that does not come through it.
   */
  readonly vpcEndpointId: pulumi.Input<string>;
  /** Days after which current objects expire. */
  readonly retentionDays: number;
  /**
   * Days a replaced or deleted object version stays recoverable before it expires. Defaults to:
   * 30.
   */
  readonly noncurrentVersionRetentionDays?: number;
  /**
   * The customer-managed KMS key (ARN, in the stack's region) objects are encrypted with by
   * default, with an S3 bucket key. A log bucket's key must let its log service generate data
   * keys (SealedKey `allowLogDelivery`).
   */
  readonly kmsKeyArn: pulumi.Input<string>;
  /**
   * The bucket (same account and region) that receives this bucket's server access logs.
   * Required, except on the server-access-log bucket itself, which must not log into itself.
   */
  readonly accessLogBucket?: pulumi.Input<string>;
  /** Key prefix of this bucket's access logs in `accessLogBucket`. Defaults to: `<bucketName>/`. */
  readonly accessLogPrefix?: string;
  /**
   * The log service this bucket receives from. Defaults to: none — a data bucket, written to only
   * by the account's principals through the VPC endpoint.
   */
  readonly logDelivery?: LogDelivery;
}

const bucketNamePattern = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
/** Name forms S3 reserves for access points, Outposts, directory and table buckets. */
const reservedNameParts = {
  prefixes: ["xn--", "sthree-", "amzn-s3-demo-"],
  suffixes: ["-s3alias", "--ol-s3", "--x-s3", "--table-s3"],
};

/** Checks a SealedBucket's args before anything is declared; throws ArgsError listing every issue. */
export function validateSealedBucketArgs(name: string, args: SealedBucketArgs): void {
  const issues = new IssueList();
  if (!bucketNamePattern.test(args.bucketName)) {
    issues.add(
      "bucketName",
      args.bucketName,
      "expected 3-63 lowercase letters, digits or hyphens, starting and ending with a letter or digit",
    );
  } else if (
    reservedNameParts.prefixes.some((p) => args.bucketName.startsWith(p)) ||
    reservedNameParts.suffixes.some((s) => args.bucketName.endsWith(s))
  ) {
    issues.add(
      "bucketName",
      args.bucketName,
      `expected a name without the prefixes ${reservedNameParts.prefixes.join(", ")} and the ` +
        `suffixes ${reservedNameParts.suffixes.join(", ")}, which S3 reserves`,
    );
  }
  checkAccountId(issues, "accountId", args.accountId);
  checkRegion(issues, "region", args.region);
  checkWholeNumber(issues, "retentionDays", args.retentionDays, 1, 36500);
  if (args.noncurrentVersionRetentionDays !== undefined) {
    const days = args.noncurrentVersionRetentionDays;
    checkWholeNumber(issues, "noncurrentVersionRetentionDays", days, 1, 36500);
  }

  if (args.kmsKeyArn === undefined) {
    // Without a key S3 would fall back to its own aws/s3 key; refuse rather than loosen.
    issues.add("kmsKeyArn", undefined, "expected the ARN of the stack's KMS key");
  } else if (typeof args.kmsKeyArn === "string") {
    const prefix = `arn:${awsPartitionOf(args.region)}:kms:${args.region}:`;
    if (!args.kmsKeyArn.startsWith(prefix)) {
      issues.add(
        "kmsKeyArn",
        args.kmsKeyArn,
        `expected the ARN of a KMS key in the stack's region, starting ${prefix}`,
      );
    }
  }
  const receivesAccessLogs = args.logDelivery === "s3-server-access-logs";
  if (receivesAccessLogs && args.accessLogBucket !== undefined) {
    issues.add(
      "accessLogBucket",
      shown(args.accessLogBucket),
      "expected no target on the server-access-log bucket; logging it into itself loops",
    );
  } else if (!receivesAccessLogs && args.accessLogBucket === undefined) {
    issues.add(
      "accessLogBucket",
      undefined,
      "expected the name of the stack's server-access-log bucket",
    );
  }
  issues.throwIfAny("SealedBucket", name);
}

/**
 * The bucket policy. It denies every request without TLS, and denies object reads, writes,
 * deletes and listings that do not arrive through the stack's S3 endpoint. Bucket
 * administration (policy, lifecycle, encryption settings…) stays open to the account's IAM
 * principals wherever they work from, so the account can always repair the bucket. Log buckets
 * additionally admit their log service, and the endpoint condition exempts AWS service
 * principals there because those write from outside any VPC.
 */
export function sealedBucketPolicy(params: {
  readonly partition: string;
  readonly bucketName: string;
  readonly accountId: string;
  readonly region: string;
  readonly vpcEndpointId: string;
  readonly logDelivery?: LogDelivery;
}): PolicyDocument {
  const { partition, accountId, region, logDelivery } = params;
  const bucketArn = s3BucketArn(partition, params.bucketName);
  const objectsArn = `${bucketArn}/*`;
  const outsideEndpoint: Record<string, Record<string, string>> = {
    StringNotEquals: { "aws:SourceVpce": params.vpcEndpointId },
  };
  if (logDelivery !== undefined) {
    outsideEndpoint.Bool = { "aws:PrincipalIsAWSService": "false" };
  }
  const statements: PolicyStatement[] = [
    {
      Sid: "DenyInsecureTransport",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: [bucketArn, objectsArn],
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    },
    {
      Sid: "DenyObjectAccessOutsideVpcEndpoint",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: objectsArn,
      Condition: outsideEndpoint,
    },
    {
      Sid: "DenyListingOutsideVpcEndpoint",
      Effect: "Deny",
      Principal: "*",
      Action: ["s3:ListBucket", "s3:ListBucketVersions", "s3:ListBucketMultipartUploads"],
      Resource: bucketArn,
      Condition: outsideEndpoint,
    },
  ];
  if (logDelivery === "s3-server-access-logs") {
    statements.push({
      Sid: "AllowServerAccessLogDelivery",
      Effect: "Allow",
      Principal: { Service: "logging.s3.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: objectsArn,
      Condition: { StringEquals: { "aws:SourceAccount": accountId } },
    });
  }
  if (logDelivery === "vpc-flow-logs") {
    const fromThisAccountsLogs = {
      StringEquals: { "aws:SourceAccount": accountId },
      ArnLike: { "aws:SourceArn": logDeliverySourceArn(partition, region, accountId) },
    };
    statements.push(
      {
        Sid: "AWSLogDeliveryWrite",
        Effect: "Allow",
        Principal: { Service: "delivery.logs.amazonaws.com" },
        Action: "s3:PutObject",
        Resource: `${bucketArn}/AWSLogs/${accountId}/*`,
        Condition: {
          StringEquals: {
            "aws:SourceAccount": accountId,
            "s3:x-amz-acl": "bucket-owner-full-control",
          },
          ArnLike: fromThisAccountsLogs.ArnLike,
        },
      },
      {
        Sid: "AWSLogDeliveryAclCheck",
        Effect: "Allow",
        Principal: { Service: "delivery.logs.amazonaws.com" },
        Action: ["s3:GetBucketAcl", "s3:ListBucket"],
        Resource: bucketArn,
        Condition: fromThisAccountsLogs,
      },
    );
  }
  return policyDocument(statements);
}

/**
 * An S3 bucket that cannot leak: ACLs off, every public-access block on, versioned, encrypted by
 * default with the stack's key, access-logged into the stack's log bucket, expired after its
 * retention, reachable for object access only through the stack's VPC endpoint and only over TLS.
 * It has no replication, and is protected with `forceDestroy` off, so neither `pulumi destroy`
 * nor a rename can delete it and its objects.
 */
export class SealedBucket extends pulumi.ComponentResource {
  /** The bucket's name, once the bucket is sealed. */
  readonly bucketName: pulumi.Output<string>;
  /** `arn:<partition>:s3:::<name>`, once the bucket is sealed. */
  readonly arn: pulumi.Output<string>;

  constructor(name: string, args: SealedBucketArgs, opts: pulumi.ComponentResourceOptions = {}) {
    validateSealedBucketArgs(name, args);
    super("sovereign-dc:aws:SealedBucket", name, {}, opts);
    const parent = { parent: this };
    const partition = awsPartitionOf(args.region);

    // Explicit protect survives a caller passing `protect: false` for the component, and
    // retainOnDelete keeps the bucket (and its objects) should the stack ever be destroyed.
    const bucket = new s3.Bucket(
      `${name}-bucket`,
      { bucket: args.bucketName, forceDestroy: false },
      pulumi.mergeOptions(parent, { protect: true, retainOnDelete: true }),
    );
    const bucketId = bucket.bucket;

    const ownership = new s3.BucketOwnershipControls(
      `${name}-ownership`,
      { bucket: bucketId, rule: { objectOwnership: "BucketOwnerEnforced" } },
      parent,
    );
    const publicAccessBlock = new s3.BucketPublicAccessBlock(
      `${name}-public-access`,
      {
        bucket: bucketId,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      },
      parent,
    );
    const versioning = new s3.BucketVersioning(
      `${name}-versioning`,
      { bucket: bucketId, versioningConfiguration: { status: "Enabled" } },
      parent,
    );
    const encryption = new s3.BucketServerSideEncryptionConfiguration(
      `${name}-encryption`,
      {
        bucket: bucketId,
        rules: [
          {
            applyServerSideEncryptionByDefault: {
              sseAlgorithm: "aws:kms",
              kmsMasterKeyId: args.kmsKeyArn,
            },
            bucketKeyEnabled: true,
          },
        ],
      },
      parent,
    );
    const logging =
      args.accessLogBucket === undefined
        ? undefined
        : new s3.BucketLogging(
            `${name}-logging`,
            {
              bucket: bucketId,
              targetBucket: args.accessLogBucket,
              targetPrefix: args.accessLogPrefix ?? `${args.bucketName}/`,
            },
            parent,
          );
    // Lifecycle rules on a versioned bucket must see versioning on first (provider guidance).
    const lifecycle = new s3.BucketLifecycleConfiguration(
      `${name}-lifecycle`,
      {
        bucket: bucketId,
        rules: [
          {
            id: "retention",
            status: "Enabled",
            filter: {},
            expiration: { days: args.retentionDays },
            noncurrentVersionExpiration: {
              noncurrentDays:
                args.noncurrentVersionRetentionDays ?? defaultNoncurrentVersionRetentionDays,
            },
            abortIncompleteMultipartUpload: { daysAfterInitiation: abortIncompleteUploadDays },
          },
        ],
      },
      pulumi.mergeOptions(parent, { dependsOn: [versioning] }),
    );
    // S3 aborts concurrent policy and public-access-block writes on one bucket; order them.
    const policy = new s3.BucketPolicy(
      `${name}-policy`,
      {
        bucket: bucketId,
        policy: pulumi.output(args.vpcEndpointId).apply((vpcEndpointId) =>
          JSON.stringify(
            sealedBucketPolicy({
              partition,
              bucketName: args.bucketName,
              accountId: args.accountId,
              region: args.region,
              vpcEndpointId,
              logDelivery: args.logDelivery,
            }),
          ),
        ),
      },
      pulumi.mergeOptions(parent, { dependsOn: [publicAccessBlock] }),
    );

    // The outputs resolve only once every sealing setting is in place, so whatever is handed
    // them — a log source, a workload — starts after the bucket is sealed, not merely created.
    const sealedBy: pulumi.CustomResource[] = [
      ownership,
      publicAccessBlock,
      versioning,
      encryption,
      lifecycle,
      policy,
    ];
    if (logging !== undefined) {
      sealedBy.push(logging);
    }
    this.bucketName = pulumi
      .all([bucketId, ...sealedBy.map((r) => r.id)])
      .apply(([bucketName]) => bucketName);
    this.arn = this.bucketName.apply((bucketName) => s3BucketArn(partition, bucketName));
    this.registerOutputs({ bucketName: this.bucketName, arn: this.arn });
  }
}
