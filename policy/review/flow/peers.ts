import type { PropertyReview } from "../model";

/**
 * Readings of the "peer"-named inputs of flow-modelled Alibaba Cloud and AWS types that no flow
 * field reads: the far ends of links that the rows' edges or region fields place, IDs resolved in
 * the resource's own region and account, and names, labels, switches and identities that name no
 * place. Left unread on purpose (holes until a flow field reads them): DTS destinations behind a
 * database gateway, leased line or CEN; global IP whitelist groups bound to databases; OSS mirror
 * alternates by URL; DMS time-travel buckets; ElastiCache log streams by name; Mail Manager relays.
 */
export const readings: readonly PropertyReview[] = [
  // --- Far ends of links, drawn by the rows' edges and placed by the row's region field ---
  {
    path: /^(peerTransitRouterId|acceptingVpcId|peerVpcId|peerTransitGatewayId)$/,
    types:
      /^(alicloud:(cen\/transitRouterPeerAttachment|vpc\/peerConnection)|aws:(ec2\/vpcPeeringConnection|ec2transitgateway\/peeringAttachment)):/,
    reading: "network-links",
    reason:
      "the far transit router, transit gateway or VPC of a peering: the row's edges (paths/types/network.ts, attach and peering in links.ts) draw the link to it when the program holds it, else to the region peerTransitRouterRegionId, acceptingRegionId or peerRegion names (the resource's own when unset), which network-links judges; the API looks the ID up in that region",
  },
  {
    path: /^routes\[\]\.vpcPeeringConnectionId$|^vpcPeeringConnectionId$/,
    types: /^aws:ec2\/(route|routeTable|defaultRouteTable):/,
    reading: "no-path-out-of-jurisdiction",
    reason:
      "the peering connection a route sends traffic into, an ID of the route table's own region and account: the route's edges (paths/types/routes.ts, awsRouteTargets) lead to the peering of the program, whose far end network-links judges, and to a place that cannot be placed, which fails closed, when the program does not create it",
  },
  {
    path: /^primaryReplicationGroupId$/,
    types: /^aws:elasticache\/globalReplicationGroup:/,
    reading: "no-path-out-of-jurisdiction",
    reason:
      "the primary replication group the global datastore is built from, in the datastore's own region: the row's edges (paths/types/databases.ts, construct) link the datastore to it, and every secondary that joins is judged on its own replication group (database-replicas)",
  },
  {
    path: /^targetBucket$/,
    types: /^aws:s3\/bucketLoggingV2:/,
    reading: "no-path-out-of-jurisdiction",
    reason:
      "the bucket access logs are written to: the row's edges (paths/types/storage.ts) draw the log delivery to the program's bucket, placed where it is created, and to a place that cannot be placed, which fails closed, for a bucket the program does not create",
  },
  {
    path: /^destination$/,
    types: /^alicloud:cloudfirewall\/(controlPolicy|natFirewallControlPolicy):/,
    reading: "egress-rules",
    reason:
      "the destination of a Cloud Firewall access control rule: egress-rules reads it on every outbound accept rule (paths/rules.ts, firewallRules), judging a CIDR against the allowlist and any other destination type (address book, domain, location) as reaching everywhere; a rule only filters traffic and opens no path",
  },
  {
    path: /^healthCheckTargetIp$/,
    types: /^alicloud:(cen\/vbrHealthCheck|expressconnect\/routerInterface|vpc\/routerInterface):/,
    reading: "not-a-place",
    reason:
      "the address a link's health probes are sent to (an unused address of the local VPC for a router interface, the far end of the border router's link for a CEN check): probes carry none of the stack's data, and the link itself is judged on the router interface, border router and leased line (network-links, remote-sites)",
  },
  {
    path: /^(peerGatewayIp|peerIpv6GatewayIp)$/,
    types: /^alicloud:expressconnect\/(virtualBorderRouter|vbrPconnAssociation):/,
    reading: "remote-sites",
    reason:
      "the customer-side address of the border router's point-to-point link: the router at the far end of the leased line physicalConnectionId names (the border router's own, or one associated with it), which remote-sites places by the line's access point (paths/types/remote-sites.ts), and fails closed for a line the program does not create",
  },
  {
    path: /^(peeringSubnetMask|peeringIpv6SubnetMask)$/,
    types: /^alicloud:expressconnect\/(virtualBorderRouter|vbrPconnAssociation):/,
    reading: "not-a-place",
    reason: "the subnet mask of the border router's point-to-point link addresses",
  },
  {
    path: /^peerLocation$/,
    types: /^alicloud:expressconnect\/physicalConnection:/,
    reading: "remote-sites",
    reason:
      "the data centre the leased line ends at, described in free text: remote-sites places the line by its access point (accessPointId) and judges its carrier (lineOperator: one outside the Chinese mainland is a path out); the words name no place the pack can check, and failing a line for describing its data centre would only reward leaving the description out",
  },
  {
    path: /^(ikeConfig\.ikeRemoteId|ikeConfig\.remoteId|tunnelOptionsSpecifications\[\]\.tunnelIkeConfig\.remoteId|ikeConfigs\[\]\.remoteId)$/,
    types: /^alicloud:vpn\/(connection|gatewayVpnAttachment|ipsecServer):/,
    reading: "not-a-place",
    reason:
      "the IKE identity (an FQDN or IP) the peer presents in phase 1 negotiation: it authenticates the tunnel; the tunnel goes to the customer gateway customerGatewayId names (remote-sites), and an IPsec server admits clients from anywhere, which remote-sites reports on every such server",
  },
  {
    path: /^(tunnelOptionsSpecifications\[\]\.tunnelBgpConfig\.peerAsn|bgpOptions\.peerAsn)$/,
    types: /^(alicloud:vpn\/(connection|gatewayVpnAttachment)|aws:networkmanager\/connectPeer):/,
    reading: "not-a-place",
    reason: "the autonomous system number of the BGP peer: a number, not an address",
  },
  {
    path: /^tunnelOptionsSpecifications\[\]\.tunnelBgpConfig\.peerBgpIp$/,
    types: /^alicloud:vpn\/(connection|gatewayVpnAttachment):/,
    reading: "not-a-place",
    reason:
      "the BGP address of the customer gateway inside the tunnel (from the tunnel's link-local interconnect CIDR): routes are exchanged through the tunnel, whose far end is the customer gateway the row's edges draw (remote-sites)",
  },
  {
    path: /^peerVpc\.peerVpcCidrTableLists\[\]\.(peerRouteTableId|peerRouteEntryLists\[\]\.peerNextHopInstanceId)$/,
    types: /^alicloud:cloudfirewall\/firewallVpcFirewall:/,
    reading: "not-a-place",
    reason:
      "the route table and next hop of the peer VPC whose routes the VPC firewall takes over to inspect an existing link: the firewall filters that link and opens none; the link's regions are localVpc.regionNo and peerVpc.regionNo, which network-links reads",
  },
  {
    path: /^routePublishTargets\[\]\.targetInstanceId$/,
    types: /^alicloud:vpc\/vPCRouteEntry:/,
    reading: "network-links",
    reason:
      "the Express Connect Router the VPC route is published to, which the VPC must already be associated with: the route adds no link, and where the published route lets traffic go is the far end of the router's associations, which network-links judges (expressconnect/routerVpcAssociation, routerTrAssociation, routerVbrChildInstance are flow-modelled)",
  },

  // --- Destinations whose region a required companion field names, which the row's check reads ---
  {
    path: /^targetInstanceId$/,
    types: /^alicloud:cs\/registryEnterpriseSyncRule:/,
    reading: "registry-replication",
    reason:
      "the destination registry instance, which the API looks up in the required targetRegionId (under targetUserId when set): registry-replication judges both (paths/types/transfers.ts)",
  },
  {
    path: /^destinationDiskId$/,
    types: /^alicloud:ebs\/diskReplicaPair:/,
    reading: "backup-copies",
    reason:
      "the standby disk of the replica pair, which lies in the required destinationRegionId that backup-copies judges (paths/types/backups.ts)",
  },
  {
    path: /^replicationSourceVaultId$/,
    types: /^alicloud:hbr\/replicationVault:/,
    reading: "backup-copies",
    reason:
      "the source vault the mirror vault receives replicas from, in the required replicationSourceRegionId that backup-copies judges as an inbound copy (paths/types/backups.ts)",
  },
  {
    path: /^backupGatewayId$/,
    types: /^alicloud:dbs\/backupPlan:/,
    reading: "backup-copies",
    reason:
      "the backup gateway (an agent on the source database's server) the plan reads the database through: data only comes in from it, from the database whose sourceEndpointRegion (required for Agent) backup-copies judges as an inbound source, and goes to storageRegion, which backup-copies judges",
  },
  {
    path: /^(destPrimaryVswitchId|destSecondaryVswitchId)$/,
    types: /^alicloud:dts\/(migrationJob|synchronizationJob):/,
    reading: "data-transfer-jobs",
    reason:
      "a vSwitch of the destination's VPC that DTS attaches to for a VPC NAT connection: network plumbing in destinationEndpointRegion; the destination itself is destinationEndpointRegion and destinationEndpointIp, which data-transfer-jobs reads",
  },
  {
    path: /^centralizeConfig\.(destProject|destLogstore)$/,
    types: /^alicloud:sls\/collectionPolicy:/,
    reading: "log-shipping",
    reason:
      "the project and logstore logs are centralized in, which the API requires to lie in centralizeConfig.destRegion, which log-shipping judges (paths/types/logs.ts)",
  },
  {
    path: /^scheduledSqlConfiguration\.(destProject|destLogstore)$/,
    types: /^alicloud:sls\/scheduledSql:/,
    reading: "log-shipping",
    reason:
      "the project and logstore query results are written to, reached at scheduledSqlConfiguration.destEndpoint (a regional SLS endpoint, the source's region when unset), which log-shipping places (paths/types/logs.ts)",
  },
  {
    path: /^routingRules\.routingRules\[\]\.redirect\.(mirrorDstVpcId|mirrorDstSlaveVpcId|mirrorTunnelId)$/,
    types: /^alicloud:oss\/bucketWebsite:/,
    reading: "storage-replication",
    reason:
      "the VPC (primary or standby) and leased-line tunnel through which OSS fetches missing objects from a private origin in mirrorDstRegion, which storage-replication judges (paths/types/storage.ts)",
  },
  {
    path: /^routingRules\.routingRules\[\]\.redirect\.hostName$/,
    types: /^alicloud:oss\/bucketWebsite:/,
    reading: "arn-locality",
    reason:
      "the host an External or AliCDN redirect sends the viewer to: OSS answers with a 3xx (or a header Alibaba Cloud CDN follows for the viewer) and the content is fetched from that host, so none of the bucket's objects go there; arn-locality places it when it names a regional endpoint of the cloud (a bucket's domain). The hosts OSS itself sends requests to are the mirror origins, which storage-replication reads",
  },
  {
    path: /^routingRules\.routingRules\[\]\.redirect\.mirrorMultiAlternates\.mirrorMultiAlternates\[\]\.mirrorMultiAlternateVpcId$/,
    types: /^alicloud:oss\/bucketWebsite:/,
    reading: "arn-locality",
    reason:
      "the VPC of an alternate private origin, in the alternate's mirrorMultiAlternateDstRegion, which arn-locality places like every region value (the alternate's URL is another input)",
  },
  {
    path: /^replicationInfoList\.targetKafkaClusterId$/,
    types: /^aws:msk\/replicator:/,
    reading: "log-shipping",
    reason:
      "which of the replicator's kafkaClusters[] entries (a self-managed cluster's apacheKafkaClusterId) topics are replicated to: that entry's brokers, kafkaClusters[].apacheKafkaCluster.bootstrapBrokerString, are what log-shipping places (paths/types/logs.ts)",
  },
  {
    path: /^restoreToPointInTime\.sourceClusterIdentifier$/,
    types: /^aws:rds\/cluster:/,
    reading: "arn-locality",
    reason:
      "the cluster restored from, whose data is copied into this one: an identifier names a cluster of the resource's own region and account, another account's cluster is named by ARN, which arn-locality places",
  },
  {
    path: /^rules\[\]\.actions\[\]\.archive\.targetArchive$/,
    types: /^aws:mailmanager\/ruleSet:/,
    reading: "arn-locality",
    reason:
      "the Mail Manager archive that stores the message: an ID names an archive of the rule set's own region and account, an ARN is placed by arn-locality",
  },

  // --- IDs the API resolves in the resource's own region and account ---
  {
    path: /^(backupId|clusterBackupId|backupSetId)$/,
    types: /^alicloud:(kvstore\/instance|redis\/tairInstance|rds\/ddrInstance):/,
    reading: "own-place",
    reason:
      "a backup set restored or cloned into the new instance: one of the source instance in the same region, or a cross-region backup already copied to this instance's region (the copy out of the source's region is judged on the source's backup settings); data only comes in",
  },
  {
    path: /^(targetClientId|targetDataSourceId|targetFileSystemId|targetInstanceId)$/,
    types: /^alicloud:hbr\/restoreJob:/,
    reading: "own-place",
    reason:
      "the ECS instance, its backup client, data source or NAS file system a backup is restored into: resources of the vault's own region, and of the account crossAccountUserId names for a cross-account restore, which backup-copies reads",
  },
  {
    path: /^dlqPolicy\.deadLetterTargetQueue$/,
    types: /^alicloud:message\/serviceSubscription:/,
    reading: "own-place",
    reason: "a queue of the same MNS account and region, by name",
  },
  {
    path: /^forwardTableId$/,
    types: /^alicloud:vpc\/forwardEntry:/,
    reading: "own-place",
    reason: "the DNAT table of the account's own NAT gateway the entry belongs to",
  },
  {
    path: /^(routes\[\]\.destinationPrefixListId|destinationPrefixListId)$/,
    types: /^aws:ec2\/(route|routeTable|defaultRouteTable):/,
    reading: "own-place",
    reason:
      "a managed prefix list of the route table's own region (the account's, or AWS's list of a service of the region) whose CIDRs the route matches: what traffic the route takes, not where it goes — the next hop decides that, the route's edges treat a route without a CIDR as one to public destinations, and the list's entries are judged on the list by egress-rules",
  },
  {
    path: /^restoreToPointInTime\.(sourceClusterIdentifier|sourceDbInstanceIdentifier)$/,
    types: /^aws:(docdb\/cluster|rds\/instance):/,
    reading: "own-place",
    reason:
      "the cluster or DB instance restored from, which must be an existing one of the resource's own region and account (a backup of another region is named by sourceDbInstanceAutomatedBackupsArn, an ARN); data only comes in",
  },
  {
    path: /^(defaultCacheBehavior|orderedCacheBehaviors\[\]|cacheBehaviors\[\])\.originRequestPolicyId$/,
    types: /^aws:cloudfront\/(distribution|multitenantDistribution):/,
    reading: "own-place",
    reason:
      "an origin request policy of the account (CloudFront configuration): which headers, cookies and query strings go to the origin, not where; the origins are origins[].domainName, which remote-sites and global-services read",
  },
  {
    path: /^subscriberId$/,
    types: /^aws:securitylake\/subscriberNotification:/,
    reading: "own-place",
    reason:
      "the Security Lake subscriber of the resource's own region and account the notification is for; the endpoint notified is configuration.httpsNotificationConfiguration.endpoint, which log-shipping reads",
  },

  // --- Names, labels and IDs inside the resource ---
  {
    path: /^targetId$/,
    types: /^aws:cloudwatch\/eventTarget:/,
    reading: "not-a-place",
    reason:
      "the target's own ID within its rule, a label: the target itself is the arn, read by arn-locality",
  },
  {
    path: /^(alertConfigs\[\]\.targetLists\[\]\.targetListId|targets\[\]\.targetId)$/,
    types:
      /^alicloud:(cloudmonitor\/(serviceGroupMonitoringAgentProcess|serviceMetricAlarmRule)|cms\/alarm|eventbridge\/rule):/,
    reading: "not-a-place",
    reason:
      "the ID of a push target within the rule (unique only inside it): the target's destination is its arn or endpoint, which log-shipping or arn-locality reads",
  },
  {
    path: /^origins\[\]\.originId$/,
    types: /^alicloud:esa\/originPool:/,
    reading: "not-a-place",
    reason:
      "the ID ESA gives an origin of the pool: the origin's address is origins[].address, which log-shipping reads",
  },
  {
    path: /^(origins\[\]\.originId|originGroups\[\]\.originId|originGroups\[\]\.members\[\]\.originId|defaultCacheBehavior\.targetOriginId|orderedCacheBehaviors\[\]\.targetOriginId|cacheBehaviors\[\]\.targetOriginId)$/,
    types: /^aws:cloudfront\/(distribution|multitenantDistribution):/,
    reading: "not-a-place",
    reason:
      "the originId of one of the distribution's own origins or origin groups, which a cache behaviour or group points to — a label, even one written as a resource's ARN (`originId: bucket.arn`; the front-door bench found one of another region judged as a place): the origin's address is origins[].domainName, which remote-sites and global-services read",
  },
  {
    path: /^(tasks\[\]\.destinationField|definition\.connections\[\]\.target|definition\.connections\[\]\.configuration\.data\.targetInput|inferenceConfig\.models\[\]\.precomputedInferenceSource\.inferenceSourceIdentifier|inferenceConfig\.ragConfig\.precomputedRagSourceConfig\.(retrieveAndGenerateSourceConfig|retrieveSourceConfig)\.ragSourceIdentifier|secondarySources\[\]\.sourceIdentifier|secondarySourceVersions\[\]\.sourceIdentifier)$/,
    types: /^aws:(appflow\/flow|bedrock\/agentFlow|bedrock\/evaluationJob|codebuild\/project):/,
    reading: "not-a-place",
    reason:
      "a label inside the resource's own definition (a field of the destination record, a node and its input in the flow, the label of precomputed responses, a source's identifier): the places data goes are other inputs",
  },
  {
    path: /^(replicationInstanceId|replicationTaskId|targetDbClusterSnapshotIdentifier|targetDbSnapshotIdentifier|destinationId|replicationInfoList\.targetKafkaClusterAlias)$/,
    types:
      /^aws:(dms\/(replicationInstance|replicationTask)|rds\/(clusterSnapshotCopy|snapshotCopy)|kinesis\/firehoseDeliveryStream|msk\/replicator):/,
    reading: "not-a-place",
    reason:
      "the name the resource or one of its parts takes (the replication instance or task, the snapshot copy, the stream's destination entry, the alias the service gives a replicated cluster): a copy's region is destinationRegion and a stream's sink its destination configuration, read on their own",
  },
  {
    path: /^globalClusterIdentifier$/,
    types: /^aws:(docdb|neptune|rds)\/globalCluster:/,
    reading: "not-a-place",
    reason:
      "the global cluster's own name, which member clusters name to join it: each member's region is judged on the member (database-replicas)",
  },
  {
    path: /^dataDisks\[\]\.mountTarget$/,
    types: /^alicloud:cs\/nodePool:/,
    reading: "not-a-place",
    reason: "the path inside each node where the data disk is mounted",
  },
  {
    path: /^targetPath$/,
    types: /^alicloud:hbr\/restoreJob:/,
    reading: "not-a-place",
    reason: "a directory inside the ECS instance or NAS file system the backup is restored into",
  },
  {
    path: /^(backupObjects|destinationEndpointOracleSid|destinationEndpointPassword|destinationEndpointRole)$/,
    types: /^alicloud:(dbs\/backupPlan|dts\/(migrationJob|synchronizationJob)):/,
    reading: "not-a-place",
    reason:
      "what the job reads or how it signs in (the databases and tables backed up, an Oracle SID, a database password, the RAM role it assumes in the destination's account): the account is destinationEndpointOwnerId and the endpoint its region and IP, which data-transfer-jobs reads",
  },
  {
    path: /^routingRules\.routingRules\[\]\.redirect\.(mirrorRole|transparentMirrorResponseCodes|mirrorUrlProbe)$/,
    types: /^alicloud:oss\/bucketWebsite:/,
    reading: "not-a-place",
    reason:
      "how a mirror rule fetches from its origin (the RAM role OSS assumes, the origin's response codes passed through, the URL OSS probes to decide whether to switch to the standby origin): a probe carries no object or request of the bucket; the origins are mirrorUrl and mirrorUrlSlave, which storage-replication reads",
  },
  {
    path: /^(originHost|originSni)$/,
    types: /^alicloud:esa\/originRule:/,
    reading: "not-a-place",
    reason:
      "the Host header and TLS server name sent with the back-to-origin request: the request still goes to the origin the site's records and origin pools name (log-shipping reads their addresses)",
  },
  {
    path: /^globalNetworkId$/,
    types: /^aws:networkmanager\/coreNetwork:/,
    reading: "not-a-place",
    reason:
      "the account's global network, a container with no location: where the core network reaches is its edge locations (basePolicyRegions, the policy document), which network-links reads",
  },
  {
    path: /^source\.buildStatusConfig\.targetUrl$|^secondarySources\[\]\.buildStatusConfig\.targetUrl$/,
    types: /^aws:codebuild\/project:/,
    reading: "not-a-place",
    reason:
      "the link the source provider shows with the build status (a commit status's details URL): CodeBuild posts the status to the source provider source.location names, which log-shipping reads, and sends nothing to this URL",
  },
  {
    path: /^target$/,
    types: /^aws:lightsail\/domainEntry:/,
    reading: "not-a-place",
    reason:
      "the answer of the public DNS record (an address or host name clients are steered to), as for Route 53 records: a DNS answer, not a path the stack's data takes; every Lightsail domain entry already fails global-services (paths/types/edge-services.ts, lightsailDns)",
  },

  // --- Enumerations, switches, numbers and time windows ---
  {
    path: /^(ccGlobalSwitch|historicalObjectReplication|forceDeleteWithoutBackup|origin|originMtls|originVerify|originScheme|originReadTimeout|destinationEndpointSsl|backupRateLimit|backupSpeedLimit|backupFrequency|dataLevel1BackupFrequency|backupRetentionPolicyOnClusterDeletion|dataLevel1BackupPeriods\[\]|dataLevel2BackupPeriods\[\]|targetDbRevisionVersionCode|destPortGroup)$/,
    types:
      /^alicloud:(ddos\/domainResource|oss\/bucketReplication|kms\/(instance|key)|esa\/originRule|dts\/(migrationJob|synchronizationJob)|dbs\/backupPlan|polardb\/(backupPolicy|cluster)|cloudfirewall\/(controlPolicy|natFirewallControlPolicy)):/,
    reading: "not-a-place",
    reason:
      "a switch, enumeration, number or schedule (a protection or replication switch, KMS key material origin, back-to-origin protocol, TLS verification and timeout, SSL mode, rate limit, backup frequency, weekdays and retention on deletion, a version code, a port address book): it names no host, account or region",
  },
  {
    path: /^(defaultCacheBehavior\.forwardedValues\.cookies\.forward|orderedCacheBehaviors\[\]\.forwardedValues\.cookies\.forward|advancedBackupSettings\[\]\.backupOptions|protection\.replicationOverwrite|replicationSpecification\.replicationStrategy|destination|backupTarget|backupWindow|healthCheck\.target|portalOptions\.signInOptions\.origin)$/,
    types:
      /^aws:(cloudfront\/distribution|backup\/plan|efs\/fileSystem|keyspaces\/keyspace|kinesis\/firehoseDeliveryStream|rds\/instance|elb\/loadBalancer|ssoadmin\/application):/,
    reading: "not-a-place",
    reason:
      "an enumeration, switch or time window (which cookies go to the origin, Windows VSS, replication overwrite protection, single- or multi-Region strategy whose regions are read in regionLists, the kind of Firehose sink whose address is its configuration, backups in the region or on the instance's own Outpost, the daily backup window, the protocol, port and path probed on the load balancer's own instances, how the portal signs users in): it names no host, account or region",
  },
  {
    path: /^(amazonManagedKafkaEventSourceConfig\.consumerGroupId|selfManagedKafkaEventSourceConfig\.consumerGroupId|sourceParameters\.managedStreamingKafkaParameters\.consumerGroupId|sourceParameters\.selfManagedKafkaParameters\.consumerGroupId|replicationInfoList\.consumerGroupReplications\[\]\.consumerGroupsToExcludes\[\]|replicationInfoList\.consumerGroupReplications\[\]\.consumerGroupsToReplicates\[\])$/,
    types: /^aws:(lambda\/eventSourceMapping|pipes\/pipe|msk\/replicator):/,
    reading: "not-a-place",
    reason:
      "a Kafka consumer group name, or a pattern of them, on the cluster the source or replication already names: the cluster's brokers and ARNs are other inputs",
  },
  {
    path: /^(corsRules\[\]\.allowedOrigins\[\]|corsConfig\.allowOrigins\[\]|cors\.allowOrigins\[\])$/,
    types:
      /^(alicloud:(oss\/bucket|fc\/v3CustomDomain)|aws:(s3\/bucket|s3\/bucketV2|lambda\/functionUrl)):/,
    reading: "not-a-place",
    reason:
      "CORS allowed origins name the web pages whose scripts a browser lets read the responses: they grant no access (the caller still needs the bucket's ACL or policy, a signature or the function URL's auth) and send nothing anywhere — data reaches only the browser that asked",
  },
];
