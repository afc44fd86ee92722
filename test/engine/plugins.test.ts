/**
 * A multi-language component is constructed offline by its own plugin where the plugin is
 * installed (engine/plugins.ts), as `pulumi preview` constructs it: the pack judges what the
 * plugin creates, and the program reads the outputs the plugin computes. Where the plugin is not
 * installed, or fails, the component stays unseen and `offline-visibility` says why.
 *
 * The plugin here is test/fixtures/plugins/provider.js, a Node provider on the SDK's own provider
 * server (as the awsx and eks plugins are), installed as `pulumi plugin install` would put it.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { findPlugin, pluginDir } from "../../engine/plugins";
import { cliMany, type CliRun, root } from "../helpers/cli";

const fixture = path.join(root, "test", "fixtures", "plugins");

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-plugins-"));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Installs an executable plugin file at `<home>/plugins/<folder>/<file>` (or `dir/<file>`). */
function install(dir: string, file: string, script = "#!/bin/sh\nexit 0\n", mode = 0o755): string {
  fs.mkdirSync(dir, { recursive: true });
  const at = path.join(dir, file);
  fs.writeFileSync(at, script, { mode });
  return at;
}

/** Whether process `pid` runs: one killed and not yet reaped (a zombie) does not. */
function alive(pid: number): boolean {
  const status = `/proc/${pid}/status`;
  if (fs.existsSync("/proc/self/status")) {
    return fs.existsSync(status) && !/^State:\s+Z/m.test(fs.readFileSync(status, "utf8"));
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Installs an `acme` plugin of `version` in `home`'s plugin folder, as the Pulumi CLI does. */
const installAcme = (home: string, version: string) =>
  install(path.join(home, "plugins", `resource-acme-v${version}`), "pulumi-resource-acme");

describe("findPlugin", () => {
  it("finds the version the component asks for in PULUMI_HOME's plugin folder", () => {
    const home = path.join(tmp, "exact");
    installAcme(home, "1.2.0");
    const want = installAcme(home, "1.10.0");
    const env = { PULUMI_HOME: home, PATH: "" };
    expect(findPlugin("acme", "1.10.0", env)).toEqual({
      pkg: "acme",
      file: want,
      version: "1.10.0",
    });
    expect(findPlugin("acme", "v1.10.0", env)).toEqual({
      pkg: "acme",
      file: want,
      version: "1.10.0",
    });
    expect(pluginDir(env)).toBe(path.join(home, "plugins"));
  });

  it("takes the newest release installed when the component asks for no version, skipping partial installs", () => {
    const home = path.join(tmp, "newest");
    installAcme(home, "2.9.0");
    const want = installAcme(home, "2.10.0");
    installAcme(home, "3.0.0");
    fs.writeFileSync(path.join(home, "plugins", "resource-acme-v3.0.0.partial"), "");
    installAcme(home, "2.10.0-alpha.1");
    expect(findPlugin("acme", "", { PULUMI_HOME: home, PATH: "" })).toEqual({
      pkg: "acme",
      file: want,
      version: "2.10.0",
    });
  });

  it("says how to install a plugin that is missing, or not executable", () => {
    const home = path.join(tmp, "missing");
    install(path.join(home, "plugins", "resource-acme-v1.0.0"), "pulumi-resource-acme", "x", 0o644);
    expect(findPlugin("acme", "1.0.0", { PULUMI_HOME: home, PATH: "" })).toEqual({
      missing:
        "none exist: its plugin, pulumi-resource-acme v1.0.0, is not installed here (`pulumi plugin install resource acme 1.0.0` installs it; the engine then runs it offline)",
    });
    expect(findPlugin("acme", "2.0.0", { PULUMI_HOME: home, PATH: "" })).toHaveProperty("missing");
  });

  it("prefers a plugin on the PATH, as the Pulumi CLI does, unless ambient plugins are ignored", () => {
    const home = path.join(tmp, "ambient");
    const installed = install(
      path.join(home, "plugins", "resource-acme-v1.0.0"),
      "pulumi-resource-acme",
    );
    const onPath = install(path.join(tmp, "bin"), "pulumi-resource-acme");
    const env = {
      PULUMI_HOME: home,
      PATH: [path.join(tmp, "nothing"), path.join(tmp, "bin")].join(path.delimiter),
    };
    expect(findPlugin("acme", "1.0.0", env)).toEqual({ pkg: "acme", file: onPath, version: "" });
    expect(findPlugin("acme", "1.0.0", { ...env, PULUMI_IGNORE_AMBIENT_PLUGINS: "true" })).toEqual({
      pkg: "acme",
      file: installed,
      version: "1.0.0",
    });
  });

  it("looks for no plugin whose name could leave the plugin folder", () => {
    expect(findPlugin("../acme", "1.0.0", { PULUMI_HOME: tmp, PATH: "" })).toEqual({
      missing: '"../acme" is not a plugin name',
    });
  });
});

describe("check with the component's plugin", () => {
  let runs: Record<string, CliRun>;
  let servingPids: string;
  beforeAll(async () => {
    // The plugin as a script around its runtime, not replaced by it (no exec), as awsx's own
    // development wrapper is: each process that serves is recorded, and must be gone once the
    // check is done.
    const home = path.join(tmp, "home");
    servingPids = path.join(tmp, "serving.pids");
    install(
      path.join(home, "plugins", "resource-acme-v1.0.0"),
      "pulumi-resource-acme",
      `#!/bin/sh\n"${process.execPath}" "${path.join(fixture, "provider.js")}" "$@" &\necho $! >> "${servingPids}"\nwait\n`,
    );
    const withPlugin = { PULUMI_HOME: home };
    const check = (stack: string, env: Record<string, string>) => ({
      args: ["check", "index.ts", "--stack", stack, "--format", "json"],
      cwd: fixture,
      env,
    });
    // A plugin that serves a port and never answers on it.
    const silent = path.join(tmp, "silent");
    install(
      path.join(silent, "plugins", "resource-acme-v1.0.0"),
      "pulumi-resource-acme",
      `#!/bin/sh\nexec "${process.execPath}" -e 'require("net").createServer().listen(0, "127.0.0.1", function () { console.log(this.address().port); })'\n`,
    );
    const [beijing, hongkong, refused, halfway, lookup, addon, missing, stalled] = await cliMany([
      check("beijing", withPlugin),
      check("hongkong", withPlugin),
      check("refused", withPlugin),
      check("halfway", withPlugin),
      check("lookup", withPlugin),
      check("addon", withPlugin),
      check("beijing", { PULUMI_HOME: path.join(tmp, "empty-home") }),
      {
        ...check("hongkong", { PULUMI_HOME: silent }),
        args: ["check", "index.ts", "--stack", "hongkong", "--timeout", "2"],
      },
    ]);
    runs = { beijing, hongkong, refused, halfway, lookup, addon, missing, stalled };
  });

  interface Doc {
    resources: {
      type: string;
      name: string;
      parent?: string | null;
      props: Record<string, unknown>;
    }[];
    violations: {
      policy: string;
      level: string;
      resourceName: string;
      message: string;
      path: string | null;
    }[];
  }
  const doc = (run: CliRun): Doc => JSON.parse(run.stdout) as Doc;
  const mandatory = (d: Doc) => d.violations.filter((v) => v.level === "mandatory");

  it("judges what the plugin creates, and passes a store that replicates inside the jurisdiction", () => {
    expect(runs.beijing.stderr).toBe("");
    expect(runs.beijing.code).toBe(0);
    const d = doc(runs.beijing);
    expect(d.resources.map((r) => `${r.type} ${r.name}`)).toEqual(
      expect.arrayContaining([
        "acme:index:Store logs",
        "alicloud:oss/bucket:Bucket logs",
        "alicloud:oss/bucketReplication:BucketReplication logs-replica",
        "alicloud:oss/bucketObject:BucketObject readme",
      ]),
    );
    // The replica's region, an output of the program's provider nested in the store's inputs,
    // reached the plugin as the program nested it (output values, as under the CLI).
    const replica = d.resources.find((r) => r.name === "logs-replica");
    expect(replica?.props.destination).toEqual({
      bucket: "acme-logs-replica",
      location: "oss-cn-beijing",
    });
    // A store handed whole to another is read back by its URN, with its outputs.
    expect(d.resources.find((r) => r.name === "logs-copy-seed")?.props).toEqual({
      action: "PUT",
      bucket: "acme-logs",
      destination: { bucket: "acme-logs-copy", location: "oss-cn-shanghai" },
    });
    // The output the plugin computed reaches the program: the object names the plugin's bucket.
    const readme = d.resources.find((r) => r.name === "readme");
    expect(readme?.props.bucket).toBe("acme-logs");
    expect(mandatory(d)).toEqual([]);
    // The plugins' processes are the engine's, started for the constructions: no command the
    // program ran itself (program-requests).
    expect(d.violations.filter((v) => v.policy === "program-requests")).toEqual([]);
  });

  it("fails a replica abroad that only the plugin creates", () => {
    expect(runs.hongkong.code).toBe(1);
    expect(mandatory(doc(runs.hongkong))).toEqual([
      {
        policy: "storage-replication",
        level: "mandatory",
        resourceType: "alicloud:oss/bucketReplication:BucketReplication",
        resourceName: "logs-replica",
        message:
          'oss bucket replication "logs-replica" must keep data inside CN, but destination.location replicates objects to oss-cn-hongkong (outside CN, in HK). Replicate to a bucket in a region inside the jurisdiction, or remove the rule.',
        path: [
          'oss bucket "acme-logs"',
          'oss bucket replication "logs-replica"',
          "oss-cn-hongkong (outside CN, in HK)",
        ],
        urn: "urn:pulumi:hongkong::plugin-components::acme:index:Store$alicloud:oss/bucketReplication:BucketReplication::logs-replica",
      },
    ]);
  });

  it("reports a component its plugin refused as unseen, with the plugin's reason", () => {
    expect(runs.refused.code).toBe(1);
    const unseen = mandatory(doc(runs.refused)).find((v) => v.policy === "offline-visibility");
    expect(unseen?.resourceName).toBe("logs");
    expect(unseen?.message).toContain(
      "the acme plugin creates them when the Pulumi CLI runs the program, and offline its plugin (",
    );
    expect(unseen?.message).toContain(
      "failed to construct it: capacityGiB must be positive, got 0, so nothing inside it was checked.",
    );
  });

  it("reports a component its plugin left half-built as unseen", () => {
    expect(runs.halfway.stderr).toBe("");
    expect(runs.halfway.code).toBe(1);
    const d = doc(runs.halfway);
    expect(d.resources.filter((r) => r.name === "logs").map((r) => r.type)).toContain(
      "acme:index:Store",
    );
    const unseen = mandatory(d).find((v) => v.policy === "offline-visibility");
    expect(unseen?.message).toContain(
      "failed to construct it: replica.location must name an OSS region, got an empty string",
    );
  });

  it("reports a component built on a lookup only the cloud answers as unseen, naming it", () => {
    expect(runs.lookup.stderr).toBe("");
    expect(runs.lookup.code).toBe(1);
    const unseen = mandatory(doc(runs.lookup)).find((v) => v.policy === "offline-visibility");
    expect(unseen?.message).toContain(
      "failed to construct it: alicloud:oss/getBuckets:getBuckets has an answer only the cloud knows, which offline is unknown, so nothing inside it was checked.",
    );
  });

  it("gives a plugin a stand-in for an add-on version only the cloud knows, unknown where it is used", () => {
    expect(runs.addon.stderr).toBe("");
    expect(runs.addon.code).toBe(0);
    const d = doc(runs.addon);
    expect(d.violations.filter((v) => v.policy === "offline-visibility")).toEqual([]);
    expect(d.resources.find((r) => r.type === "alicloud:oss/bucket:Bucket")?.props.tags).toEqual({
      cni: "[unknown]",
    });
  });

  it("constructs more components than it runs plugins at once, each in turn", () => {
    const d = doc(runs.beijing);
    expect(
      d.resources
        .filter((r) => r.type === "alicloud:oss/bucket:Bucket")
        .map((r) => r.name)
        .sort(),
    ).toEqual(["logs", "logs-2", "logs-3", "logs-4", "logs-5", "logs-copy"]);
    expect(d.violations.filter((v) => v.policy === "offline-visibility")).toEqual([]);
  });

  it("leaves no process of a plugin running, one started by a script included", () => {
    const pids = fs.readFileSync(servingPids, "utf8").trim().split("\n").map(Number);
    // Six stores of the Beijing stack, and one store for each of the five other stacks.
    expect(pids).toHaveLength(11);
    expect(pids.filter(alive)).toEqual([]);
  });

  it("names the plugin that never answers when the evaluation times out", () => {
    expect(runs.stalled.code).toBe(2);
    expect(runs.stalled.stderr).toContain(
      'did not finish within 2 s (--timeout), with 2 resource(s) never registered:\n  - acme:index:Store "logs" never registered, whose registration never completed\n',
    );
    expect(runs.stalled.stderr).toContain(
      `\nA plugin never answered: it was constructing acme:index:Store "logs" (${path.join(tmp, "silent")}`,
    );
  });

  it("says how to install a plugin that is not installed", () => {
    expect(runs.missing.code).toBe(1);
    const unseen = mandatory(doc(runs.missing)).find((v) => v.policy === "offline-visibility");
    expect(unseen?.message).toContain(
      "and offline none exist: its plugin, pulumi-resource-acme v1.0.0, is not installed here (`pulumi plugin install resource acme 1.0.0` installs it; the engine then runs it offline), so nothing inside it was checked.",
    );
  });
});
