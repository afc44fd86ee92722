/**
 * The public-exposure rows of object storage, of the endpoints, load balancers, addresses and
 * sign-in settings judged by one property, and of the data services' IP whitelists, as they were before they moved to the exposure and
 * storage tables of the one model (policy/paths/types/exposure.ts, storage.ts), kept verbatim as
 * the oracle of test/paths/differential.test.ts: `legacyPublicExposure` is the policy as it was —
 * these rows, then every row still in policy/exposure.ts — and the view of the tables must report
 * exactly its messages. (The graph's side, the bucket ACL and public-access code of
 * policy/border/flows/storage.ts, is frozen in legacy-storage-flows.ts.)
 */
import { resourceLabel } from "../../residency/placement";
import { isAnywhere, reachOfAddress } from "../../policy/paths/addresses";
import {
  type EgressAllowEntry,
  type PolicyContext,
  residencyResourcePolicy,
} from "../../policy/framework";
import { exposureModels } from "../../policy/exposure";
import { legacyGrantExposure } from "./legacy-grants-flows";
import { isPublic, isPublicGrantee, publicAcls, statements } from "../../policy/paths/iam";
import { isTrue, jsonDocument, unknown, valueAt, valuesAt } from "../../policy/values";

interface Exposure {
  readonly path: string;
  readonly what: string;
}

interface ExposureModel {
  readonly type: string;
  readonly check: (props: Record<string, unknown>, ctx: PolicyContext) => Exposure[];
  readonly fix: string;
}

/** Values at a path that equal one of `bad` (case-insensitive). */
function valueIn(path: string, bad: readonly string[], what: string) {
  return (props: Record<string, unknown>): Exposure[] =>
    valuesAt(props, path)
      .filter((f) => f.value === unknown || bad.includes(String(f.value).toLowerCase()))
      .map((f) => ({
        path: f.path,
        what:
          f.value === unknown
            ? "is not known at preview, so whether it is public cannot be decided"
            : `is ${JSON.stringify(f.value)}: ${what}`,
      }));
}

/** A flag at a path that is set (true, or absent when `absentMeans` is true). */
function flagged(path: string, what: string, absentMeans = false) {
  return (props: Record<string, unknown>): Exposure[] => {
    const v = valueAt(props, path);
    if (v === unknown) {
      return [{ path, what: "is not known at preview, so whether it is public cannot be decided" }];
    }
    const on = v === undefined ? absentMeans : isTrue(v);
    return on
      ? [
          {
            path,
            what: `${v === undefined ? "is not set (defaults to public)" : "is set"}: ${what}`,
          },
        ]
      : [];
  };
}

/** The resource exists only to expose something: its presence is the exposure. */
function always(path: string, what: string) {
  return (): Exposure[] => [{ path, what }];
}

/**
 * Public unless the value at `path` is one of `privateValues` (case-insensitive); absent means
 * the service's default, `absentIs`, which is public.
 */
function publicUnless(
  path: string,
  privateValues: readonly string[],
  absentIs: string,
  what: string,
) {
  return (props: Record<string, unknown>): Exposure[] => {
    const v = valueAt(props, path);
    if (v === unknown) {
      return [{ path, what: "is not known at preview, so whether it is public cannot be decided" }];
    }
    if (v !== undefined && privateValues.includes(String(v).toLowerCase())) {
      return [];
    }
    return [
      {
        path,
        what: `${v === undefined ? `is not set (defaults to ${absentIs})` : `is ${JSON.stringify(v)}`}: ${what}`,
      },
    ];
  };
}

const endpointFix = "Keep the service on private endpoints inside the VPC.";

/** Ingress sources that are neither private nor allowlisted. */
function openSources(paths: readonly string[], when?: (holder: unknown) => boolean) {
  return (props: Record<string, unknown>, ctx: PolicyContext): Exposure[] =>
    paths.flatMap((path) =>
      valuesAt(props, path)
        .filter((f) => !when || when(f.holder))
        .flatMap((f) => openSource(f.path, f.value, ctx.settings.egressAllowlist)),
    );
}

