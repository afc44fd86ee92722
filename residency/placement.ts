/**
 * Where a resource lives: its effective region, from the resource's own inputs and its
 * provider's (shared/research/data-paths.md §1). Used by the placement policies and by the
 * border analysis; both must agree, so there is one implementation.
 *
 * Anything that cannot be decided from known values is `unknown` — and unknown fails closed.
 */
import {
  awsPartitionOf,
  type Cloud,
  jurisdictionOfRegion,
  listJurisdictions,
  type Jurisdiction,
  regionInJurisdiction,
} from "./jurisdictions";

export type Placement =
  | {
      readonly kind: "region";
      readonly cloud: Cloud;
      readonly region: string;
      /** The unset input whose service default the region is (`serviceDefaultRegions`). */
      readonly unsetInput?: string;
    }
  /** A global or partition-wide service (IAM, CloudFront, Route 53, …): no single region. */
  | { readonly kind: "global"; readonly cloud: Cloud; readonly reason: string }
  /** Kubernetes objects live where their cluster does; resolved through the cluster. */
  | { readonly kind: "cluster"; readonly reason: string }
  /** Values computed into the stack's state (stateOnlyPackages): no cloud, no place of its own. */
  | { readonly kind: "state"; readonly reason: string }
  /**
   * What lives on the machine its provider talks to: a container image its provider's builder
   * builds (imageBuildTypes), the Docker daemon's volumes, networks and containers, a database
   * server's objects (providerHosted), the Kubernetes objects of a cluster the stack declares at
   * a site of its own inside the jurisdiction (policy/paths/resolver.ts). No region of its own:
   * the provider's host is judged on the provider (resource-placement; a cluster's site,
   * kubernetes-cluster-placement), what leaves it by its own edges. `near` names that machine at
   * the near end of a path.
   */
  | { readonly kind: "provider"; readonly reason: string; readonly near: string }
  | { readonly kind: "unknown"; readonly reason: string };

/**
 * Packages whose resources live only in the stack's state: values the provider computes on the
 * machine that runs the deployment (random strings and passwords, private keys and certificates,
 * timestamps and delays), with no cloud API and no data behind them — no region, no path. The
 * state itself is placed by the stack's `sovereign-dc:stateBackend`.
 */
export const stateOnlyPackages: readonly string[] = ["random", "time", "tls"];

/**
 * Custom resources of the releases of `@pulumi/eks` before 3.0, served by the Node.js provider
 * those releases shipped (its `cmd/provider`). Later releases dropped them — a `VpcCni` is an
 * alias of the VpcCniAddon component since — so no installed SDK defines them, but programs
 * pinned to those releases still register them. Read from that provider's sources:
 * - a RandomSuffix computes its input with a random suffix into the stack's state (a value,
 *   like the `random` package's);
 * - a VpcCni applies the Amazon VPC CNI (the `aws-node` DaemonSet, its settings written into the
 *   pods' environment, its images pulled from the registries `image` and `initImage` name, its
 *   log files on the nodes) with kubectl to the cluster its `kubeconfig` names: pod networking
 *   inside that cluster, which is placed where the program declares it.
 */
export const retiredTypes: Readonly<Record<string, Placement>> = {
  "eks:index:RandomSuffix": {
    kind: "state",
    reason:
      "a RandomSuffix of @pulumi/eks before 3.0 is a name its provider computes into the stack's state",
  },
  "eks:index:VpcCni": {
    kind: "cluster",
    reason:
      "a VpcCni of @pulumi/eks before 3.0 configures the pod network of the cluster its kubeconfig names, and lives in that cluster",
  },
};

/**
 * Container image builds: an image is built by its provider's builder — the Docker daemon or
 * buildx builder of the machine that runs the deployment, unless the provider names another
 * (`host`, judged on the provider) — and kept there or pushed to the registries its pushes name
 * (registry-replication, policy/paths/types/transfers.ts).
 */
export const imageBuildTypes: ReadonlySet<string> = new Set([
  "docker-build:index:Image",
  "docker-build:index:Index",
  "docker:index/image:Image",
  "docker:index/registryImage:RegistryImage",
]);

/** A package whose resources live on the machine its provider talks to (the `provider` kind). */
export interface ProviderHosted {
  /** The provider setting that names that machine (judged on the provider). */
  readonly key: string;
  /**
   * The environment variable the provider connects by when the setting is unset; none for
   * Docker, whose daemon is then the deploying machine's own.
   */
  readonly fromEnvironment?: string;
  /** That machine, at the near end of a path. */
  readonly near: string;
  /** Where the package's resources live, completing `resources of package "<pkg>" …`. */
  readonly lives: string;
  /**
   * The resource types of a program a setting not known at preview may be computed from (a
   * database instance's address, a virtual machine's IP): that machine then lies where the
   * resource does.
   */
  readonly servers: readonly string[];
  /** What those resources are, in a finding: "database", "virtual machine". */
  readonly server: string;
}

