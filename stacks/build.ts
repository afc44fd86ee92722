/** Picks the cloud from the spec and assembles its sealed components. */
import type { StackSpec } from "../residency/spec";
import { buildAlicloudStack } from "./alicloud";
import { buildAwsStack } from "./aws";

export function buildStack(spec: StackSpec) {
  switch (spec.cloud) {
    case "alicloud":
      return buildAlicloudStack(spec);
    case "aws":
      return buildAwsStack(spec);
  }
}
