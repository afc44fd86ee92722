/**
 * `sovereign-dc check` on a program that is not ours, as CI runs it: exit codes, the JSON
 * document and SARIF that validates against the SARIF 2.1.0 schema.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import schema from "@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json";
import { cli, cliMany, type CliRun, root } from "../helpers/cli";
import { sdkVersion } from "../../policy/inventory/sdk";

const program = path.join(root, "test", "fixtures", "check-program", "index.ts");
const other = path.join("test", "fixtures", "engine", "no-main", "other.ts");
const esm = path.join(root, "test", "fixtures", "engine", "esm", "top-level-await.ts");
const workloads = path.join("test", "fixtures", "check-kubernetes", "index.ts");
const kubernetesStacks = ["ambient", "open", "declared", "abroad", "misdeclared"] as const;
const movedMain = path.join("test", "fixtures", "engine", "moved-main");
const missingPackageMain = path.join("test", "fixtures", "engine", "missing-package-main");

/**
 * The commands of every test below but the first block's, run side by side through the CLI's
 * `main` in the worker's CLI lanes (test/helpers/cli.ts `cliMany`) while that block runs the
 * binary itself.
 * The ES-module program comes last: the lane's process retires after it (cli-batch-worker.ts).
 */
let runs: Promise<Map<string, CliRun>>;
/** A folder outside any Pulumi project. */
let noProject: string;
beforeAll(() => {
  noProject = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-no-project-"));
  const requests: [string, string[], string?][] = [
    ["no-main", ["check", other, "--stack", "dev"]],
    [
      "tsx-entry",
      ["check", path.join("test", "fixtures", "engine", "tsx-entry"), "--stack", "dev"],
    ],
    [
      "secure-region",
      [
        "check",
        path.join("test", "fixtures", "engine", "secure-region"),
        "--stack",
        "dev",
        "--format",
        "json",
      ],
    ],
    ["former-entry", ["check", path.join(movedMain, "index.ts"), "--stack", "dev"]],
    ["entry", ["check", path.join(movedMain, "src", "index.ts"), "--stack", "dev"]],
    ["project-folder", ["check", movedMain, "--stack", "dev"]],
    ["plain-folder", ["check", path.join(movedMain, "src"), "--stack", "dev"]],
    // No program given: the project of the folder check runs in, found upward.
    ["in-project", ["check", "--stack", "dev"], path.join(root, movedMain)],
    ["in-project-subfolder", ["check", "--stack", "dev"], path.join(root, movedMain, "src")],
    ["outside-project", ["check", "--stack", "dev"], noProject],
    ["missing-package-main", ["check", missingPackageMain, "--stack", "dev"]],
    [
      "bun",
      [
        "check",
        path.join("test", "fixtures", "engine", "bun-runtime", "index.ts"),
        "--stack",
        "dev",
      ],
    ],
    ...kubernetesStacks.map((stack): [string, string[]] => [
      stack,
      ["check", workloads, "--stack", stack, "--format", "json"],
    ]),
    [
      "unknown-name",
      [
        "check",
        path.join("test", "fixtures", "engine", "unknown-args.ts"),
        "--stack",
        "dev",
        "--jurisdiction",
        "EU",
        "--format",
        "json",
      ],
    ],
    ["esm", ["check", esm, "--stack", "dev", "--jurisdiction", "EU", "--format", "json"]],
    [
      "sarif-module",
      [
        "check",
        path.join("test", "fixtures", "engine", "sarif-module", "index.ts"),
        "--stack",
        "dev",
        "--format",
        "sarif",
      ],
    ],
    [
      "provider-key-typo",
      [
        "check",
        path.join("test", "fixtures", "engine", "provider-key-typo", "index.ts"),
        "--stack",
        "dev",
        "--format",
        "json",
      ],
    ],
  ];
  runs = cliMany(requests.map(([, args, cwd]) => ({ args, cwd }))).then(
    (results) => new Map(results.map((r, i) => [requests[i][0], r])),
  );
  runs.catch(() => undefined);
});
afterAll(() => {
  fs.rmSync(noProject, { recursive: true, force: true });
});
const ran = async (name: string): Promise<CliRun> => (await runs).get(name)!;

