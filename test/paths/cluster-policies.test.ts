/**
 * The one graph over Kubernetes' cluster-wide network policies (policy/paths/cluster-policies.ts):
 * the pod egress a workload's row draws agrees with kubernetes-namespace-egress, so an admin
 * network policy's default deny that another admin policy of higher precedence passes traffic
 * past leaves the pods an edge out (test/policy/cluster-network-policies.test.ts runs the pack).
 */
import { analyzeGraph, edgeText, typeRows } from "../../policy/paths/graph";
import { byType } from "../../policy/paths/types";
import { kube, onCluster } from "../helpers/cluster-objects";
import { oracleBorderResources, type OracleResource } from "../helpers/model-oracle";

const web = kube("kubernetes:apps/v1:Deployment", "web", {
  metadata: { namespace: "shop" },
  spec: {
    selector: { matchLabels: { app: "web" } },
    template: {
      metadata: { labels: { app: "web" } },
      spec: {
        containers: [{ name: "web", image: "registry.cn-shanghai.aliyuncs.com/shop/web:1" }],
      },
    },
  },
});

/** The admin network policy `name` of `priority`, with its egress rules. */
const admin = (name: string, priority: number, egress: unknown[]) =>
  kube("kubernetes:policy.networking.k8s.io/v1alpha1:AdminNetworkPolicy", name, {
    metadata: { name },
    spec: { priority, subject: { namespaces: {} }, egress },
  });

const lockdown = admin("lockdown", 10, [
  { action: "Deny", to: [{ networks: ["0.0.0.0/0", "::/0"] }] },
]);
const passOut = (priority: number) =>
  admin("delegate", priority, [{ action: "Pass", to: [{ networks: ["203.0.113.0/24"] }] }]);

/** The edges the graph draws from the Deployment, as text. */
function webEdges(resources: readonly OracleResource[]): string[] {
  const { graph } = analyzeGraph(
    oracleBorderResources(resources),
    "CN",
    { egressAllowlist: [] },
    typeRows(byType),
  );
  return graph.edges.filter((e) => e.from.includes("web")).map(edgeText);
}

test("an admin deny of every address leaves the pods no edge out, unless a Pass of higher precedence comes first", () => {
  expect(webEdges(onCluster(web))).toEqual([
    "pod egress (no NetworkPolicy restricts its pods' egress)",
  ]);
  expect(webEdges(onCluster(web, lockdown))).toEqual([]);
  expect(webEdges(onCluster(web, lockdown, passOut(20)))).toEqual([]);
  expect(webEdges(onCluster(web, lockdown, passOut(5)))).toEqual([
    "pod egress (no NetworkPolicy restricts its pods' egress)",
  ]);
});
