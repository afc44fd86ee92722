/**
 * An Alibaba Cloud ENS instance for the policy tests, placed as `placement` says: on a node
 * (`scheduleAreaLevel: "Region"` and its `ensRegionId`) or in an area (`Big`, `Middle` or `Small`
 * and its `netDistrictCode`), with no public address of its own.
 */
import type { Plan } from "../../engine/plan";
import { add, type ResourceOptions } from "./policy-plan";

/** Adds ENS instance "edge-vm" with `placement` (and `opts`, its provider) to a plan. */
export function ensInstance(
  placement: Record<string, unknown>,
  opts: ResourceOptions = {},
): (plan: Plan) => Plan {
  return add(
    "alicloud:ens/instance:Instance",
    "edge-vm",
    {
      ...placement,
      carrier: "cmcc",
      instanceType: "ens.sn1.tiny",
      imageId: "centos_6_08_64_20G_alibase_20171208",
      paymentType: "Subscription",
      internetChargeType: "95BandwidthByMonth",
      internetMaxBandwidthOut: 0,
      publicIpIdentification: false,
      systemDisk: { size: 20 },
    },
    opts,
  );
}
