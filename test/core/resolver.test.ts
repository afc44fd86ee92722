/**
 * What the border analysis's flow models may ask of the stack (policy/paths/resolver.ts) and
 * how it names the places outside it (where an address points: test/core/addresses.test.ts).
 * A reference resolved to the wrong resource, or a place on the wrong side, moves a verdict.
 */
import type { BorderResource } from "../../policy/paths/model";
import { unknown } from "../../policy/paths/model";
import type { PlaceOutcome } from "../../policy/paths/references";
import {
  dependencyTargets,
  otherCloudClusterPackage,
  type RefKind,
  refKinds,
  resolveRef,
  Resolver,
  uncontradicted,
  worstOf,
} from "../../policy/paths/resolver";
import { egressPosture } from "../../policy/paths/posture";
import { getJurisdiction } from "../../residency/jurisdictions";
import { policyResource, resource } from "./support";

const cn = getJurisdiction("CN");

const sh = resource("pulumi:providers:alicloud", "sh", { region: "cn-shanghai" });
const hk = resource("pulumi:providers:alicloud", "hk", { region: "cn-hongkong" });
const bucketType = "alicloud:oss/bucket:Bucket";

describe("references", () => {
  const logs = resource(
    bucketType,
    "logs",
    { bucket: "logs-bucket", arn: "acs:oss:*:*:logs-bucket" },
    { provider: sh.urn },
  );
  const other = resource(bucketType, "other", { bucket: "" }, { provider: sh.urn });
  const vpc = resource("aws:ec2/vpc:Vpc", "vpc", {
    mainRouteTableId: "rtb-1",
    defaultRouteTableId: "rtb-1",
    arn: "arn:vpc",
  });
  const key = resource("aws:kms/key:Key", "key", { keyId: "k-1", arn: 7 });
  const role = resource("alicloud:ram/role:Role", "role", { bucket: "not-an-identifier" });

  test("finds a resource by any identifier its outputs expose, the first one winning", () => {
    const x = new Resolver([logs, other, vpc, key, role], cn);
    expect(x.byIdentifier("logs-bucket")).toBe(logs);
    expect(x.byIdentifier("acs:oss:*:*:logs-bucket")).toBe(logs);
    expect(x.byIdentifier("rtb-1")).toBe(vpc);
    expect(x.byIdentifier("arn:vpc")).toBe(vpc);
    expect(x.byIdentifier("k-1")).toBe(key);
    expect(x.byIdentifier("not-an-identifier")).toBeUndefined();
    expect(x.byIdentifier("")).toBeUndefined();
    expect(x.byIdentifier("logs-bucket", [bucketType])).toBe(logs);
    expect(x.byIdentifier("logs-bucket", ["aws:s3/bucket:Bucket"])).toBeUndefined();
    const twin = resource(bucketType, "twin", { bucket: "logs-bucket" });
    expect(new Resolver([logs, twin], cn).byIdentifier("logs-bucket")).toBe(logs);
    expect(new Resolver([twin, logs], cn).byIdentifier("logs-bucket")).toBe(twin);
  });

  test("a value names a resource by identifier, else something outside, unknown or nothing", () => {
    const r = resource("alicloud:oss/bucketLogging:BucketLogging", "l", {
      targets: ["logs-bucket", "elsewhere", unknown, "", 5],
      one: "logs-bucket",
    });
    const x = new Resolver([logs, r], cn);
    expect(x.refs(r, "targets[]")).toEqual([
      { kind: "resource", resource: logs },
      { kind: "external", value: "elsewhere" },
      { kind: "unknown" },
      { kind: "none" },
      { kind: "none" },
    ]);
    expect(x.ref(r, "one")).toEqual({ kind: "resource", resource: logs });
    expect(x.resourceAt(r, "one")).toBe(logs);
    expect(x.resourceAt(r, "targets[1]")).toBeUndefined();
    expect(x.ref(r, "missing")).toEqual({ kind: "none" });
  });

  test("unmatched values pair with as many spare dependencies of the property, in order", () => {
    const a = resource("alicloud:vpc/switch:Switch", "a");
    const b = resource("alicloud:vpc/switch:Switch", "b");
    const r = resource(
      "alicloud:cs/nodePool:NodePool",
      "pool",
      { vswitchIds: ["id-a", unknown] },
      {
        propertyDependencies: { vswitchIds: [a.urn, b.urn, "urn:gone"] },
      },
    );
    const x = new Resolver([a, b, r], cn);
    expect(x.refs(r, "vswitchIds[]")).toEqual([
      { kind: "resource", resource: a },
      { kind: "resource", resource: b },
    ]);
    // One value, two candidates: no pairing ties a control to a resource it may not cover.
    const single = resource(
      "alicloud:cs/nodePool:NodePool",
      "single",
      { vswitchIds: ["id-a"] },
      {
        propertyDependencies: { vswitchIds: [a.urn, b.urn] },
      },
    );
    expect(new Resolver([a, b, single], cn).refs(single, "vswitchIds[]")).toEqual([
      { kind: "external", value: "id-a" },
    ]);
    // `types` narrows the dependencies that can pair.
    const key = resource("aws:kms/key:Key", "k");
    const mixed = resource(
      "t:m/x:X",
      "mixed",
      { dest: "id-a" },
      { propertyDependencies: { dest: [a.urn, key.urn] } },
    );
    expect(new Resolver([a, key, mixed], cn).refs(mixed, "dest", ["aws:kms/key:Key"])).toEqual([
      { kind: "resource", resource: key },
    ]);
    // A value matched by identifier leaves its dependency unspared.
    const named = resource(
      "t:m/x:X",
      "named",
      { dest: ["logs-bucket", "x"] },
      {
        propertyDependencies: { dest: [logs.urn, a.urn] },
      },
    );
    expect(new Resolver([logs, a, named], cn).refs(named, "dest[]")).toEqual([
      { kind: "resource", resource: logs },
      { kind: "resource", resource: a },
    ]);
  });

  test("a value computed from a component names what the component created of the kind", () => {
    // An awsx.ecr.Repository (a component) and the ECR repository its plugin registers under it,
    // two levels down; a tag built from the component's `url` names that repository.
    const component = resource("awsx:ecr:Repository", "images");
    const inner = resource("t:m/wrapper:Wrapper", "wrapper", {}, { parent: component.urn });
    const repo = resource("aws:ecr/repository:Repository", "repo", {}, { parent: inner.urn });
    const policy = resource(
      "aws:ecr/lifecyclePolicy:LifecyclePolicy",
      "p",
      {},
      {
        parent: component.urn,
      },
    );
    const image = resource(
      "docker-build:index:Image",
      "app",
      { tags: [unknown] },
      { propertyDependencies: { tags: [component.urn] } },
    );
    const kind = refKinds["image-repository"].types;
    const x = new Resolver([component, inner, repo, policy, image], cn);
    expect(x.refs(image, "tags[]", kind)).toEqual([{ kind: "resource", resource: repo }]);
    // A component with nothing of the kind under it names nothing of the stack.
    const other = resource(
      "docker-build:index:Image",
      "other",
      { tags: [unknown] },
      { propertyDependencies: { tags: [inner.urn, policy.urn] } },
    );
    expect(
      new Resolver([component, inner, repo, policy, other], cn).refs(other, "tags[]", kind),
    ).toEqual([{ kind: "resource", resource: repo }]);
    const lone = resource(
      "docker-build:index:Image",
      "lone",
      { tags: [unknown] },
      { propertyDependencies: { tags: [policy.urn] } },
    );
    expect(new Resolver([component, policy, lone], cn).refs(lone, "tags[]", kind)).toEqual([
      { kind: "unknown" },
    ]);
  });

  test("the pack's reading of a value computed from a component is the same", () => {
    const component = policyResource("awsx:ecr:Repository", "images", {});
    const repo = {
      ...policyResource("aws:ecr/repository:Repository", "repo", {}),
      parent: component,
    };
    const image = policyResource(
      "docker-build:index:Image",
      "app",
      {},
      {
        dependsOn: { tags: [component] },
      },
    );
    const kind = refKinds["image-repository"];
    expect(dependencyTargets(image, "tags[]", kind, [component, repo, image])).toEqual([repo]);
    // Without the stack's resources to look under, a component names nothing.
    expect(dependencyTargets(image, "tags[]", kind)).toEqual([]);
  });

  test("an unknown container is read through its dependencies; an absent one names nothing", () => {
    const a = resource("alicloud:vpc/switch:Switch", "a");
    const hidden = resource(
      "t:m/x:X",
      "hidden",
      { vswitchIds: unknown },
      { propertyDependencies: { vswitchIds: [a.urn] } },
    );
    const absent = resource(
      "t:m/x:X",
      "absent",
      {},
      { propertyDependencies: { vswitchIds: [a.urn] } },
    );
    const x = new Resolver([a, hidden, absent], cn);
    expect(x.refs(hidden, "vswitchIds[]")).toEqual([{ kind: "resource", resource: a }]);
    expect(x.refs(absent, "vswitchIds[]")).toEqual([]);
    const lone = resource("t:m/x:X", "lone", { vswitchIds: unknown });
    expect(new Resolver([lone], cn).refs(lone, "vswitchIds[]")).toEqual([{ kind: "unknown" }]);
  });

  test("finds the resources that refer to one, once each, building the index once", () => {
    const sg = resource("aws:ec2/securityGroup:SecurityGroup", "sg", { arn: "sg-1" });
    const other = resource("aws:ec2/securityGroup:SecurityGroup", "sg2", { arn: "sg-2" });
    const rule = resource("aws:ec2/securityGroupRule:SecurityGroupRule", "r", {
      securityGroupId: ["sg-1", "sg-1"],
    });
    const rule2 = resource("aws:ec2/securityGroupRule:SecurityGroupRule", "r2", {
      securityGroupId: ["elsewhere"],
    });
    const x = new Resolver([sg, other, rule, rule2], cn);
    expect(
      x.referrers(sg, "aws:ec2/securityGroupRule:SecurityGroupRule", "securityGroupId[]"),
    ).toEqual([rule]);
    expect(
      x.referrers(other, "aws:ec2/securityGroupRule:SecurityGroupRule", "securityGroupId[]"),
    ).toEqual([]);
    expect(x.ofType("aws:ec2/securityGroupRule:SecurityGroupRule")).toEqual([rule, rule2]);
    expect(x.ofType("none")).toEqual([]);
    // Each type and path has an index of its own.
    const attach = resource("t:m/attach:Attach", "att", { group: "sg-2" });
    const y = new Resolver([sg, other, rule, attach], cn);
    expect(
      y.referrers(sg, "aws:ec2/securityGroupRule:SecurityGroupRule", "securityGroupId[]"),
    ).toEqual([rule]);
    expect(y.referrers(other, "t:m/attach:Attach", "group")).toEqual([attach]);
    expect(y.referrers(sg, "t:m/attach:Attach", "group")).toEqual([]);
    expect(x.get("urn:r")).toBe(rule);
  });

  test("memoises a computed value per key", () => {
    const x = new Resolver([], cn);
    let builds = 0;
    const build = () => ++builds;
    expect([x.memo("a", build), x.memo("a", build), x.memo("b", build)]).toEqual([1, 1, 2]);
  });
});

