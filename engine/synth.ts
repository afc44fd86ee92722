/**
 * Output synthesis for the offline engine: what a provider would return after creating a
 * resource, so that programs which feed one resource's outputs into another (a bucket's name
 * into its ACL, a key's ARN into a policy) evaluate with realistic values.
 *
 * Everything is deterministic — derived from the resource's type, name and provider — so the
 * same program and config always produce the same plan, and committed reports do not drift.
 */
import { createHash } from "node:crypto";
import * as ipaddr from "ipaddr.js";
import { installedTypes, type TypeEntry } from "../policy/inventory/sdk";
import { awsPartitionOf, countryOfRegion } from "../residency/jurisdictions";
import { arnAccount, arnRegion, imageRegistry, regionOfEndpoint } from "../residency/placement";
import { zonesOf } from "../residency/zones";
import { outputValueSig, secretSig, sigKey, unknownValue } from "./wire";

/** Properties providers fill by auto-naming when the program leaves them out. */
const autonamed: Readonly<Record<string, string>> = {
  "alicloud:oss/bucket:Bucket": "bucket",
  "aws:s3/bucket:Bucket": "bucket",
  "aws:s3/bucketV2:BucketV2": "bucket",
  "aws:ec2/securityGroup:SecurityGroup": "name",
  "aws:iam/role:Role": "name",
  "aws:cloudwatch/logGroup:LogGroup": "name",
  // The provider's ID is the name for these too (a topic's is its ARN, set below).
  "aws:lambda/function:Function": "name",
  "aws:sns/topic:Topic": "name",
  "aws:ecr/repository:Repository": "name",
};

/** The inventory's entry of an AWS type (its inputs, the outputs that repeat its ARN and account). */
function awsEntry(type: string): TypeEntry | undefined {
  if (!type.startsWith("aws:")) {
    return undefined;
  }
  const inventoried = installedTypes();
  return Object.hasOwn(inventoried, type) ? inventoried[type] : undefined;
}

/** Whether the AWS type `type` takes the input `input`. */
function awsTypeTakes(type: string, input: string): boolean {
  return awsEntry(type)?.inputs.includes(input) === true;
}

/**
 * The AWS types with a `region` input each report the region they were created in as their
 * `region` output (their own setting, else their provider's), and programs pass that output on
 * (`bucket.region` as the destination region of a data sync).
 */
const reportsRegion = (type: string) => awsTypeTakes(type, "region");

/**
 * The AWS provider auto-names `name` on every type with a `name` input when the program leaves it
 * (and `namePrefix`) out, and `pulumi preview` already shows that name: a program that declares a
 * resource inside `table.name.apply(…)` declares it at preview, so the engine must know the name
 * too, or the resource is never checked.
 */
const autonamesName = (type: string) => awsTypeTakes(type, "name");

const unset = (v: unknown) => v === undefined || v === "";

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

/**
 * A member account's ID, as AWS Organizations assigns it: twelve digits. Programs pin providers
 * to it (`allowedAccountIds: [account.id]`) and build role ARNs from it, and the pack reads those
 * as accounts, so it must be shaped like one (drawn from the name, never the placeholder).
 */
function memberAccountId(name: string): string {
  const digits = BigInt(`0x${hexStream(16, "account", name)}`) % 10n ** 12n;
  const id = digits.toString().padStart(12, "0");
  return id === placeholderAccount ? "210987654321" : id;
}

/**
 * The AWS account used in synthesised ARNs when the provider pins none. Not `123456789012`, the
 * account of AWS's documentation examples: programs copy their ARNs, and the pack must read such
 * an ARN as another account's (test/fixtures/corpus/documentation-account).
 */
export const placeholderAccount = "000000000000";

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
  /**
   * The region the stack config gives the default provider of the resource's package
   * (`aws:region`): where a resource created through another provider is elsewhere.
   */
  readonly stackRegion?: string;
  /**
   * The ID of an existing resource the program reads (`aws.sqs.Queue.get(name, id)`) or imports:
   * its state comes from the cloud, where the ID says the resource is.
   */
  readonly existingId?: unknown;
  /**
   * A resource of `type` the program has created with ID `id`, its outputs as the engine
   * synthesised them: what a provider derives from another resource (an instance's address from
   * its subnet's block) is read there.
   */
  readonly created?: (
    type: string,
    id: string,
  ) => { readonly outputs: Readonly<Record<string, unknown>> } | undefined;
}

/**
 * Where the ID of an existing AWS resource says it is: an ARN's region and account, or a
 * regional endpoint's region and the account in its path (a queue's URL,
 * `https://sqs.<region>.amazonaws.com/<account>/<name>`). Undefined for a plain name or ID, which
 * the provider reads in its own region.
 */
function placeOfExistingId(id: string): { region: string; account?: string } | undefined {
  if (id.startsWith("arn:")) {
    const region = arnRegion(id);
    return region === undefined || region === "" ? undefined : { region, account: arnAccount(id) };
  }
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(id)) {
    return undefined;
  }
  const at = regionOfEndpoint(id);
  return at === undefined || at.cloud !== "aws"
    ? undefined
    : { region: at.region, account: /\/(\d{12})(?:\/|$)/.exec(id)?.[1] };
}

