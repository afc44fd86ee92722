/**
 * AWS Direct Connect locations: the colocation facilities where a dedicated connection (or a link
 * aggregation group of them) lands, named by a code (`EqDC2`, `EqSe2-EQ`, `CSVA1`) that carries no
 * country. A location is associated with a region, but its facility need not stand in that
 * region's country, and the codes are published only by the API of each region
 * (`DescribeLocations`), so the pack holds no catalogue of them: the stack declares where each
 * location it uses stands,
 *
 *     sovereign-dc:directConnectLocations:
 *       - location: EqDC2
 *         country: US
 *
 * and a connection whose location the stack does not declare cannot be placed (it fails closed,
 * with the key to declare it in).
 */
import { type DeclaredSite, siteDeclarations } from "./declared-sites";
import { holdsCountry, type Jurisdiction } from "./jurisdictions";

/** A Direct Connect location the stack declares, and the country of its facility. */
export type DeclaredDirectConnectLocation = DeclaredSite<"location">;

/** The codes AWS lists: letters and digits, some with a suffix after a hyphen (`EqSe2-EQ`). */
export const locationCode = /^[A-Za-z0-9][A-Za-z0-9-]{1,31}$/;

const locations = siteDeclarations({
  key: "directConnectLocations",
  id: "location",
  pattern: locationCode,
  idExpected:
    "expected a Direct Connect location code, as the connection's location names it (letters, digits and hyphens, such as EqDC2)",
  onceExpected: "expected each location to be declared once (its facility stands in one country)",
});

export const directConnectLocationsKey = locations.key;
/** Every issue with a decoded `sovereign-dc:directConnectLocations` value; empty when valid. */
export const directConnectLocationIssues = locations.issues;
/** The locations a flat stack config declares (none when the key is absent), or the issues. */
export const declaredDirectConnectLocationsOf = locations.declaredOf;

/**
 * Where the Direct Connect location `code` stands by the stack's declaration: inside `j` or not,
 * in a finding's words (`"EqLD5" (a Direct Connect location the stack declares in GB: outside
 * US)`); undefined when the stack does not declare it. Codes are matched as AWS writes them,
 * ignoring case.
 */
export function directConnectLocationPlace(
  j: Jurisdiction,
  code: string,
  declared: readonly DeclaredDirectConnectLocation[],
): { readonly inside: boolean; readonly label: string } | undefined {
  const site = declared.find((d) => d.location.toLowerCase() === code.toLowerCase());
  if (site === undefined) {
    return undefined;
  }
  const inside = holdsCountry(j, site.country);
  return {
    inside,
    label: `${JSON.stringify(code)} (a Direct Connect location the stack declares in ${site.country}: ${inside ? "inside" : "outside"} ${j.id})`,
  };
}
