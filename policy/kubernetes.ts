/**
 * Kubernetes: where clusters are, NetworkPolicy egress, namespaces without a default-deny,
 * Services and Ingresses that reach outside the cluster, and Helm v3 releases whose contents the
 * pack cannot see (shared/research/data-paths.md §5).
 *
 * A Kubernetes object lives where its cluster does, and a cluster is placed before anything in
 * it is trusted: `kubernetes-cluster-placement` traces each provider's kubeconfig to a cluster
 * the program creates, or to one the stack config declares by region, and fails a provider it
 * cannot place — once, for every object deployed through it.
 *
 * Pods selected by no egress policy can reach anything, so every namespace that runs pods needs
 * a default-deny egress policy (`kubernetes-namespace-egress`); each policy's own allow rules are
 * judged by `kubernetes-egress`: an egress rule with no `to` reaches every address, and an
 * `ipBlock` must be private or allowlisted (protocol and ports included). `kubernetes-egress` also
 * judges the servers an object makes its cluster send data to without any NetworkPolicy in the
 * way: a volume the node mounts (NFS, iSCSI, Ceph, ScaleIO, Quobyte, Azure) in a pod spec or a
 * PersistentVolume, an admission, conversion or audit webhook's URL, a Service's Endpoints.
 *
 * Every API version of a kind is judged alike, and so are its Patch (which carries the same
 * fields) and its List, whose entries are each judged as the object they are.
 *
 * The stack policies judge an object with its cluster (a provider and the cluster its kubeconfig
 * comes from, a Service and its cluster's cloud and nodes): CrossGuard gives a resource policy
 * neither dependencies nor other resources.
 */
import { clouds, type Jurisdiction } from "../residency/jurisdictions";
import { describePlace, resourceLabel } from "../residency/placement";
import type { BorderResource } from "./border/model";
import {
  describeFlow,
  egressPermitted,
  type Flow,
  parseCidr,
  reachOfAddress,
} from "./paths/addresses";
import {
  baseKind,
  clusterCloud,
  clusterDomain,
  type DestinationField,
  destinationFields,
  hostsOf,
  internalAnnotationsFor,
  isDefaultDenyEgress,
  isInternalLoadBalancer,
  namespaceOf,
  namespaceType,
  networkPolicyTypes,
  objectsOf,
  podTemplateOf,
  portsOf,
  scopeKey,
} from "./paths/kubernetes";
import { kubernetesProviderType, Resolver } from "./paths/resolver";
import { fromPolicyResources } from "./paths/values";
import {
  type Finding,
  type PolicyContext,
  residencyResourcePolicy,
  residencyStackPolicy,
} from "./framework";
import { isUnknown, str, valueAt, valuesAt } from "./values";

/** The stack's resources as the border analysis reads them, and a resolver over them. */
function stackResolver(
  args: { readonly resources: Parameters<typeof fromPolicyResources>[0] },
  ctx: PolicyContext,
): { resources: BorderResource[]; x: Resolver } {
  const resources = fromPolicyResources(args.resources);
  const x = new Resolver(
    resources,
    ctx.jurisdiction,
    ctx.settings.egressAllowlist,
    ctx.settings.clusters ?? [],
  );
  return { resources, x };
}

