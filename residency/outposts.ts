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
import type * as Zod from "zod";
import { declarationIssues, declaredListOf, keyOf } from "./config-value";
import { isCountryCode } from "./countries";
import { holdsCountry, type Jurisdiction } from "./jurisdictions";
import type { SpecIssue } from "./spec";

/** An Outpost the stack declares, and the country of the site it stands at. */
export interface DeclaredOutpost {
  /** The Outpost's ID: `op-` and 16 or 17 hexadecimal digits. */
  readonly outpost: string;
  /** ISO 3166-1 alpha-2, upper case. */
  readonly country: string;
}

export const outpostsKey = keyOf(["outposts"]);

const outpostId = /^op-[0-9a-f]{16,17}$/;
const outpostArn = /^arn:[a-z-]+:outposts:[a-z0-9-]+:\d{12}:outpost\/(op-[0-9a-f]{16,17})$/;

/** The Outpost an ARN or ID names (`arn:aws:outposts:…:outpost/op-…`, `op-…`), or undefined. */
export function outpostOf(value: string): string | undefined {
  return outpostId.test(value) ? value : outpostArn.exec(value)?.[1];
}

const idExpected =
  "expected an Outpost ID (op- and 16 or 17 hexadecimal digits, such as op-0123456789abcdef0)";
const countryExpected = "expected the ISO 3166-1 alpha-2 code of the site's country, such as US";

/** The schema of a declaration, built the first time a stack declares one (zod loads with it). */
function declarationSchema() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { z } = require("zod") as typeof Zod;
  const entry = z.strictObject({
    outpost: z.string({ error: idExpected }).regex(outpostId, { error: idExpected }),
    country: z
      .string({ error: countryExpected })
      .refine((c) => /^[A-Z]{2}$/.test(c) && isCountryCode(c), { error: countryExpected }),
  });
  return z.array(entry, { error: "expected a list of { outpost, country }" });
}
let schema: ReturnType<typeof declarationSchema> | undefined;

/** Every issue with a decoded `sovereign-dc:outposts` value; empty when it is valid. */
export function outpostIssues(raw: unknown): SpecIssue[] {
  const result = (schema ??= declarationSchema()).safeParse(raw);
  if (!result.success) {
    return declarationIssues(result.error.issues, raw, "outposts", "outpost and country");
  }
  const issues: SpecIssue[] = [];
  const seen = new Set<string>();
  result.data.forEach((e, i) => {
    if (seen.has(e.outpost)) {
      issues.push({
        key: keyOf(["outposts", i, "outpost"]),
        received: e.outpost,
        expected: "expected each Outpost to be declared once (it stands at one site)",
      });
    }
    seen.add(e.outpost);
  });
  return issues;
}

/**
 * The Outposts a flat stack config declares (none when the key is absent), or the issues that
 * reject the value. The Pulumi runtime holds structured values as JSON text.
 */
export function declaredOutpostsOf(
  config: Readonly<Record<string, string>>,
): { declared: DeclaredOutpost[] } | { issues: SpecIssue[] } {
  return declaredListOf(config, outpostsKey, outpostIssues, (e) => ({
    outpost: e.outpost as string,
    country: e.country as string,
  }));
}

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
