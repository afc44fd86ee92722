/**
 * Istio routes to the hosts ServiceEntries add to the mesh: a VirtualService's route or mirror, a
 * DestinationRule's tunnel target, a Sidecar's egress proxy or an extension provider of the mesh
 * may name a host — `payments.internal`, `db.corp.example` — that only a ServiceEntry of the same
 * cluster makes resolvable, and that entry says where its traffic goes (its endpoints, else its
 * hosts), which kubernetes-egress judges on the entry itself. Read from the route alone, such a
 * host cannot be placed; so where the pack cannot place a host name by itself (a field marked
 * `serviceEntryHost`), the route's own view leaves it to named-destinations, which sees every
 * resource: a host a ServiceEntry of the cluster adds passes (the entry is judged), any other
 * fails closed as before (found by the multi-cluster bench: a route to the host of the program's
 * own entry failed). A Consul terminating gateway's services are placed the same way, by the
 * ServiceDefaults destination or Registration of the cluster that gives each its address (the
 * cross-cluster bench), a route's or an Envoy Gateway policy's reference to Envoy Gateway's
 * `Backend` by that Backend of the cluster (the real-manifest Gateway bench), and a name of two
 * labels a pod sends to, `<service>.<namespace>`, by the Service of that name and namespace the
 * cluster's resolver answers it with first. Each kind of placer is indexed once a policy run.
 */
import type { PolicyResource } from "@pulumi/policy";
import type { EgressAllowEntry } from "../framework";
import { catalogNames, catalogTypes } from "./consul";
import { resourceLabel } from "./describe";
import {
  type DestinationField,
  type DestinationFinding,
  destinationFields,
  destinationPath,
  destinationsOf,
  destinationWords,
  fieldHolds,
  namespaceOf,
  namespaceType,
  podTemplateOf,
} from "./kubernetes";
import type { BorderResource } from "./model";
import { fromPolicyResources, isUnknown, proxyTarget, str, valueAt, valuesAt } from "./values";
import { objectsOf, operatorPodKinds, operatorServices } from "./pod-kinds";
import { variants } from "./variants";

const serviceEntryType = /^kubernetes:networking\.istio\.io\/\w+:ServiceEntry$/;

/** The ServiceEntry types of every served version of `networking.istio.io`. */
export const serviceEntryTypes: readonly string[] = ["v1alpha3", "v1beta1", "v1"].map(
  (v) => `kubernetes:networking.istio.io/${v}:ServiceEntry`,
);

/** A host as a ServiceEntry's hosts are compared: lower case, without a trailing dot. */
const hostKey = (host: string) => host.toLowerCase().replace(/\.$/, "");

/** The hosts a ServiceEntry adds to the mesh (`spec.hosts`), as compared. */
function entryHosts(r: Pick<BorderResource, "props">): string[] {
  return valuesAt(r.props, "spec.hosts[]").flatMap((h) =>
    typeof h.value === "string" ? [hostKey(h.value)] : [],
  );
}

/**
 * The entry hosts that cover `host`: itself, and each wildcard (`*.example.com`, over one or more
 * labels) whose suffix it ends with.
 */
function coveringHosts(host: string): string[] {
  const name = hostKey(host);
  const out = [name];
  for (let at = name.indexOf("."); at !== -1; at = name.indexOf(".", at + 1)) {
    out.push(`*${name.slice(at)}`);
  }
  return out;
}

/** The type tokens of Envoy Gateway's Backend objects (not their Lists or Patches). */
const envoyBackendTypes: readonly string[] = variants(
  "gateway.envoyproxy.io",
  ["v1alpha1"],
  "Backend",
).filter((t) => t.endsWith(":Backend"));

/**
 * The reference under which an Envoy Gateway `Backend` is filed: `<namespace>/<name>`. A backend
 * reference (`<namespace>/<name>`, or `<name>` in the route's namespace) names the Backend of the
 * route's cluster filed under it, judged itself for its endpoints.
 */
