/**
 * Alibaba Cloud programs name "this account" with `getAccount()` and "this region" with
 * `getRegions({ current: true })`, in both the promise and the Output form (`getXOutput`).
 * Offline, the engine answers them as the provider would: the account is the provider's
 * `accountId` (the provider answers from it without asking the cloud; the pack takes the same
 * value as the stack's own account), the region the provider's region — each answer known as a
 * whole, since an Output is known or unknown as one value. Without a configured account the
 * account stays unknown and the pack fails closed on it.
 *
 * The programs (test/fixtures/alicloud-account/) share a KMS instance with a second VPC and send
 * an audit trail to a log project, owners and ARN built from those two functions.
 */
import * as path from "node:path";
import { answerInvoke, type InvokeContext, unknownMark } from "../../engine/invokes/index";
import { cliMany, type CliRun } from "../helpers/cli";

const getAccount = "alicloud:index/getAccount:getAccount";
const fixtures = path.join("test", "fixtures", "alicloud-account");

describe("getAccount offline", () => {
  it("answers the provider's accountId, and leaves the account unknown when none is configured", () => {
    const pinned: InvokeContext = {
      providerProps: { region: "cn-shanghai", accountId: "1234567890123456" },
      config: {},
    };
    expect(answerInvoke(getAccount, {}, pinned)).toEqual({
      known: true,
      result: { id: "1234567890123456" },
    });
    // sovereign-dc:accountId is the AWS stacks' key; an Alibaba Cloud provider answers only from
    // its own accountId.
    const unpinned: InvokeContext = {
      providerProps: { region: "cn-shanghai" },
      config: { "sovereign-dc:accountId": "111122223333" },
    };
    expect(answerInvoke(getAccount, {}, unpinned)).toEqual({
      known: true,
      result: { id: unknownMark },
    });
  });

  it("answers the current region with nothing unknown in it, so the Output form is known", () => {
    const answer = answerInvoke(
      "alicloud:index/getRegions:getRegions",
      { current: true },
      { providerProps: { region: "cn-shanghai" }, config: {} },
    );
    expect(answer.known).toBe(true);
    expect(JSON.stringify(answer)).not.toContain(unknownMark);
  });
});

interface Finding {
  readonly level: string;
  readonly policy: string;
  readonly resourceName: string | null;
  readonly path: readonly string[];
}

describe("sovereign-dc check on programs that read the account and the region", () => {
  let own: CliRun;
  let foreign: CliRun;
  let unpinned: CliRun;

  beforeAll(async () => {
    const check = (program: string, stack: string) => ({
      args: ["check", path.join(fixtures, program), "--stack", stack, "--format", "json"],
    });
    [own, foreign, unpinned] = await cliMany([
      check("own.ts", "pinned"),
      check("foreign.ts", "pinned"),
      check("own.ts", "unpinned"),
    ]);
  }, 120_000);

  function findings(run: CliRun): Finding[] {
    const doc = JSON.parse(run.stdout) as { violations: Finding[] };
    return doc.violations.map((v) => ({
      level: v.level,
      policy: v.policy,
      resourceName: v.resourceName,
      path: v.path,
    }));
  }

  it("seals a KMS VPC binding and a trail of the stack's own account in its own region", () => {
    expect({ code: own.code, stderr: own.stderr }).toEqual({ code: 0, stderr: "" });
    expect(findings(own)).toEqual([]);
    expect((JSON.parse(own.stdout) as { unknownFunctions: string[] }).unknownFunctions).toEqual([]);
  });

  it("still reports a KMS instance shared with a VPC of another account", () => {
    expect(foreign.code).toBe(1);
    expect(findings(foreign)).toEqual([
      {
        level: "mandatory",
        policy: "key-and-secret-replicas",
        resourceName: "keys",
        path: [
          "cn-shanghai (inside CN)",
          'kms instance "keys"',
          "account 9876543210987654 (not this stack's account 1234567890123456)",
        ],
      },
    ]);
  });

  it("fails closed on the account when the provider configures none", () => {
    expect(unpinned.code).toBe(1);
    expect(findings(unpinned)).toEqual([
      {
        level: "mandatory",
        policy: "key-and-secret-replicas",
        resourceName: "keys",
        path: [
          "cn-shanghai (inside CN)",
          'kms instance "keys"',
          "bindVpcs[0].vpcOwnerId (unknown at preview)",
        ],
      },
      {
        level: "mandatory",
        policy: "log-shipping",
        resourceName: "audit",
        path: [
          "cn-shanghai (inside CN)",
          'actiontrail trail "audit"',
          "slsProjectArn (unknown at preview)",
        ],
      },
    ]);
  });
});