describe("sovereign-dc check on a resource named in a callback on an unknown value", () => {
  it("judges it under its stand-in's mark, as it judges a resource named by a string", async () => {
    const run = await ran("unknown-name");
    expect(run.stderr).toMatch(/^note: .*unknown-args\.ts is not this project's entry/);
    expect([0, 1]).toContain(run.code);
    const report = JSON.parse(run.stdout) as { resources: { type: string; name: string }[] };
    expect(
      report.resources
        .filter((r) => r.type === "aws:ec2/securityGroup:SecurityGroup")
        .map((r) => r.name),
    ).toEqual([expect.stringMatching(/^⟨unknown \d+⟩$/)]);
  });
});

describe("sovereign-dc check on a program for the Bun runtime", () => {
  it("fails a program that uses Bun's API, saying the check runs it on Node.js", async () => {
    const run = await ran("bun");
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      "error: The program index.ts failed: Bun is not defined (at index.ts:5:14). The project's runtime is bun, and the offline check runs programs on Node.js, where Bun's own APIs (Bun.*, bun: modules) do not exist: check a program that uses them under the Pulumi CLI.\n",
    );
  });
});

describe("sovereign-dc check on a file that is not the project's entry", () => {
  it("says which file pulumi up runs, on stderr, and judges the file it was given", async () => {
    const former = await ran("former-entry");
    expect(former.stderr).toBe(
      `note: ${path.join(movedMain, "index.ts")} is not this project's entry: pulumi up runs ${path.join(movedMain, "src", "index.ts")} (Pulumi.yaml main, else the file package.json names by exports or main if it exists, else index.js, index.mjs, index.ts, index.mts). The verdict below is for ${path.join(movedMain, "index.ts")}.\n`,
    );
    expect(former.code).toBe(0);
  });

  it("checks a project folder's entry, the program pulumi up runs there", async () => {
    const folder = await ran("project-folder");
    expect(folder.stderr).toBe("");
    expect(folder.code).toBe(1);
    expect(folder.stdout).toMatch(
      new RegExp(
        `^Checked ${path.join(movedMain, "src", "index.ts").replace(/[/\\]/g, ".")} as stack dev`,
      ),
    );
  });

  it("checks the folder's index.ts when package.json names an entry that does not exist, as the language host runs it", async () => {
    const run = await ran("missing-package-main");
    expect(run.stderr).toBe(
      `warning: ${path.join(root, missingPackageMain, "package.json")} names "index.js" as the program's entry, but there is no such file; like the Pulumi language host ("Could not find entry point … specified in package.json"), the guard runs the project folder ${path.join(root, missingPackageMain)} instead: index.ts.\n`,
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('aws:kms/key:Key "records"');
  });

  it("refuses a folder that holds no project, naming it and what is allowed", async () => {
    const plain = await ran("plain-folder");
    expect(plain.code).toBe(2);
    expect(plain.stderr).toBe(
      `error: <program> ${JSON.stringify(path.join(movedMain, "src"))}: a folder must hold a Pulumi project (Pulumi.yaml), whose entry is checked; give a program file or a project folder.\n`,
    );
  });

  it("checks the project of the current folder when no program is given, as pulumi preview finds it", async () => {
    const here = await ran("in-project");
    const folder = await ran("project-folder");
    expect(here.stderr).toBe("");
    expect(here.code).toBe(1);
    expect(here.stdout).toMatch(
      new RegExp(`^Checked ${path.join("src", "index.ts").replace(/[/\\]/g, ".")} as stack dev`),
    );
    // The same verdict and findings as `check <project folder>` from the repository's root.
    expect(here.stdout.split("\n").slice(1)).toEqual(folder.stdout.split("\n").slice(1));
    const below = await ran("in-project-subfolder");
    expect(below.code).toBe(1);
    expect(below.stdout).toMatch(/^Checked index\.ts as stack dev/);
    expect(below.stdout.split("\n").slice(1)).toEqual(folder.stdout.split("\n").slice(1));
  });

  it("refuses to run without a program outside any project, naming the folder and what to give", async () => {
    const run = await ran("outside-project");
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      `error: <program> not given, and no Pulumi project (Pulumi.yaml) in ${noProject} or any folder above it: run check inside a Pulumi project, or give a program file or a project folder.\n`,
    );
  });

  it("says nothing of the entry itself, whose key abroad fails it", async () => {
    const entry = await ran("entry");
    expect(entry.stderr).toBe("");
    expect(entry.code).toBe(1);
    expect(entry.stdout).toContain('aws:kms/key:Key "records"');
  });
});

