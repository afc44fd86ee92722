/**
 * The shape of a flow model and the helpers the domain tables' custom edges are built from. A
 * flow model is data: a role (what the resource is to the flow of data) and a function from the
 * resource and the resolver to the edges it creates. Parameterised helpers (`copiesTo`,
 * `dataStore`) cover the many types whose flow is "data goes to the region named in this field".
 */
import { cloudOf } from "../../../residency/placement";
import { foreignDeliveryAccount } from "../accounts";
import type {
  BorderResource,
  EdgeLabel,
  Endpoint,
  FlowEdge,
  PolicyName,
  Role,
  TaggedEdge,
} from "../model";
import { isPlace, isUnknown } from "../model";
import { locate } from "../places";
import type { Ref, Resolver } from "../resolver";
import { isOn, str, valueAt, valuesAt } from "../values";
import { dataStores } from "./encryption";

export interface FlowModel {
  /** What the resource is to the flow of data; a function when it depends on the props. */
  readonly role?: Role | ((r: BorderResource, x: Resolver) => Role);
  /** The edges the resource creates. */
  readonly flows?: (r: BorderResource, x: Resolver) => FlowEdge[];
}

/** `from → to` in one direction, or both when data can flow either way (peering, attachments). */
export function link(
  from: Endpoint,
  to: Endpoint,
  label: EdgeLabel,
  extra: { via?: BorderResource; detail?: string; both?: boolean } = {},
): FlowEdge[] {
  const one: FlowEdge = { from, to, label, via: extra.via, detail: extra.detail };
  return extra.both && !isPlace(to)
    ? [one, { from: to, to: from, label, via: extra.via, detail: extra.detail }]
    : [one];
}

/** The edges of `link` with the policy that reports them from the resource alone. */
export function reportedBy(policy: PolicyName, edges: readonly FlowEdge[]): TaggedEdge[] {
  return edges.map((e) => ({ ...e, policy, local: "report" }));
}

/**
 * The endpoint a reference names: the resource, or — when it names nothing of the stack — the
 * place `external` derives from the value, or an unknown place (fail closed).
 */
export function endpointOf(
  x: Resolver,
  r: BorderResource,
  ref: Ref,
  what: string,
  external?: (value: string) => Endpoint | undefined,
): Endpoint | undefined {
  switch (ref.kind) {
    case "resource":
      return ref.resource;
    case "none":
      return undefined;
    case "unknown":
      return x.unknownPlace(`${what} of ${x.label(r)} is not known until deployed`);
    case "external":
      return (
        external?.(ref.value) ??
        x.unknownPlace(`${what} ${JSON.stringify(ref.value)} of ${x.label(r)} is not in this stack`)
      );
  }
}

/**
 * The place an ARN or Alibaba Cloud resource name names (policy/paths/places.ts), or undefined
 * when it names the resource's own region (no region, or not an ARN at all).
 */
export function namePlace(x: Resolver, value: string): Endpoint | undefined {
  return x.locatedPlace(locate(x.jurisdiction, "arn", value, "aws"));
}

/**
 * Where an ARN the program does not create (`external`) delivers data: its region's place, unless
 * that region is inside and the ARN names another account than the stack's own
 * (`foreignDeliveryAccount`) — a vendor's log destination, another account's event bus — whose
 * holder can send the data on anywhere, so its place cannot be known (`x.accountPlace`). An ARN
 * of a resource of the program is placed by that resource.
 */
export function deliveryPlace(
  x: Resolver,
  r: BorderResource,
  external: string,
): Endpoint | undefined {
  const account =
    x.byIdentifier(external) === undefined ? foreignDeliveryAccount(x, r, external) : undefined;
  return account === undefined
    ? namePlace(x, external)
    : x.accountPlace(cloudOf(r.type) ?? "aws", account);
}

/**
 * Inputs named as a delivery's are (a stream's, a topic's ARN) that the resource reads from
 * instead, by type (arn-locality's reading of delivery inputs skips them): a Kinesis stream
 * consumer reads its stream, and AWS Chatbot subscribes to the topics it relays to a chat
 * channel.
 */
export const readFromInputs: Readonly<Record<string, RegExp>> = {
  "aws:kinesis/streamConsumer:StreamConsumer": /^streamArn$/,
  "aws:chatbot/slackChannelConfiguration:SlackChannelConfiguration": /^snsTopicArns\[\]$/,
  "aws:chatbot/teamsChannelConfiguration:TeamsChannelConfiguration": /^snsTopicArns\[\]$/,
};

/** Types of the stack's keys, in both clouds. */
export const keyTypes: readonly string[] = [
  "alicloud:kms/key:Key",
  "aws:kms/key:Key",
  "aws:kms/replicaKey:ReplicaKey",
  "aws:kms/externalKey:ExternalKey",
  "aws:kms/replicaExternalKey:ReplicaExternalKey",
];

/** Where customer-key-encryption reads a store's encryption, by holder type and key path. */
const encryptionSettings = new Map(
  dataStores.flatMap((m) => [
    ...m.inline.flatMap((s) => (s.key ? [[`${m.type}\0${s.key}`, s] as const] : [])),
    ...(m.companions?.types ?? []).flatMap((t) =>
      (m.companions?.settings ?? []).flatMap((s) =>
        s.key ? [[`${t}\0${s.key}`, s] as const] : [],
      ),
    ),
  ]),
);

