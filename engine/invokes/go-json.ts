/**
 * Go's `encoding/json` as the AWS provider's data sources write their documents: `Marshal` and
 * `MarshalIndent` (a `Map` keeps its keys in struct-field order, a plain object's are sorted by
 * bytes, as a Go map's), HTML-safe string escaping, byte order of strings, and the CRC-32 the
 * provider hashes a document's text with for its ID. Pure: no SDK import.
 */

/** Lone surrogates cannot cross the wire as UTF-8; protobuf sends U+FFFD in their place. */
export function wellFormed(s: string): string {
  return s.replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    "\ufffd",
  );
}

/** Go's `json.Marshal` (indent undefined) or `json.MarshalIndent(v, "", "  ")`. */
export function encode(value: unknown, indent: string | undefined): string {
  if (value === null || value === undefined) {
    return "null";
  }
  if (typeof value === "string") {
    return goString(value);
  }
  if (typeof value === "number") {
    // Go writes floats as JavaScript does (exponent below 1e-6 and from 1e21), but keeps -0.
    return Object.is(value, -0) ? "-0" : JSON.stringify(value);
  }
  if (typeof value === "boolean") {
    return String(value);
  }
  const inner = indent === undefined ? undefined : `${indent}  `;
  const wrap = (open: string, items: string[], close: string): string => {
    if (items.length === 0) {
      return open + close;
    }
    if (indent === undefined || inner === undefined) {
      return open + items.join(",") + close;
    }
    return `${open}\n${inner}${items.join(`,\n${inner}`)}\n${indent}${close}`;
  };
  if (Array.isArray(value)) {
    return wrap(
      "[",
      value.map((v) => encode(v, inner)),
      "]",
    );
  }
  const entries =
    value instanceof Map
      ? [...(value as Map<string, unknown>)]
      : Object.entries(value as Record<string, unknown>).sort(([a], [b]) => compareBytes(a, b));
  const colon = indent === undefined ? ":" : ": ";
  return wrap(
    "{",
    entries.map(([k, v]) => goString(k) + colon + encode(v, inner)),
    "}",
  );
}

/** Go's string encoding: HTML-safe (`<`, `>`, `&` escaped), and U+2028/U+2029 escaped. */
function goString(s: string): string {
  let out = '"';
  for (const ch of wellFormed(s)) {
    const c = ch.codePointAt(0) as number;
    switch (ch) {
      case '"':
        out += '\\"';
        break;
      case "\\":
        out += "\\\\";
        break;
      case "\b":
        out += "\\b";
        break;
      case "\f":
        out += "\\f";
        break;
      case "\n":
        out += "\\n";
        break;
      case "\r":
        out += "\\r";
        break;
      case "\t":
        out += "\\t";
        break;
      default:
        if (c < 0x20 || ch === "<" || ch === ">" || ch === "&" || c === 0x2028 || c === 0x2029) {
          out += `\\u${c.toString(16).padStart(4, "0")}`;
        } else {
          out += ch;
        }
    }
  }
  return `${out}"`;
}

/** Go's string order: by UTF-8 bytes, which is code point order. */
export function compareBytes(a: string, b: string): number {
  // UTF-16 order agrees with code point order except between surrogates (code points from
  // U+10000) and U+E000–U+FFFF; move the surrogates above them.
  const rank = (c: number) =>
    c >= 0xd800 && c <= 0xdfff ? c + 0x2000 : c >= 0xe000 ? c - 0x800 : c;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      return rank(x) - rank(y);
    }
  }
  return a.length - b.length;
}

export function descending(values: readonly string[]): string[] {
  return [...values].sort((a, b) => compareBytes(b, a));
}

const utf8 = new TextEncoder();
let crcTable: Uint32Array | undefined;

/** CRC-32 (IEEE) of the string's UTF-8 bytes, as Go's `crc32.ChecksumIEEE`. */
export function crc32(s: string): number {
  if (crcTable === undefined) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) {
        c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      }
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of utf8.encode(s)) {
    crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}
