/**
 * The inventory of the data-flow model (issue 11's acceptance): every table of
 * `policy/paths/types/index.ts` is enumerated, each resource type is declared in exactly one of
 * them, every type is a real resource token of the installed SDKs and reviewed, every property
 * path a row reads is an input of its type (a misspelt path would never match and let its data
 * path through silently), and no other file of the pack keeps its own list of the types a policy
 * judges — a second list is a second model, and two models drift apart.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { mergeRows, typeRows } from "../../policy/paths/graph";
import { egressFields } from "../../policy/paths/kubernetes";
import type { TypeModel, TypeTable } from "../../policy/paths/model";
import { byType, merge, modelledTypes, tables } from "../../policy/paths/types";
import { podTemplateOf } from "../../policy/paths/kubernetes";
import { judgedByCode } from "../../policy/paths/types/kubernetes";
import {
  customResourceTypes,
  modelledTypes as reviewedModelled,
  reviewed,
  reviewedTypes,
} from "../../policy/reviewed";
import { inputPathProblem, sdkTypeTokens } from "../helpers/policy-sdk";

const root = path.resolve(__dirname, "..", "..");

describe("the domain tables", () => {
  test("declare each resource type in exactly one table", () => {
    const homes = new Map<string, string[]>();
    for (const [domain, table] of Object.entries(tables)) {
      for (const type of Object.keys(table)) {
        homes.set(type, [...(homes.get(type) ?? []), domain]);
      }
    }
    expect([...homes].filter(([, domains]) => domains.length > 1)).toEqual([]);
    // Every table holds rows, and the union the graph is built from is exactly theirs.
    expect(Object.entries(tables).filter(([, table]) => Object.keys(table).length === 0)).toEqual(
      [],
    );
    expect([...modelledTypes].sort()).toEqual([...homes.keys()].sort());
    expect(Object.keys(byType).sort()).toEqual([...homes.keys()].sort());
  });

  test("refuse a type declared in two tables, naming both", () => {
    const row: TypeModel = { role: "data", fix: "Fix it." };
    expect(() =>
      merge({ storage: { "aws:s3/bucket:Bucket": row }, backups: { "aws:s3/bucket:Bucket": row } }),
    ).toThrow(
      "aws:s3/bucket:Bucket is declared in the storage and the backups tables; each type belongs to exactly one.",
    );
    expect(merge({ storage: { a: row }, backups: { b: row } })).toEqual({ a: row, b: row });
  });

  test("give the data-flow graph one row per type: two sources of the same type are refused", () => {
    const [type] = Object.keys(tables.logs);
    const other: TypeTable = { [type]: { role: "control", fix: "" } };
    expect(() => mergeRows(typeRows(byType), typeRows(other))).toThrow(
      `The data-flow graph has two rows for ${type}; each type belongs to one.`,
    );
    expect(
      Object.keys(mergeRows(typeRows({ a: other[type] }), typeRows({ b: other[type] }))),
    ).toEqual(["a", "b"]);
  });

  test("name only resource types of the installed SDKs, or custom resources the pack reviews", () => {
    const tokens = sdkTypeTokens();
    expect([...modelledTypes].filter((t) => !tokens.has(t) && !customResourceTypes.has(t))).toEqual(
      [],
    );
  });

  test("are reviewed because they are modelled: no group of policy/reviewed.ts lists one", () => {
    expect([...reviewedModelled].sort()).toEqual([...modelledTypes].sort());
    // A modelled type listed in a group too would be a second place naming it, to keep in step
    // with its row: the list holds only the types no table models.
    const listed = Object.values(reviewed).flat();
    expect(listed.filter((t) => modelledTypes.has(t)).sort()).toEqual([]);
    expect([...reviewedTypes].sort()).toEqual([...new Set([...listed, ...modelledTypes])].sort());
  });

  test("read only property paths that are inputs of their type", () => {
    const problems = Object.entries(byType).flatMap(([type, model]) =>
      (model.fields ?? []).flatMap((f) =>
        // A relation's path names the properties it relates: `geographicRegionAId/geographicRegionBId`.
        [
          ...(f.format === "relation" ? f.path.split("/") : [f.path]),
          f.source?.path,
          f.origin?.path,
        ].flatMap((p) => {
          const problem = p === undefined ? undefined : inputPathProblem(type, p);
          return problem ? [`${type} ${p}: ${problem}`] : [];
        }),
      ),
    );
    expect(problems).toEqual([]);
    // Not vacuous: the rows declare fields by the hundred.
    expect(Object.values(byType).flatMap((m) => m.fields ?? []).length).toBeGreaterThan(500);
  });
});

describe("the kubernetes table", () => {
  const rows = tables.kubernetes;
  /** Whether a row declares the servers kubernetes-egress's view judges. */
  const viewed = (type: string) =>
    rows[type]?.fields?.some((f) => f.policy === "kubernetes-egress") ?? false;

  test("holds every type of the installed SDK that kubernetes-egress reads, judged by its view or by its code, never both", () => {
    const read = [...sdkTypeTokens()].filter(
      (t) => t.startsWith("kubernetes:") && egressFields(t).length > 0,
    );
    expect(read.filter((t) => !(t in rows))).toEqual([]);
    const code = new Set(judgedByCode["kubernetes-egress"]);
    expect(read.filter((t) => viewed(t) === code.has(t)).sort()).toEqual([]);
    // Every row the code judges is one the policy reads, or a custom kind: Kyverno's policies
    // (ClusterPolicy and Policy of two versions, 12 with their Lists and Patches), cleanup
    // policies (CleanupPolicy and ClusterCleanupPolicy of two versions, 12), global context
    // entries (three versions, 9) and the CEL policies of policies.kyverno.io (five kinds of three
    // versions and their five namespaced kinds of two, 75), and the CNI plugins' network
    // policies (Cilium's CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy, 6; Calico's
    // NetworkPolicy and GlobalNetworkPolicy of two groups, 12), and Kubernetes' cluster-wide
    // network policies (AdminNetworkPolicy, BaselineAdminNetworkPolicy, ClusterNetworkPolicy, 9). Not vacuous: every
    // kind with its List and Patch — 120 types by their fields and 39 by the code in
    // @pulumi/kubernetes 4.34.
    const custom = [...code].filter((t) => customResourceTypes.has(t));
    expect(
      custom.filter(
        (t) =>
          !/^kubernetes:(((policies\.)?kyverno|cilium)\.io|(crd\.)?projectcalico\.org|policy\.networking\.k8s\.io)\//.test(
            t,
          ),
      ),
    ).toEqual([]);
    expect(custom).toHaveLength(135);
    expect([...code].filter((t) => !custom.includes(t) && !read.includes(t))).toEqual([]);
    expect([read.filter(viewed).length, code.size - custom.length]).toEqual([120, 39]);
  });

  test("holds the Services, Ingresses, workloads and operators' Service-making kinds of every API version, with their Lists and Patches, for kubernetes-service-exposure", () => {
    const sdk = [...sdkTypeTokens()];
    const exposed = sdk.filter((t) =>
      /^kubernetes:(core\/v1:Service|(networking\.k8s\.io|extensions)\/\w+:Ingress)(List|Patch)?$/.test(
        t,
      ),
    );
    // Workloads whose pods may open ports on their nodes (hostPort, hostNetwork), and Argo
    // Rollouts' Rollout and KEDA's ScaledJob, custom workload kinds.
    const workloads = [
      ...sdk.filter((t) => t.startsWith("kubernetes:") && podTemplateOf(t)),
      ...[...customResourceTypes].filter((t) => podTemplateOf(t)),
    ];
    expect(workloads.filter((t) => t.includes("argoproj.io")).sort()).toEqual([
      "kubernetes:argoproj.io/v1alpha1:Rollout",
      "kubernetes:argoproj.io/v1alpha1:RolloutList",
      "kubernetes:argoproj.io/v1alpha1:RolloutPatch",
    ]);
    // The Gateway API's Gateways and GatewayClasses: custom resources, in no SDK.
    const gateways = [...customResourceTypes].filter((t) =>
      /^kubernetes:gateway\.networking\.k8s\.io\/\w+:Gateway(Class)?(List|Patch)?$/.test(t),
    );
    expect(gateways).toHaveLength(12);
    // The custom resources whose operator makes Services from them: Strimzi's Kafka (two API
    // versions), CloudNativePG's Cluster, the MariaDB operator's MariaDB (two API groups) and
    // MaxScale, Zalando's postgresql, the Redis operator's servers (Redis, RedisCluster and
    // RedisReplication of two API versions, RedisSentinel), and ECK's Elasticsearch, Kibana, APM
    // Server and Enterprise Search (two API versions), Beat, Agent, Logstash and Elastic Maps
    // Server, and Skupper's Site, RouterAccess and SecuredAccess, each with its List and Patch.
    const operators = [...customResourceTypes].filter((t) =>
      /^kubernetes:(kafka\.strimzi\.io\/\w+:Kafka|postgresql\.cnpg\.io\/v1:Cluster|(k8s\.mariadb\.com|mariadb\.mmontes\.io)\/v1alpha1:MariaDB|k8s\.mariadb\.com\/v1alpha1:MaxScale|acid\.zalan\.do\/v1:postgresql|redis\.redis\.opstreelabs\.in\/\w+:Redis(Cluster|Replication|Sentinel)?|(elasticsearch|kibana|apm|beat|agent|logstash|enterprisesearch|maps)\.k8s\.elastic\.co\/\w+:(Elasticsearch|Kibana|ApmServer|Beat|Agent|Logstash|EnterpriseSearch|ElasticMapsServer)|skupper\.io\/v2alpha1:(Site|RouterAccess|SecuredAccess))(List|Patch)?$/.test(
        t,
      ),
    );
    expect(operators).toHaveLength(87);
    expect(operators.filter((t) => !(t in rows))).toEqual([]);
    // The parameters of Gateway API implementations, which a Gateway's Service is made from:
    // Envoy Gateway's, NGINX Gateway Fabric's, kgateway's, the Kong Gateway Operator's (two API
    // versions), Contour's, the AWS Load Balancer Controller's (two) and Cilium's.
    const parameters = [...customResourceTypes].filter((t) =>
      /^kubernetes:(gateway\.envoyproxy\.io\/v1alpha1:EnvoyProxy|gateway\.nginx\.org\/v1alpha2:NginxProxy|gateway\.kgateway\.dev\/v1alpha1:GatewayParameters|gateway-operator\.konghq\.com\/\w+:GatewayConfiguration|projectcontour\.io\/v1alpha1:ContourDeployment|gateway\.k8s\.aws\/\w+:LoadBalancerConfiguration|cilium\.io\/v2alpha1:CiliumGatewayClassConfig)(List|Patch)?$/.test(
        t,
      ),
    );
    expect(parameters).toHaveLength(27);
    // Traefik's routes (IngressRoute, IngressRouteTCP, IngressRouteUDP of Traefik 3's and 2's
    // groups), which the Traefik that serves them exposes as it does an Ingress.
    const traefikRoutes = [...customResourceTypes].filter((t) =>
      /^kubernetes:traefik\.(io|containo\.us)\/v1alpha1:IngressRoute(TCP|UDP)?(List|Patch)?$/.test(
        t,
      ),
    );
    expect(traefikRoutes).toHaveLength(18);
    expect(traefikRoutes.filter((t) => !(t in rows))).toEqual([]);
    expect([...judgedByCode["kubernetes-service-exposure"]].sort()).toEqual(
      [...exposed, ...workloads, ...gateways, ...parameters, ...operators, ...traefikRoutes].sort(),
    );
    // kubernetes-egress's view reads the Ingresses too: the services their controller sends
    // requests to (NGINX annotations), not their exposure.
    expect(exposed.filter((t) => !(t in rows) || viewed(t) !== t.includes(":Ingress"))).toEqual([]);
    expect(workloads.filter((t) => !(t in rows))).toEqual([]);
    // The workloads: the SDK's kinds, Argo Rollouts' Rollout, KEDA's ScaledJob and Knative's
    // Service, Configuration, Revision, ContainerSource, IntegrationSource and JobSink (each with
    // its List and Patch).
    expect([exposed.length, workloads.length]).toEqual([12, 81]);
  });

  test("gives each List the role of the objects it holds", () => {
    const role = (type: string, props: Record<string, unknown>) => {
      const r = rows[type].role;
      return typeof r === "function"
        ? r(
            {
              urn: "urn:l",
              type,
              name: "l",
              props,
              dependencies: [],
              propertyDependencies: {},
              protect: false,
            },
            undefined as never,
          )
        : r;
    };
    const statefulSet = (claims: unknown[]) => ({
      spec: { template: { spec: {} }, volumeClaimTemplates: claims },
    });
    const list = "kubernetes:apps/v1:StatefulSetList";
    // A List of workloads stores data when one of its entries claims volumes of its own.
    expect(
      role(list, { items: [statefulSet([]), statefulSet([{ metadata: { name: "d" } }])] }),
    ).toBe("data");
    expect(role(list, { items: [statefulSet([])] })).toBe("workload");
    expect(role("kubernetes:apps/v1:DeploymentList", { items: [] })).toBe("workload");
    expect(
      Object.fromEntries(
        [
          "kubernetes:core/v1:PersistentVolumeList",
          "kubernetes:networking.k8s.io/v1:NetworkPolicyList",
          "kubernetes:storage.k8s.io/v1:StorageClassList",
          "kubernetes:apps/v1:ControllerRevisionList",
          "kubernetes:admissionregistration.k8s.io/v1:MutatingAdmissionPolicyList",
          "kubernetes:discovery.k8s.io/v1:EndpointSliceList",
        ].map((t) => [t, role(t, { items: [] })]),
      ),
    ).toEqual({
      "kubernetes:core/v1:PersistentVolumeList": "data",
      "kubernetes:networking.k8s.io/v1:NetworkPolicyList": "control",
      "kubernetes:storage.k8s.io/v1:StorageClassList": "other",
      "kubernetes:apps/v1:ControllerRevisionList": "other",
      "kubernetes:admissionregistration.k8s.io/v1:MutatingAdmissionPolicyList": "control",
      "kubernetes:discovery.k8s.io/v1:EndpointSliceList": "control",
    });
  });
});

