/**
 * Keys and secrets: replicas and multi-Region keys, secret replicas, where the keys that
 * encrypt the stack's data live, and whether every data store is encrypted with a customer key
 * of the stack at all (shared/research/data-paths.md §3 "KMS", "Log shipping (SLS)"
 * `log/store`; §4 "Secrets replica", "KMS multi-region").
 *
 * Whoever holds the key can read the data: a key (or a replica of it) abroad is a path abroad
 * even when the ciphertext stays home, and a store encrypted with a provider-managed key leaves
 * the stack no control over who decrypts it.
 *
 * The replica paths of keys and secrets are rows of the keys table (policy/paths/types/keys.ts),
 * where each data store's encryption is set is `dataStores` (policy/paths/types/encryption.ts);
 * this file holds the policies that judge them.
 */
import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import {
  accountDiskEncryptionKey,
  type DeclaredDiskEncryption,
} from "../residency/disk-encryption";
import { type Jurisdiction, regionInJurisdiction } from "../residency/jurisdictions";
import { describePlace, resourceLabel } from "../residency/placement";
import { type Finding, residencyResourcePolicy, residencyStackPolicy } from "./framework";
import {
  arnOutcome,
  arnReferences,
  declaredPaths,
  foreignArns,
  inertAcrossPartitions,
  inPolicyDocument,
  kmsArn,
} from "./paths/references";
import { locate, namesAPlace } from "./paths/places";
import { holderPartition } from "./placement";
import { dependencyTargets, keysNamed, placementOfResource, type RefKind } from "./paths/resolver";
import {
  accountDefaults,
  type DataStoreModel,
  dataStores,
  type EncryptionSetting,
} from "./paths/types/encryption";
import { byType } from "./paths/types";
import { tablePolicy } from "./paths/views";
import { isUnknown, known, str, valueAt, valuesAt } from "./paths/values";

export const keyAndSecretReplicas = tablePolicy({
  name: "key-and-secret-replicas",
  description:
    "Checks whether KMS keys and secrets stay single-region inside the jurisdiction: no replica keys, multi-Region keys, secret replicas or cross-region key access.",
  severity: "critical",
  remediationSteps:
    "Remove replica keys and secret replicas outside the jurisdiction, create keys with multiRegion false, and bind KMS instances only to VPCs in the jurisdiction.",
});

const keyReplicaPaths = declaredPaths(byType, "key-and-secret-replicas");

export { dataStores };

/** A key reference a store uses, or why it has none. */
type KeyUse =
  | {
      readonly kind: "key" | "unknown";
      /** The key reference; undefined when it is not known at preview. */
      readonly ref?: string;
      /** Where the reference (or the unknown setting) is, for messages. */
      readonly path: string;
      /** The resource that holds the setting, and the setting's key path. */
      readonly owner: PolicyResource;
      readonly keyPath?: string;
      /**
       * The region's default key the stack config declares for its accounts
       * (`sovereign-dc:accountDiskEncryption`): a key of the store's own region by declaration.
       */
      readonly declared?: boolean;
    }
  | {
      readonly kind: "none";
      /** Encrypted, naming no key: the region's default key encrypts it (`accountDefaults`). */
      readonly encryptedWithoutKey?: boolean;
    };

/**
 * The key `setting` names in `props` (the owner's own, or one part of them: an element of a list
 * the model lists parts in, whose key setting is `keyPath` among the owner's properties).
 */
