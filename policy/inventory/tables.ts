/**
 * The flow tables as the coverage report reads them: for each table, the resource types it
 * models, the policy that judges them, and — where the table declares them as data — the input
 * paths it reads. Tables whose rows are code (edge, rule, exposure and global models, the border
 * analysis) name their types but not the properties they read; the report says so rather than
 * guess.
 */
import { egressFields } from "../paths/kubernetes";
import { ruleModels } from "../egress";
import { dataStores } from "../keys";
import type { TypeModel } from "../paths/model";
import { tables as typeTables } from "../paths/types";
import { judgedByCode } from "../paths/types/kubernetes";

/** One input path a table reads, and how it reads it. */
export interface TableField {
  readonly path: string;
  /** How the value is read (`region`, `arn`, `ref`, `flag`, …, or the key setting's role). */
  readonly format: string;
}

export interface FlowTableView {
  /** `paths/types/network.ts`, `keys.ts dataStores`. */
  readonly table: string;
  /** The policy (or analysis) that judges the table's types. */
  readonly policy: string;
  readonly types: readonly string[];
  /** The fields the table declares for a type; undefined where its rows are code. */
  readonly fields?: (type: string) => readonly TableField[];
  /**
   * What a type's row is to the flow of data (policy/paths/model.ts `Role`), or `decided per
   * resource` where the row reads it from the resource's inputs; undefined for tables without
   * roles.
   */
  readonly role?: (type: string) => string | undefined;
}

/** The role of a domain table's row, as the coverage report names it. */
function roleOf(model: TypeModel | undefined): string | undefined {
  return typeof model?.role === "function" ? "decided per resource" : model?.role;
}

/**
 * The domain tables of the one data-flow model (policy/paths/types), one view per table and
 * owning policy: their rows declare the fields every policy and the border analysis read.
 */
function typeTableViews(): FlowTableView[] {
  return Object.entries(typeTables).flatMap(([domain, table]) => {
    const rows = Object.entries(table);
    const owners = [...new Set(rows.flatMap(([, m]) => (m.fields ?? []).map((f) => f.policy)))];
    // A row without fields is a node of the graph only (a key others point at).
    const nodes = rows.filter(([, m]) => !m.fields?.length).map(([t]) => t);
    const graph =
      nodes.length > 0
        ? [
            {
              table: `paths/types/${domain}.ts`,
              policy: "border analysis",
              types: nodes,
              fields: () => [],
              role: (type: string) => roleOf(table[type]),
            },
          ]
        : [];
    return [
      ...graph,
      ...owners.map((policy) => ({
        table: `paths/types/${domain}.ts`,
        policy,
        types: rows.filter(([, m]) => m.fields?.some((f) => f.policy === policy)).map(([t]) => t),
        fields: (type: string) =>
          (table[type]?.fields ?? [])
            .filter((f) => f.policy === policy)
            .flatMap((f) => [
              { path: f.path, format: f.format },
              ...(f.source ? [{ path: f.source.path, format: `source ${f.source.ref}` }] : []),
              ...(f.origin ? [{ path: f.origin.path, format: "origin" }] : []),
              ...(f.reads ?? [])
                .filter((r) => r !== f.path)
                .map((r) => ({ path: r, format: `read by ${f.path} (judged)` })),
            ]),
        role: (type: string) => roleOf(table[type]),
      })),
    ];
  });
}

/** The encryption settings customer-key-encryption reads, on the store or its companions. */
function keySettings(type: string): TableField[] {
  return dataStores.flatMap((m) => {
    const settings = [
      ...(m.type === type ? m.inline : []),
      ...(m.companions?.types.includes(type) ? m.companions.settings : []),
    ];
    return settings.flatMap((s) => [
      ...(s.key ? [{ path: s.key, format: "key" }] : []),
      ...(s.enabled ? [{ path: s.enabled, format: "key enabled" }] : []),
      ...(s.algorithm ? [{ path: s.algorithm, format: "key algorithm" }] : []),
    ]);
  });
}

/** Every flow table of the pack, in the order the report lists them. */
export function flowTables(): readonly FlowTableView[] {
  return [
    ...typeTableViews(),
    {
      table: "keys.ts dataStores",
      policy: "customer-key-encryption",
      types: [...new Set(dataStores.flatMap((m) => [m.type, ...(m.companions?.types ?? [])]))],
      fields: keySettings,
    },
    { table: "egress.ts ruleModels", policy: "egress-rules", types: ruleModels.map((m) => m.type) },
    // The Kubernetes table's rows whose policy judges them by its own code: kubernetes-egress
    // reads the paths egressFields names (on these rows only: the others declare their fields),
    // kubernetes-service-exposure a Service or Ingress with its cluster.
    ...Object.entries(judgedByCode).map(([policy, types]) => ({
      table: "paths/types/kubernetes.ts",
      policy,
      types,
      fields:
        policy === "kubernetes-egress"
          ? (type: string) => (types.includes(type) ? egressFields(type) : [])
          : undefined,
    })),
  ];
}
