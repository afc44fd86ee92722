/**
 * Name resolution: a destination a row's `ref` field gives as another resource's name — a bucket,
 * an SLS project, a global cluster — lies where that resource lies. The per-resource views leave
 * such values to this stack policy, the one place that sees every resource of the program at once;
 * a name that matches no resource of the program cannot be placed and fails closed, unless the
 * field's `fallback` sibling places the far end.
 */
import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { holdsAwsPartition, type Jurisdiction } from "../../residency/jurisdictions";
import { arnPartition, arnRegion, cloudOf, providerHosted } from "../../residency/placement";
import { locate } from "./places";
import {
  type Finding,
  type PolicyContext,
  type PolicyMeta,
  residencyStackPolicy,
} from "../framework";
import { resourceLabel } from "./describe";
import { fallbackField, formOf, sourceLabel } from "./fields";
import type { BorderResource, FieldSpec, PolicyName, TypeModel, TypeTable } from "./model";
import {
  arnOutcome,
  decidedPaths,
  type DeclaredPaths,
  outcomeOf,
  type PlaceOutcome,
} from "./references";
import { wordsOf } from "../inventory/place-rules";
import arnInputsJson from "../review/arn-inputs.json";
import { reviewedReading, reviews } from "../review/readings";
import {
  dependencyTargets,
  heldPartitionOfBucketName,
  placementOfResource,
  type RefKind,
  refKinds,
  resolveRef,
  uncontradicted,
  worstOf,
} from "./resolver";
import { byType } from "./types";
import { unknownDestinationOf } from "./types/log-readers";
import { lokiStackFindings } from "./loki-stacks";
import { meshHostFindings, stackPlacers, stackReaders } from "./mesh-hosts";
import { pushSecretFindings } from "./push-secrets";
import { fromPolicyResources, isUnknown, known, valueAt, valuesAt } from "./values";
import { crossingFinding, fixOf, ownPlace } from "./views";

/** What a name resolves to: a place, or not known at preview (the name, or its target's region). */
type Resolved = PlaceOutcome | { readonly kind: "unknown"; readonly target?: string };

const inside: Resolved = { kind: "inside" };

/**
 * Where a resource of the stack sits, for name resolution; `named` says what is there (a bucket
 * by the name a resource gives it, in that resource's region), the resource itself by default.
 */
function placeOfResource(r: PolicyResource, j: Jurisdiction, named?: string): Resolved {
  const region = placementOfResource(r);
  if (isUnknown(region)) {
    return { kind: "unknown", target: resourceLabel(r.type, r.name) };
  }
  if (region.kind !== "region") {
    return {
      kind: "unplaceable",
      raw: JSON.stringify(r.name),
      why: `whose region cannot be determined (${region.reason ?? region.kind})`,
    };
  }
  return outcomeOf(j, {
    kind: "region",
    cloud: region.cloud,
    region: region.region,
    raw: `${named ?? resourceLabel(r.type, r.name)} in ${region.region}`,
  });
}

/** Where a named target lies: its region, or inside when its own rows judge where it lies. */
function placeOfTarget(kind: RefKind, r: PolicyResource, j: Jurisdiction): Resolved {
  return kind.judgedByTarget ? inside : placeOfResource(r, j);
}

/**
 * Where a value built from several resources of the stack points: the worst of their places.
 * When that is a region not known at preview, it names every candidate whose region is not known
 * (`lambda function url "api" or s3 bucket "site"`): which of them the value came from, the
 * property's dependencies do not say.
 */
function worstTarget(
  kind: RefKind,
  candidates: readonly PolicyResource[],
  j: Jurisdiction,
): Resolved {
  const places = candidates.map((c) => placeOfTarget(kind, c, j));
  const worst = worstOf(places);
  if (worst.kind !== "unknown") {
    return worst;
  }
  const targets = [
    ...new Set(
      places.flatMap((p) => (p.kind === "unknown" && p.target !== undefined ? [p.target] : [])),
    ),
  ];
  return targets.length > 1
    ? {
        kind: "unknown",
        target: `${targets.slice(0, -1).join(", ")} or ${targets[targets.length - 1]}`,
      }
    : worst;
}

/** `an S3 bucket`, `an OSS bucket`, `a KMS key`: acronyms read by their letters. */
function withArticle(noun: string): string {
  return /^([aeiou]|S3|SLS)/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}

