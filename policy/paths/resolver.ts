/**
 * The one resolver of references: which resource of the stack a property refers to, where a
 * resource lives, which resources refer to it, and how places outside the stack are named. The
 * stack policies that resolve names (`named-destinations`, `customer-key-encryption`) and the
 * border analysis read references through the same kinds.
 *
 * What a reference can name is declared once, as ref kinds (`refKinds`): the candidate types,
 * the output properties compared with the value, and how a value is normalised before comparing
 * (an S3 ARN names its bucket). The border analysis indexes every kind's properties in one pass
 * over the resources, so it stays linear in the size of the stack.
 *
 * References resolve first through the property's dependencies (how the value was built, known
 * even at preview), then by the identifiers resources expose in their outputs (ARNs, bucket
 * names, route-table IDs…). The analyzer protocol does not send resource IDs, so an ID typed in
 * by hand resolves only when some output carries it.
 */
import {
  type DeclaredDirectConnectLocation,
  directConnectLocationPlace,
} from "../../residency/direct-connect";
import { describeEdgeZone, edgeZoneInJurisdiction } from "../../residency/edge-zones";
import type { PolicyResource } from "@pulumi/policy";
import {
  awsPartitionOf,
  type Cloud,
  clouds,
  holdsAwsPartition,
  holdsCountry,
  type Jurisdiction,
  regionInJurisdiction,
} from "../../residency/jurisdictions";
import {
  cloudOf,
  describePlace,
  hostOf,
  isAwsIdentityType,
  type Placement,
  placementOf,
  regionOfEndpoint,
} from "../../residency/placement";
import type { BorderResource, Place } from "./model";
import { type DeclaredCluster, isSiteCluster } from "../../residency/clusters";
import type { EgressAllowEntry } from "../framework";
import { resourceLabel } from "./describe";
import { foreignAccountPlace } from "./accounts";
import { globalPlaceLabel, type Located } from "./places";
import { isUnknown, known, str, type Unknown, valueAt, valuesAt } from "./values";

/** What a reference property names. */
export type Ref =
  | { readonly kind: "resource"; readonly resource: BorderResource }
  /** The property is not set. */
  | { readonly kind: "none" }
  /** Set to a value that names nothing in this stack. */
  | { readonly kind: "external"; readonly value: string }
  /** Not known until deployed, and not traceable through its dependencies. */
  | { readonly kind: "unknown" };

/** What a reference names, and by which output properties it is matched. */
export interface RefKind {
  /** How the target is named in messages: "OSS bucket". */
  readonly noun: string;
  /** The types a value of this kind can name. */
  readonly types: readonly string[];
  /** Output properties of a target compared with the value (after `normalize`). */
  readonly keys: readonly string[];
  readonly normalize?: (value: string) => string;
  /** The kind this one stands for, and the property that names it (an alias names a key). */
  readonly via?: { readonly kind: RefKindName; readonly path: string };
  /** The kind of the aliases that may stand for a target of this kind. */
  readonly aliases?: RefKindName;
  /**
   * A target of the stack is judged by its own rows (a Cloud WAN attachment, of a global
   * service, by its edge location), so naming one is enough: its region is not compared. Nor
   * does the region an ARN names place a target the program does not create (an API
   * destination's ARN says nothing of the URL it posts to): that one cannot be checked.
   */
  readonly judgedByTarget?: true;
  /** What cannot be checked of a target the program does not create (default: its region). */
  readonly unchecked?: string;
  /**
   * A value in a form that names a resource of another kind by another identifier (a bucket's
   * own domain names the bucket by its name), or undefined.
   */
  readonly byForm?: (
    value: string,
  ) => { readonly kind: RefKindName; readonly value: string } | undefined;
}

/**
 * S3 names arrive as names, as `arn:<partition>:s3:::<name>[/<prefix>]`, as an `s3://<name>[/…]`
 * URI (query results, exports, log URIs; MediaLive writes `s3ssl://`), as `<name>/<prefix>` (a
 * bucket name holds no `/`) or as the absolute `/<name>/<prefix>` of a Transfer Family home
 * directory.
 */
export function s3BucketName(value: string): string {
  const m = /^(?:arn:[^:]+:s3:::|s3(?:ssl)?:\/\/|\/)?([^/]+)/.exec(value);
  const name = m ? m[1] : value;
  return bucketOfS3Domain(name) ?? name;
}

/**
 * The bucket a bucket's own domain names (`<name>.s3.amazonaws.com`,
 * `<name>.s3.<region>.amazonaws.com.cn`, `<name>.s3-website-<region>.amazonaws.com`), as
 * CloudFront's logging and origins name it; undefined for any other host.
 */
export function bucketOfS3Domain(host: string): string | undefined {
  return /^(.+)\.s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?$/.exec(host)?.[1];
}

/** OSS names arrive as names or as `acs:oss:*:*:<name>` / `acs:oss:::<name>`. */
function ossBucketName(value: string): string {
  const m = /^acs:oss:[^:]*:[^:]*:([^/]+)/.exec(value);
  return m ? m[1] : value;
}

export type RefKindName =
  | "s3-bucket"
  | "oss-bucket"
  | "sls-project"
  | "sls-logstore"
  | "dataworks-data-source"
  | "opensearch-outbound-connection"
  | "rds-global-cluster"
  | "docdb-global-cluster"
  | "neptune-global-cluster"
  | "elasticache-global-group"
  | "memorydb-multi-region-cluster"
  | "polardb-gdn"
  | "tair-global-instance"
  | "physical-connection"
  | "db-source"
  | "aws-db-source"
  | "aws-data-endpoint"
  | "alicloud-db-endpoint"
  | "gpdb-instance"
  | "dts-destination"
  | "dts-subscription"
  | "global-ip-whitelist"
  | "networkmanager-attachment"
  | "docdb-cluster"
  | "neptune-cluster"
  | "aws-kms-key"
  | "aws-kms-alias"
  | "alicloud-kms-key"
  | "alicloud-kms-alias"
  | "route-table"
  | "nat-table"
  | "network-acl"
  | "log-group"
  | "log-sink"
  | "eks-cluster"
  | "db-subnet-group"
  | "mail-relay"
  | "voice-connector"
  | "api-destination"
  | "cloudwan-core-network"
  | "cen-instance"
  | "transit-gateway"
  | "transit-router"
  | "vpc-peering"
  | "tgw-peering"
  | "alicloud-vpc-peering"
  | "dx-gateway"
  | "dx-connection"
  | "dx-hosted-interface"
  | "express-connect-router"
  | "tr-multicast-domain"
  | "tgw-attachment"
  | "tr-attachment"
  | "router-interface"
  | "endpoint-service"
  | "codecommit-repository"
  | "ip-address"
  | "ack-cluster"
  | "cdn-origin"
  | "image-repository"
  | "log-server";

/**
 * An ACK Edge cluster: its control plane is in its region, but its edge nodes join from the
 * team's own sites, anywhere, and run its pods there — so it places no provider built from it.
 */
const edgeClusterType = "alicloud:cs/edgeKubernetes:EdgeKubernetes";

/** The ACK cluster types a Kubernetes provider can be built from (an ACK Edge cluster's cannot). */
const ackClusterTypes: readonly string[] = [
  "alicloud:cs/managedKubernetes:ManagedKubernetes",
  "alicloud:cs/kubernetes:Kubernetes",
  "alicloud:cs/serverlessKubernetes:ServerlessKubernetes",
];

/**
 * Every kind of reference the models resolve. A resource's ARN identifies it too, whatever its
 * type. The kinds below the keys are structural: the border analysis follows them (a VPC's
 * system route table, a NAT gateway's SNAT table) but no policy reports them as destinations.
 */
