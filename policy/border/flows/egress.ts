/**
 * The egress gates now live in the egress table's rows (paths/types/gates.ts); the border flow
 * models that still draw pod egress read the network types and an instance's admission there.
 */
export { instanceAdmission, subnetTypes, vpcTypes } from "../../paths/types/gates";
