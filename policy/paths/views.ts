/**
 * Every named policy as a view of the one data-flow model. A per-resource view compiles the
 * resource's row locally — over a resolver that holds only the resource and its provider, the
 * same compiler the graph runs — and reports each value of a field its policy owns that the
 * resource alone shows to leave the jurisdiction, with the path from the near end to the far
 * place. References are left to the stack: only the whole stack can place what they name.
 *
 * `viewedPolicy` moves a policy onto the tables type by type: a type whose row declares fields the
 * policy owns is judged by the view, every other type still by the policy's own code.
 */
import type {
  PolicyProviderResource,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  ReportViolation,
  StackValidationPolicy,
} from "@pulumi/policy";
import type { Jurisdiction } from "../../residency/jurisdictions";
import { describePlace, placementOf, type ProviderView } from "../../residency/placement";
import {
  type Finding,
  type PolicyContext,
  type PolicyMeta,
  residencyResourcePolicy,
} from "../framework";
import { resourceLabel } from "./describe";
import { compileField, type Compiled, type Outcome, sourceLabel } from "./fields";
import { type DestinationField, destinationSubject, destinationWords } from "./kubernetes";
import type { BorderResource, FieldSpec, PolicyName, TypeModel, TypeTable } from "./model";
import { Resolver } from "./resolver";
import { byType } from "./types";
import { isUnknown, known, plainValue } from "./values";

/** The fix a row appends for one of its policies. */
export function fixOf(model: TypeModel, policy: PolicyName): string {
  return typeof model.fix === "string" ? model.fix : (model.fix[policy] ?? "");
}

/** What a per-resource view receives: the CrossGuard resource, or a resource of the graph. */
export interface ViewSubject {
  readonly type: string;
  readonly name: string;
  readonly urn?: string;
  readonly props: Readonly<Record<string, unknown>>;
  readonly provider?: Pick<PolicyProviderResource, "type" | "name" | "urn" | "props">;
}

/** What a view reads of the pack's context: the jurisdiction and the settings. */
export type ViewContext = Pick<PolicyContext, "jurisdiction" | "settings">;

/** The resource and its provider as the graph sees them, with plain values. */
function localResources(s: ViewSubject): { r: BorderResource; all: BorderResource[] } {
  const urn = s.urn ?? `urn:view::${s.type}::${s.name}`;
  const provider: BorderResource | undefined = s.provider
    ? {
        urn: s.provider.urn,
        type: s.provider.type,
        name: s.provider.name,
        props: plainValue(s.provider.props) as Record<string, unknown>,
        dependencies: [],
        propertyDependencies: {},
        protect: false,
      }
    : undefined;
  const r: BorderResource = {
    urn,
    type: s.type,
    name: s.name,
    props: plainValue(s.props) as Record<string, unknown>,
    provider: provider?.urn,
    dependencies: [],
    propertyDependencies: {},
    protect: false,
  };
  return { r, all: provider ? [r, provider] : [r] };
}

/** The subject and a resolver over it and its provider alone, with the pack's settings. */
function localScope(subject: ViewSubject, ctx: ViewContext): { r: BorderResource; x: Resolver } {
  const { r, all } = localResources(subject);
  const { egressAllowlist, accountIds, standInAccount, directConnectLocations } = ctx.settings;
  return {
    r,
    x: new Resolver(
      all,
      ctx.jurisdiction,
      egressAllowlist,
      [],
      accountIds ?? [],
      standInAccount,
      directConnectLocations ?? [],
    ),
  };
}

/**
 * `cn-shanghai (inside CN)`: where the resource itself sits, for the near end of a path. Only the
 * region settings are read, so an output unknown at preview elsewhere in the props does not matter.
 */
export function ownPlace(
  r: Pick<BorderResource, "type" | "props">,
  provider: ProviderView | undefined,
  j: Jurisdiction,
): string {
  const p = known(() => placementOf(r.type, r.props, provider));
  if (isUnknown(p)) {
    return "a region not known at preview";
  }
  if (p.kind === "region") {
    return describePlace(j, p.cloud, p.region);
  }
  return p.kind === "global"
    ? "a global service"
    : p.kind === "provider"
      ? p.near
      : p.kind === "cluster"
        ? // Placed where its cluster is, which kubernetes-cluster-placement judges.
          "its Kubernetes cluster"
        : "an undetermined region";
}

/** How a flow policy's finding names the resource, where its data starts, and the fix. */
export interface FindingWords {
  /** The resource: `oss bucket replication "rule"`. */
  readonly label: string;
  /** Where the data starts: the resource's place, or the source it belongs to. */
  readonly near: string;
  readonly jurisdiction: string;
  readonly fix: string;
}

