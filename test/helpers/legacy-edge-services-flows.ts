/**
 * The global-services rows as they were before the transfer acceleration and edge services
 * moved to the edge-services and storage tables of the one model
 * (policy/paths/types/edge-services.ts, storage.ts), kept verbatim as the oracle of
 * test/paths/differential.test.ts: `legacyGlobalModels` is the table as it was (policy/placement.ts
 * holds no row any more), and `legacyGlobalServices` the policy as it was. The view of the tables
 * must report exactly its messages.
 * (The graph's side of transfer acceleration, the code of policy/border/flows/storage.ts, is
 * frozen in legacy-storage-flows.ts; the other edge services had no edges.)
 */
import { awsPartitionOf, type Jurisdiction } from "../../residency/jurisdictions";
import { resourceLabel } from "../../residency/placement";
import { residencyResourcePolicy } from "../../policy/framework";
import { isTrue, isUnknown, known, str, valueAt } from "../../policy/values";

/** One way a service reaches beyond regions; completes "…, but <path> <what>." */
interface Reach {
  readonly path: string;
  readonly what: string;
}

interface GlobalModel {
  readonly type: string;
  readonly reach: (props: Record<string, unknown>, j: Jurisdiction) => Reach[];
  readonly fix: string;
}

/**
 * AWS partitions whose global services stay in one country: CloudFront and Route 53 of the
 * China partition serve from China only, those of GovCloud from the United States.
 */
const confinedPartitions: Readonly<Record<string, string>> = { "aws-cn": "CN", "aws-us-gov": "US" };

/** Alibaba's `domestic` scope and coverage mean the Chinese mainland. */
function alibabaScope(path: string, absentIsDomestic: boolean) {
  return (props: Record<string, unknown>, j: Jurisdiction): Reach[] => {
    const v = valueAt(props, path);
    if (isUnknown(v)) {
      return [
        { path, what: "is not known at preview, so where content is cached cannot be decided" },
      ];
    }
    const scope = typeof v === "string" ? v.toLowerCase() : undefined;
    const domestic = scope === "domestic" || (scope === undefined && absentIsDomestic);
    if (domestic && j.id === "CN") {
      return [];
    }
    if (scope === undefined && !absentIsDomestic) {
      return [{ path, what: "is not set and the service's default area is not documented" }];
    }
    return [
      {
        path,
        what: domestic
          ? "is the Chinese mainland, which lies outside the jurisdiction"
          : `is ${JSON.stringify(v)}: content is cached and served from points of presence outside the Chinese mainland`,
      },
    ];
  };
}

/**
 * Anti-DDoS Pro (`ddoscoo`, the default) proxies traffic through scrubbing centres in the Chinese
 * mainland; Anti-DDoS Premium (`ddoscoo_intl`, `ddosDip`) through centres outside it.
 */
function ddosScrubbing(props: Record<string, unknown>, j: Jurisdiction): Reach[] {
  const path = "productType";
  const v = valueAt(props, path);
  if (isUnknown(v)) {
    return [
      { path, what: "is not known at preview, so where traffic is scrubbed cannot be decided" },
    ];
  }
  const product = typeof v === "string" ? v : "ddoscoo";
  if (product === "ddoscoo") {
    return j.id === "CN"
      ? []
      : [
          {
            path,
            what: `${v === undefined ? "is not set (Anti-DDoS Pro)" : 'is "ddoscoo"'}: traffic is proxied through scrubbing centres in the Chinese mainland, which lies outside the jurisdiction`,
          },
        ];
  }
  return [
    {
      path,
      what: `is ${JSON.stringify(v)}: traffic is proxied through scrubbing centres outside the Chinese mainland`,
    },
  ];
}

function enabled(path: string, what: string, on: (v: unknown) => boolean = isTrue) {
  return (props: Record<string, unknown>): Reach[] => {
    const v = valueAt(props, path);
    if (isUnknown(v)) {
      return [{ path, what: "is not known at preview, so its reach cannot be decided" }];
    }
    return on(v) ? [{ path, what }] : [];
  };
}

