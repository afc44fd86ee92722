/**
 * The flow model: for each resource type that can move data to another place, which input
 * properties name that place and how to read them (a region ID, an OSS location, an endpoint,
 * an ARN, an IP, a bucket name, …). The domain files (storage, databases, backups, network, …)
 * hold the tables — data reviewed like code, drawn from shared/research/data-paths.md — and this
 * file holds the one evaluator every flow policy runs, so a replication rule, a snapshot copy
 * and a VPC peering are judged the same way.
 *
 * A value is decided from the resource alone where it can be (a region ID, an ARN's region).
 * Values that only name another resource (a bucket by name, an S3 ARN without a region, a
 * global-cluster identifier) are resolved against the stack by the `named-destinations` stack
 * policy; a name that matches no resource of the program cannot be placed and fails closed.
 */
import type {
  PolicyProviderResource,
  PolicyResource,
  ResourceValidationPolicy,
  Severity,
  StackValidationPolicy,
} from "@pulumi/policy";
import { type Cloud, type Jurisdiction, regionInJurisdiction } from "../residency/jurisdictions";
import {
  arnPartition,
  arnRegion,
  cloudOf,
  describeNamedPlace,
  describePlace,
  hostOf,
  placementOf,
  regionOfAccessPoint,
  regionOfEndpoint,
  regionOfOssLocation,
  regionOfServiceName,
  resourceLabel,
} from "../residency/placement";
import { cidrWithin, isAnywhere, isPrivateCidr, parseCidr } from "./cidr";
import {
  type EgressAllowEntry,
  type Finding,
  type PolicyContext,
  residencyResourcePolicy,
  residencyStackPolicy,
} from "./framework";
import {
  isUnknown,
  jsonDocument,
  known,
  modelPath,
  stringList,
  stringsIn,
  unknown,
  valueAt,
  valuesAt,
} from "./values";

/** How a property names the place data goes to (or comes from). */
export type Format =
  /** A region ID of the resource's own cloud. */
  | "region"
  /** `oss-<region>`. */
  | "oss-location"
  /** A host name or URL of a cloud endpoint whose name carries the region. */
  | "endpoint"
  /** An AWS ARN (`arn:<partition>:<svc>:<region>:…`) or Alibaba ARN (`acs:<svc>:<region>:…`). */
  | "arn"
  /** An AWS VPC endpoint service name (`com.amazonaws.<region>.<svc>`). */
  | "service-name"
  /** An Express Connect access point (`ap-<region>-<site>`). */
  | "access-point"
  /** An IP address or CIDR outside the cloud: private, or in the egress allowlist. */
  | "ip"
  /** A URL or host outside the cloud: it cannot be placed unless it is an allowlisted IP. */
  | "url"
  /** An account ID: the stack's own account (from its provider), or a path to another. */
  | "account"
  /** The value itself opens the path (`values` lists which values, default: any set value). */
  | "flag"
  /** A route or tunnel selector: `0.0.0.0/0`/`::/0` sends everything to the far side. */
  | "anywhere-cidr"
  /** The name of another resource, resolved against the stack by `named-destinations`. */
  | "ref";

/** What a `ref` value names, and by which output properties it is matched. */
export interface RefKind {
  readonly noun: string;
  readonly types: readonly string[];
  /** Output properties of a target compared with the value (after `normalize`). */
  readonly keys: readonly string[];
  readonly normalize?: (value: string) => string;
}

/** S3 names arrive as names or as `arn:<partition>:s3:::<name>[/<prefix>]`. */
function s3BucketName(value: string): string {
  const m = /^arn:[^:]+:s3:::([^/]+)/.exec(value);
  return m ? m[1] : value;
}

/** OSS names arrive as names or as `acs:oss:*:*:<name>` / `acs:oss:::<name>`. */
function ossBucketName(value: string): string {
  const m = /^acs:oss:[^:]*:[^:]*:([^/]+)/.exec(value);
  return m ? m[1] : value;
}

