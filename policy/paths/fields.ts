/**
 * The compiler of a row's declared fields: every value at a field's path becomes one outcome —
 * what the owning policy decides from the resource alone, and the words its message uses — and,
 * when data can go somewhere, one tagged edge of the graph. The graph and the per-resource views
 * run this same compiler; a view runs it over a resolver that holds only the resource and its
 * provider, so references name nothing there and are left to the stack ("stack").
 */
import {
  awsPartitionOf,
  awsPartitionRegions,
  holdsAwsPartition,
  type Jurisdiction,
} from "../../residency/jurisdictions";
import {
  accelerationNetworkOf,
  arnAccount,
  awsPartitionOfResource,
  cloudOf,
  describeNamedPlace,
  hostOf,
  imageRegistry,
  regionOfEndpoint,
} from "../../residency/placement";
import { isPlace } from "./model";
import { foreignAccountPlace, foreignDeliveryAccount, ownAccounts } from "./accounts";
import {
  allowlistEntryAt,
  isAnywhere,
  isVpcOnlyHost,
  parseCidr,
  reachOfAddress,
} from "./addresses";
import { openSource } from "./types/exposure-readers";
import { kindName } from "./describe";
import { destinationPath, destinationsOf } from "./kubernetes";
import {
  byClusterService,
  clusterSearchBypass,
  destinationPlacingOf,
  inOwnCluster,
  placerIndex,
  readersBypass,
  unsearchedServiceName,
} from "./mesh-hosts";
import type {
  BorderResource,
  Endpoint,
  FieldSpec,
  Grantee,
  Judged,
  LocalVerdict,
  TaggedEdge,
  TypeModel,
} from "./model";
import { flagOpens, globalPlaceLabel, type Located, locate } from "./places";
import { outcomeOf } from "./references";
import {
  heldPartitionOfBucketName,
  type Ref,
  type RefKind,
  refKinds,
  type Resolver,
} from "./resolver";
import { isPublic, isPublicGrantee, mayBePublicDocument, statements } from "./iam";
import {
  holdsUnknown,
  isTrue,
  isUnknown,
  isUnknownValueError,
  jsonDocument,
  known,
  valueAt,
  valuesAt,
} from "./values";
import * as proxy from "@pulumi/policy/proxy";

/** What the owning policy decides about one value, in the words of its message. */
export type Outcome =
  | { readonly kind: "inside" }
  | { readonly kind: "outside"; readonly place: string }
  | { readonly kind: "unplaceable"; readonly raw: string; readonly why: string }
  /**
   * Not known at preview: the value, or — `target` — the region of the resource of the program
   * it names (neither that resource nor its provider names a region preview can read).
   */
  | { readonly kind: "unknown"; readonly target?: string }
  /** A reference: only the whole stack can place what it names. */
  | { readonly kind: "stack" }
  /** A required field that is not set. */
  | { readonly kind: "not-set" };

/** One compiled value: where it was read, what it decides, and the edge it draws (if any). */
export interface Compiled {
  readonly field: FieldSpec;
  /** The concrete path of the value (`rules[0].destination.bucket`). */
  readonly path: string;
  readonly outcome: Outcome;
  /** The edge it draws; two when data flows both ways between resources of the stack. */
  readonly edges: readonly TaggedEdge[];
  /** For `internet`: what the value does, completing "…, but <path> <what>." */
  readonly what?: string;
  /**
   * Reported outside only because the value is not known at preview (a grant's principal): the
   * finding is Finding.undecided, decided once the value is known.
   */
  readonly undecided?: true;
}

const inside: Outcome = { kind: "inside" };

function unplaceable(raw: unknown, why = "which cannot be placed in a region"): Outcome {
  return { kind: "unplaceable", raw: JSON.stringify(raw), why };
}

function localOf(o: Outcome): LocalVerdict {
  return o.kind === "inside" ? "inside" : o.kind === "stack" ? "stack" : "report";
}

/** A located value (places.ts) as an outcome and, unless it is the resource's own region, a place. */
function fromLocated(
  j: Jurisdiction,
  x: Resolver,
  at: Located,
): { outcome: Outcome; far?: Endpoint } {
  return { outcome: outcomeOf(j, at), far: x.locatedPlace(at) };
}

/**
 * Several addresses in one value — Alibaba takes them as one comma-separated string (a DHCP
 * options set's), a Kafka bootstrap list as `<ip>:<port>` entries, judged by their address: the
 * first that is not inside decides. A host of a VPC-only endpoint (`isVpcOnlyHost`) is a host of
 * the network, as a private address is.
 */
function addresses(
  x: Resolver,
  raw: string,
  format: "ip" | "site-ip",
  cloudOwn: readonly string[] = [],
): { outcome: Outcome; far?: Endpoint } {
  const each = raw
    .split(",")
    .map((v) => v.trim().replace(/^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/, "$1"))
    .map((v) =>
      cloudOwn.includes(v) || (format === "ip" && isVpcOnlyHost(v))
        ? { outcome: inside }
        : address(x, v, format),
    );
  return each.find((a) => a.outcome.kind !== "inside") ?? each[0];
}

/**
 * A URL or host (`url`): an address by its reach, a cloud endpoint by its region, a host the
 * allowlist names by its entry, else unplaceable.
 */
function urlPlace(
  j: Jurisdiction,
  x: Resolver,
  value: string,
): { outcome: Outcome; far?: Endpoint } {
  const host = hostOf(value);
  if (parseCidr(host)) {
    return address(x, host, "ip");
  }
  const place = regionOfEndpoint(value);
  if (place) {
    return fromLocated(j, x, {
      kind: "region",
      cloud: place.cloud,
      region: place.region,
      raw: value,
    });
  }
  // A global acceleration endpoint serves from points of presence everywhere, whatever an
  // egressHosts wildcard over its cloud's domain (`*.aliyuncs.com`) says of the domain's hosts.
  const network = accelerationNetworkOf(host);
  if (network !== undefined) {
    const far = x.globalPlace(network);
    return { outcome: { kind: "outside", place: far.label }, far };
  }
  // A host the stack's owners placed by name (`egressHosts`), or a mailbox of such a domain.
  const declared = allowlistEntryAt(x.allowlist, host);
  if (declared !== undefined) {
    return { outcome: inside, far: x.allowlistedPlace(declared) };
  }
  if (cloudFrontHost.test(host)) {
    return cannotPlace(
      x,
      value,
      "a CloudFront distribution's domain, served from edge locations and forwarded to origins the program does not show, so it cannot be placed in a region",
      "a CloudFront distribution the pack cannot place",
    );
  }
  if (mailbox.test(value)) {
    return cannotPlace(x, value, mailboxReason, "a mailbox the pack cannot place");
  }
  // A bucket on S3's global endpoint (`<bucket>.s3.amazonaws.com`): routed to the bucket's own
  // region, which the name does not say, in any account (found by the regression bench, which
  // saw it called "neither an address nor a cloud service endpoint").
  if (/^[a-z0-9.-]+\.s3\.amazonaws\.com$/i.test(host)) {
    return cannotPlace(
      x,
      value,
      "a bucket on S3's global endpoint, which serves it from the bucket's own region, in whatever account holds it, and names neither, so it cannot be placed in a region",
      "an S3 bucket the pack cannot place",
    );
  }
  const registry = publicRegistries.get(host.toLowerCase());
  if (registry !== undefined) {
    return cannotPlace(
      x,
      value,
      `${registry}, a public container registry whose host names no region, so it cannot be placed in a region`,
      `${registry}, which the pack cannot place`,
    );
  }
  // A name alone (`db`, `test`) may be private; the pack cannot tell where it resolves.
  return cannotPlace(
    x,
    value,
    "a host that is neither an address nor a cloud service endpoint, so it cannot be placed in a region; egressHosts may name a host whose servers are inside",
    "a host the pack cannot place",
  );
}

