/**
 * The readings of the place-naming inputs of flow-modelled types that no flow field reads: each
 * reviewed as naming no place, or only the resource's own, or as read by another check. The flow
 * tables model a type's paths out; these say why its other place-like inputs are not among them.
 * Applied to flow-modelled types only (policy/review/index.ts `classify`); what none of them
 * reads is a known gap, listed in test/policy/flow-places.test.ts.
 */
import type { PropertyReview } from "../model";
import { readings as accountsDocuments } from "./accounts-documents";
import { readings as alicloudEndpoints1 } from "./alicloud-endpoints-1";
import { readings as alicloudEndpoints2 } from "./alicloud-endpoints-2";
import { readings as awsEndpoints } from "./aws-endpoints";
import { readings as networksBuckets } from "./networks-buckets";
import { readings as judgedElsewhere } from "./judged-elsewhere";
import { readings as peers } from "./peers";

export const flowReadings: readonly PropertyReview[] = [
  ...accountsDocuments,
  ...alicloudEndpoints1,
  ...alicloudEndpoints2,
  ...awsEndpoints,
  ...networksBuckets,
  ...peers,
  ...judgedElsewhere,
];
