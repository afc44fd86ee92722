/**
 * The readers of egress rules (policy/paths/rules.ts) in the test process: each destination a
 * security group, network ACL, Cloud Firewall policy or prefix list lets traffic go to or drops,
 * with its rule's protocol and ports, or `unknown` when a value it depends on is not known at
 * preview. egress-rules judges these flows against the allowlist and the border analysis reads
 * them as the gates of a network, so a misread rule moves both verdicts. The readers are built
 * here as the egress table (policy/paths/types/gates.ts) builds them.
 */
import {
  alicloudRules,
  anyRule,
  awsRules,
  firewallRules,
  is,
  prefixListEntries,
  type RuleFlow,
} from "../../policy/paths/rules";
import { plainValue, unknown } from "../../policy/paths/values";
import { proxied, unknownText } from "./support";

/** The flows with each holder as plain JSON (a value not known at preview as `unknown`). */
function read(
  reader: (props: Record<string, unknown>) => RuleFlow[],
  props: Record<string, unknown>,
): RuleFlow[] {
  return reader(proxied(props)).map((f) => ({ ...f, holder: plainValue(f.holder) }));
}

describe("AWS rules: CIDR lists with protocol, fromPort and toPort on the rule", () => {
  // A security group's inline egress rules: every rule allows.
  // Each reader is built when a test reads, as the egress table builds it: a mutant of a reader's
  // construction (a default argument) is switched on only while a test runs.
  const group = (props: Record<string, unknown>) =>
    awsRules(["egress[].cidrBlocks[]", "egress[].ipv6CidrBlocks[]"], "protocol", anyRule)(props);
  // A network ACL's entries: only `allow` entries admit traffic.
  const acl = (props: Record<string, unknown>) =>
    awsRules(
      ["egress[].cidrBlock", "egress[].ipv6CidrBlock"],
      "protocol",
      is("action", "allow"),
    )(props);

  test("reads every block of every rule, IPv4 paths before IPv6, with its rule's traffic", () => {
    const https = {
      protocol: "tcp",
      fromPort: 443,
      toPort: 443,
      cidrBlocks: ["0.0.0.0/0", "10.0.0.0/8"],
      ipv6CidrBlocks: ["::/0"],
    };
    const dns = { protocol: "udp", fromPort: 53, toPort: 54, cidrBlocks: ["192.0.2.0/24"] };
    expect(read(group, { egress: [https, dns] })).toEqual([
      {
        path: "egress[0].cidrBlocks[0]",
        allow: true,
        holder: https,
        flow: { cidr: "0.0.0.0/0", protocol: "tcp", fromPort: 443, toPort: 443 },
      },
      {
        path: "egress[0].cidrBlocks[1]",
        allow: true,
        holder: https,
        flow: { cidr: "10.0.0.0/8", protocol: "tcp", fromPort: 443, toPort: 443 },
      },
      {
        path: "egress[1].cidrBlocks[0]",
        allow: true,
        holder: dns,
        flow: { cidr: "192.0.2.0/24", protocol: "udp", fromPort: 53, toPort: 54 },
      },
      {
        path: "egress[0].ipv6CidrBlocks[0]",
        allow: true,
        holder: https,
        flow: { cidr: "::/0", protocol: "tcp", fromPort: 443, toPort: 443 },
      },
    ]);
  });

  test.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    [
      "`-1` is every protocol and port",
      { protocol: "-1", fromPort: 0, toPort: 0 },
      { protocol: "all" },
    ],
    [
      "protocol number 6 is tcp",
      { protocol: "6", fromPort: 22, toPort: 22 },
      {
        protocol: "tcp",
        fromPort: 22,
        toPort: 22,
      },
    ],
    ["0-65535 is every port", { protocol: "tcp", fromPort: 0, toPort: 65535 }, { protocol: "tcp" }],
    [
      "1-65535 is a range",
      { protocol: "tcp", fromPort: 1, toPort: 65535 },
      {
        protocol: "tcp",
        fromPort: 1,
        toPort: 65535,
      },
    ],
    [
      "a missing toPort is fromPort",
      { protocol: "udp", fromPort: 123 },
      {
        protocol: "udp",
        fromPort: 123,
        toPort: 123,
      },
    ],
    ["no ports is every port", { protocol: "tcp" }, { protocol: "tcp" }],
    ["no protocol is every protocol", { fromPort: 22, toPort: 22 }, { protocol: "all" }],
    [
      "a protocol no allowlist names, named as the rule names it",
      { protocol: "sctp", fromPort: 9, toPort: 9 },
      {
        protocol: "other",
        named: "sctp",
        fromPort: 9,
        toPort: 9,
      },
    ],
  ])("%s", (_label, traffic, expected) => {
    const rule = { ...traffic, cidrBlocks: ["203.0.113.0/24"] };
    expect(read(group, { egress: [rule] })).toEqual([
      {
        path: "egress[0].cidrBlocks[0]",
        allow: true,
        holder: rule,
        flow: { cidr: "203.0.113.0/24", ...expected },
      },
    ]);
  });

  test.each<[string, Record<string, unknown>, string]>([
    ["a block", { cidrBlocks: ["10.0.0.0/8", unknownText] }, "egress[0].cidrBlocks[1]"],
    ["the list of blocks", { cidrBlocks: unknownText }, "egress[0].cidrBlocks"],
    ["the protocol", { protocol: unknownText }, "egress[0].cidrBlocks[0]"],
    ["fromPort", { fromPort: unknownText }, "egress[0].cidrBlocks[0]"],
    ["toPort", { toPort: unknownText }, "egress[0].cidrBlocks[0]"],
  ])("%s not known at preview makes the destination unknown", (_label, change, path) => {
    const rule = {
      protocol: "tcp",
      fromPort: 443,
      toPort: 443,
      cidrBlocks: ["0.0.0.0/0"],
      ...change,
    };
    const flows = read(group, { egress: [rule] });
    // The known block of the first case is still read; the unknown one is the last.
    expect(flows[flows.length - 1]).toEqual({
      path,
      allow: true,
      holder: plainValue(rule),
      unknown: true,
    });
    expect(flows).toHaveLength(Array.isArray(change.cidrBlocks) ? 2 : 1);
  });

  test("the passing twin of each unknown: the same rule known is one flow", () => {
    const rule = { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] };
    expect(read(group, { egress: [rule] })).toEqual([
      {
        path: "egress[0].cidrBlocks[0]",
        allow: true,
        holder: rule,
        flow: { cidr: "0.0.0.0/0", protocol: "tcp", fromPort: 443, toPort: 443 },
      },
    ]);
  });

  test("a rule list not known at preview is one unknown destination per path", () => {
    const holder = { egress: unknown };
    expect(read(group, { egress: unknownText })).toEqual([
      { path: "egress", allow: true, holder, unknown: true },
      { path: "egress", allow: true, holder, unknown: true },
    ]);
  });

  // An ACL whose entries are computed (built from another resource's outputs) has no entry to
  // read an action from: the reader asks the resource itself for `action`, finds none and calls
  // the unknown a deny, which egress-rules skips and the border gate reads as sealing (the
  // implicit deny of an AWS ACL). Undecidable should surface as an allow, as `is` says.
  test("an ACL entry list not known at preview is one unknown destination per path", () => {
    const flows = read(acl, { egress: unknownText }).map(({ allow: _allow, ...rest }) => rest);
    expect(flows).toEqual([
      { path: "egress", holder: { egress: unknown }, unknown: true },
      { path: "egress", holder: { egress: unknown }, unknown: true },
    ]);
  });
  test("an ACL entry list not known at preview is an unknown allow, not a deny", () => {
    const holder = { egress: unknown };
    expect(read(acl, { egress: unknownText })).toEqual([
      { path: "egress", allow: true, holder, unknown: true },
      { path: "egress", allow: true, holder, unknown: true },
    ]);
  });

  test("no rules, or rules without blocks, are no destinations", () => {
    expect(read(group, {})).toEqual([]);
    expect(read(group, { egress: [] })).toEqual([]);
    expect(read(group, { egress: [{ protocol: "-1", fromPort: 0, toPort: 0 }] })).toEqual([]);
  });

  test.each<[string, unknown, boolean]>([
    ["allow", "allow", true],
    ["allow in capitals", "ALLOW", true],
    ["deny", "deny", false],
    ["no action", undefined, false],
    ["an action not known at preview", unknownText, true],
  ])("an ACL entry whose action is %s allows: %s", (_label, action, allow) => {
    const entry = {
      ...(action === undefined ? {} : { action }),
      protocol: "-1",
      fromPort: 0,
      toPort: 0,
      cidrBlock: "0.0.0.0/0",
    };
    expect(read(acl, { egress: [entry] })).toEqual([
      {
        path: "egress[0].cidrBlock",
        allow,
        holder: plainValue(entry),
        flow: { cidr: "0.0.0.0/0", protocol: "all" },
      },
    ]);
  });
});

