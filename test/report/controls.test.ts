/**
 * The evidence rows of the report's storage and protection controls (report/controls.ts), on
 * buckets written the ways programs write them: encryption set on the bucket itself or by a
 * stand-alone configuration, and stores kept by `protect`, by `retainOnDelete`, or by neither.
 */
import { analyzeBorder, type BorderResource } from "../../policy/paths";
import { getJurisdiction } from "../../residency/jurisdictions";
import type { Violation } from "../../engine/check";
import type { EgressAllowEntry } from "../../policy/framework";
import { type Control, evaluateControls } from "../../report/controls";
import { on, oracleBorderResources, type OracleResource } from "../helpers/model-oracle";

const sh = on("sh");
const or = on("or");

function controls(
  jurisdiction: string,
  resources: readonly OracleResource[],
  opts: {
    protect?: readonly string[];
    retain?: readonly string[];
    violations?: readonly Violation[];
    allowlist?: readonly EgressAllowEntry[];
  } = {},
): Control[] {
  const border: BorderResource[] = oracleBorderResources(resources).map((r) => ({
    ...r,
    protect: opts.protect?.includes(r.name) ?? false,
  }));
  const j = getJurisdiction(jurisdiction);
  return evaluateControls({
    resources: border,
    retained: new Set(border.filter((r) => opts.retain?.includes(r.name)).map((r) => r.urn)),
    jurisdiction: j,
    allowlist: opts.allowlist ?? [],
    analysis: analyzeBorder(border, j),
    violations: opts.violations ?? [],
  });
}

const evidenceOf = (cs: Control[], id: string) => cs.find((c) => c.id === id)?.evidence;

const shanghai: OracleResource[] = [
  { type: "pulumi:providers:alicloud", name: "sh", props: { region: "cn-shanghai" } },
  sh("alicloud:kms/key:Key", "key", {}),
];
const oregon: OracleResource[] = [
  { type: "pulumi:providers:aws", name: "or", props: { region: "us-west-2" } },
  or("aws:kms/key:Key", "key", {}),
];

describe("the encryption control", () => {
  // Found by an auditor's reading of a report: a bucket whose rule is on the bucket itself was
  // listed with "no server-side encryption", beside a diagram drawing it encrypted by the key.
  test("reads a rule set on the bucket itself, where customer-key-encryption reads it", () => {
    const oss = {
      ...sh("alicloud:oss/bucket:Bucket", "telemetry", {
        bucket: "acme-telemetry-sh",
        serverSideEncryptionRule: { sseAlgorithm: "KMS", kmsMasterKeyId: "key-1" },
      }),
      deps: { serverSideEncryptionRule: ["key"] },
    };
    expect(evidenceOf(controls("CN", [...shanghai, oss]), "cmk-encryption")).toEqual([
      {
        subject: 'oss bucket "telemetry"',
        facts: ['KMS with kms key "key", set on the bucket'],
        ok: true,
      },
    ]);
    const s3 = {
      ...or("aws:s3/bucket:Bucket", "records", {
        bucket: "acme-records",
        serverSideEncryptionConfiguration: {
          rule: {
            applyServerSideEncryptionByDefault: {
              sseAlgorithm: "aws:kms",
              kmsMasterKeyId: "arn:aws:kms:us-west-2:111122223333:key/1",
            },
          },
        },
      }),
      deps: { serverSideEncryptionConfiguration: ["key"] },
    };
    expect(evidenceOf(controls("US", [...oregon, s3]), "cmk-encryption")).toEqual([
      {
        subject: 's3 bucket "records"',
        facts: ['aws:kms with kms key "key", set on the bucket'],
        ok: true,
      },
    ]);
  });

  test("twin: a stand-alone configuration counts as before, and a bucket with none, or with a key the service holds, does not hold", () => {
    const bucket = sh("alicloud:oss/bucket:Bucket", "telemetry", { bucket: "acme-telemetry-sh" });
    const sse = (algorithm: string) => ({
      ...sh("alicloud:oss/bucketServerSideEncryption:BucketServerSideEncryption", "telemetry-sse", {
        bucket: "acme-telemetry-sh",
        sseAlgorithm: algorithm,
        ...(algorithm === "KMS" ? { kmsMasterKeyId: "key-1" } : {}),
      }),
      deps: { bucket: ["telemetry"], ...(algorithm === "KMS" ? { kmsMasterKeyId: ["key"] } : {}) },
    });
    expect(evidenceOf(controls("CN", [...shanghai, bucket, sse("KMS")]), "cmk-encryption")).toEqual(
      [
        {
          subject: 'oss bucket "telemetry"',
          facts: ['oss bucket server side encryption "telemetry-sse": KMS with kms key "key"'],
          ok: true,
        },
      ],
    );
    expect(
      evidenceOf(controls("CN", [...shanghai, bucket, sse("AES256")]), "cmk-encryption"),
    ).toEqual([
      {
        subject: 'oss bucket "telemetry"',
        facts: [
          'oss bucket server side encryption "telemetry-sse": AES256 without a key of this stack',
        ],
        ok: false,
      },
    ]);
    expect(evidenceOf(controls("CN", [...shanghai, bucket]), "cmk-encryption")).toEqual([
      { subject: 'oss bucket "telemetry"', facts: ["no server-side encryption"], ok: false },
    ]);
  });
  // An auditor found the control covering buckets alone, beside the stack's disks and clusters.
  test("reads every other data store by the keys its settings name, held unless customer-key-encryption reports it", () => {
    const disk = (name: string, keyed: boolean): OracleResource => ({
      ...sh("alicloud:ecs/ecsDisk:EcsDisk", name, {
        zoneId: "cn-shanghai-e",
        size: 40,
        ...(keyed ? { encrypted: true, kmsKeyId: "key-1" } : {}),
      }),
      ...(keyed ? { deps: { kmsKeyId: ["key"] } } : {}),
    });
    const unkeyed: Violation = {
      policy: "customer-key-encryption",
      level: "advisory",
      resourceType: "alicloud:ecs/ecsDisk:EcsDisk",
      resourceName: "scratch",
      urn: "urn:pulumi:oracle::p::alicloud:ecs/ecsDisk:EcsDisk::scratch",
      message: "…",
      path: [
        'ecs disk "scratch"',
        "no customer-managed key (unencrypted, or a key the provider holds)",
      ],
    };
    expect(
      evidenceOf(
        controls("CN", [...shanghai, disk("data", true), disk("scratch", false)], {
          violations: [unkeyed],
        }),
        "cmk-encryption",
      ),
    ).toEqual([
      { subject: 'ecs disk "data"', facts: ['encrypted with kms key "key"'], ok: true },
      {
        subject: 'ecs disk "scratch"',
        facts: ["no customer-managed key (unencrypted, or a key the provider holds)"],
        ok: false,
      },
    ]);
  });
  // Found by a compliance officer's reading: the log project the border control counts as a data
  // store was missing from the encryption control, which says "every data store".
  test("lists a data store no policy reads the encryption of as not judged, outside the status", () => {
    const logs = sh("alicloud:log/project:Project", "audit-logs", { projectName: "audit-logs" });
    const cs = controls("CN", [...shanghai, logs]);
    expect(evidenceOf(cs, "cmk-encryption")).toEqual([
      {
        subject: 'log project "audit-logs"',
        facts: [
          "not judged: no policy reads how this store is encrypted (what it holds is encrypted by its service, or in stores the program does not create)",
        ],
        ok: false,
        judged: false,
      },
    ]);
    expect(cs.find((c) => c.id === "cmk-encryption")?.status).toBe("not applicable");
  });
});

