/**
 * The network rows as they were before they moved to the network and remote-sites tables of the
 * one model (policy/paths/types/network.ts, remote-sites.ts), kept verbatim as the oracle of
 * test/paths/differential.test.ts:
 *
 * - `legacyNetworkFlows`, the border analysis's flow models of peering, CEN, transit routers and
 *   gateways, VPN and leased lines (policy/border/flows/network.ts): the graph the tables draw is
 *   compared edge by edge with the graph these drew, and every difference is listed there.
 * - `legacyNetworkLinkFlows`, `legacyRemoteSiteFlows` and `legacyPeerAccountFields`, the whole
 *   per-policy tables `network-links`, `remote-sites` and `cross-account-links` evaluated
 *   (policy/network.ts), and those three policies over them (`legacyNetworkLinks`,
 *   `legacyRemoteSites`, `legacyCrossAccountLinks`): the views of the tables must report exactly
 *   what these reported.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { cloudOf, resourceLabel } from "../../residency/placement";
import {
  type CustomFlow,
  directFindings,
  flowPolicy,
  type FlowField as PolicyFlowField,
  type FlowModel as PolicyFlowModel,
  ownAccounts,
} from "../../policy/flows";
import { known, str } from "../../policy/values";
import { residencyResourcePolicy } from "../../policy/framework";
import { accountGrantFindings } from "./legacy-grants-flows";
import { policies } from "../../policy/policies";
import type {
  BorderResource,
  EdgeLabel,
  Endpoint,
  FlowEdge,
  Place,
} from "../../policy/paths/model";
import { isPlace, isUnknown } from "../../policy/paths/model";
import type { Resolver } from "../../policy/paths/resolver";
import { reachOfAddress } from "../../policy/paths/addresses";
import { locate } from "../../policy/paths/places";
import { valuesAt } from "../../policy/paths/values";
import { endpointOf, type FlowTable, link } from "../../policy/paths/types/common";
import { vpcTypes } from "../../policy/paths/types/gates";

const cenTypes = ["alicloud:cen/instance:Instance"];
const trTypes = ["alicloud:cen/transitRouter:TransitRouter"];
const tgwTypes = ["aws:ec2transitgateway/transitGateway:TransitGateway"];
const cgwTypes = [
  "alicloud:vpn/customerGateway:CustomerGateway",
  "aws:ec2/customerGateway:CustomerGateway",
];
const vpnGatewayTypes = ["alicloud:vpn/gateway:Gateway", "aws:ec2/vpnGateway:VpnGateway"];
const physicalConnectionType = "alicloud:expressconnect/physicalConnection:PhysicalConnection";

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
  return (legacyPeerAccountFields.get(r.type) ?? []).flatMap((field) => {
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

const aws: FlowTable = {
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

export const legacyNetworkFlows: FlowTable = { ...alicloud, ...aws };

const linkFix = "Link only to regions inside the jurisdiction, or remove the link.";

/** CEN inter-area bandwidth: any package between two different geographic areas crosses one. */
function cenAreas(props: Record<string, unknown>): CustomFlow[] {
  const a = str(props.geographicRegionAId);
  const b = str(props.geographicRegionBId);
  const areas = Array.isArray(props.geographicRegionIds)
    ? props.geographicRegionIds.filter((x): x is string => typeof x === "string")
    : [];
  const pair = a !== undefined && b !== undefined ? [a, b] : areas;
  return new Set(pair).size > 1
    ? [
        {
          path: "geographicRegionAId/geographicRegionBId",
          verb: "buys bandwidth between",
          place: `${pair.join(" and ")} (two geographic areas)`,
        },
      ]
    : [];
}

/** GA cross-domain bandwidth connects mainland China with the rest of the world. */
function gaCrossDomain(props: Record<string, unknown>): CustomFlow[] {
  if (str(props.type) !== "CrossDomain") {
    return [];
  }
  const a = str(props.cbnGeographicRegionIda) ?? "China-mainland";
  const b = str(props.cbnGeographicRegionIdb) ?? "Global";
  return a === b
    ? []
    : [{ path: "type", verb: "buys cross-border bandwidth between", place: `${a} and ${b}` }];
}

/** A cloud desktop office site joined to a CEN: another account's can reach any region. */
const officeSiteCen: PolicyFlowField = {
  path: "cenOwnerId",
  format: "account",
  verb: "joins the desktops' network to the CEN of",
};

/** An AD connector's domain controllers, which desktop users sign in at. */
const directoryServers: readonly PolicyFlowField[] = [
  { path: "dnsAddresses[]", format: "ip", verb: "signs desktop users in at" },
  { path: "subDomainDnsAddresses[]", format: "ip", verb: "signs desktop users in at" },
];

