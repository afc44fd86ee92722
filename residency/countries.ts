/**
 * Countries by their ISO 3166-1 alpha-2 codes, for places a value names by country (an ENS edge
 * node's ID, a site the stack declares): the list of libphonenumber, every territory with a
 * number plan, loaded on first use so that programs naming no country pay nothing for it.
 */
type PhoneModule = typeof import("libphonenumber-js");
let countries: PhoneModule | undefined;

/** Whether `code` (upper case) is a country's ISO 3166-1 alpha-2 code. */
export function isCountryCode(code: string): boolean {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  countries ??= require("libphonenumber-js") as PhoneModule;
  return countries.isSupportedCountry(code as Parameters<PhoneModule["isSupportedCountry"]>[0]);
}
