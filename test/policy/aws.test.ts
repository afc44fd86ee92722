/**
 * The residency pack on AWS: an Oregon happy path (test/fixtures/policy-aws) that replicates,
 * backs up, peers and syncs only to Virginia passes every policy, the border analysis included;
 * each case mutates one resource to open a path out of the United States and names every finding
 * that must follow — policy, resource, level and whole path — and its twin, the same mutation
 * inside the jurisdiction or with the fix applied, must leave the whole plan without a finding.
 */
import type { Plan, RecordedResource } from "../../engine/plan";
import {
  add,
  addProvider,
  fixturePlan,
  named,
  pipe,
  resource,
  set,
  unknown,
  withDependencies,
  withResources,
} from "../helpers/policy-plan";
import {
  type CheckOptions,
  type Finding,
  findings,
  oregonSettings,
  policyPack,
  runCases,
  runCasesInBothPostures,
  sorted,
  summary,
} from "../helpers/policy-session";
import { hostsOf } from "../../policy/paths/kubernetes";

const account = "111122223333";
const us = oregonSettings;

const pack = policyPack();
let happy: Plan;
beforeAll(async () => {
  happy = await fixturePlan("policy-aws", "us");
});

type Props = Record<string, unknown>;

const rule0 = (p: Props) => (p.rules as Props[])[0];
const egressRules = (p: Props) => (p.spec as Props).egress as Props[];

/** Encrypted storage settings with the ARN of the happy path's key, as a program passes it. */
const encryptedWithKey =
  (type: string, name: string, inputs: Props) =>
  (plan: Plan): Plan =>
    add(
      type,
      name,
      { ...inputs, storageEncrypted: true, kmsKeyId: named(plan, "key").outputs.arn },
      { dependsOn: { kmsKeyId: ["key"] } },
    )(plan);

test("the happy path passes every policy, the border analysis included", async () => {
  expect(summary(await pack.check(happy, us))).toEqual([]);
});

describe("placement", () => {
  runCases(pack, () => happy, us, [
    {
      name: "a key overrides its region to Frankfurt (the v7 per-resource region)",
      bad: add("aws:kms/key:Key", "eu-key", { region: "eu-central-1" }),
      expected: [
        [
          "resource-placement",
          "eu-key",
          "mandatory",
          ['kms key "eu-key"', "eu-central-1 (outside US, in EU)"],
        ],
      ],
      twinName: "the key overrides its region to Virginia",
      twin: add("aws:kms/key:Key", "eu-key", { region: "us-east-1" }),
    },
    {
      name: "a key is created through a provider pinned to Frankfurt",
      bad: pipe(
        addProvider("aws", "frankfurt", { region: "eu-central-1" }),
        add("aws:kms/key:Key", "eu-key", {}, { provider: "frankfurt" }),
      ),
      expected: [
        [
          "resource-placement",
          "eu-key",
          "mandatory",
          ['kms key "eu-key"', "eu-central-1 (outside US, in EU)"],
        ],
        [
          "resource-placement",
          "frankfurt",
          "mandatory",
          ['aws provider "frankfurt"', "eu-central-1 (outside US, in EU)"],
        ],
      ],
      twinName: "a key is created through a provider pinned to Ohio",
      twin: pipe(
        addProvider("aws", "ohio", { region: "us-east-2" }),
        add("aws:kms/key:Key", "ohio-key", {}, { provider: "ohio" }),
      ),
    },
    {
      name: "a provider sends its credential calls to Frankfurt",
      bad: addProvider("aws", "oregon-sts", { region: "us-west-2", stsRegion: "eu-central-1" }),
      expected: [
        [
          "resource-placement",
          "oregon-sts",
          "mandatory",
          ['aws provider "oregon-sts"', "eu-central-1 (outside US, in EU)"],
        ],
      ],
      twinName: "the provider sends them to Virginia",
      twin: addProvider("aws", "oregon-sts", { region: "us-west-2", stsRegion: "us-east-1" }),
    },
    {
      name: "a CloudFront distribution serves the bucket",
      bad: add("aws:cloudfront/distribution:Distribution", "cdn", {
        enabled: true,
        origins: [{ domainName: "sdc-records.s3.us-west-2.amazonaws.com", originId: "records" }],
      }),
      expected: [
        [
          "global-services",
          "cdn",
          "mandatory",
          ['cloudfront distribution "cdn"', "edge locations outside the jurisdiction"],
        ],
      ],
      twinName: "the bucket is served through an S3 interface endpoint in the VPC instead",
      twin: add("aws:ec2/vpcEndpoint:VpcEndpoint", "records-endpoint", {
        vpcId: "vpc-records",
        serviceName: "com.amazonaws.us-west-2.s3",
        vpcEndpointType: "Interface",
      }),
    },
    {
      name: "a public Route 53 zone is created",
      bad: add("aws:route53/zone:Zone", "zone", { name: "records.example.com" }),
      expected: [
        [
          "global-services",
          "zone",
          "mandatory",
          ['route53 zone "zone"', "edge locations outside the jurisdiction"],
        ],
      ],
      twinName: "the zone is private to the VPC",
      twin: add("aws:route53/zone:Zone", "zone", {
        name: "records.internal",
        vpcs: [{ vpcId: "vpc-records" }],
      }),
    },
    {
      name: "a global accelerator is created",
      bad: add("aws:globalaccelerator/accelerator:Accelerator", "accelerator", {
        ipAddressType: "IPV4",
        enabled: true,
      }),
      expected: [
        [
          "global-services",
          "accelerator",
          "mandatory",
          [
            'globalaccelerator accelerator "accelerator"',
            "edge locations outside the jurisdiction",
          ],
        ],
      ],
      twinName: "clients reach the service through an internal network load balancer instead",
      twin: add("aws:lb/loadBalancer:LoadBalancer", "nlb", {
        loadBalancerType: "network",
        internal: true,
      }),
    },
    {
      name: "S3 transfer acceleration is enabled",
      bad: add("aws:s3/bucketAccelerateConfiguration:BucketAccelerateConfiguration", "accelerate", {
        bucket: "sdc-records",
        status: "Enabled",
      }),
      expected: [
        [
          "global-services",
          "accelerate",
          "mandatory",
          [
            's3 bucket accelerate configuration "accelerate"',
            "edge locations outside the jurisdiction",
          ],
        ],
      ],
      twinName: "transfer acceleration is suspended",
      twin: add(
        "aws:s3/bucketAccelerateConfiguration:BucketAccelerateConfiguration",
        "accelerate",
        {
          bucket: "sdc-records",
          status: "Suspended",
        },
      ),
    },
    {
      name: "a log subscription streams to Firehose in Frankfurt",
      bad: set("app-logs-archive", (p) => {
        p.destinationArn = `arn:aws:firehose:eu-central-1:${account}:deliverystream/archive`;
      }),
      expected: [
        [
          "arn-locality",
          "app-logs-archive",
          "mandatory",
          [
            'cloudwatch log subscription filter "app-logs-archive"',
            "arn:aws:firehose:eu-central-1:111122223333:deliverystream/archive (outside US, in EU)",
          ],
        ],
      ],
      twinName: "the subscription streams to Firehose in Virginia",
      twin: set("app-logs-archive", (p) => {
        p.destinationArn = `arn:aws:firehose:us-east-1:${account}:deliverystream/archive`;
      }),
    },
    {
      name: "the replication role is a China-partition ARN",
      bad: set("records-replication", (p) => {
        p.role = `arn:aws-cn:iam::${account}:role/replication`;
      }),
      expected: [
        [
          "arn-locality",
          "records-replication",
          "mandatory",
          [
            's3 bucket replication config "records-replication"',
            "arn:aws-cn:iam::111122223333:role/replication (partition aws-cn, outside US)",
          ],
        ],
      ],
      twinName: "the replication role is another role of the account",
      twin: set("records-replication", (p) => {
        p.role = `arn:aws:iam::${account}:role/records-replication`;
      }),
    },
  ]);
});

describe("copies and replicas", () => {
  runCases(pack, () => happy, us, [
    {
      name: "objects replicate to a bucket ARN the program does not create",
      bad: set("records-replication", (p) => {
        (rule0(p).destination as Props).bucket = "arn:aws:s3:::partner-bucket";
      }),
      expected: [
        [
          "named-destinations",
          "records-replication",
          "mandatory",
          [
            's3 bucket "sdc-records"',
            's3 bucket replication config "records-replication"',
            '"arn:aws:s3:::partner-bucket" (cannot be placed)',
          ],
        ],
      ],
      twinName: "they replicate to the program's Virginia bucket, named by its ARN",
      twin: set("records-replication", (p) => {
        (rule0(p).destination as Props).bucket = "arn:aws:s3:::sdc-records-dr";
      }),
    },
    {
      name: "a multi-Region access point includes a bucket in Frankfurt",
      bad: add("aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint", "mrap", {
        details: {
          name: "records",
          regions: [
            { bucket: "sdc-records" },
            { bucket: "records-frankfurt", region: "eu-central-1" },
          ],
        },
      }),
      expected: [
        [
          "named-destinations",
          "mrap",
          "mandatory",
          [
            "us-west-2 (inside US)",
            's3control multi region access point "mrap"',
            '"records-frankfurt" (cannot be placed)',
          ],
        ],
        [
          "storage-replication",
          "mrap",
          "mandatory",
          [
            "us-west-2 (inside US)",
            's3control multi region access point "mrap"',
            "eu-central-1 (outside US, in EU)",
          ],
        ],
      ],
      twinName: "it spans the Oregon and Virginia buckets of the program",
      twin: add("aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint", "mrap", {
        details: {
          name: "records",
          regions: [{ bucket: "sdc-records" }, { bucket: "sdc-records-dr" }],
        },
      }),
    },
    {
      name: "EFS replicates to Frankfurt",
      bad: add("aws:efs/replicationConfiguration:ReplicationConfiguration", "efs-dr", {
        sourceFileSystemId: "fs-records",
        destination: { region: "eu-central-1" },
      }),
      expected: [
        [
          "storage-replication",
          "efs-dr",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'efs replication configuration "efs-dr"',
            "eu-central-1 (outside US, in EU)",
          ],
        ],
      ],
      twinName: "EFS replicates to Virginia",
      twin: add("aws:efs/replicationConfiguration:ReplicationConfiguration", "efs-dr", {
        sourceFileSystemId: "fs-records",
        destination: { region: "us-east-1" },
      }),
    },
    {
      name: "a database is a read replica of one in Frankfurt",
      bad: encryptedWithKey("aws:rds/instance:Instance", "replica", {
        replicateSourceDb: `arn:aws:rds:eu-central-1:${account}:db:records`,
        instanceClass: "db.t4g.micro",
      }),
      expected: [
        [
          "database-replicas",
          "replica",
          "mandatory",
          [
            "arn:aws:rds:eu-central-1:111122223333:db:records (outside US, in EU)",
            'rds instance "replica"',
            "us-west-2 (inside US)",
          ],
        ],
      ],
      twinName: "it is a read replica of one in Virginia",
      twin: encryptedWithKey("aws:rds/instance:Instance", "replica", {
        replicateSourceDb: `arn:aws:rds:us-east-1:${account}:db:records`,
        instanceClass: "db.t4g.micro",
      }),
    },
    {
      name: "the DynamoDB table keeps a replica in Frankfurt",
      bad: set("sessions", (p) => {
        (p.replicas as Props[])[0].regionName = "eu-central-1";
      }),
      expected: [
        [
          "database-replicas",
          "sessions",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'dynamodb table "sessions"',
            "eu-central-1 (outside US, in EU)",
          ],
        ],
      ],
      twinName: "the table keeps its replica in Virginia",
      twin: set("sessions", (p) => {
        (p.replicas as Props[])[0].regionName = "us-east-1";
      }),
    },
    {
      name: "an Aurora cluster joins a global cluster the program does not create",
      bad: encryptedWithKey("aws:rds/cluster:Cluster", "aurora", {
        globalClusterIdentifier: "records-global",
      }),
      expected: [
        [
          "named-destinations",
          "aurora",
          "mandatory",
          ["us-west-2 (inside US)", 'rds cluster "aurora"', '"records-global" (cannot be placed)'],
        ],
      ],
      twinName: "it joins a global cluster of the program",
      twin: pipe(
        add("aws:rds/globalCluster:GlobalCluster", "global", {
          globalClusterIdentifier: "records-global",
          engine: "aurora-postgresql",
        }),
        encryptedWithKey("aws:rds/cluster:Cluster", "aurora", {
          globalClusterIdentifier: "records-global",
        }),
      ),
    },
    {
      name: "AWS Backup copies recovery points to Frankfurt",
      bad: set("backups", (p) => {
        rule0(p).copyActions = [
          { destinationVaultArn: `arn:aws:backup:eu-central-1:${account}:backup-vault:records` },
        ];
      }),
      expected: [
        [
          "backup-copies",
          "backups",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'backup plan "backups"',
            "arn:aws:backup:eu-central-1:111122223333:backup-vault:records (outside US, in EU)",
          ],
        ],
      ],
      twinName: "AWS Backup copies recovery points to Ohio",
      twin: set("backups", (p) => {
        rule0(p).copyActions = [
          { destinationVaultArn: `arn:aws:backup:us-east-2:${account}:backup-vault:records` },
        ];
      }),
    },
    {
      name: "an EBS snapshot is copied in from Frankfurt",
      bad: set("snapshot-copy", (p) => {
        p.sourceRegion = "eu-central-1";
      }),
      expected: [
        [
          "backup-copies",
          "snapshot-copy",
          "mandatory",
          [
            "eu-central-1 (outside US, in EU)",
            'ebs snapshot copy "snapshot-copy"',
            "us-west-2 (inside US)",
          ],
        ],
      ],
      twinName: "the snapshot is copied in from Ohio",
      twin: set("snapshot-copy", (p) => {
        p.sourceRegion = "us-east-2";
      }),
    },
    {
      name: "a snapshot is shared with another account",
      bad: add("aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission", "share", {
        snapshotId: "snap-0123456789abcdef0",
        accountId: "999988887777",
      }),
      expected: [
        [
          "backup-copies",
          "share",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'ec2 snapshot create volume permission "share"',
            "account 999988887777 (not this stack's account 111122223333)",
          ],
        ],
      ],
      twinName: "it is shared with the stack's own account",
      twin: add("aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission", "share", {
        snapshotId: "snap-0123456789abcdef0",
        accountId: account,
      }),
    },
    {
      name: "Redshift copies snapshots to Frankfurt",
      bad: add("aws:redshift/snapshotCopy:SnapshotCopy", "redshift-copy", {
        clusterIdentifier: "records",
        destinationRegion: "eu-central-1",
      }),
      expected: [
        [
          "backup-copies",
          "redshift-copy",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'redshift snapshot copy "redshift-copy"',
            "eu-central-1 (outside US, in EU)",
          ],
        ],
      ],
      twinName: "Redshift copies snapshots to Ohio",
      twin: add("aws:redshift/snapshotCopy:SnapshotCopy", "redshift-copy", {
        clusterIdentifier: "records",
        destinationRegion: "us-east-2",
      }),
    },
    {
      name: "the secret is replicated to Frankfurt",
      bad: set("api-token", (p) => {
        (p.replicas as Props[])[0].region = "eu-central-1";
      }),
      expected: [
        [
          "key-and-secret-replicas",
          "api-token",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'secretsmanager secret "api-token"',
            "eu-central-1 (outside US, in EU)",
          ],
        ],
      ],
      twinName: "the secret is replicated to Virginia",
      twin: set("api-token", (p) => {
        (p.replicas as Props[])[0].region = "us-east-1";
      }),
    },
    {
      name: "a replica key copies a primary key in Frankfurt",
      bad: add("aws:kms/replicaKey:ReplicaKey", "replica-key", {
        primaryKeyArn: `arn:aws:kms:eu-central-1:${account}:key/mrk-0123`,
      }),
      expected: [
        [
          "key-and-secret-replicas",
          "replica-key",
          "mandatory",
          [
            "arn:aws:kms:eu-central-1:111122223333:key/mrk-0123 (outside US, in EU)",
            'kms replica key "replica-key"',
            "us-west-2 (inside US)",
          ],
        ],
      ],
      twinName: "the primary key is in Virginia",
      twin: add("aws:kms/replicaKey:ReplicaKey", "replica-key", {
        primaryKeyArn: `arn:aws:kms:us-east-1:${account}:key/mrk-0123`,
      }),
    },
    {
      name: "the key is made multi-Region",
      bad: set("key", (p) => {
        p.multiRegion = true;
      }),
      expected: [
        [
          "key-and-secret-replicas",
          "key",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'kms key "key"',
            "any region of the partition (multi-Region primary key)",
          ],
        ],
      ],
      twinName: "the key is declared single-Region",
      twin: set("key", (p) => {
        p.multiRegion = false;
      }),
    },
    {
      name: "ECR replicates images to Frankfurt",
      bad: set("images", (p) => {
        const config = p.replicationConfiguration as Props;
        (rule0(config).destinations as Props[])[0].region = "eu-central-1";
      }),
      expected: [
        [
          "registry-replication",
          "images",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'ecr replication configuration "images"',
            "eu-central-1 (outside US, in EU)",
          ],
        ],
      ],
      twinName: "ECR replicates images to Ohio",
      twin: set("images", (p) => {
        const config = p.replicationConfiguration as Props;
        (rule0(config).destinations as Props[])[0].region = "us-east-2";
      }),
    },
    {
      name: "ECR replicates images to another account",
      bad: set("images", (p) => {
        const config = p.replicationConfiguration as Props;
        (rule0(config).destinations as Props[])[0].registryId = "999988887777";
      }),
      expected: [
        [
          "registry-replication",
          "images",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'ecr replication configuration "images"',
            "account 999988887777 (not this stack's account 111122223333)",
          ],
        ],
      ],
      twinName: "ECR replicates images to the stack's own account",
      twin: set("images", (p) => {
        const config = p.replicationConfiguration as Props;
        (rule0(config).destinations as Props[])[0].registryId = account;
      }),
    },
    {
      name: "DataSync copies data to a location in Frankfurt",
      bad: add("aws:datasync/task:Task", "sync", {
        sourceLocationArn: `arn:aws:datasync:us-west-2:${account}:location/loc-src`,
        destinationLocationArn: `arn:aws:datasync:eu-central-1:${account}:location/loc-dst`,
      }),
      expected: [
        [
          "data-transfer-jobs",
          "sync",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'datasync task "sync"',
            "arn:aws:datasync:eu-central-1:111122223333:location/loc-dst (outside US, in EU)",
          ],
        ],
      ],
      twinName: "DataSync copies data to Virginia",
      twin: add("aws:datasync/task:Task", "sync", {
        sourceLocationArn: `arn:aws:datasync:us-west-2:${account}:location/loc-src`,
        destinationLocationArn: `arn:aws:datasync:us-east-1:${account}:location/loc-dst`,
      }),
    },
    {
      name: "a DMS endpoint connects to a database host outside the cloud",
      bad: add("aws:dms/endpoint:Endpoint", "dms-source", {
        endpointId: "records",
        endpointType: "source",
        engineName: "postgres",
        serverName: "db.partner.example",
      }),
      expected: [
        [
          "data-transfer-jobs",
          "dms-source",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'dms endpoint "dms-source"',
            '"db.partner.example" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it connects to an RDS endpoint in Virginia",
      twin: add("aws:dms/endpoint:Endpoint", "dms-source", {
        endpointId: "records",
        endpointType: "source",
        engineName: "postgres",
        serverName: "records.abcdefghijkl.us-east-1.rds.amazonaws.com",
      }),
    },
    {
      name: "CloudTrail delivers to a bucket the program does not create",
      bad: add("aws:cloudtrail/trail:Trail", "trail", { s3BucketName: "org-audit-abroad" }),
      expected: [
        [
          "named-destinations",
          "trail",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'cloudtrail trail "trail"',
            '"org-audit-abroad" (cannot be placed)',
          ],
        ],
      ],
      twinName: "CloudTrail delivers to the program's log bucket",
      twin: add("aws:cloudtrail/trail:Trail", "trail", { s3BucketName: "sdc-records-logs" }),
    },
    {
      name: "a CloudTrail Lake store collects every region, as it does by default",
      bad: add("aws:cloudtrail/eventDataStore:EventDataStore", "lake", {}),
      expected: [
        [
          "log-shipping",
          "lake",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'cloudtrail event data store "lake"',
            "every region of the partition, including regions outside the jurisdiction",
          ],
        ],
      ],
      twinName: "the store collects only its own region",
      twin: add("aws:cloudtrail/eventDataStore:EventDataStore", "lake", {
        multiRegionEnabled: false,
      }),
    },
    {
      name: "Firehose delivers records to an HTTP endpoint",
      bad: add("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", "firehose", {
        destination: "http_endpoint",
        httpEndpointConfiguration: { url: "https://collector.example.com/ingest" },
      }),
      expected: [
        [
          "log-shipping",
          "firehose",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'kinesis firehose delivery stream "firehose"',
            '"https://collector.example.com/ingest" (cannot be placed)',
          ],
        ],
      ],
      twinName: "Firehose delivers to the program's log bucket",
      twin: add("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", "firehose", {
        destination: "extended_s3",
        extendedS3Configuration: { bucketArn: "arn:aws:s3:::sdc-records-logs" },
      }),
    },
    {
      name: "flow logs go to a bucket the program does not create",
      bad: set("flow-log", (p) => {
        p.logDestination = "arn:aws:s3:::elsewhere";
      }),
      expected: [
        [
          "named-destinations",
          "flow-log",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'ec2 flow log "flow-log"',
            '"arn:aws:s3:::elsewhere" (cannot be placed)',
          ],
        ],
      ],
      twinName: "flow logs go to the program's log bucket, named by its ARN",
      twin: set("flow-log", (p) => {
        p.logDestination = "arn:aws:s3:::sdc-records-logs";
      }),
    },
  ]);
  runCasesInBothPostures(pack, () => happy, us, [
    {
      name: "objects replicate to a bucket of the program in Frankfurt",
      bad: pipe(
        add("aws:s3/bucket:Bucket", "records-eu", {
          bucket: "sdc-records-eu",
          region: "eu-central-1",
        }),
        set("records-replication", (p) => {
          (rule0(p).destination as Props).bucket = "arn:aws:s3:::sdc-records-eu";
        }),
      ),
      expected: [
        ["customer-key-encryption", "records-eu", "advisory", null],
        [
          "named-destinations",
          "records-replication",
          "mandatory",
          [
            's3 bucket "sdc-records"',
            's3 bucket replication config "records-replication"',
            's3 bucket "records-eu" in eu-central-1 (outside US, in EU)',
          ],
        ],
        [
          "resource-placement",
          "records-eu",
          "mandatory",
          ['s3 bucket "records-eu"', "eu-central-1 (outside US, in EU)"],
        ],
      ],
      twinName: "objects replicate to another encrypted bucket of the program in Virginia",
      twin: (plan) =>
        pipe(
          add(
            "aws:s3/bucket:Bucket",
            "records-east",
            { bucket: "sdc-records-east" },
            {
              provider: "virginia",
            },
          ),
          add(
            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            "records-east-encryption",
            {
              bucket: "sdc-records-east",
              rules: [
                {
                  applyServerSideEncryptionByDefault: {
                    sseAlgorithm: "aws:kms",
                    kmsMasterKeyId: named(plan, "dr-key").outputs.arn,
                  },
                },
              ],
            },
            { provider: "virginia", dependsOn: { bucket: ["records-east"], rules: ["dr-key"] } },
          ),
          set("records-replication", (p) => {
            (rule0(p).destination as Props).bucket = "arn:aws:s3:::sdc-records-east";
          }),
        )(plan),
    },
  ]);
});

