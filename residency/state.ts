/**
 * Pulumi state is data too: the checkpoint holds every resource's inputs and outputs, and the
 * secrets provider holds the key to its secrets. Both must sit in the stack's jurisdiction.
 * This module tells where a backend URL or a secrets-provider URL keeps its data.
 */
import {
  type Cloud,
  countryOfRegion,
  type Jurisdiction,
  regionInJurisdiction,
} from "./jurisdictions";

export type StateLocation =
  | { readonly kind: "region"; readonly cloud: Cloud; readonly region: string }
  /** Kept on the machine that runs Pulumi (passphrase secrets): no remote copy. */
  | { readonly kind: "local" }
  | { readonly kind: "unknown"; readonly reason: string };

/**
 * OSS endpoints that take S3 requests: `oss-<region>.aliyuncs.com` and the S3-compatible
 * `s3.oss-<region>.aliyuncs.com`, each with an `-internal` twin
 * (https://help.aliyun.com/en/oss/developer-reference/use-aws-sdks-to-access-oss).
 */
const ossEndpoint = /^(?:s3\.)?oss-([a-z0-9-]+?)(?:-internal)?\.aliyuncs\.com$/;
/** Transfer acceleration: requests enter at the nearest edge node, anywhere in the world. */
const ossAccelerate = /^(?:s3\.)?oss-accelerate(?:-overseas)?\.aliyuncs\.com$/;

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * Where a state backend URL (`pulumi login <url>`) stores checkpoints. `awsRegion` is the region
 * the machine's AWS settings give (AWS_REGION, AWS_DEFAULT_REGION), which an `s3://` URL without
 * `?region=` follows.
 */
