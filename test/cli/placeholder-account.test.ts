/**
 * The note that account 000000000000 stands for the stack's own is true only where the engine
 * wrote that account into the ARNs it synthesised (the stack declares none); a program that names
 * the account itself means someone else's, and gets no note.
 */
import type { Violation } from "../../engine/check";
import { renderPlaceholderAccount } from "../../cli/view";

const grant: Violation = {
  policy: "cross-account-links",
  level: "advisory",
  resourceType: "aws:sqs/queuePolicy:QueuePolicy",
  resourceName: "inbox",
  message: "… grants access to account 000000000000 …",
  path: ['sqs queue policy "inbox"', "account 000000000000"],
  urn: null,
};

const queue = (arn: string, inputs: Record<string, unknown> = {}) => ({
  resources: [{ outputs: { arn }, inputs }] as never,
});

test("notes the placeholder where the engine synthesised an ARN with it", () => {
  expect(
    renderPlaceholderAccount([grant], queue("arn:aws:sqs:us-west-2:000000000000:inbox")),
  ).toEqual([expect.stringContaining("Account 000000000000 below stands for the stack's own")]);
});

test("says nothing when the stack's ARNs are in its declared account", () => {
  expect(
    renderPlaceholderAccount([grant], queue("arn:aws:sqs:us-west-2:210987654321:inbox")),
  ).toEqual([]);
});

test("says nothing when the program wrote the ARN itself", () => {
  const arn = "arn:aws:sqs:us-west-2:000000000000:inbox";
  expect(renderPlaceholderAccount([grant], queue(arn, { arn }))).toEqual([]);
});
