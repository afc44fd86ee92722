/**
 * The one compiler of place formats: how a property value names the place data goes to or comes
 * from — a region ID, an OSS location, a service endpoint, an ARN, an identifier — read the same
 * way by the per-resource policies and by the border analysis. `locate` says where a value points;
 * each model then names that place in its own words (a message fragment, a node of the graph).
 * `flagOpens` says whether a setting's value opens a path of its own (transfer acceleration).
 *
 * Values that only another resource of the stack can place (a bucket by name, a database by
 * identifier) are not decided here: `arn-or-id` says "the resource's own region" for an
 * identifier, and the graph first looks the identifier up among the stack's resources.
 */
import { type EdgeZone, edgeZoneOf, unlistedEdgeZone } from "../../residency/edge-zones";
import {
  awsPartitionOf,
  type Cloud,
  countryOfRegion,
  type Jurisdiction,
  listJurisdictions,
  regionInJurisdiction,
  unplacedRegions,
} from "../../residency/jurisdictions";
import {
  accelerationNetworkOf,
  arnPartition,
  arnRegion,
  describePlace,
  regionOfAccessPoint,
  regionOfEndpoint,
  regionOfOssLocation,
  regionOfAlicloudServiceName,
  regionOfServiceName,
} from "../../residency/placement";
import { regionsWithZones, zonesOf } from "../../residency/zones";
import type { EgressAllowEntry } from "../framework";
import { parseCidr, reachOfAddress } from "./addresses";

/**
 * Where a server the stack sends data to lies, read from its host: `inside` for a private address
 * (the stack's networks), an allowlisted one or a cloud service endpoint of a region inside; the
 * region and its words (`where`) for an endpoint of a region outside; `global` and the network's
 * name for a transfer-acceleration endpoint, which serves from points of presence in every
 * country; `public` for a public address the allowlist does not cover; `unplaced` for any other
 * host, which the pack cannot place.
 */
export type ServerPlace =
  | { readonly kind: "inside" }
  | { readonly kind: "region"; readonly region: string; readonly where: string }
  | { readonly kind: "global"; readonly network: string }
  | { readonly kind: "public" }
  | { readonly kind: "unplaced" };

export function serverPlace(
  host: string,
  j: Jurisdiction,
  allowlist: readonly EgressAllowEntry[],
): ServerPlace {
  const reach = reachOfAddress(host, allowlist).kind;
  if (reach === "allowlisted" || reach === "private") {
    return { kind: "inside" };
  }
  const network = accelerationNetworkOf(host);
  if (network !== undefined) {
    return { kind: "global", network };
  }
  const endpoint = regionOfEndpoint(host);
  if (endpoint) {
    return regionInJurisdiction(j, endpoint.cloud, endpoint.region)
      ? { kind: "inside" }
      : {
          kind: "region",
          region: endpoint.region,
          where: describePlace(j, endpoint.cloud, endpoint.region),
        };
  }
  return parseCidr(host) === undefined ? { kind: "unplaced" } : { kind: "public" };
}

/**
 * Where a server the stack sends data to lies, in a finding's words, when it is not inside
 * (`serverPlace`), with the words the caller gives a public address and an unplaced host.
 */
export function serverOutside(
  host: string,
  j: Jurisdiction,
  allowlist: readonly EgressAllowEntry[],
  words: { readonly public: string; readonly unplaced: string },
): string | undefined {
  const place = serverPlace(host, j, allowlist);
  switch (place.kind) {
    case "inside":
      return undefined;
    case "region":
      return `${host} in ${place.where}`;
    case "global":
      return `${host} (the ${place.network}, global, outside ${j.id})`;
    case "public":
      return `${host} (${words.public})`;
    case "unplaced":
      return `${host} (${words.unplaced})`;
  }
}

/** The formats whose value alone names a place. */
export type PlaceFormat =
  /** A region ID of the resource's own cloud. */
  | "region"
  /** `oss-<region>`. */
  | "oss-location"
  /** A host name or URL of a cloud endpoint whose name carries the region. */
  | "endpoint"
  /** An AWS ARN (`arn:<partition>:<svc>:<region>:…`) or Alibaba ARN (`acs:<svc>:<region>:…`). */
  | "arn"
  /**
   * An ARN, or a bare identifier of a resource that the API resolves in the region of the
   * request (`replicateSourceDb`: "use the identifier of the source DB in the same region, the
   * ARN for another region").
   */
  | "arn-or-id"
  /**
   * A PrivateLink endpoint service name: AWS's (`com.amazonaws.<region>.<svc>`), Alibaba
   * Cloud's (`com.aliyuncs.privatelink.<region>.<svc>`).
   */
  | "service-name"
  /** An Express Connect access point (`ap-<region>-<site>`). */
  | "access-point"
  /** An availability zone of the resource's own cloud (`us-east-1b`, `cn-shanghai-b`). */
  | "zone";

