/**
 * Every policy of the pack, importable without starting the analyzer server (policy/index.ts
 * builds the PolicyPack from this list; the offline engine and the tests run the same objects).
 */
import type { Policies } from "@pulumi/policy";
import { residencyConfigured, residencyWaivers } from "./configuration";

export const packName = "sovereign-dc-residency";

export const policies: Policies = [residencyConfigured, residencyWaivers];

/** The names of every policy, for generating per-policy config. */
export const policyNames: readonly string[] = policies.map((p) => p.name);
