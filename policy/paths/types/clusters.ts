/**
 * The edges of the clusters Kubernetes objects run on (shared/research/data-paths.md §5): a
 * cluster is drawn in the subnets its nodes sit in, an ACK cluster with the NAT gateway it creates
 * for them, a node pool whose nodes get public addresses as an exit of its vSwitches. The rows are
 * the egress table's (ACK clusters and node pools, whose internet fields open these exits) and the
 * kubernetes table's (EKS clusters); the objects' pod egress leaves through `nodeSubnets`.
 *
 * Each exit is tagged with the internet field that opens it, so a path that crosses the border
 * there is internet-egress's finding; the node network itself is structure and stays untagged.
 */
import { link } from "./common";
import { instanceAdmission, subnetTypes, vpcTypes } from "./gates";
import type { BorderResource, FlowEdge, TypeModel } from "../model";
import { clusterComponentTypes, clusterTypes, type Ref, type Resolver } from "../resolver";
import { isUnknown, valueAt } from "../values";
import { resourceLabel } from "../../../residency/placement";
import { programCluster } from "../kubernetes";
import { tagged } from "./links";
import { reporting, type RowEdges } from "./routes";

/** The node pools (ACK) and node groups (EKS) of the program that add nodes to a cluster. */
export function nodePoolsOf(
  cluster: BorderResource,
  x: Resolver,
): { readonly pools: readonly BorderResource[]; readonly groups: readonly BorderResource[] } {
  return {
    pools: x.referrers(cluster, "alicloud:cs/nodePool:NodePool", "clusterId"),
    groups: x.referrers(cluster, "aws:eks/nodeGroup:NodeGroup", "clusterName"),
  };
}

/** The subnets an EKS node group launches its nodes in: AWS subnets, as references. */
export function nodeGroupSubnets(group: BorderResource, x: Resolver): Ref[] {
  return x.refs(group, "subnetIds[]", ["aws:ec2/subnet:Subnet"]);
}

/**
 * The Auto Scaling groups an `eks.Cluster` component's plugin registers beside the EKS cluster
 * (its default node group's self-managed nodes), at any depth below the component.
 */
function componentNodeGroups(cluster: BorderResource, x: Resolver): BorderResource[] {
  const parent = cluster.parent ? x.get(cluster.parent) : undefined;
  return parent !== undefined && clusterComponentTypes[parent.type] !== undefined
    ? x.childrenOfKind([parent], ["aws:autoscaling/group:Group"])
    : [];
}

/** What the cluster, its node pools and node groups name as the subnets their nodes sit in. */
function nodeSubnetRefs(cluster: BorderResource, x: Resolver): Ref[] {
  const paths = ["workerVswitchIds[]", "vswitchIds[]", "podVswitchIds[]", "vpcConfig.subnetIds[]"];
  const { pools, groups } = nodePoolsOf(cluster, x);
  return [
    ...[cluster, ...pools, ...groups].flatMap((owner) =>
      [...paths, "subnetIds[]"].flatMap((p) => x.refs(owner, p, subnetTypes)),
    ),
    ...componentNodeGroups(cluster, x).flatMap((g) =>
      x.refs(g, "vpcZoneIdentifiers[]", subnetTypes),
    ),
  ];
}

/** The subnets the nodes (and Terway pods) of a cluster sit in. */
export function nodeSubnets(cluster: BorderResource, x: Resolver): BorderResource[] {
  return [
    ...new Set(
      nodeSubnetRefs(cluster, x).flatMap((ref) => (ref.kind === "resource" ? [ref.resource] : [])),
    ),
  ];
}

/**
 * Whether every subnet the nodes of a cluster sit in is a resource of the stack: then what the
 * nodes send leaves only by the exits of networks the pack judges (their routes, gateways,
 * security groups and ACLs). Not when the cluster names none (a cluster of another kind), or one
 * the stack does not hold or not known at preview. Self-managed nodes (an Auto Scaling group of
 * the cluster's) are read only where an eks.Cluster component registers them: elsewhere they join
 * by their user data, not by a property, so an EKS cluster is judged only with nodes it names.
 */
export function nodeNetworkJudged(cluster: BorderResource, x: Resolver): boolean {
  return nodeNetworkUnjudged(cluster, x) === undefined;
}

/**
 * Why the pack does not judge a cluster's node network (`nodeNetworkJudged`), in words that
 * complete "here …", naming the subnet it does not hold; undefined when it does judge it.
 */
function nodeNetworkUnjudged(cluster: BorderResource, x: Resolver): string | undefined {
  const label = resourceLabel(cluster.type, cluster.name);
  // An EKS cluster's own subnets are its control plane's: its nodes are those of its managed node
  // groups, of the Auto Scaling groups an eks.Cluster component registers beside it, or Auto
  // Mode's (in the cluster's subnets); without any, self-managed or Karpenter nodes the pack
  // cannot see (found by the regression bench: an Auto Scaling group in a subnet of another stack
  // passed).
  if (
    cluster.type === "aws:eks/cluster:Cluster" &&
    nodePoolsOf(cluster, x).groups.length === 0 &&
    componentNodeGroups(cluster, x).length === 0 &&
    valueAt(cluster.props, "computeConfig.enabled") !== true
  ) {
    return `${label} names none of its nodes (no managed node group, no Auto Scaling group of an eks.Cluster component, no Auto Mode): nodes that join by their user data are in subnets the pack cannot see`;
  }
  const refs = nodeSubnetRefs(cluster, x);
  const subnet = cluster.type.startsWith("alicloud:") ? "vSwitch" : "subnet";
  const foreign = [
    ...new Set(refs.flatMap((ref) => (ref.kind === "external" ? [JSON.stringify(ref.value)] : []))),
  ];
  if (foreign.length > 0) {
    const named = new Intl.ListFormat("en", { type: "conjunction" }).format(foreign);
    return `${label} has nodes in ${subnet}${foreign.length > 1 ? "es" : ""} ${named}, which this stack does not create`;
  }
  if (refs.some((ref) => ref.kind === "unknown")) {
    return `a ${subnet} of ${label}'s nodes is not known at preview`;
  }
  return refs.some((ref) => ref.kind === "resource")
    ? undefined
    : `${label} names no ${subnet} of its nodes`;
}

