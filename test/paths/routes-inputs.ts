/**
 * The ways out of a VPC the network and egress tables draw with the rest of the stack
 * (policy/paths/types/routes.ts): internet, egress-only, IPv4 and IPv6 gateways, NAT gateways
 * with and without EIPs, EIPs bound to instances, default and private routes (top-level and in
 * route tables), instances with public addresses, a VPC route entry whose next hop is in another
 * region, cloud desktop office sites and bandwidth bought between areas — in an Alibaba Cloud
 * stack under CN and an AWS stack under US, each with a bucket any network of its region may
 * read, so the ways out are paths. test/paths/tags.test.ts checks that each way out is tagged
 * with the field whose policy reports it.
 */
import type { OracleResource, OracleSettings } from "../helpers/model-oracle";
import { on, unknownAtPreview } from "../helpers/model-oracle";

const sh = on("sh");
const or = on("or");

const alicloud: OracleResource[] = [
  { type: "pulumi:providers:alicloud", name: "sh", props: { region: "cn-shanghai" } },
  sh("alicloud:oss/bucket:Bucket", "data", { bucket: "data-b" }),
  sh("alicloud:vpc/network:Network", "core", { cidrBlock: "10.10.0.0/16" }),
  sh(
    "alicloud:vpc/switch:Switch",
    "a",
    { vpcId: "vpc-1", cidrBlock: "10.10.1.0/24" },
    {
      vpcId: ["core"],
    },
  ),
  // No security group: the VPC's traffic reaches its internet-bound junction.
  sh(
    "alicloud:vpc/natGateway:NatGateway",
    "nat",
    { vpcId: "vpc-1", networkType: "internet", natType: "Enhanced" },
    { vpcId: ["core"] },
  ),
  sh("alicloud:ecs/eip:Eip", "nat-eip", { bandwidth: "5", ipAddress: "203.0.113.9" }),
  sh(
    "alicloud:ecs/eipAssociation:EipAssociation",
    "nat-bind",
    { allocationId: "eip-1", instanceId: "nat-1" },
    { allocationId: ["nat-eip"], instanceId: ["nat"] },
  ),
  // A NAT gateway that adds its own default route and has no EIP of the stack.
  sh(
    "alicloud:vpc/natGateway:NatGateway",
    "nat-bare",
    { vpcId: "vpc-1", networkType: "internet" },
    { vpcId: ["core"] },
  ),
  sh(
    "alicloud:vpc/natGateway:NatGateway",
    "nat-private",
    { vpcId: "vpc-1", networkType: "intranet" },
    { vpcId: ["core"] },
  ),
  sh(
    "alicloud:vpc/routeEntry:RouteEntry",
    "default",
    { routeTableId: "vtb-1", destinationCidrblock: "0.0.0.0/0", nexthopId: "nat-1" },
    { routeTableId: ["core"], nexthopId: ["nat"] },
  ),
  sh(
    "alicloud:vpc/routeEntry:RouteEntry",
    "private",
    { routeTableId: "vtb-1", destinationCidrblock: "10.30.0.0/16", nexthopId: "nat-1" },
    { routeTableId: ["core"], nexthopId: ["nat"] },
  ),
  sh("alicloud:vpc/ipv4Gateway:Ipv4Gateway", "ipv4", { vpcId: "vpc-1" }, { vpcId: ["core"] }),
  sh(
    "alicloud:vpc/ipv4Gateway:Ipv4Gateway",
    "ipv4-off",
    { vpcId: "vpc-1", enabled: false },
    { vpcId: ["core"] },
  ),
  sh("alicloud:vpc/ipv6Gateway:Ipv6Gateway", "ipv6", { vpcId: "vpc-1" }, { vpcId: ["core"] }),
  sh(
    "alicloud:vpc/vPCRouteEntry:VPCRouteEntry",
    "v4-default",
    {
      routeTableId: "vtb-1",
      destinationCidrBlock: "0.0.0.0/0",
      nexthopId: "ipv4-1",
      nextHops: [{ nextHopRegionId: "cn-shanghai" }],
    },
    { routeTableId: ["core"], nexthopId: ["ipv4"] },
  ),
  sh(
    "alicloud:vpc/vPCRouteEntry:VPCRouteEntry",
    "v6-default",
    { routeTableId: "vtb-1", destinationCidrBlock: "::/0", nexthopId: "ipv6-1" },
    { routeTableId: ["core"], nexthopId: ["ipv6"] },
  ),
  sh(
    "alicloud:vpc/vPCRouteEntry:VPCRouteEntry",
    "far-hop",
    {
      routeTableId: "vtb-1",
      destinationCidrBlock: "10.40.0.0/16",
      nexthopType: "Instance",
      nexthopId: "i-2",
      nextHops: [{ nextHopRegionId: "cn-hongkong" }],
    },
    { routeTableId: ["core"], nexthopId: ["vm-private"] },
  ),
  sh(
    "alicloud:ecs/instance:Instance",
    "vm",
    { vswitchId: "vsw-1", internetMaxBandwidthOut: 10 },
    { vswitchId: ["a"] },
  ),
  sh("alicloud:ecs/instance:Instance", "vm-private", { vswitchId: "vsw-1" }, { vswitchId: ["a"] }),
  sh("alicloud:ecs/eipAddress:EipAddress", "vm-eip", { bandwidth: "5" }),
  sh(
    "alicloud:ecs/eipAssociation:EipAssociation",
    "vm-bind",
    { allocationId: "eip-2", instanceId: "vm-1" },
    { allocationId: ["vm-eip"], instanceId: ["vm-private"] },
  ),
  // Cloud desktop office sites: one joined to another account's CEN with internet access, one
  // whose directory runs on a public address.
  sh("alicloud:eds/simpleOfficeSite:SimpleOfficeSite", "desktops", {
    cidrBlock: "172.16.0.0/12",
    cenId: "cen-1",
    cenOwnerId: "999",
    enableInternetAccess: true,
  }),
  sh("alicloud:eds/adConnectorOfficeSite:AdConnectorOfficeSite", "ad-desktops", {
    cidrBlock: "172.16.0.0/12",
    dnsAddresses: ["198.51.100.53"],
    subDomainDnsAddresses: ["10.10.1.53"],
    enableInternetAccess: false,
  }),
  // Bandwidth bought between two areas, within one, and between areas not known at preview.
  sh("alicloud:cen/bandwidthPackage:BandwidthPackage", "cen-bw-cross", {
    geographicRegionAId: "China",
    geographicRegionBId: "Asia-Pacific",
  }),
  sh("alicloud:cen/bandwidthPackage:BandwidthPackage", "cen-bw-home", {
    geographicRegionAId: "China",
    geographicRegionBId: "China",
  }),
  sh("alicloud:cen/bandwidthPackage:BandwidthPackage", "cen-bw-list", {
    geographicRegionIds: ["China", "Europe"],
  }),
  sh("alicloud:cen/bandwidthPackage:BandwidthPackage", "cen-bw-unknown", {
    geographicRegionAId: "China",
    geographicRegionBId: unknownAtPreview,
  }),
  sh("alicloud:ga/bandwidthPackage:BandwidthPackage", "ga-bw-cross", { type: "CrossDomain" }),
  sh("alicloud:ga/bandwidthPackage:BandwidthPackage", "ga-bw-basic", { type: "Basic" }),
  sh("alicloud:ga/bandwidthPackage:BandwidthPackage", "ga-bw-same", {
    type: "CrossDomain",
    cbnGeographicRegionIda: "China-mainland",
    cbnGeographicRegionIdb: "China-mainland",
  }),
  sh("alicloud:ga/bandwidthPackage:BandwidthPackage", "ga-bw-unknown", { type: unknownAtPreview }),
];

