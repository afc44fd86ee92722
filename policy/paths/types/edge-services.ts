/**
 * Global edge services in front of the stack's data (shared/research/data-paths.md §3 and §4
 * "CDN / edge", "Global accelerator", "Anycast EIP", object-storage acceleration): transfer
 * acceleration carries a bucket's objects over the provider's global network, so clients anywhere
 * reach them through edge locations abroad; CDNs cache and serve content from points of presence
 * worldwide (or, for Alibaba Cloud, in the service area their scope names); accelerators and
 * anycast addresses announce the service from edge locations abroad; edge KV stores replicate
 * their keys to edge nodes and edge code runs there. Every edge is owned by `global-services`,
 * which reports it from the resource alone.
 *
 * Only a bucket starts a path through these edges yet: an edge store is not a store of the graph
 * while nothing explains the placement of a global service itself. A CloudFront distribution's
 * origins are drawn (`cdnOrigin`, remote-sites): where it forwards its viewers' requests; an
 * accelerator's endpoints are not. A bucket's own acceleration switch is a field of its row
 * in the storage table, declared here (`bucketAcceleration`) so both read one definition.
 */
import { link } from "./common";
import type { EdgeLabel, FieldSpec, GlobalReader, TypeModel, TypeTable } from "../model";
import {
  ddosScrubbing,
  healthCheckers,
  publicZone,
  cognitoCustomDomain,
  pushChannel,
  pushPlatform,
} from "./global-reach";
import { bucketTypes, withLogs } from "./exposure";
import { edgesOf } from "./rows";
import { isTrue, isUnknown, valueAt } from "../values";
import { ossAccelerationNetwork, s3AccelerationNetwork } from "../../../residency/placement";

/** A `global` field: when `reaches` holds, the data goes over the edge network `farSide`. */
function reach(
  label: EdgeLabel,
  path: string,
  reaches: FieldSpec["reaches"],
  farSide: string,
  verb: string,
  extra: Partial<FieldSpec> = {},
): FieldSpec {
  return {
    path,
    format: "global",
    label,
    policy: "global-services",
    verb,
    reaches,
    farSide,
    ...extra,
  };
}

const ossNetwork = ossAccelerationNetwork;
const s3Network = s3AccelerationNetwork;
const ossVerb =
  "is true: clients anywhere reach the bucket through the global acceleration network";
const s3Verb = 'is "Enabled": clients anywhere reach the bucket through edge locations';
const ossOn = (path: string, extra?: Partial<FieldSpec>) =>
  reach("transfer acceleration", path, "true", ossNetwork, ossVerb, extra);
const s3On = (path: string, extra?: Partial<FieldSpec>) =>
  reach("transfer acceleration", path, { equals: "Enabled" }, s3Network, s3Verb, extra);

/** The acceleration switch of each bucket type (the storage table's bucket rows declare it). */
export const bucketAcceleration = {
  "alicloud:oss/bucket:Bucket": ossOn("transferAcceleration.enabled"),
  "aws:s3/bucket:Bucket": s3On("accelerationStatus"),
  "aws:s3/bucketV2:BucketV2": s3On("accelerationStatus"),
} as const satisfies Record<string, FieldSpec>;

/** The fix global-services appends for a bucket's own switch. */
export const accelerationFix = "Turn transfer acceleration off.";

/** A row of one or more `global` fields. */
const row = (fix: string, ...fields: FieldSpec[]): TypeModel => ({
  role: "other",
  fields,
  fix,
});

const edgeFix = "Serve the data from regional, private endpoints inside the jurisdiction.";
const pushFix = "Notify users through channels inside the jurisdiction instead of mobile push.";
const cloudFront = "CloudFront edge locations";
const alibabaCdn = "Alibaba Cloud CDN points of presence";
const esa = "ESA edge nodes";
const dcdn = "DCDN edge nodes";
const always = (path: string, farSide: string, verb: string) =>
  reach("edge network", path, "always", farSide, verb);
