/**
 * Provider functions (invokes) offline, as `pulumi preview` sees them. Real programs call them
 * all the time — for a policy document, the region's zones, the account — and under the CLI the
 * provider answers. Offline, the engine answers:
 *
 * - functions the provider computes locally from their inputs, exactly (`getPolicyDocument`),
 *   or as to content (`networkmanager.getCoreNetworkPolicyDocument`, ./aws-core-network-policy.ts);
 * - functions whose answer follows from the stack, from the stack: region and partition from the
 *   provider's region, zones from the catalog, the account from `sovereign-dc:accountId` or the
 *   provider's `allowedAccountIds` (Alibaba Cloud: the provider's `accountId`), a cluster
 *   credential as a kubeconfig naming that cluster, an ECR registry login for the stack's registry
 *   (its token a stand-in that says so);
 * - `kubernetes:yaml:decode` (v1 `yaml.ConfigFile` / `ConfigGroup`), which only parses YAML, by
 *   parsing it; the `std` provider's functions (format, join, cidrsubnet, …) by computing them
 *   (./std.ts);
 * - every other function with unknown values, as a preview shows values it cannot know yet. The
 *   program goes on and the policies judge the unknowns as they do at preview.
 *
 * An answer may hold `unknownMark` where one part cannot be told (the account ID when no config
 * pins it); `installUnknownInvokes` (./unknowns.ts) turns those into unknowns the SDK recognises.
 */
import { createHash } from "node:crypto";
import { yamlDocuments } from "../yaml";
import { awsPartitionOf, awsPartitionRegions } from "../../residency/jurisdictions";
import { elbLogDeliveryAccounts } from "../../residency/service-accounts";
import { arnAccount, arnPartition, arnRegion } from "../../residency/placement";
import { zonesOf } from "../../residency/zones";
import { defaultSubnetBlock, defaultSubnetPrefix, placeholderAccount } from "../synth";
import { awsCoreNetworkPolicyDocument } from "./aws-core-network-policy";
import { awsPolicyDocument } from "./aws-policy-document";
import { answerStd, stdFunctions } from "./std";

/** Stands for a value the engine cannot know; survives the monitor's serialisation as text. */
export const unknownMark = "sovereign-dc:unknown-value:6c1f0b3e";

export interface InvokeContext {
  /** Inputs of the provider the function runs on (explicit, or the default provider's config). */
  readonly providerProps: Readonly<Record<string, unknown>>;
  /** The stack's flat config (`namespace:key` → string). */
  readonly config: Readonly<Record<string, string>>;
  /**
   * A resource of `type` the program has created with this ID: its outputs as the engine
   * synthesised them (plain values, what it cannot tell marked `unknownMark`) and the region it
   * is created in.
   */
  readonly created?: (type: string, id: string) => CreatedResource | undefined;
}

/** A resource of the program, as a lookup of it by ID reads it back. */
export interface CreatedResource {
  readonly outputs: Readonly<Record<string, unknown>>;
  readonly region: string | undefined;
}

/**
 * A lookup by ID of a resource this program creates (`aws.ec2.getSubnet({ id: subnet.id })`):
 * the cloud reads back that resource, so the answer is its outputs — the values the program set
 * and the engine synthesised — when the lookup asks for nothing but the ID, in the resource's own
 * region. Undefined otherwise (another filter, another region, an ID of nothing the program
 * creates), for the function's own answer.
 */
function createdById(
  args: Record<string, unknown>,
  ctx: InvokeContext,
  type: string,
): Record<string, unknown> | undefined {
  const id = text(args.id);
  const asked = Object.keys(args).filter((k) => args[k] !== undefined && k !== "region");
  if (id === undefined || asked.some((k) => k !== "id")) {
    return undefined;
  }
  const made = ctx.created?.(type, id);
  const region = regionOf(args, ctx);
  if (made === undefined || made.region === undefined || made.region !== region) {
    return undefined;
  }
  return { ...made.outputs, ...args, id, region };
}

/** An answer, or `unknown`: the engine cannot tell any part of the result offline. */
export type InvokeAnswer =
  | { readonly known: true; readonly result: Record<string, unknown> }
  | { readonly known: false };

/** An answer's result, or undefined where these arguments ask what only the cloud knows. */
type Answerer = (
  args: Record<string, unknown>,
  ctx: InvokeContext,
) => Record<string, unknown> | undefined;