function judgeEgress(
  label: string,
  props: Record<string, unknown>,
  ctx: PolicyContext,
  prefix = "",
): void {
  const j = ctx.jurisdiction.id;
  const rules = valuesAt(props, `${prefix}spec.egress[]`);
  for (const r of rules) {
    if (isUnknown(r.value)) {
      ctx.report({
        message: `${label} must allow egress only to private or allowlisted destinations, but ${r.path} is not known at preview. Write the policy's rules as literals.`,
        path: [label, `${r.path} (unknown at preview)`],
      });
      continue;
    }
    const ports = portsOf(r.value);
    const peers = valuesAt(r.value, "to[]");
    if (isUnknown(ports) || peers.some((p) => isUnknown(p.value))) {
      ctx.report({
        message: `${label} must allow egress only to private or allowlisted destinations, but ${r.path} is not known at preview. Write the policy's rules as literals.`,
        path: [label, `${r.path} (unknown at preview)`],
      });
      continue;
    }
    if (peers.length === 0) {
      ctx.report({
        message: `${label} must allow egress only to private or allowlisted destinations, but ${r.path} has no "to", which allows every destination, in any country. List ipBlocks from the egress allowlist, or pod and namespace selectors for in-cluster traffic.`,
        path: [label, "every address (any country)"],
      });
      continue;
    }
    peers.forEach((peer, i) => {
      const cidr = valueAt(peer.value, "ipBlock.cidr");
      if (cidr === undefined) {
        return;
      }
      const at = `${r.path}.to[${i}].ipBlock.cidr`;
      if (isUnknown(cidr)) {
        ctx.report({
          message: `${label} must allow egress only to private or allowlisted destinations, but ${at} is not known at preview. Write the policy's rules as literals.`,
          path: [label, `${at} (unknown at preview)`],
        });
        return;
      }
      for (const p of ports) {
        const flow: Flow = { cidr: String(cidr), ...p };
        if (!egressPermitted(ctx.settings.egressAllowlist, flow)) {
          ctx.report({
            message: `${label} must allow egress only to private or allowlisted destinations, but ${at} allows ${describeFlow(flow)}, which the egress allowlist of ${j} does not cover. Narrow the ipBlock (and ports) to an allowlist entry, or add the destination to the allowlist with a reason.`,
            path: [label, describeFlow(flow)],
          });
        }
      }
    });
  }
}

/** What a destination field makes the cluster do, for messages, by the kind of field. */
function sends(f: DestinationField): { must: string; how: string; fix: string } {
  if (f.read === "url") {
    return {
      must: "send objects only to webhooks inside the cluster",
      how: `the API server sends the ${f.what} every object or event it matches`,
      fix: "Serve the webhook from a Service of the cluster (clientConfig.service) instead of a url",
    };
  }
  if (f.what === "Service endpoint") {
    return {
      must: "send Service traffic only to private or allowlisted addresses",
      how: "the Service's traffic goes there, outside any NetworkPolicy of the pods that send it",
      fix: "Point the endpoints at private addresses, or add the address to the egress allowlist with a reason",
    };
  }
  if (f.read === "outside") {
    return {
      must: "mount volumes only from private or allowlisted servers",
      how: `the node mounts the ${f.what} outside any NetworkPolicy and the pods write their data there`,
      fix: "Use a volume of the cluster's own cloud (a claim of one of its storage classes) or a private NFS, iSCSI or Ceph server",
    };
  }
  return {
    must: "mount volumes only from private or allowlisted servers",
    how: `the node mounts the ${f.what} outside any NetworkPolicy and the pods write their data there`,
    fix: "Serve the volume from a private address (or a storage class of the cluster's cloud), or add the server's address to the egress allowlist with a reason",
  };
}

/**
 * Servers a Kubernetes object makes its cluster send data to — a volume source's server, a
 * webhook's URL, a Service endpoint — each of which must be private, in-cluster or an
 * allowlisted address; a host name is a destination the pack cannot place.
 */