export const refKinds = {
  "s3-bucket": {
    noun: "S3 bucket",
    types: ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"],
    keys: ["bucket", "id"],
    normalize: s3BucketName,
  },
  "oss-bucket": {
    noun: "OSS bucket",
    types: ["alicloud:oss/bucket:Bucket"],
    keys: ["bucket", "id"],
    normalize: ossBucketName,
  },
  "sls-project": {
    noun: "SLS project",
    types: ["alicloud:log/project:Project"],
    keys: ["projectName", "name", "id"],
  },
  "rds-global-cluster": {
    noun: "Aurora global cluster",
    types: ["aws:rds/globalCluster:GlobalCluster"],
    keys: ["globalClusterIdentifier", "id", "arn"],
  },
  "docdb-global-cluster": {
    noun: "DocumentDB global cluster",
    types: ["aws:docdb/globalCluster:GlobalCluster"],
    keys: ["globalClusterIdentifier", "id", "arn"],
  },
  "neptune-global-cluster": {
    noun: "Neptune global cluster",
    types: ["aws:neptune/globalCluster:GlobalCluster"],
    keys: ["globalClusterIdentifier", "id", "arn"],
  },
  "elasticache-global-group": {
    noun: "ElastiCache global datastore",
    types: ["aws:elasticache/globalReplicationGroup:GlobalReplicationGroup"],
    keys: ["globalReplicationGroupId", "id"],
  },
  "memorydb-multi-region-cluster": {
    noun: "MemoryDB multi-Region cluster",
    types: ["aws:memorydb/multiRegionCluster:MultiRegionCluster"],
    keys: ["multiRegionClusterName", "id"],
  },
  "polardb-gdn": {
    noun: "PolarDB global database network",
    types: ["alicloud:polardb/globalDatabaseNetwork:GlobalDatabaseNetwork"],
    keys: ["id", "gdnId"],
  },
  "tair-global-instance": {
    noun: "Tair global distributed cache",
    types: ["alicloud:kvstore/instance:Instance", "alicloud:redis/tairInstance:TairInstance"],
    keys: ["globalInstanceId", "id"],
  },
  "db-source": {
    noun: "source database",
    types: ["alicloud:rds/instance:Instance", "alicloud:polardb/cluster:Cluster"],
    keys: ["id"],
  },
} satisfies Record<string, RefKind>;

export type RefKindName = keyof typeof refKinds;

export interface FlowField {
  /** Dotted input path; `[]` expands an array (`rules[].destination.bucket`). */
  readonly path: string;
  readonly format: Format;
  /** Completes "…, but <path> <verb> <place>.", e.g. "replicates objects to". */
  readonly verb: string;
  /** Data flows from the named place into the resource (image copies, replica keys, …). */
  readonly inbound?: boolean;
  /** For `flag`: the values that open the path. Default: any value that is set and not false. */
  readonly values?: readonly (string | number | boolean)[];
  /** For `flag` and `anywhere-cidr`: how the far side is named in the path. */
  readonly farSide?: string;
  /** For `ref`: what the value names. */
  readonly ref?: RefKindName;
  /**
   * For `ref`: resolve the name only when this sibling (relative to the same holder) is absent
   * or unknown — an OSS replication rule is placed by its `location`, and by its bucket's
   * region only when the location is not known yet.
   */
  readonly unlessKnown?: string;
  /** An absent value cannot be placed (instead of meaning "the resource's own region"). */
  readonly required?: boolean;
}

/** A path that a model's own code finds (relations between fields, defaults the SDK applies). */
export interface CustomFlow {
  readonly path: string;
  readonly verb: string;
  readonly place: string;
}

export interface FlowModel {
  readonly type: string;
  readonly fields: readonly FlowField[];
  /** The fix, one sentence, appended to every message about this type. */
  readonly fix: string;
  /** Where the data starts, when that is another resource (`bucket` of a replication rule). */
  readonly source?: { readonly path: string; readonly noun: string };
  readonly custom?: (props: Record<string, unknown>, j: Jurisdiction) => CustomFlow[];
}

