/**
 * Where an address or block points: into private address space (which only the stack's own
 * networks, peerings and tunnels can carry, all of them edges of the graph), into a destination
 * the stack declared and justified, or onto the public internet, which leaves every border.
 */
import * as ipaddr from "ipaddr.js";
import type { EgressAllowEntry } from "../framework";

type Block = [ipaddr.IPv4 | ipaddr.IPv6, number];

/**
 * Blocks the public internet does not route: RFC 1918 and RFC 6598 shared space (Alibaba Cloud's
 * service endpoints live in 100.64.0.0/10), loopback, link-local, and the IPv6 unique-local and
 * link-local ranges.
 */
const nonInternet: readonly string[] = [
  "10.0.0.0/8",
  "172.16.0.0/12",
  "192.168.0.0/16",
  "100.64.0.0/10",
  "127.0.0.0/8",
  "169.254.0.0/16",
  "fc00::/7",
  "fe80::/10",
  "::1/128",
];
const nonInternetBlocks = nonInternet.map((c) => ipaddr.parseCIDR(c) as Block);

/** A CIDR block or a single address as a block; undefined when the text is neither. */
export function parseBlock(text: string): Block | undefined {
  const t = text.trim();
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

function within(inner: Block, outer: Block): boolean {
  if (inner[0].kind() !== outer[0].kind()) {
    return false;
  }
  return inner[1] >= outer[1] && inner[0].match(outer as never);
}

/** The allowlist entry that covers the whole block, if any. */
export function allowlisted(
  text: string,
  allowlist: readonly EgressAllowEntry[],
): EgressAllowEntry | undefined {
  const block = parseBlock(text);
  if (!block) {
    return undefined;
  }
  return allowlist.find((e) => {
    const outer = parseBlock(e.cidr);
    return outer !== undefined && within(block, outer);
  });
}

/** What traffic to a destination block can reach. */
export type Reach =
  /** Only private address space: networks that appear in the graph as their own edges. */
  | { readonly kind: "private" }
  /** A destination the stack declared and justified. */
  | { readonly kind: "allowlisted"; readonly entry: EgressAllowEntry }
  /** Some of the public internet (or a value that cannot be read, which fails closed). */
  | { readonly kind: "internet" };

export function reachOf(text: unknown, allowlist: readonly EgressAllowEntry[]): Reach {
  if (typeof text !== "string") {
    return { kind: "internet" };
  }
  const block = parseBlock(text);
  if (!block) {
    return { kind: "internet" };
  }
  if (nonInternetBlocks.some((outer) => within(block, outer))) {
    return { kind: "private" };
  }
  const entry = allowlisted(text, allowlist);
  return entry ? { kind: "allowlisted", entry } : { kind: "internet" };
}

/** True when the block covers the whole address space of its family (0.0.0.0/0, ::/0). */
export function coversEverything(text: unknown): boolean {
  if (typeof text !== "string") {
    return false;
  }
  const block = parseBlock(text);
  return block !== undefined && block[1] === 0;
}

/** True when `outer` contains every address of `inner` (both as text). */
export function blockContains(outer: unknown, inner: unknown): boolean {
  if (typeof outer !== "string" || typeof inner !== "string") {
    return false;
  }
  const o = parseBlock(outer);
  const i = parseBlock(inner);
  return o !== undefined && i !== undefined && within(i, o);
}
