/**
 * Flow models of networks: VPCs and their subnets, routes, NAT and internet gateways, elastic
 * IPs, peering, CEN and transit routers, transit gateways and VPN (shared/research/data-paths.md
 * §3 and §4, "VPC peering", "CEN", "VPN", "NAT / internet egress", "Route tables").
 *
 * Attachments and peerings carry data both ways, so they are two edges; routes, NAT and public
 * addresses carry it out. Routes to public destinations leave from the VPC's internet-bound
 * junction, which only the egress gates (egress.ts) lead into.
 */
import { cloudOf } from "../../../residency/placement";
import { ownAccounts } from "../../flows";
import { peerAccountFields } from "../../network";
import type { BorderResource, EdgeLabel, Endpoint, FlowEdge, Place } from "../model";
import { isPlace, isUnknown } from "../model";
import type { Ref, Resolver } from "../resolver";
import { isPrivateCidr, reachOfAddress } from "../../paths/addresses";
import { locate } from "../../paths/places";
import { valueAt, valuesAt } from "../../paths/values";
import { endpointOf, type FlowTable, link, str } from "./common";
import { gateEdges, instanceAdmission, subnetTypes, vpcTypes } from "./egress";

const natTypes = ["alicloud:vpc/natGateway:NatGateway", "aws:ec2/natGateway:NatGateway"];
const eipTypes = ["alicloud:ecs/eipAddress:EipAddress", "alicloud:ecs/eip:Eip", "aws:ec2/eip:Eip"];
const cenTypes = ["alicloud:cen/instance:Instance"];
const internetExitTypes = [
  ...natTypes,
  "alicloud:vpc/ipv4Gateway:Ipv4Gateway",
  "alicloud:vpc/ipv6Gateway:Ipv6Gateway",
  "aws:ec2/internetGateway:InternetGateway",
  "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway",
];
const trTypes = ["alicloud:cen/transitRouter:TransitRouter"];
const tgwTypes = ["aws:ec2transitgateway/transitGateway:TransitGateway"];
const cgwTypes = [
  "alicloud:vpn/customerGateway:CustomerGateway",
  "aws:ec2/customerGateway:CustomerGateway",
];
const vpnGatewayTypes = ["alicloud:vpn/gateway:Gateway", "aws:ec2/vpnGateway:VpnGateway"];
const physicalConnectionType = "alicloud:expressconnect/physicalConnection:PhysicalConnection";

/** The VPC a resource sits in, through its `vpcId` or its subnet's. */
export function vpcOf(r: BorderResource, x: Resolver): BorderResource | undefined {
  if (vpcTypes.includes(r.type)) {
    return r;
  }
  const direct = x.resourceAt(r, "vpcId", vpcTypes);
  if (direct) {
    return direct;
  }
  for (const field of ["vswitchId", "subnetId"]) {
    const subnet = x.resourceAt(r, field, subnetTypes);
    if (subnet) {
      return x.resourceAt(subnet, "vpcId", vpcTypes);
    }
  }
  return undefined;
}

/** The region a resource's cloud names in `field`, defaulting to the resource's own. */
function regionOr(r: BorderResource, x: Resolver, field: string): Place | undefined {
  const v = r.props[field];
  if (v === undefined || v === "") {
    const own = x.regionOf(r);
    return own ? x.regionPlace(own.cloud, own.region) : undefined;
  }
  return x.regionValue(r, v, field);
}

/**
 * A route: from its VPC (or the VPC's internet-bound junction for public destinations) to its
 * next hops. The route table names the VPC; when it cannot be resolved (the system table's ID is
 * only known after deploy) the next hop's VPC is the route's, since routes cannot leave their VPC.
 */
