/**
 * Consul on Kubernetes (`consul.hashicorp.com` `v1alpha1`), as kubernetes-egress reads it: the
 * kinds that send a service mesh's traffic beyond the cluster, to other Consul datacenters,
 * cluster peers, the members of sameness groups or services outside the mesh.
 *
 * - Named only, so the pack cannot place them: a ServiceResolver's redirect and failover to a
 *   datacenter, peer or sameness group; an ExportedServices' consumers that are peers or sameness
 *   groups (an admin partition is of the same datacenter); a SamenessGroup's peer members; a
 *   MeshService of a peer; a PeeringDialer or PeeringAcceptor, whose peer the token in a Secret
 *   names; a TerminatingGateway's service, unless the ServiceDefaults destination or Registration
 *   of its cluster that gives its address is in the stack (`catalogNames`, judged over the stack
 *   by named-destinations, paths/mesh-hosts.ts).
 * - Written in the object, so placed as any address: a ServiceDefaults' `destination.addresses`
 *   (an external service reached through a terminating gateway), a Registration's node and
 *   service addresses and its health check's target (consul-esm runs the check from the
 *   cluster); a ProxyDefaults' statsd sinks (`envoy_statsd_url`, `envoy_dogstatsd_url`; one on
 *   the node, its socket or `${HOST_IP}`, passes).
 * - Not read, so failed closed: raw Envoy configuration in a ProxyDefaults' `config`
 *   (`envoy_*_json`: extra clusters, tracing, stats sinks, listeners) or an upstream's
 *   (`envoyClusterJSON`, `envoyListenerJSON` of a ServiceDefaults' `upstreamConfig`), and the
 *   Envoy extensions of ServiceDefaults and ProxyDefaults (a Lambda function, an external
 *   authorizer or processor, OpenTelemetry access logs), whose arguments name their servers.
 *
 * Kinds and fields as consul-k8s's API types define them (policy/reviewed.ts
 * `customResourceReferences`); the kinds that route, split, authorise or expose inside the mesh
 * are reviewed there.
 */
import type { EgressAllowEntry } from "../framework";
import {
  type DestinationField,
  type DestinationFinding,
  type DestinationWords,
  readDestination,
  unplaced,
} from "./kubernetes";
import type { BorderResource } from "./model";
import { str, valueAt } from "./values";

const meshWords: DestinationWords = {
  must: "keep the mesh's traffic inside Consul datacenters and peers the pack can place inside the jurisdiction",
  how: "Consul sends the service's requests, and the data they carry, to the services of that datacenter, peer or group",
  fix: "Route only to services of this cluster or to addresses inside the jurisdiction, or, once you have confirmed where that datacenter, peer or group runs, waive this finding with that evidence",
};

const exportWords: DestinationWords = {
  must: "export services only to Consul peers and groups the pack can place inside the jurisdiction",
  how: "the peer's or group's services may call the exported service, and its answers carry the service's data there",
  fix: "Export only to partitions of this datacenter, or, once you have confirmed where that peer or group runs, waive this finding with that evidence",
};

const peeringWords: DestinationWords = {
  must: "peer the cluster only with Consul clusters the pack can place inside the jurisdiction",
  how: "a peering lets the services each side exports be called from the other, their data crossing the peering",
  fix: "Peer only with clusters inside the jurisdiction and, once you have confirmed where the peer runs, waive this finding with that evidence",
};

const externalWords: DestinationWords = {
  must: "reach only services outside the mesh at private or allowlisted addresses, or ones the pack places inside the jurisdiction",
  how: "the mesh sends the requests of the services that call it there, through its terminating gateway",
  fix: "Name an address inside the jurisdiction — a private address or a host name listed in egressHosts with a reason — or add the address to the egress allowlist",
};

const proxyWords: DestinationWords = {
  must: "send the proxies' telemetry and traffic only to servers the pack can place inside the jurisdiction",
  how: "every sidecar and gateway proxy of the mesh sends there what the setting configures",
  fix: "Send to a Service of the cluster or a private address (a relay there can forward what may leave), or, once you have reviewed where the configuration sends, waive this finding with that evidence",
};

const checkWords: DestinationWords = {
  must: "run health checks only against servers the pack can place inside the jurisdiction",
  how: "consul-esm sends the check from the cluster at every interval, with the headers and body it names",
  fix: "Check a Service of the cluster or a private address, or add the target's address to the egress allowlist, or its host name to egressHosts, with a reason",
};

