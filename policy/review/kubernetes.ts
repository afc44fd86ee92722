/**
 * The review of the kubernetes provider's resource types that no flow table models: which check reads
 * each place-naming input property, and the types classed as a whole (policy/review/model.ts).
 *
 * A Kubernetes object lives in its provider's cluster (kubernetes-cluster-placement), so most of
 * what the place rules mark names something inside that cluster: a UID, a node, an API path, a
 * host name an Ingress serves. The destinations through which a cluster sends data out are read
 * by kubernetes-egress, for every API version of a kind, its List and its Patch, each a row of the
 * Kubernetes table (policy/paths/types/kubernetes.ts), which makes those types flow-modelled:
 * - volume sources of pod specs (every workload kind, PodTemplate, PodPreset) and of
 *   PersistentVolumes and VolumeAttachments (`nfs.server`, `iscsi.targetPortal` and `portals`,
 *   `rbd.monitors`, `cephfs.monitors`, `scaleIO.gateway`, `quobyte.registry`): the node mounts
 *   storage there outside any NetworkPolicy, so an address neither private nor allowlisted
 *   fails, and a host name cannot be placed; `azureDisk` and `azureFile` are services of a cloud
 *   the pack does not place and always fail; `glusterfs.endpoints` names an Endpoints object of
 *   the cluster, judged at its addresses;
 * - webhook `clientConfig.url`s (admission, CRD conversion, audit sinks): the API server sends
 *   the objects (Secrets included) or audit events there, so a URL fails unless its host is an
 *   allowlisted address; a `service` reference stays in the cluster;
 * - Endpoints and EndpointSlice addresses, where traffic to a Service goes;
 * - the ipBlocks of NetworkPolicy Lists and Patches; the Services of a ServiceList and the
 *   Ingresses of Ingress Lists and Patches are judged by kubernetes-service-exposure;
 * - a StorageClass's `provisioner` and `parameters`, which decide where the volume of every claim
 *   of the class is created: a CSI driver of the two clouds (EBS, EFS, Alibaba disk, NAS, OSS)
 *   creates it in the cluster's region unless a parameter names another region, zone or
 *   endpoint, which must be inside (a key's ARN is key-locality's); the NFS and SMB drivers on
 *   the server a parameter names, judged like a volume source's; a provisioner the pack does not
 *   know, or a parameter the pack does not read for its driver (credentials of another account
 *   among them: a provisioner secret, a role to assume), is a destination that cannot be placed
 *   and fails;
 * - a ControllerRevision's `data`, the pod template a rollback applies: its volumes are judged as
 *   the owner's, and data that is no pod template the pack can read fails;
 * - a MutatingAdmissionPolicy rewrites objects after the pack has judged them, by CEL
 *   expressions the pack cannot evaluate: it (and a binding, whose rules narrow the policy's)
 *   fails unless its resource rules match only resources that carry no pod spec, volume or
 *   egress (events, leases, limit ranges, quotas, disruption budgets, priority classes,
 *   autoscalers).
 * Pods' `dnsConfig.nameservers` and `hostAliases[].ip` are reached by pod egress, which
 * kubernetes-namespace-egress and the NetworkPolicies govern for every workload kind and List.
 * Container `image`s name the registry the node pulls from: arn-locality places a cloud
 * registry's host (README, policy/placement.ts); a pull brings software in and sends no data of
 * the stack out, and no check reads other registries' hosts.
 */
import type { ProviderReview } from "./model";

/** A Kubernetes kind, its list and its patch type, in each of the API versions given. */
function kinds(group: string, versions: readonly string[], kind: string): string[] {
  return versions.flatMap((v) =>
    ["", "List", "Patch"].map((suffix) => `kubernetes:${group}/${v}:${kind}${suffix}`),
  );
}

