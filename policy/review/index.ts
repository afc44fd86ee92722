/**
 * The class of every resource type of the inventory (policy/review/model.ts): derived from the
 * flow tables, policy/reviewed.ts, the inventory's place-naming properties and the providers'
 * reviews. Read by `sovereign-dc coverage` and by the generator of the pack's list of passing
 * types; the pack itself never reads the inventory.
 */
import * as path from "node:path";
import type { Inventory, TypeEntry } from "../inventory/sdk";
import { flowTables } from "../inventory/tables";
import { type DeclaredPaths, decidedPaths, declaredPaths } from "../paths/references";
import { byType } from "../paths/types";
import { reviewed } from "../reviewed";
import { reviewedReading, reviews } from "./readings";
import {
  type ClassesDocument,
  genericKinds,
  type ListedClass,
  listedClasses,
  type ProviderReview,
  type Reading,
  type TypeClass,
} from "./model";

export { reviews };

/** How one place-naming property of a type is read. */
export interface PropertyReading {
  readonly path: string;
  readonly kind: string;
  /** Undefined: nothing reads it (the type is unclassified unless classed as a whole). */
  readonly reading?: Reading;
  readonly reason?: string;
}

export interface Classification {
  readonly class: TypeClass;
  readonly reason: string;
  readonly properties: readonly PropertyReading[];
}

export interface ClassifyContext {
  /** Types of the flow tables. */
  readonly modelled: ReadonlySet<string>;
  /** policy/reviewed.ts: type → group. */
  readonly reviewedGroups: ReadonlyMap<string, string>;
  readonly reviews?: Readonly<Record<string, ProviderReview>>;
}

let declaredByRow: ReadonlyMap<string, DeclaredPaths> | undefined;
let decidedByRows: ReadonlyMap<string, DeclaredPaths> | undefined;
const declared = () => (declaredByRow ??= declaredPaths(byType));
const decided = () => (decidedByRows ??= decidedPaths(byType));

/** Who reads each place-naming property of `type`. */
export function propertyReadings(
  type: string,
  entry: TypeEntry,
  review: ProviderReview | undefined,
  /** Whether the flow tables model the type: its own reviewed readings apply (./flow). */
  flowModelled = false,
): PropertyReading[] {
  return Object.entries(entry.places).map(([path, kind]) => {
    const generic = genericKinds[kind];
    // arn-locality leaves the paths a row decides to the row's policy (its ARNs: the declared
    // fields; its regions and zones: those and what its own readers read), and a region or zone
    // the reviews read as naming no place alone.
    const decidedByRow =
      kind === "arn" ? declared().get(type)?.has(path) : decided().get(type)?.has(path);
    if (generic !== undefined && kind !== "key" && (decidedByRow ?? false)) {
      return { path, kind };
    }
    const rule = reviewedReading(type, path, review, flowModelled);
    // A key is always placed; an ARN too, unless the reviews read its property as naming no
    // place (a Security Hub standard's definition, which AWS keeps in every region).
    if (generic !== undefined && (kind === "key" || rule?.reading !== "not-a-place")) {
      return {
        path,
        kind,
        reading: generic,
        reason: `every ${kind} value is placed by ${generic}`,
      };
    }
    return rule ? { path, kind, reading: rule.reading, reason: rule.reason } : { path, kind };
  });
}

/** The class of one type, with the reason and the reading of each place-naming property. */
export function classify(type: string, entry: TypeEntry, ctx: ClassifyContext): Classification {
  const provider = type.split(":")[0];
  const review = (ctx.reviews ?? reviews)[provider];
  const properties = propertyReadings(type, entry, review, ctx.modelled.has(type));
  if (ctx.modelled.has(type)) {
    return {
      class: "flow-modelled",
      reason: "its data paths are edges of the flow tables",
      properties,
    };
  }
  const group = ctx.reviewedGroups.get(type);
  if (group !== undefined) {
    return { class: "reviewed", reason: `policy/reviewed.ts, group ${group}`, properties };
  }
  const classed = review?.types.find((t) => t.types.includes(type));
  if (classed) {
    return { class: classed.class, reason: classed.reason, properties };
  }
  const first = review?.reviewFirst.find((r) => type.startsWith(r.prefix));
  if (first) {
    return { class: "unclassified", reason: `to be reviewed first: ${first.reason}`, properties };
  }
  const unread = properties.filter((p) => p.reading === undefined);
  if (unread.length > 0) {
    return {
      class: "unclassified",
      reason: `no check reads ${unread.map((p) => p.path).join(", ")}`,
      properties,
    };
  }
  return {
    class: "regional",
    reason:
      properties.length === 0
        ? "no input names a place: the provider's region places it (resource-placement)"
        : "every place-naming input is read by a check, or names no place",
    properties,
  };
}

/** The context of the product: the flow tables, policy/reviewed.ts and the providers' reviews. */
export function productContext(): ClassifyContext {
  const reviewedGroups = new Map<string, string>();
  for (const [group, types] of Object.entries(reviewed)) {
    for (const t of types) {
      reviewedGroups.set(t, group);
    }
  }
  return { modelled: new Set(flowTables().flatMap((t) => t.types)), reviewedGroups, reviews };
}

/** The class of every type of the inventory, in its token order. */
export function classifyInventory(
  inv: Inventory,
  ctx: ClassifyContext = productContext(),
): Map<string, Classification> {
  return new Map(Object.entries(inv.types).map(([t, e]) => [t, classify(t, e, ctx)]));
}

/**
 * The pack's list (policy/review/classes.json): every type not flow-modelled nor reviewed, by
 * class and reason, types sorted within a reason and reasons sorted within a class.
 */
export function classesDocument(
  inv: Inventory,
  classes: ReadonlyMap<string, Classification> = classifyInventory(inv),
): ClassesDocument {
  const grouped = Object.fromEntries(
    listedClasses.map((c) => [c, new Map<string, string[]>()]),
  ) as Record<ListedClass, Map<string, string[]>>;
  for (const [type, c] of [...classes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (c.class === "flow-modelled" || c.class === "reviewed") {
      continue;
    }
    const byReason = grouped[c.class];
    byReason.set(c.reason, [...(byReason.get(c.reason) ?? []), type]);
  }
  const sorted = (m: Map<string, string[]>) =>
    Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    sdks: { ...inv.sdks },
    classes: Object.fromEntries(listedClasses.map((c) => [c, sorted(grouped[c])])) as Record<
      ListedClass,
      Record<string, string[]>
    >,
  };
}

/** Where the pack's list is committed. */
export const classesFile = path.join(__dirname, "classes.json");
