/**
 * The application networks that link a cluster to clusters elsewhere (policy/paths/interconnects.ts):
 * Skupper's sites and links and Linkerd's multicluster Links. Each was an unreviewed custom kind,
 * so any program with one failed closed whatever it linked to; now the far end of each link is
 * kubernetes-egress's destination, and the kinds that keep connections inside the site pass.
 */
import {
  egress,
  egressOrUnreviewed,
  named,
  findingsOf,
  kube,
  messagesOf,
  onCluster,
} from "../helpers/cluster-objects";
import { type OracleResource, unknownAtPreview } from "../helpers/model-oracle";
import { type Finding, sorted } from "../helpers/policy-session";

const judged = egressOrUnreviewed;

const skupper = (kind: string, name: string, spec: Record<string, unknown>) =>
  kube(`kubernetes:skupper.io/v2alpha1:${kind}`, name, {
    apiVersion: "skupper.io/v2alpha1",
    kind,
    metadata: { namespace: "shop" },
    spec,
  });

const link = (...hosts: string[]) =>
  skupper("Link", "to-hq", {
    endpoints: hosts.map((host, i) => ({
      name: i === 0 ? "inter-router" : "edge",
      host,
      port: "55671",
    })),
    tlsCredentials: "to-hq",
  });

const linkerd = (spec: Record<string, unknown>, version = "v1alpha3") =>
  kube(`kubernetes:multicluster.linkerd.io/${version}:Link`, "west", {
    metadata: { namespace: "linkerd-multicluster" },
    spec: { targetClusterName: "west", gatewayPort: "4143", ...spec },
  });

describe("a Skupper Link", () => {
  test("to a remote site's router abroad, at a public address or a host the pack cannot place, is kubernetes-egress's finding", () => {
    expect(judged(onCluster(link("a1b2c3-123456.eu-west-1.elb.amazonaws.com")))).toEqual([
      egress(
        "to-hq",
        'k8s link "to-hq"',
        "a1b2c3-123456.eu-west-1.elb.amazonaws.com in eu-west-1 (outside CN, in EU)",
      ),
    ]);
    expect(judged(onCluster(link("203.0.113.7")))).toEqual([
      egress("to-hq", 'k8s link "to-hq"', "203.0.113.7 (remote site's router)"),
    ]);
    // Two labels of no internet domain are no Service of the cluster unless the program declares
    // one so named: a pod's resolver passes a name the cluster does not hold to the network's
    // DNS, whose private zones (`.lan`, `.internal`, `.corp`) may answer anywhere (the bench
    // rerun's probe). The router resolves it, so named-destinations judges it over the stack.
    for (const host of ["router.lan", "router.internal", "skupper.corp"]) {
      expect(
        findingsOf(onCluster(link(host)), ["kubernetes-egress", "named-destinations"]),
      ).toEqual([named("to-hq", 'k8s link "to-hq"', `${host} (cannot be placed)`)]);
    }
    // Each endpoint is a way to the same remote site: one abroad is enough.
    expect(judged(onCluster(link("10.30.0.7", "skupper.example.de")))).toEqual([
      egress("to-hq", 'k8s link "to-hq"', "skupper.example.de (cannot be placed)"),
    ]);
    expect(
      messagesOf("kubernetes-egress", onCluster(link("10.30.0.7", "skupper.example.de"))),
    ).toEqual([
      'k8s link "to-hq" must link its Skupper site only to sites at private or allowlisted addresses, or ones the pack places inside the jurisdiction, but spec.endpoints[1].host is "skupper.example.de", a host the pack cannot place: a link carries every connection between the sites\' listeners and connectors, both ways, so the services of either site are reachable from the other. Link only to sites inside the jurisdiction — at a private address or a host name listed in egressHosts with a reason — or add the router\'s address to the egress allowlist.',
    ]);
  });

  test("twin: a site at a private address, of the same cluster, or allowlisted passes", () => {
    for (const host of [
      "10.30.0.7",
      "skupper-router.west.svc.cluster.local",
      "a1b2c3-123456.cn-north-1.elb.amazonaws.com.cn",
    ]) {
      expect([host, judged(onCluster(link(host)))]).toEqual([host, []]);
    }
    expect(
      judged(onCluster(link("skupper.hq.example.com")), {
        jurisdiction: "CN",
        egressAllowlist: [
          { host: "skupper.hq.example.com", reason: "Reviewed: the Shanghai office" },
        ],
      }),
    ).toEqual([]);
  });

  test("a router address not known at preview is undecided, never passed", () => {
    expect(judged(onCluster(link(unknownAtPreview as unknown as string)))).toEqual([
      egress("to-hq", 'k8s link "to-hq"', "spec.endpoints[0].host (unknown at preview)"),
    ]);
  });
});