function siblingKnown(holder: unknown, path: string): boolean {
  const v = known(() => valueAt(holder, path));
  return v !== undefined && !isUnknown(v);
}

/**
 * Whether the fallback sibling of a `ref` field, a field of the row in its own right, places the
 * far end outside the jurisdiction by itself: the row's policy then reports that value over the
 * resource alone (an OSS replication rule's `destination.location` abroad), and the name beside
 * it names the same crossing, which is reported once.
 */
function fallbackReportsOutside(
  model: TypeModel,
  field: FieldSpec,
  holder: unknown,
  r: PolicyResource,
  j: Jurisdiction,
): boolean {
  const leaf = field.fallback;
  if (leaf === undefined) {
    return false;
  }
  const declared = fallbackField(model, leaf);
  if (
    declared === undefined ||
    declared.where !== undefined ||
    (declared.when !== undefined && known(() => declared.when!(r.props, j)) !== true) ||
    !(["region", "oss-location", "endpoint"] as const).some((f) => f === declared.format)
  ) {
    return false;
  }
  const value = known(() => valueAt(holder, leaf));
  if (typeof value !== "string" || value === "") {
    return false;
  }
  const cloud = declared.cloud ?? cloudOf(r.type) ?? "alicloud";
  const format = declared.format as "region" | "oss-location" | "endpoint";
  return outcomeOf(j, locate(j, format, value, cloud)).kind === "outside";
}

/** The region a resource is created in, where it is known at preview. */
function awsRegionOf(r: PolicyResource): { cloud: string; region: string } | undefined {
  const region = placementOfResource(r);
  return !isUnknown(region) && region.kind === "region" ? region : undefined;
}

/** Where one value of a `ref` field points, resolved against the stack's resources. */
function resolve(
  model: TypeModel,
  field: FieldSpec,
  kind: RefKind,
  hit: { readonly value: unknown; readonly holder: unknown },
  r: PolicyResource,
  resources: readonly PolicyResource[],
  j: Jurisdiction,
): Resolved {
  if (fallbackReportsOutside(model, field, hit.holder, r, j)) {
    return inside;
  }
  // A name of nothing in the stack is placed by the fallback sibling when it is known.
  const placedElse = field.fallback !== undefined && siblingKnown(hit.holder, field.fallback);
  if (isUnknown(hit.value)) {
    const candidates = dependencyTargets(r, field.path, kind, resources);
    return candidates.length > 0
      ? worstTarget(kind, candidates, j)
      : placedElse
        ? inside
        : { kind: "unknown" };
  }
  if (typeof hit.value !== "string") {
    return placedElse
      ? inside
      : {
          kind: "unplaceable",
          raw: JSON.stringify(hit.value),
          why: `which is not ${withArticle(kind.noun)} name`,
        };
  }
  if (arnRegion(hit.value) && !kind.judgedByTarget) {
    // A regional ARN (a log group, a stream) places itself; not a target judged by its own rows
    // (an API destination), whose region says nothing of where it sends the data.
    return arnOutcome(j, hit.value);
  }
  // By name first (or by what a form of it names: a bucket's own domain, its bucket); else
  // through the resources the value was computed from that report none of the kind's keys (a
  // provider of another package may leave its `id` out of the outputs).
  const form = formOf(field, hit.value);
  const target = form
    ? resolveRef(refKinds[form.kind], form.value, resources, r.urn)
    : resolveRef(kind, hit.value, resources, r.urn);
  const candidates = target
    ? [target]
    : uncontradicted(dependencyTargets(r, field.path, kind, resources), kind);
  if (candidates.length > 0) {
    return worstTarget(kind, candidates, j);
  }
  // An ARN of a partition whose every region the jurisdiction holds (the China partition under
  // CN) lies inside wherever the resource it names is.
  const partition = arnPartition(hit.value);
  if (field.sameRegion === true && partition === undefined) {
    // The service takes no destination of another region: it lies where the resource does.
    return placeOfResource(r, j, JSON.stringify(hit.value));
  }
  if (
    placedElse ||
    (partition !== undefined && holdsAwsPartition(j, partition) && !kind.judgedByTarget) ||
    heldPartitionOfBucketName(kind, hit.value, awsRegionOf(r), j) !== undefined
  ) {
    return inside;
  }
  if (partition !== undefined && !j.awsPartitions.includes(partition)) {
    // …and one of a partition the jurisdiction holds no region of (`arn:aws:s3:::…` under CN)
    // lies outside, wherever in that partition the resource is.
    return arnOutcome(j, hit.value);
  }
  return {
    kind: "unplaceable",
    raw: JSON.stringify(hit.value),
    why: `${withArticle(kind.noun)} this program does not create, so ${kind.unchecked ?? "its region"} cannot be checked`,
  };
}

