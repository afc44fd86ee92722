/**
 * How Kubernetes objects are read (policy/paths/kubernetes.ts) in the test process: the objects
 * of a List, the servers a volume, webhook or Service endpoint sends data to and what
 * kubernetes-egress says of each, a StorageClass's parameters, where a workload keeps its pod
 * template, a NetworkPolicy's ports, selectors and default-deny, an object's namespace, the
 * internal-load-balancer annotations, the cloud of an object's cluster and an IngressClass's
 * AlbConfig. The Kubernetes policies decide through these; the policy tests reach them only
 * through the pack's process, so a wrong answer here would otherwise go unseen by a mutant.
 */
import { kube, messagesOf, onCluster } from "../helpers/cluster-objects";
import type { EgressAllowEntry } from "../../policy/framework";
import {
  albConfigOf,
  baseKind,
  clusterCloud,
  clusterDomain,
  type DestinationField,
  destinationFields,
  destinationWords,
  egressFields,
  hostsOf,
  internalAnnotationsFor,
  isDefaultDenyEgress,
  isInternalLoadBalancer,
  isListType,
  namespaceOf,
  objectsOf,
  parameterReading,
  podTemplateOf,
  portsOf,
  provisioners,
  readDestination,
  restrictsEgress,
  scopeKey,
  selects,
  serverHosts,
  serviceSelects,
} from "../../policy/paths/kubernetes";
import type { BorderResource } from "../../policy/paths/model";
import { Resolver } from "../../policy/paths/resolver";
import { ingresses, services } from "../../policy/paths/types/kubernetes";
import { unknown } from "../../policy/paths/values";
import { getJurisdiction } from "../../residency/jurisdictions";
import { proxied, resource, unknownText } from "./support";

const cn = getJurisdiction("CN");

const pod = "kubernetes:core/v1:Pod";
const deployment = "kubernetes:apps/v1:Deployment";
const networkPolicy = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
const k8sProvider = "pulumi:providers:kubernetes";

describe("kinds, Lists and Patches", () => {
  test.each<[string, string, boolean]>([
    [deployment, deployment, false],
    ["kubernetes:apps/v1:DeploymentList", deployment, true],
    ["kubernetes:apps/v1:DeploymentPatch", deployment, false],
    ["kubernetes:core/v1:Endpoints", "kubernetes:core/v1:Endpoints", false],
  ])("%s is of kind %s, a List: %s", (type, kind, list) => {
    expect(baseKind(type)).toBe(kind);
    expect(isListType(type)).toBe(list);
  });

  test("an object is itself, at the root of its props", () => {
    const r = resource(pod, "web", { metadata: { name: "web" } });
    expect(objectsOf(r)).toEqual([{ object: r, at: "" }]);
  });

  test("a List is each of its items, read as the object it is, with the items' own props", () => {
    const r = resource(
      "kubernetes:core/v1:PodList",
      "pods",
      { items: [{ metadata: { name: "a" } }, { metadata: { name: "b" } }] },
      { provider: "urn:k8s" },
    );
    expect(objectsOf(r)).toEqual([
      { object: { ...r, props: { metadata: { name: "a" } } }, at: "items[0]." },
      { object: { ...r, props: { metadata: { name: "b" } } }, at: "items[1]." },
    ]);
  });

  test("a List whose items are not known at preview is one object whose props are unknown", () => {
    const r = resource("kubernetes:core/v1:PodList", "pods", { items: unknown });
    expect(objectsOf(r)).toEqual([{ object: { ...r, props: unknown }, at: "items." }]);
  });

  test("an entry not known at preview stays unknown; a List without items has no object", () => {
    const r = resource("kubernetes:core/v1:PodList", "pods", { items: [unknown] });
    expect(objectsOf(r)).toEqual([{ object: { ...r, props: unknown }, at: "items[0]." }]);
    expect(objectsOf(resource("kubernetes:core/v1:PodList", "none"))).toEqual([]);
  });

  test("the Service and Ingress kinds kubernetes-service-exposure judges (the kubernetes table's rows)", () => {
    expect(Object.keys(services)).toEqual([
      "kubernetes:core/v1:Service",
      "kubernetes:core/v1:ServiceList",
      "kubernetes:core/v1:ServicePatch",
    ]);
    expect(Object.keys(ingresses)).toEqual(
      ["networking.k8s.io/v1", "networking.k8s.io/v1beta1", "extensions/v1beta1"].flatMap((v) =>
        ["", "List", "Patch"].map((s) => `kubernetes:${v}:Ingress${s}`),
      ),
    );
  });
});

/** The remote volume sources of a pod spec's volumes, at `at`. */
const volumeFields = (at: string): DestinationField[] => [
  { path: `${at}.nfs.server`, what: "NFS server", read: "address" },
  { path: `${at}.iscsi.targetPortal`, what: "iSCSI target portal", read: "address" },
  { path: `${at}.iscsi.portals[]`, what: "iSCSI portal", read: "address" },
  { path: `${at}.rbd.monitors[]`, what: "Ceph monitor", read: "address" },
  { path: `${at}.cephfs.monitors[]`, what: "Ceph monitor", read: "address" },
  { path: `${at}.scaleIO.gateway`, what: "ScaleIO gateway", read: "url" },
  { path: `${at}.quobyte.registry`, what: "Quobyte registry", read: "addresses" },
  { path: `${at}.azureDisk.diskURI`, what: "Azure disk", read: "outside" },
  { path: `${at}.azureFile.shareName`, what: "Azure file share", read: "outside" },
  { path: `${at}.csi`, what: "CSI volume", read: "csi" },
  // A PersistentVolume's own spec (and one inline in a volume attachment) has mount options.
  ...(/(^|\.)(spec|inlineVolumeSpec)$/.test(at)
    ? [{ path: `${at}.mountOptions[]`, what: "volume", read: "mount-option" } as const]
    : []),
];

