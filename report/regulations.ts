/**
 * Which regulations of the jurisdiction catalog each kind of control serves. Controls come in two
 * kinds: residency (data and keys stay inside, no path out) and security (the data that stays is
 * protected). The catalog lists each jurisdiction's regulations; this table says which kind each
 * one asks for, so a new jurisdiction's laws need one line here (a test fails until they have it).
 *
 * References for auditors, not legal advice.
 */
import type { Jurisdiction, Regulation } from "../residency/jurisdictions";

export type Theme = "residency" | "security";

export const regulationThemes: Readonly<Record<string, readonly Theme[]>> = {
  "PIPL Art. 38-40": ["residency"],
  "DSL Art. 21, 31": ["residency", "security"],
  "Automotive Data Provisions Art. 11": ["residency"],
  "EO 14117 / 28 CFR 202": ["residency"],
  "CCPA/CPRA 1798.100": ["security"],
  "GDPR Art. 44-49": ["residency"],
  "GDPR Art. 32": ["security"],
};

/** The regulations of `j` a control of `theme` serves, in catalog order. */
export function regulationsFor(j: Jurisdiction, theme: Theme): Regulation[] {
  // A regulation missing from the table is treated as a residency law: the sealed contract's
  // reason to exist, so it is never left off the controls that matter most.
  return j.regulations.filter((r) => (regulationThemes[r.id] ?? ["residency"]).includes(theme));
}
