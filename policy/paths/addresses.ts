/**
 * Addresses, protocols and ports: where traffic to a block can go. Every judgement of the pack
 * that reads an address — security groups, network ACLs, NetworkPolicies and firewall rules of
 * both clouds, routes, customer gateways, ingress sources, endpoints given as IPs — asks here, so
 * the per-resource policies and the border graph cannot count an address differently.
 *
 * Three readings of the egress allowlist, because the stack declares destinations for three
 * different things:
 * - a **flow** (a rule's CIDR, protocol and ports) is permitted when it stays in private address
 *   space or an entry covers its block, protocol and every port (`reachOf`, `egressPermitted`):
 *   an allow rule on all protocols to a range the allowlist admits only for udp 500 also lets
 *   tcp/22 out;
 * - a **host** reached through the stack's own links (a DTS endpoint, a DNS forwarder) is inside
 *   when it is private or its address is allowlisted (`reachOfAddress`);
 * - a **site** at the far end of a tunnel or leased line (a customer gateway) is inside only when
 *   its address is allowlisted (`reachOfAddress` again): a private address says the site sits
 *   behind a private line, not where it is.
 */
import * as ipaddr from "ipaddr.js";
import { type HostAllowEntry, hostEntryFor } from "../../residency/hosts";
import type { EgressAllowEntry } from "../framework";
import { memoByText } from "./memo";

type Block = [ipaddr.IPv4 | ipaddr.IPv6, number];

/**
 * Blocks already read, by text. Every rule of every security group is compared with each
 * allowlist entry, and the same few texts (the allowlist's, `0.0.0.0/0`, the stack's ranges)
 * come back all the time; the blocks are only read, never changed.
 */
const blockOf = memoByText(50_000, (text) => readBlock(text.trim()));

/** A CIDR, or a bare address as a host block; undefined for anything else (unknowns included). */
export function parseCidr(text: unknown): Block | undefined {
  return typeof text === "string" ? blockOf(text) : undefined;
}

function readBlock(t: string): Block | undefined {
  try {
    if (t.includes("/")) {
      return ipaddr.parseCIDR(t) as Block;
    }
    const addr = ipaddr.parse(t);
    return [addr, addr.kind() === "ipv4" ? 32 : 128];
  } catch {
    return undefined;
  }
}

function blockWithin(inner: Block, outer: Block): boolean {
  return inner[0].kind() === outer[0].kind() && inner[1] >= outer[1] && inner[0].match(outer);
}

/** True when every address of `inner` lies in `outer` (same family; text that is no block: false). */
export function cidrWithin(inner: unknown, outer: unknown): boolean {
  const a = parseCidr(inner);
  const b = parseCidr(outer);
  return a !== undefined && b !== undefined && blockWithin(a, b);
}

/**
 * Whether blocks together hold every address of both families — `0.0.0.0/0` and `::/0`, or any
 * blocks that tile them (`0.0.0.0/1` and `128.0.0.0/1`): what a deny must shut to shut every
 * address outside the cluster. Text that is no block holds nothing.
 */
export function coversEveryAddress(blocks: Iterable<unknown>): boolean {
  const parsed = [...blocks].map(parseCidr).filter((b): b is Block => b !== undefined);
  return (["ipv4", "ipv6"] as const).every((family) => {
    const bits = family === "ipv4" ? 32 : 128;
    const spans = parsed
      .filter(([addr]) => addr.kind() === family)
      .map(([addr, prefix]) => {
        const start = addr.toByteArray().reduce((n, byte) => (n << 8n) | BigInt(byte), 0n);
        const size = 1n << BigInt(bits - prefix);
        // The block's first address, whatever host bits the text kept.
        const first = start - (start % size);
        return [first, first + size] as const;
      })
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    let reached = 0n;
    for (const [from, to] of spans) {
      if (from > reached) {
        return false;
      }
      if (to > reached) {
        reached = to;
      }
    }
    return reached === 1n << BigInt(bits);
  });
}

/** `0.0.0.0/0`, `::/0`: every address of a family. */
export function isAnywhere(cidr: unknown): boolean {
  return parseCidr(cidr)?.[1] === 0;
}

/**
 * Address space the internet does not route: RFC 1918, loopback, link-local, and IPv6
 * unique-local, link-local and loopback. Traffic to it can only follow the VPC's own links
 * (peering, VPN, leased lines, transit routers), which the network-link policies and the graph's
 * own edges check. RFC 6598 shared space (100.64.0.0/10) is not in it: it is carrier-grade NAT
 * space, where Alibaba Cloud also puts its service endpoints, so reaching it needs an allowlist
 * entry like any other destination.
 */
const privateBlocks: readonly Block[] = [
  "10.0.0.0/8",
  "172.16.0.0/12",
  "192.168.0.0/16",
  "169.254.0.0/16",
  "127.0.0.0/8",
  "fc00::/7",
  "fe80::/10",
  "::1/128",
].map((c) => ipaddr.parseCIDR(c) as Block);

