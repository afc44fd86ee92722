/**
 * ARNs and service names for a stack's own partition.
 *
 * Every ARN the AWS components write is built here from the partition of the stack's region
 * (`awsPartitionOf` in the catalog), so a China stack can never emit an `arn:aws:` string that
 * names a principal or resource in the global partition.
 */
import { awsPartitionOf } from "../../residency/jurisdictions";

/** `arn:<partition>:<service>:<region>:<account>:<resource>`; empty fields stay empty. */
export function arn(
  partition: string,
  service: string,
  region: string,
  account: string,
  resource: string,
): string {
  return `arn:${partition}:${service}:${region}:${account}:${resource}`;
}

/** S3 bucket ARNs carry neither region nor account. */
export function s3BucketArn(partition: string, bucketName: string): string {
  return arn(partition, "s3", "", "", bucketName);
}

/** The account principal that key and bucket policies delegate to the account's IAM. */
export function accountRootArn(partition: string, accountId: string): string {
  return arn(partition, "iam", "", accountId, "root");
}

/** Every CloudWatch Logs delivery source of the account in the region (`aws:SourceArn`). */
export function logDeliverySourceArn(partition: string, region: string, accountId: string): string {
  return arn(partition, "logs", region, accountId, "*");
}

/**
 * The AWS services the sealed network reaches through VPC endpoints: S3, KMS and STS always;
 * EC2, ECR (API and registry) and CloudWatch Logs when Kubernetes nodes run in it.
 */
export type EndpointService = "s3" | "kms" | "sts" | "ec2" | "ecr.api" | "ecr.dkr" | "logs";

/**
 * Interface-endpoint services that AWS China names `cn.com.amazonaws.<region>.<service>`
 * instead of `com.amazonaws.…` (from `aws ec2 describe-vpc-endpoint-services`, as recorded in
 * aws-cdk's `InterfaceVpcEndpointAwsService`): S3, STS, EC2 and ECR do, KMS and CloudWatch Logs
 * do not. In China `com.amazonaws.<region>.s3` is S3's gateway service only, which the stack does
 * not use.
 */
const chinaPrefixedInterfaceServices: ReadonlySet<string> = new Set([
  "s3",
  "sts",
  "ec2",
  "ecr.api",
  "ecr.dkr",
]);

/**
 * The AWS-owned bucket ECR serves image layers from in `region`: image pulls through the S3
 * endpoint must reach it (documented by ECR for VPC endpoint policies).
 */
export function ecrLayerBucketArn(partition: string, region: string): string {
  return s3BucketArn(partition, `prod-${region}-starport-layer-bucket/*`);
}

/** The interface VPC endpoint service name of `service` in `region`. */
export function endpointServiceName(region: string, service: EndpointService): string {
  const prefix =
    awsPartitionOf(region) === "aws-cn" && chinaPrefixedInterfaceServices.has(service)
      ? "cn.com.amazonaws"
      : "com.amazonaws";
  return `${prefix}.${region}.${service}`;
}
