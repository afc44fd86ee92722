/**
 * The review of the aws provider (services a–k)'s resource types that no flow table models: which check reads
 * each place-naming input property, and the types classed as a whole (policy/review/model.ts).
 *
 * What this review deliberately leaves unread, so that the types fail closed until a flow model
 * reads them: destination buckets (logs, exports, reports, results, recordings), URLs and hosts a
 * service sends data to (HTTP integrations, webhooks, SaaS connectors, DNS and directory servers,
 * OAuth callback URLs), copies in from a bucket or host the value chooses, resource policies that
 * can grant other accounts or everyone access to data, and opaque bundles (CloudFormation
 * templates). Where a rule below reads a property as naming no place, its reason says why no data
 * of the stack can go to the value.
 */
import type { PropertyReview, ProviderReview, TypeReview } from "./model";

/** One or more leaf names at any depth, the array form (`accounts[]`) included. */
function leaf(...names: string[]): RegExp {
  return new RegExp(`(^|\\.)(${names.join("|")})(\\[\\])?$`);
}

/** The types of the named services (`ec2`, `cloudfront`). */
function services(...names: string[]): RegExp {
  return new RegExp(`^aws:(${names.join("|")})/`);
}

/** Exactly the named types, written `service/resource` (`iam/policy`). */
function types(...names: string[]): RegExp {
  return new RegExp(`^aws:(${names.join("|")}):`);
}

/** Every service of this half (a–k). */
const aToK = /^aws:[a-k][^/]*\//;

const notAPlace = (path: RegExp, reason: string, scope?: RegExp): PropertyReview =>
  scope === undefined
    ? { path, reading: "not-a-place", reason }
    : { path, types: scope, reading: "not-a-place", reason };

const ownPlace = (path: RegExp, reason: string, scope: RegExp): PropertyReview => ({
  path,
  types: scope,
  reading: "own-place",
  reason,
});

const readBy = (policy: string, path: RegExp, reason: string, scope: RegExp): PropertyReview => ({
  path,
  types: scope,
  reading: policy,
  reason,
});

/** Reasons shared by several rules. */
const why = {
  identityProvider:
    "names the identity provider whose tokens are accepted (discovery document, JWKS, authorization, token and user-info endpoints, OAuth token URLs): the service sends it only the codes and tokens the provider itself issued, never data of the stack",
  inboundConfig:
    "names where the service reads code or configuration it runs (a template, script, schema, build, CA bundle, IP list) from; nothing of the stack's data is written there, and an ARN or cloud endpoint among them is placed by arn-locality",
  contact:
    "contact or profile details (a person's address, e-mail, phone, country, website) kept as data by the service in its own region, not a place data is sent to",
  credential: "a user name, password, secret or POSIX ID, not a place",
  template: "the text of a message template, not a place",
  served: "a DNS name this resource itself serves or certifies, not a place it sends data to",
  delegation:
    "the account that administers, or is a member of, this service in this region (an organisation's delegated administrator, an invited member, the accounts a rule or report covers): the service keeps its data in its region, nothing is copied to the account",
  ownId:
    "an ID the service resolves in the resource's own region and account (an endpoint, subnet group, domain, route table, attachment, backup or multicast domain ID)",
  ownAddress:
    "an address or CIDR range this resource itself takes or filters on inside its own network, not a place data is sent to",
  arn: "an ARN (a Lambda function, topic, queue, stream, role, certificate or log group), which arn-locality places by its region and partition",
  identityPolicy:
    "an identity policy: it grants only the principals it is attached to, and every resource it names is an ARN that arn-locality places",
  image:
    "a container image or machine image: arn-locality places a cloud registry's host and an AMI is resolved in the resource's own region; other registries only serve code into the stack",
  signInRedirect:
    "an OAuth or sign-in redirect URL: the authorization server returns a code to the user's browser at it (the front channel), and no data of the stack is sent to that host",
  outboundAuth:
    "how the service authenticates to the system it connects to (OAuth, an API key, basic auth, Kerberos, a SAS token, IAM): it opens nothing to callers; the system's address is a place-naming input of its own",
};

