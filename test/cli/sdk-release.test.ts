/**
 * The launcher refuses an `@pulumi/pulumi` it cannot run on before it loads the engine: none
 * installed where it runs, or a release outside the package's peer range (the engine drives the
 * SDK's runtime, which changes between releases; on 3.142 its analyzer messages fail to load). Each
 * is exit 2 naming the release, where it was found and what to do — not Node's exit 1 for an
 * uncaught error, which reads as a verdict.
 *
 * Run on the real launcher file in a stand-in install: a package folder with the launcher, its
 * package.json's peer range, `semver`, and the SDK release under test, without the built engine.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { root } from "../helpers/cli";

const range = (
  JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
    peerDependencies: Record<string, string>;
  }
).peerDependencies["@pulumi/pulumi"];

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-sdk-release-"));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** A stand-in install of the package with `sdk` as its @pulumi/pulumi (none if undefined). */
function install(name: string, sdk: string | undefined): string {
  const pkg = path.join(tmp, name, "node_modules", "sovereign-dc");
  fs.mkdirSync(path.join(pkg, "bin"), { recursive: true });
  fs.copyFileSync(
    path.join(root, "bin", "sovereign-dc.js"),
    path.join(pkg, "bin", "sovereign-dc.js"),
  );
  fs.writeFileSync(
    path.join(pkg, "package.json"),
    JSON.stringify({
      name: "sovereign-dc",
      version: "0.1.0",
      peerDependencies: { "@pulumi/pulumi": range },
    }),
  );
  const modules = path.join(tmp, name, "node_modules");
  fs.symlinkSync(path.join(root, "node_modules", "semver"), path.join(modules, "semver"), "dir");
  if (sdk !== undefined) {
    fs.mkdirSync(path.join(modules, "@pulumi", "pulumi"), { recursive: true });
    fs.writeFileSync(
      path.join(modules, "@pulumi", "pulumi", "package.json"),
      JSON.stringify({ name: "@pulumi/pulumi", version: sdk }),
    );
  }
  return pkg;
}

function run(pkg: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(pkg, "bin", "sovereign-dc.js"), ...args],
      { cwd: path.dirname(path.dirname(pkg)) },
      (e, out, err) => resolve({ code: e ? Number(e.code) : 0, out, err }),
    );
  });
}

it("refuses a release older than the peer range, naming it, where it is and what to do", async () => {
  const pkg = install("old", "3.142.0");
  const r = await run(pkg, "check", "index.ts", "--stack", "dev");
  expect(r).toEqual({
    code: 2,
    out: "",
    err: `error: @pulumi/pulumi 3.142.0 (${path.join(tmp, "old", "node_modules", "@pulumi", "pulumi")}) is not a release sovereign-dc runs on: its peer range is ${range}, the releases its engine, which drives the SDK's runtime, was tried on. Update the project's SDK (npm install @pulumi/pulumi@latest), or judge the program under the Pulumi CLI (pulumi preview --policy-pack).\n`,
  });
});

it("refuses to run without an SDK, saying how to install it", async () => {
  const pkg = install("none", undefined);
  const r = await run(pkg, "--version");
  expect(r).toEqual({
    code: 2,
    out: "",
    err: `error: sovereign-dc evaluates programs on the project's @pulumi/pulumi (a peer dependency, ${range}), and none is installed where it runs (${path.join(pkg, "dist")}): install it in the project (npm install @pulumi/pulumi).\n`,
  });
});

it("goes on with a release of the range, to the engine (missing here: exit 2, never 1)", async () => {
  const floor = /\d+\.\d+\.\d+/.exec(range)![0];
  const pkg = install("floor", floor);
  const r = await run(pkg, "check", "index.ts", "--stack", "dev");
  expect(r.code).toBe(2);
  expect(r.err).toMatch(
    /^error: the run ended without a verdict: an error nothing caught: Error: Cannot find module '.*[\\/]dist[\\/]engine[\\/]node-flags\.js'/,
  );
});