function text(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

/** The region a function runs in: its own `region` argument, else its provider's region. */
function regionOf(args: Record<string, unknown>, ctx: InvokeContext): string | undefined {
  return text(args.region) ?? text(ctx.providerProps.region);
}

/** The region, or `unknownMark` when neither the function nor its provider names one. */
function regionOrUnknown(args: Record<string, unknown>, ctx: InvokeContext): string {
  return regionOf(args, ctx) ?? unknownMark;
}

function listOf(v: unknown): string[] {
  if (Array.isArray(v)) {
    return v.filter((x): x is string => typeof x === "string");
  }
  // Provider config reaches default providers as JSON text (`aws:allowedAccountIds: [..]`).
  if (typeof v === "string" && v.startsWith("[")) {
    try {
      return listOf(JSON.parse(v));
    } catch {
      return [];
    }
  }
  return [];
}

/**
 * The account a stack pins: `sovereign-dc:accountId`, else a single `allowedAccountIds`, else —
 * the provider pinning none — the stand-in the engine writes into the stack's own ARNs too
 * (engine/synth.ts), which the pack names as such. Undefined for a provider that allows several:
 * which of them the credentials are in is not known.
 */
function awsAccountOf(ctx: InvokeContext): string | undefined {
  const declared = text(ctx.config["sovereign-dc:accountId"]);
  if (declared !== undefined) {
    return declared;
  }
  const allowed = listOf(ctx.providerProps.allowedAccountIds);
  if (allowed.length === 0) {
    return placeholderAccount;
  }
  return allowed.length === 1 ? allowed[0] : undefined;
}

const dnsSuffix: Readonly<Record<string, string>> = {
  aws: "amazonaws.com",
  "aws-cn": "amazonaws.com.cn",
  "aws-us-gov": "amazonaws.com",
};

function awsPartition(region: string | undefined): string | undefined {
  return region === undefined ? undefined : awsPartitionOf(region);
}

function digest(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\0")).digest("hex").slice(0, 12);
}

/** The AWS partition a function runs in and its DNS suffix, from its region; undefined without. */
function partitionOf(
  args: Record<string, unknown>,
  ctx: InvokeContext,
): { partition: string; dnsSuffix: string } | undefined {
  const partition = awsPartition(regionOf(args, ctx));
  const suffix = partition === undefined ? undefined : dnsSuffix[partition];
  return partition === undefined || suffix === undefined
    ? undefined
    : { partition, dnsSuffix: suffix };
}

/** Begins every value the engine stands in for one only the cloud knows. */
const offlineStandIn = "sovereign-dc-offline-stand-in";

/**
 * The ID of a key the engine cannot know (the target of an alias): a stand-in that says so, the
 * same for the same alias, so that two lookups of one alias name one key.
 */
export function offlineKeyId(aliasArn: string): string {
  return `${offlineStandIn}-${digest("kms-alias", aliasArn)}`;
}

/**
 * The key alias `name` (`alias/aws/ebs`) targets in the account and region of `prefix`
 * (`arn:<partition>:kms:<region>:<account>`): its stand-in ID and its ARN, the same through every
 * lookup that reaches it.
 */
function aliasTarget(prefix: string, name: string): { id: string; arn: string } {
  const id = offlineKeyId(`${prefix}:${name}`);
  return { id, arn: `${prefix}:key/${id}` };
}

/**
 * Fields of an answer that say nothing of where a thing is (dates, states, descriptions), empty:
 * the answer stays known as a whole, as an Output of it must be to be known at all.
 */
function empty(...fields: string[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f, ""]));
}

/** The ARN prefix (`arn:<partition>:kms:<region>:<account>`) of a KMS function's keys. */
function kmsPlace(
  args: Record<string, unknown>,
  ctx: InvokeContext,
): { prefix: string; region: string; account: string } | undefined {
  const region = regionOf(args, ctx);
  const partition = awsPartition(region);
  const account = awsAccountOf(ctx);
  return region === undefined || partition === undefined || account === undefined
    ? undefined
    : { prefix: `arn:${partition}:kms:${region}:${account}`, region, account };
}

/** What a DB snapshot holds beyond where it is: only the cloud knows. */
const snapshotDetails = Object.fromEntries(
  [
    "allocatedStorage",
    "availabilityZone",
    "dbInstanceIdentifier",
    "encrypted",
    "engine",
    "engineVersion",
    "iops",
    "kmsKeyId",
    "licenseModel",
    "optionGroupName",
    "originalSnapshotCreateTime",
    "port",
    "snapshotCreateTime",
    "snapshotType",
    "sourceDbSnapshotIdentifier",
    "sourceRegion",
    "status",
    "storageType",
    "tags",
    "vpcId",
  ].map((k) => [k, unknownMark]),
);

/** What an event bus holds beyond where it is: only the cloud knows. */
const busDetails = {
  description: unknownMark,
  kmsKeyIdentifier: unknownMark,
  deadLetterConfigs: unknownMark,
  logConfigs: unknownMark,
};

/** A kubeconfig for a managed cluster; its cluster and context are named after the cluster ID. */
function kubeconfigFor(clusterId: string, region: string): string {
  const server = `https://${clusterId}.${region}.cs.aliyuncs.com:6443`;
  return [
    "apiVersion: v1",
    "kind: Config",
    "clusters:",
    `- name: ${clusterId}`,
    "  cluster:",
    `    server: ${server}`,
    "contexts:",
    `- name: ${clusterId}`,
    "  context:",
    `    cluster: ${clusterId}`,
    `    user: ${clusterId}-user`,
    `current-context: ${clusterId}`,
    "users:",
    `- name: ${clusterId}-user`,
    "  user: {}",
    "",
  ].join("\n");
}

/** The password of an offline registry login: says what it is wherever a program shows it. */
export const offlineRegistryPassword = offlineStandIn;

/**
 * A login to an ECR registry (`getAuthorizationToken`, `getCredentials`). Where the registry is
 * follows from the stack: its account (the function's `registryId`, else the stack's account)
 * and the function's region. The token is the credentials' business and decides no place;
 * offline it is a well-formed stand-in — `AWS:<password>` in base64, as ECR issues it — so that a
 * program decoding it to log in (`Buffer.from(token, "base64")…split(":")`) goes on as under
 * the CLI, instead of throwing on a value it cannot parse.
 */
