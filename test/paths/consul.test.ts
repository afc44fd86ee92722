/**
 * Consul on Kubernetes (policy/paths/consul.ts): the kinds that send a mesh's traffic to other
 * Consul datacenters, cluster peers, sameness groups or services outside the mesh are
 * kubernetes-egress's, and the kinds that route, authorise or expose inside the mesh pass. Every
 * one failed closed as an unreviewed custom kind before, whatever it named.
 */
import {
  egress,
  egressOrUnreviewed,
  findingsOf,
  kube,
  messagesOf,
  onCluster,
} from "../helpers/cluster-objects";
import { type OracleResource, unknownAtPreview } from "../helpers/model-oracle";
import { sorted } from "../helpers/policy-session";

const judged = egressOrUnreviewed;

/** The Consul object `name` of `kind`, with `spec`. */
const consul = (kind: string, name: string, spec: Record<string, unknown>) =>
  kube(`kubernetes:consul.hashicorp.com/v1alpha1:${kind}`, name, {
    apiVersion: "consul.hashicorp.com/v1alpha1",
    kind,
    metadata: { namespace: "consul", name },
    spec,
  });

const at = (kind: string, name: string, place: string) =>
  egress(name, `k8s ${kind.toLowerCase()} ${JSON.stringify(name)}`, place);

describe("Consul's routes to other datacenters and peers", () => {
  test("a resolver's failover and redirect to a datacenter, peer or sameness group cannot be placed", () => {
    const resolver = consul("ServiceResolver", "orders", {
      connectTimeout: "15s",
      failover: {
        "*": { targets: [{ peer: "frankfurt" }, { datacenter: "dc2" }] },
        v1: { datacenters: ["dc3"], samenessGroup: "global" },
      },
    });
    expect(judged(onCluster(resolver))).toEqual(
      sorted([
        at("ServiceResolver", "orders", 'the peer "frankfurt" (cannot be placed)'),
        at("ServiceResolver", "orders", 'the datacenter "dc2" (cannot be placed)'),
        at("ServiceResolver", "orders", 'the datacenter "dc3" (cannot be placed)'),
        at("ServiceResolver", "orders", 'the sameness group "global" (cannot be placed)'),
      ]),
    );
    expect(
      judged(onCluster(consul("ServiceResolver", "orders", { redirect: { peer: "frankfurt" } }))),
    ).toEqual([at("ServiceResolver", "orders", 'the peer "frankfurt" (cannot be placed)')]);
    expect(
      messagesOf(
        "kubernetes-egress",
        onCluster(consul("ServiceResolver", "orders", { redirect: { datacenter: "dc2" } })),
      ),
    ).toEqual([
      'k8s serviceresolver "orders" must keep the mesh\'s traffic inside Consul datacenters and peers the pack can place inside the jurisdiction, but spec.redirect.datacenter names the datacenter "dc2", another Consul datacenter, which the pack cannot place: Consul sends the service\'s requests, and the data they carry, to the services of that datacenter, peer or group. Route only to services of this cluster or to addresses inside the jurisdiction, or, once you have confirmed where that datacenter, peer or group runs, waive this finding with that evidence.',
    ]);
  });

  test("twin: a resolver among the subsets and partitions of this datacenter passes", () => {
    const resolver = consul("ServiceResolver", "orders", {
      defaultSubset: "v1",
      subsets: { v1: { filter: "Service.Meta.version == v1" } },
      redirect: { service: "orders-v2", partition: "web" },
      failover: { v1: { targets: [{ serviceSubset: "v2" }, { partition: "backup" }] } },
    });
    expect(judged(onCluster(resolver))).toEqual([]);
  });

  test("exports to a peer or sameness group fail; to a partition of this datacenter they pass", () => {
    const exports = (consumers: unknown[]) =>
      consul("ExportedServices", "default", { services: [{ name: "orders", consumers }] });
    expect(
      judged(
        onCluster(exports([{ partition: "web" }, { peer: "frankfurt" }, { samenessGroup: "eu" }])),
      ),
    ).toEqual([
      at("ExportedServices", "default", 'the peer "frankfurt" (cannot be placed)'),
      at("ExportedServices", "default", 'the sameness group "eu" (cannot be placed)'),
    ]);
    expect(judged(onCluster(exports([{ partition: "web" }])))).toEqual([]);
  });

  test("a sameness group's peers, a peer's mesh service and every peering cannot be placed", () => {
    expect(
      judged(
        onCluster(
          consul("SamenessGroup", "eu", {
            defaultForFailover: true,
            members: [{ partition: "default" }, { peer: "frankfurt" }],
          }),
          consul("MeshService", "payments", { name: "payments", peer: "frankfurt" }),
          consul("PeeringDialer", "frankfurt", {
            peer: { secret: { name: "peering-token", key: "data", backend: "kubernetes" } },
          }),
          consul("PeeringAcceptor", "singapore", {
            peer: { secret: { name: "peering-token-sg", key: "data", backend: "kubernetes" } },
          }),
        ),
      ),
    ).toEqual(
      sorted([
        at("SamenessGroup", "eu", 'the peer "frankfurt" (cannot be placed)'),
        at("MeshService", "payments", 'the peer "frankfurt" (cannot be placed)'),
        at("PeeringDialer", "frankfurt", "the peered Consul cluster (cannot be placed)"),
        at("PeeringAcceptor", "singapore", "the peered Consul cluster (cannot be placed)"),
      ]),
    );
    // A mesh service of this cluster's own catalog, and a group of partitions only, pass.
    expect(
      judged(
        onCluster(
          consul("MeshService", "payments", { name: "payments" }),
          consul("SamenessGroup", "local", { members: [{ partition: "default" }] }),
        ),
      ),
    ).toEqual([]);
  });

  test("a name not known at preview is undecided, never passed", () => {
    expect(
      judged(
        onCluster(consul("ServiceResolver", "orders", { redirect: { peer: unknownAtPreview } })),
      ),
    ).toEqual([at("ServiceResolver", "orders", "spec.redirect.peer (unknown at preview)")]);
  });
});