function backendNames(r: Pick<BorderResource, "props">): string[] {
  const name = valueAt(r.props, "metadata.name");
  return typeof name === "string" ? [`${namespaceOfObject(r.props)}/${name}`] : [];
}

function backendReference(route: Pick<BorderResource, "props">, reference: string): string[] {
  const [namespace, name] = reference.includes("/")
    ? reference.split("/", 2)
    : [namespaceOfObject(route.props), reference];
  return [`${namespace}/${name}`];
}

/** An object's namespace as written (`default` where it names none). */
function namespaceOfObject(props: Readonly<Record<string, unknown>>): string {
  return str(valueAt(props, "metadata.namespace")) ?? "default";
}

/**
 * Whether a ServiceEntry is visible to routes of `namespace`: its `exportTo` lists `*`, `.` (its
 * own namespace) or that namespace; unset, it is exported to every namespace (Istio's default).
 */
function exportedTo(entry: Readonly<Record<string, unknown>>, namespace: string): boolean {
  const exportTo = valueAt(entry, "spec.exportTo");
  if (isUnknown(exportTo)) {
    // Not known at preview: the route's host is placed by nothing yet.
    return false;
  }
  if (!Array.isArray(exportTo) || exportTo.length === 0) {
    return true;
  }
  return exportTo.some(
    (n) => n === "*" || n === namespace || (n === "." && namespaceOfObject(entry) === namespace),
  );
}

/**
 * How the stack places a name a field holds: the kinds that may, the names each of their objects
 * answers to and those a name is looked up under, whether an object so found places it for the
 * route (its cluster's, visible to it), and the words for a name none places.
 */
export interface StackPlacing {
  /** What the placers are, naming the placing's index for an analysis. */
  readonly what: string;
  /** The type tokens of the kinds that may place a name. */
  readonly types: readonly string[];
  readonly kinds: (type: string) => boolean;
  /** The names an object answers to; `get` finds a resource of the stack (its provider). */
  readonly names: (
    r: Pick<BorderResource, "type" | "props" | "provider">,
    get: ResourceOf,
  ) => readonly string[];
  readonly lookups: (route: Sender, name: string, get: ResourceOf) => readonly string[];
  /** Beyond the cluster, which must be the route's: whether the object is visible to the route. */
  readonly visible?: (
    r: Pick<BorderResource, "props">,
    route: Pick<BorderResource, "props">,
  ) => boolean;
  /** Why no object places `name` (completing "…, and <missing>: …"). */
  readonly missing: (name: string, route: Sender) => string;
  readonly add: string;
}

/** The object that holds a name: a route, or any sender (its type, where known). */
type Sender = Pick<BorderResource, "props" | "provider"> & { readonly type?: string };

/** A resource of the stack by URN. */
type ResourceOf = (urn: string) => Pick<BorderResource, "urn" | "type" | "props"> | undefined;

/**
 * The index of `resources` (of any kinds: only the placing's are filed) by the names they answer
 * to: a name is found in time independent of the stack's size, and the first of the resources
 * that places it is the one found. `get` finds the stack's other resources (the providers).
 */
export function placerIndex<R extends Pick<BorderResource, "type" | "props" | "provider">>(
  placing: StackPlacing,
  resources: Iterable<R>,
  get: ResourceOf = () => undefined,
): (route: Sender, name: string) => R | undefined {
  const byName = new Map<string, R[]>();
  const order = new Map<R, number>();
  for (const r of resources) {
    if (!placing.kinds(r.type)) {
      continue;
    }
    order.set(r, order.size);
    for (const name of new Set(placing.names(r, get))) {
      const filed = byName.get(name);
      if (filed === undefined) {
        byName.set(name, [r]);
      } else {
        filed.push(r);
      }
    }
  }
  return (route, name) => {
    let found: R | undefined;
    for (const key of placing.lookups(route, name, get)) {
      for (const r of byName.get(key) ?? []) {
        if (
          r.provider === route.provider &&
          (placing.visible?.(r, route) ?? true) &&
          (found === undefined || (order.get(r) as number) < (order.get(found) as number))
        ) {
          found = r;
          break;
        }
      }
    }
    return found;
  };
}