describe("Skupper's tokens, grants and connectors", () => {
  const token = (url: string) =>
    skupper("AccessToken", "from-hq", {
      url,
      code: "secret-code",
      ca: "-----BEGIN CERTIFICATE-----",
    });

  test("an AccessToken redeemed at a grant service outside links to the site that issued it", () => {
    expect(judged(onCluster(token("https://grants.example.com:8081/d2b6")))).toEqual([
      egress("from-hq", 'k8s accesstoken "from-hq"', "grants.example.com (cannot be placed)"),
    ]);
    expect(judged(onCluster(token("https://10.50.0.3:8081/d2b6")))).toEqual([]);
  });

  test("an AccessGrant admits sites the program does not name, which the pack cannot place", () => {
    const grant = skupper("AccessGrant", "hq", { redemptionsAllowed: 3, expirationWindow: "1h" });
    expect(judged(onCluster(grant))).toEqual([
      egress("hq", 'k8s accessgrant "hq"', "the sites that redeem its tokens (cannot be placed)"),
    ]);
    expect(messagesOf("kubernetes-egress", onCluster(grant))).toEqual([
      'k8s accessgrant "hq" must admit links only from Skupper sites the pack can place inside the jurisdiction, but it is an access grant, which lets whoever redeems one of its tokens link a site the program does not name to this one: a site that redeems one of its tokens links to this one, and the services this site\'s connectors expose become reachable from there. Issue access tokens only to sites inside the jurisdiction and, once you have confirmed where every site that redeems them runs, waive this finding with that evidence; or link from this site to the others with a Link or AccessToken, which the pack places.',
    ]);
    // With no metadata and every setting left to its default, the grant admits a site all the same.
    const bare = { apiVersion: "skupper.io/v2alpha1", kind: "AccessGrant" };
    expect(
      judged(onCluster(kube("kubernetes:skupper.io/v2alpha1:AccessGrant", "hq", bare))),
    ).toEqual([
      egress("hq", 'k8s accessgrant "hq"', "the sites that redeem its tokens (cannot be placed)"),
    ]);
  });

  test("a Connector that names a server outside sends the network's connections there; pods or a Service of the cluster pass", () => {
    expect(
      judged(
        onCluster(
          skupper("Connector", "legacy", {
            routingKey: "legacy",
            host: "db.example.org",
            port: 5432,
          }),
        ),
      ),
    ).toEqual([egress("legacy", 'k8s connector "legacy"', "db.example.org (cannot be placed)")]);
    for (const spec of [
      { routingKey: "db", selector: "app=db", port: 5432 },
      { routingKey: "db", host: "postgres", port: 5432 },
      { routingKey: "db", host: "postgres.data.svc.cluster.local", port: 5432 },
      { routingKey: "db", host: "10.0.8.12", port: 5432 },
    ]) {
      expect([spec, judged(onCluster(skupper("Connector", "db", spec)))]).toEqual([spec, []]);
    }
  });

  test("the kinds that keep a site's connections inside it pass, reviewed", () => {
    const inside = [
      skupper("Site", "shop", { linkAccess: "default", ha: true }),
      skupper("Listener", "orders", { routingKey: "orders", host: "orders", port: 8080 }),
      skupper("MultiKeyListener", "pool", {
        host: "pool",
        port: 8080,
        strategy: { priority: { routingKeysByPriority: ["a", "b"] } },
      }),
      skupper("RouterAccess", "links", {
        roles: [{ name: "inter-router", port: 55671 }],
        tlsCredentials: "links",
      }),
      skupper("AttachedConnector", "db", { siteNamespace: "shop", selector: "app=db", port: 5432 }),
      skupper("AttachedConnectorBinding", "db", { connectorNamespace: "data", routingKey: "db" }),
      skupper("Certificate", "links", {
        ca: "skupper-site-ca",
        hosts: ["skupper-router"],
        server: true,
      }),
      skupper("SecuredAccess", "console", {
        selector: { app: "console" },
        ports: [{ name: "https", port: 8443 }],
      }),
    ];
    expect(judged(onCluster(...inside))).toEqual([]);
  });
});