function routeEdges(
  r: BorderResource,
  x: Resolver,
  spec: { table: string; destination: unknown; hops: ReadonlyArray<{ field: string; ref: Ref }> },
): FlowEdge[] {
  if (spec.hops.length === 0) {
    return [];
  }
  const table = x.resourceAt(r, spec.table);
  let vpc = table
    ? vpcTypes.includes(table.type)
      ? table
      : x.resourceAt(table, "vpcId", vpcTypes)
    : undefined;
  for (const h of spec.hops) {
    if (!vpc && h.ref.kind === "resource") {
      vpc = vpcOf(h.ref.resource, x);
    }
  }
  if (!vpc) {
    return [];
  }
  const toPrivate = isPrivateCidr(spec.destination);
  const from = toPrivate ? vpc : x.internetBound(vpc);
  const dest =
    typeof spec.destination === "string"
      ? spec.destination
      : "a destination not known until deployed";
  return spec.hops.flatMap((h) => {
    // Internet gateways and NAT do not carry private destinations onto the internet; what a
    // private route reaches through them is nothing the internet routes.
    if (toPrivate && h.ref.kind === "resource" && internetExitTypes.includes(h.ref.resource.type)) {
      return [];
    }
    const to = endpointOf(x, r, h.ref, `next hop ${h.field}`);
    return to ? link(from, to, "route", { via: r, detail: dest }) : [];
  });
}

/** The next hops a top-level route names. */
function hopsOf(
  r: BorderResource,
  x: Resolver,
  targets: Readonly<Record<string, readonly string[] | undefined>>,
) {
  return Object.entries(targets)
    .filter(([field]) => r.props[field] !== undefined && r.props[field] !== "")
    .map(([field, types]) => ({ field, ref: x.ref(r, field, types) }));
}

/** `EIP → public address → the public internet`. */
function publicAddress(r: BorderResource, x: Resolver, detail?: string): FlowEdge[] {
  const ip = str(r.props.ipAddress) ?? str(r.props.publicIp);
  return link(r, x.internet, "public address", { detail: detail ?? ip });
}

/**
 * A customer gateway's far end: the allowlisted site; a private address, whose site sits behind a
 * line this stack does not show, cannot be placed; a public one is reached over the internet.
 */
function customerGatewayEdges(r: BorderResource, x: Resolver): FlowEdge[] {
  const ip = r.props.ipAddress;
  const reach = reachOfAddress(ip, x.allowlist);
  const detail = typeof ip === "string" ? ip : "an address not known until deployed";
  switch (reach.kind) {
    case "allowlisted":
      return link(r, x.allowlistedPlace(reach.entry), "public address", { detail });
    case "private":
      return link(
        r,
        x.unknownPlace(
          `private address ${detail} of ${x.label(r)} is reached over a link this stack does not show`,
        ),
        "public address",
        { detail },
      );
    case "internet":
      return link(r, x.internet, "public address", { detail });
  }
}

/**
 * The network of another account at a link's far end (the account fields `cross-account-links`
 * judges, `peerAccountFields`): an edge from `from` to that account's network where the far end
 * lies. The account says who holds the network, not where: the far region alone decides whether
 * the link leaves the jurisdiction (`network-links`), so the account's network lies on that
 * region's side — inside when the region is inside, outside or unplaceable with it. The stack's
 * own account (its provider's `allowedAccountIds` / `accountId`) draws no edge.
 */
function peerAccountEdges(
  x: Resolver,
  r: BorderResource,
  from: Endpoint,
  far: Place,
  label: EdgeLabel,
): FlowEdge[] {
  const cloud = cloudOf(r.type);
  const own = ownAccounts(r.provider ? x.get(r.provider) : undefined);
  return (peerAccountFields.get(r.type) ?? []).flatMap((field) => {
    const v = r.props[field];
    if (!cloud || v === undefined || v === null || v === "" || own.includes(String(v))) {
      return [];
    }
    const account = isUnknown(v) ? "not known until deployed" : String(v);
    const detail = isUnknown(v)
      ? `${field} not known until deployed`
      : own.length > 0
        ? `not this stack's account ${own.join(", ")}`
        : "the provider pins no account";
    return link(from, x.peerAccountPlace(cloud, account, far), label, { via: r, detail });
  });
}

