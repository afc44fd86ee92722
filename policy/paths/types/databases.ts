/**
 * Databases and caches: cross-region read replicas, global databases and caches, DynamoDB
 * global tables, multi-Region DSQL and Keyspaces, cross-cluster search and data sharing, and
 * clones or restores from another region (shared/research/data-paths.md §3 "Global database",
 * "Cache global replica", "DB cross-region restore"; §4 "DB cross-region replica", "Global
 * database", "Cache global replica", "DynamoDB global tables", "Multi-region DB", "Data sharing",
 * "Search replication").
 *
 * A member of a global cluster names the construct it joins and exchanges data with every other
 * member through it, so it is linked both ways to the construct, which must be a resource of this
 * program (`named-destinations`); a name of nothing in the stack fails closed. The stores' own
 * subnets and keys are structural edges of the graph. Replica edges are owned by
 * `database-replicas`.
 */
import { copiesTo, dataStore } from "./common";
import type { FieldSpec, TypeModel, TypeTable } from "../model";
import type { RefKindName } from "../resolver";
import {
  exposed,
  globalWhitelists,
  templatedWhitelistFix,
  whitelistFields,
  whitelistFix,
  withExposure,
} from "./exposure";
import { hostOf } from "../../../residency/placement";
import { kindIs } from "./log-readers";
import { valueAt } from "../values";
import { edgesOf, inbound, withPolicyFields } from "./rows";

const replica = edgesOf("database-replicas", "replication");
const restore = edgesOf("database-replicas", "backup copy");
const foreign = edgesOf("remote-sites", "attachment");

/**
 * PostgreSQL's foreign-data wrappers the pack reads: those that reach a server by the options
 * read above (postgres_fdw, mysql_fdw, tds_fdw, oracle_fdw, mongo_fdw, redis_fdw) and those that
 * only read files of the database server itself (file_fdw, sqlite_fdw, log_fdw).
 */
const knownWrappers = [
  "postgres_fdw",
  "mysql_fdw",
  "tds_fdw",
  "oracle_fdw",
  "mongo_fdw",
  "redis_fdw",
  "file_fdw",
  "sqlite_fdw",
  "log_fdw",
];

/** A connection's host that is the database server itself: its socket or loopback address. */
function isLocalHost(value: unknown): boolean {
  return (
    typeof value === "string" && ["localhost", "127.0.0.1", "::1", "[::1]"].includes(hostOf(value))
  );
}

const replicaFix =
  "Keep every replica, member and source in regions inside the jurisdiction, or remove the replication.";

/** A store, its replica fields, and its subnets and keys (structural edges of the graph). */
function store(
  fields: readonly FieldSpec[],
  structure: Parameters<typeof dataStore>[0] = {},
  fix = replicaFix,
): TypeModel {
  const flows = dataStore(structure).flows;
  return { role: "data", fields, ...(flows ? { edges: flows } : {}), fix };
}

/**
 * The bucket a new database, table or cache is loaded from (a backup, an export, a Redis dump by
 * its object's ARN): named by its name, it lies where the program's bucket of that name lies;
 * another cannot be placed.
 */
const importsFrom = (path: string) =>
  restore.ref(path, "loads its data from", {
    ...inbound,
    ref: "s3-bucket",
    // The row's fix speaks of replicas and sources of replication.
    fix: "Load it only from a bucket this program creates in a region inside the jurisdiction, or leave the import out.",
  });

/**
 * A cache's slow and engine logs delivered to a Firehose stream by name (a log group's name lies
 * in the cache's own region and account, where its logs stay): one of the program is judged where
 * it delivers; one the program does not create, which may forward to any account, region or
 * HTTP endpoint, cannot be placed and fails closed (named-destinations).
 */
const engineLogs = (model: TypeModel): TypeModel =>
  withPolicyFields(
    model,
    "log-shipping",
    "Deliver the cache's logs to a CloudWatch log group, or to a Firehose stream of this program that delivers inside the jurisdiction.",
    edgesOf("log-shipping", "log delivery").ref(
      "logDeliveryConfigurations[].destination",
      "delivers its logs to",
      {
        ref: "log-sink",
        where: kindIs("destinationType", (kind) => kind.toLowerCase() === "kinesis-firehose"),
      },
    ),
  );

