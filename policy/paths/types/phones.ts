/**
 * The countries a call or a text reaches: phone numbers (E.164, `+49…`), placed by the country
 * their calling code and number plan name (libphonenumber), and ISO 3166-1 country codes a
 * service lets calls go to. A country inside the jurisdiction (a member state of a union) keeps
 * the voice or the message there; any other is a place abroad, and a number that names no
 * country cannot be placed.
 */
import { phoneLibrary } from "../../../residency/countries";
import { holdsCountry, type Jurisdiction } from "../../../residency/jurisdictions";
import type { Judged } from "../model";
import { jsonDocument, str, valueAt, valuesAt } from "../values";

/** The country a phone number names, if any (libphonenumber, loaded on first use). */
function countryOfPhone(text: string): string | undefined {
  return phoneLibrary().parsePhoneNumberFromString(text)?.country;
}

/**
 * Where the phone number `value` rings, as a place of a finding; undefined inside `j`. A number
 * that names no country is shown as the program `written` it (before a service's reading of it).
 */
export function phonePlace(
  value: unknown,
  j: Jurisdiction,
  written: unknown = value,
): string | undefined {
  const text = str(value);
  const country = text === undefined ? undefined : countryOfPhone(text);
  if (country === undefined) {
    return `${JSON.stringify(written)} (a phone number that names no country, which cannot be placed)`;
  }
  return holdsCountry(j, country) ? undefined : `${text} (a phone outside ${j.id}, in ${country})`;
}

/**
 * A number as Alibaba Cloud's Short Message Service takes it: a mainland mobile number without
 * its country code (11 digits from 13 to 19), else the country's calling code and the number,
 * with or without `+` or `00` (`85221234567`, Hong Kong), in E.164 form for `phonePlace`. An
 * empty or non-numeric text is given back as it is, so that it names no country.
 */
export function alibabaSmsNumber(text: string): string {
  const digits = text.replace(/[\s-]/g, "");
  if (/^1[3-9]\d{9}$/.test(digits)) {
    return `+86${digits}`;
  }
  const international = /^(?:\+|00)?([1-9]\d{6,14})$/.exec(digits);
  return international ? `+${international[1]}` : text;
}

/** The phone numbers at `path`, each judged where it rings (read once known: `onceKnown`). */
export function phoneNumbers(path: string, verb: string) {
  return numbersAt(path, verb, (value) => [[value, value]]);
}

/**
 * The numbers each value at `path` holds (`numbersOf`: each as a service reads it and as it is
 * written), each judged where it rings, as a finding at the value's path.
 */
function numbersAt(
  path: string,
  verb: string,
  numbersOf: (value: unknown) => (readonly [number: unknown, written: unknown])[],
) {
  return (props: Readonly<Record<string, unknown>>, j: Jurisdiction): Judged[] =>
    valuesAt(props, path).flatMap((f) =>
      numbersOf(f.value).flatMap(([n, written]) => {
        const place = phonePlace(n, j, written);
        return place === undefined ? [] : [{ path: f.path, verb, place }];
      }),
    );
}

/** The ISO 3166-1 country codes at `path` outside the jurisdiction (read once known). */
export function countries(path: string, verb: string) {
  return (props: Readonly<Record<string, unknown>>, j: Jurisdiction): Judged[] =>
    valuesAt(props, path).flatMap((f) => {
      const code = str(f.value);
      return code !== undefined && holdsCountry(j, code)
        ? []
        : [{ path: f.path, verb, place: `${JSON.stringify(f.value)} (a country outside ${j.id})` }];
    });
}

/**
 * The numbers at `path` as Alibaba Cloud's alarm and notification services take them, several in
 * one text separated by commas (`13800000000,13900000000`), each read as its SMS service reads
 * it (`alibabaSmsNumber`) and judged where it rings.
 */
export function alibabaPhoneNumbers(path: string, verb: string) {
  return numbersAt(path, verb, (value) => {
    const text = str(value);
    return text === undefined
      ? [[value, value]]
      : text
          .split(",")
          .map((n) => n.trim())
          .filter((n) => n !== "")
          .map((n) => [alibabaSmsNumber(n), n] as const);
  });
}

/**
 * The external numbers an Amazon Connect flow (or flow module) transfers its callers to: each
 * `TransferParticipantToThirdParty` action of the flow language document at `path` dials its
 * `Parameters.ThirdPartyPhoneNumber` and bridges the caller to it, wherever it rings; a number the
 * flow takes from the contact's attributes as it runs (`$.Attributes.…`) cannot be placed.
 */
export function flowTransfers(path: string, verb: string) {
  return (props: Readonly<Record<string, unknown>>, j: Jurisdiction): Judged[] => {
    const flow = jsonDocument(valueAt(props, path)) as { Actions?: unknown } | undefined;
    const actions = Array.isArray(flow?.Actions) ? (flow.Actions as unknown[]) : [];
    return actions.flatMap((a, i) => {
      const action = a as { Type?: unknown; Parameters?: Record<string, unknown> } | null;
      if (action?.Type !== "TransferParticipantToThirdParty") {
        return [];
      }
      const number = action.Parameters?.ThirdPartyPhoneNumber;
      const at = `${path}.Actions[${i}].Parameters.ThirdPartyPhoneNumber`;
      const place =
        typeof number === "string" && number.startsWith("$.")
          ? `${JSON.stringify(number)} (a number the flow takes from the contact as it runs, which cannot be placed)`
          : phonePlace(number, j);
      return place === undefined ? [] : [{ path: at, verb, place }];
    });
  };
}
