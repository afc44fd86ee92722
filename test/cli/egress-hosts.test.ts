/**
 * `sovereign-dc check` and `policy-config` with a host allowlist (`sovereign-dc:egressHosts`) on
 * test/fixtures/egress-hosts: alerts to a DingTalk robot and a mailbox of the team's own domain
 * fail until the stack places both hosts; a malformed entry is a usage error naming the key.
 */
import * as path from "node:path";
import { type CliRun, cliMany } from "../helpers/cli";

const project = path.join("test", "fixtures", "egress-hosts");
const stacks = ["open", "placed", "misplaced"] as const;

let runs: Promise<CliRun[]>;
beforeAll(() => {
  runs = cliMany([
    ...stacks.map((stack) => ({ args: ["check", project, "--stack", stack, "--format", "json"] })),
    { args: ["policy-config", "--stack", "placed", "--project", project] },
  ]);
  runs.catch(() => undefined);
});
const ran = async (stack: (typeof stacks)[number] | "policy-config") =>
  (await runs)[stack === "policy-config" ? stacks.length : stacks.indexOf(stack)];

const findingsOf = (run: CliRun) =>
  (JSON.parse(run.stdout) as { violations: { policy: string; resourceName: string }[] }).violations
    .map((v) => [v.policy, v.resourceName])
    .sort();

describe("sovereign-dc check with sovereign-dc:egressHosts", () => {
  it("fails alerts to hosts the stack has not placed (exit 1)", async () => {
    const r = await ran("open");
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 1, stderr: "" });
    expect(findingsOf(r)).toEqual([
      ["log-shipping", "oncall-mail"],
      ["log-shipping", "oncall-robot"],
    ]);
  });

  it("seals them once the stack places the robot's host and the mail domain (exit 0)", async () => {
    const r = await ran("placed");
    expect({ code: r.code, stderr: r.stderr, findings: findingsOf(r) }).toEqual({
      code: 0,
      stderr: "",
      findings: [],
    });
  });

  it("refuses a wildcard over a public suffix, naming the key, the value and why (exit 2)", async () => {
    const r = await ran("misplaced");
    expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 2, stdout: "" });
    expect(r.stderr).toContain(
      'sovereign-dc:egressHosts[0].host: received "*.com.cn"; expected a host name such as oapi.dingtalk.com, or *. and a domain such as *.dingtalk.com (no scheme, port or path); com.cn is a public suffix, under which anyone can register a domain.',
    );
  });

  it("writes the hosts into the pack config under every policy, apart from the CIDR entries", async () => {
    const r = await ran("policy-config");
    expect(r.code).toBe(0);
    const config = JSON.parse(r.stdout) as Record<string, Record<string, unknown>>;
    expect(config["log-shipping"]).toMatchObject({
      egressAllowlist: [],
      egressHosts: [
        { host: "oapi.dingtalk.com", reason: expect.stringContaining("DingTalk") },
        { host: "ops.example.cn", reason: expect.stringContaining("mail servers") },
      ],
    });
    expect(Object.values(config).every((c) => Array.isArray(c.egressHosts))).toBe(true);
  });
});