/** Edges between a hub (CEN, transit router) and what an attachment joins to it. */
function attach(
  x: Resolver,
  r: BorderResource,
  spec: {
    hub: string;
    hubTypes: readonly string[];
    member: string;
    memberTypes?: readonly string[];
    memberRegion?: string;
    label: "cen attachment" | "attachment" | "peer attachment";
  },
): FlowEdge[] {
  const hub = endpointOf(x, r, x.ref(r, spec.hub, spec.hubTypes), spec.hub);
  const memberRef = x.ref(r, spec.member, spec.memberTypes);
  const member =
    memberRef.kind === "resource"
      ? memberRef.resource
      : memberRef.kind === "none" && spec.memberRegion === undefined
        ? undefined
        : spec.memberRegion !== undefined && r.props[spec.memberRegion] !== undefined
          ? x.regionValue(r, r.props[spec.memberRegion], spec.memberRegion)
          : endpointOf(x, r, memberRef, spec.member);
  if (!hub || !member) {
    return [];
  }
  return [
    ...link(hub, member, spec.label, { via: r, both: true }),
    ...(isPlace(member) ? peerAccountEdges(x, r, hub, member, spec.label) : []),
  ];
}

function peering(
  x: Resolver,
  r: BorderResource,
  spec: { vpc: string; peer: string; region: string },
): FlowEdge[] {
  const vpc = x.resourceAt(r, spec.vpc, vpcTypes);
  if (!vpc) {
    return [];
  }
  const peerRef = x.ref(r, spec.peer, vpcTypes);
  if (peerRef.kind === "resource") {
    return link(vpc, peerRef.resource, "peering", { via: r, both: true });
  }
  // A peer VPC of the stack is placed by its own provider; one outside it, by the region named.
  const where = regionOr(r, x, spec.region);
  return where
    ? [...link(vpc, where, "peering", { via: r }), ...peerAccountEdges(x, r, vpc, where, "peering")]
    : [];
}