function always(path: string, what: string) {
  return (): Reach[] => [{ path, what }];
}

const edgeFix = "Serve the data from regional, private endpoints inside the jurisdiction.";

/** Health check types that request no endpoint: they combine other checks or read an alarm. */
const endpointlessChecks = ["calculated", "cloudwatch_metric", "recovery_control"];

/**
 * A Route 53 health check of an endpoint (`fqdn` or `ipAddress`) is run by checkers in every
 * checker region unless `regions` names at least three; the endpoint's responses (the page
 * body for string matching) are read there. Regions it names are placed like any region input.
 */
function healthCheckers(props: Record<string, unknown>): Reach[] {
  const type = valueAt(props, "type");
  const regions = valueAt(props, "regions");
  if (isUnknown(type) || isUnknown(regions)) {
    return [
      {
        path: isUnknown(type) ? "type" : "regions",
        what: "is not known at preview, so where the endpoint is checked from cannot be decided",
      },
    ];
  }
  if (typeof type === "string" && endpointlessChecks.includes(type.toLowerCase())) {
    return [];
  }
  if (Array.isArray(regions) && regions.length > 0) {
    return [];
  }
  const target = str(valueAt(props, "fqdn")) ?? str(valueAt(props, "ipAddress")) ?? "its endpoint";
  return [
    {
      path: "regions",
      what: `is not set: health checkers in every checker region worldwide request ${target} and read its responses`,
    },
  ];
}

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

/**
 * An API Gateway REST API or custom domain name is edge-optimised unless its endpoint type is
 * `REGIONAL` or `PRIVATE`: requests enter and answers leave through CloudFront points of presence
 * worldwide. The type is one value (the SDK's `types` string; older SDKs sent a one-item list).
 */
