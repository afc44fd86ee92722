/**
 * The residency report as markdown, for an auditor or DPO: the verdict, each control of the
 * sealed contract with the resources that realise it and the regulations it serves, every
 * violation with its path, and the data-path diagram with the border drawn. Nothing in it
 * depends on the time or the machine, so a committed report can be compared with a fresh one.
 */
import type { Violation } from "../engine/check";
import type { Plan } from "../engine/plan";
import type { BorderAnalysis } from "../policy/paths";
import type { Jurisdiction, Regulation } from "../residency/jurisdictions";
import type { Posture } from "../residency/spec";
import { hardeningPolicyNames } from "../policy/names";
import { type Control, controlPolicies } from "./controls";
import type { Provenance } from "./provenance";

export interface MarkdownInputs {
  readonly plan: Plan;
  /** How the stack's hardening findings are judged (`sovereign-dc:posture`). */
  readonly posture?: Posture;
  readonly violations: readonly Violation[];
  readonly jurisdiction?: Jurisdiction;
  readonly controls: readonly Control[];
  readonly analysis?: BorderAnalysis;
  readonly mermaid?: string;
  /** File names next to the report, when they are written. */
  readonly files: { readonly svg?: string; readonly plan?: string };
  /** What the report was produced from; without it the report has no Provenance section. */
  readonly provenance?: Provenance;
  /**
   * The hardening policies' levels a `--policy-config` set otherwise than the stack's posture
   * does (the other policies take only mandatory): the report names each where it says a level.
   */
  readonly levels?: Readonly<Record<string, string>>;
}

/** A hardening policy's level as the stack's posture sets it. */
function postureLevel(posture: Posture): string {
  return posture === "strict" ? "mandatory" : "advisory";
}