describe("network links", () => {
  runCases(pack, () => happy, us, [
    {
      name: "the VPC peers with Frankfurt",
      bad: set("peer", (p) => {
        p.peerRegion = "eu-central-1";
      }),
      expected: [
        [
          "network-links",
          "peer",
          "mandatory",
          ["us-west-2 (inside US)", 'vpc peering "peer"', "eu-central-1 (outside US, in EU)"],
        ],
      ],
      twinName: "the VPC peers with Ohio",
      twin: set("peer", (p) => {
        p.peerRegion = "us-east-2";
      }),
    },
    {
      name: "transit gateways peer with Frankfurt",
      bad: set("tgw-peer", (p) => {
        p.peerRegion = "eu-central-1";
      }),
      expected: [
        [
          "network-links",
          "tgw-peer",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'ec2transitgateway peering attachment "tgw-peer"',
            "eu-central-1 (outside US, in EU)",
          ],
        ],
      ],
      twinName: "transit gateways peer with Ohio",
      twin: set("tgw-peer", (p) => {
        p.peerRegion = "us-east-2";
      }),
    },
    {
      name: "the endpoint connects to S3 in Frankfurt",
      bad: set("s3-endpoint", (p) => {
        p.serviceName = "com.amazonaws.eu-central-1.s3";
      }),
      expected: [
        [
          "network-links",
          "s3-endpoint",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'ec2 vpc endpoint "s3-endpoint"',
            "com.amazonaws.eu-central-1.s3 (outside US, in EU)",
          ],
        ],
      ],
      twinName: "the endpoint connects to DynamoDB in Oregon",
      twin: set("s3-endpoint", (p) => {
        p.serviceName = "com.amazonaws.us-west-2.dynamodb";
      }),
    },
    {
      name: "an accelerator endpoint group names no region",
      bad: add("aws:globalaccelerator/endpointGroup:EndpointGroup", "endpoints", {
        listenerArn: `arn:aws:globalaccelerator::${account}:accelerator/a/listener/l`,
      }),
      expected: [
        [
          "network-links",
          "endpoints",
          "mandatory",
          [
            "a global service",
            'globalaccelerator endpoint group "endpoints"',
            "endpointGroupRegion (not set)",
          ],
        ],
      ],
      twinName: "the endpoint group is in Oregon",
      twin: add("aws:globalaccelerator/endpointGroup:EndpointGroup", "endpoints", {
        listenerArn: `arn:aws:globalaccelerator::${account}:accelerator/a/listener/l`,
        endpointGroupRegion: "us-west-2",
      }),
    },
    {
      name: "the customer gateway is an address outside the allowlist",
      bad: set("office", (p) => {
        p.ipAddress = "192.0.2.44";
      }),
      expected: [
        [
          "remote-sites",
          "office",
          "mandatory",
          ["us-west-2 (inside US)", 'customer gateway "office"', '"192.0.2.44" (cannot be placed)'],
        ],
      ],
      twinName: "the customer gateway is another address of the allowlisted range",
      twin: set("office", (p) => {
        p.ipAddress = "198.51.100.9";
      }),
    },
    {
      name: "a Direct Connect connection is ordered at a facility the pack cannot place",
      bad: add("aws:directconnect/connection:Connection", "dx", {
        bandwidth: "1Gbps",
        location: "EqFA5",
      }),
      expected: [
        [
          "remote-sites",
          "dx",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'directconnect connection "dx"',
            "a Direct Connect facility whose country the pack cannot determine",
          ],
        ],
      ],
      twinName:
        "the facility is confirmed to be in Virginia and the finding waived with that evidence",
      twin: add("aws:directconnect/connection:Connection", "dx", {
        bandwidth: "1Gbps",
        location: "EqDC2",
      }),
      twinSettings: {
        ...us,
        waivers: [
          {
            policy: "remote-sites",
            resource: "dx",
            reason: "EqDC2 is Equinix DC2, Ashburn, Virginia (colocation contract 2025-031)",
            expires: "2099-12-31",
          },
        ],
      },
    },
    {
      name: "a VPN route sends all traffic to the remote site",
      bad: add("aws:ec2/vpnConnectionRoute:VpnConnectionRoute", "vpn-route", {
        vpnConnectionId: "vpn-records",
        destinationCidrBlock: "0.0.0.0/0",
      }),
      expected: [
        [
          "remote-sites",
          "vpn-route",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'ec2 vpn connection route "vpn-route"',
            "all traffic (0.0.0.0/0) through the VPN",
          ],
        ],
      ],
      twinName: "it routes only the site's own network",
      twin: add("aws:ec2/vpnConnectionRoute:VpnConnectionRoute", "vpn-route", {
        vpnConnectionId: "vpn-records",
        destinationCidrBlock: "172.16.0.0/16",
      }),
    },
  ]);
  runCasesInBothPostures(pack, () => happy, us, [
    {
      name: "the VPC peers with another account's VPC",
      bad: set("peer", (p) => {
        p.peerOwnerId = "999988887777";
      }),
      expected: [
        [
          "cross-account-links",
          "peer",
          "advisory",
          [
            "us-west-2 (inside US)",
            'vpc peering "peer"',
            "account 999988887777 (not this stack's account 111122223333)",
          ],
        ],
      ],
      twinName: "the VPC peers with a VPC of the stack's own account",
      twin: set("peer", (p) => {
        p.peerOwnerId = account;
      }),
    },
    {
      name: "the VPC peers with another account's VPC in Frankfurt",
      bad: set("peer", (p) => {
        p.peerOwnerId = "999988887777";
        p.peerRegion = "eu-central-1";
      }),
      expected: [
        [
          "network-links",
          "peer",
          "mandatory",
          ["us-west-2 (inside US)", 'vpc peering "peer"', "eu-central-1 (outside US, in EU)"],
        ],
        [
          "cross-account-links",
          "peer",
          "advisory",
          [
            "us-west-2 (inside US)",
            'vpc peering "peer"',
            "account 999988887777 (not this stack's account 111122223333)",
          ],
        ],
      ],
      twinName: "the VPC peers with a VPC of the stack's own account in Ohio",
      twin: set("peer", (p) => {
        p.peerOwnerId = account;
        p.peerRegion = "us-east-2";
      }),
    },
  ]);

  test("a peering to another account says what to fix, without calling it a path out", async () => {
    const bad = set("peer", (p) => {
      p.peerOwnerId = "999988887777";
    })(happy);
    const violations = await pack.checkAround(happy, bad, us);
    expect(violations.map((v) => [v.policy, v.level, v.message])).toEqual([
      [
        "cross-account-links",
        "advisory",
        `vpc peering "peer" must link only to networks of the stack's own account, but peerOwnerId peers the VPC with a VPC of account 999988887777 (not this stack's account ${account}). Link only networks of the account the stack's provider is pinned to (allowedAccountIds / accountId), or pin the provider to that account so the pack can tell.`,
      ],
    ]);
  });
});

