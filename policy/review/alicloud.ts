/**
 * The review of the alicloud provider's resource types that no flow table models: which check reads
 * each place-naming input property, and the types classed as a whole (policy/review/model.ts).
 */
import type { ProviderReview } from "./model";

export const review: ProviderReview = {
  properties: [],
  types: [],
  reviewFirst: [],
};