/** The hardening levels a policy config set otherwise than the posture, as `policy level` words. */
function overridden(i: MarkdownInputs): string[] {
  const posture = i.posture ?? "standard";
  const hardening = hardeningPolicyNames.flatMap((p) => {
    const level = i.levels?.[p];
    return level !== undefined && level !== postureLevel(posture)
      ? [`${code(p)} ${level} by its --policy-config`]
      : [];
  });
  // What the offline check could not see, left by the team to pulumi preview --policy-pack.
  const unseen =
    i.levels?.["offline-visibility"] === "advisory"
      ? [
          `${code("offline-visibility")} advisory by its --policy-config: what the offline check could not see is left to pulumi preview --policy-pack`,
        ]
      : [];
  return [...hardening, ...unseen];
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

function counts(plan: Plan): string {
  const custom = plan.resources.filter(
    (r) => r.custom && !r.type.startsWith("pulumi:providers:"),
  ).length;
  const providers = plan.resources.filter((r) => r.type.startsWith("pulumi:providers:")).length;
  const components = plan.resources.filter(
    (r) => !r.custom && r.type !== "pulumi:pulumi:Stack",
  ).length;
  return `${plan.resources.length}: ${custom} cloud resources, ${providers} ${providers === 1 ? "provider" : "providers"}, ${components} components and the stack`;
}

function statusText(c: Control): string {
  return c.status === "not met" ? "**not met**" : c.status;
}

function regs(list: readonly Regulation[]): string {
  return list.map((r) => r.id).join("; ");
}

/** Findings that decide the verdict: every one but the waived. */
function active(i: MarkdownInputs): Violation[] {
  return i.violations.filter((v) => v.waived === undefined);
}

function verdict(i: MarkdownInputs): string[] {
  const mandatory = active(i).filter((v) => v.level === "mandatory").length;
  const waived = i.violations.length - active(i).length;
  const leaving = i.analysis?.paths.length ?? 0;
  const j = i.jurisdiction;
  const waiting = new Set(
    active(i)
      .filter((v) => v.deferred)
      .map((v) => v.urn),
  ).size;
  if (mandatory === 0 && waiting > 0) {
    return [
      `**Verdict: not judged.** No mandatory violation at this preview, but ${waiting} ${waiting === 1 ? "resource waits" : "resources wait"} for values not known at preview; \`pulumi up\` judges ${waiting === 1 ? "it" : "each"} on its known values before creating it.`,
    ];
  }
  if (mandatory === 0) {
    const advisory = active(i).length;
    const unseen = active(i).filter((v) => v.lowered === true).length;
    return [
      `**Verdict: sealed${unseen > 0 ? " in what the offline check could see" : ""}.** No mandatory violation${
        j
          ? `; no data store or key of the stack can reach a place outside ${j.id} by a path the pack models (see What the verdict covers)`
          : ""
      }${waived > 0 ? `, except by ${waived} waived ${waived === 1 ? "crossing" : "crossings"} (see Waivers)` : ""}${
        advisory > 0
          ? `; ${advisory} advisory ${advisory === 1 ? "finding is" : "findings are"} listed for you to review (see Violations)`
          : ""
      }${
        unseen > 0
          ? `. ${unseen} of them ${unseen === 1 ? "is" : "are"} on what the check could not see offline, made advisory by the stack's --policy-config (\`offline-visibility\`) and left to \`pulumi preview --policy-pack\``
          : ""
      }.`,
    ];
  }
  return [
    `**Verdict: not sealed.** ${mandatory} mandatory ${mandatory === 1 ? "violation" : "violations"}${
      j && leaving > 0
        ? `; ${leaving} ${leaving === 1 ? "data store or key" : "data stores and keys"} can reach a place outside ${j.id}`
        : ""
    }.`,
  ];
}

function summary(i: MarkdownInputs): string[] {
  const { plan } = i;
  const advisory = active(i).filter((v) => v.level === "advisory").length;
  const mandatory = active(i).length - advisory;
  const waived = i.violations.length - active(i).length;
  const stores = i.analysis?.nodes.filter((n) => n.role === "data" || n.role === "key").length;
  return [
    "| | |",
    "|---|---|",
    `| Project | ${code(plan.project)} |`,
    `| Stack | ${code(plan.stack)} |`,
    `| Program | ${code(plan.program)} |`,
    `| Jurisdiction | ${i.jurisdiction ? cell(`${i.jurisdiction.id} — ${i.jurisdiction.name}`) : "not configured"} |`,
    `| Posture | ${i.posture ?? "standard"} (hardening that keeps data in place is ${i.posture === "strict" ? "mandatory" : "advisory"}${overridden(i).length > 0 ? `; ${overridden(i).join(", ")}` : ""}) |`,
    `| Resources | ${counts(plan)} |`,
    ...(stores !== undefined ? [`| Data stores and keys | ${stores} |`] : []),
    `| Violations | ${mandatory} mandatory, ${advisory} advisory${waived > 0 ? `, ${waived} waived` : ""} |`,
  ];
}

/**
 * Which policy fails a stack for the control's unmet rows, at the stack's posture, or none; an
 * unmet control none of whose policies found anything says that its unmet rows fail nothing
 * (the policies judge the part of it that would move data, the rest is the components').
 */
function enforcement(
  c: Control,
  posture: Posture,
  findings: readonly Violation[],
  set: Readonly<Record<string, string>> = {},
): string {
  const policies = controlPolicies[c.id] ?? [];
  if (policies.length === 0) {
    return "Informational: no policy fails a stack for it; this repository's components build it.";
  }
  const levels = policies.map((p) => {
    if (!hardeningPolicyNames.includes(p)) {
      return `${code(p)} (mandatory)`;
    }
    const level = set[p];
    if (level !== undefined && level !== postureLevel(posture)) {
      return `${code(p)} (${level}, set by the stack's --policy-config; ${postureLevel(posture)} at ${posture} posture)`;
    }
    return `${code(p)} (${posture !== "strict" ? `advisory at ${posture} posture, mandatory at strict` : "mandatory"})`;
  });
  const unenforced =
    c.status === "not met" && !findings.some((v) => policies.includes(v.policy))
      ? " Its unmet rows above are none of those policies' findings: the policies judge the part of this control that would let data leave, and the rest of it is informational."
      : "";
  return `Enforced by ${levels.join(", ")}.${unenforced}`;
}

/**
 * What the verdict covers and what it does not: the program as evaluated, along the data paths
 * the pack models; not access by people or accounts with credentials, the cloud provider's own
 * operations, the deployed cloud as it drifts, or the legal steps no infrastructure takes.
 */