export const refKinds: Readonly<Record<RefKindName, RefKind>> = {
  "s3-bucket": {
    noun: "S3 bucket",
    types: ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"],
    keys: ["bucket", "id"],
    normalize: s3BucketName,
  },
  "oss-bucket": {
    noun: "OSS bucket",
    types: ["alicloud:oss/bucket:Bucket"],
    keys: ["bucket", "id"],
    normalize: ossBucketName,
  },
  "sls-project": {
    noun: "SLS project",
    types: ["alicloud:log/project:Project"],
    keys: ["projectName", "name", "id"],
  },
  "sls-logstore": {
    noun: "SLS logstore",
    types: ["alicloud:log/store:Store"],
    keys: ["logstoreName", "name"],
  },
  "dataworks-data-source": {
    noun: "DataWorks data source",
    types: ["alicloud:dataworks/dataSource:DataSource"],
    keys: ["dataSourceName"],
  },
  "opensearch-outbound-connection": {
    noun: "OpenSearch cross-cluster connection",
    types: ["aws:opensearch/outboundConnection:OutboundConnection"],
    keys: ["id", "connectionId"],
  },
  "rds-global-cluster": {
    noun: "Aurora global cluster",
    types: ["aws:rds/globalCluster:GlobalCluster"],
    keys: ["globalClusterIdentifier", "id", "arn"],
  },
  "docdb-global-cluster": {
    noun: "DocumentDB global cluster",
    types: ["aws:docdb/globalCluster:GlobalCluster"],
    keys: ["globalClusterIdentifier", "id", "arn"],
  },
  "neptune-global-cluster": {
    noun: "Neptune global cluster",
    types: ["aws:neptune/globalCluster:GlobalCluster"],
    keys: ["globalClusterIdentifier", "id", "arn"],
  },
  "elasticache-global-group": {
    noun: "ElastiCache global datastore",
    types: ["aws:elasticache/globalReplicationGroup:GlobalReplicationGroup"],
    keys: ["globalReplicationGroupId", "id"],
  },
  "memorydb-multi-region-cluster": {
    noun: "MemoryDB multi-Region cluster",
    types: ["aws:memorydb/multiRegionCluster:MultiRegionCluster"],
    keys: ["multiRegionClusterName", "id"],
  },
  "polardb-gdn": {
    noun: "PolarDB global database network",
    types: ["alicloud:polardb/globalDatabaseNetwork:GlobalDatabaseNetwork"],
    keys: ["id", "gdnId"],
  },
  "tair-global-instance": {
    noun: "Tair global distributed cache",
    types: ["alicloud:kvstore/instance:Instance", "alicloud:redis/tairInstance:TairInstance"],
    keys: ["globalInstanceId", "id"],
  },
  "physical-connection": {
    noun: "Express Connect physical connection",
    types: ["alicloud:expressconnect/physicalConnection:PhysicalConnection"],
    keys: ["id"],
  },
  "db-source": {
    noun: "source database",
    types: ["alicloud:rds/instance:Instance", "alicloud:polardb/cluster:Cluster"],
    keys: ["id"],
  },
  "aws-db-source": {
    noun: "source database",
    types: ["aws:rds/instance:Instance", "aws:rds/cluster:Cluster"],
    keys: ["identifier", "clusterIdentifier", "arn", "id"],
  },
  /**
   * A database or broker of the stack that a connection names by its endpoint (a Glue
   * connection's JDBC URL or Kafka brokers, built from the resource's outputs).
   */
  "aws-data-endpoint": {
    noun: "database or broker",
    types: [
      "aws:rds/instance:Instance",
      "aws:rds/cluster:Cluster",
      "aws:redshift/cluster:Cluster",
      "aws:redshiftserverless/workgroup:Workgroup",
      "aws:docdb/cluster:Cluster",
      "aws:neptune/cluster:Cluster",
      "aws:msk/cluster:Cluster",
      "aws:msk/serverlessCluster:ServerlessCluster",
    ],
    keys: ["endpoint", "address", "readerEndpoint"],
  },
  /**
   * A database of the stack that a connection names by its host (a JDBC URL built from an
   * instance's `connectionString`): Alibaba Cloud's database host names carry no region, so only
   * the resource it was built from places it.
   */
  "alicloud-db-endpoint": {
    noun: "database",
    types: [
      "alicloud:rds/instance:Instance",
      "alicloud:polardb/cluster:Cluster",
      "alicloud:gpdb/instance:Instance",
      "alicloud:adb/dBCluster:DBCluster",
      "alicloud:clickhouse/dbCluster:DbCluster",
    ],
    keys: ["connectionString"],
  },
  "gpdb-instance": {
    noun: "AnalyticDB for PostgreSQL instance",
    types: ["alicloud:gpdb/instance:Instance"],
    keys: ["id"],
  },
  /**
   * The instance a DTS job writes into, by its ID: a database service's instance or cluster, or the
   * ECS instance a self-hosted database runs on.
   */
  "dts-destination": {
    noun: "destination instance",
    types: [
      "alicloud:rds/instance:Instance",
      "alicloud:polardb/cluster:Cluster",
      "alicloud:drds/polardbxInstance:PolardbxInstance",
      "alicloud:mongodb/instance:Instance",
      "alicloud:mongodb/shardingInstance:ShardingInstance",
      "alicloud:kvstore/instance:Instance",
      "alicloud:gpdb/instance:Instance",
      "alicloud:adb/dBCluster:DBCluster",
      "alicloud:adb/dBClusterLakeVersion:DBClusterLakeVersion",
      "alicloud:ecs/instance:Instance",
    ],
    keys: ["id"],
  },
  /**
   * A global IP whitelist template a database instance takes its whitelist from, by its ID: one of
   * the stack is judged by its own row (the addresses it admits, public-exposure).
   */
  "global-ip-whitelist": {
    noun: "global IP whitelist template",
    types: [
      "alicloud:mongodb/globalSecurityIpGroup:GlobalSecurityIpGroup",
      "alicloud:polardb/globalSecurityIpGroup:GlobalSecurityIpGroup",
    ],
    keys: ["id"],
    judgedByTarget: true,
    unchecked: "the addresses it admits",
  },
  /** A change-data subscription: the DTS instance of a subscription job, by its instance ID. */
  "dts-subscription": {
    noun: "DTS change-data subscription",
    types: ["alicloud:dts/subscriptionJob:SubscriptionJob", "alicloud:dts/instance:Instance"],
    keys: ["dtsInstanceId", "id"],
  },
  "networkmanager-attachment": {
    noun: "Cloud WAN attachment",
    types: [
      "aws:networkmanager/vpcAttachment:VpcAttachment",
      "aws:networkmanager/connectAttachment:ConnectAttachment",
      "aws:networkmanager/siteToSiteVpnAttachment:SiteToSiteVpnAttachment",
      "aws:networkmanager/transitGatewayRouteTableAttachment:TransitGatewayRouteTableAttachment",
      "aws:networkmanager/dxGatewayAttachment:DxGatewayAttachment",
    ],
    keys: ["id", "attachmentId", "arn"],
    judgedByTarget: true,
  },
  "docdb-cluster": {
    noun: "DocumentDB cluster",
    types: ["aws:docdb/cluster:Cluster"],
    keys: ["clusterIdentifier", "arn", "id"],
  },
  "neptune-cluster": {
    noun: "Neptune cluster",
    types: ["aws:neptune/cluster:Cluster"],
    keys: ["clusterIdentifier", "arn", "id"],
  },
  "aws-kms-key": {
    noun: "KMS key",
    types: ["aws:kms/key:Key", "aws:kms/replicaKey:ReplicaKey", "aws:kms/externalKey:ExternalKey"],
    keys: ["arn", "keyId", "id"],
    aliases: "aws-kms-alias",
  },
  "aws-kms-alias": {
    noun: "KMS alias",
    types: ["aws:kms/alias:Alias"],
    keys: ["name", "arn"],
    via: { kind: "aws-kms-key", path: "targetKeyId" },
  },
  "alicloud-kms-key": {
    noun: "KMS key",
    types: ["alicloud:kms/key:Key"],
    keys: ["id", "keyId", "arn"],
    aliases: "alicloud-kms-alias",
  },
  "alicloud-kms-alias": {
    noun: "KMS alias",
    types: ["alicloud:kms/alias:Alias"],
    keys: ["aliasName"],
    via: { kind: "alicloud-kms-key", path: "keyId" },
  },
  "route-table": {
    noun: "route table",
    types: ["alicloud:vpc/network:Network", "aws:ec2/vpc:Vpc"],
    keys: ["routeTableId", "routerTableId", "routerId", "mainRouteTableId", "defaultRouteTableId"],
  },
  "nat-table": {
    noun: "NAT table",
    types: ["alicloud:vpc/natGateway:NatGateway"],
    keys: ["snatTableIds", "forwardTableIds"],
  },
  "network-acl": {
    noun: "network ACL",
    types: ["aws:ec2/vpc:Vpc"],
    keys: ["defaultNetworkAclId"],
  },
  "log-group": { noun: "log group", types: ["aws:cloudwatch/logGroup:LogGroup"], keys: ["name"] },
  /**
   * A registry repository of the stack that an image reference is built from
   * (`${repo.repositoryUrl}:v1`): not known at preview for a repository the deployment creates,
   * the reference lies where the repository does. ECR Public is none of these: its registry is
   * global.
   */
  "image-repository": {
    noun: "image repository",
    types: [
      "aws:ecr/repository:Repository",
      "alicloud:cr/repo:Repo",
      "alicloud:cs/registryEnterpriseRepo:RegistryEnterpriseRepo",
    ],
    keys: ["repositoryUrl"],
  },
  /**
   * A server of the stack a container ships its logs to, named by an address built from the
   * server's outputs (`tcp://${vm.privateIp}:514`, CloudWatch Logs through an interface endpoint's
   * DNS name): not known at preview for a virtual machine, load balancer or VPC endpoint the
   * deployment creates, the address lies where that server does.
   */
  "log-server": {
    noun: "log server",
    types: [
      "aws:ec2/instance:Instance",
      "alicloud:ecs/instance:Instance",
      "aws:ec2/vpcEndpoint:VpcEndpoint",
      "aws:lb/loadBalancer:LoadBalancer",
      "alicloud:slb/loadBalancer:LoadBalancer",
      "alicloud:nlb/loadBalancer:LoadBalancer",
    ],
    keys: ["privateIp", "publicIp", "dnsName", "address"],
    normalize: hostOf,
  },
  // The resources of a program whose host names a CDN fetches from (and forwards viewer
  // requests to): buckets and their websites, load balancers, function URLs, API endpoints,
  // instances and their addresses, and the program's own DNS names for them.
  "cdn-origin": {
    noun: "origin",
    // An S3 bucket's global domain (`<bucket>.s3.amazonaws.com`), which names no region, names
    // the bucket, whatever the program computed it from; a regional one places itself.
    byForm: (value) => {
      const bucket = regionOfEndpoint(value) === undefined ? bucketOfS3Domain(value) : undefined;
      return bucket === undefined ? undefined : { kind: "s3-bucket", value: bucket };
    },
    types: [
      "aws:s3/bucket:Bucket",
      "aws:s3/bucketV2:BucketV2",
      "aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration",
      "aws:s3/bucketWebsiteConfigurationV2:BucketWebsiteConfigurationV2",
      "aws:lb/loadBalancer:LoadBalancer",
      "aws:alb/loadBalancer:LoadBalancer",
      "aws:elb/loadBalancer:LoadBalancer",
      "aws:lambda/functionUrl:FunctionUrl",
      "aws:apigateway/restApi:RestApi",
      "aws:apigateway/stage:Stage",
      "aws:apigateway/deployment:Deployment",
      "aws:apigateway/domainName:DomainName",
      "aws:apigatewayv2/api:Api",
      "aws:apigatewayv2/stage:Stage",
      "aws:apigatewayv2/domainName:DomainName",
      "aws:ec2/instance:Instance",
      "aws:ec2/eip:Eip",
      "aws:elasticbeanstalk/environment:Environment",
      "aws:mediastore/container:Container",
      "aws:appsync/graphQLApi:GraphQLApi",
      "aws:cloudfront/vpcOrigin:VpcOrigin",
      "aws:route53/record:Record",
      "alicloud:oss/bucket:Bucket",
      "alicloud:slb/loadBalancer:LoadBalancer",
      "alicloud:slb/applicationLoadBalancer:ApplicationLoadBalancer",
      "alicloud:alb/loadBalancer:LoadBalancer",
      "alicloud:nlb/loadBalancer:LoadBalancer",
      "alicloud:ecs/eipAddress:EipAddress",
      "alicloud:ecs/instance:Instance",
      "alicloud:fc/customDomain:CustomDomain",
      "alicloud:dns/record:Record",
      "alicloud:alidns/record:Record",
    ],
    keys: [
      "bucketRegionalDomainName",
      "bucketDomainName",
      "websiteEndpoint",
      "dnsName",
      "functionUrl",
      "invokeUrl",
      "regionalDomainName",
      "apiEndpoint",
      "publicDns",
      "privateDns",
      "cname",
      "fqdn",
      "ipAddress",
      "publicIp",
    ],
  },
  /** Where a service delivers logs it may send to several kinds of sink (WAF, Network Firewall). */
  "log-sink": {
    noun: "log destination",
    types: [
      "aws:s3/bucket:Bucket",
      "aws:s3/bucketV2:BucketV2",
      "aws:cloudwatch/logGroup:LogGroup",
      "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
    ],
    keys: ["bucket", "name"],
    normalize: s3BucketName,
  },
  "eks-cluster": { noun: "EKS cluster", types: ["aws:eks/cluster:Cluster"], keys: ["name"] },
  /** An ACK cluster by ID (an ACK One fleet's member): the program's own lies in its region. */
  "ack-cluster": {
    noun: "ACK cluster",
    types: [...ackClusterTypes, edgeClusterType],
    keys: ["id"],
  },
  "db-subnet-group": {
    noun: "DB subnet group",
    types: ["aws:rds/subnetGroup:SubnetGroup"],
    keys: ["name"],
  },
  /**
   * A Mail Manager relay, by ID or ARN, which sends the mail on to the SMTP server it names: the
   * program's own is judged by its own row (the server's host name); another's server cannot be
   * checked, whatever region its ARN names.
   */
  "mail-relay": {
    noun: "mail relay",
    types: ["aws:mailmanager/relay:Relay"],
    keys: ["id", "arn"],
    judgedByTarget: true,
    unchecked: "the mail server it relays to",
  },
  "voice-connector": {
    noun: "Chime voice connector",
    types: ["aws:chime/voiceConnector:VoiceConnector"],
    keys: ["id"],
  },
  /**
   * An EventBridge API destination, which POSTs every event it is handed to the HTTPS URL it
   * holds: AWS's by ARN, Alibaba Cloud's by name or ACS ARN
   * (`acs:eventbridge:<region>:<uid>:/apidestination/<name>`). The program's own is judged by its
   * own row (its URL, log-shipping); another's URL cannot be checked, whatever region it is in.
   */
  "api-destination": {
    noun: "API destination",
    types: [
      "aws:cloudwatch/eventApiDestination:EventApiDestination",
      "alicloud:eventbridge/apiDestination:ApiDestination",
    ],
    keys: ["arn", "apiDestinationName", "id"],
    normalize: (value) =>
      /^acs:eventbridge:[^:]*:[^:]*:\/?apidestination\/([^/]+)/i.exec(value)?.[1] ?? value,
    judgedByTarget: true,
    unchecked: "the endpoint URL it posts events to",
  },
  /**
   * A core network joins every region of its policy's edge locations, which the program's own
   * core network (and its policy attachment) places by its own rows.
   */
  "cloudwan-core-network": {
    noun: "Cloud WAN core network",
    types: ["aws:networkmanager/coreNetwork:CoreNetwork"],
    keys: ["id", "arn"],
    judgedByTarget: true,
    unchecked: "the regions it reaches",
  },
  /**
   * A transit gateway joins every network attached to it and, through its peerings, other
   * regions: the program's own is judged by its attachments' and peerings' rows.
   */
  "transit-gateway": {
    noun: "transit gateway",
    types: ["aws:ec2transitgateway/transitGateway:TransitGateway"],
    keys: ["id"],
    judgedByTarget: true,
    unchecked: "the networks and regions of its other attachments",
  },
  /** A CEN transit router, as a transit gateway: the program's own by its own attachments. */
  "transit-router": {
    noun: "transit router",
    types: ["alicloud:cen/transitRouter:TransitRouter"],
    keys: ["transitRouterId"],
    judgedByTarget: true,
    unchecked: "the networks and regions of its other attachments",
  },
  /** A CEN instance joins the networks of every region attached to it, each by its own row. */
  "cen-instance": {
    noun: "CEN instance",
    types: ["alicloud:cen/instance:Instance"],
    keys: ["id"],
    judgedByTarget: true,
    unchecked: "the regions of its other network instances",
  },
  /**
   * A peering an accepter accepts: one the program requests is judged by its own row (the peer's
   * region), one it does not leaves the requester's side unknown.
   */
  "vpc-peering": {
    noun: "VPC peering connection",
    types: ["aws:ec2/vpcPeeringConnection:VpcPeeringConnection"],
    keys: ["id"],
    judgedByTarget: true,
    unchecked: "the region of the requester's VPC",
  },
  "tgw-peering": {
    noun: "transit gateway peering attachment",
    types: ["aws:ec2transitgateway/peeringAttachment:PeeringAttachment"],
    keys: ["id"],
    judgedByTarget: true,
    unchecked: "the region of the requester's transit gateway",
  },
  "alicloud-vpc-peering": {
    noun: "VPC peer connection",
    types: ["alicloud:vpc/peerConnection:PeerConnection"],
    keys: ["id"],
    judgedByTarget: true,
    unchecked: "the region of the requester's VPC",
  },
  /**
   * A Direct Connect gateway joins every virtual interface attached to it, whatever its location:
   * the program's own are judged by their own rows (their connections' locations).
   */
  "dx-gateway": {
    noun: "Direct Connect gateway",
    types: ["aws:directconnect/gateway:Gateway"],
    keys: ["id"],
    judgedByTarget: true,
    unchecked: "the locations of its virtual interfaces",
  },
  /**
   * The connection (or link aggregation group) a virtual interface runs on: the program's own is
   * judged by its own row (the Direct Connect location it lands at); another's location, and the
   * site beyond it, cannot be checked.
   */
  "dx-connection": {
    noun: "Direct Connect connection",
    types: [
      "aws:directconnect/connection:Connection",
      "aws:directconnect/linkAggregationGroup:LinkAggregationGroup",
    ],
    keys: ["id"],
    judgedByTarget: true,
    unchecked: "where it lands and the site beyond it",
  },
  /**
   * A hosted virtual interface another account allocates on its connection: the program's own is
   * judged by its own row (the connection it runs on); another's connection cannot be checked.
   */
  "dx-hosted-interface": {
    noun: "hosted virtual interface",
    types: [
      "aws:directconnect/hostedPrivateVirtualInterface:HostedPrivateVirtualInterface",
      "aws:directconnect/hostedTransitVirtualInterface:HostedTransitVirtualInterface",
    ],
    keys: ["id"],
    judgedByTarget: true,
    unchecked: "the connection it runs on, where that lands and the site beyond it",
  },
  /**
   * An Express Connect router joins border routers and transit routers of any region: the
   * program's own by its own associations (their regions), another's cannot be judged.
   */
  "express-connect-router": {
    noun: "Express Connect router",
    types: ["alicloud:expressconnect/routerExpressConnectRouter:RouterExpressConnectRouter"],
    keys: ["id"],
    judgedByTarget: true,
    unchecked: "the border routers and transit routers of any region it joins",
  },
  /**
   * An attachment of a transit gateway, named by the routes into it: the program's own is judged
   * by its own row (the VPC, VPN, peering or Direct Connect gateway it joins); another stack's or
   * account's joins a network the pack cannot see.
   */
  "tgw-attachment": {
    noun: "transit gateway attachment",
    types: [
      "aws:ec2transitgateway/vpcAttachment:VpcAttachment",
      "aws:ec2transitgateway/vpcAttachmentAccepter:VpcAttachmentAccepter",
      "aws:ec2transitgateway/peeringAttachment:PeeringAttachment",
      "aws:ec2transitgateway/peeringAttachmentAccepter:PeeringAttachmentAccepter",
      "aws:ec2transitgateway/connect:Connect",
      "aws:ec2/vpnConnection:VpnConnection",
      "aws:directconnect/gatewayAssociation:GatewayAssociation",
    ],
    keys: ["id", "transitGatewayAttachmentId"],
    judgedByTarget: true,
    unchecked: "the network, site or region it joins",
  },
  /** An attachment of a CEN transit router, as a transit gateway's (above). */
  "tr-attachment": {
    noun: "transit router attachment",
    types: [
      "alicloud:cen/transitRouterVpcAttachment:TransitRouterVpcAttachment",
      "alicloud:cen/transitRouterVbrAttachment:TransitRouterVbrAttachment",
      "alicloud:cen/transitRouterPeerAttachment:TransitRouterPeerAttachment",
      "alicloud:cen/transitRouterVpnAttachment:TransitRouterVpnAttachment",
      "alicloud:cen/transitRouterEcrAttachment:TransitRouterEcrAttachment",
    ],
    keys: ["transitRouterAttachmentId", "id"],
    judgedByTarget: true,
    unchecked: "the network, site or region it joins",
  },
  /**
   * The router interface a connection starts from: the program's own is judged by its own row
   * (the region it connects to); another's far end cannot be checked.
   */
  /**
   * A PrivateLink endpoint service an interface endpoint connects to: the program's own lies
   * where its provider places it, which its own rows judge (whom it accepts, from where).
   */
  "endpoint-service": {
    noun: "endpoint service",
    types: [
      "aws:ec2/vpcEndpointService:VpcEndpointService",
      "alicloud:privatelink/vpcEndpointService:VpcEndpointService",
    ],
    keys: ["serviceName", "vpcEndpointServiceName"],
  },
  /** A CodeCommit repository a build clones: the program's own lies where it is created. */
  "codecommit-repository": {
    noun: "CodeCommit repository",
    types: ["aws:codecommit/repository:Repository"],
    keys: ["cloneUrlHttp", "cloneUrlSsh", "arn"],
  },
  /**
   * An address of a machine or address of the program (an Elastic IP, an instance, a network
   * interface, a VPN gateway or connection's tunnel end) that a resource sends to — a SIP host a
   * voice connector routes calls to, the customer gateway a VPN's tunnels end at: the program's
   * own lies in its region (found by the media bench: the host failed closed when it was the
   * program's Elastic IP; by the multi-cluster bench: a customer gateway set from the program's
   * other cloud's VPN gateway).
   */
  "ip-address": {
    noun: "address",
    types: [
      "aws:ec2/eip:Eip",
      "aws:ec2/instance:Instance",
      "aws:ec2/networkInterface:NetworkInterface",
      "aws:ec2/vpnConnection:VpnConnection",
      "alicloud:ecs/eipAddress:EipAddress",
      "alicloud:ecs/instance:Instance",
      "alicloud:vpn/gateway:Gateway",
    ],
    keys: [
      "publicIp",
      "privateIp",
      "ipAddress",
      "primaryIpAddress",
      "tunnel1Address",
      "tunnel2Address",
      "internetIp",
    ],
    // A SIP allow list names a host as a one-address block (`203.0.113.5/32`).
    normalize: (value) => value.replace(/\/32$/, ""),
  },
  "router-interface": {
    noun: "router interface",
    types: [
      "alicloud:vpc/routerInterface:RouterInterface",
      "alicloud:expressconnect/routerInterface:RouterInterface",
    ],
    keys: ["id"],
    judgedByTarget: true,
    unchecked: "the region it connects to",
  },
  /** A transit router's multicast domain, placed by its region. */
  "tr-multicast-domain": {
    noun: "transit router multicast domain",
    types: ["alicloud:cen/transitRouterMulticastDomain:TransitRouterMulticastDomain"],
    keys: ["id"],
  },
};

