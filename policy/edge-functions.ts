/**
 * Code CloudFront runs at its edge locations: a Lambda function a distribution associates with
 * one of its cache behaviours' events (`lambdaFunctionAssociations`: viewer request or response,
 * origin request or response — Lambda@Edge) is replicated by CloudFront to its edge locations
 * worldwide and run there, on the requests the distribution handles — their headers, cookies and
 * bodies, `Authorization` too; a CloudFront Function it associates (`functionAssociations`: viewer
 * request or response) runs at every edge location on the same requests. The function itself names
 * no edge: a Lambda@Edge function's own region is US East (N. Virginia), where AWS requires it, so
 * a US stack places it inside, and its internet-egress finding would have it attached to the VPC,
 * which AWS refuses for an edge function; a CloudFront Function is global and names no region at
 * all. Only the stack tells which function a distribution runs, a plain or a multi-tenant one:
 * named-destinations reports the function (policy/named.ts), so that a waiver of the
 * distribution's CDN does not silently cover the code it runs abroad.
 */
import type { PolicyResource } from "@pulumi/policy";
import type { Finding, PolicyContext } from "./framework";
import { resourceLabel } from "./paths/describe";
import { isTrue, isUnknown, plainValue, valuesAt } from "./paths/values";

/** What kind of code a distribution runs at the edge, and how an association names it. */
interface EdgeCode {
  /** The association list of a cache behaviour. */
  readonly list: string;
  /**
   * Whether the function can be associated at all: Lambda@Edge takes only a published version
   * (`publish: true`, off by default), a CloudFront Function only its published, LIVE stage
   * (`publish`, on by default).
   */
  readonly published: (props: Record<string, unknown>) => boolean;
  /** How the finding says what CloudFront does with it. */
  readonly runs: string;
}

const edgeCode: Readonly<Record<string, EdgeCode>> = {
  "aws:lambda/function:Function": {
    list: "lambdaFunctionAssociations",
    published: (props) => isTrue(props.publish),
    runs: "CloudFront replicates a Lambda@Edge function to its edge locations worldwide and runs it there on the requests it handles",
  },
  "aws:cloudfront/function:Function": {
    list: "functionAssociations",
    published: (props) => props.publish !== false && props.publish !== "false",
    runs: "CloudFront runs a CloudFront Function at its edge locations worldwide on the viewer requests and responses it handles",
  },
};

/**
 * The distributions whose cache behaviours associate functions: where their behaviours lie, and
 * the field of each association list that holds the function's ARN.
 */
const distributionTypes: Readonly<
  Record<string, { readonly behaviours: readonly string[]; readonly arn: Record<string, string> }>
> = {
  "aws:cloudfront/distribution:Distribution": {
    behaviours: ["defaultCacheBehavior", "orderedCacheBehaviors[]"],
    arn: { lambdaFunctionAssociations: "lambdaArn", functionAssociations: "functionArn" },
  },
  "aws:cloudfront/multitenantDistribution:MultitenantDistribution": {
    behaviours: ["defaultCacheBehavior", "cacheBehaviors[]"],
    arn: { lambdaFunctionAssociations: "lambdaFunctionArn", functionAssociations: "functionArn" },
  },
};

/**
 * A function's ARN without its version or alias (`…:function:name:$LATEST` → `…:function:name`);
 * a CloudFront Function's (`arn:aws:cloudfront::…:function/name`) has neither.
 */
function unqualified(arn: string): string {
  return arn.split(":").slice(0, 7).join(":");
}

/** The distributions of each stack's resources, found once per stack, not once per function. */
const distributions = new WeakMap<readonly PolicyResource[], readonly PolicyResource[]>();

function distributionsOf(resources: readonly PolicyResource[]): readonly PolicyResource[] {
  let found = distributions.get(resources);
  if (found === undefined) {
    found = resources.filter((d) => d.type in distributionTypes);
    distributions.set(resources, found);
  }
  return found;
}

/**
 * The findings on function `r` (a Lambda function or a CloudFront Function) where a CloudFront
 * distribution of the stack associates it: one per distribution and event, in
 * named-destinations' words. An association's ARN names the function by equality, without a
 * version or alias. One not known at preview — a new function's ARN, under the Pulumi CLI —
 * names a function the cache behaviours it lies in were built from, if that function can be
 * associated at all (published): the dependencies are of the whole behaviour, which also names
 * its origin, so a regional function whose name only builds `targetOriginId` is not one.
 */
export function edgeFunctionFindings(
  r: PolicyResource,
  resources: readonly PolicyResource[],
  ctx: PolicyContext,
): Finding[] {
  const code = edgeCode[r.type];
  if (code === undefined) {
    return [];
  }
  const own = plainValue(r.props) as Record<string, unknown>;
  const arn = typeof own.arn === "string" ? own.arn : undefined;
  const published = code.published(own);
  const label = resourceLabel(r.type, r.name);
  const j = ctx.jurisdiction;
  const out: Finding[] = [];
  for (const d of distributionsOf(resources)) {
    const props = plainValue(d.props);
    const { behaviours, arn: field } = distributionTypes[d.type];
    const arnField = field[code.list];
    const builtFrom = (key: string) =>
      published && (d.propertyDependencies[key] ?? []).some((dep) => dep.urn === r.urn);
    // One finding per distribution, naming each association: a function a site's every
    // behaviour runs is one path out, not one per behaviour.
    const events = new Set<string>();
    const where: string[] = [];
    for (const behaviour of behaviours) {
      const path = `${behaviour}.${code.list}[]`;
      for (const { path: at, holder } of valuesAt(props, `${path}.${arnField}`)) {
        const association = holder as Record<string, unknown> | undefined;
        const value = association?.[arnField];
        const names =
          typeof value === "string"
            ? arn !== undefined && unqualified(value) === unqualified(arn)
            : isUnknown(value) && builtFrom(behaviour.replace(/\[\]$/, ""));
        if (!names) {
          continue;
        }
        events.add(typeof association?.eventType === "string" ? association.eventType : "an");
        where.push(at.slice(0, -arnField.length - 1));
      }
    }
    if (where.length === 0) {
      continue;
    }
    const distribution = resourceLabel(d.type, d.name);
    const event = [...events].join(" and ");
    out.push({
      message: `${label} must run only inside ${j.id}, but ${distribution} associates it with its ${event} ${events.size > 1 ? "events" : "event"} (${where.join(", ")}): ${code.runs}, outside ${j.id}. Do the function's work in the region, behind the distribution's origin, or remove the association.`,
      path: [label, `${distribution} at CloudFront edge locations outside the jurisdiction`],
    });
  }
  return out;
}