/** What a Consul name names, for messages: why the pack cannot place it. */
const nameWhy: Readonly<Record<string, string>> = {
  datacenter: "another Consul datacenter, which the pack cannot place",
  peer: "a Consul cluster peered with this one, which the pack cannot place",
  "sameness group": "a group of Consul partitions and peers whose members the pack cannot place",
  "catalog service": "a service of the Consul catalog, whose address this object does not hold",
};

/**
 * A datacenter, peer, sameness group or catalog service named by `f`: a place the pack cannot
 * name by itself — a catalog service's address may be given by another object of the stack
 * (`catalogNames`), so its name is kept as the finding's host.
 */
function consulNameDestinations(f: DestinationField, value: unknown): DestinationFinding[] {
  const name = str(value);
  if (name === undefined || name === "") {
    return [];
  }
  return [
    {
      ...unplaced(
        `names the ${f.what} ${JSON.stringify(name)}, ${nameWhy[f.what] ?? "which the pack cannot place"}`,
        `the ${f.what} ${JSON.stringify(name)}`,
      ),
      ...(f.catalogService === true ? { host: name } : {}),
    },
  ];
}

/** The kinds that give a service of the Consul catalog its address. */
const [serviceDefaultsType, registrationType] = ["ServiceDefaults", "Registration"].map(
  (k) => `kubernetes:consul.hashicorp.com/v1alpha1:${k}`,
);
export const catalogTypes: readonly string[] = [serviceDefaultsType, registrationType];

/**
 * The catalog services an object gives an address (`catalogNames`): a ServiceDefaults with a
 * `destination` (an external service a terminating gateway reaches) its own name, a Registration
 * the name of the service it registers. Its addresses are judged on it; the gateway's cluster
 * must be the object's (paths/mesh-hosts.ts).
 */
export function catalogNames(r: Pick<BorderResource, "type" | "props">): string[] {
  const name =
    r.type === serviceDefaultsType && valueAt(r.props, "spec.destination") !== undefined
      ? valueAt(r.props, "metadata.name")
      : r.type === registrationType
        ? valueAt(r.props, "spec.service.name")
        : undefined;
  return typeof name === "string" ? [name] : [];
}

/** Keys of a ProxyDefaults' `config` that name a statsd sink by URL. */
const statsdKeys = ["envoy_statsd_url", "envoy_dogstatsd_url"];

/**
 * A ProxyDefaults' `config`: its statsd sinks placed by their URLs, and each raw Envoy
 * configuration (`envoy_*_json`) unread and so unplaced; the other keys (protocol, timeouts,
 * balancing) configure the proxies in place.
 */
