/**
 * Kubernetes `yaml/v2` ConfigFile and ConfigGroup, rendered offline as the Kubernetes provider
 * renders them. They are multi-language components: under the Pulumi CLI the provider's
 * `Construct` parses the manifests and registers each object as a resource under the component,
 * and the pack judges those; offline no provider runs, so the engine does the provider's part —
 * a YAML parse, not a call to the cluster — and registers the same resources, under the same
 * names, with the same inputs (pulumi-kubernetes `provider/pkg/provider/yaml/v2`):
 *
 * - the manifests: ConfigFile's `file`; ConfigGroup's `files` (glob patterns expanded), `yaml` and
 *   `objs`, in that order; documents that are empty are skipped, and lists (`items`) expanded;
 * - each object's namespace, when it names none: the provider's default namespace for a kind that
 *   is namespaced (a built-in kind, or one a CustomResourceDefinition among the objects declares
 *   `Namespaced`), none for a cluster-scoped kind or one whose scope nothing here declares (as the
 *   provider leaves it without a cluster that answers);
 * - each resource's name, `<prefix>:<namespace>/<name>` (the prefix the component's
 *   `resourcePrefix`, else its own name; an empty prefix none), and its type,
 *   `kubernetes:<apiVersion>:<kind>` (`core/v1` for the core group's `v1`), the SDK's token for a
 *   kind it has and a custom resource's otherwise; a Secret's `data` and `stringData` secret.
 *
 * What cannot be rendered so — a manifest fetched from a URL, an input not known before
 * deployment, a file that cannot be read or parsed — leaves the component as it was:
 * `offline-visibility` reports it unchecked (engine/opaque.ts).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { globSync, isDynamicPattern } from "tinyglobby";
import { yamlDocuments } from "./yaml";
import { holdsUnknown, secretSig, sigKey } from "./wire";

/** The component types rendered here. */
export const yamlV2Types: ReadonlySet<string> = new Set([
  "kubernetes:yaml/v2:ConfigFile",
  "kubernetes:yaml/v2:ConfigGroup",
]);

/** One object of a manifest, as the provider registers it. */
export interface RenderedObject {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, unknown>;
}

export type Rendering =
  | { readonly rendered: readonly RenderedObject[] }
  | { readonly opaque: string };

type Obj = Record<string, unknown>;

/**
 * Built-in kinds that are cluster-scoped (the API server's discovery, Kubernetes 1.34): every
 * other built-in kind is namespaced.
 */
const clusterScoped = new Set([
  "APIService",
  "CSIDriver",
  "CSINode",
  "CertificateSigningRequest",
  "ClusterRole",
  "ClusterRoleBinding",
  "ClusterTrustBundle",
  "ComponentStatus",
  "CustomResourceDefinition",
  "DeviceClass",
  "FlowSchema",
  "IPAddress",
  "IngressClass",
  "MutatingAdmissionPolicy",
  "MutatingAdmissionPolicyBinding",
  "MutatingWebhookConfiguration",
  "Namespace",
  "Node",
  "PersistentVolume",
  "PriorityClass",
  "PriorityLevelConfiguration",
  "ResourceSlice",
  "RuntimeClass",
  "SelfSubjectAccessReview",
  "SelfSubjectReview",
  "SelfSubjectRulesReview",
  "ServiceCIDR",
  "StorageClass",
  "StorageVersion",
  "StorageVersionMigration",
  "SubjectAccessReview",
  "TokenReview",
  "ValidatingAdmissionPolicy",
  "ValidatingAdmissionPolicyBinding",
  "ValidatingWebhookConfiguration",
  "VolumeAttachment",
  "VolumeAttributesClass",
]);

/**
 * Renders the component `name` of `type` from its `inputs` (plain, as registered), reading files
 * relative to `cwd`; `defaultNamespace` is the provider's.
 */
