/**
 * The class of every resource type of the inventory (policy/review/model.ts): derived from the
 * flow tables, policy/reviewed.ts, the inventory's place-naming properties and the providers'
 * reviews. Read by `sovereign-dc coverage` and by the generator of the pack's list of passing
 * types; the pack itself never reads the inventory.
 */
import type { TypeEntry } from "../inventory/sdk";
import { review as alicloud } from "./alicloud";
import { review as aws } from "./aws";
import { review as kubernetes } from "./kubernetes";
import { genericKinds, type ProviderReview, type Reading, type TypeClass } from "./model";

export const reviews: Readonly<Record<string, ProviderReview>> = { alicloud, aws, kubernetes };

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

/** Who reads each place-naming property of `type`. */
export function propertyReadings(
  type: string,
  entry: TypeEntry,
  review: ProviderReview | undefined,
): PropertyReading[] {
  return Object.entries(entry.places).map(([path, kind]) => {
    const generic = genericKinds[kind];
    if (generic !== undefined) {
      return {
        path,
        kind,
        reading: generic,
        reason: `every ${kind} value is placed by ${generic}`,
      };
    }
    const rule = review?.properties.find(
      (p) => p.path.test(path) && (p.types === undefined || p.types.test(type)),
    );
    return rule ? { path, kind, reading: rule.reading, reason: rule.reason } : { path, kind };
  });
}

/** The class of one type, with the reason and the reading of each place-naming property. */
export function classify(type: string, entry: TypeEntry, ctx: ClassifyContext): Classification {
  const provider = type.split(":")[0];
  const review = (ctx.reviews ?? reviews)[provider];
  const properties = propertyReadings(type, entry, review);
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