function judgeDestinations(
  label: string,
  type: string,
  props: Record<string, unknown>,
  ctx: PolicyContext,
): void {
  const j = ctx.jurisdiction.id;
  // A list or object not known at preview is met by every field under it: reported once.
  const unknownAt = new Set<string>();
  for (const f of destinationFields(type)) {
    const { must, how, fix } = sends(f);
    for (const found of valuesAt(props, f.path)) {
      const fail = (why: string, place: string): void =>
        ctx.report({
          message: `${label} must ${must}, but ${found.path} ${why}: ${how}. ${fix}.`,
          path: [label, place],
        });
      if (isUnknown(found.value)) {
        if (!unknownAt.has(found.path)) {
          unknownAt.add(found.path);
          fail("is not known at preview", `${found.path} (unknown at preview)`);
        }
        continue;
      }
      const text = str(found.value);
      if (text === undefined) {
        continue;
      }
      if (f.read === "outside") {
        fail(
          `names an ${f.what} (${JSON.stringify(text)}), a service of a cloud the pack cannot place`,
          `an ${f.what} (cannot be placed)`,
        );
        continue;
      }
      const hosts = hostsOf(text, f.read);
      if (hosts === undefined) {
        fail(
          `is ${JSON.stringify(text)}, not a URL the pack can read`,
          `${text} (cannot be placed)`,
        );
        continue;
      }
      for (const host of hosts) {
        // An in-cluster name resolves to a Service of the cluster; a webhook URL, sent by the
        // API server (which may run outside the cluster's network), must be allowlisted.
        if (f.read !== "url" && clusterDomain.test(host)) {
          continue;
        }
        const reach = reachOfAddress(host, ctx.settings.egressAllowlist);
        if (reach.kind === "allowlisted" || (reach.kind === "private" && f.read !== "url")) {
          continue;
        }
        if (parseCidr(host) === undefined) {
          fail(
            `is ${JSON.stringify(text)}, a host the pack cannot place`,
            `${host} (cannot be placed)`,
          );
        } else {
          fail(
            `is ${JSON.stringify(text)}, ${reach.kind === "private" ? "a private address of no network of the stack" : "a public address"} that the egress allowlist of ${j} does not cover`,
            `${host} (${f.what})`,
          );
        }
      }
    }
  }
}

export const kubernetesEgress = residencyResourcePolicy({
  name: "kubernetes-egress",
  description:
    "Checks whether Kubernetes objects send data only inside: NetworkPolicies allow egress only to in-cluster peers, private ranges or destinations the egress allowlist covers; volumes are mounted, and Service endpoints point, only at private or allowlisted addresses; webhooks are Services of the cluster.",
  severity: "high",
  remediationSteps:
    "Give every egress rule a `to` with pod/namespace selectors or ipBlocks from the egress allowlist (with matching ports), never 0.0.0.0/0 or ::/0; serve NFS, iSCSI, Ceph and other volumes and Service endpoints from private or allowlisted addresses; point webhooks at a Service of the cluster (clientConfig.service).",
  validate: (args, ctx) => {
    const label = resourceLabel(args.type, args.name);
    if (networkPolicyTypes.has(baseKind(args.type))) {
      judgeEgress(label, args.props, ctx, args.type.endsWith("List") ? "items[]." : "");
    }
    judgeDestinations(label, args.type, args.props, ctx);
  },
});

const serviceTypes = new Set([
  "kubernetes:core/v1:Service",
  "kubernetes:core/v1:ServicePatch",
  "kubernetes:core/v1:ServiceList",
]);

/**
 * Why the nodes of an object's cluster may have public addresses (their label and why), an
 * empty list when the program shows they have none, or a reason the pack cannot tell.
 */