function keyUseOf(
  owner: PolicyResource,
  setting: EncryptionSetting,
  prefix: string,
  props: unknown = owner.props,
  keyPath = setting.key,
): KeyUse {
  const flag = setting.enabled ? valueAt(props, setting.enabled) : true;
  const algorithm = setting.algorithm ? valuesAt(props, setting.algorithm) : [];
  const keys = setting.key === undefined ? [] : valuesAt(props, setting.key);
  if (isUnknown(flag)) {
    return { kind: "unknown", path: `${prefix}${setting.enabled}`, owner };
  }
  const algo = algorithm.find((a) => isUnknown(a.value));
  if (algo) {
    return { kind: "unknown", path: `${prefix}${algo.path}`, owner };
  }
  const algorithmOk =
    !setting.algorithm ||
    algorithm.some((a) => setting.algorithms?.includes(String(a.value)) ?? false);
  // A flag some providers take as text ("true": a node pool's data disks, a launch template's).
  if ((flag !== true && flag !== "true") || !algorithmOk) {
    return { kind: "none" };
  }
  for (const k of keys) {
    const at = { path: `${prefix}${k.path}`, owner, keyPath };
    if (isUnknown(k.value)) {
      return { kind: "unknown", ...at };
    }
    const ref = str(k.value);
    // An AWS-managed key (`alias/aws/<service>`, or its alias ARN) is the service's own key in
    // the store's region: AWS holds it, which is no customer key, and nowhere else.
    if (ref !== undefined && /(^|:)alias\/aws\//.test(ref)) {
      return { kind: "none" };
    }
    if (ref !== undefined) {
      return { kind: "key", ref, ...at };
    }
  }
  return { kind: "none", encryptedWithoutKey: keys.length === 0 };
}

function storeNames(r: PolicyResource, keys: readonly string[]): string[] {
  return keys
    .map((k) => known(() => (r.props as Record<string, unknown>)[k]))
    .filter((v): v is string => typeof v === "string" && v !== "");
}

/** Why a key of the program does not protect the store, or undefined when it lies inside. */
function placedKeyFinding(
  store: PolicyResource,
  key: PolicyResource,
  at: string,
  j: Jurisdiction,
): Finding | undefined {
  const label = resourceLabel(store.type, store.name);
  const where = placementOfResource(key);
  const keyLabel = resourceLabel(key.type, key.name);
  if (isUnknown(where) || where.kind !== "region") {
    return {
      message: `${label} must be encrypted with a customer key that lives inside ${j.id}, but the region of ${keyLabel} cannot be determined. Give the key's provider an explicit region inside ${j.id}.`,
      path: [label, `${keyLabel} (cannot be placed)`],
    };
  }
  if (!regionInJurisdiction(j, where.cloud, where.region)) {
    const place = describePlace(j, where.cloud, where.region);
    return {
      // The key is the program's own: where it lives is the fix, not which kind of key it is
      // (a replica key abroad was told to replace "the AWS-managed key"; the front-door bench).
      message: `${label} must be encrypted with a customer key that lives inside ${j.id}, but ${at} names ${keyLabel} in ${place}. Encrypt it with a key of this program in a region inside ${j.id}.`,
      path: [label, `${keyLabel} in ${place}`],
    };
  }
  return undefined;
}

/** Where the key a store uses lives, as a finding when that is not inside (or not known). */
function keyFinding(
  store: PolicyResource,
  model: DataStoreModel,
  use: Extract<KeyUse, { kind: "key" | "unknown" }>,
  resources: readonly PolicyResource[],
  j: Jurisdiction,
): Finding | undefined {
  if (use.declared === true) {
    return undefined;
  }
  const keys = keysNamed(use, model.keys, resources);
  if (keys.length > 0) {
    return keys.map((k) => placedKeyFinding(store, k, use.path, j)).find((f) => f !== undefined);
  }
  const label = resourceLabel(store.type, store.name);
  if (use.ref === undefined) {
    return {
      message: `${label} must be encrypted with a customer key that lives inside ${j.id}, but ${use.path} is not known before deployment (an output of another resource, or the answer of a lookup) and comes from no key of this program, so its encryption cannot be decided at preview. ${model.fix}`,
      path: [label, `${use.path} (unknown at preview)`],
    };
  }
  if (/^arn:/.test(use.ref) && arnOutcome(j, use.ref).kind !== "unplaceable") {
    // A key outside the program named by a full ARN: key-locality places it.
    return undefined;
  }
  if (locate(j, "arn", use.ref, "aws").kind === "own") {
    // A key ID or alias name: KMS resolves it in the account and region of the request — the
    // store's own (a key of another account or region can only be named by its ARN).
    const at = placementOfResource(store);
    if (!isUnknown(at) && at.kind === "region") {
      if (regionInJurisdiction(j, at.cloud, at.region)) {
        return undefined;
      }
      const place = describePlace(j, at.cloud, at.region);
      return {
        message: `${label} must be encrypted with a customer key that lives inside ${j.id}, but ${use.path} names ${JSON.stringify(use.ref)}, a key of the store's own region, ${place}. ${model.fix}`,
        path: [label, `${use.ref} in ${place}`],
      };
    }
  }
  return {
    message: `${label} must be encrypted with a customer key that lives inside ${j.id}, but ${use.path} names ${JSON.stringify(use.ref)}, which is not a key of this program, so where it lives cannot be checked. ${model.fix}`,
    path: [label, `${use.ref} (cannot be placed)`],
  };
}

