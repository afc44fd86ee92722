/**
 * The stack policy `no-path-out-of-jurisdiction`: runs the border analysis on every resource of
 * the stack and reports each data store or key that can reach a place outside the jurisdiction,
 * with the whole path hop by hop and a fix for the hop that crosses — unless another policy
 * already reports that crossing (`explainedBy`: a key created abroad is reported once, by
 * `resource-placement`), so one crossing makes one finding.
 */
import { residencyStackPolicy, timedPart } from "../framework";
import { analyzeWithGraph } from "./analyze";
import { edgeText, explainedBy } from "./graph";
import type { BorderPath, EdgeLabel, Side } from "./model";
import { fromPolicyResources } from "./values";

/** What to change, by the kind of the edge that leaves the jurisdiction. */
const fixes: Partial<Record<EdgeLabel, (j: string) => string>> = {
  replication: (j) =>
    `Replicate only to a store (a bucket, a database, a table) in a region inside ${j}, or remove the replication.`,
  "backup copy": (j) =>
    `Copy backups only to regions inside ${j}, or turn the cross-region copy off.`,
  "snapshot copy": (j) =>
    `Copy snapshots only to regions inside ${j}, or turn the cross-region copy off.`,
  "image copy": (j) => `Copy images only between regions inside ${j}.`,
  "image push": (j) => `Push images and build caches only to registries in regions inside ${j}.`,
  "data sync": (j) => `Synchronise only between endpoints in regions inside ${j}.`,
  "key replication": (j) => `Keep the key and its replicas in regions inside ${j}.`,
  "encrypted by": (j) =>
    `Encrypt with a key created through a provider pinned to a region inside ${j}.`,
  "log delivery": (j) =>
    `Deliver logs to a bucket or project of this stack in a region inside ${j}.`,
  "cen attachment": (j) =>
    `Attach only networks in regions inside ${j} to the CEN, or detach the foreign one.`,
  "peer attachment": (j) => `Peer transit routers only with regions inside ${j}.`,
  attachment: (j) => `Connect only networks and endpoints located inside ${j}.`,
  peering: (j) => `Peer only with networks in regions inside ${j}, or remove the peering.`,
  "readable from": () =>
    "Pin access to a network of this stack: a SourceVpc or SourceVpce condition naming a VPC or VPC endpoint the stack creates.",
  "mounted by": (j) =>
    `Mount the volume only on instances, and in workloads of clusters, placed inside ${j}: a Kubernetes workload is placed by the cluster resource its provider's kubeconfig comes from, or by its kubeconfig context declared with a region under sovereign-dc:clusters.`,
  "pod egress": () =>
    "Add a default-deny egress NetworkPolicy to the namespace and allow only allowlisted destinations.",
  "public address": () =>
    "Remove the internet exit (NAT gateway, EIP, internet gateway or public address), or bound egress with security group and network ACL rules that accept only allowlisted destinations and drop 0.0.0.0/0.",
  "public access": () => "Make the bucket private and block public access.",
  "public load balancer": () =>
    "Annotate the Service as internal for its cluster's cloud (service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type: intranet on ACK, service.beta.kubernetes.io/aws-load-balancer-scheme: internal on EKS), or make it ClusterIP.",
  "transfer acceleration": () => "Turn transfer acceleration off; its edge network is global.",
  "placed in": (j) => `Create it through a provider pinned to a region inside ${j}.`,
};

const internetFix = fixes["public address"] as (j: string) => string;

/**
 * The edge a path leaves at, as a message names it: `replication "dr"` by the resource that makes
 * it, else the edge by its label (`the edge "encrypted by"`), which alone reads as no place.
 */
function crossingText(e: BorderPath["crossing"]): string {
  return e.via ? edgeText(e) : `the edge "${e.label}"${e.detail ? ` (${e.detail})` : ""}`;
}

/**
 * The violation message for one path: "X must Y." plus the fix. `sideOf` tells where a node of
 * the path lies, so that a path that goes on through a node that cannot be placed (a workload of
 * a cluster the pack cannot place) says so instead of calling it abroad.
 */
export function pathMessage(
  p: BorderPath,
  jurisdiction: string,
  sideOf?: (node: string) => Side | undefined,
): string {
  const hops = p.edges.length;
  const fix = (fixes[p.crossing.label] ?? internetFix)(jurisdiction);
  // The node the crossing leads into, when the path goes on beyond it (`mounted by`, into a
  // workload of a cluster that is not inside): hops read node, edge, node, …
  const at = p.edges.indexOf(p.crossing);
  const into = at >= 0 && at < p.edges.length - 1 ? p.hops[2 * at + 2] : undefined;
  const where =
    p.crossing.label === "placed in"
      ? ""
      : into === undefined
        ? `; it crosses the border at ${crossingText(p.crossing)}`
        : sideOf?.(p.nodes[at + 1]) === "unknown"
          ? `; it leaves what the pack can place at ${into} (${edgeText(p.crossing)}), which cannot be placed`
          : `; it crosses the border into ${into} (${edgeText(p.crossing)})`;
  // Another account's resource (`x.accountPlace`): its holder can send the data on anywhere.
  const account = p.exit.id.startsWith("place:account:");
  const unknownEnd =
    p.exit.side === "unknown"
      ? account
        ? " The far end is another account's, whose holder can send the data anywhere, and what cannot be placed fails closed: deliver to a resource of the stack's own account (if that account is the stack's own, declare it as sovereign-dc:accountId, or pin the provider's allowedAccountIds)."
        : " The far end cannot be placed, and what cannot be placed fails closed: reference a resource of this stack or a region the analysis can check."
      : "";
  return (
    `${p.source.label} must not be able to send data outside ${jurisdiction}, but it reaches ` +
    `${p.exit.label} in ${hops} ${hops === 1 ? "hop" : "hops"}${where}. ${fix}${unknownEnd}`
  );
}

export const noPathOutOfJurisdiction = residencyStackPolicy({
  name: "no-path-out-of-jurisdiction",
  description:
    "Checks whether any data store or key of the stack can reach a place outside its jurisdiction, across any number of hops.",
  severity: "critical",
  remediationSteps:
    "Follow the reported path and cut it at the hop that crosses the border: point replication, backups, peering and attachments at regions inside the jurisdiction, remove internet exits or bound egress to the allowlist, and use keys of the stack's own region.",
  validate: (args, ctx) => {
    const { graph, analysis } = timedPart("the graph", () =>
      analyzeWithGraph(fromPolicyResources(args.resources), ctx.jurisdiction, ctx.settings),
    );
    const sides = new Map(analysis.nodes.map((n) => [n.id, n.side]));
    for (const p of analysis.paths) {
      if (explainedBy(p, graph) !== undefined) {
        continue;
      }
      ctx.report({
        message: pathMessage(p, ctx.jurisdiction.id, (id) => sides.get(id)),
        path: p.hops,
        urn: p.source.resource?.urn,
        resourceName: p.source.resource?.name,
      });
    }
  },
});