export function renderYamlV2(
  type: string,
  name: string,
  inputs: Obj,
  cwd: string,
  defaultNamespace: string,
): Rendering {
  if (holdsUnknown(inputs)) {
    return { opaque: "an input is not known before deployment" };
  }
  const texts: string[] = [];
  const files =
    type === "kubernetes:yaml/v2:ConfigFile"
      ? [inputs.file]
      : Array.isArray(inputs.files)
        ? inputs.files
        : inputs.files === undefined
          ? []
          : [inputs.files];
  for (const file of files) {
    if (typeof file !== "string" || file === "") {
      return { opaque: `a file is named by ${JSON.stringify(file)}` };
    }
    if (/^https?:\/\//.test(file)) {
      return { opaque: `the provider fetches ${file} over the network` };
    }
    const paths = type === "kubernetes:yaml/v2:ConfigGroup" ? expandGlob(file, cwd) : [file];
    for (const p of paths) {
      try {
        texts.push(fs.readFileSync(path.resolve(cwd, p), "utf8"));
      } catch (e) {
        return { opaque: `${p} cannot be read (${(e as Error).message})` };
      }
    }
  }
  if (inputs.yaml !== undefined && typeof inputs.yaml !== "string") {
    return { opaque: `yaml is ${JSON.stringify(inputs.yaml)}, not a YAML text` };
  }
  if (typeof inputs.yaml === "string") {
    texts.push(inputs.yaml);
  }
  const objs = inputs.objs ?? [];
  if (!Array.isArray(objs) || !objs.every(isObj)) {
    return { opaque: "objs is not a list of objects" };
  }
  const objects: Obj[] = [];
  for (const text of texts) {
    try {
      // Documents that are empty (`{}`, a comment alone) are skipped, as the provider skips them.
      objects.push(
        ...yamlDocuments(text).filter((v): v is Obj => isObj(v) && Object.keys(v).length > 0),
      );
    } catch (e) {
      return { opaque: `a manifest is not valid YAML (${(e as Error).message})` };
    }
  }
  objects.push(...objs);
  const all = expandLists(objects);
  const scopes = declaredScopes(all);
  const prefix = typeof inputs.resourcePrefix === "string" ? inputs.resourcePrefix : name;
  const rendered: RenderedObject[] = [];
  for (const obj of all) {
    const apiVersion = obj.apiVersion;
    const kind = obj.kind;
    const metadata = isObj(obj.metadata) ? obj.metadata : undefined;
    if (typeof apiVersion !== "string" || typeof kind !== "string" || apiVersion === "") {
      return { opaque: "an object names no kind and apiVersion, which the provider refuses" };
    }
    if (typeof metadata?.name !== "string" || metadata.name === "") {
      return { opaque: "an object has no metadata.name, which the provider refuses" };
    }
    const version = apiVersion.startsWith("core/") ? apiVersion.slice("core/".length) : apiVersion;
    const [group, ver] = version.includes("/") ? version.split("/", 2) : ["", version];
    let namespace = typeof metadata.namespace === "string" ? metadata.namespace : "";
    const scope =
      group === "" || isBuiltInGroup(group) ? builtInScope(kind) : scopes.get(`${group}/${kind}`);
    const meta: Obj = { ...metadata };
    if (namespace === "" && scope === "Namespaced") {
      namespace = defaultNamespace;
      meta.namespace = namespace;
    }
    if (inputs.skipAwait === true) {
      meta.annotations = {
        ...(isObj(meta.annotations) ? meta.annotations : {}),
        "pulumi.com/skipAwait": "true",
      };
    }
    const id = namespace === "" ? metadata.name : `${namespace}/${metadata.name}`;
    const props: Obj = { ...obj, apiVersion: version, metadata: meta };
    if (version === "v1" && kind === "Secret") {
      // The provider marks a Secret's values secret, so that no output shows them.
      for (const key of ["data", "stringData"]) {
        if (key in props) {
          props[key] = { [sigKey]: secretSig, value: props[key] };
        }
      }
    }
    rendered.push({
      type: `kubernetes:${group === "" ? `core/${ver}` : version}:${kind}`,
      name: prefix === "" ? id : `${prefix}:${id}`,
      inputs: props,
    });
  }
  return { rendered };
}

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Lists (`v1/List`, `ConfigMapList`: an `items` array) as their items, in order. */
function expandLists(objects: readonly Obj[]): Obj[] {
  return objects.flatMap((o) =>
    Array.isArray(o.items) && typeof o.kind === "string" && o.kind.endsWith("List")
      ? expandLists(o.items.filter(isObj))
      : [o],
  );
}

/** The groups of Kubernetes itself (`apps`, `rbac.authorization.k8s.io`), whose kinds are built in. */
function isBuiltInGroup(group: string): boolean {
  return (
    group.endsWith(".k8s.io") ||
    ["apps", "batch", "autoscaling", "policy", "extensions"].includes(group)
  );
}

function builtInScope(kind: string): "Namespaced" | "Cluster" {
  return clusterScoped.has(kind) ? "Cluster" : "Namespaced";
}

/** The scope each CustomResourceDefinition among the objects declares, by `<group>/<kind>`. */
function declaredScopes(objects: readonly Obj[]): Map<string, string> {
  const scopes = new Map<string, string>();
  for (const o of objects) {
    const spec = isObj(o.spec) ? o.spec : undefined;
    const names = isObj(spec?.names) ? spec.names : undefined;
    if (
      o.kind === "CustomResourceDefinition" &&
      typeof spec?.group === "string" &&
      typeof names?.kind === "string" &&
      typeof spec.scope === "string"
    ) {
      scopes.set(`${spec.group}/${names.kind}`, spec.scope);
    }
  }
  return scopes;
}

/**
 * The files a ConfigGroup's pattern names, as the provider's Go `filepath.Glob` expands them
 * (`*`, `?` and `[…]`; a name without a pattern as it is), in lexical order.
 */
function expandGlob(pattern: string, cwd: string): string[] {
  if (!isDynamicPattern(pattern)) {
    return [pattern];
  }
  return globSync(pattern, { cwd, expandDirectories: false, dot: true }).sort();
}
