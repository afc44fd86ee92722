/**
 * How the pack classifies every resource type of the providers it knows (issue: every type
 * classified, findings that are signal). The inventory (policy/inventory/sdk-types.jsonl) lists
 * each type's place-naming input properties; a type passes `reviewed-resource-types` when it is
 * flow-modelled, or when every such property is read by a check (or reviewed as naming no place),
 * or when a reviewer classed the type with a reason. Everything else is unclassified and fails
 * closed.
 */
import type { PlaceKind } from "../inventory/place-rules";

/** The classes `sovereign-dc coverage` counts. */
export type TypeClass =
  /** Its data paths are edges of the flow tables. */
  | "flow-modelled"
  /** Listed in policy/reviewed.ts by the check that judges it. */
  | "reviewed"
  /** Every place-naming property is read by a check, or names no place: the region decides. */
  | "regional"
  /** Holds no data and opens no path (tags, attachments inside the account, …). */
  | "inert"
  /** Accepted by a reviewer for a stated reason although a property is not read. */
  | "exception"
  /** Fails closed. */
  | "unclassified";

/**
 * Who reads a place-naming property:
 * - a policy name: that check judges the place the value names;
 * - `not-a-place`: the name matches a place rule but the value names no place (an enumeration,
 *   a password, a name the resource itself serves);
 * - `own-place`: the value can only name something in the resource's own region and account
 *   (an ID the API resolves there), so the provider's region decides.
 */
export type Reading = "not-a-place" | "own-place" | string;

/** A reviewed reading of place-naming properties, for every type of a provider or some. */
export interface PropertyReview {
  /** Matched against whole inventory paths (`rules[].destination.bucket`). */
  readonly path: RegExp;
  /** Only for these type tokens (default: every type of the provider). */
  readonly types?: RegExp;
  readonly reading: Reading;
  /** Why, for a reader of `sovereign-dc coverage --type`. */
  readonly reason: string;
}

/** Types a reviewer classed as a whole, with the reason. */
export interface TypeReview {
  readonly class: "regional" | "inert" | "exception";
  readonly reason: string;
  readonly types: readonly string[];
}

/** One provider's review. */
export interface ProviderReview {
  readonly properties: readonly PropertyReview[];
  readonly types: readonly TypeReview[];
  /**
   * Services whose types can carry data out without any place-naming input (global edge
   * services, cross-region features configured by a flag): never regional by default — each of
   * their types must be flow-modelled or classed by a TypeReview.
   */
  readonly reviewFirst: readonly { readonly prefix: string; readonly reason: string }[];
}

/** Place kinds whose values every resource's inputs are scanned for, by `arn-locality`. */
export const genericKinds: Readonly<Partial<Record<PlaceKind, string>>> = {
  arn: "arn-locality",
  region: "arn-locality",
  zone: "arn-locality",
  key: "key-locality",
};

/** The classes of the pack's list (policy/review/classes.json): it knows the other two without it. */
export type ListedClass = Exclude<TypeClass, "flow-modelled" | "reviewed">;

export const listedClasses: readonly ListedClass[] = [
  "regional",
  "inert",
  "exception",
  "unclassified",
];

/** The committed form of the pack's list: class → reason → type tokens, each list sorted. */
export interface ClassesDocument {
  /** Provider package → the SDK version the list was generated at. */
  readonly sdks: Readonly<Record<string, string>>;
  readonly classes: Readonly<Record<ListedClass, Readonly<Record<string, readonly string[]>>>>;
}
