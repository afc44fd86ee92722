/** The review of the aws provider's types: its two halves by service name, merged. */
import { review as ak } from "./aws-a-k";
import { review as lz } from "./aws-l-z";
import type { ProviderReview } from "./model";

export const review: ProviderReview = {
  properties: [...ak.properties, ...lz.properties],
  types: [...ak.types, ...lz.types],
  reviewFirst: [...ak.reviewFirst, ...lz.reviewFirst],
};