describe("the fields through which a cluster sends data to a server", () => {
  test.each<[string, DestinationField[]]>([
    [pod, volumeFields("spec.volumes[]")],
    ["kubernetes:core/v1:PodPatch", volumeFields("spec.volumes[]")],
    ["kubernetes:core/v1:PodList", volumeFields("items[].spec.volumes[]")],
    [deployment, volumeFields("spec.template.spec.volumes[]")],
    ["kubernetes:apps/v1:DeploymentList", volumeFields("items[].spec.template.spec.volumes[]")],
    ["kubernetes:batch/v1:CronJob", volumeFields("spec.jobTemplate.spec.template.spec.volumes[]")],
    ["kubernetes:core/v1:PodTemplate", volumeFields("template.spec.volumes[]")],
    ["kubernetes:core/v1:PersistentVolume", volumeFields("spec")],
    ["kubernetes:core/v1:PersistentVolumeList", volumeFields("items[].spec")],
    ["kubernetes:storage.k8s.io/v1:VolumeAttachment", volumeFields("spec.source.inlineVolumeSpec")],
    ["kubernetes:settings.k8s.io/v1alpha1:PodPreset", volumeFields("spec.volumes[]")],
    ["kubernetes:apps/v1:ControllerRevision", volumeFields("data.spec.template.spec.volumes[]")],
    [
      "kubernetes:admissionregistration.k8s.io/v1:MutatingWebhookConfiguration",
      [{ path: "webhooks[].clientConfig.url", what: "admission webhook", read: "url" }],
    ],
    [
      "kubernetes:admissionregistration.k8s.io/v1beta1:ValidatingWebhookConfigurationList",
      [{ path: "items[].webhooks[].clientConfig.url", what: "admission webhook", read: "url" }],
    ],
    [
      "kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition",
      [
        {
          path: "spec.conversion.webhook.clientConfig.url",
          what: "conversion webhook",
          read: "url",
        },
      ],
    ],
    [
      "kubernetes:apiextensions.k8s.io/v1beta1:CustomResourceDefinition",
      [
        {
          path: "spec.conversion.webhookClientConfig.url",
          what: "conversion webhook",
          read: "url",
        },
      ],
    ],
    [
      "kubernetes:auditregistration.k8s.io/v1alpha1:AuditSink",
      [{ path: "spec.webhook.clientConfig.url", what: "audit webhook", read: "url" }],
    ],
    [
      "kubernetes:core/v1:Endpoints",
      [
        { path: "subsets[].addresses[].ip", what: "Service endpoint", read: "address" },
        { path: "subsets[].notReadyAddresses[].ip", what: "Service endpoint", read: "address" },
      ],
    ],
    [
      "kubernetes:discovery.k8s.io/v1:EndpointSliceList",
      [{ path: "items[].endpoints[].addresses[]", what: "Service endpoint", read: "address" }],
    ],
    ["kubernetes:core/v1:Service", []],
    [networkPolicy, []],
    ["kubernetes:core/v1:PersistentVolumeClaim", []],
    ["kubernetes:storage.k8s.io/v1:StorageClass", []],
  ])("%s", (type, fields) => {
    expect(destinationFields(type)).toEqual(fields);
    // Asked again, the same answer.
    expect(destinationFields(type)).toEqual(fields);
  });

  test("the input paths kubernetes-egress reads, with their formats", () => {
    const endpoint = (path: string) => ({ path, format: "endpoint" });
    const volumes = (at: string) => [
      endpoint(`${at}.nfs.server`),
      endpoint(`${at}.iscsi.targetPortal`),
      endpoint(`${at}.iscsi.portals[]`),
      endpoint(`${at}.rbd.monitors[]`),
      endpoint(`${at}.cephfs.monitors[]`),
      { path: `${at}.scaleIO.gateway`, format: "url" },
      endpoint(`${at}.quobyte.registry`),
      { path: `${at}.azureDisk.diskURI`, format: "outside" },
      { path: `${at}.azureFile.shareName`, format: "outside" },
      { path: `${at}.csi`, format: "csi" },
    ];
    expect(egressFields(pod)).toEqual(volumes("spec.volumes[]"));
    expect(egressFields("kubernetes:storage.k8s.io/v1:StorageClass")).toEqual([
      { path: "provisioner", format: "provisioner" },
      { path: "parameters", format: "parameters (by provisioner)" },
    ]);
    expect(egressFields("kubernetes:storage.k8s.io/v1beta1:StorageClassList")).toEqual([
      { path: "items[].provisioner", format: "provisioner" },
      { path: "items[].parameters", format: "parameters (by provisioner)" },
    ]);
    expect(egressFields("kubernetes:apps/v1beta2:ControllerRevision")).toEqual([
      { path: "data", format: "pod template" },
      ...volumes("data.spec.template.spec.volumes[]"),
    ]);
    expect(
      egressFields("kubernetes:admissionregistration.k8s.io/v1:MutatingAdmissionPolicy"),
    ).toEqual([
      { path: "spec.matchConstraints.resourceRules[]", format: "resources" },
      { path: "spec.mutations[]", format: "opaque (CEL)" },
    ]);
    expect(
      egressFields(
        "kubernetes:admissionregistration.k8s.io/v1alpha1:MutatingAdmissionPolicyBinding",
      ),
    ).toEqual([{ path: "spec.matchResources.resourceRules[]", format: "resources" }]);
    expect(
      egressFields("kubernetes:admissionregistration.k8s.io/v1:MutatingWebhookConfiguration"),
    ).toEqual([{ path: "webhooks[].clientConfig.url", format: "url" }]);
    expect(egressFields(networkPolicy)).toEqual([
      { path: "spec.egress[].to[].ipBlock.cidr", format: "cidr" },
    ]);
    expect(egressFields("kubernetes:extensions/v1beta1:NetworkPolicyPatch")).toEqual([
      { path: "spec.egress[].to[].ipBlock.cidr", format: "cidr" },
    ]);
    expect(egressFields("kubernetes:networking.k8s.io/v1:NetworkPolicyList")).toEqual([
      { path: "items[].spec.egress[].to[].ipBlock.cidr", format: "cidr" },
    ]);
    expect(egressFields("kubernetes:core/v1:Service")).toEqual([]);
  });
});

