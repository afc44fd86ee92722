/**
 * A resource policy says each finding once: two fields that read the same value not known at
 * preview (an ECR rule's destination region and its account, both from one unknown list) reach
 * the same words, and the pack reports them once.
 */
import { on, runNamed, unknownAtPreview } from "../helpers/model-oracle";

const cn = { jurisdiction: "CN" };
const bj = on("bj");
const provider = {
  type: "pulumi:providers:aws",
  name: "bj",
  props: { region: "cn-north-1", allowedAccountIds: ["111122223333"] },
};
const replication = (destinations: unknown) =>
  bj("aws:ecr/replicationConfiguration:ReplicationConfiguration", "images", {
    replicationConfiguration: { rules: [{ destinations }] },
  });

test("an ECR rule whose destinations are not known at preview is one finding", () => {
  expect(runNamed([provider, replication(unknownAtPreview)], cn)).toEqual([
    [
      "registry-replication",
      "images",
      "mandatory",
      [
        "cn-north-1 (inside CN)",
        'ecr replication configuration "images"',
        "replicationConfiguration.rules[0].destinations (unknown at preview)",
      ],
    ],
  ]);
});

test("deferred to pulumi up, as under the Pulumi CLI by default, it is one advisory note", () => {
  expect(
    runNamed([provider, replication(unknownAtPreview)], { ...cn, unknownAtPreview: "defer" }),
  ).toEqual([["registry-replication", "images", "advisory", null]]);
});

test("twin: a destination in a region inside, in the stack's own account, is none", () => {
  expect(
    runNamed(
      [provider, replication([{ region: "cn-northwest-1", registryId: "111122223333" }])],
      cn,
    ),
  ).toEqual([]);
});
