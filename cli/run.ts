/**
 * The pipeline shared by `plan` and `check`: evaluate a program offline for a stack, run the
 * residency pack on what it registered, and return the verdict. The pack's process starts while
 * the program evaluates, so the two start-up costs overlap.
 */
import * as path from "node:path";
import { type PlanAnalysis, PolicyPackSession, type PolicyPackConfig } from "../engine/analyzer";
import {
  defaultPackDir,
  mergePolicyConfigFile,
  packConfigFor,
  withStandInAccount,
  byLevel,
  deferredAtTheirLevel,
  failingUnknownsClosed,
  settingsFromStackConfig,
  stateViolations,
  toViolations,
  type Violation,
} from "../engine/check";
import { evaluateInProcess } from "../engine/evaluate";
import { withIdlePoliciesOff } from "../engine/idle-policies";
import { reportingWaived, waiverFindings } from "../engine/waivers";
import { opaqueViolations, withOfflineSources } from "../engine/opaque";
import { programRequestViolations } from "../engine/program-requests";
import type { Plan } from "../engine/plan";
import { maskSecretTexts, plainOutputNames, secretTexts } from "../engine/wire";
import { isOfflineSecretPlaceholder, loadProject, UsageError } from "../engine/project";
import { findJurisdiction, jurisdictionIds, type Jurisdiction } from "../residency/jurisdictions";
import { resourceLabel } from "../residency/placement";
import { type PackHandle, spawnPack } from "../engine/spawn-pack";
import { mark, reportOnExit } from "../engine/timings";

export interface RunOptions {
  readonly projectDir: string;
  readonly stack: string;
  readonly program?: string;
  /** Jurisdiction to check against when the stack config does not name one. */
  readonly jurisdiction?: string;
  /** A `--policy-pack-config` style JSON file laid over the settings from stack config. */
  readonly policyConfigFile?: string;
  readonly packDir?: string;
  /** Seconds the program may run (`--timeout`); see EvaluateOptions. */
  readonly timeoutSeconds?: number;
  /** The pack's process, when the caller started it early (see bin/sovereign-dc.js). */
  readonly pack?: PackHandle;
  /** Evaluate as a first `pulumi preview` of the stack (`--first-preview`; EvaluateOptions). */
  readonly firstPreview?: boolean;
  /** The organization a full `--stack` names (engine/evaluate.ts `organization`). */
  readonly organization?: string;
  /** Record where the program declares each resource, for SARIF (EvaluateOptions). */
  readonly sourcePositions?: boolean;
}

export interface RunResult {
  readonly plan: Plan;
  readonly jurisdiction?: string;
  readonly packConfig: PolicyPackConfig;
  readonly violations: Violation[];
}

/**
 * Keeps stdout for the command's own document once a program runs in this process: what the
 * program prints — console.log, console.info, or straight to process.stdout — goes to stderr, so
 * that `--format json` and `sarif` stay documents a tool can parse. For the rest of the process,
 * not only while the evaluation runs: a program's late callbacks (an fs write's, an exit
 * handler) print whenever they run, after its resources are registered too. The document itself
 * goes through the writer `main` took before any program ran (cli/main.ts `processIo`).
 */
function consoleOnStderr(): void {
  console.log = (...a: unknown[]) => console.error(...a);
  console.info = (...a: unknown[]) => console.error(...a);
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
}

export async function evaluateAndCheck(opts: RunOptions): Promise<RunResult> {
  reportOnExit("cli");
  mark("start-up");
  const packDir = opts.packDir ?? defaultPackDir;
  const pack = opts.pack ?? spawnPack(packDir);
  const sessionPromise =
    "shared" in pack ? PolicyPackSession.attach(pack) : PolicyPackSession.connect(pack);
  // An evaluation failure must not leave the pack's process behind.
  sessionPromise.catch(() => undefined);
  const abandonSession = () => {
    // A pack of this run's own stops at once, not once it serves: a run refused as it starts (a
    // stack's settings) must not leave its caller's process waiting for the pack to start.
    if ("child" in pack) {
      pack.child.kill();
    }
    void sessionPromise.then(
      (s) => s.close(),
      () => undefined,
    );
  };
  let plan: Plan;
  let jurisdiction: Jurisdiction | undefined;
  let packConfig: PolicyPackConfig = {};
  let analysis: PlanAnalysis | undefined;
  try {
    consoleOnStderr();
    plan = await evaluateInProcess({
      projectDir: opts.projectDir,
      stack: opts.stack,
      program: opts.program ? path.resolve(opts.program) : undefined,
      timeoutSeconds: opts.timeoutSeconds,
      firstPreview: opts.firstPreview,
      organization: opts.organization,
      sourcePositions: opts.sourcePositions,
      // The stack's settings are read before the program runs: a bad one is a usage error
      // at once, and the pack, configured, judges each resource as it is registered.
      onConfig: (config) => {
        const settings = settingsFromStackConfig(config);
        jurisdiction = resolveJurisdiction(opts.stack, settings.jurisdiction, opts.jurisdiction);
        const base = packConfigFor({ ...settings, jurisdiction: jurisdiction.id });
        packConfig = opts.policyConfigFile
          ? mergePolicyConfigFile(base, opts.policyConfigFile)
          : base;
        mark("settings");
        const sent = withIdlePoliciesOff(withStandInAccount(reportingWaived(packConfig), config));
        analysis = PolicyPackSession.streamPlan(
          sessionPromise,
          opts.firstPreview ? sent : failingUnknownsClosed(sent),
        );
      },
      onResource: (r) => analysis?.add(r),
    });
  } catch (e) {
    (analysis as PlanAnalysis | undefined)?.close();
    abandonSession();
    throw e;
  }
  const session = await sessionPromise.catch((e: unknown) => {
    (analysis as PlanAnalysis | undefined)?.close();
    abandonSession();
    throw e;
  });
  mark("waiting for the pack");
  try {
    if (jurisdiction === undefined || analysis === undefined) {
      throw new Error("the evaluation did not read the stack's config");
    }
    const diagnostics = await analysis.finish(plan);
    const state = stateViolations(jurisdiction, {
      stack: opts.stack,
      projectBackendUrl: plan.backendUrl,
      envBackendUrl: process.env.PULUMI_BACKEND_URL,
      declaredBackendUrl: plan.config["sovereign-dc:stateBackend"],
      secretsProvider: plan.secretsProvider,
    });
    const opaque = opaqueViolations(plan, packConfig, loadProject(opts.projectDir).dir);
    const found = [
      ...withOfflineSources(
        deferredAtTheirLevel(toViolations(diagnostics, plan), packConfig),
        plan,
      ),
      ...state,
      ...opaque,
      ...programRequestViolations(plan, jurisdiction, packConfig),
    ];
    const violations = withoutSecrets(
      byLevel([...found, ...waiverFindings(packConfig, found)]),
      plan,
    );
    mark("findings");
    return { plan, jurisdiction: jurisdiction.id, packConfig, violations };
  } finally {
    session.close();
  }
}