export const byServiceEntry: StackPlacing = {
  what: "ServiceEntries",
  types: serviceEntryTypes,
  kinds: (t) => serviceEntryType.test(t),
  names: entryHosts,
  lookups: (_route, host) => coveringHosts(host),
  visible: (entry, route) => exportedTo(entry.props, namespaceOfObject(route.props)),
  missing: () => "no ServiceEntry of its cluster adds it to the mesh",
  add: "add the host with a ServiceEntry whose endpoints are inside",
};

/** A placing by the objects of these exact types. */
const byObjects = (
  what: string,
  types: readonly string[],
  names: StackPlacing["names"],
  lookups: StackPlacing["lookups"],
  missing: StackPlacing["missing"],
  add: string,
): StackPlacing => ({ what, types, kinds: (t) => types.includes(t), names, lookups, missing, add });

export const byConsulCatalog = byObjects(
  "Consul catalog entries",
  catalogTypes,
  catalogNames,
  (_route, name) => [name],
  () => "no ServiceDefaults destination or Registration of its cluster gives its address",
  "give the service its address inside with a ServiceDefaults destination or a Registration",
);

export const byEnvoyBackend = byObjects(
  "Envoy Gateway Backends",
  envoyBackendTypes,
  backendNames,
  backendReference,
  () => "no Backend of that name in its cluster is in the program",
  "declare the Backend in the program, with endpoints inside",
);

/** The core Service kind, whose `<name>.<namespace>` a pod's resolver answers in the cluster. */
const serviceTypes: readonly string[] = objectsOf("core", ["v1"], "Service");

/** Whether an object runs the pods that send, in its own namespace: a workload, or an operator's. */
function runsPods(sender: Sender): boolean {
  return (
    sender.type !== undefined &&
    (podTemplateOf(sender.type) !== undefined || operatorPodKinds.has(sender.type))
  );
}

/**
 * A `<service>.<namespace>` name (`DestinationFinding.serviceName`) by the Service so named; a
 * headless Service (no cluster IP) also answers for its pods, `<pod>.<service>`, to pods of its
 * namespace, whose resolver's search path completes the name with it: read so only where the
 * sender runs the pods that send, in its own namespace (a workload, or a kind an operator runs
 * pods for) — a configuration another namespace's pods read (an AlertmanagerConfig, a
 * ClusterSecretStore) does not say which namespace completes it.
 */
export const byClusterService = byObjects(
  "Services",
  [...serviceTypes, ...operatorServices.keys()],
  (r, get) => {
    const name = str(valueAt(r.props, "metadata.name"));
    const namespace = namespaceOf(r, get);
    if (name === undefined || namespace === undefined) {
      return [];
    }
    // The Services an operator makes for the object (a CloudNativePG Cluster's `<name>-rw`),
    // else the Service itself.
    const services = operatorServices.get(r.type)?.(name, r.props) ?? [
      { name, ...(valueAt(r.props, "spec.clusterIP") === "None" ? { headless: true } : {}) },
    ];
    return services.flatMap((service) => {
      const own = `${service.name}.${namespace}`.toLowerCase();
      return service.headless === true ? [own, `*.${own}`] : [own];
    });
  },
  (route, name, get) => {
    const key = name.toLowerCase();
    const sender = runsPods(route) ? namespaceOf(route, get) : undefined;
    const [, service] = key.split(".");
    return sender === undefined ? [key] : [key, `*.${service}.${sender}`.toLowerCase()];
  },
  (name, route) => {
    const [service, namespace] = name.toLowerCase().split(".");
    const headless = runsPods(route)
      ? ` (nor a headless Service ${JSON.stringify(namespace)} of its namespace, whose pod ${JSON.stringify(service)} it may name)`
      : "";
    return `no Service ${JSON.stringify(service)} of namespace ${JSON.stringify(namespace)} in its cluster is in the program${headless}, so the pods' resolver may pass the name on to the network's DNS`;
  },
  "name the Service by its cluster name (<service>.<namespace>.svc), or declare it in the program, or the object of an operator the pack knows that makes it (a CloudNativePG Cluster's <name>-rw)",
);

