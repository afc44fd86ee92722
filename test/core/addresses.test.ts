/**
 * Where an address points (policy/paths/addresses.ts): the one private list, the flows a rule
 * admits against the egress allowlist (protocol and ports included), the address-only reading of
 * hosts and remote sites, and how an admitted flow is named in the graph. Both the per-resource
 * policies and the border graph decide through these, so a wrong answer here moves verdicts in
 * both at once.
 */
import type { EgressAllowEntry } from "../../policy/framework";
import {
  admittedFlow,
  allowlistEntryAt,
  cidrWithin,
  coversEveryAddress,
  describeFlow,
  flowProtocol,
  egressPermitted,
  type Flow,
  flowWithin,
  isAnywhere,
  isPrivateCidr,
  isSharedCidr,
  normalizeProtocol,
  parseCidr,
  parsePortRange,
  portBounds,
  reachOf,
  reachOfAddress,
} from "../../policy/paths/addresses";
import { openSource } from "../../policy/paths/types/exposure-readers";
import { unknown } from "../../policy/paths/values";

const flow = (cidr: string, protocol: Flow["protocol"], from?: number, to?: number): Flow => ({
  cidr,
  protocol,
  ...(from === undefined ? {} : { fromPort: from, toPort: to ?? from }),
});

describe("blocks", () => {
  test("reads addresses and blocks with their prefix length; anything else is no block", () => {
    expect(parseCidr(" 10.0.0.1 ")?.[1]).toBe(32);
    expect(parseCidr("2001:db8::1")?.[1]).toBe(128);
    expect(parseCidr("10.0.0.0/8")?.[1]).toBe(8);
    expect(parseCidr("10.0.0.0/33")).toBeUndefined();
    expect(parseCidr("x")).toBeUndefined();
    expect(parseCidr(unknown)).toBeUndefined();
    expect(parseCidr(10)).toBeUndefined();
  });

  test.each<[unknown, boolean]>([
    ["0.0.0.0/0", true],
    ["::/0", true],
    ["0.0.0.0/1", false],
    ["0.0.0.0", false],
    ["garbage", false],
    [unknown, false],
  ])("%j is every address: %s", (text, expected) => {
    expect(isAnywhere(text)).toBe(expected);
  });

  test.each<[unknown, unknown, boolean]>([
    ["10.1.0.0/16", "10.0.0.0/8", true],
    ["10.0.0.0/8", "10.1.0.0/16", false],
    ["10.0.0.0/7", "10.0.0.0/8", false],
    ["11.0.0.0/16", "10.0.0.0/8", false],
    ["::/0", "0.0.0.0/0", false],
    ["10.0.0.1", "10.0.0.0/8", true],
    ["10.0.0.1", "garbage", false],
    ["garbage", "10.0.0.0/8", false],
    ["10.0.0.1", unknown, false],
    [unknown, "10.0.0.0/8", false],
  ])("%j within %j: %s", (inner, outer, expected) => {
    expect(cidrWithin(inner, outer)).toBe(expected);
  });

  test.each<[unknown, boolean]>([
    ["10.1.0.0/16", true],
    ["172.16.5.5", true],
    ["192.168.0.0/16", true],
    ["169.254.169.254", true],
    ["127.0.0.1", true],
    ["fd00::1", true],
    ["fe80::1", true],
    ["::1", true],
    [" 10.0.0.1 ", true],
    // RFC 6598 shared space is carrier-grade NAT, not private: it needs an allowlist entry.
    ["100.64.1.1", false],
    ["100.100.2.136/30", false],
    ["10.0.0.0/7", false],
    ["172.32.0.0/16", false],
    ["8.8.8.8", false],
    ["::ffff:10.0.0.1", false],
    ["not an address", false],
    [unknown, false],
    [undefined, false],
  ])("%j is private: %s", (text, expected) => {
    expect(isPrivateCidr(text)).toBe(expected);
  });
});

