/**
 * The border analysis's flow models of databases, backups, copies, transfers and keys as they
 * were before those types moved to the domain tables of the one model (policy/paths/types),
 * kept verbatim as the oracle of test/paths/differential.test.ts: the graph the tables draw is
 * compared edge by edge with the graph these models drew, and every difference is listed there.
 */
import type { BorderResource, FlowEdge } from "../../policy/paths/model";
import { valueAt } from "../../policy/paths/values";
import { type Ref, type RefKind, refKinds, type Resolver } from "../../policy/paths/resolver";
import {
  type CopySpec,
  copiesTo,
  dataStore,
  endpointOf,
  type FlowModel,
  type FlowTable,
  isOn,
  keyTypes,
  link,
  namePlace,
} from "../../policy/paths/types/common";

const disks = ["alicloud:ecs/disk:Disk", "alicloud:ecs/ecsDisk:EcsDisk"];

const alicloud: FlowTable = {
  "alicloud:rds/instance:Instance": dataStore({ subnets: ["vswitchId"], keys: ["encryptionKey"] }),
  "alicloud:polardb/cluster:Cluster": dataStore({ subnets: ["vswitchId"] }),
  "alicloud:kvstore/instance:Instance": dataStore({ subnets: ["vswitchId"] }),
  "alicloud:redis/tairInstance:TairInstance": dataStore({ subnets: ["vswitchId"] }),
  "alicloud:mongodb/instance:Instance": dataStore({ subnets: ["vswitchId"] }),
  "alicloud:nas/fileSystem:FileSystem": dataStore({ keys: ["kmsKeyId"] }),
  "alicloud:ecs/disk:Disk": dataStore({ keys: ["kmsKeyId"] }),
  "alicloud:ecs/ecsDisk:EcsDisk": dataStore({ keys: ["kmsKeyId"] }),
  "alicloud:ecs/diskAttachment:DiskAttachment": {
    role: "other",
    flows: (r, x) => {
      const disk = x.resourceAt(r, "diskId", disks);
      const instance = x.resourceAt(r, "instanceId");
      return disk && instance ? link(disk, instance, "mounted by", { via: r }) : [];
    },
  },
  "alicloud:nas/mountTarget:MountTarget": {
    role: "other",
    flows: (r, x) => {
      const fs = x.resourceAt(r, "fileSystemId", ["alicloud:nas/fileSystem:FileSystem"]);
      const subnet = x.resourceAt(r, "vswitchId");
      return fs && subnet ? link(fs, subnet, "readable from", { via: r }) : [];
    },
  },
  "alicloud:rds/rdsInstanceCrossBackupPolicy:RdsInstanceCrossBackupPolicy": copiesTo(
    "backup copy",
    {
      source: { path: "instanceId", types: ["alicloud:rds/instance:Instance"] },
      regions: ["crossBackupRegion"],
    },
  ),
  "alicloud:polardb/backupPolicy:BackupPolicy": copiesTo("backup copy", {
    source: { path: "dbClusterId", types: ["alicloud:polardb/cluster:Cluster"] },
    regions: ["dataLevel2BackupAnotherRegionRegion", "logBackupAnotherRegionRegion"],
  }),
  "alicloud:rds/ddrInstance:DdrInstance": copiesTo("backup copy", { regions: ["sourceRegion"] }),
  "alicloud:hbr/policy:Policy": copiesTo("backup copy", {
    regions: ["rules[].replicationRegionId"],
  }),
  "alicloud:hbr/replicationVault:ReplicationVault": copiesTo("backup copy", {
    regions: ["replicationSourceRegionId"],
  }),
  "alicloud:hbr/serverBackupPlan:ServerBackupPlan": copiesTo("backup copy", {
    regions: ["details[].destinationRegionId"],
  }),
  "alicloud:dbs/backupPlan:BackupPlan": copiesTo("backup copy", {
    regions: ["sourceEndpointRegion", "databaseRegion", "storageRegion"],
  }),
  "alicloud:ebs/diskReplicaPair:DiskReplicaPair": copiesTo("replication", {
    source: { path: "diskId", types: disks },
    regions: ["destinationRegionId"],
  }),
  "alicloud:ebs/diskReplicaGroup:DiskReplicaGroup": copiesTo("replication", {
    regions: ["sourceRegionId", "destinationRegionId"],
  }),
  "alicloud:ecs/autoSnapshotPolicy:AutoSnapshotPolicy": copiesTo("snapshot copy", {
    regions: ["targetCopyRegions[]"],
    when: (p) => isOn(p.enableCrossRegionCopy),
  }),
  "alicloud:ecs/snapshotPolicy:SnapshotPolicy": copiesTo("snapshot copy", {
    regions: ["targetCopyRegions[]"],
    when: (p) => isOn(p.enableCrossRegionCopy),
  }),
  "alicloud:ebs/enterpriseSnapshotPolicy:EnterpriseSnapshotPolicy": copiesTo("snapshot copy", {
    regions: ["crossRegionCopyInfo.regions[].regionId"],
    when: (p) => isOn(valueAt(p, "crossRegionCopyInfo.enabled")),
  }),
  "alicloud:ecs/imageCopy:ImageCopy": copiesTo("image copy", { regions: ["sourceRegionId"] }),
  "alicloud:ecs/copyImage:CopyImage": copiesTo("image copy", { regions: ["sourceRegionId"] }),
  "alicloud:ecs/ecsImagePipeline:EcsImagePipeline": copiesTo("image copy", {
    regions: ["toRegionIds[]"],
  }),
  "alicloud:dts/synchronizationInstance:SynchronizationInstance": copiesTo("data sync", {
    regions: ["sourceEndpointRegion", "destinationEndpointRegion"],
  }),
  "alicloud:dts/synchronizationJob:SynchronizationJob": copiesTo("data sync", {
    regions: ["sourceEndpointRegion", "destinationEndpointRegion"],
  }),
  "alicloud:dts/migrationInstance:MigrationInstance": copiesTo("data sync", {
    regions: ["sourceEndpointRegion", "destinationEndpointRegion"],
  }),
  "alicloud:dts/migrationJob:MigrationJob": copiesTo("data sync", {
    regions: ["sourceEndpointRegion", "destinationEndpointRegion"],
  }),
  "alicloud:dts/subscriptionJob:SubscriptionJob": copiesTo("data sync", {
    regions: ["sourceEndpointRegion", "destinationRegion"],
  }),
  "alicloud:dts/instance:Instance": copiesTo("data sync", {
    regions: ["sourceRegion", "destinationRegion"],
  }),
  "alicloud:cs/registryEnterpriseSyncRule:RegistryEnterpriseSyncRule": copiesTo("replication", {
    regions: ["targetRegionId"],
  }),
  "alicloud:kms/key:Key": { role: "key" },
};

