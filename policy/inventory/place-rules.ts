/**
 * Which input properties of a resource type can name a place: where data may be put, copied or
 * sent, or who may reach it. The inventory of the providers' resource types (sdk.ts) marks every
 * such property so that classifying a type means deciding, for each of them, which check reads it.
 *
 * The rules read the property's name, split into words (`destinationCidrBlock` → destination,
 * cidr, block), and its declared type: only text can name a place — a flag or a count cannot —
 * except account IDs, which Alibaba Cloud declares as numbers in places. Nested input objects
 * are followed and their properties read the same way (`rules[].destination.bucket`). They err
 * on the side of marking: a DNS zone is not a region's zone, yet `zoneId` is marked, because a
 * property wrongly marked costs a reviewer a glance and one wrongly left out hides a path.
 */

/** What kind of place a property names. */
export type PlaceKind =
  | "region"
  | "zone"
  | "location"
  | "endpoint"
  | "arn"
  | "cidr"
  | "account"
  | "peer"
  | "key"
  | "bucket"
  | "document"
  | "image"
  | "exposure";

export interface PlaceRule {
  readonly kind: PlaceKind;
  /** Marks the property when one of its words is one of these. */
  readonly words?: readonly string[];
  /** Marks the property when its last word is one of these. */
  readonly lastWords?: readonly string[];
  /** Marks the property when its whole name is one of these. */
  readonly names?: readonly string[];
  /** Marks only when the last word is one of these (`bucketName`, not `bucketPrefix`). */
  readonly onlyLastWords?: readonly string[];
  /** Does not mark when the last word is one of these (`targetPrefix` names no place). */
  readonly exceptLastWords?: readonly string[];
  /** Only for types of these providers. */
  readonly providers?: readonly string[];
  /** Numbers name the place too (Alibaba Cloud declares some account UIDs as numbers). */
  readonly numbers?: boolean;
  /** Flags and numbers name it too: a switch or a bandwidth that opens the resource. */
  readonly flags?: boolean;
  /** Does not mark when one of its words is one of these (`publicKey`, `internetChargeType`). */
  readonly exceptWords?: readonly string[];
  readonly reason: string;
}