/** `path` names the global construct the store joins; data flows both ways through it. */
const joins = (path: string, ref: RefKindName, verb: string) =>
  replica.ref(path, verb, { ref, both: true, noun: path });

/**
 * The replica reads from a source database, of the stack or abroad; across a border both
 * directions are a transfer, so the graph links them both ways.
 */
const sourceDb = (path: string, verb: string, ref?: RefKindName) =>
  replica.arnOrId(path, verb, { ...inbound, both: true, ...(ref ? { ref } : {}) });

/** A global construct the pack judges by its members only; the graph links it to its primary. */
function construct(primary?: { field: string; types: readonly string[] }): TypeModel {
  const spec = primary && {
    regions: [primary.field],
    format: "arn-or-id" as const,
    named: primary.types,
  };
  const flows = spec && copiesTo("replication", spec).flows;
  return { role: "data", ...(flows ? { edges: flows } : {}), fix: replicaFix };
}

/**
 * An instance joined to a self-managed Active Directory: its users sign in at the domain
 * controllers the DNS servers `domainDnsIps` resolve (remote-sites), which must be private
 * addresses of the stack's networks or allowlisted ones.
 */
function withDirectory(model: TypeModel): TypeModel {
  return withPolicyFields(
    model,
    "remote-sites",
    "Join only a directory whose DNS servers are private addresses of the stack's networks, or allowlisted addresses inside the jurisdiction.",
    edgesOf("remote-sites", "attachment").ip(
      "domainDnsIps[]",
      "signs its users in at the directory whose DNS servers are",
    ),
  );
}

/** A store whose IP whitelists at `paths` say who may connect (public-exposure). */
const whitelisted = (model: TypeModel, ...paths: string[]) =>
  withExposure(model, whitelistFix(paths), ...whitelistFields(paths));

/** A store whose whitelists at `paths` and global templates at `templates` say who may connect. */
const templated = (model: TypeModel, templates: string, ...paths: string[]) =>
  withExposure(
    model,
    templatedWhitelistFix(paths),
    ...whitelistFields(paths),
    globalWhitelists(templates),
  );

const witness = (path: string) => replica.region(path, "keeps its witness in");
const subnets = { subnets: ["vswitchId"] };

/** A Tair (Redis) instance, which may join a global distributed cache, whitelisted at `ips`. */
const tair = (ips: string) =>
  whitelisted(
    store(
      [joins("globalInstanceId", "tair-global-instance", "joins the global distributed cache")],
      subnets,
    ),
    ips,
  );

