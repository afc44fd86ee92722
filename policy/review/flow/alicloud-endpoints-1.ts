import type { PropertyReview } from "../model";

/** Alibaba Cloud flow-modelled types' "endpoint" inputs no flow field reads: the load balancer's, CDN's, CEN's, DNS's, cluster's, firewall's and DTS/DBS jobs' names, enumerations and own addresses, and two whitelists public-exposure reads. */
export const readings: readonly PropertyReview[] = [
  // --- Enumerations, switches and statuses ---
  {
    path: /^(addressAllocatedMode|ipStack|domainResolveType|certificateConfig\.serverCertificateStatus|zoneMappings\[\]\.loadBalancerAddresses\[\]\.(intranetAddressHcStatus|ipv6AddressHcStatus))$/,
    types:
      /^alicloud:(alb\/loadBalancer|cs\/managedKubernetes|cloudfirewall\/controlPolicy|cdn\/(domain|domainNew)):/,
    reading: "not-a-place",
    reason:
      "an enumeration, switch or status: how the load balancer's addresses are assigned (Fixed, Dynamic) and the health-check status of each, the cluster's IP family (ipv4, dual), how a firewall rule resolves domain names (FQDN, DNS), whether the domain's HTTPS certificate is on: it names no host, account or region",
  },
  // --- Addresses a load balancer takes in its own zones ---
  {
    path: /^zoneMappings\[\]\.(address|intranetAddress|ipv6Address|loadBalancerAddresses\[\]\.(address|intranetAddress|ipv6Address|ipv4LocalAddresses\[\]|ipv6LocalAddresses\[\]))$/,
    types: /^alicloud:alb\/loadBalancer:/,
    reading: "own-place",
    reason:
      "an address the load balancer itself takes in a zone of its own region: its private IPv4 address in the zone's vSwitch, its IPv6 address, the IPv4 address its addressType gives it (which public-exposure reads), or the local addresses it talks to its own backends from",
  },
  // --- IP whitelists public-exposure reads through the type's reader ---
  {
    path: /^(ipWhite|dbClusterAccessWhiteLists\[\]\.securityIpList)$/,
    types: /^alicloud:(cassandra\/cluster|clickhouse\/dbCluster):/,
    reading: "public-exposure",
    reason:
      "the IP whitelist of who may connect to the cluster: public-exposure judges every entry, whether or not the public endpoint is on, and fails a public range that is not in the allowlist (the type's row in paths/types/exposure.ts reads it with whitelistedEndpoint of paths/types/exposure-readers.ts)",
  },
  // --- Domains an edge service serves (viewers come to it; it sends nothing there) ---
  {
    path: /^(domainName|domain|topLevelDomain)$/,
    types: /^alicloud:(cdn\/(domain|domainNew)|dcdn\/(domain|ipaDomain)|ddos\/domainResource):/,
    reading: "not-a-place",
    reason:
      "the domain name the CDN, DCDN or Anti-DDoS service accelerates or protects (or the top-level domain it belongs to): viewers resolve it to the service's nodes, which serve it; it sends nothing there (the origins are sources[] and realServers[], which remote-sites and log-shipping read)",
  },
  {
    path: /^(checkUrl|blockIps\[\])$/,
    types: /^alicloud:(cdn\/(domain|domainNew)|dcdn\/domain):/,
    reading: "not-a-place",
    reason:
      "the URL the edge nodes' health probes request from the domain's origins, or the client addresses it refuses: a probe carries none of the content and a blacklist only filters viewers (the origins are sources[], which remote-sites reads)",
  },
  {
    path: /^page404Config\.customPageUrl$/,
    types: /^alicloud:cdn\/domain:/,
    reading: "not-a-place",
    reason:
      "the error page viewers are redirected to when the origin answers 404: the viewer's browser fetches it, and no content of the origin or the cache is sent there",
  },
  {
    path: /^domain$/,
    types: /^alicloud:cdn\/realTimeLogDelivery:/,
    reading: "own-place",
    reason:
      "the account's own accelerated domains whose logs are delivered; where they go is slsRegion (with project and logstore), which log-shipping reads",
  },
  // --- CEN: a host VPC and a cloud service in the region another field names ---
  {
    path: /^(hostVpcId|host)$/,
    types: /^alicloud:cen\/(privateZone|routeService):/,
    reading: "not-a-place",
    reason:
      "the VPC that hosts the PrivateZone or the cloud service, and the address of that Alibaba Cloud service reached through it: both lie in hostRegionId, which network-links reads (with accessRegionId), and add no place of their own",
  },
  {
    path: /^healthCheckSourceIp$/,
    types: /^alicloud:cen\/vbrHealthCheck:/,
    reading: "not-a-place",
    reason:
      "the address the CEN's health probes of the border router are sent from (an idle address on the CEN side); the probes' target is healthCheckTargetIp",
  },
  // --- Cloud Firewall ---
  {
    path: /^sourceIp$/,
    types: /^alicloud:cloudfirewall\/controlPolicy:/,
    reading: "not-a-place",
    reason:
      "the IP address of the API caller, sent for the service's own logs; the rule's own addresses are source and destination",
  },
  {
    path: /^((localVpc|peerVpc)\.eniPrivateIpAddress|localVpc\.eniLists\[\]\.eniPrivateIpAddress)$/,
    types: /^alicloud:cloudfirewall\/(firewallVpcFirewall|firewallVpcFirewallCen):/,
    reading: "not-a-place",
    reason:
      "the private address of the network interface the firewall itself places in a VPC of the link it guards: the firewall's own interface, not a destination (the VPCs' regions are localVpc.regionNo and peerVpc.regionNo, or vpcRegion for a CEN link, which network-links reads; arn-locality places every region value)",
  },
  // --- Monitoring and DNS labels ---
  {
    path: /^webhookParameters\[\]\.webhookParametersId$/,
    types: /^alicloud:cms\/eventRule:/,
    reading: "not-a-place",
    reason:
      "the ID of the rule's webhook target entry; the URL the events are sent to is webhookParameters[].url, which log-shipping reads",
  },
  {
    path: /^(addressPoolName|domainName|hostRecord)$/,
    types: /^alicloud:dns\/(addressPool|alidnsRecord|record):/,
    reading: "not-a-place",
    reason:
      "the name of a GTM address pool, or the account's own zone and the host label (RR) a record is published under: names the record answers for, while the addresses it steers clients to are addresses[].address and value, which log-shipping reads",
  },
  // --- Container clusters ---
  {
    path: /^clusterDomain$/,
    types: /^alicloud:cs\/(kubernetes|managedKubernetes):/,
    reading: "not-a-place",
    reason:
      "the cluster's internal DNS suffix (cluster.local) of its Services and pods: a name inside the cluster",
  },
  {
    path: /^controlPlaneEndpointsConfig\.loadBalancersConfigs\[\]\.endpoint$/,
    types: /^alicloud:cs\/managedKubernetes:/,
    reading: "not-a-place",
    reason:
      "the access address the service assigns to the API server's own load balancer, computed and only reported by the provider; whether it answers on the internet is the endpoint type's",
  },
  // --- Bastion host directories: attribute names and the domain users sign in with ---
  {
    path: /^(adAuthServers\[\]\.(domain|emailMapping|mobileMapping)|ldapAuthServers\[\]\.(emailMapping|mobileMapping))$/,
    types: /^alicloud:bastionhost\/instance:/,
    reading: "not-a-place",
    reason:
      "the AD domain user names are qualified with, or the name of the directory attribute that holds a user's e-mail address or mobile number: names, not places (the directories' addresses are server and standbyServer)",
  },
  // --- DTS and DBS jobs: the endpoints' engines, databases and credentials ---
  {
    path: /^(sourceEndpoint(EngineName|Port|Ssl)|destinationEndpoint(EngineName|Port))$/,
    types:
      /^alicloud:dts\/(instance|migrationInstance|migrationJob|subscriptionJob|synchronizationInstance|synchronizationJob):/,
    reading: "not-a-place",
    reason:
      "the database engine (MySQL, Kafka, …), the port or the connection encryption (0, 1, 3) of a job's endpoint: enumerations and a port; where the endpoint lies is its region, IP address and owner account, which data-transfer-jobs and backup-copies read",
  },
  {
    path: /^(sourceEndpoint(DatabaseName|UserName|Password|OracleSid|Sid|Role)|destinationEndpoint(DatabaseName|UserName))$/,
    types: /^alicloud:(dts\/(migrationJob|subscriptionJob|synchronizationJob)|dbs\/backupPlan):/,
    reading: "not-a-place",
    reason:
      "a database name or Oracle SID inside the endpoint's database, the database account (user name, password) the job signs in with, or the name of the RAM role DTS assumes in the account that owns the instance (…OwnerId, which data-transfer-jobs reads): names and credentials, not places",
  },
  {
    path: /^sourceEndpoint(InstanceId|VswitchId)$/,
    types: /^alicloud:(dts\/(migrationJob|subscriptionJob|synchronizationJob)|dbs\/backupPlan):/,
    reading: "not-a-place",
    reason:
      "the ID of the source instance (an RDS, PolarDB, MongoDB or ECS instance, a database gateway, or the VPC an on-premises database is connected to) or of the vSwitch the job reaches it through: the API resolves it in the source's region and account, sourceEndpointRegion and sourceEndpointOwnerId (crossAliyunId for a backup plan), which data-transfer-jobs and backup-copies read; a self-hosted database's own address is sourceEndpointIp",
  },
];