/** A data store of the stack and the key setting that decides its encryption. */
interface StoreKeyUse {
  readonly store: PolicyResource;
  readonly model: DataStoreModel;
  /** A key (or a key setting unknown at preview), or `none`: no customer-managed key. */
  readonly use: KeyUse;
  /** The part of the store the use is of (`ebsBlockDevices[1]`), when the model lists parts. */
  readonly part?: string;
}

/**
 * Every data store of the stack with the key its encryption uses: its own settings, and those of
 * stand-alone encryption resources matched to it by name (or, when the name is unknown at
 * preview, by what it was computed from).
 */
function storeKeyUses(
  resources: readonly PolicyResource[],
  declared: readonly DeclaredDiskEncryption[] = [],
): StoreKeyUse[] {
  const models = new Map(dataStores.map((m) => [m.type, m]));
  const companionsOf = companionIndex(resources);
  const defaults = regionDefaults(resources, declared);
  const out: StoreKeyUse[] = [];
  for (const u of storeUses(resources, models, companionsOf)) {
    out.push(u.use.kind === "none" ? { ...u, use: defaults(u.store, u.model, u.use) } : u);
  }
  return out;
}

/**
 * What a volume that names no key of its own is encrypted with, by the account-level settings
 * in the volume's region — the program's, else those the stack config declares for its accounts
 * (`declared`): the region's default key, for a volume encrypted without a key and, once
 * encryption by default is on, for every volume. Otherwise (and where either region cannot be
 * told) the use stays `none`: the service's own key, or none.
 */
function regionDefaults(
  resources: readonly PolicyResource[],
  declared: readonly DeclaredDiskEncryption[],
): (
  store: PolicyResource,
  model: DataStoreModel,
  use: Extract<KeyUse, { kind: "none" }>,
) => KeyUse {
  const where = (r: PolicyResource) => {
    const at = placementOfResource(r);
    return isUnknown(at) || at.kind !== "region" ? undefined : `${at.cloud}:${at.region}`;
  };
  const byRegion = (type: string) => {
    const found = new Map<string, PolicyResource>();
    for (const r of resources) {
      const at = r.type === type ? where(r) : undefined;
      if (at !== undefined && !found.has(at)) {
        found.set(at, r);
      }
    }
    return found;
  };
  const settings = Object.fromEntries(
    Object.entries(accountDefaults).map(([name, d]) => [
      name,
      { byDefault: byRegion(d.byDefault.type), key: byRegion(d.key.type), d },
    ]),
  );
  // A cloud's declaration stands for its accounts' defaults: EBS's on AWS, ECS's on Alibaba Cloud.
  const declaredAt = new Map(declared.map((d, i) => [`${d.cloud}:${d.region}`, { d, i }]));
  return (store, model, use) => {
    const s = model.accountDefault === undefined ? undefined : settings[model.accountDefault];
    const at = where(store);
    if (s === undefined || at === undefined) {
      return use;
    }
    const keyHolder = s.key.get(at);
    const account = declaredAt.get(at);
    if (keyHolder === undefined && account === undefined) {
      return use;
    }
    const switch_ = s.byDefault.get(at);
    const flag = switch_ === undefined ? undefined : valueAt(switch_.props, s.d.byDefault.flag);
    const onByDefault =
      switch_ !== undefined
        ? flag === true || (flag === undefined && s.d.byDefault.unset)
        : account?.d.byDefault === true;
    if (!use.encryptedWithoutKey && !onByDefault && !isUnknown(flag)) {
      return use;
    }
    if (keyHolder === undefined) {
      // The account's default key, as declared: an AWS-managed key is still no customer key.
      const { d, i } = account as NonNullable<typeof account>;
      return /(^|:)alias\/aws\//.test(d.key)
        ? use
        : {
            kind: "key",
            ref: d.key,
            path: `${accountDiskEncryptionKey}[${i}].key`,
            owner: store,
            declared: true,
          };
    }
    const prefix = `${resourceLabel(keyHolder.type, keyHolder.name)} `;
    const key = keyUseOf(keyHolder, { key: s.d.key.path }, prefix);
    return key.kind === "none" ? use : key;
  };
}