function ecrLogin(args: Record<string, unknown>, ctx: InvokeContext): Record<string, unknown> {
  const region = regionOf(args, ctx);
  const p = partitionOf(args, ctx);
  const registryId = text(args.registryId) ?? awsAccountOf(ctx);
  return {
    authorizationToken: Buffer.from(`AWS:${offlineRegistryPassword}`).toString("base64"),
    userName: "AWS",
    password: offlineRegistryPassword,
    // When the token expires says nothing of where the registry is; left empty.
    expiresAt: "",
    proxyEndpoint:
      registryId === undefined || region === undefined || p === undefined
        ? unknownMark
        : `https://${registryId}.dkr.ecr.${region}.${p.dnsSuffix}`,
    registryId: registryId ?? unknownMark,
  };
}

/**
 * The region's default VPC, as AWS creates it in every region of an account: CIDR 172.31.0.0/16
 * and, in each zone, a default subnet (a /20 of it, in zone order) that maps public IP addresses
 * on launch, routed to an internet gateway. Programs reach it through `getVpc({ default: true })`
 * and the subnets it holds (`awsx`'s Fargate services and load balancers given no network do,
 * inside the awsx plugin, which fails where the lookup has no answer). Where it is follows from
 * the function's region; only its IDs are the cloud's, and stand in here, readable for what they
 * are (`sovereign-dc-offline-stand-in-default-vpc-<region>`, `…-default-subnet-<zone>`). An account
 * whose default VPC was changed or deleted is the cloud's to tell, as under the CLI.
 */
interface DefaultVpc {
  readonly id: string;
  readonly region: string;
  readonly partition: string;
  readonly account: string;
  readonly zones: readonly { name: string; zoneId?: string }[];
}

/** AWS partitions in which every region is enabled for every account (none is opt-in). */
const partitionsWithoutOptIn: readonly string[] = ["aws-cn", "aws-us-gov", "aws-eusc"];

const defaultVpcPrefix = `${offlineStandIn}-default-vpc-`;

function defaultVpcOf(args: Record<string, unknown>, ctx: InvokeContext): DefaultVpc | undefined {
  const region = regionOf(args, ctx);
  const partition = awsPartition(region);
  const zones = region === undefined ? undefined : zonesOf("aws", region);
  if (region === undefined || partition === undefined || zones === undefined) {
    return undefined;
  }
  const account = awsAccountOf(ctx) ?? unknownMark;
  return { id: `${defaultVpcPrefix}${region}`, region, partition, account, zones };
}

/** `arn:<partition>:ec2:<region>:<account>:<kind>/<id>`, unknown where the account is. */
function ec2Arn(vpc: DefaultVpc, kind: string, id: string): string {
  return vpc.account === unknownMark
    ? unknownMark
    : `arn:${vpc.partition}:ec2:${vpc.region}:${vpc.account}:${kind}/${id}`;
}

/** The default subnet of `zone` (an index into the VPC's zones). */
function defaultSubnet(vpc: DefaultVpc, zone: number): Record<string, unknown> {
  const z = vpc.zones[zone];
  const id = `${defaultSubnetPrefix}${z.name}`;
  return {
    id,
    arn: ec2Arn(vpc, "subnet", id),
    vpcId: vpc.id,
    region: vpc.region,
    availabilityZone: z.name,
    availabilityZoneId: z.zoneId ?? "",
    cidrBlock: defaultSubnetBlock(zone),
    defaultForAz: true,
    mapPublicIpOnLaunch: true,
    assignIpv6AddressOnCreation: false,
    enableDns64: false,
    enableLniAtDeviceIndex: 0,
    enableResourceNameDnsARecordOnLaunch: false,
    enableResourceNameDnsAaaaRecordOnLaunch: false,
    ipv6CidrBlock: "",
    ipv6CidrBlockAssociationId: "",
    ipv6Native: false,
    mapCustomerOwnedIpOnLaunch: false,
    customerOwnedIpv4Pool: "",
    outpostArn: "",
    ownerId: vpc.account,
    privateDnsHostnameTypeOnLaunch: "ip-name",
    state: "available",
    availableIpAddressCount: 4091,
    tags: {},
  };
}

/**
 * A lookup's `filters` as name → values, or undefined when one is not a `{ name, values }` of
 * text (an unknown, or a shape the provider would reject).
 */
function filtersOf(v: unknown): Map<string, string[]> | undefined {
  if (v === undefined) {
    return new Map();
  }
  if (!Array.isArray(v)) {
    return undefined;
  }
  const out = new Map<string, string[]>();
  for (const f of v as unknown[]) {
    const name = typeof f === "object" && f !== null ? (f as { name?: unknown }).name : undefined;
    const values = typeof f === "object" && f !== null ? (f as { values?: unknown }).values : [];
    if (typeof name !== "string" || !Array.isArray(values)) {
      return undefined;
    }
    const texts = listOf(values);
    if (texts.length !== values.length) {
      return undefined;
    }
    out.set(name, [...(out.get(name) ?? []), ...texts]);
  }
  return out;
}