/**
 * Whether the key at `path` encrypts anything: the setting that enables encryption is on and
 * the algorithm is KMS (as customer-key-encryption reads them). A `storageEncrypted: false`
 * database names a key it does not use. What is not known at preview counts as used.
 */
function keyInUse(r: BorderResource, path: string): boolean {
  const setting = encryptionSettings.get(`${r.type}\0${path}`);
  if (!setting) {
    return true;
  }
  const flag = setting.enabled ? valueAt(r.props, setting.enabled) : true;
  const algorithms = setting.algorithm ? valuesAt(r.props, setting.algorithm) : undefined;
  return (
    (flag === true || flag === "true" || isUnknown(flag)) &&
    (algorithms === undefined ||
      algorithms.some(
        (a) => isUnknown(a.value) || (setting.algorithms ?? []).includes(String(a.value)),
      ))
  );
}

/** `data → encrypted by → key` for every key reference at `paths` that encryption uses. */
export function encryptedBy(
  x: Resolver,
  data: Endpoint,
  r: BorderResource,
  paths: readonly string[],
  via?: BorderResource,
): FlowEdge[] {
  return paths
    .filter((p) => keyInUse(r, p))
    .flatMap((p) =>
      x.refs(r, p, keyTypes).flatMap((ref) => {
        // A key ID or alias name: KMS resolves it in the account and region of the request, the
        // holder's own, so the key is where the data is (another region's key needs its ARN).
        if (
          ref.kind === "external" &&
          locate(x.jurisdiction, "arn", ref.value, "aws").kind === "own"
        ) {
          return [];
        }
        const key = endpointOf(x, r, ref, "key", (v) => namePlace(x, v));
        return key ? link(data, key, "encrypted by", { via }) : [];
      }),
    );
}

export interface CopySpec {
  /** Where the data comes from; defaults to the resource itself (it then counts as data). */
  readonly source?: { readonly path: string; readonly types?: readonly string[] };
  /** Fields holding destination regions (or ARNs, with `format`). */
  readonly regions: readonly string[];
  /**
   * The fields hold ARNs whose region is the destination (`arn`), or ARNs and identifiers of a
   * resource of `named`'s types (`arn-or-id`): one of the stack's is the far end itself, so the
   * path continues from it; an identifier of none lies in the resource's own region.
   */
  readonly format?: "arn" | "arn-or-id";
  readonly named?: readonly string[];
  /** The flow only exists when this holds (a cross-region copy switch). */
  readonly when?: (props: Readonly<Record<string, unknown>>) => boolean;
  /** Prefix of the destination's name as the service spells it ("oss-"). */
  readonly prefix?: string;
}

/**
 * "Data goes to the region named in this field": backups, snapshot and image copies, DTS jobs
 * and registry syncs. Copies into this region from another count too: for a border both
 * directions are a transfer (shared/research/data-paths.md §6.4).
 */
export function copiesTo(label: EdgeLabel, spec: CopySpec): FlowModel {
  return {
    // Unless the copy names its source store, the copy itself is where the data starts.
    role: (r, x) =>
      spec.source && x.resourceAt(r, spec.source.path, spec.source.types) ? "other" : "data",
    flows: (r, x) => {
      if (spec.when && !spec.when(r.props)) {
        return [];
      }
      const from: Endpoint =
        (spec.source && x.resourceAt(r, spec.source.path, spec.source.types)) || r;
      const via = from === r ? undefined : r;
      const cloud = cloudOf(r.type);
      const format = spec.format;
      if (format) {
        return spec.regions.flatMap((field) =>
          x.refs(r, field, format === "arn-or-id" ? (spec.named ?? []) : []).flatMap((ref) => {
            const to =
              ref.kind === "external"
                ? x.locatedPlace(locate(x.jurisdiction, format, ref.value, cloud ?? "aws"))
                : endpointOf(x, r, ref, field);
            return to ? link(from, to, label, { via, both: ref.kind === "resource" }) : [];
          }),
        );
      }
      return spec.regions.flatMap((field) =>
        valuesAt(r.props, field).flatMap(({ value: v }) => {
          const to = cloud ? x.regionValue(r, v, field, spec.prefix) : undefined;
          return to ? link(from, to, label, { via, detail: field }) : [];
        }),
      );
    },
  };
}

/** A data store that may sit in subnets and be encrypted by keys. */
export function dataStore(
  spec: {
    /** Fields naming the subnets (vSwitches) the store is reachable in. */
    readonly subnets?: readonly string[];
    /** Fields naming its encryption keys. */
    readonly keys?: readonly string[];
  } = {},
): FlowModel {
  return {
    role: "data",
    flows: (r, x) => [
      // A vSwitch of the stack links the store to its network, and the paths out of that network
      // are the store's. One the stack does not create (an ID, a lookup's answer) lies in the
      // store's own region, as the cloud requires, and the network's ways out are not the
      // program's to show: the store stays where it is, as a database in existing subnets does.
      ...(spec.subnets ?? []).flatMap((p) =>
        x
          .refs(r, p)
          .flatMap((ref) =>
            ref.kind === "resource" ? link(r, ref.resource, "readable from") : [],
          ),
      ),
      ...encryptedBy(x, r, r, spec.keys ?? []),
    ],
  };
}

/**
 * Alibaba Cloud's VPC resolvers: the same two addresses in every region, answered inside the
 * region (a VPC's instances use them when no DNS server is named).
 */
export const alibabaResolvers: readonly string[] = ["100.100.2.136", "100.100.2.138"];

export { isOn, str };
