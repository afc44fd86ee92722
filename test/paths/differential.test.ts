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
import type {
  ResourceValidation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidation,
  StackValidationArgs,
} from "@pulumi/policy";
import {
  flowPolicy,
  type FlowModel as OldFlowModel,
  namedDestinationsPolicy,
} from "../../policy/flows";
import { allFlowModels } from "../../policy/models";
import { policies } from "../../policy/policies";
import {
  analyzeBorder,
  type BorderAnalysis,
  edgeText,
  egressPosture,
  fromPlan,
  type BorderResource,
  Resolver,
} from "../../policy/paths";
import {
  analyzeGraph,
  explainedBy,
  type GraphRows,
  mergeRows,
  typeRows,
} from "../../policy/paths/graph";
import type { FlowTable } from "../../policy/paths/types/common";
import type { PolicyName, TaggedEdge, TypeModel, TypeTable } from "../../policy/paths/model";
import { byType, type Domain, merge, modelledTypes, tables } from "../../policy/paths/types";
import { viewedPolicy } from "../../policy/paths/views";
import type { Plan } from "../../engine/plan";
import { getJurisdiction } from "../../residency/jurisdictions";
import { evaluateFixtures, plantAllowlist } from "../border/pack";
import { legacyAnalyzeBorder } from "../helpers/legacy-border";
import { legacyRows } from "../helpers/legacy-rows";
import { legacyCopyFlows } from "../helpers/legacy-copy-flows";
import {
  legacyCrossAccountLinks,
  legacyNetworkFlows,
  legacyNetworkLinkFlows,
  legacyNetworkLinks,
  legacyRemoteSiteFlows,
  legacyRemoteSites,
} from "../helpers/legacy-network-flows";
import { legacyInternetEgress } from "../helpers/legacy-egress-flows";
import {
  legacyClusterFlows,
  legacyKubernetesEgressServers,
  legacyKubernetesFlows,
} from "../helpers/legacy-kubernetes-flows";
import { legacyRouteFlows } from "../helpers/legacy-routes-flows";
import {
  groupAdmission as legacyGroupAdmission,
  legacyEgressRules,
  ruleModels as legacyRuleModels,
  sealingAcl as legacySealingAcl,
} from "../helpers/legacy-gates-flows";
import {
  legacyLogFlows,
  legacyLogKeyFlows,
  legacyLogElsewhere,
  legacyLogShippingFlows,
} from "../helpers/legacy-logs-flows";
import { legacyStorageFlows, legacyStorageReplicationFlows } from "../helpers/legacy-storage-flows";
import { resourceLabel } from "../../policy/paths/describe";
import { legacyGlobalServices } from "../helpers/legacy-edge-services-flows";
import { legacyPublicExposure } from "../helpers/legacy-exposure-flows";
import { resourceGrants as legacyResourceGrants } from "../helpers/legacy-grants-flows";
import {
  oracleBorderResources,
  oracleInputsOf,
  type OracleResource,
  type OracleSettings,
  policyResources,
  runNamed,
} from "../helpers/model-oracle";
import { fixturePlan } from "../helpers/policy-plan";
import { oregonSettings, shanghaiSettings } from "../helpers/policy-session";
import { clusterCases } from "./clusters-inputs";
import { kubernetesCases } from "./kubernetes-inputs";
import { routesCases } from "./routes-inputs";
import { gateAllowlist, gateCases, ruleShapes } from "./gates-inputs";
import { logsCases } from "./logs-inputs";
import { probeCases } from "./probe-inputs";
import { storageCases } from "./storage-inputs";
import { exposureCases } from "./exposure-inputs";
import { exposedRowCases, exposedRowTypes, grantCases } from "./grants-inputs";

/**
 * The resource a finding's message names, for messages written `${prefix}${name}: …` (the oracle
 * runner's format): looked up by name instead of testing every resource against every message,
 * which the shape inputs (thousands of resources, thousands of findings) make quadratic.
 */
function namedBy(
  resources: readonly OracleResource[],
  prefix = "",
): (message: string) => readonly OracleResource[] {
  // Several resources may share a name (a bucket and a database "records"): all of them, in order.
  const byName = new Map<string, OracleResource[]>();
  for (const r of resources) {
    byName.set(r.name, [...(byName.get(r.name) ?? []), r]);
  }
  return (message) => {
    // `prefix` "policy " stands for whichever policy wrote the message.
    const start = prefix === "policy " ? message.indexOf(" ") + 1 : prefix.length;
    const end =
      prefix === "policy " || message.startsWith(prefix) ? message.indexOf(": ", start) : -1;
    return end < 0 ? [] : (byName.get(message.slice(start, end)) ?? []);
  };
}

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

/**
 * The storage types' old flow models: object storage, and the disks, volumes, file systems,
 * mounts and replications that were among the copy models.
 */
const legacyStorage: FlowTable = {
  ...legacyStorageFlows,
  ...Object.fromEntries(Object.entries(legacyCopyFlows).filter(([t]) => t in tables.storage)),
};

/**
 * Today's rows, but with the types of `domains` drawn by `legacy`, the flow models they replaced
 * (and the clusters of those domains by the cluster flow models they replaced).
 */
function rowsBefore(domains: readonly Domain[], legacy: FlowTable): GraphRows {
  const moved = new Set(domains.flatMap((d) => Object.keys(tables[d])));
  const current = Object.fromEntries(Object.entries(byType).filter(([t]) => !moved.has(t)));
  const clusters = Object.fromEntries(
    Object.entries(legacyClusterFlows).filter(([t]) => moved.has(t)),
  );
  return mergeRows(typeRows(current), legacyRows({ ...clusters, ...legacy }));
}

/** Every edge of an analysis as `from -[edge]-> to`, by node label. */
function edgeTexts(a: BorderAnalysis): string[] {
  const label = new Map(a.nodes.map((n) => [n.id, n.label]));
  return a.edges.map((e) => `${label.get(e.from)} -[${edgeText(e)}]-> ${label.get(e.to)}`);
}

