/**
 * The residency pack on AWS: an Oregon happy path (test/fixtures/policy-aws) that replicates,
 * backs up, peers and syncs only to Virginia passes every policy; each test mutates one resource
 * to open a path out of the United States and names the policy and resource that must object —
 * and, where the happy path does not already hold it, the in-jurisdiction twin that must pass.
 */
import type { Plan, RecordedResource } from "../../engine/plan";
import {
  add,
  addProvider,
  around,
  fixturePlan,
  named,
  pipe,
  set,
  unknown,
  withResources,
} from "../helpers/policy-plan";
import { oregonSettings, pairs, policyPack, runCases, summary } from "../helpers/policy-session";

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

test("the happy path passes every policy", async () => {
  expect(summary(await pack.check(happy, us))).toEqual([]);
});

describe("placement", () => {
  runCases(pack, () => happy, us, [
    {
      name: "a key overrides its region to Frankfurt (the v7 per-resource region)",
      bad: add("aws:kms/key:Key", "eu-key", { region: "eu-central-1" }),
      expected: [["resource-placement", "eu-key"]],
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
        ["resource-placement", "frankfurt"],
        ["resource-placement", "eu-key"],
      ],
    },
    {
      name: "a provider sends its credential calls to Frankfurt",
      bad: addProvider("aws", "oregon-sts", { region: "us-west-2", stsRegion: "eu-central-1" }),
      expected: [["resource-placement", "oregon-sts"]],
      twinName: "the provider sends them to Virginia",
      twin: addProvider("aws", "oregon-sts", { region: "us-west-2", stsRegion: "us-east-1" }),
    },
    {
      name: "a CloudFront distribution serves the bucket",
      bad: add("aws:cloudfront/distribution:Distribution", "cdn", {
        enabled: true,
        origins: [{ domainName: "sdc-records.s3.us-west-2.amazonaws.com", originId: "records" }],
      }),
      expected: [["global-services", "cdn"]],
    },
    {
      name: "a public Route 53 zone is created",
      bad: add("aws:route53/zone:Zone", "zone", { name: "records.example.com" }),
      expected: [["global-services", "zone"]],
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
      expected: [["global-services", "accelerator"]],
    },
    {
      name: "S3 transfer acceleration is enabled",
      bad: add("aws:s3/bucketAccelerateConfiguration:BucketAccelerateConfiguration", "accelerate", {
        bucket: "sdc-records",
        status: "Enabled",
      }),
      expected: [["global-services", "accelerate"]],
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
      expected: [["arn-locality", "app-logs-archive"]],
    },
    {
      name: "the replication role is a China-partition ARN",
      bad: set("records-replication", (p) => {
        p.role = `arn:aws-cn:iam::${account}:role/replication`;
      }),
      expected: [["arn-locality", "records-replication"]],
    },
  ]);
});

