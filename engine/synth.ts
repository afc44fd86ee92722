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
import { unknownValue } from "./wire";

/** Properties providers fill by auto-naming when the program leaves them out. */
const autonamed: Readonly<Record<string, string>> = {
  "alicloud:oss/bucket:Bucket": "bucket",
  "aws:s3/bucket:Bucket": "bucket",
  "aws:s3/bucketV2:BucketV2": "bucket",
  "aws:ec2/securityGroup:SecurityGroup": "name",
  "aws:iam/role:Role": "name",
  "aws:cloudwatch/logGroup:LogGroup": "name",
};

/**
 * Types whose provider ID is an identifier the program sets: a global database's ID is its
 * `globalClusterIdentifier`, an Aurora cluster's its `clusterIdentifier`. Programs pass `.id` where
 * the resource is named by that identifier (a cluster joining a global database), so the ID must
 * be that value for the reference to resolve.
 */
const idFromInput: Readonly<Record<string, string>> = {
  "aws:rds/globalCluster:GlobalCluster": "globalClusterIdentifier",
  "aws:docdb/globalCluster:GlobalCluster": "globalClusterIdentifier",
  "aws:neptune/globalCluster:GlobalCluster": "globalClusterIdentifier",
  "aws:rds/cluster:Cluster": "clusterIdentifier",
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
  /** The account the stack declares (`sovereign-dc:accountId`), for a provider that pins none. */
  readonly stackAccount?: string;
}

/** The id and output state a provider would report for a newly created resource. */
export function synthesizeState(args: SynthArgs): { id: string; state: Record<string, unknown> } {
  const { type, name, inputs } = args;
  const state: Record<string, unknown> = { ...inputs };
  const nameProp = autonamed[type];
  if (nameProp !== undefined && (state[nameProp] === undefined || state[nameProp] === "")) {
    state[nameProp] = `${name}-${shortHash(type, name)}`;
  }
  const idProp = idFromInput[type];
  const given = idProp === undefined ? undefined : state[idProp];
  const id =
    nameProp !== undefined
      ? String(state[nameProp])
      : typeof given === "string" && given !== "" && given !== unknownValue
        ? given
        : `${name}-${shortHash("id", type, name)}`;

  if (type.startsWith("pulumi:providers:")) {
    return { id, state };
  }
  const pkg = type.split(":")[0];
  const region = regionOf(args);
  if (pkg === "aws" && state.arn === undefined) {
    // An ARN's partition follows the region; where no one can know the region before the
    // deployment, the ARN is unknown too, as a preview shows it (not one of the `aws` partition).
    state.arn =
      region === undefined
        ? unknownValue
        : awsArn(type, id, region, accountOf(args.providerProps, args.stackAccount));
  }
  if (type === "alicloud:oss/bucket:Bucket" && region !== undefined) {
    state.location = `oss-${region}`;
    state.intranetEndpoint = `oss-${region}-internal.aliyuncs.com`;
    state.extranetEndpoint = `oss-${region}.aliyuncs.com`;
  }
  if (type === "aws:s3/bucket:Bucket" || type === "aws:s3/bucketV2:BucketV2") {
    state.bucketRegionalDomainName =
      region === undefined
        ? unknownValue
        : `${id}.s3.${region}.amazonaws.com${awsPartitionOf(region) === "aws-cn" ? ".cn" : ""}`;
  }
  if (type === "aws:kms/key:Key") {
    state.keyId = id;
  }
  return { id, state };
}

/** The resource's region, its own or else its provider's; undefined when unset or not known. */
function regionOf(args: SynthArgs): string | undefined {
  const own = args.inputs.region;
  const region = typeof own === "string" && own !== "" ? own : args.providerProps.region;
  return typeof region === "string" && region !== "" && region !== unknownValue
    ? region
    : undefined;
}

/**
 * The account in a synthesised ARN: the first the provider pins, else the one the stack declares,
 * else the placeholder (a grant to the stack's own resources must not read as another account's).
 */
function accountOf(providerProps: Record<string, unknown>, stackAccount?: string): string {
  const fallback =
    stackAccount !== undefined && stackAccount !== "" ? stackAccount : placeholderAccount;
  let ids = providerProps.allowedAccountIds;
  if (typeof ids === "string") {
    try {
      ids = JSON.parse(ids);
    } catch {
      return fallback;
    }
  }
  return Array.isArray(ids) && typeof ids[0] === "string" ? ids[0] : fallback;
}

/** `arn:<partition>:<service>:<region>:<account>:<kind>/<id>`, S3 buckets region- and account-less. */
function awsArn(type: string, id: string, region: string, account: string): string {
  const partition = awsPartitionOf(region);
  const [, mod = "", kindToken = ""] = type.split(":");
  const service = mod.split("/")[0];
  if (
    service === "s3" &&
    /^bucket(V2)?$/.test(kindToken.charAt(0).toLowerCase() + kindToken.slice(1))
  ) {
    return `arn:${partition}:s3:::${id}`;
  }
  const kind = kindToken.charAt(0).toLowerCase() + kindToken.slice(1);
  return `arn:${partition}:${service}:${region}:${account}:${kind}/${id}`;
}