describe("what kubernetes-egress says of each destination field", () => {
  const field = (what: string, read: DestinationField["read"]): DestinationField => ({
    path: "x",
    what,
    read,
  });

  test.each<[string, DestinationField, ReturnType<typeof destinationWords>]>([
    [
      "a webhook's URL",
      field("admission webhook", "url"),
      {
        must: "send objects only to webhooks inside the cluster",
        how: "the API server sends the admission webhook every object or event it matches",
        fix: "Serve the webhook from a Service of the cluster (clientConfig.service) instead of a url",
      },
    ],
    [
      "a ScaleIO gateway's URL, which is a URL too",
      field("ScaleIO gateway", "url"),
      {
        must: "send objects only to webhooks inside the cluster",
        how: "the API server sends the ScaleIO gateway every object or event it matches",
        fix: "Serve the webhook from a Service of the cluster (clientConfig.service) instead of a url",
      },
    ],
    [
      "a Service endpoint",
      field("Service endpoint", "address"),
      {
        must: "send Service traffic only to private or allowlisted addresses",
        how: "the Service's traffic goes there, outside any NetworkPolicy of the pods that send it",
        fix: "Point the endpoints at private addresses, or add the address to the egress allowlist with a reason",
      },
    ],
    [
      "a volume of a cloud the pack does not place",
      field("Azure disk", "outside"),
      {
        must: "mount volumes only from private or allowlisted servers",
        how: "the node mounts the Azure disk outside any NetworkPolicy and the pods write their data there",
        fix: "Use a volume of the cluster's own cloud (a claim of one of its storage classes) or a private NFS, iSCSI or Ceph server",
      },
    ],
    [
      "a volume server",
      field("NFS server", "address"),
      {
        must: "mount volumes only from private or allowlisted servers",
        how: "the node mounts the NFS server outside any NetworkPolicy and the pods write their data there",
        fix: "Serve the volume from a private address (or a storage class of the cluster's cloud), or add the server's address to the egress allowlist, or the server's host name to egressHosts, with a reason",
      },
    ],
  ])("%s", (_label, f, words) => {
    expect(destinationWords(f)).toEqual(words);
  });
});