/** The rows of `network-links` (account fields included, as the table held them). */
export const legacyNetworkLinkFlows: readonly PolicyFlowModel[] = [
  {
    type: "alicloud:cen/instanceAttachment:InstanceAttachment",
    fields: [
      {
        path: "childInstanceRegionId",
        format: "region",
        verb: "attaches a network in",
        required: true,
      },
      { path: "childInstanceOwnerId", format: "account", verb: "attaches a network of" },
    ],
    fix: "Attach only networks in regions inside the jurisdiction to the CEN.",
  },
  {
    type: "alicloud:cen/bandwidthPackage:BandwidthPackage",
    fields: [],
    custom: cenAreas,
    fix: "Buy CEN bandwidth only within the jurisdiction's own geographic area.",
  },
  {
    type: "alicloud:cen/bandwidthLimit:BandwidthLimit",
    fields: [{ path: "regionIds[]", format: "region", verb: "forwards traffic to" }],
    fix: linkFix,
  },
  {
    type: "alicloud:cen/transitRouterPeerAttachment:TransitRouterPeerAttachment",
    fields: [
      {
        path: "peerTransitRouterRegionId",
        format: "region",
        verb: "peers the transit router with one in",
        required: true,
      },
    ],
    fix: "Peer only with transit routers in regions inside the jurisdiction.",
  },
  {
    type: "alicloud:cen/privateZone:PrivateZone",
    fields: [
      { path: "accessRegionId", format: "region", verb: "resolves names for VPCs in" },
      { path: "hostRegionId", format: "region", verb: "resolves names hosted in" },
    ],
    fix: linkFix,
  },
  {
    type: "alicloud:cen/routeService:RouteService",
    fields: [
      { path: "accessRegionId", format: "region", verb: "routes service traffic from" },
      { path: "hostRegionId", format: "region", verb: "routes service traffic to" },
    ],
    fix: linkFix,
  },
  {
    type: "alicloud:cen/vbrHealthCheck:VbrHealthCheck",
    fields: [{ path: "vbrInstanceRegionId", format: "region", verb: "checks a border router in" }],
    fix: linkFix,
  },
  {
    type: "alicloud:cen/instanceGrant:InstanceGrant",
    fields: [{ path: "cenOwnerId", format: "account", verb: "grants the VPC to the CEN of" }],
    fix: "Grant the VPC only to a CEN of this account.",
  },
  {
    type: "alicloud:cen/transitRouterGrantAttachment:TransitRouterGrantAttachment",
    fields: [{ path: "cenOwnerId", format: "account", verb: "grants the network to the CEN of" }],
    fix: "Grant the network only to a CEN of this account.",
  },
  {
    // An AD connector office site's CEN account is read with its directory (remote-sites).
    type: "alicloud:eds/simpleOfficeSite:SimpleOfficeSite",
    fields: [officeSiteCen],
    fix: "Join the office site only to a CEN of this account.",
  },
  {
    type: "alicloud:expressconnect/grantRuleToCen:GrantRuleToCen",
    fields: [
      { path: "cenOwnerId", format: "account", verb: "grants the border router to the CEN of" },
    ],
    fix: "Grant the border router only to a CEN of this account.",
  },
  {
    type: "alicloud:cloudconnect/networkGrant:NetworkGrant",
    fields: [
      {
        path: "cenUid",
        format: "account",
        verb: "grants the Cloud Connect Network to the CEN of",
      },
    ],
    fix: "Grant the Cloud Connect Network only to a CEN of this account.",
  },
  {
    type: "alicloud:eflo/vpdGrantRule:VpdGrantRule",
    fields: [
      {
        path: "grantTenantId",
        format: "account",
        verb: "grants the Lingjun network to the Express Connect router of",
      },
    ],
    fix: "Grant the Lingjun network only to an Express Connect router of this account.",
  },
  {
    type: "alicloud:vpc/peerConnection:PeerConnection",
    fields: [
      { path: "acceptingRegionId", format: "region", verb: "peers the VPC with a VPC in" },
      { path: "acceptingAliUid", format: "account", verb: "peers the VPC with a VPC of" },
    ],
    fix: "Peer only with VPCs in regions inside the jurisdiction.",
  },
  {
    type: "alicloud:vpc/routerInterface:RouterInterface",
    fields: [{ path: "oppositeRegion", format: "region", verb: "connects the router to" }],
    fix: linkFix,
  },
  {
    type: "alicloud:expressconnect/routerInterface:RouterInterface",
    fields: [
      { path: "oppositeRegionId", format: "region", verb: "connects the router to" },
      { path: "oppositeInterfaceOwnerId", format: "account", verb: "connects the router to" },
    ],
    fix: linkFix,
  },
  {
    type: "alicloud:expressconnect/routerExpressConnectRouter:RouterExpressConnectRouter",
    fields: [{ path: "regions[].regionId", format: "region", verb: "spans" }],
    fix: "Keep the Express Connect router's regions inside the jurisdiction.",
  },
  {
    type: "alicloud:expressconnect/routerVpcAssociation:RouterVpcAssociation",
    fields: [
      { path: "associationRegionId", format: "region", verb: "attaches a VPC in" },
      { path: "vpcOwnerId", format: "account", verb: "attaches a VPC of" },
    ],
    fix: linkFix,
  },
  {
    type: "alicloud:expressconnect/routerTrAssociation:RouterTrAssociation",
    fields: [
      { path: "associationRegionId", format: "region", verb: "attaches a transit router in" },
      { path: "transitRouterOwnerId", format: "account", verb: "attaches a transit router of" },
    ],
    fix: linkFix,
  },
  {
    type: "alicloud:expressconnect/routerVbrChildInstance:RouterVbrChildInstance",
    fields: [
      { path: "childInstanceRegionId", format: "region", verb: "attaches a border router in" },
      { path: "childInstanceOwnerId", format: "account", verb: "attaches a border router of" },
    ],
    fix: linkFix,
  },
  {
    type: "alicloud:expressconnect/routerGrantAssociation:RouterGrantAssociation",
    fields: [
      { path: "instanceRegionId", format: "region", verb: "grants a network in" },
      { path: "ecrOwnerAliUid", format: "account", verb: "grants the network to the router of" },
    ],
    fix: linkFix,
  },
  {
    type: "alicloud:privatelink/vpcEndpoint:VpcEndpoint",
    fields: [
      { path: "serviceRegionId", format: "region", verb: "connects to an endpoint service in" },
    ],
    fix: "Connect only to endpoint services in the stack's region (or inside the jurisdiction).",
  },
  {
    type: "alicloud:privatelink/vpcEndpointService:VpcEndpointService",
    fields: [{ path: "supportedRegionLists[]", format: "region", verb: "accepts consumers from" }],
    fix: "Accept consumers only from regions inside the jurisdiction.",
  },
  {
    type: "alicloud:vpc/vPCRouteEntry:VPCRouteEntry",
    fields: [{ path: "nextHops[].nextHopRegionId", format: "region", verb: "routes traffic to" }],
    fix: linkFix,
  },
  {
    type: "alicloud:cloudfirewall/firewallVpcFirewall:FirewallVpcFirewall",
    fields: [
      { path: "localVpc.regionNo", format: "region", verb: "guards a VPC link with" },
      { path: "peerVpc.regionNo", format: "region", verb: "guards a VPC link with" },
    ],
    fix: linkFix,
  },
  {
    type: "alicloud:cloudfirewall/firewallVpcFirewallCen:FirewallVpcFirewallCen",
    fields: [{ path: "vpcRegion", format: "region", verb: "guards a CEN link in" }],
    fix: linkFix,
  },
  {
    type: "alicloud:ga/ipSet:IpSet",
    fields: [
      { path: "accelerateRegionId", format: "region", verb: "announces client addresses in" },
    ],
    fix: "Accelerate only from and to regions inside the jurisdiction.",
  },
  {
    type: "alicloud:ga/basicIpSet:BasicIpSet",
    fields: [
      { path: "accelerateRegionId", format: "region", verb: "announces client addresses in" },
    ],
    fix: "Accelerate only from and to regions inside the jurisdiction.",
  },
  {
    type: "alicloud:ga/endpointGroup:EndpointGroup",
    fields: [
      {
        path: "endpointGroupRegion",
        format: "region",
        verb: "forwards traffic to",
        required: true,
      },
    ],
    fix: "Forward only to endpoints in regions inside the jurisdiction.",
  },
  {
    type: "alicloud:ga/basicEndpointGroup:BasicEndpointGroup",
    fields: [
      {
        path: "endpointGroupRegion",
        format: "region",
        verb: "forwards traffic to",
        required: true,
      },
    ],
    fix: "Forward only to endpoints in regions inside the jurisdiction.",
  },
  {
    type: "alicloud:ga/customRoutingEndpointGroup:CustomRoutingEndpointGroup",
    fields: [
      {
        path: "endpointGroupRegion",
        format: "region",
        verb: "forwards traffic to",
        required: true,
      },
    ],
    fix: "Forward only to endpoints in regions inside the jurisdiction.",
  },
  {
    type: "alicloud:ga/bandwidthPackage:BandwidthPackage",
    fields: [],
    custom: gaCrossDomain,
    fix: "Do not buy cross-domain (cross-border) acceleration bandwidth.",
  },
  {
    type: "alicloud:eipanycast/anycastEipAddressAttachment:AnycastEipAddressAttachment",
    fields: [{ path: "bindInstanceRegionId", format: "region", verb: "binds the anycast IP to" }],
    fix: linkFix,
  },
  {
    type: "aws:ec2/vpcPeeringConnection:VpcPeeringConnection",
    fields: [
      { path: "peerRegion", format: "region", verb: "peers the VPC with a VPC in" },
      { path: "peerOwnerId", format: "account", verb: "peers the VPC with a VPC of" },
    ],
    fix: "Peer only with VPCs in regions inside the jurisdiction.",
  },
  {
    type: "aws:ec2transitgateway/peeringAttachment:PeeringAttachment",
    fields: [
      {
        path: "peerRegion",
        format: "region",
        verb: "peers the transit gateway with one in",
        required: true,
      },
      { path: "peerAccountId", format: "account", verb: "peers the transit gateway with one of" },
    ],
    fix: "Peer only with transit gateways in regions inside the jurisdiction.",
  },
  {
    type: "aws:ec2/vpcEndpoint:VpcEndpoint",
    fields: [
      { path: "serviceName", format: "service-name", verb: "connects to the endpoint service" },
      { path: "serviceRegion", format: "region", verb: "connects to an endpoint service in" },
    ],
    fix: "Connect only to endpoint services of the stack's region.",
  },
  {
    type: "aws:ec2/vpcEndpointService:VpcEndpointService",
    fields: [{ path: "supportedRegions[]", format: "region", verb: "accepts consumers from" }],
    fix: "Accept consumers only from regions inside the jurisdiction.",
  },
  {
    type: "aws:networkmanager/coreNetwork:CoreNetwork",
    fields: [
      { path: "basePolicyRegions[]", format: "region", verb: "places edge locations in" },
      {
        path: "basePolicyDocument.core-network-configuration.edge-locations[].location",
        format: "region",
        verb: "places edge locations in",
      },
    ],
    fix: "Keep every edge location of the core network inside the jurisdiction.",
  },
  {
    type: "aws:networkmanager/coreNetworkPolicyAttachment:CoreNetworkPolicyAttachment",
    fields: [
      {
        path: "policyDocument.core-network-configuration.edge-locations[].location",
        format: "region",
        verb: "places edge locations in",
      },
    ],
    fix: "Keep every edge location of the core network inside the jurisdiction.",
  },
  {
    type: "aws:networkmanager/vpcAttachment:VpcAttachment",
    fields: [{ path: "vpcArn", format: "arn", verb: "attaches the VPC" }],
    fix: linkFix,
  },
  {
    // The peer is a VPC named by ID (of the ODB network's own region and account) or by ARN,
    // which places it.
    type: "aws:odb/networkPeeringConnection:NetworkPeeringConnection",
    fields: [{ path: "peerNetworkId", format: "arn-or-id", verb: "peers the ODB network with" }],
    fix: linkFix,
  },
  {
    type: "aws:networkmanager/connectAttachment:ConnectAttachment",
    fields: [{ path: "edgeLocation", format: "region", verb: "attaches to the core network in" }],
    fix: linkFix,
  },
  {
    type: "aws:networkmanager/transitGatewayRouteTableAttachment:TransitGatewayRouteTableAttachment",
    fields: [
      {
        path: "transitGatewayRouteTableArn",
        format: "arn",
        verb: "attaches the transit gateway route table",
      },
    ],
    fix: linkFix,
  },
  {
    type: "aws:networkmanager/transitGatewayPeering:TransitGatewayPeering",
    fields: [{ path: "transitGatewayArn", format: "arn", verb: "peers with the transit gateway" }],
    fix: linkFix,
  },
  {
    type: "aws:networkmanager/siteToSiteVpnAttachment:SiteToSiteVpnAttachment",
    fields: [{ path: "vpnConnectionArn", format: "arn", verb: "attaches the VPN" }],
    fix: linkFix,
  },
  {
    type: "aws:networkmanager/dxGatewayAttachment:DxGatewayAttachment",
    fields: [{ path: "edgeLocations[]", format: "region", verb: "attaches Direct Connect in" }],
    fix: linkFix,
  },
  {
    // Accepting joins the attachment to the (global) core network; the attachment's own row
    // judges its edge location, so it must be an attachment of this program.
    type: "aws:networkmanager/attachmentAccepter:AttachmentAccepter",
    fields: [
      {
        path: "attachmentId",
        format: "ref",
        ref: "networkmanager-attachment",
        verb: "accepts into the core network",
      },
    ],
    fix: "Accept only attachments this program creates, attached in regions inside the jurisdiction.",
  },
  {
    type: "aws:directconnect/gatewayAssociationProposal:GatewayAssociationProposal",
    fields: [
      {
        path: "dxGatewayOwnerAccountId",
        format: "account",
        verb: "proposes to attach the network to a Direct Connect gateway of",
      },
    ],
    fix: "Attach networks only to Direct Connect gateways of this account.",
  },
  {
    type: "aws:globalaccelerator/endpointGroup:EndpointGroup",
    fields: [
      {
        path: "endpointGroupRegion",
        format: "region",
        verb: "forwards traffic to",
        required: true,
      },
    ],
    fix: "Set endpointGroupRegion to a region inside the jurisdiction.",
  },
  {
    type: "aws:globalaccelerator/customRoutingEndpointGroup:CustomRoutingEndpointGroup",
    fields: [
      {
        path: "endpointGroupRegion",
        format: "region",
        verb: "forwards traffic to",
        required: true,
      },
    ],
    fix: "Set endpointGroupRegion to a region inside the jurisdiction.",
  },
  // A Redshift-managed VPC endpoint lies in the cluster's region; the cluster may be another
  // account's (`resourceOwner`, `ownerAccount`): hardening, judged by cross-account-links.
  {
    type: "aws:redshift/endpointAccess:EndpointAccess",
    fields: [
      { path: "resourceOwner", format: "account", verb: "connects the VPC to a cluster of" },
    ],
    fix: "Create endpoints only for clusters of this account.",
  },
  {
    type: "aws:redshiftserverless/endpointAccess:EndpointAccess",
    fields: [
      { path: "ownerAccount", format: "account", verb: "connects the VPC to a workgroup of" },
    ],
    fix: "Create endpoints only for workgroups of this account.",
  },
  {
    type: "aws:globalaccelerator/crossAccountAttachment:CrossAccountAttachment",
    fields: [
      { path: "resources[].region", format: "region", verb: "shares endpoints in" },
      {
        path: "principals[]",
        format: "flag",
        verb: "shares endpoints with",
        farSide: "accelerators of other accounts",
      },
    ],
    fix: "Do not share accelerator endpoints with other accounts.",
  },
];