/**
 * Files of the pack outside the tables whose type tokens are not a policy's list of the types it
 * judges, each with the reason. A file that gains tokens must earn a line here; a file that loses
 * them all must lose its line, so the list stays the truth.
 */
const notATypeList: Readonly<Record<string, string>> = {
  // How findings, paths and diagrams name a resource: labels keyed by type, for every type,
  // modelled or not.
  "policy/paths/describe.ts": "labels",
  // What a reference of each kind can name (an S3 bucket is a Bucket or a BucketV2): the
  // resolver's vocabulary, shared by every row that reads a reference.
  "policy/paths/resolver.ts": "what a reference names",
  // The security groups whose rules the egress posture report lists; the groups' rows (and
  // their gates) are the egress table's.
  "policy/paths/posture.ts": "the groups the posture report lists",
  // The NetworkPolicy kinds and the Namespace kind whose objects the Kubernetes reader parses
  // (their rows are the kubernetes table's), and the IngressClass and AlbConfig an Ingress's
  // class is read through (the Ingresses' rows are the kubernetes table's).
  "policy/paths/kubernetes.ts": "the kinds the Kubernetes reader parses",
  // The Secret kind a LokiStack's object storage is read from, over the stack (the LokiStack's
  // review is policy/reviewed.ts's).
  "policy/paths/loki-stacks.ts": "the Secret a LokiStack's storage is read from",
  // The SSM document whose whole content, not known at preview, is a script the compute runs:
  // the reading of scripts fails it closed, as it fails user data not known (the document's
  // rows are the compute table's).
  "policy/paths/references.ts": "the document a script reading fails closed when unknown",
  // The Lambda functions and CloudFront Functions a CloudFront distribution, plain or
  // multi-tenant, runs at its edge locations, read over the stack (the functions' and the
  // distributions' rows are the egress and edge tables', or their review).
  "policy/edge-functions.ts": "the functions a distribution runs at the edge",
};

