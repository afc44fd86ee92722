/**
 * The resource types the residency pack has reviewed without modelling them — data, reviewed
 * like code.
 *
 * A type a domain table models (policy/paths/types) is reviewed because it is modelled: its row
 * is its review, and it is never listed here. A type belongs here only after someone has read
 * its inputs against shared/research/data-paths.md and decided how a path across the border
 * would show without a row of its own: through the policy that judges the types it is read with
 * (an IngressClass through its Ingresses), through an ARN the generic scanners read, through the
 * multi-hop graph of the border analysis, or not at all (controls, regional building blocks and
 * inert metadata).
 * `reviewed-resource-types` fails every other type closed, so adding a resource type to a
 * program means modelling it or adding it here, with thought.
 *
 * Providers (`pulumi:providers:*`) and component resources are not listed: they are not subject.
 */
import { retiredTypes } from "../residency/placement";
import { variants } from "./paths/kubernetes";
import { modelledTypes as tableTypes } from "./paths/types";

/** Reviewed types by why they were accepted. */
/** Calico's kinds that name no destination (`reviewed.calicoObjects`), in both API groups. */
const calicoObjectKinds = [
  "IPPool",
  "IPReservation",
  "KubeControllersConfiguration",
  "StagedGlobalNetworkPolicy",
  "StagedKubernetesNetworkPolicy",
  "StagedNetworkPolicy",
  "Tier",
];