/**
 * A source database named by ARN or, in its own region, by identifier (policy/paths/places.ts
 * `arn-or-id`): a database of the stack is the source itself.
 */
const sourceDb = (field: string): CopySpec => ({
  regions: [field],
  format: "arn-or-id",
  named: refKinds["aws-db-source"].types,
});

const aws: FlowTable = {
  "aws:rds/instance:Instance": {
    role: "data",
    flows: (r, x) => [
      ...(dataStore({ keys: ["kmsKeyId"] }).flows?.(r, x) ?? []),
      ...(copiesTo("replication", sourceDb("replicateSourceDb")).flows?.(r, x) ?? []),
    ],
  },
  "aws:rds/cluster:Cluster": {
    role: "data",
    flows: (r, x) => [
      ...(dataStore({ keys: ["kmsKeyId"] }).flows?.(r, x) ?? []),
      ...(copiesTo("replication", sourceDb("replicationSourceIdentifier")).flows?.(r, x) ?? []),
      ...(copiesTo("replication", { regions: ["sourceRegion"] }).flows?.(r, x) ?? []),
    ],
  },
  "aws:ebs/volume:Volume": dataStore({ keys: ["kmsKeyId"] }),
  "aws:efs/fileSystem:FileSystem": dataStore({ keys: ["kmsKeyId"] }),
  "aws:efs/mountTarget:MountTarget": {
    role: "other",
    flows: (r, x) => {
      const fs = x.resourceAt(r, "fileSystemId", ["aws:efs/fileSystem:FileSystem"]);
      const subnet = x.resourceAt(r, "subnetId");
      return fs && subnet ? link(fs, subnet, "readable from", { via: r }) : [];
    },
  },
  "aws:ec2/volumeAttachment:VolumeAttachment": {
    role: "other",
    flows: (r, x) => {
      const vol = x.resourceAt(r, "volumeId", ["aws:ebs/volume:Volume"]);
      const instance = x.resourceAt(r, "instanceId");
      return vol && instance ? link(vol, instance, "mounted by", { via: r }) : [];
    },
  },
  "aws:dynamodb/table:Table": {
    role: "data",
    flows: (r, x) => [
      ...(dataStore({ keys: ["serverSideEncryption.kmsKeyArn"] }).flows?.(r, x) ?? []),
      ...(copiesTo("replication", {
        regions: ["replicas[].regionName", "globalTableWitness.regionName"],
      }).flows?.(r, x) ?? []),
    ],
  },
  "aws:dynamodb/tableReplica:TableReplica": copiesTo("replication", {
    regions: ["globalTableArn"],
    format: "arn",
  }),
  "aws:secretsmanager/secret:Secret": {
    role: "data",
    flows: (r, x) => [
      ...(dataStore({ keys: ["kmsKeyId"] }).flows?.(r, x) ?? []),
      ...(copiesTo("replication", { regions: ["replicas[].region"] }).flows?.(r, x) ?? []),
    ],
  },
  "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication": copiesTo(
    "backup copy",
    sourceDb("sourceDbInstanceArn"),
  ),
  "aws:rds/snapshotCopy:SnapshotCopy": copiesTo("snapshot copy", {
    regions: ["destinationRegion"],
  }),
  "aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy": copiesTo("snapshot copy", {
    regions: ["destinationRegion"],
  }),
  "aws:redshift/snapshotCopy:SnapshotCopy": copiesTo("snapshot copy", {
    regions: ["destinationRegion"],
  }),
  "aws:dlm/lifecyclePolicy:LifecyclePolicy": copiesTo("snapshot copy", {
    regions: [
      "policyDetails.schedules[].crossRegionCopyRules[].target",
      "policyDetails.schedules[].crossRegionCopyRules[].targetRegion",
      "policyDetails.action.crossRegionCopies[].target",
    ],
  }),
  "aws:ebs/snapshotCopy:SnapshotCopy": copiesTo("snapshot copy", { regions: ["sourceRegion"] }),
  "aws:ec2/amiCopy:AmiCopy": copiesTo("image copy", { regions: ["sourceAmiRegion"] }),
  "aws:imagebuilder/distributionConfiguration:DistributionConfiguration": copiesTo("image copy", {
    regions: ["distributions[].region"],
  }),
  "aws:efs/replicationConfiguration:ReplicationConfiguration": copiesTo("replication", {
    source: { path: "sourceFileSystemId", types: ["aws:efs/fileSystem:FileSystem"] },
    regions: ["destination.region"],
  }),
  "aws:ecr/replicationConfiguration:ReplicationConfiguration": copiesTo("replication", {
    regions: ["replicationConfiguration.rules[].destinations[].region"],
  }),
  "aws:backup/plan:Plan": copiesTo("backup copy", {
    regions: ["rules[].copyActions[].destinationVaultArn"],
    format: "arn",
  }),
  "aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint": copiesTo("replication", {
    regions: ["details.regions[].region"],
  }),
  "aws:opensearch/outboundConnection:OutboundConnection": copiesTo("replication", {
    regions: ["remoteDomainInfo.region"],
  }),
  "aws:kms/key:Key": { role: "key" },
  "aws:kms/externalKey:ExternalKey": { role: "key" },
  ...Object.fromEntries(
    ["aws:kms/replicaKey:ReplicaKey", "aws:kms/replicaExternalKey:ReplicaExternalKey"].map((t) => [
      t,
      {
        role: "key" as const,
        // Material of the primary becomes usable in the replica's region: data encrypted in one
        // region can be decrypted in the other, whichever way round the stack holds them.
        flows: (r, x) => {
          const ref = x.ref(r, "primaryKeyArn", keyTypes);
          const primary = endpointOf(x, r, ref, "primaryKeyArn", (v) => namePlace(x, v));
          if (!primary) {
            return [];
          }
          return "urn" in primary
            ? link(primary, r, "key replication", { both: true })
            : link(r, primary, "key replication");
        },
      } satisfies FlowTable[string],
    ]),
  ),
};

