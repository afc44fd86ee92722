/**
 * Phones and countries as places: a number rings in the country its calling code and number plan
 * name; a union holds its member states.
 */
import { getJurisdiction, holdsCountry } from "../../residency/jurisdictions";
import { alibabaSmsNumber, countries, phonePlace } from "../../policy/paths/types/phones";
import { on, type OracleResource, runNamed, unknownAtPreview } from "../helpers/model-oracle";

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

test("a number is read as Alibaba Cloud's SMS reads it: a mainland mobile bare, others by calling code", () => {
  const cn = getJurisdiction("CN");
  const place = (text: string) => phonePlace(alibabaSmsNumber(text), cn);
  // A mainland mobile needs no country code; with one, it is the same phone.
  expect(["13800000000", "138-0000-0000", "+8613800000000", "008613800000000"].map(place)).toEqual([
    undefined,
    undefined,
    undefined,
    undefined,
  ]);
  // Hong Kong's 852 takes 11 digits too, but no mainland mobile starts with 8.
  expect(place("85221234567")).toBe("+85221234567 (a phone outside CN, in HK)");
  expect(place("0014165550100")).toBe("+14165550100 (a phone outside CN, in CA)");
  // Eleven digits from 12: not a mainland mobile, so a calling code (+1, Seattle).
  expect(place("12065550100")).toBe("+12065550100 (a phone outside CN, in US)");
  expect(place("ops")).toBe('"ops" (a phone number that names no country, which cannot be placed)');
});

// Found by the media bench: a SIP host built from the program's own address failed closed.
describe("a voice connector's SIP hosts built from the program's addresses", () => {
  const provider = (name: string, region: string): OracleResource => ({
    type: "pulumi:providers:aws",
    name,
    props: { region },
  });
  const sip = (where: string): OracleResource[] => [
    provider("aws", "us-west-2"),
    provider("frankfurt", "eu-central-1"),
    on(where)("aws:ec2/networkInterface:NetworkInterface", "sbc", { subnetId: "subnet-sbc" }),
    on("aws")(
      "aws:chime/voiceConnectorTermination:VoiceConnectorTermination",
      "term",
      { voiceConnectorId: "vc-1", cidrAllowLists: [unknownAtPreview], callingRegions: ["US"] },
      { cidrAllowLists: ["sbc"] },
    ),
    on("aws")(
      "aws:chime/voiceConnectorOrigination:VoiceConnectorOrigination",
      "orig",
      { voiceConnectorId: "vc-1", routes: [{ host: unknownAtPreview, port: 5060 }] },
      { routes: ["sbc"] },
    ),
  ];
  const findings = (where: string) =>
    runNamed(sip(where), { jurisdiction: "US" })
      .filter(([, name]) => name === "term" || name === "orig")
      .map(([policy, name, level, path]) => [policy, name, level, path?.at(-1)]);

  it("lie where the program creates the address: in the stack's region, nothing to report", () => {
    expect(findings("aws")).toEqual([]);
  });

  it("abroad, each names the address's region", () => {
    const abroad = 'ec2 network interface "sbc" in eu-central-1 (outside US, in EU)';
    expect(findings("frankfurt")).toEqual([
      ["named-destinations", "orig", "mandatory", abroad],
      ["named-destinations", "term", "mandatory", abroad],
    ]);
  });
});