export const reviewed = {
  /**
   * Kubernetes objects read through others: an IngressClass only names the controller (and its
   * parameters) that kubernetes-service-exposure reads through the Ingresses of the class. Every
   * kind a Kubernetes policy judges, with its Lists and Patches, is a row of the Kubernetes table
   * (policy/paths/types/kubernetes.ts) and is not listed here.
   */
  kubernetes: ["kubernetes:networking.k8s.io/v1:IngressClass"],
  /**
   * Types whose only destinations are ARNs (log subscriptions, real-time logs, cross-account
   * observability links): arn-locality and key-locality place every ARN they name.
   */
  arnReferences: [
    "aws:cloudfront/realtimeLogConfig:RealtimeLogConfig",
    "aws:cloudwatch/logAccountPolicy:LogAccountPolicy",
    "aws:cloudwatch/logDestination:LogDestination",
    "aws:oam/link:Link",
    "aws:route53/queryLog:QueryLog",
  ],
  /**
   * Containers, attachments and routes whose path runs through other resources (a transit
   * router's peer attachment, a route's target): each is placed by resource-placement, and the
   * border analysis (policy/paths) follows the hops.
   */
  graph: [
    "alicloud:cen/bandwidthPackageAttachment:BandwidthPackageAttachment",
    "alicloud:cen/transitRouterRouteTableAssociation:TransitRouterRouteTableAssociation",
    "alicloud:cen/transitRouterRouteTablePropagation:TransitRouterRouteTablePropagation",
    "aws:directconnect/gateway:Gateway",
    "aws:ec2/peeringConnectionOptions:PeeringConnectionOptions",
    "aws:ec2/vpnGatewayRoutePropagation:VpnGatewayRoutePropagation",
  ],
  /**
   * Controls: they only restrict (public-access blocks, ownership controls, route maps,
   * firewalls and their address books). A control that is missing is judged where the path is.
   */
  controls: [
    "alicloud:cen/routeMap:RouteMap",
    "alicloud:cloudfirewall/addressBook:AddressBook",
    "alicloud:cloudfirewall/firewallVpcFirewallControlPolicy:FirewallVpcFirewallControlPolicy",
    "aws:ebs/snapshotBlockPublicAccess:SnapshotBlockPublicAccess",
    "aws:ec2/imageBlockPublicAccess:ImageBlockPublicAccess",
    "aws:ec2/vpcBlockPublicAccessOptions:VpcBlockPublicAccessOptions",
    "aws:ec2/vpcSecurityGroupRulesExclusive:VpcSecurityGroupRulesExclusive",
    "aws:networkfirewall/firewall:Firewall",
    "aws:networkfirewall/firewallPolicy:FirewallPolicy",
    "aws:networkfirewall/ruleGroup:RuleGroup",
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
  ],
  /**
   * Regional building blocks: they live in their provider's region (resource-placement) and open
   * no path by themselves. A bucket's versioning or lifecycle, a key's alias, a subnet's
   * route-table association.
   */
  regional: [
    "alicloud:kms/alias:Alias",
    "alicloud:oss/bucketVersioning:BucketVersioning",
    "alicloud:vpc/routeTable:RouteTable",
    "alicloud:vpc/routeTableAttachment:RouteTableAttachment",
    "alicloud:vpc/networkAclAttachment:NetworkAclAttachment",
    "aws:ec2/networkAclAssociation:NetworkAclAssociation",
    "aws:ec2/routeTableAssociation:RouteTableAssociation",
    "aws:kms/alias:Alias",
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
    "aws:s3/bucketVersioning:BucketVersioning",
    "aws:s3/bucketVersioningV2:BucketVersioningV2",
    "aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration",
  ],
  /**
   * Data stores whose one residency question beyond their region is their key: they live in their
   * provider's region (resource-placement), copy their data nowhere by themselves (a Kinesis
   * stream's consumers, which carry it on, are judged where they are; a serverless cache has no
   * global datastore; a parameter's value is kept, not sent), and name a KMS key that
   * store-key-locality places and customer-key-encryption judges
   * (policy/paths/types/encryption.ts). A snapshot they restore from is an ARN arn-locality
   * places.
   */
  keyedStores: [
    "alicloud:hbr/vault:Vault",
    "aws:backup/vault:Vault",
    "aws:ecr/repository:Repository",
    "aws:elasticache/serverlessCache:ServerlessCache",
    "aws:fsx/ontapFileSystem:OntapFileSystem",
    "aws:fsx/openZfsFileSystem:OpenZfsFileSystem",
    "aws:kinesis/stream:Stream",
    "aws:ssm/parameter:Parameter",
  ],
  /**
   * Managed clusters' nodes and their configuration. Each lives in its provider's region
   * (resource-placement); its nodes sit in the subnets it names, which the border analysis reads
   * as the cluster's node network (policy/paths/types/clusters.ts). (An add-on, whose CoreDNS
   * Corefile may forward names abroad, is remote-sites'.) The role policies and attachments only
   * grant the cluster and its nodes
   * AWS's managed policies (permission documents, which name no place) or a key ARN, which
   * arn-locality places. (A role's trust policy is a grant: the grants table models roles.)
   */
  clusters: [
    "aws:eks/nodeGroup:NodeGroup",
    "aws:iam/rolePolicy:RolePolicy",
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
  ],
  /**
   * Kubernetes workloads' identity: it stays inside the cluster, and what the pods that use it
   * can reach is governed by the NetworkPolicies and Services of the Kubernetes table. (A
   * ConfigMap is a row of that table: one may hold CoreDNS's Corefile, whose upstream resolvers
   * kubernetes-egress judges; so is a Secret: one may join another cluster to the mesh.)
   */
  kubernetesWorkloads: ["kubernetes:core/v1:ServiceAccount"],
  /**
   * The Prometheus Operator's rules (a custom resource, see `customResourceGroups`), which name no
   * server: a PrometheusRule holds alerting and recording rules, which the Prometheus servers of
   * the cluster evaluate over the metrics they already hold. The alerts go where the
   * Alertmanagers send them — the receivers of AlertmanagerConfigs, or of an Alertmanager's own
   * configuration — which kubernetes-egress judges on those objects (rows of the Kubernetes table).
   */
  alertingRules: variants("monitoring.coreos.com", ["v1"], "PrometheusRule"),
  /**
   * cert-manager's certificates and their issuers (custom resources, see `customResourceGroups`):
   * a Certificate or CertificateRequest names the names to certify, an issuer of the cluster and
   * the Secret the key pair is kept in; an Issuer or ClusterIssuer names the certificate authority
   * (an ACME server such as Let's Encrypt, Vault, Venafi, or a CA key in a Secret) and, for ACME,
   * the DNS provider its challenges are answered in. The authority is sent signing requests — a
   * public key and the names to certify — and the DNS provider challenge records; the private key
   * stays in the cluster's Secret, and no data of the stack leaves.
   */
  certificates: variants(
    "cert-manager.io",
    ["v1"],
    ["Certificate", "CertificateRequest", "ClusterIssuer", "Issuer"],
  ),
  /**
   * Istio's kinds that name no destination of their own (custom resources, see
   * `customResourceGroups`): a Gateway configures the listeners of the mesh's ingress and egress
   * gateways (whose exposure is their Services'), a PeerAuthentication the mutual TLS between its
   * workloads, a RequestAuthentication the JWT issuers whose keys the proxies fetch to verify
   * tokens (keys come in; nothing of the stack goes out). Where the traffic goes is named by the
   * kinds the Kubernetes table models (VirtualService, ServiceEntry, …).
   */
  serviceMesh: [
    ...variants("networking.istio.io", ["v1alpha3", "v1beta1", "v1"], "Gateway"),
    ...variants(
      "security.istio.io",
      ["v1beta1", "v1"],
      ["PeerAuthentication", "RequestAuthentication"],
    ),
  ],
  /**
   * The External Secrets Operator's ExternalSecrets and ClusterExternalSecrets (custom resources,
   * see `customResourceGroups`): each copies secrets from the store its `secretStoreRef` names
   * into a Secret of the cluster — the data comes in. Where the store keeps them is judged on the
   * SecretStore or ClusterSecretStore, a row of the Kubernetes table. A PushSecret or
   * ClusterPushSecret writes the cluster's Secrets to the stores it names: each must be a store
   * the program declares (judged itself), which named-destinations checks over the stack
   * (paths/push-secrets.ts); a store it does not declare, or stores chosen by labels, fail
   * closed.
   */
  secretSync: [
    ...variants(
      "external-secrets.io",
      ["v1", "v1beta1"],
      ["ExternalSecret", "ClusterExternalSecret"],
    ),
    ...variants("external-secrets.io", ["v1alpha1"], ["PushSecret", "ClusterPushSecret"]),
  ],
  /**
   * Traefik's routes and settings that name no server outside the cluster (custom resources, see
   * `customResourceGroups`): a TraefikService balances or mirrors among Services of the cluster
   * the routes Traefik serves send requests to (the routes themselves, IngressRoute and its TCP
   * and UDP kinds, are rows of the Kubernetes table, judged by the Traefik that serves them); ServersTransports, TLSOptions and TLSStores set the TLS of
   * those connections, and a MiddlewareTCP limits connections. Traefik's exposure is its own
   * Service's; a Middleware that sends requests out is a row of the Kubernetes table.
   */
  ingressRoutes: [
    ...variants("traefik.io", ["v1alpha1"], "ServersTransportTCP"),
    ...["traefik.io", "traefik.containo.us"].flatMap((group) =>
      variants(
        group,
        ["v1alpha1"],
        ["MiddlewareTCP", "ServersTransport", "TLSOption", "TLSStore", "TraefikService"],
      ),
    ),
  ],
  /**
   * The Gateway API's grants and backend TLS policies (custom resources, see
   * `customResourceGroups`): a ReferenceGrant lets routes of one namespace reach Services of
   * another, a BackendTLSPolicy sets the TLS of the connections to a Service. Neither names a
   * server; routes, Gateways and GatewayClasses are rows of the Kubernetes table.
   */
  gatewayPolicies: [
    ...variants("gateway.networking.k8s.io", ["v1", "v1beta1", "v1alpha2"], "ReferenceGrant"),
    ...variants("gateway.networking.k8s.io", ["v1", "v1alpha3"], "BackendTLSPolicy"),
  ],
  /**
   * Flux's sources, alerts, receivers and image automation (custom resources, see
   * `customResourceGroups`): a
   * GitRepository, HelmRepository, OCIRepository, Bucket, HelmChart or ExternalArtifact fetches
   * the manifests, charts and artifacts the Kustomizations and HelmReleases deploy — content
   * comes in, and what is deployed is judged on those bundles (helm-releases); an Alert selects
   * the events a Provider (a row of the Kubernetes table) sends; a Receiver takes webhooks in,
   * through the notification controller's Service, whose exposure is judged there.
   */
  fluxSources: [
    ...variants(
      "source.toolkit.fluxcd.io",
      ["v1"],
      [
        "Bucket",
        "ExternalArtifact",
        "GitRepository",
        "HelmChart",
        "HelmRepository",
        "OCIRepository",
      ],
    ),
    ...variants(
      "source.toolkit.fluxcd.io",
      ["v1beta1"],
      ["Bucket", "GitRepository", "HelmChart", "HelmRepository"],
    ),
    ...variants(
      "source.toolkit.fluxcd.io",
      ["v1beta2"],
      ["Bucket", "GitRepository", "HelmChart", "HelmRepository", "OCIRepository"],
    ),
    ...variants("notification.toolkit.fluxcd.io", ["v1beta1", "v1beta2", "v1beta3"], "Alert"),
    ...variants("notification.toolkit.fluxcd.io", ["v1", "v1beta1", "v1beta2"], "Receiver"),
    // Image automation: an ImageRepository scans a registry's tags (they come in), an
    // ImagePolicy picks one, an ImageUpdateAutomation commits the picked tags to the manifests of
    // its GitRepository source — deployment settings, not the stack's data.
    ...variants(
      "image.toolkit.fluxcd.io",
      ["v1", "v1beta1", "v1beta2"],
      ["ImagePolicy", "ImageRepository", "ImageUpdateAutomation"],
    ),
  ],
  /**
   * Argo CD's projects (a custom resource, see `customResourceGroups`): an AppProject lists the
   * repositories, clusters and namespaces its Applications may use, and their roles; it deploys
   * nothing itself — its Applications are the bundles helm-releases judges.
   */
  gitOpsProjects: variants("argoproj.io", ["v1alpha1"], "AppProject"),
  /**
   * Velero's backups, schedules and restores (custom resources, see `customResourceReferences`):
   * a Backup or Schedule names the storage and snapshot locations it writes to by name, a
   * PodVolumeBackup or DataUpload the location its volume's data is copied to, a Restore the
   * backup it reads from (the data comes in), a DeleteBackupRequest, DownloadRequest or
   * ServerStatusRequest asks the Velero server for an action. Where the backups go is judged on
   * the locations (BackupStorageLocation, VolumeSnapshotLocation: rows of the Kubernetes table);
   * a location the program does not declare is the cluster's own (the one Velero was installed
   * with), judged where it is declared.
   */
  backups: [
    ...variants(
      "velero.io",
      ["v1"],
      [
        "Backup",
        "DeleteBackupRequest",
        "DownloadRequest",
        "PodVolumeBackup",
        "PodVolumeRestore",
        "Restore",
        "Schedule",
        "ServerStatusRequest",
      ],
    ),
    ...variants("velero.io", ["v2alpha1"], ["DataDownload", "DataUpload"]),
    // OADP's self-service kinds for a namespace's admin: a NonAdminBackup or NonAdminRestore
    // holds a Velero Backup's or Restore's spec (its locations by name), a NonAdminDownloadRequest
    // asks for a backup's logs or contents, a NonAdminBackupStorageLocationRequest is the cluster
    // admin's approval of a NonAdminBackupStorageLocation (a row of the Kubernetes table).
    ...variants(
      "oadp.openshift.io",
      ["v1alpha1"],
      [
        "NonAdminBackup",
        "NonAdminBackupStorageLocationRequest",
        "NonAdminDownloadRequest",
        "NonAdminRestore",
      ],
    ),
  ],
  /**
   * CSI volume snapshots (custom resources of the Kubernetes snapshot controller, see
   * `customResourceReferences`): a VolumeSnapshot asks the volume's CSI driver for a snapshot,
   * kept by the storage that holds the volume — in its region, judged on the volume's
   * StorageClass and cluster — and a VolumeSnapshotClass or VolumeSnapshotContent sets or records
   * how. No data leaves the volume's storage.
   */
  volumeSnapshots: variants(
    "snapshot.storage.k8s.io",
    ["v1", "v1beta1"],
    ["VolumeSnapshot", "VolumeSnapshotClass", "VolumeSnapshotContent"],
  ),
  /**
   * MetalLB's address pools and their announcements (custom resources, see
   * `customResourceReferences`): an IPAddressPool lists the addresses MetalLB gives
   * LoadBalancer Services, an L2Advertisement or BGPAdvertisement announces them to the network's
   * routers (a BGPPeer, with its BFDProfile and Communities), which then route the Services'
   * traffic to the nodes. Routes come in; no data of the stack goes out. Whether a Service is
   * exposed is judged on the Service.
   */
  addressPools: [
    ...variants(
      "metallb.io",
      ["v1beta1"],
      [
        "AddressPool",
        "BFDProfile",
        "BGPAdvertisement",
        "BGPPeer",
        "Community",
        "IPAddressPool",
        "L2Advertisement",
      ],
    ),
    ...variants("metallb.io", ["v1beta2"], "BGPPeer"),
  ],
  /**
   * Cilium's address management and egress gateways (custom resources, see
   * `customResourceReferences`): a CiliumLoadBalancerIPPool lists the addresses Cilium's LB IPAM
   * gives LoadBalancer Services (as MetalLB's pools do), a CiliumL2AnnouncementPolicy answers ARP
   * for them on the nodes' network, a CiliumPodIPPool says which addresses pods get, and a
   * CiliumEgressGatewayPolicy sends the traffic of the pods it selects to the destinations it
   * lists out through a gateway node of the cluster, with a fixed source address — after the
   * pods' own egress policies have allowed it. None names a destination of its own: whether a
   * Service is exposed is judged on the Service, and where the pods may send on their policies.
   */
  ciliumObjects: [
    ...variants("cilium.io", ["v2alpha1", "v2"], "CiliumLoadBalancerIPPool"),
    ...variants("cilium.io", ["v2alpha1"], ["CiliumL2AnnouncementPolicy", "CiliumPodIPPool"]),
    ...variants("cilium.io", ["v2"], "CiliumEgressGatewayPolicy"),
  ],
  /**
   * Calico's objects that order, stage or number what its network policies do (custom resources,
   * see `customResourceReferences`): a Tier orders the policies of its name (the pack already
   * reads a policy of any tier but the default as no namespace's default deny, since its tier may
   * pass traffic on); a staged policy (StagedNetworkPolicy, StagedGlobalNetworkPolicy,
   * StagedKubernetesNetworkPolicy) is only previewed in flow logs, enforcing nothing — so it seals
   * no namespace either; an IPPool or IPReservation says which addresses pods get, and
   * KubeControllersConfiguration which of Calico's controllers run. None names a destination: what
   * the pods may reach is judged on the enforced policies. (A BGPPeer, which exchanges routes with
   * a router the program names, and FelixConfiguration are not reviewed.)
   */
  calicoObjects: [
    ...variants("projectcalico.org", ["v3"], calicoObjectKinds),
    ...variants("crd.projectcalico.org", ["v1"], calicoObjectKinds),
  ],
  /**
   * Security groups for pods on EKS (a custom resource of the Amazon VPC resource controller,
   * see `customResourceReferences`): a SecurityGroupPolicy gives the pods its `podSelector` or
   * `serviceAccountSelector` chooses a branch network interface with the security groups of
   * `securityGroups.groupIds`, in the subnets of their nodes. It only chooses which rules filter
   * the pods' traffic — groups of the cluster's own VPC — and routes nothing: the pods leave
   * through the node network's exits, and what those let out is judged there and on the groups'
   * rules.
   */
  podSecurityGroups: variants("vpcresources.k8s.aws", ["v1beta1"], "SecurityGroupPolicy"),
  /**
   * Karpenter's node provisioning on EKS (custom resources, see `customResourceGroups`): a NodePool
   * says which nodes Karpenter may launch for pending pods (instance types, zones of the
   * cluster's region, limits) from the EC2NodeClass it names, and a NodeClaim is one such node.
   * Karpenter launches them in the cluster's own region, in the subnets and with the security
   * groups the node class selects; whether they get public addresses is the node class's
   * (`associatePublicIPAddress`, a row of the egress table) or its subnets'.
   */
  nodeProvisioning: variants("karpenter.sh", ["v1"], ["NodeClaim", "NodePool"]),
  /**
   * KEDA's scaling (custom resources, see `customResourceGroups`): a ScaledObject scales a workload
   * of the cluster by the metrics its triggers read — a queue's length, a topic's lag, a query's
   * answer — from the sources they name, and a TriggerAuthentication or
   * ClusterTriggerAuthentication gives the operator the credentials for them (from Secrets, the
   * pods' identity or a secret store it reads). Metrics come in; no data of the stack goes out. (A
   * ScaledJob runs pods, a workload of the Kubernetes table.)
   */
  scalingTriggers: variants(
    "keda.sh",
    ["v1alpha1"],
    ["ClusterTriggerAuthentication", "ScaledObject", "TriggerAuthentication"],
  ),
  /**
   * Kyverno's policy exceptions (custom resources, see `customResourceGroups`): a PolicyException
   * lets the objects it names through the rules of the policies it lists. It sends nothing and
   * changes no object; what it lets through is judged on those objects, which the pack judges
   * whatever Kyverno admits.
   */
  policyExceptions: [
    ...variants("kyverno.io", ["v2", "v2beta1"], "PolicyException"),
    ...variants("policies.kyverno.io", ["v1", "v1beta1", "v1alpha1"], "PolicyException"),
  ],
  /**
   * Knative's kinds that name no destination outside the cluster (custom resources, see
   * `customResourceGroups`): a Route splits a Knative Service's requests among its revisions; a
   * DomainMapping serves one at a domain, through the cluster's Knative ingress (whose Service
   * is judged as a Service where the program declares it); an EventType describes the events a
   * Broker carries and an EventPolicy who may send them.
   */
  knativeObjects: [
    ...variants("serving.knative.dev", ["v1"], "Route"),
    ...variants("serving.knative.dev", ["v1beta1"], "DomainMapping"),
    ...variants("eventing.knative.dev", ["v1beta1", "v1beta2", "v1beta3"], "EventType"),
    ...variants("eventing.knative.dev", ["v1alpha1"], "EventPolicy"),
  ],
  /**
   * The Pulumi Kubernetes Operator's Programs (a custom resource, see
   * `customResourceReferences`): a Program holds a Pulumi YAML program, which the operator runs
   * only for a Stack that names it (`spec.programRef`); the Stack is the bundle helm-releases
   * judges.
   */
  pulumiPrograms: variants("pulumi.com", ["v1"], "Program"),
  /**
   * Skupper's kinds that keep a site's connections inside it (custom resources, see
   * `customResourceReferences`): a Listener or MultiKeyListener serves the network's services to
   * clients of the site; an AttachedConnector and its AttachedConnectorBinding bring pods of
   * another namespace of the cluster into the site; a Certificate asks for TLS credentials. Where
   * the network reaches beyond the site is a Link's, an AccessToken's, an AccessGrant's or a
   * Connector's host, and how the site is reached a Site's, RouterAccess's or SecuredAccess's
   * (rows of the Kubernetes table).
   */
  /**
   * Submariner's kinds that keep the cluster's traffic inside it (custom resources, see
   * `customResourceReferences`): a Broker makes this cluster the hub other clusters sync their
   * metadata through (each member's own Submariner object is judged where the program declares
   * it); GlobalEgressIPs, ClusterGlobalEgressIPs and GlobalIngressIPs choose the global addresses
   * of pods and Services already on the tunnels (`submariner.io/v1`, defined in
   * https://github.com/submariner-io/submariner/tree/devel/pkg/apis/submariner.io/v1). Where the
   * tunnels go is the Submariner object's.
   */
  submarinerObjects: [
    ...variants("submariner.io", ["v1alpha1"], "Broker"),
    ...variants(
      "submariner.io",
      ["v1"],
      ["ClusterGlobalEgressIP", "GlobalEgressIP", "GlobalIngressIP"],
    ),
  ],
  /**
   * Consul's kinds that route, split, authorise or expose the mesh's traffic inside it (custom
   * resources, see `customResourceReferences`): a ServiceRouter or ServiceSplitter sends requests
   * among services whose resolvers and defaults are judged (paths/consul.ts); ServiceIntentions,
   * JWT providers (whose key sets are read in), gateway policies and route filters authorise or
   * shape requests; a Mesh sets mesh-wide TLS, HTTP and peering options (whether proxies reach
   * destinations outside the mesh is the pods' NetworkPolicies', judged there); an IngressGateway
   * and a GatewayClassConfig serve requests in (their Services judged as Services); rate and
   * request limits bound the servers' load.
   */
  consulObjects: variants(
    "consul.hashicorp.com",
    ["v1alpha1"],
    [
      "ControlPlaneRequestLimit",
      "GatewayClassConfig",
      "GatewayPolicy",
      "IngressGateway",
      "JWTProvider",
      "Mesh",
      "RateLimit",
      "RouteAuthFilter",
      "RouteExtProc",
      "RouteRetryFilter",
      "RouteTimeoutFilter",
      "RouteTLSSDSFilter",
      "ServiceIntentions",
      "ServiceRouter",
      "ServiceSplitter",
    ],
  ),
  /**
   * Envoy Gateway's policies that shape how its proxies treat traffic locally (a custom resource,
   * see `customResourceReferences`; read from its API types): a ClientTrafficPolicy's listener
   * settings, a BackendTrafficPolicy's load balancing, retries, timeouts, health checks of the
   * route's own endpoints and rate-limit rules (the global rate-limit service is the
   * controller's), and an HTTPRouteFilter's rewrites and direct responses. None names a
   * destination; where the proxies send data is the EnvoyProxy's, the SecurityPolicy's and the
   * EnvoyExtensionPolicy's (paths/gateway-parameters.ts).
   */
  envoyGatewayTraffic: variants(
    "gateway.envoyproxy.io",
    ["v1alpha1"],
    ["ClientTrafficPolicy", "BackendTrafficPolicy", "HTTPRouteFilter"],
  ),
  skupperObjects: variants(
    "skupper.io",
    ["v2alpha1"],
    [
      "AttachedConnector",
      "AttachedConnectorBinding",
      "Certificate",
      "Listener",
      "MultiKeyListener",
    ],
  ),
  /**
   * OpenShift's logging (a custom resource, see `customResourceReferences`): a ClusterLogging
   * deploys the collector and the cluster's own log store (Elasticsearch, or a LokiStack of the
   * cluster) and its console view; it names no server outside the cluster. Where logs are
   * forwarded is the ClusterLogForwarder's, a row of the Kubernetes table.
   */
  logCollection: variants("logging.openshift.io", ["v1"], "ClusterLogging"),
  /**
   * The Loki Operator's LokiStacks (a custom resource, see `customResourceReferences`; OpenShift
   * Logging's log store): a LokiStack keeps the logs its tenants send in the object storage of
   * the Secret its `spec.storage.secret` names — a Secret the program declares, whose keys place
   * it, which named-destinations checks over the stack (paths/loki-stacks.ts); a Secret it does
   * not declare, or storage whose region the Secret does not name, fails closed.
   */
  logStores: variants("loki.grafana.com", ["v1", "v1beta1"], "LokiStack"),
  /**
   * The MariaDB operator's kinds that name no storage or server of their own (custom resources,
   * see `customResourceReferences`): a Restore brings a backup in; a Connection writes a Secret
   * with the address of a MariaDB, MaxScale or ExternalMariaDB (judged on those objects, and the
   * workloads that read it on their egress); a User, Grant or Database declares what a MariaDB
   * holds; an SqlJob runs SQL on one.
   */
  databaseObjects: ["k8s.mariadb.com", "mariadb.mmontes.io"].flatMap((group) =>
    variants(group, ["v1alpha1"], ["Connection", "Database", "Grant", "Restore", "SqlJob", "User"]),
  ),
  /**
   * Strimzi's kinds that name no server outside the Kafka cluster (custom resources, see
   * `customResourceGroups`): a KafkaTopic or KafkaUser declares a topic or a user of a Kafka of
   * the cluster, a KafkaNodePool the brokers' nodes and volumes, a KafkaRebalance moves
   * partitions among them. KafkaConnects and KafkaConnectors, whose connectors write the topics'
   * records elsewhere, are rows of the Kubernetes table.
   */
  kafkaObjects: [
    ...variants(
      "kafka.strimzi.io",
      ["v1", "v1beta2"],
      ["KafkaNodePool", "KafkaRebalance", "KafkaTopic", "KafkaUser"],
    ),
    ...variants("kafka.strimzi.io", ["v1alpha1", "v1beta1"], ["KafkaTopic", "KafkaUser"]),
  ],
  /**
   * The Zalando Postgres Operator's teams (a custom resource, see `customResourceReferences`): a
   * PostgresTeam grants teams and members access to the databases; it names no server.
   */
  postgresTeams: variants("acid.zalan.do", ["v1"], "PostgresTeam"),
  /**
   * CloudNativePG's kinds beside its Clusters (custom resources, see `customResourceGroups`): a
   * Backup or ScheduledBackup takes a backup to where its Cluster's configuration or plugin
   * archives (judged on the Cluster, a row of the Kubernetes table) or a snapshot of its volumes;
   * a Pooler runs PgBouncer in front of a Cluster; a Database, Publication or Subscription declares
   * a database, or the logical replication a Cluster publishes or subscribes to (a subscription
   * brings another server's rows in; a publication is read by whoever may connect, judged on the
   * Cluster's exposure); an ImageCatalog or ClusterImageCatalog lists the PostgreSQL images (and
   * extension images) Clusters run by major version: images pulled in, nothing sent out.
   */
  databaseOperations: variants(
    "postgresql.cnpg.io",
    ["v1"],
    [
      "Backup",
      "ClusterImageCatalog",
      "Database",
      "ImageCatalog",
      "Pooler",
      "Publication",
      "ScheduledBackup",
      "Subscription",
    ],
  ),
  /**
   * Custom resources of earlier releases of a package, which the installed SDKs no longer define
   * (`retiredTypes` in residency/placement.ts, read from those releases' provider sources):
   * @pulumi/eks before 3.0 registers a RandomSuffix, a value in the stack's state, and a VpcCni,
   * which applies the Amazon VPC CNI to the cluster its kubeconfig names — pod networking inside
   * the cluster, no data sent out of it (its images are pulled in, its logs stay on the nodes).
   */
  retired: Object.keys(retiredTypes),
} as const satisfies Record<string, readonly string[]>;

