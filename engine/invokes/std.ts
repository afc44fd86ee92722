/**
 * Functions of Pulumi's `std` provider (`@pulumi/std`): Terraform's built-in functions, which
 * `pulumi convert` writes a Terraform program's expressions with, and which the provider's own
 * examples use to build names, addresses and ARNs (`std.format`, `std.join`, `std.cidrsubnet`).
 * Under the Pulumi CLI the std plugin computes each from its arguments alone; offline the engine
 * computes them as the plugin does (pulumi/pulumi-std, provider/*.go) — for the arguments whose
 * answer is certain to be the plugin's. Any other (a format verb with flags or width, a regular
 * expression, a value Go formats its own way, an IPv6 prefix, text beyond printable ASCII where
 * Go counts graphemes) is left unknown, as every function the engine does not compute is: a
 * value it cannot know fails the checks closed, never open.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as ipaddr from "ipaddr.js";
import { unknownValue } from "../wire";

type Args = Readonly<Record<string, unknown>>;
type Result = Record<string, unknown> | undefined;

function isText(v: unknown): v is string {
  return typeof v === "string";
}

function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function isTextList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every(isText);
}

/** Printable ASCII, where Go's grapheme clusters are the characters (no `\r\n` pairs). */
const printableAscii = /^[\x20-\x7e]*$/;

/**
 * One argument as Go's `fmt` formats it under `verb` in the std plugin (whole numbers arrive as
 * float64 and are formatted as int64); undefined where the answer would be Go's own notation
 * (`%!s(int64=5)`, a float's `%g`, a map as JSON).
 */
function formatted(verb: string, v: unknown): string | undefined {
  const whole = typeof v === "number" && Number.isSafeInteger(v);
  switch (verb) {
    case "s":
      return isText(v) ? v : undefined;
    case "d":
      return whole ? String(v) : undefined;
    case "t":
      return typeof v === "boolean" ? String(v) : undefined;
    case "v":
      return isText(v) || whole || typeof v === "boolean" ? String(v) : undefined;
    default:
      return undefined;
  }
}

/** `fmt.Sprintf(input, args...)` for plain `%s`, `%d`, `%t`, `%v` and `%%`, each argument once. */
function sprintf(input: string, args: readonly unknown[]): string | undefined {
  let out = "";
  let next = 0;
  for (let i = 0; i < input.length; i++) {
    if (input[i] !== "%") {
      out += input[i];
      continue;
    }
    const verb = input[++i];
    if (verb === "%") {
      out += "%";
      continue;
    }
    // A verb with flags, a width, a precision or an argument index; or one argument too few
    // (Go writes `%!s(MISSING)`).
    if (verb === undefined || next >= args.length) {
      return undefined;
    }
    const piece = formatted(verb, args[next++]);
    if (piece === undefined) {
      return undefined;
    }
    out += piece;
  }
  // Arguments left over: Go appends `%!(EXTRA …)`.
  return next === args.length ? out : undefined;
}

/** An IPv4 prefix as Go's `net.ParseCIDR` reads it: its network address and length. */
function ipv4Prefix(text: string): { network: number; length: number } | undefined {
  // Go refuses octets with leading zeros; ipaddr.js would read them as octal.
  const m = /^((?:0|[1-9]\d{0,2})(?:\.(?:0|[1-9]\d{0,2})){3})\/(0|[1-9]\d?)$/.exec(text);
  if (m === null || !ipaddr.IPv4.isValidFourPartDecimal(m[1]) || Number(m[2]) > 32) {
    return undefined;
  }
  const network = ipaddr.IPv4.networkAddressFromCIDR(text)
    .toByteArray()
    .reduce((n, b) => n * 256 + b, 0);
  return { network, length: Number(m[2]) };
}

function ipv4Text(n: number): string {
  return ipaddr.fromByteArray([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]).toString();
}

/** The file at `input`, from the program's directory, as the plugin reads it; undefined if none. */
function fileBytes(input: unknown): Buffer | undefined {
  if (!isText(input)) {
    return undefined;
  }
  try {
    return fs.readFileSync(path.resolve(input));
  } catch {
    // The plugin fails the program; offline the value stays unknown.
    return undefined;
  }
}

