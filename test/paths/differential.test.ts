/**
 * The contract of moving the pack onto the one data-flow model (docs/design/one-flow-model-plan.md,
 * step 3): on every input below, the new core answers exactly what the old code answered.
 *
 * - `analyzeBorder`, now the graph of policy/paths/graph.ts over the type tables and the border
 *   flow models, gives the same nodes, edges and paths as the analysis it replaced
 *   (test/helpers/legacy-border.ts), on the border fixtures, the policy-aws and policy-alicloud
 *   fixture plans and the thirteen disagreement inputs.
 * - Every named policy moved onto the tables (`viewedPolicy`) reports what it reported before:
 *   with the tables as they are, and with tables that declare the per-policy flow tables' rows,
 *   compiled by policy/paths/fields.ts instead of policy/flows.ts.
 * - `explainedBy` names the owning policy of exactly the crossings it reports.
 */
import type { FlowModel as OldFlowModel } from "../../policy/flows";
import { keyReplicaFlows } from "../../policy/keys";
import { logFlows } from "../../policy/logging";
import { networkLinkFlows, peerAccountFields, remoteSiteFlows } from "../../policy/network";
import { policies } from "../../policy/policies";
import { storageFlows } from "../../policy/storage";
import {
  analyzeBorder,
  type BorderAnalysis,
  edgeText,
  flowModels,
  fromPlan,
  type BorderResource,
} from "../../policy/border";
import {
  analyzeGraph,
  explainedBy,
  legacyRows,
  mergeRows,
  typeRows,
} from "../../policy/paths/graph";
import type { FlowTable } from "../../policy/border/flows";
import type { FieldSpec, PolicyName, TypeModel, TypeTable } from "../../policy/paths/model";
import { byType, merge, modelledTypes, tables } from "../../policy/paths/types";
import { viewedPolicy } from "../../policy/paths/views";
import type { Plan } from "../../engine/plan";
import { evaluateFixtures, plantAllowlist } from "../border/pack";
import { legacyAnalyzeBorder } from "../helpers/legacy-border";
import { legacyCopyFlows } from "../helpers/legacy-copy-flows";
import {
  oracleBorderResources,
  type OracleResource,
  type OracleSettings,
  runNamed,
} from "../helpers/model-oracle";
import { fixturePlan } from "../helpers/policy-plan";
import { oregonSettings, shanghaiSettings } from "../helpers/policy-session";
import { probeCases } from "./probe-inputs";

const borderFixtures = [
  "replication",
  "foreign-key",
  "cen",
  "peering",
  "nat",
  "vpn",
  "kubernetes",
  "transit-router",
] as const;

let border: Record<string, { crossing: Plan; sealed: Plan }>;
let aws: Plan;
let alicloud: Plan;
beforeAll(async () => {
  [border, aws, alicloud] = await Promise.all([
    evaluateFixtures(borderFixtures),
    fixturePlan("policy-aws", "us"),
    fixturePlan("policy-alicloud", "cn"),
  ]);
}, 120_000);

/**
 * A plan's resources as the oracle's inputs: providers and dependencies by name. The oracle keys
 * resources by name, so a name two resources share (a program's resource and a component's) is
 * told apart by its type; both models then see the same names.
 */
function oracleInputs(plan: Plan): OracleResource[] {
  const count = new Map<string, number>();
  for (const r of plan.resources) {
    count.set(r.name, (count.get(r.name) ?? 0) + 1);
  }
  const names = new Map(
    plan.resources.map((r) => [r.urn, count.get(r.name) === 1 ? r.name : `${r.name} (${r.type})`]),
  );
  return plan.resources.map((r) => ({
    type: r.type,
    name: names.get(r.urn) as string,
    props: r.outputs as Record<string, unknown>,
    provider: r.provider === undefined ? undefined : names.get(r.provider),
    deps: Object.fromEntries(
      Object.entries(r.propertyDependencies).map(([k, urns]) => [
        k,
        urns.map((u) => names.get(u) as string),
      ]),
    ),
  }));
}

function plans(): Array<[string, BorderResource[], OracleSettings]> {
  const cn = { jurisdiction: "CN", egressAllowlist: plantAllowlist };
  return [
    ...borderFixtures.flatMap((name) =>
      (["crossing", "sealed"] as const).map((stack): [string, BorderResource[], OracleSettings] => [
        `border ${name}/${stack}`,
        fromPlan(border[name][stack]),
        cn,
      ]),
    ),
    ["policy-aws", fromPlan(aws), oregonSettings as OracleSettings],
    ["policy-alicloud", fromPlan(alicloud), shanghaiSettings as OracleSettings],
    // The same plans judged from the other side of a border, so their paths are not all empty.
    ["policy-aws under CN", fromPlan(aws), { jurisdiction: "CN" }],
    ["policy-alicloud under US", fromPlan(alicloud), { jurisdiction: "US" }],
  ];
}

