/**
 * The replicas whose own resource stands where the copy goes (their rows, and the edges to what
 * they copy, are the databases' and keys' tables'): what each copies, in the words of
 * resource-placement's finding when the replica stands outside the jurisdiction.
 */
import { isUnknown, known } from "../values";

/**
 * The replicas whose own resource lies in the region the copy goes to, by the input that names
 * what they copy: a DynamoDB table replica, a member of an Aurora, DocumentDB or Neptune global
 * cluster, an RDS read replica, an ElastiCache global datastore's secondary, a MemoryDB
 * multi-Region cluster's member, a Tair (KVStore) instance of a global distributed cache, a KMS
 * replica key, a PolarDB cluster of a global database network.
 */
const replicaInputs: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  "aws:dynamodb/tableReplica:TableReplica": [["globalTableArn", "a replica of the table"]],
  "aws:rds/cluster:Cluster": [["globalClusterIdentifier", "a member of the global database"]],
  "aws:docdb/cluster:Cluster": [["globalClusterIdentifier", "a member of the global cluster"]],
  "aws:neptune/cluster:Cluster": [["globalClusterIdentifier", "a member of the global database"]],
  "aws:rds/instance:Instance": [["replicateSourceDb", "a read replica of"]],
  "aws:elasticache/replicationGroup:ReplicationGroup": [
    ["globalReplicationGroupId", "a secondary of the global datastore"],
  ],
  "aws:memorydb/cluster:Cluster": [
    ["multiRegionClusterName", "a member of the multi-Region cluster"],
  ],
  "alicloud:kvstore/instance:Instance": [
    ["globalInstanceId", "a member of the global distributed cache"],
  ],
  "aws:kms/replicaKey:ReplicaKey": [["primaryKeyArn", "a replica of the key"]],
  "alicloud:polardb/cluster:Cluster": [["gdnId", "a cluster of the global database network"]],
};

/** `a replica of the table "arn:…"`: what a replica copies, when its input names it. */
export function replicaCopy(
  type: string,
  props: Readonly<Record<string, unknown>>,
): string | undefined {
  for (const [input, what] of replicaInputs[type] ?? []) {
    const v = known(() => props[input]);
    if (typeof v === "string" && v !== "") {
      return `${what} ${JSON.stringify(v)}`;
    }
    if (isUnknown(v)) {
      return `${what} its ${input} names`;
    }
  }
  return undefined;
}
