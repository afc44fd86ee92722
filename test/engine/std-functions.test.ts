/**
 * The std provider's functions offline (engine/invokes/std.ts): computed as its plugin computes
 * them (pulumi/pulumi-std, Go) where the answer is certain to be the plugin's, and unknown
 * otherwise — never an answer of the engine's own making. The expected values are Go's.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { answerInvoke, type InvokeContext, unknownMark } from "../../engine/invokes/index";
import { unknownValue } from "../../engine/wire";
import { cliMany, type CliRun } from "../helpers/cli";

const ctx: InvokeContext = { providerProps: {}, config: {} };

function answer(fn: string, args: Record<string, unknown>): unknown {
  const a = answerInvoke(`std:index:${fn}`, args, ctx);
  return a.known ? a.result.result : "(unknown)";
}

describe("std functions the engine computes as the plugin does", () => {
  it.each<[string, Record<string, unknown>, unknown]>([
    [
      "format",
      { input: "acs:log:%s:%s:project/%s", args: ["cn-shanghai", "12", "p"] },
      "acs:log:cn-shanghai:12:project/p",
    ],
    // Whole numbers arrive as float64 and are formatted as int64: %d and %v alike.
    ["format", { input: "%d-%v-%v-%t-100%%", args: [8, 3, "x", true] }, "8-3-x-true-100%"],
    ["format", { input: "no verbs" }, "no verbs"],
    ["join", { input: ["a", "b", "c"], separator: "-" }, "a-b-c"],
    ["join", { input: ["a", "b"] }, "ab"],
    ["split", { text: "a,,b", separator: "," }, ["a", "", "b"]],
    ["split", { text: "", separator: "," }, [""]],
    ["replace", { text: "a-b-c", search: "-", replace: "_" }, "a_b_c"],
    ["substr", { input: "hello world", offset: 1, length: 3 }, "ell"],
    ["substr", { input: "hello", offset: -3, length: -1 }, "llo"],
    ["substr", { input: "hello", offset: 5, length: 2 }, ""],
    ["substr", { input: "hello", offset: 9, length: 2 }, ""],
    ["substr", { input: "hello", offset: 0, length: 0 }, ""],
    ["concat", { input: [["a"], [1, "b"], []] }, ["a", 1, "b"]],
    ["lookup", { map: { cn: "cn-shanghai", us: "us-west-2" }, key: "cn" }, "cn-shanghai"],
    ["lookup", { map: {}, key: "cn", default: "cn-beijing" }, "cn-beijing"],
    ["map", { args: ["a", 1, "b", "x", "a", 2] }, { a: 2, b: "x" }],
    ["merge", { input: [{ a: 1, b: 2 }, { b: 3 }] }, { a: 1, b: 3 }],
    ["parseint", { input: "-42" }, -42],
    ["parseint", { input: "FF", base: 16 }, 255],
    ["cidrsubnet", { input: "10.40.0.0/16", newbits: 8, netnum: 1 }, "10.40.1.0/24"],
    // The address is masked to its network first, as Go's ParseCIDR does.
    ["cidrsubnet", { input: "172.16.5.9/12", newbits: 4, netnum: 15 }, "172.31.0.0/16"],
    ["cidrsubnet", { input: "10.0.0.0/8", newbits: 0, netnum: 0 }, "10.0.0.0/8"],
    ["cidrhost", { input: "10.40.1.0/24", host: 5 }, "10.40.1.5"],
    ["cidrhost", { input: "10.40.1.0/24", host: -1 }, "10.40.1.255"],
    ["base64encode", { input: "héllo" }, "aMOpbGxv"],
    ["jsondecode", { input: '{"a":[1,2],"b":"c"}' }, { a: [1, 2], b: "c" }],
    // Text that is not a JSON object comes back as it is.
    ["jsondecode", { input: "[1,2]" }, "[1,2]"],
    ["jsondecode", { input: "not json" }, "not json"],
  ])("%s(%j) is %j", (fn, args, expected) => {
    expect(answer(fn, args)).toEqual(expected);
  });

  it("reads a file from the program's directory, and leaves a missing one unknown", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-std-"));
    const cwd = process.cwd();
    try {
      fs.writeFileSync(path.join(dir, "policy.json"), '{"Version":"1"}\n');
      process.chdir(dir);
      expect(answer("file", { input: "policy.json" })).toBe('{"Version":"1"}\n');
      expect(answer("filebase64", { input: "./policy.json" })).toBe("eyJWZXJzaW9uIjoiMSJ9Cg==");
      expect(answer("file", { input: "missing.json" })).toBe("(unknown)");
      // Bytes that are not UTF-8 reach the program as Go's string of them: not decoded here.
      fs.writeFileSync(path.join(dir, "blob"), Buffer.from([0xff, 0xfe]));
      expect(answer("file", { input: "blob" })).toBe("(unknown)");
      expect(answer("filebase64", { input: "blob" })).toBe("//4=");
    } finally {
      process.chdir(cwd);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("std functions left unknown, where Go's answer is Go's own", () => {
  it.each<[string, Record<string, unknown>]>([
    // Go writes `%!s(int64=5)`, a float by %g, `%!s(MISSING)`, `%!(EXTRA …)`, padding, JSON.
    ["format", { input: "%s", args: [5] }],
    ["format", { input: "%v", args: [1.5] }],
    ["format", { input: "%s-%s", args: ["a"] }],
    ["format", { input: "%s", args: ["a", "b"] }],
    ["format", { input: "%5s", args: ["a"] }],
    ["format", { input: "%[1]s", args: ["a"] }],
    ["format", { input: "%v", args: [{ a: 1 }] }],
    ["format", { input: "%q", args: ["a"] }],
    // An RE2 expression; an empty search or separator works on UTF-8, not on UTF-16 units.
    ["replace", { text: "a1", search: "/[0-9]/", replace: "x" }],
    ["replace", { text: "ab", search: "", replace: "-" }],
    ["split", { text: "ab", separator: "" }],
    // Graphemes beyond printable ASCII; an empty text with a negative offset (the plugin loops).
    ["substr", { input: "héllo", offset: 1, length: 2 }],
    ["substr", { input: "", offset: -1, length: 1 }],
    ["join", { input: ["a", 1], separator: "-" }],
    // A missing key without a default fails the program under the plugin.
    ["lookup", { map: { a: "b" }, key: "c" }],
    // Invalid or IPv6 prefixes, a leading zero Go refuses, a number the extension cannot hold.
    ["cidrsubnet", { input: "10.0.0.0/33", newbits: 1, netnum: 0 }],
    ["cidrsubnet", { input: "010.0.0.0/8", newbits: 8, netnum: 1 }],
    ["cidrsubnet", { input: "fd00::/48", newbits: 16, netnum: 1 }],
    ["cidrsubnet", { input: "10.0.0.0/8", newbits: 2, netnum: 4 }],
    ["cidrsubnet", { input: "10.0.0.0/30", newbits: 3, netnum: 0 }],
    ["cidrhost", { input: "10.40.1.0/24", host: 256 }],
    ["cidrhost", { input: "10.40.1.0/24", host: -257 }],
    ["jsondecode", { input: "null" }],
    // An odd count or a key that is not text; digits of another base, a prefix, a base Go refuses.
    ["map", { args: ["a", 1, "b"] }],
    ["map", { args: [1, "a"] }],
    ["merge", { input: [{ a: 1 }, ["b"]] }],
    ["parseint", { input: "12", base: 2 }],
    ["parseint", { input: "0x1f" }],
    ["parseint", { input: "z", base: 62 }],
    ["parseint", { input: "" }],
  ])("%s(%j)", (fn, args) => {
    expect(answer(fn, args)).toBe("(unknown)");
  });

  it("leaves an answer unknown whose arguments are not known offline", () => {
    expect(answer("join", { input: ["a", unknownValue], separator: "-" })).toBe("(unknown)");
    expect(answer("format", { input: "%s", args: [unknownMark] })).toBe("(unknown)");
    expect(answerInvoke("std:index:timestamp", {}, ctx)).toEqual({ known: false });
  });
});

describe("sovereign-dc check on a program written with std functions", () => {
  let home: CliRun;
  let abroad: CliRun;

  beforeAll(async () => {
    const check = (stack: string) => ({
      args: [
        "check",
        path.join("test", "fixtures", "std-functions", "trail.ts"),
        "--stack",
        stack,
        "--format",
        "json",
      ],
    });
    [home, abroad] = await cliMany([check("cn"), check("abroad")]);
  }, 120_000);

  it("seals a trail whose log project ARN format() writes in the stack's region", () => {
    expect({ code: home.code, stderr: home.stderr }).toEqual({ code: 0, stderr: "" });
    const doc = JSON.parse(home.stdout) as { violations: unknown[]; unknownFunctions: string[] };
    expect(doc.violations).toEqual([]);
    expect(doc.unknownFunctions).toEqual([]);
  });

  it("fails the same trail when the ARN it writes names a region abroad", () => {
    expect(abroad.code).toBe(1);
    const doc = JSON.parse(abroad.stdout) as {
      violations: { level: string; policy: string; resourceName: string; path: string[] }[];
    };
    expect(doc.violations.map((v) => [v.level, v.policy, v.resourceName, v.path])).toEqual([
      [
        "mandatory",
        "log-shipping",
        "audit",
        [
          "cn-shanghai (inside CN)",
          'actiontrail trail "audit"',
          "acs:log:ap-southeast-1:1234567890123456:project/audit-ap-southeast-1 (outside CN, in SG)",
        ],
      ],
    ]);
  });
});