/**
 * Where a cluster's nodes, and so its pods, run: the subnets or vSwitches of its node network.
 * The edge draws the cluster inside the network it sends through; what leaves that network is
 * decided by the network's own routes and gateways.
 */
function nodesIn(cluster: BorderResource, x: Resolver): FlowEdge[] {
  return nodeSubnets(cluster, x).flatMap((subnet) => link(cluster, subnet, "nodes in"));
}

/** An EKS cluster: in its node network; its nodes leave through the network's own exits. */
export const eksCluster: TypeModel = { role: "workload", edges: nodesIn, fix: {} };

/** An ACK cluster is the NAT gateway it creates, unless `newNatGateway` is false. */
export const ackRole = (r: BorderResource) =>
  r.props.newNatGateway === false ? "other" : "gateway";

/**
 * An ACK cluster's own exit: unless `newNatGateway` is false, ACK creates an internet NAT gateway
 * with an EIP and SNAT for the node vSwitches, which is no resource of the program. It routes the
 * internet-bound traffic of the nodes' VPCs (once security groups and ACLs let it out) to the
 * internet, as a NAT gateway of the program would; both edges are newNatGateway's.
 */
export const ackEdges: RowEdges = (r, x, tagOf) => {
  if (r.props.newNatGateway === false) {
    return nodesIn(r, x);
  }
  const vpcs = new Set<BorderResource>();
  for (const subnet of nodeSubnets(r, x)) {
    const vpc = x.resourceAt(subnet, "vpcId", vpcTypes);
    if (vpc) {
      vpcs.add(vpc);
    }
  }
  const exit: FlowEdge[] = [];
  for (const vpc of vpcs) {
    exit.push(
      ...link(x.internetBound(vpc), r, "route", {
        detail: "0.0.0.0/0, to the NAT gateway ACK creates (newNatGateway)",
      }),
    );
  }
  if (vpcs.size > 0) {
    exit.push(
      ...link(r, x.internet, "public address", {
        detail: "the EIP of the NAT gateway ACK creates",
      }),
    );
  }
  return [...nodesIn(r, x), ...tagged(exit, tagOf("newNatGateway"))];
};

/**
 * A node pool whose nodes get public addresses is an exit of its vSwitches: pods (on the node's
 * address, or Terway's through the node's route) and anything else in those vSwitches reach the
 * internet through the nodes, within what the pool's security groups admit. The exit is the
 * finding of whichever of its two fields opens it.
 */
export const nodePoolEdges: RowEdges = (r, x, tagOf) => {
  const bandwidth = r.props.internetMaxBandwidthOut;
  const eip = valueAt(r.props, "scalingConfig.isBondEip");
  const publicIp = isUnknown(bandwidth) || (typeof bandwidth === "number" && bandwidth > 0);
  if (!publicIp && eip !== true && !isUnknown(eip)) {
    return [];
  }
  const admission = instanceAdmission(r, x, "securityGroupIds[]");
  if (!admission) {
    return [];
  }
  const edges: FlowEdge[] = [];
  for (const ref of x.refs(r, "vswitchIds[]", subnetTypes)) {
    if (ref.kind === "resource") {
      edges.push(...link(ref.resource, r, "attachment"));
    }
  }
  const exit = link(r, x.internet, "public address", {
    detail: `${publicIp ? `internetMaxBandwidthOut ${isUnknown(bandwidth) ? "not known until deployed" : String(bandwidth)}` : "an EIP on every node it scales out"}; ${admission.detail}`,
  });
  return [
    ...edges,
    ...tagged(exit, reporting(tagOf("internetMaxBandwidthOut"), tagOf("scalingConfig.isBondEip"))),
  ];
};

/**
 * Whether the nodes a Kubernetes object's pods run on sit in a network the pack judges: its
 * cluster is a cluster resource of the program (`programCluster`) and every subnet its nodes sit
 * in is a resource of the stack (`nodeNetworkJudged`). A pod on its node's network (hostNetwork)
 * there sends what the nodes send, which leaves only by that network's exits — each the finding
 * of internet-egress, egress-rules, network-links or the border analysis — as the kubelet's and
 * every other node process's does; no NetworkPolicy holds it, and none needs to.
 */
export function onJudgedNodeNetwork(r: BorderResource, x: Resolver): boolean {
  return offJudgedNodeNetwork(r, x) === undefined;
}

/**
 * Why the nodes a Kubernetes object's pods run on are not in a network the pack judges
 * (`onJudgedNodeNetwork`), in words that complete "here …"; undefined when they are.
 */
export function offJudgedNodeNetwork(r: BorderResource, x: Resolver): string | undefined {
  const cluster = programCluster(r, x);
  if (cluster === undefined) {
    return "its cluster is not one this program creates";
  }
  return clusterTypes.includes(cluster.type)
    ? nodeNetworkUnjudged(cluster, x)
    : `${resourceLabel(cluster.type, cluster.name)} is a cluster whose node network the pack does not read`;
}
