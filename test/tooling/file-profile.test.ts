/**
 * The per-file CPU profile of the suite's environment (test/support/file-profile.ts): a profile
 * V8's tools read, named after the test file, and nothing written when no folder is named.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { profileFile } from "../support/file-profile";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-file-profile-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const testPath = path.resolve(__dirname, "..", "paths", "tags.test.ts");

it("writes the file's profile, named after its path, with its samples", async () => {
  const stop = profileFile(testPath, dir);
  let sum = 0;
  for (let i = 0; i < 2e6; i++) {
    sum += Math.sqrt(i);
  }
  expect(sum).toBeGreaterThan(0);
  await stop();
  expect(fs.readdirSync(dir)).toEqual(["test__paths__tags.test.ts.cpuprofile"]);
  const profile = JSON.parse(
    fs.readFileSync(path.join(dir, "test__paths__tags.test.ts.cpuprofile"), "utf8"),
  ) as { nodes: unknown[]; samples: unknown[]; startTime: number; endTime: number };
  expect(profile.nodes.length).toBeGreaterThan(1);
  expect(profile.samples.length).toBeGreaterThan(0);
  expect(profile.endTime).toBeGreaterThan(profile.startTime);
});

it("profiles nothing when no folder is named", async () => {
  await profileFile(testPath, undefined)();
  await profileFile(testPath, "")();
  expect(fs.readdirSync(dir)).toEqual([]);
});
