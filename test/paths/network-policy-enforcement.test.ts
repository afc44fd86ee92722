/**
 * A namespace's default-deny egress NetworkPolicy holds its pods only where the cluster's network
 * plugin applies NetworkPolicies: on ACK, Terway with NetworkPolicy on; Flannel applies none
 * (policy/paths/kubernetes.ts `unenforcedNetworkPolicies`; EKS's VPC CNI add-on in
 * test/policy/aws.test.ts, its Helm chart here). kubernetes-namespace-egress reports a cluster of the program whose
 * namespaces rest on a default deny it does not enforce, once, naming them.
 */
import { ackCluster, terwayWithPolicies } from "../helpers/ack-cluster";
import { findingsOf, kube, messagesOf } from "../helpers/cluster-objects";
import { on, type OracleResource, runNamed, unknownAtPreview } from "../helpers/model-oracle";

/** Namespaces "records" and "ingest" that deny pod egress by default, each running a Deployment. */
const sealedNamespaces: OracleResource[] = ["records", "ingest"].flatMap((namespace) => [
  kube("kubernetes:networking.k8s.io/v1:NetworkPolicy", `${namespace}-deny`, {
    metadata: { namespace },
    spec: { podSelector: {}, policyTypes: ["Egress"] },
  }),
  kube("kubernetes:apps/v1:Deployment", `${namespace}-app`, {
    metadata: { namespace },
    spec: {
      selector: { matchLabels: { app: namespace } },
      template: {
        metadata: { labels: { app: namespace } },
        spec: { containers: [{ name: "app", image: "registry.example.cn/app:1" }] },
      },
    },
  }),
]);

const judged = (cluster: OracleResource[], ...more: OracleResource[]) =>
  findingsOf([...cluster, ...sealedNamespaces, ...more], ["kubernetes-namespace-egress"]);
const unenforced = [
  [
    "kubernetes-namespace-egress",
    "ack",
    "mandatory",
    ['ack cluster "ack"', "NetworkPolicies not enforced", "every address (any country)"],
  ],
];
const disabledIngress = { name: "nginx-ingress-controller", disabled: true };

