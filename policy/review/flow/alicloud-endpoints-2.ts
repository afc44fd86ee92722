import type { PropertyReview } from "../model";

/** Endpoint-named inputs of flow-modelled alicloud types that name no way out: names, enumerations, outputs, the resource's own addresses and IDs, downloads. */
export const readings: readonly PropertyReview[] = [
  // --- Names and descriptions of the resource itself ---
  {
    path: /^(addressName|anycastEipAddressName|basicEndpointGroupName|customRoutingEndpointGroupName|ecsServerBackupPlanName|endpointDescription|vpcEndpointName|ipsecServerName)$/,
    types:
      /^alicloud:(ecs\/(eip|eipAddress)|eipanycast\/anycastEipAddress|ga\/(basicEndpointGroup|customRoutingEndpointGroup)|hbr\/serverBackupPlan|privatelink\/vpcEndpoint|vpn\/ipsecServer):/,
    reading: "not-a-place",
    reason:
      "the name or description of the resource itself (an EIP, an anycast EIP, an endpoint group, a backup plan, an interface endpoint, an IPsec server): a label, not an address",
  },
  // --- Enumerations and switches ---
  {
    path: /^(endpointGroupType|endpointProtocolVersion|endpointRequestProtocol|domainType|securityIpMode|dnsHostnameStatus)$/,
    types: /^alicloud:(ga\/endpointGroup|live\/domain|rds\/(instance|ddrInstance)|vpc\/network):/,
    reading: "not-a-place",
    reason:
      "an enumeration or switch: an endpoint group's kind (default, virtual) and the protocol (HTTP, HTTPS) and HTTP version it speaks to its endpoints, a live domain's business type (liveVideo, liveEdge), an RDS whitelist mode (normal, safety), whether the VPC's DNS host names are on (ENABLED, DISABLED): it names no host, account or region",
  },
  {
    path: /^(origins\[\]\.ipVersionPolicy|hostPolicy|addRealClientIpHeader|realClientIpHeaderName)$/,
    types: /^alicloud:esa\/(originPool|record|site):/,
    reading: "not-a-place",
    reason:
      "how the ESA edge talks to origins the site already names: which IP version it fetches over (round_robin, ipv4_first, ipv6_first, follow), which Host it sends (follow_hostname, follow_origin_domain), whether it adds the client's IP in a header (on, off) and that header's name; the origins' addresses are read on their own (origins[].address, the record's data.value)",
  },
  {
    path: /^url$/,
    types: /^alicloud:esa\/kv:/,
    reading: "not-a-place",
    reason:
      'the name of a key inside the edge KV namespace ("The key name"), not a URL: the namespace itself is judged by global-services',
  },
  // --- Outputs the provider computes, echoed back as inputs ---
  {
    path: /^(customContainerConfig\.resolvedImageUri|engineLists\[\]\.connectAddressLists\[\]\.address|zoneMappings\[\]\.publicIpv4Address|networkInfo\.endpoints\[\]\.endpointUrl)$/,
    types:
      /^alicloud:(fc\/v3Function|lindorm\/instanceV2|nlb\/loadBalancer|rocketmq\/rocketMQInstance):/,
    reading: "not-a-place",
    reason:
      "a value the service computes and the provider only reads back (Computed in the provider schema): the image digest Function Compute resolved customContainerConfig.image to, the connection addresses of the Lindorm engines, the NLB's public address, the RocketMQ instance's access points; what exposes them is read on its own (addressType, whiteIpLists, internetInfo.internetSpec)",
  },
  // --- Addresses a resource takes in its own network ---
  {
    path: /^(privateIpAddress|privateIp|secondaryPrivateIps\[\]|ipv6Addresses\[\]|address|internalIp|healthCheckSourceIp|zoneMappings\[\]\.(privateIpv4Address|ipv6Address|ipv4LocalAddresses\[\]|ipv6LocalAddresses\[\]))$/,
    types:
      /^alicloud:(ecs\/(eipAssociation|instance)|kvstore\/instance|rds\/(instance|ddrInstance)|slb\/loadBalancer|nlb\/loadBalancer|vpc\/(forwardEntry|routerInterface)|expressconnect\/routerInterface):/,
    reading: "own-place",
    reason:
      "an address the resource takes (or points at) in a vSwitch of its own VPC: an instance's or database's private and IPv6 addresses, a load balancer's private, IPv6 and back-end-facing local addresses, the private address an EIP or a DNAT entry maps to, the unused VPC address a router interface sends health checks from",
  },
  {
    path: /^(ipAddress|snatIp)$/,
    types: /^alicloud:(ecs\/(eip|eipAddress)|vpc\/snatEntry):/,
    reading: "own-place",
    reason:
      "the EIP's own public address, picked from the region's pool (or the account's IP address pool), and the NAT gateway's own EIPs or NAT IPs its SNAT entry translates to: the way out they open is the EIP's bandwidth and the SNAT entry, both read by internet-egress",
  },
  {
    path: /^(localGatewayIp|localIpv6GatewayIp|bgpConfig\.localBgpIp|tunnelOptionsSpecifications\[\]\.(internetIp|tunnelBgpConfig\.localBgpIp))$/,
    types:
      /^alicloud:(expressconnect\/(virtualBorderRouter|vbrPconnAssociation)|vpn\/(connection|gatewayVpnAttachment)):/,
    reading: "own-place",
    reason:
      "an address on the Alibaba Cloud side of the link: the border router's gateway IPs, the BGP address inside the tunnel's range, the VPN gateway's own public address of a tunnel; the far end is named by the peer and remote-site fields, which remote-sites reads",
  },
  {
    path: /^clientIpPool$/,
    types: /^alicloud:vpn\/(ipsecServer|sslVpnServer):/,
    reading: "not-a-place",
    reason:
      "the address block the client VPN server hands out to its clients' virtual NICs: the server's own address space; that clients anywhere may join is read on vpnGatewayId by remote-sites",
  },
  // --- IDs of the account's own resources ---
  {
    path: /^(endpointGroupId|dbEndpointId|endpointId)$/,
    types: /^alicloud:(ga\/accessLog|polardb\/endpointAddress|pvtz\/rule):/,
    reading: "own-place",
    reason:
      "the ID of a resource of the same service in the account: the accelerator's endpoint group whose access logs are delivered (where to is slsRegionId), the PolarDB cluster's endpoint, the resolver's outbound endpoint (pvtz/endpoint) the rule forwards through",
  },
  {
    path: /^(endpointAddress|endpointSubAddress|endpointConfigurations\[\]\.subAddress|privateIpAddress)$/,
    types:
      /^alicloud:(ga\/(basicEndpointGroup|endpointGroup)|eipanycast\/anycastEipAddressAttachment):/,
    reading: "own-place",
    reason:
      "a cloud resource of the account in the region the group or binding names, and a private address of it: a basic endpoint group's ECS instance, ENI or CLB (endpointType ENI, SLB, ECS) and its ENI's secondary address, an endpoint group's ENI address, the ENI address an anycast EIP binds to; that region is endpointGroupRegion or bindInstanceRegionId, which network-links reads",
  },
  // --- Domains the resource serves, and directory names ---
  {
    path: /^(domainName|topLevelDomain|domain)$/,
    types: /^alicloud:(live\/domain|vod\/domain|waf\/domain|wafv3\/domain):/,
    reading: "not-a-place",
    reason:
      "a domain name the resource serves or protects (a live or VOD acceleration domain and its top-level domain, a site added to WAF): clients resolve it to the edge; the origins it forwards to are read on their own (sources, sourceIps, redirect.backends)",
  },
  {
    path: /^(domainName|subDomainName|adHostname)$/,
    types: /^alicloud:eds\/(adConnectorDirectory|adConnectorOfficeSite):/,
    reading: "not-a-place",
    reason:
      "the name of the enterprise AD domain and subdomain the cloud desktops join, and the Windows host name of its domain controller: names resolved through the directory's DNS servers (dnsAddresses, subDomainDnsAddresses), which remote-sites reads",
  },
  {
    path: /^(adAuthServers\[\]\.(domain|emailMapping|mobileMapping)|ldapAuthServers\[\]\.(emailMapping|mobileMapping))$/,
    types: /^alicloud:yundun\/bastionHostInstance:/,
    reading: "not-a-place",
    reason:
      "the AD domain name and the directory attributes that hold users' e-mail addresses and mobile numbers (emailAttr, mobileAttr): names inside the directory, whose servers are server and standbyServer",
  },
  // --- Probes and headers sent to backends named elsewhere ---
  {
    path: /^checkUrl$/,
    types: /^alicloud:(live|scdn|vod)\/domain:/,
    reading: "not-a-place",
    reason:
      "the URL the CDN probes to check the domain's origins are healthy: a probe request carries none of the stack's data, and the origins themselves are read on their own (sources)",
  },
  {
    path: /^redirect\.sniHost$/,
    types: /^alicloud:wafv3\/domain:/,
    reading: "not-a-place",
    reason:
      "the SNI value WAF presents in TLS back-to-origin requests, instead of the Host header: a name sent to the backends redirect.backends[] names (read by log-shipping), not a destination",
  },
  {
    path: /^pgHbaConfs\[\]\.address$/,
    types: /^alicloud:rds\/(instance|ddrInstance):/,
    reading: "not-a-place",
    reason:
      "a pg_hba.conf entry: which users may sign in to which databases from which addresses, inside PostgreSQL; a connection reaches PostgreSQL only from an address the instance's IP whitelist (securityIps) admits, so the entry can only narrow who may connect",
  },
  // --- Software and documents pulled in ---
  {
    path: /^(imageUrl|packageUrl)$/,
    types: /^alicloud:edas\/k8sApplication:/,
    reading: "arn-locality",
    reason:
      "the image the application's pods pull and the FatJar or WAR package EDAS downloads: arn-locality places a cloud registry's or OSS endpoint's host by its region (an endpoint-named input: policy/placement.ts arnLocality → namedPlaceReferences); a pull brings software in and sends none of the stack's data out",
  },
  {
    path: /^templateUrl$/,
    types: /^alicloud:ros\/(stack|changeSet):/,
    reading: "helm-releases",
    reason:
      "the HTTP(S) or OSS URL of the template the stack or change set deploys: helm-releases fails every ROS stack and change set as an opaque bundle and names this URL in its finding (policy/paths/types/bundles.ts, templateOf); the template is read in from it, nothing of the stack is written there",
  },
  {
    path: /^(stackPolicyUrl|stackPolicyDuringUpdateUrl)$/,
    types: /^alicloud:ros\/(stack|changeSet):/,
    reading: "arn-locality",
    reason:
      "where ROS downloads the stack policy (which resources an update may touch) from, an HTTP(S) server or an OSS bucket: arn-locality places an OSS endpoint's host by its region (an endpoint-named input: policy/placement.ts arnLocality → namedPlaceReferences); a download brings the policy in and sends none of the stack's data out",
  },
  // --- Whitelists a public-exposure reader already judges ---
  {
    path: /^desiredSecurityIpLists\[\]\.securityIpList$/,
    types: /^alicloud:selectdb\/dbInstance:/,
    reading: "public-exposure",
    reason:
      "the instance's IP whitelists: public-exposure judges every entry through the reader of enablePublicNetwork (paths/types/exposure.ts selectdb/dbInstance, whitelistedEndpoint in exposure-readers.ts, which checks each source whether or not the public endpoint is on)",
  },
  {
    path: /^networkInfo\.internetInfo\.ipWhitelists\[\]$/,
    types: /^alicloud:rocketmq\/rocketMQInstance:/,
    reading: "public-exposure",
    reason:
      "the whitelist of the instance's internet endpoint: public-exposure judges every entry through the reader of networkInfo.internetInfo.internetSpec (paths/types/exposure.ts rocketmq/rocketMQInstance, whitelistedEndpoint in exposure-readers.ts)",
  },
];