/** Per type, the output properties that identify a resource of it to others (besides its ARN). */
const identifierProps: ReadonlyMap<string, readonly string[]> = (() => {
  const out = new Map<string, string[]>();
  for (const kind of Object.values(refKinds)) {
    for (const type of kind.types) {
      const keys = out.get(type) ?? [];
      out.set(type, [...keys, ...kind.keys.filter((k) => k !== "arn" && !keys.includes(k))]);
    }
  }
  return out;
})();

/**
 * Resources that carry a hub's or an instance's ID in a property of their own (a route table's or
 * another attachment's `transitGatewayId`), by the hub's type: a value the program computed from
 * one of them names the hub that property names. Before the hub is deployed its ID is unknown, so
 * the value's dependencies are all that tie it to the hub.
 */
const heldBy: ReadonlyMap<string, { readonly types: readonly string[]; readonly path: string }> =
  new Map([
    [
      "aws:ec2transitgateway/transitGateway:TransitGateway",
      {
        types: [
          "aws:ec2transitgateway/connect:Connect",
          "aws:ec2transitgateway/defaultRouteTableAssociation:DefaultRouteTableAssociation",
          "aws:ec2transitgateway/defaultRouteTablePropagation:DefaultRouteTablePropagation",
          "aws:ec2transitgateway/meteringPolicy:MeteringPolicy",
          "aws:ec2transitgateway/multicastDomain:MulticastDomain",
          "aws:ec2transitgateway/peeringAttachment:PeeringAttachment",
          "aws:ec2transitgateway/policyTable:PolicyTable",
          "aws:ec2transitgateway/routeTable:RouteTable",
          "aws:ec2transitgateway/vpcAttachment:VpcAttachment",
        ],
        path: "transitGatewayId",
      },
    ],
    [
      "alicloud:cen/transitRouter:TransitRouter",
      {
        types: [
          "alicloud:cen/flowLog:FlowLog",
          "alicloud:cen/interRegionTrafficQosPolicy:InterRegionTrafficQosPolicy",
          "alicloud:cen/trafficMarkingPolicy:TrafficMarkingPolicy",
          "alicloud:cen/transitRouterCidr:TransitRouterCidr",
          "alicloud:cen/transitRouterEcrAttachment:TransitRouterEcrAttachment",
          "alicloud:cen/transitRouterMulticastDomain:TransitRouterMulticastDomain",
          "alicloud:cen/transitRouterPeerAttachment:TransitRouterPeerAttachment",
          "alicloud:cen/transitRouterPrefixListAssociation:TransitRouterPrefixListAssociation",
          "alicloud:cen/transitRouterRouteTable:TransitRouterRouteTable",
          "alicloud:cen/transitRouterVbrAttachment:TransitRouterVbrAttachment",
          "alicloud:cen/transitRouterVpcAttachment:TransitRouterVpcAttachment",
          "alicloud:cen/transitRouterVpnAttachment:TransitRouterVpnAttachment",
        ],
        path: "transitRouterId",
      },
    ],
    // The objects an AnalyticDB for PostgreSQL instance holds (an account's `dbInstanceId` read
    // by a remote data source) name the instance they are on.
    [
      "alicloud:gpdb/instance:Instance",
      {
        types: [
          "alicloud:gpdb/account:Account",
          "alicloud:gpdb/backupPolicy:BackupPolicy",
          "alicloud:gpdb/database:Database",
          "alicloud:gpdb/dbExtension:DbExtension",
          "alicloud:gpdb/dbInstanceIpArray:DbInstanceIpArray",
          "alicloud:gpdb/dbInstancePlan:DbInstancePlan",
          "alicloud:gpdb/dbResourceGroup:DbResourceGroup",
        ],
        path: "dbInstanceId",
      },
    ],
  ]);

