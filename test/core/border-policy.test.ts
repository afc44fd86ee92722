/**
 * The stack policy `no-path-out-of-jurisdiction` (policy/paths/no-path.ts) and the labeller
 * (policy/paths/describe.ts): the message of each path — the fix for the hop that crosses, the
 * hop count, the fail-closed note for an end that cannot be placed — and how resources are named.
 */
import type { PolicyResource } from "@pulumi/policy";
import {
  analyzeBorder,
  type BorderResource,
  fromPolicyResources,
  noPathOutOfJurisdiction,
} from "../../policy/paths";
import type { BorderEdge, BorderNode, BorderPath, EdgeLabel } from "../../policy/paths/model";
import { pathMessage } from "../../policy/paths/no-path";
import { kindName, resourceLabel } from "../../policy/paths/describe";
import { analyzeGraph, explainedBy, typeRows } from "../../policy/paths/graph";
import { byType } from "../../policy/paths/types";
import { ref, TestStack } from "../border/builder";
import { hongKong, policyResource, proxied, runStackPolicy, shanghai } from "./support";

const source: BorderNode = { id: "urn:a", label: 'oss bucket "a"', side: "inside", role: "data" };
const place = (side: BorderNode["side"]): BorderNode => ({
  id: "place:x",
  label: "x (outside CN)",
  side,
  role: "place",
});

function path(label: EdgeLabel, hops: number, side: BorderNode["side"] = "outside"): BorderPath {
  const crossing: BorderEdge = {
    from: "urn:a",
    to: "place:x",
    label,
    via: { urn: "u", type: "t", name: "dr" },
  };
  const edges = Array.from({ length: hops }, () => crossing);
  return { source, exit: place(side), nodes: [], edges, crossing, hops: [] };
}

describe("the message of a path", () => {
  test.each<[EdgeLabel, string]>([
    [
      "replication",
      "Replicate only to a store (a bucket, a database, a table) in a region inside CN, or remove the replication.",
    ],
    ["backup copy", "Copy backups only to regions inside CN, or turn the cross-region copy off."],
    [
      "snapshot copy",
      "Copy snapshots only to regions inside CN, or turn the cross-region copy off.",
    ],
    ["image copy", "Copy images only between regions inside CN."],
    ["data sync", "Synchronise only between endpoints in regions inside CN."],
    ["key replication", "Keep the key and its replicas in regions inside CN."],
    ["encrypted by", "Encrypt with a key created through a provider pinned to a region inside CN."],
    ["log delivery", "Deliver logs to a bucket or project of this stack in a region inside CN."],
    [
      "cen attachment",
      "Attach only networks in regions inside CN to the CEN, or detach the foreign one.",
    ],
    ["peer attachment", "Peer transit routers only with regions inside CN."],
    ["attachment", "Connect only networks and endpoints located inside CN."],
    ["peering", "Peer only with networks in regions inside CN, or remove the peering."],
    [
      "readable from",
      "Pin access to a network of this stack: a SourceVpc or SourceVpce condition naming a VPC or VPC endpoint the stack creates.",
    ],
    [
      "mounted by",
      "Mount the volume only on instances, and in workloads of clusters, placed inside CN: a Kubernetes workload is placed by the cluster resource its provider's kubeconfig comes from, or by its kubeconfig context declared with a region under sovereign-dc:clusters.",
    ],
    [
      "pod egress",
      "Add a default-deny egress NetworkPolicy to the namespace and allow only allowlisted destinations.",
    ],
    [
      "public address",
      "Remove the internet exit (NAT gateway, EIP, internet gateway or public address), or bound egress with security group and network ACL rules that accept only allowlisted destinations and drop 0.0.0.0/0.",
    ],
    ["public access", "Make the bucket private and block public access."],
    ["transfer acceleration", "Turn transfer acceleration off; its edge network is global."],
    [
      "route",
      "Remove the internet exit (NAT gateway, EIP, internet gateway or public address), or bound egress with security group and network ACL rules that accept only allowlisted destinations and drop 0.0.0.0/0.",
    ],
  ])("a crossing by %s is fixed by: %s", (label, fix) => {
    expect(pathMessage(path(label, 2), "CN")).toBe(
      `oss bucket "a" must not be able to send data outside CN, but it reaches x (outside CN) in 2 hops; it crosses the border at ${label} "dr". ${fix}`,
    );
  });

  test("a resource placed abroad is itself the crossing, in one hop", () => {
    expect(pathMessage(path("placed in", 1), "CN")).toBe(
      'oss bucket "a" must not be able to send data outside CN, but it reaches x (outside CN) in 1 hop. Create it through a provider pinned to a region inside CN.',
    );
  });

  test("a path on through a node that cannot be placed says so, not that it crosses into it", () => {
    const mounted: BorderEdge = {
      from: "urn:pvc",
      to: "urn:deploy",
      label: "mounted by",
      via: { urn: "urn:deploy", type: "kubernetes:apps/v1:Deployment", name: "app" },
    };
    const onward: BorderEdge = { from: "urn:deploy", to: "place:internet", label: "pod egress" };
    const p: BorderPath = {
      source,
      exit: place("outside"),
      nodes: ["urn:pvc", "urn:deploy", "place:internet"],
      edges: [mounted, onward],
      crossing: mounted,
      hops: ["pvc", "mounted by", 'k8s deployment "app"', "pod egress", "x"],
    };
    const sides = new Map<string, BorderNode["side"]>([["urn:deploy", "unknown"]]);
    expect(pathMessage(p, "CN", (id) => sides.get(id))).toContain(
      'it reaches x (outside CN) in 2 hops; it leaves what the pack can place at k8s deployment "app" (mounted by "app"), which cannot be placed.',
    );
    // Placed abroad, it is where the path crosses.
    sides.set("urn:deploy", "outside");
    expect(pathMessage(p, "CN", (id) => sides.get(id))).toContain(
      'it crosses the border into k8s deployment "app" (mounted by "app").',
    );
  });

  test("an end that cannot be placed says that it fails closed", () => {
    expect(pathMessage(path("replication", 1, "unknown"), "US")).toBe(
      'oss bucket "a" must not be able to send data outside US, but it reaches x (outside CN) in 1 hop; it crosses the border at replication "dr". Replicate only to a store (a bucket, a database, a table) in a region inside US, or remove the replication. The far end cannot be placed, and what cannot be placed fails closed: reference a resource of this stack or a region the analysis can check.',
    );
  });
});