// The xc71 bench: Skupper's controller makes the Service a site's link access or a secured access
// asks for, of the cluster's default load balancer where the access type is the default.
describe("the Services Skupper's controller makes", () => {
  const exposure = (resources: readonly OracleResource[]) =>
    findingsOf(resources, ["kubernetes-service-exposure"]);
  const publicLb = (kind: string, name: string): Finding => [
    "kubernetes-service-exposure",
    name,
    "mandatory",
    ["the internet", `k8s ${kind.toLowerCase()} ${JSON.stringify(name)}`],
  ];

  test("a load balancer for link access or a secured access faces the internet: by name, or as the controller's default", () => {
    expect(
      exposure(
        onCluster(
          skupper("Site", "shop", { linkAccess: "default" }),
          skupper("RouterAccess", "links", { roles: [{ name: "inter-router", port: 55671 }] }),
          skupper("SecuredAccess", "console", {
            accessType: "loadbalancer",
            selector: { app: "console" },
            ports: [{ name: "https", port: 8443 }],
          }),
        ),
      ),
    ).toEqual(
      sorted([
        publicLb("Site", "shop"),
        publicLb("RouterAccess", "links"),
        publicLb("SecuredAccess", "console"),
      ]),
    );
  });

  test("twin: no link access, a local access, or one the cluster's ingress serves, makes no load balancer", () => {
    expect(
      exposure(
        onCluster(
          skupper("Site", "shop", { ha: true }),
          skupper("Site", "edge", { linkAccess: "none" }),
          skupper("RouterAccess", "links", { accessType: "local" }),
          skupper("SecuredAccess", "console", {
            accessType: "ingress-nginx",
            selector: { app: "console" },
          }),
        ),
      ),
    ).toEqual([]);
  });
});

describe("a Linkerd multicluster Link", () => {
  test("to a gateway abroad or at a public address fails; each address of the list is judged", () => {
    expect(judged(onCluster(linkerd({ gatewayAddress: "203.0.113.9" })))).toEqual([
      egress("west", 'k8s link "west"', "203.0.113.9 (gateway)"),
    ]);
    expect(
      judged(
        onCluster(
          linkerd({ gatewayAddress: "10.40.0.9, gw-123.elb.us-west-2.amazonaws.com" }, "v1alpha2"),
        ),
      ),
    ).toEqual([
      egress(
        "west",
        'k8s link "west"',
        "gw-123.elb.us-west-2.amazonaws.com in us-west-2 (outside CN, in US)",
      ),
    ]);
  });

  test("with no gateway, the target's pods are reached directly, where the Link does not place them", () => {
    expect(
      judged(
        onCluster(linkerd({ clusterCredentialsSecret: "cluster-credentials-west" }, "v1alpha1")),
      ),
    ).toEqual([egress("west", 'k8s link "west"', 'the cluster "west" (cannot be placed)')]);
  });

  test("twin: gateways at private addresses pass, in every version", () => {
    for (const version of ["v1alpha1", "v1alpha2", "v1alpha3"]) {
      expect(
        judged(onCluster(linkerd({ gatewayAddress: "10.40.0.9,10.40.0.10" }, version))),
      ).toEqual([]);
    }
  });

  test("a gateway not known at preview is undecided, never passed", () => {
    expect(judged(onCluster(linkerd({ gatewayAddress: unknownAtPreview })))).toEqual([
      egress("west", 'k8s link "west"', "spec (unknown at preview)"),
    ]);
  });
});

