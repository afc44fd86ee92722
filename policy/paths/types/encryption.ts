/**
 * Where each data store's encryption is set — on the store, or on stand-alone companions linked
 * by the store's name — and what counts as encryption with a customer key there. Read by
 * `customer-key-encryption` (policy/keys.ts) and by the graph's `encrypted by` edges, which count
 * only a key the store uses (shared/research/data-paths.md §3 "KMS").
 */
import { type RefKind, refKinds } from "../resolver";

/** Where a data store's encryption is set, and what counts as customer-key encryption there. */
export interface EncryptionSetting {
  /**
   * Path of the key reference; none where the store cannot name a key (an EC2 launch
   * configuration's volumes): encrypted, it is on the region's default key (`accountDefaults`).
   */
  readonly key?: string;
  /** Path of a flag that must be true for the key to be used (`encrypted`, `storageEncrypted`). */
  readonly enabled?: string;
  /** Path of the algorithm, and the values that mean KMS. */
  readonly algorithm?: string;
  readonly algorithms?: readonly string[];
}

export interface DataStoreModel {
  readonly type: string;
  /** Settings on the store itself; none when only its parts are encrypted (`parts`). */
  readonly inline: readonly EncryptionSetting[];
  /**
   * What the settings on the store itself encrypt, when it is one part of several; a store with
   * no settings of its own (`inline` empty) and this part is judged on the account's defaults.
   */
  readonly inlinePart?: string;
  /** Stand-alone resources that set the store's encryption, linked by the store's name. */
  readonly companions?: {
    readonly types: readonly string[];
    readonly link: string;
    readonly storeKeys: readonly string[];
    readonly settings: readonly EncryptionSetting[];
  };
  /**
   * Parts of the store listed under `list`, each encrypted on its own (an instance's EBS block
   * devices beside its root volume), with settings relative to the element: each part must use a
   * customer key, whatever the others use.
   */
  readonly parts?: {
    readonly list: string;
    readonly settings: readonly EncryptionSetting[];
    /** A path an element must hold to be a part (a launch template's mapping of an EBS volume). */
    readonly when?: string;
    /** A flag that, when true, makes the element no part (a mapping that suppresses a device). */
    readonly unless?: string;
  };
  readonly keys: RefKind;
  readonly fix: string;
  /**
   * The account-level default of the store's region that encrypts its volumes when they name no
   * key (`accountDefaults`): the default key for a volume encrypted without one, and for every
   * volume once encryption by default is on.
   */
  readonly accountDefault?: keyof typeof accountDefaults;
  /**
   * A path that, when set (or not known at preview), makes the store a secondary that takes its
   * encryption from another store — an ElastiCache global datastore's secondary from its primary:
   * the primary is judged, not the secondary.
   */
  readonly inheritsWhenSet?: string;
  /**
   * The resource holds data to encrypt only when the setting at `path` is one of `values` (an
   * SSM parameter of type SecureString); not known at preview, it is judged as one.
   */
  readonly storeWhen?: { readonly path: string; readonly values: readonly string[] };
}

/**
 * Account-level disk encryption, per region: the resource that turns encryption by default on
 * (its flag, and whether the flag is on when left unset) and the resource that sets the default
 * key a volume encrypted without a key of its own is encrypted with — otherwise the service's
 * key (`aws/ebs`, ECS's own). EBS and ECS alike.
 */
export const accountDefaults = {
  "aws-ebs": {
    byDefault: {
      type: "aws:ebs/encryptionByDefault:EncryptionByDefault",
      flag: "enabled",
      unset: true,
    },
    key: { type: "aws:ebs/defaultKmsKey:DefaultKmsKey", path: "keyArn" },
  },
  "alicloud-disk": {
    byDefault: {
      type: "alicloud:ecs/diskEncryptionByDefault:DiskEncryptionByDefault",
      flag: "encrypted",
      unset: false,
    },
    key: { type: "alicloud:ecs/diskDefaultKmsKey:DiskDefaultKmsKey", path: "kmsKeyId" },
  },
} as const;

const awsKey = refKinds["aws-kms-key"];
const alicloudKey = refKinds["alicloud-kms-key"];

/** An S3 default-encryption rule at `at`: its KMS key, used with sseAlgorithm aws:kms(:dsse). */
const s3Rule = (at: string): EncryptionSetting => ({
  key: `${at}.kmsMasterKeyId`,
  algorithm: `${at}.sseAlgorithm`,
  algorithms: ["aws:kms", "aws:kms:dsse"],
});

