/**
 * The committed example report must be what the code produces today: evaluate the Shanghai stack,
 * run the pack, render the report, compare byte for byte. When a change to the program, the
 * policies or the report is intended, regenerate the example and review its diff:
 *
 *     node --require sucrase/register/ts scripts/regenerate-examples.ts
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { RenderedReport } from "../../report";
import { exampleDir, produceExample } from "../../scripts/regenerate-examples";
import { packSession, sharedEvaluator } from "../helpers/worker";

let produced: RenderedReport;

beforeAll(async () => {
  const session = await packSession();
  try {
    produced = await produceExample({ worker: sharedEvaluator(), session });
  } finally {
    session.close();
  }
}, 180_000);

const regenerate =
  "Regenerate it with `node --require sucrase/register/ts scripts/regenerate-examples.ts` and review the diff.";

test("examples/cn-shanghai/report.md is up to date", () => {
  const committed = fs.readFileSync(path.join(exampleDir, "report.md"), "utf8");
  if (committed !== produced.markdown) {
    // The message says how to fix it; the comparison shows where it drifted.
    expect(`${regenerate}\n${committed}`).toBe(`${regenerate}\n${produced.markdown}`);
  }
});

test("examples/cn-shanghai/data-paths.svg is up to date", () => {
  const committed = fs.readFileSync(path.join(exampleDir, "data-paths.svg"), "utf8");
  if (committed !== produced.svg) {
    expect(`${regenerate}\n${committed}`).toBe(`${regenerate}\n${produced.svg ?? ""}`);
  }
});

test("the example shows the sealed verdict of the Shanghai stack", () => {
  expect(produced.markdown).toContain("**Verdict: sealed.**");
  expect(produced.controls.length).toBeGreaterThan(0);
  expect(produced.controls.filter((c) => c.status !== "met")).toEqual([]);
});
