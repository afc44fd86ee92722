/**
 * The egress posture of a stack as evidence: for each security group, whether (and by which rule)
 * it lets workloads reach the internet; for each subnet, the network ACL that keeps its traffic
 * off the internet, if any. The residency report shows this next to the border verdict, from the
 * same evaluation the analysis gates its internet exits with.
 */
import { getJurisdiction, type Jurisdiction } from "../../residency/jurisdictions";
import type { EgressAllowEntry } from "../framework";
import type { BorderResource } from "./model";
import { Resolver } from "./resolver";
import { admissionOf, sealingAcl, subnetTypes } from "./types/gates";

export interface EgressPosture {
  readonly groups: ReadonlyArray<{
    readonly group: BorderResource;
    /** Why members may reach the internet ("egress rule "x" (0.0.0.0/0)"), or undefined. */
    readonly admits?: string;
  }>;
  readonly subnets: ReadonlyArray<{
    readonly subnet: BorderResource;
    /** The ACL that drops the subnet's internet-bound traffic, or undefined. */
    readonly sealedBy?: BorderResource;
  }>;
}

const groupTypes = [
  "alicloud:ecs/securityGroup:SecurityGroup",
  "aws:ec2/securityGroup:SecurityGroup",
  "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
];

export function egressPosture(
  resources: readonly BorderResource[],
  jurisdiction: Jurisdiction | string,
  egressAllowlist: readonly EgressAllowEntry[] = [],
): EgressPosture {
  const j = typeof jurisdiction === "string" ? getJurisdiction(jurisdiction) : jurisdiction;
  const x = new Resolver(resources, j, egressAllowlist);
  return {
    groups: groupTypes.flatMap((t) =>
      x.ofType(t).map((group) => {
        const a = admissionOf(group, x);
        const via = a?.via && a.via !== group ? ` ${JSON.stringify(a.via.name)}` : "";
        return { group, admits: a ? `${a.label}${via} (${a.detail})` : undefined };
      }),
    ),
    subnets: subnetTypes.flatMap((t) =>
      x.ofType(t).map((subnet) => ({ subnet, sealedBy: sealingAcl(subnet, x) })),
    ),
  };
}