/**
 * The finding of one value's outcome, from the near end through the resource to the far place
 * (the reverse for an inbound field); undefined when the value stays inside or only the whole
 * stack can place it. Every flow policy says it in these words, the per-resource views and
 * named-destinations alike.
 */
export function crossingFinding(
  at: { readonly path: string; readonly verb: string; readonly inbound?: boolean },
  outcome: Outcome,
  w: FindingWords,
): Finding | undefined {
  const { label, near, jurisdiction: j, fix } = w;
  const hops = (far: string) => (at.inbound ? [far, label, near] : [near, label, far]);
  // Data a resource gathers in (a replica's source, an aggregator's regions, an import) crosses
  // the border as data sent out does; the words say which way it goes.
  const rule = at.inbound
    ? `${label} must take data only from places inside ${j}`
    : `${label} must keep data inside ${j}`;
  switch (outcome.kind) {
    case "inside":
    case "stack":
      return undefined;
    case "outside":
      return {
        message: `${rule}, but ${at.path} ${at.verb} ${outcome.place}. ${fix}`,
        path: hops(outcome.place),
      };
    case "unplaceable":
      return {
        message: `${rule}, but ${at.path} ${at.verb} ${outcome.raw}, ${outcome.why}. ${fix}`,
        path: hops(`${outcome.raw} (cannot be placed)`),
      };
    case "unknown":
      if (outcome.target !== undefined) {
        // The value names a resource of the program; where that resource is, is what waits.
        return {
          message: `${label} must name a place the pack can check, but ${at.path} names ${outcome.target}, whose region is not known before deployment, so whether it leaves ${j} cannot be decided at preview. Pin ${outcome.target} to a literal region (its provider's region argument), or waive the finding after review.`,
          path: hops(`${outcome.target} (region unknown at preview)`),
          undecided: true,
        };
      }
      return {
        message: `${label} must name a place the pack can check, but ${at.path} is not known before deployment (an output of another resource, or the answer of a lookup), so whether it leaves ${j} cannot be decided at preview. Set it from a literal value or a resource of this program, or waive the finding after review.`,
        path: hops(`${at.path} (unknown at preview)`),
        undecided: true,
      };
    case "not-set":
      return {
        message: `${label} must name where it sends data, but ${at.path} is not set, so the pack cannot tell whether it leaves ${j}. ${fix}`,
        path: [near, label, `${at.path} (not set)`],
      };
  }
}

/**
 * Whether a compiled value is reported only because it is not known at preview: its outcome is
 * unknown, or it is placed outside for that alone (a grant's principal). Its finding is then
 * Finding.undecided.
 */
function isUndecided(c: Compiled): boolean {
  return c.outcome.kind === "unknown" || c.undecided === true;
}

const undecidedMark = { undecided: true } as const;

/** The finding of one compiled value, or undefined when the resource alone shows no crossing. */
function findingOf(
  c: Compiled,
  model: TypeModel,
  policy: PolicyName,
  r: BorderResource,
  x: Resolver,
): Finding | undefined {
  const provider = r.provider ? x.get(r.provider) : undefined;
  return crossingFinding(
    { path: c.path, verb: c.field.verb, inbound: c.field.inbound },
    c.outcome,
    {
      label: resourceLabel(r.type, r.name),
      near: sourceLabel(c.field, r) ?? ownPlace(r, provider, x.jurisdiction),
      jurisdiction: x.jurisdiction.id,
      fix: c.field.fix ?? fixOf(model, policy),
    },
  );
}

/**
 * The findings of `policy` on one resource: every value of a field the policy owns that leaves
 * the jurisdiction, decided from the resource alone. A type no row of `table` declares has none.
 */
export function resourceView(
  policy: PolicyName,
  subject: ViewSubject,
  ctx: ViewContext,
  table = byType,
): Finding[] {
  if (policy === "internet-egress") {
    // The edge itself is the finding, in internet-egress's own words.
    return internetView(subject, ctx, table);
  }
  if (policy === "public-exposure") {
    return publicView(subject, ctx, table);
  }
  if (policy === "global-services") {
    return globalView(subject, ctx, table);
  }
  if (policy === "kubernetes-egress") {
    return kubernetesView(subject, ctx, table);
  }
  const model = table[subject.type];
  if (!model?.fields || !owns(table, subject.type, policy)) {
    return [];
  }
  const { r, x } = localScope(subject, ctx);
  const out: Finding[] = [];
  for (const field of model.fields) {
    if (field.policy !== policy) {
      continue;
    }
    if (field.format === "ref" || (field.format === "grants" && policy === "cross-account-links")) {
      // What a reference names is judged over the whole stack (named-destinations); a ref's
      // fallback is a field of its own, judged there. Grants speak their own words (grantView;
      // public ones publicView); a grant that is another policy's act (a snapshot shared by a
      // resource policy) is that policy's crossing.
      continue;
    }
    for (const c of compileField(model, field, r, x)) {
      const f = findingOf(c, model, policy, r, x);
      if (f) {
        out.push(f);
      }
    }
  }
  return out;
}

