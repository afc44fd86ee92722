/**
 * Storage and key paths through the real policy pack: replication to another region, and a
 * bucket encrypted by a key created through a foreign provider. Each crossing fixture must fail
 * with the whole path; its twin must pass.
 */
import type { PolicyPackSession } from "../../engine/analyzer";
import type { Plan } from "../../engine/plan";
import { borderViolations, evaluateFixtures, policy, startPack } from "./pack";

let session: PolicyPackSession;
let plans: Record<string, { crossing: Plan; sealed: Plan }>;

beforeAll(async () => {
  [session, plans] = await Promise.all([
    startPack(),
    evaluateFixtures(["replication", "foreign-key"]),
  ]);
}, 180_000);

afterAll(() => session?.close());

test("replication to oss-cn-hongkong fails with the replication named", async () => {
  const violations = await borderViolations(session, plans.replication.crossing);
  expect(violations.map((v) => [v.resourceType, v.resourceName, v.level, v.path])).toEqual([
    [
      "alicloud:oss/bucket:Bucket",
      "telemetry",
      "mandatory",
      ['oss bucket "telemetry"', 'replication "telemetry-dr"', "oss-cn-hongkong (outside CN)"],
    ],
  ]);
  expect(violations[0].message).toBe(
    'oss bucket "telemetry" must not be able to send data outside CN, but it reaches oss-cn-hongkong (outside CN) in 1 hop; it crosses the border at replication "telemetry-dr". Replicate only to a bucket or region inside CN, or remove the replication.',
  );
  expect(violations[0].policy).toBe(policy);
});

test("replication to oss-cn-beijing passes", async () => {
  expect(await borderViolations(session, plans.replication.sealed)).toEqual([]);
});

test("a key under a foreign provider fails for the bucket it encrypts and for itself", async () => {
  const violations = (await borderViolations(session, plans["foreign-key"].crossing)).sort((a, b) =>
    String(a.resourceName).localeCompare(String(b.resourceName)),
  );
  expect(violations.map((v) => [v.resourceType, v.resourceName, v.level, v.path])).toEqual([
    [
      "alicloud:oss/bucket:Bucket",
      "records",
      "mandatory",
      [
        'oss bucket "records"',
        'encrypted by "records-encryption"',
        'kms key "records-key"',
        "placed in",
        "cn-hongkong (outside CN)",
      ],
    ],
    [
      "alicloud:kms/key:Key",
      "records-key",
      "mandatory",
      ['kms key "records-key"', "placed in", "cn-hongkong (outside CN)"],
    ],
  ]);
  expect(violations[0].message).toContain(
    'it crosses the border at encrypted by "records-encryption". Encrypt with a key created through a provider pinned to a region inside CN.',
  );
  expect(violations[1].message).toContain(
    "Create it through a provider pinned to a region inside CN.",
  );
});

test("a key under another in-country provider passes", async () => {
  expect(await borderViolations(session, plans["foreign-key"].sealed)).toEqual([]);
});