/** Cluster types a Kubernetes provider can be built from. */
export const clusterTypes: readonly string[] = [...ackClusterTypes, "aws:eks/cluster:Cluster"];

/**
 * The package of a Kubernetes cluster of a cloud the catalog does not hold (GKE's
 * `gcp:container/cluster:Cluster`, AKS's `azure-native:containerservice:ManagedCluster`,
 * DigitalOcean's `digitalocean:index/kubernetesCluster:KubernetesCluster`), by its type: a
 * resource type named a cluster outside the catalogued clouds' packages. Only asked of a resource
 * a provider's kubeconfig comes from.
 */
export function otherCloudClusterPackage(type: string): string | undefined {
  const [pkg] = type.split(":");
  const kind = type.split(":").at(-1) ?? "";
  return /Cluster$/.test(kind) && !catalogued.includes(pkg) ? pkg : undefined;
}

/**
 * Clusters a multi-language component creates (`eks:index:Cluster`), by the cloud it creates them
 * in. Under the Pulumi CLI its plugin creates an `aws.eks.Cluster` with the aws provider the
 * program passes it or the stack's default one, and a provider built from its kubeconfig depends
 * on that cluster, which the pack places. Offline the plugin creates nothing: the component
 * stands for its cluster, in the region of the stack's providers of that cloud
 * (`Resolver.componentCluster`).
 */
export const clusterComponentTypes: Readonly<Record<string, Cloud>> = {
  "eks:index:Cluster": "aws",
};

/**
 * Packages whose clusters are of a catalogued cloud: its own SDKs, AWS Cloud Control's
 * (`aws-native:eks:Cluster` is an EKS cluster, which a stack may declare by its context) and the
 * EKS component's; and Kubernetes' and Pulumi's own, which are no cloud's.
 */
const catalogued: readonly string[] = [
  ...clouds,
  "aws-native",
  ...Object.keys(clusterComponentTypes).map((t) => t.split(":")[0]),
  "kubernetes",
  "pulumi",
];

export const kubernetesProviderType = "pulumi:providers:kubernetes";

/**
 * The cluster a Kubernetes provider deploys to: a cluster resource of the program its kubeconfig
 * was built from, a cluster the stack config declares by the provider's kubeconfig context, or
 * none the pack can place (and why).
 */
export type ClusterSource =
  | { readonly kind: "resource"; readonly cluster: BorderResource }
  | { readonly kind: "declared"; readonly declared: DeclaredCluster }
  /** A kubeconfig given as text whose server is a managed cluster's regional API endpoint. */
  | {
      readonly kind: "endpoint";
      readonly server: string;
      readonly cloud: Cloud;
      readonly region: string;
    }
  | {
      readonly kind: "unplaced";
      readonly reason: string;
      readonly context?: string;
      /** The kubeconfig cluster the provider overrides its context's with, when it switches. */
      readonly cluster?: string;
      /** True when that cluster is none of those the kubeconfig, given as text, holds. */
      readonly clusterAbsent?: boolean;
      /** The folder a provider that only renders its objects writes them to. */
      readonly rendered?: string;
      /** The cluster of a cloud the catalog does not hold that the kubeconfig comes from. */
      readonly otherCloud?: { readonly cluster: BorderResource; readonly pkg: string };
    };

