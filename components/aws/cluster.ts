/**
 * The stack's EKS cluster with no way out of the VPC: an API server reachable only from inside
 * the VPC (no public endpoint), Kubernetes secrets encrypted with the stack's KMS key,
 * control-plane logs in a CloudWatch log group of the stack's region, and managed node groups in
 * the private subnets, which map no public IPs and route nowhere but the VPC. Nodes reach ECR,
 * STS, EC2 and CloudWatch Logs through the network's interface endpoints
 * (`SealedNetwork.clusterEndpoints`), never through a NAT. The VPC CNI add-on runs with network
 * policy enforcement on, so the sealed namespaces' NetworkPolicies hold.
 *
 * The Kubernetes provider it exposes is built from the cluster's own endpoint and certificate,
 * authenticating with `aws eks get-token` against the stack's region.
 */
import * as cloudwatch from "@pulumi/aws/cloudwatch";
import * as ec2 from "@pulumi/aws/ec2";
import * as eks from "@pulumi/aws/eks";
import * as iam from "@pulumi/aws/iam";
import * as k8s from "@pulumi/kubernetes/provider";
import * as pulumi from "@pulumi/pulumi";
import { awsPartitionOf } from "../../residency/jurisdictions";
import { dns1123Label, type NodePoolSpec } from "../../residency/spec";
import { policyDocument, type PolicyDocument } from "./policy";
import { checkAccountId, checkRegion, checkWholeNumber, IssueList } from "./validation";

/** Each node's root volume, in GiB: EKS's own default for managed node groups. */
const nodeRootVolumeGiB = 20;

export interface SealedClusterArgs {
  /** The region the stack's provider is pinned to; the kubeconfig asks for tokens there. */
  readonly region: string;
  /** The account the stack runs in. */
  readonly accountId: string;
  /** The EKS version (`1.31`). Raising it upgrades the control plane in place. */
  readonly version: string;
  /** The private subnets of the control plane's interfaces and of every node group. */
  readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * The KMS key that encrypts Kubernetes secrets and the control-plane log group; its policy must
   * admit CloudWatch Logs (`SealedKey.allowClusterLogs`). Changing it replaces the cluster.
   */
  readonly kmsKeyArn: pulumi.Input<string>;
  /** The managed node groups; at least one. */
  readonly nodePools: readonly NodePoolSpec[];
  /** Days control-plane logs are kept. Defaults to: 365. */
  readonly logRetentionDays?: number;
}

/** Control-plane logs EKS writes to CloudWatch Logs in the cluster's region: all of them. */
export const clusterLogTypes = [
  "api",
  "audit",
  "authenticator",
  "controllerManager",
  "scheduler",
] as const;

/** The AWS managed policies the cluster role and the node role need. */
export const clusterPolicies = ["AmazonEKSClusterPolicy"] as const;
export const nodePolicies = [
  "AmazonEKSWorkerNodePolicy",
  "AmazonEKS_CNI_Policy",
  "AmazonEC2ContainerRegistryReadOnly",
] as const;

const defaultLogRetentionDays = 365;

/** Checks a SealedCluster's args before anything is declared; throws ArgsError listing every issue. */
export function validateSealedClusterArgs(name: string, args: SealedClusterArgs): void {
  const issues = new IssueList();
  checkRegion(issues, "region", args.region);
  checkAccountId(issues, "accountId", args.accountId);
  if (!/^1\.\d{1,2}$/.test(args.version)) {
    issues.add("version", args.version, "expected an EKS version such as 1.31");
  }
  if (!dns1123Label.test(name) || name.length > 100) {
    issues.add("name", name, "expected a cluster name of lowercase letters, digits and hyphens");
  }
  if (args.logRetentionDays !== undefined) {
    checkWholeNumber(issues, "logRetentionDays", args.logRetentionDays, 1, 3653);
  }
  if (args.nodePools.length === 0) {
    issues.add("nodePools", args.nodePools, "expected at least one node group");
  }
  args.nodePools.forEach((pool, i) => {
    if (!dns1123Label.test(pool.name)) {
      issues.add(`nodePools[${i}].name`, pool.name, "expected a DNS-1123 label");
    }
    const { min, max, desired } = pool.size;
    if (max < 1 || min > max || desired < min || desired > max) {
      issues.add(
        `nodePools[${i}].size`,
        pool.size,
        "expected whole numbers with 0 <= min <= desired <= max and max >= 1",
      );
    }
  });
  issues.throwIfAny("SealedCluster", name);
}

