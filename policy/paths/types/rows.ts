/**
 * The shorthand the domain tables are written in, so a row reads as one sentence per edge:
 * `region("crossBackupRegion", "backup copy", "backup-copies", "copies backups to")` — the
 * property, the graph edge's kind, the policy that owns it and the words of its message.
 */
import type {
  BorderResource,
  EdgeLabel,
  FieldSpec,
  Format,
  PolicyName,
  PublicOpening,
  Role,
  TypeModel,
} from "../model";
import type { Resolver } from "../resolver";
import { isUnknown, valueAt } from "../values";

/** What a field may add to its five essentials. */
export type FieldExtra = Partial<Omit<FieldSpec, "path" | "format" | "label" | "policy" | "verb">>;

/** A field of one format: `(path, label, policy, verb, extra?)`. */
export type FieldOf = (
  path: string,
  label: EdgeLabel,
  policy: PolicyName,
  verb: string,
  extra?: FieldExtra,
) => FieldSpec;

/** Fields of `format`; `detailed` ones name their property on the graph edge. */
function fieldOf(format: Format, detailed = false): FieldOf {
  return (path, label, policy, verb, extra = {}) => ({
    path,
    format,
    label,
    policy,
    verb,
    ...(detailed ? { detail: path } : {}),
    ...extra,
  });
}

export const region = fieldOf("region", true);
export const zone = fieldOf("zone", true);
export const arn = fieldOf("arn");
export const arnOrId = fieldOf("arn-or-id");
export const account = fieldOf("account");
export const ip = fieldOf("ip");
export const flag = fieldOf("flag");
export const ref = fieldOf("ref");
export const url = fieldOf("url");
export const image = fieldOf("image");
export const ossLocation = fieldOf("oss-location");
export const endpoint = fieldOf("endpoint");
export const siteIp = fieldOf("site-ip");
export const anywhereCidr = fieldOf("anywhere-cidr");
export const accessPoint = fieldOf("access-point");
export const serviceName = fieldOf("service-name");
export const dxLocation = fieldOf("dx-location");

/** A field of one format with its label and policy bound: `(path, verb, extra?)`. */
export type BoundField = (path: string, verb: string, extra?: FieldExtra) => FieldSpec;

/** The field makers of one policy's edges of one kind: `snapshot.region(path, verb)`. */
export function edgesOf(policy: PolicyName, label: EdgeLabel): Record<FieldName, BoundField> {
  const bound =
    (f: FieldOf): BoundField =>
    (path, verb, extra) =>
      f(path, label, policy, verb, extra);
  const makers = {
    ...{ region, zone, arn, arnOrId, account, ip, flag, ref, url, image, ossLocation, endpoint },
    ...{ siteIp, anywhereCidr, accessPoint, serviceName, dxLocation },
  };
  return Object.fromEntries(Object.entries(makers).map(([name, f]) => [name, bound(f)])) as Record<
    FieldName,
    BoundField
  >;
}

type FieldName =
  | "region"
  | "zone"
  | "arn"
  | "arnOrId"
  | "account"
  | "ip"
  | "flag"
  | "ref"
  | "url"
  | "image"
  | "ossLocation"
  | "endpoint"
  | "siteIp"
  | "anywhereCidr"
  | "accessPoint"
  | "serviceName"
  | "dxLocation";

/** Data flows from the named place into the resource. */
export const inbound = { inbound: true } as const;

/**
 * A `judged` field of `policy`: the row's own reading (`judges`) of the resource's inputs at
 * `path` (or the paths it `reads`), whose places it reports.
 */
export function judgedField(
  policy: PolicyName,
  label: EdgeLabel,
  path: string,
  judges: FieldSpec["judges"],
  extra: Partial<FieldSpec> = {},
): FieldSpec {
  return { path, format: "judged", label, policy, verb: "", judges, ...extra };
}

/**
 * The fix of a delivery by ARN to another account's resource (a field of format `account` with
 * `ofArn`), in a row whose fix speaks of its other destinations.
 */
export const ownAccountDelivery = {
  ofArn: true,
  fix: "Deliver only to a resource of the stack's own account: another account's holder can send the data anywhere (if the ARN's account is the stack's own, declare it as sovereign-dc:accountId, or pin the provider's allowedAccountIds).",
} as const;

/**
 * The fix of a delivery by ACS ARN to another Alibaba Cloud account's resource (a field of format
 * `account` with `ofArn`): the account an Alibaba Cloud stack is sure of is the one its provider
 * pins (`accountId`) or the stack declares — the offline engine has no stand-in for it.
 */