describe("exposure and egress", () => {
  runCases(pack, () => happy, us, [
    {
      name: "a bucket ACL is public-read",
      bad: add("aws:s3/bucketAcl:BucketAcl", "records-acl", {
        bucket: "sdc-records",
        acl: "public-read",
      }),
      expected: [
        [
          "public-exposure",
          "records-acl",
          "mandatory",
          ["the internet", 's3 bucket acl "records-acl"'],
        ],
      ],
      twinName: "the bucket ACL is private",
      twin: add("aws:s3/bucketAcl:BucketAcl", "records-acl", {
        bucket: "sdc-records",
        acl: "private",
      }),
    },
    {
      name: "the bucket policy allows everyone without a condition",
      bad: set("records-policy", (p) => {
        p.policy = JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Principal: { AWS: "*" },
              Action: "s3:GetObject",
              Resource: "arn:aws:s3:::sdc-records/*",
            },
          ],
        });
      }),
      expected: [
        [
          "public-exposure",
          "records-policy",
          "mandatory",
          ["the internet", 's3 bucket policy "records-policy"'],
        ],
      ],
      twinName: "it allows everyone only through the program's VPC endpoint",
      // A program builds the policy from the endpoint's ID, so the policy depends on it.
      twin: (plan) =>
        withDependencies(
          set("records-policy", (p) => {
            p.policy = JSON.stringify({
              Version: "2012-10-17",
              Statement: [
                {
                  Effect: "Allow",
                  Principal: { AWS: "*" },
                  Action: "s3:GetObject",
                  Resource: "arn:aws:s3:::sdc-records/*",
                  Condition: { StringEquals: { "aws:SourceVpce": named(plan, "s3-endpoint").id } },
                },
              ],
            });
          })(plan),
          "records-policy",
          { bucket: ["records"], policy: ["s3-endpoint"] },
        ),
    },
    {
      name: "the security group admits the whole internet",
      bad: set("guard-vpc", (p) => {
        p.cidrIpv4 = "0.0.0.0/0";
      }),
      expected: [
        [
          "public-exposure",
          "guard-vpc",
          "mandatory",
          ["the internet", 'vpc security group ingress rule "guard-vpc"'],
        ],
      ],
      twinName: "the security group admits only the subnet",
      twin: set("guard-vpc", (p) => {
        p.cidrIpv4 = "10.30.1.0/24";
      }),
    },
    {
      name: "the database is publicly accessible",
      bad: set("db", (p) => {
        p.publiclyAccessible = true;
      }),
      expected: [["public-exposure", "db", "mandatory", ["the internet", 'rds instance "db"']]],
      twinName: "the database is declared private",
      twin: set("db", (p) => {
        p.publiclyAccessible = false;
      }),
    },
    {
      name: "a load balancer faces the internet",
      bad: add("aws:lb/loadBalancer:LoadBalancer", "alb", {
        loadBalancerType: "application",
        internal: false,
      }),
      expected: [
        ["public-exposure", "alb", "mandatory", ["the internet", 'lb load balancer "alb"']],
      ],
      twinName: "the load balancer is internal",
      twin: add("aws:lb/loadBalancer:LoadBalancer", "alb", {
        loadBalancerType: "application",
        internal: true,
      }),
    },
    {
      name: "an Aurora instance is publicly accessible",
      bad: add("aws:rds/clusterInstance:ClusterInstance", "records-reader", {
        clusterIdentifier: "records",
        instanceClass: "db.r6g.large",
        engine: "aurora-postgresql",
        publiclyAccessible: true,
      }),
      expected: [
        [
          "public-exposure",
          "records-reader",
          "mandatory",
          ["the internet", 'rds cluster instance "records-reader"'],
        ],
      ],
      twinName: "the Aurora instance keeps the default, private",
      twin: add("aws:rds/clusterInstance:ClusterInstance", "records-reader", {
        clusterIdentifier: "records",
        instanceClass: "db.r6g.large",
        engine: "aurora-postgresql",
      }),
    },
    {
      name: "a Neptune instance is publicly accessible",
      bad: add("aws:neptune/clusterInstance:ClusterInstance", "graph-0", {
        clusterIdentifier: "graph",
        instanceClass: "db.r6g.large",
        publiclyAccessible: true,
      }),
      expected: [
        [
          "public-exposure",
          "graph-0",
          "mandatory",
          ["the internet", 'neptune cluster instance "graph-0"'],
        ],
      ],
      twinName: "the Neptune instance keeps the default, private",
      twin: add("aws:neptune/clusterInstance:ClusterInstance", "graph-0", {
        clusterIdentifier: "graph",
        instanceClass: "db.r6g.large",
      }),
    },
    {
      name: "a Redshift Serverless workgroup is publicly accessible",
      bad: add("aws:redshiftserverless/workgroup:Workgroup", "warehouse", {
        namespaceName: "records",
        workgroupName: "warehouse",
        publiclyAccessible: true,
      }),
      expected: [
        [
          "public-exposure",
          "warehouse",
          "mandatory",
          ["the internet", 'redshiftserverless workgroup "warehouse"'],
        ],
      ],
      twinName: "the workgroup is declared private, in the stack's subnet",
      twin: add("aws:redshiftserverless/workgroup:Workgroup", "warehouse", {
        namespaceName: "records",
        workgroupName: "warehouse",
        publiclyAccessible: false,
        subnetIds: ["subnet-records"],
      }),
    },
    {
      name: "an MQ broker is publicly accessible",
      bad: add("aws:mq/broker:Broker", "orders-mq", {
        brokerName: "orders",
        engineType: "RabbitMQ",
        engineVersion: "3.13",
        hostInstanceType: "mq.m5.large",
        users: [{ username: "app", password: "s3cret-s3cret" }],
        publiclyAccessible: true,
      }),
      expected: [
        ["public-exposure", "orders-mq", "mandatory", ["the internet", 'mq broker "orders-mq"']],
      ],
      twinName: "the broker is declared private, in the stack's subnet",
      twin: add("aws:mq/broker:Broker", "orders-mq", {
        brokerName: "orders",
        engineType: "RabbitMQ",
        engineVersion: "3.13",
        hostInstanceType: "mq.m5.large",
        users: [{ username: "app", password: "s3cret-s3cret" }],
        publiclyAccessible: false,
        subnetIds: ["subnet-records"],
      }),
    },
    {
      name: "an OpenSearch domain has no VPC options",
      bad: add("aws:opensearch/domain:Domain", "search", {
        domainName: "search",
        engineVersion: "OpenSearch_2.13",
      }),
      expected: [
        ["public-exposure", "search", "mandatory", ["the internet", 'opensearch domain "search"']],
      ],
      twinName: "the OpenSearch domain sits in the stack's subnet",
      twin: add("aws:opensearch/domain:Domain", "search", {
        domainName: "search",
        engineVersion: "OpenSearch_2.13",
        vpcOptions: { subnetIds: ["subnet-records"], securityGroupIds: ["sg-records"] },
      }),
    },
    {
      name: "an Elasticsearch domain has no VPC options",
      bad: add("aws:elasticsearch/domain:Domain", "legacy-search", {
        domainName: "legacy-search",
        elasticsearchVersion: "7.10",
      }),
      expected: [
        [
          "public-exposure",
          "legacy-search",
          "mandatory",
          ["the internet", 'elasticsearch domain "legacy-search"'],
        ],
      ],
      twinName: "the Elasticsearch domain sits in the stack's subnet",
      twin: add("aws:elasticsearch/domain:Domain", "legacy-search", {
        domainName: "legacy-search",
        elasticsearchVersion: "7.10",
        vpcOptions: { subnetIds: ["subnet-records"] },
      }),
    },
    {
      name: "an App Runner service keeps its default public URL",
      bad: add("aws:apprunner/service:Service", "web", {
        serviceName: "web",
        sourceConfiguration: {
          imageRepository: {
            imageIdentifier: "public.ecr.aws/nginx/nginx:latest",
            imageRepositoryType: "ECR_PUBLIC",
          },
        },
      }),
      expected: [
        ["public-exposure", "web", "mandatory", ["the internet", 'apprunner service "web"']],
      ],
      twinName: "the App Runner service is reachable only through a VPC endpoint",
      twin: add("aws:apprunner/service:Service", "web", {
        serviceName: "web",
        sourceConfiguration: {
          imageRepository: {
            imageIdentifier: "public.ecr.aws/nginx/nginx:latest",
            imageRepositoryType: "ECR_PUBLIC",
          },
        },
        networkConfiguration: { ingressConfiguration: { isPubliclyAccessible: false } },
      }),
    },
    {
      name: "a GraphQL API keeps the default GLOBAL visibility",
      bad: add("aws:appsync/graphQLApi:GraphQLApi", "tenants", {
        name: "tenants",
        authenticationType: "AWS_IAM",
      }),
      expected: [
        [
          "public-exposure",
          "tenants",
          "mandatory",
          ["the internet", 'appsync graph ql api "tenants"'],
        ],
      ],
      twinName: "the GraphQL API is PRIVATE",
      twin: add("aws:appsync/graphQLApi:GraphQLApi", "tenants", {
        name: "tenants",
        authenticationType: "AWS_IAM",
        visibility: "PRIVATE",
      }),
    },
    {
      name: "a load balancer declared through the alb module faces the internet",
      bad: add("aws:alb/loadBalancer:LoadBalancer", "web-alb", { loadBalancerType: "application" }),
      expected: [
        [
          "public-exposure",
          "web-alb",
          "mandatory",
          ["the internet", 'alb load balancer "web-alb"'],
        ],
      ],
      twinName: "the alb-module load balancer is internal",
      twin: add("aws:alb/loadBalancer:LoadBalancer", "web-alb", {
        loadBalancerType: "application",
        internal: true,
      }),
    },
    {
      name: "an HTTP API route needs no authorization (the default)",
      bad: add("aws:apigatewayv2/route:Route", "orders-route", {
        apiId: "api-orders",
        routeKey: "GET /orders",
        target: "integrations/orders",
      }),
      expected: [
        [
          "public-exposure",
          "orders-route",
          "mandatory",
          ["the internet", 'apigatewayv2 route "orders-route"'],
        ],
      ],
      twinName: "the HTTP API route requires IAM authorization",
      twin: add("aws:apigatewayv2/route:Route", "orders-route", {
        apiId: "api-orders",
        routeKey: "GET /orders",
        target: "integrations/orders",
        authorizationType: "AWS_IAM",
      }),
    },
    {
      name: "an identity pool admits unauthenticated identities",
      bad: add("aws:cognito/identityPool:IdentityPool", "visitors", {
        identityPoolName: "visitors",
        allowUnauthenticatedIdentities: true,
      }),
      expected: [
        [
          "public-exposure",
          "visitors",
          "mandatory",
          ["the internet", 'cognito identity pool "visitors"'],
        ],
      ],
      twinName: "the identity pool admits only authenticated identities",
      twin: add("aws:cognito/identityPool:IdentityPool", "visitors", {
        identityPoolName: "visitors",
        allowUnauthenticatedIdentities: false,
      }),
    },
    {
      name: "a function URL needs no authorization",
      bad: add("aws:lambda/functionUrl:FunctionUrl", "hook-url", {
        functionName: "hook",
        authorizationType: "NONE",
      }),
      expected: [
        [
          "public-exposure",
          "hook-url",
          "mandatory",
          ["the internet", 'lambda function url "hook-url"'],
        ],
      ],
      twinName: "the function URL requires IAM authorization",
      twin: add("aws:lambda/functionUrl:FunctionUrl", "hook-url", {
        functionName: "hook",
        authorizationType: "AWS_IAM",
      }),
    },
    {
      name: "a DMS replication instance keeps its default public IP",
      bad: add("aws:dms/replicationInstance:ReplicationInstance", "migrate", {
        replicationInstanceId: "migrate",
        replicationInstanceClass: "dms.t3.medium",
      }),
      expected: [
        [
          "public-exposure",
          "migrate",
          "mandatory",
          ["the internet", 'dms replication instance "migrate"'],
        ],
      ],
      twinName: "the replication instance is declared private",
      twin: add("aws:dms/replicationInstance:ReplicationInstance", "migrate", {
        replicationInstanceId: "migrate",
        replicationInstanceClass: "dms.t3.medium",
        publiclyAccessible: false,
      }),
    },
    {
      name: "a Fargate service gives its tasks public IPs",
      bad: add("aws:ecs/service:Service", "web-svc", {
        cluster: "records",
        taskDefinition: "web:1",
        launchType: "FARGATE",
        networkConfiguration: { subnets: ["subnet-records"], assignPublicIp: true },
      }),
      expected: [
        [
          "internet-egress",
          "web-svc",
          "mandatory",
          ['ecs service "web-svc"', "the internet (any country)"],
        ],
      ],
      twinName: "the Fargate service's tasks get only private addresses",
      twin: add("aws:ecs/service:Service", "web-svc", {
        cluster: "records",
        taskDefinition: "web:1",
        launchType: "FARGATE",
        networkConfiguration: { subnets: ["subnet-records"], assignPublicIp: false },
      }),
    },
    {
      name: "an ECS task set gives its tasks public IPs",
      bad: add("aws:ecs/taskSet:TaskSet", "web-blue", {
        cluster: "records",
        service: "web",
        taskDefinition: "web:2",
        launchType: "FARGATE",
        networkConfiguration: { subnets: ["subnet-records"], assignPublicIp: true },
      }),
      expected: [
        [
          "internet-egress",
          "web-blue",
          "mandatory",
          ['ecs task set "web-blue"', "the internet (any country)"],
        ],
      ],
      twinName: "the task set's tasks get only private addresses",
      twin: add("aws:ecs/taskSet:TaskSet", "web-blue", {
        cluster: "records",
        service: "web",
        taskDefinition: "web:2",
        launchType: "FARGATE",
        networkConfiguration: { subnets: ["subnet-records"] },
      }),
    },
    {
      name: "a launch template gives instances public IPs",
      bad: add("aws:ec2/launchTemplate:LaunchTemplate", "web-template", {
        imageId: "ami-records",
        networkInterfaces: [{ subnetId: "subnet-records", associatePublicIpAddress: "true" }],
      }),
      expected: [
        [
          "internet-egress",
          "web-template",
          "mandatory",
          ['ec2 launch template "web-template"', "the internet (any country)"],
        ],
      ],
      twinName: "the launch template's interfaces get no public IP",
      twin: add("aws:ec2/launchTemplate:LaunchTemplate", "web-template", {
        imageId: "ami-records",
        networkInterfaces: [{ subnetId: "subnet-records", associatePublicIpAddress: "false" }],
      }),
    },
    {
      name: "a launch configuration gives instances public IPs",
      bad: add("aws:ec2/launchConfiguration:LaunchConfiguration", "web-config", {
        imageId: "ami-records",
        instanceType: "t4g.micro",
        associatePublicIpAddress: true,
      }),
      expected: [
        [
          "internet-egress",
          "web-config",
          "mandatory",
          ['ec2 launch configuration "web-config"', "the internet (any country)"],
        ],
      ],
      twinName: "the launch configuration gives no public IP",
      twin: add("aws:ec2/launchConfiguration:LaunchConfiguration", "web-config", {
        imageId: "ami-records",
        instanceType: "t4g.micro",
        associatePublicIpAddress: false,
      }),
    },
    {
      name: "a spot instance gets a public IP",
      bad: add("aws:ec2/spotInstanceRequest:SpotInstanceRequest", "batch-spot", {
        ami: "ami-records",
        instanceType: "t4g.micro",
        subnetId: "subnet-records",
        associatePublicIpAddress: true,
      }),
      expected: [
        [
          "internet-egress",
          "batch-spot",
          "mandatory",
          ['ec2 spot instance request "batch-spot"', "the internet (any country)"],
        ],
      ],
      twinName: "the spot instance gets only a private address",
      twin: add("aws:ec2/spotInstanceRequest:SpotInstanceRequest", "batch-spot", {
        ami: "ami-records",
        instanceType: "t4g.micro",
        subnetId: "subnet-records",
        associatePublicIpAddress: false,
      }),
    },
    {
      name: "an internet gateway is attached",
      bad: add("aws:ec2/internetGateway:InternetGateway", "igw", { vpcId: "vpc-records" }),
      expected: [
        [
          "internet-egress",
          "igw",
          "mandatory",
          ['internet gateway "igw"', "the internet (any country)"],
        ],
      ],
      twinName: "a virtual private gateway is attached for the office VPN instead",
      twin: add("aws:ec2/vpnGateway:VpnGateway", "vgw", { vpcId: "vpc-records" }),
    },
    {
      name: "a public NAT gateway is added",
      bad: add("aws:ec2/natGateway:NatGateway", "nat", { subnetId: "subnet-records" }),
      expected: [
        [
          "internet-egress",
          "nat",
          "mandatory",
          ['nat gateway "nat"', "the internet (any country)"],
        ],
      ],
      twinName: "a private NAT gateway is added",
      twin: add("aws:ec2/natGateway:NatGateway", "nat", {
        subnetId: "subnet-records",
        connectivityType: "private",
      }),
    },
    {
      name: "an elastic IP is allocated",
      bad: add("aws:ec2/eip:Eip", "eip", { domain: "vpc" }),
      expected: [
        ["internet-egress", "eip", "mandatory", ['eip "eip"', "the internet (any country)"]],
      ],
      twinName: "an instance gets only a private address",
      twin: add("aws:ec2/instance:Instance", "vm", {
        instanceType: "t4g.micro",
        subnetId: "subnet-records",
        associatePublicIpAddress: false,
      }),
    },
    {
      name: "the subnet gives instances public IPs",
      bad: set("subnet", (p) => {
        p.mapPublicIpOnLaunch = true;
      }),
      expected: [
        [
          "internet-egress",
          "subnet",
          "mandatory",
          ['subnet "subnet"', "the internet (any country)"],
        ],
      ],
      twinName: "the subnet is declared to give no public IPs",
      twin: set("subnet", (p) => {
        p.mapPublicIpOnLaunch = false;
      }),
    },
    {
      name: "a default route is added",
      bad: add("aws:ec2/route:Route", "default-route", {
        routeTableId: "rtb-records",
        destinationCidrBlock: "0.0.0.0/0",
        gatewayId: "igw-records",
      }),
      expected: [
        [
          "internet-egress",
          "default-route",
          "mandatory",
          ['ec2 route "default-route"', "the internet (any country)"],
        ],
      ],
      twinName: "a route to the peered network is added",
      twin: add("aws:ec2/route:Route", "default-route", {
        routeTableId: "rtb-records",
        destinationCidrBlock: "172.16.0.0/12",
        vpcPeeringConnectionId: "pcx-records",
      }),
    },
    {
      name: "the security group allows egress to every address",
      bad: set("guard-partner", (p) => {
        p.cidrIpv4 = "0.0.0.0/0";
      }),
      expected: [
        [
          "egress-rules",
          "guard-partner",
          "mandatory",
          [
            'vpc security group egress rule "guard-partner"',
            "0.0.0.0/0 (tcp, port 443): every address, in any country",
          ],
        ],
      ],
      twinName: "the security group allows egress to half the partner range",
      twin: set("guard-partner", (p) => {
        p.cidrIpv4 = "198.51.100.0/25";
      }),
    },
    {
      name: "the partner range is opened on a port the allowlist does not name",
      bad: set("guard-partner", (p) => {
        p.fromPort = 22;
        p.toPort = 22;
      }),
      expected: [
        [
          "egress-rules",
          "guard-partner",
          "mandatory",
          ['vpc security group egress rule "guard-partner"', "198.51.100.0/24 (tcp, port 22)"],
        ],
      ],
      twinName: "the partner range is opened on the allowlisted port",
      twin: set("guard-partner", (p) => {
        p.fromPort = 443;
        p.toPort = 443;
      }),
    },
    {
      name: "the network ACL allows all egress instead of denying it",
      bad: set("acl", (p) => {
        (p.egress as Props[])[2].action = "allow";
      }),
      expected: [
        [
          "egress-rules",
          "acl",
          "mandatory",
          [
            'ec2 network acl "acl"',
            "0.0.0.0/0 (all protocols and ports): every address, in any country",
          ],
        ],
      ],
      twinName: "the network ACL's closing rule denies",
      twin: set("acl", (p) => {
        (p.egress as Props[])[2].action = "deny";
      }),
    },
    {
      name: "a prefix list holds every address",
      bad: add("aws:ec2/managedPrefixList:ManagedPrefixList", "prefixes", {
        name: "partners",
        addressFamily: "IPv4",
        maxEntries: 1,
        entries: [{ cidr: "0.0.0.0/0" }],
      }),
      expected: [
        [
          "egress-rules",
          "prefixes",
          "mandatory",
          [
            'ec2 managed prefix list "prefixes"',
            "0.0.0.0/0 (all protocols and ports): every address, in any country",
          ],
        ],
      ],
      twinName: "the prefix list holds the VPC",
      twin: add("aws:ec2/managedPrefixList:ManagedPrefixList", "prefixes", {
        name: "partners",
        addressFamily: "IPv4",
        maxEntries: 1,
        entries: [{ cidr: "10.30.0.0/16" }],
      }),
    },
  ]);
});

