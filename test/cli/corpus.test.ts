/**
 * `sovereign-dc check` on a corpus of programs written the way teams write Pulumi programs
 * (test/fixtures/corpus/<name>/): root imports, provider functions, Helm, @pulumi/random, other
 * regions. Each folder's expected.json says what a residency guard should answer — the exit code,
 * every mandatory (and advisory) finding as "policy resourceName", how many resources the
 * program registers — and the real binary must give exactly that.
 *
 * Findings listed under `knownGaps` are what the CLI reports today for types the pack has not
 * reviewed yet (`reviewed-resource-types`, a class tracked separately): each names why the type
 * is harmless or what the pack should judge instead, so the list shrinks as the pack catches up.
 *
 * `deviations` are the places where the CLI today answers otherwise than a residency guard
 * should, each with the issue that owns it: "+level finding" is reported but should not be,
 * "-level finding" should be reported but is not, "exit N" is today's exit code. The test
 * asserts the right answer with the deviations applied, so both a fix (drop the deviation) and a
 * regression fail it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { cliMany, type CliRun, root } from "../helpers/cli";

const corpusDir = path.join(root, "test", "fixtures", "corpus");

interface Expected {
  readonly stack: string;
  readonly exit: 0 | 1 | 2;
  /** "policy resourceName", sorted; a finding about the stack itself names "(stack)". */
  readonly mandatory?: readonly string[];
  /** Exact when present; not checked when omitted. */
  readonly advisory?: readonly string[];
  /** Resources the program registers, the stack and providers included. */
  readonly resources: number;
  /** For exit 2: a part of the message on stderr. */
  readonly stderr?: string;
  /** Provider functions the engine answers with unknown values, sorted. */
  readonly unknownFunctions?: readonly string[];
  /** Mandatory findings that are there today only because a type is not reviewed yet. */
  readonly knownGaps?: Readonly<Record<string, string>>;
  /** Today's departures from the right answer, each with the issue that owns it. */
  readonly deviations?: Readonly<Record<string, string>>;
}

/**
 * The findings of `level` the CLI gives today: the right ones with the deviations applied. A
 * resource may have two findings of one policy (an ACK cluster's public API server and its NGINX
 * Ingress add-on), each listed.
 */
function today(expected: Expected, level: "mandatory" | "advisory"): string[] | undefined {
  const right = expected[level];
  if (right === undefined) {
    return undefined;
  }
  const out = [...right];
  for (const d of Object.keys(expected.deviations ?? {})) {
    const m = /^([+-])(mandatory|advisory) (.+)$/.exec(d);
    if (m?.[2] === level) {
      if (m[1] === "+") {
        out.push(m[3]);
      } else if (out.includes(m[3])) {
        out.splice(out.indexOf(m[3]), 1);
      }
    }
  }
  return out.sort();
}

function todayExit(expected: Expected): number {
  const d = Object.keys(expected.deviations ?? {}).find((k) => /^exit \d$/.test(k));
  return d === undefined ? expected.exit : Number(d.slice(5));
}

interface Violation {
  readonly policy: string;
  readonly level: "mandatory" | "advisory";
  readonly resourceType: string | null;
  readonly resourceName: string | null;
}

interface Doc {
  readonly resources: readonly { readonly type: string; readonly name: string }[];
  readonly violations: readonly Violation[];
  readonly unknownFunctions?: readonly string[];
}

const programs = fs
  .readdirSync(corpusDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

const cases = programs.map((name) => ({
  name,
  expected: JSON.parse(
    fs.readFileSync(path.join(corpusDir, name, "expected.json"), "utf8"),
  ) as Expected,
}));

function findings(doc: Doc, level: Violation["level"]): string[] {
  return doc.violations
    .filter((v) => v.level === level)
    .map((v) => `${v.policy} ${v.resourceName ?? "(stack)"}`)
    .sort();
}

const runs = new Map<string, CliRun>();

beforeAll(async () => {
  // Through the CLI's main, two long-lived processes at a time (test/helpers/cli.ts cliMany).
  const results = await cliMany(
    cases.map(({ name, expected }) => ({
      args: [
        "check",
        path.join("test", "fixtures", "corpus", name, "index.ts"),
        "--stack",
        expected.stack,
        "--format",
        "json",
      ],
    })),
  );
  cases.forEach(({ name }, i) => runs.set(name, results[i]));
}, 300_000);

it("holds the programs of the corpus, each known gap a reviewed-resource-types finding it expects", () => {
  expect(programs.length).toBeGreaterThanOrEqual(15);
  for (const { expected } of cases) {
    for (const [finding, reason] of Object.entries(expected.knownGaps ?? {})) {
      expect(finding).toMatch(/^reviewed-resource-types /);
      expect(expected.mandatory).toContain(finding);
      expect(reason).not.toBe("");
    }
    for (const [deviation, reason] of Object.entries(expected.deviations ?? {})) {
      expect(deviation).toMatch(/^([+-](mandatory|advisory) \S+ \S+|exit \d)$/);
      expect(reason).toMatch(/^issue \d+: ./);
    }
  }
});

it.each(cases)(
  "$name: exits $expected.exit with exactly the expected findings",
  ({ name, expected }) => {
    const run = runs.get(name)!;
    const failure = `stderr:\n${run.stderr}`;
    expect({ exit: run.code, failure }).toEqual({ exit: todayExit(expected), failure });
    if (expected.exit === 2) {
      expect(run.stdout).toBe("");
      expect(run.stderr).toContain(expected.stderr);
      return;
    }
    const doc = JSON.parse(run.stdout) as Doc;
    expect(findings(doc, "mandatory")).toEqual(today(expected, "mandatory"));
    if (expected.advisory !== undefined) {
      expect(findings(doc, "advisory")).toEqual(today(expected, "advisory"));
    }
    expect(doc.resources).toHaveLength(expected.resources);
    // Every finding is about a resource of the document, or about the stack as a whole.
    const names = new Set(doc.resources.map((r) => `${r.type} ${r.name}`));
    for (const v of doc.violations) {
      if (v.resourceName === null) {
        expect(v.resourceType).toBeNull();
      } else {
        expect(names).toContain(`${v.resourceType} ${v.resourceName}`);
      }
    }
    if (expected.unknownFunctions !== undefined) {
      expect([...(doc.unknownFunctions ?? [])].sort()).toEqual(expected.unknownFunctions);
    }
  },
);
