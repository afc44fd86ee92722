/**
 * The one graph built from a type table's rows: each declared field becomes a tagged edge, the
 * search finds the same paths as for the border flow models, and `explainedBy` names the policy
 * whose finding already includes a path's crossing — or none, when only the path search sees it.
 * Every crossing case has its in-jurisdiction twin.
 */
import { analyzeWithGraph } from "../../policy/paths/analyze";
import { analyzeGraph, edgeText, explainedBy, typeRows } from "../../policy/paths/graph";
import type { FieldSpec, TypeTable } from "../../policy/paths/model";
import { byType } from "../../policy/paths/types";
import { ref, TestStack } from "../border/builder";
import { unknown } from "../../policy/paths";

const replicationType = "alicloud:oss/bucketReplication:BucketReplication";

const toRegion: FieldSpec = {
  path: "destination.location",
  format: "oss-location",
  label: "replication",
  policy: "storage-replication",
  verb: "replicates objects to",
  source: { path: "bucket", ref: "oss-bucket" },
};

const toBucket: FieldSpec = {
  ...toRegion,
  path: "destination.bucket",
  format: "ref",
  ref: "oss-bucket",
  fallback: "location",
};

/** The graph's rows with `fields` as the replication rule's row, the pack's rows for the rest. */
function rowsWith(fields: readonly FieldSpec[]) {
  const table: TypeTable = {
    ...byType,
    [replicationType]: { role: "other", fields, fix: "Replicate inside." },
  };
  return typeRows(table);
}

/** A Shanghai bucket replicated by a rule with `destination`, beside a bucket in Hong Kong. */
function stack(destination: Record<string, unknown>) {
  const s = new TestStack();
  const sh = s.provider("alicloud", "sh", { region: "cn-shanghai" });
  const hk = s.provider("alicloud", "hk", { region: "cn-hongkong" });
  s.add("alicloud:oss/bucket:Bucket", "telemetry", { bucket: "t" }, { provider: sh });
  s.add("alicloud:oss/bucket:Bucket", "far", { bucket: "f" }, { provider: hk });
  s.add(replicationType, "rep", { bucket: "t", destination }, { provider: sh });
  return s.resources;
}

/** Every path as its hops, with the policy that explains its crossing ("-": none). */
function paths(fields: readonly FieldSpec[], destination: Record<string, unknown>): string[] {
  const { graph, analysis } = analyzeGraph(stack(destination), "CN", {}, rowsWith(fields));
  return analysis.paths
    .filter((p) => p.source.label === 'oss bucket "telemetry"')
    .map((p) => `${p.hops.join(" → ")} [${explainedBy(p, graph) ?? "-"}]`);
}

describe("a row's fields become tagged edges", () => {
  it("a location outside: the owning policy reports the crossing, so it is explained", () => {
    expect(paths([toRegion, toBucket], { bucket: "x", location: "oss-cn-hongkong" })).toEqual([
      'oss bucket "telemetry" → replication "rep" → oss-cn-hongkong (outside CN, in HK) [storage-replication]',
    ]);
  });

  it("its twin, a location inside, draws the edge and leaves no path", () => {
    const { graph, analysis } = analyzeGraph(
      stack({ bucket: "x", location: "oss-cn-beijing" }),
      "CN",
      {},
      rowsWith([toRegion, toBucket]),
    );
    const label = new Map(graph.nodes.map((n) => [n.id, n.label]));
    const replication = graph.edges.filter((e) => e.label === "replication");
    expect(
      replication.map((e) => `${label.get(e.from)} —${edgeText(e)}→ ${label.get(e.to)}`),
    ).toEqual(['oss bucket "telemetry" —replication "rep"→ oss-cn-beijing (inside CN)']);
    expect(replication.map((e) => graph.tags.get(e))).toEqual([
      {
        policy: "storage-replication",
        local: "inside",
        at: { path: "destination.location", verb: "replicates objects to", inbound: undefined },
        unresolved: undefined,
      },
    ]);
    expect(analysis.paths.filter((p) => p.source.label === 'oss bucket "telemetry"')).toEqual([]);
  });

  it("a bucket of the stack placed abroad: named-destinations places what the name names", () => {
    expect(paths([toRegion, toBucket], { bucket: "f", location: "oss-cn-beijing" })).toEqual([
      'oss bucket "telemetry" → replication "rep" → oss bucket "far" → placed in → cn-hongkong (outside CN, in HK) [named-destinations]',
    ]);
  });

  it("a bucket named nowhere in the stack, with no fallback, is named-destinations' crossing", () => {
    const withoutFallback: FieldSpec = { ...toBucket, fallback: undefined };
    expect(paths([withoutFallback], { bucket: "x" })).toEqual([
      'oss bucket "telemetry" → replication "rep" → unknown (OSS bucket "x" of oss bucket replication "rep" is not in this stack) [named-destinations]',
    ]);
    // Its twin names a bucket of the stack inside: no path.
    expect(paths([withoutFallback], { bucket: "t" })).toEqual([]);
  });

  it("a required field that is not set cannot be placed; its owner reports it", () => {
    const required: FieldSpec = { ...toRegion, required: true };
    expect(paths([required], { bucket: "x" })).toEqual([
      'oss bucket "telemetry" → replication "rep" → unknown (destination.location of oss bucket replication "rep" is not set) [storage-replication]',
    ]);
    expect(paths([required], { bucket: "x", location: "oss-cn-beijing" })).toEqual([]);
  });

  it("an inbound field brings data in: the edge points at the resource, no path leaves", () => {
    const inbound: FieldSpec = { ...toRegion, inbound: true };
    expect(paths([inbound], { location: "oss-cn-hongkong" })).toEqual([]);
    expect(paths([{ ...inbound, inbound: false }], { location: "oss-cn-hongkong" })).toEqual([
      'oss bucket "telemetry" → replication "rep" → oss-cn-hongkong (outside CN, in HK) [storage-replication]',
    ]);
  });

  it("a field under a `when` that does not hold draws nothing", () => {
    const off: FieldSpec = { ...toRegion, when: (props) => props.enabled === true };
    expect(paths([off], { location: "oss-cn-hongkong" })).toEqual([]);
    expect(
      analyzeGraph(
        [...stack({ location: "oss-cn-hongkong" })].map((r) =>
          r.type === replicationType ? { ...r, props: { ...r.props, enabled: true } } : r,
        ),
        "CN",
        {},
        rowsWith([off]),
      ).analysis.paths.map((p) => p.hops.join(" → ")),
    ).toContain('oss bucket "telemetry" → replication "rep" → oss-cn-hongkong (outside CN, in HK)');
  });

  it("a gated field is refused rather than drawn without its gate", () => {
    const gated: FieldSpec = { ...toRegion, gate: "security-group" };
    expect(() => paths([gated], { location: "oss-cn-hongkong" })).toThrow(
      "field destination.location of alicloud:oss/bucketReplication:BucketReplication passes the security-group gate, but a field cannot open a gate yet; draw the gated edge in the row's edges (gates.ts `gated`).",
    );
  });

  it("a reference resolves through the property's dependencies when its value is not known yet", () => {
    const run = (far: "sh" | "hk") => {
      const s = new TestStack();
      const providers = {
        sh: s.provider("alicloud", "sh", { region: "cn-shanghai" }),
        hk: s.provider("alicloud", "hk", { region: "cn-hongkong" }),
      };
      s.add("alicloud:oss/bucket:Bucket", "telemetry", { bucket: "t" }, { provider: providers.sh });
      const dr = s.add(
        "alicloud:oss/bucket:Bucket",
        "dr",
        { bucket: unknown },
        { provider: providers[far] },
      );
      s.add(
        replicationType,
        "rep",
        { bucket: "t", destination: { bucket: ref(dr), location: "oss-cn-beijing" } },
        { provider: providers.sh },
      );
      const { graph, analysis } = analyzeGraph(
        s.resources,
        "CN",
        {},
        rowsWith([toRegion, toBucket]),
      );
      return analysis.paths.map((p) => `${p.hops.join(" → ")} [${explainedBy(p, graph) ?? "-"}]`);
    };
    expect(run("hk")).toEqual([
      'oss bucket "telemetry" → replication "rep" → oss bucket "dr" → placed in → cn-hongkong (outside CN, in HK) [named-destinations]',
      'oss bucket "dr" → placed in → cn-hongkong (outside CN, in HK) [resource-placement]',
    ]);
    expect(run("sh")).toEqual([]);
  });
});