function scope(i: MarkdownInputs): string[] {
  const j = i.jurisdiction?.id ?? "the jurisdiction";
  return [
    "## What the verdict covers",
    "",
    `It covers the program as evaluated here: every resource it registered, placed by its provider and region, and every data path the pack models from a data store or key — replication, backups and snapshots, peering, transit and leased lines, NAT and internet exits, deliveries to queues, topics, functions, mailboxes and endpoints, key use, log shipping, Kubernetes egress and exposure — traced across the border of ${j}. It does not cover, and a statement resting on it must establish otherwise:`,
    "",
    "- **Access with credentials.** People or systems abroad who hold the stack's users, access keys, console logins, roles or federated identities read data in place; the pack does not know where they are. A grant to another account is listed (`cross-account-links`: advisory at standard posture, mandatory at strict), but who holds that account, and where, is yours to establish.",
    "- **The cloud provider's own operations.** Support access, managed control planes and telemetry the provider keeps for itself are no resource of the program.",
    "- **The deployed cloud.** The report attests the program, not the live stack: changes made outside it (the console, another tool, drift) are not seen.",
    "- **Values known only at deployment.** Lookups the cloud answers, other stacks' outputs, secrets the engine cannot decrypt and random draws are stood in for; what the program declares only for their real values is not judged (each is named in the findings or the plan).",
    "- **Legal steps.** Consent, security assessments, certifications, standard contracts and their filings are no property of infrastructure.",
    "",
  ];
}

/** What the report was produced from, for tying it to the program, the tool and the config. */
function provenanceSection(p: Provenance): string[] {
  const file = (f: { name: string; sha256: string } | undefined, none: string) =>
    f === undefined ? none : `${code(f.name)}, SHA-256 ${code(f.sha256)}`;
  return [
    "## Provenance",
    "",
    "| | |",
    "|---|---|",
    `| Tool | ${code(p.tool)} |`,
    `| SDKs the program resolves | ${p.sdks.map(code).join(", ")} |`,
    `| Stack config | ${file(p.stackFile, "none")} |`,
    `| Policy config (\`--policy-config\`) | ${file(p.policyConfig, "none: the stack's own settings, every policy that decides the verdict mandatory")} |`,
    `| Program commit | ${p.commit === undefined ? "not recorded (no git repository, or not asked for)" : `${code(p.commit.id)}${p.commit.dirty ? ", with uncommitted changes to tracked files" : ""}`} |`,
    "",
  ];
}

function controlSection(
  c: Control,
  n: number,
  posture: Posture,
  findings: readonly Violation[],
  levels?: Readonly<Record<string, string>>,
): string[] {
  const lines = [
    `### ${n}. ${c.title} — ${statusText(c)}`,
    "",
    c.intent,
    "",
    enforcement(c, posture, findings, levels),
    "",
  ];
  if (c.evidence.length > 0) {
    lines.push("| Realised by | Evidence | Holds |", "|---|---|---|");
    for (const e of c.evidence) {
      lines.push(
        `| ${cell(e.subject)} | ${cell(e.facts.join("; "))} | ${e.judged === false ? "not judged" : e.ok ? "yes" : "**no**"} |`,
      );
    }
    lines.push("");
  } else {
    lines.push("Nothing in the stack for this control to apply to.", "");
  }
  if (c.serves.length > 0) {
    lines.push(`Relevant to: ${c.serves.map((r) => `${r.id} (${r.title})`).join("; ")}.`, "");
  }
  return lines;
}

function violationSection(v: Violation, n: number): string[] {
  const subject = v.resourceName
    ? ` — ${v.resourceType ?? "resource"} ${code(v.resourceName)}`
    : "";
  const lines = [`### ${n}. ${code(v.policy)} (${v.level})${subject}`, "", v.message, ""];
  if (v.path && v.path.length > 0) {
    lines.push("Path:", "");
    v.path.forEach((hop, k) => lines.push(`${k + 1}. ${k === 0 ? "" : "→ "}${code(hop)}`));
    lines.push("");
  }
  return lines;
}