const alicloud: FlowTable = {
  "alicloud:vpc/network:Network": {
    role: "network",
    flows: (r, x) => {
      const edges = gateEdges(r, x);
      const here = x.regionOf(r);
      if (here) {
        edges.push(...link(x.regionHub(here.cloud, here.region), r, "in region"));
      }
      return edges;
    },
  },
  "alicloud:vpc/switch:Switch": {
    role: "network",
    flows: (r, x) => {
      const vpc = x.resourceAt(r, "vpcId", vpcTypes);
      return vpc ? link(vpc, r, "subnet", { both: true }) : [];
    },
  },
  "alicloud:vpc/routeEntry:RouteEntry": {
    role: "control",
    flows: (r, x) =>
      routeEdges(r, x, {
        table: "routeTableId",
        destination: r.props.destinationCidrblock,
        hops: hopsOf(r, x, { nexthopId: undefined }),
      }),
  },
  "alicloud:vpc/vPCRouteEntry:VPCRouteEntry": {
    role: "control",
    flows: (r, x) =>
      routeEdges(r, x, {
        table: "routeTableId",
        destination: r.props.destinationCidrBlock,
        hops: hopsOf(r, x, { nexthopId: undefined }),
      }),
  },
  "alicloud:vpc/natGateway:NatGateway": {
    role: "gateway",
    flows: (r, x) => {
      if (r.props.networkType === "intranet") {
        return [];
      }
      const edges: FlowEdge[] = [];
      const vpc = x.resourceAt(r, "vpcId", vpcTypes);
      const routed =
        x.referrers(r, "alicloud:vpc/routeEntry:RouteEntry", "nexthopId").length > 0 ||
        x.referrers(r, "alicloud:vpc/vPCRouteEntry:VPCRouteEntry", "nexthopId").length > 0;
      // An enhanced internet NAT gateway adds its own 0.0.0.0/0 route to the VPC (SDK note).
      if (vpc && !routed && r.props.natType !== "Normal") {
        edges.push(
          ...link(x.internetBound(vpc), r, "route", {
            detail: "0.0.0.0/0, added with the NAT gateway",
          }),
        );
      }
      edges.push(...eipEdges(r, x, "instanceId"));
      return edges;
    },
  },
  "alicloud:ecs/eipAddress:EipAddress": { role: "gateway", flows: (r, x) => publicAddress(r, x) },
  "alicloud:ecs/eip:Eip": { role: "gateway", flows: (r, x) => publicAddress(r, x) },
  "alicloud:vpc/ipv4Gateway:Ipv4Gateway": {
    role: "gateway",
    flows: (r, x) => (r.props.enabled === false ? [] : publicAddress(r, x, "IPv4 gateway")),
  },
  "alicloud:vpc/ipv6Gateway:Ipv6Gateway": {
    role: "gateway",
    flows: (r, x) => publicAddress(r, x, "IPv6 gateway"),
  },
  "alicloud:ecs/instance:Instance": {
    role: "workload",
    flows: (r, x) => {
      const edges: FlowEdge[] = [];
      const subnet = x.resourceAt(r, "vswitchId", subnetTypes);
      if (subnet) {
        edges.push(...link(subnet, r, "attachment", { both: true }));
      }
      const bandwidth = Number(r.props.internetMaxBandwidthOut ?? 0);
      if (bandwidth > 0 || isUnknown(r.props.internetMaxBandwidthOut)) {
        const a = instanceAdmission(r, x, "securityGroups[]");
        if (a) {
          edges.push(
            ...link(r, x.internet, "public address", {
              detail: `internetMaxBandwidthOut ${bandwidth}; ${a.detail}`,
            }),
          );
        }
      }
      return edges;
    },
  },
  "alicloud:vpc/peerConnection:PeerConnection": {
    role: "network",
    flows: (r, x) =>
      peering(x, r, { vpc: "vpcId", peer: "acceptingVpcId", region: "acceptingRegionId" }),
  },
  "alicloud:cen/instance:Instance": { role: "network" },
  "alicloud:cen/instanceAttachment:InstanceAttachment": {
    role: "network",
    flows: (r, x) =>
      attach(x, r, {
        hub: "instanceId",
        hubTypes: cenTypes,
        member: "childInstanceId",
        memberTypes: [
          ...vpcTypes,
          "alicloud:expressconnect/virtualBorderRouter:VirtualBorderRouter",
        ],
        memberRegion: "childInstanceRegionId",
        label: "cen attachment",
      }),
  },
  "alicloud:cen/bandwidthLimit:BandwidthLimit": {
    role: "network",
    flows: (r, x) => {
      const cen = x.resourceAt(r, "instanceId", cenTypes);
      return cen
        ? valuesAt(r.props, "regionIds[]").flatMap(({ value: v }) =>
            link(cen, x.regionValue(r, v, "regionIds"), "cen attachment", {
              via: r,
              detail: "bandwidth limit",
            }),
          )
        : [];
    },
  },
  "alicloud:cen/transitRouter:TransitRouter": {
    role: "network",
    flows: (r, x) => {
      const cen = x.resourceAt(r, "cenId", cenTypes);
      return cen ? link(cen, r, "transit router", { both: true }) : [];
    },
  },
  "alicloud:cen/transitRouterVpcAttachment:TransitRouterVpcAttachment": {
    role: "network",
    flows: (r, x) =>
      attach(x, r, {
        hub: "transitRouterId",
        hubTypes: trTypes,
        member: "vpcId",
        memberTypes: vpcTypes,
        label: "attachment",
      }),
  },
  "alicloud:cen/transitRouterPeerAttachment:TransitRouterPeerAttachment": {
    role: "network",
    flows: (r, x) =>
      attach(x, r, {
        hub: "transitRouterId",
        hubTypes: trTypes,
        member: "peerTransitRouterId",
        memberTypes: trTypes,
        memberRegion: "peerTransitRouterRegionId",
        label: "peer attachment",
      }),
  },
  "alicloud:cen/transitRouterVpnAttachment:TransitRouterVpnAttachment": {
    role: "network",
    flows: (r, x) =>
      attach(x, r, {
        hub: "transitRouterId",
        hubTypes: trTypes,
        member: "vpnId",
        memberTypes: ["alicloud:vpn/gatewayVpnAttachment:GatewayVpnAttachment"],
        label: "attachment",
      }),
  },
  "alicloud:cen/transitRouterVbrAttachment:TransitRouterVbrAttachment": {
    role: "network",
    flows: (r, x) =>
      attach(x, r, {
        hub: "transitRouterId",
        hubTypes: trTypes,
        member: "vbrId",
        label: "attachment",
      }),
  },
  "alicloud:expressconnect/virtualBorderRouter:VirtualBorderRouter": {
    role: "gateway",
    // Its far end is the leased line it runs on; a line the stack does not hold cannot be placed.
    flows: (r, x) => {
      const line = endpointOf(
        x,
        r,
        x.ref(r, "physicalConnectionId", [physicalConnectionType]),
        "physicalConnectionId",
      );
      return line ? link(r, line, "attachment") : [];
    },
  },
  [physicalConnectionType]: {
    role: "gateway",
    // The line lands at its access point, whose region the access point's ID names.
    flows: (r, x) => {
      const ap = r.props.accessPointId;
      const at =
        typeof ap === "string"
          ? x.locatedPlace(locate(x.jurisdiction, "access-point", ap, "alicloud"))
          : x.unknownPlace(
              `accessPointId of ${x.label(r)} is ${isUnknown(ap) ? "not known until deployed" : "not set"}`,
            );
      return at
        ? link(r, at, "attachment", {
            detail: typeof ap === "string" ? `access point ${ap}` : undefined,
          })
        : [];
    },
  },
  "alicloud:cen/instanceGrant:InstanceGrant": {
    role: "network",
    flows: (r, x) => grantEdges(r, x, "childInstanceId"),
  },
  "alicloud:cen/transitRouterGrantAttachment:TransitRouterGrantAttachment": {
    role: "network",
    flows: (r, x) => grantEdges(r, x, "instanceId"),
  },
  "alicloud:vpn/gateway:Gateway": {
    role: "gateway",
    flows: (r, x) => {
      const vpc = x.resourceAt(r, "vpcId", vpcTypes);
      return vpc ? link(vpc, r, "attachment", { both: true }) : [];
    },
  },
  "alicloud:vpn/customerGateway:CustomerGateway": { role: "gateway", flows: customerGatewayEdges },
  "alicloud:vpn/connection:Connection": {
    role: "network",
    flows: (r, x) => {
      const gw = x.resourceAt(r, "vpnGatewayId", vpnGatewayTypes);
      return gw ? tunnels(r, x, gw) : [];
    },
  },
  "alicloud:vpn/gatewayVpnAttachment:GatewayVpnAttachment": {
    role: "gateway",
    flows: (r, x) => tunnels(r, x, r),
  },
};

