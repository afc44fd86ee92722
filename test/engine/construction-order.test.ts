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

  it("puts a default provider just before the first resource, in the program's order, that uses it", () => {
    // The provider was recorded when "late" registered; "early", constructed before "late",
    // registered after both, and so did "other", which uses no provider the engine added.
    const order = new Map([
      ["other", 0],
      ["early", 1],
      ["late", 2],
    ]);
    const plan = [
      { urn: "stack" },
      { urn: "provider" },
      { urn: "late", provider: "provider" },
      { urn: "early", provider: "provider" },
      { urn: "other" },
    ] as RecordedResource[];
    expect(urns(inConstructionOrder(plan, order))).toEqual([
      "stack",
      "other",
      "provider",
      "early",
      "late",
    ]);
  });

  it("keeps the recorded order when nothing was logged as constructed", () => {
    expect(urns(inConstructionOrder(recorded("stack", "b", "a"), new Map()))).toEqual([
      "stack",
      "b",
      "a",
    ]);
  });
});
