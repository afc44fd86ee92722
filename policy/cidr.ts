/**
 * Address arithmetic of the egress policies: CIDR containment, the private address space, and
 * whether the stack's egress allowlist covers a flow (destination, protocol, ports).
 *
 * Pure functions over strings and numbers, so security groups, network ACLs, Kubernetes
 * NetworkPolicies and firewall rules of both clouds are judged by one implementation.
 */
import * as ipaddr from "ipaddr.js";
import type { EgressAllowEntry } from "./framework";

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** A CIDR (or a bare address, as a host route), or undefined when the text is not one. */
export function parseCidr(text: string): [Address, number] | undefined {
  const t = text.trim();
  try {
    if (t.includes("/")) {
      return ipaddr.parseCIDR(t);
    }
    const addr = ipaddr.parse(t);
    return [addr, addr.kind() === "ipv4" ? 32 : 128];
  } catch {
    return undefined;
  }
}

/** True when every address of `inner` lies in `outer` (same family). */
export function cidrWithin(inner: string, outer: string): boolean {
  const a = parseCidr(inner);
  const b = parseCidr(outer);
  if (!a || !b || a[0].kind() !== b[0].kind()) {
    return false;
  }
  return a[1] >= b[1] && a[0].match(b[0] as never, b[1]);
}

/** `0.0.0.0/0`, `::/0`: every address of a family. */
export function isAnywhere(cidr: string): boolean {
  const c = parseCidr(cidr);
  return c !== undefined && c[1] === 0;
}

/**
 * Address space that is not routed on the internet: RFC 1918, IPv6 unique-local, link-local and
 * loopback. Traffic to it can only follow the VPC's own links (peering, VPN, leased lines,
 * transit routers), which the network-link policies check, so it is not internet egress.
 */
const privateBlocks = [
  "10.0.0.0/8",
  "172.16.0.0/12",
  "192.168.0.0/16",
  "169.254.0.0/16",
  "127.0.0.0/8",
  "fc00::/7",
  "fe80::/10",
  "::1/128",
];

export function isPrivateCidr(cidr: string): boolean {
  return privateBlocks.some((block) => cidrWithin(cidr, block));
}

export type Protocol = "tcp" | "udp" | "icmp" | "all" | "other";

/**
 * The protocol of a rule as each API spells it: AWS `-1`/`6`/`17`/`tcp`, Alibaba `all`/`tcp`,
 * Kubernetes `TCP`/`UDP`/`SCTP`. Anything unrecognised is `other` and is covered by no entry
 * that names a protocol.
 */
export function normalizeProtocol(p: unknown): Protocol {
  const v = String(p ?? "all").toLowerCase();
  switch (v) {
    case "-1":
    case "all":
    case "":
      return "all";
    case "6":
    case "tcp":
      return "tcp";
    case "17":
    case "udp":
      return "udp";
    case "1":
    case "58":
    case "icmp":
    case "icmpv6":
      return "icmp";
    default:
      return "other";
  }
}

/** A flow an egress rule allows. `fromPort`/`toPort` absent means every port. */
export interface Flow {
  readonly cidr: string;
  readonly protocol: Protocol;
  readonly fromPort?: number;
  readonly toPort?: number;
}

/**
 * Alibaba's `from/to` port ranges (`443/443`, `-1/-1` for every port); undefined means every
 * port, which is also the answer for text that is not a range.
 */
export function parsePortRange(text: unknown): { fromPort?: number; toPort?: number } {
  const m = /^(-?\d+)\/(-?\d+)$/.exec(String(text ?? "").trim());
  if (!m) {
    return {};
  }
  const from = Number(m[1]);
  const to = Number(m[2]);
  return from < 0 || to < 0 ? {} : { fromPort: from, toPort: to };
}

/** AWS-style numeric port bounds; protocol "all" or missing bounds mean every port. */
export function portBounds(
  protocol: Protocol,
  from: unknown,
  to: unknown,
): { fromPort?: number; toPort?: number } {
  if (protocol === "all" || typeof from !== "number") {
    return {};
  }
  const toPort = typeof to === "number" ? to : from;
  if (from <= 0 && toPort >= 65535) {
    return {};
  }
  return { fromPort: from, toPort };
}

function entryCovers(entry: EgressAllowEntry, flow: Flow): boolean {
  if (typeof entry.cidr !== "string" || !cidrWithin(flow.cidr, entry.cidr)) {
    return false;
  }
  if (entry.protocol !== undefined && normalizeProtocol(entry.protocol) !== flow.protocol) {
    return false;
  }
  if (entry.ports === undefined || entry.ports.length === 0) {
    return true;
  }
  if (flow.fromPort === undefined || flow.toPort === undefined) {
    return false;
  }
  const allowed = new Set(entry.ports);
  if (flow.toPort - flow.fromPort + 1 > allowed.size) {
    return false;
  }
  for (let port = flow.fromPort; port <= flow.toPort; port++) {
    if (!allowed.has(port)) {
      return false;
    }
  }
  return true;
}

/** The allowlist entry that covers the whole flow, or undefined. */
export function allowlistEntryFor(
  allowlist: readonly EgressAllowEntry[],
  flow: Flow,
): EgressAllowEntry | undefined {
  return allowlist.find((entry) => entryCovers(entry, flow));
}

/**
 * Whether an allow rule keeps traffic inside: its destination is private address space, or the
 * allowlist covers destination, protocol and ports.
 */
export function egressPermitted(allowlist: readonly EgressAllowEntry[], flow: Flow): boolean {
  return isPrivateCidr(flow.cidr) || allowlistEntryFor(allowlist, flow) !== undefined;
}

/** `tcp 443`, `udp 53-54`, `all protocols`: a flow's protocol and ports for messages. */
export function describeFlow(flow: Flow): string {
  if (flow.protocol === "all") {
    return `${flow.cidr} (all protocols and ports)`;
  }
  const ports =
    flow.fromPort === undefined || flow.toPort === undefined
      ? "all ports"
      : flow.fromPort === flow.toPort
        ? `port ${flow.fromPort}`
        : `ports ${flow.fromPort}-${flow.toPort}`;
  return `${flow.cidr} (${flow.protocol}, ${ports})`;
}