/**
 * The findings with every text the program marked secret masked as `[secret]`: a policy quotes
 * the value it judges (a webhook URL with its token, an endpoint with an API key in its query),
 * and text, JSON and SARIF output end up in CI logs and code-scanning uploads. The inputs the
 * document shows are masked where they are rendered (cli/view.ts). A text that is part of a
 * resource's URN — its name, the project's, the stack's — is not masked: every Pulumi command
 * prints those, and an SDK that marks an input secret whatever it holds (an SSM parameter's
 * value) would otherwise turn the names in every finding into `[secret]`.
 */
function withoutSecrets(violations: Violation[], plan: Plan): Violation[] {
  const urns = plan.resources.map((r) => r.urn).join("\n");
  // A `secure:` config value the engine could not decrypt is its placeholder, which says so.
  const secrets = secretTexts(plan.resources.map((r) => r.inputs)).filter(
    (s) => !urns.includes(s) && !isOfflineSecretPlaceholder(s),
  );
  if (secrets.length === 0) {
    return violations;
  }
  // A secret a resource reports in plain as an output is named by it (plain outputs only: a
  // secret output stays a wire secret, which is no string).
  const named = plainOutputNames(
    secrets,
    plan.resources
      .filter((r) => r.custom)
      .map((r) => ({ outputs: r.outputs, label: resourceLabel(r.type, r.name) })),
  );
  return violations.map((v) => ({
    ...v,
    message: maskSecretTexts(v.message, secrets, named),
    path: v.path && v.path.map((step) => maskSecretTexts(step, secrets, named)),
  }));
}

/**
 * The jurisdiction a stack is judged in: its config's `sovereign-dc:jurisdiction`, or the
 * `--jurisdiction` given for a stack whose config names none. Each is checked against the
 * catalog wherever it comes from, and a flag that names another jurisdiction than the stack's own
 * is refused rather than dropped: the stack would be judged against a border the user did not ask
 * for, without a word.
 */
export function resolveJurisdiction(
  stack: string,
  configured: string | undefined,
  flag?: string,
): Jurisdiction {
  const known = (value: string, where: string): Jurisdiction => {
    const found = findJurisdiction(value);
    if (!found) {
      const meant = findJurisdiction(value.toUpperCase());
      throw new UsageError(
        `${where}: received ${JSON.stringify(value)}; expected a jurisdiction of the catalog${meant ? ` (did you mean ${meant.id}?)` : ""}: ${jurisdictionIds().join(", ")}.`,
      );
    }
    return found;
  };
  const fromFlag = flag === undefined ? undefined : known(flag, "--jurisdiction");
  const fromStack =
    configured === undefined
      ? undefined
      : known(configured, `sovereign-dc:jurisdiction of Pulumi.${stack}.yaml`);
  if (fromStack !== undefined && fromFlag !== undefined && fromStack.id !== fromFlag.id) {
    throw new UsageError(
      `--jurisdiction ${fromFlag.id} differs from sovereign-dc:jurisdiction ${fromStack.id} of Pulumi.${stack}.yaml, which decides the stack's border: leave --jurisdiction out, or change the stack's config.`,
    );
  }
  const found = fromStack ?? fromFlag;
  if (found === undefined) {
    throw new UsageError(
      `Stack ${JSON.stringify(stack)} names no jurisdiction: set sovereign-dc:jurisdiction in its ` +
        "Pulumi.<stack>.yaml or pass --jurisdiction (one of the catalog IDs, e.g. CN, US, EU).",
    );
  }
  return found;
}

/**
 * The CLI contract: 1 when a mandatory violation stands (waived ones aside); else 2 when a
 * resource policy waits for values not known at preview (`--first-preview`: no verdict over that
 * resource yet); else 0.
 */
export function exitCodeOf(violations: readonly Violation[]): number {
  if (violations.some((v) => v.level === "mandatory" && v.waived === undefined)) {
    return 1;
  }
  return violations.some((v) => v.deferred && v.waived === undefined) ? 2 : 0;
}

/** The resources a first preview leaves without a verdict, once each, as `type "name"`. */
export function deferredResources(violations: readonly Violation[]): string[] {
  return [
    ...new Set(
      violations
        .filter((v) => v.deferred && v.waived === undefined)
        .map((v) => (v.resourceName ? `${v.resourceType} "${v.resourceName}"` : "the stack")),
    ),
  ];
}