function edgeOptimised(props: Record<string, unknown>): Reach[] {
  const path = "endpointConfiguration.types";
  const v = valueAt(props, path);
  if (isUnknown(v)) {
    return [
      {
        path,
        what: "is not known at preview, so whether the API is edge-optimised cannot be decided",
      },
    ];
  }
  const types = (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((t) =>
    String(t).toUpperCase(),
  );
  if (types.length > 0 && types.every((t) => t === "REGIONAL" || t === "PRIVATE")) {
    return [];
  }
  return [
    {
      path,
      what: `${types.length === 0 ? "is not set (EDGE by default)" : `is ${JSON.stringify(v)}`}: requests and answers pass through CloudFront edge locations worldwide`,
    },
  ];
}

/** CloudFront key-value stores are replicated to every edge location, with the functions reading them. */
const kvsReach = always(
  "name",
  "names a CloudFront key-value store: its keys and values are replicated to edge locations worldwide",
);

const frozen: readonly GlobalModel[] = [
  {
    type: "aws:cloudfront/distribution:Distribution",
    reach: always("origins", "are cached and served from CloudFront edge locations worldwide"),
    fix: edgeFix,
  },
  {
    type: "aws:apigateway/restApi:RestApi",
    reach: edgeOptimised,
    fix: 'Set endpointConfiguration.types to "REGIONAL" or "PRIVATE".',
  },
  {
    type: "aws:apigateway/domainName:DomainName",
    reach: edgeOptimised,
    fix: 'Set endpointConfiguration.types to "REGIONAL" or "PRIVATE" (with a regionalCertificateArn).',
  },
  {
    type: "aws:cloudfront/keyValueStore:KeyValueStore",
    reach: kvsReach,
    fix: "Keep the data in a regional store (a DynamoDB table, a parameter) read from the stack's region.",
  },
  {
    type: "aws:cloudfront/keyvaluestoreKey:KeyvaluestoreKey",
    reach: always(
      "keyValueStoreArn",
      "names a CloudFront key-value store: the key and its value are replicated to edge locations worldwide",
    ),
    fix: "Keep the data in a regional store (a DynamoDB table, a parameter) read from the stack's region.",
  },
  {
    type: "aws:cloudfront/keyvaluestoreKeysExclusive:KeyvaluestoreKeysExclusive",
    reach: always(
      "keyValueStoreArn",
      "names a CloudFront key-value store: its keys and values are replicated to edge locations worldwide",
    ),
    fix: "Keep the data in a regional store (a DynamoDB table, a parameter) read from the stack's region.",
  },
  {
    type: "aws:cloudfront/multitenantDistribution:MultitenantDistribution",
    reach: always("origins", "are cached and served from CloudFront edge locations worldwide"),
    fix: edgeFix,
  },
  {
    type: "aws:cloudfront/distributionTenant:DistributionTenant",
    reach: always(
      "distributionId",
      "serves the tenant's domains from CloudFront edge locations worldwide",
    ),
    fix: edgeFix,
  },
  {
    type: "aws:globalaccelerator/accelerator:Accelerator",
    reach: always("ipAddressType", "announces anycast addresses from edge locations worldwide"),
    fix: edgeFix,
  },
  {
    type: "aws:globalaccelerator/customRoutingAccelerator:CustomRoutingAccelerator",
    reach: always("ipAddressType", "announces anycast addresses from edge locations worldwide"),
    fix: edgeFix,
  },
  {
    type: "aws:route53/zone:Zone",
    reach: (props) => {
      const vpcs = valueAt(props, "vpcs");
      return isUnknown(vpcs) || !Array.isArray(vpcs) || vpcs.length === 0
        ? [
            {
              path: "vpcs",
              what: "is empty: the zone is public and served by name servers worldwide",
            },
          ]
        : [];
    },
    fix: "Make the zone private (associate it with the stack's VPC).",
  },
  {
    type: "aws:s3/bucket:Bucket",
    reach: enabled(
      "accelerationStatus",
      'is "Enabled": clients anywhere reach the bucket through edge locations',
      (v) => v === "Enabled",
    ),
    fix: "Turn transfer acceleration off.",
  },
  {
    type: "aws:s3/bucketV2:BucketV2",
    reach: enabled(
      "accelerationStatus",
      'is "Enabled": clients anywhere reach the bucket through edge locations',
      (v) => v === "Enabled",
    ),
    fix: "Turn transfer acceleration off.",
  },
  {
    type: "aws:s3/bucketAccelerateConfiguration:BucketAccelerateConfiguration",
    reach: enabled(
      "status",
      'is "Enabled": clients anywhere reach the bucket through edge locations',
      (v) => v === "Enabled",
    ),
    fix: 'Set status to "Suspended" or remove the resource.',
  },
  {
    type: "aws:ecrpublic/repository:Repository",
    reach: always("repositoryName", "is published in the public, global ECR gallery"),
    fix: "Use a private ECR repository in the stack's region.",
  },
  {
    type: "alicloud:cdn/domainNew:DomainNew",
    reach: alibabaScope("scope", true),
    fix: 'Set scope to "domestic" (CN stacks only), or serve without a CDN.',
  },
  {
    type: "alicloud:cdn/domain:Domain",
    reach: alibabaScope("scope", true),
    fix: 'Set scope to "domestic" (CN stacks only), or serve without a CDN.',
  },
  {
    type: "alicloud:dcdn/domain:Domain",
    reach: alibabaScope("scope", false),
    fix: 'Set scope to "domestic" (CN stacks only), or serve without a CDN.',
  },
  {
    type: "alicloud:dcdn/ipaDomain:IpaDomain",
    reach: alibabaScope("scope", false),
    fix: 'Set scope to "domestic" (CN stacks only), or serve without acceleration.',
  },
  {
    type: "alicloud:vod/domain:Domain",
    reach: alibabaScope("scope", false),
    fix: 'Set scope to "domestic" (CN stacks only), or serve without a CDN.',
  },
  {
    type: "alicloud:live/domain:Domain",
    reach: alibabaScope("scope", false),
    fix: 'Set scope to "domestic" (CN stacks only), or serve without a CDN.',
  },
  {
    type: "alicloud:scdn/domain:Domain",
    reach: always(
      "domainName",
      "is served by a secure CDN whose service area cannot be restricted",
    ),
    fix: edgeFix,
  },
  {
    type: "alicloud:esa/site:Site",
    reach: (props, j) => [
      ...alibabaScope("coverage", false)(props, j),
      ...enabled(
        "crossBorderOptimization",
        "is on: traffic is optimised across the mainland border",
      )(props),
    ],
    fix: 'Set coverage to "domestic" (CN stacks only) and turn crossBorderOptimization off.',
  },
  {
    type: "alicloud:esa/ratePlanInstance:RatePlanInstance",
    reach: alibabaScope("coverage", false),
    fix: 'Set coverage to "domestic" (CN stacks only).',
  },
  ...[
    "alicloud:ddos/ddosCooInstance:DdosCooInstance",
    "alicloud:dns/ddosCooInstance:DdosCooInstance",
  ].map((type): GlobalModel => ({
    type,
    reach: ddosScrubbing,
    fix: 'Use Anti-DDoS Pro (productType "ddoscoo") for CN stacks; elsewhere protect with Anti-DDoS Origin, which scrubs in the region.',
  })),
  {
    type: "alicloud:esa/transportLayerApplication:TransportLayerApplication",
    // The API's values are "on" and "off".
    reach: enabled(
      "crossBorderOptimization",
      "is on: traffic is optimised across the mainland border",
      (v) => isTrue(v) || (typeof v === "string" && v.toLowerCase() === "on"),
    ),
    fix: 'Set crossBorderOptimization to "off".',
  },
  // Edge storage and edge code have no service area of their own, unlike the sites they serve:
  // KV namespaces and their keys are replicated to edge nodes worldwide, and routines and edge
  // containers run at edge nodes that reach the internet directly, so what their code fetches
  // and sends cannot be judged either. No setting keeps them inside a jurisdiction: every one
  // of these types fails, and the fix is a regional store or regional compute.
  ...(
    [
      ["alicloud:esa/kvNamespace:KvNamespace", "kvNamespace", edgeKv],
      ["alicloud:esa/kv:Kv", "namespace", edgeKv],
      ["alicloud:dcdn/kvNamespace:KvNamespace", "namespace", edgeKv],
      ["alicloud:dcdn/kv:Kv", "namespace", edgeKv],
      ["alicloud:esa/routine:Routine", "code", edgeCode],
      ["alicloud:esa/routineCodeDeployment:RoutineCodeDeployment", "codeVersions", edgeCode],
      ["alicloud:esa/routineRoute:RoutineRoute", "routineName", edgeCodeBinding],
      ["alicloud:esa/routineRelatedRecord:RoutineRelatedRecord", "recordName", edgeCodeBinding],
      ["alicloud:esa/edgeContainerApp:EdgeContainerApp", "servicePort", edgeContainers],
      [
        "alicloud:esa/edgeContainerAppRecord:EdgeContainerAppRecord",
        "recordName",
        edgeContainersBinding,
      ],
      ["alicloud:dcdn/er:Er", "envConf", edgeCode],
    ] as const
  ).map(([type, path, what]): GlobalModel => ({
    type,
    reach: always(path, what),
    fix: "Keep the data in a regional store and run the code on regional compute (Function Compute, ECS) inside the jurisdiction.",
  })),
  {
    type: "alicloud:ga/accelerator:Accelerator",
    reach: enabled(
      "crossBorderStatus",
      "is true: the accelerator carries traffic across the mainland border",
    ),
    fix: "Set crossBorderStatus to false.",
  },
  {
    type: "alicloud:ga/basicAccelerator:BasicAccelerator",
    reach: enabled(
      "crossBorderStatus",
      "is true: the accelerator carries traffic across the mainland border",
    ),
    fix: "Set crossBorderStatus to false.",
  },
  {
    type: "alicloud:eipanycast/anycastEipAddress:AnycastEipAddress",
    reach: always("serviceLocation", "places an anycast address on points of presence abroad"),
    fix: "Use a regional, private address instead.",
  },
  {
    type: "alicloud:oss/bucketTransferAcceleration:BucketTransferAcceleration",
    reach: enabled(
      "enabled",
      "is true: clients anywhere reach the bucket through the global acceleration network",
    ),
    fix: "Turn transfer acceleration off.",
  },
  {
    type: "alicloud:oss/bucket:Bucket",
    reach: enabled(
      "transferAcceleration.enabled",
      "is true: clients anywhere reach the bucket through the global acceleration network",
    ),
    fix: "Turn transfer acceleration off.",
  },
  {
    type: "aws:route53/healthCheck:HealthCheck",
    reach: healthCheckers,
    fix: "Name in regions only checker regions inside the jurisdiction (at least three), or check a CloudWatch alarm instead.",
  },
  {
    // Every platform (APNs, FCM, ADM, Baidu, WNS, MPNS) is its vendor's global push service: no
    // platform application passes.
    type: "aws:sns/platformApplication:PlatformApplication",
    reach: (props) => {
      const platform = valueAt(props, "platform");
      return [
        {
          path: "platform",
          what: isUnknown(platform)
            ? "is not known at preview, and every platform is a global push service"
            : `is ${JSON.stringify(platform)}: notifications and their contents go through the vendor's global push service`,
        },
      ];
    },
    fix: "Notify users through channels inside the jurisdiction instead of mobile push.",
  },
  // Lightsail's CDN and DNS have no regional or private shape: no resource of these types passes.
  {
    type: "aws:lightsail/distribution:Distribution",
    reach: always(
      "origin",
      "is cached and served from CloudFront edge locations worldwide (a Lightsail distribution is a CloudFront CDN)",
    ),
    fix: edgeFix,
  },
  ...["aws:lightsail/domain:Domain", "aws:lightsail/domainEntry:DomainEntry"].map(
    (type): GlobalModel => ({
      type,
      reach: always(
        "domainName",
        "is a public DNS zone that Lightsail's name servers answer worldwide",
      ),
      fix: "Serve the names from a private Route 53 zone associated with the stack's VPC.",
    }),
  ),
];

/** Every row of the table: all of them moved (the last eight with readers of their own). */
export const legacyGlobalModels: readonly GlobalModel[] = frozen;

/** global-services as it was: the frozen rows, then every row policy/placement.ts keeps. */
export const legacyGlobalServices = residencyResourcePolicy({
  name: "global-services",
  description:
    "Checks whether the stack uses global edge services — CDNs, global accelerators, public DNS zones, transfer acceleration, anycast addresses, public registries — that serve or cache its data outside the jurisdiction.",
  severity: "critical",
  remediationSteps:
    "Serve data from regional, private endpoints; where an edge service is needed, restrict it to the jurisdiction (Alibaba `domestic` scope for CN stacks, the AWS China partition for CN).",
  validate: (args, ctx) => {
    const model = legacyGlobalModels.find((m) => m.type === args.type);
    if (!model) {
      return;
    }
    const j = ctx.jurisdiction;
    const region = known(() => str(args.provider?.props.region));
    if (
      typeof region === "string" &&
      confinedPartitions[awsPartitionOf(region)] === j.id &&
      args.type.startsWith("aws:")
    ) {
      return;
    }
    const label = resourceLabel(args.type, args.name);
    for (const r of model.reach(args.props, j)) {
      ctx.report({
        message: `${label} must not serve the stack's data from outside ${j.id}, but ${r.path} ${r.what}. ${model.fix}`,
        path: [label, "edge locations outside the jurisdiction"],
      });
    }
  },
});