/** The values of the fields of `formats` that `policy` owns on the subject's row, compiled. */
interface OwnedValues {
  readonly r: BorderResource;
  readonly x: Resolver;
  readonly label: string;
  readonly fix: string;
  readonly values: readonly { readonly field: FieldSpec; readonly c: Compiled }[];
}

/**
 * What the views of one format share: the subject's row, the fields of `formats` that `policy`
 * owns there, each value compiled over the resource and its provider alone; undefined when the
 * row declares none (the policy's own code judges the type then, or nothing does).
 */
function ownedValues(
  subject: ViewSubject,
  ctx: ViewContext,
  table: TypeTable,
  policy: PolicyName,
  formats: readonly FieldSpec["format"][],
): OwnedValues | undefined {
  const model = table[subject.type];
  const fields = (model?.fields ?? []).filter(
    (f) => f.policy === policy && formats.includes(f.format),
  );
  if (!model || fields.length === 0) {
    return undefined;
  }
  const { r, x } = localScope(subject, ctx);
  return {
    r,
    x,
    label: resourceLabel(r.type, r.name),
    fix: fixOf(model, policy),
    values: fields.flatMap((field) => compileField(model, field, r, x).map((c) => ({ field, c }))),
  };
}

/**
 * internet-egress's findings on one resource: every value of an `internet` field of its row that
 * opens an edge to the public internet (or may: not known at preview). The edge itself is the
 * violation, wherever the hosts it reaches are, so the path ends at the internet in any country.
 */
export function internetView(subject: ViewSubject, ctx: ViewContext, table = byType): Finding[] {
  const exit = internetExit(subject, ctx, table);
  if (exit === undefined) {
    return [];
  }
  return exit.reasons.map((reason, i) => ({
    message: `${exit.label} must not open an edge to the internet, but ${reason}. ${exit.fix}`,
    path: [exit.label, "the internet (any country)"],
    ...(exit.undecided[i] ? undecidedMark : {}),
  }));
}

/** One resource's internet exit as internet-egress words it: each opening value, and the fix. */
export interface InternetExit {
  readonly label: string;
  /** "<path> <what>" for each value of an `internet` field that opens (or may open) the edge. */
  readonly reasons: readonly string[];
  /** Per reason: its value is not known at preview, so the edge only may be (Finding.undecided). */
  readonly undecided: readonly boolean[];
  readonly fix: string;
}

/** The resource's internet exit, or undefined when no value of its row opens one. */
export function internetExit(
  subject: ViewSubject,
  ctx: ViewContext,
  table = byType,
): InternetExit | undefined {
  const own = ownedValues(subject, ctx, table, "internet-egress", ["internet"]);
  if (own === undefined || own.values.length === 0) {
    return undefined;
  }
  return {
    label: own.label,
    reasons: own.values.map(({ field, c }) => `${c.path} ${c.what ?? field.verb}`),
    undecided: own.values.map(({ c }) => isUndecided(c)),
    fix: own.fix,
  };
}

/**
 * public-exposure's findings on one resource: every value of a `public` field of its row that
 * makes the resource reachable from anyone on the internet (or may: not known at preview). The
 * declared grant is the finding even where a gate (a public-access block) keeps it shut for now:
 * the grant takes effect the moment the gate goes, so the path starts at the internet.
 */
export function publicView(subject: ViewSubject, ctx: ViewContext, table = byType): Finding[] {
  const own = ownedValues(subject, ctx, table, "public-exposure", ["public", "grants"]);
  if (own === undefined) {
    return [];
  }
  return own.values.map(({ field, c }) => ({
    message: `${own.label} must not be reachable from the internet, but ${c.path} ${c.what ?? field.verb}. ${field.fix ?? own.fix}`,
    path: ["the internet", own.label],
    ...(isUndecided(c) ? undecidedMark : {}),
  }));
}

/**
 * cross-account-links' findings on one resource's grants: every grant of a `grants` field to an
 * account that is not the stack's own, or to an organisation, from the resource's place to that
 * grantee. The data stays where it lies; who may read it is the question.
 */
export function grantView(subject: ViewSubject, ctx: ViewContext, table = byType): Finding[] {
  const own = ownedValues(subject, ctx, table, "cross-account-links", ["grants"]);
  if (own === undefined) {
    return [];
  }
  const provider = own.r.provider ? own.x.get(own.r.provider) : undefined;
  const near = ownPlace(own.r, provider, own.x.jurisdiction);
  return own.values.flatMap(({ field, c }) =>
    c.outcome.kind === "outside"
      ? [
          {
            message: `${own.label} must grant access only to the stack's own account, but ${c.path} ${c.what ?? `${field.verb} ${c.outcome.place}`}. ${field.fix ?? own.fix}`,
            path: [near, own.label, c.outcome.place],
            ...(isUndecided(c) ? undecidedMark : {}),
          },
        ]
      : [],
  );
}

