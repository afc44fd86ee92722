/**
 * Kubernetes objects of every kind the kubernetes table (policy/paths/types/kubernetes.ts) draws —
 * namespaces, workloads of several kinds, claims, volumes, NetworkPolicies, Services in front of
 * pods, a Helm v3 release — on an ACK cluster under CN, an EKS cluster under US and a cluster the
 * pack cannot place. Most of them open a way out (pods nobody restricts, a rule to every address,
 * a public block the allowlist does not cover, a public load balancer, values not known at
 * preview); their twins do not. test/paths/tags.test.ts checks that the edges a Kubernetes
 * policy reports are tagged with it.
 */
import type { OracleResource, OracleSettings } from "../helpers/model-oracle";
import { on } from "../helpers/model-oracle";

/** The runtime's marker for a value not known at preview (the oracle turns it into unknown). */
const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** A pod template with these labels and pod spec. */
function podSpec(labels: Record<string, string>, spec: Record<string, unknown> = {}) {
  return { template: { metadata: { labels }, spec } };
}

const sh = on("sh");
const kube = on("kube");

const ack: OracleResource[] = [
  { type: "pulumi:providers:alicloud", name: "sh", props: { region: "cn-shanghai" } },
  sh("alicloud:vpc/network:Network", "core", { cidrBlock: "10.0.0.0/16" }),
  sh(
    "alicloud:vpc/switch:Switch",
    "nodes",
    { vpcId: "vpc-core", cidrBlock: "10.0.1.0/24" },
    { vpcId: ["core"] },
  ),
  sh(
    "alicloud:cs/managedKubernetes:ManagedKubernetes",
    "ack",
    {
      workerVswitchIds: ["vsw-nodes"],
      addons: [{ name: "terway-eniip", config: JSON.stringify({ NetworkPolicy: "true" }) }],
    },
    { workerVswitchIds: ["nodes"] },
  ),
  {
    type: "pulumi:providers:kubernetes",
    name: "kube",
    props: { kubeconfig: "apiVersion: v1" },
    deps: { kubeconfig: ["ack"] },
  },
  kube("kubernetes:core/v1:Namespace", "app", { metadata: { name: "app" } }),
  kube("kubernetes:core/v1:Namespace", "quiet", { metadata: { name: "quiet" } }),
  kube("kubernetes:apps/v1:Deployment", "api", {
    metadata: { namespace: "app" },
    spec: podSpec(
      { app: "api" },
      { volumes: [{ name: "d", persistentVolumeClaim: { claimName: "data" } }] },
    ),
  }),
  kube("kubernetes:core/v1:PersistentVolumeClaim", "data", {
    metadata: { name: "data", namespace: "app" },
  }),
  kube("kubernetes:core/v1:PersistentVolume", "pv", { spec: { csi: { driver: "x" } } }),
  kube("kubernetes:apps/v1:StatefulSet", "db", {
    metadata: { namespace: "app" },
    spec: { ...podSpec({ app: "db" }), volumeClaimTemplates: [{ metadata: { name: "d" } }] },
  }),
  kube("kubernetes:apps/v1:DaemonSet", "agent", {
    metadata: { namespace: "app" },
    spec: podSpec({ app: "agent" }, { hostNetwork: true }),
  }),
  kube("kubernetes:batch/v1:CronJob", "report", {
    metadata: { namespace: "jobs" },
    spec: {
      jobTemplate: { spec: podSpec({ app: "report" }) },
      volumeClaimTemplates: [{ metadata: { name: "d" } }],
    },
  }),
  kube("kubernetes:core/v1:Pod", "debug", {
    metadata: { namespace: "quiet", labels: { app: "debug" } },
    spec: {},
  }),
  // The api's pods reach private space, an allowlisted block on its port, a public block the
  // allowlist does not cover, the cluster's DNS and, by a rule without `to`, every address.
  kube("kubernetes:networking.k8s.io/v1:NetworkPolicy", "api-egress", {
    metadata: { namespace: "app", annotations: { "sovereign-dc/reason": "partner API" } },
    spec: {
      podSelector: { matchLabels: { app: "api" } },
      policyTypes: ["Egress"],
      egress: [
        { to: [{ ipBlock: { cidr: "10.0.1.0/24" } }] },
        { to: [{ ipBlock: { cidr: "10.9.0.0/16" } }] },
        {
          to: [{ ipBlock: { cidr: "203.0.113.0/24" } }],
          ports: [
            { protocol: "TCP", port: 443 },
            { protocol: "UDP", port: 500 },
          ],
        },
        { to: [{ ipBlock: { cidr: "198.51.100.0/24" } }] },
        {
          to: [{ namespaceSelector: {}, podSelector: { matchLabels: { "k8s-app": "kube-dns" } } }],
          ports: [{ protocol: "UDP", port: 53 }],
        },
        { to: [{ podSelector: { matchLabels: { app: "db" } } }] },
        { to: [{ namespaceSelector: { matchLabels: { team: "x" } } }] },
        { ports: [{ protocol: "TCP", port: 8080, endPort: 8090 }] },
        { to: [{ ipBlock: { cidr: unknown } }] },
      ],
    },
  }),
  // The db's pods are restricted to private space; the quiet namespace denies by default.
  kube("kubernetes:networking.k8s.io/v1:NetworkPolicy", "db-egress", {
    metadata: { namespace: "app" },
    spec: {
      podSelector: { matchLabels: { app: "db" } },
      policyTypes: ["Egress"],
      egress: [{ to: [{ ipBlock: { cidr: "10.0.0.0/8" } }] }],
    },
  }),
  kube("kubernetes:networking.k8s.io/v1:NetworkPolicy", "quiet-deny", {
    metadata: { namespace: "quiet" },
    spec: { podSelector: {}, policyTypes: ["Egress"] },
  }),
  kube("kubernetes:core/v1:Service", "api-lb", {
    metadata: { namespace: "app" },
    spec: { type: "LoadBalancer", selector: { app: "api" } },
  }),
  kube("kubernetes:core/v1:Service", "db-lb", {
    metadata: {
      namespace: "app",
      annotations: {
        "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type": "intranet",
      },
    },
    spec: { type: "LoadBalancer", selector: { app: "db" } },
  }),
  kube("kubernetes:core/v1:Service", "agent-svc", {
    metadata: { namespace: "app", annotations: unknown },
    spec: { type: "ClusterIP", selector: { app: "agent" } },
  }),
  kube("kubernetes:helm.sh/v3:Release", "ingress-nginx", { chart: "ingress-nginx" }),
];

