/**
 * The review of the aws provider (services l–z)'s resource types that no flow table models: which check reads
 * each place-naming input property, and the types classed as a whole (policy/review/model.ts).
 *
 * Left unread on purpose, so that their types fail closed until a flow table models them: resource
 * and sharing policies that grant another account or everyone access (`policy`, `principal`,
 * `sharedAccounts`, `consumerIdentifier`), destinations the value chooses (hosts, URLs, buckets
 * and ARNs that data is pushed, logged, exported or replicated to) and sources pulled from any
 * host (self-managed Kafka, RTMP inputs, database hosts of QuickSight).
 */
import type { ProviderReview, PropertyReview, TypeReview } from "./model";

/** Services whose S3 locations the API accepts only in the resource's own region. */
const sameRegionS3: PropertyReview[] = [
  {
    path: /(^|\.)(modelDataUrl|manifestS3Uri|labelCategoryConfigS3Uri|uiTemplateS3Uri|recordPreprocessorSourceUri|postAnalyticsProcessorSourceUri|dataCapturedDestinationS3Uri|(s3DataSource|s3DataSources\[\]|additionalS3DataSource|constraintsResource|statisticsResource)\.s3Uri)$/,
    types: /^aws:sagemaker\//,
    reading: "own-place",
    reason:
      "an S3 location SageMaker reads input from (training or model data, a manifest, a baseline, a script): SageMaker requires input buckets in the job's, model's or endpoint's own region. Output locations (checkpoints, captured data, monitoring reports, offline stores, MLflow artifacts) are not read: a bucket they name is a destination",
  },
  {
    path: /^(uiTemplate\.url|pipelineDefinitionS3Location\.bucket)$/,
    types: /^aws:sagemaker\/(humanTaskUI|pipeline):/,
    reading: "own-place",
    reason:
      "the S3 object SageMaker reads the task template or pipeline definition from, in the resource's own region",
  },
  {
    path: /(^|\.)(image|imageUri)$/,
    types: /^aws:sagemaker\//,
    reading: "own-place",
    reason:
      "a container image SageMaker pulls from ECR in the resource's own region (code comes in; no data goes to the registry)",
  },
  {
    path: /^(inputDataConfig\.s3Uri|inputDataConfig\.tuningDataS3Uri|vocabularyFileUri|vocabularyFilterFileUri)$/,
    types: /^aws:transcribe\//,
    reading: "own-place",
    reason:
      "the S3 object Transcribe reads training text or a word list from: Transcribe reads S3 only in the resource's own region",
  },
  {
    path: /^(imageUri|s3Bucket)$/,
    types: /^aws:lambda\/(function|layerVersion):/,
    reading: "own-place",
    reason:
      "where Lambda reads the code from: an ECR image or S3 bucket that Lambda accepts only in the function's or layer's own region",
  },
  {
    path: /^(dagS3Path|pluginsS3Path|requirementsS3Path|startupScriptS3Path)$/,
    types: /^aws:mwaa\/environment:/,
    reading: "own-place",
    reason:
      "a key inside the environment's source bucket (sourceBucketArn), which Amazon MWAA accepts only in the environment's own region: the DAGs, plugins and scripts it runs come in from there",
  },
  {
    path: /^codeArtifact\.uri$/,
    types: /^aws:(lambda\/microvmsImage|lambdamicrovms\/image):/,
    reading: "own-place",
    reason: "the S3 archive the image is built from, read in the resource's own region",
  },
];

