/**
 * The AWS data center of a stack: one explicit provider pinned to the stack's region and account,
 * and the sealed components built through it. No resource sets its own `region`, so nothing can
 * be placed anywhere but the provider's region.
 */
import { Provider as AwsProvider } from "@pulumi/aws/provider";
import * as pulumi from "@pulumi/pulumi";
import {
  EgressGuard,
  SealedBucket,
  SealedCluster,
  SealedKey,
  SealedNetwork,
  VpcFlowLog,
} from "../components/aws";
import { logBucketNames, s3BucketName } from "../residency/buildable";
import { awsPartitionOf } from "../residency/jurisdictions";
import { namespace, type SpecIssue, type StackSpec, StackSpecError } from "../residency/spec";
import { sealedNamespaces } from "./namespaces";

/** The stack's own log buckets; the stack spec keeps data buckets from taking these names. */
const logBuckets = logBucketNames.aws;

/** How long the stack keeps its access and flow logs. */
export const logRetentionDays = 365;

/**
 * The AWS-only checks on a spec the config schema already accepted; throws StackSpecError, like
 * the schema does, and returns the account ID the stack is pinned to.
 */
export function validateAwsStackSpec(spec: StackSpec): string {
  const issues: SpecIssue[] = [];
  if (spec.cloud !== "aws") {
    issues.push({ key: `${namespace}:cloud`, received: spec.cloud, expected: 'expected "aws"' });
  }
  if (spec.accountId === undefined) {
    issues.push({
      key: `${namespace}:accountId`,
      received: undefined,
      expected:
        "expected the 12-digit AWS account ID the stack is pinned to (required when cloud is aws)",
    });
  }
  const partition = awsPartitionOf(spec.region);
  if (!spec.jurisdiction.awsPartitions.includes(partition)) {
    issues.push({
      key: `${namespace}:region`,
      received: spec.region,
      expected: `expected a region of an AWS partition of jurisdiction ${spec.jurisdiction.id} (${spec.jurisdiction.awsPartitions.join(", ")}); this one is in ${partition}`,
    });
  }
  if (issues.length > 0) {
    throw new StackSpecError(issues);
  }
  return spec.accountId!;
}

/**
 * Builds the sealed AWS data center of `spec`. Options given here (a parent, say) reach every
 * component together with the stack's provider.
 */
export function buildAwsStack(spec: StackSpec, opts: pulumi.ComponentResourceOptions = {}) {
  const accountId = validateAwsStackSpec(spec);
  const { region } = spec;
  const partition = awsPartitionOf(region);
  const stack = pulumi.getStack();

  // The one provider of the stack. Nothing that moves calls elsewhere (endpoints, stsRegion,
  // assumed roles in other accounts) is set; allowedAccountIds makes a run with credentials of
  // any other account fail before it changes anything.
  const provider = new AwsProvider(
    `${stack}-aws`,
    { region, allowedAccountIds: [accountId] },
    { parent: opts.parent },
  );
  const inRegion = pulumi.mergeOptions(opts, { provider });
  const bucketName = (name: string) => s3BucketName(name, accountId, region);

  const key = new SealedKey(
    `${stack}-key`,
    {
      accountId,
      region,
      deletionWindowDays: spec.keys.deletionWindowDays,
      rotationDays: spec.keys.rotationDays,
      aliasName: `alias/sovereign-dc/${region}`,
      allowLogDelivery: true,
      allowClusterLogs: spec.kubernetes !== undefined,
      allowNodeVolumes: spec.kubernetes !== undefined,
    },
    inRegion,
  );
  const network = new SealedNetwork(
    `${stack}-network`,
    {
      region,
      accountId,
      cidr: spec.network.cidr,
      zones: spec.network.zones,
      egress: spec.egress,
      clusterEndpoints: spec.kubernetes !== undefined,
    },
    inRegion,
  );
  const egressGuard = new EgressGuard(
    `${stack}-egress-guard`,
    {
      vpcId: network.vpcId,
      egress: spec.egress,
      endpointSecurityGroupId: network.endpointSecurityGroupId,
    },
    inRegion,
  );

  const accessLogs = new SealedBucket(
    `${stack}-${logBuckets.accessLogs}`,
    {
      bucketName: bucketName(logBuckets.accessLogs),
      accountId,
      region,
      vpcEndpointId: network.s3EndpointId,
      retentionDays: logRetentionDays,
      kmsKeyArn: key.arn,
      logDelivery: "s3-server-access-logs",
    },
    inRegion,
  );
  const sealedBucket = (name: string, retentionDays: number, logDelivery?: "vpc-flow-logs") =>
    new SealedBucket(
      `${stack}-${name}`,
      {
        bucketName: bucketName(name),
        accountId,
        region,
        vpcEndpointId: network.s3EndpointId,
        retentionDays,
        kmsKeyArn: key.arn,
        accessLogBucket: accessLogs.bucketName,
        logDelivery,
      },
      inRegion,
    );

  const flowLogs = sealedBucket(logBuckets.flowLogs, logRetentionDays, "vpc-flow-logs");
  // SealedBucket outputs resolve once the bucket is sealed, so the flow log and the access logs
  // start only after their bucket's policy admits the log service (S3 refuses a logging target
  // that does not; the flow-log service would write a policy of its own).
  new VpcFlowLog(`${stack}-vpc`, { vpcId: network.vpcId, bucketArn: flowLogs.arn }, inRegion);
  const buckets = spec.buckets.map((b) => [b.name, sealedBucket(b.name, b.retentionDays)] as const);

  const kubernetes =
    spec.kubernetes === undefined
      ? undefined
      : (() => {
          const k = spec.kubernetes;
          const cluster = new SealedCluster(
            `${stack}-k8s`,
            {
              region,
              accountId,
              version: k.version,
              subnetIds: network.subnetIds,
              kmsKeyArn: key.arn,
              nodePools: k.nodePools,
            },
            inRegion,
          );
          return {
            clusterName: cluster.clusterName,
            namespaces: sealedNamespaces(stack, spec, cluster.kubernetesProvider, opts),
          };
        })();

  return {
    cloud: spec.cloud,
    region,
    jurisdiction: spec.jurisdiction.id,
    partition,
    accountId,
    vpcId: network.vpcId,
    subnetIds: network.subnetIds,
    securityGroupId: egressGuard.securityGroupId,
    endpoints: {
      s3: network.s3EndpointId,
      kms: network.kmsEndpointId,
      sts: network.stsEndpointId,
    },
    keyArn: key.arn,
    keyId: key.keyId,
    keyAlias: key.aliasName,
    buckets: Object.fromEntries(buckets.map(([name, bucket]) => [name, bucket.bucketName])),
    logBucket: accessLogs.bucketName,
    flowLogBucket: flowLogs.bucketName,
    ...(kubernetes === undefined ? {} : { kubernetes }),
  };
}