/** What a flow policy receives about one resource. */
export interface Subject {
  readonly type: string;
  readonly name: string;
  readonly props: Record<string, unknown>;
  readonly provider?: PolicyProviderResource;
}

export type Outcome =
  | { readonly kind: "inside" }
  | { readonly kind: "outside"; readonly place: string }
  | { readonly kind: "unplaceable"; readonly raw: string; readonly why: string }
  | { readonly kind: "unknown" }
  | { readonly kind: "deferred" };

const inside: Outcome = { kind: "inside" };

function regionOutcome(j: Jurisdiction, cloud: Cloud, raw: string, region: string): Outcome {
  return regionInJurisdiction(j, cloud, region)
    ? inside
    : { kind: "outside", place: describeNamedPlace(j, cloud, raw, region) };
}

function unplaceable(raw: unknown, why = "which cannot be placed in a region"): Outcome {
  return { kind: "unplaceable", raw: JSON.stringify(raw), why };
}

/** The accounts a provider pins the stack to (AWS allowedAccountIds, Alibaba accountId). */
export function ownAccounts(provider: PolicyProviderResource | undefined): string[] {
  if (!provider) {
    return [];
  }
  const props = provider.props as Record<string, unknown>;
  const ids = known(() => props.allowedAccountIds);
  const own = known(() => props.accountId);
  const list = isUnknown(ids) ? [] : stringList(jsonDocument(ids) ?? ids);
  return [...list, ...(typeof own === "string" ? [own] : [])];
}

/** Decides one ARN: its partition must be one of the jurisdiction's, its region inside. */
export function arnOutcome(j: Jurisdiction, arn: string): Outcome {
  if (arn.startsWith("acs:")) {
    const region = arn.split(":")[2] ?? "";
    if (region === "") {
      return inside;
    }
    return region === "*"
      ? unplaceable(arn, "which allows every region")
      : regionOutcome(j, "alicloud", arn, region);
  }
  const partition = arnPartition(arn);
  const region = arnRegion(arn);
  if (partition === undefined || region === undefined) {
    // An identifier, not an ARN: the API resolves it in the resource's own region.
    return inside;
  }
  if (!j.awsPartitions.includes(partition)) {
    return {
      kind: "outside",
      place: `${arn} (partition ${partition}, outside ${j.id})`,
    };
  }
  return region === "" ? inside : regionOutcome(j, "aws", arn, region);
}

function ipOutcome(allowlist: readonly EgressAllowEntry[], raw: string): Outcome {
  const parsed = parseCidr(raw);
  if (!parsed) {
    return unplaceable(raw, "which is not an IP address");
  }
  if (isPrivateCidr(raw) || allowlist.some((e) => cidrWithin(raw, e.cidr))) {
    return inside;
  }
  return unplaceable(raw, "which is not private and not in the egress allowlist");
}

function flagOpens(field: FlowField, value: unknown): boolean {
  if (field.values !== undefined) {
    return field.values.some((v) =>
      typeof v === "string" && typeof value === "string"
        ? v.toLowerCase() === value.toLowerCase()
        : v === value,
    );
  }
  if (Array.isArray(value)) {
    return value.length > 0;
  }
  return value !== false && value !== "" && value !== "false" && value !== 0;
}

