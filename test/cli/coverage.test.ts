/**
 * `sovereign-dc coverage`: the counts per provider and class, and `--type` explaining one type —
 * its class, its place-naming properties and which check reads each. Classes and readers are
 * proven exactly on a small inventory with tables of its own; the real run proves the command's
 * contract (exit codes, one JSON document, counts that add up to the installed SDKs).
 */
import { main } from "../../cli/main";
import {
  classOf,
  closeMatches,
  coverage,
  type CoverageDocument,
  explainType,
  loadInventory,
  type TypeReport,
} from "../../cli/coverage";
import type { Inventory } from "../../policy/inventory/sdk";
import type { FlowTableView } from "../../policy/inventory/tables";
import { sdkTypeTokens } from "../helpers/policy-sdk";

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(["node", "sovereign-dc", ...args], {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
  });
  return { code, out, err };
}

/** Three aws types: one in a table with declared fields, one listed in reviewed.ts, one neither. */
const inventory: Inventory = {
  sdks: { aws: "7.48.0" },
  types: {
    "aws:kms/alias:Alias": {
      inputs: ["name", "region", "targetKeyId"],
      places: { region: "region", targetKeyId: "peer" },
    },
    "aws:s3/bucketReplicationConfig:BucketReplicationConfig": {
      inputs: ["bucket", "region", "rules"],
      places: {
        bucket: "bucket",
        region: "region",
        "rules[].destination.bucket": "bucket",
        "rules[].destination.account": "account",
      },
    },
    "aws:widget/widget:Widget": { inputs: ["peerRegion"], places: { peerRegion: "region" } },
  },
};

const tables: FlowTableView[] = [
  {
    table: "storage.ts storageFlows",
    policy: "storage-replication",
    types: ["aws:s3/bucketReplicationConfig:BucketReplicationConfig"],
    fields: () => [
      { path: "rules[].destination.bucket", format: "ref" },
      { path: "rules[].priority", format: "flag" },
    ],
  },
  {
    table: "border/flows flowModels",
    policy: "border analysis",
    types: ["aws:s3/bucketReplicationConfig:BucketReplicationConfig"],
  },
];

describe("classes", () => {
  test("a type of a flow table is flow-modelled, a listed one reviewed, any other unclassified", () => {
    const groups = new Map([["aws:kms/alias:Alias", "regional"]]);
    expect(Object.keys(inventory.types).map((t) => [t, classOf(t, tables, groups)])).toEqual([
      ["aws:kms/alias:Alias", "reviewed"],
      ["aws:s3/bucketReplicationConfig:BucketReplicationConfig", "flow-modelled"],
      ["aws:widget/widget:Widget", "unclassified"],
    ]);
  });

  test("counts per provider, reviewed types by their group in policy/reviewed.ts", () => {
    // aws:kms/alias:Alias is listed under `regional` in policy/reviewed.ts.
    expect(coverage(inventory, tables)).toEqual({
      providers: [
        {
          provider: "aws",
          version: "7.48.0",
          total: 3,
          flowModelled: 1,
          reviewed: 1,
          unclassified: 1,
          reviewedGroups: { regional: 1 },
        },
      ],
      notInSdks: expect.any(Array),
    });
  });
});

describe("--type", () => {
  test("names, for each place-naming property, the table field or check that reads it, or none", () => {
    const r = explainType(
      inventory,
      "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
      tables,
    );
    expect(r.class).toBe("flow-modelled");
    expect(r.tables).toEqual([
      { table: "storage.ts storageFlows", policy: "storage-replication", fields: "declared" },
      { table: "border/flows flowModels", policy: "border analysis", fields: "code" },
    ]);
    expect(r.places.map((p) => [p.path, p.kind, p.readBy])).toEqual([
      ["bucket", "bucket", []],
      [
        "region",
        "region",
        ["resource-placement: the resource's own region (aws per-resource region)"],
      ],
      [
        "rules[].destination.bucket",
        "bucket",
        ["storage-replication: storage.ts storageFlows field rules[].destination.bucket (ref)"],
      ],
      ["rules[].destination.account", "account", []],
    ]);
    // A field the table reads that the inventory does not mark is shown, not dropped.
    expect(r.otherFields).toEqual(["rules[].priority"]);
  });

  test("an unclassified type has no table, no group and no reader of its place-naming property", () => {
    const r = explainType(inventory, "aws:widget/widget:Widget", tables);
    expect(r).toMatchObject({
      class: "unclassified",
      tables: [],
      reviewedGroup: null,
      otherFields: [],
    });
    expect(r.places.map((p) => [p.path, p.readBy])).toEqual([["peerRegion", []]]);
  });

  test("suggests the tokens closest to a misspelt one, the same class name included", () => {
    const tokens = [
      "aws:s3/bucket:Bucket",
      "aws:s3/bucketV2:BucketV2",
      "alicloud:oss/bucket:Bucket",
      "aws:kms/key:Key",
    ];
    expect(closeMatches("aws:s3/bukcet:Bucket", tokens)).toEqual([
      "aws:s3/bucket:Bucket",
      "alicloud:oss/bucket:Bucket",
    ]);
    expect(closeMatches("Key", tokens)).toEqual(["aws:kms/key:Key"]);
    expect(closeMatches("nothing-like-it", tokens)).toEqual([]);
  });
});