describe("an ACK cluster whose namespaces deny pod egress by default", () => {
  test("fails on Flannel, on Terway without NetworkPolicy, and with no Terway add-on at all", () => {
    expect(judged(ackCluster({ addons: [{ name: "flannel" }, disabledIngress] }))).toEqual(
      unenforced,
    );
    expect(
      messagesOf("kubernetes-namespace-egress", [
        ...ackCluster({ addons: [{ name: "flannel" }, disabledIngress] }),
        ...sealedNamespaces,
      ]),
    ).toEqual([
      'ack cluster "ack" must enforce the NetworkPolicies that deny its namespaces\' pod egress, but its network plugin is Flannel, which does not implement NetworkPolicy, so the pods of namespaces "ingest" and "records" can reach any address, in any country, whatever their default deny says. Install Terway (terway-eniip) with NetworkPolicy "true" in its config, in the cluster\'s addons.',
    ]);
    const terwayOnly = {
      name: "terway-eniip",
      config: JSON.stringify({ IPVlan: "false", NetworkPolicy: "false" }),
    };
    expect(judged(ackCluster({ addons: [terwayOnly, disabledIngress] }))).toEqual(unenforced);
    expect(judged(ackCluster({ addons: [disabledIngress] }))).toEqual(unenforced);
  });

  // Only shared ENI mode applies NetworkPolicies ("Use network policies in ACK clusters": not
  // supported on nodes in exclusive ENI mode); the control plane's add-on runs no node's policies.
  test("fails on Terway in exclusive ENI mode, and on the control plane's add-on asking for NetworkPolicy beside a Terway that does not", () => {
    const policiesOn = JSON.stringify({ NetworkPolicy: "true" });
    expect(
      messagesOf("kubernetes-namespace-egress", [
        ...ackCluster({ addons: [{ name: "terway-eni", config: policiesOn }, disabledIngress] }),
        ...sealedNamespaces,
      ]),
    ).toEqual([
      'ack cluster "ack" must enforce the NetworkPolicies that deny its namespaces\' pod egress, but its network plugin is Terway in exclusive ENI mode (terway-eni), which applies no NetworkPolicy, so the pods of namespaces "ingest" and "records" can reach any address, in any country, whatever their default deny says. Install Terway (terway-eniip) with NetworkPolicy "true" in its config, in the cluster\'s addons.',
    ]);
    const controlPlane = { name: "terway-controlplane", config: policiesOn };
    const shared = { name: "terway-eniip", config: JSON.stringify({ NetworkPolicy: "false" }) };
    expect(judged(ackCluster({ addons: [shared, controlPlane, disabledIngress] }))).toEqual(
      unenforced,
    );
  });

  test("twin: Terway with NetworkPolicy on, in the cluster's addons or a cs.KubernetesAddon, or a plugin that enforces them beside it, passes", () => {
    expect(judged(ackCluster())).toEqual([]);
    expect(judged(ackCluster({ addons: [terwayWithPolicies, disabledIngress] }))).toEqual([]);
    const addon = {
      ...on("sh")("alicloud:cs/kubernetesAddon:KubernetesAddon", "terway", {
        clusterId: "c-1",
        name: "terway-eniip",
        config: JSON.stringify({ NetworkPolicy: "true" }),
      }),
      deps: { clusterId: ["ack"] },
    };
    expect(judged(ackCluster({ addons: [disabledIngress] }), addon)).toEqual([]);
    const calico = kube("kubernetes:crd.projectcalico.org/v1:NetworkPolicy", "records-calico", {
      metadata: { namespace: "records" },
      spec: { selector: "all()", types: ["Ingress"] },
    });
    expect(judged(ackCluster({ addons: [{ name: "flannel" }, disabledIngress] }), calico)).toEqual(
      [],
    );
    // A plugin installed by a Helm release or chart, or by Tigera's operator, whose objects the
    // pack does not see (helm-releases and offline-visibility report that, not this).
    for (const engine of [
      kube("kubernetes:helm.sh/v3:Release", "cilium", {
        chart: "cilium",
        namespace: "kube-system",
      }),
      kube("kubernetes:helm.sh/v3:Release", "calico", { chart: "projectcalico/tigera-operator" }),
      // A v4 Chart is a component: the policy runtime hands it without provider or inputs.
      { type: "kubernetes:helm.sh/v4:Chart", name: "cilium", props: {} },
      kube("kubernetes:operator.tigera.io/v1:Installation", "default", {
        spec: { calicoNetwork: {} },
      }),
    ]) {
      expect(
        judged(ackCluster({ addons: [{ name: "flannel" }, disabledIngress] }), engine),
      ).toEqual([]);
    }
    // A v4 Chart whose objects the pack sees (under the Pulumi CLI) counts by them: for the
    // cluster they are deployed to, and only when they run the plugin.
    const chart = { type: "kubernetes:helm.sh/v4:Chart", name: "cilium", props: {} };
    const agent = kube("kubernetes:apps/v1:DaemonSet", "cilium-agent", {
      metadata: { name: "cilium", namespace: "kube-system" },
      spec: {
        template: {
          spec: { containers: [{ name: "agent", image: "quay.io/cilium/cilium:v1.18.0" }] },
        },
      },
    });
    const settings = kube("kubernetes:core/v1:ConfigMap", "cilium-config", {
      metadata: { name: "cilium-config", namespace: "kube-system" },
      data: { "enable-policy": "default" },
    });
    const systemDeny = kube("kubernetes:networking.k8s.io/v1:NetworkPolicy", "kube-system-deny", {
      metadata: { namespace: "kube-system" },
      spec: { podSelector: {}, policyTypes: ["Egress"] },
    });
    expect(
      judged(
        ackCluster({ addons: [{ name: "flannel" }, disabledIngress] }),
        chart,
        { ...agent, parent: "cilium" },
        systemDeny,
      ),
    ).toEqual([]);
    expect(
      judged(ackCluster({ addons: [{ name: "flannel" }, disabledIngress] }), chart, {
        ...settings,
        parent: "cilium",
      }),
    ).toEqual(unenforced);
    // A chart of another name is no such plugin.
    expect(
      judged(
        ackCluster({ addons: [{ name: "flannel" }, disabledIngress] }),
        kube("kubernetes:helm.sh/v3:Release", "ingress", { chart: "ingress-nginx" }),
      ),
    ).toEqual(unenforced);
  });

  test("a Terway config not known at preview is undecided, and a cluster with no default deny gets no such finding", () => {
    const later = { name: "terway-eniip", config: unknownAtPreview };
    expect(
      findingsOf(
        [...ackCluster({ addons: [later, disabledIngress] }), ...sealedNamespaces],
        ["kubernetes-namespace-egress"],
        { jurisdiction: "CN", unknownAtPreview: "fail" },
      ),
    ).toEqual(unenforced);
    // Without a default deny the namespaces' own finding stands, not the cluster's.
    const open = sealedNamespaces.filter((r) => !r.name.endsWith("-deny"));
    expect(
      findingsOf(
        [...ackCluster({ addons: [{ name: "flannel" }, disabledIngress] }), ...open],
        ["kubernetes-namespace-egress"],
      ).map(([, name]) => name),
    ).toEqual(["ingest-app", "records-app"]);
  });
});