const sharedBlock = ipaddr.parseCIDR("100.64.0.0/10") as Block;

/**
 * RFC 6598 shared address space (100.64.0.0/10): carrier-grade NAT, and where Alibaba Cloud puts
 * its own services. Not private (see privateBlocks), but not the public internet either: a
 * message says which.
 */
export function isSharedCidr(cidr: unknown): boolean {
  const block = parseCidr(cidr);
  return block !== undefined && blockWithin(block, sharedBlock);
}

/**
 * A host name that resolves only inside a VPC, to private addresses of the service's instance in
 * it: an ApsaraMQ for Kafka instance's default endpoint,
 * `<instance>-<broker>-vpc.alikafka.aliyuncs.com[:<port>]`. Whoever reaches it is in that VPC or a
 * network joined to it, as with a private address; the instance's internet endpoint (no `-vpc`)
 * is not one.
 */
export function isVpcOnlyHost(host: string): boolean {
  return /^[a-z0-9-]+-vpc\.alikafka\.aliyuncs\.com(?::\d+)?$/i.test(host);
}

export function isPrivateCidr(cidr: unknown): boolean {
  const block = parseCidr(cidr);
  return block !== undefined && privateBlocks.some((outer) => blockWithin(block, outer));
}

export type Protocol = "tcp" | "udp" | "icmp" | "all" | "other";

/**
 * The protocol of a rule as each API spells it: AWS `-1`/`6`/`17`/`tcp`, Alibaba `all`/`tcp`,
 * Kubernetes `TCP`/`UDP`/`SCTP`. Anything unrecognised (SCTP among them) is `other` and is
 * covered by no entry that names a protocol — an entry naming one the pack does not know (`gre`,
 * `sctp`) covers nothing, not every protocol it does not know.
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

/** Traffic a rule allows. `fromPort`/`toPort` absent means every port. */
export interface Flow {
  readonly cidr: string;
  readonly protocol: Protocol;
  readonly fromPort?: number;
  readonly toPort?: number;
  /** A protocol the pack reads as `other`, as the rule names it (`sctp`, `gre`), for messages. */
  readonly named?: string;
}

/**
 * A rule's protocol as a flow carries it: the pack's reading, and for a protocol it reads as
 * `other` the name the rule gives it, lower-cased, so a finding says `sctp`, not `other`.
 */
export function flowProtocol(p: unknown): Pick<Flow, "protocol" | "named"> {
  const protocol = normalizeProtocol(p);
  return protocol === "other" ? { protocol, named: String(p).toLowerCase() } : { protocol };
}

