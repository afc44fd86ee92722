/**
 * Waivers stay visible: the pack marks a waived finding instead of dropping it when asked, the
 * engine keeps it out of the verdict, and reviews the waivers themselves — stale ones and ones
 * about to lapse are advisory findings.
 */
import type { Violation } from "../../engine/check";
import type { Plan } from "../../engine/plan";
import { reportingWaived, waiverFindings, waiversOf } from "../../engine/waivers";
import { decodeMessage, encodeFinding, type Waiver } from "../../policy/framework";
import { renderMarkdown } from "../../report/markdown";

const today = new Date("2026-11-29T12:00:00Z");

function waiver(resource: string, expires: string, policy = "public-exposure"): Waiver {
  return { policy, resource, reason: "status page, no personal data", expires };
}

function config(...waivers: Waiver[]) {
  // As packConfigFor writes it: the same waivers under every policy.
  return {
    "public-exposure": { waivers, jurisdiction: "US" },
    "storage-replication": { waivers, jurisdiction: "US" },
    "offline-visibility": { enforcementLevel: "advisory" },
  };
}

function waived(resourceName: string, w: Waiver): Violation {
  return {
    policy: w.policy,
    level: "mandatory",
    resourceType: "aws:s3/bucketAcl:BucketAcl",
    resourceName,
    message: "s3 bucket acl must not be reachable from the internet.",
    path: ["the internet", `s3 bucket acl "${resourceName}"`],
    urn: `urn:pulumi:dev::p::aws:s3/bucketAcl:BucketAcl::${resourceName}`,
    waived: {
      reason: w.reason,
      expires: w.expires,
      ...(w.approvedBy === undefined ? {} : { approvedBy: w.approvedBy }),
      ...(w.reference === undefined ? {} : { reference: w.reference }),
    },
  };
}

describe("a waived finding on the wire", () => {
  it("carries its waiver after its path, and decodes back to all three", () => {
    const text = encodeFinding(
      { message: "X must not be public.", path: ["the internet", "x"] },
      { reason: "a → b", expires: "2027-01-31" },
    );
    expect(text).toBe(
      'X must not be public.\npath: the internet → x\nwaived: {"reason":"a → b","expires":"2027-01-31"}',
    );
    expect(decodeMessage(text)).toEqual({
      message: "X must not be public.",
      path: ["the internet", "x"],
      waived: { reason: "a → b", expires: "2027-01-31" },
    });
  });

  it("decodes a finding without waiver or path as before", () => {
    expect(decodeMessage("X must Y.")).toEqual({ message: "X must Y.", path: null, waived: null });
  });
});

describe("reportingWaived", () => {
  it("asks every pack policy, and nothing else, to report waived findings", () => {
    expect(reportingWaived(config())).toEqual({
      "public-exposure": { waivers: [], jurisdiction: "US", reportWaived: true },
      "storage-replication": { waivers: [], jurisdiction: "US", reportWaived: true },
      "offline-visibility": { enforcementLevel: "advisory" },
    });
  });
});