function publicNodes(r: BorderResource, x: Resolver): string[] | { unknown: string } {
  const cluster = x.clusterOf(r);
  if (!cluster) {
    return { unknown: "the nodes of its cluster are not created by this program" };
  }
  const pools = x.referrers(cluster, "alicloud:cs/nodePool:NodePool", "clusterId");
  const groups = x.referrers(cluster, "aws:eks/nodeGroup:NodeGroup", "clusterName");
  if (pools.length + groups.length === 0) {
    return {
      unknown: `the program creates no node pool or node group for ${resourceLabel(cluster.type, cluster.name)}`,
    };
  }
  const out: string[] = [];
  for (const pool of pools) {
    const bandwidth = pool.props.internetMaxBandwidthOut;
    if (isUnknown(bandwidth) || (typeof bandwidth === "number" && bandwidth > 0)) {
      out.push(`${resourceLabel(pool.type, pool.name)} (public IPs)`);
    } else if (valueAt(pool.props, "scalingConfig.isBondEip") === true) {
      out.push(`${resourceLabel(pool.type, pool.name)} (EIPs)`);
    }
  }
  for (const group of groups) {
    const name = resourceLabel(group.type, group.name);
    for (const ref of x.refs(group, "subnetIds[]", ["aws:ec2/subnet:Subnet"])) {
      if (ref.kind !== "resource") {
        out.push(`${name} (a subnet this program does not create)`);
        continue;
      }
      const launch = ref.resource.props.mapPublicIpOnLaunch;
      if (launch === true || isUnknown(launch)) {
        out.push(
          `${name} in ${resourceLabel(ref.resource.type, ref.resource.name)} (public IPs on launch)`,
        );
      }
    }
  }
  return out;
}

function serviceFindings(r: BorderResource, x: Resolver): Finding[] {
  const label = resourceLabel(r.type, r.name);
  const type = valueAt(r.props, "spec.type");
  const raw = valueAt(r.props, "metadata.annotations");
  if (isUnknown(type) || isUnknown(raw)) {
    return [
      {
        message: `${label} must not face the internet, but its type or annotations are not known at preview, so its exposure cannot be decided. Set them as literals.`,
        path: [label, "spec.type (unknown at preview)"],
      },
    ];
  }
  const annotations = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  const out: Finding[] = [];
  if (type === "LoadBalancer") {
    const cloud = clusterCloud(r, x);
    const accepted = internalAnnotationsFor(cloud);
    if (!isInternalLoadBalancer(annotations, cloud)) {
      const [key, value] = accepted[0];
      out.push({
        message: `${label} must not face the internet, but spec.type is "LoadBalancer" without ${cloud ? `the internal-load-balancer annotation of its cluster's cloud (${cloud})` : "an internal-load-balancer annotation"}, so the cloud provisions a public load balancer. Annotate it ${key}: "${value}", or use ClusterIP.`,
        path: ["the internet", label],
      });
    }
  }
  if (type === "NodePort") {
    const nodes = publicNodes(r, x);
    if (!Array.isArray(nodes)) {
      out.push({
        message: `${label} must not face the internet, but spec.type is "NodePort", which opens its port on every node, and ${nodes.unknown}, so whether they have public addresses cannot be decided. Use ClusterIP or an internal LoadBalancer, or create the cluster's nodes in this program without public IPs.`,
        path: ["the internet", "nodes of a cluster the pack cannot see", label],
      });
    } else if (nodes.length > 0) {
      out.push({
        message: `${label} must not face the internet, but spec.type is "NodePort", which opens its port on every node, and ${some(nodes)} give nodes public addresses. Use ClusterIP or an internal LoadBalancer, or keep the nodes on private addresses.`,
        path: ["the internet", nodes[0], label],
      });
    }
  }
  if (type === "ExternalName") {
    const target = valueAt(r.props, "spec.externalName");
    const host = isUnknown(target) ? undefined : str(target);
    if (host === undefined || !clusterDomain.test(host)) {
      out.push({
        message: `${label} must not alias hosts outside the cluster, but spec.externalName is ${isUnknown(target) ? "not known at preview" : JSON.stringify(target)}, a host the pack cannot place. Alias only <service>.<namespace>.svc names.`,
        path: [label, `${host ?? "spec.externalName"} (cannot be placed)`],
      });
    }
  }
  return out;
}

/** Ingress kinds, their Lists and their Patches (a patch can set the class or the scheme). */
const ingressTypes = new Set(
  ["networking.k8s.io/v1", "networking.k8s.io/v1beta1", "extensions/v1beta1"].flatMap((gv) =>
    ["", "List", "Patch"].map((suffix) => `kubernetes:${gv}:Ingress${suffix}`),
  ),
);