const properties: PropertyReview[] = [
  // Enumerations and flags whose names match a place rule, in every service of the provider.
  notAPlace(
    leaf(
      "ipAddressType",
      "endpointIpAddressType",
      "trafficIpAddressType",
      "addressFamily",
      "ipPreference",
      "ipDiscovery",
      "endpointType",
      "endpointAccessMode",
      "clusterEndpointEncryptionType",
      "tokenEndpointAuthMethods",
      "accountFilterType",
      "bucketOwnerAccess",
      "preserveClientIp",
      "serverProtocol",
      "serverType",
      "hostType",
      "httpEndpoint",
      "hostRecovery",
    ),
    "an enumeration or flag (IP version, endpoint type, access mode, protocol, on/off), not a place",
  ),
  notAPlace(
    leaf(
      "securityPolicy",
      "tlsSecurityPolicy",
      "sslPolicy",
      "alpnPolicy",
      "viewerProtocolPolicy",
      "originProtocolPolicy",
      "imagePullPolicy",
      "dnsPolicy",
      "terminationPolicies",
      "dataDeletionPolicy",
      "excessCapacityTerminationPolicy",
      "dnsRecordClientRoutingPolicy",
      "sizingPolicy",
      "paddingPolicy",
      "autoscalingPolicy",
      "referrerPolicy",
      "contentSecurityPolicy",
      "newGameSessionProtectionPolicy",
      "gameServerProtectionPolicy",
      "deletePropagationPolicy",
      "autoImportPolicy",
      "snapshotPolicy",
      "userContextPolicy",
    ),
    "a named behaviour (TLS or ALPN policy, protocol policy, pull, termination, scaling, padding or protection policy), not a document that grants access nor a place",
  ),

  // Values of services a–k that name no place.
  notAPlace(
    leaf(
      "memberAccountDiscountVisibility",
      "emailSendingAccount",
      "accountAccessType",
      "ownerType",
      "thingPrincipalType",
      "relayConversationHistory",
      "publicIpSource",
      "privateDnsHostnameTypeOnLaunch",
      "hostnameType",
      "globalEndpointTokenVersion",
      "domainVersion",
      "selfServicePortal",
      "replicationServerInstanceType",
      "preferredBackupWindow",
      "ipv6AddressPreferredLeaseTime",
      "targetValue",
      "targetTimezone",
      "replicateTo",
      "streamingNotificationTargets",
      "notificationDestinations",
      "backupVaultEvents",
      "defaultTargetHostname",
      "vpcPeeringExclusion",
      "meteredAccount",
      "defaultEmailOption",
      "gameServerGroupName",
      "replicationConfigIdentifier",
      "replicationSettings",
    ),
    "an enumeration, flag, name, time window or number (e.g. `ENABLED`, `CURRENT_ACCOUNT`, `SNS`, `amazon`), not a place",
    aToK,
  ),
  notAPlace(
    leaf(
      "accountPassword",
      "adDomainJoinPassword",
      "adDomainJoinUser",
      "crossRealmTrustPrincipalPassword",
      "domainJoinServiceAccountSecret",
      "kerberosPrincipal",
      "uid",
      "ownerGid",
      "ownerUid",
      "accountAlias",
      "ownerName",
      "emailAssertion",
    ),
    why.credential,
    aToK,
  ),
  notAPlace(/(^|\.)accountName$/, why.credential, types("appstream/directoryConfig")),
  notAPlace(
    /^configuration\.(internalAccess|unusedAccess)\.analysisRule\./,
    "which of the account's resources and principals the analyzer inspects (resource ARNs, account IDs, tags): a filter of its findings, no data of the stack goes there",
    types("accessanalyzer/analyzer"),
  ),
  notAPlace(
    /(^|\.)(email|emailAddress|secondaryEmail|businessEmailAddress|personalEmailAddress|(business|home|mobile)?[pP]honeNumber|country|countryCode|addressLine[123]|streetAddress|websiteUrl|profileUrl|ownerContact|accountNumber)(\[\])?$/,
    why.contact,
    types(
      "account/primaryContact",
      "account/alternativeContact",
      "acmpca/certificateAuthority",
      "appsync/api",
      "connect/user",
      "customerprofiles/profile",
      "identitystore/user",
    ),
  ),
  notAPlace(
    /^regionName$/,
    "the opt-in region the account enables or disables for itself: switching a region on or off sends no data there, and whatever the program creates in it is placed by its own region (resource-placement)",
    types("account/region"),
  ),
  notAPlace(
    /(^|\.)countryCode$/,
    "the country whose dialling code the claimed phone number has; callers reach the contact centre in its own region",
    types("connect/phoneNumber"),
  ),
  notAPlace(
    /^phoneNumberId$/,
    "the ID of a number the Connect instance claimed (connect/phoneNumber, in the instance's region), whose callers the association sends to a contact flow of the same instance",
    types("connect/phoneNumberContactFlowAssociation"),
  ),
  notAPlace(
    /^phoneConfig\.phoneType$/,
    "whether the agent answers in the browser (SOFT_PHONE) or on a desk phone (DESK_PHONE): an enumeration; the desk phone's number is read by log-shipping",
    types("connect/user"),
  ),
  notAPlace(
    /(^|\.)(emailMessage|emailSubject|emailMessageByLink|emailSubjectByLink|emailVerificationMessage|emailVerificationSubject)(\[\])?$/,
    why.template,
    types("cognito/userPool"),
  ),
  notAPlace(
    /^emailConfiguration\.(fromEmailAddress|replyToEmailAddress)(\[\])?$/,
    "the sender and reply-to address of the pool's own e-mail: messages go to the pool's users, not to this address",
    types("cognito/userPool"),
  ),

  // DNS names a resource serves or certifies.
  notAPlace(
    /(^|\.)(domainName|domain|validationDomain|primaryDomainName|userPoolDomain|targetDomainName|customEndpoint)(\[\])?$/,
    why.served,
    types(
      "acm/certificate",
      "amplify/domainAssociation",
      "apigateway/basePathMapping",
      "apigateway/domainName",
      "apigatewayv2/apiMapping",
      "apigatewayv2/domainName",
      "apigatewayv2/routingRule",
      "apprunner/customDomainAssociation",
      "appsync/domainName",
      "appsync/domainNameApiAssociation",
      "cognito/userPoolDomain",
      "ec2/eipDomainName",
      "elasticsearch/domainSamlOptions",
      "iot/domainConfiguration",
    ),
  ),
  notAPlace(
    /^domainNameId$/,
    "the ID of the custom domain name this mapping belongs to",
    types("apigateway/basePathMapping"),
  ),
  notAPlace(
    /(^|\.)(userPoolDomain)(\[\])?$/,
    "the Cognito domain of the user pool the listener signs users in with, in the listener's own region",
    services("alb"),
  ),
  notAPlace(
    /^domainName$/,
    "the DNS suffix the VPC's DHCP options hand out, not a server",
    types("ec2/vpcDhcpOptions"),
  ),

  // Identity providers: sign-in only, no data of the stack goes there.
  notAPlace(
    /(^|\.)(discoveryUrl|jwksEndpoint|jwksUri|authorizationEndpoint|tokenEndpoint|userInfoEndpoint|logoutEndpoint|issuerUrl|idpAuthUrl|idpMetadataUrl|tokenUrl|authCodeUrl|keyLocation)(\[\])?$/,
    why.identityProvider,
    types(
      "agentregistry/registry",
      "alb/listener",
      "alb/listenerRule",
      "bedrock/agentcoreAgentRuntime",
      "bedrock/agentcoreGateway",
      "bedrock/agentcoreHarness",
      "bedrock/agentcoreOauth2CredentialProvider",
      "bedrock/agentcoreRegistry",
      "cloudwatch/eventConnection",
      "eks/identityProviderConfig",
      "emr/studio",
      "grafana/workspaceSamlConfiguration",
      "kendra/index",
      "sagemaker/workforce",
      "ssoadmin/trustedTokenIssuer",
    ),
  ),
  notAPlace(
    /^userTokenConfigurations\.jwtTokenTypeConfiguration\.url$/,
    why.identityProvider,
    types("kendra/index"),
  ),
  notAPlace(/^url$/, why.identityProvider, types("iam/openIdConnectProvider")),
  notAPlace(
    /(^|\.)(routingDomain|privateEndpointOverrides\[\]\.domain)(\[\])?$/,
    "the domain through which the identity provider is reached over a private endpoint of the resource's own VPC",
    types(
      "agentregistry/registry",
      "bedrock/agentcoreAgentRuntime",
      "bedrock/agentcoreGateway",
      "bedrock/agentcoreHarness",
      "bedrock/agentcoreOauth2CredentialProvider",
      "bedrock/agentcoreRegistry",
    ),
  ),
  notAPlace(
    /\.(tenantId|tenantIdWo|tenantIdWoVersion)(\[\])?$/,
    "the Microsoft Entra tenant whose sign-in the credential provider uses",
    types("bedrock/agentcoreOauth2CredentialProvider"),
  ),

  // Load balancers and API front doors.
  notAPlace(
    /(^|\.)redirect\.host$/,
    "the host a redirect response tells the client to go to: the load balancer sends no data there",
    services("alb"),
  ),
  notAPlace(
    /^routingHttpResponseAccessControlAllowOriginHeaderValue$/,
    "the value of a CORS response header, naming which web origins browsers may read the response from",
    services("alb"),
  ),
  notAPlace(/^quicServerId$/, "the QUIC server ID of a target, not a place", services("alb")),
  ownPlace(
    /^targetId$/,
    "an instance, Lambda function or load balancer of the target group's own region, or an IP address that AWS requires to lie in the VPC's own ranges or a private range reached through the VPC's routes (judged where those routes go)",
    types("alb/targetGroupAttachment"),
  ),
  readBy(
    "arn-locality",
    /(^|\.)authorizerUri$/,
    "the invocation ARN of the Lambda authorizer (`arn:aws:apigateway:<region>:lambda:path/…`), which arn-locality places",
    services("apigateway", "apigatewayv2", "appsync"),
  ),
  readBy(
    "arn-locality",
    /^integrationTarget$/,
    "the ARN of the network load balancer of a VPC link, which arn-locality places",
    types("apigateway/integration"),
  ),
  ownPlace(/(^|\.)vpcEndpointIds\[\]$/, why.ownId, services("apigateway")),
  notAPlace(
    /^mutualTlsAuthentication\.truststoreUri$/,
    why.inboundConfig,
    services("apigateway", "apigatewayv2"),
  ),
  notAPlace(
    /^corsConfiguration\.allowOrigins\[\]$/,
    "web origins browsers may call the API from (a CORS header), not a place data is sent to",
    types("apigatewayv2/api"),
  ),
  notAPlace(
    /^tlsConfig\.serverNameToVerify$/,
    "the TLS server name checked on the integration's certificate, not the integration's address",
    types("apigatewayv2/integration"),
  ),
  ownPlace(
    /^target$/,
    "`integrations/<id>`: an integration of the route's own API",
    types("apigatewayv2/route"),
  ),

  // Accounts that administer a service or are covered by it.
  notAPlace(
    /(^|\.)(accountId|accountIds|accounts|adminAccountId|delegatedAdminAccount|delegatedAdminAccountId|masterAccountId|excludedAccounts|debugLogDeliveryAccounts|linkedAccounts|accountTargeting)(\[\])?$/,
    why.delegation,
    types(
      "accessanalyzer/analyzer",
      "account/alternativeContact",
      "account/primaryContact",
      "account/region",
      "auditmanager/accountRegistration",
      "backup/reportPlan",
      "budgets/budget",
      "budgets/budgetAction",
      "cfg/organizationConformancePack",
      "cfg/organizationCustomPolicyRule",
      "cfg/organizationCustomRule",
      "cfg/organizationManagedRule",
      "costexplorer/anomalySubscription",
      "detective/member",
      "fis/experimentTemplate",
      "fis/targetAccountConfiguration",
      "fms/policy",
      "guardduty/member",
      "guardduty/memberDetectorFeature",
      "inspector2/enabler",
      "invoicing/invoiceUnit",
    ),
  ),
  notAPlace(
    /^entitlement\.principalRole\.(accountId|accountName)(\[\])?$/,
    "the account of the role a workforce user may sign in to (the role ARN is placed by arn-locality); no data is copied there",
    types("accountaccess/entitlement"),
  ),
  notAPlace(
    /^(principal|sourceAccount)(\[\])?$/,
    "lets the ACM service (of that account) issue and renew certificates from this private CA; a CA holds no data of the stack",
    types("acmpca/permission"),
  ),
  notAPlace(
    /^policy$/,
    "a private CA's resource policy: it can only grant certificate issuance from this CA, which holds no data of the stack",
    types("acmpca/policy"),
  ),
  notAPlace(
    /^destinationAccount$/,
    "the account a custom framework (control definitions, no evidence) is shared with; its region is `destinationRegion`, which arn-locality places",
    types("auditmanager/frameworkShare"),
  ),
  notAPlace(
    /^(accountIdentifier|awsAccountId)(\[\])?$/,
    "the account of a DataZone environment; the region it runs in is `awsAccountRegion`, which arn-locality places",
    types("datazone/environment", "datazone/environmentProfile"),
  ),
  notAPlace(
    /^(ownerAccountId|addressFamily|amazonAddress|customerAddress)(\[\])?$/,
    "the BGP addresses of a virtual interface, and the account a hosted interface or connection is allocated to (which carries its own traffic over it): the connection's Direct Connect location is judged by remote-sites",
    types(
      "directconnect/bgpPeer",
      "directconnect/hostedConnection",
      "directconnect/hostedPrivateVirtualInterface",
      "directconnect/hostedPublicVirtualInterface",
      "directconnect/hostedTransitVirtualInterface",
    ),
  ),
  notAPlace(
    /^(ownerId|sourceResource\.resourceOwner)(\[\])?$/,
    "the account that owns the DHCP options or the IPAM pool's source resource",
    types("ec2/defaultVpcDhcpOptions", "ec2/vpcIpamPool"),
  ),
  notAPlace(
    /(^|\.)sharedAccounts\[\]$/,
    "accounts whose shared AMIs a lifecycle rule excludes from deletion; nothing is shared by it",
    types("imagebuilder/lifecyclePolicy"),
  ),
  notAPlace(
    /(^|\.)targetIds\[\]$/,
    "the organisation roots, units or accounts a budget action's service control policy applies to",
    types("budgets/budgetAction"),
  ),
  notAPlace(
    /^splitChargeRules\[\]\.targets\[\]$/,
    "cost category values charges are split to, not places",
    types("costexplorer/costCategory"),
  ),
  notAPlace(
    /^targetIdentifier$/,
    "the organizational unit a Control Tower baseline or control applies to",
    services("controltower"),
  ),
  ownPlace(
    /(^|\.)meshOwner$/,
    "the account that owns the shared mesh; a mesh is resolved in the resource's own region, so the far end stays in this region (cross-account sharing is hardening, not a border crossing)",
    services("appmesh"),
  ),
  ownPlace(
    /^domainOwner$/,
    "the account that owns the CodeArtifact domain, resolved in the resource's own region",
    services("codeartifact"),
  ),
  ownPlace(
    /^domain$/,
    why.ownId,
    types(
      "codeartifact/domain",
      "codeartifact/domainPermissions",
      "codeartifact/repository",
      "codeartifact/repositoryPermissionsPolicy",
    ),
  ),
  ownPlace(
    /^metricQueries\[\]\.accountId$/,
    "an account whose metrics of the alarm's own region the alarm reads; nothing is sent to it",
    types("cloudwatch/metricAlarm"),
  ),
  ownPlace(
    /^awsAccountId$/,
    "the account that may attach this network interface to an instance in the interface's own subnet and zone",
    types("ec2/networkInterfacePermission"),
  ),

  ownPlace(
    /^vpcEndpointId$/,
    "a consumer's endpoint whose connection to this endpoint service is accepted: which regions consumers may connect from is the service's `supportedRegions`, which network-links reads",
    types("ec2/vpcEndpointConnectionAccepter"),
  ),
  ownPlace(
    /^(accessLogs|connectionLogs|healthCheckLogs)\.bucket$/,
    "a log bucket, which AWS requires in the load balancer's own region",
    types("alb/loadBalancer"),
  ),
  ownPlace(
    /^artifactStores\[\]\.location$/,
    "an artifact bucket, which AWS requires in the pipeline's own region or, for a cross-region action, in the store's `region`, which arn-locality places",
    types("codepipeline/pipeline"),
  ),
  // IDs resolved in the resource's own region and account.
  ownPlace(
    /(^|\.)(vpcEndpointId|vpcEndpointServiceId|clientVpnEndpointId|transitGatewayMulticastDomainId|gatewayLoadBalancerEndpointId|trafficMirrorFilterId|trafficMirrorTargetId|targetVpcSubnetId|replicationSubnetGroupId|hostId|replicationServersSecurityGroupsIds|targetRouteTableId|destinationTransitGatewayAttachmentId|backupId|sourceBackupIdentifier|replicationGroupId|serviceAccountId|domainIdentifier|domainId|domainUnitId|domainUnitIdentifier|domainUnitDesignation|domainUnit|targetAction|targetPipeline)(\[\])?$/,
    why.ownId,
    aToK,
  ),
  ownPlace(
    /^protectedResource\.s3Bucket\.bucketName$/,
    "the bucket the plan scans in place; a malware protection plan only protects a bucket of its own region",
    types("guardduty/malwareProtectionPlan"),
  ),
  ownPlace(
    /^imageLocation$/,
    "the manifest of an instance-store AMI, which AWS requires in a bucket of the AMI's own region",
    types("ec2/ami"),
  ),
  ownPlace(
    /^ipv6CidrBlockNetworkBorderGroup$/,
    "a network border group of the VPC's own region (the region or one of its Local Zones)",
    types("ec2/defaultVpc"),
  ),
  ownPlace(
    /^peerAddress$/,
    "the appliance end of a Connect peer, reached only through the Connect attachment's transport attachment, whose own path is judged",
    types("ec2transitgateway/connectPeer"),
  ),
  ownPlace(
    /^domainName$/,
    "the name of a domain of the resource's own service, resolved in its own region",
    types(
      "cloudsearch/domainServiceAccessPolicy",
      "customerprofiles/profile",
      "elasticsearch/domain",
      "elasticsearch/domainPolicy",
    ),
  ),

  // Addresses and ranges a resource takes or filters on.
  notAPlace(
    /(^|\.)(ipAddress|privateIp|privateIps|privateIpLists|ipv6Addresses|ipv6AddressLists|ipv6Address|privateIpv4Address|macAddress|privateIpAddresses|secondaryPrivateIps|ipv6CidrBlock|ipv4CidrBlock|cidrBlock|cidr|disallowedCidrs|endpointIpAddressRange|groupIpAddress|insideCidrBlocks|transitGatewayAddress|clientCidrBlock|targetNetworkCidr|sourceCidrBlock|destinationCidrBlock|destinationPortRange|ipRange|allowedIpRange|cidrAllowLists|blockedIpRangeLists|skippedIpRangeLists)(\[\])?$/,
    why.ownAddress,
    types(
      "alb/loadBalancer",
      "cloudhsmv2/hsm",
      "codepipeline/webhook",
      "cognito/riskConfiguration",
      "ec2/defaultSubnet",
      "ec2/defaultVpc",
      "ec2/networkInterface",
      "ec2/secondaryNetwork",
      "ec2/secondarySubnet",
      "ec2/spotInstanceRequest",
      "ec2/subnetCidrReservation",
      "ec2/trafficMirrorFilterRule",
      "ec2/vpcIpamPoolCidr",
      "ec2/vpcIpamPoolCidrAllocation",
      "ec2/vpcIpamPreviewNextCidr",
      "ec2/vpcIpv4CidrBlockAssociation",
      "ec2/vpcIpv6CidrBlockAssociation",
      "ec2clientvpn/authorizationRule",
      "ec2clientvpn/route",
      "ec2transitgateway/connectPeer",
      "ec2transitgateway/meteringPolicyEntry",
      "ec2transitgateway/multicastGroupMember",
      "ec2transitgateway/multicastGroupSource",
      "ec2transitgateway/policyTableEntry",
      "fms/policy",
      "fsx/ontapFileSystem",
      "fsx/openZfsFileSystem",
      "gamelift/fleet",
    ),
  ),
  notAPlace(
    /./,
    "a reachability analysis: it only computes which paths exist, it opens none",
    types("ec2/networkInsightsAccessScope", "ec2/networkInsightsPath"),
  ),
  notAPlace(
    /^destination$/,
    "the far end (a region or zone) of a latency measurement between AWS locations; no data of the stack goes there",
    types("ec2/vpcNetworkPerformanceMetricSubscription"),
  ),
  notAPlace(
    /^policy$/,
    "a VPC endpoint policy only restricts which principals and resources are reached through the endpoint; it grants nothing",
    types("ec2/vpcEndpointPolicy"),
  ),

  // ARNs, which arn-locality places.
  readBy(
    "arn-locality",
    /(^|\.)(uri|targets\[\]\.address|insightsTarget|destinations|notificationTarget|principal|target|messageReviewHandler\.uri|auditLogDestination|logConfiguration\.destination|domainExecutionRole|source\.sourceIdentifier|crossAccountRole)(\[\])?$/,
    why.arn,
    types(
      "appconfig/extension",
      "cfg/rule",
      "codestarnotifications/notificationRule",
      "datazone/domain",
      "fsx/lustreFileSystem",
      "fsx/windowsFileSystem",
      "gamelift/gameSessionQueue",
      "iot/policyAttachment",
      "iot/thingPrincipalAttachment",
      "ivschat/room",
    ),
  ),
  readBy(
    "arn-locality",
    /^policy$/,
    why.identityPolicy,
    types(
      "iam/policy",
      "iam/userPolicy",
      "iam/groupPolicy",
      "eks/podIdentityAssociation",
      "iot/policy",
    ),
  ),
  notAPlace(
    /^policy\.Statement\[\]\.(Principal|NotPrincipal)(\[\])?$/,
    "an identity policy has no principal of its own (AWS rejects one); it grants the principals it is attached to",
    types("iam/policy", "iam/userPolicy", "iam/groupPolicy"),
  ),
  notAPlace(/^policy$/, "the name of the IoT policy attached", types("iot/policyAttachment")),

  // Container and machine images.
  readBy(
    "arn-locality",
    /(^|\.)(image|containerUri|imageUri)(\[\])?$/,
    why.image,
    types(
      "batch/jobDefinition",
      "bedrock/agentcoreAgentRuntime",
      "ecs/daemonTaskDefinition",
      "bedrock/agentcoreHarness",
      "codebuild/project",
      "ecs/expressGatewayService",
      "emrserverless/application",
      "imagebuilder/containerRecipe",
    ),
  ),
  notAPlace(/(^|\.)hostPath$/, "a path on the container host's own file system", services("ecs")),

  // Code and configuration read in; nothing of the stack is written there.
  notAPlace(
    /^(apiSchema\.s3\.s3BucketName|agentRuntimeArtifact\.codeConfiguration\.code\.s3\.bucket|enterprisePolicies\[\]\.location\.s3\.bucket|locationUri|bucket|storageLocation\.bucket|code\.s3Bucket|command\.scriptLocation|resourceUris\[\]\.uri|uri|dockerfileTemplateUri|location|sourceS3Path\.bucket|caCertificatesBundleSource\.caCertificatesBundleS3Location\.bucket)(\[\])?$/,
    why.inboundConfig,
    types(
      "appconfig/configurationProfile",
      "bedrock/agentAgentActionGroup",
      "bedrock/agentcoreAgentRuntime",
      "bedrock/agentcoreBrowser",
      "cloudfront/trustStore",
      "elasticbeanstalk/applicationVersion",
      "finspace/kxCluster",
      "gamelift/build",
      "gamelift/script",
      "glue/job",
      "glue/userDefinedFunction",
      "guardduty/iPSet",
      "guardduty/threatIntelSet",
      "imagebuilder/component",
      "imagebuilder/containerRecipe",
      "imagebuilder/workflow",
      "kendra/querySuggestionsBlockList",
      "kendra/thesaurus",
    ),
  ),
  notAPlace(
    /^sourceControlDetails\.owner$/,
    "the owner of the repository the job's script is kept in (code, not data of the stack)",
    types("glue/job"),
  ),
  notAPlace(
    /^scopeConfiguration\.domain$/,
    "the domain of the GitHub organisation whose events start builds (code comes in)",
    types("codebuild/webhook"),
  ),
  notAPlace(
    /^settings\.(entityUrlTemplate|executionUrlTemplate|revisionUrlTemplate|thirdPartyConfigurationUrl)(\[\])?$/,
    "links the console shows for a custom action; nothing is sent to them",
    types("codepipeline/customActionType"),
  ),

  // Other reviewed values.
  notAPlace(
    /^targetId$/,
    "the name of the Systems Manager document the remediation runs",
    types("cfg/remediationConfiguration"),
  ),
  notAPlace(
    /^source\.owner$/,
    "`AWS`, `CUSTOM_LAMBDA` or `CUSTOM_POLICY`: who provides the rule",
    types("cfg/rule"),
  ),
  notAPlace(
    /(^|\.)policyText$/,
    "Guard rules a custom Config rule evaluates, not a document that grants access",
    services("cfg"),
  ),
  notAPlace(
    /^principalTags$/,
    "a map of identity-provider claims to session tags",
    types("cognito/identityPoolProviderPrincipalTag"),
  ),
  notAPlace(
    /^globalSettings$/,
    "account-wide AWS Backup flags (such as allowing cross-account copies): the copies themselves are actions of backup plans, whose destination vaults backup-copies reads",
    types("backup/globalSettings"),
  ),
  notAPlace(
    /^globalParameters$/,
    "parameters of environment blueprints, not places",
    types("datazone/environmentBlueprintConfiguration"),
  ),
  notAPlace(
    /^dashboardBody\.widgets\[\]\.properties\.(region|metrics\[\]\[\]\.region)$/,
    "the region whose metrics, logs or alarms a widget shows: the console reads them from there when someone views the dashboard, so data comes in and nothing of the stack is sent there (an ARN a widget names, a custom widget's function, is placed by arn-locality)",
    types("cloudwatch/dashboard"),
  ),
  notAPlace(
    /^transformerConfigs\[\]\..*\.(target|destination|targetTimezone)(\[\])?$/,
    "a field of the log event a transformer writes to, or a time zone",
    types("cloudwatch/logTransformer"),
  ),
  notAPlace(
    /^policyDocument$/,
    "a log index policy names the fields to index, it grants nothing",
    types("cloudwatch/logIndexPolicy"),
  ),
  notAPlace(
    /^(deliveryDestinationPolicy|accessPolicy)(\[\])?$/,
    "lets other accounts deliver or subscribe their logs into this account's destination (data comes in); the destination's own target is an ARN that arn-locality places",
    types("cloudwatch/logDeliveryDestinationPolicy", "cloudwatch/logDestinationPolicy"),
  ),
  notAPlace(
    /^(policy|lifecyclePolicy)(\[\])?$/,
    "an ECR lifecycle policy expires images, it grants nothing",
    types("ecr/lifecyclePolicy", "ecr/repositoryCreationTemplate"),
  ),
  notAPlace(
    /^(spec\.serviceDiscovery\.dns\.hostname)(\[\])?$/,
    "the DNS name under which the virtual node's own service is discovered",
    types("appmesh/virtualNode"),
  ),
  notAPlace(
    /^(embedHostDomains|feedbackUrl|redirectUrl)(\[\])?$/,
    "web pages the streaming session may be embedded in or sends the user's browser to after it ends; no data of the stack is sent there",
    types("appstream/stack"),
  ),
  notAPlace(
    /^configuration\.argoCd\.serverUrl$/,
    "the URL of the Argo CD server the capability itself runs",
    types("eks/capability"),
  ),
  notAPlace(
    /^configuration\.orphanFileDeletionConfiguration\.icebergConfiguration\.location$/,
    "where in the table's own storage the optimizer deletes orphan files; nothing is copied",
    types("glue/catalogTableOptimizer"),
  ),
  notAPlace(
    /^(extraJarsS3Path|extraPythonLibsS3Path)$/,
    why.inboundConfig,
    types("glue/devEndpoint"),
  ),
  notAPlace(
    /^lakeFormationConfiguration\.accountId$/,
    "the account whose data the crawler reads schemas from into this catalog (metadata comes in)",
    types("glue/crawler"),
  ),
  notAPlace(
    /^videoWatermarks\[\]\.target$/,
    "`Content` or `Frame`: where a watermark is placed in the video",
    types("elastictranscoder/preset"),
  ),
  notAPlace(
    /(^|\.)(protocol\.smb\.domain|domain|authorizationConfig\.domain)$/,
    "the Active Directory domain a file share authenticates users in, not a host data is sent to",
    types(
      "datasync/locationFsxOntapFileSystem",
      "datasync/locationFsxWindows",
      "ecs/taskDefinition",
    ),
  ),
  notAPlace(
    /(^|\.)owner$/,
    "`AWS`, `ThirdParty` or `Custom` (who provides a pipeline action), or the owner of a table",
    types("codepipeline/pipeline", "glue/catalogTable"),
  ),
  notAPlace(
    /^ruleBasedMatching\.attributeTypesSelector\.(addresses|emailAddresses)\[\]$/,
    "names of profile attributes rule-based matching compares, not places",
    types("customerprofiles/domain"),
  ),
  ownPlace(/^domainName$/, why.ownId, types("customerprofiles/domain")),
  ownPlace(
    /\.customerProfiles\.domainName$/,
    "a Customer Profiles domain, which the flow writes to in its own region and account",
    types("appflow/flow"),
  ),
  notAPlace(/^domainEndpointOptions\.customEndpoint$/, why.served, types("elasticsearch/domain")),
  readBy(
    "arn-locality",
    /(^|\.)(logConfigurations\[\]\.destination|insightsTarget)$/,
    why.arn,
    types("fsx/fileCache", "chimesdkmediapipelines/mediaInsightsPipelineConfiguration"),
  ),
  notAPlace(
    /^privateEndpoint\.managedVpcResource\.routingDomain$/,
    "the domain through which the target is reached over a private endpoint of the resource's own VPC",
    types("bedrock/agentcoreGatewayTarget"),
  ),
  notAPlace(
    /^(clientCidrBlock|transitGatewayConfiguration\..*cidrBlock|transitGatewayConfiguration\.routableCidrSpace)$/,
    why.ownAddress,
    types("ec2clientvpn/endpoint", "finspace/kxEnvironment"),
  ),
  notAPlace(
    /^templateS3Uri$/,
    why.inboundConfig,
    types("cfg/conformancePack", "cfg/organizationConformancePack"),
  ),

  // Exposure-named settings that open nothing to the internet or to anyone. The ones that do
  // (a public IP on a task or instance, an API route without authorization, a public service
  // URL, unauthenticated identities, a publicly accessible profile, a public recovery instance,
  // internet access of streaming instances) are left unread: their types fail closed until
  // public-exposure or egress reads them.
  notAPlace(
    /^(actions|defaultActions)\[\]\.(authenticateCognito|authenticateOidc)\.onUnauthenticatedRequest$/,
    "what a sign-in action does with a request that has no session (`deny`, `allow`, `authenticate`): it only adds a gate in front of the target; who can reach the listener at all is its load balancer's scheme, judged there",
    services("alb"),
  ),
  notAPlace(
    /(^|\.)(authType|authenticationType|authorizationType)$/,
    why.outboundAuth,
    types(
      "appfabric/appAuthorization",
      "appflow/connectorProfile",
      "appsync/dataSource",
      "athena/workgroup",
      "bedrock/agentDataSource",
      "cloudwatch/eventConnection",
      "codebuild/sourceCredential",
      "datasync/locationAzureBlob",
      "datasync/locationHdfs",
      "dms/dataProvider",
      "glue/connection",
    ),
  ),
  notAPlace(
    /^authenticationType$/,
    "how the user signs in to AppStream (`USERPOOL`, `SAML`, `API`): every mode authenticates the user",
    types("appstream/user", "appstream/userStackAssociation"),
  ),
  notAPlace(
    /^(authenticationType|additionalAuthenticationProviders\[\]\.authenticationType|eventConfig\.(authProviders|connectionAuthModes|defaultPublishAuthModes|defaultSubscribeAuthModes)\[\]\.authType|(publishAuthModes|subscribeAuthModes)\[\]\.authType)$/,
    "which credential a caller of the API must present (an API key, IAM, a Cognito user pool, OpenID Connect or a Lambda authorizer): every mode authenticates callers and none admits anonymous ones; whether the API has an internet endpoint at all is its `visibility`, judged on its own",
    types("appsync/api", "appsync/channelNamespace", "appsync/graphQLApi"),
  ),
  notAPlace(
    /^authType$/,
    "how the cluster's administrator password is supplied (`PLAIN_TEXT` or `SECRET_ARN`), not who may connect",
    types("docdb/elasticCluster"),
  ),
  notAPlace(
    /^(egressOnlyInternetGatewayExclusion|internetGatewayExclusion)$/,
    "whether an internet gateway is exempt from the VPC's encryption enforcement: a setting of an encryption control, which neither creates the gateway nor routes to it; the gateway and its routes are judged as resources of their own",
    types("ec2/encryptionControl", "ec2/vpcEncryptionControl"),
  ),
  notAPlace(
    /^publiclyAdvertisable$/,
    "whether AWS may advertise a BYOIP IPv6 range to the internet, as every Amazon-provided IPv6 range is: an address pool holds no data, and whether a resource with an address from it is reachable is decided by its subnet's internet gateway route and its security groups, judged there",
    types("ec2/vpcIpamPool"),
  ),
  notAPlace(
    /^blockPublicSecurityGroupRules$/,
    "EMR block public access: it only refuses clusters whose security groups admit the internet; the rules themselves are judged by public-exposure",
    types("emr/blockPublicAccessConfiguration"),
  ),
  notAPlace(
    /^policyDetails\[\]\.exclusionRules\.amis\.isPublic$/,
    "a filter of a lifecycle rule: whether already public AMIs are spared deletion; it shares nothing",
    types("imagebuilder/lifecyclePolicy"),
  ),
  notAPlace(
    /^authenticationType$/,
    "which credential devices present at the domain endpoint (X.509 certificates, SigV4, a custom authorizer): every mode authenticates callers",
    types("iot/domainConfiguration"),
  ),
  notAPlace(
    /^xksProxyUriPath$/,
    "the path of the proxy's API under xksProxyUriEndpoint, which key-and-secret-replicas reads",
    types("kms/customKeyStore"),
  ),
  // A Region switch plan acts on resources whose regions it names by ARN and region (read by
  // resource-placement and arn-locality); these name whose they are, not where data goes.
  notAPlace(
    leaf("crossAccountRole", "globalClusterIdentifier", "workflowTargetAction"),
    "the role the plan assumes to act on a resource of another account, the global cluster whose members a step switches (their clusters are named by ARN, which arn-locality places) and whether a workflow activates or deactivates a region: the plan moves no data to an account",
    types("arcregionswitch/plan"),
  ),
  // Sign-in redirects: the authorization server returns a code to the user's browser at the
  // URL (the front channel); the service sends no data of the stack to that host.
  notAPlace(
    leaf("callbackUrls", "logoutUrls", "defaultRedirectUri"),
    why.signInRedirect,
    types("cognito/userPoolClient", "cognito/managedUserPoolClient"),
  ),
  notAPlace(
    leaf("allowedResourceOauth2ReturnUrls"),
    why.signInRedirect,
    types("bedrock/agentcoreWorkloadIdentity"),
  ),
  notAPlace(
    /^authRequest\.redirectUri$/,
    why.signInRedirect,
    types("appfabric/appAuthorizationConnection"),
  ),
  notAPlace(
    /^authenticationConfiguration\.oauth2Properties\.authorizationCodeProperties\.redirectUri$/,
    why.signInRedirect,
    types("glue/connection"),
  ),
  notAPlace(
    /^authenticationConfiguration\.oauth2Properties\.(tokenUrl|tokenUrlParametersMap)$/,
    why.identityProvider,
    types("glue/connection"),
  ),
  // AppFabric reads the audit logs of a SaaS application's tenant into this region; where they
  // go from there is the ingestion destination's, which log-shipping reads.
  notAPlace(
    /^(tenants\[\]\.(tenantDisplayName|tenantIdentifier)|tenantId)$/,
    "the tenant of the SaaS application whose audit logs AppFabric reads into this region (an ID of that application, not an AWS account); no data of the stack is sent to it, and the ingestion's destinations are read by log-shipping",
    types("appfabric/appAuthorization", "appfabric/ingestion"),
  ),
];