/** Every edge of an analysis as `from -[edge]-> to`, by node label. */
function edgeTexts(a: BorderAnalysis): string[] {
  const label = new Map(a.nodes.map((n) => [n.id, n.label]));
  return a.edges.map((e) => `${label.get(e.from)} -[${edgeText(e)}]-> ${label.get(e.to)}`);
}

describe("analyzeBorder on the one graph gives the old analysis's nodes, edges and paths", () => {
  it("on every border fixture and both policy fixture plans, over the border flow models", () => {
    let paths = 0;
    for (const [name, resources, settings] of plans()) {
      const opts = { egressAllowlist: settings.egressAllowlist ?? [] };
      const now = analyzeGraph(resources, settings.jurisdiction, opts, legacyRows(flowModels));
      const before = legacyAnalyzeBorder(resources, settings.jurisdiction, opts);
      expect({ name, ...now.analysis }).toEqual({ name, ...before });
      paths += before.paths.length;
    }
    // The inputs hold ways out, so the comparison covers paths and not only empty lists.
    expect(paths).toBeGreaterThan(10);
  });

  it("the domain tables draw the flow models' edges but for the differences listed here", () => {
    // The graph before the databases, backups, transfers and keys rows moved to their tables.
    const before: FlowTable = { ...flowModels, ...legacyCopyFlows };
    const lost: string[] = [];
    const added: string[] = [];
    const probes = probeCases.map((c): [string, BorderResource[], OracleSettings] => [
      `probe ${c.id}`,
      oracleBorderResources(c.specs),
      c.settings,
    ]);
    for (const [name, resources, settings] of [...plans(), ...probes]) {
      const opts = { egressAllowlist: settings.egressAllowlist ?? [] };
      const now = new Set(edgeTexts(analyzeBorder(resources, settings.jurisdiction, opts)));
      const then = new Set(
        edgeTexts(legacyAnalyzeBorder(resources, settings.jurisdiction, opts, before)),
      );
      lost.push(...[...then].filter((e) => !now.has(e)).map((e) => `${name}: ${e}`));
      added.push(...[...now].filter((e) => !then.has(e)).map((e) => `${name}: ${e}`));
    }
    // A copy or job *from* a region now flows from there into the resource (`inbound`, as
    // backup-copies and data-transfer-jobs always read it) instead of out of it; every other
    // edge of the moved rows is the one the flow models drew.
    expect({ lost, added }).toEqual({
      lost: [
        'policy-aws: ebs snapshot copy "snapshot-copy" -[snapshot copy (sourceRegion)]-> us-east-1 (inside US)',
        'policy-alicloud: dts synchronization job "sync" -[data sync (sourceEndpointRegion)]-> cn-shanghai (inside CN)',
        'policy-aws under CN: ebs snapshot copy "snapshot-copy" -[snapshot copy (sourceRegion)]-> us-east-1 (outside CN, in US)',
        'policy-alicloud under US: dts synchronization job "sync" -[data sync (sourceEndpointRegion)]-> cn-shanghai (outside US, in CN)',
      ],
      added: [
        'policy-aws: us-east-1 (inside US) -[snapshot copy (sourceRegion)]-> ebs snapshot copy "snapshot-copy"',
        'policy-alicloud: cn-shanghai (inside CN) -[data sync (sourceEndpointRegion)]-> dts synchronization job "sync"',
        'policy-aws under CN: us-east-1 (outside CN, in US) -[snapshot copy (sourceRegion)]-> ebs snapshot copy "snapshot-copy"',
        'policy-alicloud under US: cn-shanghai (outside US, in CN) -[data sync (sourceEndpointRegion)]-> dts synchronization job "sync"',
      ],
    });
  });

  it.each(probeCases.map((c) => [`${c.id}: ${c.title}`, c] as const))("on %s", (_, c) => {
    const resources = oracleBorderResources(c.specs);
    const opts = { egressAllowlist: c.settings.egressAllowlist ?? [] };
    expect(
      analyzeGraph(resources, c.settings.jurisdiction, opts, legacyRows(flowModels)).analysis,
    ).toEqual(legacyAnalyzeBorder(resources, c.settings.jurisdiction, opts));
  });
});

