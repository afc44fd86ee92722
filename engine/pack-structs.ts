/**
 * Resource properties, as the pack's process decodes them: a `google.protobuf.Struct` read
 * straight from its wire bytes into the plain values `Struct.prototype.toJavaScript` returns.
 *
 * google-protobuf decodes a request's properties into a `Struct` of `Value` messages — a JavaScript
 * object with its own arrays per value, in a map whose keys it sorts on every read — that the
 * policy runtime then converts to plain values once and never reads again. That decoding was the
 * largest part of the pack's own time in a check of a large stack (each resource is decoded
 * twice: in its `AnalyzeRequest` and in the `AnalyzeStackRequest`), and most of its garbage.
 *
 * `installLazyStructs` keeps a decoded `Struct`'s bytes instead, and `toJavaScript` reads them
 * here; anything else that asks the message for its fields gets google-protobuf's own decoding of
 * the same bytes first. Bytes this reader does not expect — fields out of order, a key twice, a
 * value of no kind, a truncated value — are left to google-protobuf as well, so every input
 * converts exactly as before, errors included (test/engine/pack-structs.test.ts holds both to the
 * same results). The runtime's code is untouched.
 */

/** The bytes of a `Struct` google-protobuf has not decoded yet. */
const lazyBytes = Symbol("sovereign-dc.struct-bytes");
/** A `Struct`'s plain values, once converted. */
const converted = Symbol("sovereign-dc.struct-values");

/** What this reader leaves to google-protobuf (thrown as one instance: no stack is captured). */
const leftToProtobuf = new Error("left to google-protobuf");

/** Wire tags of the three messages (field number << 3 | wire type). */
const STRUCT_FIELDS = 0x0a; // Struct.fields: map entry, length-delimited
const ENTRY_KEY = 0x0a;
const ENTRY_VALUE = 0x12;
const NULL_VALUE = 0x08;
const NUMBER_VALUE = 0x11; // 64-bit
const STRING_VALUE = 0x1a;
const BOOL_VALUE = 0x20;
const STRUCT_VALUE = 0x2a;
const LIST_VALUE = 0x32;
const LIST_VALUES = 0x0a;

/** The message being read: its bytes, a view of them for doubles, and the read position. */
let buf: Buffer = Buffer.alloc(0);
let view = new DataView(buf.buffer);
let pos = 0;

/** A varint that fits in 31 bits (tags and lengths); anything longer is not ours to read. */
function smallVarint(end: number): number {
  let result = 0;
  for (let shift = 0; shift < 31; shift += 7) {
    if (pos >= end) {
      throw leftToProtobuf;
    }
    const b = buf[pos++];
    result |= (b & 0x7f) << shift;
    if (b < 0x80) {
      return result;
    }
  }
  throw leftToProtobuf;
}

/** Skips a varint of up to ten bytes and says whether it is non-zero (a bool's reading). */
function varintNonZero(end: number): boolean {
  let nonZero = false;
  for (let i = 0; i < 10; i++) {
    if (pos >= end) {
      throw leftToProtobuf;
    }
    const b = buf[pos++];
    nonZero ||= (b & 0x7f) !== 0;
    if (b < 0x80) {
      return nonZero;
    }
  }
  throw leftToProtobuf;
}

/** The end of a length-delimited field starting at `pos`, inside `end`. */
function fieldEnd(end: number): number {
  const len = smallVarint(end);
  const e = pos + len;
  if (e > end) {
    throw leftToProtobuf;
  }
  return e;
}

/**
 * A string field, decoded as google-protobuf's reader decodes UTF-8: it is lenient (a stray
 * continuation byte is skipped, a surrogate written as three bytes comes back as that surrogate),
 * so its algorithm is followed rather than Node's decoder. A character cut by the field's end is
 * left to it.
 */
function string(end: number): string {
  const e = fieldEnd(end);
  let i = pos;
  while (i < e && buf[i] < 0x80) {
    i++;
  }
  if (i === e) {
    const s = buf.toString("latin1", pos, e);
    pos = e;
    return s;
  }
  const units: number[] = [];
  let c = pos;
  while (c < e) {
    const h = buf[c++];
    if (h < 0x80) {
      units.push(h);
    } else if (h < 0xc0) {
      continue;
    } else if (h < 0xe0) {
      if (c + 1 > e) {
        throw leftToProtobuf;
      }
      units.push(((h & 0x1f) << 6) | (buf[c++] & 0x3f));
    } else if (h < 0xf0) {
      if (c + 2 > e) {
        throw leftToProtobuf;
      }
      units.push(((h & 0x0f) << 12) | ((buf[c++] & 0x3f) << 6) | (buf[c++] & 0x3f));
    } else if (h < 0xf8) {
      if (c + 3 > e) {
        throw leftToProtobuf;
      }
      const cp =
        (((h & 0x07) << 18) |
          ((buf[c++] & 0x3f) << 12) |
          ((buf[c++] & 0x3f) << 6) |
          (buf[c++] & 0x3f)) -
        0x10000;
      units.push(((cp >> 10) & 0x3ff) + 0xd800, (cp & 0x3ff) + 0xdc00);
    }
  }
  pos = e;
  let s = "";
  for (let at = 0; at < units.length; at += 8192) {
    s += String.fromCharCode(...units.slice(at, at + 8192));
  }
  return s;
}

