import type { PropertyReview } from "../model";

/** Account- and document-named inputs of flow-modelled Alibaba Cloud and AWS types that name no place, only the resource's own, or are read by a check in code. */
export const readings: readonly PropertyReview[] = [
  // --- Alibaba Cloud: accounts ---
  {
    path: /^aggregatorAccounts\[\]\.(accountName|accountType)$/,
    types: /^alicloud:cfg\/aggregator:Aggregator$/,
    reading: "not-a-place",
    reason:
      "the display name of a member account and the kind of its membership (ResourceDirectory): labels of the member whose UID aggregatorAccounts[].accountId names, which cross-account-links reads",
  },
  {
    path: /^principal(Id|Type)$/,
    types: /^alicloud:cloudsso\/(accessManagement|userProvisioning):/,
    reading: "not-a-place",
    reason:
      "a user or group of the account's own CloudSSO directory and its kind (User, Group): who is given access, not where; the member account they are given access to (targetId) is read by cross-account-links",
  },
  {
    path: /^serviceAccountIssuer$/,
    types: /^alicloud:cs\/(kubernetes|managedKubernetes):/,
    reading: "not-a-place",
    reason:
      "the `iss` claim the cluster writes into the service-account tokens it signs (https://kubernetes.default.svc): a name of the cluster's own API server, to which nothing is sent",
  },
  {
    path: /^dbaUid$/,
    types: /^alicloud:dms\/enterpriseInstance:/,
    reading: "not-a-place",
    reason:
      "the UID of the DMS user made DBA of the registered database: a person of the account's DMS tenant who administers it, not a place its data goes (where DMS connects is read on ecsRegion and host)",
  },
  {
    path: /^crossAccount(RoleName|Type)$/,
    types:
      /^alicloud:hbr\/(crossAccount|ecsBackupPlan|nasBackupPlan|ossBackupPlan|otsBackupPlan|policyBinding|restoreJob|serverBackupPlan):/,
    reading: "not-a-place",
    reason:
      "whether the backup is cross-account (SELF_ACCOUNT, CROSS_ACCOUNT) and the name of the RAM role the other account grants HBR: the other account is crossAccountUserId, which backup-copies reads (policy/paths/types/backups.ts); the role's name names no place of its own",
  },
  {
    path: /^aliuid$/,
    types: /^alicloud:log\/audit:/,
    reading: "own-place",
    reason:
      'the UID of the account the log audit configuration belongs to ("Aliuid value of your account"): the provider\'s own account; the other accounts whose logs it collects (multiAccounts[]) are read by cross-account-links',
  },
  {
    path: /^servicePrincipal$/,
    types: /^(alicloud:resourcemanager|aws:organizations)\/delegatedAdministrator:/,
    reading: "not-a-place",
    reason:
      "the identifier of the trusted service whose administration is delegated (cloudfw.aliyuncs.com, guardduty.amazonaws.com): a service name; the account it is delegated to (accountId) is read by cross-account-links",
  },
  {
    path: /^resourceDirectory\.accountGroupType$/,
    types: /^alicloud:sls\/collectionPolicy:/,
    reading: "not-a-place",
    reason:
      "whether the policy collects the logs of all member accounts of the resource directory or of a custom list (all, custom): a mode, and the collection brings logs in; where they are centralised is read on centralizeConfig.destRegion and dataConfig.dataRegion (log-shipping)",
  },
  {
    path: /^vbrInstanceOwnerId$/,
    types: /^alicloud:cen\/vbrHealthCheck:/,
    reading: "not-a-place",
    reason:
      "the account holding the border router whose link the CEN probes: the probes go from healthCheckSourceIp to healthCheckTargetIp and carry none of the stack's data; the router's attachment to the CEN is judged on its own resource and the router's region (vbrInstanceRegionId) by network-links",
  },
  // --- Alibaba Cloud: enumerations named `…Policy` ---
  {
    path: /^(cpuPolicy|kubeletConfiguration\.(cpuManagerPolicy|memoryManagerPolicy|topologyManagerPolicy)|rollingPolicy\.pausePolicy)$/,
    types: /^alicloud:cs\/nodePool:/,
    reading: "not-a-place",
    reason:
      "a kubelet or upgrade behaviour of the node pool (CPU manager none or static, memory and topology manager policy, pause after the first or every batch): an enumeration named `…Policy`, not a policy document",
  },
  {
    path: /^(innerAccessPolicy|policy|authorizeSecurityPolicyRules\[\]\.policy|permissions\[\]\.policy|(egressAclEntries|ingressAclEntries|egresses|ingresses)\[\]\.policy)$/,
    types:
      /^alicloud:(ecs\/securityGroup|ecs\/securityGroupRule|eds\/ecdPolicyGroup|ens\/securityGroup|vpc\/networkAcl|vpc\/networkAclEntries):/,
    reading: "not-a-place",
    reason:
      "the action of a security-group, network ACL or desktop policy rule (accept, drop), or whether instances of one group may reach each other (Accept, Drop): an enumeration; the addresses a rule admits are its CIDR fields, read with the action by egress-rules and public-exposure where the rules are modelled (policy/paths/types/gates.ts)",
  },
  {
    path: /^healthCheckConfig\.policy$/,
    types: /^alicloud:vpn\/gatewayVpnAttachment:/,
    reading: "not-a-place",
    reason:
      "whether the attachment withdraws the routes it published when its health check fails (revoke_route, reserve_route): an enumeration",
  },
  {
    path: /^(policyDocument|policy)$/,
    types: /^(alicloud:privatelink\/vpcEndpoint|aws:ec2\/vpcEndpoint):/,
    reading: "not-a-place",
    reason:
      "the endpoint policy: a RAM or IAM document that only narrows which actions and resources callers inside the VPC may reach through the endpoint (the default allows all) and admits no one outside it; the service the endpoint reaches is read on serviceRegionId, serviceName and serviceRegion (network-links)",
  },
  // --- AWS: accounts ---
  {
    path: /^dataSourceConfiguration\.sharePointConfiguration\.sourceConfiguration\.tenantId$/,
    types: /^aws:bedrock\/agentDataSource:/,
    reading: "not-a-place",
    reason:
      "the Microsoft 365 tenant the knowledge base signs in to: the SharePoint sites it ingests documents from are siteUrls[], read by log-shipping; the ingestion brings documents in",
  },
  {
    path: /^targetConfiguration\.(http\.(agentcoreRuntime|passthrough)\.schema\.source|mcp\.(lambda\.toolSchema|mcpServer\.mcpToolSchema|openApiSchema|smithyModel))\.s3\.bucketOwnerAccountId$/,
    types: /^aws:bedrock\/agentcoreGatewayTarget:/,
    reading: "not-a-place",
    reason:
      "the account expected to own the bucket the gateway reads the target's API or tool schema from: a schema file read in; the agents' calls go to the endpoints the tools name, read by log-shipping",
  },
  {
    path: /^(accounts\[\]|accountId|deploymentTargets\.(accounts\[\]|accountsUrl)|stackSetProvisioningPreferences\.accounts\[\])$/,
    types:
      /^aws:(cloudformation\/(stackInstances|stackSetInstance)|servicecatalog\/provisionedProduct):/,
    reading: "helm-releases",
    reason:
      "the accounts (or the S3 file listing them) a StackSet or Service Catalog product deploys its template into: helm-releases fails every such bundle whatever they are, and names these accounts in its finding (policy/paths/types/bundles.ts, accountsOf)",
  },
  {
    path: /^repository\.(bitbucket|githubEnterpriseServer)\.owner$/,
    types: /^aws:codegurureviewer\/repositoryAssociation:/,
    reading: "not-a-place",
    reason:
      "the user or workspace owning the repository on the host its CodeStar connection reaches: a name inside that host; a Bitbucket repository is flagged by log-shipping (repository.bitbucket.name) and the connection's ARN placed by arn-locality",
  },
  {
    path: /^expectedBucketOwner$/,
    types:
      /^aws:s3\/(bucketAccelerateConfiguration|bucketAccelerateConfigurationV2|bucketAcl|bucketAclV2|bucketLogging|bucketLoggingV2|bucketServerSideEncryptionConfiguration|bucketServerSideEncryptionConfigurationV2):/,
    reading: "not-a-place",
    reason:
      "a guard on the API call: S3 refuses it unless the bucket the resource configures (bucket) belongs to this account; it sends no data anywhere (a log target is targetBucket)",
  },
  {
    path: /^importTable\.s3BucketSource\.bucketOwner$/,
    types: /^aws:dynamodb\/table:/,
    reading: "not-a-place",
    reason:
      "the account owning the bucket the new table is imported from: the import brings data in and sends none of the stack's out",
  },
  {
    path: /^ownerAccount$/,
    types: /^aws:redshift\/cluster:/,
    reading: "not-a-place",
    reason:
      "the account that owns the snapshot the cluster is restored from: the restore brings data in; the snapshot's ARN is placed by arn-locality",
  },
  {
    path: /^distributions\[\]\.(fastLaunchConfigurations\[\]\.accountId|launchTemplateConfigurations\[\]\.accountId|ssmParameterConfigurations\[\]\.amiAccountId)$/,
    types: /^aws:imagebuilder\/distributionConfiguration:/,
    reading: "not-a-place",
    reason:
      "an account where Image Builder turns on fast launch, updates a launch template or writes the AMI's ID into a parameter: settings that copy no image; the AMI reaches an account only through targetAccountIds, which backup-copies reads (an SSM parameter's account must be one of them)",
  },
  {
    path: /^retiringPrincipal$/,
    types: /^aws:kms\/grant:/,
    reading: "not-a-place",
    reason:
      "the principal allowed to retire the grant: it may only end the grant and never uses the key; the principal the grant lets use the key (granteePrincipal) is read by cross-account-links",
  },
  {
    path: /^(principalOrgId|sourceAccount)$/,
    types: /^aws:lambda\/permission:/,
    reading: "cross-account-links",
    reason:
      "the organisation or the source account the permission is granted to: the grants reader of the principal field (policy/paths/types/grants.ts, lambdaPermission) reads both as grantees of cross-account-links and as bindings that keep `*` from being public",
  },
  {
    path: /^ldapServerMetadata\.serviceAccount(Password|Username)$/,
    types: /^aws:mq\/broker:/,
    reading: "not-a-place",
    reason:
      "the credentials of the directory account the broker binds with: a user name and password; the LDAP hosts they are sent to (ldapServerMetadata.hosts[]) are read by remote-sites",
  },
  {
    path: /^localDomainInfo\.ownerId$/,
    types: /^aws:opensearch\/outboundConnection:/,
    reading: "own-place",
    reason:
      "the account of the local domain the connection starts from: the connection is created by that domain's own account; the remote domain's account (remoteDomainInfo.ownerId) is read by database-replicas",
  },
  {
    path: /^accountId$/,
    types: /^aws:s3\/(accessPoint|accountPublicAccessBlock):/,
    reading: "own-place",
    reason:
      "the account that creates the access point or whose public-access block is set; it defaults to the provider's account and S3 Control acts only for the calling account, in the resource's region",
  },
  {
    path: /^(replicationConfiguration\.rules\[\]\.destination\.accessControlTranslation\.owner|rules\[\]\.destination\.accessControlTranslation\.owner|replicationConfigurations\[\]\.rules\[\]\.destinations\[\]\.accessControlTranslations\[\]\.owner)$/,
    types: /^aws:s3\/(bucket|bucketReplicationConfig|bucketV2):/,
    reading: "not-a-place",
    reason:
      "who owns the replicas: the only valid value is `Destination` (an enumeration); the destination's bucket and account are fields of their own",
  },
  {
    path: /^platformPrincipal$/,
    types: /^aws:sns\/platformApplication:/,
    reading: "not-a-place",
    reason:
      "the credential of the push platform (an SSL certificate, API key or signing key ID): a secret SNS signs in with, not a place",
  },
  {
    path: /^nfsFileShareDefaults\.ownerId$/,
    types: /^aws:storagegateway\/nfsFileShare:/,
    reading: "not-a-place",
    reason:
      "the POSIX user ID that owns the share's files by default (65534, nfsnobody): a number of the file system",
  },
  // --- AWS: documents ---
  {
    path: /^defaultPolicy$/,
    types: /^aws:dlm\/lifecyclePolicy:/,
    reading: "not-a-place",
    reason: "the kind of default policy to create (VOLUME, INSTANCE): an enumeration",
  },
  {
    path: /^inlinePolicies\[\]\.policy$/,
    types: /^aws:iam\/role:/,
    reading: "not-a-place",
    reason:
      "an identity policy of the role: it grants only the role it is attached to (every resource it names is an ARN that arn-locality places); who may assume the role is the trust policy, read by cross-account-links",
  },
  {
    path: /^(deliveryPolicy|filterPolicy|replayPolicy)$/,
    types: /^aws:sns\/topicSubscription:/,
    reading: "not-a-place",
    reason:
      "delivery retries, the filter of the messages delivered and the replay of the topic's archive to this subscription: settings of deliveries to the endpoint, which log-shipping reads",
  },
  {
    path: /^(redrivePolicy|redriveAllowPolicy)$/,
    types: /^aws:(sns\/topicSubscription|sqs\/queue):/,
    reading: "own-place",
    reason:
      "the dead-letter queue undeliverable messages move to, or the source queues allowed to use this queue as theirs: SNS and SQS accept only queues of the subscription's or queue's own account and region",
  },
];