/**
 * The exposure of an Ingress whose class provisions a cloud load balancer for it, by the class's
 * documented behaviour: the AWS Load Balancer Controller (`alb` on EKS) creates an internal ALB
 * unless the Ingress asks for `alb.ingress.kubernetes.io/scheme: internet-facing`; ACK's ALB
 * Ingress controller (`alb` on ACK) creates the ALB its AlbConfig describes, whose addressType
 * defaults to Internet. Other classes are served by an in-cluster controller whose own Service
 * is what faces a network, judged as a Service.
 */
function ingressFindings(r: BorderResource, x: Resolver): Finding[] {
  const label = resourceLabel(r.type, r.name);
  const className = valueAt(r.props, "spec.ingressClassName");
  const annotations = valueAt(r.props, "metadata.annotations");
  if (isUnknown(className) || isUnknown(annotations)) {
    return [
      {
        message: `${label} must not face the internet, but its class or annotations are not known at preview, so its exposure cannot be decided. Set them as literals.`,
        path: [label, "spec.ingressClassName (unknown at preview)"],
      },
    ];
  }
  const notes = (annotations && typeof annotations === "object" ? annotations : {}) as Record<
    string,
    unknown
  >;
  const cls = str(className) ?? str(notes["kubernetes.io/ingress.class"]);
  if (cls !== "alb") {
    return [];
  }
  const cloud = clusterCloud(r, x);
  if (cloud === undefined) {
    return [
      {
        message: `${label} must not face the internet, but its class "alb" provisions an ALB whose exposure depends on the cluster's cloud (internet-facing by default on ACK, internal on EKS), and its cluster cannot be placed. Build its provider from a cluster of this program or declare the cluster in sovereign-dc:clusters.`,
        path: [label, "an ALB of a cluster the pack cannot place"],
      },
    ];
  }
  if (cloud === "alicloud") {
    const config = albConfigOf(cls, x);
    const addressType = config ? valueAt(config.props, "spec.config.addressType") : undefined;
    if (typeof addressType === "string" && addressType.toLowerCase() === "intranet") {
      return [];
    }
    return [
      {
        message: `${label} must not face the internet, but its class "alb" makes ACK's ALB Ingress controller serve it from ${config ? `the ALB of ${resourceLabel(config.type, config.name)}, whose spec.config.addressType is ${isUnknown(addressType) ? "not known at preview" : addressType === undefined ? "not set (defaults to Internet)" : JSON.stringify(addressType)}` : "an ALB whose AlbConfig this program does not declare (addressType defaults to Internet)"}. Declare the IngressClass's AlbConfig with spec.config.addressType: Intranet.`,
        path: ["the internet", label],
      },
    ];
  }
  const scheme = notes["alb.ingress.kubernetes.io/scheme"];
  if (isUnknown(scheme) || String(scheme ?? "internal").toLowerCase() === "internal") {
    return isUnknown(scheme)
      ? [
          {
            message: `${label} must not face the internet, but alb.ingress.kubernetes.io/scheme is not known at preview. Set it as a literal ("internal").`,
            path: [label, "alb.ingress.kubernetes.io/scheme (unknown at preview)"],
          },
        ]
      : [];
  }
  return [
    {
      message: `${label} must not face the internet, but alb.ingress.kubernetes.io/scheme is ${JSON.stringify(scheme)}, so the AWS Load Balancer Controller provisions an internet-facing ALB. Remove the annotation or set it to "internal".`,
      path: ["the internet", label],
    },
  ];
}

/** The AlbConfig an IngressClass of this name points at, when the program declares both. */
function albConfigOf(className: string, x: Resolver): BorderResource | undefined {
  const ingressClass = x
    .ofType("kubernetes:networking.k8s.io/v1:IngressClass")
    .find((c) => (str(valueAt(c.props, "metadata.name")) ?? c.name) === className);
  const params = ingressClass ? valueAt(ingressClass.props, "spec.parameters") : undefined;
  const name = str(valueAt(params, "name"));
  if (!name || valueAt(params, "kind") !== "AlbConfig") {
    return undefined;
  }
  return x
    .ofType("kubernetes:alibabacloud.com/v1:AlbConfig")
    .find((c) => (str(valueAt(c.props, "metadata.name")) ?? c.name) === name);
}