test("a project whose entry is a .tsx file is refused, naming the entry and why", async () => {
  const run = await ran("tsx-entry");
  expect(run.code).toBe(2);
  expect(run.stderr).toBe(
    `error: <program> "${path.join("test", "fixtures", "engine", "tsx-entry")}": its entry "${path.join("test", "fixtures", "engine", "tsx-entry", "index.tsx")}" (Pulumi.yaml main, or package.json's) is not a Pulumi program file (.ts, .mts, .cts, .js, .mjs or .cjs, or the .yaml or .json of a Pulumi YAML project). sovereign-dc does not compile JSX (.tsx, .jsx): judge such a program under the Pulumi CLI (pulumi preview --policy-pack), or keep its entry in a .ts file.\n`,
  );
});

test("a secure config value no offline run decrypts is named in the finding, not masked as a secret", async () => {
  const run = await ran("secure-region");
  expect(run.code).toBe(1);
  const places = JSON.parse(run.stdout)
    .violations.filter((v: { policy: string }) => v.policy === "resource-placement")
    .map((v: { path: string[] }) => v.path.at(-1));
  expect(places).toEqual([
    "[secret secure-region:replicaRegion, not decrypted offline] (not a region of aws the pack knows, so not inside US)",
    "[secret secure-region:replicaRegion, not decrypted offline] (not a region of aws the pack knows, so not inside US)",
  ]);
});

// Found by a CI user's walkthrough: a misspelt region left the default provider without one, and
// the findings (fail closed, correctly) could not say why.
test("a provider setting the installed provider does not declare is named on stderr, with the key it may mean", async () => {
  const run = await ran("provider-key-typo");
  expect(run.code).toBe(1);
  expect(run.stderr).toContain(
    "warning: aws:regoin is no setting of the installed @pulumi/aws (did you mean aws:region?); the provider does not take it for another.\n",
  );
  // A Kubernetes setting, read from the provider's inputs (@pulumi/kubernetes has no config module).
  expect(run.stderr).toContain(
    "warning: kubernetes:contex is no setting of the installed @pulumi/kubernetes (did you mean kubernetes:context?); the provider does not take it for another.\n",
  );
  // Its real settings (aws:skipMetadataApiCheck, kubernetes:namespace) and the guard's own are no
  // warning.
  expect(run.stderr.match(/^warning: /gm)).toHaveLength(2);
  expect(JSON.parse(run.stdout).violations.map((v: { policy: string }) => v.policy)).toContain(
    "resource-placement",
  );
});

describe("sovereign-dc check of a program that declares resources from beforeExit listeners", () => {
  it("judges them, as pulumi up deploys them, beside the launcher's own listener", async () => {
    // @pulumi/aws's BucketNotification for onObjectCreated, to a function in Oregon, and the
    // program's own buckets of two rounds; the launcher's listener, which ends a run that
    // drains without a verdict, is not run with them.
    const run = await cli([
      "check",
      path.join("test", "fixtures", "engine", "before-exit.ts"),
      "--stack",
      "dev",
      "--jurisdiction",
      "EU",
      "--format",
      "json",
    ]);
    // Only the note that the file is not the fixture project's entry.
    expect(run.stderr).toMatch(
      /^note: test\/fixtures\/engine\/before-exit\.ts is not this project's entry[^\n]*\n$/,
    );
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout);
    expect(
      doc.violations
        .filter((v: { level: string }) => v.level === "mandatory")
        .map((v: { policy: string; resourceName: string }) => `${v.policy} ${v.resourceName}`),
    ).toEqual(["arn-locality to-ingest"]);
  });
});

