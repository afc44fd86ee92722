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
 * cross-cluster bench), and a route's or an Envoy Gateway policy's reference to Envoy Gateway's
 * `Backend` by that Backend of the cluster (the real-manifest Gateway bench).
 */
import type { PolicyResource } from "@pulumi/policy";
import type { EgressAllowEntry } from "../framework";
import { catalogEntry, catalogTypes } from "./consul";
import { resourceLabel } from "./describe";
import {
  type DestinationField,
  destinationFields,
  destinationPath,
  destinationsOf,
  destinationWords,
  fieldHolds,
} from "./kubernetes";
import type { BorderResource } from "./model";
import { fromPolicyResources, isUnknown, str, valueAt, valuesAt } from "./values";
import { variants } from "./variants";

const serviceEntryType = /^kubernetes:networking\.istio\.io\/\w+:ServiceEntry$/;

/** The ServiceEntry types of every served version of `networking.istio.io`. */
export const serviceEntryTypes: readonly string[] = ["v1alpha3", "v1beta1", "v1"].map(
  (v) => `kubernetes:networking.istio.io/${v}:ServiceEntry`,
);

/** Whether a ServiceEntry's host (`*.example.com` a wildcard over one or more labels) covers `host`. */
function covers(entryHost: string, host: string): boolean {
  const entry = entryHost.toLowerCase().replace(/\.$/, "");
  const name = host.toLowerCase().replace(/\.$/, "");
  return entry === name || (entry.startsWith("*.") && name.endsWith(entry.slice(1)));
}

/**
 * The ServiceEntry among `resources` of the cluster `provider` deploys to that adds `host` to the
 * mesh (lists it in `spec.hosts`), if any.
 */
export function entryAdding<R extends Pick<BorderResource, "type" | "props">>(
  resources: Iterable<R & { readonly provider?: string }>,
  route: Pick<BorderResource, "props" | "provider">,
  host: string,
): R | undefined {
  const from = namespaceOfObject(route.props);
  for (const r of resources) {
    if (!serviceEntryType.test(r.type) || r.provider !== route.provider) {
      continue;
    }
    if (!exportedTo(r.props, from)) {
      continue;
    }
    const hosts = valuesAt(r.props, "spec.hosts[]").map((h) => h.value);
    if (hosts.some((h) => typeof h === "string" && covers(h, host))) {
      return r;
    }
  }
  return undefined;
}

/** The type tokens of Envoy Gateway's Backend objects (not their Lists or Patches). */
const envoyBackendTypes: readonly string[] = variants(
  "gateway.envoyproxy.io",
  ["v1alpha1"],
  "Backend",
).filter((t) => t.endsWith(":Backend"));

/**
 * The Envoy Gateway `Backend` among `resources` of the cluster `route` deploys to that a backend
 * reference names (`<namespace>/<name>`, or `<name>` in the route's namespace), if any: judged
 * itself for its endpoints.
 */
function envoyBackendNamed<R extends Pick<BorderResource, "type" | "props">>(
  resources: Iterable<R & { readonly provider?: string }>,
  route: Pick<BorderResource, "props" | "provider">,
  reference: string,
): R | undefined {
  const [namespace, name] = reference.includes("/")
    ? reference.split("/", 2)
    : [namespaceOfObject(route.props), reference];
  for (const r of resources) {
    if (
      r.provider === route.provider &&
      envoyBackendTypes.includes(r.type) &&
      valueAt(r.props, "metadata.name") === name &&
      namespaceOfObject(r.props) === namespace
    ) {
      return r;
    }
  }
  return undefined;
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
 * How the stack places a name a field holds: the kinds that may, the object of the route's cluster
 * that does (its own destinations judged on it), and the words for a name none places.
 */
interface StackPlacing {
  /** The type tokens of the kinds that may place a name. */
  readonly types: readonly string[];
  readonly kinds: (type: string) => boolean;
  readonly find: <R extends Pick<BorderResource, "type" | "props">>(
    resources: Iterable<R & { readonly provider?: string }>,
    route: Pick<BorderResource, "props" | "provider">,
    name: string,
  ) => R | undefined;
  readonly missing: string;
  readonly add: string;
}

const byServiceEntry: StackPlacing = {
  types: serviceEntryTypes,
  kinds: (t) => serviceEntryType.test(t),
  find: entryAdding,
  missing: "no ServiceEntry of its cluster adds it to the mesh",
  add: "add the host with a ServiceEntry whose endpoints are inside",
};

/** A placing by the objects of these exact types. */
const byObjects = (
  types: readonly string[],
  find: StackPlacing["find"],
  missing: string,
  add: string,
): StackPlacing => ({ types, kinds: (t) => types.includes(t), find, missing, add });

const byConsulCatalog = byObjects(
  catalogTypes,
  catalogEntry,
  "no ServiceDefaults destination or Registration of its cluster gives its address",
  "give the service its address inside with a ServiceDefaults destination or a Registration",
);

const byEnvoyBackend = byObjects(
  envoyBackendTypes,
  envoyBackendNamed,
  "no Backend of that name in its cluster is in the program",
  "declare the Backend in the program, with endpoints inside",
);

/** Every placing: the objects any of them reads are gathered once for a resource's fields. */
const placings: readonly StackPlacing[] = [byServiceEntry, byConsulCatalog, byEnvoyBackend];

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

/** The fields of a type whose names the stack may place. */
function entryHostFields(type: string) {
  return destinationFields(type).filter((f) => stackPlacingOf(f) !== undefined);
}

/**
 * named-destinations' findings on `r`: each host name a field of it routes to that the pack
 * cannot place and that no ServiceEntry of the same cluster adds, in kubernetes-egress's words.
 */
export function meshHostFindings(
  r: PolicyResource,
  resources: readonly PolicyResource[],
  allowlist: readonly EgressAllowEntry[],
  j: string,
): Array<{ message: string; path: string[] }> {
  const fields = entryHostFields(r.type);
  if (fields.length === 0) {
    return [];
  }
  // The list holds the resource's provider too.
  const self = fromPolicyResources([r]).find((x) => x.urn === r.urn);
  if (self === undefined) {
    return [];
  }
  const entries = fromPolicyResources(
    resources.filter((e) => placings.some((p) => p.kinds(e.type))),
  );
  const label = resourceLabel(r.type, r.name);
  const out: Array<{ message: string; path: string[] }> = [];
  for (const f of fields) {
    if (!fieldHolds(f, r.type, self.props)) {
      continue;
    }
    const placing = stackPlacingOf(f) as StackPlacing;
    const placers = entries.filter((e) => placing.kinds(e.type));
    const { must, how, fix } = destinationWords(f);
    for (const found of valuesAt(self.props, f.path)) {
      if (isUnknown(found.value)) {
        // Not known at preview: kubernetes-egress's finding.
        continue;
      }
      for (const d of destinationsOf(f, found.value, allowlist, j)) {
        if (d.host === undefined || placing.find(placers, self, d.host) !== undefined) {
          continue;
        }
        out.push({
          message: `${label} must ${must}, but ${destinationPath(found.path, d)} ${d.why}, and ${placing.missing}: ${how}. ${fix}, or ${placing.add}.`,
          path: [label, d.place],
        });
      }
    }
  }
  return out;
}
