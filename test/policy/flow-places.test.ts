/**
 * Every place-naming input of a flow-modelled type is accounted for: a flow field reads it, or a
 * review says why it names no place of its own (policy/review/flow). A type outside the flow
 * tables fails closed on an input nothing reads; a flow-modelled type passes, so for it this test
 * is the only guard: an input that appears in a new SDK, unread, is a way out the guard would
 * not judge — a stack that used it could pass as sealed — and fails it until a field or a review
 * accounts for it.
 */
import { explainType, loadInventory } from "../../cli/coverage";
import { flowTables } from "../../policy/inventory/tables";
import { productContext } from "../../policy/review";

test("every place-naming input of a flow-modelled type is read or reviewed", () => {
  const inventory = loadInventory();
  const tables = flowTables();
  const base = productContext();
  const unread: Record<string, string[]> = {};
  for (const type of Object.keys(inventory.types)) {
    const report = explainType(inventory, type, tables, base);
    if (report.class !== "flow-modelled") {
      continue;
    }
    const paths = report.places
      .filter((p) => p.readBy.length === 0 && p.reading === null)
      .map((p) => p.path);
    if (paths.length > 0) {
      unread[type] = paths.sort();
    }
  }
  expect(unread).toEqual({});
});