/** Arguments that are absent, or empty (the SDK passes an empty tag map as `{}`). */
function unset(args: Record<string, unknown>, ...names: string[]): boolean {
  return names.every((n) => {
    const v = args[n];
    return v === undefined || (typeof v === "object" && v !== null && Object.keys(v).length === 0);
  });
}

/**
 * The default subnets a subnet lookup selects, or undefined where it asks more than the default
 * VPC answers (tags, other filters, another VPC): by the filters `vpc-id` (the default VPC's),
 * `default-for-az` (`true`), `availability-zone` and `availability-zone-id`, and by the arguments
 * the single-subnet lookup takes (`id`, `vpcId`, `defaultForAz`, `availabilityZone`,
 * `availabilityZoneId`). Empty when they select none of them.
 */
function defaultSubnetsSelected(
  vpc: DefaultVpc,
  args: Record<string, unknown>,
): number[] | undefined {
  const filters = filtersOf(args.filters);
  if (filters === undefined || !unset(args, "tags", "cidrBlock", "ipv6CidrBlock", "state")) {
    return undefined;
  }
  /** The filter names and the lookup's own argument that ask one question, in every spelling. */
  const selectors = {
    vpc: { filters: ["vpc-id"], arg: "vpcId" },
    id: { filters: ["subnet-id"], arg: "id" },
    forAz: { filters: ["default-for-az", "defaultForAz"], arg: "defaultForAz" },
    zone: { filters: ["availability-zone", "availabilityZone"], arg: "availabilityZone" },
    zoneId: { filters: ["availability-zone-id", "availabilityZoneId"], arg: "availabilityZoneId" },
    publicOnLaunch: { filters: ["map-public-ip-on-launch"] },
  } as const;
  const known = new Set<string>(Object.values(selectors).flatMap((q) => q.filters));
  if ([...filters.keys()].some((k) => !known.has(k))) {
    return undefined;
  }
  // The values asked of one selector: by any of its filters, and by its argument.
  const asked = (q: { readonly filters: readonly string[]; readonly arg?: string }): string[] => [
    ...q.filters.flatMap((n) => filters.get(n) ?? []),
    ...(q.arg !== undefined && args[q.arg] !== undefined ? [String(args[q.arg])] : []),
  ];
  const vpcIds = asked(selectors.vpc);
  // Only the default VPC's subnets are answered: another VPC's are the cloud's to tell.
  if (vpcIds.some((v) => v !== vpc.id)) {
    return undefined;
  }
  const ids = asked(selectors.id);
  if (ids.some((id) => !id.startsWith(defaultSubnetPrefix))) {
    return undefined;
  }
  const forAz = asked(selectors.forAz);
  // Nothing naming the default VPC or its subnets: a lookup of some other network (subnets that
  // are not default for their zone may be in any VPC of the region).
  if (vpcIds.length === 0 && ids.length === 0 && !forAz.includes("true")) {
    return undefined;
  }
  // Each selector asked narrows the subnets to those whose own value is among its values.
  const conditions = (
    [
      [ids, (zone) => `${defaultSubnetPrefix}${vpc.zones[zone].name}`],
      [forAz, () => "true"],
      [asked(selectors.publicOnLaunch), () => "true"],
      [asked(selectors.zone), (zone) => vpc.zones[zone].name],
      [asked(selectors.zoneId), (zone) => vpc.zones[zone].zoneId ?? ""],
    ] as const satisfies readonly (readonly [string[], (zone: number) => string])[]
  ).filter(([values]) => values.length > 0);
  return vpc.zones
    .map((_, i) => i)
    .filter((zone) => conditions.every(([values, of]) => values.includes(of(zone))));
}

