/**
 * Databases and caches: cross-region read replicas, global databases and caches, DynamoDB
 * global tables, multi-Region DSQL and Keyspaces, cross-cluster search and data sharing, and
 * clones or restores from another region (shared/research/data-paths.md §3 "Global database",
 * "Cache global replica", "DB cross-region restore"; §4 "DB cross-region replica", "Global
 * database", "Cache global replica", "DynamoDB global tables", "Multi-region DB", "Data sharing",
 * "Search replication").
 *
 * Global constructs are checked by membership: a member names its global cluster, which must be
 * a resource of this program (resolved by `named-destinations`); every member's own region is
 * checked by `resource-placement`. A global cluster in another stack cannot be seen and fails
 * closed. The border analysis reads the same name fields (border/flows/copies.ts) and links every
 * member to the others through the global construct.
 */
import { type FlowModel, flowPolicy } from "./flows";

const replicaFix =
  "Keep every replica, member and source in regions inside the jurisdiction, or remove the replication.";

export const databaseFlows: readonly FlowModel[] = [
  {
    type: "aws:rds/instance:Instance",
    fields: [
      {
        path: "replicateSourceDb",
        format: "arn-or-id",
        inbound: true,
        verb: "makes this a read replica of",
      },
    ],
    fix: replicaFix,
  },
  {
    type: "aws:rds/cluster:Cluster",
    fields: [
      {
        path: "replicationSourceIdentifier",
        format: "arn-or-id",
        inbound: true,
        verb: "makes this a read replica of",
      },
      { path: "sourceRegion", format: "region", inbound: true, verb: "replicates from" },
      {
        path: "globalClusterIdentifier",
        format: "ref",
        ref: "rds-global-cluster",
        verb: "joins the global database",
      },
    ],
    fix: replicaFix,
  },
  {
    type: "aws:rds/globalCluster:GlobalCluster",
    fields: [
      {
        path: "sourceDbClusterIdentifier",
        format: "arn-or-id",
        inbound: true,
        verb: "takes its primary from",
      },
    ],
    fix: replicaFix,
  },
  {
    type: "aws:docdb/globalCluster:GlobalCluster",
    fields: [
      {
        path: "sourceDbClusterIdentifier",
        format: "arn-or-id",
        inbound: true,
        verb: "takes its primary from",
      },
    ],
    fix: replicaFix,
  },
  {
    type: "aws:docdb/cluster:Cluster",
    fields: [
      {
        path: "globalClusterIdentifier",
        format: "ref",
        ref: "docdb-global-cluster",
        verb: "joins the global cluster",
      },
    ],
    fix: replicaFix,
  },
  {
    type: "aws:neptune/globalCluster:GlobalCluster",
    fields: [
      {
        path: "sourceDbClusterIdentifier",
        format: "arn-or-id",
        inbound: true,
        verb: "takes its primary from",
      },
    ],
    fix: replicaFix,
  },
  {
    type: "aws:neptune/cluster:Cluster",
    fields: [
      {
        path: "globalClusterIdentifier",
        format: "ref",
        ref: "neptune-global-cluster",
        verb: "joins the global cluster",
      },
      {
        path: "replicationSourceIdentifier",
        format: "arn-or-id",
        inbound: true,
        verb: "makes this a read replica of",
      },
    ],
    fix: replicaFix,
  },
  {
    type: "aws:elasticache/replicationGroup:ReplicationGroup",
    fields: [
      {
        path: "globalReplicationGroupId",
        format: "ref",
        ref: "elasticache-global-group",
        verb: "joins the global datastore",
      },
    ],
    fix: replicaFix,
  },
  {
    type: "aws:memorydb/cluster:Cluster",
    fields: [
      {
        path: "multiRegionClusterName",
        format: "ref",
        ref: "memorydb-multi-region-cluster",
        verb: "joins the multi-Region cluster",
      },
    ],
    fix: replicaFix,
  },
  {
    type: "aws:dynamodb/table:Table",
    fields: [
      { path: "replicas[].regionName", format: "region", verb: "keeps a writable replica in" },
      { path: "globalTableWitness.regionName", format: "region", verb: "keeps its witness in" },
    ],
    fix: replicaFix,
  },
  {
    type: "aws:dynamodb/tableReplica:TableReplica",
    fields: [
      { path: "globalTableArn", format: "arn", inbound: true, verb: "replicates the table of" },
    ],
    fix: replicaFix,
  },
  {
    type: "aws:dynamodb/globalTable:GlobalTable",
    fields: [{ path: "replicas[].regionName", format: "region", verb: "keeps a replica in" }],
    fix: replicaFix,
  },
  {
    type: "aws:dsql/cluster:Cluster",
    fields: [
      {
        path: "multiRegionProperties.witnessRegion",
        format: "region",
        verb: "keeps its witness in",
      },
      { path: "multiRegionProperties.clusters[]", format: "arn", verb: "peers with" },
    ],
    fix: replicaFix,
  },
  {
    type: "aws:dsql/clusterPeering:ClusterPeering",
    fields: [
      { path: "witnessRegion", format: "region", verb: "keeps its witness in" },
      { path: "clusters[]", format: "arn", verb: "peers with" },
    ],
    fix: replicaFix,
  },
  {
    type: "aws:keyspaces/keyspace:Keyspace",
    fields: [
      {
        path: "replicationSpecification.regionLists[]",
        format: "region",
        verb: "replicates the keyspace to",
      },
    ],
    fix: replicaFix,
  },
  {
    type: "aws:opensearch/outboundConnection:OutboundConnection",
    fields: [
      { path: "remoteDomainInfo.region", format: "region", verb: "connects the domain to" },
      { path: "remoteDomainInfo.ownerId", format: "account", verb: "connects the domain to" },
    ],
    fix: "Connect only to domains in regions inside the jurisdiction, or remove the connection.",
  },
  {
    type: "aws:redshift/dataShareConsumerAssociation:DataShareConsumerAssociation",
    fields: [
      { path: "consumerRegion", format: "region", verb: "shares data with consumers in" },
      { path: "consumerArn", format: "arn", verb: "shares data with" },
      {
        path: "associateEntireAccount",
        format: "flag",
        values: [true],
        verb: "shares data with",
        farSide: "every consumer of the account, in any region",
      },
    ],
    fix: "Share only with consumers in regions inside the jurisdiction.",
  },
  {
    type: "alicloud:polardb/cluster:Cluster",
    fields: [
      { path: "gdnId", format: "ref", ref: "polardb-gdn", verb: "joins the global database" },
      {
        path: "sourceResourceId",
        format: "ref",
        ref: "db-source",
        inbound: true,
        verb: "clones or migrates data from",
      },
    ],
    fix: replicaFix,
  },
  {
    type: "alicloud:kvstore/instance:Instance",
    fields: [
      {
        path: "globalInstanceId",
        format: "ref",
        ref: "tair-global-instance",
        verb: "joins the global distributed cache",
      },
    ],
    fix: replicaFix,
  },
  {
    type: "alicloud:redis/tairInstance:TairInstance",
    fields: [
      {
        path: "globalInstanceId",
        format: "ref",
        ref: "tair-global-instance",
        verb: "joins the global distributed cache",
      },
    ],
    fix: replicaFix,
  },
  {
    type: "alicloud:rds/ddrInstance:DdrInstance",
    fields: [
      { path: "sourceRegion", format: "region", inbound: true, verb: "restores a backup from" },
    ],
    fix: "Restore only from backups in regions inside the jurisdiction.",
  },
];

export const databaseReplicas = flowPolicy({
  name: "database-replicas",
  description:
    "Checks whether database and cache replicas, global databases, global tables and restores stay inside the jurisdiction.",
  severity: "critical",
  remediationSteps:
    "Place every replica, global-cluster member, witness and restore source in a region inside the jurisdiction, and create global clusters in this program so their members can be checked.",
  models: databaseFlows,
});
