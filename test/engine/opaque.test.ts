/**
 * What the offline engine cannot see fails closed: components whose resources come from a plugin
 * (multi-language components) or a provider function (Helm v3 charts, v1 kustomizations) and of
 * which nothing was recorded get one `offline-visibility` finding each, with how to check them.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { configurablePolicyNames, mergePolicyConfigFile } from "../../engine/check";
import type { Violation } from "../../engine/check";
import { opaqueViolations, withOfflineSources } from "../../engine/opaque";
import { type Plan, recordOf, type RecordedResource } from "../../engine/plan";
import { UsageError } from "../../engine/project";
import { unknownValue } from "../../engine/wire";
import { cliMany, root } from "../helpers/cli";
import { sdkVersion } from "../../policy/inventory/sdk";

const stackUrn = "urn:pulumi:prod::opaque::pulumi:pulumi:Stack::opaque-prod";

function resource(
  type: string,
  name: string,
  opts: { custom?: boolean; remote?: boolean; parent?: string } = {},
): RecordedResource {
  return recordOf({
    urn: `urn:pulumi:prod::opaque::${type}::${name}`,
    type,
    name,
    custom: opts.custom ?? false,
    parent: opts.parent ?? stackUrn,
    ...(opts.remote ? { remote: true } : {}),
  });
}

function plan(...resources: RecordedResource[]): Plan {
  return {
    project: "opaque",
    stack: "prod",
    program: "index.ts",
    config: {},
    resources: [
      { ...resource("pulumi:pulumi:Stack", "opaque-prod"), urn: stackUrn, parent: undefined },
      ...resources,
    ],
    outputs: {},
  };
}

const howToCheck =
  "Check it with credentials under the Pulumi CLI: npx sovereign-dc policy-config --stack prod " +
  "--out policy/config/prod.json, then pulumi preview --stack prod --policy-pack policy " +
  "--policy-pack-config policy/config/prod.json.";

/**
 * The same commands for the project of test/fixtures/check-program as `check` run from the
 * repository's root writes them: the policy config written from that project's stack file into
 * its folder, the preview run there, the pack named from there.
 */
const howToCheckFromRoot =
  "Check it with credentials under the Pulumi CLI: npx sovereign-dc policy-config --project " +
  "test/fixtures/check-program --stack prod --out test/fixtures/check-program/policy/config/prod.json, " +
  "then pulumi preview --cwd test/fixtures/check-program --stack prod --policy-pack ../../../policy " +
  "--policy-pack-config policy/config/prod.json.";

/** The message on a multi-language component; `why`, what the engine found of its plugin. */
const remoteMessage = (type: string, name: string, plugin: string, why = "", how = howToCheck) =>
  `${type} "${name}" must have its resources checked, but it is a multi-language component: the ` +
  `${plugin} plugin creates them when the Pulumi CLI runs the program, and offline none exist${why}, so ` +
  `nothing inside it was checked. ${how}`;

/** What the engine says of a plugin that is not installed (engine/plugins.ts). */
const notInstalled = (pkg: string, version: string) => {
  const v = version === "" ? "" : ` ${version}`;
  return `: its plugin, pulumi-resource-${pkg}${version === "" ? "" : ` v${version}`}, is not installed here (\`pulumi plugin install resource ${pkg}${v}\` installs it; the engine then runs it offline)`;
};

const helmMessage = (name: string, how = howToCheck) =>
  `kubernetes:helm.sh/v3:Chart "${name}" must have its resources checked, but it renders them ` +
  "with the provider function kubernetes:helm:template, which only the Kubernetes provider can " +
  "answer (it fetches the chart and runs helm template), and offline its rendering is unknown, so nothing " +
  `inside it was checked. ${how}`;

const kustomizeMessage = (name: string, how = howToCheck) =>
  `kubernetes:kustomize:Directory "${name}" must have its resources checked, but it builds them ` +
  "with the provider function kubernetes:kustomize:directory, which only the Kubernetes provider " +
  "can answer (it runs kustomize on the directory), and offline its output is unknown, so nothing inside " +
  `it was checked. ${how}`;