describe("placement through the stack", () => {
  const cluster = resource(
    "alicloud:cs/managedKubernetes:ManagedKubernetes",
    "ack",
    {},
    { provider: hk.urn },
  );
  const k8s = resource(
    "pulumi:providers:kubernetes",
    "k8s",
    {},
    { propertyDependencies: { kubeconfig: [cluster.urn] } },
  );
  const k8sByDeps = resource(
    "pulumi:providers:kubernetes",
    "k8s2",
    {},
    { dependencies: ["urn:sh", cluster.urn] },
  );
  const k8sNone = resource(
    "pulumi:providers:kubernetes",
    "k8s3",
    {},
    { dependencies: ["urn:gone", "urn:sh"] },
  );
  const ns = resource("kubernetes:core/v1:Namespace", "ns", {}, { provider: k8s.urn });

  test("a Kubernetes object lives where the cluster its provider was built from does", () => {
    const x = new Resolver([sh, hk, cluster, k8s, k8sByDeps, k8sNone, ns], cn);
    expect(x.placement(ns)).toEqual({ kind: "region", cloud: "alicloud", region: "cn-hongkong" });
    expect(x.clusterOf(ns)).toBe(cluster);
    expect(
      x.clusterOf(resource("kubernetes:core/v1:Namespace", "n2", {}, { provider: k8sByDeps.urn })),
    ).toBe(cluster);
    const lost = resource("kubernetes:core/v1:Namespace", "n3", {}, { provider: k8sNone.urn });
    expect(x.clusterOf(lost)).toBeUndefined();
    // Left a cluster placement: kubernetes-cluster-placement reports it once, on the provider.
    expect(x.placement(lost)).toEqual({
      kind: "cluster",
      reason: 'the cluster of kubernetes provider "k8s3" cannot be placed',
    });
    // Only a Kubernetes provider leads to a cluster.
    expect(
      x.clusterOf(resource("kubernetes:core/v1:Namespace", "n4", {}, { provider: sh.urn })),
    ).toBeUndefined();
    expect(x.clusterOf(resource("kubernetes:core/v1:Namespace", "n5"))).toBeUndefined();
    // A provider of another package built from a cluster is not the cluster's Kubernetes API.
    const helmish = resource("pulumi:providers:aws", "aws", {}, { dependencies: [cluster.urn] });
    const y = new Resolver([sh, hk, cluster, helmish], cn);
    expect(
      y.clusterOf(resource("kubernetes:core/v1:Namespace", "n6", {}, { provider: helmish.urn })),
    ).toBeUndefined();
    expect(x.regionOf(ns)).toEqual({ cloud: "alicloud", region: "cn-hongkong" });
    expect(x.regionOf(lost)).toBeUndefined();
  });

  describe("the cluster a Kubernetes provider deploys to", () => {
    const declared = [{ context: "apps-prod", cloud: "alicloud" as const, region: "cn-beijing" }];
    const source = (props: Record<string, unknown>, extra: Partial<BorderResource> = {}) => {
      const provider = resource("pulumi:providers:kubernetes", "kp", props, extra);
      return new Resolver([sh, hk, cluster, provider], cn, [], declared).clusterSource(provider);
    };

    test.each([
      [
        "the ambient kubeconfig",
        {},
        "it uses the ambient kubeconfig (KUBECONFIG or ~/.kube/config) of whoever runs Pulumi, and it selects no context the stack config declares",
      ],
      [
        "an undeclared context",
        { context: "apps-dev" },
        'it uses the ambient kubeconfig (KUBECONFIG or ~/.kube/config) of whoever runs Pulumi, and its context "apps-dev" is not declared in sovereign-dc:clusters',
      ],
      [
        "a kubeconfig given as text",
        { kubeconfig: "apiVersion: v1\nkind: Config\n" },
        "its kubeconfig is given as text (a file, a secret or config), which ties it to no cluster of this program, and it selects no context the stack config declares",
      ],
      [
        "a kubeconfig given as the path of its file",
        { kubeconfig: "~/.kube/postal.yaml" },
        'its kubeconfig is the file "~/.kube/postal.yaml", which the provider reads on the machine that runs Pulumi and the pack does not, and it selects no context the stack config declares',
      ],
      [
        "a Windows path with a context",
        { kubeconfig: "C:\\Users\\ops\\.kube\\config", context: "apps-dev" },
        'its kubeconfig is the file "C:\\\\Users\\\\ops\\\\.kube\\\\config", which the provider reads on the machine that runs Pulumi and the pack does not, and its context "apps-dev" is not declared in sovereign-dc:clusters',
      ],
      [
        "a kubeconfig not known at preview from no resource",
        { kubeconfig: unknown },
        "its kubeconfig is not known until deployed (another stack's output through a stack reference, a lookup or a secret) and comes from no resource of this program, and it selects no context the stack config declares",
      ],
    ])("cannot be placed from %s", (_what, props: Record<string, unknown>, reason) => {
      expect(source(props)).toEqual({
        kind: "unplaced",
        reason,
        ...(props.context === undefined ? {} : { context: props.context }),
      });
    });

    /** A kubeconfig of two clusters, `current` selected, as the EKS CLI writes one. */
    const eksConfig = (current: string | undefined) =>
      JSON.stringify({
        apiVersion: "v1",
        clusters: [
          {
            name: "dublin",
            cluster: { server: "https://0A1B2C.gr7.eu-west-1.eks.amazonaws.com" },
          },
          { name: "lab", cluster: { server: "https://10.0.0.5:6443" } },
        ],
        contexts: [
          { name: "dublin", context: { cluster: "dublin", user: "aws" } },
          { name: "lab", context: { cluster: "lab", user: "admin" } },
        ],
        ...(current === undefined ? {} : { "current-context": current }),
      });

    // EKS serves a cluster's API at `<id>.<cell>.<region>.eks.amazonaws.com`: the host names
    // the cluster's region.
    test("is where the EKS API endpoint the selected context's server names is", () => {
      const dublin = {
        kind: "endpoint",
        server: "https://0A1B2C.gr7.eu-west-1.eks.amazonaws.com",
        cloud: "aws",
        region: "eu-west-1",
      };
      expect(source({ kubeconfig: eksConfig("dublin") })).toEqual(dublin);
      expect(source({ kubeconfig: eksConfig("lab"), context: "dublin" })).toEqual(dublin);
      // The same in YAML, with the one cluster it holds and no context.
      const yaml =
        "apiVersion: v1\nclusters:\n- name: c\n  cluster:\n    server: https://x.yl4.ap-northeast-2.eks.amazonaws.com\n";
      expect(source({ kubeconfig: yaml })).toMatchObject({
        kind: "endpoint",
        region: "ap-northeast-2",
      });
    });

    test("cannot be placed when the selected server is not a managed cluster's endpoint, or none is selected", () => {
      expect(source({ kubeconfig: eksConfig("lab") })).toMatchObject({ kind: "unplaced" });
      expect(source({ kubeconfig: eksConfig(undefined) })).toMatchObject({ kind: "unplaced" });
    });

    // `cluster` (kubernetes:cluster on the default provider) overrides the context's cluster:
    // the provider talks to the cluster it names, wherever its context points.
    test("is where the cluster its cluster input overrides its context's with is", () => {
      const dublin = {
        kind: "endpoint",
        server: "https://0A1B2C.gr7.eu-west-1.eks.amazonaws.com",
        cloud: "aws",
        region: "eu-west-1",
      };
      expect(source({ kubeconfig: eksConfig("lab"), cluster: "dublin" })).toEqual(dublin);
      // Naming the context's own cluster changes nothing.
      expect(source({ kubeconfig: eksConfig("dublin"), cluster: "dublin" })).toEqual(dublin);
      expect(source({ kubeconfig: eksConfig("dublin"), cluster: "lab" })).toEqual({
        kind: "unplaced",
        reason:
          'its kubeconfig is given as text (a file, a secret or config), which ties it to no cluster of this program, and it overrides its context\'s cluster with cluster "lab", a cluster sovereign-dc:clusters does not declare for its context "dublin"',
        context: "dublin",
        cluster: "lab",
      });
    });

    test("cannot be placed when its cluster input names no cluster of the kubeconfig", () => {
      expect(source({ kubeconfig: eksConfig("dublin"), cluster: "frankfurt" })).toMatchObject({
        kind: "unplaced",
        reason: expect.stringContaining(
          'it overrides its context\'s cluster with cluster "frankfurt", which names no cluster of its kubeconfig',
        ),
        cluster: "frankfurt",
        clusterAbsent: true,
      });
    });

    test("is not the declared cluster of its context when its cluster input switches to another", () => {
      expect(source({ context: "apps-prod", cluster: "foreign" })).toEqual({
        kind: "unplaced",
        reason:
          'it uses the ambient kubeconfig (KUBECONFIG or ~/.kube/config) of whoever runs Pulumi, and it overrides its context\'s cluster with cluster "foreign", which the declaration of its context "apps-prod" in sovereign-dc:clusters does not cover',
        context: "apps-prod",
        cluster: "foreign",
      });
      // A declaration that names the cluster too places it; the context's own still places a
      // provider that keeps its context's cluster.
      const both = [
        ...declared,
        { context: "apps-prod", cluster: "foreign", cloud: "aws" as const, region: "us-east-1" },
      ];
      const placed = (props: Record<string, unknown>) => {
        const provider = resource("pulumi:providers:kubernetes", "kp", props);
        return new Resolver([provider], cn, [], both).clusterSource(provider);
      };
      expect(placed({ context: "apps-prod", cluster: "foreign" })).toEqual({
        kind: "declared",
        declared: both[1],
      });
      expect(placed({ context: "apps-prod" })).toEqual({ kind: "declared", declared: both[0] });
    });

    test("places no object of a provider whose cluster input leaves its context's declared cluster", () => {
      const provider = resource("pulumi:providers:kubernetes", "kp", {
        context: "apps-prod",
        cluster: "foreign",
      });
      const obj = resource("kubernetes:core/v1:Namespace", "n8", {}, { provider: provider.urn });
      expect(new Resolver([provider, obj], cn, [], declared).placement(obj)).not.toMatchObject({
        kind: "region",
      });
    });

    test("built from a cluster of the program, is not that cluster when its cluster input may switch", () => {
      expect(
        source({ cluster: "other" }, { propertyDependencies: { kubeconfig: [cluster.urn] } }),
      ).toMatchObject({
        kind: "unplaced",
        reason: expect.stringContaining(
          'but it overrides its context\'s cluster with cluster "other", a cluster of that kubeconfig the pack cannot tie to',
        ),
        cluster: "other",
      });
    });

    test("a kubeconfig built from a resource that is not a cluster names it", () => {
      const secret = resource("alicloud:kms/secret:Secret", "kubeconfig");
      const provider = resource(
        "pulumi:providers:kubernetes",
        "kp",
        { kubeconfig: unknown },
        { propertyDependencies: { kubeconfig: [secret.urn] } },
      );
      expect(new Resolver([sh, secret, provider], cn).clusterSource(provider)).toEqual({
        kind: "unplaced",
        reason:
          'its kubeconfig comes from kms secret "kubeconfig", not from a cluster resource the pack can place, and it selects no context the stack config declares',
      });
    });

    test("a kubeconfig built from an ACK Edge cluster is not placed by the cluster's region", () => {
      // Its edge nodes join from the team's own sites and run its pods there.
      const edge = resource("alicloud:cs/edgeKubernetes:EdgeKubernetes", "edge");
      const provider = resource(
        "pulumi:providers:kubernetes",
        "kp",
        { kubeconfig: unknown },
        { propertyDependencies: { kubeconfig: [edge.urn] } },
      );
      expect(new Resolver([sh, edge, provider], cn).clusterSource(provider)).toEqual({
        kind: "unplaced",
        reason:
          'its kubeconfig comes from cs edge kubernetes "edge", an ACK Edge cluster, whose edge nodes join it from sites of their own wherever those stand, so the cluster\'s region does not place the pods they run, and it selects no context the stack config declares',
      });
    });

    test("a dependency another input explains is not named as the kubeconfig's source", () => {
      // `namespace: ns.metadata.name`: the provider's default namespace, not its kubeconfig.
      const namespace = resource("kubernetes:core/v1:Namespace", "ns");
      const provider = resource(
        "pulumi:providers:kubernetes",
        "kp",
        { namespace: "ns-1a2b3c4d" },
        { dependencies: [namespace.urn], propertyDependencies: { namespace: [namespace.urn] } },
      );
      expect(new Resolver([sh, namespace, provider], cn).clusterSource(provider)).toEqual({
        kind: "unplaced",
        reason:
          "it uses the ambient kubeconfig (KUBECONFIG or ~/.kube/config) of whoever runs Pulumi, and it selects no context the stack config declares",
      });
    });

    test("a provider that renders its objects to files deploys to no cluster the pack can place", () => {
      // Even one built from a cluster of the program: whoever applies the files picks the cluster.
      expect(
        source(
          { renderYamlToDirectory: "rendered", context: "apps-prod" },
          { propertyDependencies: { kubeconfig: [cluster.urn] } },
        ),
      ).toEqual({
        kind: "unplaced",
        reason:
          'it renders its objects into the folder "rendered" (renderYamlToDirectory) instead of deploying them, and whoever applies those files picks the cluster outside this program',
        rendered: "rendered",
      });
    });

    test("is the declared cluster of the context it selects, by argument or current-context", () => {
      expect(source({ context: "apps-prod" })).toEqual({ kind: "declared", declared: declared[0] });
      expect(source({ kubeconfig: "apiVersion: v1\ncurrent-context: apps-prod # prod\n" })).toEqual(
        { kind: "declared", declared: declared[0] },
      );
      expect(source({ kubeconfig: JSON.stringify({ "current-context": "apps-prod" }) })).toEqual({
        kind: "declared",
        declared: declared[0],
      });
    });

    test("is the cluster its kubeconfig was built from, before any declaration", () => {
      expect(
        source({ context: "apps-prod" }, { propertyDependencies: { kubeconfig: [cluster.urn] } }),
      ).toEqual({ kind: "resource", cluster });
    });

    test("places its objects in the declared region", () => {
      const provider = resource("pulumi:providers:kubernetes", "kp", { context: "apps-prod" });
      const obj = resource("kubernetes:core/v1:Namespace", "n7", {}, { provider: provider.urn });
      expect(new Resolver([provider, obj], cn, [], declared).placement(obj)).toEqual({
        kind: "region",
        cloud: "alicloud",
        region: "cn-beijing",
      });
    });
  });

  test("a placement is computed once per resource", () => {
    const x = new Resolver([sh, cluster], cn);
    expect(x.placement(cluster)).toBe(x.placement(cluster));
  });
});

