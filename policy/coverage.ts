/**
 * Fail closed on what the pack does not know. A type passes when the pack knows it as reviewed
 * or flow-modelled (policy/reviewed.ts), when the pack's list (policy/review/classes.json,
 * generated from the inventory of the installed SDKs and the reviews in policy/review/) classes
 * it regional, inert or a reviewed exception, or when one stack allows it (`allowTypes`). An
 * unclassified type may move data anywhere: it is a violation that says why it is unclassified.
 */
import { resourceLabel, stateOnlyPackages } from "../residency/placement";
import { residencyResourcePolicy } from "./framework";
import { classesDocument, type ListedType, listedTypes } from "./review/listed";
import { reviewedTypes } from "./reviewed";

/** The list by type token, read once per process, on the first type the pack does not review. */
let listed: ReadonlyMap<string, ListedType> | undefined;

const sdkVersions = () =>
  Object.entries(classesDocument.sdks)
    .map(([p, v]) => `@pulumi/${p} ${v}`)
    .join(", ");

export const reviewedResourceTypes = residencyResourcePolicy({
  name: "reviewed-resource-types",
  description:
    "Checks whether every resource type in the stack has been classified for cross-border data paths: reviewed or flow-modelled (policy/reviewed.ts), classed regional, inert or a reviewed exception (policy/review/classes.json), or allowed by this policy's allowTypes.",
  severity: "high",
  remediationSteps:
    "Run `sovereign-dc coverage --type <token>` to see why the type is unclassified; classify it in policy/review/ (a reading of each place-naming property, or a class for the type with its reason) or model its paths in a flow table, then `npm run inventory`; or list it under `allowTypes` in this policy's config once reviewed for this stack.",
  configProperties: {
    allowTypes: {
      type: "array",
      items: { type: "string" },
      default: [],
      description: "Type tokens accepted for this stack in addition to the reviewed set.",
    },
  },
  validate: (args, ctx) => {
    if (args.type.startsWith("pulumi:providers:") || !args.provider) {
      // Providers are placed by resource-placement; component resources hold nothing.
      return;
    }
    const allowed = Array.isArray(ctx.config.allowTypes) ? ctx.config.allowTypes : [];
    if (
      reviewedTypes.has(args.type) ||
      allowed.includes(args.type) ||
      stateOnlyPackages.includes(args.type.split(":")[0])
    ) {
      return;
    }
    listed ??= listedTypes();
    const message = unclassifiedMessage(args.type, args.name, listed, sdkVersions());
    if (message !== undefined) {
      // Where such a resource sends data is unknown: the far end of its path cannot be placed.
      ctx.report({ message, path: unclassifiedPath(args.type, args.name) });
    }
  },
});

/** The path of an unclassified resource's finding: from it to a place nobody can name. */
export function unclassifiedPath(type: string, name: string): string[] {
  return [
    resourceLabel(type, name),
    `${type} (unclassified: where it sends data cannot be placed)`,
  ];
}

/**
 * Why a type that is neither reviewed nor allowed fails, given the pack's list (`listed`) and
 * the SDK versions it was made at; undefined when the list classes the type (it passes).
 */
export function unclassifiedMessage(
  type: string,
  name: string,
  listed: ReadonlyMap<string, ListedType>,
  sdks: string,
): string | undefined {
  const entry = listed.get(type);
  if (entry !== undefined && entry.class !== "unclassified") {
    return undefined;
  }
  const label = resourceLabel(type, name);
  if (entry === undefined) {
    return `${label} must be of a type the residency pack has classified, but ${type} is neither a resource type of the installed SDKs the pack classifies (${sdks}) nor in policy/reviewed.ts, so the pack cannot tell whether it moves data across the border. Review the type and add it to policy/reviewed.ts (with a flow model if it can move data), or list it under allowTypes in the reviewed-resource-types config after review.`;
  }
  return `${label} must be of a type the residency pack has classified, but ${type} is unclassified: ${entry.reason}, so the pack cannot tell whether it moves data across the border. See \`sovereign-dc coverage --type ${type}\`; classify the type in policy/review/ (or model its paths) and run \`npm run inventory\`, or list it under allowTypes in the reviewed-resource-types config after review.`;
}