/**
 * Services and Ingresses are judged with their cluster: which cloud's controller reads their
 * annotations, and whether the nodes a NodePort opens have public addresses.
 */
export const kubernetesServiceExposure = residencyStackPolicy({
  name: "kubernetes-service-exposure",
  description:
    "Checks whether Kubernetes Services and Ingresses stay inside: LoadBalancer services carry the internal-load-balancer annotation of their cluster's cloud, NodePort services open no port on nodes with public addresses, ExternalName services alias only in-cluster names, and ALB Ingresses get an internal load balancer.",
  severity: "high",
  remediationSteps:
    'Annotate LoadBalancer services as internal for the cluster\'s cloud (service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type: "intranet" on ACK, service.beta.kubernetes.io/aws-load-balancer-scheme: "internal" on EKS), or use ClusterIP; keep the nodes of NodePort services on private addresses; alias only in-cluster names; keep ALB Ingresses internal (scheme internal on EKS, an AlbConfig with addressType Intranet on ACK).',
  validate: (args, ctx) => {
    const { resources, x } = stackResolver(args, ctx);
    for (const r of resources) {
      if (!r.provider) {
        continue;
      }
      const judge = serviceTypes.has(r.type)
        ? serviceFindings
        : ingressTypes.has(r.type)
          ? ingressFindings
          : undefined;
      if (judge === undefined) {
        continue;
      }
      // A List's objects are judged one by one; the path names the entry (`… items[0]`).
      const label = resourceLabel(r.type, r.name);
      for (const { object, at } of objectsOf(r)) {
        for (const f of judge(object, x)) {
          const entry = at.replace(/\.$/, "");
          const path =
            entry === "" ? f.path : f.path?.map((p) => (p === label ? `${label} ${entry}` : p));
          ctx.report({ ...f, path, urn: r.urn, resourceName: r.name });
        }
      }
    }
  },
});

/** A few names of a list, for a message: `a, b, c and 4 more`. */
function some(names: readonly string[], max = 3): string {
  const shown = names.slice(0, max);
  const rest = names.length - shown.length;
  if (rest > 0) {
    return `${shown.join(", ")} and ${rest} more`;
  }
  return shown.length > 1
    ? `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`
    : (shown[0] ?? "");
}

/** A cluster declaration that would place a provider inside the jurisdiction, as YAML text. */
function declarationExample(j: Jurisdiction, context: string | undefined): string {
  // The cloud with the most regions in the jurisdiction: the likelier home of its clusters.
  const cloud = [...clouds].sort((a, b) => j.regions[b].length - j.regions[a].length)[0];
  const region = j.regions[cloud][0] ?? "<region>";
  return `sovereign-dc:clusters: [{ context: ${JSON.stringify(context ?? "<context>")}, cloud: ${cloud}, region: ${region} }]`;
}

/** Default providers are named `default` or `default_<version>` by the Pulumi engine. */
function isDefaultProvider(provider: BorderResource): boolean {
  return /^default(_|$)/.test(provider.name);
}

