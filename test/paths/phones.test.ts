/**
 * Phones and countries as places: a number rings in the country its calling code and number plan
 * name; a union holds its member states.
 */
import { getJurisdiction, holdsCountry } from "../../residency/jurisdictions";
import { countries, phonePlace } from "../../policy/paths/types/phones";

const us = getJurisdiction("US");
const eu = getJurisdiction("EU");

test("a union holds its member states, a country only itself", () => {
  expect([holdsCountry(eu, "de"), holdsCountry(eu, "FR"), holdsCountry(eu, "GB")]).toEqual([
    true,
    true,
    false,
  ]);
  expect([holdsCountry(us, "US"), holdsCountry(us, "CA")]).toEqual([true, false]);
});

test("a phone is placed by its country; one that names none cannot be placed", () => {
  expect(phonePlace("+33142685300", eu)).toBeUndefined();
  expect(phonePlace("+12065550100", us)).toBeUndefined();
  // +1 is shared: Toronto's area code is Canada's.
  expect(phonePlace("+14165550100", us)).toBe("+14165550100 (a phone outside US, in CA)");
  expect(phonePlace("+85221234567", getJurisdiction("CN"))).toBe(
    "+85221234567 (a phone outside CN, in HK)",
  );
  expect(phonePlace("2065550100", us)).toBe(
    '"2065550100" (a phone number that names no country, which cannot be placed)',
  );
});

test("calling countries outside the jurisdiction are each a place", () => {
  const judged = countries("callingRegions[]", "lets calls go to")(
    { callingRegions: ["DE", "FR", "US"] },
    eu,
  );
  expect(judged).toEqual([
    { path: "callingRegions[2]", verb: "lets calls go to", place: '"US" (a country outside EU)' },
  ]);
});
