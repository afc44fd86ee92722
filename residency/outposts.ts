/**
 * AWS Outposts: racks and servers AWS installs at a site of the customer's own — a data center, a
 * factory, a country without an AWS region — each anchored to a parent region. A volume, a
 * snapshot, a subnet's instances, a cache node or an S3 on Outposts bucket placed on one keeps its
 * data at that site, whatever the parent region's country: `arn:aws:outposts:ap-southeast-1:…`
 * may stand in Vietnam. The program names the Outpost by its ARN or ID, never the site's country,
 * so the stack declares where each of its Outposts stands:
 *
 *     sovereign-dc:outposts:
 *       - outpost: op-0123456789abcdef0
 *         country: US
 *
 * An Outpost the stack does not declare cannot be placed, and fails closed. Read without the
 * rest of the spec, like the clusters: programs of other projects set it.
 */
import { type DeclaredSite, siteDeclarations } from "./declared-sites";
import { holdsCountry, type Jurisdiction } from "./jurisdictions";

/** An Outpost the stack declares, and the country of the site it stands at. */
export type DeclaredOutpost = DeclaredSite<"outpost">;

/** An Outpost's ID: `op-` and 16 or 17 hexadecimal digits. */
export const outpostId = /^op-[0-9a-f]{16,17}$/;
const outpostArn = /^arn:[a-z-]+:outposts:[a-z0-9-]+:\d{12}:outpost\/(op-[0-9a-f]{16,17})$/;

/** The Outpost an ARN or ID names (`arn:aws:outposts:…:outpost/op-…`, `op-…`), or undefined. */
export function outpostOf(value: string): string | undefined {
  return outpostId.test(value) ? value : outpostArn.exec(value)?.[1];
}

const outposts = siteDeclarations({
  key: "outposts",
  id: "outpost",
  pattern: outpostId,
  idExpected:
    "expected an Outpost ID (op- and 16 or 17 hexadecimal digits, such as op-0123456789abcdef0)",
  onceExpected: "expected each Outpost to be declared once (it stands at one site)",
});

export const outpostsKey = outposts.key;
/** Every issue with a decoded `sovereign-dc:outposts` value; empty when it is valid. */
export const outpostIssues = outposts.issues;
/** The Outposts a flat stack config declares (none when the key is absent), or the issues. */
export const declaredOutpostsOf = outposts.declaredOf;

/**
 * Where the Outpost `id` stands, as a finding names it, or undefined when it stands inside `j` by
 * the stack's declaration: `op-… (an AWS Outpost the stack declares at a site in MX: outside US)`,
 * or, undeclared, that its site cannot be placed.
 */
export function outpostPlace(
  j: Jurisdiction,
  shown: string,
  id: string,
  declared: readonly DeclaredOutpost[],
): string | undefined {
  const site = declared.find((d) => d.outpost === id);
  if (site === undefined) {
    return `${shown} (an AWS Outpost at a site whose country the stack does not declare under sovereign-dc:outposts: it cannot be placed)`;
  }
  return holdsCountry(j, site.country)
    ? undefined
    : `${shown} (an AWS Outpost the stack declares at a site in ${site.country}: outside ${j.id})`;
}