/** Enumerations, flags, time windows and names the resource itself serves. */
const notPlaces: PropertyReview[] = [
  {
    path: /^(standardsArn|standardsControlArn)$/,
    types:
      /^aws:securityhub\/(standardsSubscription|standardsControl|standardsControlAssociation):/,
    reading: "not-a-place",
    reason:
      "the Security Hub standard or control the account's resources are checked against: AWS's definition, named by an ARN of the account's own region and partition (Security Hub refuses another's); no data of the stack goes there",
  },
  {
    path: /^criteria\./,
    types: /^aws:securityhub\/automationRule:/,
    reading: "not-a-place",
    reason:
      "what the findings the rule updates must match (a resource ARN, an account, a region among them): a filter of the account's own findings, no data of the stack goes there",
  },
  {
    path: /^awsRegion$/,
    types: /^aws:servicequotas\/template:/,
    reading: "not-a-place",
    reason:
      "the region whose quota Service Quotas raises for each new account of the organisation: a request to the service, no data of the stack goes there",
  },
  {
    path: /^(policy|sinkIdentifier)$/,
    types: /^aws:oam\/sinkPolicy:/,
    reading: "not-a-place",
    reason:
      "the monitoring sink of this account and who may link to it: the policy grants only oam:CreateLink, so other accounts can send their telemetry in but read nothing of the stack's (a link that sends the stack's own telemetry out is `aws:oam/link`)",
  },
  {
    path: /^conversationLogs\.logSettings\[\]\.destination$/,
    types: /^aws:lex\/botAlias:/,
    reading: "not-a-place",
    reason:
      "the kind of sink (CLOUDWATCH_LOGS or S3): the sink itself is `resourceArn`, an ARN the ARN checks place",
  },
  {
    path: /(^|\.)(ipAddressType|ipAddressVersion|ipType)$/,
    reading: "not-a-place",
    reason: "an address family (IPV4, IPV6, DUALSTACK): names no place",
  },
  {
    path: /(^|\.)preferredBackupWindow$/,
    reading: "not-a-place",
    reason: "a daily time window for backups: names no place",
  },
  {
    path: /(^|\.)imageUrl$/,
    types: /^aws:lex\//,
    reading: "not-a-place",
    reason:
      "the picture link of a response card the bot shows its users; their client fetches it, the bot sends no data there",
  },
  {
    path: /(^|\.)(tlsPolicy|actionFailurePolicy|alpnPolicy|sslPolicy|tlsSecurityPolicy|protocolPolicy|httpsPolicy|routingPolicy|languageSelectionPolicy)$/,
    types: /^aws:(mailmanager|ses|sesv2|lb|opensearch|lightsail|servicediscovery|medialive)\//,
    reading: "not-a-place",
    reason:
      "an enumeration (TLS or ALPN policy name, failure or routing behaviour): names no place",
  },
  {
    path: /(^|\.)(endpointType|customEndpointType|targetRole|endpointNetworkType|clientBroker|endpointManagement|standbyReplicas|resolverEndpointType|firewallDomainRedirectionAction|principalType|accessEndpointType|webAppEndpointPolicy|signingAttributesOrigin|tenantIsolationMode|accountDefaultStatus|defaultLandingUri|studioWebPortal|trackingServerSize|databaseServerType|storageServerType|sourceIp|vpcSourceIp|peerLivenessDetection|serverValidation|preserveClientIp|target|permissionPolicy|dataLocationConstraint|destination|accountColor|targetAccount)$/,
    types:
      /^aws:(neptune\/clusterEndpoint|rds\/(clusterEndpoint|proxy|proxyEndpoint)|msk\/cluster|mwaa|opensearch\/serverlessCollection|route53\/resolver|servicecatalog\/principalPortfolioAssociation|ssoadmin\/(accountAssignment|applicationAssignment)|transfer\/webApp|sesv2\/emailIdentity:|lambda\/function:|sagemaker\/(mlflowApp|domain|userProfile|mlflowTrackingServer|workteam)|odb\/cloudExadataInfrastructure|vpc\/routeServerPeer|lb\/targetGroup:|macie2\/classificationJob|quicksight\/dataSet|resiliencehub\/resiliencyPolicy|rum\/metricsDestination|xray\/traceSegmentDestination|uxc\/|ssmincidents\/responsePlan|verifiedaccess\/endpoint|workspaces\/directory)/,
    reading: "not-a-place",
    reason:
      "an enumeration or flag (endpoint, network or principal type, READ_WRITE, ENABLED, CloudWatch or XRay as the service's own sink): names no place",
  },
  {
    path: /(^|\.)(domainName|domain|certificates\[\]\.domainNames\[\]|publicDomainNames\.certificates\[\]\.domainNames\[\]|customDomainName|endpointDomainPrefix|applicationDomain|cidrEndpointsCustomSubdomain|customRedirectDomain|trackingOptions\.customRedirectDomain|mailFromDomain|emailIdentity|email|fromAddress|endpointName|clusterEndpointIdentifier|dbProxyEndpointName|brokerName|trackingServerName|containerHostname|hostnamePrefix|accessEndpoint|domainDefaultDomain|blockOverrideDomain|privateDnsSpecifiedDomains\[\]|tokenDomains\[\]|domains\[\]|domainLists\[\])$/,
    types:
      /^aws:(lightsail\/(certificate|lbCertificate|containerService:)|ses\/(domainDkim|domainIdentity|domainIdentityVerification|emailIdentity|mailFrom|configurationSet)|sesv2\/(configurationSet|emailIdentity|emailIdentityFeedbackAttributes|emailIdentityMailFromAttributes|multiRegionEndpoint)|redshiftserverless\/customDomainAssociation|vpclattice\/(domainVerification|service:|serviceNetworkVpcAssociation)|verifiedaccess\/(endpoint|instance:)|sagemaker\/(mlflowTrackingServer|algorithm|model):|workmail\/(defaultDomain|domain|group|user)|neptune\/clusterEndpoint|rds\/(clusterEndpoint|proxyEndpoint)|odb\/(cloudVmCluster|network)|route53\/resolverFirewall|rum\/appMonitor|wafv2\/apiKey|transfer\/webApp|pinpoint\/emailChannel)/,
    reading: "not-a-place",
    reason:
      "a DNS name, mail address or endpoint name the resource itself serves or sends from (its certificate, sender domain, custom domain, filter list), not one it sends data to",
  },
  {
    path: /^principals\[\]\.dataLakePrincipalIdentifier$/,
    types: /^aws:lakeformation\/optIn:/,
    reading: "not-a-place",
    reason:
      "a principal whose access to the named catalog resources Lake Formation permissions now govern (hybrid access opt-in): it grants nothing and sends no data",
  },
  {
    path: /^bucket$/,
    types: /^aws:timestreaminfluxdb\//,
    reading: "not-a-place",
    reason: "the name of the first bucket inside the InfluxDB database itself, not an S3 bucket",
  },
  {
    path: /^isoCountryCode$/,
    types: /^aws:pinpoint\/smsvoicev2(PhoneNumber|Pool|SenderId):/,
    reading: "not-a-place",
    reason:
      "the country the phone number or sender ID is registered in; messages go to the recipients a sender addresses, not to it",
  },
  {
    path: /(^|\.)(email|emailAddress|notificationEmail|accountName|owner|supportEmail|supportUrl|country|ownerInformation)$/,
    types:
      /^aws:(organizations\/account|quicksight\/(user|accountSubscription)|workmail\/user|servicecatalog\/product|ssm\/maintenanceWindowTarget)/,
    reading: "not-a-place",
    reason:
      "a user's or owner's contact address, country or description text kept with the resource (AWS and the service's users write to it about the account, the product or the mailbox): no data of the stack is sent there",
  },
  {
    path: /(^|\.)(uid|defaultUid|ownerGid|ownerUid|ownerUserProfileName|principalIdClaim|principalEntityType|tenantName|tenantId|dedicatedIp|quicServerId|ultraServerId|consumerGroupId|hostKeyBody|hostKeyBodyWo|domainSigningPrivateKey|domainSigningSelector|capabilities\.[A-Za-z]+|serverProperties|sqlEndpointPath)$/,
    types:
      /^aws:(sagemaker|s3\/filesAccessPoint|verifiedpermissions|sesv2\/tenant|lambda\/invocation|lb\/targetGroupAttachment|transfer\/hostKey|sesv2\/emailIdentity:|quicksight\/customPermissions|msk\/configuration|verifiedaccess\/trustProvider)/,
    reading: "not-a-place",
    reason:
      "a POSIX ID, claim or tenant name, key material or broker settings text: names no place",
  },
  {
    path: /(^|\.)(targetString|countryCodes\[\]|countryCode|addresses\[\]|addressDefinition|cidrs\[\]|cidr|ipRange|ipRestrictionRuleMap|vpcEndpointIdRestrictionRuleMap|allowedOrigins\[\]|globalEnforcedUrls\[\]|globalExemptUrls\[\]|enforcedUrls\[\]|exemptUrls\[\]|domain|addressLists\[\]|uriPath|destinationPattern|host|urlPath)$/,
    types:
      /^aws:(waf\/byteMatchSet|wafregional\/byteMatchSet|wafv2\/|networkfirewall\/tlsInspectionConfiguration|securityhub\/insight|ses\/receiptFilter|sagemaker\/workforce|workspacesweb\/(ipAccessSettings|dataProtectionSettings|userSettings)|quicksight\/(ipRestriction|dataSet)|s3\/bucketCorsConfiguration|mailmanager\/trafficPolicy|observabilityadmin\/telemetryRule|xray\/samplingRule)/,
    reading: "not-a-place",
    reason:
      "a match condition or allow-list (countries, addresses, domains, origins, URL paths) that filters or restricts requests; it sends nothing to what it names",
  },
  {
    path: /^(redirectAllRequestsTo\.hostName|routingRules\[\]\.redirect\.hostName|serverSideEncryption|expectedBucketOwner)$/,
    types:
      /^aws:s3\/(bucketWebsiteConfigurationV2|bucketObject|bucketObjectv2|bucketAbac|bucketCorsConfiguration|bucketCorsConfigurationV2|bucketMetadataConfiguration|bucketObjectLockConfiguration|bucketObjectLockConfigurationV2|bucketRequestPaymentConfiguration|bucketRequestPaymentConfigurationV2):/,
    reading: "not-a-place",
    reason:
      "a redirect the website answers visitors with, an encryption algorithm, or the account the bucket must belong to (a guard): sends no data",
  },
  {
    path: /^(corsRules\[\]\.allowedOrigins\[\])$/,
    types: /^aws:s3\/bucketCorsConfigurationV2:/,
    reading: "not-a-place",
    reason:
      "web origins whose scripts a browser lets call the bucket; the bucket's policy still decides who may read",
  },
  {
    path: /^(policy|archivePolicy|deliveryPolicy|notificationPolicy|browserPolicy|sessionPolicy|inlinePolicy|policyDocument|lifecyclePolicy)$/,
    types:
      /^aws:(opensearch\/serverlessLifecyclePolicy|storagegateway|workspacesweb\/browserSettings|rolesanywhere\/profile|ssoadmin\/permissionSetInlinePolicy|verifiedaccess\/(group|endpoint)|ses\/receiptFilter)/,
    reading: "not-a-place",
    reason:
      "a retention, retry, browser or filter setting, or a policy that only narrows what the stack's own users may do (a session or permission-set policy, a Verified Access rule): grants no other account access and names no destination",
  },
  {
    path: /^(archivePolicy|deliveryPolicy)$/,
    types: /^aws:sns\/topic:/,
    reading: "not-a-place",
    reason: "message retention and delivery retries of the topic: name no place",
  },
  // Exposure-named settings that open nothing to the internet or to anyone. The ones that do
  // (`publiclyAccessible` of databases, brokers and environments, unauthenticated Kafka clients,
  // anonymous search, a public graph, a public IP on scheduled tasks, a notebook's direct
  // internet access, internet access of WorkSpaces) are left unread: their types fail closed
  // until public-exposure or egress reads them.
  {
    path: /^kafkaClusterClientAuthentication\.authenticationType$/,
    types: /^aws:mskconnect\/connector:/,
    reading: "not-a-place",
    reason:
      "how the connector authenticates to the Kafka cluster it reads or writes (`IAM` or `NONE`): it opens nothing to callers; the cluster is named by its bootstrap servers",
  },
  {
    path: /^blockPublicPolicy$/,
    types: /^aws:secretsmanager\/secretPolicy:/,
    reading: "not-a-place",
    reason:
      "asks Secrets Manager to refuse a policy that grants broad access: it only restricts; the policy itself is read on its own",
  },
  {
    path: /^portalOptions\.visibility$/,
    types: /^aws:ssoadmin\/application:/,
    reading: "not-a-place",
    reason:
      "whether the application's tile shows in the access portal of the organisation's own users: it grants no one access",
  },
  {
    path: /^authType$/,
    types: /^aws:vpclattice\/(service|serviceNetwork):/,
    reading: "not-a-place",
    reason:
      "whether callers must sign requests with IAM (`AWS_IAM`) or not (`NONE`): a Lattice service is reached only from VPCs associated with its service network, never from the internet, and sharing the network with another account is judged where it is shared",
  },
  {
    path: /^authenticationType$/,
    types: /^aws:workspacesweb\/portal:/,
    reading: "not-a-place",
    reason:
      "the identity provider users sign in to the portal with (`Standard` SAML or `IAM_Identity_Center`): every mode authenticates users",
  },
  {
    path: /^(samlProperties\.userAccessUrl|activeDirectoryConfig\.domainName|workspaceAccessProperties\.accessEndpointConfig\.internetFallbackProtocols\[\])$/,
    types: /^aws:workspaces\/directory:/,
    reading: "not-a-place",
    reason:
      "the identity provider users sign in at (a SAML sign-in URL), the directory's own domain name, and which protocols stream over the public WorkSpaces gateways when the VPC endpoint is unreachable (the default path of every WorkSpace, open only to the directory's signed-in users)",
  },
  {
    path: /^(policy|posixProfile\.uid)$/,
    types: /^aws:transfer\/(user|access):/,
    reading: "not-a-place",
    reason:
      "the session policy that narrows what the user may reach (it grants only the user it is attached to, and every resource it names is an ARN that arn-locality places) and the user's POSIX ID: neither names a place",
  },
  {
    path: /^targets\[\]\.targetIdentifier\.targetId\.accountId$/,
    types: /^aws:networkflowmonitor\/scope:/,
    reading: "not-a-place",
    reason:
      "an account whose network flows the monitor observes: the agents of that account send flow metrics into this monitor's region, nothing of the stack is copied to the account",
  },
  {
    path: /^(expectedBucketOwner|expectedSourceBucketOwner|serverSideEncryption)$/,
    types: /^aws:s3\/objectCopy:/,
    reading: "not-a-place",
    reason:
      "conditions and settings of the copy request: the copy fails unless the buckets belong to the expected accounts, and the encryption mode names no key; nothing is sent to the accounts",
  },
  {
    path: /^peeringId$/,
    types: /^aws:networkmanager\/transitGatewayRouteTableAttachment:/,
    reading: "not-a-place",
    reason:
      "the peering between the core network and a transit gateway that the attachment uses; the peering's far end is judged by network-links on the transitGatewayPeering",
  },
  {
    path: /^(customDomainName|domainVerificationId)$/,
    types: /^aws:vpclattice\/resourceConfiguration:/,
    reading: "not-a-place",
    reason:
      "the DNS name consumers reach the resource by, and the verification of that domain in the resource's own account: names this resource serves, not places it sends data to",
  },
  {
    path: /^resourceConfigurationDefinition\.(ipResource\.ipAddress|dnsResource\.domainName)$/,
    types: /^aws:vpclattice\/resourceConfiguration:/,
    reading: "own-place",
    reason:
      "the resource the configuration shares, reached from the resource gateway in the stack's own VPC through that VPC's routes (which network-links, remote-sites and internet-egress judge); who may consume it is the service network's and its shares', judged by cross-account-links",
  },
  {
    path: /^(encoderSettings\.(availBlanking\.availBlankingImage|captionDescriptions\[\]\.destinationSettings\.(burnInDestinationSettings|dvbSubDestinationSettings)\.font|globalConfiguration\.inputLossBehavior\.inputLossImageSlate|outputGroups\[\]\.outputs\[\]\.outputSettings\.hlsOutputSettings\.hlsSettings\.audioOnlyHlsSettings\.audioOnlyImage)\.uri)$/,
    types: /^aws:medialive\/channel:/,
    reading: "not-a-place",
    reason:
      "an image or font the channel reads and overlays (a slate, a blanking image, a caption font): nothing of the stack is written there",
  },
  {
    path: /(\.destination\.destinationRefId|\.hlsGroupSettings\.(baseUrlContent1?|baseUrlManifest1?|keyProviderSettings\.staticKeySettings\[\]\.keyProviderServer\.uri)|serverValidation)$/,
    types: /^aws:medialive\/channel:/,
    reading: "not-a-place",
    reason:
      "the ID of an entry of the channel's destinations (whose URLs log-shipping reads), URLs the channel writes into HLS manifests for players (the CDN and key server players fetch from; the channel sends nothing there), and whether to validate an input server's certificate",
  },
  {
    path: /^vpc\.publicAddressAllocationIds\[\]$/,
    types: /^aws:medialive\/channel:/,
    reading: "own-place",
    reason: "Elastic IPs of the channel's own region and account that its VPC outputs leave from",
  },
  {
    path: /^vpcOptions\.vpcEndpointManagement$/,
    types: /^aws:opensearchingest\/pipeline:/,
    reading: "not-a-place",
    reason: "who creates the pipeline's VPC endpoint (the service or the customer), not a place",
  },
  {
    path: /^hsmServerPublicCertificate$/,
    types: /^aws:redshift\/hsmConfiguration:/,
    reading: "not-a-place",
    reason:
      "the certificate the HSM proves itself with; where the HSM is, is hsmIpAddress, read by key-and-secret-replicas",
  },
];