describe("key locality", () => {
  runCases(pack, () => happy, us, [
    {
      name: "a bucket is encrypted with a key ARN in Frankfurt",
      bad: set("records-encryption", (p) => {
        const byDefault = rule0(p).applyServerSideEncryptionByDefault as Props;
        byDefault.kmsMasterKeyId = `arn:aws:kms:eu-central-1:${account}:key/0123`;
      }),
      expected: [
        [
          "key-locality",
          "records-encryption",
          "mandatory",
          [
            's3 bucket server side encryption configuration "records-encryption"',
            "arn:aws:kms:eu-central-1:111122223333:key/0123 (outside US, in EU)",
          ],
        ],
      ],
      twinName: "the bucket is encrypted with the ARN of the program's Oregon key",
      twin: (plan) =>
        set("records-encryption", (p) => {
          const byDefault = rule0(p).applyServerSideEncryptionByDefault as Props;
          byDefault.kmsMasterKeyId = named(plan, "key").outputs.arn;
        })(plan),
    },
    {
      name: "a DynamoDB replica is encrypted with a key in Frankfurt",
      bad: set("sessions", (p) => {
        (p.replicas as Props[])[0].kmsKeyArn = `arn:aws:kms:eu-central-1:${account}:key/0123`;
      }),
      expected: [
        [
          "key-locality",
          "sessions",
          "mandatory",
          [
            'dynamodb table "sessions"',
            "arn:aws:kms:eu-central-1:111122223333:key/0123 (outside US, in EU)",
          ],
        ],
      ],
      twinName: "the replica is encrypted with the program's Virginia key",
      twin: (plan) =>
        set("sessions", (p) => {
          (p.replicas as Props[])[0].kmsKeyArn = named(plan, "dr-key").outputs.arn;
        })(plan),
    },
    {
      name: "a log group is encrypted with a China-partition key",
      bad: set("app-logs", (p) => {
        p.kmsKeyId = `arn:aws-cn:kms:cn-north-1:${account}:key/0123`;
      }),
      expected: [
        [
          "key-locality",
          "app-logs",
          "mandatory",
          [
            'cloudwatch log group "app-logs"',
            "arn:aws-cn:kms:cn-north-1:111122223333:key/0123 (partition aws-cn, outside US)",
          ],
        ],
      ],
      twinName: "the log group is encrypted with the program's key",
      twin: (plan) =>
        set("app-logs", (p) => {
          p.kmsKeyId = named(plan, "key").outputs.arn;
        })(plan),
    },
    {
      name: "a bucket's encryption names a key ID the program does not create",
      bad: set("records-encryption", (p) => {
        const byDefault = rule0(p).applyServerSideEncryptionByDefault as Props;
        byDefault.kmsMasterKeyId = "1234abcd-12ab-34cd-56ef-1234567890ab";
      }),
      expected: [
        [
          "store-key-locality",
          "records",
          "mandatory",
          ['s3 bucket "records"', "1234abcd-12ab-34cd-56ef-1234567890ab (cannot be placed)"],
        ],
      ],
      twinName: "the encryption names the key ID of the program's key",
      twin: (plan) =>
        set("records-encryption", (p) => {
          const byDefault = rule0(p).applyServerSideEncryptionByDefault as Props;
          byDefault.kmsMasterKeyId = named(plan, "key").outputs.keyId;
        })(plan),
    },
  ]);
  runCasesInBothPostures(pack, () => happy, us, [
    {
      name: "a bucket is encrypted with the S3-managed key",
      bad: set("records-encryption", (p) => {
        rule0(p).applyServerSideEncryptionByDefault = { sseAlgorithm: "AES256" };
      }),
      expected: [["customer-key-encryption", "records", "advisory", null]],
      twinName: "the bucket is encrypted with the program's key",
      twin: (plan) =>
        set("records-encryption", (p) => {
          rule0(p).applyServerSideEncryptionByDefault = {
            sseAlgorithm: "aws:kms",
            kmsMasterKeyId: named(plan, "key").outputs.arn,
          };
        })(plan),
    },
    {
      name: "the database is not encrypted",
      bad: set("db", (p) => {
        p.storageEncrypted = false;
      }),
      expected: [["customer-key-encryption", "db", "advisory", null]],
      twinName: "the database is encrypted with the program's key",
      twin: set("db", (p) => {
        p.storageEncrypted = true;
      }),
    },
    {
      name: "the secret uses the AWS-managed key",
      bad: set("api-token", (p) => {
        delete p.kmsKeyId;
      }),
      expected: [["customer-key-encryption", "api-token", "advisory", null]],
      twinName: "the secret uses the program's key",
      twin: (plan) =>
        set("api-token", (p) => {
          p.kmsKeyId = named(plan, "key").outputs.arn;
        })(plan),
    },
  ]);
});

describe("kubernetes", () => {
  // The happy path: a default-deny NetworkPolicy, egress to the allowlisted partner range on
  // 443, an internal LoadBalancer. Each case opens one path out of the cluster.
  runCases(pack, () => happy, us, [
    {
      name: "a NetworkPolicy allows egress to 0.0.0.0/0",
      bad: set("partner-egress", (p) => {
        egressRules(p)[0].to = [{ ipBlock: { cidr: "0.0.0.0/0", except: ["10.0.0.0/8"] } }];
      }),
      expected: [
        [
          "kubernetes-egress",
          "partner-egress",
          "mandatory",
          ['k8s networkpolicy "partner-egress"', "0.0.0.0/0 (tcp, port 443)"],
        ],
      ],
      twinName: "it allows egress to the partner range less one address",
      twin: set("partner-egress", (p) => {
        egressRules(p)[0].to = [
          { ipBlock: { cidr: "198.51.100.0/24", except: ["198.51.100.1/32"] } },
        ];
      }),
    },
    {
      name: "a NetworkPolicy egress rule has no `to`, which allows every destination",
      bad: set("partner-egress", (p) => {
        delete egressRules(p)[1].to;
      }),
      expected: [
        [
          "kubernetes-egress",
          "partner-egress",
          "mandatory",
          ['k8s networkpolicy "partner-egress"', "every address (any country)"],
        ],
      ],
      twinName: "the rule allows every pod of the namespace",
      twin: set("partner-egress", (p) => {
        egressRules(p)[1].to = [{ podSelector: {} }];
      }),
    },
    {
      name: "a NetworkPolicy opens the partner range on a port the allowlist does not name",
      bad: set("partner-egress", (p) => {
        egressRules(p)[0].ports = [{ protocol: "TCP", port: 22 }];
      }),
      expected: [
        [
          "kubernetes-egress",
          "partner-egress",
          "mandatory",
          ['k8s networkpolicy "partner-egress"', "198.51.100.0/24 (tcp, port 22)"],
        ],
      ],
      twinName: "the partner range is opened on the allowlisted port only",
      twin: set("partner-egress", (p) => {
        egressRules(p)[0].ports = [{ protocol: "TCP", port: 443 }];
      }),
    },
    {
      name: "the partner range is opened on every port",
      bad: set("partner-egress", (p) => {
        delete egressRules(p)[0].ports;
      }),
      expected: [
        [
          "kubernetes-egress",
          "partner-egress",
          "mandatory",
          ['k8s networkpolicy "partner-egress"', "198.51.100.0/24 (all protocols and ports)"],
        ],
      ],
      twinName: "the partner range is opened on the allowlisted port, protocol left to its default",
      twin: set("partner-egress", (p) => {
        egressRules(p)[0].ports = [{ port: 443 }];
      }),
    },
    {
      name: "a legacy extensions/v1beta1 NetworkPolicy allows egress to an address abroad",
      bad: add(
        "kubernetes:extensions/v1beta1:NetworkPolicy",
        "legacy",
        {
          metadata: { namespace: "records" },
          spec: { podSelector: {}, egress: [{ to: [{ ipBlock: { cidr: "203.0.113.9/32" } }] }] },
        },
        { provider: "kube" },
      ),
      expected: [
        [
          "kubernetes-egress",
          "legacy",
          "mandatory",
          ['k8s networkpolicy "legacy"', "203.0.113.9/32 (all protocols and ports)"],
        ],
      ],
      twinName: "the legacy policy allows egress only inside the cluster network",
      twin: add(
        "kubernetes:extensions/v1beta1:NetworkPolicy",
        "legacy",
        {
          metadata: { namespace: "records" },
          spec: { podSelector: {}, egress: [{ to: [{ ipBlock: { cidr: "10.30.0.0/16" } }] }] },
        },
        { provider: "kube" },
      ),
    },
    {
      name: "a Helm v3 Release installs a chart the pack cannot see into",
      bad: add(
        "kubernetes:helm.sh/v3:Release",
        "exporter",
        { chart: "exporter", repositoryOpts: { repo: "https://charts.example.com" } },
        { provider: "kube" },
      ),
      expected: [
        [
          "helm-releases",
          "exporter",
          "mandatory",
          ['k8s release "exporter"', "resources the pack cannot see"],
        ],
      ],
      twinName: "the chart is rendered (helm.v4.Chart) into a Deployment the pack sees",
      twin: add(
        "kubernetes:apps/v1:Deployment",
        "exporter",
        {
          metadata: { namespace: "records" },
          spec: {
            selector: { matchLabels: { app: "exporter" } },
            template: {
              metadata: { labels: { app: "exporter" } },
              spec: { containers: [{ name: "exporter", image: "exporter:1.0" }] },
            },
          },
        },
        { provider: "kube" },
      ),
    },
  ]);
});