/** An Alibaba Cloud service area at `path` (CDN `scope`, ESA `coverage`). */
const area = (path: string, absentIsDomestic: boolean, farSide: string) =>
  reach("edge network", path, { scope: { absentIsDomestic } }, farSide, "");
const cdnFix = (what = "a CDN") =>
  `Under a CN stack, set scope to "domestic" (the Chinese mainland); under any other, no service area keeps content inside the jurisdiction: serve without ${what}.`;

const cached = "are cached and served from CloudFront edge locations worldwide";
const kvsFix =
  "Keep the data in a regional store (a DynamoDB table, a parameter) read from the stack's region.";
const kvs = (what: string) =>
  `names a CloudFront key-value store: ${what} replicated to edge locations worldwide`;
const edgeKv =
  "names edge KV storage, whose keys and values are replicated to edge nodes worldwide";
const edgeCode =
  "is edge code, which runs at edge nodes worldwide and reaches the internet directly: where it sends data cannot be judged";
const edgeCodeBinding =
  "hands the site's requests to edge code, which runs at edge nodes worldwide and reaches the internet directly: where it sends data cannot be judged";
const edgeContainers =
  "runs containers at edge nodes worldwide that reach the internet directly: where they send data cannot be judged";
const edgeContainersBinding =
  "hands the site's requests to containers at edge nodes worldwide that reach the internet directly: where they send data cannot be judged";
const edgeComputeFix =
  "Keep the data in a regional store and run the code on regional compute (Function Compute, ECS) inside the jurisdiction.";

/**
 * Edge storage and edge code have no service area of their own, unlike the sites they serve:
 * KV namespaces and their keys are replicated to edge nodes worldwide, and routines and edge
 * containers run at edge nodes that reach the internet directly, so what their code fetches and
 * sends cannot be judged either. No setting keeps them inside a jurisdiction: every one of these
 * types fails, and the fix is a regional store or regional compute.
 */
const edgeCompute: ReadonlyArray<readonly [string, string, string, string]> = [
  ["alicloud:esa/kvNamespace:KvNamespace", "kvNamespace", edgeKv, esa],
  ["alicloud:esa/kv:Kv", "namespace", edgeKv, esa],
  ["alicloud:dcdn/kvNamespace:KvNamespace", "namespace", edgeKv, dcdn],
  ["alicloud:dcdn/kv:Kv", "namespace", edgeKv, dcdn],
  ["alicloud:esa/routine:Routine", "code", edgeCode, esa],
  ["alicloud:esa/routineCodeDeployment:RoutineCodeDeployment", "codeVersions", edgeCode, esa],
  ["alicloud:esa/routineRoute:RoutineRoute", "routineName", edgeCodeBinding, esa],
  ["alicloud:esa/routineRelatedRecord:RoutineRelatedRecord", "recordName", edgeCodeBinding, esa],
  ["alicloud:esa/edgeContainerApp:EdgeContainerApp", "servicePort", edgeContainers, esa],
  [
    "alicloud:esa/edgeContainerAppRecord:EdgeContainerAppRecord",
    "recordName",
    edgeContainersBinding,
    esa,
  ],
  ["alicloud:dcdn/er:Er", "envConf", edgeCode, dcdn],
];

/**
 * The host a CDN fetches from and forwards viewer requests to — paths, query strings, headers,
 * cookies, request bodies — whatever its edge network: a host of the program's own resources
 * (resolved over the whole stack, through what the value was computed from when it is not known
 * at preview), a cloud endpoint of a region, an allowlisted address, or a host that cannot be
 * placed (remote-sites). In a partition whose edge network stays in the jurisdiction (CloudFront
 * in the China regions) the origin is the distribution's one way out.
 */
const cdnOrigin = (path: string) =>
  edgesOf("remote-sites", "data sync").url(path, "forwards viewer requests to", {
    ref: "cdn-origin",
    namedWhenUnknown: true,
  });
const originFix =
  "Serve from origins of this program (a bucket, a load balancer, a function URL) or cloud endpoints in regions inside the jurisdiction; an origin on another host or address cannot be placed unless the egress allowlist holds its address.";