describe("the stack policy", () => {
  /** A Shanghai disk mounted on an instance created through `provider`. */
  const stack = (provider: typeof shanghai) => {
    const disk = policyResource("alicloud:ecs/disk:Disk", "data", {}, { provider: shanghai });
    const vm = policyResource("alicloud:ecs/instance:Instance", "vm", {}, { provider });
    return [
      disk,
      vm,
      policyResource(
        "alicloud:ecs/diskAttachment:DiskAttachment",
        "data-on-vm",
        { diskId: "d-data", instanceId: "i-vm" },
        { provider: shanghai, dependsOn: { diskId: [disk], instanceId: [vm] } },
      ),
    ];
  };

  test("reports each path against the resource it starts at", () => {
    // The mount is a crossing no per-resource policy reports: the instance's own placement is
    // resource-placement's finding, but the disk's data reaching it abroad is the path's.
    expect(
      runStackPolicy(noPathOutOfJurisdiction, stack(hongKong), { jurisdiction: "CN" }),
    ).toEqual([
      {
        message:
          'ecs disk "data" must not be able to send data outside CN, but it reaches cn-hongkong (outside CN, in HK) in 2 hops; it crosses the border into ecs instance "vm" (mounted by "data-on-vm"). Mount the volume only on instances, and in workloads of clusters, placed inside CN: a Kubernetes workload is placed by the cluster resource its provider\'s kubeconfig comes from, or by its kubeconfig context declared with a region under sovereign-dc:clusters.\npath: ecs disk "data" → mounted by "data-on-vm" → ecs instance "vm" → placed in → cn-hongkong (outside CN, in HK)',
        urn: "urn:pulumi:dev::p::alicloud:ecs/disk:Disk::data",
      },
    ]);
    expect(
      runStackPolicy(noPathOutOfJurisdiction, stack(shanghai), { jurisdiction: "CN" }),
    ).toEqual([]);
  });

  test("a waiver names the resource the path starts at", () => {
    const waiver = (resource: string) => ({
      policy: "no-path-out-of-jurisdiction",
      resource,
      reason: "drill",
      expires: "2999-01-01",
    });
    const run = (resource: string) =>
      runStackPolicy(noPathOutOfJurisdiction, stack(hongKong), {
        jurisdiction: "CN",
        waivers: [waiver(resource)],
      }).map((v) => v.urn);
    expect(run("data")).toEqual([]);
    // A waiver for the crossing's own resources does not silence the disk's path.
    expect(run("data-on-vm")).toEqual(["urn:pulumi:dev::p::alicloud:ecs/disk:Disk::data"]);
  });

  test("a resource its provider places abroad is reported by resource-placement, not again as a path", () => {
    const abroad = [
      policyResource("alicloud:oss/bucket:Bucket", "far", { bucket: "f" }, { provider: hongKong }),
    ];
    // The graph still holds the path; its crossing is the bucket's own placement, which the
    // resource-placement policy reports, so no-path-out-of-jurisdiction does not repeat it.
    expect(
      analyzeBorder(fromPolicyResources(abroad), "CN").paths.map((p) => p.hops.join(" → ")),
    ).toEqual(['oss bucket "far" → placed in → cn-hongkong (outside CN, in HK)']);
    expect(runStackPolicy(noPathOutOfJurisdiction, abroad, { jurisdiction: "CN" })).toEqual([]);
  });

  test("a replication into a bucket placed abroad is named-destinations' finding, not again a path", () => {
    const replicated = (destination: string) => [
      policyResource(
        "alicloud:oss/bucket:Bucket",
        "telemetry",
        { bucket: "t" },
        { provider: shanghai },
      ),
      policyResource("alicloud:oss/bucket:Bucket", "far", { bucket: "f" }, { provider: hongKong }),
      policyResource(
        "alicloud:oss/bucketReplication:BucketReplication",
        "telemetry-dr",
        { bucket: "t", destination: { bucket: destination, location: "oss-cn-beijing" } },
        { provider: shanghai },
      ),
    ];
    // The graph holds the path through the far bucket; its crossing is the replication's
    // destination reference, which named-destinations places over the stack and reports.
    expect(
      analyzeBorder(fromPolicyResources(replicated("f")), "CN").paths.map((p) =>
        p.hops.join(" → "),
      ),
    ).toEqual([
      'oss bucket "telemetry" → replication "telemetry-dr" → oss bucket "far" → placed in → cn-hongkong (outside CN, in HK)',
      'oss bucket "far" → placed in → cn-hongkong (outside CN, in HK)',
    ]);
    expect(
      runStackPolicy(noPathOutOfJurisdiction, replicated("f"), { jurisdiction: "CN" }),
    ).toEqual([]);
  });
});

