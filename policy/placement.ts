/**
 * Where resources are: every resource's effective region lies inside the jurisdiction
 * (`resource-placement`), no global edge service carries the stack's data onto points of presence
 * abroad (`global-services`), and every place a resource's inputs name — an ARN, or a region ID,
 * availability zone, service endpoint or registry host held by a property whose name marks it as
 * naming a place — lies inside (`arn-locality`). Sources: shared/research/data-paths.md §1 (how a
 * region is determined), §3/§4 "CDN / edge", "Global accelerator", "Anycast EIP", object-storage
 * acceleration.
 */
import {
  describeEdgeZone,
  edgeZoneInJurisdiction,
  edgeZoneOf,
  unlistedEdgeZone,
} from "../residency/edge-zones";
import { replicaCopy } from "./paths/types/replica-members";
import { regionFixes } from "./paths/types/global-reach";
import { outpostOf, outpostPlace } from "../residency/outposts";
import {
  describeEnsArea,
  describeEnsNode,
  ensAreaLevels,
  ensAreaOf,
  ensAreasInside,
  ensNodeInJurisdiction,
  ensNodeOf,
  ensNodePath,
  unreadEnsNode,
} from "../residency/ens-nodes";
import type { PolicyResource, ResourceValidationArgs } from "@pulumi/policy";
import {
  type Cloud,
  clouds,
  findJurisdiction,
  holdsCountry,
  type Jurisdiction,
  jurisdictionOfRegion,
  regionInJurisdiction,
  cloudNames,
} from "../residency/jurisdictions";
import {
  awsPartitionOfHost,
  awsPartitionOfResource,
  cloudOf,
  describeNamedPlace,
  describePlace,
  hostOf,
  imageRegistry,
  arnAccount,
  inferenceProfileGeography,
  isAwsRegionShaped,
  unknownProfileGeography,
  placementOf,
  providerHosted,
  regionOfEndpoint,
  kindName,
  resourceLabel,
  stateOnlyPackages,
} from "../residency/placement";
import { wordsOf } from "./inventory/place-rules";
import { listedTypes } from "./review/listed";
import { foreignAccountPlace, otherAccount, ownAccounts, standInFor } from "./paths/accounts";
import { kubernetesGroup, reviewedTypes } from "./reviewed";
import {
  type EgressAllowEntry,
  type Finding,
  type PolicyContext,
  residencyResourcePolicy,
} from "./framework";
import { isDefaultProvider } from "./paths/describe";
import { reachOfAddress } from "./paths/addresses";
import { knownRegions, locate, namesAPlace, regionOfZone, serverOutside } from "./paths/places";
import {
  arnReferences,
  type DeclaredPaths,
  decidedPaths,
  accountJudgedPaths,
  declaredPaths,
  type ArnReference,
  foreignArns,
  mentionOnly,
  inertAcrossPartitions,
  kmsArn,
  type NamedPlaceKind,
  namedPlaceReferences,
  arnOutcome,
  type ScriptUpload,
  scriptUploads,
} from "./paths/references";
import { type BucketTarget, describeRemote, type UploadTool } from "../residency/uploads";
import type { AddressSource } from "../residency/address-marks";
import { clusterDomain, isListType, podTemplateOf } from "./paths/kubernetes";
import {
  heldPartitionOfBucketName,
  placementOfResource,
  refKinds,
  resolveRef,
} from "./paths/resolver";
import { byType } from "./paths/types";
import { bundles } from "./paths/types/bundles";
import { readFromInputs } from "./paths/types/common";
import { globalView } from "./paths/views";
import {
  isUnknown,
  jsonDocument,
  known,
  modelPath,
  str,
  stringsIn,
  unknown,
  valueAt,
} from "./paths/values";
import { reviewedReading, reviews } from "./review/readings";

/**
 * Endpoint overrides of a provider (`endpoints`, Alibaba's `logEndpoint`/`mnsEndpoint`/`fc`):
 * each sends one service's API calls — and the data in them — to the host it names: a regional
 * endpoint inside, an allowlisted address or a host the stack places by name passes.
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
        undecided: true,
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
      // A host the stack placed by name (`egressHosts`: an S3-compatible store of its own), or an
      // allowlisted address.
      if (
        place === undefined &&
        reachOfAddress(hostOf(url), ctx.settings.egressAllowlist).kind === "allowlisted"
      ) {
        continue;
      }
      const where = place
        ? describePlace(j, place.cloud, place.region)
        : "a host the pack cannot place";
      out.push({
        message: `${label} must send API calls only to endpoints inside ${j.id}, but ${hit.path} is ${JSON.stringify(url)}, ${where}. Remove the override or point it at the service's endpoint in the stack's region${place === undefined ? "; a host you have placed inside goes in the stack's egressHosts" : ""}.`,
        path: [label, `${url} (${where})`],
      });
    }
  }
  return out;
}

/**
 * Whether an input of a resource or provider of a cloud the catalog does not place names a place
 * by its name: Azure's `location` (and a Cosmos DB replica's `locations[].locationName`), Google
 * Cloud's `region`, `zone`, `location`, `nodeLocations`, a backup's `location` or a bucket's
 * `dataLocations`, at any depth, and the same words of the other clouds' providers. A time zone,
 * a DNS zone or an ID of one is no place.
 */
function namesUncataloguedPlace(name: string): boolean {
  const words = wordsOf(name);
  const last = words[words.length - 1];
  if (words.some((w) => w === "time" || w === "dns" || w === "hosted")) {
    return false;
  }
  return (
    ["location", "locations", "region", "regions", "zone", "zones"].includes(last ?? "") ||
    name === "locationName" ||
    // A region by its name, slug or code (MongoDB Atlas's `regionName` and `providerRegionName`,
    // Grafana Cloud's `regionSlug`); a zone's ID is a DNS zone's as often (Cloudflare's `zoneId`).
    (words.includes("region") && ["name", "slug", "code", "id"].includes(last ?? "")) ||
    // A service's cloud and region in one (Aiven's `cloudName`: `google-europe-west1`).
    namesCloudAndRegion(name)
  );
}

/** A property naming a service's cloud and region in one value (Aiven's `cloudName`). */
const namesCloudAndRegion = (name: string): boolean => wordsOf(name).join(" ") === "cloud name";

/** The clouds a vendor's `<cloud>-<region>` place (Aiven's `cloudName`) starts with, by package. */
const cloudPrefixes: Readonly<Record<string, string>> = { aws: "aws", google: "gcp", gcp: "gcp" };

/**
 * The cloud a third-party service runs its resource on, where the resource says so beside the
 * place it names (Confluent's `cloud: "GCP"`, MongoDB Atlas's `backingProviderName: "GCP"`, a
 * region config's `providerName`) or in the place itself (Aiven's `google-us-east4`): the
 * package of that cloud's own SDK, for the clouds whose places the catalog judges outright.
 */
function serviceCloud(key: string, value: string, holder: unknown): string | undefined {
  const prefixed = /^([a-z]+)-./.exec(value);
  if (prefixed !== null && namesCloudAndRegion(key)) {
    return cloudPrefixes[prefixed[1]];
  }
  if (holder === null || typeof holder !== "object" || Array.isArray(holder)) {
    return undefined;
  }
  // Only the settings that name a cloud are read: the holder's other values (a DigitalOcean load
  // balancer's `dropletTag`, the name of a tag the program creates) may be unknown at preview
  // and say nothing of where the service runs. A cloud setting not known at preview still fails
  // the check closed.
  for (const name of Object.keys(holder)) {
    const words = wordsOf(name);
    const namesCloud =
      words.at(-1) === "cloud" ||
      (words.includes("provider") && words.at(-1) === "name") ||
      words.join(" ") === "cloud provider";
    if (!namesCloud) {
      continue;
    }
    const v = (holder as Record<string, unknown>)[name];
    if (typeof v === "string" && /^(gcp|google|google_cloud)$/i.test(v)) {
      return "gcp";
    }
  }
  return undefined;
}

/**
 * An AWS region written in capitals with underscores, as MongoDB Atlas names the regions of its
 * AWS clusters (`EU_WEST_1`, `US_EAST_1`), in the catalog's spelling; undefined otherwise.
 */
function capitalisedAwsRegion(value: string): string | undefined {
  if (!/^[A-Z]{2,}(_[A-Z]+)+_\d$/.test(value)) {
    return undefined;
  }
  const region = value.toLowerCase().replace(/_/g, "-");
  return knownRegions().aws.has(region) ? region : undefined;
}

/**
 * The settings of a provider of a package the catalog does not place that name the host its API
 * calls — and the data in them — go to: Datadog's `apiUrl` (`https://api.datadoghq.eu/` is the EU
 * site), Grafana's `url`, Sentry's `baseUrl`, Confluent's `endpoint`.
 */
function namesServiceHost(name: string): boolean {
  const words = wordsOf(name);
  const last = words.at(-1) ?? "";
  // Where the provider gets its credentials (Azure's `oidcRequestUrl`, an MSI endpoint) receives
  // no data of the stack; an `authUrl` (OpenStack's Keystone) is the cloud itself, and read.
  if (words.some((w) => credentialWords.has(w))) {
    return false;
  }
  return [
    ...["url", "urls", "endpoint", "endpoints", "host", "hosts", "hostname", "address"],
    ...["addresses", "servers"],
  ].includes(last);
}

const credentialWords: ReadonlySet<string> = new Set([
  ...["oidc", "token", "msi", "login", "identity", "credential", "credentials"],
  ...["oauth", "jwks", "issuer"],
]);

/** Names of the machine the program runs on: the provider talks to it, not to a place. */
const loopback = /^(localhost(\.localdomain)?|[\w-]+\.localhost|::1|\[::1\]|ip6-localhost)$/i;

/** Whether a setting's host is a host at all: not a file (`./mysqld.sock`) or a bare word. */
const hostLike =
  /^(\[[0-9a-f:]+\]|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)$/i;

/**
 * The hosts a provider of a package the catalog does not place sends its API calls to: a cloud
 * service endpoint is placed by its region, a private or allowlisted address stays in the stack's
 * network, a host the stack places by name (`egressHosts`) or its reviewer lists under
 * `regionsInside` for the package passes; any other host cannot be placed.
 */