/** Decides one value of a field that the resource alone can decide. */
function decide(field: FlowField, value: unknown, subject: Subject, ctx: PolicyContext): Outcome {
  const j = ctx.jurisdiction;
  if (isUnknown(value)) {
    return { kind: "unknown" };
  }
  if (field.format === "flag") {
    return flagOpens(field, value)
      ? { kind: "outside", place: field.farSide ?? JSON.stringify(value) }
      : inside;
  }
  if (field.format === "ref") {
    return { kind: "deferred" };
  }
  if (field.format === "account" && typeof value === "number") {
    // Alibaba takes some account IDs as numbers.
    return decide(field, String(value), subject, ctx);
  }
  if (typeof value !== "string") {
    return unplaceable(value, "which is not text the pack can read");
  }
  // Flow tables model only Alibaba Cloud and AWS types, whose region IDs name that cloud's.
  const cloud = cloudOf(subject.type) ?? "alicloud";
  switch (field.format) {
    case "region":
      return regionOutcome(j, cloud, value, value);
    case "oss-location": {
      const region = regionOfOssLocation(value);
      return region ? regionOutcome(j, "alicloud", value, region) : unplaceable(value);
    }
    case "endpoint": {
      const place = regionOfEndpoint(value);
      return place ? regionOutcome(j, place.cloud, value, place.region) : unplaceable(value);
    }
    case "arn":
      return arnOutcome(j, value);
    case "service-name": {
      const region = regionOfServiceName(value);
      return region ? regionOutcome(j, "aws", value, region) : unplaceable(value);
    }
    case "access-point": {
      const region = regionOfAccessPoint(value);
      return region ? regionOutcome(j, "alicloud", value, region) : unplaceable(value);
    }
    case "ip":
      return ipOutcome(ctx.settings.egressAllowlist, value);
    case "url": {
      const host = hostOf(value);
      if (parseCidr(host)) {
        return ipOutcome(ctx.settings.egressAllowlist, host);
      }
      const place = regionOfEndpoint(value);
      return place
        ? regionOutcome(j, place.cloud, value, place.region)
        : unplaceable(value, "an endpoint outside the cloud that cannot be placed in a region");
    }
    case "account": {
      const own = ownAccounts(subject.provider);
      if (own.includes(value)) {
        return inside;
      }
      return {
        kind: "outside",
        place:
          own.length > 0
            ? `account ${value} (not this stack's account ${own.join(", ")})`
            : `account ${value} (the provider pins no account, so it cannot be checked)`,
      };
    }
    case "anywhere-cidr":
      // Alibaba takes several subnets as one comma-separated string.
      return value.split(",").some((c) => isAnywhere(c))
        ? { kind: "outside", place: field.farSide ?? value }
        : inside;
  }
}

/** `cn-shanghai (inside CN)`: where the resource itself sits, for the near end of a path. */
export function ownPlace(subject: Subject, j: Jurisdiction): string {
  const p = known(() =>
    placementOf(
      subject.type,
      subject.props,
      subject.provider ? { type: subject.provider.type, props: subject.provider.props } : undefined,
    ),
  );
  if (isUnknown(p)) {
    return "a region not known at preview";
  }
  if (p.kind === "region") {
    return describePlace(j, p.cloud, p.region);
  }
  return p.kind === "global" ? "a global service" : "an undetermined region";
}

function nearEnd(model: FlowModel, subject: Subject, j: Jurisdiction): string {
  if (model.source) {
    const name = known(() => valueAt(subject.props, model.source!.path));
    if (typeof name === "string") {
      return `${model.source.noun} ${JSON.stringify(name)}`;
    }
  }
  return ownPlace(subject, j);
}

/** The finding for one decided value, or undefined when it stays inside. */
export function flowFinding(
  model: FlowModel,
  subject: Subject,
  j: Jurisdiction,
  at: { path: string; verb: string; inbound?: boolean },
  outcome: Outcome,
): Finding | undefined {
  const label = resourceLabel(subject.type, subject.name);
  const near = nearEnd(model, subject, j);
  const hops = (far: string) => (at.inbound ? [far, label, near] : [near, label, far]);
  switch (outcome.kind) {
    case "inside":
    case "deferred":
      return undefined;
    case "outside":
      return {
        message: `${label} must keep data inside ${j.id}, but ${at.path} ${at.verb} ${outcome.place}. ${model.fix}`,
        path: hops(outcome.place),
      };
    case "unplaceable":
      return {
        message: `${label} must keep data inside ${j.id}, but ${at.path} ${at.verb} ${outcome.raw}, ${outcome.why}. ${model.fix}`,
        path: hops(`${outcome.raw} (cannot be placed)`),
      };
    case "unknown":
      return {
        message: `${label} must name a place the pack can check, but ${at.path} is not known until other resources exist, so whether it leaves ${j.id} cannot be decided at preview. Set it from a literal value or a resource of this program, or waive the finding after review.`,
        path: hops(`${at.path} (unknown at preview)`),
      };
  }
}

