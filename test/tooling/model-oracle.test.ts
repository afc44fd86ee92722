/**
 * The oracle (test/helpers/model-oracle.ts) hands every policy one copy of the resources, where
 * the policy runtime makes a copy for each: the same findings only as long as no policy writes to
 * what it is handed. It checks that once the policies ran, and a policy that writes fails it.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { runNamed } from "../helpers/model-oracle";

const bucket = { type: "aws:s3/bucket:Bucket", name: "records", props: { bucket: "r", tags: {} } };

const policy = (
  validate: ResourceValidationPolicy["validateResource"],
): ResourceValidationPolicy => ({
  name: "reads-tags",
  description: "a policy under test",
  validateResource: validate,
});

test("a policy that writes to the properties it is handed fails the oracle, naming the change", () => {
  const writes = policy((args) => {
    (args.props as { tags: Record<string, string> }).tags.owner = "policy";
  });
  expect(() => runNamed([bucket], { jurisdiction: "US" }, [writes])).toThrow(
    'A policy wrote to the properties it was handed, which the runtime hands each policy afresh: {"bucket":"r","tags":{"owner":"policy"}} was {"bucket":"r","tags":{}}',
  );
  // The input itself is left as it was.
  expect(bucket.props).toEqual({ bucket: "r", tags: {} });
});

test("a policy that only reads them passes, with its findings", () => {
  const reads = policy((args, report) => {
    if (Object.keys((args.props as { tags: object }).tags).length === 0) {
      report("records has no tags");
    }
  });
  expect(runNamed([bucket], { jurisdiction: "US" }, [reads])).toEqual([
    ["reads-tags", "records", "mandatory", null],
  ]);
});
