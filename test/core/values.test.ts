/**
 * The value readers (policy/paths/values.ts): every read goes through the runtime's unknown-checking
 * proxy, and a value not known at preview must come back as `unknown` at the path it was met —
 * never dropped (that would let an undecidable destination pass) and never thrown (the runtime
 * would turn it into an advisory).
 */
import fc from "fast-check";
import {
  fromPlan,
  itemAt,
  fromPolicyResources,
  isOn,
  isTrue,
  isUnknown,
  jsonDocument,
  known,
  modelPath,
  plainValue,
  str,
  stringList,
  stringsIn,
  unknown,
  valueAt,
  valuesAt,
} from "../../policy/paths/values";
import { proxied, unknownText } from "./support";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { UnknownValueError } = require("@pulumi/policy/proxy") as {
  UnknownValueError: new (sentinel: string, props: string[]) => Error;
};

/** A list whose length the runtime cannot know yet (an output list of another resource). */
function listOfUnknownLength(): unknown[] {
  return new Proxy([], {
    get: (target, prop) => {
      if (prop === "length") {
        throw new UnknownValueError(unknownText, ["list", "length"]);
      }
      return (target as unknown as Record<PropertyKey, unknown>)[prop];
    },
  });
}

const pathsAndValues = (found: ReturnType<typeof valuesAt>) => found.map((f) => [f.path, f.value]);

describe("known", () => {
  test("turns the runtime's unknown-value error into `unknown`", () => {
    expect(known(() => (proxied({ a: unknownText }) as Record<string, unknown>).a)).toBe(unknown);
    expect(known(() => "cn-beijing")).toBe("cn-beijing");
  });

  test("lets every other error through", () => {
    expect(() =>
      known(() => {
        throw new Error("boom");
      }),
    ).toThrow("boom");
  });
});

describe("itemAt", () => {
  const props = proxied({
    replicationConfiguration: {
      rules: [
        { status: "Enabled", destination: { bucket: "a" } },
        { status: "Disabled", destination: { bucket: "b" } },
      ],
    },
    single: { rules: { status: "Disabled", destination: { bucket: "c" } } },
    nested: [{ rules: [{ status: "Enabled" }, { status: unknownText }] }],
    later: { rules: unknownText },
  });

  test("finds the item of the list that holds a value, by the value's path", () => {
    expect(itemAt(props, "replicationConfiguration.rules[1].destination.bucket", "rules")).toEqual({
      status: "Disabled",
      destination: { bucket: "b" },
    });
    expect(itemAt(props, "replicationConfiguration.rules[0].destination.bucket", "rules")).toEqual({
      status: "Enabled",
      destination: { bucket: "a" },
    });
    // The last step of that name, below indexed lists.
    expect(itemAt(props, "nested[0].rules[0].destinations[0].bucket", "rules")).toEqual({
      status: "Enabled",
    });
  });

  test("reads a single item written where a list is declared", () => {
    expect(itemAt(props, "single.rules.destination.bucket", "rules")).toEqual({
      status: "Disabled",
      destination: { bucket: "c" },
    });
  });

  test("is undefined without such a step, unknown where the item is not known yet", () => {
    expect(itemAt(props, "replicationConfiguration.role", "rules")).toBeUndefined();
    expect(itemAt(props, "replicationConfiguration.rulesets[0].x", "rules")).toBeUndefined();
    expect(itemAt(props, "later.rules.destination.bucket", "rules")).toBe(unknown);
  });
});

