/**
 * The review of the container image packages' resource types, @pulumi/docker and
 * @pulumi/docker-build (policy/review/model.ts).
 *
 * No resource of theirs has a region. What they create lives on the Docker daemon their provider
 * talks to — the deploying machine's own unless the provider's `host` names another, which
 * resource-placement judges on the provider — and an image goes wherever it is pushed. The image
 * builds and pushes (docker-build's Image and Index, docker's Image and RegistryImage) are rows
 * of the transfers table (policy/paths/types/transfers.ts, registry-replication): every registry
 * tag pushed, every registry, bucket or cache service a build cache is exported to, and a build on
 * Docker Build Cloud. The other place-naming inputs of those rows name no place data goes to,
 * read below. A volume is a row of the remote-sites table: on the daemon's disk, or on the server
 * of the network filesystem it mounts; so is a container, whose traffic leaves through its daemon
 * host's network (judged on the host's own resources), with what its log driver, the volumes it
 * creates and its DNS servers send elsewhere (log-shipping, remote-sites), and a network, on the
 * host unless its driver is an overlay of the swarm's nodes or a plugin (remote-sites). Of the
 * rest, what only lives on the daemon is regional (the provider decides); swarm services,
 * plugins and remote builders can send data wherever the swarm's nodes, the plugin or the builder
 * do, which the pack does not model: reviewed first, they fail closed until a stack allows them.
 */
import type { ProviderReview } from "./model";

/** What an image build reads in and never sends anything to. */
const inbound: ProviderReview["properties"] = [
  {
    path: /^(context\.location|context\.named\.location|dockerfile\.location|build\.remoteContext)$/,
    reading: "not-a-place",
    reason:
      "the folder, file or URL the build reads its context or Dockerfile from: files of the machine that builds, or a repository fetched in — nothing is sent there",
  },
  {
    path: /^(cacheFrom\[\]\.|build\.cacheFrom\.images\[\]$)/,
    reading: "not-a-place",
    reason:
      "a cache or image the build reads layers from: data comes in, none goes out (where the build writes its cache is cacheTo, read by registry-replication)",
  },
  {
    path: /^cacheTo\[\]\.s3\.bucket$/,
    reading: "not-a-place",
    reason:
      "the name of the bucket the build cache is written to: where that bucket lies is the region beside it (or the endpoint that names the store), which registry-replication reads",
  },
  {
    path: /(^|\.)(dest|target)$/,
    types:
      /^docker-build:index:Image$|^docker:index\/(image:Image|registryImage:RegistryImage|remoteImage:RemoteImage)$/,
    reading: "not-a-place",
    reason:
      "a path on the machine that builds (an export or cache written to its disk) or the name of a build stage: no place",
  },
  {
    path: /^(addHosts\[\]|build\.addHosts\[\]|build\.extraHosts\[\])$/,
    reading: "not-a-place",
    reason:
      "host-to-address entries the build's own steps resolve names with: what those steps send is the Dockerfile's, not the program's",
  },
  {
    path: /^(registries\[\]\.address|registry\.address|registry\.server|authConfig\.address|build\.authConfigs\[\]\.(email|hostName|serverAddress))$/,
    reading: "not-a-place",
    reason:
      "the registry a credential signs in to: an image is pushed only where a tag or name of its own names (read by registry-replication), pulled from where its references name",
  },
];

/** A Docker container's type token. */
const containerType = /^docker:index\/container:Container$/;

/**
 * A container's inputs that name places on its daemon host or on the host's networks, and the
 * image it pulls; what it sends elsewhere (its log driver, the volumes it creates, its DNS
 * servers) is read by its row (policy/paths/types/remote-sites.ts).
 */
const container: ProviderReview["properties"] = [
  {
    path: /^(devices\[\]\.hostPath|volumes\[\]\.hostPath|uploads\[\]\.owner)$/,
    types: containerType,
    reading: "not-a-place",
    reason:
      "a device, a folder or a file owner of the daemon host the container runs on: the data stays on that host",
  },
  {
    path: /^(hostname|networksAdvanced\[\]\.(ipv4Address|ipv6Address|linkLocalIps\[\]|macAddress))$/,
    types: containerType,
    reading: "not-a-place",
    reason:
      "the container's own name and addresses on the daemon's networks, through which its traffic leaves by the daemon host's network (judged on the host's own resources)",
  },
  {
    path: /^mounts\[\]\.target$/,
    types: containerType,
    reading: "not-a-place",
    reason:
      "the path inside the container a mount appears at; where the mount keeps its data is its source or volume options, read by the container's row",
  },
  {
    path: /^ports\[\]\.ip$/,
    types: containerType,
    reading: "not-a-place",
    reason:
      "the daemon host's own address a port is published on: who can reach it is decided by the host's network, judged on the host's own resources",
  },
  {
    path: /^hosts\[\]\.(host|ip)$/,
    types: containerType,
    reading: "not-a-place",
    reason:
      "host-to-address entries the container's own code resolves names with: nothing is sent by them, and what that code sends is the image's, not the program's",
  },
  {
    path: /^image$/,
    types: containerType,
    reading: "arn-locality",
    reason:
      "the image the daemon pulls the container from: arn-locality places a cloud registry's host (ECR, Container Registry) by its region, as for a Kubernetes pod; a pull brings software in and sends none of the stack's data out",
  },
];

/** A Docker network's own address plan, which its row does not need (it reads the driver). */
const network: ProviderReview["properties"] = [
  {
    path: /^ipamConfigs\[\]\.(auxAddress|gateway|ipRange|subnet)$/,
    types: /^docker:index\/network:Network$/,
    reading: "not-a-place",
    reason:
      "the addresses the network hands its containers and its gateway's: where its traffic goes is its driver's, read by its row",
  },
];

/** Types that live only on the provider's Docker daemon and send nothing elsewhere. */
const onTheDaemon = {
  class: "regional",
  reason:
    "lives on the Docker daemon its provider talks to (the deploying machine's, unless the provider's host names another, which resource-placement judges) and sends nothing elsewhere",
} as const;

export const dockerReview: ProviderReview = {
  properties: [...inbound, ...container, ...network],
  types: [
    {
      ...onTheDaemon,
      types: ["docker:index/secret:Secret", "docker:index/serviceConfig:ServiceConfig"],
    },
    {
      class: "regional",
      reason:
        "pulls an image into (or builds it on) the Docker daemon its provider talks to, or tags one there: images come in, nothing is pushed",
      types: ["docker:index/remoteImage:RemoteImage", "docker:index/tag:Tag"],
    },
  ],
  reviewFirst: [
    {
      prefix: "docker:",
      reason:
        "a swarm service (on every node of the swarm), a plugin (a volume, network or log driver) or a buildx builder (a remote endpoint) can send data wherever its nodes, driver or builder do, which the pack does not model",
    },
  ],
};

export const dockerBuildReview: ProviderReview = {
  properties: inbound,
  types: [],
  reviewFirst: [],
};