/**
 * Where a member of a global database or cache names the global construct it joins: the
 * `database-replicas` table's name fields that are not a source of inbound data (one fact, read
 * by both the policy and the graph).
 */
const memberFields: ReadonlyMap<string, ReadonlyArray<{ path: string; kind: RefKind }>> = new Map(
  (
    [
      ["aws:rds/cluster:Cluster", "globalClusterIdentifier", "rds-global-cluster"],
      ["aws:docdb/cluster:Cluster", "globalClusterIdentifier", "docdb-global-cluster"],
      ["aws:neptune/cluster:Cluster", "globalClusterIdentifier", "neptune-global-cluster"],
      [
        "aws:elasticache/replicationGroup:ReplicationGroup",
        "globalReplicationGroupId",
        "elasticache-global-group",
      ],
      ["aws:memorydb/cluster:Cluster", "multiRegionClusterName", "memorydb-multi-region-cluster"],
      ["alicloud:polardb/cluster:Cluster", "gdnId", "polardb-gdn"],
      ["alicloud:kvstore/instance:Instance", "globalInstanceId", "tair-global-instance"],
      ["alicloud:redis/tairInstance:TairInstance", "globalInstanceId", "tair-global-instance"],
    ] as const
  ).map(([type, path, kind]) => [type, [{ path, kind: refKinds[kind] }]]),
);

