/**
 * The External Secrets Operator's PushSecrets (`external-secrets.io/v1alpha1` PushSecret and
 * ClusterPushSecret): each writes Secrets of the cluster to the stores its `secretStoreRefs`
 * name — the data goes out, to wherever each store's provider keeps secrets. A store the program
 * declares is judged itself (a SecretStore or ClusterSecretStore is a row of the Kubernetes table,
 * its provider placed by kubernetes-egress), so a PushSecret is judged by its stores: each must be
 * one the program declares. A store it names that the program does not declare, or stores chosen
 * by labels, cannot be placed. Judged over the stack, by named-destinations.
 */
import type { PolicyResource } from "@pulumi/policy";
import { resourceLabel } from "./describe";
import { baseKind, isListType } from "./kubernetes";
import { isUnknown, itemAt, known, record, str, valuesAt } from "./values";

const pushKinds = /^kubernetes:external-secrets\.io\/v1alpha1:(Cluster)?PushSecret(List|Patch)?$/;
const storeKinds = /^kubernetes:external-secrets\.io\/v1(beta1)?:(Cluster)?SecretStore$/;

/** Where a PushSecret object lists its stores: its own spec, a ClusterPushSecret's template. */
function refsPath(type: string): string {
  const items = isListType(type) ? "items[]." : "";
  return /:ClusterPushSecret/.test(type)
    ? `${items}spec.pushSecretSpec.secretStoreRefs[]`
    : `${items}spec.secretStoreRefs[]`;
}

/** The stores of each stack's resources, found once for all its PushSecrets. */
const storesOf = new WeakMap<readonly PolicyResource[], ReadonlySet<string>>();

/** The stores the program declares: `<kind>/<namespace>/<name>`, a cluster store's without one. */
function declaredStores(resources: readonly PolicyResource[]): ReadonlySet<string> {
  const found = storesOf.get(resources);
  if (found !== undefined) {
    return found;
  }
  const out = new Set<string>();
  for (const r of resources) {
    if (!storeKinds.test(r.type)) {
      continue;
    }
    const meta = record(known(() => r.props.metadata));
    const name = str(meta?.name);
    if (name === undefined) {
      continue;
    }
    const cluster = r.type.endsWith(":ClusterSecretStore");
    out.add(
      cluster ? `ClusterSecretStore//${name}` : `SecretStore/${str(meta?.namespace) ?? ""}/${name}`,
    );
  }
  storesOf.set(resources, out);
  return out;
}

/** The findings on one PushSecret (or ClusterPushSecret, or a List of them) over the stack. */
export function pushSecretFindings(
  r: PolicyResource,
  resources: readonly PolicyResource[],
): { message: string; path: string[] }[] {
  if (!pushKinds.test(r.type)) {
    return [];
  }
  const label = resourceLabel(r.type, r.name);
  const cluster = /:ClusterPushSecret/.test(baseKind(r.type));
  const stores = declaredStores(resources);
  const rule = `${label} must push the cluster's Secrets only to stores of this program, which are judged where they keep them`;
  const fix =
    "Name a SecretStore or ClusterSecretStore this program declares (by name, not by labels), whose provider keeps the secrets inside the jurisdiction.";
  const out: { message: string; path: string[] }[] = [];
  const path = refsPath(r.type);
  for (const hit of valuesAt(r.props, path)) {
    const ref = record(hit.value);
    if (isUnknown(hit.value) || ref === undefined) {
      out.push({
        message: `${rule}, but ${hit.path} is not known at preview. ${fix}`,
        path: [label, `${hit.path} (unknown at preview)`],
      });
      continue;
    }
    const name = str(ref.name);
    const kind = str(ref.kind) ?? "SecretStore";
    if (name === undefined) {
      out.push({
        message: `${rule}, but ${hit.path} chooses its stores by labels, which the pack cannot resolve to stores of this program. ${fix}`,
        path: [label, "the stores its labels select (cannot be placed)"],
      });
      continue;
    }
    // A SecretStore is the PushSecret's namespace's (a List's entry's); a ClusterPushSecret
    // pushes from the namespaces it selects, where a SecretStore of that name may or may not be
    // the program's.
    const object = isListType(r.type) ? itemAt(r.props, hit.path, "items") : r.props;
    const namespace = str(record(record(object)?.metadata)?.namespace) ?? "";
    const declared =
      kind === "ClusterSecretStore"
        ? stores.has(`ClusterSecretStore//${name}`)
        : !cluster && stores.has(`SecretStore/${namespace}/${name}`);
    if (!declared) {
      out.push({
        message: `${rule}, but ${hit.path} names the ${kind} ${JSON.stringify(name)}, ${
          cluster && kind !== "ClusterSecretStore"
            ? "a store of each namespace it selects, which the pack cannot resolve"
            : "which this program does not declare"
        }, so where it keeps the Secrets cannot be checked. ${fix}`,
        path: [label, `${kind} ${JSON.stringify(name)} (cannot be placed)`],
      });
    }
  }
  return out;
}