describe("valuesAt", () => {
  test("reads each path the same however often and among however many others it is read", () => {
    // The steps of a path are kept once split (a bounded memo, cleared when full): more distinct
    // paths than it keeps, then the first ones again, an escaped dot among them.
    const props = { a: { "b.c": [{ d: 1 }, { d: 2 }] }, e: { f: 3 } };
    const first = pathsAndValues(valuesAt(props, "a.b\\.c[].d"));
    expect(first).toEqual([
      ["a.b.c[0].d", 1],
      ["a.b.c[1].d", 2],
    ]);
    let found = 0;
    for (let i = 0; i < 25_000; i++) {
      found += valuesAt(props, `e.g${i}`).length;
    }
    expect(found).toBe(0);
    expect(pathsAndValues(valuesAt(props, "a.b\\.c[].d"))).toEqual(first);
    expect(pathsAndValues(valuesAt(props, "e.f"))).toEqual([["e.f", 3]]);
  });
  test("an unknown met before the end of the path is reported where it was met", () => {
    const props = proxied({ destination: unknownText, rules: [unknownText, { destination: {} }] });
    const found = valuesAt(props, "destination.bucket");
    expect(pathsAndValues(found)).toEqual([["destination", unknown]]);
    expect(found[0].holder).toBe(props);
    expect(pathsAndValues(valuesAt(props, "rules[].destination.bucket"))).toEqual([
      ["rules[0]", unknown],
    ]);
  });

  test("a list whose length is not known is one unknown value", () => {
    const holder = { list: listOfUnknownLength() };
    expect(valuesAt(holder, "list[].region")).toEqual([{ path: "list[]", value: unknown, holder }]);
  });

  test("absent and null values are skipped, at the end of the path and before it", () => {
    const props = proxied({ a: null, b: { c: null }, n: 5, list: [null, "x"] });
    expect(valuesAt(props, "a")).toEqual([]);
    expect(valuesAt(props, "a.b")).toEqual([]);
    expect(valuesAt(props, "b.c")).toEqual([]);
    expect(valuesAt(props, "n.b")).toEqual([]);
    expect(valuesAt(props, "missing")).toEqual([]);
    expect(pathsAndValues(valuesAt(props, "list[]"))).toEqual([["list[1]", "x"]]);
  });

  test("`*` finds every value of a map at its key, and a map not known yet as one unknown", () => {
    const props = proxied({ maps: { west: "s3://a/w/", east: "s3://a/e/" }, list: ["x"] });
    expect(pathsAndValues(valuesAt(props, "maps.*"))).toEqual([
      ["maps.west", "s3://a/w/"],
      ["maps.east", "s3://a/e/"],
    ]);
    expect(valuesAt(props, "list.*")).toEqual([]);
    expect(pathsAndValues(valuesAt(proxied({ maps: unknownText }), "maps.*"))).toEqual([
      ["maps", unknown],
    ]);
  });

  test("`\\.` is a dot inside a key, found at the key as it is written", () => {
    const props = proxied({ Parameters: { "ApiEndpoint.$": "$.url", ApiEndpoint: "x" } });
    expect(pathsAndValues(valuesAt(props, "Parameters.ApiEndpoint\\.$"))).toEqual([
      ["Parameters.ApiEndpoint.$", "$.url"],
    ]);
    expect(valuesAt(props, "Parameters.ApiEndpoint.$")).toEqual([]);
  });

  test("falsy values that are set are found", () => {
    expect(pathsAndValues(valuesAt({ f: false, z: 0, e: "" }, "f"))).toEqual([["f", false]]);
    expect(pathsAndValues(valuesAt({ f: false, z: 0, e: "" }, "z"))).toEqual([["z", 0]]);
    expect(pathsAndValues(valuesAt({ f: false, z: 0, e: "" }, "e"))).toEqual([["e", ""]]);
  });

  test("the holder of an array element's value is the object holding the last named segment", () => {
    const props = { rules: [{ destination: { bucket: "a", location: "oss-cn-beijing" } }] };
    const [hit] = valuesAt(props, "rules[].destination.bucket");
    expect(hit.path).toBe("rules[0].destination.bucket");
    expect(hit.holder).toBe(props.rules[0].destination);
    const [item] = valuesAt(props, "rules[]");
    expect(item.holder).toBe(props);
  });

  test("a path continues into JSON held as text, but not into plain text", () => {
    const props = {
      policy: JSON.stringify({ Statement: [{ Resource: "arn:aws:s3:::x" }] }),
      plain: "not json",
      number: "42",
    };
    expect(pathsAndValues(valuesAt(props, "policy.Statement[].Resource"))).toEqual([
      ["policy.Statement[0].Resource", "arn:aws:s3:::x"],
    ]);
    expect(valuesAt(props, "plain.Statement")).toEqual([]);
    expect(valuesAt(props, "number.Statement")).toEqual([]);
  });

  test("a list held as JSON text is expanded where the path expects a list", () => {
    const props = {
      containers: JSON.stringify([{ log: { host: "a.example" } }, { log: { host: "b.example" } }]),
      single: "[not json",
    };
    expect(pathsAndValues(valuesAt(props, "containers[].log.host"))).toEqual([
      ["containers[0].log.host", "a.example"],
      ["containers[1].log.host", "b.example"],
    ]);
    expect(pathsAndValues(valuesAt(props, "single[]"))).toEqual([["single", "[not json"]]);
  });

  test("a path continues into YAML held as text, and into YAML that YAML holds as text", () => {
    const alerts = [
      "route:",
      "  receiver: records",
      "receivers:",
      "  - name: records",
      "    sns_configs:",
      "      - topic_arn: arn:aws:sns:us-west-2:111122223333:alerts",
      "        sigv4: { region: us-west-2 }",
      "      - topic_arn: arn:aws:sns:eu-central-1:111122223333:alerts",
    ].join("\n");
    const props = {
      definition: `alertmanager_config: |\n${alerts.replace(/^/gm, "  ")}\n`,
      plugin:
        "---\nroutes:\n- name: beta # a comment\n  backend: {type: HTTP, address: 'http://b'}\n",
      flow: "{routes: [{backend: {address: http://f}}]}",
    };
    const found = valuesAt(
      props,
      "definition.alertmanager_config.receivers[].sns_configs[].topic_arn",
    );
    expect(pathsAndValues(found)).toEqual([
      [
        "definition.alertmanager_config.receivers[0].sns_configs[0].topic_arn",
        "arn:aws:sns:us-west-2:111122223333:alerts",
      ],
      [
        "definition.alertmanager_config.receivers[0].sns_configs[1].topic_arn",
        "arn:aws:sns:eu-central-1:111122223333:alerts",
      ],
    ]);
    expect(found[0].holder).toEqual({
      topic_arn: "arn:aws:sns:us-west-2:111122223333:alerts",
      sigv4: { region: "us-west-2" },
    });
    expect(
      pathsAndValues(
        valuesAt(props, "definition.alertmanager_config.receivers[].sns_configs[].sigv4.region"),
      ),
    ).toEqual([
      ["definition.alertmanager_config.receivers[0].sns_configs[0].sigv4.region", "us-west-2"],
    ]);
    expect(pathsAndValues(valuesAt(props, "plugin.routes[].backend.address"))).toEqual([
      ["plugin.routes[0].backend.address", "http://b"],
    ]);
    expect(pathsAndValues(valuesAt(props, "flow.routes[].backend.address"))).toEqual([
      ["flow.routes[0].backend.address", "http://f"],
    ]);
    // Read through the runtime's proxy, and not known at preview: unknown where it was met.
    expect(pathsAndValues(valuesAt(proxied(props), "plugin.routes[].backend.address"))).toEqual([
      ["plugin.routes[0].backend.address", "http://b"],
    ]);
    expect(
      pathsAndValues(
        valuesAt(proxied({ definition: unknownText }), "definition.alertmanager_config"),
      ),
    ).toEqual([["definition", unknown]]);
  });

  test("a list held as YAML text is expanded where the path expects a list", () => {
    const props = { hosts: "- a.example\n- b.example\n", flow: "[a.example, b.example]" };
    expect(pathsAndValues(valuesAt(props, "hosts[]"))).toEqual([
      ["hosts[0]", "a.example"],
      ["hosts[1]", "b.example"],
    ]);
    expect(pathsAndValues(valuesAt(props, "flow[]"))).toEqual([
      ["flow[0]", "a.example"],
      ["flow[1]", "b.example"],
    ]);
  });

  test("YAML's shared blocks are read as the services read them: merge keys applied", () => {
    const text = [
      "defaults: &sns",
      "  topic_arn: arn:aws:sns:eu-central-1:111122223333:alerts",
      "receivers:",
      "  - name: a",
      "    sns_configs:",
      "      - <<: *sns",
      "      - *sns",
    ].join("\n");
    expect(
      valuesAt({ text }, "text.receivers[].sns_configs[].topic_arn").map((f) => f.value),
    ).toEqual([
      "arn:aws:sns:eu-central-1:111122223333:alerts",
      "arn:aws:sns:eu-central-1:111122223333:alerts",
    ]);
  });

  test("text that holds no YAML mapping or list is a scalar the path cannot continue into", () => {
    const props = {
      arn: "arn:aws:sns:us-west-2:111122223333:alerts",
      url: "https://a.example/x?y=1",
      wildcard: "*",
      sentence: "alerts go to ops",
    };
    for (const key of Object.keys(props)) {
      expect(valuesAt(props, `${key}.routes`)).toEqual([]);
    }
    // A YAML scalar where the path continues is no document either.
    expect(valuesAt({ text: "routes" }, "text.routes")).toEqual([]);
  });

  test("text that looks like a document but neither JSON nor YAML reads is found unreadable where it was met", () => {
    const unreadable = {
      syntax: "routes: [",
      nested: "a: b: c",
      duplicate: "routes: 1\nroutes: 2\n",
      documents: "routes: 1\n---\nroutes: 2\n",
      alias: "routes: *missing\n",
    };
    for (const [key, text] of Object.entries(unreadable)) {
      expect(valuesAt(unreadable, `${key}.routes[].backend.address`)).toEqual([
        { path: key, value: text, holder: unreadable, unreadable: true },
      ]);
    }
    // Inside a document, at the step where the inner text was met.
    const nested = { definition: "alertmanager_config: 'receivers: ['\n" };
    expect(valuesAt(nested, "definition.alertmanager_config.receivers[].name")).toEqual([
      {
        path: "definition.alertmanager_config",
        value: "receivers: [",
        holder: { alertmanager_config: "receivers: [" },
        unreadable: true,
      },
    ]);
  });

  test("`*` expands the values of a map held as text, each found at its key", () => {
    const body = [
      'version: "2"',
      "entry:",
      "  sink:",
      "    - pipeline: { name: to-search }",
      "to-search:",
      "  sink:",
      "    - opensearch: { hosts: [https://search-a.us-west-2.es.amazonaws.com] }",
      "",
    ].join("\n");
    expect(valuesAt({ body }, "body.*.sink[].*").map((f) => [f.path, f.value])).toEqual([
      ["body.entry.sink[0].pipeline", { name: "to-search" }],
      [
        "body.to-search.sink[0].opensearch",
        { hosts: ["https://search-a.us-west-2.es.amazonaws.com"] },
      ],
    ]);
    // Text that neither language reads is found where `*` met it.
    expect(valuesAt({ body: "entry: [" }, "body.*.sink[]")).toEqual([
      { path: "body", value: "entry: [", holder: { body: "entry: [" }, unreadable: true },
    ]);
  });

  test("aliases past the limit make a document unreadable instead of expanding it", () => {
    const levels = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    const bomb = levels
      .map((name, i) =>
        i === 0
          ? `${name}: &${name} [lol, lol, lol, lol, lol, lol, lol, lol, lol]`
          : `${name}: &${name} [${Array(9)
              .fill(`*${levels[i - 1]}`)
              .join(", ")}]`,
      )
      .join("\n");
    const [found] = valuesAt({ bomb }, "bomb.i[]");
    expect(found).toMatchObject({ path: "bomb", unreadable: true });
  });

  test("custom tags make no objects: a tagged value stays the text it is", () => {
    expect(pathsAndValues(valuesAt({ t: "to: !Ref Topic\n" }, "t.to"))).toEqual([
      ["t.to", "Topic"],
    ]);
  });

  test("a single value where a list is expected is read as that one value", () => {
    expect(pathsAndValues(valuesAt({ single: "cn-beijing" }, "single[]"))).toEqual([
      ["single", "cn-beijing"],
    ]);
    expect(pathsAndValues(valuesAt({ rules: { to: "x" } }, "rules[].to"))).toEqual([
      ["rules.to", "x"],
    ]);
  });

  test("valueAt is the first value, `unknown`, or undefined", () => {
    expect(valueAt({ a: ["x", "y"] }, "a[]")).toBe("x");
    expect(valueAt(proxied({ a: unknownText }), "a")).toBe(unknown);
    expect(valueAt({}, "a")).toBeUndefined();
  });
});