function proxyConfigDestinations(
  f: DestinationField,
  config: Readonly<Record<string, unknown>>,
  allowlist: readonly EgressAllowEntry[],
  j: string,
): DestinationFinding[] {
  return Object.entries(config).flatMap(([key, value]): DestinationFinding[] => {
    if (statsdKeys.includes(key)) {
      const url = str(value);
      // A sink on the node: its socket, or the node's own address, which Consul fills into
      // `${HOST_IP}` (the Datadog agent's documented set-ups).
      if (
        url !== undefined &&
        (/^unix:\/\//.test(url) || /^udp:\/\/\$\{HOST_IP\}(:\d+)?\/?$/.test(url))
      ) {
        return [];
      }
      return url === undefined
        ? [{ ...unplaced(`is not a URL the pack can read`, `a statsd sink`), at: key }]
        : readDestination(
            { ...f, read: "request-url", what: "statsd sink" },
            url,
            allowlist,
            j,
          ).map((d) => ({ ...d, at: key }));
    }
    if (/^envoy_.*_json$/.test(key)) {
      return [
        {
          ...unplaced(
            "holds raw Envoy configuration, whose clusters and sinks the pack does not read",
            `the Envoy configuration of ${key}`,
          ),
          at: key,
        },
      ];
    }
    return [];
  });
}

const extensionsField = (what: string): DestinationField => ({
  path: "spec.envoyExtensions",
  what,
  read: "unseen",
  words: proxyWords,
  unseen: {
    why: "runs Envoy extensions whose arguments name their servers — a Lambda function, an external authorizer or processor, an OpenTelemetry collector — which the pack does not read",
    place: "the Envoy extensions' servers (cannot be placed)",
  },
});

const name = (path: string, what: string, words = meshWords): DestinationField => ({
  path,
  what,
  read: "consul-name",
  words,
  ...(what === "catalog service" ? { catalogService: true as const } : {}),
});

const kind = (kindName: string) =>
  new RegExp(`^kubernetes:consul\\.hashicorp\\.com\\/v1alpha1:${kindName}$`);

/** The destination fields of Consul's kinds (objects, Patches; Lists under `items[]`). */
export const consulFields: ReadonlyArray<readonly [RegExp, readonly DestinationField[]]> = [
  [
    kind("ServiceResolver"),
    [
      name("spec.redirect.datacenter", "datacenter"),
      name("spec.redirect.peer", "peer"),
      name("spec.redirect.samenessGroup", "sameness group"),
      name("spec.failover.*.datacenters[]", "datacenter"),
      name("spec.failover.*.targets[].datacenter", "datacenter"),
      name("spec.failover.*.targets[].peer", "peer"),
      name("spec.failover.*.samenessGroup", "sameness group"),
    ],
  ],
  [
    kind("ExportedServices"),
    [
      name("spec.services[].consumers[].peer", "peer", exportWords),
      name("spec.services[].consumers[].samenessGroup", "sameness group", exportWords),
    ],
  ],
  [kind("SamenessGroup"), [name("spec.members[].peer", "peer")]],
  [kind("MeshService"), [name("spec.peer", "peer")]],
  [kind("TerminatingGateway"), [name("spec.services[].name", "catalog service", externalWords)]],
  ...(["PeeringDialer", "PeeringAcceptor"] as const).map(
    (k) =>
      [
        kind(k),
        [
          {
            path: "kind",
            what: "peer",
            read: "unseen",
            words: peeringWords,
            unseen: {
              why:
                k === "PeeringDialer"
                  ? "is a peering this cluster dials, to the Consul servers its peering token (in a Secret) names, which the pack does not read"
                  : "is a peering this cluster accepts, from whichever Consul cluster redeems its token",
              place: "the peered Consul cluster (cannot be placed)",
            },
          },
        ],
      ] as const,
  ),
  [
    kind("ServiceDefaults"),
    [
      {
        path: "spec.destination.addresses[]",
        what: "external service",
        read: "address",
        words: externalWords,
      },
      extensionsField("Envoy extension"),
      ...["upstreamConfig.defaults", "upstreamConfig.overrides[]"].flatMap((at) =>
        ["envoyClusterJSON", "envoyListenerJSON"].map((key): DestinationField => ({
          path: `spec.${at}.${key}`,
          what: "upstream's Envoy configuration",
          read: "unseen",
          words: proxyWords,
          unseen: {
            why: "holds raw Envoy configuration that replaces how the proxies reach the upstream, whose clusters the pack does not read",
            place: `the Envoy configuration of ${key} (cannot be placed)`,
          },
        })),
      ),
    ],
  ],
  [
    kind("ProxyDefaults"),
    [
      {
        path: "spec.config",
        what: "proxy setting",
        read: "consul-proxy-config",
        words: proxyWords,
      },
      extensionsField("Envoy extension"),
    ],
  ],
  [
    kind("Registration"),
    [
      { path: "spec.address", what: "external node", read: "address", words: externalWords },
      {
        path: "spec.service.address",
        what: "external service",
        read: "address",
        words: externalWords,
      },
      // consul-esm runs a registered service's health check from the cluster, an HTTP check
      // with its method, headers and body.
      {
        path: "spec.check.definition.http",
        what: "health check target",
        read: "request-url",
        words: checkWords,
      },
      // `host:port`, a gRPC check's with `/service` after it.
      ...(["tcp", "udp", "grpc"] as const).map((k): DestinationField => ({
        path: `spec.check.definition.${k}`,
        what: "health check target",
        read: "address",
        words: checkWords,
      })),
    ],
  ],
];

/** The readings of this module's fields of one object, by their `read` (paths/operators.ts). */
export const consulReadings = { "consul-proxy-config": proxyConfigDestinations } as const;

/** The reading of a value that is not one object (a name). */
export const consulValueReadings = {
  "consul-name": (f: DestinationField, value: unknown) => consulNameDestinations(f, value),
} as const;
