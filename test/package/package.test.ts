/**
 * sovereign-dc where the infrastructure lives: the packed tarball installed into a fresh project
 * outside this repository gives a working `sovereign-dc check`, and the built policy pack folder
 * runs under the Pulumi SDK's own policy-pack runner with nothing from outside itself.
 *
 * The project links @pulumi/pulumi and @pulumi/aws from this repository's node_modules (a Pulumi
 * project brings its own SDKs; copying 100 MB of them would only time the disk) and installs
 * the tarball and its dependencies with npm, from npm's cache where it can.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { PolicyPackSession } from "../../engine/analyzer";
import { packConfigFor } from "../../engine/check";
import { toViolations } from "../../engine/check";
import type { Plan } from "../../engine/plan";
import { inventoriedPackages } from "../../policy/inventory/sdk";
import { root } from "../helpers/cli";
import { evaluate } from "../helpers/worker";

const run = promisify(execFile);
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const fixtures = path.join(root, "test", "fixtures", "verdict");

let tmp: string;
let tarball: string;
/** The files `npm pack` put in the tarball. */
let packed: string[];
let project: string;
/** The installed CLI's answers, run side by side once the project is installed. */
let sealedRun: Promise<{ code: number; stdout: string; stderr: string }>;
let failingRun: Promise<{ code: number; stdout: string; stderr: string }>;
let coverageRun: Promise<{ code: number; stdout: string; stderr: string }>;
let yamlRun: Promise<{ code: number; stdout: string; stderr: string }>;
let pythonRun: Promise<{ code: number; stdout: string; stderr: string }>;