describe("copies and replicas", () => {
  runCases(pack, () => happy, us, [
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
        ["resource-placement", "records-eu"],
        ["customer-key-encryption", "records-eu"],
        ["named-destinations", "records-replication"],
      ],
    },
    {
      name: "objects replicate to a bucket ARN the program does not create",
      bad: set("records-replication", (p) => {
        (rule0(p).destination as Props).bucket = "arn:aws:s3:::partner-bucket";
      }),
      expected: [["named-destinations", "records-replication"]],
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
        ["storage-replication", "mrap"],
        ["named-destinations", "mrap"],
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
      expected: [["storage-replication", "efs-dr"]],
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
      expected: [["database-replicas", "replica"]],
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
      expected: [["database-replicas", "sessions"]],
    },
    {
      name: "an Aurora cluster joins a global cluster the program does not create",
      bad: encryptedWithKey("aws:rds/cluster:Cluster", "aurora", {
        globalClusterIdentifier: "records-global",
      }),
      expected: [["named-destinations", "aurora"]],
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
      expected: [["backup-copies", "backups"]],
    },
    {
      name: "an EBS snapshot is copied in from Frankfurt",
      bad: set("snapshot-copy", (p) => {
        p.sourceRegion = "eu-central-1";
      }),
      expected: [["backup-copies", "snapshot-copy"]],
    },
    {
      name: "a snapshot is shared with another account",
      bad: add("aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission", "share", {
        snapshotId: "snap-0123456789abcdef0",
        accountId: "999988887777",
      }),
      expected: [["backup-copies", "share"]],
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
      expected: [["backup-copies", "redshift-copy"]],
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
      expected: [["key-and-secret-replicas", "api-token"]],
    },
    {
      name: "a replica key copies a primary key in Frankfurt",
      bad: add("aws:kms/replicaKey:ReplicaKey", "replica-key", {
        primaryKeyArn: `arn:aws:kms:eu-central-1:${account}:key/mrk-0123`,
      }),
      expected: [["key-and-secret-replicas", "replica-key"]],
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
      expected: [["key-and-secret-replicas", "key"]],
    },
    {
      name: "ECR replicates images to Frankfurt",
      bad: set("images", (p) => {
        const config = p.replicationConfiguration as Props;
        (rule0(config).destinations as Props[])[0].region = "eu-central-1";
      }),
      expected: [["registry-replication", "images"]],
    },
    {
      name: "ECR replicates images to another account",
      bad: set("images", (p) => {
        const config = p.replicationConfiguration as Props;
        (rule0(config).destinations as Props[])[0].registryId = "999988887777";
      }),
      expected: [["registry-replication", "images"]],
    },
    {
      name: "DataSync copies data to a location in Frankfurt",
      bad: add("aws:datasync/task:Task", "sync", {
        sourceLocationArn: `arn:aws:datasync:us-west-2:${account}:location/loc-src`,
        destinationLocationArn: `arn:aws:datasync:eu-central-1:${account}:location/loc-dst`,
      }),
      expected: [["data-transfer-jobs", "sync"]],
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
      expected: [["data-transfer-jobs", "dms-source"]],
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
      expected: [["named-destinations", "trail"]],
      twinName: "CloudTrail delivers to the program's log bucket",
      twin: add("aws:cloudtrail/trail:Trail", "trail", { s3BucketName: "sdc-records-logs" }),
    },
    {
      name: "a CloudTrail Lake store collects every region, as it does by default",
      bad: add("aws:cloudtrail/eventDataStore:EventDataStore", "lake", {}),
      expected: [["log-shipping", "lake"]],
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
      expected: [["log-shipping", "firehose"]],
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
      expected: [["named-destinations", "flow-log"]],
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
      expected: [["network-links", "peer"]],
    },
    {
      name: "the VPC peers with another account's VPC",
      bad: set("peer", (p) => {
        p.peerOwnerId = "999988887777";
      }),
      expected: [["network-links", "peer"]],
    },
    {
      name: "transit gateways peer with Frankfurt",
      bad: set("tgw-peer", (p) => {
        p.peerRegion = "eu-central-1";
      }),
      expected: [["network-links", "tgw-peer"]],
    },
    {
      name: "the endpoint connects to S3 in Frankfurt",
      bad: set("s3-endpoint", (p) => {
        p.serviceName = "com.amazonaws.eu-central-1.s3";
      }),
      expected: [["network-links", "s3-endpoint"]],
    },
    {
      name: "an accelerator endpoint group names no region",
      bad: add("aws:globalaccelerator/endpointGroup:EndpointGroup", "endpoints", {
        listenerArn: `arn:aws:globalaccelerator::${account}:accelerator/a/listener/l`,
      }),
      expected: [["network-links", "endpoints"]],
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
      expected: [["remote-sites", "office"]],
    },
    {
      name: "a Direct Connect connection is ordered at a facility the pack cannot place",
      bad: add("aws:directconnect/connection:Connection", "dx", {
        bandwidth: "1Gbps",
        location: "EqFA5",
      }),
      expected: [["remote-sites", "dx"]],
    },
    {
      name: "a VPN route sends all traffic to the remote site",
      bad: add("aws:ec2/vpnConnectionRoute:VpnConnectionRoute", "vpn-route", {
        vpnConnectionId: "vpn-records",
        destinationCidrBlock: "0.0.0.0/0",
      }),
      expected: [["remote-sites", "vpn-route"]],
      twinName: "it routes only the site's own network",
      twin: add("aws:ec2/vpnConnectionRoute:VpnConnectionRoute", "vpn-route", {
        vpnConnectionId: "vpn-records",
        destinationCidrBlock: "172.16.0.0/16",
      }),
    },
  ]);
});

