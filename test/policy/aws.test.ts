/**
 * The residency pack on AWS: an Oregon happy path (test/fixtures/policy-aws) that replicates,
 * backs up, peers and syncs only to Virginia passes every policy, the border analysis included;
 * each case mutates one resource to open a path out of the United States and names every finding
 * that must follow — policy, resource, level and whole path — and its twin, the same mutation
 * inside the jurisdiction or with the fix applied, must leave the whole plan without a finding.
 */
import * as YAML from "yaml";
import type { Plan, RecordedResource } from "../../engine/plan";
import {
  add,
  addComponent,
  deploymentOn,
  externalName,
  addInstance,
  addProvider,
  fixturePlan,
  named,
  pipe,
  resource,
  set,
  unknown,
  withDependencies,
  without,
  withResources,
  type ResourceOptions,
} from "../helpers/policy-plan";
import { resourceLabel } from "../../policy/paths/describe";
import {
  noCustomerKey,
  type Case,
  type CheckOptions,
  type Finding,
  findings,
  oregonSettings,
  policyPack,
  lookupCase,
  runCases,
  runCasesInBothPostures,
  serviceKeyCases,
  sorted,
  summary,
} from "../helpers/policy-session";
import { hostsOf } from "../../policy/paths/kubernetes";
import { s3BucketName } from "../../policy/paths/resolver";

const account = "111122223333";

/** A Mail Manager relay "smarthost" forwarding mail to the SMTP server `serverName`, port 587. */
const relay = (serverName: string) =>
  add("aws:mailmanager/relay:Relay", "smarthost", {
    name: "smarthost",
    serverName,
    serverPort: 587,
  });

/**
 * An MSK replicator "replicator" from the program's Oregon cluster to the one `cluster` names (its
 * `amazonMskCluster` or `apacheKafkaCluster`), in the stack's subnets, logging as `logDelivery`.
 */
const replicator = (cluster: Props, logDelivery?: Props) =>
  add("aws:msk/replicator:Replicator", "replicator", {
    replicatorName: "orders",
    serviceExecutionRoleArn: `arn:aws:iam::${account}:role/replicator`,
    kafkaClusters: [{ ...cluster, vpcConfig: { subnetIds: ["subnet-records"] } }],
    replicationInfoList: {
      sourceKafkaClusterArn: `arn:aws:kafka:us-west-2:${account}:cluster/orders/abc`,
      targetCompressionType: "NONE",
      topicReplications: [{ topicsToReplicates: [".*"] }],
      consumerGroupReplications: [{ consumerGroupsToReplicates: [".*"] }],
    },
    ...(logDelivery === undefined ? {} : { logDelivery }),
  });

/** An MSK replicator "replicator" copying every topic of the Oregon cluster to one in `region`. */
const mskToMsk = (region: string) => {
  const source = `arn:aws:kafka:us-west-2:${account}:cluster/orders/abc`;
  const target = `arn:aws:kafka:${region}:${account}:cluster/dr/def`;
  return add("aws:msk/replicator:Replicator", "replicator", {
    replicatorName: "orders",
    serviceExecutionRoleArn: `arn:aws:iam::${account}:role/replicator`,
    kafkaClusters: [source, target].map((mskClusterArn) => ({
      amazonMskCluster: { mskClusterArn },
      vpcConfig: { subnetIds: ["subnet-records"] },
    })),
    replicationInfoList: {
      sourceKafkaClusterArn: source,
      targetKafkaClusterArn: target,
      targetCompressionType: "NONE",
      topicReplications: [{ topicsToReplicates: [".*"] }],
      consumerGroupReplications: [{ consumerGroupsToReplicates: [".*"] }],
    },
  });
};

/** `policy`'s finding (log-shipping's unless named) on the Oregon resource `name` (labelled `label`) sending data to a place. */
const shipsFrom =
  (name: string, label: string, policy = "log-shipping") =>
  (place: string): Finding => [policy, name, "mandatory", ["us-west-2 (inside US)", label, place]];

/** log-shipping's finding on the replicator "replicator", replicating with `place`. */
const replicated = shipsFrom("replicator", 'msk replicator "replicator"');

/** Lake Formation's grant "orders-grant" of SELECT on the sales table to `principal`. */
const lfGrant = (principal: string) =>
  add("aws:lakeformation/permissions:Permissions", "orders-grant", {
    principal,
    permissions: ["SELECT"],
    table: { databaseName: "sales", name: "orders" },
  });

/** A RAM share "partner-share" of the records share associated with `principal`. */
const ramShare = (principal: unknown) =>
  add("aws:ram/principalAssociation:PrincipalAssociation", "partner-share", {
    resourceShareArn: `arn:aws:ram:us-west-2:${account}:resource-share/records`,
    principal,
  });

/** A SageMaker code repository "notebooks" at the Git remote `url`. */
const notebookRepo = (url: string) =>
  add("aws:sagemaker/codeRepository:CodeRepository", "notebooks", {
    gitConfig: { repositoryUrl: url },
  });

/** remote-sites' finding on the repository "notebooks", cloned from and pushed to `place`. */
const notebookCode = shipsFrom(
  "notebooks",
  'sagemaker code repository "notebooks"',
  "remote-sites",
);

/** An ActiveMQ configuration "brokers" whose broker has the network connectors `connectors`. */
const mqConfiguration = (...connectors: string[]) =>
  add("aws:mq/configuration:Configuration", "brokers", {
    name: "brokers",
    engineType: "ActiveMQ",
    engineVersion: "5.18",
    data: [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
      '<broker xmlns="http://activemq.apache.org/schema/core">',
      "  <networkConnectors>",
      ...connectors.map((c) => `    ${c}`),
      "  </networkConnectors>",
      "</broker>",
    ].join("\n"),
  });

/** log-shipping's finding on the configuration "brokers", whose broker forwards to `place`. */
const brokerForward = shipsFrom("brokers", 'mq configuration "brokers"');

/** Confluent's S3 sink writing to a bucket of Oregon. */
const s3Sink = {
  "connector.class": "io.confluent.connect.s3.S3SinkConnector",
  "s3.region": "us-west-2",
  "s3.bucket.name": "sdc-records",
};

/** log-shipping's finding on the connector "sink", to `place`. */
const connectorFinding = shipsFrom("sink", 'mskconnect connector "sink"');

/**
 * An MSK Connect connector with the settings `config`, connecting to the brokers at `brokers`
 * (MSK's in Oregon unless given), with the other properties `extra`.
 */
const connector = (
  config: Record<string, string>,
  brokers = "b-1.orders.abc123.c2.kafka.us-west-2.amazonaws.com:9098",
  extra: Props = {},
) =>
  add("aws:mskconnect/connector:Connector", "sink", {
    kafkaconnectVersion: "2.7.1",
    serviceExecutionRoleArn: `arn:aws:iam::${account}:role/connect`,
    connectorConfiguration: config,
    kafkaCluster: {
      apacheKafkaCluster: {
        bootstrapServers: brokers,
        vpc: { subnets: ["subnet-records"], securityGroups: ["sg-records"] },
      },
    },
    ...extra,
  });
const us = oregonSettings;

/**
 * A CloudWatch dashboard's body: a metric widget of Frankfurt (its region, and one metric's own),
 * and a custom widget drawn by the function `draw`.
 */
const dashboard = (draw: string) =>
  JSON.stringify({
    widgets: [
      {
        type: "metric",
        properties: {
          region: "eu-central-1",
          metrics: [
            ["AWS/EC2", "CPUUtilization", "InstanceId", "i-0123456789abcdef0"],
            [
              "AWS/EC2",
              "NetworkOut",
              "InstanceId",
              "i-0123456789abcdef0",
              { region: "eu-central-1" },
            ],
          ],
          period: 300,
          stat: "Average",
          title: "Frankfurt instances",
        },
      },
      { type: "custom", properties: { endpoint: draw, title: "Orders" } },
    ],
  });

/**
 * A private virtual interface to the stack's own gateway, on the program's Direct Connect
 * connection `connection` at Equinix DC2 (its ID, an output), or on "dxcon-records", which the
 * program does not create.
 */
const privateInterfaceOn = (connection: string | undefined) =>
  pipe(
    ...(connection === undefined
      ? []
      : [
          add("aws:directconnect/connection:Connection", connection, {
            bandwidth: "1Gbps",
            location: "EqDC2",
          }),
        ]),
    add("aws:directconnect/privateVirtualInterface:PrivateVirtualInterface", "vif", {
      connectionId: connection === undefined ? "dxcon-records" : unknown,
      addressFamily: "ipv4",
      bgpAsn: 65352,
      vlan: 4094,
      vpnGatewayId: "vgw-records",
    }),
    (p: Plan) =>
      connection === undefined ? p : withDependencies(p, "vif", { connectionId: [connection] }),
  );

/**
 * A subscription "errors" of the log group "app-logs" to a destination whose ARN is not known
 * at preview (AWS assigns a stream's on create), computed from no resource of the program.
 */
const errorsSubscription = pipe(
  add("aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter", "errors", {
    logGroup: "app-logs",
    filterPattern: "ERROR",
    destinationArn: unknown,
  }),
  (plan: Plan) => withDependencies(plan, "errors", { logGroup: ["app-logs"] }),
);

/** The same subscription, its ARN computed from the program's stream "error-stream". */
const errorsToStream = pipe(errorsSubscription, (plan: Plan) =>
  withDependencies(plan, "errors", {
    logGroup: ["app-logs"],
    destinationArn: ["error-stream"],
  }),
);

/** An Incident Manager replication set "incidents" with `props` (its regions). */
const replicationSet = (props: Record<string, unknown>) =>
  add("aws:ssmincidents/replicationSet:ReplicationSet", "incidents", props);

/** log-shipping's finding on the replication set "incidents", replicating to `to`. */
const incidentsTo = (to: string) =>
  [
    "log-shipping",
    "incidents",
    "mandatory",
    ["us-west-2 (inside US)", 'ssmincidents replication set "incidents"', to],
  ] as const;

/** An ECR pull-through cache rule of the prefix `name`, caching from `upstreamRegistryUrl`. */
const cacheRule = (name: string, upstreamRegistryUrl: string) =>
  add("aws:ecr/pullThroughCacheRule:PullThroughCacheRule", name, {
    ecrRepositoryPrefix: name,
    upstreamRegistryUrl,
  });

/** registry-replication's finding on the cache rule `name`, images coming in from `from`. */
const cachedFrom = (name: string, from: string) =>
  [
    "registry-replication",
    name,
    "mandatory",
    [from, `ecr pull through cache rule "${name}"`, "us-west-2 (inside US)"],
  ] as const;

/** A hosted private virtual interface the stack's account allocates to itself on `connectionId`. */
const hostedInterface = (connectionId: unknown) =>
  add("aws:directconnect/hostedPrivateVirtualInterface:HostedPrivateVirtualInterface", "hosted", {
    connectionId,
    ownerAccountId: account,
    addressFamily: "ipv4",
    bgpAsn: 65352,
    vlan: 4094,
  });

/** …on the program's connection "dx" at Equinix DC2 (its ID, an output). */
const hostedOnOwnConnection = pipe(
  add("aws:directconnect/connection:Connection", "dx", { bandwidth: "1Gbps", location: "EqDC2" }),
  hostedInterface(unknown),
  (p: Plan) => withDependencies(p, "hosted", { connectionId: ["dx"] }),
);

/** The stack's reviewer confirmed the facility of the connection "dx" inside and waived it. */
/** The stack declares the Direct Connect location EqDC2 (Equinix DC2, Ashburn, Virginia) in the US. */
const declaredFacility = {
  ...us,
  directConnectLocations: [{ location: "EqDC2", country: "US" }],
};

const pack = policyPack();
let happy: Plan;
beforeAll(async () => {
  happy = await fixturePlan("policy-aws", "us");
});

type Props = Record<string, unknown>;

/** A voice connector group "calls" routing calls to a connector the program does not create. */
const unplacedConnector: Finding = [
  "named-destinations",
  "calls",
  "mandatory",
  [
    "us-west-2 (inside US)",
    'chime voice connector group "calls"',
    '"abcdef1ghij2klmno3pqr4" (cannot be placed)',
  ],
];

/**
 * Two voice connectors of the program, which report their IDs (`vc-local`, `vc-backup`) among
 * their outputs as the provider and the offline engine do, and a group of the connectors `ids`
 * names, its `connectors` input computed from both (one dependency list for the whole input).
 */
const groupOfConnectors = (ids: readonly string[]) =>
  pipe(
    add("aws:chime/voiceConnector:VoiceConnector", "local", {
      name: "local",
      requireEncryption: true,
      id: "vc-local",
    }),
    add("aws:chime/voiceConnector:VoiceConnector", "backup", {
      name: "backup",
      requireEncryption: true,
      id: "vc-backup",
    }),
    add("aws:chime/voiceConnectorGroup:VoiceConnectorGroup", "calls", {
      name: "calls",
      connectors: ids.map((voiceConnectorId, i) => ({ voiceConnectorId, priority: i + 1 })),
    }),
    (plan) => withDependencies(plan, "calls", { connectors: ["local", "backup"] }),
  );

/**
 * The program's Direct Connect gateway, with no virtual interface yet, which reports its ID among
 * its outputs as the provider and the offline engine do.
 */
const dxGateway = add("aws:directconnect/gateway:Gateway", "dx-gw", {
  name: "dx-gw",
  amazonSideAsn: "64601",
  id: "0e1d2c3b-aaaa-bbbb-cccc-ddddeeeeffff",
});

/** The virtual private gateway "vgw-records" associated with the Direct Connect gateway `id`. */
const dxAssociation = (dxGatewayId: unknown) =>
  add("aws:directconnect/gatewayAssociation:GatewayAssociation", "dx-assoc", {
    dxGatewayId,
    associatedGatewayId: "vgw-records",
    allowedPrefixes: ["10.0.0.0/16"],
  });

/** A Kinesis stream encrypted with the program's key "key". */
const streamOnTheProgramsKey = (plan: Plan) =>
  add("aws:kinesis/stream:Stream", "clicks", {
    shardCount: 1,
    encryptionType: "KMS",
    kmsKeyId: named(plan, "key").outputs.arn,
  })(plan);

/**
 * A bucket on the program's key whose inline replication rule (`status`) delivers to a bucket of
 * another account.
 */
const mirrorBucket = (status: string) => (plan: Plan) =>
  add("aws:s3/bucketV2:BucketV2", "mirror", {
    serverSideEncryptionConfigurations: [
      {
        rules: [
          {
            applyServerSideEncryptionByDefaults: [
              { sseAlgorithm: "aws:kms", kmsMasterKeyId: named(plan, "key").outputs.arn },
            ],
          },
        ],
      },
    ],
    replicationConfigurations: [
      {
        role: `arn:aws:iam::${account}:role/replication`,
        rules: [
          {
            status,
            destinations: [{ bucket: "arn:aws:s3:::sdc-records", accountId: "999988887777" }],
          },
        ],
      },
    ],
  })(plan);

const rule0 = (p: Props) => (p.rules as Props[])[0];
/** One option setting of an Elastic Beanstalk environment. */
/** An ADOT add-on remote-writing the cluster's metrics to a Prometheus workspace in `region`. */
const adot = (region: string) =>
  add("aws:eks/addon:Addon", "adot", {
    clusterName: "records",
    addonName: "adot",
    configurationValues: JSON.stringify({
      collector: {
        amp: {
          enabled: true,
          remoteWriteURL: `https://aps-workspaces.${region}.amazonaws.com/workspaces/ws-1/api/v1/remote_write`,
        },
      },
    }),
  });

/** An hourly schedule "to-partner" invoking `target` with the scheduler's role. */
const hourly = (target: Record<string, unknown>) =>
  add("aws:scheduler/schedule:Schedule", "to-partner", {
    scheduleExpression: "rate(1 hour)",
    flexibleTimeWindow: { mode: "OFF" },
    target: { ...target, roleArn: `arn:aws:iam::${account}:role/scheduler` },
  });

/** An EventBridge target `name` of the rule "nightly", delivering to `arn`. */
const ruleTarget = (name: string, arn: string) =>
  add("aws:cloudwatch/eventTarget:EventTarget", name, { rule: "nightly", arn });

/** An EventBridge API destination in the stack's region, by its ARN. */
const partnerApiDestination = `arn:aws:events:us-west-2:${account}:api-destination/partner-sink/0b1c2d3e-aaaa-bbbb-cccc-111122223333`;

/** The finding on `name` (`label`) delivering events to the API destination above, not the program's. */
const unplacedApiDestination = (name: string, label: string): Finding => [
  "named-destinations",
  name,
  "mandatory",
  ["us-west-2 (inside US)", label, `"${partnerApiDestination}" (cannot be placed)`],
];

/** `policy`'s finding on `name` (`label`), delivering to a resource of account 999988887777. */
const partnerDelivery = (name: string, label: string, policy = "log-shipping"): Finding => [
  policy,
  name,
  "mandatory",
  ["us-west-2 (inside US)", label, `account 999988887777 (not this stack's account ${account})`],
];

/**
 * A Firehose stream into an OpenSearch domain, an MSK replicator into a cluster and a DMS target
 * endpoint into a Kinesis stream, each of account `owner` in the stack's region.
 */
const partnerSinks = (owner: string) => [
  add("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", "to-partner-search", {
    destination: "opensearch",
    opensearchConfiguration: {
      domainArn: `arn:aws:es:us-west-2:${owner}:domain/partner-logs`,
      indexName: "events",
      s3Configuration: { bucketArn: "arn:aws:s3:::sdc-records-logs" },
    },
  }),
  add("aws:msk/replicator:Replicator", "to-partner-cluster", {
    replicatorName: "to-partner",
    serviceExecutionRoleArn: `arn:aws:iam::${account}:role/replicator`,
    kafkaClusters: [
      {
        amazonMskCluster: {
          mskClusterArn: `arn:aws:kafka:us-west-2:${account}:cluster/orders/0a1b2c3d-1`,
        },
        vpcConfig: { subnetIds: ["subnet-records"] },
      },
      {
        amazonMskCluster: {
          mskClusterArn: `arn:aws:kafka:us-west-2:${owner}:cluster/partner/0a1b2c3d-2`,
        },
        vpcConfig: { subnetIds: ["subnet-records"] },
      },
    ],
    replicationInfoList: {
      sourceKafkaClusterArn: `arn:aws:kafka:us-west-2:${account}:cluster/orders/0a1b2c3d-1`,
      targetKafkaClusterArn: `arn:aws:kafka:us-west-2:${owner}:cluster/partner/0a1b2c3d-2`,
      targetCompressionType: "NONE",
      topicReplications: [{ topicsToReplicates: [".*"] }],
      consumerGroupReplications: [{ consumerGroupsToReplicates: [".*"] }],
    },
  }),
  add("aws:dms/endpoint:Endpoint", "to-partner-stream", {
    endpointId: "partner",
    endpointType: "target",
    engineName: "kinesis",
    kinesisSettings: {
      streamArn: `arn:aws:kinesis:us-west-2:${owner}:stream/cdc`,
      serviceAccessRoleArn: `arn:aws:iam::${account}:role/dms`,
      messageFormat: "json",
    },
  }),
];

/** An EventBridge rule's target starting Fargate tasks, with public IPs or not. */
const ruleTask = (assignPublicIp: boolean) =>
  add("aws:cloudwatch/eventTarget:EventTarget", "nightly-task", {
    rule: "nightly",
    arn: "arn:aws:ecs:us-west-2:111122223333:cluster/records",
    roleArn: "arn:aws:iam::111122223333:role/events-ecs",
    ecsTarget: {
      taskDefinitionArn: "arn:aws:ecs:us-west-2:111122223333:task-definition/export:1",
      launchType: "FARGATE",
      networkConfiguration: { subnets: ["subnet-records"], assignPublicIp },
    },
  });

/** A Glue job running the program's script, with `props` over it. */
const glueJob = (props: Record<string, unknown>) =>
  add("aws:glue/job:Job", "etl", {
    roleArn: `arn:aws:iam::${account}:role/glue`,
    command: { scriptLocation: "s3://sdc-records/etl.py" },
    ...props,
  });

/** A Flink application of `runtime` running the program's code, with `config` over its configuration. */
const flinkApp = (runtime: string, config: Record<string, unknown> = {}) =>
  add("aws:kinesisanalyticsv2/application:Application", "stream-app", {
    runtimeEnvironment: runtime,
    serviceExecutionRole: `arn:aws:iam::${account}:role/flink`,
    applicationConfiguration: {
      applicationCodeConfiguration: {
        codeContentType: "ZIPFILE",
        codeContent: {
          s3ContentLocation: { bucketArn: "arn:aws:s3:::sdc-records", fileKey: "app.jar" },
        },
      },
      ...config,
    },
  });

/** A Managed Workflows for Apache Airflow environment in the stack's subnets. */
const mwaa = (webserverAccessMode: string) =>
  add("aws:mwaa/environment:Environment", "airflow", {
    name: "airflow",
    dagS3Path: "dags/",
    sourceBucketArn: "arn:aws:s3:::sdc-records",
    executionRoleArn: `arn:aws:iam::${account}:role/airflow`,
    networkConfiguration: { securityGroupIds: ["sg-records"], subnetIds: ["subnet-records"] },
    webserverAccessMode,
  });

/** A Glue crawler of every S3 kind of target, all in `bucket`; a JDBC target on a connection. */
const crawler = (bucket: string) =>
  add("aws:glue/crawler:Crawler", "lake-crawler", {
    databaseName: "orders",
    role: `arn:aws:iam::${account}:role/glue`,
    s3Targets: [{ path: `s3://${bucket}/events/` }],
    deltaTargets: [{ deltaTables: [`s3://${bucket}/delta/events`], writeManifest: false }],
    hudiTargets: [{ paths: [`s3://${bucket}/hudi/events`], maximumTraversalDepth: 3 }],
    icebergTargets: [{ paths: [`s3://${bucket}/iceberg/events`], maximumTraversalDepth: 3 }],
    jdbcTargets: [{ connectionName: "orders-db", path: "orders/%" }],
    dynamodbTargets: [{ path: "orders" }],
  });

/** The program's encrypted, private Redshift cluster "warehouse" in Oregon. */
const oregonWarehouse = add("aws:redshift/cluster:Cluster", "warehouse", {
  clusterIdentifier: "warehouse",
  nodeType: "ra3.xlplus",
  encrypted: true,
  kmsKeyId: `arn:aws:kms:us-west-2:${account}:key/11111111-2222-3333-4444-555555555555`,
  publiclyAccessible: false,
});

/** log-shipping's finding on the Firehose stream "firehose", delivering to `place`. */
const fromFirehose = shipsFrom("firehose", 'kinesis firehose delivery stream "firehose"');

/**
 * A Firehose stream "firehose" copying records into the Redshift cluster its JDBC URL names
 * (`clusterJdbcurl`), staged in the program's log bucket; `options` as `add`'s.
 */
const toRedshift = (clusterJdbcurl: unknown, options?: Parameters<typeof add>[3]) =>
  add(
    "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
    "firehose",
    {
      destination: "redshift",
      redshiftConfiguration: {
        clusterJdbcurl,
        dataTableName: "events",
        s3Configuration: { bucketArn: "arn:aws:s3:::sdc-records-logs" },
      },
    },
    options,
  );

/** log-shipping's finding on the EMR cluster "spark", sending data to `place`. */
const fromSpark = shipsFrom("spark", 'emr cluster "spark"');

/** A Spark configuration whose nested hive-site names the metastore servers `uris`. */
const sparkMetastore = (uris: string) => ({
  Classification: "spark",
  Configurations: [
    { Classification: "spark-hive-site", Properties: { "hive.metastore.uris": uris } },
  ],
});

/** An EMR cluster in the stack's private subnet, with `props` over it. */
const emrCluster = (props: Record<string, unknown> = {}) =>
  add("aws:emr/cluster:Cluster", "spark", {
    releaseLabel: "emr-7.1.0",
    serviceRole: `arn:aws:iam::${account}:role/emr`,
    ec2Attributes: { subnetId: "subnet-records", instanceProfile: "emr" },
    ...props,
  });

const beanstalk = (namespace: string, name: string, value: string) => ({ namespace, name, value });
/** Beanstalk settings: the environment in the stack's VPC and subnet, and as one instance there. */
const inVpc = [
  beanstalk("aws:ec2:vpc", "VPCId", "vpc-records"),
  beanstalk("aws:ec2:vpc", "Subnets", "subnet-records"),
];
const singleInstanceInVpc = [
  beanstalk("aws:elasticbeanstalk:environment", "EnvironmentType", "SingleInstance"),
  ...inVpc,
];
/** A Python web environment "web" of the application "records" with these settings. */
const beanstalkEnvironment = (settings: readonly ReturnType<typeof beanstalk>[]) =>
  add("aws:elasticbeanstalk/environment:Environment", "web", {
    application: "records",
    solutionStackName: "64bit Amazon Linux 2023 v4.3.0 running Python 3.11",
    settings,
  });
const egressRules = (p: Props) => (p.spec as Props).egress as Props[];
/** A queue policy letting the account send to the queue "orders" of `region`, its Id of `idRegion`. */
const queuePolicy = (region: string, idRegion: string) =>
  JSON.stringify({
    Version: "2012-10-17",
    Id: `arn:aws:sqs:${idRegion}:${account}:orders/SQSDefaultPolicy`,
    Statement: [
      {
        Effect: "Allow",
        Principal: { AWS: `arn:aws:iam::${account}:root` },
        Action: "sqs:SendMessage",
        Resource: `arn:aws:sqs:${region}:${account}:orders`,
      },
    ],
  });

/** The happy path's key "key" made the region's default EBS key, as a program does. */
const programEbsKey = (plan: Plan) =>
  add(
    "aws:ebs/defaultKmsKey:DefaultKmsKey",
    "ebs-default",
    { keyArn: named(plan, "key").outputs.arn },
    { dependsOn: { keyArn: ["key"] } },
  )(plan);

/** The program's key as the region's default EBS key, with encryption by default on. */
const programEbsEncryption = pipe(
  programEbsKey,
  add("aws:ebs/encryptionByDefault:EncryptionByDefault", "ebs-encryption", { enabled: true }),
);

/**
 * An unencrypted EBS volume in a region whose default EBS key is the happy path's key "key", with
 * encryption by default `enabled` or not.
 */
const volumeWhereByDefault = (enabled: boolean) =>
  pipe(
    programEbsKey,
    add("aws:ebs/encryptionByDefault:EncryptionByDefault", "ebs-encryption", { enabled }),
    add("aws:ebs/volume:Volume", "scratch", { availabilityZone: "us-west-2a", size: 100 }),
  );

/**
 * An EC2 launch configuration with an encrypted root volume and `devices`, in a program that
 * makes its own key the region's default for EBS when `programDefault` is set.
 */
const launchConfigurationWhereDefault = (programDefault: boolean, devices: readonly Props[]) =>
  pipe(
    ...(programDefault ? [programEbsKey] : []),
    add("aws:ec2/launchConfiguration:LaunchConfiguration", "workers", {
      imageId: "ami-records",
      instanceType: "t3.micro",
      rootBlockDevice: { encrypted: true, volumeSize: 30 },
      ebsBlockDevices: devices,
    }),
  );

/** A copy, in the stack's region, of an AMI and of a snapshot of the same region. */
const amiCopy = { name: "golden", sourceAmiId: "ami-records", sourceAmiRegion: "us-west-2" };
const snapshotCopy = { sourceSnapshotId: "snap-records", sourceRegion: "us-west-2" };

/** An EKS cluster with `inputs`, its Secrets encrypted with the happy path's key "key". */
/** The vpc-cni add-on of EKS cluster `cluster`, with network policy on: the namespaces' policies apply. */
const vpcCniWithPolicies =
  (cluster: string, opts: ResourceOptions = {}) =>
  (plan: Plan): Plan =>
    add(
      "aws:eks/addon:Addon",
      `${cluster}-vpc-cni`,
      {
        clusterName: cluster,
        addonName: "vpc-cni",
        configurationValues: JSON.stringify({ enableNetworkPolicy: "true" }),
      },
      { ...opts, dependsOn: { ...opts.dependsOn, clusterName: [cluster] } },
    )(plan);

const eksCluster =
  (name: string, inputs: Props, opts: ResourceOptions = {}) =>
  (plan: Plan): Plan =>
    add(
      "aws:eks/cluster:Cluster",
      name,
      {
        ...inputs,
        encryptionConfig: {
          provider: { keyArn: named(plan, "key").outputs.arn },
          resources: ["secrets"],
        },
      },
      { ...opts, dependsOn: { ...opts.dependsOn, encryptionConfig: ["key"] } },
    )(plan);

/**
 * A resource with `inputs` whose key setting at `keyPath` (dotted) names the happy path's key
 * "key", as a program passes its ARN.
 */
const keyedAdd =
  (type: string, name: string, inputs: Props, keyPath: string) =>
  (plan: Plan): Plan => {
    const props: Props = structuredClone(inputs);
    const steps = keyPath.split(".");
    let at = props;
    for (const step of steps.slice(0, -1)) {
      at[step] = { ...(at[step] as Props | undefined) };
      at = at[step] as Props;
    }
    at[steps[steps.length - 1]] = named(plan, "key").outputs.arn;
    return add(type, name, props, { dependsOn: { [steps[0]]: ["key"] } })(plan);
  };

/**
 * An MSK cluster "kafka" of three brokers on the stack's subnet, its data on the happy path's
 * key, with the brokers' `connectivityInfo` and broker logs to the S3 bucket `logBucket`.
 */
const kafka = (connectivityInfo?: Props, logBucket?: string) =>
  keyedAdd(
    "aws:msk/cluster:Cluster",
    "kafka",
    {
      clusterName: "orders",
      kafkaVersion: "3.6.0",
      numberOfBrokerNodes: 3,
      brokerNodeGroupInfo: {
        instanceType: "kafka.m5.large",
        clientSubnets: ["subnet-records"],
        securityGroups: ["sg-records"],
        ...(connectivityInfo === undefined ? {} : { connectivityInfo }),
      },
      ...(logBucket === undefined
        ? {}
        : { loggingInfo: { brokerLogs: { s3: { enabled: true, bucket: logBucket } } } }),
    },
    "encryptionInfo.encryptionAtRestKmsKeyArn",
  );

/**
 * The findings on a store `name` (`label`) encrypted with the program's key "eu-key" in
 * Frankfurt: the key's placement, and the store's key abroad.
 */
const onFrankfurtKey = (name: string, label: string): Finding[] => [
  [
    "resource-placement",
    "eu-key",
    "mandatory",
    ['kms key "eu-key"', "eu-central-1 (outside US, in EU)"],
  ],
  [
    "store-key-locality",
    name,
    "mandatory",
    [label, 'kms key "eu-key" in eu-central-1 (outside US, in EU)'],
  ],
];

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

/** An IoT topic rule that hands every message to the function `functionArn` names. */
const topicRuleTo = (functionArn: unknown) =>
  add("aws:iot/topicRule:TopicRule", "telemetry", {
    name: "telemetry",
    enabled: true,
    sql: "SELECT * FROM 'vehicles/+/telemetry'",
    sqlVersion: "2016-03-23",
    lambdas: [{ functionArn }],
  });

/**
 * An IoT topic rule that queues device messages at `queueUrl` with the role `roleArn`; `from`
 * names the resources of the program its action was computed from.
 */
const sqsRule = (queueUrl: unknown, roleArn: unknown, from: readonly string[] = []) =>
  add(
    "aws:iot/topicRule:TopicRule",
    "telemetry",
    {
      enabled: true,
      sql: "SELECT * FROM 'devices/+/telemetry'",
      sqlVersion: "2016-03-23",
      sqs: [{ queueUrl, roleArn, useBase64: false }],
    },
    from.length > 0 ? { dependsOn: { sqs: from } } : {},
  );

/**
 * A record `name` of the program's private zone, its answer (`aliases` or `records`) computed from
 * the resources named `from` (none: a lookup's answer).
 */
const partnerRecord = (name: string, answer: Record<string, unknown>, from: string[] = []) =>
  add(
    "aws:route53/record:Record",
    name,
    { zoneId: "Z0123456789ABCDEFGHIJ", name: `${name}.records.internal`, ...answer },
    from.length > 0 ? { dependsOn: { aliases: from, records: from } } : {},
  );

/** The private zone's exclusive record sets: one aliasing the load balancer at `dnsName`. */
const exclusiveAlias = (dnsName: unknown) =>
  add("aws:route53/recordsExclusive:RecordsExclusive", "partner-records", {
    zoneId: "Z0123456789ABCDEFGHIJ",
    resourceRecordSets: [
      {
        name: "partner.records.internal",
        type: "A",
        aliasTarget: { dnsName, hostedZoneId: "Z1H1FL5HABSF5", evaluateTargetHealth: false },
      },
    ],
  });

/** A Glue table a DynamoDB crawler catalogued: the table's data lies in `region`. */
const dynamoCatalogued = (region: string) =>
  add("aws:glue/catalogTable:CatalogTable", "orders-table", {
    databaseName: "sales",
    name: "orders",
    tableType: "EXTERNAL_TABLE",
    parameters: { classification: "dynamodb" },
    storageDescriptor: {
      location: `arn:aws:dynamodb:${region}:${account}:table/orders`,
      columns: [{ name: "id", type: "string" }],
    },
  });

/** A REST API's proxy integration invoking the function `uri` names (built from `from`). */
const lambdaIntegration = (uri: unknown, from: string[] = []) =>
  add(
    "aws:apigateway/integration:Integration",
    "orders-lambda",
    {
      restApi: "a1b2c3d4e5",
      resourceId: "abc123",
      httpMethod: "POST",
      type: "AWS_PROXY",
      integrationHttpMethod: "POST",
      uri,
    },
    from.length > 0 ? { dependsOn: { uri: from } } : {},
  );

/** The program's queue of device messages, encrypted with its key. */
const deviceQueue = (plan: Plan) =>
  add("aws:sqs/queue:Queue", "device-messages", {
    kmsMasterKeyId: named(plan, "key").outputs.arn,
  })(plan);

/** The program's role the IoT rules act with. */
const iotRole = add("aws:iam/role:Role", "iot-sender", { assumeRolePolicy: "{}" });

/** The log-shipping finding of the SNS subscription "orders" pushing messages to `place`. */
const pushesOrders = shipsFrom("orders", 'sns topic subscription "orders"');

/** The program's function `name`, in the private subnets of the records VPC. */
const privateFunction = (name: string) =>
  add("aws:lambda/function:Function", name, {
    role: `arn:aws:iam::${account}:role/${name}`,
    runtime: "nodejs20.x",
    handler: "index.handler",
    vpcConfig: { subnetIds: ["subnet-records"], securityGroupIds: ["sg-records"] },
  });

/** An SNS subscription of the program's topic, by `protocol`, to `endpoint`. */
const subscription = (protocol: string, endpoint: unknown) =>
  add("aws:sns/topicSubscription:TopicSubscription", "orders", {
    topic: `arn:aws:sns:us-west-2:${account}:orders`,
    protocol,
    endpoint,
  });

/** A Redis replication group encrypted at rest with the program's key, with `extra` inputs. */
const encryptedSessions =
  (extra: Record<string, unknown> = {}) =>
  (plan: Plan) =>
    add("aws:elasticache/replicationGroup:ReplicationGroup", "sessions", {
      description: "sessions",
      engine: "redis",
      nodeType: "cache.t4g.small",
      atRestEncryptionEnabled: true,
      kmsKeyId: named(plan, "key").outputs.arn,
      ...extra,
    })(plan);

/** A Redshift Serverless resource policy letting `principal` restore the program's snapshot. */
const snapshotSharedWith = (principal: string) =>
  add("aws:redshiftserverless/resourcePolicy:ResourcePolicy", "share", {
    resourceArn: `arn:aws:redshift-serverless:us-west-2:${account}:snapshot/sales-manual`,
    policy: JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { AWS: [principal] },
          Action: ["redshift-serverless:RestoreFromSnapshot"],
        },
      ],
    }),
  });

/** A Connect quick connect that transfers callers to the phone number `phoneNumber`. */
const quickConnect = (phoneNumber: string) =>
  add("aws:connect/quickConnect:QuickConnect", "transfer", {
    instanceId: "instance-1",
    name: "transfer",
    quickConnectConfig: { quickConnectType: "PHONE_NUMBER", phoneConfigs: [{ phoneNumber }] },
  });

/** A Connect flow (or flow module, `type`) "transfer" whose one block transfers the caller to `number`. */
const transferFlow = (number: string, type = "aws:connect/contactFlow:ContactFlow") =>
  add(type, "transfer", {
    instanceId: "instance-1",
    name: "transfer",
    content: JSON.stringify({
      Version: "2019-10-30",
      StartAction: "t1",
      Actions: [
        {
          Identifier: "t1",
          Type: "TransferParticipantToThirdParty",
          Parameters: { ThirdPartyPhoneNumber: number, ThirdPartyConnectionTimeLimitSeconds: "30" },
          Transitions: {},
        },
      ],
    }),
  });

/** Shield proactive engagement with the Shield Response Team's emergency `contacts`. */
const srtContacts = (...contacts: Record<string, string>[]) =>
  add("aws:shield/proactiveEngagement:ProactiveEngagement", "srt-contacts", {
    enabled: true,
    emergencyContacts: contacts,
  });

/** The log-shipping finding of those contacts, reaching `place`. */
const srtFinding = (place: string): Finding => [
  "log-shipping",
  "srt-contacts",
  "mandatory",
  ["a global service", 'shield proactive engagement "srt-contacts"', place],
];

/** A Connect agent whose phone is of `phoneType`, with a desk phone number `deskPhoneNumber`. */
const agent = (phoneType: string, deskPhoneNumber: string) =>
  add("aws:connect/user:User", "agent", {
    instanceId: "instance-1",
    name: "agent",
    password: "Agent-secret1",
    routingProfileId: "profile-1",
    securityProfileIds: ["security-1"],
    phoneConfig: { phoneType, deskPhoneNumber },
  });

/** A Chime voice connector's termination calling `countries`, accepting calls from `cidrs`. */
const termination = (countries: string[], cidrs: string[]) =>
  add("aws:chime/voiceConnectorTermination:VoiceConnectorTermination", "term", {
    voiceConnectorId: "abcdef1ghij2klmno3pqr4",
    callingRegions: countries,
    cidrAllowLists: cidrs,
  });

/** An IoT topic rule whose Kafka action, through a VPC destination, streams to `servers`. */
const kafkaRule = (servers: string) =>
  add("aws:iot/topicRule:TopicRule", "telemetry", {
    name: "telemetry",
    enabled: true,
    sql: "SELECT * FROM 'vehicles/+/telemetry'",
    sqlVersion: "2016-03-23",
    kafkas: [
      {
        destinationArn: `arn:aws:iot:us-west-2:${account}:ruledestination/vpc/kafka`,
        topic: "telemetry",
        clientProperties: { "bootstrap.servers": servers, "security.protocol": "SASL_SSL" },
      },
    ],
  });

/** The log-shipping finding of the topic rule "telemetry" sending device messages to `place`. */
const shipsTelemetry = shipsFrom("telemetry", 'iot topic rule "telemetry"');

/** An IoT topic rule that posts every message to `url`, confirmed at the same URL. */
const httpsRule = (url: string) =>
  add("aws:iot/topicRule:TopicRule", "telemetry", {
    name: "telemetry",
    enabled: true,
    sql: "SELECT * FROM 'vehicles/+/telemetry'",
    sqlVersion: "2016-03-23",
    https: [{ url, confirmationUrl: url }],
  });

/** An IoT topic rule whose SQL enriches every message with the function `arn`. */
const sqlRule = (arn: string) =>
  add("aws:iot/topicRule:TopicRule", "telemetry", {
    name: "telemetry",
    enabled: true,
    sql: `SELECT aws_lambda("${arn}", *) AS enriched FROM 'vehicles/+/telemetry'`,
    sqlVersion: "2016-03-23",
    republishes: [{ roleArn: `arn:aws:iam::${account}:role/iot`, topic: "vehicles/enriched" }],
  });

/** A Bedrock agent invoking `model`. */
const assistant = (model: string, more: Record<string, unknown> = {}) =>
  add("aws:bedrock/agentAgent:AgentAgent", "assistant", {
    agentName: "assistant",
    agentResourceRoleArn: `arn:aws:iam::${account}:role/assistant`,
    foundationModel: model,
    instruction: "Answer questions about the records.",
    ...more,
  });

/** arn-locality's finding on the agent "assistant" invoking its model through the EU profile. */
const euProfile: Finding = [
  "arn-locality",
  "assistant",
  "mandatory",
  [
    'bedrock agent agent "assistant"',
    "eu-central-1, eu-north-1, eu-south-1, eu-south-2, eu-west-1, eu-west-3 (eu cross-Region inference, outside US)",
  ],
];

/**
 * A state machine whose state "DetectLabels" invokes a function of `region`, its comment naming
 * a function in Frankfurt (a mention).
 */
const labelledStates = (region: string) =>
  add("aws:sfn/stateMachine:StateMachine", "labels-flow", {
    roleArn: `arn:aws:iam::${account}:role/sfn`,
    definition: JSON.stringify({
      StartAt: "DetectLabels",
      States: {
        DetectLabels: {
          Type: "Task",
          Comment: `Was arn:aws:lambda:eu-central-1:${account}:function:old-labels`,
          Resource: `arn:aws:lambda:${region}:${account}:function:detect-labels`,
          End: true,
        },
      },
    }),
  });

/** A Rekognition stream processor of the program's video stream, opted in to data sharing or not. */
const doorbell = (optIn: boolean) =>
  add("aws:rekognition/streamProcessor:StreamProcessor", "doorbell", {
    name: "doorbell",
    roleArn: `arn:aws:iam::${account}:role/rekognition`,
    input: {
      kinesisVideoStream: { arn: `arn:aws:kinesisvideo:us-west-2:${account}:stream/doorbell/1` },
    },
    output: { s3Destination: { bucket: "sdc-records", keyPrefix: "frames/" } },
    settings: { connectedHome: { labels: ["PERSON"] } },
    dataSharingPreference: { optIn },
  });

/** A function in the stack's VPC whose settings name the model it invokes. */
const summariser = (model: string, variable = "MODEL_ID") =>
  add("aws:lambda/function:Function", "summarise", {
    role: `arn:aws:iam::${account}:role/summarise`,
    runtime: "nodejs20.x",
    handler: "index.handler",
    vpcConfig: { subnetIds: ["subnet-records"], securityGroupIds: ["sg-records"] },
    environment: { variables: { [variable]: model } },
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
      // The validation lies in Frankfurt, which resource-placement reports; the certificate it
      // names lies beside it there, which is the same crossing and not a second one.
      name: "a certificate validation is created in Frankfurt, naming its Frankfurt certificate",
      bad: pipe(
        addProvider("aws", "frankfurt", { region: "eu-central-1" }),
        add(
          "aws:acm/certificateValidation:CertificateValidation",
          "eu-cert-validation",
          { certificateArn: `arn:aws:acm:eu-central-1:${account}:certificate/0123` },
          { provider: "frankfurt" },
        ),
      ),
      expected: [
        [
          "resource-placement",
          "eu-cert-validation",
          "mandatory",
          ['acm certificate validation "eu-cert-validation"', "eu-central-1 (outside US, in EU)"],
        ],
        [
          "resource-placement",
          "frankfurt",
          "mandatory",
          ['aws provider "frankfurt"', "eu-central-1 (outside US, in EU)"],
        ],
      ],
      twinName: "the validation and its certificate are in Ohio",
      twin: pipe(
        addProvider("aws", "ohio", { region: "us-east-2" }),
        add(
          "aws:acm/certificateValidation:CertificateValidation",
          "ohio-cert-validation",
          { certificateArn: `arn:aws:acm:us-east-2:${account}:certificate/0123` },
          { provider: "ohio" },
        ),
      ),
    },
    {
      name: "a certificate validation in Ohio names a Frankfurt certificate",
      bad: pipe(
        addProvider("aws", "ohio", { region: "us-east-2" }),
        add(
          "aws:acm/certificateValidation:CertificateValidation",
          "ohio-cert-validation",
          { certificateArn: `arn:aws:acm:eu-central-1:${account}:certificate/0123` },
          { provider: "ohio" },
        ),
      ),
      expected: [
        [
          "arn-locality",
          "ohio-cert-validation",
          "mandatory",
          [
            'acm certificate validation "ohio-cert-validation"',
            "arn:aws:acm:eu-central-1:111122223333:certificate/0123 (outside US, in EU)",
          ],
        ],
      ],
      twinName: "the Ohio validation names a certificate in Virginia",
      twin: pipe(
        addProvider("aws", "ohio", { region: "us-east-2" }),
        add(
          "aws:acm/certificateValidation:CertificateValidation",
          "ohio-cert-validation",
          { certificateArn: `arn:aws:acm:us-east-1:${account}:certificate/0123` },
          { provider: "ohio" },
        ),
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
          ['cloudfront distribution "cdn"', "CloudFront edge locations outside the jurisdiction"],
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
          ['route53 zone "zone"', "Route 53 name servers outside the jurisdiction"],
        ],
      ],
      twinName: "the zone is private to the VPC",
      twin: add("aws:route53/zone:Zone", "zone", {
        name: "records.internal",
        vpcs: [{ vpcId: "vpc-records" }],
      }),
    },
    {
      name: "a Cloud Map public DNS namespace is created",
      bad: add("aws:servicediscovery/publicDnsNamespace:PublicDnsNamespace", "names", {
        name: "records.example.com",
      }),
      expected: [
        [
          "global-services",
          "names",
          "mandatory",
          [
            'servicediscovery public dns namespace "names"',
            "Route 53 name servers outside the jurisdiction",
          ],
        ],
      ],
      twinName: "the namespace is private to the VPC",
      twin: add("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace", "names", {
        name: "records.internal",
        vpc: "vpc-records",
      }),
    },
    {
      // A custom domain is served through a CloudFront distribution Cognito creates.
      name: "a Cognito user pool's sign-in pages are served on a custom domain",
      bad: add("aws:cognito/userPoolDomain:UserPoolDomain", "sign-in", {
        domain: "auth.records.example.com",
        userPoolId: "us-west-2_records",
        certificateArn: `arn:aws:acm:us-east-1:${account}:certificate/records`,
      }),
      expected: [
        [
          "global-services",
          "sign-in",
          "mandatory",
          [
            'cognito user pool domain "sign-in"',
            "CloudFront edge locations outside the jurisdiction",
          ],
        ],
      ],
      twinName: "the pages are served on a prefix domain of the region",
      twin: add("aws:cognito/userPoolDomain:UserPoolDomain", "sign-in", {
        domain: "records-sign-in",
        userPoolId: "us-west-2_records",
      }),
    },
    {
      name: "an AppSync API is given a custom domain name (CloudFront-backed)",
      bad: add("aws:appsync/domainName:DomainName", "api-domain", {
        domainName: "api.records.example.com",
        certificateArn: `arn:aws:acm:us-east-1:${account}:certificate/api`,
      }),
      expected: [
        [
          "global-services",
          "api-domain",
          "mandatory",
          [
            'appsync domain name "api-domain"',
            "CloudFront edge locations outside the jurisdiction",
          ],
        ],
      ],
      twinName: "the API is called at its regional endpoint",
      twin: add("aws:appsync/graphQLApi:GraphQLApi", "api-domain", {
        name: "records",
        authenticationType: "AWS_IAM",
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
            "Global Accelerator edge locations outside the jurisdiction",
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
            "S3 transfer acceleration network outside the jurisdiction",
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
      name: "a Bedrock agent invokes its model through the EU cross-Region inference profile",
      bad: assistant("eu.anthropic.claude-3-5-sonnet-20241022-v2:0"),
      expected: [euProfile],
      twinName: "it invokes the model through the US cross-Region inference profile",
      twin: assistant("us.anthropic.claude-3-5-sonnet-20241022-v2:0"),
    },
    {
      // The bench of AI/ML programs: the opt-in passed unread.
      name: "a Rekognition stream processor shares the video it analyses with AWS",
      bad: doorbell(true),
      expected: [
        [
          "log-shipping",
          "doorbell",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'rekognition stream processor "doorbell"',
            "AWS, which may store it in regions outside the stack's to improve its AI services (cannot be placed)",
          ],
        ],
      ],
      twinName: "it does not opt in to data sharing",
      twin: doorbell(false),
    },
    {
      // The rerun after tags and prose became mentions: a state an author named "DetectLabels"
      // is no label, and its function in Frankfurt was dropped with it.
      name: "a workflow's state, named as a label is, invokes a function in Frankfurt",
      bad: labelledStates("eu-central-1"),
      expected: [
        [
          "arn-locality",
          "labels-flow",
          "mandatory",
          [
            'sfn state machine "labels-flow"',
            `arn:aws:lambda:eu-central-1:${account}:function:detect-labels (outside US, in EU)`,
          ],
        ],
      ],
      twinName: "the function is Oregon's, and the state's comment names another",
      twin: labelledStates("us-west-2"),
    },
    {
      // The bench of AI/ML programs: a profile ARN of a geography the pack does not know was
      // judged by the ARN's own region and passed; such an ARN always routes across regions.
      name: "a Bedrock agent invokes its model through a profile ARN of a geography the pack does not know",
      bad: assistant(
        `arn:aws:bedrock:us-west-2:${account}:inference-profile/ca.anthropic.claude-sonnet-4-5-20250929-v1:0`,
      ),
      expected: [
        [
          "arn-locality",
          "assistant",
          "mandatory",
          [
            'bedrock agent agent "assistant"',
            'the "ca" cross-Region inference geography (cannot be placed)',
          ],
        ],
      ],
      twinName: "the profile ARN is the US geography's",
      twin: assistant(
        `arn:aws:bedrock:us-west-2:${account}:inference-profile/us.anthropic.claude-sonnet-4-5-20250929-v1:0`,
      ),
    },
    {
      // The bench of AI/ML programs: a tag or a description only mentions a model or an ARN.
      name: "a Bedrock agent's model is the EU profile, though its tags and description name it too",
      bad: assistant("eu.anthropic.claude-3-5-sonnet-20241022-v2:0", {
        description: "Migrated from eu.anthropic.claude-3-5-sonnet-20241022-v2:0",
        tags: { model: "eu.anthropic.claude-3-5-sonnet-20241022-v2:0" },
      }),
      expected: [euProfile],
      twinName: "its model is the US profile, and only its tags and description name others",
      twin: assistant("us.anthropic.claude-3-5-sonnet-20241022-v2:0", {
        description: `Replaces arn:aws:sqs:eu-west-1:${account}:old-queue and eu.anthropic.claude-3-5-sonnet-20241022-v2:0`,
        tags: {
          model: "eu.anthropic.claude-3-5-sonnet-20241022-v2:0",
          previous: `arn:aws:sqs:eu-west-1:${account}:old-queue`,
        },
      }),
    },
    {
      name: "an application inference profile copies the global cross-Region inference profile",
      bad: add("aws:bedrock/inferenceProfile:InferenceProfile", "claude", {
        name: "claude",
        modelSource: {
          copyFrom: `arn:aws:bedrock:us-west-2:${account}:inference-profile/global.anthropic.claude-sonnet-4-20250514-v1:0`,
        },
      }),
      expected: [
        [
          "arn-locality",
          "claude",
          "mandatory",
          [
            'bedrock inference profile "claude"',
            "any commercial AWS region (global cross-Region inference, outside US)",
          ],
        ],
      ],
      twinName: "it copies the model of the stack's own region",
      twin: add("aws:bedrock/inferenceProfile:InferenceProfile", "claude", {
        name: "claude",
        modelSource: {
          copyFrom:
            "arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-3-5-sonnet-20241022-v2:0",
        },
      }),
    },
    {
      // Found on public programs reading existing queues: the variable's name says nothing of a
      // place, its value does.
      name: "a function's setting of any name holds the URL of a queue in Ireland",
      bad: summariser(`https://sqs.eu-west-1.amazonaws.com/${account}/summaries`, "OUT"),
      expected: [
        [
          "arn-locality",
          "summarise",
          "mandatory",
          [
            'lambda function "summarise"',
            "sqs.eu-west-1.amazonaws.com in eu-west-1 (outside US, in EU)",
          ],
        ],
      ],
      twinName: "the queue is in the stack's region",
      twin: summariser(`https://sqs.us-west-2.amazonaws.com/${account}/summaries`, "OUT"),
    },
    {
      // Found on the identity and messaging bench: a client's host setting holds the endpoint's
      // host alone, with no scheme, as database clients read it.
      name: "a function's setting holds the bare host of a database cluster in Frankfurt",
      bad: summariser("orders.cluster-c1a2b3c4d5e6.eu-central-1.rds.amazonaws.com", "PGHOST"),
      expected: [
        [
          "arn-locality",
          "summarise",
          "mandatory",
          [
            'lambda function "summarise"',
            "orders.cluster-c1a2b3c4d5e6.eu-central-1.rds.amazonaws.com in eu-central-1 (outside US, in EU)",
          ],
        ],
      ],
      twinName: "the cluster is in the stack's region",
      twin: summariser("orders.cluster-c1a2b3c4d5e6.us-west-2.rds.amazonaws.com:5432", "PGHOST"),
    },
    {
      name: "a function's settings name the APAC cross-Region inference profile as its model",
      bad: summariser("apac.amazon.nova-lite-v1:0"),
      expected: [
        [
          "arn-locality",
          "summarise",
          "mandatory",
          [
            'lambda function "summarise"',
            "ap-northeast-1, ap-northeast-2, ap-northeast-3, ap-south-1, ap-south-2, ap-southeast-1, ap-southeast-2, ap-southeast-3, ap-southeast-4, ap-southeast-5, ap-southeast-7, ap-east-2, me-central-1 (apac cross-Region inference, outside US)",
          ],
        ],
      ],
      twinName: "its model is the foundation model of the stack's region",
      twin: summariser("amazon.nova-lite-v1:0"),
    },
    {
      name: "a topic rule streams device messages to Kafka brokers of a vendor abroad",
      bad: kafkaRule("pkc-abcde.europe-west3.gcp.confluent.cloud:9092"),
      expected: [
        shipsTelemetry('"pkc-abcde.europe-west3.gcp.confluent.cloud:9092" (cannot be placed)'),
      ],
      twinName: "it streams them to brokers at private addresses of the stack's VPC",
      twin: kafkaRule("10.0.1.15:9094,10.0.2.15:9094"),
    },
    {
      name: "a topic rule posts every message to a host abroad, confirmed at the same URL",
      bad: httpsRule("https://ingest.telemetry.example.de/v1/events"),
      expected: [
        shipsTelemetry('"https://ingest.telemetry.example.de/v1/events" (cannot be placed)'),
      ],
      twinName: "it posts them to an API Gateway endpoint of the stack's region",
      twin: httpsRule("https://abc123.execute-api.us-west-2.amazonaws.com/prod/events"),
    },
    {
      name: "a topic rule's SQL hands every message to a function abroad",
      bad: sqlRule(`arn:aws:lambda:eu-west-1:${account}:function:enrich`),
      expected: [
        shipsTelemetry(
          "arn:aws:lambda:eu-west-1:111122223333:function:enrich in eu-west-1 (outside US, in EU)",
        ),
      ],
      twinName: "the function is in the stack's region",
      twin: sqlRule(`arn:aws:lambda:us-west-2:${account}:function:enrich`),
    },
    {
      name: "a topic rule invokes a function whose ARN only a lookup knows",
      bad: topicRuleTo(unknown),
      expected: [
        [
          "named-destinations",
          "telemetry",
          "mandatory",
          ['iot topic rule "telemetry"', "lambdas[0].functionArn (unknown at preview)"],
        ],
      ],
      twinName: "the ARN, not known at preview either, is the output of a function of the program",
      twin: pipe(privateFunction("decode"), topicRuleTo(unknown), (plan) =>
        withDependencies(plan, "telemetry", { lambdas: ["decode"] }),
      ),
    },
    {
      name: "an SNS subscription pushes messages to a queue in Ireland",
      bad: subscription("sqs", `arn:aws:sqs:eu-west-1:${account}:orders`),
      expected: [pushesOrders("arn:aws:sqs:eu-west-1:111122223333:orders (outside US, in EU)")],
      twinName: "the queue is in the stack's region",
      twin: subscription("sqs", `arn:aws:sqs:us-west-2:${account}:orders`),
    },
    {
      name: "an SNS subscription pushes messages to an API Gateway stage in Ireland",
      bad: subscription(
        "https",
        "https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/prod/hook",
      ),
      expected: [
        pushesOrders(
          "https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/prod/hook (outside US, in EU)",
        ),
      ],
      twinName: "it pushes them to a function URL of the stack's region",
      twin: subscription("https", "https://abcdefghij0123456789.lambda-url.us-west-2.on.aws/"),
    },
    {
      name: "an SNS subscription pushes messages to a host outside the cloud",
      bad: subscription("http", "http://hooks.partner.example/orders"),
      expected: [pushesOrders('"http://hooks.partner.example/orders" (cannot be placed)')],
      twinName: "it pushes them to an API Gateway stage of the stack's region",
      twin: subscription(
        "http",
        "https://a1b2c3d4e5.execute-api.us-west-2.amazonaws.com/prod/hook",
      ),
    },
    {
      name: "a quick-created HTTP API's target only a lookup knows",
      bad: add("aws:apigatewayv2/api:Api", "quick", { protocolType: "HTTP", target: unknown }),
      expected: [
        [
          "named-destinations",
          "quick",
          "mandatory",
          ['apigatewayv2 api "quick"', "target (unknown at preview)"],
        ],
      ],
      twinName: "the target, not known at preview either, is the ARN of a function of the program",
      twin: pipe(
        privateFunction("orders"),
        add("aws:apigatewayv2/api:Api", "quick", { protocolType: "HTTP", target: unknown }),
        (plan) => withDependencies(plan, "quick", { target: ["orders"] }),
      ),
    },
    {
      // At the first preview a stream's ARN is not known (AWS assigns it on create): the
      // subscription's destination is placed by the stream it was computed from.
      name: "a log subscription sends events to an ARN not known at preview, from no resource of the program",
      bad: pipe(errorsSubscription),
      expected: [
        [
          "named-destinations",
          "errors",
          "mandatory",
          ['cloudwatch log subscription filter "errors"', "destinationArn (unknown at preview)"],
        ],
      ],
      // Before, the graph left such a destination unknown, and the log group failed
      // no-path-out-of-jurisdiction on every first preview of the pattern.
      twinName: "the ARN is that of a Kinesis stream of the program, in the stack's region",
      twin: pipe(
        (plan: Plan) =>
          add("aws:kinesis/stream:Stream", "error-stream", {
            shardCount: 1,
            encryptionType: "KMS",
            kmsKeyId: named(plan, "key").outputs.arn,
          })(plan),
        errorsToStream,
      ),
    },
    // Found on the bench of telemetry programs (another account's event bus): delivered in the
    // stack's own region, it passed unreported, though the other account can send what it gets
    // anywhere.
    {
      name: "an EventBridge rule's target is another account's event bus in the stack's region",
      bad: ruleTarget("to-partner", "arn:aws:events:us-west-2:999988887777:event-bus/default"),
      expected: [partnerDelivery("to-partner", 'cloudwatch event target "to-partner"')],
      twinName: "the target is a bus of the stack's own account",
      twin: ruleTarget("to-partner", `arn:aws:events:us-west-2:${account}:event-bus/orders`),
    },
    // The account's reading of the target's ARN must leave its region to arn-locality: a bench
    // rerun found cross-region targets passing once the account was read.
    {
      name: "an EventBridge rule's target is an event bus of the stack's account in Frankfurt",
      bad: ruleTarget("to-frankfurt", `arn:aws:events:eu-central-1:${account}:event-bus/orders`),
      expected: [
        [
          "arn-locality",
          "to-frankfurt",
          "mandatory",
          [
            'cloudwatch event target "to-frankfurt"',
            `arn:aws:events:eu-central-1:${account}:event-bus/orders (outside US, in EU)`,
          ],
        ],
      ],
      twinName: "the bus is in the stack's region",
      twin: ruleTarget("to-frankfurt", `arn:aws:events:us-west-2:${account}:event-bus/orders`),
    },
    // Found by the red team: an API destination POSTs every event to the URL it holds, but one the
    // program does not create was placed by its ARN's region, and its URL was never read.
    {
      name: "an EventBridge rule and a pipe deliver events to an API destination the program does not create",
      bad: pipe(
        ruleTarget("to-partner", partnerApiDestination),
        add("aws:pipes/pipe:Pipe", "orders-pipe", {
          roleArn: `arn:aws:iam::${account}:role/pipes`,
          source: `arn:aws:sqs:us-west-2:${account}:orders`,
          target: partnerApiDestination,
        }),
      ),
      expected: [
        unplacedApiDestination("to-partner", 'cloudwatch event target "to-partner"'),
        unplacedApiDestination("orders-pipe", 'pipe "orders-pipe"'),
      ],
      twinName:
        "both deliver to the program's own API destination, which posts to the allowlisted partner exchange",
      twin: pipe(
        add("aws:cloudwatch/eventApiDestination:EventApiDestination", "partner-hook", {
          httpMethod: "POST",
          invocationEndpoint: "https://198.51.100.20/orders",
          connectionArn: `arn:aws:events:us-west-2:${account}:connection/partner/0a1b2c3d`,
          // Its ARN among its outputs, as the provider and the offline engine report it.
          arn: partnerApiDestination,
        }),
        add("aws:cloudwatch/eventTarget:EventTarget", "to-partner", {
          rule: "nightly",
          arn: unknown,
        }),
        (plan) => withDependencies(plan, "to-partner", { arn: ["partner-hook"] }),
        add("aws:pipes/pipe:Pipe", "orders-pipe", {
          roleArn: `arn:aws:iam::${account}:role/pipes`,
          source: `arn:aws:sqs:us-west-2:${account}:orders`,
          target: partnerApiDestination,
        }),
      ),
    },
    {
      name: "a schedule invokes another account's queue",
      bad: hourly({ arn: "arn:aws:sqs:us-west-2:999988887777:intake" }),
      expected: [partnerDelivery("to-partner", 'scheduler schedule "to-partner"')],
      twinName: "it calls a universal target, which names no account",
      twin: hourly({
        arn: "arn:aws:scheduler:::aws-sdk:sqs:sendMessage",
        input: JSON.stringify({ QueueUrl: `https://sqs.us-west-2.amazonaws.com/${account}/jobs` }),
      }),
    },
    {
      name: "a pipe delivers events to another account's queue, and a topic pushes to one",
      bad: pipe(
        add("aws:pipes/pipe:Pipe", "to-partner", {
          roleArn: `arn:aws:iam::${account}:role/pipes`,
          source: `arn:aws:sqs:us-west-2:${account}:orders`,
          target: "arn:aws:sqs:us-west-2:999988887777:intake",
        }),
        add("aws:sns/topicSubscription:TopicSubscription", "partner-queue", {
          topic: `arn:aws:sns:us-west-2:${account}:orders`,
          protocol: "sqs",
          endpoint: "arn:aws:sqs:us-west-2:999988887777:intake",
        }),
      ),
      expected: [
        partnerDelivery("partner-queue", 'sns topic subscription "partner-queue"'),
        partnerDelivery("to-partner", 'pipe "to-partner"'),
      ],
      twinName: "both deliver to a queue of the stack's own account",
      twin: pipe(
        add("aws:pipes/pipe:Pipe", "to-partner", {
          roleArn: `arn:aws:iam::${account}:role/pipes`,
          source: `arn:aws:sqs:us-west-2:${account}:orders`,
          target: `arn:aws:sqs:us-west-2:${account}:intake`,
        }),
        add("aws:sns/topicSubscription:TopicSubscription", "partner-queue", {
          topic: `arn:aws:sns:us-west-2:${account}:orders`,
          protocol: "sqs",
          endpoint: `arn:aws:sqs:us-west-2:${account}:intake`,
        }),
      ),
    },
    // Found on the bench of data pipelines: a Firehose stream's search domain, an MSK
    // replicator's target cluster and a DMS endpoint's Kinesis stream of another account, in the
    // stack's own region, passed unreported.
    {
      name: "a Firehose stream, an MSK replicator and a DMS endpoint deliver to another account's domain, cluster and stream",
      bad: pipe(...partnerSinks("999988887777")),
      expected: [
        partnerDelivery(
          "to-partner-stream",
          'dms endpoint "to-partner-stream"',
          "data-transfer-jobs",
        ),
        partnerDelivery(
          "to-partner-search",
          'kinesis firehose delivery stream "to-partner-search"',
        ),
        partnerDelivery("to-partner-cluster", 'msk replicator "to-partner-cluster"'),
      ],
      twinName: "they deliver to resources of the stack's own account",
      twin: pipe(...partnerSinks(account)),
    },
    {
      name: "a log subscription sends events to a stream of the program in Frankfurt, its ARN not known at preview",
      bad: pipe(
        addProvider("aws", "frankfurt", { region: "eu-central-1" }),
        add(
          "aws:kinesis/stream:Stream",
          "error-stream",
          { shardCount: 1 },
          { provider: "frankfurt" },
        ),
        errorsToStream,
      ),
      // One crossing, one finding: the stream's own placement, as when its ARN is known.
      expected: [
        [
          "customer-key-encryption",
          "error-stream",
          "advisory",
          [
            'kinesis stream "error-stream"',
            "no customer-managed key (unencrypted, or a key the provider holds)",
          ],
        ],
        [
          "resource-placement",
          "error-stream",
          "mandatory",
          ['kinesis stream "error-stream"', "eu-central-1 (outside US, in EU)"],
        ],
        [
          "resource-placement",
          "frankfurt",
          "mandatory",
          ['aws provider "frankfurt"', "eu-central-1 (outside US, in EU)"],
        ],
      ],
      twinName: "the stream of the program is in Virginia, through the stack's provider there",
      twin: pipe(
        (plan: Plan) =>
          add(
            "aws:kinesis/stream:Stream",
            "error-stream",
            {
              shardCount: 1,
              encryptionType: "KMS",
              kmsKeyId: named(plan, "dr-key").outputs.arn,
            },
            { provider: "virginia" },
          )(plan),
        errorsToStream,
      ),
    },
    {
      // The name is known; where the bucket it names is, is not: the finding says which waits.
      name: "access logs go to a bucket of the program whose region is not known at preview",
      bad: set("logs", (p) => {
        p.region = unknown;
      }),
      expected: [
        [
          "named-destinations",
          "records-logging",
          "mandatory",
          [
            's3 bucket "records"',
            's3 bucket logging "records-logging"',
            's3 bucket "logs" (region unknown at preview)',
          ],
        ],
        [
          "resource-placement",
          "logs",
          "mandatory",
          ['s3 bucket "logs"', "region (unknown at preview)"],
        ],
      ],
      twinName: "the log bucket names its region, the stack's",
      twin: set("logs", (p) => {
        p.region = "us-west-2";
      }),
    },
    {
      name: "an SNS subscription invokes a function whose ARN only a lookup knows",
      bad: subscription("lambda", unknown),
      expected: [
        [
          "named-destinations",
          "orders",
          "mandatory",
          ['sns topic subscription "orders"', "endpoint (unknown at preview)"],
        ],
      ],
      twinName: "the ARN, not known at preview either, is the output of a function of the program",
      twin: pipe(privateFunction("fulfil"), subscription("lambda", unknown), (plan) =>
        withDependencies(plan, "orders", { endpoint: ["fulfil"] }),
      ),
    },
    {
      name: "a topic rule queues messages in a queue only a lookup knows, with the program's role",
      // Pulumi records dependencies by top-level input: the role's is the action's.
      bad: pipe(iotRole, sqsRule(unknown, unknown, ["iot-sender"])),
      expected: [
        [
          "named-destinations",
          "telemetry",
          "mandatory",
          ['iot topic rule "telemetry"', "sqs[0].queueUrl (unknown at preview)"],
        ],
      ],
      twinName: "the queue is the program's too",
      twin: pipe(
        iotRole,
        deviceQueue,
        sqsRule(unknown, unknown, ["iot-sender", "device-messages"]),
      ),
    },
    {
      name: "a topic rule queues messages in a queue whose URL only a lookup knows",
      bad: sqsRule(unknown, `arn:aws:iam::${account}:role/iot`),
      expected: [
        [
          "named-destinations",
          "telemetry",
          "mandatory",
          ['iot topic rule "telemetry"', "sqs[0].queueUrl (unknown at preview)"],
        ],
      ],
      twinName: "the URL is written out, of a queue in the stack's region",
      twin: sqsRule(
        `https://sqs.us-west-2.amazonaws.com/${account}/telemetry`,
        `arn:aws:iam::${account}:role/iot`,
      ),
    },
    {
      name: "a private zone answers with a load balancer only a lookup knows (alias and CNAME)",
      bad: pipe(
        partnerRecord("alias", { type: "A", aliases: [{ name: unknown, zoneId: unknown }] }),
        partnerRecord("cname", { type: "CNAME", ttl: 60, records: [unknown] }),
      ),
      expected: [
        [
          "named-destinations",
          "alias",
          "mandatory",
          ['route53 record "alias"', "aliases[0].name (unknown at preview)"],
        ],
        [
          "named-destinations",
          "cname",
          "mandatory",
          ['route53 record "cname"', "records[0] (unknown at preview)"],
        ],
      ],
      twinName: "both answer with the program's own load balancer, not known at preview either",
      twin: pipe(
        add(
          "aws:lb/loadBalancer:LoadBalancer",
          "partner",
          { internal: true, subnets: ["subnet-records"] },
          { outputs: { dnsName: unknown } },
        ),
        partnerRecord("alias", { type: "A", aliases: [{ name: unknown, zoneId: unknown }] }, [
          "partner",
        ]),
        partnerRecord("cname", { type: "CNAME", ttl: 60, records: [unknown] }, ["partner"]),
      ),
    },
    {
      name: "a service (SRV) and an HTTPS record steer clients to load balancers in Ireland",
      bad: pipe(
        partnerRecord("sip", {
          type: "SRV",
          ttl: 60,
          records: ["10 5 5060 sip-0123.elb.eu-west-1.amazonaws.com"],
        }),
        partnerRecord("web", {
          type: "HTTPS",
          ttl: 60,
          records: ["1 web-0123.eu-west-1.elb.amazonaws.com alpn=h2"],
        }),
      ),
      expected: [
        ["sip", "sip-0123.elb.eu-west-1.amazonaws.com"],
        ["web", "web-0123.eu-west-1.elb.amazonaws.com"],
      ].map(([name, host]): Finding => [
        "log-shipping",
        name,
        "mandatory",
        [
          "a global service",
          `route53 record "${name}"`,
          `${host} in eu-west-1 (outside US, in EU)`,
        ],
      ]),
      twinName: "they steer them to load balancers in Oregon",
      twin: pipe(
        partnerRecord("sip", {
          type: "SRV",
          ttl: 60,
          records: ["10 5 5060 sip-0123.elb.us-west-2.amazonaws.com"],
        }),
        partnerRecord("web", {
          type: "HTTPS",
          ttl: 60,
          records: ["1 web-0123.us-west-2.elb.amazonaws.com alpn=h2"],
        }),
      ),
    },
    {
      name: "a zone's exclusive record sets alias a load balancer only a lookup knows",
      bad: exclusiveAlias(unknown),
      expected: [
        [
          "named-destinations",
          "partner-records",
          "mandatory",
          [
            'route53 records exclusive "partner-records"',
            "resourceRecordSets[0].aliasTarget.dnsName (unknown at preview)",
          ],
        ],
      ],
      twinName: "the alias target is written out, a load balancer of the stack's region",
      twin: exclusiveAlias("dualstack.partner-123.us-west-2.elb.amazonaws.com"),
    },
    {
      // `arn:aws:lambda:${process.env.REGION}:…` with the variable unset.
      name: "a log subscription streams to an ARN whose region field is no region",
      bad: set("app-logs-archive", (p) => {
        p.destinationArn = `arn:aws:lambda:undefined:${account}:function:archive`;
      }),
      expected: [
        [
          "arn-locality",
          "app-logs-archive",
          "mandatory",
          [
            'cloudwatch log subscription filter "app-logs-archive"',
            '"arn:aws:lambda:undefined:111122223333:function:archive" (whose region field "undefined" is not a region)',
          ],
        ],
      ],
      twinName: "its region field names the stack's region",
      twin: set("app-logs-archive", (p) => {
        p.destinationArn = `arn:aws:lambda:us-west-2:${account}:function:archive`;
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
    {
      name: "a role is granted a customer-managed policy of the China partition",
      bad: add("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "auditor-readers", {
        role: "auditor",
        policyArn: `arn:aws-cn:iam::${account}:policy/readers`,
      }),
      expected: [
        [
          "arn-locality",
          "auditor-readers",
          "mandatory",
          [
            'iam role policy attachment "auditor-readers"',
            "arn:aws-cn:iam::111122223333:policy/readers (partition aws-cn, outside US)",
          ],
        ],
      ],
      // An AWS managed policy is a permission document, not a place: its partition says nothing
      // about where the stack's data goes (a program written for either partition names one).
      twinName: "the role is granted an AWS managed policy, named in the China partition",
      twin: add("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "auditor-readers", {
        role: "auditor",
        policyArn: "arn:aws-cn:iam::aws:policy/ReadOnlyAccess",
      }),
    },
    {
      // The document's Id, as the SQS console writes it, is the queue's ARN in Frankfurt too: a
      // label of the document, so the grant's Resource is the one place named.
      name: "a queue's policy grants sending to a queue in Frankfurt",
      bad: (plan) =>
        add("aws:sqs/queue:Queue", "orders", {
          policy: queuePolicy("eu-central-1", "eu-central-1"),
          kmsMasterKeyId: named(plan, "key").outputs.arn,
        })(plan),
      expected: [
        [
          "arn-locality",
          "orders",
          "mandatory",
          [
            'sqs queue "orders"',
            "arn:aws:sqs:eu-central-1:111122223333:orders (outside US, in EU)",
          ],
        ],
      ],
      twinName: "the policy grants sending to the Oregon queue, its Id still naming Frankfurt",
      twin: (plan) =>
        add("aws:sqs/queue:Queue", "orders", {
          policy: queuePolicy("us-west-2", "eu-central-1"),
          kmsMasterKeyId: named(plan, "key").outputs.arn,
        })(plan),
    },
    {
      // A widget shows what it reads from a region (the console queries it when someone views
      // the dashboard): Frankfurt's metrics come in. A custom widget's function is called with
      // the dashboard's context, and is placed as any ARN.
      name: "a dashboard's custom widget is drawn by a function in Frankfurt",
      bad: add("aws:cloudwatch/dashboard:Dashboard", "operations", {
        dashboardName: "operations",
        dashboardBody: dashboard(`arn:aws:lambda:eu-central-1:${account}:function:draw`),
      }),
      expected: [
        [
          "arn-locality",
          "operations",
          "mandatory",
          [
            'cloudwatch dashboard "operations"',
            "arn:aws:lambda:eu-central-1:111122223333:function:draw (outside US, in EU)",
          ],
        ],
      ],
      twinName: "its function is Oregon's, its metric widgets still showing Frankfurt's metrics",
      twin: add("aws:cloudwatch/dashboard:Dashboard", "operations", {
        dashboardName: "operations",
        dashboardBody: dashboard(`arn:aws:lambda:us-west-2:${account}:function:draw`),
      }),
    },
  ]);

  // Found on the benches' rerun: a regional service principal is written as a host, and says who
  // may act, not where data goes.
  test("a regional service principal in a policy document names no place", async () => {
    const principals = pipe(
      add("aws:kms/key:Key", "logs-key", {
        policy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Principal: { Service: "logs.eu-west-1.amazonaws.com" },
              Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:GenerateDataKey*"],
              Resource: "*",
            },
          ],
        }),
      }),
      add("aws:iam/role:Role", "flow", {
        assumeRolePolicy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Action: "sts:AssumeRole",
              Principal: { Service: "states.eu-west-1.amazonaws.com" },
            },
          ],
        }),
      }),
    )(happy);
    const violations = await pack.checkAround(happy, principals, us);
    expect(violations.filter((v) => v.policy === "arn-locality")).toEqual([]);
  });

  test("a regional endpoint's URL in prose (a description, a comment, labels) names no place", async () => {
    const runbook = "https://runbooks.s3.eu-west-1.amazonaws.com/high-cpu.html";
    const mentioned = pipe(
      add("aws:sns/topic:Topic", "pager", {
        displayName: "pager",
        tags: { runbook: "runbooks.s3.eu-west-1.amazonaws.com/high-cpu.html" },
      }),
      add("aws:cloudwatch/metricAlarm:MetricAlarm", "high-cpu", {
        comparisonOperator: "GreaterThanThreshold",
        evaluationPeriods: 1,
        alarmDescription: `Runbook: ${runbook}`,
      }),
      add("aws:iam/policy:Policy", "readers", {
        description: runbook,
        policy: JSON.stringify({ Version: "2012-10-17", Statement: [] }),
      }),
      add("aws:sfn/stateMachine:StateMachine", "flow", {
        roleArn: `arn:aws:iam::${account}:role/flow`,
        definition: JSON.stringify({ Comment: runbook, StartAt: "A", States: {} }),
      }),
      add("aws:ecs/taskDefinition:TaskDefinition", "web", {
        family: "web",
        containerDefinitions: JSON.stringify([
          {
            name: "web",
            image: "nginx",
            dockerLabels: { "org.opencontainers.image.documentation": runbook },
          },
        ]),
      }),
    )(happy);
    const violations = await pack.checkAround(happy, mentioned, us);
    expect(violations.filter((v) => v.policy === "arn-locality")).toEqual([]);
  });

  test("fails closed on a build's file system, a rewrite target, an alert topic, a DNS answer, an API's target or a schema registry only a lookup knows", async () => {
    const looked = pipe(
      add("aws:codebuild/project:Project", "build", {
        serviceRole: `arn:aws:iam::${account}:role/build`,
        artifacts: { type: "NO_ARTIFACTS" },
        environment: {
          computeType: "BUILD_GENERAL1_SMALL",
          image: "aws/codebuild/standard:7.0",
          type: "LINUX_CONTAINER",
        },
        source: { type: "NO_SOURCE", buildspec: "version: 0.2" },
        fileSystemLocations: [
          { type: "EFS", identifier: "cache", location: unknown, mountPoint: "/mnt/cache" },
        ],
      }),
      add("aws:amplify/app:App", "site", {
        name: "site",
        customRules: [{ source: "/api/<*>", target: unknown, status: "200" }],
      }),
      add("aws:costexplorer/anomalySubscription:AnomalySubscription", "spend", {
        name: "spend",
        frequency: "IMMEDIATE",
        monitorArnLists: [`arn:aws:ce::${account}:anomalymonitor/m`],
        subscribers: [{ type: "SNS", address: unknown }],
      }),
      add("aws:route53/recordsExclusive:RecordsExclusive", "zone-records", {
        zoneId: "Z0123456789ABCDEFGHIJ",
        resourceRecordSets: [
          {
            name: "partner.records.internal",
            type: "CNAME",
            ttl: 60,
            resourceRecords: [{ value: unknown }],
          },
        ],
      }),
      // A quick-created HTTP API's target and a Kafka source's schema registry: a function or
      // registry by ARN, or a URL.
      add("aws:apigatewayv2/api:Api", "quick", {
        protocolType: "HTTP",
        target: unknown,
        corsConfiguration: { allowOrigins: ["https://shop.example.com"] },
      }),
      add("aws:lambda/eventSourceMapping:EventSourceMapping", "orders-stream", {
        functionName: "orders",
        topics: ["orders"],
        selfManagedEventSource: { endpoints: { KAFKA_BOOTSTRAP_SERVERS: "10.0.0.5:9092" } },
        selfManagedKafkaEventSourceConfig: { schemaRegistryConfig: { schemaRegistryUri: unknown } },
      }),
    )(happy);
    const violations = await pack.checkAround(happy, looked, us);
    expect(
      violations
        .filter((v) => v.policy === "named-destinations")
        .map((v) => [v.resourceName, v.path?.at(-1)]),
    ).toEqual([
      ["build", "fileSystemLocations[0].location (unknown at preview)"],
      ["site", "customRules[0].target (unknown at preview)"],
      ["spend", "subscribers[0].address (unknown at preview)"],
      ["zone-records", "resourceRecordSets[0].resourceRecords[0].value (unknown at preview)"],
      ["quick", "target (unknown at preview)"],
      [
        "orders-stream",
        "selfManagedKafkaEventSourceConfig.schemaRegistryConfig.schemaRegistryUri (unknown at preview)",
      ],
    ]);
  });

  test("says what a destination only a lookup knows holds: an ARN under sqs, an address under https", async () => {
    const said = async (protocol: string) => {
      const violations = await pack.checkAround(happy, subscription(protocol, unknown)(happy), us);
      return violations
        .filter((v) => v.policy === "named-destinations")
        .map((v) => /where the (\w+) points/.exec(v.message)?.[1]);
    };
    expect(await said("sqs")).toEqual(["ARN"]);
    expect(await said("https")).toEqual(["address"]);
  });

  test("a policy statement's KMS key ARN with a * region scopes the grant: no key of a place", async () => {
    // A CI user's policy: the keys of the account it may use, in any region.
    const granted = add("aws:iam/userPolicy:UserPolicy", "ci-keys", {
      user: "ci",
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Action: ["kms:Decrypt", "kms:GenerateDataKey"],
            Resource: `arn:aws:kms:*:${account}:key/*`,
          },
        ],
      }),
    })(happy);
    const violations = await pack.checkAround(happy, granted, us);
    expect(violations.filter((v) => v.policy === "key-locality")).toEqual([]);
  });

  test("an input that holds no data fails nothing when only a lookup knows its ARN", async () => {
    // A certificate, a policy, a permission's source, a target group, a key: what a lookup in
    // the stack's own region answers under pulumi preview; none is a destination of data.
    const looked = pipe(
      // A parameter named from another stack's output in a callback: its own ARN is not known.
      add("aws:ssm/parameter:Parameter", "service-id", {
        name: unknown,
        type: "String",
        value: "x",
        arn: unknown,
      }),
      // An ACM validation record: its name and value are the certificate's (a lookup's here).
      add("aws:route53/record:Record", "validation", {
        zoneId: "Z0123456789ABCDEFGHIJ",
        name: unknown,
        type: "CNAME",
        ttl: 60,
        records: [unknown],
      }),
      add("aws:lb/listener:Listener", "https", {
        loadBalancerArn: `arn:aws:elasticloadbalancing:us-west-2:${account}:loadbalancer/app/web/1`,
        port: 443,
        protocol: "HTTPS",
        certificateArn: unknown,
        defaultActions: [{ type: "fixed-response", fixedResponse: { contentType: "text/plain" } }],
      }),
      add("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "readers", {
        role: "auditor",
        policyArn: unknown,
      }),
      add("aws:lambda/permission:Permission", "from-api", {
        action: "lambda:InvokeFunction",
        function: "summarise",
        principal: "apigateway.amazonaws.com",
        sourceArn: unknown,
      }),
      // The load balancer a listener is attached to, its target groups (named by `arn` under
      // their holder), an instance profile, an integration's credentials, Identity Center's
      // instance (`ssoadmin.getInstances()`, regionless).
      add("aws:lb/listener:Listener", "http", {
        loadBalancerArn: unknown,
        port: 80,
        protocol: "HTTP",
        defaultActions: [{ type: "forward", forward: { targetGroups: [{ arn: unknown }] } }],
      }),
      add("aws:ec2/launchTemplate:LaunchTemplate", "workers", {
        iamInstanceProfile: { arn: unknown },
      }),
      add("aws:apigateway/integration:Integration", "to-queue", {
        restApi: "api",
        resourceId: "res",
        httpMethod: "POST",
        type: "AWS",
        integrationHttpMethod: "POST",
        uri: `arn:aws:apigateway:us-west-2:sqs:path/${account}/orders`,
        credentials: unknown,
      }),
      add("aws:ssoadmin/permissionSet:PermissionSet", "readers", {
        name: "readers",
        instanceArn: unknown,
      }),
    )(happy);
    const violations = await pack.checkAround(happy, looked, us);
    expect(violations.filter((v) => v.policy === "named-destinations")).toEqual([]);
  });
});

/** An EFS replication of "fs-records" to `destination` (a region, or a One Zone file system's zone). */
const efsReplication = (destination: Props) =>
  add("aws:efs/replicationConfiguration:ReplicationConfiguration", "efs-dr", {
    sourceFileSystemId: "fs-records",
    destination,
  });

describe("copies and replicas", () => {
  /**
   * A multi-Region primary key whose policy denies everyone kms:ReplicateKey unless
   * kms:ReplicaRegion is one of `regions`, beside the statement that lets the account use it.
   */
  const multiRegionKey = (...regions: string[]) =>
    add("aws:kms/key:Key", "orders-key", {
      multiRegion: true,
      enableKeyRotation: true,
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { AWS: `arn:aws:iam::${account}:root` },
            Action: "kms:*",
            Resource: "*",
          },
          ...(regions.length === 0
            ? []
            : [
                {
                  Effect: "Deny",
                  Principal: "*",
                  Action: "kms:ReplicateKey",
                  Resource: "*",
                  Condition: { StringNotEquals: { "kms:ReplicaRegion": regions } },
                },
              ]),
        ],
      }),
    });
  const replicable = (name: string): Finding => [
    "key-and-secret-replicas",
    name,
    "mandatory",
    [
      "us-west-2 (inside US)",
      `kms key "${name}"`,
      "any region of the partition (multi-Region primary key)",
    ],
  ];
  /** A DataSync task from Oregon to Virginia that writes its report to the bucket `bucketArn`. */
  const reportingSync = (bucketArn: string) =>
    add("aws:datasync/task:Task", "sync", {
      sourceLocationArn: `arn:aws:datasync:us-west-2:${account}:location/loc-src`,
      destinationLocationArn: `arn:aws:datasync:us-east-1:${account}:location/loc-dst`,
      taskReportConfig: {
        s3Destination: {
          s3BucketArn: bucketArn,
          bucketAccessRoleArn: `arn:aws:iam::${account}:role/reports`,
        },
      },
    });
  runCases(pack, () => happy, us, [
    {
      name: "a multi-Region key may be replicated to any region of the partition",
      bad: multiRegionKey(),
      expected: [replicable("orders-key")],
      twinName: "its policy denies replicas outside Virginia and Ohio (kms:ReplicaRegion)",
      twin: multiRegionKey("us-east-1", "us-east-2"),
    },
    {
      name: "a multi-Region key's policy lets replicas be made in Frankfurt too",
      bad: multiRegionKey("us-east-1", "eu-central-1"),
      expected: [replicable("orders-key")],
      twinName: "it lets them be made in Virginia only",
      twin: multiRegionKey("us-east-1"),
    },
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
            's3 bucket "records"',
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
      name: "an enabled S3 replication rule copies objects to a bucket the program does not hold",
      bad: set("records-replication", (p) => {
        (p.rules as Props[]).push({
          id: "archive",
          status: "Enabled",
          destination: { bucket: "arn:aws:s3:::partner-archive" },
        });
      }),
      expected: [
        [
          "named-destinations",
          "records-replication",
          "mandatory",
          [
            's3 bucket "records"',
            's3 bucket replication config "records-replication"',
            '"arn:aws:s3:::partner-archive" (cannot be placed)',
          ],
        ],
      ],
      // A disabled rule copies nothing, wherever its destination lies.
      twinName: "the same rule is disabled",
      twin: set("records-replication", (p) => {
        (p.rules as Props[]).push({
          id: "archive",
          status: "Disabled",
          destination: { bucket: "arn:aws:s3:::partner-archive" },
        });
      }),
    },
    {
      name: "an enabled replication rule of a bucket's own configuration copies objects to a bucket the program does not hold",
      bad: set("records", (p) => {
        p.replicationConfiguration = {
          role: `arn:aws:iam::${account}:role/replication`,
          rules: [{ status: "Enabled", destination: { bucket: "arn:aws:s3:::partner-archive" } }],
        };
      }),
      expected: [
        [
          "named-destinations",
          "records",
          "mandatory",
          [
            "us-west-2 (inside US)",
            's3 bucket "records"',
            '"arn:aws:s3:::partner-archive" (cannot be placed)',
          ],
        ],
      ],
      twinName: "the bucket's rule is disabled",
      twin: set("records", (p) => {
        p.replicationConfiguration = {
          role: `arn:aws:iam::${account}:role/replication`,
          rules: [{ status: "Disabled", destination: { bucket: "arn:aws:s3:::partner-archive" } }],
        };
      }),
    },
    ...(
      [
        ["to Frankfurt", "to Virginia", "region", "eu-central-1", "us-east-1"],
        [
          "to a One Zone file system in a Frankfurt zone",
          "to a One Zone file system in a Virginia zone",
          "availabilityZoneName",
          "eu-central-1a",
          "us-east-1b",
        ],
      ] as const
    ).map(([abroad, home, key, far, near]) => ({
      name: `EFS replicates ${abroad}`,
      bad: efsReplication({ [key]: far }),
      expected: [
        [
          "storage-replication",
          "efs-dr",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'efs replication configuration "efs-dr"',
            `${far} (outside US, in EU)`,
          ],
        ] as Finding,
      ],
      twinName: `EFS replicates ${home}`,
      twin: efsReplication({ [key]: near }),
    })),
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
      // Accepting lets the requesting domain search this one: requested elsewhere, it cannot be
      // placed; requested by the program, its own row judges where the other domain is.
      name: "an OpenSearch domain accepts a cross-cluster connection the program does not request",
      bad: add("aws:opensearch/inboundConnectionAccepter:InboundConnectionAccepter", "accept", {
        connectionId: "cc-partner-0001",
      }),
      expected: [
        [
          "named-destinations",
          "accept",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'opensearch inbound connection accepter "accept"',
            '"cc-partner-0001" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it accepts the program's own connection between domains in the US",
      twin: pipe(
        add("aws:opensearch/outboundConnection:OutboundConnection", "link", {
          id: "cc-records-0001",
          connectionAlias: "records",
          localDomainInfo: { ownerId: account, region: "us-west-2", domainName: "search" },
          remoteDomainInfo: { ownerId: account, region: "us-east-1", domainName: "records" },
        }),
        add("aws:opensearch/inboundConnectionAccepter:InboundConnectionAccepter", "accept", {
          connectionId: "cc-records-0001",
        }),
        (plan: Plan) => withDependencies(plan, "accept", { connectionId: ["link"] }),
      ),
    },
    // Found by the sharing bench: an outbound connection searches the remote domain (its data
    // comes in), and another account's domain inside is a link to advise on.
    ...(
      [
        [
          "a domain in Frankfurt",
          { ownerId: account, region: "eu-central-1", domainName: "records" },
          [
            "database-replicas",
            "mandatory",
            [
              "eu-central-1 (outside US, in EU)",
              'opensearch outbound connection "link"',
              "us-west-2 (inside US)",
            ],
          ],
        ],
        [
          "another account's domain in Ohio",
          { ownerId: "999988887777", region: "us-east-2", domainName: "records" },
          [
            "cross-account-links",
            "advisory",
            [
              "account 999988887777 (not this stack's account 111122223333)",
              'opensearch outbound connection "link"',
              "us-west-2 (inside US)",
            ],
          ],
        ],
      ] as const
    ).map(([what, remoteDomainInfo, [policy, level, path]]) => {
      const connection = (remote: Props) =>
        add("aws:opensearch/outboundConnection:OutboundConnection", "link", {
          connectionAlias: "records",
          localDomainInfo: { ownerId: account, region: "us-west-2", domainName: "search" },
          remoteDomainInfo: remote,
        });
      return {
        name: `an OpenSearch domain searches ${what}`,
        bad: connection(remoteDomainInfo),
        expected: [[policy, "link", level, [...path]] as Finding],
        twinName: "it searches the stack's own account's domain in Ohio",
        twin: connection({ ownerId: account, region: "us-east-2", domainName: "records" }),
      };
    }),
    // The second: found by the governance bench, a vault of another account in the stack's own
    // region.
    ...(
      [
        [
          "Frankfurt",
          `arn:aws:backup:eu-central-1:${account}:backup-vault:records`,
          "arn:aws:backup:eu-central-1:111122223333:backup-vault:records (outside US, in EU)",
          "Ohio",
          `arn:aws:backup:us-east-2:${account}:backup-vault:records`,
        ],
        [
          "another account's vault in Oregon",
          "arn:aws:backup:us-west-2:999988887777:backup-vault:central",
          "account 999988887777 (not this stack's account 111122223333)",
          "the stack's own account's vault in Oregon",
          `arn:aws:backup:us-west-2:${account}:backup-vault:central`,
        ],
      ] as const
    ).map(([where, vault, place, twinWhere, twinVault]) => {
      const copiesTo = (destinationVaultArn: string) =>
        set("backups", (p) => {
          rule0(p).copyActions = [{ destinationVaultArn }];
        });
      return {
        name: `AWS Backup copies recovery points to ${where}`,
        bad: copiesTo(vault),
        expected: [
          [
            "backup-copies",
            "backups",
            "mandatory",
            ["us-west-2 (inside US)", 'backup plan "backups"', place],
          ] as Finding,
        ],
        twinName: `AWS Backup copies recovery points to ${twinWhere}`,
        twin: copiesTo(twinVault),
      };
    }),
    // Found by the pipelines bench: an Image Builder distribution in the stack's region that
    // shares every image it makes with another account.
    ...(
      [
        ["launchPermission", { launchPermission: { userIds: ["999988887777"] } }],
        ["targetAccountIds", { targetAccountIds: ["999988887777"] }],
      ] as const
    ).map(([how, config]) => {
      const distribution = (ami: Record<string, unknown>) =>
        add("aws:imagebuilder/distributionConfiguration:DistributionConfiguration", "golden", {
          name: "golden",
          distributions: [{ region: "us-west-2", amiDistributionConfiguration: ami }],
        });
      return {
        name: `Image Builder hands every image to another account (${how})`,
        bad: distribution(config),
        expected: [
          [
            "backup-copies",
            "golden",
            "mandatory",
            [
              "us-west-2 (inside US)",
              'imagebuilder distribution configuration "golden"',
              "account 999988887777 (not this stack's account 111122223333)",
            ],
          ] as Finding,
        ],
        twinName: `Image Builder keeps the images in the stack's account (${how})`,
        twin: distribution(
          how === "launchPermission"
            ? { launchPermission: { userIds: [account] } }
            : { targetAccountIds: [account] },
        ),
      };
    }),
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
      name: "a bucket's inline replication rule delivers to a bucket of another account",
      bad: mirrorBucket("Enabled"),
      expected: [
        [
          "storage-replication",
          "mirror",
          "mandatory",
          [
            "us-west-2 (inside US)",
            's3 bucket v2 "mirror"',
            "account 999988887777 (not this stack's account 111122223333)",
          ],
        ],
      ],
      twinName: "the rule is disabled",
      twin: mirrorBucket("Disabled"),
    },
    ...(
      [
        [
          "aws:s3control/storageLensConfiguration:StorageLensConfiguration",
          "lens",
          "storage-replication",
          's3control storage lens configuration "lens"',
          (a: string) => ({
            accountId: account,
            storageLensConfiguration: {
              enabled: true,
              accountLevel: { bucketLevel: {} },
              include: { regions: ["us-west-2"] },
              expandedPrefixesDataExport: {
                s3BucketDestination: {
                  accountId: a,
                  arn: "arn:aws:s3:::sdc-records-logs",
                  format: "CSV",
                  outputSchemaVersion: "V_1",
                },
              },
            },
          }),
        ],
        [
          "aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint",
          "global-records",
          "storage-replication",
          's3control multi region access point "global-records"',
          (a: string) => ({
            details: {
              name: "records",
              regions: [{ bucket: "sdc-records", region: "us-west-2", bucketAccountId: a }],
            },
          }),
        ],
        [
          "aws:dms/s3Endpoint:S3Endpoint",
          "dms-target",
          "data-transfer-jobs",
          'dms s3 endpoint "dms-target"',
          (a: string) => ({
            endpointId: "target",
            endpointType: "target",
            bucketName: "sdc-records",
            serviceAccessRoleArn: `arn:aws:iam::${account}:role/dms`,
            expectedBucketOwner: a,
          }),
        ],
        [
          "aws:observabilityadmin/centralizationRuleForOrganization:CentralizationRuleForOrganization",
          "central-logs",
          "log-shipping",
          'observabilityadmin centralization rule for organization "central-logs"',
          (a: string) => ({
            ruleName: "central",
            rule: {
              destination: { account: a, region: "us-west-2" },
              source: { regions: ["us-west-2"] },
            },
          }),
        ],
      ] as const
    ).map(([type, name, policy, label, props]) => ({
      name: `a ${type} names another account as the owner of where its data goes`,
      bad: add(type, name, props("999988887777")),
      expected: [
        [
          policy,
          name,
          "mandatory",
          [
            "us-west-2 (inside US)",
            label,
            "account 999988887777 (not this stack's account 111122223333)",
          ],
        ] as Finding,
      ],
      twinName: `the ${type} names the stack's own account`,
      twin: add(type, name, props(account)),
    })),
    ...(
      [
        [
          "aws:rds/cluster:Cluster",
          "imported-cluster",
          (bucket: string) => ({
            engine: "aurora-mysql",
            storageEncrypted: true,
            kmsKeyId: `arn:aws:kms:us-west-2:${account}:key/0123-own`,
            s3Import: {
              bucketName: bucket,
              ingestionRole: `arn:aws:iam::${account}:role/import`,
              sourceEngine: "mysql",
              sourceEngineVersion: "8.0",
            },
          }),
        ],
        [
          "aws:dynamodb/table:Table",
          "imported-table",
          (bucket: string) => ({
            hashKey: "id",
            attributes: [{ name: "id", type: "S" }],
            serverSideEncryption: {
              enabled: true,
              kmsKeyArn: `arn:aws:kms:us-west-2:${account}:key/0123-own`,
            },
            importTable: { inputFormat: "CSV", s3BucketSource: { bucket } },
          }),
        ],
        // Found on the databases bench: a cache seeded from a Redis dump, by its object's ARN.
        [
          "aws:elasticache/replicationGroup:ReplicationGroup",
          "seeded-group",
          (bucket: string) => ({
            description: "seeded",
            engine: "redis",
            nodeType: "cache.t4g.small",
            atRestEncryptionEnabled: true,
            kmsKeyId: `arn:aws:kms:us-west-2:${account}:key/0123-own`,
            snapshotArns: [`arn:aws:s3:::${bucket}/redis/dump.rdb`],
          }),
          "arn:aws:s3:::exports-elsewhere/redis/dump.rdb",
        ],
        [
          "aws:elasticache/cluster:Cluster",
          "seeded-cluster",
          (bucket: string) => ({
            engine: "redis",
            nodeType: "cache.t4g.small",
            numCacheNodes: 1,
            snapshotArns: `arn:aws:s3:::${bucket}/redis/dump.rdb`,
          }),
          "arn:aws:s3:::exports-elsewhere/redis/dump.rdb",
        ],
        [
          "aws:memorydb/cluster:Cluster",
          "seeded-memorydb",
          (bucket: string) => ({
            aclName: "open-access",
            nodeType: "db.t4g.small",
            kmsKeyArn: `arn:aws:kms:us-west-2:${account}:key/0123-own`,
            snapshotArns: [`arn:aws:s3:::${bucket}/memorydb/dump.rdb`],
          }),
          "arn:aws:s3:::exports-elsewhere/memorydb/dump.rdb",
        ],
      ] as const
    ).map(([type, name, props, raw = "exports-elsewhere"]) => ({
      name: `a ${type} loads its data from a bucket the program does not create`,
      bad: add(type, name, props("exports-elsewhere")),
      expected: [
        [
          "named-destinations",
          name,
          "mandatory",
          [
            `${JSON.stringify(raw)} (cannot be placed)`,
            resourceLabel(type, name),
            "us-west-2 (inside US)",
          ],
        ] as Finding,
      ],
      twinName: `the ${type} loads it from the program's bucket`,
      twin: add(type, name, props("sdc-records")),
    })),
    {
      name: "a file gateway signs its SMB users in at a domain controller on the internet",
      bad: add("aws:storagegateway/gateway:Gateway", "files", {
        gatewayName: "files",
        gatewayTimezone: "GMT",
        gatewayType: "FILE_S3",
        gatewayIpAddress: "10.30.1.20",
        smbActiveDirectorySettings: {
          domainName: "corp.example.com",
          domainControllers: ["dc1.corp.example.com"],
          username: "svc",
          password: "secret",
        },
      }),
      expected: [
        [
          "data-transfer-jobs",
          "files",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'storagegateway gateway "files"',
            '"dc1.corp.example.com" (cannot be placed)',
          ],
        ],
      ],
      twinName: "its domain controller is a private address of the stack's network",
      twin: add("aws:storagegateway/gateway:Gateway", "files", {
        gatewayName: "files",
        gatewayTimezone: "GMT",
        gatewayType: "FILE_S3",
        gatewayIpAddress: "10.30.1.20",
        smbActiveDirectorySettings: {
          domainName: "corp.example.com",
          domainControllers: ["10.30.0.10"],
          username: "svc",
          password: "secret",
        },
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
      // Shared research (data-paths.md): parse an ECR upstream's region; flag other registries.
      name: "an ECR pull-through cache rule caches images from Docker Hub",
      bad: cacheRule("hub", "registry-1.docker.io"),
      expected: [cachedFrom("hub", '"registry-1.docker.io" (cannot be placed)')],
      twinName: "it caches from an ECR registry in Ohio",
      twin: cacheRule("hub", `${account}.dkr.ecr.us-east-2.amazonaws.com`),
    },
    // Found by the pipelines bench: a package repository's external connection is a public
    // registry on the internet, as Docker Hub is to a pull-through cache.
    {
      name: "a CodeArtifact repository fetches packages from public npm",
      bad: add("aws:codeartifact/repository:Repository", "npm", {
        repository: "npm",
        domain: "records",
        externalConnections: { externalConnectionName: "public:npmjs" },
      }),
      expected: [
        [
          "registry-replication",
          "npm",
          "mandatory",
          [
            "a public package registry on the internet",
            'codeartifact repository "npm"',
            "us-west-2 (inside US)",
          ],
        ],
      ],
      twinName: "it fetches only from an upstream repository of its domain",
      twin: add("aws:codeartifact/repository:Repository", "npm", {
        repository: "npm",
        domain: "records",
        upstreams: [{ repositoryName: "npm-mirror" }],
      }),
    },
    {
      name: "an ECR pull-through cache rule caches images from an ECR registry in Ireland",
      bad: cacheRule("mirror", `${account}.dkr.ecr.eu-west-1.amazonaws.com`),
      expected: [
        cachedFrom("mirror", `${account}.dkr.ecr.eu-west-1.amazonaws.com (outside US, in EU)`),
      ],
      twinName: "it caches from an ECR registry in Oregon",
      twin: cacheRule("mirror", `${account}.dkr.ecr.us-west-2.amazonaws.com`),
    },
    {
      name: "an Incident Manager replication set keeps incident data in Ireland",
      bad: replicationSet({ regions: [{ name: "us-west-2" }, { name: "eu-west-1" }] }),
      expected: [incidentsTo("eu-west-1 (outside US, in EU)")],
      twinName: "the replication set's regions are Oregon and Ohio",
      twin: replicationSet({ regions: [{ name: "us-west-2" }, { name: "us-east-2" }] }),
    },
    {
      name: "a replication set names Ireland in its deprecated region list",
      bad: replicationSet({ region: [{ name: "eu-west-1", kmsKeyArn: "DefaultKey" }] }),
      expected: [incidentsTo("eu-west-1 (outside US, in EU)")],
      twinName: "its deprecated region list names Oregon",
      twin: replicationSet({ region: [{ name: "us-west-2", kmsKeyArn: "DefaultKey" }] }),
    },
    {
      // Shared research (data-paths.md): a registry policy lets other accounts replicate into
      // the registry; parse its principals.
      name: "an ECR registry policy lets another account replicate its images into the registry",
      bad: add("aws:ecr/registryPolicy:RegistryPolicy", "replication-in", {
        policy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Principal: { AWS: "arn:aws:iam::999988887777:root" },
              Action: ["ecr:CreateRepository", "ecr:ReplicateImage"],
              Resource: `arn:aws:ecr:us-west-2:${account}:repository/*`,
            },
          ],
        }),
      }),
      expected: [
        [
          "cross-account-links",
          "replication-in",
          "advisory",
          [
            "us-west-2 (inside US)",
            'ecr registry policy "replication-in"',
            "account 999988887777 (not this stack's account 111122223333)",
          ],
        ],
      ],
      twinName: "it lets only the stack's own account replicate into the registry",
      twin: add("aws:ecr/registryPolicy:RegistryPolicy", "replication-in", {
        policy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Principal: { AWS: `arn:aws:iam::${account}:root` },
              Action: ["ecr:CreateRepository", "ecr:ReplicateImage"],
              Resource: `arn:aws:ecr:us-west-2:${account}:repository/*`,
            },
          ],
        }),
      }),
    },
    {
      name: "a Service Quotas template is managed in Ireland",
      bad: add("aws:servicequotas/template:Template", "quotas", {
        region: "eu-west-1",
        quotaCode: "L-1216C47A",
        serviceCode: "ec2",
        value: 128,
      }),
      expected: [
        [
          "resource-placement",
          "quotas",
          "mandatory",
          ['servicequotas template "quotas"', "eu-west-1 (outside US, in EU)"],
        ],
      ],
      // The region a template raises quotas in for new accounts is a request, not a destination.
      twinName: "it raises a quota in Ireland for the organisation's new accounts",
      twin: add("aws:servicequotas/template:Template", "quotas", {
        awsRegion: "eu-west-1",
        quotaCode: "L-1216C47A",
        serviceCode: "ec2",
        value: 128,
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
      name: "DataSync writes its task report, every file it moved, to a bucket the program does not create",
      bad: reportingSync("arn:aws:s3:::reports-abroad"),
      expected: [
        [
          "named-destinations",
          "sync",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'datasync task "sync"',
            '"arn:aws:s3:::reports-abroad" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it writes the report to the program's bucket",
      twin: reportingSync("arn:aws:s3:::sdc-records-logs"),
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
      name: "a Glue connection's JDBC URL names a database in Frankfurt",
      bad: add("aws:glue/connection:Connection", "orders-db", {
        connectionType: "JDBC",
        connectionProperties: {
          JDBC_CONNECTION_URL:
            "jdbc:sqlserver://orders.abcdefghijkl.eu-central-1.rds.amazonaws.com:1433;databaseName=orders",
        },
      }),
      expected: [
        [
          "data-transfer-jobs",
          "orders-db",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'glue connection "orders-db"',
            "jdbc:sqlserver://orders.abcdefghijkl.eu-central-1.rds.amazonaws.com:1433;databaseName=orders (outside US, in EU)",
          ],
        ],
      ],
      twinName: "it names a database in Virginia, by its user's name too",
      twin: add("aws:glue/connection:Connection", "orders-db", {
        connectionType: "MONGODB",
        connectionProperties: {
          CONNECTION_URL:
            "mongodb://etl@orders.cluster-abc.us-east-1.docdb.amazonaws.com:27017/orders",
        },
      }),
    },
    {
      // The native connection types name their data store by HOST; an OpenSearch connection its
      // domain's nodes.
      name: "a Glue connection reads a Snowflake account and an OpenSearch domain in Frankfurt",
      bad: pipe(
        add("aws:glue/connection:Connection", "warehouse", {
          connectionType: "SNOWFLAKE",
          connectionProperties: {
            HOST: "xy12345.eu-central-1.snowflakecomputing.com",
            PORT: "443",
          },
        }),
        add("aws:glue/connection:Connection", "search", {
          connectionType: "OPENSEARCH",
          connectionProperties: {
            "opensearch.nodes": "https://search-logs-abc.eu-central-1.es.amazonaws.com",
          },
        }),
      ),
      expected: [
        [
          "data-transfer-jobs",
          "search",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'glue connection "search"',
            "https://search-logs-abc.eu-central-1.es.amazonaws.com (outside US, in EU)",
          ],
        ],
        [
          "data-transfer-jobs",
          "warehouse",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'glue connection "warehouse"',
            '"xy12345.eu-central-1.snowflakecomputing.com" (cannot be placed)',
          ],
        ],
      ],
      twinName: "its OpenSearch domain is in Oregon",
      twin: add("aws:glue/connection:Connection", "search", {
        connectionType: "OPENSEARCH",
        connectionProperties: {
          "opensearch.nodes": "https://search-logs-abc.us-west-2.es.amazonaws.com",
        },
      }),
    },
    {
      name: "a Glue connection's JDBC URL is not known offline and built from nothing of the program",
      bad: add("aws:glue/connection:Connection", "orders-db", {
        connectionType: "JDBC",
        connectionProperties: { JDBC_CONNECTION_URL: unknown },
      }),
      expected: [
        [
          "named-destinations",
          "orders-db",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'glue connection "orders-db"',
            "connectionProperties.JDBC_CONNECTION_URL (unknown at preview)",
          ],
        ],
      ],
      twinName: "it is built from the program's Redshift cluster in Oregon",
      twin: pipe(
        oregonWarehouse,
        add(
          "aws:glue/connection:Connection",
          "orders-db",
          { connectionType: "JDBC", connectionProperties: { JDBC_CONNECTION_URL: unknown } },
          { dependsOn: { connectionProperties: ["warehouse"] } },
        ),
      ),
    },
    {
      name: "a Glue connection reads Kafka brokers outside the cloud",
      bad: add("aws:glue/connection:Connection", "events", {
        connectionType: "KAFKA",
        connectionProperties: {
          // The first broker is of the stack's network; the second decides.
          KAFKA_BOOTSTRAP_SERVERS: "10.30.2.20:9094,b-2.kafka.partner.example:9094",
        },
      }),
      expected: [
        [
          "data-transfer-jobs",
          "events",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'glue connection "events"',
            '"b-2.kafka.partner.example:9094" (cannot be placed)',
          ],
        ],
      ],
      twinName: "the brokers are a private address and an MSK cluster in Oregon",
      twin: add("aws:glue/connection:Connection", "events", {
        connectionType: "KAFKA",
        connectionProperties: {
          KAFKA_BOOTSTRAP_SERVERS:
            "10.30.2.20:9094,b-2.events.abc123.c2.kafka.us-west-2.amazonaws.com:9094",
        },
      }),
    },
    {
      name: "a CoreDNS add-on forwards the cluster's DNS queries to a public resolver",
      bad: add("aws:eks/addon:Addon", "coredns", {
        clusterName: "records",
        addonName: "coredns",
        configurationValues: JSON.stringify({
          corefile:
            ".:53 {\n    errors\n    forward . tls://1.1.1.1 /etc/resolv.conf\n    cache 30\n}\n",
        }),
      }),
      expected: [
        [
          "remote-sites",
          "coredns",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'eks addon "coredns"',
            '"tls://1.1.1.1" (a public resolver, which cannot be placed)',
          ],
        ],
      ],
      twinName: "it forwards to the network's resolver and a private one (its values in YAML)",
      twin: add("aws:eks/addon:Addon", "coredns", {
        clusterName: "records",
        addonName: "coredns",
        configurationValues: [
          "corefile: |",
          "  .:53 {",
          "      forward . /etc/resolv.conf",
          "  }",
          "  corp.example:53 {",
          "      forward . 10.30.0.2:53",
          "  }",
        ].join("\n"),
      }),
    },
    {
      // Only the Corefile is remote-sites' reading; the rest of an add-on's configuration is
      // arn-locality's, a remote peer given as a URL read as the service endpoint it is.
      name: "an ADOT add-on remote-writes the cluster's metrics to a workspace in Frankfurt",
      bad: adot("eu-central-1"),
      expected: [
        [
          "arn-locality",
          "adot",
          "mandatory",
          [
            'eks addon "adot"',
            "aps-workspaces.eu-central-1.amazonaws.com in eu-central-1 (outside US, in EU)",
          ],
        ],
      ],
      twinName: "it remote-writes to a workspace in Oregon",
      twin: adot("us-west-2"),
    },
    {
      // The vendor's agent ships the cluster's data to the vendor's service; AWS's own add-ons
      // carry no underscore.
      name: "an EKS add-on installs a vendor's agent from AWS Marketplace",
      bad: add("aws:eks/addon:Addon", "monitoring", {
        clusterName: "records",
        addonName: "datadog_operator",
      }),
      expected: [
        [
          "remote-sites",
          "monitoring",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'eks addon "monitoring"',
            "\"datadog_operator\", software of the vendor datadog from AWS Marketplace whose agent may ship the cluster's data to datadog's service (cannot be placed)",
          ],
        ],
      ],
      twinName: "it installs AWS's own observability agent",
      twin: add("aws:eks/addon:Addon", "monitoring", {
        clusterName: "records",
        addonName: "amazon-cloudwatch-observability",
      }),
    },
    {
      name: "a DMS Oracle source reads its storage through an ASM server outside the cloud",
      bad: add("aws:dms/endpoint:Endpoint", "dms-oracle", {
        endpointId: "orders",
        endpointType: "source",
        engineName: "oracle",
        serverName: "10.30.2.15",
        oracleSettings: { asmServer: "asm.partner.example" },
      }),
      expected: [
        [
          "data-transfer-jobs",
          "dms-oracle",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'dms endpoint "dms-oracle"',
            '"asm.partner.example" (cannot be placed)',
          ],
        ],
      ],
      twinName: "the ASM server is a private address of the stack's network",
      twin: add("aws:dms/endpoint:Endpoint", "dms-oracle", {
        endpointId: "orders",
        endpointType: "source",
        engineName: "oracle",
        serverName: "10.30.2.15",
        oracleSettings: { asmServer: "10.30.2.16" },
      }),
    },
    {
      name: "a DMS Redshift target stages data in a bucket the program does not create",
      bad: add("aws:dms/endpoint:Endpoint", "dms-redshift", {
        endpointId: "warehouse",
        endpointType: "target",
        engineName: "redshift",
        serverName: "warehouse.abc123.us-west-2.redshift.amazonaws.com",
        redshiftSettings: { bucketName: "staging-elsewhere" },
      }),
      expected: [
        [
          "named-destinations",
          "dms-redshift",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'dms endpoint "dms-redshift"',
            '"staging-elsewhere" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it stages data in the program's bucket",
      twin: add("aws:dms/endpoint:Endpoint", "dms-redshift", {
        endpointId: "warehouse",
        endpointType: "target",
        engineName: "redshift",
        serverName: "warehouse.abc123.us-west-2.redshift.amazonaws.com",
        redshiftSettings: { bucketName: "sdc-records" },
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
            "every region of the partition, including regions outside the jurisdiction",
            'cloudtrail event data store "lake"',
            "us-west-2 (inside US)",
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
      expected: [fromFirehose('"https://collector.example.com/ingest" (cannot be placed)')],
      twinName: "Firehose delivers to the program's log bucket",
      twin: add("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", "firehose", {
        destination: "extended_s3",
        extendedS3Configuration: { bucketArn: "arn:aws:s3:::sdc-records-logs" },
      }),
    },
    {
      name: "Firehose delivers records to a Snowflake account",
      bad: add("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", "firehose", {
        destination: "snowflake",
        snowflakeConfiguration: {
          accountUrl: "https://acme-analytics.snowflakecomputing.com",
          database: "events",
        },
      }),
      expected: [
        fromFirehose('"https://acme-analytics.snowflakecomputing.com" (cannot be placed)'),
      ],
      twinName: "Firehose delivers to an OpenSearch domain of Oregon named by its endpoint",
      twin: add("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", "firehose", {
        destination: "opensearch",
        opensearchConfiguration: {
          clusterEndpoint: "https://vpc-search-abc123.us-west-2.es.amazonaws.com",
          indexName: "events",
        },
      }),
    },
    {
      name: "Firehose delivers records to an OpenSearch domain of Frankfurt named by its endpoint",
      bad: add("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", "firehose", {
        destination: "opensearch",
        opensearchConfiguration: {
          clusterEndpoint: "https://vpc-search-abc123.eu-central-1.es.amazonaws.com",
          indexName: "events",
        },
      }),
      expected: [
        fromFirehose("https://vpc-search-abc123.eu-central-1.es.amazonaws.com (outside US, in EU)"),
      ],
      twinName: "the domain is Virginia's",
      twin: add("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", "firehose", {
        destination: "opensearch",
        opensearchConfiguration: {
          clusterEndpoint: "https://vpc-search-abc123.us-east-1.es.amazonaws.com",
          indexName: "events",
        },
      }),
    },
    {
      // The bench of data pipelines: the Redshift destination was read for its buckets alone.
      name: "Firehose copies records into a Redshift cluster of Frankfurt named by its JDBC URL",
      bad: toRedshift(
        "jdbc:redshift://dw.c1a2b3c4d5e6.eu-central-1.redshift.amazonaws.com:5439/dev",
      ),
      expected: [
        fromFirehose(
          "jdbc:redshift://dw.c1a2b3c4d5e6.eu-central-1.redshift.amazonaws.com:5439/dev (outside US, in EU)",
        ),
      ],
      twinName: "the cluster is Oregon's",
      twin: toRedshift("jdbc:redshift://dw.c1a2b3c4d5e6.us-west-2.redshift.amazonaws.com:5439/dev"),
    },
    {
      name: "Firehose copies records into a Redshift cluster whose JDBC URL is built from nothing of the program",
      bad: toRedshift(unknown),
      expected: [
        [
          "named-destinations",
          "firehose",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'kinesis firehose delivery stream "firehose"',
            "redshiftConfiguration.clusterJdbcurl (unknown at preview)",
          ],
        ],
      ],
      twinName: "it is built from the program's Redshift cluster in Oregon",
      twin: pipe(
        oregonWarehouse,
        toRedshift(unknown, { dependsOn: { redshiftConfiguration: ["warehouse"] } }),
      ),
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
        [
          "customer-key-encryption",
          "records-eu",
          "advisory",
          [
            's3 bucket "records-eu"',
            "no customer-managed key (unencrypted, or a key the provider holds)",
          ],
        ],
        [
          "named-destinations",
          "records-replication",
          "mandatory",
          [
            's3 bucket "records"',
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

/** The program's transit gateway "hub", which reports its ID among its outputs. */
const transitGateway = add("aws:ec2transitgateway/transitGateway:TransitGateway", "hub", {
  description: "records hub",
  id: "tgw-0123456789abcdef0",
});

/** The VPC "vpc-records" attached to the transit gateway `transitGatewayId` names. */
const tgwAttachment = (transitGatewayId: unknown) =>
  add("aws:ec2transitgateway/vpcAttachment:VpcAttachment", "spoke", {
    transitGatewayId,
    vpcId: "vpc-records",
    subnetIds: ["subnet-records"],
  });

/** A route table "hub-routes" of the transit gateway `transitGatewayId` names. */
const tgwRouteTable = (transitGatewayId: unknown) =>
  add("aws:ec2transitgateway/routeTable:RouteTable", "hub-routes", { transitGatewayId });

/** The program's Direct Connect gateway associated with the transit gateway `associatedGatewayId`. */
const dxToTransitGateway = (associatedGatewayId: string) =>
  add("aws:directconnect/gatewayAssociation:GatewayAssociation", "dx-tgw", {
    dxGatewayId: "0e1d2c3b-aaaa-bbbb-cccc-ddddeeeeffff",
    associatedGatewayId,
    allowedPrefixes: ["10.0.0.0/16"],
  });

/** An office's VPN connection to its own network, terminating on `transitGatewayId`. */
const siteVpnOn = (transitGatewayId: unknown) =>
  add("aws:ec2/vpnConnection:VpnConnection", "site-vpn", {
    customerGatewayId: "cgw-records",
    type: "ipsec.1",
    transitGatewayId,
    localIpv4NetworkCidr: "172.16.0.0/16",
  });

describe("network links", () => {
  /** The happy path's S3 endpoint made an interface endpoint to the service `serviceName` names. */
  const interfaceTo = (serviceName: unknown) =>
    set("s3-endpoint", (p) => {
      p.serviceName = serviceName;
      p.vpcEndpointType = "Interface";
    });
  /** An accepter of the VPC peering `id` names. */
  const peeringAccepter = (id: unknown) =>
    add("aws:ec2/vpcPeeringConnectionAccepter:VpcPeeringConnectionAccepter", "accept", {
      vpcPeeringConnectionId: id,
      autoAccept: true,
    });
  /** An accepter of the transit gateway peering attachment `id` names. */
  const tgwAccepter = (id: unknown) =>
    add("aws:ec2transitgateway/peeringAttachmentAccepter:PeeringAttachmentAccepter", "accept", {
      transitGatewayAttachmentId: id,
    });

  runCases(pack, () => happy, us, [
    {
      name: "a VPC peering accepter accepts a peering the program does not request",
      bad: peeringAccepter("pcx-0a1b2c3d4e5f60718"),
      expected: [
        [
          "named-destinations",
          "accept",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'ec2 vpc peering connection accepter "accept"',
            '"pcx-0a1b2c3d4e5f60718" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it accepts the program's peering with Virginia, named by its ID",
      twin: (plan) => peeringAccepter(named(plan, "peer").outputs.id)(plan),
    },
    lookupCase({
      name: "a VPC peering accepter accepts a peering only a lookup knows",
      make: peeringAccepter,
      resource: "accept",
      label: 'ec2 vpc peering connection accepter "accept"',
      near: "us-west-2 (inside US)",
      path: "vpcPeeringConnectionId",
      from: "peer",
      twinName: "the ID, not known at preview either, is the program's peering's",
    }),
    {
      // One crossing, one finding: the requester's.
      name: "a VPC peering accepter accepts the program's peering with Frankfurt",
      bad: pipe(
        set("peer", (p) => {
          p.peerRegion = "eu-central-1";
        }),
        (plan) => peeringAccepter(named(plan, "peer").outputs.id)(plan),
      ),
      expected: [
        [
          "network-links",
          "peer",
          "mandatory",
          ["us-west-2 (inside US)", 'vpc peering "peer"', "eu-central-1 (outside US, in EU)"],
        ],
      ],
      twinName: "it accepts the program's peering with Virginia",
      twin: (plan) => peeringAccepter(named(plan, "peer").outputs.id)(plan),
    },
    {
      name: "a transit gateway peering accepter accepts a peering the program does not request",
      bad: tgwAccepter("tgw-attach-0a1b2c3d4e5f60718"),
      expected: [
        [
          "named-destinations",
          "accept",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'ec2transitgateway peering attachment accepter "accept"',
            '"tgw-attach-0a1b2c3d4e5f60718" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it accepts the program's peering with Virginia's transit gateway, named by its ID",
      twin: (plan) => tgwAccepter(named(plan, "tgw-peer").outputs.id)(plan),
    },
    lookupCase({
      name: "a transit gateway peering accepter accepts a peering only a lookup knows",
      make: tgwAccepter,
      resource: "accept",
      label: 'ec2transitgateway peering attachment accepter "accept"',
      near: "us-west-2 (inside US)",
      path: "transitGatewayAttachmentId",
      from: "tgw-peer",
      twinName: "the ID, not known at preview either, is the program's peering attachment's",
    }),
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
      name: "the transit gateway peers with one in Virginia the program does not create",
      bad: set("tgw-peer", (p) => {
        p.peerTransitGatewayId = "tgw-0a1b2c3d4e5f60718";
      }),
      expected: [
        [
          "named-destinations",
          "tgw-peer",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'ec2transitgateway peering attachment "tgw-peer"',
            '"tgw-0a1b2c3d4e5f60718" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it peers with the program's own transit gateway in Virginia",
      twin: set("tgw-peer", () => undefined),
    },
    // One finding either way: the peering's region, a path out whatever the other hub holds.
    ...(
      [
        ["transit gateways peer with Frankfurt", undefined],
        [
          "the transit gateway peers with one in Frankfurt the program does not create",
          "tgw-0a1b2c3d4e5f60718",
        ],
      ] as const
    ).map(([name, peer]) => ({
      name,
      bad: set("tgw-peer", (p) => {
        p.peerTransitGatewayId = peer ?? p.peerTransitGatewayId;
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
        ] as Finding,
      ],
      twinName:
        peer === undefined
          ? "transit gateways peer with Ohio"
          : "it peers with the program's own transit gateway instead, in Ohio",
      twin: set("tgw-peer", (p) => {
        p.peerRegion = "us-east-2";
      }),
    })),
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
      name: "the endpoint reaches a PrivateLink service in Frankfurt, named and placed once",
      bad: set("s3-endpoint", (p) => {
        p.serviceName = "com.amazonaws.vpce.eu-central-1.vpce-svc-0123456789abcdef0";
        p.serviceRegion = "eu-central-1";
      }),
      expected: [
        [
          "network-links",
          "s3-endpoint",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'ec2 vpc endpoint "s3-endpoint"',
            "com.amazonaws.vpce.eu-central-1.vpce-svc-0123456789abcdef0 (outside US, in EU)",
          ],
        ],
      ],
      twinName: "it reaches a PrivateLink service in Oregon",
      twin: set("s3-endpoint", (p) => {
        p.serviceName = "com.amazonaws.vpce.us-west-2.vpce-svc-0123456789abcdef0";
        p.serviceRegion = "us-west-2";
      }),
    },
    {
      name: "the endpoint's service name is not known and no resource of the program provides it",
      bad: interfaceTo(unknown),
      expected: [
        [
          "named-destinations",
          "s3-endpoint",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'ec2 vpc endpoint "s3-endpoint"',
            "serviceName (unknown at preview)",
          ],
        ],
      ],
      twinName: "it names an AWS service of Oregon",
      twin: interfaceTo("com.amazonaws.us-west-2.sqs"),
    },
    // Found by the network bench: an endpoint to the program's own endpoint service names it by
    // the service's `serviceName`, not known before deployment; the service lies where it is
    // created.
    {
      name: "the endpoint reaches the program's own endpoint service, created in Frankfurt",
      bad: pipe(
        addProvider("aws", "frankfurt", { region: "eu-central-1" }),
        add(
          "aws:ec2/vpcEndpointService:VpcEndpointService",
          "svc",
          { acceptanceRequired: true },
          { provider: "frankfurt" },
        ),
        interfaceTo(unknown),
        (plan) => withDependencies(plan, "s3-endpoint", { serviceName: ["svc"] }),
      ),
      // The service abroad is reported where it is created, and the endpoint that names it by
      // what it is (its far end).
      expected: [
        [
          "named-destinations",
          "s3-endpoint",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'ec2 vpc endpoint "s3-endpoint"',
            'ec2 vpc endpoint service "svc" in eu-central-1 (outside US, in EU)',
          ],
        ],
        [
          "resource-placement",
          "frankfurt",
          "mandatory",
          ['aws provider "frankfurt"', "eu-central-1 (outside US, in EU)"],
        ],
        [
          "resource-placement",
          "svc",
          "mandatory",
          ['ec2 vpc endpoint service "svc"', "eu-central-1 (outside US, in EU)"],
        ],
      ],
      twinName: "it reaches the program's own endpoint service in Oregon",
      // (An unknown service name from no resource of the program fails below.)
      twin: pipe(
        add("aws:ec2/vpcEndpointService:VpcEndpointService", "svc", { acceptanceRequired: true }),
        interfaceTo(unknown),
        (plan) => withDependencies(plan, "s3-endpoint", { serviceName: ["svc"] }),
      ),
    },
    {
      name: "an accelerator endpoint group forwards traffic to Ireland",
      bad: add("aws:globalaccelerator/endpointGroup:EndpointGroup", "endpoints", {
        listenerArn: `arn:aws:globalaccelerator::${account}:accelerator/a/listener/l`,
        endpointGroupRegion: "eu-west-1",
      }),
      expected: [
        [
          "network-links",
          "endpoints",
          "mandatory",
          [
            "a global service",
            'globalaccelerator endpoint group "endpoints"',
            "eu-west-1 (outside US, in EU)",
          ],
        ],
      ],
      // The AWS provider creates a group that names no region in its own (Oregon's here).
      twinName: "the endpoint group names no region: its provider's, Oregon",
      twin: add("aws:globalaccelerator/endpointGroup:EndpointGroup", "endpoints", {
        listenerArn: `arn:aws:globalaccelerator::${account}:accelerator/a/listener/l`,
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
      name: "a Direct Connect connection is ordered at a location the stack does not declare",
      bad: add("aws:directconnect/connection:Connection", "dx", {
        bandwidth: "1Gbps",
        location: "EqFA5",
      }),
      expected: [
        [
          "remote-sites",
          "dx",
          "mandatory",
          ["us-west-2 (inside US)", 'directconnect connection "dx"', '"EqFA5" (cannot be placed)'],
        ],
      ],
      twinName: "it is ordered at a location the stack declares in the US (Equinix DC2, Virginia)",
      twin: add("aws:directconnect/connection:Connection", "dx", {
        bandwidth: "1Gbps",
        location: "EqDC2",
      }),
      twinSettings: declaredFacility,
    },
    {
      name: "a public virtual interface reaches the public endpoints of every region",
      bad: add("aws:directconnect/publicVirtualInterface:PublicVirtualInterface", "vif", {
        connectionId: "dxcon-records",
        addressFamily: "ipv4",
        bgpAsn: 65352,
        vlan: 4094,
        routeFilterPrefixes: ["198.51.100.0/26"],
      }),
      expected: [
        [
          "remote-sites",
          "vif",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'directconnect public virtual interface "vif"',
            "the public endpoints of every AWS region",
          ],
        ],
      ],
      twinName:
        "a private virtual interface reaches only the stack's own gateway, on the program's connection at a location the stack declares inside",
      twin: privateInterfaceOn("dx"),
      twinSettings: declaredFacility,
    },
    {
      // Shared research (data-paths.md): combine the connection's location with the gateway's.
      name: "a private virtual interface runs on a Direct Connect connection the program does not create",
      bad: privateInterfaceOn(undefined),
      expected: [
        [
          "named-destinations",
          "vif",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'directconnect private virtual interface "vif"',
            '"dxcon-records" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it runs on the program's connection, at a location the stack declares inside",
      twin: privateInterfaceOn("dx"),
      twinSettings: declaredFacility,
    },
    {
      name: "the program allocates a hosted interface on a connection it does not create",
      bad: hostedInterface("dxcon-records"),
      expected: [
        [
          "named-destinations",
          "hosted",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'directconnect hosted private virtual interface "hosted"',
            '"dxcon-records" (cannot be placed)',
          ],
        ],
      ],
      twinName:
        "it allocates it on the program's connection, at a location the stack declares inside",
      twin: hostedOnOwnConnection,
      twinSettings: declaredFacility,
    },
    {
      name: "the gateway accepts a hosted virtual interface another account allocated",
      bad: add(
        "aws:directconnect/hostedPrivateVirtualInterfaceAccepter:HostedPrivateVirtualInterfaceAccepter",
        "accept",
        { virtualInterfaceId: "dxvif-partner", vpnGatewayId: "vgw-records" },
      ),
      expected: [
        [
          "named-destinations",
          "accept",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'directconnect hosted private virtual interface accepter "accept"',
            '"dxvif-partner" (cannot be placed)',
          ],
        ],
      ],
      twinName:
        "it accepts a hosted interface the program allocates on its own connection, at a location the stack declares inside",
      twin: pipe(
        hostedOnOwnConnection,
        add(
          "aws:directconnect/hostedPrivateVirtualInterfaceAccepter:HostedPrivateVirtualInterfaceAccepter",
          "accept",
          { virtualInterfaceId: unknown, vpnGatewayId: "vgw-records" },
        ),
        (p) => withDependencies(p, "accept", { virtualInterfaceId: ["hosted"] }),
      ),
      twinSettings: declaredFacility,
    },
    {
      name: "a transit gateway route sends all traffic into an attachment the program does not create",
      bad: pipe(
        add("aws:ec2transitgateway/transitGateway:TransitGateway", "hub", {}),
        add("aws:ec2transitgateway/route:Route", "default", {
          destinationCidrBlock: "0.0.0.0/0",
          transitGatewayRouteTableId: "tgw-rtb-hub",
          transitGatewayAttachmentId: "tgw-attach-elsewhere",
        }),
      ),
      expected: [
        [
          "named-destinations",
          "default",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'ec2transitgateway route "default"',
            '"tgw-attach-elsewhere" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it sends them into the program's own attachment of a network of the stack",
      twin: pipe(
        add("aws:ec2transitgateway/transitGateway:TransitGateway", "hub", {}),
        add("aws:ec2transitgateway/vpcAttachment:VpcAttachment", "spoke", {
          transitGatewayId: unknown,
          vpcId: unknown,
          subnetIds: ["subnet-a"],
        }),
        (p) => withDependencies(p, "spoke", { transitGatewayId: ["hub"], vpcId: ["vpc"] }),
        add("aws:ec2transitgateway/route:Route", "default", {
          destinationCidrBlock: "10.0.0.0/8",
          transitGatewayRouteTableId: "tgw-rtb-hub",
          transitGatewayAttachmentId: unknown,
        }),
        (p) => withDependencies(p, "default", { transitGatewayAttachmentId: ["spoke"] }),
      ),
    },
    {
      name: "a gateway is associated with a Direct Connect gateway the program does not create",
      bad: dxAssociation("5f3c1e2a-1111-2222-3333-444455556666"),
      expected: [
        [
          "named-destinations",
          "dx-assoc",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'directconnect gateway association "dx-assoc"',
            '"5f3c1e2a-1111-2222-3333-444455556666" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it is associated with the program's Direct Connect gateway, named by its ID",
      twin: pipe(dxGateway, dxAssociation("0e1d2c3b-aaaa-bbbb-cccc-ddddeeeeffff")),
    },
    lookupCase({
      name: "a gateway is associated with a Direct Connect gateway only a lookup knows",
      make: dxAssociation,
      resource: "dx-assoc",
      label: 'directconnect gateway association "dx-assoc"',
      near: "us-west-2 (inside US)",
      path: "dxGatewayId",
      from: "dx-gw",
      setup: dxGateway,
      twinName: "the ID, not known at preview either, is the program's Direct Connect gateway's",
    }),
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
    {
      name: "a VPC attachment joins a transit gateway the program does not create",
      bad: tgwAttachment("tgw-0a1b2c3d4e5f60718"),
      expected: [
        [
          "named-destinations",
          "spoke",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'ec2transitgateway vpc attachment "spoke"',
            '"tgw-0a1b2c3d4e5f60718" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it joins the program's transit gateway, named by its ID",
      twin: pipe(transitGateway, tgwAttachment("tgw-0123456789abcdef0")),
    },
    {
      name: "a VPC attachment joins a transit gateway only a lookup knows",
      bad: tgwAttachment(unknown),
      expected: [
        [
          "named-destinations",
          "spoke",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'ec2transitgateway vpc attachment "spoke"',
            "transitGatewayId (unknown at preview)",
          ],
        ],
      ],
      twinName: "the ID, not known at preview either, is the program's transit gateway's",
      twin: pipe(transitGateway, tgwAttachment(unknown), (plan) =>
        withDependencies(plan, "spoke", { transitGatewayId: ["hub"] }),
      ),
    },
    {
      name: "a VPC attachment joins the transit gateway a route table of another stack's hub names",
      bad: pipe(tgwRouteTable("tgw-0a1b2c3d4e5f60718"), tgwAttachment(unknown), (plan) =>
        withDependencies(plan, "spoke", { transitGatewayId: ["hub-routes"] }),
      ),
      expected: [
        [
          "named-destinations",
          "spoke",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'ec2transitgateway vpc attachment "spoke"',
            "transitGatewayId (unknown at preview)",
          ],
        ],
      ],
      // Before the hub is deployed its ID is unknown: the route table's dependency on it is
      // what ties the attachment's value to the program's transit gateway.
      twinName: "it joins the program's transit gateway through the ID its route table holds",
      twin: pipe(
        transitGateway,
        tgwRouteTable(unknown),
        (plan) => withDependencies(plan, "hub-routes", { transitGatewayId: ["hub"] }),
        tgwAttachment(unknown),
        (plan) => withDependencies(plan, "spoke", { transitGatewayId: ["hub-routes"] }),
      ),
    },
    {
      name: "a Direct Connect gateway is associated with a transit gateway the program does not create",
      bad: pipe(dxGateway, dxToTransitGateway("tgw-0a1b2c3d4e5f60718")),
      expected: [
        [
          "named-destinations",
          "dx-tgw",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'directconnect gateway association "dx-tgw"',
            '"tgw-0a1b2c3d4e5f60718" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it is associated with the program's transit gateway",
      twin: pipe(dxGateway, transitGateway, dxToTransitGateway("tgw-0123456789abcdef0")),
    },
    {
      name: "a VPN connection terminates on a transit gateway the program does not create",
      bad: siteVpnOn("tgw-0a1b2c3d4e5f60718"),
      expected: [
        [
          "named-destinations",
          "site-vpn",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'ec2 vpn connection "site-vpn"',
            '"tgw-0a1b2c3d4e5f60718" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it terminates on the program's transit gateway",
      twin: pipe(transitGateway, siteVpnOn("tgw-0123456789abcdef0")),
    },
    ...(
      [
        ["localIpv4NetworkCidr", "0.0.0.0/0", "172.16.0.0/16", "all traffic (0.0.0.0/0)"],
        ["localIpv6NetworkCidr", "::/0", "fd12:3456::/48", "all IPv6 traffic (::/0)"],
      ] as const
    ).map(([field, anywhere, own, what]) => ({
      name: `a VPN connection lets the remote site claim every address (${field})`,
      bad: add("aws:ec2/vpnConnection:VpnConnection", "site-vpn", {
        customerGatewayId: "cgw-records",
        type: "ipsec.1",
        vpnGatewayId: "vgw-records",
        [field]: anywhere,
      }),
      expected: [
        [
          "remote-sites",
          "site-vpn",
          "mandatory",
          ["us-west-2 (inside US)", 'ec2 vpn connection "site-vpn"', `${what} to itself`],
        ] as Finding,
      ],
      twinName: `the remote site claims only its own network (${field})`,
      twin: add("aws:ec2/vpnConnection:VpnConnection", "site-vpn", {
        customerGatewayId: "cgw-records",
        type: "ipsec.1",
        vpnGatewayId: "vgw-records",
        [field]: own,
      }),
    })),
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
      name: "an object is uploaded to the bucket with a public-read ACL of its own",
      bad: add("aws:s3/bucketObject:BucketObject", "report", {
        bucket: "sdc-records",
        key: "report.csv",
        acl: "public-read",
      }),
      expected: [
        ["public-exposure", "report", "mandatory", ["the internet", 's3 bucket object "report"']],
      ],
      twinName: "the object is uploaded without an ACL of its own",
      twin: add("aws:s3/bucketObject:BucketObject", "report", {
        bucket: "sdc-records",
        key: "report.csv",
      }),
    },
    {
      name: "a v2 object is uploaded to the bucket with a public-read-write ACL of its own",
      bad: add("aws:s3/bucketObjectv2:BucketObjectv2", "upload", {
        bucket: "sdc-records",
        key: "upload.csv",
        acl: "public-read-write",
      }),
      expected: [
        ["public-exposure", "upload", "mandatory", ["the internet", 's3 bucket objectv2 "upload"']],
      ],
      twinName: "the v2 object's ACL is private",
      twin: add("aws:s3/bucketObjectv2:BucketObjectv2", "upload", {
        bucket: "sdc-records",
        key: "upload.csv",
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
      bad: (plan) =>
        add("aws:opensearch/domain:Domain", "search", {
          domainName: "search",
          engineVersion: "OpenSearch_2.13",
          encryptAtRest: { enabled: true, kmsKeyId: named(plan, "key").outputs.arn },
        })(plan),
      expected: [
        ["public-exposure", "search", "mandatory", ["the internet", 'opensearch domain "search"']],
      ],
      twinName: "the OpenSearch domain sits in the stack's subnet",
      twin: (plan) =>
        add("aws:opensearch/domain:Domain", "search", {
          domainName: "search",
          engineVersion: "OpenSearch_2.13",
          vpcOptions: { subnetIds: ["subnet-records"], securityGroupIds: ["sg-records"] },
          encryptAtRest: { enabled: true, kmsKeyId: named(plan, "key").outputs.arn },
        })(plan),
    },
    {
      name: "an Elasticsearch domain has no VPC options",
      bad: (plan) =>
        add("aws:elasticsearch/domain:Domain", "legacy-search", {
          domainName: "legacy-search",
          elasticsearchVersion: "7.10",
          encryptAtRest: { enabled: true, kmsKeyId: named(plan, "key").outputs.arn },
        })(plan),
      expected: [
        [
          "public-exposure",
          "legacy-search",
          "mandatory",
          ["the internet", 'elasticsearch domain "legacy-search"'],
        ],
      ],
      twinName: "the Elasticsearch domain sits in the stack's subnet",
      twin: (plan) =>
        add("aws:elasticsearch/domain:Domain", "legacy-search", {
          domainName: "legacy-search",
          elasticsearchVersion: "7.10",
          vpcOptions: { subnetIds: ["subnet-records"] },
          encryptAtRest: { enabled: true, kmsKeyId: named(plan, "key").outputs.arn },
        })(plan),
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
        // Its way out through the stack's VPC (test/policy/front-doors.test.ts judges App
        // Runner's own).
        networkConfiguration: { egressConfiguration: { egressType: "VPC" } },
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
        networkConfiguration: {
          ingressConfiguration: { isPubliclyAccessible: false },
          egressConfiguration: { egressType: "VPC" },
        },
      }),
    },
    {
      name: "a GraphQL API keeps the default GLOBAL visibility and admits callers by an API key",
      bad: add("aws:appsync/graphQLApi:GraphQLApi", "tenants", {
        name: "tenants",
        authenticationType: "AWS_IAM",
        additionalAuthenticationProviders: [{ authenticationType: "API_KEY" }],
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
        authenticationType: "API_KEY",
        visibility: "PRIVATE",
      }),
    },
    {
      // A mode not known at preview fails closed; callers all authenticated (IAM, Cognito) are
      // the stack's to admit, as an API Gateway route's with IAM or JWT authorization.
      name: "a GLOBAL GraphQL API's authentication mode is not known at preview",
      bad: add("aws:appsync/graphQLApi:GraphQLApi", "tenants", {
        name: "tenants",
        authenticationType: unknown,
      }),
      expected: [
        [
          "public-exposure",
          "tenants",
          "mandatory",
          ["the internet", 'appsync graph ql api "tenants"'],
        ],
      ],
      twinName: "a GLOBAL GraphQL API authenticates every caller with IAM and Cognito",
      twin: add("aws:appsync/graphQLApi:GraphQLApi", "tenants", {
        name: "tenants",
        authenticationType: "AWS_IAM",
        additionalAuthenticationProviders: [{ authenticationType: "AMAZON_COGNITO_USER_POOLS" }],
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
      name: "an HTTP API is quick-created with a route and a target, which need no authorization",
      bad: add("aws:apigatewayv2/api:Api", "quick", {
        protocolType: "HTTP",
        routeKey: "GET /",
        target: "arn:aws:lambda:us-west-2:111122223333:function:orders",
      }),
      expected: [
        ["public-exposure", "quick", "mandatory", ["the internet", 'apigatewayv2 api "quick"']],
      ],
      twinName: "the HTTP API is created without quick create (its routes are Routes of their own)",
      twin: add("aws:apigatewayv2/api:Api", "quick", { protocolType: "HTTP" }),
    },
    {
      name: "a REST API method needs no authorization",
      bad: add("aws:apigateway/method:Method", "orders-get", {
        restApi: "api-orders",
        resourceId: "orders",
        httpMethod: "GET",
        authorization: "NONE",
        apiKeyRequired: true,
      }),
      expected: [
        [
          "public-exposure",
          "orders-get",
          "mandatory",
          ["the internet", 'apigateway method "orders-get"'],
        ],
      ],
      twinName: "the REST API method requires a Cognito user pool's tokens",
      twin: add("aws:apigateway/method:Method", "orders-get", {
        restApi: "api-orders",
        resourceId: "orders",
        httpMethod: "GET",
        authorization: "COGNITO_USER_POOLS",
        authorizerId: "orders-authorizer",
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
      name: "a DMS replication instance resolves hosts at a public DNS server",
      bad: add("aws:dms/replicationInstance:ReplicationInstance", "migrate", {
        replicationInstanceId: "migrate",
        replicationInstanceClass: "dms.t3.medium",
        publiclyAccessible: false,
        dnsNameServers: "10.30.0.2,203.0.113.53",
      }),
      expected: [
        [
          "remote-sites",
          "migrate",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'dms replication instance "migrate"',
            '"203.0.113.53" (cannot be placed)',
          ],
        ],
      ],
      twinName: "its DNS servers are private addresses of the stack's network",
      twin: add("aws:dms/replicationInstance:ReplicationInstance", "migrate", {
        replicationInstanceId: "migrate",
        replicationInstanceClass: "dms.t3.medium",
        publiclyAccessible: false,
        dnsNameServers: "10.30.0.2,10.30.0.3",
      }),
    },
    ...(
      [
        [
          "aws:lambdamicrovms/microvm:Microvm",
          "lambdamicrovms microvm",
          { imageArn: `arn:aws:lambda:us-west-2:${account}:microvm-image/worker` },
        ],
        [
          "aws:lambdamicrovms/image:Image",
          "lambdamicrovms image",
          { name: "worker", codeArtifact: { uri: "s3://sdc-records/worker.zip" } },
        ],
        [
          "aws:lambda/microvmsImage:MicrovmsImage",
          "lambda microvms image",
          { name: "worker", codeArtifact: { uri: "s3://sdc-records/worker.zip" } },
        ],
      ] as const
    ).flatMap(([type, label, inputs]) =>
      [undefined, ["INTERNET_EGRESS"]].map((egressNetworkConnectors) => ({
        name: `a ${label} reaches the internet through Lambda's network (egressNetworkConnectors ${JSON.stringify(egressNetworkConnectors ?? "not set")})`,
        bad: add(type, "worker", {
          ...inputs,
          ...(egressNetworkConnectors === undefined ? {} : { egressNetworkConnectors }),
        }),
        expected: [
          [
            "internet-egress",
            "worker",
            "mandatory",
            [`${label} "worker"`, "the internet (any country)"],
          ] as Finding,
        ],
        twinName: `the ${label}'s traffic leaves through a VPC egress connector`,
        twin: add(type, "worker", {
          ...inputs,
          egressNetworkConnectors: [
            `arn:aws:lambda:us-west-2:${account}:network-connector/records-vpc`,
          ],
        }),
      })),
    ),
    {
      name: "an Airflow environment's web server answers on the internet",
      bad: mwaa("PUBLIC_ONLY"),
      expected: [
        ["public-exposure", "airflow", "mandatory", ["the internet", 'mwaa environment "airflow"']],
      ],
      twinName: "its web server is reached from the VPC only",
      twin: mwaa("PRIVATE_ONLY"),
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
    // Found checking Batch against ECS: the same public IP, set in the job definition's JSON.
    ...(["containerProperties", "ecsProperties"] as const).map((input) => {
      const job = (assignPublicIp: string) => {
        const networkConfiguration = { assignPublicIp };
        const container = { image: "records/export:1", networkConfiguration };
        return add("aws:batch/jobDefinition:JobDefinition", "export-job", {
          name: "export-job",
          type: "container",
          platformCapabilities: ["FARGATE"],
          [input]: JSON.stringify(
            input === "containerProperties"
              ? container
              : {
                  taskProperties: [
                    {
                      containers: [{ name: "export", image: "records/export:1" }],
                      networkConfiguration,
                    },
                  ],
                },
          ),
        });
      };
      return {
        name: `a Batch job definition gives its Fargate tasks public IPs (${input})`,
        bad: job("ENABLED"),
        expected: [
          [
            "internet-egress",
            "export-job",
            "mandatory",
            ['batch job definition "export-job"', "the internet (any country)"],
          ],
        ] as const,
        twinName: "its Fargate tasks get only private addresses",
        twin: job("DISABLED"),
      };
    }),
    {
      name: "an EventBridge rule starts Fargate tasks with public IPs",
      bad: ruleTask(true),
      expected: [
        [
          "internet-egress",
          "nightly-task",
          "mandatory",
          ['cloudwatch event target "nightly-task"', "the internet (any country)"],
        ],
      ],
      twinName: "the rule's tasks get only private addresses",
      twin: ruleTask(false),
    },
    {
      // ECS Anywhere: the servers register through an SSM activation from wherever they are.
      name: "an ECS service runs its tasks on external servers",
      bad: add("aws:ecs/service:Service", "edge-svc", {
        cluster: "records",
        taskDefinition: "edge:1",
        launchType: "EXTERNAL",
      }),
      expected: [
        [
          "remote-sites",
          "edge-svc",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'ecs service "edge-svc"',
            "external servers registered through SSM (ECS Anywhere), whose country the pack cannot determine",
          ],
        ],
      ],
      twinName: "the ECS service runs its tasks on EC2 capacity in the region",
      twin: add("aws:ecs/service:Service", "edge-svc", {
        cluster: "records",
        taskDefinition: "edge:1",
        launchType: "EC2",
      }),
    },
    {
      name: "an ECS task set runs its tasks on external servers",
      bad: add("aws:ecs/taskSet:TaskSet", "edge-blue", {
        cluster: "records",
        service: "edge",
        taskDefinition: "edge:2",
        launchType: "EXTERNAL",
      }),
      expected: [
        [
          "remote-sites",
          "edge-blue",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'ecs task set "edge-blue"',
            "external servers registered through SSM (ECS Anywhere), whose country the pack cannot determine",
          ],
        ],
      ],
      twinName: "the ECS task set runs its tasks on Fargate in the region",
      twin: add("aws:ecs/taskSet:TaskSet", "edge-blue", {
        cluster: "records",
        service: "edge",
        taskDefinition: "edge:2",
        launchType: "FARGATE",
        networkConfiguration: { subnets: ["subnet-records"] },
      }),
    },
    {
      name: "an Elastic Beanstalk environment names no VPC, so its instances launch into the default VPC",
      bad: beanstalkEnvironment([
        beanstalk("aws:elasticbeanstalk:environment", "EnvironmentType", "SingleInstance"),
      ]),
      expected: [
        [
          "internet-egress",
          "web",
          "mandatory",
          ['elasticbeanstalk environment "web"', "the internet (any country)"],
        ],
      ],
      twinName: "the environment runs in a subnet of the stack's VPC",
      twin: beanstalkEnvironment([...singleInstanceInVpc]),
    },
    {
      name: "an Elastic Beanstalk environment gives its instances public IPs",
      bad: beanstalkEnvironment([
        ...singleInstanceInVpc,
        beanstalk("aws:ec2:vpc", "AssociatePublicIpAddress", "true"),
      ]),
      expected: [
        [
          "internet-egress",
          "web",
          "mandatory",
          ['elasticbeanstalk environment "web"', "the internet (any country)"],
        ],
      ],
      twinName: "the environment's instances get only private addresses",
      twin: beanstalkEnvironment([
        ...singleInstanceInVpc,
        beanstalk("aws:ec2:vpc", "AssociatePublicIpAddress", "false"),
      ]),
    },
    {
      name: "a load-balanced Elastic Beanstalk environment keeps the default, internet-facing scheme",
      bad: beanstalkEnvironment([
        ...inVpc,
        beanstalk("aws:ec2:vpc", "ELBSubnets", "subnet-records"),
      ]),
      expected: [
        [
          "public-exposure",
          "web",
          "mandatory",
          ["the internet", 'elasticbeanstalk environment "web"'],
        ],
      ],
      twinName: "the environment's load balancer is internal",
      twin: beanstalkEnvironment([
        ...inVpc,
        beanstalk("aws:ec2:vpc", "ELBSubnets", "subnet-records"),
        beanstalk("aws:ec2:vpc", "ELBScheme", "internal"),
      ]),
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
      name: "a launch template gives Wavelength instances carrier IPs",
      bad: add("aws:ec2/launchTemplate:LaunchTemplate", "edge-template", {
        imageId: "ami-records",
        networkInterfaces: [{ subnetId: "subnet-records", associateCarrierIpAddress: "true" }],
      }),
      expected: [
        [
          "internet-egress",
          "edge-template",
          "mandatory",
          ['ec2 launch template "edge-template"', "the internet (any country)"],
        ],
      ],
      twinName: "the launch template's interfaces get no carrier IP",
      twin: add("aws:ec2/launchTemplate:LaunchTemplate", "edge-template", {
        imageId: "ami-records",
        networkInterfaces: [{ subnetId: "subnet-records", associateCarrierIpAddress: "false" }],
      }),
    },
    {
      // Its instances' volumes are on the program's key (encryption by default, the program's
      // key the region's default), as a launch configuration's can only be.
      name: "a launch configuration gives instances public IPs",
      bad: pipe(
        programEbsEncryption,
        add("aws:ec2/launchConfiguration:LaunchConfiguration", "web-config", {
          imageId: "ami-records",
          instanceType: "t4g.micro",
          associatePublicIpAddress: true,
        }),
      ),
      expected: [
        [
          "internet-egress",
          "web-config",
          "mandatory",
          ['ec2 launch configuration "web-config"', "the internet (any country)"],
        ],
      ],
      twinName: "the launch configuration gives no public IP",
      twin: pipe(
        programEbsEncryption,
        add("aws:ec2/launchConfiguration:LaunchConfiguration", "web-config", {
          imageId: "ami-records",
          instanceType: "t4g.micro",
          associatePublicIpAddress: false,
        }),
      ),
    },
    {
      name: "a spot instance gets a public IP",
      bad: addInstance("aws:ec2/spotInstanceRequest:SpotInstanceRequest", "batch-spot", {
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
      twin: addInstance("aws:ec2/spotInstanceRequest:SpotInstanceRequest", "batch-spot", {
        ami: "ami-records",
        instanceType: "t4g.micro",
        subnetId: "subnet-records",
        associatePublicIpAddress: false,
      }),
    },
    {
      // The default VPC's subnets map public IPs on launch and route to its internet gateway.
      name: "an instance names no subnet, so it launches into the default VPC",
      bad: addInstance("aws:ec2/instance:Instance", "vm", {
        ami: "ami-records",
        instanceType: "t4g.micro",
      }),
      expected: [
        ["internet-egress", "vm", "mandatory", ['ec2 instance "vm"', "the internet (any country)"]],
      ],
      twinName: "the instance is launched into a subnet of the stack's VPC",
      twin: addInstance("aws:ec2/instance:Instance", "vm", {
        ami: "ami-records",
        instanceType: "t4g.micro",
        subnetId: "subnet-records",
      }),
    },
    {
      name: "an instance names only an availability zone, which picks a default subnet of the default VPC",
      bad: addInstance("aws:ec2/instance:Instance", "vm", {
        ami: "ami-records",
        instanceType: "t4g.micro",
        availabilityZone: "us-west-2a",
      }),
      expected: [
        ["internet-egress", "vm", "mandatory", ['ec2 instance "vm"', "the internet (any country)"]],
      ],
      twinName: "the instance in the default VPC gets no public IP",
      twin: addInstance("aws:ec2/instance:Instance", "vm", {
        ami: "ami-records",
        instanceType: "t4g.micro",
        availabilityZone: "us-west-2a",
        associatePublicIpAddress: false,
      }),
    },
    {
      name: "a spot instance names no subnet, so it launches into the default VPC",
      bad: addInstance("aws:ec2/spotInstanceRequest:SpotInstanceRequest", "batch-spot", {
        ami: "ami-records",
        instanceType: "t4g.micro",
      }),
      expected: [
        [
          "internet-egress",
          "batch-spot",
          "mandatory",
          ['ec2 spot instance request "batch-spot"', "the internet (any country)"],
        ],
      ],
      twinName: "the spot instance is launched through its own network interface",
      twin: addInstance("aws:ec2/spotInstanceRequest:SpotInstanceRequest", "batch-spot", {
        ami: "ami-records",
        instanceType: "t4g.micro",
        networkInterfaces: [{ networkInterfaceId: "eni-records", deviceIndex: 0 }],
      }),
    },
    {
      name: "an Auto Scaling group is given zones but no subnets, so it launches into the default VPC",
      bad: add("aws:autoscaling/group:Group", "workers", {
        minSize: 1,
        maxSize: 2,
        availabilityZones: ["us-west-2a"],
        launchTemplate: { id: "lt-records", version: "$Latest" },
      }),
      expected: [
        [
          "internet-egress",
          "workers",
          "mandatory",
          ['autoscaling group "workers"', "the internet (any country)"],
        ],
      ],
      twinName: "the Auto Scaling group launches into subnets of the stack's VPC",
      twin: add("aws:autoscaling/group:Group", "workers", {
        minSize: 1,
        maxSize: 2,
        vpcZoneIdentifiers: ["subnet-records"],
        launchTemplate: { id: "lt-records", version: "$Latest" },
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
      twin: addInstance("aws:ec2/instance:Instance", "vm", {
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
      name: "a bucket's encryption names a key by an ARN of every region",
      bad: set("records-encryption", (p) => {
        const byDefault = rule0(p).applyServerSideEncryptionByDefault as Props;
        byDefault.kmsMasterKeyId = `arn:aws:kms:*:${account}:key/1234abcd`;
      }),
      expected: [
        [
          "key-locality",
          "records-encryption",
          "mandatory",
          [
            's3 bucket server side encryption configuration "records-encryption"',
            `arn:aws:kms:*:${account}:key/1234abcd (all regions of aws, not only those inside US)`,
          ],
        ],
      ],
      twinName: "the encryption names the key ID of the program's key",
      twin: (plan) =>
        set("records-encryption", (p) => {
          const byDefault = rule0(p).applyServerSideEncryptionByDefault as Props;
          byDefault.kmsMasterKeyId = named(plan, "key").outputs.keyId;
        })(plan),
    },
    {
      name: "an EKS cluster's Secrets are encrypted with the program's key in Frankfurt",
      bad: pipe(
        add("aws:kms/key:Key", "eu-key", { region: "eu-central-1" }),
        add(
          "aws:eks/cluster:Cluster",
          "apps",
          {
            roleArn: `arn:aws:iam::${account}:role/eks`,
            vpcConfig: { endpointPublicAccess: false, subnetIds: ["subnet-records"] },
            encryptionConfig: { provider: { keyArn: unknown }, resources: ["secrets"] },
          },
          { dependsOn: { encryptionConfig: ["eu-key"] } },
        ),
      ),
      expected: onFrankfurtKey("apps", 'eks cluster "apps"'),
      twinName: "they are encrypted with the program's key in Oregon",
      twin: eksCluster("apps", {
        roleArn: `arn:aws:iam::${account}:role/eks`,
        vpcConfig: { endpointPublicAccess: false, subnetIds: ["subnet-records"] },
      }),
    },
    {
      name: "an AMI copy is encrypted with the program's key in Frankfurt",
      bad: pipe(
        add("aws:kms/key:Key", "eu-key", { region: "eu-central-1" }),
        add(
          "aws:ec2/amiCopy:AmiCopy",
          "golden-copy",
          { ...amiCopy, encrypted: true, kmsKeyId: unknown },
          { dependsOn: { kmsKeyId: ["eu-key"] } },
        ),
      ),
      expected: onFrankfurtKey("golden-copy", 'ec2 ami copy "golden-copy"'),
      twinName: "it is encrypted with the program's key in Oregon",
      twin: add(
        "aws:ec2/amiCopy:AmiCopy",
        "golden-copy",
        { ...amiCopy, encrypted: true, kmsKeyId: unknown },
        { dependsOn: { kmsKeyId: ["key"] } },
      ),
    },
    {
      // A volume encrypted without a key of its own is on the region's default key.
      name: "the region's default EBS key is the program's key in Frankfurt",
      bad: pipe(
        add("aws:kms/key:Key", "eu-key", { region: "eu-central-1" }),
        add(
          "aws:ebs/defaultKmsKey:DefaultKmsKey",
          "ebs-default",
          { keyArn: unknown },
          { dependsOn: { keyArn: ["eu-key"] } },
        ),
        add("aws:ebs/volume:Volume", "scratch", {
          availabilityZone: "us-west-2a",
          size: 100,
          encrypted: true,
        }),
      ),
      expected: onFrankfurtKey("scratch", 'ebs volume "scratch"'),
      twinName: "it is the program's key in Oregon",
      twin: pipe(
        add(
          "aws:ebs/defaultKmsKey:DefaultKmsKey",
          "ebs-default",
          { keyArn: unknown },
          { dependsOn: { keyArn: ["key"] } },
        ),
        add("aws:ebs/volume:Volume", "scratch", {
          availabilityZone: "us-west-2a",
          size: 100,
          encrypted: true,
        }),
      ),
    },
    {
      // Only the block device's own dependencies say which key it names before deployment.
      name: "an EC2 instance's EBS block device is encrypted with the program's key in Frankfurt",
      bad: pipe(
        add("aws:kms/key:Key", "eu-key", { region: "eu-central-1" }),
        addInstance(
          "aws:ec2/instance:Instance",
          "worker",
          {
            ami: "ami-records",
            instanceType: "t3.micro",
            subnetId: "subnet-records",
            ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true, kmsKeyId: unknown }],
          },
          { dependsOn: { ebsBlockDevices: ["eu-key"] } },
        ),
      ),
      expected: onFrankfurtKey("worker", 'ec2 instance "worker"'),
      twinName: "it is encrypted with the program's key in Oregon",
      twin: addInstance(
        "aws:ec2/instance:Instance",
        "worker",
        {
          ami: "ami-records",
          instanceType: "t3.micro",
          subnetId: "subnet-records",
          ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true, kmsKeyId: unknown }],
        },
        { dependsOn: { ebsBlockDevices: ["key"] } },
      ),
    },
    {
      // KMS resolves a key ID or alias name in the account and region of the request: the key
      // lies where the store does (a key of another region or account is named by its ARN).
      name: "a secret in Frankfurt names its key by a key ID",
      bad: add("aws:secretsmanager/secret:Secret", "eu-secret", {
        region: "eu-central-1",
        kmsKeyId: "1234abcd-12ab-34cd-56ef-1234567890ab",
      }),
      expected: [
        [
          "resource-placement",
          "eu-secret",
          "mandatory",
          ['secretsmanager secret "eu-secret"', "eu-central-1 (outside US, in EU)"],
        ],
        [
          "store-key-locality",
          "eu-secret",
          "mandatory",
          [
            'secretsmanager secret "eu-secret"',
            "1234abcd-12ab-34cd-56ef-1234567890ab in eu-central-1 (outside US, in EU)",
          ],
        ],
      ],
      twinName: "secrets in Virginia name their keys by a key ID and by an alias name",
      twin: pipe(
        add("aws:secretsmanager/secret:Secret", "east-secret", {
          region: "us-east-1",
          kmsKeyId: "1234abcd-12ab-34cd-56ef-1234567890ab",
        }),
        add("aws:secretsmanager/secret:Secret", "app-secret", { kmsKeyId: "alias/app-secrets" }),
      ),
    },
  ]);
  runCasesInBothPostures(pack, () => happy, us, [
    {
      // EBS encrypts it with the account's AWS-managed key (aws/ebs) when no key is named.
      name: "an EC2 instance's root volume is encrypted with EBS's own key",
      bad: add("aws:ec2/instance:Instance", "worker", {
        ami: "ami-records",
        instanceType: "t3.micro",
        subnetId: "subnet-records",
        rootBlockDevice: { encrypted: true, volumeSize: 30 },
      }),
      expected: [noCustomerKey("worker", 'ec2 instance "worker" rootBlockDevice')],
      twinName: "its root volume is encrypted with the program's key",
      twin: addInstance("aws:ec2/instance:Instance", "worker", {
        ami: "ami-records",
        instanceType: "t3.micro",
        subnetId: "subnet-records",
      }),
    },
    {
      // The region's default key encrypts a volume encrypted without a key of its own, and,
      // once encryption by default is on, every volume.
      name: "an EBS volume is unencrypted where encryption by default is off",
      bad: volumeWhereByDefault(false),
      expected: [noCustomerKey("scratch", 'ebs volume "scratch"')],
      twinName: "encryption by default is on, with the program's key as the region's default",
      twin: volumeWhereByDefault(true),
    },
    {
      name: "an instance's root volume is encrypted without a key where the default is EBS's own",
      bad: add("aws:ec2/instance:Instance", "worker", {
        ami: "ami-records",
        instanceType: "t3.micro",
        subnetId: "subnet-records",
        rootBlockDevice: { encrypted: true },
      }),
      expected: [noCustomerKey("worker", 'ec2 instance "worker" rootBlockDevice')],
      twinName: "the program makes its key the region's default",
      twin: pipe(
        programEbsKey,
        add("aws:ec2/instance:Instance", "worker", {
          ami: "ami-records",
          instanceType: "t3.micro",
          subnetId: "subnet-records",
          rootBlockDevice: { encrypted: true },
        }),
      ),
    },
    {
      // Without a launch template, EKS launches the nodes on its own defaults.
      name: "a managed node group's nodes get root volumes on EKS's defaults",
      bad: add("aws:eks/nodeGroup:NodeGroup", "nodes", {
        clusterName: "records",
        nodeRoleArn: `arn:aws:iam::${account}:role/eks-nodes`,
        subnetIds: ["subnet-records"],
        scalingConfig: { desiredSize: 2, minSize: 1, maxSize: 3 },
      }),
      expected: [noCustomerKey("nodes", 'eks node group "nodes" node root volume')],
      twinName: "the node group launches them from a launch template, judged as one",
      twin: add("aws:eks/nodeGroup:NodeGroup", "nodes", {
        clusterName: "records",
        nodeRoleArn: `arn:aws:iam::${account}:role/eks-nodes`,
        subnetIds: ["subnet-records"],
        scalingConfig: { desiredSize: 2, minSize: 1, maxSize: 3 },
        launchTemplate: { id: "lt-records", version: "$Latest" },
      }),
    },
    {
      // Each volume is encrypted on its own: the root on the program's key covers no other.
      name: "a spot instance's second EBS block device is left unencrypted",
      bad: (plan) =>
        addInstance("aws:ec2/spotInstanceRequest:SpotInstanceRequest", "batch-spot", {
          ami: "ami-records",
          instanceType: "t3.micro",
          subnetId: "subnet-records",
          ebsBlockDevices: [
            { deviceName: "/dev/sdf", encrypted: true, kmsKeyId: named(plan, "key").outputs.arn },
            { deviceName: "/dev/sdg", volumeSize: 100 },
          ],
        })(plan),
      expected: [
        [
          "customer-key-encryption",
          "batch-spot",
          "advisory",
          [
            'ec2 spot instance request "batch-spot" ebsBlockDevices[1]',
            "no customer-managed key (unencrypted, or a key the provider holds)",
          ],
        ],
      ],
      twinName: "both its block devices are encrypted with the program's key",
      twin: (plan) =>
        addInstance("aws:ec2/spotInstanceRequest:SpotInstanceRequest", "batch-spot", {
          ami: "ami-records",
          instanceType: "t3.micro",
          subnetId: "subnet-records",
          ebsBlockDevices: ["/dev/sdf", "/dev/sdg"].map((deviceName) => ({
            deviceName,
            encrypted: true,
            kmsKeyId: named(plan, "key").outputs.arn,
          })),
        })(plan),
    },
    {
      // An instance-store volume and the AMI's own root volume are no mapping of an EBS volume.
      name: "a launch template maps an EBS volume encrypted with EBS's own key",
      bad: add("aws:ec2/launchTemplate:LaunchTemplate", "workers", {
        imageId: "ami-records",
        blockDeviceMappings: [
          { deviceName: "/dev/sdb", virtualName: "ephemeral0" },
          { deviceName: "/dev/sdf", ebs: { encrypted: "true", volumeSize: 100 } },
        ],
      }),
      expected: [
        [
          "customer-key-encryption",
          "workers",
          "advisory",
          [
            'ec2 launch template "workers" blockDeviceMappings[1]',
            "no customer-managed key (unencrypted, or a key the provider holds)",
          ],
        ],
      ],
      twinName: "the volume it maps is encrypted with the program's key",
      twin: (plan) =>
        add(
          "aws:ec2/launchTemplate:LaunchTemplate",
          "workers",
          {
            imageId: "ami-records",
            blockDeviceMappings: [
              { deviceName: "/dev/sdb", virtualName: "ephemeral0" },
              {
                deviceName: "/dev/sdf",
                ebs: { encrypted: "true", kmsKeyId: named(plan, "key").outputs.arn },
              },
            ],
          },
          { dependsOn: { blockDeviceMappings: ["key"] } },
        )(plan),
    },
    {
      // Kubernetes Secrets in the control plane: without a key named, on one AWS holds.
      name: "an EKS cluster's Secrets are not encrypted with a customer key",
      bad: add("aws:eks/cluster:Cluster", "apps", {
        roleArn: `arn:aws:iam::${account}:role/eks`,
        vpcConfig: { endpointPublicAccess: false, subnetIds: ["subnet-records"] },
      }),
      expected: [noCustomerKey("apps", 'eks cluster "apps"')],
      twinName: "its Secrets are encrypted with the program's key",
      twin: eksCluster("apps", {
        roleArn: `arn:aws:iam::${account}:role/eks`,
        vpcConfig: { endpointPublicAccess: false, subnetIds: ["subnet-records"] },
      }),
    },
    // Stores on a key the service holds (or none), each beside its twin on the program's key.
    ...serviceKeyCases(
      [
        [
          "a DocumentDB cluster",
          "aws:docdb/cluster:Cluster",
          "docs",
          'docdb cluster "docs"',
          { storageEncrypted: true },
          "kmsKeyId",
        ],
        [
          "a Neptune cluster",
          "aws:neptune/cluster:Cluster",
          "graph",
          'neptune cluster "graph"',
          { storageEncrypted: true },
          "kmsKeyArn",
        ],
        [
          "a MemoryDB cluster",
          "aws:memorydb/cluster:Cluster",
          "sessions",
          'memorydb cluster "sessions"',
          { nodeType: "db.t4g.small" },
          "kmsKeyArn",
        ],
        [
          "an FSx for Lustre file system",
          "aws:fsx/lustreFileSystem:LustreFileSystem",
          "scratch",
          'fsx lustre file system "scratch"',
          { storageCapacity: 1200, deploymentType: "PERSISTENT_2", subnetIds: ["subnet-a"] },
          "kmsKeyId",
        ],
        [
          "an FSx for ONTAP file system",
          "aws:fsx/ontapFileSystem:OntapFileSystem",
          "shares",
          'fsx ontap file system "shares"',
          { deploymentType: "SINGLE_AZ_1", storageCapacity: 1024, subnetIds: ["subnet-a"] },
          "kmsKeyId",
        ],
        [
          "an FSx for OpenZFS file system",
          "aws:fsx/openZfsFileSystem:OpenZfsFileSystem",
          "home",
          'fsx open zfs file system "home"',
          { deploymentType: "SINGLE_AZ_1", storageCapacity: 64, subnetIds: ["subnet-a"] },
          "kmsKeyId",
        ],
        [
          "a Backup vault",
          "aws:backup/vault:Vault",
          "vault",
          'backup vault "vault"',
          {},
          "kmsKeyArn",
        ],
        [
          "a log group",
          "aws:cloudwatch/logGroup:LogGroup",
          "app-logs",
          'cloudwatch log group "app-logs"',
          { retentionInDays: 30 },
          "kmsKeyId",
        ],
        [
          "an SNS topic",
          "aws:sns/topic:Topic",
          "events",
          'sns topic "events"',
          { kmsMasterKeyId: "alias/aws/sns" },
          "kmsMasterKeyId",
        ],
        [
          "a SecureString parameter",
          "aws:ssm/parameter:Parameter",
          "db-password",
          'ssm parameter "db-password"',
          { type: "SecureString", value: "not-a-secret" },
          "keyId",
        ],
        [
          "an ECR repository",
          "aws:ecr/repository:Repository",
          "images",
          'ecr repository "images"',
          { encryptionConfigurations: [{ encryptionType: "KMS" }] },
          "encryptionConfigurations",
        ],
      ] as const,
      ([, type, name, , inputs, keyPath]) =>
        keyPath === "encryptionConfigurations"
          ? (plan: Plan) =>
              add(
                type,
                name,
                {
                  encryptionConfigurations: [
                    { encryptionType: "KMS", kmsKey: named(plan, "key").outputs.arn },
                  ],
                },
                { dependsOn: { encryptionConfigurations: ["key"] } },
              )(plan)
          : keyedAdd(type, name, inputs, keyPath),
    ),
    {
      // Encrypted without a key of its own, a copy is on the region's default key.
      name: "an AMI copy is encrypted with EBS's own key",
      bad: add("aws:ec2/amiCopy:AmiCopy", "golden-copy", { ...amiCopy, encrypted: true }),
      expected: [noCustomerKey("golden-copy", 'ec2 ami copy "golden-copy"')],
      twinName: "the program makes its key the region's default",
      twin: pipe(
        programEbsKey,
        add("aws:ec2/amiCopy:AmiCopy", "golden-copy", { ...amiCopy, encrypted: true }),
      ),
    },
    {
      name: "a snapshot copy is left unencrypted",
      bad: add("aws:ebs/snapshotCopy:SnapshotCopy", "backup-copy", snapshotCopy),
      expected: [noCustomerKey("backup-copy", 'ebs snapshot copy "backup-copy"')],
      twinName: "the copy is encrypted with the program's key",
      twin: (plan) =>
        add(
          "aws:ebs/snapshotCopy:SnapshotCopy",
          "backup-copy",
          { ...snapshotCopy, encrypted: true, kmsKeyId: named(plan, "key").outputs.arn },
          { dependsOn: { kmsKeyId: ["key"] } },
        )(plan),
    },
    {
      // A launch configuration names no key: encrypted, its volumes are on the region's default.
      name: "a launch configuration's encrypted root volume is on EBS's own key",
      bad: launchConfigurationWhereDefault(false, [{ deviceName: "/dev/sdf", encrypted: true }]),
      expected: [
        noCustomerKey("workers", 'ec2 launch configuration "workers" rootBlockDevice'),
        noCustomerKey("workers", 'ec2 launch configuration "workers" ebsBlockDevices[0]'),
      ],
      twinName: "the program makes its key the region's default, and a suppressed device is none",
      twin: launchConfigurationWhereDefault(true, [
        { deviceName: "/dev/sdf", encrypted: true },
        { deviceName: "/dev/sdb", noDevice: true },
      ]),
    },
    {
      // The default key encrypts a volume of the configuration only when the volume is encrypted.
      name: "a launch configuration leaves an EBS block device unencrypted",
      bad: launchConfigurationWhereDefault(true, [{ deviceName: "/dev/sdf", volumeSize: 100 }]),
      expected: [noCustomerKey("workers", 'ec2 launch configuration "workers" ebsBlockDevices[0]')],
      twinName: "the block device is encrypted on the region's default key",
      twin: launchConfigurationWhereDefault(true, [
        { deviceName: "/dev/sdf", volumeSize: 100, encrypted: true },
      ]),
    },
    {
      name: "a bucket is encrypted with the S3-managed key",
      bad: set("records-encryption", (p) => {
        rule0(p).applyServerSideEncryptionByDefault = { sseAlgorithm: "AES256" };
      }),
      expected: [noCustomerKey("records", 's3 bucket "records"')],
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
      name: "a Redshift cluster is left unencrypted",
      bad: add("aws:redshift/cluster:Cluster", "warehouse", {
        clusterIdentifier: "warehouse",
        nodeType: "ra3.large",
        encrypted: "false",
      }),
      expected: [noCustomerKey("warehouse", 'redshift cluster "warehouse"')],
      twinName: "the cluster is encrypted with the program's key",
      twin: (plan) =>
        add("aws:redshift/cluster:Cluster", "warehouse", {
          clusterIdentifier: "warehouse",
          nodeType: "ra3.large",
          encrypted: "true",
          kmsKeyId: named(plan, "key").outputs.arn,
        })(plan),
    },
    {
      name: "a queue keeps SQS's own key",
      bad: add("aws:sqs/queue:Queue", "jobs", { kmsMasterKeyId: "alias/aws/sqs" }),
      expected: [noCustomerKey("jobs", 'sqs queue "jobs"')],
      twinName: "the queue is encrypted with the program's key",
      twin: (plan) =>
        add("aws:sqs/queue:Queue", "jobs", {
          kmsMasterKeyId: named(plan, "key").outputs.arn,
        })(plan),
    },
    {
      name: "a Kinesis stream is encrypted with the service's key",
      bad: add("aws:kinesis/stream:Stream", "clicks", {
        shardCount: 1,
        encryptionType: "KMS",
        kmsKeyId: "alias/aws/kinesis",
      }),
      expected: [noCustomerKey("clicks", 'kinesis stream "clicks"')],
      twinName: "the stream is encrypted with the program's key",
      twin: streamOnTheProgramsKey,
    },
    {
      // The program's key named while encryption is off: the stream is not encrypted with it.
      name: "a Kinesis stream names the program's key but is not encrypted",
      bad: (plan) =>
        add("aws:kinesis/stream:Stream", "clicks", {
          shardCount: 1,
          encryptionType: "NONE",
          kmsKeyId: named(plan, "key").outputs.arn,
        })(plan),
      expected: [noCustomerKey("clicks", 'kinesis stream "clicks"')],
      twinName: "the stream is encrypted with it",
      twin: streamOnTheProgramsKey,
    },
    {
      name: "a Redis replication group is encrypted at rest with ElastiCache's own key",
      bad: add("aws:elasticache/replicationGroup:ReplicationGroup", "sessions", {
        description: "sessions",
        engine: "redis",
        nodeType: "cache.t4g.small",
        atRestEncryptionEnabled: true,
      }),
      expected: [noCustomerKey("sessions", 'elasticache replication group "sessions"')],
      // A global datastore's secondary takes its encryption from the primary: judged there.
      twinName:
        "the group is a secondary of a global datastore whose primary has the program's key",
      twin: (plan) =>
        pipe(
          add("aws:elasticache/replicationGroup:ReplicationGroup", "sessions-primary", {
            replicationGroupId: "sessions-primary",
            description: "sessions",
            engine: "redis",
            nodeType: "cache.t4g.small",
            atRestEncryptionEnabled: true,
            kmsKeyId: named(plan, "key").outputs.arn,
          }),
          add(
            "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup",
            "sessions",
            {
              globalReplicationGroupIdSuffix: "sessions",
              primaryReplicationGroupId: "sessions-primary",
            },
            { outputs: { globalReplicationGroupId: "ldgnf-sessions" } },
          ),
          add("aws:elasticache/replicationGroup:ReplicationGroup", "sessions", {
            description: "sessions",
            globalReplicationGroupId: "ldgnf-sessions",
          }),
        )(plan),
    },
    {
      name: "a Redis replication group names the program's key with encryption at rest off",
      bad: (plan) =>
        add("aws:elasticache/replicationGroup:ReplicationGroup", "sessions", {
          description: "sessions",
          engine: "redis",
          nodeType: "cache.t4g.small",
          atRestEncryptionEnabled: false,
          kmsKeyId: named(plan, "key").outputs.arn,
        })(plan),
      expected: [noCustomerKey("sessions", 'elasticache replication group "sessions"')],
      twinName: "the group is encrypted at rest with it",
      twin: encryptedSessions(),
    },
    {
      name: "a serverless cache keeps ElastiCache's own key",
      bad: add("aws:elasticache/serverlessCache:ServerlessCache", "sessions", {
        engine: "valkey",
        subnetIds: ["subnet-records"],
      }),
      expected: [noCustomerKey("sessions", 'elasticache serverless cache "sessions"')],
      twinName: "the cache is encrypted with the program's key",
      twin: (plan) =>
        add("aws:elasticache/serverlessCache:ServerlessCache", "sessions", {
          engine: "valkey",
          subnetIds: ["subnet-records"],
          kmsKeyId: named(plan, "key").outputs.arn,
        })(plan),
    },
    {
      name: "an OpenSearch domain in the stack's subnet is encrypted with the service's key",
      bad: add("aws:opensearch/domain:Domain", "logs-search", {
        domainName: "logs-search",
        vpcOptions: { subnetIds: ["subnet-records"] },
        encryptAtRest: { enabled: true },
      }),
      expected: [noCustomerKey("logs-search", 'opensearch domain "logs-search"')],
      twinName: "the domain is encrypted with the program's key",
      twin: (plan) =>
        add("aws:opensearch/domain:Domain", "logs-search", {
          domainName: "logs-search",
          vpcOptions: { subnetIds: ["subnet-records"] },
          encryptAtRest: { enabled: true, kmsKeyId: named(plan, "key").outputs.arn },
        })(plan),
    },
    {
      name: "the database is not encrypted",
      bad: set("db", (p) => {
        p.storageEncrypted = false;
      }),
      expected: [noCustomerKey("db", 'rds instance "db"')],
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
      expected: [noCustomerKey("api-token", 'secretsmanager secret "api-token"')],
      twinName: "the secret uses the program's key",
      twin: (plan) =>
        set("api-token", (p) => {
          p.kmsKeyId = named(plan, "key").outputs.arn;
        })(plan),
    },
  ]);
  describe("with the accounts' default disk encryption declared", () => {
    // The account has encryption by default on in Oregon, with a customer key of its own.
    const declared = (key: string, byDefault: boolean) => ({
      ...us,
      accountDiskEncryption: [{ cloud: "aws" as const, region: "us-west-2", key, byDefault }],
    });
    const accountKey = `arn:aws:kms:us-west-2:${account}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
    const scratch = add("aws:ebs/volume:Volume", "scratch", {
      availabilityZone: "us-west-2a",
      size: 100,
    });
    runCasesInBothPostures(pack, () => happy, declared(accountKey, true), [
      {
        // What the program sets for its region comes before what the account has.
        name: "the program turns encryption by default off where the account has it on",
        bad: pipe(
          add("aws:ebs/encryptionByDefault:EncryptionByDefault", "ebs-encryption", {
            enabled: false,
          }),
          scratch,
        ),
        expected: [noCustomerKey("scratch", 'ebs volume "scratch"')],
        twinName: "the volume is left to the account's encryption by default",
        twin: scratch,
      },
    ]);
    runCasesInBothPostures(pack, () => happy, declared(accountKey, false), [
      {
        // Without encryption by default, the default key encrypts only a volume that asks.
        name: "a volume is left unencrypted where the account's default key is a customer key",
        bad: scratch,
        expected: [noCustomerKey("scratch", 'ebs volume "scratch"')],
        twinName: "the volume is encrypted without a key of its own, on the account's default",
        twin: add("aws:ebs/volume:Volume", "scratch", {
          availabilityZone: "us-west-2a",
          size: 100,
          encrypted: true,
        }),
      },
    ]);
    runCasesInBothPostures(
      pack,
      () => happy,
      declared(`arn:aws:kms:us-west-2:${account}:alias/aws/ebs`, true),
      [
        {
          // The account's default is EBS's own key: no customer key, unless the program sets one.
          name: "a launch configuration's volumes are on the account's AWS-managed default key",
          bad: add("aws:ec2/launchConfiguration:LaunchConfiguration", "workers", {
            imageId: "ami-records",
            instanceType: "t3.micro",
          }),
          expected: [
            noCustomerKey("workers", 'ec2 launch configuration "workers" rootBlockDevice'),
          ],
          twinName: "the program makes its own key the region's default",
          twin: pipe(
            programEbsKey,
            add("aws:ec2/launchConfiguration:LaunchConfiguration", "workers", {
              imageId: "ami-records",
              instanceType: "t3.micro",
            }),
          ),
        },
      ],
    );
  });
});

test("a String parameter is no secret to encrypt: customer-key-encryption judges only SecureString", async () => {
  const plain = add("aws:ssm/parameter:Parameter", "config", { type: "String", value: "v1" });
  expect(summary(await pack.checkAll(happy, plain(happy), us, ["config"]))).toEqual([]);
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
  /** The EKS Service "api" with exactly these annotations, and these fields of its spec. */
  const apiService = (annotations: Record<string, string>, spec: Props = {}) =>
    set("api", (p) => {
      (p.metadata as Props).annotations = annotations;
      Object.assign(p.spec as Props, spec);
    });
  /** kubernetes-service-exposure's finding on "api": a load balancer that faces the internet. */
  const apiExposed: Finding = [
    "kubernetes-service-exposure",
    "api",
    "mandatory",
    ["the internet", 'k8s service "api"'],
  ];
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
  const deployment = (name: string, provider: string, namespace = "records", pod: Props = {}) =>
    deploymentOn(name, namespace, provider, pod);
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
  /**
   * An `eks.Cluster` component, as the engine records it offline: no provider, nothing inside,
   * and a Kubernetes provider "ops" whose kubeconfig comes from it.
   */
  const eksComponent = (name: string) =>
    pipe(
      (plan: Plan) => {
        const r = resource(plan, "aws:eks/cluster:Cluster", name, { desiredCapacity: 2 });
        const type = "eks:index:Cluster";
        const urn = r.urn.replace(r.type, type);
        return withResources(plan, {
          ...r,
          urn,
          type,
          custom: false,
          provider: undefined,
          id: undefined,
        });
      },
      onProvider({ kubeconfig: unknown }),
      (plan) => withDependencies(plan, "ops", { kubeconfig: [name] }),
    );
  /**
   * The same component as its plugin builds it: the EKS cluster and the vpc-cni add-on (with
   * these configuration values) registered inside it.
   */
  const eksComponentWithAddon = (configurationValues: Record<string, unknown>) =>
    pipe(
      eksComponent("platform"),
      eksCluster(
        "platform-eksCluster",
        { roleArn: `arn:aws:iam::${account}:role/eks`, vpcConfig: { endpointPublicAccess: false } },
        { parent: "platform" },
      ),
      add(
        "aws:eks/addon:Addon",
        "platform-vpc-cni",
        {
          clusterName: "platform-eksCluster",
          addonName: "vpc-cni",
          configurationValues: JSON.stringify(configurationValues),
        },
        { parent: "platform", dependsOn: { clusterName: ["platform-eksCluster"] } },
      ),
    );
  /**
   * That component's cluster (network policy on) with its nodes in the program's subnet or in
   * one of another stack, and a workload "agent" of its namespace "records" on its node's network.
   */
  const agentOnComponentCluster = (nodes: "program" | "elsewhere") =>
    pipe(
      eksComponentWithAddon({ enableNetworkPolicy: "true" }),
      (plan) =>
        set("platform-eksCluster", (p) => {
          (p.vpcConfig as Props).subnetIds = [
            nodes === "program" ? (named(plan, "subnet").outputs.id as string) : "subnet-0ab1",
          ];
        })(plan),
      (plan) =>
        withDependencies(plan, "platform-eksCluster", {
          encryptionConfig: ["key"],
          ...(nodes === "program" ? { vpcConfig: ["subnet"] } : {}),
        }),
      // The self-managed nodes of the component's default node group, in the same subnet.
      (plan) =>
        add(
          "aws:autoscaling/group:Group",
          "platform-nodes",
          {
            vpcZoneIdentifiers: [
              nodes === "program" ? (named(plan, "subnet").outputs.id as string) : "subnet-0ab1",
            ],
            minSize: 1,
            maxSize: 2,
          },
          {
            parent: "platform",
            ...(nodes === "program" ? { dependsOn: { vpcZoneIdentifiers: ["subnet"] } } : {}),
          },
        )(plan),
      deployment("agent", "ops", "records", { hostNetwork: true }),
    );
  const declared = (region: string): CheckOptions => ({
    ...us,
    clusters: [{ context: "records-prod", cloud: "aws", region }],
  });
  /** A kubeconfig of an EKS cluster in Oregon (its current context) and one in Frankfurt. */
  const twoEks = [
    "apiVersion: v1",
    "kind: Config",
    "clusters:",
    "- name: oregon",
    "  cluster:",
    "    server: https://0A1B2C3D.gr7.us-west-2.eks.amazonaws.com",
    "- name: frankfurt",
    "  cluster:",
    "    server: https://0A1B2C3D.gr7.eu-central-1.eks.amazonaws.com",
    "contexts:",
    "- name: oregon",
    "  context: {cluster: oregon, user: ops}",
    "current-context: oregon",
    "users:",
    "- name: ops",
    "  user: {token: redacted}",
  ].join("\n");
  const unplaced: Finding = [
    "kubernetes-cluster-placement",
    "ops",
    "mandatory",
    ['kubernetes provider "ops"', "a cluster the pack cannot place"],
  ];

  /** A LoadBalancer Service of the ops provider's cluster, with these annotations. */
  const opsLoadBalancer = (annotations: Record<string, string>) =>
    add(
      "kubernetes:core/v1:Service",
      "ops-api",
      {
        metadata: { namespace: "records", annotations },
        spec: { type: "LoadBalancer", selector: { app: "ingest" }, ports: [{ port: 443 }] },
      },
      { provider: "ops" },
    );
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
  /** An object of the happy path's cluster: these fields, in `namespace` with these `metadata`. */
  const inCluster = (
    type: string,
    name: string,
    fields: Props,
    namespace = "records",
    metadata: Props = {},
  ) => add(type, name, { metadata: { namespace, ...metadata }, ...fields }, { provider: "kube" });
  /** A Strimzi Kafka of the happy path's cluster with these listeners and `kafka` fields. */
  const kafka = (listeners: Props[], more: Props = {}) =>
    inCluster(
      "kubernetes:kafka.strimzi.io/v1beta2:Kafka",
      "kafka",
      { spec: { kafka: { replicas: 3, storage: { type: "ephemeral" }, listeners, ...more } } },
      "records",
      { name: "events" },
    );
  const internalLb = { "service.beta.kubernetes.io/aws-load-balancer-scheme": "internal" };
  /** A loadbalancer listener annotating its bootstrap Service and these brokers' as internal. */
  const internalBrokers = (brokers: number[], configuration: Props = {}): Props => ({
    name: "external",
    port: 9094,
    type: "loadbalancer",
    tls: true,
    configuration: {
      bootstrap: { annotations: internalLb },
      brokers: brokers.map((broker) => ({ broker, annotations: internalLb })),
      ...configuration,
    },
  });
  /** A listener of type ingress with this configuration, each of the three brokers at a host. */
  const ingressListener = (configuration: Props): Props => ({
    name: "external",
    port: 9094,
    type: "ingress",
    tls: true,
    configuration: {
      brokers: [0, 1, 2].map((broker) => ({ broker, host: `b${broker}.kafka.example.com` })),
      ...configuration,
    },
  });
  /** The Kafka's template asking for an internet-facing ALB for its bootstrap Ingress. */
  const internetFacingBootstrap: Props = {
    template: {
      externalBootstrapIngress: {
        metadata: { annotations: { "alb.ingress.kubernetes.io/scheme": "internet-facing" } },
      },
    },
  };
  /** A CloudNativePG Cluster of the happy path's cluster with one additional managed Service. */
  const pgService = (serviceTemplate: Props) =>
    inCluster("kubernetes:postgresql.cnpg.io/v1:Cluster", "records-db", {
      spec: {
        instances: 3,
        storage: { size: "10Gi" },
        managed: { services: { additional: [{ selectorType: "rw", serviceTemplate }] } },
      },
    });
  /** A MariaDB of the MariaDB operator on the happy path's cluster, with these `spec` fields. */
  const mariadb = (spec: Props) =>
    inCluster("kubernetes:k8s.mariadb.com/v1alpha1:MariaDB", "orders-db", {
      spec: { replicas: 3, storage: { size: "10Gi" }, ...spec },
    });
  /**
   * A Zalando postgresql with its master's load balancer (or the load balancer `flags`),
   * reachable from `ranges`.
   */
  const zalando = (ranges: string[], flags: Props = { enableMasterLoadBalancer: true }) =>
    inCluster("kubernetes:acid.zalan.do/v1:postgresql", "orders-pg", {
      spec: {
        teamId: "orders",
        numberOfInstances: 2,
        volume: { size: "10Gi" },
        postgresql: { version: "16" },
        ...flags,
        allowedSourceRanges: ranges,
      },
    });
  /**
   * A Redis operator server (`kind`) of the happy path's cluster with these fields of its
   * `kubernetesConfig`, and of its `spec`.
   */
  const redis = (kubernetesConfig: Props, kind = "Redis", spec: Props = {}) =>
    inCluster(`kubernetes:redis.redis.opstreelabs.in/v1beta2:${kind}`, "cache", {
      spec: {
        kubernetesConfig: { image: "quay.io/opstree/redis:v7.0.15", ...kubernetesConfig },
        ...spec,
      },
    });
  /** The Zalando operator's configuration with these load balancer settings. */
  const zalandoOperator = (loadBalancer: Props) =>
    inCluster(
      "kubernetes:acid.zalan.do/v1:OperatorConfiguration",
      "postgres-operator",
      {
        configuration: { load_balancer: loadBalancer },
      },
      "postgres-operator",
    );
  /** The Zalando operator's legacy configuration, a ConfigMap of flat settings. */
  const zalandoConfigMap = (data: Record<string, string>) =>
    inCluster("kubernetes:core/v1:ConfigMap", "postgres-operator", { data }, "postgres-operator");
  /** kubernetes-namespace-egress's finding on workload "tunnel" on its node's network. */
  const hostNetworkPods: Finding = [
    "kubernetes-namespace-egress",
    "tunnel",
    "mandatory",
    [
      'k8s deployment "tunnel"',
      "pod egress (hostNetwork, outside NetworkPolicy)",
      "every address (any country)",
    ],
  ];
  /** A managed node group of the happy path's cluster, in `subnet`, from a launch template. */
  const nodeGroup = (subnet: string) =>
    add(
      "aws:eks/nodeGroup:NodeGroup",
      "nodes",
      {
        clusterName: unknown,
        nodeRoleArn: `arn:aws:iam::${account}:role/eks-nodes`,
        subnetIds: [unknown],
        scalingConfig: { desiredSize: 2, minSize: 1, maxSize: 3 },
        launchTemplate: { id: "lt-records", version: "$Latest" },
      },
      { dependsOn: { clusterName: ["cluster"], subnetIds: [subnet] } },
    );

  /** The node group in a subnet of its own that gives its nodes public IPs on launch. */
  const publicNodeGroup = pipe(
    add("aws:ec2/subnet:Subnet", "public-nodes", {
      vpcId: unknown,
      cidrBlock: "10.30.9.0/24",
      mapPublicIpOnLaunch: true,
    }),
    nodeGroup("public-nodes"),
  );
  /** What public nodes make of a port the object `name` (labelled `label`) opens on them. */
  const onPublicNodes = (name: string, label: string): Finding[] => [
    [
      "internet-egress",
      "public-nodes",
      "mandatory",
      ['subnet "public-nodes"', "the internet (any country)"],
    ],
    [
      "kubernetes-service-exposure",
      name,
      "mandatory",
      [
        "the internet",
        'eks node group "nodes" in subnet "public-nodes" (public IPs on launch)',
        label,
      ],
    ],
  ];

  /** An Ingress of class alb (or `className`) in the records namespace. */
  const ingress = (
    annotations: Record<string, string>,
    provider = "kube",
    className: string | null = "alb",
  ) =>
    add(
      "kubernetes:networking.k8s.io/v1:Ingress",
      "web",
      {
        metadata: { namespace: "records", annotations },
        spec: {
          ...(className === null ? {} : { ingressClassName: className }),
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
  /** The IngressClass the program's own ingress-nginx install creates on the happy path's cluster. */
  const nginxClass = add(
    "kubernetes:networking.k8s.io/v1:IngressClass",
    "nginx",
    { metadata: { name: "nginx" }, spec: { controller: "k8s.io/ingress-nginx" } },
    { provider: "kube" },
  );
  /** A sealed ACK cluster in Silicon Valley and a provider built from it. */
  const ackCluster = pipe(
    addProvider("alicloud", "ali-us", { region: "us-west-1" }),
    add("alicloud:kms/key:Key", "ack-secrets", {}, { provider: "ali-us" }),
    add(
      "alicloud:cs/managedKubernetes:ManagedKubernetes",
      "ack",
      {
        workerVswitchIds: ["vsw-apps"],
        newNatGateway: false,
        slbInternetEnabled: false,
        addons: [{ name: "nginx-ingress-controller", disabled: true }],
        encryptionProviderKey: unknown,
      },
      { provider: "ali-us", dependsOn: { encryptionProviderKey: ["ack-secrets"] } },
    ),
    addProvider("kubernetes", "ack-kube", { kubeconfig: unknown }),
    (plan: Plan) => withDependencies(plan, "ack-kube", { kubeconfig: ["ack"] }),
    defaultDeny("ack-deny", "ack-kube"),
  );
  /**
   * AlbConfig is a custom resource of ACK's controller, not a type of the SDKs: a team that
   * reviewed it lists it under allowTypes.
   */
  const reviewedKind = (type: string): CheckOptions => ({
    ...us,
    policies: { "reviewed-resource-types": { allowTypes: [type] } },
  });
  const albReviewed = reviewedKind("kubernetes:alibabacloud.com/v1:AlbConfig");
  /**
   * The alb IngressClass of a cluster (through provider `provider`, of controller `controller`)
   * and the parameters object it names: `type` (its kind the type's last part), named `name`,
   * with `spec`, whose values `specFrom` names the resources of.
   */
  const albClassWith = (
    provider: string,
    controller: string,
    type: string,
    name: string,
    spec: Props,
    specFrom?: readonly string[],
  ) => {
    const [, group, kind] = /^kubernetes:([^/]+)\/[^:]+:(.+)$/.exec(type) ?? [];
    return pipe(
      add(
        "kubernetes:networking.k8s.io/v1:IngressClass",
        "alb",
        {
          metadata: { name: "alb" },
          spec: { controller, parameters: { apiGroup: group, kind, name } },
        },
        { provider },
      ),
      add(
        type,
        name,
        { metadata: { name }, spec },
        { provider, ...(specFrom ? { dependsOn: { spec: specFrom } } : {}) },
      ),
    );
  };
  /** The ACK cluster installs the ALB Ingress add-on with a default ALB of this address type. */
  const albAddon = (addressType: string) =>
    set("ack", (p) => {
      p.addons = [
        { name: "nginx-ingress-controller", disabled: true },
        {
          name: "alb-ingress-controller",
          config: JSON.stringify({
            albIngress: { CreateDefaultALBConfig: true, AddressType: addressType },
          }),
        },
      ];
    });
  /** The same add-on installed as a `cs.KubernetesAddon` of the cluster. */
  const albAddonResource = (addressType: string) =>
    add(
      "alicloud:cs/kubernetesAddon:KubernetesAddon",
      "alb-addon",
      {
        clusterId: unknown,
        name: "alb-ingress-controller",
        config: JSON.stringify({
          albIngress: { CreateDefaultALBConfig: true, AddressType: addressType },
        }),
      },
      { provider: "ali-us", dependsOn: { clusterId: ["ack"] } },
    );
  /**
   * The alb IngressClass of the ACK cluster and an AlbConfig of an Internet ALB whose one
   * listener has `aclConfig`.
   */
  const albListener = (aclConfig: Props) =>
    albClassWith(
      "ack-kube",
      "ingress.k8s.alibabacloud/alb",
      "kubernetes:alibabacloud.com/v1:AlbConfig",
      "office-alb",
      {
        config: { name: "office-alb", addressType: "Internet" },
        listeners: [{ port: 443, protocol: "HTTPS", aclConfig }],
      },
    );
  /** An ACL `name` of the program (ALB's or SLB's) holding `entry`, by an entry attachment. */
  const aclHolding = (product: "alb" | "slb", name: string, entry: string) =>
    pipe(
      add(`alicloud:${product}/acl:Acl`, name, { name: "office" }, { provider: "ali-us" }),
      add(
        `alicloud:${product}/aclEntryAttachment:AclEntryAttachment`,
        `${name}-entry`,
        { aclId: unknown, entry },
        { provider: "ali-us", dependsOn: { aclId: [name] } },
      ),
    );
  /**
   * An ALB ACL "office-acl" of the program holding `entry` (by an entry attachment), and the AlbConfig
   * of an Internet ALB whose listener whitelists it by `aclIds` (its ID not known at preview).
   */
  const albAclById = (entry: string) =>
    pipe(
      aclHolding("alb", "office-acl", entry),
      albClassWith(
        "ack-kube",
        "ingress.k8s.alibabacloud/alb",
        "kubernetes:alibabacloud.com/v1:AlbConfig",
        "office-alb",
        {
          config: { name: "office-alb", addressType: "Internet" },
          listeners: [
            { port: 443, protocol: "HTTPS", aclConfig: { aclType: "White", aclIds: [unknown] } },
          ],
        },
        ["office-acl"],
      ),
    );
  /**
   * An SLB ACL "office-slb-acl" of the program holding `entry`, and a LoadBalancer Service "lb" on
   * the ACK cluster whose access-control annotations whitelist it.
   */
  const ackAclService = (entry: string) =>
    pipe(
      aclHolding("slb", "office-slb-acl", entry),
      add(
        "kubernetes:core/v1:Service",
        "lb",
        {
          metadata: {
            namespace: "records",
            annotations: {
              "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-acl-status": "on",
              "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-acl-type": "white",
              "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-acl-id": unknown,
            },
          },
          spec: { type: "LoadBalancer", selector: { app: "ingest" }, ports: [{ port: 443 }] },
        },
        { provider: "ack-kube", dependsOn: { metadata: ["office-slb-acl"] } },
      ),
    );
  /** A patch of the DaemonSet "agent" of namespace "intake" (no default deny) with this pod spec. */
  const patchedDaemonSet = (podSpec: Props) =>
    add(
      "kubernetes:apps/v1:DaemonSetPatch",
      "agent-patch",
      {
        metadata: { name: "agent", namespace: "intake" },
        spec: { template: { spec: podSpec } },
      },
      { provider: "kube" },
    );
  /** The alb IngressClass of the ACK cluster and the AlbConfig it names. */
  const albClass = (addressType: string) =>
    albClassWith(
      "ack-kube",
      "ingress.k8s.alibabacloud/alb",
      "kubernetes:alibabacloud.com/v1:AlbConfig",
      "internal-alb",
      { config: { name: "internal-alb", addressType } },
    );
  /**
   * The alb IngressClass of the EKS cluster and the AWS Load Balancer Controller's
   * IngressClassParams it names (a custom resource of the controller, which a team that reviewed
   * it lists under allowTypes).
   */
  const paramsReviewed = reviewedKind("kubernetes:elbv2.k8s.aws/v1beta1:IngressClassParams");
  const eksAlbClass = (spec: Props) =>
    albClassWith(
      "kube",
      "ingress.k8s.aws/alb",
      "kubernetes:elbv2.k8s.aws/v1beta1:IngressClassParams",
      "shared",
      spec,
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
  /** kubernetes-namespace-egress's finding on the fixture's EKS cluster, enforcing no NetworkPolicy. */
  const unenforced: Finding = [
    "kubernetes-namespace-egress",
    "cluster",
    "mandatory",
    ['eks cluster "cluster"', "NetworkPolicies not enforced", "every address (any country)"],
  ];
  /** The fixture's EKS cluster without the vpc-cni add-on, running pods in records. */
  const noVpcCni = pipe(
    (plan: Plan) => without(plan, "vpc-cni"),
    deployment("ingest", "kube", "records"),
  );
  /** The same on Auto Mode. */
  const autoMode = pipe(
    set("cluster", (i) => {
      i.computeConfig = { enabled: true, nodePools: ["general-purpose"] };
    }),
    noVpcCni,
  );
  /** The ConfigMap that turns on the VPC CNI's network policy controller. */
  const controllerConfigMap = add(
    "kubernetes:core/v1:ConfigMap",
    "amazon-vpc-cni",
    {
      metadata: { name: "amazon-vpc-cni", namespace: "kube-system" },
      data: { "enable-network-policy-controller": "true" },
    },
    { provider: "kube" },
  );
  const cases: WholePlanCase[] = [
    {
      name: "a provider uses the ambient kubeconfig",
      bad: onProvider({}),
      expected: [unplaced],
      message:
        'kubernetes provider "ops" must deploy to a cluster placed inside US, but the pack cannot tell where its cluster is: it uses the ambient kubeconfig (KUBECONFIG or ~/.kube/config) of whoever runs Pulumi, and it selects no context the stack config declares. Its 2 Kubernetes objects (k8s deployment "ingest" and k8s networkpolicy "ops-deny") could run in any country. Build the provider\'s kubeconfig from a cluster this program creates (alicloud.cs.ManagedKubernetes, aws.eks.Cluster), or declare where the cluster is: pass the cluster\'s kubeconfig context as the provider\'s context argument, and add that context with its cloud and region to the stack config, e.g. sovereign-dc:clusters: [{ context: "<context>", cloud: aws, region: us-west-2 }], with a region inside US; a cluster in a data center of your own by its site and country instead, e.g. sovereign-dc:clusters: [{ context: "<context>", site: "<data center>", country: US }].',
      twinName: "its context is declared in Virginia",
      twin: onProvider({ context: "records-prod" }),
      twinSettings: declared("us-east-1"),
    },
    {
      name: "a provider renders its objects to files instead of deploying them",
      bad: onProvider({ renderYamlToDirectory: "rendered", context: "records-prod" }),
      expected: [unplaced],
      message:
        'kubernetes provider "ops" must deploy to a cluster placed inside US, but the pack cannot tell where its cluster is: it renders its objects into the folder "rendered" (renderYamlToDirectory) instead of deploying them, and whoever applies those files picks the cluster outside this program. Its 2 Kubernetes objects (k8s deployment "ingest" and k8s networkpolicy "ops-deny") could run in any country. Deploy them through a provider whose cluster the pack can place (built from a cluster this program creates, or with a context sovereign-dc:clusters declares) instead of rendering them to files, or check the pipeline that applies the files.',
      twinName: "the provider deploys to the declared cluster of its context in Oregon",
      twin: onProvider({ context: "records-prod" }),
      twinSettings: declared("us-west-2"),
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
      // `cluster` overrides the current context's cluster: the provider talks to Frankfurt.
      name: "a provider's cluster input switches its kubeconfig from Oregon to an EKS cluster in Frankfurt",
      bad: onProvider({ kubeconfig: twoEks, cluster: "frankfurt" }),
      expected: [
        [
          "kubernetes-cluster-placement",
          "ops",
          "mandatory",
          [
            'kubernetes provider "ops"',
            "cluster at https://0A1B2C3D.gr7.eu-central-1.eks.amazonaws.com",
            "eu-central-1 (outside US, in EU)",
          ],
        ],
      ],
      twinName: "the provider's cluster input names the cluster in Oregon",
      twin: onProvider({ kubeconfig: twoEks, cluster: "oregon" }),
    },
    {
      name: "a provider's cluster input names no cluster of its kubeconfig",
      bad: onProvider({ kubeconfig: twoEks, cluster: "records" }),
      expected: [unplaced],
      message:
        'kubernetes provider "ops" must deploy to a cluster placed inside US, but the pack cannot tell where its cluster is: its kubeconfig is given as text (a file, a secret or config), which ties it to no cluster of this program, and it overrides its context\'s cluster with cluster "records", which names no cluster of its kubeconfig. Its 2 Kubernetes objects (k8s deployment "ingest" and k8s networkpolicy "ops-deny") could run in any country. Name a cluster the kubeconfig holds (kubectl config get-clusters) in the provider\'s cluster argument, or drop the override so the provider talks to its context\'s cluster.',
      twinName: "the provider keeps its kubeconfig's current context, in Oregon",
      twin: onProvider({ kubeconfig: twoEks }),
    },
    {
      name: "a provider whose context is declared in Oregon overrides its cluster with one the declaration does not cover",
      bad: onProvider({ context: "records-prod", cluster: "frankfurt" }),
      settings: declared("us-west-2"),
      expected: [unplaced],
      message:
        'kubernetes provider "ops" must deploy to a cluster placed inside US, but the pack cannot tell where its cluster is: it uses the ambient kubeconfig (KUBECONFIG or ~/.kube/config) of whoever runs Pulumi, and it overrides its context\'s cluster with cluster "frankfurt", which the declaration of its context "records-prod" in sovereign-dc:clusters does not cover. Its 2 Kubernetes objects (k8s deployment "ingest" and k8s networkpolicy "ops-deny") could run in any country. Drop the cluster override (the provider\'s cluster argument) so the provider talks to its context\'s cluster, or declare where cluster "frankfurt" is: add it with its context, cloud and region to the stack config, e.g. sovereign-dc:clusters: [{ context: "records-prod", cluster: "frankfurt", cloud: aws, region: us-west-2 }], with a region inside US.',
      twinName: "the provider keeps its context's declared cluster",
      twin: onProvider({ context: "records-prod" }),
      twinSettings: declared("us-west-2"),
    },
    {
      name: "the cluster a provider overrides its context's with is declared in Frankfurt",
      bad: onProvider({ context: "records-prod", cluster: "frankfurt" }),
      settings: {
        ...us,
        clusters: [
          { context: "records-prod", cloud: "aws", region: "us-west-2" },
          { context: "records-prod", cluster: "frankfurt", cloud: "aws", region: "eu-central-1" },
        ],
      },
      expected: [
        [
          "kubernetes-cluster-placement",
          "ops",
          "mandatory",
          [
            'kubernetes provider "ops"',
            'cluster "frankfurt" of context "records-prod"',
            "eu-central-1 (outside US, in EU)",
          ],
        ],
      ],
      twinName: "the cluster it overrides its context's with is declared in Oregon",
      twin: onProvider({ context: "records-prod", cluster: "portland" }),
      twinSettings: {
        ...us,
        clusters: [
          { context: "records-prod", cluster: "portland", cloud: "aws", region: "us-west-2" },
        ],
      },
    },
    {
      name: "a provider's kubeconfig comes from a stack reference",
      bad: pipe(stackReference("platform"), onProvider({ kubeconfig: unknown }), (plan) =>
        withDependencies(plan, "ops", { kubeconfig: ["platform"] }),
      ),
      expected: [unplaced],
      message:
        'kubernetes provider "ops" must deploy to a cluster placed inside US, but the pack cannot tell where its cluster is: its kubeconfig comes from pulumi stack reference "platform", not from a cluster resource the pack can place, and it selects no context the stack config declares.',
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
        eksCluster(
          "eu-cluster",
          {
            roleArn: `arn:aws:iam::${account}:role/eks`,
            vpcConfig: { endpointPublicAccess: false },
          },
          { provider: "frankfurt" },
        ),
        vpcCniWithPolicies("eu-cluster", { provider: "frankfurt" }),
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
          "resource-placement",
          "eu-cluster-vpc-cni",
          "mandatory",
          ['eks addon "eu-cluster-vpc-cni"', "eu-central-1 (outside US, in EU)"],
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
        eksCluster("eu-cluster", {
          roleArn: `arn:aws:iam::${account}:role/eks`,
          vpcConfig: { endpointPublicAccess: false },
        }),
        vpcCniWithPolicies("eu-cluster"),
        onProvider({ kubeconfig: unknown }),
        (plan) => withDependencies(plan, "ops", { kubeconfig: ["eu-cluster"] }),
      ),
    },
    {
      name: "a provider's kubeconfig comes from an eks.Cluster component, and the stack has aws providers in Oregon and Frankfurt",
      bad: pipe(
        addProvider("aws", "frankfurt", { region: "eu-central-1" }),
        eksComponent("platform"),
      ),
      expected: [
        [
          "resource-placement",
          "frankfurt",
          "mandatory",
          ['aws provider "frankfurt"', "eu-central-1 (outside US, in EU)"],
        ],
        [
          "kubernetes-cluster-placement",
          "ops",
          "mandatory",
          [
            'kubernetes provider "ops"',
            'eks cluster "platform"',
            'a place the pack cannot determine (eks cluster "platform" is created with one of the stack\'s aws providers, in eu-central-1, us-east-1, us-west-2, and offline the pack cannot tell which)',
          ],
        ],
      ],
      twinName:
        "its kubeconfig comes from an eks.Cluster component, which the stack's aws providers, in Oregon and Virginia, create",
      twin: eksComponent("platform"),
    },
    {
      name: "an EKS cluster runs hybrid nodes in an on-premises network not in the allowlist",
      bad: eksCluster("hybrid", {
        roleArn: `arn:aws:iam::${account}:role/eks`,
        vpcConfig: { endpointPublicAccess: false, subnetIds: ["subnet-records"] },
        remoteNetworkConfig: {
          remoteNodeNetworks: { cidrs: ["192.168.100.0/24"] },
          remotePodNetworks: { cidrs: ["198.51.100.0/26"] },
        },
      }),
      expected: [
        [
          "remote-sites",
          "hybrid",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'eks cluster "hybrid"',
            "192.168.100.0/24 (private address of a site the pack cannot place)",
          ],
        ],
      ],
      twinName: "its hybrid node and pod networks are allowlisted sites",
      twin: eksCluster("hybrid", {
        roleArn: `arn:aws:iam::${account}:role/eks`,
        vpcConfig: { endpointPublicAccess: false, subnetIds: ["subnet-records"] },
        remoteNetworkConfig: {
          remoteNodeNetworks: { cidrs: ["198.51.100.64/26"] },
          remotePodNetworks: { cidrs: ["198.51.100.0/26"] },
        },
      }),
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
        'k8s namespace "intake" must deny pod egress by default, but no NetworkPolicy in it selects every pod (podSelector: {}) with policyTypes ["Egress"] — nor a Cilium policy (endpointSelector: {} with egress rules) or a Calico one (selector: all() with types Egress), of the namespace or of the whole cluster, nor an admin or baseline network policy that denies every pod egress to 0.0.0.0/0 and ::/0 — so the pods of k8s deployment "ingest" can reach any address, in any country. Add a default-deny egress NetworkPolicy to the namespace and allow only in-cluster peers and allowlisted destinations.',
      twinName: "the pods run in the namespace that denies egress by default",
      twin: deployment("ingest", "kube", "records"),
    },
    {
      // A default deny holds nothing where the VPC CNI applies no NetworkPolicy: enforcement is
      // off unless the vpc-cni add-on's configuration turns it on.
      name: "the cluster's vpc-cni add-on leaves network policy off, so the namespace's default deny is never applied",
      bad: pipe(
        set("vpc-cni", (i) => {
          i.configurationValues = JSON.stringify({ env: { ENABLE_PREFIX_DELEGATION: "true" } });
        }),
        deployment("ingest", "kube", "records"),
      ),
      expected: [unenforced],
      message:
        'eks cluster "cluster" must enforce the NetworkPolicies that deny its namespaces\' pod egress, but its vpc-cni add-on does not enable network policy (configurationValues enableNetworkPolicy), so the VPC CNI accepts NetworkPolicies and applies none, so the pods of namespace "records" can reach any address, in any country, whatever their default deny says. Install the vpc-cni add-on (aws.eks.Addon) with configurationValues {"enableNetworkPolicy": "true"}, or a network plugin that enforces NetworkPolicies (Cilium, Calico).',
      twinName: "the add-on enables network policy",
      twin: deployment("ingest", "kube", "records"),
    },
    {
      name: "the cluster has no vpc-cni add-on of the program, so the default VPC CNI enforces no NetworkPolicy",
      bad: noVpcCni,
      expected: [unenforced],
      twinName: "Cilium runs beside it (its DaemonSet in kube-system), enforcing the policies",
      twin: pipe(
        noVpcCni,
        add(
          "kubernetes:apps/v1:DaemonSet",
          "cilium",
          {
            metadata: { name: "cilium", namespace: "kube-system" },
            spec: {
              selector: { matchLabels: { "k8s-app": "cilium" } },
              template: {
                metadata: { labels: { "k8s-app": "cilium" } },
                spec: {
                  containers: [{ name: "agent", image: "quay.io/cilium/cilium:v1.18.0" }],
                },
              },
            },
          },
          { provider: "kube" },
        ),
        add(
          "kubernetes:networking.k8s.io/v1:NetworkPolicy",
          "kube-system-deny",
          {
            metadata: { namespace: "kube-system" },
            spec: { podSelector: {}, policyTypes: ["Egress"] },
          },
          { provider: "kube" },
        ),
      ),
    },
    {
      name: "an EKS Auto Mode cluster has not turned on its network policy controller",
      bad: autoMode,
      expected: [unenforced],
      twinName: "the amazon-vpc-cni ConfigMap of kube-system turns the controller on",
      twin: pipe(autoMode, controllerConfigMap),
    },
    {
      // Auto Mode's VPC CNI takes none of the add-on's options (auto-networking.html).
      name: "an EKS Auto Mode cluster relies on the vpc-cni add-on's option, which Auto Mode does not apply",
      bad: pipe(
        set("cluster", (i) => {
          i.computeConfig = { enabled: true, nodePools: ["general-purpose"] };
        }),
        deployment("ingest", "kube", "records"),
      ),
      expected: [unenforced],
      twinName: "a cluster not on Auto Mode whose add-on's configuration, in YAML, enables it",
      twin: pipe(
        set("vpc-cni", (i) => {
          i.configurationValues = 'enableNetworkPolicy: "true"\n';
        }),
        deployment("ingest", "kube", "records"),
      ),
    },
    {
      // The ConfigMap turns on the controller alone; the nodes' policy agent needs the add-on's
      // parameter (cni-network-policy-configure.html).
      name: "a cluster not on Auto Mode turns on only the network policy controller's ConfigMap",
      bad: pipe(noVpcCni, controllerConfigMap),
      expected: [unenforced],
      twinName: "its vpc-cni add-on enables network policy",
      twin: deployment("ingest", "kube", "records"),
    },
    {
      // With its plugin (under the Pulumi CLI, or offline once installed) eks.Cluster registers
      // the EKS cluster and its vpc-cni add-on inside the component; a provider built from the
      // component's kubeconfig runs on that cluster, whose add-on leaves network policy off
      // unless vpcCniOptions turns it on.
      name: "an eks.Cluster component's vpc-cni add-on leaves network policy off",
      bad: eksComponentWithAddon({ env: { ENABLE_PREFIX_DELEGATION: "true" } }),
      expected: [
        [
          "kubernetes-namespace-egress",
          "platform-eksCluster",
          "mandatory",
          [
            'eks cluster "platform-eksCluster"',
            "NetworkPolicies not enforced",
            "every address (any country)",
          ],
        ],
      ],
      twinName: "the component's vpcCniOptions enable network policy",
      twin: eksComponentWithAddon({ enableNetworkPolicy: "true" }),
    },
    {
      // A network plugin's agent on the cluster an eks.Cluster component's plugin registers: its
      // node network is read from that cluster, as for an aws.eks.Cluster of the program.
      name: "a workload on its node's network runs on an eks.Cluster component's cluster in subnets the stack does not hold",
      bad: agentOnComponentCluster("elsewhere"),
      expected: [
        [
          "kubernetes-namespace-egress",
          "agent",
          "mandatory",
          [
            'k8s deployment "agent"',
            "pod egress (hostNetwork, outside NetworkPolicy)",
            "every address (any country)",
          ],
        ],
      ],
      twinName: "the cluster's nodes are in the program's subnet",
      twin: agentOnComponentCluster("program"),
    },
    {
      // Found on a community EKS program that switches off the cluster's aws-node DaemonSet
      // (Cilium replaces it) by a patch of its node selector: the patch was blamed for the pods
      // of kube-system, which it adds none of.
      name: "a DaemonSetPatch adds a container to pods of a namespace without default-deny egress",
      bad: patchedDaemonSet({
        containers: [{ name: "shipper", image: "registry.example/shipper:1" }],
      }),
      expected: [
        [
          "kubernetes-namespace-egress",
          "agent-patch",
          "mandatory",
          [
            'k8s namespace "intake"',
            "pod egress (no default-deny NetworkPolicy)",
            "every address (any country)",
          ],
        ],
      ],
      twinName: "the patch only moves the DaemonSet's pods to no node",
      twin: patchedDaemonSet({ nodeSelector: { "example.com/never": "true" } }),
    },
    {
      // On a cluster the program does not create, nothing bounds what the node network reaches.
      name: "pods on their node's network in a namespace that denies egress by default, on a declared cluster",
      bad: pipe(
        onProvider({ context: "records-prod" }),
        deployment("tunnel", "ops", "records", { hostNetwork: true }),
      ),
      settings: declared("us-west-2"),
      expected: [hostNetworkPods],
      message:
        "k8s deployment \"tunnel\" must send its pods' traffic through the NetworkPolicies of its namespace, but its pods use their node's network (hostNetwork), which NetworkPolicies do not govern, so the default deny of k8s namespace \"records\" does not hold them and they can reach any address, in any country. Run the pods on the pod network (hostNetwork false) and allow their destinations by NetworkPolicy; an agent that must run on its node's network (a network plugin's) is judged by its nodes' network instead, on a cluster this program creates in subnets it creates (here its cluster is not one this program creates).",
      twinName: "the pods run on the pod network",
      twin: pipe(
        onProvider({ context: "records-prod" }),
        deployment("tunnel", "ops", "records", { hostNetwork: false }),
      ),
      twinSettings: declared("us-west-2"),
    },
    {
      // A network plugin's agent cannot leave its node's network: on the program's own EKS
      // cluster, whose node subnets the pack judges, it sends what the nodes send. Without a
      // managed node group its nodes are self-managed or Karpenter's, which the pack cannot see.
      name: "pods on their node's network on the program's EKS cluster, whose nodes no managed node group names",
      bad: deployment("tunnel", "kube", "records", { hostNetwork: true }),
      expected: [hostNetworkPods],
      twinName: "a managed node group runs its nodes in the program's subnet",
      twin: pipe(
        deployment("tunnel", "kube", "records", { hostNetwork: true }),
        nodeGroup("subnet"),
      ),
    },
    {
      name: "pods on their node's network on the program's EKS cluster, one of whose node subnets is not the program's",
      bad: pipe(
        deployment("tunnel", "kube", "records", { hostNetwork: true }),
        nodeGroup("subnet"),
        set("cluster", (p) => {
          const vpc = p.vpcConfig as Props;
          vpc.subnetIds = ["subnet-0abc", ...(vpc.subnetIds as string[])];
        }),
      ),
      expected: [hostNetworkPods],
      twinName: "every subnet of the cluster is the program's",
      twin: pipe(
        deployment("tunnel", "kube", "records", { hostNetwork: true }),
        nodeGroup("subnet"),
      ),
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
      name: "a ClusterIP Service is served on a public external IP",
      bad: set("api", (p) => {
        delete (p.metadata as Props).annotations;
        (p.spec as Props).type = "ClusterIP";
        (p.spec as Props).externalIPs = ["10.30.4.10", "203.0.113.80"];
      }),
      expected: [
        ["kubernetes-service-exposure", "api", "mandatory", ["the internet", 'k8s service "api"']],
      ],
      twinName: "its external IP is a private address of the cluster's network",
      twin: set("api", (p) => {
        delete (p.metadata as Props).annotations;
        (p.spec as Props).type = "ClusterIP";
        (p.spec as Props).externalIPs = ["10.30.4.10"];
      }),
    },
    {
      name: "an ExternalName Service aliases a host outside the cluster",
      bad: externalName("api.partner.example"),
      expected: [
        [
          "kubernetes-service-exposure",
          "partner",
          "mandatory",
          ['k8s service "partner"', "api.partner.example (cannot be placed)"],
        ],
      ],
      twinName: "it aliases a Service of the cluster",
      twin: externalName("exporter.records.svc.cluster.local"),
    },
    {
      // Found on Kubernetes add-on programs: every such alias read "a host the pack cannot place".
      name: "an ExternalName Service aliases a database endpoint in Ireland",
      bad: externalName("records.c1.eu-west-1.rds.amazonaws.com"),
      expected: [
        [
          "kubernetes-service-exposure",
          "partner",
          "mandatory",
          [
            'k8s service "partner"',
            "records.c1.eu-west-1.rds.amazonaws.com in eu-west-1 (outside US, in EU)",
          ],
        ],
      ],
      twinName: "it aliases a database endpoint of the stack's region",
      twin: externalName("records.c1.us-west-2.rds.amazonaws.com"),
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
        'k8s service "api" must not face the internet, but spec.type is "LoadBalancer" without the internal-load-balancer annotation of its cluster\'s cloud (aws), so the cloud provisions a public load balancer. Annotate it service.beta.kubernetes.io/aws-load-balancer-scheme: "internal", admit only private or allowlisted client ranges (spec.loadBalancerSourceRanges), or use ClusterIP.',
      twinName: "it carries the legacy AWS internal annotation",
      twin: set("api", (p) => {
        (p.metadata as Props).annotations = {
          "service.beta.kubernetes.io/aws-load-balancer-internal": "true",
        };
      }),
    },
    // A public load balancer whose security group admits only private or allowlisted clients
    // serves no one else, as such a security group does (public-exposure).
    {
      name: "a LoadBalancer Service on EKS admits a public range besides the partner's",
      bad: apiService({}, { loadBalancerSourceRanges: ["198.51.100.0/24", "8.8.8.0/24"] }),
      expected: [apiExposed],
      twinName: "it admits only the allowlisted partner and the VPC",
      twin: apiService({}, { loadBalancerSourceRanges: ["198.51.100.0/24", "10.0.0.0/8"] }),
    },
    // AWS's own controllers (the Load Balancer Controller, EKS Auto Mode) make an internal NLB
    // unless the scheme asks for the internet; the in-tree controller's default is the internet.
    {
      name: "a Service of the Load Balancer Controller's class asks for an internet-facing NLB",
      bad: apiService(
        {
          "service.beta.kubernetes.io/aws-load-balancer-scheme": "internet-facing",
        },
        { loadBalancerClass: "service.k8s.aws/nlb" },
      ),
      expected: [apiExposed],
      twinName: "it leaves the scheme at the controller's default, internal",
      twin: apiService({}, { loadBalancerClass: "service.k8s.aws/nlb" }),
    },
    {
      // Auto Mode's class is every Service's default on a cluster whose load balancing it runs.
      name: "a Service on an EKS Auto Mode cluster asks for an internet-facing NLB",
      bad: pipe(
        set("cluster", (p) => {
          p.kubernetesNetworkConfig = { elasticLoadBalancing: { enabled: true } };
        }),
        apiService({ "service.beta.kubernetes.io/aws-load-balancer-scheme": "internet-facing" }),
      ),
      expected: [apiExposed],
      twinName: "it names no class and no scheme: Auto Mode's internal NLB",
      twin: pipe(
        set("cluster", (p) => {
          p.kubernetesNetworkConfig = { elasticLoadBalancing: { enabled: true } };
        }),
        apiService({}),
      ),
    },
    {
      name: "a Service asks the in-tree controller for an NLB, internet-facing by default",
      bad: apiService({
        "service.beta.kubernetes.io/aws-load-balancer-type": "nlb",
      }),
      expected: [apiExposed],
      twinName: "it is the Load Balancer Controller's (type external), internal by default",
      twin: apiService({
        "service.beta.kubernetes.io/aws-load-balancer-type": "external",
        "service.beta.kubernetes.io/aws-load-balancer-nlb-target-type": "ip",
      }),
    },
    {
      name: "its annotation admits every address",
      bad: apiService({
        "service.beta.kubernetes.io/load-balancer-source-ranges": "0.0.0.0/0",
      }),
      expected: [apiExposed],
      twinName: "the annotation admits only the VPC",
      twin: apiService({
        "service.beta.kubernetes.io/load-balancer-source-ranges": "10.0.0.0/8, 172.16.0.0/12",
      }),
    },
    {
      name: "a LoadBalancer Service on a cluster the pack cannot place has no internal annotation",
      bad: pipe(onProvider({}), opsLoadBalancer({})),
      expected: [
        [
          "kubernetes-service-exposure",
          "ops-api",
          "mandatory",
          ["the internet", 'k8s service "ops-api"'],
        ],
        unplaced,
      ],
      // Its cloud is not known, so the fix names every cloud's annotation, not one cloud's.
      message:
        'k8s service "ops-api" must not face the internet, but spec.type is "LoadBalancer" without an internal-load-balancer annotation, so the cloud provisions a public load balancer. Annotate it with the internal-load-balancer annotation of its cluster\'s cloud (one of service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type: "intranet", service.beta.kubernetes.io/alicloud-loadbalancer-address-type: "intranet", service.beta.kubernetes.io/aws-load-balancer-scheme: "internal", service.beta.kubernetes.io/aws-load-balancer-internal: "true", networking.gke.io/load-balancer-type: "Internal", service.beta.kubernetes.io/azure-load-balancer-internal: "true", service.beta.kubernetes.io/do-loadbalancer-network: "INTERNAL"), or use ClusterIP.',
      twinName:
        "the cluster's context is declared in Oregon and the Service carries EKS's annotation",
      twin: pipe(
        onProvider({ context: "records-prod" }),
        opsLoadBalancer({ "service.beta.kubernetes.io/aws-load-balancer-scheme": "internal" }),
      ),
      twinSettings: declared("us-west-2"),
    },
    {
      name: "a NodePort Service opens a port on nodes whose subnet gives them public IPs",
      bad: pipe(publicNodeGroup, nodePort),
      expected: onPublicNodes("exporter", 'k8s service "exporter"'),
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
    // Found on the Pulumi documentation's Strimzi program: the operator makes the Services a
    // listener asks for, which the pack failed only when declared by the program itself.
    {
      name: "a Strimzi Kafka listener of type loadbalancer has no internal annotation",
      bad: kafka([{ name: "external", port: 9094, type: "loadbalancer", tls: true }]),
      expected: [
        [
          "kubernetes-service-exposure",
          "kafka",
          "mandatory",
          ["the internet", 'k8s kafka "kafka"'],
        ],
      ],
      message:
        'k8s kafka "kafka" must not face the internet, but spec.kafka.listeners[0] ("external") makes a Service of type "LoadBalancer" without the internal-load-balancer annotation of its cluster\'s cloud (aws), so the cloud provisions a public load balancer. Annotate it service.beta.kubernetes.io/aws-load-balancer-scheme: "internal" in the metadata.annotations of spec.kafka.template\'s externalBootstrapService and perPodService (or of spec.kafka.listeners[0].configuration\'s bootstrap and each of its brokers[]), or use a listener of type internal or cluster-ip.',
      twinName: "the Kafka's templates annotate its bootstrap and broker Services as internal",
      twin: kafka([{ name: "external", port: 9094, type: "loadbalancer", tls: true }], {
        template: {
          externalBootstrapService: { metadata: { annotations: internalLb } },
          perPodService: { metadata: { annotations: internalLb } },
        },
      }),
    },
    {
      name: "a Strimzi listener annotates its bootstrap Service and two of its three brokers as internal",
      bad: kafka([internalBrokers([0, 1])]),
      expected: [
        [
          "kubernetes-service-exposure",
          "kafka",
          "mandatory",
          ["the internet", 'k8s kafka "kafka"'],
        ],
      ],
      twinName: "it annotates every one of the three",
      twin: kafka([internalBrokers([0, 1, 2])]),
    },
    {
      name: "a Strimzi Kafka listener of type nodeport runs on nodes with public IPs",
      bad: pipe(
        publicNodeGroup,
        kafka([{ name: "external", port: 9094, type: "nodeport", tls: true }]),
      ),
      expected: onPublicNodes("kafka", 'k8s kafka "kafka"'),
      twinName: "the node group of the nodeport listener runs in the private subnet",
      twin: pipe(
        nodeGroup("subnet"),
        kafka([{ name: "external", port: 9094, type: "nodeport", tls: true }]),
      ),
    },
    {
      name: "a Strimzi Kafka listener of type ingress is served by an internet-facing ALB",
      bad: kafka(
        [ingressListener({ class: "alb", bootstrap: { host: "bootstrap.kafka.example.com" } })],
        internetFacingBootstrap,
      ),
      expected: [
        [
          "kubernetes-service-exposure",
          "kafka",
          "mandatory",
          ["the internet", 'k8s kafka "kafka"'],
        ],
      ],
      message:
        'k8s kafka "kafka" must not face the internet, but alb.ingress.kubernetes.io/scheme of the Ingresses of spec.kafka.listeners[0] ("external") is "internet-facing", so the AWS Load Balancer Controller provisions an internet-facing ALB. Remove the annotation or set it to "internal" in the metadata.annotations of spec.kafka.template\'s externalBootstrapIngress and perPodIngress (or of spec.kafka.listeners[0].configuration\'s bootstrap and each of its brokers[]), or admit only private or allowlisted client ranges (alb.ingress.kubernetes.io/inbound-cidrs).',
      twinName: "the listener's bootstrap Ingress is annotated internal over the template",
      twin: kafka(
        [
          ingressListener({
            class: "alb",
            bootstrap: {
              host: "bootstrap.kafka.example.com",
              annotations: { "alb.ingress.kubernetes.io/scheme": "internal" },
            },
          }),
        ],
        internetFacingBootstrap,
      ),
    },
    {
      name: "a Strimzi Kafka listener of type ingress is of the ngrok class",
      bad: kafka([
        ingressListener({ class: "ngrok", bootstrap: { host: "bootstrap.kafka.example.com" } }),
      ]),
      expected: [
        [
          "kubernetes-service-exposure",
          "kafka",
          "mandatory",
          ['k8s kafka "kafka"', "ngrok's global network (points of presence worldwide)"],
        ],
      ],
      message:
        'k8s kafka "kafka" must not be served outside the cluster\'s network, but the class "ngrok" of the Ingresses of spec.kafka.listeners[0] ("external") makes the ngrok Kubernetes Operator serve it from ngrok\'s global network: requests and answers pass through ngrok\'s points of presence worldwide, whoever sends them, outside the jurisdiction. Serve it through a controller of the cluster\'s own network (an internal load balancer of its cloud) instead.',
      twinName:
        "its Ingresses are of the cluster's nginx class, whose controller the program installs",
      twin: pipe(
        nginxClass,
        kafka([
          ingressListener({ class: "nginx", bootstrap: { host: "bootstrap.kafka.example.com" } }),
        ]),
      ),
    },
    {
      name: "a Strimzi Kafka listener of type loadbalancer is of the tailscale class",
      bad: kafka([internalBrokers([0, 1, 2], { class: "tailscale" })]),
      expected: [
        [
          "kubernetes-service-exposure",
          "kafka",
          "mandatory",
          ['k8s kafka "kafka"', "the tailnet's devices (wherever they are)"],
        ],
      ],
      twinName: "it leaves the class to the cloud's internal load balancer",
      twin: kafka([internalBrokers([0, 1, 2])]),
    },
    {
      name: "a CloudNativePG Cluster's additional Service is a LoadBalancer with no internal annotation",
      bad: pgService({ metadata: { name: "records-db-public" }, spec: { type: "LoadBalancer" } }),
      expected: [
        [
          "kubernetes-service-exposure",
          "records-db",
          "mandatory",
          ["the internet", 'k8s cluster "records-db"'],
        ],
      ],
      message:
        'k8s cluster "records-db" must not face the internet, but spec.managed.services.additional[0].serviceTemplate makes a Service of type "LoadBalancer" without the internal-load-balancer annotation of its cluster\'s cloud (aws), so the cloud provisions a public load balancer. Annotate it service.beta.kubernetes.io/aws-load-balancer-scheme: "internal" in spec.managed.services.additional[0].serviceTemplate.metadata.annotations, or use ClusterIP (the default).',
      twinName: "its template annotates the Service as internal",
      twin: pgService({
        metadata: { name: "records-db-internal", annotations: internalLb },
        spec: { type: "LoadBalancer" },
      }),
    },
    {
      name: "a CloudNativePG Cluster's additional Service is served on a public external IP",
      bad: pgService({ spec: { type: "ClusterIP", externalIPs: ["203.0.113.80"] } }),
      expected: [
        [
          "kubernetes-service-exposure",
          "records-db",
          "mandatory",
          ["the internet", 'k8s cluster "records-db"'],
        ],
      ],
      twinName: "its external IP is a private address of the cluster's network",
      twin: pgService({ spec: { type: "ClusterIP", externalIPs: ["10.30.4.10"] } }),
    },
    {
      name: "a MariaDB's primary Service and the MaxScale it provisions are LoadBalancers, one with no internal annotation",
      bad: mariadb({
        primaryService: { type: "LoadBalancer", metadata: { annotations: internalLb } },
        maxScale: { enabled: true, kubernetesService: { type: "LoadBalancer" } },
      }),
      expected: [
        [
          "kubernetes-service-exposure",
          "orders-db",
          "mandatory",
          ["the internet", 'k8s mariadb "orders-db"'],
        ],
      ],
      message:
        'k8s mariadb "orders-db" must not face the internet, but spec.maxScale.kubernetesService makes a Service of type "LoadBalancer" without the internal-load-balancer annotation of its cluster\'s cloud (aws), so the cloud provisions a public load balancer. Annotate it service.beta.kubernetes.io/aws-load-balancer-scheme: "internal" in spec.maxScale.kubernetesService.metadata.annotations, or leave spec.maxScale.kubernetesService.type at ClusterIP.',
      twinName:
        "the MaxScale's Service carries the annotation, in the form of the operator's earlier releases",
      twin: mariadb({
        primaryService: { type: "LoadBalancer", metadata: { annotations: internalLb } },
        maxScale: {
          enabled: true,
          kubernetesService: { type: "LoadBalancer", annotations: internalLb },
        },
      }),
    },
    // Found on community programs: a database an operator runs in a namespace with no
    // default-deny egress passed, where a StatefulSet in its place failed.
    {
      name: "a CloudNativePG Cluster runs its pods in a namespace without default-deny egress",
      bad: add(
        "kubernetes:postgresql.cnpg.io/v1:Cluster",
        "analytics-db",
        { metadata: { namespace: "analytics" }, spec: { instances: 3, storage: { size: "10Gi" } } },
        { provider: "kube" },
      ),
      expected: [
        [
          "kubernetes-namespace-egress",
          "analytics-db",
          "mandatory",
          [
            'k8s namespace "analytics"',
            "pod egress (no default-deny NetworkPolicy)",
            "every address (any country)",
          ],
        ],
      ],
      twinName: "the namespace denies pod egress by default",
      twin: pipe(
        add(
          "kubernetes:postgresql.cnpg.io/v1:Cluster",
          "analytics-db",
          {
            metadata: { namespace: "analytics" },
            spec: { instances: 3, storage: { size: "10Gi" } },
          },
          { provider: "kube" },
        ),
        defaultDeny("analytics-deny", "kube", "analytics"),
      ),
    },
    {
      name: "a Prometheus of the Prometheus operator runs in a namespace without default-deny egress",
      bad: add(
        "kubernetes:monitoring.coreos.com/v1:Prometheus",
        "metrics",
        { metadata: { namespace: "monitoring" }, spec: { replicas: 2 } },
        { provider: "kube" },
      ),
      expected: [
        [
          "kubernetes-namespace-egress",
          "metrics",
          "mandatory",
          [
            'k8s namespace "monitoring"',
            "pod egress (no default-deny NetworkPolicy)",
            "every address (any country)",
          ],
        ],
      ],
      twinName: "it runs in the records namespace, which denies pod egress by default",
      twin: add(
        "kubernetes:monitoring.coreos.com/v1:Prometheus",
        "metrics",
        { metadata: { namespace: "records" }, spec: { replicas: 2 } },
        { provider: "kube" },
      ),
    },
    {
      name: "a Zalando postgresql enables its master's load balancer for every address",
      bad: zalando(["0.0.0.0/0"]),
      expected: [
        [
          "kubernetes-service-exposure",
          "orders-pg",
          "mandatory",
          ["the internet", 'k8s postgresql "orders-pg"'],
        ],
      ],
      message:
        'k8s postgresql "orders-pg" must not face the internet, but spec.enableMasterLoadBalancer (with spec.allowedSourceRanges beyond private addresses) makes a Service of type "LoadBalancer" without the internal-load-balancer annotation of its cluster\'s cloud (aws), so the cloud provisions a public load balancer. Annotate it service.beta.kubernetes.io/aws-load-balancer-scheme: "internal" in spec.serviceAnnotations or spec.masterServiceAnnotations, or set spec.enableMasterLoadBalancer to false, or list only private ranges in spec.allowedSourceRanges.',
      twinName:
        "it lists no source range, so the operator lets nothing outside the cluster reach it",
      twin: zalando([]),
    },
    // The Redis operator makes an -additional Service of the type kubernetesConfig asks for.
    {
      name: "a Redis operator server asks for a LoadBalancer Service with no internal annotation",
      bad: redis({ service: { serviceType: "LoadBalancer" } }),
      expected: [
        [
          "kubernetes-service-exposure",
          "cache",
          "mandatory",
          ["the internet", 'k8s redis "cache"'],
        ],
      ],
      message:
        'k8s redis "cache" must not face the internet, but spec.kubernetesConfig.service.serviceType makes a Service of type "LoadBalancer" without the internal-load-balancer annotation of its cluster\'s cloud (aws), so the cloud provisions a public load balancer. Annotate it service.beta.kubernetes.io/aws-load-balancer-scheme: "internal" in spec.kubernetesConfig.service.annotations, or leave spec.kubernetesConfig.service.serviceType at ClusterIP.',
      twinName: "the Service is annotated internal",
      twin: redis({ service: { serviceType: "LoadBalancer", annotations: internalLb } }),
    },
    {
      name: "a RedisCluster of NodePort Services without its additional Service runs on nodes with public IPs",
      bad: pipe(
        publicNodeGroup,
        redis(
          { service: { serviceType: "NodePort", additional: { enabled: false } } },
          "RedisCluster",
        ),
      ),
      expected: onPublicNodes("cache", 'k8s rediscluster "cache"'),
      twinName: "the RedisCluster's nodes are in the private subnet",
      twin: pipe(
        nodeGroup("subnet"),
        redis(
          { service: { serviceType: "NodePort", additional: { enabled: false } } },
          "RedisCluster",
        ),
      ),
    },
    {
      name: "a Redis operator server opens a host port on nodes with public IPs",
      bad: pipe(publicNodeGroup, redis({}, "Redis", { hostPort: 6379 })),
      expected: onPublicNodes("cache", 'k8s redis "cache"'),
      twinName: "its nodes are in the private subnet",
      twin: pipe(nodeGroup("subnet"), redis({}, "Redis", { hostPort: 6379 })),
    },
    // A cluster that leaves its load balancers unset takes the operator's configuration's.
    {
      name: "the Zalando operator's configuration enables master load balancers a postgresql open to every address leaves unset",
      bad: pipe(zalandoOperator({ enable_master_load_balancer: true }), zalando(["0.0.0.0/0"], {})),
      expected: [
        [
          "kubernetes-service-exposure",
          "orders-pg",
          "mandatory",
          ["the internet", 'k8s postgresql "orders-pg"'],
        ],
      ],
      message:
        'k8s postgresql "orders-pg" must not face the internet, but the operator\'s k8s operatorconfiguration "postgres-operator" configuration.load_balancer.enable_master_load_balancer (spec.enableMasterLoadBalancer unset, with spec.allowedSourceRanges beyond private addresses) makes a Service of type "LoadBalancer" without the internal-load-balancer annotation of its cluster\'s cloud (aws), so the cloud provisions a public load balancer. Annotate it service.beta.kubernetes.io/aws-load-balancer-scheme: "internal" in spec.serviceAnnotations or spec.masterServiceAnnotations, or set spec.enableMasterLoadBalancer to false, or list only private ranges in spec.allowedSourceRanges.',
      twinName: "the operator's configuration leaves master and replica load balancers off",
      twin: pipe(
        zalandoOperator({
          enable_master_load_balancer: false,
          enable_replica_load_balancer: false,
        }),
        zalando(["0.0.0.0/0"], {}),
      ),
    },
    {
      name: "the Zalando operator's legacy ConfigMap enables replica load balancers a postgresql open to every address leaves unset",
      bad: pipe(
        zalandoConfigMap({ enable_replica_load_balancer: "true", watched_namespace: "*" }),
        zalando(["0.0.0.0/0"], {}),
      ),
      expected: [
        [
          "kubernetes-service-exposure",
          "orders-pg",
          "mandatory",
          ["the internet", 'k8s postgresql "orders-pg"'],
        ],
      ],
      twinName: "the ConfigMap's custom service annotations make every load balancer internal",
      twin: pipe(
        zalandoConfigMap({
          enable_replica_load_balancer: "true",
          custom_service_annotations:
            "service.beta.kubernetes.io/aws-load-balancer-scheme:internal",
        }),
        zalando(["0.0.0.0/0"], {}),
      ),
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
      // The class's parameters set the scheme of every Ingress of the class, over its annotations.
      name: "an ALB Ingress's class parameters ask for an internet-facing load balancer",
      bad: pipe(eksAlbClass({ scheme: "internet-facing" }), ingress({})),
      settings: paramsReviewed,
      expected: [
        ["kubernetes-service-exposure", "web", "mandatory", ["the internet", 'k8s ingress "web"']],
      ],
      twinName: "they ask for internet-facing but admit only the VPC",
      twin: pipe(
        eksAlbClass({ scheme: "internet-facing", inboundCIDRs: ["10.0.0.0/8"] }),
        ingress({}),
      ),
      twinSettings: paramsReviewed,
    },
    {
      // Its security group admits only the clients inbound-cidrs lists, as a group of the program's
      // admitting only them would (public-exposure).
      name: "an internet-facing ALB Ingress admits a public range besides the VPC",
      bad: ingress({
        "alb.ingress.kubernetes.io/scheme": "internet-facing",
        "alb.ingress.kubernetes.io/inbound-cidrs": "10.0.0.0/8, 8.8.8.0/24",
      }),
      expected: [
        ["kubernetes-service-exposure", "web", "mandatory", ["the internet", 'k8s ingress "web"']],
      ],
      message:
        'k8s ingress "web" must not face the internet, but alb.ingress.kubernetes.io/scheme is "internet-facing", so the AWS Load Balancer Controller provisions an internet-facing ALB whose alb.ingress.kubernetes.io/inbound-cidrs (10.0.0.0/8, 8.8.8.0/24) admit more than private and allowlisted ranges. Remove the annotation or set it to "internal", or admit only private or allowlisted client ranges (alb.ingress.kubernetes.io/inbound-cidrs).',
      twinName: "it admits only the VPC and the allowlisted partner",
      twin: ingress({
        "alb.ingress.kubernetes.io/scheme": "internet-facing",
        "alb.ingress.kubernetes.io/inbound-cidrs": "10.0.0.0/8, 198.51.100.0/24",
      }),
    },
    {
      // ACK's ALB Ingress add-on makes a default ALB (AlbConfig and IngressClass "alb") when its
      // config asks, Internet unless its AddressType says otherwise.
      name: "an ALB Ingress on ACK is served by the add-on's default ALB, of address type Internet",
      bad: pipe(ackCluster, albAddon("Internet"), ingress({}, "ack-kube")),
      expected: [
        ["kubernetes-service-exposure", "web", "mandatory", ["the internet", 'k8s ingress "web"']],
      ],
      twinName: "the add-on's default ALB is Intranet",
      twin: pipe(ackCluster, albAddon("Intranet"), ingress({}, "ack-kube")),
    },
    {
      name: "an ALB Ingress on ACK is served by the default ALB of the add-on a cs.KubernetesAddon installs",
      bad: pipe(ackCluster, albAddonResource("Internet"), ingress({}, "ack-kube")),
      expected: [
        ["kubernetes-service-exposure", "web", "mandatory", ["the internet", 'k8s ingress "web"']],
      ],
      twinName: "that add-on's default ALB is Intranet",
      twin: pipe(ackCluster, albAddonResource("Intranet"), ingress({}, "ack-kube")),
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
    {
      // ACK's access-control annotations whitelist an SLB ACL on the listeners its controller
      // makes for the Service.
      name: "a LoadBalancer Service on ACK whitelists an ACL holding a public range",
      bad: pipe(ackCluster, ackAclService("203.0.113.0/24")),
      expected: [
        ["kubernetes-service-exposure", "lb", "mandatory", ["the internet", 'k8s service "lb"']],
      ],
      message:
        'k8s service "lb" must not face the internet, but spec.type is "LoadBalancer" without the internal-load-balancer annotation of its cluster\'s cloud (alicloud), so the cloud provisions a public load balancer. Annotate it service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type: "intranet", whitelist only private or allowlisted ranges by an SLB ACL of this program (service.beta.kubernetes.io/alibaba-cloud-loadbalancer-acl-status: "on", …-acl-type: "white", …-acl-id), or use ClusterIP.',
      twinName: "the ACL holds only the VPC's range",
      twin: pipe(ackCluster, ackAclService("10.0.0.0/8")),
    },
    {
      // ACK serves an AlbConfig's Ingresses only on the listeners it declares; a whitelist
      // (`aclType: White`) forwards only its entries' clients.
      name: "an ALB Ingress on ACK whose Internet ALB's listener whitelists the internet",
      bad: pipe(
        ackCluster,
        ingress({}, "ack-kube"),
        albListener({ aclType: "White", aclEntries: ["10.0.0.0/8", "0.0.0.0/0"] }),
      ),
      settings: albReviewed,
      expected: [
        ["kubernetes-service-exposure", "web", "mandatory", ["the internet", 'k8s ingress "web"']],
      ],
      message:
        'k8s ingress "web" must not face the internet, but its class "alb" makes ACK\'s ALB Ingress controller serve it from the ALB of k8s albconfig "office-alb", whose spec.config.addressType is "Internet" and whose listeners do not all admit only private or allowlisted ranges. Declare the IngressClass\'s AlbConfig with spec.config.addressType: Intranet, or give every listener of it a whitelist of private or allowlisted ranges (spec.listeners[].aclConfig: aclType White, with aclEntries or the aclIds of ALB ACLs of this program).',
      twinName: "every listener of the Internet ALB whitelists only private ranges",
      twin: pipe(
        ackCluster,
        ingress({}, "ack-kube"),
        albListener({ aclType: "White", aclEntries: ["10.0.0.0/8", "192.168.0.0/16"] }),
      ),
      twinSettings: albReviewed,
    },
    {
      name: "an ALB Ingress on ACK whose Internet ALB's listener blacklists private ranges",
      bad: pipe(
        ackCluster,
        ingress({}, "ack-kube"),
        albListener({ aclType: "Black", aclEntries: ["10.0.0.0/8"] }),
      ),
      settings: albReviewed,
      expected: [
        ["kubernetes-service-exposure", "web", "mandatory", ["the internet", 'k8s ingress "web"']],
      ],
      twinName: "that listener whitelists them instead",
      twin: pipe(
        ackCluster,
        ingress({}, "ack-kube"),
        albListener({ aclType: "White", aclEntries: ["10.0.0.0/8"] }),
      ),
      twinSettings: albReviewed,
    },
    {
      name: "an ALB Ingress on ACK whose Internet ALB's listener whitelists an ACL of a public range",
      bad: pipe(ackCluster, ingress({}, "ack-kube"), albAclById("203.0.113.0/24")),
      settings: albReviewed,
      expected: [
        ["kubernetes-service-exposure", "web", "mandatory", ["the internet", 'k8s ingress "web"']],
      ],
      twinName: "the ACL it names by ID holds a private range",
      twin: pipe(ackCluster, ingress({}, "ack-kube"), albAclById("192.168.0.0/16")),
      twinSettings: albReviewed,
    },
    {
      name: "an Ingress of class ngrok is served from ngrok's global network",
      bad: ingress({}, "kube", "ngrok"),
      expected: [
        [
          "kubernetes-service-exposure",
          "web",
          "mandatory",
          ['k8s ingress "web"', "ngrok's global network (points of presence worldwide)"],
        ],
      ],
      message:
        'k8s ingress "web" must not be served outside the cluster\'s network, but its class "ngrok" makes the ngrok Kubernetes Operator serve it from ngrok\'s global network: requests and answers pass through ngrok\'s points of presence worldwide',
      twinName: "it is of class nginx, served by the controller the program installs",
      twin: pipe(nginxClass, ingress({}, "kube", "nginx")),
    },
    {
      name: "an Ingress annotated with class cloudflare-tunnel is served through Cloudflare's network",
      bad: ingress({ "kubernetes.io/ingress.class": "cloudflare-tunnel" }, "kube", null),
      expected: [
        [
          "kubernetes-service-exposure",
          "web",
          "mandatory",
          ['k8s ingress "web"', "Cloudflare's global network (points of presence worldwide)"],
        ],
      ],
      twinName: "it is annotated with class nginx, whose controller the program installs",
      twin: pipe(nginxClass, ingress({ "kubernetes.io/ingress.class": "nginx" }, "kube", null)),
    },
    {
      name: "a LoadBalancer Service of class ngrok is served from ngrok's network, annotated internal or not",
      bad: set("api", (p) => {
        (p.spec as Props).loadBalancerClass = "ngrok";
      }),
      expected: [
        [
          "kubernetes-service-exposure",
          "api",
          "mandatory",
          ['k8s service "api"', "ngrok's global network (points of presence worldwide)"],
        ],
      ],
      twinName: "it has no class: the cloud's controller provisions the internal load balancer",
      twin: set("api", () => undefined),
    },
    {
      name: "an Ingress of class tailscale is exposed to the devices of a tailnet, wherever they are",
      bad: ingress({}, "kube", "tailscale"),
      expected: [
        [
          "kubernetes-service-exposure",
          "web",
          "mandatory",
          ['k8s ingress "web"', "the tailnet's devices (wherever they are)"],
        ],
      ],
      twinName: "it is an ALB Ingress at the internal scheme",
      twin: ingress({}),
    },
    {
      name: "a ClusterIP Service is annotated for the Tailscale operator to expose it",
      bad: set("api", (p) => {
        (p.metadata as Props).annotations = { "tailscale.com/expose": "true" };
        (p.spec as Props).type = "ClusterIP";
      }),
      expected: [
        [
          "kubernetes-service-exposure",
          "api",
          "mandatory",
          ['k8s service "api"', "the tailnet's devices (wherever they are)"],
        ],
      ],
      message:
        'k8s service "api" must not be served outside the cluster\'s network, but the annotation tailscale.com/expose: "true" makes the Tailscale Kubernetes Operator expose it to the tailnet: every device of the tailnet reaches it wherever the device is',
      twinName: "the annotation says false",
      twin: set("api", (p) => {
        (p.metadata as Props).annotations = { "tailscale.com/expose": "false" };
        (p.spec as Props).type = "ClusterIP";
      }),
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
    // A shell command of the command package can send anything anywhere, and no installed SDK
    // has the type: the pack cannot classify it, and reviewed-resource-types alone says so (its
    // provider has no region for resource-placement to pin). Its script names no upload, which
    // arn-locality would judge once the type is accepted (test/policy/compute-scripts.test.ts).
    const withCommand = pipe(
      addProvider("command", "command-provider", {}),
      add(
        "command:local:Command",
        "export",
        { create: "pg_dump records > /var/backups/records.sql" },
        { provider: "command-provider" },
      ),
    );
    const widget = add("aws:widgets/widget:Widget", "widget", { size: 1 });
    /** A resource of a type nobody classified: its path ends where nobody can place it. */
    const unclassified = (
      label: string,
      type: string,
      name: string,
      level: Finding[2] = "mandatory",
    ): Finding => [
      "reviewed-resource-types",
      name,
      level,
      [label, `${type} (unclassified: where it sends data cannot be placed)`],
    ];
    const unclassifiedCommand = unclassified(
      'local command "export"',
      "command:local:Command",
      "export",
    );
    const unclassifiedWidget = unclassified(
      'widget "widget"',
      "aws:widgets/widget:Widget",
      "widget",
    );

    runCases(pack, () => happy, us, [
      {
        name: "a resource type of a package the pack does not classify is created",
        bad: withCommand,
        expected: [unclassifiedCommand],
        twinName: "a value of a package whose resources live only in the state is created",
        twin: pipe(
          addProvider("random", "random-provider", {}),
          add(
            "random:index/randomPassword:RandomPassword",
            "export",
            { length: 24 },
            { provider: "random-provider" },
          ),
        ),
      },
      {
        name: "a command of a package the pack does not classify runs",
        bad: withCommand,
        expected: [unclassifiedCommand],
        twinName:
          "the command's type is listed in allowTypes after review (no region to pin either)",
        twin: withCommand,
        twinSettings: {
          ...us,
          policies: { "reviewed-resource-types": { allowTypes: ["command:local:Command"] } },
        },
      },
      {
        name: "a type the installed SDKs do not have is created through the stack's provider",
        bad: widget,
        expected: [unclassifiedWidget],
        twinName: "the type is listed in allowTypes after review",
        twin: widget,
        twinSettings: {
          ...us,
          policies: { "reviewed-resource-types": { allowTypes: ["aws:widgets/widget:Widget"] } },
        },
      },
      {
        name: "a type the installed SDKs do not have is created",
        bad: add("aws:widgets/widget:Widget", "widget", { size: 1 }),
        expected: [unclassifiedWidget],
        twinName: "a type the pack's list classes regional is created",
        // policy/review/classes.json classes an SSM parameter regional.
        twin: add("aws:ssm/parameter:Parameter", "widget", {
          name: "/records/mode",
          type: "String",
          value: "internal",
        }),
      },
      {
        name: "a Kubernetes kind the pack does not know (a custom resource) is created",
        // A kind of an operator the pack has never reviewed (an example group, so it never will).
        bad: add(
          "kubernetes:replication.partner.example.com/v1:Replicator",
          "partner-copy",
          {
            metadata: { namespace: "records" },
            spec: { source: { table: "records" }, target: { url: "https://partner.example.com" } },
          },
          { provider: "kube" },
        ),
        expected: [
          unclassified(
            'k8s replicator "partner-copy"',
            "kubernetes:replication.partner.example.com/v1:Replicator",
            "partner-copy",
          ),
        ],
        twinName: "a reviewed Kubernetes kind is created",
        twin: add(
          "kubernetes:core/v1:ConfigMap",
          "settings",
          { metadata: { namespace: "records" }, data: { mode: "internal" } },
          { provider: "kube" },
        ),
      },
    ]);

    test("the finding of a type of another package says how to review it", async () => {
      const violations = await pack.checkAround(happy, withCommand(happy), us);
      expect(findings(violations)).toEqual([unclassifiedCommand]);
      expect(violations.find((v) => v.policy === "reviewed-resource-types")?.message).toContain(
        'command:local:Command is not a resource type of the SDKs the pack classifies (@pulumi/alicloud 3.108.0, @pulumi/aws 7.48.0, @pulumi/kubernetes 4.34.2, @pulumi/docker 5.2.0, @pulumi/docker-build 0.0.22, @pulumi/postgresql 3.18.1, @pulumi/mysql 3.3.2), so the pack cannot tell whether it moves data across the border. Keep the stack\'s data on resources of those SDKs, or, once you have reviewed where this resource sends its data, accept the type for this stack: list it under allowTypes of reviewed-resource-types in a --policy-config file ({"reviewed-resource-types":{"allowTypes":["command:local:Command"]}})',
      );
    });

    test("the custom resources of @pulumi/eks releases before 3.0 pass; other types of the package fail", async () => {
      // Those releases' Node.js provider serves them: a RandomSuffix is a name in the state, a
      // VpcCni applies the aws-node DaemonSet to the cluster its kubeconfig names.
      const legacyEks = pipe(
        addProvider("eks", "eks-provider", {}),
        add(
          "eks:index:VpcCni",
          "records-vpc-cni",
          {
            kubeconfig: '{"clusters":[{"cluster":{"server":"https://records.eks.amazonaws.com"}}]}',
            image: "602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.7.5",
            logFile: "/host/var/log/aws-routed-eni/ipamd.log",
          },
          { provider: "eks-provider" },
        ),
        add(
          "eks:index:RandomSuffix",
          "records-cfnStackName",
          { input: "records-nodes" },
          { provider: "eks-provider" },
        ),
      );
      expect(findings(await pack.checkAround(happy, legacyEks(happy), us))).toEqual([]);
      const other = add("eks:index:Widget", "widget", { size: 1 }, { provider: "eks-provider" });
      expect(findings(await pack.checkAround(happy, other(legacyEks(happy)), us))).toEqual([
        unclassified('eks widget "widget"', "eks:index:Widget", "widget"),
      ]);
    });

    test("a type outside the pack's list names the SDK versions it classifies", async () => {
      const violations = await pack.checkAround(
        happy,
        add("aws:widgets/widget:Widget", "widget", { size: 1 })(happy),
        us,
      );
      expect(violations.map((v) => v.message)).toEqual([
        expect.stringContaining(
          "aws:widgets/widget:Widget is not a resource type of the SDKs the pack classifies (@pulumi/alicloud 3.108.0, @pulumi/aws 7.48.0, @pulumi/kubernetes 4.34.2, @pulumi/docker 5.2.0, @pulumi/docker-build 0.0.22, @pulumi/postgresql 3.18.1, @pulumi/mysql 3.3.2)",
        ),
      ]);
    });

    test("reports at the enforcement level the config sets", async () => {
      const violations = await pack.checkAround(happy, withCommand(happy), {
        ...us,
        policies: { "reviewed-resource-types": { enforcementLevel: "advisory" } },
      });
      expect(findings(violations)).toEqual([
        unclassified('local command "export"', "command:local:Command", "export", "advisory"),
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
      // The statement the AWS console writes for a queue's subscription, with a web hook instead.
      name: "a topic policy lets everyone subscribe a web hook the pack cannot place",
      bad: topicPolicy({
        Principal: "*",
        Condition: { StringLike: { "SNS:Endpoint": "https://hooks.example.com/orders" } },
      }),
      expected: [
        [
          "public-exposure",
          "orders-topic-policy",
          "mandatory",
          ["the internet", 'sns topic policy "orders-topic-policy"'],
        ],
      ],
      twinName: "everyone may subscribe only the stack's own queue, by ARN",
      twin: topicPolicy({
        Principal: "*",
        Condition: { StringLike: { "SNS:Endpoint": `arn:aws:sqs:us-west-2:${account}:orders` } },
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
      bad: keyedAdd("aws:sns/topic:Topic", "orders", { policy: unknown }, "kmsMasterKeyId"),
      expected: [
        ["public-exposure", "orders", "mandatory", ["the internet", 'sns topic "orders"']],
      ],
      twinName: "the topic has no inline policy",
      twin: keyedAdd("aws:sns/topic:Topic", "orders", {}, "kmsMasterKeyId"),
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

  // Policies a key, a secret or a search domain carries inline, read as their own policy
  // resources are.
  const ownKey = `arn:aws:kms:us-west-2:${account}:key/0123-own`;
  const replicaKey = (principal: string) =>
    add("aws:kms/replicaKey:ReplicaKey", "orders-key-replica", {
      primaryKeyArn: `arn:aws:kms:us-east-1:${account}:key/mrk-0123`,
      policy: doc({ Principal: { AWS: principal }, Action: "kms:Decrypt", Resource: "*" }),
    });
  const inlineSecret = (principal: string) =>
    add("aws:secretsmanager/secret:Secret", "api-token", {
      kmsKeyId: ownKey,
      policy: doc({
        Principal: { AWS: principal },
        Action: "secretsmanager:GetSecretValue",
        Resource: "*",
      }),
    });
  const searchDomain = (principal: string) =>
    add("aws:opensearch/domain:Domain", "search", {
      vpcOptions: { subnetIds: ["subnet-0123"] },
      encryptAtRest: { enabled: true, kmsKeyId: ownKey },
      accessPolicies: doc({ Principal: { AWS: principal }, Action: "es:ESHttpGet", Resource: "*" }),
    });
  runCasesInBothPostures(
    pack,
    () => happy,
    us,
    (
      [
        ["a replica key's policy", replicaKey, 'kms replica key "orders-key-replica"'],
        ["a secret's inline policy", inlineSecret, 'secretsmanager secret "api-token"'],
        ["a search domain's access policy", searchDomain, 'opensearch domain "search"'],
      ] as const
    ).map(([what, make, label]) => {
      const name = label.slice(label.indexOf('"') + 1, -1);
      return {
        name: `${what} lets another account use it`,
        bad: make(`arn:aws:iam::${other}:root`),
        expected: [["cross-account-links", name, "advisory", [inside, label, otherAccount]]],
        twinName: `${what} names only the stack's own account`,
        twin: make(`arn:aws:iam::${account}:root`),
      };
    }),
  );

  const accessPoint = (owner: string) =>
    add("aws:s3/accessPoint:AccessPoint", "shared-records", {
      bucket: "sdc-records",
      bucketAccountId: owner,
      vpcConfiguration: { vpcId: "vpc-records" },
    });
  runCasesInBothPostures(pack, () => happy, us, [
    {
      name: "an access point serves a bucket of another account",
      bad: accessPoint(other),
      expected: [
        [
          "cross-account-links",
          "shared-records",
          "advisory",
          [inside, 's3 access point "shared-records"', otherAccount],
        ],
      ],
      twinName: "the access point's bucket is the stack's own account's",
      twin: accessPoint(account),
    },
  ]);

  // An ACL grant by e-mail goes to the AWS account the address is registered to; the twin grants
  // the same permission to the stack's own canonical user.
  const ownCanonical = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";
  const aclGrantee = (grantee: Props): Props => ({
    bucket: "sdc-records",
    accessControlPolicy: {
      owner: { id: ownCanonical },
      grants: [
        { permission: "FULL_CONTROL", grantee: { type: "CanonicalUser", id: ownCanonical } },
        { permission: "READ", grantee },
      ],
    },
  });
  const byEmail = { type: "AmazonCustomerByEmail", emailAddress: "audit@partner.example" };
  const byId = { type: "CanonicalUser", id: ownCanonical };
  const registered = `account registered to audit@partner.example (not this stack's account ${account})`;
  runCasesInBothPostures(
    pack,
    () => happy,
    us,
    (["aws:s3/bucketAcl:BucketAcl", "aws:s3/bucketAclV2:BucketAclV2"] as const).map((type) => {
      const label = `s3 ${type.endsWith("V2") ? "bucket acl v2" : "bucket acl"} "records-acl"`;
      return {
        name: `${type} grants the bucket to an e-mail address (another AWS account's root user)`,
        bad: add(type, "records-acl", aclGrantee(byEmail)),
        expected: [
          [
            "cross-account-links",
            "records-acl",
            "advisory",
            [inside, label, registered],
          ] as Finding,
        ],
        twinName: `the ${type} grants it to the stack's own canonical user`,
        twin: add(type, "records-acl", aclGrantee(byId)),
      };
    }),
  );

  // The grants an access-log setting puts on the log objects: a public group opens who requested
  // what to anyone, an e-mail address hands the logs to another account. The twins grant S3's
  // log-delivery group and the stack's own canonical user.
  const logGrant = (grantee: Props): Props => ({
    bucket: "sdc-records",
    targetBucket: "sdc-records",
    targetPrefix: "access/",
    targetGrants: [{ permission: "READ", grantee }],
  });
  const group = (name: string) => ({
    type: "Group",
    uri: `http://acs.amazonaws.com/groups/${name}`,
  });
  runCasesInBothPostures(
    pack,
    () => happy,
    us,
    (["aws:s3/bucketLogging:BucketLogging", "aws:s3/bucketLoggingV2:BucketLoggingV2"] as const)
      .map((type) => [type, `s3 bucket logging${type.endsWith("V2") ? " v2" : ""} "records-log"`])
      .flatMap(([type, label]) => [
        {
          name: `${type} lets everyone read the access logs`,
          bad: add(type, "records-log", logGrant(group("global/AllUsers"))),
          expected: [
            ["public-exposure", "records-log", "mandatory", ["the internet", label]] as Finding,
          ],
          twinName: `the ${type} grants them to S3's log-delivery group only`,
          twin: add(type, "records-log", logGrant(group("s3/LogDelivery"))),
        },
        {
          name: `${type} grants the access logs to an e-mail address`,
          bad: add(type, "records-log", logGrant(byEmail)),
          expected: [
            [
              "cross-account-links",
              "records-log",
              "advisory",
              [inside, label, registered],
            ] as Finding,
          ],
          twinName: `the ${type} grants them to the stack's own canonical user`,
          twin: add(type, "records-log", logGrant(byId)),
        },
      ]),
  );

  // A flow log delivered to a Firehose stream of another account goes through a role of it.
  const flowsTo = (owner: string) =>
    set("flow-log", (p) => {
      p.logDestinationType = "kinesis-data-firehose";
      p.logDestination = `arn:aws:firehose:us-west-2:${owner}:deliverystream/flows`;
      p.deliverCrossAccountRole = `arn:aws:iam::${owner}:role/flow-delivery`;
    });
  runCases(pack, () => happy, us, [
    {
      name: "a flow log is delivered through a role of another account",
      bad: flowsTo(other),
      expected: [
        [
          "log-shipping",
          "flow-log",
          "mandatory",
          [inside, 'ec2 flow log "flow-log"', otherAccount],
        ],
      ],
      twinName: "the delivery role is the stack's own account's",
      twin: flowsTo(account),
    },
  ]);

  // A landing zone's manifest names the accounts that get every governed account's logs,
  // backups and audit roles; each is the stack's own account unless `accounts` says otherwise.
  const landingZone = (accounts: { logs?: string; backups?: string; audit?: string }) =>
    add("aws:controltower/landingZone:LandingZone", "landing-zone", {
      version: "3.3",
      manifestJson: JSON.stringify({
        governedRegions: ["us-west-2"],
        organizationStructure: { security: { name: "Security" }, sandbox: { name: "Sandbox" } },
        centralizedLogging: {
          accountId: accounts.logs ?? account,
          configurations: {
            loggingBucket: { retentionDays: 365 },
            accessLoggingBucket: { retentionDays: 365 },
          },
          enabled: true,
        },
        backup: {
          enabled: true,
          configurations: {
            backupAdmin: { accountId: account },
            centralBackup: { accountId: accounts.backups ?? account },
          },
        },
        securityRoles: { accountId: accounts.audit ?? account },
        accessManagement: { enabled: true },
      }),
    });
  const zoneLabel = 'controltower landing zone "landing-zone"';
  runCases(pack, () => happy, us, [
    {
      name: "a landing zone archives every governed account's CloudTrail logs in another account",
      bad: landingZone({ logs: other }),
      expected: [["log-shipping", "landing-zone", "mandatory", [inside, zoneLabel, otherAccount]]],
      twinName: "the log archive is the stack's own account",
      twin: landingZone({}),
    },
    {
      name: "a landing zone copies every governed account's backups to another account",
      bad: landingZone({ backups: other }),
      expected: [["backup-copies", "landing-zone", "mandatory", [inside, zoneLabel, otherAccount]]],
      twinName: "the central backup account is the stack's own",
      twin: landingZone({}),
    },
    {
      name: "a landing zone gives another account audit roles in every governed account",
      bad: landingZone({ audit: other }),
      expected: [
        ["cross-account-links", "landing-zone", "advisory", [inside, zoneLabel, otherAccount]],
      ],
      twinName: "the audit account is the stack's own",
      twin: landingZone({}),
    },
  ]);

  // Whom an endpoint service lets connect endpoints to it.
  const endpointService = (principal: string, acceptanceRequired = false) =>
    add("aws:ec2/vpcEndpointService:VpcEndpointService", "records-svc", {
      acceptanceRequired,
      networkLoadBalancerArns: [
        `arn:aws:elasticloadbalancing:us-west-2:${account}:loadbalancer/net/records/0123`,
      ],
      allowedPrincipals: [principal],
    });
  const serviceLabel = 'ec2 vpc endpoint service "records-svc"';
  const ownRoot = `arn:aws:iam::${account}:root`;
  runCasesInBothPostures(pack, () => happy, us, [
    {
      name: "an endpoint service lets a role of another account connect endpoints",
      bad: endpointService(`arn:aws:iam::${other}:role/consumer`),
      expected: [
        ["cross-account-links", "records-svc", "advisory", [inside, serviceLabel, otherAccount]],
      ],
      twinName: "the endpoint service lets only the stack's own account connect",
      twin: endpointService(ownRoot),
    },
    {
      name: 'an endpoint service lets "*" connect without acceptance',
      bad: endpointService("*"),
      expected: [["public-exposure", "records-svc", "mandatory", ["the internet", serviceLabel]]],
      twinName: "the endpoint service lets the stack's own account connect without acceptance",
      twin: endpointService(ownRoot),
    },
    {
      name: 'an endpoint service lets "*" ask to connect and accepts whom its owner chooses',
      bad: endpointService("*", true),
      expected: [
        [
          "cross-account-links",
          "records-svc",
          "advisory",
          [
            inside,
            serviceLabel,
            "every AWS account whose connection the service's owner accepts (the pack cannot tell which)",
          ],
        ],
      ],
      twinName: "the endpoint service with acceptance lets only the stack's own account ask",
      twin: endpointService(ownRoot, true),
    },
    // Found by the benches' rerun: a principal only another stack knows was judged public, where
    // the service's own list reads it as an undecided grant.
    {
      name: "an endpoint service's allowed principal, a resource of its own, is known only to another stack",
      bad: add(
        "aws:ec2/vpcEndpointServiceAllowedPrinciple:VpcEndpointServiceAllowedPrinciple",
        "partner",
        { vpcEndpointServiceId: "vpce-svc-0123", principalArn: unknown },
      ),
      expected: [
        [
          "cross-account-links",
          "partner",
          "advisory",
          [
            inside,
            'ec2 vpc endpoint service allowed principle "partner"',
            "a principal not known at preview (whose account it is is decided at deployment)",
          ],
        ],
      ],
      twinName: "it is the stack's own account",
      twin: add(
        "aws:ec2/vpcEndpointServiceAllowedPrinciple:VpcEndpointServiceAllowedPrinciple",
        "partner",
        { vpcEndpointServiceId: "vpce-svc-0123", principalArn: ownRoot },
      ),
    },
    // Found by the sharing bench: an EventBridge permission and the same statement in a bus
    // policy gave opposite verdicts.
    ...(
      [
        ['"*"', "*", ["public-exposure", "mandatory", "the internet"]],
        ["another account", other, ["cross-account-links", "advisory", inside]],
      ] as const
    ).map(([who, principal, [policy, level, near]]) => ({
      name: `an EventBridge permission lets ${who} put events on the bus`,
      bad: add("aws:cloudwatch/eventPermission:EventPermission", "partner", {
        statementId: "partner",
        principal,
      }),
      expected: [
        [
          policy,
          "partner",
          level,
          policy === "public-exposure"
            ? [near, 'cloudwatch event permission "partner"']
            : [near, 'cloudwatch event permission "partner"', otherAccount],
        ] as Finding,
      ],
      twinName: "it lets the stack's own account put events",
      twin: add("aws:cloudwatch/eventPermission:EventPermission", "partner", {
        statementId: "partner",
        principal: account,
      }),
    })),
    // Found by the sharing bench: the principal allowed as a resource of its own passed unseen.
    ...[
      ['"*"', "*", ["public-exposure", "mandatory", "the internet"]],
      [
        "another account",
        `arn:aws:iam::${other}:root`,
        ["cross-account-links", "advisory", inside],
      ],
    ].map(([who, principalArn, [policy, level, near]]) => ({
      name: `an endpoint service's allowed principal, a resource of its own, lets ${who} connect`,
      bad: add(
        "aws:ec2/vpcEndpointServiceAllowedPrinciple:VpcEndpointServiceAllowedPrinciple",
        "partner",
        { vpcEndpointServiceId: "vpce-svc-0123", principalArn },
      ),
      expected: [
        [
          policy,
          "partner",
          level,
          policy === "public-exposure"
            ? [near, 'ec2 vpc endpoint service allowed principle "partner"']
            : [near, 'ec2 vpc endpoint service allowed principle "partner"', otherAccount],
        ] as Finding,
      ],
      twinName: "it lets the stack's own account connect",
      twin: add(
        "aws:ec2/vpcEndpointServiceAllowedPrinciple:VpcEndpointServiceAllowedPrinciple",
        "partner",
        { vpcEndpointServiceId: "vpce-svc-0123", principalArn: ownRoot },
      ),
    })),
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
      name: "a bucket policy lets another account read the bucket",
      bad: set("records-policy", (p) => {
        p.policy = doc({
          Principal: { AWS: `arn:aws:iam::${other}:root` },
          Action: "s3:GetObject",
          Resource: "arn:aws:s3:::sdc-records/*",
        });
      }),
      expected: [
        [
          "cross-account-links",
          "records-policy",
          "advisory",
          [inside, 's3 bucket policy "records-policy"', otherAccount],
        ],
      ],
      twinName:
        "the bucket policy lets Oregon's load balancers write their access logs (the region's log-delivery account)",
      twin: set("records-policy", (p) => {
        p.policy = doc({
          Principal: { AWS: "arn:aws:iam::797873946194:root" },
          Action: "s3:PutObject",
          Resource: "arn:aws:s3:::sdc-records/AWSLogs/*",
        });
      }),
    },
    {
      name: "a role's trust policy lets another account assume it",
      bad: add("aws:iam/role:Role", "auditor", {
        assumeRolePolicy: doc({
          Principal: { AWS: `arn:aws:iam::${other}:root` },
          Action: "sts:AssumeRole",
        }),
      }),
      expected: [
        [
          "cross-account-links",
          "auditor",
          "advisory",
          ["a global service", 'iam role "auditor"', otherAccount],
        ],
      ],
      twinName: "the role trusts the stack's own account and Lambda",
      twin: add("aws:iam/role:Role", "auditor", {
        assumeRolePolicy: doc({
          Principal: { AWS: `arn:aws:iam::${account}:root`, Service: "lambda.amazonaws.com" },
          Action: "sts:AssumeRole",
        }),
      }),
    },
    {
      name: "a role trusts the identities of a web identity provider (CI workflows)",
      bad: add("aws:iam/role:Role", "deployer", {
        assumeRolePolicy: doc({
          Principal: {
            Federated: `arn:aws:iam::${account}:oidc-provider/token.actions.githubusercontent.com`,
          },
          Action: "sts:AssumeRoleWithWebIdentity",
          Condition: {
            StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme/records:*" },
          },
        }),
      }),
      expected: [
        [
          "cross-account-links",
          "deployer",
          "advisory",
          [
            "a global service",
            'iam role "deployer"',
            "the identities token.actions.githubusercontent.com vouches for (an identity provider, not an account of the stack)",
          ],
        ],
      ],
      twinName: "the role trusts the users of a Cognito identity pool of the stack",
      twin: add("aws:iam/role:Role", "deployer", {
        assumeRolePolicy: doc({
          Principal: { Federated: "cognito-identity.amazonaws.com" },
          Action: "sts:AssumeRoleWithWebIdentity",
        }),
      }),
    },
    {
      name: "a role's trust is not known at preview (a service account's trust of its cluster's OIDC issuer)",
      bad: add("aws:iam/role:Role", "irsa", { assumeRolePolicy: unknown }),
      expected: [
        [
          "cross-account-links",
          "irsa",
          "advisory",
          [
            "a global service",
            'iam role "irsa"',
            "principals not known at preview (who may assume the role is decided at deployment)",
          ],
        ],
      ],
      twinName: "the trust is known and names the stack's own account",
      twin: add("aws:iam/role:Role", "irsa", {
        assumeRolePolicy: doc({
          Principal: { AWS: `arn:aws:iam::${account}:root` },
          Action: "sts:AssumeRole",
        }),
      }),
    },
    {
      name: "a role's trust policy lets anyone assume it",
      bad: add("aws:iam/role:Role", "open", {
        assumeRolePolicy: doc({ Principal: { AWS: "*" }, Action: "sts:AssumeRole" }),
      }),
      expected: [["public-exposure", "open", "mandatory", ["the internet", 'iam role "open"']]],
      twinName: "the trust of everyone is bound to the stack's own account",
      twin: add("aws:iam/role:Role", "open", {
        assumeRolePolicy: doc({
          Principal: { AWS: "*" },
          Action: "sts:AssumeRole",
          Condition: { StringEquals: { "aws:PrincipalAccount": account } },
        }),
      }),
    },
    {
      name: "a bucket policy lets the program's distribution of another account read the bucket",
      bad: set("records-policy", (p) => {
        p.policy = doc({
          Principal: { Service: "cloudfront.amazonaws.com" },
          Action: "s3:GetObject",
          Resource: "arn:aws:s3:::sdc-records/*",
          Condition: {
            StringEquals: { "AWS:SourceArn": "arn:aws:cloudfront::210987654321:distribution/E1" },
          },
        });
      }),
      expected: [
        [
          "cross-account-links",
          "records-policy",
          "advisory",
          [
            inside,
            's3 bucket policy "records-policy"',
            `account 210987654321 (not this stack's account ${account})`,
          ],
        ],
      ],
      twinName:
        "the stack declares that account its own (sovereign-dc:accountId), as the engine's ARNs carry it",
      twin: set("records-policy", (p) => {
        p.policy = doc({
          Principal: { Service: "cloudfront.amazonaws.com" },
          Action: "s3:GetObject",
          Resource: "arn:aws:s3:::sdc-records/*",
          Condition: {
            StringEquals: { "AWS:SourceArn": "arn:aws:cloudfront::210987654321:distribution/E1" },
          },
        });
      }),
      twinSettings: { ...us, accountIds: ["210987654321"] },
    },
    {
      name: "a bucket's own policy lets another account read it",
      bad: set("records", (p) => {
        p.policy = doc({
          Principal: { AWS: other },
          Action: "s3:GetObject",
          Resource: "arn:aws:s3:::sdc-records/*",
        });
      }),
      expected: [
        [
          "cross-account-links",
          "records",
          "advisory",
          [inside, 's3 bucket "records"', otherAccount],
        ],
      ],
      twinName: "the bucket's own policy lets the stack's own account read it",
      twin: set("records", (p) => {
        p.policy = doc({
          Principal: { AWS: account },
          Action: "s3:GetObject",
          Resource: "arn:aws:s3:::sdc-records/*",
        });
      }),
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
      bad: lfGrant(other),
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
    // Found by the sharing bench: a field that names only accounts, not known at preview, was
    // judged public exposure; it is an account decided at deployment.
    {
      name: "a RAM share goes to an account only another stack knows",
      bad: ramShare(unknown),
      expected: [
        [
          "cross-account-links",
          "partner-share",
          "advisory",
          [
            inside,
            'ram principal association "partner-share"',
            "an account not known at preview (which one is decided at deployment)",
          ],
        ],
      ],
      twinName: "it goes to the stack's own account",
      twin: ramShare(account),
    },
    // Found by the sharing bench: a shared directory passed unseen.
    {
      name: "a Managed Microsoft AD is shared with another account",
      bad: add("aws:directoryservice/sharedDirectory:SharedDirectory", "partner", {
        directoryId: "d-0123456789",
        method: "HANDSHAKE",
        target: { id: other, type: "ACCOUNT" },
      }),
      expected: [
        [
          "cross-account-links",
          "partner",
          "advisory",
          [inside, 'directoryservice shared directory "partner"', otherAccount],
        ],
      ],
      twinName: "it is shared with the stack's own account",
      twin: add("aws:directoryservice/sharedDirectory:SharedDirectory", "partner", {
        directoryId: "d-0123456789",
        method: "HANDSHAKE",
        target: { id: account, type: "ACCOUNT" },
      }),
    },
    // Found by the sharing bench: `<account>:IAMPrincipals` was read as an account of that name.
    {
      name: "Lake Formation grants a table to every IAM principal of another account",
      bad: lfGrant(`${other}:IAMPrincipals`),
      expected: [
        [
          "cross-account-links",
          "orders-grant",
          "advisory",
          [inside, 'lakeformation permissions "orders-grant"', otherAccount],
        ],
      ],
      twinName: "it grants it to every IAM principal of the stack's own account",
      twin: lfGrant(`${account}:IAMPrincipals`),
    },
    {
      name: "a catalog database gives every new table to another account by default",
      bad: add("aws:glue/catalogDatabase:CatalogDatabase", "sales-db", {
        name: "sales",
        createTableDefaultPermissions: [
          { permissions: ["SELECT"], principal: { dataLakePrincipalIdentifier: other } },
        ],
      }),
      expected: [
        [
          "cross-account-links",
          "sales-db",
          "advisory",
          [inside, 'glue catalog database "sales-db"', otherAccount],
        ],
      ],
      twinName: "the catalog database leaves new tables to the account's own IAM principals",
      twin: add("aws:glue/catalogDatabase:CatalogDatabase", "sales-db", {
        name: "sales",
        createTableDefaultPermissions: [
          {
            permissions: ["ALL"],
            principal: { dataLakePrincipalIdentifier: "IAM_ALLOWED_PRINCIPALS" },
          },
        ],
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
  /**
   * CoreDNS's ConfigMap (or its Patch), whose Corefile forwards the root zone to the node's
   * resolvers and the `corp.example` zone as `corp` says.
   */
  const coreDns = (type: string, corp: string) =>
    k8s(type, "coredns", {
      metadata: { name: "coredns", namespace: "kube-system" },
      data: { Corefile: corefile("forward . /etc/resolv.conf", corp) },
    });
  const corefile = (root: string, corp: string) =>
    `.:53 {\n    errors\n    kubernetes cluster.local in-addr.arpa ip6.arpa\n    ${root}\n}\ncorp.example:53 {\n    ${corp}\n}\n`;
  // Each case declares one object in the happy path's cluster (namespace "records", which has a
  // default-deny egress policy) that sends data to a server it names; the twin names a private,
  // in-cluster or allowlisted one (the partner range 198.51.100.0/24).
  const k8s =
    (type: string, name: string, inputs: Props) =>
    (plan: Plan): Plan =>
      add(type, name, inputs, { provider: "kube" })(plan);
  const records = { namespace: "records" };
  /** A kubeconfig of an EKS cluster in `region`, as text or base64 (a Secret's `data`). */
  const remoteKubeconfig = (region: string, base64: boolean) => {
    const text = [
      "apiVersion: v1",
      "kind: Config",
      "clusters:",
      "- name: remote",
      "  cluster:",
      `    server: https://0A1B2C3D.gr7.${region}.eks.amazonaws.com`,
      "contexts:",
      "- name: remote",
      "  context: {cluster: remote, user: remote}",
      "current-context: remote",
      "users:",
      "- name: remote",
      "  user: {token: redacted}",
    ].join("\n");
    return base64 ? Buffer.from(text).toString("base64") : text;
  };
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
      name: "CoreDNS's Corefile forwards the cluster's DNS queries to a public resolver",
      bad: coreDns("kubernetes:core/v1:ConfigMap", "forward . tls://1.1.1.1"),
      expected: [
        [
          "kubernetes-egress",
          "coredns",
          "mandatory",
          ['k8s configmap "coredns"', "1.1.1.1 (DNS resolver)"],
        ],
      ],
      twinName: "it forwards to the network's resolver, a private one and an allowlisted one",
      twin: coreDns("kubernetes:core/v1:ConfigMap", "forward . 10.30.0.2:53 198.51.100.53"),
    },
    {
      name: "a patch of CoreDNS's Corefile forwards a zone to a resolver by host name",
      bad: coreDns("kubernetes:core/v1:ConfigMapPatch", "forward . dns.partner.example"),
      expected: [
        [
          "kubernetes-egress",
          "coredns",
          "mandatory",
          ['k8s configmappatch "coredns"', "dns.partner.example (cannot be placed)"],
        ],
      ],
      twinName: "a ConfigMap without a Corefile holds only the application's settings",
      twin: k8s("kubernetes:core/v1:ConfigMap", "app-settings", {
        metadata: records,
        data: { upstream: "dns.partner.example", LOG_LEVEL: "info" },
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
    // Found by the multi-cluster bench: the mesh's configuration istiod reads was not read.
    ...(
      [
        [
          "sends every proxy's traces to a collector",
          (host: string) =>
            `defaultProviders:\n  tracing: [otel]\nextensionProviders:\n- name: otel\n  opentelemetry:\n    service: ${host}\n    port: 4317\n`,
          "mesh",
        ],
        [
          "routes another network's traffic through a gateway",
          (host: string) =>
            `networks:\n  network2:\n    endpoints:\n    - fromRegistry: remote\n    gateways:\n    - address: ${host}\n      port: 15443\n`,
          "meshNetworks",
        ],
      ] as const
    ).map(([what, text, key]) => {
      const mesh = (region: string) =>
        k8s("kubernetes:core/v1:ConfigMap", "istio", {
          metadata: { name: "istio", namespace: "istio-system" },
          data: { [key]: text(`edge.elb.${region}.amazonaws.com`) },
        });
      return {
        name: `the mesh's configuration ${what} in Frankfurt`,
        bad: mesh("eu-central-1"),
        expected: [
          [
            "kubernetes-egress",
            "istio",
            "mandatory",
            [
              'k8s configmap "istio"',
              "edge.elb.eu-central-1.amazonaws.com in eu-central-1 (outside US, in EU)",
            ],
          ] as Finding,
        ],
        twinName: "it does so in Ohio",
        twin: mesh("us-east-2"),
      };
    }),
    // Found by the multi-cluster bench: a mesh's remote secret for a cluster abroad passed, while
    // the same kubeconfig given to a provider failed naming the region.
    ...[
      ["Istio's remote secret", { labels: { "istio/multiCluster": "true" } }, "stringData"],
      ["Linkerd's remote kubeconfig", { type: "mirror.linkerd.io/remote-kubeconfig" }, "data"],
    ].map(([what, marks, at]) => {
      const secret = (region: string) =>
        k8s("kubernetes:core/v1:Secret", "remote", {
          metadata: {
            ...records,
            name: "remote",
            ...((marks as { labels?: Props }).labels
              ? { labels: (marks as { labels: Props }).labels }
              : {}),
          },
          ...((marks as { type?: string }).type ? { type: (marks as { type: string }).type } : {}),
          [at as string]: { remote: remoteKubeconfig(region, at === "data") },
        });
      return {
        name: `${what as string} joins a cluster in Frankfurt to the mesh`,
        bad: secret("eu-central-1"),
        expected: [
          [
            "kubernetes-egress",
            "remote",
            "mandatory",
            [
              'k8s secret "remote"',
              "0a1b2c3d.gr7.eu-central-1.eks.amazonaws.com in eu-central-1 (outside US, in EU)",
            ],
          ] as Finding,
        ],
        twinName: "it joins a cluster in Ohio",
        twin: secret("us-east-2"),
      };
    }),
    // Found by the multi-cluster bench: a load balancer's DNS name in an FQDN slice was a host
    // the pack could not place, where an ExternalName Service placed it by its region.
    {
      name: "an FQDN EndpointSlice sends the Service's traffic to a load balancer in Frankfurt",
      bad: k8s("kubernetes:discovery.k8s.io/v1:EndpointSlice", "partner-slice", {
        metadata: records,
        addressType: "FQDN",
        endpoints: [{ addresses: ["payments-0123.elb.eu-central-1.amazonaws.com."] }],
      }),
      expected: [
        [
          "kubernetes-egress",
          "partner-slice",
          "mandatory",
          [
            'k8s endpointslice "partner-slice"',
            "payments-0123.elb.eu-central-1.amazonaws.com. in eu-central-1 (outside US, in EU)",
          ],
        ],
      ],
      twinName: "the load balancer is in Oregon",
      twin: k8s("kubernetes:discovery.k8s.io/v1:EndpointSlice", "partner-slice", {
        metadata: records,
        addressType: "FQDN",
        endpoints: [{ addresses: ["payments-0123.elb.us-west-2.amazonaws.com."] }],
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
      name: "a ServiceList's entry is served on a public external IP",
      bad: k8s("kubernetes:core/v1:ServiceList", "edge", {
        items: [
          {
            metadata: records,
            spec: {
              selector: { app: "edge" },
              ports: [{ port: 443 }],
              externalIPs: ["10.30.4.10", "203.0.113.80"],
            },
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
      twinName: "the entry's external IP is a private address of the cluster's network",
      twin: k8s("kubernetes:core/v1:ServiceList", "edge", {
        items: [
          {
            metadata: records,
            spec: {
              selector: { app: "edge" },
              ports: [{ port: 443 }],
              externalIPs: ["10.30.4.10"],
            },
          },
        ],
      }),
    },
    {
      name: "a ServicePatch points a Service's externalName at a host outside the cluster",
      bad: k8s("kubernetes:core/v1:ServicePatch", "ledger", {
        metadata: records,
        spec: { externalName: "db.example.com" },
      }),
      expected: [
        [
          "kubernetes-service-exposure",
          "ledger",
          "mandatory",
          ['k8s servicepatch "ledger"', "db.example.com (cannot be placed)"],
        ],
      ],
      twinName: "the patch aliases a Service of the cluster",
      twin: k8s("kubernetes:core/v1:ServicePatch", "ledger", {
        metadata: records,
        spec: { externalName: "ledger.records.svc.cluster.local" },
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

/** An AppFlow connector profile for the Snowflake account `snowflake` names, with its stage. */
const snowflakeProfile = (snowflake: Props) =>
  add("aws:appflow/connectorProfile:ConnectorProfile", "warehouse", {
    name: "warehouse",
    connectionMode: "Public",
    connectorType: "Snowflake",
    connectorProfileConfig: {
      connectorProfileCredentials: { snowflake: { username: "appflow", password: "x" } },
      connectorProfileProperties: {
        snowflake: {
          ...snowflake,
          bucketName: "sdc-records",
          stage: "records.public.appflow",
          warehouse: "loads",
        },
      },
    },
  });

/** A Comprehend training manifest whose annotations and source documents lie at the two URIs. */
const augmentedManifest = (annotationDataS3Uri: string, sourceDocumentsS3Uri: string) => ({
  s3Uri: "s3://sdc-records/manifests/train.manifest",
  attributeNames: ["labels"],
  documentType: "SEMI_STRUCTURED_DOCUMENT",
  annotationDataS3Uri,
  sourceDocumentsS3Uri,
});

describe("data destinations: logs, exports and pushed requests", () => {
  /** An EventBridge global endpoint whose secondary bus and route are in `secondary`. */
  const globalEndpoint = (secondary: string) =>
    add("aws:cloudwatch/eventEndpoint:EventEndpoint", "global-events", {
      name: "orders",
      roleArn: `arn:aws:iam::${account}:role/events-replication`,
      eventBuses: [
        { eventBusArn: `arn:aws:events:us-west-2:${account}:event-bus/orders` },
        { eventBusArn: `arn:aws:events:${secondary}:${account}:event-bus/orders` },
      ],
      replicationConfig: { state: "ENABLED" },
      routingConfig: {
        failoverConfig: {
          primary: { healthCheck: "arn:aws:route53:::healthcheck/a1b2" },
          secondary: { route: secondary },
        },
      },
    });
  const frankfurtFunction = `arn:aws:lambda:eu-central-1:${account}:function:orders`;
  const invokeArn = (fn: string) =>
    `arn:aws:apigateway:${fn.split(":")[3]}:lambda:path/2015-03-31/functions/${fn}/invocations`;
  /** A container that ships its logs with `logDriver` and `options`. */
  const shipping = (logDriver: string, options: Record<string, string>) => ({
    name: "orders",
    image: `${account}.dkr.ecr.us-west-2.amazonaws.com/orders:1`,
    essential: true,
    logConfiguration: { logDriver, options },
  });
  const taskDefinition = (logDriver: string, options: Record<string, string>) =>
    add("aws:ecs/taskDefinition:TaskDefinition", "orders-task", {
      family: "orders",
      containerDefinitions: JSON.stringify([shipping(logDriver, options)]),
    });
  /** log-shipping's finding on the task definition "orders-task", whose logs go to `place`. */
  const taskShips = (place: string): Finding => [
    "log-shipping",
    "orders-task",
    "mandatory",
    ["us-west-2 (inside US)", 'ecs task definition "orders-task"', place],
  ];
  const jobDefinition = (logDriver: string, options: Record<string, string>) =>
    add("aws:batch/jobDefinition:JobDefinition", "orders-job", {
      name: "orders",
      type: "container",
      containerProperties: JSON.stringify({
        ...shipping(logDriver, options),
        command: ["report"],
        resourceRequirements: [{ type: "VCPU", value: "1" }],
      }),
    });

  // Found by the regression bench: a bucket's host on S3's global endpoint read "a host that is
  // neither an address nor a cloud service endpoint", which it is.
  test("a webhook to a bucket on S3's global endpoint cannot be placed, and says it is such a bucket", async () => {
    const violations = await pack.checkAround(
      happy,
      add("aws:cloudwatch/eventApiDestination:EventApiDestination", "partner-hook", {
        httpMethod: "PUT",
        invocationEndpoint: "https://someone-elses-bucket.s3.amazonaws.com/drop",
        connectionArn: `arn:aws:events:us-west-2:${account}:connection/partner/0a1b2c3d`,
      })(happy),
      us,
    );
    expect(violations.map((v) => [v.policy, v.level, v.message])).toEqual([
      [
        "log-shipping",
        "mandatory",
        expect.stringContaining(
          "a bucket on S3's global endpoint, which serves it from the bucket's own region, in whatever account holds it, and names neither, so it cannot be placed in a region",
        ),
      ],
    ]);
  });

  runCases(pack, () => happy, us, [
    {
      name: "a pipe runs Fargate tasks with public IP addresses",
      bad: add("aws:pipes/pipe:Pipe", "orders-tasks", {
        roleArn: `arn:aws:iam::${account}:role/pipes`,
        source: `arn:aws:sqs:us-west-2:${account}:orders`,
        target: `arn:aws:ecs:us-west-2:${account}:cluster/records`,
        targetParameters: {
          ecsTaskParameters: {
            taskDefinitionArn: `arn:aws:ecs:us-west-2:${account}:task-definition/report:1`,
            launchType: "FARGATE",
            networkConfiguration: {
              awsVpcConfiguration: { subnets: ["subnet-records"], assignPublicIp: "ENABLED" },
            },
          },
        },
      }),
      expected: [
        [
          "internet-egress",
          "orders-tasks",
          "mandatory",
          ['pipe "orders-tasks"', "the internet (any country)"],
        ],
      ],
      twinName: "the pipe's tasks get only private addresses",
      twin: add("aws:pipes/pipe:Pipe", "orders-tasks", {
        roleArn: `arn:aws:iam::${account}:role/pipes`,
        source: `arn:aws:sqs:us-west-2:${account}:orders`,
        target: `arn:aws:ecs:us-west-2:${account}:cluster/records`,
        targetParameters: {
          ecsTaskParameters: {
            taskDefinitionArn: `arn:aws:ecs:us-west-2:${account}:task-definition/report:1`,
            launchType: "FARGATE",
            networkConfiguration: {
              awsVpcConfiguration: { subnets: ["subnet-records"], assignPublicIp: "DISABLED" },
            },
          },
        },
      }),
    },
    {
      name: "a pipe puts events on a bus through a global endpoint",
      bad: add("aws:pipes/pipe:Pipe", "orders-bus", {
        roleArn: `arn:aws:iam::${account}:role/pipes`,
        source: `arn:aws:sqs:us-west-2:${account}:orders`,
        target: `arn:aws:events:us-west-2:${account}:event-bus/orders`,
        targetParameters: {
          eventbridgeEventBusParameters: { detailType: "order", endpointId: "abcde.veo" },
        },
      }),
      expected: [
        [
          "log-shipping",
          "orders-bus",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'pipe "orders-bus"',
            "an EventBridge global endpoint, which fails over (and by default replicates) them to a secondary Region the pipe does not name",
          ],
        ],
      ],
      twinName: "the pipe puts them on the bus directly",
      twin: add("aws:pipes/pipe:Pipe", "orders-bus", {
        roleArn: `arn:aws:iam::${account}:role/pipes`,
        source: `arn:aws:sqs:us-west-2:${account}:orders`,
        target: `arn:aws:events:us-west-2:${account}:event-bus/orders`,
        targetParameters: { eventbridgeEventBusParameters: { detailType: "order" } },
      }),
    },
    {
      name: "an ECS task's container ships its logs to a Splunk collector outside the cloud",
      bad: taskDefinition("splunk", {
        "splunk-url": "https://splunk.partner.example:8088",
        "splunk-token": "x",
      }),
      expected: [taskShips('"https://splunk.partner.example:8088" (cannot be placed)')],
      twinName: "the collector is a private address of the stack's network",
      twin: taskDefinition("splunk", {
        "splunk-url": "https://10.0.1.40:8088",
        "splunk-token": "x",
      }),
    },
    {
      name: "an ECS task's container ships its logs to a syslog server at a public address",
      bad: taskDefinition("syslog", { "syslog-address": "tcp+tls://203.0.113.30:6514" }),
      expected: [taskShips('"203.0.113.30" (cannot be placed)')],
      twinName: "to the container instance's own syslog socket",
      twin: taskDefinition("syslog", { "syslog-address": "unix:///dev/log" }),
    },
    {
      name: "an ECS task's container ships its logs to a Fluentd server outside the cloud",
      bad: taskDefinition("fluentd", { "fluentd-address": "logs.partner.example:24224" }),
      expected: [taskShips('"logs.partner.example:24224" (cannot be placed)')],
      twinName: "to a Fluentd agent on the container instance",
      twin: taskDefinition("fluentd", { "fluentd-address": "localhost:24224" }),
    },
    {
      name: "an ECS daemon's container ships its logs to a GELF server outside the cloud",
      bad: add("aws:ecs/daemonTaskDefinition:DaemonTaskDefinition", "orders-daemon", {
        family: "orders-daemon",
        containerDefinitions: [
          shipping("gelf", { "gelf-address": "udp://graylog.partner.example:12201" }),
        ],
      }),
      expected: [
        [
          "log-shipping",
          "orders-daemon",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'ecs daemon task definition "orders-daemon"',
            '"udp://graylog.partner.example:12201" (cannot be placed)',
          ],
        ],
      ],
      twinName: "the GELF server is a private address of the stack's network",
      twin: add("aws:ecs/daemonTaskDefinition:DaemonTaskDefinition", "orders-daemon", {
        family: "orders-daemon",
        containerDefinitions: [shipping("gelf", { "gelf-address": "udp://10.0.1.41:12201" })],
      }),
    },
    {
      name: "a Batch job's container ships its logs through FireLens to Datadog's EU site",
      bad: jobDefinition("awsfirelens", {
        Name: "datadog",
        Host: "http-intake.logs.datadoghq.eu",
        TLS: "on",
      }),
      expected: [
        [
          "log-shipping",
          "orders-job",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'batch job definition "orders-job"',
            '"http-intake.logs.datadoghq.eu" (cannot be placed)',
          ],
        ],
      ],
      twinName: "FireLens ships them to an OpenSearch domain in Virginia",
      twin: jobDefinition("awsfirelens", {
        Name: "opensearch",
        Host: "search-orders-abc123.us-east-1.es.amazonaws.com",
        Port: "443",
      }),
    },
    {
      name: "an AppFlow profile's Snowflake account is named without its region",
      bad: snowflakeProfile({ accountName: "records-analytics" }),
      expected: [
        [
          "log-shipping",
          "warehouse",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'appflow connector profile "warehouse"',
            '"records-analytics", in a region neither the name nor connectorProfileConfig.connectorProfileProperties.snowflake.region names (cannot be placed)',
          ],
        ],
      ],
      twinName: "the profile names the Snowflake account's region, Virginia",
      twin: snowflakeProfile({ accountName: "records-analytics", region: "us-east-1" }),
    },
    {
      name: "an AppFlow profile's Snowflake account locator names Frankfurt",
      bad: snowflakeProfile({ accountName: "xy12345.eu-central-1" }),
      expected: [
        [
          "log-shipping",
          "warehouse",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'appflow connector profile "warehouse"',
            '"xy12345.eu-central-1", in eu-central-1 (outside US)',
          ],
        ],
      ],
      twinName: "the account locator names Ohio",
      twin: snowflakeProfile({ accountName: "xy12345.us-east-2.aws" }),
    },
    {
      name: "a DMS task logs the changes it replicates (Time Travel) to a bucket the program does not create",
      bad: add("aws:dms/replicationTask:ReplicationTask", "orders-cdc", {
        replicationTaskId: "orders-cdc",
        migrationType: "cdc",
        replicationInstanceArn: `arn:aws:dms:us-west-2:${account}:rep:orders`,
        sourceEndpointArn: `arn:aws:dms:us-west-2:${account}:endpoint:source`,
        targetEndpointArn: `arn:aws:dms:us-west-2:${account}:endpoint:target`,
        tableMappings: "{}",
        replicationTaskSettings: JSON.stringify({
          TTSettings: { EnableTT: true, TTS3Settings: { BucketName: "dms-travel-abroad" } },
        }),
      }),
      expected: [
        [
          "named-destinations",
          "orders-cdc",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'dms replication task "orders-cdc"',
            '"dms-travel-abroad" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it logs them to a bucket of the program",
      // The program writes the settings from the bucket's name (pulumi.jsonStringify).
      twin: add(
        "aws:dms/replicationTask:ReplicationTask",
        "orders-cdc",
        {
          replicationTaskId: "orders-cdc",
          migrationType: "cdc",
          replicationInstanceArn: `arn:aws:dms:us-west-2:${account}:rep:orders`,
          sourceEndpointArn: `arn:aws:dms:us-west-2:${account}:endpoint:source`,
          targetEndpointArn: `arn:aws:dms:us-west-2:${account}:endpoint:target`,
          tableMappings: "{}",
          replicationTaskSettings: JSON.stringify({
            TTSettings: { EnableTT: true, TTS3Settings: { BucketName: "sdc-records" } },
          }),
        },
        { dependsOn: { replicationTaskSettings: ["records"] } },
      ),
    },
    {
      name: "a Comprehend classifier trains on annotations and source documents of buckets the program does not create",
      bad: add("aws:comprehend/documentClassifier:DocumentClassifier", "forms", {
        name: "forms",
        languageCode: "en",
        dataAccessRoleArn: `arn:aws:iam::${account}:role/comprehend`,
        inputDataConfig: {
          dataFormat: "AUGMENTED_MANIFEST",
          augmentedManifests: [
            augmentedManifest("s3://labels-abroad/annotations/", "s3://scans-abroad/pdf/"),
          ],
        },
      }),
      expected: [
        [
          "named-destinations",
          "forms",
          "mandatory",
          [
            '"s3://labels-abroad/annotations/" (cannot be placed)',
            'comprehend document classifier "forms"',
            "us-west-2 (inside US)",
          ],
        ],
        [
          "named-destinations",
          "forms",
          "mandatory",
          [
            '"s3://scans-abroad/pdf/" (cannot be placed)',
            'comprehend document classifier "forms"',
            "us-west-2 (inside US)",
          ],
        ],
      ],
      twinName: "its manifest's annotations and source documents are in the program's bucket",
      twin: add("aws:comprehend/documentClassifier:DocumentClassifier", "forms", {
        name: "forms",
        languageCode: "en",
        dataAccessRoleArn: `arn:aws:iam::${account}:role/comprehend`,
        inputDataConfig: {
          dataFormat: "AUGMENTED_MANIFEST",
          augmentedManifests: [
            augmentedManifest("s3://sdc-records/annotations/", "s3://sdc-records/pdf/"),
          ],
        },
      }),
    },
    {
      name: "a Comprehend entity recognizer takes annotations and source documents from buckets the program does not create",
      bad: add("aws:comprehend/entityRecognizer:EntityRecognizer", "clauses", {
        name: "clauses",
        languageCode: "en",
        dataAccessRoleArn: `arn:aws:iam::${account}:role/comprehend`,
        inputDataConfig: {
          entityTypes: [{ type: "CLAUSE" }],
          documents: { s3Uri: "s3://sdc-records/documents/" },
          annotations: {
            s3Uri: "s3://sdc-records/annotations/train.csv",
            testS3Uri: "s3://labels-abroad/test.csv",
          },
          augmentedManifests: [
            augmentedManifest("s3://labels-abroad/annotations/", "s3://scans-abroad/pdf/"),
          ],
        },
      }),
      expected: [
        [
          "named-destinations",
          "clauses",
          "mandatory",
          [
            '"s3://scans-abroad/pdf/" (cannot be placed)',
            'comprehend entity recognizer "clauses"',
            "us-west-2 (inside US)",
          ],
        ],
        [
          "named-destinations",
          "clauses",
          "mandatory",
          [
            '"s3://labels-abroad/test.csv" (cannot be placed)',
            'comprehend entity recognizer "clauses"',
            "us-west-2 (inside US)",
          ],
        ],
        [
          "named-destinations",
          "clauses",
          "mandatory",
          [
            '"s3://labels-abroad/annotations/" (cannot be placed)',
            'comprehend entity recognizer "clauses"',
            "us-west-2 (inside US)",
          ],
        ],
      ],
      twinName: "its annotations and source documents are all in the program's bucket",
      twin: add("aws:comprehend/entityRecognizer:EntityRecognizer", "clauses", {
        name: "clauses",
        languageCode: "en",
        dataAccessRoleArn: `arn:aws:iam::${account}:role/comprehend`,
        inputDataConfig: {
          entityTypes: [{ type: "CLAUSE" }],
          documents: { s3Uri: "s3://sdc-records/documents/" },
          annotations: {
            s3Uri: "s3://sdc-records/annotations/train.csv",
            testS3Uri: "s3://sdc-records/annotations/test.csv",
          },
          augmentedManifests: [
            augmentedManifest("s3://sdc-records/annotations/", "s3://sdc-records/pdf/"),
          ],
        },
      }),
    },
    {
      name: "a catalogue table catalogues a DynamoDB table in Singapore, by ARN",
      bad: dynamoCatalogued("ap-southeast-1"),
      expected: [
        [
          "log-shipping",
          "orders-table",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'glue catalog table "orders-table"',
            `arn:aws:dynamodb:ap-southeast-1:${account}:table/orders (outside US, in SG)`,
          ],
        ],
      ],
      twinName: "the DynamoDB table is in Oregon",
      twin: dynamoCatalogued("us-west-2"),
    },
    {
      name: "a crawler reads S3, Delta, Hudi and Iceberg data from buckets the program does not create",
      bad: crawler("lake-abroad"),
      expected: [
        ["s3Targets", "s3://lake-abroad/events/"],
        ["deltaTargets", "s3://lake-abroad/delta/events"],
        ["hudiTargets", "s3://lake-abroad/hudi/events"],
        ["icebergTargets", "s3://lake-abroad/iceberg/events"],
      ].map(([, path]): Finding => [
        "named-destinations",
        "lake-crawler",
        "mandatory",
        [`"${path}" (cannot be placed)`, 'glue crawler "lake-crawler"', "us-west-2 (inside US)"],
      ]),
      twinName: "it crawls the program's bucket",
      twin: crawler("sdc-records"),
    },
    {
      name: "a catalogue table keeps Delta, skewed-value and Iceberg data in buckets the program does not create",
      bad: add("aws:glue/catalogTable:CatalogTable", "events-table", {
        databaseName: "orders",
        name: "events",
        tableType: "EXTERNAL_TABLE",
        storageDescriptor: {
          location: "s3://sdc-records/events/",
          additionalLocations: ["s3://sdc-records/events-delta/", "s3://lake-abroad/events-delta/"],
          skewedInfo: {
            skewedColumnNames: ["region"],
            skewedColumnValues: ["west"],
            skewedColumnValueLocationMaps: { west: "s3://lake-abroad/events-west/" },
          },
        },
        openTableFormatInput: {
          icebergInput: {
            metadataOperation: "CREATE",
            icebergTableInput: { location: "s3://lake-abroad/iceberg/events/" },
          },
        },
      }),
      expected: [
        [
          "named-destinations",
          "events-table",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'glue catalog table "events-table"',
            '"s3://lake-abroad/events-delta/" (cannot be placed)',
          ],
        ],
        [
          "named-destinations",
          "events-table",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'glue catalog table "events-table"',
            '"s3://lake-abroad/events-west/" (cannot be placed)',
          ],
        ],
        [
          "named-destinations",
          "events-table",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'glue catalog table "events-table"',
            '"s3://lake-abroad/iceberg/events/" (cannot be placed)',
          ],
        ],
      ],
      twinName: "all the table's locations are in the program's bucket",
      twin: add("aws:glue/catalogTable:CatalogTable", "events-table", {
        databaseName: "orders",
        name: "events",
        tableType: "EXTERNAL_TABLE",
        storageDescriptor: {
          location: "s3://sdc-records/events/",
          additionalLocations: [
            "s3://sdc-records/events-delta/",
            "s3://sdc-records/events-delta-2/",
          ],
          skewedInfo: {
            skewedColumnNames: ["region"],
            skewedColumnValues: ["west"],
            skewedColumnValueLocationMaps: { west: "s3://sdc-records/events-west/" },
          },
        },
        openTableFormatInput: {
          icebergInput: {
            metadataOperation: "CREATE",
            icebergTableInput: { location: "s3://sdc-records/iceberg/events/" },
          },
        },
      }),
    },
    {
      name: "a catalogue partition keeps Delta and skewed-value data in buckets the program does not create",
      bad: add("aws:glue/partition:Partition", "events-2026", {
        databaseName: "orders",
        tableName: "events",
        partitionValues: ["2026"],
        storageDescriptor: {
          location: "s3://sdc-records/events/2026/",
          additionalLocations: ["s3://lake-abroad/events-delta/2026/"],
          skewedInfo: {
            skewedColumnValueLocationMaps: { west: "s3://lake-abroad/events-west/2026/" },
          },
        },
      }),
      expected: [
        [
          "named-destinations",
          "events-2026",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'glue partition "events-2026"',
            '"s3://lake-abroad/events-delta/2026/" (cannot be placed)',
          ],
        ],
        [
          "named-destinations",
          "events-2026",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'glue partition "events-2026"',
            '"s3://lake-abroad/events-west/2026/" (cannot be placed)',
          ],
        ],
      ],
      twinName: "all the partition's locations are in the program's bucket",
      twin: add("aws:glue/partition:Partition", "events-2026", {
        databaseName: "orders",
        tableName: "events",
        partitionValues: ["2026"],
        storageDescriptor: {
          location: "s3://sdc-records/events/2026/",
          additionalLocations: ["s3://sdc-records/events-delta/2026/"],
          skewedInfo: {
            skewedColumnValueLocationMaps: { west: "s3://sdc-records/events-west/2026/" },
          },
        },
      }),
    },
    {
      name: "a Mail Manager rule relays mail through a relay the program does not create",
      bad: add("aws:mailmanager/ruleSet:RuleSet", "relay-rules", {
        name: "relay",
        rules: [{ name: "forward", actions: [{ relay: { relay: "r-0abc1234partner" } }] }],
      }),
      expected: [
        [
          "named-destinations",
          "relay-rules",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'mailmanager rule set "relay-rules"',
            '"r-0abc1234partner" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it relays through the program's relay to the allowlisted partner address",
      twin: pipe(
        relay("198.51.100.25"),
        // The program passes the relay's ID, known only once the relay is created.
        add(
          "aws:mailmanager/ruleSet:RuleSet",
          "relay-rules",
          { name: "relay", rules: [{ name: "forward", actions: [{ relay: { relay: unknown } }] }] },
          { dependsOn: { rules: ["smarthost"] } },
        ),
      ),
    },
    // A relay sends the mail on to the server it names, wherever its ARN's region is: one the
    // program does not create was placed by that region and passed.
    {
      name: "a Mail Manager rule relays mail through a relay of Oregon, by ARN, the program does not create",
      bad: add("aws:mailmanager/ruleSet:RuleSet", "relay-rules", {
        name: "relay",
        rules: [
          {
            name: "forward",
            actions: [
              { relay: { relay: `arn:aws:ses:us-west-2:${account}:mailmanager-relay/r-0abc1234` } },
            ],
          },
        ],
      }),
      expected: [
        [
          "named-destinations",
          "relay-rules",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'mailmanager rule set "relay-rules"',
            `"arn:aws:ses:us-west-2:${account}:mailmanager-relay/r-0abc1234" (cannot be placed)`,
          ],
        ],
      ],
      twinName: "it relays through the program's own relay, to an SES SMTP endpoint in Virginia",
      twin: pipe(
        relay("email-smtp.us-east-1.amazonaws.com"),
        add(
          "aws:mailmanager/ruleSet:RuleSet",
          "relay-rules",
          { name: "relay", rules: [{ name: "forward", actions: [{ relay: { relay: unknown } }] }] },
          { dependsOn: { rules: ["smarthost"] } },
        ),
      ),
    },
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
      twin: pipe(privateFunction("orders"), lambdaIntegration(unknown, ["orders"])),
    },
    {
      name: "a REST API invokes a function only a lookup knows",
      bad: lambdaIntegration(unknown),
      expected: [
        [
          "named-destinations",
          "orders-lambda",
          "mandatory",
          ['apigateway integration "orders-lambda"', "uri (unknown at preview)"],
        ],
      ],
      twinName: "its URI is written out, a function of the stack's region",
      twin: lambdaIntegration(invokeArn(`arn:aws:lambda:us-west-2:${account}:function:orders`)),
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
      expected: [shipsTelemetry('"https://ingest.partner.example/iot" (cannot be placed)')],
      twinName: "the rule queues messages in a queue of the program, not known at preview",
      twin: pipe(
        deviceQueue,
        sqsRule(unknown, "arn:aws:iam::111122223333:role/iot", ["device-messages"]),
      ),
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
      name: "a global event endpoint fails over and replicates to a secondary Region abroad",
      bad: globalEndpoint("eu-central-1"),
      expected: [
        [
          "arn-locality",
          "global-events",
          "mandatory",
          [
            'cloudwatch event endpoint "global-events"',
            "arn:aws:events:eu-central-1:111122223333:event-bus/orders (outside US, in EU)",
          ],
        ],
        [
          "log-shipping",
          "global-events",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'cloudwatch event endpoint "global-events"',
            "eu-central-1 (outside US, in EU)",
          ],
        ],
      ],
      twinName: "its secondary Region is Ohio",
      twin: globalEndpoint("us-east-2"),
    },
    {
      name: "a Firehose stream backs every record up to a bucket the program does not create",
      bad: add("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", "records-stream", {
        destination: "extended_s3",
        extendedS3Configuration: {
          bucketArn: "arn:aws:s3:::sdc-records-logs",
          s3BackupMode: "Enabled",
          s3BackupConfiguration: { bucketArn: "arn:aws:s3:::partner-raw-backup" },
        },
      }),
      expected: [
        [
          "named-destinations",
          "records-stream",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'kinesis firehose delivery stream "records-stream"',
            '"arn:aws:s3:::partner-raw-backup" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it backs them up to the program's log bucket",
      twin: add("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", "records-stream", {
        destination: "extended_s3",
        extendedS3Configuration: {
          bucketArn: "arn:aws:s3:::sdc-records-logs",
          s3BackupMode: "Enabled",
          s3BackupConfiguration: { bucketArn: "arn:aws:s3:::sdc-records-logs" },
        },
      }),
    },
    {
      name: "a Resolver query log configuration delivers DNS queries to a bucket the program does not create",
      bad: add("aws:route53/resolverQueryLogConfig:ResolverQueryLogConfig", "dns-queries", {
        destinationArn: "arn:aws:s3:::central-dns-logs",
      }),
      expected: [
        [
          "named-destinations",
          "dns-queries",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'route53 resolver query log config "dns-queries"',
            '"arn:aws:s3:::central-dns-logs" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it delivers them to a log group in Oregon",
      twin: add("aws:route53/resolverQueryLogConfig:ResolverQueryLogConfig", "dns-queries", {
        destinationArn: `arn:aws:logs:us-west-2:${account}:log-group:dns-queries:*`,
      }),
    },
    {
      name: "a VPC Lattice access log subscription delivers to a bucket the program does not create",
      bad: add("aws:vpclattice/accessLogSubscription:AccessLogSubscription", "lattice-logs", {
        resourceIdentifier: "sn-0123456789abcdef0",
        destinationArn: "arn:aws:s3:::central-access-logs",
      }),
      expected: [
        [
          "named-destinations",
          "lattice-logs",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'vpclattice access log subscription "lattice-logs"',
            '"arn:aws:s3:::central-access-logs" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it delivers to the program's log bucket",
      twin: add("aws:vpclattice/accessLogSubscription:AccessLogSubscription", "lattice-logs", {
        resourceIdentifier: "sn-0123456789abcdef0",
        destinationArn: "arn:aws:s3:::sdc-records-logs",
      }),
    },
    {
      name: "a vended-log delivery destination is a bucket the program does not create",
      bad: add("aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination", "vended", {
        deliveryDestinationConfiguration: {
          destinationResourceArn: "arn:aws:s3:::central-log-archive",
        },
      }),
      expected: [
        [
          "named-destinations",
          "vended",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'cloudwatch log delivery destination "vended"',
            '"arn:aws:s3:::central-log-archive" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it is the program's log bucket",
      twin: add("aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination", "vended", {
        deliveryDestinationConfiguration: {
          destinationResourceArn: "arn:aws:s3:::sdc-records-logs",
        },
      }),
    },
    {
      name: "an EMR cluster delivers its logs to a bucket the program does not create",
      bad: emrCluster({ logUri: "s3://emr-logs-abroad/spark/" }),
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
      twin: emrCluster({ logUri: "s3://sdc-records-logs/spark/" }),
    },
    {
      // The bench of data pipelines: the provider's own example names a proxy host, and an
      // external Hive metastore is a database of its own; both passed unread.
      name: "an EMR cluster sends its nodes' AWS requests through a proxy, and keeps its metastore, at hosts that cannot be placed",
      bad: emrCluster({
        additionalInfo: JSON.stringify({
          instanceAwsClientConfiguration: { proxyPort: 3128, proxyHost: "proxy.partner.example" },
        }),
        configurationsJson: JSON.stringify([
          {
            Classification: "hive-site",
            Properties: {
              "javax.jdo.option.ConnectionURL": "jdbc:mysql://metastore.partner.example:3306/hive",
            },
          },
          sparkMetastore("thrift://10.30.2.9:9083"),
        ]),
      }),
      expected: [
        fromSpark('"proxy.partner.example" (cannot be placed)'),
        fromSpark('"jdbc:mysql://metastore.partner.example:3306/hive" (cannot be placed)'),
      ],
      twinName: "the proxy and the metastores are of the stack's network",
      twin: emrCluster({
        additionalInfo: JSON.stringify({
          instanceAwsClientConfiguration: { proxyPort: 3128, proxyHost: "10.30.2.8" },
        }),
        configurationsJson: JSON.stringify([
          {
            Classification: "hive-site",
            Properties: { "javax.jdo.option.ConnectionURL": "jdbc:mysql://10.30.2.7:3306/hive" },
          },
          sparkMetastore("thrift://10.30.2.9:9083"),
        ]),
      }),
    },
    {
      name: "an EMR cluster's nested Spark configuration keeps its metastore in Frankfurt",
      bad: emrCluster({
        configurationsJson: JSON.stringify([
          sparkMetastore("thrift://metastore-0123.elb.eu-central-1.amazonaws.com:9083"),
        ]),
      }),
      expected: [
        fromSpark(
          "thrift://metastore-0123.elb.eu-central-1.amazonaws.com:9083 (outside US, in EU)",
        ),
      ],
      twinName: "the metastore is Oregon's",
      twin: emrCluster({
        configurationsJson: JSON.stringify([
          sparkMetastore("thrift://metastore-0123.elb.us-west-2.amazonaws.com:9083"),
        ]),
      }),
    },
    {
      // As an EC2 instance named into no subnet: EMR launches the nodes into the default VPC.
      name: "an EMR cluster is named into no subnet",
      bad: emrCluster({ ec2Attributes: { instanceProfile: "emr" } }),
      expected: [
        [
          "internet-egress",
          "spark",
          "mandatory",
          ['emr cluster "spark"', "the internet (any country)"],
        ],
      ],
      twinName: "the cluster launches into the stack's private subnet",
      twin: emrCluster(),
    },
    {
      // As a Lambda function without vpcConfig: the job runs in Glue's network. It stages its
      // intermediate data in --TempDir, a bucket of any region or account.
      name: "a Glue job runs in Glue's network and stages its data in a bucket the program does not create",
      bad: glueJob({ defaultArguments: { "--TempDir": "s3://partner-staging-abroad/tmp/" } }),
      expected: [
        ["internet-egress", "etl", "mandatory", ['glue job "etl"', "the internet (any country)"]],
        [
          "named-destinations",
          "etl",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'glue job "etl"',
            '"s3://partner-staging-abroad/tmp/" (cannot be placed)',
          ],
        ],
      ],
      twinName: "the job runs in the stack's VPC and stages its data in the program's bucket",
      twin: glueJob({
        connections: ["records-vpc"],
        defaultArguments: { "--TempDir": "s3://sdc-records-logs/tmp/" },
      }),
    },
    {
      // A development endpoint without a subnet is a non-VPC endpoint, with a public address.
      name: "a Glue development endpoint is created without a subnet",
      bad: add("aws:glue/devEndpoint:DevEndpoint", "notebook-endpoint", {
        roleArn: `arn:aws:iam::${account}:role/glue`,
        numberOfNodes: 2,
      }),
      expected: [
        [
          "internet-egress",
          "notebook-endpoint",
          "mandatory",
          ['glue dev endpoint "notebook-endpoint"', "the internet (any country)"],
        ],
      ],
      twinName: "the endpoint is created in the stack's private subnet",
      twin: add("aws:glue/devEndpoint:DevEndpoint", "notebook-endpoint", {
        roleArn: `arn:aws:iam::${account}:role/glue`,
        numberOfNodes: 2,
        subnetId: "subnet-records",
        securityGroupIds: ["sg-records"],
      }),
    },
    {
      // Not connected to a VPC, a Flink application runs in the service's network, which reaches
      // the internet; a SQL application runs no code of its own.
      name: "a Managed Service for Apache Flink application runs in the service's network",
      bad: flinkApp("FLINK-1_18"),
      expected: [
        [
          "internet-egress",
          "stream-app",
          "mandatory",
          ['kinesisanalyticsv2 application "stream-app"', "the internet (any country)"],
        ],
      ],
      twinName:
        "it runs in the stack's private subnet, and a SQL application runs in the service's",
      twin: pipe(
        flinkApp("FLINK-1_18", {
          vpcConfiguration: { subnetIds: ["subnet-records"], securityGroupIds: ["sg-records"] },
        }),
        add("aws:kinesisanalyticsv2/application:Application", "sql-app", {
          runtimeEnvironment: "SQL-1_0",
          serviceExecutionRole: `arn:aws:iam::${account}:role/flink`,
        }),
      ),
    },
    {
      name: "a CodeBuild fleet is not connected to a VPC",
      bad: add("aws:codebuild/fleet:Fleet", "builders", {
        baseCapacity: 1,
        computeType: "BUILD_GENERAL1_SMALL",
        environmentType: "LINUX_CONTAINER",
      }),
      expected: [
        [
          "internet-egress",
          "builders",
          "mandatory",
          ['codebuild fleet "builders"', "the internet (any country)"],
        ],
      ],
      twinName: "the fleet runs in the stack's private subnet",
      twin: add("aws:codebuild/fleet:Fleet", "builders", {
        baseCapacity: 1,
        computeType: "BUILD_GENERAL1_SMALL",
        environmentType: "LINUX_CONTAINER",
        vpcConfigs: [
          { vpcId: "vpc-records", subnets: ["subnet-records"], securityGroupIds: ["sg-records"] },
        ],
      }),
    },
    {
      name: "a GameLift fleet hosts game servers open to every address",
      bad: add("aws:gamelift/fleet:Fleet", "game", {
        buildId: "build-0123",
        ec2InstanceType: "c5.large",
        ec2InboundPermissions: [
          { fromPort: 7777, toPort: 7777, ipRange: "0.0.0.0/0", protocol: "UDP" },
        ],
        runtimeConfiguration: {
          serverProcesses: [{ concurrentExecutions: 1, launchPath: "/local/game/server" }],
        },
      }),
      expected: [
        [
          "internet-egress",
          "game",
          "mandatory",
          ['gamelift fleet "game"', "the internet (any country)"],
        ],
        ["public-exposure", "game", "mandatory", ["the internet", 'gamelift fleet "game"']],
      ],
      twinName: "the game servers run on an instance in the stack's private subnet",
      twin: addInstance("aws:ec2/instance:Instance", "game", {
        ami: "ami-0123456789abcdef0",
        instanceType: "c5.large",
        subnetId: "subnet-records",
        associatePublicIpAddress: false,
      }),
    },
    {
      name: "a Cloud9 environment names no subnet, so its instance launches into the default VPC",
      bad: add("aws:cloud9/environmentEC2:EnvironmentEC2", "ide", {
        instanceType: "t3.small",
        imageId: "amazonlinux-2023-x86_64",
      }),
      expected: [
        [
          "internet-egress",
          "ide",
          "mandatory",
          ['cloud9 environment ec2 "ide"', "the internet (any country)"],
        ],
      ],
      twinName: "it launches into the stack's private subnet, connected through Systems Manager",
      twin: add("aws:cloud9/environmentEC2:EnvironmentEC2", "ide", {
        instanceType: "t3.small",
        imageId: "amazonlinux-2023-x86_64",
        subnetId: "subnet-records",
        connectionType: "CONNECT_SSM",
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

describe("edge APIs, key-value stores, catalogues, build sources and alert mailboxes", () => {
  const inside = "us-west-2 (inside US)";
  // An OpenAPI definition with one operation and the integration API Gateway imports for it; the
  // path holds a dot, as versioned paths do. Its callers sign their requests (IAM's SigV4): who
  // may call it is test/policy/front-doors.test.ts's question.
  const openApi = (integration: Props) => ({
    openapi: "3.0.1",
    info: { title: "quotes", version: "1" },
    paths: { "/v1.0/quotes": { get: { "x-amazon-apigateway-integration": integration } } },
    security: [{ sigv4: [] }],
    components: {
      securitySchemes: {
        sigv4: {
          type: "apiKey",
          name: "Authorization",
          in: "header",
          "x-amazon-apigateway-authtype": "awsSigv4",
        },
      },
    },
  });
  const openApiJson = (integration: Props) => JSON.stringify(openApi(integration));
  const openApiYaml = (integration: Props) => YAML.stringify(openApi(integration));
  // A state machine whose states run in order; an HTTP task calls the endpoint its parameters
  // (JSONPath) or arguments (JSONata) name, with the connection that signs its requests.
  const oregonApi = "https://quotes.execute-api.us-west-2.amazonaws.com/prod";
  const httpTask = (endpoint: Props, args: "Parameters" | "Arguments" = "Parameters") => ({
    Type: "Task",
    Resource: "arn:aws:states:::http:invoke",
    [args]: {
      ...endpoint,
      Method: "POST",
      Authentication: {
        ConnectionArn: `arn:aws:events:us-west-2:${account}:connection/quotes/1`,
      },
    },
    End: true,
  });
  const mapState = (task: Props) => ({
    Type: "Map",
    ItemProcessor: { StartAt: "Call", States: { Call: task } },
    End: true,
  });
  const parallelState = (task: Props) => ({
    Type: "Parallel",
    Branches: [{ StartAt: "Call", States: { Call: task } }],
    End: true,
  });
  // A Task state calling the service integration `api` (`sqs:sendMessage`,
  // `aws-sdk:sesv2:sendEmail`) with the parameters (JSONPath) or arguments (JSONata) `with`.
  const task = (api: string, with_: Props, args: "Parameters" | "Arguments" = "Parameters") => ({
    Type: "Task",
    ...(args === "Arguments" ? { QueryLanguage: "JSONata" } : {}),
    Resource: `arn:aws:states:::${api}`,
    [args]: with_,
    End: true,
  });
  const oregonQueue = `https://sqs.us-west-2.amazonaws.com/${account}/quotes`;
  const oregonFunction = `arn:aws:lambda:us-west-2:${account}:function:quotes`;
  const mailboxWhy =
    "a mailbox, whose mail its domain's servers receive wherever they are, so it cannot be placed in a region; egressHosts may name a domain whose mail servers are inside";
  const stateMachine = (states: Record<string, Props>) =>
    add("aws:sfn/stateMachine:StateMachine", "quotes-flow", {
      roleArn: `arn:aws:iam::${account}:role/quotes-flow`,
      definition: JSON.stringify({ StartAt: Object.keys(states)[0], States: states }),
    });
  const invocation = (region: string) =>
    `arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/arn:aws:lambda:${region}:${account}:function:quotes/invocations`;
  const edges = "CloudFront edge locations outside the jurisdiction";
  // Budgets and Cost Explorer are partition-wide services: the path starts at no region.
  const global = "a global service";
  const policyDoc = (condition?: Props) =>
    JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: "*",
          Action: "execute-api:Invoke",
          Resource: "execute-api:/*",
          ...(condition ? { Condition: condition } : {}),
        },
      ],
    });
  const kvsArn = `arn:aws:cloudfront::${account}:key-value-store/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d`;
  const inGovCloud = (type: string, name: string, inputs: Props) =>
    pipe(
      addProvider("aws", "govcloud", { region: "us-gov-west-1" }),
      add(type, name, inputs, { provider: "govcloud" }),
    );
  /**
   * A Prometheus workspace's alert manager whose receiver publishes to `topic`, signing for
   * `region`; its `alertmanager_config` is YAML held in the YAML definition, as AWS documents it.
   */
  const alertManager = (topic: string, region: string, receivers = "receivers:") =>
    add("aws:amp/alertManagerDefinition:AlertManagerDefinition", "alerts", {
      workspaceId: "ws-0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d",
      definition: [
        "alertmanager_config: |",
        "  route:",
        "    receiver: records",
        `  ${receivers}`,
        "    - name: records",
        "      sns_configs:",
        "        - sigv4:",
        `            region: ${region}`,
        `          topic_arn: ${topic}`,
        "",
      ].join("\n"),
    });
  const oregonTopic = `arn:aws:sns:us-west-2:${account}:alerts`;
  /** A build in the records subnet: no way out of its own (internet-egress). */
  const inVpc = {
    vpcConfig: {
      vpcId: "vpc-records",
      subnets: ["subnet-records"],
      securityGroupIds: ["sg-records"],
    },
  };
  /** A pipeline of one stage, the action `action`, keeping its artifacts in the records bucket. */
  const pipeline = (action: Props) =>
    add("aws:codepipeline/pipeline:Pipeline", "orders-pipeline", {
      roleArn: `arn:aws:iam::${account}:role/codepipeline`,
      artifactStores: [{ location: "records-artifacts", type: "S3" }],
      stages: [{ name: String(action.name), actions: [action] }],
    });
  const githubProject = (source: Props, artifacts: Props = { type: "NO_ARTIFACTS" }) =>
    add("aws:codebuild/project:Project", "orders-build", {
      serviceRole: `arn:aws:iam::${account}:role/codebuild`,
      environment: {
        type: "LINUX_CONTAINER",
        computeType: "BUILD_GENERAL1_SMALL",
        image: "aws/codebuild/standard:7.0",
      },
      source,
      artifacts,
      ...inVpc,
    });
  /** A project building from CodeCommit in Oregon on `network`, with `inputs` added. */
  const withBuildInputs = (inputs: Props, network: Props = inVpc) =>
    add("aws:codebuild/project:Project", "orders-build", {
      serviceRole: `arn:aws:iam::${account}:role/codebuild`,
      environment: {
        type: "LINUX_CONTAINER",
        computeType: "BUILD_GENERAL1_SMALL",
        image: "aws/codebuild/standard:7.0",
      },
      source: {
        type: "CODECOMMIT",
        location: "https://git-codecommit.us-west-2.amazonaws.com/v1/repos/orders",
      },
      artifacts: { type: "NO_ARTIFACTS" },
      ...network,
      ...inputs,
    });
  const table = (location: string) =>
    add("aws:glue/catalogTable:CatalogTable", "orders-table", {
      databaseName: "orders",
      name: "orders",
      tableType: "EXTERNAL_TABLE",
      storageDescriptor: { location, columns: [{ name: "id", type: "string" }] },
    });

  runCases(pack, () => happy, us, [
    {
      name: "a CodeBuild project shows its builds to the public",
      bad: withBuildInputs({
        projectVisibility: "PUBLIC_READ",
        resourceAccessRole: `arn:aws:iam::${account}:role/public-builds`,
      }),
      expected: [
        [
          "public-exposure",
          "orders-build",
          "mandatory",
          ["the internet", 'codebuild project "orders-build"'],
        ],
      ],
      twinName: "the project is private",
      twin: withBuildInputs({ projectVisibility: "PRIVATE" }),
    },
    {
      name: "a REST API takes the default endpoint type, edge-optimised through CloudFront",
      bad: add("aws:apigateway/restApi:RestApi", "orders", { description: "Orders API" }),
      expected: [
        ["global-services", "orders", "mandatory", ['apigateway rest api "orders"', edges]],
      ],
      twinName: "the REST API is regional",
      twin: add("aws:apigateway/restApi:RestApi", "orders", {
        description: "Orders API",
        endpointConfiguration: { types: "REGIONAL" },
      }),
    },
    {
      name: "a private REST API's resource policy lets everyone invoke it",
      bad: add("aws:apigateway/restApi:RestApi", "orders", {
        endpointConfiguration: { types: "PRIVATE", vpcEndpointIds: ["vpce-0a1b2c3d"] },
        policy: policyDoc(),
      }),
      expected: [
        [
          "public-exposure",
          "orders",
          "mandatory",
          ["the internet", 'apigateway rest api "orders"'],
        ],
      ],
      twinName: "the policy binds everyone to the stack's VPC endpoint",
      twin: add("aws:apigateway/restApi:RestApi", "orders", {
        endpointConfiguration: { types: "PRIVATE", vpcEndpointIds: ["vpce-0a1b2c3d"] },
        policy: policyDoc({ StringEquals: { "aws:SourceVpce": "vpce-0a1b2c3d" } }),
      }),
    },
    {
      name: "a custom domain name of the APIs is edge-optimised",
      bad: add("aws:apigateway/domainName:DomainName", "api-domain", {
        domainName: "api.records.example",
        certificateArn: `arn:aws:acm:us-east-1:${account}:certificate/0a1b2c3d`,
        endpointConfiguration: { types: "EDGE" },
      }),
      expected: [
        [
          "global-services",
          "api-domain",
          "mandatory",
          ['apigateway domain name "api-domain"', edges],
        ],
      ],
      twinName: "the domain name is regional, with a certificate in Oregon",
      twin: add("aws:apigateway/domainName:DomainName", "api-domain", {
        domainName: "api.records.example",
        regionalCertificateArn: `arn:aws:acm:us-west-2:${account}:certificate/0a1b2c3d`,
        endpointConfiguration: { types: "REGIONAL" },
      }),
    },
    {
      name: "a CloudFront key-value store holds data at every edge location",
      bad: add("aws:cloudfront/keyValueStore:KeyValueStore", "routing", { name: "routing" }),
      expected: [
        [
          "global-services",
          "routing",
          "mandatory",
          ['cloudfront key value store "routing"', edges],
        ],
      ],
      twinName: "the store is created in GovCloud, whose CloudFront serves from the United States",
      twin: inGovCloud("aws:cloudfront/keyValueStore:KeyValueStore", "routing", {
        name: "routing",
      }),
    },
    {
      name: "a key is written into a CloudFront key-value store",
      bad: add("aws:cloudfront/keyvaluestoreKey:KeyvaluestoreKey", "route-orders", {
        keyValueStoreArn: kvsArn,
        key: "orders",
        value: "origin-a",
      }),
      expected: [
        [
          "global-services",
          "route-orders",
          "mandatory",
          ['cloudfront keyvaluestore key "route-orders"', edges],
        ],
      ],
      twinName: "the key is written into a store in GovCloud",
      twin: inGovCloud("aws:cloudfront/keyvaluestoreKey:KeyvaluestoreKey", "route-orders", {
        keyValueStoreArn: kvsArn.replace("arn:aws:", "arn:aws-us-gov:"),
        key: "orders",
        value: "origin-a",
      }),
    },
    {
      name: "the keys of a CloudFront key-value store are managed as a set",
      bad: add("aws:cloudfront/keyvaluestoreKeysExclusive:KeyvaluestoreKeysExclusive", "routes", {
        keyValueStoreArn: kvsArn,
        resourceKeyValuePairs: [{ key: "orders", value: "origin-a" }],
      }),
      expected: [
        [
          "global-services",
          "routes",
          "mandatory",
          ['cloudfront keyvaluestore keys exclusive "routes"', edges],
        ],
      ],
      twinName: "the set is written into a store in GovCloud",
      twin: inGovCloud(
        "aws:cloudfront/keyvaluestoreKeysExclusive:KeyvaluestoreKeysExclusive",
        "routes",
        {
          keyValueStoreArn: kvsArn.replace("arn:aws:", "arn:aws-us-gov:"),
          resourceKeyValuePairs: [{ key: "orders", value: "origin-a" }],
        },
      ),
    },
    {
      name: "a quick-create HTTP API proxies every request to a host on the internet",
      bad: add("aws:apigatewayv2/api:Api", "quotes-api", {
        protocolType: "HTTP",
        target: "https://quotes.partner.example",
      }),
      expected: [
        [
          "log-shipping",
          "quotes-api",
          "mandatory",
          [
            inside,
            'apigatewayv2 api "quotes-api"',
            '"https://quotes.partner.example" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it targets a function in Oregon",
      twin: add("aws:apigatewayv2/api:Api", "quotes-api", {
        protocolType: "HTTP",
        target: `arn:aws:lambda:us-west-2:${account}:function:quotes`,
      }),
    },
    {
      name: "a REST API imported from a YAML OpenAPI body proxies a route to a host on the internet",
      bad: add("aws:apigateway/restApi:RestApi", "quotes-rest", {
        endpointConfiguration: { types: "REGIONAL" },
        body: openApiYaml({ type: "http_proxy", uri: "https://quotes.partner.example/v1" }),
      }),
      expected: [
        [
          "log-shipping",
          "quotes-rest",
          "mandatory",
          [
            inside,
            'apigateway rest api "quotes-rest"',
            '"https://quotes.partner.example/v1" (cannot be placed)',
          ],
        ],
      ],
      twinName: "the route reaches the host through a VPC link",
      twin: add("aws:apigateway/restApi:RestApi", "quotes-rest", {
        endpointConfiguration: { types: "REGIONAL" },
        body: openApiYaml({
          type: "http_proxy",
          connectionType: "VPC_LINK",
          connectionId: "link-1",
          uri: "https://quotes.partner.example/v1",
        }),
      }),
    },
    {
      name: "a REST API's YAML OpenAPI body invokes a function in Ireland",
      bad: add("aws:apigateway/restApi:RestApi", "quotes-rest", {
        endpointConfiguration: { types: "REGIONAL" },
        body: openApiYaml({ type: "aws_proxy", uri: invocation("eu-west-1") }),
      }),
      expected: [
        [
          "log-shipping",
          "quotes-rest",
          "mandatory",
          [
            inside,
            'apigateway rest api "quotes-rest"',
            `${invocation("eu-west-1")} (outside US, in EU)`,
          ],
        ],
      ],
      twinName: "it invokes a function in Oregon",
      twin: add("aws:apigateway/restApi:RestApi", "quotes-rest", {
        endpointConfiguration: { types: "REGIONAL" },
        body: openApiYaml({ type: "aws_proxy", uri: invocation("us-west-2") }),
      }),
    },
    {
      name: "an HTTP API imported from a JSON OpenAPI body invokes a function in Ireland",
      bad: add("aws:apigatewayv2/api:Api", "quotes-api", {
        protocolType: "HTTP",
        body: openApiJson({ type: "aws_proxy", uri: invocation("eu-west-1") }),
      }),
      expected: [
        [
          "log-shipping",
          "quotes-api",
          "mandatory",
          [
            inside,
            'apigatewayv2 api "quotes-api"',
            `${invocation("eu-west-1")} (outside US, in EU)`,
          ],
        ],
      ],
      twinName: "it invokes a function in Oregon",
      twin: add("aws:apigatewayv2/api:Api", "quotes-api", {
        protocolType: "HTTP",
        body: openApiJson({ type: "aws_proxy", uri: invocation("us-west-2") }),
      }),
    },
    {
      name: "a state machine's HTTP task sends the execution's data to a host on the internet",
      bad: stateMachine({
        Call: httpTask({ ApiEndpoint: "https://quotes.partner.example/v1" }),
      }),
      expected: [
        [
          "log-shipping",
          "quotes-flow",
          "mandatory",
          [
            inside,
            'sfn state machine "quotes-flow"',
            '"https://quotes.partner.example/v1" (cannot be placed)',
          ],
        ],
      ],
      twinName: "the task calls an API in Oregon",
      twin: stateMachine({ Call: httpTask({ ApiEndpoint: oregonApi }) }),
    },
    {
      name: "an HTTP task in a Map state calls the endpoint each item names at run time",
      bad: stateMachine({
        Each: mapState(httpTask({ "ApiEndpoint.$": "$.callbackUrl" })),
      }),
      expected: [
        [
          "log-shipping",
          "quotes-flow",
          "mandatory",
          [inside, 'sfn state machine "quotes-flow"', '"$.callbackUrl" (cannot be placed)'],
        ],
      ],
      twinName: "each item is sent to an API in Oregon",
      twin: stateMachine({ Each: mapState(httpTask({ ApiEndpoint: oregonApi })) }),
    },
    {
      name: "a JSONata HTTP task in a Parallel branch calls an API in Ireland",
      bad: stateMachine({
        Both: parallelState(
          httpTask({ ApiEndpoint: oregonApi.replace("us-west-2", "eu-west-1") }, "Arguments"),
        ),
      }),
      expected: [
        [
          "log-shipping",
          "quotes-flow",
          "mandatory",
          [
            inside,
            'sfn state machine "quotes-flow"',
            `${oregonApi.replace("us-west-2", "eu-west-1")} (outside US, in EU)`,
          ],
        ],
      ],
      twinName: "the branch calls the API in Oregon",
      twin: stateMachine({
        Both: parallelState(httpTask({ ApiEndpoint: oregonApi }, "Arguments")),
      }),
    },
    {
      // Found by a probe: a target chosen at run time was not judged, where an HTTP task's was.
      name: "a state machine's Task sends the execution's data to the queue its input names at run time",
      bad: stateMachine({
        Send: task("sqs:sendMessage", { "QueueUrl.$": "$.queue", "MessageBody.$": "$" }),
      }),
      expected: [
        [
          "log-shipping",
          "quotes-flow",
          "mandatory",
          [
            inside,
            'sfn state machine "quotes-flow"',
            '"$.queue" (a queue chosen at run time, which cannot be placed)',
          ],
        ],
      ],
      twinName: "the Task sends the execution's data (chosen at run time) to a queue in Oregon",
      twin: stateMachine({
        Send: task("sqs:sendMessage", { QueueUrl: oregonQueue, "MessageBody.$": "$" }),
      }),
    },
    {
      name: "a Task in a Parallel branch publishes to the topic its input names at run time",
      bad: stateMachine({
        Both: parallelState(task("sns:publish", { "TopicArn.$": "$.topic", "Message.$": "$" })),
      }),
      expected: [
        [
          "log-shipping",
          "quotes-flow",
          "mandatory",
          [
            inside,
            'sfn state machine "quotes-flow"',
            '"$.topic" (a topic chosen at run time, which cannot be placed)',
          ],
        ],
      ],
      twinName: "the branch publishes to a topic in Oregon",
      twin: stateMachine({
        Both: parallelState(
          task("sns:publish", {
            TopicArn: `arn:aws:sns:us-west-2:${account}:quotes`,
            "Message.$": "$",
          }),
        ),
      }),
    },
    {
      name: "a Task invokes a function whose ARN the definition builds with States.Format",
      bad: stateMachine({
        Invoke: task("lambda:invoke", {
          "FunctionName.$": `States.Format('arn:aws:lambda:{}:${account}:function:quotes', 'eu-west-1')`,
          "Payload.$": "$",
        }),
      }),
      expected: [
        [
          "log-shipping",
          "quotes-flow",
          "mandatory",
          [
            inside,
            'sfn state machine "quotes-flow"',
            `"States.Format('arn:aws:lambda:{}:${account}:function:quotes', 'eu-west-1')" (a function built in the definition as the state runs, which cannot be placed)`,
          ],
        ],
      ],
      twinName: "it invokes a function in Oregon by its ARN",
      twin: stateMachine({
        Invoke: task("lambda:invoke", { FunctionName: oregonFunction, "Payload.$": "$" }),
      }),
    },
    {
      name: "a JSONata Task in a Map state invokes a function whose ARN an expression assembles",
      bad: stateMachine({
        Each: mapState(
          task(
            "lambda:invoke",
            {
              FunctionName: `{% 'arn:aws:lambda:' & 'eu-west-1' & ':${account}:function:quotes' %}`,
              Payload: "{% $states.input %}",
            },
            "Arguments",
          ),
        ),
      }),
      expected: [
        [
          "log-shipping",
          "quotes-flow",
          "mandatory",
          [
            inside,
            'sfn state machine "quotes-flow"',
            `"{% 'arn:aws:lambda:' & 'eu-west-1' & ':${account}:function:quotes' %}" (a function built in the definition as the state runs, which cannot be placed)`,
          ],
        ],
      ],
      twinName: "each item goes to a function in Oregon, its payload an expression",
      twin: stateMachine({
        Each: mapState(
          task(
            "lambda:invoke",
            { FunctionName: oregonFunction, Payload: "{% $states.input %}" },
            "Arguments",
          ),
        ),
      }),
    },
    {
      // Found by a probe: an SES call from a state machine passed where an SNS subscription by
      // e-mail fails.
      name: "a Task e-mails the execution's data through SES to a mailbox",
      bad: stateMachine({
        Mail: task("aws-sdk:sesv2:sendEmail", {
          FromEmailAddress: "quotes@records.example",
          Destination: { ToAddresses: ["finance@records.example"] },
          Content: { Simple: { Subject: { Data: "Quote" }, Body: { Text: { "Data.$": "$" } } } },
        }),
      }),
      expected: [
        [
          "log-shipping",
          "quotes-flow",
          "mandatory",
          [inside, 'sfn state machine "quotes-flow"', `"finance@records.example" (${mailboxWhy})`],
        ],
      ],
      twinName: "the stack places the mailbox's domain by name (egressHosts)",
      twinSettings: {
        ...us,
        egressAllowlist: [
          ...(us.egressAllowlist ?? []),
          { host: "records.example", reason: "The finance team's mail servers, in Oregon" },
        ],
      },
      twin: stateMachine({
        Mail: task("aws-sdk:sesv2:sendEmail", {
          FromEmailAddress: "quotes@records.example",
          Destination: { ToAddresses: ["finance@records.example"] },
          Content: { Simple: { Subject: { Data: "Quote" }, Body: { Text: { "Data.$": "$" } } } },
        }),
      }),
    },
    {
      name: "a Task e-mails the execution's data through SES to the recipients its input names",
      bad: stateMachine({
        Mail: task("aws-sdk:ses:sendEmail", {
          Source: "quotes@records.example",
          "Destination.$": "$.recipients",
          Message: { Subject: { Data: "Quote" }, Body: { Text: { "Data.$": "$" } } },
        }),
      }),
      expected: [
        [
          "log-shipping",
          "quotes-flow",
          "mandatory",
          [
            inside,
            'sfn state machine "quotes-flow"',
            '"$.recipients" (mailboxes chosen at run time, which cannot be placed)',
          ],
        ],
      ],
      twinName: "it publishes the data to a topic in Oregon",
      twin: stateMachine({
        Mail: task("aws-sdk:sns:publish", {
          TopicArn: `arn:aws:sns:us-west-2:${account}:quotes`,
          "Message.$": "$",
        }),
      }),
    },
    {
      name: "a Task texts the execution's data through SNS to a phone in the United Kingdom",
      bad: stateMachine({
        Text: task("aws-sdk:sns:publish", {
          PhoneNumber: "+442071838750",
          "Message.$": "States.JsonToString($)",
        }),
      }),
      expected: [
        [
          "log-shipping",
          "quotes-flow",
          "mandatory",
          [inside, 'sfn state machine "quotes-flow"', "+442071838750 (a phone outside US, in GB)"],
        ],
      ],
      twinName: "it texts a phone in the United States",
      twin: stateMachine({
        Text: task("aws-sdk:sns:publish", {
          PhoneNumber: "+14155550100",
          "Message.$": "States.JsonToString($)",
        }),
      }),
    },
    {
      name: "a private CA publishes its revocation list to a bucket the program does not create",
      bad: add("aws:acmpca/certificateAuthority:CertificateAuthority", "ca", {
        certificateAuthorityConfiguration: {
          keyAlgorithm: "RSA_4096",
          signingAlgorithm: "SHA512WITHRSA",
          subject: { commonName: "records.example" },
        },
        revocationConfiguration: {
          crlConfiguration: { enabled: true, expirationInDays: 7, s3BucketName: "crl-abroad" },
        },
      }),
      expected: [
        [
          "named-destinations",
          "ca",
          "mandatory",
          [inside, 'acmpca certificate authority "ca"', '"crl-abroad" (cannot be placed)'],
        ],
      ],
      twinName: "it publishes it to the program's log bucket",
      twin: add("aws:acmpca/certificateAuthority:CertificateAuthority", "ca", {
        certificateAuthorityConfiguration: {
          keyAlgorithm: "RSA_4096",
          signingAlgorithm: "SHA512WITHRSA",
          subject: { commonName: "records.example" },
        },
        revocationConfiguration: {
          crlConfiguration: {
            enabled: true,
            expirationInDays: 7,
            s3BucketName: "sdc-records-logs",
          },
        },
      }),
    },
    {
      name: "a budget e-mails its alerts to a mailbox",
      bad: add("aws:budgets/budget:Budget", "spend", {
        budgetType: "COST",
        limitAmount: "1000",
        limitUnit: "USD",
        timeUnit: "MONTHLY",
        notifications: [
          {
            comparisonOperator: "GREATER_THAN",
            notificationType: "ACTUAL",
            threshold: 80,
            thresholdType: "PERCENTAGE",
            subscriberEmailAddresses: ["finance@records.example"],
          },
        ],
      }),
      expected: [
        [
          "log-shipping",
          "spend",
          "mandatory",
          [global, 'budget "spend"', '"finance@records.example" (cannot be placed)'],
        ],
      ],
      twinName: "it notifies a topic in Oregon",
      twin: add("aws:budgets/budget:Budget", "spend", {
        budgetType: "COST",
        limitAmount: "1000",
        limitUnit: "USD",
        timeUnit: "MONTHLY",
        notifications: [
          {
            comparisonOperator: "GREATER_THAN",
            notificationType: "ACTUAL",
            threshold: 80,
            thresholdType: "PERCENTAGE",
            subscriberSnsTopicArns: [`arn:aws:sns:us-west-2:${account}:budget-alerts`],
          },
        ],
      }),
    },
    {
      name: "a budget action e-mails a subscriber",
      bad: add("aws:budgets/budgetAction:BudgetAction", "stop-spend", {
        budgetName: "spend",
        actionType: "APPLY_IAM_POLICY",
        approvalModel: "AUTOMATIC",
        notificationType: "ACTUAL",
        executionRoleArn: `arn:aws:iam::${account}:role/budgets`,
        actionThreshold: { actionThresholdType: "PERCENTAGE", actionThresholdValue: 100 },
        definition: { iamActionDefinition: { policyArn: `arn:aws:iam::${account}:policy/deny` } },
        subscribers: [{ address: "finance@records.example", subscriptionType: "EMAIL" }],
      }),
      expected: [
        [
          "log-shipping",
          "stop-spend",
          "mandatory",
          [
            global,
            'budget action "stop-spend"',
            `"finance@records.example" (a mailbox, whose mail its domain's servers receive wherever they are, so it cannot be placed in a region; egressHosts may name a domain whose mail servers are inside)`,
          ],
        ],
      ],
      twinName: "it notifies a topic in Oregon",
      twin: add("aws:budgets/budgetAction:BudgetAction", "stop-spend", {
        budgetName: "spend",
        actionType: "APPLY_IAM_POLICY",
        approvalModel: "AUTOMATIC",
        notificationType: "ACTUAL",
        executionRoleArn: `arn:aws:iam::${account}:role/budgets`,
        actionThreshold: { actionThresholdType: "PERCENTAGE", actionThresholdValue: 100 },
        definition: { iamActionDefinition: { policyArn: `arn:aws:iam::${account}:policy/deny` } },
        subscribers: [
          { address: `arn:aws:sns:us-west-2:${account}:budget-alerts`, subscriptionType: "SNS" },
        ],
      }),
    },
    {
      name: "a cost anomaly subscription e-mails a subscriber",
      bad: add("aws:costexplorer/anomalySubscription:AnomalySubscription", "anomalies", {
        name: "anomalies",
        frequency: "DAILY",
        monitorArnLists: [`arn:aws:ce::${account}:anomalymonitor/0a1b2c3d`],
        subscribers: [{ address: "finance@records.example", type: "EMAIL" }],
      }),
      expected: [
        [
          "log-shipping",
          "anomalies",
          "mandatory",
          [
            global,
            'costexplorer anomaly subscription "anomalies"',
            `"finance@records.example" (a mailbox, whose mail its domain's servers receive wherever they are, so it cannot be placed in a region; egressHosts may name a domain whose mail servers are inside)`,
          ],
        ],
      ],
      twinName: "it notifies a topic in Oregon",
      twin: add("aws:costexplorer/anomalySubscription:AnomalySubscription", "anomalies", {
        name: "anomalies",
        frequency: "IMMEDIATE",
        monitorArnLists: [`arn:aws:ce::${account}:anomalymonitor/0a1b2c3d`],
        subscribers: [{ address: `arn:aws:sns:us-west-2:${account}:cost-alerts`, type: "SNS" }],
      }),
    },
    {
      name: "a Prometheus alert manager publishes alerts to a topic in Frankfurt",
      bad: alertManager(`arn:aws:sns:eu-central-1:${account}:alerts`, "eu-central-1"),
      expected: [
        [
          "log-shipping",
          "alerts",
          "mandatory",
          [
            inside,
            'amp alert manager definition "alerts"',
            `arn:aws:sns:eu-central-1:${account}:alerts (outside US, in EU)`,
          ],
        ],
        [
          "log-shipping",
          "alerts",
          "mandatory",
          [inside, 'amp alert manager definition "alerts"', "eu-central-1 (outside US, in EU)"],
        ],
      ],
      twinName: "it publishes them to a topic in Oregon",
      twin: alertManager(oregonTopic, "us-west-2"),
    },
    {
      name: "a Prometheus alert manager publishes alerts to a topic of another account",
      bad: alertManager("arn:aws:sns:us-west-2:999988887777:alerts", "us-west-2"),
      expected: [
        [
          "log-shipping",
          "alerts",
          "mandatory",
          [
            inside,
            'amp alert manager definition "alerts"',
            "account 999988887777 (not this stack's account 111122223333)",
          ],
        ],
      ],
      twinName: "it publishes them to a topic of the stack's own account",
      twin: alertManager(oregonTopic, "us-west-2"),
    },
    {
      name: "a Prometheus alert manager's configuration is not YAML the pack can read",
      bad: alertManager(oregonTopic, "us-west-2", "receivers: ["),
      // Each of the receivers' fields (topic, its account, the signing region) is unreadable.
      expected: Array.from({ length: 3 }, (): Finding => [
        "log-shipping",
        "alerts",
        "mandatory",
        [inside, 'amp alert manager definition "alerts"', '"route:…" (cannot be placed)'],
      ]),
      twinName: "its configuration is well-formed YAML",
      twin: alertManager(oregonTopic, "us-west-2"),
    },
    {
      name: "a build project fetches its source from GitHub",
      bad: githubProject({ type: "GITHUB", location: "https://github.com/records/orders.git" }),
      expected: [
        [
          "remote-sites",
          "orders-build",
          "mandatory",
          [
            '"https://github.com/records/orders.git" (cannot be placed)',
            'codebuild project "orders-build"',
            inside,
          ],
        ],
      ],
      twinName: "it fetches it from a CodeCommit repository in Oregon",
      twin: githubProject({
        type: "CODECOMMIT",
        location: "https://git-codecommit.us-west-2.amazonaws.com/v1/repos/orders",
      }),
    },
    // Found by the pipelines bench: a build of the program's own repository names it by its
    // clone URL, not known before deployment; the repository lies where it is created.
    {
      name: "it builds the program's own CodeCommit repository, created in Frankfurt",
      bad: pipe(
        addProvider("aws", "frankfurt", { region: "eu-central-1" }),
        add(
          "aws:codecommit/repository:Repository",
          "orders-repo",
          { repositoryName: "orders" },
          {
            provider: "frankfurt",
          },
        ),
        githubProject({ type: "CODECOMMIT", location: unknown }),
        (plan: Plan) => withDependencies(plan, "orders-build", { source: ["orders-repo"] }),
      ),
      expected: [
        [
          "named-destinations",
          "orders-build",
          "mandatory",
          [
            'codecommit repository "orders-repo" in eu-central-1 (outside US, in EU)',
            'codebuild project "orders-build"',
            inside,
          ],
        ],
        [
          "resource-placement",
          "frankfurt",
          "mandatory",
          ['aws provider "frankfurt"', "eu-central-1 (outside US, in EU)"],
        ],
        [
          "resource-placement",
          "orders-repo",
          "mandatory",
          ['codecommit repository "orders-repo"', "eu-central-1 (outside US, in EU)"],
        ],
      ],
      twinName: "it builds the program's own CodeCommit repository in Oregon",
      twin: pipe(
        add("aws:codecommit/repository:Repository", "orders-repo", { repositoryName: "orders" }),
        githubProject({ type: "CODECOMMIT", location: unknown }),
        (plan: Plan) => withDependencies(plan, "orders-build", { source: ["orders-repo"] }),
      ),
    },
    {
      // A ThirdParty action (here GitHub's first-version source) is run by a provider outside AWS.
      name: "a pipeline's source action is run by a provider outside AWS",
      bad: pipeline({
        name: "Source",
        category: "Source",
        owner: "ThirdParty",
        provider: "GitHub",
        version: "1",
        outputArtifacts: ["source"],
        configuration: { Owner: "records", Repo: "orders", Branch: "main" },
      }),
      expected: [
        [
          "remote-sites",
          "orders-pipeline",
          "mandatory",
          [inside, 'codepipeline pipeline "orders-pipeline"', "an action provider outside AWS"],
        ],
      ],
      twinName: "it takes its source from CodeCommit in Oregon",
      twin: pipeline({
        name: "Source",
        category: "Source",
        owner: "AWS",
        provider: "CodeCommit",
        version: "1",
        outputArtifacts: ["source"],
        configuration: { RepositoryName: "orders", BranchName: "main" },
      }),
    },
    // Found by the pipelines bench: AWS's own source action through a code connection clones
    // from the connection's host.
    {
      name: "a pipeline's source comes from GitHub through a code connection",
      bad: pipeline({
        name: "Source",
        category: "Source",
        owner: "AWS",
        provider: "CodeStarSourceConnection",
        version: "1",
        outputArtifacts: ["source"],
        configuration: {
          ConnectionArn: `arn:aws:codestar-connections:us-west-2:${account}:connection/0123`,
          FullRepositoryId: "records/orders",
          BranchName: "main",
        },
      }),
      expected: [
        [
          "remote-sites",
          "orders-pipeline",
          "mandatory",
          [
            "the repository host a code connection reaches (GitHub, Bitbucket, GitLab or a self-managed server), which cannot be placed",
            'codepipeline pipeline "orders-pipeline"',
            inside,
          ],
        ],
      ],
      twinName: "it takes its source from CodeCommit in Oregon through AWS's own action",
      twin: pipeline({
        name: "Source",
        category: "Source",
        owner: "AWS",
        provider: "CodeCommit",
        version: "1",
        outputArtifacts: ["source"],
        configuration: { RepositoryName: "orders", BranchName: "main" },
      }),
    },
    // Found by the pipelines bench: an action run by a role of another account hands it the
    // action's artifacts, a grant advised on.
    {
      name: "a pipeline's deploy action is run by a role of another account",
      bad: pipeline({
        name: "Deploy",
        category: "Deploy",
        owner: "AWS",
        provider: "CodeDeploy",
        version: "1",
        inputArtifacts: ["build"],
        roleArn: "arn:aws:iam::999988887777:role/deployer",
        configuration: { ApplicationName: "orders", DeploymentGroupName: "prod" },
      }),
      expected: [
        [
          "cross-account-links",
          "orders-pipeline",
          "advisory",
          [
            inside,
            'codepipeline pipeline "orders-pipeline"',
            "account 999988887777 (not this stack's account 111122223333)",
          ],
        ],
      ],
      twinName: "it is run by a role of the stack's own account",
      twin: pipeline({
        name: "Deploy",
        category: "Deploy",
        owner: "AWS",
        provider: "CodeDeploy",
        version: "1",
        inputArtifacts: ["build"],
        roleArn: `arn:aws:iam::${account}:role/deployer`,
        configuration: { ApplicationName: "orders", DeploymentGroupName: "prod" },
      }),
    },
    {
      name: "a pipeline's test action is run by job workers of a custom action",
      bad: pipeline({
        name: "Test",
        category: "Test",
        owner: "Custom",
        provider: "OrdersTests",
        version: "1",
        inputArtifacts: ["source"],
      }),
      expected: [
        [
          "remote-sites",
          "orders-pipeline",
          "mandatory",
          [
            inside,
            'codepipeline pipeline "orders-pipeline"',
            "job workers of a custom action, which run wherever the account runs them",
          ],
        ],
      ],
      twinName: "it is tested by CodeBuild",
      twin: pipeline({
        name: "Test",
        category: "Test",
        owner: "AWS",
        provider: "CodeBuild",
        version: "1",
        inputArtifacts: ["source"],
        configuration: { ProjectName: "orders-tests" },
      }),
    },
    {
      name: "an Amplify app is built from a repository on GitHub",
      bad: add("aws:amplify/app:App", "site", {
        name: "site",
        repository: "https://github.com/records/site",
      }),
      expected: [
        [
          "remote-sites",
          "site",
          "mandatory",
          ['"https://github.com/records/site" (cannot be placed)', 'amplify app "site"', inside],
        ],
      ],
      twinName: "it is built from a CodeCommit repository in Oregon",
      twin: add("aws:amplify/app:App", "site", {
        name: "site",
        repository: "https://git-codecommit.us-west-2.amazonaws.com/v1/repos/site",
      }),
    },
    {
      name: "a build project runs outside the stack's VPC, in CodeBuild's network",
      bad: withBuildInputs({}, {}),
      expected: [
        [
          "internet-egress",
          "orders-build",
          "mandatory",
          ['codebuild project "orders-build"', "the internet (any country)"],
        ],
      ],
      twinName: "it runs in the records subnet",
      twin: withBuildInputs({}),
    },
    {
      name: "a build project writes its artifacts to a bucket the program does not create",
      bad: githubProject(
        {
          type: "CODECOMMIT",
          location: "https://git-codecommit.us-west-2.amazonaws.com/v1/repos/orders",
        },
        { type: "S3", location: "artifacts-abroad" },
      ),
      expected: [
        [
          "named-destinations",
          "orders-build",
          "mandatory",
          [inside, 'codebuild project "orders-build"', '"artifacts-abroad" (cannot be placed)'],
        ],
      ],
      twinName: "it writes them to the program's log bucket",
      twin: githubProject(
        {
          type: "CODECOMMIT",
          location: "https://git-codecommit.us-west-2.amazonaws.com/v1/repos/orders",
        },
        { type: "S3", location: "sdc-records-logs" },
      ),
    },
    {
      name: "a build project fetches a secondary source from GitHub",
      bad: withBuildInputs({
        secondarySources: [
          {
            type: "GITHUB",
            location: "https://github.com/records/tools.git",
            sourceIdentifier: "tools",
          },
        ],
      }),
      expected: [
        [
          "remote-sites",
          "orders-build",
          "mandatory",
          [
            '"https://github.com/records/tools.git" (cannot be placed)',
            'codebuild project "orders-build"',
            inside,
          ],
        ],
      ],
      twinName: "it fetches the secondary source from a CodeCommit repository in Oregon",
      twin: withBuildInputs({
        secondarySources: [
          {
            type: "CODECOMMIT",
            location: "https://git-codecommit.us-west-2.amazonaws.com/v1/repos/tools",
            sourceIdentifier: "tools",
          },
        ],
      }),
    },
    {
      name: "a build project mounts an EFS file system of Ireland",
      bad: withBuildInputs({
        fileSystemLocations: [
          {
            type: "EFS",
            identifier: "cache",
            location: "fs-0a1b2c3d.efs.eu-west-1.amazonaws.com:/builds",
            mountPoint: "/mnt/cache",
          },
        ],
      }),
      expected: [
        [
          "log-shipping",
          "orders-build",
          "mandatory",
          [
            inside,
            'codebuild project "orders-build"',
            "fs-0a1b2c3d.efs.eu-west-1.amazonaws.com:/builds (outside US, in EU)",
          ],
        ],
      ],
      twinName: "it mounts an EFS file system of Oregon",
      twin: withBuildInputs({
        fileSystemLocations: [
          {
            type: "EFS",
            identifier: "cache",
            location: "fs-0a1b2c3d.efs.us-west-2.amazonaws.com:/builds",
            mountPoint: "/mnt/cache",
          },
        ],
      }),
    },
    {
      name: "a catalogue table describes data in a bucket the program does not create",
      bad: table("s3://datalake-abroad/orders/"),
      expected: [
        [
          "named-destinations",
          "orders-table",
          "mandatory",
          [
            inside,
            'glue catalog table "orders-table"',
            '"s3://datalake-abroad/orders/" (cannot be placed)',
          ],
        ],
      ],
      twinName: "the table's data lies in the program's bucket",
      twin: table("s3://sdc-records/orders/"),
    },
    {
      name: "a catalogue partition lies in a bucket the program does not create",
      bad: add("aws:glue/partition:Partition", "orders-2026", {
        databaseName: "orders",
        tableName: "orders",
        partitionValues: ["2026"],
        storageDescriptor: { location: "s3://datalake-abroad/orders/2026/" },
      }),
      expected: [
        [
          "named-destinations",
          "orders-2026",
          "mandatory",
          [
            inside,
            'glue partition "orders-2026"',
            '"s3://datalake-abroad/orders/2026/" (cannot be placed)',
          ],
        ],
      ],
      twinName: "the partition lies in the program's bucket",
      twin: add("aws:glue/partition:Partition", "orders-2026", {
        databaseName: "orders",
        tableName: "orders",
        partitionValues: ["2026"],
        storageDescriptor: { location: "s3://sdc-records/orders/2026/" },
      }),
    },
    {
      name: "a catalogue database's default location is a bucket the program does not create",
      bad: add("aws:glue/catalogDatabase:CatalogDatabase", "orders-db", {
        name: "orders",
        locationUri: "s3://datalake-abroad/",
      }),
      expected: [
        [
          "named-destinations",
          "orders-db",
          "mandatory",
          [
            inside,
            'glue catalog database "orders-db"',
            '"s3://datalake-abroad/" (cannot be placed)',
          ],
        ],
      ],
      twinName: "its default location is the program's bucket",
      twin: add("aws:glue/catalogDatabase:CatalogDatabase", "orders-db", {
        name: "orders",
        locationUri: "s3://sdc-records/",
      }),
    },
    {
      name: "a Kendra FAQ is read from a bucket the program does not create",
      bad: add("aws:kendra/faq:Faq", "faq", {
        indexId: "0a1b2c3d",
        name: "faq",
        roleArn: `arn:aws:iam::${account}:role/kendra`,
        s3Path: { bucket: "faq-abroad", key: "faq.csv" },
      }),
      expected: [
        [
          "named-destinations",
          "faq",
          "mandatory",
          ['"faq-abroad" (cannot be placed)', 'kendra faq "faq"', inside],
        ],
      ],
      twinName: "it is read from the program's bucket",
      twin: add("aws:kendra/faq:Faq", "faq", {
        indexId: "0a1b2c3d",
        name: "faq",
        roleArn: `arn:aws:iam::${account}:role/kendra`,
        s3Path: { bucket: "sdc-records", key: "faq.csv" },
      }),
    },
    {
      name: "a Comprehend classifier writes its output to a bucket the program does not create",
      bad: add("aws:comprehend/documentClassifier:DocumentClassifier", "triage", {
        name: "triage",
        languageCode: "en",
        dataAccessRoleArn: `arn:aws:iam::${account}:role/comprehend`,
        inputDataConfig: { s3Uri: "s3://sdc-records/training/" },
        outputDataConfig: { s3Uri: "s3://classifier-abroad/output/" },
      }),
      expected: [
        [
          "named-destinations",
          "triage",
          "mandatory",
          [
            inside,
            'comprehend document classifier "triage"',
            '"s3://classifier-abroad/output/" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it writes it to the program's log bucket",
      twin: add("aws:comprehend/documentClassifier:DocumentClassifier", "triage", {
        name: "triage",
        languageCode: "en",
        dataAccessRoleArn: `arn:aws:iam::${account}:role/comprehend`,
        inputDataConfig: { s3Uri: "s3://sdc-records/training/" },
        outputDataConfig: { s3Uri: "s3://sdc-records-logs/output/" },
      }),
    },
    {
      name: "a Comprehend entity recognizer trains on documents of a bucket the program does not create",
      bad: add("aws:comprehend/entityRecognizer:EntityRecognizer", "parties", {
        name: "parties",
        languageCode: "en",
        dataAccessRoleArn: `arn:aws:iam::${account}:role/comprehend`,
        inputDataConfig: {
          entityTypes: [{ type: "PARTY" }],
          documents: { s3Uri: "s3://contracts-abroad/documents/" },
          entityList: { s3Uri: "s3://sdc-records/entities.csv" },
        },
      }),
      expected: [
        [
          "named-destinations",
          "parties",
          "mandatory",
          [
            '"s3://contracts-abroad/documents/" (cannot be placed)',
            'comprehend entity recognizer "parties"',
            inside,
          ],
        ],
      ],
      twinName: "it trains on documents of the program's bucket",
      twin: add("aws:comprehend/entityRecognizer:EntityRecognizer", "parties", {
        name: "parties",
        languageCode: "en",
        dataAccessRoleArn: `arn:aws:iam::${account}:role/comprehend`,
        inputDataConfig: {
          entityTypes: [{ type: "PARTY" }],
          documents: { s3Uri: "s3://sdc-records/documents/" },
          entityList: { s3Uri: "s3://sdc-records/entities.csv" },
        },
      }),
    },
  ]);
});

/**
 * The twin of the Shield Response Team cases, which have no in-jurisdiction shape: the program
 * keeps its log bucket to itself (TLS only) and grants the team nothing.
 */
const withoutResponseTeam = {
  twinName: "the program keeps its logs and roles to itself (no Shield Response Team access)",
  twin: add("aws:s3/bucketPolicy:BucketPolicy", "logs-policy", {
    bucket: "sdc-records-logs",
    policy: JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Deny",
          Principal: "*",
          Action: "s3:*",
          Resource: "arn:aws:s3:::sdc-records-logs/*",
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
      ],
    }),
  }),
};

/**
 * A security service's administrator (or accepted administrator) named by account: another
 * account reads the members' findings in the same region, an advisory cross-account-links grant;
 * the twin names the stack's own account.
 */
function adminCase(name: string, type: string, resource: string, path: string): Case {
  return {
    name,
    bad: add(type, resource, { [path]: "444455556666" }),
    expected: [
      [
        "cross-account-links",
        resource,
        "advisory",
        [
          "us-west-2 (inside US)",
          resourceLabel(type, resource),
          `account 444455556666 (not this stack's account ${account})`,
        ],
      ],
    ],
    twinName: "the administrator is the stack's own account",
    twin: add(type, resource, { [path]: account }),
  };
}

/** A latency record for clients near Ireland whose answer is the load balancer `host`. */
const latencyRecord = (host: string) =>
  add("aws:route53/record:Record", "api-eu", {
    zoneId: "Z0123456789ABCDEFGHIJ",
    name: "api.records.example.com",
    type: "CNAME",
    ttl: 60,
    setIdentifier: "eu",
    records: [host],
    latencyRoutingPolicies: [{ region: "eu-west-1" }],
  });

describe("services l–z: public endpoints, managed runtimes outside the VPC, edge services and log sinks", () => {
  const exposed = (name: string, label: string): Finding => [
    "public-exposure",
    name,
    "mandatory",
    ["the internet", label],
  ];
  const egress = (name: string, label: string): Finding => [
    "internet-egress",
    name,
    "mandatory",
    [label, "the internet (any country)"],
  ];
  const edge = (name: string, label: string, network: string): Finding => [
    "global-services",
    name,
    "mandatory",
    [label, `${network} outside the jurisdiction`],
  ];
  /** An encrypted Redis replication group delivering its slow log to `destination`. */
  const sessionsLogTo = (destinationType: string, destination: string) =>
    encryptedSessions({
      logDeliveryConfigurations: [
        { destinationType, destination, logFormat: "json", logType: "slow-log" },
      ],
    });
  const unplaced = (name: string, label: string, raw: string): Finding => [
    "named-destinations",
    name,
    "mandatory",
    ["us-west-2 (inside US)", label, `${JSON.stringify(raw)} (cannot be placed)`],
  ];
  /** A Fargate service with private addresses only: where a Lightsail workload belongs. */
  /** An ECS Express Mode service, in the subnets of `network` when given. */
  const expressService = (network?: Record<string, unknown>) =>
    add("aws:ecs/expressGatewayService:ExpressGatewayService", "web", {
      executionRoleArn: `arn:aws:iam::${account}:role/web-execution`,
      infrastructureRoleArn: `arn:aws:iam::${account}:role/web-infrastructure`,
      primaryContainer: { image: `${account}.dkr.ecr.us-west-2.amazonaws.com/web:1` },
      ...(network === undefined ? {} : { networkConfigurations: [network] }),
    });
  /** A SageMaker private workforce whose portal admits `cidrs` (none: no allow list). */
  const workforce = (cidrs?: string[]) =>
    add("aws:sagemaker/workforce:Workforce", "labelers", {
      workforceName: "labelers",
      cognitoConfig: { clientId: "client", userPool: "us-west-2_records" },
      ...(cidrs === undefined ? {} : { sourceIpConfig: { cidrs } }),
    });
  const privateService = add("aws:ecs/service:Service", "web-svc", {
    cluster: "records",
    taskDefinition: "web:1",
    launchType: "FARGATE",
    networkConfiguration: { subnets: ["subnet-records"], assignPublicIp: false },
  });
  const privateZone = add("aws:route53/zone:Zone", "zone", {
    name: "records.internal",
    vpcs: [{ vpcId: "vpc-records" }],
  });
  const role = `arn:aws:iam::${account}:role/sagemaker`;
  /** A notebook with no direct internet access, in the stack's private subnet. */
  const privateNotebook = {
    instanceType: "ml.t3.medium",
    roleArn: role,
    directInternetAccess: "Disabled",
    subnetId: "subnet-records",
    securityGroups: ["sg-records"],
  };
  /** A Studio domain in the stack's VPC, with `props` over it. */
  const studioDomain = (props: Props) => ({
    domainName: "studio",
    authMode: "IAM",
    vpcId: "vpc-records",
    subnetIds: ["subnet-records"],
    defaultUserSettings: { executionRole: role },
    ...props,
  });
  /** A Mail Manager rule set whose one rule takes the one `action`. */
  const mailRules = (action: Props) =>
    add("aws:mailmanager/ruleSet:RuleSet", "inbound-rules", {
      name: "inbound",
      rules: [{ name: "handle", actions: [action] }],
    });
  const image = `${account}.dkr.ecr.us-west-2.amazonaws.com/train:1`;
  const vpcConfig = { subnets: ["subnet-records"], securityGroupIds: ["sg-records"] };
  const training = (extra: Props): Props => ({
    roleArn: role,
    algorithmSpecification: { trainingImage: image, trainingInputMode: "File" },
    outputDataConfig: { s3OutputPath: "s3://sdc-records/models" },
    resourceConfig: { instanceType: "ml.m5.large", instanceCount: 1, volumeSizeInGb: 10 },
    stoppingCondition: { maxRuntimeInSeconds: 3600 },
    ...extra,
  });
  /** A human review flow of the private work team, writing its reviews to `output`. */
  const reviewFlow = (output: string, loop: Props = {}) =>
    add("aws:sagemaker/flowDefinition:FlowDefinition", "review", {
      flowDefinitionName: "review",
      roleArn: role,
      outputConfig: { s3OutputPath: output },
      humanLoopConfig: {
        humanTaskUiArn: `arn:aws:sagemaker:us-west-2:${account}:human-task-ui/review`,
        workteamArn: `arn:aws:sagemaker:us-west-2:${account}:workteam/private-crowd/records`,
        taskTitle: "Review",
        taskDescription: "Review the prediction",
        taskCount: 1,
        ...loop,
      },
    });
  /** A Bedrock AgentCore runtime of the account's image, in the given network mode. */
  const agentRuntime = (networkConfiguration: Props) =>
    add("aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime", "agent", {
      agentRuntimeName: "agent",
      roleArn: role,
      agentRuntimeArtifact: { containerConfiguration: { containerUri: image } },
      networkConfiguration,
    });
  const tuningDefinition = (extra: Props): Props => ({
    roleArn: role,
    algorithmSpecification: { trainingImage: image, trainingInputMode: "File" },
    outputDataConfig: { s3OutputPath: "s3://sdc-records/models" },
    stoppingCondition: { maxRuntimeInSeconds: 3600 },
    ...extra,
  });
  const qualityJob = (extra: Props): Props => ({
    roleArn: role,
    dataQualityAppSpecification: { imageUri: image },
    dataQualityJobInput: { endpointInput: { endpointName: "orders", localPath: "/opt/ml/input" } },
    dataQualityJobOutputConfig: {
      monitoringOutputs: { s3Output: { s3Uri: "s3://sdc-records-logs/quality" } },
    },
    jobResources: {
      clusterConfig: { instanceCount: 1, instanceType: "ml.m5.large", volumeSizeInGb: 10 },
    },
    ...extra,
  });
  const monitoringDefinition = (extra: Props): Props => ({
    monitoringAppSpecification: { imageUri: image },
    monitoringInputs: [{ endpointInput: { endpointName: "orders", localPath: "/opt/ml/input" } }],
    monitoringOutputConfig: {
      monitoringOutputs: { s3Output: { s3Uri: "s3://sdc-records-logs/monitoring" } },
    },
    monitoringResources: {
      clusterConfig: { instanceCount: 1, instanceType: "ml.m5.large", volumeSizeInGb: 10 },
    },
    roleArn: role,
    ...extra,
  });
  /** A CloudWatch Synthetics canary's inputs, without its VPC. */
  const canary: Props = {
    executionRoleArn: `arn:aws:iam::${account}:role/canary`,
    runtimeVersion: "syn-nodejs-puppeteer-9.1",
    handler: "index.handler",
    s3Bucket: "sdc-records",
    s3Key: "canaries/checkout.zip",
    artifactS3Location: "s3://sdc-records/canary-results",
    schedule: { expression: "rate(5 minutes)" },
  };

  runCases(pack, () => happy, us, [
    {
      name: "a Lightsail database is publicly accessible",
      bad: add("aws:lightsail/database:Database", "shop-db", {
        relationalDatabaseName: "shop",
        blueprintId: "mysql_8_0",
        bundleId: "micro_2_0",
        masterDatabaseName: "shop",
        masterUsername: "admin",
        publiclyAccessible: true,
      }),
      expected: [exposed("shop-db", 'lightsail database "shop-db"')],
      twinName: "the Lightsail database is private",
      twin: add("aws:lightsail/database:Database", "shop-db", {
        relationalDatabaseName: "shop",
        blueprintId: "mysql_8_0",
        bundleId: "micro_2_0",
        masterDatabaseName: "shop",
        masterUsername: "admin",
        publiclyAccessible: false,
      }),
    },
    {
      name: "a Lightsail instance opens SSH without listing its sources (every address)",
      bad: add("aws:lightsail/instancePublicPorts:InstancePublicPorts", "shop-ports", {
        instanceName: "shop",
        portInfos: [{ protocol: "tcp", fromPort: 22, toPort: 22 }],
      }),
      expected: [exposed("shop-ports", 'lightsail instance public ports "shop-ports"')],
      twinName: "the port admits only the private range",
      twin: add("aws:lightsail/instancePublicPorts:InstancePublicPorts", "shop-ports", {
        instanceName: "shop",
        portInfos: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrs: ["10.30.0.0/16"] }],
      }),
    },
    {
      name: "a Lightsail instance admits the browser SSH service's public ranges",
      bad: add("aws:lightsail/instancePublicPorts:InstancePublicPorts", "shop-ports", {
        instanceName: "shop",
        portInfos: [
          { protocol: "tcp", fromPort: 22, toPort: 22, cidrListAliases: ["lightsail-connect"] },
        ],
      }),
      expected: [exposed("shop-ports", 'lightsail instance public ports "shop-ports"')],
      twinName: "the port admits only the private range",
      twin: add("aws:lightsail/instancePublicPorts:InstancePublicPorts", "shop-ports", {
        instanceName: "shop",
        portInfos: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrs: ["10.30.0.0/16"] }],
      }),
    },
    {
      name: "a Lightsail load balancer is created (always public: no shape of it passes)",
      bad: add("aws:lightsail/lb:Lb", "shop-lb", { name: "shop", instancePort: 80 }),
      expected: [exposed("shop-lb", 'lightsail lb "shop-lb"')],
      twinName: "the instances are served by an internal Application Load Balancer",
      twin: add("aws:lb/loadBalancer:LoadBalancer", "shop-lb", {
        loadBalancerType: "application",
        internal: true,
        subnets: ["subnet-records"],
      }),
    },
    {
      name: "a Transfer Family web app is created without a VPC endpoint (a public one)",
      bad: add("aws:transfer/webApp:WebApp", "files", {
        identityProviderDetails: {
          identityCenterConfig: { instanceArn: "arn:aws:sso:::instance/ssoins-records" },
        },
      }),
      expected: [exposed("files", 'transfer web app "files"')],
      twinName: "the web app is hosted in the stack's VPC",
      twin: add("aws:transfer/webApp:WebApp", "files", {
        identityProviderDetails: {
          identityCenterConfig: { instanceArn: "arn:aws:sso:::instance/ssoins-records" },
        },
        endpointDetails: { vpc: { vpcId: "vpc-records", subnetIds: ["subnet-records"] } },
      }),
    },
    {
      name: "a SageMaker private workforce's portal lists no source addresses (every address)",
      bad: workforce(),
      expected: [exposed("labelers", 'sagemaker workforce "labelers"')],
      twinName: "the portal admits only the private range",
      twin: workforce(["10.30.0.0/16"]),
    },
    {
      name: "a SageMaker private workforce's portal admits a public range",
      bad: workforce(["10.30.0.0/16", "203.0.113.0/24"]),
      expected: [exposed("labelers", 'sagemaker workforce "labelers"')],
      twinName: "the portal admits only the private range",
      twin: workforce(["10.30.0.0/16"]),
    },
    {
      name: "an ECS Express Mode service is given no network configuration (the default VPC)",
      bad: expressService(),
      expected: [
        exposed("web", 'ecs express gateway service "web"'),
        egress("web", 'ecs express gateway service "web"'),
      ],
      twinName: "the service runs in private subnets of the stack's VPC",
      twin: expressService({
        subnets: ["subnet-records", "subnet-records-b"],
        securityGroups: ["sg-records"],
      }),
    },
    {
      name: "an SSM document is shared with All (public)",
      bad: add("aws:ssm/document:Document", "runbook", {
        documentType: "Command",
        content: "{}",
        permissions: { type: "Share", accountIds: "All" },
      }),
      expected: [exposed("runbook", 'ssm document "runbook"')],
      twinName: "the document is not shared",
      twin: add("aws:ssm/document:Document", "runbook", { documentType: "Command", content: "{}" }),
    },
    {
      name: "a Lightsail container service is created (always public: no shape of it passes)",
      bad: add("aws:lightsail/containerService:ContainerService", "web-svc", {
        name: "web",
        power: "nano",
        scale: 1,
      }),
      expected: [exposed("web-svc", 'lightsail container service "web-svc"')],
      twinName: "the containers run as a Fargate service with private addresses",
      twin: privateService,
    },
    {
      name: "a Lightsail instance is created (always a public address: no shape of it passes)",
      bad: add("aws:lightsail/instance:Instance", "shop", {
        availabilityZone: "us-west-2a",
        blueprintId: "amazon_linux_2023",
        bundleId: "nano_3_0",
      }),
      expected: [egress("shop", 'lightsail instance "shop"')],
      twinName: "the workload runs on an EC2 instance without a public address",
      twin: addInstance("aws:ec2/instance:Instance", "shop", {
        ami: "ami-records",
        instanceType: "t3.micro",
        subnetId: "subnet-records",
        associatePublicIpAddress: false,
      }),
    },
    {
      name: "a Lightsail distribution caches content at edges worldwide (no shape of it passes)",
      bad: add("aws:lightsail/distribution:Distribution", "cdn", {
        name: "cdn",
        bundleId: "small_1_0",
        origin: { name: "shop", regionName: "us-west-2" },
        defaultCacheBehavior: { behavior: "cache" },
      }),
      expected: [edge("cdn", 'lightsail distribution "cdn"', "CloudFront edge locations")],
      twinName: "the content is served by an internal load balancer",
      twin: add("aws:lb/loadBalancer:LoadBalancer", "alb", {
        loadBalancerType: "application",
        internal: true,
      }),
    },
    {
      name: "a Lightsail DNS zone is created (public DNS: no shape of it passes)",
      bad: add("aws:lightsail/domain:Domain", "shop-domain", { domainName: "shop.example.com" }),
      expected: [edge("shop-domain", 'lightsail domain "shop-domain"', "Lightsail name servers")],
      twinName: "the names are served by a private Route 53 zone",
      twin: privateZone,
    },
    {
      name: "a Lightsail DNS record is created (public DNS: no shape of it passes)",
      bad: add("aws:lightsail/domainEntry:DomainEntry", "shop-www", {
        domainName: "shop.example.com",
        name: "www",
        type: "A",
        target: "10.30.1.10",
      }),
      expected: [edge("shop-www", 'lightsail domain entry "shop-www"', "Lightsail name servers")],
      twinName: "the names are served by a private Route 53 zone",
      twin: privateZone,
    },
    {
      name: "a mainframe environment is publicly accessible",
      bad: add("aws:m2/environment:Environment", "mainframe", {
        name: "mainframe",
        engineType: "microfocus",
        instanceType: "M2.m5.large",
        publiclyAccessible: true,
      }),
      expected: [exposed("mainframe", 'm2 environment "mainframe"')],
      twinName: "the environment keeps the default, private",
      twin: add("aws:m2/environment:Environment", "mainframe", {
        name: "mainframe",
        engineType: "microfocus",
        instanceType: "M2.m5.large",
      }),
    },
    {
      name: "a Neptune Analytics graph has public connectivity",
      bad: add("aws:neptunegraph/graph:Graph", "graph", {
        graphName: "orders",
        provisionedMemory: 16,
        publicConnectivity: true,
      }),
      expected: [exposed("graph", 'neptunegraph graph "graph"')],
      twinName: "the graph is reached through a private endpoint only",
      twin: add("aws:neptunegraph/graph:Graph", "graph", {
        graphName: "orders",
        provisionedMemory: 16,
        publicConnectivity: false,
      }),
    },
    {
      name: "an Aurora Limitless shard group is publicly accessible",
      bad: add("aws:rds/shardGroup:ShardGroup", "shards", {
        dbClusterIdentifier: "records",
        dbShardGroupIdentifier: "shards",
        maxAcu: 768,
        publiclyAccessible: true,
      }),
      expected: [exposed("shards", 'rds shard group "shards"')],
      twinName: "the shard group keeps the default, private",
      twin: add("aws:rds/shardGroup:ShardGroup", "shards", {
        dbClusterIdentifier: "records",
        dbShardGroupIdentifier: "shards",
        maxAcu: 768,
      }),
    },
    {
      name: "an InfluxDB instance is publicly accessible",
      bad: add("aws:timestreaminfluxdb/dbInstance:DbInstance", "metrics", {
        name: "metrics",
        dbInstanceType: "db.influx.medium",
        allocatedStorage: 20,
        vpcSubnetIds: ["subnet-records"],
        vpcSecurityGroupIds: ["sg-records"],
        publiclyAccessible: true,
      }),
      expected: [exposed("metrics", 'timestreaminfluxdb db instance "metrics"')],
      twinName: "the InfluxDB instance is private and logs to the program's log bucket",
      twin: add("aws:timestreaminfluxdb/dbInstance:DbInstance", "metrics", {
        name: "metrics",
        dbInstanceType: "db.influx.medium",
        allocatedStorage: 20,
        vpcSubnetIds: ["subnet-records"],
        vpcSecurityGroupIds: ["sg-records"],
        publiclyAccessible: false,
        logDeliveryConfiguration: {
          s3Configuration: { bucketName: "sdc-records-logs", enabled: true },
        },
      }),
    },
    {
      name: "an InfluxDB cluster delivers its logs to a bucket the program does not create",
      bad: add("aws:timestreaminfluxdb/dbCluster:DbCluster", "metrics", {
        name: "metrics",
        dbInstanceType: "db.influx.medium",
        allocatedStorage: 20,
        vpcSubnetIds: ["subnet-records"],
        vpcSecurityGroupIds: ["sg-records"],
        logDeliveryConfiguration: {
          s3Configuration: { bucketName: "influx-logs-abroad", enabled: true },
        },
      }),
      expected: [
        unplaced("metrics", 'timestreaminfluxdb db cluster "metrics"', "influx-logs-abroad"),
      ],
      twinName: "it delivers them to the program's log bucket",
      twin: add("aws:timestreaminfluxdb/dbCluster:DbCluster", "metrics", {
        name: "metrics",
        dbInstanceType: "db.influx.medium",
        allocatedStorage: 20,
        vpcSubnetIds: ["subnet-records"],
        vpcSecurityGroupIds: ["sg-records"],
        logDeliveryConfiguration: {
          s3Configuration: { bucketName: "sdc-records-logs", enabled: true },
        },
      }),
    },
    {
      name: "an InfluxDB cluster is publicly accessible",
      bad: add("aws:timestreaminfluxdb/dbCluster:DbCluster", "metrics", {
        name: "metrics",
        dbInstanceType: "db.influx.medium",
        allocatedStorage: 20,
        vpcSubnetIds: ["subnet-records"],
        vpcSecurityGroupIds: ["sg-records"],
        publiclyAccessible: true,
      }),
      expected: [exposed("metrics", 'timestreaminfluxdb db cluster "metrics"')],
      twinName: "the InfluxDB cluster keeps the default, private",
      twin: add("aws:timestreaminfluxdb/dbCluster:DbCluster", "metrics", {
        name: "metrics",
        dbInstanceType: "db.influx.medium",
        allocatedStorage: 20,
        vpcSubnetIds: ["subnet-records"],
        vpcSecurityGroupIds: ["sg-records"],
      }),
    },
    {
      name: "an MSK cluster gives its brokers public IP addresses",
      bad: kafka({ publicAccess: { type: "SERVICE_PROVIDED_EIPS" } }),
      expected: [exposed("kafka", 'msk cluster "kafka"')],
      twinName: "public access is disabled and broker logs go to the program's log bucket",
      twin: kafka({ publicAccess: { type: "DISABLED" } }, "sdc-records-logs"),
    },
    {
      name: "an MSK cluster delivers broker logs to a bucket the program does not create",
      bad: kafka(undefined, "kafka-logs-abroad"),
      expected: [unplaced("kafka", 'msk cluster "kafka"', "kafka-logs-abroad")],
      twinName: "it delivers them to the program's log bucket",
      twin: kafka(undefined, "sdc-records-logs"),
    },
    {
      name: "a MediaLive input security group admits every address",
      bad: add("aws:medialive/inputSecurityGroup:InputSecurityGroup", "ingest", {
        whitelistRules: [{ cidr: "0.0.0.0/0" }],
      }),
      expected: [exposed("ingest", 'medialive input security group "ingest"')],
      twinName: "it admits only the private range",
      twin: add("aws:medialive/inputSecurityGroup:InputSecurityGroup", "ingest", {
        whitelistRules: [{ cidr: "10.30.0.0/16" }],
      }),
    },
    {
      name: "a Transfer Family server keeps the default public endpoint",
      bad: add("aws:transfer/server:Server", "sftp", { protocols: ["SFTP"] }),
      expected: [exposed("sftp", 'transfer server "sftp"')],
      twinName: "the server has a VPC endpoint in private subnets",
      twin: add("aws:transfer/server:Server", "sftp", {
        protocols: ["SFTP"],
        endpointType: "VPC",
        endpointDetails: { vpcId: "vpc-records", subnetIds: ["subnet-records"] },
      }),
    },
    {
      name: "a Transfer Family server's VPC endpoint gets an Elastic IP",
      bad: add("aws:transfer/server:Server", "sftp", {
        protocols: ["SFTP"],
        endpointType: "VPC",
        endpointDetails: {
          vpcId: "vpc-records",
          subnetIds: ["subnet-records"],
          addressAllocationIds: ["eipalloc-0123456789abcdef0"],
        },
      }),
      expected: [exposed("sftp", 'transfer server "sftp"')],
      twinName: "the VPC endpoint stays internal",
      twin: add("aws:transfer/server:Server", "sftp", {
        protocols: ["SFTP"],
        endpointType: "VPC",
        endpointDetails: { vpcId: "vpc-records", subnetIds: ["subnet-records"] },
      }),
    },
    {
      name: "a Transfer Family server delivers its logs to a log group the program does not create",
      bad: add("aws:transfer/server:Server", "sftp", {
        protocols: ["SFTP"],
        endpointType: "VPC",
        endpointDetails: { vpcId: "vpc-records", subnetIds: ["subnet-records"] },
        structuredLogDestinations: ["transfer-logs-abroad"],
      }),
      expected: [unplaced("sftp", 'transfer server "sftp"', "transfer-logs-abroad")],
      twinName: "it delivers them to a log group of the program",
      twin: pipe(
        keyedAdd(
          "aws:cloudwatch/logGroup:LogGroup",
          "transfer-logs",
          { name: "transfer-logs" },
          "kmsKeyId",
        ),
        add("aws:transfer/server:Server", "sftp", {
          protocols: ["SFTP"],
          endpointType: "VPC",
          endpointDetails: { vpcId: "vpc-records", subnetIds: ["subnet-records"] },
          structuredLogDestinations: ["transfer-logs"],
        }),
      ),
    },
    {
      name: "a Transfer Family server signs its users in at an identity provider in Frankfurt",
      bad: add("aws:transfer/server:Server", "sftp", {
        protocols: ["SFTP"],
        endpointType: "VPC",
        endpointDetails: { vpcId: "vpc-records", subnetIds: ["subnet-records"] },
        identityProviderType: "API_GATEWAY",
        url: "https://abc123.execute-api.eu-central-1.amazonaws.com/prod",
        invocationRole: role,
      }),
      expected: [
        [
          "remote-sites",
          "sftp",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'transfer server "sftp"',
            "https://abc123.execute-api.eu-central-1.amazonaws.com/prod (outside US, in EU)",
          ],
        ],
      ],
      twinName: "the identity provider is an API of Oregon",
      twin: add("aws:transfer/server:Server", "sftp", {
        protocols: ["SFTP"],
        endpointType: "VPC",
        endpointDetails: { vpcId: "vpc-records", subnetIds: ["subnet-records"] },
        identityProviderType: "API_GATEWAY",
        url: "https://abc123.execute-api.us-west-2.amazonaws.com/prod",
        invocationRole: role,
      }),
    },
    {
      name: "a database joins a directory whose DNS servers are on public addresses",
      bad: add("aws:rds/instance:Instance", "directory-db", {
        engine: "sqlserver-se",
        instanceClass: "db.m5.large",
        kmsKeyId: `arn:aws:kms:us-west-2:${account}:key/0123-own`,
        storageEncrypted: true,
        domainFqdn: "corp.example.com",
        domainDnsIps: ["203.0.113.10", "10.30.0.10"],
      }),
      expected: [
        [
          "remote-sites",
          "directory-db",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'rds instance "directory-db"',
            '"203.0.113.10" (cannot be placed)',
          ],
        ],
      ],
      twinName: "the directory's DNS servers are private addresses of the stack's network",
      twin: add("aws:rds/instance:Instance", "directory-db", {
        engine: "sqlserver-se",
        instanceClass: "db.m5.large",
        kmsKeyId: `arn:aws:kms:us-west-2:${account}:key/0123-own`,
        storageEncrypted: true,
        domainFqdn: "corp.example.com",
        domainDnsIps: ["10.30.0.10", "10.30.0.11"],
      }),
    },
    {
      name: "a Bedrock AgentCore runtime runs its agent in PUBLIC network mode",
      bad: agentRuntime({ networkMode: "PUBLIC" }),
      expected: [egress("agent", 'bedrock agentcore agent runtime "agent"')],
      twinName: "the runtime runs in private subnets of the VPC",
      twin: agentRuntime({
        networkMode: "VPC",
        networkModeConfig: { subnets: ["subnet-records"], securityGroups: ["sg-records"] },
      }),
    },
    {
      name: "a Bedrock AgentCore code interpreter runs in PUBLIC network mode",
      bad: add("aws:bedrock/agentcoreCodeInterpreter:AgentcoreCodeInterpreter", "interpreter", {
        name: "interpreter",
        networkConfiguration: { networkMode: "PUBLIC" },
      }),
      expected: [egress("interpreter", 'bedrock agentcore code interpreter "interpreter"')],
      twinName: "it runs in SANDBOX mode",
      twin: add("aws:bedrock/agentcoreCodeInterpreter:AgentcoreCodeInterpreter", "interpreter", {
        name: "interpreter",
        networkConfiguration: { networkMode: "SANDBOX" },
      }),
    },
    {
      name: "a SageMaker notebook clones and pushes its code with a Git host on the internet",
      bad: add("aws:sagemaker/notebookInstance:NotebookInstance", "notebook", {
        ...privateNotebook,
        defaultCodeRepository: "https://github.com/records-team/notebooks.git",
        additionalCodeRepositories: ["notebook-code"],
      }),
      expected: [
        [
          "remote-sites",
          "notebook",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'sagemaker notebook instance "notebook"',
            '"https://github.com/records-team/notebooks.git" (cannot be placed)',
          ],
        ],
      ],
      twinName: "its repositories are named code repositories of the account",
      twin: add("aws:sagemaker/notebookInstance:NotebookInstance", "notebook", {
        ...privateNotebook,
        defaultCodeRepository: "notebook-code",
      }),
    },
    {
      name: "a SageMaker Studio domain keeps its apps on SageMaker's internet access (the default)",
      bad: add("aws:sagemaker/domain:Domain", "studio", studioDomain({})),
      expected: [egress("studio", 'sagemaker domain "studio"')],
      twinName: "the domain is VpcOnly",
      twin: add(
        "aws:sagemaker/domain:Domain",
        "studio",
        studioDomain({ appNetworkAccessType: "VpcOnly" }),
      ),
    },
    {
      name: "a Mail Manager rule sends received mail on to the internet",
      bad: mailRules({ send: { roleArn: `arn:aws:iam::${account}:role/mail` } }),
      expected: [
        [
          "log-shipping",
          "inbound-rules",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'mailmanager rule set "inbound-rules"',
            "the recipients' mail servers on the internet",
          ],
        ],
      ],
      twinName: "it archives the mail in a bucket of the program instead",
      twin: mailRules({
        writeToS3: { roleArn: `arn:aws:iam::${account}:role/mail`, s3Bucket: "sdc-records" },
      }),
    },
    {
      name: "a SageMaker notebook keeps direct internet access (the default)",
      bad: add("aws:sagemaker/notebookInstance:NotebookInstance", "notebook", {
        instanceType: "ml.t3.medium",
        roleArn: role,
      }),
      expected: [egress("notebook", 'sagemaker notebook instance "notebook"')],
      twinName: "the notebook has no direct internet access and sits in a private subnet",
      twin: add("aws:sagemaker/notebookInstance:NotebookInstance", "notebook", {
        instanceType: "ml.t3.medium",
        roleArn: role,
        directInternetAccess: "Disabled",
        subnetId: "subnet-records",
        securityGroups: ["sg-records"],
      }),
    },
    {
      name: "a SageMaker training job runs outside the VPC without network isolation",
      bad: add("aws:sagemaker/trainingJob:TrainingJob", "train", training({})),
      expected: [egress("train", 'sagemaker training job "train"')],
      twinName: "the training job is network-isolated",
      twin: add(
        "aws:sagemaker/trainingJob:TrainingJob",
        "train",
        training({ enableNetworkIsolation: true }),
      ),
    },
    {
      name: "a SageMaker training job saves checkpoints to a bucket the program does not create",
      bad: add(
        "aws:sagemaker/trainingJob:TrainingJob",
        "train",
        training({ vpcConfig, checkpointConfig: { s3Uri: "s3://checkpoints-abroad/run" } }),
      ),
      expected: [
        unplaced("train", 'sagemaker training job "train"', "s3://checkpoints-abroad/run"),
      ],
      twinName: "it saves them to a bucket of the program",
      twin: add(
        "aws:sagemaker/trainingJob:TrainingJob",
        "train",
        training({ vpcConfig, checkpointConfig: { s3Uri: "s3://sdc-records/checkpoints" } }),
      ),
    },
    {
      name: "a SageMaker training job writes the trained model to a bucket the program does not create",
      bad: add(
        "aws:sagemaker/trainingJob:TrainingJob",
        "train",
        training({ vpcConfig, outputDataConfig: { s3OutputPath: "s3://models-abroad/run" } }),
      ),
      expected: [unplaced("train", 'sagemaker training job "train"', "s3://models-abroad/run")],
      twinName: "it writes the model to a bucket of the program",
      twin: add("aws:sagemaker/trainingJob:TrainingJob", "train", training({ vpcConfig })),
    },
    {
      name: "an asynchronous SageMaker endpoint writes its results to a bucket the program does not create",
      bad: add("aws:sagemaker/endpointConfiguration:EndpointConfiguration", "async", {
        productionVariants: [{ variantName: "main", modelName: "m", instanceType: "ml.m5.large" }],
        asyncInferenceConfig: { outputConfig: { s3OutputPath: "s3://results-abroad/async" } },
      }),
      expected: [
        unplaced("async", 'sagemaker endpoint configuration "async"', "s3://results-abroad/async"),
      ],
      twinName: "it writes them to a bucket of the program",
      twin: add("aws:sagemaker/endpointConfiguration:EndpointConfiguration", "async", {
        productionVariants: [{ variantName: "main", modelName: "m", instanceType: "ml.m5.large" }],
        asyncInferenceConfig: { outputConfig: { s3OutputPath: "s3://sdc-records/async" } },
      }),
    },
    {
      name: "a SageMaker Studio domain shares notebook snapshots to a bucket the program does not create",
      bad: add("aws:sagemaker/domain:Domain", "studio", {
        domainName: "studio",
        authMode: "IAM",
        vpcId: "vpc-records",
        subnetIds: ["subnet-records"],
        appNetworkAccessType: "VpcOnly",
        defaultUserSettings: {
          executionRole: role,
          sharingSettings: { notebookOutputOption: "Allowed", s3OutputPath: "s3://shared-abroad" },
        },
      }),
      expected: [unplaced("studio", 'sagemaker domain "studio"', "s3://shared-abroad")],
      twinName: "it shares them to a bucket of the program",
      twin: add("aws:sagemaker/domain:Domain", "studio", {
        domainName: "studio",
        authMode: "IAM",
        vpcId: "vpc-records",
        subnetIds: ["subnet-records"],
        appNetworkAccessType: "VpcOnly",
        defaultUserSettings: {
          executionRole: role,
          sharingSettings: {
            notebookOutputOption: "Allowed",
            s3OutputPath: "s3://sdc-records/shared",
          },
        },
      }),
    },
    {
      name: "a SageMaker tuning job's training definition runs outside the VPC",
      bad: add("aws:sagemaker/hyperParameterTuningJob:HyperParameterTuningJob", "tune", {
        hyperParameterTuningJobConfig: { strategy: "Bayesian" },
        trainingJobDefinition: tuningDefinition({}),
      }),
      expected: [egress("tune", 'sagemaker hyper parameter tuning job "tune"')],
      twinName: "the definition runs in private subnets of the VPC",
      twin: add("aws:sagemaker/hyperParameterTuningJob:HyperParameterTuningJob", "tune", {
        hyperParameterTuningJobConfig: { strategy: "Bayesian" },
        trainingJobDefinition: tuningDefinition({ vpcConfig }),
      }),
    },
    {
      name: "a SageMaker data quality job runs outside the VPC without network isolation",
      bad: add(
        "aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition",
        "quality",
        qualityJob({}),
      ),
      expected: [egress("quality", 'sagemaker data quality job definition "quality"')],
      twinName: "the job is network-isolated",
      twin: add(
        "aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition",
        "quality",
        qualityJob({ networkConfig: { enableNetworkIsolation: true } }),
      ),
    },
    {
      name: "a SageMaker data quality job writes its reports to a bucket the program does not create",
      bad: add(
        "aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition",
        "quality",
        qualityJob({
          networkConfig: { enableNetworkIsolation: true },
          dataQualityJobOutputConfig: {
            monitoringOutputs: { s3Output: { s3Uri: "s3://reports-abroad/quality" } },
          },
        }),
      ),
      expected: [
        unplaced(
          "quality",
          'sagemaker data quality job definition "quality"',
          "s3://reports-abroad/quality",
        ),
      ],
      twinName: "it writes them to the program's log bucket",
      twin: add(
        "aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition",
        "quality",
        qualityJob({ networkConfig: { enableNetworkIsolation: true } }),
      ),
    },
    {
      name: "a SageMaker monitoring schedule's inline job runs outside the VPC",
      bad: add("aws:sagemaker/monitoringSchedule:MonitoringSchedule", "monitor", {
        monitoringScheduleConfig: {
          monitoringType: "DataQuality",
          monitoringJobDefinition: monitoringDefinition({}),
        },
      }),
      expected: [egress("monitor", 'sagemaker monitoring schedule "monitor"')],
      twinName: "the inline job runs in private subnets of the VPC",
      twin: add("aws:sagemaker/monitoringSchedule:MonitoringSchedule", "monitor", {
        monitoringScheduleConfig: {
          monitoringType: "DataQuality",
          monitoringJobDefinition: monitoringDefinition({ networkConfig: { vpcConfig } }),
        },
      }),
    },
    {
      name: "a SageMaker monitoring schedule writes its reports to a bucket the program does not create",
      bad: add("aws:sagemaker/monitoringSchedule:MonitoringSchedule", "monitor", {
        monitoringScheduleConfig: {
          monitoringType: "DataQuality",
          monitoringJobDefinition: monitoringDefinition({
            networkConfig: { vpcConfig },
            monitoringOutputConfig: {
              monitoringOutputs: { s3Output: { s3Uri: "s3://reports-abroad/monitoring" } },
            },
          }),
        },
      }),
      expected: [
        unplaced(
          "monitor",
          'sagemaker monitoring schedule "monitor"',
          "s3://reports-abroad/monitoring",
        ),
      ],
      twinName: "it schedules a job definition the program declares on its own",
      twin: add("aws:sagemaker/monitoringSchedule:MonitoringSchedule", "monitor", {
        monitoringScheduleConfig: {
          monitoringType: "DataQuality",
          monitoringJobDefinitionName: "quality",
        },
      }),
    },
    {
      name: "a SageMaker model's containers run outside the VPC without network isolation",
      bad: add("aws:sagemaker/model:Model", "model", {
        executionRoleArn: role,
        primaryContainer: { image, modelDataUrl: "s3://sdc-records/models/model.tar.gz" },
      }),
      expected: [egress("model", 'sagemaker model "model"')],
      twinName: "the model runs in private subnets of the VPC",
      twin: add("aws:sagemaker/model:Model", "model", {
        executionRoleArn: role,
        primaryContainer: { image, modelDataUrl: "s3://sdc-records/models/model.tar.gz" },
        vpcConfig,
      }),
    },
    {
      name: "a Lambda function runs outside the VPC",
      bad: add("aws:lambda/function:Function", "orders-fn", {
        role: `arn:aws:iam::${account}:role/lambda`,
        runtime: "nodejs20.x",
        handler: "index.handler",
      }),
      expected: [egress("orders-fn", 'lambda function "orders-fn"')],
      twinName: "the function is attached to private subnets of the VPC",
      twin: add("aws:lambda/function:Function", "orders-fn", {
        role: `arn:aws:iam::${account}:role/lambda`,
        runtime: "nodejs20.x",
        handler: "index.handler",
        vpcConfig: { subnetIds: ["subnet-records"], securityGroupIds: ["sg-records"] },
      }),
    },
    {
      name: "a Synthetics canary (a Lambda function) runs outside the VPC",
      bad: add("aws:synthetics/canary:Canary", "checkout-canary", canary),
      expected: [egress("checkout-canary", 'synthetics canary "checkout-canary"')],
      twinName: "the canary is attached to private subnets of the VPC",
      twin: add("aws:synthetics/canary:Canary", "checkout-canary", {
        ...canary,
        vpcConfig: { subnetIds: ["subnet-records"], securityGroupIds: ["sg-records"] },
      }),
    },
    {
      name: "a WorkSpaces directory gives every WorkSpace internet access",
      bad: add("aws:workspaces/directory:Directory", "desktops", {
        directoryId: "d-1234567890",
        workspaceCreationProperties: { enableInternetAccess: true },
      }),
      expected: [egress("desktops", 'workspaces directory "desktops"')],
      twinName: "the WorkSpaces get no internet access",
      twin: add("aws:workspaces/directory:Directory", "desktops", {
        directoryId: "d-1234567890",
        workspaceCreationProperties: { enableInternetAccess: false },
      }),
    },
    {
      name: "a schedule runs Fargate tasks with public IP addresses",
      bad: add("aws:scheduler/schedule:Schedule", "nightly", {
        scheduleExpression: "rate(1 day)",
        flexibleTimeWindow: { mode: "OFF" },
        target: {
          arn: `arn:aws:ecs:us-west-2:${account}:cluster/records`,
          roleArn: `arn:aws:iam::${account}:role/scheduler`,
          ecsParameters: {
            taskDefinitionArn: `arn:aws:ecs:us-west-2:${account}:task-definition/report:1`,
            launchType: "FARGATE",
            networkConfiguration: { subnets: ["subnet-records"], assignPublicIp: true },
          },
        },
      }),
      expected: [egress("nightly", 'scheduler schedule "nightly"')],
      twinName: "the tasks get only private addresses",
      twin: add("aws:scheduler/schedule:Schedule", "nightly", {
        scheduleExpression: "rate(1 day)",
        flexibleTimeWindow: { mode: "OFF" },
        target: {
          arn: `arn:aws:ecs:us-west-2:${account}:cluster/records`,
          roleArn: `arn:aws:iam::${account}:role/scheduler`,
          ecsParameters: {
            taskDefinitionArn: `arn:aws:ecs:us-west-2:${account}:task-definition/report:1`,
            launchType: "FARGATE",
            networkConfiguration: { subnets: ["subnet-records"], assignPublicIp: false },
          },
        },
      }),
    },
    {
      name: "a classic WAF web ACL logs requests to a stream the program does not create",
      bad: add("aws:waf/webAcl:WebAcl", "waf", {
        metricName: "waf",
        defaultAction: { type: "ALLOW" },
        loggingConfiguration: { logDestination: "aws-waf-logs-abroad" },
      }),
      // Classic WAF has no region of its own: it runs on CloudFront's global edge.
      expected: [
        [
          "named-destinations",
          "waf",
          "mandatory",
          ["a global service", 'waf web acl "waf"', '"aws-waf-logs-abroad" (cannot be placed)'],
        ],
      ],
      twinName: "it logs to a Firehose stream of the program",
      twin: pipe(
        add("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", "waf-logs", {
          name: "aws-waf-logs-records",
          destination: "extended_s3",
          extendedS3Configuration: {
            bucketArn: "arn:aws:s3:::sdc-records-logs",
            roleArn: `arn:aws:iam::${account}:role/firehose`,
          },
        }),
        add("aws:waf/webAcl:WebAcl", "waf", {
          metricName: "waf",
          defaultAction: { type: "ALLOW" },
          loggingConfiguration: { logDestination: "aws-waf-logs-records" },
        }),
      ),
    },
    {
      name: "a Route 53 health check is run from checker regions worldwide (the default)",
      bad: add("aws:route53/healthCheck:HealthCheck", "shop-check", {
        type: "HTTPS_STR_MATCH",
        fqdn: "shop.example.com",
        port: 443,
        resourcePath: "/status",
        searchString: "ok",
        failureThreshold: 3,
        requestInterval: 30,
      }),
      expected: [
        edge("shop-check", 'route53 health check "shop-check"', "Route 53 health checkers"),
      ],
      twinName: "it is run only from checker regions in the United States",
      twin: add("aws:route53/healthCheck:HealthCheck", "shop-check", {
        type: "HTTPS_STR_MATCH",
        fqdn: "shop.example.com",
        port: 443,
        resourcePath: "/status",
        searchString: "ok",
        failureThreshold: 3,
        requestInterval: 30,
        regions: ["us-east-1", "us-west-1", "us-west-2"],
      }),
    },
    {
      name: "a Route 53 health check names a checker region in Ireland",
      bad: add("aws:route53/healthCheck:HealthCheck", "shop-check", {
        type: "HTTPS",
        fqdn: "shop.example.com",
        port: 443,
        regions: ["us-east-1", "us-west-1", "eu-west-1"],
      }),
      expected: [
        [
          "arn-locality",
          "shop-check",
          "mandatory",
          ['route53 health check "shop-check"', "eu-west-1 (outside US, in EU)"],
        ],
      ],
      twinName: "it checks a CloudWatch alarm instead, which no checker requests",
      twin: add("aws:route53/healthCheck:HealthCheck", "shop-check", {
        type: "CLOUDWATCH_METRIC",
        cloudwatchAlarmName: "shop-errors",
        cloudwatchAlarmRegion: "us-west-2",
        insufficientDataHealthStatus: "Unhealthy",
      }),
    },
    {
      name: "a Route 53 health check of an endpoint in Ireland is run from a checker region there",
      bad: add("aws:route53/healthCheck:HealthCheck", "eu-api-check", {
        type: "HTTPS",
        fqdn: "abc123.execute-api.eu-west-1.amazonaws.com",
        port: 443,
        regions: ["us-east-1", "us-west-1", "eu-west-1"],
      }),
      expected: [
        [
          "arn-locality",
          "eu-api-check",
          "mandatory",
          ['route53 health check "eu-api-check"', "eu-west-1 (outside US, in EU)"],
        ],
      ],
      twinName:
        "it is run only from checker regions in the United States: the endpoint it requests receives no data of the stack",
      twin: add("aws:route53/healthCheck:HealthCheck", "eu-api-check", {
        type: "HTTPS",
        fqdn: "abc123.execute-api.eu-west-1.amazonaws.com",
        port: 443,
        regions: ["us-east-1", "us-west-1", "us-west-2"],
      }),
    },
    {
      name: "a DNS record of the stack answers with a database endpoint in Ireland",
      bad: add("aws:route53/record:Record", "db-name", {
        zoneId: "Z0123456789ABCDEFGHIJ",
        name: "db.records.internal",
        type: "CNAME",
        ttl: 300,
        records: ["legacy.cluster-abc123xyz.eu-west-1.rds.amazonaws.com"],
      }),
      expected: [
        [
          "log-shipping",
          "db-name",
          "mandatory",
          [
            "a global service",
            'route53 record "db-name"',
            "legacy.cluster-abc123xyz.eu-west-1.rds.amazonaws.com in eu-west-1 (outside US, in EU)",
          ],
        ],
      ],
      twinName: "it answers with the database's endpoint in Oregon",
      twin: add("aws:route53/record:Record", "db-name", {
        zoneId: "Z0123456789ABCDEFGHIJ",
        name: "db.records.internal",
        type: "CNAME",
        ttl: 300,
        records: ["legacy.cluster-abc123xyz.us-west-2.rds.amazonaws.com"],
      }),
    },
    {
      name: "a latency record answers for servers in Ireland, whatever its address names",
      bad: add("aws:route53/record:Record", "api-eu", {
        zoneId: "Z0123456789ABCDEFGHIJ",
        name: "api.records.example.com",
        type: "A",
        ttl: 60,
        setIdentifier: "eu",
        records: ["203.0.113.7"],
        latencyRoutingPolicies: [{ region: "eu-west-1" }],
      }),
      expected: [
        [
          "log-shipping",
          "api-eu",
          "mandatory",
          ["a global service", 'route53 record "api-eu"', "eu-west-1 (outside US, in EU)"],
        ],
      ],
      twinName: "it answers for servers in Oregon",
      twin: add("aws:route53/record:Record", "api-eu", {
        zoneId: "Z0123456789ABCDEFGHIJ",
        name: "api.records.example.com",
        type: "A",
        ttl: 60,
        setIdentifier: "us",
        records: ["203.0.113.7"],
        latencyRoutingPolicies: [{ region: "us-west-2" }],
      }),
    },
    {
      // The region chooses which clients get the answer; a placed answer says where the server is.
      name: "a latency record for clients near Ireland answers with a load balancer there",
      bad: latencyRecord("records-alb-1234567890.eu-west-1.elb.amazonaws.com"),
      expected: [
        [
          "log-shipping",
          "api-eu",
          "mandatory",
          [
            "a global service",
            'route53 record "api-eu"',
            "records-alb-1234567890.eu-west-1.elb.amazonaws.com in eu-west-1 (outside US, in EU)",
          ],
        ],
      ],
      twinName: "it answers those clients with a load balancer in Oregon",
      twin: latencyRecord("records-alb-1234567890.us-west-2.elb.amazonaws.com"),
    },
    {
      name: "a domain's mail is answered by SES inbound in Frankfurt, and an alias by a load balancer there",
      bad: pipe(
        add("aws:route53/record:Record", "mail", {
          zoneId: "Z0123456789ABCDEFGHIJ",
          name: "records.example.com",
          type: "MX",
          ttl: 300,
          records: ["10 inbound-smtp.eu-central-1.amazonaws.com"],
        }),
        add("aws:route53/record:Record", "www", {
          zoneId: "Z0123456789ABCDEFGHIJ",
          name: "www.records.example.com",
          type: "A",
          aliases: [
            {
              name: "dualstack.web-123.eu-central-1.elb.amazonaws.com.",
              zoneId: "Z215JYRZR1TBD5",
              evaluateTargetHealth: true,
            },
          ],
        }),
      ),
      expected: [
        [
          "log-shipping",
          "mail",
          "mandatory",
          [
            "a global service",
            'route53 record "mail"',
            "inbound-smtp.eu-central-1.amazonaws.com in eu-central-1 (outside US, in EU)",
          ],
        ],
        [
          "log-shipping",
          "www",
          "mandatory",
          [
            "a global service",
            'route53 record "www"',
            "dualstack.web-123.eu-central-1.elb.amazonaws.com in eu-central-1 (outside US, in EU)",
          ],
        ],
      ],
      twinName: "both are answered in Oregon, and a validation record names no region",
      twin: pipe(
        add("aws:route53/record:Record", "mail", {
          zoneId: "Z0123456789ABCDEFGHIJ",
          name: "records.example.com",
          type: "MX",
          ttl: 300,
          records: ["10 inbound-smtp.us-west-2.amazonaws.com"],
        }),
        add("aws:route53/record:Record", "www", {
          zoneId: "Z0123456789ABCDEFGHIJ",
          name: "www.records.example.com",
          type: "A",
          aliases: [
            {
              name: "dualstack.web-123.us-west-2.elb.amazonaws.com.",
              zoneId: "Z1H1FL5HABSF5",
              evaluateTargetHealth: true,
            },
          ],
        }),
        add("aws:route53/record:Record", "cert-validation", {
          zoneId: "Z0123456789ABCDEFGHIJ",
          name: "_a1b2c3.records.example.com",
          type: "CNAME",
          ttl: 60,
          records: ["_d4e5f6.acm-validations.aws."],
        }),
      ),
    },
    {
      name: "a labeling job sends its data items to the public Mechanical Turk workforce",
      bad: add("aws:sagemaker/labelingJob:LabelingJob", "labels", {
        roleArn: role,
        labelAttributeName: "label",
        inputConfig: {
          dataSource: { s3DataSource: { manifestS3Uri: "s3://sdc-records/manifest.json" } },
        },
        outputConfig: { s3OutputPath: "s3://sdc-records/labels" },
        humanTaskConfig: {
          workteamArn: "arn:aws:sagemaker:us-west-2:394669845002:workteam/public-crowd/default",
          taskTitle: "Label",
          taskDescription: "Label the records",
          numberOfHumanWorkersPerDataObject: 1,
          taskTimeLimitInSeconds: 300,
        },
      }),
      expected: [exposed("labels", 'sagemaker labeling job "labels"')],
      twinName: "a private work team of the account labels them",
      twin: add("aws:sagemaker/labelingJob:LabelingJob", "labels", {
        roleArn: role,
        labelAttributeName: "label",
        inputConfig: {
          dataSource: { s3DataSource: { manifestS3Uri: "s3://sdc-records/manifest.json" } },
        },
        outputConfig: { s3OutputPath: "s3://sdc-records/labels" },
        humanTaskConfig: {
          workteamArn: `arn:aws:sagemaker:us-west-2:${account}:workteam/private-crowd/records`,
          taskTitle: "Label",
          taskDescription: "Label the records",
          numberOfHumanWorkersPerDataObject: 1,
          taskTimeLimitInSeconds: 300,
        },
      }),
    },
    {
      name: "a human review flow pays the public workforce per task",
      bad: reviewFlow("s3://sdc-records/reviews", {
        publicWorkforceTaskPrice: { amountInUsd: { cents: 1 } },
      }),
      expected: [exposed("review", 'sagemaker flow definition "review"')],
      twinName: "only the private work team reviews, unpaid by task",
      twin: reviewFlow("s3://sdc-records/reviews"),
    },
    {
      name: "a human review flow writes the reviews to a bucket the program does not create",
      bad: reviewFlow("s3://reviews-abroad"),
      expected: [unplaced("review", 'sagemaker flow definition "review"', "s3://reviews-abroad")],
      twinName:
        "the private work team's reviews go to a bucket of the program (the case above's twin)",
      twin: reviewFlow("s3://sdc-records/reviews"),
    },
    {
      name: "a notebook code repository is hosted on GitHub",
      bad: notebookRepo("https://github.com/example/notebooks.git"),
      expected: [notebookCode('"https://github.com/example/notebooks.git" (cannot be placed)')],
      twinName: "it is a CodeCommit repository in Oregon",
      twin: notebookRepo("https://git-codecommit.us-west-2.amazonaws.com/v1/repos/notebooks"),
    },
    {
      name: "a notebook code repository is GitHub's, by its SSH remote",
      bad: notebookRepo("git@github.com:example/notebooks.git"),
      expected: [notebookCode('"git@github.com:example/notebooks.git" (cannot be placed)')],
      // A Git server in the stack's own network, reached by HTTPS or SSH.
      twinName: "it is the team's Git server at a private address of the VPC",
      twin: notebookRepo("git@10.0.4.20:team/notebooks.git"),
    },
    {
      name: "a Studio user's JupyterLab clones a repository from GitHub",
      bad: add("aws:sagemaker/userProfile:UserProfile", "analyst", {
        domainId: "d-records",
        userProfileName: "analyst",
        userSettings: {
          executionRole: role,
          jupyterLabAppSettings: {
            codeRepositories: [{ repositoryUrl: "https://github.com/example/analysis.git" }],
          },
        },
      }),
      expected: [
        [
          "remote-sites",
          "analyst",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'sagemaker user profile "analyst"',
            '"https://github.com/example/analysis.git" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it clones a CodeCommit repository in Oregon",
      twin: add("aws:sagemaker/userProfile:UserProfile", "analyst", {
        domainId: "d-records",
        userProfileName: "analyst",
        userSettings: {
          executionRole: role,
          jupyterLabAppSettings: {
            codeRepositories: [
              {
                repositoryUrl: "https://git-codecommit.us-west-2.amazonaws.com/v1/repos/analysis",
              },
            ],
          },
        },
      }),
    },
    {
      name: "a network firewall delivers its alert logs to a bucket the program does not create",
      bad: add("aws:networkfirewall/loggingConfiguration:LoggingConfiguration", "fw-logs", {
        firewallArn: `arn:aws:network-firewall:us-west-2:${account}:firewall/records`,
        loggingConfiguration: {
          logDestinationConfigs: [
            {
              logDestinationType: "S3",
              logType: "ALERT",
              logDestination: { bucketName: "firewall-logs-abroad", prefix: "alerts" },
            },
          ],
        },
      }),
      expected: [
        unplaced(
          "fw-logs",
          'networkfirewall logging configuration "fw-logs"',
          "firewall-logs-abroad",
        ),
      ],
      twinName: "it delivers them to the program's log bucket and a log group of the program",
      twin: pipe(
        keyedAdd(
          "aws:cloudwatch/logGroup:LogGroup",
          "fw-flow",
          { name: "firewall-flow" },
          "kmsKeyId",
        ),
        add("aws:networkfirewall/loggingConfiguration:LoggingConfiguration", "fw-logs", {
          firewallArn: `arn:aws:network-firewall:us-west-2:${account}:firewall/records`,
          loggingConfiguration: {
            logDestinationConfigs: [
              {
                logDestinationType: "S3",
                logType: "ALERT",
                logDestination: { bucketName: "sdc-records-logs", prefix: "alerts" },
              },
              {
                logDestinationType: "CloudWatchLogs",
                logType: "FLOW",
                logDestination: { logGroup: "firewall-flow" },
              },
            ],
          },
        }),
      ),
    },
    {
      name: "a network firewall delivers its flow logs to a log group the program does not create",
      bad: add("aws:networkfirewall/loggingConfiguration:LoggingConfiguration", "fw-logs", {
        firewallArn: `arn:aws:network-firewall:us-west-2:${account}:firewall/records`,
        loggingConfiguration: {
          logDestinationConfigs: [
            {
              logDestinationType: "CloudWatchLogs",
              logType: "FLOW",
              logDestination: { logGroup: "firewall-flow-abroad" },
            },
          ],
        },
      }),
      expected: [
        unplaced(
          "fw-logs",
          'networkfirewall logging configuration "fw-logs"',
          "firewall-flow-abroad",
        ),
      ],
      twinName: "it delivers them to a log group of the program",
      twin: pipe(
        keyedAdd(
          "aws:cloudwatch/logGroup:LogGroup",
          "fw-flow",
          { name: "firewall-flow" },
          "kmsKeyId",
        ),
        add("aws:networkfirewall/loggingConfiguration:LoggingConfiguration", "fw-logs", {
          firewallArn: `arn:aws:network-firewall:us-west-2:${account}:firewall/records`,
          loggingConfiguration: {
            logDestinationConfigs: [
              {
                logDestinationType: "CloudWatchLogs",
                logType: "FLOW",
                logDestination: { logGroup: "firewall-flow" },
              },
            ],
          },
        }),
      ),
    },
    {
      // Found on the databases bench (the provider's own example): a Firehose stream may
      // forward the logs to any account, region or HTTP endpoint.
      name: "a Redis replication group delivers its slow logs to a Firehose stream the program does not create",
      bad: (plan) => sessionsLogTo("kinesis-firehose", "partner-redis-logs")(plan),
      expected: [
        unplaced("sessions", 'elasticache replication group "sessions"', "partner-redis-logs"),
      ],
      twinName: "it delivers them to a log group, in its own region and account",
      twin: (plan) => sessionsLogTo("cloudwatch-logs", "redis-slow-log")(plan),
    },
    {
      name: "a pipe delivers events to a queue in Frankfurt",
      bad: add("aws:pipes/pipe:Pipe", "orders-pipe", {
        roleArn: `arn:aws:iam::${account}:role/pipes`,
        source: `arn:aws:sqs:us-west-2:${account}:orders`,
        target: `arn:aws:sqs:eu-central-1:${account}:orders-copy`,
      }),
      expected: [
        [
          "log-shipping",
          "orders-pipe",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'pipe "orders-pipe"',
            `arn:aws:sqs:eu-central-1:${account}:orders-copy (outside US, in EU)`,
          ],
        ],
      ],
      twinName: "it delivers them to a queue in Oregon and logs to the program's log bucket",
      twin: add("aws:pipes/pipe:Pipe", "orders-pipe", {
        roleArn: `arn:aws:iam::${account}:role/pipes`,
        source: `arn:aws:sqs:us-west-2:${account}:orders`,
        target: `arn:aws:sqs:us-west-2:${account}:orders-copy`,
        logConfiguration: {
          level: "ERROR",
          s3LogDestination: { bucketName: "sdc-records-logs", bucketOwner: account },
        },
      }),
    },
    {
      name: "a Kafka connector connects to brokers outside the cloud",
      bad: connector(s3Sink, "kafka.partner.example:9092"),
      expected: [connectorFinding('"kafka.partner.example:9092" (cannot be placed)')],
      twinName:
        "it connects to brokers of an MSK cluster in Oregon and logs to the program's bucket",
      twin: connector(s3Sink, undefined, {
        logDelivery: { workerLogDelivery: { s3: { enabled: true, bucket: "sdc-records-logs" } } },
      }),
    },
    {
      name: "a Kafka connector sinks its topics into an Elasticsearch outside the cloud",
      bad: connector({
        "connector.class": "io.confluent.connect.elasticsearch.ElasticsearchSinkConnector",
        "connection.url": "https://search.partner.example:9200",
      }),
      expected: [
        connectorFinding(
          '"https://search.partner.example:9200" (a host outside the cloud, which cannot be placed)',
        ),
      ],
      twinName: "it sinks them into Elasticsearch at private addresses of the stack's network",
      twin: connector({
        "connector.class": "io.confluent.connect.elasticsearch.ElasticsearchSinkConnector",
        "connection.url": "http://10.30.4.10:9200,http://10.30.4.11:9200",
      }),
    },
    {
      name: "a Kafka connector runs a sink whose destination its settings do not name",
      bad: connector({
        "connector.class": "com.wepay.kafka.connect.bigquery.BigQuerySinkConnector",
        project: "acme",
      }),
      expected: [
        connectorFinding(
          "the com.wepay.kafka.connect.bigquery.BigQuerySinkConnector sink, whose destination its settings do not name (cannot be placed)",
        ),
      ],
      twinName: "Confluent's S3 sink names no region and writes through its default, us-west-2",
      twin: connector({
        "connector.class": "io.confluent.connect.s3.S3SinkConnector",
        "s3.bucket.name": "sdc-records",
      }),
    },
    {
      name: "a Kafka connector sinks its topics into a database whose URL a config provider holds",
      bad: connector({
        "connector.class": "io.confluent.connect.jdbc.JdbcSinkConnector",
        "connection.url": "${secretsmanager:warehouse:url}",
      }),
      expected: [
        connectorFinding(
          '"${secretsmanager:warehouse:url}" (a setting of the config provider "secretsmanager", read when the connector runs, which cannot be placed)',
        ),
      ],
      twinName: "a source connector brings records in from a database anywhere",
      twin: connector({
        "connector.class": "io.debezium.connector.postgresql.PostgresConnector",
        "database.hostname": "legacy-db.partner.example",
      }),
    },
    {
      name: "an ActiveMQ configuration connects its broker to brokers in Ireland and at a public address",
      bad: mqConfiguration(
        '<networkConnector name="to-ireland" userName="bridge" duplex="true" uri="static:(ssl://b-0f1e2d3c-1.mq.eu-west-1.amazonaws.com:61617,ssl://b-0f1e2d3c-2.mq.eu-west-1.amazonaws.com:61617)"/>',
        '<networkConnector name="to-partner" userName="bridge" uri="static:(ssl://203.0.113.9:61617)"/>',
        // A connector commented out connects nothing.
        '<!-- <networkConnector name="old" uri="static:(ssl://b-9.mq.ap-east-1.amazonaws.com:61617)"/> -->',
      ),
      expected: [
        ...[1, 2].map((n): Finding =>
          brokerForward(
            `"ssl://b-0f1e2d3c-${n}.mq.eu-west-1.amazonaws.com:61617" (in eu-west-1, outside US)`,
          ),
        ),
        brokerForward('"ssl://203.0.113.9:61617" (not a private address, which cannot be placed)'),
      ],
      twinName: "it connects to brokers in Ohio and at private addresses of the VPC",
      twin: mqConfiguration(
        '<networkConnector name="to-ohio" userName="bridge" duplex="true" uri="static:(ssl://b-0f1e2d3c-1.mq.us-east-2.amazonaws.com:61617)"/>',
        '<networkConnector name="to-dc" userName="bridge" uri="masterslave:(ssl://10.0.3.7:61617,ssl://10.0.3.8:61617)"/>',
      ),
    },
    {
      name: "an ActiveMQ configuration is no XML the pack can read",
      bad: add("aws:mq/configuration:Configuration", "brokers", {
        name: "brokers",
        engineType: "ActiveMQ",
        engineVersion: "5.18",
        data: '<broker><networkConnectors><networkConnector uri="static:(ssl://a:61617)"></broker>',
      }),
      expected: [
        brokerForward(
          "text the pack cannot read as XML, so the brokers its network connectors may name cannot be placed",
        ),
      ],
      // RabbitMQ's configuration (rabbitmq.conf) names no other broker.
      twinName: "it is a RabbitMQ configuration",
      twin: add("aws:mq/configuration:Configuration", "brokers", {
        name: "brokers",
        engineType: "RabbitMQ",
        engineVersion: "3.13",
        data: "consumer_timeout = 1800000",
      }),
    },
    {
      name: "an MSK replicator replicates topics with a self-managed Kafka cluster",
      bad: replicator({
        apacheKafkaCluster: { bootstrapBrokerString: "kafka.partner.example:9096" },
      }),
      expected: [replicated('"kafka.partner.example:9096" (cannot be placed)')],
      twinName: "it replicates between MSK clusters and logs to the program's bucket",
      twin: replicator(
        {
          amazonMskCluster: {
            mskClusterArn: `arn:aws:kafka:us-west-2:${account}:cluster/orders/abc`,
          },
        },
        { replicatorLogDelivery: { s3: { enabled: true, bucket: "sdc-records-logs" } } },
      ),
    },
    {
      // The bench of data pipelines: a target abroad was two arn-locality findings, "reference
      // only places inside", which a reviewer could take for a naming slip.
      name: "an MSK replicator copies every topic into an MSK cluster in Frankfurt",
      bad: mskToMsk("eu-central-1"),
      expected: [
        replicated(`arn:aws:kafka:eu-central-1:${account}:cluster/dr/def (outside US, in EU)`),
      ],
      twinName: "the target cluster is Virginia's",
      twin: mskToMsk("us-east-1"),
    },
    {
      // A service endpoint's field also takes the server's address: one of the stack's own
      // network is inside, as a URL's host is.
      name: "an MSK replicator replicates topics with a self-managed Kafka cluster at public addresses",
      bad: replicator({
        apacheKafkaCluster: { bootstrapBrokerString: "10.0.2.10:9096,203.0.113.7:9096" },
      }),
      // The broker outside the stack's network is the one named.
      expected: [replicated('"203.0.113.7" (cannot be placed)')],
      twinName: "the self-managed cluster's brokers are at private addresses of the VPC",
      twin: replicator({
        apacheKafkaCluster: { bootstrapBrokerString: "10.0.2.10:9096,10.0.2.11:9096" },
      }),
    },
    {
      name: "an MSK channel writes topic records to an Iceberg warehouse the program does not create",
      bad: add("aws:msk/channel:Channel", "orders-channel", {
        channelName: "orders",
        clusterArn: `arn:aws:kafka:us-west-2:${account}:cluster/orders/abc`,
        icebergDestination: {
          catalog: { warehouseLocation: "s3://lake-abroad/warehouse" },
        },
      }),
      expected: [
        unplaced("orders-channel", 'msk channel "orders-channel"', "s3://lake-abroad/warehouse"),
      ],
      twinName: "it writes them to a bucket of the program",
      twin: add("aws:msk/channel:Channel", "orders-channel", {
        channelName: "orders",
        clusterArn: `arn:aws:kafka:us-west-2:${account}:cluster/orders/abc`,
        icebergDestination: {
          catalog: { warehouseLocation: "s3://sdc-records/warehouse" },
        },
        loggingInfo: { s3: { enabled: true, bucket: "sdc-records-logs" } },
      }),
    },
    {
      name: "an MSK channel writes topic records to an S3 bucket the program does not create",
      bad: add("aws:msk/channel:Channel", "orders-channel", {
        channelName: "orders",
        clusterArn: `arn:aws:kafka:us-west-2:${account}:cluster/orders/abc`,
        s3Destination: { storage: { bucketArn: "arn:aws:s3:::topics-abroad" } },
      }),
      expected: [
        unplaced("orders-channel", 'msk channel "orders-channel"', "arn:aws:s3:::topics-abroad"),
      ],
      twinName: "it writes them, and the records it fails to write, to the program's buckets",
      twin: add("aws:msk/channel:Channel", "orders-channel", {
        channelName: "orders",
        clusterArn: `arn:aws:kafka:us-west-2:${account}:cluster/orders/abc`,
        s3Destination: {
          storage: { bucketArn: "arn:aws:s3:::sdc-records" },
          deadLetterQueueS3: { bucketArn: "arn:aws:s3:::sdc-records-logs" },
        },
      }),
    },
    {
      name: "a function reads records from a self-managed Kafka cluster outside the cloud",
      bad: add("aws:lambda/eventSourceMapping:EventSourceMapping", "orders-kafka", {
        functionName: "orders",
        topics: ["orders"],
        selfManagedEventSource: {
          endpoints: { KAFKA_BOOTSTRAP_SERVERS: "kafka.partner.example:9092" },
        },
      }),
      expected: [
        [
          "log-shipping",
          "orders-kafka",
          "mandatory",
          [
            '"kafka.partner.example:9092" (cannot be placed)',
            'lambda event source mapping "orders-kafka"',
            "us-west-2 (inside US)",
          ],
        ],
      ],
      twinName: "it reads them from an MSK cluster in Oregon with a Glue schema registry",
      twin: add("aws:lambda/eventSourceMapping:EventSourceMapping", "orders-kafka", {
        functionName: "orders",
        topics: ["orders"],
        eventSourceArn: `arn:aws:kafka:us-west-2:${account}:cluster/orders/abc`,
        amazonManagedKafkaEventSourceConfig: {
          schemaRegistryConfig: {
            schemaRegistryUri: `arn:aws:glue:us-west-2:${account}:registry/orders`,
            eventRecordFormat: "JSON",
          },
        },
      }),
    },
    {
      name: "a QuickSight data source reads from a Snowflake account",
      bad: add("aws:quicksight/dataSource:DataSource", "warehouse", {
        dataSourceId: "warehouse",
        name: "warehouse",
        type: "SNOWFLAKE",
        parameters: {
          snowflake: {
            host: "example.snowflakecomputing.com",
            database: "orders",
            warehouse: "compute",
          },
        },
      }),
      expected: [
        [
          "log-shipping",
          "warehouse",
          "mandatory",
          [
            '"example.snowflakecomputing.com" (cannot be placed)',
            'quicksight data source "warehouse"',
            "us-west-2 (inside US)",
          ],
        ],
      ],
      twinName: "it reads from an Aurora cluster in Oregon",
      twin: add("aws:quicksight/dataSource:DataSource", "warehouse", {
        dataSourceId: "warehouse",
        name: "warehouse",
        type: "AURORA_POSTGRESQL",
        parameters: {
          auroraPostgresql: {
            host: "records.cluster-abc123.us-west-2.rds.amazonaws.com",
            port: 5432,
            database: "orders",
          },
        },
      }),
    },
    {
      name: "a QuickSight data source reads from a database at a public address",
      bad: add("aws:quicksight/dataSource:DataSource", "warehouse", {
        dataSourceId: "warehouse",
        name: "warehouse",
        type: "MYSQL",
        parameters: { mysql: { host: "203.0.113.40", port: 3306, database: "orders" } },
      }),
      expected: [
        [
          "log-shipping",
          "warehouse",
          "mandatory",
          [
            '"203.0.113.40" (cannot be placed)',
            'quicksight data source "warehouse"',
            "us-west-2 (inside US)",
          ],
        ],
      ],
      twinName: "it reads, through a VPC connection, from a database at a private address",
      twin: add("aws:quicksight/dataSource:DataSource", "warehouse", {
        dataSourceId: "warehouse",
        name: "warehouse",
        type: "MYSQL",
        parameters: { mysql: { host: "10.0.1.5", port: 3306, database: "orders" } },
        vpcConnectionProperties: {
          vpcConnectionArn: `arn:aws:quicksight:us-west-2:${account}:vpcConnection/records`,
        },
      }),
    },
    {
      name: "a Lex intent's code hook is a function in Frankfurt",
      bad: add("aws:lex/intent:Intent", "order-status", {
        name: "OrderStatus",
        sampleUtterances: ["where is my order"],
        fulfillmentActivity: { type: "ReturnIntent" },
        dialogCodeHook: {
          messageVersion: "1.0",
          uri: `arn:aws:lambda:eu-central-1:${account}:function:order-status`,
        },
      }),
      expected: [
        [
          "log-shipping",
          "order-status",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'lex intent "order-status"',
            `arn:aws:lambda:eu-central-1:${account}:function:order-status (outside US, in EU)`,
          ],
        ],
      ],
      twinName: "the code hook is a function in Oregon",
      twin: add("aws:lex/intent:Intent", "order-status", {
        name: "OrderStatus",
        sampleUtterances: ["where is my order"],
        fulfillmentActivity: { type: "ReturnIntent" },
        dialogCodeHook: {
          messageVersion: "1.0",
          uri: `arn:aws:lambda:us-west-2:${account}:function:order-status`,
        },
      }),
    },
    {
      name: "a Lex V2 question-answering intent searches an OpenSearch domain in Frankfurt",
      bad: add("aws:lex/v2modelsIntent:V2modelsIntent", "faq", {
        botId: "BOT1",
        botVersion: "DRAFT",
        localeId: "en_US",
        name: "Faq",
        qnaIntentConfiguration: {
          bedrockModelConfiguration: {
            modelArn: "arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-v2",
          },
          dataSourceConfiguration: {
            opensearchConfiguration: {
              domainEndpoint: "https://search-faq-abc123.eu-central-1.es.amazonaws.com",
              indexName: "faq",
            },
          },
        },
      }),
      expected: [
        [
          "log-shipping",
          "faq",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'lex v2models intent "faq"',
            "https://search-faq-abc123.eu-central-1.es.amazonaws.com (outside US, in EU)",
          ],
        ],
      ],
      twinName: "it searches a domain in Oregon",
      twin: add("aws:lex/v2modelsIntent:V2modelsIntent", "faq", {
        botId: "BOT1",
        botVersion: "DRAFT",
        localeId: "en_US",
        name: "Faq",
        qnaIntentConfiguration: {
          bedrockModelConfiguration: {
            modelArn: "arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-v2",
          },
          dataSourceConfiguration: {
            opensearchConfiguration: {
              domainEndpoint: "https://search-faq-abc123.us-west-2.es.amazonaws.com",
              indexName: "faq",
            },
          },
        },
      }),
    },
    {
      name: "a Mail Manager relay sends email to a mail server outside the cloud",
      bad: relay("smtp.partner.example"),
      expected: [
        [
          "log-shipping",
          "smarthost",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'mailmanager relay "smarthost"',
            '"smtp.partner.example" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it relays to the allowlisted partner address",
      twin: relay("198.51.100.25"),
    },
    {
      name: "a Mail Manager relay sends email to the SES SMTP endpoint of Ireland",
      bad: relay("email-smtp.eu-west-1.amazonaws.com"),
      expected: [
        [
          "log-shipping",
          "smarthost",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'mailmanager relay "smarthost"',
            "email-smtp.eu-west-1.amazonaws.com (outside US, in EU)",
          ],
        ],
      ],
      twinName:
        "it relays to the partner's mail server, which the stack places by name (egressHosts)",
      twinSettings: {
        ...us,
        egressAllowlist: [
          ...(us.egressAllowlist ?? []),
          { host: "smtp.partner.example", reason: "The partner's mail server, in Oregon" },
        ],
      },
      twin: relay("smtp.partner.example"),
    },
    {
      name: "a Mail Manager rule stores received mail in a bucket the program does not create",
      bad: add("aws:mailmanager/ruleSet:RuleSet", "inbound-rules", {
        name: "inbound",
        rules: [
          {
            name: "archive",
            actions: [
              {
                writeToS3: {
                  roleArn: `arn:aws:iam::${account}:role/mail`,
                  s3Bucket: "mail-abroad",
                },
              },
            ],
          },
        ],
      }),
      expected: [unplaced("inbound-rules", 'mailmanager rule set "inbound-rules"', "mail-abroad")],
      twinName: "it stores it in a bucket of the program",
      twin: add("aws:mailmanager/ruleSet:RuleSet", "inbound-rules", {
        name: "inbound",
        rules: [
          {
            name: "archive",
            actions: [
              {
                writeToS3: {
                  roleArn: `arn:aws:iam::${account}:role/mail`,
                  s3Bucket: "sdc-records",
                },
              },
            ],
          },
        ],
      }),
    },
    {
      name: "a MediaLive input pulls a stream from a host outside the cloud",
      bad: add("aws:medialive/input:Input", "feed", {
        name: "feed",
        type: "URL_PULL",
        sources: [
          { url: "https://media.partner.example/live.m3u8", username: "u", passwordParam: "p" },
        ],
      }),
      expected: [
        [
          "log-shipping",
          "feed",
          "mandatory",
          [
            '"https://media.partner.example/live.m3u8" (cannot be placed)',
            'medialive input "feed"',
            "us-west-2 (inside US)",
          ],
        ],
      ],
      twinName: "it pulls the stream from the allowlisted partner address",
      twin: add("aws:medialive/input:Input", "feed", {
        name: "feed",
        type: "URL_PULL",
        sources: [{ url: "https://198.51.100.30/live.m3u8", username: "u", passwordParam: "p" }],
      }),
    },
    // Found by the media bench: a file input from the program's own bucket (`s3ssl://`) failed
    // closed as a host, where the channel's destination of the same form was placed.
    {
      name: "a MediaLive input reads its file from a bucket the program creates in Frankfurt",
      bad: pipe(
        addProvider("aws", "frankfurt", { region: "eu-central-1" }),
        add("aws:s3/bucketV2:BucketV2", "media", { bucket: "media" }, { provider: "frankfurt" }),
        add("aws:medialive/input:Input", "file", {
          name: "file",
          type: "MP4_FILE",
          sources: [{ url: "s3ssl://media/in/show.mp4", username: "", passwordParam: "" }],
        }),
      ),
      expected: [
        [
          "customer-key-encryption",
          "media",
          "advisory",
          [
            's3 bucket v2 "media"',
            "no customer-managed key (unencrypted, or a key the provider holds)",
          ],
        ],
        [
          "named-destinations",
          "file",
          "mandatory",
          [
            's3 bucket v2 "media" in eu-central-1 (outside US, in EU)',
            'medialive input "file"',
            "us-west-2 (inside US)",
          ],
        ],
        [
          "resource-placement",
          "frankfurt",
          "mandatory",
          ['aws provider "frankfurt"', "eu-central-1 (outside US, in EU)"],
        ],
        [
          "resource-placement",
          "media",
          "mandatory",
          ['s3 bucket v2 "media"', "eu-central-1 (outside US, in EU)"],
        ],
      ],
      twinName: "it reads it from a bucket of the program in Oregon",
      twin: add("aws:medialive/input:Input", "file", {
        name: "file",
        type: "MP4_FILE",
        sources: [{ url: "s3ssl://sdc-records-logs/in/show.mp4", username: "", passwordParam: "" }],
      }),
    },
    {
      name: "an SNS data protection policy delivers its findings to a bucket the program does not create",
      bad: add("aws:sns/dataProtectionPolicy:DataProtectionPolicy", "orders-dlp", {
        arn: `arn:aws:sns:us-west-2:${account}:orders`,
        policy: JSON.stringify({
          Name: "orders",
          Version: "2021-06-01",
          Statement: [
            {
              Sid: "audit",
              DataDirection: "Inbound",
              Principal: ["*"],
              DataIdentifier: ["arn:aws:dataprotection::aws:data-identifier/EmailAddress"],
              Operation: {
                Audit: {
                  SampleRate: 99,
                  FindingsDestination: { S3: { Bucket: "dlp-findings-abroad" } },
                },
              },
            },
          ],
        }),
      }),
      expected: [
        unplaced("orders-dlp", 'sns data protection policy "orders-dlp"', "dlp-findings-abroad"),
      ],
      twinName: "it delivers them to the program's log bucket",
      twin: add(
        "aws:sns/dataProtectionPolicy:DataProtectionPolicy",
        "orders-dlp",
        {
          arn: `arn:aws:sns:us-west-2:${account}:orders`,
          policy: JSON.stringify({
            Name: "orders",
            Version: "2021-06-01",
            Statement: [
              {
                Sid: "audit",
                DataDirection: "Inbound",
                Principal: ["*"],
                DataIdentifier: ["arn:aws:dataprotection::aws:data-identifier/EmailAddress"],
                Operation: {
                  Audit: {
                    SampleRate: 99,
                    FindingsDestination: { S3: { Bucket: "sdc-records-logs" } },
                  },
                },
              },
            ],
          }),
          // The program writes the bucket's name into the document from the bucket's output.
        },
        { dependsOn: { policy: ["logs"] } },
      ),
    },
    {
      name: "an incident contact is engaged by email (a mailbox cannot be placed: no contact channel passes)",
      bad: add("aws:ssmcontacts/contactChannel:ContactChannel", "oncall-email", {
        contactId: `arn:aws:ssm-contacts:us-west-2:${account}:contact/oncall`,
        name: "oncall",
        type: "EMAIL",
        deliveryAddress: { simpleAddress: "oncall@example.com" },
      }),
      expected: [
        [
          "log-shipping",
          "oncall-email",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'ssmcontacts contact channel "oncall-email"',
            '"oncall@example.com" (cannot be placed)',
          ],
        ],
      ],
      twinName: "incidents are published to an SNS topic in Oregon instead",
      twin: keyedAdd("aws:sns/topic:Topic", "oncall-topic", { name: "oncall" }, "kmsMasterKeyId"),
    },
    {
      name: "a notification contact is a mailbox (no email contact passes)",
      bad: add("aws:notifications/contactsEmailContact:ContactsEmailContact", "ops-mail", {
        name: "ops",
        emailAddress: "ops@example.com",
      }),
      expected: [
        [
          "log-shipping",
          "ops-mail",
          "mandatory",
          [
            "a global service",
            'notifications contacts email contact "ops-mail"',
            '"ops@example.com" (cannot be placed)',
          ],
        ],
      ],
      twinName: "notifications are published to an SNS topic in Oregon instead",
      twin: keyedAdd("aws:sns/topic:Topic", "ops-topic", { name: "ops" }, "kmsMasterKeyId"),
    },
    {
      name: "a sign-in application sends users to a host outside the cloud",
      bad: add("aws:ssoadmin/application:Application", "crm", {
        name: "crm",
        applicationProviderArn: "arn:aws:sso::aws:applicationProvider/custom",
        instanceArn: "arn:aws:sso:::instance/ssoins-1",
        portalOptions: {
          visibility: "ENABLED",
          signInOptions: {
            origin: "APPLICATION",
            applicationUrl: "https://crm.partner.example/login",
          },
        },
      }),
      expected: [
        [
          "log-shipping",
          "crm",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'ssoadmin application "crm"',
            '"https://crm.partner.example/login" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it sends them to the allowlisted partner address",
      twin: add("aws:ssoadmin/application:Application", "crm", {
        name: "crm",
        applicationProviderArn: "arn:aws:sso::aws:applicationProvider/custom",
        instanceArn: "arn:aws:sso:::instance/ssoins-1",
        portalOptions: {
          visibility: "ENABLED",
          signInOptions: { origin: "APPLICATION", applicationUrl: "https://198.51.100.40/login" },
        },
      }),
    },
    {
      name: "a security lake subscriber is notified at a host outside the cloud",
      bad: add("aws:securitylake/subscriberNotification:SubscriberNotification", "lake-notify", {
        subscriberId: "sub-1",
        configuration: {
          httpsNotificationConfiguration: {
            endpoint: "https://siem.partner.example/hook",
            targetRoleArn: `arn:aws:iam::${account}:role/lake`,
          },
        },
      }),
      expected: [
        [
          "log-shipping",
          "lake-notify",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'securitylake subscriber notification "lake-notify"',
            '"https://siem.partner.example/hook" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it is notified through an SQS queue the lake creates in its region",
      twin: add("aws:securitylake/subscriberNotification:SubscriberNotification", "lake-notify", {
        subscriberId: "sub-1",
        configuration: { sqsNotificationConfiguration: {} },
      }),
    },
    {
      name: "a security lake subscriber is another account",
      bad: add("aws:securitylake/subscriber:Subscriber", "siem", {
        subscriberName: "siem",
        accessType: "S3",
        subscriberIdentity: { principal: "444455556666", externalId: "siem" },
        sources: [{ awsLogSourceResource: { sourceName: "VPC_FLOW", sourceVersion: "2.0" } }],
      }),
      expected: [
        [
          "log-shipping",
          "siem",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'securitylake subscriber "siem"',
            `account 444455556666 (not this stack's account ${account})`,
          ],
        ],
      ],
      twinName: "the subscriber is the stack's own account",
      twin: add("aws:securitylake/subscriber:Subscriber", "siem", {
        subscriberName: "siem",
        accessType: "S3",
        subscriberIdentity: { principal: account, externalId: "siem" },
        sources: [{ awsLogSourceResource: { sourceName: "VPC_FLOW", sourceVersion: "2.0" } }],
      }),
    },
    {
      name: "a custom log source is written by another account",
      bad: add("aws:securitylake/customLogSource:CustomLogSource", "edr", {
        sourceName: "edr",
        configuration: {
          crawlerConfiguration: { roleArn: `arn:aws:iam::${account}:role/crawler` },
          providerIdentity: { principal: "444455556666", externalId: "edr" },
        },
      }),
      expected: [
        [
          "log-shipping",
          "edr",
          "mandatory",
          [
            `account 444455556666 (not this stack's account ${account})`,
            'securitylake custom log source "edr"',
            "us-west-2 (inside US)",
          ],
        ],
      ],
      twinName: "the stack's own account writes it",
      twin: add("aws:securitylake/customLogSource:CustomLogSource", "edr", {
        sourceName: "edr",
        configuration: {
          crawlerConfiguration: { roleArn: `arn:aws:iam::${account}:role/crawler` },
          providerIdentity: { principal: account, externalId: "edr" },
        },
      }),
    },
    {
      name: "a security lake collects the logs of another account",
      bad: add("aws:securitylake/awsLogSource:AwsLogSource", "flow-source", {
        source: {
          sourceName: "VPC_FLOW",
          sourceVersion: "2.0",
          regions: ["us-west-2"],
          accounts: ["444455556666"],
        },
      }),
      expected: [
        [
          "log-shipping",
          "flow-source",
          "mandatory",
          [
            `account 444455556666 (not this stack's account ${account})`,
            'securitylake aws log source "flow-source"',
            "us-west-2 (inside US)",
          ],
        ],
      ],
      twinName: "it collects only the stack's own account",
      twin: add("aws:securitylake/awsLogSource:AwsLogSource", "flow-source", {
        source: {
          sourceName: "VPC_FLOW",
          sourceVersion: "2.0",
          regions: ["us-west-2"],
          accounts: [account],
        },
      }),
    },
    {
      name: "Security Hub sends findings to Jira Cloud (no Jira Cloud connector passes)",
      bad: add("aws:securityhub/connectorV2:ConnectorV2", "jira", {
        name: "jira",
        connectorProvider: { jiraCloud: { projectKey: "SEC", domain: "example.atlassian.net" } },
      }),
      expected: [
        [
          "log-shipping",
          "jira",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'securityhub connector v2 "jira"',
            '"example.atlassian.net" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it opens tickets in ServiceNow through a secret in Oregon instead",
      twin: add("aws:securityhub/connectorV2:ConnectorV2", "jira", {
        name: "jira",
        connectorProvider: {
          serviceNow: {
            instanceName: "records",
            secretArn: `arn:aws:secretsmanager:us-west-2:${account}:secret:snow`,
          },
        },
      }),
    },
    adminCase(
      "the securityhub administrator of the organization is another account",
      "aws:securityhub/organizationAdminAccount:OrganizationAdminAccount",
      "securityhub-admin",
      "adminAccountId",
    ),
    adminCase(
      "the macie2 administrator of the organization is another account",
      "aws:macie2/organizationAdminAccount:OrganizationAdminAccount",
      "macie2-admin",
      "adminAccountId",
    ),
    adminCase(
      "the account accepts another account as its Macie administrator",
      "aws:macie2/invitationAccepter:InvitationAccepter",
      "macie-accept",
      "administratorAccountId",
    ),
    adminCase(
      "the GuardDuty administrator of the organization is another account",
      "aws:guardduty/organizationAdminAccount:OrganizationAdminAccount",
      "gd-admin",
      "adminAccountId",
    ),
    // Found by the governance bench: another account's aggregator collects this account's
    // configuration items and compliance results.
    {
      ...adminCase(
        "the account authorizes another account's Config aggregator",
        "aws:cfg/aggregateAuthorization:AggregateAuthorization",
        "config-auth",
        "accountId",
      ),
      twinName: "it authorizes an aggregator of the stack's own account",
    },
    {
      name: "securityhub collects the findings of another account",
      bad: add("aws:securityhub/member:Member", "securityhub-member", {
        accountId: "444455556666",
        email: "security@example.com",
      }),
      expected: [
        [
          "cross-account-links",
          "securityhub-member",
          "advisory",
          [
            "us-west-2 (inside US)",
            'securityhub member "securityhub-member"',
            `account 444455556666 (not this stack's account ${account})`,
          ],
        ],
      ],
      twinName: "the member is the stack's own account",
      twin: add("aws:securityhub/member:Member", "securityhub-member", {
        accountId: account,
        email: "security@example.com",
      }),
    },
    {
      name: "macie2 collects the findings of another account",
      bad: add("aws:macie2/member:Member", "macie2-member", {
        accountId: "444455556666",
        email: "security@example.com",
      }),
      expected: [
        [
          "cross-account-links",
          "macie2-member",
          "advisory",
          [
            "us-west-2 (inside US)",
            'macie2 member "macie2-member"',
            `account 444455556666 (not this stack's account ${account})`,
          ],
        ],
      ],
      twinName: "the member is the stack's own account",
      twin: add("aws:macie2/member:Member", "macie2-member", {
        accountId: account,
        email: "security@example.com",
      }),
    },
    {
      name: "the Shield Response Team gets read access to a log bucket (no association passes)",
      bad: add(
        "aws:shield/drtAccessLogBucketAssociation:DrtAccessLogBucketAssociation",
        "srt-logs",
        { logBucket: "sdc-records-logs", roleArnAssociationId: "srt-role" },
      ),
      expected: [
        [
          "log-shipping",
          "srt-logs",
          "mandatory",
          [
            "a global service",
            'shield drt access log bucket association "srt-logs"',
            "the AWS Shield Response Team, which works from anywhere",
          ],
        ],
      ],
      ...withoutResponseTeam,
    },
    {
      name: "the Shield Response Team may assume a role of the account (no association passes)",
      bad: add("aws:shield/drtAccessRoleArnAssociation:DrtAccessRoleArnAssociation", "srt-role", {
        roleArn: `arn:aws:iam::${account}:role/srt`,
      }),
      expected: [
        [
          "log-shipping",
          "srt-role",
          "mandatory",
          [
            "a global service",
            'shield drt access role arn association "srt-role"',
            "the AWS Shield Response Team, which works from anywhere",
          ],
        ],
      ],
      ...withoutResponseTeam,
    },
    {
      name: "the Shield Response Team mails attack details to a mailbox (no contact passes)",
      bad: srtContacts({ emailAddress: "soc@example.com" }),
      expected: [srtFinding('"soc@example.com" (cannot be placed)')],
      twinName: "attack alarms go to an SNS topic in Oregon instead",
      twin: keyedAdd(
        "aws:sns/topic:Topic",
        "ddos-alarms",
        { name: "ddos-alarms" },
        "kmsMasterKeyId",
      ),
    },
    {
      name: "an SNS platform application pushes through a global push service (none passes)",
      bad: add("aws:sns/platformApplication:PlatformApplication", "push", {
        name: "push",
        platform: "GCM",
        platformCredential: "key",
      }),
      expected: [
        [
          "global-services",
          "push",
          "mandatory",
          ['sns platform application "push"', "mobile push services outside the jurisdiction"],
        ],
      ],
      twinName: "users are notified through an SNS topic in Oregon instead",
      twin: keyedAdd(
        "aws:sns/topic:Topic",
        "user-alerts",
        { name: "user-alerts" },
        "kmsMasterKeyId",
      ),
    },
    ...(
      [
        ["aws:pinpoint/gcmChannel:GcmChannel", { serviceJson: "{}" }, "Firebase Cloud Messaging"],
        [
          "aws:pinpoint/apnsChannel:ApnsChannel",
          { bundleId: "com.example.app", teamId: "T1" },
          "Apple Push Notification service",
        ],
        [
          "aws:pinpoint/baiduChannel:BaiduChannel",
          { apiKey: "k", secretKey: "s" },
          "Baidu Cloud Push",
        ],
        [
          "aws:pinpoint/admChannel:AdmChannel",
          { clientId: "c", clientSecret: "s" },
          "Amazon Device Messaging",
        ],
      ] as const
    ).map(([type, credentials, vendor]) => ({
      name: `a Pinpoint push channel (${type.split("/")[1].split(":")[0]}) pushes through the vendor's global service`,
      bad: add(type, "push", { applicationId: "app-1", ...credentials }),
      expected: [
        [
          "global-services",
          "push",
          "mandatory",
          [`${resourceLabel(type, "push")}`, `${vendor} outside the jurisdiction`],
        ] as const,
      ],
      twinName: "the channel is switched off",
      twin: add(type, "push", { applicationId: "app-1", ...credentials, enabled: false }),
    })),
    {
      name: "an SNS subscription texts a phone in Germany",
      bad: subscription("sms", "+493012345678"),
      expected: [
        [
          "log-shipping",
          "orders",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'sns topic subscription "orders"',
            "+493012345678 (a phone outside US, in DE)",
          ],
        ],
      ],
      twinName: "it texts a phone in Seattle",
      twin: subscription("sms", "+12065550100"),
    },
    {
      name: "a Connect quick connect transfers callers to a number in Germany",
      bad: quickConnect("+493012345678"),
      expected: [
        [
          "log-shipping",
          "transfer",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'quick connect "transfer"',
            "+493012345678 (a phone outside US, in DE)",
          ],
        ],
      ],
      twinName: "it transfers them to a number in Seattle",
      twin: quickConnect("+12065550100"),
    },
    // Found by the media bench: the flow's transfer block was not read, the quick connect was.
    ...[
      ["flow", "aws:connect/contactFlow:ContactFlow", "connect contact flow"],
      [
        "flow module",
        "aws:connect/contactFlowModule:ContactFlowModule",
        "connect contact flow module",
      ],
    ].map(([what, type, label]) => ({
      name: `a Connect ${what} transfers callers to a number in Germany`,
      bad: transferFlow("+493012345678", type),
      expected: [
        [
          "log-shipping",
          "transfer",
          "mandatory",
          [
            "us-west-2 (inside US)",
            `${label} "transfer"`,
            "+493012345678 (a phone outside US, in DE)",
          ],
        ] as Finding,
      ],
      twinName: "it transfers them to a number in Seattle",
      twin: transferFlow("+12065550100", type),
    })),
    {
      name: "a Connect flow transfers callers to a number it takes from the contact as it runs",
      bad: transferFlow("$.Attributes.escalationNumber"),
      expected: [
        [
          "log-shipping",
          "transfer",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'connect contact flow "transfer"',
            '"$.Attributes.escalationNumber" (a number the flow takes from the contact as it runs, which cannot be placed)',
          ],
        ],
      ],
      twinName: "it transfers them to a number written in the flow, in Seattle",
      twin: transferFlow("+12065550100"),
    },
    {
      name: "a Connect agent takes calls on a desk phone in Germany",
      bad: agent("DESK_PHONE", "+493012345678"),
      expected: [
        [
          "log-shipping",
          "agent",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'connect user "agent"',
            "+493012345678 (a phone outside US, in DE)",
          ],
        ],
      ],
      twinName: "the agent answers in the browser, the desk number left from before unused",
      twin: agent("SOFT_PHONE", "+493012345678"),
    },
    {
      name: "the Shield Response Team calls a phone in Germany",
      bad: srtContacts({ phoneNumber: "+12065550100" }, { phoneNumber: "+493012345678" }),
      expected: [srtFinding("+493012345678 (a phone outside US, in DE)")],
      twinName: "it calls a phone in Seattle",
      twin: srtContacts({ phoneNumber: "+12065550100" }),
    },
    {
      name: "a voice connector's termination lets calls go to Germany and accepts them from a public SIP host",
      bad: termination(["US", "DE"], ["13.250.230.15/32"]),
      expected: [
        [
          "log-shipping",
          "term",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'chime voice connector termination "term"',
            '"DE" (a country outside US)',
          ],
        ],
        [
          "remote-sites",
          "term",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'chime voice connector termination "term"',
            '"13.250.230.15/32" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it calls only the US, from the PBX's private range",
      twin: termination(["US"], ["10.20.0.0/24"]),
    },
    {
      name: "a voice connector group routes calls to a connector the program does not create",
      bad: add("aws:chime/voiceConnectorGroup:VoiceConnectorGroup", "calls", {
        name: "calls",
        connectors: [{ voiceConnectorId: "abcdef1ghij2klmno3pqr4", priority: 1 }],
      }),
      expected: [unplacedConnector],
      twinName: "it groups the program's own connector",
      twin: pipe(
        add("aws:chime/voiceConnector:VoiceConnector", "local", {
          name: "local",
          requireEncryption: true,
        }),
        add("aws:chime/voiceConnectorGroup:VoiceConnectorGroup", "calls", {
          name: "calls",
          connectors: [{ voiceConnectorId: unknown, priority: 1 }],
        }),
        (plan) => withDependencies(plan, "calls", { connectors: ["local"] }),
      ),
    },
    {
      name: "a voice connector group routes calls to a literal connector ID beside the program's own",
      bad: groupOfConnectors(["vc-local", "abcdef1ghij2klmno3pqr4"]),
      expected: [unplacedConnector],
      twinName: "both IDs are the program's connectors' own",
      twin: groupOfConnectors(["vc-local", "vc-backup"]),
    },
    {
      name: "an IVS channel streams through IVS's worldwide ingest, transcoding and CDN",
      bad: add("aws:ivs/channel:Channel", "live", { latencyMode: "LOW", type: "STANDARD" }),
      expected: [
        [
          "global-services",
          "live",
          "mandatory",
          [
            'ivs channel "live"',
            "IVS ingest points, data centres and CDN outside the jurisdiction",
          ],
        ],
      ],
      twinName: "the stream goes through MediaLive in Oregon instead",
      twin: add("aws:medialive/input:Input", "live", { name: "live", type: "RTMP_PUSH" }),
    },
    {
      name: "the organisation delegates GuardDuty administration to another account",
      bad: add("aws:organizations/delegatedAdministrator:DelegatedAdministrator", "gd-admin", {
        accountId: "444455556666",
        servicePrincipal: "guardduty.amazonaws.com",
      }),
      expected: [
        [
          "cross-account-links",
          "gd-admin",
          "advisory",
          [
            "a global service",
            'organizations delegated administrator "gd-admin"',
            `account 444455556666 (not this stack's account ${account})`,
          ],
        ],
      ],
      twinName: "it delegates to the stack's own account",
      twin: add("aws:organizations/delegatedAdministrator:DelegatedAdministrator", "gd-admin", {
        accountId: account,
        servicePrincipal: "guardduty.amazonaws.com",
      }),
    },
    {
      name: "a Lightsail deployment routes the public endpoint to a container",
      bad: add(
        "aws:lightsail/containerServiceDeploymentVersion:ContainerServiceDeploymentVersion",
        "web-v1",
        {
          serviceName: "web",
          containers: [{ containerName: "web", image: "nginx:1.27", ports: { "80": "HTTP" } }],
          publicEndpoint: { containerName: "web", containerPort: 80, healthCheck: {} },
        },
      ),
      expected: [exposed("web-v1", 'lightsail container service deployment version "web-v1"')],
      twinName: "the deployment exposes no container",
      twin: add(
        "aws:lightsail/containerServiceDeploymentVersion:ContainerServiceDeploymentVersion",
        "web-v1",
        { serviceName: "web", containers: [{ containerName: "worker", image: "worker:1" }] },
      ),
    },
    {
      name: "a Redshift endpoint connects the VPC to a cluster of another account",
      bad: add("aws:redshift/endpointAccess:EndpointAccess", "shared-dw", {
        endpointName: "shared-dw",
        clusterIdentifier: "warehouse",
        subnetGroupName: "records",
        resourceOwner: "444455556666",
      }),
      expected: [
        [
          "cross-account-links",
          "shared-dw",
          "advisory",
          [
            "us-west-2 (inside US)",
            'redshift endpoint access "shared-dw"',
            `account 444455556666 (not this stack's account ${account})`,
          ],
        ],
      ],
      twinName: "the cluster is the stack's own account's",
      twin: add("aws:redshift/endpointAccess:EndpointAccess", "shared-dw", {
        endpointName: "shared-dw",
        clusterIdentifier: "warehouse",
        subnetGroupName: "records",
        resourceOwner: account,
      }),
    },
    {
      name: "a Redshift Serverless endpoint connects the VPC to a workgroup of another account",
      bad: add("aws:redshiftserverless/endpointAccess:EndpointAccess", "shared-wg", {
        endpointName: "shared-wg",
        workgroupName: "analytics",
        subnetIds: ["subnet-records"],
        ownerAccount: "444455556666",
      }),
      expected: [
        [
          "cross-account-links",
          "shared-wg",
          "advisory",
          [
            "us-west-2 (inside US)",
            'redshiftserverless endpoint access "shared-wg"',
            `account 444455556666 (not this stack's account ${account})`,
          ],
        ],
      ],
      twinName: "the workgroup is the stack's own",
      twin: add("aws:redshiftserverless/endpointAccess:EndpointAccess", "shared-wg", {
        endpointName: "shared-wg",
        workgroupName: "analytics",
        subnetIds: ["subnet-records"],
      }),
    },
    {
      name: "a Redshift partner integration lets a partner's service load data (no partner passes)",
      bad: add("aws:redshift/partner:Partner", "etl-partner", {
        accountId: account,
        clusterIdentifier: "warehouse",
        databaseName: "dev",
        partnerName: "Fivetran",
      }),
      expected: [
        [
          "log-shipping",
          "etl-partner",
          "mandatory",
          [
            "the partner's service, which cannot be placed",
            'redshift partner "etl-partner"',
            "us-west-2 (inside US)",
          ],
        ],
      ],
      twinName: "data is loaded by a Glue job in the stack's VPC in Oregon instead",
      twin: glueJob({ connections: ["records-vpc"] }),
    },
    {
      name: "a scheduled query writes error reports to a bucket the program does not create",
      bad: add("aws:timestreamquery/scheduledQuery:ScheduledQuery", "rollup", {
        name: "rollup",
        queryString: "SELECT 1",
        executionRoleArn: `arn:aws:iam::${account}:role/timestream`,
        scheduleConfiguration: { scheduleExpression: "rate(1 hour)" },
        errorReportConfiguration: { s3Configuration: { bucketName: "query-errors-abroad" } },
      }),
      expected: [
        unplaced("rollup", 'timestreamquery scheduled query "rollup"', "query-errors-abroad"),
      ],
      twinName: "it writes them to the program's log bucket",
      twin: add("aws:timestreamquery/scheduledQuery:ScheduledQuery", "rollup", {
        name: "rollup",
        queryString: "SELECT 1",
        executionRoleArn: `arn:aws:iam::${account}:role/timestream`,
        scheduleConfiguration: { scheduleExpression: "rate(1 hour)" },
        errorReportConfiguration: { s3Configuration: { bucketName: "sdc-records-logs" } },
      }),
    },
  ]);
});
describe("kubernetes storage classes, controller revisions and mutating admission policies", () => {
  // Each case declares one object in the happy path's cluster (on EKS in us-west-2); the twin is
  // the same kind in a shape the pack can judge inside US.
  const k8s =
    (type: string, name: string, inputs: Props) =>
    (plan: Plan): Plan =>
      add(type, name, inputs, { provider: "kube" })(plan);
  const storageClass = (provisioner: unknown, parameters?: Props) => ({
    metadata: { name: "fast" },
    provisioner,
    ...(parameters ? { parameters } : {}),
  });
  const revision = (data: unknown) => ({
    metadata: { namespace: "records", name: "ledger-6d4f" },
    revision: 3,
    data,
  });
  const template = (volumes: Props[]) => ({
    spec: {
      template: {
        $patch: "replace",
        metadata: { labels: { app: "ledger" } },
        spec: { containers: [{ name: "app", image: "app:1.0" }], volumes },
      },
    },
  });
  const rule = (apiGroups: string[], resources: string[]) => ({
    apiGroups,
    apiVersions: ["*"],
    operations: ["CREATE", "UPDATE"],
    resources,
  });
  const mutating = (rules: Props[]) => ({
    metadata: { name: "defaults" },
    spec: {
      matchConstraints: { resourceRules: rules },
      failurePolicy: "Fail",
      reinvocationPolicy: "Never",
      mutations: [
        {
          patchType: "ApplyConfiguration",
          applyConfiguration: { expression: "Object{spec: Object.spec{}}" },
        },
      ],
    },
  });
  const binding = (matchResources?: Props) => ({
    metadata: { name: "defaults" },
    spec: { policyName: "defaults", ...(matchResources ? { matchResources } : {}) },
  });
  const sc = "kubernetes:storage.k8s.io/v1:StorageClass";
  const label = 'k8s storageclass "fast"';

  runCases(pack, () => happy, us, [
    {
      name: "an in-tree EBS storage class creates volumes in a zone abroad",
      bad: k8s(
        sc,
        "fast",
        storageClass("kubernetes.io/aws-ebs", { type: "gp3", zones: "us-west-2a,eu-west-1a" }),
      ),
      expected: [
        [
          "kubernetes-egress",
          "fast",
          "mandatory",
          [label, "zone eu-west-1a in eu-west-1 (outside US, in EU)"],
        ],
      ],
      twinName: "the EBS CSI class names no zone; its key is in a region inside US (any case)",
      twin: k8s(
        sc,
        "fast",
        storageClass("ebs.csi.aws.com", {
          type: "gp3",
          Encrypted: "true",
          KmsKeyId: "arn:aws:kms:us-west-2:123456789012:key/abcd",
          tagSpecification_1: "team=records",
        }),
      ),
    },
    {
      // A Local Zone stands in its own city: Buenos Aires, for all that us-east-1 is in the US.
      name: "an EBS storage class creates volumes in a Local Zone abroad",
      bad: k8s(
        sc,
        "fast",
        storageClass("ebs.csi.aws.com", { type: "gp3", zones: "us-west-2a,us-east-1-bue-1a" }),
      ),
      expected: [
        [
          "kubernetes-egress",
          "fast",
          "mandatory",
          [label, "zone us-east-1-bue-1a (an AWS Local Zone in Buenos Aires, AR: outside US)"],
        ],
      ],
      twinName: "its volumes are created in the Los Angeles Local Zone",
      twin: k8s(
        sc,
        "fast",
        storageClass("ebs.csi.aws.com", { type: "gp3", zones: "us-west-2a,us-west-2-lax-1a" }),
      ),
    },
    {
      name: "an EKS Auto Mode storage class creates volumes in a zone abroad",
      bad: k8s(
        sc,
        "fast",
        storageClass("ebs.csi.eks.amazonaws.com", { type: "gp3", zones: "eu-west-1a" }),
      ),
      expected: [
        [
          "kubernetes-egress",
          "fast",
          "mandatory",
          [label, "zone eu-west-1a in eu-west-1 (outside US, in EU)"],
        ],
      ],
      twinName:
        "the EKS Auto Mode class sets only its volume type and encryption, as EKS documents",
      twin: k8s(
        sc,
        "fast",
        storageClass("ebs.csi.eks.amazonaws.com", { type: "gp3", encrypted: "true" }),
      ),
    },
    {
      name: "a storage class's provisioner is one the pack does not know",
      bad: k8s(sc, "fast", storageClass("example.com/nfs-subdir", { pathPattern: "${.PVC.name}" })),
      expected: [
        [
          "kubernetes-egress",
          "fast",
          "mandatory",
          [label, 'volumes of provisioner "example.com/nfs-subdir" (cannot be placed)'],
        ],
      ],
      twinName: "the class uses the EBS CSI driver without parameters",
      twin: k8s(sc, "fast", storageClass("ebs.csi.aws.com")),
    },
    {
      name: "a Longhorn storage class fills every volume from a backup the pack cannot place",
      bad: k8s(
        sc,
        "fast",
        storageClass("driver.longhorn.io", {
          numberOfReplicas: "3",
          fromBackup: "s3://ledger-backups@eu-west-1/?backup=backup-4f2a&volume=ledger",
        }),
      ),
      expected: [
        [
          "kubernetes-egress",
          "fast",
          "mandatory",
          [
            label,
            "s3://ledger-backups@eu-west-1/?backup=backup-4f2a&volume=ledger (cannot be placed)",
          ],
        ],
      ],
      // The chart's own class: replicas on the cluster's nodes, no backup to restore.
      twinName: "the class keeps three replicas on the cluster's nodes and restores nothing",
      twin: k8s(
        sc,
        "fast",
        storageClass("driver.longhorn.io", {
          numberOfReplicas: "3",
          staleReplicaTimeout: "30",
          fromBackup: "",
          fsType: "ext4",
          dataLocality: "disabled",
        }),
      ),
    },
    {
      name: "a vSphere storage class sets a parameter its driver does not document",
      bad: k8s(
        sc,
        "fast",
        storageClass("csi.vsphere.vmware.com", {
          storagepolicyname: "vSAN Default Storage Policy",
          diskformat: "thin",
        }),
      ),
      expected: [
        [
          "kubernetes-egress",
          "fast",
          "mandatory",
          [label, 'parameters["diskformat"] (cannot be judged)'],
        ],
      ],
      twinName: "the class names only its storage policy and file system type",
      twin: k8s(
        sc,
        "fast",
        storageClass("csi.vsphere.vmware.com", {
          StoragePolicyName: "vSAN Default Storage Policy",
          "csi.storage.k8s.io/fstype": "ext4",
        }),
      ),
    },
    {
      name: "a local-path storage class sets a parameter the provisioner does not read",
      bad: k8s(sc, "fast", storageClass("rancher.io/local-path", { sharedFileSystemPath: "/mnt" })),
      expected: [
        [
          "kubernetes-egress",
          "fast",
          "mandatory",
          [label, 'parameters["sharedFileSystemPath"] (cannot be judged)'],
        ],
      ],
      twinName: "the class keeps its volumes under a path of the nodes",
      twin: k8s(
        sc,
        "fast",
        storageClass("rancher.io/local-path", {
          nodePath: "/data/ssd",
          pathPattern: "{{ .PVC.Namespace }}/{{ .PVC.Name }}",
        }),
      ),
    },
    {
      name: "an NFS CSI storage class creates its shares on a public server",
      bad: k8s(
        sc,
        "fast",
        storageClass("nfs.csi.k8s.io", { server: "203.0.113.10", share: "/exports" }),
      ),
      expected: [
        ["kubernetes-egress", "fast", "mandatory", [label, "203.0.113.10 (NFS share server)"]],
      ],
      twinName: "the NFS server is a private address",
      twin: k8s(
        sc,
        "fast",
        storageClass("nfs.csi.k8s.io", { server: "10.30.4.5", share: "/exports" }),
      ),
    },
    {
      name: "an Alibaba NAS storage class mounts a file system of a region abroad",
      bad: k8s(
        sc,
        "fast",
        storageClass("nasplugin.csi.alibabacloud.com", {
          volumeAs: "subpath",
          server: "0cd8b4a576-abc12.ap-southeast-1.nas.aliyuncs.com:/k8s",
          archiveOnDelete: "false",
        }),
      ),
      expected: [
        [
          "kubernetes-egress",
          "fast",
          "mandatory",
          [
            label,
            "0cd8b4a576-abc12.ap-southeast-1.nas.aliyuncs.com (ap-southeast-1 (outside US, in SG))",
          ],
        ],
      ],
      twinName: "the NAS mount target is in a region inside US",
      twin: k8s(
        sc,
        "fast",
        storageClass("nasplugin.csi.alibabacloud.com", {
          volumeAs: "subpath",
          server: "0cd8b4a576-abc12.us-west-1.nas.aliyuncs.com:/k8s",
          archiveOnDelete: "false",
        }),
      ),
    },
    {
      name: "a v1beta1 Alibaba disk storage class creates disks in a zone abroad",
      bad: k8s(
        "kubernetes:storage.k8s.io/v1beta1:StorageClass",
        "fast",
        storageClass("diskplugin.csi.alibabacloud.com", {
          type: "cloud_essd",
          zoneId: "us-west-1a,cn-hangzhou-h",
        }),
      ),
      expected: [
        [
          "kubernetes-egress",
          "fast",
          "mandatory",
          [label, "zone cn-hangzhou-h in cn-hangzhou (outside US, in CN)"],
        ],
      ],
      twinName: "every zone is in a region inside US",
      twin: k8s(
        "kubernetes:storage.k8s.io/v1beta1:StorageClass",
        "fast",
        storageClass("diskplugin.csi.alibabacloud.com", {
          type: "cloud_essd",
          zoneId: "us-west-1a,us-west-1b",
          regionId: "us-west-1",
        }),
      ),
    },
    {
      name: "a StorageClassPatch passes a parameter its driver does not document",
      bad: k8s(
        "kubernetes:storage.k8s.io/v1:StorageClassPatch",
        "fast",
        storageClass("efs.csi.aws.com", {
          provisioningMode: "efs-ap",
          fileSystemId: "fs-0123",
          "csi.storage.k8s.io/provisioner-secret-name": "x-account",
        }),
      ),
      expected: [
        [
          "kubernetes-egress",
          "fast",
          "mandatory",
          [
            'k8s storageclasspatch "fast"',
            'parameters["csi.storage.k8s.io/provisioner-secret-name"] (cannot be judged)',
          ],
        ],
      ],
      twinName: "the patch passes only documented parameters",
      twin: k8s(
        "kubernetes:storage.k8s.io/v1:StorageClassPatch",
        "fast",
        storageClass("efs.csi.aws.com", {
          provisioningMode: "efs-ap",
          fileSystemId: "fs-0123",
          az: "us-west-2a",
        }),
      ),
    },
    {
      name: "an entry of a StorageClassList creates SMB shares on a host the pack cannot place",
      bad: k8s("kubernetes:storage.k8s.io/v1:StorageClassList", "classes", {
        items: [
          storageClass("ebs.csi.aws.com"),
          storageClass("smb.csi.k8s.io", { source: "//files.example.com/share" }),
        ],
      }),
      expected: [
        [
          "kubernetes-egress",
          "classes",
          "mandatory",
          ['k8s storageclasslist "classes"', "files.example.com (cannot be placed)"],
        ],
      ],
      twinName: "the SMB server is a Service of the cluster",
      twin: k8s("kubernetes:storage.k8s.io/v1:StorageClassList", "classes", {
        items: [
          storageClass("ebs.csi.aws.com"),
          storageClass("smb.csi.k8s.io", {
            source: "//smb.records.svc.cluster.local/share",
            "csi.storage.k8s.io/node-stage-secret-name": "smbcreds",
          }),
        ],
      }),
    },
    {
      name: "a storage class's provisioner is not known at preview",
      bad: k8s(sc, "fast", storageClass(unknown)),
      expected: [
        ["kubernetes-egress", "fast", "mandatory", [label, "provisioner (unknown at preview)"]],
      ],
      twinName: "the provisioner is a literal; the class names no provisioner's parameters",
      twin: k8s(sc, "fast", storageClass("kubernetes.io/no-provisioner")),
    },
    {
      name: "a ControllerRevision's pod template mounts an NFS volume from a public address",
      bad: k8s(
        "kubernetes:apps/v1:ControllerRevision",
        "ledger-6d4f",
        revision(template([{ name: "d", nfs: { server: "203.0.113.7", path: "/exports" } }])),
      ),
      expected: [
        [
          "kubernetes-egress",
          "ledger-6d4f",
          "mandatory",
          ['k8s controllerrevision "ledger-6d4f"', "203.0.113.7 (NFS server)"],
        ],
      ],
      twinName: "the revision's NFS server is private (data given as JSON text)",
      twin: k8s(
        "kubernetes:apps/v1:ControllerRevision",
        "ledger-6d4f",
        revision(
          JSON.stringify(template([{ name: "d", nfs: { server: "10.30.4.5", path: "/exports" } }])),
        ),
      ),
    },
    {
      name: "a v1beta2 ControllerRevision's data is no pod template the pack can read",
      bad: k8s(
        "kubernetes:apps/v1beta2:ControllerRevision",
        "ledger-6d4f",
        revision({ raw: "H4sIAAAAAAAA/6pWSs7PS8ssyszPUyrJL0pVslIqLU4tUqoFAAAA//8=" }),
      ),
      expected: [
        [
          "kubernetes-egress",
          "ledger-6d4f",
          "mandatory",
          ['k8s controllerrevision "ledger-6d4f"', "data (cannot be judged)"],
        ],
      ],
      twinName: "its data is a pod template without remote volumes",
      twin: k8s(
        "kubernetes:apps/v1beta2:ControllerRevision",
        "ledger-6d4f",
        revision(template([{ name: "d", persistentVolumeClaim: { claimName: "ledger" } }])),
      ),
    },
    {
      name: "a MutatingAdmissionPolicy rewrites Deployments after the pack judged them",
      bad: k8s(
        "kubernetes:admissionregistration.k8s.io/v1:MutatingAdmissionPolicy",
        "defaults",
        mutating([rule(["apps"], ["deployments"])]),
      ),
      expected: [
        [
          "kubernetes-egress",
          "defaults",
          "mandatory",
          [
            'k8s mutatingadmissionpolicy "defaults"',
            "apps/deployments (rewritten after judgement, cannot be judged)",
          ],
        ],
      ],
      twinName: "it rewrites only PodDisruptionBudgets and leases",
      twin: k8s(
        "kubernetes:admissionregistration.k8s.io/v1:MutatingAdmissionPolicy",
        "defaults",
        mutating([
          rule(["policy"], ["poddisruptionbudgets"]),
          rule(["coordination.k8s.io"], ["leases"]),
        ]),
      ),
    },
    {
      name: "a MutatingAdmissionPolicyBinding applies its policy without narrowing it",
      bad: k8s(
        "kubernetes:admissionregistration.k8s.io/v1beta1:MutatingAdmissionPolicyBinding",
        "defaults",
        binding(),
      ),
      expected: [
        [
          "kubernetes-egress",
          "defaults",
          "mandatory",
          [
            'k8s mutatingadmissionpolicybinding "defaults"',
            "every resource (rewritten after judgement, cannot be judged)",
          ],
        ],
      ],
      twinName: "the binding narrows it to events",
      twin: k8s(
        "kubernetes:admissionregistration.k8s.io/v1beta1:MutatingAdmissionPolicyBinding",
        "defaults",
        binding({ resourceRules: [rule([""], ["events"])] }),
      ),
    },
    {
      name: "an entry of a v1alpha1 MutatingAdmissionPolicyList matches every resource of a group",
      bad: k8s(
        "kubernetes:admissionregistration.k8s.io/v1alpha1:MutatingAdmissionPolicyList",
        "policies",
        { items: [mutating([rule(["policy"], ["poddisruptionbudgets"]), rule([""], ["*"])])] },
      ),
      expected: [
        [
          "kubernetes-egress",
          "policies",
          "mandatory",
          [
            'k8s mutatingadmissionpolicylist "policies"',
            "* (rewritten after judgement, cannot be judged)",
          ],
        ],
      ],
      twinName: "the entry names the resources one by one",
      twin: k8s(
        "kubernetes:admissionregistration.k8s.io/v1alpha1:MutatingAdmissionPolicyList",
        "policies",
        { items: [mutating([rule(["policy"], ["poddisruptionbudgets/status"])])] },
      ),
    },
  ]);

  test("an unknown provisioner's finding says what cannot be judged and how to fix it", async () => {
    const violations = await pack.checkAround(
      happy,
      k8s(sc, "fast", storageClass("example.com/nfs-subdir"))(happy),
      us,
    );
    expect(violations.map((v) => [v.policy, v.level, v.message])).toEqual([
      [
        "kubernetes-egress",
        "mandatory",
        'k8s storageclass "fast" must create volumes only inside US, but provisioner is "example.com/nfs-subdir", a provisioner the pack does not know, so where the volumes of every claim of the class are created cannot be judged: that program alone reads its parameters. Use a provisioner the pack reads: the CSI driver of the cluster\'s cloud (ebs.csi.aws.com, ebs.csi.eks.amazonaws.com, efs.csi.aws.com, diskplugin.csi.alibabacloud.com, nasplugin.csi.alibabacloud.com, ossplugin.csi.alibabacloud.com), nfs.csi.k8s.io or smb.csi.k8s.io with a private server, or one that keeps the volumes where the cluster\'s nodes are (rancher.io/local-path, driver.longhorn.io, csi.vsphere.vmware.com).',
      ],
    ]);
  });

  test("a mutating policy's finding names the rule, what it may write and the fix", async () => {
    const violations = await pack.checkAround(
      happy,
      k8s(
        "kubernetes:admissionregistration.k8s.io/v1:MutatingAdmissionPolicy",
        "defaults",
        mutating([rule([""], ["pods"])]),
      )(happy),
      us,
    );
    expect(violations.map((v) => v.message)).toEqual([
      'k8s mutatingadmissionpolicy "defaults" must rewrite only objects the pack does not judge, but its mutations are CEL expressions the pack cannot evaluate and spec.matchConstraints.resourceRules[0] matches pods, so what it writes into them cannot be judged: after the pack has judged them, it can add a volume on an outside server, or a container that sends data out, to any pod it rewrites. Make the change in the program itself, where the pack judges it, or narrow the rules to resources that carry no pod spec, volume or egress (events, events.k8s.io/events, limitranges, resourcequotas, coordination.k8s.io/leases, policy/poddisruptionbudgets, scheduling.k8s.io/priorityclasses, autoscaling/horizontalpodautoscalers).',
    ]);
  });
});

describe("data movers and backups of the domain tables: self-managed ends, imports, shares", () => {
  const oregon = "us-west-2 (inside US)";
  /** A persistent FSx for Lustre file system on the program's key, with `paths` over it. */
  const lustre = (paths: Props) =>
    keyedAdd(
      "aws:fsx/lustreFileSystem:LustreFileSystem",
      "scratch",
      {
        storageCapacity: 1200,
        deploymentType: "PERSISTENT_1",
        subnetIds: ["subnet-records"],
        ...paths,
      },
      "kmsKeyId",
    );
  /** An Amazon Connect data integration of the source at `sourceUri`. */
  const dataIntegration = (sourceUri: string) =>
    add("aws:appintegrations/dataIntegration:DataIntegration", "knowledge", {
      name: "knowledge",
      kmsKey: `arn:aws:kms:us-west-2:${account}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
      sourceUri,
      scheduleConfig: {
        firstExecutionFrom: "1439788442681",
        object: "Account",
        scheduleExpression: "rate(1 hour)",
      },
    });
  /** An Amazon File Cache of the data repository at `path`. */
  const fileCache = (path: string) =>
    add("aws:fsx/fileCache:FileCache", "cache", {
      fileCacheType: "LUSTRE",
      fileCacheTypeVersion: "2.12",
      storageCapacity: 1200,
      subnetIds: ["subnet-records"],
      dataRepositoryAssociations: [
        {
          fileCachePath: "/ns1",
          dataRepositoryPath: path,
          ...(path.startsWith("nfs://") ? { nfs: [{ version: "NFS3" }] } : {}),
        },
      ],
    });
  const s3Location = "arn:aws:s3:::sdc-records";
  runCases(pack, () => happy, us, [
    {
      name: "a DataSync agent is activated at a public address outside the allowlist",
      bad: add("aws:datasync/agent:Agent", "agent", { name: "agent", ipAddress: "203.0.113.10" }),
      expected: [
        [
          "data-transfer-jobs",
          "agent",
          "mandatory",
          [oregon, 'datasync agent "agent"', '"203.0.113.10" (cannot be placed)'],
        ],
      ],
      twinName: "the agent runs at a private address",
      twin: add("aws:datasync/agent:Agent", "agent", { name: "agent", ipAddress: "10.0.8.20" }),
    },
    {
      name: "a Connect data integration pulls records from a bucket the program does not create",
      bad: dataIntegration("s3://partner-exchange"),
      expected: [
        [
          "named-destinations",
          "knowledge",
          "mandatory",
          [
            '"s3://partner-exchange" (cannot be placed)',
            'appintegrations data integration "knowledge"',
            oregon,
          ],
        ],
      ],
      twinName: "it pulls them from the program's bucket",
      twin: dataIntegration("s3://sdc-records"),
    },
    {
      name: "an FSx for Lustre file system exports its files to a bucket the program does not create",
      bad: lustre({ importPath: "s3://sdc-records/in", exportPath: "s3://partner-exchange/out" }),
      expected: [
        [
          "named-destinations",
          "scratch",
          "mandatory",
          [
            oregon,
            'fsx lustre file system "scratch"',
            '"s3://partner-exchange/out" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it imports from and exports to the program's bucket",
      twin: lustre({ importPath: "s3://sdc-records/in", exportPath: "s3://sdc-records/out" }),
    },
    {
      name: "an FSx for Lustre file system loads its files from a bucket the program does not create",
      bad: lustre({ importPath: "s3://partner-exchange/in" }),
      expected: [
        [
          "named-destinations",
          "scratch",
          "mandatory",
          [
            '"s3://partner-exchange/in" (cannot be placed)',
            'fsx lustre file system "scratch"',
            oregon,
          ],
        ],
      ],
      twinName: "it loads them from the program's bucket",
      twin: lustre({ importPath: "s3://sdc-records/in" }),
    },
    {
      name: "an FSx data repository association links a file system to a bucket the program does not create",
      bad: add("aws:fsx/dataRepositoryAssociation:DataRepositoryAssociation", "results", {
        fileSystemId: "fs-0123456789abcdef0",
        fileSystemPath: "/results",
        dataRepositoryPath: "s3://partner-exchange/results",
      }),
      expected: [
        [
          "named-destinations",
          "results",
          "mandatory",
          [
            oregon,
            'fsx data repository association "results"',
            '"s3://partner-exchange/results" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it links the file system to the program's bucket",
      twin: add("aws:fsx/dataRepositoryAssociation:DataRepositoryAssociation", "results", {
        fileSystemId: "fs-0123456789abcdef0",
        fileSystemPath: "/results",
        dataRepositoryPath: "s3://sdc-records/results",
      }),
    },
    {
      name: "an Amazon File Cache caches an NFS server on the internet",
      bad: fileCache("nfs://files.partner.example/exports"),
      expected: [
        [
          "data-transfer-jobs",
          "cache",
          "mandatory",
          [
            oregon,
            'fsx file cache "cache"',
            '"nfs://files.partner.example/exports" (cannot be placed)',
          ],
        ],
      ],
      twinName: "the NFS server is at a private address",
      twin: fileCache("nfs://10.0.8.40/exports"),
    },
    {
      name: "an Amazon File Cache caches a bucket the program does not create",
      bad: fileCache("s3://partner-exchange/"),
      expected: [
        [
          "named-destinations",
          "cache",
          "mandatory",
          [oregon, 'fsx file cache "cache"', '"s3://partner-exchange/" (cannot be placed)'],
        ],
      ],
      twinName: "it caches the program's bucket",
      twin: fileCache("s3://sdc-records/"),
    },
    {
      name: "a DataSync NFS location names a server on the internet",
      bad: add("aws:datasync/nfsLocation:NfsLocation", "nfs", {
        serverHostname: "files.partner.example",
        subdirectory: "/exports/records",
        onPremConfig: { agentArns: [`arn:aws:datasync:us-west-2:${account}:agent/agent-1`] },
      }),
      expected: [
        [
          "data-transfer-jobs",
          "nfs",
          "mandatory",
          [oregon, 'datasync nfs location "nfs"', '"files.partner.example" (cannot be placed)'],
        ],
      ],
      twinName: "the NFS server is at a private address",
      twin: add("aws:datasync/nfsLocation:NfsLocation", "nfs", {
        serverHostname: "10.0.8.30",
        subdirectory: "/exports/records",
        onPremConfig: { agentArns: [`arn:aws:datasync:us-west-2:${account}:agent/agent-1`] },
      }),
    },
    {
      name: "a DataSync SMB location names a server on the internet",
      bad: add("aws:datasync/locationSmb:LocationSmb", "smb", {
        serverHostname: "share.partner.example",
        subdirectory: "/records",
        user: "sync",
        password: "secret",
        agentArns: [`arn:aws:datasync:us-west-2:${account}:agent/agent-1`],
      }),
      expected: [
        [
          "data-transfer-jobs",
          "smb",
          "mandatory",
          [oregon, 'datasync location smb "smb"', '"share.partner.example" (cannot be placed)'],
        ],
      ],
      twinName: "the SMB server is at a private address",
      twin: add("aws:datasync/locationSmb:LocationSmb", "smb", {
        serverHostname: "10.0.8.31",
        subdirectory: "/records",
        user: "sync",
        password: "secret",
        agentArns: [`arn:aws:datasync:us-west-2:${account}:agent/agent-1`],
      }),
    },
    {
      name: "a DataSync HDFS location names a name node on the internet",
      bad: add("aws:datasync/locationHdfs:LocationHdfs", "hdfs", {
        agentArns: [`arn:aws:datasync:us-west-2:${account}:agent/agent-1`],
        nameNodes: [{ hostname: "nn.partner.example", port: 8020 }],
      }),
      expected: [
        [
          "data-transfer-jobs",
          "hdfs",
          "mandatory",
          [oregon, 'datasync location hdfs "hdfs"', '"nn.partner.example" (cannot be placed)'],
        ],
      ],
      twinName: "the name node is at a private address",
      twin: add("aws:datasync/locationHdfs:LocationHdfs", "hdfs", {
        agentArns: [`arn:aws:datasync:us-west-2:${account}:agent/agent-1`],
        nameNodes: [{ hostname: "10.0.8.32", port: 8020 }],
      }),
    },
    {
      name: "a DataSync object storage location names a server in Frankfurt",
      bad: add("aws:datasync/locationObjectStorage:LocationObjectStorage", "objects", {
        agentArns: [`arn:aws:datasync:us-west-2:${account}:agent/agent-1`],
        serverHostname: "s3.eu-central-1.amazonaws.com",
        bucketName: "records",
      }),
      expected: [
        [
          "data-transfer-jobs",
          "objects",
          "mandatory",
          [
            oregon,
            'datasync location object storage "objects"',
            "s3.eu-central-1.amazonaws.com (outside US, in EU)",
          ],
        ],
      ],
      twinName: "the object storage is in Virginia",
      twin: add("aws:datasync/locationObjectStorage:LocationObjectStorage", "objects", {
        agentArns: [`arn:aws:datasync:us-west-2:${account}:agent/agent-1`],
        serverHostname: "s3.us-east-1.amazonaws.com",
        bucketName: "records",
      }),
    },
    {
      name: "a DataSync location reads an Azure Blob container",
      bad: add("aws:datasync/locationAzureBlob:LocationAzureBlob", "azure", {
        agentArns: [`arn:aws:datasync:us-west-2:${account}:agent/agent-1`],
        authenticationType: "SAS",
        containerUrl: "https://records.blob.core.windows.net/exports",
        sasConfiguration: { token: "sp=r&sig=x" },
      }),
      expected: [
        [
          "data-transfer-jobs",
          "azure",
          "mandatory",
          [
            oregon,
            'datasync location azure blob "azure"',
            '"https://records.blob.core.windows.net/exports" (cannot be placed)',
          ],
        ],
      ],
      twinName: "the container is reached at a private endpoint address",
      twin: add("aws:datasync/locationAzureBlob:LocationAzureBlob", "azure", {
        agentArns: [`arn:aws:datasync:us-west-2:${account}:agent/agent-1`],
        authenticationType: "SAS",
        containerUrl: "https://10.0.8.40/exports",
        sasConfiguration: { token: "sp=r&sig=x" },
      }),
    },
    {
      name: "a DMS data provider names a database server on the internet",
      bad: add("aws:dms/dataProvider:DataProvider", "provider", {
        dataProviderName: "records",
        engine: "postgres",
        settings: { postgresqlSettings: { serverName: "db.partner.example", port: 5432 } },
      }),
      expected: [
        [
          "data-transfer-jobs",
          "provider",
          "mandatory",
          [oregon, 'dms data provider "provider"', '"db.partner.example" (cannot be placed)'],
        ],
      ],
      twinName: "it names an RDS endpoint in Virginia",
      twin: add("aws:dms/dataProvider:DataProvider", "provider", {
        dataProviderName: "records",
        engine: "postgres",
        settings: {
          postgresqlSettings: {
            serverName: "records.abcdefghijkl.us-east-1.rds.amazonaws.com",
            port: 5432,
          },
        },
      }),
    },
    {
      name: "a Storage Gateway appliance is activated at a public address outside the allowlist",
      bad: add("aws:storagegateway/gateway:Gateway", "gateway", {
        gatewayName: "files",
        gatewayTimezone: "GMT",
        gatewayType: "FILE_S3",
        gatewayIpAddress: "203.0.113.20",
      }),
      expected: [
        [
          "data-transfer-jobs",
          "gateway",
          "mandatory",
          [oregon, 'storagegateway gateway "gateway"', '"203.0.113.20" (cannot be placed)'],
        ],
      ],
      twinName: "the appliance runs at a private address",
      twin: add("aws:storagegateway/gateway:Gateway", "gateway", {
        gatewayName: "files",
        gatewayTimezone: "GMT",
        gatewayType: "FILE_S3",
        gatewayIpAddress: "10.0.8.50",
      }),
    },
    {
      name: "a Storage Gateway NFS share stores its files in a bucket the program does not create",
      bad: add("aws:storagegateway/nfsFileShare:NfsFileShare", "nfs-share", {
        clientLists: ["10.0.0.0/16"],
        gatewayArn: `arn:aws:storagegateway:us-west-2:${account}:gateway/sgw-1`,
        locationArn: "arn:aws:s3:::records-abroad",
        roleArn: `arn:aws:iam::${account}:role/sgw`,
      }),
      expected: [
        [
          "named-destinations",
          "nfs-share",
          "mandatory",
          [
            oregon,
            'storagegateway nfs file share "nfs-share"',
            '"arn:aws:s3:::records-abroad" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it stores them in the program's bucket",
      twin: add("aws:storagegateway/nfsFileShare:NfsFileShare", "nfs-share", {
        clientLists: ["10.0.0.0/16"],
        gatewayArn: `arn:aws:storagegateway:us-west-2:${account}:gateway/sgw-1`,
        locationArn: s3Location,
        roleArn: `arn:aws:iam::${account}:role/sgw`,
      }),
    },
    {
      name: "a Storage Gateway SMB share reaches S3 through an endpoint in Frankfurt",
      bad: add("aws:storagegateway/smbFileShare:SmbFileShare", "smb-share", {
        gatewayArn: `arn:aws:storagegateway:us-west-2:${account}:gateway/sgw-1`,
        locationArn: s3Location,
        roleArn: `arn:aws:iam::${account}:role/sgw`,
        vpcEndpointDnsName: "vpce-0123-abcd.s3.eu-central-1.vpce.amazonaws.com",
      }),
      expected: [
        [
          "data-transfer-jobs",
          "smb-share",
          "mandatory",
          [
            oregon,
            'storagegateway smb file share "smb-share"',
            "vpce-0123-abcd.s3.eu-central-1.vpce.amazonaws.com (outside US, in EU)",
          ],
        ],
      ],
      twinName: "it reaches S3 through an endpoint in Oregon",
      twin: add("aws:storagegateway/smbFileShare:SmbFileShare", "smb-share", {
        gatewayArn: `arn:aws:storagegateway:us-west-2:${account}:gateway/sgw-1`,
        locationArn: s3Location,
        roleArn: `arn:aws:iam::${account}:role/sgw`,
        vpcEndpointDnsName: "vpce-0123-abcd.s3.us-west-2.vpce.amazonaws.com",
      }),
    },
    {
      name: "an RDS snapshot is shared with another account",
      bad: add("aws:rds/snapshot:Snapshot", "db-snapshot", {
        dbInstanceIdentifier: "records",
        dbSnapshotIdentifier: "records-final",
        sharedAccounts: ["999988887777"],
      }),
      expected: [
        [
          "backup-copies",
          "db-snapshot",
          "mandatory",
          [
            oregon,
            'rds snapshot "db-snapshot"',
            "account 999988887777 (not this stack's account 111122223333)",
          ],
        ],
      ],
      twinName: "it is shared with the stack's own account",
      twin: add("aws:rds/snapshot:Snapshot", "db-snapshot", {
        dbInstanceIdentifier: "records",
        dbSnapshotIdentifier: "records-final",
        sharedAccounts: [account],
      }),
    },
    {
      // Found on the databases bench: the same act as an RDS snapshot's sharedAccounts, once
      // only advised on as a grant.
      name: "a Redshift Serverless snapshot is shared with another account by its resource policy",
      bad: snapshotSharedWith("999988887777"),
      expected: [
        [
          "backup-copies",
          "share",
          "mandatory",
          [
            oregon,
            'redshiftserverless resource policy "share"',
            "account 999988887777 (not this stack's account 111122223333)",
          ],
        ],
      ],
      twinName: "it shares the snapshot with the stack's own account",
      twin: snapshotSharedWith(account),
    },
    {
      name: "an RDS cluster snapshot is made public",
      bad: add("aws:rds/clusterSnapshot:ClusterSnapshot", "cluster-snapshot", {
        dbClusterIdentifier: "aurora",
        dbClusterSnapshotIdentifier: "aurora-final",
        sharedAccounts: ["all"],
      }),
      // `all` is no account but the public marker: one finding, public-exposure's.
      expected: [
        [
          "public-exposure",
          "cluster-snapshot",
          "mandatory",
          ["the internet", 'rds cluster snapshot "cluster-snapshot"'],
        ],
      ],
      twinName: "it is shared with no one",
      twin: add("aws:rds/clusterSnapshot:ClusterSnapshot", "cluster-snapshot", {
        dbClusterIdentifier: "aurora",
        dbClusterSnapshotIdentifier: "aurora-final",
        sharedAccounts: [],
      }),
    },
    {
      name: "an EBS snapshot is imported from a disk image in Frankfurt",
      bad: add("aws:ebs/snapshotImport:SnapshotImport", "import", {
        diskContainer: {
          format: "VHD",
          url: "https://images.s3.eu-central-1.amazonaws.com/records.vhd",
        },
      }),
      expected: [
        [
          "backup-copies",
          "import",
          "mandatory",
          [
            "https://images.s3.eu-central-1.amazonaws.com/records.vhd (outside US, in EU)",
            'ebs snapshot import "import"',
            oregon,
          ],
        ],
      ],
      twinName: "it is imported from a disk image of the program's bucket",
      twin: add("aws:ebs/snapshotImport:SnapshotImport", "import", {
        diskContainer: {
          format: "VHD",
          userBucket: { s3Bucket: "sdc-records", s3Key: "images/records.vhd" },
        },
      }),
    },
    {
      name: "an EBS snapshot is imported from an S3 URL of a bucket the program does not create",
      bad: add("aws:ebs/snapshotImport:SnapshotImport", "import", {
        diskContainer: { format: "VHD", url: "s3://images-abroad/records.vhd" },
      }),
      expected: [
        [
          "named-destinations",
          "import",
          "mandatory",
          [
            '"s3://images-abroad/records.vhd" (cannot be placed)',
            'ebs snapshot import "import"',
            oregon,
          ],
        ],
      ],
      twinName: "it is imported from an S3 URL of the program's bucket",
      twin: add("aws:ebs/snapshotImport:SnapshotImport", "import", {
        diskContainer: { format: "VHD", url: "s3://sdc-records/images/records.vhd" },
      }),
    },
    {
      name: "AWS Backup delivers its reports to a bucket the program does not create",
      bad: add("aws:backup/reportPlan:ReportPlan", "reports", {
        name: "records",
        reportDeliveryChannel: { s3BucketName: "reports-abroad" },
        reportSetting: { reportTemplate: "BACKUP_JOB_REPORT" },
      }),
      expected: [
        [
          "named-destinations",
          "reports",
          "mandatory",
          [oregon, 'backup report plan "reports"', '"reports-abroad" (cannot be placed)'],
        ],
      ],
      twinName: "it delivers them to the program's log bucket",
      twin: add("aws:backup/reportPlan:ReportPlan", "reports", {
        name: "records",
        reportDeliveryChannel: { s3BucketName: "sdc-records-logs" },
        reportSetting: { reportTemplate: "BACKUP_JOB_REPORT" },
      }),
    },
    {
      name: "a Transfer Family workflow copies uploaded files to a bucket the program does not create",
      bad: add("aws:transfer/workflow:Workflow", "workflow", {
        steps: [
          {
            type: "COPY",
            copyStepDetails: {
              sourceFileLocation: "${original.file}",
              destinationFileLocation: {
                s3FileLocation: { bucket: "uploads-abroad", key: "incoming/" },
              },
            },
          },
        ],
      }),
      expected: [
        [
          "named-destinations",
          "workflow",
          "mandatory",
          [oregon, 'transfer workflow "workflow"', '"uploads-abroad" (cannot be placed)'],
        ],
      ],
      twinName: "it copies them to the program's bucket",
      twin: add("aws:transfer/workflow:Workflow", "workflow", {
        steps: [
          {
            type: "COPY",
            copyStepDetails: {
              sourceFileLocation: "${original.file}",
              destinationFileLocation: {
                s3FileLocation: { bucket: "sdc-records", key: "incoming/" },
              },
            },
          },
        ],
      }),
    },
    {
      name: "a Transfer Family workflow hands failed uploads to a function in Frankfurt",
      bad: add("aws:transfer/workflow:Workflow", "workflow", {
        steps: [{ type: "TAG", tagStepDetails: { tags: [{ key: "state", value: "new" }] } }],
        onExceptionSteps: [
          {
            type: "CUSTOM",
            customStepDetails: {
              target: `arn:aws:lambda:eu-central-1:${account}:function:quarantine`,
            },
          },
        ],
      }),
      expected: [
        [
          "data-transfer-jobs",
          "workflow",
          "mandatory",
          [
            oregon,
            'transfer workflow "workflow"',
            "arn:aws:lambda:eu-central-1:111122223333:function:quarantine (outside US, in EU)",
          ],
        ],
      ],
      twinName: "it hands them to a function in Oregon",
      twin: add("aws:transfer/workflow:Workflow", "workflow", {
        steps: [{ type: "TAG", tagStepDetails: { tags: [{ key: "state", value: "new" }] } }],
        onExceptionSteps: [
          {
            type: "CUSTOM",
            customStepDetails: {
              target: `arn:aws:lambda:us-west-2:${account}:function:quarantine`,
            },
          },
        ],
      }),
    },
    {
      name: "a DMS instance profile keeps its default public IP",
      bad: add("aws:dms/instanceProfile:InstanceProfile", "profile", {
        instanceProfileName: "records",
      }),
      expected: [
        [
          "public-exposure",
          "profile",
          "mandatory",
          ["the internet", 'dms instance profile "profile"'],
        ],
      ],
      twinName: "the profile is declared private",
      twin: add("aws:dms/instanceProfile:InstanceProfile", "profile", {
        instanceProfileName: "records",
        publiclyAccessible: false,
      }),
    },
  ]);

  test("a Connect data integration through an AppFlow connector profile names no bucket", async () => {
    expect(
      await pack.checkAround(happy, dataIntegration("Salesforce://AppFlow/crm")(happy), us),
    ).toEqual([]);
  });
});

describe("directory, DNS, time and call servers; streaming and fleet instances", () => {
  const inside = "us-west-2 (inside US)";
  const publicServer = '"203.0.113.53" (cannot be placed)';
  const site = (type: string, name: string, inputs: (address: string) => Props) => ({
    bad: add(type, name, inputs("203.0.113.53")),
    twin: add(type, name, inputs("10.20.0.53")),
  });
  const internet = (label: string): [string, string] => [label, "the internet (any country)"];

  runCases(pack, () => happy, us, [
    {
      name: "a directory forwards DNS queries for a remote domain to a public address",
      ...site(
        "aws:directoryservice/conditionalForwarder:ConditionalForwarder",
        "corp-dns",
        (a) => ({
          directoryId: "d-0a1b2c3d4e",
          remoteDomainName: "corp.example",
          dnsIps: [a],
        }),
      ),
      expected: [
        [
          "remote-sites",
          "corp-dns",
          "mandatory",
          [inside, 'directoryservice conditional forwarder "corp-dns"', publicServer],
        ],
      ],
      twinName: "it forwards them to a resolver on a private address of the stack's network",
    },
    {
      name: "a directory trust forwards DNS queries to a public address",
      ...site("aws:directoryservice/trust:Trust", "corp-trust", (a) => ({
        directoryId: "d-0a1b2c3d4e",
        remoteDomainName: "corp.example",
        trustDirection: "Two-Way",
        trustPassword: "not-a-secret",
        conditionalForwarderIpAddrs: [a],
      })),
      expected: [
        [
          "remote-sites",
          "corp-trust",
          "mandatory",
          [inside, 'directoryservice trust "corp-trust"', publicServer],
        ],
      ],
      twinName: "it forwards them to a private address",
    },
    {
      name: "an AD Connector proxies to domain controllers on a public address",
      ...site("aws:directoryservice/directory:Directory", "corp-connector", (a) => ({
        name: "corp.example",
        type: "ADConnector",
        size: "Small",
        password: "not-a-secret",
        connectSettings: {
          customerDnsIps: [a],
          customerUsername: "connector",
          subnetIds: ["subnet-records-a", "subnet-records-b"],
          vpcId: "vpc-records",
        },
      })),
      expected: [
        [
          "remote-sites",
          "corp-connector",
          "mandatory",
          [inside, 'directoryservice directory "corp-connector"', publicServer],
        ],
      ],
      twinName: "the domain controllers are on private addresses",
    },
    {
      name: "a directory sends multi-factor checks to a RADIUS server on a public address",
      ...site("aws:directoryservice/radiusSettings:RadiusSettings", "mfa", (a) => ({
        directoryId: "d-0a1b2c3d4e",
        authenticationProtocol: "PAP",
        displayLabel: "MFA",
        radiusPort: 1812,
        radiusRetries: 3,
        radiusTimeout: 5,
        sharedSecret: "not-a-secret",
        radiusServers: [a],
      })),
      expected: [
        [
          "remote-sites",
          "mfa",
          "mandatory",
          [inside, 'directoryservice radius settings "mfa"', publicServer],
        ],
      ],
      twinName: "the RADIUS server is on a private address",
    },
    {
      name: "an FSx for Windows file system joins a domain whose DNS servers are public",
      ...site("aws:fsx/windowsFileSystem:WindowsFileSystem", "shares", (a) => ({
        kmsKeyId: `arn:aws:kms:us-west-2:${account}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
        storageCapacity: 32,
        subnetIds: ["subnet-records-a"],
        throughputCapacity: 32,
        selfManagedActiveDirectory: {
          dnsIps: [a],
          domainName: "corp.example",
          password: "not-a-secret",
          username: "fsx",
        },
      })),
      expected: [
        [
          "remote-sites",
          "shares",
          "mandatory",
          [inside, 'fsx windows file system "shares"', publicServer],
        ],
      ],
      twinName: "the domain's DNS servers are on private addresses",
    },
    {
      name: "an ONTAP storage VM joins a domain whose DNS servers are public",
      ...site("aws:fsx/ontapStorageVirtualMachine:OntapStorageVirtualMachine", "svm", (a) => ({
        fileSystemId: "fs-0a1b2c3d",
        name: "svm",
        activeDirectoryConfiguration: {
          netbiosName: "SVM",
          selfManagedActiveDirectoryConfiguration: {
            dnsIps: [a],
            domainName: "corp.example",
            password: "not-a-secret",
            username: "fsx",
          },
        },
      })),
      expected: [
        [
          "remote-sites",
          "svm",
          "mandatory",
          [inside, 'fsx ontap storage virtual machine "svm"', publicServer],
        ],
      ],
      twinName: "the domain's DNS servers are on private addresses",
    },
    {
      name: "a file cache resolves its NFS repositories through a public DNS server",
      ...site("aws:fsx/fileCache:FileCache", "cache", (a) => ({
        fileCacheType: "LUSTRE",
        fileCacheTypeVersion: "2.12",
        storageCapacity: 1200,
        subnetIds: ["subnet-records-a"],
        dataRepositoryAssociations: [
          {
            dataRepositoryPath: "nfs://10.20.0.10/exports",
            fileCachePath: "/ns1",
            nfs: [{ version: "NFS3", dnsIps: [a] }],
          },
        ],
      })),
      expected: [
        ["remote-sites", "cache", "mandatory", [inside, 'fsx file cache "cache"', publicServer]],
      ],
      twinName: "the DNS server is on a private address",
    },
    {
      name: "a FinSpace environment resolves names through a public DNS server",
      ...site("aws:finspace/kxEnvironment:KxEnvironment", "kx", (a) => ({
        kmsKeyId: `arn:aws:kms:us-west-2:${account}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
        customDnsConfigurations: [
          { customDnsServerName: "dns.corp.example", customDnsServerIp: a },
        ],
      })),
      expected: [
        ["remote-sites", "kx", "mandatory", [inside, 'finspace kx environment "kx"', publicServer]],
      ],
      twinName: "the DNS server is on a private address",
    },
    {
      name: "DHCP options point every instance at a public NTP server",
      ...site("aws:ec2/vpcDhcpOptions:VpcDhcpOptions", "dhcp", (a) => ({
        domainNameServers: ["AmazonProvidedDNS"],
        ntpServers: [a],
      })),
      expected: [
        [
          "remote-sites",
          "dhcp",
          "mandatory",
          [inside, 'ec2 vpc dhcp options "dhcp"', publicServer],
        ],
      ],
      twinName: "they point at an NTP server on a private address and keep the VPC's own resolver",
    },
    {
      name: "DHCP options point every instance at a public DNS resolver",
      bad: add("aws:ec2/vpcDhcpOptions:VpcDhcpOptions", "dhcp", {
        domainNameServers: ["203.0.113.53"],
      }),
      expected: [
        [
          "remote-sites",
          "dhcp",
          "mandatory",
          [inside, 'ec2 vpc dhcp options "dhcp"', publicServer],
        ],
      ],
      twinName: "they keep the VPC's own resolver",
      twin: add("aws:ec2/vpcDhcpOptions:VpcDhcpOptions", "dhcp", {
        domainNameServers: ["AmazonProvidedDNS"],
        domainName: "records.internal",
      }),
    },
    ...(
      [
        [
          "a Client VPN endpoint admits remote clients",
          `arn:aws:acm:us-west-2:${account}:certificate/0a1b2c3d`,
        ],
        // Whatever the certificate, the endpoint admits clients anywhere: the finding says so,
        // not that the certificate is a place the pack cannot check.
        [
          "a Client VPN endpoint whose certificate only a lookup knows admits remote clients",
          unknown,
        ],
      ] as const
    ).map(([name, certificate]) => ({
      name,
      bad: add("aws:ec2clientvpn/endpoint:Endpoint", "remote-access", {
        serverCertificateArn: certificate,
        clientCidrBlock: "10.100.0.0/22",
        authenticationOptions: [
          { type: "certificate-authentication", rootCertificateChainArn: certificate },
        ],
        connectionLogOptions: { enabled: false },
        dnsServers: ["10.20.0.53"],
      }),
      expected: [
        [
          "remote-sites",
          "remote-access",
          "mandatory",
          [
            inside,
            'ec2clientvpn endpoint "remote-access"',
            "clients anywhere in the world (Client VPN)",
          ],
        ] as Finding,
      ],
      twinName: `the network is reached through a site VPN from an allowlisted address instead (${certificate === unknown ? "a certificate a lookup finds" : "a certificate it names"})`,
      twin: add("aws:ec2/customerGateway:CustomerGateway", "partner-gw", {
        bgpAsn: "65000",
        ipAddress: "198.51.100.7",
        type: "ipsec.1",
      }),
    })),
    {
      name: "a voice connector routes inbound calls to a SIP host on the internet",
      bad: add("aws:chime/voiceConnectorOrigination:VoiceConnectorOrigination", "calls", {
        voiceConnectorId: "abcdef1ghij2klmno3pqr4",
        routes: [
          { host: "sip.partner.example", port: 5060, protocol: "UDP", priority: 1, weight: 1 },
        ],
      }),
      expected: [
        [
          "remote-sites",
          "calls",
          "mandatory",
          [
            inside,
            'chime voice connector origination "calls"',
            '"sip.partner.example" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it routes them to a SIP host on an allowlisted address",
      twin: add("aws:chime/voiceConnectorOrigination:VoiceConnectorOrigination", "calls", {
        voiceConnectorId: "abcdef1ghij2klmno3pqr4",
        routes: [{ host: "198.51.100.9", port: 443, protocol: "TCP", priority: 1, weight: 1 }],
      }),
    },
    // Found by the media bench: a host built from the program's own address (its session border
    // controller's interface) failed closed as a value "not known before deployment".
    {
      name: "a voice connector routes inbound calls to the program's network interface in Frankfurt",
      bad: pipe(
        addProvider("aws", "frankfurt", { region: "eu-central-1" }),
        add(
          "aws:ec2/networkInterface:NetworkInterface",
          "sbc",
          { subnetId: "subnet-0f1e2d3c" },
          { provider: "frankfurt" },
        ),
        add("aws:chime/voiceConnectorOrigination:VoiceConnectorOrigination", "calls", {
          voiceConnectorId: "abcdef1ghij2klmno3pqr4",
          routes: [{ host: unknown, port: 5060, protocol: "UDP", priority: 1, weight: 1 }],
        }),
        (plan: Plan) => withDependencies(plan, "calls", { routes: ["sbc"] }),
      ),
      expected: [
        [
          "named-destinations",
          "calls",
          "mandatory",
          [
            inside,
            'chime voice connector origination "calls"',
            'ec2 network interface "sbc" in eu-central-1 (outside US, in EU)',
          ],
        ],
        [
          "resource-placement",
          "frankfurt",
          "mandatory",
          ['aws provider "frankfurt"', "eu-central-1 (outside US, in EU)"],
        ],
        [
          "resource-placement",
          "sbc",
          "mandatory",
          ['ec2 network interface "sbc"', "eu-central-1 (outside US, in EU)"],
        ],
      ],
      twinName: "it routes them to the program's network interface in Oregon",
      twin: pipe(
        add("aws:ec2/networkInterface:NetworkInterface", "sbc", { subnetId: "subnet-records" }),
        add("aws:chime/voiceConnectorOrigination:VoiceConnectorOrigination", "calls", {
          voiceConnectorId: "abcdef1ghij2klmno3pqr4",
          routes: [{ host: unknown, port: 5060, protocol: "UDP", priority: 1, weight: 1 }],
        }),
        (plan: Plan) => withDependencies(plan, "calls", { routes: ["sbc"] }),
      ),
    },
    {
      name: "an Outpost's local gateway routes all traffic to the on-premises network",
      bad: add("aws:ec2/localGatewayRoute:LocalGatewayRoute", "onprem-default", {
        destinationCidrBlock: "0.0.0.0/0",
        localGatewayRouteTableId: "lgw-rtb-0a1b2c3d",
        localGatewayVirtualInterfaceGroupId: "lgw-vif-grp-0a1b2c3d",
      }),
      expected: [
        [
          "remote-sites",
          "onprem-default",
          "mandatory",
          [
            inside,
            'ec2 local gateway route "onprem-default"',
            "all traffic (0.0.0.0/0) to the Outpost's on-premises network",
          ],
        ],
      ],
      twinName: "it routes only the on-premises network's own prefix",
      twin: add("aws:ec2/localGatewayRoute:LocalGatewayRoute", "onprem-default", {
        destinationCidrBlock: "10.50.0.0/16",
        localGatewayRouteTableId: "lgw-rtb-0a1b2c3d",
        localGatewayVirtualInterfaceGroupId: "lgw-vif-grp-0a1b2c3d",
      }),
    },
    {
      name: "a Direct Connect link aggregation group is ordered at a location the stack does not declare",
      bad: add("aws:directconnect/linkAggregationGroup:LinkAggregationGroup", "lag", {
        connectionsBandwidth: "10Gbps",
        location: "EqFA5",
      }),
      expected: [
        [
          "remote-sites",
          "lag",
          "mandatory",
          [inside, 'directconnect link aggregation group "lag"', '"EqFA5" (cannot be placed)'],
        ],
      ],
      twinName: "it is ordered at a location the stack declares in the US (Equinix DC2, Virginia)",
      twin: add("aws:directconnect/linkAggregationGroup:LinkAggregationGroup", "lag", {
        connectionsBandwidth: "10Gbps",
        location: "EqDC2",
      }),
      twinSettings: declaredFacility,
    },
    {
      name: "the default subnet gives instances public IPs",
      bad: add("aws:ec2/defaultSubnet:DefaultSubnet", "default-a", {
        availabilityZone: "us-west-2a",
        mapPublicIpOnLaunch: true,
      }),
      expected: [
        ["internet-egress", "default-a", "mandatory", internet('ec2 default subnet "default-a"')],
      ],
      twinName: "the default subnet gives them none",
      twin: add("aws:ec2/defaultSubnet:DefaultSubnet", "default-a", {
        availabilityZone: "us-west-2a",
        mapPublicIpOnLaunch: false,
      }),
    },
    {
      name: "the default subnet is adopted as it is, mapping public IPs on launch",
      bad: add("aws:ec2/defaultSubnet:DefaultSubnet", "default-a", {
        availabilityZone: "us-west-2a",
      }),
      expected: [
        ["internet-egress", "default-a", "mandatory", internet('ec2 default subnet "default-a"')],
      ],
      twinName: "the adopted default subnet is told to give no public IPs",
      twin: add("aws:ec2/defaultSubnet:DefaultSubnet", "default-a", {
        availabilityZone: "us-west-2a",
        mapPublicIpOnLaunch: false,
      }),
    },
    {
      name: "a spot fleet gives its instances public IPs",
      bad: add("aws:ec2/spotFleetRequest:SpotFleetRequest", "batch", {
        iamFleetRole: `arn:aws:iam::${account}:role/spot-fleet`,
        targetCapacity: 2,
        launchSpecifications: [
          {
            ami: "ami-records",
            instanceType: "m5.large",
            subnetId: "subnet-records-a",
            associatePublicIpAddress: true,
          },
        ],
      }),
      expected: [
        ["internet-egress", "batch", "mandatory", internet('ec2 spot fleet request "batch"')],
      ],
      twinName: "its instances get only private addresses",
      twin: add("aws:ec2/spotFleetRequest:SpotFleetRequest", "batch", {
        iamFleetRole: `arn:aws:iam::${account}:role/spot-fleet`,
        targetCapacity: 2,
        launchSpecifications: [
          {
            ami: "ami-records",
            instanceType: "m5.large",
            subnetId: "subnet-records-a",
            associatePublicIpAddress: false,
          },
        ],
      }),
    },
    {
      name: "a spot fleet's launch specification names no subnet: its instances land in the default VPC",
      bad: add("aws:ec2/spotFleetRequest:SpotFleetRequest", "batch", {
        iamFleetRole: `arn:aws:iam::${account}:role/spot-fleet`,
        targetCapacity: 2,
        launchSpecifications: [
          {
            ami: "ami-records",
            instanceType: "m5.large",
            subnetId: "subnet-records-a",
          },
          { ami: "ami-records", instanceType: "m5.large", availabilityZone: "us-west-2b" },
        ],
      }),
      expected: [
        ["internet-egress", "batch", "mandatory", internet('ec2 spot fleet request "batch"')],
      ],
      // A subnet not known at preview is one the program names.
      twinName: "every launch specification names a subnet of the stack",
      twin: add("aws:ec2/spotFleetRequest:SpotFleetRequest", "batch", {
        iamFleetRole: `arn:aws:iam::${account}:role/spot-fleet`,
        targetCapacity: 2,
        launchSpecifications: [
          { ami: "ami-records", instanceType: "m5.large", subnetId: "subnet-records-a" },
          { ami: "ami-records", instanceType: "m5.large", subnetId: unknown },
        ],
      }),
    },
    {
      // The provider sends associatePublicIpAddress only when it is true: the default subnet's
      // own setting gives the instances their public addresses.
      name: "a spot fleet in the default VPC asks for no public IP, and gets one all the same",
      bad: add("aws:ec2/spotFleetRequest:SpotFleetRequest", "batch", {
        iamFleetRole: `arn:aws:iam::${account}:role/spot-fleet`,
        targetCapacity: 2,
        launchSpecifications: [
          { ami: "ami-records", instanceType: "m5.large", associatePublicIpAddress: false },
        ],
      }),
      expected: [
        ["internet-egress", "batch", "mandatory", internet('ec2 spot fleet request "batch"')],
      ],
      twinName: "a fleet of launch templates is placed by its templates",
      twin: add("aws:ec2/spotFleetRequest:SpotFleetRequest", "batch", {
        iamFleetRole: `arn:aws:iam::${account}:role/spot-fleet`,
        targetCapacity: 2,
        launchTemplateConfigs: [
          { launchTemplateSpecification: { id: "lt-records", version: "1" } },
        ],
      }),
    },
    {
      name: "an AppStream fleet gives its instances default internet access",
      bad: add("aws:appstream/fleet:Fleet", "desktops", {
        instanceType: "stream.standard.small",
        computeCapacity: { desiredInstances: 1 },
        enableDefaultInternetAccess: true,
      }),
      expected: [
        ["internet-egress", "desktops", "mandatory", internet('appstream fleet "desktops"')],
      ],
      twinName: "the fleet runs in the stack's private subnets without internet access",
      twin: add("aws:appstream/fleet:Fleet", "desktops", {
        instanceType: "stream.standard.small",
        computeCapacity: { desiredInstances: 1 },
        enableDefaultInternetAccess: false,
        vpcConfig: { subnetIds: ["subnet-records-a"] },
      }),
    },
    {
      name: "an AppStream image builder gets default internet access",
      bad: add("aws:appstream/imageBuilder:ImageBuilder", "image", {
        instanceType: "stream.standard.small",
        imageName: "AppStream-WinServer2019-06-12-2023",
        enableDefaultInternetAccess: true,
      }),
      expected: [
        ["internet-egress", "image", "mandatory", internet('appstream image builder "image"')],
      ],
      twinName: "the image builder runs in the stack's private subnet without internet access",
      twin: add("aws:appstream/imageBuilder:ImageBuilder", "image", {
        instanceType: "stream.standard.small",
        imageName: "AppStream-WinServer2019-06-12-2023",
        enableDefaultInternetAccess: false,
        vpcConfig: { subnetIds: ["subnet-records-a"] },
      }),
    },
    {
      name: "DRS replication servers get public IPs",
      bad: add(
        "aws:drs/replicationConfigurationTemplate:ReplicationConfigurationTemplate",
        "drs",
        drsTemplate(true),
      ),
      expected: [
        [
          "internet-egress",
          "drs",
          "mandatory",
          internet('drs replication configuration template "drs"'),
        ],
      ],
      twinName: "they replicate over private addresses",
      twin: add(
        "aws:drs/replicationConfigurationTemplate:ReplicationConfigurationTemplate",
        "drs",
        drsTemplate(false),
      ),
    },
  ]);

  function drsTemplate(publicIp: boolean): Props {
    return {
      associateDefaultSecurityGroup: true,
      bandwidthThrottling: 0,
      createPublicIp: publicIp,
      dataPlaneRouting: publicIp ? "PUBLIC_IP" : "PRIVATE_IP",
      defaultLargeStagingDiskType: "GP3",
      ebsEncryption: "DEFAULT",
      replicationServerInstanceType: "t3.small",
      replicationServersSecurityGroupsIds: ["sg-records"],
      stagingAreaSubnetId: "subnet-records-a",
      stagingAreaTags: {},
      useDedicatedReplicationServer: false,
    };
  }
});

describe("model data, knowledge sources, media, reports and repository hosts", () => {
  const inside = "us-west-2 (inside US)";
  const role = (name: string) => `arn:aws:iam::${account}:role/${name}`;
  const abroad = (value: string) => `"${value}" (cannot be placed)`;
  /** A case whose bad and twin differ only in the value built by `at`. */
  const swap = (type: string, name: string, at: (v: string) => Props) => ({
    bad: (v: string) => add(type, name, at(v)),
    twin: (v: string) => add(type, name, at(v)),
  });
  const customModel = swap("aws:bedrock/customModel:CustomModel", "tuned", (out) => ({
    baseModelIdentifier: "arn:aws:bedrock:us-west-2::foundation-model/amazon.titan-text-express-v1",
    customModelName: "tuned",
    jobName: "tuned-job",
    roleArn: role("bedrock"),
    hyperparameters: { epochCount: "1" },
    trainingDataConfig: { s3Uri: "s3://sdc-records/training/data.jsonl" },
    outputDataConfig: { s3Uri: out },
  }));
  const invocationJob = swap("aws:bedrockmodel/invocationJob:InvocationJob", "batch", (owner) => ({
    name: "batch",
    modelId: "anthropic.claude-3-haiku-20240307-v1:0",
    roleArn: role("bedrock"),
    inputDataConfig: {
      s3InputDataConfig: { s3Uri: "s3://sdc-records/prompts/", s3BucketOwner: account },
    },
    outputDataConfig: {
      s3OutputDataConfig: { s3Uri: "s3://sdc-records-logs/answers/", s3BucketOwner: owner },
    },
  }));
  const knowledgeBase = (storageConfiguration: Props) =>
    add("aws:bedrock/agentKnowledgeBase:AgentKnowledgeBase", "kb", {
      name: "kb",
      roleArn: role("bedrock"),
      knowledgeBaseConfiguration: {
        type: "VECTOR",
        vectorKnowledgeBaseConfiguration: {
          embeddingModelArn:
            "arn:aws:bedrock:us-west-2::foundation-model/amazon.titan-embed-text-v2:0",
        },
      },
      storageConfiguration,
    });
  const fieldMapping = { metadataField: "meta", textField: "text", vectorField: "vec" };
  const webSource = (url: string) =>
    add("aws:bedrock/agentDataSource:AgentDataSource", "docs", {
      knowledgeBaseId: "KB12345678",
      name: "docs",
      dataSourceConfiguration: {
        type: "WEB",
        webConfiguration: {
          sourceConfiguration: { urlConfiguration: { seedUrls: [{ url }] } },
        },
      },
    });
  /** A Kendra data source declared by a connector template (`template`, as JSON). */
  const kendraTemplate = (template: Props) =>
    add("aws:kendra/dataSource:DataSource", "docs-index", {
      indexId: "0a1b2c3d",
      name: "docs",
      type: "TEMPLATE",
      roleArn: role("kendra"),
      configuration: { templateConfiguration: { template: JSON.stringify(template) } },
    });
  const kendraSource = (configuration: Props) =>
    add("aws:kendra/dataSource:DataSource", "docs-index", {
      indexId: "0a1b2c3d",
      name: "docs",
      type: configuration.s3Configuration ? "S3" : "WEBCRAWLER",
      roleArn: role("kendra"),
      configuration,
    });
  const pipeline = swap("aws:elastictranscoder/pipeline:Pipeline", "media", (out) => ({
    inputBucket: "sdc-records",
    outputBucket: out,
    role: role("transcoder"),
  }));
  const headers = (reportUri: string) =>
    add("aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy", "headers", {
      name: "headers",
      securityHeadersConfig: {
        xssProtection: { override: true, protection: true, modeBlock: true, reportUri },
      },
    });
  const ghe = (type: string, endpoint: string) =>
    add(type, "ghe", {
      name: "ghe",
      providerEndpoint: endpoint,
      providerType: "GitHubEnterpriseServer",
    });

  runCases(pack, () => happy, us, [
    {
      name: "a Kendra connector template crawls a website",
      bad: kendraTemplate({
        type: "WEBCRAWLERV2",
        connectionConfiguration: {
          repositoryEndpointMetadata: {
            seedUrlConnections: [{ seedUrl: "https://docs.partner.example" }],
          },
        },
      }),
      expected: [
        [
          "log-shipping",
          "docs-index",
          "mandatory",
          [
            'the "WEBCRAWLERV2" source its connector template names (outside the cloud)',
            'kendra data source "docs-index"',
            "us-west-2 (inside US)",
          ],
        ],
      ],
      twinName: "its S3 template indexes a bucket of the program",
      twin: kendraTemplate({
        type: "S3",
        connectionConfiguration: { repositoryEndpointMetadata: { BucketName: "sdc-records" } },
      }),
    },
    {
      name: "a Kendra S3 connector template indexes a bucket the program does not create",
      bad: kendraTemplate({
        type: "S3",
        connectionConfiguration: { repositoryEndpointMetadata: { BucketName: "docs-abroad" } },
      }),
      expected: [
        [
          "named-destinations",
          "docs-index",
          "mandatory",
          [
            '"docs-abroad" (cannot be placed)',
            'kendra data source "docs-index"',
            "us-west-2 (inside US)",
          ],
        ],
      ],
      twinName: "the template's bucket is the program's",
      twin: kendraTemplate({
        type: "S3",
        connectionConfiguration: { repositoryEndpointMetadata: { BucketName: "sdc-records" } },
      }),
    },
    {
      name: "a Kendra web crawler crawls the documents a sitemap on the internet lists",
      bad: kendraSource({
        webCrawlerConfiguration: {
          urls: {
            siteMapsConfiguration: { siteMaps: ["https://docs.partner.example/sitemap.xml"] },
          },
        },
      }),
      expected: [
        [
          "log-shipping",
          "docs-index",
          "mandatory",
          [
            '"https://docs.partner.example/sitemap.xml" (cannot be placed)',
            'kendra data source "docs-index"',
            "us-west-2 (inside US)",
          ],
        ],
      ],
      twinName: "it indexes a bucket of the program instead",
      twin: kendraSource({ s3Configuration: { bucketName: "sdc-records" } }),
    },
    {
      name: "a model customisation job writes its output to a bucket the program does not create",
      bad: customModel.bad("s3://tuning-abroad/out/"),
      expected: [
        [
          "named-destinations",
          "tuned",
          "mandatory",
          [inside, 'bedrock custom model "tuned"', abroad("s3://tuning-abroad/out/")],
        ],
      ],
      twinName: "it writes it to the program's log bucket",
      twin: customModel.twin("s3://sdc-records-logs/out/"),
    },
    {
      name: "a batch inference job writes model answers to a bucket of another account",
      bad: invocationJob.bad("444455556666"),
      expected: [
        [
          "log-shipping",
          "batch",
          "mandatory",
          [
            inside,
            'bedrockmodel invocation job "batch"',
            `account 444455556666 (not this stack's account ${account})`,
          ],
        ],
      ],
      twinName: "the bucket is the stack's own account's",
      twin: invocationJob.twin(account),
    },
    {
      name: "a knowledge base keeps its embeddings in MongoDB Atlas",
      bad: knowledgeBase({
        type: "MONGO_DB_ATLAS",
        mongoDbAtlasConfiguration: {
          collectionName: "docs",
          credentialsSecretArn: `arn:aws:secretsmanager:us-west-2:${account}:secret:atlas`,
          databaseName: "kb",
          endpoint: "cluster0.abcde.mongodb.net",
          vectorIndexName: "vec",
          fieldMapping,
        },
      }),
      expected: [
        [
          "log-shipping",
          "kb",
          "mandatory",
          [inside, 'bedrock agent knowledge base "kb"', abroad("cluster0.abcde.mongodb.net")],
        ],
      ],
      twinName: "it keeps them in an OpenSearch Serverless collection in Oregon",
      twin: knowledgeBase({
        type: "OPENSEARCH_SERVERLESS",
        opensearchServerlessConfiguration: {
          collectionArn: `arn:aws:aoss:us-west-2:${account}:collection/kbdocs`,
          vectorIndexName: "vec",
          fieldMapping,
        },
      }),
    },
    {
      name: "a knowledge base crawls documents from the web",
      bad: webSource("https://docs.partner.example"),
      expected: [
        [
          "log-shipping",
          "docs",
          "mandatory",
          [abroad("https://docs.partner.example"), 'bedrock agent data source "docs"', inside],
        ],
      ],
      twinName: "it crawls an API of the program behind a regional endpoint in Oregon",
      twin: webSource("https://a1b2c3d4e5.execute-api.us-west-2.amazonaws.com/docs"),
    },
    {
      name: "a Kendra index crawls documents from the web",
      bad: kendraSource({
        webCrawlerConfiguration: {
          urls: { seedUrlConfiguration: { seedUrls: ["https://docs.partner.example"] } },
        },
      }),
      expected: [
        [
          "log-shipping",
          "docs-index",
          "mandatory",
          [abroad("https://docs.partner.example"), 'kendra data source "docs-index"', inside],
        ],
      ],
      twinName: "it indexes the program's bucket",
      twin: kendraSource({ s3Configuration: { bucketName: "sdc-records" } }),
    },
    {
      name: "a transcoding pipeline writes to a bucket the program does not create",
      bad: pipeline.bad("media-abroad"),
      expected: [
        [
          "named-destinations",
          "media",
          "mandatory",
          [inside, 'elastictranscoder pipeline "media"', abroad("media-abroad")],
        ],
      ],
      twinName: "it writes to the program's log bucket",
      twin: pipeline.twin("sdc-records-logs"),
    },
    {
      name: "an EMR Studio keeps notebooks in a bucket the program does not create",
      bad: add("aws:emr/studio:Studio", "studio", {
        name: "studio",
        authMode: "IAM",
        serviceRole: role("emr-studio"),
        vpcId: "vpc-records",
        subnetIds: ["subnet-records-a"],
        engineSecurityGroupId: "sg-records",
        workspaceSecurityGroupId: "sg-records",
        defaultS3Location: "s3://notebooks-abroad/studio",
      }),
      expected: [
        [
          "named-destinations",
          "studio",
          "mandatory",
          [inside, 'emr studio "studio"', abroad("s3://notebooks-abroad/studio")],
        ],
      ],
      twinName: "it keeps them in the program's bucket",
      twin: add("aws:emr/studio:Studio", "studio", {
        name: "studio",
        authMode: "IAM",
        serviceRole: role("emr-studio"),
        vpcId: "vpc-records",
        subnetIds: ["subnet-records-a"],
        engineSecurityGroupId: "sg-records",
        workspaceSecurityGroupId: "sg-records",
        defaultS3Location: "s3://sdc-records/studio",
      }),
    },
    {
      name: "an Audit Manager assessment writes reports to a bucket the program does not create",
      bad: add("aws:auditmanager/assessment:Assessment", "soc2", {
        name: "soc2",
        frameworkId: "0a1b2c3d",
        roles: [{ roleArn: role("audit"), roleType: "PROCESS_OWNER" }],
        scope: { awsAccounts: [{ id: account }], awsServices: [{ serviceName: "S3" }] },
        assessmentReportsDestination: {
          destination: "s3://audit-abroad",
          destinationType: "S3",
        },
      }),
      expected: [
        [
          "named-destinations",
          "soc2",
          "mandatory",
          [inside, 'auditmanager assessment "soc2"', abroad("s3://audit-abroad")],
        ],
      ],
      twinName: "it writes them to the program's log bucket",
      twin: add("aws:auditmanager/assessment:Assessment", "soc2", {
        name: "soc2",
        frameworkId: "0a1b2c3d",
        roles: [{ roleArn: role("audit"), roleType: "PROCESS_OWNER" }],
        scope: { awsAccounts: [{ id: account }], awsServices: [{ serviceName: "S3" }] },
        assessmentReportsDestination: {
          destination: "s3://sdc-records-logs/audit/",
          destinationType: "S3",
        },
      }),
    },
    {
      name: "browsers report blocked pages to a collector on the internet",
      bad: headers("https://reports.partner.example/xss"),
      expected: [
        [
          "log-shipping",
          "headers",
          "mandatory",
          [
            "a global service",
            'cloudfront response headers policy "headers"',
            abroad("https://reports.partner.example/xss"),
          ],
        ],
      ],
      twinName: "they report to an API of the program in Oregon",
      twin: headers("https://a1b2c3d4e5.execute-api.us-west-2.amazonaws.com/xss"),
    },
    {
      name: "a connection host reaches a repository server on the internet",
      bad: ghe("aws:codestarconnections/host:Host", "https://git.partner.example"),
      expected: [
        [
          "remote-sites",
          "ghe",
          "mandatory",
          [inside, 'codestarconnections host "ghe"', abroad("https://git.partner.example")],
        ],
      ],
      twinName: "the repository server is on an allowlisted address",
      twin: ghe("aws:codestarconnections/host:Host", "https://198.51.100.20"),
    },
    {
      name: "a CodeConnections host reaches a repository server on the internet",
      bad: ghe("aws:codeconnections/host:Host", "https://git.partner.example"),
      expected: [
        [
          "remote-sites",
          "ghe",
          "mandatory",
          [inside, 'codeconnections host "ghe"', abroad("https://git.partner.example")],
        ],
      ],
      twinName: "the repository server is on an allowlisted address",
      twin: ghe("aws:codeconnections/host:Host", "https://198.51.100.20"),
    },
    {
      name: "CodeGuru reviews a Bitbucket Cloud repository",
      bad: add("aws:codegurureviewer/repositoryAssociation:RepositoryAssociation", "review", {
        repository: {
          bitbucket: {
            name: "orders",
            owner: "records",
            connectionArn: `arn:aws:codestar-connections:us-west-2:${account}:connection/0a1b`,
          },
        },
      }),
      expected: [
        [
          "log-shipping",
          "review",
          "mandatory",
          [
            inside,
            'codegurureviewer repository association "review"',
            "a Bitbucket Cloud repository (outside the cloud)",
          ],
        ],
      ],
      twinName: "it reviews code held in the program's bucket",
      twin: add("aws:codegurureviewer/repositoryAssociation:RepositoryAssociation", "review", {
        repository: { s3Bucket: { bucketName: "sdc-records", name: "orders" } },
      }),
    },
  ]);
});

describe("AppFlow transfers, streaming storage and multi-tenant CloudFront", () => {
  const inside = "us-west-2 (inside US)";
  const edges = "CloudFront edge locations outside the jurisdiction";
  const flow = (destination: Props) =>
    add("aws:appflow/flow:Flow", "leads", {
      name: "leads",
      sourceFlowConfig: {
        connectorType: "S3",
        sourceConnectorProperties: { s3: { bucketName: "sdc-records", bucketPrefix: "leads" } },
      },
      destinationFlowConfigs: [destination],
      tasks: [{ sourceFields: ["id"], taskType: "Map", destinationField: "id" }],
      triggerConfig: { triggerType: "OnDemand" },
    });
  const profile = (connectorType: string, properties: Props) =>
    add("aws:appflow/connectorProfile:ConnectorProfile", "crm", {
      name: "crm",
      connectionMode: "Public",
      connectorType,
      connectorProfileConfig: {
        connectorProfileCredentials: {},
        connectorProfileProperties: properties,
      },
    });
  const stack = (connectorType: string) =>
    add("aws:appstream/stack:Stack", "desktops", {
      name: "desktops",
      storageConnectors: [
        {
          connectorType,
          ...(connectorType === "HOMEFOLDERS" ? {} : { domains: ["records.example"] }),
        },
      ],
    });

  runCases(pack, () => happy, us, [
    {
      name: "an AppFlow flow sends the bucket's records to Salesforce",
      bad: flow({
        connectorType: "Salesforce",
        connectorProfileName: "crm",
        destinationConnectorProperties: { salesforce: { object: "Lead" } },
      }),
      expected: [
        [
          "log-shipping",
          "leads",
          "mandatory",
          [inside, 'appflow flow "leads"', "a SaaS application outside the cloud"],
        ],
      ],
      twinName: "it sends them to the program's log bucket",
      twin: flow({
        connectorType: "S3",
        destinationConnectorProperties: { s3: { bucketName: "sdc-records-logs" } },
      }),
    },
    {
      name: "an AppFlow flow writes to a bucket the program does not create",
      bad: flow({
        connectorType: "S3",
        destinationConnectorProperties: { s3: { bucketName: "leads-abroad" } },
      }),
      expected: [
        [
          "named-destinations",
          "leads",
          "mandatory",
          [inside, 'appflow flow "leads"', '"leads-abroad" (cannot be placed)'],
        ],
      ],
      twinName: "it writes to the program's log bucket",
      twin: flow({
        connectorType: "S3",
        destinationConnectorProperties: { s3: { bucketName: "sdc-records-logs" } },
      }),
    },
    {
      name: "an AppFlow connector profile connects to a Salesforce instance",
      bad: profile("Salesforce", {
        salesforce: { instanceUrl: "https://records.my.salesforce.com" },
      }),
      expected: [
        [
          "log-shipping",
          "crm",
          "mandatory",
          [
            inside,
            'appflow connector profile "crm"',
            '"https://records.my.salesforce.com" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it connects to a Snowflake account in Oregon, staging in the program's bucket",
      twin: profile("Snowflake", {
        snowflake: {
          bucketName: "sdc-records-logs",
          region: "us-west-2",
          stage: "records.public.appflow",
          warehouse: "records_wh",
        },
      }),
    },
    {
      name: "an AppFlow connector profile connects to a Snowflake account in Frankfurt",
      bad: profile("Snowflake", {
        snowflake: {
          bucketName: "sdc-records-logs",
          region: "eu-central-1",
          stage: "records.public.appflow",
          warehouse: "records_wh",
        },
      }),
      expected: [
        [
          "log-shipping",
          "crm",
          "mandatory",
          [inside, 'appflow connector profile "crm"', "eu-central-1 (outside US, in EU)"],
        ],
      ],
      twinName: "the Snowflake account is in Virginia",
      twin: profile("Snowflake", {
        snowflake: {
          bucketName: "sdc-records-logs",
          region: "us-east-1",
          stage: "records.public.appflow",
          warehouse: "records_wh",
        },
      }),
    },
    {
      name: "an AppStream stack lets users save files to Google Drive",
      bad: stack("GOOGLE_DRIVE"),
      expected: [
        [
          "log-shipping",
          "desktops",
          "mandatory",
          [
            inside,
            'appstream stack "desktops"',
            "Google Drive or OneDrive accounts (outside the cloud)",
          ],
        ],
      ],
      twinName: "it offers only home folders",
      twin: stack("HOMEFOLDERS"),
    },
    {
      name: "a multi-tenant CloudFront distribution serves the bucket",
      bad: add("aws:cloudfront/multitenantDistribution:MultitenantDistribution", "saas-cdn", {
        enabled: true,
        origins: [{ domainName: "sdc-records.s3.us-west-2.amazonaws.com", id: "records" }],
      }),
      expected: [
        [
          "global-services",
          "saas-cdn",
          "mandatory",
          ['cloudfront multitenant distribution "saas-cdn"', edges],
        ],
      ],
      twinName: "it is created in GovCloud, whose CloudFront serves from the United States",
      twin: pipe(
        addProvider("aws", "govcloud", { region: "us-gov-west-1" }),
        add(
          "aws:cloudfront/multitenantDistribution:MultitenantDistribution",
          "saas-cdn",
          {
            enabled: true,
            origins: [{ domainName: "sdc-records.s3.us-gov-west-1.amazonaws.com", id: "records" }],
          },
          { provider: "govcloud" },
        ),
      ),
    },
    {
      name: "a tenant of a multi-tenant distribution serves its domain",
      bad: add("aws:cloudfront/distributionTenant:DistributionTenant", "tenant-a", {
        name: "tenant-a",
        distributionId: "E1A2B3C4D5",
        domains: [{ domain: "a.records.example" }],
        enabled: true,
      }),
      expected: [
        [
          "global-services",
          "tenant-a",
          "mandatory",
          ['cloudfront distribution tenant "tenant-a"', edges],
        ],
      ],
      twinName: "the tenant is created in GovCloud",
      twin: pipe(
        addProvider("aws", "govcloud", { region: "us-gov-west-1" }),
        add(
          "aws:cloudfront/distributionTenant:DistributionTenant",
          "tenant-a",
          {
            name: "tenant-a",
            distributionId: "E1A2B3C4D5",
            domains: [{ domain: "a.records.example" }],
            enabled: true,
          },
          { provider: "govcloud" },
        ),
      ),
    },
  ]);
});

describe("agent tools and flows, clean rooms and Direct Connect gateway proposals", () => {
  const inside = "us-west-2 (inside US)";
  const other = "999988887777";
  const gatewayTarget = (endpoint: string) =>
    add("aws:bedrock/agentcoreGatewayTarget:AgentcoreGatewayTarget", "orders-tools", {
      gatewayIdentifier: "gw-0a1b2c3d",
      name: "orders-tools",
      targetConfiguration: { mcp: { mcpServer: { endpoint } } },
    });
  /** An OpenAPI 3 document (YAML, as teams write them) whose one server is `url`. */
  const openApi = (url: string) =>
    [
      "openapi: 3.0.0",
      "info: { title: Orders, version: '1.0' }",
      "servers:",
      `  - url: ${url}`,
      "paths:",
      "  /orders/{id}:",
      "    get:",
      "      operationId: getOrder",
      "      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]",
      "      responses: { '200': { description: The order } }",
      "",
    ].join("\n");
  const openApiTarget = (openApiSchema: Record<string, unknown>) =>
    add("aws:bedrock/agentcoreGatewayTarget:AgentcoreGatewayTarget", "orders-api", {
      gatewayIdentifier: "gw-0a1b2c3d",
      name: "orders-api",
      targetConfiguration: { mcp: { openApiSchema } },
    });
  const secret = `arn:aws:secretsmanager:us-west-2:${account}:secret:model-key`;
  /** An agent harness whose model is `model`. */
  const harnessModel = (model: Props) =>
    add("aws:bedrock/agentcoreHarness:AgentcoreHarness", "assistant", { name: "assistant", model });
  const harness = (url: string) =>
    add("aws:bedrock/agentcoreHarness:AgentcoreHarness", "assistant", {
      name: "assistant",
      tools: [{ name: "search", type: "remote_mcp", config: { remoteMcp: { url } } }],
    });
  const agentFlow = (bucketName: string) =>
    add("aws:bedrock/agentFlow:AgentFlow", "triage", {
      name: "triage",
      executionRoleArn: `arn:aws:iam::${account}:role/flows`,
      definition: {
        nodes: [
          {
            name: "save",
            type: "Storage",
            configuration: { storage: { serviceConfiguration: { s3: { bucketName } } } },
          },
        ],
      },
    });
  const collaboration = (memberAccount: string) =>
    add("aws:cleanrooms/collaboration:Collaboration", "research", {
      name: "research",
      creatorDisplayName: "Records",
      creatorMemberAbilities: ["CAN_QUERY", "CAN_RECEIVE_RESULTS"],
      description: "Shared analysis",
      queryLogStatus: "DISABLED",
      members: [{ accountId: memberAccount, displayName: "Analyst", memberAbilities: [] }],
    });
  const proposal = (owner: string) =>
    add("aws:directconnect/gatewayAssociationProposal:GatewayAssociationProposal", "dx-proposal", {
      dxGatewayId: "dx-gw-0a1b2c3d",
      dxGatewayOwnerAccountId: owner,
      associatedGatewayId: "tgw-records",
    });

  runCases(pack, () => happy, us, [
    {
      name: "an agent gateway sends tool calls to an MCP server on the internet",
      bad: gatewayTarget("https://mcp.partner.example/mcp"),
      expected: [
        [
          "log-shipping",
          "orders-tools",
          "mandatory",
          [
            inside,
            'bedrock agentcore gateway target "orders-tools"',
            '"https://mcp.partner.example/mcp" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it sends them to an agent runtime endpoint in Oregon",
      twin: gatewayTarget("https://bedrock-agentcore.us-west-2.amazonaws.com/runtimes/orders/mcp"),
    },
    {
      name: "an OpenAPI tool target's inline schema names an API server on the internet",
      bad: openApiTarget({ inlinePayload: { payload: openApi("https://api.partner.example/v1") } }),
      expected: [
        [
          "log-shipping",
          "orders-api",
          "mandatory",
          [
            inside,
            'bedrock agentcore gateway target "orders-api"',
            '"https://api.partner.example/v1" (cannot be placed)',
          ],
        ],
      ],
      twinName: "the schema's server is an API of the program in Oregon",
      twin: openApiTarget({
        inlinePayload: {
          payload: openApi("https://a1b2c3d4e5.execute-api.us-west-2.amazonaws.com/prod"),
        },
      }),
    },
    {
      name: "an OpenAPI tool target's schema is kept in S3, where the pack cannot read its servers",
      bad: openApiTarget({ s3: { uri: "s3://sdc-records/schemas/orders.json" } }),
      expected: [
        [
          "log-shipping",
          "orders-api",
          "mandatory",
          [
            inside,
            'bedrock agentcore gateway target "orders-api"',
            "the servers of an OpenAPI schema kept in S3 (cannot be placed)",
          ],
        ],
      ],
      twinName: "the schema is inline",
      twin: openApiTarget({
        inlinePayload: {
          payload: openApi("https://a1b2c3d4e5.execute-api.us-west-2.amazonaws.com/prod"),
        },
      }),
    },
    ...(
      [
        [
          "an OpenAI model",
          { openaiModelConfig: { modelId: "gpt-5", apiKeyArn: secret } },
          "OpenAI's API (outside the cloud)",
        ],
        [
          "a Gemini model",
          { geminiModelConfig: { modelId: "gemini-2.5-pro", apiKeyArn: secret } },
          "Google's Gemini API (outside the cloud)",
        ],
        [
          "a model behind LiteLLM's default routing",
          { litellmModelConfig: { modelId: "anthropic/claude" } },
          "the model provider LiteLLM routes to (outside the cloud)",
        ],
        [
          "a LiteLLM endpoint on the internet",
          { litellmModelConfig: { modelId: "m", apiBase: "https://llm.partner.example/v1" } },
          '"https://llm.partner.example/v1" (cannot be placed)',
        ],
      ] as const
    ).map(([what, model, place]) => ({
      name: `an agent harness sends its prompts to ${what}`,
      bad: harnessModel(model),
      expected: [
        [
          "log-shipping",
          "assistant",
          "mandatory",
          [inside, 'bedrock agentcore harness "assistant"', place],
        ] as Finding,
      ],
      twinName: `its model is Bedrock's in Oregon, not ${what}`,
      twin: harnessModel({ bedrockModelConfig: { modelId: "anthropic.claude-sonnet-4-5-v1:0" } }),
    })),
    {
      name: "an agent harness calls a remote MCP server on the internet",
      bad: harness("https://mcp.partner.example/mcp"),
      expected: [
        [
          "log-shipping",
          "assistant",
          "mandatory",
          [
            inside,
            'bedrock agentcore harness "assistant"',
            '"https://mcp.partner.example/mcp" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it calls a server on an allowlisted address",
      twin: harness("https://198.51.100.30/mcp"),
    },
    {
      name: "a prompt flow stores its output in a bucket the program does not create",
      bad: agentFlow("flow-output-abroad"),
      expected: [
        [
          "named-destinations",
          "triage",
          "mandatory",
          [inside, 'bedrock agent flow "triage"', '"flow-output-abroad" (cannot be placed)'],
        ],
      ],
      twinName: "it stores it in the program's log bucket",
      twin: agentFlow("sdc-records-logs"),
    },
    {
      name: "a gateway association is proposed to another account's Direct Connect gateway",
      bad: proposal(other),
      expected: [
        [
          "network-links",
          "dx-proposal",
          "mandatory",
          [
            inside,
            'directconnect gateway association proposal "dx-proposal"',
            `account ${other} (not this stack's account ${account})`,
          ],
        ],
      ],
      twinName: "the Direct Connect gateway is the stack's own account's",
      twin: proposal(account),
    },
  ]);

  runCasesInBothPostures(pack, () => happy, us, [
    {
      name: "a clean-rooms collaboration admits another account",
      bad: collaboration(other),
      expected: [
        [
          "cross-account-links",
          "research",
          "advisory",
          [
            inside,
            'cleanrooms collaboration "research"',
            `account ${other} (not this stack's account ${account})`,
          ],
        ],
      ],
      twinName: "its only other member is the stack's own account",
      twin: collaboration(account),
    },
  ]);
});

describe("log data protection findings", () => {
  // The program writes the bucket's name into the document from the bucket's output, so the
  // document depends on the bucket (as the SNS data protection policy's case above).
  const policy = (bucket: string) =>
    add(
      "aws:cloudwatch/logDataProtectionPolicy:LogDataProtectionPolicy",
      "orders-masking",
      {
        logGroupName: "/aws/lambda/orders",
        policyDocument: JSON.stringify({
          Name: "orders",
          Version: "2021-06-01",
          Statement: [
            {
              Sid: "audit",
              DataIdentifier: ["arn:aws:dataprotection::aws:data-identifier/EmailAddress"],
              Operation: { Audit: { FindingsDestination: { S3: { Bucket: bucket } } } },
            },
            {
              Sid: "redact",
              DataIdentifier: ["arn:aws:dataprotection::aws:data-identifier/EmailAddress"],
              Operation: { Deidentify: { MaskConfig: {} } },
            },
          ],
        }),
      },
      { dependsOn: bucket === "sdc-records-logs" ? { policyDocument: ["logs"] } : {} },
    );

  runCases(pack, () => happy, us, [
    {
      name: "a log group's data protection policy audits findings into a bucket the program does not create",
      bad: policy("findings-abroad"),
      expected: [
        [
          "named-destinations",
          "orders-masking",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'cloudwatch log data protection policy "orders-masking"',
            '"findings-abroad" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it audits them into the program's log bucket",
      twin: policy("sdc-records-logs"),
    },
  ]);
});

describe("bundles, key stores, home directories and pushed media", () => {
  const authPolicy = (principal: unknown) =>
    add("aws:vpclattice/authPolicy:AuthPolicy", "lattice-auth", {
      resourceIdentifier: "sn-0123456789abcdef0",
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: principal,
            Action: "vpc-lattice-svcs:Invoke",
            Resource: "*",
          },
        ],
      }),
    });
  const replicationConfig = (dnsNameServers: string) =>
    add("aws:dms/replicationConfig:ReplicationConfig", "orders-cdc", {
      replicationConfigIdentifier: "orders-cdc",
      replicationType: "cdc",
      sourceEndpointArn: `arn:aws:dms:us-west-2:${account}:endpoint:SRC`,
      targetEndpointArn: `arn:aws:dms:us-west-2:${account}:endpoint:DST`,
      tableMappings: "{}",
      computeConfig: { replicationSubnetGroupId: "default", dnsNameServers },
    });
  // A program writes a bucket of its own into the mapping from the bucket's output, so the user
  // depends on that bucket (as the log data protection policy's case above).
  const transferUser = (target: string, dependsOn: Record<string, string[]> = {}) =>
    add(
      "aws:transfer/user:User",
      "partner-user",
      {
        serverId: "s-0123456789abcdef0",
        userName: "partner",
        role: `arn:aws:iam::${account}:role/transfer`,
        homeDirectoryType: "LOGICAL",
        homeDirectoryMappings: [{ entry: "/", target }],
      },
      { dependsOn },
    );
  const transferAccess = (homeDirectory: string) =>
    add("aws:transfer/access:Access", "partner-access", {
      serverId: "s-0123456789abcdef0",
      externalId: "S-1-1-12-1234567890-123456789-1234567890-1234",
      role: `arn:aws:iam::${account}:role/transfer`,
      homeDirectoryType: "PATH",
      homeDirectory,
    });
  const objectCopy = (inputs: Props) =>
    add("aws:s3/objectCopy:ObjectCopy", "report-copy", {
      bucket: "sdc-records",
      key: "reports/latest.csv",
      source: "sdc-records-logs/reports/latest.csv",
      ...inputs,
    });
  const channel = (url: string, dependsOn: Record<string, string[]> = {}) =>
    add(
      "aws:medialive/channel:Channel",
      "live",
      {
        name: "live",
        channelClass: "SINGLE_PIPELINE",
        roleArn: `arn:aws:iam::${account}:role/medialive`,
        destinations: [{ id: "out", settings: [{ url }] }],
        encoderSettings: {
          timecodeConfig: { source: "EMBEDDED" },
          outputGroups: [
            {
              outputGroupSettings: {
                archiveGroupSettings: [{ destination: { destinationRefId: "out" } }],
              },
              outputs: [],
            },
          ],
        },
      },
      { dependsOn },
    );
  const amplify = (...customRules: Props[]) =>
    add("aws:amplify/app:App", "web", { name: "web", customRules });
  /** A single-page app's own rule: every path the app lacks serves its index page. */
  const spa = { source: "/<*>", target: "/index.html", status: "404-200" };
  /** The finding of app "web" proxying visitors to `target`, a host that cannot be placed. */
  const proxiedTo = (target: string): Finding[] => [
    [
      "log-shipping",
      "web",
      "mandatory",
      ["us-west-2 (inside US)", 'amplify app "web"', `"${target}" (cannot be placed)`],
    ],
  ];
  const domain = (adminPrivacy: boolean) =>
    add("aws:route53domains/registeredDomain:RegisteredDomain", "brand", {
      domainName: "example.com",
      adminPrivacy,
      adminContact: { email: "ops@example.com", countryCode: "US" },
    });

  runCases(pack, () => happy, us, [
    {
      // The callers of a service network are in the VPCs associated with it or shared to it, all
      // in its region: every account of those, never the internet (a path out it is not).
      name: "a VPC Lattice auth policy lets any caller invoke the service network",
      bad: authPolicy("*"),
      expected: [
        [
          "cross-account-links",
          "lattice-auth",
          "advisory",
          [
            "us-west-2 (inside US)",
            'vpclattice auth policy "lattice-auth"',
            "every account whose VPCs reach the service network (in its region; the pack cannot tell which)",
          ],
        ],
      ],
      twinName: "it allows only a role of the stack's account",
      twin: authPolicy({ AWS: `arn:aws:iam::${account}:role/ops` }),
    },
    {
      name: "a DMS replication resolves its endpoints through a public resolver",
      bad: replicationConfig("10.0.0.2,8.8.8.8"),
      expected: [
        [
          "remote-sites",
          "orders-cdc",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'dms replication config "orders-cdc"',
            '"8.8.8.8" (cannot be placed)',
          ],
        ],
      ],
      twinName: "both resolvers are private addresses",
      twin: replicationConfig("10.0.0.2, 10.0.1.2"),
    },
    {
      name: "a KMS custom key store keeps its keys in an external key manager",
      bad: add("aws:kms/customKeyStore:CustomKeyStore", "xks", {
        customKeyStoreName: "xks",
        customKeyStoreType: "EXTERNAL_KEY_STORE",
        xksProxyConnectivity: "PUBLIC_ENDPOINT",
        xksProxyUriEndpoint: "https://xks.example.com",
        xksProxyUriPath: "/kms/xks/v1",
      }),
      expected: [
        [
          "key-and-secret-replicas",
          "xks",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'kms custom key store "xks"',
            '"https://xks.example.com" (cannot be placed)',
          ],
        ],
      ],
      twinName: "the key store is a CloudHSM cluster of the stack's region",
      twin: add("aws:kms/customKeyStore:CustomKeyStore", "xks", {
        customKeyStoreName: "xks",
        customKeyStoreType: "AWS_CLOUDHSM",
        cloudHsmClusterId: "cluster-abcdefghijk",
        keyStorePassword: "secret",
        trustAnchorCertificate: "-----BEGIN CERTIFICATE-----",
      }),
    },
    {
      name: "a Redshift HSM configuration names an HSM on a public address",
      bad: add("aws:redshift/hsmConfiguration:HsmConfiguration", "hsm", {
        hsmConfigurationIdentifier: "hsm",
        description: "cluster keys",
        hsmIpAddress: "203.0.113.10",
        hsmPartitionName: "p1",
        hsmPartitionPassword: "secret",
        hsmServerPublicCertificate: "-----BEGIN CERTIFICATE-----",
      }),
      expected: [
        [
          "key-and-secret-replicas",
          "hsm",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'redshift hsm configuration "hsm"',
            '"203.0.113.10" (cannot be placed)',
          ],
        ],
      ],
      twinName: "the HSM is on a private address of the stack's network",
      twin: add("aws:redshift/hsmConfiguration:HsmConfiguration", "hsm", {
        hsmConfigurationIdentifier: "hsm",
        description: "cluster keys",
        hsmIpAddress: "10.0.5.10",
        hsmPartitionName: "p1",
        hsmPartitionPassword: "secret",
        hsmServerPublicCertificate: "-----BEGIN CERTIFICATE-----",
      }),
    },
    {
      name: "a Transfer Family user's home directory maps to a bucket the program does not create",
      bad: transferUser("/partner-drop/in"),
      expected: [
        [
          "named-destinations",
          "partner-user",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'transfer user "partner-user"',
            '"/partner-drop/in" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it maps to a prefix of the program's bucket",
      twin: transferUser("/sdc-records/partner", { homeDirectoryMappings: ["records"] }),
    },
    {
      name: "a Transfer Family access's home directory is a bucket the program does not create",
      bad: transferAccess("/partner-drop/in"),
      expected: [
        [
          "named-destinations",
          "partner-access",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'transfer access "partner-access"',
            '"/partner-drop/in" (cannot be placed)',
          ],
        ],
      ],
      twinName: "the server's domain is EFS and the home directory a file system of its region",
      twin: transferAccess("/fs-0123abcd/partner"),
    },
    {
      name: "an S3 object copy reads from a bucket the program does not create",
      bad: objectCopy({ source: "partner-exports/reports/latest.csv" }),
      expected: [
        [
          "named-destinations",
          "report-copy",
          "mandatory",
          [
            '"partner-exports/reports/latest.csv" (cannot be placed)',
            's3 object copy "report-copy"',
            "us-west-2 (inside US)",
          ],
        ],
      ],
      twinName: "it copies from the program's log bucket",
      twin: objectCopy({}),
    },
    {
      name: "an S3 object copy makes the copy public",
      bad: objectCopy({ acl: "public-read" }),
      expected: [
        [
          "public-exposure",
          "report-copy",
          "mandatory",
          ["the internet", 's3 object copy "report-copy"'],
        ],
      ],
      twinName: "the copy stays private",
      twin: objectCopy({ acl: "private" }),
    },
    {
      name: "a MediaLive channel pushes its program to an RTMP host on the internet",
      bad: channel("rtmp://203.0.113.20/live/stream"),
      expected: [
        [
          "log-shipping",
          "live",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'medialive channel "live"',
            '"203.0.113.20" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it archives the program into the program's bucket",
      twin: channel("s3ssl://sdc-records/live/archive", { destinations: ["records"] }),
    },
    {
      name: "an Amplify rewrite proxies visitors' requests to an external API",
      bad: amplify({ source: "/api/<*>", target: "https://api.example.com/<*>", status: "200" }),
      expected: proxiedTo("https://api.example.com/<*>"),
      twinName: "the rule redirects the browser instead",
      twin: amplify({ source: "/api/<*>", target: "https://api.example.com/<*>", status: "302" }),
    },
    {
      name: "an Amplify not-found rewrite (404-200) serves an external page to every missing path",
      bad: amplify({
        source: "/<*>",
        target: "https://pages.example.com/missing",
        status: "404-200",
      }),
      expected: proxiedTo("https://pages.example.com/missing"),
      twinName: "the not-found rewrite serves a page of the app",
      twin: amplify(spa),
    },
    {
      name: "an Amplify rewrite's target only a lookup knows",
      bad: amplify({ source: "/api/<*>", target: unknown, status: "200" }, spa),
      expected: [
        [
          "named-destinations",
          "web",
          "mandatory",
          ['amplify app "web"', "customRules[0].target (unknown at preview)"],
        ],
      ],
      // The single-page app's own rule beside it does not make the redirect's target a
      // destination: each rule's status decides for its own target.
      twinName: "the rule whose target only a lookup knows redirects the browser",
      twin: amplify({ source: "/old/<*>", target: unknown, status: "301" }, spa),
    },
    {
      name: "a registered domain publishes its admin contact in WHOIS",
      bad: domain(false),
      expected: [
        [
          "log-shipping",
          "brand",
          "mandatory",
          [
            "a global service",
            'route53domains registered domain "brand"',
            "the TLD registry and public WHOIS (global, outside US)",
          ],
        ],
      ],
      twinName: "contact privacy is on",
      twin: domain(true),
    },
    {
      name: "a Cloud WAN Connect attachment joins the core network in Ireland",
      bad: add("aws:networkmanager/connectAttachment:ConnectAttachment", "connect", {
        coreNetworkId: "core-network-0123",
        transportAttachmentId: "attachment-0123",
        edgeLocation: "eu-west-1",
        options: { protocol: "GRE" },
      }),
      expected: [
        [
          "network-links",
          "connect",
          "mandatory",
          [
            "a global service",
            'networkmanager connect attachment "connect"',
            "eu-west-1 (outside US, in EU)",
          ],
        ],
      ],
      twinName: "it joins the core network in Virginia",
      twin: add("aws:networkmanager/connectAttachment:ConnectAttachment", "connect", {
        coreNetworkId: "core-network-0123",
        transportAttachmentId: "attachment-0123",
        edgeLocation: "us-east-1",
        options: { protocol: "GRE" },
      }),
    },
    {
      name: "an ODB network peers with a VPC in Frankfurt",
      bad: add("aws:odb/networkPeeringConnection:NetworkPeeringConnection", "odb-peer", {
        displayName: "odb-peer",
        odbNetworkId: "odbnet_0123",
        peerNetworkId: `arn:aws:ec2:eu-central-1:${account}:vpc/vpc-0123456789abcdef0`,
      }),
      expected: [
        [
          "network-links",
          "odb-peer",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'odb network peering connection "odb-peer"',
            `arn:aws:ec2:eu-central-1:${account}:vpc/vpc-0123456789abcdef0 (outside US, in EU)`,
          ],
        ],
      ],
      twinName: "it peers with a VPC of its own region, by ID",
      twin: add("aws:odb/networkPeeringConnection:NetworkPeeringConnection", "odb-peer", {
        displayName: "odb-peer",
        odbNetworkId: "odbnet_0123",
        peerNetworkId: "vpc-0123456789abcdef0",
      }),
    },
    {
      name: "a Cloud WAN Connect peer tunnels to a public address",
      bad: add("aws:networkmanager/connectPeer:ConnectPeer", "peer", {
        connectAttachmentId: "attachment-0456",
        peerAddress: "203.0.113.30",
        insideCidrBlocks: ["169.254.10.0/29"],
        bgpOptions: { peerAsn: 65000 },
      }),
      expected: [
        [
          "remote-sites",
          "peer",
          "mandatory",
          [
            "a global service",
            'networkmanager connect peer "peer"',
            '"203.0.113.30" (cannot be placed)',
          ],
        ],
      ],
      twinName: "the appliance is on a private address of an attached VPC",
      twin: add("aws:networkmanager/connectPeer:ConnectPeer", "peer", {
        connectAttachmentId: "attachment-0456",
        peerAddress: "10.0.7.20",
        insideCidrBlocks: ["169.254.10.0/29"],
        bgpOptions: { peerAsn: 65000 },
      }),
    },
    {
      name: "an Exadata infrastructure sends customer contacts to Oracle Cloud Infrastructure",
      bad: add("aws:odb/cloudExadataInfrastructure:CloudExadataInfrastructure", "exa", {
        displayName: "exa",
        shape: "Exadata.X11M",
        computeCount: 2,
        storageCount: 3,
        customerContactsToSendToOcis: [{ email: "dba@example.com" }],
      }),
      expected: [
        [
          "log-shipping",
          "exa",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'odb cloud exadata infrastructure "exa"',
            "Oracle Cloud Infrastructure (a region that cannot be placed)",
          ],
        ],
      ],
      twinName: "it sends no contacts",
      twin: add("aws:odb/cloudExadataInfrastructure:CloudExadataInfrastructure", "exa", {
        displayName: "exa",
        shape: "Exadata.X11M",
        computeCount: 2,
        storageCount: 3,
      }),
    },
  ]);

  const revisionAssets = (asset: Props, dependsOn: Record<string, string[]> = {}) =>
    add(
      "aws:dataexchange/revisionAssets:RevisionAssets",
      "release",
      { dataSetId: "ds-0123", assets: [asset] },
      { dependsOn },
    );
  const regionSwitch = (bucketPath: string, bucketOwner: string) =>
    add(
      "aws:arcregionswitch/plan:Plan",
      "failover",
      {
        name: "failover",
        executionRole: `arn:aws:iam::${account}:role/arc`,
        recoveryApproach: "activePassive",
        primaryRegion: "us-west-2",
        regions: ["us-west-2", "us-east-1"],
        reportConfigurations: [
          { reportOutputs: [{ s3Configurations: [{ bucketPath, bucketOwner }] }] },
        ],
      },
      { dependsOn: { reportConfigurations: ["logs"] } },
    );

  runCases(pack, () => happy, us, [
    {
      name: "a Data Exchange revision imports objects from a bucket the program does not create",
      bad: revisionAssets({
        importAssetsFromS3: { assetSource: { bucket: "partner-feed", key: "a.csv" } },
      }),
      expected: [
        [
          "named-destinations",
          "release",
          "mandatory",
          [
            '"partner-feed" (cannot be placed)',
            'dataexchange revision assets "release"',
            "us-west-2 (inside US)",
          ],
        ],
      ],
      twinName: "it imports them from the program's bucket",
      twin: revisionAssets(
        { importAssetsFromS3: { assetSource: { bucket: "sdc-records", key: "a.csv" } } },
        { assets: ["records"] },
      ),
    },
    {
      name: "a Data Exchange revision opens a bucket to the data set's subscribers",
      bad: revisionAssets(
        { createS3DataAccessFromS3Bucket: { assetSource: { bucket: "sdc-records" } } },
        { assets: ["records"] },
      ),
      expected: [
        [
          "public-exposure",
          "release",
          "mandatory",
          ["the internet", 'dataexchange revision assets "release"'],
        ],
      ],
      twinName: "it publishes a copy of the objects instead",
      twin: revisionAssets(
        { importAssetsFromS3: { assetSource: { bucket: "sdc-records", key: "a.csv" } } },
        { assets: ["records"] },
      ),
    },
    {
      name: "a Region switch plan writes its reports to a bucket of another account",
      bad: regionSwitch("s3://sdc-records-logs/arc/", "444455556666"),
      expected: [
        [
          "log-shipping",
          "failover",
          "mandatory",
          [
            "us-west-2 (inside US)",
            'arcregionswitch plan "failover"',
            "account 444455556666 (not this stack's account 111122223333)",
          ],
        ],
      ],
      twinName: "it writes them to the program's log bucket of its own account",
      twin: regionSwitch("s3://sdc-records-logs/arc/", account),
    },
  ]);

  const registration = (consumerIdentifier: string) =>
    add("aws:redshift/namespaceRegistration:NamespaceRegistration", "catalog", {
      namespaceType: "serverless",
      serverlessNamespaceIdentifier: "analytics",
      serverlessWorkgroupIdentifier: "analytics",
      consumerIdentifier,
    });
  runCasesInBothPostures(pack, () => happy, us, [
    {
      name: "a Redshift namespace is registered with another account's Data Catalog",
      bad: registration("DataCatalog/444455556666"),
      expected: [
        [
          "cross-account-links",
          "catalog",
          "advisory",
          [
            "us-west-2 (inside US)",
            'redshift namespace registration "catalog"',
            `account 444455556666 (not this stack's account ${account})`,
          ],
        ],
      ],
      twinName: "it is registered with the stack's own Data Catalog",
      twin: registration(`DataCatalog/${account}`),
    },
  ]);

  test("a Chatbot Teams channel always fails: the notifications go to Microsoft 365", async () => {
    const violations = await pack.checkAround(
      happy,
      add("aws:chatbot/teamsChannelConfiguration:TeamsChannelConfiguration", "alerts", {
        configurationName: "alerts",
        channelId: "19:abc@thread.tacv2",
        teamId: "00000000-0000-0000-0000-000000000001",
        tenantId: "00000000-0000-0000-0000-000000000002",
        iamRoleArn: `arn:aws:iam::${account}:role/chatbot`,
      })(happy),
      us,
    );
    expect(findings(violations)).toEqual([
      [
        "log-shipping",
        "alerts",
        "mandatory",
        [
          "us-west-2 (inside US)",
          'chatbot teams channel configuration "alerts"',
          "a Microsoft Teams tenant (outside the cloud)",
        ],
      ],
    ]);
  });

  test("a Chatbot Slack channel always fails: the notifications go to Slack", async () => {
    const violations = await pack.checkAround(
      happy,
      add("aws:chatbot/slackChannelConfiguration:SlackChannelConfiguration", "alerts", {
        configurationName: "alerts",
        slackChannelId: "C0123456789",
        slackTeamId: "T0123456789",
        iamRoleArn: `arn:aws:iam::${account}:role/chatbot`,
      })(happy),
      us,
    );
    expect(findings(violations)).toEqual([
      [
        "log-shipping",
        "alerts",
        "mandatory",
        [
          "us-west-2 (inside US)",
          'chatbot slack channel configuration "alerts"',
          "a Slack workspace (outside the cloud)",
        ],
      ],
    ]);
  });

  /**
   * An OpenSearch Ingestion pipeline "ingest" whose body (Data Prepper YAML, as AWS documents
   * it) holds `subPipelines`: each a name, its source and its sinks, written as YAML lines.
   */
  const ingestion = (
    ...subPipelines: [name: string, source: string[], sinks: string[], processors?: string[]][]
  ) => ingestionIn({ subnetIds: ["subnet-records"] }, ...subPipelines);
  /** The same pipeline with `vpcOptions` (undefined: none, so its endpoint is public). */
  const ingestionIn = (
    vpcOptions: Props | undefined,
    ...subPipelines: [name: string, source: string[], sinks: string[], processors?: string[]][]
  ) =>
    add("aws:opensearchingest/pipeline:Pipeline", "ingest", {
      pipelineName: "ingest",
      minUnits: 1,
      maxUnits: 1,
      ...(vpcOptions === undefined ? {} : { vpcOptions }),
      pipelineConfigurationBody: [
        'version: "2"',
        ...subPipelines.flatMap(([name, source, sinks, processors]) => [
          `${name}:`,
          "  source:",
          ...source.map((line) => `    ${line}`),
          ...(processors ? ["  processor:", ...processors.map((line) => `    ${line}`)] : []),
          "  sink:",
          ...sinks.map((line) => `    ${line}`),
        ]),
        "",
      ].join("\n"),
    });
  const pushed = ["http:", "  path: /logs"];
  /** log-shipping's mandatory finding on the pipeline, its path ending at `place`. */
  const ingested = (place: string): Finding => [
    "log-shipping",
    "ingest",
    "mandatory",
    [inside, pipeline, place],
  ];
  const role = `arn:aws:iam::${account}:role/ingest`;
  /** An OpenSearch sink indexing into the domain at `host`, signing for `region` with `roleArn`. */
  const openSearch = (host: string, region: string, roleArn = role) => [
    "- opensearch:",
    `    hosts: ["${host}"]`,
    "    index: logs",
    "    aws:",
    `      sts_role_arn: ${roleArn}`,
    `      region: ${region}`,
  ];
  const searchDomain = (region: string) => `https://search-logs-a1b2c3.${region}.es.amazonaws.com`;
  const collection = (region: string) => `https://0a1b2c3d4e5f.${region}.aoss.amazonaws.com`;
  const archive = (region: string) => [
    "- s3:",
    "    bucket: orders-archive",
    "    codec:",
    "      ndjson:",
    "    aws:",
    `      sts_role_arn: ${role}`,
    `      region: ${region}`,
  ];
  const inside = "us-west-2 (inside US)";
  const pipeline = 'opensearchingest pipeline "ingest"';
  runCases(pack, () => happy, us, [
    {
      name: "an OpenSearch Ingestion pipeline has no VPC options, so anyone may push records to its public endpoint",
      bad: ingestionIn(undefined, ["logs", pushed, archive("us-west-2")]),
      expected: [["public-exposure", "ingest", "mandatory", ["the internet", pipeline]]],
      twinName: "its endpoint is an interface in the stack's subnets",
      twin: ingestion(["logs", pushed, archive("us-west-2")]),
    },
    {
      name: "an ingestion pipeline indexes into an OpenSearch domain in Ireland",
      bad: ingestion(["logs", pushed, openSearch(searchDomain("eu-west-1"), "eu-west-1")]),
      expected: [
        ingested(`${searchDomain("eu-west-1")} (outside US, in EU)`),
        ingested("eu-west-1 (outside US, in EU)"),
      ],
      twinName: "the pipeline indexes into a domain in Virginia",
      twin: ingestion(["logs", pushed, openSearch(searchDomain("us-east-1"), "us-east-1")]),
    },
    {
      name: "an ingestion pipeline signs its OpenSearch writes with a role of another account",
      bad: ingestion([
        "logs",
        pushed,
        openSearch(searchDomain("us-west-2"), "us-west-2", "arn:aws:iam::999988887777:role/ingest"),
      ]),
      expected: [ingested("account 999988887777 (not this stack's account 111122223333)")],
      twinName: "the pipeline signs them with a role of the stack's own account",
      twin: ingestion(["logs", pushed, openSearch(searchDomain("us-west-2"), "us-west-2")]),
    },
    {
      name: "an ingestion pipeline archives to a bucket in Frankfurt",
      bad: ingestion(["logs", pushed, archive("eu-central-1")]),
      // The bucket is placed by the sink's region, the one crossing both name.
      expected: [ingested("eu-central-1 (outside US, in EU)")],
      twinName: "the pipeline archives to a bucket in Oregon",
      twin: ingestion(["logs", pushed, archive("us-west-2")]),
    },
    {
      name: "an ingestion pipeline's sub-pipeline indexes into a collection in Ireland",
      bad: ingestion(
        ["entry", pushed, ["- pipeline:", "    name: to-search"]],
        [
          "to-search",
          ["pipeline:", "  name: entry"],
          openSearch(collection("eu-west-1"), "eu-west-1"),
        ],
      ),
      expected: [
        ingested(`${collection("eu-west-1")} (outside US, in EU)`),
        ingested("eu-west-1 (outside US, in EU)"),
      ],
      twinName: "the sub-pipelines chain to a collection in Oregon",
      twin: ingestion(
        ["entry", pushed, ["- pipeline:", "    name: to-search"]],
        [
          "to-search",
          ["pipeline:", "  name: entry"],
          openSearch(collection("us-west-2"), "us-west-2"),
        ],
      ),
    },
    {
      name: "an ingestion pipeline sends to a sink of a kind the pack does not read",
      bad: ingestion([
        "logs",
        pushed,
        [
          "- kinesis_data_streams:",
          "    stream_name: logs",
          ...openSearch(searchDomain("us-west-2"), "us-west-2"),
        ],
      ]),
      expected: [
        ingested(
          "a kinesis_data_streams sink, whose places the pack does not read (cannot be placed)",
        ),
      ],
      twinName: "the pipeline sends only to an OpenSearch sink",
      twin: ingestion(["logs", pushed, openSearch(searchDomain("us-west-2"), "us-west-2")]),
    },
    {
      name: "an ingestion pipeline sends each record to a Lambda function on the way",
      bad: ingestion([
        "logs",
        pushed,
        openSearch(searchDomain("us-west-2"), "us-west-2"),
        ["- date:", "    from_time_received: true", "- aws_lambda:", "    function_name: enrich"],
      ]),
      expected: [
        ingested(
          "the service an aws_lambda processor calls, whose place the pack does not read (cannot be placed)",
        ),
      ],
      twinName: "its processors only transform the records in the pipeline",
      twin: ingestion([
        "logs",
        pushed,
        openSearch(searchDomain("us-west-2"), "us-west-2"),
        ["- date:", "    from_time_received: true", "- drop_events:", '    drop_when: "/x == 1"'],
      ]),
    },
    {
      name: "an ingestion pipeline consumes Kafka records from brokers on external hosts",
      bad: ingestion([
        "logs",
        [
          "kafka:",
          '  bootstrap_servers: ["kafka-1.partner.example:9092"]',
          "  topics:",
          "    - name: orders",
        ],
        openSearch(searchDomain("us-west-2"), "us-west-2"),
      ]),
      expected: [
        [
          "log-shipping",
          "ingest",
          "mandatory",
          ['"kafka-1.partner.example:9092" (cannot be placed)', pipeline, inside],
        ],
      ],
      twinName: "the brokers are an MSK cluster's in Oregon",
      twin: ingestion([
        "logs",
        [
          "kafka:",
          '  bootstrap_servers: ["b-1.orders.a1b2c3.c2.kafka.us-west-2.amazonaws.com:9098"]',
          "  topics:",
          "    - name: orders",
        ],
        openSearch(searchDomain("us-west-2"), "us-west-2"),
      ]),
    },
    {
      name: "an ingestion pipeline's body is not YAML the pack can read",
      bad: ingestion([
        "logs",
        ["http: {path: /logs"],
        openSearch(searchDomain("us-west-2"), "us-west-2"),
      ]),
      expected: [ingested("a body that is not YAML the pack can read (cannot be placed)")],
      twinName: "its body is well-formed YAML",
      twin: ingestion(["logs", pushed, openSearch(searchDomain("us-west-2"), "us-west-2")]),
    },
  ]);

  test("a bucket is read from every form an S3 location takes", () => {
    expect(
      [
        "sdc-records",
        "sdc-records/reports/",
        "/sdc-records/partner",
        "s3://sdc-records/x",
        "s3ssl://sdc-records/live",
        "arn:aws:s3:::sdc-records/x",
      ].map(s3BucketName),
    ).toEqual(Array(6).fill("sdc-records"));
  });

  // Deployment bundles the pack cannot read: no shape of these types can be judged, so each
  // always fails, naming what it deploys.
  const bundles: [string, (plan: Plan) => Plan, string][] = [
    [
      "a CloudFormation stack",
      add("aws:cloudformation/stack:Stack", "network", {
        name: "network",
        templateUrl: "https://templates.example.com/network.yaml",
      }),
      'mandatory helm-releases network: cloudformation stack "network" must expose its resources to the pack, but what it deploys cannot be judged: a CloudFormation stack deploys the template at "https://templates.example.com/network.yaml" as one opaque resource, so no policy sees the resources it creates or where their data goes. Declare the resources in the program instead.',
    ],
    [
      "a StackSet instance",
      add("aws:cloudformation/stackSetInstance:StackSetInstance", "baseline", {
        stackSetName: "baseline",
        accountId: "444455556666",
        stackSetInstanceRegion: "us-east-1",
      }),
      'mandatory helm-releases baseline: cloudformation stack set instance "baseline" must expose its resources to the pack, but what it deploys cannot be judged: a stack instance deploys StackSet "baseline" into "444455556666", so no policy sees the resources it creates or where their data goes. Declare the resources in the program instead.',
    ],
    [
      "a CloudFormation stack whose template URL is not known at preview",
      add("aws:cloudformation/stack:Stack", "network", { name: "network", templateUrl: unknown }),
      'mandatory helm-releases network: cloudformation stack "network" must expose its resources to the pack, but what it deploys cannot be judged: a CloudFormation stack deploys the template (not known until deployed) as one opaque resource, so no policy sees the resources it creates or where their data goes. Declare the resources in the program instead.',
    ],
    [
      "a StackSet whose template body is not known at preview",
      add("aws:cloudformation/stackSet:StackSet", "baseline", {
        name: "baseline",
        templateBody: unknown,
        permissionModel: "SELF_MANAGED",
      }),
      'mandatory helm-releases baseline: cloudformation stack set "baseline" must expose its resources to the pack, but what it deploys cannot be judged: a CloudFormation StackSet deploys the template of its templateBody to the accounts and regions of its instances, so no policy sees the resources it creates or where their data goes. Declare the resources in the program instead.',
    ],
    [
      "a Service Catalog product",
      add("aws:servicecatalog/provisionedProduct:ProvisionedProduct", "bastion", {
        name: "bastion",
        productId: "prod-abcdefghijklm",
      }),
      'mandatory helm-releases bastion: servicecatalog provisioned product "bastion" must expose its resources to the pack, but what it deploys cannot be judged: a Service Catalog product deploys product "prod-abcdefghijklm" (a CloudFormation template) into the stack\'s account, so no policy sees the resources it creates or where their data goes. Declare the resources in the program instead.',
    ],
  ];
  test.each(bundles)("%s always fails, saying what cannot be judged", async (_, bad, message) => {
    const violations = await pack.checkAround(happy, bad(happy), us);
    expect(summary(violations)).toEqual([message]);
  });

  // A CloudFormation stack @pulumi/eks deploys for a self-managed node group (its NodeGroup, and
  // a Cluster's default node group) is eks's, not the program's: the fix names eks's node groups
  // that register their resources. Under a component of another package the fix stays the
  // general one.
  const template =
    "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  NodeGroup:\n    Type: AWS::AutoScaling::AutoScalingGroup\n";
  const cfnUnder = (component: string) => (plan: Plan) =>
    add(
      "aws:cloudformation/stack:Stack",
      "workers-nodes",
      { name: "workers-nodes-1a2b3c4d", templateBody: template },
      { parent: "workers" },
    )(addComponent(component, "workers", {})(plan));
  const opaque =
    'mandatory helm-releases workers-nodes: cloudformation stack "workers-nodes" must expose its resources to the pack, but what it deploys cannot be judged: a CloudFormation stack deploys the template of its templateBody as one opaque resource, so no policy sees the resources it creates or where their data goes. ';
  test.each([
    [
      "eks.Cluster's default node group",
      "eks:index:Cluster",
      "This stack is the Auto Scaling group of the default node group of eks.Cluster, which @pulumi/eks deploys as a CloudFormation template: use eks.ManagedNodeGroup (an EKS managed node group) or eks.NodeGroupV2 (which registers its Auto Scaling group and launch template itself), whose resources the pack checks, with skipDefaultNodeGroup: true on the cluster.",
    ],
    [
      "an eks.NodeGroup",
      "eks:index:NodeGroup",
      "This stack is the Auto Scaling group of eks.NodeGroup, which @pulumi/eks deploys as a CloudFormation template: use eks.ManagedNodeGroup (an EKS managed node group) or eks.NodeGroupV2 (which registers its Auto Scaling group and launch template itself), whose resources the pack checks.",
    ],
    [
      "a component of the program's own",
      "acme:index:Workers",
      "Declare the resources in the program instead.",
    ],
  ])("a CloudFormation stack under %s fails with the fix it needs", async (_, component, fix) => {
    const violations = await pack.checkAround(happy, cfnUnder(component)(happy), us);
    expect(summary(violations)).toEqual([opaque + fix]);
  });

  // Their twins: what the finding's fix asks for, the resources declared in the program (or the
  // data sent to a destination of the stack), which passes every policy.
  const declared: [string, string, (plan: Plan) => Plan][] = [
    [
      "the stack's network",
      "network",
      add("aws:ec2/vpc:Vpc", "network", { cidrBlock: "10.1.0.0/16" }),
    ],
    [
      "the baseline's parameter",
      "baseline",
      add("aws:ssm/parameter:Parameter", "baseline", {
        name: "/baseline/version",
        type: "String",
        value: "1",
      }),
    ],
    [
      "the bastion's network",
      "bastion",
      add("aws:ec2/vpc:Vpc", "bastion", { cidrBlock: "10.2.0.0/16" }),
    ],
    [
      "an SNS topic in Oregon instead of the Teams or Slack channel",
      "alerts",
      keyedAdd("aws:sns/topic:Topic", "alerts", { name: "alerts" }, "kmsMasterKeyId"),
    ],
  ];
  test.each(declared)("passes when %s is declared in the program", async (_, name, twin) => {
    const violations = await pack.checkAll(happy, twin(happy), us, [name]);
    expect(summary(violations)).toEqual([]);
  });
});

describe("Cloud WAN attachment accepters", () => {
  const accepter = (attachmentId: string, opts = {}) =>
    add(
      "aws:networkmanager/attachmentAccepter:AttachmentAccepter",
      "accept",
      { attachmentId, attachmentType: "VPC" },
      opts,
    );
  /** The program's core network, which reports its ID among its outputs, edges in Oregon. */
  const coreNetwork = add("aws:networkmanager/coreNetwork:CoreNetwork", "core", {
    globalNetworkId: "global-network-0123",
    basePolicyRegions: ["us-west-2"],
    id: "core-network-0123",
  });
  const attachmentTo = (coreNetworkId: unknown, region = "us-west-2") =>
    add("aws:networkmanager/vpcAttachment:VpcAttachment", "branch", {
      coreNetworkId,
      vpcArn: `arn:aws:ec2:${region}:${account}:vpc/vpc-0123456789abcdef0`,
      subnetArns: [`arn:aws:ec2:${region}:${account}:subnet/subnet-0123456789abcdef0`],
    });
  const vpcAttachment = (region: string) =>
    pipe(coreNetwork, attachmentTo("core-network-0123", region));
  /** A peering of the Oregon transit gateway "tgw-0123456789abcdef0" with `coreNetworkId`. */
  const tgwPeering = (coreNetworkId: string) =>
    add("aws:networkmanager/transitGatewayPeering:TransitGatewayPeering", "tgw-core", {
      coreNetworkId,
      transitGatewayArn: `arn:aws:ec2:us-west-2:${account}:transit-gateway/tgw-0123456789abcdef0`,
    });

  runCases(pack, () => happy, us, [
    {
      name: "a transit gateway peers with a core network the program does not create",
      bad: tgwPeering("core-network-0a1b2c3d4e5f60718"),
      expected: [
        [
          "named-destinations",
          "tgw-core",
          "mandatory",
          [
            "a global service",
            'networkmanager transit gateway peering "tgw-core"',
            '"core-network-0a1b2c3d4e5f60718" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it peers with the program's core network, named by its ID",
      twin: pipe(coreNetwork, tgwPeering("core-network-0123")),
    },
    {
      name: "a VPC attachment joins a core network the program does not create",
      bad: attachmentTo("core-network-0a1b2c3d4e5f60718"),
      expected: [
        [
          "named-destinations",
          "branch",
          "mandatory",
          [
            "a global service",
            'networkmanager vpc attachment "branch"',
            '"core-network-0a1b2c3d4e5f60718" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it joins the program's core network, named by its ID",
      twin: vpcAttachment("us-west-2"),
    },
    lookupCase({
      name: "a VPC attachment joins a core network only a lookup knows",
      make: attachmentTo,
      resource: "branch",
      label: 'networkmanager vpc attachment "branch"',
      near: "a global service",
      path: "coreNetworkId",
      from: "core",
      setup: coreNetwork,
      twinName: "the ID, not known at preview either, is the program's core network's",
    }),
    {
      name: "an accepter joins an attachment the program does not create to the core network",
      bad: accepter("attachment-0abroad"),
      expected: [
        [
          "named-destinations",
          "accept",
          "mandatory",
          [
            "a global service",
            'networkmanager attachment accepter "accept"',
            '"attachment-0abroad" (cannot be placed)',
          ],
        ],
      ],
      twinName: "it accepts the program's attachment of an Oregon VPC",
      twin: pipe(
        vpcAttachment("us-west-2"),
        accepter("attachment-branch", { dependsOn: { attachmentId: ["branch"] } }),
      ),
    },
    {
      // The accepter passes: the attachment's own row judges where it joins the core network.
      name: "it accepts the program's attachment of a Frankfurt VPC",
      bad: pipe(
        vpcAttachment("eu-central-1"),
        accepter("attachment-branch", { dependsOn: { attachmentId: ["branch"] } }),
      ),
      expected: [
        [
          "arn-locality",
          "branch",
          "mandatory",
          [
            'networkmanager vpc attachment "branch"',
            "arn:aws:ec2:eu-central-1:111122223333:subnet/subnet-0123456789abcdef0 (outside US, in EU)",
          ],
        ],
        [
          "network-links",
          "branch",
          "mandatory",
          [
            "a global service",
            'networkmanager vpc attachment "branch"',
            "arn:aws:ec2:eu-central-1:111122223333:vpc/vpc-0123456789abcdef0 (outside US, in EU)",
          ],
        ],
      ],
      twinName: "the attachment's VPC is in Oregon",
      twin: pipe(
        vpcAttachment("us-west-2"),
        accepter("attachment-branch", { dependsOn: { attachmentId: ["branch"] } }),
      ),
    },
  ]);
});

// One crossing, one finding: who can read a bucket whose policy is not known at preview is the
// policy's question, which public-exposure fails closed — not also a path of
// no-path-out-of-jurisdiction from the bucket to a place it cannot locate.
describe("a bucket policy not known at preview", () => {
  const records = (policy: unknown) =>
    add("aws:s3/bucketPolicy:BucketPolicy", "records-policy", { bucket: "sdc-records", policy });

  it("is one finding of the whole pack, public-exposure's on the policy", async () => {
    expect(findings(await pack.check(records(unknown)(happy), us))).toEqual([
      [
        "public-exposure",
        "records-policy",
        "mandatory",
        ["the internet", 's3 bucket policy "records-policy"'],
      ],
    ]);
  });

  it("passes once known, refusing requests without TLS", async () => {
    const tlsOnly = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Deny",
          Principal: "*",
          Action: "s3:*",
          Resource: "arn:aws:s3:::sdc-records/*",
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
      ],
    });
    expect(findings(await pack.check(records(tlsOnly)(happy), us))).toEqual([]);
  });
});

describe("Cognito's texts and analytics, sent where the pool's region sends them by default", () => {
  const role = `arn:aws:iam::${account}:role/cognito-sms`;
  /** A user pool (and its app client) of the provider of `region`, with `pool` and `client`. */
  const cognitoIn = (region: string, pool: Props, client?: Props) =>
    pipe(
      addProvider("aws", "home", { region }),
      add("aws:cognito/userPool:UserPool", "users", pool, { provider: "home" }),
      ...(client === undefined
        ? []
        : [add("aws:cognito/userPoolClient:UserPoolClient", "app", client, { provider: "home" })]),
    );
  /** The findings of the Cognito resources alone: the Oregon fixture is abroad elsewhere. */
  const cognitoFindings = async (plan: Plan, jurisdiction: string) =>
    findings(await pack.check(plan, { ...us, jurisdiction })).filter(
      ([, name]) => name === "users" || name === "app",
    );
  const texts = { smsConfiguration: { snsCallerArn: role, externalId: "users" } };
  const analytics = (config: Props) => ({
    userPoolId: "ap-northeast-2_abc",
    analyticsConfiguration: { roleArn: role, externalId: "app", ...config },
  });
  const projectId = "0123456789abcdef0123456789abcdef";

  test("a pool in Seoul texts through SNS in Tokyo unless it names a region or a sender of its own: a path out of KR, not of JP", async () => {
    const seoul = cognitoIn("ap-northeast-2", texts)(happy);
    expect(await cognitoFindings(seoul, "KR")).toEqual([
      [
        "log-shipping",
        "users",
        "mandatory",
        [
          "ap-northeast-2 (inside KR)",
          'cognito user pool "users"',
          "ap-northeast-1 (outside KR, in JP)",
        ],
      ],
    ]);
    // Tokyo's own pool texts through Tokyo; a pool that sends no texts sends none abroad.
    expect(await cognitoFindings(cognitoIn("ap-northeast-1", texts)(happy), "JP")).toEqual([]);
    expect(await cognitoFindings(cognitoIn("ap-northeast-2", {})(happy), "KR")).toEqual([]);
    // A custom SMS sender function in Seoul texts instead of SNS.
    const sender = {
      ...texts,
      lambdaConfig: {
        customSmsSender: {
          lambdaArn: `arn:aws:lambda:ap-northeast-2:${account}:function:texts`,
          lambdaVersion: "V1_0",
        },
      },
    };
    // (Its function is a delivery whose account this unpinned stack cannot tell from its own:
    // cross-account-links advises declaring it, delivery-accounts.test.ts.)
    expect(
      (await cognitoFindings(cognitoIn("ap-northeast-2", sender)(happy), "KR")).filter(
        ([policy]) => policy !== "cross-account-links",
      ),
    ).toEqual([]);
  });

  test("an app client in Seoul sends analytics to a Pinpoint project in us-east-1 by its ID", async () => {
    const bad = cognitoIn("ap-northeast-2", {}, analytics({ applicationId: projectId }))(happy);
    expect(await cognitoFindings(bad, "KR")).toEqual([
      [
        "log-shipping",
        "app",
        "mandatory",
        [
          "ap-northeast-2 (inside KR)",
          'cognito user pool client "app"',
          `the Amazon Pinpoint project "${projectId}" in us-east-1 (outside KR, in US)`,
        ],
      ],
    ]);
    const off = cognitoIn("ap-northeast-2", {}, { userPoolId: "ap-northeast-2_abc" })(happy);
    expect(await cognitoFindings(off, "KR")).toEqual([]);
  });

  test("in Frankfurt a project ID may name us-east-1's or Frankfurt's: it cannot be placed, an ARN can", async () => {
    const byId = cognitoIn("eu-central-1", {}, analytics({ applicationId: projectId }))(happy);
    expect(await cognitoFindings(byId, "EU")).toEqual([
      [
        "log-shipping",
        "app",
        "mandatory",
        [
          "eu-central-1 (inside EU)",
          'cognito user pool client "app"',
          `the Amazon Pinpoint project "${projectId}", in us-east-1 or eu-central-1 (its ID does not say which, so it cannot be placed)`,
        ],
      ],
    ]);
    const byArn = cognitoIn(
      "eu-central-1",
      {},
      analytics({
        applicationId: projectId,
        applicationArn: `arn:aws:mobiletargeting:eu-central-1:${account}:apps/${projectId}`,
      }),
    )(happy);
    expect(await cognitoFindings(byArn, "EU")).toEqual([]);
    // Stockholm has no mapping of its own: the project is the pool's region's.
    const stockholm = cognitoIn("eu-north-1", {}, analytics({ applicationId: projectId }))(happy);
    expect(await cognitoFindings(stockholm, "EU")).toEqual([]);
  });
});

// An identity provider is where users sign in, not where the stack's data goes: Identity Center
// trusting its tokens (trusted identity propagation) sends it nothing, as an EKS cluster, an ALB
// or an AgentCore gateway trusting an OIDC issuer does not. Found on the AWS provider's own
// examples, where it failed as a destination that cannot be placed.
describe("Identity Center trusting an external identity provider's tokens", () => {
  it("passes, the issuer outside the cloud", async () => {
    const issuer = add("aws:ssoadmin/trustedTokenIssuer:TrustedTokenIssuer", "idp", {
      name: "idp",
      instanceArn: "arn:aws:sso:::instance/ssoins-1",
      trustedTokenIssuerType: "OIDC_JWT",
      trustedTokenIssuerConfiguration: {
        oidcJwtConfiguration: {
          issuerUrl: "https://login.partner.example",
          claimAttributePath: "email",
          identityStoreAttributePath: "emails.value",
          jwksRetrievalOption: "OPEN_ID_DISCOVERY",
        },
      },
    });
    expect(findings(await pack.check(issuer(happy), us))).toEqual([]);
  });
});

test("a database loaded from a bucket the program does not create is told to load from one inside, not to remove a replication", async () => {
  const plan = add("aws:rds/instance:Instance", "imported-db", {
    engine: "mysql",
    instanceClass: "db.t3.micro",
    storageEncrypted: true,
    s3Import: {
      bucketName: "dumps-frankfurt",
      ingestionRole: "arn:aws:iam::111122223333:role/import",
      sourceEngine: "mysql",
      sourceEngineVersion: "8.0.28",
    },
  })(happy);
  const messages = summary(await pack.check(plan, us)).filter((m) =>
    m.startsWith("mandatory named-destinations imported-db:"),
  );
  expect(messages).toEqual([
    'mandatory named-destinations imported-db: rds instance "imported-db" must take data only from places inside US, but s3Import.bucketName loads its data from "dumps-frankfurt", an S3 bucket this program does not create, so its region cannot be checked. Load it only from a bucket this program creates in a region inside the jurisdiction, or leave the import out.',
  ]);
});

describe("a log subscription that delivers to a bucket (a DELIVERY log group's export)", () => {
  /** A DELIVERY log group "export" subscribed to the bucket named `bucket` (resource `dep`). */
  const exportTo = (bucket: string, dep: string) =>
    pipe(
      add("aws:cloudwatch/logGroup:LogGroup", "export", {
        name: "/aws/lambda/export",
        logGroupClass: "DELIVERY",
        retentionInDays: 30,
      }),
      add(
        "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter",
        "export",
        {
          logGroup: "/aws/lambda/export",
          filterPattern: "",
          destinationArn: `arn:aws:s3:::${bucket}`,
        },
        { dependsOn: { destinationArn: [dep] } },
      ),
    );
  const onExport = (violations: Awaited<ReturnType<typeof pack.check>>) =>
    summary(violations).filter((m) => m.startsWith("mandatory") && m.includes(" export:"));

  test("passes when the bucket is the program's own, in the stack's region", async () => {
    expect(onExport(await pack.check(exportTo("sdc-records", "records")(happy), us))).toEqual([]);
  });

  test("twin: a bucket of the program in Frankfurt is where the logs go", async () => {
    const plan = pipe(
      addProvider("aws", "frankfurt", { region: "eu-central-1" }),
      add(
        "aws:s3/bucketV2:BucketV2",
        "eu-logs",
        { bucket: "sdc-eu-logs" },
        { provider: "frankfurt" },
      ),
      exportTo("sdc-eu-logs", "eu-logs"),
    )(happy);
    const found = findings(await pack.check(plan, us)).filter(
      ([, name, level]) => name === "export" && level === "mandatory",
    );
    expect(found.map(([policy, , level, path]) => [policy, level, path?.at(-1)])).toEqual([
      ["no-path-out-of-jurisdiction", "mandatory", "eu-central-1 (outside US, in EU)"],
    ]);
  });
});

test("S3 server access logs to a bucket the program does not create pass: S3 takes only a target bucket of the source's region", async () => {
  const plan = add("aws:s3/bucketLogging:BucketLogging", "records-logging", {
    bucket: "sdc-records",
    targetBucket: "central-access-logs",
    targetPrefix: "records/",
  })(happy);
  expect(
    findings(await pack.check(plan, us)).filter(([, name]) => name === "records-logging"),
  ).toEqual([]);
});