/**
 * What `pulumi preview` shows of a resource the deployment would create, on a stack with nothing
 * deployed yet: its inputs (after the provider's check has filled in its auto-name and, for an AWS
 * type with a `region` input, the provider's region), and every other output unknown — the ID,
 * ARNs, endpoints, URLs, whatever the cloud assigns when the resource is created. `made` is the
 * state `synthesizeState` gave for the same resource.
 */
export function previewState(
  args: SynthArgs,
  made: { readonly state: Readonly<Record<string, unknown>> },
): { id: string; state: Record<string, unknown> } {
  const { type, inputs } = args;
  const filledByCheck = new Set<string>([
    ...(autonamed[type] === undefined ? [] : [autonamed[type]]),
    ...(autonamesName(type) ? ["name"] : []),
    ...(reportsRegion(type) ? ["region"] : []),
  ]);
  const state: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(made.state)) {
    state[k] = k in inputs || filledByCheck.has(k) ? v : unknownValue;
  }
  // An empty ID is one not known yet, as the engine answers a preview's create.
  return { id: "", state };
}

/** The id and output state a provider would report for a newly created resource. */
export function synthesizeState(args: SynthArgs): { id: string; state: Record<string, unknown> } {
  const { type, name, inputs } = args;
  const state: Record<string, unknown> = { ...inputs };
  const nameProp = autonamed[type];
  if (nameProp !== undefined && (state[nameProp] === undefined || state[nameProp] === "")) {
    state[nameProp] = `${name}-${shortHash(type, name)}`;
  }
  if (
    nameProp === undefined &&
    unset(state.name) &&
    unset(state.namePrefix) &&
    autonamesName(type)
  ) {
    // The provider's auto-name (with a prefix the name is the provider's to finish: unknown).
    state.name = `${name}-${shortHash(type, name)}`;
  }
  if (type === "aws:sqs/queue:Queue" && state.fifoQueue === true && unset(state.namePrefix)) {
    // A FIFO queue's name ends in `.fifo`; the provider's auto-name adds it.
    const auto = state.name;
    if (typeof auto === "string" && auto === `${name}-${shortHash(type, name)}`) {
      state.name = `${auto}.fifo`;
    }
  }
  // An existing resource is named by its ID: by its last part when that is an ARN or a URL.
  // An ID not known offline (a lookup's answer, in a callback run on stand-ins) reaches the engine
  // as an output value, not a string: the resource is then named as a new one.
  const existing =
    typeof args.existingId === "string" && args.existingId !== "" ? args.existingId : undefined;
  if (existing !== undefined && type.startsWith("aws:")) {
    const own = existing.split(/[/:]/).pop() ?? existing;
    if (nameProp !== undefined && state[nameProp] === `${name}-${shortHash(type, name)}`) {
      state[nameProp] = own;
    } else if (state.name === `${name}-${shortHash(type, name)}`) {
      state.name = own;
    }
    if (existing.startsWith("arn:")) {
      state.arn ??= existing;
    }
  }
  const idProp = idFromInput[type];
  const given = idProp === undefined ? undefined : state[idProp];
  // A name set from another resource's output or a lookup reaches the engine in the wire form
  // (an output value, a secret); one not known before deployment leaves the ID, and every output
  // built from it, unknown — as a preview shows them — rather than named after the wrapper.
  let id =
    existing !== undefined
      ? existing
      : type === "aws:organizations/account:Account"
        ? memberAccountId(name)
        : nameProp !== undefined
          ? (knownText(state[nameProp]) ?? unknownValue)
          : typeof given === "string" && given !== "" && given !== unknownValue
            ? given
            : // Named by its name, given or drawn: its ID (and the ARN built from it) ends alike.
              ((autonamesName(type) ? knownText(state.name) : undefined) ??
              `${name}-${shortHash("id", type, name)}`);

  if (type.startsWith("pulumi:providers:")) {
    return { id, state };
  }
  const pkg = type.split(":")[0];
  if (pkg === "random") {
    return randomState(type, name, id, state);
  }
  Object.assign(state, imageOutputs(type, name, state));
  if (kubernetesAutonamed(type, state)) {
    // The Kubernetes provider names an object the program leaves unnamed `<name>-<8 characters>`,
    // and `pulumi preview` already shows it: pods placed in a namespace by `ns.metadata.name` are
    // in that namespace by name.
    const metadata = (state.metadata ?? {}) as Record<string, unknown>;
    state.metadata = { ...metadata, name: `${name}-${hexStream(8, type, name)}` };
  }
  if (pkg === "kubernetes" && state.metadata !== null && typeof state.metadata === "object") {
    // The provider's ID of an object: `<namespace>/<name>`, a Namespace's its name. (An object
    // given no namespace is in the context's, which the provider knows and the engine does not.)
    const metadata = state.metadata as Record<string, unknown>;
    const objectName = knownText(metadata.name);
    const namespace = metadata.namespace === undefined ? undefined : knownText(metadata.namespace);
    if (objectName !== undefined && type === "kubernetes:core/v1:Namespace") {
      id = objectName;
    } else if (objectName !== undefined && namespace !== undefined) {
      id = `${namespace}/${objectName}`;
    }
  }
  const there = existing !== undefined && pkg === "aws" ? placeOfExistingId(existing) : undefined;
  const region = regionOfResource(args);
  const account = there?.account ?? accountOf(args.providerProps, args.stackAccount);
  if (reportsRegion(type) && unset(state.region)) {
    state.region = region ?? unknownValue;
  }
  if (type === "aws:sqs/queue:Queue") {
    // A queue's ID is its URL (`https://sqs.<region>.amazonaws.com/<account>/<name>`), which
    // programs pass wherever a queue URL is asked for (a dead-letter queue, an error action); its
    // ARN names it by name: `arn:<partition>:sqs:<region>:<account>:<name>`.
    const queue = knownText(state.name);
    const known = region !== undefined && queue !== undefined;
    id = known ? `https://sqs.${region}.${awsDomain(region)}/${account}/${queue}` : unknownValue;
    state.url = id;
    state.arn = known
      ? `arn:${awsPartitionOf(region)}:sqs:${region}:${account}:${queue}`
      : unknownValue;
  }
  if (pkg === "aws" && state.arn === undefined) {
    // An ARN's partition follows the region; where no one can know the region before the
    // deployment, the ARN is unknown too, as a preview shows it (not one of the `aws` partition).
    state.arn =
      region === undefined || id === unknownValue
        ? unknownValue
        : awsArn(type, id, region, account, args.inputs);
  }
  if (type === "azure-native:resources:ResourceGroup" && unset(state.location)) {
    // A resource group given no location is created in the provider's (`azure-native:location`);
    // the resources placed by `rg.location` are placed there too, as a preview shows them.
    state.location = knownText(args.providerProps.location) ?? unknownValue;
  }
  if (type === "alicloud:oss/bucket:Bucket" && region !== undefined) {
    state.location = `oss-${region}`;
    state.intranetEndpoint = `oss-${region}-internal.aliyuncs.com`;
    state.extranetEndpoint = `oss-${region}.aliyuncs.com`;
  }
  if (type === "aws:s3/bucket:Bucket" || type === "aws:s3/bucketV2:BucketV2") {
    // The bucket's region, which routes and replication rules name (`bucket.bucketRegion`).
    state.bucketRegion ??= region ?? unknownValue;
    state.bucketRegionalDomainName =
      region === undefined || id === unknownValue
        ? unknownValue
        : `${id}.s3.${region}.${awsDomain(region)}`;
    // The bucket's global endpoint (`<bucket>.s3.amazonaws.com`), a CloudFront origin as often.
    state.bucketDomainName =
      region === undefined || id === unknownValue ? unknownValue : `${id}.s3.${awsDomain(region)}`;
  }
  if (type === "aws:kms/key:Key") {
    state.keyId = id;
  }
  if (region !== undefined && id !== unknownValue) {
    const partition = awsPartitionOf(region);
    if (type === "aws:sns/topic:Topic") {
      // A topic's ID is its ARN.
      id = String(state.arn);
    }
    if (type === "aws:lambda/function:Function") {
      // What API Gateway integrations and permissions are given.
      state.invokeArn = `arn:${partition}:apigateway:${region}:lambda:path/2015-03-31/functions/${String(state.arn)}/invocations`;
      state.qualifiedArn = `${String(state.arn)}:$LATEST`;
    }
    if (type === "aws:lambda/alias:Alias") {
      // An alias is its function's ARN qualified by the alias (functionName: a name or an ARN).
      const functionName = knownText(state.functionName);
      const aliasName = knownText(state.name);
      if (functionName !== undefined && aliasName !== undefined) {
        const fn = functionName.startsWith("arn:") ? functionName.split(":")[6] : functionName;
        state.arn = `arn:${partition}:lambda:${region}:${account}:function:${fn}:${aliasName}`;
      }
    }
    // The URLs clients, subscriptions and webhooks are given: an API's and a stage's on API
    // Gateway's regional host, a function URL on Lambda's.
    const executeApi = (apiId: string) =>
      `${apiId}.execute-api.${region}.${awsDomain(region)}`.toLowerCase();
    if (type === "aws:apigatewayv2/api:Api") {
      const websocket = knownText(state.protocolType)?.toUpperCase() === "WEBSOCKET";
      state.apiEndpoint = `${websocket ? "wss" : "https"}://${executeApi(hexStream(10, type, name))}`;
    }
    // The ARN that Lambda permissions (`sourceArn`) and resource policies grant invocation by:
    // `arn:<partition>:execute-api:<region>:<account>:<API ID>`, a stage's followed by
    // `/<stage name>`. Left unknown, a policy document built from it is unknown too, and the
    // API's resource policy fails closed.
    const executionArn = (apiId: string) =>
      `arn:${partition}:execute-api:${region}:${account}:${apiId}`;
    if (type === "aws:apigateway/restApi:RestApi" || type === "aws:apigatewayv2/api:Api") {
      state.executionArn = executionArn(id);
    }
    if (type === "aws:apigateway/stage:Stage" || type === "aws:apigatewayv2/stage:Stage") {
      const api = knownText(type === "aws:apigateway/stage:Stage" ? state.restApi : state.apiId);
      const stage = knownText(type === "aws:apigateway/stage:Stage" ? state.stageName : state.name);
      state.executionArn =
        api === undefined || stage === undefined ? unknownValue : `${executionArn(api)}/${stage}`;
    }
    if (type === "aws:lambda/functionUrl:FunctionUrl") {
      const urlId = hexStream(32, type, name);
      state.urlId = urlId;
      state.functionUrl = `https://${urlId}.lambda-url.${region}.on.aws/`;
    }
    if (type === "aws:apigateway/stage:Stage") {
      const api = knownText(state.restApi);
      const stage = knownText(state.stageName);
      state.invokeUrl =
        api === undefined || stage === undefined
          ? unknownValue
          : `https://${executeApi(api)}/${stage}`;
    }
    if (type === "aws:ecr/repository:Repository") {
      // What images are tagged and pulled by: `<account>.dkr.ecr.<region>.<domain>/<name>`.
      state.registryId = account;
      state.repositoryUrl = `${account}.dkr.ecr.${region}.${awsDomain(region)}/${id}`;
    }
  }
  const snapshot = rdsSnapshotArns[type];
  if (snapshot !== undefined && state[snapshot.output] === undefined) {
    // A snapshot is named by its identifier: `arn:<partition>:rds:<region>:<account>:<kind>:<ID>`,
    // which a snapshot copy takes as its source.
    const snapshotId = knownText(state[snapshot.identifier]);
    state[snapshot.output] =
      region === undefined || snapshotId === undefined
        ? unknownValue
        : `arn:${awsPartitionOf(region)}:rds:${region}:${account}:${snapshot.kind}:${snapshotId}`;
  }
  const dms = dmsArnOutputs[type];
  if (dms !== undefined && state[dms.output] === undefined) {
    // DMS names its resources by ARNs of its own form (`…:dms:<region>:<account>:endpoint:<ID>`)
    // in an output of its own; tasks and endpoints take each other's by that output.
    state[dms.output] =
      region === undefined
        ? unknownValue
        : `arn:${awsPartitionOf(region)}:dms:${region}:${account}:${dms.kind}:${shortHash("dms", type, name).toUpperCase()}`;
  }
  const { ownArn, ownAccount } = awsEntry(type) ?? {};
  if (ownArn !== undefined && state[ownArn] === undefined) {
    // The resource's ARN again, under the name the service gives it (an S3 Access Grants
    // instance's `accessGrantsInstanceArn`), which resource policies are written from. DMS's,
    // set above, keep DMS's own form.
    state[ownArn] = state.arn;
  }
  if (ownAccount !== undefined && state[ownAccount] === undefined) {
    // The account it is created in, which programs pass on as a peer's (`vpc.ownerId`) or an
    // administrator's (`detector.accountId`).
    state[ownAccount] = account;
  }
  if (type === "aws:rds/instance:Instance" || type === "aws:rds/cluster:Cluster") {
    Object.assign(state, rdsEndpoints(type, name, id, state, region));
  }
  if (type === "aws:redshift/cluster:Cluster") {
    // `<identifier>.<suffix>.<region>.redshift.amazonaws.com[.cn]`, and with the port its
    // `endpoint`, which programs write into JDBC URLs (a Glue connection's).
    const own = knownText(state.clusterIdentifier)?.toLowerCase();
    const dnsName =
      region === undefined || own === undefined
        ? unknownValue
        : `${own}.${shortHash("redshift", type, name)}.${region}.redshift.${awsDomain(region)}`;
    const port = typeof state.port === "number" ? state.port : 5439;
    state.dnsName ??= dnsName;
    state.endpoint ??= dnsName === unknownValue ? unknownValue : `${dnsName}:${port}`;
  }
  if (type === "aws:cloudfront/originAccessIdentity:OriginAccessIdentity") {
    // The identity bucket policies grant read access to, as CloudFront reports it: a user of the
    // `cloudfront` pseudo-account of the partition, named by the identity's ID.
    state.iamArn =
      region === undefined
        ? unknownValue
        : `arn:${awsPartitionOf(region)}:iam::cloudfront:user/CloudFront Origin Access Identity ${id}`;
    state.cloudfrontAccessIdentityPath = `origin-access-identity/cloudfront/${id}`;
  }
  Object.assign(state, privateAddressOutputs(args, state));
  if ((pkg === "aws" || pkg === "alicloud") && state.id === undefined) {
    // The Terraform-bridged providers report the ID among the outputs too, which the pack reads
    // to tell a resource's own ID from a literal one beside it in the same input.
    state.id = id;
  }
  return { id, state };
}