describe("opaqueViolations", () => {
  it("fails a multi-language component with nothing recorded inside, as mandatory", () => {
    const vpc = resource("awsx:ec2:Vpc", "vpc", { remote: true });
    expect(opaqueViolations(plan(vpc))).toEqual([
      {
        policy: "offline-visibility",
        level: "mandatory",
        resourceType: "awsx:ec2:Vpc",
        resourceName: "vpc",
        message: remoteMessage("awsx:ec2:Vpc", "vpc", "awsx"),
        path: null,
        urn: vpc.urn,
      },
    ]);
  });

  it("fails a multi-language component that holds only what the program parented to it", () => {
    // Offline the eks plugin registers nothing: the provider @pulumi/eks builds from the
    // cluster's kubeconfig and a role the program gives `parent: cluster` are all the plan holds
    // under it, and the cluster, its nodes and their security groups were never judged.
    const cluster = resource("eks:index:Cluster", "cluster", { remote: true });
    const provider = resource("pulumi:providers:kubernetes", "cluster-provider", {
      custom: true,
      parent: cluster.urn,
    });
    const role = resource("aws:iam/role:Role", "cluster-role", {
      custom: true,
      parent: cluster.urn,
    });
    expect(opaqueViolations(plan(cluster, provider, role))).toEqual([
      {
        policy: "offline-visibility",
        level: "mandatory",
        resourceType: "eks:index:Cluster",
        resourceName: "cluster",
        message: remoteMessage("eks:index:Cluster", "cluster", "eks"),
        path: null,
        urn: cluster.urn,
      },
    ]);
  });

  it("does not fail a component of the program itself, with or without children", () => {
    const network = resource("sovereign-dc:alicloud:Network", "network");
    const empty = resource("acme:index:Archive", "archive");
    const vpc = resource("alicloud:vpc/network:Network", "network-vpc", {
      custom: true,
      parent: network.urn,
    });
    expect(opaqueViolations(plan(network, vpc, empty))).toEqual([]);
  });

  it("fails a Helm v3 chart and a v1 kustomization that rendered nothing, naming the function", () => {
    const chart = resource("kubernetes:helm.sh/v3:Chart", "nginx");
    const kustomization = resource("kubernetes:kustomize:Directory", "overlays");
    expect(
      opaqueViolations(plan(chart, kustomization)).map((v) => [v.level, v.resourceName, v.message]),
    ).toEqual([
      ["mandatory", "nginx", helmMessage("nginx")],
      ["mandatory", "overlays", kustomizeMessage("overlays")],
    ]);
  });

  it("advises on a CommonJS entry's default-exported function, which the Pulumi CLI never calls", () => {
    expect(opaqueViolations({ ...plan(), uncalledDefaultExport: true })).toEqual([
      {
        policy: "offline-visibility",
        level: "advisory",
        resourceType: "pulumi:pulumi:Stack",
        resourceName: "opaque-prod",
        message:
          'stack "prod" runs index.ts, whose CommonJS entry exports a default function (export default), which the Pulumi CLI\'s language host never calls: whatever it would declare is neither created by pulumi up nor checked here. Make the function the module itself (export = async () => { … }), or call it from the entry.',
        path: null,
        urn: stackUrn,
      },
    ]);
    expect(opaqueViolations(plan())).toEqual([]);
  });

  it("advises that what a program declares only when it deploys (isDryRun() false) was not checked", () => {
    expect(opaqueViolations({ ...plan(), asksDryRun: true })).toEqual([
      {
        policy: "offline-visibility",
        level: "advisory",
        resourceType: "pulumi:pulumi:Stack",
        resourceName: "opaque-prod",
        message:
          'stack "prod" runs index.ts, which asks whether it runs as a preview (pulumi.runtime.isDryRun()): the answer is true here, as under pulumi preview, so whatever it declares only when it deploys was not checked; the pack judges it when pulumi up runs, and an update it fails does not proceed. Declare resources whatever the answer, or check the stack with the pack under pulumi up.',
        path: null,
        urn: stackUrn,
      },
    ]);
  });

  it("advises that what a program declares only for its real organization or a secret's real value was not checked", () => {
    expect(
      opaqueViolations({
        ...plan(),
        asksOrganization: true,
        readsSecrets: ["opaque:drTarget", "opaque:token"],
      }).map((v) => [v.policy, v.level, v.message]),
    ).toEqual([
      [
        "offline-visibility",
        "advisory",
        'stack "prod" runs index.ts, which asks for its Pulumi organization (pulumi.getOrganization()) and puts the answer into no resource: offline it is "organization", as a self-managed backend answers, so whatever it declares only in another organization was not checked. Declare resources whatever the answer, or check the stack with the pack under the Pulumi CLI.',
      ],
      [
        "offline-visibility",
        "advisory",
        'stack "prod" runs index.ts, which reads the secret config values opaque:drTarget, opaque:token, which cannot be decrypted offline, and puts them into no resource\'s input: it got a placeholder that names the key, so whatever it declares only for the real value (a branch on it) was not checked. Give the check a stack file with the value in plain text, or check the stack with the pack under the Pulumi CLI.',
      ],
    ]);
  });

  it("advises that a timer the program unref'd and left pending may fire under pulumi up, unseen here", () => {
    expect(
      opaqueViolations({ ...plan(), unrefdTimers: ["index.ts:4:3"] }).map((v) => [
        v.level,
        v.message,
      ]),
    ).toEqual([
      [
        "advisory",
        'stack "prod" runs index.ts, which leaves a timer it unref\'d pending when it ends (set at index.ts:4:3): nothing waits for it here, but under pulumi up the deployment keeps the process running, so it may fire there, and whatever it declares was not checked. Await the work before the program ends, or leave the timer referenced.',
      ],
    ]);
  });

  it("leaves a Helm v3 Release to the pack's helm-releases, which fails it offline and under the CLI", () => {
    const release = resource("kubernetes:helm.sh/v3:Release", "exporter", { custom: true });
    expect(opaqueViolations(plan(release))).toEqual([]);
  });

  it("does not fail a v1 yaml ConfigFile whose objects were decoded", () => {
    const file = resource("kubernetes:yaml:ConfigFile", "app");
    const deployment = resource("kubernetes:apps/v1:Deployment", "app", {
      custom: true,
      parent: file.urn,
    });
    expect(opaqueViolations(plan(file, deployment))).toEqual([]);
  });

  it("fails a v1 yaml ConfigFile that decoded nothing (its decode function was not answered)", () => {
    const file = resource("kubernetes:yaml:ConfigFile", "app");
    expect(opaqueViolations(plan(file)).map((v) => [v.level, v.message])).toEqual([
      [
        "mandatory",
        'kubernetes:yaml:ConfigFile "app" must have its resources checked, but it decodes them ' +
          "with the provider function kubernetes:yaml:decode, and offline it decoded none, so " +
          `nothing inside it was checked. ${howToCheck}`,
      ],
    ]);
  });

  it("reports at advisory level when the pack config lowers offline-visibility", () => {
    const vpc = resource("awsx:ec2:Vpc", "vpc", { remote: true });
    const config = { "offline-visibility": { enforcementLevel: "advisory" } };
    expect(opaqueViolations(plan(vpc), config).map((v) => [v.level, v.lowered, v.message])).toEqual(
      [["advisory", true, remoteMessage("awsx:ec2:Vpc", "vpc", "awsx")]],
    );
    // At its own level, no mark.
    expect(opaqueViolations(plan(vpc)).map((v) => [v.level, v.lowered])).toEqual([
      ["mandatory", undefined],
    ]);
  });
  describe("a callback that failed on stand-ins", () => {
    const api = resource("aws:apigatewayv2/api:Api", "api", { custom: true });
    const reference = "urn:pulumi:prod::opaque::pulumi:pulumi:StackReference::acme/network/prod";
    const failure = (callback: string, dependsOn: string[]) => ({
      callback,
      reason: "it failed: Invalid URL",
      dependsOn,
    });
    const judged = (...failedCallbacks: ReturnType<typeof failure>[]) =>
      opaqueViolations({ ...plan(api), failedCallbacks }).map((v) => [v.level, v.message]);

    it("is advisory when its value depends only on resources the program creates", () => {
      expect(judged(failure("(u) => new URL(u).host", [api.urn]))).toEqual([
        [
          "advisory",
          'stack "prod" has 1 callback(s) on outputs of resources the program creates (aws:apigatewayv2/api:Api "api") that could not run offline on stand-ins for them ("(u) => new URL(u).host": it failed: Invalid URL). pulumi preview of a new stack does not know those outputs either and skips them: whatever they declare is judged by the pack when pulumi up runs them, and by pulumi preview once the resources exist.',
        ],
      ]);
    });

    it("stays at the policy's level on a lookup's answer or another stack's outputs, which preview knows", () => {
      const levels = (f: ReturnType<typeof failure>) => judged(f).map(([level]) => level);
      expect(levels(failure("lookup", []))).toEqual(["mandatory"]);
      expect(levels(failure("reference", [reference]))).toEqual(["mandatory"]);
      expect(levels(failure("both", [api.urn, reference]))).toEqual(["mandatory"]);
      // One finding of each kind, each naming its own callbacks.
      expect(
        judged(failure("on-api", [api.urn]), failure("on-lookup", [])).map(([level, message]) => [
          level,
          /"on-(api|lookup)"/.exec(message)?.[0],
        ]),
      ).toEqual([
        ["mandatory", '"on-lookup"'],
        ["advisory", '"on-api"'],
      ]);
    });
  });
});

