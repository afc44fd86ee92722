/**
 * The application networks that join a cluster to clusters elsewhere, as kubernetes-egress reads
 * them: a link of one is a data path out of the cluster — both ways — to wherever the far end
 * runs, so the far end is the destination.
 *
 * - Skupper (`skupper.io` `v2alpha1`): a `Link` joins the site of its namespace to the remote
 *   sites whose routers its `endpoints[].host` name, and every service a Connector of either
 *   site exposes becomes reachable from the other; an `AccessToken` is redeemed at the grant
 *   service its `url` names for a link to that remote site; an `AccessGrant` lets whoever holds
 *   one of its tokens link a site of theirs to this one — sites the program does not name, which
 *   the pack cannot place; a `Connector` with a `host` sends the network's connections to that
 *   server rather than to pods of the site.
 * - Linkerd's multicluster extension (`multicluster.linkerd.io`): a `Link` mirrors the services of
 *   the target cluster into this one and sends their traffic to the target's gateway
 *   (`gatewayAddress`, comma-separated); with no gateway (remote discovery on a flat network),
 *   pods of this cluster connect to the target's pods directly, which the Link does not place.
 *   The credentials Secret it names is judged where the program declares it (a Secret of type
 *   `mirror.linkerd.io/remote-kubeconfig`, paths/kubernetes.ts), by its API server.
 *
 * - Submariner (`submariner.io` `v1alpha1`): a `Submariner` joins the cluster to the cluster set
 *   of the broker its `brokerK8sApiServer` names — the broker gets the cluster's endpoints and
 *   exported services, and the gateway tunnels pod and service traffic to the gateways of every
 *   other cluster that joins that broker, which the program does not name; a `ServiceDiscovery`
 *   (Lighthouse) syncs the exported services to the broker and resolves the cluster set's names.
 * - The Multi-Cluster Services API (`multicluster.x-k8s.io`, which Submariner, GKE, AWS's Cloud Map
 *   controller and Cilium's cluster mesh implement): a `ServiceExport` makes the Service of its name
 *   reachable from every cluster of the cluster set; a `ServiceImport` sends the requests of the
 *   pods that call it to the clusters that export it. The set's members cannot be placed.
 *
 * Kinds and fields as the projects' CRDs define them (policy/reviewed.ts
 * `customResourceReferences`); they publish no models, so every reading fails closed.
 */
import type { EgressAllowEntry } from "../framework";
import {
  type DestinationField,
  type DestinationFinding,
  type DestinationWords,
  readDestination,
  unplaced,
} from "./kubernetes";
import { str } from "./values";

const skupperLinkWords: DestinationWords = {
  must: "link its Skupper site only to sites at private or allowlisted addresses, or ones the pack places inside the jurisdiction",
  how: "a link carries every connection between the sites' listeners and connectors, both ways, so the services of either site are reachable from the other",
  fix: "Link only to sites inside the jurisdiction — at a private address or a host name listed in egressHosts with a reason — or add the router's address to the egress allowlist",
};

const skupperTokenWords: DestinationWords = {
  must: "redeem Skupper access tokens only at grant services of sites at private or allowlisted addresses, or ones the pack places inside the jurisdiction",
  how: "redeeming the token links this site to the site that issued it, and the link carries the connections of both sites' services, both ways",
  fix: "Redeem tokens only of sites inside the jurisdiction — at a private address or a host name listed in egressHosts with a reason — or add the grant service's address to the egress allowlist",
};

const skupperGrantWords: DestinationWords = {
  must: "admit links only from Skupper sites the pack can place inside the jurisdiction",
  how: "a site that redeems one of its tokens links to this one, and the services this site's connectors expose become reachable from there",
  fix: "Issue access tokens only to sites inside the jurisdiction and, once you have confirmed where every site that redeems them runs, waive this finding with that evidence; or link from this site to the others with a Link or AccessToken, which the pack places",
};

const skupperConnectorWords: DestinationWords = {
  must: "connect the Skupper network only to servers of the cluster, at private or allowlisted addresses",
  how: "the site's router sends the connections of every listener of the network with its routing key to that server",
  fix: "Select pods of the site (selector) or name a Service of the cluster or a private address, or add the server's address to the egress allowlist, or its host name to egressHosts, with a reason",
};

const submarinerWords: DestinationWords = {
  must: "join the cluster only to cluster sets whose broker and members the pack places inside the jurisdiction",
  how: "the broker learns the cluster's endpoints and exported services, and the gateway carries pod and service traffic to every cluster that joins it",
  fix: "Join only a broker inside the jurisdiction — at a private address or a host name listed in egressHosts with a reason — and, once you have confirmed where every cluster of its set runs, waive the cluster set's finding with that evidence",
};

const clusterSetWords: DestinationWords = {
  must: "share services only with clusters the pack can place inside the jurisdiction",
  how: "the cluster set's members call the exported Service, or serve the imported one, across the set's connections",
  fix: "Keep the Service inside the cluster, or, once you have confirmed where every cluster of the set runs, waive this finding with that evidence",
};

const linkerdLinkWords: DestinationWords = {
  must: "link the cluster only to clusters whose gateways are at private or allowlisted addresses, or ones the pack places inside the jurisdiction",
  how: "Linkerd mirrors the target cluster's exported services into this one and sends their traffic to that cluster, through its gateway or to its pods directly",
  fix: "Link only to clusters inside the jurisdiction — a gateway at a private address or a host name listed in egressHosts with a reason — or add the gateway's address to the egress allowlist",
};