/** The rules, first match wins; each line says why such a property can name a place. */
export const placeRules: readonly PlaceRule[] = [
  {
    kind: "region",
    words: ["region", "regions", "regionid", "regionids"],
    reason: "a region ID: the resource, a copy or the far end of a link lies in that region",
  },
  {
    kind: "zone",
    words: ["zone", "zones", "zoneid", "zoneids", "az", "azs"],
    reason: "an availability zone lies in one region (DNS zones are marked too: same word)",
  },
  {
    kind: "location",
    words: ["location", "locations", "geo", "country", "countries", "continent", "geolocation"],
    reason: "a location or geography: where data is stored or served",
  },
  {
    kind: "arn",
    words: ["arn", "arns"],
    reason: "an ARN carries the partition, region and account of the resource it names",
  },
  {
    kind: "key",
    words: ["kms", "cmk"],
    names: ["encryptionKey", "encryptionKeyId", "encryptionKeyArn"],
    reason: "a customer key may live in another region or account; whoever holds it reads the data",
  },
  {
    kind: "cidr",
    words: ["cidr", "cidrs", "cidrblock", "cidrblocks", "subnetcidr"],
    names: ["loadBalancerSourceRanges", "sourceRanges", "except"],
    reason: "an address range: traffic is admitted from or routed to it",
  },
  {
    kind: "account",
    words: [
      "account",
      "accounts",
      "accountid",
      "accountids",
      "aliuid",
      "uid",
      "owner",
      "principal",
      "principals",
      "aliyunid",
      "aliyun",
      "tenant",
    ],
    names: ["registryId"],
    numbers: true,
    reason: "an account (or Alibaba UID): a grant, share or link to another account",
  },
  {
    kind: "peer",
    words: [
      "destination",
      "destinations",
      "dest",
      "target",
      "targets",
      "peer",
      "peers",
      "peering",
      "replica",
      "replicas",
      "remote",
      "accepter",
      "accepting",
      "sink",
      "sinks",
      "upstream",
      "origin",
      "origins",
      "subscriber",
      "subscribers",
      "consumer",
      "consumers",
      "forward",
      "forwarding",
      "relay",
      "mirror",
      "backup",
      "global",
      "gdn",
      "replicate",
      "replication",
    ],
    exceptLastWords: [
      "prefix",
      "suffix",
      "name",
      "names",
      "type",
      "types",
      "port",
      "ports",
      "count",
      "size",
      "status",
      "state",
      "weight",
      "percentage",
      "capacity",
      "format",
      "mode",
      "label",
      "labels",
      "tags",
      "version",
      "description",
      "class",
      "wwns",
      "period",
      "time",
      "retention",
      "days",
      "hours",
      "interval",
      "enabled",
      "enable",
      "policy",
      "key",
    ],
    reason: "the other end of a copy, link, share or delivery",
  },
  {
    kind: "endpoint",
    words: [
      "endpoint",
      "endpoints",
      "url",
      "urls",
      "uri",
      "uris",
      "host",
      "hosts",
      "hostname",
      "hostnames",
      "domain",
      "domains",
      "fqdn",
      "server",
      "servers",
      "address",
      "addresses",
      "ip",
      "ips",
      "webhook",
      "addr",
      "ding",
      "email",
      "emails",
      "nameservers",
      "portal",
      "portals",
      "monitors",
      "broker",
      "brokers",
    ],
    names: ["gateway", "externalName"],
    reason: "a network destination: a host, URL, address or service endpoint",
  },
  {
    // `callback` (a video surveillance group's), not `callbackName` or `callbackTypes`.
    kind: "endpoint",
    lastWords: ["callback", "callbacks"],
    reason: "a URL the service calls back with what happened",
  },
  {
    kind: "endpoint",
    words: ["phone", "phones", "mobile", "mobiles", "sms"],
    reason: "a phone number: a call or a text reaches the country of its number",
  },
  {
    kind: "peer",
    words: ["source"],
    onlyLastWords: ["identifier", "identifiers"],
    reason: "the identifier of the source of a copy or replica, which may lie in another region",
  },
  {
    kind: "bucket",
    words: ["bucket", "buckets"],
    onlyLastWords: ["bucket", "buckets", "name", "id", "ids", "names"],
    reason: "bucket names are global: the name can be a bucket of any region or account",
  },
  {
    kind: "bucket",
    words: ["s3"],
    onlyLastWords: ["path", "paths"],
    reason:
      "an S3 path (`s3://<bucket>/<prefix>`) names a bucket, which can be of any region or account",
  },
  {
    kind: "document",
    lastWords: ["policy", "policies"],
    names: ["policyDocument", "policyJson", "policyText"],
    // Kubernetes `…Policy` fields are enumerations (restartPolicy), not documents.
    providers: ["aws", "alicloud"],
    reason: "a policy document names principals (accounts) and resources (ARNs) it grants to",
  },
  {
    // Only docker.Image's: the image it builds is pushed to the registry its name's host names
    // (`registry` only signs in). Elsewhere an `imageName` names a machine image of the region.
    kind: "image",
    names: ["imageName"],
    providers: ["docker"],
    reason: "the image a build pushes goes to the registry host its name begins with",
  },
  {
    kind: "image",
    names: ["image", "images", "imageUri", "imageUrl"],
    reason: "a container image reference names the registry host it is pulled from",
  },
  {
    // Last: a property that names an address (`publicIp`) is an endpoint first.
    kind: "exposure",
    words: ["public", "publicly", "internet", "anonymous", "unauthenticated"],
    names: ["visibility", "authorizationType", "authType", "authenticationType", "addressType"],
    exceptWords: ["key", "keys", "charge", "timeout", "certificate", "cert", "dns"],
    flags: true,
    reason:
      "a switch or setting that opens the resource to the internet or to anyone: the place is the public internet",
  },
];