describe("--policy-config and offline-visibility", () => {
  const file = (doc: unknown) => {
    const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sdc-opaque-")), "config.json");
    fs.writeFileSync(f, JSON.stringify(doc));
    return f;
  };

  it("lowers it to advisory when named, as a level or as { enforcementLevel }", () => {
    expect(mergePolicyConfigFile({}, file({ "offline-visibility": "advisory" }))).toEqual({
      "offline-visibility": { enforcementLevel: "advisory" },
    });
    expect(
      mergePolicyConfigFile({}, file({ "offline-visibility": { enforcementLevel: "advisory" } })),
    ).toEqual({ "offline-visibility": { enforcementLevel: "advisory" } });
  });

  it("is not set by `all`, which sets the pack's policies only", () => {
    const merged = mergePolicyConfigFile({}, file({ all: "mandatory" }));
    expect(merged["offline-visibility"]).toBeUndefined();
    expect(merged["helm-releases"]).toEqual({ enforcementLevel: "mandatory" });
  });

  it.each([["disabled"], ["remediate"], [{ enforcementLevel: "disabled" }], [{ waivers: [] }]])(
    "cannot be turned off or waived (%j)",
    (value) => {
      const f = file({ "offline-visibility": value });
      expect(() => mergePolicyConfigFile({}, f)).toThrow(UsageError);
      expect(() => mergePolicyConfigFile({}, f)).toThrow(
        `--policy-config ${f}: offline-visibility received ${JSON.stringify(value)}; it takes ` +
          '"mandatory" or "advisory" (or { "enforcementLevel": … }). Components the offline engine ' +
          'cannot see are always reported; set "advisory" when the stack is also checked with ' +
          "pulumi preview --policy-pack.",
      );
    },
  );

  it("is listed among the policies a config may name", () => {
    expect(configurablePolicyNames).toContain("offline-visibility");
    expect(configurablePolicyNames).not.toContain("state-residency");
  });
});

interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: string;
  readonly locations: { physicalLocation: { region: { startLine: number } } }[];
}

describe("sovereign-dc check on a program with components it cannot see into", () => {
  // The version of the Kubernetes SDK, which its Helm v4 Chart asks the plugin for.
  const kubernetesVersion = sdkVersion(root, "kubernetes");
  const program = path.join(root, "test", "fixtures", "check-program", "opaque-components.ts");
  let mandatory: { code: number; stdout: string; stderr: string };
  let sarif: string;
  let advisory: { code: number; stdout: string; stderr: string };
  let advisoryText: { code: number; stdout: string; stderr: string };
  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-opaque-cli-"));
    const sarifFile = path.join(dir, "prod.sarif");
    const config = path.join(dir, "policy-config.json");
    fs.writeFileSync(config, JSON.stringify({ "offline-visibility": "advisory" }));
    // Side by side through the CLI's `main` in the worker's CLI lanes (test/helpers/cli.ts).
    [mandatory, advisory, advisoryText] = await cliMany([
      { args: ["check", program, "--stack", "prod", "--format", "json", "--sarif", sarifFile] },
      {
        args: ["check", program, "--stack", "prod", "--format", "json", "--policy-config", config],
      },
      { args: ["check", program, "--stack", "prod", "--policy-config", config] },
    ]);
    sarif = fs.readFileSync(sarifFile, "utf8");
  });

  const urn = (type: string, name: string) =>
    `urn:pulumi:prod::telemetry-archive::${type}::${name}`;
  const finding = (level: string, type: string, name: string, message: string) => ({
    policy: "offline-visibility",
    level,
    // Advisory here only by the --policy-config: marked as lowered.
    ...(level === "advisory" ? { lowered: true } : {}),
    resourceType: type,
    resourceName: name,
    message,
    path: null,
    urn: urn(type, name),
  });
  // By name: components register in whichever order their constructors settle.
  const expected = (level: string) => [
    finding(
      level,
      "kubernetes:helm.sh/v4:Chart",
      "ingress",
      remoteMessage(
        "kubernetes:helm.sh/v4:Chart",
        "ingress",
        "kubernetes",
        notInstalled("kubernetes", kubernetesVersion),
        howToCheckFromRoot,
      ),
    ),
    finding(
      level,
      "kubernetes:helm.sh/v3:Chart",
      "metrics",
      helmMessage("metrics", howToCheckFromRoot),
    ),
    finding(
      level,
      "awsx:ec2:Vpc",
      "network",
      remoteMessage(
        "awsx:ec2:Vpc",
        "network",
        "awsx",
        notInstalled("awsx", ""),
        howToCheckFromRoot,
      ),
    ),
    finding(
      level,
      "kubernetes:kustomize:Directory",
      "overlays",
      kustomizeMessage("overlays", howToCheckFromRoot),
    ),
  ];
  const byName = (vs: { resourceName: string }[]) =>
    [...vs].sort((a, b) => a.resourceName.localeCompare(b.resourceName));

  it("exits 1 with one mandatory finding per component it could not see into", () => {
    expect(mandatory.code).toBe(1);
    expect(byName(JSON.parse(mandatory.stdout).violations)).toEqual(expected("mandatory"));
  });

  it("sends the findings to code scanning under a rule of their own, at each declaration", () => {
    const run = JSON.parse(sarif).runs[0];
    const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === "offline-visibility");
    expect(rule.shortDescription.text).toBe(
      "Checks whether the offline engine could see the resources inside every component of the program.",
    );
    const lines = fs.readFileSync(program, "utf8").split("\n");
    expect(
      (run.results as SarifResult[])
        .map((r) => [
          run.tool.driver.rules[r.ruleIndex].id,
          r.level,
          lines[r.locations[0].physicalLocation.region.startLine - 1],
        ])
        .sort(),
    ).toEqual(
      [
        [
          "offline-visibility",
          "error",
          'export const network = new pulumi.ComponentResource("awsx:ec2:Vpc", "network", {}, {}, true);',
        ],
        ["offline-visibility", "error", 'export const ingress = new Chart("ingress", {'],
        ["offline-visibility", "error", 'export const metrics = new ChartV3("metrics", {'],
        [
          "offline-visibility",
          "error",
          'export const overlays = new Directory("overlays", { directory: "k8s/overlays/prod" });',
        ],
      ].sort(),
    );
  });

  it("exits 0 with the same findings as advisory when --policy-config lowers offline-visibility", () => {
    expect(advisory.code).toBe(0);
    expect(byName(JSON.parse(advisory.stdout).violations)).toEqual(expected("advisory"));
  });

  it("says its verdict is over what it could see, and how many findings on the rest were lowered", () => {
    expect(advisoryText.code).toBe(0);
    expect(advisoryText.stdout.trim().split("\n").at(-1)).toBe(
      "SEALED: stack prod has no path out of CN in what the check could see (4 advisory findings); 4 findings on what it could not see offline are advisory by --policy-config (offline-visibility), left to pulumi preview --policy-pack.",
    );
  });
});