/** The blocks of private address space (RFC 1918) a VPC may be numbered in. */
const privateSpace = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"].map((c) =>
  ipaddr.IPv4.parseCIDR(c),
);

/**
 * An address of `block` drawn from `parts`, outside the first four and the last, which AWS
 * reserves in every subnet; undefined unless the block is known IPv4 text inside private address
 * space, of 16 addresses or more.
 */
function privateAddressIn(block: unknown, ...parts: string[]): string | undefined {
  const text = knownText(block);
  if (text === undefined || !ipaddr.IPv4.isValidCIDR(text)) {
    return undefined;
  }
  const [address, prefix] = ipaddr.IPv4.parseCIDR(text);
  if (prefix > 28 || !privateSpace.some((space) => address.match(space))) {
    return undefined;
  }
  const size = 2 ** (32 - prefix);
  const first = address.toByteArray().reduce((n, byte) => n * 256 + byte, 0);
  const base = first - (first % size);
  const offset = 4 + (parseInt(hexStream(8, ...parts), 16) % (size - 5));
  const n = base + offset;
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
}

/**
 * The ID the engine gives the default subnet of an AWS zone (`…-default-subnet-us-west-2a`), which
 * a lookup of the region's default VPC answers offline (engine/invokes), standing in for the
 * cloud's.
 */
