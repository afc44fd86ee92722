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
 * remote-sites.ts), and these policies are views of the edges the rows give them.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { resourceLabel } from "../residency/placement";
import { residencyResourcePolicy } from "./framework";
import { undecidedDeliveryAccounts } from "./placement";
import { accountGrantFix } from "./paths/types/grants";
import { accountFix } from "./paths/types/network";
import { grantView, resourceView, tablePolicy } from "./paths/views";

export const networkLinks = tablePolicy({
  name: "network-links",
  description:
    "Checks whether network links (CEN, transit routers and gateways, VPC peering, Express Connect routers, PrivateLink, Cloud WAN, accelerator endpoints) connect only places inside the jurisdiction.",
  severity: "critical",
  remediationSteps:
    "Attach, peer and route only to regions inside the jurisdiction; name the far region explicitly where the API allows it to be omitted.",
});

/**
 * Links to networks of another account whose far end lies inside the jurisdiction (its region
 * is judged by `network-links`), and grants of a resource to another account or organisation
 * (rows of the exposure table, policy/paths/types/grants.ts). The data stays where it lies, so
 * this is hardening: advisory, and mandatory only for stacks in strict posture
 * (`sovereign-dc:posture: strict`). The links are the view of the network table's
 * `cross-account-links` fields, worded for a far end inside; the grants are `grantView`'s.
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
      for (const f of grantView(subject, ctx)) {
        ctx.report(f);
      }
      // A delivery whose account cannot be told from the stack's own (no account pinned or
      // declared, under the Pulumi CLI): arn-locality cannot judge it, so declaring is advised.
      for (const f of undecidedDeliveryAccounts(args, ctx)) {
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

export const remoteSites = tablePolicy({
  name: "remote-sites",
  description:
    "Checks whether VPN, leased-line and DNS-forwarding links, the directory, DNS, time and call servers the stack names, the external servers its tasks run on (ECS Anywhere), the source-code repository hosts its builds, pipelines, apps and notebooks clone from, the origins its CDNs forward viewer requests to, and the vendors' services of AWS Marketplace EKS add-ons, reach only sites inside the jurisdiction (private or allowlisted addresses, access points in the jurisdiction, the program's own resources and cloud endpoints inside).",
  severity: "critical",
  remediationSteps:
    "Terminate VPNs and DNS forwarding only at private or allowlisted addresses, land leased lines at access points inside the jurisdiction, route only the remote site's own networks, turn SiteLink and client VPN off, and build from repositories inside the jurisdiction (CodeCommit in a region inside, or a Git server at a private or allowlisted address).",
});