/**
 * Public container registries by host, named as their operators name them: where a pull or a
 * pull-through cache fetches images from. Their hosts name no region (Amazon ECR Public's
 * `public.ecr.aws` none of the regions ECR's are named by), so each is unplaceable, in words
 * that say what it is rather than "neither an address nor a cloud service endpoint" (found by the
 * pipelines bench).
 */
const publicRegistries = new Map([
  ["public.ecr.aws", "Amazon ECR Public (public.ecr.aws)"],
  ["ghcr.io", "GitHub Container Registry (ghcr.io)"],
  ["quay.io", "Quay (quay.io)"],
  ["registry.k8s.io", "the Kubernetes project's registry (registry.k8s.io)"],
  ["gcr.io", "Google Container Registry (gcr.io)"],
  ["mcr.microsoft.com", "Microsoft Artifact Registry (mcr.microsoft.com)"],
  ["registry.gitlab.com", "GitLab's container registry (registry.gitlab.com)"],
  ["nvcr.io", "NVIDIA's NGC registry (nvcr.io)"],
]);

/**
 * Where a `url` value goes: a list of `host:port` without a scheme (Kafka's bootstrap servers) is
 * each of its hosts, of which the first that is not inside decides, as for a list of addresses;
 * undefined when it names no host (separators and nothing else).
 */
function urlValuePlace(
  j: Jurisdiction,
  x: Resolver,
  value: string,
): { outcome: Outcome; far?: Endpoint } | undefined {
  const each = (/^[^/]+,/.test(value) ? value.split(",") : [value])
    .map((v) => v.trim())
    .filter((v) => v !== "")
    .map((v) => urlPlace(j, x, v));
  return each.find((a) => a.outcome.kind !== "inside") ?? each[0];
}

/**
 * A value that names a place the pack cannot place: `why` completes the finding, `far` names the
 * far end of the graph's edge after the value (`<value>, a mailbox the pack cannot place`).
 */
function cannotPlace(
  x: Resolver,
  value: string,
  why: string,
  far: string,
): { outcome: Outcome; far: Endpoint } {
  return { outcome: unplaceable(value, why), far: x.unknownPlace(`${value}, ${far}`) };
}

/** Docker Hub's registry, by the names an image reference may give it. */
const dockerHub = new Set(["docker.io", "index.docker.io", "registry-1.docker.io"]);

/**
 * An image reference (`image`): its registry, placed as a `url`'s host is — a cloud registry
 * (ECR, Alibaba Cloud Container Registry) by the region its host names, an address by its reach,
 * any other host unplaceable. A reference that names no registry is Docker Hub's, whose storage
 * no region names: unplaceable too.
 */
function imagePlace(
  j: Jurisdiction,
  x: Resolver,
  value: string,
): { outcome: Outcome; far?: Endpoint } {
  const registry = imageRegistry(value);
  if (registry === undefined || dockerHub.has(registry)) {
    return cannotPlace(
      x,
      value,
      "an image of Docker Hub (docker.io), a registry whose storage no region names, so it cannot be placed in a region",
      "an image of Docker Hub, which the pack cannot place",
    );
  }
  return urlPlace(j, x, value);
}

/** Why a mailbox names no place, in every finding that names one. */
export const mailboxReason =
  "a mailbox, whose mail its domain's servers receive wherever they are, so it cannot be placed in a region; egressHosts may name a domain whose mail servers are inside";