/** The finding for a provider whose cluster is not placed inside the jurisdiction, if any. */
function clusterFinding(
  provider: BorderResource,
  objects: readonly BorderResource[],
  x: Resolver,
): Finding | undefined {
  const j = x.jurisdiction;
  const label = resourceLabel(provider.type, provider.name);
  const what = `${objects.length === 1 ? "its Kubernetes object" : `its ${objects.length} Kubernetes objects`} (${some(objects.map((o) => resourceLabel(o.type, o.name)))})`;
  const source = x.clusterSource(provider);
  switch (source.kind) {
    case "resource": {
      const cluster = resourceLabel(source.cluster.type, source.cluster.name);
      const p = x.placement(source.cluster);
      if (p.kind === "region" && j.regions[p.cloud].includes(p.region)) {
        return undefined;
      }
      const where =
        p.kind === "region"
          ? describePlace(j, p.cloud, p.region)
          : `a place the pack cannot determine (${p.reason})`;
      return {
        message: `${label} must deploy to a cluster inside ${j.id}, but its kubeconfig comes from ${cluster}, in ${where}, so ${what} would run there. Build the provider from a cluster created in a region inside ${j.id}.`,
        path: [label, cluster, where],
      };
    }
    case "declared": {
      const { context, cloud, region } = source.declared;
      if (j.regions[cloud].includes(region)) {
        return undefined;
      }
      const where = describePlace(j, cloud, region);
      return {
        message: `${label} must deploy to a cluster inside ${j.id}, but sovereign-dc:clusters declares the cluster of its context ${JSON.stringify(context)} in ${where}, so ${what} would run there. Deploy to a cluster in a region inside ${j.id}.`,
        path: [label, `cluster of context ${JSON.stringify(context)}`, where],
      };
    }
    case "unplaced": {
      const select = isDefaultProvider(provider)
        ? "set kubernetes:context in the stack config to the cluster's kubeconfig context"
        : "pass the cluster's kubeconfig context as the provider's context argument";
      return {
        message: `${label} must deploy to a cluster placed inside ${j.id}, but the pack cannot tell where its cluster is: ${source.reason}. ${what.charAt(0).toUpperCase()}${what.slice(1)} could run in any country. Build the provider's kubeconfig from a cluster this program creates (alicloud.cs.ManagedKubernetes, aws.eks.Cluster), or declare where the cluster is: ${select}, and add that context with its cloud and region to the stack config, e.g. ${declarationExample(j, source.context)}, with a region inside ${j.id}.`,
        path: [label, "a cluster the pack cannot place"],
      };
    }
  }
}

export const kubernetesClusterPlacement = residencyStackPolicy({
  name: "kubernetes-cluster-placement",
  description:
    "Checks whether every Kubernetes provider deploys to a cluster placed inside the jurisdiction: one the program creates and builds the provider's kubeconfig from, or one the stack config declares by region.",
  severity: "critical",
  remediationSteps:
    "Build the Kubernetes provider's kubeconfig from a cluster of the program (alicloud.cs.ManagedKubernetes, aws.eks.Cluster) created inside the jurisdiction, or select the cluster's kubeconfig context (the provider's context, or kubernetes:context) and declare its cloud and region in sovereign-dc:clusters.",
  validate: (args, ctx) => {
    const { resources, x } = stackResolver(args, ctx);
    const objects = new Map<string, BorderResource[]>();
    for (const r of resources) {
      if (r.provider && r.type.startsWith("kubernetes:")) {
        objects.set(r.provider, [...(objects.get(r.provider) ?? []), r]);
      }
    }
    for (const [urn, deployed] of objects) {
      const provider = x.get(urn);
      if (provider?.type !== kubernetesProviderType) {
        continue;
      }
      const f = clusterFinding(provider, deployed, x);
      if (f) {
        ctx.report({ ...f, urn: provider.urn, resourceName: provider.name });
      }
    }
  },
});

interface Scope {
  readonly namespace: string;
  readonly workloads: BorderResource[];
  denied: boolean;
}