/** IDs the API resolves in the resource's own region and account. */
const ownPlaces: PropertyReview[] = [
  {
    path: /^arn$/,
    types: /^aws:(ssm\/parameter|kinesis\/stream|kinesis\/firehoseDeliveryStream):/,
    reading: "own-place",
    reason:
      "the resource's own ARN, an input the SDK also computes (a parameter, stream or delivery stream created in a callback, named from a value not known at preview, has it unknown): it names the resource itself, never where it sends data",
  },
  {
    path: /^(bucket|vectorBucketName)$/,
    types:
      /^aws:(s3\/(bucketAbac|bucketCorsConfiguration|bucketCorsConfigurationV2|bucketIntelligentTieringConfiguration|bucketMetadataConfiguration|bucketMetric|bucketNotification|bucketObject|bucketObjectLockConfiguration|bucketObjectLockConfigurationV2|bucketObjectv2|bucketRequestPaymentConfiguration|bucketRequestPaymentConfigurationV2|bucketWebsiteConfigurationV2|directoryBucket|filesFileSystem|vectorsIndex|vectorsVectorBucket)|s3control\/(bucket|bucketLifecycleConfiguration)):/,
    reading: "own-place",
    reason:
      "the bucket this resource is, configures or writes an object into: S3 answers a request for a bucket of another region with a redirect error (BucketRegionError, hashicorp/terraform-provider-aws#648), so the resource only ever acts on a bucket of its own region",
  },
  {
    path: /^bucketName$/,
    types: /^aws:redshift\/logging:/,
    reading: "own-place",
    reason:
      "the bucket audit logs go to, which must be in the cluster's own region (SDK: \"Must be in the same region as the cluster\"); another account's bucket there keeps the logs in this region",
  },
  {
    path: /^accountId$/,
    types: /^aws:s3control\//,
    reading: "own-place",
    reason:
      "the account that owns the bucket, access point or access grants instance; it defaults to the provider's account and the API acts in the resource's region",
  },
  {
    path: /^awsAccountId$/,
    types: /^aws:quicksight\//,
    reading: "own-place",
    reason:
      "the account the QuickSight resource is created in: the API only accepts the caller's own account",
  },
  {
    path: /(^|\.)(principal|principals\[\])$/,
    types: /^aws:quicksight\/(analysis|dashboard|dataSet|dataSource|folder):/,
    reading: "own-place",
    reason:
      "a QuickSight user, group or namespace of this account (these types cannot be shared with another account)",
  },
  {
    path: /^permissions\[\]\.principal$/,
    types: /^aws:quicksight\/(template|theme):/,
    reading: "not-a-place",
    reason:
      "who may use the template or theme: another account receives a layout or a colour scheme, no data",
  },
  {
    path: /^(domainId|endpointConfigName|defaultDomainIdLists\[\]|workforceVpcConfig\.vpcEndpointId)$|(^|\.)endpointInput\.endpointName$/,
    types: /^aws:sagemaker\//,
    reading: "own-place",
    reason: "a SageMaker domain, endpoint or VPC endpoint of the resource's own region and account",
  },
  {
    path: /^(vpcEndpointId|networkConfiguration\.privateNetworkConfiguration\.vpcEndpointId|endpointDetails\.vpc\.vpcEndpointId|subnetMapping\.vpcEndpointId|routeServerId|routeServerEndpointId|peerAddress|ip|ipAddresses\[\]\.ip|ipAddresses\[\]\.ipId|ipv4Address|ipv6Address|firewallDomainListId|targetGroupIdentifier|defaultAction\.forwards\[\]\.targetGroups\[\]\.targetGroupIdentifier|action\.forward\.targetGroups\[\]\.targetGroupIdentifier|staticIpName|bucketName|domainName|serverId|ipGroupIds\[\]|dbServers\[\]|rdsOptions\.rdsEndpoint|cidrOptions\.cidr|backupSubnetCidr|clientSubnetCidr|queueUrl|redrivePolicy|redriveAllowPolicy|locationArn|s3JobDefinition\.bucketDefinitions\[\]\.accountId|s3JobDefinition\.bucketDefinitions\[\]\.buckets\[\]|targetId|authorizedTargets\[\]|principalId)$/,
    types:
      /^aws:(vpc\/(endpointPrivateDns|routeServer)|mailmanager\/ingressPoint|transfer\/(webApp|hostKey|sshKey)|route53\/resolver|s3\/filesMountTarget:|sesv2\/dedicatedIpAssignment|vpclattice\/(listener|listenerRule|targetGroupAttachment)|lightsail\/(staticIpAttachment|bucketAccessKey|bucketResourceAccess)|opensearch\/(domainSamlOptions|packageAssociation)|workspaces\/directory|odb\/(cloudAutonomousVmCluster|cloudVmCluster|network)|verifiedaccess\/endpoint|sqs\/(redriveAllowPolicy|redrivePolicy)|storagegateway\/fileSystemAssociation|macie2\/classificationJob|ssoadmin\/(applicationAccessScope|applicationAssignment)|securityhub\/configurationPolicyAssociation)/,
    reading: "own-place",
    reason:
      "an ID, address or name the API resolves in the resource's own region: the bucket, VPC endpoint, route server, target group, domain, server or subnet the resource configures or belongs to (Macie scans, SQS redrives and Storage Gateway associates FSx only within one region; an ODB network's subnets and a route server's peers lie in the resource's own VPC)",
  },
  {
    path: /^targetId$/,
    types: /^aws:lb\/targetGroupAttachment:/,
    reading: "own-place",
    reason:
      "an instance, load balancer or Lambda function of the target group's region, or a private IP address: AWS refuses public addresses as targets, and a private address outside the VPC is reached through a VPN or Direct Connect link that network-links and remote-sites judge",
  },
  {
    path: /^workspaceAccessProperties\.accessEndpointConfig\.accessEndpoints\[\]\.vpcEndpointId$/,
    types: /^aws:workspaces\/directory:/,
    reading: "own-place",
    reason: "the interface endpoint of the directory's own VPC that WorkSpaces stream through",
  },
  {
    path: /^serverId$/,
    types: /^aws:transfer\/(user|access|agreement):/,
    reading: "own-place",
    reason:
      "the Transfer Family server of the resource's own region and account that the user, access or agreement belongs to; the server itself is judged by public-exposure and log-shipping",
  },
  {
    path: /^accessGrantsLocationId$/,
    types: /^aws:s3control\/accessGrant:/,
    reading: "own-place",
    reason:
      "an Access Grants location of the grant's own region and account (the instance of a region holds only locations of that region)",
  },
  {
    path: /^bucket$/,
    types: /^aws:s3\/objectCopy:/,
    reading: "own-place",
    reason:
      "the bucket the copy writes into: S3 answers a request for a bucket of another region with a redirect error (BucketRegionError, hashicorp/terraform-provider-aws#648), so the copy only ever lands in a bucket of its own region; where it copies from (`source`) is read by storage-replication",
  },
];

