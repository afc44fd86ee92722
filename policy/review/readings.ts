/**
 * The reviewed reading of a property: what `sovereign-dc coverage` reports for it and what the
 * pack acts on (arn-locality leaves a value alone where the reading is "not-a-place"). One
 * lookup, so the report and the verdict cannot disagree.
 */
import { review as alicloud } from "./alicloud";
import { review as aws } from "./aws";
import { dockerBuildReview, dockerReview } from "./docker";
import { flowReadings } from "./flow";
import { review as kubernetes } from "./kubernetes";
import { mysql, postgresql } from "./database-servers";
import type { PropertyReview, ProviderReview } from "./model";

export const reviews: Readonly<Record<string, ProviderReview>> = {
  alicloud,
  aws,
  kubernetes,
  docker: dockerReview,
  "docker-build": dockerBuildReview,
  postgresql,
  mysql,
};

/**
 * The rule that reads `path` of `type`: its provider's review first, then — for a type the flow
 * tables model — the flow readings (./flow), which say why its other inputs are no paths.
 */
export function reviewedReading(
  type: string,
  path: string,
  review: ProviderReview | undefined,
  flowModelled: boolean,
): PropertyReview | undefined {
  const matches = (p: PropertyReview) =>
    p.path.test(path) && (p.types === undefined || p.types.test(type));
  return (
    review?.properties.find(matches) ?? (flowModelled ? flowReadings.find(matches) : undefined)
  );
}
