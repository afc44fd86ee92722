/**
 * One resource or more of every type of the logs table (policy/paths/types/logs.ts): sinks
 * abroad, at home, named by references the program does or does not create, not known at
 * preview, and external endpoints — in an Alibaba Cloud stack under CN and an AWS stack under US;
 * and a sink log-shipping still judges through its own table. The differential test runs
 * the old and the new log models on both.
 */
import type { OracleResource, OracleSettings } from "../helpers/model-oracle";
import { on } from "../helpers/model-oracle";

/** What the runtime turns into a value not known at preview. */
const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

const sh = on("sh");
const or = on("or");

const trail = "alicloud:actiontrail/trail:Trail";

const alicloud: OracleResource[] = [
  { type: "pulumi:providers:alicloud", name: "sh", props: { region: "cn-shanghai" } },
  { type: "pulumi:providers:alicloud", name: "hk", props: { region: "cn-hongkong" } },
  sh("alicloud:oss/bucket:Bucket", "logs", { bucket: "logs-b" }),
  on("hk")("alicloud:oss/bucket:Bucket", "far", { bucket: "far-b" }),
  sh("alicloud:log/project:Project", "audit", { projectName: "sdc-audit" }),
  on("hk")("alicloud:log/project:Project", "far-project", { projectName: "far-p" }),
  sh("alicloud:kms/key:Key", "key", { description: "logs" }),
  sh(
    trail,
    "trail-far",
    {
      trailRegion: "cn-hongkong",
      ossBucketName: "far-b",
      slsProjectArn: "acs:log:cn-hongkong:123:project/x",
      maxComputeProjectArn: "acs:odps:eu-central-1:123:project/y",
      isOrganizationTrail: true,
    },
    { ossBucketName: ["far"] },
  ),
  sh(
    trail,
    "trail-home",
    {
      trailRegion: "cn-shanghai",
      ossBucketName: "logs-b",
      slsProjectArn: "acs:log:cn-shanghai:123:project/sdc-audit",
      isOrganizationTrail: false,
    },
    { ossBucketName: ["logs"] },
  ),
  sh(
    trail,
    "trail-gone",
    { ossBucketName: "gone-b", slsProjectArn: unknown, trailRegion: unknown },
    { slsProjectArn: ["audit"] },
  ),
  sh("alicloud:actiontrail/trailDeprecated:TrailDeprecated", "old-trail", {
    trailRegion: "cn-hongkong",
    ossBucketName: "logs-b",
  }),
  sh("alicloud:actiontrail/globalEventsStorageRegion:GlobalEventsStorageRegion", "global-far", {
    storageRegion: "cn-hongkong",
  }),
  sh("alicloud:actiontrail/globalEventsStorageRegion:GlobalEventsStorageRegion", "global-home", {
    storageRegion: "cn-shanghai",
  }),
  sh("alicloud:sls/collectionPolicy:CollectionPolicy", "collect", {
    centralizeEnabled: true,
    centralizeConfig: { destRegion: "cn-hongkong" },
    dataConfig: { dataRegion: "cn-shanghai" },
  }),
  sh("alicloud:sls/collectionPolicy:CollectionPolicy", "collect-off", {
    centralizeEnabled: false,
    centralizeConfig: { destRegion: "ap-southeast-1" },
  }),
  sh("alicloud:log/store:Store", "store-far-key", {
    logstoreName: "far-key",
    encryptConf: { enable: true, userCmkInfo: { cmkKeyId: "k-1", regionId: "cn-hongkong" } },
  }),
  sh(
    "alicloud:log/store:Store",
    "store-own-key",
    {
      logstoreName: "own-key",
      encryptConf: { enable: true, userCmkInfo: { cmkKeyId: "k-2", regionId: "cn-shanghai" } },
    },
    { encryptConf: ["key"] },
  ),
  sh("alicloud:log/store:Store", "store-plain", { logstoreName: "plain" }),
  sh("alicloud:log/etl:Etl", "etl", {
    etlSinks: [
      { endpoint: "cn-hongkong.log.aliyuncs.com" },
      { endpoint: "cn-shanghai-intranet.log.aliyuncs.com" },
      { endpoint: unknown },
    ],
  }),
  sh("alicloud:sls/etl:Etl", "sls-etl", {
    configuration: { sinks: [{ endpoint: "https://collector.example.com" }] },
  }),
  sh("alicloud:sls/scheduledSql:ScheduledSql", "sql", {
    scheduledSqlConfiguration: { destEndpoint: "eu-central-1.log.aliyuncs.com" },
  }),
  sh("alicloud:sls/ossExportSink:OssExportSink", "export-sink", {
    configuration: { sink: { endpoint: "oss-cn-hongkong.aliyuncs.com", bucket: "far-b" } },
  }),
  sh("alicloud:log/ossExport:OssExport", "oss-export", { bucket: "gone-b" }),
  sh("alicloud:log/ossShipper:OssShipper", "shipper", { ossBucket: "logs-b" }),
  sh("alicloud:sls/logtailConfig:LogtailConfig", "logtail", {
    outputDetail: { region: "cn-hongkong" },
  }),
  sh("alicloud:cdn/realTimeLogDelivery:RealTimeLogDelivery", "cdn-logs", {
    slsRegion: "cn-beijing",
  }),
  sh("alicloud:ga/accessLog:AccessLog", "ga-logs", { slsRegionId: "us-west-1" }),
  sh("alicloud:vpc/network:Network", "vpc", { vpcName: "core", cidrBlock: "10.0.0.0/16" }),
  sh(
    "alicloud:vpc/flowLog:FlowLog",
    "flow",
    { resourceId: "vpc-1", resourceType: "VPC", projectName: "far-p", logStoreName: "flow" },
    { resourceId: ["vpc"], projectName: ["far-project"] },
  ),
  sh("alicloud:vpc/flowLog:FlowLog", "flow-orphan", {
    resourceId: "vpc-x",
    resourceType: "VPC",
    projectName: "gone-p",
  }),
  sh("alicloud:cen/flowLog:FlowLog", "cen-flow", { projectName: "far-p" }),
  sh("alicloud:sag/smartagFlowLog:SmartagFlowLog", "sag-flow", { slsRegionId: "cn-hongkong" }),
  sh("alicloud:sag/smartagFlowLog:SmartagFlowLog", "sag-flow-home", { slsRegionId: "cn-beijing" }),
  sh("alicloud:esa/siteDeliveryTask:SiteDeliveryTask", "esa-logs", {
    slsDelivery: { slsRegion: "cn-hongkong" },
    httpDelivery: { destUrl: "https://collector.example.com" },
  }),
  sh("alicloud:eventbridge/apiDestination:ApiDestination", "api-destination", {
    httpApiParameters: { endpoint: "https://hooks.example.com/in" },
  }),
  sh("alicloud:aligreen/callback:Callback", "moderation", {
    callbackUrl: "https://cn-shanghai.fc.aliyuncs.com/hook",
  }),
  sh("alicloud:cms/eventRule:EventRule", "event-rule", {
    slsParameters: [{ region: "cn-hongkong" }],
    webhookParameters: [{ url: "https://hooks.example.com/cms" }],
  }),
  sh("alicloud:cms/eventRule:EventRule", "event-rule-home", {
    fcParameters: [{ region: "cn-beijing" }],
  }),
  // A host log-shipping still judges through its own table (policy/logging.ts).
  sh("alicloud:emr/cluster:Cluster", "emr", {
    metaStoreConf: { dbUrl: "jdbc:mysql://198.51.100.7:3306/hive" },
  }),
  // Edge origins, DNS answers and the destinations written inside one text of the logs table.
  sh("alicloud:waf/domain:Domain", "waf", { sourceIps: ["198.51.100.7", "10.0.0.5"] }),
  sh("alicloud:dns/alidnsRecord:AlidnsRecord", "record", { type: "CNAME", value: "x.example" }),
  sh("alicloud:dns/alidnsRecord:AlidnsRecord", "record-txt", { type: "TXT", value: "x.example" }),
  sh("alicloud:cdn/domainConfig:DomainConfig", "origin-group", {
    functionName: "source_group",
    functionArgs: [
      {
        argName: "source_info",
        argValue: "198.51.100.7_1_1_80,cn-hongkong.oss.aliyuncs.com_1_1_80",
      },
    ],
  }),
  sh("alicloud:dcdn/domainConfig:DomainConfig", "remote-auth", {
    functionName: "cdn_remote_auth",
    functionArgs: [{ argName: "remote_auth_addr", argValue: "https://auth.example.com" }],
  }),
  sh("alicloud:arms/remoteWrite:RemoteWrite", "remote-write", {
    remoteWriteYaml: "remote_write:\n- url: https://collector.example.com/api/v1/write\n",
  }),
  sh("alicloud:eventbridge/eventStreaming:EventStreaming", "stream", {
    sink: JSON.stringify({ SinkHttpsParameters: {} }),
  }),
  sh("alicloud:gpdb/hadoopDataSource:HadoopDataSource", "hadoop", {
    hadoopHostsAddress: "198.51.100.7 hadoop-1",
  }),
  sh("alicloud:sae/application:Application", "sae", {
    customHostAlias: JSON.stringify([{ hostName: "db", ip: "198.51.100.7" }]),
    ossMountDescsV2s: [{ bucketName: "far-b" }],
  }),
  sh("alicloud:eventbridge/rule:Rule", "bridge-rule", {
    targets: [{ type: "http", endpoint: "https://hooks.example.com/rule" }],
  }),
  sh("alicloud:esa/originRule:OriginRule", "origin-rule", {
    follow302Enable: "on",
    follow302TargetHost: "origin.example.com",
  }),
  // Pushed messages of the logs table.
  sh("alicloud:message/serviceSubscription:ServiceSubscription", "message-push", {
    pushType: "http",
    endpoint: "https://hooks.example.com/message",
  }),
  sh("alicloud:mns/topicSubscription:TopicSubscription", "mns-push", {
    endpoint: "https://hooks.example.com/mns",
  }),
  sh("alicloud:mns/topicSubscription:TopicSubscription", "mns-queue", {
    endpoint: "acs:mns:cn-hongkong:123:/queues/q",
  }),
  sh("alicloud:mns/topicSubscription:TopicSubscription", "mns-mail", {
    endpoint: "mail:directmail:ops@example.com",
  }),
  sh("alicloud:mns/topicSubscription:TopicSubscription", "mns-home", {
    endpoint: "https://123.mns.cn-shanghai.aliyuncs.com/queues/q",
  }),
  sh("alicloud:message/serviceSubscription:ServiceSubscription", "message-queue", {
    pushType: "queue",
    endpoint: "q",
  }),
];

