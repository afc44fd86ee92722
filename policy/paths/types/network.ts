/**
 * Network links between places (`network-links`): VPC peering, CEN and its attachments,
 * bandwidth limits, grants and private zones, transit routers and AWS transit gateways and
 * their attachments, router interfaces and Express Connect routers, PrivateLink across regions,
 * Cloud WAN, global-accelerator endpoint groups and IP sets, anycast bindings
 * (shared/research/data-paths.md §3 "CEN", "VPC peering", "Express Connect …", "PrivateLink",
 * "Global accelerator", "Anycast EIP"; §4 "VPC peering", "Transit gateway peering", "Cloud WAN",
 * "PrivateLink", "Global accelerator").
 *
 * A link is judged by its far end: the peer's region, the attached network's region
 * (`network-links`); the account holding a far end inside the jurisdiction is hardening
 * (`cross-account-links`). Where the program may hold the far network, the graph draws the link
 * to it when it does, else to the region the row names, tagged with that region's verdict
 * (links.ts). Transit router and transit gateway VPC attachments name no region: their
 * crossings are the border analysis's to find.
 */
import { link } from "./common";
import { accountGrantFix, endpointServiceGrants } from "./grants";
import type { FieldSpec, TypeModel, TypeTable } from "../model";
import {
  attach,
  bandwidthLimit,
  drawn,
  fieldsRow as row,
  cenTypes,
  grant,
  linkRow,
  peering,
  tgwTypes,
  trTypes,
  vpcTypes,
} from "./links";
import { defaultRoute, officeSiteFix, officeSiteInternet, routeFix } from "./egress";
import { anycastPops, globalReach, withGlobal } from "./global-reach";
import { edgesOf } from "./rows";
import { type Cloud, regionInJurisdiction } from "../../../residency/jurisdictions";
import { regionOfAlicloudServiceName, regionOfServiceName } from "../../../residency/placement";
import { isUnknown, str, valueAt } from "../values";
import {
  alicloudHaVip,
  alicloudNetworkInterface,
  alicloudRoute,
  drawnBy,
  ipv6Gateway,
  reporting,
  subnetEdges,
  vpcEdges,
} from "./routes";

const networkLink = edgesOf("network-links", "attachment");
const crossAccount = edgesOf("cross-account-links", "attachment");

/**
 * The account of a far end another field places (cross-account-links): who holds the network,
 * not where it is, so it draws no edge of its own — the far region's link is the path.
 */
const peerAccount = (path: string, verb: string) => crossAccount.account(path, verb, drawn);

const required = { required: true } as const;

const linkFix = "Link only to regions inside the jurisdiction, or remove the link.";

/**
 * What a network joining a hub is told: a transit gateway or router it does not create is another
 * stack's (a landing zone's network account), checked there; joining it here is a reviewed
 * decision, recorded as a waiver.
 */
const hubFix = (hub: string) =>
  `Attach only networks in regions inside the jurisdiction, to a ${hub} this program creates; to join one another stack creates (a landing zone's network account), check that stack with the pack and waive this finding naming that review.`;

/**
 * A transit router joins every network attached to it and, through its peer attachments, other
 * regions: one of the program is judged by those attachments' rows, one it does not create
 * cannot be (named-destinations). An attachment naming no transit router joins its CEN
 * instance's router in the region, judged as that CEN instance is.
 */
function joinsTransitRouter(verb: string): FieldSpec[] {
  return [
    networkLink.ref("transitRouterId", verb, { ref: "transit-router", ...drawn }),
    networkLink.ref("cenId", verb, {
      ref: "cen-instance",
      ...drawn,
      when: (p) => valueAt(p, "transitRouterId") === undefined,
    }),
  ];
}

/**
 * A static route of a transit gateway or transit router: it sends the route table's traffic into
 * the attachment `path` names — the program's own is judged by its own row, one another stack or
 * account created joins a network the pack cannot see (named-destinations).
 */
function routeInto(
  path: string,
  ref: "tgw-attachment" | "tr-attachment",
  when?: FieldSpec["when"],
): TypeModel {
  return row(
    "Route only into attachments this program creates; to route into one another stack creates, check that stack with the pack and waive this finding naming that review.",
    networkLink.ref(path, "sends traffic into", { ref, noun: path, ...(when ? { when } : {}) }),
  );
}

/**
 * The hub a peering joins, named by `path`: in a region inside the jurisdiction (`region`; one
 * outside is the peering's finding already), one the program does not create cannot be judged —
 * its other attachments and peerings lie beyond what the pack sees (named-destinations).
 */