export function backendLocation(url: string, awsRegion?: string): StateLocation {
  const u = parse(url);
  if (!u) {
    return { kind: "unknown", reason: "it is not a URL" };
  }
  switch (u.protocol) {
    case "s3:": {
      const endpoint = u.searchParams.get("endpoint");
      if (endpoint) {
        const host = endpoint
          .replace(/^https?:\/\//, "")
          .split("/")[0]
          .replace(/:\d+$/, "")
          .toLowerCase();
        if (ossAccelerate.test(host)) {
          return {
            kind: "unknown",
            reason: `its endpoint ${host} is OSS transfer acceleration, which enters through edge nodes worldwide`,
          };
        }
        const oss = ossEndpoint.exec(host);
        if (oss) {
          return { kind: "region", cloud: "alicloud", region: oss[1] };
        }
        return { kind: "unknown", reason: `its endpoint ${host} is not an OSS or AWS endpoint` };
      }
      const region = u.searchParams.get("region") ?? awsRegion;
      if (region && !countryOfRegion("aws", region) && countryOfRegion("alicloud", region)) {
        return {
          kind: "unknown",
          reason: `an s3:// backend without endpoint= is AWS S3, where ${region} is no region: it is Alibaba Cloud's, whose OSS takes endpoint=oss-${region}.aliyuncs.com`,
        };
      }
      return region
        ? { kind: "region", cloud: "aws", region }
        : {
            kind: "unknown",
            reason: "an s3:// backend without ?region= follows the machine's AWS config",
          };
    }
    case "https:":
    case "http:":
      if (u.hostname === "api.pulumi.com" || u.hostname === "app.pulumi.com") {
        // Pulumi Cloud (SaaS) runs in AWS us-west-2.
        return { kind: "region", cloud: "aws", region: "us-west-2" };
      }
      return {
        kind: "unknown",
        reason: `a self-hosted service at ${u.hostname} may store state anywhere`,
      };
    case "file:":
      return {
        kind: "unknown",
        reason: "a local file backend is wherever the machine running Pulumi is",
      };
    default:
      return { kind: "unknown", reason: `the ${u.protocol}// backend names no region` };
  }
}

/**
 * Where a secrets provider (`secretsprovider:` of a stack file) keeps its key. The service's own
 * provider (`default`) keeps it in the service the stack's backend is: Pulumi Cloud, or the
 * self-hosted service `backendUrl` names. `awsRegion` as for `backendLocation`.
 */
export function secretsProviderLocation(
  provider: string,
  opts: { readonly backendUrl?: string; readonly awsRegion?: string } = {},
): StateLocation {
  if (provider === "passphrase") {
    return { kind: "local" };
  }
  if (provider === "default" || provider === "service") {
    return opts.backendUrl !== undefined && !isPulumiCloud(opts.backendUrl)
      ? backendLocation(opts.backendUrl)
      : { kind: "region", cloud: "aws", region: "us-west-2" };
  }
  if (provider.startsWith("awskms://")) {
    // Keys are named by alias (awskms://alias/x?region=r) or by ARN (awskms:///arn:…, which
    // is not a parseable URL host when written with two slashes).
    const arnRegion = /arn:[^:]+:kms:([^:]+):/.exec(provider)?.[1];
    const region = /[?&]region=([^&]+)/.exec(provider)?.[1] ?? arnRegion ?? opts.awsRegion;
    return region
      ? { kind: "region", cloud: "aws", region }
      : {
          kind: "unknown",
          reason: "an awskms:// key without ?region= or an ARN follows the machine's AWS config",
        };
  }
  const u = parse(provider);
  if (!u) {
    return { kind: "unknown", reason: "it is not a URL" };
  }
  return { kind: "unknown", reason: `the ${u.protocol}// provider's key location cannot be told` };
}

/** "aws us-west-2 (outside CN)" — the far end of a state path. */
export function describeLocation(j: Jurisdiction, loc: StateLocation): string {
  switch (loc.kind) {
    case "local":
      return "the machine running Pulumi";
    case "unknown":
      return "unknown location";
    case "region":
      return `${loc.cloud} ${loc.region} (${regionInJurisdiction(j, loc.cloud, loc.region) ? "inside" : "outside"} ${j.id})`;
  }
}

/** Undefined when the location is inside the jurisdiction; otherwise why it is not. */
export function locationProblem(j: Jurisdiction, loc: StateLocation): string | undefined {
  switch (loc.kind) {
    case "local":
      return undefined;
    case "unknown":
      return `its location cannot be told: ${loc.reason}`;
    case "region":
      return regionInJurisdiction(j, loc.cloud, loc.region)
        ? undefined
        : `it is in ${loc.cloud} ${loc.region}, outside ${j.id}`;
  }
}

/** A backend URL inside the jurisdiction for a new stack: S3, or OSS through its S3 API. */
export function defaultBackendUrl(
  project: string,
  stack: string,
  cloud: Cloud,
  region: string,
): string {
  const bucket = `${project}-state-${stack}`.toLowerCase().replace(/[^a-z0-9-]/g, "-");
  return cloud === "aws"
    ? `s3://${bucket}?region=${region}`
    : `s3://${bucket}?endpoint=oss-${region}.aliyuncs.com&region=${region}`;
}

/** True for Pulumi Cloud, the hosted service (its API and console hosts). */
export function isPulumiCloud(url: string): boolean {
  const u = parse(url);
  return (
    (u?.protocol === "https:" || u?.protocol === "http:") &&
    (u.hostname === "api.pulumi.com" || u.hostname === "app.pulumi.com")
  );
}

/** True for a Pulumi service backend (Pulumi Cloud or self-hosted) rather than DIY storage. */
export function isServiceBackend(url: string): boolean {
  const u = parse(url);
  return u?.protocol === "https:" || u?.protocol === "http:";
}

/** The URL the Pulumi CLI uses when nothing names a backend. */
export const pulumiCloudUrl = "https://api.pulumi.com";

/** Where the backend the Pulumi CLI would use comes from. */
export type BackendSource = "PULUMI_BACKEND_URL" | "Pulumi.yaml" | "credentials" | "default";

export interface EffectiveBackend {
  readonly url: string;
  readonly source: BackendSource;
}

/**
 * The backend the Pulumi CLI would use, in the CLI's own order (pkg/workspace
 * `GetCurrentCloudURLWithSource`): PULUMI_BACKEND_URL, then `backend.url` of Pulumi.yaml, then
 * the current login kept in credentials.json, else Pulumi Cloud. An empty value counts as unset.
 */
export function effectiveBackend(sources: {
  readonly envBackendUrl?: string;
  readonly projectBackendUrl?: string;
  readonly currentLogin?: string;
}): EffectiveBackend {
  if (sources.envBackendUrl) {
    return { url: sources.envBackendUrl, source: "PULUMI_BACKEND_URL" };
  }
  if (sources.projectBackendUrl) {
    return { url: sources.projectBackendUrl, source: "Pulumi.yaml" };
  }
  if (sources.currentLogin) {
    return { url: sources.currentLogin, source: "credentials" };
  }
  return { url: pulumiCloudUrl, source: "default" };
}

/** Where the secrets provider of a stack comes from. */
export type SecretsSource = "secretsprovider" | "encryptionsalt" | "backend default";

export interface EffectiveSecrets {
  readonly provider: string;
  readonly source: SecretsSource;
}

/**
 * The secrets provider `pulumi up` would use for a stack: the stack file's `secretsprovider`;
 * else a passphrase when the file holds an `encryptionsalt` (what a passphrase stack writes);
 * else the default `pulumi stack init` gives on the backend — the service's own keys on Pulumi
 * Cloud or a self-hosted service, a passphrase on DIY storage (s3://, file://, …).
 */
export function effectiveSecretsProvider(
  stackFile: { readonly secretsProvider?: string; readonly hasEncryptionSalt: boolean },
  backendUrl: string,
): EffectiveSecrets {
  if (stackFile.secretsProvider) {
    return { provider: stackFile.secretsProvider, source: "secretsprovider" };
  }
  if (stackFile.hasEncryptionSalt) {
    return { provider: "passphrase", source: "encryptionsalt" };
  }
  return {
    provider: isServiceBackend(backendUrl) ? "default" : "passphrase",
    source: "backend default",
  };
}

/**
 * A provider setting of the machine that decides where resources go when the program or stack
 * file leaves it open: a region variable, or a profile and the region its config file names.
 */
export interface ProviderSetting {
  /** The environment variable: ALICLOUD_REGION, AWS_REGION, AWS_PROFILE, … */
  readonly name: string;
  readonly cloud: Cloud;
  /** Its value; undefined when unset (or empty). */
  readonly value?: string;
  /** A profile's region, from `regionSource`; undefined when the profile names none. */
  readonly profileRegion?: string;
  /** The config file a profile's region is read from. */
  readonly regionSource?: string;
}

export type CheckStatus = "inside" | "outside" | "unknown" | "unset";

/** One thing `pulumi up` would use, where it keeps or sends data, and the verdict on it. */
export interface PreflightCheck {
  /** "backend", "secrets provider", or the setting's variable (ALICLOUD_REGION, …). */
  readonly check: string;
  /** The value the Pulumi CLI or provider would use; null when none is set. */
  readonly value: string | null;
  /** Where the value comes from. */
  readonly source: string;
  /** Where it keeps or creates data ("alicloud cn-shanghai (inside CN)"); null when unset. */
  readonly location: string | null;
  readonly status: CheckStatus;
  /** The finding's level; null when the check passes. */
  readonly level: "mandatory" | "advisory" | null;
  /** What is wrong; null when the check passes. */
  readonly message: string | null;
  /** How to fix it; null when the check passes. */
  readonly fix: string | null;
}

export interface PreflightInput {
  readonly project: string;
  readonly stack: string;
  /** The stack file's name, for messages (Pulumi.<stack>.yaml). */
  readonly stackFile: string;
  readonly jurisdiction: Jurisdiction;
  /** `sovereign-dc:cloud` and `sovereign-dc:region`, when the stack file sets them. */
  readonly cloud?: Cloud;
  readonly region?: string;
  readonly backend: EffectiveBackend;
  /** The credentials.json the CLI would read its login from. */
  readonly credentialsFile: string;
  /** `sovereign-dc:stateBackend`, when declared. */
  readonly declaredBackendUrl?: string;
  readonly secrets: EffectiveSecrets;
  /** The region the machine's AWS settings give, and the variable that gives it. */
  readonly awsRegion?: { readonly name: string; readonly value: string };
  readonly settings: readonly ProviderSetting[];
}

/**
 * What `pulumi up` of the stack would use — backend, secrets provider, provider settings of the
 * machine — each placed and judged against the stack's jurisdiction, with the fix.
 */
export function preflightChecks(input: PreflightInput): PreflightCheck[] {
  return [
    backendCheck(input),
    secretsCheck(input),
    ...input.settings.map((s) => settingCheck(input, s)),
  ];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function statusOf(j: Jurisdiction, loc: StateLocation): CheckStatus {
  if (loc.kind === "unknown") {
    return "unknown";
  }
  return locationProblem(j, loc) === undefined ? "inside" : "outside";
}

const backendSourceText: Record<BackendSource, (credentialsFile: string) => string> = {
  PULUMI_BACKEND_URL: () => "PULUMI_BACKEND_URL",
  "Pulumi.yaml": () => "backend.url in Pulumi.yaml",
  credentials: (f) => `the current login in ${f}`,
  default: (f) =>
    `Pulumi Cloud, the default: no PULUMI_BACKEND_URL, no backend.url in Pulumi.yaml, no login in ${f}`,
};

function backendCheck(input: PreflightInput): PreflightCheck {
  const j = input.jurisdiction;
  const { url, source } = input.backend;
  const loc = backendLocation(url, input.awsRegion?.value);
  const followsAws = loc.kind === "region" && backendLocation(url).kind === "unknown";
  const problem = locationProblem(j, loc);
  const base = {
    check: "backend",
    value: url,
    source: `${backendSourceText[source](input.credentialsFile)}${followsAws ? `; its region from ${input.awsRegion!.name}` : ""}`,
    location: describeLocation(j, loc),
    status: statusOf(j, loc),
  };
  if (problem !== undefined) {
    return {
      ...base,
      level: "mandatory",
      message: `The state backend of stack ${input.stack} must keep its checkpoints inside ${j.id}, but ${problem}.`,
      fix: backendFix(input),
    };
  }
  if (input.declaredBackendUrl && input.declaredBackendUrl !== url) {
    return {
      ...base,
      level: "advisory",
      message: `Stack ${input.stack} declares the backend ${input.declaredBackendUrl} (sovereign-dc:stateBackend), but the Pulumi CLI would use ${url}.`,
      fix: `${capitalise(useBackend(source, input.declaredBackendUrl))}, or declare the backend in use.`,
    };
  }
  return { ...base, level: null, message: null, fix: null };
}

/** A backend inside the jurisdiction: the declared one when it is inside, else one in the stack's region. */
function backendTarget(input: PreflightInput): string | undefined {
  const declared = input.declaredBackendUrl;
  if (declared && locationProblem(input.jurisdiction, backendLocation(declared)) === undefined) {
    return declared;
  }
  return input.cloud && input.region
    ? defaultBackendUrl(input.project, input.stack, input.cloud, input.region)
    : undefined;
}

/** How to make the CLI use `target`, given where its backend comes from now. */
function useBackend(source: BackendSource, target: string): string {
  switch (source) {
    case "PULUMI_BACKEND_URL":
      return `set PULUMI_BACKEND_URL to '${target}' (it overrides any login)`;
    case "Pulumi.yaml":
      return `set backend.url in Pulumi.yaml to '${target}'`;
    default:
      return `pulumi login '${target}'`;
  }
}

function backendFix(input: PreflightInput): string {
  const target = backendTarget(input);
  if (target === undefined) {
    return `Use a self-managed backend in a region inside ${input.jurisdiction.id}: an s3:// bucket with ?region=, or an OSS bucket through its S3-compatible endpoint (?endpoint=oss-<region>.aliyuncs.com&region=<region>).`;
  }
  const what =
    input.cloud === "alicloud"
      ? `an OSS bucket of ${input.region} through its S3-compatible endpoint (OSS takes virtual-hosted requests only: leave s3ForcePathStyle unset)`
      : `an S3 bucket of ${input.region}`;
  return `Create the bucket, then ${useBackend(input.backend.source, target)}: a self-managed backend in ${what}.`;
}

const secretsSourceText: Record<SecretsSource, (input: PreflightInput) => string> = {
  secretsprovider: (i) => `secretsprovider in ${i.stackFile}`,
  encryptionsalt: (i) => `encryptionsalt in ${i.stackFile}: a passphrase stack`,
  "backend default": (i) =>
    `${i.stackFile} names none: the default of ${isServiceBackend(i.backend.url) ? "a service backend, its own keys" : "a self-managed backend, a passphrase"}`,
};

function secretsCheck(input: PreflightInput): PreflightCheck {
  const j = input.jurisdiction;
  const { provider, source } = input.secrets;
  const loc = secretsProviderLocation(provider, {
    backendUrl: input.backend.url,
    awsRegion: input.awsRegion?.value,
  });
  const problem = locationProblem(j, loc);
  const base = {
    check: "secrets provider",
    value: provider,
    source: secretsSourceText[source](input),
    location: describeLocation(j, loc),
    status: statusOf(j, loc),
  };
  if (problem === undefined) {
    return { ...base, level: null, message: null, fix: null };
  }
  const awsRegion =
    input.cloud === "aws" && input.region ? input.region : input.jurisdiction.regions.aws[0];
  const kms = awsRegion
    ? `, or an AWS KMS key inside ${j.id} (pulumi stack change-secrets-provider 'awskms://alias/<key>?region=${awsRegion}')`
    : "";
  const alibaba =
    input.cloud === "alicloud"
      ? " Alibaba Cloud KMS is not among Pulumi's secrets providers (passphrase, awskms, azurekeyvault, gcpkms, hashivault and the service's own)."
      : "";
  return {
    ...base,
    level: "mandatory",
    message: `The secrets provider of stack ${input.stack} must keep its key inside ${j.id}, but ${problem}.`,
    fix: `Use a passphrase (pulumi stack change-secrets-provider passphrase: the key stays with whoever holds the passphrase)${kms}.${alibaba}`,
  };
}

function settingCheck(input: PreflightInput, s: ProviderSetting): PreflightCheck {
  const j = input.jurisdiction;
  const isProfile = s.name.endsWith("_PROFILE");
  const region = isProfile ? s.profileRegion : s.value;
  const unset = { location: null, status: "unset" as const, level: null, message: null, fix: null };
  if (!s.value) {
    return { check: s.name, value: null, source: "environment: not set", ...unset };
  }
  const source = isProfile
    ? `environment; ${region ? `its region ${region} from` : "names no region in"} ${s.regionSource}`
    : "environment";
  if (!region) {
    return { check: s.name, value: s.value, source, ...unset };
  }
  const loc: StateLocation = { kind: "region", cloud: s.cloud, region };
  const base = { check: s.name, value: s.value, source, location: describeLocation(j, loc) };
  const stackRegion = input.cloud === s.cloud ? input.region : undefined;
  const setTo = stackRegion ? ` or set it to ${stackRegion}` : "";
  const change = isProfile
    ? `Unset ${s.name}, or use a profile whose region is ${stackRegion ?? `inside ${j.id}`}.`
    : `Unset ${s.name}${setTo}.`;
  if (!regionInJurisdiction(j, s.cloud, region)) {
    return {
      ...base,
      status: "outside",
      level: "mandatory",
      message: `${s.name} must name a region inside ${j.id}: an ${s.cloud} provider given no region (the default provider when ${input.stackFile} sets no ${s.cloud}:region, or an explicit one without region) would create resources in ${s.cloud} ${region}, outside ${j.id}.`,
      fix: change,
    };
  }
  if (stackRegion !== undefined && region !== stackRegion) {
    return {
      ...base,
      status: "inside",
      level: "advisory",
      message: `${s.name} gives ${s.cloud} providers without a region ${region}, not the stack's region ${stackRegion}; resources would stay in ${j.id} but not in the stack's region.`,
      fix: change,
    };
  }
  return { ...base, status: "inside", level: null, message: null, fix: null };
}
