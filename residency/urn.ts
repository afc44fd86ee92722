/**
 * Reading a Pulumi URN, `urn:pulumi:<stack>::<project>::<qualified type>::<name>`, whose qualified
 * type is the chain of its parents' types and its own, joined by `$`
 * (`acme:index:Blue$aws:s3/bucket:Bucket`), the root stack's left out. The engine and the pack
 * both read them.
 */

/** The qualified type a URN holds: its parents' types and its own, joined by `$`. */
export function qualifiedType(urn: string): string {
  return urn.split("::")[2] ?? "";
}

/** The types of a URN's qualified type, outermost parent first, the resource's own last. */
export function typeChain(urn: string): string[] {
  return qualifiedType(urn).split("$");
}
