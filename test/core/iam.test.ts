/**
 * Who a resource grants access to (policy/paths/iam.ts), as both models read bucket, key and
 * access-point policies and bucket ACLs: the statements of a policy, AWS's meaning of a public
 * statement (an Allow for everyone that no condition binds to fixed networks, addresses or
 * accounts), the networks a Deny pins access to, and the canned ACLs and grantees that open a
 * bucket. A grant read as not public when it is lets the border analysis miss a path to the
 * internet and public-exposure pass a bucket anyone can read.
 */
import {
  isPublic,
  isPublicGrantee,
  mayBePublicDocument,
  networkPins,
  publicAcls,
  statements,
} from "../../policy/paths/iam";
import { unknown } from "../../policy/paths/values";

/** One statement: Allow for everyone under one condition entry. */
function allowEveryone(operator: string, key: string, value: unknown) {
  return {
    Statement: [{ Effect: "Allow", Principal: "*", Condition: { [operator]: { [key]: value } } }],
  };
}

const publicUnder = (operator: string, key: string, value: unknown): boolean =>
  statements(allowEveryone(operator, key, value)).some(isPublic);

describe("statements", () => {
  test("reads effect, whether the principal is everyone, and every condition entry with its values as a list", () => {
    const doc = {
      Statement: [
        {
          Effect: "Deny",
          Principal: ["*"],
          Condition: {
            StringNotEquals: { "acs:SourceVpc": ["vpc-1", "vpc-2"] },
            Bool: { "acs:SecureTransport": "false" },
          },
        },
        { Effect: "Allow", Principal: { AWS: "arn:aws:iam::1:root" } },
      ],
    };
    const expected = [
      {
        index: 0,
        effect: "Deny",
        everyone: true,
        allBut: false,
        conditions: [
          { operator: "StringNotEquals", key: "acs:SourceVpc", values: ["vpc-1", "vpc-2"] },
          { operator: "Bool", key: "acs:SecureTransport", values: ["false"] },
        ],
      },
      { index: 1, effect: "Allow", everyone: false, allBut: false, conditions: [] },
    ];
    expect(statements(doc)).toEqual(expected);
    expect(statements(JSON.stringify(doc))).toEqual(expected);
  });

  test("a single statement object is statement 0", () => {
    expect(statements({ Statement: { Effect: "Allow", Principal: "*" } })).toEqual([
      { index: 0, effect: "Allow", everyone: true, allBut: false, conditions: [] },
    ]);
  });

  test("entries that are not statements are skipped and the others keep their index", () => {
    expect(
      statements({ Statement: [null, "text", { Effect: 1, Principal: "*" }] }).map((s) => [
        s.index,
        s.effect,
      ]),
    ).toEqual([[2, undefined]]);
  });

  test.each<[string, unknown]>([
    ["text that is not JSON", "{not json"],
    ["a number", 5],
    ["null", null],
    ["a value not known at preview", unknown],
    ["JSON text of a number", "5"],
    ["a document without statements", { Version: "2012-10-17" }],
  ])("%s has no statements", (_label, doc) => {
    expect(statements(doc)).toEqual([]);
  });

  test.each<[string, unknown, boolean]>([
    ['"*"', "*", true],
    ['["*"]', ["*"], true],
    ["an account and *", ["arn:aws:iam::1:root", "*"], true],
    ['{ AWS: "*" }', { AWS: "*" }, true],
    ['{ AWS: ["*"] }', { AWS: ["*"] }, true],
    ["* nested deeper", { AWS: { any: ["*"] } }, true],
    ["a service and everyone", { Service: "logging.s3.amazonaws.com", AWS: "*" }, true],
    ["one account", { AWS: "arn:aws:iam::1:root" }, false],
    ["a service", { Service: "logging.s3.amazonaws.com" }, false],
    ["an account pattern", "arn:aws:iam::*:root", false],
    ["no principal", undefined, false],
    ["null", null, false],
    ["a principal not known at preview", unknown, false],
  ])("Principal %s names everyone: %s", (_label, principal, everyone) => {
    expect(statements({ Statement: [{ Effect: "Allow", Principal: principal }] })[0]).toEqual({
      index: 0,
      effect: "Allow",
      everyone,
      allBut: false,
      conditions: [],
    });
  });

  test("a statement that names NotPrincipal applies to everyone but those it names", () => {
    expect(
      statements({ Statement: { Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::1:root" } } }),
    ).toEqual([{ index: 0, effect: "Allow", everyone: false, allBut: true, conditions: [] }]);
  });

  test.each<[string, unknown]>([
    ["null", null],
    ["text", "StringEquals"],
    ["not known at preview", unknown],
    ["an operator whose block is text", { StringEquals: "aws:SourceVpce" }],
    ["an operator whose block is not known", { StringEquals: unknown }],
    ["an operator whose block is null", { StringEquals: null }],
  ])("a Condition that is %s has no entries", (_label, condition) => {
    expect(
      statements({ Statement: [{ Effect: "Allow", Condition: condition }] })[0]?.conditions,
    ).toEqual([]);
  });

  test("a condition value not known at preview stays in the entry as the marker", () => {
    expect(
      statements(allowEveryone("StringEquals", "aws:SourceVpce", [unknown]))[0]?.conditions,
    ).toEqual([{ operator: "StringEquals", key: "aws:SourceVpce", values: [unknown] }]);
  });
});

describe("isPublic", () => {
  test("an Allow for everyone without a condition is public", () => {
    expect(statements({ Statement: { Effect: "Allow", Principal: "*" } }).map(isPublic)).toEqual([
      true,
    ]);
  });

  // AWS: an Allow with NotPrincipal allows every principal but those named, anonymous users too.
  test("an Allow for everyone but the principals NotPrincipal names is public", () => {
    const statement = { Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::1:root" } };
    expect(statements({ Statement: [statement] }).map(isPublic)).toEqual([true]);
  });

  test.each<[string, object]>([
    ["a Deny", { Effect: "Deny", Principal: "*" }],
    ["an effect in other letter case", { Effect: "allow", Principal: "*" }],
    ["no effect", { Principal: "*" }],
    ["an Allow for one account", { Effect: "Allow", Principal: { AWS: "arn:aws:iam::1:root" } }],
    ["a Deny of everyone but one account", { Effect: "Deny", NotPrincipal: { AWS: "1" } }],
    [
      "an Allow of everyone but one account, bound to a VPC endpoint",
      {
        Effect: "Allow",
        NotPrincipal: { AWS: "1" },
        Condition: { StringEquals: { "aws:SourceVpce": "vpce-1" } },
      },
    ],
  ])("%s is not public", (_label, statement) => {
    expect(statements({ Statement: [statement] }).map(isPublic)).toEqual([false]);
  });

  test.each([
    "aws:SourceIp",
    "aws:SourceArn",
    "aws:SourceVpc",
    "aws:SourceVpce",
    "aws:SourceOwner",
    "aws:SourceAccount",
    "s3:x-amz-server-side-encryption-aws-kms-key-id",
    "aws:userid",
    "aws:PrincipalOrgID",
    "aws:PrincipalAccount",
    "aws:ResourceAccount",
    "kms:CallerAccount",
    "acs:SourceIp",
    "acs:SourceVpc",
    "acs:SourceVpcId",
  ])("StringEquals %s with a fixed value binds", (key) => {
    const value = /sourceip$/i.test(key) ? "203.0.113.0/24" : "id-1";
    expect(publicUnder("StringEquals", key, value)).toBe(false);
    expect(publicUnder("StringEquals", key.toUpperCase(), value)).toBe(false);
  });

  // The subscription statement the AWS console writes for a queue: anyone may subscribe, but
  // only that queue. Found by checking the AWS provider's own examples.
  test("an SNS endpoint condition binds when it names ARNs only, which arn-locality places", () => {
    const queue = "arn:aws:sqs:us-west-2:111122223333:orders";
    expect(publicUnder("StringLike", "SNS:Endpoint", queue)).toBe(false);
    expect(publicUnder("StringEquals", "sns:endpoint", queue)).toBe(false);
    expect(publicUnder("StringLike", "SNS:Endpoint", "arn:aws:sqs:*:*:orders")).toBe(true);
    expect(publicUnder("StringEquals", "SNS:Endpoint", "https://hooks.example.com/sns")).toBe(true);
    expect(publicUnder("StringEquals", "SNS:Endpoint", "ops@example.com")).toBe(true);
    expect(publicUnder("StringNotEquals", "SNS:Endpoint", queue)).toBe(true);
  });

  test.each([
    "aws:SecureTransport",
    "aws:Referer",
    "aws:UserAgent",
    "s3:prefix",
    "aws:PrincipalIsAWSService",
    "acs:SourceVpcs",
  ])("a condition on %s binds nobody", (key) => {
    expect(publicUnder("StringEquals", key, "x")).toBe(true);
  });

  test.each([
    "StringEquals",
    "StringEqualsIgnoreCase",
    "StringLike",
    "ArnEquals",
    "ArnLike",
    "IpAddress",
    "ForAnyValue:StringEquals",
    "ForAnyValue:StringLike",
  ])("%s binds", (operator) => {
    const key = operator.endsWith("IpAddress") ? "aws:SourceIp" : "aws:SourceArn";
    const value = key === "aws:SourceIp" ? "10.0.0.0/8" : "arn:aws:cloudfront::1:distribution/E1";
    expect(publicUnder(operator, key, value)).toBe(false);
  });

  test.each([
    "StringNotEquals",
    "StringNotEqualsIgnoreCase",
    "StringNotLike",
    "ArnNotEquals",
    "ArnNotLike",
    "NotIpAddress",
    "StringEqualsIfExists",
    "ArnLikeIfExists",
    "IpAddressIfExists",
    "ForAllValues:StringEquals",
    "ForAllValues:StringLike",
    "Null",
    "Bool",
    "stringequals",
  ])("%s binds nobody", (operator) => {
    const key = /IpAddress/.test(operator) ? "aws:SourceIp" : "aws:SourceVpce";
    const value = key === "aws:SourceIp" ? "10.0.0.0/8" : "vpce-1";
    expect(publicUnder(operator, key, value)).toBe(true);
  });

  test.each<[string, unknown, boolean]>([
    ["one fixed value", "vpce-1", false],
    ["two fixed values", ["vpce-1", "vpce-2"], false],
    ["a number", 111122223333, false],
    ["*", "*", true],
    ["a pattern with *", "vpce-*", true],
    ["a pattern with ?", "vpce-?", true],
    ["one fixed value and one pattern", ["vpce-1", "vpce-*"], true],
    ["no value", [], true],
    ["true", true, true],
    ["null", null, true],
    ["an object", { id: "vpce-1" }, true],
    ["not a finite number", Number.NaN, true],
    ["a value not known at preview", unknown, true],
  ])("StringEquals aws:SourceVpce %s: public %s", (_label, value, expected) => {
    expect(publicUnder("StringEquals", "aws:SourceVpce", value)).toBe(expected);
  });

  test.each<[string, string, unknown, boolean]>([
    ["aws:SourceIp", "one range", "203.0.113.0/24", false],
    ["aws:SourceIp", "one host", "203.0.113.7", false],
    ["aws:SourceIp", "half the addresses", "0.0.0.0/1", false],
    ["aws:SourceIp", "every IPv4 address", "0.0.0.0/0", true],
    ["aws:SourceIp", "every IPv6 address", "::/0", true],
    ["aws:SourceIp", "one range and every address", ["10.0.0.0/8", "0.0.0.0/0"], true],
    ["aws:SourceIp", "text that is no address", "office", true],
    ["aws:SourceIp", "a number", 167772160, true],
    ["acs:SourceIp", "one host", "198.51.100.7", false],
    ["acs:SourceIp", "every IPv4 address", "0.0.0.0/0", true],
    ["aws:SourceVpce", "an address-like ID", "0.0.0.0/0", false],
  ])("IpAddress %s %s: public %s", (key, _label, value, expected) => {
    expect(publicUnder("IpAddress", key, value)).toBe(expected);
  });

  test("one binding entry among others keeps the statement from being public", () => {
    const doc = {
      Statement: {
        Effect: "Allow",
        Principal: "*",
        Condition: {
          Bool: { "aws:SecureTransport": "true" },
          StringLike: { "aws:SourceVpce": "*", "aws:SourceAccount": "111122223333" },
        },
      },
    };
    expect(statements(doc).map(isPublic)).toEqual([false]);
  });
});

describe("networkPins", () => {
  const deny = (condition: object) => ({ Effect: "Deny", Principal: "*", Condition: condition });

  test("collects the VPCs and endpoints of every Deny, once each, as text", () => {
    const doc = {
      Statement: [
        deny({ StringNotEquals: { "aws:SourceVpce": "vpce-1", "aws:SourceVpc": ["vpc-1"] } }),
        deny({ StringNotEquals: { "acs:SourceVpc": ["vpc-2", "vpc-1"] } }),
        deny({ StringNotEquals: { "AWS:SOURCEVPCE": ["vpce-1", 7] } }),
        deny({
          Bool: { "aws:SecureTransport": "false" },
          StringNotEquals: { "aws:SourceIp": "1" },
        }),
      ],
    };
    expect(networkPins(statements(doc))).toEqual({
      vpcs: ["vpc-1", "vpc-2"],
      endpoints: ["vpce-1", "7"],
    });
  });

  test("an Allow naming a network pins nothing", () => {
    const doc = {
      Statement: [
        {
          Effect: "Allow",
          Principal: "*",
          Condition: { StringEquals: { "aws:SourceVpce": "vpce-1", "aws:SourceVpc": "vpc-1" } },
        },
      ],
    };
    expect(networkPins(statements(doc))).toEqual({ vpcs: [], endpoints: [] });
  });

  test("keys that only resemble a network key pin nothing", () => {
    const doc = {
      Statement: [
        deny({ StringNotEquals: { "aws:SourceVpces": "x", "aws:SourceVpceOwner": "y" } }),
      ],
    };
    expect(networkPins(statements(doc))).toEqual({ vpcs: [], endpoints: [] });
  });
});

describe("public ACLs and grantees", () => {
  test("the canned ACLs that let everyone or every account read", () => {
    expect(publicAcls).toEqual(["public-read", "public-read-write", "authenticated-read"]);
  });

  test.each<[unknown, boolean]>([
    ["http://acs.amazonaws.com/groups/global/AllUsers", true],
    ["http://acs.amazonaws.com/groups/global/AuthenticatedUsers", true],
    ["HTTP://ACS.AMAZONAWS.COM/GROUPS/GLOBAL/ALLUSERS", true],
    ["http://acs.amazonaws.com/groups/s3/LogDelivery", false],
    ["AllUsers", false],
    ["http://acs.amazonaws.com/groups/global/AllUsers/", false],
    [undefined, false],
    [unknown, false],
  ])("grantee %s is public: %s", (uri, expected) => {
    expect(isPublicGrantee(uri)).toBe(expected);
  });
});

describe("mayBePublicDocument: whether a document holding values not known at preview may allow everyone", () => {
  const reader = "arn:aws:iam::111122223333:role/reader";
  const allow = (statement: Record<string, unknown>) => ({
    Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: unknown, ...statement }],
  });
  test.each<[string, unknown, boolean]>([
    ["a document not known at preview", unknown, true],
    ["a statement list not known at preview", { Statement: unknown }, true],
    ["a statement not known at preview", { Statement: [unknown] }, true],
    ["a principal not known at preview", allow({ Principal: unknown }), true],
    ['Principal "*" beside an unknown resource', allow({ Principal: "*" }), true],
    ["an AWS principal not known at preview", allow({ Principal: { AWS: unknown } }), true],
    ['an AWS principal "*" beside an unknown resource', allow({ Principal: { AWS: "*" } }), true],
    [
      "an AWS list with one principal not known at preview",
      allow({ Principal: { AWS: [reader, unknown] } }),
      true,
    ],
    [
      "another key beside an AWS principal not known at preview",
      allow({ Principal: { Service: "cloudfront.amazonaws.com", AWS: unknown } }),
      true,
    ],
    ["NotPrincipal, whatever it lists", allow({ NotPrincipal: { AWS: reader } }), true],
    [
      "an unknown Effect on a public principal",
      { Statement: [{ Effect: unknown, Principal: "*", Action: "s3:GetObject" }] },
      true,
    ],
    [
      "one statement of two may be public",
      {
        Statement: [
          { Effect: "Deny", Principal: "*", Action: "s3:*", Resource: unknown },
          { Effect: "Allow", Principal: unknown, Action: "s3:GetObject" },
        ],
      },
      true,
    ],
    // Never public, whatever the unknown turns out to be.
    [
      "a known AWS principal beside an unknown resource",
      allow({ Principal: { AWS: reader } }),
      false,
    ],
    [
      "an unknown canonical user (an origin access identity's)",
      allow({ Principal: { CanonicalUser: unknown } }),
      false,
    ],
    ["a principal written as one ARN", allow({ Principal: reader }), false],
    [
      "a Deny with an unknown principal",
      { Statement: [{ Effect: "Deny", Principal: unknown, Action: "s3:*" }] },
      false,
    ],
    [
      "an unknown principal bound to a known source VPC",
      allow({
        Principal: unknown,
        Condition: { StringEquals: { "aws:SourceVpc": "vpc-0a1b2c3d" } },
      }),
      false,
    ],
    ["a document that is a string", "not a policy", false],
  ])("%s", (_name, doc, expected) => {
    expect(mayBePublicDocument(doc)).toBe(expected);
  });
});
