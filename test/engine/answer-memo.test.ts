/**
 * The harness's memo of per-resource answers (engine/analyzer.ts `AnswerMemo`): a plan analysed
 * again under the same config sends no per-resource request the pack has answered, and answers
 * exactly what a fresh analysis answers; a changed resource is a new request.
 */
import type { AnswerMemo } from "../../engine/analyzer";
import { packConfigFor, toViolations } from "../../engine/check";
import { add, fixturePlan } from "../helpers/policy-plan";
import { shanghaiSettings } from "../helpers/policy-session";
import { packSession } from "../helpers/worker";

test("a memo answers repeated per-resource requests as the pack does, and only those", async () => {
  const session = await packSession();
  try {
    await session.configure(
      packConfigFor({
        jurisdiction: "CN",
        egressAllowlist: shanghaiSettings.egressAllowlist ?? [],
        waivers: [],
      }),
    );
    const happy = await fixturePlan("policy-alicloud", "cn");
    const bad = add("alicloud:oss/bucket:Bucket", "abroad", {
      bucket: "abroad",
      acl: "public-read",
    })(happy);
    const memo: AnswerMemo = new Map();
    const fresh = toViolations(await session.analyzePlan(bad), bad);

    const first = toViolations(await session.analyzePlan(happy, memo), happy);
    expect(memo.size).toBe(happy.resources.length);
    const again = toViolations(await session.analyzePlan(happy, memo), happy);
    expect(memo.size).toBe(happy.resources.length);
    expect(again).toEqual(first);

    // One resource more, one request more; the answers are the pack's own.
    const memoized = toViolations(await session.analyzePlan(bad, memo), bad);
    expect(memo.size).toBe(happy.resources.length + 1);
    expect(memoized).toEqual(fresh);
    expect(memoized.some((v) => v.resourceName === "abroad" && v.level === "mandatory")).toBe(true);
  } finally {
    session.close();
  }
});
