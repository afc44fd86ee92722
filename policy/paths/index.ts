/**
 * The border analysis: the stack's data-flow graph, built from the domain tables' rows, and the
 * paths by which its data stores and keys could leave the jurisdiction. The pure analysis runs on
 * any resource list (a plan, the policy runtime's resources, a test's hand-built ones);
 * `noPathOutOfJurisdiction` wraps it as a CrossGuard stack policy, and `egressPosture` shows the
 * gates the analysis passes or stops at.
 */
export { analyzeBorder, analyzeWithGraph } from "./analyze";
export { kindName, resourceLabel } from "./describe";
export { edgeText } from "./graph";
export type {
  BorderAnalysis,
  BorderEdge,
  BorderNode,
  BorderOptions,
  BorderPath,
  BorderResource,
  EdgeLabel,
  Endpoint,
  FlowEdge,
  Place,
  Role,
  Side,
} from "./model";
export { isPlace, unknown } from "./model";
export { noPathOutOfJurisdiction, pathMessage } from "./no-path";
export { egressPosture, type EgressPosture } from "./posture";
export { Resolver } from "./resolver";
export { fromPlan, fromPolicyResources, plainValue, type PlanLike } from "./values";