/** The `current-context` of a kubeconfig given as text (YAML or JSON), when it names one. */
export function currentContextOf(kubeconfig: unknown): string | undefined {
  if (typeof kubeconfig !== "string") {
    return undefined;
  }
  try {
    const doc = JSON.parse(kubeconfig) as Record<string, unknown>;
    return str(doc?.["current-context"]);
  } catch {
    const m = /^current-context:[ \t]*["']?([^"'\s#]+)["']?[ \t]*(?:#.*)?$/m.exec(kubeconfig);
    return m?.[1];
  }
}

/**
 * The name of the cluster a kubeconfig given as text selects by its context: `context`, else its
 * `current-context`. Undefined when it selects none, or names a context it does not hold.
 */
function contextClusterOf(
  props: Readonly<Record<string, unknown>>,
  context: string | undefined,
): string | undefined {
  const read = known(() => {
    const selected = context ?? str(valueAt(props, "kubeconfig.current-context"));
    const contexts = valuesAt(props, "kubeconfig.contexts[]").map((f) => f.value);
    return selected === undefined
      ? undefined
      : str(
          valueAt(
            contexts.find((c) => valueAt(c, "name") === selected),
            "context.cluster",
          ),
        );
  });
  return isUnknown(read) ? undefined : read;
}

/** The names of the clusters a kubeconfig given as text holds (none when it is not readable). */
function kubeconfigClusterNames(props: Readonly<Record<string, unknown>>): string[] {
  const read = known(() =>
    valuesAt(props, "kubeconfig.clusters[]").flatMap((f) => str(valueAt(f.value, "name")) ?? []),
  );
  return isUnknown(read) ? [] : read;
}

/**
 * The server of the cluster a kubeconfig given as text selects — the one `cluster` names when the
 * provider overrides its context's, else by `context`, else by its `current-context`, else its
 * only cluster — when that server is an EKS API endpoint
 * (`https://<id>.<cell>.<region>.eks.amazonaws.com`), with the region its host names: the API
 * server, and so the cluster, is in that region. An override naming no cluster of the kubeconfig
 * selects none.
 */
export function eksEndpointOf(
  props: Readonly<Record<string, unknown>>,
  context: string | undefined,
  override?: string,
): { readonly server: string; readonly region: string } | undefined {
  const read = known(() => {
    const clusters = valuesAt(props, "kubeconfig.clusters[]").map((f) => f.value);
    const selected = context ?? str(valueAt(props, "kubeconfig.current-context"));
    const clusterName = override ?? contextClusterOf(props, context);
    const cluster =
      clusterName !== undefined
        ? clusters.find((c) => valueAt(c, "name") === clusterName)
        : selected === undefined && clusters.length === 1
          ? clusters[0]
          : undefined;
    return str(valueAt(cluster, "cluster.server"));
  });
  const server = isUnknown(read) ? undefined : read;
  if (server === undefined || !/\.eks\.amazonaws\.com(\.cn)?(?::\d+)?(?:\/|$)/.test(server)) {
    return undefined;
  }
  const at = regionOfEndpoint(server);
  return at?.cloud === "aws" ? { server, region: at.region } : undefined;
}

/**
 * The path a Kubernetes provider's `kubeconfig` names, when it is one: the provider takes the
 * kubeconfig's contents or the path of a file holding them. One line that is neither YAML nor
 * JSON (no `key: value`, no brace) is a path.
 */
export function kubeconfigPath(kubeconfig: unknown): string | undefined {
  if (typeof kubeconfig !== "string") {
    return undefined;
  }
  const text = kubeconfig.trim();
  return text !== "" && !/[\n{]/.test(text) && !/:\s/.test(text) ? text : undefined;
}

export class Resolver {
  private readonly byUrn = new Map<string, BorderResource>();
  /** The resources each resource is the parent of, by its URN (made on first use). */
  private children: Map<string, BorderResource[]> | undefined;
  private readonly byType = new Map<string, BorderResource[]>();
  private identifiers?: Map<string, BorderResource>;
  private readonly referrerIndex = new Map<string, Map<string, BorderResource[]>>();
  private readonly placements = new Map<string, Placement>();
  private readonly places = new Map<string, Place>();
  private readonly memos = new Map<string, unknown>();
  private readonly clusterSources = new Map<string, ClusterSource>();

  constructor(
    readonly resources: readonly BorderResource[],
    readonly jurisdiction: Jurisdiction,
    readonly allowlist: readonly EgressAllowEntry[] = [],
    /** Clusters the stack config places by kubeconfig context (`sovereign-dc:clusters`). */
    readonly declaredClusters: readonly DeclaredCluster[] = [],
    /** The accounts the stack config declares its own (`sovereign-dc:accountId`). */
    readonly declaredAccounts: readonly string[] = [],
    /** The account the offline engine writes into the stack's own ARNs when none is declared. */
    readonly standInAccount?: string,
    /** Direct Connect locations the stack places by country (`sovereign-dc:directConnectLocations`). */
    readonly directConnectLocations: readonly DeclaredDirectConnectLocation[] = [],
  ) {
    for (const r of resources) {
      this.byUrn.set(r.urn, r);
      let list = this.byType.get(r.type);
      if (!list) {
        list = [];
        this.byType.set(r.type, list);
      }
      list.push(r);
    }
  }

  get(urn: string): BorderResource | undefined {
    return this.byUrn.get(urn);
  }

  ofType(type: string): readonly BorderResource[] {
    return this.byType.get(type) ?? [];
  }

  /** A resource named by an identifier it exposes (ARN, bucket name, route-table ID…). */
  byIdentifier(value: string, types?: readonly string[]): BorderResource | undefined {
    if (!this.identifiers) {
      this.identifiers = new Map();
      for (const r of this.resources) {
        const keys = [r.props.arn, ...(identifierProps.get(r.type) ?? []).map((k) => r.props[k])];
        for (const k of keys.flat()) {
          if (typeof k === "string" && k !== "" && !this.identifiers.has(k)) {
            this.identifiers.set(k, r);
          }
        }
      }
    }
    const found = this.identifiers.get(value);
    return found && (!types || types.includes(found.type)) ? found : undefined;
  }

  /**
   * The resources a property refers to, one per value at `path`. `types` narrows the candidates
   * when the property's dependencies name several resources (a `destination` object built from
   * a bucket and a role).
   *
   * A value that no output identifies is matched against the property's dependencies: when the
   * unmatched values and the remaining dependencies are equally many, each value came from one of
   * them (a list of vSwitch IDs built from the vSwitches); otherwise it names something outside
   * the stack. Pairing them any other way could tie a control to a resource it does not cover.
   */
  refs(r: BorderResource, path: string, types?: readonly string[]): Ref[] {
    const values = valuesAt(r.props, path).map((f) => f.value);
    const top = path.split(".")[0].replace(/\[\]$/, "");
    const all = (r.propertyDependencies[top] ?? [])
      .map((u) => this.byUrn.get(u))
      .filter((d): d is BorderResource => d !== undefined);
    const direct = all.filter((d) => !types || types.includes(d.type));
    const held = direct.length > 0 || !types ? direct : this.heldTargets(all, types);
    const deps =
      held.length > 0 || !types || all.length === 0 ? held : this.childrenOfKind(all, types);
    if (values.length === 0) {
      // An unknown container hides its values; its dependencies still say what it names.
      return deps.length > 0 && isUnknown(r.props[top])
        ? deps.map((d) => ({ kind: "resource", resource: d }))
        : [];
    }
    const out: Ref[] = values.map((v): Ref => {
      if (typeof v === "string" && v !== "") {
        const named = this.byIdentifier(v, types);
        return named ? { kind: "resource", resource: named } : { kind: "external", value: v };
      }
      return isUnknown(v) ? { kind: "unknown" } : { kind: "none" };
    });
    const used = new Set(out.flatMap((ref) => (ref.kind === "resource" ? [ref.resource.urn] : [])));
    const spare = deps.filter((d) => !used.has(d.urn));
    const open = out.flatMap((ref, i) =>
      ref.kind === "external" || ref.kind === "unknown" ? [i] : [],
    );
    if (open.length > 0 && open.length === spare.length) {
      open.forEach((i, k) => {
        out[i] = { kind: "resource", resource: spare[k] };
      });
    }
    return out;
  }

  /**
   * The resources of `types` that components among `deps` created, at any depth (the ECR
   * repository of an `awsx.ecr.Repository`, registered by its plugin): what a value computed
   * from a component's output names, when the component's own type is none of them.
   */
  childrenOfKind(deps: readonly BorderResource[], types: readonly string[]): BorderResource[] {
    this.children ??= childIndex(this.resources, (r) => r.parent);
    return createdOfKind(deps, types, this.children);
  }

  /**
   * The targets of `types` that resources among `deps` hold in a property of their own (the
   * transit router a route table names): what a value computed from those resources names.
   */
  private heldTargets(deps: readonly BorderResource[], types: readonly string[]): BorderResource[] {
    const holders = types.flatMap((t) => {
      const h = heldBy.get(t);
      return h ? [h] : [];
    });
    return deps.flatMap((d) =>
      holders
        .filter((h) => h.types.includes(d.type))
        .flatMap((h) => {
          const held = this.ref(d, h.path, types);
          return held.kind === "resource" ? [held.resource] : [];
        }),
    );
  }

  /** A value computed once per analysis (an index over one kind of resource). */
  memo<T>(key: string, build: () => T): T {
    if (!this.memos.has(key)) {
      this.memos.set(key, build());
    }
    return this.memos.get(key) as T;
  }

  /** The one resource a property refers to (the first, when it holds several). */
  ref(r: BorderResource, path: string, types?: readonly string[]): Ref {
    return this.refs(r, path, types)[0] ?? { kind: "none" };
  }

  /** The resource a property refers to, or undefined when it names none of the stack's. */
  resourceAt(
    r: BorderResource,
    path: string,
    types?: readonly string[],
  ): BorderResource | undefined {
    const found = this.ref(r, path, types);
    return found.kind === "resource" ? found.resource : undefined;
  }

  /**
   * Resources of `type` whose `path` refers to `target` — the security groups of a VPC, the
   * rules of a group. One pass over the resources of that type, on first use.
   */
  referrers(target: BorderResource, type: string, path: string): readonly BorderResource[] {
    const key = `${type}\0${path}`;
    let index = this.referrerIndex.get(key);
    if (!index) {
      index = new Map();
      for (const r of this.ofType(type)) {
        for (const ref of this.refs(r, path)) {
          if (ref.kind === "resource") {
            const list = index.get(ref.resource.urn) ?? [];
            if (!list.includes(r)) {
              list.push(r);
            }
            index.set(ref.resource.urn, list);
          }
        }
      }
      this.referrerIndex.set(key, index);
    }
    return index.get(target.urn) ?? [];
  }

  /** Where a resource lives; Kubernetes objects live where their cluster does. */
  placement(r: BorderResource): Placement {
    const cached = this.placements.get(r.urn);
    if (cached) {
      return cached;
    }
    const provider = r.provider ? this.byUrn.get(r.provider) : undefined;
    const componentCloud = clusterComponentTypes[r.type];
    let p =
      componentCloud !== undefined
        ? this.componentCluster(r, componentCloud)
        : placementOf(r.type, r.props, provider);
    if (p.kind === "cluster") {
      const source =
        provider?.type === kubernetesProviderType ? this.clusterSource(provider) : undefined;
      switch (source?.kind) {
        case "resource":
          p = this.placement(source.cluster);
          break;
        case "declared": {
          const d = source.declared;
          if (!isSiteCluster(d)) {
            p = { kind: "region", cloud: d.cloud, region: d.region };
          } else if (holdsCountry(this.jurisdiction, d.country)) {
            // On the cluster the provider talks to, at a site of the team's own inside: judged
            // on the provider (kubernetes-cluster-placement), what leaves it by its own edges.
            p = {
              kind: "provider",
              reason: `it runs in the cluster of context ${JSON.stringify(d.context)}, which sovereign-dc:clusters declares at site ${JSON.stringify(d.site)} in ${d.country}`,
              near: `the cluster at site ${JSON.stringify(d.site)} (${d.country})`,
            };
          } else {
            // At a site abroad: kubernetes-cluster-placement reports it once, on the provider.
            p = {
              kind: "cluster",
              reason: `the cluster of ${this.label(provider!)} is declared at site ${JSON.stringify(d.site)} in ${d.country}`,
            };
          }
          break;
        }
        case "endpoint":
          p = { kind: "region", cloud: source.cloud, region: source.region };
          break;
        case "unplaced":
          // Still a "cluster" placement: kubernetes-cluster-placement reports the cluster that
          // cannot be placed once, on the provider, rather than once per object.
          p = {
            kind: "cluster",
            reason: `the cluster of ${this.label(provider!)} cannot be placed`,
          };
          break;
        default:
          p = { kind: "unknown", reason: "it is not created through a Kubernetes provider" };
      }
    }
    this.placements.set(r.urn, p);
    return p;
  }

  /**
   * Where a component's cluster is (`clusterComponentTypes`): it is created with one of the
   * stack's providers of `cloud` — the one the program passes the component, else the default
   * one the engine records for it — and offline the pack cannot tell which. When they are all in
   * regions inside the jurisdiction, so is the cluster: it is placed in the only one, or the first
   * of them (any would give the same verdict). Otherwise it cannot be placed, and a provider
   * abroad or without a region is also resource-placement's finding on that provider.
   */
  private componentCluster(r: BorderResource, cloud: Cloud): Placement {
    const regions = new Set<string>();
    for (const provider of this.ofType(`pulumi:providers:${cloud}`)) {
      const p = this.placement(provider);
      if (p.kind !== "region") {
        return {
          kind: "unknown",
          reason: `${this.label(r)} is created with one of the stack's ${cloud} providers, and ${this.label(provider)} has no region`,
        };
      }
      regions.add(p.region);
    }
    const sorted = [...regions].sort();
    if (sorted.length === 0) {
      return {
        kind: "unknown",
        reason: `the stack has no ${cloud} provider with a region for ${this.label(r)} to be created with`,
      };
    }
    if (
      sorted.length === 1 ||
      sorted.every((g) => regionInJurisdiction(this.jurisdiction, cloud, g))
    ) {
      return { kind: "region", cloud, region: sorted[0] };
    }
    return {
      kind: "unknown",
      reason: `${this.label(r)} is created with one of the stack's ${cloud} providers, in ${sorted.join(", ")}, and offline the pack cannot tell which`,
    };
  }

  /**
   * Where a Kubernetes provider deploys (shared/research/data-paths.md §1.4): the cluster its
   * kubeconfig was built from — through the property's dependencies, known at preview even when
   * the kubeconfig itself is not — else the cluster the stack config declares for the context it
   * selects (its `context` input, or the `current-context` of a kubeconfig given as text), else
   * the EKS endpoint of a kubeconfig given as text. A provider whose `cluster` input (or
   * kubernetes:cluster) overrides its context's cluster with another is placed by that cluster
   * only: a declaration naming it, or its server in the kubeconfig.
   */
  clusterSource(provider: BorderResource): ClusterSource {
    const cached = this.clusterSources.get(provider.urn);
    if (cached) {
      return cached;
    }
    const fromKubeconfig = (provider.propertyDependencies.kubeconfig ?? [])
      .map((u) => this.byUrn.get(u))
      .filter((d): d is BorderResource => d !== undefined);
    const fromDependencies = provider.dependencies
      .map((u) => this.byUrn.get(u))
      .filter((d): d is BorderResource => d !== undefined);
    const from = [...fromKubeconfig, ...fromDependencies];
    const cluster =
      from.find((d) => clusterTypes.includes(d.type)) ??
      from.find((d) => clusterComponentTypes[d.type] !== undefined);
    const kubeconfig = provider.props.kubeconfig;
    const context = str(provider.props.context) ?? currentContextOf(kubeconfig);
    // The kubeconfig cluster the provider talks to instead of its context's (`cluster`, or
    // kubernetes:cluster on the default provider): one that names the context's own changes
    // nothing; any other, or one the pack cannot compare, switches to a cluster the context's
    // placement does not hold for.
    const override = str(provider.props.cluster);
    const switched =
      override !== undefined && override !== contextClusterOf(provider.props, context)
        ? override
        : undefined;
    const ofContext =
      context === undefined ? [] : this.declaredClusters.filter((c) => c.context === context);
    const declared =
      ofContext.find((c) => override !== undefined && c.cluster === override) ??
      (switched === undefined ? ofContext.find((c) => c.cluster === undefined) : undefined);
    const endpoint = eksEndpointOf(provider.props, context, override);
    // A provider that renders its objects to files (`renderYamlToDirectory`) deploys nothing:
    // whoever applies the files decides the cluster, outside this program.
    const rendered = str(provider.props.renderYamlToDirectory);
    // A dependency another input explains (`namespace: ns.metadata.name`) is not where the
    // kubeconfig comes from.
    const explained = new Set(
      Object.entries(provider.propertyDependencies)
        .filter(([k]) => k !== "kubeconfig")
        .flatMap(([, urns]) => urns),
    );
    const named =
      fromKubeconfig.length > 0
        ? fromKubeconfig
        : fromDependencies.filter((d) => !explained.has(d.urn));
    // A cluster of a cloud the catalog does not hold: a context declared for it, which
    // sovereign-dc:clusters can only place on a catalogued cloud, would misplace it.
    const otherCloud = named
      .map((cluster) => ({ cluster, pkg: otherCloudClusterPackage(cluster.type) }))
      .find((c): c is { cluster: BorderResource; pkg: string } => c.pkg !== undefined);
    let source: ClusterSource;
    if (rendered !== undefined) {
      source = {
        kind: "unplaced",
        reason: `it renders its objects into the folder ${JSON.stringify(rendered)} (renderYamlToDirectory) instead of deploying them, and whoever applies those files picks the cluster outside this program`,
        rendered,
      };
    } else if (cluster && switched === undefined) {
      source = { kind: "resource", cluster };
    } else if (declared && !otherCloud) {
      source = { kind: "declared", declared };
    } else if (endpoint !== undefined) {
      source = { kind: "endpoint", server: endpoint.server, cloud: "aws", region: endpoint.region };
    } else {
      const edge = named.find((d) => d.type === edgeClusterType);
      const holds = kubeconfigClusterNames(provider.props);
      const absent = switched !== undefined && holds.length > 0 && !holds.includes(switched);
      const why = otherCloud
        ? `its kubeconfig comes from ${this.label(otherCloud.cluster)}, a cluster of ${otherCloud.pkg}, a cloud whose places the pack does not catalog`
        : cluster && switched !== undefined
          ? `its kubeconfig comes from ${this.label(cluster)}, but it overrides its context's cluster with cluster ${JSON.stringify(switched)}, a cluster of that kubeconfig the pack cannot tie to ${this.label(cluster)}`
          : edge
            ? `its kubeconfig comes from ${this.label(edge)}, an ACK Edge cluster, whose edge nodes join it from sites of their own wherever those stand, so the cluster's region does not place the pods they run`
            : named.length > 0
              ? `its kubeconfig comes from ${named.map((d) => this.label(d)).join(", ")}, not from a cluster resource the pack can place`
              : kubeconfig === undefined
                ? "it uses the ambient kubeconfig (KUBECONFIG or ~/.kube/config) of whoever runs Pulumi"
                : isUnknown(kubeconfig)
                  ? "its kubeconfig is not known until deployed (another stack's output through a stack reference, a lookup or a secret) and comes from no resource of this program"
                  : kubeconfigPath(kubeconfig) !== undefined
                    ? `its kubeconfig is the file ${JSON.stringify(kubeconfigPath(kubeconfig))}, which the provider reads on the machine that runs Pulumi and the pack does not`
                    : "its kubeconfig is given as text (a file, a secret or config), which ties it to no cluster of this program";
      source = {
        kind: "unplaced",
        // sovereign-dc:clusters declares clusters of the catalogued clouds only: no context
        // would place this one.
        reason: otherCloud
          ? why
          : switched !== undefined && !cluster
            ? `${why}, and it overrides its context's cluster with cluster ${JSON.stringify(switched)}, ${
                absent
                  ? "which names no cluster of its kubeconfig"
                  : context === undefined
                    ? "while it selects no context the stack config declares"
                    : ofContext.length > 0
                      ? `which the declaration of its context ${JSON.stringify(context)} in sovereign-dc:clusters does not cover`
                      : `a cluster sovereign-dc:clusters does not declare for its context ${JSON.stringify(context)}`
              }`
            : context === undefined
              ? `${why}, and it selects no context the stack config declares`
              : `${why}, and its context ${JSON.stringify(context)} is not declared in sovereign-dc:clusters`,
        ...(context === undefined ? {} : { context }),
        ...(switched === undefined ? {} : { cluster: switched }),
        ...(absent ? { clusterAbsent: true } : {}),
        ...(otherCloud ? { otherCloud } : {}),
      };
    }
    this.clusterSources.set(provider.urn, source);
    return source;
  }

  /** The cluster resource of the program a Kubernetes object runs in, if its provider names one. */
  clusterOf(r: BorderResource): BorderResource | undefined {
    const provider = r.provider ? this.byUrn.get(r.provider) : undefined;
    if (!provider || provider.type !== kubernetesProviderType) {
      return undefined;
    }
    const source = this.clusterSource(provider);
    return source.kind === "resource" ? source.cluster : undefined;
  }

  /** The cloud and region a resource lives in, when it has one. */
  regionOf(r: BorderResource): { cloud: Cloud; region: string } | undefined {
    const p = this.placement(r);
    return p.kind === "region" ? { cloud: p.cloud, region: p.region } : undefined;
  }

  /** `oss bucket "telemetry"`. */
  label(r: BorderResource): string {
    return resourceLabel(r.type, r.name);
  }

  /**
   * The Direct Connect location `code` as the stack declares it: its place, inside or outside by
   * the declared country; undefined when the stack does not declare it.
   */
  directConnectLocation(code: string): Place | undefined {
    const at = directConnectLocationPlace(this.jurisdiction, code, this.directConnectLocations);
    return at === undefined
      ? undefined
      : this.place({
          key: `dx-location:${code.toLowerCase()}`,
          label: at.label,
          side: at.inside ? "inside" : "outside",
        });
  }

  /** The one place of `p.key`: the first one asked for. */
  private place(p: Omit<Place, "kind">): Place {
    const existing = this.places.get(p.key);
    if (existing) {
      return existing;
    }
    const place: Place = { kind: "place", ...p };
    this.places.set(p.key, place);
    return place;
  }

  /** A region of a cloud; `prefix` names it as a service does ("oss-" for OSS locations). */
  regionPlace(cloud: Cloud, region: string, prefix = ""): Place {
    const inside = regionInJurisdiction(this.jurisdiction, cloud, region);
    return this.place({
      key: `region:${cloud}:${prefix}${region}`,
      label: `${prefix}${describePlace(this.jurisdiction, cloud, region)}`,
      side: inside ? "inside" : "outside",
    });
  }

  /**
   * A region given as a property value: a region place when it is a known region ID, unknown
   * (fail closed) otherwise. The cloud is the resource's own.
   */
  regionValue(r: BorderResource, value: unknown, what: string, prefix = ""): Place {
    const cloud = cloudOf(r.type);
    const region = str(value);
    if (cloud && region) {
      return this.regionPlace(cloud, region, prefix);
    }
    return this.unknownPlace(
      isUnknown(value)
        ? `${what} of ${this.label(r)} is not known until deployed`
        : `${what} of ${this.label(r)} is not a region`,
    );
  }

  /**
   * The place a located value names (places.ts). Undefined for the resource's own region: the
   * flow stays where the resource is, so it draws no edge of its own.
   */
  locatedPlace(at: Located): Place | undefined {
    switch (at.kind) {
      case "own":
        return undefined;
      case "region":
        return this.regionPlace(at.cloud, at.region, at.prefix);
      case "partition":
        return at.region
          ? this.regionPlace("aws", at.region)
          : this.globalPlace(`aws partition ${at.partition}`);
      case "edge":
        return this.place({
          key: `edge-zone:${at.zone.group}`,
          label: describeEdgeZone(this.jurisdiction, at.raw, at.zone),
          side: edgeZoneInJurisdiction(this.jurisdiction, at.zone) ? "inside" : "outside",
        });
      case "unplaceable":
        return this.unknownPlace(`${at.raw}, ${at.why}`);
    }
  }

  get internet(): Place {
    return this.place({
      key: "internet",
      label: "the public internet",
      side: "outside",
    });
  }

  /** A global service or edge network, which has no region and so no border. */
  globalPlace(what: string): Place {
    return this.place({
      key: `global:${what}`,
      label: globalPlaceLabel(this.jurisdiction, what),
      side: "outside",
    });
  }

  /**
   * Another cloud account, whose resources this stack cannot see or place — or the offline
   * engine's stand-in for the stack's own, which cannot be told from another until the stack
   * declares or pins its account.
   */
  accountPlace(cloud: Cloud, account: string): Place {
    return this.place({
      key: `account:${cloud}:${account}`,
      label:
        account === this.standInAccount
          ? `${cloud} ${foreignAccountPlace(account, [], account)}`
          : `${cloud} account ${account} (another account, location unknown)`,
      side: "unknown",
    });
  }

  /**
   * The network of another account at the far end of a peering or attachment, `far` being where
   * that network lies (its region, or why it cannot be placed). The account changes who holds
   * the network, not where it is: the place lies on the side of `far`.
   */
  peerAccountPlace(cloud: Cloud, account: string, far: Place): Place {
    return this.place({
      key: `account:${cloud}:${account}:${far.key}`,
      label: `network of ${cloud} account ${account} in ${far.label}`,
      side: far.side,
    });
  }

  /** A declared, justified destination of the egress allowlist. */
  allowlistedPlace(entry: EgressAllowEntry): Place {
    const destination = "cidr" in entry ? entry.cidr : entry.host;
    return this.place({
      key: `allowlisted:${destination}`,
      label: `${destination} (allowlisted: ${entry.reason})`,
      side: "inside",
    });
  }

  /** Something the analysis cannot locate; it fails closed. */
  unknownPlace(reason: string): Place {
    return this.place({
      key: `unknown:${reason}`,
      label: `unknown (${reason})`,
      side: "unknown",
    });
  }

  /** Where a placed-outside or unplaced resource lives, as a place. */
  placeOfPlacement(r: BorderResource, p: Placement): Place | undefined {
    switch (p.kind) {
      case "region":
        return regionInJurisdiction(this.jurisdiction, p.cloud, p.region)
          ? undefined
          : this.regionPlace(p.cloud, p.region);
      case "global":
        // The account's identities and permissions hold no data: no place of their own (the
        // access a role or policy grants is judged where it is used).
        return isAwsIdentityType(r.type)
          ? undefined
          : this.globalPlace(`${p.cloud} global service`);
      case "unknown":
        return this.unknownPlace(`${this.label(r)}: ${p.reason}`);
      case "cluster":
        // A Kubernetes object whose cluster cannot be placed: kubernetes-cluster-placement
        // reports that cluster once, on its provider, with how to declare where it is.
        return undefined;
      case "state":
        // A value in the stack's state is where the state is (sovereign-dc:stateBackend).
        return undefined;
      case "provider":
        // On the machine its provider talks to (an image builder, a database server), which is
        // judged on the provider; what leaves it is judged by its own edges.
        return undefined;
    }
  }

  /**
   * Every network of a region as one junction, so that a store readable from anywhere in its
   * region links to the region's networks in one edge each way rather than one per pair.
   */
  regionHub(cloud: Cloud, region: string): Place {
    return this.place({
      key: `hub:${cloud}:${region}`,
      label: `every network in ${region}`,
      side: regionInJurisdiction(this.jurisdiction, cloud, region) ? "inside" : "outside",
      junction: true,
    });
  }

  /** The traffic a network sends toward destinations outside private address space. */
  internetBound(vpc: BorderResource): Place {
    const abroad = this.placeOfPlacement(vpc, this.placement(vpc));
    return this.place({
      key: `egress:${vpc.urn}`,
      label: `internet-bound traffic of ${this.label(vpc)}`,
      side: abroad ? abroad.side : "inside",
      junction: true,
    });
  }
}

/*
 * The same questions asked of the CrossGuard runtime's resources by the per-resource policies'
 * stack checks (`named-destinations`, `customer-key-encryption`): values are read through the
 * runtime's proxies, so an output not known at preview reads as `unknown`.
 */

function outputOf(r: PolicyResource, key: string): unknown {
  return known(() => (r.props as Record<string, unknown>)[key]);
}

/**
 * The AWS partition an S3 bucket named by name alone (not by ARN) lies in, where the jurisdiction
 * holds every region of it (aws-cn under CN): a resource of `region` reaches only buckets of its
 * own partition, so the bucket lies inside wherever in it, as its `arn:aws-cn:s3:::` ARN does.
 * Undefined elsewhere: a name then places nothing. Named-destinations and the graph read it alike.
 */
export function heldPartitionOfBucketName(
  kind: RefKind | undefined,
  value: unknown,
  region: { readonly cloud: string; readonly region: string } | undefined,
  j: Jurisdiction,
): string | undefined {
  if (
    kind !== refKinds["s3-bucket"] ||
    typeof value !== "string" ||
    value === "" ||
    value.startsWith("arn:")
  ) {
    return undefined;
  }
  // A bucket's own domain in China's partition says the partition itself, wherever the resource
  // naming it is (a CloudFront distribution, of no region, logging to `<name>.s3.amazonaws.com.cn`;
  // found by the front-door bench).
  if (bucketOfS3Domain(value) !== undefined && /\.amazonaws\.com\.cn$/.test(value)) {
    return holdsAwsPartition(j, "aws-cn") ? "aws-cn" : undefined;
  }
  if (region?.cloud !== "aws") {
    return undefined;
  }
  const partition = awsPartitionOf(region.region);
  return holdsAwsPartition(j, partition) ? partition : undefined;
}

/**
 * Where a resource of the stack lives, read from its own inputs and its provider's through the
 * proxies: only the region settings are touched, so an unrelated output that is unknown at
 * preview (an ARN, an ID) does not make the place unknown.
 */
export function placementOfResource(r: PolicyResource): Placement | Unknown {
  return known(() =>
    placementOf(
      r.type,
      r.props,
      r.provider ? { type: r.provider.type, props: r.provider.props } : undefined,
    ),
  );
}

/**
 * Per stack (the runtime's array of resources) and kind of reference: the resources of that kind
 * by each of their identifiers, normalised, in the stack's order. Built on first use, so that
 * resolving every reference of a stack costs one pass per kind instead of one per reference.
 */
const refIndexes = new WeakMap<
  readonly PolicyResource[],
  WeakMap<RefKind, Map<string, PolicyResource[]>>
>();

function refIndex(kind: RefKind, resources: readonly PolicyResource[]) {
  let byKind = refIndexes.get(resources);
  if (!byKind) {
    byKind = new WeakMap();
    refIndexes.set(resources, byKind);
  }
  let index = byKind.get(kind);
  if (!index) {
    index = new Map();
    for (const r of resources) {
      if (!kind.types.includes(r.type)) {
        continue;
      }
      for (const k of kind.keys) {
        const v = outputOf(r, k);
        if (typeof v !== "string") {
          continue;
        }
        const key = kind.normalize ? kind.normalize(v) : v;
        const list = index.get(key) ?? [];
        if (list[list.length - 1] !== r) {
          list.push(r);
        }
        index.set(key, list);
      }
    }
    byKind.set(kind, index);
  }
  return index;
}

/**
 * Finds the resource of the stack a name refers to, by any key of its kind, normalised: the
 * first in the stack's order, leaving out the resource `except` (the one that names it).
 */
export function resolveRef(
  kind: RefKind,
  value: string,
  resources: readonly PolicyResource[],
  except?: string,
): PolicyResource | undefined {
  const wanted = kind.normalize ? kind.normalize(value) : value;
  return refIndex(kind, resources)
    .get(wanted)
    ?.find((r) => r.urn !== except);
}

/**
 * The resources of `kind` a property's value was computed from. At preview an output of
 * another resource is unknown, but the engine still says which resources it came from — enough
 * to place it when every candidate is a resource of the program. A value computed from a
 * resource that holds the target's ID (`heldBy`: a transit router's route table) names the
 * target that resource was given.
 */
export function dependencyTargets(
  r: PolicyResource,
  fieldPath: string,
  kind: RefKind,
  resources?: readonly PolicyResource[],
): PolicyResource[] {
  const top = fieldPath.split(".")[0].replace(/\[\]$/, "");
  const deps = known(() => r.propertyDependencies[top] ?? []);
  if (isUnknown(deps)) {
    return [];
  }
  const direct = deps.filter((d) => kind.types.includes(d.type));
  if (direct.length > 0) {
    return direct;
  }
  const held = deps.flatMap((d) =>
    kind.types.flatMap((t) => {
      const holder = heldBy.get(t);
      return holder?.types.includes(d.type) ? dependencyTargets(d, holder.path, kind) : [];
    }),
  );
  return held.length > 0 || resources === undefined
    ? held
    : createdUnder(deps, kind.types, resources);
}

/** Per list of resources, the resources each one is the parent of, by its URN. */
const childIndexes = new WeakMap<readonly PolicyResource[], Map<string, PolicyResource[]>>();

/**
 * The resources of `types` that the components among `deps` created, at any depth (the ECR
 * repository of an `awsx.ecr.Repository`, which its plugin registers): what a value computed
 * from a component's output names, when the component's own type is none of them.
 */
function createdUnder(
  deps: readonly PolicyResource[],
  types: readonly string[],
  resources: readonly PolicyResource[],
): PolicyResource[] {
  let index = childIndexes.get(resources);
  if (!index) {
    index = childIndex(resources, (r) => r.parent?.urn);
    childIndexes.set(resources, index);
  }
  return createdOfKind(deps, types, index);
}

/** The resources each resource of the list is the parent of, by the parent's URN. */
function childIndex<R>(
  resources: readonly R[],
  parentOf: (r: R) => string | undefined,
): Map<string, R[]> {
  const index = new Map<string, R[]>();
  for (const r of resources) {
    const parent = parentOf(r);
    if (parent !== undefined) {
      const siblings = index.get(parent);
      if (siblings) {
        siblings.push(r);
      } else {
        index.set(parent, [r]);
      }
    }
  }
  return index;
}

/** The resources of `types` below `roots` in `index`, at any depth. */
function createdOfKind<R extends { readonly urn: string; readonly type: string }>(
  roots: readonly R[],
  types: readonly string[],
  index: ReadonlyMap<string, readonly R[]>,
): R[] {
  const out: R[] = [];
  const seen = new Set<string>();
  const queue = roots.map((d) => d.urn);
  for (let urn = queue.pop(); urn !== undefined; urn = queue.pop()) {
    for (const c of index.get(urn) ?? []) {
      if (!seen.has(c.urn)) {
        seen.add(c.urn);
        queue.push(c.urn);
        if (types.includes(c.type)) {
          out.push(c);
        }
      }
    }
  }
  return out;
}

/**
 * Candidates that could be the resource a known value names: those that report none of the
 * identifiers the value is matched by (an output a provider leaves out). A candidate whose name
 * or `id` differs from the value is not the one it names: a literal ID beside a resource's own
 * in one list (`[connector.id, "abc…"]`, one dependency for the whole input) names another.
 */
export function uncontradicted(
  candidates: readonly PolicyResource[],
  kind: RefKind,
): PolicyResource[] {
  return candidates.filter((c) => kind.keys.every((k) => outputOf(c, k) === undefined));
}

const severity = { outside: 0, unplaceable: 1, unknown: 2, inside: 3 } as const;

/** The verdict that matters most among several candidates: any violation beats inside. */
export function worstOf<T extends { readonly kind: keyof typeof severity }>(
  outcomes: readonly T[],
): T | { readonly kind: "inside" } {
  return [...outcomes].sort((a, b) => severity[a.kind] - severity[b.kind])[0] ?? { kind: "inside" };
}

/** The resource a `via` kind stands for (the key an alias points at), if it is of the program. */
function followVia(
  r: PolicyResource,
  kind: RefKind,
  resources: readonly PolicyResource[],
): PolicyResource | undefined {
  if (!kind.via) {
    return undefined;
  }
  const target = refKinds[kind.via.kind];
  const value = known(() => valueAt(r.props, kind.via!.path));
  return (
    (typeof value === "string" ? resolveRef(target, value, resources) : undefined) ??
    dependencyTargets(r, kind.via.path, target)[0]
  );
}

/**
 * The resources of the program a setting names: by any key of the kind or through one of its
 * aliases, or — when the value does not match (not known at preview, or an identifier the
 * provider leaves out of the outputs) — through the resources the value was computed from.
 */
export function keysNamed(
  use: { readonly ref?: string; readonly owner: PolicyResource; readonly keyPath?: string },
  kind: RefKind,
  resources: readonly PolicyResource[],
): PolicyResource[] {
  const aliases = kind.aliases ? refKinds[kind.aliases] : undefined;
  if (use.ref !== undefined) {
    const direct = resolveRef(kind, use.ref, resources);
    const alias = aliases ? resolveRef(aliases, use.ref, resources) : undefined;
    const found = direct ?? (alias && aliases ? followVia(alias, aliases, resources) : undefined);
    if (found) {
      return [found];
    }
  }
  if (use.keyPath === undefined) {
    return [];
  }
  const pick = (c: PolicyResource[], k: RefKind) =>
    use.ref === undefined ? c : uncontradicted(c, k);
  return [
    ...pick(dependencyTargets(use.owner, use.keyPath, kind), kind),
    ...(aliases
      ? pick(dependencyTargets(use.owner, use.keyPath, aliases), aliases)
          .map((a) => followVia(a, aliases, resources))
          .filter((k): k is PolicyResource => k !== undefined)
      : []),
  ];
}
