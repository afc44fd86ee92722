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
  arnRegion,
  cloudOf,
  describeNamedPlace,
  describePlace,
  hostOf,
  placementOf,
  regionOfEndpoint,
  resourceLabel,
} from "../residency/placement";
import { isAnywhere, parseCidr, reachOfAddress } from "./paths/addresses";
import { notAPlace, type PlaceKind, placeRuleOf } from "./inventory/place-rules";
import {
  flagOpens,
  globalPlaceLabel,
  type Located,
  locate,
  type PlaceFormat,
} from "./paths/places";
import {
  dependencyTargets,
  type RefKind,
  type RefKindName,
  refKinds,
  resolveRef,
  uncontradicted,
  worstOf,
} from "./paths/resolver";
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
import { plainValue } from "./paths/values";

/** How a property names the place data goes to (or comes from); paths/places.ts reads the first. */
export type Format =
  | PlaceFormat
  /** A host reached through the stack's links (an IP or CIDR): private, or in the egress allowlist. */
  | "ip"
  /** A remote site's address (a customer gateway): inside only when the egress allowlist holds it. */
  | "site-ip"
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
  /** For `flag`: `token` compares `values` ignoring case, `_` and `-` (`oss_acc` is `ossAcc`). */
  readonly normalize?: "token";
  /** For `flag` and `anywhere-cidr`: how the far side is named in the path. */
  readonly farSide?: string;
  /** For `flag`: the far side is a global place, named `<farSide> (global, outside <J>)`. */
  readonly global?: boolean;
  /** For `ref`: what the value names. */
  readonly ref?: RefKindName;
  /**
   * For `ref`: the sibling (relative to the same holder) that places the far end when the name
   * resolves to nothing of the stack — an OSS replication rule's `location`. A name of the stack
   * is judged by where that resource lies whatever the sibling says; a name of nothing fails
   * closed only when the sibling is absent or not known yet.
   */
  readonly fallback?: string;
  /** An absent value cannot be placed (instead of meaning "the resource's own region"). */
  readonly required?: boolean;
  /**
   * The field applies only when this holds of the resource's inputs (an API integration's `uri`
   * is an external URL only for HTTP integrations that do not go through a VPC link).
   */
  readonly when?: (props: Readonly<Record<string, unknown>>) => boolean;
  /**
   * Each value applies only when the object holding it satisfies this: an EventBridge target's
   * `endpoint` is a URL only for HTTP targets, the ARN of a cloud resource for the others.
   */
  readonly where?: (holder: unknown) => boolean;
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

/** How an account that is not the stack's own is named at the far end of a path. */
export function foreignAccountPlace(account: string, own: readonly string[]): string {
  return own.length > 0
    ? `account ${account} (not this stack's account ${own.join(", ")})`
    : `account ${account} (the provider pins no account, so it cannot be checked)`;
}

/** What a located value means for a resource policy: inside, outside (named), or unplaceable. */
function outcomeOf(j: Jurisdiction, at: Located): Outcome {
  switch (at.kind) {
    case "own":
      return inside;
    case "region":
      return regionOutcome(j, at.cloud, at.raw, at.region);
    case "partition":
      return { kind: "outside", place: `${at.raw} (partition ${at.partition}, outside ${j.id})` };
    case "unplaceable":
      return unplaceable(at.raw, at.why);
  }
}

/** Decides one ARN: its partition must be one of the jurisdiction's, its region inside. */
export function arnOutcome(j: Jurisdiction, arn: string): Outcome {
  return outcomeOf(j, locate(j, "arn", arn, "aws"));
}

/**
 * A host (`ip`) is inside when private or allowlisted; a site (`site-ip`) only when allowlisted —
 * its private address says it sits behind a line the stack does not show, not where it is.
 */
function ipOutcome(
  allowlist: readonly EgressAllowEntry[],
  raw: string,
  format: "ip" | "site-ip" = "ip",
): Outcome {
  if (!parseCidr(raw)) {
    return unplaceable(raw, "which is not an IP address");
  }
  const reach = reachOfAddress(raw, allowlist);
  if (reach.kind === "allowlisted" || (reach.kind === "private" && format === "ip")) {
    return inside;
  }
  return reach.kind === "private"
    ? { kind: "outside", place: `${raw} (private address of a site the pack cannot place)` }
    : unplaceable(raw, "which is not private and not in the egress allowlist");
}