/** Every data store with the key its own settings (and its companions') use. */
function storeUses(
  resources: readonly PolicyResource[],
  models: ReadonlyMap<string, DataStoreModel>,
  companionsOf: ReturnType<typeof companionIndex>,
): StoreKeyUse[] {
  const out: StoreKeyUse[] = [];
  for (const store of resources) {
    const model = models.get(store.type);
    if (!model) {
      continue;
    }
    if (model.storeWhen !== undefined) {
      const kind = valueAt(store.props, model.storeWhen.path);
      if (!isUnknown(kind) && !model.storeWhen.values.includes(String(kind))) {
        continue;
      }
    }
    if (model.inheritsWhenSet !== undefined) {
      const primary = valueAt(store.props, model.inheritsWhenSet);
      if (isUnknown(primary) || (primary !== undefined && primary !== null && primary !== "")) {
        continue;
      }
    }
    const uses: KeyUse[] = model.inline.map((s) => keyUseOf(store, s, ""));
    const companions = model.companions;
    if (companions) {
      const linked = new Set<PolicyResource>();
      const index = companionsOf(companions);
      for (const name of storeNames(store, companions.storeKeys)) {
        index.byName.get(name)?.forEach((c) => linked.add(c));
      }
      index.byDependency.get(store.urn)?.forEach((c) => linked.add(c));
      // In the stack's order, as each companion's settings were read before (sorting the few
      // linked ones: filtering every companion for every store grew with their product).
      const ordered = [...linked].sort(
        (a, b) => (index.order.get(a) ?? 0) - (index.order.get(b) ?? 0),
      );
      for (const c of ordered) {
        const prefix = `${resourceLabel(c.type, c.name)} `;
        uses.push(...companions.settings.map((s) => keyUseOf(c, s, prefix)));
      }
    }
    if (model.inline.length > 0 || model.inlinePart !== undefined || companions !== undefined) {
      out.push({ store, model, use: decisive(uses), part: model.inlinePart });
    }
    if (model.parts !== undefined) {
      out.push(...partKeyUses(store, model, model.parts));
    }
  }
  return out;
}

/** The use that decides a store's encryption: a key, else a setting not known, else none. */
function decisive(uses: readonly KeyUse[]): KeyUse {
  return (
    uses.find((u) => u.kind === "key") ??
    uses.find((u) => u.kind === "unknown") ??
    uses.find((u) => u.kind === "none" && u.encryptedWithoutKey === true) ?? { kind: "none" }
  );
}