describe("Consul's services outside the mesh", () => {
  test("a destination, registration or gateway service outside fails; one inside passes", () => {
    expect(
      judged(
        onCluster(
          consul("ServiceDefaults", "billing-api", {
            protocol: "http",
            destination: { addresses: ["10.9.0.4", "api.billing.example.com"], port: 443 },
          }),
          consul("Registration", "legacy-db", {
            node: "legacy",
            address: "203.0.113.40",
            service: { name: "legacy-db", address: "db.example.de", port: 5432 },
          }),
        ),
      ),
    ).toEqual(
      sorted([
        at("ServiceDefaults", "billing-api", "api.billing.example.com (cannot be placed)"),
        at("Registration", "legacy-db", "203.0.113.40 (external node)"),
        at("Registration", "legacy-db", "db.example.de (cannot be placed)"),
      ]),
    );
    expect(
      judged(
        onCluster(
          consul("ServiceDefaults", "billing-api", {
            destination: { addresses: ["10.9.0.4", "api.billing.example.com"], port: 443 },
          }),
          consul("Registration", "legacy-db", {
            node: "legacy",
            address: "10.9.0.7",
            service: { name: "legacy-db", address: "10.9.0.7", port: 5432 },
          }),
        ),
        {
          jurisdiction: "CN",
          egressAllowlist: [
            {
              host: "api.billing.example.com",
              reason: "Reviewed: the billing API runs in Shanghai",
            },
          ],
        },
      ),
    ).toEqual([]);
  });

  test("proxy defaults: statsd sinks are placed, raw Envoy configuration and extensions fail closed", () => {
    const defaults = (spec: Record<string, unknown>) => consul("ProxyDefaults", "global", spec);
    expect(
      judged(
        onCluster(
          defaults({
            config: {
              protocol: "http",
              envoy_dogstatsd_url: "udp://metrics.example.com:8125",
              envoy_extra_static_clusters_json: "[]",
            },
          }),
        ),
      ),
    ).toEqual([
      at("ProxyDefaults", "global", "metrics.example.com (cannot be placed)"),
      at(
        "ProxyDefaults",
        "global",
        "the Envoy configuration of envoy_extra_static_clusters_json (cannot be placed)",
      ),
    ]);
    expect(
      judged(
        onCluster(
          consul("ServiceDefaults", "orders", {
            protocol: "http",
            envoyExtensions: [
              {
                name: "builtin/aws/lambda",
                arguments: { ARN: "arn:aws:lambda:eu-west-1:123456789012:function:orders" },
              },
            ],
          }),
        ),
      ),
    ).toEqual([
      at("ServiceDefaults", "orders", "the Envoy extensions' servers (cannot be placed)"),
    ]);
    // Twin: a sink of the cluster and the proxies' own settings pass.
    expect(
      judged(
        onCluster(
          defaults({
            config: {
              protocol: "http",
              envoy_dogstatsd_url: "udp://10.0.0.9:8125",
              local_connect_timeout_ms: 1000,
            },
            meshGateway: { mode: "local" },
          }),
        ),
      ),
    ).toEqual([]);
  });

  // The xc71 bench: Consul's documented flow declares the external service's address (a
  // ServiceDefaults destination or a Registration) beside the terminating gateway that reaches it.
  test("a terminating gateway's service is placed by the object of its cluster that gives its address", () => {
    const gateway = consul("TerminatingGateway", "egress", {
      services: [{ name: "billing-api" }, { name: "legacy-db" }],
    });
    const billing = (address: string) =>
      consul("ServiceDefaults", "billing-api", {
        protocol: "http",
        destination: { addresses: [address], port: 443 },
      });
    const legacy = consul("Registration", "legacy-db", {
      node: "legacy",
      address: "10.9.0.7",
      service: { name: "legacy-db", address: "10.9.0.7", port: 5432 },
    });
    const stackWide = (resources: readonly OracleResource[]) =>
      findingsOf(resources, ["kubernetes-egress", "named-destinations"]);
    expect(stackWide(onCluster(gateway, billing("10.20.7.5"), legacy))).toEqual([]);
    // The address abroad is the destination's own finding, not the gateway's.
    expect(stackWide(onCluster(gateway, billing("203.0.113.50"), legacy))).toEqual([
      at("ServiceDefaults", "billing-api", "203.0.113.50 (external service)"),
    ]);
    // A service whose address no object of the stack gives cannot be placed: named-destinations
    // fails it closed.
    expect(stackWide(onCluster(gateway, legacy))).toEqual([
      [
        "named-destinations",
        "egress",
        "mandatory",
        ['k8s terminatinggateway "egress"', 'the catalog service "billing-api" (cannot be placed)'],
      ],
    ]);
    expect(messagesOf("named-destinations", onCluster(gateway, legacy))).toEqual([
      'k8s terminatinggateway "egress" must reach only services outside the mesh at private or allowlisted addresses, or ones the pack places inside the jurisdiction, but spec.services[0].name names the catalog service "billing-api", a service of the Consul catalog, whose address this object does not hold, and no ServiceDefaults destination or Registration of its cluster gives its address: the mesh sends the requests of the services that call it there, through its terminating gateway. Name an address inside the jurisdiction — a private address or a host name listed in egressHosts with a reason — or add the address to the egress allowlist, or give the service its address inside with a ServiceDefaults destination or a Registration.',
    ]);
  });

  // The xc71 bench: the upstream's escape hatches, a registered check run by consul-esm, and the
  // node-local statsd sinks of Consul's and Datadog's documented set-ups.
  test("an upstream's raw Envoy configuration fails closed; a registered check is judged as its target", () => {
    const cluster = JSON.stringify({ name: "payments", load_assignment: { endpoints: [] } });
    expect(
      judged(
        onCluster(
          consul("ServiceDefaults", "web", {
            protocol: "http",
            upstreamConfig: {
              overrides: [{ name: "payments", envoyClusterJSON: cluster }],
              defaults: { envoyListenerJSON: "{}" },
            },
          }),
        ),
      ),
    ).toEqual(
      sorted([
        at(
          "ServiceDefaults",
          "web",
          "the Envoy configuration of envoyClusterJSON (cannot be placed)",
        ),
        at(
          "ServiceDefaults",
          "web",
          "the Envoy configuration of envoyListenerJSON (cannot be placed)",
        ),
      ]),
    );
    const registration = (definition: Record<string, unknown>) =>
      consul("Registration", "legacy-db", {
        node: "legacy",
        address: "10.9.0.7",
        service: { name: "legacy-db", address: "10.9.0.7", port: 5432 },
        check: { name: "db", checkId: "db-check", status: "passing", definition },
      });
    expect(
      judged(onCluster(registration({ http: "https://status.example.com/check", method: "POST" }))),
    ).toEqual([at("Registration", "legacy-db", "status.example.com (cannot be placed)")]);
    expect(judged(onCluster(registration({ grpc: "203.0.113.9:8502/health" })))).toEqual([
      at("Registration", "legacy-db", "203.0.113.9 (health check target)"),
    ]);
    expect(
      judged(onCluster(registration({ tcp: "10.9.0.7:5432", intervalDuration: "10s" }))),
    ).toEqual([]);
  });

  test("a statsd sink on the node — its socket, or ${HOST_IP} — passes", () => {
    for (const url of ["udp://${HOST_IP}:8125", "unix:///var/run/datadog/dsd.socket"]) {
      expect([
        url,
        judged(
          onCluster(consul("ProxyDefaults", "global", { config: { envoy_dogstatsd_url: url } })),
        ),
      ]).toEqual([url, []]);
    }
  });

  test("the kinds that route, authorise and expose inside the mesh pass, reviewed", () => {
    const inside = [
      consul("ServiceRouter", "orders", {
        routes: [{ match: { http: { pathPrefix: "/v2" } }, destination: { service: "orders-v2" } }],
      }),
      consul("ServiceSplitter", "orders", {
        splits: [{ weight: 90 }, { weight: 10, service: "orders-v2" }],
      }),
      consul("ServiceIntentions", "orders", {
        destination: { name: "orders" },
        sources: [{ name: "web", action: "allow" }],
      }),
      consul("Mesh", "mesh", { transparentProxy: { meshDestinationsOnly: true } }),
      consul("IngressGateway", "ingress", {
        listeners: [{ port: 8080, protocol: "http", services: [{ name: "web" }] }],
      }),
      consul("JWTProvider", "auth0", {
        jsonWebKeySet: { remote: { uri: "https://login.example.cn/.well-known/jwks.json" } },
      }),
    ];
    expect(judged(onCluster(...inside))).toEqual([]);
  });
});
