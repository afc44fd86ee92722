/**
 * Findings a first preview defers to pulumi up (`--first-preview`): one of a policy at the
 * mandatory level leaves its resource without a verdict (exit 2, unless a mandatory violation
 * stands: exit 1); one of a policy at the advisory level decides nothing whatever the value is,
 * so it is a plain advisory finding and the verdict stands.
 */
import {
  deferredAtTheirLevel,
  levelIn,
  packConfigFor,
  toViolations,
  type Violation,
} from "../../engine/check";
import type { Plan } from "../../engine/plan";
import { judgedAtUpdate } from "../../policy/framework";
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

describe("the runtime's note on a policy it skipped at preview", () => {
  const urn = "urn:pulumi:dev::p::aws:s3/bucketPolicy:BucketPolicy::site-policy";
  const plan = {
    resources: [{ urn, type: "aws:s3/bucketPolicy:BucketPolicy", name: "site-policy" }],
  } as unknown as Plan;
  const finding = `s3 bucket policy "site-policy" must not be reachable from the internet, but policy is not known at preview. ${judgedAtUpdate}\npath: the internet → s3 bucket policy "site-policy"`;
  const note = (said: string, level: "advisory" | "mandatory" = "advisory") =>
    toViolations(
      [{ policy: "public-exposure", level, message: said, description: "d", severity: "", urn }],
      plan,
    )[0];

  test("in the pinned runtime's words: the finding, deferred", () => {
    const v = note(
      `can't run policy 'public-exposure' from policy pack 'sovereign-dc-policy@v0.1.0' during preview: ${finding}`,
    );
    expect(v).toMatchObject({
      deferred: true,
      path: ["the internet", 's3 bucket policy "site-policy"'],
    });
    expect(v.message).toMatch(/^s3 bucket policy "site-policy" must not be reachable/);
  });

  test("in other words, by the finding's own start and end: still deferred, never a plain advisory", () => {
    const v = note(
      `policy 'public-exposure' was skipped at preview (${"unknown value"}): ${finding}`,
    );
    expect(v.deferred).toBe(true);
    expect(v.message).toMatch(/^s3 bucket policy "site-policy" must not be reachable/);
  });

  test("a finding that is no deferral, or is reported at its level, is not taken for one", () => {
    expect(note(finding.replace(` ${judgedAtUpdate}`, "")).deferred).toBeUndefined();
    expect(note(`prefix: ${finding}`, "mandatory").deferred).toBeUndefined();
  });
});
