/**
 * The clusters Kubernetes objects run on, in every shape whose exits the egress and kubernetes
 * tables draw (policy/paths/types/clusters.ts): ACK clusters of the three kinds with and without
 * the NAT gateway ACK creates, node pools whose nodes get public addresses (bandwidth, EIPs, not
 * known at preview) and their private twins, and an EKS cluster whose node group names more
 * subnets. test/paths/tags.test.ts checks that each exit they open is tagged with the policy
 * that reports it.
 */
import type { OracleResource, OracleSettings } from "../helpers/model-oracle";
import { on } from "../helpers/model-oracle";

/** The runtime's marker for a value not known at preview (the oracle turns it into unknown). */
const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

const sh = on("sh");
const or = on("or");

/** A node pool of cluster `ack` in vSwitch `nodes`, with `props`. */
const pool = (name: string, props: Record<string, unknown>) =>
  sh(
    "alicloud:cs/nodePool:NodePool",
    name,
    { clusterId: "c-ack", vswitchIds: ["vsw-nodes"], ...props },
    { clusterId: ["ack"], vswitchIds: ["nodes"] },
  );

const alicloud: OracleResource[] = [
  { type: "pulumi:providers:alicloud", name: "sh", props: { region: "cn-shanghai" } },
  sh("alicloud:vpc/network:Network", "core", { cidrBlock: "10.0.0.0/16" }),
  sh(
    "alicloud:vpc/switch:Switch",
    "nodes",
    { vpcId: "vpc-core", cidrBlock: "10.0.1.0/24" },
    { vpcId: ["core"] },
  ),
  sh(
    "alicloud:vpc/switch:Switch",
    "pods",
    { vpcId: "vpc-core", cidrBlock: "10.0.2.0/24" },
    { vpcId: ["core"] },
  ),
  // ACK creates its NAT gateway unless told not to.
  sh(
    "alicloud:cs/managedKubernetes:ManagedKubernetes",
    "ack",
    { workerVswitchIds: ["vsw-nodes"], podVswitchIds: ["vsw-pods"] },
    { workerVswitchIds: ["nodes"], podVswitchIds: ["pods"] },
  ),
  sh(
    "alicloud:cs/kubernetes:Kubernetes",
    "dedicated",
    { workerVswitchIds: ["vsw-nodes"], newNatGateway: false },
    { workerVswitchIds: ["nodes"] },
  ),
  sh(
    "alicloud:cs/serverlessKubernetes:ServerlessKubernetes",
    "serverless",
    { vswitchIds: ["vsw-pods"], newNatGateway: true },
    { vswitchIds: ["pods"] },
  ),
  // No node network of the stack: nothing to route through ACK's NAT gateway.
  sh("alicloud:cs/managedKubernetes:ManagedKubernetes", "bare", {}),
  pool("pool-public", { internetMaxBandwidthOut: 10 }),
  pool("pool-eip", { scalingConfig: { isBondEip: true } }),
  pool("pool-unknown", { internetMaxBandwidthOut: unknown }),
  pool("pool-eip-unknown", { scalingConfig: { isBondEip: unknown } }),
  pool("pool-private", { internetMaxBandwidthOut: 0, scalingConfig: { isBondEip: false } }),
];

const aws: OracleResource[] = [
  { type: "pulumi:providers:aws", name: "or", props: { region: "us-west-2" } },
  or("aws:ec2/vpc:Vpc", "vpc", { cidrBlock: "10.1.0.0/16" }),
  or(
    "aws:ec2/subnet:Subnet",
    "private",
    { vpcId: "vpc-1", cidrBlock: "10.1.1.0/24" },
    { vpcId: ["vpc"] },
  ),
  or(
    "aws:ec2/subnet:Subnet",
    "workers",
    { vpcId: "vpc-1", cidrBlock: "10.1.2.0/24" },
    { vpcId: ["vpc"] },
  ),
  or(
    "aws:eks/cluster:Cluster",
    "eks",
    { name: "eks", vpcConfig: { subnetIds: ["subnet-1"] } },
    { vpcConfig: ["private"] },
  ),
  or(
    "aws:eks/nodeGroup:NodeGroup",
    "workers",
    { clusterName: "eks", subnetIds: ["subnet-2"] },
    { clusterName: ["eks"], subnetIds: ["workers"] },
  ),
];

export const clusterCases: ReadonlyArray<readonly [string, OracleResource[], OracleSettings]> = [
  ["clusters alicloud", alicloud, { jurisdiction: "CN" }],
  ["clusters aws", aws, { jurisdiction: "US" }],
];