export const defaultSubnetPrefix = "sovereign-dc-offline-stand-in-default-subnet-";

/**
 * The block of the default subnet of the zone at index `zone` of its region: AWS numbers a
 * default VPC's subnets as /20s of 172.31.0.0/16, one per zone in turn.
 */
export function defaultSubnetBlock(zone: number): string {
  return `172.31.${16 * zone}.0/20`;
}

/** The block of the default subnet an ID the engine stands in names; undefined for any other. */
function defaultSubnetBlockOf(id: string): string | undefined {
  if (!id.startsWith(defaultSubnetPrefix)) {
    return undefined;
  }
  const zone = id.slice(defaultSubnetPrefix.length);
  const index = zonesOf("aws", zone.slice(0, -1))?.findIndex((z) => z.name === zone) ?? -1;
  return index < 0 ? undefined : defaultSubnetBlock(index);
}

/**
 * The primary private IPv4 address EC2 gives an instance or a network interface: one of the block
 * of the subnet it is launched in, or of the default VPC (172.31.0.0/16, wherever an account has
 * one) for an instance given no subnet, network interface or launch template. Programs admit it in
 * security groups (`${bastion.privateIp}/32`), and left unknown such a rule cannot be told from
 * one that admits the internet. Which address the subnet hands out is the cloud's to tell, so it
 * is drawn from the resource's name; every address of a private block is judged alike. Known only
 * where the block is: a subnet the program creates with a block in private address space — one
 * read by a lookup, with a block not known before deployment or in public space leaves the address
 * unknown, as a preview shows it; so does a default subnet of another region than the stack's.
 */