describe("Alibaba Cloud rules: one CIDR with a protocol and a from/to port range", () => {
  const rule = (props: Record<string, unknown>) =>
    alicloudRules(
      ["cidrIp", "ipv6CidrIp"],
      "ipProtocol",
      "portRange",
      is("policy", "accept", true),
    )(props);

  test.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    [
      "a port",
      { ipProtocol: "tcp", portRange: "443/443" },
      {
        protocol: "tcp",
        fromPort: 443,
        toPort: 443,
      },
    ],
    [
      "a range",
      { ipProtocol: "udp", portRange: "53/60" },
      {
        protocol: "udp",
        fromPort: 53,
        toPort: 60,
      },
    ],
    ["-1/-1, every port", { ipProtocol: "tcp", portRange: "-1/-1" }, { protocol: "tcp" }],
    ["no range, every port", { ipProtocol: "tcp" }, { protocol: "tcp" }],
    [
      "a range that is not one, every port",
      { ipProtocol: "tcp", portRange: "443" },
      {
        protocol: "tcp",
      },
    ],
    [
      "all protocols, whatever the range says",
      { ipProtocol: "all", portRange: "22/22" },
      {
        protocol: "all",
      },
    ],
    ["icmp", { ipProtocol: "icmp", portRange: "-1/-1" }, { protocol: "icmp" }],
  ])("%s", (_label, traffic, expected) => {
    const props = { ...traffic, cidrIp: "0.0.0.0/0" };
    expect(read(rule, props)).toEqual([
      { path: "cidrIp", allow: true, holder: props, flow: { cidr: "0.0.0.0/0", ...expected } },
    ]);
  });

  test("reads the IPv6 block after the IPv4 one", () => {
    const props = {
      ipProtocol: "tcp",
      portRange: "22/22",
      cidrIp: "10.0.0.0/8",
      ipv6CidrIp: "::/0",
    };
    expect(read(rule, props)).toEqual([
      {
        path: "cidrIp",
        allow: true,
        holder: props,
        flow: { cidr: "10.0.0.0/8", protocol: "tcp", fromPort: 22, toPort: 22 },
      },
      {
        path: "ipv6CidrIp",
        allow: true,
        holder: props,
        flow: { cidr: "::/0", protocol: "tcp", fromPort: 22, toPort: 22 },
      },
    ]);
  });

  test.each<[string, Record<string, unknown>]>([
    ["the block", { cidrIp: unknownText }],
    ["the protocol", { ipProtocol: unknownText }],
    ["the port range", { portRange: unknownText }],
  ])("%s not known at preview makes the destination unknown", (_label, change) => {
    const props = { ipProtocol: "tcp", portRange: "443/443", cidrIp: "0.0.0.0/0", ...change };
    expect(read(rule, props)).toEqual([
      { path: "cidrIp", allow: true, holder: plainValue(props), unknown: true },
    ]);
  });

  test.each<[string, unknown, boolean]>([
    ["accept", "accept", true],
    ["Accept", "Accept", true],
    ["drop", "drop", false],
    ["absent (the provider's default, accept)", undefined, true],
    ["not known at preview", unknownText, true],
  ])("a rule whose policy is %s allows: %s", (_label, policy, allow) => {
    const props = {
      ...(policy === undefined ? {} : { policy }),
      ipProtocol: "all",
      portRange: "-1/-1",
      cidrIp: "0.0.0.0/0",
    };
    expect(read(rule, props)).toEqual([
      {
        path: "cidrIp",
        allow,
        holder: plainValue(props),
        flow: { cidr: "0.0.0.0/0", protocol: "all" },
      },
    ]);
  });
});