describe("exposure and egress", () => {
  runCases(pack, () => happy, us, [
    {
      name: "a bucket ACL is public-read",
      bad: add("aws:s3/bucketAcl:BucketAcl", "records-acl", {
        bucket: "sdc-records",
        acl: "public-read",
      }),
      expected: [["public-exposure", "records-acl"]],
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
      expected: [["public-exposure", "records-policy"]],
    },
    {
      name: "the security group admits the whole internet",
      bad: set("guard-vpc", (p) => {
        p.cidrIpv4 = "0.0.0.0/0";
      }),
      expected: [["public-exposure", "guard-vpc"]],
    },
    {
      name: "the database is publicly accessible",
      bad: set("db", (p) => {
        p.publiclyAccessible = true;
      }),
      expected: [["public-exposure", "db"]],
    },
    {
      name: "a load balancer faces the internet",
      bad: add("aws:lb/loadBalancer:LoadBalancer", "alb", {
        loadBalancerType: "application",
        internal: false,
      }),
      expected: [["public-exposure", "alb"]],
      twinName: "the load balancer is internal",
      twin: add("aws:lb/loadBalancer:LoadBalancer", "alb", {
        loadBalancerType: "application",
        internal: true,
      }),
    },
    {
      name: "an internet gateway is attached",
      bad: add("aws:ec2/internetGateway:InternetGateway", "igw", { vpcId: "vpc-records" }),
      expected: [["internet-egress", "igw"]],
    },
    {
      name: "a public NAT gateway is added",
      bad: add("aws:ec2/natGateway:NatGateway", "nat", { subnetId: "subnet-records" }),
      expected: [["internet-egress", "nat"]],
      twinName: "a private NAT gateway is added",
      twin: add("aws:ec2/natGateway:NatGateway", "nat", {
        subnetId: "subnet-records",
        connectivityType: "private",
      }),
    },
    {
      name: "an elastic IP is allocated",
      bad: add("aws:ec2/eip:Eip", "eip", { domain: "vpc" }),
      expected: [["internet-egress", "eip"]],
    },
    {
      name: "the subnet gives instances public IPs",
      bad: set("subnet", (p) => {
        p.mapPublicIpOnLaunch = true;
      }),
      expected: [["internet-egress", "subnet"]],
    },
    {
      name: "a default route is added",
      bad: add("aws:ec2/route:Route", "default-route", {
        routeTableId: "rtb-records",
        destinationCidrBlock: "0.0.0.0/0",
        gatewayId: "igw-records",
      }),
      expected: [["internet-egress", "default-route"]],
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
      expected: [["egress-rules", "guard-partner"]],
    },
    {
      name: "the partner range is opened on a port the allowlist does not name",
      bad: set("guard-partner", (p) => {
        p.fromPort = 22;
        p.toPort = 22;
      }),
      expected: [["egress-rules", "guard-partner"]],
    },
    {
      name: "the network ACL allows all egress instead of denying it",
      bad: set("acl", (p) => {
        (p.egress as Props[])[2].action = "allow";
      }),
      expected: [["egress-rules", "acl"]],
    },
    {
      name: "a prefix list holds every address",
      bad: add("aws:ec2/managedPrefixList:ManagedPrefixList", "prefixes", {
        name: "partners",
        addressFamily: "IPv4",
        maxEntries: 1,
        entries: [{ cidr: "0.0.0.0/0" }],
      }),
      expected: [["egress-rules", "prefixes"]],
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
      expected: [["key-locality", "records-encryption"]],
    },
    {
      name: "a DynamoDB replica is encrypted with a key in Frankfurt",
      bad: set("sessions", (p) => {
        (p.replicas as Props[])[0].kmsKeyArn = `arn:aws:kms:eu-central-1:${account}:key/0123`;
      }),
      expected: [["key-locality", "sessions"]],
    },
    {
      name: "a log group is encrypted with a China-partition key",
      bad: set("app-logs", (p) => {
        p.kmsKeyId = `arn:aws-cn:kms:cn-north-1:${account}:key/0123`;
      }),
      expected: [["key-locality", "app-logs"]],
    },
    {
      name: "a bucket's encryption names a key ID the program does not create",
      bad: set("records-encryption", (p) => {
        const byDefault = rule0(p).applyServerSideEncryptionByDefault as Props;
        byDefault.kmsMasterKeyId = "1234abcd-12ab-34cd-56ef-1234567890ab";
      }),
      expected: [["customer-key-encryption", "records"]],
    },
    {
      name: "a bucket is encrypted with the S3-managed key",
      bad: set("records-encryption", (p) => {
        rule0(p).applyServerSideEncryptionByDefault = { sseAlgorithm: "AES256" };
      }),
      expected: [["customer-key-encryption", "records"]],
    },
    {
      name: "the database is not encrypted",
      bad: set("db", (p) => {
        p.storageEncrypted = false;
      }),
      expected: [["customer-key-encryption", "db"]],
    },
    {
      name: "the secret uses the AWS-managed key",
      bad: set("api-token", (p) => {
        delete p.kmsKeyId;
      }),
      expected: [["customer-key-encryption", "api-token"]],
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
      expected: [["kubernetes-egress", "partner-egress"]],
    },
    {
      name: "a NetworkPolicy egress rule has no `to`, which allows every destination",
      bad: set("partner-egress", (p) => {
        delete egressRules(p)[1].to;
      }),
      expected: [["kubernetes-egress", "partner-egress"]],
    },
    {
      name: "the partner range is opened on a port the allowlist does not name",
      bad: set("partner-egress", (p) => {
        egressRules(p)[0].ports = [{ protocol: "TCP", port: 22 }];
      }),
      expected: [["kubernetes-egress", "partner-egress"]],
    },
    {
      name: "the partner range is opened on every port",
      bad: set("partner-egress", (p) => {
        delete egressRules(p)[0].ports;
      }),
      expected: [["kubernetes-egress", "partner-egress"]],
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
      expected: [["kubernetes-egress", "legacy"]],
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
      name: "a LoadBalancer Service has no internal annotation",
      bad: set("api", (p) => {
        delete (p.metadata as Props).annotations;
      }),
      expected: [["kubernetes-service-exposure", "api"]],
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
      expected: [["kubernetes-service-exposure", "partner"]],
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
      name: "a Helm v3 Release installs a chart the pack cannot see into",
      bad: add(
        "kubernetes:helm.sh/v3:Release",
        "exporter",
        { chart: "exporter", repositoryOpts: { repo: "https://charts.example.com" } },
        { provider: "kube" },
      ),
      expected: [["helm-releases", "exporter"]],
    },
  ]);
});