/** A role that one AWS service principal may assume, and nothing else. */
export function assumeRolePolicy(service: string): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "ServiceAssumesRole",
        Effect: "Allow",
        Principal: { Service: service },
        Action: "sts:AssumeRole",
        Resource: "*",
      },
    ],
  };
}

/**
 * What the cluster role needs of the stack's key to envelope-encrypt secrets: the key policy
 * delegates to the account's IAM, so the role must be granted it here.
 */
export function secretsKeyPolicy(keyArn: string): PolicyDocument {
  return policyDocument([
    {
      Sid: "EncryptKubernetesSecrets",
      Effect: "Allow",
      Principal: "*",
      Action: [
        "kms:Encrypt",
        "kms:Decrypt",
        "kms:DescribeKey",
        "kms:ListGrants",
        "kms:CreateGrant",
      ],
      Resource: keyArn,
    },
  ]);
}

/** An IAM identity policy has no Principal: strip it from a statement written in our grammar. */
function identityPolicy(doc: PolicyDocument): string {
  return JSON.stringify({
    Version: doc.Version,
    Statement: doc.Statement.map(({ Principal: _principal, ...rest }) => rest),
  });
}

/** A trust policy takes no Resource. */
function trustPolicy(doc: PolicyDocument): string {
  return JSON.stringify({
    Version: doc.Version,
    Statement: doc.Statement.map(({ Resource: _resource, ...rest }) => rest),
  });
}

/** The kubeconfig of an EKS cluster, with a token from `aws eks get-token` in its region. */
export function eksKubeconfig(params: {
  readonly clusterName: string;
  readonly endpoint: string;
  readonly certificateAuthority: string;
  readonly region: string;
}): string {
  const { clusterName, endpoint, certificateAuthority, region } = params;
  return JSON.stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [
      {
        name: clusterName,
        cluster: { server: endpoint, "certificate-authority-data": certificateAuthority },
      },
    ],
    contexts: [{ name: clusterName, context: { cluster: clusterName, user: clusterName } }],
    "current-context": clusterName,
    users: [
      {
        name: clusterName,
        user: {
          exec: {
            apiVersion: "client.authentication.k8s.io/v1beta1",
            command: "aws",
            args: ["eks", "get-token", "--cluster-name", clusterName, "--region", region],
          },
        },
      },
    ],
  });
}

export class SealedCluster extends pulumi.ComponentResource {
  readonly clusterName: pulumi.Output<string>;
  readonly clusterArn: pulumi.Output<string>;
  readonly logGroupName: pulumi.Output<string>;
  /** Node group names keyed by pool name. */
  readonly nodeGroupNames: Record<string, pulumi.Output<string>>;
  /** A Kubernetes provider whose kubeconfig is built from this cluster's endpoint and CA. */
  readonly kubernetesProvider: k8s.Provider;