/**
 * Paths that match a rule by name but never name a place, each with why; they are never marked
 * (nor anything below them). They are Kubernetes fields about the object itself or its cluster.
 */
export const notPlaces: ReadonlyArray<{ readonly path: RegExp; readonly reason: string }> = [
  {
    // arn-locality's scan skips the values under such a key too (paths/references.ts).
    path: /(^|\.)exclude\./,
    reason:
      "an exclude list names the places a setting leaves out (S3 Storage Lens `exclude.regions`)",
  },
  {
    path: /(^|\.)metadata\.ownerReferences\b/,
    reason: "Kubernetes owner references name objects of the same cluster",
  },
  {
    path: /(^|\.)metadata\.(managedFields\b|uid$)/,
    reason: "an object's own metadata (its UID, which manager set a field) names no place",
  },
  {
    path: /(^|\.)serviceAccount(Name)?$/,
    reason: "a Kubernetes service account lives in the same cluster and namespace",
  },
  {
    path: /(^|\.)spec\.(hostname|hostnameOverride|subdomain)$/,
    reason: "a pod's own host name, not a host it reaches",
  },
  {
    path: /(^|\.)ipFamil(y|ies\[\]|yPolicy)$/,
    reason: "an IP family (IPv4, IPv6) and how a Service chooses it, not an address",
  },
  {
    path: /\.ports\[\]\.hostIP$/,
    reason: "the node address a container port binds to, not a destination",
  },
];

/** `destinationCidrBlock` → ["destination", "cidr", "block"]; `externalIPs` → ["external", "ips"]. */
export function wordsOf(name: string): string[] {
  return name
    .replace(/([A-Z]{2,})s(?=$|[A-Z])/g, "$1S")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[\s_\-.]+/)
    .filter((w) => w !== "")
    .map((w) => w.toLowerCase());
}

/** What a property's declared type holds, as far as the rules care. */
export type ValueShape = "text" | "number" | "flag";

function acceptsShape(rule: PlaceRule, shape: ValueShape): boolean {
  switch (shape) {
    case "text":
      return true;
    case "number":
      return rule.numbers === true || rule.flags === true;
    case "flag":
      return rule.flags === true;
  }
}

/**
 * The rule that marks a property of a `provider` type by its name, or undefined; with `shape`,
 * the first rule that marks a value of that shape (`assignPublicIp`, a flag, is no address).
 */
export function placeRuleOf(
  name: string,
  provider: string,
  shape?: ValueShape,
): PlaceRule | undefined {
  // The pack asks for every string of every resource, the inventory for every property of
  // every type: the same few thousand names, so each answer is kept.
  const key = `${provider} ${shape ?? "any"} ${name}`;
  if (!ruleCache.has(key)) {
    ruleCache.set(key, findPlaceRule(name, provider, shape));
  }
  return ruleCache.get(key);
}

const ruleCache = new Map<string, PlaceRule | undefined>();

function findPlaceRule(
  name: string,
  provider: string,
  shape: ValueShape | undefined,
): PlaceRule | undefined {
  const words = wordsOf(name);
  const joined = words.join("");
  const last = words[words.length - 1] ?? "";
  return placeRules.find((rule) => {
    if (rule.providers && !rule.providers.includes(provider)) {
      return false;
    }
    if (shape !== undefined && !acceptsShape(rule, shape)) {
      return false;
    }
    if (rule.exceptLastWords?.includes(last)) {
      return false;
    }
    if (rule.exceptWords?.some((w) => words.includes(w))) {
      return false;
    }
    if (rule.names?.includes(name)) {
      return true;
    }
    if (rule.lastWords?.includes(last)) {
      return true;
    }
    if (!rule.words) {
      return false;
    }
    const hit = words.some((w) => rule.words?.includes(w)) || rule.words.includes(joined);
    if (!hit) {
      return false;
    }
    return !rule.onlyLastWords || rule.onlyLastWords.includes(last);
  });
}

/** Why a property path is not a place although its name matches a rule, or undefined. */
export function notAPlace(path: string): string | undefined {
  return notPlaces.find((n) => n.path.test(path))?.reason;
}