describe("a place field that may name a resource of the stack (a replica's source database)", () => {
  /** An Oregon cluster replicating from `source`: nothing, or a cluster of `far`'s region. */
  function run(far?: "us-west-2" | "eu-central-1"): string[] {
    const s = new TestStack();
    const oregon = s.provider("aws", "oregon", { region: "us-west-2" });
    const source =
      far &&
      s.add(
        "aws:rds/cluster:Cluster",
        "records",
        { clusterIdentifier: unknown },
        { provider: s.provider("aws", "source", { region: far }) },
      );
    s.add(
      "aws:rds/cluster:Cluster",
      "aurora",
      { replicationSourceIdentifier: source ? ref(source) : unknown },
      { provider: oregon },
    );
    const { graph, analysis } = analyzeWithGraph(s.resources, "US");
    return analysis.paths.map((p) => `${p.hops.join(" → ")} [${explainedBy(p, graph) ?? "-"}]`);
  }

  it("not known at preview and built from nothing of the stack: no owner explains it, so no-path reports it", () => {
    expect(run()).toEqual([
      'rds cluster "aurora" → replication → unknown (replicationSourceIdentifier of rds cluster "aurora" is not known until deployed) [-]',
    ]);
  });

  it("built from a cluster abroad: the path runs through that cluster, whose placement is reported", () => {
    expect(run("eu-central-1")).toEqual([
      'rds cluster "records" → placed in → eu-central-1 (outside US, in EU) [resource-placement]',
      'rds cluster "aurora" → replication → rds cluster "records" → placed in → eu-central-1 (outside US, in EU) [-]',
    ]);
  });

  it("its twin, built from a cluster of the jurisdiction: no path", () => {
    expect(run("us-west-2")).toEqual([]);
  });
});

describe("a reference that names the resource holding it", () => {
  /** An S3 bucket whose access logs go to `target`, through the storage table's row. */
  function logsTo(target: string): string[] {
    const s = new TestStack();
    const oregon = s.provider("aws", "oregon", { region: "us-west-2" });
    s.add(
      "aws:s3/bucket:Bucket",
      "records",
      { bucket: "r", logging: { targetBucket: target } },
      {
        provider: oregon,
      },
    );
    const { graph, analysis } = analyzeWithGraph(s.resources, "US");
    return analysis.paths.map((p) => `${p.hops.join(" → ")} [${explainedBy(p, graph) ?? "-"}]`);
  }

  it("a bucket that logs to itself names itself: no edge, no path", () => {
    expect(logsTo("r")).toEqual([]);
  });

  it("its twin, a log bucket named nowhere in the stack, fails closed and is named-destinations' crossing", () => {
    expect(logsTo("elsewhere")).toEqual([
      's3 bucket "records" → log delivery → unknown (log bucket "elsewhere" of s3 bucket "records" is not in this stack) [named-destinations]',
    ]);
  });
});