/** Every placing: the objects any of them reads are gathered once for a resource's fields. */
const placings: readonly StackPlacing[] = [
  byServiceEntry,
  byConsulCatalog,
  byEnvoyBackend,
  byClusterService,
];

/** How the stack places the names of field `f`, or undefined where only the field can. */
export function stackPlacingOf(f: DestinationField): StackPlacing | undefined {
  return f.serviceEntryHost === true
    ? byServiceEntry
    : f.catalogService === true
      ? byConsulCatalog
      : f.envoyBackend === true
        ? byEnvoyBackend
        : undefined;
}

/**
 * How the stack places destination `d` of field `f`: by the field's placing, else, for a name a
 * pod's resolver may answer with a Service (`<service>.<namespace>`), by that Service; undefined
 * where the destination alone decides.
 */
export function destinationPlacingOf(
  f: DestinationField,
  d: DestinationFinding,
  sender: Readonly<Record<string, unknown>>,
): StackPlacing | undefined {
  return d.host === undefined || d.everyCluster === true
    ? undefined
    : (stackPlacingOf(f) ??
        (d.serviceName !== undefined && clusterSearchBypass(sender) === undefined
          ? byClusterService
          : undefined));
}

/**
 * Why the pods an object runs do not look names up through the cluster's search path, or
 * undefined where they do: a pod spec of it that takes the node's resolver (`dnsPolicy:
 * Default`, or the node's network without `ClusterFirstWithHostNet`) or its own (`None`), or
 * whose `ndots` option is below 2, which sends a name of two labels to the network's DNS first.
 */
export function clusterSearchBypass(props: unknown): string | undefined {
  if (Array.isArray(props)) {
    for (const item of props) {
      const why = clusterSearchBypass(item);
      if (why !== undefined) {
        return why;
      }
    }
    return undefined;
  }
  if (props === null || typeof props !== "object" || isUnknown(props)) {
    return undefined;
  }
  const o = props as Record<string, unknown>;
  if (isUnknown(o.dnsPolicy)) {
    return "its pods' DNS policy is not known at preview";
  }
  if (o.dnsPolicy === "Default" || o.dnsPolicy === "None") {
    return `its pods take ${o.dnsPolicy === "None" ? "the resolver their dnsConfig names" : "the node's resolver"} (dnsPolicy: ${o.dnsPolicy})`;
  }
  // A pod on the node's network takes the node's resolver unless told ClusterFirstWithHostNet.
  if (o.hostNetwork === true && o.dnsPolicy !== "ClusterFirstWithHostNet") {
    return "its pods run on the node's network without dnsPolicy ClusterFirstWithHostNet, and so take the node's resolver";
  }
  const options = valueAt(o, "dnsConfig.options");
  if (Array.isArray(options)) {
    for (const opt of options) {
      const value = valueAt(opt, "value");
      if (valueAt(opt, "name") === "ndots" && !(Number(value) >= 2)) {
        return `its pods' resolver has ndots: ${String(value ?? "(no value)")}, below 2, and so asks the network's DNS for a name of two labels first`;
      }
    }
  }
  for (const v of Object.values(o)) {
    const why = clusterSearchBypass(v);
    if (why !== undefined) {
      return why;
    }
  }
  return undefined;
}

/** The kinds whose objects other objects' pods read, and which kinds read them, by what. */
interface ReadBy {
  /** The reading kinds. */
  readonly readers: readonly string[];
  /** The reader's field naming one such object of its namespace, if any. */
  readonly byName?: string;
  /** The reader's label selector of such objects, and of their namespaces. */
  readonly selector: string;
  readonly namespaceSelector: string;
}

/**
 * The Prometheus Operator's configurations read by the pods of other objects: an
 * AlertmanagerConfig by the Alertmanagers that name or select it, a Probe by the Prometheus
 * servers and agents that select it. A selector left out selects none (a namespace selector left
 * out, the reader's own namespace).
 */