describe("analyzeBorder on the one graph gives the old analysis's nodes, edges and paths", () => {
  it("on every border fixture and both policy fixture plans, over the border flow models", () => {
    // The flow models as they were before the domains moved to their tables: the stores (buckets
    // above all) are where the paths start.
    const models: FlowTable = {
      ...legacyStorageFlows,
      ...legacyCopyFlows,
      ...legacyRouteFlows,
      ...legacyKubernetesFlows,
      ...legacyClusterFlows,
      ...legacyLogFlows,
    };
    let paths = 0;
    for (const [name, resources, settings] of plans()) {
      const opts = { egressAllowlist: settings.egressAllowlist ?? [] };
      const now = analyzeGraph(resources, settings.jurisdiction, opts, legacyRows(models));
      const before = legacyAnalyzeBorder(resources, settings.jurisdiction, opts, models);
      expect({ name, ...now.analysis }).toEqual({ name, ...before });
      paths += before.paths.length;
    }
    // The inputs hold ways out, so the comparison covers paths and not only empty lists.
    expect(paths).toBeGreaterThan(10);
  });

  it("the domain tables draw the flow models' edges but for the differences listed here", () => {
    // The graph before the databases, backups, transfers and keys rows moved to their tables,
    // compared with today's but for the domains moved since (drawn as they were then).
    const before: FlowTable = {
      ...legacyStorageFlows,
      ...legacyCopyFlows,
      ...legacyNetworkFlows,
      ...legacyRouteFlows,
      ...legacyKubernetesFlows,
      ...legacyClusterFlows,
      ...legacyLogFlows,
    };
    const since = rowsBefore(
      [
        "storage",
        "exposure",
        "edge-services",
        "network",
        "remote-sites",
        "egress",
        "kubernetes",
        "logs",
      ],
      {
        ...legacyStorage,
        ...legacyNetworkFlows,
        ...legacyRouteFlows,
        ...legacyKubernetesFlows,
        ...legacyLogFlows,
      },
    );
    const lost: string[] = [];
    const added: string[] = [];
    const probes = probeCases.map((c): [string, BorderResource[], OracleSettings] => [
      `probe ${c.id}`,
      oracleBorderResources(c.specs),
      c.settings,
    ]);
    for (const [name, resources, settings] of [...plans(), ...probes]) {
      const opts = { egressAllowlist: settings.egressAllowlist ?? [] };
      const now = new Set(
        edgeTexts(analyzeGraph(resources, settings.jurisdiction, opts, since).analysis),
      );
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

  it("the storage table draws the old storage flow models' edges but for the differences listed here", () => {
    // The storage types, and the bucket ACLs and acceleration resources the old storage flow
    // models drew (now the exposure and edge-services tables'), as those models drew them.
    const before = mergeRows(
      typeRows(
        Object.fromEntries(
          Object.entries(byType).filter(([t]) => !(t in tables.storage) && !(t in legacyStorage)),
        ),
      ),
      legacyRows(legacyStorage),
    );
    const lost: string[] = [];
    const added: string[] = [];
    const probes = [
      ...probeCases.map((c) => [c.id, c.specs, c.settings] as const),
      ...storageCases,
    ].map(([name, specs, settings]): [string, BorderResource[], OracleSettings] => [
      `probe ${name}`,
      oracleBorderResources(specs),
      settings,
    ]);
    for (const [name, resources, settings] of [...plans(), ...probes]) {
      const { lost: gone, added: drawn } = edgesAgainst(name, resources, settings, before);
      lost.push(...gone);
      added.push(...drawn);
    }
    // The rows draw every field storage-replication judged, so the graph gains the edges the flow
    // models never drew: another account a bucket replicates or exports to; the website mirror,
    // the services that keep their data in a bucket, S3 inventories, analytics, Storage Lens,
    // a multi-Region access point's buckets and routes, an object copy's source and grantee.
    // An OSS inventory's `acs:oss:::` destination now names the bucket of the stack, and an S3
    // replication destination named nowhere reads as every other reference does. A replication
    // configuration whose rules are all disabled is drawn too, as storage-replication and
    // named-destinations have always judged it.
    expect({ lost, added }).toEqual({
      lost: [
        'probe storage alicloud: oss bucket "data" -[log delivery "inventory" (object inventory)]-> unknown (log bucket "acs:oss:::logs-b" of oss bucket inventory "inventory" is not in this stack)',
        'probe storage aws: s3 bucket "source" -[replication]-> unknown (replication destination "arn:aws:s3:::gone-b" is not a bucket of this stack)',
      ],
      added: [
        'probe storage alicloud: oss bucket "data" -[log delivery "inventory" (object inventory)]-> oss bucket "logs"',
        'probe storage alicloud: oss bucket "data" -[log delivery "inventory" (object inventory)]-> alicloud account 999 (another account, location unknown)',
        'probe storage alicloud: oss bucket "data" -[data sync "website"]-> unknown (https://origin.example.com/, an endpoint outside the cloud)',
        'probe storage alicloud: oss bucket "data" -[data sync "website" (routingRules.routingRules[].redirect.mirrorDstRegion)]-> cn-hongkong (outside CN, in HK)',
        'probe storage alicloud: oss bucket object "object" -[data sync]-> unknown (OSS bucket "gone-b" of oss bucket object "object" is not in this stack)',
        'probe storage alicloud: cloudstoragegateway gateway file share "share" -[data sync]-> cn-hongkong (outside CN, in HK)',
        'probe storage alicloud: cloudstoragegateway gateway file share "share" -[transfer acceleration]-> OSS transfer acceleration network (global, outside CN)',
        'probe storage alicloud: cloudstoragegateway gateway block volume "volume" -[data sync]-> cn-beijing (inside CN)',
        'probe storage alicloud: cloudstoragegateway gateway block volume "volume" -[data sync]-> oss bucket "logs"',
        'probe storage alicloud: cloudstoragegateway express sync "express" -[data sync]-> cn-hongkong (outside CN, in HK)',
        'probe storage alicloud: realtimecompute vvp instance "flink" -[data sync]-> oss bucket "logs"',
        'probe storage alicloud: dms airflow "airflow" -[data sync]-> oss bucket "far"',
        'probe storage alicloud: cr registry enterprise instance "registry" -[data sync]-> unknown (OSS bucket "gone-b" of cr registry enterprise instance "registry" is not in this stack)',
        'probe storage aws: s3 bucket "source" -[replication]-> unknown (replication destination "arn:aws:s3:::gone-b" of s3 bucket "source" is not in this stack)',
        'probe storage aws: s3 bucket "source" -[replication]-> aws account 444455556666 (another account, location unknown)',
        'probe storage aws: s3 bucket "source" -[replication "replication"]-> aws account 444455556666 (another account, location unknown)',
        'probe storage aws: s3 bucket v2 "v2" -[replication "replication-off"]-> s3 bucket "source"',
        'probe storage aws: s3 bucket "source" -[log delivery "inventory" (object inventory)]-> s3 bucket v2 "v2"',
        'probe storage aws: s3 bucket "source" -[log delivery "analytics" (storage analytics)]-> unknown (log bucket "arn:aws:s3:::gone-b" of s3 analytics configuration "analytics" is not in this stack)',
        'probe storage aws: s3control storage lens configuration "lens" -[log delivery (storage metrics)]-> s3 bucket v2 "v2"',
        'probe storage aws: s3control storage lens configuration "lens" -[log delivery (storage metrics)]-> aws account 444455556666 (another account, location unknown)',
        'probe storage aws: s3control multi region access point "mrap" -[replication]-> s3 bucket "source"',
        'probe storage aws: s3control multi region access point "mrap" -[replication]-> unknown (S3 bucket "eu-b" of s3control multi region access point "mrap" is not in this stack)',
        'probe storage aws: s3control multi region access point routes "routes" -[replication (routes[].region)]-> eu-west-1 (outside US, in EU)',
        'probe storage aws: unknown (S3 bucket "gone-b/k" of s3 object copy "copy" is not in this stack) -[replication]-> s3 object copy "copy"',
        'probe storage aws: s3 object copy "copy" -[replication]-> unknown (the AWS account of that e-mail address)',
      ],
    });
  });

  it.each(probeCases.map((c) => [`${c.id}: ${c.title}`, c] as const))("on %s", (_, c) => {
    const resources = oracleBorderResources(c.specs);
    const opts = { egressAllowlist: c.settings.egressAllowlist ?? [] };
    expect(analyzeGraph(resources, c.settings.jurisdiction, opts, {}).analysis).toEqual(
      legacyAnalyzeBorder(resources, c.settings.jurisdiction, opts),
    );
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
    // Storage: the plan's 35 less the seven public-access types of the exposure table (bucket
    // ACLs and policies, access points), plus eight that write into a bucket (an OSS object, Cloud Storage
    // Gateway's shares, volumes and Express Sync, Flink, Airflow, a registry's layers, an S3
    // object copy). Egress: the 38 internet-egress types that had no flow model and no other
    // policy's row, and the internet exits the flow models drew (NAT and internet gateways,
    // EIPs and their associations, routes and route tables, instances, AWS subnets: 17), and the
    // ACK clusters and node pools, whose exits are the NAT gateway ACK creates and public nodes (4);
    // the SageMaker jobs, with the buckets they write (log-shipping), and the RDS AI instance, with
    // its public endpoint (public-exposure: 5); the egress controls egress-rules judges and the
    // gates read (18: gates.ts).
    // Network and remote-sites: every row of network-links and remote-sites (41 and 35), the
    // types both models held (8 and 7), and the hubs and gateways only the flow models drew (CEN,
    // transit routers and gateways and their VPC attachments: 7; VPN gateways and their
    // attachment: 3); VPCs, vSwitches, IPv6 gateways and VPC route entries (5), the two
    // office sites (one each), with internet-egress's field in the same row, and the two
    // bandwidth packages (network).
    // Kubernetes: the objects the flow models drew (namespaces, the 38 workload kinds and patches
    // that run pods, claims, volumes, v1 NetworkPolicies, Helm v3 releases: 43), the EKS
    // cluster they run on, and the other kinds whose servers kubernetes-egress judges (pod
    // templates and presets, volume attachments, PersistentVolume patches, webhooks, CRDs, audit
    // sinks, Endpoints and EndpointSlices, objects and Patches: 31); the ACK clusters (3) and node
    // pools, whose exits internet-egress judges, are the egress table's.
    // Logs: the types both models held (18), the stores, projects and subscriptions only the flow models drew
    // (4), and log-shipping's edge and flow logs and AWS audit, findings and log sinks (25), the
    // AWS job outputs, exports and service logs named by reference (47; SageMaker's training,
    // tuning and monitoring jobs are the egress table's) and the URLs, endpoints and ARNs services push data to (23), the SaaS connectors, third
    // parties and findings administrators (15), the alarm webhooks, contacts and sources services
    // read (25), AWS API integrations, event sources, catalogues and knowledge bases (14), and
    // Alibaba Cloud's pushed messages and the hosts its services sign in to, manage through or
    // keep data in (15), the edge origins and DNS answers, the rows whose values are judged one
    // holder at a time (`where`) and the rows that find paths with code of their own, the
    // CloudTrail trail among them (`judged` fields: 39).
    // Exposure: the bucket ACLs (3), bucket policies (2), S3 access points and the four
    // public-access blocks, the gates their grants pass (10); the endpoints, load balancers,
    // addresses and sign-in settings public-exposure judged by one property (34); the IP
    // whitelists of data services no other table holds (25); the resource policies, permissions
    // and shares of the old grants table (90); the Alibaba Cloud EMR cluster, with its metastore's
    // URL (log-shipping: 1); the buckets' own public fields are in their
    // storage rows. Edge services: global-services' rows, those whose reach a reader of
    // their own finds among them (public DNS zones, health checkers, Anti-DDoS, mobile push: 5;
    // the edge-optimised APIs' and ESA transport applications' readers are fields of their
    // grants and logs rows), and the three transfer-acceleration resources.
    expect(
      Object.fromEntries(Object.entries(tables).map(([d, t]) => [d, Object.keys(t).length])),
    ).toEqual({
      storage: 36,
      databases: 27,
      backups: 39,
      transfers: 31,
      keys: 9,
      logs: 185 + 39,
      network: 64,
      "remote-sites": 46,
      egress: 59 + 5 + 18,
      exposure: 69 + 1 + 90,
      "edge-services": 38 + 5,
      kubernetes: 75,
    });
    expect(modelledTypes.size).toBe(647 + 18 + 39 + 90 + 31 + 6 + 5);
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
    // Every live flow model has moved to a table; a frozen one stands for the legacy rows.
    const [type, model] = Object.entries(legacyLogFlows)[0];
    const table: TypeTable = { [type]: { role: "control", fix: "" } };
    expect(() => mergeRows(typeRows(table), legacyRows({ [type]: model }))).toThrow(
      `The data-flow graph has two rows for ${type}; each type belongs to one.`,
    );
  });
});

/** The inputs the views are compared on, as the oracle takes them. */
function viewInputs(): Array<[string, OracleResource[], OracleSettings]> {
  return [
    ...probeCases.map((c): [string, OracleResource[], OracleSettings] => [
      `probe ${c.id}: ${c.title}`,
      [...c.specs],
      c.settings,
    ]),
    ["policy-aws", oracleInputsOf(aws), oregonSettings as OracleSettings],
    ["policy-alicloud", oracleInputsOf(alicloud), shanghaiSettings as OracleSettings],
    ["policy-aws under CN", oracleInputsOf(aws), { jurisdiction: "CN" }],
    ["policy-alicloud under US", oracleInputsOf(alicloud), { jurisdiction: "US" }],
    ...borderFixtures.map((name): [string, OracleResource[], OracleSettings] => [
      `border ${name}/crossing`,
      oracleInputsOf(border[name].crossing),
      { jurisdiction: "CN", egressAllowlist: plantAllowlist },
    ]),
  ];
}

describe("every named policy as a view of the tables reports what it reported before", () => {
  const inputs = viewInputs;

  it("over the tables as they are (every type still judged by the policies' own code)", () => {
    const viewed = policies.map((p) => viewedPolicy(p));
    for (const [name, resources, settings] of inputs()) {
      expect({ name, findings: runNamed(resources, settings, viewed) }).toEqual({
        name,
        findings: runNamed(resources, settings),
      });
    }
  });

  it("with no row left in the per-policy flow tables: every type is a row of the domain tables", () => {
    // The last rows (log-shipping's SageMaker jobs and EMR cluster) are fields of their types'
    // egress and exposure rows; their old rows are frozen in legacy-logs-flows.ts, and the logs
    // table's block below compares the view with them.
    // The per-policy tables are gone: every flow model the registry lends the readers is a row.
    expect(
      allFlowModels()
        .filter((m) => !(m.type in byType))
        .map((m) => m.type),
    ).toEqual([]);
  });
});

describe("storage-replication and named-destinations over the storage table report what they reported before", () => {
  it("on the probe inputs, both policy fixture plans (under both jurisdictions) and the border fixtures", () => {
    // The two policies as they were, over the frozen storage-replication table; every other
    // table as it is now.
    const meta = (name: string) => policies.find((p) => p.name === name) as (typeof policies)[0];
    const storage = meta("storage-replication");
    const named = meta("named-destinations");
    const oldStorage = flowPolicy({
      name: storage.name,
      description: storage.description,
      severity: storage.severity ?? "critical",
      remediationSteps: storage.remediationSteps ?? "",
      models: legacyStorageReplicationFlows,
    });
    const oldNamed = namedDestinationsPolicy({
      name: named.name,
      description: named.description,
      severity: named.severity ?? "critical",
      remediationSteps: named.remediationSteps ?? "",
      models: () => [
        ...legacyStorageReplicationFlows,
        ...allFlowModels().filter((m) => !(m.type in tables.storage)),
      ],
    });
    const before = policies.map((p) => (p === storage ? oldStorage : p === named ? oldNamed : p));
    let findings = 0;
    let judged = 0;
    for (const [name, resources, settings] of [...viewInputs(), ...storageCases]) {
      const now = runNamed(resources, settings);
      expect({ name, findings: now }).toEqual({
        name,
        findings: runNamed(resources, settings, before),
      });
      findings += now.filter(
        ([p, r]) =>
          p === "storage-replication" ||
          (p === "named-destinations" &&
            resources.some((x) => x.name === r && x.type in tables.storage)),
      ).length;
      judged += resources.filter((r) => r.type in tables.storage).length;
    }
    // The inputs exercise the storage rows: resources of their types, and findings they report.
    expect({ judged: judged >= 40, findings: findings >= 10 }).toEqual({
      judged: true,
      findings: true,
    });
  });
});

describe("internet-egress over the egress table reports what its rows reported, byte for byte", () => {
  const unknownAtPreview = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
  // The runtime's proxy is internal to @pulumi/policy; it turns that value into an unknown.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { unknownCheckingProxy } = require("@pulumi/policy/proxy") as {
    unknownCheckingProxy: <T extends object>(o: T) => T;
  };

  /** The raw messages (text and path) a resource policy reports on each resource. */
  function messages(
    policy: ResourceValidationPolicy,
    resources: readonly OracleResource[],
    settings: OracleSettings,
  ): string[] {
    const config = {
      jurisdiction: settings.jurisdiction,
      egressAllowlist: settings.egressAllowlist ?? [],
      waivers: settings.waivers ?? [],
    };
    return resources.flatMap((r) => {
      const out: string[] = [];
      const args = {
        type: r.type,
        name: r.name,
        urn: `urn:pulumi:oracle::p::${r.type}::${r.name}`,
        // A copy made in this realm: the proxy wraps only objects that are `instanceof Object`
        // here, which structuredClone's copies are not under jest.
        props: unknownCheckingProxy(JSON.parse(JSON.stringify(r.props ?? {})) as object),
        getConfig: () => ({ ...config }),
      };
      const validate = policy.validateResource as ResourceValidation;
      validate(args as unknown as ResourceValidationArgs, (m) => out.push(`${r.name}: ${m}`));
      return out;
    });
  }

  /** `props` with `value` at a dotted path; `a[].b` holds one element. */
  function shape(path: string, value: unknown): Record<string, unknown> {
    const [head, ...rest] = path.split(".");
    const inner = rest.length === 0 ? value : shape(rest.join("."), value);
    return head.endsWith("[]") ? { [head.slice(0, -2)]: [inner] } : { [head]: inner };
  }

  /** Two shapes as one: objects key by key, lists element by element. */
  function combine(a: unknown, b: unknown): unknown {
    if (Array.isArray(a) && Array.isArray(b)) {
      return a.map((x, i) => (i < b.length ? combine(x, b[i]) : x));
    }
    if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
      const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
      for (const [k, v] of Object.entries(b)) {
        out[k] = k in out ? combine(out[k], v) : v;
      }
      return out;
    }
    return b;
  }

  /** The rows internet-egress judges, with their internet fields only. */
  const internetRows = (): TypeTable => ({
    ...Object.fromEntries(
      Object.entries(byType).flatMap(([t, m]) => {
        const fields = (m.fields ?? []).filter((f) => f.format === "internet");
        return fields.length > 0 ? [[t, { ...m, fields }]] : [];
      }),
    ),
  });

  /** Every row's type in shapes that open its edges, shut them, leave them unset or unknown. */
  function shapes(): OracleResource[] {
    const values = [
      true,
      "true",
      false,
      "false",
      0,
      5,
      "5",
      "Disabled",
      "public",
      "0.0.0.0/0",
      "::/0",
      "10.0.0.0/8",
      unknownAtPreview,
    ];
    return Object.entries(internetRows()).flatMap(([type, model]) => {
      // Every field at a value that keeps its edge shut, at once (the twin of each opening).
      const closed = (model.fields ?? []).map((f): Record<string, unknown> => {
        const o = f.opens;
        return o === "true" || o === "not-false"
          ? shape(f.path, false)
          : o === "positive"
            ? shape(f.path, 0)
            : o === "default-route"
              ? shape(f.path, "10.0.0.0/8")
              : typeof o === "object" && "unless" in o
                ? shape(f.path, o.unless[0])
                : typeof o === "object"
                  ? shape(f.path, ["subnet-1"])
                  : {};
      });
      const props: Record<string, unknown>[] = [{}, closed.reduce(combine, {}) as never];
      for (const f of model.fields ?? []) {
        props.push(...values.map((v) => shape(f.path, v)));
        const opens = f.opens;
        if (typeof opens === "object" && "outsideVpc" in opens) {
          const { holder, isolation } = opens.outsideVpc;
          const inHolder = (p: string) => (holder === undefined ? p : `${holder}.${p}`);
          props.push(
            shape(f.path, []),
            shape(f.path, ["subnet-1"]),
            shape(f.path.split(".")[0], unknownAtPreview),
            ...(holder === undefined ? [] : [shape(holder, unknownAtPreview)]),
            ...(isolation === undefined
              ? []
              : [true, false, unknownAtPreview].map(
                  (v) => combine(shape(f.path, []), shape(inHolder(isolation), v)) as never,
                )),
          );
        }
        if (f.path.includes("[]")) {
          const [list, leaf] = f.path.split("[].");
          const listed = (v: unknown) => shape(leaf, v);
          props.push({
            [list]: [listed(false), listed(true), listed(unknownAtPreview), listed("0.0.0.0/0")],
          });
        }
      }
      // Named by module and class (`ecs/service-3`): two clouds share class names.
      const module = type.split(":")[1].split("/")[0];
      return props.map((p, i) => ({
        type,
        name: `${module}/${type.split(":")[2]}-${i}`,
        props: p,
      }));
    });
  }

  it("on every migrated type's shapes, the probe inputs, the policy fixture plans and the border fixtures", () => {
    const now = policies.find((p) => p.name === "internet-egress") as ResourceValidationPolicy;
    const inputs: Array<[string, OracleResource[], OracleSettings]> = [
      ["shapes", shapes(), { jurisdiction: "CN" }],
      ...viewInputs(),
    ];
    let reported = 0;
    for (const [name, resources, settings] of inputs) {
      const after = messages(now, resources, settings);
      expect({ name, after }).toEqual({
        name,
        after: messages(legacyInternetEgress, resources, settings),
      });
      reported += after.length;
    }
    // Every migrated type reports in some shape and passes in another.
    const judged = shapes();
    const findings = messages(now, judged, { jurisdiction: "CN" });
    const named = namedBy(judged);
    const reportedNames = new Set(findings.flatMap((m) => named(m)).map((r) => r.name));
    const reportedTypes = new Set(
      judged.filter((r) => reportedNames.has(r.name)).map((r) => r.type),
    );
    const passingTypes = new Set(
      judged.filter((r) => !reportedNames.has(r.name)).map((r) => r.type),
    );
    const rows = internetRows();
    expect({ reportedTypes: reportedTypes.size, passingTypes: passingTypes.size }).toEqual({
      reportedTypes: Object.keys(rows).length,
      passingTypes: Object.keys(rows).filter((t) =>
        rows[t].fields?.some((f) => f.opens !== "always"),
      ).length,
    });
    expect(reported).toBeGreaterThan(250);
  });

  it("draws an edge to the public internet for every value that opens one, and nothing else new", () => {
    // The egress types that had no flow model draw their internet edges from their fields: the
    // graph gains exactly those. The exits the flow models drew draw the same edges as before
    // (their own block below compares them).
    const drawnAsBefore = (t: string) => t in legacyRouteFlows;
    const before = rowsBefore(
      ["egress"],
      Object.fromEntries(Object.entries(legacyRouteFlows).filter(([t]) => t in tables.egress)),
    );
    const providers: OracleResource[] = [
      { type: "pulumi:providers:aws", name: "aws", props: { region: "us-east-1" } },
      { type: "pulumi:providers:alicloud", name: "alicloud", props: { region: "cn-shanghai" } },
    ];
    // The rows whose fields draw their own internet edges (not a row's code: `drawnByRow`).
    const ownEdges = (t: string) =>
      t in tables.egress && (tables.egress[t].fields ?? []).some((f) => !f.drawnByRow);
    const judged = shapes()
      .filter((r) => ownEdges(r.type) && !drawnAsBefore(r.type))
      .map((r) => ({ ...r, provider: r.type.split(":")[0] }));
    const inputs: Array<[string, BorderResource[], OracleSettings]> = [
      ["shapes", oracleBorderResources([...providers, ...judged]), { jurisdiction: "CN" }],
      ...plans(),
      ...probeCases.map((c): [string, BorderResource[], OracleSettings] => [
        `probe ${c.id}`,
        oracleBorderResources(c.specs),
        c.settings,
      ]),
    ];
    const lost: string[] = [];
    const added: string[] = [];
    for (const [name, resources, settings] of inputs) {
      const { lost: gone, added: drawn } = edgesAgainst(name, resources, settings, before);
      lost.push(...gone);
      added.push(...drawn);
    }
    // A SageMaker job's output buckets are log-shipping's fields of its row (the logs table's
    // block compares them): a shape whose job definition is not known at preview leaves its
    // bucket unknown too.
    const fromShapes = added.filter(
      (e) => e.startsWith("shapes: ") && !/ "sagemaker\/[^"]+" -\[log delivery\]-> /.test(e),
    );
    // Each edge runs from the resource to the public internet, or to an unknown place when the
    // value that decides it is not known at preview.
    const edge =
      /^shapes: (.+) "([^"]+)" -\[(public address|default egress|snat entry) \(([^)]+)\)\]-> (the public internet|unknown \(.+ is not known until deployed\))$/;
    expect(fromShapes.filter((e) => !edge.test(e))).toEqual([]);
    const names = new Set(fromShapes.map((e) => (edge.exec(e) as RegExpExecArray)[2]));
    expect(
      Object.keys(tables.egress)
        .filter((t) => ownEdges(t) && !drawnAsBefore(t))
        .filter((t) => !judged.some((r) => r.type === t && names.has(r.name))),
    ).toEqual([]);
    // An opening shape draws its edge; its shut twin draws none.
    const findings = messages(
      policies.find((p) => p.name === "internet-egress") as ResourceValidationPolicy,
      judged,
      { jurisdiction: "CN" },
    );
    const named = namedBy(judged);
    const reportedNames = new Set(findings.flatMap((m) => named(m)).map((r) => r.name));
    expect(
      judged.filter((r) => names.has(r.name) !== reportedNames.has(r.name)).map((r) => r.name),
    ).toEqual([]);
    // None of the egress table's types is in the fixtures' plans or the probe inputs.
    expect({ lost, added: added.filter((e) => !e.startsWith("shapes: ")) }).toEqual({
      lost: [],
      added: [],
    });
  });
});

