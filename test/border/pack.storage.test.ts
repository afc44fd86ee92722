/**
 * Storage and key paths through the real policy pack: replication to another region, and a
 * bucket encrypted by a key created through a foreign provider. Each crossing fixture must fail
 * with the whole path; its twin must pass. Every finding of the pack is pinned, not only the
 * border analysis's.
 */
import type { PolicyPackSession } from "../../engine/analyzer";
import type { Plan } from "../../engine/plan";
import { findings, sorted } from "../helpers/policy-session";
import { borderViolations, evaluateFixtures, noCustomerKey, policy, startPack } from "./pack";

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
  expect(findings(violations)).toEqual(
    sorted([
      [
        "storage-replication",
        "telemetry-dr",
        "mandatory",
        [
          'oss bucket "border-fixture-telemetry"',
          'oss bucket replication "telemetry-dr"',
          "oss-cn-hongkong (outside CN, in HK)",
        ],
      ],
      noCustomerKey("telemetry"),
    ]),
  );
  // One crossing, one finding: storage-replication reports the replication, so the border
  // analysis does not report its path again.
  const [replication] = violations.filter((v) => v.policy === "storage-replication");
  expect(replication.resourceType).toBe("alicloud:oss/bucketReplication:BucketReplication");
  expect(violations.filter((v) => v.policy === policy)).toEqual([]);
});

test("replication to oss-cn-beijing passes", async () => {
  expect(findings(await borderViolations(session, plans.replication.sealed))).toEqual([
    noCustomerKey("telemetry"),
  ]);
});

test("a key under a foreign provider fails for the bucket it encrypts and for itself", async () => {
  const violations = await borderViolations(session, plans["foreign-key"].crossing);
  expect(findings(violations)).toEqual(
    sorted([
      [
        "resource-placement",
        "keys",
        "mandatory",
        ['alicloud provider "keys"', "cn-hongkong (outside CN, in HK)"],
      ],
      [
        "resource-placement",
        "records-key",
        "mandatory",
        ['kms key "records-key"', "cn-hongkong (outside CN, in HK)"],
      ],
      [
        "store-key-locality",
        "records",
        "mandatory",
        ['oss bucket "records"', 'kms key "records-key" in cn-hongkong (outside CN, in HK)'],
      ],
      [
        policy,
        "records",
        "mandatory",
        [
          'oss bucket "records"',
          'encrypted by "records-encryption"',
          'kms key "records-key"',
          "placed in",
          "cn-hongkong (outside CN, in HK)",
        ],
      ],
      // The key's own placement is its crossing, reported once: by resource-placement above.
    ]),
  );
  const border = (name: string) =>
    violations.find((v) => v.policy === policy && v.resourceName === name);
  expect(border("records")?.resourceType).toBe("alicloud:oss/bucket:Bucket");
  expect(border("records")?.message).toContain(
    'it crosses the border into kms key "records-key" (encrypted by "records-encryption"). Encrypt with a key created through a provider pinned to a region inside CN.',
  );
  const placement = violations.find(
    (v) => v.policy === "resource-placement" && v.resourceName === "records-key",
  );
  expect(placement?.resourceType).toBe("alicloud:kms/key:Key");
  expect(placement?.message).toContain(
    "Create it through the stack's provider, or pin its region inside CN.",
  );
});

test("a key under another in-country provider passes", async () => {
  expect(await borderViolations(session, plans["foreign-key"].sealed)).toEqual([]);
});