function peerHub(
  path: string,
  region: string,
  cloud: Cloud,
  ref: "transit-gateway" | "transit-router",
): FieldSpec {
  return networkLink.ref(path, `peers the ${ref.replace("-", " ")} with`, {
    ref,
    ...drawn,
    when: (p, j) => {
      const at = valueAt(p, region);
      return typeof at !== "string" || regionInJurisdiction(j, cloud, at);
    },
  });
}

/** What cross-account-links appends to every finding on another account's network. */
export const accountFix =
  "Link only networks of the account the stack's provider is pinned to (allowedAccountIds / accountId), or pin the provider to that account so the pack can tell.";

/** The far region (network-links) and the far account (cross-account-links) of a link. */
function regionAndAccount(
  region: string,
  owner: string,
  verb: string,
  ownerVerb: string,
  extra: Partial<FieldSpec> = {},
): FieldSpec[] {
  return [networkLink.region(region, verb, { ...drawn, ...extra }), peerAccount(owner, ownerVerb)];
}

/** The fixes of a link's two policies. */
const fixes = (fix: string) => ({ "network-links": fix, "cross-account-links": accountFix });

/** What to do about accepting a peering of `peers` the program does not request. */
const peeringAccepterFix = (peers: string) =>
  `Accept only peerings this program requests, with ${peers} in regions inside the jurisdiction.`;

const forwardFix = "Forward only to endpoints in regions inside the jurisdiction.";
const endpointGroupFix = "Set endpointGroupRegion to a region inside the jurisdiction.";
const edgeLocationFix = "Keep every edge location of the core network inside the jurisdiction.";
const consumersFix = "Accept consumers only from regions inside the jurisdiction.";
const accelerateFix = "Accelerate only from and to regions inside the jurisdiction.";

/** Bandwidth bought between two areas (network-links): it crosses when the areas differ. */
const between = (path: string, verb: string, relates: FieldSpec["relates"]): FieldSpec => ({
  path,
  format: "relation",
  label: "attachment",
  policy: "network-links",
  verb,
  detail: "bandwidth package",
  relates,
});

/** CEN inter-area bandwidth: any package between two different geographic areas crosses one. */
const cenAreas = between(
  "geographicRegionAId/geographicRegionBId",
  "buys bandwidth between",
  (get) => {
    const a = str(get("geographicRegionAId"));
    const b = str(get("geographicRegionBId"));
    const ids = get("geographicRegionIds");
    const areas = Array.isArray(ids) ? ids.filter((v): v is string => typeof v === "string") : [];
    const pair = a !== undefined && b !== undefined ? [a, b] : areas;
    return new Set(pair).size > 1 ? `${pair.join(" and ")} (two geographic areas)` : undefined;
  },
);

/** GA cross-domain bandwidth connects mainland China with the rest of the world. */
const gaCrossDomain = between("type", "buys cross-border bandwidth between", (get) => {
  if (str(get("type")) !== "CrossDomain") {
    return undefined;
  }
  const a = str(get("cbnGeographicRegionIda")) ?? "China-mainland";
  const b = str(get("cbnGeographicRegionIdb")) ?? "Global";
  return a === b ? undefined : `${a} and ${b}`;
});

/**
 * Whether an accelerator endpoint is an address or host name (a custom domain or IP address, an
 * Alibaba Cloud public IP address) rather than a resource of the group's region; a type not
 * known at preview is judged.
 */
const addressedEndpoint = (endpoint: unknown): boolean => {
  const type = valueAt(endpoint, "type");
  return (
    isUnknown(type) ||
    (typeof type === "string" &&
      ["domain", "ip", "publicip", "iptarget"].includes(type.toLowerCase()))
  );
};

/** A hub the attachments join: a node of the graph, with no field of its own. */
const hub: TypeModel = { role: "network", fix: linkFix };

/** A VPC: the networks of its region lead into it, its gates lead to its internet-bound traffic. */
const vpc: TypeModel = drawnBy({ role: "network", fix: linkFix }, vpcEdges);

/**
 * The PrivateLink endpoint service an interface endpoint connects to: by its name, which carries
 * its region (`com.amazonaws.vpce.<region>.vpce-svc-…`,
 * `com.aliyuncs.privatelink.<region>.oss`; `regionOfName` reads it) — the program's own service,
 * its name not known before deployment, lies where it is created — and by the region of a
 * cross-region connection (`regionPath`) where the name does not say it: one crossing, one
 * finding.
 */