/** The edges today's graph lost and gained against the graph `before` drew, on every input. */
/**
 * One input's edges as the tables draw them now, and what they lost and gained against the
 * graph of the rows `before` (each line prefixed with the input's name).
 */
function edgesAgainst(
  name: string,
  resources: readonly BorderResource[],
  settings: OracleSettings,
  before: GraphRows,
): { now: ReadonlySet<string>; lost: string[]; added: string[] } {
  const opts = { egressAllowlist: settings.egressAllowlist ?? [] };
  const now = new Set(edgeTexts(analyzeBorder(resources, settings.jurisdiction, opts)));
  const then = new Set(
    edgeTexts(analyzeGraph(resources, settings.jurisdiction, opts, before).analysis),
  );
  return {
    now,
    lost: [...then].filter((e) => !now.has(e)).map((e) => `${name}: ${e}`),
    added: [...now].filter((e) => !then.has(e)).map((e) => `${name}: ${e}`),
  };
}

function edgeDifferences(before: GraphRows): { lost: string[]; added: string[] } {
  const lost: string[] = [];
  const added: string[] = [];
  const probes = probeCases.map((c): [string, BorderResource[], OracleSettings] => [
    `probe ${c.id}`,
    oracleBorderResources(c.specs),
    c.settings,
  ]);
  for (const [name, resources, settings] of [...plans(), ...probes]) {
    const { lost: gone, added: drawn } = edgesAgainst(name, resources, settings, before);
    lost.push(...gone);
    added.push(...drawn);
  }
  return { lost, added };
}

describe("the network and remote-sites tables", () => {
  it("draw the old network flow models' edges, now tagged with the policy that reports them", () => {
    // The links only network-links and remote-sites modelled now draw their far ends too: on
    // these inputs, an S3 gateway endpoint's service name places the service it connects to.
    const routes = Object.fromEntries(
      Object.entries(legacyRouteFlows).filter(([t]) => t in tables.network),
    );
    expect(
      edgeDifferences(
        rowsBefore(["network", "remote-sites"], { ...legacyNetworkFlows, ...routes }),
      ),
    ).toEqual({
      lost: [],
      added: [
        'policy-aws: ec2 vpc endpoint "s3-endpoint" -[attachment]-> us-west-2 (inside US)',
        'policy-aws under CN: ec2 vpc endpoint "s3-endpoint" -[attachment]-> us-west-2 (outside CN, in US)',
      ],
    });
  });

  it("leave network-links, remote-sites, cross-account-links and named-destinations reporting what they reported", () => {
    const named = policies.find((p) => p.name === "named-destinations") as (typeof policies)[0];
    const moved = (type: string) => type in tables.network || type in tables["remote-sites"];
    const oldNamed = namedDestinationsPolicy({
      name: named.name,
      description: named.description,
      severity: named.severity ?? "critical",
      remediationSteps: named.remediationSteps ?? "",
      models: () => [
        ...legacyNetworkLinkFlows,
        ...legacyRemoteSiteFlows,
        ...allFlowModels().filter((m) => !moved(m.type)),
      ],
    });
    const old: Record<string, (typeof policies)[0]> = {
      "network-links": legacyNetworkLinks(),
      "remote-sites": legacyRemoteSites(),
      "cross-account-links": legacyCrossAccountLinks(),
      "named-destinations": oldNamed,
    };
    const before = policies.map((p) => old[p.name] ?? p);
    const owners = new Set(Object.keys(old));
    let findings = 0;
    let judged = 0;
    for (const [name, resources, settings] of viewInputs()) {
      const now = runNamed(resources, settings);
      expect({ name, findings: now }).toEqual({
        name,
        findings: runNamed(resources, settings, before),
      });
      findings += now.filter(
        ([p, r]) => owners.has(p) && resources.some((x) => x.name === r && moved(x.type)),
      ).length;
      judged += resources.filter((r) => moved(r.type)).length;
    }
    // The inputs exercise the moved rows: resources of their types, and findings they report.
    expect({ judged: judged >= 40, findings: findings >= 15 }).toEqual({
      judged: true,
      findings: true,
    });
  });
});

