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
  "CSL Art. 37": ["residency"],
  "PIPL Art. 38-40": ["residency"],
  "DSL Art. 21, 31": ["residency", "security"],
  "CAC Outbound Data Security Assessment Measures (2022)": ["residency"],
  "CAC Cross-Border Data Flow Provisions (2024)": ["residency"],
  "Automotive Data Provisions Art. 11": ["residency"],
  "EO 14117 / 28 CFR 202": ["residency"],
  "CCPA/CPRA 1798.100": ["security"],
  "GDPR Art. 44-49": ["residency"],
  "GDPR Art. 32": ["security"],
  // National acts beside the GDPR: they bind both where data goes and how it is protected.
  BDSG: ["residency", "security"],
  "StGB § 203": ["security"],
  "Loi Informatique et Libertés": ["residency", "security"],
  "CSP Art. L.1111-8": ["residency", "security"],
  "Data Protection Act 2018 (IE)": ["residency", "security"],
  "D.Lgs. 196/2003": ["residency", "security"],
  LOPDGDD: ["residency", "security"],
  "ENS (RD 311/2022)": ["security"],
  "Dataskyddslagen (2018:218)": ["residency", "security"],
  "UK GDPR Chapter V": ["residency"],
  "DPA 2018 (UK)": ["residency", "security"],
  "FADP Art. 16": ["residency"],
  "POPIA s.72": ["residency"],
  "PPL Transfer Regulations 2001": ["residency"],
  "PPL Data Security Regulations 2017": ["security"],
  "UAE PDPL Art. 22-23": ["residency"],
  "Bahrain PDPL Art. 12-13": ["residency"],
  "Saudi PDPL Art. 29": ["residency"],
  "PDPO s.33": ["residency"],
  "PDPO DPP 4": ["security"],
  "Taiwan PDPA Art. 21": ["residency"],
  "APPI Art. 28": ["residency"],
  "PIPA Art. 28-8": ["residency"],
  "DPDP Act 2023 s.16": ["residency"],
  "RBI Payment Data Storage (2018)": ["residency"],
  "Singapore PDPA s.26": ["residency"],
  "Singapore PDPA s.24": ["security"],
  "Malaysia PDPA s.129": ["residency"],
  "PDP Law Art. 56": ["residency"],
  "GR 71/2019 Art. 20": ["residency"],
  "Data Privacy Act s.21": ["residency"],
  "Thailand PDPA s.28": ["residency"],
  "Privacy Act 1988 APP 8": ["residency"],
  "My Health Records Act 2012 s.77": ["residency"],
  "Privacy Act 2020 IPP 12": ["residency"],
  "PIPEDA Sch. 1 4.1.3": ["residency"],
  "PIIDPA s.5": ["residency"],
  "LFPDPPP Art. 36-37": ["residency"],
  "LGPD Art. 33": ["residency"],
};

/** The regulations of `j` a control of `theme` serves, in catalog order. */
export function regulationsFor(j: Jurisdiction, theme: Theme): Regulation[] {
  // A regulation missing from the table is treated as a residency law: the sealed contract's
  // reason to exist, so it is never left off the controls that matter most.
  return j.regulations.filter((r) => (regulationThemes[r.id] ?? ["residency"]).includes(theme));
}