function openSource(
  path: string,
  value: unknown,
  allowlist: readonly EgressAllowEntry[],
): Exposure[] {
  if (value === unknown) {
    return [
      {
        path,
        what: "is not known at preview, so whether it admits the internet cannot be decided",
      },
    ];
  }
  return String(value)
    .split(",")
    .map((c) => c.trim())
    .filter((c) => c !== "")
    .filter((c) => reachOfAddress(c, allowlist).kind === "internet")
    .map((c) => ({
      path,
      what: isAnywhere(c)
        ? `admits ${c}: every address on the internet`
        : `admits ${c}, a public range that is not in the allowlist`,
    }));
}

/** `securityIps[]`, `dbInstanceIpArrays[].securityIps` → `securityIps`, `dbInstanceIpArrays.securityIps`. */
function fieldNames(paths: readonly string[]): string {
  return paths.map((p) => p.replace(/\[\]/g, "")).join(" and ");
}

/**
 * A data service's IP whitelist — who may connect to the instance: every source in it that is
 * neither private nor allowlisted reaches the data from the internet. `applies` keeps to the
 * whitelists that admit anyone (an ACL that allows rather than denies, a Kafka whitelist of the
 * internet port rather than the VPC one); one it cannot decide is judged.
 */
function whitelisted(
  type: string,
  paths: readonly string[],
  opts: {
    readonly applies?: (props: Record<string, unknown>) => boolean;
    /** Keeps to the entries that admit (a pg_hba line whose method is not `reject`). */
    readonly entry?: (holder: unknown) => boolean;
  } = {},
): ExposureModel {
  const sources = openSources(paths, opts.entry);
  return {
    type,
    check: (props, ctx) => (!opts.applies || opts.applies(props) ? sources(props, ctx) : []),
    fix: `Whitelist only private ranges (the VPC) or allowlisted sources in ${fieldNames(paths)}.`,
  };
}

/** Whether the value at `path` is not `value` (case-insensitive); unknown or absent is judged. */
function isNot(path: string, value: string) {
  return (holder: unknown): boolean => {
    const v = valueAt(holder, path);
    return v === unknown || v === undefined || String(v).toLowerCase() !== value;
  };
}

function policyAt(path: string) {
  return (props: Record<string, unknown>): Exposure[] => {
    const raw = valueAt(props, path);
    if (raw === undefined) {
      return [];
    }
    const doc = jsonDocument(raw);
    if (raw === unknown || doc === unknown) {
      return [{ path, what: "is not known at preview, so whether it is public cannot be decided" }];
    }
    return statements(doc)
      .filter(isPublic)
      .map((s) => ({
        path: `${path}.Statement[${s.index}]`,
        what: 'allows Principal "*" and no condition limits it to named networks, addresses, accounts or organisations: anyone on the internet can use it',
      }));
  };
}

function grantsTo(path: string) {
  return (props: Record<string, unknown>): Exposure[] =>
    valuesAt(props, path)
      .filter((f) => isPublicGrantee(f.value))
      .map((f) => ({ path: f.path, what: `grants access to ${String(f.value)}` }));
}

function all(...checks: Array<(p: Record<string, unknown>, c: PolicyContext) => Exposure[]>) {
  return (p: Record<string, unknown>, c: PolicyContext) => checks.flatMap((ch) => ch(p, c));
}

/**
 * A Transfer Family server with a `PUBLIC` endpoint (the default) answers on the internet; so
 * does a `VPC` endpoint given Elastic IPs (`addressAllocationIds`, an internet-facing endpoint).
 */
function transferEndpoint(props: Record<string, unknown>): Exposure[] {
  const typeOf = publicUnless(
    "endpointType",
    ["vpc", "vpc_endpoint"],
    "PUBLIC",
    "the server's SFTP, FTPS or FTP endpoint answers on the internet",
  )(props);
  if (typeOf.length > 0) {
    return typeOf;
  }
  return valuesAt(props, "endpointDetails.addressAllocationIds[]").map((f) => ({
    path: f.path,
    what:
      f.value === unknown
        ? "is not known at preview, so whether it is public cannot be decided"
        : `is ${JSON.stringify(f.value)}: an Elastic IP makes the VPC endpoint internet-facing`,
  }));
}

