/**
 * The domain tables of the data-flow model: every resource type the pack models is declared in
 * exactly one of them, with its role, its edges and the policy that owns each edge. The graph is
 * built from their union (plus, while the domains move here, the border analysis's flow models
 * through `legacyRows`).
 */
import type { TypeModel, TypeTable } from "../model";
import { backups } from "./backups";
import { bundles } from "./bundles";
import { databases } from "./databases";
import { edgeServices } from "./edge-services";
import { egress } from "./egress";
import { exposure } from "./exposure";
import { keys } from "./keys";
import { kubernetes } from "./kubernetes";
import { logs } from "./logs";
import { network } from "./network";
import { remoteSites } from "./remote-sites";
import { storage } from "./storage";
import { transfers } from "./transfers";

/** The domains, one table each. */
export type Domain =
  | "storage"
  | "databases"
  | "backups"
  | "transfers"
  | "keys"
  | "logs"
  | "network"
  | "remote-sites"
  | "egress"
  | "exposure"
  | "edge-services"
  | "kubernetes"
  | "bundles";

/** The rows of each domain; a domain's table is filled when its types move to this model. */
export const tables: Readonly<Record<Domain, TypeTable>> = {
  storage,
  databases,
  backups,
  transfers,
  keys,
  logs,
  network,
  "remote-sites": remoteSites,
  egress,
  exposure,
  "edge-services": edgeServices,
  kubernetes,
  bundles,
};

/** The union of several tables; a type declared in two of them is an error naming both. */
export function merge(named: Readonly<Record<string, TypeTable>>): TypeTable {
  const out: Record<string, TypeModel> = {};
  const home = new Map<string, string>();
  for (const [name, table] of Object.entries(named)) {
    for (const [type, model] of Object.entries(table)) {
      const first = home.get(type);
      if (first !== undefined) {
        throw new Error(
          `${type} is declared in the ${first} and the ${name} tables; each type belongs to exactly one.`,
        );
      }
      home.set(type, name);
      out[type] = model;
    }
  }
  return out;
}

/** Every modelled type, by type token. */
export const byType: TypeTable = merge(tables);

/** The types the tables model. */
export const modelledTypes: ReadonlySet<string> = new Set(Object.keys(byType));