  constructor(name: string, args: SealedClusterArgs, opts: pulumi.ComponentResourceOptions = {}) {
    validateSealedClusterArgs(name, args);
    super("sovereign-dc:aws:SealedCluster", name, {}, opts);
    const parent = { parent: this };
    const partition = awsPartitionOf(args.region);
    const managedPolicy = (policy: string) => `arn:${partition}:iam::aws:policy/${policy}`;
    const dnsSuffix = partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";

    const clusterRole = new iam.Role(
      `${name}-cluster-role`,
      { assumeRolePolicy: trustPolicy(assumeRolePolicy("eks.amazonaws.com")) },
      parent,
    );
    const clusterAttachments = clusterPolicies.map(
      (policy) =>
        new iam.RolePolicyAttachment(
          `${name}-cluster-${policy}`,
          { role: clusterRole.name, policyArn: managedPolicy(policy) },
          parent,
        ),
    );
    const secretsKey = new iam.RolePolicy(
      `${name}-cluster-secrets-key`,
      {
        role: clusterRole.name,
        policy: pulumi.output(args.kmsKeyArn).apply((arn) => identityPolicy(secretsKeyPolicy(arn))),
      },
      parent,
    );

    // EKS writes to /aws/eks/<cluster>/cluster; creating it first sets the retention (EKS would
    // create it with logs kept forever) and keeps it in the stack's region by construction.
    const logGroup = new cloudwatch.LogGroup(
      `${name}-logs`,
      {
        name: `/aws/eks/${name}/cluster`,
        retentionInDays: args.logRetentionDays ?? defaultLogRetentionDays,
        kmsKeyId: args.kmsKeyArn,
      },
      pulumi.mergeOptions(parent, { protect: true, retainOnDelete: true }),
    );

    const cluster = new eks.Cluster(
      `${name}-cluster`,
      {
        name,
        version: args.version,
        roleArn: clusterRole.arn,
        vpcConfig: {
          subnetIds: args.subnetIds,
          endpointPrivateAccess: true,
          endpointPublicAccess: false,
        },
        encryptionConfig: { provider: { keyArn: args.kmsKeyArn }, resources: ["secrets"] },
        enabledClusterLogTypes: [...clusterLogTypes],
        accessConfig: {
          authenticationMode: "API",
          bootstrapClusterCreatorAdminPermissions: true,
        },
        deletionProtection: true,
      },
      pulumi.mergeOptions(parent, { dependsOn: [logGroup, secretsKey, ...clusterAttachments] }),
    );

    // Network policy enforcement is off in the VPC CNI unless asked for; without it the sealed
    // namespaces' NetworkPolicies would be recorded and never applied.
    new eks.Addon(
      `${name}-vpc-cni`,
      {
        clusterName: cluster.name,
        addonName: "vpc-cni",
        configurationValues: JSON.stringify({ enableNetworkPolicy: "true" }),
        resolveConflictsOnCreate: "OVERWRITE",
        resolveConflictsOnUpdate: "OVERWRITE",
      },
      parent,
    );

    const nodeRole = new iam.Role(
      `${name}-node-role`,
      { assumeRolePolicy: trustPolicy(assumeRolePolicy(`ec2.${dnsSuffix}`)) },
      parent,
    );
    const nodeAttachments = nodePolicies.map(
      (policy) =>
        new iam.RolePolicyAttachment(
          `${name}-node-${policy}`,
          { role: nodeRole.name, policyArn: managedPolicy(policy) },
          parent,
        ),
    );
    // The nodes' root volumes on the stack's key: what pods write to their node (images,
    // emptyDir volumes, logs) stays encrypted with it. The template names no network interface,
    // so nodes take the subnets' settings, which map no public IPs; no remoteAccess (it would
    // open SSH to the nodes). EC2 Auto Scaling launches the nodes and needs the key's grant for
    // the volumes (SealedKey `allowNodeVolumes`).
    const nodeTemplate = new ec2.LaunchTemplate(
      `${name}-nodes`,
      {
        description: `Nodes of cluster ${name}: root volumes encrypted with the stack's key`,
        updateDefaultVersion: true,
        blockDeviceMappings: [
          {
            // The root device of the EKS-optimized Amazon Linux AMIs.
            deviceName: "/dev/xvda",
            ebs: {
              encrypted: "true",
              kmsKeyId: args.kmsKeyArn,
              volumeType: "gp3",
              volumeSize: nodeRootVolumeGiB,
              deleteOnTermination: "true",
            },
          },
        ],
      },
      parent,
    );
    const groups = args.nodePools.map(
      (pool) =>
        new eks.NodeGroup(
          `${name}-${pool.name}`,
          {
            clusterName: cluster.name,
            nodeGroupName: pool.name,
            nodeRoleArn: nodeRole.arn,
            subnetIds: args.subnetIds,
            instanceTypes: [pool.instanceType],
            launchTemplate: {
              id: nodeTemplate.id,
              version: nodeTemplate.latestVersion.apply((v) => String(v)),
            },
            scalingConfig: {
              minSize: pool.size.min,
              maxSize: pool.size.max,
              desiredSize: pool.size.desired,
            },
          },
          pulumi.mergeOptions(parent, { dependsOn: nodeAttachments }),
        ),
    );

    const kubeconfig = pulumi
      .all([cluster.name, cluster.endpoint, cluster.certificateAuthority])
      .apply(([clusterName, endpoint, ca]) =>
        eksKubeconfig({
          clusterName,
          endpoint,
          certificateAuthority: ca.data ?? "",
          region: args.region,
        }),
      );
    this.kubernetesProvider = new k8s.Provider(`${name}-kubernetes`, { kubeconfig }, parent);

    this.clusterName = cluster.name;
    this.clusterArn = cluster.arn;
    this.logGroupName = logGroup.name;
    this.nodeGroupNames = Object.fromEntries(
      args.nodePools.map((p, i) => [p.name, groups[i].nodeGroupName]),
    );
    this.registerOutputs({
      clusterName: this.clusterName,
      clusterArn: this.clusterArn,
      logGroupName: this.logGroupName,
      nodeGroupNames: this.nodeGroupNames,
      kubernetesProvider: this.kubernetesProvider,
    });
  }
}