/** Decides one value of a field that the resource alone can decide. */
function decide(field: FlowField, value: unknown, subject: Subject, ctx: PolicyContext): Outcome {
  const j = ctx.jurisdiction;
  if (isUnknown(value)) {
    return { kind: "unknown" };
  }
  if (field.format === "flag") {
    if (!flagOpens(field, value)) {
      return inside;
    }
    const far = field.farSide ?? JSON.stringify(value);
    return { kind: "outside", place: field.global ? globalPlaceLabel(j, far) : far };
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
    case "oss-location":
    case "endpoint":
    case "arn":
    case "arn-or-id":
    case "service-name":
    case "access-point":
      return outcomeOf(j, locate(j, field.format, value, cloud));
    case "ip":
    case "site-ip": {
      // Alibaba takes several addresses as one comma-separated string (a DHCP options set's, a
      // Kafka bootstrap list's `<ip>:<port>` entries, judged by their address).
      const format = field.format;
      const outcomes = value
        .split(",")
        .map((v) => v.trim().replace(/^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/, "$1"))
        .map((v) => ipOutcome(ctx.settings.egressAllowlist, v, format));
      return outcomes.find((o) => o.kind !== "inside") ?? inside;
    }
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
      return { kind: "outside", place: foreignAccountPlace(value, own) };
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
    model.fields.filter((f) => f.format === "ref" && f.fallback).map((f) => f.fallback),
  );
  for (const field of model.fields) {
    if (field.format === "ref" || (field.when && !field.when(subject.props))) {
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
      if (field.where && !field.where(hit.holder)) {
        continue;
      }
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

/** Where a named target lies: its region, or inside when its own rows judge where it lies. */
function placeOfTarget(kind: RefKind, r: PolicyResource, j: Jurisdiction): Outcome {
  return kind.judgedByTarget ? inside : placeOfResource(r, j);
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

/** `an S3 bucket`, `an OSS bucket`, `a KMS key`: acronyms read by their letters. */
function withArticle(noun: string): string {
  return /^([aeiou]|S3|SLS)/i.test(noun) ? `an ${noun}` : `a ${noun}`;
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
          if (field.format !== "ref" || !field.ref || (field.when && !field.when(r.props))) {
            continue;
          }
          const kind: RefKind = refKinds[field.ref];
          for (const hit of valuesAt(r.props, field.path)) {
            if (field.where && !field.where(hit.holder)) {
              continue;
            }
            // A name of nothing in the stack is placed by the fallback sibling when it is known.
            const placedElse =
              field.fallback !== undefined && siblingKnown(hit.holder, field.fallback);
            let outcome: Outcome;
            if (isUnknown(hit.value)) {
              const candidates = dependencyTargets(r, field.path, kind);
              outcome =
                candidates.length > 0
                  ? worstOf(candidates.map((c) => placeOfTarget(kind, c, j)))
                  : placedElse
                    ? inside
                    : { kind: "unknown" };
            } else if (typeof hit.value !== "string") {
              outcome = placedElse
                ? inside
                : unplaceable(hit.value, `which is not ${withArticle(kind.noun)} name`);
            } else if (arnRegion(hit.value)) {
              // A regional ARN (a log group, a stream) places itself.
              outcome = arnOutcome(j, hit.value);
            } else {
              // By name first; else through the resources the value was computed from (IDs are
              // not among the outputs every engine reports).
              const target = resolveRef(kind, hit.value, args.resources, r.urn);
              const candidates = target
                ? [target]
                : uncontradicted(dependencyTargets(r, field.path, kind), kind);
              outcome =
                candidates.length > 0
                  ? worstOf(candidates.map((c) => placeOfTarget(kind, c, j)))
                  : placedElse
                    ? inside
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
  // Every value is read: one plain copy is cheaper than the runtime proxy's checks at each.
  for (const hit of stringsIn(plainValue(props))) {
    const arn = hit.value;
    if (!isUnknown(arn) && !(/^(arn|acs):/.test(arn as string) && accept(arn as string))) {
      continue;
    }
    if (!skipped.has(modelPath(hit.path))) {
      out.push({ path: hit.path, arn: isUnknown(arn) ? unknown : (arn as string) });
    }
  }
  return out;
}

/** The kinds of place the generic reader finds by a property's name rather than by its value. */
export type NamedPlaceKind = Extract<PlaceKind, "region" | "zone" | "endpoint" | "image">;

/** One value at a property whose name marks it as naming a place of `kind`. */
export interface NamedPlaceReference {
  readonly path: string;
  readonly kind: NamedPlaceKind;
  readonly value: string;
}

/**
 * Keys under which values name nothing the resource reaches: maps of the user's own words
 * (`tags`, Kubernetes `labels` and `annotations` — a tag `region: eu-west-1` is a label, not a
 * destination), the `Condition` of a policy document, which narrows when a grant applies
 * (`aws:RequestedRegion`) and sends nothing anywhere, and an `exclude` list, which names the
 * places a setting leaves out (S3 Storage Lens `exclude.regions`).
 */
const wordsNotPlaces: ReadonlySet<string> = new Set([
  "tags",
  "tagsAll",
  "labels",
  "annotations",
  "Condition",
  "exclude",
]);

/**
 * Every string in a resource's props held by a property whose name the place rules
 * (inventory/place-rules.ts, the rules the type inventory marks properties by) read as one of
 * `kinds` — the property's own name, or the key of a map or of a JSON document held as text
 * (an ECS container definition's `awslogs-region`). Array elements take their array's name.
 * Left out: the paths a flow model of the type decides (`skip`), the paths the rules list as
 * not places, values under `wordsNotPlaces`, and values unknown at preview — outputs of this
 * program's resources, which the placement policies check where they are created.
 */
export function namedPlaceReferences(
  type: string,
  props: Record<string, unknown>,
  kinds: readonly NamedPlaceKind[],
  skip: ReadonlyMap<string, ReadonlySet<string>>,
): NamedPlaceReference[] {
  const provider = type.split(":")[0];
  const skipped = skip.get(type) ?? new Set<string>();
  const out: NamedPlaceReference[] = [];
  const plain = plainValue(props);
  for (const { path, value, name } of stringsIn(plain, "", (key) => wordsNotPlaces.has(key))) {
    if (typeof value !== "string" || value === "" || name === undefined) {
      continue;
    }
    const kind = placeRuleOf(name, provider)?.kind;
    if (kind === undefined || !(kinds as readonly PlaceKind[]).includes(kind)) {
      continue;
    }
    const at = modelPath(path);
    if (!skipped.has(at) && notAPlace(at) === undefined) {
      out.push({ path, kind: kind as NamedPlaceKind, value });
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