describe("scalars", () => {
  test.each<[unknown, string | undefined]>([
    ["cn-beijing", "cn-beijing"],
    ["", undefined],
    [5, undefined],
    [undefined, undefined],
  ])("str(%j) is %j", (v, expected) => {
    expect(str(v)).toBe(expected);
  });

  test.each<[unknown, boolean]>([
    [true, true],
    ["true", true],
    ["TRUE", true],
    [false, false],
    ["false", false],
    ["yes", false],
    [1, false],
  ])("isTrue(%j) is %j", (v, expected) => {
    expect(isTrue(v)).toBe(expected);
  });

  test.each<[unknown, string[]]>([
    ["*", ["*"]],
    [
      ["a", 1, "b"],
      ["a", "b"],
    ],
    [5, []],
    [undefined, []],
  ])("stringList(%j) is %j", (v, expected) => {
    expect(stringList(v)).toEqual(expected);
  });
});

describe("jsonDocument", () => {
  test.each<[string, unknown, unknown]>([
    ["JSON text", '{"a":1}', { a: 1 }],
    ["text that is not JSON", "{not json", undefined],
    ["null", null, undefined],
    ["a number", 5, undefined],
    ["undefined", undefined, undefined],
    ["an object", { a: [1] }, { a: [1] }],
  ])("%s", (_label, v, expected) => {
    expect(jsonDocument(v)).toEqual(expected);
  });

  test("a document with an unknown anywhere inside is unknown", () => {
    expect(jsonDocument(proxied({ a: { b: [unknownText] } }))).toBe(unknown);
  });

  test("reads any text as JSON.parse does: its value, or undefined where it throws", () => {
    const parsed = (text: string) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return undefined;
      }
    };
    // Texts near JSON's edges: literals and numbers with something after them, white space JSON
    // does not allow, and JSON of every shape, as well as any string at all.
    const near = fc.oneof(
      fc.json(),
      fc.string(),
      fc
        .tuple(
          fc.constantFrom("", " ", "\t", "\n", "\u00a0", "\ufeff"),
          fc.oneof(
            fc.constantFrom(
              "true",
              "false",
              "null",
              "tru",
              "nul",
              "-",
              "01",
              "1.",
              ".5",
              "1e",
              "NaN",
            ),
            fc.double().map(String),
            fc.json(),
          ),
          fc.constantFrom("", " ", "x", "\r\n", "0", "]"),
        )
        .map(([a, b, c]) => a + b + c),
    );
    fc.assert(
      fc.property(near, (text) => {
        expect(jsonDocument(text)).toEqual(parsed(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("stringsIn", () => {
  test("finds every string with its path, through JSON text, reporting unknowns", () => {
    const props = proxied({
      name: "n",
      count: 3,
      none: null,
      policy: ` ${JSON.stringify({ Statement: [{ Resource: "arn:aws:s3:::x" }] })}`,
      list: '["a"]',
      broken: "{not json",
      later: unknownText,
      nested: { items: ["i", unknownText] },
    });
    expect(stringsIn(props).map((f) => [f.path, f.value])).toEqual([
      ["name", "n"],
      ["policy.Statement[0].Resource", "arn:aws:s3:::x"],
      ["list[0]", "a"],
      ["broken", "{not json"],
      ["later", unknown],
      ["nested.items[0]", "i"],
      ["nested.items[1]", unknown],
    ]);
  });

  test("text that is JSON but not an object or list stays text", () => {
    expect(pathsAndValues(stringsIn({ n: "42", q: '"quoted"', t: "true" }))).toEqual([
      ["n", "42"],
      ["q", '"quoted"'],
      ["t", "true"],
    ]);
  });

  test("a list of unknown length is one unknown, at the list's path", () => {
    const holder = { list: listOfUnknownLength() };
    const found = stringsIn(holder, "props");
    expect(pathsAndValues(found)).toEqual([["props.list", unknown]]);
    expect(found[0].holder).toBe(holder);
  });

  test("the holder of each string is the object or list that holds it", () => {
    const props = { a: { b: "x" }, l: ["y"] };
    const [b, y] = stringsIn(props);
    expect(b.holder).toBe(props.a);
    expect(y.holder).toBe(props.l);
  });
});

test("maps concrete paths to the paths models name", () => {
  expect(modelPath("rules[12].destinations[0].bucket")).toBe("rules[].destinations[].bucket");
});

describe("plain copies", () => {
  const sig = "4dabf18193072939515e22adb298388d";

  test.each<[string, unknown, unknown]>([
    [
      "a wire unknown of each kind",
      [
        "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
        "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
        "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
        "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
        "030794c1-ac77-496b-92df-f27374a8bd58",
        "e48ece36-62e2-4504-bad9-02848725956a",
        "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
      ],
      Array(7).fill(unknown),
    ],
    [
      "a secret, revealed",
      { [sig]: "1b47061264138c4ac30d75fd1eb44270", value: { a: "s" } },
      { a: "s" },
    ],
    [
      "a resource reference, as its URN",
      { [sig]: "5cf8f73096256a8f31e491e813e4eb8e", urn: "urn:x", id: "i" },
      "urn:x",
    ],
    [
      "an output value with a value",
      { [sig]: "d0e6a833031e9bbcd3f4e8bde6ca49a4", value: "v" },
      "v",
    ],
    ["an output value without one", { [sig]: "d0e6a833031e9bbcd3f4e8bde6ca49a4" }, unknown],
    ["an object of another signature", { [sig]: "other", a: 1 }, { [sig]: "other", a: 1 }],
    [
      "plain values",
      { s: "x", n: 1, b: false, z: null, u: undefined, l: [1, "y"] },
      { s: "x", n: 1, b: false, z: null, l: [1, "y"] },
    ],
  ])("%s", (_label, wire, plain) => {
    expect(plainValue(wire)).toStrictEqual(plain);
  });

  test("the marker stays the marker", () => {
    expect(plainValue(unknown)).toBe(unknown);
    expect((plainValue({ a: unknown }) as { a: unknown }).a).toBe(unknown);
  });

  test("a runtime proxy is read through its target, its unknowns marked", () => {
    expect(plainValue(proxied({ a: unknownText, b: [unknownText, "x"], c: { d: "e" } }))).toEqual({
      a: unknown,
      b: [unknown, "x"],
      c: { d: "e" },
    });
  });

  test("a property whose read throws is unknown, and so is an object whose target cannot be read", () => {
    const throwing = Object.defineProperty({ ok: 1 }, "bad", {
      enumerable: true,
      get: () => {
        throw new UnknownValueError(unknownText, ["bad"]);
      },
    });
    expect(plainValue(throwing)).toEqual({ ok: 1, bad: unknown });
    const unreadable = new Proxy(
      {},
      {
        get: () => {
          throw new UnknownValueError(unknownText, ["x"]);
        },
      },
    );
    expect(plainValue(unreadable)).toBe(unknown);
  });

  test("readers treat the marker in a plain copy as they treat the proxy's unknowns", () => {
    const plain = {
      destination: unknown,
      rules: [unknown, { bucket: "b" }],
      list: unknown,
      doc: { a: [unknown] },
    };
    expect(pathsAndValues(valuesAt(plain, "destination.bucket"))).toEqual([
      ["destination", unknown],
    ]);
    expect(pathsAndValues(valuesAt(plain, "rules[].bucket"))).toEqual([
      ["rules[0]", unknown],
      ["rules[1].bucket", "b"],
    ]);
    expect(pathsAndValues(valuesAt(plain, "list[].x"))).toEqual([["list", unknown]]);
    expect(jsonDocument(plain.doc)).toBe(unknown);
    expect(jsonDocument({ a: ["x"] })).toEqual({ a: ["x"] });
    expect(pathsAndValues(stringsIn(plain))).toEqual([
      ["destination", unknown],
      ["rules[0]", unknown],
      ["rules[1].bucket", "b"],
      ["list", unknown],
      ["doc.a[0]", unknown],
    ]);
    expect(isUnknown(unknown)).toBe(true);
    expect(isUnknown({ ...(unknown as object) })).toBe(false);
  });

  test.each<[unknown, boolean]>([
    [true, true],
    ["true", true],
    ["Enabled", true],
    ["enabled", true],
    ["TRUE", false],
    ["Disabled", false],
    [1, false],
  ])("isOn(%j) is %j", (v, expected) => {
    expect(isOn(v)).toBe(expected);
  });
});

describe("the resources of a stack, as plain copies", () => {
  const provider = {
    type: "pulumi:providers:aws",
    name: "p",
    urn: "urn:p",
    props: proxied({ region: "cn-north-1" }),
  };
  const base = {
    opts: { protect: false },
    dependencies: [],
    propertyDependencies: {},
  };

  test("from the policy runtime, with each provider once", () => {
    const dep = {
      ...base,
      type: "aws:s3/bucket:Bucket",
      name: "d",
      urn: "urn:d",
      props: proxied({}),
    };
    const a = {
      ...base,
      type: "aws:s3/bucket:Bucket",
      name: "a",
      urn: "urn:a",
      props: proxied({ bucket: unknownText }),
      provider,
      parent: { urn: "urn:stack" },
      dependencies: [dep],
      propertyDependencies: { bucket: [dep] },
      opts: { protect: true },
    };
    const b = {
      ...a,
      name: "b",
      urn: "urn:b",
      opts: undefined,
      dependencies: undefined,
      propertyDependencies: undefined,
      parent: undefined,
      provider: undefined,
    };
    const c = { ...a, name: "c", urn: "urn:c" };
    expect(fromPolicyResources([a, b, c, dep] as never)).toStrictEqual([
      {
        urn: "urn:p",
        type: "pulumi:providers:aws",
        name: "p",
        props: { region: "cn-north-1" },
        dependencies: [],
        propertyDependencies: {},
        protect: false,
      },
      {
        urn: "urn:a",
        type: "aws:s3/bucket:Bucket",
        name: "a",
        props: { bucket: unknown },
        provider: "urn:p",
        parent: "urn:stack",
        dependencies: ["urn:d"],
        propertyDependencies: { bucket: ["urn:d"] },
        protect: true,
      },
      {
        urn: "urn:b",
        type: "aws:s3/bucket:Bucket",
        name: "b",
        props: { bucket: unknown },
        provider: undefined,
        parent: undefined,
        dependencies: [],
        propertyDependencies: {},
        protect: false,
      },
      {
        urn: "urn:c",
        type: "aws:s3/bucket:Bucket",
        name: "c",
        props: { bucket: unknown },
        provider: "urn:p",
        parent: "urn:stack",
        dependencies: ["urn:d"],
        propertyDependencies: { bucket: ["urn:d"] },
        protect: true,
      },
      {
        urn: "urn:d",
        type: "aws:s3/bucket:Bucket",
        name: "d",
        props: {},
        provider: undefined,
        parent: undefined,
        dependencies: [],
        propertyDependencies: {},
        protect: false,
      },
    ]);
    // A provider that is itself among the resources is not added again.
    expect(
      fromPolicyResources([{ ...base, ...provider, props: provider.props }, c] as never).map(
        (r) => r.urn,
      ),
    ).toEqual(["urn:p", "urn:c"]);
  });

  test("from a recorded plan, read from the outputs; props that are not an object are empty", () => {
    const r = {
      urn: "urn:a",
      type: "aws:s3/bucket:Bucket",
      name: "a",
      parent: "urn:stack",
      provider: "urn:p",
      dependencies: ["urn:d"],
      propertyDependencies: { bucket: ["urn:d"] },
      protect: true,
      outputs: { bucket: unknownText } as Record<string, unknown>,
    };
    expect(fromPlan({ resources: [r] })).toEqual([
      {
        urn: "urn:a",
        type: "aws:s3/bucket:Bucket",
        name: "a",
        props: { bucket: unknown },
        provider: "urn:p",
        parent: "urn:stack",
        dependencies: ["urn:d"],
        propertyDependencies: { bucket: ["urn:d"] },
        protect: true,
      },
    ]);
    const odd = [["x"], unknownText, "text", null].map((outputs, i) => ({
      ...r,
      urn: `urn:${i}`,
      outputs: outputs as never,
    }));
    expect(fromPlan({ resources: odd }).map((p) => [p.urn, p.props])).toEqual([
      ["urn:0", {}],
      ["urn:1", {}],
      ["urn:2", {}],
      ["urn:3", {}],
    ]);
  });
});
