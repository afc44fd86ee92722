/**
 * Kubernetes: where clusters are, NetworkPolicy egress, namespaces without a default-deny,
 * Services and Ingresses that reach outside the cluster, and deployment bundles whose contents the
 * pack cannot see — Helm v3 releases, CloudFormation stacks and StackSets, Service Catalog products,
 * ROS stacks and change sets (shared/research/data-paths.md §5). The types each policy judges are rows of the tables: every
 * Kubernetes kind, with its Lists and Patches, of paths/types/kubernetes.ts, the bundles of
 * paths/types/bundles.ts.
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
 * PersistentVolume, an admission, conversion or audit webhook's URL, a Service's Endpoints; where
 * a StorageClass's provisioner creates every claim's volume; the pod template a ControllerRevision
 * keeps for a rollback; and the objects a MutatingAdmissionPolicy rewrites after they are judged.
 *
 * Every API version of a kind is judged alike, and so are its Patch (which carries the same
 * fields) and its List, whose entries are each judged as the object they are.
 *
 * The stack policies judge an object with its cluster (a provider and the cluster its kubeconfig
 * comes from, a Service and its cluster's cloud and nodes): CrossGuard gives a resource policy
 * neither dependencies nor other resources.
 */
import { isSiteCluster } from "../residency/clusters";
import {
  type Cloud,
  clouds,
  findJurisdiction,
  holdsCountry,
  type Jurisdiction,
  regionInJurisdiction,
} from "../residency/jurisdictions";
import { cloudOf, describePlace, regionOfEndpoint, resourceLabel } from "../residency/placement";
import type { BorderResource } from "./paths/model";
import {
  allowlistEntryAt,
  describeFlow,
  egressPermitted,
  type Flow,
  isPrivateCidr,
} from "./paths/addresses";
import {
  addonDefaultAlb,
  helmChartType,
  programCluster,
  unenforcedNetworkPolicies,
  fargateProfileOf,
  allOnNodeNetwork,
  hostNetworkFlags,
  albConfigOf,
  whitelistedAlbListeners,
  onlyPrivateOrAllowlisted,
  ingressClassParamsOf,
  baseKind,
  clusterCloud,
  clusterDomain,
  controllerRevisionPattern,
  kyvernoPolicyPattern,
  kyvernoCleanupPattern,
  kyvernoGlobalContextPattern,
  kyvernoCelPattern,
  destinationFields,
  fieldHolds,
  destinationPath,
  destinationsOf,
  destinationWords,
  internalAnnotationsFor,
  cloudLoadBalancer,
  isDefaultDenyEgress,
  cniAsNetworkPolicies,
  cniNoPeer,
  cniPolicyTypes,
  isClusterwidePolicy,
  governsNamespace,
  mapAt,
  mutatingPolicyPattern,
  namespaceName,
  namespaceOf,
  providerNamespace,
  namespaceType,
  networkPolicyTypes,
  nodeProvisioners,
  objectsOf,
  parameterDestinations,
  parameterReading,
  podTemplateOf,
  portsOf,
  privateLoadBalancer,
  provisioners,
  requestedLoadBalancerIps,
  scopeKey,
  siteOf,
  storageClassPattern,
  unjudgedResources,
  podSpecsOf,
  readDestination,
  unjudgedKinds,
  runsIngressController,
} from "./paths/kubernetes";
import { settleAdminDenies } from "./paths/cluster-policies";
import { gatewayServing, type MadeService, runsProxiesInItsNamespace } from "./paths/gateways";
import { ciliumFqdnDestinations } from "./paths/operators";
import { inOwnCluster } from "./paths/mesh-hosts";
import { isDefaultProvider } from "./paths/describe";
import { kubernetesProviderType, Resolver } from "./paths/resolver";
import { bundles, eksNodeGroupFix } from "./paths/types/bundles";
import {
  nodeGroupSubnets,
  nodePoolsOf,
  offJudgedNodeNetwork,
  onJudgedNodeNetwork,
} from "./paths/types/clusters";
import {
  gateways,
  ingresses,
  traefikRoutes,
  operatorPodKinds,
  operatorServiceKinds,
  zalandoConfigTypes,
  services,
} from "./paths/types/kubernetes";
import { fromPolicyResources } from "./paths/values";
import { fixOf, viewedPolicy } from "./paths/views";
import {
  type Finding,
  type PolicyContext,
  residencyResourcePolicy,
  residencyStackPolicy,
} from "./framework";
import { isTrue, isUnknown, record, str, valueAt, valuesAt } from "./paths/values";

/**
 * Whether a stack holds anything the Kubernetes stack policies judge. Every object they read is
 * of a `kubernetes:` type (Lists and Patches included), and a Kubernetes provider deploys only
 * those: a stack without either — most stacks of a cloud estate — is left at once, before its
 * resources are converted. Each object they judge is deployed by a provider, which the Pulumi
 * engine registers in the stack (a default one included): under the policy runtime the policies
 * are not even run on a stack without a Kubernetes provider (`appliesOnlyWith`).
 */
function holdsKubernetes(resources: readonly { readonly type: string }[]): boolean {
  return resources.some(
    (r) => r.type.startsWith("kubernetes:") || r.type === kubernetesProviderType,
  );
}

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
  noPeer = 'has no "to", which allows every destination, in any country',
): void {
  const j = ctx.jurisdiction.id;
  const notKnown = (at: string): void =>
    ctx.report({
      message: `${label} must allow egress only to private or allowlisted destinations, but ${at} is not known at preview. Write the policy's rules as literals.`,
      path: [label, `${at} (unknown at preview)`],
      undecided: true,
    });
  const rules = valuesAt(props, `${prefix}spec.egress[]`);
  for (const r of rules) {
    // A Cilium rule read as a NetworkPolicy's keeps the path it has in its object.
    const ruleAt = str(valueAt(r.value, "at")) ?? r.path;
    // A rule not known at preview has ports and peers not known either.
    const ports = portsOf(r.value);
    const peers = valuesAt(r.value, "to[]");
    if (isUnknown(ports) || peers.some((p) => isUnknown(p.value))) {
      notKnown(ruleAt);
      continue;
    }
    if (peers.length === 0) {
      ctx.report({
        message: `${label} must allow egress only to private or allowlisted destinations, but ${ruleAt} ${noPeer}. List ipBlocks from the egress allowlist, or pod and namespace selectors for in-cluster traffic.`,
        path: [label, "every address (any country)"],
      });
      continue;
    }
    peers.forEach((peer, i) => {
      const peerAt = str(valueAt(peer.value, "at"));
      // Blocks kept in objects the pack does not read (a CiliumCIDRGroup, Calico's network sets).
      const unread = valueAt(peer.value, "unread") as { what: string; fix: string } | undefined;
      if (unread !== undefined) {
        ctx.report({
          message: `${label} must allow egress only to private or allowlisted destinations, but ${peerAt ?? `${ruleAt}.to[${i}]`} allows the blocks of ${unread.what}, which the pack does not read. ${unread.fix}.`,
          path: [label, `${unread.what} (cannot be placed)`],
        });
        return;
      }
      const fqdn = valueAt(peer.value, "fqdn");
      if (fqdn !== undefined) {
        // A Cilium rule's DNS name or pattern: the addresses it resolves to, wherever they are.
        if (["matchName", "matchPattern"].some((k) => isUnknown(valueAt(fqdn, k)))) {
          notKnown(peerAt ?? ruleAt);
          return;
        }
        for (const d of ciliumFqdnDestinations(fqdn, ctx.settings.egressAllowlist, j)) {
          ctx.report({
            message: `${label} must allow egress only to private or allowlisted destinations, but ${peerAt ?? ruleAt} ${d.why}: the pods the rule selects may send anything to the addresses it resolves to. Allow only names the egress hosts admit (sovereign-dc:egressHosts, with a reason), or blocks of the egress allowlist.`,
            path: [label, d.place],
          });
        }
        return;
      }
      const cidr = valueAt(peer.value, "ipBlock.cidr");
      if (cidr === undefined) {
        return;
      }
      const at = peerAt ?? `${ruleAt}.to[${i}].ipBlock.cidr`;
      if (isUnknown(cidr)) {
        notKnown(at);
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

function judgeCniEgress(
  label: string,
  r: { type: string; name: string; urn: string; props: Record<string, unknown> },
  ctx: PolicyContext,
): void {
  const resource = { ...r, dependencies: [], propertyDependencies: {}, protect: false };
  for (const { object, at } of objectsOf(resource)) {
    if (isUnknown(object.props)) {
      continue;
    }
    for (const policy of cniAsNetworkPolicies(object, at)) {
      judgeEgress(label, policy.props as Record<string, unknown>, ctx, "", cniNoPeer(r.type));
    }
  }
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
  // A list or object not known at preview is met by every field under it: reported once.
  const unknownAt = new Set<string>();
  for (const f of destinationFields(type)) {
    if (!fieldHolds(f, type, props)) {
      continue;
    }
    const { must, how, fix } = destinationWords(f);
    for (const found of valuesAt(props, f.path)) {
      const fail = (why: string, place: string, undecided = false, at = found.path): void =>
        ctx.report({
          message: `${label} must ${must}, but ${at} ${why}: ${how}. ${fix}.`,
          path: [label, place],
          ...(undecided ? { undecided } : {}),
        });
      if (isUnknown(found.value)) {
        if (!unknownAt.has(found.path)) {
          unknownAt.add(found.path);
          fail("is not known at preview", `${found.path} (unknown at preview)`, true);
        }
        continue;
      }
      for (const d of destinationsOf(
        f,
        found.value,
        ctx.settings.egressAllowlist,
        ctx.jurisdiction.id,
      )) {
        if (!inOwnCluster(d, props)) {
          fail(d.why, d.place, d.unknown === true, destinationPath(found.path, d));
        }
      }
    }
  }
}

/** The CSI drivers of the two clouds, for messages. */
const cloudDrivers = Object.keys(provisioners).filter(
  (name) => provisioners[name].cloud !== undefined && name.includes(".csi."),
);

/**
 * Where a StorageClass's provisioner creates the volume of every claim of the class: a known
 * provisioner of the cluster's cloud creates it in the cluster's region (which
 * kubernetes-cluster-placement judges) unless a parameter names another region, zone, key or
 * endpoint; the NFS and SMB drivers on the server a parameter names. A provisioner the pack does
 * not know, or a parameter it does not document, decides where by code the pack cannot read.
 */
function judgeStorageClass(label: string, object: unknown, at: string, ctx: PolicyContext): void {
  const j = ctx.jurisdiction;
  const fail = (why: string, place: string, fix: string, undecided = false): void =>
    ctx.report({
      message: `${label} must create volumes only inside ${j.id}, but ${why}. ${fix}.`,
      path: [label, place],
      ...(undecided ? { undecided } : {}),
    });
  const literal = "Write the storage class's provisioner and parameters as literals";
  const provisioner = valueAt(object, "provisioner");
  const parameters = valueAt(object, "parameters");
  for (const [field, value] of [
    ["provisioner", provisioner],
    ["parameters", parameters],
  ] as const) {
    if (isUnknown(value)) {
      fail(
        `${at}${field} is not known at preview`,
        `${at}${field} (unknown at preview)`,
        literal,
        true,
      );
      return;
    }
  }
  if (
    parameters !== undefined &&
    parameters !== null &&
    (typeof parameters !== "object" || Array.isArray(parameters))
  ) {
    fail(
      `${at}parameters is ${JSON.stringify(parameters)}, not a map of parameters the pack can read, so where they place the volumes of the class cannot be judged`,
      `${at}parameters (cannot be judged)`,
      "Write the parameters as a map of names to values",
    );
    return;
  }
  const entries = parameters ? Object.entries(parameters as Record<string, unknown>) : [];
  const name = str(provisioner);
  if (name === undefined) {
    if (entries.length > 0) {
      fail(
        `${at}parameters are set without the provisioner that reads them, so where they place the volumes of the class cannot be judged`,
        `${at}parameters (cannot be judged)`,
        "Set the provisioner in the same object as its parameters",
      );
    }
    return;
  }
  const known = provisioners[name];
  if (known === undefined) {
    fail(
      `${at}provisioner is ${JSON.stringify(name)}, a provisioner the pack does not know, so where the volumes of every claim of the class are created cannot be judged: that program alone reads its parameters`,
      `volumes of provisioner ${JSON.stringify(name)} (cannot be placed)`,
      `Use a provisioner the pack reads: the CSI driver of the cluster's cloud (${cloudDrivers.join(", ")}), nfs.csi.k8s.io or smb.csi.k8s.io with a private server, or one that keeps the volumes where the cluster's nodes are (${nodeProvisioners.join(", ")})`,
    );
    return;
  }
  for (const [key, value] of entries) {
    const field = `${at}parameters[${JSON.stringify(key)}]`;
    const reading = parameterReading(known, key);
    if (reading === undefined) {
      fail(
        `${field} is not a parameter the pack reads for ${name}, so where it places the ${known.what} of each claim (or whose credentials create it) cannot be judged`,
        `${field} (cannot be judged)`,
        `Remove it: the pack reads ${Object.keys(known.parameters).join(", ") || "no parameters"} for ${name}`,
      );
      continue;
    }
    if (isUnknown(value)) {
      fail(`${field} is not known at preview`, `${field} (unknown at preview)`, literal, true);
      continue;
    }
    if (reading === "plain") {
      continue;
    }
    // An empty `unset` parameter is the one value it may take (Longhorn's chart writes
    // `fromBackup: ""`).
    const text = reading === "unset" && value === "" ? "" : (str(value) ?? JSON.stringify(value));
    const [then, fix] =
      reading === "unset"
        ? [
            `the ${known.what} of every claim of the class is filled from there`,
            "Leave it empty, or restore the data from a place the pack can judge (a volume or snapshot of the cluster's cloud inside the jurisdiction)",
          ]
        : reading === "server"
          ? [
              `the node mounts the ${known.what} of every claim of the class from there, outside any NetworkPolicy`,
              "Serve the volumes from a private address or a file system of the cluster's cloud inside the jurisdiction, or add the server's address to the egress allowlist, or the server's host name to egressHosts, with a reason",
            ]
          : [
              `the ${known.what} of every claim of the class is created there`,
              `Name ${reading === "endpoint" ? "an endpoint of a region" : reading === "zones" ? "zones" : "a region"} inside ${j.id}, or leave it out so the volume is created in the cluster's region`,
            ];
    for (const d of parameterDestinations(known, reading, text, ctx.settings.egressAllowlist, j)) {
      fail(`${field} ${d.why}: ${then}`, d.place, fix);
    }
  }
}

/** A rule's `group/resource` pairs, or the first one a mutation could undo a judgement through. */
/** A Kyverno rule's name of a kind ("apps/v1/Deployment", "Pod/exec"): its segment that starts upper-case. */
function kyvernoKind(k: unknown): string | undefined {
  return typeof k === "string" ? k.split("/").find((s) => /^[A-Z]/.test(s)) : undefined;
}

/**
 * The first of the kinds a Kyverno rule lists that the pack judges, in a finding's words (`none`
 * when it lists none, which is every kind); undefined when it lists only kinds it does not judge.
 */
function judgedKind(listed: readonly unknown[], none: string): string | undefined {
  if (listed.length === 0) {
    return none;
  }
  const k = listed.find((each) => {
    const name = kyvernoKind(each);
    return name === undefined || !unjudgedKinds.has(name);
  });
  return k === undefined
    ? undefined
    : isUnknown(k)
      ? "objects of kinds not known at preview"
      : `${JSON.stringify(kyvernoKind(k) ?? k)} objects`;
}

/** Where a Kyverno rule's contexts call services: its own, and those of its targets and loops. */
const kyvernoServiceUrls = [
  "context[].apiCall.service.url",
  "mutate.targets[].context[].apiCall.service.url",
  "mutate.foreach[].context[].apiCall.service.url",
  "validate.foreach[].context[].apiCall.service.url",
];

/**
 * A Kyverno ClusterPolicy's or Policy's rules (`spec.rules[]`). A rule that mutates (`mutate`) the
 * objects it matches rewrites them after the pack has judged them, and one that generates objects
 * (`generate`) creates them where the plan never shows them: each passes only when every kind it
 * matches or generates carries no pod spec, volume or egress (`unjudgedKinds`); matching no kind
 * by name matches them all. A context that calls a service (`context[].apiCall.service.url`)
 * sends it the admission request's object, which must be of the cluster, private or allowlisted.
 * Validation and image verification only admit or refuse, and pass.
 */
function judgeKyvernoPolicy(label: string, object: unknown, at: string, ctx: PolicyContext): void {
  const fix = `Make the change in the program itself, where the pack judges it, or match only kinds that carry no pod spec, volume or egress (${[...unjudgedKinds].join(", ")})`;
  for (const { value: rule, path } of valuesAt(object, "spec.rules[]")) {
    const where = `${at}${path}`;
    if (isUnknown(rule)) {
      ctx.report({
        message: `${label} must rewrite only objects the pack does not judge, but ${where} is not known at preview. Write its rules as literals.`,
        path: [label, `${where} (unknown at preview)`],
        undecided: true,
      });
      continue;
    }
    judgeKyvernoServices(
      label,
      rule,
      kyvernoServiceUrls,
      where,
      "Kyverno sends it the object of every request the rule matches",
      ctx,
    );
    const kinds = [
      "match.any[].resources.kinds[]",
      "match.all[].resources.kinds[]",
      "match.resources.kinds[]",
    ].flatMap((p) => valuesAt(rule, p).map((f) => f.value));
    // A rule that mutates existing resources rewrites its targets, beside what it matches.
    const targets = valuesAt(rule, "mutate.targets[].kind").map((f) => f.value);
    const mutated =
      valueAt(rule, "mutate") === undefined
        ? undefined
        : judgedKind(
            kinds.length === 0 ? [] : [...kinds, ...targets],
            "every kind (its match names none)",
          );
    if (mutated !== undefined) {
      ctx.report({
        message: `${label} must rewrite only objects the pack does not judge, but ${where} mutates ${mutated} after the pack has judged them, so what it writes into them cannot be judged: it can add a volume on an outside server, or a container that sends data out, to any pod it rewrites. ${fix}.`,
        path: [label, `${mutated} (rewritten after judgement, cannot be judged)`],
      });
    }
    const generate = valueAt(rule, "generate");
    const generated =
      generate === undefined
        ? undefined
        : judgedKind(
            [
              valueAt(generate, "kind"),
              ...valuesAt(generate, "cloneList.kinds[]").map((f) => f.value),
              ...valuesAt(generate, "foreach[].kind").map((f) => f.value),
            ].filter((k) => k !== undefined),
            "objects of kinds it does not name",
          );
    if (generated !== undefined) {
      ctx.report({
        message: `${label} must create only objects the pack judges, but ${where} generates ${generated} in the cluster, which the plan never shows: a workload it creates can mount a volume on an outside server or send data out, and a NetworkPolicy it creates can open what a default deny closes. Declare those objects in the program, where the pack judges them, or generate only kinds that carry no pod spec, volume or egress (${[...unjudgedKinds].join(", ")}).`,
        path: [label, `${generated} (created after judgement, cannot be judged)`],
      });
    }
  }
}

/**
 * The services a Kyverno object's calls (`apiCall.service.url` at `paths` of `holder`) send data
 * to, with what Kyverno sends them (`sends`): each must be a service of the cluster, a private or
 * allowlisted address; one not known at preview is undecided.
 */
function judgeKyvernoServices(
  label: string,
  holder: unknown,
  paths: readonly string[],
  where: string,
  sends: string,
  ctx: PolicyContext,
): void {
  for (const found of paths.flatMap((p) => valuesAt(holder, p))) {
    const urlAt = where === "" ? found.path : `${where}.${found.path}`;
    const findings = isUnknown(found.value)
      ? [{ why: "is not known at preview", place: `${urlAt} (unknown at preview)` }]
      : readDestination(
          { path: urlAt, what: "policy service", read: "service-address" },
          String(found.value),
          ctx.settings.egressAllowlist,
          ctx.jurisdiction.id,
        );
    reportKyvernoServices(label, urlAt, findings, sends, ctx);
  }
}

/** Each service a Kyverno object calls at `at` that is not of the cluster, private or allowlisted. */
function reportKyvernoServices(
  label: string,
  at: string,
  findings: ReadonlyArray<{ readonly why: string; readonly place: string }>,
  sends: string,
  ctx: PolicyContext,
): void {
  for (const d of findings) {
    ctx.report({
      message: `${label} must send data only to services of the cluster, private or allowlisted addresses, but ${at} ${d.why}: ${sends}. Call a service of the cluster or a private address, or add the address to the egress allowlist, with a reason.`,
      path: [label, d.place],
    });
  }
}

/**
 * A Kyverno ClusterCleanupPolicy's or CleanupPolicy's contexts (`spec.context[]`): on each run of
 * its schedule Kyverno deletes the objects it matches, after calling the services its contexts
 * name (`apiCall.service.url`) with what their data names of each object — which must be of the
 * cluster, private or allowlisted. Deleting sends nothing out.
 */
function judgeKyvernoCleanup(label: string, object: unknown, at: string, ctx: PolicyContext): void {
  judgeKyvernoServices(
    label,
    object,
    ["spec.context[].apiCall.service.url"],
    at.replace(/\.$/, ""),
    "Kyverno sends it what the call's data names of each object the policy matches, on every run of its schedule",
    ctx,
  );
}

/**
 * A Kyverno GlobalContextEntry's call (`spec.apiCall`): Kyverno calls the service it names
 * (`service.url`) every `refreshInterval` and keeps the answer for its policies to read. A GET
 * (the default) brings data in and passes; a POST sends the call's `data` there, which must then
 * be a service of the cluster, private or allowlisted. An entry of cluster objects
 * (`kubernetesResource`) or of the API server's (`urlPath`) reads the cluster itself.
 */
function judgeKyvernoGlobalContext(
  label: string,
  object: unknown,
  at: string,
  ctx: PolicyContext,
): void {
  const method = valueAt(object, "spec.apiCall.method");
  if (method === undefined || method === "GET") {
    return;
  }
  judgeKyvernoServices(
    label,
    object,
    ["spec.apiCall.service.url"],
    at.replace(/\.$/, ""),
    `Kyverno sends it the call's data (method ${isUnknown(method) ? "not known at preview" : JSON.stringify(method)}) every refresh interval`,
    ctx,
  );
}

/**
 * Every text a value holds, with its path — the CEL expressions of a policy's spec — and, as
 * `text: undefined`, every value not known at preview (an expression built from an output).
 */
function textsOf(value: unknown, at: string): Array<{ path: string; text?: string }> {
  if (isUnknown(value)) {
    return [{ path: at }];
  }
  if (typeof value === "string") {
    return [{ path: at, text: value }];
  }
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => textsOf(v, `${at}[${i}]`));
  }
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) =>
      textsOf(v, /^\d+$/.test(k) ? `${at}[${k}]` : at === "" ? k : `${at}.${k}`),
    );
  }
  return [];
}

