/**
 * The analysis's resource view of the CrossGuard runtime's resources and of a recorded plan, now
 * in `paths/values.ts`; re-exported here until the border analysis moves there.
 */
export { fromPlan, fromPolicyResources, type PlanLike, plainValue } from "../paths/values";