describe("the type tables", () => {
  it("hold the domains moved so far; the others still live in the per-policy tables", () => {
    // Beyond the 75 moved types, types modelled in the tables directly: databases +1
    // (AnalyticDB remote data sources); backups +12 (RDS snapshot and cluster snapshot shares,
    // EBS snapshot import, Backup report plan, seven HBR cross-account types and the HBR backup
    // client's proxy); transfers +16 (DataSync agent and five self-managed locations, the DMS
    // data provider, Storage Gateway's gateway and two file shares, Transfer Family workflows,
    // users and accesses, DMS Enterprise's instance, Cloud Storage Gateway's gateway, DTS
    // consumer channels); keys +2 (KMS custom key stores, Redshift HSM configurations).
    expect(
      Object.fromEntries(Object.entries(tables).map(([d, t]) => [d, Object.keys(t).length])),
    ).toEqual({
      storage: 0,
      databases: 27,
      backups: 39,
      transfers: 31,
      keys: 9,
      logs: 0,
      network: 0,
      "remote-sites": 0,
      egress: 0,
      exposure: 0,
      "edge-services": 0,
      kubernetes: 0,
    });
    expect(modelledTypes.size).toBe(106);
    // A moved type has left the flow models: the graph would refuse a type in both.
    expect(Object.keys(flowModels).filter((t) => modelledTypes.has(t))).toEqual([]);
  });

  it("refuse a type declared in two tables, naming both", () => {
    const row: TypeModel = { role: "data", fix: "Fix it." };
    expect(() =>
      merge({ storage: { "aws:s3/bucket:Bucket": row }, backups: { "aws:s3/bucket:Bucket": row } }),
    ).toThrow(
      "aws:s3/bucket:Bucket is declared in the storage and the backups tables; each type belongs to exactly one.",
    );
    expect(merge({ storage: { a: row }, backups: { b: row } })).toEqual({ a: row, b: row });
  });

  it("and the flow models cannot both give a type its edges", () => {
    const table: TypeTable = { "alicloud:oss/bucket:Bucket": { role: "data", fix: "" } };
    expect(() => mergeRows(typeRows(table), legacyRows(flowModels))).toThrow(
      "The data-flow graph has two rows for alicloud:oss/bucket:Bucket; each type belongs to one.",
    );
  });
});

/** The per-policy flow tables, each with the named policy that evaluates it. */
const oldTables: ReadonlyArray<readonly [PolicyName, readonly OldFlowModel[]]> = [
  ["storage-replication", storageFlows],
  ["key-and-secret-replicas", keyReplicaFlows],
  // network-links leaves the peer's account to cross-account-links (hardening, not a path out).
  [
    "network-links",
    networkLinkFlows.map((m) => ({
      ...m,
      fields: m.fields.filter((f) => !peerAccountFields.get(m.type)?.includes(f.path)),
    })),
  ],
  ["remote-sites", remoteSiteFlows],
  ["log-shipping", logFlows],
];

const sourceRefs = { "oss bucket": "oss-bucket", "s3 bucket": "s3-bucket" } as const;

/**
 * The per-policy flow tables as rows of the one model: one row per type, each field tagged with
 * the policy whose table holds it. Models whose code finds paths of its own (`custom`) stay out:
 * the row format has no place for code that reads several fields at once.
 */
function rowsOfOldTables(): { table: TypeTable; skipped: string[] } {
  const rows: Record<string, { fields: FieldSpec[]; fix: Partial<Record<PolicyName, string>> }> =
    {};
  const skipped: string[] = [];
  for (const [policy, models] of oldTables) {
    for (const m of models) {
      if (m.custom) {
        skipped.push(`${policy} ${m.type}`);
        continue;
      }
      const noun = m.source?.noun as keyof typeof sourceRefs | undefined;
      if (noun !== undefined && !(noun in sourceRefs)) {
        throw new Error(`no ref kind for the source noun ${noun} of ${m.type}`);
      }
      const row = (rows[m.type] ??= { fields: [], fix: {} });
      row.fix[policy] = m.fix;
      for (const f of m.fields) {
        row.fields.push({
          ...f,
          label: "replication",
          policy,
          ...(m.source && noun ? { source: { path: m.source.path, ref: sourceRefs[noun] } } : {}),
        });
      }
    }
  }
  const table: Record<string, TypeModel> = {};
  for (const [type, row] of Object.entries(rows)) {
    table[type] = { role: "other", fields: row.fields, fix: row.fix };
  }
  return { table, skipped };
}

