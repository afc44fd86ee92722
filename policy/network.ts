/**
 * Network links between places: CEN attachments, bandwidth and transit-router peering, VPC
 * peering, router interfaces and Express Connect routers, PrivateLink across regions, Cloud WAN,
 * global-accelerator endpoint groups (`network-links`); links to sites outside the cloud: VPN and
 * customer gateways, leased lines (Express Connect, Direct Connect), DNS forwarding and the
 * servers the stack names (`remote-sites`); and links whose far end lies inside but in another
 * account (`cross-account-links`). Sources: shared/research/data-paths.md §3 "CEN", "VPC
 * peering", "Express Connect …", "VPN", "PrivateLink", "DNS forwarding", "Global accelerator",
 * "Anycast EIP"; §4 "VPC peering", "Transit gateway peering", "Cloud WAN", "VPN", "Direct
 * Connect", "PrivateLink", "DNS forwarding", "Global accelerator".
 *
 * A link is judged by its far end: a peer region, an attached instance's region, an access
 * point, a remote IP. A link whose far end is not named (a global-accelerator endpoint group
 * without a region, a Direct Connect location) cannot be placed and fails closed.
 *
 * The links are rows of the network and remote-sites tables (policy/paths/types/network.ts,
 * remote-sites.ts), and these policies are views of the edges the rows give them. Two bandwidth
 * purchases, whose crossing is a relation between two fields, keep their own code here.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { resourceLabel } from "../residency/placement";
import { type CustomFlow, type FlowField, type FlowModel, flowPolicy } from "./flows";
import { residencyResourcePolicy } from "./framework";
import { accountGrantFindings, accountGrantFix } from "./grants";
import { accountFix } from "./paths/types/network";
import { resourceView, viewedPolicy } from "./paths/views";
import { str } from "./values";

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

/**
 * The links not in the network table yet: bandwidth between two areas, whose crossing is a
 * relation between fields; VPC route entries, whose graph edges are the border analysis's route
 * model (policy/border/flows/network.ts) until routes move with the egress rows; and a cloud
 * desktop office site, whose row joins internet-egress's (policy/paths/types/egress.ts) in one
 * table row.
 */
export const networkLinkFlows: readonly FlowModel[] = [
  {
    type: "alicloud:cen/bandwidthPackage:BandwidthPackage",
    fields: [],
    custom: cenAreas,
    fix: "Buy CEN bandwidth only within the jurisdiction's own geographic area.",
  },
  {
    type: "alicloud:ga/bandwidthPackage:BandwidthPackage",
    fields: [],
    custom: gaCrossDomain,
    fix: "Do not buy cross-domain (cross-border) acceleration bandwidth.",
  },
  {
    type: "alicloud:eds/simpleOfficeSite:SimpleOfficeSite",
    fields: [officeSiteCen],
    fix: "Join the office site only to a CEN of this account.",
  },
  {
    type: "alicloud:vpc/vPCRouteEntry:VPCRouteEntry",
    fields: [{ path: "nextHops[].nextHopRegionId", format: "region", verb: "routes traffic to" }],
    fix: "Link only to regions inside the jurisdiction, or remove the link.",
  },
];

export const networkLinks = viewedPolicy(
  flowPolicy({
    name: "network-links",
    description:
      "Checks whether network links (CEN, transit routers and gateways, VPC peering, Express Connect routers, PrivateLink, Cloud WAN, accelerator endpoints) connect only places inside the jurisdiction.",
    severity: "critical",
    remediationSteps:
      "Attach, peer and route only to regions inside the jurisdiction; name the far region explicitly where the API allows it to be omitted.",
    models: networkLinkFlows,
  }),
);

/**
 * Links to networks of another account whose far end lies inside the jurisdiction (its region
 * is judged by `network-links`), and grants of a resource to another account or organisation
 * (policy/grants.ts). The data stays where it lies, so this is hardening: advisory, and
 * mandatory only for stacks in strict posture (`sovereign-dc:posture: strict`). The links are
 * the view of the network table's `cross-account-links` fields, worded for a far end inside.
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
      const label = resourceLabel(args.type, args.name);
      // The view words every finding as data leaving; here the far end is inside.
      const leaving = `${label} must keep data inside ${ctx.jurisdiction.id}, but `;
      for (const f of resourceView("cross-account-links", subject, ctx)) {
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

/**
 * The remote sites not in the remote-sites table yet: an AD connector office site, whose row
 * joins internet-egress's (policy/paths/types/egress.ts) in one table row.
 */
export const remoteSiteFlows: readonly FlowModel[] = [
  {
    type: "alicloud:eds/adConnectorOfficeSite:AdConnectorOfficeSite",
    fields: [
      { path: "dnsAddresses[]", format: "ip", verb: "signs desktop users in at" },
      { path: "subDomainDnsAddresses[]", format: "ip", verb: "signs desktop users in at" },
      officeSiteCen,
    ],
    fix: "Run the directory on private addresses the stack links to, or on allowlisted ones, and join the office site only to a CEN of this account.",
  },
];

export const remoteSites = viewedPolicy(
  flowPolicy({
    name: "remote-sites",
    description:
      "Checks whether VPN, leased-line and DNS-forwarding links, and the directory, DNS, time and call servers the stack names, reach only sites inside the jurisdiction (private or allowlisted addresses, access points in the jurisdiction).",
    severity: "critical",
    remediationSteps:
      "Terminate VPNs and DNS forwarding only at private or allowlisted addresses, land leased lines at access points inside the jurisdiction, route only the remote site's own networks, and turn SiteLink and client VPN off.",
    models: remoteSiteFlows,
  }),
);