describe("the protection control", () => {
  const stores = [...shanghai, sh("alicloud:oss/bucket:Bucket", "telemetry", {})];
  const rows = (opts: { protect?: readonly string[]; retain?: readonly string[] }) =>
    evidenceOf(controls("CN", stores, opts), "protect")?.map((e) => [e.subject, e.facts, e.ok]);

  // Its intent says protected or retained: either keeps the data through `pulumi destroy`.
  test("holds for a store that is protected, retained, or both", () => {
    expect(rows({ protect: ["key"], retain: ["telemetry"] })).toEqual([
      ['kms key "key"', ["protect", "deleted by a destroy once unprotected"], true],
      ['oss bucket "telemetry"', ["not protected", "retainOnDelete"], true],
    ]);
    expect(rows({ protect: ["key", "telemetry"], retain: ["key", "telemetry"] })).toEqual([
      ['kms key "key"', ["protect", "retainOnDelete"], true],
      ['oss bucket "telemetry"', ["protect", "retainOnDelete"], true],
    ]);
  });

  test("twin: a store neither protected nor retained does not hold", () => {
    expect(rows({ protect: ["key"] })).toEqual([
      ['kms key "key"', ["protect", "deleted by a destroy once unprotected"], true],
      ['oss bucket "telemetry"', ["not protected", "deleted with the stack"], false],
    ]);
  });
});

// Found by a compliance officer's reading: a public range justified as "analytics collector"
// (Google's) was drawn inside the border and listed as met, with nothing saying it was the
// team's word alone.
test("the allowlist control says a public range or a host is placed inside by the stack owners' declaration", () => {
  const allowlist: EgressAllowEntry[] = [
    { cidr: "8.8.8.0/24", ports: [443], reason: "analytics collector" },
    { cidr: "10.20.0.0/16", reason: "the office network over the leased line" },
    { cidr: "100.100.2.136/30", reason: "VPC DNS" },
    { host: "oapi.dingtalk.com", reason: "DingTalk robot" },
  ];
  const facts = evidenceOf(controls("CN", shanghai, { allowlist }), "egress-allowlist")?.map(
    (e) => [
      e.subject,
      e.facts.some((f) => f.includes("declaration, which the pack does not verify")),
    ],
  );
  expect(facts).toEqual([
    ["8.8.8.0/24 ports 443", true],
    ["10.20.0.0/16", false],
    ["100.100.2.136/30", false],
    ["oapi.dingtalk.com", true],
  ]);
});