function privateAddressOutputs(
  args: SynthArgs,
  state: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const { type, name, inputs } = args;
  if (
    (type !== "aws:ec2/instance:Instance" &&
      type !== "aws:ec2/networkInterface:NetworkInterface") ||
    !unset(state.privateIp)
  ) {
    return {};
  }
  const subnetId = knownText(inputs.subnetId);
  const subnet =
    subnetId === undefined ? undefined : args.created?.("aws:ec2/subnet:Subnet", subnetId);
  const elsewhere = ["networkInterfaces", "launchTemplate", "privateIps", "privateIpList"].some(
    (k) => inputs[k] !== undefined,
  );
  // A default VPC is numbered 172.31.0.0/16 in every region: an address of one in another region
  // than the stack's (a provider's, the resource's own `region`) would read as one of the stack's
  // region, and a copy to it as staying there. Its mark stays, placed where the resource is.
  const otherRegion =
    args.stackRegion !== undefined &&
    args.stackRegion !== "" &&
    regionOfResource(args) !== args.stackRegion;
  const block =
    subnet !== undefined
      ? subnet.outputs.cidrBlock
      : otherRegion
        ? undefined
        : subnetId !== undefined
          ? defaultSubnetBlockOf(subnetId)
          : inputs.subnetId === undefined && !elsewhere && type === "aws:ec2/instance:Instance"
            ? defaultSubnetBlock(0)
            : undefined;
  const privateIp = privateAddressIn(block, "private-ip", type, name);
  if (privateIp === undefined) {
    return {};
  }
  return type === "aws:ec2/networkInterface:NetworkInterface" &&
    count(inputs.privateIpsCount, 0) === 0
    ? { privateIp, privateIps: [privateIp] }
    : { privateIp };
}

/**
 * Whether the Kubernetes provider would name this object itself: an object of the cluster's API
 * (`kubernetes:<group>/<version>:<Kind>`, not a chart, a release or a YAML file) whose metadata
 * names it neither by `name` nor by `generateName` (which the cluster completes at creation).
 */
function kubernetesAutonamed(type: string, state: Record<string, unknown>): boolean {
  if (
    !/^kubernetes:[^:]*\/v[^:]*:/.test(type) ||
    /^kubernetes:(helm\.sh|yaml|kustomize)\//.test(type)
  ) {
    return false;
  }
  const metadata = state.metadata;
  if (metadata === undefined) {
    return true;
  }
  if (typeof metadata !== "object" || metadata === null || Array.isArray(metadata)) {
    return false;
  }
  const { name, generateName } = metadata as Record<string, unknown>;
  return (name === undefined || name === "") && (generateName === undefined || generateName === "");
}

/** An image reference without its tag or digest (`host:5000/app:1.2` → `host:5000/app`). */
function repositoryOf(reference: string): string {
  const untagged = reference.split("@")[0];
  const slash = untagged.lastIndexOf("/");
  const colon = untagged.lastIndexOf(":");
  return colon > slash ? untagged.slice(0, colon) : untagged;
}

