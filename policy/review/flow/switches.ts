import type { PropertyReview } from "../model";

/** Switches of flow-modelled types whose opening another field of the row already judges. */
export const readings: readonly PropertyReview[] = [
  {
    path: /^enablePublic$/,
    types: /^alicloud:kvstore\/instance:/,
    reading: "public-exposure",
    reason:
      "turns the instance's public endpoint on: public-exposure judges the instance's whitelist (securityIps) whether the endpoint is on or not, so a whitelist that admits the internet fails either way and a private one keeps the public endpoint closed to it",
  },
];