function siblingKnown(holder: unknown, path: string): boolean {
  const v = known(() => valueAt(holder, path));
  return v !== undefined && !isUnknown(v);
}

/** Every finding of the fields the resource alone decides (everything but names). */
export function directFindings(model: FlowModel, subject: Subject, ctx: PolicyContext): Finding[] {
  const j = ctx.jurisdiction;
  const out: Finding[] = [];
  const deferrable = new Set(
    model.fields.filter((f) => f.format === "ref" && f.unlessKnown).map((f) => f.unlessKnown),
  );
  for (const field of model.fields) {
    if (field.format === "ref") {
      continue;
    }
    const found = valuesAt(subject.props, field.path);
    if (found.length === 0 && field.required) {
      out.push({
        message: `${resourceLabel(subject.type, subject.name)} must name where it sends data, but ${field.path} is not set, so the pack cannot tell whether it leaves ${j.id}. ${model.fix}`,
        path: [
          nearEnd(model, subject, j),
          resourceLabel(subject.type, subject.name),
          `${field.path} (not set)`,
        ],
      });
      continue;
    }
    for (const hit of found) {
      const leaf = field.path.split(".").pop() ?? field.path;
      if (isUnknown(hit.value) && deferrable.has(leaf)) {
        // Its sibling name is resolved against the stack instead.
        continue;
      }
      const outcome = decide(field, hit.value, subject, ctx);
      const f = flowFinding(model, subject, j, { ...field, path: hit.path }, outcome);
      if (f) {
        out.push(f);
      }
    }
  }
  const custom = known(() => model.custom?.(subject.props, j) ?? []);
  if (isUnknown(custom)) {
    const at = { path: "a setting it depends on", verb: "" };
    const f = flowFinding(model, subject, j, at, { kind: "unknown" });
    return f ? [...out, f] : out;
  }
  for (const c of custom) {
    const f = flowFinding(model, subject, j, c, { kind: "outside", place: c.place });
    if (f) {
      out.push(f);
    }
  }
  return out;
}

interface PolicyMeta {
  readonly name: string;
  readonly description: string;
  readonly severity: Severity;
  readonly remediationSteps: string;
}

/**
 * A resource policy over a table of flow models: every modelled resource's destinations must
 * lie inside the jurisdiction, and what cannot be decided fails closed.
 */
export function flowPolicy(
  meta: PolicyMeta & { readonly models: readonly FlowModel[] },
): ResourceValidationPolicy {
  const byType = new Map(meta.models.map((m) => [m.type, m]));
  return residencyResourcePolicy({
    ...meta,
    validate: (args, ctx) => {
      const model = byType.get(args.type);
      if (!model) {
        return;
      }
      const subject: Subject = {
        type: args.type,
        name: args.name,
        props: args.props,
        provider: args.provider,
      };
      for (const f of directFindings(model, subject, ctx)) {
        ctx.report(f);
      }
    },
  });
}

/** Where a resource of the stack sits, for name resolution. */
function placeOfResource(r: PolicyResource, j: Jurisdiction): Outcome {
  // Read through the proxies: only the region settings are touched, so an unrelated output that
  // is unknown at preview (an ARN, an ID) does not make the place unknown.
  const region = known(() =>
    placementOf(
      r.type,
      r.props,
      r.provider ? { type: r.provider.type, props: r.provider.props } : undefined,
    ),
  );
  if (isUnknown(region)) {
    return { kind: "unknown" };
  }
  if (region.kind !== "region") {
    return unplaceable(r.name, `whose region cannot be determined (${describeReason(region)})`);
  }
  return regionOutcome(
    j,
    region.cloud,
    `${resourceLabel(r.type, r.name)} in ${region.region}`,
    region.region,
  );
}