/** Each part of a store the model lists, with the key its own settings use. */
function partKeyUses(
  store: PolicyResource,
  model: DataStoreModel,
  parts: NonNullable<DataStoreModel["parts"]>,
): StoreKeyUse[] {
  const list = valueAt(store.props, parts.list);
  if (isUnknown(list)) {
    return [{ store, model, use: { kind: "unknown", path: parts.list, owner: store } }];
  }
  if (!Array.isArray(list)) {
    return [];
  }
  return list.flatMap((element: unknown, i) => {
    if (parts.when !== undefined && valueAt(element, parts.when) === undefined) {
      return [];
    }
    if (parts.unless !== undefined && valueAt(element, parts.unless) === true) {
      return [];
    }
    const part = `${parts.list}[${i}]`;
    const uses = parts.settings.map((s) =>
      keyUseOf(store, s, `${part}.`, element, s.key && `${parts.list}[].${s.key}`),
    );
    return [{ store, model, use: decisive(uses), part }];
  });
}

type Companions = NonNullable<DataStoreModel["companions"]>;

/** Companions of one kind, by the store name their link holds and by the stores it came from. */
interface CompanionIndex {
  /** Each companion's place in the stack's order (its types in the table's order). */
  readonly order: ReadonlyMap<PolicyResource, number>;
  readonly byName: ReadonlyMap<string, readonly PolicyResource[]>;
  readonly byDependency: ReadonlyMap<string, readonly PolicyResource[]>;
}

/**
 * Stand-alone encryption resources matched to their stores by name — or, when the name is
 * unknown at preview, by what the link was computed from — indexed once per stack and kind of
 * companion, so that matching costs one lookup per store instead of a scan of every companion.
 */
function companionIndex(
  resources: readonly PolicyResource[],
): (companions: Companions) => CompanionIndex {
  const byType = new Map<string, PolicyResource[]>();
  for (const r of resources) {
    const list = byType.get(r.type) ?? [];
    list.push(r);
    byType.set(r.type, list);
  }
  const built = new Map<Companions, CompanionIndex>();
  return (companions) => {
    const cached = built.get(companions);
    if (cached) {
      return cached;
    }
    const all = companions.types.flatMap((t) => byType.get(t) ?? []);
    const byName = new Map<string, PolicyResource[]>();
    const byDependency = new Map<string, PolicyResource[]>();
    const add = (m: Map<string, PolicyResource[]>, key: string, c: PolicyResource) => {
      const list = m.get(key) ?? [];
      list.push(c);
      m.set(key, list);
    };
    const storeKind: RefKind = { noun: "", types: dataStores.map((m) => m.type), keys: [] };
    for (const c of all) {
      const link = known(() => valueAt(c.props, companions.link));
      if (typeof link === "string") {
        add(byName, link, c);
      }
      for (const d of dependencyTargets(c, companions.link, storeKind)) {
        add(byDependency, d.urn, c);
      }
    }
    const index = { order: new Map(all.map((c, i) => [c, i])), byName, byDependency };
    built.set(companions, index);
    return index;
  };
}

/**
 * Every KMS key ARN a resource names — encryption settings, key policies, replica settings —
 * must lie in a region and partition of the jurisdiction.
 */
export const keyLocality = residencyResourcePolicy({
  name: "key-locality",
  description:
    "Checks whether every KMS key a resource uses (by ARN) lives in a region and partition of the jurisdiction.",
  severity: "critical",
  remediationSteps:
    "Encrypt with a KMS key created in the stack's own region (and partition); do not reference keys of other regions or partitions.",
  validate: (args, ctx) => {
    if (args.type.startsWith("pulumi:providers:") || !args.provider) {
      // A component (no provider) encrypts nothing itself: the stores it creates are judged on
      // the keys they are handed (see arn-locality).
      return;
    }
    const skip = keyReplicaPaths;
    const label = resourceLabel(args.type, args.name);
    // The keys of data stores that are unknown at preview are resolved through their
    // dependencies by store-key-locality.
    const partition = holderPartition(args);
    const refs = arnReferences(args.type, args.props, (a) => kmsArn.test(a), skip).filter(
      (ref) =>
        !inertAcrossPartitions(args.type, ref, partition) &&
        // In a policy document a `*` region scopes a statement (`arn:aws:kms:*:<acct>:key/*`,
        // the keys it may use in any region): no key of a place, as arn-locality reads the same
        // wildcard on any other service's ARN. Set as the key a store uses, it names none.
        !(typeof ref.arn === "string" && !namesAPlace(ref.arn) && inPolicyDocument(args.type, ref)),
    );
    for (const { path, place } of foreignArns(ctx.jurisdiction, refs)) {
      ctx.report({
        message: `${label} must use keys inside ${ctx.jurisdiction.id}, but ${path} names the KMS key ${place}. Use a key created in the stack's own region.`,
        path: [label, place],
      });
    }
  },
});