/** Where a value points. `raw` is the value as written, for messages. */
export type Located =
  /** A region of a cloud; `prefix` is how the service spells it (`oss-` for OSS locations). */
  | {
      readonly kind: "region";
      readonly cloud: Cloud;
      readonly region: string;
      readonly raw: string;
      readonly prefix?: string;
    }
  /** An ARN of an AWS partition the jurisdiction does not hold, whatever its region. */
  | {
      readonly kind: "partition";
      readonly partition: string;
      readonly region?: string;
      readonly raw: string;
    }
  /**
   * The resource's own region: an identifier the API resolves there, or an ARN without a region
   * (an S3 bucket, a global resource) of the jurisdiction's own partition or cloud.
   */
  | { readonly kind: "own"; readonly raw: string; readonly identifier: boolean }
  /** An AWS Local or Wavelength Zone, placed by its own country (residency/edge-zones.ts). */
  | { readonly kind: "edge"; readonly zone: EdgeZone; readonly raw: string }
  /** A value that names no place the pack can check; it fails closed. */
  | { readonly kind: "unplaceable"; readonly raw: string; readonly why: string };

const generic = "which cannot be placed in a region";

function inRegion(cloud: Cloud, region: string, raw: string, prefix?: string): Located {
  return prefix
    ? { kind: "region", cloud, region, raw, prefix }
    : { kind: "region", cloud, region, raw };
}

/** An ARN or Alibaba Cloud resource name, by its partition and region. */
function locateArn(j: Jurisdiction, value: string): Located {
  if (value.startsWith("acs:")) {
    const region = value.split(":")[2] ?? "";
    if (region === "") {
      return { kind: "own", raw: value, identifier: false };
    }
    return region === "*"
      ? { kind: "unplaceable", raw: value, why: "which allows every region" }
      : inRegion("alicloud", region, value);
  }
  const partition = arnPartition(value);
  const region = arnRegion(value);
  if (partition === undefined || region === undefined) {
    // An identifier, not an ARN: the API resolves it in the resource's own region.
    return { kind: "own", raw: value, identifier: true };
  }
  if (!j.awsPartitions.includes(partition)) {
    if (
      region !== "" &&
      awsPartitionOf(region) !== partition &&
      regionInJurisdiction(j, "aws", region)
    ) {
      // `arn:aws:apigateway:cn-north-1:…`: the aws partition has no region cn-north-1. The
      // partition field is a slip (a program written for another partition); the only place the
      // ARN can mean is its region, which is inside.
      return inRegion("aws", region, value);
    }
    return region === ""
      ? { kind: "partition", partition, raw: value }
      : { kind: "partition", partition, region, raw: value };
  }
  if (region === "") {
    return { kind: "own", raw: value, identifier: false };
  }
  // Not a region ID at all (`undefined`, from an environment variable that is not set): where the
  // ARN points cannot be told.
  return /^[a-z]{2,4}(-[a-z]+)+-\d+$/.test(region) || region.includes("*")
    ? inRegion("aws", region, value)
    : {
        kind: "unplaceable",
        raw: value,
        why: `whose region field ${JSON.stringify(region)} is not a region`,
      };
}

/** Where a value of `format` points; `cloud` is the cloud of the resource that holds it. */
export function locate(j: Jurisdiction, format: PlaceFormat, value: string, cloud: Cloud): Located {
  switch (format) {
    case "region":
      return inRegion(cloud, value, value);
    case "oss-location": {
      const region = regionOfOssLocation(value);
      if (region) {
        return inRegion("alicloud", region, value, "oss-");
      }
      // A region ID where OSS takes its location (`cn-shanghai` for `oss-cn-shanghai`).
      return {
        kind: "unplaceable",
        raw: value,
        why:
          countryOfRegion("alicloud", value) !== undefined
            ? `which is no OSS location: OSS names the region oss-${value}, with the oss- prefix`
            : generic,
      };
    }
    case "endpoint": {
      const place = regionOfEndpoint(value);
      return place
        ? inRegion(place.cloud, place.region, value)
        : { kind: "unplaceable", raw: value, why: generic };
    }
    case "arn":
    case "arn-or-id":
      return locateArn(j, value);
    case "service-name": {
      // Alibaba Cloud's names carry its own region IDs (`cn-hangzhou`), AWS's its own.
      const alicloud = cloud === "alicloud" ? regionOfAlicloudServiceName(value) : undefined;
      const region = alicloud ?? regionOfServiceName(value);
      return region
        ? inRegion(alicloud === undefined ? "aws" : "alicloud", region, value)
        : { kind: "unplaceable", raw: value, why: generic };
    }
    case "access-point": {
      const region = regionOfAccessPoint(value);
      return region
        ? inRegion("alicloud", region, value)
        : { kind: "unplaceable", raw: value, why: generic };
    }
    case "zone": {
      const edge = cloud === "aws" ? edgeZoneOf(value) : undefined;
      if (edge === "unlisted") {
        return {
          kind: "unplaceable",
          raw: value,
          why: `${unlistedEdgeZone}, whose country cannot be checked`,
        };
      }
      if (edge !== undefined) {
        return { kind: "edge", zone: edge, raw: value };
      }
      const region = regionOfZone(cloud, value);
      return region
        ? inRegion(cloud, region, value)
        : { kind: "unplaceable", raw: value, why: generic };
    }
  }
}