/** A grant lets another account's CEN attach this network: the far end is that account. */
function grantEdges(r: BorderResource, x: Resolver, memberField: string): FlowEdge[] {
  const member = x.resourceAt(r, memberField);
  const owner = r.props.cenOwnerId;
  if (!member || owner === undefined) {
    return [];
  }
  return link(
    member,
    x.accountPlace("alicloud", String(isUnknown(owner) ? "not known until deployed" : owner)),
    "cen attachment",
    {
      via: r,
      detail: "granted to another account's CEN",
    },
  );
}

/** `gateway → ipsec connection → customer gateway` for every customer gateway a VPN names. */
function tunnels(r: BorderResource, x: Resolver, gateway: BorderResource): FlowEdge[] {
  const refs = [
    ...x.refs(r, "customerGatewayId", cgwTypes),
    ...x.refs(r, "tunnelOptionsSpecifications[].customerGatewayId", cgwTypes),
  ];
  const seen = new Set<string>();
  return refs.flatMap((ref) => {
    const to = endpointOf(x, r, ref, "customer gateway");
    const key = to ? ("urn" in to ? to.urn : to.key) : "";
    if (!to || seen.has(key)) {
      return [];
    }
    seen.add(key);
    return link(gateway, to, "ipsec connection", { via: gateway === r ? undefined : r });
  });
}