/** Types classed as a whole, with the reason. */
const types: TypeReview[] = [
  {
    class: "regional",
    reason:
      "its only place-naming inputs are the identity provider it signs users in at (OIDC endpoints, a Cognito domain, a JWKS URL, a SAML sign-in URL), its own directory or VPC endpoint, and the host a redirect sends the user's browser to: the provider gets the sign-in exchange, not the data behind the service",
    types: [
      "aws:lb/listener:Listener",
      "aws:lb/listenerRule:ListenerRule",
      "aws:verifiedaccess/trustProvider:TrustProvider",
      "aws:sagemaker/workforce:Workforce",
    ],
  },
  {
    class: "regional",
    reason:
      "the place it names is a bucket or URL a configuration file is read from once (a CA bundle, a revocation list, a grammar, a package, an application definition, a CloudFormation template, a Terraform state file, database installation media): configuration comes in, no data of the stack goes out",
    types: [
      "aws:lb/trustStore:TrustStore",
      "aws:lb/trustStoreRevocation:TrustStoreRevocation",
      "aws:lex/v2modelsSlotType:V2modelsSlotType",
      "aws:opensearch/package:Package",
      "aws:m2/application:Application",
      "aws:servicecatalog/product:Product",
      "aws:servicecatalog/provisioningArtifact:ProvisioningArtifact",
      "aws:resiliencehub/v2InputSource:V2InputSource",
      "aws:rds/customDbEngineVersion:CustomDbEngineVersion",
    ],
  },
  {
    class: "regional",
    reason:
      "shares or grants something that is not data: a license entitlement, the right to send mail as a verified identity, a signing profile, a firewall rule group, a Service Catalog portfolio of templates, an AWS service's trusted access to the organization",
    types: [
      "aws:licensemanager/licenseGrant:LicenseGrant",
      "aws:ses/identityPolicy:IdentityPolicy",
      "aws:sesv2/emailIdentityPolicy:EmailIdentityPolicy",
      "aws:signer/signingProfilePermission:SigningProfilePermission",
      "aws:networkfirewall/resourcePolicy:ResourcePolicy",
      "aws:servicecatalog/portfolioShare:PortfolioShare",
    ],
  },
  {
    class: "regional",
    reason:
      "copies the code package it signs from the source bucket to the destination bucket: code of the stack's own build, not its data",
    types: ["aws:signer/signingJob:SigningJob"],
  },
  {
    class: "regional",
    reason:
      "registers a bucket path of the account that access grants may later cover: it moves no data, and each grant is reviewed on its own",
    types: ["aws:s3control/accessGrantsLocation:AccessGrantsLocation"],
  },
  {
    class: "regional",
    reason:
      "gives a user or group of the organization's IAM Identity Center a permission set in one of the organization's accounts: the organization's own people and accounts, and no data moves",
    types: ["aws:ssoadmin/accountAssignment:AccountAssignment"],
  },
  {
    class: "regional",
    reason:
      "sends synthetic probe packets to the address it names to measure the network; no data of the stack is carried",
    types: ["aws:networkmonitor/probe:Probe"],
  },
  {
    class: "inert",
    reason:
      "organization structure: accounts, organizational units, service-control policies and trusted service access; they hold no data and the accounts' data stays in their own regions",
    types: [
      "aws:organizations/account:Account",
      "aws:organizations/awsServiceAccess:AwsServiceAccess",
      "aws:organizations/organization:Organization",
      "aws:organizations/organizationalUnit:OrganizationalUnit",
      "aws:organizations/policy:Policy",
      "aws:organizations/policyAttachment:PolicyAttachment",
      "aws:organizations/resourcePolicy:ResourcePolicy",
      "aws:organizations/tag:Tag",
    ],
  },
  {
    class: "inert",
    reason:
      "a request filter of classic (global) WAF: it matches requests and holds no data; the web ACL that logs them is reviewed on its own",
    types: [
      "aws:waf/byteMatchSet:ByteMatchSet",
      "aws:waf/geoMatchSet:GeoMatchSet",
      "aws:waf/ipSet:IpSet",
      "aws:waf/rateBasedRule:RateBasedRule",
      "aws:waf/regexMatchSet:RegexMatchSet",
      "aws:waf/regexPatternSet:RegexPatternSet",
      "aws:waf/rule:Rule",
      "aws:waf/ruleGroup:RuleGroup",
      "aws:waf/sizeConstraintSet:SizeConstraintSet",
      "aws:waf/sqlInjectionMatchSet:SqlInjectionMatchSet",
      "aws:waf/xssMatchSet:XssMatchSet",
    ],
  },
  {
    class: "inert",
    reason:
      "a WAF request filter, rule or association: with scope CLOUDFRONT it is evaluated at CloudFront's edge, a path the distribution's own review judges; the filter holds and sends no data (its logging is reviewed on its own)",
    types: [
      "aws:wafv2/apiKey:ApiKey",
      "aws:wafv2/ipSet:IpSet",
      "aws:wafv2/regexPatternSet:RegexPatternSet",
      "aws:wafv2/ruleGroup:RuleGroup",
      "aws:wafv2/webAcl:WebAcl",
      "aws:wafv2/webAclAssociation:WebAclAssociation",
      "aws:wafv2/webAclRule:WebAclRule",
      "aws:wafv2/webAclRuleGroupAssociation:WebAclRuleGroupAssociation",
    ],
  },
  {
    class: "inert",
    reason:
      "Shield Advanced DDoS protection settings of the account's own resources: they hold no data and send none",
    types: [
      "aws:shield/applicationLayerAutomaticResponse:ApplicationLayerAutomaticResponse",
      "aws:shield/protection:Protection",
      "aws:shield/protectionGroup:ProtectionGroup",
      "aws:shield/protectionHealthCheckAssociation:ProtectionHealthCheckAssociation",
      "aws:shield/subscription:Subscription",
    ],
  },
  {
    class: "inert",
    reason:
      "describes the global network for Network Manager's map and monitoring (sites, devices, links, registered transit gateways, labels): it creates no connectivity and holds no data",
    types: [
      "aws:networkmanager/globalNetwork:GlobalNetwork",
      "aws:networkmanager/site:Site",
      "aws:networkmanager/device:Device",
      "aws:networkmanager/link:Link",
      "aws:networkmanager/linkAssociation:LinkAssociation",
      "aws:networkmanager/connection:Connection",
      "aws:networkmanager/customerGatewayAssociation:CustomerGatewayAssociation",
      "aws:networkmanager/transitGatewayConnectPeerAssociation:TransitGatewayConnectPeerAssociation",
      "aws:networkmanager/transitGatewayRegistration:TransitGatewayRegistration",
      "aws:networkmanager/attachmentRoutingPolicyLabel:AttachmentRoutingPolicyLabel",
      "aws:networkmanager/prefixListAssociation:PrefixListAssociation",
    ],
  },
  {
    class: "inert",
    reason:
      "Route 53 DNS plumbing that holds no data: a reusable set of name servers, DNSSEC signing (its KMS key is placed by key-locality), named client CIDR blocks for routing, a DS record published at the registry, a private zone's VPC association",
    types: [
      "aws:route53/delegationSet:DelegationSet",
      "aws:route53/hostedZoneDnsSec:HostedZoneDnsSec",
      "aws:route53/keySigningKey:KeySigningKey",
      "aws:route53/cidrCollection:CidrCollection",
      "aws:route53/cidrLocation:CidrLocation",
      "aws:route53/zoneAssociation:ZoneAssociation",
      "aws:route53domains/delegationSignerRecord:DelegationSignerRecord",
    ],
  },
  {
    class: "inert",
    reason:
      "Route 53 Application Recovery Controller: on/off states of routing controls and readiness checks over the account's own resources; holds no data of the stack",
    types: [
      "aws:route53recoverycontrol/cluster:Cluster",
      "aws:route53recoverycontrol/controlPanel:ControlPanel",
      "aws:route53recoverycontrol/routingControl:RoutingControl",
      "aws:route53recoverycontrol/safetyRule:SafetyRule",
      "aws:route53recoveryreadiness/cell:Cell",
      "aws:route53recoveryreadiness/readinessCheck:ReadinessCheck",
      "aws:route53recoveryreadiness/recoveryGroup:RecoveryGroup",
      "aws:route53recoveryreadiness/resourceSet:ResourceSet",
    ],
  },
  {
    class: "inert",
    reason:
      "Route 53 traffic policies and their instances, not data paths: their rules choose which answer a client receives (geolocation, latency, failover), not where data goes; the answers themselves are records, whose hosts log-shipping reads, and the hosted zone is judged by global-services",
    types: [
      "aws:route53/trafficPolicy:TrafficPolicy",
      "aws:route53/trafficPolicyInstance:TrafficPolicyInstance",
    ],
  },
];