describe("the servers a destination value sends data to", () => {
  const allowlist: EgressAllowEntry[] = [{ cidr: "198.51.100.0/24", reason: "partner" }];
  const nfs: DestinationField = { path: "p", what: "NFS server", read: "address" };
  const quobyte: DestinationField = { path: "p", what: "Quobyte registry", read: "addresses" };
  const webhook: DestinationField = { path: "p", what: "admission webhook", read: "url" };
  const azure: DestinationField = { path: "p", what: "Azure disk", read: "outside" };
  const publicAddress = (text: string, host: string, what = "NFS server") => ({
    why: `is ${JSON.stringify(text)}, a public address that the egress allowlist of CN does not cover`,
    place: `${host} (${what})`,
    to: "internet",
  });
  const privateAddress = (text: string, host: string, what: string) => ({
    why: `is ${JSON.stringify(text)}, a private address of no network of the stack that the egress allowlist of CN does not cover`,
    place: `${host} (${what})`,
    to: "unplaced",
  });
  const aHost = (text: string, host: string) => ({
    why: `is ${JSON.stringify(text)}, a host the pack cannot place`,
    place: `${host} (cannot be placed)`,
    to: "unplaced",
    host,
  });

  test.each<[string, DestinationField, string, unknown[]]>([
    ["a private server", nfs, "10.0.0.5", []],
    ["a private server with a port", nfs, "10.0.0.5:2049", []],
    ["a private IPv6 server with a port", nfs, "[fd00::1]:3260", []],
    ["an allowlisted server", nfs, "198.51.100.7", []],
    ["a server of the cluster", nfs, "nfs.storage.svc.cluster.local", []],
    ["a server of the cluster, short", nfs, "nfs.storage.svc", []],
    ["a public server", nfs, "8.8.8.8", [publicAddress("8.8.8.8", "8.8.8.8")]],
    [
      "a public server with a port",
      nfs,
      "8.8.8.8:2049",
      [publicAddress("8.8.8.8:2049", "8.8.8.8")],
    ],
    [
      "a public IPv6 server with a port",
      nfs,
      "[2001:4860::8888]:3260",
      [publicAddress("[2001:4860::8888]:3260", "2001:4860::8888")],
    ],
    // Shared address space (RFC 6598) is not private.
    ["a carrier-grade NAT address", nfs, "100.64.0.1", [publicAddress("100.64.0.1", "100.64.0.1")]],
    ["a host name", nfs, "nfs.example.com", [aHost("nfs.example.com", "nfs.example.com")]],
    [
      "several registries, each judged",
      quobyte,
      "10.0.0.1:7861, 8.8.4.4:7861,reg.example.com,,registry.q.svc",
      [
        publicAddress(
          "10.0.0.1:7861, 8.8.4.4:7861,reg.example.com,,registry.q.svc",
          "8.8.4.4",
          "Quobyte registry",
        ),
        aHost("10.0.0.1:7861, 8.8.4.4:7861,reg.example.com,,registry.q.svc", "reg.example.com"),
      ],
    ],
    ["an allowlisted webhook", webhook, "https://198.51.100.9:8443/mutate", []],
    [
      // The API server calls a webhook, maybe from outside the cluster's network.
      "a private webhook, not allowlisted",
      webhook,
      "https://10.0.0.9/mutate",
      [privateAddress("https://10.0.0.9/mutate", "10.0.0.9", "admission webhook")],
    ],
    [
      "a public IPv6 webhook",
      webhook,
      "https://[2001:4860::8888]:443/x",
      [publicAddress("https://[2001:4860::8888]:443/x", "2001:4860::8888", "admission webhook")],
    ],
    [
      "a webhook named by host",
      webhook,
      "https://hooks.example.com/validate",
      [aHost("https://hooks.example.com/validate", "hooks.example.com")],
    ],
    [
      // A URL reaches the cluster's DNS name from wherever the API server runs.
      "a webhook URL with the cluster's DNS name",
      webhook,
      "https://hook.system.svc/validate",
      [aHost("https://hook.system.svc/validate", "hook.system.svc")],
    ],
    [
      "a URL that cannot be read",
      webhook,
      "hooks.example.com/validate",
      [
        {
          why: 'is "hooks.example.com/validate", not a URL the pack can read',
          place: "hooks.example.com/validate (cannot be placed)",
          to: "unplaced",
        },
      ],
    ],
    [
      "a URL without a host",
      webhook,
      "file:///etc/hook",
      [
        {
          why: 'is "file:///etc/hook", not a URL the pack can read',
          place: "file:///etc/hook (cannot be placed)",
          to: "unplaced",
        },
      ],
    ],
    [
      "a service of a cloud the pack does not place, even at a private address",
      azure,
      "10.0.0.1",
      [
        {
          why: 'names an Azure disk ("10.0.0.1"), a service of a cloud the pack cannot place',
          place: "an Azure disk (cannot be placed)",
          to: "unplaced",
        },
      ],
    ],
  ])("%s", (_label, f, text, findings) => {
    expect(readDestination(f, text, allowlist, "CN")).toEqual(findings);
  });

  test("the allowlist is the stack's: without it an allowlisted server is public", () => {
    expect(readDestination(nfs, "198.51.100.7", [], "CN")).toEqual([
      publicAddress("198.51.100.7", "198.51.100.7"),
    ]);
    expect(readDestination(nfs, "198.51.100.7", allowlist, "EU")).toEqual([]);
    expect(readDestination(nfs, "8.8.8.8", [], "EU")[0].why).toBe(
      'is "8.8.8.8", a public address that the egress allowlist of EU does not cover',
    );
  });

  test.each<[string, DestinationField["read"], string[] | undefined]>([
    ["https://hook.example.com:8443/x", "url", ["hook.example.com"]],
    ["https://[fd00::1]:8443/x", "url", ["fd00::1"]],
    ["not a url", "url", undefined],
    ["mailto:ops@example.com", "url", undefined],
    ["10.0.0.5:6789", "address", ["10.0.0.5"]],
    ["10.0.0.5", "address", ["10.0.0.5"]],
    ["[fd00::1]:3260", "address", ["fd00::1"]],
    ["[fd00::1]", "address", ["fd00::1"]],
    ["fd00::1", "address", ["fd00::1"]],
    ["  ceph.example.com:6789 ", "address", ["ceph.example.com"]],
    // No host, but a list or a placeholder something fills in later: nothing the pack can read.
    ["a,b", "address", undefined],
    ["${HOST}:5432", "service-address", undefined],
    ["$(DB_HOST):5432", "service-address", undefined],
    ["${secrets:kafka/warehouse:url}", "service-address", undefined],
    ["http://${HOST}:4317", "request-url", undefined],
    ["{{ .Values.host }}", "address", undefined],
    // The node's own address (downward API), and Thanos's DNS lookups, are read.
    ["http://$(HOST_IP):4317", "request-url", ["$(host_ip)"]],
    [
      "dnssrv+_grpc._tcp.thanos-query.monitoring.svc",
      "service-address",
      ["dnssrv+_grpc._tcp.thanos-query.monitoring.svc"],
    ],
    ["", "address", []],
    [" a:1 , , b ", "addresses", ["a", "b"]],
    ["", "addresses", []],
  ])("%j read as %s names %j", (value, read, hosts) => {
    expect(hostsOf(value, read)).toEqual(hosts);
  });

  test.each<[string, boolean]>([
    ["nfs.storage.svc", true],
    ["nfs.storage.svc.cluster.local", true],
    ["nfs.storage.svc.cluster.local.", true],
    ["nfs.storage.svc.example.com", false],
    ["svc.example.com", false],
  ])("%s is a name of the cluster's DNS: %s", (host, inCluster) => {
    expect(clusterDomain.test(host)).toBe(inCluster);
  });
});