function sortedViolations(list: readonly Violation[]): Violation[] {
  const key = (v: Violation) =>
    [
      v.level === "mandatory" ? "0" : "1",
      v.policy,
      v.resourceType ?? "",
      v.resourceName ?? "",
      v.message,
    ].join("\0");
  return [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export function renderMarkdown(i: MarkdownInputs): string {
  const { plan } = i;
  const j = i.jurisdiction;
  const lines: string[] = [
    `# Residency report — stack ${code(plan.stack)}`,
    "",
    ...verdict(i),
    "",
    ...summary(i),
    "",
    "Produced offline by `sovereign-dc plan`: the program was evaluated without deploying anything, and every resource went through the residency policy pack over the analyzer protocol `pulumi preview --policy-pack` uses. " +
      "The regulations named below are references for auditors, not legal advice." +
      (i.files.plan ? ` The full plan is in ${code(i.files.plan)}.` : ""),
    "",
    ...(j ? scope(i) : []),
  ];

  if (j) {
    lines.push("## Controls of the sealed contract", "");
    lines.push("| # | Control | Status | Relevant to |", "|---|---|---|---|");
    i.controls.forEach((c, k) =>
      lines.push(`| ${k + 1} | ${cell(c.title)} | ${statusText(c)} | ${cell(regs(c.serves))} |`),
    );
    lines.push("");
    i.controls.forEach((c, k) =>
      lines.push(...controlSection(c, k + 1, i.posture ?? "standard", active(i), i.levels)),
    );
  } else {
    lines.push(
      "## Controls of the sealed contract",
      "",
      "No jurisdiction is configured for this stack (`sovereign-dc:jurisdiction`), so the border and the controls cannot be checked.",
      "",
    );
  }

  lines.push("## Violations", "");
  if (active(i).length === 0) {
    const waivedCount = i.violations.length;
    lines.push(
      waivedCount === 0
        ? "None: every policy of the pack passed."
        : `None but the ${waivedCount} waived ${waivedCount === 1 ? "finding" : "findings"} below: every other check passed.`,
      "",
    );
  } else {
    sortedViolations(active(i)).forEach((v, k) => lines.push(...violationSection(v, k + 1)));
  }
  const waived = i.violations.filter((v) => v.waived !== undefined);
  if (waived.length > 0) {
    lines.push(
      "## Waivers",
      "",
      "Findings a waiver covers: listed here, not counted in the verdict. Each lapses on its expiry, and from then the finding fails the stack.",
      "",
      "| Policy | Resource | Crossing | Reason | Approved by | Reference | Lapses on |",
      "|---|---|---|---|---|---|---|",
      ...sortedViolations(waived).map(
        (v) =>
          `| ${code(v.policy)} | ${v.resourceName ? code(v.resourceName) : "the stack"} | ${v.path && v.path.length > 0 ? cell(v.path.join(" → ")) : "—"} | ${cell(v.waived!.reason)} | ${cell(v.waived!.approvedBy ?? "not recorded")} | ${cell(v.waived!.reference ?? "not recorded")} | ${v.waived!.expires} |`,
      ),
      "",
    );
  }

  if (j && i.mermaid) {
    lines.push(
      "## Data paths",
      "",
      `Every data store and key of the stack, every place data can flow to from them, and the edge that carries it. The frame is the border of ${j.id}; anything drawn outside it is abroad or cannot be placed. Edges that cross the border, and every edge of a path from a data store or key that does, are red; an allowlisted destination inside the border is amber in the SVG.`,
      "",
      "```mermaid",
      i.mermaid,
      "```",
      "",
    );
    if (i.files.svg) {
      lines.push(`![Data paths of stack ${plan.stack}](${i.files.svg})`, "");
    }
  }

  if (j) {
    lines.push("## Regulations referenced", "");
    lines.push(
      "| Reference | Title | What it says, in short | Controls relevant to it |",
      "|---|---|---|---|",
    );
    for (const r of j.regulations) {
      const by = i.controls
        .map((c, k) => (c.serves.includes(r) ? String(k + 1) : ""))
        .filter((s) => s !== "")
        .join(", ");
      lines.push(`| ${cell(r.id)} | ${cell(r.title)} | ${cell(r.requirement)} | ${by || "—"} |`);
    }
    lines.push("", "References for auditors, not legal advice.", "");
  }
  if (i.provenance !== undefined) {
    lines.push(...provenanceSection(i.provenance));
  }
  return `${lines.join("\n").replace(/\n+$/, "")}\n`;
}