export const kubernetesNamespaceEgress = residencyStackPolicy({
  name: "kubernetes-namespace-egress",
  description:
    "Checks whether every namespace that runs pods has a default-deny egress NetworkPolicy, so its pods reach only what some policy allows.",
  severity: "high",
  remediationSteps:
    'Add to each namespace a NetworkPolicy with podSelector: {} and policyTypes: ["Egress"], then allow only in-cluster peers and allowlisted destinations (components/kubernetes SealedNamespace builds this).',
  validate: (args, ctx) => {
    const resources = fromPolicyResources(args.resources);
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const get = (u: string) => byUrn.get(u);
    const scopes = new Map<string, Scope>();
    const namespaces = new Map<string, BorderResource>();
    const scopeOf = (r: BorderResource, namespace: string): Scope => {
      const key = scopeKey(r.provider, namespace);
      let s = scopes.get(key);
      if (!s) {
        s = { namespace, workloads: [], denied: false };
        scopes.set(key, s);
      }
      return s;
    };
    for (const r of resources.flatMap((each) => objectsOf(each).map((o) => o.object))) {
      if (!r.provider) {
        continue;
      }
      if (r.type === namespaceType) {
        const name = str(valueAt(r.props, "metadata.name")) ?? `(namespace ${r.urn})`;
        namespaces.set(scopeKey(r.provider, name), r);
        continue;
      }
      const isWorkload = podTemplateOf(r.type) !== undefined;
      const isDeny = networkPolicyTypes.has(baseKind(r.type)) && isDefaultDenyEgress(r);
      if (!isWorkload && !isDeny) {
        continue;
      }
      const namespace = namespaceOf(r, get);
      if (namespace === undefined) {
        if (isWorkload) {
          const label = resourceLabel(r.type, r.name);
          ctx.report({
            message: `${label} must run in a namespace that denies pod egress by default, but its metadata.namespace is not known at preview, so the pack cannot tell which NetworkPolicies apply. Set the namespace as a literal or from the Namespace resource the program creates.`,
            path: [label, "metadata.namespace (unknown at preview)"],
            urn: r.urn,
            resourceName: r.name,
          });
        }
        continue;
      }
      const scope = scopeOf(r, namespace);
      if (isWorkload) {
        scope.workloads.push(r);
      } else {
        scope.denied = true;
      }
    }
    for (const [key, scope] of scopes) {
      if (scope.denied || scope.workloads.length === 0) {
        continue;
      }
      const declared = namespaces.get(key);
      const subject = declared ?? scope.workloads[0];
      const ns = scope.namespace.startsWith("(namespace ")
        ? resourceLabel(namespaceType, declared?.name ?? scope.namespace)
        : `k8s namespace ${JSON.stringify(scope.namespace)}`;
      const pods = some(scope.workloads.map((w) => resourceLabel(w.type, w.name)));
      ctx.report({
        message: `${ns} must deny pod egress by default, but no NetworkPolicy in it selects every pod (podSelector: {}) with policyTypes ["Egress"], so the pods of ${pods} can reach any address, in any country. Add a default-deny egress NetworkPolicy to the namespace and allow only in-cluster peers and allowlisted destinations.`,
        path: [ns, "pod egress (no default-deny NetworkPolicy)", "every address (any country)"],
        urn: subject.urn,
        resourceName: subject.name,
      });
    }
  },
});

export const helmReleases = residencyResourcePolicy({
  name: "helm-releases",
  description:
    "Checks whether the stack uses Helm v3 Releases, whose rendered resources are invisible to the pack.",
  severity: "high",
  remediationSteps:
    "Deploy the chart with kubernetes.helm.v4.Chart (or render it with kubernetes.yaml.v2.ConfigGroup) so each resource it creates is checked.",
  validate: (args, ctx) => {
    if (args.type === "kubernetes:helm.sh/v3:Release") {
      const label = resourceLabel(args.type, args.name);
      const chart = valueAt(args.props, "chart");
      ctx.report({
        message: `${label} must expose its resources to the pack, but a Helm v3 Release installs chart ${typeof chart === "string" ? JSON.stringify(chart) : "(unknown)"} as one opaque resource, so its NetworkPolicies and Services cannot be checked. Use kubernetes.helm.v4.Chart instead.`,
        path: [label, "resources the pack cannot see"],
      });
    }
  },
});
