/**
 * Where resources are: every resource's effective region lies inside the jurisdiction
 * (`resource-placement`), no global edge service carries the stack's data onto points of presence
 * abroad (`global-services`), and every ARN a resource references names a place inside
 * (`arn-locality`). Sources: shared/research/data-paths.md §1 (how a region is determined), §3/§4
 * "CDN / edge", "Global accelerator", "Anycast EIP", object-storage acceleration.
 */
import { awsPartitionOf, type Jurisdiction } from "../residency/jurisdictions";
import {
  cloudOf,
  describePlace,
  placementOf,
  regionOfEndpoint,
  resourceLabel,
} from "../residency/placement";
import { arnReferences, foreignArns, kmsArn, modelledPaths } from "./flows";
import { type Finding, type PolicyContext, residencyResourcePolicy } from "./framework";
import { allFlowModels } from "./models";
import { namesAPlace } from "./paths/places";
import { isTrue, isUnknown, jsonDocument, known, str, stringsIn, unknown, valueAt } from "./values";

/**
 * Endpoint overrides of a provider (`endpoints`, Alibaba's `logEndpoint`/`mnsEndpoint`/`fc`):
 * each sends one service's API calls — and the data in them — to the host it names.
 */
function endpointFindings(
  label: string,
  props: Record<string, unknown>,
  ctx: PolicyContext,
): Finding[] {
  const j = ctx.jurisdiction;
  const out: Finding[] = [];
  for (const key of ["endpoints", "logEndpoint", "mnsEndpoint", "fc"]) {
    const raw = known(() => props[key]);
    if (raw === undefined) {
      continue;
    }
    const doc = isUnknown(raw) ? unknown : (jsonDocument(raw) ?? raw);
    if (isUnknown(doc)) {
      out.push({
        message: `${label} must send API calls only to endpoints inside ${j.id}, but ${key} is not known at preview. Set endpoint overrides as literals.`,
        path: [label, `${key} (unknown at preview)`],
      });
      continue;
    }
    for (const hit of stringsIn(doc, key)) {
      const url = hit.value;
      if (typeof url !== "string" || url === "") {
        continue;
      }
      const place = regionOfEndpoint(url);
      if (place && j.regions[place.cloud].includes(place.region)) {
        continue;
      }
      const where = place
        ? describePlace(j, place.cloud, place.region)
        : "a host the pack cannot place";
      out.push({
        message: `${label} must send API calls only to endpoints inside ${j.id}, but ${hit.path} is ${JSON.stringify(url)}, ${where}. Remove the override or point it at the service's endpoint in the stack's region.`,
        path: [label, `${url} (${where})`],
      });
    }
  }
  return out;
}

function checkProvider(
  args: { type: string; name: string; props: Record<string, unknown> },
  ctx: PolicyContext,
): void {
  const cloud = cloudOf(args.type);
  if (cloud === undefined) {
    // Kubernetes and other providers have no region; their resources are placed otherwise.
    return;
  }
  const j = ctx.jurisdiction;
  const label = resourceLabel(args.type, args.name);
  const p = known(() => placementOf(args.type, args.props));
  if (isUnknown(p)) {
    ctx.report({
      message: `${label} must be pinned to a region inside ${j.id}, but its region is not known at preview. Set region from stack config or a literal.`,
      path: [label, "region (unknown at preview)"],
    });
  } else if (p.kind !== "region") {
    ctx.report({
      message: `${label} must be pinned to a region inside ${j.id}, but it sets no region, so the provider falls back to environment variables or a profile the pack cannot see. Set region explicitly (${cloud}:region in stack config, or the provider's region argument).`,
      path: [label, "region (not set)"],
    });
  } else if (!j.regions[cloud].includes(p.region)) {
    const place = describePlace(j, cloud, p.region);
    ctx.report({
      message: `${label} must be pinned to a region inside ${j.id}, but its region is ${place}. Use a region inside ${j.id}.`,
      path: [label, place],
    });
  }
  const sts = known(() => str(args.props.stsRegion));
  if (typeof sts === "string" && !j.regions.aws.includes(sts)) {
    const place = describePlace(j, "aws", sts);
    ctx.report({
      message: `${label} must send its credential calls inside ${j.id}, but stsRegion is ${place}. Remove stsRegion or set a region inside ${j.id}.`,
      path: [label, place],
    });
  }
  for (const f of endpointFindings(label, args.props, ctx)) {
    ctx.report(f);
  }
}