function serviceHostFindings(
  pkg: string,
  label: string,
  props: Record<string, unknown>,
  j: Jurisdiction,
  confirmed: ReadonlySet<string>,
  allowlist: readonly EgressAllowEntry[],
): Finding[] {
  const out: Finding[] = [];
  for (const hit of stringsIn(props)) {
    if (hit.name === undefined || !namesServiceHost(hit.name) || typeof hit.value !== "string") {
      continue;
    }
    const host = hostOf(hit.value);
    if (
      host === undefined ||
      !hostLike.test(host) ||
      loopback.test(host) ||
      confirmed.has(placeKey(host))
    ) {
      continue;
    }
    const place = regionOfEndpoint(host);
    if (place !== undefined) {
      if (!regionInJurisdiction(j, place.cloud, place.region)) {
        const where = describePlace(j, place.cloud, place.region);
        out.push({
          message: `${label} must send API calls only to endpoints inside ${j.id}, but ${hit.path} is ${JSON.stringify(hit.value)}, an endpoint in ${where}. Point it at the service's endpoint in a region inside ${j.id}.`,
          path: [label, `${host} (${where})`],
        });
      }
      continue;
    }
    // A private or allowlisted address, or a host the stack placed by name (`egressHosts`).
    if (reachOfAddress(host, allowlist).kind !== "internet") {
      continue;
    }
    out.push({
      message: `${label} must send API calls only to places inside ${j.id}, but ${hit.path} is ${JSON.stringify(hit.value)}, a host of ${pkg} the pack cannot place: the service there keeps what the program sends it. Point the provider at the service's site inside ${j.id}, or, once you have confirmed that ${host} keeps the data inside ${j.id}, name it in the stack's egressHosts with your reason, or list it for the stack under regionsInside of resource-placement in a --policy-config file (${JSON.stringify({ "resource-placement": { regionsInside: { [pkg]: [host] } } })}).`,
      path: [label, `${host} (a host of ${pkg} the pack cannot place)`],
    });
  }
  return out;
}

/**
 * Clouds the catalog does not place that have no region at all in a jurisdiction: Google Cloud,
 * DigitalOcean, Hetzner, Linode (Akamai), Vultr and Scaleway run none in mainland China (Azure
 * does, operated by 21Vianet, so its places stay for a reviewer to confirm).
 */
const noRegionIn: Readonly<Record<string, readonly string[]>> = {
  CN: ["gcp", "google-native", "digitalocean", "hcloud", "linode", "vultr", "scaleway"],
};

/**
 * The location of a build's context or Dockerfile (docker-build's `context.location`,
 * `context.named.<name>.location`, `dockerfile.location`): a folder or file of the machine that
 * runs the build, or a URL it reads from — never a place data is kept, even when the folder's
 * name is a plain word such as `app`.
 */
const buildInput = /(^|\.)(context|dockerfile)(\.named\.[^.]+)?\.location$/;

/**
 * Packages of another SDK for a cloud the catalog holds, whose `region` is a region of that cloud:
 * AWS Cloud Control (`aws-native`) names AWS's regions.
 */
const sameRegions: Readonly<Record<string, Cloud>> = { "aws-native": "aws" };

/** The package of a resource or provider type whose places the catalog cannot judge, if it is one. */
function uncataloguedPackage(type: string): string | undefined {
  const pkg = type.startsWith("pulumi:providers:")
    ? type.slice("pulumi:providers:".length)
    : type.split(":")[0];
  // Kubernetes objects are placed by their cluster, the state-only packages' by the stack's
  // state, Pulumi's own resources (stack references) hold no place. An object of a kind neither
  // the SDK defines nor the pack reviews, allowed after review, is its controller's: the places
  // its spec names (a Crossplane Azure resource's `spec.forProvider.location`) are confirmed by
  // its API group.
  if (pkg === "kubernetes" && unreviewedCustomResource(type)) {
    return kubernetesGroup(type);
  }
  return pkg === "kubernetes" || pkg === "pulumi" || stateOnlyPackages.includes(pkg)
    ? undefined
    : pkg;
}

/** The cloud a custom resource's API group manages (Crossplane's providers), if it names one. */
function customResourceCloud(type: string): string | undefined {
  const group = kubernetesGroup(type) ?? "";
  return /(^|\.)gcp\.(upbound|crossplane)\.io$/.test(group)
    ? "gcp"
    : /(^|\.)azure\.(upbound|crossplane)\.io$/.test(group)
      ? "azure"
      : undefined;
}

/**
 * A place of another cloud as its APIs compare them: Google Cloud's locations and Azure's ignore
 * case (`ASIA-EAST2`, `asia-east2`), and Azure's its display names' spaces (`West US`, `westus`).
 */
const placeKey = (place: string) => place.toLowerCase().replace(/\s+/g, "");

/** `regionsInside` of the policy's config: the places of other clouds a reviewer confirmed inside. */
function confirmedPlaces(config: Record<string, unknown>, pkg: string): ReadonlySet<string> {
  const all = config.regionsInside;
  if (all === null || typeof all !== "object" || Array.isArray(all)) {
    return new Set();
  }
  const listed = (all as Record<string, unknown>)[pkg];
  return new Set(
    Array.isArray(listed)
      ? listed.filter((r): r is string => typeof r === "string").map(placeKey)
      : [],
  );
}

/**
 * A resource or provider of a cloud the catalog does not place (Azure, Google Cloud, …) that sets
 * a location: a destination the pack cannot place, unless the stack's reviewer lists that place
 * under `regionsInside` for the package.
 */
function uncataloguedPlaceFindings(
  args: { type: string; name: string; props: Record<string, unknown> },
  ctx: PolicyContext,
): Finding[] {
  const pkg = uncataloguedPackage(args.type);
  if (pkg === undefined) {
    return [];
  }
  const j = ctx.jurisdiction;
  const label = resourceLabel(args.type, args.name);
  const confirmed = confirmedPlaces(ctx.config, pkg);
  const provider = args.type.startsWith("pulumi:providers:");
  const verb = provider ? "pinned to" : "created in";
  const out: Finding[] =
    provider && sameRegions[pkg] === undefined
      ? serviceHostFindings(pkg, label, args.props, j, confirmed, ctx.settings.egressAllowlist)
      : [];
  const unplaced: { key: string; value: string }[] = [];
  const customResource = args.type.startsWith("kubernetes:");
  for (const hit of stringsIn(args.props)) {
    if (hit.name === undefined || !namesUncataloguedPlace(hit.name)) {
      continue;
    }
    if (customResource && /^metadata\./.test(hit.path)) {
      // An object's labels and annotations (`topology.kubernetes.io/zone`) are the cluster's.
      continue;
    }
    const key = hit.path;
    const value = hit.value;
    if (buildInput.test(key)) {
      continue;
    }
    if (typeof value === "string" && !/^[A-Za-z][\w -]*$/.test(value)) {
      // Not a place's name: an availability zone by its number ("1", within the location the
      // resource is in), a file path (a build context's location), a URL.
      continue;
    }
    if (isUnknown(value)) {
      out.push({
        message: `${label} must be ${verb} a place inside ${j.id}, but its ${key} is not known at preview. Set ${key} from a literal or stack config.`,
        path: [label, `${key} (unknown at preview)`],
        undecided: true,
      });
      continue;
    }
    if (typeof value !== "string" || value === "" || confirmed.has(placeKey(value))) {
      continue;
    }
    const regionsOf = sameRegions[pkg];
    if (regionsOf !== undefined && key === "region") {
      // The package names the regions of a cloud the catalog holds: judged by them.
      if (!j.regions[regionsOf].includes(value)) {
        const place = describePlace(j, regionsOf, value);
        out.push({
          message: `${label} must be ${verb} a region inside ${j.id}, but its region is ${place}. Use a region inside ${j.id}.`,
          path: [label, place],
        });
      }
      continue;
    }
    const onCloud = serviceCloud(hit.name, value, hit.holder) ?? customResourceCloud(args.type);
    const aws =
      capitalisedAwsRegion(value) ??
      (onCloud === "aws" ? regionNamed("region", "aws", value.replace(/^aws-/, "")) : undefined);
    if (aws !== undefined) {
      // An AWS region in the vendor's spelling: placed as the region it names.
      if (!regionInJurisdiction(j, "aws", aws)) {
        const place = describePlace(j, "aws", aws);
        out.push({
          message: `${label} must be ${verb} a place inside ${j.id}, but its ${key} is ${JSON.stringify(value)}, AWS region ${place}. Use a region inside ${j.id}.`,
          path: [label, `${JSON.stringify(value)}: ${place}`],
        });
      }
      continue;
    }
    const last = wordsOf(hit.name).at(-1) ?? "";
    const kind = ["zone", "zones"].includes(last)
      ? "zone"
      : ["region", "regions"].includes(last)
        ? "region"
        : undefined;
    if (
      kind !== undefined &&
      (regionsOf !== undefined ? [regionsOf] : clouds).some(
        (cloud) => regionNamed(kind, cloud, value) !== undefined,
      )
    ) {
      // A region or zone of a cloud the catalog holds, in another property (an aws-native
      // resource's `vpcRegion`, a shell command's `environment.AWS_REGION`): arn-locality judges
      // it, as it does every place a property names.
      continue;
    }
    // A service on a cloud that has no region in the jurisdiction at all (a Confluent cluster
    // on Google Cloud), or of such a cloud's own package: wherever the place is, it is abroad.
    const cloudOfPlace = onCloud ?? pkg;
    if (noRegionIn[j.id]?.includes(cloudOfPlace)) {
      const of = cloudOfPlace === pkg ? pkg : `${pkg} on ${cloudOfPlace}`;
      const abroad = `${of} ${key} ${JSON.stringify(value)} (outside ${j.id}: ${cloudOfPlace} has no region there)`;
      out.push({
        message: `${label} must be ${verb} a place inside ${j.id}, but its ${key} is ${JSON.stringify(value)} of ${of}, which has no region in ${j.id}: every place of it lies outside. Keep the stack on a cloud with regions inside ${j.id}.`,
        path: [label, abroad],
      });
      continue;
    }
    // A place named by another country's or union's code (a BigQuery dataset's `US` or `EU`
    // multi-region) names where it is: outside, with no place to confirm inside.
    const named = /^[A-Z]{2}$/.test(value) ? findJurisdiction(value) : undefined;
    if (named !== undefined && !holdsCountry(j, value)) {
      out.push({
        message: `${label} must be ${verb} a place inside ${j.id}, but its ${key} is ${JSON.stringify(value)} of ${pkg}, which names ${named.name} (${named.id}), not ${j.id}. Keep the stack's data in a place of a cloud inside ${j.id}.`,
        path: [label, `${pkg} ${key} ${JSON.stringify(value)} (outside ${j.id}, in ${named.id})`],
      });
      continue;
    }
    unplaced.push({ key, value });
  }
  if (unplaced.length > 0) {
    out.push(unplacedFinding(label, verb, pkg, j.id, unplaced));
  }
  return out;
}