describe("Submariner and the Multi-Cluster Services API", () => {
  const submariner = (kind: string, spec: Record<string, unknown>) =>
    kube(`kubernetes:submariner.io/v1alpha1:${kind}`, "submariner", {
      apiVersion: "submariner.io/v1alpha1",
      kind,
      metadata: { namespace: "submariner-operator" },
      spec: { clusterID: "shanghai-1", brokerK8sRemoteNamespace: "submariner-k8s-broker", ...spec },
    });
  const mcs = (kind: string, version = "v1alpha1") =>
    kube(`kubernetes:multicluster.x-k8s.io/${version}:${kind}`, "orders", {
      apiVersion: `multicluster.x-k8s.io/${version}`,
      kind,
      metadata: { namespace: "shop" },
    });
  const clusterSet = (name: string, label: string) =>
    egress(name, label, "the clusters of the cluster set (cannot be placed)");

  test("a Submariner gateway joins clusters the program does not name, and a broker abroad besides", () => {
    const label = 'k8s submariner "submariner"';
    const members = egress(
      "submariner",
      label,
      "the clusters of the broker's cluster set (cannot be placed)",
    );
    expect(
      judged(onCluster(submariner("Submariner", { brokerK8sApiServer: "10.8.0.1:6443" }))),
    ).toEqual([members]);
    expect(
      judged(
        onCluster(
          submariner("Submariner", { brokerK8sApiServer: "https://broker.example.eu:6443" }),
        ),
      ),
    ).toEqual([egress("submariner", label, "broker.example.eu (cannot be placed)"), members]);
  });

  test("Lighthouse's service discovery syncs to the broker: one inside passes, one outside fails", () => {
    const label = 'k8s servicediscovery "submariner"';
    expect(
      judged(
        onCluster(submariner("ServiceDiscovery", { brokerK8sApiServer: "203.0.113.20:6443" })),
      ),
    ).toEqual([egress("submariner", label, "203.0.113.20 (broker)")]);
    expect(
      judged(onCluster(submariner("ServiceDiscovery", { brokerK8sApiServer: "10.8.0.1:6443" }))),
    ).toEqual([]);
  });

  test("a ServiceExport or ServiceImport shares a Service with a cluster set the pack cannot place", () => {
    for (const version of ["v1alpha1", "v1beta1"]) {
      expect(judged(onCluster(mcs("ServiceExport", version)))).toEqual([
        clusterSet("orders", 'k8s serviceexport "orders"'),
      ]);
      expect(judged(onCluster(mcs("ServiceImport", version)))).toEqual([
        clusterSet("orders", 'k8s serviceimport "orders"'),
      ]);
    }
  });

  test("twin: the broker and the global addresses of the tunnels pass, reviewed", () => {
    const inside = [
      kube("kubernetes:submariner.io/v1alpha1:Broker", "broker", {
        metadata: { namespace: "submariner-k8s-broker" },
        spec: { globalnetEnabled: true, defaultGlobalnetClusterSize: 8192 },
      }),
      kube("kubernetes:submariner.io/v1:ClusterGlobalEgressIP", "cluster-egress.submariner.io", {
        spec: { numGlobalIPs: 2 },
      }),
      kube("kubernetes:submariner.io/v1:GlobalEgressIP", "db-egress", {
        metadata: { namespace: "shop" },
        spec: { numberOfIPs: 1, podSelector: { matchLabels: { app: "db" } } },
      }),
      kube("kubernetes:submariner.io/v1:GlobalIngressIP", "orders", {
        metadata: { namespace: "shop" },
        spec: { target: "ClusterIPService", serviceRef: { name: "orders" } },
      }),
    ];
    expect(judged(onCluster(...inside))).toEqual([]);
  });
});