/** The virtual machines a Docker daemon the program reaches (`ssh://…@${vm.publicIp}`) runs on. */
const dockerHosts = ["aws:ec2/instance:Instance", "alicloud:ecs/instance:Instance"];

/** The database services a PostgreSQL or MySQL provider connects to by their endpoint. */
const databaseServers = [
  "aws:rds/instance:Instance",
  "aws:rds/cluster:Cluster",
  "aws:rds/clusterInstance:ClusterInstance",
  "aws:redshift/cluster:Cluster",
  "alicloud:rds/instance:Instance",
  "alicloud:polardb/cluster:Cluster",
  "alicloud:gpdb/instance:Instance",
  "alicloud:adb/dBCluster:DBCluster",
];

/**
 * The packages whose resources live on the machine their provider talks to: image builders
 * (imageBuildTypes), the Docker daemon's volumes, networks and containers, and the objects of a
 * database server (databases, roles, grants; a subscription or foreign server that reaches
 * another server is a row of the flow model).
 */
export const providerHosted: Readonly<Record<string, ProviderHosted>> = {
  docker: {
    key: "host",
    near: "its provider's Docker daemon",
    lives: "live on the Docker daemon their provider talks to",
    servers: dockerHosts,
    server: "virtual machine",
  },
  "docker-build": {
    key: "host",
    near: "its provider's image builder",
    lives: "are built by the builder their provider talks to",
    servers: dockerHosts,
    server: "virtual machine",
  },
  postgresql: {
    key: "host",
    fromEnvironment: "PGHOST",
    near: "its provider's database server",
    lives: "live on the database server their provider connects to",
    servers: databaseServers,
    server: "database",
  },
  mysql: {
    key: "endpoint",
    fromEnvironment: "MYSQL_ENDPOINT",
    near: "its provider's database server",
    lives: "live on the database server their provider connects to",
    servers: databaseServers,
    server: "database",
  },
};

export interface ProviderView {
  readonly type: string;
  readonly props: Readonly<Record<string, unknown>>;
}

/** AWS modules whose resources have no `region` input: global or partition-level services. */
export const awsGlobalModules: ReadonlySet<string> = new Set([
  "iam",
  "cloudfront",
  "networkmanager",
  "route53",
  "waf",
  "notifications",
  "organizations",
  "shield",
  "globalaccelerator",
  "route53recoverycontrol",
  "route53recoveryreadiness",
  "costexplorer",
  "route53domains",
  "account",
  "budgets",
  "rolesanywhere",
  "savingsplans",
  "cur",
  "bcmdata",
]);

/**
 * The regional services filed under a global module: Route 53 Resolver and Route 53 Profiles
 * serve the VPCs of one region (their types, alone in these modules, take a `region` input).
 */
const regionalInGlobalModule = /^aws:route53\/(resolver|profiles)[A-Z]/;

/**
 * The global AWS modules that hold the account's identities and permissions, not data: a role
 * or a policy is kept partition-wide by AWS whatever the region, and the paths it opens are
 * judged where it grants access (a bucket policy, a trust policy naming another account).
 */
export const awsIdentityModules: ReadonlySet<string> = new Set(["iam", "organizations", "account"]);

/** True for a type of the AWS identity modules above. */
export function isAwsIdentityType(type: string): boolean {
  return type.startsWith("aws:") && awsIdentityModules.has(type.split(":")[1]?.split("/")[0] ?? "");
}

