/**
 * Which edges the report's diagram draws red (report/diagram.ts): every edge of a path from a
 * data store or key out of the jurisdiction, and every edge that crosses the border itself. The
 * paths keep one route per source, to its nearest exit, so a second crossing beside it (a
 * replication to a bucket of the program abroad, beside the replication's destination place) was
 * drawn grey while the report said crossing edges are red.
 */
import { analyzeBorder } from "../../policy/paths";
import { getJurisdiction } from "../../residency/jurisdictions";
import { diagramModel } from "../../report/diagram";
import { on, oracleBorderResources, type OracleResource } from "../helpers/model-oracle";

const sh = on("sh");
const hk = on("hk");
const cn = getJurisdiction("CN");

/** A Shanghai bucket replicating to a bucket of the program in `region`. */
const replicated = (region: string): OracleResource[] => [
  { type: "pulumi:providers:alicloud", name: "sh", props: { region: "cn-shanghai" } },
  { type: "pulumi:providers:alicloud", name: "hk", props: { region } },
  sh("alicloud:oss/bucket:Bucket", "telemetry", { bucket: "acme-telemetry-sh" }),
  hk("alicloud:oss/bucket:Bucket", "telemetry-dr-copy", { bucket: "acme-telemetry-dr" }),
  {
    ...sh("alicloud:oss/bucketReplication:BucketReplication", "telemetry-dr", {
      bucket: "acme-telemetry-sh",
      action: "ALL",
      destination: { bucket: "acme-telemetry-dr", location: `oss-${region}` },
    }),
    deps: { bucket: ["telemetry"], destination: ["telemetry-dr-copy"] },
  },
];

/** The drawn edges as `from -label-> to`, each with whether it is red. */
function edges(resources: readonly OracleResource[]): Array<[string, boolean]> {
  const analysis = analyzeBorder(oracleBorderResources(resources), cn);
  const label = new Map(analysis.nodes.map((n) => [n.id, n.label]));
  return diagramModel(analysis, cn).edges.map(({ edge, crossing }) => [
    `${label.get(edge.from)} -${edge.label}-> ${label.get(edge.to)}`,
    crossing,
  ]);
}

test("an edge into a node outside is red, on a path or not", () => {
  expect(edges(replicated("cn-hongkong"))).toEqual([
    ['oss bucket "telemetry-dr-copy" -placed in-> cn-hongkong (outside CN, in HK)', true],
    ['oss bucket "telemetry" -replication-> oss-cn-hongkong (outside CN, in HK)', true],
    ['oss bucket "telemetry" -replication-> oss bucket "telemetry-dr-copy"', true],
  ]);
});

test("twin: a replication inside the border is drawn grey", () => {
  expect(edges(replicated("cn-beijing"))).toEqual([
    ['oss bucket "telemetry" -replication-> oss-cn-beijing (inside CN)', false],
    ['oss bucket "telemetry" -replication-> oss bucket "telemetry-dr-copy"', false],
  ]);
});