describe("kubernetes clusters and namespaces", () => {
  // Judged on the whole plan: a provider with the cluster its kubeconfig comes from, a
  // namespace with its NetworkPolicies.
  const defaultDeny = (name: string, provider: string, namespace = "records") =>
    add(
      "kubernetes:networking.k8s.io/v1:NetworkPolicy",
      name,
      {
        metadata: { namespace },
        spec: { podSelector: {}, policyTypes: ["Egress"], egress: [] },
      },
      { provider },
    );
  const deployment = (name: string, provider: string, namespace = "records") =>
    add(
      "kubernetes:apps/v1:Deployment",
      name,
      {
        metadata: { namespace },
        spec: {
          selector: { matchLabels: { app: name } },
          template: {
            metadata: { labels: { app: name } },
            spec: { containers: [{ name, image: `registry.example.com/${name}:1.0` }] },
          },
        },
      },
      { provider },
    );
  /** Workloads through a provider `name` whose kubeconfig names no cluster of the program. */
  const onProvider = (props: Record<string, unknown>) =>
    pipe(
      addProvider("kubernetes", "ops", props),
      deployment("ingest", "ops"),
      defaultDeny("ops-deny", "ops"),
    );
  /** A stack reference, as the engine records it: a resource of no provider package. */
  const stackReference = (name: string) => (plan: Plan) => {
    const r = resource(
      plan,
      "pulumi:pulumi:StackReference",
      name,
      { name: "acme/platform/prod" },
      {
        provider: "kube",
      },
    );
    return withResources(plan, { ...r, provider: undefined });
  };
  const declared = (region: string): CheckOptions => ({
    ...us,
    clusters: [{ context: "records-prod", cloud: "aws", region }],
  });
  const unplaced: Finding = [
    "kubernetes-cluster-placement",
    "ops",
    "mandatory",
    ['kubernetes provider "ops"', "a cluster the pack cannot place"],
  ];

  /** A NodePort Service in the records namespace. */
  const nodePort = add(
    "kubernetes:core/v1:Service",
    "exporter",
    {
      metadata: { namespace: "records" },
      spec: { type: "NodePort", selector: { app: "exporter" }, ports: [{ port: 9100 }] },
    },
    { provider: "kube" },
  );
  /** A managed node group of the happy path's cluster, in `subnet`. */
  const nodeGroup = (subnet: string) =>
    add(
      "aws:eks/nodeGroup:NodeGroup",
      "nodes",
      {
        clusterName: unknown,
        nodeRoleArn: `arn:aws:iam::${account}:role/eks-nodes`,
        subnetIds: [unknown],
        scalingConfig: { desiredSize: 2, minSize: 1, maxSize: 3 },
      },
      { dependsOn: { clusterName: ["cluster"], subnetIds: [subnet] } },
    );

  /** An Ingress of class alb in the records namespace. */
  const ingress = (annotations: Record<string, string>, provider = "kube") =>
    add(
      "kubernetes:networking.k8s.io/v1:Ingress",
      "web",
      {
        metadata: { namespace: "records", annotations },
        spec: {
          ingressClassName: "alb",
          rules: [
            {
              http: {
                paths: [
                  {
                    path: "/",
                    pathType: "Prefix",
                    backend: { service: { name: "api", port: { number: 443 } } },
                  },
                ],
              },
            },
          ],
        },
      },
      { provider },
    );
  /** A sealed ACK cluster in Silicon Valley and a provider built from it. */
  const ackCluster = pipe(
    addProvider("alicloud", "ali-us", { region: "us-west-1" }),
    add(
      "alicloud:cs/managedKubernetes:ManagedKubernetes",
      "ack",
      { workerVswitchIds: ["vsw-apps"], newNatGateway: false, slbInternetEnabled: false },
      { provider: "ali-us" },
    ),
    addProvider("kubernetes", "ack-kube", { kubeconfig: unknown }),
    (plan: Plan) => withDependencies(plan, "ack-kube", { kubeconfig: ["ack"] }),
    defaultDeny("ack-deny", "ack-kube"),
  );
  /**
   * AlbConfig is a custom resource of ACK's controller, not a type of the SDKs: a team that
   * reviewed it lists it under allowTypes.
   */
  const albReviewed: CheckOptions = {
    ...us,
    policies: {
      "reviewed-resource-types": { allowTypes: ["kubernetes:alibabacloud.com/v1:AlbConfig"] },
    },
  };
  /** The alb IngressClass of the ACK cluster and the AlbConfig it names. */
  const albClass = (addressType: string) =>
    pipe(
      add(
        "kubernetes:networking.k8s.io/v1:IngressClass",
        "alb",
        {
          metadata: { name: "alb" },
          spec: {
            controller: "ingress.k8s.alibabacloud/alb",
            parameters: { apiGroup: "alibabacloud.com", kind: "AlbConfig", name: "internal-alb" },
          },
        },
        { provider: "ack-kube" },
      ),
      add(
        "kubernetes:alibabacloud.com/v1:AlbConfig",
        "internal-alb",
        {
          metadata: { name: "internal-alb" },
          spec: { config: { name: "internal-alb", addressType } },
        },
        { provider: "ack-kube" },
      ),
    );

  interface WholePlanCase {
    readonly name: string;
    readonly bad: (plan: Plan) => Plan;
    readonly settings?: CheckOptions;
    readonly expected: readonly Finding[];
    /** A message the first expected finding carries. */
    readonly message?: string;
    readonly twinName: string;
    readonly twin: (plan: Plan) => Plan;
    readonly twinSettings?: CheckOptions;
  }
  const cases: WholePlanCase[] = [
    {
      name: "a provider uses the ambient kubeconfig",
      bad: onProvider({}),
      expected: [unplaced],
      message:
        'kubernetes provider "ops" must deploy to a cluster placed inside US, but the pack cannot tell where its cluster is: it uses the ambient kubeconfig (KUBECONFIG or ~/.kube/config) of whoever runs Pulumi, and it selects no context the stack config declares. Its 2 Kubernetes objects (k8s deployment "ingest" and k8s networkpolicy "ops-deny") could run in any country. Build the provider\'s kubeconfig from a cluster this program creates (alicloud.cs.ManagedKubernetes, aws.eks.Cluster), or declare where the cluster is: pass the cluster\'s kubeconfig context as the provider\'s context argument, and add that context with its cloud and region to the stack config, e.g. sovereign-dc:clusters: [{ context: "<context>", cloud: aws, region: us-east-1 }], with a region inside US.',
      twinName: "its context is declared in Virginia",
      twin: onProvider({ context: "records-prod" }),
      twinSettings: declared("us-east-1"),
    },
    {
      name: "a provider's kubeconfig is text read from a file, selecting an undeclared context",
      bad: onProvider({
        kubeconfig: "apiVersion: v1\nkind: Config\ncurrent-context: records-prod\n",
      }),
      expected: [unplaced],
      message:
        'kubernetes provider "ops" must deploy to a cluster placed inside US, but the pack cannot tell where its cluster is: its kubeconfig is given as text (a file, a secret or config), which ties it to no cluster of this program, and its context "records-prod" is not declared in sovereign-dc:clusters.',
      twinName: "the kubeconfig's current context is declared in Oregon",
      twin: onProvider({
        kubeconfig: "apiVersion: v1\nkind: Config\ncurrent-context: records-prod\n",
      }),
      twinSettings: declared("us-west-2"),
    },
    {
      name: "a provider's kubeconfig comes from a stack reference",
      bad: pipe(stackReference("platform"), onProvider({ kubeconfig: unknown }), (plan) =>
        withDependencies(plan, "ops", { kubeconfig: ["platform"] }),
      ),
      expected: [unplaced],
      message:
        'kubernetes provider "ops" must deploy to a cluster placed inside US, but the pack cannot tell where its cluster is: its kubeconfig comes from pulumi stack reference "platform", not from a cluster this program creates, and it selects no context the stack config declares.',
      twinName: "the provider selects a context declared in Oregon",
      twin: pipe(
        stackReference("platform"),
        onProvider({ kubeconfig: unknown, context: "records-prod" }),
        (plan) => withDependencies(plan, "ops", { kubeconfig: ["platform"] }),
      ),
      twinSettings: declared("us-west-2"),
    },
    {
      name: "the provider's context is declared in Frankfurt",
      bad: onProvider({ context: "records-prod" }),
      settings: declared("eu-central-1"),
      expected: [
        [
          "kubernetes-cluster-placement",
          "ops",
          "mandatory",
          [
            'kubernetes provider "ops"',
            'cluster of context "records-prod"',
            "eu-central-1 (outside US, in EU)",
          ],
        ],
      ],
      twinName: "the context is declared in Oregon",
      twin: onProvider({ context: "records-prod" }),
      twinSettings: declared("us-west-2"),
    },
    {
      name: "a provider's kubeconfig is built from an EKS cluster in Frankfurt",
      bad: pipe(
        addProvider("aws", "frankfurt", { region: "eu-central-1" }),
        add(
          "aws:eks/cluster:Cluster",
          "eu-cluster",
          {
            roleArn: `arn:aws:iam::${account}:role/eks`,
            vpcConfig: { endpointPublicAccess: false },
          },
          { provider: "frankfurt" },
        ),
        onProvider({ kubeconfig: unknown }),
        (plan) => withDependencies(plan, "ops", { kubeconfig: ["eu-cluster"] }),
      ),
      expected: [
        [
          "resource-placement",
          "frankfurt",
          "mandatory",
          ['aws provider "frankfurt"', "eu-central-1 (outside US, in EU)"],
        ],
        [
          "resource-placement",
          "eu-cluster",
          "mandatory",
          ['eks cluster "eu-cluster"', "eu-central-1 (outside US, in EU)"],
        ],
        [
          "kubernetes-cluster-placement",
          "ops",
          "mandatory",
          [
            'kubernetes provider "ops"',
            'eks cluster "eu-cluster"',
            "eu-central-1 (outside US, in EU)",
          ],
        ],
      ],
      twinName: "it is built from an EKS cluster in Oregon",
      twin: pipe(
        add("aws:eks/cluster:Cluster", "eu-cluster", {
          roleArn: `arn:aws:iam::${account}:role/eks`,
          vpcConfig: { endpointPublicAccess: false },
        }),
        onProvider({ kubeconfig: unknown }),
        (plan) => withDependencies(plan, "ops", { kubeconfig: ["eu-cluster"] }),
      ),
    },
    {
      name: "a namespace runs pods with no default-deny egress NetworkPolicy",
      bad: deployment("ingest", "kube", "intake"),
      expected: [
        [
          "kubernetes-namespace-egress",
          "ingest",
          "mandatory",
          [
            'k8s namespace "intake"',
            "pod egress (no default-deny NetworkPolicy)",
            "every address (any country)",
          ],
        ],
      ],
      message:
        'k8s namespace "intake" must deny pod egress by default, but no NetworkPolicy in it selects every pod (podSelector: {}) with policyTypes ["Egress"], so the pods of k8s deployment "ingest" can reach any address, in any country. Add a default-deny egress NetworkPolicy to the namespace and allow only in-cluster peers and allowlisted destinations.',
      twinName: "the pods run in the namespace that denies egress by default",
      twin: deployment("ingest", "kube", "records"),
    },
    {
      name: "the namespace's only egress policy selects some of its pods",
      bad: pipe(
        deployment("ingest", "kube", "intake"),
        add(
          "kubernetes:networking.k8s.io/v1:NetworkPolicy",
          "ingest-egress",
          {
            metadata: { namespace: "intake" },
            spec: {
              podSelector: { matchLabels: { app: "ingest" } },
              policyTypes: ["Egress"],
              egress: [],
            },
          },
          { provider: "kube" },
        ),
      ),
      expected: [
        [
          "kubernetes-namespace-egress",
          "ingest",
          "mandatory",
          [
            'k8s namespace "intake"',
            "pod egress (no default-deny NetworkPolicy)",
            "every address (any country)",
          ],
        ],
      ],
      twinName: "the policy selects every pod of the namespace",
      twin: pipe(
        deployment("ingest", "kube", "intake"),
        defaultDeny("intake-deny", "kube", "intake"),
      ),
    },
    {
      name: "the namespace's default-deny policy restricts ingress only",
      bad: pipe(
        deployment("ingest", "kube", "intake"),
        add(
          "kubernetes:networking.k8s.io/v1:NetworkPolicy",
          "intake-deny",
          { metadata: { namespace: "intake" }, spec: { podSelector: {}, egress: [] } },
          { provider: "kube" },
        ),
      ),
      expected: [
        [
          "kubernetes-namespace-egress",
          "ingest",
          "mandatory",
          [
            'k8s namespace "intake"',
            "pod egress (no default-deny NetworkPolicy)",
            "every address (any country)",
          ],
        ],
      ],
      twinName: "it names Egress among its policyTypes",
      twin: pipe(
        deployment("ingest", "kube", "intake"),
        defaultDeny("intake-deny", "kube", "intake"),
      ),
    },
    {
      name: "a LoadBalancer Service has no internal annotation",
      bad: set("api", (p) => {
        delete (p.metadata as Props).annotations;
      }),
      expected: [
        ["kubernetes-service-exposure", "api", "mandatory", ["the internet", 'k8s service "api"']],
      ],
      twinName: "the Service without the annotation is a ClusterIP Service",
      twin: set("api", (p) => {
        delete (p.metadata as Props).annotations;
        (p.spec as Props).type = "ClusterIP";
      }),
    },
    {
      name: "an ExternalName Service aliases a host outside the cluster",
      bad: add(
        "kubernetes:core/v1:Service",
        "partner",
        {
          metadata: { namespace: "records" },
          spec: { type: "ExternalName", externalName: "api.partner.example" },
        },
        { provider: "kube" },
      ),
      expected: [
        [
          "kubernetes-service-exposure",
          "partner",
          "mandatory",
          ['k8s service "partner"', "api.partner.example (cannot be placed)"],
        ],
      ],
      twinName: "it aliases a Service of the cluster",
      twin: add(
        "kubernetes:core/v1:Service",
        "partner",
        {
          metadata: { namespace: "records" },
          spec: { type: "ExternalName", externalName: "exporter.records.svc.cluster.local" },
        },
        { provider: "kube" },
      ),
    },
    {
      name: "a LoadBalancer Service on EKS carries only Alibaba Cloud's internal annotation",
      bad: set("api", (p) => {
        (p.metadata as Props).annotations = {
          "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type": "intranet",
        };
      }),
      expected: [
        ["kubernetes-service-exposure", "api", "mandatory", ["the internet", 'k8s service "api"']],
      ],
      message:
        'k8s service "api" must not face the internet, but spec.type is "LoadBalancer" without the internal-load-balancer annotation of its cluster\'s cloud (aws), so the cloud provisions a public load balancer. Annotate it service.beta.kubernetes.io/aws-load-balancer-scheme: "internal", or use ClusterIP.',
      twinName: "it carries the legacy AWS internal annotation",
      twin: set("api", (p) => {
        (p.metadata as Props).annotations = {
          "service.beta.kubernetes.io/aws-load-balancer-internal": "true",
        };
      }),
    },
    {
      name: "a NodePort Service opens a port on nodes whose subnet gives them public IPs",
      bad: pipe(
        add("aws:ec2/subnet:Subnet", "public-nodes", {
          vpcId: unknown,
          cidrBlock: "10.30.9.0/24",
          mapPublicIpOnLaunch: true,
        }),
        nodeGroup("public-nodes"),
        nodePort,
      ),
      expected: [
        [
          "internet-egress",
          "public-nodes",
          "mandatory",
          ['subnet "public-nodes"', "the internet (any country)"],
        ],
        [
          "kubernetes-service-exposure",
          "exporter",
          "mandatory",
          [
            "the internet",
            'eks node group "nodes" in subnet "public-nodes" (public IPs on launch)',
            'k8s service "exporter"',
          ],
        ],
      ],
      twinName: "the node group runs in the private subnet",
      twin: pipe(nodeGroup("subnet"), nodePort),
    },
    {
      name: "a NodePort Service runs on a cluster whose nodes the program does not create",
      bad: nodePort,
      expected: [
        [
          "kubernetes-service-exposure",
          "exporter",
          "mandatory",
          ["the internet", "nodes of a cluster the pack cannot see", 'k8s service "exporter"'],
        ],
      ],
      message:
        'k8s service "exporter" must not face the internet, but spec.type is "NodePort", which opens its port on every node, and the program creates no node pool or node group for eks cluster "cluster", so whether they have public addresses cannot be decided.',
      twinName: "its nodes are a node group in the private subnet",
      twin: pipe(nodeGroup("subnet"), nodePort),
    },
    {
      name: "an ALB Ingress on EKS asks for an internet-facing load balancer",
      bad: ingress({ "alb.ingress.kubernetes.io/scheme": "internet-facing" }),
      expected: [
        ["kubernetes-service-exposure", "web", "mandatory", ["the internet", 'k8s ingress "web"']],
      ],
      twinName: "it leaves the scheme at its default, internal",
      twin: ingress({}),
    },
    {
      name: "an ALB Ingress on ACK gets the Internet ALB its controller creates by default",
      bad: pipe(ackCluster, ingress({}, "ack-kube")),
      expected: [
        ["kubernetes-service-exposure", "web", "mandatory", ["the internet", 'k8s ingress "web"']],
      ],
      message:
        'k8s ingress "web" must not face the internet, but its class "alb" makes ACK\'s ALB Ingress controller serve it from an ALB whose AlbConfig this program does not declare (addressType defaults to Internet).',
      twinName: "its IngressClass names an AlbConfig with addressType Intranet",
      twin: pipe(ackCluster, ingress({}, "ack-kube"), albClass("Intranet")),
      twinSettings: albReviewed,
    },
    {
      name: "an ALB Ingress on ACK whose AlbConfig asks for an Internet ALB",
      bad: pipe(ackCluster, ingress({}, "ack-kube"), albClass("Internet")),
      settings: albReviewed,
      expected: [
        ["kubernetes-service-exposure", "web", "mandatory", ["the internet", 'k8s ingress "web"']],
      ],
      twinName: "the AlbConfig asks for an Intranet ALB",
      twin: pipe(ackCluster, ingress({}, "ack-kube"), albClass("Intranet")),
      twinSettings: albReviewed,
    },
  ];

  test.each(cases)("fails when $name", async ({ bad, settings, expected, message }) => {
    const violations = await pack.check(bad(happy), settings ?? us);
    expect(findings(violations)).toEqual(sorted(expected));
    if (message !== undefined) {
      const [policy, resource] = expected[0];
      const v = violations.find((x) => x.policy === policy && x.resourceName === resource);
      expect(v?.message.slice(0, message.length)).toBe(message);
    }
  });

  test.each(cases)("passes when $twinName", async ({ twin, twinSettings }) => {
    expect(summary(await pack.check(twin(happy), twinSettings ?? us))).toEqual([]);
  });

  runCases(pack, () => happy, us, [
    {
      name: "the EKS cluster's API server endpoint is public",
      bad: set("cluster", (p) => {
        (p.vpcConfig as Props).endpointPublicAccess = true;
      }),
      expected: [
        ["public-exposure", "cluster", "mandatory", ["the internet", 'eks cluster "cluster"']],
      ],
      twinName: "the public endpoint admits only the allowlisted partner range",
      twin: set("cluster", (p) => {
        (p.vpcConfig as Props).endpointPublicAccess = true;
        (p.vpcConfig as Props).publicAccessCidrs = ["198.51.100.0/24"];
      }),
    },
    {
      name: "the EKS cluster leaves endpointPublicAccess at its default (true)",
      bad: set("cluster", (p) => {
        delete (p.vpcConfig as Props).endpointPublicAccess;
      }),
      expected: [
        ["public-exposure", "cluster", "mandatory", ["the internet", 'eks cluster "cluster"']],
      ],
      twinName: "endpointPublicAccess is false",
      twin: set("cluster", (p) => {
        (p.vpcConfig as Props).endpointPublicAccess = false;
      }),
    },
  ]);
});