/** Per type, the input paths the place rules mark as ARNs (written by `npm run inventory`). */
const arnInputs = arnInputsJson as Readonly<Record<string, readonly string[]>>;

/**
 * Words of ARN inputs that name what holds none of the stack's data and sends it nowhere: a
 * permission (a role, a policy, a grant's source), a certificate, a filter (a web ACL), a key
 * (key-locality's, which AWS services take only in their own region), a secret or layer read in,
 * an event source read from. A lookup's answer there is no destination, so it is not failed.
 */
const holdsNoData: ReadonlySet<string> = new Set([
  ...["role", "policy", "permission", "source", "certificate", "cert", "acl", "kms", "key"],
  ...["secret", "layer", "profile", "signing", "image", "credential", "balancer"],
]);

/** A word without its plural `s` (`groups`, `secrets`, `credentials`; not `access`, `kms`). */
const singular = (w: string) =>
  w.length > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w;

/**
 * The words that say what an input names: its own name's, and where that is only `arn` or `id`
 * (`iamInstanceProfile.arn`, `forward.targetGroups[].arn`) its holder's too.
 */
function inputWords(path: string): string[] {
  const segments = path.split(".").map((p) => p.replace(/\[\]$/, ""));
  const own = wordsOf(segments.at(-1) ?? path).map(singular);
  const generic = own.every((w) => ["arn", "id"].includes(w));
  return generic && segments.length > 1
    ? [...wordsOf(segments.at(-2) ?? "").map(singular), ...own]
    : own;
}

/**
 * Resources of types that are no destination of data — roles and policies, keys, certificates,
 * security groups, subnets and networks (not a load balancer, which is one: a CDN's origin).
 * Among the resources a value was computed from (an IoT action's role beside its queue, a
 * connector's security groups beside its brokers) they do not provide the destination, and a
 * value computed only from them and a lookup is the lookup's.
 */
function providesNoDestination(type: string): boolean {
  const [, module = ""] = /^[^:]+:([^/:]+)/.exec(type) ?? [];
  const words = wordsOf(type.split(":").at(-1) ?? type).map(singular);
  return (
    module === "iam" ||
    words.some((w) => noDestinationTypes.has(w)) ||
    (words.includes("security") && words.includes("group"))
  );
}

/** Words of resource types that hold and receive no data (`providesNoDestination`). */
const noDestinationTypes: ReadonlySet<string> = new Set([
  ...["role", "policy", "permission", "certificate", "acl", "kms", "key", "secret", "layer"],
  ...["profile", "signing", "credential", "subnet", "vpc"],
]);

/**
 * A condition on a resource's inputs (`knownAt`'s: the protocol that makes a value a destination),
 * given the element that holds the value where the condition is the element's (a rule's status).
 */
type Holds = (props: Readonly<Record<string, unknown>>, holder?: unknown) => boolean;

/** An input where data goes, as the stack judges it when its value is not known at preview. */
interface Destination {
  readonly path: string;
  /** What it holds, for messages: an ARN by the inventory, else by the fields that read it. */
  readonly arn: boolean;
  /**
   * The fields that read it; a gated one (`knownAt`) only under its condition, and then the input
   * is a destination when one gate's holds (an SNS subscription's endpoint is a queue's ARN under
   * `sqs`, a URL under `https`); an ARN input no field gates always is.
   */
  readonly readers: ReadonlyArray<{
    readonly format: string;
    readonly gated: boolean;
    readonly holds?: Holds;
  }>;
}