// What a deny must shut to shut every address outside the cluster (the cross-cluster bench's
// baseline deny written as /1 halves).
test.each([
  [["0.0.0.0/0", "::/0"], true],
  [["0.0.0.0/1", "128.0.0.0/1", "::/1", "8000::/1"], true],
  [["128.0.0.0/1", "0.0.0.0/1", "10.0.0.0/8", "::/0"], true],
  [["0.0.0.0/0"], false],
  [["0.0.0.0/1", "::/0"], false],
  [["0.0.0.0/1", "128.0.0.0/2", "192.0.0.0/2", "::/0"], true],
  [["0.0.0.0/1", "128.0.0.0/2", "224.0.0.0/3", "::/0"], false],
  [["0.0.0.0/0", "not a block", "::/0"], true],
  [["not a block"], false],
])("the blocks %j cover every address: %s", (blocks, covers) => {
  expect(coversEveryAddress(blocks)).toBe(covers);
});

describe("shared address space", () => {
  test.each<[unknown, boolean]>([
    ["100.64.0.0/10", true],
    ["100.69.7.112", true],
    ["100.100.2.136/30", true],
    ["100.128.0.1", false],
    ["100.63.255.255", false],
    ["100.0.0.0/8", false],
    ["10.0.0.1", false],
    ["::1", false],
    [unknown, false],
  ])("%j is shared address space: %s", (text, expected) => {
    expect(isSharedCidr(text)).toBe(expected);
  });
});

describe("a whitelist's sources, in words", () => {
  it("says shared address space is not the public internet, yet not private either", () => {
    expect(
      openSource("securityIps", "10.0.0.0/8,100.69.7.112,8.8.8.0/24", []).map((s) => s.what),
    ).toEqual([
      "admits 100.69.7.112, shared address space (100.64.0.0/10: carrier-grade NAT, and the cloud's own services) that is not in the allowlist",
      "admits 8.8.8.0/24, a public range (outside the private ranges) that is not in the allowlist",
    ]);
  });

  it("says a source that is no address is none, and fails it closed", () => {
    // An unset config value in a template string, as programs write `${office}/32`.
    expect(openSource("cidrBlocks[0]", "undefined", []).map((s) => s.what)).toEqual([
      'admits "undefined", which is neither an IP address nor a CIDR range, so what it admits cannot be decided',
    ]);
  });
});

describe("one flow inside another", () => {
  test.each<[string, Flow, Flow, boolean]>([
    [
      "a port inside a range",
      flow("10.0.0.1", "tcp", 443),
      flow("10.0.0.0/8", "tcp", 1, 1024),
      true,
    ],
    [
      "the range's own ends",
      flow("10.0.0.1", "tcp", 1, 1024),
      flow("10.0.0.0/8", "tcp", 1, 1024),
      true,
    ],
    [
      "a range past the upper end",
      flow("10.0.0.1", "tcp", 1000, 1025),
      flow("10.0.0.0/8", "tcp", 1, 1024),
      false,
    ],
    [
      "a range below the lower end",
      flow("10.0.0.1", "tcp", 21, 23),
      flow("10.0.0.0/8", "tcp", 22, 80),
      false,
    ],
    [
      "every port inside a range",
      flow("10.0.0.1", "tcp"),
      flow("10.0.0.0/8", "tcp", 1, 1024),
      false,
    ],
    ["a port inside every port", flow("10.0.0.1", "tcp", 22), flow("10.0.0.0/8", "tcp"), true],
    ["another protocol", flow("10.0.0.1", "udp", 53), flow("10.0.0.0/8", "tcp"), false],
    [
      "any protocol inside all protocols",
      flow("10.0.0.1", "udp", 53),
      flow("0.0.0.0/0", "all"),
      true,
    ],
    ["all protocols inside one", flow("10.0.0.1", "all"), flow("10.0.0.0/8", "tcp"), false],
    ["a block outside", flow("11.0.0.1", "tcp", 22), flow("10.0.0.0/8", "all"), false],
  ])("%s: %s", (_label, inner, outer, expected) => {
    expect(flowWithin(inner, outer)).toBe(expected);
  });
});