describe("naming resources", () => {
  test.each<[string, string]>([
    ["alicloud:vpc/network:Network", "vpc"],
    ["alicloud:vpc/switch:Switch", "vswitch"],
    ["alicloud:vpc/natGateway:NatGateway", "nat gateway"],
    ["alicloud:vpc/routeEntry:RouteEntry", "route"],
    ["alicloud:vpc/peerConnection:PeerConnection", "vpc peering"],
    ["alicloud:vpc/networkAcl:NetworkAcl", "network acl"],
    ["alicloud:ecs/eipAddress:EipAddress", "eip"],
    ["alicloud:ecs/eip:Eip", "eip"],
    ["alicloud:ecs/securityGroup:SecurityGroup", "security group"],
    ["alicloud:ecs/securityGroupRule:SecurityGroupRule", "security group rule"],
    ["alicloud:ecs/instance:Instance", "ecs instance"],
    ["alicloud:cen/instance:Instance", "cen"],
    ["alicloud:cen/transitRouter:TransitRouter", "transit router"],
    ["alicloud:vpn/gateway:Gateway", "vpn gateway"],
    ["alicloud:vpn/customerGateway:CustomerGateway", "customer gateway"],
    ["alicloud:vpn/connection:Connection", "ipsec connection"],
    ["alicloud:cs/managedKubernetes:ManagedKubernetes", "ack cluster"],
    ["alicloud:cs/kubernetes:Kubernetes", "ack cluster"],
    ["alicloud:cs/nodePool:NodePool", "ack node pool"],
    ["aws:ec2/vpc:Vpc", "vpc"],
    ["aws:ec2/subnet:Subnet", "subnet"],
    ["aws:ec2/natGateway:NatGateway", "nat gateway"],
    ["aws:ec2/internetGateway:InternetGateway", "internet gateway"],
    ["aws:ec2/eip:Eip", "eip"],
    ["aws:ec2/vpnGateway:VpnGateway", "vpn gateway"],
    ["aws:ec2/customerGateway:CustomerGateway", "customer gateway"],
    ["aws:ec2/vpcPeeringConnection:VpcPeeringConnection", "vpc peering"],
    ["aws:ec2/securityGroup:SecurityGroup", "security group"],
    ["aws:kms/key:Key", "kms key"],
    ["aws:kms/replicaKey:ReplicaKey", "kms replica key"],
    ["aws:eks/cluster:Cluster", "eks cluster"],
    // Spelt from the token: the module, then the kind's words, without repeating the module.
    ["alicloud:oss/bucketReplication:BucketReplication", "oss bucket replication"],
    ["aws:rds/rdsInstance:RdsInstance", "rds instance"],
    ["aws:kms/kms:Kms", "kms"],
    ["aws:ec2/x:VPCEndpoint", "ec2 vpc endpoint"],
    ["kubernetes:apps/v1:StatefulSet", "k8s statefulset"],
    ["pulumi:providers:alicloud", "alicloud provider"],
    // A component's own token may have fewer parts: its last part names it.
    ["aws:s3", "s3"],
    ["pulumi:containerService", "container service"],
    ["WebApp", "web app"],
  ])("%s is a %j", (type, expected) => {
    expect(kindName(type)).toBe(expected);
  });

  test("labels a resource by its kind and quoted name", () => {
    expect(resourceLabel("aws:kms/key:Key", 'a "b"')).toBe('kms key "a \\"b\\""');
  });
});