/**
 * Per type, the inputs where data goes whose value, not known at preview, only the stack can
 * judge: the inputs the inventory marks as ARNs, but not where a row decides the place (its own
 * finding), where the reviews read the input as naming only the resource's own region or no
 * place, where the input holds no data (`holdsNoData`), nor a load balancer's target group (AWS
 * takes one only in the service's own region); and the destinations rows read only once known.
 * Decided once per type.
 */
const liveArnInputs = new Map<string, readonly Destination[]>();
let decided: Map<string, DeclaredPaths> | undefined;

function arnDestinationsOf(type: string): readonly Destination[] {
  const cached = liveArnInputs.get(type);
  if (cached !== undefined) {
    return cached;
  }
  decided ??= decidedPaths(byType);
  const provider = type.split(":")[0];
  const inventoried = Object.hasOwn(arnInputs, type) ? arnInputs[type] : [];
  const live = inventoried.filter((path) => {
    const words = inputWords(path);
    return !(
      words.some((w) => holdsNoData.has(w)) ||
      // Identity Center's instance (`arn:aws:sso:::instance/…`) names no region and holds no data.
      (type.startsWith("aws:ssoadmin/") && words.includes("instance")) ||
      (words.includes("target") && words.includes("group")) ||
      decided?.get(type)?.has(path) === true ||
      // A grantee the row's grant field judges (an endpoint service's allowed principal): one
      // not known at preview is that field's undecided grant, not a destination to fail closed.
      (byType[type]?.fields ?? []).some((f) => f.format === "grants" && f.path === path) ||
      ["own-place", "not-a-place"].includes(
        reviewedReading(type, path, reviews[provider], type in byType)?.reading ?? "",
      )
    );
  });
  // …and the destinations a row reads only once known (`knownAt`): a queue's URL, a host, an ARN
  // behind a protocol. The condition each carries is read per resource (`holdsAt`).
  const fields = byType[type]?.fields ?? [];
  // The path each gate reads (a judged field's may lie below the field's own: `functionArgs`,
  // gated on `functionArgs[].argValue`).
  const gatedPath = (f: FieldSpec) => unknownDestinationOf(f.when)?.path;
  const skipped = fields.flatMap((f) => gatedPath(f) ?? []);
  const destinations = [...new Set([...live, ...skipped])].map((path): Destination => {
    const at = fields.filter((f) => (gatedPath(f) ?? f.path) === path);
    return {
      path,
      arn: inventoried.includes(path),
      readers: at.map((f) => {
        const gate = unknownDestinationOf(f.when);
        return { format: f.format, gated: gate !== undefined, holds: gate?.holds };
      }),
    };
  });
  liveArnInputs.set(type, destinations);
  return destinations;
}

/** The condition holds for these inputs (none is no condition), at the value `holder` holds. */
const holdsFor = (
  holds: Holds | undefined,
  props: Readonly<Record<string, unknown>>,
  holder?: unknown,
) => holds === undefined || known(() => holds(props, holder)) === true;

/**
 * What the input holds: an ARN where the inventory or the row reads one, an address (a URL, an
 * endpoint, a host) where the row reads one, else a value (a definition whose contents the row
 * reads: an OpenAPI body).
 */
function nounOf(
  d: Destination,
  props: Readonly<Record<string, unknown>>,
): "ARN" | "address" | "value" {
  if (d.arn) {
    return "ARN";
  }
  // The fields that read it here (an SNS subscription's endpoint is an ARN under `sqs`).
  const formats = d.readers.filter((f) => holdsFor(f.holds, props)).map((f) => f.format);
  return formats.some((f) => ["url", "image", "endpoint", "ip", "site-ip"].includes(f))
    ? "address"
    : formats.some((f) => ["arn", "arn-or-id", "ref"].includes(f))
      ? "ARN"
      : "value";
}

/**
 * Whether the input is a destination of this resource: always for an ARN input; for a path rows
 * read only once known (`knownAt`), when the condition of one of them holds.
 */
function holdsAt(
  d: Destination,
  props: Readonly<Record<string, unknown>>,
  holder?: unknown,
): boolean {
  const gates = d.readers.filter((f) => f.gated);
  return gates.length === 0 || gates.some((f) => holdsFor(f.holds, props, holder));
}

/**
 * The ARNs a resource's inputs name where data goes (`arnDestinationsOf`) that are not known at
 * preview and that no resource of the program provides — a lookup's answer, another stack's
 * output: where they point cannot be checked, so they fail closed (a value computed from a
 * resource of the program is judged on that resource).
 */
