/**
 * Elastic IP addresses and what binds them: kept apart from the route and exposure tables, which
 * both draw an owner's bound EIPs, so that neither imports the other.
 */
import { endpointOf, link } from "./common";
import type { BorderResource, FlowEdge } from "../model";
import type { Resolver } from "../resolver";

export const eipTypes = [
  "alicloud:ecs/eipAddress:EipAddress",
  "alicloud:ecs/eip:Eip",
  "aws:ec2/eip:Eip",
];

/** `owner → eip association → EIP` for each EIP of the stack bound to `owner`. */
export function boundEips(owner: BorderResource, x: Resolver, field: string): FlowEdge[] {
  const associations = [
    ...x.referrers(owner, "alicloud:ecs/eipAssociation:EipAssociation", field),
    ...x.referrers(owner, "aws:ec2/eipAssociation:EipAssociation", field),
  ];
  return associations.flatMap((a) => {
    const eip = endpointOf(x, a, x.ref(a, "allocationId", eipTypes), "allocationId");
    return eip ? link(owner, eip, "eip association", { via: a }) : [];
  });
}
