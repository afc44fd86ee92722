/**
 * The plan's order (engine/evaluate.ts inConstructionOrder): the program's construction order,
 * with what the engine recorded on its own (the stack, default providers) kept before every
 * resource recorded after it.
 */
import { inConstructionOrder } from "../../engine/evaluate";
import type { RecordedResource } from "../../engine/plan";

const recorded = (...urns: string[]) => urns.map((urn) => ({ urn }) as RecordedResource);
const urns = (rs: readonly RecordedResource[]) => rs.map((r) => r.urn);

describe("inConstructionOrder", () => {
  it("puts resources whose registrations raced back in the order the program constructed them", () => {
    const order = new Map([
      ["a", 0],
      ["b", 1],
      ["c", 2],
    ]);
    expect(urns(inConstructionOrder(recorded("stack", "provider", "b", "a", "c"), order))).toEqual([
      "stack",
      "provider",
      "a",
      "b",
      "c",
    ]);
  });

  it("keeps a default provider before every resource recorded after it, the first-constructed too", () => {
    // The provider was recorded when "late" registered; "early", constructed before "late",
    // registered after both.
    const order = new Map([
      ["early", 0],
      ["late", 1],
    ]);
    expect(
      urns(inConstructionOrder(recorded("stack", "late-provider", "late", "early"), order)),
    ).toEqual(["stack", "late-provider", "early", "late"]);
  });

  it("keeps the recorded order when nothing was logged as constructed", () => {
    expect(urns(inConstructionOrder(recorded("stack", "b", "a"), new Map()))).toEqual([
      "stack",
      "b",
      "a",
    ]);
  });
});
