/**
 * Countries by their ISO 3166-1 alpha-2 codes and phone numbers by their country, both from
 * libphonenumber (every territory with a number plan): for places a value names by country (an ENS
 * edge node's ID, a site the stack declares) and numbers a call or text goes to. Its number plans
 * take tens of milliseconds to load, so they load on first use: programs that name no country and
 * no phone pay nothing for them.
 */
type PhoneModule = typeof import("libphonenumber-js");
let phoneModule: PhoneModule | undefined;

/** libphonenumber, loaded the first time it is asked for. */
export function phoneLibrary(): PhoneModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  phoneModule ??= require("libphonenumber-js") as PhoneModule;
  return phoneModule;
}

/** Whether `code` (upper case) is a country's ISO 3166-1 alpha-2 code. */
export function isCountryCode(code: string): boolean {
  return phoneLibrary().isSupportedCountry(
    code as Parameters<PhoneModule["isSupportedCountry"]>[0],
  );
}