describe("where a flow goes", () => {
  const udpPlant: EgressAllowEntry = {
    cidr: "203.0.113.0/24",
    ports: [500, 4500],
    protocol: "udp",
    reason: "plant",
  };
  const lab: EgressAllowEntry = { cidr: "192.0.2.0/24", reason: "lab" };
  const mirror: EgressAllowEntry = {
    cidr: "198.18.0.0/15",
    ports: [],
    protocol: "tcp",
    reason: "mirror",
  };
  // An entry that names ports and no protocol admits those ports on any protocol, as the pack's
  // config schema allows it to be written.
  const webhooks: EgressAllowEntry = { cidr: "198.51.100.0/24", ports: [443], reason: "webhooks" };
  const allowlist = [udpPlant, lab, mirror, webhooks];

  test.each<[string, Flow, string]>([
    ["the tunnel's ports", flow("203.0.113.7", "udp", 500), "allowlisted"],
    ["all protocols to the same block", flow("203.0.113.0/24", "all"), "internet"],
    ["tcp 22 to the same block", flow("203.0.113.0/24", "tcp", 22), "internet"],
    ["a port between the two", flow("203.0.113.0/24", "udp", 501), "internet"],
    ["the range from one to the other", flow("203.0.113.0/24", "udp", 500, 4500), "internet"],
    ["two ports of which one is listed", flow("203.0.113.0/24", "udp", 4500, 4501), "internet"],
    ["every udp port", flow("203.0.113.0/24", "udp"), "internet"],
    ["a wider block on the tunnel's port", flow("203.0.112.0/23", "udp", 500), "internet"],
    ["anything to an entry without protocol or ports", flow("192.0.2.9", "all"), "allowlisted"],
    [
      "every tcp port to an entry with an empty port list",
      flow("198.18.0.1", "tcp"),
      "allowlisted",
    ],
    ["udp to an entry that names tcp", flow("198.18.0.1", "udp", 53), "internet"],
    [
      "tcp 443 to an entry with ports and no protocol",
      flow("198.51.100.9", "tcp", 443),
      "allowlisted",
    ],
    ["udp 443 to the same entry", flow("198.51.100.9", "udp", 443), "allowlisted"],
    ["tcp 22 to the same entry", flow("198.51.100.9", "tcp", 22), "internet"],
    ["every port of every protocol to the same entry", flow("198.51.100.9", "all"), "internet"],
    ["private space on every protocol", flow("10.30.0.0/16", "all"), "private"],
    ["shared space without an entry", flow("100.100.2.136/32", "udp", 53), "internet"],
    ["text that is no block", flow("pl-123", "all"), "internet"],
    // No packet is routed to "this network" or the unspecified address: the rule admits nothing.
    ["all protocols to 0.0.0.0/32", flow("0.0.0.0/32", "all"), "private"],
    ["all protocols to 0.0.0.0/8", flow("0.0.0.0/8", "all"), "private"],
    ["all protocols to ::/128", flow("::/128", "all"), "private"],
    ["all protocols to 0.0.0.0/7, which holds 1.0.0.0/8", flow("0.0.0.0/7", "all"), "internet"],
    ["all protocols to 0.0.0.0/0", flow("0.0.0.0/0", "all"), "internet"],
  ])("%s reaches %s", (_label, f, kind) => {
    expect(reachOf(f, allowlist).kind).toBe(kind);
    expect(egressPermitted(allowlist, f)).toBe(kind !== "internet");
  });

  test("names the entry that covers the flow", () => {
    expect(reachOf(flow("203.0.113.7", "udp", 4500), allowlist)).toEqual({
      kind: "allowlisted",
      entry: udpPlant,
    });
  });

  test("shared space is permitted by an entry that covers its protocol and port", () => {
    const dns: EgressAllowEntry = {
      cidr: "100.100.2.136/30",
      ports: [53],
      protocol: "udp",
      reason: "dns",
    };
    expect(egressPermitted([dns], flow("100.100.2.136/32", "udp", 53))).toBe(true);
    expect(egressPermitted([dns], flow("100.100.2.136/32", "tcp", 53))).toBe(false);
  });

  // An entry naming a protocol the pack does not know covered every flow of any protocol it did
  // not know (both read as "other"): a GRE entry let SCTP out. It covers nothing now.
  test("an entry of a protocol the pack does not know covers no flow; one of all covers every flow", () => {
    const entry = (protocol: string): EgressAllowEntry => ({
      cidr: "203.0.113.0/24",
      protocol,
      reason: "a partner's tunnel",
    });
    const sctp = { cidr: "203.0.113.5/32", protocol: normalizeProtocol("SCTP") };
    const gre = { cidr: "203.0.113.5/32", protocol: normalizeProtocol("gre") };
    expect(egressPermitted([entry("gre")], sctp)).toBe(false);
    expect(egressPermitted([entry("sctp")], sctp)).toBe(false);
    expect(egressPermitted([entry("gre")], gre)).toBe(false);
    // An entry naming no protocol, or `all`, covers every one.
    expect(egressPermitted([{ cidr: "203.0.113.0/24", reason: "a partner's tunnel" }], gre)).toBe(
      true,
    );
    const tcp = {
      cidr: "203.0.113.5/32",
      protocol: normalizeProtocol("tcp"),
      fromPort: 443,
      toPort: 443,
    };
    for (const all of ["all", "-1"]) {
      expect(egressPermitted([entry(all)], tcp)).toBe(true);
      expect(egressPermitted([entry(all)], gre)).toBe(true);
    }
  });
});