describe("fail closed", () => {
  describe("reviewed resource types", () => {
    // A voice connector sends calls to whatever SIP host routes[].host names: unclassified.
    const withSipRoute = add(
      "aws:chime/voiceConnectorOrigination:VoiceConnectorOrigination",
      "partner-hook",
      {
        voiceConnectorId: "abcdef1ghij2klmno3pqr4",
        routes: [
          { host: "sip.partner.example", port: 5060, priority: 1, protocol: "UDP", weight: 1 },
        ],
      },
    );

    runCases(pack, () => happy, us, [
      {
        name: "a resource type the pack has not classified is created",
        bad: withSipRoute,
        expected: [["reviewed-resource-types", "partner-hook", "mandatory", null]],
        twinName: "the type is listed in allowTypes after review",
        twin: withSipRoute,
        twinSettings: {
          ...us,
          policies: {
            "reviewed-resource-types": {
              allowTypes: ["aws:chime/voiceConnectorOrigination:VoiceConnectorOrigination"],
            },
          },
        },
      },
      {
        name: "a type the installed SDKs do not have is created",
        bad: add("aws:widgets/widget:Widget", "widget", { size: 1 }),
        expected: [["reviewed-resource-types", "widget", "mandatory", null]],
        twinName: "a type the pack's list classes regional is created",
        // policy/review/classes.json classes an SSM parameter regional.
        twin: add("aws:ssm/parameter:Parameter", "widget", {
          name: "/records/mode",
          type: "String",
          value: "internal",
        }),
      },
      {
        name: "an unreviewed Kubernetes kind is created",
        bad: add(
          "kubernetes:storage.k8s.io/v1:StorageClass",
          "partner-nfs",
          {
            provisioner: "nfs.csi.k8s.io",
            parameters: { server: "203.0.113.10", share: "/exports" },
          },
          { provider: "kube" },
        ),
        expected: [["reviewed-resource-types", "partner-nfs", "mandatory", null]],
        twinName: "a reviewed Kubernetes kind is created",
        twin: add(
          "kubernetes:core/v1:ConfigMap",
          "settings",
          { metadata: { namespace: "records" }, data: { mode: "internal" } },
          { provider: "kube" },
        ),
      },
    ]);

    test("the unclassified type's finding says what no check reads and how to explain it", async () => {
      const violations = await pack.checkAround(happy, withSipRoute(happy), us);
      expect(findings(violations)).toEqual([
        ["reviewed-resource-types", "partner-hook", "mandatory", null],
      ]);
      expect(violations[0].message).toContain(
        "aws:chime/voiceConnectorOrigination:VoiceConnectorOrigination is unclassified: no check reads routes[].host, so the pack cannot tell whether it moves data across the border. See `sovereign-dc coverage --type aws:chime/voiceConnectorOrigination:VoiceConnectorOrigination`",
      );
    });

    test("a type outside the pack's list names the SDK versions it classifies", async () => {
      const violations = await pack.checkAround(
        happy,
        add("aws:widgets/widget:Widget", "widget", { size: 1 })(happy),
        us,
      );
      expect(violations.map((v) => v.message)).toEqual([
        expect.stringContaining(
          "aws:widgets/widget:Widget is neither a resource type of the installed SDKs the pack classifies (@pulumi/alicloud 3.108.0, @pulumi/aws 7.48.0, @pulumi/kubernetes 4.34.2) nor in policy/reviewed.ts",
        ),
      ]);
    });

    test("reports at the enforcement level the config sets", async () => {
      const violations = await pack.checkAround(happy, withSipRoute(happy), {
        ...us,
        policies: { "reviewed-resource-types": { enforcementLevel: "advisory" } },
      });
      expect(findings(violations)).toEqual([
        ["reviewed-resource-types", "partner-hook", "advisory", null],
      ]);
    });

    test("does not fail a type the border analysis models though no list names it", async () => {
      const withLogging = add("aws:s3/bucketLoggingV2:BucketLoggingV2", "records-log", {
        bucket: "records",
        targetBucket: "records",
        targetPrefix: "access/",
      });
      expect(findings(await pack.checkAround(happy, withLogging(happy), us))).toEqual([]);
    });

    test("does not subject component resources, which have no provider", async () => {
      const stack = happy.resources.find((r) => r.type === "pulumi:pulumi:Stack")!;
      const component: RecordedResource = {
        ...stack,
        urn: `${stack.urn}$acme:storage:Archive::archive`,
        type: "acme:storage:Archive",
        name: "archive",
        parent: stack.urn,
      };
      expect(summary(await pack.check(withResources(happy, component), us))).toEqual([]);
    });
  });

  describe("values unknown at preview", () => {
    runCases(pack, () => happy, us, [
      {
        name: "a NetworkPolicy's ipBlock is not known",
        bad: set("partner-egress", (p) => {
          egressRules(p)[0].to = [{ ipBlock: { cidr: unknown } }];
        }),
        expected: [
          [
            "kubernetes-egress",
            "partner-egress",
            "mandatory",
            [
              'k8s networkpolicy "partner-egress"',
              "spec.egress[0].to[0].ipBlock.cidr (unknown at preview)",
            ],
          ],
        ],
        twinName: "the ipBlock is known and allowlisted",
        twin: set("partner-egress", (p) => {
          egressRules(p)[0].to = [{ ipBlock: { cidr: "198.51.100.0/24" } }];
        }),
      },
    ]);
  });
});

describe("resource policies and grants", () => {
  const other = "999988887777";
  const inside = "us-west-2 (inside US)";
  const otherAccount = `account ${other} (not this stack's account ${account})`;
  /** A one-statement policy document, as `JSON.stringify(getPolicyDocument(...))` gives it. */
  const doc = (statement: Props) =>
    JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", ...statement }] });
  const topicPolicy = (statement: Props) =>
    add("aws:sns/topicPolicy:TopicPolicy", "orders-topic-policy", {
      arn: `arn:aws:sns:us-west-2:${account}:orders`,
      policy: doc({ Action: "sns:Subscribe", Resource: "*", ...statement }),
    });
  const queuePolicy = (principal: unknown) =>
    add("aws:sqs/queuePolicy:QueuePolicy", "orders-queue-policy", {
      queueUrl: `https://sqs.us-west-2.amazonaws.com/${account}/orders`,
      policy: doc({ Principal: principal, Action: "sqs:ReceiveMessage", Resource: "*" }),
    });
  const permission = (inputs: Props) =>
    add("aws:lambda/permission:Permission", "invoke", {
      action: "lambda:InvokeFunction",
      function: "orders-handler",
      ...inputs,
    });

  runCases(pack, () => happy, us, [
    {
      name: "a topic policy lets everyone subscribe",
      bad: topicPolicy({ Principal: "*" }),
      expected: [
        [
          "public-exposure",
          "orders-topic-policy",
          "mandatory",
          ["the internet", 'sns topic policy "orders-topic-policy"'],
        ],
      ],
      twinName: "the topic policy binds everyone to the stack's own account",
      twin: topicPolicy({
        Principal: "*",
        Condition: { StringEquals: { "AWS:SourceOwner": account } },
      }),
    },
    {
      name: "a secret policy allows everyone but one role (NotPrincipal)",
      bad: add("aws:secretsmanager/secretPolicy:SecretPolicy", "db-secret-policy", {
        secretArn: `arn:aws:secretsmanager:us-west-2:${account}:secret:db`,
        policy: doc({
          NotPrincipal: { AWS: `arn:aws:iam::${account}:role/ops` },
          Action: "secretsmanager:GetSecretValue",
          Resource: "*",
        }),
      }),
      expected: [
        [
          "public-exposure",
          "db-secret-policy",
          "mandatory",
          ["the internet", 'secretsmanager secret policy "db-secret-policy"'],
        ],
      ],
      twinName: "the secret policy allows only a role of the stack's account",
      twin: add("aws:secretsmanager/secretPolicy:SecretPolicy", "db-secret-policy", {
        secretArn: `arn:aws:secretsmanager:us-west-2:${account}:secret:db`,
        policy: doc({
          Principal: { AWS: `arn:aws:iam::${account}:role/ops` },
          Action: "secretsmanager:GetSecretValue",
          Resource: "*",
        }),
      }),
    },
    {
      name: "a topic's inline policy is not known at preview",
      bad: add("aws:sns/topic:Topic", "orders", { policy: unknown }),
      expected: [
        ["public-exposure", "orders", "mandatory", ["the internet", 'sns topic "orders"']],
      ],
      twinName: "the topic has no inline policy",
      twin: add("aws:sns/topic:Topic", "orders", {}),
    },
    {
      name: "a Lambda permission lets any account invoke the function",
      bad: permission({ principal: "*" }),
      expected: [
        ["public-exposure", "invoke", "mandatory", ["the internet", 'lambda permission "invoke"']],
      ],
      twinName: "the permission names S3 acting for a bucket of the stack's account",
      twin: permission({
        principal: "s3.amazonaws.com",
        sourceAccount: account,
        sourceArn: "arn:aws:s3:::records",
      }),
    },
    {
      name: "a Lambda permission opens the function URL without authentication",
      bad: permission({
        action: "lambda:InvokeFunctionUrl",
        principal: "*",
        functionUrlAuthType: "NONE",
      }),
      expected: [
        ["public-exposure", "invoke", "mandatory", ["the internet", 'lambda permission "invoke"']],
      ],
      twinName: "the function URL requires IAM authentication from the stack's account",
      twin: permission({
        action: "lambda:InvokeFunctionUrl",
        principal: account,
        functionUrlAuthType: "AWS_IAM",
      }),
    },
    {
      name: "a layer version is shared with every AWS account",
      bad: add("aws:lambda/layerVersionPermission:LayerVersionPermission", "layer-share", {
        layerName: "orders-deps",
        versionNumber: 1,
        action: "lambda:GetLayerVersion",
        statementId: "all",
        principal: "*",
      }),
      expected: [
        [
          "public-exposure",
          "layer-share",
          "mandatory",
          ["the internet", 'lambda layer version permission "layer-share"'],
        ],
      ],
      twinName: "the layer version is shared with the stack's own account",
      twin: add("aws:lambda/layerVersionPermission:LayerVersionPermission", "layer-share", {
        layerName: "orders-deps",
        versionNumber: 1,
        action: "lambda:GetLayerVersion",
        statementId: "own",
        principal: account,
      }),
    },
    {
      name: "a datashare is offered on AWS Data Exchange",
      bad: add("aws:redshift/dataShareAuthorization:DataShareAuthorization", "share", {
        dataShareArn: `arn:aws:redshift:us-west-2:${account}:datashare:ns/orders`,
        consumerIdentifier: "ADX",
      }),
      expected: [
        [
          "public-exposure",
          "share",
          "mandatory",
          ["the internet", 'redshift data share authorization "share"'],
        ],
      ],
      twinName: "the datashare is authorized for the stack's own account",
      twin: add("aws:redshift/dataShareAuthorization:DataShareAuthorization", "share", {
        dataShareArn: `arn:aws:redshift:us-west-2:${account}:datashare:ns/orders`,
        consumerIdentifier: account,
      }),
    },
    {
      name: "an OpenSearch Serverless network policy allows access from the internet",
      bad: add("aws:opensearch/serverlessSecurityPolicy:ServerlessSecurityPolicy", "search-net", {
        name: "search-net",
        type: "network",
        policy: JSON.stringify([
          {
            Rules: [{ ResourceType: "collection", Resource: ["collection/orders"] }],
            AllowFromPublic: true,
          },
        ]),
      }),
      expected: [
        [
          "public-exposure",
          "search-net",
          "mandatory",
          ["the internet", 'opensearch serverless security policy "search-net"'],
        ],
      ],
      twinName: "the network policy admits only the stack's VPC endpoint",
      twin: add("aws:opensearch/serverlessSecurityPolicy:ServerlessSecurityPolicy", "search-net", {
        name: "search-net",
        type: "network",
        policy: JSON.stringify([
          {
            Rules: [{ ResourceType: "collection", Resource: ["collection/orders"] }],
            AllowFromPublic: false,
            SourceVPCEs: ["vpce-0123456789abcdef0"],
          },
        ]),
      }),
    },
    {
      name: "an FSx S3 access point without a VPC lets everyone read the file system",
      bad: add("aws:fsx/s3AccessPointAttachment:S3AccessPointAttachment", "fsx-ap", {
        name: "fsx-ap",
        type: "OPENZFS",
        s3AccessPoint: { policy: doc({ Principal: "*", Action: "s3:GetObject", Resource: "*" }) },
      }),
      expected: [
        [
          "public-exposure",
          "fsx-ap",
          "mandatory",
          ["the internet", 'fsx s3 access point attachment "fsx-ap"'],
        ],
      ],
      twinName: "the access point answers only inside the stack's VPC",
      twin: add("aws:fsx/s3AccessPointAttachment:S3AccessPointAttachment", "fsx-ap", {
        name: "fsx-ap",
        type: "OPENZFS",
        s3AccessPoint: {
          policy: doc({ Principal: "*", Action: "s3:GetObject", Resource: "*" }),
          vpcConfiguration: { vpcId: "vpc-0123456789abcdef0" },
        },
      }),
    },
  ]);

  runCasesInBothPostures(pack, () => happy, us, [
    {
      name: "a queue policy lets another account read the queue",
      bad: queuePolicy({ AWS: `arn:aws:iam::${other}:root` }),
      expected: [
        [
          "cross-account-links",
          "orders-queue-policy",
          "advisory",
          [inside, 'sqs queue policy "orders-queue-policy"', otherAccount],
        ],
      ],
      twinName: "the queue policy lets the stack's own account and SNS read it",
      twin: queuePolicy({ AWS: `arn:aws:iam::${account}:root`, Service: "sns.amazonaws.com" }),
    },
    {
      name: "a topic policy binds everyone to another account",
      bad: topicPolicy({
        Principal: "*",
        Condition: { StringEquals: { "aws:SourceAccount": other } },
      }),
      expected: [
        [
          "cross-account-links",
          "orders-topic-policy",
          "advisory",
          [inside, 'sns topic policy "orders-topic-policy"', otherAccount],
        ],
      ],
      twinName: "the topic policy binds everyone to the stack's own account",
      twin: topicPolicy({
        Principal: "*",
        Condition: { StringEquals: { "aws:SourceAccount": account } },
      }),
    },
    {
      name: "a KMS grant lets a role of another account use the key",
      bad: add("aws:kms/grant:Grant", "reader-grant", {
        keyId: "key",
        granteePrincipal: `arn:aws:iam::${other}:role/reader`,
        operations: ["Decrypt"],
      }),
      expected: [
        [
          "cross-account-links",
          "reader-grant",
          "advisory",
          [inside, 'kms grant "reader-grant"', otherAccount],
        ],
      ],
      twinName: "the grant names a role of the stack's account, retired by another one",
      twin: add("aws:kms/grant:Grant", "reader-grant", {
        keyId: "key",
        granteePrincipal: `arn:aws:iam::${account}:role/reader`,
        retiringPrincipal: `arn:aws:iam::${other}:role/auditor`,
        operations: ["Decrypt"],
      }),
    },
    {
      name: "a resource share is associated with an organization",
      bad: add("aws:ram/principalAssociation:PrincipalAssociation", "share-org", {
        resourceShareArn: `arn:aws:ram:us-west-2:${account}:resource-share/abc`,
        principal: `arn:aws:organizations::${other}:organization/o-abc123`,
      }),
      expected: [
        [
          "cross-account-links",
          "share-org",
          "advisory",
          [
            inside,
            'ram principal association "share-org"',
            "every account of organization o-abc123 (the pack cannot tell which accounts it holds)",
          ],
        ],
      ],
      twinName: "the resource share is associated with the stack's own account",
      twin: add("aws:ram/principalAssociation:PrincipalAssociation", "share-org", {
        resourceShareArn: `arn:aws:ram:us-west-2:${account}:resource-share/abc`,
        principal: account,
      }),
    },
    {
      name: "Lake Formation grants a table to another account",
      bad: add("aws:lakeformation/permissions:Permissions", "orders-grant", {
        principal: other,
        permissions: ["SELECT"],
        table: { databaseName: "sales", name: "orders" },
      }),
      expected: [
        [
          "cross-account-links",
          "orders-grant",
          "advisory",
          [inside, 'lakeformation permissions "orders-grant"', otherAccount],
        ],
      ],
      twinName: "Lake Formation leaves the table to the account's own IAM principals",
      twin: add("aws:lakeformation/permissions:Permissions", "orders-grant", {
        principal: "IAM_ALLOWED_PRINCIPALS",
        permissions: ["ALL"],
        table: { databaseName: "sales", name: "orders" },
      }),
    },
    {
      name: "an OpenSearch Serverless access policy names a SAML user of another account",
      bad: add("aws:opensearch/serverlessAccessPolicy:ServerlessAccessPolicy", "search-data", {
        name: "search-data",
        type: "data",
        policy: JSON.stringify([
          {
            Rules: [
              {
                ResourceType: "index",
                Resource: ["index/orders/*"],
                Permission: ["aoss:ReadDocument"],
              },
            ],
            Principal: [`arn:aws:iam::${account}:role/search`, `saml/${other}/corp/user/ana`],
          },
        ]),
      }),
      expected: [
        [
          "cross-account-links",
          "search-data",
          "advisory",
          [inside, 'opensearch serverless access policy "search-data"', otherAccount],
        ],
      ],
      twinName: "the access policy names only a role of the stack's account",
      twin: add("aws:opensearch/serverlessAccessPolicy:ServerlessAccessPolicy", "search-data", {
        name: "search-data",
        type: "data",
        policy: JSON.stringify([
          {
            Rules: [
              {
                ResourceType: "index",
                Resource: ["index/orders/*"],
                Permission: ["aoss:ReadDocument"],
              },
            ],
            Principal: [`arn:aws:iam::${account}:role/search`],
          },
        ]),
      }),
    },
  ]);

  test("a grant to another account says what to fix, without calling it public", async () => {
    const bad = queuePolicy({ AWS: other })(happy);
    const violations = await pack.checkAround(happy, bad, us);
    expect(violations.map((v) => [v.policy, v.level, v.message])).toEqual([
      [
        "cross-account-links",
        "advisory",
        `sqs queue policy "orders-queue-policy" must grant access only to the stack's own account, but policy.Statement[0].Principal grants access to ${otherAccount}. Grant access only to the account the stack's provider is pinned to (allowedAccountIds / accountId) and to AWS services acting for it, or pin the provider to that account so the pack can tell.`,
      ],
    ]);
  });

  test("a public statement names its index and how to bind it", async () => {
    const bad = topicPolicy({ Principal: { AWS: "*" } })(happy);
    const violations = await pack.checkAround(happy, bad, us);
    expect(violations.map((v) => [v.policy, v.level, v.message])).toEqual([
      [
        "public-exposure",
        "mandatory",
        'sns topic policy "orders-topic-policy" must not be reachable from the internet, but policy.Statement[0] allows Principal "*" and no condition limits it to named networks, addresses, accounts or organisations: anyone on the internet can use it. Name principals of this account or AWS services instead of "*", or bind "*" with a condition on this account or the stack\'s VPC endpoint (aws:SourceAccount, aws:SourceVpce).',
      ],
    ]);
  });
});