/**
 * A Linkerd Link's spec: each gateway address a destination; with none, the target's pods are
 * reached directly (remote discovery), at addresses the Link does not hold.
 */
function linkerdLinkDestinations(
  f: DestinationField,
  spec: Readonly<Record<string, unknown>>,
  allowlist: readonly EgressAllowEntry[],
  j: string,
): DestinationFinding[] {
  const gateway = str(spec.gatewayAddress);
  const addresses = (gateway ?? "")
    .split(",")
    .map((a) => a.trim())
    .filter((a) => a !== "");
  if (addresses.length === 0) {
    const target = str(spec.targetClusterName);
    return [
      unplaced(
        "names no gateway address (gatewayAddress), so the services it mirrors are reached at the target cluster's pods directly (remote discovery), which the pack cannot place",
        target === undefined ? "the target cluster" : `the cluster ${JSON.stringify(target)}`,
      ),
    ];
  }
  return addresses.flatMap((a) =>
    readDestination({ ...f, read: "address" }, a, allowlist, j).map((d) => ({
      ...d,
      at: "gatewayAddress",
    })),
  );
}

/** The destination fields of these kinds (objects, Patches; Lists under `items[]`). */
export const interconnectFields: ReadonlyArray<readonly [RegExp, readonly DestinationField[]]> = [
  [
    /^kubernetes:skupper\.io\/v2alpha1:Link$/,
    [
      {
        path: "spec.endpoints[].host",
        what: "remote site's router",
        read: "address",
        // The site's router, a pod, resolves it through the cluster's search path.
        searchPath: true,
        words: skupperLinkWords,
      },
    ],
  ],
  [
    /^kubernetes:skupper\.io\/v2alpha1:AccessToken$/,
    [
      {
        path: "spec.url",
        what: "remote site's grant service",
        read: "request-url",
        words: skupperTokenWords,
      },
    ],
  ],
  [
    /^kubernetes:skupper\.io\/v2alpha1:AccessGrant$/,
    [
      {
        // Every object names its kind (its metadata and spec may be left out): the grant admits
        // sites whatever its spec says.
        path: "kind",
        what: "sites that redeem its tokens",
        read: "unseen",
        words: skupperGrantWords,
        unseen: {
          why: "is an access grant, which lets whoever redeems one of its tokens link a site the program does not name to this one",
          place: "the sites that redeem its tokens (cannot be placed)",
        },
      },
    ],
  ],
  [
    /^kubernetes:skupper\.io\/v2alpha1:Connector$/,
    [
      {
        path: "spec.host",
        what: "server",
        read: "service-address",
        words: skupperConnectorWords,
      },
    ],
  ],
  [
    /^kubernetes:submariner\.io\/v1alpha1:Submariner$/,
    [
      {
        path: "spec.brokerK8sApiServer",
        what: "broker",
        read: "service-address",
        words: submarinerWords,
      },
      {
        path: "kind",
        what: "cluster set",
        read: "unseen",
        words: submarinerWords,
        unseen: {
          why: "is a Submariner gateway, which tunnels the cluster's pod and service traffic to the gateways of every cluster that joins its broker, clusters the program does not name",
          place: "the clusters of the broker's cluster set (cannot be placed)",
        },
      },
    ],
  ],
  [
    /^kubernetes:submariner\.io\/v1alpha1:ServiceDiscovery$/,
    [
      {
        path: "spec.brokerK8sApiServer",
        what: "broker",
        read: "service-address",
        words: submarinerWords,
      },
    ],
  ],
  [
    /^kubernetes:multicluster\.x-k8s\.io\/(v1alpha1|v1beta1):ServiceExport$/,
    [
      {
        path: "kind",
        what: "cluster set",
        read: "unseen",
        words: clusterSetWords,
        unseen: {
          why: "is a service export, which makes the Service of its name answer every cluster of the cluster set, clusters the program does not name",
          place: "the clusters of the cluster set (cannot be placed)",
        },
      },
    ],
  ],
  [
    /^kubernetes:multicluster\.x-k8s\.io\/(v1alpha1|v1beta1):ServiceImport$/,
    [
      {
        path: "kind",
        what: "cluster set",
        read: "unseen",
        words: clusterSetWords,
        unseen: {
          why: "is a service import, whose callers send their requests to the clusters of the cluster set that export it, clusters the program does not name",
          place: "the clusters of the cluster set (cannot be placed)",
        },
      },
    ],
  ],
  [
    /^kubernetes:multicluster\.linkerd\.io\/v1alpha[123]:Link$/,
    [{ path: "spec", what: "gateway", read: "linkerd-link", words: linkerdLinkWords }],
  ],
];

/** The readings of this module's fields of one object, by their `read` (paths/operators.ts). */
export const interconnectReadings = { "linkerd-link": linkerdLinkDestinations } as const;

/** The settings a Link's reading weighs: where it sends, not its selectors or probes. */
export const interconnectWeighs: Readonly<Record<string, readonly string[]>> = {
  "linkerd-link": ["gatewayAddress", "targetClusterName"],
};