describe("a StorageClass's provisioners and parameters", () => {
  test.each<[string, string, string | undefined]>([
    ["ebs.csi.aws.com", "type", "plain"],
    // The EBS driver reads its parameters case-insensitively.
    ["ebs.csi.aws.com", "Zones", "zones"],
    ["ebs.csi.aws.com", "KmsKeyId", "plain"],
    ["ebs.csi.aws.com", "tagSpecification_1", "plain"],
    ["ebs.csi.aws.com", "tagSpecification_x", undefined],
    ["ebs.csi.aws.com", "endpoint", undefined],
    ["kubernetes.io/aws-ebs", "zone", "zones"],
    ["efs.csi.aws.com", "az", "zones"],
    ["diskplugin.csi.alibabacloud.com", "regionId", "region"],
    // The Alibaba Cloud driver reads exact names.
    ["diskplugin.csi.alibabacloud.com", "regionid", undefined],
    ["diskplugin.csi.alibabacloud.com", "zoneId", "zones"],
    ["diskplugin.csi.alibabacloud.com", "diskTags/team", "plain"],
    ["nasplugin.csi.alibabacloud.com", "server", "server"],
    ["ossplugin.csi.alibabacloud.com", "url", "endpoint"],
    ["nfs.csi.k8s.io", "server", "server"],
    ["smb.csi.k8s.io", "source", "server"],
    ["kubernetes.io/no-provisioner", "type", undefined],
    ["driver.longhorn.io", "numberOfReplicas", "plain"],
    ["driver.longhorn.io", "fromBackup", "unset"],
    ["csi.vsphere.vmware.com", "StoragePolicyName", "plain"],
    ["rancher.io/local-path", "nodePath", "plain"],
    ["rancher.io/local-path", "sharedFileSystemPath", undefined],
    // A parameter named after an Object member is a parameter the driver does not document.
    ["nfs.csi.k8s.io", "constructor", undefined],
    ["ebs.csi.aws.com", "toString", undefined],
  ])("%s reads %s as %s", (provisioner, key, reading) => {
    expect(parameterReading(provisioners[provisioner], key)).toBe(reading);
  });

  test("the clouds the provisioners create volumes in", () => {
    expect(
      Object.fromEntries(Object.entries(provisioners).map(([k, p]) => [k, [p.what, p.cloud]])),
    ).toEqual({
      "ebs.csi.aws.com": ["EBS volume", "aws"],
      "ebs.csi.eks.amazonaws.com": ["EBS volume", "aws"],
      "kubernetes.io/aws-ebs": ["EBS volume", "aws"],
      "efs.csi.aws.com": ["EFS access point", "aws"],
      "diskplugin.csi.alibabacloud.com": ["cloud disk", "alicloud"],
      "alicloud/disk": ["cloud disk", "alicloud"],
      "nasplugin.csi.alibabacloud.com": ["NAS file system", "alicloud"],
      "ossplugin.csi.alibabacloud.com": ["OSS bucket mount", "alicloud"],
      "nfs.csi.k8s.io": ["NFS share", undefined],
      "smb.csi.k8s.io": ["SMB share", undefined],
      "kubernetes.io/no-provisioner": ["local volume", undefined],
      "rancher.io/local-path": ["node-local volume", undefined],
      "driver.longhorn.io": ["Longhorn volume", undefined],
      "csi.vsphere.vmware.com": ["vSphere virtual disk", undefined],
    });
  });

  test.each<[string, string[]]>([
    ["nas.example.com", ["nas.example.com"]],
    ["nas.example.com:/share/data", ["nas.example.com"]],
    ["10.0.0.5:/export, 10.0.0.6", ["10.0.0.5", "10.0.0.6"]],
    ["[fd00::1]:/export", ["fd00::1"]],
    ["//files.example.com/share", ["files.example.com"]],
    ["//10.0.0.7/share/sub", ["10.0.0.7"]],
    // A path without a host is kept whole: it names no host the pack can place.
    [":/export", [":/export"]],
    [" , ", []],
    ["", []],
  ])("the server parameter %j names %j", (value, hosts) => {
    expect(serverHosts(value)).toEqual(hosts);
  });
});

describe("where a workload keeps its pod template", () => {
  const templated = { spec: "spec.template.spec", labels: "spec.template.metadata.labels" };
  test.each<[string, unknown]>([
    [pod, { spec: "spec", labels: "metadata.labels" }],
    ["kubernetes:core/v1:PodList", { spec: "spec", labels: "metadata.labels" }],
    [deployment, templated],
    ["kubernetes:apps/v1beta1:DeploymentPatch", templated],
    ["kubernetes:apps/v1:DeploymentList", templated],
    ["kubernetes:extensions/v1beta1:DaemonSet", templated],
    ["kubernetes:core/v1:ReplicationController", templated],
    ["kubernetes:batch/v1:Job", templated],
    [
      "kubernetes:batch/v1beta1:CronJob",
      {
        spec: "spec.jobTemplate.spec.template.spec",
        labels: "spec.jobTemplate.spec.template.metadata.labels",
      },
    ],
    ["kubernetes:core/v1:Service", undefined],
    ["kubernetes:core/v1:ServiceList", undefined],
    ["kubernetes:apps/v1beta1:DaemonSet", undefined],
  ])("%s: %j", (type, template) => {
    expect(podTemplateOf(type)).toEqual(template);
  });
});