describe("sovereign-dc coverage", () => {
  test("--format json counts every custom resource type of the installed SDKs once", async () => {
    const r = await run("coverage", "--format", "json");
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: "" });
    const doc = JSON.parse(r.out) as CoverageDocument;
    expect(doc.providers.map((p) => p.provider)).toEqual(["alicloud", "aws", "kubernetes"]);
    // The inventory's tokens against the SDKs' read another way: every __pulumiType but the
    // providers (`aws`, …) and the component resources whose children the pack judges.
    const components = [
      "kubernetes:helm.sh/v3:Chart",
      "kubernetes:helm.sh/v4:Chart",
      "kubernetes:kustomize/v2:Directory",
      "kubernetes:yaml/v2:ConfigFile",
      "kubernetes:yaml/v2:ConfigGroup",
    ];
    const sdk = [...sdkTypeTokens()].filter((t) => t.includes(":") && !components.includes(t));
    expect(Object.keys(loadInventory().types).sort()).toEqual(sdk.sort());
    for (const p of doc.providers) {
      expect(p.total).toBe(sdk.filter((t) => t.startsWith(`${p.provider}:`)).length);
      expect(p.flowModelled + p.reviewed + p.unclassified).toBe(p.total);
      expect(Object.values(p.reviewedGroups).reduce((a, b) => a + b, 0)).toBe(p.reviewed);
    }
    // Every type the pack names is one the SDKs have.
    expect(doc.notInSdks).toEqual([]);
  });

  test("prints the table per provider in text", async () => {
    const r = await run("coverage");
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[0]).toBe(
      "Coverage of the providers' resource types (policy/inventory/sdk-types.jsonl)",
    );
    expect(lines[2]).toMatch(/^provider +types +flow-modelled +reviewed +unclassified$/);
    expect(lines[3]).toMatch(/^alicloud 3\.\d+\.\d+ +\d+ +\d+ +\d+ +\d+$/);
    expect(lines[6]).toMatch(/^total +3\d{3} +\d+ +\d+ +\d+$/);
  });

  test("--type explains a flow-modelled type by the table field that reads its destination", async () => {
    const type = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";
    const r = await run("coverage", "--type", type, "--format", "json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as TypeReport;
    expect(doc.class).toBe("flow-modelled");
    expect(doc.places.find((p) => p.path === "rules[].destination.bucket")).toEqual({
      path: "rules[].destination.bucket",
      kind: "bucket",
      reason: "bucket names are global: the name can be a bucket of any region or account",
      readBy: [
        "storage-replication: storage.ts storageFlows field rules[].destination.bucket (ref)",
      ],
    });
  });

  test("an unknown --type exits 2 naming the value received and close matches", async () => {
    const r = await run("coverage", "--type", "aws:s3/bukcet:Bucket");
    expect(r).toEqual({
      code: 2,
      out: "",
      err:
        'error: --type "aws:s3/bukcet:Bucket" is not a resource type of the installed SDKs ' +
        "(@pulumi/alicloud 3.108.0, @pulumi/aws 7.48.0, @pulumi/kubernetes 4.34.2). Did you mean: " +
        "aws:s3/bucket:Bucket, alicloud:oss/bucket:Bucket, aws:lightsail/bucket:Bucket, " +
        "aws:s3control/bucket:Bucket? A type is named by its token, e.g. aws:s3/bucketV2:BucketV2.\n",
    });
  });

  test("an unknown --format is a usage error", async () => {
    const r = await run("coverage", "--format", "md");
    expect(r).toEqual({
      code: 2,
      out: "",
      err: "error: option '--format <format>' argument 'md' is invalid. Allowed choices are text, json.\n",
    });
  });
});
