/**
 * Network links between places: CEN attachments, bandwidth and transit-router peering, VPC
 * peering, router interfaces and Express Connect routers, PrivateLink across regions, Cloud WAN,
 * global-accelerator endpoint groups (`network-links`); and links to sites outside the cloud:
 * VPN and customer gateways, leased lines (Express Connect, Direct Connect) and DNS forwarding
 * (`remote-sites`). Sources: shared/research/data-paths.md §3 "CEN", "VPC peering", "Express
 * Connect …", "VPN", "PrivateLink", "DNS forwarding", "Global accelerator", "Anycast EIP"; §4 "VPC
 * peering", "Transit gateway peering", "Cloud WAN", "VPN", "Direct Connect", "PrivateLink", "DNS
 * forwarding", "Global accelerator".
 *
 * A link is judged by its far end: a peer region, an attached instance's region, an access
 * point, a remote IP. A link whose far end is not named (a global-accelerator endpoint group
 * without a region, a Direct Connect location) cannot be placed and fails closed.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { resourceLabel } from "../residency/placement";
import {
  type CustomFlow,
  directFindings,
  type FlowField,
  type FlowModel,
  flowPolicy,
} from "./flows";
import { residencyResourcePolicy } from "./framework";
import { accountGrantFindings, accountGrantFix } from "./grants";
import { known, str } from "./values";

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
const officeSiteCen: FlowField = {
  path: "cenOwnerId",
  format: "account",
  verb: "joins the desktops' network to the CEN of",
};

/** An AD connector's domain controllers, which desktop users sign in at. */
const directoryServers: readonly FlowField[] = [
  { path: "dnsAddresses[]", format: "ip", verb: "signs desktop users in at" },
  { path: "subDomainDnsAddresses[]", format: "ip", verb: "signs desktop users in at" },
];

export const networkLinkFlows: readonly FlowModel[] = [
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
export const peerAccountFields: ReadonlyMap<string, readonly string[]> = new Map([
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

/**
 * Links of `peerAccountFields` whose far end lies in the resource's own region by construction,
 * so no field names its region: a Redshift-managed VPC endpoint (provisioned or Serverless) reaches
 * a cluster or workgroup of another account only in the endpoint's own region.
 */
export const sameRegionPeerLinks: ReadonlySet<string> = new Set([
  "aws:redshift/endpointAccess:EndpointAccess",
  "aws:redshiftserverless/endpointAccess:EndpointAccess",
]);

const isPeerAccount = (m: FlowModel, path: string) =>
  peerAccountFields.get(m.type)?.includes(path) ?? false;

export const networkLinks = flowPolicy({
  name: "network-links",
  description:
    "Checks whether network links (CEN, transit routers and gateways, VPC peering, Express Connect routers, PrivateLink, Cloud WAN, accelerator endpoints) connect only places inside the jurisdiction.",
  severity: "critical",
  remediationSteps:
    "Attach, peer and route only to regions inside the jurisdiction; name the far region explicitly where the API allows it to be omitted.",
  models: networkLinkFlows.map((m) => ({
    ...m,
    fields: m.fields.filter((f) => !isPeerAccount(m, f.path)),
  })),
});

const accountFix =
  "Link only networks of the account the stack's provider is pinned to (allowedAccountIds / accountId), or pin the provider to that account so the pack can tell.";

const peerAccountModels = new Map(
  networkLinkFlows
    .filter((m) => peerAccountFields.has(m.type))
    .map((m): [string, FlowModel] => [
      m.type,
      { type: m.type, fields: m.fields.filter((f) => isPeerAccount(m, f.path)), fix: accountFix },
    ]),
);

/**
 * Links to networks of another account whose far end lies inside the jurisdiction (its region
 * is judged by `network-links`), and grants of a resource to another account or organisation
 * (policy/grants.ts). The data stays where it lies, so this is hardening: advisory, and
 * mandatory only for stacks in strict posture (`sovereign-dc:posture: strict`).
 */
export const crossAccountLinks: ResourceValidationPolicy = {
  ...residencyResourcePolicy({
    name: "cross-account-links",
    description:
      "Checks whether network links whose far end lies inside the jurisdiction (VPC and transit gateway peering, CEN and Express Connect attachments) connect only networks of the stack's own account, and whether resource policies, permissions and shares grant access only to that account and to AWS services.",
    severity: "medium",
    remediationSteps: `${accountFix} ${accountGrantFix}`,
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
  // Hardening: the pack config of a strict stack raises it to mandatory.
  enforcementLevel: "advisory",
};

const siteFix =
  "Connect only to sites on addresses in the egress allowlist (on-premises sites inside the jurisdiction), or remove the link.";

const serverFix =
  "Name only private addresses of the stack's networks, or add the server's public address to the egress allowlist.";

/** A field of addresses the stack's resources send requests to (`ip`). */
function ip(path: string, verb: string, extra: Partial<FlowField> = {}): FlowField {
  return { path, format: "ip", verb, ...extra };
}

/** DHCP options that leave name resolution to the VPC's own resolver. */
function amazonDnsOnly(props: Readonly<Record<string, unknown>>): boolean {
  const servers = known(() => props.domainNameServers);
  return (
    Array.isArray(servers) && servers.length > 0 && servers.every((v) => v === "AmazonProvidedDNS")
  );
}

export const remoteSiteFlows: readonly FlowModel[] = [
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
    (type): FlowModel => ({
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

export const remoteSites = flowPolicy({
  name: "remote-sites",
  description:
    "Checks whether VPN, leased-line and DNS-forwarding links, and the directory, DNS, time and call servers the stack names, reach only sites inside the jurisdiction (private or allowlisted addresses, access points in the jurisdiction).",
  severity: "critical",
  remediationSteps:
    "Terminate VPNs and DNS forwarding only at private or allowlisted addresses, land leased lines at access points inside the jurisdiction, route only the remote site's own networks, and turn SiteLink and client VPN off.",
  models: remoteSiteFlows,
});
