/**
 * The offline engine sends a policy that judges the configuration alone disabled when its config
 * gives it nothing to report — and only then: a missing jurisdiction or a lapsed waiver still
 * reaches the runtime, which reports it as under the Pulumi CLI.
 */
import type { PolicyResource, StackValidationArgs } from "@pulumi/policy";
import { packConfigFor } from "../../engine/check";
import { withIdlePoliciesOff } from "../../engine/idle-policies";
import { residencyConfigured, residencyWaivers } from "../../policy/configuration";
import { reportsOnConfig, residencyStackPolicy } from "../../policy/framework";
import { policyNames } from "../../policy/names";
import { noPathOutOfJurisdiction } from "../../policy/paths/no-path";

const valid = {
  policy: "storage-replication",
  resource: "telemetry-replication",
  reason: "export approved (ref. 2025-117)",
  expires: "2099-12-31",
};
const lapsed = { ...valid, expires: "2020-01-01" };

const levels = (config: ReturnType<typeof withIdlePoliciesOff>) =>
  Object.fromEntries(
    Object.entries(config)
      .filter(([, c]) => c.enforcementLevel !== undefined)
      .map(([name, c]) => [name, c.enforcementLevel]),
  );

test("a configured jurisdiction and valid waivers leave both configuration policies idle", () => {
  const config = packConfigFor({ jurisdiction: "CN", egressAllowlist: [], waivers: [valid] });
  const sent = withIdlePoliciesOff(config);
  expect(levels(sent)).toEqual({
    ...levels(config),
    "residency-configured": "disabled",
    "residency-waivers": "disabled",
  });
  // Nothing else changes: every policy keeps its settings, and the input is not modified.
  for (const name of policyNames) {
    expect({ ...sent[name], enforcementLevel: undefined }).toEqual({
      ...config[name],
      enforcementLevel: undefined,
    });
  }
  expect(config["residency-configured"].enforcementLevel).toBeUndefined();
});

test("no jurisdiction: residency-configured runs (it fails the stack)", () => {
  const sent = withIdlePoliciesOff(packConfigFor({ egressAllowlist: [], waivers: [] }));
  expect(sent["residency-configured"].enforcementLevel).toBeUndefined();
  expect(sent["residency-waivers"].enforcementLevel).toBe("disabled");
});

test("a lapsed waiver or one without a reason: residency-waivers runs (it reports the waiver)", () => {
  for (const w of [lapsed, { ...valid, reason: " " }]) {
    const sent = withIdlePoliciesOff(
      packConfigFor({ jurisdiction: "CN", egressAllowlist: [], waivers: [valid, w] }),
    );
    expect(sent["residency-waivers"].enforcementLevel).toBeUndefined();
    expect(sent["residency-configured"].enforcementLevel).toBe("disabled");
  }
});

test("a level the user set is kept: advisory stays advisory, disabled stays disabled", () => {
  const base = packConfigFor({ egressAllowlist: [], waivers: [lapsed] });
  const sent = withIdlePoliciesOff({
    ...base,
    "residency-configured": { ...base["residency-configured"], enforcementLevel: "advisory" },
    "residency-waivers": { ...base["residency-waivers"], enforcementLevel: "disabled" },
  });
  expect(sent["residency-configured"].enforcementLevel).toBe("advisory");
  expect(sent["residency-waivers"].enforcementLevel).toBe("disabled");
});

test("only a policy that reads no resources can be judged on its config", () => {
  expect(reportsOnConfig(residencyConfigured, {})).toBe(true);
  expect(reportsOnConfig(residencyConfigured, { jurisdiction: "CN" })).toBe(false);
  expect(reportsOnConfig(residencyWaivers, { jurisdiction: "CN", waivers: [lapsed] })).toBe(true);
  expect(reportsOnConfig(noPathOutOfJurisdiction, { jurisdiction: "CN" })).toBeUndefined();
});

test("a policy that reads no resources is handed none, whatever the stack holds", () => {
  const seen: number[] = [];
  const policy = residencyStackPolicy({
    name: "config-only-probe",
    description: "Checks whether the probe sees resources.",
    severity: "low",
    remediationSteps: "None.",
    withoutJurisdiction: true,
    readsNoResources: true,
    validate: (args) => {
      seen.push(args.resources.length);
    },
  });
  const resource = { type: "alicloud:oss/bucket:Bucket", name: "b", urn: "urn:b" };
  const args: StackValidationArgs = {
    resources: [resource as unknown as PolicyResource],
    getConfig: <T extends object>() => ({}) as T,
    stackTags: new Map(),
    notApplicable: () => {
      throw new Error("not applicable");
    },
  };
  void policy.validateStack(args, () => undefined);
  expect(seen).toEqual([0]);
});
