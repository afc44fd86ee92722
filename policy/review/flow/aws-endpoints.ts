import type { PropertyReview } from "../model";
/** Readings of the place-named "endpoint" inputs of flow-modelled AWS and Kubernetes types that no flow-table field reads: names, own addresses, enumerations, sign-in and configuration sources, and the checks that do read them. */
export const readings: readonly PropertyReview[] = [
  // --- Sign-in: OAuth redirects and identity providers (no data of the stack goes there) ---
  {
    path: /^connectorProfileConfig\.connectorProfileCredentials\.(customConnector\.oauth2|googleAnalytics|honeycode|marketo|salesforce|sapoData\.oauthCredentials|slack|zendesk)\.oauthRequest\.redirectUri$/,
    types: /^aws:appflow\/connectorProfile:/,
    reading: "not-a-place",
    reason:
      "the URL the SaaS application's authorization server sends the user's browser back to with a one-time code after sign-in (the front channel): AppFlow sends no records there; the application's own host is the instanceUrl or applicationHostUrl of the profile, read by log-shipping",
  },
  {
    path: /^connectorProfileConfig\.connectorProfileProperties\.(sapoData\.oauthProperties\.(authCodeUrl|tokenUrl)|customConnector\.oauth2Properties\.tokenUrlCustomProperties)$/,
    types: /^aws:appflow\/connectorProfile:/,
    reading: "not-a-place",
    reason:
      "the SAP system's OAuth authorization-code and token endpoints, and extra parameters sent with a custom connector's token request: AppFlow sends them only the authorization code and its client credentials to obtain tokens; the records go to sapoData.applicationHostUrl or the custom connector's tokenUrl, both read by log-shipping",
  },
  {
    path: /^(credentialProviderConfiguration\.oauth\.defaultReturnUrl|tools\[\]\.config\.agentcoreGateway\.outboundAuth\.oauth\.defaultReturnUrl)$/,
    types: /^aws:bedrock\/(agentcoreGatewayTarget|agentcoreHarness):/,
    reading: "not-a-place",
    reason:
      "the URL the end user's browser is sent back to once it has obtained an OAuth authorization code (the front channel): the authorization server returns only that code there, and no request or data of the agents is sent to its host",
  },
  {
    path: /^advancedSecurityOptions\.jwtOptions\.jwksUrl$/,
    types: /^aws:opensearch\/domain:/,
    reading: "not-a-place",
    reason:
      "the URL of the identity provider's JSON Web Key Set: the domain fetches public keys there to verify the signatures of tokens callers present, and sends nothing of its indices there",
  },
  {
    path: /^configuration\.webCrawlerConfiguration\.authenticationConfiguration\.basicAuthentications\[\]\.host$/,
    types: /^aws:kendra\/dataSource:/,
    reading: "not-a-place",
    reason:
      "the website host the crawler signs in to with basic authentication, using that site's own credentials: a host it crawls (documents come in), reached only through the seed URLs, which log-shipping reads",
  },

  // --- Code, schemas and templates read in; nothing of the stack is written there ---
  {
    path: /^targetConfiguration\.(http\.(agentcoreRuntime|passthrough)\.schema\.source\.s3|mcp\.(lambda\.toolSchema|mcpServer\.mcpToolSchema|smithyModel)\.s3)\.uri$/,
    types: /^aws:bedrock\/agentcoreGatewayTarget:/,
    reading: "not-a-place",
    reason:
      "the S3 location of the OpenAPI, Smithy or MCP tool schema the gateway reads to describe a target's tools: the schema comes in and nothing of the agents' traffic is written there; the calls go to the endpoints the target names (read by log-shipping) or to Lambda functions by ARN (placed by arn-locality); an OpenAPI schema's servers are the calls' destinations, so its S3 location is read by log-shipping",
  },
  {
    path: /^skills\[\]\.(git\.url|s3\.uri)$/,
    types: /^aws:bedrock\/agentcoreHarness:/,
    reading: "not-a-place",
    reason:
      "the Git repository (HTTPS) or S3 location the harness loads an agent skill's instructions and scripts from: the fetch brings the skill in and sends none of the agents' data out; the tools and models the agent calls are named elsewhere (tools[].config.remoteMcp.url, read by log-shipping; ARNs, placed by arn-locality)",
  },
  {
    path: /^templateUrl$/,
    types: /^aws:cloudformation\/(stack|stackSet):/,
    reading: "helm-releases",
    reason:
      "the S3 URL of the template the stack or StackSet deploys: helm-releases fails every CloudFormation stack and StackSet as an opaque bundle and names this URL in its finding (policy/paths/types/bundles.ts, templateOf); the template is read in from it, nothing of the stack is written there",
  },
  {
    path: /^policyUrl$/,
    types: /^aws:cloudformation\/stack:/,
    reading: "not-a-place",
    reason:
      "the S3 location of the stack policy, which only protects the stack's own resources from updates: CloudFormation reads it in and it grants nobody access (the stack itself fails helm-releases as an opaque bundle)",
  },

  // --- Names a resource serves or takes ---
  {
    path: /^(domains\[\]\.domain|managedCertificateRequest\.primaryDomainName)$/,
    types: /^aws:cloudfront\/distributionTenant:/,
    reading: "not-a-place",
    reason:
      "a domain the distribution tenant serves, or the name its managed certificate is issued for: viewers resolve it to CloudFront, the tenant sends nothing there; where the distribution serves from is judged by global-services",
  },
  {
    path: /^domainEndpointOptions\.customEndpoint$/,
    types: /^aws:opensearch\/domain:/,
    reading: "not-a-place",
    reason:
      "the custom host name the domain serves its endpoint on: clients resolve it to the domain, which sends nothing there",
  },
  {
    path: /^dnsOptions\.privateDnsSpecifiedDomains\[\]$/,
    types: /^aws:ec2\/vpcEndpoint:/,
    reading: "not-a-place",
    reason:
      "the private domains for which AWS creates hosted zones in the VPC that resolve to this endpoint: names the endpoint answers for inside the VPC, not hosts it sends to (the service it reaches is serviceName and serviceRegion, read by network-links)",
  },
  {
    path: /^(endpointId|brokerName|endpointName|domainName)$/,
    types:
      /^aws:(dms\/(endpoint|s3Endpoint)|mq\/broker|redshift\/endpointAccess|redshiftserverless\/endpointAccess|opensearch\/domain|sagemaker\/domain):/,
    reading: "not-a-place",
    reason:
      "the name or identifier the resource itself takes (a DMS endpoint's ID, a broker's name, a managed VPC endpoint's name, an OpenSearch or SageMaker domain's name): it names the resource, not a place data goes to",
  },
  {
    path: /^anycastIpListId$/,
    types: /^aws:cloudfront\/distribution:/,
    reading: "not-a-place",
    reason:
      "the ID of the account's Anycast static IP list: the edge addresses CloudFront serves the distribution on, whose worldwide edge global-services judges on the distribution",
  },

  // --- Enumerations, settings and reserved fields ---
  {
    path: /^(managedCertificateRequest\.validationTokenHost|environment\.hostKernel|dnsOptions\.dnsRecordIpType|vpcEndpointType|supportedIpAddressTypes\[\]|splunkConfiguration\.hecEndpointType|placement\.spreadDomain|hostInstanceType|ipProtocol|mysqlSettings\.serverTimezone)$/,
    types:
      /^aws:(cloudfront\/distributionTenant|codebuild\/project|ec2\/(vpcEndpoint|vpcEndpointService|launchTemplate)|kinesis\/firehoseDeliveryStream|mq\/broker|vpc\/(securityGroupEgressRule|securityGroupIngressRule)|dms\/endpoint):/,
    reading: "not-a-place",
    reason:
      "an enumeration or setting: who hosts a certificate's validation token (cloudfront, self-hosted), a build host's kernel, an endpoint's DNS record type, endpoint type or IP versions, a Splunk HEC type (Raw, Event), a field reserved for future use, a broker's instance type, an IP protocol, a source database's time zone: it names no host, account or region",
  },
  {
    path: /^(outsideIpAddressType|tunnelInsideIpVersion)$/,
    types: /^aws:ec2\/vpnConnection:/,
    reading: "not-a-place",
    reason:
      "whether the tunnels run over the internet (PublicIpv4) or over a Direct Connect transit (PrivateIpv4), and the IP version carried inside them: the far end is the customer gateway, whose address remote-sites judges",
  },
  {
    path: /^functionUrlAuthType$/,
    types: /^aws:lambda\/permission:/,
    reading: "not-a-place",
    reason:
      "AWS_IAM or NONE: a condition that limits the statement to function-URL calls of that authentication type; whom the statement grants is `principal`, read by public-exposure and cross-account-links",
  },
  {
    path: /^configuration\.webCrawlerConfiguration\.url(Inclusion|Exclusion)Patterns\[\]$/,
    types: /^aws:kendra\/dataSource:/,
    reading: "not-a-place",
    reason:
      "regular expressions that select which crawled URLs are indexed: filters, not hosts; where the crawl starts is the seed URLs, read by log-shipping",
  },
  {
    path: /^rules\[\]\.(conditions|unlesses)\[\]\.booleanExpression\.evaluate\.isInAddressList\.addressLists\[\]$/,
    types: /^aws:mailmanager\/ruleSet:/,
    reading: "not-a-place",
    reason:
      "a Mail Manager address list of the account that a rule's condition tests the sender or recipient against: a filter, not where mail goes",
  },
  {
    path: /^storageConnectors\[\]\.domains\[\]$/,
    types: /^aws:appstream\/stack:/,
    reading: "not-a-place",
    reason:
      "the organisation domains (Google Workspace, Microsoft 365) whose users may link their drive to a streaming session: a filter on accounts; whether users can save files to a drive outside the cloud is storageConnectors[].connectorType, read by log-shipping",
  },

  // --- Outputs the provider computes ---
  {
    path: /^outputDataConfig\.outputS3Uri$/,
    types: /^aws:comprehend\/documentClassifier:/,
    reading: "not-a-place",
    reason:
      "the full path of the output file, which the service returns: an output; where the output is written is outputDataConfig.s3Uri, read by log-shipping",
  },
  {
    path: /^connectSettings\.connectIps\[\]$/,
    types: /^aws:directoryservice\/directory:/,
    reading: "not-a-place",
    reason:
      "the addresses AWS gives the AD Connector's own servers in the directory's subnets (computed by the provider): the on-premises DNS servers it proxies requests to are connectSettings.customerDnsIps[], read by remote-sites",
  },
  {
    path: /^connectionProperties\.endpoint$/,
    types: /^aws:opensearch\/outboundConnection:/,
    reading: "not-a-place",
    reason:
      "the remote domain's endpoint, which the service reports once a VPC-endpoint connection is accepted (an output): the remote domain is placed by remoteDomainInfo.region and remoteDomainInfo.ownerId, read by database-replicas",
  },

  // --- Credentials, certificates and keys ---
  {
    path: /^(serverCertificate|sftpConfig\.trustedHostKeys\[\]|hostKey)$/,
    types: /^aws:(datasync\/locationObjectStorage|transfer\/(connector|server)):/,
    reading: "not-a-place",
    reason:
      "a certificate or key: the object store's CA certificate, the SFTP server's trusted public host keys, a Transfer Family server's own private host key; it authenticates a server and names no place (the servers' addresses are serverHostname and url, read by data-transfer-jobs and log-shipping)",
  },
  {
    path: /^domainIamRoleName$/,
    types: /^aws:rds\/(cluster|instance):/,
    reading: "not-a-place",
    reason:
      "the name of the account's IAM role RDS assumes to call Directory Service: an identity, not a place",
  },
  {
    path: /^(presignedUrl|preSignedUrl)$/,
    types: /^aws:rds\/(clusterSnapshotCopy|snapshotCopy|instanceAutomatedBackupsReplication):/,
    reading: "not-a-place",
    reason:
      "a Signature Version 4 presigned request for the copy or replication action in the source region: a credential for the call, not a destination; the copy's ends are its source snapshot or instance (by ARN or identifier) and its destination region, read by backup-copies and arn-locality",
  },
  {
    path: /^(amazonManagedKafkaEventSourceConfig|selfManagedKafkaEventSourceConfig)\.schemaRegistryConfig\.accessConfigs\[\]\.uri$/,
    types: /^aws:lambda\/eventSourceMapping:/,
    reading: "arn-locality",
    reason:
      "the ARN of the Secrets Manager secret holding the schema registry's credentials or CA certificate, which arn-locality places; the registry itself is schemaRegistryUri, read by log-shipping",
  },
  {
    path: /^sourceParameters\.selfManagedKafkaParameters\.serverRootCaCertificate$/,
    types: /^aws:pipes\/pipe:/,
    reading: "arn-locality",
    reason:
      "the ARN of the Secrets Manager secret holding the Kafka cluster's root CA certificate, which arn-locality places; the brokers are additionalBootstrapServers[], read by log-shipping",
  },

  // --- Domains and servers of directories and DNS ---
  {
    path: /^remoteDomainName$/,
    types: /^aws:directoryservice\/(conditionalForwarder|trust):/,
    reading: "not-a-place",
    reason:
      "the DNS name of the remote domain whose queries are forwarded, or of the forest the trust is made with: a name that selects queries and sign-ins; the servers they go to are dnsIps[] or conditionalForwarderIpAddrs[] (read by remote-sites), or those the directory's other forwarders and its VPC's resolver rules answer with, judged there",
  },
  {
    path: /^(activeDirectoryConfiguration\.selfManagedActiveDirectoryConfiguration\.domainName|selfManagedActiveDirectory\.domainName|domainFqdn|domainOu|smbActiveDirectorySettings\.domainName)$/,
    types:
      /^aws:(fsx\/(ontapStorageVirtualMachine|windowsFileSystem)|rds\/instance|storagegateway\/gateway):/,
    reading: "not-a-place",
    reason:
      "the name of the Active Directory domain the resource joins or signs in to (or an organizational unit path inside it): a name, not a server; the domain controllers are the addresses named beside it (FSx's dnsIps[], read by remote-sites; RDS's domainDnsIps[]; Storage Gateway's domainControllers[]) or those its network's DNS answers for the name, judged on that DNS (DHCP options, resolver rules)",
  },
  {
    path: /^domain$/,
    types: /^aws:datasync\/locationSmb:/,
    reading: "not-a-place",
    reason:
      "the Windows domain of the user DataSync signs in to the SMB server as: a name used for authentication, not a server; the server is serverHostname, read by data-transfer-jobs",
  },
  {
    path: /^domain$/,
    types: /^aws:transfer\/server:/,
    reading: "not-a-place",
    reason:
      "the kind of storage the server serves files from (S3 or EFS): an enumeration; the buckets and file systems themselves are named by the users' home directories, read by data-transfer-jobs",
  },
  {
    path: /^customDnsConfigurations\[\]\.customDnsServerName$/,
    types: /^aws:finspace\/kxEnvironment:/,
    reading: "not-a-place",
    reason:
      "the name of a DNS server of the environment's network, whose address customDnsServerIp beside it (read by remote-sites) is where the queries go",
  },
  {
    path: /^dataSourceConfiguration\.sharePointConfiguration\.sourceConfiguration\.domain$/,
    types: /^aws:bedrock\/agentDataSource:/,
    reading: "not-a-place",
    reason:
      "the SharePoint domain (the tenant part of `<domain>.sharepoint.com`) that hosts the sites the data source reads: the same place its siteUrls[] name, which log-shipping reads",
  },
  {
    path: /^storageConfiguration\.mongoDbAtlasConfiguration\.endpointServiceName$/,
    types: /^aws:bedrock\/agentKnowledgeBase:/,
    reading: "not-a-place",
    reason:
      "the PrivateLink endpoint service through which Bedrock reaches the MongoDB Atlas cluster whose host `endpoint` names (read by log-shipping, which cannot place an Atlas host and fails it): the route to that same cluster, not a second destination",
  },

  // --- Addresses a resource takes in its own network ---
  {
    path: /^(associateWithPrivateIp|privateIpAddress|ipv6Addresses\[\]|privateIp|secondaryNetworkInterfaces\[\]\.(macAddress|privateIpAddresses\[\])|secondaryPrivateIps\[\]|networkInterfaces\[\]\.(ipv4Addresses\[\]|ipv6Addresses\[\]|privateIpAddress)|secondaryInterfaces\[\]\.privateIpAddresses\[\]|secondaryPrivateIpAddresses\[\]|ipAddress|ipv6Address|subnetMappings\[\]\.(ipv6Address|privateIpv4Address)|coreNetworkAddress)$/,
    types:
      /^aws:(ec2\/(eip|eipAssociation|instance|launchTemplate|natGateway)|efs\/mountTarget|lb\/loadBalancer|networkmanager\/connectPeer):/,
    reading: "not-a-place",
    reason:
      "an address the resource itself takes in its own subnet (a private IPv4 or IPv6 address or a MAC address of an instance, interface or NAT gateway, a mount target's or load balancer's address, the core network's end of a Connect peer), or the private address an Elastic IP is bound to: no traffic is sent anywhere by this value; whether the resource faces the internet is judged on its public IP, gateways and routes",
  },
  {
    path: /^(address|publicIp|elasticIp)$/,
    types: /^aws:(ec2\/(eip|eipAssociation)|redshift\/cluster):/,
    reading: "own-place",
    reason:
      "an Elastic IP address of the account in the resource's own region (taken from a BYOIP pool, bound by an association, or given to a publicly accessible cluster): the address the EIP row (internet-egress) and the cluster's publiclyAccessible (public-exposure) are judged by",
  },
  {
    path: /^(amazonAddress|customerAddress)$/,
    types:
      /^aws:directconnect\/(privateVirtualInterface|publicVirtualInterface|transitVirtualInterface):/,
    reading: "not-a-place",
    reason:
      "the BGP peering addresses of the two ends of the virtual interface (AWS's and the customer router's, a /30 or /31 on the interface's VLAN): they number the link, they do not choose where it goes; the traffic rides the interface's Direct Connect connection, judged by remote-sites (its location, SiteLink, a public interface's reach)",
  },
  {
    path: /^ipAddresses\[\]$/,
    types: /^aws:globalaccelerator\/(accelerator|customRoutingAccelerator):/,
    reading: "not-a-place",
    reason:
      "the BYOIP addresses the accelerator itself announces from AWS edge locations: its own anycast addresses, whose worldwide edge global-services judges on the accelerator",
  },
  {
    path: /^protocolDetails\.passiveIp$/,
    types: /^aws:transfer\/server:/,
    reading: "not-a-place",
    reason:
      "the address the server tells FTP clients to open passive data connections to: the server's own front address (its endpoint, or a firewall or load balancer in front of it); clients come to it, and who can reach the server is judged by public-exposure on endpointType and addressAllocationIds[]",
  },
  {
    path: /^(resources\[\]\.endpointId|endpointConfigurations\[\]\.endpointId)$/,
    types:
      /^aws:globalaccelerator\/(crossAccountAttachment|endpointGroup|customRoutingEndpointGroup):/,
    reading: "not-a-place",
    reason:
      "the endpoint a group forwards to or an attachment shares, by identifier: a load balancer's ARN (placed by arn-locality), an EC2 instance or Elastic IP allocation ID, or for custom routing a subnet ID, each resolved in the region the row reads (endpointGroupRegion, resources[].region: network-links)",
  },

  // --- IDs and names the API resolves in the resource's own region and account ---
  {
    path: /^(resolverEndpointId|endpointDetails\.vpcEndpointId|queueUrl)$/,
    types: /^aws:(route53\/resolverRule|transfer\/server|sqs\/queuePolicy):/,
    reading: "own-place",
    reason:
      "an ID or URL the API resolves in the resource's own region and account: the outbound resolver endpoint a forwarding rule sends its queries through (its targets are targetIps[], read by remote-sites), the server's VPC endpoint, the queue the policy is attached to",
  },
  {
    path: /^domain$/,
    types: /^aws:rds\/(cluster|instance):/,
    reading: "own-place",
    reason:
      "the ID of the AWS Managed Microsoft AD directory (the account's own, or one shared with it) the database joins, which Directory Service resolves in the database's own region",
  },
  {
    path: /^(domainName|localDomainInfo\.domainName)$/,
    types: /^aws:opensearch\/(authorizeVpcEndpointAccess|domainPolicy|outboundConnection):/,
    reading: "own-place",
    reason:
      "the name of an OpenSearch domain of the account, which the API resolves in the resource's own region: the domain the policy or endpoint access is set on, or the local end of the connection",
  },
  {
    path: /^remoteDomainInfo\.domainName$/,
    types: /^aws:opensearch\/outboundConnection:/,
    reading: "not-a-place",
    reason:
      "the name of the remote domain: where it lies is remoteDomainInfo.region and remoteDomainInfo.ownerId beside it, read by database-replicas",
  },
  {
    path: /^parameters\.amazonElasticsearch\.domain$/,
    types: /^aws:quicksight\/dataSource:/,
    reading: "own-place",
    reason:
      "the name of an Amazon OpenSearch Service domain, which QuickSight resolves in the data source's own region and account",
  },
  {
    path: /^parameters\.databricks\.sqlEndpointPath$/,
    types: /^aws:quicksight\/dataSource:/,
    reading: "not-a-place",
    reason:
      "the HTTP path of the SQL warehouse on the Databricks host, which parameters.databricks.host names (read by log-shipping)",
  },
  {
    path: /^sourceAccessConfigurations\[\]\.uri$/,
    types: /^aws:lambda\/eventSourceMapping:/,
    reading: "own-place",
    reason:
      "`subnet:<id>` or `security_group:<id>` of the function's own region and account that the poller runs in, a RabbitMQ virtual host's name inside the broker, or the ARN of a Secrets Manager secret with the source's credentials (placed by arn-locality): none is where records go",
  },
  {
    path: /^sourceParameters\.rabbitmqBrokerParameters\.virtualHost$/,
    types: /^aws:pipes\/pipe:/,
    reading: "not-a-place",
    reason: "the name of a virtual host inside the source broker, which the pipe reads from",
  },

  {
    path: /^(https\[\]|errorAction\.http)\.confirmationUrl$/,
    types: /^aws:iot\/topicRule:/,
    reading: "not-a-place",
    reason:
      "where AWS IoT confirms an HTTP destination: a prefix of the action's own url, whose host log-shipping places (one crossing, one finding)",
  },

  // --- Contacts and notices ---
  {
    path: /^(email|emailAddress)$/,
    types: /^aws:(macie2|securityhub|guardduty|detective)\/member:/,
    reading: "not-a-place",
    reason:
      "the e-mail address of the member account, to which the invitation is sent: a notice to the account's owner; whose findings are read is accountId, read by cross-account-links",
  },
  {
    path: /^(adminContact|billingContacts\[\]|billingContact|registrantContact|techContact)\.(addressLine1|addressLine2|email|phoneNumber)$/,
    types: /^aws:route53domains\/(domain|registeredDomain):/,
    reading: "not-a-place",
    reason:
      "a contact's postal address, e-mail or phone: the personal data a registration hands the TLD registry, whose publication in WHOIS log-shipping judges on the *Privacy flags, not a place data is sent to; the address receives only the registrar's notices",
  },
  {
    path: /^(domainName|nameServers\[\]\.glueIps\[\])$/,
    types: /^aws:route53domains\/(domain|registeredDomain):/,
    reading: "not-a-place",
    reason:
      "the domain the account registers, and the glue addresses of its name servers published to the TLD registry: resolvers worldwide send the domain's DNS queries there; no data of the stack goes to them",
  },
  {
    path: /^(resourceRecordSets\[\]\.)?(cidrRoutingPolicy\.locationName|cidrRoutingConfig\.locationName|geolocationRoutingPolicies\[\]\.(continent|country)|geolocation\.(continentCode|countryCode))$/,
    types: /^aws:route53\/(record|recordsExclusive):/,
    reading: "not-a-place",
    reason:
      "where the clients are that receive this answer (a CIDR collection's location, a continent or country of geolocation routing): it chooses who is told the record's hosts, not where data goes; the hosts the answer names are read by log-shipping",
  },
  {
    path: /^(fqdn|ipAddress)$/,
    types: /^aws:route53\/healthCheck:/,
    reading: "not-a-place",
    reason:
      "the endpoint Route 53's health checkers request: the request carries only the path, port and search string the check sets, never data of the stack; where its responses are read (the checker regions) is judged by global-services, whose finding names this endpoint",
  },

  // --- Public grants the border analysis reads ---
  {
    path: /^accessControlPolicy\.grants\[\]\.grantee\.uri$/,
    types: /^aws:s3\/bucketAclV2:/,
    reading: "no-path-out-of-jurisdiction",
    reason:
      "the grantee group of an ACL grant: a grant to AllUsers or AuthenticatedUsers draws the edge from the bucket to the public internet (policy/paths/types/exposure.ts, publicAcl over aclGrantPaths, drawn by the V2 row's aclRow unless the public-access block ignores public ACLs), which no-path-out-of-jurisdiction reports",
  },

  // --- Kubernetes Services ---
  {
    path: /^(items\[\]\.)?spec\.externalName$/,
    types: /^kubernetes:core\/v1:Service(List|Patch)?$/,
    reading: "kubernetes-service-exposure",
    reason:
      "the host an ExternalName Service aliases (a DNS CNAME): kubernetes-service-exposure fails every ExternalName Service, and every entry of a List, whose externalName is not a <service>.<namespace>.svc name of the cluster (policy/kubernetes.ts, serviceFindings; objectsOf for Lists), and a Patch that sets one without setting spec.type, since the live Service it keeps the type of may be an ExternalName one; the field has no effect on other Service types",
  },
  {
    path: /^(items\[\]\.)?spec\.loadBalancerIP$/,
    types: /^kubernetes:core\/v1:Service(List|Patch)?$/,
    reading: "not-a-place",
    reason:
      "the address the Service's own load balancer takes (deprecated, ignored by clouds that do not support it): whether that load balancer faces the internet is what kubernetes-service-exposure judges from spec.type and the cluster cloud's internal-load-balancer annotation, and on a cluster at a site of the team's own from this address and MetalLB's loadBalancerIPs annotation (policy/paths/kubernetes.ts, privateLoadBalancer)",
  },
  // --- Phones: message texts, caller IDs and attribute names ---
  {
    path: /^(adminCreateUserConfig\.inviteMessageTemplate\.smsMessage|smsAuthenticationMessage|smsVerificationMessage|verificationMessageTemplate\.smsMessage)$/,
    types: /^aws:cognito\/userPool:/,
    reading: "not-a-place",
    reason:
      "the text of the invitation, sign-in and verification messages the pool texts its users, a template with the code's placeholder: each goes to the user's own number, through SNS in the region smsConfiguration names (read by log-shipping)",
  },
  {
    path: /^defaultPhoneNumber$/,
    types: /^aws:chime\/voiceConnectorTermination:/,
    reading: "not-a-place",
    reason:
      "the caller ID outbound calls present, a number of the account's: where the calls go is the countries callingRegions allows, read by log-shipping",
  },
  {
    path: /^ruleBasedMatching\.attributeTypesSelector\.phoneNumbers\[\]$/,
    types: /^aws:customerprofiles\/domain:/,
    reading: "not-a-place",
    reason:
      "the names of the profile attributes (PhoneNumber, HomePhoneNumber, …) rule-based matching compares to find duplicate profiles: attribute names, not numbers",
  },
  {
    path: /^defaultSmsType$/,
    types: /^aws:sns\/smsPreferences:/,
    reading: "not-a-place",
    reason:
      "whether texts are sent as Promotional or Transactional (delivery priority and price): an enumeration; where texts go is each subscription's or publish call's number",
  },
];
