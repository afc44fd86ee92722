/**
 * engine/pack-structs.ts reads the pack's `Struct`s from their bytes instead of google-protobuf.
 * These properties hold it to google-protobuf's own decoding of the same bytes: every JSON value
 * (key order, -0, NaN, every Unicode string), the odd bytes it leaves to google-protobuf (keys out
 * of order or twice, `__proto__`, a value of no kind, cut or changed bytes), and the message API
 * of a `Struct` that kept its bytes.
 */
import * as path from "node:path";
import fc from "fast-check";
import { wireScalar } from "../helpers/wire-values";
import type * as StructModule from "google-protobuf/google/protobuf/struct_pb";
import { AnalyzeRequest } from "@pulumi/pulumi/proto/analyzer_pb";
import { installLazyStructs, type ProtobufModules, readStruct } from "../../engine/pack-structs";

/* eslint-disable @typescript-eslint/no-require-imports */
const sdk = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
const { Struct } = require(
  require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [sdk] }),
) as typeof StructModule;
const { BinaryReader } = require(require.resolve("google-protobuf", { paths: [sdk] })) as {
  BinaryReader: ProtobufModules["BinaryReader"];
};
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * Runs `read` with the pack's reading switched on, then puts google-protobuf back: its messages
 * live in one namespace per process, so the same module answers both ways in turn.
 */
function withLazyStructs<T>(read: () => T): T {
  const restore = installLazyStructs({
    Struct: Struct as unknown as ProtobufModules["Struct"],
    BinaryReader,
  });
  try {
    return read();
  } finally {
    restore();
  }
}

/** A value written out whole: key order, -0, NaN and an object's prototype included. */
function shape(v: unknown): string {
  if (typeof v === "number") {
    return Object.is(v, -0) ? "-0" : String(v);
  }
  if (Array.isArray(v)) {
    return `[${v.map(shape).join(",")}]`;
  }
  if (v !== null && typeof v === "object") {
    const proto = Object.getPrototypeOf(v) as unknown;
    return `${proto === Object.prototype ? "" : `(${shape(proto)})`}{${Object.entries(v)
      .map(([k, e]) => `${JSON.stringify(k)}:${shape(e)}`)
      .join(",")}}`;
  }
  return JSON.stringify(v);
}

/** What converting the bytes gives: the values, or that it failed. */
function outcome(read: () => unknown): string {
  try {
    return shape(read());
  } catch {
    return "throws";
  }
}

const shippedValues = (bytes: Uint8Array) =>
  outcome(() => Struct.deserializeBinary(bytes).toJavaScript());
const lazyValues = (bytes: Uint8Array) =>
  withLazyStructs(() => outcome(() => Struct.deserializeBinary(bytes).toJavaScript()));

// ---- generators ---------------------------------------------------------------------------

/** Strings of any code units, lone surrogates included, and of whole characters. */
const text = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 6 }),
  fc.constantFrom("", "é", "数据中心", "\ud800", "a\udc00b", "😀"),
);
const key = fc.oneof(
  text,
  fc.constantFrom("", "a", "A", "10", "2", "zz", "__proto__", "constructor"),
);
const scalar = wireScalar(text);
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(key, tie("value"), { maxKeys: 5 }),
  ),
}));
const props = fc.dictionary(key, value, { maxKeys: 6 }) as fc.Arbitrary<Record<string, never>>;

/** The bytes google-protobuf writes for `p`. */
const written = (p: Record<string, never>) => Struct.fromJavaScript(p).serializeBinary();

// ---- properties -----------------------------------------------------------------------------

test("a Struct reads as google-protobuf converts it: values, key order, -0, NaN and strings", () => {
  fc.assert(
    fc.property(props, (p) => {
      const bytes = written(p);
      expect(lazyValues(bytes)).toBe(shippedValues(bytes));
    }),
    { numRuns: 400 },
  );
});

test("the reader itself reads every Struct google-protobuf writes (it leaves only __proto__ to it)", () => {
  fc.assert(
    fc.property(props, (p) => {
      const bytes = written(p);
      const read = readStruct(bytes);
      if (Object.keys(p).includes("__proto__") || JSON.stringify(p).includes('"__proto__"')) {
        return;
      }
      expect(read).toBeDefined();
      expect(shape(read)).toBe(shippedValues(bytes));
    }),
    { numRuns: 300 },
  );
});

/** Protobuf fields, written by hand for the bytes google-protobuf never writes. */
const field = (tag: number, body: number[]) => [tag, body.length, ...body];
const str = (s: string) => [...Buffer.from(s, "utf8")];
const entry = (k: string, v: number[]) => field(0x0a, [...field(0x0a, str(k)), ...field(0x12, v)]);
const stringValue = (s: string) => field(0x1a, str(s));