describe("a Kubernetes cluster of a cloud the catalog does not hold, by its type", () => {
  it.each([
    ["gcp:container/cluster:Cluster", "gcp"],
    ["azure-native:containerservice:ManagedCluster", "azure-native"],
    ["azure:containerservice/kubernetesCluster:KubernetesCluster", "azure"],
    ["digitalocean:index/kubernetesCluster:KubernetesCluster", "digitalocean"],
    ["linode:index/lkeCluster:LkeCluster", "linode"],
    ["aws:eks/cluster:Cluster", undefined],
    // AWS Cloud Control's EKS cluster is AWS's, and the EKS component's too.
    ["aws-native:eks:Cluster", undefined],
    ["eks:index:Cluster", undefined],
    ["alicloud:cs/managedKubernetes:ManagedKubernetes", undefined],
    ["kubernetes:core/v1:Secret", undefined],
    ["pulumi:pulumi:StackReference", undefined],
    ["gcp:storage/bucket:Bucket", undefined],
  ])("%s → %s", (type, pkg) => {
    expect(otherCloudClusterPackage(type)).toBe(pkg);
  });
});

describe("places", () => {
  const x = new Resolver([sh], cn);
  const bucket = resource(bucketType, "b", {}, { provider: sh.urn });

  test("regions, on their side of the border, one node per key", () => {
    expect(x.regionPlace("alicloud", "cn-beijing")).toEqual({
      kind: "place",
      key: "region:alicloud:cn-beijing",
      label: "cn-beijing (inside CN)",
      side: "inside",
    });
    expect(x.regionPlace("alicloud", "cn-hongkong", "oss-")).toEqual({
      kind: "place",
      key: "region:alicloud:oss-cn-hongkong",
      label: "oss-cn-hongkong (outside CN, in HK)",
      side: "outside",
    });
    expect(x.regionPlace("alicloud", "cn-beijing")).toBe(x.regionPlace("alicloud", "cn-beijing"));
  });

  test("a region given as a value, or why it cannot be one", () => {
    expect(x.regionValue(bucket, "cn-hongkong", "the target", "oss-").key).toBe(
      "region:alicloud:oss-cn-hongkong",
    );
    expect(x.regionValue(bucket, unknown, "the target")).toEqual({
      kind: "place",
      key: 'unknown:the target of oss bucket "b" is not known until deployed',
      label: 'unknown (the target of oss bucket "b" is not known until deployed)',
      side: "unknown",
    });
    expect(x.regionValue(bucket, "cn-beijing", "the target").key).toBe(
      "region:alicloud:cn-beijing",
    );
    expect(x.regionValue(bucket, "", "the target").label).toBe(
      'unknown (the target of oss bucket "b" is not a region)',
    );
    expect(x.regionValue(resource("random:index/x:X", "r"), "cn-beijing", "the target").side).toBe(
      "unknown",
    );
  });

  test("places outside every border", () => {
    expect(x.internet).toEqual({
      kind: "place",
      key: "internet",
      label: "the public internet",
      side: "outside",
    });
    expect(x.globalPlace("cdn")).toEqual({
      kind: "place",
      key: "global:cdn",
      label: "cdn (global, outside CN)",
      side: "outside",
    });
    expect(x.accountPlace("aws", "123")).toEqual({
      kind: "place",
      key: "account:aws:123",
      label: "aws account 123 (another account, location unknown)",
      side: "unknown",
    });
    expect(x.unknownPlace("why")).toEqual({
      kind: "place",
      key: "unknown:why",
      label: "unknown (why)",
      side: "unknown",
    });
  });

  test("an allowlisted destination is inside", () => {
    expect(x.allowlistedPlace({ cidr: "198.51.100.0/24", reason: "partner" })).toEqual({
      kind: "place",
      key: "allowlisted:198.51.100.0/24",
      label: "198.51.100.0/24 (allowlisted: partner)",
      side: "inside",
    });
  });

  test("where a placement puts a resource that is not inside", () => {
    expect(
      x.placeOfPlacement(bucket, { kind: "region", cloud: "alicloud", region: "cn-beijing" }),
    ).toBeUndefined();
    expect(
      x.placeOfPlacement(bucket, { kind: "region", cloud: "alicloud", region: "cn-hongkong" })?.key,
    ).toBe("region:alicloud:cn-hongkong");
    expect(x.placeOfPlacement(bucket, { kind: "global", cloud: "aws", reason: "r" })?.label).toBe(
      "aws global service (global, outside CN)",
    );
    expect(x.placeOfPlacement(bucket, { kind: "unknown", reason: "no region" })?.label).toBe(
      'unknown (oss bucket "b": no region)',
    );
    // An object of a cluster that cannot be placed is reported once, on its provider.
    expect(x.placeOfPlacement(bucket, { kind: "cluster", reason: "no cluster" })).toBeUndefined();
  });

  test("junctions: a region's networks and a network's internet-bound traffic", () => {
    expect(x.regionHub("alicloud", "cn-shanghai")).toEqual({
      kind: "place",
      key: "hub:alicloud:cn-shanghai",
      label: "every network in cn-shanghai",
      side: "inside",
      junction: true,
    });
    expect(x.regionHub("aws", "us-east-1").side).toBe("outside");
    const home = resource("alicloud:vpc/network:Network", "home", {}, { provider: sh.urn });
    const abroad = resource("alicloud:vpc/network:Network", "abroad", {}, { provider: "urn:hk" });
    const y = new Resolver([sh, hk, home, abroad], cn);
    expect(y.internetBound(home)).toEqual({
      kind: "place",
      key: "egress:urn:home",
      label: 'internet-bound traffic of vpc "home"',
      side: "inside",
      junction: true,
    });
    expect(y.internetBound(abroad).side).toBe("outside");
    expect(y.label(home)).toBe('vpc "home"');
  });
});