/**
 * The API groups of the custom resources the pack reviews, with the models of their CRDs the
 * reviewed kinds and fields are checked against (test/paths/custom-resources.test.ts): kinds no
 * Kubernetes SDK defines, which a program creates with `apiextensions.CustomResource` (or a chart
 * or manifest does), and whose type token is `kubernetes:<group>/<version>:<kind>`.
 */
export const customResourceGroups: Readonly<Record<string, string>> = {
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator",
  "cert-manager.io": "@kubernetes-models/cert-manager",
  "networking.istio.io": "@kubernetes-models/istio",
  "security.istio.io": "@kubernetes-models/istio",
  "telemetry.istio.io": "@kubernetes-models/istio",
  "install.istio.io": "@kubernetes-models/istio",
  "opentelemetry.io": "@kubernetes-models/opentelemetry-operator",
  "external-secrets.io": "@kubernetes-models/external-secrets",
  "argoproj.io": "@kubernetes-models/argo-cd",
  "kustomize.toolkit.fluxcd.io": "@kubernetes-models/flux-cd",
  "helm.toolkit.fluxcd.io": "@kubernetes-models/flux-cd",
  "traefik.io": "@kubernetes-models/traefik",
  "traefik.containo.us": "@kubernetes-models/traefik",
  "gateway.networking.k8s.io": "@kubernetes-models/gateway-api",
  "source.toolkit.fluxcd.io": "@kubernetes-models/flux-cd",
  "notification.toolkit.fluxcd.io": "@kubernetes-models/flux-cd",
  "image.toolkit.fluxcd.io": "@kubernetes-models/flux-cd",
  "postgresql.cnpg.io": "@kubernetes-models/cloudnative-pg",
  "kafka.strimzi.io": "@kubernetes-models/strimzi-kafka-operator",
  "karpenter.sh": "@kubernetes-models/karpenter",
  "kyverno.io": "@kubernetes-models/kyverno",
  "policies.kyverno.io": "@kubernetes-models/kyverno",
  "keda.sh": "@kubernetes-models/keda",
  "eventing.keda.sh": "@kubernetes-models/keda",
  "serving.knative.dev": "@kubernetes-models/knative",
  "eventing.knative.dev": "@kubernetes-models/knative",
  "messaging.knative.dev": "@kubernetes-models/knative",
  "sources.knative.dev": "@kubernetes-models/knative",
  "flows.knative.dev": "@kubernetes-models/knative",
  "sinks.knative.dev": "@kubernetes-models/knative",
  "operator.knative.dev": "@kubernetes-models/knative",
  "karpenter.k8s.aws": "@kubernetes-models/karpenter",
};

