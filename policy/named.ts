/**
 * Name resolution: a destination given as another resource's name — a bucket, an SLS project,
 * a global cluster — lies where that resource lies. The flow policies leave such values to this
 * stack policy, the one place that sees every resource of the program at once (policy/paths/named.ts
 * resolves the `ref` fields of the domain tables).
 */
import { namedDestinationsPolicy } from "./paths/named";
import { edgeFunctionFindings } from "./edge-functions";
import { scriptBucketFindings } from "./placement";

export const namedDestinations = namedDestinationsPolicy({
  name: "named-destinations",
  description:
    "Checks whether every destination named by another resource's name (buckets, SLS projects, global clusters, S3 ARNs without a region, the bucket a script the compute runs copies to when its line names no region or endpoint for it) resolves to a resource of this program placed inside the jurisdiction, whether every ARN a resource names that is not known at preview comes from a resource of this program, where a database or Docker provider whose host is not known at preview connects: to the database or machine of this program its host was computed from, whether each host name an Istio route, tunnel or egress proxy names that the pack cannot place is one a ServiceEntry of the same cluster adds to the mesh, and whether a CloudFront distribution, plain or multi-tenant, runs a function of the program at its edge locations (a Lambda@Edge function or a CloudFront Function).",
  severity: "critical",
  readers: [scriptBucketFindings, edgeFunctionFindings],
  remediationSteps:
    "Create the destination (bucket, project, global cluster) in this program through a provider pinned inside the jurisdiction, and refer to it by its output; a name the program does not create cannot be checked.",
});
