/**
 * Findings a first preview defers to pulumi up (`--first-preview`): one of a policy at the
 * mandatory level leaves its resource without a verdict (exit 2, unless a mandatory violation
 * stands: exit 1); one of a policy at the advisory level decides nothing whatever the value is,
 * so it is a plain advisory finding and the verdict stands.
 */
import { deferredAtTheirLevel, levelIn, packConfigFor, type Violation } from "../../engine/check";
import { deferredResources, exitCodeOf } from "../../cli/run";

const config = packConfigFor({ jurisdiction: "US", egressAllowlist: [], waivers: [] });
const strict = packConfigFor({
  jurisdiction: "US",
  egressAllowlist: [],
  waivers: [],
  posture: "strict",
});

const deferred = (policy: string, name: string): Violation => ({
  policy,
  level: "advisory",
  resourceType: "aws:iam/role:Role",
  resourceName: name,
  message: "… is not known at preview …",
  path: null,
  urn: `urn:pulumi:dev::p::aws:iam/role:Role::${name}`,
  deferred: true,
});

test("a policy's level is its config entry's, else the pack's default", () => {
  expect(levelIn(config, "public-exposure")).toBe("mandatory");
  expect(levelIn(config, "cross-account-links")).toBe("advisory");
  expect(levelIn(strict, "cross-account-links")).toBe("mandatory");
  expect(levelIn({ "public-exposure": { enforcementLevel: "advisory" } }, "public-exposure")).toBe(
    "advisory",
  );
});

test("a deferred finding of a mandatory policy leaves its resource without a verdict: exit 2", () => {
  const found = deferredAtTheirLevel([deferred("public-exposure", "site")], config);
  expect(exitCodeOf(found)).toBe(2);
  expect(deferredResources(found)).toEqual(['aws:iam/role:Role "site"']);
});

test("one of an advisory policy is a plain advisory finding: the verdict stands, exit 0", () => {
  const found = deferredAtTheirLevel([deferred("cross-account-links", "irsa")], config);
  expect(found.map((v) => v.deferred)).toEqual([undefined]);
  expect(exitCodeOf(found)).toBe(0);
  // The same on a strict stack, where the policy is mandatory, waits for pulumi up.
  expect(exitCodeOf(deferredAtTheirLevel([deferred("cross-account-links", "irsa")], strict))).toBe(
    2,
  );
});

test("a mandatory violation beside a deferred finding is a verdict: exit 1", () => {
  const violation: Violation = { ...deferred("egress-rules", "sg"), level: "mandatory" };
  delete (violation as { deferred?: true }).deferred;
  expect(
    exitCodeOf([violation, ...deferredAtTheirLevel([deferred("public-exposure", "site")], config)]),
  ).toBe(1);
});