describe("kubernetes destinations: volumes, webhooks, endpoints, lists and patches", () => {
  // Each case declares one object in the happy path's cluster (namespace "records", which has a
  // default-deny egress policy) that sends data to a server it names; the twin names a private,
  // in-cluster or allowlisted one (the partner range 198.51.100.0/24).
  const k8s =
    (type: string, name: string, inputs: Props) =>
    (plan: Plan): Plan =>
      add(type, name, inputs, { provider: "kube" })(plan);
  const records = { namespace: "records" };
  const podSpec = (volumes: Props[]) => ({
    containers: [{ name: "app", image: "app:1.0" }],
    volumes,
  });
  const deployment = (volumes: Props[]) => ({
    metadata: records,
    spec: {
      selector: { matchLabels: { app: "ingest" } },
      template: { metadata: { labels: { app: "ingest" } }, spec: podSpec(volumes) },
    },
  });
  const webhooks = (clientConfig: Props) => ({
    webhooks: [
      {
        name: "audit.records.example",
        clientConfig,
        admissionReviewVersions: ["v1"],
        sideEffects: "None",
      },
    ],
  });
  const inCluster = { service: { namespace: "records", name: "hooks", path: "/validate" } };

  runCases(pack, () => happy, us, [
    {
      name: "a Deployment mounts an NFS volume from a public address",
      bad: k8s(
        "kubernetes:apps/v1:Deployment",
        "ingest",
        deployment([{ name: "data", nfs: { server: "203.0.113.7", path: "/exports" } }]),
      ),
      expected: [
        [
          "kubernetes-egress",
          "ingest",
          "mandatory",
          ['k8s deployment "ingest"', "203.0.113.7 (NFS server)"],
        ],
      ],
      twinName: "the NFS server has a private address",
      twin: k8s(
        "kubernetes:apps/v1:Deployment",
        "ingest",
        deployment([{ name: "data", nfs: { server: "10.30.4.5", path: "/exports" } }]),
      ),
    },
    {
      name: "a PersistentVolume is served by an NFS server named by a host name",
      bad: k8s("kubernetes:core/v1:PersistentVolume", "archive", {
        spec: { capacity: { storage: "1Ti" }, nfs: { server: "nfs.example.com", path: "/a" } },
      }),
      expected: [
        [
          "kubernetes-egress",
          "archive",
          "mandatory",
          ['k8s persistentvolume "archive"', "nfs.example.com (cannot be placed)"],
        ],
      ],
      twinName: "the PersistentVolume's NFS server is a private address",
      twin: k8s("kubernetes:core/v1:PersistentVolume", "archive", {
        spec: { capacity: { storage: "1Ti" }, nfs: { server: "10.30.4.5", path: "/a" } },
      }),
    },
    {
      name: "a PersistentVolume's iSCSI portal is a public address",
      bad: k8s("kubernetes:core/v1:PersistentVolume", "blocks", {
        spec: {
          iscsi: {
            targetPortal: "10.30.4.6:3260",
            portals: ["203.0.113.8:3260"],
            iqn: "iqn.x",
            lun: 0,
          },
        },
      }),
      expected: [
        [
          "kubernetes-egress",
          "blocks",
          "mandatory",
          ['k8s persistentvolume "blocks"', "203.0.113.8 (iSCSI portal)"],
        ],
      ],
      twinName: "the second portal is an allowlisted address",
      twin: k8s("kubernetes:core/v1:PersistentVolume", "blocks", {
        spec: {
          iscsi: {
            targetPortal: "10.30.4.6:3260",
            portals: ["198.51.100.20:3260"],
            iqn: "iqn.x",
            lun: 0,
          },
        },
      }),
    },
    {
      name: "an entry of a DeploymentList mounts a Ceph volume with a public monitor",
      bad: k8s("kubernetes:apps/v1:DeploymentList", "batch", {
        items: [
          deployment([{ name: "c", rbd: { monitors: ["10.30.4.7:6789", "203.0.113.9:6789"] } }]),
        ],
      }),
      expected: [
        [
          "kubernetes-egress",
          "batch",
          "mandatory",
          ['k8s deploymentlist "batch"', "203.0.113.9 (Ceph monitor)"],
        ],
      ],
      twinName: "every monitor is private",
      twin: k8s("kubernetes:apps/v1:DeploymentList", "batch", {
        items: [
          deployment([{ name: "c", rbd: { monitors: ["10.30.4.7:6789", "10.30.4.8:6789"] } }]),
        ],
      }),
    },
    {
      name: "a legacy apps/v1beta1 StatefulSet mounts an Azure disk",
      bad: k8s("kubernetes:apps/v1beta1:StatefulSet", "ledger", {
        ...deployment([
          {
            name: "d",
            azureDisk: { diskName: "ledger", diskURI: "https://acct.blob.core.windows.net/d.vhd" },
          },
        ]),
      }),
      expected: [
        [
          "kubernetes-egress",
          "ledger",
          "mandatory",
          ['k8s statefulset "ledger"', "an Azure disk (cannot be placed)"],
        ],
      ],
      twinName: "the StatefulSet mounts a claim of the cluster",
      twin: k8s("kubernetes:apps/v1beta1:StatefulSet", "ledger", {
        ...deployment([{ name: "d", persistentVolumeClaim: { claimName: "ledger" } }]),
      }),
    },
    {
      name: "a DeploymentPatch adds a CephFS volume whose monitor is a host name",
      bad: k8s("kubernetes:apps/v1:DeploymentPatch", "ingest-patch", {
        ...deployment([{ name: "f", cephfs: { monitors: ["ceph.example.com:6789"] } }]),
      }),
      expected: [
        [
          "kubernetes-egress",
          "ingest-patch",
          "mandatory",
          ['k8s deploymentpatch "ingest-patch"', "ceph.example.com (cannot be placed)"],
        ],
      ],
      twinName: "the monitor is a Service of the cluster",
      twin: k8s("kubernetes:apps/v1:DeploymentPatch", "ingest-patch", {
        ...deployment([
          { name: "f", cephfs: { monitors: ["ceph.storage.svc.cluster.local:6789"] } },
        ]),
      }),
    },
    {
      name: "a ValidatingWebhookConfiguration sends objects to a URL",
      bad: k8s(
        "kubernetes:admissionregistration.k8s.io/v1:ValidatingWebhookConfiguration",
        "audit",
        webhooks({ url: "https://hooks.example.com/validate" }),
      ),
      expected: [
        [
          "kubernetes-egress",
          "audit",
          "mandatory",
          ['k8s validatingwebhookconfiguration "audit"', "hooks.example.com (cannot be placed)"],
        ],
      ],
      twinName: "the webhook is a Service of the cluster",
      twin: k8s(
        "kubernetes:admissionregistration.k8s.io/v1:ValidatingWebhookConfiguration",
        "audit",
        webhooks(inCluster),
      ),
    },
    {
      name: "a MutatingWebhookConfigurationList's webhook URL is a private address",
      bad: k8s(
        "kubernetes:admissionregistration.k8s.io/v1:MutatingWebhookConfigurationList",
        "inject",
        { items: [webhooks({ url: "https://10.30.9.9/mutate" })] },
      ),
      expected: [
        [
          "kubernetes-egress",
          "inject",
          "mandatory",
          ['k8s mutatingwebhookconfigurationlist "inject"', "10.30.9.9 (admission webhook)"],
        ],
      ],
      twinName: "the webhook URL is an allowlisted address",
      twin: k8s(
        "kubernetes:admissionregistration.k8s.io/v1:MutatingWebhookConfigurationList",
        "inject",
        { items: [webhooks({ url: "https://198.51.100.30/mutate" })] },
      ),
    },
    {
      name: "a CustomResourceDefinition converts its objects at a URL",
      bad: k8s("kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition", "records-crd", {
        spec: {
          conversion: {
            strategy: "Webhook",
            webhook: { clientConfig: { url: "https://convert.example.com/" } },
          },
        },
      }),
      expected: [
        [
          "kubernetes-egress",
          "records-crd",
          "mandatory",
          ['k8s customresourcedefinition "records-crd"', "convert.example.com (cannot be placed)"],
        ],
      ],
      twinName: "the conversion webhook is a Service of the cluster",
      twin: k8s("kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition", "records-crd", {
        spec: { conversion: { strategy: "Webhook", webhook: { clientConfig: inCluster } } },
      }),
    },
    {
      name: "an AuditSink sends the audit events to a URL",
      bad: k8s("kubernetes:auditregistration.k8s.io/v1alpha1:AuditSink", "events", {
        spec: { webhook: { clientConfig: { url: "https://siem.example.com/k8s" } } },
      }),
      expected: [
        [
          "kubernetes-egress",
          "events",
          "mandatory",
          ['k8s auditsink "events"', "siem.example.com (cannot be placed)"],
        ],
      ],
      twinName: "the audit sink is a Service of the cluster",
      twin: k8s("kubernetes:auditregistration.k8s.io/v1alpha1:AuditSink", "events", {
        spec: { webhook: { clientConfig: inCluster } },
      }),
    },
    {
      name: "an Endpoints object sends a Service's traffic to a public address",
      bad: k8s("kubernetes:core/v1:Endpoints", "partner", {
        metadata: records,
        subsets: [{ addresses: [{ ip: "203.0.113.10" }], ports: [{ port: 443 }] }],
      }),
      expected: [
        [
          "kubernetes-egress",
          "partner",
          "mandatory",
          ['k8s endpoints "partner"', "203.0.113.10 (Service endpoint)"],
        ],
      ],
      twinName: "the endpoint is in the allowlisted partner range",
      twin: k8s("kubernetes:core/v1:Endpoints", "partner", {
        metadata: records,
        subsets: [{ addresses: [{ ip: "198.51.100.10" }], ports: [{ port: 443 }] }],
      }),
    },
    {
      name: "an EndpointSlice's not-yet-ready address is public",
      bad: k8s("kubernetes:discovery.k8s.io/v1:EndpointSlice", "partner-slice", {
        metadata: records,
        addressType: "IPv4",
        endpoints: [{ addresses: ["10.30.5.5"] }, { addresses: ["203.0.113.11"] }],
      }),
      expected: [
        [
          "kubernetes-egress",
          "partner-slice",
          "mandatory",
          ['k8s endpointslice "partner-slice"', "203.0.113.11 (Service endpoint)"],
        ],
      ],
      twinName: "every address of the slice is private",
      twin: k8s("kubernetes:discovery.k8s.io/v1:EndpointSlice", "partner-slice", {
        metadata: records,
        addressType: "IPv4",
        endpoints: [{ addresses: ["10.30.5.5"] }, { addresses: ["10.30.5.6"] }],
      }),
    },
    {
      name: "an Endpoints address is not known at preview",
      bad: k8s("kubernetes:core/v1:Endpoints", "partner", {
        metadata: records,
        subsets: [{ addresses: [{ ip: unknown }] }],
      }),
      expected: [
        [
          "kubernetes-egress",
          "partner",
          "mandatory",
          ['k8s endpoints "partner"', "subsets[0].addresses[0].ip (unknown at preview)"],
        ],
      ],
      twinName: "the address is a known private one",
      twin: k8s("kubernetes:core/v1:Endpoints", "partner", {
        metadata: records,
        subsets: [{ addresses: [{ ip: "10.30.5.7" }] }],
      }),
    },
    {
      name: "a NetworkPolicyList's entry allows egress to 0.0.0.0/0",
      bad: k8s("kubernetes:networking.k8s.io/v1:NetworkPolicyList", "extra", {
        items: [
          {
            metadata: records,
            spec: { podSelector: {}, egress: [{ to: [{ ipBlock: { cidr: "0.0.0.0/0" } }] }] },
          },
        ],
      }),
      expected: [
        [
          "kubernetes-egress",
          "extra",
          "mandatory",
          ['k8s networkpolicylist "extra"', "0.0.0.0/0 (all protocols and ports)"],
        ],
      ],
      twinName: "the entry allows egress only to the cluster network",
      twin: k8s("kubernetes:networking.k8s.io/v1:NetworkPolicyList", "extra", {
        items: [
          {
            metadata: records,
            spec: { podSelector: {}, egress: [{ to: [{ ipBlock: { cidr: "10.30.0.0/16" } }] }] },
          },
        ],
      }),
    },
  ]);

  // Judged on the whole plan: the Services and Ingresses of a List or Patch with their cluster's
  // cloud, the workloads of a List with their namespaces' NetworkPolicies.
  const wholePlan: Array<{
    name: string;
    bad: (plan: Plan) => Plan;
    expected: Finding[];
    twinName: string;
    twin: (plan: Plan) => Plan;
  }> = [
    {
      name: "a ServiceList's entry is a LoadBalancer without the internal annotation",
      bad: k8s("kubernetes:core/v1:ServiceList", "edge", {
        items: [
          {
            metadata: records,
            spec: { type: "LoadBalancer", selector: { app: "edge" }, ports: [{ port: 443 }] },
          },
        ],
      }),
      expected: [
        [
          "kubernetes-service-exposure",
          "edge",
          "mandatory",
          ["the internet", 'k8s servicelist "edge" items[0]'],
        ],
      ],
      twinName: "the entry carries EKS's internal annotation",
      twin: k8s("kubernetes:core/v1:ServiceList", "edge", {
        items: [
          {
            metadata: {
              ...records,
              annotations: { "service.beta.kubernetes.io/aws-load-balancer-scheme": "internal" },
            },
            spec: { type: "LoadBalancer", selector: { app: "edge" }, ports: [{ port: 443 }] },
          },
        ],
      }),
    },
    {
      name: "an IngressPatch makes an ALB Ingress internet-facing",
      bad: k8s("kubernetes:networking.k8s.io/v1:IngressPatch", "web", {
        metadata: {
          ...records,
          annotations: { "alb.ingress.kubernetes.io/scheme": "internet-facing" },
        },
        spec: { ingressClassName: "alb" },
      }),
      expected: [
        [
          "kubernetes-service-exposure",
          "web",
          "mandatory",
          ["the internet", 'k8s ingresspatch "web"'],
        ],
      ],
      twinName: "the patch keeps the ALB internal",
      twin: k8s("kubernetes:networking.k8s.io/v1:IngressPatch", "web", {
        metadata: { ...records, annotations: { "alb.ingress.kubernetes.io/scheme": "internal" } },
        spec: { ingressClassName: "alb" },
      }),
    },
    {
      name: "a JobList runs pods in a namespace without a default-deny egress policy",
      bad: k8s("kubernetes:batch/v1:JobList", "imports", {
        items: [
          {
            metadata: { namespace: "scratch" },
            spec: { template: { spec: podSpec([]) } },
          },
        ],
      }),
      expected: [
        [
          "kubernetes-namespace-egress",
          "imports",
          "mandatory",
          [
            'k8s namespace "scratch"',
            "pod egress (no default-deny NetworkPolicy)",
            "every address (any country)",
          ],
        ],
      ],
      twinName: "the Jobs run in the namespace that denies egress by default",
      twin: k8s("kubernetes:batch/v1:JobList", "imports", {
        items: [{ metadata: records, spec: { template: { spec: podSpec([]) } } }],
      }),
    },
  ];

  test.each(wholePlan)("fails when $name", async ({ bad, expected }) => {
    expect(findings(await pack.check(bad(happy), us))).toEqual(sorted(expected));
  });

  test.each(wholePlan)("passes when $twinName", async ({ twin }) => {
    expect(summary(await pack.check(twin(happy), us))).toEqual([]);
  });

  test.each([
    ["10.30.4.7:6789", "address", ["10.30.4.7"]],
    ["[fd00::7]:3260", "address", ["fd00::7"]],
    ["fd00::7", "address", ["fd00::7"]],
    ["nfs.example.com", "address", ["nfs.example.com"]],
    ["10.30.4.7:7861, quobyte.example.com:7861", "addresses", ["10.30.4.7", "quobyte.example.com"]],
    ["https://[fd00::9]:8443/validate", "url", ["fd00::9"]],
    ["https://hooks.example.com/validate", "url", ["hooks.example.com"]],
    ["hooks.example.com/validate", "url", undefined],
  ] as const)("reads the hosts of %j (%s) as %j", (value, read, hosts) => {
    expect(hostsOf(value, read)).toEqual(hosts);
  });
});

