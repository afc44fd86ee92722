/**
 * Pulumi state is data too: the checkpoint holds every resource's inputs and outputs, and the
 * secrets provider holds the key to its secrets. Both must sit in the stack's jurisdiction.
 * This module tells where a backend URL or a secrets-provider URL keeps its data.
 */
import { type Cloud, type Jurisdiction, regionInJurisdiction } from "./jurisdictions";

export type StateLocation =
  | { readonly kind: "region"; readonly cloud: Cloud; readonly region: string }
  /** Kept on the machine that runs Pulumi (passphrase secrets): no remote copy. */
  | { readonly kind: "local" }
  | { readonly kind: "unknown"; readonly reason: string };

const ossEndpoint = /^oss-([a-z0-9-]+?)(?:-internal)?\.aliyuncs\.com$/;

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** Where a state backend URL (`pulumi login <url>`) stores checkpoints. */
export function backendLocation(url: string): StateLocation {
  const u = parse(url);
  if (!u) {
    return { kind: "unknown", reason: "it is not a URL" };
  }
  switch (u.protocol) {
    case "s3:": {
      const endpoint = u.searchParams.get("endpoint");
      if (endpoint) {
        const host = endpoint.replace(/^https?:\/\//, "").split("/")[0];
        const oss = ossEndpoint.exec(host);
        if (oss) {
          return { kind: "region", cloud: "alicloud", region: oss[1] };
        }
        return { kind: "unknown", reason: `its endpoint ${host} is not an OSS or AWS endpoint` };
      }
      const region = u.searchParams.get("region");
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

/** Where a secrets provider (`secretsprovider:` of a stack file) keeps its key. */
export function secretsProviderLocation(provider: string): StateLocation {
  if (provider === "passphrase") {
    return { kind: "local" };
  }
  if (provider === "default" || provider === "service") {
    return { kind: "region", cloud: "aws", region: "us-west-2" };
  }
  if (provider.startsWith("awskms://")) {
    // Keys are named by alias (awskms://alias/x?region=r) or by ARN (awskms:///arn:…, which
    // is not a parseable URL host when written with two slashes).
    const arnRegion = /arn:[^:]+:kms:([^:]+):/.exec(provider)?.[1];
    const region = /[?&]region=([^&]+)/.exec(provider)?.[1] ?? arnRegion;
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