describe("protocols and ports as each API spells them", () => {
  test.each<[unknown, string]>([
    ["-1", "all"],
    ["ALL", "all"],
    ["", "all"],
    [null, "all"],
    ["6", "tcp"],
    ["Tcp", "tcp"],
    ["17", "udp"],
    ["UDP", "udp"],
    ["1", "icmp"],
    ["58", "icmp"],
    ["ICMPv6", "icmp"],
    ["gre", "other"],
  ])("protocol %j reads as %s", (p, expected) => {
    expect(normalizeProtocol(p)).toBe(expected);
  });

  test.each<[unknown, { fromPort?: number; toPort?: number }]>([
    ["22/22", { fromPort: 22, toPort: 22 }],
    [" 1/1024 ", { fromPort: 1, toPort: 1024 }],
    ["-1/-1", {}],
    ["-1/80", {}],
    ["80/-1", {}],
    ["80", {}],
    [undefined, {}],
  ])("Alibaba port range %j reads as %j", (text, expected) => {
    expect(parsePortRange(text)).toEqual(expected);
  });

  test.each<[Flow["protocol"], unknown, unknown, { fromPort?: number; toPort?: number }]>([
    ["tcp", 22, 22, { fromPort: 22, toPort: 22 }],
    ["tcp", 22, undefined, { fromPort: 22, toPort: 22 }],
    ["udp", 0, 65535, {}],
    ["udp", 1, 65535, { fromPort: 1, toPort: 65535 }],
    ["udp", 0, 65534, { fromPort: 0, toPort: 65534 }],
    ["all", 22, 22, {}],
    ["tcp", "22", 22, {}],
  ])("AWS %s ports %j-%j read as %j", (protocol, from, to, expected) => {
    expect(portBounds(protocol, from, to)).toEqual(expected);
  });

  test.each<[Flow, string]>([
    [flow("0.0.0.0/0", "all"), "0.0.0.0/0 (all protocols and ports)"],
    [flow("8.8.8.8/32", "udp", 53), "8.8.8.8/32 (udp, port 53)"],
    [flow("8.8.8.8/32", "tcp", 1, 1024), "8.8.8.8/32 (tcp, ports 1-1024)"],
    [flow("8.8.8.8/32", "tcp"), "8.8.8.8/32 (tcp, all ports)"],
    // A protocol the pack reads as "other" is named as the rule names it.
    [
      { cidr: "203.0.113.5/32", ...flowProtocol("SCTP"), fromPort: 9, toPort: 9 },
      "203.0.113.5/32 (sctp, port 9)",
    ],
    [{ cidr: "203.0.113.5/32", protocol: "other" }, "203.0.113.5/32 (other, all ports)"],
  ])("a finding names %j as %j", (f, text) => {
    expect(describeFlow(f)).toBe(text);
  });
});

