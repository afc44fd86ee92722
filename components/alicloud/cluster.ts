/**
 * The stack's managed Kubernetes cluster on Alibaba Cloud (ACK Pro) with no way out of the VPC:
 * no NAT gateway (ACK creates an internet NAT gateway unless told not to), no internet-facing
 * API server load balancer, nodes without public IPs in the stack's security group, Kubernetes
 * secrets and node disks encrypted with the stack's KMS key, and control-plane and audit logs in
 * a log project of the stack's own region. Pods get addresses in the stack's vSwitches (Terway),
 * so the network ACL and the security group hold for them too, and Terway enforces the
 * NetworkPolicies of the sealed namespaces.
 *
 * The Kubernetes provider it exposes is built from the cluster's own credential, so every object
 * created through it is tied to this cluster — and to this region.
 */
import * as cs from "@pulumi/alicloud/cs";
import * as log from "@pulumi/alicloud/log";
import * as k8s from "@pulumi/kubernetes/provider";
import * as pulumi from "@pulumi/pulumi";
import { cidrsOverlap, dns1123Label, type NodePoolSpec } from "../../residency/spec";
import { cidrIssues, issue, isWholeNumberIn, throwIfInvalid } from "./validation";

export interface AlicloudClusterArgs {
  /** The ACK version (`1.31.1-aliyun.1`). Raising it upgrades the control plane in place. */
  readonly version: string;
  /** The stack's VPC block; the service block must not overlap it. */
  readonly vpcCidr: string;
  /**
   * The vSwitches of the control plane, the nodes and (Terway) the pods. Changing the pods'
   * vSwitches replaces the cluster.
   */
  readonly vSwitchIds: readonly pulumi.Input<string>[];
  /** The security group the cluster's network interfaces and every node join (the egress guard). */
  readonly securityGroupId: pulumi.Input<string>;
  /** The KMS key that encrypts Kubernetes secrets and the nodes' system disks. */
  readonly kmsKeyId: pulumi.Input<string>;
  /** The node pools; at least one. */
  readonly nodePools: readonly NodePoolSpec[];
  /**
   * Name of the in-region log project that receives control-plane and audit logs. Log project
   * names are unique per region across accounts. Replaces the project when changed.
   */
  readonly logProjectName: string;
  /** Days control-plane logs are kept. Defaults to: 365. */
  readonly logRetentionDays?: number;
  /**
   * The block Services get their cluster IPs from; it must not overlap the VPC. Replaces the
   * cluster when changed. Defaults to: 172.21.0.0/20.
   */
  readonly serviceCidr?: string;
}

/** The cluster's settings that keep it sealed; the tests hold the cluster to them. */
export const sealedClusterSettings = {
  /** ACK Pro: what encrypts secrets with a customer key. */
  clusterSpec: "ack.pro.small",
  newNatGateway: false,
  slbInternetEnabled: false,
  disableEncryption: false,
  deletionProtection: true,
} as const;

/** Control-plane components whose logs go to the stack's log project. */
export const controlPlaneLogComponents = [
  "apiserver",
  "kcm",
  "scheduler",
  "ccm",
  "controlplane-events",
] as const;

export const defaultServiceCidr = "172.21.0.0/20";
const defaultLogRetentionDays = 365;

/** Every issue with the arguments, one line each; empty when they are valid. */
export function validateAlicloudClusterArgs(args: AlicloudClusterArgs): string[] {
  const issues: string[] = [];
  if (!/^1\.\d{1,2}\.\d{1,2}-aliyun\.\d{1,2}$/.test(args.version)) {
    issues.push(issue("version", args.version, "expected an ACK version such as 1.31.1-aliyun.1"));
  }
  if (args.vSwitchIds.length === 0) {
    issues.push(issue("vSwitchIds", args.vSwitchIds, "expected at least one vSwitch"));
  }
  const vpcIssues = cidrIssues("vpcCidr", args.vpcCidr, { min: 8, max: 28 });
  issues.push(...vpcIssues);
  const serviceCidr = args.serviceCidr ?? defaultServiceCidr;
  const serviceIssues = cidrIssues("serviceCidr", serviceCidr, { min: 16, max: 24 });
  issues.push(...serviceIssues);
  if (
    vpcIssues.length === 0 &&
    serviceIssues.length === 0 &&
    cidrsOverlap(serviceCidr, args.vpcCidr)
  ) {
    issues.push(
      issue(
        "serviceCidr",
        serviceCidr,
        `expected a block that does not overlap the VPC (${args.vpcCidr})`,
      ),
    );
  }
  if (!/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(args.logProjectName)) {
    issues.push(
      issue(
        "logProjectName",
        args.logProjectName,
        "expected 3 to 63 lowercase letters, digits or hyphens, starting and ending with a letter or digit",
      ),
    );
  }
  const retention = args.logRetentionDays ?? defaultLogRetentionDays;
  if (!isWholeNumberIn(retention, 1, 3650)) {
    issues.push(
      issue("logRetentionDays", retention, "expected a whole number of days from 1 to 3650"),
    );
  }
  if (args.nodePools.length === 0) {
    issues.push(issue("nodePools", args.nodePools, "expected at least one node pool"));
  }
  args.nodePools.forEach((pool, i) => {
    if (!dns1123Label.test(pool.name)) {
      issues.push(issue(`nodePools[${i}].name`, pool.name, "expected a DNS-1123 label"));
    }
    const { min, max, desired } = pool.size;
    if (![min, max, desired].every((n) => isWholeNumberIn(n, 0, 1000)) || max < 1 || min > max) {
      issues.push(
        issue(
          `nodePools[${i}].size`,
          pool.size,
          "expected whole numbers with 0 <= min <= desired <= max and max >= 1",
        ),
      );
    } else if (desired < min || desired > max) {
      issues.push(
        issue(
          `nodePools[${i}].size.desired`,
          desired,
          `expected a node count from ${min} to ${max}`,
        ),
      );
    }
  });
  return issues;
}