describe("the egress posture", () => {
  test("names the rule that admits the internet and the ACL that seals a subnet", () => {
    const vpc = resource(
      "alicloud:vpc/network:Network",
      "vpc",
      { cidrBlock: "10.0.0.0/16" },
      { provider: sh.urn },
    );
    const open = resource(
      "alicloud:ecs/securityGroup:SecurityGroup",
      "open",
      { vpcId: "vpc-id", securityGroupType: "enterprise", arn: "sg-open" },
      { provider: sh.urn },
    );
    const rule = resource(
      "alicloud:ecs/securityGroupRule:SecurityGroupRule",
      "all-out",
      {
        type: "egress",
        policy: "accept",
        cidrIp: "0.0.0.0/0",
        securityGroupId: "sg-open",
      },
      { provider: sh.urn },
    );
    const closed = resource(
      "alicloud:ecs/securityGroup:SecurityGroup",
      "closed",
      { securityGroupType: "enterprise" },
      { provider: sh.urn },
    );
    const awsGroup = resource(
      "aws:ec2/securityGroup:SecurityGroup",
      "web",
      { egress: [{ cidrBlocks: ["0.0.0.0/0"], protocol: "-1", fromPort: 0, toPort: 0 }] },
      { provider: sh.urn },
    );
    const subnet = resource(
      "alicloud:vpc/switch:Switch",
      "a",
      { vpcId: "vpc-id", cidrBlock: "10.0.1.0/24" },
      { provider: sh.urn },
    );
    const posture = egressPosture([sh, vpc, open, rule, closed, awsGroup, subnet], cn);
    expect(posture.groups.map((g) => [g.group.name, g.admits])).toEqual([
      ["open", 'egress rule "all-out" (0.0.0.0/0)'],
      ["closed", undefined],
      ["web", "egress rule (0.0.0.0/0)"],
    ]);
    expect(posture.subnets).toEqual([{ subnet, sealedBy: undefined }]);
    expect(egressPosture([sh, subnet], "CN").subnets).toEqual([{ subnet, sealedBy: undefined }]);
  });
});

