/**
 * Output synthesis for the offline engine: what a provider would return after creating a
 * resource, so that programs which feed one resource's outputs into another (a bucket's name
 * into its ACL, a key's ARN into a policy) evaluate with realistic values.
 *
 * Everything is deterministic — derived from the resource's type, name and provider — so the
 * same program and config always produce the same plan, and committed reports do not drift.
 */
import { createHash } from "node:crypto";
import { awsPartitionOf } from "../residency/jurisdictions";

/** Properties providers fill by auto-naming when the program leaves them out. */
const autonamed: Readonly<Record<string, string>> = {
  "alicloud:oss/bucket:Bucket": "bucket",
  "aws:s3/bucket:Bucket": "bucket",
  "aws:s3/bucketV2:BucketV2": "bucket",
  "aws:ec2/securityGroup:SecurityGroup": "name",
  "aws:iam/role:Role": "name",
  "aws:cloudwatch/logGroup:LogGroup": "name",
};

/** The AWS account used in synthesised ARNs when the provider pins none. */
export const placeholderAccount = "123456789012";

function shortHash(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\0")).digest("hex").slice(0, 7);
}

export interface SynthArgs {
  readonly type: string;
  readonly name: string;
  /** Deserialised inputs. */
  readonly inputs: Record<string, unknown>;
  /** Deserialised inputs of the resource's provider (explicit or default). */
  readonly providerProps: Record<string, unknown>;
}

/** The id and output state a provider would report for a newly created resource. */
export function synthesizeState(args: SynthArgs): { id: string; state: Record<string, unknown> } {
  const { type, name, inputs } = args;
  const state: Record<string, unknown> = { ...inputs };
  const nameProp = autonamed[type];
  if (nameProp !== undefined && (state[nameProp] === undefined || state[nameProp] === "")) {
    state[nameProp] = `${name}-${shortHash(type, name)}`;
  }
  const id =
    nameProp !== undefined ? String(state[nameProp]) : `${name}-${shortHash("id", type, name)}`;

  if (type.startsWith("pulumi:providers:")) {
    return { id, state };
  }
  const pkg = type.split(":")[0];
  const region = regionOf(args);
  if (pkg === "aws" && state.arn === undefined) {
    state.arn = awsArn(type, id, region, accountOf(args.providerProps));
  }
  if (type === "alicloud:oss/bucket:Bucket" && region !== undefined) {
    state.location = `oss-${region}`;
    state.intranetEndpoint = `oss-${region}-internal.aliyuncs.com`;
    state.extranetEndpoint = `oss-${region}.aliyuncs.com`;
  }
  if (type === "aws:s3/bucket:Bucket" || type === "aws:s3/bucketV2:BucketV2") {
    state.bucketRegionalDomainName = `${id}.s3.${region ?? "us-east-1"}.amazonaws.com${
      region !== undefined && awsPartitionOf(region) === "aws-cn" ? ".cn" : ""
    }`;
  }
  if (type === "aws:kms/key:Key") {
    state.keyId = id;
  }
  return { id, state };
}

function regionOf(args: SynthArgs): string | undefined {
  const own = args.inputs.region;
  if (typeof own === "string" && own !== "") {
    return own;
  }
  const fromProvider = args.providerProps.region;
  return typeof fromProvider === "string" ? fromProvider : undefined;
}

function accountOf(providerProps: Record<string, unknown>): string {
  let ids = providerProps.allowedAccountIds;
  if (typeof ids === "string") {
    try {
      ids = JSON.parse(ids);
    } catch {
      return placeholderAccount;
    }
  }
  return Array.isArray(ids) && typeof ids[0] === "string" ? ids[0] : placeholderAccount;
}

/** `arn:<partition>:<service>:<region>:<account>:<kind>/<id>`, S3 buckets region- and account-less. */
function awsArn(type: string, id: string, region: string | undefined, account: string): string {
  const partition = region !== undefined ? awsPartitionOf(region) : "aws";
  const [, mod = "", kindToken = ""] = type.split(":");
  const service = mod.split("/")[0];
  if (
    service === "s3" &&
    /^bucket(V2)?$/.test(kindToken.charAt(0).toLowerCase() + kindToken.slice(1))
  ) {
    return `arn:${partition}:s3:::${id}`;
  }
  const kind = kindToken.charAt(0).toLowerCase() + kindToken.slice(1);
  return `arn:${partition}:${service}:${region ?? ""}:${account}:${kind}/${id}`;
}
