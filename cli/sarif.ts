/**
 * SARIF 2.1.0 output of `sovereign-dc check`, so CI code scanning shows residency violations
 * next to the line of the program that declares the offending resource.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { Log, ReportingDescriptor, Result } from "sarif";
import { enginePolicies, type Violation } from "../engine/check";

export const sarifSchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

/**
 * The URI code scanning resolves the program by: its path from the root of the repository that
 * holds it (the nearest folder up with a `.git`), as GitHub's upload takes it, wherever `check`
 * ran from; outside any repository, its path from `cwd`, or its `file:` URI when that path
 * would climb out of `cwd` (`../index.ts` resolves to nothing).
 */
export function sarifUri(programFile: string, cwd: string = process.cwd()): string {
  const file = path.resolve(cwd, programFile);
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, ".git"))) {
      return path.relative(dir, file).split(path.sep).join("/");
    }
    if (path.dirname(dir) === dir) {
      break;
    }
  }
  const relative = path.relative(cwd, file);
  return relative.startsWith("..") || path.isAbsolute(relative)
    ? pathToFileURL(file).href
    : relative.split(path.sep).join("/");
}

/** A path in the commands engine/project's cliCheckCommands writes: as typed, or quoted. */
const word = String.raw`(?:'[^']*'|\\'|[^\s'])+`;

/**
 * The commands that run the pack under the Pulumi CLI, as a finding writes them (the stack, then
 * the stack of the preview): in the project's folder, or with `--project` and `--cwd` from another.
 */
const checkCommands = new RegExp(
  `npx sovereign-dc policy-config (?:--project ${word} )?--stack (\\S+) --out ${word}, then ` +
    `pulumi preview (?:--cwd ${word} )?--stack (\\S+) --policy-pack ${word} --policy-pack-config`,
  "g",
);

/** The first line of the program that names the resource in quotes, or 1. */
function lineOf(source: string[], name: string | null): number {
  if (name) {
    const i = source.findIndex((l) => l.includes(`"${name}"`) || l.includes(`'${name}'`));
    if (i >= 0) {
      return i + 1;
    }
  }
  return 1;
}

/** Where the program declares a resource: its file and line, by URN. */
export type SourcePositions = ReadonlyMap<string, { readonly file: string; readonly line: number }>;

/**
 * Builds the SARIF log. A finding on a resource whose source position the evaluation recorded
 * points at that line, in whichever file of the program declares it (a component's module, say);
 * any other at the program's entry: `programUri` is its path relative to the repository root
 * (what code scanning resolves), and `programFile` is read to find the resource's name in quotes.
 */
export function toSarif(
  violations: readonly Violation[],
  programUri: string,
  programFile: string,
  version: string,
  positions: SourcePositions = new Map(),
): Log {
  const source = fs.existsSync(programFile) ? fs.readFileSync(programFile, "utf8").split("\n") : [];
  // One repository-root walk per file of the program, not per finding.
  const uris = new Map<string, string>();
  const located = (v: Violation) => {
    const at = v.urn === null ? undefined : positions.get(v.urn);
    if (at === undefined) {
      return { uri: programUri, line: lineOf(source, v.resourceName) };
    }
    const uri = uris.get(at.file) ?? sarifUri(at.file);
    uris.set(at.file, uri);
    return { uri, line: at.line };
  };
  // The pack's policies, then the findings the engine adds itself (state, offline visibility).
  // Loaded here, not with the CLI: only SARIF needs the policies' descriptions in this process.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { policies } = require("../policy/policies") as typeof import("../policy/policies");
  const rules: ReportingDescriptor[] = [...policies, ...enginePolicies].map((p) => ({
    id: p.name,
    name: p.name,
    shortDescription: { text: p.description },
    help: { text: p.remediationSteps ?? p.description },
    properties: { severity: p.severity ?? "unspecified" },
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  // A message that tells how to run the pack names the pack's folder, and the project's where it
  // is not the current one, from where `check` ran: the fingerprint reads the commands as run in
  // the project with the pack as one token, so the alert stays one alert whichever folder CI
  // runs from.
  const stable = (message: string) =>
    message.replace(
      checkCommands,
      "npx sovereign-dc policy-config --stack $1 --out policy/config/$1.json, then pulumi preview --stack $2 --policy-pack <pack> --policy-pack-config",
    );
  const results: Result[] = violations.map((v) => {
    const at = located(v);
    return {
      ruleId: v.policy,
      ruleIndex: ruleIndex.get(v.policy),
      level: v.level === "mandatory" ? "error" : "warning",
      message: {
        text: v.path ? `${v.message} Path: ${v.path.join(" → ")}` : v.message,
      },
      // The finding itself, not its line: code scanning keeps two findings on one line apart, and
      // one alert across runs while the program's lines move.
      partialFingerprints: {
        "sovereignDcFinding/v1": createHash("sha256")
          .update(JSON.stringify([v.policy, v.urn ?? v.resourceName, v.path, stable(v.message)]))
          .digest("hex")
          .slice(0, 32),
      },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: at.uri },
            region: { startLine: at.line },
          },
          logicalLocations: v.urn
            ? [{ name: v.resourceName ?? v.urn, fullyQualifiedName: v.urn, kind: "resource" }]
            : undefined,
        },
      ],
      properties: v.path
        ? { path: v.path, resourceType: v.resourceType, ...(v.deferred ? { deferred: true } : {}) }
        : undefined,
      // A waived finding is a dismissed alert: code scanning shows it as suppressed.
      suppressions: v.waived
        ? [
            {
              kind: "external",
              status: "accepted",
              justification: `${v.waived.reason} (waiver expires ${v.waived.expires}${v.waived.approvedBy === undefined ? "" : `; approved by ${v.waived.approvedBy}`}${v.waived.reference === undefined ? "" : `; reference ${v.waived.reference}`})`,
            },
          ]
        : undefined,
    };
  });
  return {
    $schema: sarifSchemaUri,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "sovereign-dc",
            version,
            rules,
          },
        },
        results,
      },
    ],
  };
}
