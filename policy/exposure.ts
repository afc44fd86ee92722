/**
 * Public exposure: anything that lets the stack's data be read from anywhere — public bucket
 * ACLs and policies, ingress from any address, databases and load balancers with internet
 * endpoints, images and snapshots shared with everyone, unauthenticated function URLs
 * (shared/research/data-paths.md §3 "Object storage", "Load balancers", "DB public endpoints",
 * "NAT / internet egress" `forwardEntry`; §4 "Object storage", "Load balancers / public
 * endpoints", "Image sharing", "Egress control" ingress rules; §6.6).
 *
 * Exposure is an ingress path: a reader abroad can pull the data through it. A public ACL or
 * policy is a violation even where a public-access block would override it — the declared intent
 * is the problem, and the block may be removed later on its own. The resources and the values
 * that expose them are the `public` and `grants` fields of the domain tables
 * (paths/types/exposure.ts and the rows that join it); this policy is their view.
 */
import { residencyResourcePolicy } from "./framework";
import { publicView } from "./paths/views";

export const publicExposure = residencyResourcePolicy({
  name: "public-exposure",
  description:
    "Checks whether any resource makes the stack's data reachable from the internet: public ACLs and policies, ingress from any address, public database endpoints, internet-facing load balancers, public images and snapshots.",
  severity: "critical",
  remediationSteps:
    "Keep buckets private, bind policies to the VPC or account, admit only private or allowlisted sources, and keep databases and load balancers internal.",
  validate: (args, ctx) => {
    for (const f of publicView(args, ctx)) {
      ctx.report(f);
    }
  },
});