/** An EKS cluster in Oregon and the Kubernetes provider built from it (provider name `kube`). */
const eksCluster: OracleResource[] = [
  { type: "pulumi:providers:aws", name: "or", props: { region: "us-west-2" } },
  on("or")("aws:eks/cluster:Cluster", "eks", {
    roleArn: "arn:aws:iam::111122223333:role/eks",
    vpcConfig: { endpointPublicAccess: false, subnetIds: ["subnet-1"] },
  }),
  {
    type: "pulumi:providers:kubernetes",
    name: "kube",
    props: { kubeconfig: "apiVersion: v1" },
    deps: { kubeconfig: ["eks"] },
  },
];
/** The VPC CNI installed from its Helm chart into kube-system, with these values. */
const vpcCniRelease = (values: unknown) =>
  kube("kubernetes:helm.sh/v3:Release", "aws-vpc-cni", {
    chart: "aws-vpc-cni",
    repositoryOpts: { repo: "https://aws.github.io/eks-charts" },
    namespace: "kube-system",
    values,
  });
const judgedOnEks = (...more: OracleResource[]) =>
  findingsOf([...eksCluster, ...sealedNamespaces, ...more], ["kubernetes-namespace-egress"], {
    jurisdiction: "US",
    unknownAtPreview: "fail",
  });
const unenforcedEks = [
  [
    "kubernetes-namespace-egress",
    "eks",
    "mandatory",
    ['eks cluster "eks"', "NetworkPolicies not enforced", "every address (any country)"],
  ],
];

describe("an EKS cluster whose VPC CNI is installed from its Helm chart", () => {
  test("fails when the release leaves enableNetworkPolicy off, or its value is not known at preview", () => {
    expect(judgedOnEks(vpcCniRelease({ env: { ENABLE_PREFIX_DELEGATION: "true" } }))).toEqual(
      unenforcedEks,
    );
    expect(
      messagesOf("kubernetes-namespace-egress", [
        ...eksCluster,
        ...sealedNamespaces,
        vpcCniRelease({ enableNetworkPolicy: false }),
      ]),
    ).toEqual([
      'eks cluster "eks" must enforce the NetworkPolicies that deny its namespaces\' pod egress, but its aws-vpc-cni Helm release does not set enableNetworkPolicy to true, so the VPC CNI accepts NetworkPolicies and applies none, so the pods of namespaces "ingest" and "records" can reach any address, in any country, whatever their default deny says. Set enableNetworkPolicy: true in the aws-vpc-cni release\'s values, or install a network plugin that enforces NetworkPolicies (Cilium, Calico).',
    ]);
    expect(judgedOnEks(vpcCniRelease({ enableNetworkPolicy: unknownAtPreview }))).toEqual(
      unenforcedEks,
    );
  });

  test("twin: the release sets enableNetworkPolicy, as a boolean or as text", () => {
    expect(judgedOnEks(vpcCniRelease({ enableNetworkPolicy: true }))).toEqual([]);
    expect(judgedOnEks(vpcCniRelease({ enableNetworkPolicy: "true" }))).toEqual([]);
  });
});

describe("pods an EKS cluster runs on Fargate, where no NetworkPolicy applies", () => {
  const vpcCni = {
    ...on("or")("aws:eks/addon:Addon", "vpc-cni", {
      clusterName: "eks",
      addonName: "vpc-cni",
      configurationValues: JSON.stringify({ enableNetworkPolicy: "true" }),
    }),
    deps: { clusterName: ["eks"] },
  };
  const fargate = (selectors: unknown[]) => ({
    ...on("or")("aws:eks/fargateProfile:FargateProfile", "serverless", {
      clusterName: "eks",
      podExecutionRoleArn: "arn:aws:iam::111122223333:role/fargate",
      subnetIds: ["subnet-1"],
      selectors,
    }),
    deps: { clusterName: ["eks"] },
  });
  const onFargate = [
    [
      "kubernetes-namespace-egress",
      "records-app",
      "mandatory",
      [
        'k8s deployment "records-app"',
        "pod egress (Fargate, outside NetworkPolicy)",
        "every address (any country)",
      ],
    ],
  ];

  test("fails the workloads a Fargate profile selects, by namespace, wildcard or labels", () => {
    expect(judgedOnEks(vpcCni, fargate([{ namespace: "records" }]))).toEqual(onFargate);
    expect(
      messagesOf("kubernetes-namespace-egress", [
        ...eksCluster,
        ...sealedNamespaces,
        vpcCni,
        fargate([{ namespace: "rec*" }]),
      ]),
    ).toEqual([
      'k8s deployment "records-app" must send its pods\' traffic through the NetworkPolicies of its namespace, but eks fargate profile "serverless" runs its pods on AWS Fargate, where NetworkPolicies do not apply, so the default deny of k8s namespace "records" does not hold them and they can reach any address, in any country. Run the pods on EC2 nodes (a node group the profile\'s selectors leave them to) and allow their destinations by NetworkPolicy.',
    ]);
    expect(
      judgedOnEks(vpcCni, fargate([{ namespace: "records", labels: { app: "rec?rds" } }])),
    ).toEqual(onFargate);
  });

  test("twin: a profile whose selectors pick other namespaces or other pods' labels leaves them on the nodes", () => {
    expect(judgedOnEks(vpcCni, fargate([{ namespace: "batch" }]))).toEqual([]);
    expect(
      judgedOnEks(vpcCni, fargate([{ namespace: "records", labels: { app: "batch" } }])),
    ).toEqual([]);
  });
});