export const ownAlibabaAccountDelivery = {
  ofArn: true,
  fix: "Deliver only to a resource of the stack's own account: another account's holder can send the data anywhere (if the ARN's account is the stack's own, declare it as sovereign-dc:accountId, or pin the provider's accountId, alicloud:accountId for the default provider).",
} as const;

/**
 * A destination the service takes only in the source's own region (a `ref` field's): OSS and S3
 * access logs, OSS inventory, Simple Log Service's shipping to OSS. A name of no bucket of the
 * program lies there.
 */
export const sameRegion = { sameRegion: true } as const;

/** A server outside the cloud a resource hands data to on the stack's behalf (remote-sites). */
export const remoteSite = edgesOf("remote-sites", "data sync");

/**
 * A source-code repository a resource clones from (a build's or a pipeline's source, an app's
 * repository) or clones from and pushes to (a notebook's): the repository host is a server the
 * resource calls on the stack's behalf, `remote-sites`' as a directory or DNS server is. Such
 * findings were filed under log-shipping, whose waivers would have waived them with the logs
 * (found by the pipelines bench).
 */
export const codeRepository = remoteSite;

/** What log-shipping asks of a resource that writes to a bucket outside. */
export const bucketSinkFix =
  "Deliver only to buckets of this program in regions inside the jurisdiction.";

/**
 * A bucket a resource writes to (or reads from, `inbound`), named by name, ARN, `s3://` URI or
 * `<name>/<prefix>`: a sink by reference (log-shipping). One of the program lies where it is
 * created; one it does not create cannot be placed and fails closed (named-destinations).
 */
export const bucketSink = (path: string, verb: string, extra: FieldExtra = {}): FieldSpec =>
  edgesOf("log-shipping", "log delivery").ref(path, verb, { ref: "s3-bucket", ...extra });

/**
 * `model` with another policy's `fields` beside its own, and the fix that policy advises: a row of
 * one domain's table whose resource also opens a path another policy owns (a database's public
 * endpoint, a bastion host's directory servers). A row's single fix becomes the fix of each
 * policy its own fields serve.
 */
export function withPolicyFields(
  model: TypeModel,
  policy: PolicyName,
  fix: string,
  ...fields: FieldSpec[]
): TypeModel {
  const own = model.fields ?? [];
  const fixes =
    typeof model.fix === "string"
      ? Object.fromEntries([...new Set(own.map((f) => f.policy))].map((p) => [p, model.fix]))
      : model.fix;
  return { ...model, fields: [...own, ...fields], fix: { ...fixes, [policy]: fix } };
}

/**
 * Whether the instance type at `path` is one of `types` (ignoring case), or not known at preview:
 * which kind of endpoint a transfer or backup reaches (`hostOrSite`).
 */
export const instanceTypeIn =
  (path: string, types: readonly string[]) =>
  (props: Readonly<Record<string, unknown>>): boolean => {
    const type = valueAt(props, path);
    return isUnknown(type) || (typeof type === "string" && types.includes(type.toLowerCase()));
  };

/**
 * An endpoint's address, read as a site outside the cloud (inside only when the egress allowlist
 * holds it) where `atSite` says the endpoint is reached through a gateway or line, and as a host
 * reached from the cloud (a private address lies in the stack's networks) otherwise.
 */
export function hostOrSite(
  edges: Record<FieldName, BoundField>,
  path: string,
  verb: string,
  atSite: (props: Readonly<Record<string, unknown>>) => boolean,
  extra: FieldExtra = {},
): FieldSpec[] {
  return [
    edges.ip(path, verb, { ...extra, when: (p) => !atSite(p) }),
    edges.siteIp(path, verb, { ...extra, when: atSite }),
  ];
}

/**
 * A resource that copies the data of another one (a backup policy of a database): when the
 * property at `path` names a resource of `types`, that resource is where the data starts and
 * the copy is only the way it goes; otherwise the copy itself stands for the data.
 */
export function copyOf(
  path: string,
  types: readonly string[],
): {
  readonly role: (r: BorderResource, x: Resolver) => Role;
  readonly origin: FieldSpec["origin"];
} {
  return {
    role: (r, x) => (x.resourceAt(r, path, types) ? "other" : "data"),
    origin: { path, types },
  };
}

/**
 * A public-exposure field: the value at `path` that exposes the resource, and the words of the
 * finding. Its edge goes from the resource to the public internet, unless the row draws it
 * (`gated`: from the bucket, through its public-access block).
 */
export function exposed(
  path: string,
  exposes: PublicOpening,
  verb = "",
  extra: Partial<FieldSpec> = {},
) {
  return {
    path,
    format: "public",
    label: "public access",
    policy: "public-exposure",
    verb,
    exposes,
    ...extra,
  } as const satisfies FieldSpec;
}