describe("where an address is", () => {
  const allowlist: EgressAllowEntry[] = [
    { cidr: "198.51.100.0/24", ports: [500, 4500], protocol: "udp", reason: "partner site" },
    { cidr: "10.9.8.0/24", reason: "plant over Express Connect" },
  ];

  test.each<[unknown, string]>([
    ["198.51.100.7", "allowlisted"],
    ["198.51.100.0/24", "allowlisted"],
    // An entry naming the address is checked before the private list: it declares a site.
    ["10.9.8.7", "allowlisted"],
    ["10.1.0.0/16", "private"],
    ["fd00::1", "private"],
    ["198.51.0.0/16", "internet"],
    ["100.64.1.1", "internet"],
    ["0.0.0.0/0", "internet"],
    ["not an address", "internet"],
    [unknown, "internet"],
    [undefined, "internet"],
  ])("%j reaches %s", (text, kind) => {
    expect(reachOfAddress(text, allowlist).kind).toBe(kind);
  });

  test("names the entry by address alone, whatever traffic it names", () => {
    expect(reachOfAddress("198.51.100.7", allowlist)).toEqual({
      kind: "allowlisted",
      entry: allowlist[0],
    });
    expect(allowlistEntryAt([{ cidr: "bad", reason: "x" }, ...allowlist], "198.51.100.7/32")).toBe(
      allowlist[0],
    );
    expect(allowlistEntryAt(allowlist, "garbage")).toBeUndefined();
    expect(allowlistEntryAt([{ cidr: "::/0", reason: "v6" }], "2001:db8::1")?.reason).toBe("v6");
    expect(allowlistEntryAt([{ cidr: "::/0", reason: "v6" }], "198.51.100.1")).toBeUndefined();
  });

  test("names a host by the host entry that admits its name, never by a block", () => {
    const robots: EgressAllowEntry = { host: "*.robots.example.cn", reason: "alert robots" };
    const withHosts = [...allowlist, robots];
    expect(allowlistEntryAt(withHosts, "hooks.robots.example.cn")).toBe(robots);
    expect(allowlistEntryAt(withHosts, "hooks.example.com")).toBeUndefined();
    // A host entry admits no address, and a block admits no name.
    expect(allowlistEntryAt([robots], "198.51.100.7")).toBeUndefined();
    expect(allowlistEntryAt(allowlist, "hooks.robots.example.cn")).toBeUndefined();
  });
});

describe("an admitted flow as the graph names it", () => {
  const allowlist: EgressAllowEntry[] = [
    { cidr: "203.0.113.0/24", ports: [500, 4500], protocol: "udp", reason: "plant" },
  ];

  test.each<[Flow, string]>([
    [flow("0.0.0.0/0", "all"), "0.0.0.0/0"],
    [flow("8.8.8.0/24", "tcp", 443), "8.8.8.0/24"],
    [flow("203.0.113.0/24", "all"), "203.0.113.0/24, all protocols"],
    [flow("203.0.113.9", "tcp", 22), "203.0.113.9, tcp port 22"],
    [flow("203.0.113.9", "udp", 1, 1024), "203.0.113.9, udp ports 1-1024"],
    [flow("203.0.113.9", "udp"), "203.0.113.9, every udp port"],
  ])("%j reads %j", (f, text) => {
    expect(admittedFlow(f, allowlist)).toBe(text);
  });
});