/**
 * One finding for every place of a cloud the catalog does not place that a resource sets (a
 * Google Cloud provider's `region` and `zone`), with the one config entry that confirms them all:
 * a reviewer confirms them together, not one per run.
 */
function unplacedFinding(
  label: string,
  verb: string,
  pkg: string,
  jurisdiction: string,
  unplaced: readonly { readonly key: string; readonly value: string }[],
): Finding {
  const values = [...new Set(unplaced.map((u) => u.value))];
  const its = unplaced.map((u) => `its ${u.key} is ${JSON.stringify(u.value)}`).join(" and ");
  const named = values.map((v) => JSON.stringify(v)).join(" and ");
  const [lies, it] = values.length === 1 ? ["lies", "it"] : ["lie", "them"];
  const config = JSON.stringify({ "resource-placement": { regionsInside: { [pkg]: values } } });
  const where = `${pkg} ${unplaced.map((u) => `${u.key} ${JSON.stringify(u.value)}`).join(", ")} (which the pack cannot place)`;
  return {
    message: `${label} must be ${verb} a place inside ${jurisdiction}, but ${its} of ${pkg}, a cloud whose places the pack does not catalog (it places the regions of ${clouds.join(" and ")}). Keep the stack on a cloud the pack places, or, once you have confirmed that ${named} ${lies} inside ${jurisdiction}, list ${it} for the stack under regionsInside of resource-placement in a --policy-config file (${config}) given to check and plan, and to policy-config when it writes the config for pulumi preview --policy-pack-config.`,
    path: [label, where],
  };
}

/**
 * A provider whose resources live on the machine it connects to (a database server, a Docker
 * daemon: residency/placement.ts providerHosted) must name that machine so the pack can
 * place it: a host not known at preview cannot be, nor can none where the provider then connects
 * by an environment variable of the deployment. A host it names is judged with every provider's
 * (uncataloguedPlaceFindings).
 */
function hostNotPlaced(
  args: { type: string; name: string; props: Record<string, unknown> },
  j: Jurisdiction,
): Finding | undefined {
  const pkg = args.type.slice("pulumi:providers:".length);
  const setting = providerHosted[pkg];
  if (setting === undefined) {
    return undefined;
  }
  const label = resourceLabel(args.type, args.name);
  const { key, fromEnvironment } = setting;
  const value = known(() => args.props[key]);
  const how = isDefaultProvider(args.name)
    ? `${pkg}:${key} in the stack config`
    : `the provider's ${key}`;
  if (isUnknown(value)) {
    // Computed from another resource (a database's address), it lies where that resource does,
    // which only the whole stack tells: named-destinations judges it (hostFromResources).
    return undefined;
  }
  if ((value === undefined || value === "") && fromEnvironment !== undefined) {
    return {
      message: `${label} must connect to a server the pack can place inside ${j.id}, but it names no ${key}: it connects where ${fromEnvironment} points when the stack is deployed, which the pack cannot see. Set ${how}.`,
      path: [label, `${key} (not set)`],
    };
  }
  return undefined;
}