/**
 * What an image build reports once the provider has built (and pushed) it, which programs hand to
 * the workloads that run the image (a task's container definitions, a Deployment's containers):
 * the digest of the pushed manifest under the repository it was pushed to (`docker.Image`'s
 * `repoDigest`, `docker-build`'s `ref` and `digest`, a `RegistryImage`'s `sha256Digest`). The
 * registry is the image's own, named by the program; the digest is drawn from the resource's name.
 * A reference not known at preview leaves what is built from it unknown.
 */
function imageOutputs(
  type: string,
  name: string,
  state: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const digest = `sha256:${hexStream(64, type, name)}`;
  switch (type) {
    case "docker:index/image:Image": {
      const image = knownText(state.imageName);
      const registry = state.registry as Record<string, unknown> | undefined;
      const server = knownText(registry?.server);
      const local = state.skipPush === true;
      return {
        baseImageName: state.imageName ?? unknownValue,
        registryServer:
          server ?? (image === undefined ? unknownValue : (imageRegistry(image) ?? "docker.io")),
        // A local image is named by its image ID.
        repoDigest: local
          ? digest
          : image === undefined
            ? unknownValue
            : `${repositoryOf(image)}@${digest}`,
      };
    }
    case "docker-build:index:Image": {
      const tags = Array.isArray(state.tags) ? state.tags : [];
      const first = tags.length === 0 ? "" : knownText(tags[0]);
      const exports = Array.isArray(state.exports) ? state.exports : [];
      const pushed =
        state.push === true ||
        exports.some((e) => typeof e === "object" && e !== null && "registry" in e);
      return {
        contextHash: hexStream(64, "context", type, name),
        digest: pushed || exports.length > 0 ? digest : "",
        // Pushed: its first tag with the build's digest; else that tag, or nothing.
        ref:
          first === undefined
            ? unknownValue
            : pushed && first !== ""
              ? `${first}@${digest}`
              : first,
      };
    }
    case "docker:index/registryImage:RegistryImage":
      return { sha256Digest: digest };
    default:
      return {};
  }
}

/** A deterministic stream of hex digits for `parts`, as long as asked. */
function hexStream(length: number, ...parts: string[]): string {
  let out = "";
  for (let i = 0; out.length < length; i += 1) {
    out += createHash("sha256")
      .update([...parts, String(i)].join("\0"))
      .digest("hex");
  }
  return out.slice(0, length);
}

/** A known whole number input, else `fallback`. */
function count(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : fallback;
}

/**
 * The values of the `random` provider, which it draws when it creates the resource: offline,
 * drawn from the resource's name, of the length and form asked for. They are passwords, suffixes
 * and identifiers that a program puts into names and documents (a database password inside a
 * task's container definitions), which would otherwise leave the whole document unknown; none of
 * them can name a place. A `RandomInteger` or `RandomShuffle` can — an index into a list of
 * regions, a region picked from several — so their results stay unknown, as at preview.
 */