/** `owner → eip association → EIP` for the EIPs bound to `owner`; the internet if none is. */
function eipEdges(owner: BorderResource, x: Resolver, field: string): FlowEdge[] {
  const associations = [
    ...x.referrers(owner, "alicloud:ecs/eipAssociation:EipAssociation", field),
    ...x.referrers(owner, "aws:ec2/eipAssociation:EipAssociation", field),
  ];
  if (associations.length === 0) {
    return link(owner, x.internet, "public address", {
      detail: "no EIP of this stack is bound; one bound outside it gives internet access",
    });
  }
  return associations.flatMap((a) => {
    const eip = endpointOf(x, a, x.ref(a, "allocationId", eipTypes), "allocationId");
    return eip ? link(owner, eip, "eip association", { via: a }) : [];
  });
}

/** The next-hop fields of an AWS route and the types each may name. */
const awsRouteTargets: Readonly<Record<string, readonly string[] | undefined>> = {
  gatewayId: ["aws:ec2/internetGateway:InternetGateway", "aws:ec2/vpnGateway:VpnGateway"],
  natGatewayId: natTypes,
  transitGatewayId: tgwTypes,
  vpcPeeringConnectionId: ["aws:ec2/vpcPeeringConnection:VpcPeeringConnection"],
  networkInterfaceId: ["aws:ec2/networkInterface:NetworkInterface"],
  egressOnlyGatewayId: ["aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway"],
  vpcEndpointId: ["aws:ec2/vpcEndpoint:VpcEndpoint"],
  carrierGatewayId: ["aws:ec2/carrierGateway:CarrierGateway"],
  localGatewayId: undefined,
  coreNetworkArn: undefined,
};