describe("the stack policy's egress allowlist", () => {
  /** The runtime's view of hand-built border resources: providers and dependencies as objects. */
  function asPolicyResources(resources: readonly BorderResource[]) {
    const byUrn = new Map<string, PolicyResource>();
    const providers = new Map(resources.map((r) => [r.urn, r]));
    for (const r of resources) {
      const p = r.provider ? providers.get(r.provider) : undefined;
      const pr = policyResource(
        r.type,
        r.name,
        { ...r.props },
        {
          provider: p && { type: p.type, name: p.name, urn: p.urn, props: proxied({ ...p.props }) },
        },
      );
      byUrn.set(r.urn, { ...pr, urn: r.urn });
    }
    return resources.map((r) => {
      const pr = byUrn.get(r.urn) as PolicyResource;
      const deps = Object.fromEntries(
        Object.entries(r.propertyDependencies).map(([k, urns]) => [
          k,
          urns.map((u) => byUrn.get(u) as PolicyResource),
        ]),
      );
      return {
        ...pr,
        urn: r.urn,
        propertyDependencies: deps,
        dependencies: Object.values(deps).flat(),
      };
    });
  }

  /** A bucket only its VPC may read, and that VPC's VPN to a gateway at 203.0.113.10. */
  function vpnStack() {
    const s = new TestStack();
    const sh = s.provider("alicloud", "sh", { region: "cn-shanghai" });
    const vpc = s.add(
      "alicloud:vpc/network:Network",
      "core",
      { cidrBlock: "10.0.0.0/16" },
      { provider: sh },
    );
    s.add("alicloud:oss/bucket:Bucket", "records", { bucket: "records-b" }, { provider: sh });
    s.add(
      "alicloud:oss/bucketPolicy:BucketPolicy",
      "records-policy",
      {
        bucket: "records-b",
        policy: {
          Statement: [
            {
              Effect: "Deny",
              Principal: ["*"],
              Condition: { StringNotEquals: { "acs:SourceVpc": [ref(vpc)] } },
            },
          ],
        },
      },
      { provider: sh },
    );
    const gw = s.add("alicloud:vpn/gateway:Gateway", "vpn", { vpcId: ref(vpc) }, { provider: sh });
    const cgw = s.add(
      "alicloud:vpn/customerGateway:CustomerGateway",
      "plant",
      { ipAddress: "203.0.113.10" },
      { provider: sh },
    );
    s.add(
      "alicloud:vpn/connection:Connection",
      "tunnel",
      { vpnGatewayId: ref(gw), customerGatewayId: ref(cgw) },
      { provider: sh },
    );
    return asPolicyResources(s.resources);
  }

  test("a destination on the allowlist is no way out; without the entry the path is the remote site's finding", () => {
    const allowlist = [{ cidr: "203.0.113.0/24", reason: "plant" }];
    const pathsOf = (egressAllowlist: typeof allowlist) => {
      const { graph, analysis } = analyzeGraph(
        fromPolicyResources(vpnStack()),
        "CN",
        { egressAllowlist },
        typeRows(byType),
      );
      return analysis.paths.map((p) => ({
        hops: p.hops.join(" → "),
        explainedBy: explainedBy(p, graph),
      }));
    };
    expect(pathsOf(allowlist)).toEqual([]);
    expect(
      runStackPolicy(noPathOutOfJurisdiction, vpnStack(), {
        jurisdiction: "CN",
        egressAllowlist: allowlist,
      }),
    ).toEqual([]);
    // Without the entry the site is outside: remote-sites reports the customer gateway, so the
    // stack policy does not report the same crossing a second time.
    expect(pathsOf([])).toEqual([
      {
        hops: 'oss bucket "records" → readable from "records-policy" (only from this network) → vpc "core" → attachment → vpn gateway "vpn" → ipsec connection "tunnel" → customer gateway "plant" → public address (203.0.113.10) → the public internet',
        explainedBy: "remote-sites",
      },
    ]);
    expect(runStackPolicy(noPathOutOfJurisdiction, vpnStack(), { jurisdiction: "CN" })).toEqual([]);
  });
});
