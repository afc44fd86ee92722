/**
 * Fail closed on what the pack does not know: a resource type nobody has reviewed against the
 * data-path inventory may move data anywhere, so it is a violation until it is reviewed (added
 * to policy/reviewed.ts) or consciously allowed for one stack (`allowTypes`).
 */
import { resourceLabel } from "../residency/placement";
import { residencyResourcePolicy } from "./framework";
import { reviewedTypes } from "./reviewed";

export const reviewedResourceTypes = residencyResourcePolicy({
  name: "reviewed-resource-types",
  description:
    "Checks whether every resource type in the stack has been reviewed for cross-border data paths (policy/reviewed.ts, or this policy's allowTypes).",
  severity: "high",
  remediationSteps:
    "Review the type against the data-path inventory and add it to policy/reviewed.ts (with a flow model if it can move data), or list it under `allowTypes` in this policy's config once reviewed for this stack.",
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
    if (reviewedTypes.has(args.type) || allowed.includes(args.type)) {
      return;
    }
    ctx.report({
      message: `${resourceLabel(args.type, args.name)} must be of a type the residency pack has reviewed, but ${args.type} is not in policy/reviewed.ts, so the pack cannot tell whether it moves data across the border. Review the type and add it there (with a flow model if it can move data), or list it under allowTypes in the reviewed-resource-types config after review.`,
    });
  },
});