/**
 * Kinds of a group in `customResourceGroups` whose model is another package's: Argo Rollouts'
 * Rollout shares `argoproj.io` with Argo CD's kinds. Keyed `<group>:<kind>`.
 */
export const customResourceKindModels: Readonly<Record<string, string>> = {
  "argoproj.io:Rollout": "@kubernetes-models/argo-rollouts",
};

/** The package whose models a custom kind (`Rollout`, `RolloutList`) is checked against. */
export function modelPackageOf(group: string, kind: string): string | undefined {
  const base = kind.replace(/(List|Patch)$/, "");
  return customResourceKindModels[`${group}:${base}`] ?? customResourceGroups[group];
}

/**
 * The API groups of the custom resources the pack reviews that have no published model of their
 * CRDs, with the definitions their kinds and fields were read from. Every reading of their
 * fields fails closed: a field the pack misreads leaves a destination it cannot place, never a
 * pass (paths/backups.ts).
 */
export const customResourceReferences: Readonly<Record<string, string>> = {
  "datadoghq.com": "https://github.com/DataDog/datadog-operator/tree/main/config/crd/bases/v1",
  "velero.io": "https://github.com/vmware-tanzu/velero/tree/main/config/crd/v1/bases",
  "oadp.openshift.io": "https://github.com/openshift/oadp-operator/tree/master/api/v1alpha1",
  "snapshot.storage.k8s.io":
    "https://github.com/kubernetes-csi/external-snapshotter/tree/master/client/config/crd",
  "metallb.io": "https://github.com/metallb/metallb/tree/main/config/crd/bases",
  "barmancloud.cnpg.io":
    "https://github.com/cloudnative-pg/plugin-barman-cloud/tree/main/config/crd/bases",
  "logging.openshift.io":
    "https://github.com/openshift/cluster-logging-operator/tree/master/api/logging/v1",
  "loki.grafana.com": "https://github.com/grafana/loki/tree/main/operator/api/loki/v1",
  "observability.openshift.io":
    "https://github.com/openshift/cluster-logging-operator/tree/master/api/observability/v1",
  "k8s.mariadb.com": "https://github.com/mariadb-operator/mariadb-operator/tree/main/api/v1alpha1",
  "mariadb.mmontes.io":
    "https://github.com/mariadb-operator/mariadb-operator/tree/main/api/v1alpha1",
  "acid.zalan.do":
    "https://github.com/zalando/postgres-operator/tree/master/pkg/apis/acid.zalan.do/v1",
  "redis.redis.opstreelabs.in": "https://github.com/OT-CONTAINER-KIT/redis-operator/tree/main/api",
  "pulumi.com":
    "https://github.com/pulumi/pulumi-kubernetes-operator/tree/master/operator/config/crd/bases",
  "fluxcd.controlplane.io":
    "https://github.com/controlplaneio-fluxcd/flux-operator/tree/main/api/v1",
  "pkg.crossplane.io": "https://github.com/crossplane/crossplane/tree/main/apis/pkg",
  "operator.tekton.dev":
    "https://github.com/tektoncd/operator/tree/main/pkg/apis/operator/v1alpha1",
  "core.oam.dev": "https://github.com/kubevela/kubevela/tree/master/apis/core.oam.dev/v1beta1",
  "elasticsearch.k8s.elastic.co":
    "https://github.com/elastic/cloud-on-k8s/tree/main/pkg/apis/elasticsearch",
  "kibana.k8s.elastic.co": "https://github.com/elastic/cloud-on-k8s/tree/main/pkg/apis/kibana",
  "apm.k8s.elastic.co": "https://github.com/elastic/cloud-on-k8s/tree/main/pkg/apis/apm",
  "beat.k8s.elastic.co": "https://github.com/elastic/cloud-on-k8s/tree/main/pkg/apis/beat",
  "agent.k8s.elastic.co": "https://github.com/elastic/cloud-on-k8s/tree/main/pkg/apis/agent",
  "logstash.k8s.elastic.co": "https://github.com/elastic/cloud-on-k8s/tree/main/pkg/apis/logstash",
  "enterprisesearch.k8s.elastic.co":
    "https://github.com/elastic/cloud-on-k8s/tree/main/pkg/apis/enterprisesearch",
  "maps.k8s.elastic.co": "https://github.com/elastic/cloud-on-k8s/tree/main/pkg/apis/maps",
  "secrets-store.csi.x-k8s.io":
    "https://github.com/kubernetes-sigs/secrets-store-csi-driver/tree/main/apis/v1",
  "cilium.io": "https://github.com/cilium/cilium/tree/main/pkg/k8s/apis/cilium.io/client/crds/v2",
  "projectcalico.org":
    "https://github.com/projectcalico/calico/tree/master/api/pkg/apis/projectcalico/v3",
  "crd.projectcalico.org":
    "https://github.com/projectcalico/calico/tree/master/libcalico-go/config/crd",
  "policy.networking.k8s.io":
    "https://github.com/kubernetes-sigs/network-policy-api/tree/main/apis",
  "submariner.io": "https://github.com/submariner-io/submariner-operator/tree/devel/api/v1alpha1",
  "multicluster.x-k8s.io": "https://github.com/kubernetes-sigs/mcs-api/tree/master/pkg/apis",
  "consul.hashicorp.com":
    "https://github.com/hashicorp/consul-k8s/tree/main/control-plane/api/v1alpha1",
  "skupper.io": "https://github.com/skupperproject/skupper/tree/main/config/crd/bases",
  "multicluster.linkerd.io":
    "https://github.com/linkerd/linkerd2/blob/main/multicluster/charts/linkerd-multicluster/templates/link-crd.yaml",
  "gateway.envoyproxy.io": "https://github.com/envoyproxy/gateway/tree/main/api/v1alpha1",
  "gateway.nginx.org": "https://github.com/nginx/nginx-gateway-fabric/tree/main/apis/v1alpha2",
  "gateway.kgateway.dev": "https://github.com/kgateway-dev/kgateway/tree/main/api/v1alpha1",
  "configuration.konghq.com":
    "https://github.com/Kong/kubernetes-configuration/tree/main/api/configuration/v1",
  "gateway-operator.konghq.com":
    "https://github.com/Kong/kong-operator/tree/main/api/gateway-operator",
  "projectcontour.io":
    "https://github.com/projectcontour/contour/tree/main/apis/projectcontour/v1alpha1",
  "gateway.k8s.aws":
    "https://github.com/kubernetes-sigs/aws-load-balancer-controller/tree/main/apis/gateway",
  "vpcresources.k8s.aws":
    "https://github.com/aws/amazon-vpc-resource-controller-k8s/tree/master/apis/vpcresources/v1beta1",
};