/**
 * The account fields of links whose far end another field of the same link places — the peer's
 * region, the attached network's region. Another account there is hardening, not a path out:
 * the region field decides whether the link leaves the jurisdiction. Account fields not listed
 * (grants to another account's CEN or router, which can reach any region) are the far end
 * themselves and stay with `network-links`.
 */
export const legacyPeerAccountFields: ReadonlyMap<string, readonly string[]> = new Map([
  ["alicloud:cen/instanceAttachment:InstanceAttachment", ["childInstanceOwnerId"]],
  ["alicloud:vpc/peerConnection:PeerConnection", ["acceptingAliUid"]],
  ["alicloud:expressconnect/routerInterface:RouterInterface", ["oppositeInterfaceOwnerId"]],
  ["alicloud:expressconnect/routerVpcAssociation:RouterVpcAssociation", ["vpcOwnerId"]],
  ["alicloud:expressconnect/routerTrAssociation:RouterTrAssociation", ["transitRouterOwnerId"]],
  [
    "alicloud:expressconnect/routerVbrChildInstance:RouterVbrChildInstance",
    ["childInstanceOwnerId"],
  ],
  ["aws:ec2/vpcPeeringConnection:VpcPeeringConnection", ["peerOwnerId"]],
  ["aws:ec2transitgateway/peeringAttachment:PeeringAttachment", ["peerAccountId"]],
  ["aws:redshift/endpointAccess:EndpointAccess", ["resourceOwner"]],
  ["aws:redshiftserverless/endpointAccess:EndpointAccess", ["ownerAccount"]],
]);