const aws: FlowTable = {
  "aws:ec2/vpc:Vpc": alicloud["alicloud:vpc/network:Network"],
  "aws:ec2/subnet:Subnet": alicloud["alicloud:vpc/switch:Switch"],
  "aws:ec2/route:Route": {
    role: "control",
    flows: (r, x) =>
      routeEdges(r, x, {
        table: "routeTableId",
        destination: r.props.destinationCidrBlock ?? r.props.destinationIpv6CidrBlock,
        hops: hopsOf(r, x, awsRouteTargets),
      }),
  },
  "aws:ec2/routeTable:RouteTable": {
    role: "control",
    flows: (r, x) => inlineRoutes(r, x, "vpcId"),
  },
  "aws:ec2/defaultRouteTable:DefaultRouteTable": {
    role: "control",
    flows: (r, x) => inlineRoutes(r, x, "defaultRouteTableId"),
  },
  "aws:ec2/natGateway:NatGateway": {
    role: "gateway",
    flows: (r, x) => {
      if (r.props.connectivityType === "private") {
        return [];
      }
      const eip = x.ref(r, "allocationId", eipTypes);
      if (eip.kind === "none") {
        return eipEdges(r, x, "natGatewayId");
      }
      const to = endpointOf(x, r, eip, "allocationId");
      return to ? link(r, to, "eip association") : [];
    },
  },
  "aws:ec2/eip:Eip": {
    role: "gateway",
    flows: (r, x) => {
      const owner = x.resourceAt(r, "instance") ?? x.resourceAt(r, "networkInterface");
      return [...(owner ? link(owner, r, "eip association") : []), ...publicAddress(r, x)];
    },
  },
  "aws:ec2/eipAssociation:EipAssociation": {
    role: "gateway",
    flows: (r, x) => {
      const owner = x.resourceAt(r, "instanceId") ?? x.resourceAt(r, "networkInterfaceId");
      const eip = x.resourceAt(r, "allocationId", eipTypes);
      return owner && eip && !natTypes.includes(owner.type)
        ? link(owner, eip, "eip association", { via: r })
        : [];
    },
  },
  "aws:ec2/internetGateway:InternetGateway": {
    role: "gateway",
    flows: (r, x) => publicAddress(r, x, "internet gateway"),
  },
  "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway": {
    role: "gateway",
    flows: (r, x) => publicAddress(r, x, "egress-only internet gateway"),
  },
  "aws:ec2/instance:Instance": {
    role: "workload",
    flows: (r, x) => {
      const subnet = x.resourceAt(r, "subnetId", subnetTypes);
      return subnet ? link(subnet, r, "attachment", { both: true }) : [];
    },
  },
  "aws:ec2/vpcPeeringConnection:VpcPeeringConnection": {
    role: "network",
    flows: (r, x) => peering(x, r, { vpc: "vpcId", peer: "peerVpcId", region: "peerRegion" }),
  },
  "aws:ec2transitgateway/transitGateway:TransitGateway": { role: "network" },
  "aws:ec2transitgateway/vpcAttachment:VpcAttachment": {
    role: "network",
    flows: (r, x) =>
      attach(x, r, {
        hub: "transitGatewayId",
        hubTypes: tgwTypes,
        member: "vpcId",
        memberTypes: vpcTypes,
        label: "attachment",
      }),
  },
  "aws:ec2transitgateway/peeringAttachment:PeeringAttachment": {
    role: "network",
    flows: (r, x) =>
      attach(x, r, {
        hub: "transitGatewayId",
        hubTypes: tgwTypes,
        member: "peerTransitGatewayId",
        memberTypes: tgwTypes,
        memberRegion: "peerRegion",
        label: "peer attachment",
      }),
  },
  "aws:ec2/vpnGateway:VpnGateway": alicloud["alicloud:vpn/gateway:Gateway"],
  "aws:ec2/vpnGatewayAttachment:VpnGatewayAttachment": {
    role: "network",
    flows: (r, x) => {
      const vpc = x.resourceAt(r, "vpcId", vpcTypes);
      const gw = x.resourceAt(r, "vpnGatewayId", vpnGatewayTypes);
      return vpc && gw ? link(vpc, gw, "attachment", { via: r, both: true }) : [];
    },
  },
  "aws:ec2/customerGateway:CustomerGateway": { role: "gateway", flows: customerGatewayEdges },
  "aws:ec2/vpnConnection:VpnConnection": {
    role: "network",
    flows: (r, x) => {
      const gw =
        x.resourceAt(r, "vpnGatewayId", vpnGatewayTypes) ??
        x.resourceAt(r, "transitGatewayId", tgwTypes);
      return gw ? tunnels(r, x, gw) : [];
    },
  },
};

/**
 * Inline routes of an AWS route table; the table names its VPC. Their next hops are IDs inside a
 * list, so each target field is resolved over all routes at once (which pairs unmatched IDs with
 * the table's dependencies of that type) and handed back to the routes that set it, in order.
 */
function inlineRoutes(r: BorderResource, x: Resolver, tableField: string): FlowEdge[] {
  const queues = new Map(
    Object.entries(awsRouteTargets).map(([field, types]) => [
      field,
      x.refs(r, `routes[].${field}`, types),
    ]),
  );
  return valuesAt(r.props, "routes[]").flatMap(({ value: route }) => {
    const props = route as Record<string, unknown>;
    const hops = Object.keys(awsRouteTargets)
      .filter((field) => props[field] !== undefined && props[field] !== null && props[field] !== "")
      .flatMap((field) => {
        const ref = queues.get(field)?.shift();
        return ref ? [{ field, ref }] : [];
      });
    return routeEdges(r, x, {
      table: tableField,
      destination: valueAt(props, "cidrBlock") ?? valueAt(props, "ipv6CidrBlock"),
      hops,
    });
  });
}

export const networkFlows: FlowTable = { ...alicloud, ...aws };