const answerers: Readonly<Record<string, Answerer>> = {
  "aws:ecr/getAuthorizationToken:getAuthorizationToken": (args, ctx) => {
    const region = regionOrUnknown(args, ctx);
    return { ...ecrLogin(args, ctx), id: region, region };
  },
  "aws:ecr/getCredentials:getCredentials": (args, ctx) => {
    const login = ecrLogin(args, ctx);
    return { ...login, id: login.registryId };
  },

  "aws:iam/getPolicyDocument:getPolicyDocument": (args) => awsPolicyDocument(args),
  "aws:networkmanager/getCoreNetworkPolicyDocument:getCoreNetworkPolicyDocument": (args) =>
    awsCoreNetworkPolicyDocument(args),

  "aws:index/getRegion:getRegion": (args, ctx) => {
    const region = regionOrUnknown(args, ctx);
    const partition = awsPartition(regionOf(args, ctx));
    return {
      id: region,
      region,
      name: region,
      // Known, so that `getRegionOutput()` is known: an Output is known or unknown as one value.
      // The display name ("US West (Oregon)"), which says nothing the region does not, is left
      // empty, as Alibaba Cloud's region and zone names are.
      description: "",
      endpoint:
        partition === undefined ? unknownMark : `ec2.${region}.${dnsSuffix[partition] ?? ""}`,
    };
  },

  "aws:index/getPartition:getPartition": (args, ctx) => {
    const p = partitionOf(args, ctx);
    if (p === undefined) {
      return { id: unknownMark, partition: unknownMark, dnsSuffix: unknownMark };
    }
    return {
      id: p.partition,
      ...p,
      reverseDnsPrefix: p.dnsSuffix.split(".").reverse().join("."),
    };
  },

  // AWS Cloud Control (`aws-native`) asks the same of the same cloud: its region, account,
  // partition and zones follow from its provider as @pulumi/aws's do (AWS CDK programs on
  // @pulumi/cdk read the first two before they declare anything).
  "aws-native:index:getRegion": (args, ctx) => ({ region: regionOrUnknown(args, ctx) }),
  "aws-native:index:getAccountId": (_args, ctx) => ({
    accountId: awsAccountOf(ctx) ?? unknownMark,
  }),
  "aws-native:index:getPartition": (args, ctx) =>
    partitionOf(args, ctx) ?? { partition: unknownMark, dnsSuffix: unknownMark },
  "aws-native:index:getUrlSuffix": (args, ctx) => ({
    urlSuffix: partitionOf(args, ctx)?.dnsSuffix ?? unknownMark,
  }),
  "aws-native:index:getAzs": (args, ctx) => {
    const region = regionOf(args, ctx);
    const zones = region === undefined ? undefined : zonesOf("aws", region);
    return { azs: zones === undefined ? unknownMark : zones.map((z) => z.name) };
  },

  // The regions of the function's partition, where every account has all of them: AWS China,
  // GovCloud and the European Sovereign Cloud have no opt-in regions, so the list is the
  // partition's (from the catalog) whatever `allRegions` says. In the commercial partition which
  // opt-in regions an account has enabled is the account's to tell: unknown, as are filtered lists.
  "aws:index/getRegions:getRegions": (args, ctx) => {
    const partition = awsPartition(regionOf(args, ctx));
    const filters = filtersOf(args.filters);
    if (
      partition === undefined ||
      !partitionsWithoutOptIn.includes(partition) ||
      filters === undefined ||
      filters.size > 0
    ) {
      return undefined;
    }
    const names = awsPartitionRegions(partition);
    return names.length === 0 ? undefined : { ...args, id: partition, names: [...names] };
  },

  // The account AWS documents for the region (residency/service-accounts.ts); a region created
  // since August 2022 has none, and the provider fails the call there as AWS documents no ID.
  "aws:elb/getServiceAccount:getServiceAccount": (args, ctx) => {
    const region = regionOf(args, ctx);
    const partition = awsPartition(region);
    if (region === undefined || partition === undefined) {
      return { id: unknownMark, arn: unknownMark, region: region ?? unknownMark };
    }
    const account = elbLogDeliveryAccounts[region];
    if (account === undefined) {
      throw new Error(
        `Elastic Load Balancing documents no log-delivery account for region ${JSON.stringify(region)} (regions created since August 2022 take the service principal logdelivery.elasticloadbalancing.amazonaws.com); known: ${Object.keys(elbLogDeliveryAccounts).join(", ")}`,
      );
    }
    return { id: account, arn: `arn:${partition}:iam::${account}:root`, region };
  },

  "aws:index/getCallerIdentity:getCallerIdentity": (args, ctx) => {
    const account = awsAccountOf(ctx);
    const partition = awsPartition(regionOf(args, ctx));
    if (account === undefined || partition === undefined) {
      return {
        id: account ?? unknownMark,
        accountId: account ?? unknownMark,
        arn: unknownMark,
        userId: unknownMark,
      };
    }
    // Which user or role session calls is the credentials' business; what the stack declares is
    // its account. Offline the caller is that account's own principal, its root — for which AWS
    // reports the ARN `arn:<partition>:iam::<account>:root` and the account ID as user ID — so
    // that the answer is known as a whole: an Output is known or unknown as one value, and a
    // caller left unknown would hide the account from every program that reads only `accountId`
    // (a key policy granting the account, an ARN built from it). Every principal it names is in
    // the stack's own account, as the real caller's is.
    return {
      id: account,
      accountId: account,
      arn: `arn:${partition}:iam::${account}:root`,
      userId: account,
    };
  },

  // An event bus by name is the caller's in the function's region (the default bus, or one the
  // account created), by ARN the one the ARN names: its ARN is certain, as AWS writes it. What
  // the bus holds (its description, key, dead-letter queue, log settings) only the cloud knows.
  "aws:cloudwatch/getEventBus:getEventBus": (args, ctx) => {
    const name = text(args.name);
    if (name?.startsWith("arn:")) {
      const region = arnRegion(name);
      return { ...busDetails, id: name, name: name.split("/").pop(), arn: name, region };
    }
    const region = regionOf(args, ctx);
    const partition = awsPartition(region);
    const account = awsAccountOf(ctx);
    if (name === undefined || partition === undefined || account === undefined) {
      return undefined;
    }
    const arn = `arn:${partition}:events:${region}:${account}:event-bus/${name}`;
    return { ...busDetails, id: name, name, arn, region };
  },

  // A DB snapshot by identifier is the caller's in the function's region (a shared or public one
  // is named by its ARN): its ARN is certain, as AWS writes it; what it holds only the cloud knows.
  "aws:rds/getSnapshot:getSnapshot": (args, ctx) => {
    const named = text(args.dbSnapshotIdentifier);
    if (named === undefined) {
      return undefined;
    }
    const region = named.startsWith("arn:") ? arnRegion(named) : regionOf(args, ctx);
    const partition = awsPartition(region);
    const account = awsAccountOf(ctx);
    if (region === undefined || partition === undefined || account === undefined) {
      return undefined;
    }
    const arn = named.startsWith("arn:")
      ? named
      : `arn:${partition}:rds:${region}:${account}:snapshot:${named}`;
    return {
      ...args,
      ...snapshotDetails,
      id: arn.split(":").pop(),
      dbSnapshotIdentifier: arn.split(":").pop(),
      dbSnapshotArn: arn,
      region,
    };
  },

  "aws:index/getAvailabilityZones:getAvailabilityZones": (args, ctx) => {
    const region = regionOf(args, ctx);
    const zones = region === undefined ? undefined : zonesOf("aws", region);
    if (zones === undefined || region === undefined) {
      return { id: region ?? unknownMark, names: unknownMark, zoneIds: unknownMark };
    }
    const excluded = new Set([...listOf(args.excludeNames), ...listOf(args.excludeZoneIds)]);
    const kept = zones.filter((z) => !excluded.has(z.name) && !excluded.has(z.zoneId ?? ""));
    return {
      ...args,
      id: region,
      region,
      names: kept.map((z) => z.name),
      zoneIds: kept.map((z) => z.zoneId),
      groupNames: [region],
    };
  },

  "alicloud:index/getZones:getZones": (args, ctx) => {
    const region = regionOf(args, ctx);
    const zones = region === undefined ? undefined : zonesOf("alicloud", region);
    if (zones === undefined || region === undefined) {
      return { id: unknownMark, ids: unknownMark, zones: unknownMark };
    }
    const ids = zones.map((z) => z.name);
    return {
      ...args,
      id: digest("zones", region, JSON.stringify(args)),
      ids,
      zones: ids.map((id) => ({
        id,
        localName: "",
        // Which instance types and disk categories a zone sells today is the provider's to say.
        availableDiskCategories: [],
        availableInstanceTypes: [],
        availableResourceCreations: [],
        multiZoneIds: [],
        slbSlaveZoneIds: [],
      })),
    };
  },

  "alicloud:index/getRegions:getRegions": (args, ctx) => {
    const region = regionOf(args, ctx);
    if (args.current !== true || region === undefined) {
      // Every region the account can see is the account's business; only "current" follows.
      return { id: unknownMark, ids: unknownMark, regions: unknownMark };
    }
    return {
      ...args,
      id: region,
      ids: [region],
      // Known as a whole, so that `getRegionsOutput({ current: true })` is known: an Output is
      // known or unknown as one value. The display name, which says nothing of where anything
      // is, is left empty as the zones' are.
      regions: [{ id: region, regionId: region, localName: "" }],
    };
  },

  // The provider answers with its `accountId` when one is configured (explicit provider, or
  // `alicloud:accountId` for the default one) and asks the cloud for the caller only otherwise;
  // the pack takes that same `accountId` as the stack's own account.
  "alicloud:index/getAccount:getAccount": (_args, ctx) => ({
    id: text(ctx.providerProps.accountId) ?? unknownMark,
  }),

  // The caller: the provider asks the cloud, which answers with the RAM identity of the
  // credentials. What the stack pins is the account (the provider's `accountId`); offline the
  // caller is that account's own principal, as for `aws.getCallerIdentity`, so that the answer is
  // known as a whole. Without an account, unknown.
  "alicloud:index/getCallerIdentity:getCallerIdentity": (_args, ctx) => {
    const account = text(ctx.providerProps.accountId);
    return account === undefined
      ? { id: unknownMark, accountId: unknownMark, arn: unknownMark, identityType: unknownMark }
      : {
          id: account,
          accountId: account,
          arn: `acs:ram::${account}:root`,
          identityType: "Account",
        };
  },

  // The keys a program names by ID (the key of a secret, a disk, a database): KMS answers with
  // the keys of those IDs in the function's region, which is all a residency check needs — their
  // IDs, and their region. Any other filter could leave a key out: unknown.
  "alicloud:kms/getKeys:getKeys": (args, ctx) => {
    const region = regionOf(args, ctx);
    const ids = listOf(args.ids);
    const filtered = ["descriptionRegex", "status", "filters"].some((k) => args[k] !== undefined);
    if (region === undefined || ids.length === 0 || filtered) {
      return { id: unknownMark, ids: unknownMark, keys: unknownMark };
    }
    const account = text(ctx.providerProps.accountId);
    return {
      ...args,
      id: digest("kms-keys", region, JSON.stringify(args)),
      ids,
      // The dates, rotation and description say nothing of where a key is: left empty.
      keys: ids.map((id) => ({
        id,
        keyId: id,
        arn: account === undefined ? unknownMark : `acs:kms:${region}:${account}:key/${id}`,
        ...empty(
          "automaticRotation",
          "creationDate",
          "creator",
          "deleteDate",
          "description",
          "keySpec",
          "keyUsage",
          "lastRotationDate",
          "materialExpireTime",
          "nextRotationDate",
          "origin",
          "primaryKeyVersion",
          "protectionLevel",
          "rotationInterval",
          "status",
        ),
      })),
    };
  },

  // A key a program looks up by alias — most often an AWS-managed one (`alias/aws/ebs`) — for a
  // volume, a database or a cluster's Secrets. An alias lives in one account and region, and only
  // a key of that account and region can be its target, so the answer's place is exact; only the
  // target key's ID is the cloud's to tell, and stands in here (`offlineKeyId`).
  "aws:kms/getAlias:getAlias": (args, ctx) => {
    const name = text(args.name);
    const place = kmsPlace(args, ctx);
    if (name === undefined || place === undefined) {
      return {
        id: unknownMark,
        arn: unknownMark,
        targetKeyArn: unknownMark,
        targetKeyId: unknownMark,
      };
    }
    const arn = `${place.prefix}:${name}`;
    const target = aliasTarget(place.prefix, name);
    return {
      ...args,
      id: arn,
      arn,
      name,
      region: place.region,
      targetKeyArn: target.arn,
      targetKeyId: target.id,
    };
  },

  // A key named by ID, ARN, alias name or alias ARN: KMS describes it in the account and region
  // the name says — an ARN's own, else the function's (a key ID or alias name resolves in the
  // caller's account and region). A key reached through an alias has a stand-in ID.
  "aws:kms/getKey:getKey": (args, ctx) => {
    const keyId = text(args.keyId);
    // A key or alias ARN names its own account and region.
    const partition = keyId === undefined ? undefined : arnPartition(keyId);
    const region = keyId === undefined ? undefined : arnRegion(keyId);
    const account = keyId === undefined ? undefined : arnAccount(keyId);
    const byArn = partition !== undefined && region && account !== undefined;
    const place = byArn
      ? { prefix: `arn:${partition}:kms:${region}:${account}`, region, account }
      : kmsPlace(args, ctx);
    if (keyId === undefined || place === undefined) {
      return { id: unknownMark, arn: unknownMark, keyId: unknownMark };
    }
    const named = byArn ? keyId.split(":").slice(5).join(":") : keyId;
    const id = named.startsWith("key/")
      ? named.slice("key/".length)
      : named.startsWith("alias/")
        ? aliasTarget(place.prefix, named).id
        : named;
    // What the lookup reports beside the key's place — its dates, state, spec, description —
    // says nothing of where the key is: left empty, and the flags and lists unset, except what
    // the name itself tells (AWS manages the keys behind `alias/aws/*`; a multi-Region key's
    // ID starts `mrk-`).
    return {
      ...args,
      id,
      arn: `${place.prefix}:key/${id}`,
      awsAccountId: place.account,
      region: place.region,
      keyManager: named.startsWith("alias/aws/") ? "AWS" : "",
      ...(id.startsWith("mrk-") ? { multiRegion: true } : {}),
      ...empty(
        "cloudHsmClusterId",
        "creationDate",
        "customKeyStoreId",
        "customerMasterKeySpec",
        "deletionDate",
        "description",
        "expirationModel",
        "keySpec",
        "keyState",
        "keyUsage",
        "origin",
        "validTo",
      ),
    };
  },

  // The key EBS encrypts a new volume with when none is named: the region's AWS-managed
  // `aws/ebs` key, unless the account made another its default (aws.ebs.DefaultKmsKey). EBS takes
  // only a key of the volume's own region, so the answer's region is exact; its ID is the cloud's
  // to tell, and stands in as the `aws/ebs` alias's target does (getAlias), the key it is unless
  // the account chose another, whose account the answer cannot tell.
  "aws:ebs/getDefaultKmsKey:getDefaultKmsKey": (args, ctx) => {
    const place = kmsPlace(args, ctx);
    if (place === undefined) {
      return { id: unknownMark, keyArn: unknownMark, region: unknownMark };
    }
    const keyArn = aliasTarget(place.prefix, "alias/aws/ebs").arn;
    return { ...args, id: place.region, keyArn, region: place.region };
  },

  // The region's default VPC (see DefaultVpc): asked for as the default, and nothing narrower.
  "aws:ec2/getVpc:getVpc": (args, ctx) => {
    const created = createdById(args, ctx, "aws:ec2/vpc:Vpc");
    if (created !== undefined) {
      return created;
    }
    const vpc = defaultVpcOf(args, ctx);
    const filters = filtersOf(args.filters);
    if (
      vpc === undefined ||
      args.default !== true ||
      filters === undefined ||
      filters.size > 0 ||
      !unset(args, "id", "tags", "cidrBlock", "dhcpOptionsId", "state")
    ) {
      return undefined;
    }
    const cidrBlock = "172.31.0.0/16";
    return {
      ...args,
      id: vpc.id,
      arn: ec2Arn(vpc, "vpc", vpc.id),
      region: vpc.region,
      default: true,
      cidrBlock,
      cidrBlockAssociations: [
        { associationId: `${offlineStandIn}-default-vpc-cidr`, cidrBlock, state: "associated" },
      ],
      dhcpOptionsId: `${offlineStandIn}-default-dhcp-options-${vpc.region}`,
      mainRouteTableId: `${offlineStandIn}-default-route-table-${vpc.region}`,
      enableDnsHostnames: true,
      enableDnsSupport: true,
      enableNetworkAddressUsageMetrics: false,
      instanceTenancy: "default",
      ipv6AssociationId: "",
      ipv6CidrBlock: "",
      ownerId: vpc.account,
      state: "available",
      tags: {},
    };
  },
  // A security group looked up by the ID of one the program creates (its rules' sources read
  // back); any other lookup is the cloud's to answer.
  "aws:ec2/getSecurityGroup:getSecurityGroup": (args, ctx) =>
    createdById(args, ctx, "aws:ec2/securityGroup:SecurityGroup"),
  "aws:ec2/getSubnets:getSubnets": (args, ctx) => {
    const vpc = defaultVpcOf(args, ctx);
    const zones = vpc === undefined ? undefined : defaultSubnetsSelected(vpc, args);
    if (vpc === undefined || zones === undefined) {
      return undefined;
    }
    return {
      ...args,
      id: vpc.region,
      region: vpc.region,
      ids: zones.map((zone) => defaultSubnet(vpc, zone).id),
    };
  },
  // One default subnet; where the arguments select none or several, the provider fails.
  "aws:ec2/getSubnet:getSubnet": (args, ctx) => {
    const created = createdById(args, ctx, "aws:ec2/subnet:Subnet");
    if (created !== undefined) {
      return created;
    }
    const vpc = defaultVpcOf(args, ctx);
    const zones = vpc === undefined ? undefined : defaultSubnetsSelected(vpc, args);
    if (vpc === undefined || zones === undefined) {
      return undefined;
    }
    if (zones.length !== 1) {
      throw new Error(
        `no matching EC2 Subnet found: ${zones.length} default subnets of the default VPC in ${vpc.region} match (one is required)`,
      );
    }
    return { ...args, ...defaultSubnet(vpc, zones[0]) };
  },

  // The account's IAM Identity Center instance, which permission sets, account assignments and
  // the services that sign users in through it (Lake Formation, QuickSight, Redshift) name by
  // ARN. Its ARN names no region or account (`arn:<partition>:sso:::instance/<ID>`) and the
  // instance holds no data of the stack, so the answer says all a residency check needs; only
  // the IDs are the cloud's to tell, and stand in here. Lists one instance, as programs assume
  // (`arns[0]`): the provider lists the instance of the function's region, where the program
  // manages it.
  "aws:ssoadmin/getInstances:getInstances": (args, ctx) => {
    const region = regionOf(args, ctx);
    const partition = awsPartition(region);
    if (region === undefined || partition === undefined) {
      return {
        id: unknownMark,
        arns: unknownMark,
        identityStoreIds: unknownMark,
        region: unknownMark,
      };
    }
    const place = [partition, region, awsAccountOf(ctx) ?? ""];
    return {
      id: region,
      region,
      arns: [
        `arn:${partition}:sso:::instance/${offlineStandIn}-${digest("sso-instance", ...place)}`,
      ],
      identityStoreIds: [`${offlineStandIn}-${digest("identity-store", ...place)}`],
    };
  },

  "alicloud:cs/getClusterCredential:getClusterCredential": (args, ctx) => {
    const clusterId = text(args.clusterId);
    const region = regionOf(args, ctx);
    if (clusterId === undefined || region === undefined) {
      return { id: unknownMark, kubeConfig: unknownMark };
    }
    // Known as a whole, so that `getClusterCredentialOutput(…)` is: an Output is known or unknown
    // as one value. The name, the expiry and the certificates say nothing of where the cluster
    // is; they are left empty.
    return {
      ...args,
      id: clusterId,
      clusterId,
      clusterName: "",
      kubeConfig: kubeconfigFor(clusterId, region),
      expiration: "",
      certificateAuthority: { clientCert: "", clientKey: "", clusterCert: "" },
    };
  },

  // The provider parses every document of the text and drops the empty ones.
  "kubernetes:yaml:decode": (args) => {
    try {
      return { result: yamlDocuments(text(args.text) ?? "") };
    } catch (e) {
      throw new Error(`text is not valid YAML: ${(e as Error).message}`);
    }
  },
};

