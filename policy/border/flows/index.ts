/**
 * The flow model of every resource type the border analysis understands, kept as one table of
 * data: type token → role and edges. A type that is not here creates no edges; whether such a
 * type may appear at all is the per-resource policies' decision (unreviewed types fail closed
 * there).
 */
import type { FlowModel, FlowTable } from "./common";

/** Empty: every type's edges are rows of the domain tables (policy/paths/types) now. */
export const flowModels: FlowTable = {};

export type { FlowModel, FlowTable };
