/**
 * The review of the alicloud provider's resource types that no flow table models: which check reads
 * each place-naming input property, and the types classed as a whole (policy/review/model.ts).
 *
 * Read against the @pulumi/alicloud 3.108 declarations (each type's `…Args` and
 * `types/input.d.ts`) and shared/research/data-paths.md §2–3. What is left unread on purpose,
 * so that its type fails closed until a flow model reads it: database and service IP
 * whitelists (who may read the data), webhooks, callback and notification URLs, origins and
 * backends named by host or IP, cross-account grants and UIDs, named buckets written to,
 * container images pulled from any registry, route destinations published into CEN or BGP,
 * DNS servers and directory controllers a network resolves or joins through.
 */
import type { ProviderReview } from "./model";

/** Modules whose database or service accounts (user names, passwords, privileges) are local. */
const dbAccountModules =
  /^alicloud:(adb|bastionhost|cddc|clickhouse|clickhouseenterprisedbcluster|gpdb|hbase|kvstore|mongodb|polardb|rds|rocketmq|yundun)\/|^alicloud:index\/polarDbExtension:|^alicloud:dms\/enterpriseProxyAccess:/;

export const review: ProviderReview = {
  properties: [
    {
      path: /^(sourceHttpEventParameters\.(ips\[\]|publicWebHookUrls\[\]|vpcWebHookUrls\[\])|sourceKafkaParameters\.consumerGroup|sourceRabbitMqParameters\.virtualHostName)$/,
      types: /^alicloud:eventbridge\/eventSourceV2:/,
      reading: "not-a-place",
      reason:
        "the addresses EventBridge generates for the source's own webhook and the senders it admits to push events in (nothing of the stack is read through it), and a consumer group or virtual host inside the instance the source reads",
    },
    {
      path: /^meshConfig\.(includeIpRanges|proxy\.clusterDomain|sidecarInjector\.sidecarInjectorWebhookAsYaml)$/,
      types: /^alicloud:servicemesh\/serviceMesh:/,
      reading: "not-a-place",
      reason:
        "which outbound ranges the sidecars intercept, the clusters' DNS suffix and the selectors of the mesh's own injection webhook: filters and names, not destinations",
    },
    {
      path: /^meshConfig\.kiali\.(aggregatedKialiAddress|distributedKialiAddresses|url|serverConfig\.webFqdn|ramOauthConfig\.redirectUris|openIdConfig\.issuerUri)$/,
      types: /^alicloud:servicemesh\/serviceMesh:/,
      reading: "not-a-place",
      reason:
        "addresses of the mesh's own topology service (generated or custom) and its sign-in: the redirect returns a code to the user's browser and the issuer receives only that code and the service's client credentials, none of the mesh's data",
    },
    {
      path: /^(prometheusUrl|meshConfig\.prometheus\.externalUrl|meshConfig\.kiali\.customPrometheusUrl)$/,
      types: /^alicloud:servicemesh\/serviceMesh:/,
      reading: "not-a-place",
      reason:
        "the Prometheus the mesh topology queries for Istio metrics: a query brings metrics in; the metrics reach that Prometheus through its own collection, judged on the collector",
    },
    {
      path: /^(accountType|additionalVolumes\[\]\.location|remoteDirectory|additionalVolumes\[\]\.remoteDirectory)$/,
      types: /^alicloud:ehpc\/cluster:/,
      reading: "not-a-place",
      reason:
        "the kind of user directory (nis, ldap), the kind of cluster (PublicCloud) and a directory inside the NAS file system the volume ID names: no place (the LDAP domain is read on its own)",
    },
    {
      path: /^(inputFileUrl|postInstallScripts\[\]\.url)$/,
      types: /^alicloud:ehpc\/cluster:/,
      reading: "arn-locality",
      reason:
        "job files and post-install scripts the cluster downloads: arn-locality places an OSS or other cloud endpoint by its region; a download brings files in and sends none of the stack's data out",
    },
    {
      path: /^endpointId$/,
      types: /^alicloud:privatelink\/vpcEndpointServiceConnection:/,
      reading: "network-links",
      reason:
        "the consumer's interface endpoint the service accepts: it can only be one the service admits, whose regions network-links judges on the endpoint service (supportedRegionLists) and on the endpoint (serviceRegionId)",
    },
    {
      path: /^domainNameLists\[\]$/,
      types: /^alicloud:cloudfirewall\/privateDns:/,
      reading: "not-a-place",
      reason:
        "the domain names whose DNS queries the firewall's private DNS instance handles: names, not the servers the queries go to",
    },
    {
      path: /^domainName$/,
      types: /^alicloud:(cdn|dcdn|scdn)\/domainConfig:/,
      reading: "own-place",
      reason:
        "the account's own accelerated domain the function configures, judged on its domain resource (global-services)",
    },
    {
      path: /^domainName$/,
      types: /^alicloud:live\/caster:/,
      reading: "own-place",
      reason:
        "the account's own streaming domain (a live domain of the account) the studio plays on",
    },
    {
      path: /^urgentImageUrl$/,
      types: /^alicloud:live\/caster:/,
      reading: "not-a-place",
      reason:
        "a standby picture the studio downloads and shows when the live feed drops, as a MediaLive channel's slate image: a file it fetches, none of the studio's goes out",
    },
    {
      path: /^(phpConfigLocation|phpArmsConfigLocation)$/,
      types: /^alicloud:sae\/application:/,
      reading: "not-a-place",
      reason:
        "a file path inside the application's container where SAE mounts a PHP configuration file",
    },
    {
      path: /^domainList$/,
      types: /^alicloud:eds\/ecdPolicyGroup:/,
      reading: "not-a-place",
      reason:
        "the domain black- or whitelist that limits which sites the cloud desktops may browse: it restricts outbound access and sends nothing",
    },
    {
      path: /^authorizeAccessPolicyRules\[\]\.cidrIp$/,
      types: /^alicloud:eds\/ecdPolicyGroup:/,
      reading: "not-a-place",
      reason:
        "the client networks the directory's signed-in users may connect to the cloud desktops from: a rule only narrows who may connect (without one, they connect from anywhere) and opens nothing of the desktops",
    },
    // --- Names, passwords and enumerations whose name only looks like a place ---
    {
      path: /(^|\.)(account(Name|Password|Type|Description|Privilege|LockState|PasswordValidTime|Status|Auth)?|indepAccount|hostAccountNames?(\[\])?)$/,
      types: dbAccountModules,
      reading: "not-a-place",
      reason:
        "a database or service account of the instance itself (user name, password, privilege, type), not an Alibaba Cloud account",
    },
    {
      path: /^owner$/,
      types: /^alicloud:gpdb\/database:/,
      reading: "not-a-place",
      reason: "the database role that owns the database, inside the instance",
    },
    {
      path: /(^|\.)aliyunLang$/,
      reading: "not-a-place",
      reason: "the language of the service's messages (zh, en)",
    },
    {
      path: /(^|\.)(ipVersion|addressIpVersion|tailIpVersion|addressFamily|ipProtocol|ipType|serverType|serverGroupType|serverFailoverMode|hostGroupType|activeAddressType|securityIpType|dbProxyEndpointReadWriteMode|serverArch|hostClass|dedicatedHostType|domainScope|cidrReservationType|replicationAcl|backupMethod|backupStrategy|logBackupFrequency|listenerForward|serverSideEncryption|httpEndpoint|imageOwnerAlias|accountNumber|customAccountNumber|domainNumbers|domainCount|exclusiveIpPackage|extDomainPackage|httpToUserIp|memberAccountDisplayNameSyncStatus|resellAccountType|uriEncoding|useBodyEncodingForUri|protocolType\.sqlServer)$/,
      reading: "not-a-place",
      reason:
        "an enumeration, flag or count (IP version, protocol, server or endpoint type, backup method, encryption algorithm, edition size): it names no host, account or region",
    },
    {
      path: /(^|\.)addressType$/,
      types: /^alicloud:(ddos\/ddosCooInstance|dns\/ddosCooInstance|vpc\/ipv6Address):/,
      reading: "not-a-place",
      reason: "the IP version (Ipv4, Ipv6) or the kind of IPv6 address (address, prefix)",
    },
    {
      path: /(^|\.)(destinationPortRange|destPortRange|preferredBackupPeriods\[\]|backupPeriods\[\])$/,
      reading: "not-a-place",
      reason: "a port range or the weekdays of a backup window",
    },
    {
      path: /(^|\.)(imagePullPolicy|dnsPolicy|restartPolicy|tlsCipherPolicy|alpnPolicy|httpsPolicy|noDataPolicy|releasedKeepPolicy|archiveBackupKeepPolicy|excessCapacityTerminationPolicy|removalPolicies\[\]|scalingPolicy|allocationPolicy|hostReplacePolicy|retryPolicy|inventoryCleanupPolicy|destroyPolicy|outboundTrafficPolicy)$/,
      reading: "not-a-place",
      reason:
        "an enumerated behaviour named `…Policy` (pull, restart, TLS cipher, retention, scaling, removal, retry), not a policy document: it grants nothing to anyone",
    },
    {
      path: /(^|\.)(dbEndpointDescription|dbInstanceEndpointDescription|endpointConfig|serverGroupName|hostGroupName|hostShareKeyName|dedicatedHostName|dedicatedHostClusterName|dedicatedHostGroupDesc|endpointName|natIpName|natIpDescription|natIpCidrName|natIpCidrDescription|ipv6AddressName|ipv6AddressDescription|publicIpAddressPoolName|gatewayEndpointName|gatewayEndpointDescrption|transitRouterMulticastDomainName|transitRouterMulticastDomainDescription|transitRouterCidrName|globalIpGroupName|vswitchCidrReservationName|cidrReservationDescription|cidrReservationMask|webhookName|securityIpArrayName|securityIpGroupName|securityIpGroupAttribute|dbInstanceIpArrayName|dbInstanceIpArrayAttribute|dbClusterIpArrayName|dbClusterIpArrayAttribute|ipGroupName|ipGroupAttribute|shortUrlName|multiAccountDeliveryChannelName|accountAlias|accountNamePrefix|hostnamePrefix|hostnameSuffix|emailSubject|emailTitle|emailContent|emailRecoverTitle|emailRecoverContent|tenantRole)$/,
      reading: "not-a-place",
      reason:
        "a name, description, label or setting of the resource itself (a whitelist group's name, an endpoint's description or JSON settings, a mask length, an alias, a message template): the addresses or destinations sit in other properties",
    },
    {
      path: /(^|\.)(serverCert|serverKey|serverCertificate|consumerGroupPassword|domainPassword|domainUserName)$/,
      reading: "not-a-place",
      reason: "a certificate, key or credential the resource holds: it names no place",
    },
    {
      path: /(^|\.)(hostName|hostname|ecsHostName|computingServer)$/,
      types: /^alicloud:(bastionhost|cddc|ecs|ess|ens|eds|eflo|rds)\/|^alicloud:sae\/application:/,
      reading: "not-a-place",
      reason:
        "the host name the instance, node or desktop itself takes (or a host's display name in the bastion): it names no remote host",
    },
    {
      path: /(^|\.)(email|mobile|phone)$/,
      types: /^alicloud:(ram\/user|cloudsso\/user|eds\/user|bastionhost\/user):/,
      reading: "not-a-place",
      reason:
        "the contact address or mobile number of a user identity (its sign-in, verification codes and account notices), not a destination for stored data or alarms",
    },
    {
      path: /(^|\.)(countryCode|mobileCountryCode|companyAddress|companyEmail|companyPhone)$/,
      types: /^alicloud:(sslcertificatesservice\w*|bastionhost)\//,
      reading: "not-a-place",
      reason:
        "the subject or applicant details of a certificate (country code, company address, contact), or a phone country code: it names no place data is sent to",
    },
    {
      path: /(^|\.)replyAddress$|^domainName$/,
      types: /^alicloud:directmail\//,
      reading: "not-a-place",
      reason: "the sender domain or reply-to address of mail the account sends",
    },
    {
      path: /(^|\.)userClientIp$/,
      reading: "not-a-place",
      reason: "the IP address of the API caller, sent for the service's own logs",
    },
    {
      path: /^defaultDomainName$/,
      types: /^alicloud:governance\/account:/,
      reading: "not-a-place",
      reason: "the domain suffix of the RAM users' sign-in names",
    },
    // --- Domain names the resource serves (clients come to it; it sends nothing there) ---
    {
      path: /^(domainName|customDomainName|domain|playDomain|pushDomain)$|^rules\[\]\.domain$/,
      types:
        /^alicloud:(fc\/customDomain|fc\/v3CustomDomain|cr\/instanceCustomizedDomain|apig\/domain|slb\/domainExtension|slb\/rule|oss\/bucketCname|oss\/bucketCnameToken|sae\/ingress|videosurveillance\/systemGroup|waf\/certificate|waf\/protectionModule|sslcertificatesservicecertificate\/apply|sslcertificatesserviceinstance\/sslCertificatesServiceInstance|ecs\/ecsDeploymentSet):/,
      reading: "not-a-place",
      reason:
        "a domain name the resource serves or certifies (a custom domain, a listener's host, a certificate's subject): clients resolve it to the resource; it sends nothing there",
    },
    // --- IDs the API resolves in the provider's region and account ---
    {
      path: /(^|\.)(serverGroupId|albServerGroupId|masterSlaveServerGroupId|serverId|serverIds\[\]|backendServers|hostId|hostGroupId|hostAccountId|hostAccountIds\[\]|hostShareKeyId|dedicatedHostGroupId|dedicatedHostId|dedicatedHostClusterId|dbProxyEndpointId|dbInstanceEndpointId|gatewayEndpointId|publicIpAddressPoolId|transitRouterMulticastDomainId|trafficMirrorFilterId|trafficMirrorSourceIds\[\]|trafficMirrorTargetId|sslVpnServerId|peerVbrId|backupVswitchId|serverCertificateId|apiServerLoadbalancerId|hostInstanceId|consumerId|consumerGroupId|targetPrometheusId|sslVpnServerId)$/,
      reading: "own-place",
      reason:
        "the ID of a resource of the same service (server group, ECS instance, host, dedicated host, endpoint, backup, mirror filter or target, vSwitch, certificate), which the API resolves in the provider's region and account",
    },
    {
      path: /(^|\.)endpointType$/,
      types:
        /^alicloud:(polardb\/(endpoint|zonalEndpoint)|privatelink\/vpcEndpoint|message\/(serviceEndpoint|serviceEndpointAcl)|cr\/endpointAclPolicy|cr\/storageDomainRoutingRule|message\/serviceEventRule|rocketmq\/rocketMQInstance|ga\/basicEndpoint|ga\/basicEndpointGroup):/,
      reading: "not-a-place",
      reason:
        "the kind of endpoint (custom, interface, storage route, queue or HTTP target type, ENI or SLB backend): an enumeration, the destination itself sits in another property",
    },
    {
      path: /^(backupId|backupSetId)$/,
      types: /^alicloud:(gpdb\/instance|rds\/rdsCloneDbInstance|adb\/dBClusterLakeVersion):/,
      reading: "own-place",
      reason:
        "a backup of the source instance in the same region, which a new instance is restored or cloned from",
    },
    {
      path: /^endpointId$/,
      types: /^alicloud:(polardb\/applicationEndpoint|privatelink\/vpcEndpointZone):/,
      reading: "own-place",
      reason: "the ID of the account's own endpoint, resolved in the provider's region",
    },
    {
      path: /^(remoteDatabase|destColumns\[\]|destDatabase|destSchema|destTable)$/,
      types: /^alicloud:gpdb\/(remoteAdbDataSource|streamingJob):/,
      reading: "not-a-place",
      reason:
        "a database, schema, table or column name inside the instance (or in the same-region instance the ID names)",
    },
    // --- Addresses a resource takes in its own vSwitch ---
    {
      path: /(^|\.)(privateIpAddress|privateIp|privateIps\[\]|privateIpAddresses\[\]|primaryIpAddress|primaryIp|ipv6Addresses\[\]|ipv6Address|ipAddress|natIp|eniIp|privateIpv4Address|slbIp)$/,
      types:
        /^alicloud:(ecs\/(ecsNetworkInterface|ecsLaunchTemplate|launchTemplate|ecsInstanceSet)|vpc\/(networkInterface|hAVip|haVipv2|ipv6Address|natIp)|rds\/(custom|rdsCloneDbInstance|rdsUpgradeDbInstance)|gpdb\/instance|ens\/instance|privatelink\/vpcEndpointZone|gwlb\/loadBalancer|edas\/slbAttachment):/,
      reading: "own-place",
      reason:
        "an address the resource itself takes in its own vSwitch (a private, NAT or HaVip address, or the address of the account's own load balancer)",
    },
    {
      path: /^address$/,
      types: /^alicloud:slb\/applicationLoadBalancer:/,
      reading: "own-place",
      reason: "the private address the load balancer takes in its own vSwitch",
    },
    // --- The resource's own address space ---
    {
      path: /(^|\.)(cidrBlock|secondaryCidrBlock|vpcIpv6CidrBlock|ipv6CidrBlock|cidr|secondaryCidrBlocks\[\]|podCidr|serviceCidr|vpdCidr|cloudLinkCidr|subnetCidr|natIpCidr|cidrReservationCidr|vswitchCidr|firewallSubnetCidr|firewallVpcCidr|trAttachmentMasterCidr|trAttachmentSlaveCidr|instanceCidr)$/,
      types:
        /^alicloud:(vpc\/(subnet|ipv4CidrBlock|ipv6CidrBlock|ipamIpamPoolAllocation|ipamIpamPoolCidr|natIp|natIpCidr|vswitchCidrReservation|publicIpAddressPoolCidrBlock)|ens\/(network|vswitch)|eflo\/(subnet|vpd|cluster)|cs\/edgeKubernetes|cen\/transitRouterCidr|cloudconnect\/network|eds\/simpleOfficeSite|cloudfirewall\/(natFirewall|vpcCenTrFirewall)|apigateway\/instance|pvtz\/endpoint):/,
      reading: "not-a-place",
      reason:
        "the address space the resource itself owns or carves (a VPC, vSwitch, subnet, pod or service range, reservation, IP pool, a firewall's own subnet): no traffic is routed to or admitted from it by this value",
    },
    // --- Match conditions of filters and QoS rules (they select traffic, send none) ---
    {
      path: /(^|\.)(sourceCidrBlock|destinationCidrBlock|srcCidr|dstCidr|srcIpv6Cidr|dstIpv6Cidr|sourceCidr|destCidr)$/,
      types:
        /^alicloud:(vpc\/trafficMirrorFilter\w*|cen\/trafficMarkingPolicy|expressconnect\/trafficQosRule|sag\/qosPolicy|rocketmq\/qosPolicy):/,
      reading: "not-a-place",
      reason:
        "a match condition of a mirror filter or QoS rule: it selects which traffic is mirrored inside the VPC or marked for priority, and sends none anywhere",
    },
    // --- Headers, paths and labels of requests the resource sends to its own backends ---
    {
      path: /(^|\.)(healthCheckHost|healthCheckDomain|healthCheckUri|healthCheckUrl|httpGetUrl)$|(^|\.)healthCheckConfig\.httpHost$/,
      reading: "not-a-place",
      reason:
        "the Host header, domain or path of a health check the service sends to the resource's own backends (servers of its server groups, its containers): the backends are named elsewhere",
    },
    {
      path: /^(xForwardedForConfig\.xForwardedForClientSourceIpsTrusted|ruleActions\[\]\.rewriteConfig\.host)$/,
      types: /^alicloud:alb\/(listener|rule):/,
      reading: "not-a-place",
      reason:
        "the proxies trusted to set X-Forwarded-For, or the Host header rewritten before forwarding to the rule's own server group: neither is a destination",
    },
    {
      path: /^url$/,
      types: /^alicloud:slb\/rule:/,
      reading: "not-a-place",
      reason: "the URL path a forwarding rule matches",
    },
    {
      path: /^vpcTargetHostName$/,
      types: /^alicloud:apigateway\/vpcAccess:/,
      reading: "not-a-place",
      reason:
        "the Host header sent to the backend instance of the account's own VPC that the VPC access names by ID",
    },
    {
      path: /(^|\.)virtualHostName$/,
      types: /^alicloud:amqp\//,
      reading: "not-a-place",
      reason: "the name of a virtual host inside the RabbitMQ instance",
    },
    {
      path: /^host$/,
      types: /^alicloud:alikafka\/saslAcl:/,
      reading: "not-a-place",
      reason:
        "narrows a SASL user's grant to client hosts (usually `*`); the grant is the user's credential, and who may reach the instance is its allowed-IP list (alikafka/instanceAllowedIpAttachment, left unread)",
    },
    {
      path: /^groupIpAddress$/,
      types: /^alicloud:cen\/transitRouterMulticastDomain(Member|PeerMember|Source):/,
      reading: "not-a-place",
      reason:
        "the multicast group address a member, peer member or source of the account's own multicast domain joins (the peer member's far end is its peer domain, which network-links places)",
    },
    {
      path: /^deleteVpcIpBlock$/,
      types: /^alicloud:apigateway\/instance:/,
      reading: "not-a-place",
      reason: "a flag: whether to delete the VPC's IP block",
    },
    {
      path: /^sourceOwner$/,
      types: /^alicloud:cfg\/(rule|aggregateConfigRule):/,
      reading: "not-a-place",
      reason: "who owns the rule: ALIYUN (managed) or CUSTOM_FC",
    },
    {
      path: /^sourceIdentifier$/,
      types: /^alicloud:cfg\/(rule|aggregateConfigRule):/,
      reading: "arn-locality",
      reason:
        "a managed rule's name, or the ARN (acs:fc:…) of the function a custom rule sends the evaluated configuration to, which arn-locality places",
    },
    {
      path: /(^|\.)destination$/,
      types: /^alicloud:fc\/(functionAsyncInvokeConfig|v3AsyncInvokeConfig):/,
      reading: "arn-locality",
      reason:
        "the ARN (acs:fc:…, acs:mns:…) of the function, queue or topic the result of an asynchronous call is sent to, which arn-locality places",
    },
    {
      path: /^queryConfig\.entityDomain$|^groupAttribute\.externalName$|^bootstrapActions\[\]\.executionTarget$|^(domain|origin)$|^endpoints\[\]\.(endpoint|alternativeEndpoints)$/,
      types:
        /^alicloud:(cms\/alertRuleV2|sls\/machineGroup|emr\/cluster|pai\/workspaceModel|hologram\/instance):/,
      reading: "not-a-place",
      reason:
        "a label or enumeration of the resource itself: an alert rule's entity domain, a machine group's external name, a bootstrap action's host group, a model's problem domain and origin community (ModelScope, HuggingFace), the network types of the instance's own endpoints",
    },
    {
      path: /^(uid|subAccountUserId|userPrincipalName|principalName|principalType|principalId)$/,
      types:
        /^alicloud:(cs\/kubernetesPermission|servicemesh\/userPermission|ram\/accessKeyPolicy|resourcemanager\/policyAttachment|servicecatalog\/principalPortfolioAssociation):/,
      reading: "own-place",
      reason:
        "a RAM user, group or role of the account itself (its ID or principal name): RAM identities belong to the account that holds them",
    },
    {
      path: /^accountName$/,
      types: /^alicloud:directmail\/mailAddress:/,
      reading: "not-a-place",
      reason: "the sender address of mail the account sends",
    },
    {
      path: /^(emailAddress|email|phoneNumber|mobile)$/,
      types: /^alicloud:(resourcemanager\/messageContact|index\/mscSubContract):/,
      reading: "not-a-place",
      reason:
        "the address or phone of a person who receives the account's own billing, security and product notices, not a destination for stored data or alert payloads",
    },
    {
      path: /^notifyTemplates\[\]\.(smsContent|smsRecoverContent)$/,
      types: /^alicloud:arms\/dispatchRule:/,
      reading: "not-a-place",
      reason:
        "the text of the alert and recovery messages a dispatch rule texts, a template: who receives them is the contacts and robots its notify rules name by ID, whose numbers and webhooks log-shipping reads on arms/alertContact and arms/alertRobot",
    },
    {
      path: /^payerAccountId$/,
      types: /^alicloud:(resourcemanager|governance)\/account:/,
      reading: "not-a-place",
      reason: "the account that pays the member's bills: billing only, no access or data",
    },
    {
      path: /^accountId$/,
      types: /^alicloud:governance\/account:/,
      reading: "not-a-place",
      reason:
        "the member account the landing zone creates or enrolls: the resource itself, not a destination",
    },
    {
      path: /^webhookIds\[\]$/,
      types: /^alicloud:index\/mscSubSubscription:/,
      reading: "own-place",
      reason: "IDs of the account's own webhooks (index/mscSubWebhook, whose URL is left unread)",
    },
    {
      path: /^(namespaceUid|target|targets|localBackupDir|targetInfo|targetValue|ip|securityGroupProbeIpLists\[\]|proxyIp|serviceIpLists\[\]|policy|coverUrl)$/,
      types:
        /^alicloud:(schedulerx\/namespace|sddp\/rule|oos\/stateConfiguration|threatdetection\/(webLockConfig|vulWhitelist|maliciousFileWhitelistConfig|clientUserDefineRule|honeypotNode|honeypotProbe|backupPolicy)|vod\/editingProject):/,
      reading: "not-a-place",
      reason:
        "a scope, match value or local setting: a namespace's own ID, the service code a data-detection rule applies to, the target resources of a state configuration (IDs and tags in the region), a server's local backup directory, a whitelist's scope, an IP a detection rule matches, the honeypot's own probe and service addresses, a backup policy's source paths, a project's cover image URL",
    },
    {
      path: /^betaIps$/,
      types: /^alicloud:mse\/nacosConfig:/,
      reading: "not-a-place",
      reason:
        "narrows a beta configuration to the listed clients of the Nacos instance; who may reach the instance is decided by its network settings",
    },
    {
      path: /^rootPathPermission\.owner(Group|User)Id$/,
      types: /^alicloud:nas\/accessPoint:/,
      reading: "not-a-place",
      reason: "the POSIX user and group IDs that own the access point's root directory",
    },
    {
      path: /^natRouteEntryLists\[\]\.destinationCidr$/,
      types: /^alicloud:cloudfirewall\/natFirewall:/,
      reading: "not-a-place",
      reason:
        "the routes of the NAT gateway the firewall is inserted into: it filters traffic that already leaves through that NAT gateway (internet-egress judges the gateway) and adds no route",
    },
    {
      path: /^routes\[\]\.(instanceDomain|storageDomain)$/,
      types: /^alicloud:cr\/storageDomainRoutingRule:/,
      reading: "not-a-place",
      reason: "the registry instance's own domain and the storage domain it serves blobs from",
    },
    {
      path: /(^|\.)deadLetterTargetQueue$|(^|\.)deadLetterTargetTopic$/,
      types: /^alicloud:(message\/serviceQueue|rocketmq\/consumerGroup):/,
      reading: "own-place",
      reason: "a queue or topic of the same MNS account or RocketMQ instance, by name",
    },
    {
      path: /^(ipConfigs\[\]\.ip|clientIp|primaryVswitchIp|standbyVswitchIp)$/,
      types:
        /^alicloud:(pvtz\/endpoint|sag\/clientUser|rocketmq\/clientUser|cloudfirewall\/privateDns):/,
      reading: "own-place",
      reason:
        "an address the resource takes in its own vSwitch or client address pool (a resolver endpoint's IP, an SAG client's IP)",
    },
    {
      path: /(^|\.)mountTargetDomain$/,
      types: /^alicloud:(eds\/nasFileSystem|ehpc\/clusterV2):/,
      reading: "own-place",
      reason:
        "the mount target of a NAS file system, reachable only inside the VPC it is created in (the region's)",
    },
    {
      path: /^(domainIds\[\]|environmentInfo\.subDomains\[\]\.domainId)$/,
      types: /^alicloud:apig\/route:/,
      reading: "own-place",
      reason: "IDs of the gateway's own domains the route is served on",
    },
    {
      path: /^(nasConfig\.mountPoints\[\]\.serverAddr|nasConfigs\[\]\.mountDomain)$/,
      types: /^alicloud:(fc\/(service|v3Function)|sae\/application):/,
      reading: "own-place",
      reason: "a NAS mount target of the function's or application's own VPC",
    },
    {
      path: /^domainName$/,
      types: /^alicloud:vpc\/dhcpOptionsSet:/,
      reading: "not-a-place",
      reason:
        "the search domain handed to the VPC's instances (the DNS servers are another property)",
    },
    // --- Software pulled in: container images, registries, packages and templates by URL ---
    {
      path: /^(image|images\[\]|imageUrl|(containers|initContainers|desiredConfigurationContainers)\[\]\.image|customContainerConfig\.image)$/,
      types:
        /^alicloud:(eci\/(containerGroup|imageCache|openApiImageCache)|ess\/(eciScalingConfiguration|instanceRefresh)|eais\/instance|fc\/(function|v2Function)|sae\/application):/,
      reading: "arn-locality",
      reason:
        "the registry a container image is pulled from: arn-locality places a cloud registry's host (ACR) by its region; a pull brings software in and sends none of the stack's data out",
    },
    {
      path: /^(imageRegistryCredentials\[\]\.server|acrRegistryInfos\[\]\.domains\[\])$/,
      types:
        /^alicloud:(eci\/(containerGroup|imageCache|openApiImageCache)|ess\/eciScalingConfiguration):/,
      reading: "arn-locality",
      reason:
        "the registry the pull authenticates to (its own credentials, or an ACR Enterprise instance's domains): arn-locality places a cloud registry's host; the pull brings software in",
    },
    {
      path: /^(warUrl|packageUrl|wasmUrl|templateUrl|artifact\.jarArtifact\.jarUri|artifact\.pythonArtifact\.pythonArtifactUri)$/,
      types:
        /^alicloud:(edas\/(application|applicationDeployment)|sae\/application|apig\/pluginClass|ros\/(stackGroup|template)|servicecatalog\/productVersion|realtimecompute\/deployment):/,
      reading: "arn-locality",
      reason:
        "where a package, plugin, job artifact or template is downloaded from: arn-locality places an OSS or other cloud endpoint by its region; a download brings code in and sends none of the stack's data out (what a template then creates is judged where it is deployed)",
    },
    {
      path: /^(dnsConfig\.nameServers\[\]|hostAliases\[\]\.(ip|hostnames\[\])|volumes\[\]\.nfsVolumeServer|customDns\.nameServers\[\])$/,
      types: /^alicloud:(eci\/containerGroup|ess\/eciScalingConfiguration|fc\/v2Function):/,
      reading: "internet-egress",
      reason:
        "DNS servers, host aliases and NFS servers the containers or the function reach as egress of their VPC: a public address only through the VPC's internet edge (NAT gateway, EIP, the service's internet access), which internet-egress and egress-rules judge, another region only through links network-links judges",
    },
    {
      path: /^volumes\[\]\.hostPathVolume(Path|Type)$/,
      types: /^alicloud:ess\/eciScalingConfiguration:/,
      reading: "not-a-place",
      reason: "a directory of the host the container group runs on, and its type",
    },
    // --- Code and image buckets that the API requires in the same region (data comes in) ---
    {
      path: /^(ossBucket|ossBucketName|code\.ossBucketName)$/,
      types: /^alicloud:fc\/(function|v2Function|v3Function|layerVersion|v3LayerVersion):/,
      reading: "own-place",
      reason:
        "the bucket the function or layer code is read from, which must lie in the function's region (SDK doc of fc/function); code comes in, nothing goes out",
    },
    {
      path: /^diskDeviceMappings\[\]\.(importOssBucket|ossBucket)$/,
      types: /^alicloud:ecs\/(image|imageImport):/,
      reading: "own-place",
      reason:
        "the bucket a disk image is imported from: ImportImage reads objects of a bucket in the image's region, and data comes in",
    },
    {
      path: /^bucketName$/,
      types: /^alicloud:ens\/bucketLifecycle:/,
      reading: "own-place",
      reason: "the ENS bucket the lifecycle rule applies to, the account's own",
    },
    // --- Policy documents read elsewhere ---
    {
      path: /^(policyDocument|policy|accessKeyPolicy|assumeRoleExtraPolicy)$/,
      types:
        /^alicloud:(ram\/policy|maxcompute\/role|resourcemanager\/(policy|policyVersion|controlPolicy)|ecs\/ramRoleAttachment|ram\/accessKeyPolicy|index\/openApiExplorerApiMcpServer|vpc\/gatewayEndpoint):/,
      reading: "arn-locality",
      reason:
        "an identity policy (no principal), a control policy, an access-key network restriction or a gateway endpoint policy (which can only narrow the endpoint's default full access): the resources they name are ARNs (acs:…), which arn-locality places in every resource's props, policy documents included",
    },
    {
      path: /^policies\[\]$/,
      types: /^alicloud:kms\/applicationAccessPoint:/,
      reading: "own-place",
      reason: "the names of the KMS instance's own network and permission policies",
    },
    // --- Exposure-named settings that open nothing to the internet or to anyone ---
    // The ones that do (public endpoints and whitelists, public bandwidth that allocates an
    // address, anonymous API or function access, a public layer, internet access of functions
    // and cloud desktops) are left unread: their types fail closed until public-exposure or
    // egress reads them.
    {
      path: /^internetMaxBandwidthIn$/,
      types: /^alicloud:(ecs\/(ecsLaunchTemplate|launchTemplate)|ess\/scalingConfiguration):/,
      reading: "not-a-place",
      reason:
        "caps inbound bandwidth on a public address; an instance gets one only when internetMaxBandwidthOut is above 0, which is read on its own",
    },
    {
      path: /^internetSwitch$/,
      types: /^alicloud:cloudfirewall\/policyAdvancedConfig:/,
      reading: "not-a-place",
      reason:
        "the strict mode of the internet border firewall's access control (on: traffic no rule allows is denied): it only restricts; the public addresses it filters are judged where they are created",
    },
    {
      path: /^(authConf\.authType|origins\[\]\.authConf\.authType)$/,
      types: /^alicloud:esa\/(originPool|record):/,
      reading: "not-a-place",
      reason:
        "how the edge authenticates to an OSS or S3 origin it fetches from (public, private or cross-account signing): it opens nothing to callers; the origin's address is a place-naming input of its own",
    },
    {
      path: /^(ruleActions\[\]\.corsConfig\.allowOrigins\[\]|corsRules\[\]\.allowedOrigins\[\])$/,
      types: /^alicloud:(alb\/rule|oss\/bucketCors):/,
      reading: "not-a-place",
      reason:
        "CORS allowed origins name the web pages whose scripts a browser lets read the responses: they grant no access (the caller still needs the object's ACL, a signature or the listener's own rules) and send nothing anywhere — data reaches only the browser that asked",
    },
    {
      path: /^(ruleActions\[\]\.redirectConfig\.host|targetUrl|sourceUrl|rules\[\]\.fixedResponse\.location)$/,
      types: /^alicloud:(alb\/rule|esa\/(redirectRule|loadBalancer)|sms\/shortUrl):/,
      reading: "not-a-place",
      reason:
        "a redirect answers the client with another URL: the load balancer or edge sends none of the stack's data there, and what the client then sends is its own request",
    },
    {
      path: /^(issuerUrl|samlIdentityProviderConfiguration\.loginUrl|samlServiceProvider\.acsUrl|authParameters\.oauthParameters\.authorizationEndpoint)$/,
      types: /^alicloud:(ims\/oidcProvider|cloudsso\/directory|eventbridge\/connection):/,
      reading: "not-a-place",
      reason:
        "names the identity provider whose tokens are accepted, or that issues the token a connection calls with (issuer, SAML sign-in and assertion consumer URLs, OAuth token endpoint): the service sends it only the credentials and codes the provider itself issued, never data of the stack",
    },
    {
      path: /^steeringPolicy$/,
      types: /^alicloud:esa\/loadBalancer:/,
      reading: "not-a-place",
      reason:
        "how the load balancer spreads requests among the site's origin pools (order, weight, client region); the pools' addresses are esa/originPool's, read by log-shipping",
    },
    {
      path: /^(ipAccessRule|rules\[\]\.clientIpPassThroughMode)$/,
      types: /^alicloud:esa\/transportLayerApplication:/,
      reading: "not-a-place",
      reason:
        "whether the edge filters clients by IP and how it passes the client's address to the origin (on, off, a PROXY protocol version)",
    },
    {
      path: /^aclEntrys\[\]\.aclEntryIp$/,
      types: /^alicloud:apigateway\/accessControlList:/,
      reading: "not-a-place",
      reason:
        "an address or block the API Gateway instance's access-control list admits or refuses callers from: it only filters calls to a gateway whose own exposure is judged where it is created, and sends nothing there",
    },
    {
      path: /^bucket$/,
      types: /^alicloud:oss\/bucketCors:/,
      reading: "own-place",
      reason: "the bucket the CORS rules apply to, the account's own",
    },
    {
      path: /^(authParameters\.authorizationType|sourceRocketmqParameters\.authType)$/,
      types: /^alicloud:eventbridge\/(connection|eventSourceV2):/,
      reading: "not-a-place",
      reason:
        "how EventBridge authenticates to the system it calls or reads from (API key, basic auth, OAuth, RocketMQ ACL): it opens nothing to callers; the system's address is a place-naming input of its own",
    },
  ],
  types: [
    // --- Edge and global services (reviewFirst): settings that open no path of their own ---
    {
      class: "regional",
      reason:
        "its only destinations are the function and role ARNs of the CDN event trigger, which arn-locality places",
      types: ["alicloud:cdn/fcTrigger:FcTrigger"],
    },
    {
      class: "inert",
      reason:
        "a WAF protection setting of DCDN domains (policy, rule, the domains it applies to, their IP match lists): it filters requests at the edge and opens no path; where the domains serve is their scope, judged by global-services on dcdn/domain",
      types: [
        "alicloud:dcdn/wafDomain:WafDomain",
        "alicloud:dcdn/wafPolicy:WafPolicy",
        "alicloud:dcdn/wafPolicyDomainAttachment:WafPolicyDomainAttachment",
        "alicloud:dcdn/wafRule:WafRule",
      ],
    },
    {
      class: "inert",
      reason:
        "a request-handling setting of an ESA site (cache key, compression, headers, HTTPS, certificates, rewrites within the site, WAF rules and lists, waiting rooms, preloading of the site's own URLs, route optimisation, origin IP convergence): it copies nothing beyond what the site already serves, and where the site serves and caches is its coverage, judged by global-services on esa/site",
      types: [
        "alicloud:esa/cacheRule:CacheRule",
        "alicloud:esa/clientCaCertificate:ClientCaCertificate",
        "alicloud:esa/clientCertificate:ClientCertificate",
        "alicloud:esa/compressionRule:CompressionRule",
        "alicloud:esa/customResponseCodeRule:CustomResponseCodeRule",
        "alicloud:esa/customScenePolicy:CustomScenePolicy",
        "alicloud:esa/httpIncomingRequestHeaderModificationRule:HttpIncomingRequestHeaderModificationRule",
        "alicloud:esa/httpIncomingResponseHeaderModificationRule:HttpIncomingResponseHeaderModificationRule",
        "alicloud:esa/httpRequestHeaderModificationRule:HttpRequestHeaderModificationRule",
        "alicloud:esa/httpResponseHeaderModificationRule:HttpResponseHeaderModificationRule",
        "alicloud:esa/httpsApplicationConfiguration:HttpsApplicationConfiguration",
        "alicloud:esa/httpsBasicConfiguration:HttpsBasicConfiguration",
        "alicloud:esa/imageTransform:ImageTransform",
        "alicloud:esa/list:List",
        "alicloud:esa/networkOptimization:NetworkOptimization",
        "alicloud:esa/originCaCertificate:OriginCaCertificate",
        "alicloud:esa/originClientCertificate:OriginClientCertificate",
        "alicloud:esa/originProtection:OriginProtection",
        "alicloud:esa/page:Page",
        "alicloud:esa/rewriteUrlRule:RewriteUrlRule",
        "alicloud:esa/scheduledPreloadExecution:ScheduledPreloadExecution",
        "alicloud:esa/scheduledPreloadJob:ScheduledPreloadJob",
        "alicloud:esa/siteOriginClientCertificate:SiteOriginClientCertificate",
        "alicloud:esa/urlObservation:UrlObservation",
        "alicloud:esa/version:Version",
        "alicloud:esa/videoProcessing:VideoProcessing",
        "alicloud:esa/wafRule:WafRule",
        "alicloud:esa/wafRuleset:WafRuleset",
        "alicloud:esa/waitingRoom:WaitingRoom",
        "alicloud:esa/waitingRoomEvent:WaitingRoomEvent",
        "alicloud:esa/waitingRoomRule:WaitingRoomRule",
      ],
    },
    {
      class: "inert",
      reason:
        "a redirect rule, certificate or load balancer of an ESA site: a redirect answers clients with another URL and sends none of the site's data there; a certificate names the site's own host names (and the region Certificate Management Service keeps it in, which arn-locality places); a load balancer spreads requests among the site's origin pools, whose addresses log-shipping reads on esa/originPool; where the site serves is its coverage, judged by global-services on esa/site",
      types: [
        "alicloud:esa/certificate:Certificate",
        "alicloud:esa/loadBalancer:LoadBalancer",
        "alicloud:esa/redirectRule:RedirectRule",
      ],
    },
    {
      class: "exception",
      reason:
        "a user of the DMS or Quick BI console, named by a UID: an identity, like a RAM user or an AWS IAM role, holds no data and is no place; what it can read through the service is the stack's databases and datasets, whose whitelists and public endpoints public-exposure judges (a UID cannot be told from another account's, so cross-account-links cannot read it)",
      types: ["alicloud:dms/enterpriseUser:EnterpriseUser", "alicloud:quickbi/user:User"],
    },
    {
      class: "exception",
      reason:
        "a remediation of an account group's config rule runs an OOS template on the member accounts' resources, in their own regions, with the same regional API calls as cfg/remediation (regional); which accounts are members is read on cfg/aggregator by cross-account-links",
      types: [
        "alicloud:cfg/aggregateRemediation:AggregateRemediation",
        "alicloud:configaggregate/remediation:Remediation",
      ],
    },
    {
      class: "exception",
      reason:
        "a content-moderation scan of OSS buckets: Aligreen reads the named buckets' objects where they are, in the provider's region, and reports in the account's console; the buckets are placed by resource-placement where they are created, and the task copies nothing out",
      types: ["alicloud:aligreen/ossStockTask:OssStockTask"],
    },
    {
      class: "exception",
      reason:
        "a synthetic monitoring task: probes in the ISP cities it names, possibly abroad, request the address or URL it monitors and record reachability and timings in CloudMonitor or ARMS of the stack's region; they read only what that address already answers on the internet, whose exposure public-exposure and internet-egress judge where it is created, and send it only the probe's own request",
      types: ["alicloud:arms/syntheticTask:SyntheticTask", "alicloud:cms/siteMonitor:SiteMonitor"],
    },
    {
      class: "exception",
      reason:
        "an endpoint of a basic accelerator: an instance, ENI or load balancer named by ID, and a private address of it, all in the endpoint group's region, which the flow model of ga/basicEndpointGroup reads (network-links)",
      types: ["alicloud:ga/basicEndpoint:BasicEndpoint"],
    },
    {
      class: "regional",
      reason:
        "ESA cache reserve: cached copies are kept in the region crRegion names, which arn-locality places",
      types: ["alicloud:esa/cacheReserveInstance:CacheReserveInstance"],
    },
    {
      class: "inert",
      reason:
        "a part of an accelerator that adds no region or backend: access-control lists and their bindings, certificates and domains of listeners, a listener's ports, a spare IP, an accelerate IP of an IP set, the binding of a bandwidth package; the acceleration areas and endpoint regions are read by the flow models of ga/ipSet, ga/basicIpSet, ga/endpointGroup, ga/basicEndpointGroup, ga/customRoutingEndpointGroup and ga/bandwidthPackage",
      types: [
        "alicloud:ga/acceleratorSpareIpAttachment:AcceleratorSpareIpAttachment",
        "alicloud:ga/acl:Acl",
        "alicloud:ga/aclAttachment:AclAttachment",
        "alicloud:ga/aclEntryAttachment:AclEntryAttachment",
        "alicloud:ga/additionalCertificate:AdditionalCertificate",
        "alicloud:ga/bandwidthPackageAttachment:BandwidthPackageAttachment",
        "alicloud:ga/basicAccelerateIp:BasicAccelerateIp",
        "alicloud:ga/customRoutingEndpointGroupDestination:CustomRoutingEndpointGroupDestination",
        "alicloud:ga/domain:Domain",
        "alicloud:ga/listener:Listener",
      ],
    },
    {
      class: "exception",
      reason:
        "forwards only to the accelerator's own endpoint groups, or admits traffic to addresses of a custom-routing group's vSwitches: the region those lie in is the group's endpointGroupRegion, which the flow models of ga/endpointGroup and ga/customRoutingEndpointGroup read (global-services)",
      types: [
        "alicloud:ga/customRoutingEndpoint:CustomRoutingEndpoint",
        "alicloud:ga/customRoutingEndpointTrafficPolicy:CustomRoutingEndpointTrafficPolicy",
        "alicloud:ga/forwardingRule:ForwardingRule",
      ],
    },
    {
      class: "inert",
      reason:
        "a part of Alibaba Cloud DNS that holds no record values: a zone, its group, the DNS edition it is bound to, a client line defined by source addresses, a GTM instance, its access strategy and health checks (the answers are the records and address pools, dns/alidnsRecord, dns/record and dns/addressPool, whose values log-shipping reads)",
      types: [
        "alicloud:dns/accessStrategy:AccessStrategy",
        "alicloud:dns/alidnsDomain:AlidnsDomain",
        "alicloud:dns/alidnsDomainAttachment:AlidnsDomainAttachment",
        "alicloud:dns/alidnsInstance:AlidnsInstance",
        "alicloud:dns/customLine:CustomLine",
        "alicloud:dns/dnsDomain:DnsDomain",
        "alicloud:dns/domain:Domain",
        "alicloud:dns/domainAttachment:DomainAttachment",
        "alicloud:dns/domainGroup:DomainGroup",
        "alicloud:dns/group:Group",
        "alicloud:dns/gtmInstance:GtmInstance",
        "alicloud:dns/instance:Instance",
        "alicloud:dns/monitorConfig:MonitorConfig",
      ],
    },
    {
      class: "inert",
      reason:
        "a part of Cloud GTM that holds no address: an instance's scheduling settings, a health-check template, a pool (its addresses are alidnscloudgtmaddress/alidnsCloudGtmAddress's, which log-shipping reads)",
      types: [
        "alicloud:alidnscloudgtm/instanceConfig:InstanceConfig",
        "alicloud:alidnscloudgtm/monitorTemplate:MonitorTemplate",
        "alicloud:alidnscloudgtmaddress/pool:Pool",
      ],
    },
    {
      class: "regional",
      reason:
        "Anti-DDoS Origin protects the account's own public IPs at the region's network edge without proxying traffic elsewhere; its thresholds, policies and protected IPs (of the account or a member of its resource directory) add no destination",
      types: [
        "alicloud:ddos/basicDefenseThreshold:BasicDefenseThreshold",
        "alicloud:ddos/basicThreshold:BasicThreshold",
        "alicloud:ddos/bgpIp:BgpIp",
        "alicloud:ddos/bgpPolicy:BgpPolicy",
        "alicloud:ddos/ddosBgpInstance:DdosBgpInstance",
        "alicloud:dns/ddosBgpInstance:DdosBgpInstance",
      ],
    },
    {
      class: "inert",
      reason:
        "an access or CC rule of an Anti-DDoS Pro/Premium website: it filters requests and adds no destination (the origins are ddos/domainResource's, which log-shipping reads)",
      types: [
        "alicloud:ddos/cooDomainPreciseAccessRule:CooDomainPreciseAccessRule",
        "alicloud:ddos/cooWebCcRule:CooWebCcRule",
      ],
    },
    {
      class: "inert",
      reason:
        "turns on ESA's edge KV storage for the account: it holds no data (the namespaces and keys, esa/kvNamespace and esa/kv, are judged by global-services)",
      types: ["alicloud:esa/kvAccount:KvAccount"],
    },
    {
      class: "inert",
      reason:
        "binds an accelerate IP to a basic endpoint: the endpoint is ga/basicEndpoint's, in the region of its endpoint group",
      types: ["alicloud:ga/basicAccelerateIpEndpointRelation:BasicAccelerateIpEndpointRelation"],
    },
    // --- Other services ---
    {
      class: "exception",
      reason:
        "IP-type backends of a load balancer are private addresses reached through the VPC's own routes; a route from there to another region or site is a link that network-links and remote-sites judge (CEN, VPN, Express Connect, peering are flow-modelled), and the internet edge is internet-egress's",
      types: [
        "alicloud:alb/serverGroup:ServerGroup",
        "alicloud:ens/loadBalancer:LoadBalancer",
        "alicloud:gwlb/serverGroup:ServerGroup",
        "alicloud:nlb/serverGroupServerAttachment:ServerGroupServerAttachment",
        "alicloud:slb/backendServer:BackendServer",
      ],
    },
    {
      class: "exception",
      reason:
        "the BGP peer is the on-premises router at the far end of the account's own virtual border router: it exchanges routes only, and the site that link reaches is judged by remote-sites on the Express Connect resources",
      types: ["alicloud:vpc/bgpPeer:BgpPeer"],
    },
    {
      class: "exception",
      reason:
        "private source addresses allowed to call the KMS instance: which networks can reach it is its bindVpcs, read by the flow model of kms/instance",
      types: ["alicloud:kms/networkRule:NetworkRule"],
    },
    {
      class: "inert",
      reason:
        "a setting of one bucket (access monitoring, archive direct read, a custom domain and its token, redundancy within the region, HTTPS, metadata index, WORM, referer list, requester pays, response headers, image styles, log fields, forbid-overwrite rules and the principals exempt from them): it holds no data and opens no path, and OSS applies it only through the endpoint of the bucket's own region",
      types: [
        "alicloud:oss/bucketAccessMonitor:BucketAccessMonitor",
        "alicloud:oss/bucketArchiveDirectRead:BucketArchiveDirectRead",
        "alicloud:oss/bucketCname:BucketCname",
        "alicloud:oss/bucketCnameToken:BucketCnameToken",
        "alicloud:oss/bucketDataRedundancyTransition:BucketDataRedundancyTransition",
        "alicloud:oss/bucketHttpsConfig:BucketHttpsConfig",
        "alicloud:oss/bucketMetaQuery:BucketMetaQuery",
        "alicloud:oss/bucketObjectWormConfiguration:BucketObjectWormConfiguration",
        "alicloud:oss/bucketOverwriteConfig:BucketOverwriteConfig",
        "alicloud:oss/bucketReferer:BucketReferer",
        "alicloud:oss/bucketRequestPayment:BucketRequestPayment",
        "alicloud:oss/bucketResponseHeader:BucketResponseHeader",
        "alicloud:oss/bucketStyle:BucketStyle",
        "alicloud:oss/bucketUserDefinedLogFields:BucketUserDefinedLogFields",
        "alicloud:oss/bucketWorm:BucketWorm",
      ],
    },
    {
      class: "inert",
      reason:
        "a guardrail or grouping of the resource directory (a control policy or tag policy attached to a folder or member, an auto-grouping rule of resource groups): it only restricts or labels, grants nothing and moves no data",
      types: [
        "alicloud:resourcemanager/autoGroupingRule:AutoGroupingRule",
        "alicloud:resourcemanager/controlPolicyAttachment:ControlPolicyAttachment",
        "alicloud:tag/policyAttachment:PolicyAttachment",
      ],
    },
    {
      class: "inert",
      reason:
        "an ACL or QoS policy of Smart Access Gateway traffic: containers and match conditions that filter or prioritise, and send nothing anywhere",
      types: [
        "alicloud:sag/acl:Acl",
        "alicloud:sag/aclRule:AclRule",
        "alicloud:sag/qos:Qos",
        "alicloud:sag/qosCar:QosCar",
        "alicloud:sag/qosPolicy:QosPolicy",
      ],
    },
    {
      class: "exception",
      reason:
        "address translation on a Smart Access Gateway device at a branch: it moves nothing beyond the branch's own link into the Cloud Connect Network, which remote-sites judges on cloudconnect/networkAttachment (always a finding: the branch cannot be placed)",
      types: [
        "alicloud:rocketmq/dnatEntry:DnatEntry",
        "alicloud:rocketmq/snatEntry:SnatEntry",
        "alicloud:sag/dnatEntry:DnatEntry",
        "alicloud:sag/snatEntry:SnatEntry",
      ],
    },
    {
      class: "inert",
      reason:
        "a Cloud Connect Network and its address space: it joins nothing by itself; the branch sites joined are cloudconnect/networkAttachment's (remote-sites) and the CEN it is granted to cloudconnect/networkGrant's (network-links)",
      types: ["alicloud:cloudconnect/network:Network"],
    },
    {
      class: "exception",
      reason:
        "a route published to or learned from the links of the account's own CEN and border routers (a VPC route published to CEN, a transit-router route to one of its attachments, an aggregate advertised to peers, a VPC block advertised over BGP): where the traffic goes is the far end of those attachments and links, which network-links and remote-sites judge (CEN attachments and peerings, VPN and Express Connect are flow-modelled)",
      types: [
        "alicloud:cen/childInstanceRouteEntryToAttachment:ChildInstanceRouteEntryToAttachment",
        "alicloud:cen/routeEntry:RouteEntry",
        "alicloud:cen/transitRouteTableAggregation:TransitRouteTableAggregation",
        "alicloud:vpc/bgpNetwork:BgpNetwork",
      ],
    },
    {
      class: "inert",
      reason:
        "applies a quota template to member accounts of the resource directory: quotas only, no access and no data",
      types: ["alicloud:quotas/templateApplications:TemplateApplications"],
    },
    {
      class: "inert",
      reason:
        "a setting (ACL engine mode, IPS) of the VPC firewall of the member account named: it filters traffic and sends none",
      types: [
        "alicloud:cloudfirewall/vpcFirewallAclEngineMode:VpcFirewallAclEngineMode",
        "alicloud:cloudfirewall/vpcFirewallIpsConfig:VpcFirewallIpsConfig",
      ],
    },
    {
      class: "inert",
      reason:
        "a WAF 3.0 address book, protection rule or template: lists and match conditions (client addresses, URLs, rate-limit keys, gray-release targets) that filter requests; the origins are wafv3/domain's, which log-shipping reads",
      types: [
        "alicloud:wafv3/addressBook:AddressBook",
        "alicloud:wafv3/defenseRule:DefenseRule",
        "alicloud:wafv3/defenseTemplate:DefenseTemplate",
      ],
    },
  ],
  reviewFirst: [
    {
      prefix: "alicloud:cdn/",
      reason: "CDN caches and serves content from points of presence chosen by scope, worldwide",
    },
    { prefix: "alicloud:dcdn/", reason: "DCDN accelerates and caches at edge nodes worldwide" },
    {
      prefix: "alicloud:scdn/",
      reason: "Secure CDN serves from edge nodes and fetches from origins",
    },
    {
      prefix: "alicloud:esa/",
      reason:
        "ESA (Edge Security Acceleration) serves, caches, stores and runs code at edge nodes worldwide",
    },
    {
      prefix: "alicloud:ga/",
      reason: "Global Accelerator carries traffic between acceleration areas and endpoint regions",
    },
    {
      prefix: "alicloud:eipanycast/",
      reason: "an anycast EIP is announced from points of presence outside the region",
    },
    {
      prefix: "alicloud:dns/",
      reason:
        "Alibaba Cloud DNS public zones and GTM answer worldwide and steer clients to the hosts their records name",
    },
    {
      prefix: "alicloud:alidnscloudgtm/",
      reason: "Cloud GTM steers clients worldwide to the address pools it names",
    },
    {
      prefix: "alicloud:alidnscloudgtmaddress/",
      reason: "Cloud GTM address pools name the hosts clients are steered to",
    },
    {
      prefix: "alicloud:sag/",
      reason:
        "Smart Access Gateway connects branch sites and app clients, wherever they are, over the internet into a Cloud Connect Network",
    },
    {
      prefix: "alicloud:cloudconnect/",
      reason:
        "a Cloud Connect Network joins Smart Access Gateway branch sites, wherever they are, to CEN",
    },
    {
      prefix: "alicloud:ecs/ecsLaunchTemplate:EcsLaunchTemplate",
      reason:
        "internetMaxBandwidthOut gives instances launched from it public IPs (internet egress), which no check reads on this type",
    },
    {
      prefix: "alicloud:ecs/launchTemplate:LaunchTemplate",
      reason:
        "internetMaxBandwidthOut gives instances launched from it public IPs (internet egress), which no check reads on this type",
    },
    {
      prefix: "alicloud:ess/scalingConfiguration:ScalingConfiguration",
      reason:
        "internetMaxBandwidthOut gives the instances it scales out public IPs (internet egress), which no check reads on this type",
    },
    {
      prefix: "alicloud:ddos/",
      reason:
        "Anti-DDoS Pro/Premium proxies traffic through scrubbing centres (Premium's outside the mainland) to the origins it names",
    },
  ],
};