/** A call of Kyverno's CEL HTTP library: `http.Get("…")`, `http.Post("…", …)`, through a client. */
const celHttpCall =
  /\bhttp(?:\.Client\([^)]*\))?\.(Get|Post)\(\s*(?:"([^"]*)"|'([^']*)')?\s*(\+)?/g;

/**
 * A Kyverno CEL policy (`policies.kyverno.io`). Its expressions may call services through the
 * HTTP library (`http.Get`, `http.Post`) with what they choose of the object evaluated: a POST,
 * or a GET whose URL the expression builds, must go to a service of the cluster, a private or
 * allowlisted address (a URL it builds with no literal host cannot be placed); a GET of a literal
 * URL brings data in. A MutatingPolicy rewrites the objects its resource rules match after the
 * pack judged them (judged as a mutating admission policy), and a GeneratingPolicy creates
 * objects its CEL builds, which the plan never shows. Validating, image-validating and deleting
 * policies only admit, refuse or delete.
 */
function judgeKyvernoCel(
  label: string,
  kind: string,
  object: unknown,
  at: string,
  ctx: PolicyContext,
): void {
  const texts = textsOf(valueAt(object, "spec"), `${at}spec`);
  const unknownText = texts.find((t) => t.text === undefined);
  if (unknownText !== undefined) {
    // An expression not known at preview may call any service.
    ctx.report({
      message: `${label} must send data only to services of the cluster, private or allowlisted addresses, but ${unknownText.path} is not known at preview. Write the policy as a literal.`,
      path: [label, `${unknownText.path} (unknown at preview)`],
      undecided: true,
    });
    return;
  }
  for (const { path, text = "" } of texts) {
    for (const m of text.matchAll(celHttpCall)) {
      const [, method, double, single, joined] = m;
      const url = double ?? single;
      if (method === "Get" && url !== undefined && joined === undefined) {
        continue;
      }
      const findings =
        url === undefined
          ? [
              {
                why: `calls http.${method} with a URL its expression builds, which the pack cannot read`,
                place: `the service http.${method} calls (cannot be placed)`,
              },
            ]
          : readDestination(
              { path, what: "policy service", read: "request-url" },
              url,
              ctx.settings.egressAllowlist,
              ctx.jurisdiction.id,
            );
      reportKyvernoServices(
        label,
        path,
        findings,
        `Kyverno calls it (http.${method}) with what the expression sends of each object it evaluates`,
        ctx,
      );
    }
  }
  if (/MutatingPolicy$/.test(kind)) {
    judgeMutatingPolicy(label, kind, object, at, ctx);
  }
  if (/GeneratingPolicy$/.test(kind)) {
    ctx.report({
      message: `${label} must create only objects the pack judges, but ${at}spec.generate creates objects its CEL builds in the cluster, which the plan never shows: a workload it creates can mount a volume on an outside server or send data out, and a NetworkPolicy it creates can open what a default deny closes. Declare those objects in the program, where the pack judges them.`,
      path: [label, "objects its CEL builds (created after judgement, cannot be judged)"],
    });
  }
}

function unjudgedRule(rule: unknown): string | undefined {
  const groups = valuesAt(rule, "apiGroups[]").map((g) => g.value);
  const resources = valuesAt(rule, "resources[]").map((r) => r.value);
  if (groups.length === 0 || resources.length === 0) {
    return "every resource";
  }
  for (const g of groups) {
    for (const r of resources) {
      if (typeof g !== "string" || typeof r !== "string") {
        return "resources not known at preview";
      }
      const resource = r.split("/")[0];
      const key = `${g}/${resource}`;
      if (g === "*" || resource === "*" || !unjudgedResources.has(key)) {
        return g === "" ? resource : key;
      }
    }
  }
  return undefined;
}

/**
 * A mutating admission policy rewrites every object it matches after the pack has judged it, by
 * CEL expressions the pack cannot evaluate: it passes only when its rules (or, for a binding,
 * the binding's own, which narrow the policy's) match nothing but resources that carry no pod
 * spec, volume, egress or configuration (unjudgedResources).
 */