const readBy: ReadonlyMap<string, ReadBy> = new Map<string, ReadBy>([
  ...objectsOf("monitoring.coreos.com", ["v1alpha1", "v1beta1"], "AlertmanagerConfig").map(
    (t) =>
      [
        t,
        {
          readers: objectsOf("monitoring.coreos.com", ["v1"], "Alertmanager"),
          byName: "spec.alertmanagerConfiguration.name",
          selector: "spec.alertmanagerConfigSelector",
          namespaceSelector: "spec.alertmanagerConfigNamespaceSelector",
        },
      ] as const,
  ),
  ...objectsOf("monitoring.coreos.com", ["v1"], "Probe").map(
    (t) =>
      [
        t,
        {
          readers: [
            ...objectsOf("monitoring.coreos.com", ["v1"], "Prometheus"),
            ...objectsOf("monitoring.coreos.com", ["v1alpha1"], "PrometheusAgent"),
          ],
          selector: "spec.probeSelector",
          namespaceSelector: "spec.probeNamespaceSelector",
        },
      ] as const,
  ),
]);

/** Whether a label selector may select an object with these labels (unknown parts may). */
function maySelect(selector: unknown, labels: unknown): boolean {
  if (selector === undefined || selector === null) {
    return false;
  }
  if (isUnknown(selector) || typeof selector !== "object") {
    return true;
  }
  const expressions = valueAt(selector, "matchExpressions");
  if (Array.isArray(expressions) && expressions.length > 0) {
    return true;
  }
  const match = valueAt(selector, "matchLabels");
  if (match === undefined || match === null) {
    return true;
  }
  if (isUnknown(match) || typeof match !== "object" || isUnknown(labels)) {
    return true;
  }
  const own = (labels ?? {}) as Record<string, unknown>;
  return Object.entries(match as Record<string, unknown>).every(
    ([k, v]) => isUnknown(v) || isUnknown(own[k]) || own[k] === v,
  );
}

/**
 * Why the pods that read configuration `config` (an AlertmanagerConfig, a Probe: `readBy`) may not
 * search the cluster: a reader of the stack that names or may select it and whose pods bypass
 * the search path (clusterSearchBypass), named. Undefined where no reader does, or the kind is
 * read by no other object. `ofType` lists the stack's objects of a type.
 */
export function readersBypass(
  config: Pick<BorderResource, "type" | "props" | "provider">,
  ofType: (type: string) => readonly BorderResource[],
  get: ResourceOf,
): string | undefined {
  const by = readBy.get(config.type);
  if (by === undefined) {
    return undefined;
  }
  const name = str(valueAt(config.props, "metadata.name"));
  const namespace = namespaceOf(config, get);
  for (const type of by.readers) {
    for (const reader of ofType(type)) {
      if (reader.provider !== config.provider) {
        continue;
      }
      const own = namespaceOf(reader, get);
      const sameNamespace = own === undefined || namespace === undefined || own === namespace;
      const named =
        by.byName !== undefined &&
        sameNamespace &&
        name !== undefined &&
        valueAt(reader.props, by.byName) === name;
      const namespaceSelector = valueAt(reader.props, by.namespaceSelector);
      const selected =
        maySelect(valueAt(reader.props, by.selector), valueAt(config.props, "metadata.labels")) &&
        (namespaceSelector === undefined || namespaceSelector === null ? sameNamespace : true);
      const why = named || selected ? clusterSearchBypass(reader.props) : undefined;
      if (why !== undefined) {
        return `${resourceLabel(reader.type, reader.name)} reads it, and ${why}`;
      }
    }
  }
  return undefined;
}

/**
 * Whether destination `d` of a sender is the API server's Service, `kubernetes.default`, which a
 * sender whose pods search the cluster reaches in its own (no destination at all).
 */
export function inOwnCluster(
  d: DestinationFinding,
  sender: Readonly<Record<string, unknown>>,
): boolean {
  return d.everyCluster === true && clusterSearchBypass(sender) === undefined;
}

