/**
 * Reads the stack spec from the running Pulumi program's config. Works the same under
 * `pulumi up` (config comes from the CLI) and under the offline engine (config comes from
 * `Pulumi.<stack>.yaml`, loaded into the runtime's config store before the program runs).
 */
import * as pulumi from "@pulumi/pulumi";
import { parseStackSpec, type StackSpec } from "./spec";

/** Validates the current stack's config; throws StackSpecError before any resource exists. */
export function loadStackSpec(): StackSpec {
  return parseStackSpec(pulumi.runtime.allConfig(), pulumi.getStack(), pulumi.getProject());
}
