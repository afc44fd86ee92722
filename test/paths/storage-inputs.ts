/**
 * One resource of every type of the storage table (policy/paths/types/storage.ts), most of them
 * sending data somewhere the pack must judge — abroad, to another account, to a bucket the
 * program does not create, or to themselves — in an Alibaba Cloud stack under CN and an AWS
 * stack under US. The differential test runs the old and the new storage models on both.
 */
import type { OracleResource, OracleSettings } from "../helpers/model-oracle";
import { on } from "../helpers/model-oracle";

const sh = on("sh");
const or = on("or");

const alicloud: OracleResource[] = [
  { type: "pulumi:providers:alicloud", name: "sh", props: { region: "cn-shanghai" } },
  { type: "pulumi:providers:alicloud", name: "hk", props: { region: "cn-hongkong" } },
  sh("alicloud:oss/bucket:Bucket", "logs", { bucket: "logs-b" }),
  sh("alicloud:oss/bucket:Bucket", "data", {
    bucket: "data-b",
    logging: { targetBucket: "nowhere-b" },
    transferAcceleration: { enabled: true },
  }),
  on("hk")("alicloud:oss/bucket:Bucket", "far", { bucket: "far-b" }),
  sh("alicloud:oss/bucketReplication:BucketReplication", "rep", {
    bucket: "data-b",
    destination: { bucket: "far-b", location: "oss-cn-hongkong", transferType: "oss_acc" },
  }),
  sh("alicloud:oss/bucketReplication:BucketReplication", "rep-unnamed", {
    bucket: "data-b",
    destination: { bucket: "gone-b" },
  }),
  sh("alicloud:oss/bucketInventory:BucketInventory", "inventory", {
    bucket: "data-b",
    destination: { ossBucketDestination: { bucket: "acs:oss:::logs-b", accountId: "999" } },
  }),
  sh("alicloud:oss/bucketLogging:BucketLogging", "self-logging", {
    bucket: "logs-b",
    targetBucket: "logs-b",
  }),
  sh("alicloud:oss/bucketServerSideEncryption:BucketServerSideEncryption", "sse", {
    bucket: "data-b",
    sseAlgorithm: "KMS",
    kmsMasterKeyId: "acs:kms:cn-hongkong:123:key/k",
  }),
  sh("alicloud:oss/bucketWebsite:BucketWebsite", "website", {
    bucket: "data-b",
    routingRules: {
      routingRules: [
        {
          redirect: { mirrorUrl: "https://origin.example.com/", mirrorDstRegion: "cn-hongkong" },
        },
      ],
    },
  }),
  sh("alicloud:oss/bucketObject:BucketObject", "object", { bucket: "gone-b", key: "a" }),
  sh("alicloud:cloudstoragegateway/gatewayFileShare:GatewayFileShare", "share", {
    ossEndpoint: "oss-cn-hongkong.aliyuncs.com",
    ossBucketName: "elsewhere-b",
    transferAcceleration: true,
  }),
  sh("alicloud:cloudstoragegateway/gatewayBlockVolume:GatewayBlockVolume", "volume", {
    ossEndpoint: "oss-cn-beijing.aliyuncs.com",
    ossBucketName: "logs-b",
  }),
  sh("alicloud:cloudstoragegateway/expressSync:ExpressSync", "express", {
    bucketName: "elsewhere-b",
    bucketRegion: "cn-hongkong",
  }),
  sh("alicloud:realtimecompute/vvpInstance:VvpInstance", "flink", {
    storage: { oss: { bucket: "logs-b" } },
  }),
  sh("alicloud:dms/airflow:Airflow", "airflow", { ossBucketName: "far-b" }),
  sh("alicloud:cr/registryEnterpriseInstance:RegistryEnterpriseInstance", "registry", {
    customOssBucket: "gone-b",
  }),
  sh("alicloud:vpc/switch:Switch", "vsw", { cidrBlock: "10.0.1.0/24" }),
  sh("alicloud:ecs/instance:Instance", "vm", {}),
  sh("alicloud:ecs/disk:Disk", "disk", { kmsKeyId: "acs:kms:cn-hongkong:123:key/k" }),
  sh("alicloud:ecs/ecsDisk:EcsDisk", "ecs-disk", {}),
  sh(
    "alicloud:ecs/diskAttachment:DiskAttachment",
    "disk-attachment",
    { diskId: "d-1", instanceId: "i-1" },
    {
      diskId: ["disk"],
      instanceId: ["vm"],
    },
  ),
  sh("alicloud:nas/fileSystem:FileSystem", "nas", {}),
  sh(
    "alicloud:nas/mountTarget:MountTarget",
    "nas-mount",
    { fileSystemId: "fs-1", vswitchId: "vsw-1" },
    {
      fileSystemId: ["nas"],
      vswitchId: ["vsw"],
    },
  ),
];