const siteFix =
  "Connect only to sites on addresses in the egress allowlist (on-premises sites inside the jurisdiction), or remove the link.";

const serverFix =
  "Name only private addresses of the stack's networks, or add the server's public address to the egress allowlist.";

/** A field of addresses the stack's resources send requests to (`ip`). */
function ip(path: string, verb: string, extra: Partial<PolicyFlowField> = {}): PolicyFlowField {
  return { path, format: "ip", verb, ...extra };
}

/** DHCP options that leave name resolution to the VPC's own resolver. */
function amazonDnsOnly(props: Readonly<Record<string, unknown>>): boolean {
  const servers = known(() => props.domainNameServers);
  return (
    Array.isArray(servers) && servers.length > 0 && servers.every((v) => v === "AmazonProvidedDNS")
  );
}

/** The rows of `remote-sites`. */
export const legacyRemoteSiteFlows: readonly PolicyFlowModel[] = [
  {
    type: "alicloud:vpn/customerGateway:CustomerGateway",
    fields: [
      { path: "ipAddress", format: "site-ip", verb: "terminates tunnels at", required: true },
    ],
    fix: siteFix,
  },
  {
    type: "alicloud:vpn/connection:Connection",
    fields: [
      {
        path: "remoteSubnets[]",
        format: "anywhere-cidr",
        verb: "sends",
        farSide: "all traffic (0.0.0.0/0) to the remote site",
      },
    ],
    fix: "Route only the remote site's own subnets through the tunnel.",
  },
  {
    type: "alicloud:vpn/gatewayVpnAttachment:GatewayVpnAttachment",
    fields: [
      {
        path: "remoteSubnet",
        format: "anywhere-cidr",
        verb: "sends",
        farSide: "all traffic (0.0.0.0/0) to the remote site",
      },
    ],
    fix: "Route only the remote site's own subnets through the tunnel.",
  },
  {
    type: "alicloud:vpn/routeEntry:RouteEntry",
    fields: [
      {
        path: "routeDest",
        format: "anywhere-cidr",
        verb: "sends",
        farSide: "all traffic (0.0.0.0/0) through the VPN",
      },
    ],
    fix: "Route only the remote site's own subnets through the VPN.",
  },
  {
    type: "alicloud:vpn/pbrRouteEntry:PbrRouteEntry",
    fields: [
      {
        path: "routeDest",
        format: "anywhere-cidr",
        verb: "sends",
        farSide: "all traffic (0.0.0.0/0) through the VPN",
      },
    ],
    fix: "Route only the remote site's own subnets through the VPN.",
  },
  {
    type: "alicloud:vpn/gatewayVcoRoute:GatewayVcoRoute",
    fields: [
      {
        path: "routeDest",
        format: "anywhere-cidr",
        verb: "sends",
        farSide: "all traffic (0.0.0.0/0) through the VPN",
      },
    ],
    fix: "Route only the remote site's own subnets through the VPN.",
  },
  // Smart Access Gateway: a device at a branch, or an app on a client, joins a Cloud Connect
  // Network over the internet wherever it is. Neither names an address or a place the pack
  // could check, so these links always fail; a branch shown to lie inside the jurisdiction is
  // a waiver with that evidence.
  {
    type: "alicloud:cloudconnect/networkAttachment:NetworkAttachment",
    fields: [
      {
        path: "sagId",
        format: "flag",
        verb: "joins the Cloud Connect Network to",
        farSide: "a Smart Access Gateway branch site the pack cannot place",
      },
    ],
    fix: "Connect branch sites through a VPN to a customer gateway on an allowlisted address, or confirm that the branch lies inside the jurisdiction and record a waiver with that evidence.",
  },
  ...["alicloud:sag/clientUser:ClientUser", "alicloud:rocketmq/clientUser:ClientUser"].map(
    (type): PolicyFlowModel => ({
      type,
      fields: [
        {
          path: "sagId",
          format: "flag",
          verb: "admits",
          farSide: "clients anywhere in the world (Smart Access Gateway App)",
        },
      ],
      fix: "Do not offer client access into a sealed network; reach it through a site VPN from an allowlisted address.",
    }),
  ),
  {
    type: "alicloud:vpn/sslVpnServer:SslVpnServer",
    fields: [
      {
        path: "vpnGatewayId",
        format: "flag",
        verb: "admits remote clients to",
        farSide: "clients anywhere in the world (SSL-VPN)",
      },
    ],
    fix: "Do not offer client VPN into a sealed network; reach it through a site VPN from an allowlisted address.",
  },
  {
    type: "alicloud:vpn/ipsecServer:IpsecServer",
    fields: [
      {
        path: "vpnGatewayId",
        format: "flag",
        verb: "admits remote clients to",
        farSide: "clients anywhere in the world (IPsec client VPN)",
      },
    ],
    fix: "Do not offer client VPN into a sealed network; reach it through a site VPN from an allowlisted address.",
  },
  {
    type: "alicloud:expressconnect/physicalConnection:PhysicalConnection",
    fields: [
      {
        path: "accessPointId",
        format: "access-point",
        verb: "lands the leased line at",
        required: true,
      },
      {
        path: "lineOperator",
        format: "flag",
        values: ["Equinix", "Other"],
        verb: "is carried by",
        farSide: "an operator outside the Chinese mainland",
      },
    ],
    fix: "Land leased lines only at access points in regions inside the jurisdiction.",
  },
  {
    type: "alicloud:expressconnect/virtualBorderRouter:VirtualBorderRouter",
    fields: [
      {
        path: "sitelinkEnable",
        format: "flag",
        values: [true],
        verb: "lets on-premises sites exchange traffic through",
        farSide: "the backbone between data centres (SiteLink)",
      },
      { path: "vbrOwnerId", format: "account", verb: "belongs to" },
      // Its far end is its leased line, placed by the line's access point (the row above); a
      // line the program does not create cannot be placed (named-destinations).
      {
        path: "physicalConnectionId",
        format: "ref",
        ref: "physical-connection",
        verb: "runs on the leased line",
      },
    ],
    fix: "Turn SiteLink off, and run the border router on a leased line this program creates at an access point inside the jurisdiction.",
  },
  {
    type: "alicloud:expressconnect/virtualPhysicalConnection:VirtualPhysicalConnection",
    fields: [{ path: "vpconnAliUid", format: "account", verb: "hands the line to" }],
    fix: "Keep hosted connections in this account.",
  },
  {
    // Servers that present the code become managed instances the account runs commands on and
    // collects inventory from, wherever they are; unset, any address may register.
    type: "alicloud:ecs/activation:Activation",
    fields: [
      {
        path: "ipAddressRange",
        format: "site-ip",
        verb: "lets servers register as managed instances from",
        required: true,
      },
    ],
    fix: "Set ipAddressRange to the allowlisted addresses of the sites whose servers register.",
  },
  {
    // Unset, the VPC's instances use the cloud's own resolvers (100.100.2.136 and .138).
    type: "alicloud:vpc/dhcpOptionsSet:DhcpOptionsSet",
    fields: [{ path: "domainNameServers", format: "ip", verb: "sends the VPC's DNS queries to" }],
    fix: "Name only private or allowlisted resolvers, or leave domainNameServers unset.",
  },
  // An AD connector's DNS addresses are the directory's domain controllers: the desktops send
  // them their users' sign-ins and name lookups, wherever the directory runs.
  {
    type: "alicloud:eds/adConnectorDirectory:AdConnectorDirectory",
    fields: directoryServers,
    fix: "Run the directory on private addresses the stack links to, or on allowlisted ones.",
  },
  {
    type: "alicloud:eds/adConnectorOfficeSite:AdConnectorOfficeSite",
    fields: [...directoryServers, officeSiteCen],
    fix: "Run the directory on private addresses the stack links to, or on allowlisted ones, and join the office site only to a CEN of this account.",
  },
  {
    type: "alicloud:pvtz/rule:Rule",
    fields: [{ path: "forwardIps[].ip", format: "ip", verb: "forwards DNS queries to" }],
    fix: "Forward DNS only to private or allowlisted resolvers.",
  },
  // Servers the stack's directory, file systems and networks talk to by address: DNS
  // forwarders, domain controllers, RADIUS and NTP servers. A private address stays in the
  // stack's networks (which the links above judge); a public one must be in the allowlist.
  {
    type: "aws:directoryservice/conditionalForwarder:ConditionalForwarder",
    fields: [ip("dnsIps[]", "forwards DNS queries for the remote domain to")],
    fix: serverFix,
  },
  {
    type: "aws:directoryservice/trust:Trust",
    fields: [ip("conditionalForwarderIpAddrs[]", "forwards DNS queries for the trusted domain to")],
    fix: serverFix,
  },
  {
    type: "aws:directoryservice/directory:Directory",
    fields: [ip("connectSettings.customerDnsIps[]", "proxies directory requests to the domain at")],
    fix: serverFix,
  },
  {
    type: "aws:directoryservice/radiusSettings:RadiusSettings",
    fields: [ip("radiusServers[]", "sends sign-in credentials for multi-factor checks to")],
    fix: serverFix,
  },
  {
    type: "aws:fsx/windowsFileSystem:WindowsFileSystem",
    fields: [ip("selfManagedActiveDirectory.dnsIps[]", "joins the self-managed domain served at")],
    fix: serverFix,
  },
  {
    type: "aws:fsx/ontapStorageVirtualMachine:OntapStorageVirtualMachine",
    fields: [
      ip(
        "activeDirectoryConfiguration.selfManagedActiveDirectoryConfiguration.dnsIps[]",
        "joins the self-managed domain served at",
      ),
    ],
    fix: serverFix,
  },
  {
    type: "aws:fsx/fileCache:FileCache",
    fields: [
      ip(
        "dataRepositoryAssociations[].nfs[].dnsIps[]",
        "resolves its NFS data repositories through",
      ),
    ],
    fix: serverFix,
  },
  {
    type: "aws:finspace/kxEnvironment:KxEnvironment",
    fields: [ip("customDnsConfigurations[].customDnsServerIp", "resolves names through")],
    fix: serverFix,
  },
  {
    // A Connect peer runs GRE and BGP to an appliance: at a private address of an attached VPC
    // it stays in the stack's networks; any other address is a site the pack cannot place.
    type: "aws:networkmanager/connectPeer:ConnectPeer",
    fields: [ip("peerAddress", "tunnels the core network's traffic to")],
    fix: serverFix,
  },
  {
    // Comma-separated resolvers the replication's compute resolves its endpoints' host names
    // with: a resolver abroad can send the data to any host it answers with.
    type: "aws:dms/replicationConfig:ReplicationConfig",
    fields: [ip("computeConfig.dnsNameServers", "resolves its endpoints' host names through")],
    fix: serverFix,
  },
  {
    type: "aws:ec2/vpcDhcpOptions:VpcDhcpOptions",
    fields: [
      ip("domainNameServers[]", "has every instance of the VPC resolve names through", {
        when: (props) => !amazonDnsOnly(props),
      }),
      ip("netbiosNameServers[]", "has every instance of the VPC resolve NetBIOS names through"),
      ip("ntpServers[]", "has every instance of the VPC take its time from"),
    ],
    fix: serverFix,
  },
  {
    type: "aws:ec2clientvpn/endpoint:Endpoint",
    fields: [
      {
        path: "serverCertificateArn",
        format: "flag",
        verb: "admits remote clients to",
        farSide: "clients anywhere in the world (Client VPN)",
      },
      ip("dnsServers[]", "resolves the clients' names through"),
    ],
    fix: "Do not offer client VPN into a sealed network; reach it through a site VPN from an allowlisted address.",
  },
  {
    type: "aws:chime/voiceConnectorOrigination:VoiceConnectorOrigination",
    fields: [{ path: "routes[].host", format: "url", verb: "routes inbound calls to" }],
    fix: "Route calls only to SIP hosts on allowlisted addresses.",
  },
  {
    type: "aws:ec2/localGatewayRoute:LocalGatewayRoute",
    fields: [
      {
        path: "destinationCidrBlock",
        format: "anywhere-cidr",
        verb: "sends",
        farSide: "all traffic (0.0.0.0/0) to the Outpost's on-premises network",
      },
    ],
    fix: "Route only the on-premises network's own prefixes to the local gateway.",
  },
  {
    type: "aws:directconnect/linkAggregationGroup:LinkAggregationGroup",
    fields: [
      {
        path: "location",
        format: "flag",
        verb: "lands the connections at the Direct Connect location",
        farSide: "a Direct Connect facility whose country the pack cannot determine",
      },
    ],
    fix: "Confirm that the facility lies inside the jurisdiction and record a waiver with that evidence.",
  },
  {
    type: "aws:ec2/customerGateway:CustomerGateway",
    fields: [
      { path: "ipAddress", format: "site-ip", verb: "terminates tunnels at", required: true },
    ],
    fix: siteFix,
  },
  {
    type: "aws:ec2/vpnConnection:VpnConnection",
    fields: [
      {
        path: "localIpv4NetworkCidr",
        format: "anywhere-cidr",
        verb: "lets the remote site route",
        farSide: "all traffic (0.0.0.0/0) to itself",
      },
      {
        path: "enableAcceleration",
        format: "flag",
        values: [true],
        verb: "carries the tunnel over",
        farSide: "the Global Accelerator edge network",
      },
    ],
    fix: "Route only the remote site's own networks through the VPN and turn acceleration off.",
  },
  {
    type: "aws:ec2/vpnConnectionRoute:VpnConnectionRoute",
    fields: [
      {
        path: "destinationCidrBlock",
        format: "anywhere-cidr",
        verb: "sends",
        farSide: "all traffic (0.0.0.0/0) through the VPN",
      },
    ],
    fix: "Route only the remote site's own networks through the VPN.",
  },
  {
    type: "aws:directconnect/connection:Connection",
    fields: [
      {
        path: "location",
        format: "flag",
        verb: "lands the connection at the Direct Connect location",
        farSide: "a Direct Connect facility whose country the pack cannot determine",
      },
    ],
    fix: "Confirm that the facility lies inside the jurisdiction and record a waiver with that evidence.",
  },
  {
    type: "aws:directconnect/privateVirtualInterface:PrivateVirtualInterface",
    fields: [
      {
        path: "sitelinkEnabled",
        format: "flag",
        values: [true],
        verb: "sends traffic between Direct Connect locations through",
        farSide: "SiteLink, bypassing every region",
      },
    ],
    fix: "Turn SiteLink off.",
  },
  {
    type: "aws:directconnect/transitVirtualInterface:TransitVirtualInterface",
    fields: [
      {
        path: "sitelinkEnabled",
        format: "flag",
        values: [true],
        verb: "sends traffic between Direct Connect locations through",
        farSide: "SiteLink, bypassing every region",
      },
    ],
    fix: "Turn SiteLink off.",
  },
  {
    type: "aws:directconnect/publicVirtualInterface:PublicVirtualInterface",
    fields: [
      {
        path: "connectionId",
        format: "flag",
        verb: "reaches",
        farSide: "the public endpoints of every AWS region",
      },
    ],
    fix: "Use a private or transit virtual interface instead.",
  },
  {
    type: "aws:directconnect/gatewayAssociation:GatewayAssociation",
    fields: [
      {
        path: "associatedGatewayOwnerAccountId",
        format: "account",
        verb: "associates a gateway of",
      },
    ],
    fix: "Associate only gateways of this account.",
  },
  {
    type: "aws:route53/resolverRule:ResolverRule",
    fields: [{ path: "targetIps[].ip", format: "ip", verb: "forwards DNS queries to" }],
    fix: "Forward DNS only to private or allowlisted resolvers.",
  },
];