/**
 * A CDN of the global-services table whose origins (at `origins`) remote-sites judges: a known
 * host by itself, an origin not known at preview over the whole stack (named-destinations),
 * through the resources it was computed from.
 */
const cdnRow = (edge: FieldSpec, origins = "origins[].domainName", fix = edgeFix): TypeModel => ({
  role: "other",
  fields: [edge, cdnOrigin(origins)],
  fix: { "global-services": fix, "remote-sites": originFix },
});

const ossSource = { source: { path: "bucket", ref: "oss-bucket" } } as const;
const s3Source = { source: { path: "bucket", ref: "s3-bucket" } } as const;
const suspend = 'Set status to "Suspended" or remove the resource.';
const accelerator = (verb: string) =>
  always("ipAddressType", "Global Accelerator edge locations", verb);
/**
 * An accelerator (standard or custom routing): its anycast edge, and its flow logs — every
 * client connection's addresses and ports — delivered to the bucket `attributes` names, in any
 * region, once `flowLogsEnabled` is on. That bucket is a reference the whole stack resolves.
 */
const flowLogsOn = (p: Readonly<Record<string, unknown>>): boolean => {
  const on = valueAt(p, "attributes.flowLogsEnabled");
  return isTrue(on) || isUnknown(on);
};
const acceleratorRow: TypeModel = {
  role: "other",
  fields: [
    accelerator("announces anycast addresses from edge locations worldwide"),
    edgesOf("log-shipping", "log delivery").ref(
      "attributes.flowLogsS3Bucket",
      "delivers flow logs to",
      { ref: "s3-bucket", when: flowLogsOn },
    ),
  ],
  fix: {
    "global-services": edgeFix,
    "log-shipping":
      "Deliver flow logs only to buckets of this program in regions inside the jurisdiction.",
  },
};
const crossBorder = reach(
  "edge network",
  "crossBorderStatus",
  "true",
  "Global Accelerator network",
  "is true: the accelerator carries traffic across the mainland border",
);
const lightsailDns = row(
  "Serve the names from a private Route 53 zone associated with the stack's VPC.",
  always(
    "domainName",
    "Lightsail name servers",
    "is a public DNS zone that Lightsail's name servers answer worldwide",
  ),
);

/** A row whose reach its own reader finds (`reads`): the reach field at `path`, its main input. */
const judged = (fix: string, path: string, farSide: string, reads: GlobalReader) =>
  row(fix, reach("edge network", path, { reads }, farSide, ""));

const ddos = judged(
  'Use Anti-DDoS Pro (productType "ddoscoo") for CN stacks; elsewhere protect with Anti-DDoS Origin, which scrubs in the region.',
  "productType",
  "Anti-DDoS scrubbing centres",
  ddosScrubbing,
);