export const review: ProviderReview = {
  properties: [...sameRegionS3, ...notPlaces, ...ownPlaces],
  types,
  reviewFirst: [
    { prefix: "aws:route53/delegationSet", reason: "public DNS name servers, global" },
    { prefix: "aws:route53/hostedZoneDnsSec", reason: "signing of public DNS, global" },
    { prefix: "aws:route53/keySigningKey", reason: "signing of public DNS, global" },
    { prefix: "aws:route53/cidr", reason: "CIDR routing of public DNS, global" },
    { prefix: "aws:route53/zone", reason: "public DNS, global" },
    {
      prefix: "aws:route53domains/",
      reason:
        "domain registration: the registrant's, admin's and technical contacts' details go to the TLD registry, wherever it is",
    },
    {
      prefix: "aws:route53recoverycontrol/",
      reason: "a global control plane (no region input) whose cluster spans five regions",
    },
    {
      prefix: "aws:route53recoveryreadiness/",
      reason: "a global service (no region input) that reads resources in many regions",
    },
    {
      prefix: "aws:waf/",
      reason:
        "classic WAF is global (CloudFront); its web ACL logs requests to a Firehose in us-east-1",
    },
    {
      prefix: "aws:wafv2/",
      reason: "web ACLs with scope CLOUDFRONT run at the global edge and log from there",
    },
  ],
};