function unknownArnFindings(
  r: BorderResource,
  typeOf: ReadonlyMap<string, string>,
): Array<{ message: string; path: string[] }> {
  const label = resourceLabel(r.type, r.name);
  const out: Array<{ message: string; path: string[] }> = [];
  for (const d of arnDestinationsOf(r.type)) {
    for (const hit of valuesAt(r.props, d.path)) {
      if (!isUnknown(hit.value) || !holdsAt(d, r.props, hit.holder)) {
        continue;
      }
      const top = hit.path.split(/[.[]/)[0];
      const fromProgram = (r.propertyDependencies[top] ?? []).some((u) => {
        const type = typeOf.get(u);
        return (
          type !== undefined &&
          type !== "pulumi:pulumi:StackReference" &&
          !providesNoDestination(type)
        );
      });
      if (!fromProgram) {
        const noun = nounOf(d, r.props);
        out.push({
          message: `${label} must name a place the pack can check, but ${hit.path} is not known at preview, so where the ${noun} points cannot be checked: no resource of this program provides it (it is a lookup's answer or another stack's output). Name a resource of this program (its output), or write the ${noun} as a literal.`,
          path: [label, `${hit.path} (unknown at preview)`],
        });
      }
    }
  }
  return out;
}

/**
 * A provider of a package whose resources live on the machine it talks to (a PostgreSQL server,
 * a Docker daemon) whose host is not known at preview: computed from a resource of the program
 * (an RDS instance's address), the machine lies where that resource does; computed from nothing
 * of the program (a lookup's answer, another stack's output), it cannot be placed.
 */
function hostFromResources(
  r: PolicyResource,
  resources: readonly PolicyResource[],
  j: Jurisdiction,
): { message: string; path: string[] } | undefined {
  const setting = r.type.startsWith("pulumi:providers:")
    ? providerHosted[r.type.slice("pulumi:providers:".length)]
    : undefined;
  if (setting === undefined || !isUnknown(known(() => r.props[setting.key]))) {
    return undefined;
  }
  const label = resourceLabel(r.type, r.name);
  const servers: RefKind = { noun: setting.server, types: setting.servers, keys: [] };
  const candidates = dependencyTargets(r, setting.key, servers, resources);
  const outcome =
    candidates.length > 0
      ? worstOf(candidates.map((c) => placeOfResource(c, j)))
      : ({ kind: "unknown" } as const);
  const rule = `${label} must connect to a server the pack can place inside ${j.id}`;
  switch (outcome.kind) {
    case "outside":
      return {
        message: `${rule}, but its ${setting.key} is the address of ${outcome.place}. Connect it to a server inside ${j.id}.`,
        path: [label, outcome.place],
      };
    case "unplaceable":
      return {
        message: `${rule}, but its ${setting.key} is the address of ${outcome.raw}, ${outcome.why}.`,
        path: [label, `${outcome.raw} (cannot be placed)`],
      };
    case "unknown":
      return {
        message: `${rule}, but its ${setting.key} is not known at preview and comes from no ${setting.server} of this program, so where the resources it manages live cannot be decided. Set it from a literal, the stack config or such a resource of this program.`,
        path: [label, `${setting.key} (unknown at preview)`],
      };
    default:
      return undefined;
  }
}

/** Per type, the row and its `ref` fields that name a kind of resource. */
function refRows(
  table: TypeTable,
): Map<string, { readonly model: TypeModel; readonly fields: readonly FieldSpec[] }> {
  const out = new Map<string, { model: TypeModel; fields: FieldSpec[] }>();
  for (const [type, model] of Object.entries(table)) {
    // A field of another format that asks for it (`namedWhenUnknown`) names a resource of the
    // stack when its value is not known at preview (what it was computed from says which); a
    // known value is its own.
    const fields = (model.fields ?? []).filter(
      (f) => f.ref !== undefined && (f.format === "ref" || f.namedWhenUnknown === true),
    );
    if (fields.length > 0) {
      out.set(type, { model, fields });
    }
  }
  return out;
}

/**
 * The stack policy that resolves the names the rows of `table` (default: the domain tables)
 * declare: each value of a `ref` field lies where the resource it names lies, and is reported in
 * the words of the field's own policy, from its source (or the resource's place) to that place.
 */
export function namedDestinationsPolicy(
  meta: PolicyMeta & {
    readonly name: PolicyName;
    readonly table?: TypeTable;
    /**
     * Other names a resource gives that only the stack places, each read by a function of the
     * policy that owns their words (a script's copy to a bucket by name, placement.ts).
     */
    readonly readers?: ReadonlyArray<
      (r: PolicyResource, resources: readonly PolicyResource[], ctx: PolicyContext) => Finding[]
    >;
  },
): StackValidationPolicy {
  const { table, readers = [], ...policy } = meta;
  // Read on first use: the tables are made after the policies that read them are declared.
  let rows: ReturnType<typeof refRows> | undefined;
  return residencyStackPolicy({
    ...policy,
    validate: (args, ctx) => {
      rows ??= refRows(table ?? byType);
      const j = ctx.jurisdiction;
      if (table === undefined) {
        const typeOf = new Map(args.resources.map((r) => [r.urn, r.type]));
        // Only the resources of types with ARN inputs where data goes are read as plain values.
        const read = fromPolicyResources(
          args.resources.filter((r) => arnDestinationsOf(r.type).length > 0),
        );
        for (const r of read) {
          for (const f of unknownArnFindings(r, typeOf)) {
            ctx.report({ ...f, urn: r.urn, resourceName: r.name });
          }
        }
      }
      const placers = stackPlacers(args.resources);
      const hostReaders = stackReaders(args.resources);
      for (const r of args.resources) {
        const hosted = hostFromResources(r, args.resources, j);
        if (hosted) {
          ctx.report({ ...hosted, urn: r.urn, resourceName: r.name });
        }
        for (const f of pushSecretFindings(r, args.resources)) {
          ctx.report({ ...f, urn: r.urn, resourceName: r.name });
        }
        for (const f of lokiStackFindings(r, args.resources, ctx.settings.egressAllowlist, j.id)) {
          ctx.report({ ...f, urn: r.urn, resourceName: r.name });
        }
        for (const f of meshHostFindings(
          r,
          placers,
          hostReaders,
          ctx.settings.egressAllowlist,
          j.id,
        )) {
          ctx.report({ ...f, urn: r.urn, resourceName: r.name });
        }
        for (const f of readers.flatMap((read) => read(r, args.resources, ctx))) {
          ctx.report({ ...f, urn: r.urn, resourceName: r.name });
        }
        const row = rows.get(r.type);
        if (!row) {
          continue;
        }
        const label = resourceLabel(r.type, r.name);
        const provider = r.provider
          ? { type: r.provider.type, props: r.provider.props }
          : undefined;
        for (const field of row.fields) {
          if (field.when && !field.when(r.props, j)) {
            continue;
          }
          const kind = refKinds[field.ref!];
          for (const hit of valuesAt(r.props, field.path)) {
            if (field.where && !field.where(hit.holder, { props: r.props, path: hit.path })) {
              continue;
            }
            if (
              field.format !== "ref" &&
              !isUnknown(hit.value) &&
              formOf(field, hit.value) === undefined
            ) {
              // A known value of another format is its own, unless it names a resource by a
              // form of its kind (a bucket's own domain).
              continue;
            }
            // Where the data starts: the resource of the stack the source field was built from,
            // by its name in the program (a bucket's generated name is no name the user wrote);
            // else the value (`sourceLabel` reads only the props, which a runtime resource has).
            const origin = field.source
              ? dependencyTargets(r, field.source.path, refKinds[field.source.ref])[0]
              : undefined;
            const source = origin
              ? resourceLabel(origin.type, origin.name)
              : known(() => sourceLabel(field, r as unknown as BorderResource));
            const f = crossingFinding(
              { path: hit.path, verb: field.verb, inbound: field.inbound },
              resolve(row.model, field, kind, hit, r, args.resources, j),
              {
                label,
                near: (isUnknown(source) ? undefined : source) ?? ownPlace(r, provider, j),
                jurisdiction: j.id,
                fix: field.fix ?? fixOf(row.model, field.policy),
              },
            );
            if (f) {
              ctx.report({ ...f, urn: r.urn, resourceName: r.name });
            }
          }
        }
      }
    },
  });
}