describe("every named policy as a view of the tables reports what it reported before", () => {
  const inputs = (): Array<[string, OracleResource[], OracleSettings]> => [
    ...probeCases.map((c): [string, OracleResource[], OracleSettings] => [
      `probe ${c.id}: ${c.title}`,
      [...c.specs],
      c.settings,
    ]),
    ["policy-aws", oracleInputs(aws), oregonSettings as OracleSettings],
    ["policy-alicloud", oracleInputs(alicloud), shanghaiSettings as OracleSettings],
    ["policy-aws under CN", oracleInputs(aws), { jurisdiction: "CN" }],
    ["policy-alicloud under US", oracleInputs(alicloud), { jurisdiction: "US" }],
    ...borderFixtures.map((name): [string, OracleResource[], OracleSettings] => [
      `border ${name}/crossing`,
      oracleInputs(border[name].crossing),
      { jurisdiction: "CN", egressAllowlist: plantAllowlist },
    ]),
  ];

  it("over the tables as they are (every type still judged by the policies' own code)", () => {
    const viewed = policies.map((p) => viewedPolicy(p));
    for (const [name, resources, settings] of inputs()) {
      expect({ name, findings: runNamed(resources, settings, viewed) }).toEqual({
        name,
        findings: runNamed(resources, settings),
      });
    }
  });

  it("over tables holding the per-policy flow tables' rows, compiled by the one compiler", () => {
    const { table, skipped } = rowsOfOldTables();
    // Every declarative row still in the per-policy tables moves (the backups and transfers rows
    // already live in their domain tables); the few with code of their own are named, not lost.
    expect(Object.keys(table).length).toBeGreaterThanOrEqual(120);
    expect(skipped).toEqual([
      "network-links alicloud:cen/bandwidthPackage:BandwidthPackage",
      "network-links alicloud:ga/bandwidthPackage:BandwidthPackage",
      // Origins listed inside one function argument (`source_group`), addresses inside an
      // /etc/hosts text or a JSON list of host aliases, remote write targets inside a YAML text,
      // and an event stream's JSON sink.
      "log-shipping alicloud:cdn/domainConfig:DomainConfig",
      "log-shipping alicloud:dcdn/domainConfig:DomainConfig",
      "log-shipping alicloud:scdn/domainConfig:DomainConfig",
      "log-shipping alicloud:arms/remoteWrite:RemoteWrite",
      "log-shipping alicloud:eventbridge/eventStreaming:EventStreaming",
      "log-shipping alicloud:gpdb/hadoopDataSource:HadoopDataSource",
      "log-shipping alicloud:sae/application:Application",
      "log-shipping aws:cloudtrail/trail:Trail",
      "log-shipping aws:cloudtrail/eventDataStore:EventDataStore",
      "log-shipping aws:cfg/configurationAggregator:ConfigurationAggregator",
      "log-shipping aws:securityhub/findingAggregator:FindingAggregator",
      "log-shipping aws:sns/topicSubscription:TopicSubscription",
      // E-mail subscribers only (SNS topic subscribers are placed as ARNs); the Shield Response
      // Team's access, which has no in-jurisdiction shape.
      "log-shipping aws:budgets/budgetAction:BudgetAction",
      "log-shipping aws:costexplorer/anomalySubscription:AnomalySubscription",
      "log-shipping aws:shield/drtAccessLogBucketAssociation:DrtAccessLogBucketAssociation",
      "log-shipping aws:shield/drtAccessRoleArnAssociation:DrtAccessRoleArnAssociation",
      // A YAML pipeline body the pack does not read: it always fails, naming it.
      "log-shipping aws:opensearchingest/pipeline:Pipeline",
    ]);
    const viewed = policies.map((p) => viewedPolicy(p, table));
    let findings = 0;
    let judged = 0;
    for (const [name, resources, settings] of inputs()) {
      const before = runNamed(resources, settings);
      expect({ name, findings: runNamed(resources, settings, viewed) }).toEqual({
        name,
        findings: before,
      });
      findings += before.filter(([p]) => oldTables.some(([t]) => t === p)).length;
      judged += resources.filter((r) => r.type in table).length;
    }
    // The inputs exercise the moved rows: resources of their types, and findings they report.
    expect(judged).toBeGreaterThanOrEqual(85);
    expect(findings).toBeGreaterThanOrEqual(20);
  });
});

describe("explainedBy: which policy already reports a path's crossing", () => {
  it("on the border fixtures, only a resource's own placement is explained yet (by resource-placement)", () => {
    const out: string[] = [];
    for (const name of borderFixtures) {
      for (const stack of ["crossing", "sealed"] as const) {
        const { graph, analysis } = analyzeGraph(
          fromPlan(border[name][stack]),
          "CN",
          { egressAllowlist: plantAllowlist },
          mergeRows(typeRows(byType), legacyRows(flowModels)),
        );
        for (const p of analysis.paths) {
          out.push(`${name}/${stack} ${p.source.label}: ${explainedBy(p, graph) ?? "-"}`);
        }
      }
    }
    expect(out).toEqual([
      'replication/crossing oss bucket "telemetry": -',
      'foreign-key/crossing kms key "records-key": resource-placement',
      'foreign-key/crossing oss bucket "records": -',
      'cen/crossing oss bucket "records": -',
      'peering/crossing oss bucket "records": -',
      'nat/crossing oss bucket "records": -',
      'vpn/crossing oss bucket "records": -',
      'kubernetes/crossing k8s statefulset "db": -',
      'transit-router/crossing oss bucket "records": -',
    ]);
  });
});
