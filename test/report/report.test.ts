/**
 * The residency report on a real plan: the NAT fixture of the border tests, once with egress open
 * (a path to the internet) and once bounded. Both are evaluated by the offline engine and checked
 * by the real pack, so the report renders exactly what `sovereign-dc plan --format md` would.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { checkPlan, packConfigFor, type Violation } from "../../engine/check";
import type { PolicyPackSession } from "../../engine/analyzer";
import { type Plan, type RecordedResource, recordOf } from "../../engine/plan";
import { listJurisdictions } from "../../residency/jurisdictions";
import { planForReport, renderReport, type RenderedReport, writeReport } from "../../report";
import { regulationThemes } from "../../report/regulations";
import { evaluateMany, packSession } from "../helpers/worker";

const settings = { jurisdiction: "CN", egressAllowlist: [], waivers: [] };
const fixture = path.resolve(__dirname, "..", "fixtures", "border", "nat");

let open: { plan: Plan; violations: Violation[]; report: RenderedReport };
let bounded: { plan: Plan; violations: Violation[]; report: RenderedReport };

async function prepare(plan: Plan | Error, session: PolicyPackSession) {
  if (plan instanceof Error) {
    throw plan;
  }
  const violations = await checkPlan(plan, packConfigFor(settings), session);
  return { plan, violations, report: await renderReport(plan, violations, { settings }) };
}

beforeAll(async () => {
  const [plans, session] = await Promise.all([
    evaluateMany([
      { projectDir: fixture, stack: "crossing" },
      { projectDir: fixture, stack: "sealed" },
    ]),
    packSession(),
  ]);
  try {
    open = await prepare(plans[0], session);
    bounded = await prepare(plans[1], session);
  } finally {
    session.close();
  }
}, 180_000);

function statuses(r: RenderedReport): Array<[string, string]> {
  return r.controls.map((c) => [c.id, c.status]);
}

test("an open path to the internet makes the stack not sealed; internet-egress reports its crossing", () => {
  const md = open.report.markdown;
  expect(md).toMatch(
    /^# Residency report — stack `crossing`\n\n\*\*Verdict: not sealed\.\*\* \d+ mandatory violations; 1 data store or key can reach a place outside CN\.\n/,
  );
  expect(statuses(open.report)).toEqual([
    ["placement", "met"],
    ["no-path", "not met"],
    ["no-internet", "not met"],
    ["egress-allowlist", "met"],
    ["private-storage", "not met"],
    ["versioning", "not met"],
    ["cmk-encryption", "not met"],
    ["keys", "not applicable"],
    ["protect", "not met"],
  ]);
  // The path is the no-path control's evidence and the diagram's red edges. Where it crosses,
  // the EIP's edge to the internet, it is internet-egress's finding — one, on the route that
  // leads into the NAT gateway, with the gateway, the binding and the EIP in its chain — so the
  // violations do not list it a second time.
  expect(md).toContain('| oss bucket "records" | reaches the public internet in 5 hops | **no** |');
  expect(md).toMatch(
    /### \d+\. `internet-egress` \(mandatory\) — alicloud:vpc\/routeEntry:RouteEntry `core-default`/,
  );
  expect(md).not.toContain("alicloud:ecs/eipAddress:EipAddress `core-nat-eip`");
  expect(md).not.toMatch(/### \d+\. `no-path-out-of-jurisdiction`/);
  const internet = open.report.controls.find((c) => c.id === "no-internet");
  expect(internet?.evidence).toContainEqual({
    subject: 'security group "core-sg"',
    facts: ['admits the internet: egress rule "core-egress-any" (0.0.0.0/0)'],
    ok: false,
  });
});

// Found by an auditor's reading: four controls were "not met" with no violation beside them, and
// nothing said whether any fails the stack.
test("each control says which policy fails a stack for it, at the stack's posture, or that none does", () => {
  const md = open.report.markdown;
  expect(md).toContain("| Posture | standard (hardening that keeps data in place is advisory) |");
  expect(md).toContain("Enforced by `resource-placement` (mandatory).");
  expect(md).toContain(
    "Enforced by `customer-key-encryption` (advisory at standard posture, mandatory at strict).",
  );
  expect(md).toContain(
    "Informational: no policy fails a stack for it; this repository's components build it.",
  );
});

test("the diagram draws the border and the crossing edges in red", () => {
  const { mermaid, dot, svg } = open.report;
  expect(mermaid).toContain(
    'subgraph inside["inside CN — People\'s Republic of China (mainland)"]',
  );
  expect(mermaid).toMatch(/\n {2}n\d+\(\["the public internet"\]\)\n/);
  expect(mermaid).toMatch(/linkStyle [\d,]+ stroke:#c0392b,stroke-width:3px/);
  // The five edges from the bucket to the internet, all of them red, and no other.
  expect(dot?.match(/penwidth=2\.5/g)).toHaveLength(5);
  expect(svg).toMatch(
    /^<\?xml[\s\S]*<svg[\s\S]*cluster_inside[\s\S]*the public internet[\s\S]*<\/svg>\n?$/,
  );
});

test("bounded egress keeps the NAT unreachable from the data, but the exit itself still fails the internet control", () => {
  expect(bounded.report.markdown).not.toMatch(/### \d+\. `no-path-out-of-jurisdiction`/);
  const internet = bounded.report.controls.find((c) => c.id === "no-internet");
  // internet-egress reports the default route through the NAT and its EIP, which the verdict
  // counts: the control says so instead of "met" beside a mandatory finding.
  expect(internet?.status).toBe("not met");
  expect(internet?.evidence.filter((e) => !e.ok).map((e) => e.subject)).toEqual([
    'route "core-default"',
  ]);
  const exits = internet?.evidence[0];
  expect(exits?.subject).toBe("internet exits");
  expect(exits?.ok).toBe(true);
  expect([...(exits?.facts ?? [])].sort()).toEqual([
    'eip "core-nat-eip"',
    'nat gateway "core-nat"',
  ]);
  // No edge from the bucket is red; the exit's own edge to the internet crosses the border.
  expect(bounded.report.mermaid).toContain('n4 -->|"public address"| n5');
  expect(bounded.report.mermaid).toMatch(/\n {2}linkStyle 3 stroke:#c0392b,stroke-width:3px$/);
});

test("a resource a first preview defers to pulumi up leaves the report without a verdict", async () => {
  const r = bounded.plan.resources.find((x) => x.custom && !x.type.startsWith("pulumi:"))!;
  const deferred: Violation = {
    policy: "public-exposure",
    level: "advisory",
    resourceType: r.type,
    resourceName: r.name,
    message: "a value is not known at preview.",
    path: null,
    urn: r.urn,
    deferred: true,
  };
  const verdictOf = async (violations: Violation[]) =>
    (await renderReport(bounded.plan, violations, { settings })).markdown.split("\n")[2];
  expect(await verdictOf([{ ...deferred, deferred: undefined }])).toMatch(/^\*\*Verdict: sealed\./);
  expect(await verdictOf([deferred])).toBe(
    "**Verdict: not judged.** No mandatory violation at this preview, but 1 resource waits for values not known at preview; `pulumi up` judges it on its known values before creating it.",
  );
});

test("the report is the same every time it is rendered", async () => {
  const again = await renderReport(open.plan, open.violations, { settings });
  expect(again.markdown).toBe(open.report.markdown);
  expect(again.svg).toBe(open.report.svg);
});

test("writeReport writes report.md, plan.json and data-paths.svg and returns their paths", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "report-"));
  try {
    const files = await writeReport(open.plan, open.violations, path.join(dir, "out"), {
      settings,
    });
    expect(files.map((f) => path.relative(dir, f))).toEqual([
      path.join("out", "report.md"),
      path.join("out", "plan.json"),
      path.join("out", "data-paths.svg"),
    ]);
    const md = fs.readFileSync(files[0], "utf8");
    expect(md).toContain("The full plan is in `plan.json`.");
    expect(md).toContain("![Data paths of stack crossing](data-paths.svg)");
    expect(JSON.parse(fs.readFileSync(files[1], "utf8")).resources).toHaveLength(
      open.plan.resources.length,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("plan.json masks secret values", () => {
  const secret = {
    "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
    value: "hunter2",
  };
  const plan = {
    ...open.plan,
    resources: [
      { ...open.plan.resources[0], inputs: { password: secret }, outputs: { password: secret } },
    ],
  };
  expect(JSON.stringify(planForReport(plan))).not.toContain("hunter2");
  expect(JSON.stringify(planForReport(plan))).toContain('"password":"[secret]"');
});

test("without a jurisdiction the report says so and draws no border", async () => {
  const r = await renderReport(open.plan, open.violations, {
    settings: { egressAllowlist: [], waivers: [] },
  });
  expect(r.markdown).toContain(
    "No jurisdiction is configured for this stack (`sovereign-dc:jurisdiction`), so the border and the controls cannot be checked.",
  );
  expect(r.svg).toBeUndefined();
});

test("every regulation of the catalog is mapped to the controls it serves", () => {
  const ids = listJurisdictions().flatMap((j) => j.regulations.map((r) => r.id));
  expect(ids.filter((id) => regulationThemes[id] === undefined)).toEqual([]);
  const served = new Set(open.report.controls.flatMap((c) => c.serves.map((r) => r.id)));
  expect([...served].sort()).toEqual(
    [
      "Automotive Data Provisions Art. 11",
      "CAC Cross-Border Data Flow Provisions (2024)",
      "CAC Outbound Data Security Assessment Measures (2022)",
      "CSL Art. 37",
      "DSL Art. 21, 31",
      "PIPL Art. 38-40",
    ].sort(),
  );
});

test("identities kept partition-wide by AWS hold the placement control; a global edge service does not", async () => {
  const urn = (type: string, name: string) => `urn:pulumi:us::p::${type}::${name}`;
  const providerUrn = urn("pulumi:providers:aws", "home");
  const resource = (type: string, name: string, inputs: Record<string, unknown>) =>
    recordOf({
      urn: urn(type, name),
      type,
      name,
      custom: true,
      provider: providerUrn,
      inputs,
      outputs: inputs,
    });
  const planWith = (extra: RecordedResource[]): Plan => ({
    project: "p",
    stack: "us",
    program: "index.ts",
    config: {},
    resources: [
      recordOf({
        urn: providerUrn,
        type: "pulumi:providers:aws",
        name: "home",
        custom: true,
        inputs: { region: "us-west-2" },
        outputs: { region: "us-west-2" },
      }),
      resource("aws:iam/role:Role", "app", { assumeRolePolicy: "{}" }),
      ...extra,
    ],
    outputs: {},
  });
  const us = { jurisdiction: "US", egressAllowlist: [], waivers: [] };
  const placement = async (plan: Plan) =>
    (await renderReport(plan, [], { settings: us })).controls.find((c) => c.id === "placement");

  const identities = await placement(planWith([]));
  expect(identities?.status).toBe("met");
  expect(identities?.evidence).toContainEqual({
    subject: 'iam role "app"',
    facts: [
      "identities and permissions, kept partition-wide by AWS: no data is stored there, and the access it grants is judged where it is used",
    ],
    ok: true,
  });

  const edge = await placement(
    planWith([resource("aws:cloudfront/distribution:Distribution", "cdn", { enabled: true })]),
  );
  expect(edge?.status).toBe("not met");
  expect(edge?.evidence.filter((e) => !e.ok).map((e) => e.subject)).toEqual([
    'cloudfront distribution "cdn"',
  ]);
  // A way to the internet internet-egress reports from a resource alone (a function outside any
  // VPC) fails the internet control too: the report said "met" beside the finding (a new user's).
  const lambda = resource("aws:lambda/function:Function", "ingest", { runtime: "nodejs20.x" });
  const finding: Violation = {
    policy: "internet-egress",
    level: "mandatory",
    resourceType: "aws:lambda/function:Function",
    resourceName: "ingest",
    message: 'lambda function "ingest" must reach the internet only through a VPC of the stack …',
    path: ['lambda function "ingest"', "the public internet"],
    urn: urn("aws:lambda/function:Function", "ingest"),
  };
  const internet = async (violations: Violation[]) =>
    (await renderReport(planWith([lambda]), violations, { settings: us })).controls.find(
      (c) => c.id === "no-internet",
    );
  const reported = await internet([finding]);
  expect(reported?.status).toBe("not met");
  expect(reported?.evidence.filter((e) => !e.ok)).toEqual([
    {
      subject: 'lambda function "ingest"',
      facts: ['internet-egress (mandatory): lambda function "ingest" → the public internet'],
      ok: false,
    },
  ]);
  const waived = await internet([
    { ...finding, waived: { reason: "public webhook receiver", expires: "2099-01-01" } },
  ]);
  expect(waived?.status).toBe("met");
});

// Found by a compliance officer's reading: the verdict said "no data store or key can reach a
// place outside CN" with no word of what it does not cover (access with credentials, the
// provider's operations, drift), and beside advisory findings and waivers it said nothing of them.
test("the verdict says what it covers, and counts the advisory and waived findings beside it", async () => {
  const r = bounded.plan.resources.find((x) => x.custom && !x.type.startsWith("pulumi:"))!;
  const finding = (over: Partial<Violation>): Violation => ({
    policy: "cross-account-links",
    level: "advisory",
    resourceType: r.type,
    resourceName: r.name,
    message: "grants another account.",
    path: null,
    urn: r.urn,
    ...over,
  });
  const render = async (violations: Violation[]) =>
    (await renderReport(bounded.plan, violations, { settings })).markdown;
  const clean = await render([]);
  expect(clean.split("\n")[2]).toBe(
    "**Verdict: sealed.** No mandatory violation; no data store or key of the stack can reach a place outside CN by a path the pack models (see What the verdict covers).",
  );
  expect(clean).toContain("## What the verdict covers");
  expect(clean).toContain("- **Access with credentials.**");
  expect(clean).toContain("- **The deployed cloud.**");
  expect(clean).toContain("None: every policy of the pack passed.");
  const waived = finding({
    policy: "storage-replication",
    level: "mandatory",
    waived: { reason: "assessment approved", expires: "2099-01-01" },
  });
  const both = await render([finding({}), waived]);
  expect(both.split("\n")[2]).toBe(
    "**Verdict: sealed.** No mandatory violation; no data store or key of the stack can reach a place outside CN by a path the pack models (see What the verdict covers), except by 1 waived crossing (see Waivers); 1 advisory finding is listed for you to review (see Violations).",
  );
  const onlyWaived = await render([waived]);
  expect(onlyWaived).toContain("None but the 1 waived finding below: every other check passed.");
  expect(onlyWaived).not.toContain("every policy of the pack passed");
});

test("a control left unmet by rows no policy found says its policies judge only what would let data leave", () => {
  const md = open.report.markdown;
  const sentence =
    "Its unmet rows above are none of those policies' findings: the policies judge the part of this control that would let data leave, and the rest of it is informational.";
  // Every control section that carries the sentence is unmet and has no finding of its policies.
  const sections = md.split("\n### ").slice(1);
  const carrying = sections.filter((s) => s.includes(sentence));
  expect(carrying.length).toBeGreaterThan(0);
  for (const section of carrying) {
    expect(section.split("\n")[0]).toMatch(/— \*\*not met\*\*$/);
  }
  // The internet control is unmet by internet-egress's own finding: no such sentence there.
  const internet = sections.find((s) => /^\d+\. No path to the internet/.test(s));
  expect(internet).toBeDefined();
  expect(internet).not.toContain(sentence);
});

test("the provenance names the tool, the SDKs, the stack and policy config by hash, and the commit", async () => {
  const md = (
    await renderReport(bounded.plan, [], {
      settings,
      provenance: {
        tool: "sovereign-dc 1.2.3",
        sdks: ["@pulumi/pulumi 3.276.0", "@pulumi/aws 7.48.0"],
        stackFile: { name: "Pulumi.sealed.yaml", sha256: "ab".repeat(32) },
        policyConfig: { name: "policy/levels.json", sha256: "cd".repeat(32) },
        commit: { id: "0123456789abcdef0123456789abcdef01234567", dirty: true },
      },
    })
  ).markdown;
  expect(md.slice(md.indexOf("## Provenance"))).toBe(
    [
      "## Provenance",
      "",
      "| | |",
      "|---|---|",
      "| Tool | `sovereign-dc 1.2.3` |",
      "| SDKs the program resolves | `@pulumi/pulumi 3.276.0`, `@pulumi/aws 7.48.0` |",
      `| Stack config | \`Pulumi.sealed.yaml\`, SHA-256 \`${"ab".repeat(32)}\` |`,
      `| Policy config (\`--policy-config\`) | \`policy/levels.json\`, SHA-256 \`${"cd".repeat(32)}\` |`,
      "| Program commit | `0123456789abcdef0123456789abcdef01234567`, with uncommitted changes to tracked files |",
      "",
    ].join("\n"),
  );
  // Without it, no section: a report rendered for comparison names nothing of the machine.
  expect((await renderReport(bounded.plan, [], { settings })).markdown).not.toContain(
    "## Provenance",
  );
});

// Found by a compliance officer's reading: a --policy-config that lowered a hardening policy left
// the report saying "strict … mandatory" and "Enforced by … (mandatory)".
test("a hardening level a policy config set otherwise than the posture is named where the report gives levels", async () => {
  const md = (
    await renderReport(bounded.plan, [], {
      settings,
      levels: { "customer-key-encryption": "disabled", "network-links": "mandatory" },
    })
  ).markdown;
  expect(md).toContain(
    "| Posture | standard (hardening that keeps data in place is advisory; `customer-key-encryption` disabled by its --policy-config) |",
  );
  expect(md).toContain(
    "Enforced by `customer-key-encryption` (disabled, set by the stack's --policy-config; advisory at standard posture).",
  );
  // Twin: the posture's own level is no override.
  const plain = (
    await renderReport(bounded.plan, [], {
      settings,
      levels: { "customer-key-encryption": "advisory" },
    })
  ).markdown;
  expect(plain).toContain(
    "| Posture | standard (hardening that keeps data in place is advisory) |",
  );
});

// A team whose pipeline also runs pulumi preview --policy-pack may make what the offline check
// could not see advisory: the report then says its verdict is over the rest.
test("a verdict over a stack whose unseen components were made advisory says it is over what was seen", async () => {
  const unseen: Violation = {
    policy: "offline-visibility",
    level: "advisory",
    lowered: true,
    resourceType: "awsx:ec2:Vpc",
    resourceName: "network",
    message: 'awsx:ec2:Vpc "network" must have its resources checked, but …',
    path: null,
    urn: "urn:pulumi:sealed::p::awsx:ec2:Vpc::network",
  };
  const md = (
    await renderReport(bounded.plan, [unseen], {
      settings,
      levels: { "offline-visibility": "advisory" },
    })
  ).markdown;
  expect(md).toContain("**Verdict: sealed in what the offline check could see.** No mandatory");
  expect(md).toContain(
    "1 of them is on what the check could not see offline, made advisory by the stack's --policy-config (`offline-visibility`) and left to `pulumi preview --policy-pack`.",
  );
  expect(md).toContain(
    "`offline-visibility` advisory by its --policy-config: what the offline check could not see is left to pulumi preview --policy-pack) |",
  );
  // Twin: an advisory finding of the policy's own (not lowered) leaves the verdict as it is.
  const own = (await renderReport(bounded.plan, [{ ...unseen, lowered: undefined }], { settings }))
    .markdown;
  expect(own).toContain("**Verdict: sealed.** No mandatory");
  expect(own).not.toContain("offline-visibility` advisory by its");
});