test.each([
  ["keys out of order", [...entry("b", stringValue("1")), ...entry("a", stringValue("2"))]],
  ["a key twice", [...entry("a", stringValue("1")), ...entry("a", stringValue("2"))]],
  ["an entry without a value", field(0x0a, field(0x0a, str("a")))],
  ["an entry without a key", field(0x0a, field(0x12, stringValue("x")))],
  ["a value of no kind", entry("a", [])],
  ["a value of two kinds (the last counts)", entry("a", [...stringValue("x"), 0x20, 1])],
  ["an unknown field in a value", entry("a", [...stringValue("x"), 0x38, 1])],
  ["an unknown field in the Struct", [0x10, 1, ...entry("a", stringValue("x"))]],
  [
    "a key written twice in one entry (the last counts)",
    field(0x0a, [
      ...field(0x0a, str("a")),
      ...field(0x0a, str("b")),
      ...field(0x12, stringValue("x")),
    ]),
  ],
  [
    "the key __proto__ holding an object",
    [
      ...entry("__proto__", field(0x2a, entry("a", stringValue("x")))),
      ...entry("b", stringValue("y")),
    ],
  ],
  ["a string cut inside a character", entry("a", field(0x1a, [0x61, 0xe6, 0x95]))],
  ["stray UTF-8 continuation and 0xf8 bytes", entry("a", field(0x1a, [0x80, 0x61, 0xf8, 0x62]))],
  ["a lead byte before a byte that continues nothing", entry("a", field(0x1a, [0x61, 0xc2, 0x41]))],
  ["a surrogate written as three bytes", entry("a", field(0x1a, [0xed, 0xa0, 0x80]))],
  ["a number cut short", entry("a", [0x11, 0, 0, 0])],
  // 2^24: google-protobuf reads a length past the end byte by byte, so not 2^32 here.
  ["a string's length far past the end", entry("a", [0x1a, 0x80, 0x80, 0x80, 0x08, 0x61])],
  ["a bool written as a long varint", entry("a", [0x20, 0x80, 0x80, 0x00])],
])("%s: read as google-protobuf reads it", (_, bytes) => {
  const b = Uint8Array.from(bytes);
  expect(lazyValues(b)).toBe(shippedValues(b));
});

test("changed or cut bytes read as google-protobuf reads them, or fail as it fails", () => {
  fc.assert(
    fc.property(props, fc.nat(), fc.nat(255), fc.boolean(), (p, at, byte, cut) => {
      const bytes = written(p);
      if (bytes.length === 0) {
        return;
      }
      const i = at % bytes.length;
      const changed = cut ? bytes.slice(0, i) : Uint8Array.from(bytes);
      if (!cut) {
        changed[i] = byte;
      }
      // A byte that ends a varint (or is one), changed to one that continues it into two more
      // bytes that continue too, makes a varint of four bytes or more: as a string's length,
      // 2^21 to 2^32 bytes past the end, which google-protobuf walks one by one (seconds a run,
      // about one run in a hundred). The case "a string's length far past the end" above reads
      // that shape; here it is left out.
      const continued = (k: number) => k < changed.length && changed[k] >= 128;
      if (!cut && bytes[i] < 128 && continued(i) && continued(i + 1) && continued(i + 2)) {
        return;
      }
      expect(lazyValues(changed)).toBe(shippedValues(changed));
    }),
    { numRuns: 150 },
  );
});

test("a Struct that kept its bytes answers the message API as google-protobuf's own", () => {
  fc.assert(
    fc.property(props, (p) => {
      const bytes = written(p);
      const own = Struct.deserializeBinary(bytes);
      const [hex, object, length] = withLazyStructs(() => {
        const kept = Struct.deserializeBinary(bytes);
        return [
          Buffer.from(kept.serializeBinary()).toString("hex"),
          shape(kept.toObject()),
          kept.getFieldsMap().getLength(),
        ];
      });
      expect(hex).toBe(Buffer.from(own.serializeBinary()).toString("hex"));
      expect(object).toBe(shape(own.toObject()));
      expect(length).toBe(own.getFieldsMap().getLength());
    }),
    { numRuns: 150 },
  );
});

test("a request's properties read from the request's bytes, converted once", () => {
  const req = new AnalyzeRequest();
  req.setType("alicloud:oss/bucket:Bucket");
  req.setProperties(
    Struct.fromJavaScript({ bucket: "b", rule: { sseAlgorithm: "KMS" }, tags: ["数据"] }),
  );
  const bytes = req.serializeBinary();
  withLazyStructs(() => {
    const decoded = AnalyzeRequest.deserializeBinary(bytes);
    const values = decoded.getProperties()?.toJavaScript();
    expect(values).toEqual({ bucket: "b", rule: { sseAlgorithm: "KMS" }, tags: ["数据"] });
    // The runtime asks again for every policy and gets the same values.
    expect(decoded.getProperties()?.toJavaScript()).toBe(values);
    expect(decoded.getType()).toBe("alicloud:oss/bucket:Bucket");
  });
});