describe("withOfflineSources", () => {
  const notKnown = (name: string, path: string) =>
    `security group "${name}" must not be reachable from the internet, but ${path} is not known at preview, so whether it admits the internet cannot be decided.`;
  const finding = (r: RecordedResource, message: string): Violation => ({
    policy: "public-exposure",
    level: "mandatory",
    resourceType: r.type,
    resourceName: r.name,
    message,
    path: null,
    urn: r.urn,
  });
  const vpc = resource("awsx:ec2:Vpc", "net", { remote: true });
  // Its CIDR blocks (the prefix list's) are known only once it exists: it may be the source.
  const vpcEndpoint = {
    ...resource("aws:ec2/vpcEndpoint:VpcEndpoint", "s3", { custom: true }),
    outputs: { cidrBlocks: unknownValue },
  };
  const reference = "urn:pulumi:prod::opaque::pulumi:pulumi:StackReference::acme/network/prod";
  const group = (ingress: string[]) => ({
    ...resource("aws:ec2/securityGroup:SecurityGroup", "app", { custom: true }),
    propertyDependencies: { ingress },
  });

  it("names a multi-language component whose output the value is", () => {
    const sg = group([vpc.urn]);
    const [v] = withOfflineSources(
      [finding(sg, notKnown("app", "ingress[0].cidrBlocks[0]"))],
      plan(vpc, sg),
    );
    expect(v.message).toBe(
      'security group "app" must not be reachable from the internet, but ingress[0].cidrBlocks[0] is not known offline: it comes from the multi-language component awsx:ec2:Vpc "net" (whose plugin computes it under the Pulumi CLI), so whether it admits the internet cannot be decided.',
    );
    expect(v.level).toBe("mandatory");
  });

  it("sends a cluster placement whose kubeconfig is another stack's output to sovereign-dc:stackOutputs", () => {
    const eksRef = "urn:pulumi:prod::opaque::pulumi:pulumi:StackReference::cluster";
    const provider = (kubeconfig: string[]) => ({
      ...resource("pulumi:providers:kubernetes", "k8s", { custom: true }),
      propertyDependencies: { kubeconfig },
    });
    const placement = (r: RecordedResource): Violation => ({
      ...finding(r, ""),
      policy: "kubernetes-cluster-placement",
      message:
        'kubernetes provider "k8s" must deploy to a cluster placed inside CN, but the pack cannot tell where its cluster is: its kubeconfig is not known until deployed (another stack\'s output through a stack reference, a lookup or a secret) and comes from no resource of this program.',
    });
    const fromReference = provider([eksRef]);
    const [v] = withOfflineSources([placement(fromReference)], {
      ...plan(fromReference),
      unknownFunctions: ["pulumi:pulumi:StackReference acme/eks/prod"],
    });
    expect(v.message).toMatch(
      / Offline, the kubeconfig is another stack's output, whose state pulumi preview reads: declare the outputs of stack "acme\/eks\/prod" under sovereign-dc:stackOutputs in the stack config, and the kubeconfig is judged offline too \(an EKS cluster's API endpoint names its region\)\.$/,
    );
    // A kubeconfig from a lookup or a secret: no stack to declare, the words stay.
    const fromLookup = provider([]);
    expect(withOfflineSources([placement(fromLookup)], plan(fromLookup))).toEqual([
      placement(fromLookup),
    ]);
  });

  it("blames no plugin for a component its plugin constructed offline: the words stay as the CLI's", () => {
    const built = { ...vpc, renderedOffline: true };
    const sg = group([built.urn]);
    const f = finding(sg, notKnown("app", "ingress[0].cidrBlocks[0]"));
    expect(withOfflineSources([f], plan(built, sg))).toEqual([f]);
    // Nor the lookups of the program, when such a component may be the source.
    expect(
      withOfflineSources([f], { ...plan(built, sg), unknownFunctions: ["aws:ec2/getAmi:getAmi"] }),
    ).toEqual([f]);
    // One its plugin failed to construct is unseen offline, and named.
    const failed = { ...built, notRendered: "its plugin failed" };
    expect(withOfflineSources([f], plan(failed, group([failed.urn])))[0].message).toContain(
      'it comes from the multi-language component awsx:ec2:Vpc "net"',
    );
  });

  it("names each source when the value comes from several the engine cannot read", () => {
    const sg = group([reference, vpc.urn]);
    const [v] = withOfflineSources(
      [finding(sg, notKnown("app", "ingress[0].cidrBlocks[0]"))],
      plan(vpc, sg),
    );
    expect(v.message).toContain(
      'is not known offline: it comes from another stack\'s outputs (StackReference "acme/network/prod", which pulumi preview reads from that stack\'s state; declared under sovereign-dc:stackOutputs in the stack config, they are judged offline too) and the multi-language component awsx:ec2:Vpc "net"',
    );
  });

  it("says so in a view's words, and leaves out a resource of the program whose outputs are all known", () => {
    const logs = {
      ...resource("aws:cloudwatch/logGroup:LogGroup", "app", { custom: true }),
      outputs: { name: "app-1234567", arn: "arn:aws:logs:us-west-2:111122223333:log-group:app" },
    };
    const task = {
      ...resource("aws:ecs/taskDefinition:TaskDefinition", "app", { custom: true }),
      propertyDependencies: { containerDefinitions: [reference, logs.urn] },
    };
    const [v] = withOfflineSources(
      [
        finding(
          task,
          'ecs task definition "app" must name a place the pack can check, but containerDefinitions is not known before deployment (an output of another resource, or the answer of a lookup), so whether it leaves US cannot be decided at preview. Set it from a literal value.',
        ),
      ],
      plan(logs, task),
    );
    expect(v.message).toBe(
      'ecs task definition "app" must name a place the pack can check, but containerDefinitions is not known offline: it comes from another stack\'s outputs (StackReference "acme/network/prod", which pulumi preview reads from that stack\'s state; declared under sovereign-dc:stackOutputs in the stack config, they are judged offline too), so whether it leaves US cannot be decided offline. Set it from a literal value.',
    );
  });

  it("names the lookups the engine could not answer when no resource of the program is the source", () => {
    const sg = group([]);
    const f = finding(sg, notKnown("app", "ingress[0].cidrBlocks[0]"));
    const withLookup = {
      ...plan(sg),
      unknownFunctions: ["aws:ec2/getVpc:getVpc", "pulumi:pulumi:StackReference acme/network/prod"],
    };
    expect(withOfflineSources([f], withLookup)[0].message).toBe(
      'security group "app" must not be reachable from the internet, but ingress[0].cidrBlocks[0] is not known offline: it comes from the answer of a lookup the engine cannot answer (aws:ec2/getVpc:getVpc), which pulumi preview reads from the cloud, so whether it admits the internet cannot be decided.',
    );
    // With no lookup answered so, nothing says where the value comes from: the words stay.
    expect(withOfflineSources([f], plan(sg))).toEqual([f]);
    // Nor where a resource of the program may be the source.
    const fromEndpoint = group([vpcEndpoint.urn]);
    const both = finding(fromEndpoint, notKnown("app", "ingress[0].cidrBlocks[0]"));
    const mixed = {
      ...plan(vpcEndpoint, fromEndpoint),
      unknownFunctions: ["aws:ec2/getVpc:getVpc"],
    };
    expect(withOfflineSources([both], mixed)).toEqual([both]);
    // Nor where it is a resource of a package whose outputs the engine does not compute, though
    // every output recorded is known: an aws-native resource's ARN is not known offline.
    const native = {
      ...resource("aws-native:s3objectlambda:AccessPoint", "images", { custom: true }),
      outputs: { name: "images" },
    };
    const fromNative = group([native.urn]);
    const nativeFinding = finding(fromNative, notKnown("app", "ingress[0].cidrBlocks[0]"));
    const nativePlan = {
      ...plan(native, fromNative),
      unknownFunctions: ["aws:ecr/getImage:getImage"],
    };
    expect(withOfflineSources([nativeFinding], nativePlan)).toEqual([nativeFinding]);
  });

  it("names a resource of the program the value depends on beside the lookup, whose output the program may not have set", () => {
    // A log group's outputs as recorded are all known, but one the program never set (its
    // namePrefix) is not known at preview either; the lookup is another program line's.
    const logs = {
      ...resource("aws:cloudwatch/logGroup:LogGroup", "logs", { custom: true }),
      outputs: { name: "logs-1234567" },
    };
    const task = {
      ...resource("aws:ecs/taskDefinition:TaskDefinition", "app", { custom: true }),
      propertyDependencies: { containerDefinitions: [logs.urn] },
    };
    const [v] = withOfflineSources(
      [
        finding(
          task,
          'ecs task definition "app" must name a place the pack can check, but containerDefinitions is not known before deployment (an output of another resource, or the answer of a lookup), so whether it leaves US cannot be decided at preview. Set it from a literal value.',
        ),
      ],
      { ...plan(logs, task), unknownFunctions: ["aws:ec2/getAmi:getAmi"] },
    );
    expect(v.message).toBe(
      'ecs task definition "app" must name a place the pack can check, but containerDefinitions is not known offline: it comes from an output of aws:cloudwatch/logGroup:LogGroup "logs" the program did not set, which its provider computes at deployment, or the answer of a lookup the engine cannot answer (aws:ec2/getAmi:getAmi), which pulumi preview reads from the cloud, so whether it leaves US cannot be decided offline. Set it from a literal value.',
    );
  });

  it("says how to pin the account where the stack's account lookup was left unknown", () => {
    const grant = {
      ...resource("alicloud:cen/instanceGrant:InstanceGrant", "grant", { custom: true }),
      propertyDependencies: { cenOwnerId: [] },
    };
    const f: Violation = {
      ...finding(grant, ""),
      policy: "network-links",
      message:
        'cen instance grant "grant" must name a place the pack can check, but cenOwnerId is not known at preview, so whether it leaves CN cannot be decided at preview. Set it from a literal value or a resource of this program, or waive the finding after review.',
    };
    const lookups = (...unknownFunctions: string[]) => ({ ...plan(grant), unknownFunctions });
    const [v] = withOfflineSources(
      [f],
      lookups("alicloud:index/getAccount:getAccount", "alicloud:index/getZones:getZones"),
    );
    expect(v.message).toBe(
      'cen instance grant "grant" must name a place the pack can check, but cenOwnerId is not known offline: it comes from the answer of a lookup the engine cannot answer (alicloud:index/getAccount:getAccount, alicloud:index/getZones:getZones), which pulumi preview reads from the cloud, so whether it leaves CN cannot be decided offline. Set it from a literal value or a resource of this program, or waive the finding after review. Offline, alicloud.getAccount answers with the account the provider pins: set accountId on the provider (alicloud:accountId for the default provider).',
    );
    expect(
      withOfflineSources([f], lookups("aws:index/getCallerIdentity:getCallerIdentity"))[0].message,
    ).toMatch(
      / set sovereign-dc:accountId in the stack config \(a provider that allows several accounts does not say which one deploys\)\.$/,
    );
    // Another lookup: nothing to pin.
    expect(withOfflineSources([f], lookups("alicloud:index/getZones:getZones"))[0].message).toMatch(
      /waive the finding after review\.$/,
    );
  });

  it("says a lookup was unknown for its arguments, not for the cloud, where that is why", () => {
    const sg = group([]);
    const f = finding(sg, notKnown("app", "ingress[0].cidrBlocks[0]"));
    const fromArguments = {
      ...plan(sg),
      unknownFunctions: ["aws:ec2/getVpc:getVpc", "aws:iam/getPolicyDocument:getPolicyDocument"],
      unknownArgumentFunctions: ["aws:iam/getPolicyDocument:getPolicyDocument"],
    };
    expect(withOfflineSources([f], fromArguments)[0].message).toContain(
      "is not known offline: it comes from the answer of a lookup the engine cannot answer (aws:ec2/getVpc:getVpc), which pulumi preview reads from the cloud, or the answer of a lookup whose arguments are not known offline (aws:iam/getPolicyDocument:getPolicyDocument), so whether",
    );
    const onlyArguments = {
      ...fromArguments,
      unknownFunctions: ["aws:iam/getPolicyDocument:getPolicyDocument"],
    };
    expect(withOfflineSources([f], onlyArguments)[0].message).toContain(
      "is not known offline: it comes from the answer of a lookup whose arguments are not known offline (aws:iam/getPolicyDocument:getPolicyDocument), so whether",
    );
  });

  it("names a callback run on a stand-in, and does not send the program to name a resource it names", () => {
    const target = {
      ...resource("aws:cloudwatch/eventTarget:EventTarget", "to-handler", { custom: true }),
      standInInputs: ["arn"],
    };
    const unknownArn = (r: RecordedResource): Violation => ({
      ...finding(
        r,
        "cloudwatch event target \"to-handler\" must name a place the pack can check, but arn is not known at preview, so where the ARN points cannot be checked: no resource of this program provides it (it is a lookup's answer or another stack's output). Name a resource of this program (its output), or write the ARN as a literal.",
      ),
      policy: "named-destinations",
    });
    expect(withOfflineSources([unknownArn(target)], plan(target))[0].message).toBe(
      'cloudwatch event target "to-handler" must name a place the pack can check, but arn is not known offline: it comes from a callback the program runs on a value not known at preview, which the engine ran on a stand-in for it (pulumi preview of a new stack does not run it: what it declares is judged when pulumi up runs it), so where the ARN points cannot be checked. Write the ARN as a literal, or pass the output it comes from whole.',
    );
    // Another input's value is not the callback's.
    const other = { ...target, standInInputs: ["rule"] };
    expect(withOfflineSources([unknownArn(other)], plan(other))).toEqual([unknownArn(other)]);
  });

  it("names an existing resource the program reads by ID, which is not the stack's", () => {
    const read = "urn:pulumi:prod::opaque::aws:sqs/queue:Queue::orders";
    const sg = group([read]);
    const [v] = withOfflineSources(
      [finding(sg, notKnown("app", "ingress[0].cidrBlocks[0]"))],
      plan(sg),
    );
    expect(v.message).toBe(
      'security group "app" must not be reachable from the internet, but ingress[0].cidrBlocks[0] is not known offline: it comes from the existing aws:sqs/queue:Queue "orders" the program reads by ID (`get`), whose state pulumi preview reads from the cloud, so whether it admits the internet cannot be decided.',
    );
  });

  it("names what the engine cannot read, and a resource of the program that may be the source too", () => {
    const sg = group([reference, vpcEndpoint.urn]);
    const f = finding(sg, notKnown("app", "ingress[0].cidrBlocks[0]"));
    expect(withOfflineSources([f], plan(vpcEndpoint, sg))[0].message).toBe(
      'security group "app" must not be reachable from the internet, but ingress[0].cidrBlocks[0] is not known offline: it comes from another stack\'s outputs (StackReference "acme/network/prod", which pulumi preview reads from that stack\'s state; declared under sovereign-dc:stackOutputs in the stack config, they are judged offline too), or from an output of aws:ec2/vpcEndpoint:VpcEndpoint "s3" not known before deployment, so whether it admits the internet cannot be decided.',
    );
    // Several components are named together (an ECS task's images, each built by a plugin).
    const images = ["web", "worker"].map((n) => resource("awsx:ecr:Image", n, { remote: true }));
    const both = group(images.map((i) => i.urn));
    expect(
      withOfflineSources(
        [finding(both, notKnown("app", "ingress[0].cidrBlocks[0]"))],
        plan(...images, both),
      )[0].message,
    ).toContain(
      'it comes from the multi-language components awsx:ecr:Image "web" and awsx:ecr:Image "worker" (whose plugins compute them under the Pulumi CLI), so',
    );
    // With no resource the engine cannot read among them, the words stay.
    const fromEndpoint = group([vpcEndpoint.urn]);
    const own = finding(fromEndpoint, notKnown("app", "ingress[0].cidrBlocks[0]"));
    expect(withOfflineSources([own], plan(vpcEndpoint, fromEndpoint))).toEqual([own]);
  });

  // Found on pulumi-awsx's examples: a Lambda's subnets from an awsx VPC were also blamed on the
  // security group beside them, whose only unknown output is the VPC ID the component gave it.
  it("does not name a resource whose unknown outputs it was given from what is already named", () => {
    const fromVpc = {
      ...resource("aws:ec2/securityGroup:SecurityGroup", "fn", { custom: true }),
      outputs: { vpcId: unknownValue, id: "sg-0123" },
      propertyDependencies: { vpcId: [vpc.urn] },
    };
    const sg = group([vpc.urn, fromVpc.urn]);
    const f = finding(sg, notKnown("app", "ingress[0].cidrBlocks[0]"));
    expect(withOfflineSources([f], plan(vpc, fromVpc, sg))[0].message).toContain(
      'it comes from the multi-language component awsx:ec2:Vpc "net" (whose plugin computes it under the Pulumi CLI), so',
    );
    // Twin: an unknown output of its own (one its provider computes), or from another source,
    // keeps it named.
    for (const other of [
      { ...fromVpc, outputs: { ...fromVpc.outputs, arn: unknownValue } },
      { ...fromVpc, propertyDependencies: { vpcId: [vpc.urn, vpcEndpoint.urn] } },
    ]) {
      expect(withOfflineSources([f], plan(vpc, vpcEndpoint, other, sg))[0].message).toContain(
        'awsx:ec2:Vpc "net" (whose plugin computes it under the Pulumi CLI), or from an output of aws:ec2/securityGroup:SecurityGroup "fn" not known before deployment',
      );
    }
  });

  it("leaves the words alone for another property, or none", () => {
    const sg = group([reference]);
    const other = finding(sg, notKnown("app", "egress[0].cidrBlocks[0]"));
    const known = finding(
      sg,
      'security group "app" must not be reachable from the internet, but ingress[0].cidrBlocks[0] admits 0.0.0.0/0.',
    );
    expect(withOfflineSources([other, known], plan(sg))).toEqual([other, known]);
  });
});
