/**
 * Sites a stack declares with the country they stand in: places a program names by an identifier
 * that carries no country — an AWS Outpost's ID (residency/outposts.ts), a Direct Connect
 * location's code (residency/direct-connect.ts) — so only the stack's owners can say where each
 * stands. Each declaration is a list of `{ <id>, country }` under one config key, read without
 * the rest of the spec (programs of other projects set it), each site declared once.
 */
import type * as Zod from "zod";
import { declarationIssues, declaredListOf, keyOf } from "./config-value";
import { isCountryCode } from "./countries";
import type { SpecIssue } from "./spec";

/** How one kind of site is declared. */
export interface SiteKind<K extends string> {
  /** The config key under `sovereign-dc:` (`outposts`). */
  readonly key: string;
  /** The entry's identifier field (`outpost`). */
  readonly id: K;
  /** What a valid identifier looks like. */
  readonly pattern: RegExp;
  /** The words of an identifier that does not: `expected an Outpost ID (…)`. */
  readonly idExpected: string;
  /** The words of an identifier declared twice. */
  readonly onceExpected: string;
}

/** A declared site: its identifier under the kind's field name, and its country. */
export type DeclaredSite<K extends string> = { readonly [P in K]: string } & {
  /** ISO 3166-1 alpha-2, upper case. */
  readonly country: string;
};

const countryExpected = "expected the ISO 3166-1 alpha-2 code of the site's country, such as US";

/** The reading of one kind's declarations: their issues, and the declared list of a config. */
export function siteDeclarations<K extends string>(kind: SiteKind<K>) {
  const configKey = keyOf([kind.key]);
  let schema: Zod.ZodType<Record<string, string>[]> | undefined;
  /** The schema, built the first time a stack declares one (zod loads with it). */
  const schemaOf = () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { z } = require("zod") as typeof Zod;
    const entry = z.strictObject({
      [kind.id]: z
        .string({ error: kind.idExpected })
        .regex(kind.pattern, { error: kind.idExpected }),
      country: z
        .string({ error: countryExpected })
        .refine((c) => /^[A-Z]{2}$/.test(c) && isCountryCode(c), { error: countryExpected }),
    }) as unknown as Zod.ZodType<Record<string, string>>;
    return z.array(entry, { error: `expected a list of { ${kind.id}, country }` });
  };

  /** Every issue with a decoded value of the key; empty when it is valid. */
  function issues(raw: unknown): SpecIssue[] {
    const result = (schema ??= schemaOf()).safeParse(raw);
    if (!result.success) {
      return declarationIssues(result.error.issues, raw, kind.key, `${kind.id} and country`);
    }
    const out: SpecIssue[] = [];
    const seen = new Set<string>();
    result.data.forEach((e, i) => {
      const id = e[kind.id];
      if (seen.has(id)) {
        out.push({ key: keyOf([kind.key, i, kind.id]), received: id, expected: kind.onceExpected });
      }
      seen.add(id);
    });
    return out;
  }

  /**
   * The sites a flat stack config declares (none when the key is absent), or the issues that
   * reject the value. The Pulumi runtime holds structured values as JSON text.
   */
  function declaredOf(
    config: Readonly<Record<string, string>>,
  ): { declared: DeclaredSite<K>[] } | { issues: SpecIssue[] } {
    return declaredListOf(
      config,
      configKey,
      issues,
      (e) => ({ [kind.id]: e[kind.id] as string, country: e.country as string }) as DeclaredSite<K>,
    );
  }

  return { key: configKey, issues, declaredOf };
}