export const databases: TypeTable = {
  "alicloud:rds/instance:Instance": whitelisted(
    store([], { ...subnets, keys: ["encryptionKey"] }),
    "securityIps[]",
  ),
  "alicloud:mongodb/instance:Instance": templated(
    store([], subnets),
    "globalSecurityGroupLists[]",
    "securityIpLists[]",
    "securityIpGroups[].securityIpList",
  ),
  "alicloud:polardb/cluster:Cluster": templated(
    store(
      [
        joins("gdnId", "polardb-gdn", "joins the global database"),
        replica.ref("sourceResourceId", "clones or migrates data from", {
          ...inbound,
          ref: "db-source",
        }),
      ],
      subnets,
    ),
    "globalSecurityGroupLists[]",
    "securityIps[]",
    "dbClusterIpArrays[].securityIps[]",
  ),
  "alicloud:kvstore/instance:Instance": tair("securityIps[]"),
  "alicloud:redis/tairInstance:TairInstance": tair("securityIps"),
  // The local instance reads the tables of the AnalyticDB instance `remoteDbInstanceId` names,
  // which must be an instance of this program placed inside the jurisdiction.
  "alicloud:gpdb/remoteAdbDataSource:RemoteAdbDataSource": store(
    [
      replica.ref("remoteDbInstanceId", "reads the tables of", {
        ...inbound,
        ref: "gpdb-instance",
      }),
    ],
    {},
    "Read only AnalyticDB instances of this program in regions inside the jurisdiction, or remove the data source.",
  ),
  "alicloud:rds/ddrInstance:DdrInstance": whitelisted(
    store(
      [restore.region("sourceRegion", "restores a backup from", inbound)],
      {},
      "Restore only from backups in regions inside the jurisdiction.",
    ),
    "securityIps[]",
  ),
  "alicloud:polardb/globalDatabaseNetwork:GlobalDatabaseNetwork": construct({
    field: "dbClusterId",
    types: ["alicloud:polardb/cluster:Cluster"],
  }),
  "aws:rds/instance:Instance": withDirectory(
    withExposure(
      store(
        [
          sourceDb("replicateSourceDb", "makes this a read replica of", "aws-db-source"),
          importsFrom("s3Import.bucketName"),
        ],
        { keys: ["kmsKeyId"] },
      ),
      "Set publiclyAccessible to false.",
      exposed(
        "publiclyAccessible",
        { flag: { absentMeans: false } },
        "the database has an internet endpoint",
      ),
    ),
  ),
  "aws:rds/cluster:Cluster": store(
    [
      sourceDb("replicationSourceIdentifier", "makes this a read replica of", "aws-db-source"),
      replica.region("sourceRegion", "replicates from", inbound),
      joins("globalClusterIdentifier", "rds-global-cluster", "joins the global database"),
      importsFrom("s3Import.bucketName"),
    ],
    { keys: ["kmsKeyId"] },
  ),
  "aws:rds/globalCluster:GlobalCluster": store([
    sourceDb("sourceDbClusterIdentifier", "takes its primary from", "aws-db-source"),
  ]),
  "aws:docdb/globalCluster:GlobalCluster": store([
    sourceDb("sourceDbClusterIdentifier", "takes its primary from", "docdb-cluster"),
  ]),
  "aws:docdb/cluster:Cluster": store([
    joins("globalClusterIdentifier", "docdb-global-cluster", "joins the global cluster"),
  ]),
  "aws:neptune/globalCluster:GlobalCluster": store([
    sourceDb("sourceDbClusterIdentifier", "takes its primary from", "neptune-cluster"),
  ]),
  "aws:neptune/cluster:Cluster": store([
    joins("globalClusterIdentifier", "neptune-global-cluster", "joins the global cluster"),
    sourceDb("replicationSourceIdentifier", "makes this a read replica of"),
  ]),
  "aws:elasticache/replicationGroup:ReplicationGroup": engineLogs(
    store([
      joins("globalReplicationGroupId", "elasticache-global-group", "joins the global datastore"),
      importsFrom("snapshotArns[]"),
    ]),
  ),
  "aws:elasticache/cluster:Cluster": engineLogs(store([importsFrom("snapshotArns")])),
  "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup": construct({
    field: "primaryReplicationGroupId",
    types: ["aws:elasticache/replicationGroup:ReplicationGroup"],
  }),
  "aws:memorydb/cluster:Cluster": store([
    joins(
      "multiRegionClusterName",
      "memorydb-multi-region-cluster",
      "joins the multi-Region cluster",
    ),
    importsFrom("snapshotArns[]"),
  ]),
  "aws:memorydb/multiRegionCluster:MultiRegionCluster": construct(),
  "aws:dynamodb/table:Table": store(
    [
      replica.region("replicas[].regionName", "keeps a writable replica in"),
      witness("globalTableWitness.regionName"),
      importsFrom("importTable.s3BucketSource.bucket"),
    ],
    { keys: ["serverSideEncryption.kmsKeyArn"] },
  ),
  "aws:dynamodb/tableReplica:TableReplica": store([
    // The replicas of a global table take each other's writes: a write to this replica is
    // replicated to the table it joins, and back.
    replica.arn("globalTableArn", "joins, and replicates its writes to, the global table", {
      both: true,
    }),
  ]),
  "aws:dynamodb/globalTable:GlobalTable": store([
    replica.region("replicas[].regionName", "keeps a replica in"),
  ]),
  "aws:dsql/cluster:Cluster": store([
    witness("multiRegionProperties.witnessRegion"),
    replica.arn("multiRegionProperties.clusters[]", "peers with"),
  ]),
  "aws:dsql/clusterPeering:ClusterPeering": store([
    witness("witnessRegion"),
    replica.arn("clusters[]", "peers with"),
  ]),
  "aws:keyspaces/keyspace:Keyspace": store([
    replica.region("replicationSpecification.regionLists[]", "replicates the keyspace to"),
  ]),
  // An outbound connection lets the program's domain search the remote domain, and replicate its
  // leader indexes: the remote's documents come in, and the queries go out to it; nothing of the
  // local domain becomes the remote's (found by the sharing bench: drawn outward, and another
  // account's domain inside was mandatory while every grant to it is advisory).
  "aws:opensearch/outboundConnection:OutboundConnection": withPolicyFields(
    store(
      [
        replica.region(
          "remoteDomainInfo.region",
          "searches and replicates the indexes of a domain in",
          inbound,
        ),
      ],
      {},
      "Connect only to domains in regions inside the jurisdiction, or remove the connection.",
    ),
    "cross-account-links",
    "Connect only to domains of this stack's own account, or review the other account's and keep the finding advisory.",
    edgesOf("cross-account-links", "attachment").account(
      "remoteDomainInfo.ownerId",
      "searches and replicates the indexes of a domain of",
      { ...inbound, drawnByRow: true },
    ),
  ),
  // Accepting a connection lets the domain that requested it (the outbound connection's local
  // domain) search this domain's data: a connection the program requests is judged by its own
  // row; one requested elsewhere, named only by its ID, cannot be placed.
  "aws:opensearch/inboundConnectionAccepter:InboundConnectionAccepter": store(
    [
      replica.ref("connectionId", "opens the domain's data to the requester of", {
        ref: "opensearch-outbound-connection",
      }),
    ],
    {},
    "Accept only connections this program requests from domains in regions inside the jurisdiction.",
  ),
  "aws:redshift/dataShareConsumerAssociation:DataShareConsumerAssociation": store(
    [
      replica.region("consumerRegion", "shares data with consumers in"),
      replica.arn("consumerArn", "shares data with"),
      replica.flag("associateEntireAccount", "shares data with", {
        values: [true],
        farSide: "every consumer of the account, in any region",
      }),
    ],
    {},
    "Share only with consumers in regions inside the jurisdiction.",
  ),
  // A PostgreSQL server's own objects live on it (the provider's host, judged by
  // resource-placement); two of them reach another server. A subscription streams the tables of
  // the publisher its connection string names into this one (libpq's `host=… dbname=…` or a
  // `postgresql://` URL; one naming no host is this server's own socket). A foreign server lets
  // queries read and write the tables of the server its options name, whichever wrapper reaches
  // it; a wrapper the pack does not know cannot be placed.
  "postgresql:index/subscription:Subscription": store(
    [
      replica.url("conninfo", "replicates tables from", {
        ...inbound,
        both: true,
        where: (_, at) => !isLocalHost(valueAt(at.props, at.path)),
      }),
    ],
    {},
    "Subscribe only to publishers on servers inside the jurisdiction: private addresses of the stack's networks, allowlisted addresses, or a cloud database endpoint in a region inside it.",
  ),
  "postgresql:index/server:Server": store(
    [
      ...["host", "hostaddr", "servername", "dbserver", "address"].map((key) =>
        foreign.url(`options.${key}`, "reads and writes the tables of", {
          both: true,
          where: (_, at) => !isLocalHost(valueAt(at.props, at.path)),
        }),
      ),
      foreign.flag("fdwName", "reaches, through a foreign-data wrapper the pack does not read,", {
        where: (holder) => !knownWrappers.includes(String(valueAt(holder, "fdwName"))),
        opensWhenSet: true,
        farSide: "the servers its options name",
      }),
    ],
    {},
    "Name in a foreign server's options only servers inside the jurisdiction (private addresses of the stack's networks, allowlisted addresses, a cloud database endpoint in a region inside it), through a wrapper the pack reads.",
  ),
};