describe("resolving a name among the runtime's resources", () => {
  const s3 = refKinds["s3-bucket"] as RefKind;
  const s3Bucket = (name: string, props: Record<string, unknown>) =>
    policyResource("aws:s3/bucket:Bucket", name, props);

  test("finds the resource a name refers to by any of its keys, normalised", () => {
    const a = s3Bucket("a", { bucket: "alpha" });
    const b = s3Bucket("b", { id: "beta" });
    const role = policyResource("aws:iam/role:Role", "r", { bucket: "gamma" });
    expect(resolveRef(s3, "arn:aws-cn:s3:::alpha/prefix", [a, b])).toBe(a);
    expect(resolveRef(s3, "beta", [a, b])).toBe(b);
    expect(resolveRef(s3, "gamma", [a, b, role])).toBeUndefined();
    expect(resolveRef(s3, "notarn:aws:s3:::alpha", [a, b])).toBeUndefined();
    const oss = policyResource("alicloud:oss/bucket:Bucket", "o", { bucket: "alpha" });
    expect(resolveRef(refKinds["oss-bucket"], "acs:oss:*:*:alpha/logs", [oss])).toBe(oss);
    expect(resolveRef(refKinds["oss-bucket"], "xacs:oss:*:*:alpha", [oss])).toBeUndefined();
    expect(
      resolveRef(refKinds["sls-project"], "p", [
        policyResource("alicloud:log/project:Project", "p", { name: "p" }),
      ])?.name,
    ).toBe("p");
  });

  test("keeps the candidates that report none of the keys a name is matched by", () => {
    const silent = s3Bucket("silent", {});
    const named = s3Bucket("named", { bucket: "x" });
    const byId = s3Bucket("byId", { id: "y" });
    expect(uncontradicted([silent, named, byId], s3)).toEqual([silent]);
  });

  test("takes dependencies of the property's top-level input, of the kind's types", () => {
    const target = s3Bucket("t", {});
    const role = policyResource("aws:iam/role:Role", "r", {});
    const r = policyResource(
      "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
      "rc",
      {},
      {
        dependsOn: { rules: [target, role], role: [role] },
      },
    );
    expect(dependencyTargets(r, "rules[].destination.bucket", s3)).toEqual([target]);
    expect(dependencyTargets(r, "role", s3)).toEqual([]);
    expect(dependencyTargets(r, "other", s3)).toEqual([]);
  });

  test("ranks outcomes: outside, unplaceable, unknown, inside", () => {
    const out: PlaceOutcome = { kind: "outside", place: "p" };
    const bad: PlaceOutcome = { kind: "unplaceable", raw: "r", why: "w" };
    expect(worstOf([])).toEqual({ kind: "inside" });
    expect(worstOf([{ kind: "inside" }, { kind: "unknown" }, { kind: "inside" }])).toEqual({
      kind: "unknown",
    });
    expect(worstOf([{ kind: "unknown" }, bad])).toBe(bad);
    expect(worstOf([bad, { kind: "inside" }, out])).toBe(out);
  });
});