/**
 * The key a data store is encrypted with must be placed inside the jurisdiction: a key of the
 * program created through a provider pinned there, one named by a full ARN (which
 * `key-locality` places), or one named by a key ID or alias name, which KMS resolves in the
 * store's own account and region. Whoever holds the key can read the data, so a key abroad is a
 * path out even when the ciphertext stays home, and a key the pack cannot place fails closed.
 */
export const storeKeyLocality = residencyStackPolicy({
  name: "store-key-locality",
  description:
    "Checks whether the KMS key each data store is encrypted with is a key placed inside the jurisdiction.",
  severity: "critical",
  remediationSteps:
    "Encrypt the store with a KMS key of this program created through a provider pinned to the stack's own region, and refer to it by its output; a key the program does not create is placed by its full ARN, or — named by a key ID or alias name, which KMS resolves in the store's own account and region — by the store's region.",
  validate: (args, ctx) => {
    for (const { store, model, use } of storeKeyUses(
      args.resources,
      ctx.settings.accountDiskEncryption,
    )) {
      const f =
        use.kind === "none"
          ? undefined
          : keyFinding(store, model, use, args.resources, ctx.jurisdiction);
      if (f) {
        ctx.report({ ...f, urn: store.urn, resourceName: store.name });
      }
    }
  },
});

/** For a volume judged on its region's defaults: where a baseline stack sets them, say so. */
const accountDefaultHint = ` Where the account sets the region's default key (and encryption by default) outside this program, declare them in the stack config: ${accountDiskEncryptionKey}.`;

/** Where a store without a key of the program's leads: whoever holds the key reads the data. */
export const noCustomerKey = "no customer-managed key (unencrypted, or a key the provider holds)";

/**
 * Every data store should be encrypted with a customer-managed KMS key; provider-managed keys and
 * unencrypted stores are reported. The data stays where it is either way, so this is hardening:
 * advisory, and mandatory only for stacks in strict posture (`sovereign-dc:posture: strict`).
 * Where the key lives is `store-key-locality`'s question, mandatory in every posture.
 */
export const customerKeyEncryption: StackValidationPolicy = {
  ...residencyStackPolicy({
    name: "customer-key-encryption",
    description:
      "Checks whether every data store (buckets, databases, volumes, file systems, secrets, queues, streams, search domains, caches, Kubernetes clusters' Secrets) is encrypted with a customer-managed KMS key.",
    severity: "high",
    remediationSteps:
      "Encrypt the store with a KMS key of this program created through the stack's provider (SSE-KMS for buckets, storage encryption with kmsKeyId for databases and volumes).",
    validate: (args, ctx) => {
      for (const { store, model, use, part } of storeKeyUses(
        args.resources,
        ctx.settings.accountDiskEncryption,
      )) {
        if (use.kind === "none") {
          const label = resourceLabel(store.type, store.name);
          const holder = part === undefined ? label : `${label} ${part}`;
          ctx.report({
            message: `${label} must be encrypted with a customer-managed KMS key, but ${part === undefined ? "it" : `its ${part}`} has none (unencrypted, or encrypted with a provider-managed key). ${model.fix}${model.accountDefault === undefined ? "" : accountDefaultHint}`,
            path: [holder, noCustomerKey],
            urn: store.urn,
            resourceName: store.name,
          });
        }
      }
    },
  }),
  // Hardening: the pack config of a strict stack raises it to mandatory.
  enforcementLevel: "advisory",
};