/** Directories and files whose type tokens are the model itself or the review of types. */
const inventoryHomes = [
  "policy/paths/types/",
  "policy/reviewed.ts",
  "policy/review/",
  "policy/inventory/",
];

/** A quoted resource type token of one of the pack's clouds: `"aws:s3/bucket:Bucket"`. */
const typeToken = /(["'`])((?:aws|alicloud|kubernetes):[\w.-]+(?:\/[\w.-]+)*:\w+)\1/g;

/** The type tokens of each file of `policy/` (relative paths) that holds any. */
function tokensByFile(files: Readonly<Record<string, string>>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [file, text] of Object.entries(files)) {
    if (inventoryHomes.some((home) => file === home || file.startsWith(home))) {
      continue;
    }
    const tokens = [...text.matchAll(typeToken)].map((m) => m[2]);
    if (tokens.length > 0) {
      out[file] = tokens;
    }
  }
  return out;
}

function policySources(): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(path.join(root, "policy"), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
      .map((f) => {
        const file = `policy/${f.split(path.sep).join("/")}`;
        return [file, fs.readFileSync(path.join(root, file), "utf8")];
      }),
  );
}

describe("no file outside the tables lists resource types for a policy", () => {
  test("the files of the pack that hold type tokens are exactly the ones listed, each for its reason", () => {
    expect(Object.keys(tokensByFile(policySources())).sort()).toEqual(
      Object.keys(notATypeList).sort(),
    );
  });

  test("a policy file that lists types is found, whatever the quotes", () => {
    const found = tokensByFile({
      "policy/storage.ts": `const replicated = ["aws:s3/bucketReplicationConfig:BucketReplicationConfig", 'alicloud:oss/bucketReplication:BucketReplication'];`,
      "policy/keys.ts": "if (type === `kubernetes:networking.k8s.io/v1:NetworkPolicy`) {}",
      "policy/paths/types/storage.ts": `"aws:s3/bucket:Bucket": row,`,
      "policy/review/aws.ts": `"aws:s3/bucket:Bucket",`,
      // Not type tokens: a cloud's name, an ARN, a provider token.
      "policy/names.ts": `const cloud = "aws"; const arn = "arn:aws:s3:::b"; const p = "pulumi:providers:aws";`,
    });
    expect(found).toEqual({
      "policy/storage.ts": [
        "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
        "alicloud:oss/bucketReplication:BucketReplication",
      ],
      "policy/keys.ts": ["kubernetes:networking.k8s.io/v1:NetworkPolicy"],
    });
  });
});
