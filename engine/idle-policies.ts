/**
 * The pack config as the offline engine sends it. `@pulumi/policy` converts every resource of
 * the stack once for each stack policy it runs — at 2,000 resources some 15 ms a policy, on the
 * stack's critical path. Two of the pack's stack policies judge the configuration alone
 * (`residency-configured`, `residency-waivers`: `readsNoResources`); their findings follow from
 * their config, which the engine holds before the program runs. A policy of that kind that would
 * report nothing under its config is sent disabled, so the runtime skips it; one that would
 * report runs in the runtime as under the Pulumi CLI, which reports it. The verdict is the
 * same either way; `policy-config` writes the config unchanged, and the Pulumi CLI runs them all.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { residencyConfigured, residencyWaivers } from "../policy/configuration";
import { reportsOnConfig } from "../policy/framework";
import type { PolicyPackConfig } from "./analyzer";

const configOnlyPolicies: readonly StackValidationPolicy[] = [
  residencyConfigured,
  residencyWaivers,
];

/** `config` with each policy that judges the configuration alone and finds nothing disabled. */
export function withIdlePoliciesOff(config: PolicyPackConfig): PolicyPackConfig {
  const out: Record<string, Readonly<Record<string, unknown>>> = { ...config };
  for (const policy of configOnlyPolicies) {
    const own = config[policy.name];
    if (own === undefined || own.enforcementLevel === "disabled") {
      continue;
    }
    if (reportsOnConfig(policy, own) === false) {
      out[policy.name] = { ...own, enforcementLevel: "disabled" };
    }
  }
  return out;
}