describe("the routes, gateways and addresses of the network and egress tables", () => {
  const moved = (type: string) => type in legacyRouteFlows;

  /** The fixtures' plans (both twins), the policy plans, the probes and the route inputs. */
  const inputs = (): Array<[string, OracleResource[], OracleSettings]> => [
    ...viewInputs(),
    ...borderFixtures.map((name): [string, OracleResource[], OracleSettings] => [
      `border ${name}/sealed`,
      oracleInputsOf(border[name].sealed),
      { jurisdiction: "CN", egressAllowlist: plantAllowlist },
    ]),
    ...routesCases.map(([name, specs, settings]): [string, OracleResource[], OracleSettings] => [
      `probe ${name}`,
      specs,
      settings,
    ]),
  ];

  it("draw the old flow models' edges on every input, and the office sites' and bandwidth packages' links", () => {
    // Today's rows but for the VPCs, subnets, routes, NAT and internet gateways, EIPs and
    // instances, drawn by the frozen flow models they replaced, and the office sites and
    // bandwidth packages, which no flow model drew.
    const undrawn = [
      "alicloud:eds/simpleOfficeSite:SimpleOfficeSite",
      "alicloud:eds/adConnectorOfficeSite:AdConnectorOfficeSite",
      "alicloud:cen/bandwidthPackage:BandwidthPackage",
      "alicloud:ga/bandwidthPackage:BandwidthPackage",
    ];
    const current = Object.fromEntries(
      Object.entries(byType).filter(([t]) => !moved(t) && !undrawn.includes(t)),
    );
    const before = mergeRows(typeRows(current), legacyRows(legacyRouteFlows));
    const lost: string[] = [];
    const added: string[] = [];
    let edges = 0;
    for (const [name, specs, settings] of inputs()) {
      const resources = oracleBorderResources(specs);
      const { now, lost: gone, added: drawn } = edgesAgainst(name, resources, settings, before);
      lost.push(...gone);
      added.push(...drawn);
      edges += [...now].filter((e) =>
        / -\[(route|public address|eip association|subnet)/.test(e),
      ).length;
    }
    // An office site's row draws every field its policies judge: the other account's CEN it
    // joins, its desktops' internet access and its directory's public address; a bandwidth
    // package, the areas it connects when they differ (or are not known at preview). Nothing of
    // the stack leads into either, so no path runs through them.
    expect({ lost, added }).toEqual({
      lost: [],
      added: [
        'probe routes alicloud: eds simple office site "desktops" -[attachment]-> alicloud account 999 (another account, location unknown)',
        'probe routes alicloud: eds simple office site "desktops" -[default egress (enableInternetAccess)]-> the public internet',
        'probe routes alicloud: eds ad connector office site "ad-desktops" -[attachment]-> the public internet',
        'probe routes alicloud: cen bandwidth package "cen-bw-cross" -[attachment (bandwidth package)]-> unknown (China and Asia-Pacific (two geographic areas))',
        'probe routes alicloud: cen bandwidth package "cen-bw-list" -[attachment (bandwidth package)]-> unknown (China and Europe (two geographic areas))',
        'probe routes alicloud: cen bandwidth package "cen-bw-unknown" -[attachment (bandwidth package)]-> unknown (geographicRegionAId/geographicRegionBId of cen bandwidth package "cen-bw-unknown" is not known until deployed)',
        'probe routes alicloud: ga bandwidth package "ga-bw-cross" -[attachment (bandwidth package)]-> unknown (China-mainland and Global)',
        'probe routes alicloud: ga bandwidth package "ga-bw-unknown" -[attachment (bandwidth package)]-> unknown (type of ga bandwidth package "ga-bw-unknown" is not known until deployed)',
      ],
    });
    // The inputs exercise the moved rows: every kind of edge they draw, many times over.
    expect(edges).toBeGreaterThanOrEqual(40);
  });

  it("tag each way out with the field whose policy reports it from the resource alone", () => {
    const unreported: string[] = [];
    const reported: string[] = [];
    for (const [name, specs, settings] of inputs()) {
      const resources = oracleBorderResources(specs);
      const { graph } = analyzeGraph(
        resources,
        settings.jurisdiction,
        { egressAllowlist: settings.egressAllowlist ?? [] },
        typeRows(byType),
      );
      const x = graph.resolver;
      const findings = runNamed(specs, settings);
      const label = (e: BorderResource | { label: string }) => ("urn" in e ? x.label(e) : e.label);
      for (const r of resources.filter((r) => moved(r.type))) {
        for (const e of byType[r.type].edges?.(r, x) ?? []) {
          const tag = e as TaggedEdge;
          if (tag.policy === undefined || tag.local !== "report") {
            continue;
          }
          const text = `${name}: ${label(e.from)} -[${e.label}]-> ${label(e.to)}: ${tag.policy} ${tag.at?.path}`;
          // The policy reports the resource whose row draws the edge.
          (findings.some(([p, n]) => p === tag.policy && n === r.name)
            ? reported
            : unreported
          ).push(text);
        }
      }
    }
    expect(unreported).toEqual([]);
    // On the NAT fixture and the route inputs: every edge into the internet, and every edge of the
    // chain that leads there, is the finding of the resource whose row draws it. A route's edge
    // carries its own destination's verdict (a private route's is "inside", so it is not listed);
    // the IPv6 gateway's own edge stays untagged: no policy judges the gateway itself.
    expect(reported.filter((e) => /^(border nat|probe routes)/.test(e))).toEqual([
      'border nat/crossing: eip "core-nat-eip" -[public address]-> the public internet: internet-egress bandwidth',
      'border nat/crossing: nat gateway "core-nat" -[eip association]-> eip "core-nat-eip": internet-egress networkType',
      'border nat/crossing: internet-bound traffic of vpc "core" -[route]-> nat gateway "core-nat": internet-egress destinationCidrblock',
      'border nat/sealed: eip "core-nat-eip" -[public address]-> the public internet: internet-egress bandwidth',
      'border nat/sealed: nat gateway "core-nat" -[eip association]-> eip "core-nat-eip": internet-egress networkType',
      'border nat/sealed: internet-bound traffic of vpc "core" -[route]-> nat gateway "core-nat": internet-egress destinationCidrblock',
      'probe routes alicloud: nat gateway "nat" -[eip association]-> eip "nat-eip": internet-egress networkType',
      'probe routes alicloud: eip "nat-eip" -[public address]-> the public internet: internet-egress bandwidth',
      'probe routes alicloud: internet-bound traffic of vpc "core" -[route]-> nat gateway "nat-bare": internet-egress networkType',
      'probe routes alicloud: nat gateway "nat-bare" -[public address]-> the public internet: internet-egress networkType',
      'probe routes alicloud: internet-bound traffic of vpc "core" -[route]-> nat gateway "nat": internet-egress destinationCidrblock',
      'probe routes alicloud: vpc ipv4 gateway "ipv4" -[public address]-> the public internet: internet-egress enabled',
      'probe routes alicloud: internet-bound traffic of vpc "core" -[route]-> vpc ipv4 gateway "ipv4": internet-egress destinationCidrBlock',
      'probe routes alicloud: internet-bound traffic of vpc "core" -[route]-> vpc ipv6 gateway "ipv6": internet-egress destinationCidrBlock',
      'probe routes alicloud: vpc "core" -[route]-> ecs instance "vm-private": network-links nextHops[].nextHopRegionId',
      'probe routes alicloud: ecs instance "vm" -[public address]-> the public internet: internet-egress internetMaxBandwidthOut',
      'probe routes alicloud: eip "vm-eip" -[public address]-> the public internet: internet-egress bandwidth',
      'probe routes aws: internet gateway "igw" -[public address]-> the public internet: internet-egress vpcId',
      'probe routes aws: ec2 egress only internet gateway "eigw" -[public address]-> the public internet: internet-egress vpcId',
      'probe routes aws: eip "nat-eip" -[public address]-> the public internet: internet-egress domain',
      'probe routes aws: nat gateway "nat" -[eip association]-> eip "nat-eip": internet-egress connectivityType',
      'probe routes aws: internet-bound traffic of vpc "core" -[route]-> internet gateway "igw": internet-egress routes[1].cidrBlock',
      'probe routes aws: internet-bound traffic of vpc "core" -[route]-> ec2 egress only internet gateway "eigw": internet-egress routes[2].ipv6CidrBlock',
      'probe routes aws: internet-bound traffic of vpc "core" -[route]-> nat gateway "nat": internet-egress destinationCidrBlock',
      'probe routes aws: eip "vm-eip" -[public address]-> the public internet: internet-egress domain',
      'probe routes aws: ec2 instance "vm" -[eip association]-> eip "vm-eip": internet-egress allocationId',
    ]);
  });

  it("leave internet-egress, network-links and remote-sites reporting what they reported, byte for byte", () => {
    const old: Record<string, (typeof policies)[0]> = {
      "internet-egress": legacyInternetEgress,
      "network-links": legacyNetworkLinks(),
      "remote-sites": legacyRemoteSites(),
    };
    const before = policies.map((p) => old[p.name] ?? p);
    let findings = 0;
    for (const [name, specs, settings] of inputs()) {
      const now = rawMessages(
        policies.filter((p) => p.name in old),
        specs,
        settings,
      );
      expect({ name, now }).toEqual({
        name,
        now: rawMessages(
          before.filter((p) => p.name in old),
          specs,
          settings,
        ),
      });
      const named = namedBy(specs, "policy ");
      findings += now.filter((m) => named(m).some((r) => moved(r.type))).length;
    }
    expect(findings).toBeGreaterThanOrEqual(30);
  });
});

describe("the kubernetes table", () => {
  const kubernetesInputs = (): Array<[string, BorderResource[], OracleSettings]> => [
    ...plans(),
    ...kubernetesCases.map(
      ([name, specs, settings]): [string, BorderResource[], OracleSettings] => [
        `probe ${name}`,
        oracleBorderResources(specs),
        settings,
      ],
    ),
  ];

  it("draws the old Kubernetes flow models' edges, on the fixtures and every kind of object", () => {
    const before = rowsBefore(["kubernetes"], legacyKubernetesFlows);
    const lost: string[] = [];
    const added: string[] = [];
    let edges = 0;
    for (const [name, resources, settings] of kubernetesInputs()) {
      const { now, lost: gone, added: drawn } = edgesAgainst(name, resources, settings, before);
      lost.push(...gone);
      added.push(...drawn);
      edges += [...now].filter((e) =>
        / -\[(pod egress|allowed egress|public load balancer|mounted by|runs on)/.test(e),
      ).length;
    }
    expect({ lost, added }).toEqual({ lost: [], added: [] });
    // The inputs exercise the moved rows: every kind of edge they draw, many times over.
    expect(edges).toBeGreaterThanOrEqual(25);
  });

  it("tags exactly the edges a Kubernetes policy reports from the objects alone", () => {
    const tagged: string[] = [];
    const unreported: string[] = [];
    for (const [name, specs, settings] of kubernetesCases) {
      const { graph } = analyzeGraph(
        oracleBorderResources(specs),
        settings.jurisdiction,
        { egressAllowlist: settings.egressAllowlist ?? [] },
        typeRows(byType),
      );
      const findings = runNamed(specs, settings);
      const label = new Map(graph.nodes.map((n) => [n.id, n.label]));
      for (const e of graph.edges) {
        const tag = graph.tags.get(e);
        const from = graph.resolver.get(e.from);
        if (!tag || !from || !(from.type in tables.kubernetes)) {
          continue;
        }
        const text = `${name}: ${label.get(e.from)} -[${edgeText(e)}]-> ${label.get(e.to)}`;
        tagged.push(`${text}: ${tag.policy} ${tag.local}`);
        // The policy reports the object the edge goes through (the NetworkPolicy, the Service)
        // or, without one, the object itself (the release).
        const subject = e.via?.name ?? from.name;
        if (!findings.some(([p, r]) => p === tag.policy && r === subject)) {
          unreported.push(text);
        }
      }
    }
    expect(unreported).toEqual([]);
    expect(tagged).toEqual([
      'kubernetes ack: k8s namespace "app" -[allowed egress "api-egress" (203.0.113.0/24 udp 500; partner API)]-> the public internet: kubernetes-egress report',
      'kubernetes ack: k8s namespace "app" -[allowed egress "api-egress" (198.51.100.0/24 all traffic; partner API)]-> the public internet: kubernetes-egress report',
      'kubernetes ack: k8s namespace "app" -[allowed egress "api-egress" (every address, tcp 8080-8090; partner API)]-> the public internet: kubernetes-egress report',
      'kubernetes ack: k8s namespace "app" -[allowed egress "api-egress" (to[0]; partner API)]-> unknown (to[0] of k8s networkpolicy "api-egress" is not known until deployed): kubernetes-egress report',
      'kubernetes ack: k8s deployment "api" -[public load balancer "api-lb" (no internal-load-balancer annotation of its cluster\'s cloud)]-> the public internet: kubernetes-service-exposure report',
      'kubernetes ack: k8s daemonset "agent" -[public load balancer "agent-svc" (its type or annotations are not known until deployed)]-> the public internet: kubernetes-service-exposure report',
      'kubernetes ack: k8s release "ingress-nginx" -[attachment]-> unknown (the objects inside k8s release "ingress-nginx" are not visible to policies): helm-releases report',
      'kubernetes eks: k8s statefulset "cache" -[public load balancer "cache-public" (its type or annotations are not known until deployed)]-> the public internet: kubernetes-service-exposure report',
    ]);
  });
});

describe("the cluster rows of the egress and kubernetes tables", () => {
  const moved = (type: string) => type in legacyClusterFlows;

  /** The fixtures' plans, the probes, the Kubernetes objects' and the clusters' own inputs. */
  const inputs = (): Array<[string, OracleResource[], OracleSettings]> => [
    ...viewInputs(),
    ...borderFixtures.map((name): [string, OracleResource[], OracleSettings] => [
      `border ${name}/sealed`,
      oracleInputsOf(border[name].sealed),
      { jurisdiction: "CN", egressAllowlist: plantAllowlist },
    ]),
    ...[...kubernetesCases, ...clusterCases].map(
      ([name, specs, settings]): [string, OracleResource[], OracleSettings] => [
        `probe ${name}`,
        specs,
        settings,
      ],
    ),
  ];

  it("draw the old cluster flow models' edges on every input", () => {
    const current = Object.fromEntries(Object.entries(byType).filter(([t]) => !moved(t)));
    const before = mergeRows(typeRows(current), legacyRows(legacyClusterFlows));
    const lost: string[] = [];
    const added: string[] = [];
    let edges = 0;
    for (const [name, specs, settings] of inputs()) {
      const resources = oracleBorderResources(specs);
      const { now, lost: gone, added: drawn } = edgesAgainst(name, resources, settings, before);
      lost.push(...gone);
      added.push(...drawn);
      edges += [...now].filter((e) =>
        / cluster "[^"]+" -\[nodes in\]| -\[route \(0\.0\.0\.0\/0, to the NAT gateway ACK creates|node pool "[^"]+" -\[public address/.test(
          e,
        ),
      ).length;
    }
    expect({ lost, added }).toEqual({ lost: [], added: [] });
    // The inputs exercise the moved rows: every kind of edge they draw.
    expect(edges).toBeGreaterThanOrEqual(12);
  });

  it("tag each exit with the internet field that opens it, and nothing else", () => {
    const reported: string[] = [];
    const unreported: string[] = [];
    const untagged = new Set<string>();
    for (const [name, specs, settings] of inputs()) {
      const resources = oracleBorderResources(specs);
      const { graph } = analyzeGraph(
        resources,
        settings.jurisdiction,
        { egressAllowlist: settings.egressAllowlist ?? [] },
        typeRows(byType),
      );
      const x = graph.resolver;
      const findings = runNamed(specs, settings);
      const label = (e: BorderResource | { label: string }) => ("urn" in e ? x.label(e) : e.label);
      for (const r of resources.filter((r) => moved(r.type))) {
        for (const e of byType[r.type].edges?.(r, x) ?? []) {
          const tag = e as TaggedEdge;
          const text = `${name}: ${label(e.from)} -[${e.label}]-> ${label(e.to)}`;
          if (tag.policy === undefined) {
            untagged.add(e.label);
            continue;
          }
          // The policy reports the resource whose row draws the edge.
          (findings.some(([p, n]) => p === tag.policy && n === r.name) && tag.local === "report"
            ? reported
            : unreported
          ).push(`${text}: ${tag.policy} ${tag.local} ${tag.at?.path}`);
        }
      }
    }
    expect(unreported).toEqual([]);
    // The node network is structure: the cluster in its subnets, the subnets into a pool.
    expect([...untagged].sort()).toEqual(["attachment", "nodes in"]);
    expect(reported.filter((e) => e.startsWith("probe "))).toEqual([
      'probe kubernetes ack: internet-bound traffic of vpc "core" -[route]-> ack cluster "ack": internet-egress report newNatGateway',
      'probe kubernetes ack: ack cluster "ack" -[public address]-> the public internet: internet-egress report newNatGateway',
      'probe clusters alicloud: internet-bound traffic of vpc "core" -[route]-> ack cluster "ack": internet-egress report newNatGateway',
      'probe clusters alicloud: ack cluster "ack" -[public address]-> the public internet: internet-egress report newNatGateway',
      'probe clusters alicloud: internet-bound traffic of vpc "core" -[route]-> cs serverless kubernetes "serverless": internet-egress report newNatGateway',
      'probe clusters alicloud: cs serverless kubernetes "serverless" -[public address]-> the public internet: internet-egress report newNatGateway',
      'probe clusters alicloud: ack node pool "pool-public" -[public address]-> the public internet: internet-egress report internetMaxBandwidthOut',
      'probe clusters alicloud: ack node pool "pool-eip" -[public address]-> the public internet: internet-egress report scalingConfig.isBondEip',
      'probe clusters alicloud: ack node pool "pool-unknown" -[public address]-> the public internet: internet-egress report internetMaxBandwidthOut',
      'probe clusters alicloud: ack node pool "pool-eip-unknown" -[public address]-> the public internet: internet-egress report scalingConfig.isBondEip',
    ]);
  });

  it("leave internet-egress reporting what it reported, byte for byte", () => {
    const old: Record<string, (typeof policies)[0]> = { "internet-egress": legacyInternetEgress };
    const before = policies.map((p) => old[p.name] ?? p);
    let findings = 0;
    for (const [name, specs, settings] of inputs()) {
      const now = rawMessages(
        policies.filter((p) => p.name in old),
        specs,
        settings,
      );
      expect({ name, now }).toEqual({
        name,
        now: rawMessages(
          before.filter((p) => p.name in old),
          specs,
          settings,
        ),
      });
      const named = namedBy(specs, "policy ");
      findings += now.filter((m) => named(m).some((r) => moved(r.type))).length;
    }
    expect(findings).toBeGreaterThanOrEqual(6);
  });
});

describe("kubernetes-egress over the servers the kubernetes table's rows declare", () => {
  const unknownAtPreview = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
  const settings: OracleSettings = {
    jurisdiction: "US",
    egressAllowlist: [{ cidr: "198.51.100.0/24", protocol: "tcp", ports: [2049], reason: "nfs" }],
  };
  const values: unknown[] = [
    "203.0.113.7",
    "203.0.113.7:6789",
    "10.30.4.5",
    "10.30.4.5:3260",
    "[2001:db8::1]:3260",
    "[fd00::1]:3260",
    "198.51.100.10",
    "100.64.1.1",
    "nfs.example.com",
    "nfs.records.svc.cluster.local",
    "https://203.0.113.9/gateway",
    "https://10.30.4.9:8443/gateway",
    "not a url",
    "10.30.4.5, 203.0.113.8",
    "",
    5,
    unknownAtPreview,
  ];

  /** `props` with `value` at a dotted path; `a[].b` holds one element. */
  function shapeAt(path: string, value: unknown): Record<string, unknown> {
    const [head, ...rest] = path.split(".");
    const inner = rest.length === 0 ? value : shapeAt(rest.join("."), value);
    return head.endsWith("[]") ? { [head.slice(0, -2)]: [inner] } : { [head]: inner };
  }

  /** The rows with servers, and every field of each set to each kind of value. */
  function shapes(): OracleResource[] {
    const rows = Object.entries(tables.kubernetes).filter(([, m]) =>
      (m.fields ?? []).some((f) => f.format === "destination"),
    );
    // Kinds that keep their pod template at the same place share their fields: every value on
    // the first of them, a public and an unknown one on the others.
    const seen = new Set<string>();
    return rows.flatMap(([type, model]) => {
      const fields = (model.fields ?? []).filter((f) => f.format === "destination");
      const key = fields.map((f) => f.path).join();
      const all = !seen.has(key);
      seen.add(key);
      const props: Record<string, unknown>[] = [{}];
      for (const f of fields) {
        props.push(
          ...(all ? values : ["203.0.113.7", unknownAtPreview]).map((v) => shapeAt(f.path, v)),
        );
        // The list (or the object) that holds the field not known at preview, and a list whose
        // second entry is not.
        const list = f.path.split("[]")[0];
        props.push(shapeAt(list, unknownAtPreview));
        if (f.path.includes("[]")) {
          const [head, leaf] = [
            f.path.slice(0, f.path.indexOf("[]")),
            f.path.slice(f.path.indexOf("[]") + 3),
          ];
          props.push(shapeAt(head, [shapeAt(leaf, "203.0.113.7"), unknownAtPreview]));
        }
      }
      const kind = type.split(":").slice(1).join("-").replace(/[/.]/g, "-");
      return props.map((p, i) => ({ type, name: `${kind}-${i}`, props: p, provider: "kube" }));
    });
  }
  const kube: OracleResource = {
    type: "pulumi:providers:kubernetes",
    name: "kube",
    props: { kubeconfig: "apiVersion: v1" },
  };

  it("reports the old messages byte for byte on every field of every row, set to each kind of value", () => {
    const now = policies.find((p) => p.name === "kubernetes-egress") as (typeof policies)[0];
    const specs = [kube, ...shapes()];
    const after = rawMessages([now], specs, settings);
    expect(after).toEqual(rawMessages([legacyKubernetesEgressServers], specs, settings));
    // Every row with servers is judged by its view, and reports on some of its shapes.
    const named = namedBy(specs, "kubernetes-egress ");
    const viewed = new Set(after.flatMap((m) => named(m)).map((r) => r.type));
    expect(viewed.size).toBe(70);
    expect(after.length).toBeGreaterThan(500);
  });

  it("draws an edge to the server for every value it reports, and none for the others", () => {
    const specs = shapes();
    const resources = oracleBorderResources([kube, ...specs]);
    const { graph } = analyzeGraph(
      resources,
      settings.jurisdiction,
      { egressAllowlist: settings.egressAllowlist ?? [] },
      typeRows(byType),
    );
    const drawn = new Set<string>();
    for (const e of graph.edges) {
      const tag = graph.tags.get(e);
      const from = graph.resolver.get(e.from);
      if (tag?.policy === "kubernetes-egress" && e.label === "attachment" && from) {
        expect(tag.local).toBe("report");
        drawn.add(from.name);
      }
    }
    const findings = runNamed([kube, ...specs], settings).filter(
      ([p]) => p === "kubernetes-egress",
    );
    expect([...drawn].sort()).toEqual([...new Set(findings.map(([, r]) => r))].sort());
    expect(drawn.size).toBeGreaterThan(200);
  });
});

describe("explainedBy: which policy already reports a path's crossing", () => {
  it("on the border fixtures, the policy of the crossing edge's row, or resource-placement for a resource's own placement", () => {
    const out: string[] = [];
    for (const name of borderFixtures) {
      for (const stack of ["crossing", "sealed"] as const) {
        const { graph, analysis } = analyzeGraph(
          fromPlan(border[name][stack]),
          "CN",
          { egressAllowlist: plantAllowlist },
          typeRows(byType),
        );
        for (const p of analysis.paths) {
          out.push(`${name}/${stack} ${p.source.label}: ${explainedBy(p, graph) ?? "-"}`);
        }
      }
    }
    expect(out).toEqual([
      'replication/crossing oss bucket "telemetry": storage-replication',
      'foreign-key/crossing kms key "records-key": resource-placement',
      'foreign-key/crossing oss bucket "records": -',
      'cen/crossing oss bucket "records": network-links',
      'peering/crossing oss bucket "records": network-links',
      'nat/crossing oss bucket "records": internet-egress',
      'vpn/crossing oss bucket "records": remote-sites',
      'kubernetes/crossing k8s statefulset "db": -',
      'transit-router/crossing oss bucket "records": -',
    ]);
  });
});

describe("the logs table", () => {
  const inputs = (): Array<[string, OracleResource[], OracleSettings]> => [
    ...viewInputs(),
    ...logsCases.map(([name, specs, settings]): [string, OracleResource[], OracleSettings] => [
      `probe ${name}`,
      specs,
      settings,
    ]),
  ];

  it("draws the old log flow models' edges but for the differences listed here", () => {
    const before = rowsBefore(["logs"], legacyLogFlows);
    const lost: string[] = [];
    const added: string[] = [];
    for (const [name, specs, settings] of inputs()) {
      const resources = oracleBorderResources(specs);
      const { lost: gone, added: drawn } = edgesAgainst(name, resources, settings, before);
      lost.push(...gone);
      added.push(...drawn);
    }
    // The rows draw every field log-shipping judged, so the graph gains the edges the flow models
    // never drew: the regions and accounts a trail collects (inbound), an OSS export sink's
    // endpoint, and a collection policy's regions whether or not centralization is on (as
    // log-shipping has always judged them). A Firehose HTTP endpoint is placed by its URL, like
    // every URL log-shipping judges (a host outside the cloud is an unknown place, not the public
    // internet). A sink named nowhere, or not known at preview, reads as every other reference
    // and every other field does (`OSS bucket "x" of …`, `etlSinks[].endpoint of …`). The rows
    // no flow model drew (edge and flow logs, AWS audit and log sinks) draw their fields' edges;
    // a row that reads its inputs with code of its own (`judged`: a multi-Region trail, an
    // aggregator of every region, a mailbox, an origin group, a hosts text, a sink document)
    // draws an edge to each place its reading names, in its words. The CloudTrail trail's
    // bucket, now a field, reads as every other reference does.
    expect({ lost, added }).toEqual({
      lost: [
        'probe logs alicloud: actiontrail trail "trail-gone" -[log delivery]-> unknown (ossBucketName "gone-b" of actiontrail trail "trail-gone" is not in this stack)',
        'probe logs alicloud: log etl "etl" -[log delivery (ETL sink)]-> unknown (sink endpoint of log etl "etl" is not known until deployed)',
        'probe logs alicloud: log oss export "oss-export" -[log delivery]-> unknown (bucket "gone-b" of log oss export "oss-export" is not in this stack)',
        'probe logs aws: cfg delivery channel "config-gone" -[log delivery]-> unknown (s3BucketName "gone-b" of cfg delivery channel "config-gone" is not in this stack)',
        'probe logs aws: kinesis firehose delivery stream "stream" -[log delivery (HTTP endpoint)]-> the public internet',
        'probe logs aws: cloudtrail trail "audit-gone" -[log delivery]-> unknown (s3BucketName "gone-b" of cloudtrail trail "audit-gone" is not in this stack)',
        'probe logs aws: cloudtrail trail "audit-later" -[log delivery]-> unknown (s3BucketName of cloudtrail trail "audit-later" is not known until deployed)',
      ],
      added: [
        'policy-alicloud: cn-shanghai (inside CN) -[log delivery (trailRegion)]-> actiontrail trail "trail"',
        'policy-alicloud under US: cn-shanghai (outside US, in CN) -[log delivery (trailRegion)]-> actiontrail trail "trail"',
        'probe logs alicloud: cn-hongkong (outside CN, in HK) -[log delivery (trailRegion)]-> actiontrail trail "trail-far"',
        'probe logs alicloud: unknown (every account of the resource directory) -[log delivery]-> actiontrail trail "trail-far"',
        'probe logs alicloud: cn-shanghai (inside CN) -[log delivery (trailRegion)]-> actiontrail trail "trail-home"',
        'probe logs alicloud: unknown (trailRegion of actiontrail trail "trail-gone" is not known until deployed) -[log delivery (trailRegion)]-> actiontrail trail "trail-gone"',
        'probe logs alicloud: actiontrail trail "trail-gone" -[log delivery]-> unknown (OSS bucket "gone-b" of actiontrail trail "trail-gone" is not in this stack)',
        'probe logs alicloud: cn-hongkong (outside CN, in HK) -[log delivery (trailRegion)]-> actiontrail trail deprecated "old-trail"',
        'probe logs alicloud: sls collection policy "collect-off" -[log delivery (centralizeConfig.destRegion)]-> ap-southeast-1 (outside CN, in SG)',
        'probe logs alicloud: log etl "etl" -[log delivery (ETL sink)]-> unknown (etlSinks[].endpoint of log etl "etl" is not known until deployed)',
        'probe logs alicloud: sls oss export sink "export-sink" -[log delivery]-> cn-hongkong (outside CN, in HK)',
        'probe logs alicloud: log oss export "oss-export" -[log delivery]-> unknown (OSS bucket "gone-b" of log oss export "oss-export" is not in this stack)',
        'probe logs alicloud: cen flow log "cen-flow" -[log delivery]-> log project "far-project"',
        'probe logs alicloud: sag smartag flow log "sag-flow" -[log delivery (slsRegionId)]-> cn-hongkong (outside CN, in HK)',
        'probe logs alicloud: sag smartag flow log "sag-flow-home" -[log delivery (slsRegionId)]-> cn-beijing (inside CN)',
        'probe logs alicloud: esa site delivery task "esa-logs" -[log delivery (slsDelivery.slsRegion)]-> cn-hongkong (outside CN, in HK)',
        'probe logs alicloud: esa site delivery task "esa-logs" -[log delivery]-> unknown (an HTTP endpoint that cannot be placed)',
        'probe logs alicloud: eventbridge api destination "api-destination" -[data sync]-> unknown (https://hooks.example.com/in, an endpoint outside the cloud)',
        'probe logs alicloud: aligreen callback "moderation" -[data sync]-> cn-shanghai (inside CN)',
        'probe logs alicloud: cms event rule "event-rule" -[data sync (slsParameters[].region)]-> cn-hongkong (outside CN, in HK)',
        'probe logs alicloud: cms event rule "event-rule" -[data sync]-> unknown (https://hooks.example.com/cms, an endpoint outside the cloud)',
        'probe logs alicloud: cms event rule "event-rule-home" -[data sync (fcParameters[].region)]-> cn-beijing (inside CN)',
        'probe logs alicloud: waf domain "waf" -[data sync]-> the public internet',
        'probe logs alicloud: dns alidns record "record" -[data sync]-> unknown (x.example, an endpoint outside the cloud)',
        'probe logs alicloud: cdn domain config "origin-group" -[data sync]-> unknown ("198.51.100.7" (not a private address, which cannot be placed))',
        'probe logs alicloud: cdn domain config "origin-group" -[data sync]-> unknown ("cn-hongkong.oss.aliyuncs.com" (in cn-hongkong, outside CN))',
        'probe logs alicloud: dcdn domain config "remote-auth" -[data sync]-> unknown (https://auth.example.com, an endpoint outside the cloud)',
        'probe logs alicloud: arms remote write "remote-write" -[data sync]-> unknown ("https://collector.example.com/api/v1/write" (a host outside the cloud, which cannot be placed))',
        'probe logs alicloud: eventbridge event streaming "stream" -[data sync]-> unknown (a SinkHttpsParameters sink (a target the pack cannot place))',
        'probe logs alicloud: gpdb hadoop data source "hadoop" -[data sync]-> unknown ("198.51.100.7" (not a private address, which cannot be placed))',
        'probe logs alicloud: sae application "sae" -[data sync]-> oss bucket "far"',
        'probe logs alicloud: sae application "sae" -[data sync]-> unknown ("198.51.100.7" (not a private address, which cannot be placed))',
        'probe logs alicloud: eventbridge rule "bridge-rule" -[data sync]-> unknown (https://hooks.example.com/rule, an endpoint outside the cloud)',
        'probe logs alicloud: esa origin rule "origin-rule" -[data sync]-> unknown (origin.example.com, an endpoint outside the cloud)',
        'probe logs alicloud: message service subscription "message-push" -[data sync]-> unknown (https://hooks.example.com/message, an endpoint outside the cloud)',
        'probe logs alicloud: mns topic subscription "mns-push" -[data sync]-> unknown (https://hooks.example.com/mns, an endpoint outside the cloud)',
        'probe logs alicloud: mns topic subscription "mns-queue" -[data sync]-> cn-hongkong (outside CN, in HK)',
        'probe logs alicloud: mns topic subscription "mns-mail" -[data sync]-> unknown (mail:directmail:ops@example.com, an endpoint outside the cloud)',
        'probe logs alicloud: mns topic subscription "mns-home" -[data sync]-> cn-shanghai (inside CN)',
        'probe logs aws: cfg delivery channel "config-gone" -[log delivery]-> unknown (S3 bucket "gone-b" of cfg delivery channel "config-gone" is not in this stack)',
        'probe logs aws: kinesis firehose delivery stream "stream" -[log delivery (HTTP endpoint)]-> unknown (https://collector.example.com/ingest, an endpoint outside the cloud)',
        'probe logs aws: guardduty publishing destination "findings" -[log delivery]-> s3 bucket "eu"',
        'probe logs aws: ssm resource data sync "sync" -[data sync (s3Destination.region)]-> eu-central-1 (outside US, in EU)',
        'probe logs aws: ssm resource data sync "sync" -[data sync]-> s3 bucket "eu"',
        'probe logs aws: ssm resource data sync "sync-home" -[data sync (s3Destination.region)]-> us-west-2 (inside US)',
        'probe logs aws: ssm resource data sync "sync-home" -[data sync]-> s3 bucket "logs"',
        'probe logs aws: cloudwatch event api destination "api-destination" -[data sync]-> unknown (https://hooks.example.com/in, an endpoint outside the cloud)',
        'probe logs aws: transfer connector "connector" -[data sync]-> the public internet',
        'probe logs aws: pinpoint app "pinpoint" -[data sync]-> unknown (https://hooks.example.com/campaign, an endpoint outside the cloud)',
        'probe logs aws: budgets budget "budget" -[data sync]-> unknown (finance@example.com, an endpoint outside the cloud)',
        'probe logs aws: mailmanager relay "relay" -[data sync]-> unknown (mail.example.com, an endpoint outside the cloud)',
        'probe logs aws: apigateway integration "integration" -[data sync]-> unknown (https://backend.example.com/{proxy}, an endpoint outside the cloud)',
        'probe logs aws: apigatewayv2 integration "integration-v2" -[data sync]-> the public internet',
        'probe logs aws: apigateway integration "integration-fn" -[data sync]-> eu-central-1 (outside US, in EU)',
        'probe logs aws: chatbot slack channel configuration "slack" -[data sync]-> unknown (a Slack workspace (outside the cloud))',
        'probe logs aws: chatbot slack channel configuration "slack-unset" -[data sync]-> unknown (slackTeamId of chatbot slack channel configuration "slack-unset" is not set)',
        'probe logs aws: unknown (the partner\'s service, which cannot be placed) -[data sync]-> redshift partner "partner"',
        'probe logs aws: redshift partner "partner" -[log delivery]-> aws account 444455556666 (another account, location unknown)',
        'probe logs aws: macie2 invitation accepter "macie-accepter" -[log delivery]-> aws account 444455556666 (another account, location unknown)',
        'probe logs aws: rds export task "export" -[log delivery]-> s3 bucket "eu"',
        'probe logs aws: dynamodb table export "table-export" -[log delivery]-> unknown (S3 bucket "gone-b" of dynamodb table export "table-export" is not in this stack)',
        'probe logs aws: dynamodb table export "table-export" -[log delivery]-> aws account 444455556666 (another account, location unknown)',
        'probe logs aws: emr cluster "emr" -[log delivery]-> s3 bucket "logs"',
        'probe logs aws: cloudtrail trail "audit" -[log delivery]-> unknown (every region of the partition, including regions outside the jurisdiction)',
        'probe logs aws: cloudtrail trail "audit-gone" -[log delivery]-> unknown (S3 bucket "gone-b" of cloudtrail trail "audit-gone" is not in this stack)',
        'probe logs aws: cloudtrail trail "audit-later" -[log delivery]-> unknown (S3 bucket of cloudtrail trail "audit-later" is not known until deployed)',
        'probe logs aws: cloudtrail event data store "events" -[log delivery]-> unknown (every region of the partition, including regions outside the jurisdiction)',
        'probe logs aws: eu-central-1 (outside US, in EU) -[log delivery (accountAggregationSource.regions[])]-> cfg configuration aggregator "aggregator"',
        'probe logs aws: cfg configuration aggregator "aggregator" -[log delivery]-> unknown (every region)',
        'probe logs aws: sns topic subscription "hook" -[data sync]-> unknown ("https://hooks.example.com/sns" (an external endpoint that cannot be placed))',
        'probe logs aws: budgets budget action "budget-action" -[data sync]-> unknown ("finance@example.com" (a mailbox outside the cloud, which cannot be placed))',
        'probe logs aws: shield drt access log bucket association "drt" -[log delivery]-> unknown (the AWS Shield Response Team, which works from anywhere)',
        'probe logs aws: medialive channel "channel" -[data sync]-> s3 bucket "eu"',
        'probe logs aws: medialive channel "channel" -[data sync]-> unknown (rtmp://x.example/a, an endpoint outside the cloud)',
        'probe logs aws: amplify app "amplify" -[data sync]-> unknown (https://api.example.com/<*>, an endpoint outside the cloud)',
      ],
    });
  });

  // The logs table's types, and those whose log-shipping fields other tables' rows took from
  // policy/logging.ts (the SageMaker jobs, the EMR cluster).
  const moved = (type: string) => type in tables.logs || legacyLogElsewhere.has(type);

  /** The three policies as they were, over the frozen log rows; every other table as it is. */
  function oldLogPolicies(): Record<string, (typeof policies)[0]> {
    const meta = (name: string) => policies.find((p) => p.name === name) as (typeof policies)[0];
    const oldPolicy = (name: string, models: readonly OldFlowModel[]) => {
      const p = meta(name);
      return viewedPolicy(
        flowPolicy({
          name: p.name,
          description: p.description,
          severity: p.severity ?? "critical",
          remediationSteps: p.remediationSteps ?? "",
          models,
        }),
        // The other domains' tables as they are; the logs rows as the old tables held them.
        Object.fromEntries(Object.entries(byType).filter(([t]) => !moved(t))),
      );
    };
    const named = meta("named-destinations");
    const old: Record<string, (typeof policies)[0]> = {
      "log-shipping": oldPolicy("log-shipping", legacyLogShippingFlows),
      "key-and-secret-replicas": oldPolicy("key-and-secret-replicas", legacyLogKeyFlows),
      "named-destinations": namedDestinationsPolicy({
        name: named.name,
        description: named.description,
        severity: named.severity ?? "critical",
        remediationSteps: named.remediationSteps ?? "",
        models: () => [
          ...legacyLogShippingFlows,
          ...legacyLogKeyFlows,
          ...allFlowModels().filter((m) => !moved(m.type)),
        ],
      }),
    };
    return old;
  }

  /** The messages of the pack's policies among `old`'s names, in the runtime's words. */
  const text = (
    pack: readonly (typeof policies)[0][],
    specs: readonly OracleResource[],
    s: OracleSettings,
    old: Record<string, unknown>,
  ) =>
    rawMessages(
      pack.filter((p) => p.name in old),
      specs,
      s,
    );

  it("leaves log-shipping, key-and-secret-replicas and named-destinations reporting what they reported, byte for byte", () => {
    const old = oldLogPolicies();
    const before = policies.map((p) => old[p.name] ?? p);
    let findings = 0;
    let judged = 0;
    let messages = 0;
    for (const [name, specs, settings] of inputs()) {
      // The oracle's runtime objects read a value not known at preview as its marker text, so the
      // whole pack is compared on the other resources; the three policies' messages, read
      // through the runtime's proxy, on all of them.
      const known = specs.filter(
        (r) => !(moved(r.type) && JSON.stringify(r.props ?? {}).includes(unknownMarker)),
      );
      const now = runNamed(known, settings);
      expect({ name, findings: now }).toEqual({
        name,
        findings: runNamed(known, settings, before),
      });
      const said = text(policies, specs, settings, old);
      expect({ name, messages: said }).toEqual({
        name,
        messages: text(before, specs, settings, old),
      });
      messages += said.length;
      findings += now.filter(
        ([p, r]) => p in old && specs.some((x) => x.name === r && moved(x.type)),
      ).length;
      judged += specs.filter((r) => moved(r.type)).length;
    }
    // The inputs exercise the moved rows: resources of their types, and findings they report.
    expect({ judged: judged >= 40, findings: findings >= 25, messages: messages >= 30 }).toEqual({
      judged: true,
      findings: true,
      messages: true,
    });
  });

  it("and on every field of every moved row, set to each kind of value, under CN and US", () => {
    const values = [
      "cn-shanghai",
      "cn-hongkong",
      "us-west-2",
      "eu-central-1",
      "cn-hongkong.log.aliyuncs.com",
      "https://collector.example.com/in",
      "https://10.0.0.5/in",
      "10.0.0.5",
      "198.51.100.7",
      "arn:aws:s3:::eu-b",
      "arn:aws:logs:eu-central-1:111122223333:log-group:g",
      "acs:log:cn-hongkong:123:project/x",
      "logs-b",
      "gone-b",
      "oss://models-b/v1/",
      true,
      false,
      7,
      unknownMarker,
    ];
    // The settings that select the branch some rows' fields are judged in (an LDAP directory, an
    // OSS dataset, delivery switched on); every shape is tried with and without them.
    // Rows that read their inputs with code of their own (`judged`) get the inputs that code reads:
    // a subscriber list, a sink document, a hosts text, a switch — also not known at preview.
    const sourceGroup = (info: string) => ({
      functionName: "source_group",
      functionArgs: [{ argName: "source_info", argValue: info }],
    });
    const domainConfig = [
      { functionName: "advanced_origin", functionArgs: [{ argName: "origin" }] },
      { functionName: "cdn_remote_auth", functionArgs: [{ argName: "remote_auth_addr" }] },
      sourceGroup("198.51.100.7_1_1_80,10.0.0.5_1_1_80,cn-hongkong.oss.aliyuncs.com_1_1_80"),
      sourceGroup("origin.example.com_1_1_80,oss-cn-shanghai.aliyuncs.com_1_1_80"),
      sourceGroup(unknownMarker),
    ];
    const mailbox = (kind: string) => [
      { subscribers: [{ [kind]: "EMAIL", address: "ops@example.com" }] },
      { subscribers: [{ [kind]: "SNS", address: "arn:aws:sns:us-west-2:111122223333:t" }] },
      { subscribers: [{ [kind]: unknownMarker, address: "ops@example.com" }] },
    ];
    const selectors: Readonly<
      Record<string, Record<string, unknown> | readonly Record<string, unknown>[]>
    > = {
      "alicloud:dns/alidnsRecord:AlidnsRecord": [{ type: "A" }, { type: "TXT" }],
      "alicloud:dns/record:Record": { type: "CNAME" },
      "alicloud:esa/record:Record": { recordType: "A/AAAA" },
      "alicloud:cdn/domainConfig:DomainConfig": domainConfig,
      "alicloud:dcdn/domainConfig:DomainConfig": domainConfig,
      "alicloud:scdn/domainConfig:DomainConfig": domainConfig,
      "alicloud:arms/remoteWrite:RemoteWrite": [
        { remoteWriteYaml: "remote_write:\n- url: https://collector.example.com/api/v1/write\n" },
        { remoteWriteYaml: "remote_write:\n- url: http://10.0.0.5:9090/write\n" },
        {
          remoteWriteYaml:
            "remote_write:\n- url: https://cn-hongkong-intranet.arms.aliyuncs.com/w\n  proxy_url: http://198.51.100.7\n",
        },
        { remoteWriteYaml: "remote_write: [{url: x}]" },
        { remoteWriteYaml: unknownMarker },
      ],
      "alicloud:eventbridge/eventStreaming:EventStreaming": [
        { sink: JSON.stringify({ SinkHttpsParameters: { Url: { Value: "https://x.example" } } }) },
        { sink: JSON.stringify({ SinkFcParameters: { FunctionName: { Value: "f" } } }) },
        { sink: "not json" },
        { sink: unknownMarker },
      ],
      "alicloud:gpdb/hadoopDataSource:HadoopDataSource": [
        { hadoopHostsAddress: "198.51.100.7 hadoop-1\n10.0.0.5 hadoop-2 # primary" },
        { hadoopHostsAddress: "hadoop-1 10.0.0.5" },
        { hadoopHostsAddress: unknownMarker },
      ],
      "alicloud:sae/application:Application": [
        { customHostAlias: JSON.stringify([{ hostName: "a", ip: "198.51.100.7" }]) },
        { customHostAlias: JSON.stringify([{ hostName: "a", ip: "10.0.0.5" }]) },
        { customHostAlias: "not json" },
      ],
      "alicloud:eventbridge/rule:Rule": [
        { targets: [{ type: "http" }] },
        { targets: [{ type: "acs.mns.queue" }] },
      ],
      "alicloud:esa/transportLayerApplication:TransportLayerApplication": [
        { rules: [{ sourceType: "ip" }] },
        { rules: [{ sourceType: "OP" }] },
      ],
      "alicloud:esa/originRule:OriginRule": { follow302Enable: "on" },
      "aws:cloudtrail/trail:Trail": [
        { isMultiRegionTrail: true },
        { isMultiRegionTrail: unknownMarker },
      ],
      "aws:cloudtrail/eventDataStore:EventDataStore": [
        { multiRegionEnabled: false },
        { multiRegionEnabled: unknownMarker },
      ],
      "aws:cfg/configurationAggregator:ConfigurationAggregator": [
        { accountAggregationSource: { allRegions: true } },
        { organizationAggregationSource: { allRegions: true } },
      ],
      "aws:securityhub/findingAggregator:FindingAggregator": [
        { linkingMode: "ALL_REGIONS" },
        { linkingMode: "SPECIFIED_REGIONS" },
      ],
      "aws:sns/topicSubscription:TopicSubscription": [
        { protocol: "https", endpoint: "https://hooks.example.com" },
        { protocol: "sqs", endpoint: "arn:aws:sqs:eu-central-1:111122223333:q" },
        { protocol: unknownMarker, endpoint: "x" },
      ],
      "aws:budgets/budgetAction:BudgetAction": mailbox("subscriptionType"),
      "aws:costexplorer/anomalySubscription:AnomalySubscription": mailbox("type"),
      "aws:opensearchingest/pipeline:Pipeline": { pipelineConfigurationBody: "version: 2" },
      "aws:medialive/channel:Channel": {
        destinations: [
          { settings: [{ url: "s3ssl://gone-b/out" }, { url: "rtmp://x.example/a" }] },
        ],
      },
      "aws:amplify/app:App": [
        { customRules: [{ status: "200", source: "/api/<*>" }] },
        { customRules: [{ status: "301", source: "/old" }] },
      ],
      "alicloud:ehpc/cluster:Cluster": { accountType: "ldap" },
      "alicloud:pai/workspaceDataset:WorkspaceDataset": { dataSourceType: "OSS" },
      "alicloud:pai/workspaceDatasetversion:WorkspaceDatasetversion": { dataSourceType: "OSS" },
      "alicloud:oos/serviceSetting:ServiceSetting": {
        deliveryOssEnabled: true,
        deliverySlsEnabled: true,
      },
    };
    const providers: OracleResource[] = [
      { type: "pulumi:providers:alicloud", name: "sh", props: { region: "cn-shanghai" } },
      { type: "pulumi:providers:aws", name: "or", props: { region: "us-west-2" } },
      {
        type: "alicloud:oss/bucket:Bucket",
        name: "oss-logs",
        provider: "sh",
        props: { bucket: "logs-b" },
      },
      {
        type: "aws:s3/bucket:Bucket",
        name: "s3-logs",
        provider: "or",
        props: { bucket: "logs-b" },
      },
    ];
    const rows = [...legacyLogShippingFlows, ...legacyLogKeyFlows];
    // One resource of each row per value, every field of the row set to it.
    const shapes: OracleResource[] = rows.flatMap((m) =>
      [{}, ...(m.type in selectors ? [selectors[m.type]].flat() : [])].flatMap((selected, s) =>
        values.map((v, k): OracleResource => ({
          type: m.type,
          // By cloud and module: aws:emr/cluster and alicloud:emr/cluster share a class name.
          name: `${m.type.split(":").slice(0, 2).join("-")}-${s}-${k}`,
          provider: m.type.startsWith("aws:") ? "or" : "sh",
          props: m.fields.map((f) => propsAt(f.path, v)).reduce(mergeProps, { ...selected }),
        })),
      ),
    );
    const old = oldLogPolicies();
    const before = policies.map((p) => old[p.name] ?? p);
    const all = [...providers, ...shapes];
    let said = 0;
    const reported = new Set<string>();
    const typeOf = new Map(shapes.map((r) => [r.name, r.type]));
    for (const jurisdiction of ["CN", "US"]) {
      // A few rows' shapes at a time: named-destinations reads the whole stack for every
      // reference.
      const batches = rows.map((m) => m.type).filter((_, i) => i % 16 === 0);
      const now = batches.flatMap((first, b) => {
        const types = new Set(rows.slice(b * 16, b * 16 + 16).map((m) => m.type));
        const stack = [...providers, ...shapes.filter((r) => types.has(r.type))];
        const after = text(policies, stack, { jurisdiction }, old);
        expect({ jurisdiction, first, after }).toEqual({
          jurisdiction,
          first,
          after: text(before, stack, { jurisdiction }, old),
        });
        return after;
      });
      said += now.length;
      for (const m of now) {
        // `<policy> <subject>: …`: a resource policy names the resource, a stack policy its URN.
        const subject =
          m
            .slice(m.indexOf(" ") + 1, m.indexOf(": "))
            .split("::")
            .pop() ?? "";
        const type = typeOf.get(subject);
        if (type !== undefined) {
          reported.add(type);
        }
      }
    }
    // Every moved row reports in some shape (references through named-destinations).
    expect(rows.map((m) => m.type).filter((t) => !reported.has(t))).toEqual([]);
    expect(said).toBeGreaterThan(rows.length * 4);
    // And the graph tags every edge a moved row draws with the policy that reports it (but the
    // resources' own placement and the keys that encrypt them, which are structural).
    const { graph } = analyzeGraph(
      oracleBorderResources(all),
      "CN",
      { egressAllowlist: [] },
      typeRows(byType),
    );
    const owner = (e: (typeof graph.edges)[number]) =>
      e.via ?? graph.resolver.get(e.from) ?? graph.resolver.get(e.to);
    const drawn = graph.edges.filter((e) => {
      const r = owner(e);
      return r && moved(r.type) && e.label !== "placed in" && e.label !== "encrypted by";
    });
    // (An MSK cluster's, a Transfer server's and an InfluxDB endpoint's public access are their
    // rows' public-exposure fields; a SageMaker job outside a VPC reaches the internet through
    // SageMaker's network, its egress row's internet-egress field.)
    const owners = new Set(["log-shipping", "public-exposure", "internet-egress"]);
    expect(drawn.filter((e) => !owners.has(graph.tags.get(e)?.policy ?? ""))).toEqual([]);
    expect(drawn.length).toBeGreaterThan(rows.length * 4);
  });
});

/** Two props as one: objects key by key, lists element by element. */
function mergeProps(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
): Record<string, unknown> {
  return mergeValue(a, b) as Record<string, unknown>;
}

function mergeValue(a: unknown, b: unknown): unknown {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.map((x, i) => (i < b.length ? mergeValue(x, b[i]) : x));
  }
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
    for (const [k, v] of Object.entries(b)) {
      out[k] = k in out ? mergeValue(out[k], v) : v;
    }
    return out;
  }
  return b;
}

/** `props` with `value` at a dotted path; `a[].b` holds one element. */
function propsAt(path: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path.split(".");
  const inner = rest.length === 0 ? value : propsAt(rest.join("."), value);
  return head.endsWith("[]") ? { [head.slice(0, -2)]: [inner] } : { [head]: inner };
}

/** What the runtime turns into a value not known at preview. */
const unknownMarker = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

// The runtime's proxy is internal to @pulumi/policy; it turns that value into an unknown.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { unknownCheckingProxy } = require("@pulumi/policy/proxy") as {
  unknownCheckingProxy: <T extends object>(o: T) => T;
};