function describeReason(p: { kind: string; reason?: string }): string {
  return p.reason ?? p.kind;
}

/**
 * The resources of `kind` a property's value was computed from. At preview an output of
 * another resource is unknown, but the engine still says which resources it came from — enough
 * to place it when every candidate is a resource of the program.
 */
export function dependencyTargets(
  r: PolicyResource,
  fieldPath: string,
  kind: RefKind,
): PolicyResource[] {
  const top = fieldPath.split(".")[0].replace(/\[\]$/, "");
  const deps = known(() => r.propertyDependencies[top] ?? []);
  return isUnknown(deps) ? [] : deps.filter((d) => kind.types.includes(d.type));
}

/**
 * Candidates that could be the resource a known value names: those that report none of the
 * identifiers the value is matched by (the offline engine, unlike providers, reports no `id`
 * among the outputs). A candidate whose name differs from the value is not the one it names.
 */
export function uncontradicted(
  candidates: readonly PolicyResource[],
  kind: RefKind,
): PolicyResource[] {
  return candidates.filter((c) =>
    kind.keys.every((k) => {
      const v = known(() => (c.props as Record<string, unknown>)[k]);
      return v === undefined;
    }),
  );
}

/** The outcome that matters most among several candidates: any violation beats inside. */
export function worstOf(outcomes: readonly Outcome[]): Outcome {
  const rank = { outside: 0, unplaceable: 1, unknown: 2, deferred: 3, inside: 4 } as const;
  return [...outcomes].sort((a, b) => rank[a.kind] - rank[b.kind])[0] ?? inside;
}

/** `an S3 bucket`, `an OSS bucket`, `a KMS key`: acronyms read by their letters. */
function withArticle(noun: string): string {
  return /^([aeiou]|S3|SLS)/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}

/** Finds the resource of the stack a name refers to. */
export function resolveRef(
  kind: RefKind,
  value: string,
  resources: readonly PolicyResource[],
): PolicyResource | undefined {
  const wanted = kind.normalize ? kind.normalize(value) : value;
  return resources.find(
    (r) =>
      kind.types.includes(r.type) &&
      kind.keys.some((k) => {
        const v = known(() => (r.props as Record<string, unknown>)[k]);
        return typeof v === "string" && (kind.normalize ? kind.normalize(v) : v) === wanted;
      }),
  );
}

/**
 * The stack policy that resolves names: a destination given as another resource's name (a
 * bucket, a project, a global cluster) lies where that resource lies; a name that matches no
 * resource of the program cannot be placed and fails closed.
 */