export const edgeServices: TypeTable = {
  // Transfer acceleration of a bucket the resource names (the bucket is where the data starts).
  "alicloud:oss/bucketTransferAcceleration:BucketTransferAcceleration": {
    ...row(accelerationFix, ossOn("enabled", ossSource)),
    role: "control",
  },
  "aws:s3/bucketAccelerateConfiguration:BucketAccelerateConfiguration": {
    ...row(suspend, s3On("status", s3Source)),
    role: "control",
  },
  // global-services does not judge the V2 resource: the graph draws its edge, untagged, so a path
  // through it is no-path-out-of-jurisdiction's finding.
  "aws:s3/bucketAccelerateConfigurationV2:BucketAccelerateConfigurationV2": {
    role: "control",
    edges: (r, x) => {
      const bucket = x.resourceAt(r, "bucket", bucketTypes);
      return bucket && r.props.status === "Enabled"
        ? link(bucket, x.globalPlace(s3Network), "transfer acceleration", { via: r })
        : [];
    },
    fix: suspend,
  },
  // Its standard logs — every viewer request — go to the bucket loggingConfig names by domain.
  "aws:cloudfront/distribution:Distribution": withLogs(
    cdnRow(always("origins", cloudFront, cached)),
    [
      edgesOf("log-shipping", "log delivery").ref(
        "loggingConfig.bucket",
        "delivers viewer logs to",
        {
          ref: "s3-bucket",
        },
      ),
    ],
  ),
  "aws:cloudfront/multitenantDistribution:MultitenantDistribution": cdnRow(
    always("origins", cloudFront, cached),
  ),
  "aws:cloudfront/distributionTenant:DistributionTenant": row(
    edgeFix,
    always(
      "distributionId",
      cloudFront,
      "serves the tenant's domains from CloudFront edge locations worldwide",
    ),
  ),
  // CloudFront key-value stores are replicated to every edge location, with the functions
  // reading them.
  "aws:cloudfront/keyValueStore:KeyValueStore": row(
    kvsFix,
    always("name", cloudFront, kvs("its keys and values are")),
  ),
  "aws:cloudfront/keyvaluestoreKey:KeyvaluestoreKey": row(
    kvsFix,
    always("keyValueStoreArn", cloudFront, kvs("the key and its value are")),
  ),
  "aws:cloudfront/keyvaluestoreKeysExclusive:KeyvaluestoreKeysExclusive": row(
    kvsFix,
    always("keyValueStoreArn", cloudFront, kvs("its keys and values are")),
  ),
  "aws:globalaccelerator/accelerator:Accelerator": acceleratorRow,
  "aws:globalaccelerator/customRoutingAccelerator:CustomRoutingAccelerator": acceleratorRow,
  "aws:ecrpublic/repository:Repository": row(
    "Use a private ECR repository in the stack's region.",
    always(
      "repositoryName",
      "the public ECR gallery",
      "is published in the public, global ECR gallery",
    ),
  ),
  // Lightsail's CDN and DNS have no regional or private shape: no resource of these types passes.
  "aws:lightsail/distribution:Distribution": row(
    edgeFix,
    always(
      "origin",
      cloudFront,
      "is cached and served from CloudFront edge locations worldwide (a Lightsail distribution is a CloudFront CDN)",
    ),
  ),
  "aws:lightsail/domain:Domain": lightsailDns,
  "aws:lightsail/domainEntry:DomainEntry": lightsailDns,
  // A service area inside the mainland keeps the edge in CN; the origins are still the way out.
  "alicloud:cdn/domainNew:DomainNew": cdnRow(
    area("scope", true, alibabaCdn),
    "sources[].content",
    cdnFix(),
  ),
  "alicloud:cdn/domain:Domain": cdnRow(area("scope", true, alibabaCdn), "sources[]", cdnFix()),
  "alicloud:dcdn/domain:Domain": cdnRow(
    area("scope", false, alibabaCdn),
    "sources[].content",
    cdnFix(),
  ),
  "alicloud:dcdn/ipaDomain:IpaDomain": cdnRow(
    area("scope", false, alibabaCdn),
    "sources[].content",
    cdnFix("acceleration"),
  ),
  "alicloud:vod/domain:Domain": cdnRow(
    area("scope", false, alibabaCdn),
    "sources[].sourceContent",
    cdnFix(),
  ),
  "alicloud:live/domain:Domain": row(cdnFix(), area("scope", false, alibabaCdn)),
  "alicloud:scdn/domain:Domain": cdnRow(
    always(
      "domainName",
      alibabaCdn,
      "is served by a secure CDN whose service area cannot be restricted",
    ),
    "sources[].content",
  ),
  "alicloud:esa/site:Site": row(
    'Under a CN stack, set coverage to "domestic" (the Chinese mainland) and turn crossBorderOptimization off; under any other, no coverage keeps content inside the jurisdiction: serve without ESA.',
    area("coverage", false, esa),
    reach(
      "edge network",
      "crossBorderOptimization",
      "true",
      esa,
      "is on: traffic is optimised across the mainland border",
    ),
  ),
  "alicloud:esa/ratePlanInstance:RatePlanInstance": row(
    'Under a CN stack, set coverage to "domestic" (the Chinese mainland); under any other, no coverage keeps content inside the jurisdiction: serve without ESA.',
    area("coverage", false, esa),
  ),
  ...Object.fromEntries(
    edgeCompute.map(([type, path, what, where]) => [
      type,
      row(edgeComputeFix, always(path, where, what)),
    ]),
  ),
  "alicloud:ga/accelerator:Accelerator": row("Set crossBorderStatus to false.", crossBorder),
  "alicloud:ga/basicAccelerator:BasicAccelerator": row(
    "Set crossBorderStatus to false.",
    crossBorder,
  ),
  "alicloud:eipanycast/anycastEipAddress:AnycastEipAddress": row(
    "Use a regional, private address instead.",
    always(
      "serviceLocation",
      "anycast points of presence",
      "places an anycast address on points of presence abroad",
    ),
  ),
  // Services whose reach their own reader finds (global-reach.ts; the REST APIs, API domain
  // names and ESA transport applications carry theirs in their grants and logs rows).
  "aws:route53/zone:Zone": judged(
    "Make the zone private (associate it with the stack's VPC).",
    "vpcs",
    "Route 53 name servers",
    publicZone,
  ),
  "alicloud:ddos/ddosCooInstance:DdosCooInstance": ddos,
  "alicloud:dns/ddosCooInstance:DdosCooInstance": ddos,
  // An AppSync custom domain is CloudFront-backed: its certificate must be in us-east-1, and the
  // name it gives the domain's DNS record (appsyncDomainName) is a CloudFront distribution's.
  "aws:appsync/domainName:DomainName": row(
    "Call the API at its regional endpoint instead of a custom domain name.",
    always(
      "domainName",
      cloudFront,
      "is served through a CloudFront distribution AppSync creates: the API's requests and answers pass through edge locations worldwide",
    ),
  ),
  "aws:cognito/userPoolDomain:UserPoolDomain": judged(
    "Use a prefix domain (served from the region) instead of a custom domain.",
    "domain",
    cloudFront,
    cognitoCustomDomain,
  ),
  // Cloud Map's public namespace is a public Route 53 hosted zone: its services' instances are
  // published to name servers worldwide.
  "aws:servicediscovery/publicDnsNamespace:PublicDnsNamespace": row(
    "Use a private DNS namespace (servicediscovery.PrivateDnsNamespace) in the stack's VPC.",
    always(
      "name",
      "Route 53 name servers",
      "publishes its services' instances in a public Route 53 hosted zone, answered by name servers worldwide",
    ),
  ),
  "aws:route53/healthCheck:HealthCheck": judged(
    "Name in regions only checker regions inside the jurisdiction (at least three), or check a CloudWatch alarm instead.",
    "regions",
    "Route 53 health checkers",
    healthCheckers,
  ),
  "aws:sns/platformApplication:PlatformApplication": judged(
    pushFix,
    "platform",
    "mobile push services",
    pushPlatform,
  ),
  ...Object.fromEntries(
    (
      [
        ["adm", "Amazon Device Messaging"],
        ["apns", "Apple Push Notification service"],
        ["apnsSandbox", "Apple Push Notification service"],
        ["apnsVoip", "Apple Push Notification service"],
        ["apnsVoipSandbox", "Apple Push Notification service"],
        ["baidu", "Baidu Cloud Push"],
        ["gcm", "Firebase Cloud Messaging"],
      ] as const
    ).map(([channel, vendor]) => [
      `aws:pinpoint/${channel}Channel:${channel[0].toUpperCase()}${channel.slice(1)}Channel`,
      judged(pushFix, "enabled", vendor, pushChannel),
    ]),
  ),
  // IVS ingests each stream at a point of presence near the streamer, transcodes it in one of
  // several IVS data centres and plays it back over a global CDN, whatever the channel's region
  // (IVS User Guide, "Resilience").
  "aws:ivs/channel:Channel": row(
    "Stream through a regional pipeline inside the jurisdiction (MediaLive and MediaPackage in the stack's region) instead of IVS.",
    always(
      "type",
      "IVS ingest points, data centres and CDN",
      "(any) does not confine it: IVS ingests, transcodes and plays back the video worldwide, whatever the channel's region",
    ),
  ),
};
