/**
 * One crossing, one finding, each with its path: on every fixture plan — the border fixtures
 * (crossing and sealed twins), the policy-aws and policy-alicloud plans, each also judged from the
 * other side of a border — every finding of every policy, all at the mandatory level as a strict
 * stack runs them, names the path from a node of the stack to the place it reaches (a place
 * outside, or one that cannot be placed); and no crossing the border analysis finds is reported
 * by no-path-out-of-jurisdiction when a policy that owns its edge already reports it.
 */
import type { Plan } from "../../engine/plan";
import { fromPlan } from "../../policy/paths";
import { analyzeGraph, explainedBy, typeRows } from "../../policy/paths/graph";
import { byType } from "../../policy/paths/types";
import { borderFixtures, evaluateFixtures, plantAllowlist } from "../border/pack";
import { oracleInputsOf, type OracleSettings, runNamed } from "../helpers/model-oracle";
import { fixturePlan } from "../helpers/policy-plan";

let cases: [string, Plan, OracleSettings][];
beforeAll(async () => {
  const [border, aws, alicloud] = await Promise.all([
    evaluateFixtures(borderFixtures),
    fixturePlan("policy-aws", "us"),
    fixturePlan("policy-alicloud", "cn"),
  ]);
  const cn: OracleSettings = { jurisdiction: "CN", egressAllowlist: plantAllowlist };
  cases = [
    ...borderFixtures.flatMap((name) =>
      (["crossing", "sealed"] as const).map((twin): [string, Plan, OracleSettings] => [
        `${name}/${twin}`,
        border[name][twin],
        cn,
      ]),
    ),
    ["policy-aws", aws, { jurisdiction: "US" }],
    ["policy-aws under CN", aws, { jurisdiction: "CN" }],
    ["policy-alicloud", alicloud, { jurisdiction: "CN" }],
    ["policy-alicloud under US", alicloud, { jurisdiction: "US" }],
  ];
}, 120_000);

test("every finding on every fixture plan carries its path", () => {
  const pathless: string[] = [];
  let judged = 0;
  for (const [name, plan, settings] of cases) {
    for (const [policy, resource, , path] of runNamed(oracleInputsOf(plan), settings)) {
      judged++;
      if (path === null || path.length < 2) {
        pathless.push(`${name}: ${policy} ${resource} ${JSON.stringify(path)}`);
      }
    }
  }
  expect(pathless).toEqual([]);
  // Not vacuous: the crossing twins and the plans judged from abroad fail in many ways.
  expect(judged).toBeGreaterThan(100);
});

test("a crossing another policy explains is not also a no-path finding", () => {
  const twice: string[] = [];
  let explained = 0;
  for (const [name, plan, settings] of cases) {
    const { graph, analysis } = analyzeGraph(
      fromPlan(plan),
      settings.jurisdiction,
      { egressAllowlist: settings.egressAllowlist ?? [] },
      typeRows(byType),
    );
    const reported = new Set(
      runNamed(oracleInputsOf(plan), settings)
        .filter(([policy]) => policy === "no-path-out-of-jurisdiction")
        .map(([, , , path]) => JSON.stringify(path)),
    );
    for (const p of analysis.paths) {
      const owner = explainedBy(p, graph);
      if (owner === undefined) {
        continue;
      }
      explained++;
      if (reported.has(JSON.stringify(p.hops))) {
        twice.push(`${name}: ${p.hops.join(" → ")} (explained by ${owner})`);
      }
    }
  }
  expect(twice).toEqual([]);
  expect(explained).toBeGreaterThan(5);
});

test("explainedBy names the policy of the crossing edge's row, or resource-placement for a resource's own placement", () => {
  const out: string[] = [];
  for (const [name, plan, settings] of cases.filter(([n]) => /\/(crossing|sealed)$/.test(n))) {
    const { graph, analysis } = analyzeGraph(
      fromPlan(plan),
      settings.jurisdiction,
      { egressAllowlist: settings.egressAllowlist ?? [] },
      typeRows(byType),
    );
    for (const p of analysis.paths) {
      out.push(`${name} ${p.source.label}: ${explainedBy(p, graph) ?? "-"}`);
    }
  }
  // The sealed twins have no path. A crossing on an edge no policy owns (a bucket encrypted by a
  // key abroad, a transit router's attachment of a network abroad) is explained by none: it is
  // no-path-out-of-jurisdiction's to report.
  expect(out).toEqual([
    'replication/crossing oss bucket "telemetry": storage-replication',
    'foreign-key/crossing kms key "records-key": resource-placement',
    'foreign-key/crossing oss bucket "records": -',
    'cen/crossing oss bucket "records": network-links',
    'peering/crossing oss bucket "records": network-links',
    'nat/crossing oss bucket "records": internet-egress',
    'vpn/crossing oss bucket "records": remote-sites',
    'kubernetes/crossing k8s statefulset "db": -',
    'transit-router/crossing oss bucket "records": -',
  ]);
});