/**
 * The words a finding on a `<service>.<namespace>` name (`searched`) adds where the pods that send
 * it do not search the cluster, for the reason `why` (clusterSearchBypass, readersBypass): a
 * Service of that name does not answer it.
 */
export function unsearchedServiceName(
  d: DestinationFinding,
  why: string | undefined,
): string | undefined {
  if (d.serviceName !== "searched" || why === undefined || d.host === undefined) {
    return undefined;
  }
  const [service, namespace] = d.host.toLowerCase().split(".");
  return `, and ${why}, which does not ask the cluster for a Service ${JSON.stringify(service)} of namespace ${JSON.stringify(namespace)}`;
}

/** The object of a stack that places a name a route holds, if any. */
type PlacerLookup = (route: Sender, name: string) => BorderResource | undefined;

/** The lookup of a stack's placers for each placing. */
export type StackPlacers = (placing: StackPlacing) => PlacerLookup;

/** A stack's objects of some kinds, with its Namespaces, read as plain values on first use. */
interface PlainObjects {
  readonly all: () => readonly BorderResource[];
  readonly ofType: (type: string) => readonly BorderResource[];
  readonly get: (urn: string) => BorderResource | undefined;
}

/**
 * The objects of `resources` whose type `keep` takes, and the Namespaces their namespaces may come
 * from (namespaceOf), with their providers (which fromPolicyResources adds): read as plain values
 * and filed by type and URN once, on first use, and kept for the rest of the policy run.
 */
function plainObjects(
  resources: readonly PolicyResource[],
  keep: (type: string) => boolean,
): PlainObjects {
  let read:
    | {
        all: BorderResource[];
        byType: Map<string, BorderResource[]>;
        byUrn: Map<string, BorderResource>;
      }
    | undefined;
  const files = () => {
    if (read === undefined) {
      const all = fromPolicyResources(
        resources.filter((e) => e.type === namespaceType || keep(e.type)),
      );
      const byType = new Map<string, BorderResource[]>();
      for (const r of all) {
        const list = byType.get(r.type);
        if (list === undefined) {
          byType.set(r.type, [r]);
        } else {
          list.push(r);
        }
      }
      read = { all, byType, byUrn: new Map(all.map((r) => [r.urn, r])) };
    }
    return read;
  };
  return {
    all: () => files().all,
    ofType: (type) => files().byType.get(type) ?? [],
    get: (urn) => files().byUrn.get(urn),
  };
}

/**
 * The placers of `resources`, gathered and indexed on first use and kept for the rest of the
 * policy run: a stack of many routes reads its ServiceEntries, catalog entries and Backends once,
 * not once a route, and finds each name without a scan.
 */
export function stackPlacers(resources: readonly PolicyResource[]): StackPlacers {
  const objects = plainObjects(resources, (t) => placings.some((p) => p.kinds(t)));
  const indexes = new Map<StackPlacing, PlacerLookup>();
  return (placing) => {
    let index = indexes.get(placing);
    if (index === undefined) {
      index = placerIndex(placing, objects.all(), objects.get);
      indexes.set(placing, index);
    }
    return index;
  };
}

/** Every reading kind of `readBy`. */
const readerTypes: ReadonlySet<string> = new Set([...readBy.values()].flatMap((b) => b.readers));

/** readersBypass over `resources`, whose readers are read once, on first use. */
export function stackReaders(
  resources: readonly PolicyResource[],
): (config: BorderResource) => string | undefined {
  const objects = plainObjects(resources, (t) => readerTypes.has(t));
  return (config) =>
    readBy.has(config.type) ? readersBypass(config, objects.ofType, objects.get) : undefined;
}

/** Two labels standing alone (`mimir.monitoring`, not `logs.example.cn`), as in a URL. */
const twoLabels = /(?:^|[^a-z0-9.-])[a-z0-9-]+\.[a-z0-9-]+\.?(?=$|[^a-z0-9.-])/i;

/**
 * Whether a value may hold a host of two labels: a string in which two labels stand alone, or
 * one that may be base64 (of a document whose hosts a reading decodes). Looked at in the
 * resource's properties as the engine handed them (unknowns are sentinels without a dot; a
 * secret's value is under its signature), which is cheaper than reading them.
 */