// Found by a CI user's walkthrough: every finding on a resource a module declares landed on the
// entry's first line, or on a line that merely named it, and one line's findings could merge.
test("SARIF points each finding at the line of the program's file that declares its resource, each with a fingerprint of its own", async () => {
  const run = await ran("sarif-module");
  expect(run.code).toBe(1);
  const results = JSON.parse(run.stdout).runs[0].results as Array<{
    ruleId: string;
    locations: Array<{
      physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
      logicalLocations?: Array<{ name: string }>;
    }>;
    partialFingerprints: Record<string, string>;
  }>;
  const site = "test/fixtures/engine/sarif-module/lib/site.ts";
  const at = (r: (typeof results)[number]) => [
    r.ruleId,
    r.locations[0].logicalLocations?.[0]?.name,
    r.locations[0].physicalLocation.artifactLocation.uri,
    r.locations[0].physicalLocation.region.startLine,
  ];
  const entry = "test/fixtures/engine/sarif-module/index.ts";
  expect(results.filter((r) => r.locations[0].logicalLocations !== undefined).map(at)).toEqual(
    expect.arrayContaining([
      ["public-exposure", "site-policy", site, 6],
      ["customer-key-encryption", "site", site, 5],
      ["customer-key-encryption", "scratch-a", entry, 7],
      ["customer-key-encryption", "scratch-b", entry, 7],
    ]),
  );
  // On an output's callback, whose caller is the SDK's: only its own frame is the program's.
  expect(
    results
      .filter((r) => r.locations[0].logicalLocations?.[0]?.name.startsWith("late-"))
      .map((r) => at(r).slice(2)),
  ).toEqual([[entry, 8]]);
  const prints = results.map((r) => r.partialFingerprints["sovereignDcFinding/v1"]);
  expect(prints.every((p) => /^[0-9a-f]{32}$/.test(p))).toBe(true);
  expect(new Set(prints).size).toBe(prints.length);
});

describe("sovereign-dc check --format json --sarif <file>", () => {
  let json: { code: number; stdout: string; stderr: string };
  let sarif: { code: number; text: string };
  beforeAll(async () => {
    const sarifFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sdc-check-")), "prod.sarif");
    // Logged in to Pulumi Cloud, which keeps state in AWS us-west-2: outside CN too.
    json = await cli(
      ["check", program, "--stack", "prod", "--format", "json", "--sarif", sarifFile],
      {
        env: { PULUMI_BACKEND_URL: "https://api.pulumi.com" },
      },
    );
    sarif = { code: json.code, text: fs.readFileSync(sarifFile, "utf8") };
  });

  it("exits 1 and names the replication to Hong Kong in the JSON document", () => {
    expect(json.code).toBe(1);
    const doc = JSON.parse(json.stdout);
    expect(doc.stack).toBe("prod");
    expect(doc.jurisdiction).toBe("CN");
    const names = doc.violations
      .filter((v: { level: string }) => v.level === "mandatory")
      .map((v: { resourceName: string }) => v.resourceName);
    expect(names).toContain("telemetry-dr-replication");
    for (const v of doc.violations) {
      expect(Object.keys(v).sort()).toEqual(
        ["level", "message", "path", "policy", "resourceName", "resourceType", "urn"].sort(),
      );
    }
  });

  it("fails a stack whose state would go to Pulumi Cloud, naming the backend and where it is", () => {
    const state = JSON.parse(json.stdout).violations.filter(
      (v: { policy: string }) => v.policy === "state-residency",
    );
    expect(state).toEqual([
      {
        policy: "state-residency",
        level: "mandatory",
        resourceType: null,
        resourceName: null,
        urn: null,
        message:
          "The backend in PULUMI_BACKEND_URL of stack prod must keep its data inside CN, but it is in aws us-west-2, outside CN. Log in to a backend in the stack's own region (an s3:// bucket with ?region=, or OSS through its S3 endpoint).",
        path: [
          "Pulumi state of stack prod",
          "backend in PULUMI_BACKEND_URL https://api.pulumi.com",
          "aws us-west-2 (outside CN)",
        ],
      },
    ]);
    // The same finding goes to code scanning, at the top of the program (no resource declares it).
    const inSarif = JSON.parse(sarif.text).runs[0].results.filter(
      (r: { ruleId: string }) => r.ruleId === "state-residency",
    );
    expect(inSarif.map((r: { level: string }) => r.level)).toEqual(["error"]);
    expect(inSarif[0].locations[0].physicalLocation.region.startLine).toBe(1);
  });

  it("writes SARIF 2.1.0 that validates against the schema", () => {
    expect(sarif.code).toBe(1);
    const log = JSON.parse(sarif.text);
    // The SARIF schema's patterns are ECMA-262 without the u flag (e.g. "[^/]+]" style brackets).
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const results = log.runs[0].results as {
      ruleId: string;
      level: string;
      locations: unknown[];
    }[];
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => r.level === "error" || r.level === "warning")).toBe(true);
  });

  it("points code scanning at the line that declares the offending resource", () => {
    const log = JSON.parse(sarif.text);
    const result = log.runs[0].results.find(
      (r: { locations: { logicalLocations?: { name: string }[] }[] }) =>
        r.locations[0].logicalLocations?.[0].name === "telemetry-dr-replication",
    );
    const declaration =
      fs
        .readFileSync(program, "utf8")
        .split("\n")
        .findIndex((line) =>
          line.startsWith('new oss.BucketReplication("telemetry-dr-replication"'),
        ) + 1;
    expect(declaration).toBeGreaterThan(0);
    expect(result.locations[0].physicalLocation.region.startLine).toBe(declaration);
  });
});