/**
 * Wildcards in an ARN scope a policy statement (`arn:aws:s3:*:…`): such an ARN names no place.
 * Neither does a definition AWS owns (account `aws`, no region: a managed policy
 * `arn:<partition>:iam::aws:policy/…`, an EKS access policy): a permission document AWS publishes
 * in every partition, which grants the principals it is attached to over their own account's
 * resources and holds none of the stack's data. Nor does a Step Functions service integration
 * (`arn:<partition>:states:::lambda:invoke`): the name of an API a state calls, whose target its
 * parameters give. An Alibaba Cloud name has no partition
 * (`acs:<service>:<region>:<account>:<resource>`): a `*` region scopes it (`acs:oss:*:<uid>:b/*`,
 * the form of OSS bucket policies), whatever its account field holds.
 */
export function namesAPlace(arn: string): boolean {
  if (arn.startsWith("acs:")) {
    return arn.split(":")[2] !== "*";
  }
  const [, partition = "", service = "", region = "", account = "", resource = ""] = arn.split(":");
  if (account === "aws" && region === "" && resource !== "") {
    return false;
  }
  if (service === "states" && region === "" && account === "") {
    return false;
  }
  return partition !== "*" && region !== "*";
}

/** How a global service or edge network reads in a path: it has no region, so no border. */
export function globalPlaceLabel(j: Jurisdiction, what: string): string {
  return `${what} (global, outside ${j.id})`;
}

/** What a `flag` value opens on: the listed values, or any value that is set and not false. */
export interface FlagSpec {
  readonly values?: readonly (string | number | boolean)[];
  /** `token`: compare text ignoring case, `_` and `-` (the API's `oss_acc`, the SDK's `ossAcc`). */
  readonly normalize?: "token";
}

function sameText(a: string, b: string, normalize?: "token"): boolean {
  const norm = (t: string) => (normalize === "token" ? t.replace(/[_-]/g, "") : t).toLowerCase();
  return norm(a) === norm(b);
}

/** Whether a `flag` value opens the path its field declares. */
export function flagOpens(spec: FlagSpec, value: unknown): boolean {
  if (spec.values !== undefined) {
    return spec.values.some((v) =>
      typeof v === "string" && typeof value === "string"
        ? sameText(v, value, spec.normalize)
        : v === value,
    );
  }
  if (Array.isArray(value)) {
    return value.length > 0;
  }
  return value !== false && value !== "" && value !== "false" && value !== 0;
}

/** Every region ID of each cloud: the catalog's and those it places in no jurisdiction. */
let regionIds: Readonly<Record<Cloud, ReadonlySet<string>>> | undefined;

export function knownRegions(): Readonly<Record<Cloud, ReadonlySet<string>>> {
  const of = (cloud: Cloud): ReadonlySet<string> =>
    new Set([
      ...listJurisdictions().flatMap((j) => j.regions[cloud]),
      ...unplacedRegions.filter((u) => u.cloud === cloud).map((u) => u.region),
    ]);
  regionIds ??= { alicloud: of("alicloud"), aws: of("aws") };
  return regionIds;
}

/** AWS zone-ID prefixes (`usw2` of `usw2-az1`) and their regions, from the catalog's zones. */
let awsZoneIdRegions: ReadonlyMap<string, string> | undefined;

function regionOfAwsZoneId(zoneId: string): string | undefined {
  awsZoneIdRegions ??= new Map(
    regionsWithZones("aws").flatMap((region) =>
      (zonesOf("aws", region) ?? []).flatMap((z) =>
        z.zoneId === undefined ? [] : [[z.zoneId.replace(/-az\d+$/, ""), region] as const],
      ),
    ),
  );
  const m = /^([a-z]+\d+)-az\d+$/.exec(zoneId);
  return m ? awsZoneIdRegions.get(m[1]) : undefined;
}

/**
 * The region of an availability zone of `cloud`: a known region followed by the zone letter
 * (`us-west-2a`, Alibaba Cloud's `ap-southeast-1a`), joined by a dash in Alibaba Cloud's `cn-`
 * regions (`cn-shanghai-b`), or an AWS zone ID (`usw2-az1`) of a region whose zones the catalog
 * lists. Anything else — a DNS zone ID (`Z0123…`), a time zone, a Local Zone
 * (`us-west-2-lax-1a`, which may lie in another country than its parent region: `locate` places
 * it by its own country first, residency/edge-zones.ts) — is not read.
 */
export function regionOfZone(cloud: Cloud, zone: string): string | undefined {
  const regions = knownRegions()[cloud];
  const lettered = /^(.+?)(-?)([a-z])$/.exec(zone);
  if (lettered && regions.has(lettered[1]) && (lettered[2] === "" || cloud === "alicloud")) {
    return lettered[1];
  }
  return cloud === "aws" ? regionOfAwsZoneId(zone) : undefined;
}