describe("a NetworkPolicy egress rule's ports", () => {
  test.each<[string, unknown[], unknown]>([
    ["no ports: every protocol and port", [], [{ protocol: "all" }]],
    ["a port, TCP by default", [{ port: 443 }], [{ protocol: "tcp", fromPort: 443, toPort: 443 }]],
    [
      "a range",
      [{ protocol: "UDP", port: 53, endPort: 60 }],
      [{ protocol: "udp", fromPort: 53, toPort: 60 }],
    ],
    ["a named port: every port", [{ protocol: "TCP", port: "https" }], [{ protocol: "tcp" }]],
    ["no port: every port of the protocol", [{ protocol: "UDP" }], [{ protocol: "udp" }]],
    [
      "SCTP, which no allowlist names (named as the rule names it, for messages)",
      [{ protocol: "SCTP", port: 9 }],
      [{ protocol: "other", named: "sctp", fromPort: 9, toPort: 9 }],
    ],
    [
      "several",
      [{ port: 80 }, { protocol: "UDP", port: 53 }],
      [
        { protocol: "tcp", fromPort: 80, toPort: 80 },
        { protocol: "udp", fromPort: 53, toPort: 53 },
      ],
    ],
    ["a port not known at preview", [{ port: unknownText }], unknown],
    ["an end port not known at preview", [{ port: 80, endPort: unknownText }], unknown],
    ["a protocol not known at preview", [{ protocol: unknownText, port: 80 }], unknown],
    ["an entry not known at preview, after a known one", [{ port: 80 }, unknownText], unknown],
  ])("%s", (_label, ports, expected) => {
    expect(portsOf(proxied({ ports }))).toEqual(expected);
  });

  test("a finding on an SCTP rule names SCTP, not the pack's reading of it", () => {
    const policy = kube("kubernetes:networking.k8s.io/v1:NetworkPolicy", "signalling", {
      metadata: { namespace: "core" },
      spec: {
        podSelector: {},
        policyTypes: ["Egress"],
        egress: [
          { to: [{ ipBlock: { cidr: "203.0.113.0/24" } }], ports: [{ protocol: "SCTP", port: 9 }] },
        ],
      },
    });
    const [message] = messagesOf("kubernetes-egress", onCluster(policy));
    expect(message).toContain("allows 203.0.113.0/24 (sctp, port 9)");
  });

  test("a rule without ports allows every port; ports not known at preview are unknown", () => {
    expect(portsOf(proxied({ to: [] }))).toEqual([{ protocol: "all" }]);
    expect(portsOf(proxied({ ports: unknownText }))).toBe(unknown);
  });
});

describe("the namespace an object lives in", () => {
  const provider = resource(k8sProvider, "k8s", { namespace: "team" });
  const plainProvider = resource(k8sProvider, "plain");
  const apps = resource("kubernetes:core/v1:Namespace", "apps", { metadata: { name: "apps" } });
  const later = resource("kubernetes:core/v1:Namespace", "later", { metadata: { name: unknown } });
  const secret = resource("kubernetes:core/v1:Secret", "s");
  const all = [provider, plainProvider, apps, later, secret];
  const get = (urn: string) => all.find((r) => r.urn === urn);
  const inNamespace = (namespace: unknown, extra: Partial<BorderResource> = {}) =>
    resource(pod, "p", { metadata: { name: "p", namespace } }, extra);

  test.each<[string, BorderResource, string | undefined]>([
    ["its own", inNamespace("prod", { provider: provider.urn }), "prod"],
    ["its provider's default", inNamespace(undefined, { provider: provider.urn }), "team"],
    ["its provider's, for an empty one", inNamespace("", { provider: provider.urn }), "team"],
    [
      "default, when the provider names none",
      inNamespace(undefined, { provider: plainProvider.urn }),
      "default",
    ],
    ["default, without a provider", inNamespace(undefined), "default"],
    [
      "default, for a provider not in the stack",
      inNamespace(undefined, { provider: "urn:gone" }),
      "default",
    ],
    [
      "the name of the Namespace it was computed from",
      inNamespace(unknown, { propertyDependencies: { metadata: [apps.urn, secret.urn] } }),
      "apps",
    ],
    [
      "that Namespace itself, when its name is not known either",
      inNamespace(unknown, { propertyDependencies: { metadata: [later.urn] } }),
      "(namespace urn:later)",
    ],
    [
      "nothing, when it was computed from two Namespaces",
      inNamespace(unknown, { propertyDependencies: { metadata: [apps.urn, later.urn] } }),
      undefined,
    ],
    [
      "nothing, when it was computed from no Namespace",
      inNamespace(unknown, { propertyDependencies: { metadata: [secret.urn] } }),
      undefined,
    ],
    ["nothing, when it has no dependencies", inNamespace(unknown), undefined],
    [
      "nothing, when its whole metadata is not known",
      resource(pod, "p", { metadata: unknown }),
      undefined,
    ],
  ])("%s", (_label, r, namespace) => {
    expect(namespaceOf(r, get)).toBe(namespace);
  });

  test("an object's scope is its cluster and namespace together", () => {
    expect(scopeKey("urn:k8s", "apps")).toBe("urn:k8s\0apps");
    expect(scopeKey(undefined, "apps")).toBe("\0apps");
    expect(scopeKey("urn:k8s", "apps")).not.toBe(scopeKey("urn:k8s2", "apps"));
  });
});