const aws: OracleResource[] = [
  { type: "pulumi:providers:aws", name: "or", props: { region: "us-west-2" } },
  { type: "pulumi:providers:aws", name: "fra", props: { region: "eu-central-1" } },
  or("aws:s3/bucket:Bucket", "logs", { bucket: "logs-b" }),
  on("fra")("aws:s3/bucket:Bucket", "eu", { bucket: "eu-b" }),
  or("aws:cfg/deliveryChannel:DeliveryChannel", "config", { s3BucketName: "eu-b" }),
  or("aws:cfg/deliveryChannel:DeliveryChannel", "config-gone", { s3BucketName: "gone-b" }),
  or("aws:cfg/deliveryChannel:DeliveryChannel", "config-home", { s3BucketName: "logs-b" }),
  or("aws:cloudwatch/logGroup:LogGroup", "app-logs", {
    name: "app",
    kmsKeyId: "arn:aws:kms:eu-central-1:111122223333:key/k",
  }),
  or(
    "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter",
    "sub",
    {
      logGroup: "app",
      destinationArn: "arn:aws:firehose:eu-central-1:111122223333:deliverystream/x",
    },
    { logGroup: ["app-logs"] },
  ),
  or("aws:ec2/vpc:Vpc", "vpc", { cidrBlock: "10.0.0.0/16" }),
  or(
    "aws:ec2/flowLog:FlowLog",
    "flow",
    { vpcId: "vpc-1", logDestination: "arn:aws:s3:::eu-b", logDestinationType: "s3" },
    { vpcId: ["vpc"], logDestination: ["eu"] },
  ),
  or(
    "aws:ec2/flowLog:FlowLog",
    "flow-group",
    {
      vpcId: "vpc-1",
      logDestination: "arn:aws:logs:eu-central-1:111122223333:log-group:flows",
      logDestinationType: "cloud-watch-logs",
    },
    { vpcId: ["vpc"] },
  ),
  or("aws:ec2/flowLog:FlowLog", "flow-orphan", { vpcId: "vpc-x", logDestination: "gone-b" }),
  or(
    "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
    "stream",
    {
      destination: "http_endpoint",
      extendedS3Configuration: { bucketArn: "arn:aws:s3:::logs-b" },
      httpEndpointConfiguration: { url: "https://collector.example.com/ingest" },
    },
    { extendedS3Configuration: ["logs"] },
  ),
  or("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", "splunk", {
    destination: "splunk",
    splunkConfiguration: { hecEndpoint: "https://10.0.0.5:8088" },
  }),
  or("aws:guardduty/publishingDestination:PublishingDestination", "findings", {
    destinationArn: "arn:aws:s3:::eu-b",
  }),
  or("aws:ssm/resourceDataSync:ResourceDataSync", "sync", {
    s3Destination: { region: "eu-central-1", bucketName: "eu-b" },
  }),
  or("aws:ssm/resourceDataSync:ResourceDataSync", "sync-home", {
    s3Destination: { region: "us-west-2", bucketName: "logs-b" },
  }),
  or("aws:cloudwatch/eventApiDestination:EventApiDestination", "api-destination", {
    invocationEndpoint: "https://hooks.example.com/in",
  }),
  or("aws:transfer/connector:Connector", "connector", { url: "sftp://198.51.100.7" }),
  or("aws:pinpoint/app:App", "pinpoint", {
    campaignHook: { webUrl: "https://hooks.example.com/campaign" },
  }),
  or("aws:budgets/budget:Budget", "budget", {
    notifications: [{ subscriberEmailAddresses: ["finance@example.com"] }],
  }),
  or("aws:mailmanager/relay:Relay", "relay", { serverName: "mail.example.com" }),
  // Job outputs log-shipping still judges through its own table (policy/logging.ts).
  or("aws:sagemaker/trainingJob:TrainingJob", "training", {
    checkpointConfig: { s3Uri: "s3://eu-b/checkpoints/" },
  }),
  or("aws:sagemaker/trainingJob:TrainingJob", "training-home", {
    checkpointConfig: { s3Uri: "s3://logs-b/checkpoints/" },
  }),
  or("aws:sagemaker/hyperParameterTuningJob:HyperParameterTuningJob", "tuning", {
    trainingJobDefinition: { checkpointConfig: { s3Uri: "s3://gone-b/checkpoints/" } },
  }),
  or("aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition", "data-quality", {
    dataQualityJobOutputConfig: { monitoringOutputs: { s3Output: { s3Uri: "s3://eu-b/dq/" } } },
  }),
  // API integrations of the logs table.
  or("aws:apigateway/integration:Integration", "integration", {
    type: "HTTP_PROXY",
    uri: "https://backend.example.com/{proxy}",
  }),
  or("aws:apigatewayv2/integration:Integration", "integration-v2", {
    integrationType: "HTTP_PROXY",
    integrationUri: "http://198.51.100.7/api",
  }),
  or("aws:apigateway/integration:Integration", "integration-fn", {
    type: "AWS_PROXY",
    uri: "arn:aws:apigateway:eu-central-1:lambda:path/2015-03-31/functions/f/invocations",
  }),
  // SaaS applications, third parties and findings administrators of the logs table.
  or("aws:chatbot/slackChannelConfiguration:SlackChannelConfiguration", "slack", {
    slackTeamId: "T0123",
  }),
  or("aws:chatbot/slackChannelConfiguration:SlackChannelConfiguration", "slack-unset", {}),
  or("aws:redshift/partner:Partner", "partner", {
    partnerName: "Fivetran",
    accountId: "444455556666",
  }),
  or("aws:macie2/invitationAccepter:InvitationAccepter", "macie-accepter", {
    administratorAccountId: "444455556666",
  }),
  // AWS exports and service logs of the logs table.
  or("aws:rds/exportTask:ExportTask", "export", { s3BucketName: "eu-b" }),
  or("aws:dynamodb/tableExport:TableExport", "table-export", {
    s3Bucket: "gone-b",
    s3BucketOwner: "444455556666",
  }),
  or("aws:emr/cluster:Cluster", "emr", { logUri: "s3://logs-b/emr/" }),
  // Trails, collectors and notifications whose rows read their inputs with code of their own.
  or("aws:kms/key:Key", "trail-key", {}),
  or("aws:cloudtrail/trail:Trail", "audit", {
    s3BucketName: "eu-b",
    cloudWatchLogsGroupArn: "app",
    kmsKeyId: "trail-key",
    isMultiRegionTrail: true,
  }),
  or("aws:cloudtrail/trail:Trail", "audit-home", { s3BucketName: "logs-b" }),
  or("aws:cloudtrail/trail:Trail", "audit-gone", { s3BucketName: "gone-b" }),
  or("aws:cloudtrail/trail:Trail", "audit-later", { s3BucketName: unknown }),
  or("aws:cloudtrail/eventDataStore:EventDataStore", "events", {}),
  or("aws:cfg/configurationAggregator:ConfigurationAggregator", "aggregator", {
    accountAggregationSource: { allRegions: true, regions: ["eu-central-1"] },
  }),
  or("aws:sns/topicSubscription:TopicSubscription", "hook", {
    protocol: "https",
    endpoint: "https://hooks.example.com/sns",
  }),
  or("aws:budgets/budgetAction:BudgetAction", "budget-action", {
    subscribers: [{ subscriptionType: "EMAIL", address: "finance@example.com" }],
  }),
  or("aws:shield/drtAccessLogBucketAssociation:DrtAccessLogBucketAssociation", "drt", {
    logBucket: "logs-b",
  }),
  or("aws:medialive/channel:Channel", "channel", {
    destinations: [{ settings: [{ url: "s3ssl://eu-b/out" }, { url: "rtmp://x.example/a" }] }],
  }),
  or("aws:amplify/app:App", "amplify", {
    customRules: [{ status: "200", source: "/api/<*>", target: "https://api.example.com/<*>" }],
  }),
];

/** The two log inputs: a name, the resources and the settings they are judged under. */
export const logsCases: ReadonlyArray<readonly [string, OracleResource[], OracleSettings]> = [
  ["logs alicloud", alicloud, { jurisdiction: "CN" }],
  ["logs aws", aws, { jurisdiction: "US" }],
];
