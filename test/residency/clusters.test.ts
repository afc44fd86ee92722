/**
 * `sovereign-dc:clusters`: the Kubernetes clusters a stack places by kubeconfig context. A bad
 * declaration would place workloads wrongly, so each is refused with the key, the value received
 * and what is allowed.
 */
import { declaredClustersOf } from "../../residency/clusters";
import { formatIssue } from "../../residency/spec";

const key = "sovereign-dc:clusters";
const declare = (value: unknown) => ({ [key]: JSON.stringify(value) });

test("a stack without the key declares no cluster", () => {
  expect(declaredClustersOf({ "sovereign-dc:jurisdiction": "US" })).toEqual({ clusters: [] });
});

// Each declaration is kept as written: the stack's clusters are exactly the ones it lists.
test.each([
  [
    "a declaration names a context, a cloud and a region of that cloud",
    [
      { context: "tracking-prod", cloud: "aws", region: "us-west-2" },
      { context: "ack-shanghai", cloud: "alicloud", region: "cn-shanghai" },
      { context: "ack-hk", cloud: "alicloud", region: "cn-hongkong" },
    ],
  ],
  [
    "a cluster in a data center of the team's own is declared by its site and country",
    [
      { context: "kubernetes-admin@shanghai-dc1", site: "shanghai-dc1", country: "CN" },
      { context: "ack-shanghai", cloud: "alicloud", region: "cn-shanghai" },
    ],
  ],
  [
    // A provider that overrides its context's cluster (`cluster`, kubernetes:cluster) is placed
    // by the entry that names that cluster too.
    "a context is declared as itself and with a cluster a provider overrides its own with",
    [
      { context: "tracking-prod", cloud: "aws", region: "us-west-2" },
      { context: "tracking-prod", cluster: "tracking-dr", cloud: "aws", region: "us-east-1" },
      { context: "tracking-prod", cluster: "tracking-lab", site: "portland-dc", country: "US" },
    ],
  ],
])("%s", (_what, clusters) => {
  expect(declaredClustersOf(declare(clusters))).toEqual({ clusters });
});

test.each([
  [
    "a site with no name",
    [{ context: "a", site: " ", country: "CN" }],
    'sovereign-dc:clusters[0].site: received " "; expected the name of the data center the cluster runs in.',
  ],
  [
    "a site in a country the catalog does not hold",
    [{ context: "a", site: "dc1", country: "Mars" }],
    /^sovereign-dc:clusters\[0\]\.country: received "Mars"; expected the ID of a country of the catalog, one of: .*\bCN\b.*\.$/,
  ],
  [
    "a site in a union rather than a country",
    [{ context: "a", site: "dc1", country: "EU" }],
    /^sovereign-dc:clusters\[0\]\.country: received "EU"; expected the ID of a country of the catalog/,
  ],
  [
    "a site with a region",
    [{ context: "a", site: "dc1", country: "CN", region: "cn-shanghai" }],
    'sovereign-dc:clusters[0].region: received "cn-shanghai"; expected only context, cluster, site, country and internalIngressClasses (a site of the team\'s own has no cloud or region).',
  ],
])("refuses %s", (_what, value, message) => {
  const result = declaredClustersOf(declare(value));
  const said = "issues" in result ? result.issues.map((i) => formatIssue(i)) : [];
  expect(said).toHaveLength(1);
  expect(said[0]).toMatch(message);
});

test.each([
  [
    "not a list",
    { context: "a", cloud: "aws", region: "us-west-2" },
    'sovereign-dc:clusters: received {"context":"a","cloud":"aws","region":"us-west-2"}; expected a list of { context, cloud, region } or { context, site, country }.',
  ],
  [
    "an entry that is not an object",
    ["tracking-prod"],
    'sovereign-dc:clusters[0]: received "tracking-prod"; expected an object { context, cloud, region } or { context, site, country }.',
  ],
  [
    "no context",
    [{ cloud: "aws", region: "us-west-2" }],
    "sovereign-dc:clusters[0].context: received nothing (the key is missing); expected the name of a kubeconfig context (kubectl config get-contexts).",
  ],
  [
    "a context declared twice",
    [
      { context: "a", cloud: "aws", region: "us-west-2" },
      { context: "a", cloud: "aws", region: "us-east-1" },
    ],
    'sovereign-dc:clusters[1].context: received "a"; expected each context to be declared once.',
  ],
  [
    "a context declared twice with the same cluster",
    [
      { context: "a", cluster: "b", cloud: "aws", region: "us-west-2" },
      { context: "a", cluster: "b", cloud: "aws", region: "us-east-1" },
    ],
    'sovereign-dc:clusters[1].context: received "a"; expected each context and cluster to be declared once.',
  ],
  [
    "a cluster with no name",
    [{ context: "a", cluster: "", cloud: "aws", region: "us-west-2" }],
    'sovereign-dc:clusters[0].cluster: received ""; expected the name of a kubeconfig cluster (kubectl config get-clusters) the provider overrides its context\'s with, or no cluster.',
  ],
  [
    "an unknown cloud",
    [{ context: "a", cloud: "gcp", region: "us-west1" }],
    'sovereign-dc:clusters[0].cloud: received "gcp"; expected one of: alicloud, aws.',
  ],
  [
    "a region of another cloud",
    [{ context: "a", cloud: "aws", region: "cn-shanghai" }],
    'sovereign-dc:clusters[0].region: received "cn-shanghai"; expected a region ID of aws, such as us-west-2.',
  ],
  [
    "a region that is not an ID",
    [{ context: "a", cloud: "alicloud", region: "Shanghai" }],
    'sovereign-dc:clusters[0].region: received "Shanghai"; expected a region ID of alicloud, such as cn-shanghai.',
  ],
  [
    "a key it does not know",
    [{ context: "a", cloud: "aws", region: "us-west-2", zone: "us-west-2a" }],
    'sovereign-dc:clusters[0].zone: received "us-west-2a"; expected only context, cluster, cloud, region and internalIngressClasses.',
  ],
])("refuses %s", (_what, value, message) => {
  const result = declaredClustersOf(declare(value));
  expect("issues" in result ? result.issues.map((i) => formatIssue(i)) : result).toEqual([message]);
});