/**
 * The raw messages (text and path) the resource policies of `pack` report on each resource, and
 * the stack policies on the stack, in the runtime's words.
 */
function rawMessages(
  pack: readonly (typeof policies)[number][],
  resources: readonly OracleResource[],
  settings: OracleSettings,
): string[] {
  const config = {
    jurisdiction: settings.jurisdiction,
    egressAllowlist: settings.egressAllowlist ?? [],
    waivers: settings.waivers ?? [],
  };
  const out: string[] = [];
  // Props the runtime's proxy wraps (structuredClone's copies are not wrapped under jest), so a
  // value not known at preview reads as unknown, as it does in the engine.
  const args = policyResources(resources, (props) =>
    unknownCheckingProxy(JSON.parse(JSON.stringify(props ?? {})) as Record<string, unknown>),
  );
  for (const p of pack) {
    const getConfig = () => ({ ...config });
    if ("validateResource" in p && typeof p.validateResource === "function") {
      for (const r of args) {
        const validate = p.validateResource as ResourceValidation;
        validate({ ...r, getConfig } as unknown as ResourceValidationArgs, (m) =>
          out.push(`${p.name} ${r.name}: ${m}`),
        );
      }
    }
    if ("validateStack" in p && typeof p.validateStack === "function") {
      const validate = p.validateStack as StackValidation;
      validate({ resources: args, getConfig } as unknown as StackValidationArgs, (m, urn) =>
        out.push(`${p.name} ${urn ?? "stack"}: ${m}`),
      );
    }
  }
  return out.sort();
}

