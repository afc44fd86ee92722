/**
 * The sovereign-dc program: validates the stack's config, then builds the sealed data center on
 * the cloud the spec names. Config is validated first, so a bad value registers no resource.
 */
import { loadStackSpec } from "../residency/config";
import { buildStack } from "./build";

export = buildStack(loadStackSpec());