function randomState(
  type: string,
  name: string,
  id: string,
  state: Record<string, unknown>,
): { id: string; state: Record<string, unknown> } {
  const digits = (n: number) => hexStream(n, type, name);
  const prefix = typeof state.prefix === "string" ? state.prefix : "";
  switch (type) {
    case "random:index/randomPassword:RandomPassword":
    case "random:index/randomString:RandomString": {
      const text = digits(count(state.length, 16));
      state.result = text;
      if (type === "random:index/randomPassword:RandomPassword") {
        state.bcryptHash = `$2a$10$${digits(53)}`;
      }
      return { id: type.endsWith("RandomString") ? text : "none", state };
    }
    case "random:index/randomId:RandomId": {
      const bytes = Buffer.from(digits(count(state.byteLength, 4) * 2), "hex");
      const b64Url = bytes.toString("base64url");
      state.hex = `${prefix}${bytes.toString("hex")}`;
      state.b64Url = `${prefix}${b64Url}`;
      state.b64Std = `${prefix}${bytes.toString("base64")}`;
      state.dec = `${prefix}${BigInt(`0x${bytes.toString("hex") || "0"}`).toString()}`;
      return { id: b64Url, state };
    }
    case "random:index/randomBytes:RandomBytes": {
      const bytes = Buffer.from(digits(count(state.length, 32) * 2), "hex");
      state.hex = bytes.toString("hex");
      state.base64 = bytes.toString("base64");
      return { id: "none", state };
    }
    case "random:index/randomUuid:RandomUuid":
    case "random:index/randomUuid4:RandomUuid4":
    case "random:index/randomUuid7:RandomUuid7": {
      const h = digits(32);
      const version = type.endsWith("7") ? "7" : "4";
      const uuid = `${h.slice(0, 8)}-${h.slice(8, 12)}-${version}${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
      state.result = uuid;
      return { id: uuid, state };
    }
    case "random:index/randomPet:RandomPet": {
      // Words of lower-case letters, as the provider's pet names are.
      const words = Array.from({ length: count(state.length, 2) }, (_, i) =>
        [...hexStream(6, type, name, `word${i}`)]
          .map((d) => String.fromCharCode(97 + parseInt(d, 16)))
          .join(""),
      );
      const separator = typeof state.separator === "string" ? state.separator : "-";
      const pet = [...(prefix === "" ? [] : [prefix]), ...words].join(separator);
      return { id: pet, state };
    }
    default:
      return { id, state };
  }
}

/**
 * The text a wire-form input holds: a string as is, a secret's or an output value's string
 * inside; undefined when the value is not known before deployment (or is not text).
 */
function knownText(value: unknown): string | undefined {
  if (typeof value === "string") {
    return value === unknownValue ? undefined : value;
  }
  if (value !== null && typeof value === "object") {
    const wrapped = value as Record<string, unknown>;
    const sig = wrapped[sigKey];
    if ((sig === secretSig || sig === outputValueSig) && "value" in wrapped) {
      return knownText(wrapped.value);
    }
  }
  return undefined;
}

/** RDS snapshot types: the output holding their ARN, the input naming them and the ARN's kind. */
const rdsSnapshotArns: Readonly<
  Record<string, { output: string; identifier: string; kind: string }>
> = {
  "aws:rds/snapshot:Snapshot": {
    output: "dbSnapshotArn",
    identifier: "dbSnapshotIdentifier",
    kind: "snapshot",
  },
  "aws:rds/clusterSnapshot:ClusterSnapshot": {
    output: "dbClusterSnapshotArn",
    identifier: "dbClusterSnapshotIdentifier",
    kind: "cluster-snapshot",
  },
};

/** DMS types whose ARN is reported in an output named after the type, with its ARN's kind. */
const dmsArnOutputs: Readonly<Record<string, { output: string; kind: string }>> = {
  "aws:dms/endpoint:Endpoint": { output: "endpointArn", kind: "endpoint" },
  "aws:dms/s3Endpoint:S3Endpoint": { output: "endpointArn", kind: "endpoint" },
  "aws:dms/replicationInstance:ReplicationInstance": {
    output: "replicationInstanceArn",
    kind: "rep",
  },
  "aws:dms/replicationTask:ReplicationTask": { output: "replicationTaskArn", kind: "task" },
};

/** The port an RDS engine listens on when the program sets none. */
function defaultRdsPort(engine: unknown): number | undefined {
  const e = typeof engine === "string" ? engine.toLowerCase() : "";
  if (/^(mysql|mariadb|aurora$|aurora-mysql)/.test(e)) {
    return 3306;
  }
  if (/^(postgres|aurora-postgresql)/.test(e)) {
    return 5432;
  }
  if (e.startsWith("oracle")) {
    return 1521;
  }
  if (e.startsWith("sqlserver")) {
    return 1433;
  }
  return undefined;
}

/**
 * The DNS names RDS gives a database, which programs hand to clients and to DMS endpoints:
 * `<identifier>.<suffix>.<region>.rds.amazonaws.com[.cn]` for an instance (its `address`, and
 * `endpoint` with the port), `<identifier>.cluster[-ro]-<suffix>.…` for an Aurora cluster's
 * writer and reader. The region in the name is the database's, so a client's target is placed.
 */
function rdsEndpoints(
  type: string,
  name: string,
  id: string,
  state: Record<string, unknown>,
  region: string | undefined,
): Record<string, unknown> {
  const instance = type === "aws:rds/instance:Instance";
  const own = instance ? state.identifier : state.clusterIdentifier;
  const identifier = (
    typeof own === "string" && own !== "" && own !== unknownValue ? own : id
  ).toLowerCase();
  const host = (infix: string) =>
    region === undefined
      ? unknownValue
      : `${identifier}.${infix}${shortHash("rds", type, name)}.${region}.rds.${awsDomain(region)}`;
  const given = state.port;
  const port = typeof given === "number" ? given : defaultRdsPort(state.engine);
  const out: Record<string, unknown> = {};
  if (instance) {
    out.address = state.address ?? host("");
    if (port !== undefined && state.endpoint === undefined) {
      out.endpoint = out.address === unknownValue ? unknownValue : `${String(out.address)}:${port}`;
    }
  } else {
    out.endpoint = state.endpoint ?? host("cluster-");
    out.readerEndpoint = state.readerEndpoint ?? host("cluster-ro-");
  }
  if (port !== undefined && state.port === undefined) {
    out.port = port;
  }
  return out;
}

/** AWS's domain in `region`'s partition: `amazonaws.com`, `amazonaws.com.cn` in China. */
function awsDomain(region: string): string {
  return awsPartitionOf(region) === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
}

/**
 * The region a resource is in: its own `region`, else the one an existing resource's ID names (an
 * ARN, a regional URL), else its provider's; undefined when unset or not known.
 */
export function regionOfResource(args: SynthArgs): string | undefined {
  const pkg = args.type.split(":")[0];
  const existing =
    typeof args.existingId === "string" && args.existingId !== "" ? args.existingId : undefined;
  const there = existing !== undefined && pkg === "aws" ? placeOfExistingId(existing) : undefined;
  return unset(args.inputs.region) && there !== undefined ? there.region : regionOf(args, pkg);
}

/** The resource's region, its own or else its provider's; undefined when unset or not known. */
function regionOf(args: SynthArgs, pkg: string): string | undefined {
  const own = args.inputs.region;
  const region = typeof own === "string" && own !== "" ? own : args.providerProps.region;
  if (typeof region !== "string" || region === "" || region === unknownValue) {
    return undefined;
  }
  // A value that is no region of the cloud the catalog knows (a typo, a config stand-in, an
  // Alibaba Cloud region on an AWS provider) gives no partition, domain or endpoint: the provider
  // refuses it, and the outputs built from it are unknown, not made up in the `aws` partition
  // (whose ARNs then read as references abroad). The provider's own finding names the value.
  return (pkg === "aws" || pkg === "alicloud") && countryOfRegion(pkg, region) === undefined
    ? undefined
    : region;
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

/**
 * Services whose ARNs name no region, as AWS returns them (`arn:aws:iam::<account>:role/…`): their
 * resources are the partition's, not a region's. Route 53's name no account either.
 */
const regionlessArnServices: ReadonlySet<string> = new Set([
  "iam",
  "cloudfront",
  "route53",
  "organizations",
  "globalaccelerator",
  "networkmanager",
  "shield",
  "waf",
  "budgets",
]);

/** Resource types as their ARNs spell them, where that is not the type's own name. */
const arnKinds: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  iam: {
    instanceProfile: "instance-profile",
    openIdConnectProvider: "oidc-provider",
    samlProvider: "saml-provider",
    serverCertificate: "server-certificate",
    virtualMfaDevice: "mfa",
  },
  route53: { zone: "hostedzone" },
};

/** ARNs whose form is not `<service>:<region>:<account>:<type>/<id>`, after the partition. */
const arnForms: Readonly<Record<string, (region: string, account: string, id: string) => string>> =
  {
    "aws:lambda/function:Function": (region, account, id) =>
      `lambda:${region}:${account}:function:${id}`,
    "aws:sns/topic:Topic": (region, account, id) => `sns:${region}:${account}:${id}`,
    "aws:cloudwatch/logGroup:LogGroup": (region, account, id) =>
      `logs:${region}:${account}:log-group:${id}`,
    // EventBridge's resources live under the `cloudwatch` module but are `events` ARNs.
    "aws:cloudwatch/eventRule:EventRule": (region, account, id) =>
      `events:${region}:${account}:rule/${id}`,
    "aws:cloudwatch/eventBus:EventBus": (region, account, id) =>
      `events:${region}:${account}:event-bus/${id}`,
    "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream": (region, account, id) =>
      `firehose:${region}:${account}:deliverystream/${id}`,
    "aws:sfn/stateMachine:StateMachine": (region, account, id) =>
      `states:${region}:${account}:stateMachine:${id}`,
    "aws:rds/instance:Instance": (region, account, id) => `rds:${region}:${account}:db:${id}`,
    "aws:rds/cluster:Cluster": (region, account, id) => `rds:${region}:${account}:cluster:${id}`,
    "aws:secretsmanager/secret:Secret": (region, account, id) =>
      `secretsmanager:${region}:${account}:secret:${id}`,
    "aws:cognito/userPool:UserPool": (region, account, id) =>
      `cognito-idp:${region}:${account}:userpool/${id}`,
    "aws:apigateway/restApi:RestApi": (region, _account, id) =>
      `apigateway:${region}::/restapis/${id}`,
    "aws:backup/vault:Vault": (region, account, id) =>
      `backup:${region}:${account}:backup-vault:${id}`,
    "aws:backup/plan:Plan": (region, account, id) =>
      `backup:${region}:${account}:backup-plan:${id}`,
    "aws:cloudwatch/eventApiDestination:EventApiDestination": (region, account, id) =>
      `events:${region}:${account}:api-destination/${id}`,
    "aws:cloudwatch/eventConnection:EventConnection": (region, account, id) =>
      `events:${region}:${account}:connection/${id}`,
    "aws:codepipeline/pipeline:Pipeline": (region, account, id) =>
      `codepipeline:${region}:${account}:${id}`,
    "aws:redshift/cluster:Cluster": (region, account, id) =>
      `redshift:${region}:${account}:cluster:${id}`,
    "aws:batch/jobQueue:JobQueue": (region, account, id) =>
      `batch:${region}:${account}:job-queue/${id}`,
  };

/**
 * `arn:<partition>:<service>:<region>:<account>:<kind>/<id>`, as AWS writes each service's: S3
 * buckets region- and account-less, global services region-less, an OIDC provider named by
 * its issuer's host and path (`oidc-provider/<host>/<path>`), the types of `arnForms` in theirs.
 */
function awsArn(
  type: string,
  id: string,
  region: string,
  account: string,
  inputs: Record<string, unknown> = {},
): string {
  const partition = awsPartitionOf(region);
  const [, mod = "", kindToken = ""] = type.split(":");
  const service = mod.split("/")[0];
  const token = kindToken.charAt(0).toLowerCase() + kindToken.slice(1);
  if (service === "s3" && /^bucket(V2)?$/.test(token)) {
    return `arn:${partition}:s3:::${id}`;
  }
  const form = arnForms[type];
  if (form !== undefined) {
    return `arn:${partition}:${form(region, account, id)}`;
  }
  if (!regionlessArnServices.has(service)) {
    return `arn:${partition}:${service}:${region}:${account}:${token}/${id}`;
  }
  const kind = arnKinds[service]?.[token] ?? token;
  const issuer =
    token === "openIdConnectProvider" && typeof inputs.url === "string"
      ? inputs.url.replace(/^https:\/\//, "")
      : undefined;
  return `arn:${partition}:${service}::${service === "route53" ? "" : account}:${kind}/${issuer ?? id}`;
}