const s3Companions = {
  types: [
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
  ],
  link: "bucket",
  storeKeys: ["bucket", "id"],
  settings: [s3Rule("rules[].applyServerSideEncryptionByDefault")],
};

/** An S3 bucket type with its own rule at `at`, or a companion configuration's rule. */
const s3Bucket = (type: string, at: string): DataStoreModel => ({
  type,
  inline: [s3Rule(at)],
  companions: s3Companions,
  keys: awsKey,
  fix: 'Add an s3 BucketServerSideEncryptionConfiguration with sseAlgorithm "aws:kms" and kmsMasterKeyId set to a kms.Key of this program.',
});

/** A store encrypted with the key at `key` once the flag at `enabled` is true. */
const switched = (
  type: string,
  enabled: string,
  keys: RefKind,
  key = "kmsKeyId",
): DataStoreModel => ({
  type,
  inline: [{ key, enabled }],
  keys,
  fix: `Set ${enabled} to true and ${key} to a kms.Key of this program.`,
});

/** A store encrypted with the key at `key`; without one, with a key the service holds (`instead`). */
const keyed = (type: string, key: string, keys: RefKind, instead = ""): DataStoreModel => ({
  type,
  inline: [{ key }],
  keys,
  fix: `Set ${key} to a kms.Key of this program${instead}.`,
});
const serviceKey = " instead of the AWS-managed key";

/**
 * The disks of an ECS instance, or of the instances a template, scaling configuration or node
 * pool makes: the system disk (`enabled`, `key`) and each of `dataDisks` on its own.
 */
const ecsDisks = (type: string, enabled: string, key: string): DataStoreModel => ({
  type,
  inline: [{ key, enabled }],
  inlinePart: "system disk",
  parts: { list: "dataDisks", settings: [{ key: "kmsKeyId", enabled: "encrypted" }] },
  keys: alicloudKey,
  accountDefault: "alicloud-disk",
  fix: `Set ${enabled} to true and ${key} to a kms.Key of this program, and encrypted and kmsKeyId in each of dataDisks.`,
});

/**
 * A store encrypted with the key at `key` once the setting at `at` (an encryption type, a TDE
 * status) is one of `on`; any other value is no encryption, or the service's own key.
 */
const selected = (
  type: string,
  at: string,
  on: readonly string[],
  keys: RefKind,
  key: string,
): DataStoreModel => ({
  type,
  inline: [{ key, algorithm: at, algorithms: on }],
  keys,
  fix: `Set ${at} to ${/^\d+$/.test(on[0]) ? on[0] : JSON.stringify(on[0])} and ${key} to a kms.Key of this program.`,
});
/** An Alibaba Cloud database encrypted with the key at `encryptionKey` once `at` is one of `on`. */
const tde = (type: string, at: string, on: readonly string[]): DataStoreModel =>
  selected(type, at, on, alicloudKey, "encryptionKey");