describe("what a NetworkPolicy selects and restricts", () => {
  const policy = (spec: unknown) => resource(networkPolicy, "np", { spec });

  test.each<[string, unknown, Record<string, unknown>, "yes" | "no" | "maybe"]>([
    ["no selector: every pod", {}, { app: "web" }, "yes"],
    ["an empty selector: every pod", { podSelector: {} }, {}, "yes"],
    [
      "matching labels",
      { podSelector: { matchLabels: { app: "web" } } },
      { app: "web", tier: "1" },
      "yes",
    ],
    ["other labels", { podSelector: { matchLabels: { app: "web" } } }, { app: "db" }, "no"],
    [
      "a missing label",
      { podSelector: { matchLabels: { app: "web", tier: "1" } } },
      { app: "web" },
      "no",
    ],
    [
      "expressions it cannot evaluate",
      {
        podSelector: {
          matchLabels: { app: "web" },
          matchExpressions: [{ key: "x", operator: "Exists" }],
        },
      },
      { app: "web" },
      "maybe",
    ],
    [
      "expressions after labels that do not match",
      {
        podSelector: {
          matchLabels: { app: "web" },
          matchExpressions: [{ key: "x", operator: "Exists" }],
        },
      },
      { app: "db" },
      "no",
    ],
    ["no expressions", { podSelector: { matchExpressions: [] } }, {}, "yes"],
  ])("%s: %s", (_label, spec, labels, answer) => {
    expect(selects(policy(spec), labels)).toBe(answer);
  });

  test.each<[string, unknown, boolean]>([
    ["policyTypes naming Egress", { policyTypes: ["Ingress", "Egress"] }, true],
    ["policyTypes naming Egress, without rules", { policyTypes: ["Egress"], egress: [] }, true],
    [
      "policyTypes without Egress, whatever the rules",
      { policyTypes: ["Ingress"], egress: [{}] },
      false,
    ],
    ["no policyTypes, egress rules", { egress: [{ to: [] }] }, true],
    ["no policyTypes, an empty egress list", { egress: [] }, false],
    ["no policyTypes, no egress", { ingress: [{}] }, false],
  ])("%s restricts egress: %s", (_label, spec, restricts) => {
    expect(restrictsEgress(policy(spec))).toBe(restricts);
  });

  test.each<[string, unknown, boolean]>([
    ["an empty selector restricting egress", { podSelector: {}, policyTypes: ["Egress"] }, true],
    [
      "empty labels and expressions restricting egress",
      { podSelector: { matchLabels: {}, matchExpressions: [] }, policyTypes: ["Egress"] },
      true,
    ],
    ["an empty selector with egress rules", { podSelector: {}, egress: [{ to: [] }] }, true],
    [
      "an empty selector restricting ingress only",
      { podSelector: {}, policyTypes: ["Ingress"] },
      false,
    ],
    ["no selector", { policyTypes: ["Egress"] }, false],
    ["a selector not known at preview", { podSelector: unknown, policyTypes: ["Egress"] }, false],
    ["a selector that is not an object", { podSelector: "all", policyTypes: ["Egress"] }, false],
    [
      "labels selecting some pods",
      { podSelector: { matchLabels: { app: "web" } }, policyTypes: ["Egress"] },
      false,
    ],
    [
      "expressions selecting some pods",
      {
        podSelector: { matchExpressions: [{ key: "app", operator: "Exists" }] },
        policyTypes: ["Egress"],
      },
      false,
    ],
    [
      "labels that are not an object",
      { podSelector: { matchLabels: "x" }, policyTypes: ["Egress"] },
      false,
    ],
    [
      "labels that are null",
      { podSelector: { matchLabels: null }, policyTypes: ["Egress"] },
      false,
    ],
    [
      "expressions that are not a list",
      { podSelector: { matchExpressions: {} }, policyTypes: ["Egress"] },
      false,
    ],
  ])("%s is a default-deny: %s", (_label, spec, deny) => {
    expect(isDefaultDenyEgress(policy(spec))).toBe(deny);
  });
});

describe("Services: internal load balancers and selectors", () => {
  const awsScheme = "service.beta.kubernetes.io/aws-load-balancer-scheme";
  const awsInternal = "service.beta.kubernetes.io/aws-load-balancer-internal";
  const alibaba = "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type";
  const alibabaLegacy = "service.beta.kubernetes.io/alicloud-loadbalancer-address-type";
  const gke = "networking.gke.io/load-balancer-type";
  const azure = "service.beta.kubernetes.io/azure-load-balancer-internal";

  test("each cloud's controller reads its own annotations; a cluster not placed, any cloud's", () => {
    expect(internalAnnotationsFor("alicloud")).toEqual([
      [alibaba, "intranet"],
      [alibabaLegacy, "intranet"],
    ]);
    expect(internalAnnotationsFor("aws")).toEqual([
      [awsScheme, "internal"],
      [awsInternal, "true"],
    ]);
    expect(internalAnnotationsFor(undefined)).toEqual([
      [alibaba, "intranet"],
      [alibabaLegacy, "intranet"],
      [awsScheme, "internal"],
      [awsInternal, "true"],
      [gke, "Internal"],
      [azure, "true"],
      ["service.beta.kubernetes.io/do-loadbalancer-network", "INTERNAL"],
    ]);
    // A cluster of another cloud the pack knows by its package reads that cloud's.
    expect(internalAnnotationsFor("gcp")).toEqual([
      [gke, "Internal"],
      ["cloud.google.com/load-balancer-type", "Internal"],
    ]);
    expect(internalAnnotationsFor("azure-native")).toEqual([[azure, "true"]]);
    expect(internalAnnotationsFor("digitalocean")).toEqual([
      ["service.beta.kubernetes.io/do-loadbalancer-network", "INTERNAL"],
    ]);
    // One without an entry (Linode's LKE), any cloud's.
    expect(internalAnnotationsFor("linode")).toEqual(internalAnnotationsFor(undefined));
  });

  test.each<[string, Record<string, unknown>, string | undefined, boolean]>([
    ["the AWS scheme on AWS", { [awsScheme]: "internal" }, "aws", true],
    ["the AWS scheme in capitals", { [awsScheme]: "Internal" }, "aws", true],
    ["an internet-facing AWS scheme", { [awsScheme]: "internet-facing" }, "aws", false],
    ["the legacy AWS flag", { [awsInternal]: "true" }, "aws", true],
    ["the legacy AWS flag off", { [awsInternal]: "false" }, "aws", false],
    ["Alibaba's intranet on Alibaba Cloud", { [alibaba]: "intranet" }, "alicloud", true],
    ["Alibaba's internet on Alibaba Cloud", { [alibaba]: "internet" }, "alicloud", false],
    // Found by reading ACK's annotation guide: the pre-2019 prefix is still read.
    ["Alibaba's legacy key, intranet", { [alibabaLegacy]: "intranet" }, "alicloud", true],
    ["Alibaba's legacy key, internet", { [alibabaLegacy]: "internet" }, "alicloud", false],
    ["Alibaba's annotation on AWS, which AWS ignores", { [alibaba]: "intranet" }, "aws", false],
    ["the AWS scheme on Alibaba Cloud", { [awsScheme]: "internal" }, "alicloud", false],
    ["GKE's on a cluster not placed", { [gke]: "Internal" }, undefined, true],
    ["AKS's on a cluster not placed", { [azure]: "true" }, undefined, true],
    ["GKE's on AWS", { [gke]: "internal" }, "aws", false],
    ["GKE's on GKE", { [gke]: "Internal" }, "gcp", true],
    ["AWS's scheme on GKE, which GKE ignores", { [awsScheme]: "internal" }, "gcp", false],
    ["AKS's on AKS", { [azure]: "true" }, "azure-native", true],
    ["no annotation", {}, undefined, false],
  ])("%s is internal: %s", (_label, annotations, cloud, internal) => {
    expect(isInternalLoadBalancer(annotations, cloud)).toBe(internal);
  });

  test.each<[string, unknown, boolean]>([
    ["a matching selector", { app: "web" }, true],
    ["a selector of several labels, all matching", { app: "web", tier: "front" }, true],
    ["a selector one label of which differs", { app: "web", tier: "back" }, false],
    ["a selector naming a label the pods lack", { app: "web", zone: "a" }, false],
    ["a selector not known at preview: it may pick any", unknown, true],
    ["an empty selector: none (endpoints are managed apart)", {}, false],
    ["no selector: none", undefined, false],
    ["a selector that is not an object", "app=web", false],
  ])("%s", (_label, selector, picks) => {
    const service = resource(
      "kubernetes:core/v1:Service",
      "svc",
      selector === undefined ? { spec: {} } : { spec: { selector } },
    );
    expect(serviceSelects(service, { app: "web", tier: "front" })).toBe(picks);
  });
});

