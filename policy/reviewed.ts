/**
 * The resource types the residency pack has reviewed without modelling them — data, reviewed
 * like code.
 *
 * A type a domain table models (policy/paths/types) is reviewed because it is modelled: its row
 * is its review, and it is never listed here. A type belongs here only after someone has read
 * its inputs against shared/research/data-paths.md and decided how a path across the border
 * would show without a row of its own: through a check of one of the policies (the Kubernetes
 * checks), through an ARN the generic scanners read, through the multi-hop graph of the border
 * analysis, or not at all (controls, regional building blocks and inert metadata).
 * `reviewed-resource-types` fails every other type closed, so adding a resource type to a
 * program means modelling it or adding it here, with thought.
 *
 * Providers (`pulumi:providers:*`) and component resources are not listed: they are not subject.
 */
import { modelledTypes as tableTypes } from "./paths/types";

/** Reviewed types by why they were accepted. */
export const reviewed = {
  /**
   * Kubernetes objects judged by kubernetes-egress, kubernetes-namespace-egress and
   * kubernetes-service-exposure without a row of their own (policy/paths/kubernetes.ts
   * kubernetesChecks). An IngressClass only names the controller (and its parameters) that
   * kubernetes-service-exposure reads. Every API version of a kind, its List (each entry judged
   * as the object it is) and its Patch are judged alike: workloads and pod templates by their
   * volumes' servers and their pods' egress, PersistentVolumes and VolumeAttachments by their
   * volume sources, webhooks by their URLs, Endpoints and EndpointSlices by their addresses,
   * StorageClasses by their provisioner and parameters, ControllerRevisions by the pod template a
   * rollback applies, mutating admission policies and their bindings by the resources they
   * rewrite.
   */
  kubernetes: [
    "kubernetes:admissionregistration.k8s.io/v1:MutatingAdmissionPolicy",
    "kubernetes:admissionregistration.k8s.io/v1:MutatingAdmissionPolicyBinding",
    "kubernetes:admissionregistration.k8s.io/v1:MutatingAdmissionPolicyBindingList",
    "kubernetes:admissionregistration.k8s.io/v1:MutatingAdmissionPolicyBindingPatch",
    "kubernetes:admissionregistration.k8s.io/v1:MutatingAdmissionPolicyList",
    "kubernetes:admissionregistration.k8s.io/v1:MutatingAdmissionPolicyPatch",
    "kubernetes:admissionregistration.k8s.io/v1:MutatingWebhookConfigurationList",
    "kubernetes:admissionregistration.k8s.io/v1:ValidatingWebhookConfigurationList",
    "kubernetes:admissionregistration.k8s.io/v1alpha1:MutatingAdmissionPolicy",
    "kubernetes:admissionregistration.k8s.io/v1alpha1:MutatingAdmissionPolicyBinding",
    "kubernetes:admissionregistration.k8s.io/v1alpha1:MutatingAdmissionPolicyBindingList",
    "kubernetes:admissionregistration.k8s.io/v1alpha1:MutatingAdmissionPolicyBindingPatch",
    "kubernetes:admissionregistration.k8s.io/v1alpha1:MutatingAdmissionPolicyList",
    "kubernetes:admissionregistration.k8s.io/v1alpha1:MutatingAdmissionPolicyPatch",
    "kubernetes:admissionregistration.k8s.io/v1beta1:MutatingAdmissionPolicy",
    "kubernetes:admissionregistration.k8s.io/v1beta1:MutatingAdmissionPolicyBinding",
    "kubernetes:admissionregistration.k8s.io/v1beta1:MutatingAdmissionPolicyBindingList",
    "kubernetes:admissionregistration.k8s.io/v1beta1:MutatingAdmissionPolicyBindingPatch",
    "kubernetes:admissionregistration.k8s.io/v1beta1:MutatingAdmissionPolicyList",
    "kubernetes:admissionregistration.k8s.io/v1beta1:MutatingAdmissionPolicyPatch",
    "kubernetes:admissionregistration.k8s.io/v1beta1:MutatingWebhookConfigurationList",
    "kubernetes:admissionregistration.k8s.io/v1beta1:ValidatingWebhookConfigurationList",
    "kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinitionList",
    "kubernetes:apiextensions.k8s.io/v1beta1:CustomResourceDefinitionList",
    "kubernetes:apps/v1:ControllerRevision",
    "kubernetes:apps/v1:ControllerRevisionList",
    "kubernetes:apps/v1:ControllerRevisionPatch",
    "kubernetes:apps/v1:DaemonSetList",
    "kubernetes:apps/v1:DeploymentList",
    "kubernetes:apps/v1:ReplicaSetList",
    "kubernetes:apps/v1:StatefulSetList",
    "kubernetes:apps/v1beta1:ControllerRevision",
    "kubernetes:apps/v1beta1:ControllerRevisionList",
    "kubernetes:apps/v1beta1:ControllerRevisionPatch",
    "kubernetes:apps/v1beta1:DeploymentList",
    "kubernetes:apps/v1beta1:StatefulSetList",
    "kubernetes:apps/v1beta2:ControllerRevision",
    "kubernetes:apps/v1beta2:ControllerRevisionList",
    "kubernetes:apps/v1beta2:ControllerRevisionPatch",
    "kubernetes:apps/v1beta2:DaemonSetList",
    "kubernetes:apps/v1beta2:DeploymentList",
    "kubernetes:apps/v1beta2:ReplicaSetList",
    "kubernetes:apps/v1beta2:StatefulSetList",
    "kubernetes:auditregistration.k8s.io/v1alpha1:AuditSinkList",
    "kubernetes:batch/v1:CronJobList",
    "kubernetes:batch/v1:JobList",
    "kubernetes:batch/v1beta1:CronJobList",
    "kubernetes:batch/v2alpha1:CronJobList",
    "kubernetes:core/v1:EndpointsList",
    "kubernetes:core/v1:PersistentVolumeList",
    "kubernetes:core/v1:PodList",
    "kubernetes:core/v1:PodTemplateList",
    "kubernetes:core/v1:ReplicationControllerList",
    "kubernetes:discovery.k8s.io/v1:EndpointSliceList",
    "kubernetes:discovery.k8s.io/v1beta1:EndpointSliceList",
    "kubernetes:extensions/v1beta1:DaemonSetList",
    "kubernetes:extensions/v1beta1:DeploymentList",
    "kubernetes:extensions/v1beta1:NetworkPolicy",
    "kubernetes:extensions/v1beta1:NetworkPolicyList",
    "kubernetes:extensions/v1beta1:NetworkPolicyPatch",
    "kubernetes:extensions/v1beta1:ReplicaSetList",
    "kubernetes:networking.k8s.io/v1:IngressClass",
    "kubernetes:networking.k8s.io/v1:NetworkPolicyList",
    "kubernetes:networking.k8s.io/v1:NetworkPolicyPatch",
    "kubernetes:settings.k8s.io/v1alpha1:PodPresetList",
    "kubernetes:storage.k8s.io/v1:StorageClass",
    "kubernetes:storage.k8s.io/v1:StorageClassList",
    "kubernetes:storage.k8s.io/v1:StorageClassPatch",
    "kubernetes:storage.k8s.io/v1:VolumeAttachmentList",
    "kubernetes:storage.k8s.io/v1alpha1:VolumeAttachmentList",
    "kubernetes:storage.k8s.io/v1beta1:StorageClass",
    "kubernetes:storage.k8s.io/v1beta1:StorageClassList",
    "kubernetes:storage.k8s.io/v1beta1:StorageClassPatch",
    "kubernetes:storage.k8s.io/v1beta1:VolumeAttachmentList",
  ],
  /**
   * Types whose only destinations are ARNs (log subscriptions, event targets, real-time logs,
   * registry policies): arn-locality and key-locality place every ARN they name.
   */
  arnReferences: [
    "aws:cloudfront/realtimeLogConfig:RealtimeLogConfig",
    "aws:cloudwatch/eventTarget:EventTarget",
    "aws:cloudwatch/logAccountPolicy:LogAccountPolicy",
    "aws:cloudwatch/logDestination:LogDestination",
    "aws:ecr/registryPolicy:RegistryPolicy",
    "aws:oam/link:Link",
    "aws:route53/queryLog:QueryLog",
  ],
  /**
   * Containers, attachments, routes and accepters whose path runs through other resources
   * (a transit router's peer attachment, a peering's requester, a route's target): each is
   * placed by resource-placement, and the border analysis (policy/paths) follows the hops.
   */
  graph: [
    "alicloud:cen/bandwidthPackageAttachment:BandwidthPackageAttachment",
    "alicloud:cen/transitRouterEcrAttachment:TransitRouterEcrAttachment",
    "alicloud:cen/transitRouterMulticastDomainPeerMember:TransitRouterMulticastDomainPeerMember",
    "alicloud:cen/transitRouterRouteEntry:TransitRouterRouteEntry",
    "alicloud:cen/transitRouterRouteTableAssociation:TransitRouterRouteTableAssociation",
    "alicloud:cen/transitRouterRouteTablePropagation:TransitRouterRouteTablePropagation",
    "alicloud:expressconnect/vbrPconnAssociation:VbrPconnAssociation",
    "alicloud:vpc/peerConnectionAccepter:PeerConnectionAccepter",
    "alicloud:vpc/routerInterfaceConnection:RouterInterfaceConnection",
    "aws:directconnect/gateway:Gateway",
    "aws:ec2/peeringConnectionOptions:PeeringConnectionOptions",
    "aws:ec2/vpcPeeringConnectionAccepter:VpcPeeringConnectionAccepter",
    "aws:ec2/vpnGatewayRoutePropagation:VpnGatewayRoutePropagation",
    "aws:ec2transitgateway/peeringAttachmentAccepter:PeeringAttachmentAccepter",
    "aws:ec2transitgateway/route:Route",
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
   * Managed clusters' nodes and their configuration. Each lives in its provider's region
   * (resource-placement); its nodes sit in the subnets it names, which the border analysis reads
   * as the cluster's node network (policy/paths/types/clusters.ts). An add-on configures software
   * inside the cluster; the roles and attachments only grant the cluster and its nodes AWS's
   * managed policies or a key ARN, which arn-locality places.
   */
  clusters: [
    "aws:eks/addon:Addon",
    "aws:eks/nodeGroup:NodeGroup",
    "aws:iam/role:Role",
    "aws:iam/rolePolicy:RolePolicy",
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
  ],
  /**
   * Kubernetes workloads and their configuration: they run inside the cluster, and what they
   * can reach is governed by the NetworkPolicies and Services judged above.
   */
  kubernetesWorkloads: [
    "kubernetes:core/v1:ConfigMap",
    "kubernetes:core/v1:Secret",
    "kubernetes:core/v1:ServiceAccount",
  ],
} as const satisfies Record<string, readonly string[]>;

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
