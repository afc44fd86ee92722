/**
 * Waivers as the offline engine reports them. The pack applies a waiver by leaving the finding
 * out — all CrossGuard can do under the Pulumi CLI. Offline, `plan` and `check` ask the pack to
 * report waived findings marked with their waiver (`reportWaived`), list them as waived, keep
 * them out of the verdict, and review the waivers themselves: one that covers nothing is stale,
 * one that lapses within 30 days is due for review. Both are advisory findings of
 * `waiver-review`.
 */
import { type Waiver, waiverProblem } from "../policy/framework";
import { policyNames } from "../policy/names";
import type { PolicyPackConfig } from "./analyzer";
import type { Violation } from "./check";

export const waiverReview = {
  name: "waiver-review",
  description:
    "Checks whether every waiver of the policy config covers a finding and stays valid for the next 30 days.",
  severity: "low",
  remediationSteps:
    "Remove a waiver that covers nothing (or correct its policy and resource names); renew or remove a waiver before it lapses.",
} as const;

/** Days before its expiry from which a waiver is reported as lapsing. */
export const lapseWarningDays = 30;

/**
 * Where a finding of `program-requests` sends, as its path's last hop names it before its place
 * (`acme.s3.eu-west-1.amazonaws.com`, `the S3 bucket archive`): a waiver naming it covers that
 * destination's findings alone, where one naming the stack covers every request the program sends.
 */
export function requestDestination(v: Pick<Violation, "policy" | "path">): string | undefined {
  const last = v.policy === "program-requests" ? v.path?.at(-1) : undefined;
  const at = last?.indexOf(": ") ?? -1;
  return last === undefined || at < 0 ? undefined : last.slice(0, at);
}

/** `config` with `extra` laid over the settings of every pack policy it configures. */
export function onEveryPolicy(
  config: PolicyPackConfig,
  extra: Readonly<Record<string, unknown>>,
): PolicyPackConfig {
  return Object.fromEntries(
    Object.entries(config).map(([name, settings]) => [
      name,
      policyNames.includes(name) && typeof settings === "object" && settings !== null
        ? { ...settings, ...extra }
        : settings,
    ]),
  );
}

/** `config` with every pack policy reporting its waived findings, marked. */
export function reportingWaived(config: PolicyPackConfig): PolicyPackConfig {
  return onEveryPolicy(config, { reportWaived: true });
}

/** The waivers of a pack config, once each (the same waiver is usually under every policy). */
export function waiversOf(config: PolicyPackConfig): Waiver[] {
  const seen = new Map<string, Waiver>();
  for (const settings of Object.values(config)) {
    const list = (settings as { waivers?: unknown } | null)?.waivers;
    for (const w of Array.isArray(list) ? (list as Waiver[]) : []) {
      seen.set(JSON.stringify([w.policy, w.resource, w.reason, w.expires]), w);
    }
  }
  return [...seen.values()];
}

function label(w: Waiver): string {
  return `The waiver of ${w.policy} for ${JSON.stringify(w.resource)}`;
}

/**
 * Advisory findings about the valid waivers of `config` (invalid ones fail the stack through the
 * pack's `residency-waivers`): those that cover no finding, and those lapsing within 30 days.
 */
export function waiverFindings(
  config: PolicyPackConfig,
  violations: readonly Violation[],
  today: Date = new Date(),
): Violation[] {
  const out: Violation[] = [];
  const finding = (message: string): Violation => ({
    policy: waiverReview.name,
    level: "advisory",
    resourceType: null,
    resourceName: null,
    message,
    path: null,
    urn: null,
  });
  for (const w of waiversOf(config)) {
    if (waiverProblem(w, today) !== undefined) {
      continue;
    }
    const covers = violations.some(
      (v) =>
        v.waived !== undefined &&
        v.policy === w.policy &&
        (v.resourceName === w.resource ||
          v.urn === w.resource ||
          requestDestination(v) === w.resource),
    );
    if (!covers) {
      out.push(
        finding(
          `${label(w)} must cover a finding, but no finding of ${w.policy} names ${JSON.stringify(w.resource)}. Remove the waiver, or correct its policy and resource names; a stale waiver would silently cover a future crossing.`,
        ),
      );
      continue;
    }
    const end = Date.parse(`${w.expires}T23:59:59Z`);
    const days = Math.floor((end - today.getTime()) / 86_400_000);
    if (days < lapseWarningDays) {
      out.push(
        finding(
          `${label(w)} must be reviewed before it lapses, but it expires on ${w.expires} (in ${days} day(s)); from then the finding fails the stack. Renew it with a new reason and expiry, or fix what it covers.`,
        ),
      );
    }
  }
  return out;
}