/**
 * A member of a global cluster exchanges data with every other member, so it is linked both ways
 * to the global construct, through which the other members are reached. A member that names a
 * construct the stack does not hold leads to a place that cannot be located (fail closed).
 */
function joinsGlobal(r: BorderResource, x: Resolver): FlowEdge[] {
  return (memberFields.get(r.type) ?? []).flatMap(({ path, kind }) =>
    x.refs(r, path, kind.types).flatMap((ref) => {
      const to = endpointOf(
        x,
        r,
        ref.kind === "resource" && ref.resource === r ? peerOf(r, path, kind, x) : ref,
        path,
      );
      return to ? link(r, to, "replication", { both: true }) : [];
    }),
  );
}

/**
 * A Tair instance names its global cache by an ID other members carry too, which resolves to
 * the instance itself first: the global cache is then the member the value was built from, or
 * another member that carries the same ID.
 */
function peerOf(r: BorderResource, path: string, kind: RefKind, x: Resolver): Ref {
  const value = valueAt(r.props, path);
  const isPeer = (c: BorderResource | undefined): c is BorderResource =>
    c !== undefined && c !== r && kind.types.includes(c.type);
  const other =
    (r.propertyDependencies[path] ?? []).map((u) => x.get(u)).find(isPeer) ??
    kind.types
      .flatMap((t) => x.ofType(t))
      .find((c) => isPeer(c) && kind.keys.some((k) => c.props[k] === value));
  return other ? { kind: "resource", resource: other } : { kind: "external", value: String(value) };
}

/** The global construct itself holds the data its members replicate; it may name its primary. */
const globalConstruct = (primary?: { field: string; types: readonly string[] }): FlowModel => ({
  role: "data",
  flows: (r, x) => {
    if (!primary) {
      return [];
    }
    const spec = { regions: [primary.field], format: "arn-or-id" as const, named: primary.types };
    return copiesTo("replication", spec).flows?.(r, x) ?? [];
  },
});

const globalConstructs: FlowTable = {
  "aws:rds/globalCluster:GlobalCluster": globalConstruct({
    field: "sourceDbClusterIdentifier",
    types: refKinds["aws-db-source"].types,
  }),
  "aws:docdb/globalCluster:GlobalCluster": globalConstruct({
    field: "sourceDbClusterIdentifier",
    types: ["aws:docdb/cluster:Cluster"],
  }),
  "aws:neptune/globalCluster:GlobalCluster": globalConstruct({
    field: "sourceDbClusterIdentifier",
    types: ["aws:neptune/cluster:Cluster"],
  }),
  "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup": globalConstruct({
    field: "primaryReplicationGroupId",
    types: ["aws:elasticache/replicationGroup:ReplicationGroup"],
  }),
  "aws:memorydb/multiRegionCluster:MultiRegionCluster": globalConstruct(),
  "alicloud:polardb/globalDatabaseNetwork:GlobalDatabaseNetwork": globalConstruct({
    field: "dbClusterId",
    types: ["alicloud:polardb/cluster:Cluster"],
  }),
};

const stores: FlowTable = { ...alicloud, ...aws, ...globalConstructs };

export const legacyCopyFlows: FlowTable = {
  ...stores,
  // Members keep their own edges (subnets, keys, replicas) and join their global construct.
  ...Object.fromEntries(
    [...memberFields.keys()].map((type): [string, FlowModel] => {
      const own = stores[type];
      return [
        type,
        {
          role: own?.role ?? "data",
          flows: (r, x) => [...(own?.flows?.(r, x) ?? []), ...joinsGlobal(r, x)],
        },
      ];
    }),
  ),
};