describe("a rule's setting compared with a value", () => {
  test.each<[string, unknown, string | boolean, boolean, boolean]>([
    ["equal text", "egress", "egress", false, true],
    ["text in capitals", "Egress", "egress", false, true],
    ["other text", "ingress", "egress", false, false],
    ["true against true", true, true, false, true],
    ['"true" against true', "true", true, false, true],
    ["false against true", false, true, false, false],
    ["absent, read as no", undefined, "egress", false, false],
    ["absent, read as yes", undefined, "accept", true, true],
    ["not known at preview, read as an allow", unknownText, "egress", false, true],
    ["not known at preview even where absent is no", unknownText, true, false, true],
  ])("%s: %s", (_label, value, expected, absent, result) => {
    const holder = proxied(value === undefined ? {} : { key: value });
    expect(is("key", expected, absent)(holder)).toBe(result);
  });

  test("a security-group rule has no action: every rule allows", () => {
    expect(anyRule()).toBe(true);
  });
});

describe("Cloud Firewall outbound policies", () => {
  const accept = {
    direction: "out",
    aclAction: "accept",
    destination: "203.0.113.0/24",
    destinationType: "net",
    proto: "TCP",
    destPort: "443/443",
  };

  test.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    [
      "a net with a port",
      {},
      { cidr: "203.0.113.0/24", protocol: "tcp", fromPort: 443, toPort: 443 },
    ],
    [
      "a net with a range",
      { proto: "UDP", destPort: "53/60" },
      {
        cidr: "203.0.113.0/24",
        protocol: "udp",
        fromPort: 53,
        toPort: 60,
      },
    ],
    ["every port", { destPort: "-1/-1" }, { cidr: "203.0.113.0/24", protocol: "tcp" }],
    ["no port", { destPort: undefined }, { cidr: "203.0.113.0/24", protocol: "tcp" }],
    [
      "ANY protocol, whatever the port",
      { proto: "ANY", destPort: "80/80" },
      {
        cidr: "203.0.113.0/24",
        protocol: "all",
      },
    ],
    ["no protocol, any", { proto: undefined }, { cidr: "203.0.113.0/24", protocol: "all" }],
    ["ICMP", { proto: "ICMP", destPort: undefined }, { cidr: "203.0.113.0/24", protocol: "icmp" }],
    // A domain, an address book or a location cannot be placed: judged as reaching everywhere.
    [
      "a domain",
      { destinationType: "domain", destination: "api.example.com" },
      {
        cidr: "0.0.0.0/0",
        protocol: "tcp",
        fromPort: 443,
        toPort: 443,
      },
    ],
    [
      "an address book",
      { destinationType: "group", destination: "partners" },
      {
        cidr: "0.0.0.0/0",
        protocol: "tcp",
        fromPort: 443,
        toPort: 443,
      },
    ],
    [
      "a location",
      { destinationType: "location", destination: '["CN"]' },
      {
        cidr: "0.0.0.0/0",
        protocol: "tcp",
        fromPort: 443,
        toPort: 443,
      },
    ],
  ])("an outbound accept of %s", (_label, change, flow) => {
    const props = Object.fromEntries(
      Object.entries({ ...accept, ...change }).filter(([, v]) => v !== undefined),
    );
    expect(read(firewallRules, props)).toEqual([
      { path: "destination", allow: true, holder: props, flow },
    ]);
  });

  test.each<[string, Record<string, unknown>]>([
    ["inbound", { direction: "in" }],
    ["a drop", { aclAction: "drop" }],
    ["a log rule", { aclAction: "log" }],
    ["no direction", { direction: undefined }],
    ["no action", { aclAction: undefined }],
  ])("%s lets nothing out: no destination", (_label, change) => {
    const props = Object.fromEntries(
      Object.entries({ ...accept, ...change }).filter(([, v]) => v !== undefined),
    );
    expect(read(firewallRules, props)).toEqual([]);
  });

  test.each(["direction", "aclAction", "destination", "destinationType", "proto", "destPort"])(
    "%s not known at preview is one unknown destination, even on an inbound or drop rule",
    (key) => {
      for (const base of [
        accept,
        { ...accept, direction: "in" },
        { ...accept, aclAction: "drop" },
      ]) {
        const props = { ...base, [key]: unknownText };
        expect(read(firewallRules, props)).toEqual([
          { path: "destination", allow: true, holder: plainValue(props), unknown: true },
        ]);
      }
    },
  );
});

