/**
 * Readings of the address-space, exposure, bucket, location and image inputs of flow-modelled
 * types (Alibaba Cloud, AWS, Kubernetes) that no flow-table field declares: which check reads each
 * (egress-rules, public-exposure and arn-locality read several in code, named here with the
 * place in the source), and which name no place or only the resource's own.
 *
 * Read against the @pulumi/alicloud 3.108, @pulumi/aws 7.48 and @pulumi/kubernetes 4.34
 * declarations and shared/research/data-paths.md. The inputs of these kinds that do name a way
 * out (named buckets data is written to or imported from, public switches and bandwidth, remote
 * networks, points of presence, leased-line data centres, build mounts) are flow-table fields,
 * not readings here.
 */
import type { PropertyReview } from "../model";

/** The readings of network, exposure, bucket, location and image inputs of flow-modelled types. */
export const readings: readonly PropertyReview[] = [
  // --- Address space a resource owns or carves ---
  {
    path: /^(podCidr|serviceCidr|cidrBlock|ipv6CidrBlock|secondaryCidrBlocks\[\]|vpcIpv6CidrBlock)$/,
    types:
      /^alicloud:(cs\/(kubernetes|managedKubernetes|serverlessKubernetes)|vpc\/(network|switch)|eds\/adConnectorOfficeSite):/,
    reading: "not-a-place",
    reason:
      "the address space the resource itself owns or carves (a VPC's primary, IPv6 or secondary block, a vSwitch's block, a cluster's pod or service range, an office network's segment): no traffic is routed to or admitted from anywhere by this value",
  },
  {
    path: /^(cidrBlock|ipv6CidrBlock|transitGatewayCidrBlocks\[\]|kubernetesNetworkConfig\.(serviceIpv4Cidr|serviceIpv6Cidr))$/,
    types: /^aws:(ec2\/(vpc|subnet)|ec2transitgateway\/transitGateway|eks\/cluster):/,
    reading: "not-a-place",
    reason:
      "the address space the resource itself owns or carves (a VPC's or subnet's block, the transit gateway's own blocks for Connect peer addresses, the cluster's Service range): no traffic is routed to or admitted from anywhere by this value",
  },
  {
    path: /^(destinationCidrBlock|transitRouterRouteEntryDestinationCidrBlock)$/,
    types: /^(aws:ec2transitgateway\/route|alicloud:cen\/transitRouterRouteEntry):/,
    reading: "not-a-place",
    reason:
      "the addresses whose traffic a transit gateway or transit router route sends into its attachment: where that traffic goes is the attachment, which the row names (an attachment of the program judged by its own row, another failing closed); a route of every address into an attachment of the program's own VPC, VPN or peering is that attachment's to judge",
  },
  {
    path: /^userCidrs\[\]$/,
    types: /^alicloud:vpc\/network:/,
    reading: "not-a-place",
    reason:
      "customer CIDR blocks: addresses the VPC treats as private, so that traffic to them follows the VPC's route table (whose VPN, Express Connect and CEN next hops network-links and remote-sites judge) instead of leaving through a public IP; the value opens no path of its own",
  },
  {
    path: /^ipv6CidrBlockNetworkBorderGroup$/,
    types: /^aws:ec2\/vpc:/,
    reading: "not-a-place",
    reason:
      "the network border group (the region, or one of its Local Zone groups) from which AWS advertises the VPC's public IPv6 range: it moves no data; every internet path of the VPC is an internet-egress finding whatever the group, and a workload in a Local Zone is placed by its subnet's zone",
  },
  {
    path: /^(bgpConfig\.tunnelCidr|tunnelOptionsSpecifications\[\]\.tunnelBgpConfig\.tunnelCidr|tunnel[12]InsideCidr|tunnel[12]InsideIpv6Cidr|insideCidrBlocks\[\])$/,
    types:
      /^(alicloud:vpn\/(connection|gatewayVpnAttachment)|aws:(ec2\/vpnConnection|networkmanager\/connectPeer)):/,
    reading: "not-a-place",
    reason:
      "the link-local addresses inside an IPsec or GRE tunnel (a /30 of 169.254.0.0/16, a /126 of fd00::/8, the Connect peer's inside block) that the two BGP speakers use: where the tunnel ends is its customer gateway or peer address, read by remote-sites",
  },
  {
    path: /^(remoteIpv4NetworkCidr|remoteIpv6NetworkCidr)$/,
    types: /^aws:ec2\/vpnConnection:/,
    reading: "not-a-place",
    reason:
      "the AWS-side networks the tunnel's traffic selectors admit (default 0.0.0.0/0): they only narrow what the remote site may reach of the stack's networks; the site itself is placed by its customer gateway's address, and a local (site-side) range of every address by localIpv4NetworkCidr, both read by remote-sites",
  },
  {
    path: /^(localVpc\.localVpcCidrTableLists\[\]\.localRouteEntryLists\[\]\.localDestinationCidr|peerVpc\.peerVpcCidrTableLists\[\]\.peerRouteEntryLists\[\]\.peerDestinationCidr|localVpc\.defendCidrLists\[\]|localVpc\.vpcCidrTableLists\[\]\.routeEntryLists\[\]\.destinationCidr)$/,
    types: /^alicloud:cloudfirewall\/(firewallVpcFirewall|firewallVpcFirewallCen):/,
    reading: "not-a-place",
    reason:
      "the network segments of the local and peer VPCs (their route entries) that the VPC firewall inspects: it filters traffic on a link that already exists and adds no route; the link's regions (localVpc.regionNo, peerVpc.regionNo, vpcRegion) are read by network-links",
  },
  {
    path: /^sourceCidr$/,
    types: /^alicloud:vpc\/snatEntry:/,
    reading: "not-a-place",
    reason:
      "which addresses of the VPC's own vSwitches the SNAT entry translates: they are the senders inside; the entry itself is always an internet-egress finding (paths/types/egress.ts, snatTableId)",
  },
  {
    path: /^resources\[\]\.cidrBlock$/,
    types: /^aws:globalaccelerator\/crossAccountAttachment:/,
    reading: "not-a-place",
    reason:
      "an address range of the account's own (BYOIP) that the attachment lets other accounts' accelerators use: sharing it is judged on principals[] (network-links), and the range names no destination",
  },
  {
    path: /^peerNetworkCidrs\[\]$/,
    types: /^aws:odb\/networkPeeringConnection:/,
    reading: "not-a-place",
    reason:
      "the address ranges of the peer network that the ODB network routes to over this peering: the peer itself is placed by peerNetworkId, read by network-links",
  },
  // --- Filters that only narrow what other checks judge ---
  {
    path: /^(ingressAclEntries\[\]\.sourceCidrIp|ingresses\[\]\.sourceCidrIp|ingress\[\]\.cidrBlock|ingress\[\]\.ipv6CidrBlock)$/,
    types:
      /^(alicloud:vpc\/(networkAcl|networkAclEntries)|aws:ec2\/(networkAcl|defaultNetworkAcl)):/,
    reading: "not-a-place",
    reason:
      "the source block of a network ACL's inbound entry: a stateless subnet filter that can only drop traffic; who may connect is what security groups and data-store whitelists admit, judged by public-exposure",
  },
  {
    path: /^(items\[\]\.)?spec\.loadBalancerSourceRanges\[\]$/,
    types: /^kubernetes:core\/v1:Service(List|Patch)?$/,
    reading: "not-a-place",
    reason:
      "the client addresses the cloud load balancer admits: who may connect, not where data goes; kubernetes-service-exposure reads them on EKS, whose load balancer admitting only private or allowlisted ranges serves no one else",
  },
  {
    path: /^(items\[\]\.)?spec\.egress\[\]\.to\[\]\.ipBlock\.except\[\]$/,
    types: /^kubernetes:(extensions\/v1beta1|networking\.k8s\.io\/v1):NetworkPolicy(List|Patch)?$/,
    reading: "not-a-place",
    reason:
      "blocks carved out of an egress ipBlock: they only remove destinations from the block's cidr, which kubernetes-egress judges",
  },
  {
    path: /^(items\[\]\.)?spec\.ingress\[\]\.from\[\]\.ipBlock\.(cidr|except\[\])$/,
    types: /^kubernetes:(extensions\/v1beta1|networking\.k8s\.io\/v1):NetworkPolicy(List|Patch)?$/,
    reading: "not-a-place",
    reason:
      "the sources selected pods accept connections from: it narrows ingress; a pod is reachable from outside the cluster's networks only through Services, Ingresses and host ports (kubernetes-service-exposure) or network links (network-links, remote-sites)",
  },
  // --- Egress rules egress-rules reads in code (paths/types/gates.ts) ---
  {
    path: /^(egress\[\]\.cidrBlocks\[\]|egress\[\]\.ipv6CidrBlocks\[\]|cidrIpv4|cidrIpv6|permissions\[\]\.destCidrIp|permissions\[\]\.ipv6DestCidrIp|egressAclEntries\[\]\.destinationCidrIp|egresses\[\]\.destinationCidrIp|egress\[\]\.cidrBlock|egress\[\]\.ipv6CidrBlock)$/,
    types:
      /^(aws:(ec2\/(securityGroup|defaultSecurityGroup|networkAcl|defaultNetworkAcl)|vpc\/securityGroupEgressRule)|alicloud:(ens\/securityGroup|vpc\/(networkAcl|networkAclEntries))):/,
    reading: "egress-rules",
    reason:
      "the destination of an egress rule or outbound ACL entry: egress-rules judges it against the egress allowlist, with its protocol and ports (paths/types/gates.ts: awsGroupRules, awsAclEntries, the SecurityGroupEgressRule, ENS security group and Alibaba network ACL rows), and the border analysis reads the same rules as the group's or ACL's gate",
  },
  {
    path: /^(cidrBlock|ipv6CidrBlock)$/,
    types: /^aws:ec2\/networkAclRule:/,
    reading: "egress-rules",
    reason:
      "the block of a network ACL rule: egress-rules judges it as a destination when the rule is an egress rule (paths/types/gates.ts, NetworkAclRule row: awsRules on cidrBlock and ipv6CidrBlock when egress is true), and the border analysis orders it into its ACL's gate; an inbound rule's block only filters",
  },
  {
    path: /^(entries\[\]\.cidr|entrys\[\]\.cidr|cidr)$/,
    types:
      /^(aws:ec2\/(managedPrefixList|managedPrefixListEntry)|alicloud:(ecs\/ecsPrefixList|vpc\/prefixList)):/,
    reading: "egress-rules",
    reason:
      "an entry of a prefix list that rules refer to by ID: egress-rules reads every entry on the list itself and fails one that holds every address (paths/rules.ts prefixListEntries, gates.ts prefix-list rows); the border analysis counts a rule to a prefix list as open whatever the entries",
  },
  // --- Exposure readers public-exposure runs in code (paths/types/exposure-readers.ts) ---
  {
    path: /^vpcConfig\.publicAccessCidrs\[\]$/,
    types: /^aws:eks\/cluster:/,
    reading: "public-exposure",
    reason:
      "the sources the public API endpoint admits: public-exposure's eksEndpoint reader (paths/types/exposure-readers.ts, on the EKS row of paths/types/kubernetes.ts) judges each block while endpointPublicAccess is not false",
  },
  {
    path: /^(publicWhiteLists\[\]|publicWhitelists\[\])$/,
    types: /^alicloud:(bastionhost\/instance|yundun\/bastionHostInstance|elasticsearch\/instance):/,
    reading: "public-exposure",
    reason:
      "the whitelist of the public endpoint: public-exposure's publicEndpoint reader (paths/types/exposure.ts rows of the bastion hosts and Elasticsearch, exposure-readers.ts) judges every entry while enablePublicAccess or enablePublic is on",
  },
  {
    path: /^(internetSlbPort|internetSlbProtocol|internetTargetPort|loadBalancer\.pilotPublicLoadbalancerId)$/,
    types: /^alicloud:(edas\/k8sApplication|servicemesh\/serviceMesh):/,
    reading: "public-exposure",
    reason:
      "a setting of the internet-facing load balancer: public-exposure's `given` reader reports any of these fields set (paths/types/exposure.ts, EDAS K8s application and service mesh rows)",
  },
  {
    path: /^(publicAccessBlockConfiguration\.blockPublicAccess|blockPublicAccess)$/,
    types: /^alicloud:oss\/(accessPoint|bucketPublicAccessBlock|accountPublicAccessBlock):/,
    reading: "public-exposure",
    reason:
      "OSS's block of public ACLs and policies: public-exposure reads it as the gate a public grant must pass (paths/types/exposure.ts publicAccessBlocked for bucket and account blocks, exposure-readers.ts ossAccessPoint for an access point); it only shuts",
  },
  {
    path: /^(ignorePublicAcls|restrictPublicBuckets|publicAccessBlockConfiguration\.restrictPublicBuckets)$/,
    types: /^aws:s3\/(bucketPublicAccessBlock|accountPublicAccessBlock|accessPoint):/,
    reading: "public-exposure",
    reason:
      "the public-access block flag that keeps a public ACL or policy from taking effect: public-exposure reads it as the gate a bucket's public grant must pass (paths/types/exposure.ts publicAccessBlocked, and the S3 access point row); it only shuts",
  },
  {
    path: /^(blockPublicAcls|blockPublicPolicy|publicAccessBlockConfiguration\.(blockPublicAcls|blockPublicPolicy|ignorePublicAcls)|details\.publicAccessBlock\.(blockPublicAcls|blockPublicPolicy|ignorePublicAcls|restrictPublicBuckets))$/,
    types:
      /^aws:(s3\/(bucketPublicAccessBlock|accountPublicAccessBlock|accessPoint)|s3control\/multiRegionAccessPoint):/,
    reading: "not-a-place",
    reason:
      "a public-access block flag that only makes S3 refuse or ignore public grants (a Multi-Region Access Point's own block, or the flags that refuse new ACLs and policies and leave those already set in force): it opens nothing, and every grant is judged where it is made (bucket ACLs and policies, access point and Multi-Region Access Point policies)",
  },
  // --- Exposure settings that name no place ---
  {
    path: /^(allocatePublicIp|internetMaxBandwidthIn)$/,
    types: /^alicloud:ecs\/instance:/,
    reading: "not-a-place",
    reason:
      "deprecated switches without effect: a public IP exists only with internetMaxBandwidthOut above 0, which internet-egress reads, and the inbound bandwidth limit is ignored by the provider",
  },
  {
    path: /^publicNetworkBandwidth$/,
    types: /^alicloud:cloudstoragegateway\/gateway:/,
    reading: "not-a-place",
    reason:
      "the bandwidth (5 to 200 Mbit/s) of a cloud gateway's public link, which the gateway uses to reach a share's or volume's bucket in another region (CSG ExpandGatewayNetworkBandwidth): the buckets and their endpoints are judged on the file-share and block-volume rows (storage-replication)",
  },
  {
    path: /^internetMode$/,
    types: /^alicloud:vpc\/ipv4Gateway:/,
    reading: "not-a-place",
    reason:
      "how the VPC's public traffic runs after the IPv4 gateway is deleted (public or private mode): the gateway is an internet-egress finding while enabled, and every public address is judged where it is created",
  },
  {
    path: /^(authConfig\.authType|routingRules\.routingRules\[\]\.redirect\.mirrorAuth\.authType|authType|mongodbSettings\.authType|redisSettings\.authType)$/,
    types:
      /^(alicloud:(cdn\/domain|oss\/bucketWebsite|pvtz\/userVpcAuthorization)|aws:dms\/endpoint):/,
    reading: "not-a-place",
    reason:
      "an authentication mode (URL signing of viewer requests, how OSS signs mirror-origin requests, NORMAL or CLOUD_PRODUCT zone authorization, how DMS signs in to MongoDB or Redis): an enumeration; the addresses, origins and accounts involved are inputs of their own",
  },
  {
    path: /^clientAuthentication\.unauthenticated$/,
    types: /^aws:msk\/cluster:/,
    reading: "not-a-place",
    reason:
      "unauthenticated access admits only clients that reach the brokers inside the VPC (MSK refuses public access with it on), which the network rows judge; public brokers are read at brokerNodeGroupInfo.connectivityInfo.publicAccess.type (paths/types/exposure.ts mskPublicAccess)",
  },
  {
    path: /^advancedSecurityOptions\.anonymousAuthEnabled$/,
    types: /^aws:opensearch\/domain:/,
    reading: "not-a-place",
    reason:
      "anonymous access lets in only requests that reach the domain's endpoint: a domain without VPC subnets is a public-exposure finding whatever its authentication (exposure-readers.ts domainEndpoint), and one in the VPC is reached only from the stack's networks",
  },
  {
    path: /^smbAcl\.enableAnonymousAccess$/,
    types: /^alicloud:nas\/fileSystem:/,
    reading: "not-a-place",
    reason:
      "lets SMB clients mount without directory credentials: only clients that reach the file system's mount targets, which answer inside the VPC (and the networks linked to it, judged by network-links and remote-sites)",
  },
  {
    path: /^internetSlbId$/,
    types: /^alicloud:sae\/loadBalancerInternet:/,
    reading: "own-place",
    reason:
      "the ID of the account's own internet-facing CLB in the application's region that SAE binds: the binding itself is always a public-exposure finding (paths/types/exposure.ts, appId)",
  },
  {
    path: /^publicIpv4Pool$/,
    types: /^aws:ec2\/eip:/,
    reading: "own-place",
    reason:
      "the pool the address is taken from (`amazon`, or a BYOIP pool of the account in the EIP's region): the EIP is an internet-egress finding whatever its pool",
  },
  // --- Buckets ---
  {
    path: /^bucket$/,
    types: /^(alicloud:oss\/bucket|aws:s3\/(bucket|bucketV2)):/,
    reading: "not-a-place",
    reason: "the name the bucket itself takes; where it lies is its provider's region",
  },
  {
    path: /^bucket$/,
    types:
      /^alicloud:oss\/(accessPoint|bucketAcl|bucketPolicy|bucketPublicAccessBlock|bucketServerSideEncryption):/,
    reading: "own-place",
    reason:
      "the bucket the access point, ACL, policy, public-access block or encryption setting applies to, the account's own, reached through the provider region's OSS endpoint",
  },
  {
    path: /^bucket$/,
    types:
      /^aws:s3\/(accessPoint|bucketAccelerateConfigurationV2|bucketAcl|bucketAclV2|bucketLoggingV2|bucketPolicy|bucketPublicAccessBlock|bucketServerSideEncryptionConfiguration|bucketServerSideEncryptionConfigurationV2):/,
    reading: "own-place",
    reason:
      "the bucket this resource configures: S3 answers a request for a bucket of another region with a redirect error (BucketRegionError, hashicorp/terraform-provider-aws#648), and an access point must lie in its bucket's region, so it only ever acts on a bucket of its own region (an access point's other account is bucketAccountId, an input of its own)",
  },
  {
    path: /^bucket$/,
    types: /^aws:s3control\/bucketPolicy:/,
    reading: "arn-locality",
    reason:
      "the ARN of the S3 on Outposts bucket the policy applies to: arn-locality places it by the region in the ARN (the row of paths/types/grants.ts declares only policy)",
  },
  {
    path: /^bucket$/,
    types: /^alicloud:hbr\/ossBackupPlan:/,
    reading: "own-place",
    reason:
      "the bucket the plan backs up into a vault of its region: HBR reads it through the OSS endpoint of the plan's own region (the API takes no region for it); another account's bucket is named by crossAccountUserId, read by backup-copies",
  },
  {
    path: /^defaultOssBucket$/,
    types: /^alicloud:cr\/registryEnterpriseInstance:/,
    reading: "not-a-place",
    reason:
      "whether the registry keeps its layers in the default bucket of its own region (true or false); a custom bucket is customOssBucket, read by storage-replication",
  },
  {
    path: /^bucketName$/,
    types: /^aws:datasync\/locationObjectStorage:/,
    reading: "not-a-place",
    reason:
      "a bucket inside the self-managed object storage server that serverHostname names (read by data-transfer-jobs): it is placed by that server",
  },
  {
    path: /^routes\[\]\.bucket$/,
    types: /^aws:s3control\/multiRegionAccessPointRoutes:/,
    reading: "not-a-place",
    reason:
      "picks one of the Multi-Region Access Point's own buckets to dial traffic to: its region is routes[].region (read by storage-replication), and the access point's buckets are read on the access point (details.regions[])",
  },
  {
    path: /^storageLensConfiguration\.(include|exclude)\.buckets\[\]$/,
    types: /^aws:s3control\/storageLensConfiguration:/,
    reading: "not-a-place",
    reason:
      "a filter of which buckets the dashboard's metrics cover: the metrics go where dataExport names, read by storage-replication",
  },
  {
    path: /^(lastRunSummaries|recentlyFailedRuns)\[\]\.errorReportLocations\[\]\.s3ReportLocations\[\]\.bucketName$/,
    types: /^aws:timestreamquery\/scheduledQuery:/,
    reading: "not-a-place",
    reason:
      "the service's report of where past runs wrote their error reports (an output): the destination it writes to is errorReportConfiguration.s3Configuration.bucketName, read by log-shipping",
  },
  // --- Locations that are modes, filters, paths or records ---
  {
    path: /^(restrictions|customizations)\.geoRestriction\.locations\[\]$/,
    types: /^aws:cloudfront\/(distribution|distributionTenant):/,
    reading: "not-a-place",
    reason:
      "the countries whose viewers the distribution serves or refuses: a filter of requests; it sends nothing there, and where content is cached is global-services'",
  },
  {
    path: /^addClientGeolocationHeader$/,
    types: /^alicloud:esa\/site:/,
    reading: "not-a-place",
    reason:
      "whether the edge adds the visitor's geolocation header to requests to the site's origin (on or off): the origin is placed on its own",
  },
  {
    path: /^credentialProviderConfiguration\.apiKey\.credentialLocation$/,
    types: /^aws:bedrock\/agentcoreGatewayTarget:/,
    reading: "not-a-place",
    reason: "where the API key goes in the request: HEADER or QUERY_PARAMETER",
  },
  {
    path: /^policyDetails\.(resourceLocations|schedules\[\]\.createRule\.location)$/,
    types: /^aws:dlm\/lifecyclePolicy:/,
    reading: "not-a-place",
    reason:
      "an enumeration of where the targeted resources and their snapshots are (CLOUD, LOCAL_ZONE, OUTPOST, OUTPOST_LOCAL): the source's own region or Outpost; copies elsewhere are crossRegionCopyRules, read by backup-copies",
  },
  {
    path: /^oracleSettings\.spatialDataOptionToGeoJsonFunctionName$/,
    types: /^aws:dms\/endpoint:/,
    reading: "not-a-place",
    reason: "the name of an Oracle function inside the source database (SDO2GEOJSON by default)",
  },
  {
    path: /^(adminContact|billingContact|billingContacts\[\]|registrantContact|techContact)\.countryCode$/,
    types: /^aws:route53domains\/(domain|registeredDomain):/,
    reading: "not-a-place",
    reason:
      "the country of a contact's postal address, a field of the record the registrar holds: whether it is published to the registry and WHOIS is the contact's privacy flag, read by log-shipping",
  },
  {
    path: /^sources\[\]\.customLogSourceResource\.providers\[\]\.location$/,
    types: /^aws:securitylake\/subscriber:/,
    reading: "not-a-place",
    reason:
      "the partition path a custom source writes to inside the data lake's own bucket: the subscriber's reach is subscriberIdentity.principal, read by log-shipping",
  },
  {
    path: /^(steps|onExceptionSteps)\[\]\.(copyStepDetails|customStepDetails|decryptStepDetails|deleteStepDetails|tagStepDetails)\.sourceFileLocation$/,
    types: /^aws:transfer\/workflow:/,
    reading: "not-a-place",
    reason:
      "which file a workflow step takes: ${previous.file} or ${original.file}; where steps write is destinationFileLocation and target, read by data-transfer-jobs",
  },
  // --- Images ---
  {
    path: /^(customContainerConfig\.image|containers\[\]\.image)$/,
    types: /^(alicloud:fc\/v3Function|aws:lightsail\/containerServiceDeploymentVersion):/,
    reading: "arn-locality",
    reason:
      "the registry a container image is pulled from: arn-locality places a cloud registry's host (ACR, ECR) by its region (policy/placement.ts, image-kind values of every resource); a pull brings software in and sends none of the stack's data out",
  },
];
