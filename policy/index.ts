/**
 * Entry point of the CrossGuard pack. Constructing a PolicyPack starts the analyzer server the
 * Pulumi CLI (or the offline engine) connects to, so this file does nothing else: the policies
 * live in their own modules and can be imported without starting a server.
 */
import { PolicyPack } from "@pulumi/policy";
import { policies, packName } from "./policies";

new PolicyPack(packName, {
  policies,
  enforcementLevel: "mandatory",
  description:
    "Residency policies of sovereign-dc: no path by which a stack's data can leave its jurisdiction.",
});