function mayNameHost(value: unknown): boolean {
  if (typeof value === "string") {
    return twoLabels.test(value) || /^[A-Za-z0-9+/]{16,}={0,2}$/.test(value);
  }
  if (Array.isArray(value)) {
    return value.some(mayNameHost);
  }
  return value !== null && typeof value === "object" && Object.values(value).some(mayNameHost);
}

/**
 * named-destinations' findings on `r`: each host name a field of it routes to that the pack
 * cannot place by itself and that no object of the same cluster places (a ServiceEntry that adds
 * it, a Consul entry or Envoy Gateway Backend of that name, a Service a `<service>.<namespace>`
 * name resolves to), in kubernetes-egress's words. `placers` are the stack's (stackPlacers over
 * the policy's resources).
 */
export function meshHostFindings(
  r: PolicyResource,
  placers: StackPlacers,
  readers: (config: BorderResource) => string | undefined,
  allowlist: readonly EgressAllowEntry[],
  j: string,
): Array<{ message: string; path: string[] }> {
  // Any destination field may name a Service by `<service>.<namespace>`; the kinds without one
  // have nothing here.
  const fields = destinationFields(r.type);
  if (fields.length === 0) {
    return [];
  }
  // Read only for a `<service>.<namespace>` name, unless a field of the kind has a placing:
  // most objects hold none, and are not read further.
  if (!fields.some((f) => stackPlacingOf(f) !== undefined) && !mayNameHost(proxyTarget(r.props))) {
    return [];
  }
  // The list holds the resource's provider too.
  const self = fromPolicyResources([r]).find((x) => x.urn === r.urn);
  if (self === undefined) {
    return [];
  }
  const label = resourceLabel(r.type, r.name);
  const out: Array<{ message: string; path: string[] }> = [];
  for (const f of fields) {
    if (!fieldHolds(f, r.type, self.props)) {
      continue;
    }
    const { must, how, fix } = destinationWords(f);
    const ownPlacing = stackPlacingOf(f) !== undefined;
    for (const found of valuesAt(self.props, f.path)) {
      if (isUnknown(found.value)) {
        // Not known at preview: kubernetes-egress's finding.
        continue;
      }
      if (!ownPlacing && !mayNameHost(found.value)) {
        // Read only for a `<service>.<namespace>` name, which this value cannot hold.
        continue;
      }
      for (const d of destinationsOf(f, found.value, allowlist, j)) {
        const placing = destinationPlacingOf(f, d, self.props);
        // Only a name the stack may place is this policy's; kubernetes-egress reports the rest.
        if (placing === undefined) {
          continue;
        }
        // A configuration the pods of another object read, some of which do not search the
        // cluster: no Service answers them (an AlertmanagerConfig of an Alertmanager on the
        // node's resolver).
        const bypass = placing === byClusterService ? readers(self) : undefined;
        if (bypass !== undefined) {
          // The reader's resolver is why, for a name only a Service could answer; an internet
          // name (`serviceName: "declared"`) is the host it names, in kubernetes-egress's words.
          const why = unsearchedServiceName(d, bypass) ?? "";
          out.push({
            message: `${label} must ${must}, but ${destinationPath(found.path, d)} ${d.why}${why}: ${how}. ${fix}.`,
            path: [label, d.place],
          });
          continue;
        }
        if (placers(placing)(self, d.host as string) !== undefined) {
          continue;
        }
        out.push({
          // An internet name no declared Service answers for (`httpbingo.org`) is the host it
          // also is, in kubernetes-egress's words.
          message:
            d.serviceName === "declared"
              ? `${label} must ${must}, but ${destinationPath(found.path, d)} ${d.why}: ${how}. ${fix}.`
              : `${label} must ${must}, but ${destinationPath(found.path, d)} ${d.why}, and ${placing.missing(d.host as string, self)}: ${how}. ${fix}, or ${placing.add}.`,
          path: [label, d.place],
        });
      }
    }
  }
  return out;
}