/** An e-mail address (`ops@example.com`, `mailto:ops@example.com`), where alerts go by mail. */
const mailbox = /^(mailto:)?[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/i;

/**
 * The domain of a CloudFront distribution (`d111111abcdef8.cloudfront.net`; in China
 * `….cloudfront.cn`): a cloud service, but a global one, whose origins — where a request ends up —
 * are the distribution's, not the host's.
 */
const cloudFrontHost = /(^|\.)cloudfront\.(net|cn)$/i;

/** An address: a host (`ip`) is inside when private or allowlisted; a site only when allowlisted. */
function address(
  x: Resolver,
  raw: string,
  format: "ip" | "site-ip",
): { outcome: Outcome; far?: Endpoint } {
  if (!parseCidr(raw)) {
    return {
      outcome: unplaceable(raw, "which is not an IP address"),
      far: x.unknownPlace(`${JSON.stringify(raw)}, which is not an IP address`),
    };
  }
  const reach = reachOfAddress(raw, x.allowlist);
  if (reach.kind === "allowlisted") {
    return { outcome: inside, far: x.allowlistedPlace(reach.entry) };
  }
  if (reach.kind === "private" && format === "ip") {
    return { outcome: inside };
  }
  if (reach.kind === "private") {
    const place = `${raw} (private address of a site the pack cannot place)`;
    return { outcome: { kind: "outside", place }, far: x.unknownPlace(place) };
  }
  return {
    outcome: unplaceable(raw, "which is not private and not in the egress allowlist"),
    far: x.internet,
  };
}

/**
 * The partition whose own copy of a `flag` field's far end the resource reaches
 * (`partitionFarSide`), with the far end's words and the partition's regions; undefined for any
 * other partition, or when the resource's region is not known.
 */
function partitionScoped(
  field: FieldSpec,
  r: BorderResource,
  x: Resolver,
): { readonly partition: string; readonly label: string } | undefined {
  if (field.partitionFarSide === undefined || !r.type.startsWith("aws:")) {
    return undefined;
  }
  const provider = r.provider ? x.get(r.provider) : undefined;
  const own = [r.props.region, provider?.props.region].find(
    (v): v is string => typeof v === "string" && v !== "",
  );
  const partition = own === undefined ? undefined : awsPartitionOf(own);
  const farSide = partition === undefined ? undefined : field.partitionFarSide[partition];
  if (partition === undefined || farSide === undefined) {
    return undefined;
  }
  const where = awsPartitionRegions(partition)
    .map((region) => describeNamedPlace(x.jurisdiction, "aws", region, region))
    .join(", ");
  return { partition, label: `${farSide} (${where})` };
}

/** One value of a field that is not a reference. */
function decide(
  field: FieldSpec,
  value: unknown,
  r: BorderResource,
  x: Resolver,
): { outcome: Outcome; far?: Endpoint } {
  const j = x.jurisdiction;
  if (isUnknown(value) && !(field.format === "flag" && field.opensWhenSet)) {
    return {
      outcome: { kind: "unknown" },
      far: x.unknownPlace(`${field.path} of ${x.label(r)} is not known until deployed`),
    };
  }
  if (field.format === "flag") {
    if (!isUnknown(value) && !flagOpens(field, value)) {
      return { outcome: inside };
    }
    const scoped = partitionScoped(field, r, x);
    if (scoped !== undefined) {
      return holdsAwsPartition(j, scoped.partition)
        ? { outcome: inside }
        : { outcome: { kind: "outside", place: scoped.label }, far: x.unknownPlace(scoped.label) };
    }
    const name = field.farSide?.replace("{value}", JSON.stringify(value)) ?? JSON.stringify(value);
    return field.global
      ? { outcome: { kind: "outside", place: globalPlaceLabel(j, name) }, far: x.globalPlace(name) }
      : { outcome: { kind: "outside", place: name }, far: x.unknownPlace(name) };
  }
  if (field.format === "account" && typeof value === "number") {
    // Alibaba takes some account IDs as numbers.
    return decide(field, String(value), r, x);
  }
  if (typeof value !== "string") {
    const outcome = unplaceable(value, "which is not text the pack can read");
    return { outcome, far: x.unknownPlace(`${field.path} of ${x.label(r)} cannot be read`) };
  }
  // The tables model Alibaba Cloud and AWS types, whose region IDs name that cloud's, and a few
  // of other packages, whose fields that take a region say of which cloud.
  const cloud = field.cloud ?? cloudOf(r.type) ?? "alicloud";
  switch (field.format) {
    case "region":
    case "zone":
    case "oss-location":
    case "arn":
    case "arn-or-id":
    case "service-name":
    case "access-point":
      return fromLocated(j, x, locate(j, field.format, value, cloud));
    case "endpoint": {
      const located = fromLocated(j, x, locate(j, field.format, value, cloud));
      if (located.outcome.kind !== "unplaceable") {
        return located;
      }
      // No cloud endpoint, but a server the stack reaches at an address of its own network or an
      // allowlisted one, or at a host it places by name (a database in the VPC, a self-managed
      // Kafka or OpenSearch): placed as a URL's host is, in a URL's words (which say how an
      // address or a host may be placed) where it is not inside.
      return urlValuePlace(j, x, value) ?? located;
    }
    case "ip":
    case "site-ip":
      return addresses(x, value, field.format, field.cloudOwn);
    case "url": {
      const placed = urlValuePlace(j, x, value);
      if (placed === undefined) {
        // Separators and nothing else (`","`): no host to place.
        const far = x.unknownPlace(`${field.path} of ${x.label(r)} names no host`);
        return { outcome: unplaceable(value, "which names no host"), far };
      }
      return placed;
    }
    case "image":
      return imagePlace(j, x, value);
    case "account": {
      const provider = r.provider ? x.get(r.provider) : undefined;
      const own = ownAccounts(provider, x.declaredAccounts);
      // An ARN (a role in the account a delivery goes to) names the account it is of.
      const account = arnAccount(value) ?? value;
      if (own.includes(account)) {
        return { outcome: inside };
      }
      return {
        outcome: { kind: "outside", place: foreignAccountPlace(account, own, x.standInAccount) },
        far: x.accountPlace(cloud, account),
      };
    }
    case "dx-location": {
      const far = x.directConnectLocation(value);
      if (far === undefined) {
        return cannotPlace(
          x,
          value,
          "a Direct Connect location whose country the stack does not declare (sovereign-dc:directConnectLocations), so it cannot be placed",
          "a Direct Connect location the stack does not declare",
        );
      }
      return far.side === "inside"
        ? { outcome: inside, far }
        : { outcome: { kind: "outside", place: far.label }, far };
    }
    case "anywhere-cidr":
      // Alibaba takes several subnets as one comma-separated string.
      return value.split(",").some((c) => isAnywhere(c))
        ? { outcome: { kind: "outside", place: field.farSide ?? value }, far: x.internet }
        : { outcome: inside };
    case "ref":
      throw new Error(`field ${field.path}: a ref is resolved by compileRef, not decided here`);
    case "internet":
      throw new Error(`field ${field.path}: an internet edge is compiled by compileInternet`);
    case "relation":
      throw new Error(`field ${field.path}: a relation is compiled by compileRelation`);
    case "public":
      throw new Error(`field ${field.path}: public exposure is compiled by compilePublic`);
    case "global":
      throw new Error(`field ${field.path}: a global edge network is compiled by compileGlobal`);
    case "judged":
      throw new Error(`field ${field.path}: a row's own reading is compiled by compileJudged`);
    case "grants":
      throw new Error(`field ${field.path}: a grant is compiled by compileGrants`);
    case "destination":
      throw new Error(`field ${field.path}: a server is compiled by compileDestination`);
  }
}

/** A reference: the resource it names, else the fallback sibling's place, else unknown. */
function compileRef(
  model: TypeModel,
  field: FieldSpec,
  holder: unknown,
  value: unknown,
  resolved: Ref | undefined,
  r: BorderResource,
  x: Resolver,
): { outcome: Outcome; far?: Endpoint; unresolved?: boolean } {
  const kind = field.ref ? refKinds[field.ref] : undefined;
  const found =
    resolved?.kind === "resource"
      ? resolved.resource
      : typeof value === "string" && value !== "" && kind?.normalize
        ? x.byIdentifier(kind.normalize(value), kind.types)
        : undefined;
  // Only a membership names its peers by a shared ID; any other value naming the resource itself
  // (a bucket that logs to itself) names that resource, and the graph draws no loop.
  const named = found === r && kind && field.both ? peerOf(r, field.path, value, kind, x) : found;
  if (named) {
    return { outcome: { kind: "stack" }, far: named };
  }
  if (field.fallback !== undefined) {
    const sibling = valueAt(holder, field.fallback);
    if (sibling !== undefined && !isUnknown(sibling)) {
      // The sibling is declared as a field of its own; its format says how it names a place.
      const declared = fallbackField(model, field.fallback);
      const format = declared?.format ?? "region";
      return decide({ ...field, path: field.fallback, format }, sibling, r, x);
    }
  }
  const what = field.noun ?? kind?.noun ?? field.path;
  return {
    outcome: { kind: "stack" },
    far:
      // The region a target judged by its own rows names by its ARN does not place it.
      (kind?.judgedByTarget ? undefined : arnPlaceOf(value, x)) ??
      bucketByPartition(value, kind, r, x) ??
      x.unknownPlace(
        isUnknown(value)
          ? `${what} of ${x.label(r)} is not known until deployed`
          : `${what} ${JSON.stringify(value)} of ${x.label(r)} is not in this stack`,
      ),
    unresolved: true,
  };
}

/**
 * Where an AWS ARN that names nothing of the stack points, when the ARN itself says: its region,
 * or another partition (an S3 bucket's ARN has no region, but `arn:aws:` is abroad from China).
 * Named-destinations still reports the name; the graph draws the place it knows.
 */
function arnPlaceOf(value: unknown, x: Resolver): Endpoint | undefined {
  if (typeof value !== "string" || !value.startsWith("arn:")) {
    return undefined;
  }
  const at = locate(x.jurisdiction, "arn", value, "aws");
  return at.kind === "region" || at.kind === "partition" ? x.locatedPlace(at) : undefined;
}

/** A bucket named by name alone in a partition the jurisdiction wholly holds (resolver.ts). */
function bucketByPartition(
  value: unknown,
  kind: RefKind | undefined,
  r: BorderResource,
  x: Resolver,
): Endpoint | undefined {
  const partition = heldPartitionOfBucketName(kind, value, x.regionOf(r), x.jurisdiction);
  return partition === undefined
    ? undefined
    : x.locatedPlace(
        locate(x.jurisdiction, "arn", `arn:${partition}:s3:::${String(value)}`, "aws"),
      );
}

/**
 * A value that names the resource itself is an ID every member of a group carries (a Tair global
 * cache is named by its first member's ID): it names the member the value was built from, or
 * another member that carries the same ID.
 */
function peerOf(
  r: BorderResource,
  path: string,
  value: unknown,
  kind: RefKind,
  x: Resolver,
): BorderResource | undefined {
  const isPeer = (c: BorderResource | undefined): c is BorderResource =>
    c !== undefined && c !== r && kind.types.includes(c.type);
  return (
    (r.propertyDependencies[path] ?? []).map((u) => x.get(u)).find(isPeer) ??
    kind.types
      .flatMap((t) => x.ofType(t))
      .find((c) => isPeer(c) && kind.keys.some((k) => c.props[k] === value))
  );
}

/**
 * The resource data starts at: the field's `source` (or, for the graph only, its `origin`) when
 * it names one of the stack, else `r`.
 */
function nearEnd(field: FieldSpec, r: BorderResource, x: Resolver): BorderResource {
  const from = field.source
    ? { path: field.source.path, types: refKinds[field.source.ref].types }
    : field.origin;
  return (from && x.resourceAt(r, from.path, from.types)) ?? r;
}

/** The noun and name of a field's source, for the near end of a message: `oss bucket "t"`. */
export function sourceLabel(field: FieldSpec, r: BorderResource): string | undefined {
  if (!field.source) {
    return undefined;
  }
  const name = valueAt(r.props, field.source.path);
  return typeof name === "string"
    ? `${kindName(refKinds[field.source.ref].types[0])} ${JSON.stringify(name)}`
    : undefined;
}

/** The formats whose values are compiled by code of their own, each by its compiler. */
const ownCompilers: Partial<
  Record<FieldSpec["format"], (field: FieldSpec, r: BorderResource, x: Resolver) => Compiled[]>
> = {
  internet: compileInternet,
  relation: compileRelation,
  public: compilePublic,
  global: compileGlobal,
  judged: compileJudged,
  grants: compileGrants,
  destination: compileDestination,
};

/** Every value of one field of `r`, compiled. */
export function compileField(
  model: TypeModel,
  field: FieldSpec,
  r: BorderResource,
  x: Resolver,
): Compiled[] {
  if (field.gate !== undefined) {
    // Drawn without its gate, the edge would open a path the gate closes (or the reverse).
    throw new Error(
      `field ${field.path} of ${r.type} passes the ${field.gate} gate, but a field cannot open a gate yet; draw the gated edge in the row's edges (gates.ts \`gated\`).`,
    );
  }
  if (field.when && !field.when(r.props, x.jurisdiction)) {
    return [];
  }
  const own = ownCompilers[field.format];
  if (own) {
    return own(field, r, x);
  }
  // An empty text names nothing: the providers read "" in an argument as not set (Terraform's
  // `GetOk`); the provider's own API Gateway example leaves `httpServiceConfig.address` empty,
  // its backend a separate resource.
  const found = valuesAt(r.props, field.path).filter((hit) => hit.value !== "");
  if (found.length === 0) {
    if (!field.required) {
      return [];
    }
    const far = x.unknownPlace(`${field.path} of ${x.label(r)} is not set`);
    return [build(field, field.path, { kind: "not-set" }, r, x, far)];
  }
  const out: Compiled[] = [];
  const leaf = field.path.split(".").pop() ?? field.path;
  // What each value names, through the property's dependencies first (known at preview).
  // A value of another format with a `ref` may name a resource of the stack (an ARN of one,
  // an identifier): that resource is then the far end.
  const refs =
    field.format === "ref" || field.ref || field.ofArn
      ? x.refs(r, field.path, field.ref ? refKinds[field.ref].types : undefined)
      : [];
  for (const [i, hit] of found.entries()) {
    if (hit.unreadable) {
      // What the document names cannot be told, nor which of its parts `where` would keep.
      out.push(unreadableDocument(field, hit.path, hit.value, r, x));
      continue;
    }
    if (field.where && !field.where(hit.holder, { props: r.props, path: hit.path })) {
      continue;
    }
    if (field.ofArn && noForeignAccount(hit.value, refs[i], r, x)) {
      continue;
    }
    if (field.format === "ref") {
      // The object holding the value, where its fallback sibling is read (an item of a list, or
      // of a document held as text, included).
      const c = compileRef(model, field, hit.holder, hit.value, refs[i], r, x);
      out.push(build(field, hit.path, c.outcome, r, x, c.far, c.unresolved));
    } else if (isUnknown(hit.value) && fallsBackFor(model, leaf)) {
      // Not known at preview, it defers to the reference it backs up, which the whole stack
      // resolves (and which draws the edge: to what it names, or to an unknown place).
      out.push(build(field, hit.path, { kind: "stack" }, r, x));
    } else {
      const c = decide(field, hit.value, r, x);
      const ref = namedResource(field, hit.value, refs[i], x);
      // Not known at preview, what the value names is read through the resource it was built
      // from, which only the whole stack places (the graph: here, or an unknown place). So is a
      // value that names a resource by a form of its kind that places nothing itself (a
      // bucket's global domain): the whole stack holds that resource or not.
      const unknownRef = field.ref !== undefined && isUnknown(hit.value);
      const byForm = refs[i]?.kind !== "resource" && formOf(field, hit.value) !== undefined;
      const outcome: Outcome = unknownRef || byForm ? { kind: "stack" } : c.outcome;
      out.push(
        build(
          field,
          hit.path,
          outcome,
          r,
          x,
          ref ?? c.far,
          undefined,
          // A destination named-destinations places over the stack, where the field says so.
          (unknownRef && field.namedWhenUnknown === true) || byForm,
        ),
      );
    }
  }
  return out;
}

/**
 * For an `ofArn` field: whether the value leaves no account to judge — not known at preview
 * (arn-locality judges the ARN it is), the ARN of another resource of the stack, or one
 * `foreignDeliveryAccount` finds no other account in.
 */
function noForeignAccount(
  value: unknown,
  ref: Ref | undefined,
  r: BorderResource,
  x: Resolver,
): boolean {
  // The resource itself is no target: an input named `arn` also identifies it.
  return (
    typeof value !== "string" ||
    (ref?.kind === "resource" && ref.resource !== r) ||
    foreignDeliveryAccount(x, r, value) === undefined
  );
}

/**
 * The resource of the stack a value of a field with a `ref` names: through its dependencies or
 * an output that identifies it, else by a form its kind reads (a bucket's own domain,
 * `<bucket>.s3.amazonaws.com`, names the bucket).
 */
function namedResource(
  field: FieldSpec,
  value: unknown,
  ref: Ref | undefined,
  x: Resolver,
): BorderResource | undefined {
  if (ref?.kind === "resource") {
    return ref.resource;
  }
  const form = formOf(field, value);
  return form ? x.byIdentifier(form.value, refKinds[form.kind].types) : undefined;
}

/** What a value names by a form its field's kind reads (a bucket's own domain), if it does. */
export function formOf(field: FieldSpec, value: unknown) {
  const kind = field.ref ? refKinds[field.ref] : undefined;
  return typeof value === "string" && value !== "" ? kind?.byForm?.(value) : undefined;
}

/** How much of an unreadable document's first line a message quotes. */
const quotedLength = 40;

/**
 * A value of a field held in a document the pack cannot read (text that is neither JSON nor YAML,
 * `Found.unreadable`): it may name any place, so it cannot be placed.
 */
function unreadableDocument(
  field: FieldSpec,
  path: string,
  text: unknown,
  r: BorderResource,
  x: Resolver,
): Compiled {
  const raw = String(text).trim();
  const line = raw.split("\n")[0].trimEnd().slice(0, quotedLength);
  const quoted = line.length < raw.length ? `${line}…` : line;
  const outcome = unplaceable(quoted, "which is not a JSON or YAML document the pack can read");
  const far = x.unknownPlace(`${path} of ${x.label(r)}, a document the pack cannot read`);
  return build(field, path, outcome, r, x, far);
}

/** The field a row declares for a reference's fallback sibling `leaf`, if it declares one. */
export function fallbackField(model: TypeModel, leaf: string): FieldSpec | undefined {
  return model.fields?.find((f) => f.path === leaf || f.path.endsWith(`.${leaf}`));
}

/** Whether a value at `leaf` is the fallback of one of the row's references. */
function fallsBackFor(model: TypeModel, leaf: string): boolean {
  return model.fields?.some((f) => f.format === "ref" && f.fallback === leaf) ?? false;
}

function build(
  field: FieldSpec,
  path: string,
  outcome: Outcome,
  r: BorderResource,
  x: Resolver,
  far?: Endpoint,
  unresolved?: boolean,
  destination = field.format === "ref",
): Compiled {
  if (!far || field.drawnByRow) {
    return { field, path, outcome, edges: [] };
  }
  const near = nearEnd(field, r, x);
  const [from, to] = field.inbound ? [far, near] : [near, far];
  const edge: TaggedEdge = {
    from,
    to,
    label: field.label,
    via: near === r ? undefined : r,
    ...(field.detail === undefined ? {} : { detail: field.detail }),
    policy: field.policy,
    local: localOf(outcome),
    at: { path, verb: field.verb, inbound: field.inbound },
    ...(unresolved ? { unresolved } : {}),
    ...(destination ? { destination: true } : {}),
  };
  // Both ways with a resource of the stack; with a place, an inbound copy also counts outward
  // (across a border both directions are a transfer). The near end's edge first.
  if (!field.both || (isPlace(far) && !field.inbound)) {
    return { field, path, outcome, edges: [edge] };
  }
  const back: TaggedEdge = { ...edge, from: to, to: from };
  return { field, path, outcome, edges: field.inbound ? [back, edge] : [edge, back] };
}

/** What a row's code tags a link with: the field the link comes from and its owner's verdict. */
export type FieldTag = Pick<TaggedEdge, "policy" | "local" | "at">;

/**
 * The tag of a link a row's `edges` draw for the field at `path` (`drawnByRow`): the field's
 * policy and the worst of its values' local verdicts — "report" when the owner reports any of
 * them from the resource alone, so the crossing is that policy's finding. An unset optional
 * field names the resource's own region: "inside".
 */
export function fieldTag(model: TypeModel, path: string, r: BorderResource, x: Resolver): FieldTag {
  const field = model.fields?.find((f) => f.path === path);
  if (!field) {
    throw new Error(`${r.type} declares no field ${path} to tag its link with.`);
  }
  const locals = compileField(model, field, r, x).map((c) => localOf(c.outcome));
  const local = locals.includes("report")
    ? "report"
    : locals.includes("stack")
      ? "stack"
      : "inside";
  return { policy: field.policy, local, at: { path, verb: field.verb } };
}

/**
 * The values of an `internet` field that open an edge from the resource to the public internet,
 * each with the words internet-egress reports it in ("is true: the instance gets a public IP
 * address"). The edge is the resource's own way out, so its owner always reports it from the
 * resource alone; a value not known at preview may open it, so it is drawn to an unknown place.
 */
function compileInternet(field: FieldSpec, r: BorderResource, x: Resolver): Compiled[] {
  const opens = field.opens ?? "always";
  const open = (path: string, what: string): Compiled => ({
    ...build(
      field,
      path,
      { kind: "outside", place: "the internet (any country)" },
      r,
      x,
      x.internet,
    ),
    what,
  });
  const notKnown = (path: string): Compiled => ({
    ...build(
      field,
      path,
      { kind: "unknown" },
      r,
      x,
      x.unknownPlace(`${path} of ${x.label(r)} is not known until deployed`),
    ),
    what: "is not known at preview, so whether it opens an internet edge cannot be decided",
  });
  if (opens === "always") {
    // The resource opens the edge whatever the value: the words say what the program set.
    const v = known(() => valueAt(r.props, field.path));
    return [
      open(
        field.path,
        isUnknown(v)
          ? `is not known at preview, and whatever it is, the resource ${field.verb}`
          : v === undefined || v === null
            ? `is not set, and the resource ${field.verb}`
            : `${field.verb}`,
      ),
    ];
  }
  // Every value at the path on its own: unknown, or opening the edge when `opens` says so.
  const each = (opensOn: (v: unknown) => boolean, said: (v: unknown) => string) =>
    valuesAt(r.props, field.path).flatMap((f) =>
      isUnknown(f.value)
        ? [notKnown(f.path)]
        : opensOn(f.value)
          ? [open(f.path, `${said(f.value)}: ${field.verb}`)]
          : [],
    );
  if (opens === "true") {
    return each(isTrue, () => "is true");
  }
  if (opens === "default-route") {
    return each(
      (v) => typeof v === "string" && isAnywhere(v),
      (v) => `is ${String(v)}`,
    );
  }
  const v = valueAt(r.props, field.path);
  if (opens === "not-false") {
    return v === false ? [] : [open(field.path, `is not false: ${field.verb}`)];
  }
  if (opens === "positive") {
    return isUnknown(v)
      ? [notKnown(field.path)]
      : typeof v === "number" && v > 0
        ? [open(field.path, `is ${v}: ${field.verb}`)]
        : [];
  }
  if ("unless" in opens) {
    if (isUnknown(v)) {
      return [notKnown(field.path)];
    }
    if (v === undefined) {
      return [open(field.path, `is not set (the default): ${field.verb}`)];
    }
    return opens.unless.includes(String(v).toLowerCase())
      ? []
      : [open(field.path, `is ${JSON.stringify(v)}: ${field.verb}`)];
  }
  if ("values" in opens) {
    return each(
      (v) => opens.values.includes(String(v).toLowerCase()),
      (v) => `is ${JSON.stringify(v)}`,
    );
  }
  if ("reads" in opens) {
    return opens.reads(r.props).map((o) => (o.unknown ? notKnown(o.path) : open(o.path, o.what)));
  }
  if ("defaultVpc" in opens) {
    // A subnet or interface not known at preview is still one the program names: the instance
    // is placed, in a network the graph judges, not in the default VPC.
    const placed = [field.path, ...opens.defaultVpc.placedBy].some((p) => {
      const set = valueAt(r.props, p);
      return set !== undefined && set !== null && !(Array.isArray(set) && set.length === 0);
    });
    const flag = opens.defaultVpc.publicIp;
    const publicIp = flag === undefined ? undefined : valueAt(r.props, flag);
    if (placed) {
      return [];
    }
    if (flag !== undefined && isUnknown(publicIp)) {
      return [notKnown(flag)];
    }
    // A flag that is true gives the instance its public address whatever the subnet: the row's
    // own field of the flag says so (one address, one finding, with the fix both would give).
    return String(publicIp).toLowerCase() === "false" || isTrue(publicIp)
      ? []
      : [open(field.path, `is not set: ${field.verb}`)];
  }
  // A managed runtime: in the stack's subnets, or isolated, it has no way out of its own.
  const { isolation, holder } = opens.outsideVpc;
  const subnets = holder === undefined ? field.path : field.path.slice(holder.length + 1);
  const parent = subnets.split(".").slice(0, -1).join(".");
  const holders = holder === undefined ? [{ path: "", value: r.props }] : valuesAt(r.props, holder);
  return holders.flatMap((h): Compiled[] => {
    const at = (p: string) => (h.path === "" ? p : `${h.path}.${p}`);
    if (isUnknown(h.value)) {
      return [notKnown(h.path)];
    }
    const isolated = isolation === undefined ? undefined : valueAt(h.value, isolation);
    const list = valueAt(h.value, subnets);
    if (isolation !== undefined && isUnknown(isolated)) {
      return [notKnown(at(isolation))];
    }
    if (isUnknown(list)) {
      return [notKnown(at(subnets))];
    }
    // A list of subnets, or one subnet's ID (a Glue development endpoint's subnetId).
    const inVpc = Array.isArray(list) ? list.length > 0 : typeof list === "string" && list !== "";
    if (isTrue(isolated) || inVpc) {
      return [];
    }
    const unless = isolation === undefined ? "" : ` and ${isolation} is not true`;
    // The object that holds the list (`vpcConfig`), or the list itself at the top (`connections`).
    return [open(at(parent === "" ? subnets : parent), `is not set${unless}: ${field.verb}`)];
  });
}

/**
 * The values of a `public` field that make the resource reachable from anyone on the internet,
 * each with the words public-exposure reports it in ("is \"public-read\": objects are readable by
 * anyone"). A value not known at preview may expose it, so it is judged too. The edge goes from
 * the resource to the public internet (a row whose gate decides it draws it itself: `drawnByRow`).
 */
function compilePublic(field: FieldSpec, r: BorderResource, x: Resolver): Compiled[] {
  const exposes = field.exposes;
  if (exposes === undefined) {
    throw new Error(
      `field ${field.path} of ${r.type} is public but says nothing of what exposes it`,
    );
  }
  const notKnown = "is not known at preview, so whether it is public cannot be decided";
  const one = (path: string, what: string, known = true): Compiled => ({
    ...build(
      field,
      path,
      known ? { kind: "outside", place: "the internet (any country)" } : { kind: "unknown" },
      r,
      x,
      known ? x.internet : x.unknownPlace(`${path} of ${x.label(r)} is not known until deployed`),
    ),
    what,
  });
  if (exposes === "always") {
    return [one(field.path, field.verb)];
  }
  if (typeof exposes === "object" && "reads" in exposes) {
    return exposes.reads(r.props, x.allowlist).map((o) => one(o.path, o.what, !o.unknown));
  }
  if (exposes === "ingress") {
    const entries = valuesAt(r.props, field.path).filter(
      (f) => field.where?.(f.holder, { props: r.props, path: f.path }) ?? true,
    );
    return entries.flatMap((f) =>
      openSource(f.path, f.value, x.allowlist).map((o) => one(o.path, o.what, !o.unknown)),
    );
  }
  if (exposes === "each") {
    return valuesAt(r.props, field.path).map((f) => one(f.path, field.verb));
  }
  if (exposes === "any") {
    return valuesAt(r.props, field.path).map((f) =>
      isUnknown(f.value)
        ? one(f.path, notKnown, false)
        : one(f.path, `is ${JSON.stringify(f.value)}: ${field.verb}`),
    );
  }
  if (exposes === "grantee") {
    return valuesAt(r.props, field.path)
      .filter((f) => isPublicGrantee(f.value))
      .map((f) => one(f.path, `grants access to ${String(f.value)}`));
  }
  if (exposes === "policy") {
    const raw = valueAt(r.props, field.path);
    if (raw === undefined) {
      return [];
    }
    const doc = jsonDocument(raw);
    if (isUnknown(raw) || isUnknown(doc)) {
      // Undecided only when a value not known at preview could make a statement public.
      return mayBePublicDocument(raw) ? [one(field.path, notKnown, false)] : [];
    }
    return statements(doc)
      .filter(isPublic)
      .map((s) =>
        one(
          `${field.path}.Statement[${s.index}]`,
          `${s.everyone ? 'allows Principal "*"' : "allows everyone but the principals NotPrincipal names,"} and no condition limits it to named networks, addresses, accounts or organisations: anyone on the internet can use it`,
        ),
      );
  }
  if ("flag" in exposes) {
    const v = valueAt(r.props, field.path);
    if (isUnknown(v)) {
      return [one(field.path, notKnown, false)];
    }
    const on = v === undefined ? exposes.flag.absentMeans : isTrue(v);
    const state = v === undefined ? "is not set (defaults to public)" : "is set";
    return on ? [one(field.path, `${state}: ${field.verb}`)] : [];
  }
  if ("unless" in exposes) {
    const v = valueAt(r.props, field.path);
    if (isUnknown(v)) {
      return [one(field.path, notKnown, false)];
    }
    if (v !== undefined && exposes.unless.includes(String(v).toLowerCase())) {
      return [];
    }
    const state =
      v === undefined ? `is not set (defaults to ${exposes.absentIs})` : `is ${JSON.stringify(v)}`;
    return [one(field.path, `${state}: ${field.verb}`)];
  }
  return valuesAt(r.props, field.path).flatMap((f) =>
    isUnknown(f.value)
      ? [one(f.path, notKnown, false)]
      : exposes.values.includes(String(f.value).toLowerCase())
        ? [one(f.path, `is ${JSON.stringify(f.value)}: ${field.verb}`)]
        : [],
  );
}

/**
 * The AWS services whose edge a partition runs inside itself: CloudFront, Route 53 and S3's
 * transfer acceleration of the China partition serve from China only, those of GovCloud from the
 * United States; API Gateway there refuses edge-optimised APIs and domain names outright (no edge,
 * so no path: the deployment fails). Global Accelerator, ECR Public and Lightsail are not offered
 * there, and mobile push reaches the platforms' own services abroad: a program that declares them
 * on such a provider still reaches the global network (or cannot deploy).
 */
const partitionEdges = /^aws:(cloudfront|route53|s3|apigateway)\//;

/** Whether an AWS resource's edge stays in its provider's partition, which the jurisdiction holds whole. */
function confined(r: BorderResource, x: Resolver): boolean {
  const provider = r.provider ? x.get(r.provider) : undefined;
  const region = provider?.props.region;
  return (
    partitionEdges.test(r.type) &&
    typeof region === "string" &&
    holdsAwsPartition(x.jurisdiction, awsPartitionOf(region))
  );
}

/**
 * The values of a `global` field that put the stack's data on a global edge network (transfer
 * acceleration, a CDN), each with the words global-services reports it in. The edge goes from
 * the data (the field's `source`, else the resource) to the network `farSide` names, a global
 * place. In a partition confined to the jurisdiction the network stays there: the owner has
 * nothing to report and the graph draws no edge out. A value not known at preview may reach it:
 * it is judged, and drawn only once known.
 */
function compileGlobal(field: FieldSpec, r: BorderResource, x: Resolver): Compiled[] {
  const reaches = field.reaches ?? "always";
  const far = x.globalPlace(field.farSide ?? "a global edge network");
  const local = confined(r, x);
  const reach = (path: string): Compiled => ({
    ...build(
      field,
      path,
      local ? { kind: "inside" } : { kind: "outside", place: far.label },
      r,
      x,
      local ? undefined : far,
    ),
    what: field.verb,
  });
  if (reaches === "always") {
    return [reach(field.path)];
  }
  if (typeof reaches === "object" && "reads" in reaches) {
    return reaches.reads(r.props, x.jurisdiction).map((g) =>
      g.unknown
        ? {
            ...build(field, g.path, local ? { kind: "inside" } : { kind: "unknown" }, r, x),
            what: g.what,
          }
        : { ...reach(g.path), what: g.what },
    );
  }
  const v = valueAt(r.props, field.path);
  if (isUnknown(v)) {
    return [
      {
        ...build(field, field.path, local ? { kind: "inside" } : { kind: "unknown" }, r, x),
        what:
          typeof reaches === "object" && "scope" in reaches
            ? "is not known at preview, so where content is cached cannot be decided"
            : "is not known at preview, so its reach cannot be decided",
      },
    ];
  }
  if (typeof reaches === "object" && "scope" in reaches) {
    const what = serviceArea(v, reaches.scope.absentIsDomestic, x.jurisdiction.id);
    return what === undefined ? [] : [{ ...reach(field.path), what }];
  }
  const on = reaches === "true" ? isTrue(v) : v === reaches.equals;
  return on ? [reach(field.path)] : [];
}

/**
 * What an Alibaba Cloud service area does to a jurisdiction, in global-services' words, or
 * undefined when it stays inside: `domestic` is the Chinese mainland.
 */
function serviceArea(v: unknown, absentIsDomestic: boolean, j: string): string | undefined {
  const scope = typeof v === "string" ? v.toLowerCase() : undefined;
  const domestic = scope === "domestic" || (scope === undefined && absentIsDomestic);
  if (domestic && j === "CN") {
    return undefined;
  }
  if (scope === undefined && !absentIsDomestic) {
    return "is not set and the service's default area is not documented";
  }
  if (domestic) {
    return "is the Chinese mainland, which lies outside the jurisdiction";
  }
  // Outside CN, "outside the Chinese mainland" would read as if it were this jurisdiction's edge.
  return j === "CN"
    ? `is ${JSON.stringify(v)}: content is cached and served from points of presence outside the Chinese mainland`
    : `is ${JSON.stringify(v)}: content is cached and served from points of presence around the world (${scope === "global" ? "the Chinese mainland included" : "outside the Chinese mainland"}), not only inside ${j}`;
}

/** Thrown by a relation's reader at a property not known at preview. */
const unknownRead = Symbol("a property not known at preview");

/**
 * A `relation` field: one value when the properties it reads cross a border together, named by
 * its path (`geographicRegionAId/geographicRegionBId`); undecided when one of them is not known
 * at preview, which the message says of "a setting it depends on".
 */
function compileRelation(field: FieldSpec, r: BorderResource, x: Resolver): Compiled[] {
  const relates = field.relates;
  if (relates === undefined) {
    throw new Error(
      `field ${field.path} of ${r.type} is a relation but says nothing of what it relates`,
    );
  }
  let place: string | undefined;
  try {
    place = relates((path) => {
      const v = valueAt(r.props, path);
      if (holdsUnknown(v)) {
        throw unknownRead;
      }
      return v;
    });
  } catch (e) {
    if (e !== unknownRead) {
      throw e;
    }
    const at = "a setting it depends on";
    const far = x.unknownPlace(`${field.path} of ${x.label(r)} is not known until deployed`);
    return [build(field, at, { kind: "unknown" }, r, x, far)];
  }
  return place === undefined
    ? []
    : [build(field, field.path, { kind: "outside", place }, r, x, x.unknownPlace(place))];
}

/** The runtime's proxy of a resource's inputs and its sentinel of a value not known at preview. */
const runtime = proxy as unknown as {
  readonly unknownStringValue: string;
  readonly unknownCheckingProxy: (v: unknown) => unknown;
};

/** A plain copy of `v` with every value not known at preview back as the runtime's sentinel. */
function withSentinels(v: unknown): unknown {
  if (isUnknown(v)) {
    return runtime.unknownStringValue;
  }
  if (Array.isArray(v)) {
    return v.map(withSentinels);
  }
  return typeof v === "object" && v !== null
    ? Object.fromEntries(Object.entries(v).map(([k, e]) => [k, withSentinels(e)]))
    : v;
}

/**
 * A `judged` field: the row's reading of the resource's inputs, which it receives as the
 * CrossGuard runtime hands them over (a read of a value not known at preview throws, `known`
 * catches it), so the reading decides alike under the runtime, over a recorded plan and in the
 * graph. Every place it names is one outside outcome and one edge to that place; a reading that
 * meets an unknown value is one undecided value, "a setting it depends on".
 */
function compileJudged(field: FieldSpec, r: BorderResource, x: Resolver): Compiled[] {
  const judges = field.judges;
  if (judges === undefined) {
    throw new Error(`field ${field.path} of ${r.type} is judged but says nothing of how`);
  }
  const props = runtime.unknownCheckingProxy(withSentinels(r.props)) as Record<string, unknown>;
  let found: readonly Judged[];
  try {
    found = judges(props, x.jurisdiction, x.allowlist, { region: x.regionOf(r)?.region });
  } catch (e) {
    if (!isUnknownValueError(e)) {
      throw e;
    }
    const far = x.unknownPlace(`${field.path} of ${x.label(r)} is not known until deployed`);
    return [build(field, "a setting it depends on", { kind: "unknown" }, r, x, far)];
  }
  return found.map((j) =>
    build(
      { ...field, verb: j.verb },
      j.path,
      { kind: "outside", place: j.place },
      r,
      x,
      x.unknownPlace(j.place),
    ),
  );
}

/**
 * A `grants` field: whom the resource's policy, permission or share grants, each grantee its
 * owner's — everyone (or a grant not known at preview) public-exposure's, an edge from the
 * resource to the public internet; an account that is not the stack's own (its provider's
 * `allowedAccountIds` / `accountId`), or every account of an organisation, cross-account-links',
 * an edge to that account. Services acting for the stack and the stack's own account are granted
 * nothing either policy reports. The finding's words: `what` for everyone, the place for accounts.
 */
function compileGrants(field: FieldSpec, r: BorderResource, x: Resolver): Compiled[] {
  const grants = field.grants;
  if (grants === undefined) {
    throw new Error(`field ${field.path} of ${r.type} is a grant but says nothing of whom`);
  }
  const provider = r.provider ? x.get(r.provider) : undefined;
  const own = ownAccounts(provider, x.declaredAccounts);
  const cloud = cloudOf(r.type) ?? "alicloud";
  // AWS refuses a principal of another partition than the holder's: it is granted nothing.
  const holder = known(() => awsPartitionOfResource(r.type, r.props, provider));
  const refused = (g: Grantee) =>
    g.kind === "account" &&
    g.partition !== undefined &&
    typeof holder === "string" &&
    g.partition !== holder;
  return grants(r.props).flatMap((g): Compiled[] => {
    if (refused(g)) {
      return [];
    }
    if (field.policy === "public-exposure") {
      if (g.kind === "everyone") {
        const outcome: Outcome = { kind: "outside", place: "the internet (any country)" };
        return [{ ...build(field, g.path, outcome, r, x, x.internet), what: g.what }];
      }
      if (g.kind === "unknown") {
        const far = x.unknownPlace(`${g.path} of ${x.label(r)} is not known until deployed`);
        return [
          {
            ...build(field, g.path, { kind: "unknown" }, r, x, far),
            what: "is not known at preview, so whether it is public cannot be decided",
          },
        ];
      }
      return [];
    }
    if (g.kind === "account" && !own.includes(g.account)) {
      const place = foreignAccountPlace(g.account, own, x.standInAccount);
      const outcome: Outcome = { kind: "outside", place };
      const built = build(field, g.path, outcome, r, x, x.accountPlace(cloud, g.account));
      return [g.verb === undefined ? built : { ...built, what: `${g.verb} ${place}` }];
    }
    if (g.kind === "undecided") {
      return [
        {
          ...build(
            field,
            g.path,
            { kind: "outside", place: g.place },
            r,
            x,
            x.unknownPlace(g.place),
          ),
          undecided: true,
        },
      ];
    }
    if (g.kind === "identity-provider") {
      const place = `the identities ${g.provider} vouches for (an identity provider, not an account of the stack)`;
      return [build(field, g.path, { kind: "outside", place }, r, x, x.unknownPlace(place))];
    }
    if (g.kind === "reachable") {
      const built = build(
        field,
        g.path,
        { kind: "outside", place: g.place },
        r,
        x,
        x.unknownPlace(g.place),
      );
      return [{ ...built, what: g.what }];
    }
    if (g.kind === "organization") {
      // An organisational unit's ID (`ou-…`, an OU ARN's last part) names the unit, not the
      // whole organisation (found by the sharing bench).
      const unit = /(^|\/)ou-[a-z0-9-]+$/.test(g.id);
      const place = `every account of ${unit ? "organizational unit" : "organization"} ${g.id} (the pack cannot tell which accounts it holds)`;
      return [build(field, g.path, { kind: "outside", place }, r, x, x.unknownPlace(place))];
    }
    return [];
  });
}

/**
 * The servers a `destination` field sends data to that kubernetes-egress reports, each with the
 * words it reports it in (`what`, completing "…, but <path> <what>: …"), and its edge: from the
 * object to the public internet for a public address, else to a place the pack cannot name. A
 * value not known at preview may name any server. Private, in-cluster and allowlisted servers
 * draw no edge: private space is drawn only where the stack's links carry it.
 */
function compileDestination(field: FieldSpec, r: BorderResource, x: Resolver): Compiled[] {
  const server = field.server;
  if (server === undefined) {
    throw new Error(`field ${field.path} of ${r.type} is a destination without its server.`);
  }
  return valuesAt(r.props, field.path).flatMap((found): Compiled[] => {
    if (isUnknown(found.value)) {
      const far = x.unknownPlace(`${found.path} of ${x.label(r)} is not known until deployed`);
      return [
        {
          ...build(field, found.path, { kind: "unknown" }, r, x, far),
          what: "is not known at preview",
        },
      ];
    }
    const destinations = destinationsOf(server, found.value, x.allowlist, x.jurisdiction.id);
    return destinations
      .filter((d) => !inOwnCluster(d, r.props))
      .map((d): Compiled => {
        const at = destinationPath(found.path, d);
        const placing = destinationPlacingOf(server, d, r.props);
        if (d.host !== undefined && placing !== undefined) {
          // A name only the whole stack can place: the ServiceEntry of the cluster that adds it
          // to the mesh, the Consul object that gives a catalog service its address or Envoy
          // Gateway's Backend (judged itself), the Service a pod's resolver answers
          // `<service>.<namespace>` with — not where pods that read the configuration take
          // another resolver — else a place named-destinations fails closed
          // (paths/mesh-hosts.ts). The resource's own view reports nothing of it.
          const readElsewhere =
            placing === byClusterService &&
            readersBypass(
              r,
              (t) => x.ofType(t),
              (u) => x.get(u),
            ) !== undefined;
          const placer = readElsewhere
            ? undefined
            : x.memo(`placers: ${placing.what}`, () =>
                placerIndex(
                  placing,
                  placing.types.flatMap((t) => x.ofType(t)),
                  (u) => x.get(u),
                ),
              )(r, d.host);
          return {
            ...build(
              field,
              at,
              { kind: "stack" },
              r,
              x,
              placer ?? x.unknownPlace(d.place),
              undefined,
              true,
            ),
            what: d.why,
          };
        }
        if (d.unknown) {
          const far = x.unknownPlace(`${found.path} of ${x.label(r)} ${d.why}`);
          return { ...build(field, at, { kind: "unknown" }, r, x, far), what: d.why };
        }
        const far = d.to === "internet" ? x.internet : x.unknownPlace(d.place);
        return {
          ...build(field, at, { kind: "outside", place: d.place }, r, x, far),
          what: `${d.why}${unsearchedServiceName(d, clusterSearchBypass(r.props)) ?? ""}`,
        };
      });
  });
}