/** A flow's protocol for messages: its own name where the pack reads it as `other`. */
function protocolName(flow: Flow): string {
  return flow.protocol === "other" ? (flow.named ?? "other") : flow.protocol;
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

/** True when `outer` carries all of `inner`: its block, its protocol and every one of its ports. */
export function flowWithin(inner: Flow, outer: Flow): boolean {
  if (!cidrWithin(inner.cidr, outer.cidr)) {
    return false;
  }
  if (outer.protocol === "all") {
    return true;
  }
  if (inner.protocol !== outer.protocol) {
    return false;
  }
  if (outer.fromPort === undefined || outer.toPort === undefined) {
    return true;
  }
  return (
    inner.fromPort !== undefined &&
    inner.toPort !== undefined &&
    inner.fromPort >= outer.fromPort &&
    inner.toPort <= outer.toPort
  );
}

function entryCovers(entry: EgressAllowEntry, flow: Flow): boolean {
  if (!("cidr" in entry) || !cidrWithin(flow.cidr, entry.cidr)) {
    return false;
  }
  if (entry.protocol !== undefined) {
    // `all` (or `-1`) names every protocol, as no protocol does.
    const protocol = normalizeProtocol(entry.protocol);
    if (protocol === "other" || (protocol !== "all" && protocol !== flow.protocol)) {
      return false;
    }
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

/** The allowlist entry that covers the whole flow — block, protocol and ports — or undefined. */
export function allowlistEntryFor(
  allowlist: readonly EgressAllowEntry[],
  flow: Flow,
): EgressAllowEntry | undefined {
  return allowlist.find((entry) => entryCovers(entry, flow));
}

/**
 * The allowlist entry that declares `address`, whatever traffic it names: the entry whose block
 * holds every address of it, or, for a host name, the host entry that admits the name
 * (residency/hosts.ts) — a host is only ever an entry's by name, never by the addresses it may
 * resolve to.
 */
export function allowlistEntryAt(
  allowlist: readonly EgressAllowEntry[],
  address: unknown,
): EgressAllowEntry | undefined {
  if (typeof address === "string" && parseCidr(address) === undefined) {
    return allowlist.some(isHostEntry)
      ? hostEntryFor(allowlist.filter(isHostEntry), address)
      : undefined;
  }
  return allowlist.find((entry) => "cidr" in entry && cidrWithin(address, entry.cidr));
}

/** Whether an allowlist entry names a host rather than a block. */
export function isHostEntry(entry: EgressAllowEntry): entry is HostAllowEntry {
  return "host" in entry;
}

/** What traffic to a destination can reach. */
export type Reach =
  /** A destination the stack declared and justified. */
  | { readonly kind: "allowlisted"; readonly entry: EgressAllowEntry }
  /** Only private address space: networks that appear in the graph as their own edges. */
  | { readonly kind: "private" }
  /** Some of the public internet (or a value that cannot be read, which fails closed). */
  | { readonly kind: "internet" };

function reach(entry: EgressAllowEntry | undefined, address: unknown): Reach {
  return entry
    ? { kind: "allowlisted", entry }
    : { kind: isPrivateCidr(address) ? "private" : "internet" };
}

/**
 * "This network" (RFC 1122, 0.0.0.0/8) and IPv6's unspecified address: no packet is routed to
 * them — a connection to 0.0.0.0 stays on the host — so a rule whose block lies within one
 * admits no traffic out (Alibaba Cloud's network ACL example allows `0.0.0.0/32`). Read only for
 * rules: a service's own address list may give `0.0.0.0` a meaning of its own.
 */
const unroutableBlocks: readonly Block[] = ["0.0.0.0/8", "::/128"].map(
  (c) => ipaddr.parseCIDR(c) as Block,
);

/** Where a flow an allow rule admits can go: the allowlist must cover its protocol and ports. */
export function reachOf(flow: Flow, allowlist: readonly EgressAllowEntry[]): Reach {
  const block = parseCidr(flow.cidr);
  if (block !== undefined && unroutableBlocks.some((outer) => blockWithin(block, outer))) {
    return { kind: "private" };
  }
  return reach(allowlistEntryFor(allowlist, flow), flow.cidr);
}

/**
 * Whether an allow rule keeps traffic inside: its destination is private address space, or the
 * allowlist covers destination, protocol and ports.
 */
export function egressPermitted(allowlist: readonly EgressAllowEntry[], flow: Flow): boolean {
  return reachOf(flow, allowlist).kind !== "internet";
}

/**
 * Where an address is, by address alone: allowlisted first (an entry declares the place, whatever
 * traffic it names — a site's entry may admit only its tunnel, udp 500/4500), then private or the
 * internet. For a host reached through the stack's links private is inside; for a remote site it
 * means "behind a line the stack does not show", which its caller cannot place.
 */
export function reachOfAddress(address: unknown, allowlist: readonly EgressAllowEntry[]): Reach {
  return reach(allowlistEntryAt(allowlist, address), address);
}

/** `tcp 443`, `udp 53-54`, `all protocols`: a flow's protocol and ports for messages. */
export function describeFlow(flow: Flow): string {
  if (flow.protocol === "all") {
    return `${flow.cidr} (all protocols and ports)`;
  }
  if (flow.protocol === "icmp") {
    // An ICMP rule's "ports" are the message type and code (-1: every one).
    const type = flow.fromPort;
    const code = flow.toPort;
    return type === undefined || type < 0
      ? `${flow.cidr} (icmp, every type)`
      : `${flow.cidr} (icmp type ${type}${code === undefined || code < 0 ? "" : `, code ${code}`})`;
  }
  const ports =
    flow.fromPort === undefined || flow.toPort === undefined
      ? "all ports"
      : flow.fromPort === flow.toPort
        ? `port ${flow.fromPort}`
        : `ports ${flow.fromPort}-${flow.toPort}`;
  return `${flow.cidr} (${protocolName(flow)}, ${ports})`;
}

/**
 * An admitted flow as the graph's edges show it: the block alone (`0.0.0.0/0`), or, when the
 * allowlist holds the block but not this traffic, the block and the traffic that makes the
 * difference (`203.0.113.0/24, all protocols`, `203.0.113.0/24, tcp port 22`).
 */
export function admittedFlow(flow: Flow, allowlist: readonly EgressAllowEntry[]): string {
  if (allowlistEntryAt(allowlist, flow.cidr) === undefined) {
    return flow.cidr;
  }
  const traffic =
    flow.protocol === "all"
      ? "all protocols"
      : flow.fromPort === undefined || flow.toPort === undefined
        ? `every ${protocolName(flow)} port`
        : flow.fromPort === flow.toPort
          ? `${protocolName(flow)} port ${flow.fromPort}`
          : `${protocolName(flow)} ports ${flow.fromPort}-${flow.toPort}`;
  return `${flow.cidr}, ${traffic}`;
}