export const resourcePlacement = residencyResourcePolicy({
  name: "resource-placement",
  description:
    "Checks whether every resource's effective region (its own region input, else its provider's region) and every provider's region and endpoints lie inside the jurisdiction.",
  severity: "critical",
  remediationSteps:
    "Create every resource through a provider pinned to a region inside the jurisdiction (stack config `<cloud>:region` or an explicit provider), and do not override its region or endpoints with places outside.",
  validate: (args, ctx) => {
    if (args.type.startsWith("pulumi:providers:")) {
      checkProvider(args, ctx);
      return;
    }
    if (!args.provider) {
      // Component resources (and the stack) have no provider and hold no data of their own.
      return;
    }
    const j = ctx.jurisdiction;
    const label = resourceLabel(args.type, args.name);
    // Only the region settings are read, so an unrelated unknown does not hide the region.
    const p = known(() =>
      placementOf(
        args.type,
        args.props,
        args.provider ? { type: args.provider.type, props: args.provider.props } : undefined,
      ),
    );
    if (isUnknown(p)) {
      ctx.report({
        message: `${label} must be created in a region inside ${j.id}, but its region is not known at preview. Set region (or the provider's region) from a literal or stack config.`,
        path: [label, "region (unknown at preview)"],
      });
      return;
    }
    if (p.kind === "global" || p.kind === "cluster") {
      // Global services are judged by global-services; Kubernetes objects live in their cluster.
      return;
    }
    if (p.kind === "unknown") {
      ctx.report({
        message: `${label} must be created in a region inside ${j.id}, but the pack cannot tell where it is: ${p.reason}. Pin the resource's provider to a region inside ${j.id}.`,
        path: [label, "an undetermined region"],
      });
      return;
    }
    if (!j.regions[p.cloud].includes(p.region)) {
      const place = describePlace(j, p.cloud, p.region);
      ctx.report({
        message: `${label} must be created in a region inside ${j.id}, but its effective region is ${place}. Create it through the stack's provider, or pin its region inside ${j.id}.`,
        path: [label, place],
      });
    }
  },
});

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

export const globalModels: readonly GlobalModel[] = [
  {
    type: "aws:cloudfront/distribution:Distribution",
    reach: always("origins", "are cached and served from CloudFront edge locations worldwide"),
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
];

export const globalServices = residencyResourcePolicy({
  name: "global-services",
  description:
    "Checks whether the stack uses global edge services — CDNs, global accelerators, public DNS zones, transfer acceleration, anycast addresses, public registries — that serve or cache its data outside the jurisdiction.",
  severity: "critical",
  remediationSteps:
    "Serve data from regional, private endpoints; where an edge service is needed, restrict it to the jurisdiction (Alibaba `domestic` scope for CN stacks, the AWS China partition for CN).",
  validate: (args, ctx) => {
    const model = globalModels.find((m) => m.type === args.type);
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

/** Paths the flow policies decide, computed once per process. */
let skipped: Map<string, Set<string>> | undefined;

export const arnLocality = residencyResourcePolicy({
  name: "arn-locality",
  description:
    "Checks whether every ARN a resource references (log groups, streams, topics, roles, policy resources) lies in a region and partition of the jurisdiction.",
  severity: "high",
  remediationSteps:
    "Reference only resources in regions inside the jurisdiction (and in its AWS partition); replace ARNs of other regions or partitions.",
  validate: (args, ctx) => {
    if (args.type.startsWith("pulumi:providers:")) {
      return;
    }
    const label = resourceLabel(args.type, args.name);
    skipped ??= modelledPaths(allFlowModels());
    const skip = skipped;
    const refs = arnReferences(
      args.type,
      args.props,
      (a) => !kmsArn.test(a) && namesAPlace(a),
      skip,
    );
    for (const { path, place } of foreignArns(ctx.jurisdiction, refs)) {
      ctx.report({
        message: `${label} must reference only resources inside ${ctx.jurisdiction.id}, but ${path} names ${place}. Reference a resource in the stack's own region and partition.`,
        path: [label, place],
      });
    }
  },
});