export const review: ProviderReview = {
  properties: [
    {
      path: /(^|\.)(livenessProbe|readinessProbe|startupProbe|lifecycle\.(postStart|preStop))\.(httpGet|tcpSocket)\.host$/,
      reading: "not-a-place",
      reason:
        "the host the kubelet's health check or lifecycle hook connects to (the pod's own IP by default): the request carries only the path and headers the spec itself writes, never the pod's data, and its answer only restarts or stops the container",
    },
    {
      path: /(^|\.)hostAliases\[\]\.hostnames\[\]$/,
      reading: "not-a-place",
      reason:
        "names the pod's /etc/hosts maps to the hostAliases ip beside them: that ip is where the traffic goes, as pod egress",
    },
    {
      path: /(^|\.)rbd\.image$/,
      reading: "not-a-place",
      reason:
        "the name of an RBD image inside a Ceph pool: where it is stored is what rbd.monitors names (read by kubernetes-egress)",
    },
    {
      path: /(^|\.)scaleIO\.protectionDomain$/,
      reading: "not-a-place",
      reason:
        "the name of a protection domain inside the ScaleIO system that scaleIO.gateway names (read by kubernetes-egress)",
    },
    {
      path: /(^|\.)glusterfs\.endpointsNamespace$/,
      reading: "own-place",
      reason:
        "the namespace, in the same cluster, of the Endpoints object glusterfs.endpoints names",
    },
    {
      path: /(^|\.)glusterfs\.endpoints$/,
      reading: "own-place",
      reason:
        "the name of an Endpoints object of the same cluster: the GlusterFS servers are its addresses, which kubernetes-egress judges there",
    },
    {
      path: /(^|\.)quobyte\.tenant$/,
      reading: "not-a-place",
      reason:
        "the tenant inside the Quobyte system whose registry quobyte.registry names (read by kubernetes-egress)",
    },
    {
      path: /(^|\.)(dnsConfig\.nameservers\[\]|hostAliases\[\]\.ip)$/,
      reading: "kubernetes-namespace-egress",
      reason:
        "the pod sends its DNS queries, and the traffic for the aliased names, as pod egress: its namespace must deny egress by default (kubernetes-namespace-egress) and a NetworkPolicy that lets the address out is judged by kubernetes-egress",
    },
    {
      path: /(^|\.)image$/,
      reading: "arn-locality",
      reason:
        "the registry the node pulls the container image from: arn-locality places a cloud registry's host (ECR, ACR) by its region; a pull brings software in and sends none of the stack's data out",
    },
    {
      path: /(^|\.)user\.linux\.uid$/,
      reading: "not-a-place",
      reason: "the Linux user ID a container's process runs as",
    },
    {
      path: /^(items\[\]\.)?spec\.uid$/,
      types: /:CertificateSigningRequest(List|Patch)?$/,
      reading: "not-a-place",
      reason:
        "the UID of the user who asked for the certificate, which the API server fills in: an identity of the cluster, not a destination",
    },
    {
      path: /(^|\.)(uid|nodeUID|podUID|serviceAccountUID)$/,
      reading: "own-place",
      reason:
        "the UID of an object (node, pod, service account, secret, claim, event subject) that the API server resolves in the same cluster",
    },
    {
      path: /(^|\.)(specReplicasPath|statusReplicasPath)$/,
      types: /:CustomResourceDefinition(List|Patch)?$/,
      reading: "not-a-place",
      reason: "a JSON path inside the custom resource that the scale subresource reads",
    },
    {
      path: /(^|\.)externalDocs\.url$/,
      types: /:CustomResourceDefinition(List|Patch)?$/,
      reading: "not-a-place",
      reason:
        "a documentation link in the CRD's OpenAPI schema: the API server publishes it and sends nothing there",
    },
    {
      path: /(^|\.)nonResourceURLs\[\]$/,
      reading: "not-a-place",
      reason:
        'URL path prefixes of the API server itself ("/healthz", "/metrics") that a role grants or a flow schema matches',
    },
    {
      path: /(^|\.)target(Average)?Value$/,
      types: /:HorizontalPodAutoscaler(List|Patch)?$/,
      reading: "not-a-place",
      reason: "a metric quantity the autoscaler scales towards",
    },
    {
      path: /(^|\.)(source|deprecatedSource)\.host$/,
      types: /:Event(List|Patch)?$/,
      reading: "not-a-place",
      reason: "the name of the node whose component reported the event",
    },
    {
      path: /(^|\.)spec\.podCIDRs?(\[\])?$/,
      types: /^kubernetes:core\/v1:Node(List|Patch)?$/,
      reading: "not-a-place",
      reason:
        "the range the cluster assigns the node's pods their addresses from: addresses inside the cluster network, not a destination",
    },
    {
      path: /(^|\.)status\.addresses\[\]\.address$/,
      types: /^kubernetes:core\/v1:NodeList$/,
      reading: "not-a-place",
      reason: "the node's own addresses, as its kubelet reports them",
    },
    {
      path: /(^|\.)status\.(hostIP|podIP|hostIPs\[\]\.ip|podIPs\[\]\.ip)$/,
      reading: "not-a-place",
      reason: "the pod's and its node's own addresses, as the kubelet reports them",
    },
    {
      path: /(^|\.)spec\.cidrs\[\]$/,
      types: /:ServiceCIDR(List|Patch)?$/,
      reading: "not-a-place",
      reason:
        "the ranges the cluster takes its Services' virtual IPs from: traffic to them is answered inside the cluster",
    },
    {
      path: /(^|\.)networkData\.(hardwareAddress|ips\[\])$/,
      types: /:ResourceClaim(List|Patch)?$/,
      reading: "not-a-place",
      reason:
        "the MAC and IP addresses of a network device allocated to the claim on a node of the cluster, as its driver reports them",
    },
    {
      path: /(^|\.)spec\.(rules\[\]\.host|tls\[\]\.hosts\[\])$/,
      types: /:Ingress(List|Patch)?$/,
      reading: "not-a-place",
      reason:
        "the host names the Ingress serves (DNS names clients use to reach it), not hosts it sends to",
    },
    {
      path: /(^|\.)status\.loadBalancer\.ingress\[\]\.(hostname|ip|ipMode)$/,
      reading: "not-a-place",
      reason:
        "the address the load balancer in front of the Service or Ingress serves on, as its controller reports it",
    },
    {
      path: /(^|\.)spec\.clusterIPs?(\[\])?$/,
      types: /^kubernetes:core\/v1:Service(List|Patch)?$/,
      reading: "not-a-place",
      reason: "the Service's own virtual address inside the cluster",
    },
    {
      path: /^(items\[\]\.)?addressType$/,
      types: /:EndpointSlice(List|Patch)?$/,
      reading: "not-a-place",
      reason: "the address family of the slice: IPv4, IPv6 or FQDN",
    },
    {
      path: /(^|\.)(subsets\[\]\.(addresses|notReadyAddresses)\[\]|endpoints\[\])\.hostname$/,
      types: /:(Endpoints|EndpointSlice)(List|Patch)?$/,
      reading: "not-a-place",
      reason:
        "the DNS name the cluster gives the endpoint inside the Service's domain: the address beside it (not read) is where the traffic goes",
    },
  ],
  types: [
    {
      class: "regional",
      reason:
        "an APIService makes the cluster's API server proxy one API group to spec.service, a Service of the same cluster (or serve it itself): where that Service sends the requests is judged at the Service (kubernetes-service-exposure reads its ExternalName) and at its Endpoints, which stay unclassified",
      types: kinds("apiregistration.k8s.io", ["v1", "v1beta1"], "APIService"),
    },
    {
      class: "regional",
      reason:
        "a CSIDriver only tells the cluster how to call a CSI driver already installed (attach, pod info, service-account tokens for the driver): the driver's pods are judged as workloads, and the StorageClasses that provision its volumes by kubernetes-egress",
      types: kinds("storage.k8s.io", ["v1", "v1beta1"], "CSIDriver"),
    },
    {
      class: "regional",
      reason:
        "a VolumeAttributesClass changes mutable attributes (IOPS, throughput) of volumes already provisioned: where a volume is stays what its StorageClass decided",
      types: kinds("storage.k8s.io", ["v1", "v1alpha1", "v1beta1"], "VolumeAttributesClass"),
    },
  ],
  reviewFirst: [],
};