const computed: Readonly<Record<string, (args: Args) => Result>> = {
  "std:index:format": ({ input, args = [] }) => {
    const result = isText(input) && Array.isArray(args) ? sprintf(input, args) : undefined;
    return result === undefined ? undefined : { result };
  },

  "std:index:join": ({ input, separator = "" }) =>
    isTextList(input) && isText(separator) ? { result: input.join(separator) } : undefined,

  // Go splits at every occurrence, keeping empty parts, as JavaScript does; an empty separator
  // splits into UTF-8 sequences, which JavaScript's code units are not.
  "std:index:split": ({ text, separator }) =>
    isText(text) && isText(separator) && separator !== ""
      ? { result: text.split(separator) }
      : undefined,

  // `/…/` is an RE2 expression, whose syntax and `$n` expansion are Go's: left unknown.
  "std:index:replace": ({ text, search, replace }) =>
    isText(text) &&
    isText(search) &&
    isText(replace) &&
    search !== "" &&
    !(search.length > 1 && search.startsWith("/") && search.endsWith("/"))
      ? { result: text.split(search).join(replace) }
      : undefined,

  // Offsets and lengths count grapheme clusters: characters, for printable ASCII.
  "std:index:substr": ({ input, offset, length }) => {
    if (!isText(input) || !printableAscii.test(input)) {
      return undefined;
    }
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length)) {
      return undefined;
    }
    let from = offset as number;
    const count = length as number;
    if (count === 0) {
      return { result: "" };
    }
    if (from < 0 && input.length === 0) {
      // The plugin adds the text's length to the offset until it is not negative: forever.
      return undefined;
    }
    while (from < 0) {
      from += input.length;
    }
    if (from > input.length) {
      return { result: "" };
    }
    const rest = input.slice(from);
    return { result: count < 0 ? rest : rest.slice(0, count) };
  },

  // Key-value pairs into a map (Terraform's old `map()`): string keys, an even count.
  "std:index:map": ({ args }) => {
    if (!Array.isArray(args) || args.length % 2 !== 0) {
      return undefined;
    }
    const result: Record<string, unknown> = {};
    for (let i = 0; i < args.length; i += 2) {
      const key: unknown = args[i];
      if (!isText(key)) {
        return undefined;
      }
      result[key] = args[i + 1];
    }
    return { result };
  },

  // Maps merged in order, a later key over an earlier one.
  "std:index:merge": ({ input }) =>
    Array.isArray(input) && input.every(isMap)
      ? { result: Object.assign({}, ...(input as Record<string, unknown>[])) }
      : undefined,

  // Go's strconv.ParseInt: an optional sign and the digits of the base (2 to 36), no prefix.
  "std:index:parseint": ({ input, base = 10 }) => {
    if (!isText(input) || !Number.isSafeInteger(base) || (base as number) < 2) {
      return undefined;
    }
    const radix = base as number;
    const digits = "0123456789abcdefghijklmnopqrstuvwxyz".slice(0, radix);
    const m = /^([+-]?)(\w+)$/.exec(input);
    if (radix > 36 || m === null || ![...m[2].toLowerCase()].every((c) => digits.includes(c))) {
      return undefined;
    }
    const value = [...m[2].toLowerCase()].reduce((n, c) => n * radix + digits.indexOf(c), 0);
    const result = m[1] === "-" ? -value : value;
    return Number.isSafeInteger(result) ? { result } : undefined;
  },

  "std:index:concat": ({ input }) =>
    Array.isArray(input) && input.every(Array.isArray)
      ? { result: (input as unknown[][]).flat() }
      : undefined,

  // A missing key without a default fails the program under the plugin: unknown offline.
  "std:index:lookup": ({ map, key, default: fallback }) => {
    if (!isMap(map) || !isText(key)) {
      return undefined;
    }
    if (Object.hasOwn(map, key)) {
      return { result: map[key] };
    }
    return fallback === undefined || fallback === null ? undefined : { result: fallback };
  },

  // go-cidr's SubnetBig: the prefix extended by `newbits`, numbered `netnum`.
  "std:index:cidrsubnet": ({ input, newbits, netnum }) => {
    const prefix = isText(input) ? ipv4Prefix(input) : undefined;
    if (prefix === undefined || !Number.isSafeInteger(newbits) || !Number.isSafeInteger(netnum)) {
      return undefined;
    }
    const bits = newbits as number;
    const num = netnum as number;
    const length = prefix.length + bits;
    // Too long a prefix, or a number the extension cannot hold, fails the program: unknown.
    if (bits < 0 || length > 32 || num < 0 || num >= 2 ** bits) {
      return undefined;
    }
    const network = prefix.network + num * 2 ** (32 - length);
    return { result: `${ipv4Text(network)}/${length}` };
  },

  // go-cidr's HostBig: the host numbered `host` in the prefix, counted from its end if negative.
  "std:index:cidrhost": ({ input, host }) => {
    const prefix = isText(input) ? ipv4Prefix(input) : undefined;
    if (prefix === undefined || !Number.isSafeInteger(host)) {
      return undefined;
    }
    const size = 2 ** (32 - prefix.length);
    const n = (host as number) < 0 ? size + (host as number) : (host as number);
    if (n < 0 || n >= size) {
      return undefined;
    }
    return { result: ipv4Text(prefix.network + n) };
  },

  "std:index:file": ({ input }) => {
    const bytes = fileBytes(input);
    // Bytes that are not UTF-8 reach the program as Go's string of them, not as decoded text.
    const text = bytes?.toString("utf8");
    return text !== undefined && Buffer.from(text, "utf8").equals(bytes as Buffer)
      ? { result: text }
      : undefined;
  },

  "std:index:filebase64": ({ input }) => {
    const bytes = fileBytes(input);
    return bytes === undefined ? undefined : { result: bytes.toString("base64") };
  },

  "std:index:base64encode": ({ input }) =>
    isText(input) ? { result: Buffer.from(input, "utf8").toString("base64") } : undefined,

  // Decoded into a map: text that is not a JSON object comes back as it is.
  "std:index:jsondecode": ({ input }) => {
    if (!isText(input)) {
      return undefined;
    }
    let value: unknown;
    try {
      value = JSON.parse(input);
    } catch {
      return { result: input };
    }
    if (value === null) {
      return undefined;
    }
    return { result: typeof value === "object" && !Array.isArray(value) ? value : input };
  },
};

/** The std functions computed offline. */
export const stdFunctions: readonly string[] = Object.keys(computed);

/**
 * The answer of std function `token` to `args`, or undefined where it is left unknown: for a
 * function the engine does not compute, and for arguments holding a value not known offline
 * (the SDK's unknown, or the marks the engine writes where it answers only part of a function).
 */
export function answerStd(token: string, args: Args, unknownMarks: readonly string[] = []): Result {
  const compute = computed[token];
  const text = JSON.stringify(args) ?? "";
  return compute === undefined || [unknownValue, ...unknownMarks].some((m) => text.includes(m))
    ? undefined
    : compute(args);
}
