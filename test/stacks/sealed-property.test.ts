/**
 * The invariant of shared/DESIGN.md: every accepted stack config produces a plan that the
 * residency pack passes, on either cloud, in any jurisdiction of the catalog. Configs are
 * generated with fast-check, evaluated by the offline engine (a batch per property run, in one
 * child process) and checked by the real pack over the analyzer protocol.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import YAML from "yaml";
import type { PolicyPackSession } from "../../engine/analyzer";
import { packConfigFor, settingsFromStackConfig, toViolations } from "../../engine/check";
import type { Plan } from "../../engine/plan";
import { type Cloud, listJurisdictions } from "../../residency/jurisdictions";
import { validateStackSpec } from "../../residency/spec";
import { evaluateMany, packSession } from "../helpers/worker";

const root = path.resolve(__dirname, "..", "..");

const specArb = fc
  .record({
    cloud: fc.constantFrom<Cloud>("alicloud", "aws"),
    jurisdiction: fc.constantFrom(...listJurisdictions()),
    regionIndex: fc.nat(),
    zoneLetters: fc.uniqueArray(fc.constantFrom("a", "b", "c", "d"), {
      minLength: 1,
      maxLength: 3,
    }),
    second: fc.integer({ min: 0, max: 250 }),
    buckets: fc.uniqueArray(fc.constantFrom("telemetry", "records", "media", "audit-2"), {
      maxLength: 3,
    }),
    retentionDays: fc.integer({ min: 1, max: 3650 }),
    egress: fc.array(
      fc.record({
        third: fc.integer({ min: 0, max: 255 }),
        port: fc.integer({ min: 1, max: 65535 }),
        protocol: fc.constantFrom("tcp", "udp"),
      }),
      { maxLength: 2 },
    ),
    deletionWindowDays: fc.integer({ min: 7, max: 30 }),
    awsRotationDays: fc.integer({ min: 90, max: 365 }),
    accountId: fc.stringMatching(/^\d{12}$/),
  })
  .map((g) => {
    const regions = g.jurisdiction.regions[g.cloud];
    const region = regions[g.regionIndex % regions.length];
    const zone = (l: string) => (g.cloud === "alicloud" ? `${region}-${l}` : `${region}${l}`);
    return {
      cloud: g.cloud,
      region,
      jurisdiction: g.jurisdiction.id,
      ...(g.cloud === "aws" ? { accountId: g.accountId } : {}),
      network: {
        cidr: `10.${g.second}.0.0/16`,
        zones: g.zoneLetters.map((l, i) => ({
          zone: zone(l),
          cidr: `10.${g.second}.${i + 1}.0/24`,
        })),
      },
      buckets: g.buckets.map((name) => ({
        name,
        purpose: `Generated ${name} data`,
        retentionDays: g.retentionDays,
      })),
      egress: g.egress.map((e) => ({
        cidr: `172.20.${e.third}.0/24`,
        ports: [e.port],
        protocol: e.protocol,
        reason: "Generated in-country service",
      })),
      keys: {
        deletionWindowDays: g.deletionWindowDays,
        rotationDays: g.cloud === "alicloud" ? 365 : g.awsRotationDays,
      },
    };
  });

type Spec = typeof specArb extends fc.Arbitrary<infer T> ? T : never;

let session: PolicyPackSession;
let workDir: string;
beforeAll(async () => {
  session = await packSession();
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-property-"));
  fs.writeFileSync(
    path.join(workDir, "Pulumi.yaml"),
    YAML.stringify({
      name: "sovereign-dc",
      runtime: "nodejs",
      main: path.join(root, "stacks", "index.ts"),
    }),
  );
});
afterAll(() => {
  session.close();
  fs.rmSync(workDir, { recursive: true, force: true });
});

let counter = 0;
function writeStack(spec: Spec): string {
  const stack = `gen-${counter++}`;
  const config: Record<string, unknown> = { [`${spec.cloud}:region`]: spec.region };
  for (const [k, v] of Object.entries(spec)) {
    config[`sovereign-dc:${k}`] = v;
  }
  fs.writeFileSync(path.join(workDir, `Pulumi.${stack}.yaml`), YAML.stringify({ config }));
  return stack;
}

async function mandatoryViolations(plan: Plan): Promise<string[]> {
  await session.configure(packConfigFor(settingsFromStackConfig(plan.config)));
  const violations = toViolations(await session.analyzePlan(plan), plan);
  return violations
    .filter((v) => v.level === "mandatory")
    .map((v) => `${v.policy} ${v.resourceName}: ${v.message}`);
}

it("every accepted stack config plans sealed: no mandatory violation", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(specArb, { minLength: 8, maxLength: 8 }), async (specs) => {
      for (const spec of specs) {
        validateStackSpec(spec, "generated"); // only accepted configs are in scope
      }
      const stacks = specs.map(writeStack);
      const plans = await evaluateMany(stacks.map((stack) => ({ projectDir: workDir, stack })));
      for (const [i, plan] of plans.entries()) {
        if (plan instanceof Error) {
          throw new Error(`stack ${JSON.stringify(specs[i])} failed to evaluate: ${plan.message}`);
        }
        expect(plan.resources.filter((r) => r.custom).length).toBeGreaterThan(5);
        expect({ spec: specs[i], violations: await mandatoryViolations(plan) }).toEqual({
          spec: specs[i],
          violations: [],
        });
      }
    }),
    { numRuns: 1, seed: 20261128 },
  );
});