/**
 * global-services' findings on one resource: every value of a `global` field of its row that puts
 * the stack's data on a global edge network (or may: not known at preview), unless the resource
 * lies in a partition confined to the jurisdiction.
 */
export function globalView(subject: ViewSubject, ctx: ViewContext, table = byType): Finding[] {
  const own = ownedValues(subject, ctx, table, "global-services", ["global"]);
  if (own === undefined) {
    return [];
  }
  return own.values
    .filter(({ c }) => c.outcome.kind !== "inside")
    .map(({ field, c }) => ({
      message: `${own.label} must not serve the stack's data from outside ${ctx.jurisdiction.id}, but ${c.path} ${c.what ?? field.verb}. ${field.fix ?? own.fix}`,
      // The network that serves it: CloudFront's edge locations, a vendor's push service.
      path: [own.label, `${field.farSide ?? "edge locations"} outside the jurisdiction`],
      ...(isUndecided(c) ? undecidedMark : {}),
    }));
}

/**
 * kubernetes-egress's findings on one Kubernetes object: every server a `destination` field of its
 * row sends data to outside what the jurisdiction allows (a volume's server, a webhook, a Service
 * endpoint), in the words of the field's kind (paths/kubernetes.ts `destinationWords`). A list or
 * object not known at preview is met by every field under it: it is reported once.
 */
export function kubernetesView(subject: ViewSubject, ctx: ViewContext, table = byType): Finding[] {
  const own = ownedValues(subject, ctx, table, "kubernetes-egress", ["destination"]);
  if (own === undefined) {
    return [];
  }
  const { label } = own;
  const unknownAt = new Set<string>();
  return own.values.flatMap(({ field, c }): Finding[] => {
    const { must, how, fix } = destinationWords(field.server as DestinationField);
    const o = c.outcome;
    if (o.kind === "unknown" && !unknownAt.has(c.path)) {
      unknownAt.add(c.path);
      return [
        {
          message: `${label} must ${must}, but ${destinationSubject(c.path)} is not known at preview, so the servers it may name cannot be checked; where one lies outside, ${how}. ${fix}.`,
          path: [label, `${c.path} (unknown at preview)`],
          undecided: true,
        },
      ];
    }
    return o.kind === "outside"
      ? [
          {
            message: `${label} must ${must}, but ${destinationSubject(c.path)} ${c.what}: ${how}. ${fix}.`,
            path: [label, o.place],
          },
        ]
      : [];
  });
}

/**
 * A named policy judged by the tables alone: the findings of `resourceView` on every resource
 * whose type's row declares fields the policy owns; other types have none.
 */
export function tablePolicy(
  meta: PolicyMeta & { readonly name: PolicyName },
): ResourceValidationPolicy {
  return residencyResourcePolicy({
    ...meta,
    validate: (args, ctx) => {
      for (const f of resourceView(meta.name, args, ctx)) {
        ctx.report(f);
      }
    },
  });
}

/** Whether a row of `table` declares a field `policy` owns: then the view judges the type. */
function owns(table: TypeTable, type: string, policy: string): boolean {
  return table[type]?.fields?.some((f) => f.policy === policy) ?? false;
}

type AnyPolicy = ResourceValidationPolicy | StackValidationPolicy;

/**
 * A named policy judged by the tables for the types whose rows declare fields it owns, and by its
 * own code for the rest: such a resource goes to `resourceView` only, so no type is judged twice. The view's findings go through the pack's reporting (configuration, waivers, paths) like
 * every residency policy's. Stack policies are returned unchanged (their views read the stack).
 */
export function viewedPolicy<P extends AnyPolicy>(p: P, table: TypeTable = byType): P {
  if (!("validateResource" in p) || typeof p.validateResource !== "function") {
    return p;
  }
  const own = p.validateResource;
  const view = residencyResourcePolicy({
    name: p.name,
    description: p.description,
    severity: p.severity ?? "critical",
    remediationSteps: p.remediationSteps ?? "",
    validate: (args, ctx) => {
      for (const f of resourceView(p.name as PolicyName, args, ctx, table)) {
        ctx.report(f);
      }
    },
  }).validateResource as (args: ResourceValidationArgs, report: ReportViolation) => void;
  return {
    ...p,
    validateResource: (args: ResourceValidationArgs, report: ReportViolation) =>
      owns(table, args.type, p.name) ? view(args, report) : own(args, report),
  };
}