describe("the exposure and edge-services tables", () => {
  const messageInputs = (): Array<[string, OracleResource[], OracleSettings]> => [
    ...viewInputs(),
    ...[...storageCases, ...exposureCases].map(
      ([name, specs, settings]): [string, OracleResource[], OracleSettings] => [
        `probe ${name}`,
        specs,
        settings,
      ],
    ),
  ];

  /** The raw messages (text and path) a resource policy reports, resource by resource. */
  function policyMessages(
    policy: ResourceValidationPolicy,
    resources: readonly OracleResource[],
    settings: OracleSettings,
  ): string[] {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { unknownCheckingProxy } = require("@pulumi/policy/proxy") as {
      unknownCheckingProxy: <T extends object>(o: T) => T;
    };
    // A copy made in this realm, so the runtime's proxy turns nested unknowns into unknowns.
    const proxied = (props?: Record<string, unknown>) =>
      unknownCheckingProxy(JSON.parse(JSON.stringify(props ?? {})) as object);
    const config = {
      jurisdiction: settings.jurisdiction,
      egressAllowlist: settings.egressAllowlist ?? [],
      waivers: [],
    };
    const urn = (r: OracleResource) => `urn:pulumi:oracle::p::${r.type}::${r.name}`;
    return resources.flatMap((r) => {
      const out: string[] = [];
      const provider = resources.find((p) => p.name === r.provider);
      const args = {
        type: r.type,
        name: r.name,
        urn: urn(r),
        props: proxied(r.props),
        provider: provider && {
          type: provider.type,
          name: provider.name,
          urn: urn(provider),
          props: proxied(provider.props),
        },
        getConfig: () => ({ ...config }),
      };
      const validate = policy.validateResource as ResourceValidation;
      validate(args as unknown as ResourceValidationArgs, (m) => out.push(`${r.name}: ${m}`));
      return out;
    });
  }

  /** The types a policy's view judges now: the rows with fields it owns. */
  function judgedBy(policy: PolicyName): TypeTable {
    return Object.fromEntries(
      Object.entries(byType).filter(([, m]) => m.fields?.some((f) => f.policy === policy)),
    );
  }

  it.each([
    ["public-exposure", legacyPublicExposure, 15],
    ["global-services", legacyGlobalServices, 300],
  ] as const)(
    "%s reports the old messages byte for byte on the moved types",
    (name, legacy, atLeast) => {
      const now = policies.find((p) => p.name === name) as ResourceValidationPolicy;
      const judged = judgedBy(name);
      let reported = 0;
      for (const [input, resources, settings] of messageInputs()) {
        const after = policyMessages(now, resources, settings);
        expect({ input, after }).toEqual({
          input,
          after: policyMessages(legacy, resources, settings),
        });
        const named = namedBy(resources);
        reported += after.filter((m) => named(m).some((r) => r.type in judged)).length;
      }
      // The inputs exercise the moved rows: grants and switches that are on, off and unknown.
      expect(reported).toBeGreaterThanOrEqual(atLeast);
    },
  );

  it("draw the old public-access and acceleration edges, tagged with their policy's verdict, but for the differences listed here", () => {
    // The buckets, ACLs and acceleration resources as the storage flow models drew them; every
    // other row as it is now.
    const before = rowsBefore(["storage", "exposure", "edge-services"], legacyStorage);
    const lost: string[] = [];
    const added: string[] = [];
    const tags: string[] = [];
    const inputs: Array<[string, BorderResource[], OracleSettings]> = [
      ...plans(),
      ...[
        ...probeCases.map((c) => [c.id, c.specs, c.settings] as const),
        ...exposureCases.filter(([name]) => !/^(edge services|endpoints)/.test(name)),
      ].map(([name, specs, settings]): [string, BorderResource[], OracleSettings] => [
        `probe ${name}`,
        oracleBorderResources(specs),
        settings,
      ]),
    ];
    for (const [name, resources, settings] of inputs) {
      const opts = { egressAllowlist: settings.egressAllowlist ?? [] };
      const graph = analyzeGraph(resources, settings.jurisdiction, opts, typeRows(byType));
      const now = new Set(edgeTexts(graph.analysis));
      const then = new Set(
        edgeTexts(analyzeGraph(resources, settings.jurisdiction, opts, before).analysis),
      );
      lost.push(...[...then].filter((e) => !now.has(e)).map((e) => `${name}: ${e}`));
      added.push(...[...now].filter((e) => !then.has(e)).map((e) => `${name}: ${e}`));
      const label = new Map(graph.analysis.nodes.map((n) => [n.id, n.label]));
      tags.push(
        ...graph.analysis.edges
          .filter((e) => e.label === "public access" || e.label === "transfer acceleration")
          .map((e) => {
            const t = graph.graph.tags.get(e);
            return `${name}: ${label.get(e.from)} -[${edgeText(e)}]-> ${label.get(e.to)}: ${t ? `${t.policy} ${t.local}` : "untagged"}`;
          }),
      );
    }
    // An S3 access point whose policy allows everyone, without a VPC configuration and with its
    // own block's restrictPublicBuckets off, opens its bucket to the internet; a CDN domain's
    // service area reaches the CDN's points of presence (the old models drew neither). In the
    // China partition transfer acceleration stays in China: no edge leaves it.
    expect({ lost, added }).toEqual({
      lost: [
        'probe acceleration under CN: s3 bucket "cn-fast" -[transfer acceleration]-> S3 transfer acceleration network (global, outside CN)',
        'probe acceleration under CN: s3 bucket "cn-fast" -[transfer acceleration "cn-accel"]-> S3 transfer acceleration network (global, outside CN)',
      ],
      added: [
        'policy-alicloud under US: cdn domain new "cdn" -[edge network]-> Alibaba Cloud CDN points of presence (global, outside US)',
        'probe exposure aws: s3 bucket "private" -[public access "ap-open" (access point policy allows everyone)]-> the public internet',
      ],
    });
    // Every public grant and acceleration switch the graph draws is its policy's finding (so
    // no-path does not report it again) but where the resource alone cannot tell (listed);
    // grants a block shuts (the "blocked" buckets) draw no edge.
    expect(tags).toEqual([
      'probe 1: oss bucket "telemetry" -[transfer acceleration "rep"]-> OSS transfer acceleration network (global, outside CN): storage-replication report',
      'probe 1: oss bucket "telemetry" -[transfer acceleration "rep"]-> OSS transfer acceleration network (global, outside CN): storage-replication report',
      'probe 11: s3 bucket "b" -[public access "b-policy" (policy allows everyone)]-> the public internet: public-exposure report',
      'probe exposure alicloud: oss bucket "open" -[public access (public-read)]-> the public internet: public-exposure report',
      'probe exposure alicloud: oss bucket "open-policy" -[public access "open-policy" (policy allows everyone)]-> the public internet: public-exposure report',
      'probe exposure alicloud: oss bucket "private" -[public access "policy" (policy allows everyone)]-> the public internet: public-exposure report',
      'probe exposure alicloud: oss bucket "private" -[public access "acl" (PUBLIC-READ-WRITE)]-> the public internet: public-exposure report',
      'probe exposure aws: s3 bucket "open" -[public access (authenticated-read)]-> the public internet: public-exposure report',
      'probe exposure aws: s3 bucket "granted" -[public access (grant to all users)]-> the public internet: public-exposure report',
      'probe exposure aws: s3 bucket v2 "v2" -[public access "v2" (policy allows everyone)]-> the public internet: public-exposure report',
      'probe exposure aws: s3 bucket "private" -[public access "policy" (policy allows everyone)]-> the public internet: public-exposure report',
      'probe exposure aws: s3 bucket "private" -[public access "acl" (grant to all users)]-> the public internet: public-exposure report',
      // public-exposure does not judge the V2 ACL resource, nor global-services the V2
      // acceleration resource: their edges stay no-path's finding.
      'probe exposure aws: s3 bucket v2 "v2-pinned" -[public access "acl-v2" (public-read)]-> the public internet: untagged',
      'probe exposure aws: s3 bucket "private" -[public access "ap-open" (access point policy allows everyone)]-> the public internet: public-exposure report',
      'probe acceleration under CN: oss bucket "fast" -[transfer acceleration]-> OSS transfer acceleration network (global, outside CN): global-services report',
      'probe acceleration under CN: oss bucket "plain" -[transfer acceleration "accel"]-> OSS transfer acceleration network (global, outside CN): global-services report',
      'probe acceleration under CN: s3 bucket "s3-fast" -[transfer acceleration]-> S3 transfer acceleration network (global, outside CN): global-services report',
      'probe acceleration under CN: s3 bucket "s3-suspended" -[transfer acceleration "s3-accel"]-> S3 transfer acceleration network (global, outside CN): global-services report',
      'probe acceleration under CN: s3 bucket v2 "s3-v2" -[transfer acceleration "s3-accel-v2"]-> S3 transfer acceleration network (global, outside CN): untagged',
      'probe acceleration under US: oss bucket "fast" -[transfer acceleration]-> OSS transfer acceleration network (global, outside US): global-services report',
      'probe acceleration under US: oss bucket "plain" -[transfer acceleration "accel"]-> OSS transfer acceleration network (global, outside US): global-services report',
      'probe acceleration under US: s3 bucket "s3-fast" -[transfer acceleration]-> S3 transfer acceleration network (global, outside US): global-services report',
      'probe acceleration under US: s3 bucket "s3-suspended" -[transfer acceleration "s3-accel"]-> S3 transfer acceleration network (global, outside US): global-services report',
      'probe acceleration under US: s3 bucket v2 "s3-v2" -[transfer acceleration "s3-accel-v2"]-> S3 transfer acceleration network (global, outside US): untagged',
      'probe acceleration under US: s3 bucket "cn-fast" -[transfer acceleration]-> S3 transfer acceleration network (global, outside US): global-services report',
      'probe acceleration under US: s3 bucket "cn-fast" -[transfer acceleration "cn-accel"]-> S3 transfer acceleration network (global, outside US): global-services report',
    ]);
  });

  it.each([
    ["global-services", "edge services"],
    ["public-exposure", "endpoints"],
  ] as const)(
    "%s: every value the view reports from the resource draws its edge, and no other",
    (policy, inputs) => {
      const view = policies.find((p) => p.name === policy) as ResourceValidationPolicy;
      for (const [name, specs, settings] of exposureCases.filter(([n]) => n.startsWith(inputs))) {
        const resources = oracleBorderResources(specs);
        const opts = { egressAllowlist: settings.egressAllowlist ?? [] };
        const { graph, analysis } = analyzeGraph(
          resources,
          settings.jurisdiction,
          opts,
          typeRows(byType),
        );
        const label = new Map(analysis.nodes.map((n) => [n.id, n.label]));
        // The resources whose own edge reaches a global place: tagged, and reported.
        const drawn = new Set(
          analysis.edges
            .filter((e) => graph.tags.get(e)?.policy === policy)
            .map((e) => `${label.get(e.from)}: ${graph.tags.get(e)?.local}`),
        );
        // The resources the policy reports a value of (global-services draws an edge only for a
        // known one; public-exposure also to the unknown place a value not known at preview names).
        const named = namedBy(specs);
        const reported = new Set(
          policyMessages(view, specs, settings)
            .filter((m) => policy === "public-exposure" || !m.includes("is not known at preview"))
            .map((m) => {
              const [r] = named(m);
              return `${resourceLabel(r.type, r.name)}: report`;
            }),
        );
        expect({ name, drawn: [...drawn].sort() }).toEqual({ name, drawn: [...reported].sort() });
        expect(drawn.size).toBeGreaterThanOrEqual(30);
      }
    },
  );
});