function checkProvider(
  args: { type: string; name: string; props: Record<string, unknown> },
  ctx: PolicyContext,
): void {
  const cloud = cloudOf(args.type);
  if (cloud === undefined) {
    // Kubernetes providers are placed by their clusters, the state-only packages' by nothing;
    // a provider of any other cloud is judged by the place it sets.
    for (const f of uncataloguedPlaceFindings(args, ctx)) {
      ctx.report(f);
    }
    const hosted = hostNotPlaced(args, ctx.jurisdiction);
    if (hosted !== undefined) {
      ctx.report(hosted);
    }
    return;
  }
  const j = ctx.jurisdiction;
  const label = resourceLabel(args.type, args.name);
  const p = known(() => placementOf(args.type, args.props));
  if (isUnknown(p)) {
    ctx.report({
      message: `${label} must be pinned to a region inside ${j.id}, but its region is not known at preview. Set region from stack config or a literal.`,
      path: [label, "region (unknown at preview)"],
      undecided: true,
    });
  } else if (p.kind !== "region") {
    ctx.report({
      // Only a default provider reads `<cloud>:region` from the stack config.
      message: `${label} must be pinned to a region inside ${j.id}, but it sets no region, so the provider falls back to environment variables or a profile the pack cannot see. Set region explicitly (${isDefaultProvider(args.name) ? `${cloud}:region in stack config` : "the provider's region argument"}).`,
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
    "Checks whether every resource's effective region (its own region input, else its provider's region) and every provider's region and endpoints lie inside the jurisdiction; the location, region or zone a provider or resource of a cloud the catalog does not hold sets must be one the stack's reviewer lists under regionsInside.",
  severity: "critical",
  remediationSteps:
    "Create every resource through a provider pinned to a region inside the jurisdiction (stack config `<cloud>:region` or an explicit provider), and do not override its region or endpoints with places outside. A cloud whose regions the pack does not catalog is placed only by the locations a reviewer lists under this policy's `regionsInside` for the stack.",
  validate: (args, ctx) => {
    if (args.type.startsWith("pulumi:providers:")) {
      checkProvider(args, ctx);
      return;
    }
    if (!args.provider) {
      // Component resources (and the stack) have no provider and hold no data of their own.
      return;
    }
    if (cloudOf(args.type) === undefined) {
      // Kubernetes objects live in their cluster and the state-only packages' values in the
      // stack's state (see below). Any other package's resources (a container image, a database
      // server's objects, a shell command, another cloud's service) have no region the catalog
      // places: where such a type sends data is the flow model's to judge (an image's pushes, a
      // subscription's publisher) or, for a type the pack does not classify, reviewed-resource-
      // types' to report until a reviewer allows the type for the stack. Allowing a type does
      // not place it: a location the resource sets itself is judged here, its provider's (an
      // image builder's or database server's host among them) in checkProvider.
      for (const f of uncataloguedPlaceFindings(args, ctx)) {
        ctx.report(f);
      }
      return;
    }
    const j = ctx.jurisdiction;
    const label = resourceLabel(args.type, args.name);
    // Only the region settings are read, so an unrelated unknown does not hide the region.
    const p = known(() => placementOf(args.type, args.props, args.provider));
    if (isUnknown(p)) {
      ctx.report({
        message: `${label} must be created in a region inside ${j.id}, but its region is not known at preview. Set region (or the provider's region) from a literal or stack config.`,
        path: [label, "region (unknown at preview)"],
        undecided: true,
      });
      return;
    }
    if (
      p.kind === "global" ||
      p.kind === "cluster" ||
      p.kind === "state" ||
      p.kind === "provider"
    ) {
      // Global services are judged by global-services. The other kinds are of packages read
      // above: Kubernetes objects, the state-only packages' values, and what lives on the
      // machine its provider talks to.
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
      // A replica placed abroad is the copy a replication sends there: said, so that it is not
      // waived as a placement slip.
      const copy = replicaCopy(args.type, args.props);
      const holds = copy === undefined ? "" : ` It is ${copy}, so that data is copied there.`;
      ctx.report({
        message:
          p.unsetInput === undefined
            ? `${label} must be created in a region inside ${j.id}, but its effective region is ${place}.${holds} Create it through the stack's provider, or pin its region inside ${j.id}.`
            : `${label} must be created in a region inside ${j.id}, but ${p.unsetInput} is not set, and the service then creates it in ${place}, whatever the provider's region.${holds} Set ${p.unsetInput} to a region inside ${j.id}.`,
        path: [label, place],
      });
    }
  },
});

export const globalServices = residencyResourcePolicy({
  name: "global-services",
  description:
    "Checks whether the stack uses global edge services — CDNs, global accelerators, public DNS zones, transfer acceleration, anycast addresses, public registries — that serve or cache its data outside the jurisdiction.",
  severity: "critical",
  remediationSteps:
    "Serve data from regional, private endpoints; where an edge service is needed, restrict it to the jurisdiction (Alibaba `domestic` scope for CN stacks, the AWS China partition for CN).",
  validate: (args, ctx) => {
    // Every edge service is a row of the domain tables (paths/types/edge-services.ts, the
    // buckets' transfer acceleration in storage.ts): their global fields, judged by the view.
    for (const f of globalView(args, ctx)) {
      ctx.report(f);
    }
  },
});

/** Paths the rows' policies decide, computed once per process. */
let skipped: ReadonlyMap<string, DeclaredPaths> | undefined;
/** The paths whose ARN's account a row's field judges (references.ts `accountJudgedPaths`). */
let accountJudged: ReadonlyMap<string, DeclaredPaths> | undefined;

/** Paths whose places the rows decide, their own readers' included, computed once. */
let decided: ReadonlyMap<string, DeclaredPaths> | undefined;

/** Where a value read by its property's name lies: a region of a cloud, or undefined. */
interface NamedPlace {
  readonly cloud: Cloud;
  readonly region: string;
  /** The value as the path shows it (an image's or endpoint's host). */
  readonly shown: string;
  /**
   * For a resource of neither cloud, every cloud's reading of the ID where they lie in different
   * jurisdictions (`eu-west-1`: Ireland on AWS, London on Alibaba Cloud), the chosen one first.
   */
  readonly readings?: readonly { readonly cloud: Cloud; readonly region: string }[];
}

/** The region of `cloud` a region- or zone-kind value names, or undefined. */
function regionNamed(kind: "region" | "zone", cloud: Cloud, value: string): string | undefined {
  if (kind === "zone") {
    return regionOfZone(cloud, value);
  }
  return knownRegions()[cloud].has(value) ? value : undefined;
}

/**
 * The place a value of `kind` names, or undefined when it names none the catalog knows: not a
 * region ID of either cloud (`global`), not a zone of one, or a host that is not a cloud service
 * endpoint of a known region. `cloud` is the resource's cloud, whose reading comes first where
 * both clouds use the same ID (`ap-southeast-3` is Kuala Lumpur on Alibaba Cloud, Jakarta on AWS);
 * for a resource of neither cloud the reading outside the jurisdiction wins.
 */
function namedPlace(
  j: Jurisdiction,
  kind: NamedPlaceKind,
  value: string,
  cloud: Cloud | undefined,
): NamedPlace | undefined {
  if (kind === "endpoint" || kind === "image") {
    const host = kind === "image" ? imageRegistry(value) : hostOf(value);
    if (host === undefined) {
      return undefined;
    }
    // Only regions of the catalog: a region-shaped label of a bucket's host name is not one. An
    // endpoint is read as written, its scheme telling a URL from a bare host.
    const place = regionOfEndpoint(kind === "image" ? host : value);
    return place && knownRegions()[place.cloud].has(place.region)
      ? { ...place, shown: hostOf(host) }
      : undefined;
  }
  const order = cloud === undefined ? clouds : [cloud, ...clouds.filter((c) => c !== cloud)];
  const readings = order.flatMap((c) => {
    const region = regionNamed(kind, c, value);
    return region === undefined ? [] : [{ cloud: c, region, shown: value }];
  });
  if (cloud !== undefined || readings.length < 2) {
    return readings[0];
  }
  const chosen = readings.find((r) => !regionInJurisdiction(j, r.cloud, r.region)) ?? readings[0];
  const where = new Set(readings.map((r) => jurisdictionOfRegion(r.cloud, r.region)?.id));
  return where.size < 2
    ? chosen
    : { ...chosen, readings: [chosen, ...readings.filter((r) => r !== chosen)] };
}

/** How a named place reads in a violation: `eu-west-1a (outside US, in EU)`, `host in …`. */
function describeValuePlace(j: Jurisdiction, place: NamedPlace): string {
  if (place.readings !== undefined && place.shown === place.region) {
    // The same ID names regions of different countries on the two clouds, and the resource's
    // cloud is neither: both are named (`eu-west-1 (outside US: AWS's in EU, Alibaba Cloud's in GB)`).
    const each = place.readings.map((r) => {
      const other = jurisdictionOfRegion(r.cloud, r.region);
      return `${cloudNames[r.cloud]}'s ${regionInJurisdiction(j, r.cloud, r.region) ? "inside" : `in ${other?.id ?? "no jurisdiction the catalog lists"}`}`;
    });
    return `${place.shown} (outside ${j.id}: ${each.join(", ")})`;
  }
  return place.shown.startsWith(place.region)
    ? describeNamedPlace(j, place.cloud, place.shown, place.region)
    : `${place.shown} in ${describePlace(j, place.cloud, place.region)}`;
}

const namedPlaceFix: Readonly<Record<NamedPlaceKind, (j: Jurisdiction) => string>> = {
  region: (j) => `Name a region inside ${j.id}.`,
  zone: (j) =>
    `Use a zone of a region inside ${j.id} (a Local Zone only where it stands inside too).`,
  endpoint: (j) => `Point it at the service's endpoint in a region inside ${j.id}.`,
  image: (j) => `Pull and push images only through a registry in a region inside ${j.id}.`,
};

/**
 * The Outposts a resource is placed on or names: every Outpost ARN among its ARNs, and the ID its
 * `outpostId` holds (an S3 on Outposts bucket, its endpoint).
 */
function outpostReferences(
  props: Record<string, unknown>,
  refs: readonly ArnReference[],
): { path: string; shown: string; id: string }[] {
  const out: { path: string; shown: string; id: string }[] = [];
  for (const ref of refs) {
    const id = isUnknown(ref.arn) ? undefined : outpostOf(ref.arn);
    if (id !== undefined) {
      out.push({ path: ref.path, shown: ref.arn as string, id });
    }
  }
  // Read at the top only (`aws:s3control/bucket`, `aws:s3outposts/endpoint`): no walk of every
  // resource's inputs for the few types that name one so.
  const named = known(() => props.outpostId);
  const id = typeof named === "string" ? outpostOf(named) : undefined;
  if (id !== undefined && named === id) {
    out.push({ path: "outpostId", shown: id, id });
  }
  return out;
}

/** How a finding names a region-shaped value of no region the catalog knows. */
const uncataloguedRegion =
  "shaped like a region ID, but of no region the catalog knows, so it cannot be placed";

/** The kinds read on a resource of a cloud (or of another package). */
const everyKind: readonly NamedPlaceKind[] = ["region", "zone", "endpoint", "image"];
/**
 * Whether a chart's region sits beside the endpoint of an S3-compatible store of its own network
 * (`s3: { endpoint: "minio.minio.svc:9000", region: "us-east-1" }`, Velero's `s3Url`, an
 * `AWS_S3_ENDPOINT` variable beside `AWS_REGION`): the region then only signs requests to that
 * store (MinIO answers to us-east-1 by default), and no data goes to the cloud's region. Only a
 * setting named for an endpoint counts (not any host or URL beside the region), and only a host
 * of the cluster or a private network: a private address, a name without a domain, or one under
 * `.svc`, `.cluster.local`, `.local`, `.internal`, `.lan` or `.home.arpa` — never a cloud's own
 * host (`s3.amazonaws.com`) nor a public store.
 */
function signsForOwnEndpoint(
  ref: { kind: NamedPlaceKind; path: string; holder: unknown },
  props: Record<string, unknown>,
): boolean {
  if (ref.kind !== "region" && ref.kind !== "zone") {
    return false;
  }
  const ownEndpoint = (key: unknown, v: unknown): boolean => {
    const words = typeof key === "string" ? wordsOf(key) : [];
    if (!(words.includes("endpoint") || (words.includes("s3") && words.includes("url")))) {
      return false;
    }
    const host = typeof v === "string" && v !== "" ? hostOf(v) : "";
    return (
      host !== "" &&
      (clusterDomain.test(host) ||
        reachOfAddress(host, []).kind === "private" ||
        !host.includes(".") ||
        /\.(local|internal|lan|home\.arpa)$/i.test(host))
    );
  };
  const holder = ref.holder as Record<string, unknown> | null;
  if (holder === null || typeof holder !== "object") {
    return false;
  }
  if (typeof holder.name === "string" && "value" in holder) {
    // A `{ name, value }` entry (a container's environment): its siblings are the list's entries.
    const list = known(() => valueAt(props, ref.path.replace(/\[\d+\]\.value$/, "")));
    return (
      Array.isArray(list) &&
      list.some((e) => e !== null && typeof e === "object" && ownEndpoint(e.name, e.value))
    );
  }
  return Object.entries(holder).some(([key, v]) => ownEndpoint(key, v));
}

/**
 * The input keys that name where a resource delivers data by ARN — a destination, a stream,
 * queue, topic, event bus or function it writes, publishes or hands records to — not what it
 * reads from (a path through a `source` key is inbound) or acts as (a role, a key).
 */
const deliveryKey =
  /^(destination|destinationArn|deliveryDestinationArn|auditDestinationArn|destinationStreamArn|destinationTableBucketArn|streamArn|kinesisStreamArn|dataStreamArn|deliveryStreamArn|firehoseArn|queueArn|deadLetterTargetArn|topicArn|snsTopicArn|snsTopicArns|notificationTopicArn|subscriberSnsTopicArns|eventBusArn|lambdaFunctionArn|targetArn|slsProjectArn|maxComputeProjectArn|mnsTopicArn|deliveryChannelTargetArn|oversizedDataOssTargetArn|notificationArn|endpoint|functionArn|lambdaArn|domainArn|alarmActions|okActions|insufficientDataActions|functionName|queueUrl|deadLetterQueueUrl|insightsTarget|notificationTarget)$/;

/**
 * An SQS queue's URL — `https://sqs.<region>.amazonaws.com/<account>/<name>`, or the legacy
 * `https://<region>.queue.amazonaws.com/…` — read as the ARN of the queue it names, so that its
 * account is told as an ARN's is (a state machine's `Parameters.QueueUrl`, an IoT rule's).
 */
function queueUrlArn(value: string): string | undefined {
  const m =
    /^https:\/\/(?:sqs\.([a-z0-9-]+)|([a-z0-9-]+)\.queue)\.amazonaws\.com(\.cn)?\/(\d{12})\/([^/?#]+)$/.exec(
      value,
    );
  if (m === null) {
    return undefined;
  }
  const region = m[1] ?? m[2];
  return `arn:${m[3] ? "aws-cn" : "aws"}:sqs:${region}:${m[4]}:${m[5]}`;
}

/**
 * The SQS queues a resource's inputs name by URL (not in a tag or description, which only
 * mention them), each with the queue's ARN (see `queueUrlArn`): whether one is a delivery is the
 * input's (`deliveryInput`).
 */
function queueUrls(props: unknown): { path: string; arn: string; url: string }[] {
  return stringsIn(props, "", undefined, "json-yaml").flatMap((hit) => {
    const arn = typeof hit.value === "string" ? queueUrlArn(hit.value) : undefined;
    return arn === undefined || mentionOnly(hit.path)
      ? []
      : [{ path: hit.path, arn, url: String(hit.value) }];
  });
}

/**
 * The lists whose items' `arn` names where they deliver: Alibaba Cloud's alarm and event-rule
 * targets (`targets[].arn`, `mnsParameters[].arn`), an event rule's dead-letter queue.
 */
const deliveryHolder = /^(targets|targetLists|deadLetterQueue|\w+Parameters)$/;

/**
 * Whether `keys` (an input path's) name a Cognito user pool's trigger: each key of its
 * `lambdaConfig` but the key that encrypts what the custom senders receive names a function
 * the pool hands its users' sign-ups, messages and tokens to.
 */
const userPoolTrigger = (keys: readonly string[]): boolean =>
  keys[0] === "lambdaConfig" && keys.length === 2 && keys[1] !== "kmsKeyId";

/** Whether an input path (`destinationConfig.onFailure.destination`) of a type names a delivery. */
function deliveryInput(type: string, path: string): boolean {
  const model = modelPath(path);
  if (readFromInputs[type]?.test(model)) {
    return false;
  }
  const keys = model.split(".").map((k) => k.replace(/\[\]$/, ""));
  // A state machine's Task names what it calls in its own words, directly under `Parameters`
  // (`Parameters.TopicArn`); a payload it hands on (`Parameters.Payload`, a Pass state's
  // `Result`, a target's `input`) is data, whatever its keys say.
  const written = keys.at(-1) ?? "";
  // A Scheduler universal target's `input` is the API call's parameters (`QueueUrl`): its
  // delivery. Any other target's input is the event it hands on.
  const scheduler = type.startsWith("aws:scheduler/");
  if (!scheduler && keys.some((k) => /^input(Template|Transformer)?$/.test(k))) {
    return false;
  }
  const stateMachine = keys.includes("States");
  const callParameters =
    (stateMachine && keys.at(-2) === "Parameters") || (scheduler && keys.at(-2) === "input");
  if (stateMachine && !callParameters && written !== "Resource") {
    // Below a Task's parameters (its `Payload`), or in a Pass state's `Result`: data.
    return false;
  }
  const last = callParameters ? written.charAt(0).toLowerCase() + written.slice(1) : written;
  const delivers =
    deliveryKey.test(last) ||
    (last === "arn" && deliveryHolder.test(keys.at(-2) ?? "")) ||
    // A state machine's Task state invokes its `Resource` (a function, an activity) with the
    // state's input; an IAM statement's `Resource` is what it grants, no delivery.
    (written === "Resource" && keys.includes("States")) ||
    // So does a CloudFlow (FnF) flow's task step its `resourceArn` (a function).
    (last === "resourceArn" && keys.includes("steps")) ||
    // An Amazon Connect flow's action invokes the function its parameters name with the
    // contact's attributes (found by the media bench).
    (written === "LambdaFunctionARN" && keys.at(-2) === "Parameters" && keys.includes("Actions")) ||
    userPoolTrigger(keys);
  // A key whose words hold `source` (`kinesisSourceConfiguration`, `SourceArn`), not `Resource`.
  return delivers && !keys.some((k) => /^source|Source/.test(k));
}

/**
 * The account a delivery ARN names, when it can be told from the stack's own and is not (see
 * paths/accounts.ts `judgedArnAccount`): the accounts the provider pins and the stack declares,
 * else the offline engine's stand-in; under the Pulumi CLI an unpinned stack's is not judged.
 */
function deliveryAccounts(
  args: ResourceValidationArgs,
  ctx: PolicyContext,
): { foreign(arn: string): string | undefined; place(account: string): string } {
  const own = ownAccounts(args.provider, ctx.settings.accountIds ?? []);
  const standIn = ctx.settings.standInAccount;
  return {
    foreign: (arn) => {
      const account = arnAccount(arn);
      // An AWS-owned resource (`arn:aws:iam::aws:policy/…`, an alarm's EC2 action
      // `arn:aws:automate:<region>:ec2:stop`) is no account's delivery.
      return account === undefined || !/^\d+$/.test(account)
        ? undefined
        : otherAccount(account, own, standInFor(arn, standIn));
    },
    place: (account) => foreignAccountPlace(account, own, standIn),
  };
}

/** The provider input that pins the account an ARN is of: Alibaba Cloud's or AWS's. */
const accountPin = (arn: string): string =>
  arn.startsWith("acs:") ? "accountId" : "allowedAccountIds";

/**
 * Deliveries by ARN whose account cannot be told from the stack's own: under the Pulumi CLI, a
 * stack whose provider pins no account and whose config declares none (offline, the engine's
 * stand-in tells AWS's apart; an Alibaba Cloud ARN's, never). Each literal ARN at an input that
 * names a delivery (a row's own delivery fields among them), in a place inside, is reported for
 * `cross-account-links` to advise declaring the account — its finding would otherwise be silent.
 */
export function undecidedDeliveryAccounts(
  args: ResourceValidationArgs,
  ctx: PolicyContext,
): Finding[] {
  if (
    !args.provider ||
    args.type.startsWith("pulumi:providers:") ||
    ownAccounts(args.provider, ctx.settings.accountIds ?? []).length > 0
  ) {
    return [];
  }
  accountJudged ??= accountJudgedPaths(byType);
  const rowDeliveries = accountJudged.get(args.type);
  const label = resourceLabel(args.type, args.name);
  // Offline, the engine's stand-in tells AWS's accounts apart; an Alibaba Cloud ARN has none.
  const standIn = ctx.settings.standInAccount;
  const named = (a: string) => {
    const account = arnAccount(a);
    return account !== undefined && /^\d+$/.test(account) && standInFor(a, standIn) === undefined;
  };
  // A queue named by its URL at an input that names a delivery is read as the queue's ARN.
  const queues = queueUrls(args.props).filter(
    ({ path, arn }) => named(arn) && deliveryInput(args.type, path),
  );
  return [
    ...arnReferences(args.type, args.props, named, new Map())
      .filter(
        (ref) =>
          !isUnknown(ref.arn) &&
          !mentionOnly(ref.path) &&
          (deliveryInput(args.type, ref.path) ||
            rowDeliveries?.has(modelPath(ref.path)) === true) &&
          foreignArns(ctx.jurisdiction, [ref]).length === 0,
      )
      .map(({ path, arn }) => ({ path, arn: arn as string, shown: arn as string })),
    ...queues
      .filter((q) => foreignArns(ctx.jurisdiction, [q]).length === 0)
      .map(({ path, arn, url }) => ({ path, arn, shown: `the queue ${url}` })),
  ].map(({ path, arn, shown }) => {
    const account = arnAccount(arn);
    const place = `account ${account} (cannot be told from the stack's own)`;
    return {
      message: `${label} must deliver data only to resources of the stack's own accounts, but ${path} names ${shown}, of account ${account}, which cannot be told from the stack's own: no provider pins an account and the stack config declares none. Declare the stack's account as sovereign-dc:accountId (or pin the provider's ${accountPin(arn)}${arn.startsWith("acs:") ? ", alicloud:accountId for the default provider" : ""}), so the pack can judge whether this delivery leaves it.`,
      path: [label, place],
    };
  });
}

/**
 * A Kubernetes deployment bundle (a Helm v3 Release, the bundles table's only Kubernetes row):
 * no object but a chart's values, which arn-locality reads (see below).
 */
const isChartValues = (type: string): boolean =>
  type.startsWith("kubernetes:") && Object.hasOwn(bundles, type);
/**
 * A Kubernetes type of a kind neither the SDK defines nor the pack reviews: a custom resource
 * whose controller's fields no policy reads, which passes only when a reviewer allows it.
 */
function unreviewedCustomResource(type: string): boolean {
  listed ??= listedTypes();
  return !reviewedTypes.has(type) && !listed.has(type);
}
let listed: ReadonlyMap<string, unknown> | undefined;

/** The kinds read on a Kubernetes object (see below). */
const kubernetesKinds: readonly NamedPlaceKind[] = ["image"];

/** The AWS partition the resource is created in, when its region is known at preview. */
export function holderPartition(args: ResourceValidationArgs): string | undefined {
  const p = known(() => awsPartitionOfResource(args.type, args.props, args.provider));
  return isUnknown(p) ? undefined : p;
}

/**
 * The readings of the reviews (policy/review/) by which a property of a type names no place — the
 * endpoint a health checker probes, the URL a browser is sent back to after sign-in, a key set
 * fetched to verify tokens — each with its reason why no data of the stack goes there, as
 * `sovereign-dc coverage --type` reports it. arn-locality does not place such a value either.
 */
const notAPlaceReadings = new Map<string, boolean>();

function reviewedNotAPlace(type: string, path: string): boolean {
  const key = `${type} ${path}`;
  let notAPlace = notAPlaceReadings.get(key);
  if (notAPlace === undefined) {
    const rule = reviewedReading(type, path, reviews[type.split(":")[0]], type in byType);
    notAPlace = rule?.reading === "not-a-place";
    notAPlaceReadings.set(key, notAPlace);
  }
  return notAPlace;
}

/**
 * An ACM certificate of US East (N. Virginia), named outside that region: only the edge services
 * take one from another region (CloudFront, an edge-optimised API, a Cognito or Amplify domain
 * served through CloudFront, which accept no other), and those are global-services' to judge.
 * The certificate keeps the domain's key, no data of the stack; reported, it would fail a stack
 * twice for one edge service, with a fix that service does not accept.
 */
const edgeCertificate = /^arn:aws:acm:us-east-1:\d{12}:certificate\//;

export const arnLocality = residencyResourcePolicy({
  name: "arn-locality",
  description:
    "Checks whether every place a resource's inputs name lies inside the jurisdiction: every ARN (log groups, streams, topics, roles, policy resources; one of another AWS partition inside a policy document grants nothing in the holder's partition and is none, nor is one a Deny statement names, which only takes access away, or that a statement leaves out by NotResource or NotPrincipal) and every URL of a cloud service's regional endpoint, whatever property holds them, every region ID, availability zone, cloud service endpoint and registry host held by a property whose name marks it as naming a place, and every region of a Bedrock cross-Region inference profile any property names; whether every host a script or command line the compute runs uploads to (a curl or wget that sends data, an scp or rsync copy to another machine, an nc connection or a write to bash's /dev/tcp or /dev/udp, a socat connection, an azcopy or az storage blob copy to a storage account, a cloud CLI's copy to a bucket by the endpoint or region its line names — aws s3, aws s3api, s3cmd, s5cmd, ossutil, an rclone inline S3 remote —, while an rclone remote or mc alias configured elsewhere and a gsutil or gcloud storage copy to a Cloud Storage bucket cannot be placed; a trap's command, the cron lines a script installs and the Exec lines of the systemd units it writes among them; a Kubernetes workload's containers' command and args too) is a private or allowlisted address, a host egressHosts names or a cloud service's endpoint inside, failing closed where a value not known at preview decides what such a script runs or where it sends; and whether every ARN a resource delivers data to (a destination, stream, queue, topic, event bus or function) is of the stack's own accounts.",
  severity: "high",
  remediationSteps:
    "Reference only resources, regions, zones, service endpoints and registries inside the jurisdiction (and ARNs of its AWS partition), and deliver only to resources of the stack's own accounts; replace every value that names a place outside.",
  validate: (args, ctx) => {
    if (args.type.startsWith("pulumi:providers:")) {
      // A provider's region and endpoints are resource-placement's.
      return;
    }
    if (!args.provider) {
      // A component (no provider) creates nothing itself: what its inputs name reaches a place
      // only through the resources it creates, registered beside it and judged on what they are
      // handed (a region it only records, for a runbook, is no path). Offline, the resources of
      // a multi-language component whose plugin is not here are not seen, and
      // offline-visibility fails the stack closed for it (engine/opaque.ts).
      return;
    }
    const j = ctx.jurisdiction;
    const label = resourceLabel(args.type, args.name);
    skipped ??= declaredPaths(byType);
    const skip = skipped;
    // The resource's own region (its `region` input, the zone it is created in) is its
    // placement, which resource-placement decides: a value naming it is not reported twice.
    const own = known(() => placementOf(args.type, args.props, args.provider));
    const inOwnRegion = (arn: string): boolean => {
      if (isUnknown(own) || own.kind !== "region") {
        return false;
      }
      const at = locate(j, "arn", arn, "aws");
      return (
        (at.kind === "region" && at.cloud === own.cloud && at.region === own.region) ||
        (at.kind === "partition" && own.cloud === "aws" && at.region === own.region)
      );
    };
    const partition = holderPartition(args);
    // Only in the `aws` partition (or one not known, where the jurisdiction has regions in it):
    // from another partition the certificate is no edge service's either.
    const edgeServed =
      partition === "aws" || (partition === undefined && j.awsPartitions.includes("aws"));
    const placed = (a: string) =>
      // An Outpost's ARN names its parent region, not where it stands: judged below.
      outpostOf(a) !== undefined ||
      (!kmsArn.test(a) &&
        namesAPlace(a) &&
        !inOwnRegion(a) &&
        !(edgeServed && edgeCertificate.test(a)));
    const accounts = deliveryAccounts(args, ctx);
    accountJudged ??= accountJudgedPaths(byType);
    const scanned = arnReferences(
      args.type,
      args.props,
      (a) => placed(a) || accounts.foreign(a) !== undefined,
      skip,
    ).filter(
      (ref) =>
        // A property the reviews read as naming no place (a standard's definition) places no
        // ARN it holds either; nor does a tag or a description, which only mention it.
        !reviewedNotAPlace(args.type, modelPath(ref.path)) &&
        !inertAcrossPartitions(args.type, ref, partition) &&
        !mentionOnly(ref.path),
    );
    const refs = scanned.filter((ref) => isUnknown(ref.arn) || placed(ref.arn));
    const reported = new Set<string>();
    // An Outpost stands at a site of its owner's, placed by the stack's declaration
    // (residency/outposts.ts), not in the parent region its ARN names.
    const outposts = ctx.settings.outposts ?? [];
    for (const { path, shown, id } of outpostReferences(args.props, refs)) {
      reported.add(path);
      const place = outpostPlace(j, shown, id, outposts);
      if (place !== undefined) {
        ctx.report({
          message: `${label} must reference only places inside ${j.id}, but ${path} names ${place}. Place it on an Outpost the stack declares at a site inside ${j.id}.`,
          path: [label, place],
        });
      }
    }
    for (const { path, place } of foreignArns(
      j,
      refs.filter((r) => !reported.has(r.path)),
    )) {
      reported.add(path);
      ctx.report({
        message: `${label} must reference only places inside ${j.id}, but ${path} names ${place}. Reference a resource in the stack's own region and partition.`,
        path: [label, place],
      });
    }
    // A delivery by ARN to another account's resource in a place inside: its holder can send
    // what it receives anywhere (the rows' own deliveries are their policies', skipped above). So
    // is a queue named by its URL at an input that names a delivery, read as the queue's ARN.
    const deliveries = [
      ...scanned.flatMap(({ path, arn }) =>
        isUnknown(arn) || accountJudged?.get(args.type)?.has(modelPath(path))
          ? []
          : [{ path, arn, named: arn, kind: "resource" }],
      ),
      ...queueUrls(args.props).map(({ path, arn, url }) => ({
        path,
        arn,
        named: `the queue ${url}`,
        kind: "queue",
      })),
    ];
    for (const { path, arn, named, kind } of deliveries) {
      const account =
        reported.has(path) || !deliveryInput(args.type, path) ? undefined : accounts.foreign(arn);
      if (account === undefined) {
        continue;
      }
      reported.add(path);
      const place = accounts.place(account);
      ctx.report({
        message: `${label} must deliver data only to resources of the stack's own accounts, but ${path} names ${named}, of ${place}: its holder can send what it receives anywhere. Deliver to a ${kind} of the stack's own account (if that account is the stack's own, declare it as sovereign-dc:accountId, or pin the provider's ${accountPin(arn)}).`,
        path: [label, place],
      });
    }
    for (const f of inferenceProfileFindings(args.props, j, label, reported)) {
      ctx.report(f);
    }
    for (const f of ensAreaFindings(args.type, args.props, j, label)) {
      ctx.report(f);
    }
    const cloud = cloudOf(args.type);
    // Kubernetes objects live where their cluster does (kubernetes-cluster-placement); their zone
    // and region fields are the cluster's node topology, and the hosts they reach (Service
    // aliases, pod egress, Ingress hosts) are the Kubernetes policies' to judge. Only an image
    // is read here: a cloud registry's host names the region the image is pulled from. A Helm v3
    // Release is no object but a chart's values, which tell its objects where to send data (a
    // backup location's region, a log shipper's endpoint), read as any cloud resource's inputs;
    // so is an object of a kind that neither the SDK defines nor the pack reviews — a custom
    // resource that fails closed until a reviewer allows it (allowTypes), whose fields are its
    // controller's, not the cluster's topology: a Crossplane managed resource's
    // `spec.forProvider.region` is where its controller creates a bucket or a database.
    const kinds =
      args.type.startsWith("kubernetes:") &&
      !isChartValues(args.type) &&
      !unreviewedCustomResource(args.type)
        ? kubernetesKinds
        : everyKind;
    // The places a row's own reader decides (an SNS subscription's endpoint, a DNS record's
    // answers) are its policy's, as the fields the rows declare are.
    decided ??= decidedPaths(byType);
    for (const ref of namedPlaceReferences(args.type, args.props, kinds, decided)) {
      if (
        /^(arn|acs):/.test(ref.value) ||
        reviewedNotAPlace(args.type, modelPath(ref.path)) ||
        (isChartValues(args.type) && signsForOwnEndpoint(ref, args.props))
      ) {
        continue;
      }
      // An AWS Local or Wavelength Zone stands in a city of its own, often in another country
      // than its parent region: it is placed by that country (residency/edge-zones.ts), and one
      // the catalog does not list cannot be placed.
      const edge = ref.kind === "zone" && cloud !== "alicloud" ? edgeZoneOf(ref.value) : undefined;
      if (edge === "unlisted") {
        const where = `${ref.value} (${unlistedEdgeZone}: its country cannot be checked)`;
        ctx.report({
          message: `${label} must reference only places inside ${j.id}, but ${ref.path} names ${where}. ${namedPlaceFix.zone(j)}`,
          path: [label, where],
        });
        continue;
      }
      if (edge !== undefined) {
        if (!edgeZoneInJurisdiction(j, edge)) {
          const where = describeEdgeZone(j, ref.value, edge);
          ctx.report({
            message: `${label} must reference only places inside ${j.id}, but ${ref.path} names ${where}, whatever the country of its parent region ${edge.parentRegion}. ${namedPlaceFix.zone(j)}`,
            path: [label, where],
          });
        }
        continue;
      }
      // An Alibaba Cloud ENS node stands in a city of its own, often abroad, whatever the
      // provider's region: it is placed by its ID's country (residency/ens-nodes.ts), and an ID
      // that names no country cannot be placed.
      if (
        ref.kind === "region" &&
        ensNodePath.test(modelPath(ref.path)) &&
        !knownRegions().alicloud.has(ref.value)
      ) {
        const node = ensNodeOf(ref.value);
        if (node === undefined || !ensNodeInJurisdiction(j, node)) {
          const where =
            node === undefined
              ? `${JSON.stringify(ref.value)} (${unreadEnsNode})`
              : describeEnsNode(j, node);
          ctx.report({
            message: `${label} must reference only places inside ${j.id}, but ${ref.path} names ${where}. Create it on an ENS edge node inside ${j.id}.`,
            path: [label, where],
          });
        }
        continue;
      }
      // Hosts no rule places (a custom domain, an IP) are left to the reviewed flow models of
      // the types that send data to them; this reader only places what a value itself names.
      const place = namedPlace(j, ref.kind, ref.value, cloud);
      // An endpoint of an AWS partition that names no region (S3's or STS's global endpoint) lies
      // in that partition: outside a jurisdiction that holds none of its regions.
      const partition =
        place === undefined && ref.kind === "endpoint" ? awsPartitionOfHost(ref.value) : undefined;
      if (partition !== undefined && !j.awsPartitions.includes(partition)) {
        const where = `${hostOf(ref.value)} (an endpoint of AWS's ${partition} partition, none of whose regions is inside ${j.id})`;
        ctx.report({
          message: `${label} must reference only places inside ${j.id}, but ${ref.path} names ${where}. ${namedPlaceFix.endpoint(j)}`,
          path: [label, where],
        });
        continue;
      }
      // A region ID as AWS shapes them (which Alibaba Cloud's newer regions share: `na-south-1`)
      // of no region the catalog knows — one opened since, or a typo — cannot be placed.
      if (place === undefined && ref.kind === "region" && isAwsRegionShaped(ref.value)) {
        const where = `${ref.value} (${uncataloguedRegion})`;
        ctx.report({
          message: `${label} must reference only places inside ${j.id}, but ${ref.path} names ${where}. ${namedPlaceFix.region(j)}`,
          path: [label, where],
        });
        continue;
      }
      if (
        place === undefined ||
        regionInJurisdiction(j, place.cloud, place.region) ||
        (!isUnknown(own) &&
          own.kind === "region" &&
          own.cloud === place.cloud &&
          own.region === place.region)
      ) {
        continue;
      }
      const where = describeValuePlace(j, place);
      const fix =
        ref.kind === "region" && regionFixes[args.type] !== undefined
          ? regionFixes[args.type](j)
          : namedPlaceFix[ref.kind](j);
      ctx.report({
        message: `${label} must reference only places inside ${j.id}, but ${ref.path} names ${where}. ${fix}`,
        path: [label, where],
      });
    }
    const reading = scriptReading(args.type);
    if (reading !== undefined) {
      for (const f of scriptUploadFindings(args.type, args.props, label, ctx, decided, reading)) {
        ctx.report(f);
      }
    }
  },
});

/** How arn-locality reads the scripts a resource's compute runs (see `scriptReading`). */
interface ScriptReading {
  /** The script's endpoints and regions are read as places of their own (`namedPlaceReferences`). */
  readonly placesRead: boolean;
  /** A Kubernetes workload's pod specs, whose containers' commands are read (only they). */
  readonly podSpecs?: readonly string[];
}

/**
 * How arn-locality reads the scripts a resource's compute runs: those of every type whose
 * endpoints and regions it reads, and the containers' commands of a Kubernetes workload's pods
 * (a Pod, a Deployment, a CronJob…, their Lists and Patches), whose uploads are placed here,
 * endpoints and regions included, since no place reading covers a Kubernetes object's fields.
 * Undefined for any other Kubernetes object.
 */
function scriptReading(type: string): ScriptReading | undefined {
  if (!type.startsWith("kubernetes:") || isChartValues(type) || unreviewedCustomResource(type)) {
    return { placesRead: true };
  }
  const template = podTemplateOf(type);
  if (template === undefined) {
    return undefined;
  }
  return {
    placesRead: false,
    podSpecs: [isListType(type) ? `items[].${template.spec}` : template.spec],
  };
}

/**
 * The copies to a bucket of the scripts resource `r`'s compute runs (`aws s3 cp … s3://backups/`,
 * `ossutil cp … oss://backups/`) whose line places the bucket neither by region nor by endpoint:
 * the bucket lies where the program's bucket of that name lies, which only the stack tells
 * (named-destinations runs this); one the program does not create cannot be placed, unless the
 * resource's AWS partition lies wholly inside (its CLI reaches no bucket of another partition).
 * One finding per destination, in arn-locality's words.
 */
export function scriptBucketFindings(
  r: PolicyResource,
  resources: readonly PolicyResource[],
  ctx: PolicyContext,
): Finding[] {
  const reading = scriptReading(r.type);
  if (r.type.startsWith("pulumi:providers:") || !r.provider || reading === undefined) {
    return [];
  }
  decided ??= decidedPaths(byType);
  const j = ctx.jurisdiction;
  // The resource's own region, read only for a bucket the program does not create: most
  // resources upload nothing, and placing each of them was a tenth of this policy's time.
  let region: { readonly cloud: string; readonly region: string } | undefined | null = null;
  const ownRegion = () => {
    if (region === null) {
      const own = placementOfResource(r);
      region = !isUnknown(own) && own.kind === "region" ? own : undefined;
    }
    return region;
  };
  const uploads = scriptUploads(r.type, r.props, decided, reading.podSpecs).flatMap((upload) => {
    if (upload.programAddress !== undefined) {
      const where = addressDestination(upload.programAddress, resources, j);
      return where === undefined ? [] : [{ ...upload, where }];
    }
    const b = upload.bucket;
    // The line's region or endpoint places an OSS bucket (ossutil does not follow another
    // region's bucket), and one abroad is arn-locality's; an S3 bucket the line sends to in a
    // region inside is placed by its own region only: the AWS CLI follows S3's redirect to it.
    const lineInside = b !== undefined && b.store === "s3" && s3LinePlaceInside(b, j);
    if (
      b === undefined ||
      (!lineInside && (b.region !== undefined || b.endpoint !== undefined)) ||
      b.bucket.startsWith("arn:")
    ) {
      return [];
    }
    const kind = refKinds[b.store === "s3" ? "s3-bucket" : "oss-bucket"];
    const named = `the ${b.store === "s3" ? "S3" : "OSS"} bucket ${b.bucket}`;
    const target = resolveRef(kind, b.bucket, resources, r.urn);
    let where: string;
    if (target !== undefined) {
      const at = placementOfResource(target);
      if (isUnknown(at)) {
        // Not known at preview: the bucket is judged where it is created.
        return [];
      }
      if (at.kind !== "region") {
        where = `${named}, of this program, whose region cannot be determined (${at.reason ?? at.kind})`;
      } else if (regionInJurisdiction(j, at.cloud, at.region)) {
        return [];
      } else {
        where = `${named}, of this program, in ${describePlace(j, at.cloud, at.region)}`;
      }
    } else if (heldPartitionOfBucketName(kind, b.bucket, ownRegion(), j) !== undefined) {
      return [];
    } else if (lineInside) {
      where = `${named} (a bucket this program does not create: the command's ${b.region !== undefined ? `region ${b.region}` : `endpoint ${b.endpoint}`} places only its request, and the AWS CLI follows S3's redirect to wherever the bucket lies, which cannot be checked)`;
    } else {
      where = `${named} (a bucket this program does not create, and the command names no region or endpoint for it, so where it lies cannot be checked)`;
    }
    return [{ ...upload, where }];
  });
  return uploadFindings(uploads, resourceLabel(r.type, r.name), j);
}

/**
 * Where a script's upload to the address of a resource of the program (an instance's private IP,
 * a database's endpoint, not known at preview: residency/address-marks.ts) sends, in a finding's
 * words, when that is not inside `j`: where that resource is. Undefined where it is inside, or
 * where its place is not known at preview (it is judged where it is created).
 */
function addressDestination(
  source: AddressSource,
  resources: readonly PolicyResource[],
  j: Jurisdiction,
): string | undefined {
  const named = `the ${source.output} of ${resourceLabel(source.type, source.name)}`;
  const targets = resources.filter((c) => c.type === source.type && c.name === source.name);
  if (targets.length === 0) {
    // No resource of the program has it: one it reads (`aws.ec2.Instance.get`), which exists
    // already, placed by the region it is read in where that is known.
    const existing = `an existing ${kindName(source.type)} the program reads, not one it creates`;
    const cloud = cloudOf(source.type);
    const region = source.read?.region;
    if (region === undefined || cloud === undefined) {
      return `${named} (${existing}: where it is cannot be checked)`;
    }
    return regionInJurisdiction(j, cloud, region)
      ? undefined
      : `${named}, ${existing}, in ${describePlace(j, cloud, region)}`;
  }
  if (targets.length > 1) {
    // Two resources of the type share the name (under different parents): which one is meant
    // cannot be told.
    return `${named} (${targets.length} resources of this program have that type and name, so which one it is cannot be told)`;
  }
  const at = placementOfResource(targets[0]);
  if (isUnknown(at)) {
    return undefined;
  }
  if (at.kind !== "region") {
    return `${named}, of this program, whose region cannot be determined (${at.reason ?? at.kind})`;
  }
  return regionInJurisdiction(j, at.cloud, at.region)
    ? undefined
    : `${named}, of this program, in ${describePlace(j, at.cloud, at.region)}`;
}

/**
 * Whether an S3 copy's line sends its request to a region inside `j`, by the `--region` it gives
 * or the regional endpoint it names (a custom endpoint is another server, placed by its host).
 */
function s3LinePlaceInside(b: BucketTarget, j: Jurisdiction): boolean {
  if (b.endpoint !== undefined) {
    const at = regionOfEndpoint(b.endpoint.includes("://") ? b.endpoint : `https://${b.endpoint}`);
    return at !== undefined && at.cloud === "aws" && regionInJurisdiction(j, "aws", at.region);
  }
  return b.region !== undefined && regionInJurisdiction(j, "aws", b.region);
}

/**
 * An EC2 instance's private DNS name (`ip-10-0-1-5.us-west-2.compute.internal`, US East's
 * `ip-10-0-1-5.ec2.internal`, a resource name `i-0abc….us-west-2.compute.internal`): the VPC's own
 * resolver answers it, with the instance's private address.
 */
const vpcInternalName =
  /^(?:ip-\d{1,3}(?:-\d{1,3}){3}|i-[0-9a-f]{8,17})\.(?:[a-z]{2}(?:-[a-z]+)+-\d\.compute|ec2)\.internal$/;

/** Hosts of the machine itself, and the metadata services a script asks for a token. */
const machineHosts =
  /^(localhost|[\w-]+\.localhost|100\.100\.100\.200|metadata\.google\.internal)$/;

/**
 * The uploads of the scripts a resource's compute runs (paths/references.ts `scriptUploads`: a
 * curl or wget that sends data, a copy to a bucket or another machine, an nc or /dev/tcp
 * connection, in user data, a container's command, an SSM document's `runCommand`, and what
 * those install to run later), by where they send: a private or
 * allowlisted address, a host the stack places by name (`egressHosts`) or the machine itself
 * passes; where the script's endpoints and regions are read above (`placesRead`), a cloud
 * service's regional endpoint (or an AWS partition's global one) and the region a line gives a
 * bucket's CLI are placed there, once, and here otherwise; any other host cannot be placed, nor
 * can a destination the line builds from shell variables. A bucket the line places neither by
 * region nor by endpoint is placed by the program's bucket of that name, which only the stack
 * tells (`scriptBucketFindings`). One finding per destination.
 */
function scriptUploadFindings(
  type: string,
  props: Record<string, unknown>,
  label: string,
  ctx: PolicyContext,
  skip: ReadonlyMap<string, DeclaredPaths>,
  { placesRead, podSpecs }: ScriptReading,
): Finding[] {
  const j = ctx.jurisdiction;
  const unknown = new Set<string>();
  const uploads = scriptUploads(type, props, skip, podSpecs, (path) => unknown.add(path)).flatMap(
    (upload) => {
      const where = uploadDestination(upload, j, ctx.settings.egressAllowlist, placesRead);
      return where === undefined ? [] : [{ ...upload, where }];
    },
  );
  return [
    ...[...unknown].map((path): Finding => ({
      message: `${label} must send data only to places inside ${j.id}, but ${path} is not known before deployment (an output of another resource, or the answer of a lookup), so what the compute runs there, and where that sends data, cannot be decided at preview. Build the script or command from literal values and resources of this program, or waive the finding after review.`,
      path: [label, `${path} (unknown at preview)`],
      undecided: true,
    })),
    ...uploadFindings(uploads, label, j),
  ];
}

/**
 * Where an upload of a script sends, in a finding's words, when that is not inside the
 * jurisdiction (see `scriptUploadFindings`); undefined when it is, when the script's endpoint
 * reading places it (`placesRead`), or when only the stack can place it (a bucket by name).
 */
function uploadDestination(
  upload: ScriptUpload,
  j: Jurisdiction,
  allowlist: readonly EgressAllowEntry[],
  placesRead: boolean,
): string | undefined {
  if (upload.programAddress !== undefined) {
    // The address of a resource of the program: only the stack places it (`scriptBucketFindings`).
    return undefined;
  }
  if (upload.unread !== undefined) {
    return upload.unread === ""
      ? "a destination the command does not name as a URL, which cannot be read"
      : `a destination the command builds at run time (${upload.unread}), which cannot be read`;
  }
  if (upload.remote !== undefined) {
    const { named, why } = describeRemote(upload.remote);
    return `${named} (${why})`;
  }
  if (upload.url !== undefined || upload.host !== undefined) {
    return hostDestination(upload.url ?? upload.host!, j, allowlist, placesRead);
  }
  const bucket = upload.bucket;
  if (bucket === undefined) {
    return undefined;
  }
  const named = `the ${bucket.store === "s3" ? "S3" : "OSS"} bucket ${bucket.bucket}`;
  if (bucket.endpoint !== undefined) {
    const at = hostDestination(bucket.endpoint, j, allowlist, placesRead);
    return at === undefined ? undefined : `${named} at ${at}`;
  }
  if (bucket.bucket.startsWith("arn:")) {
    // An access point's ARN places itself; the ARN reading does not read a script's words.
    const outcome = arnOutcome(j, bucket.bucket);
    return outcome.kind === "inside"
      ? undefined
      : outcome.kind === "outside"
        ? outcome.place
        : `${outcome.raw} (${outcome.why})`;
  }
  // The reading of places met the line's `--region` where the line is one string; an argument
  // list's `--region` and value, apart, and an rclone remote's inline `region=`, only here.
  if (
    bucket.region === undefined ||
    (placesRead && upload.argv !== true && upload.tool !== "rclone")
  ) {
    return undefined;
  }
  const cloud: Cloud = bucket.store === "s3" ? "aws" : "alicloud";
  return regionInJurisdiction(j, cloud, bucket.region)
    ? undefined
    : `${named} in ${describePlace(j, cloud, bucket.region)}`;
}

/** Where a URL or host an upload sends to lies, in a finding's words (see `uploadDestination`). */
function hostDestination(
  target: string,
  j: Jurisdiction,
  allowlist: readonly EgressAllowEntry[],
  placesRead: boolean,
): string | undefined {
  const host = hostOf(target);
  if (machineHosts.test(host) || vpcInternalName.test(host)) {
    return undefined;
  }
  const endpoint = regionOfEndpoint(target.includes("://") ? target : `https://${target}`);
  const partition = awsPartitionOfHost(host);
  if (placesRead && (endpoint !== undefined || partition !== undefined)) {
    return undefined;
  }
  if (endpoint === undefined && partition !== undefined) {
    return j.awsPartitions.includes(partition)
      ? undefined
      : `${host} (an endpoint of AWS's ${partition} partition, none of whose regions is inside ${j.id})`;
  }
  return serverOutside(host, j, allowlist, {
    public: "a public address the pack cannot place in a country",
    unplaced: "a host the pack cannot place in a country",
  });
}

/** What a tool does with the data, in a finding's words: one command's, several's. */
const uploadVerbs: Readonly<Record<UploadTool, readonly [string, string]>> = {
  curl: ["uploads", "upload"],
  wget: ["uploads", "upload"],
  "aws s3": ["copies files", "copy files"],
  ossutil: ["copies files", "copy files"],
  "aliyun oss": ["copies files", "copy files"],
  scp: ["copies files", "copy files"],
  rsync: ["copies files", "copy files"],
  nc: ["sends what it is given over a connection", "send what they are given over a connection"],
  "/dev/tcp": ["writes to a connection", "write to a connection"],
  "/dev/udp": ["sends datagrams", "send datagrams"],
  "aws s3api": ["copies files", "copy files"],
  rclone: ["copies files", "copy files"],
  mc: ["copies files", "copy files"],
  gsutil: ["copies files", "copy files"],
  "gcloud storage": ["copies files", "copy files"],
  azcopy: ["copies files", "copy files"],
  s3cmd: ["copies files", "copy files"],
  s5cmd: ["copies files", "copy files"],
  "az storage blob": ["copies files", "copy files"],
  socat: ["sends what it is given over a connection", "send what they are given over a connection"],
  ssh: ["opens a tunnel that carries data", "open tunnels that carry data"],
};

/** The tools whose every destination is a bucket (a copy of the AWS CLI's, OSS's CLIs). */
const bucketTools: ReadonlySet<UploadTool> = new Set<UploadTool>([
  "aws s3",
  "aws s3api",
  "ossutil",
  "aliyun oss",
]);

/**
 * The findings on the uploads of a resource's scripts that send outside or to a place that
 * cannot be placed: one per destination and what the commands do there (`where`), naming the
 * commands.
 */
function uploadFindings(
  uploads: ReadonlyArray<ScriptUpload & { readonly where: string }>,
  label: string,
  j: Jurisdiction,
): Finding[] {
  const byPlace = new Map<
    string,
    {
      where: string;
      path: string;
      tool: UploadTool;
      bucket: boolean;
      resource: boolean;
      read: boolean;
      commands: string[];
    }
  >();
  for (const upload of uploads) {
    const key = `${upload.where}\0${uploadVerbs[upload.tool][0]}`;
    const entry = byPlace.get(key) ?? {
      where: upload.where,
      path: upload.path,
      tool: upload.tool,
      // A bucket the line names, or builds at run time (`s3://$BUCKET/`, `--bucket "$B"`).
      bucket:
        upload.bucket !== undefined ||
        /^(?:s3|oss):\/\/|^--bucket /.test(upload.unread ?? "") ||
        (upload.unread !== undefined && bucketTools.has(upload.tool)),
      // The address of a resource of the program (residency/address-marks.ts), created or read.
      resource: upload.programAddress !== undefined,
      read: upload.programAddress?.read !== undefined,
      commands: [],
    };
    entry.commands.push(upload.command);
    byPlace.set(key, entry);
  }
  return [...byPlace.values()].map(({ where, path, tool, bucket, resource, read, commands }) => {
    const distinct = [...new Set(commands)];
    const shown = distinct.map((c) => JSON.stringify(c)).join(", ");
    const [one, several] = uploadVerbs[tool];
    const why =
      bucket || resource
        ? "the compute sends what the command reads there each time it runs"
        : "the compute sends what the command reads there each time it runs, and no resource of the stack holds it";
    const fix = resource
      ? read
        ? `Send only to resources of this program inside ${j.id}, or to an existing one the program reads inside ${j.id}.`
        : `Send only to resources of this program inside ${j.id}, or create that resource inside ${j.id}.`
      : bucket
        ? `Copy only to a bucket this program creates inside ${j.id}, or to an OSS bucket the command places inside ${j.id} by its regional endpoint (-e); an S3 bucket's region or endpoint on the line places only the request, which the AWS CLI redirects to wherever the bucket lies.`
        : `Upload only to a service inside ${j.id} by its regional endpoint, or to a private address; once you have confirmed that a host keeps the data inside ${j.id}, name it in the stack's egressHosts with your reason.`;
    return {
      message: `${label} must send data only to places inside ${j.id}, but ${path} runs ${shown}, which ${distinct.length > 1 ? several : one} to ${where}: ${why}. ${fix}`,
      path: [label, where],
    };
  });
}

/**
 * Where an ENS instance scheduled by area (`scheduleAreaLevel` Big, Middle or Small) may be
 * created: on whichever node of the area its `netDistrictCode` names ENS picks, its `ensRegionId`
 * ignored (residency/ens-nodes.ts). A province or city is placed by its country; a region of
 * several provinces, a code of no province or city, or an area not known at preview cannot be
 * placed. An instance scheduled on a node (`Region`) is placed by the node, as any ENS resource.
 */
function ensAreaFindings(
  type: string,
  props: Record<string, unknown>,
  j: Jurisdiction,
  label: string,
): Finding[] {
  if (!type.startsWith("alicloud:ens/")) {
    return [];
  }
  const onNode = `Schedule it on a node inside ${j.id} (scheduleAreaLevel "Region" with the node's ensRegionId)`;
  const fix = ensAreasInside(j)
    ? `${onNode}, or in a province or city inside ${j.id} (scheduleAreaLevel "Middle" or "Small" with its netDistrictCode).`
    : `${onNode}.`;
  const finding = (what: string, where: string, undecided?: true): Finding[] => [
    {
      message: `${label} must reference only places inside ${j.id}, but ${what}. ${fix}`,
      path: [label, where],
      ...(undecided ? { undecided } : {}),
    },
  ];
  const level = valueAt(props, "scheduleAreaLevel");
  if (isUnknown(level)) {
    return finding(
      "its scheduleAreaLevel is not known at preview, so whether ENS creates it on a node or in an area, and where, cannot be decided",
      "scheduleAreaLevel (not known until deployed)",
      true,
    );
  }
  if (typeof level !== "string" || ensAreaLevels[level] === undefined) {
    return [];
  }
  const lets = `scheduleAreaLevel ${JSON.stringify(level)} lets ENS create it on any node of`;
  const code = valueAt(props, "netDistrictCode");
  if (isUnknown(code)) {
    return finding(
      `${lets} an area not known at preview, so its country cannot be checked`,
      "netDistrictCode (not known until deployed)",
      true,
    );
  }
  if (code === undefined || code === null) {
    const where = "an area it does not name (netDistrictCode is not set)";
    return finding(`${lets} ${where}`, where);
  }
  const area = ensAreaOf(level, String(code));
  if ("unplaced" in area) {
    const where = `netDistrictCode ${JSON.stringify(String(code))} (${area.unplaced})`;
    return finding(`${lets} ${where}`, where);
  }
  if (holdsCountry(j, area.country)) {
    return [];
  }
  const where = `netDistrictCode ${describeEnsArea(j, area)}`;
  return finding(`${lets} ${where}`, where);
}

/**
 * The Bedrock cross-Region inference profiles a resource names, in any property (an agent's
 * `foundationModel`, an application profile's `modelSource.copyFrom`, a guardrail's
 * `crossRegionConfig.guardrailProfileIdentifier`, a function's `MODEL_ID` variable, a state
 * machine's `ModelId`): Bedrock sends each prompt to whichever region of the profile's geography
 * has capacity, so every region of it must lie inside. A profile's ARN whose own region is
 * outside is reported as an ARN already (`reported`).
 */
function inferenceProfileFindings(
  props: Record<string, unknown>,
  j: Jurisdiction,
  label: string,
  reported: ReadonlySet<string>,
): Finding[] {
  return stringsIn(props).flatMap(({ path, value }) => {
    if (typeof value !== "string" || reported.has(path) || mentionOnly(path)) {
      return [];
    }
    const unknownGeography = unknownProfileGeography(value);
    if (unknownGeography !== undefined) {
      const where = `the "${unknownGeography}" cross-Region inference geography (cannot be placed)`;
      return [
        {
          message: `${label} must reference only places inside ${j.id}, but ${path} is the cross-Region inference profile ${JSON.stringify(value)}, of a geography the pack does not know ("${unknownGeography}"), so the regions it sends prompts to cannot be placed. Invoke the model in the stack's own region (its model ID without a geography prefix), or through a profile whose geography lies inside ${j.id}.`,
          path: [label, where],
        },
      ];
    }
    const profile = inferenceProfileGeography(value);
    if (profile === undefined) {
      return [];
    }
    const outside =
      profile.regions === "any"
        ? undefined
        : profile.regions.filter((r) => !regionInJurisdiction(j, "aws", r));
    if (outside !== undefined && outside.length === 0) {
      return [];
    }
    const where =
      outside === undefined
        ? `any commercial AWS region (${profile.geography} cross-Region inference, outside ${j.id})`
        : `${outside.join(", ")} (${profile.geography} cross-Region inference, outside ${j.id})`;
    return [
      {
        message: `${label} must reference only places inside ${j.id}, but ${path} is the cross-Region inference profile ${JSON.stringify(value)}, which sends prompts to ${where}. Invoke the model in the stack's own region (its model ID without a geography prefix), or through a profile whose geography lies inside ${j.id}.`,
        path: [label, where],
      },
    ];
  });
}