describe("prefix lists: an entry holding every address turns the rules using it into allow-all", () => {
  test("reads the entries that hold every address, IPv4 or IPv6, and the unknown ones", () => {
    const props = {
      entries: [
        { cidr: "0.0.0.0/0" },
        { cidr: "10.0.0.0/8" },
        { cidr: "::/0" },
        { cidr: unknownText },
        { cidr: "0.0.0.0/1" },
        { description: "no block" },
      ],
    };
    expect(read(prefixListEntries("entries[].cidr"), props)).toEqual([
      {
        path: "entries[0].cidr",
        allow: true,
        holder: { cidr: "0.0.0.0/0" },
        flow: { cidr: "0.0.0.0/0", protocol: "all" },
      },
      {
        path: "entries[2].cidr",
        allow: true,
        holder: { cidr: "::/0" },
        flow: { cidr: "::/0", protocol: "all" },
      },
      { path: "entries[3].cidr", allow: true, holder: { cidr: unknown }, unknown: true },
    ]);
  });

  test("a list of entries not known at preview is one unknown destination", () => {
    expect(read(prefixListEntries("entries[].cidr"), { entries: unknownText })).toEqual([
      { path: "entries", allow: true, holder: { entries: unknown }, unknown: true },
    ]);
  });

  test.each<[string, unknown, boolean]>([
    ["every address", "0.0.0.0/0", true],
    ["a private block", "10.0.0.0/8", false],
    ["a number", 0, false],
  ])("one entry resource holding %s is allow-all: %s", (_label, cidr, anywhere) => {
    const props = { cidr, prefixListId: "pl-1" };
    expect(read(prefixListEntries("cidr"), props)).toEqual(
      anywhere
        ? [{ path: "cidr", allow: true, holder: props, flow: { cidr, protocol: "all" } }]
        : [],
    );
  });
});