/** The metadata of a policy of the pack, so the oracle's policies differ only in their rows. */
function meta(name: string): ResourceValidationPolicy {
  return policies.find((p) => p.name === name) as ResourceValidationPolicy;
}

const allLinkFlows = legacyNetworkLinkFlows;
const allPeerAccountFields = legacyPeerAccountFields;
const isPeerAccount = (m: PolicyFlowModel, path: string) =>
  allPeerAccountFields.get(m.type)?.includes(path) ?? false;

/** `network-links` as it was: its own evaluator over its old rows. */
export function legacyNetworkLinks(): ResourceValidationPolicy {
  const p = meta("network-links");
  return flowPolicy({
    name: p.name,
    description: p.description,
    severity: p.severity ?? "critical",
    remediationSteps: p.remediationSteps ?? "",
    models: allLinkFlows.map((m) => ({
      ...m,
      fields: m.fields.filter((f) => !isPeerAccount(m, f.path)),
    })),
  });
}

/** `remote-sites` as it was. */
export function legacyRemoteSites(): ResourceValidationPolicy {
  const p = meta("remote-sites");
  return flowPolicy({
    name: p.name,
    description: p.description,
    severity: p.severity ?? "critical",
    remediationSteps: p.remediationSteps ?? "",
    models: legacyRemoteSiteFlows,
  });
}

