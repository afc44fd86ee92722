/**
 * AWS Outposts (residency/outposts.ts): an Outpost is read from its ARN or ID, and placed by the
 * country the stack declares for its site, never by its parent region.
 */
import { getJurisdiction } from "../../residency/jurisdictions";
import { declaredOutpostsOf, outpostOf, outpostPlace } from "../../residency/outposts";

test.each<[string, string | undefined]>([
  ["arn:aws:outposts:us-west-2:111122223333:outpost/op-0123456789abcdef0", "op-0123456789abcdef0"],
  [
    "arn:aws-us-gov:outposts:us-gov-west-1:111122223333:outpost/op-1234567890abcdef",
    "op-1234567890abcdef",
  ],
  ["op-0123456789abcdef0", "op-0123456789abcdef0"],
  // Not an Outpost: its site, another service's ARN, an ID of the wrong length.
  ["arn:aws:outposts:us-west-2:111122223333:site/os-0123456789abcdef0", undefined],
  ["arn:aws:ec2:us-west-2:111122223333:subnet/subnet-0123456789abcdef0", undefined],
  ["op-0123", undefined],
])("the Outpost %s names is %s", (value, id) => {
  expect(outpostOf(value)).toBe(id);
});

test("an Outpost is placed by its declared site's country, and one not declared is not placed", () => {
  const declared = [
    { outpost: "op-0123456789abcdef0", country: "US" },
    { outpost: "op-0fedcba9876543210", country: "MX" },
  ];
  const us = getJurisdiction("US");
  expect(
    outpostPlace(us, "op-0123456789abcdef0", "op-0123456789abcdef0", declared),
  ).toBeUndefined();
  expect(outpostPlace(us, "op-0fedcba9876543210", "op-0fedcba9876543210", declared)).toBe(
    "op-0fedcba9876543210 (an AWS Outpost the stack declares at a site in MX: outside US)",
  );
  expect(outpostPlace(us, "op-00000000000000000", "op-00000000000000000", declared)).toMatch(
    /does not declare under sovereign-dc:outposts: it cannot be placed/,
  );
  // A union holds the sites in its member states.
  expect(
    outpostPlace(getJurisdiction("EU"), "op-1", "op-1", [{ outpost: "op-1", country: "DE" }]),
  ).toBeUndefined();
});

test("a stack config declares its Outposts as JSON text, as the Pulumi runtime holds them", () => {
  expect(declaredOutpostsOf({})).toEqual({ declared: [] });
  expect(
    declaredOutpostsOf({
      "sovereign-dc:outposts": JSON.stringify([{ outpost: "op-0123456789abcdef0", country: "US" }]),
    }),
  ).toEqual({ declared: [{ outpost: "op-0123456789abcdef0", country: "US" }] });
  expect(declaredOutpostsOf({ "sovereign-dc:outposts": "[{}]" })).toEqual({
    issues: expect.arrayContaining([
      expect.objectContaining({ key: "sovereign-dc:outposts[0].outpost" }),
    ]),
  });
});
