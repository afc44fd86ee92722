/**
 * Lambda@Edge: a Lambda function a CloudFront distribution associates with one of its cache
 * behaviours' events (`lambdaFunctionAssociations`: viewer request or response, origin request
 * or response) is replicated by CloudFront to its edge locations worldwide and run there, on the
 * requests the distribution handles — their headers, cookies and bodies, `Authorization` too.
 * The function itself names no edge: its own region is US East (N. Virginia), where AWS requires
 * it, so a US stack places it inside, and its internet-egress finding would have it attached to
 * the VPC, which AWS refuses for an edge function. Only the stack tells which function a
 * distribution runs: named-destinations reports the function (policy/named.ts), so that a waiver
 * of the distribution's CDN does not silently cover the code it runs abroad.
 */
import type { PolicyResource } from "@pulumi/policy";
import type { Finding, PolicyContext } from "./framework";
import { resourceLabel } from "./paths/describe";
import { isTrue, isUnknown, plainValue, valuesAt } from "./paths/values";

const functionType = "aws:lambda/function:Function";
const distributionType = "aws:cloudfront/distribution:Distribution";

/** The cache behaviours of a distribution, by the path of their function associations. */
const associations = [
  "defaultCacheBehavior.lambdaFunctionAssociations[]",
  "orderedCacheBehaviors[].lambdaFunctionAssociations[]",
];

/** A function's ARN without its version or alias (`…:function:name:$LATEST` → `…:function:name`). */
function unqualified(arn: string): string {
  return arn.split(":").slice(0, 7).join(":");
}

/** The distributions of each stack's resources, found once per stack, not once per function. */
const distributions = new WeakMap<readonly PolicyResource[], readonly PolicyResource[]>();

function distributionsOf(resources: readonly PolicyResource[]): readonly PolicyResource[] {
  let found = distributions.get(resources);
  if (found === undefined) {
    found = resources.filter((d) => d.type === distributionType);
    distributions.set(resources, found);
  }
  return found;
}

/**
 * The findings on Lambda function `r` where a CloudFront distribution of the stack associates
 * it: one per distribution and event, in named-destinations' words. An association's ARN names
 * the function by equality, without a version or alias. One not known at preview — a new
 * function's ARN, under the Pulumi CLI — names a function the cache behaviours it lies in were
 * built from, if that function publishes versions (`publish: true`): Lambda@Edge takes only a
 * published version, and the dependencies are of the whole behaviour, which also names its
 * origin, so a regional function whose name only builds `targetOriginId` is not one.
 */
export function edgeFunctionFindings(
  r: PolicyResource,
  resources: readonly PolicyResource[],
  ctx: PolicyContext,
): Finding[] {
  if (r.type !== functionType) {
    return [];
  }
  const own = plainValue(r.props) as Record<string, unknown>;
  const arn = typeof own.arn === "string" ? own.arn : undefined;
  const published = isTrue(own.publish);
  const label = resourceLabel(r.type, r.name);
  const j = ctx.jurisdiction;
  const out: Finding[] = [];
  for (const d of distributionsOf(resources)) {
    const props = plainValue(d.props);
    const builtFrom = (key: string) =>
      published && (d.propertyDependencies[key] ?? []).some((dep) => dep.urn === r.urn);
    for (const path of associations) {
      for (const { path: at, holder } of valuesAt(props, `${path}.lambdaArn`)) {
        const association = holder as Record<string, unknown> | undefined;
        const value = association?.lambdaArn;
        const names =
          typeof value === "string"
            ? arn !== undefined && unqualified(value) === unqualified(arn)
            : isUnknown(value) && builtFrom(path.split(".")[0].replace(/\[\]$/, ""));
        if (!names) {
          continue;
        }
        const event = typeof association?.eventType === "string" ? association.eventType : "an";
        const distribution = resourceLabel(d.type, d.name);
        out.push({
          message: `${label} must run only inside ${j.id}, but ${distribution} associates it with its ${event} event (${at.replace(/\.lambdaArn$/, "")}): CloudFront replicates a Lambda@Edge function to its edge locations worldwide and runs it there on the requests it handles, outside ${j.id}. Do the function's work in the region, behind the distribution's origin, or remove the association.`,
          path: [label, `${distribution} at CloudFront edge locations outside the jurisdiction`],
        });
      }
    }
  }
  return out;
}
