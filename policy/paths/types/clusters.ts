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
import type { Ref, Resolver } from "../resolver";
import { isUnknown, valueAt } from "../values";
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

/** The subnets the nodes (and Terway pods) of a cluster sit in. */
export function nodeSubnets(cluster: BorderResource, x: Resolver): BorderResource[] {
  const paths = ["workerVswitchIds[]", "vswitchIds[]", "podVswitchIds[]", "vpcConfig.subnetIds[]"];
  const { pools, groups } = nodePoolsOf(cluster, x);
  const found = new Set<BorderResource>();
  for (const owner of [cluster, ...pools, ...groups]) {
    for (const p of [...paths, "subnetIds[]"]) {
      for (const ref of x.refs(owner, p, subnetTypes)) {
        if (ref.kind === "resource") {
          found.add(ref.resource);
        }
      }
    }
  }
  return [...found];
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
