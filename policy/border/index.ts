/**
 * The border analysis: the stack's data-flow graph, built from one flow model per resource type,
 * and the paths by which its data stores and keys could leave the jurisdiction. The pure analysis
 * runs on any resource list (a plan, the policy runtime's resources, a test's hand-built ones);
 * `noPathOutOfJurisdiction` wraps it as a CrossGuard stack policy.
 */
export { analyzeBorder, edgeText } from "./analyze";
export { kindName, resourceLabel } from "../paths/describe";
export { flowModels } from "./flows";
export type { FlowModel, FlowTable } from "./flows";
export type {
  BorderAnalysis,
  BorderEdge,
  BorderNode,
  BorderOptions,
  BorderPath,
  BorderResource,
  EdgeLabel,
  Role,
  Side,
} from "./model";
export { unknown } from "./model";
export { noPathOutOfJurisdiction, pathMessage } from "./policy";
export { fromPlan, fromPolicyResources, type PlanLike } from "./resources";
export { egressPosture, type EgressPosture } from "./posture";
export { Resolver } from "./resolver";