const or = on("or");
const eks = on("eks-kube");

/** An EKS cluster whose namespace denies egress by default, its pods behind an internal LB. */
const aws: OracleResource[] = [
  { type: "pulumi:providers:aws", name: "or", props: { region: "us-west-2" } },
  or("aws:ec2/vpc:Vpc", "vpc", { cidrBlock: "10.1.0.0/16" }),
  or(
    "aws:ec2/subnet:Subnet",
    "private",
    { vpcId: "vpc-1", cidrBlock: "10.1.1.0/24" },
    { vpcId: ["vpc"] },
  ),
  or(
    "aws:eks/cluster:Cluster",
    "eks",
    { name: "eks", vpcConfig: { subnetIds: ["subnet-1"] } },
    { vpcConfig: ["private"] },
  ),
  {
    type: "pulumi:providers:kubernetes",
    name: "eks-kube",
    props: { kubeconfig: "apiVersion: v1" },
    deps: { kubeconfig: ["eks"] },
  },
  eks("kubernetes:core/v1:Namespace", "web", { metadata: { name: "web" } }),
  eks("kubernetes:apps/v1:StatefulSet", "cache", {
    metadata: { namespace: "web" },
    spec: { ...podSpec({ app: "cache" }), volumeClaimTemplates: [{ metadata: { name: "d" } }] },
  }),
  eks("kubernetes:networking.k8s.io/v1:NetworkPolicy", "web-deny", {
    metadata: { namespace: "web" },
    spec: { podSelector: {}, policyTypes: ["Egress"], egress: [] },
  }),
  eks("kubernetes:core/v1:Service", "cache-lb", {
    metadata: {
      namespace: "web",
      annotations: { "service.beta.kubernetes.io/aws-load-balancer-scheme": "internal" },
    },
    spec: { type: "LoadBalancer", selector: { app: "cache" } },
  }),
  eks("kubernetes:core/v1:Service", "cache-public", {
    metadata: { namespace: "web" },
    spec: { type: unknown, selector: { app: "cache" } },
  }),
];

const ambient = on("ambient");

/** A provider built from no cluster of the program: nobody can place its objects. */
const unplaced: OracleResource[] = [
  { type: "pulumi:providers:kubernetes", name: "ambient", props: {} },
  ambient("kubernetes:apps/v1:StatefulSet", "redis", {
    spec: { ...podSpec({ app: "redis" }), volumeClaimTemplates: [{ metadata: { name: "d" } }] },
  }),
  ambient("kubernetes:core/v1:PersistentVolumeClaim", "claim", { metadata: { name: "claim" } }),
  ambient("kubernetes:core/v1:Namespace", "default", { metadata: { name: "default" } }),
];

const allowlist = [{ cidr: "203.0.113.0/24", protocol: "tcp", ports: [443], reason: "partner" }];

export const kubernetesCases: ReadonlyArray<readonly [string, OracleResource[], OracleSettings]> = [
  ["kubernetes ack", ack, { jurisdiction: "CN", egressAllowlist: allowlist }],
  ["kubernetes eks", aws, { jurisdiction: "US" }],
  ["kubernetes unplaced", unplaced, { jurisdiction: "CN" }],
];