// The cluster an eks.Cluster component's plugin registers inside it (under the Pulumi CLI, or
// offline with the plugin installed) is where its pods' traffic goes, as for an aws.eks.Cluster of
// the program: the graph drew the pods of a provider built from the component's kubeconfig into
// "the node network of" the component, which no property places, and failed them as unknown.
describe("pods on their node's network on an eks.Cluster component's cluster", () => {
  const or = on("or");
  const inComponent = (subnets: "program" | "elsewhere"): OracleResource[] => [
    { type: "pulumi:providers:aws", name: "or", props: { region: "us-west-2" } },
    or("aws:ec2/vpc:Vpc", "vpc", { cidrBlock: "10.0.0.0/16" }),
    {
      ...or("aws:ec2/subnet:Subnet", "nodes", { vpcId: "vpc-1", cidrBlock: "10.0.1.0/24" }),
      deps: { vpcId: ["vpc"] },
    },
    { type: "eks:index:Cluster", name: "platform", props: {} },
    {
      ...or("aws:eks/cluster:Cluster", "platform-eksCluster", {
        roleArn: "arn:aws:iam::111122223333:role/eks",
        vpcConfig: { subnetIds: ["subnet-1"], endpointPublicAccess: false },
      }),
      deps: subnets === "program" ? { vpcConfig: ["nodes"] } : {},
      parent: "platform",
    },
    // The self-managed nodes of the component's default node group, in the cluster's subnet.
    {
      ...or("aws:autoscaling/group:Group", "platform-nodes", {
        vpcZoneIdentifiers: ["subnet-1"],
        minSize: 1,
        maxSize: 2,
      }),
      deps: subnets === "program" ? { vpcZoneIdentifiers: ["nodes"] } : {},
      parent: "platform",
    },
    {
      ...or("aws:eks/addon:Addon", "platform-vpc-cni", {
        clusterName: "platform-eksCluster",
        addonName: "vpc-cni",
        configurationValues: JSON.stringify({ enableNetworkPolicy: "true" }),
      }),
      deps: { clusterName: ["platform-eksCluster"] },
      parent: "platform",
    },
    {
      type: "pulumi:providers:kubernetes",
      name: "kube",
      props: { kubeconfig: "apiVersion: v1" },
      deps: { kubeconfig: ["platform"] },
    },
    kube("kubernetes:networking.k8s.io/v1:NetworkPolicy", "deny", {
      metadata: { namespace: "app" },
      spec: { podSelector: {}, policyTypes: ["Egress"] },
    }),
    // A store of data: what its pods send is what its volumes hold.
    kube("kubernetes:apps/v1:StatefulSet", "db", {
      metadata: { namespace: "app" },
      spec: {
        selector: { matchLabels: { app: "db" } },
        template: {
          metadata: { labels: { app: "db" } },
          spec: { hostNetwork: true, containers: [{ name: "db", image: "db:1" }] },
        },
        volumeClaimTemplates: [
          { metadata: { name: "data" }, spec: { accessModes: ["ReadWriteOnce"] } },
        ],
      },
    }),
  ];
  const judged = (subnets: "program" | "elsewhere") =>
    runNamed(inComponent(subnets), { jurisdiction: "US" })
      .filter(([p]) => p !== "customer-key-encryption")
      .map(([p, n, , path]) => [p, n, path?.at(-1)]);

  test("fail where the cluster's nodes sit in a subnet the stack does not hold, named by the cluster", () => {
    expect(judged("elsewhere")).toEqual([
      ["kubernetes-namespace-egress", "db", "every address (any country)"],
      [
        "no-path-out-of-jurisdiction",
        "db",
        'unknown (the node network of eks cluster "platform-eksCluster" is not in this stack)',
      ],
    ]);
  });

  test("twin: in the program's subnet they send what the nodes send, and pass", () => {
    expect(judged("program")).toEqual([]);
  });
});