const aws: OracleResource[] = [
  { type: "pulumi:providers:aws", name: "or", props: { region: "us-west-2" } },
  or("aws:s3/bucket:Bucket", "data", { bucket: "data-b" }),
  or("aws:ec2/vpc:Vpc", "core", { cidrBlock: "10.20.0.0/16" }),
  or(
    "aws:ec2/subnet:Subnet",
    "public",
    { vpcId: "vpc-1", cidrBlock: "10.20.1.0/24", mapPublicIpOnLaunch: true },
    { vpcId: ["core"] },
  ),
  or("aws:ec2/internetGateway:InternetGateway", "igw", { vpcId: "vpc-1" }, { vpcId: ["core"] }),
  or(
    "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway",
    "eigw",
    { vpcId: "vpc-1" },
    { vpcId: ["core"] },
  ),
  or("aws:ec2/eip:Eip", "nat-eip", { domain: "vpc", publicIp: "198.51.100.20" }),
  or(
    "aws:ec2/natGateway:NatGateway",
    "nat",
    { subnetId: "subnet-1", allocationId: "eipalloc-1" },
    { subnetId: ["public"], allocationId: ["nat-eip"] },
  ),
  or(
    "aws:ec2/natGateway:NatGateway",
    "nat-private",
    { subnetId: "subnet-1", connectivityType: "private" },
    { subnetId: ["public"] },
  ),
  or(
    "aws:ec2/routeTable:RouteTable",
    "rt",
    {
      vpcId: "vpc-1",
      routes: [
        { cidrBlock: "10.50.0.0/16", natGatewayId: "nat-1" },
        { cidrBlock: "0.0.0.0/0", gatewayId: "igw-1" },
        { ipv6CidrBlock: "::/0", egressOnlyGatewayId: "eigw-1" },
      ],
    },
    { vpcId: ["core"], routes: ["nat", "igw", "eigw"] },
  ),
  or(
    "aws:ec2/route:Route",
    "to-nat",
    { routeTableId: "rtb-1", destinationCidrBlock: "0.0.0.0/0", natGatewayId: "nat-1" },
    { routeTableId: ["rt"], natGatewayId: ["nat"] },
  ),
  or(
    "aws:ec2/defaultRouteTable:DefaultRouteTable",
    "main",
    {
      defaultRouteTableId: "rtb-0",
      routes: [{ cidrBlock: "192.168.0.0/16", gatewayId: "igw-1" }],
    },
    { defaultRouteTableId: ["core"], routes: ["igw"] },
  ),
  or(
    "aws:ec2/instance:Instance",
    "vm",
    { subnetId: "subnet-1", associatePublicIpAddress: true },
    { subnetId: ["public"] },
  ),
  // Named into no subnet: it launches into the default VPC, with a public IP.
  or("aws:ec2/instance:Instance", "vm-default", { instanceType: "t3.micro" }),
  or("aws:ec2/eip:Eip", "vm-eip", { domain: "vpc" }),
  or(
    "aws:ec2/eipAssociation:EipAssociation",
    "vm-bind",
    { allocationId: "eipalloc-2", instanceId: "i-1" },
    { allocationId: ["vm-eip"], instanceId: ["vm"] },
  ),
];

/** The two route inputs: a name, the resources and the settings they are judged under. */
export const routesCases: ReadonlyArray<readonly [string, OracleResource[], OracleSettings]> = [
  ["routes alicloud", alicloud, { jurisdiction: "CN" }],
  ["routes aws", aws, { jurisdiction: "US" }],
];
