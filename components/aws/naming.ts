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

/** The AWS services the sealed network reaches through VPC endpoints. */
export type EndpointService = "s3" | "kms" | "sts";

/**
 * Interface-endpoint services that AWS China names `cn.com.amazonaws.<region>.<service>`
 * instead of `com.amazonaws.…` (from `aws ec2 describe-vpc-endpoint-services`, as recorded in
 * aws-cdk's `InterfaceVpcEndpointAwsService`): S3 and STS do, KMS does not. In China
 * `com.amazonaws.<region>.s3` is S3's gateway service only, which the stack does not use.
 */
const chinaPrefixedInterfaceServices: ReadonlySet<string> = new Set(["s3", "sts"]);

/** The interface VPC endpoint service name of `service` in `region`. */
export function endpointServiceName(region: string, service: EndpointService): string {
  const prefix =
    awsPartitionOf(region) === "aws-cn" && chinaPrefixedInterfaceServices.has(service)
      ? "cn.com.amazonaws"
      : "com.amazonaws";
  return `${prefix}.${region}.${service}`;
}