export const legacyExposureModels: readonly ExposureModel[] = [
  {
    type: "alicloud:oss/bucket:Bucket",
    check: all(
      valueIn(
        "acl",
        ["public-read", "public-read-write"],
        "every object is readable from the internet",
      ),
      policyAt("policy"),
    ),
    fix: 'Set acl to "private" and remove statements that allow everyone.',
  },
  {
    type: "alicloud:oss/bucketAcl:BucketAcl",
    check: valueIn(
      "acl",
      ["public-read", "public-read-write"],
      "every object is readable from the internet",
    ),
    fix: 'Set acl to "private".',
  },
  {
    type: "alicloud:oss/bucketPolicy:BucketPolicy",
    check: policyAt("policy"),
    fix: 'Allow only principals of this account, or bind "*" to the VPC with acs:SourceVpc.',
  },
  {
    type: "aws:s3/bucket:Bucket",
    check: all(
      valueIn("acl", publicAcls, "objects are readable by anyone"),
      grantsTo("grants[].uri"),
      policyAt("policy"),
    ),
    fix: 'Keep acl "private", grant nothing to AllUsers/AuthenticatedUsers, and allow "*" only under a condition that names the stack\'s VPC endpoint or account (aws:SourceVpce, aws:SourceAccount).',
  },
  {
    type: "aws:s3/bucketV2:BucketV2",
    check: all(
      valueIn("acl", publicAcls, "objects are readable by anyone"),
      grantsTo("grants[].uri"),
      policyAt("policy"),
    ),
    fix: 'Keep acl "private", grant nothing to AllUsers/AuthenticatedUsers, and allow "*" only under a condition that names the stack\'s VPC endpoint or account (aws:SourceVpce, aws:SourceAccount).',
  },
  {
    type: "aws:s3/bucketAcl:BucketAcl",
    check: all(
      valueIn("acl", publicAcls, "objects are readable by anyone"),
      grantsTo("accessControlPolicy.grants[].grantee.uri"),
    ),
    fix: 'Set acl to "private" and grant nothing to AllUsers or AuthenticatedUsers.',
  },
  {
    type: "aws:s3/bucketPolicy:BucketPolicy",
    check: policyAt("policy"),
    fix: "Allow only principals of this account, or bind the statement to the VPC endpoint (aws:SourceVpce).",
  },
  {
    type: "aws:s3/accessPoint:AccessPoint",
    // Without a VPC configuration the access point answers from the internet, so a policy
    // that allows everyone opens the bucket behind it.
    check: (props) =>
      valueAt(props, "vpcConfiguration") === undefined ? policyAt("policy")(props) : [],
    fix: "Give the access point a vpcConfiguration.",
  },
  // The endpoints, load balancers, addresses and sign-in settings.
  {
    type: "aws:redshift/cluster:Cluster",
    check: flagged("publiclyAccessible", "the cluster has an internet endpoint"),
    fix: "Set publiclyAccessible to false.",
  },
  {
    type: "aws:rds/clusterInstance:ClusterInstance",
    check: flagged("publiclyAccessible", "the database instance has an internet endpoint"),
    fix: "Set publiclyAccessible to false.",
  },
  {
    type: "aws:neptune/clusterInstance:ClusterInstance",
    check: flagged("publiclyAccessible", "the graph database instance has an internet endpoint"),
    fix: "Set publiclyAccessible to false.",
  },
  {
    type: "aws:redshiftserverless/workgroup:Workgroup",
    check: flagged("publiclyAccessible", "the workgroup has an internet endpoint"),
    fix: "Set publiclyAccessible to false.",
  },
  {
    type: "aws:mq/broker:Broker",
    check: flagged(
      "publiclyAccessible",
      "the broker accepts connections from outside its VPC, from the internet",
    ),
    fix: "Set publiclyAccessible to false.",
  },
  {
    type: "aws:apprunner/service:Service",
    check: flagged(
      "networkConfiguration.ingressConfiguration.isPubliclyAccessible",
      "the service has a public URL that anyone on the internet can call",
      true,
    ),
    fix: "Set networkConfiguration.ingressConfiguration.isPubliclyAccessible to false and reach the service through a VPC interface endpoint.",
  },
  {
    type: "aws:appsync/graphQLApi:GraphQLApi",
    check: publicUnless(
      "visibility",
      ["private"],
      "GLOBAL",
      "the API has an endpoint on the internet that reads and writes its data sources",
    ),
    fix: 'Set visibility to "PRIVATE" and reach the API through a VPC interface endpoint.',
  },
  {
    type: "aws:apigatewayv2/route:Route",
    check: publicUnless(
      "authorizationType",
      ["aws_iam", "jwt", "custom"],
      "NONE",
      "anyone on the internet can call the route's integration",
    ),
    fix: 'Set authorizationType to "AWS_IAM", "JWT" or "CUSTOM".',
  },
  {
    type: "aws:cognito/identityPool:IdentityPool",
    check: flagged(
      "allowUnauthenticatedIdentities",
      "anyone on the internet can get AWS credentials for the pool's unauthenticated role",
    ),
    fix: "Set allowUnauthenticatedIdentities to false.",
  },
  {
    type: "aws:dms/replicationInstance:ReplicationInstance",
    check: flagged("publiclyAccessible", "the replication instance has a public IP", true),
    fix: "Set publiclyAccessible to false.",
  },
  {
    // The profile places the instances DMS runs for schema conversion and Fleet Advisor.
    type: "aws:dms/instanceProfile:InstanceProfile",
    check: flagged(
      "publiclyAccessible",
      "the instances run with the profile get a public IP",
      true,
    ),
    fix: "Set publiclyAccessible to false and give the profile a subnet group of the stack.",
  },
  {
    type: "alicloud:cassandra/dataCenter:DataCenter",
    check: flagged("enablePublic", "the data centre gets a public endpoint on the internet"),
    fix: "Set enablePublic to false.",
  },
  {
    type: "alicloud:lindorm/publicNetwork:PublicNetwork",
    check: valueIn(
      "enablePublicNetwork",
      ["1"],
      "the instance gets a public endpoint on the internet",
    ),
    fix: "Set enablePublicNetwork to 0.",
  },
  {
    type: "alicloud:rds/dbInstanceEndpointAddress:DbInstanceEndpointAddress",
    check: always("connectionStringPrefix", "names a public connection address on the internet"),
    fix: endpointFix,
  },
  {
    type: "alicloud:rds/dbProxyPublic:DbProxyPublic",
    check: publicUnless(
      "dbProxyConnectionStringNetType",
      ["vpc", "inner", "intranet"],
      "Public",
      "the database proxy gets a connection address on the internet",
    ),
    fix: endpointFix,
  },
  {
    type: "alicloud:polardb/applicationEndpoint:ApplicationEndpoint",
    check: valueIn("netType", ["public"], "the AI application gets an endpoint on the internet"),
    fix: endpointFix,
  },
  {
    // The MNS public endpoint admits 0.0.0.0/0 until message/serviceEndpointAcl rules narrow it.
    type: "alicloud:message/serviceEndpoint:ServiceEndpoint",
    check: flagged("endpointEnabled", "MNS answers on its public endpoint on the internet"),
    fix: "Set endpointEnabled to false and reach MNS through its VPC endpoint.",
  },
  {
    // An SMB ACL with anonymous access admits clients that present no identity to the file system.
    type: "alicloud:nas/smbAclAttachment:SmbAclAttachment",
    check: flagged(
      "enableAnonymousAccess",
      "any client that reaches the mount target reads and writes the file system without signing in",
    ),
    fix: "Set enableAnonymousAccess to false.",
  },
  {
    type: "alicloud:sae/loadBalancerInternet:LoadBalancerInternet",
    check: always("appId", "gets an internet-facing load balancer"),
    fix: "Remove it and reach the application through its intranet load balancer (sae/loadBalancerIntranet).",
  },
  {
    type: "alicloud:apigateway/api:Api",
    check: valueIn(
      "authType",
      ["anonymous"],
      "anyone on the internet can call the API and its backend",
    ),
    fix: 'Set authType to "APP".',
  },
  {
    type: "alicloud:fc/v3CustomDomain:V3CustomDomain",
    check: valueIn(
      "authConfig.authType",
      ["anonymous"],
      "anyone on the internet can call the functions behind the domain",
    ),
    fix: 'Set authConfig.authType to "function" or "jwt".',
  },
  {
    type: "alicloud:rds/connection:Connection",
    check: always("instanceId", "gets an internet connection string"),
    fix: endpointFix,
  },
  {
    type: "alicloud:kvstore/connection:Connection",
    check: always("instanceId", "gets an internet connection string"),
    fix: endpointFix,
  },
  {
    type: "alicloud:mongodb/publicNetworkAddress:PublicNetworkAddress",
    check: always("dbInstanceId", "gets a public network address"),
    fix: endpointFix,
  },
  {
    type: "alicloud:polardb/endpointAddress:EndpointAddress",
    check: valueIn("netType", ["public"], "the cluster gets an internet address"),
    fix: endpointFix,
  },
  {
    type: "alicloud:vpc/forwardEntry:ForwardEntry",
    check: always("externalIp", "forwards connections from the internet into the VPC (DNAT)"),
    fix: "Remove the DNAT entry; a sealed network accepts no connections from the internet.",
  },
  {
    type: "alicloud:alb/loadBalancer:LoadBalancer",
    check: valueIn("addressType", ["internet"], "the load balancer gets a public address"),
    fix: 'Set addressType to "Intranet".',
  },
  {
    type: "alicloud:nlb/loadBalancer:LoadBalancer",
    check: valueIn("addressType", ["internet"], "the load balancer gets a public address"),
    fix: 'Set addressType to "Intranet".',
  },
  {
    type: "aws:lambda/functionUrl:FunctionUrl",
    check: valueIn("authorizationType", ["none"], "anyone on the internet can call the function"),
    fix: 'Set authorizationType to "AWS_IAM", or remove the function URL.',
  },
  {
    type: "aws:lightsail/database:Database",
    check: flagged("publiclyAccessible", "the database has an internet endpoint"),
    fix: "Set publiclyAccessible to false.",
  },
  {
    // Every container service answers on <name>.<id>.<region>.cs.amazonlightsail.com: no shape
    // of this type passes.
    type: "aws:lightsail/containerService:ContainerService",
    check: always(
      "name",
      "is served on the public HTTPS endpoint Lightsail gives every container service (<name>.<id>.<region>.cs.amazonlightsail.com), which no setting closes",
    ),
    fix: "Run the containers on ECS or EKS in private subnets of the stack's VPC instead.",
  },
  {
    type: "aws:m2/environment:Environment",
    check: flagged(
      "publiclyAccessible",
      "the mainframe runtime environment has an internet endpoint",
    ),
    fix: "Set publiclyAccessible to false.",
  },
  {
    type: "aws:neptunegraph/graph:Graph",
    check: flagged("publicConnectivity", "the graph has an endpoint on the internet"),
    fix: "Set publicConnectivity to false and reach the graph through a private endpoint.",
  },
  {
    type: "aws:rds/shardGroup:ShardGroup",
    check: flagged(
      "publiclyAccessible",
      "the shard group's endpoint is reachable from the internet",
    ),
    fix: "Set publiclyAccessible to false.",
  },
  // IP whitelists of data services (instances, whitelist groups and templates, ACLs): who may
  // connect. Comma-separated lists are split; `127.0.0.1`, the services' "no one", is private.
  whitelisted("alicloud:rds/readOnlyInstance:ReadOnlyInstance", ["securityIps[]"]),
  whitelisted("alicloud:rds/whitelistTemplate:WhitelistTemplate", ["ipWhiteList"]),
  whitelisted("alicloud:redis/globalSecurityIpGroup:GlobalSecurityIpGroup", ["globalIpList"]),
  whitelisted("alicloud:polardb/globalSecurityIpGroup:GlobalSecurityIpGroup", ["globalIpList"]),
  whitelisted("alicloud:polardb/application:Application", ["securityIpLists[]"]),
  whitelisted("alicloud:adb/cluster:Cluster", ["securityIps[]"]),
  whitelisted("alicloud:adb/dBCluster:DBCluster", ["securityIps[]"]),
  whitelisted("alicloud:adb/dBClusterLakeVersion:DBClusterLakeVersion", ["securityIps"]),
  whitelisted("alicloud:gpdb/instance:Instance", [
    "securityIpLists[]",
    "ipWhitelists[].securityIpList",
  ]),
  whitelisted("alicloud:gpdb/elasticInstance:ElasticInstance", ["securityIpLists[]"]),
  whitelisted("alicloud:gpdb/dbInstanceIpArray:DbInstanceIpArray", ["securityIpLists[]"]),
  whitelisted("alicloud:gpdb/supabaseProject:SupabaseProject", ["securityIpLists[]"]),
  whitelisted("alicloud:clickhouseenterprisedbcluster/securityIp:SecurityIp", ["securityIpList"]),
  whitelisted("alicloud:graphdatabase/dbInstance:DbInstance", ["dbInstanceIpArrays[].securityIps"]),
  whitelisted("alicloud:hbase/instance:Instance", ["ipWhite"]),
  whitelisted("alicloud:lindorm/instance:Instance", ["ipWhiteLists[]"]),
  whitelisted("alicloud:lindorm/instanceV2:InstanceV2", ["whiteIpLists[].ipList"]),
  whitelisted("alicloud:mongodb/globalSecurityIpGroup:GlobalSecurityIpGroup", [
    "globalSecurityIpList",
  ]),
  whitelisted("alicloud:mongodb/serverlessInstance:ServerlessInstance", [
    "securityIpGroups[].securityIpList",
  ]),
  whitelisted("alicloud:mongodb/shardingInstance:ShardingInstance", [
    "securityIpLists[]",
    "securityIpGroups[].securityIpList",
  ]),
  whitelisted(
    "alicloud:alikafka/instanceAllowedIpAttachment:InstanceAllowedIpAttachment",
    ["allowedIp"],
    {
      applies: isNot("allowedType", "vpc"),
    },
  ),
  whitelisted("alicloud:rocketmq/acl:Acl", ["ipWhitelists[]"], {
    applies: isNot("decision", "deny"),
  }),
  whitelisted("alicloud:message/serviceEndpointAcl:ServiceEndpointAcl", ["cidr"]),
  whitelisted("alicloud:nas/accessRule:AccessRule", ["sourceCidrIp", "ipv6SourceCidrIp"]),
  whitelisted("alicloud:cr/endpointAclPolicy:EndpointAclPolicy", ["entry"]),
  // The public fields of types other tables hold (databases, keys, backups, storage, logs).
  {
    // An "S3 data access" asset lets every subscriber of the data set's product read the bucket
    // in place, from any account.
    type: "aws:dataexchange/revisionAssets:RevisionAssets",
    check: (props) =>
      valuesAt(props, "assets[].createS3DataAccessFromS3Bucket.assetSource.bucket").map((f) => ({
        path: f.path,
        what: "opens the bucket's objects to every subscriber of the data set, in any account",
      })),
    fix: "Publish copies of the data (importAssetsFromS3) only to subscribers reviewed inside the jurisdiction, or waive the finding for a product sold only there.",
  },
  ...[
    "aws:timestreaminfluxdb/dbInstance:DbInstance",
    "aws:timestreaminfluxdb/dbCluster:DbCluster",
  ].map((type): ExposureModel => ({
    type,
    check: flagged("publiclyAccessible", "the InfluxDB endpoint is reachable from the internet"),
    fix: "Set publiclyAccessible to false.",
  })),
  {
    // Public access needs authenticated clients (IAM, SCRAM or TLS): `unauthenticated` admits
    // only clients that reach the brokers inside the VPC, which the network rows judge.
    type: "aws:msk/cluster:Cluster",
    check: valueIn(
      "brokerNodeGroupInfo.connectivityInfo.publicAccess.type",
      ["service_provided_eips"],
      "the brokers get public IP addresses reachable from the internet",
    ),
    fix: 'Set brokerNodeGroupInfo.connectivityInfo.publicAccess.type to "DISABLED".',
  },
  {
    type: "aws:transfer/server:Server",
    check: transferEndpoint,
    fix: 'Set endpointType to "VPC" with private subnets and no addressAllocationIds.',
  },
  {
    type: "aws:s3/objectCopy:ObjectCopy",
    check: all(
      valueIn("acl", publicAcls, "the copied object is readable by anyone"),
      grantsTo("grants[].uri"),
    ),
    fix: 'Keep acl "private" and grant nothing to AllUsers or AuthenticatedUsers.',
  },
  {
    type: "aws:kms/key:Key",
    check: policyAt("policy"),
    fix: "Grant key use only to principals of this account (or bind it with kms:CallerAccount).",
  },
  {
    type: "aws:rds/instance:Instance",
    check: flagged("publiclyAccessible", "the database has an internet endpoint"),
    fix: "Set publiclyAccessible to false.",
  },
  whitelisted("alicloud:rds/instance:Instance", ["securityIps[]"]),
  whitelisted("alicloud:kvstore/instance:Instance", ["securityIps[]"]),
  whitelisted("alicloud:redis/tairInstance:TairInstance", ["securityIps"]),
  whitelisted("alicloud:polardb/cluster:Cluster", ["dbClusterIpArrays[].securityIps[]"]),
  {
    type: "aws:ec2/amiLaunchPermission:AmiLaunchPermission",
    check: valueIn("group", ["all"], "the AMI is public"),
    fix: "Share the AMI with no one.",
  },
  {
    type: "aws:imagebuilder/distributionConfiguration:DistributionConfiguration",
    check: valueIn(
      "distributions[].amiDistributionConfiguration.launchPermission.userGroups[]",
      ["all"],
      "the images are public",
    ),
    fix: "Remove the launch permission for all users.",
  },
  {
    type: "aws:rds/snapshotCopy:SnapshotCopy",
    check: valueIn("sharedAccounts[]", ["all"], "the snapshot is public"),
    fix: "Share the snapshot with no one.",
  },
  {
    type: "aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy",
    check: valueIn("sharedAccounts[]", ["all"], "the snapshot is public"),
    fix: "Share the snapshot with no one.",
  },
  {
    type: "aws:rds/snapshot:Snapshot",
    check: valueIn("sharedAccounts[]", ["all"], "the snapshot is public"),
    fix: "Share the snapshot with no one.",
  },
  {
    type: "aws:rds/clusterSnapshot:ClusterSnapshot",
    check: valueIn("sharedAccounts[]", ["all"], "the snapshot is public"),
    fix: "Share the snapshot with no one.",
  },
  // Rows of custom checks that became fields of their types' rows (the EMR cluster's exposure row,
  // the RDS AI instance's egress row).
  {
    type: "alicloud:emr/cluster:Cluster",
    check: flagged(
      "isOpenPublicIp",
      "the master node, which holds the cluster's data and services, gets a public IP",
    ),
    fix: "Set isOpenPublicIp to false and reach the master node from the VPC.",
  },
  {
    type: "alicloud:rds/aiInstance:AiInstance",
    check: flagged(
      "publicEndpointEnabled",
      "the instance gets a public connection address on the internet",
    ),
    fix: "Set publicEndpointEnabled to false.",
  },
];

/** public-exposure as it was: the frozen rows first, then every row policy/exposure.ts keeps. */
export const legacyPublicExposure = residencyResourcePolicy({
  name: "public-exposure",
  description:
    "Checks whether any resource makes the stack's data reachable from the internet: public ACLs and policies, ingress from any address, public database endpoints, internet-facing load balancers, public images and snapshots.",
  severity: "critical",
  remediationSteps:
    "Keep buckets private, bind policies to the VPC or account, admit only private or allowlisted sources, and keep databases and load balancers internal.",
  validate: (args, ctx) => {
    const model = [...legacyExposureModels, ...exposureModels, ...legacyGrantExposure].find(
      (m) => m.type === args.type,
    );
    if (!model) {
      return;
    }
    const label = resourceLabel(args.type, args.name);
    for (const e of model.check(args.props, ctx)) {
      ctx.report({
        message: `${label} must not be reachable from the internet, but ${e.path} ${e.what}. ${model.fix}`,
        path: ["the internet", label],
      });
    }
  },
});
