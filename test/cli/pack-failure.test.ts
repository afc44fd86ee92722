/**
 * A pack that fails ends `check` in exit 2 with the pack's own words — the policy that threw and
 * its message — and none of the engine's stack: a policy with a bug, and a pack that is gone.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../cli/main";
import { spawnPack } from "../../engine/spawn-pack";
import { root } from "../helpers/cli";

const fixture = path.join(root, "test", "fixtures", "verdict", "zones-subnet.ts");

async function check(pack: ReturnType<typeof spawnPack>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    ["node", "sovereign-dc", "check", fixture, "--stack", "dev"],
    { out: (t) => out.push(t), err: (t) => err.push(t) },
    pack,
  );
  return { code, stdout: out.join(""), stderr: err.join("") };
}

test("a policy that throws: exit 2, naming the policy and its error", async () => {
  const pack = spawnPack(path.join(root, "test", "fixtures", "packs", "throwing"));
  const run = await check(pack);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr).toMatch(
    /^error: Policy pack error: Error validating resource with policy 'throws' from policy pack 'throwing@v0\.0\.1':\nError: this policy has a bug\n/,
  );
  expect(run.stderr).not.toContain(path.join("engine", "analyzer"));
});

test("a pack that is gone before the check: exit 2, saying so", async () => {
  const pack = spawnPack(path.join(root, "test", "fixtures", "packs", "throwing"));
  await pack.port;
  pack.child.kill("SIGKILL");
  await new Promise((resolve) => pack.child.once("exit", resolve));
  const run = await check(pack);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(
    /^error: Policy pack error: the connection to the policy pack (failed|closed)/,
  );
  expect(run.stderr).not.toContain(path.join("engine", "analyzer"));
});

test("a check refused on its stack's settings stops the pack it started at once, not once it serves", async () => {
  // A stack whose config names no jurisdiction: refused as the evaluation reads it, before the
  // program runs and long before a pack has started.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-pack-refused-"));
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: refused\nruntime: nodejs\n");
  fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), "config:\n  aws:region: us-west-2\n");
  fs.writeFileSync(path.join(dir, "index.ts"), "export const nothing = 1;\n");
  const pack = spawnPack(path.join(root, "test", "fixtures", "packs", "throwing"));
  const exited = new Promise((resolve) => pack.child.once("exit", resolve));
  const err: string[] = [];
  try {
    const code = await main(
      ["node", "sovereign-dc", "check", path.join(dir, "index.ts"), "--stack", "dev"],
      { out: () => undefined, err: (t) => err.push(t) },
      pack,
    );
    expect({ code, err: err.join("") }).toEqual({
      code: 2,
      err: expect.stringContaining("jurisdiction"),
    });
    // Asked to stop before main returned: its caller does not wait for the pack to start.
    expect(pack.child.killed).toBe(true);
    await exited;
  } finally {
    pack.child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