function endpointService(
  regionPath: string,
  regionOfName: (name: string) => string | undefined,
): FieldSpec[] {
  return [
    networkLink.serviceName("serviceName", "connects to the endpoint service", {
      ref: "endpoint-service",
      namedWhenUnknown: true,
    }),
    networkLink.region(regionPath, "connects to an endpoint service in", {
      when: (props) => {
        const name = valueAt(props, "serviceName");
        return typeof name !== "string" || regionOfName(name) === undefined;
      },
    }),
  ];
}

export const network: TypeTable = {
  "alicloud:vpc/network:Network": vpc,
  "aws:ec2/vpc:Vpc": vpc,
  "alicloud:vpc/switch:Switch": drawnBy({ role: "network", fix: linkFix }, subnetEdges),
  "alicloud:vpc/ipv6Gateway:Ipv6Gateway": drawnBy({ role: "gateway", fix: linkFix }, ipv6Gateway),
  // Addresses in a vSwitch that an EIP association may bind (`instanceType` NetworkInterface or
  // HaVip): they draw the binding, so the association and its EIP are one way out from them.
  ...Object.fromEntries(
    [
      "alicloud:ecs/ecsNetworkInterface:EcsNetworkInterface",
      "alicloud:vpc/networkInterface:NetworkInterface",
    ].map((t) => [t, drawnBy({ role: "network", fix: linkFix }, alicloudNetworkInterface)]),
  ),
  ...Object.fromEntries(
    ["alicloud:vpc/hAVip:HAVip", "alicloud:vpc/haVipv2:HaVipv2"].map((t) => [
      t,
      drawnBy({ role: "network", fix: linkFix }, alicloudHaVip),
    ]),
  ),
  // A route entry of a VPC: a default route is internet-egress's, a next hop in another region
  // network-links'; the route's edges carry whichever of the two reports it.
  "alicloud:vpc/vPCRouteEntry:VPCRouteEntry": drawnBy(
    {
      role: "control",
      fields: [
        defaultRoute("destinationCidrBlock"),
        networkLink.region("nextHops[].nextHopRegionId", "routes traffic to"),
      ],
      fix: { "internet-egress": routeFix, "network-links": linkFix },
    },
    alicloudRoute("destinationCidrBlock", (tag) =>
      reporting(tag("destinationCidrBlock"), tag("nextHops[].nextHopRegionId")),
    ),
  ),
  "alicloud:vpc/peerConnection:PeerConnection": linkRow({
    role: "network",
    fields: regionAndAccount(
      "acceptingRegionId",
      "acceptingAliUid",
      "peers the VPC with a VPC in",
      "peers the VPC with a VPC of",
    ),
    edges: peering({
      vpc: "vpcId",
      peer: "acceptingVpcId",
      region: "acceptingRegionId",
      accounts: ["acceptingAliUid"],
    }),
    fix: fixes("Peer only with VPCs in regions inside the jurisdiction."),
  }),
  // An accepter joins its VPC (or transit gateway) to the requester's, which may lie in any
  // region: a peering the program requests is judged by its own row, one it does not request
  // cannot be (named-destinations).
  "alicloud:vpc/peerConnectionAccepter:PeerConnectionAccepter": row(
    peeringAccepterFix("VPCs"),
    networkLink.ref("instanceId", "accepts the peering", { ref: "alicloud-vpc-peering" }),
  ),
  "aws:ec2/vpcPeeringConnectionAccepter:VpcPeeringConnectionAccepter": row(
    peeringAccepterFix("VPCs"),
    networkLink.ref("vpcPeeringConnectionId", "accepts the peering", { ref: "vpc-peering" }),
  ),
  "aws:ec2transitgateway/peeringAttachmentAccepter:PeeringAttachmentAccepter": row(
    peeringAccepterFix("transit gateways"),
    networkLink.ref("transitGatewayAttachmentId", "accepts the peering", { ref: "tgw-peering" }),
  ),
  "aws:ec2/vpcPeeringConnection:VpcPeeringConnection": linkRow({
    role: "network",
    fields: regionAndAccount(
      "peerRegion",
      "peerOwnerId",
      "peers the VPC with a VPC in",
      "peers the VPC with a VPC of",
    ),
    edges: peering({
      vpc: "vpcId",
      peer: "peerVpcId",
      region: "peerRegion",
      accounts: ["peerOwnerId"],
    }),
    fix: fixes("Peer only with VPCs in regions inside the jurisdiction."),
  }),
  "alicloud:cen/instance:Instance": hub,
  "alicloud:cen/instanceAttachment:InstanceAttachment": linkRow({
    role: "network",
    fields: [
      ...regionAndAccount(
        "childInstanceRegionId",
        "childInstanceOwnerId",
        "attaches a network in",
        "attaches a network of",
        required,
      ),
      networkLink.account("cenOwnerId", "attaches the network to the CEN of", drawn),
      // The CEN joins the networks of every region attached to it: one of the program is judged
      // by its own attachments, one it does not create cannot be (named-destinations).
      networkLink.ref("instanceId", "attaches the network to", { ref: "cen-instance", ...drawn }),
    ],
    edges: attach({
      hub: "instanceId",
      hubTypes: cenTypes,
      member: "childInstanceId",
      memberTypes: [...vpcTypes, "alicloud:expressconnect/virtualBorderRouter:VirtualBorderRouter"],
      memberRegion: "childInstanceRegionId",
      accounts: ["childInstanceOwnerId"],
      label: "cen attachment",
    }),
    fix: fixes(
      "Attach only networks in regions inside the jurisdiction, and only to a CEN instance this program creates.",
    ),
  }),
  "alicloud:cen/bandwidthPackage:BandwidthPackage": row(
    "Buy CEN bandwidth only within the jurisdiction's own geographic area.",
    cenAreas,
  ),
  "alicloud:ga/bandwidthPackage:BandwidthPackage": row(
    "Do not buy cross-domain (cross-border) acceleration bandwidth.",
    gaCrossDomain,
  ),
  "alicloud:cen/bandwidthLimit:BandwidthLimit": linkRow({
    role: "network",
    fields: [networkLink.region("regionIds[]", "forwards traffic to", drawn)],
    edges: bandwidthLimit,
    fix: linkFix,
  }),
  "alicloud:cen/instanceGrant:InstanceGrant": linkRow({
    role: "network",
    fields: [networkLink.account("cenOwnerId", "grants the VPC to the CEN of", drawn)],
    edges: grant("childInstanceId"),
    fix: "Grant the VPC only to a CEN of this account; to join a landing zone's CEN in its network account, check that account's stack with the pack and waive this finding naming that review.",
  }),
  "alicloud:cen/transitRouterGrantAttachment:TransitRouterGrantAttachment": linkRow({
    role: "network",
    fields: [networkLink.account("cenOwnerId", "grants the network to the CEN of", drawn)],
    edges: grant("instanceId"),
    fix: "Grant the network only to a CEN of this account; to join a landing zone's CEN in its network account, check that account's stack with the pack and waive this finding naming that review.",
  }),
  "alicloud:cen/transitRouter:TransitRouter": linkRow({
    role: "network",
    edges: (r, x) => {
      const cen = x.resourceAt(r, "cenId", cenTypes);
      return cen ? link(cen, r, "transit router", { both: true }) : [];
    },
    fix: linkFix,
  }),
  "alicloud:cen/transitRouterVpcAttachment:TransitRouterVpcAttachment": linkRow({
    role: "network",
    fields: [
      networkLink.account("vpcOwnerId", "attaches a VPC of", drawn),
      ...joinsTransitRouter("attaches the VPC to"),
    ],
    edges: attach({
      hub: "transitRouterId",
      hubTypes: trTypes,
      member: "vpcId",
      memberTypes: vpcTypes,
      label: "attachment",
    }),
    fix: hubFix("transit router"),
  }),
  "alicloud:cen/transitRouterPeerAttachment:TransitRouterPeerAttachment": linkRow({
    role: "network",
    fields: [
      networkLink.region("peerTransitRouterRegionId", "peers the transit router with one in", {
        ...drawn,
        ...required,
      }),
      peerHub("peerTransitRouterId", "peerTransitRouterRegionId", "alicloud", "transit-router"),
    ],
    edges: attach({
      hub: "transitRouterId",
      hubTypes: trTypes,
      member: "peerTransitRouterId",
      memberTypes: trTypes,
      memberRegion: "peerTransitRouterRegionId",
      label: "peer attachment",
    }),
    fix: "Peer only with transit routers in regions inside the jurisdiction that this program creates; to peer with one another stack creates, check that stack with the pack and waive this finding naming that review.",
  }),
  "alicloud:cen/transitRouterVpnAttachment:TransitRouterVpnAttachment": linkRow({
    role: "network",
    fields: [
      networkLink.account("vpnOwnerId", "attaches a VPN attachment of", drawn),
      ...joinsTransitRouter("attaches the VPN connection to"),
    ],
    edges: attach({
      hub: "transitRouterId",
      hubTypes: trTypes,
      member: "vpnId",
      memberTypes: ["alicloud:vpn/gatewayVpnAttachment:GatewayVpnAttachment"],
      label: "attachment",
    }),
    fix: hubFix("transit router"),
  }),
  "alicloud:cen/transitRouterEcrAttachment:TransitRouterEcrAttachment": linkRow({
    role: "network",
    fields: [
      networkLink.account("ecrOwnerId", "attaches an Express Connect router of", drawn),
      ...joinsTransitRouter("attaches the Express Connect router to"),
      // The router joins border routers and transit routers of any region to this one.
      networkLink.ref("ecrId", "joins the transit router to", {
        ref: "express-connect-router",
        noun: "ecrId",
        ...drawn,
      }),
    ],
    edges: attach({
      hub: "transitRouterId",
      hubTypes: trTypes,
      member: "ecrId",
      memberTypes: [
        "alicloud:expressconnect/routerExpressConnectRouter:RouterExpressConnectRouter",
      ],
      label: "attachment",
    }),
    fix: "Attach only an Express Connect router this program creates, whose border routers and transit routers lie in regions inside the jurisdiction; to attach one another stack creates, check that stack with the pack and waive this finding naming that review.",
  }),
  // A member of the peer domain receives the group's multicast traffic, across the peering.
  "alicloud:cen/transitRouterMulticastDomainPeerMember:TransitRouterMulticastDomainPeerMember": row(
    "Add peer members only from multicast domains this program creates in regions inside the jurisdiction.",
    networkLink.ref(
      "peerTransitRouterMulticastDomainId",
      "sends the group's multicast traffic to",
      { ref: "tr-multicast-domain", noun: "peerTransitRouterMulticastDomainId" },
    ),
  ),
  "alicloud:cen/transitRouterVbrAttachment:TransitRouterVbrAttachment": linkRow({
    role: "network",
    fields: [
      networkLink.account("vbrOwnerId", "attaches a border router of", drawn),
      ...joinsTransitRouter("attaches the border router to"),
    ],
    edges: attach({
      hub: "transitRouterId",
      hubTypes: trTypes,
      member: "vbrId",
      label: "attachment",
    }),
    fix: hubFix("transit router"),
  }),
  // A blackhole route names no attachment.
  "alicloud:cen/transitRouterRouteEntry:TransitRouterRouteEntry": routeInto(
    "transitRouterRouteEntryNextHopId",
    "tr-attachment",
    (p) => valueAt(p, "transitRouterRouteEntryNextHopType") !== "BlackHole",
  ),
  "aws:ec2transitgateway/transitGateway:TransitGateway": hub,
  // A blackhole route sets no attachment.
  "aws:ec2transitgateway/route:Route": routeInto("transitGatewayAttachmentId", "tgw-attachment"),
  "aws:ec2transitgateway/vpcAttachment:VpcAttachment": linkRow({
    role: "network",
    fields: [
      networkLink.ref("transitGatewayId", "attaches the VPC to", {
        ref: "transit-gateway",
        ...drawn,
      }),
    ],
    edges: attach({
      hub: "transitGatewayId",
      hubTypes: tgwTypes,
      member: "vpcId",
      memberTypes: vpcTypes,
      label: "attachment",
    }),
    fix: hubFix("transit gateway"),
  }),
  "aws:ec2transitgateway/peeringAttachment:PeeringAttachment": linkRow({
    role: "network",
    fields: [
      ...regionAndAccount(
        "peerRegion",
        "peerAccountId",
        "peers the transit gateway with one in",
        "peers the transit gateway with one of",
        required,
      ),
      peerHub("peerTransitGatewayId", "peerRegion", "aws", "transit-gateway"),
    ],
    edges: attach({
      hub: "transitGatewayId",
      hubTypes: tgwTypes,
      member: "peerTransitGatewayId",
      memberTypes: tgwTypes,
      memberRegion: "peerRegion",
      accounts: ["peerAccountId"],
      label: "peer attachment",
    }),
    fix: fixes(
      "Peer only with transit gateways in regions inside the jurisdiction that this program creates; to peer with one another stack creates, check that stack with the pack and waive this finding naming that review.",
    ),
  }),
  "alicloud:cen/privateZone:PrivateZone": row(
    linkFix,
    networkLink.region("accessRegionId", "resolves names for VPCs in"),
    networkLink.region("hostRegionId", "resolves names hosted in"),
  ),
  "alicloud:cen/routeService:RouteService": row(
    linkFix,
    networkLink.region("accessRegionId", "routes service traffic from"),
    networkLink.region("hostRegionId", "routes service traffic to"),
  ),
  "alicloud:cen/vbrHealthCheck:VbrHealthCheck": row(
    linkFix,
    networkLink.region("vbrInstanceRegionId", "checks a border router in"),
  ),
  "alicloud:expressconnect/grantRuleToCen:GrantRuleToCen": row(
    "Grant the border router only to a CEN of this account; to join a landing zone's CEN in its network account, check that account's stack with the pack and waive this finding naming that review.",
    networkLink.account("cenOwnerId", "grants the border router to the CEN of"),
  ),
  "alicloud:cloudconnect/networkGrant:NetworkGrant": row(
    "Grant the Cloud Connect Network only to a CEN of this account; to join a landing zone's CEN in its network account, check that account's stack with the pack and waive this finding naming that review.",
    networkLink.account("cenUid", "grants the Cloud Connect Network to the CEN of"),
  ),
  "alicloud:eflo/vpdGrantRule:VpdGrantRule": row(
    "Grant the Lingjun network only to an Express Connect router of this account.",
    networkLink.account(
      "grantTenantId",
      "grants the Lingjun network to the Express Connect router of",
    ),
  ),
  "alicloud:vpc/routerInterface:RouterInterface": row(
    linkFix,
    networkLink.region("oppositeRegion", "connects the router to"),
  ),
  "alicloud:expressconnect/routerInterface:RouterInterface": row(
    fixes(linkFix),
    networkLink.region("oppositeRegionId", "connects the router to"),
    peerAccount("oppositeInterfaceOwnerId", "connects the router to"),
  ),
  // The connection of the program's initiating interface to the accepting one: the region it
  // reaches is the interface's (judged there); one the program does not create cannot be judged,
  // and an accepting interface of another account is a link to that account.
  "alicloud:vpc/routerInterfaceConnection:RouterInterfaceConnection": row(
    fixes(linkFix),
    networkLink.ref("interfaceId", "connects", { ref: "router-interface", noun: "interfaceId" }),
    peerAccount("oppositeInterfaceOwnerId", "connects the router to"),
  ),
  "alicloud:expressconnect/routerExpressConnectRouter:RouterExpressConnectRouter": row(
    "Keep the Express Connect router's regions inside the jurisdiction.",
    networkLink.region("regions[].regionId", "spans"),
  ),
  "alicloud:expressconnect/routerVpcAssociation:RouterVpcAssociation": row(
    fixes(linkFix),
    networkLink.region("associationRegionId", "attaches a VPC in"),
    peerAccount("vpcOwnerId", "attaches a VPC of"),
  ),
  "alicloud:expressconnect/routerTrAssociation:RouterTrAssociation": row(
    fixes(linkFix),
    networkLink.region("associationRegionId", "attaches a transit router in"),
    peerAccount("transitRouterOwnerId", "attaches a transit router of"),
  ),
  "alicloud:expressconnect/routerVbrChildInstance:RouterVbrChildInstance": row(
    fixes(linkFix),
    networkLink.region("childInstanceRegionId", "attaches a border router in"),
    peerAccount("childInstanceOwnerId", "attaches a border router of"),
  ),
  "alicloud:expressconnect/routerGrantAssociation:RouterGrantAssociation": row(
    linkFix,
    networkLink.region("instanceRegionId", "grants a network in"),
    networkLink.account("ecrOwnerAliUid", "grants the network to the router of"),
  ),
  "alicloud:privatelink/vpcEndpoint:VpcEndpoint": row(
    "Connect only to endpoint services in the stack's region (or inside the jurisdiction).",
    ...endpointService("serviceRegionId", regionOfAlicloudServiceName),
  ),
  "alicloud:privatelink/vpcEndpointService:VpcEndpointService": row(
    consumersFix,
    networkLink.region("supportedRegionLists[]", "accepts consumers from"),
  ),
  // A firewall created for a member account (memberUid), or for a VPC another account owns
  // (localVpc.ownerId), inspects that account's traffic from this one: cross-account-links.
  "alicloud:cloudfirewall/firewallVpcFirewall:FirewallVpcFirewall": row(
    fixes(linkFix),
    networkLink.region("localVpc.regionNo", "guards a VPC link with"),
    networkLink.region("peerVpc.regionNo", "guards a VPC link with"),
    peerAccount("memberUid", "guards a VPC link of"),
  ),
  "alicloud:cloudfirewall/firewallVpcFirewallCen:FirewallVpcFirewallCen": row(
    fixes(linkFix),
    networkLink.region("vpcRegion", "guards a CEN link in"),
    peerAccount("memberUid", "guards a CEN link of"),
    peerAccount("localVpc.ownerId", "guards the CEN link of a VPC of"),
  ),
  "alicloud:ga/ipSet:IpSet": row(
    accelerateFix,
    networkLink.region("accelerateRegionId", "announces client addresses in"),
  ),
  "alicloud:ga/basicIpSet:BasicIpSet": row(
    accelerateFix,
    networkLink.region("accelerateRegionId", "announces client addresses in"),
  ),
  // An endpoint given as a custom IP address or domain name, or as a public IP address, may lie
  // anywhere: it is placed by itself (a resource of the program it names lies where it is
  // created). Instances, load balancers, interfaces and buckets lie in endpointGroupRegion.
  "alicloud:ga/endpointGroup:EndpointGroup": row(
    "Forward only to endpoints in regions inside the jurisdiction: resources of this program, cloud endpoints of those regions, or addresses the egress allowlist holds; another host cannot be placed.",
    networkLink.region("endpointGroupRegion", "forwards traffic to", { required: true }),
    networkLink.url("endpointConfigurations[].endpoint", "forwards traffic to the endpoint", {
      ref: "cdn-origin",
      namedWhenUnknown: true,
      where: addressedEndpoint,
    }),
  ),
  "alicloud:ga/basicEndpointGroup:BasicEndpointGroup": row(
    forwardFix,
    networkLink.region("endpointGroupRegion", "forwards traffic to", { required: true }),
  ),
  "alicloud:ga/customRoutingEndpointGroup:CustomRoutingEndpointGroup": row(
    forwardFix,
    networkLink.region("endpointGroupRegion", "forwards traffic to", { required: true }),
  ),
  // The binding also serves the instance from the anycast address's points of presence abroad
  // (global-services), those it names or, by default, all of them.
  "alicloud:eipanycast/anycastEipAddressAttachment:AnycastEipAddressAttachment": withGlobal(
    row(linkFix, networkLink.region("bindInstanceRegionId", "binds the anycast IP to")),
    "Reach the instance through a regional EIP or load balancer inside the jurisdiction instead of an anycast address.",
    globalReach("popLocations[].popLocation", "anycast points of presence", anycastPops),
  ),
  "aws:ec2/vpcEndpoint:VpcEndpoint": row(
    "Connect only to endpoint services of the stack's region.",
    ...endpointService("serviceRegion", regionOfServiceName),
  ),
  // Whom the service lets connect endpoints to it: "*" without acceptance is everyone
  // (public-exposure), another account's principal hands it the service (cross-account-links).
  "aws:ec2/vpcEndpointService:VpcEndpointService": row(
    {
      "network-links": consumersFix,
      "public-exposure":
        'Name principals of the stack\'s own account in allowedPrincipals instead of "*", or set acceptanceRequired to true.',
      "cross-account-links": accountGrantFix,
    },
    networkLink.region("supportedRegions[]", "accepts consumers from"),
    ...endpointServiceGrants,
  ),
  // An ACK One fleet distributes its applications (manifests, their Secrets) to its members and
  // routes its multi-cluster Services to them: a member the program creates lies in its region,
  // one named only by ID cannot be placed (found by the multi-cluster bench: it passed unseen).
  "alicloud:ackone/membershipAttachment:MembershipAttachment": row(
    "Join to the fleet only clusters this program creates in regions inside the jurisdiction.",
    networkLink.ref("subClusterId", "joins to the fleet, which sends it its applications,", {
      ref: "ack-cluster",
    }),
  ),
  "aws:networkmanager/coreNetwork:CoreNetwork": row(
    edgeLocationFix,
    networkLink.region("basePolicyRegions[]", "places edge locations in"),
    networkLink.region(
      "basePolicyDocument.core-network-configuration.edge-locations[].location",
      "places edge locations in",
    ),
  ),
  "aws:networkmanager/coreNetworkPolicyAttachment:CoreNetworkPolicyAttachment": row(
    edgeLocationFix,
    networkLink.region(
      "policyDocument.core-network-configuration.edge-locations[].location",
      "places edge locations in",
    ),
  ),
  // The core network reaches every region of its edge locations: one of the program is placed
  // by its own rows, one it does not create cannot be (named-destinations).
  "aws:networkmanager/vpcAttachment:VpcAttachment": row(
    "Attach only VPCs in regions inside the jurisdiction, to a core network this program creates with edge locations only in regions inside the jurisdiction.",
    networkLink.arn("vpcArn", "attaches the VPC"),
    networkLink.ref("coreNetworkId", "attaches the VPC to", { ref: "cloudwan-core-network" }),
  ),
  // The peer is a VPC named by ID (of the ODB network's own region and account) or by ARN,
  // which places it.
  "aws:odb/networkPeeringConnection:NetworkPeeringConnection": row(
    linkFix,
    networkLink.arnOrId("peerNetworkId", "peers the ODB network with"),
  ),
  "aws:networkmanager/connectAttachment:ConnectAttachment": row(
    linkFix,
    networkLink.region("edgeLocation", "attaches to the core network in"),
  ),
  "aws:networkmanager/transitGatewayRouteTableAttachment:TransitGatewayRouteTableAttachment": row(
    linkFix,
    networkLink.arn("transitGatewayRouteTableArn", "attaches the transit gateway route table"),
  ),
  // The core network reaches every region of its edge locations: one of the program is placed
  // by its own rows, one it does not create cannot be (named-destinations).
  "aws:networkmanager/transitGatewayPeering:TransitGatewayPeering": row(
    "Peer only transit gateways in regions inside the jurisdiction, with a core network this program creates with edge locations only in regions inside the jurisdiction.",
    networkLink.arn("transitGatewayArn", "peers with the transit gateway"),
    networkLink.ref("coreNetworkId", "peers the transit gateway with", {
      ref: "cloudwan-core-network",
    }),
  ),
  "aws:networkmanager/siteToSiteVpnAttachment:SiteToSiteVpnAttachment": row(
    linkFix,
    networkLink.arn("vpnConnectionArn", "attaches the VPN"),
  ),
  "aws:networkmanager/dxGatewayAttachment:DxGatewayAttachment": row(
    linkFix,
    networkLink.region("edgeLocations[]", "attaches Direct Connect in"),
  ),
  // Accepting joins the attachment to the (global) core network; the attachment's own row
  // judges its edge location, so it must be an attachment of this program.
  "aws:networkmanager/attachmentAccepter:AttachmentAccepter": row(
    "Accept only attachments this program creates, attached in regions inside the jurisdiction.",
    networkLink.ref("attachmentId", "accepts into the core network", {
      ref: "networkmanager-attachment",
    }),
  ),
  "aws:directconnect/gatewayAssociationProposal:GatewayAssociationProposal": row(
    "Attach networks only to Direct Connect gateways of this account.",
    networkLink.account(
      "dxGatewayOwnerAccountId",
      "proposes to attach the network to a Direct Connect gateway of",
    ),
  ),
  // An endpoint group left without endpointGroupRegion is created in its provider's region (the
  // AWS provider sends that region to CreateEndpointGroup), which resource-placement judges.
  "aws:globalaccelerator/endpointGroup:EndpointGroup": row(
    endpointGroupFix,
    networkLink.region("endpointGroupRegion", "forwards traffic to"),
  ),
  "aws:globalaccelerator/customRoutingEndpointGroup:CustomRoutingEndpointGroup": row(
    endpointGroupFix,
    networkLink.region("endpointGroupRegion", "forwards traffic to"),
  ),
  // A Redshift-managed VPC endpoint lies in the cluster's region; the cluster may be another
  // account's (`resourceOwner`, `ownerAccount`): hardening, judged by cross-account-links.
  "aws:redshift/endpointAccess:EndpointAccess": row(
    fixes("Create endpoints only for clusters of this account."),
    peerAccount("resourceOwner", "connects the VPC to a cluster of"),
  ),
  "aws:redshiftserverless/endpointAccess:EndpointAccess": row(
    fixes("Create endpoints only for workgroups of this account."),
    peerAccount("ownerAccount", "connects the VPC to a workgroup of"),
  ),
  // A cloud desktop office site joined to a CEN: another account's can reach any region. Its
  // desktops may also reach the internet through the service's network (internet-egress).
  "alicloud:eds/simpleOfficeSite:SimpleOfficeSite": row(
    {
      "network-links": "Join the office site only to a CEN of this account.",
      "internet-egress": officeSiteFix,
    },
    networkLink.account("cenOwnerId", "joins the desktops' network to the CEN of"),
    officeSiteInternet,
  ),
  "aws:globalaccelerator/crossAccountAttachment:CrossAccountAttachment": row(
    "Do not share accelerator endpoints with other accounts.",
    networkLink.region("resources[].region", "shares endpoints in"),
    networkLink.flag("principals[]", "shares endpoints with", {
      farSide: "accelerators of other accounts",
    }),
  ),
};