/** The data stores whose contents must be encrypted with a customer key of the stack. */
export const dataStores: readonly DataStoreModel[] = [
  {
    type: "alicloud:oss/bucket:Bucket",
    inline: [
      {
        key: "serverSideEncryptionRule.kmsMasterKeyId",
        algorithm: "serverSideEncryptionRule.sseAlgorithm",
        algorithms: ["KMS"],
      },
    ],
    companions: {
      types: ["alicloud:oss/bucketServerSideEncryption:BucketServerSideEncryption"],
      link: "bucket",
      storeKeys: ["bucket", "id"],
      settings: [{ key: "kmsMasterKeyId", algorithm: "sseAlgorithm", algorithms: ["KMS"] }],
    },
    keys: alicloudKey,
    fix: 'Add an oss BucketServerSideEncryption with sseAlgorithm "KMS" and kmsMasterKeyId set to a kms.Key of this program.',
  },
  s3Bucket(
    "aws:s3/bucket:Bucket",
    "serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault",
  ),
  s3Bucket(
    "aws:s3/bucketV2:BucketV2",
    "serverSideEncryptionConfigurations[].rules[].applyServerSideEncryptionByDefaults[]",
  ),
  switched("aws:rds/instance:Instance", "storageEncrypted", awsKey),
  switched("aws:rds/cluster:Cluster", "storageEncrypted", awsKey),
  {
    type: "aws:dynamodb/table:Table",
    inline: [{ key: "serverSideEncryption.kmsKeyArn", enabled: "serverSideEncryption.enabled" }],
    keys: awsKey,
    fix: "Set serverSideEncryption { enabled: true, kmsKeyArn } to a kms.Key of this program.",
  },
  { ...switched("aws:ebs/volume:Volume", "encrypted", awsKey), accountDefault: "aws-ebs" },
  ...["aws:ec2/instance:Instance", "aws:ec2/spotInstanceRequest:SpotInstanceRequest"].map(
    (type): DataStoreModel => ({
      type,
      // The root volume; the volumes of ebsBlockDevices are judged one by one.
      inline: [{ key: "rootBlockDevice.kmsKeyId", enabled: "rootBlockDevice.encrypted" }],
      inlinePart: "rootBlockDevice",
      parts: { list: "ebsBlockDevices", settings: [{ key: "kmsKeyId", enabled: "encrypted" }] },
      keys: awsKey,
      accountDefault: "aws-ebs",
      fix: "Set encrypted to true and kmsKeyId to a kms.Key of this program in rootBlockDevice and in each of ebsBlockDevices.",
    }),
  ),
  {
    // A managed node group's nodes take their volumes from its launch template, which is judged
    // as one; without a template, from EKS's defaults: on the region's default key only when
    // encryption by default is on.
    type: "aws:eks/nodeGroup:NodeGroup",
    inline: [],
    inlinePart: "node root volume",
    inheritsWhenSet: "launchTemplate",
    keys: awsKey,
    accountDefault: "aws-ebs",
    fix: "Give the node group a launch template whose blockDeviceMappings encrypt the root volume with a kms.Key of this program, or turn EBS encryption by default on with the program's key as the region's default (ebs.DefaultKmsKey).",
  },
  {
    // The EBS volumes it maps; a volume it does not map comes from the AMI, which names its own
    // snapshots' keys. `encrypted` is text ("true"), and a key needs it on: the key decides.
    type: "aws:ec2/launchTemplate:LaunchTemplate",
    inline: [],
    parts: { list: "blockDeviceMappings", when: "ebs", settings: [{ key: "ebs.kmsKeyId" }] },
    keys: awsKey,
    accountDefault: "aws-ebs",
    fix: 'Set ebs { encrypted: "true", kmsKeyId } to a kms.Key of this program in each of blockDeviceMappings.',
  },
  {
    // A launch configuration (which AWS no longer adds features to, and EKS and Auto Scaling
    // groups of older programs still use) cannot name a key: its volumes are encrypted with the
    // region's default key, the program's own only when it makes one the default.
    type: "aws:ec2/launchConfiguration:LaunchConfiguration",
    inline: [{ enabled: "rootBlockDevice.encrypted" }],
    inlinePart: "rootBlockDevice",
    parts: { list: "ebsBlockDevices", unless: "noDevice", settings: [{ enabled: "encrypted" }] },
    keys: awsKey,
    accountDefault: "aws-ebs",
    fix: "A launch configuration cannot name a key: launch the instances from a launch template whose blockDeviceMappings encrypt each volume with a kms.Key of this program, or make the program's key the region's default (ebs.DefaultKmsKey) and encrypt the volumes.",
  },
  // Copies of an AMI's snapshots, or of one snapshot, in the provider's region: encrypted without
  // a key of their own, on the region's default key (as the copy of an encrypted source is).
  ...["aws:ec2/amiCopy:AmiCopy", "aws:ebs/snapshotCopy:SnapshotCopy"].map(
    (type): DataStoreModel => ({
      ...switched(type, "encrypted", awsKey),
      accountDefault: "aws-ebs",
    }),
  ),
  switched("aws:efs/fileSystem:FileSystem", "encrypted", awsKey),
  keyed("aws:secretsmanager/secret:Secret", "kmsKeyId", awsKey, serviceKey),
  {
    // `encrypted` is text ("true"), and a key needs it on: the key alone decides.
    type: "aws:redshift/cluster:Cluster",
    inline: [{ key: "kmsKeyId" }],
    keys: awsKey,
    fix: 'Set encrypted to "true" and kmsKeyId to a kms.Key of this program.',
  },
  ...["aws:opensearch/domain:Domain", "aws:elasticsearch/domain:Domain"].map((type) => ({
    type,
    inline: [{ key: "encryptAtRest.kmsKeyId", enabled: "encryptAtRest.enabled" }],
    keys: awsKey,
    fix: "Set encryptAtRest { enabled: true, kmsKeyId } to a kms.Key of this program.",
  })),
  // A stream is encrypted only with encryptionType "KMS"; "alias/aws/kinesis" is the service's key.
  selected("aws:kinesis/stream:Stream", "encryptionType", ["KMS"], awsKey, "kmsKeyId"),
  {
    type: "aws:elasticache/replicationGroup:ReplicationGroup",
    inline: [{ key: "kmsKeyId", enabled: "atRestEncryptionEnabled" }],
    inheritsWhenSet: "globalReplicationGroupId",
    keys: awsKey,
    fix: "Encrypt the group at rest (atRestEncryptionEnabled: true) with kmsKeyId set to a kms.Key of this program.",
  },
  // Always encrypted at rest; without kmsKeyId, with a key ElastiCache holds.
  keyed("aws:elasticache/serverlessCache:ServerlessCache", "kmsKeyId", awsKey),
  switched("aws:docdb/cluster:Cluster", "storageEncrypted", awsKey),
  switched("aws:neptune/cluster:Cluster", "storageEncrypted", awsKey, "kmsKeyArn"),
  // Always encrypted at rest; without a key named, with one the service holds.
  keyed("aws:memorydb/cluster:Cluster", "kmsKeyArn", awsKey, serviceKey),
  keyed("aws:msk/cluster:Cluster", "encryptionInfo.encryptionAtRestKmsKeyArn", awsKey, serviceKey),
  keyed("aws:backup/vault:Vault", "kmsKeyArn", awsKey, serviceKey),
  // FSx file systems are always encrypted at rest; a Lustre scratch file system only ever with
  // the AWS-managed key (a persistent one takes kmsKeyId).
  ...[
    "aws:fsx/windowsFileSystem:WindowsFileSystem",
    "aws:fsx/lustreFileSystem:LustreFileSystem",
    "aws:fsx/ontapFileSystem:OntapFileSystem",
    "aws:fsx/openZfsFileSystem:OpenZfsFileSystem",
  ].map((type) => keyed(type, "kmsKeyId", awsKey, serviceKey)),
  keyed(
    "aws:cloudwatch/logGroup:LogGroup",
    "kmsKeyId",
    awsKey,
    " instead of CloudWatch Logs' own key",
  ),
  // Unencrypted without a key; "alias/aws/sns" is the service's.
  keyed("aws:sns/topic:Topic", "kmsMasterKeyId", awsKey),
  {
    // AES256 (the default) is S3's own encryption; KMS without a key, the AWS-managed aws/ecr.
    type: "aws:ecr/repository:Repository",
    inline: [
      {
        key: "encryptionConfigurations[].kmsKey",
        algorithm: "encryptionConfigurations[].encryptionType",
        algorithms: ["KMS", "KMS_DSSE"],
      },
    ],
    keys: awsKey,
    fix: 'Set encryptionConfigurations [{ encryptionType: "KMS", kmsKey }] to a kms.Key of this program.',
  },
  keyed("aws:sqs/queue:Queue", "kmsMasterKeyId", awsKey, serviceKey),
  {
    // A SecureString parameter; without keyId, on the AWS-managed alias/aws/ssm. A String or
    // StringList parameter is not encrypted at all, by design: it is no secret to judge.
    ...keyed("aws:ssm/parameter:Parameter", "keyId", awsKey, serviceKey),
    storeWhen: { path: "type", values: ["SecureString"] },
  },
  ...["alicloud:ecs/ecsDisk:EcsDisk", "alicloud:ecs/disk:Disk"].map((type): DataStoreModel => ({
    ...switched(type, "encrypted", alicloudKey),
    accountDefault: "alicloud-disk",
  })),
  // The system disk; the data disks it creates are judged one by one. An ESS scaling
  // configuration sets them for every instance its group scales out.
  ...[
    "alicloud:ecs/instance:Instance",
    "alicloud:ess/scalingConfiguration:ScalingConfiguration",
  ].map((type) => ecsDisks(type, "systemDiskEncrypted", "systemDiskKmsKeyId")),
  // A launch template's system disk (unencrypted unless it says so) and each data disk.
  ...[
    "alicloud:ecs/ecsLaunchTemplate:EcsLaunchTemplate",
    "alicloud:ecs/launchTemplate:LaunchTemplate",
  ].map((type) => ecsDisks(type, "systemDisk.encrypted", "systemDisk.kmsKeyId")),
  {
    // The instances of a set boot from the image's system disk, which the set cannot encrypt:
    // the region's defaults decide it. Each data disk on its own.
    type: "alicloud:ecs/ecsInstanceSet:EcsInstanceSet",
    inline: [],
    inlinePart: "system disk",
    parts: { list: "dataDisks", settings: [{ key: "kmsKeyId", enabled: "encrypted" }] },
    keys: alicloudKey,
    accountDefault: "alicloud-disk",
    fix: "Set encrypted and kmsKeyId to a kms.Key of this program in each of dataDisks, and make the program's key the region's default for disks (ecs.DiskEncryptionByDefault, ecs.DiskDefaultKmsKey) for the system disks.",
  },
  // A copy of an image (its snapshots) in the provider's region; without a key, on ECS's own.
  switched("alicloud:ecs/imageCopy:ImageCopy", "encrypted", alicloudKey),
  // Every node's system disk, and the data disks of each (whose `encrypted` is text, "true").
  ecsDisks("alicloud:cs/nodePool:NodePool", "systemDiskEncrypted", "systemDiskKmsKey"),
  keyed("alicloud:rds/instance:Instance", "encryptionKey", alicloudKey),
  // Transparent data encryption with a key of the program's; without one, with the service's.
  ...["alicloud:polardb/cluster:Cluster", "alicloud:kvstore/instance:Instance"].map(
    (type): DataStoreModel => tde(type, "tdeStatus", ["Enabled"]),
  ),
  {
    // Its disks (`encrypted`, `cloudDiskEncryptionKey`) or its data by TDE (`encryptionKey`).
    ...tde("alicloud:mongodb/instance:Instance", "tdeStatus", ["enabled", "Enabled"]),
    inline: [
      { key: "cloudDiskEncryptionKey", enabled: "encrypted" },
      { key: "encryptionKey", algorithm: "tdeStatus", algorithms: ["enabled", "Enabled"] },
    ],
    fix: 'Set encrypted to true and cloudDiskEncryptionKey to a kms.Key of this program (or tdeStatus "enabled" with encryptionKey).',
  },
  // Disk encryption (encryptionType "CloudDisk") with the key named.
  ...["alicloud:gpdb/instance:Instance", "alicloud:clickhouse/dbCluster:DbCluster"].map(
    (type): DataStoreModel => tde(type, "encryptionType", ["CloudDisk"]),
  ),
  // A secret of KMS's Secrets Manager: without a key named, on one the service holds.
  keyed("alicloud:kms/secret:Secret", "encryptionKeyId", alicloudKey),
  switched("alicloud:adb/dBCluster:DBCluster", "diskEncryption", alicloudKey, "kmsId"),
  // encryptType 2 is a key of the user's; 1, NAS's own; 0 (the default), none.
  selected("alicloud:nas/fileSystem:FileSystem", "encryptType", ["2"], alicloudKey, "kmsKeyId"),
  selected("alicloud:hbr/vault:Vault", "encryptType", ["KMS"], alicloudKey, "kmsKeyId"),
  {
    // A logstore's own encryption is the service's key unless it brings one (userCmkInfo).
    type: "alicloud:log/store:Store",
    inline: [{ key: "encryptConf.userCmkInfo.cmkKeyId", enabled: "encryptConf.enable" }],
    keys: alicloudKey,
    fix: "Set encryptConf { enable: true, userCmkInfo: { cmkKeyId, regionId, arn } } to a kms.Key of this program in the logstore's region.",
  },
  // A Kubernetes cluster's Secrets, kept in its control plane's etcd: envelope-encrypted with the
  // key named, else with a key the service holds.
  {
    type: "aws:eks/cluster:Cluster",
    inline: [{ key: "encryptionConfig.provider.keyArn" }],
    keys: awsKey,
    fix: 'Set encryptionConfig { provider: { keyArn }, resources: ["secrets"] } to a kms.Key of this program.',
  },
  ...[
    "alicloud:cs/managedKubernetes:ManagedKubernetes",
    "alicloud:cs/serverlessKubernetes:ServerlessKubernetes",
  ].map((type) => keyed(type, "encryptionProviderKey", alicloudKey)),
];