const typeReviews: TypeReview[] = [
  {
    class: "inert",
    reason:
      "configuration of CloudFront distributions (cache, origin-request and origin-access settings, keys, field-level encryption, functions, monitoring, anycast IP lists, connection groups, VPC origins, trust stores): it holds no data of the stack; every distribution that uses it is judged by global-services",
    types: [
      "aws:cloudfront/anycastIpList:AnycastIpList",
      "aws:cloudfront/cachePolicy:CachePolicy",
      "aws:cloudfront/connectionFunction:ConnectionFunction",
      "aws:cloudfront/connectionGroup:ConnectionGroup",
      "aws:cloudfront/continuousDeploymentPolicy:ContinuousDeploymentPolicy",
      "aws:cloudfront/fieldLevelEncryptionConfig:FieldLevelEncryptionConfig",
      "aws:cloudfront/fieldLevelEncryptionProfile:FieldLevelEncryptionProfile",
      "aws:cloudfront/function:Function",
      "aws:cloudfront/keyGroup:KeyGroup",
      "aws:cloudfront/monitoringSubscription:MonitoringSubscription",
      "aws:cloudfront/originAccessControl:OriginAccessControl",
      "aws:cloudfront/originAccessIdentity:OriginAccessIdentity",
      "aws:cloudfront/originRequestPolicy:OriginRequestPolicy",
      "aws:cloudfront/publicKey:PublicKey",
      "aws:cloudfront/trustStore:TrustStore",
      "aws:cloudfront/vpcOrigin:VpcOrigin",
    ],
  },
  {
    class: "inert",
    reason:
      "the listener ports of a global accelerator: the accelerator and its endpoint groups are judged by global-services and network-links",
    types: [
      "aws:globalaccelerator/customRoutingListener:CustomRoutingListener",
      "aws:globalaccelerator/listener:Listener",
    ],
  },
  {
    class: "inert",
    reason:
      "IAM is global, but it holds identities and permissions, not data of the stack: users, groups, keys, credentials, certificates, identity providers whose sign-ins are trusted, and identity policies that grant only the principals they are attached to (every resource a policy names is an ARN that arn-locality places)",
    types: [
      "aws:iam/accessKey:AccessKey",
      "aws:iam/accountAlias:AccountAlias",
      "aws:iam/accountPasswordPolicy:AccountPasswordPolicy",
      "aws:iam/group:Group",
      "aws:iam/groupMembership:GroupMembership",
      "aws:iam/groupPoliciesExclusive:GroupPoliciesExclusive",
      "aws:iam/groupPolicy:GroupPolicy",
      "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
      "aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive",
      "aws:iam/instanceProfile:InstanceProfile",
      "aws:iam/openIdConnectProvider:OpenIdConnectProvider",
      "aws:iam/organizationsFeatures:OrganizationsFeatures",
      "aws:iam/outboundWebIdentityFederation:OutboundWebIdentityFederation",
      "aws:iam/policy:Policy",
      "aws:iam/policyAttachment:PolicyAttachment",
      "aws:iam/rolePoliciesExclusive:RolePoliciesExclusive",
      "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive",
      "aws:iam/samlProvider:SamlProvider",
      "aws:iam/securityTokenServicePreferences:SecurityTokenServicePreferences",
      "aws:iam/serverCertificate:ServerCertificate",
      "aws:iam/serviceLinkedRole:ServiceLinkedRole",
      "aws:iam/serviceSpecificCredential:ServiceSpecificCredential",
      "aws:iam/signingCertificate:SigningCertificate",
      "aws:iam/sshKey:SshKey",
      "aws:iam/user:User",
      "aws:iam/userGroupMembership:UserGroupMembership",
      "aws:iam/userLoginProfile:UserLoginProfile",
      "aws:iam/userPoliciesExclusive:UserPoliciesExclusive",
      "aws:iam/userPolicy:UserPolicy",
      "aws:iam/userPolicyAttachment:UserPolicyAttachment",
      "aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive",
      "aws:iam/virtualMfaDevice:VirtualMfaDevice",
    ],
  },
  {
    class: "inert",
    reason:
      "account-wide settings of a global service (contacts, enabled regions, cost categories and monitors, billing views, enrolments, delegated administrators, a model-access use-case form): they hold no data of the stack and send none anywhere; the region an account switches on or off is no place either (regionName, read above as naming none)",
    types: [
      "aws:account/alternativeContact:AlternativeContact",
      "aws:account/primaryContact:PrimaryContact",
      "aws:account/region:Region",
      "aws:backup/globalSettings:GlobalSettings",
      "aws:bedrock/useCaseForModelAccess:UseCaseForModelAccess",
      "aws:billing/view:View",
      "aws:cloudtrail/organizationDelegatedAdminAccount:OrganizationDelegatedAdminAccount",
      "aws:costexplorer/anomalyMonitor:AnomalyMonitor",
      "aws:costexplorer/costAllocationTag:CostAllocationTag",
      "aws:costexplorer/costCategory:CostCategory",
      "aws:costoptimizationhub/enrollmentStatus:EnrollmentStatus",
      "aws:costoptimizationhub/preferences:Preferences",
      "aws:ec2/vpcIpamOrganizationAdminAccount:VpcIpamOrganizationAdminAccount",
      "aws:fms/adminAccount:AdminAccount",
    ],
  },
  {
    class: "inert",
    reason:
      "a hosted connection allocated to another account on this account's interconnect: it carries that account's traffic; the interconnect's Direct Connect location is judged by remote-sites",
    types: ["aws:directconnect/hostedConnection:HostedConnection"],
  },
  {
    class: "regional",
    reason:
      "delivers billing data to a bucket in the region named by `s3Region` (the service delivers only to a bucket in that region), which arn-locality places",
    types: ["aws:bcmdata/export:Export", "aws:cur/reportDefinition:ReportDefinition"],
  },
  {
    class: "exception",
    reason:
      "the policy of a public ECR repository: the repository serves its images to everyone worldwide and is judged by global-services",
    types: ["aws:ecrpublic/repositoryPolicy:RepositoryPolicy"],
  },
];