describe("data destinations: logs, exports and pushed requests", () => {
  const frankfurtFunction = `arn:aws:lambda:eu-central-1:${account}:function:orders`;
  const invokeArn = (fn: string) =>
    `arn:aws:apigateway:${fn.split(":")[3]}:lambda:path/2015-03-31/functions/${fn}/invocations`;

  runCases(pack, () => happy, us, [
    {
      name: "a REST API sends requests to an HTTP backend on the internet",
      bad: add("aws:apigateway/integration:Integration", "orders-backend", {
        restApi: "a1b2c3d4e5",
        resourceId: "abc123",
        httpMethod: "POST",
        type: "HTTP_PROXY",
        integrationHttpMethod: "POST",
        uri: "https://orders.partner.example/api",
      }),
      expected: [
        [
          "log-shipping",
          "orders-backend",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'apigateway integration "orders-backend"',
            '"https://orders.partner.example/api" (cannot be placed)',
          ],
        ],
      ],
      twinName: "the same integration goes through a VPC link to a private load balancer",
      twin: add("aws:apigateway/integration:Integration", "orders-backend", {
        restApi: "a1b2c3d4e5",
        resourceId: "abc123",
        httpMethod: "POST",
        type: "HTTP_PROXY",
        integrationHttpMethod: "POST",
        connectionType: "VPC_LINK",
        connectionId: "vl1234",
        uri: "https://orders.partner.example/api",
      }),
    },
    {
      name: "a REST API invokes a function in Frankfurt",
      bad: add("aws:apigateway/integration:Integration", "orders-lambda", {
        restApi: "a1b2c3d4e5",
        resourceId: "abc123",
        httpMethod: "POST",
        type: "AWS_PROXY",
        integrationHttpMethod: "POST",
        uri: invokeArn(frankfurtFunction),
      }),
      expected: [
        [
          "log-shipping",
          "orders-lambda",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'apigateway integration "orders-lambda"',
            `${invokeArn(frankfurtFunction)} (outside US, in EU)`,
          ],
        ],
      ],
      twinName: "it invokes a function of the program, whose ARN is not known at preview",
      twin: add("aws:apigateway/integration:Integration", "orders-lambda", {
        restApi: "a1b2c3d4e5",
        resourceId: "abc123",
        httpMethod: "POST",
        type: "AWS_PROXY",
        integrationHttpMethod: "POST",
        uri: unknown,
      }),
    },
    {
      name: "an HTTP API proxies to a host on the internet",
      bad: add("aws:apigatewayv2/integration:Integration", "orders-proxy", {
        apiId: "a1b2c3d4e5",
        integrationType: "HTTP_PROXY",
        integrationMethod: "ANY",
        integrationUri: "https://orders.partner.example/{proxy}",
      }),
      expected: [
        [
          "log-shipping",
          "orders-proxy",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'apigatewayv2 integration "orders-proxy"',
            '"https://orders.partner.example/{proxy}" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it proxies through a VPC link to a load balancer listener in Oregon",
      twin: add("aws:apigatewayv2/integration:Integration", "orders-proxy", {
        apiId: "a1b2c3d4e5",
        integrationType: "HTTP_PROXY",
        integrationMethod: "ANY",
        connectionType: "VPC_LINK",
        connectionId: "vl1234",
        integrationUri: `arn:aws:elasticloadbalancing:us-west-2:${account}:listener/app/orders/50dc6c495c0c9188/f2f7dc8efc522ab2`,
      }),
    },
    {
      name: "an AppSync data source resolves queries at an HTTP endpoint on the internet",
      bad: add("aws:appsync/dataSource:DataSource", "partner-source", {
        apiId: "abcdefghij",
        name: "partner",
        type: "HTTP",
        httpConfig: { endpoint: "https://graph.partner.example" },
      }),
      expected: [
        [
          "log-shipping",
          "partner-source",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'appsync data source "partner-source"',
            '"https://graph.partner.example" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it calls the Step Functions endpoint in Virginia",
      twin: add("aws:appsync/dataSource:DataSource", "partner-source", {
        apiId: "abcdefghij",
        name: "partner",
        type: "HTTP",
        httpConfig: { endpoint: "https://states.us-east-1.amazonaws.com" },
      }),
    },
    {
      name: "an EventBridge API destination sends events to a webhook on the internet",
      bad: add("aws:cloudwatch/eventApiDestination:EventApiDestination", "partner-hook", {
        httpMethod: "POST",
        invocationEndpoint: "https://hooks.example.com/orders",
        connectionArn: `arn:aws:events:us-west-2:${account}:connection/partner/0a1b2c3d`,
      }),
      expected: [
        [
          "log-shipping",
          "partner-hook",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'cloudwatch event api destination "partner-hook"',
            '"https://hooks.example.com/orders" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it sends events to the allowlisted partner exchange",
      twin: add("aws:cloudwatch/eventApiDestination:EventApiDestination", "partner-hook", {
        httpMethod: "POST",
        invocationEndpoint: "https://198.51.100.20/orders",
        connectionArn: `arn:aws:events:us-west-2:${account}:connection/partner/0a1b2c3d`,
      }),
    },
    {
      name: "an IoT rule writes device messages to a bucket the program does not create",
      bad: add("aws:iot/topicRule:TopicRule", "telemetry", {
        enabled: true,
        sql: "SELECT * FROM 'devices/+/telemetry'",
        sqlVersion: "2016-03-23",
        s3: [
          {
            bucketName: "telemetry-abroad",
            key: "${topic()}",
            roleArn: "arn:aws:iam::111122223333:role/iot",
          },
        ],
      }),
      expected: [
        [
          "named-destinations",
          "telemetry",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'iot topic rule "telemetry"',
            '"telemetry-abroad" (cannot be placed)',
          ],
        ],
      ],
      twinName: "the rule writes to the program's log bucket",
      twin: add("aws:iot/topicRule:TopicRule", "telemetry", {
        enabled: true,
        sql: "SELECT * FROM 'devices/+/telemetry'",
        sqlVersion: "2016-03-23",
        s3: [
          {
            bucketName: "sdc-records-logs",
            key: "${topic()}",
            roleArn: "arn:aws:iam::111122223333:role/iot",
          },
        ],
      }),
    },
    {
      name: "an IoT rule posts device messages to an HTTPS endpoint on the internet",
      bad: add("aws:iot/topicRule:TopicRule", "telemetry", {
        enabled: true,
        sql: "SELECT * FROM 'devices/+/telemetry'",
        sqlVersion: "2016-03-23",
        https: [{ url: "https://ingest.partner.example/iot" }],
      }),
      expected: [
        [
          "log-shipping",
          "telemetry",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'iot topic rule "telemetry"',
            '"https://ingest.partner.example/iot" (cannot be placed)',
          ],
        ],
      ],
      twinName: "the rule queues messages in a queue of the program, not known at preview",
      twin: add("aws:iot/topicRule:TopicRule", "telemetry", {
        enabled: true,
        sql: "SELECT * FROM 'devices/+/telemetry'",
        sqlVersion: "2016-03-23",
        sqs: [
          { queueUrl: unknown, roleArn: "arn:aws:iam::111122223333:role/iot", useBase64: false },
        ],
      }),
    },
    {
      name: "an Athena workgroup writes query results to a bucket the program does not create",
      bad: add("aws:athena/workgroup:Workgroup", "analysts", {
        configuration: {
          resultConfiguration: { outputLocation: "s3://query-results-abroad/athena/" },
        },
      }),
      expected: [
        [
          "named-destinations",
          "analysts",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'athena workgroup "analysts"',
            '"s3://query-results-abroad/athena/" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it writes them under a prefix of the program's log bucket",
      twin: add("aws:athena/workgroup:Workgroup", "analysts", {
        configuration: { resultConfiguration: { outputLocation: "s3://sdc-records-logs/athena/" } },
      }),
    },
    {
      name: "a state machine logs executions to a log group in Frankfurt",
      bad: add("aws:sfn/stateMachine:StateMachine", "orders-flow", {
        roleArn: `arn:aws:iam::${account}:role/orders-flow`,
        definition: "{}",
        loggingConfiguration: {
          level: "ALL",
          logDestination: `arn:aws:logs:eu-central-1:${account}:log-group:orders-flow:*`,
        },
      }),
      expected: [
        [
          "named-destinations",
          "orders-flow",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'sfn state machine "orders-flow"',
            `arn:aws:logs:eu-central-1:${account}:log-group:orders-flow:* (outside US, in EU)`,
          ],
        ],
      ],
      twinName: "it logs to a log group in Oregon",
      twin: add("aws:sfn/stateMachine:StateMachine", "orders-flow", {
        roleArn: `arn:aws:iam::${account}:role/orders-flow`,
        definition: "{}",
        loggingConfiguration: {
          level: "ALL",
          logDestination: `arn:aws:logs:us-west-2:${account}:log-group:orders-flow:*`,
        },
      }),
    },
    {
      name: "a web ACL logs requests to a bucket the program does not create",
      bad: add("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration", "acl-logs", {
        resourceArn: `arn:aws:wafv2:us-west-2:${account}:regional/webacl/orders/a1b2`,
        logDestinationConfigs: ["arn:aws:s3:::aws-waf-logs-abroad"],
      }),
      expected: [
        [
          "named-destinations",
          "acl-logs",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'wafv2 web acl logging configuration "acl-logs"',
            '"arn:aws:s3:::aws-waf-logs-abroad" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it logs to a Firehose stream of the program, not known at preview",
      twin: pipe(
        add("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", "aws-waf-logs-orders", {
          destination: "extended_s3",
          extendedS3Configuration: { bucketArn: "arn:aws:s3:::sdc-records-logs" },
        }),
        add(
          "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration",
          "acl-logs",
          {
            resourceArn: `arn:aws:wafv2:us-west-2:${account}:regional/webacl/orders/a1b2`,
            logDestinationConfigs: [unknown],
          },
          { dependsOn: { logDestinationConfigs: ["aws-waf-logs-orders"] } },
        ),
      ),
    },
    {
      name: "an EMR cluster delivers its logs to a bucket the program does not create",
      bad: add("aws:emr/cluster:Cluster", "spark", {
        releaseLabel: "emr-7.1.0",
        serviceRole: `arn:aws:iam::${account}:role/emr`,
        logUri: "s3://emr-logs-abroad/spark/",
      }),
      expected: [
        [
          "named-destinations",
          "spark",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'emr cluster "spark"',
            '"s3://emr-logs-abroad/spark/" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it delivers them to the program's log bucket",
      twin: add("aws:emr/cluster:Cluster", "spark", {
        releaseLabel: "emr-7.1.0",
        serviceRole: `arn:aws:iam::${account}:role/emr`,
        logUri: "s3://sdc-records-logs/spark/",
      }),
    },
    {
      name: "a CodeBuild report group exports test reports to a bucket the program does not create",
      bad: add("aws:codebuild/reportGroup:ReportGroup", "reports", {
        type: "TEST",
        exportConfig: {
          type: "S3",
          s3Destination: { bucket: "reports-abroad", packaging: "NONE" },
        },
      }),
      expected: [
        [
          "named-destinations",
          "reports",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'codebuild report group "reports"',
            '"reports-abroad" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it exports them to the program's log bucket",
      twin: add("aws:codebuild/reportGroup:ReportGroup", "reports", {
        type: "TEST",
        exportConfig: {
          type: "S3",
          s3Destination: { bucket: "sdc-records-logs", packaging: "NONE" },
        },
      }),
    },
    {
      name: "a function sends the records of failed invocations to a queue in Frankfurt",
      bad: add("aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig", "orders-async", {
        functionName: "orders",
        destinationConfig: {
          onFailure: { destination: `arn:aws:sqs:eu-central-1:${account}:orders-failures` },
        },
      }),
      expected: [
        [
          "named-destinations",
          "orders-async",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'lambda function event invoke config "orders-async"',
            `arn:aws:sqs:eu-central-1:${account}:orders-failures (outside US, in EU)`,
          ],
        ],
      ],
      twinName: "it sends them to a queue in Oregon",
      twin: add("aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig", "orders-async", {
        functionName: "orders",
        destinationConfig: {
          onFailure: { destination: `arn:aws:sqs:us-west-2:${account}:orders-failures` },
        },
      }),
    },
    {
      name: "a DynamoDB export goes to a bucket of another account",
      bad: add("aws:dynamodb/tableExport:TableExport", "orders-export", {
        tableArn: `arn:aws:dynamodb:us-west-2:${account}:table/orders`,
        s3Bucket: "sdc-records-logs",
        s3BucketOwner: "444455556666",
      }),
      expected: [
        [
          "log-shipping",
          "orders-export",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'dynamodb table export "orders-export"',
            `account 444455556666 (not this stack's account ${account})`,
          ],
        ],
      ],
      twinName: "it goes to the program's log bucket in the stack's own account",
      twin: add("aws:dynamodb/tableExport:TableExport", "orders-export", {
        tableArn: `arn:aws:dynamodb:us-west-2:${account}:table/orders`,
        s3Bucket: "sdc-records-logs",
        s3BucketOwner: account,
      }),
    },
  ]);
});