function str(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

/** The cloud a type token belongs to, or undefined for other packages. */
export function cloudOf(type: string): Cloud | undefined {
  const pkg = type.startsWith("pulumi:providers:")
    ? type.slice("pulumi:providers:".length)
    : type.split(":")[0];
  return pkg === "alicloud" || pkg === "aws" ? pkg : undefined;
}

/**
 * AWS types created in the region another input names, which the service sets to a fixed region
 * when the input is unset — whatever the provider's region: a Chime Voice Connector is created
 * in `awsRegion`, "Default value: `us-east-1`" (the provider's documentation). A region the input
 * names is a place arn-locality judges, as it judges every region input.
 */
const serviceDefaultRegions: Readonly<
  Record<string, { readonly input: string; readonly region: string }>
> = {
  "aws:chime/voiceConnector:VoiceConnector": { input: "awsRegion", region: "us-east-1" },
};

/**
 * The effective placement of a resource. `props` are its inputs; `provider` is its provider
 * resource (explicit, or the default provider built from stack config).
 */
export function placementOf(
  type: string,
  props: Readonly<Record<string, unknown>>,
  provider?: ProviderView,
): Placement {
  if (type.startsWith("pulumi:providers:")) {
    const cloud = cloudOf(type);
    if (cloud === undefined) {
      return { kind: "cluster", reason: `${type} is not a regional cloud provider` };
    }
    const region = str(props.region);
    return region
      ? { kind: "region", cloud, region }
      : { kind: "unknown", reason: `the ${cloud} provider has no region` };
  }
  const pkg = type.split(":")[0];
  if (pkg === "kubernetes") {
    return { kind: "cluster", reason: "Kubernetes objects live in their cluster's region" };
  }
  if (stateOnlyPackages.includes(pkg)) {
    return {
      kind: "state",
      reason: `resources of package ${JSON.stringify(pkg)} live only in the stack's state`,
    };
  }
  if (imageBuildTypes.has(type)) {
    return {
      kind: "provider",
      reason: "a container image is built by its provider's builder and goes where it is pushed",
      near: "its provider's image builder",
    };
  }
  const retired = retiredTypes[type];
  if (retired !== undefined) {
    return retired;
  }
  const hosted = providerHosted[pkg];
  if (hosted !== undefined) {
    return {
      kind: "provider",
      reason: `resources of package ${JSON.stringify(pkg)} ${hosted.lives}`,
      near: hosted.near,
    };
  }
  const cloud = cloudOf(type);
  if (cloud === undefined) {
    return {
      kind: "unknown",
      reason: `resources of package ${JSON.stringify(pkg)} are not placed`,
    };
  }
  const providerRegion = provider ? str(provider.props.region) : undefined;
  if (cloud === "aws") {
    const module = type.split(":")[1]?.split("/")[0] ?? "";
    if (awsGlobalModules.has(module) && !regionalInGlobalModule.test(type)) {
      return { kind: "global", cloud, reason: `aws ${module} is a global service` };
    }
    const byDefault = serviceDefaultRegions[type];
    const input = byDefault === undefined ? undefined : props[byDefault.input];
    if (byDefault !== undefined && (input === undefined || input === null || input === "")) {
      return { kind: "region", cloud, region: byDefault.region, unsetInput: byDefault.input };
    }
    // v7 per-resource override; a few types give `region` another meaning, none of which
    // we place by it (they are reviewed by their own policies).
    const own = str(props.region);
    const region = own ?? providerRegion;
    return region
      ? { kind: "region", cloud, region }
      : { kind: "unknown", reason: "neither the resource nor its aws provider sets a region" };
  }
  return providerRegion
    ? { kind: "region", cloud, region: providerRegion }
    : { kind: "unknown", reason: "its alicloud provider sets no region" };
}

/**
 * The AWS partition a resource of the aws package is created in: that of its own `region`, or of
 * its provider's (a global service such as IAM lives in the partition of the account its
 * provider signs in to). Undefined for other packages and when neither names a region.
 */
export function awsPartitionOfResource(
  type: string,
  props: Readonly<Record<string, unknown>>,
  provider?: ProviderView,
): string | undefined {
  if (cloudOf(type) !== "aws") {
    return undefined;
  }
  if (props.region !== undefined && props.region !== null) {
    const own = str(props.region);
    return own === undefined ? undefined : awsPartitionOf(own);
  }
  const region = provider ? str(provider.props.region) : undefined;
  return region === undefined ? undefined : awsPartitionOf(region);
}

/** "cn-hongkong (outside CN)" — how a place is named in a violation's path. */
export function describePlace(j: Jurisdiction, cloud: Cloud, region: string): string {
  if (regionInJurisdiction(j, cloud, region)) {
    return `${region} (inside ${j.id})`;
  }
  const other = jurisdictionOfRegion(cloud, region);
  if (other) {
    return `${region} (outside ${j.id}, in ${other.id})`;
  }
  // A wildcard (`arn:aws:kms:*:…`, an ActionTrail trail's `All`) names every region; a value the
  // catalog does not place (a typo, a stand-in) is no region it can call outside.
  return region === "*" || region.toLowerCase() === "all"
    ? `${region} (all regions of ${cloud}, not only those inside ${j.id})`
    : `${region} (not a region of ${cloud} the pack knows, so not inside ${j.id})`;
}

/**
 * The AWS regions a Bedrock cross-Region inference profile of each geography routes requests to
 * (Amazon Bedrock user guide, "Supported Regions and models for inference profiles"; the
 * geographies of the AWS CDK's `CrossRegionInferenceProfileRegion`). `global` routes to any
 * commercial region.
 */
const inferenceGeographies: Readonly<Record<string, readonly string[] | "any">> = {
  us: ["us-east-1", "us-east-2", "us-west-1", "us-west-2"],
  "us-gov": ["us-gov-east-1", "us-gov-west-1"],
  eu: ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
  apac: [
    ...["ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2"],
    ...["ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4"],
    ...["ap-southeast-5", "ap-southeast-7", "ap-east-2", "me-central-1"],
  ],
  jp: ["ap-northeast-1", "ap-northeast-3"],
  au: ["ap-southeast-2", "ap-southeast-4"],
  global: "any",
};

/**
 * A cross-Region inference profile (or guardrail profile) named by its ID
 * (`eu.anthropic.claude-3-5-sonnet-20241022-v2:0`, `apac.guardrail.v1:0`) or ARN
 * (`…:inference-profile/eu.…`): the geography its prefix names and the regions Bedrock may send
 * the prompts to. An ARN's region is only where the request starts. Undefined for anything else —
 * a foundation model of one region, an application profile, a host such as `eu.example.com`.
 */
export function inferenceProfileGeography(
  text: string,
): { readonly geography: string; readonly regions: readonly string[] | "any" } | undefined {
  const m =
    /^(?:arn:[\w-]+:bedrock:[\w-]*:\d*:(?:inference-profile|guardrail-profile)\/)?([a-z]+(?:-gov)?)\.[a-z0-9-]+\.[\w.-]+:\d+$/.exec(
      text,
    );
  const regions = m === null ? undefined : inferenceGeographies[m[1]];
  return regions === undefined || m === null ? undefined : { geography: m[1], regions };
}

/**
 * The geography prefix of a system-defined cross-Region profile named by its ARN
 * (`…:inference-profile/ca.…`, `…:guardrail-profile/…`) when the pack does not know where that
 * geography routes: such an ARN always names a cross-Region profile, so its regions cannot be
 * placed. Undefined for a known geography, an application profile or anything else.
 */
export function unknownProfileGeography(text: string): string | undefined {
  const m =
    /^arn:[\w-]+:bedrock:[\w-]*:\d*:(?:inference-profile|guardrail-profile)\/([a-z]+(?:-gov)?)\.[\w.:-]+$/.exec(
      text,
    );
  return m !== null && inferenceGeographies[m[1]] === undefined ? m[1] : undefined;
}

/** The AWS partition of an ARN, or undefined when the text is not an ARN. */
export function arnPartition(arn: string): string | undefined {
  return /^arn:([^:]+):/.exec(arn)?.[1];
}

/** The region field of an ARN ("" for regionless ARNs such as S3 buckets), or undefined. */
export function arnRegion(arn: string): string | undefined {
  const parts = arn.split(":");
  return parts.length >= 6 && parts[0] === "arn" ? parts[3] : undefined;
}

/**
 * The account field of an ARN (`arn:aws:iam::123456789012:role/x`, Alibaba Cloud's
 * `acs:log:cn-shanghai:1234567890123456:project/audit`), or undefined when it has none.
 */
export function arnAccount(arn: string): string | undefined {
  const parts = arn.split(":");
  if (parts[0] === "acs") {
    // Alibaba Cloud's `acs:<service>:<region>:<account>:<resource>`: an account is a number; a
    // `*` (any account, in a RAM policy) names none.
    return parts.length >= 5 && /^\d+$/.test(parts[3]) ? parts[3] : undefined;
  }
  return parts.length >= 6 && parts[0] === "arn" && parts[4] !== "" ? parts[4] : undefined;
}

export { awsPartitionOf };

/**
 * Region IDs as AWS spells them (`us-west-2`, `cn-north-1`, `us-gov-east-1`, `us-isob-east-1`,
 * `eusc-de-east-1`): a two-letter area, an optional partition, a compass direction and a number. The shape lets a
 * region be found inside host names and service names without a list of every AWS region, and
 * is strict enough that a label a user chose (`com-content-1` of a bucket named
 * `www.example.com-content-1`) is not taken for one.
 */
const awsRegionShape =
  /^(?:eusc-)?[a-z]{2}(?:-(?:gov|iso[a-z]?))?-(?:north|south|east|west|central|(?:north|south)(?:east|west))-\d+$/;

export function isAwsRegionShaped(text: string): boolean {
  return awsRegionShape.test(text);
}

let alicloudRegions: readonly string[] | undefined;

/**
 * Every Alibaba Cloud region the catalog knows, longest first (for prefix matching); the catalog
 * is fixed, so the list is made once, not for every endpoint read.
 */
function knownAlicloudRegions(): readonly string[] {
  alicloudRegions ??= [...new Set(listJurisdictions().flatMap((j) => j.regions.alicloud))].sort(
    (a, b) => b.length - a.length,
  );
  return alicloudRegions;
}

let cacheRegionCodes: ReadonlyMap<string, string> | undefined;

/**
 * The short region codes of ElastiCache's and MemoryDB's endpoints (`….use1.cache.amazonaws.com`,
 * `….cnn1.cache.amazonaws.com.cn`), for every AWS region the catalog knows: the area, then the
 * initials of the direction and the number (us-east-1 `use1`, ap-southeast-1 `apse1`,
 * eu-central-1 `euc1`) — but Ningxia's, `cnw1`, as its hosts spell it (found by the AWS China
 * bench, where a cache of the stack's own region could not be placed).
 */
function cacheRegionCode(code: string): string | undefined {
  if (cacheRegionCodes === undefined) {
    const initials: Readonly<Record<string, string>> = {
      north: "n",
      south: "s",
      east: "e",
      west: "w",
      central: "c",
      northeast: "ne",
      southeast: "se",
      northwest: "nw",
      southwest: "sw",
    };
    const codes = new Map<string, string>();
    for (const region of new Set(listJurisdictions().flatMap((j) => j.regions.aws))) {
      const m = /^([a-z]+)-([a-z]+)-(\d+)$/.exec(region);
      if (m !== null && initials[m[2]] !== undefined) {
        codes.set(`${m[1]}${initials[m[2]]}${m[3]}`, region);
      }
    }
    codes.set("cnw1", "cn-northwest-1");
    cacheRegionCodes = codes;
  }
  return cacheRegionCodes.get(code);
}

/** The region of an OSS location (`oss-cn-shanghai` → `cn-shanghai`), or undefined. */
export function regionOfOssLocation(location: string): string | undefined {
  const m = /^oss-([a-z0-9-]+)$/.exec(location);
  return m ? m[1] : undefined;
}

/** A place named by a host name or URL: which cloud's region it sits in. */
export interface EndpointPlace {
  readonly cloud: Cloud;
  readonly region: string;
}

/**
 * The host of a URL or bare host name (`https://a.b:443/x` → `a.b`), lower-cased: also of a JDBC
 * URL (`jdbc:mysql://a.b:3306/db`, `jdbc:sqlserver://a.b:1433;databaseName=db`), one with user
 * info (`mongodb://user:secret@a.b/db`), the first of a list of `host:port` (Kafka's
 * bootstrap servers), and the `host` (else `hostaddr`) of a PostgreSQL keyword/value connection
 * string (`host=a.b port=5432 dbname=db`) — `localhost` when it names none or a socket folder, where
 * libpq connects to the server on the same machine — and of a Git remote in scp-like form
 * (`git@a.b:org/repo.git`).
 */
export function hostOf(text: string): string {
  const conninfo = conninfoHost(text);
  if (conninfo !== undefined) {
    return conninfo === "" || conninfo.startsWith("/") ? "localhost" : hostOf(conninfo);
  }
  const scp = scpRemote.exec(text.trim());
  if (scp !== null) {
    return scp[1].toLowerCase();
  }
  const withoutScheme = text
    .trim()
    .toLowerCase()
    .replace(/^jdbc:/, "")
    .replace(/^[a-z][a-z0-9+.-]*(?::[a-z][a-z0-9+.-]*)*:\/\/@?/, "")
    // An NFS export, `host:/path` (an EFS file system's `<dns-name>:/directory`).
    .replace(/^([^/:\s]+):\//, "$1/");
  const authority = withoutScheme.split(/[/?#;,]/)[0];
  // An absolute DNS name's root dot (`….amazonaws.com.`, as ExternalName Services are often
  // written) names the same host (found by the multi-cluster bench).
  return authority
    .slice(authority.lastIndexOf("@") + 1)
    .replace(/:\d+$/, "")
    .replace(/(?<=[^.])\.$/, "");
}

/**
 * A Git remote in scp-like form, `user@host:path` (`git@github.com:org/repo.git`): no scheme, a
 * user, and a path after the colon that is no port. Its first group is the host.
 */
const scpRemote = /^[^@/:\s]+@([^@/:\s[\]]+):(?!\d+(?:[/?#]|$))[^\s]+$/;

/** libpq's connection keywords that say a text is a connection string (`host=… dbname=…`). */
const conninfoKeywords = new Set(["host", "hostaddr", "port", "dbname", "user", "sslmode"]);
/** One `keyword=value` pair of a connection string, its value quoted or not. */
const conninfoPair = /([a-z_]+)\s*=\s*(?:'(?:[^'\\]|\\.)*'|\S+)/gi;

/**
 * The first host of a libpq keyword/value connection string (`host=a,b port=5432 dbname=db`,
 * values quoted or not), its `hostaddr` when it names no `host`, empty when it names neither;
 * undefined for any other text.
 */
function conninfoHost(text: string): string | undefined {
  if (!text.includes("=")) {
    return undefined;
  }
  // Only text that is wholly `keyword=value` pairs, one of them a connection keyword of libpq.
  const pairs = [...text.matchAll(conninfoPair)];
  const rest = text.replace(conninfoPair, "").trim();
  if (rest !== "" || !pairs.some((p) => conninfoKeywords.has(p[1].toLowerCase()))) {
    return undefined;
  }
  const value = (key: string) =>
    new RegExp(`(?:^|\\s)${key}\\s*=\\s*(?:'((?:[^'\\\\]|\\\\.)*)'|(\\S+))`, "i").exec(text);
  const m = value("host") ?? value("hostaddr");
  return m === null ? "" : (m[1] ?? m[2]).split(",")[0];
}

/**
 * The registry a container image reference names, lower-cased, by Docker's reference grammar:
 * the first component when it holds a dot or a port or is `localhost`
 * (`registry.cn-shanghai.aliyuncs.com/ns/app:1`, `localhost:5000/app`); undefined when the
 * reference names none (`nginx:1`, `team/app`), which is Docker Hub's.
 */
export function imageRegistry(reference: string): string | undefined {
  const ref = reference.trim().toLowerCase();
  const slash = ref.indexOf("/");
  if (slash <= 0) {
    return undefined;
  }
  const first = ref.slice(0, slash);
  return first.includes(".") || first.includes(":") || first === "localhost" ? first : undefined;
}

/** The global networks of the buckets' transfer acceleration, as findings name them. */
export const ossAccelerationNetwork = "OSS transfer acceleration network";
export const s3AccelerationNetwork = "S3 transfer acceleration network";

/**
 * The global network a transfer-acceleration endpoint sends into, by its host: OSS's
 * (`oss-accelerate[-overseas].aliyuncs.com`, a bucket on it) and S3's (`<bucket>.s3-accelerate
 * [.dualstack].amazonaws.com`). It serves from points of presence everywhere: no region.
 */
export function accelerationNetworkOf(host: string): string | undefined {
  // A fully qualified name's trailing dot names the same host.
  const h = host.toLowerCase().replace(/\.$/, "");
  if (/^(?:[a-z0-9.-]+\.)?oss-accelerate(?:-overseas)?\.aliyuncs\.com$/.test(h)) {
    return ossAccelerationNetwork;
  }
  return /^(?:[a-z0-9.-]+\.)?s3-accelerate(?:\.dualstack)?\.amazonaws\.com$/.test(h)
    ? s3AccelerationNetwork
    : undefined;
}

/**
 * The region a service endpoint lives in, read from its host name: OSS
 * (`oss-<region>[-internal].aliyuncs.com`), SLS (`<region>[-intranet|-share].log.aliyuncs.com`),
 * Tracing Analysis (`tracing-analysis-dc-<city>…`, `tracing-<region>….arms.aliyuncs.com`),
 * other Alibaba Cloud services (`<service>.<region>.aliyuncs.com`), load balancers' newer names
 * (`<id>.<region>.alb.aliyuncsslb.com`, `….aliyuncsslbintl.com`) and AWS
 * (`….<region>.amazonaws.com[.cn]`, a function URL's `….lambda-url.<region>.on.aws`). Undefined when the host names no region we can read —
 * a custom domain, an IP, another cloud — which callers treat as "cannot be placed".
 */
export function regionOfEndpoint(text: string): EndpointPlace | undefined {
  const host = hostOf(text);
  const served = regionlessEndpoints[host];
  if (served !== undefined) {
    return { cloud: "alicloud", region: served };
  }
  // A global acceleration endpoint serves from points of presence everywhere: no region.
  if (accelerationNetworkOf(host) !== undefined) {
    return undefined;
  }
  // The region endpoint, or a bucket on it (`<bucket>.oss-<region>[-internal].aliyuncs.com`).
  const oss = /^(?:[a-z0-9-]+\.)?oss-([a-z0-9-]+?)(?:-internal)?\.aliyuncs\.com$/.exec(host);
  if (oss) {
    return { cloud: "alicloud", region: oss[1] };
  }
  const sls = /^([a-z0-9-]+?)(?:-intranet|-share)?\.log\.aliyuncs\.com$/.exec(host);
  if (sls) {
    return { cloud: "alicloud", region: sls[1] };
  }
  const tracing = /^tracing-analysis-dc-([a-z]+)(?:-internal)?\.aliyuncs\.com$/.exec(host);
  if (tracing) {
    const region = tracingCities[tracing[1]];
    return region === undefined ? undefined : { cloud: "alicloud", region };
  }
  // Tracing Analysis in regions opened later: `tracing-<region>[-internal].arms.aliyuncs.com`.
  const arms = /^tracing-([a-z0-9-]+?)(?:-internal)?\.arms\.aliyuncs\.com$/.exec(host);
  if (arms && knownAlicloudRegions().includes(arms[1])) {
    return { cloud: "alicloud", region: arms[1] };
  }
  // Load balancers created since 15 November 2024 (ALB, NLB): `<id>.<region>.alb.aliyuncsslb.com`
  // in the Chinese mainland, `….aliyuncsslbintl.com` outside it.
  const slb = /^[a-z0-9-]+\.([a-z0-9-]+)\.(?:alb|nlb)\.aliyuncsslb(?:intl)?\.com$/.exec(host);
  if (slb) {
    return knownAlicloudRegions().includes(slb[1])
      ? { cloud: "alicloud", region: slb[1] }
      : undefined;
  }
  const labels = host.split(".");
  if (host.endsWith(".aliyuncs.com")) {
    // The region is the label nearest the suffix that spells one: the region itself
    // (`cn-hangzhou`, `cn-hangzhou-intranet`) or a service's name before it (`ecs-cn-hangzhou`).
    // The first label of a longer host may be a name its user chose (a project, a connection
    // prefix): there only the region itself counts (ARMS's `cn-hangzhou-intranet.arms…`).
    const known = knownAlicloudRegions();
    const named = labels.slice(0, -2);
    for (let i = named.length - 1; i >= 0; i--) {
      const bare = named[i].replace(/-(?:internal|intranet|share|vpc)$/, "");
      const chosen = i === 0 && labels.length > 3;
      const region = known.find((r) => bare === r || (!chosen && bare.endsWith(`-${r}`)));
      if (region !== undefined) {
        return { cloud: "alicloud", region };
      }
    }
    return undefined;
  }
  // S3's legacy global endpoint written as a URL (`https://s3.amazonaws.com/<bucket>/…`, a path-
  // style request) is US East (N. Virginia)'s, as is `s3-external-1`: AWS's endpoint table lists
  // both under us-east-1, and the request lands there whatever region the bucket is in. The bare
  // host is left, being S3's service principal as often; a bucket's host on the global endpoint
  // (`<bucket>.s3.amazonaws.com`) is routed to the bucket's own region, which it does not name.
  if (
    (host === "s3.amazonaws.com" || host === "s3-external-1.amazonaws.com") &&
    /^[a-z][a-z0-9+.-]*:\/\//i.test(text.trim())
  ) {
    return { cloud: "aws", region: "us-east-1" };
  }
  // SQS's legacy queue hosts: `<region>.queue.amazonaws.com[.cn]`, and `queue.amazonaws.com`,
  // US East (N. Virginia)'s.
  if (host === "queue.amazonaws.com") {
    return { cloud: "aws", region: "us-east-1" };
  }
  const legacyQueue = /^([a-z0-9-]+)\.queue\.amazonaws\.com(?:\.cn)?$/.exec(host);
  if (legacyQueue && isAwsRegionShaped(legacyQueue[1])) {
    return { cloud: "aws", region: legacyQueue[1] };
  }
  // A Lambda function URL (`<url-id>.lambda-url.<region>.on.aws`) is one of them.
  if (awsPartitionOfHost(host) !== undefined) {
    // AWS spells the region after the name its user chose (a bucket, a database, a load
    // balancer: `eu-west-1.s3.amazonaws.com` is the bucket "eu-west-1" on the global endpoint),
    // as a label of its own or after S3's legacy dash (`s3-eu-west-1`, `s3-website-eu-west-1`).
    // The chosen name may hold dots, so the region is the label nearest AWS's own suffix.
    const region = labels
      .slice(labels.length > 3 ? 1 : 0)
      .map((label) => label.replace(/^s3(?:-website)?-/, ""))
      .reverse()
      .find(isAwsRegionShaped);
    if (region !== undefined) {
      return { cloud: "aws", region };
    }
    // An EC2 instance's public DNS name in US East (N. Virginia), the one region whose names
    // carry no region (`ec2-<address>.compute-1.amazonaws.com`; elsewhere
    // `….<region>.compute.amazonaws.com`, read above).
    if (/(?:^|\.)compute-1\.amazonaws\.com$/.test(host)) {
      return { cloud: "aws", region: "us-east-1" };
    }
    // ElastiCache and MemoryDB spell the region as a short code before `cache`.
    const cache = /\.([a-z]+\d+)\.cache\.amazonaws\.com(?:\.cn)?$/.exec(host);
    const coded = cache === null ? undefined : cacheRegionCode(cache[1]);
    return coded !== undefined ? { cloud: "aws", region: coded } : undefined;
  }
  return undefined;
}

/**
 * The domains of AWS's endpoints, with their partition: the IPv4 ones, and the dual-stack ones
 * (`api.aws`, `on.aws` — `logs.eu-west-1.api.aws`, `<account>.dkr-ecr.eu-west-1.on.aws` — and the
 * China partition's `api.amazonwebservices.com.cn` and `on.amazonwebservices.com.cn`), found
 * unread by the AWS China bench.
 */
const awsEndpointDomains: ReadonlyArray<readonly [string, "aws" | "aws-cn"]> = [
  [".amazonaws.com", "aws"],
  [".amazonaws.com.cn", "aws-cn"],
  [".api.aws", "aws"],
  [".on.aws", "aws"],
  [".api.amazonwebservices.com.cn", "aws-cn"],
  [".on.amazonwebservices.com.cn", "aws-cn"],
];

/**
 * The AWS partition whose domain a host name is of (`aws` for `*.amazonaws.com`, `*.api.aws`,
 * `*.on.aws`; `aws-cn` for `*.amazonaws.com.cn` and `*.amazonwebservices.com.cn`), or undefined.
 * A host of a partition that names no region (S3's and STS's global endpoints,
 * `s3.amazonaws.com`, `sts.amazonaws.com`) lies in that partition, somewhere.
 */
export function awsPartitionOfHost(text: string): "aws" | "aws-cn" | undefined {
  const host = hostOf(text);
  return awsEndpointDomains.find(([domain]) => host.endsWith(domain))?.[1];
}

/**
 * Tracing Analysis (Managed Service for OpenTelemetry) collectors of the older regions, named by
 * a city code (`tracing-analysis-dc-<code>[-internal].aliyuncs.com`), as its documentation of
 * reporting endpoints lists them (help.aliyun.com/document_detail/413963.html). A code not listed
 * here names no region the pack can place.
 */
const tracingCities: Readonly<Record<string, string>> = {
  hz: "cn-hangzhou",
  sh: "cn-shanghai",
  qd: "cn-qingdao",
  bj: "cn-beijing",
  zb: "cn-zhangjiakou",
  sz: "cn-shenzhen",
  hk: "cn-hongkong",
  jp: "ap-northeast-1",
  sg: "ap-southeast-1",
};

/**
 * Alibaba Cloud endpoints whose host names no region, each served from one region: Model Studio
 * (DashScope), whose documentation gives dashscope.aliyuncs.com for the China (Beijing) region
 * and dashscope-intl.aliyuncs.com for Singapore.
 */
const regionlessEndpoints: Readonly<Record<string, string>> = {
  "dashscope.aliyuncs.com": "cn-beijing",
  "dashscope-intl.aliyuncs.com": "ap-southeast-1",
};

/**
 * The region of an AWS service name of a VPC endpoint (`com.amazonaws.us-west-2.s3`,
 * `cn.com.amazonaws.cn-north-1.s3`, `com.amazonaws.vpce.us-west-2.vpce-svc-…`), or undefined.
 */
export function regionOfServiceName(serviceName: string): string | undefined {
  return serviceName.split(".").find(isAwsRegionShaped);
}

/**
 * The region of an Alibaba Cloud PrivateLink endpoint service name
 * (`com.aliyuncs.privatelink.<region>.<service>`, `com.aliyuncs.privatelink.cn-hangzhou.oss`):
 * a label that is a region the catalog knows.
 */
export function regionOfAlicloudServiceName(serviceName: string): string | undefined {
  const known = knownAlicloudRegions();
  return serviceName.split(".").find((label) => known.includes(label));
}

/**
 * The region of an Express Connect access point (`ap-cn-hangzhou-yh-B` → `cn-hangzhou`; the
 * leading `ap-` means access point). Only regions the catalog knows are recognised, so an access
 * point abroad (`ap-sg-singpore-A`) or in Hong Kong yields undefined and cannot be placed.
 */
export function regionOfAccessPoint(accessPointId: string): string | undefined {
  return knownAlicloudRegions().find((r) => accessPointId.startsWith(`ap-${r}-`));
}

/**
 * How a value that names a place reads in a violation: the raw value, and where it lies —
 * `oss-cn-hongkong (outside CN)`, `cn-beijing (inside CN)`.
 */
export function describeNamedPlace(
  j: Jurisdiction,
  cloud: Cloud,
  raw: string,
  region: string,
): string {
  const place = describePlace(j, cloud, region);
  return raw === region ? place : `${raw}${place.slice(region.length)}`;
}

/** How a resource is named in messages and paths: one labeller for both models. */
export { kindName, resourceLabel } from "../policy/paths/describe";