/** Whether a group's kinds are custom resources the pack reviews (with or without a model). */
export function isCustomResourceGroup(group: string | undefined): boolean {
  return (
    group !== undefined && (group in customResourceGroups || group in customResourceReferences)
  );
}

/**
 * Groups whose kinds are checked against the models of the group that succeeded them: Traefik 2's
 * `traefik.containo.us`, whose kinds Traefik 3 serves as `traefik.io`, with the fields the pack
 * reads unchanged.
 */
export const customResourceModelGroups: Readonly<Record<string, string>> = {
  "traefik.containo.us": "traefik.io",
};

/**
 * Kinds of an API version their group's published models do not yet hold, checked against the
 * models of the version they were promoted from, whose fields they keep: the Gateway API's TCPRoute
 * of `v1` (gateway-api `apis/v1/tcproute_types.go`), the `v1alpha2` kind's rules and backends.
 */
export const customResourceModelVersions: Readonly<Record<string, string>> = {
  "gateway.networking.k8s.io/v1:TCPRoute": "v1alpha2",
};

/** The group of a Kubernetes type token (`kubernetes:monitoring.coreos.com/v1:Probe`). */
export function kubernetesGroup(type: string): string | undefined {
  return /^kubernetes:([^/:]+)\//.exec(type)?.[1];
}

/**
 * Types the domain tables model. Writing a type's row is reviewing it, so a modelled type is
 * reviewed without being listed above — it can never fail for want of a line here, and no group
 * names it a second time (test/policy/reviewed.test.ts).
 */
export const modelledTypes: readonly string[] = [...tableTypes];

/** Every reviewed type: the listed ones and the modelled ones. */
export const reviewedTypes: ReadonlySet<string> = new Set([
  ...Object.values(reviewed).flat(),
  ...modelledTypes,
]);

/** The reviewed types that are custom resources, not kinds of the Kubernetes SDK. */
export const customResourceTypes: ReadonlySet<string> = new Set(
  [...reviewedTypes].filter((t) => isCustomResourceGroup(kubernetesGroup(t))),
);