/**
 * Answers a multi-language component's plugin gets where a program gets unknowns: inside the
 * plugin an answer cannot be unknown (its lookups are plain promises), so without one it fails to
 * construct the component and nothing inside is checked. Each stands in, with a mark
 * (`standIn()`), for a value only the cloud knows and that decides no place; what the plugin
 * registers from it is unknown. Only where the rest of the answer is the function's arguments.
 */
const pluginStandIns: Readonly<
  Record<string, (args: Record<string, unknown>, standIn: () => string) => Record<string, unknown>>
> = {
  // The newest version of an EKS add-on for a Kubernetes version (the eks plugin asks for the
  // cluster's default add-ons): a version string, of the same add-on wherever it runs.
  "aws:eks/getAddonVersion:getAddonVersion": (args, standIn) => ({
    ...args,
    id: standIn(),
    version: standIn(),
  }),
};

/** A plugin's stand-in answer for `token` (see `pluginStandIns`), or undefined. */
export function pluginStandIn(
  token: string,
  args: Record<string, unknown>,
  standIn: () => string,
): Record<string, unknown> | undefined {
  return pluginStandIns[token]?.(args, standIn);
}

/** Tokens the engine answers with more than unknowns. */
export const answeredFunctions: readonly string[] = [
  ...Object.keys(answerers),
  ...stdFunctions,
].sort();

/** Answers one provider function offline (see the module comment). */
export function answerInvoke(
  token: string,
  args: Record<string, unknown>,
  ctx: InvokeContext,
): InvokeAnswer {
  const answer = answerers[token];
  const result = answer === undefined ? answerStd(token, args, [unknownMark]) : answer(args, ctx);
  return result === undefined ? { known: false } : { known: true, result };
}