describe("the cloud of an object's cluster and an IngressClass's AlbConfig", () => {
  const ack = resource("alicloud:cs/managedKubernetes:ManagedKubernetes", "ack");
  const eks = resource("aws:eks/cluster:Cluster", "eks");
  const onAck = resource(
    k8sProvider,
    "on-ack",
    {},
    { propertyDependencies: { kubeconfig: [ack.urn] } },
  );
  const onEks = resource(k8sProvider, "on-eks", {}, { dependencies: [eks.urn] });
  const declared = resource(k8sProvider, "declared", { context: "prod" });
  const ambient = resource(k8sProvider, "ambient");
  const notKubernetes = resource("pulumi:providers:aws", "aws");
  const x = new Resolver(
    [ack, eks, onAck, onEks, declared, ambient, notKubernetes],
    cn,
    [],
    [{ context: "prod", cloud: "aws", region: "cn-north-1" }],
  );
  const objectOn = (provider?: BorderResource) =>
    resource(pod, "p", {}, provider ? { provider: provider.urn } : {});

  test.each<[string, BorderResource, string | undefined]>([
    ["a cluster the program creates on Alibaba Cloud", objectOn(onAck), "alicloud"],
    ["a cluster the program creates on AWS", objectOn(onEks), "aws"],
    ["a cluster the stack config declares", objectOn(declared), "aws"],
    ["a cluster the pack cannot place", objectOn(ambient), undefined],
    ["no provider", objectOn(), undefined],
    ["a provider that is not Kubernetes's", objectOn(notKubernetes), undefined],
    ["a provider not in the stack", resource(pod, "p", {}, { provider: "urn:gone" }), undefined],
  ])("%s: %s", (_label, r, cloud) => {
    expect(clusterCloud(r, x)).toBe(cloud);
  });

  const ingressClass = "kubernetes:networking.k8s.io/v1:IngressClass";
  const albConfig = "kubernetes:alibabacloud.com/v1:AlbConfig";
  const cls = (name: string, props: Record<string, unknown>) => resource(ingressClass, name, props);
  const parameters = (p: Record<string, unknown>) => ({ spec: { parameters: p } });
  const cfg = resource(albConfig, "cfg-resource", { metadata: { name: "alb-cfg" } });
  const byName = resource(albConfig, "unnamed-cfg");

  test.each<[string, BorderResource[], string, BorderResource | undefined]>([
    [
      "a class pointing at a declared AlbConfig",
      [
        cls("c", {
          metadata: { name: "alb" },
          ...parameters({ kind: "AlbConfig", name: "alb-cfg" }),
        }),
        cfg,
      ],
      "alb",
      cfg,
    ],
    [
      "a class and an AlbConfig known by their resource names",
      [cls("alb", parameters({ kind: "AlbConfig", name: "unnamed-cfg" })), byName, cfg],
      "alb",
      byName,
    ],
    [
      "another class's name",
      [
        cls("c", {
          metadata: { name: "alb" },
          ...parameters({ kind: "AlbConfig", name: "alb-cfg" }),
        }),
        cfg,
      ],
      "nginx",
      undefined,
    ],
    [
      "a class whose parameters are of another kind",
      [cls("alb", parameters({ kind: "IngressParameters", name: "alb-cfg" })), cfg],
      "alb",
      undefined,
    ],
    [
      "a class whose parameters name nothing",
      [cls("alb", parameters({ kind: "AlbConfig" })), cfg],
      "alb",
      undefined,
    ],
    ["a class without parameters", [cls("alb", {}), cfg], "alb", undefined],
    [
      "an AlbConfig the program does not declare",
      [cls("alb", parameters({ kind: "AlbConfig", name: "elsewhere" })), cfg],
      "alb",
      undefined,
    ],
    ["no class", [cfg], "alb", undefined],
  ])("%s", (_label, resources, className, found) => {
    expect(albConfigOf(className, new Resolver(resources, cn))).toBe(found);
  });
});