/** A `google.protobuf.Value` ending at `end`: the last kind written wins, as in google-protobuf. */
function value(end: number): unknown {
  let found = false;
  let v: unknown;
  while (pos < end) {
    switch (smallVarint(end)) {
      case NULL_VALUE:
        varintNonZero(end);
        v = null;
        break;
      case NUMBER_VALUE:
        if (pos + 8 > end) {
          throw leftToProtobuf;
        }
        v = view.getFloat64(pos, true);
        pos += 8;
        break;
      case STRING_VALUE:
        v = string(end);
        break;
      case BOOL_VALUE:
        v = varintNonZero(end);
        break;
      case STRUCT_VALUE:
        v = struct(fieldEnd(end));
        break;
      case LIST_VALUE:
        v = list(fieldEnd(end));
        break;
      default:
        throw leftToProtobuf;
    }
    found = true;
  }
  if (!found) {
    throw leftToProtobuf;
  }
  return v;
}

function list(end: number): unknown[] {
  const out: unknown[] = [];
  while (pos < end) {
    if (smallVarint(end) !== LIST_VALUES) {
      throw leftToProtobuf;
    }
    out.push(value(fieldEnd(end)));
  }
  return out;
}

/**
 * A `Struct` ending at `end`. google-protobuf's map keeps the last entry of a key, drops
 * `__proto__` and hands the entries out sorted; entries written sorted, once each and without
 * that key (as every Pulumi engine writes them) read the same in order, the rest is left to it.
 */
function struct(end: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let previous: string | undefined;
  while (pos < end) {
    if (smallVarint(end) !== STRUCT_FIELDS) {
      throw leftToProtobuf;
    }
    const entryEnd = fieldEnd(end);
    let key: string | undefined;
    let v: unknown;
    let hasValue = false;
    while (pos < entryEnd) {
      const t = smallVarint(entryEnd);
      if (t === ENTRY_KEY) {
        key = string(entryEnd);
      } else if (t === ENTRY_VALUE && !hasValue) {
        v = value(fieldEnd(entryEnd));
        hasValue = true;
      } else {
        throw leftToProtobuf;
      }
    }
    if (
      key === undefined ||
      !hasValue ||
      key === "__proto__" ||
      (previous !== undefined && !(previous < key))
    ) {
      throw leftToProtobuf;
    }
    out[key] = v;
    previous = key;
  }
  return out;
}

/**
 * The plain values of the `Struct` whose wire bytes are `bytes`, as `toJavaScript` returns them,
 * or undefined where google-protobuf's own decoding must decide.
 */
export function readStruct(bytes: Uint8Array): Record<string, unknown> | undefined {
  buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  pos = 0;
  try {
    return struct(buf.length);
  } catch (e) {
    if (e === leftToProtobuf) {
      return undefined;
    }
    throw e;
  } finally {
    buf = Buffer.alloc(0);
    view = new DataView(buf.buffer);
  }
}

/** The parts of google-protobuf's reader the hook uses. */
interface BinaryReader {
  getCursor(): number;
  getBuffer(): Uint8Array;
  nextField(): boolean;
  isEndGroup(): boolean;
  skipField(): void;
}

type StructMessage = {
  [lazyBytes]?: Uint8Array;
  [converted]?: Record<string, unknown>;
  getFieldsMap(noLazyCreate?: boolean): unknown;
  toJavaScript(): Record<string, unknown>;
};

/** google-protobuf's struct_pb module and its BinaryReader, as the pack's SDK loads them. */
export interface ProtobufModules {
  readonly Struct: {
    prototype: StructMessage;
    deserializeBinaryFromReader(msg: StructMessage, reader: BinaryReader): StructMessage;
  };
  readonly BinaryReader: new (bytes: Uint8Array) => BinaryReader;
}

/**
 * Makes every `Struct` google-protobuf decodes keep its bytes until asked for (see above), and
 * keeps each `Struct`'s conversion: the runtime converts a request's properties once for every
 * policy it runs on the resource, and only reads what it gets (it copies it into the policy's own
 * values). Returns what puts google-protobuf back as it was (its messages live in one namespace
 * per process, whichever copy of the module loaded them).
 */
export function installLazyStructs({ Struct, BinaryReader }: ProtobufModules): () => void {
  const decode = Struct.deserializeBinaryFromReader;
  const proto = Struct.prototype;
  const getFieldsMap = proto.getFieldsMap;
  const toJavaScript = proto.toJavaScript;

  /** Decodes a kept `Struct`'s bytes the way google-protobuf always did. */
  const materialize = (msg: StructMessage) => {
    const bytes = msg[lazyBytes];
    if (bytes !== undefined) {
      msg[lazyBytes] = undefined;
      decode(msg, new BinaryReader(bytes));
    }
  };

  Struct.deserializeBinaryFromReader = (msg, reader) => {
    const start = reader.getCursor();
    while (reader.nextField()) {
      if (reader.isEndGroup()) {
        break;
      }
      reader.skipField();
    }
    msg[lazyBytes] = reader.getBuffer().subarray(start, reader.getCursor());
    return msg;
  };
  proto.getFieldsMap = function (this: StructMessage, noLazyCreate?: boolean) {
    materialize(this);
    return getFieldsMap.call(this, noLazyCreate);
  };
  proto.toJavaScript = function (this: StructMessage) {
    let v = this[converted];
    if (v === undefined) {
      const bytes = this[lazyBytes];
      v = bytes === undefined ? undefined : readStruct(bytes);
      if (v === undefined) {
        materialize(this);
        v = toJavaScript.call(this);
      }
      this[converted] = v;
    }
    return v;
  };
  return () => {
    Struct.deserializeBinaryFromReader = decode;
    proto.getFieldsMap = getFieldsMap;
    proto.toJavaScript = toJavaScript;
  };
}
