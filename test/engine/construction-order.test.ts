/**
 * The plan's order (engine/evaluate.ts inConstructionOrder): the program's construction order,
 * with what the engine recorded on its own (the stack, default providers) kept before every
 * resource recorded after it.
 */
import { byLevel, type Violation } from "../../engine/check";
import { inConstructionOrder } from "../../engine/evaluate";
import type { RecordedResource } from "../../engine/plan";

const recorded = (...urns: string[]) => urns.map((urn) => ({ urn }) as RecordedResource);
const urns = (rs: readonly RecordedResource[]) => rs.map((r) => r.urn);

describe("inConstructionOrder", () => {
  it("puts resources whose registrations raced back in the order the program constructed them", () => {
    const order = new Map([
      ["a", 0],
      ["b", 1],
      ["c", 2],
    ]);
    expect(urns(inConstructionOrder(recorded("stack", "provider", "b", "a", "c"), order))).toEqual([
      "stack",
      "provider",
      "a",
      "b",
      "c",
    ]);
  });

  it("puts a default provider just before the first resource, in the program's order, that uses it", () => {
    // The provider was recorded when "late" registered; "early", constructed before "late",
    // registered after both, and so did "other", which uses no provider the engine added.
    const order = new Map([
      ["other", 0],
      ["early", 1],
      ["late", 2],
    ]);
    const plan = [
      { urn: "stack" },
      { urn: "provider" },
      { urn: "late", provider: "provider" },
      { urn: "early", provider: "provider" },
      { urn: "other" },
    ] as RecordedResource[];
    expect(urns(inConstructionOrder(plan, order))).toEqual([
      "stack",
      "other",
      "provider",
      "early",
      "late",
    ]);
  });

  it("keeps the recorded order when nothing was logged as constructed", () => {
    expect(urns(inConstructionOrder(recorded("stack", "b", "a"), new Map()))).toEqual([
      "stack",
      "b",
      "a",
    ]);
  });
});

describe("byLevel, the findings' order", () => {
  const finding = (
    policy: string,
    level: "mandatory" | "advisory",
    resourceType: string | null,
    resourceName: string | null,
    message = "m",
  ): Violation => ({
    policy,
    level,
    resourceType,
    resourceName,
    message,
    path: null,
    urn: resourceName === null ? null : `urn:pulumi:s::p::${resourceType}::${resourceName}`,
  });

  it("is the same whatever order the resources registered in: by level, policy, type and name", () => {
    // Charts declared in callbacks on a cluster's outputs register as the outputs resolve, in
    // another order from run to run.
    const found = [
      finding("offline-visibility", "mandatory", "kubernetes:helm.sh/v3:Chart", "karpenter"),
      finding("customer-key-encryption", "advisory", "aws:sqs/queue:Queue", "jobs"),
      finding("offline-visibility", "mandatory", "kubernetes:helm.sh/v3:Chart", "cert-manager"),
      finding("state-residency", "mandatory", null, null),
      finding("internet-egress", "mandatory", "aws:ec2/subnet:Subnet", "public"),
      finding("offline-visibility", "mandatory", "kubernetes:helm.sh/v3:Chart", "argo-rollouts"),
    ];
    const shown = (vs: readonly Violation[]) =>
      vs.map((v) => `${v.level} ${v.policy} ${v.resourceName ?? "(stack)"}`);
    const expected = [
      "mandatory internet-egress public",
      "mandatory offline-visibility argo-rollouts",
      "mandatory offline-visibility cert-manager",
      "mandatory offline-visibility karpenter",
      "mandatory state-residency (stack)",
      "advisory customer-key-encryption jobs",
    ];
    expect(shown(byLevel(found))).toEqual(expected);
    expect(shown(byLevel([...found].reverse()))).toEqual(expected);
  });

  it("keeps the order one policy reported its findings on one resource in", () => {
    const two = [
      finding("arn-locality", "mandatory", "aws:s3/bucket:Bucket", "b", "second"),
      finding("arn-locality", "mandatory", "aws:s3/bucket:Bucket", "b", "first"),
    ];
    expect(byLevel(two).map((v) => v.message)).toEqual(["second", "first"]);
  });
});
