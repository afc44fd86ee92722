/**
 * The language host's check between loading a program and running it (engine/node-engines.ts):
 * with `engine-strict` in the .npmrc beside the program's package.json, `engines.node` must admit
 * the running Node. Found reading the SDK's run.js while running the guard on Node 22, 24 and 26:
 * the guard judged such a program on a Node the host refuses.
 */
import * as path from "node:path";
import type { Plan } from "../../engine/plan";
import { root } from "../helpers/cli";
import { evaluateMany } from "../helpers/worker";

const fixtures = path.join(root, "test", "fixtures", "engine");

let strict: Plan | Error;
let lenient: Plan | Error;
beforeAll(async () => {
  [strict, lenient] = await evaluateMany(
    ["engine-strict", "engine-lenient"].map((p) => ({
      projectDir: path.join(fixtures, p),
      stack: "dev",
    })),
  );
});

test("fails a program whose package asks for another Node under engine-strict, as the host words it", () => {
  expect(strict).toBeInstanceOf(Error);
  expect((strict as Error).message).toBe(
    `The program index.ts failed: Your current Node version is incompatible to run ${path.join(fixtures, "engine-strict")}\n` +
      "Expected version: >=999 as found in package.json > engines > node\n" +
      `Actual Node version: ${process.versions.node}\n` +
      "To fix issue, install a Node version that is compatible with >=999",
  );
});

test("judges it where engine-strict is off, as the host runs it", () => {
  expect(lenient).not.toBeInstanceOf(Error);
  expect((lenient as Plan).resources.map((r) => r.type)).toContain("aws:s3/bucket:Bucket");
});