function judgeMutatingPolicy(
  label: string,
  kind: string,
  object: unknown,
  at: string,
  ctx: PolicyContext,
): void {
  const binding = kind.endsWith("Binding");
  const rulesAt = binding
    ? "spec.matchResources.resourceRules"
    : "spec.matchConstraints.resourceRules";
  const rules = valuesAt(object, `${rulesAt}[]`).map((r) => ({ ...r, path: `${at}${r.path}` }));
  const unknownRule = rules.find((r) => isUnknown(r.value));
  if (unknownRule) {
    ctx.report({
      message: `${label} must rewrite only objects the pack does not judge, but ${unknownRule.path} is not known at preview. Write its resource rules as literals.`,
      path: [label, `${unknownRule.path} (unknown at preview)`],
      undecided: true,
    });
    return;
  }
  const matched =
    rules.length === 0
      ? { path: `${at}${rulesAt}`, what: "every resource" }
      : rules
          .map((r) => ({ path: r.path, what: unjudgedRule(r.value) }))
          .find((r) => r.what !== undefined);
  if (matched === undefined) {
    return;
  }
  const policyName = str(valueAt(object, "spec.policyName"));
  const subject = binding
    ? `it applies ${policyName ? `the mutating admission policy ${JSON.stringify(policyName)}` : "a mutating admission policy"}, whose mutations are CEL expressions the pack cannot evaluate,`
    : "its mutations are CEL expressions the pack cannot evaluate";
  const where =
    rules.length === 0
      ? binding
        ? `${matched.path} is not set: it applies the policy to every object the policy's own rules match, which this object does not show`
        : `${matched.path} names no resources (a patch keeps the rules the cluster has)`
      : `${matched.path} matches ${matched.what}`;
  ctx.report({
    message: `${label} must rewrite only objects the pack does not judge, but ${subject} and ${where}, so what it writes into them cannot be judged: after the pack has judged them, it can add a volume on an outside server, or a container that sends data out, to any pod it rewrites. Make the change in the program itself, where the pack judges it, or narrow the rules to resources that carry no pod spec, volume or egress (${[...unjudgedResources].map((r) => r.replace(/^\//, "")).join(", ")}).`,
    path: [label, `${matched.what} (rewritten after judgement, cannot be judged)`],
  });
}

/**
 * A ControllerRevision's `data` is the pod template a rollback applies to its DaemonSet or
 * StatefulSet: its volumes are judged as the owner's (destinationFields); anything else in
 * `data` is a template the pack cannot read.
 */
function judgeRevision(label: string, object: unknown, at: string, ctx: PolicyContext): void {
  const data = valueAt(object, "data");
  if (data === undefined || data === null || isUnknown(data)) {
    // No template to roll back to; one not known at preview is reported at its volumes.
    return;
  }
  const spec = valuesAt(object, "data.spec.template.spec");
  if (spec.some((s) => isUnknown(s.value))) {
    return;
  }
  if (spec.length !== 1 || typeof spec[0].value !== "object") {
    ctx.report({
      message: `${label} must mount volumes only from private or allowlisted servers, but ${at}data is not a pod template the pack can read (a patch of its DaemonSet's or StatefulSet's spec.template), so the volumes a rollback to it would mount cannot be judged. Let the DaemonSet or StatefulSet record its own revisions, or write data as {spec: {template: …}}.`,
      path: [label, `${at}data (cannot be judged)`],
    });
  }
}

/** The objects kubernetes-egress judges as a whole, beside their destination fields. */
function judgeObjects(
  label: string,
  type: string,
  props: Record<string, unknown>,
  ctx: PolicyContext,
): void {
  const kind = baseKind(type);
  const judge = storageClassPattern.test(kind)
    ? (object: unknown, at: string) => judgeStorageClass(label, object, at, ctx)
    : mutatingPolicyPattern.test(kind)
      ? (object: unknown, at: string) => judgeMutatingPolicy(label, kind, object, at, ctx)
      : kyvernoPolicyPattern.test(kind)
        ? (object: unknown, at: string) => judgeKyvernoPolicy(label, object, at, ctx)
        : kyvernoCleanupPattern.test(kind)
          ? (object: unknown, at: string) => judgeKyvernoCleanup(label, object, at, ctx)
          : kyvernoGlobalContextPattern.test(kind)
            ? (object: unknown, at: string) => judgeKyvernoGlobalContext(label, object, at, ctx)
            : kyvernoCelPattern.test(kind)
              ? (object: unknown, at: string) => judgeKyvernoCel(label, kind, object, at, ctx)
              : controllerRevisionPattern.test(kind)
                ? (object: unknown, at: string) => judgeRevision(label, object, at, ctx)
                : undefined;
  if (judge === undefined) {
    return;
  }
  for (const { object, at } of objectsOf({ type, props })) {
    if (isUnknown(object.props)) {
      ctx.report({
        message: `${label} must send data only inside ${ctx.jurisdiction.id}, but ${at.replace(/\.$/, "")} is not known at preview. Write the list's items as literals.`,
        path: [label, `${at.replace(/\.$/, "")} (unknown at preview)`],
        undecided: true,
      });
      continue;
    }
    judge(object.props, at);
  }
}

/**
 * The objects whose rows declare the servers they send data to (workloads, pod templates,
 * PersistentVolumes, volume attachments, webhooks and endpoints, with their Lists and Patches:
 * paths/types/kubernetes.ts) are judged by the view of their row; the rows without those fields
 * (NetworkPolicies, storage classes, controller revisions and mutating admission policies, the
 * table's `judgedByCode`) by this code.
 */
export const kubernetesEgress = viewedPolicy(
  residencyResourcePolicy({
    name: "kubernetes-egress",
    description:
      "Checks whether Kubernetes objects send data only inside: NetworkPolicies allow egress only to in-cluster peers, private ranges or destinations the egress allowlist covers; volumes are mounted, and Service endpoints point, only at private or allowlisted addresses; webhooks are Services of the cluster; storage classes create volumes only inside (a provisioner the pack reads, no parameter naming a place abroad); controller revisions keep only pod templates the pack can read; mutating admission policies and Kyverno's policies rewrite or generate only objects that carry no pod spec, volume or egress, and Kyverno calls only services of the cluster, private or allowlisted; the servers the custom resources the pack reviews name — the Prometheus Operator's remote write, proxies, probers and alert receivers, Istio's routes, service entries and tunnels, OpenTelemetry's exporters and instrumentation endpoints, the External Secrets Operator's stores, Traefik's middlewares, the Gateway API's route backends, Flux's notification providers — are Services of the cluster, private or allowlisted addresses (or a cloud's regional endpoint inside).",
    severity: "high",
    remediationSteps:
      "Give every egress rule a `to` with pod/namespace selectors or ipBlocks from the egress allowlist (with matching ports), never 0.0.0.0/0 or ::/0; serve NFS, iSCSI, Ceph and other volumes and Service endpoints from private or allowlisted addresses; point webhooks at a Service of the cluster (clientConfig.service); give storage classes a provisioner of the cluster's cloud (or the NFS/SMB CSI driver with a private server) and only its documented parameters, naming places inside; make changes in the program rather than in mutating admission policies; send metrics, alerts, traces and routed traffic to Services of the cluster or private addresses (a relay there can forward what may leave).",
    validate: (args, ctx) => {
      const label = resourceLabel(args.type, args.name);
      if (networkPolicyTypes.has(baseKind(args.type))) {
        judgeEgress(label, args.props, ctx, args.type.endsWith("List") ? "items[]." : "");
      }
      if (cniPolicyTypes.has(args.type)) {
        judgeCniEgress(label, args, ctx);
      }
      judgeDestinations(label, args.type, args.props, ctx);
      judgeObjects(label, args.type, args.props, ctx);
    },
  }),
);

/**
 * Why the nodes of an object's cluster may have public addresses (their label and why), an
 * empty list when the program shows they have none, or a reason the pack cannot tell.
 */
