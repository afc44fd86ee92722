/**
 * The Kubernetes stack policies (kubernetes-service-exposure, kubernetes-cluster-placement,
 * kubernetes-namespace-egress) judge only `kubernetes:` objects and their providers: a stack with
 * none is left before any of its resources is read, and a stack with one — even a single List
 * among cloud resources — is judged in full.
 */
import type { StackValidation, StackValidationArgs } from "@pulumi/policy";
import {
  kubernetesClusterPlacement,
  kubernetesNamespaceEgress,
  kubernetesServiceExposure,
} from "../../policy/kubernetes";
import {
  type OracleResource,
  on,
  policyResources,
  runNamed,
  unknownAtPreview,
} from "../helpers/model-oracle";

const kubernetesPolicies = [
  kubernetesServiceExposure,
  kubernetesClusterPlacement,
  kubernetesNamespaceEgress,
];
const cn = { jurisdiction: "CN" };
const sh = on("sh");
const ambient = on("ambient");

/** A Shanghai network with a bucket: no Kubernetes anywhere. */
const cloudOnly: OracleResource[] = [
  { type: "pulumi:providers:alicloud", name: "sh", props: { region: "cn-shanghai" } },
  sh("alicloud:vpc/network:Network", "core", { cidrBlock: "10.0.0.0/16" }),
  sh("alicloud:oss/bucket:Bucket", "data", { acl: "private" }),
];

test("a stack without Kubernetes resources is left before any resource's properties are read", () => {
  const read: string[] = [];
  // Every read of a property is noted, by resource.
  const recording = (props: Record<string, unknown> | undefined) =>
    new Proxy(props ?? {}, {
      get: (target, key, receiver) => {
        read.push(`${String(target.__name)}.${String(key)}`);
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
  const named = cloudOnly.map((r) => ({ ...r, props: { ...r.props, __name: r.name } }));
  const messages: string[] = [];
  for (const policy of kubernetesPolicies) {
    const validate = policy.validateStack as StackValidation;
    const args = {
      resources: policyResources(named, recording),
      stackTags: new Map(),
      getConfig: () => ({ jurisdiction: "CN", egressAllowlist: [], waivers: [] }),
    };
    void validate(args as unknown as StackValidationArgs, (m) => messages.push(m));
  }
  expect({ messages, read }).toEqual({ messages: [], read: [] });
});

describe("a stack whose only Kubernetes objects sit among cloud resources is judged in full", () => {
  const placement = [
    "kubernetes-cluster-placement",
    "ambient",
    "mandatory",
    ['kubernetes provider "ambient"', "a cluster the pack cannot place"],
  ];
  const namespaceEgress = [
    "kubernetes-namespace-egress",
    "apis",
    "mandatory",
    [
      'k8s namespace "default"',
      "pod egress (no default-deny NetworkPolicy)",
      "every address (any country)",
    ],
  ];

  test("a LoadBalancer Service and a Deployment List on a cluster nobody can place", () => {
    const resources: OracleResource[] = [
      ...cloudOnly,
      { type: "pulumi:providers:kubernetes", name: "ambient", props: {} },
      ambient("kubernetes:apps/v1:DeploymentList", "apis", {
        items: [{ spec: { template: { metadata: { labels: { app: "api" } }, spec: {} } } }],
      }),
      ambient("kubernetes:core/v1:Service", "api-lb", {
        spec: { type: "LoadBalancer", selector: { app: "api" } },
      }),
    ];
    expect(runNamed(resources, cn, kubernetesPolicies)).toEqual([
      placement,
      namespaceEgress,
      [
        "kubernetes-service-exposure",
        "api-lb",
        "mandatory",
        ["the internet", 'k8s service "api-lb"'],
      ],
    ]);
  });

  test("a Deployment List alone, of no core kind", () => {
    const resources: OracleResource[] = [
      ...cloudOnly,
      { type: "pulumi:providers:kubernetes", name: "ambient", props: {} },
      ambient("kubernetes:apps/v1:DeploymentList", "apis", {
        items: [{ spec: { template: { metadata: { labels: { app: "api" } }, spec: {} } } }],
      }),
    ];
    expect(runNamed(resources, cn, kubernetesPolicies)).toEqual([placement, namespaceEgress]);
  });

  test("twin: an internal Service and a default-deny namespace leave only the cluster's placement", () => {
    const resources: OracleResource[] = [
      ...cloudOnly,
      { type: "pulumi:providers:kubernetes", name: "ambient", props: {} },
      ambient("kubernetes:networking.k8s.io/v1:NetworkPolicy", "deny", {
        spec: { podSelector: {}, policyTypes: ["Egress"] },
      }),
      ambient("kubernetes:apps/v1:DeploymentList", "apis", {
        items: [{ spec: { template: { metadata: { labels: { app: "api" } }, spec: {} } } }],
      }),
      ambient("kubernetes:core/v1:Service", "api", {
        spec: { type: "ClusterIP", selector: { app: "api" } },
      }),
    ];
    expect(runNamed(resources, cn, kubernetesPolicies)).toEqual([placement]);
  });
});

// Found on pulumi/kubernetes-guides, whose apps deploy through a provider whose namespace is
// another stack's output: the pods were taken to be in "default", whose default deny passed them.
describe("a workload that names no namespace, through a provider whose namespace is not known", () => {
  const placement = [
    "kubernetes-cluster-placement",
    "ambient",
    "mandatory",
    ['kubernetes provider "ambient"', "a cluster the pack cannot place"],
  ];
  /** The Deployment through the provider, and a default deny in `denyIn` (none: the provider's). */
  const withProvider = (namespace: unknown, denyIn?: string): OracleResource[] => [
    { type: "pulumi:providers:kubernetes", name: "ambient", props: { namespace } },
    ambient("kubernetes:networking.k8s.io/v1:NetworkPolicy", "deny", {
      ...(denyIn === undefined ? {} : { metadata: { namespace: denyIn } }),
      spec: { podSelector: {}, policyTypes: ["Egress"] },
    }),
    ambient("kubernetes:apps/v1:Deployment", "web", {
      spec: { template: { metadata: { labels: { app: "web" } }, spec: {} } },
    }),
  ];

  test("is in that provider's namespace, not in default, whose default deny does not hold it", () => {
    expect(runNamed(withProvider(unknownAtPreview, "default"), cn, kubernetesPolicies)).toEqual([
      placement,
      [
        "kubernetes-namespace-egress",
        "web",
        "mandatory",
        [
          'the namespace of kubernetes provider "ambient" (not known at preview)',
          "pod egress (no default-deny NetworkPolicy)",
          "every address (any country)",
        ],
      ],
    ]);
  });

  test("twin: a default deny deployed through the same provider, naming no namespace, holds it", () => {
    expect(runNamed(withProvider(unknownAtPreview), cn, kubernetesPolicies)).toEqual([placement]);
  });

  test("twin: the provider's namespace is default, whose default deny holds its pods", () => {
    expect(runNamed(withProvider("default", "default"), cn, kubernetesPolicies)).toEqual([
      placement,
    ]);
  });
});