describe("sovereign-dc check --format json into a pipe", () => {
  it("writes the whole document when it is larger than the pipe's buffer", async () => {
    // 120 open security groups: a document of about 130 KB, twice a Linux pipe's 64 KiB. Its
    // reader starts two seconds late, as a busy CI step's `| jq` can: until it reads, what does
    // not fit in the pipe waits in the command. Exiting as soon as the command returned cut the
    // document off at the buffer, and it did not parse. (Node's own child processes talk over
    // sockets, whose buffers are larger: the shell's pipe is the one a user's has.)
    const program = path.join(root, "test", "fixtures", "verdict", "many-open-groups.ts");
    const run = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      execFile(
        "bash",
        [
          "-c",
          'set -o pipefail; node "$0" check "$1" --stack dev --format json | { sleep 2; cat; }',
          path.join(root, "bin", "sovereign-dc.js"),
          program,
        ],
        { cwd: root, env: { ...process.env, PULUMI_BACKEND_URL: "" }, maxBuffer: 1 << 24 },
        (err, stdout) => resolve({ code: err ? (err as { code: number }).code : 0, stdout }),
      );
    });
    expect(run.code).toBe(1);
    expect(Buffer.byteLength(run.stdout)).toBeGreaterThan(2 * 65536);
    const doc = JSON.parse(run.stdout) as { resources: unknown[]; violations: unknown[] };
    expect(doc.resources.length).toBeGreaterThanOrEqual(120);
    expect(doc.violations.length).toBeGreaterThanOrEqual(120);
  });
});

describe("sovereign-dc check <file> in a project whose main names no file", () => {
  it("evaluates the file it was given, without looking for the project's entry", async () => {
    const r = await ran("no-main");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        `Checked ${other} as stack dev (jurisdiction CN): 6 resources`,
        "Violations: none",
        "SEALED: stack dev has no path out of CN (0 advisory findings).",
        "",
      ].join("\n"),
    );
  });
});

describe("sovereign-dc check on a TypeScript ES-module program", () => {
  it("evaluates it (NodeNext .js specifier, top-level await) and judges what it registered", async () => {
    const run = await ran("esm");
    // The fixture sits in the engine fixtures' project, whose entry is another file: said, on stderr.
    expect(run.stderr).toBe(
      "note: test/fixtures/engine/esm/top-level-await.ts is not this project's entry: pulumi up runs test/fixtures/engine/index.ts (Pulumi.yaml main, else the file package.json names by exports or main if it exists, else index.js, index.mjs, index.ts, index.mts). The verdict below is for test/fixtures/engine/esm/top-level-await.ts.\n",
    );
    // Its one finding is hardening (no customer-managed key): advisory in standard posture.
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(
      doc.resources.map(
        (r: { type: string; name: string; region: string | null; props: unknown }) => [
          r.type,
          r.name,
          r.region,
          r.props,
        ],
      ),
    ).toEqual([
      ["pulumi:pulumi:Stack", "engine-fixture-dev", null, {}],
      [
        "pulumi:providers:aws",
        "default_7_48_0",
        "eu-central-1",
        { region: "eu-central-1", version: "7.48.0" },
      ],
      [
        "aws:s3/bucket:Bucket",
        "esm-logs",
        "eu-central-1",
        { acl: "private", tags: { purpose: "audit-logs", owner: "platform", retention: "30d" } },
      ],
    ]);
    expect(
      doc.violations.map((v: { policy: string; level: string; resourceName: string }) => [
        v.policy,
        v.level,
        v.resourceName,
      ]),
    ).toEqual([["customer-key-encryption", "advisory", "esm-logs"]]);
  });
});