describe("the grants of the exposure table", () => {
  const grantTypes = new Set(
    Object.entries(tables.exposure)
      .filter(([, m]) => m.fields?.some((f) => f.format === "grants"))
      .map(([t]) => t),
  );
  const inputs = (): Array<[string, OracleResource[], OracleSettings]> => [
    ...viewInputs(),
    ...grantCases.map(([name, specs, settings]): [string, OracleResource[], OracleSettings] => [
      name,
      specs,
      settings,
    ]),
  ];

  it("hold every type of the old grants table, each once", () => {
    expect([...grantTypes].sort()).toEqual(
      [...new Set(legacyResourceGrants.map((m) => m.type))].sort(),
    );
    expect(grantTypes.size).toBe(legacyResourceGrants.length);
  });

  it.each([
    ["public-exposure", () => legacyPublicExposure, 1500],
    ["cross-account-links", legacyCrossAccountLinks, 4000],
  ] as const)(
    "%s reports the old messages byte for byte on every grant shape",
    (name, legacy, atLeast) => {
      const now = policies.find((p) => p.name === name) as (typeof policies)[number];
      const before = legacy() as (typeof policies)[number];
      let reported = 0;
      for (const [input, resources, settings] of inputs()) {
        const after = rawMessages([now], resources, settings);
        expect({ input, after }).toEqual({
          input,
          after: rawMessages([before], resources, settings),
        });
        const named = namedBy(resources, `${name} `);
        reported += after.filter((m) => named(m).some((r) => grantTypes.has(r.type))).length;
      }
      // The shapes exercise the rows: grants to everyone, to other accounts, undecidable ones.
      expect(reported).toBeGreaterThanOrEqual(atLeast);
    },
  );

  it("public-exposure reports the old messages byte for byte on the public fields other tables' rows hold", () => {
    const now = policies.find((p) => p.name === "public-exposure") as (typeof policies)[number];
    const before = legacyPublicExposure as (typeof policies)[number];
    const moved = new Set(exposedRowTypes);
    let reported = 0;
    const open = new Set<string>();
    for (const [input, resources, settings] of [...viewInputs(), ...exposedRowCases]) {
      const after = rawMessages([now], resources, settings);
      expect({ input, after }).toEqual({
        input,
        after: rawMessages([before], resources, settings),
      });
      const named = namedBy(resources, "public-exposure ");
      // Each message once for every moved resource it names (a name others may share).
      for (const r of after.flatMap((m) => named(m)).filter((x) => moved.has(x.type))) {
        reported++;
        open.add(r.type);
      }
    }
    // Every moved type's row is judged by the view, and the shapes open each of them.
    expect(
      exposedRowTypes.filter(
        (t) => !byType[t]?.fields?.some((f) => f.policy === "public-exposure"),
      ),
    ).toEqual([]);
    expect(exposedRowTypes.filter((t) => !open.has(t))).toEqual([]);
    expect(reported).toBeGreaterThanOrEqual(90);
  });

  it("draw every grant a view reports as an edge tagged with that policy, and no other", () => {
    const views = {
      "public-exposure": policies.find((p) => p.name === "public-exposure"),
      "cross-account-links": policies.find((p) => p.name === "cross-account-links"),
    } as const;
    for (const [name, specs, settings] of [...grantCases, ...exposedRowCases]) {
      const resources = oracleBorderResources(specs);
      const opts = { egressAllowlist: settings.egressAllowlist ?? [] };
      const { graph, analysis } = analyzeGraph(
        resources,
        settings.jurisdiction,
        opts,
        typeRows(byType),
      );
      const label = new Map(analysis.nodes.map((n) => [n.id, n.label]));
      for (const [policy, view] of Object.entries(views)) {
        // The resources one of whose grants the graph draws, tagged with the policy's verdict.
        const drawn = new Set(
          analysis.edges
            .filter((e) => graph.tags.get(e)?.policy === policy)
            .map((e) => `${label.get(e.from)}: ${graph.tags.get(e)?.local}`),
        );
        const named = namedBy(specs, `${policy} `);
        const reported = new Set(
          rawMessages([view as (typeof policies)[number]], specs, settings).map((m) => {
            const [r] = named(m);
            return `${resourceLabel(r.type, r.name)}: report`;
          }),
        );
        expect({ name, policy, drawn: [...drawn].sort() }).toEqual({
          name,
          policy,
          drawn: [...reported].sort(),
        });
        // Every grant case draws grants of both policies (the Alibaba Cloud one few to
        // everyone: only a KMS secret's policy can grant everyone there); the other tables'
        // public fields are public-exposure's only.
        const other = exposedRowCases.some(([n]) => n === name);
        expect(drawn.size).toBeGreaterThanOrEqual(
          other && policy === "cross-account-links" ? 0 : 20,
        );
      }
    }
  });
});