describe("fail closed", () => {
  const near = (plan: Plan) => around(happy, plan);

  describe("reviewed resource types", () => {
    const withQueue = (plan: Plan) => add("aws:sqs/queue:Queue", "queue", { name: "jobs" })(plan);

    test("fails a resource type the pack has not reviewed, as mandatory", async () => {
      const violations = await pack.check(near(withQueue(happy)), us);
      expect(pairs(violations)).toEqual([["reviewed-resource-types", "queue"]]);
      expect(violations[0]).toMatchObject({
        level: "mandatory",
        message: expect.stringContaining("aws:sqs/queue:Queue is not in policy/reviewed.ts"),
      });
    });

    test("fails an unreviewed Kubernetes kind", async () => {
      const bad = add(
        "kubernetes:networking.k8s.io/v1:Ingress",
        "ingress",
        { spec: { rules: [] } },
        { provider: "kube" },
      )(happy);
      expect(pairs(await pack.check(near(bad), us))).toEqual([
        ["reviewed-resource-types", "ingress"],
      ]);
    });

    test("passes a type listed in allowTypes", async () => {
      const violations = await pack.check(near(withQueue(happy)), {
        ...us,
        policies: { "reviewed-resource-types": { allowTypes: ["aws:sqs/queue:Queue"] } },
      });
      expect(summary(violations)).toEqual([]);
    });

    test("reports at the enforcement level the config sets", async () => {
      const violations = await pack.check(near(withQueue(happy)), {
        ...us,
        policies: { "reviewed-resource-types": { enforcementLevel: "advisory" } },
      });
      expect(violations.map((v) => [v.policy, v.level])).toEqual([
        ["reviewed-resource-types", "advisory"],
      ]);
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
      expect(summary(await pack.check(near(withResources(happy, component)), us))).toEqual([]);
    });
  });

  describe("values unknown at preview", () => {
    test("fails when a NetworkPolicy's ipBlock is not known", async () => {
      const bad = set("partner-egress", (p) => {
        (((p.spec as Props).egress as Props[])[0].to as Props[])[0] = {
          ipBlock: { cidr: unknown },
        };
      })(happy);
      expect(pairs(await pack.check(near(bad), us))).toEqual([
        ["kubernetes-egress", "partner-egress"],
      ]);
    });
  });
});