describe("sovereign-dc check on Kubernetes workloads deployed through the ambient kubeconfig", () => {
  const version = sdkVersion(root, "kubernetes");
  const provider = `default_${version.replace(/[.-]/g, "_")}`;
  // Named in sorted order, whatever order the program registered them in.
  const objects =
    'k8s deployment "scan-recorder", k8s deployment "tracking-api", k8s namespace "tracking"';
  const namespaceFinding = {
    policy: "kubernetes-namespace-egress",
    level: "mandatory",
    resourceType: "kubernetes:core/v1:Namespace",
    resourceName: "tracking",
    message:
      'k8s namespace "tracking" must deny pod egress by default, but no NetworkPolicy in it selects every pod (podSelector: {}) with policyTypes ["Egress"] — nor a Cilium policy (endpointSelector: {} with egress rules) or a Calico one (selector: all() with types Egress), of the namespace or of the whole cluster, nor an admin or baseline network policy that denies every pod egress to 0.0.0.0/0 and ::/0 — so the pods of k8s deployment "scan-recorder" and k8s deployment "tracking-api" can reach any address, in any country. Add a default-deny egress NetworkPolicy to the namespace and allow only in-cluster peers and allowlisted destinations.',
    path: [
      'k8s namespace "tracking"',
      "pod egress (no default-deny NetworkPolicy)",
      "every address (any country)",
    ],
  };
  type Finding = Record<string, unknown>;
  const run = async (stack: string) => {
    const r = await ran(stack);
    const doc = JSON.parse(r.stdout) as { violations: Finding[] };
    return {
      code: r.code,
      violations: doc.violations.map(({ urn: _urn, ...v }) => v),
    };
  };

  it("fails the cluster nobody placed, saying how to declare where it is", async () => {
    expect(await run("ambient")).toEqual({
      code: 1,
      violations: [
        {
          policy: "kubernetes-cluster-placement",
          level: "mandatory",
          resourceType: "pulumi:providers:kubernetes",
          resourceName: provider,
          message: `kubernetes provider "${provider}" must deploy to a cluster placed inside US, but the pack cannot tell where its cluster is: it uses the ambient kubeconfig (KUBECONFIG or ~/.kube/config) of whoever runs Pulumi, and it selects no context the stack config declares. Its 5 Kubernetes objects (${objects} and 2 more) could run in any country. Build the provider's kubeconfig from a cluster this program creates (alicloud.cs.ManagedKubernetes, aws.eks.Cluster), or declare where the cluster is: set kubernetes:context in the stack config to the cluster's kubeconfig context, and add that context with its cloud and region to the stack config, e.g. sovereign-dc:clusters: [{ context: "<context>", cloud: aws, region: us-east-1 }], with a region inside US; a cluster in a data center of your own by its site and country instead, e.g. sovereign-dc:clusters: [{ context: "<context>", site: "<data center>", country: US }].`,
          path: [`kubernetes provider "${provider}"`, "a cluster the pack cannot place"],
        },
        namespaceFinding,
      ],
    });
  });

  it("fails a cluster declared inside the jurisdiction whose namespace leaves pod egress open", async () => {
    expect(await run("open")).toEqual({ code: 1, violations: [namespaceFinding] });
  });

  it("passes once the cluster is declared inside the jurisdiction and its namespace denies egress by default", async () => {
    expect(await run("declared")).toEqual({ code: 0, violations: [] });
  });

  it("fails a context declared in a region outside the jurisdiction", async () => {
    expect(await run("abroad")).toEqual({
      code: 1,
      violations: [
        {
          policy: "kubernetes-cluster-placement",
          level: "mandatory",
          resourceType: "pulumi:providers:kubernetes",
          resourceName: provider,
          message: `kubernetes provider "${provider}" must deploy to a cluster inside US, but sovereign-dc:clusters declares the cluster of its context "tracking-eu" in eu-central-1 (outside US, in EU), so its 6 Kubernetes objects (${objects} and 3 more) would run there. Deploy to a cluster in a region inside US.`,
          path: [
            `kubernetes provider "${provider}"`,
            'cluster of context "tracking-eu"',
            "eu-central-1 (outside US, in EU)",
          ],
        },
      ],
    });
  });

  it("refuses a cluster declaration whose region is not a region ID, naming the key (exit 2)", async () => {
    const r = await ran("misdeclared");
    expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 2, stdout: "" });
    expect(r.stderr).toContain(
      'sovereign-dc:clusters[0].region: received "oregon"; expected a region ID of aws, such as us-west-2.',
    );
  });
});