/** Runs the installed CLI in the project, as `npx sovereign-dc …` does. */
async function installedCli(args: readonly string[]) {
  const bin = path.join(project, "node_modules", ".bin", "sovereign-dc");
  try {
    const { stdout, stderr } = await run(bin, [...args], {
      cwd: project,
      env: { ...process.env, PULUMI_BACKEND_URL: "" },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-package-"));
  // npm pack runs prepack: the build into dist/, then the tarball of what package.json ships.
  const pack = await run(npm, ["pack", "--json", "--pack-destination", tmp], { cwd: root });
  const doc = (JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[])[0];
  tarball = path.join(tmp, doc.filename);
  packed = doc.files.map((f) => f.path);

  project = path.join(tmp, "their-infra");
  fs.mkdirSync(project);
  fs.writeFileSync(
    path.join(project, "package.json"),
    JSON.stringify({ name: "their-infra", version: "1.0.0", private: true }),
  );
  fs.writeFileSync(path.join(project, "Pulumi.yaml"), "name: their-infra\nruntime: nodejs\n");
  fs.writeFileSync(
    path.join(project, "Pulumi.dev.yaml"),
    "config:\n  aws:region: us-west-2\n  sovereign-dc:jurisdiction: US\n",
  );
  fs.copyFileSync(path.join(fixtures, "zones-subnet.ts"), path.join(project, "sealed.ts"));
  fs.copyFileSync(path.join(fixtures, "waived.ts"), path.join(project, "public-bucket.ts"));
  const sdk = (name: string) => `file:${path.join(root, "node_modules", "@pulumi", name)}`;
  await run(
    npm,
    ["install", "--prefer-offline", "--no-audit", "--no-fund", sdk("pulumi"), sdk("aws"), tarball],
    { cwd: project },
  );
  sealedRun = installedCli(["check", "sealed.ts", "--stack", "dev"]);
  failingRun = installedCli(["check", "public-bucket.ts", "--stack", "dev", "--format", "json"]);
  coverageRun = installedCli(["coverage", "--format", "json"]);
  // A Pulumi YAML project beside it: no package of its own, judged by the installed CLI.
  const yamlProject = path.join(project, "records-yaml");
  fs.mkdirSync(yamlProject);
  for (const f of ["Pulumi.yaml", "Pulumi.cn.yaml"]) {
    fs.copyFileSync(
      path.join(root, "test", "fixtures", "yaml", "sealed", f),
      path.join(yamlProject, f),
    );
  }
  yamlRun = installedCli(["check", "records-yaml", "--stack", "cn"]);
  // A Python project beside it, which the guard sends to the Pulumi CLI with its pack.
  const pythonProject = path.join(project, "python-infra");
  fs.mkdirSync(pythonProject);
  fs.writeFileSync(
    path.join(pythonProject, "Pulumi.yaml"),
    "name: python-infra\nruntime: python\n",
  );
  pythonRun = installedCli(["check", "python-infra", "--stack", "dev"]);
}, 180_000);

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("npm pack", () => {
  it("ships the launcher, the built JavaScript, the README, its records and the CI example — no sources, tests or fixtures", () => {
    const files = packed;
    const tops = [...new Set(files.map((f) => f.split("/")[0]))].sort();
    expect(tops).toEqual(["README.md", "bin", "dist", "docs", "examples", "package.json"]);
    expect(files.filter((f) => f.startsWith("docs/") && !f.startsWith("docs/history/"))).toEqual(
      [],
    );
    // The workflow the README offers a repository that installs the guard, and nothing else.
    expect(files.filter((f) => f.startsWith("examples/"))).toEqual(["examples/ci/residency.yml"]);
    expect(files.filter((f) => /(^|\/)(test|bench|fixtures)\//.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).toEqual([]);
    expect(files).toContain("dist/policy-pack/PulumiPolicy.yaml");
  });

  it("holds every file the README links to, so its links work where the package is installed", () => {
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
    // Markdown links to a file of the repository: not a URL, not an anchor of the page itself.
    const targets = [...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
      .map((m) => m[1])
      .filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t));
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.filter((t) => !packed.includes(path.posix.normalize(t)))).toEqual([]);
  });
});

describe("sovereign-dc installed into another project", () => {
  it("passes a sealed program: exit 0 and the SEALED verdict", async () => {
    const r = await sealedRun;
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        "Checked sealed.ts as stack dev (jurisdiction US): 6 resources",
        "Violations: none",
        "SEALED: stack dev has no path out of US (0 advisory findings).",
        "",
      ].join("\n"),
    );
  });

  it("passes a sealed Pulumi YAML project: exit 0 and the SEALED verdict", async () => {
    const r = await yamlRun;
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe(
      "Checked records-yaml/Pulumi.yaml as stack cn (jurisdiction CN): 6 resources",
    );
    expect(r.stdout).toContain("SEALED: stack cn has no path out of CN (0 advisory findings).");
  });

  it("fails a program with a path out: exit 1 and the finding with its path", async () => {
    const r = await failingRun;
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as {
      violations: { policy: string; level: string; resourceName: string; path: string[] }[];
    };
    expect(
      doc.violations
        .filter((v) => v.level === "mandatory")
        .map((v) => [v.policy, v.resourceName, v.path]),
    ).toEqual([
      // One crossing, one finding: the public ACL is public-exposure's, not also no-path's.
      ["public-exposure", "status-page", ["the internet", 's3 bucket acl "status-page"']],
    ]);
    // A customer-managed key is hardening: advisory for a stack that does not set strict posture.
    expect(
      doc.violations
        .filter((v) => v.policy === "customer-key-encryption")
        .map((v) => [v.level, v.resourceName]),
    ).toEqual([["advisory", "status-page"]]);
  });

  it("reports the coverage of the providers' types from the inventory it ships", async () => {
    const r = await coverageRun;
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { providers: { provider: string; total: number }[] };
    // The inventory of this checkout, as shipped: the clouds' SDKs hundreds of types each, the
    // container image and database server packages a few.
    expect(doc.providers.map((p) => p.provider)).toEqual([...inventoriedPackages]);
    const clouds = ["alicloud", "aws", "kubernetes"];
    expect(doc.providers.filter((p) => p.total > 500).map((p) => p.provider)).toEqual(clouds);
    expect(doc.providers.every((p) => p.total > 0)).toBe(true);
  });

  it("names its own pack folder where it says how to judge a program under the Pulumi CLI", async () => {
    const r = await pythonRun;
    expect(r.code).toBe(2);
    // Checked from the folder above the Python project: the preview runs in that project's
    // folder (--cwd), and names the pack from there.
    expect(r.stderr).toContain(
      "npx sovereign-dc policy-config --project python-infra --stack <stack> --out python-infra/policy/config/<stack>.json, then pulumi preview --cwd python-infra --stack <stack> --policy-pack ",
    );
    const pack = /--policy-pack (\S+) /.exec(r.stderr)?.[1];
    expect(pack).toBe(path.join("..", "node_modules", "sovereign-dc", "dist", "policy-pack"));
    expect(fs.existsSync(path.join(project, "python-infra", pack!, "PulumiPolicy.yaml"))).toBe(
      true,
    );
  });

  it("reports its own version", async () => {
    const r = await installedCli(["--version"]);
    const version = (
      JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string }
    ).version;
    expect(r).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });
});