function publicNodes(r: BorderResource, x: Resolver): string[] | { unknown: string } {
  const cluster = x.clusterOf(r);
  if (!cluster) {
    return { unknown: "the nodes of its cluster are not created by this program" };
  }
  const { pools, groups } = nodePoolsOf(cluster, x);
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
    for (const ref of nodeGroupSubnets(group, x)) {
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

/**
 * The ports a workload's pods open on the nodes that run them, each as why: a container's (or an
 * init container's, a sidecar's) `hostPort`, and, for a pod on the node's own network
 * (`hostNetwork`), every port its containers declare. A value not known at preview may open one.
 * Ports a hostNetwork pod listens on without declaring them cannot be seen.
 */
export function nodePortsOf(spec: unknown): string[] {
  if (isUnknown(spec)) {
    return ["its pod spec, not known at preview, may ask for a hostPort"];
  }
  const hostNetwork = valueAt(spec, "hostNetwork");
  const onNodeNetwork = hostNetwork === true || isUnknown(hostNetwork);
  const network = isUnknown(hostNetwork) ? "hostNetwork not known at preview" : "hostNetwork";
  const out: string[] = [];
  for (const list of ["containers[]", "initContainers[]"]) {
    for (const { value: container } of valuesAt(spec, list)) {
      const name = str(valueAt(container, "name"));
      const who = name === undefined ? "a container" : `container ${JSON.stringify(name)}`;
      for (const { value: port } of valuesAt(container, "ports[]")) {
        const host = valueAt(port, "hostPort");
        const declared = valueAt(port, "containerPort");
        if (isUnknown(host) || isUnknown(port)) {
          out.push(`${who} asks for a hostPort not known at preview`);
        } else if (typeof host === "number" && host > 0) {
          out.push(`${who} asks for hostPort ${host}`);
        } else if (onNodeNetwork && declared !== undefined) {
          out.push(
            `${who} listens on port ${isUnknown(declared) ? "(not known at preview)" : String(declared)} of the node (${network})`,
          );
        }
      }
    }
  }
  // A list not known at preview reads the same for containers and init containers.
  return [...new Set(out)];
}

/**
 * A workload whose pods open ports on their nodes faces whatever network reaches the nodes, as a
 * NodePort Service does (on every node, where a hostPort opens on the nodes that run its pods):
 * the internet when they have public addresses, and nobody can tell when the program does not
 * create them.
 */
function hostPortFindings(r: BorderResource, x: Resolver): Finding[] {
  const ports = podSpecsOf(r.type).flatMap((at) =>
    valuesAt(r.props, at).flatMap(({ value, path }) =>
      // A pod spec of a list (an Elasticsearch's node sets) is named by its entry.
      nodePortsOf(value).map((port) => (at.includes("[]") ? `${path}: ${port}` : port)),
    ),
  );
  return ports.length === 0
    ? []
    : nodeFindings(
        r,
        x,
        `${some(ports)}, which ${ports.length > 1 ? "open ports" : "opens a port"} on the nodes that run its pods`,
        "Remove hostPort and hostNetwork and reach the pods through a ClusterIP Service or an internal LoadBalancer",
      );
}

/**
 * What `opens` ports on the nodes of the object's cluster makes face the internet when the nodes
 * have public addresses, or may when the program does not show them; `use` is the fix.
 */
function nodeFindings(r: BorderResource, x: Resolver, opens: string, use: string): Finding[] {
  const label = resourceLabel(r.type, r.name);
  const site = siteOf(r, x);
  if (site !== undefined) {
    // The site's nodes are the team's own machines: no program shows their addresses.
    return [
      {
        message: `${label} must not face the internet, but ${opens}, and the nodes of the cluster at site ${JSON.stringify(site.site)} have addresses the pack cannot see, so whether they face the internet cannot be decided. ${use}.`,
        path: ["the internet", `nodes of the cluster at site ${JSON.stringify(site.site)}`, label],
      },
    ];
  }
  const nodes = publicNodes(r, x);
  if (!Array.isArray(nodes)) {
    return [
      {
        message: `${label} must not face the internet, but ${opens}, and ${nodes.unknown}, so whether they have public addresses cannot be decided. ${use}, or create the cluster's nodes in this program without public IPs.`,
        path: ["the internet", "nodes of a cluster the pack cannot see", label],
      },
    ];
  }
  return nodes.length === 0
    ? []
    : [
        {
          message: `${label} must not face the internet, but ${opens}, and ${some(nodes)} give nodes public addresses. ${use}, or keep the nodes on private addresses.`,
          path: ["the internet", nodes[0], label],
        },
      ];
}

/**
 * A Service an operator makes from a custom resource: its fields as a Service's (`props`), the
 * field of the resource that makes it (`by`), where its annotations are set (`annotate`) and what
 * to use instead of a load balancer (`instead`).
 */
function serviceFindings(r: BorderResource, x: Resolver, made?: MadeService): Finding[] {
  const label = resourceLabel(r.type, r.name);
  const typeIs = (type: string) =>
    made ? `${made.by} makes a Service of type "${type}"` : `spec.type is "${type}"`;
  const annotatedAt = made ? ` in ${made.annotate}` : "";
  const instead = made?.instead ?? "use ClusterIP";
  const type = valueAt(r.props, "spec.type");
  const raw = valueAt(r.props, "metadata.annotations");
  if (isUnknown(type) || isUnknown(raw)) {
    return [
      {
        message: `${label} must not face the internet, but ${made ? `the type or annotations of the Service ${made.by} makes are` : "its type or annotations are"} not known at preview, so its exposure cannot be decided. Set them as literals.`,
        path: [label, "spec.type (unknown at preview)"],
        undecided: true,
      },
    ];
  }
  const annotations = mapAt(r.props, "metadata.annotations");
  const out: Finding[] = [];
  const lbClass = valueAt(r.props, "spec.loadBalancerClass");
  const overlay = typeof lbClass === "string" ? overlayClasses[lbClass] : undefined;
  if (isTrue(annotations["tailscale.com/expose"])) {
    // The Tailscale operator exposes a Service of any type it is asked to on this annotation.
    out.push(
      overlayFinding(
        label,
        'the annotation tailscale.com/expose: "true"',
        overlayClasses.tailscale,
      ),
    );
  } else if (type === "LoadBalancer" && overlay !== undefined) {
    out.push(overlayFinding(label, `spec.loadBalancerClass ${JSON.stringify(lbClass)}`, overlay));
  }
  const site = siteOf(r, x);
  if (type === "LoadBalancer" && overlay === undefined && site !== undefined) {
    if (!privateLoadBalancer(r, x)) {
      const asked = requestedLoadBalancerIps(r.props).map((ip) =>
        isUnknown(ip) ? "an address not known at preview" : JSON.stringify(ip),
      );
      out.push({
        message: `${label} must not face the internet, but ${typeIs("LoadBalancer")} on the cluster at site ${JSON.stringify(site.site)}, whose load balancer (MetalLB, or the site's own) ${asked.length === 0 ? "takes an address from a pool the pack cannot see" : `is asked for ${asked.join(", ")}, not only private addresses`}, so it may face the internet. Ask for a private address (spec.loadBalancerIP, or MetalLB's metallb.io/loadBalancerIPs annotation${made ? `, set at ${made.annotate}` : ""}), or ${instead}.`,
        path: ["the internet", label],
      });
    }
  } else if (type === "LoadBalancer" && overlay === undefined) {
    const lb = cloudLoadBalancer(r, x);
    const reused = lb.kind === "reused" ? lb.reused : undefined;
    if (reused?.lb !== undefined) {
      out.push({
        message: `${label} must not face the internet, but ${typeIs("LoadBalancer")} on ${x.label(reused.lb)}, which its annotation ${reused.key} names${annotatedAt} and whose addressType is not "intranet", so the pods it selects are served from the internet. Set the load balancer's addressType to "intranet", or ${instead}.`,
        path: ["the internet", label],
      });
    } else if (reused !== undefined) {
      out.push({
        message: `${label} must not face the internet, but ${typeIs("LoadBalancer")} on the existing load balancer ${reused.id === undefined ? "whose ID is not known at preview" : JSON.stringify(reused.id)} that its annotation ${reused.key} names${annotatedAt}, which this program does not create: that load balancer's address type decides whether the Service faces the internet, whatever its address-type annotation asks, and the pack cannot see it. Create the load balancer in this program with addressType "intranet" and name it by its ID, or ${instead}.`,
        path: ["the internet", label],
        ...(reused.id === undefined ? { undecided: true } : {}),
      });
    } else if (lb.kind === "annotation") {
      const cloud = lb.cloud;
      const accepted = internalAnnotationsFor(cloud);
      const [key, value] = accepted[0];
      // A cluster the pack cannot place may be any cloud's: name every annotation it accepts,
      // not one cloud's, which another cloud's controller would ignore.
      // On EKS a load balancer that admits only private or allowlisted ranges serves no one else,
      // and on ACK one whose listeners whitelist only such ranges.
      const fix = cloud
        ? `Annotate it ${key}: "${value}"${annotatedAt}${made ? "" : cloud === "aws" ? `, admit only private or allowlisted client ranges (spec.loadBalancerSourceRanges)` : cloud === "alicloud" ? `, whitelist only private or allowlisted ranges by an SLB ACL of this program (service.beta.kubernetes.io/alibaba-cloud-loadbalancer-acl-status: "on", …-acl-type: "white", …-acl-id)` : ""}`
        : `Annotate it with the internal-load-balancer annotation of its cluster's cloud (one of ${accepted.map(([k, v]) => `${k}: "${v}"`).join(", ")})${annotatedAt}`;
      out.push({
        message: `${label} must not face the internet, but ${typeIs("LoadBalancer")} without ${cloud ? `the internal-load-balancer annotation of its cluster's cloud (${cloud})` : "an internal-load-balancer annotation"}, so the cloud provisions a public load balancer. ${fix}, or ${instead}.`,
        path: ["the internet", label],
      });
    }
  }
  if (type === "NodePort") {
    const opens = `${typeIs("NodePort")}, which opens its port on every node`;
    const use = made
      ? `${made.instead.charAt(0).toUpperCase()}${made.instead.slice(1)}`
      : "Use ClusterIP or an internal LoadBalancer";
    out.push(...nodeFindings(r, x, opens, use));
  }
  // Traffic for an external IP that reaches a node is served by the Service, whatever its type:
  // a public address routed to the nodes puts it on the internet.
  const externalIps = valueAt(r.props, "spec.externalIPs");
  const publicIps = isUnknown(externalIps)
    ? ["spec.externalIPs (not known at preview)"]
    : (Array.isArray(externalIps) ? externalIps : [])
        .filter((ip) => isUnknown(ip) || !isPrivateCidr(ip))
        .map((ip) => (isUnknown(ip) ? "an address not known at preview" : JSON.stringify(ip)));
  if (publicIps.length > 0) {
    out.push({
      message: `${label} must not face the internet, but ${made ? `${made.by} makes a Service whose spec.externalIPs names` : "spec.externalIPs names"} ${publicIps.join(", ")}, which is not a private address: traffic for it that reaches a node is served by the Service. Remove externalIPs, or name only private addresses of the cluster's network.`,
      path: ["the internet", label],
    });
  }
  // A Patch that leaves spec.type alone keeps the live Service's type, which the pack cannot see:
  // an externalName it sets (null removes it) aliases that host if the Service is an ExternalName
  // one, so it is judged as an ExternalName Service's.
  const target = valueAt(r.props, "spec.externalName");
  const patchedAlias =
    r.type.endsWith("Patch") && type === undefined && target !== undefined && target !== null;
  if (type === "ExternalName" || patchedAlias) {
    const host = isUnknown(target) ? undefined : str(target);
    // A cloud service's regional endpoint is where its host says: inside, it is no way out.
    const at = host === undefined ? undefined : regionOfEndpoint(host);
    // A host the stack's owners placed by name (`egressHosts`) is a declared destination.
    const inside =
      (at !== undefined && regionInJurisdiction(x.jurisdiction, at.cloud, at.region)) ||
      (host !== undefined && allowlistEntryAt(x.allowlist, host) !== undefined);
    if (!inside && (host === undefined || !clusterDomain.test(host))) {
      const kept = patchedAlias
        ? ", which the patched Service aliases if it is of type ExternalName (the patch keeps its spec.type)"
        : "";
      const where =
        at === undefined
          ? "a host the pack cannot place"
          : `the endpoint of ${describePlace(x.jurisdiction, at.cloud, at.region)}`;
      out.push({
        message: `${label} must not alias hosts outside the cluster, but ${made ? `${made.by} makes a Service whose spec.externalName is` : "spec.externalName is"} ${isUnknown(target) ? "not known at preview" : JSON.stringify(target)}, ${where}${kept}. Alias only <service>.<namespace>.svc names, a cloud service's endpoint in a region inside ${x.jurisdiction.id}, or a host of the stack's egressHosts.`,
        path: [
          label,
          at === undefined
            ? `${host ?? "spec.externalName"} (cannot be placed)`
            : `${host!} in ${describePlace(x.jurisdiction, at.cloud, at.region)}`,
        ],
      });
    }
  }
  return out;
}

/**
 * The annotations at `path` of `object` laid over `base` (a template's), as a Service made from both
 * carries them; not known at preview when either is not.
 */
function annotationsOver(base: unknown, object: unknown, path: string): unknown {
  const over = valueAt(object, path);
  if (isUnknown(base) || isUnknown(over)) {
    return isUnknown(base) ? base : over;
  }
  return { ...record(base), ...record(over) };
}

/**
 * Whether a Strimzi listener's configuration lists every broker of the Kafka: only when the Kafka
 * says how many it runs (`spec.kafka.replicas`, not node pools, whose node IDs it does not say)
 * and each of 0 … replicas − 1 is listed.
 */
function listsEveryBroker(props: unknown, brokers: ReadonlyArray<{ readonly value: unknown }>) {
  const replicas = valueAt(props, "spec.kafka.replicas");
  const pools = mapAt(props, "metadata.annotations")["strimzi.io/node-pools"];
  if (typeof replicas !== "number" || pools !== undefined) {
    return false;
  }
  const listed = new Set(brokers.map((b) => valueAt(b.value, "broker")));
  return Array.from({ length: replicas }, (_, i) => i).every((i) => listed.has(i));
}

/**
 * The Services Strimzi makes for a Kafka's listeners (`spec.kafka.listeners[]`): for a listener of
 * type loadbalancer a bootstrap Service (unless `configuration.createBootstrapService` is false)
 * and one for each broker, of type LoadBalancer, annotated by the Kafka's template
 * (`spec.kafka.template.externalBootstrapService`, `perPodService`) and then by the listener's
 * configuration (`bootstrap`, `brokers[]`), of the load-balancer class the configuration's `class`
 * names; for one of type nodeport, Services of type NodePort. A listener of type ingress makes
 * Ingresses of that class (`ingressClassName`), annotated as the Services are by the templates
 * `externalBootstrapIngress` and `perPodIngress`, which the cluster's Ingress controller serves.
 * A listener whose type is not known at preview makes a Service of a type not known. Listeners of
 * type internal and cluster-ip make ClusterIP Services; route listeners are served by OpenShift's
 * router, whose own Service faces the network.
 */
function strimziServices(props: unknown): MadeService[] {
  const template = valueAt(props, "spec.kafka.template");
  const out: MadeService[] = [];
  for (const { value: listener, path } of valuesAt(props, "spec.kafka.listeners[]")) {
    const type = isUnknown(listener) ? listener : valueAt(listener, "type");
    const name = isUnknown(listener) ? undefined : str(valueAt(listener, "name"));
    const by = `${path}${name === undefined ? "" : ` (${JSON.stringify(name)})`}`;
    if (isUnknown(type)) {
      out.push({ ...strimziMade(by, path, "Service"), props: { spec: { type } } });
    } else if (type === "nodeport") {
      out.push({ ...strimziMade(by, path, "Service"), props: { spec: { type: "NodePort" } } });
    } else if (type === "loadbalancer" || type === "ingress") {
      const config = valueAt(listener, "configuration");
      const cls = valueAt(config, "class");
      const object = type === "ingress" ? "Ingress" : "Service";
      // The Service's or Ingress's fields beyond its annotations: its class, and a load
      // balancer's address as the configuration asks for it.
      const spec = (at: unknown): Record<string, unknown> =>
        object === "Ingress"
          ? { ingressClassName: cls }
          : {
              type: "LoadBalancer",
              loadBalancerClass: cls,
              loadBalancerIP: valueAt(at, "loadBalancerIP"),
            };
      const bootstrapBase = valueAt(template, `externalBootstrap${object}.metadata.annotations`);
      const podBase = valueAt(template, `perPod${object}.metadata.annotations`);
      const made = (annotations: unknown, at: unknown): MadeService => ({
        ...strimziMade(by, path, object),
        props: { metadata: { annotations }, spec: spec(at) },
      });
      // Strimzi makes an Ingress for the bootstrap address always, a Service unless told not to.
      if (object === "Ingress" || valueAt(config, "createBootstrapService") !== false) {
        const bootstrap = valueAt(config, "bootstrap");
        out.push(made(annotationsOver(bootstrapBase, config, "bootstrap.annotations"), bootstrap));
      }
      const brokers = valuesAt(config, "brokers[]");
      for (const { value: broker } of brokers) {
        out.push(made(annotationsOver(podBase, broker, "annotations"), broker));
      }
      // A broker the configuration does not list carries the template's annotations alone.
      if (!listsEveryBroker(props, brokers)) {
        out.push(made(podBase, undefined));
      }
    }
  }
  return out;
}

/** How a Strimzi listener's Service or Ingress is named in a finding, and where it is set. */
function strimziMade(
  by: string,
  path: string,
  object: "Service" | "Ingress",
): Omit<MadeService, "props"> {
  return {
    by,
    annotate: `the metadata.annotations of spec.kafka.template's externalBootstrap${object} and perPod${object} (or of ${path}.configuration's bootstrap and each of its brokers[])`,
    instead: "use a listener of type internal or cluster-ip",
    ...(object === "Ingress" ? { ingress: true as const } : {}),
  };
}

/**
 * A Service's fields from a template of one an operator takes (a `metadata` and a `spec`); a
 * template not known at preview makes a Service of a type not known.
 */
function fromServiceTemplate(t: unknown): Record<string, unknown> {
  return isUnknown(t)
    ? { spec: { type: t } }
    : { metadata: valueAt(t, "metadata") ?? {}, spec: valueAt(t, "spec") ?? {} };
}

/**
 * The additional Services CloudNativePG makes for a Cluster's instances
 * (`spec.managed.services.additional[].serviceTemplate`): a Service's metadata and spec each.
 */
function cnpgServices(props: unknown): MadeService[] {
  return valuesAt(props, "spec.managed.services.additional[]").map(({ value, path }) => {
    const by = `${path}.serviceTemplate`;
    const t = isUnknown(value) ? value : valueAt(value, "serviceTemplate");
    return {
      props: fromServiceTemplate(t),
      by,
      annotate: `${by}.metadata.annotations`,
      instead: "use ClusterIP (the default)",
    };
  });
}

/**
 * The Services the MariaDB operator makes as a MariaDB or MaxScale configures them: a MariaDB's
 * `service`, `primaryService` and `secondaryService` and the MaxScale it provisions
 * (`maxScale.kubernetesService`, `guiKubernetesService`), a MaxScale's `kubernetesService` and
 * `guiKubernetesService`. Each sets the Service's `type` (ClusterIP when unset) and its
 * annotations, under `metadata` (k8s.mariadb.com) or directly (mariadb.mmontes.io, and earlier
 * releases of k8s.mariadb.com): both are read.
 */
function mariadbServices(props: unknown, kind: "mariadb" | "maxscale"): MadeService[] {
  const paths =
    kind === "maxscale"
      ? ["spec.kubernetesService", "spec.guiKubernetesService"]
      : [
          "spec.service",
          "spec.primaryService",
          "spec.secondaryService",
          "spec.maxScale.kubernetesService",
          "spec.maxScale.guiKubernetesService",
        ];
  // The MaxScale a MariaDB provisions is made only when it is enabled.
  const noMaxScale = valueAt(props, "spec.maxScale.enabled") === false;
  return paths.flatMap((path) => {
    const service = valueAt(props, path);
    if (
      service === undefined ||
      service === null ||
      (noMaxScale && path.startsWith("spec.maxScale."))
    ) {
      return [];
    }
    const made = (p: Record<string, unknown>): MadeService => ({
      props: p,
      by: path,
      annotate: `${path}.metadata.annotations`,
      instead: `leave ${path}.type at ClusterIP`,
    });
    if (isUnknown(service)) {
      return [made({ spec: { type: service } })];
    }
    return [
      made({
        metadata: {
          annotations: annotationsOver(
            valueAt(service, "annotations"),
            service,
            "metadata.annotations",
          ),
        },
        spec: {
          type: valueAt(service, "type") ?? "ClusterIP",
          loadBalancerIP: valueAt(service, "loadBalancerIP"),
        },
      }),
    ];
  });
}

/**
 * The load balancers Zalando's operator makes for a `postgresql` that enables them
 * (`enableMasterLoadBalancer`, `enableReplicaLoadBalancer` and their connection poolers'),
 * annotated by the operator's `custom_service_annotations`, then `serviceAnnotations` and then
 * the role's own (`masterServiceAnnotations`, `replicaServiceAnnotations`). The operator lets
 * only `allowedSourceRanges` reach them, and none from outside the cluster when it is empty: one
 * is judged only when a range it lists is not private (or not known at preview). A flag the
 * cluster leaves unset is the operator's configuration's (`zalandoDefaults`), off by default.
 */
function zalandoServices(r: BorderResource, x: Resolver): MadeService[] {
  const props = r.props;
  const ranges = valueAt(props, "spec.allowedSourceRanges");
  const open =
    isUnknown(ranges) ||
    (Array.isArray(ranges) && ranges.some((c) => isUnknown(c) || !isPrivateCidr(c)));
  if (!open) {
    return [];
  }
  const operator = zalandoDefaults(r, x);
  const shared = annotationsOver(operator.annotations, props, "spec.serviceAnnotations");
  return (
    [
      ["enableMasterLoadBalancer", "masterServiceAnnotations", "enable_master_load_balancer"],
      ["enableReplicaLoadBalancer", "replicaServiceAnnotations", "enable_replica_load_balancer"],
      [
        "enableMasterPoolerLoadBalancer",
        "masterServiceAnnotations",
        "enable_master_pooler_load_balancer",
      ],
      [
        "enableReplicaPoolerLoadBalancer",
        "replicaServiceAnnotations",
        "enable_replica_pooler_load_balancer",
      ],
    ] as const
  ).flatMap(([flag, own, setting]) => {
    const set = valueAt(props, `spec.${flag}`);
    const fallback = set === undefined ? operator.flags(setting) : undefined;
    const enabled = fallback ? fallback.value : set;
    if (enabled !== true && !isUnknown(enabled)) {
      return [];
    }
    const ranged = "with spec.allowedSourceRanges beyond private addresses";
    return [
      {
        props: {
          metadata: { annotations: annotationsOver(shared, props, `spec.${own}`) },
          spec: { type: isUnknown(enabled) ? enabled : "LoadBalancer" },
        },
        by: fallback
          ? `the operator's ${fallback.at} (spec.${flag} unset, ${ranged})`
          : `spec.${flag} (${ranged})`,
        annotate: `spec.serviceAnnotations or spec.${own}`,
        instead: `set spec.${flag} to false, or list only private ranges in spec.allowedSourceRanges`,
      },
    ];
  });
}

/**
 * The Services the Redis operator (OT-CONTAINER-KIT) makes for a Redis, RedisCluster,
 * RedisReplication or RedisSentinel: beside its headless and ClusterIP Services, an
 * `-additional` one (unless `kubernetesConfig.service.additional.enabled` is false) of the type
 * `kubernetesConfig.service.serviceType` asks for (ClusterIP when unset), annotated by
 * `kubernetesConfig.service.annotations`; a RedisCluster of type NodePort also gets a NodePort
 * Service for each of its pods, whatever `additional` says.
 */
function redisServices(r: BorderResource): MadeService[] {
  const by = "spec.kubernetesConfig.service";
  const service = valueAt(r.props, by);
  const made = (props: Record<string, unknown>): MadeService => ({
    props,
    by: `${by}.serviceType`,
    annotate: `${by}.annotations`,
    instead: `leave ${by}.serviceType at ClusterIP`,
  });
  if (isUnknown(service)) {
    return [made({ spec: { type: service } })];
  }
  const type = valueAt(service, "serviceType") ?? "ClusterIP";
  const additional = valueAt(service, "additional.enabled") !== false;
  const perPod = type === "NodePort" && baseKind(r.type).endsWith(":RedisCluster");
  return additional || perPod
    ? [made({ metadata: { annotations: valueAt(service, "annotations") }, spec: { type } })]
    : [];
}

/**
 * The Services Elastic's operator (ECK) makes for an Elasticsearch, a Kibana, an APM Server, an
 * Elastic Agent's Fleet Server, an Enterprise Search or an Elastic Maps Server as their
 * `spec.http.service` (and an Elasticsearch's `spec.transport.service`) describe them, and for a
 * Logstash as each of `spec.services[].service` does: a Service's metadata and spec each,
 * ClusterIP unless its `spec.type` says otherwise.
 */
/**
 * The Service Skupper's controller makes for a Site's link access (`spec.linkAccess`), a
 * RouterAccess or a SecuredAccess (`spec.accessType`): of type LoadBalancer for `loadbalancer` and
 * for the controller's default (`default`, or no access type: a load balancer wherever the
 * cluster has no OpenShift routes), NodePort for `nodeport`; `local` is a ClusterIP, and `route`,
 * `ingress`, `ingress-nginx`, `contour-http-proxy` and `gateway` are served through the cluster's
 * ingress, judged there. A Site without link access makes none. The controller sets no annotation
 * from the object, so a load balancer it makes is the cloud's default, public one.
 */
function skupperServices(r: BorderResource): MadeService[] {
  const site = /:Site(List|Patch)?$/.test(r.type);
  const field = site ? "spec.linkAccess" : "spec.accessType";
  const access = valueAt(r.props, field);
  if (site && (access === undefined || access === "" || access === "none")) {
    return [];
  }
  const type = isUnknown(access)
    ? access
    : access === undefined || access === "" || access === "default" || access === "loadbalancer"
      ? "LoadBalancer"
      : access === "nodeport"
        ? "NodePort"
        : undefined;
  if (type === undefined) {
    return [];
  }
  return [
    {
      by: `${field} (${access === undefined ? "unset: the controller's default" : JSON.stringify(access)})`,
      annotate: "the controller's configuration (the object sets no annotation on it)",
      instead: `set ${field} to "local", or to an access type the cluster's ingress serves`,
      props: { metadata: { annotations: {} }, spec: { type } },
    },
  ];
}

function eckServices(props: unknown): MadeService[] {
  const templates = [
    ...["spec.http.service", "spec.transport.service"].map((path) => ({
      path,
      template: valueAt(props, path),
    })),
    // A Logstash's Services, one per entry (its inputs: Beats, TCP, UDP, HTTP).
    ...valuesAt(props, "spec.services[].service").map((found) => ({
      path: found.path,
      template: found.value,
    })),
  ];
  return templates.flatMap(({ path, template }): MadeService[] => {
    if (template === undefined || template === null) {
      return [];
    }
    return [
      {
        props: fromServiceTemplate(template),
        by: path,
        annotate: `${path}.metadata.annotations`,
        instead: `leave ${path}.spec.type at ClusterIP`,
      },
    ];
  });
}

/**
 * The ports a Redis operator's server opens on its nodes: `spec.hostPort` on the Redis container,
 * and `spec.hostNetwork` (a RedisCluster's pods on the node's network).
 */
function redisNodePorts(r: BorderResource, x: Resolver): Finding[] {
  const hostPort = valueAt(r.props, "spec.hostPort");
  const hostNetwork = valueAt(r.props, "spec.hostNetwork");
  const opens = [
    ...(hostPort === undefined || hostPort === null
      ? []
      : [`spec.hostPort ${isUnknown(hostPort) ? "(not known at preview)" : String(hostPort)}`]),
    ...(hostNetwork === true || isUnknown(hostNetwork) ? ["spec.hostNetwork"] : []),
  ];
  return opens.length === 0
    ? []
    : nodeFindings(
        r,
        x,
        `${opens.join(" and ")} ${opens.length > 1 ? "open ports" : "opens a port"} on the nodes that run its Redis pods`,
        "Remove hostPort and hostNetwork and reach the servers through their ClusterIP Services or an internal LoadBalancer",
      );
}

/**
 * What the Zalando operator's configuration on the `postgresql`'s cluster (the same Kubernetes
 * provider) sets for the clusters that leave a load balancer unset: an OperatorConfiguration's
 * `configuration.load_balancer`, or the operator's legacy ConfigMap, whose `data` holds the same
 * settings flat, as strings (`enable_master_load_balancer: "true"`,
 * `custom_service_annotations: "key:value,…"`). Which of several configurations the operator reads
 * is its Deployment's environment, which the pack does not follow: any that enables a load
 * balancer (or leaves it not known at preview) is taken to.
 */
function zalandoDefaults(
  r: BorderResource,
  x: Resolver,
): {
  readonly annotations: unknown;
  readonly flags: (setting: string) => { readonly value: unknown; readonly at: string } | undefined;
} {
  const configs: Array<{
    readonly label: string;
    readonly settings: unknown;
    readonly legacy: boolean;
  }> = [];
  for (const type of zalandoConfigTypes) {
    for (const c of x.ofType(type)) {
      if (c.provider !== r.provider) {
        continue;
      }
      for (const { object, at } of objectsOf(c)) {
        const legacy = type.includes(":ConfigMap");
        const settings = valueAt(object.props, legacy ? "data" : "configuration.load_balancer");
        // A ConfigMap is the operator's only when it holds a load balancer setting.
        if (
          legacy &&
          (isUnknown(settings) ||
            !zalandoLoadBalancerKeys.some((k) => k in mapAt(object.props, "data")))
        ) {
          continue;
        }
        configs.push({
          label: `${resourceLabel(c.type, c.name)}${at === "" ? "" : ` ${at.replace(/\.$/, "")}`}`,
          settings,
          legacy,
        });
      }
    }
  }
  // Every configuration's annotations, merged; one not known at preview leaves them unknown.
  let annotations: unknown = {};
  for (const c of configs) {
    const raw = valueAt(c.settings, "custom_service_annotations");
    // The legacy form lists them as "key:value,key:value".
    const over =
      c.legacy && typeof raw === "string"
        ? Object.fromEntries(
            raw.split(",").flatMap((pair) => {
              const at = pair.indexOf(":");
              return at > 0 ? [[pair.slice(0, at).trim(), pair.slice(at + 1).trim()]] : [];
            }),
          )
        : raw;
    annotations = annotationsOver(annotations, { over }, "over");
  }
  return {
    annotations,
    flags: (setting) => {
      for (const c of configs) {
        const v = isUnknown(c.settings) ? c.settings : valueAt(c.settings, setting);
        const value = c.legacy && typeof v === "string" ? v.trim().toLowerCase() === "true" : v;
        if (value === true || isUnknown(value)) {
          return {
            value,
            at: `${c.label} ${c.legacy ? `data.${setting}` : `configuration.load_balancer.${setting}`}`,
          };
        }
      }
      return undefined;
    },
  };
}

/** The settings of the Zalando operator's load balancers. */
const zalandoLoadBalancerKeys = [
  "enable_master_load_balancer",
  "enable_replica_load_balancer",
  "enable_master_pooler_load_balancer",
  "enable_replica_pooler_load_balancer",
];

/**
 * A custom resource's Services as its operator makes them, each judged as a Service of the
 * program's (serviceFindings), named by the field that makes it; one finding for each distinct
 * message (a listener's bootstrap and broker Services fail alike).
 */
function operatorServices(r: BorderResource, x: Resolver): Finding[] {
  const kind = operatorServiceKinds[r.type];
  const made =
    kind === "strimzi-kafka"
      ? strimziServices(r.props)
      : kind === "cnpg-cluster"
        ? cnpgServices(r.props)
        : kind === "zalando-postgresql"
          ? zalandoServices(r, x)
          : kind === "redis"
            ? redisServices(r)
            : kind === "eck"
              ? eckServices(r.props)
              : kind === "skupper"
                ? skupperServices(r)
                : mariadbServices(r.props, kind);
  const out = new Map<string, Finding>();
  const nodePorts =
    kind === "redis" ? redisNodePorts(r, x) : kind === "eck" ? hostPortFindings(r, x) : [];
  for (const f of nodePorts) {
    out.set(f.message, f);
  }
  for (const service of made) {
    const judge = service.ingress ? ingressFindings : serviceFindings;
    for (const f of judge({ ...r, props: service.props }, x, service)) {
      if (!out.has(f.message)) {
        out.set(f.message, f);
      }
    }
  }
  return [...out.values()];
}

/** A controller that serves the cluster's traffic from a network beyond the cluster's own. */
interface OverlayController {
  /** What it does with the object: "the ngrok Kubernetes Operator serve it from …". */
  readonly serves: string;
  /** Who reaches it, and through where. */
  readonly reach: string;
  /** The far end of the path. */
  readonly place: string;
}

/**
 * Classes (an Ingress's `ingressClassName`, a LoadBalancer Service's `loadBalancerClass`) whose
 * controller serves the object from a vendor's network rather than the cluster's: it dials out
 * to the vendor, and the vendor's network — points of presence worldwide, or the devices of a
 * tailnet wherever they are — takes the requests and passes the answers on, so the data leaves
 * the cluster's country whoever asks for it. Keyed by the class each controller's documentation
 * installs.
 */
const overlayClasses: Readonly<Record<string, OverlayController>> = {
  // The ngrok Kubernetes Operator: Ingresses and LoadBalancer Services of class ngrok.
  ngrok: {
    serves: "the ngrok Kubernetes Operator serve it from ngrok's global network",
    reach:
      "requests and answers pass through ngrok's points of presence worldwide, whoever sends them",
    place: "ngrok's global network (points of presence worldwide)",
  },
  // The Cloudflare Tunnel Ingress Controller (STRRL/cloudflare-tunnel-ingress-controller).
  "cloudflare-tunnel": {
    serves:
      "the Cloudflare Tunnel Ingress Controller serve it through a tunnel from Cloudflare's global network",
    reach:
      "requests and answers pass through Cloudflare's points of presence worldwide, whoever sends them",
    place: "Cloudflare's global network (points of presence worldwide)",
  },
  // The Tailscale Kubernetes Operator: Ingresses and LoadBalancer Services of class tailscale
  // (and Services annotated tailscale.com/expose, below).
  tailscale: {
    serves: "the Tailscale Kubernetes Operator expose it to the tailnet",
    reach:
      "every device of the tailnet reaches it wherever the device is, through Tailscale's relays worldwide where no direct path exists",
    place: "the tailnet's devices (wherever they are)",
  },
};

/**
 * Gateway API controllers (a GatewayClass's `controllerName`) that serve a Gateway from a
 * vendor's network, as their documentation names them.
 */
const overlayGatewayControllers: Readonly<Record<string, OverlayController>> = {
  // The ngrok Kubernetes Operator's Gateway API controller.
  "ngrok.com/gateway-controller": overlayClasses.ngrok,
  // Cloudflare Tunnel gateways: the cloudflare-operator's and pl4nty's controllers.
  "cloudflare-operator.io/gateway-controller": {
    ...overlayClasses["cloudflare-tunnel"],
    serves:
      "a Cloudflare Tunnel gateway controller serve it through a tunnel from Cloudflare's global network",
  },
  "github.com/pl4nty/cloudflare-kubernetes-gateway": {
    ...overlayClasses["cloudflare-tunnel"],
    serves:
      "a Cloudflare Tunnel gateway controller serve it through a tunnel from Cloudflare's global network",
  },
};

function overlayFinding(label: string, what: string, controller: OverlayController): Finding {
  return {
    message: `${label} must not be served outside the cluster's network, but ${what} makes ${controller.serves}: ${controller.reach}, outside the jurisdiction. Serve it through a controller of the cluster's own network (an internal load balancer of its cloud) instead.`,
    path: [label, controller.place],
  };
}

/**
 * The exposure of a Gateway API Gateway or GatewayClass: a class whose controller (or a Gateway
 * whose class, by the name the vendor's documentation installs) serves it from a vendor's network
 * is a path out of the cluster's; a Gateway of any other is served by what its implementation
 * makes for it (paths/gateways.ts): a Service judged as one of the program's, a cloud load
 * balancer, or a shared proxy's Service judged where the program declares it.
 */
function gatewayFindings(r: BorderResource, x: Resolver): Finding[] {
  const label = resourceLabel(r.type, r.name);
  const isClass = baseKind(r.type).endsWith(":GatewayClass");
  const at = isClass ? "spec.controllerName" : "spec.gatewayClassName";
  const value = valueAt(r.props, at);
  if (isUnknown(value)) {
    return [
      {
        message: `${label} must not be served outside the cluster's network, but ${at} is not known at preview, so its controller cannot be decided. Set it as a literal.`,
        path: [label, `${at} (unknown at preview)`],
        undecided: true,
      },
    ];
  }
  const name = str(value);
  const overlay =
    name === undefined
      ? undefined
      : isClass
        ? overlayGatewayControllers[name]
        : overlayClasses[name];
  if (overlay !== undefined) {
    return [
      overlayFinding(
        label,
        `its ${isClass ? "controller" : "class"} ${JSON.stringify(name)}`,
        overlay,
      ),
    ];
  }
  const serving = isClass ? undefined : gatewayServing(r, x);
  switch (serving?.kind) {
    case undefined:
      return [];
    case "services":
      return [
        ...serving.services.flatMap((made) =>
          serviceFindings({ ...r, props: made.props }, x, made),
        ),
        ...(serving.pods ?? []).map((pod) => ({
          message: `${label} must run its proxies' pods only as the pack can read them, but ${pod.why}. Set the proxies' resources, scheduling and security context in the patch alone, keep them on the pod network without host ports, and mount only volumes of the cluster; or, once what it adds is reviewed, waive the finding with that reason.`,
          path: [label, pod.place],
        })),
      ];
    case "public":
      return [
        {
          message: `${label} must not face the internet, but ${serving.why}. ${serving.fix}.`,
          path: serving.place === undefined ? ["the internet", label] : [label, serving.place],
        },
      ];
    case "undecided":
      return [
        {
          message: `${label} must not face the internet, but ${serving.why}. ${serving.fix}.`,
          path: [label, serving.at],
          undecided: true,
        },
      ];
  }
}

/**
 * The exposure of an Ingress whose class provisions a cloud load balancer for it, by the class's
 * documented behaviour: the AWS Load Balancer Controller (`alb` on EKS) creates an internal ALB
 * unless the Ingress asks for `alb.ingress.kubernetes.io/scheme: internet-facing`; ACK's ALB
 * Ingress controller (`alb` on ACK) creates the ALB its AlbConfig describes, whose addressType
 * defaults to Internet. Other classes are served by an in-cluster controller whose own Service
 * is what faces a network, judged as a Service.
 */
function ingressFindings(r: BorderResource, x: Resolver, made?: MadeService): Finding[] {
  const label = resourceLabel(r.type, r.name);
  const className = valueAt(r.props, "spec.ingressClassName");
  const annotations = valueAt(r.props, "metadata.annotations");
  // An Ingress an operator makes is named by the field that makes it.
  const its = made ? `the Ingresses of ${made.by}` : "its";
  const annotatedAt = made ? ` in ${made.annotate}` : "";
  if (isUnknown(className) || isUnknown(annotations)) {
    return [
      {
        message: `${label} must not face the internet, but ${made ? `the class or annotations of ${its} are` : "its class or annotations are"} not known at preview, so its exposure cannot be decided. Set them as literals.`,
        path: [label, "spec.ingressClassName (unknown at preview)"],
        undecided: true,
      },
    ];
  }
  const notes = mapAt(r.props, "metadata.annotations");
  const cls = str(className) ?? str(notes["kubernetes.io/ingress.class"]);
  const classOf = made
    ? `the class ${JSON.stringify(cls)} of ${its}`
    : `its class ${JSON.stringify(cls)}`;
  const overlay = cls === undefined ? undefined : overlayClasses[cls];
  if (overlay !== undefined) {
    return [overlayFinding(label, classOf, overlay)];
  }
  if (cls !== "alb") {
    return unseenControllerFindings(r, x, label, cls === undefined ? { default: true } : { cls });
  }
  const cloud = clusterCloud(r, x);
  if (cloud === undefined) {
    return [
      {
        message: `${label} must not face the internet, but ${classOf} provisions an ALB whose exposure depends on the cluster's cloud (internet-facing by default on ACK, internal on EKS), and its cluster cannot be placed. Build its provider from a cluster of this program or declare the cluster in sovereign-dc:clusters.`,
        path: [label, "an ALB of a cluster the pack cannot place"],
      },
    ];
  }
  if (cloud === "alicloud") {
    const config = albConfigOf(cls, x);
    // Without an AlbConfig of the program's, the add-on's default ALB may serve the class.
    const addressType = config
      ? valueAt(config.props, "spec.config.addressType")
      : addonDefaultAlb(r, x);
    if (
      (typeof addressType === "string" && addressType.toLowerCase() === "intranet") ||
      (config !== undefined && whitelistedAlbListeners(config, x))
    ) {
      return [];
    }
    return [
      {
        message: `${label} must not face the internet, but ${classOf} makes ACK's ALB Ingress controller serve it from ${config ? `the ALB of ${resourceLabel(config.type, config.name)}, whose spec.config.addressType is ${isUnknown(addressType) ? "not known at preview" : addressType === undefined ? "not set (defaults to Internet)" : JSON.stringify(addressType)} and whose listeners do not all admit only private or allowlisted ranges` : "an ALB whose AlbConfig this program does not declare (addressType defaults to Internet)"}. Declare the IngressClass's AlbConfig with spec.config.addressType: Intranet${config ? ", or give every listener of it a whitelist of private or allowlisted ranges (spec.listeners[].aclConfig: aclType White, with aclEntries or the aclIds of ALB ACLs of this program)" : ""}.`,
        path: ["the internet", label],
      },
    ];
  }
  // The class's IngressClassParams set the scheme and client ranges of all its Ingresses, over
  // their own annotations.
  const params = ingressClassParamsOf(cls, x);
  const classScheme = params ? valueAt(params.props, "spec.scheme") : undefined;
  const scheme = classScheme ?? notes["alb.ingress.kubernetes.io/scheme"];
  if (isUnknown(scheme) || String(scheme ?? "internal").toLowerCase() === "internal") {
    return isUnknown(scheme)
      ? [
          {
            message: `${label} must not face the internet, but alb.ingress.kubernetes.io/scheme${made ? ` of ${its}` : ""} is not known at preview. Set it as a literal ("internal")${annotatedAt}.`,
            path: [label, "alb.ingress.kubernetes.io/scheme (unknown at preview)"],
            undecided: true,
          },
        ]
      : [];
  }
  // An internet-facing ALB whose security group admits only private or allowlisted clients
  // (`inbound-cidrs`, which the controller writes into the group it makes; a group of the
  // Ingress's own choosing, `security-groups`, replaces that one) serves no one else.
  const classCidrs = params ? valueAt(params.props, "spec.inboundCIDRs") : undefined;
  const inbound = Array.isArray(classCidrs)
    ? classCidrs.join(", ")
    : notes["alb.ingress.kubernetes.io/inbound-cidrs"];
  if (
    typeof inbound === "string" &&
    notes["alb.ingress.kubernetes.io/security-groups"] === undefined
  ) {
    const cidrs = inbound
      .split(",")
      .map((c) => c.trim())
      .filter((c) => c !== "");
    if (onlyPrivateOrAllowlisted(cidrs, x.allowlist)) {
      return [];
    }
  }
  return [
    {
      message: `${label} must not face the internet, but ${classScheme !== undefined && params ? `spec.scheme of ${resourceLabel(params.type, params.name)}, the IngressClassParams of ${classOf},` : `alb.ingress.kubernetes.io/scheme${made ? ` of ${its}` : ""}`} is ${JSON.stringify(scheme)}, so the AWS Load Balancer Controller provisions an internet-facing ALB${typeof inbound === "string" ? ` whose alb.ingress.kubernetes.io/inbound-cidrs (${inbound}) admit more than private and allowlisted ranges` : ""}. Remove the annotation or set it to "internal"${annotatedAt}, or admit only private or allowlisted client ranges (alb.ingress.kubernetes.io/inbound-cidrs).`,
      path: ["the internet", label],
    },
  ];
}

/**
 * An Ingress (or a Traefik route) served by a controller that runs in the cluster — not a cloud's
 * load balancer, not a vendor's network — faces whatever its controller's own Service faces. The
 * program's own controller's Service is judged as a Service; one the program does not create (k3s's
 * Traefik, a controller a platform team installs) cannot be seen, so the object may face the
 * internet, as a LoadBalancer Service on that cluster may: it fails closed unless the stack
 * declares the class internal (`internalIngressClasses` of the cluster's `sovereign-dc:clusters`
 * entry).
 */
function unseenControllerFindings(
  r: BorderResource,
  x: Resolver,
  label: string,
  of: { readonly cls: string } | { readonly default: true } | { readonly traefik: string },
): Finding[] {
  const runs = runsIngressController(r, x, "traefik" in of ? { traefik: true } : of);
  const cls = "cls" in of ? of.cls : "traefik" in of ? of.traefik : undefined;
  const provider = r.provider ? x.get(r.provider) : undefined;
  const source = provider?.type === kubernetesProviderType ? x.clusterSource(provider) : undefined;
  const declared =
    cls !== undefined &&
    source?.kind === "declared" &&
    (source.declared.internalIngressClasses ?? []).includes(cls);
  if (runs || declared) {
    return [];
  }
  const served =
    cls === undefined
      ? "it names no class (spec.ingressClassName), so the cluster's default Ingress controller serves it, which this program does not create"
      : "traefik" in of
        ? `Traefik (class ${JSON.stringify(cls)}) serves it, which this program does not create`
        : `its class ${JSON.stringify(cls)} is served by an Ingress controller this program does not create`;
  const context =
    source?.kind === "declared" ? JSON.stringify(source.declared.context) : "<context>";
  const declare = `declare the class internal once the controller's Service is ClusterIP or on an internal load balancer or private address (sovereign-dc:clusters: [{ context: ${context}, …, internalIngressClasses: [${JSON.stringify(cls ?? "<class>")}] }])`;
  return [
    {
      message: `${label} must not face the internet, but ${served}: the controller's own Service decides whether it faces the internet, and the pack cannot see it. ${cls === undefined ? "Name its class, and " : ""}${cls === undefined ? declare : declare.charAt(0).toUpperCase() + declare.slice(1)}, install the controller in this program so that its Service is judged, or waive the finding naming the controller's Service.`,
      path: [
        "the internet",
        cls === undefined
          ? "the cluster's default Ingress controller (not created by this program)"
          : `the Ingress controller of class ${JSON.stringify(cls)} (not created by this program)`,
        label,
      ],
    },
  ];
}

/** A Traefik route faces what the Traefik that serves it faces. */
function traefikRouteFindings(r: BorderResource, x: Resolver): Finding[] {
  const annotations = valueAt(r.props, "metadata.annotations");
  const label = resourceLabel(r.type, r.name);
  if (isUnknown(annotations)) {
    return [
      {
        message: `${label} must not face the internet, but its annotations are not known at preview, so which Traefik serves it cannot be decided. Set them as literals.`,
        path: [label, "metadata.annotations (unknown at preview)"],
        undecided: true,
      },
    ];
  }
  const cls = str(mapAt(r.props, "metadata.annotations")["kubernetes.io/ingress.class"]);
  return unseenControllerFindings(r, x, label, { traefik: cls ?? "traefik" });
}

/**
 * Whether a workload object runs pods the program declares: a workload of a core kind, or a patch
 * of one whose pod spec names containers (a sidecar added, an image changed). A patch that only
 * reschedules the pods of an object the program does not declare — a node selector, tolerations,
 * resources; an EKS cluster's `aws-node` DaemonSet switched off once Cilium replaces it — adds
 * no code of the program's to the namespace. A pod spec not known at preview may hold anything.
 */
function runsPodsOfItsOwn(r: BorderResource): boolean {
  const template = podTemplateOf(r.type);
  if (template === undefined) {
    return false;
  }
  if (!r.type.endsWith("Patch")) {
    return true;
  }
  const spec = valueAt(r.props, template.spec);
  return (
    isUnknown(spec) ||
    ["containers", "initContainers", "ephemeralContainers"].some((k) => {
      const list = valueAt(spec, k);
      return isUnknown(list) || (Array.isArray(list) && list.length > 0);
    })
  );
}

/**
 * Services and Ingresses are judged with their cluster: which cloud's controller reads their
 * annotations, and whether the nodes a NodePort opens have public addresses; so are the workloads
 * whose pods open ports on their nodes (hostPort, hostNetwork).
 */
export const kubernetesServiceExposure = residencyStackPolicy({
  name: "kubernetes-service-exposure",
  description:
    "Checks whether Kubernetes Services, Ingresses, Gateways and pods stay inside: LoadBalancer services carry the internal-load-balancer annotation of their cluster's cloud, NodePort services and pods with a hostPort or on the host network open no port on nodes with public addresses, ExternalName services alias only in-cluster names or cloud endpoints inside, no Service is served on a public external IP (the Services and Ingresses an operator makes for a Strimzi Kafka listener, a CloudNativePG Cluster, a MariaDB or MaxScale, a Zalando postgresql, a Redis server or an ECK Elasticsearch, Kibana, APM Server, Logstash, Agent, Enterprise Search or Elastic Maps Server, and Skupper's controller for a site's link access or a secured access, included), ALB Ingresses get an internal load balancer, an Ingress or Traefik route whose in-cluster controller the program does not install is of a class the stack declares internal, the Service or load balancer a Gateway's implementation makes for it (Istio, Envoy Gateway, Cilium, NGINX Gateway Fabric, Consul, the Kong Gateway Operator, kgateway, Contour, the AWS Load Balancer Controller) is internal, and no Ingress, Gateway or Service is served from a vendor's network (ngrok, Cloudflare Tunnel, a Tailscale tailnet).",
  severity: "high",
  remediationSteps:
    'Annotate LoadBalancer services as internal for the cluster\'s cloud (service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type: "intranet" on ACK, service.beta.kubernetes.io/aws-load-balancer-scheme: "internal" on EKS), or use ClusterIP; keep the nodes of NodePort services, and of pods with a hostPort or on the host network, on private addresses; alias only in-cluster names; name only private external IPs; keep ALB Ingresses internal (scheme internal on EKS, an AlbConfig with addressType Intranet on ACK); serve nothing through a class of a vendor\'s network.',
  appliesOnlyWith: kubernetesProviderType,
  validate: (args, ctx) => {
    if (!holdsKubernetes(args.resources)) {
      return;
    }
    const { resources, x } = stackResolver(args, ctx);
    for (const r of resources) {
      if (!r.provider) {
        continue;
      }
      // The Services and Ingresses of the kubernetes table (paths/types/kubernetes.ts), and the
      // workloads whose pods may open ports on their nodes.
      const judge =
        r.type in services
          ? serviceFindings
          : r.type in operatorServiceKinds
            ? operatorServices
            : r.type in ingresses
              ? ingressFindings
              : r.type in traefikRoutes
                ? traefikRouteFindings
                : r.type in gateways
                  ? gatewayFindings
                  : podTemplateOf(r.type)
                    ? hostPortFindings
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

/**
 * The labels of resources, sorted: a program's callbacks may register them in another order on
 * each run, and a finding's words must not change with it.
 */
function sortedLabels(resources: readonly { type: string; name: string }[]): string[] {
  return resources.map((r) => resourceLabel(r.type, r.name)).sort();
}

/**
 * A cluster declaration that would place a provider inside the jurisdiction, as YAML text: in the
 * region inside it where most of the program's cloud resources are, the likeliest home of its
 * cluster; else in the first region of the cloud with the most regions in the jurisdiction.
 */
function declarationExample(
  j: Jurisdiction,
  context: string | undefined,
  resources: readonly BorderResource[],
  x: Resolver,
  cluster?: string,
): string {
  const counts = new Map<string, { cloud: Cloud; region: string; n: number }>();
  for (const r of resources) {
    const at = cloudOf(r.type) !== undefined ? x.regionOf(r) : undefined;
    if (at !== undefined && j.regions[at.cloud].includes(at.region)) {
      const key = `${at.cloud}/${at.region}`;
      const c = counts.get(key) ?? { ...at, n: 0 };
      counts.set(key, { ...c, n: c.n + 1 });
    }
  }
  const home = [...counts.values()].sort((a, b) => b.n - a.n)[0];
  const cloud =
    home?.cloud ?? [...clouds].sort((a, b) => j.regions[b].length - j.regions[a].length)[0];
  const region = home?.region ?? j.regions[cloud][0] ?? "<region>";
  const named = cluster === undefined ? "" : `cluster: ${JSON.stringify(cluster)}, `;
  return `sovereign-dc:clusters: [{ context: ${JSON.stringify(context ?? "<context>")}, ${named}cloud: ${cloud}, region: ${region} }]`;
}

/** A declaration of a cluster at a site of the team's own, for the jurisdiction's findings. */
function siteExample(j: Jurisdiction, context: string | undefined): string {
  const country =
    j.kind === "country"
      ? j.id
      : ((j.members ?? []).find((m) => findJurisdiction(m)?.kind === "country") ?? j.id);
  return `sovereign-dc:clusters: [{ context: ${JSON.stringify(context ?? "<context>")}, site: "<data center>", country: ${country} }]`;
}

/**
 * The way out for a provider on a cluster of a cloud the catalog does not hold: neither the
 * program nor `sovereign-dc:clusters` can place it, so a reviewer who has confirmed where it runs
 * waives the finding, with that evidence as the reason.
 */
function otherCloudFix(
  provider: BorderResource,
  cluster: BorderResource,
  pkg: string,
  x: Resolver,
): string {
  const j = x.jurisdiction;
  // The cluster's own place, else its provider's (a GKE cluster of the provider's region).
  const placeOf = (r: BorderResource | undefined, whose: string) =>
    ["region", "location", "zone"]
      .map((k) => [`${whose}${k}`, str(r?.props[k])] as const)
      .find(([, v]) => v !== undefined);
  const place =
    placeOf(cluster, "its ") ??
    placeOf(cluster.provider ? x.get(cluster.provider) : undefined, "its provider's ");
  const waiver = {
    "kubernetes-cluster-placement": {
      waivers: [
        {
          policy: "kubernetes-cluster-placement",
          resource: provider.name,
          reason: `<why ${cluster.name} runs inside ${j.id}>`,
          expires: "<YYYY-MM-DD>",
        },
      ],
    },
  };
  return `The pack places the clusters of ${clouds.join(" and ")}, created by this program or declared in sovereign-dc:clusters, and not those of ${pkg}. Run the objects on a cluster of those clouds inside ${j.id}, or, once you have confirmed that ${resourceLabel(cluster.type, cluster.name)}${place === undefined ? "" : ` (${place[0]} ${JSON.stringify(place[1])})`} runs inside ${j.id}, waive this finding for the provider with that evidence in a --policy-config file (${JSON.stringify(waiver)}).`;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The finding for a provider whose cluster is not placed inside the jurisdiction, if any. */
function clusterFinding(
  provider: BorderResource,
  objects: readonly BorderResource[],
  resources: readonly BorderResource[],
  x: Resolver,
): Finding | undefined {
  const j = x.jurisdiction;
  const label = resourceLabel(provider.type, provider.name);
  // Named only in a finding: most providers deploy inside, and their objects need no labels.
  const what = () =>
    `${objects.length === 1 ? "its Kubernetes object" : `its ${objects.length} Kubernetes objects`} (${some(sortedLabels(objects))})`;
  const source = x.clusterSource(provider);
  /** A cluster the source places in `region` (as `says`, `node` on the path): outside, a finding. */
  const inRegion = (cloud: Cloud, region: string, says: string, node: string) => {
    if (j.regions[cloud].includes(region)) {
      return undefined;
    }
    const where = describePlace(j, cloud, region);
    return {
      message: `${label} must deploy to a cluster inside ${j.id}, but ${says} ${where}, so ${what()} would run there. Deploy to a cluster in a region inside ${j.id}.`,
      path: [label, node, where],
    };
  };
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
        message: `${label} must deploy to a cluster inside ${j.id}, but its kubeconfig comes from ${cluster}, in ${where}, so ${what()} would run there. Build the provider from a cluster created in a region inside ${j.id}.`,
        path: [label, cluster, where],
      };
    }
    case "declared": {
      const d = source.declared;
      // A declaration of the cluster a provider overrides its context's with names both.
      const node =
        d.cluster === undefined
          ? `cluster of context ${JSON.stringify(d.context)}`
          : `cluster ${JSON.stringify(d.cluster)} of context ${JSON.stringify(d.context)}`;
      const declares =
        d.cluster === undefined
          ? `sovereign-dc:clusters declares the cluster of its context ${JSON.stringify(d.context)}`
          : `sovereign-dc:clusters declares the cluster ${JSON.stringify(d.cluster)} it overrides its context ${JSON.stringify(d.context)}'s with`;
      if (isSiteCluster(d)) {
        if (holdsCountry(j, d.country)) {
          return undefined;
        }
        const where = `site ${JSON.stringify(d.site)} in ${findJurisdiction(d.country)?.name ?? d.country} (outside ${j.id})`;
        return {
          message: `${label} must deploy to a cluster inside ${j.id}, but ${declares} at ${where}, so ${what()} would run there. Deploy to a cluster inside ${j.id}.`,
          path: [label, node, where],
        };
      }
      return inRegion(d.cloud, d.region, `${declares} in`, node);
    }
    case "endpoint":
      return inRegion(
        source.cloud,
        source.region,
        `its kubeconfig's server ${source.server} is the API endpoint of a cluster in`,
        `cluster at ${source.server}`,
      );
    case "unplaced": {
      const select = isDefaultProvider(provider.name)
        ? "set kubernetes:context in the stack config to the cluster's kubeconfig context"
        : "pass the cluster's kubeconfig context as the provider's context argument";
      const fix =
        source.otherCloud !== undefined
          ? otherCloudFix(provider, source.otherCloud.cluster, source.otherCloud.pkg, x)
          : source.rendered !== undefined
            ? "Deploy them through a provider whose cluster the pack can place (built from a cluster this program creates, or with a context sovereign-dc:clusters declares) instead of rendering them to files, or check the pipeline that applies the files."
            : source.clusterAbsent === true
              ? `Name a cluster the kubeconfig holds (kubectl config get-clusters) in ${isDefaultProvider(provider.name) ? "kubernetes:cluster" : "the provider's cluster argument"}, or drop the override so the provider talks to its context's cluster.`
              : source.cluster !== undefined
                ? `Drop the cluster override (${isDefaultProvider(provider.name) ? "kubernetes:cluster in the stack config" : "the provider's cluster argument"}) so the provider talks to its context's cluster, or declare where cluster ${JSON.stringify(source.cluster)} is: add it with its context, cloud and region to the stack config, e.g. ${declarationExample(j, source.context, resources, x, source.cluster)}, with a region inside ${j.id}.`
                : `Build the provider's kubeconfig from a cluster this program creates (alicloud.cs.ManagedKubernetes, aws.eks.Cluster), or declare where the cluster is: ${select}, and add that context with its cloud and region to the stack config, e.g. ${declarationExample(j, source.context, resources, x)}, with a region inside ${j.id}; a cluster in a data center of your own by its site and country instead, e.g. ${siteExample(j, source.context)}.`;
      return {
        message: `${label} must deploy to a cluster placed inside ${j.id}, but the pack cannot tell where its cluster is: ${source.reason}. ${capitalised(what())} could run in any country. ${fix}`,
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
    "Build the Kubernetes provider's kubeconfig from a cluster of the program (alicloud.cs.ManagedKubernetes, aws.eks.Cluster) created inside the jurisdiction, or select the cluster's kubeconfig context (the provider's context, or kubernetes:context) and declare its cloud and region in sovereign-dc:clusters (with the cluster, when the provider overrides its context's: its cluster, or kubernetes:cluster).",
  appliesOnlyWith: kubernetesProviderType,
  validate: (args, ctx) => {
    if (!holdsKubernetes(args.resources)) {
      return;
    }
    const { resources, x } = stackResolver(args, ctx);
    const objects = new Map<string, BorderResource[]>();
    for (const r of resources) {
      if (r.provider && r.type.startsWith("kubernetes:")) {
        const deployed = objects.get(r.provider);
        if (deployed === undefined) {
          objects.set(r.provider, [r]);
        } else {
          deployed.push(r);
        }
      }
    }
    for (const [urn, deployed] of objects) {
      const provider = x.get(urn);
      if (provider?.type !== kubernetesProviderType) {
        continue;
      }
      const f = clusterFinding(provider, deployed, resources, x);
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
    "Checks whether every namespace that runs pods (of workloads, of the custom resources an operator runs them for: Kafka, PostgreSQL, MariaDB, Redis, Prometheus, Elasticsearch, or the proxies of Gateways whose implementation runs them there) has a default-deny egress NetworkPolicy, so its pods reach only what some policy allows.",
  severity: "high",
  remediationSteps:
    'Add to each namespace a NetworkPolicy with podSelector: {} and policyTypes: ["Egress"], then allow only in-cluster peers and allowlisted destinations (components/kubernetes SealedNamespace builds this).',
  appliesOnlyWith: kubernetesProviderType,
  validate: (args, ctx) => {
    if (!holdsKubernetes(args.resources)) {
      return;
    }
    const resources = fromPolicyResources(args.resources);
    // A resolver only where a Gateway's class is read: most stacks have none.
    let x: Resolver | undefined;
    const resolver = () =>
      (x ??= new Resolver(
        resources,
        ctx.jurisdiction,
        ctx.settings.egressAllowlist,
        ctx.settings.clusters ?? [],
      ));
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const get = (u: string) => byUrn.get(u);
    const scopes = new Map<string, Scope>();
    const namespaces = new Map<string, BorderResource>();
    /** Per provider (cluster), its clusterwide default denies (Cilium's, Calico's global ones). */
    const clusterDenied = new Map<string, BorderResource[]>();
    /** Per provider, its cluster-wide policies as written, to say why one does not deny. */
    const clusterPolicies = new Map<string, BorderResource[]>();
    // Each workload's hostNetwork flags, read once: at its scope, and again by its namespace's.
    const flagCache = new Map<string, unknown[]>();
    const flagsOf = (r: BorderResource): unknown[] => {
      let flags = flagCache.get(r.urn);
      if (flags === undefined) {
        flags = hostNetworkFlags(r);
        flagCache.set(r.urn, flags);
      }
      return flags;
    };
    const scopeOf = (r: BorderResource, namespace: string): Scope => {
      const key = scopeKey(r.provider, namespace);
      let s = scopes.get(key);
      if (!s) {
        s = { namespace, workloads: [], denied: false };
        scopes.set(key, s);
      }
      return s;
    };
    const objects = resources.flatMap((each) => objectsOf(each).map((o) => o.object));
    for (const r of objects) {
      if (!r.provider) {
        continue;
      }
      if (r.type === namespaceType) {
        namespaces.set(scopeKey(r.provider, namespaceName(r)), r);
        continue;
      }
      // A workload of a core kind, a custom resource whose operator runs its pods here, or a
      // Gateway whose implementation runs its proxies here.
      const isWorkload =
        runsPodsOfItsOwn(r) ||
        operatorPodKinds.has(r.type) ||
        (r.type in gateways &&
          baseKind(r.type).endsWith(":Gateway") &&
          !r.type.endsWith("Patch") &&
          runsProxiesInItsNamespace(r, resolver()));
      const cni = cniPolicyTypes.has(r.type) && !isUnknown(r.props);
      const isDeny =
        (networkPolicyTypes.has(baseKind(r.type)) && isDefaultDenyEgress(r)) ||
        (cni && cniAsNetworkPolicies(r).some(isDefaultDenyEgress));
      if (cni && isClusterwidePolicy(r.type)) {
        // A clusterwide default deny holds every namespace of its cluster (but those its
        // selector leaves out); an admin network policy's, unless another passes traffic past it
        // (settled below, once every policy of the cluster is known).
        const denied = clusterDenied.get(r.provider) ?? [];
        denied.push(...cniAsNetworkPolicies(r));
        clusterDenied.set(r.provider, denied);
        const held = clusterPolicies.get(r.provider) ?? [];
        held.push(r);
        clusterPolicies.set(r.provider, held);
        continue;
      }
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
            undecided: true,
            urn: r.urn,
            resourceName: r.name,
          });
        }
        continue;
      }
      const scope = scopeOf(r, namespace);
      if (isWorkload) {
        // Pods that all run on their node's network, in a node network the pack judges, send what
        // the nodes send: no NetworkPolicy of the namespace holds them, and none needs to.
        if (!allOnNodeNetwork(flagsOf(r)) || !onJudgedNodeNetwork(r, resolver())) {
          scope.workloads.push(r);
        }
      } else {
        scope.denied = true;
      }
    }
    /** Per provider, the cluster-wide denies an admin Pass of traffic outside bypasses. */
    const bypassed = new Map<string, BorderResource[]>();
    for (const [provider, policies] of clusterDenied) {
      const settled = settleAdminDenies(policies);
      bypassed.set(
        provider,
        policies.filter((p, i) => isDefaultDenyEgress(p) && !isDefaultDenyEgress(settled[i])),
      );
      clusterDenied.set(provider, settled.filter(isDefaultDenyEgress));
    }
    /**
     * Why the cluster-wide policies of the provider that would deny a namespace's pod egress do
     * not deny it: their subject leaves it out, an admin Pass of traffic outside ranks before
     * them, or the API server does not admit them (a baseline policy not named `default`).
     */
    const notDenying = (provider: string, namespace: string): string[] =>
      (clusterPolicies.get(provider) ?? []).flatMap((policy) => {
        const label = resourceLabel(policy.type, policy.name);
        const denies = (clusterDenied.get(provider) ?? []).filter((d) => d.urn === policy.urn);
        if (denies.length > 0) {
          return denies.some((d) => governsNamespace(d, namespace))
            ? []
            : [`${label} selects other namespaces`];
        }
        if ((bypassed.get(provider) ?? []).some((d) => d.urn === policy.urn)) {
          return [`an admin network policy's Pass of traffic outside ranks before ${label}`];
        }
        const named = {
          ...policy,
          props: {
            ...policy.props,
            metadata: { ...record(policy.props.metadata), name: "default" },
          },
        };
        return /:BaselineAdminNetworkPolicy$/.test(baseKind(policy.type)) &&
          valueAt(policy.props, "metadata.name") !== "default" &&
          cniAsNetworkPolicies(named).some(isDefaultDenyEgress)
          ? [`the API server admits ${label} only by the name "default"`]
          : [];
      });
    // Workloads reported as outside their namespace's NetworkPolicies (host network, Fargate).
    const outsidePolicies = new Set<string>();
    /** The finding of a workload whose pods (may) run on nodes the pack cannot judge. */
    const onNodeNetwork = (r: BorderResource, why: string, unheld: string) => {
      const label = resourceLabel(r.type, r.name);
      outsidePolicies.add(r.urn);
      const here = offJudgedNodeNetwork(r, resolver());
      ctx.report({
        message: `${label} must send its pods' traffic through the NetworkPolicies of its namespace, but ${why}, so ${unheld} and they can reach any address, in any country. Run the pods on the pod network (hostNetwork false) and allow their destinations by NetworkPolicy; an agent that must run on its node's network (a network plugin's) is judged by its nodes' network instead, on a cluster this program creates in subnets it creates${here === undefined ? "" : ` (here ${here})`}.`,
        path: [
          label,
          "pod egress (hostNetwork, outside NetworkPolicy)",
          "every address (any country)",
        ],
        urn: r.urn,
        resourceName: r.name,
      });
    };
    /** Per cluster of the program, the namespaces whose pods its NetworkPolicies are to hold. */
    const relying = new Map<string, { cluster: BorderResource; namespaces: Set<string> }>();
    for (const [key, scope] of scopes) {
      const clusterwide = scope.workloads.some((w) =>
        (clusterDenied.get(w.provider ?? "") ?? []).some((p) =>
          governsNamespace(p, scope.namespace),
        ),
      );
      if ((scope.denied || clusterwide) && scope.workloads.length > 0) {
        const cluster = programCluster(scope.workloads[0], resolver());
        if (cluster !== undefined) {
          const held = relying.get(cluster.urn) ?? { cluster, namespaces: new Set<string>() };
          held.namespaces.add(scope.namespace);
          relying.set(cluster.urn, held);
        }
      }
      if (scope.denied || clusterwide) {
        // Pods on their node's network are not governed by NetworkPolicy (Kubernetes leaves it
        // undefined, and the common network plugins do not apply pod policies to them): the
        // namespace's default deny does not hold them. On a node network the pack does not
        // judge (a cluster the program does not create), nothing bounds what they reach.
        for (const r of scope.workloads) {
          // A workload's pods, or an operator's by the pod specs its resource holds (ECK's) or
          // its own flag (a RedisCluster's spec.hostNetwork); the other operators' pods are on
          // the pod network.
          const values = flagsOf(r);
          const hostNetwork = values.find(isUnknown) ?? values.find((v) => v === true);
          // A List's entries are workloads of one resource: it is reported once.
          if (outsidePolicies.has(r.urn)) {
            continue;
          }
          const label = resourceLabel(r.type, r.name);
          if (hostNetwork !== true && !isUnknown(hostNetwork)) {
            // Pods that EKS runs on Fargate, where no network plugin applies NetworkPolicies.
            const profile = fargateProfileOf(r, scope.namespace, resolver());
            if (profile !== undefined) {
              outsidePolicies.add(r.urn);
              ctx.report({
                message: `${label} must send its pods' traffic through the NetworkPolicies of its namespace, but ${resourceLabel(profile.type, profile.name)} runs its pods on AWS Fargate, where NetworkPolicies do not apply, so the default deny of k8s namespace ${JSON.stringify(scope.namespace)} does not hold them and they can reach any address, in any country. Run the pods on EC2 nodes (a node group the profile's selectors leave them to) and allow their destinations by NetworkPolicy.`,
                path: [
                  label,
                  "pod egress (Fargate, outside NetworkPolicy)",
                  "every address (any country)",
                ],
                urn: r.urn,
                resourceName: r.name,
              });
            }
            continue;
          }
          if (onJudgedNodeNetwork(r, resolver())) {
            // On their node's network they send what the nodes send, judged by that network's
            // exits; on the pod network, the namespace's default deny holds them.
            continue;
          }
          onNodeNetwork(
            r,
            isUnknown(hostNetwork)
              ? "hostNetwork is not known at preview, so whether its pods use their node's network cannot be decided"
              : "its pods use their node's network (hostNetwork), which NetworkPolicies do not govern",
            `the default deny of k8s namespace ${JSON.stringify(scope.namespace)} does not hold them`,
          );
        }
        continue;
      }
      // Without a default deny, pods that all run on their node's network (on nodes the pack
      // cannot judge) are no default deny's to hold: each is reported as such, and the
      // namespace's finding names the pods a default deny would hold.
      const onPodNetwork = scope.workloads.filter((r) => {
        if (!allOnNodeNetwork(flagsOf(r))) {
          return true;
        }
        if (!outsidePolicies.has(r.urn)) {
          onNodeNetwork(
            r,
            "its pods use their node's network (hostNetwork), which NetworkPolicies do not govern",
            `no NetworkPolicy of k8s namespace ${JSON.stringify(scope.namespace)} could hold them`,
          );
        }
        return false;
      });
      if (onPodNetwork.length === 0) {
        continue;
      }
      const declared = namespaces.get(key);
      const subject = declared ?? onPodNetwork[0];
      // The namespace of a provider whose namespace is not known at preview, where its objects
      // that name none of their own are.
      const provider = scope.workloads[0].provider ? get(scope.workloads[0].provider) : undefined;
      const ns =
        provider && scope.namespace === providerNamespace(provider)
          ? `the namespace of ${resourceLabel(provider.type, provider.name)} (not known at preview)`
          : scope.namespace.startsWith("(namespace ")
            ? resourceLabel(namespaceType, declared?.name ?? scope.namespace)
            : `k8s namespace ${JSON.stringify(scope.namespace)}`;
      const pods = some(sortedLabels(onPodNetwork));
      const present = notDenying(scope.workloads[0].provider ?? "", scope.namespace);
      const unheld =
        present.length === 0 ? "" : ` (of the cluster's: ${present.sort().join("; ")})`;
      ctx.report({
        message: `${ns} must deny pod egress by default, but no NetworkPolicy in it selects every pod (podSelector: {}) with policyTypes ["Egress"] — nor a Cilium policy (endpointSelector: {} with egress rules) or a Calico one (selector: all() with types Egress), of the namespace or of the whole cluster, nor an admin or baseline network policy that denies every pod egress to 0.0.0.0/0 and ::/0${unheld} — so the pods of ${pods} can reach any address, in any country. Add a default-deny egress NetworkPolicy to the namespace and allow only in-cluster peers and allowlisted destinations.`,
        path: [ns, "pod egress (no default-deny NetworkPolicy)", "every address (any country)"],
        urn: subject.urn,
        resourceName: subject.name,
      });
    }
    // A default deny holds the pods only where the cluster's network plugin applies
    // NetworkPolicies: once per cluster of the program whose namespaces rest on one.
    if (relying.size > 0) {
      const x = resolver();
      const byCluster = new Map<string, BorderResource[]>();
      for (const o of objects) {
        const cluster = programCluster(o, x);
        if (cluster !== undefined) {
          const held = byCluster.get(cluster.urn) ?? [];
          held.push(o);
          byCluster.set(cluster.urn, held);
        }
      }
      // A Helm v4 Chart is a component, which the policy runtime hands without its provider or
      // inputs (a component's properties are its outputs): one named for a network plugin whose
      // objects the pack does not see counts for every cluster of the program. One whose objects
      // it sees (under the Pulumi CLI) counts by them, for the cluster they are deployed to.
      const parents = new Set(resources.flatMap((r) => (r.parent ? [r.parent] : [])));
      const charts = resources.filter(
        (r) => !r.provider && r.type === helmChartType && !parents.has(r.urn),
      );
      for (const { cluster, namespaces: held } of relying.values()) {
        const gap = unenforcedNetworkPolicies(
          cluster,
          [...(byCluster.get(cluster.urn) ?? []), ...charts],
          x,
        );
        if (gap === undefined) {
          continue;
        }
        const label = resourceLabel(cluster.type, cluster.name);
        const names = some([...held].sort().map((n) => JSON.stringify(n)));
        ctx.report({
          message: `${label} must enforce the NetworkPolicies that deny its namespaces' pod egress, but ${gap.why}, so the pods of namespace${held.size === 1 ? "" : "s"} ${names} can reach any address, in any country, whatever their default deny says. ${gap.fix}.`,
          path: [label, "NetworkPolicies not enforced", "every address (any country)"],
          ...(gap.undecided ? { undecided: true } : {}),
          urn: cluster.urn,
          resourceName: cluster.name,
        });
      }
    }
  },
});

export const helmReleases = residencyResourcePolicy({
  name: "helm-releases",
  description:
    "Checks whether the stack uses deployment bundles whose contents policies cannot see: Helm v3 releases, CloudFormation stacks and StackSets, Service Catalog products, ROS stacks and change sets.",
  severity: "high",
  remediationSteps:
    "Deploy a chart with kubernetes.helm.v4.Chart (or render it with kubernetes.yaml.v2.ConfigGroup), and declare the resources of a CloudFormation or ROS template or Service Catalog product in the program instead, so each resource is checked.",
  validate: (args, ctx) => {
    // Every row of the deployment bundles' table, whatever its shape (paths/types/bundles.ts).
    const bundle = args.type in bundles ? bundles[args.type] : undefined;
    if (bundle) {
      const label = resourceLabel(args.type, args.name);
      ctx.report({
        message: `${label} must expose its resources to the pack, but ${bundle.hides(args.props)}. ${eksNodeGroupFix(args.type, args.opts.parent) ?? fixOf(bundle, "helm-releases")}`,
        path: [label, "resources the pack cannot see"],
      });
    }
  },
});