/**
 * A node pool's args: no public IP and no EIP on any node, the stack's security group, system
 * disks encrypted with the stack's key. A pool whose min and max differ scales between them
 * (the autoscaler decides the count); a fixed pool runs `desired` nodes.
 */
export function nodePoolArgs(
  pool: NodePoolSpec,
  cluster: {
    readonly clusterId: pulumi.Input<string>;
    readonly vSwitchIds: readonly pulumi.Input<string>[];
    readonly securityGroupId: pulumi.Input<string>;
    readonly kmsKeyId: pulumi.Input<string>;
  },
): cs.NodePoolArgs {
  const { min, max, desired } = pool.size;
  return {
    clusterId: cluster.clusterId,
    nodePoolName: pool.name,
    vswitchIds: [...cluster.vSwitchIds],
    instanceTypes: [pool.instanceType],
    securityGroupIds: [cluster.securityGroupId],
    // No public bandwidth means no public IP on any node; EIPs are never bound (below).
    internetMaxBandwidthOut: 0,
    systemDiskCategory: "cloud_essd",
    systemDiskEncrypted: true,
    systemDiskKmsKey: cluster.kmsKeyId,
    ...(min === max
      ? { desiredSize: String(desired) }
      : { scalingConfig: { enable: true, minSize: min, maxSize: max, isBondEip: false } }),
  };
}

export class AlicloudCluster extends pulumi.ComponentResource {
  readonly clusterId: pulumi.Output<string>;
  readonly logProjectName: pulumi.Output<string>;
  /** Node pool IDs keyed by pool name. */
  readonly nodePoolIds: Record<string, pulumi.Output<string>>;
  /** A Kubernetes provider whose kubeconfig is this cluster's credential. */
  readonly kubernetesProvider: k8s.Provider;

  constructor(name: string, args: AlicloudClusterArgs, opts: pulumi.ComponentResourceOptions = {}) {
    throwIfInvalid("AlicloudCluster", name, validateAlicloudClusterArgs(args));
    super("sovereign-dc:alicloud:AlicloudCluster", name, {}, opts);

    // Audit and control-plane logs say who read which secret: data of the jurisdiction like any
    // other, kept in a project of the stack's region rather than one ACK would name and create.
    const logs = new log.Project(
      `${name}-logs`,
      {
        projectName: args.logProjectName,
        description: `Control-plane and audit logs of cluster ${name}`,
      },
      { parent: this, protect: true, retainOnDelete: true },
    );

    const vSwitchIds = [...args.vSwitchIds];
    const cluster = new cs.ManagedKubernetes(
      `${name}-cluster`,
      {
        name,
        version: args.version,
        ...sealedClusterSettings,
        vswitchIds: vSwitchIds,
        podVswitchIds: vSwitchIds,
        serviceCidr: args.serviceCidr ?? defaultServiceCidr,
        securityGroupId: args.securityGroupId,
        encryptionProviderKey: args.kmsKeyId,
        // Terway gives pods VPC addresses and enforces NetworkPolicies; Flannel enforces none.
        // ACK installs its NGINX Ingress controller on a new cluster unless told not to, served
        // on an internet-facing load balancer: the sealed cluster takes none.
        addons: [
          {
            name: "terway-eniip",
            config: JSON.stringify({
              IPVlan: "false",
              NetworkPolicy: "true",
              ENITrunking: "false",
            }),
          },
          { name: "nginx-ingress-controller", disabled: true },
        ],
        controlPlaneLogProject: logs.projectName,
        controlPlaneLogTtl: String(args.logRetentionDays ?? defaultLogRetentionDays),
        controlPlaneLogComponents: [...controlPlaneLogComponents],
        auditLogConfig: { enabled: true, slsProjectName: logs.projectName },
        // Deleting the cluster keeps its log projects: they are the record of what happened.
        deleteOptions: [
          { resourceType: "SLS_ControlPlane", deleteMode: "retain" },
          { resourceType: "SLS_Data", deleteMode: "retain" },
        ],
      },
      { parent: this },
    );

    const pools = args.nodePools.map(
      (pool) =>
        new cs.NodePool(
          `${name}-${pool.name}`,
          nodePoolArgs(pool, {
            clusterId: cluster.id,
            vSwitchIds,
            securityGroupId: args.securityGroupId,
            kmsKeyId: args.kmsKeyId,
          }),
          { parent: this },
        ),
    );

    // The credential comes from the cluster's provider function, through the stack's provider
    // (inherited from this component), so it names this cluster and nothing the environment holds.
    const credential = cs.getClusterCredentialOutput({ clusterId: cluster.id }, { parent: this });
    this.kubernetesProvider = new k8s.Provider(
      `${name}-kubernetes`,
      {
        // Joined with the cluster's ID so the kubeconfig carries the cluster as its dependency:
        // at a first `pulumi preview` the ID is unknown, the function is not called, and its
        // unknown answer names no resource — the pack could not place the provider's cluster.
        kubeconfig: pulumi
          .all([cluster.id, credential.kubeConfig])
          .apply(([, kubeconfig]) => kubeconfig),
      },
      { parent: this },
    );

    this.clusterId = cluster.id;
    this.logProjectName = logs.projectName;
    this.nodePoolIds = Object.fromEntries(args.nodePools.map((p, i) => [p.name, pools[i].id]));
    this.registerOutputs({
      clusterId: this.clusterId,
      logProjectName: this.logProjectName,
      nodePoolIds: this.nodePoolIds,
      kubernetesProvider: this.kubernetesProvider,
    });
  }
}