const aws: OracleResource[] = [
  {
    type: "pulumi:providers:aws",
    name: "or",
    props: { region: "us-west-2", allowedAccountIds: ["111122223333"] },
  },
  or("aws:s3/bucket:Bucket", "source", {
    bucket: "source-b",
    logging: { targetBucket: "source-b" },
    replicationConfiguration: {
      rules: [{ destination: { bucket: "arn:aws:s3:::gone-b", accountId: "444455556666" } }],
    },
    accelerationStatus: "Enabled",
  }),
  or("aws:s3/bucketV2:BucketV2", "v2", {
    bucket: "v2-b",
    loggings: [{ targetBucket: "source-b" }],
    replicationConfigurations: [
      { rules: [{ destinations: [{ bucket: "arn:aws:s3:::source-b" }] }] },
    ],
  }),
  or("aws:s3/bucketReplicationConfig:BucketReplicationConfig", "replication", {
    bucket: "source-b",
    rules: [
      {
        status: "Enabled",
        destination: { bucket: "arn:aws:s3:::v2-b", account: "444455556666" },
      },
    ],
  }),
  // Disabled, it replicates nothing; the row draws its destination all the same.
  or("aws:s3/bucketReplicationConfig:BucketReplicationConfig", "replication-off", {
    bucket: "v2-b",
    rules: [{ status: "Disabled", destination: { bucket: "arn:aws:s3:::source-b" } }],
  }),
  or("aws:s3/bucketLogging:BucketLogging", "logging", {
    bucket: "v2-b",
    targetBucket: "gone-b",
  }),
  or("aws:s3/bucketLoggingV2:BucketLoggingV2", "logging-v2", {
    bucket: "v2-b",
    targetBucket: "source-b",
  }),
  or(
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "sse",
    {
      bucket: "source-b",
      rules: [
        {
          applyServerSideEncryptionByDefault: {
            sseAlgorithm: "aws:kms",
            kmsMasterKeyId: "arn:aws:kms:eu-west-1:111122223333:key/k",
          },
        },
      ],
    },
  ),
  or(
    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
    "sse-v2",
    {
      bucket: "v2-b",
      rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
    },
  ),
  or("aws:s3/inventory:Inventory", "inventory", {
    bucket: "source-b",
    destination: { bucket: { bucketArn: "arn:aws:s3:::v2-b", accountId: "111122223333" } },
  }),
  or("aws:s3/analyticsConfiguration:AnalyticsConfiguration", "analytics", {
    bucket: "source-b",
    storageClassAnalysis: {
      dataExport: { destination: { s3BucketDestination: { bucketArn: "arn:aws:s3:::gone-b" } } },
    },
  }),
  or("aws:s3control/storageLensConfiguration:StorageLensConfiguration", "lens", {
    storageLensConfiguration: {
      dataExport: {
        s3BucketDestination: { arn: "arn:aws:s3:::v2-b", accountId: "444455556666" },
      },
    },
  }),
  or("aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint", "mrap", {
    details: {
      regions: [
        { bucket: "source-b", region: "us-west-2" },
        { bucket: "eu-b", region: "eu-west-1" },
      ],
    },
  }),
  or("aws:s3control/multiRegionAccessPointRoutes:MultiRegionAccessPointRoutes", "routes", {
    routes: [{ bucket: "eu-b", region: "eu-west-1", trafficDialPercentage: 100 }],
  }),
  or("aws:s3/objectCopy:ObjectCopy", "copy", {
    bucket: "source-b",
    key: "k",
    source: "gone-b/k",
    grants: [{ email: "someone@example.com", type: "AmazonCustomerByEmail" }],
  }),
  or("aws:ec2/subnet:Subnet", "subnet", { cidrBlock: "10.0.1.0/24" }),
  or("aws:ec2/instance:Instance", "vm", {}),
  or("aws:ebs/volume:Volume", "volume", {
    kmsKeyId: "arn:aws:kms:eu-west-1:111122223333:key/k",
  }),
  or(
    "aws:ec2/volumeAttachment:VolumeAttachment",
    "volume-attachment",
    { volumeId: "vol-1", instanceId: "i-1", deviceName: "/dev/sdf" },
    {
      volumeId: ["volume"],
      instanceId: ["vm"],
    },
  ),
  or("aws:efs/fileSystem:FileSystem", "efs", {}),
  or(
    "aws:efs/mountTarget:MountTarget",
    "efs-mount",
    { fileSystemId: "fs-1", subnetId: "subnet-1" },
    {
      fileSystemId: ["efs"],
      subnetId: ["subnet"],
    },
  ),
  or(
    "aws:efs/replicationConfiguration:ReplicationConfiguration",
    "efs-replication",
    { sourceFileSystemId: "fs-1", destination: { region: "eu-west-1" } },
    { sourceFileSystemId: ["efs"] },
  ),
];

/** The two storage inputs: a name, the resources and the settings they are judged under. */
export const storageCases: ReadonlyArray<readonly [string, OracleResource[], OracleSettings]> = [
  ["storage alicloud", alicloud, { jurisdiction: "CN" }],
  ["storage aws", aws, { jurisdiction: "US" }],
];