describe("egress-rules and the gates over the egress controls' rows", () => {
  const moved = (type: string) => type in legacyRouteFlows;

  /** The gate stacks, the route inputs, the fixtures' plans (both twins), policy plans and probes. */
  const inputs = (): Array<[string, OracleResource[], OracleSettings]> => [
    ...gateCases.map(([name, specs, settings]): [string, OracleResource[], OracleSettings] => [
      name,
      specs,
      settings,
    ]),
    ...routesCases.map(([name, specs, settings]): [string, OracleResource[], OracleSettings] => [
      `probe ${name}`,
      specs,
      settings,
    ]),
    ...viewInputs(),
    ...borderFixtures.map((name): [string, OracleResource[], OracleSettings] => [
      `border ${name}/sealed`,
      oracleInputsOf(border[name].sealed),
      { jurisdiction: "CN", egressAllowlist: plantAllowlist },
    ]),
  ];

  it("egress-rules judges the rows' rules and reports what it reported, byte for byte", () => {
    const now = policies.filter((p) => p.name === "egress-rules");
    const shapes: Array<[string, OracleResource[], OracleSettings]> = [
      ["rule shapes CN", ruleShapes, { jurisdiction: "CN", egressAllowlist: gateAllowlist }],
      ["rule shapes US", ruleShapes, { jurisdiction: "US" }],
    ];
    let reported = 0;
    for (const [name, resources, settings] of [...shapes, ...inputs()]) {
      const after = rawMessages(now, resources, settings);
      expect({ name, after }).toEqual({
        name,
        after: rawMessages([legacyEgressRules], resources, settings),
      });
      reported += after.length;
    }
    // The rows are the old reader's types, each read the same way; every one reports in some
    // shape and passes in another.
    expect(
      Object.keys(byType)
        .filter((t) => byType[t].rules)
        .sort(),
    ).toEqual(legacyRuleModels.map((m) => m.type).sort());
    const judged = ruleShapes.filter((r) => !r.type.startsWith("pulumi:providers:"));
    const findings = rawMessages(now, ruleShapes, { jurisdiction: "CN" });
    const named = (r: OracleResource) => (m: string) => m.startsWith(`egress-rules ${r.name}: `);
    const types = (hit: boolean) =>
      new Set(judged.filter((r) => findings.some(named(r)) === hit).map((r) => r.type)).size;
    expect({ reporting: types(true), passing: types(false) }).toEqual({
      reporting: legacyRuleModels.length,
      passing: legacyRuleModels.length,
    });
    expect(reported).toBeGreaterThan(500);
  });

  it("the rows' gates let the same traffic through as the old gate helpers: nodes, edges, paths", () => {
    // Today's rows but for the VPCs, subnets, routes, gateways and instances, drawn by the frozen
    // flow models that read the frozen gate helpers.
    const current = Object.fromEntries(Object.entries(byType).filter(([t]) => !moved(t)));
    const before = mergeRows(typeRows(current), legacyRows(legacyRouteFlows));
    const differences: string[] = [];
    const open = new Set<string>();
    const shut = new Set<string>();
    for (const [name, specs, settings] of inputs()) {
      const resources = oracleBorderResources(specs);
      const opts = { egressAllowlist: settings.egressAllowlist ?? [] };
      const now = analyzeBorder(resources, settings.jurisdiction, opts);
      const then = analyzeGraph(resources, settings.jurisdiction, opts, before).analysis;
      const nodes = (a: BorderAnalysis) => a.nodes.map((n) => `${n.label} (${n.side})`).sort();
      const paths = (a: BorderAnalysis) => a.paths.map((p) => JSON.stringify(p.hops)).sort();
      for (const [what, a, b] of [
        ["nodes", nodes(now), nodes(then)],
        ["edges", edgeTexts(now).sort(), edgeTexts(then).sort()],
        ["paths", paths(now), paths(then)],
      ] as const) {
        if (JSON.stringify(a) !== JSON.stringify(b)) {
          differences.push(`${name}: ${what}`);
        }
      }
      if (name.startsWith("gates ")) {
        const gated = edgeTexts(now).some((e) => / -\[(egress rule|default egress)/.test(e));
        (gated && now.paths.length > 0 ? open : shut).add(name);
      }
    }
    expect(differences).toEqual([]);
    // The gate stacks exercise both outcomes: a gate that lets the bucket's data out, and one
    // that keeps it in, on each cloud.
    expect([...open].filter((n) => n.startsWith("gates alicloud")).length).toBeGreaterThan(3);
    expect([...open].filter((n) => n.startsWith("gates aws")).length).toBeGreaterThan(3);
    expect([...shut].filter((n) => n.startsWith("gates alicloud")).length).toBeGreaterThan(3);
    expect([...shut].filter((n) => n.startsWith("gates aws")).length).toBeGreaterThan(3);
  });

  it("the egress posture reads the rows' gates as the old helpers read the groups and ACLs", () => {
    for (const [name, specs, settings] of inputs()) {
      const resources = oracleBorderResources(specs);
      const allowlist = settings.egressAllowlist ?? [];
      const posture = egressPosture(resources, settings.jurisdiction, allowlist);
      const x = new Resolver(resources, getJurisdiction(settings.jurisdiction), allowlist);
      const old = {
        groups: posture.groups.map(({ group }) => {
          const a = legacyGroupAdmission(group, x);
          const via = a?.via && a.via !== group ? ` ${JSON.stringify(a.via.name)}` : "";
          return { group: group.name, admits: a ? `${a.label}${via} (${a.detail})` : undefined };
        }),
        subnets: posture.subnets.map(({ subnet }) => ({
          subnet: subnet.name,
          sealedBy: legacySealingAcl(subnet, x)?.name,
        })),
      };
      expect({
        name,
        groups: posture.groups.map((g) => ({ group: g.group.name, admits: g.admits })),
        subnets: posture.subnets.map((s) => ({
          subnet: s.subnet.name,
          sealedBy: s.sealedBy?.name,
        })),
      }).toEqual({ name, ...old });
    }
  });
});