const accountFix =
  "Link only networks of the account the stack's provider is pinned to (allowedAccountIds / accountId), or pin the provider to that account so the pack can tell.";

/** `cross-account-links` as it was: the account fields of the old rows, and the grants. */
export function legacyCrossAccountLinks(): ResourceValidationPolicy {
  const p = meta("cross-account-links");
  const peerAccountModels = new Map(
    allLinkFlows
      .filter((m) => allPeerAccountFields.has(m.type))
      .map((m): [string, PolicyFlowModel] => [
        m.type,
        { type: m.type, fields: m.fields.filter((f) => isPeerAccount(m, f.path)), fix: accountFix },
      ]),
  );
  return {
    ...residencyResourcePolicy({
      name: p.name,
      description: p.description,
      severity: p.severity ?? "medium",
      remediationSteps: p.remediationSteps ?? "",
      validate: (args, ctx) => {
        const subject = {
          type: args.type,
          name: args.name,
          props: args.props,
          provider: args.provider,
        };
        for (const f of accountGrantFindings(subject, ctx)) {
          ctx.report(f);
        }
        const model = peerAccountModels.get(args.type);
        if (!model) {
          return;
        }
        const label = resourceLabel(args.type, args.name);
        // The flow evaluator words every finding as data leaving; here the far end is inside.
        const leaving = `${label} must keep data inside ${ctx.jurisdiction.id}, but `;
        for (const f of directFindings(model, subject, ctx)) {
          ctx.report({
            ...f,
            message: f.message.startsWith(leaving)
              ? `${label} must link only to networks of the stack's own account, but ${f.message.slice(leaving.length)}`
              : f.message,
          });
        }
      },
    }),
    enforcementLevel: "advisory",
  };
}
