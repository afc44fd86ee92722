/**
 * The two judgements of a sealed stack's plan that the property tests make: the residency
 * verdict exactly as `sovereign-dc plan` reaches it, and where each resource is created.
 */
import type { PolicyPackSession } from "../../engine/analyzer";
import {
  failingUnknownsClosed,
  packConfigFor,
  settingsFromStackConfig,
  stateViolations,
  toViolations,
  type Violation,
} from "../../engine/check";
import { opaqueViolations } from "../../engine/opaque";
import type { Plan, RecordedResource } from "../../engine/plan";
import { plainProps } from "../../engine/wire";
import { getJurisdiction } from "../../residency/jurisdictions";
import { cloudOf, placementOf } from "../../residency/placement";

/** The last analysis each session was given, so that the next one waits for it. */
const turns = new WeakMap<PolicyPackSession, Promise<unknown>>();

/**
 * `analysis` once the session's previous one has finished. A session is configured before each
 * analysis and answers with its configuration of the moment: two properties judging at once (one
 * shrinking a failure while the next evaluates) would otherwise judge with each other's settings.
 */
function inTurn<T>(session: PolicyPackSession, analysis: () => Promise<T>): Promise<T> {
  const mine = (turns.get(session) ?? Promise.resolve()).catch(() => undefined).then(analysis);
  turns.set(session, mine);
  return mine;
}

/**
 * The verdict of cli/run.ts on a plan: the pack configured from the stack's own settings, every
 * policy at the pack's level (mandatory) and none disabled — the border analysis included — plus
 * the engine's findings on Pulumi state and on what it cannot see offline. A value not known
 * fails closed, as offline; `firstPreview` keeps the pack's default, as `--first-preview` does.
 */
export async function verdictOf(
  session: PolicyPackSession,
  plan: Plan,
  firstPreview = false,
): Promise<Violation[]> {
  const settings = settingsFromStackConfig(plan.config);
  const jurisdiction = getJurisdiction(settings.jurisdiction ?? "");
  const config = packConfigFor({ ...settings, jurisdiction: jurisdiction.id });
  const diagnostics = await inTurn(session, async () => {
    await session.configure(firstPreview ? config : failingUnknownsClosed(config));
    return session.analyzePlan(plan);
  });
  const state = stateViolations(jurisdiction, {
    stack: plan.stack,
    projectBackendUrl: plan.backendUrl,
    declaredBackendUrl: plan.config["sovereign-dc:stateBackend"],
    secretsProvider: plan.secretsProvider,
  });
  return [...toViolations(diagnostics, plan), ...state, ...opaqueViolations(plan, config)];
}

/** `policy resource: message` of each mandatory violation. */
export function mandatoryFindings(violations: readonly Violation[]): string[] {
  return violations
    .filter((v) => v.level === "mandatory")
    .map((v) => `${v.policy} ${v.resourceName ?? "(stack)"}: ${v.message}`);
}

/**
 * Why resources of the plan are not (provably) in `region`: a cloud resource placed elsewhere
 * or nowhere, one not created through an explicit provider of the stack pinned to the region,
 * or a provider pinned elsewhere. Global services (IAM) have no region and pass.
 */
export function placementProblems(plan: Plan, region: string): string[] {
  const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
  const problems: string[] = [];
  const label = (r: RecordedResource) => `${r.type} "${r.name}"`;
  for (const r of plan.resources) {
    if (!r.custom || cloudOf(r.type) === undefined) {
      continue;
    }
    const inputs = plainProps(r.inputs);
    if (r.type.startsWith("pulumi:providers:")) {
      if (inputs.region !== region) {
        problems.push(`${label(r)} is pinned to ${JSON.stringify(inputs.region)}`);
      }
      continue;
    }
    const provider = r.provider ? byUrn.get(r.provider) : undefined;
    if (provider === undefined || provider.synthesized === true) {
      problems.push(`${label(r)} is not created through an explicit provider of the stack`);
    }
    if (typeof inputs.region === "string" && inputs.region !== region) {
      problems.push(`${label(r)} sets region ${inputs.region}`);
    }
    const place = placementOf(
      r.type,
      inputs,
      provider ? { type: provider.type, props: plainProps(provider.inputs) } : undefined,
    );
    if (place.kind === "region" && place.region !== region) {
      problems.push(`${label(r)} is placed in ${place.region}`);
    } else if (place.kind === "unknown" || place.kind === "cluster") {
      problems.push(`${label(r)} cannot be placed: ${place.reason}`);
    }
  }
  return problems;
}
