/**
 * Policies about the pack's own configuration: a stack checked without a jurisdiction, or with
 * a waiver that has lapsed or gives no reason, fails — the pack never passes by default.
 */
import { residencyStackPolicy, waiverProblem } from "./framework";

export const residencyConfigured = residencyStackPolicy({
  name: "residency-configured",
  description: "Checks whether the pack knows which jurisdiction the stack must stay in.",
  severity: "critical",
  remediationSteps:
    "Set `jurisdiction` in the policy pack config (sovereign-dc policy-config --stack <stack> writes it).",
  withoutJurisdiction: true,
  readsNoResources: true,
  validate: (_args, ctx) => {
    if (ctx.settings.jurisdiction === undefined) {
      ctx.report({
        message:
          "The policy pack must be configured with the stack's jurisdiction. Pass --policy-pack-config with a `jurisdiction` for every policy (sovereign-dc policy-config --stack <stack> writes the file).",
      });
    }
  },
});

export const residencyWaivers = residencyStackPolicy({
  name: "residency-waivers",
  description: "Checks whether every waiver names a reason and has not expired.",
  severity: "high",
  remediationSteps: "Renew the waiver with a new expiry date and a reason, or remove it.",
  withoutJurisdiction: true,
  readsNoResources: true,
  validate: (_args, ctx) => {
    for (const w of ctx.settings.waivers) {
      const problem = waiverProblem(w);
      if (problem !== undefined) {
        ctx.report({
          message: `Waiver of policy ${JSON.stringify(w.policy)} for resource ${JSON.stringify(
            w.resource,
          )} must have a reason and an expiry in the future, but ${problem}. Renew it or remove it.`,
        });
      }
    }
  },
});