describe("waiverFindings", () => {
  const covering = waiver("status-page", "2027-06-30");

  it("lists each waiver once, though it sits under every policy", () => {
    expect(waiversOf(config(covering, covering))).toEqual([covering]);
  });

  it("says nothing of a waiver that covers a finding and lapses in more than 30 days", () => {
    expect(waiverFindings(config(covering), [waived("status-page", covering)], today)).toEqual([]);
  });

  it("reports a waiver that covers no finding as stale, naming its policy and resource", () => {
    const stale = waiver("old-status-page", "2027-06-30");
    expect(
      waiverFindings(config(covering, stale), [waived("status-page", covering)], today),
    ).toEqual([
      {
        policy: "waiver-review",
        level: "advisory",
        resourceType: null,
        resourceName: null,
        message:
          'The waiver of public-exposure for "old-status-page" must cover a finding, but no finding of public-exposure names "old-status-page". Remove the waiver, or correct its policy and resource names; a stale waiver would silently cover a future crossing.',
        path: null,
        urn: null,
      },
    ]);
  });

  it("reports a waiver that lapses within 30 days, with its date and the days left", () => {
    const lapsing = waiver("status-page", "2026-12-09");
    expect(waiverFindings(config(lapsing), [waived("status-page", lapsing)], today)).toEqual([
      expect.objectContaining({
        policy: "waiver-review",
        level: "advisory",
        message:
          'The waiver of public-exposure for "status-page" must be reviewed before it lapses, but it expires on 2026-12-09 (in 10 day(s)); from then the finding fails the stack. Renew it with a new reason and expiry, or fix what it covers.',
      }),
    ]);
  });

  it("leaves invalid waivers to the pack, which fails the stack for them", () => {
    const expired = waiver("status-page", "2026-01-31");
    expect(waiverFindings(config(expired), [], today)).toEqual([]);
  });

  it("matches a waiver given by URN", () => {
    const finding = waived("status-page", covering);
    const byUrn = { ...covering, resource: finding.urn! };
    expect(waiverFindings(config(byUrn), [{ ...finding }], today)).toEqual([]);
  });
});

describe("the residency report", () => {
  const plan: Plan = {
    project: "p",
    stack: "dev",
    program: "index.ts",
    config: {},
    resources: [],
    outputs: {},
  };

  // Found by a compliance officer's reading: the table showed neither where the waived crossing
  // goes nor who approved it, and a waiver's approvedBy or ticket was dropped without a word.
  it("lists the waivers in effect: the crossing, the reason, who approved it, on what, and when each lapses", () => {
    const approved: Waiver = {
      ...waiver("status-page", "2027-06-30"),
      approvedBy: "DPO Li Wei",
      reference: "CAC assessment 2026-123",
    };
    const md = renderMarkdown({
      plan,
      violations: [
        waived("status-page", approved),
        waived("press-kit", waiver("press-kit", "2027-01-31")),
      ],
      controls: [],
      files: {},
    });
    expect(md).toContain(
      "**Verdict: sealed.** No mandatory violation, except by 2 waived crossings (see Waivers).",
    );
    expect(md).toContain(
      "## Violations\n\nNone but the 2 waived findings below: every other check passed.\n",
    );
    expect(md).toContain(
      [
        "## Waivers",
        "",
        "Findings a waiver covers: listed here, not counted in the verdict. Each lapses on its expiry, and from then the finding fails the stack.",
        "",
        "| Policy | Resource | Crossing | Reason | Approved by | Reference | Lapses on |",
        "|---|---|---|---|---|---|---|",
        '| `public-exposure` | `press-kit` | the internet → s3 bucket acl "press-kit" | status page, no personal data | not recorded | not recorded | 2027-01-31 |',
        '| `public-exposure` | `status-page` | the internet → s3 bucket acl "status-page" | status page, no personal data | DPO Li Wei | CAC assessment 2026-123 | 2027-06-30 |',
        "",
      ].join("\n"),
    );
    expect(md).toContain("| Violations | 0 mandatory, 0 advisory, 2 waived |");
  });
});

test("a waiver's approver and reference travel with the finding the pack reports under it", () => {
  const finding = { message: "m.", path: ["a", "b"] };
  const approved = {
    ...waiver("status-page", "2027-06-30"),
    approvedBy: "DPO Li Wei",
    reference: "CAC assessment 2026-123",
  };
  expect(decodeMessage(encodeFinding(finding, approved)).waived).toEqual({
    reason: "status page, no personal data",
    expires: "2027-06-30",
    approvedBy: "DPO Li Wei",
    reference: "CAC assessment 2026-123",
  });
  // Twin: a waiver without them carries only its reason and expiry, as before.
  expect(decodeMessage(encodeFinding(finding, waiver("x", "2027-06-30"))).waived).toEqual({
    reason: "status page, no personal data",
    expires: "2027-06-30",
  });
});