export const review: ProviderReview = {
  properties,
  types: typeReviews,
  reviewFirst: [
    {
      prefix: "aws:cloudfront/",
      reason:
        "CloudFront caches and serves data from edge locations worldwide and replicates functions and key-value stores to them",
    },
    {
      prefix: "aws:globalaccelerator/",
      reason: "Global Accelerator takes traffic in at anycast edge locations worldwide",
    },
    ...[
      "iam/",
      "account/",
      "billing/",
      "budgets/",
      "bcmdata/",
      "costexplorer/",
      "costoptimizationhub/",
      "cur/",
      "backup/globalSettings:",
      "bedrock/useCaseForModelAccess:",
      "chime/sdkvoiceGlobalSettings:",
      "cloudtrail/organizationDelegatedAdminAccount:",
      "directconnect/gateway:",
      "directconnect/hostedConnection:",
      "ec2/vpcIpamOrganizationAdminAccount:",
      "fms/adminAccount:",
    ].map((p) => ({
      prefix: `aws:${p}`,
      reason:
        "a global (partition-wide) service or type: it has no region of its own, so the provider's region cannot place it",
    })),
    {
      prefix: "aws:alb/loadBalancer:",
      reason:
        "the `alb` alias of `aws:lb/loadBalancer:LoadBalancer`: an internet-facing load balancer is an internet edge, which public-exposure models under the `lb` token only",
    },
    {
      prefix: "aws:ecrpublic/",
      reason: "ECR Public serves images to everyone worldwide",
    },
  ],
};
