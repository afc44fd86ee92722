/**
 * The shape of a flow model and the helpers the per-domain tables are built from. A flow model
 * is data: a role (what the resource is to the flow of data) and a function from the resource and
 * the resolver to the edges it creates. Parameterised helpers (`copiesTo`, `dataStore`) cover the
 * many types whose flow is "data goes to the region named in this field".
 */
import { arnPartition, arnRegion, cloudOf } from "../../../residency/placement";
import type { BorderResource, EdgeLabel, Endpoint, FlowEdge, Role } from "../model";
import { isPlace, isUnknown } from "../model";
import { isOn, str, valuesAt } from "../../paths/values";
import type { Ref, Resolver } from "../resolver";

export interface FlowModel {
  /** What the resource is to the flow of data; a function when it depends on the props. */
  readonly role?: Role | ((r: BorderResource, x: Resolver) => Role);
  /** The edges the resource creates. */
  readonly flows?: (r: BorderResource, x: Resolver) => FlowEdge[];
}

export type FlowTable = Readonly<Record<string, FlowModel>>;

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

/** The place an ARN names by its region and partition, when it has a region. */
export function arnPlace(x: Resolver, arn: string): Endpoint | undefined {
  const region = arnRegion(arn);
  if (region) {
    return x.regionPlace("aws", region);
  }
  const partition = arnPartition(arn);
  if (partition && !x.jurisdiction.awsPartitions.includes(partition)) {
    // Regionless ARNs (S3) still carry their partition, and a foreign partition is abroad.
    return x.globalPlace(`aws partition ${partition}`);
  }
  return undefined;
}

/** The region inside an Alibaba Cloud resource name (`acs:log:<region>:<uid>:project/x`). */
export function acsPlace(x: Resolver, value: string): Endpoint | undefined {
  const m = /^acs:[^:]+:([^:]*):/.exec(value);
  return m && m[1] !== "" ? x.regionPlace("alicloud", m[1]) : undefined;
}

/** An ARN or ACS name's place, whichever the value is. */
export function namePlace(x: Resolver, value: string): Endpoint | undefined {
  return value.startsWith("arn:")
    ? arnPlace(x, value)
    : value.startsWith("acs:")
      ? acsPlace(x, value)
      : undefined;
}

/** Types of the stack's keys, in both clouds. */
export const keyTypes: readonly string[] = [
  "alicloud:kms/key:Key",
  "aws:kms/key:Key",
  "aws:kms/replicaKey:ReplicaKey",
  "aws:kms/externalKey:ExternalKey",
  "aws:kms/replicaExternalKey:ReplicaExternalKey",
];

/** `data → encrypted by → key` for every key reference at `paths`. */
export function encryptedBy(
  x: Resolver,
  data: Endpoint,
  r: BorderResource,
  paths: readonly string[],
  via?: BorderResource,
): FlowEdge[] {
  return paths.flatMap((p) =>
    x.refs(r, p, keyTypes).flatMap((ref) => {
      const key = endpointOf(x, r, ref, "key", (v) => namePlace(x, v));
      return key ? link(data, key, "encrypted by", { via }) : [];
    }),
  );
}

export interface CopySpec {
  /** Where the data comes from; defaults to the resource itself (it then counts as data). */
  readonly source?: { readonly path: string; readonly types?: readonly string[] };
  /** Fields holding destination regions (or ARNs, with `arn`). */
  readonly regions: readonly string[];
  /** The fields hold ARNs whose region is the destination. */
  readonly arn?: boolean;
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
      return spec.regions.flatMap((field) =>
        valuesAt(r.props, field).flatMap(({ value: v }) => {
          let to: Endpoint | undefined;
          if (spec.arn) {
            const text = str(v);
            to = text
              ? (namePlace(x, text) ??
                x.unknownPlace(`${field} ${JSON.stringify(text)} has no region`))
              : isUnknown(v)
                ? x.unknownPlace(`${field} of ${x.label(r)} is not known until deployed`)
                : undefined;
          } else if (cloud) {
            to = x.regionValue(r, v, field, spec.prefix);
          }
          return to ? link(from, to, label, { via, detail: spec.arn ? undefined : field }) : [];
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
      ...(spec.subnets ?? []).flatMap((p) =>
        x.refs(r, p).flatMap((ref) => {
          const net = endpointOf(x, r, ref, p);
          return net ? link(r, net, "readable from") : [];
        }),
      ),
      ...encryptedBy(x, r, r, spec.keys ?? []),
    ],
  };
}

export { isOn, str };