export function namedDestinationsPolicy(
  meta: PolicyMeta & { readonly models: () => readonly FlowModel[] },
): StackValidationPolicy {
  return residencyStackPolicy({
    ...meta,
    validate: (args, ctx) => {
      const byType = new Map(
        meta
          .models()
          .filter((m) => m.fields.some((f) => f.format === "ref"))
          .map((m) => [m.type, m]),
      );
      const j = ctx.jurisdiction;
      for (const r of args.resources) {
        const model = byType.get(r.type);
        if (!model) {
          continue;
        }
        const subject: Subject = {
          type: r.type,
          name: r.name,
          props: r.props,
          provider: r.provider,
        };
        for (const field of model.fields) {
          if (field.format !== "ref" || !field.ref) {
            continue;
          }
          const kind: RefKind = refKinds[field.ref];
          for (const hit of valuesAt(r.props, field.path)) {
            if (field.unlessKnown && siblingKnown(hit.holder, field.unlessKnown)) {
              continue;
            }
            let outcome: Outcome;
            if (isUnknown(hit.value)) {
              const candidates = dependencyTargets(r, field.path, kind);
              outcome =
                candidates.length > 0
                  ? worstOf(candidates.map((c) => placeOfResource(c, j)))
                  : { kind: "unknown" };
            } else if (typeof hit.value !== "string") {
              outcome = unplaceable(hit.value, `which is not ${withArticle(kind.noun)} name`);
            } else if (arnRegion(hit.value)) {
              // A regional ARN (a log group, a stream) places itself.
              outcome = arnOutcome(j, hit.value);
            } else {
              // By name first; else through the resources the value was computed from (IDs are
              // not among the outputs every engine reports).
              const others = args.resources.filter((x) => x.urn !== r.urn);
              const target = resolveRef(kind, hit.value, others);
              const candidates = target
                ? [target]
                : uncontradicted(dependencyTargets(r, field.path, kind), kind);
              outcome =
                candidates.length > 0
                  ? worstOf(candidates.map((c) => placeOfResource(c, j)))
                  : unplaceable(
                      hit.value,
                      `${withArticle(kind.noun)} this program does not create, so its region cannot be checked`,
                    );
            }
            const f = flowFinding(model, subject, j, { ...field, path: hit.path }, outcome);
            if (f) {
              ctx.report({ ...f, urn: r.urn, resourceName: r.name });
            }
          }
        }
      }
    },
  });
}

/** The set of model paths a flow model decides, per type (so generic scanners skip them). */
export function modelledPaths(models: readonly FlowModel[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of models) {
    const set = out.get(m.type) ?? new Set<string>();
    for (const f of m.fields) {
      set.add(f.path);
    }
    out.set(m.type, set);
  }
  return out;
}

/** One ARN found in a resource's props (or a value there unknown at preview), with its path. */
export interface ArnReference {
  readonly path: string;
  readonly arn: string | typeof unknown;
}

/**
 * Every ARN (`arn:…`, `acs:…`) anywhere in a resource's props — policy documents included — that
 * `accept` selects, except at the paths a flow model of the type already decides. Values unknown
 * at preview are returned as `unknown` for the caller to judge.
 */
export function arnReferences(
  type: string,
  props: Record<string, unknown>,
  accept: (arn: string) => boolean,
  skip: ReadonlyMap<string, ReadonlySet<string>>,
): ArnReference[] {
  const skipped = skip.get(type) ?? new Set<string>();
  const out: ArnReference[] = [];
  for (const hit of stringsIn(props)) {
    if (skipped.has(modelPath(hit.path))) {
      continue;
    }
    if (isUnknown(hit.value)) {
      out.push({ path: hit.path, arn: unknown });
      continue;
    }
    const text = hit.value as string;
    if (/^(arn|acs):/.test(text) && accept(text)) {
      out.push({ path: hit.path, arn: text });
    }
  }
  return out;
}

/** ARNs of AWS KMS keys. */
export const kmsArn = /^arn:[^:]+:kms:/;

/** An ARN a resource names that lies outside the jurisdiction or cannot be placed. */
export interface ForeignArn {
  /** Where in the props the ARN stands. */
  readonly path: string;
  /** The place it names, as a violation shows it. */
  readonly place: string;
}

/**
 * The ARNs among `refs` that name a place outside the jurisdiction or one that cannot be placed.
 * ARNs unknown at preview are outputs of resources of this program, which the placement policies
 * check where they are created, so they are not judged here.
 */
export function foreignArns(j: Jurisdiction, refs: readonly ArnReference[]): ForeignArn[] {
  const out: ForeignArn[] = [];
  for (const ref of refs) {
    if (isUnknown(ref.arn)) {
      continue;
    }
    const outcome = arnOutcome(j, ref.arn);
    if (outcome.kind === "outside") {
      out.push({ path: ref.path, place: outcome.place });
    } else if (outcome.kind === "unplaceable") {
      out.push({ path: ref.path, place: `${outcome.raw} (${outcome.why})` });
    }
  }
  return out;
}