describe("the built policy pack folder", () => {
  let child: ChildProcess | undefined;
  afterAll(() => child?.kill());

  it("runs under the SDK's run-policy-pack from a copy of its own, and judges as the CLI does", async () => {
    // A copy elsewhere: a require of anything outside the folder would fail. Its dependencies
    // resolve through NODE_PATH, as `pulumi policy publish` would install them beside it.
    const pack = path.join(tmp, "pack-copy");
    fs.cpSync(path.join(root, "dist", "policy-pack"), pack, { recursive: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(pack, "package.json"), "utf8")) as {
      version: string;
      dependencies: Record<string, string>;
    };
    expect(Object.keys(manifest.dependencies).sort()).toEqual([
      "@pulumi/policy",
      "@pulumi/pulumi",
      "fast-xml-parser",
      "ipaddr.js",
      "libphonenumber-js",
      "shell-quote",
      "tldts",
      "yaml",
      "zod",
    ]);
    expect(fs.readFileSync(path.join(pack, "PulumiPolicy.yaml"), "utf8")).toContain(
      `version: ${manifest.version}\n`,
    );
    const runner = path.join(root, "node_modules", "@pulumi", "pulumi", "cmd", "run-policy-pack");
    child = spawn(process.execPath, [runner, "127.0.0.1:1", "."], {
      cwd: pack,
      env: { ...process.env, NODE_PATH: path.join(root, "node_modules") },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let errText = "";
    child.stderr?.on("data", (d: Buffer) => (errText += d.toString()));
    const port = new Promise<number>((resolve, reject) => {
      let out = "";
      child!.stdout?.on("data", (d: Buffer) => {
        out += d.toString();
        const line = out.split("\n")[0].trim();
        if (out.includes("\n") && /^\d+$/.test(line)) {
          resolve(Number(line));
        }
      });
      child!.once("exit", (code) =>
        reject(new Error(`run-policy-pack exited ${code}: ${errText}`)),
      );
    });
    const session = await PolicyPackSession.attach({ port, stderr: () => errText });
    try {
      const settings = { jurisdiction: "US", egressAllowlist: [], waivers: [] };
      await session.configure(packConfigFor(settings));
      const judge = async (file: string) => {
        const plan: Plan = await evaluate({
          projectDir: fixtures,
          stack: "dev",
          program: path.join(fixtures, file),
        });
        return toViolations(await session.analyzePlan(plan), plan)
          .filter((v) => v.level === "mandatory")
          .map((v) => `${v.policy} ${v.resourceName}`);
      };
      expect(await judge("zones-subnet.ts")).toEqual([]);
      expect((await judge("waived.ts")).sort()).toEqual(["public-exposure status-page"]);
      // The config `policy-config` writes for a stack in strict posture raises the hardening.
      await session.configure(packConfigFor({ ...settings, posture: "strict" }));
      expect((await judge("waived.ts")).sort()).toEqual([
        "customer-key-encryption status-page",
        "public-exposure status-page",
      ]);
      // At a first preview the queue's policy names the topic's ARN, not known yet: the built
      // pack skips public-exposure for it with the runtime's own note, as `pulumi preview` shows.
      await session.configure(packConfigFor(settings));
      const first: Plan = await evaluate({
        projectDir: fixtures,
        stack: "dev",
        program: path.join(fixtures, "own-topic-queue.ts"),
        firstPreview: true,
      });
      expect(
        toViolations(await session.analyzePlan(first), first)
          .filter((v) => v.policy === "public-exposure")
          .map((v) => [v.level, v.resourceName, v.deferred]),
      ).toEqual([["advisory", "inbox", true]]);
    } finally {
      session.close();
    }
  });
});
