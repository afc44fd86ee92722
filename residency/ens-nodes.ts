/**
 * Alibaba Cloud ENS (Edge Node Service) nodes: the edge sites an ENS instance, disk, network,
 * EIP, load balancer or snapshot — and a PolarDB zonal cluster on the edge — is created in, named
 * by its `ensRegionId`. A node stands in a city of its own, often in another country than the
 * provider's region: the provider's own examples create networks in `tr-Istanbul-1` (Türkiye) and
 * `sg-singapore-9` (Singapore) from a provider of any region. So a resource on a node is placed by
 * the node's country, never by its provider.
 *
 * A node ID is `<country>-<city>-<site>`, the country its ISO 3166-1 alpha-2 code, lowercase or
 * not: `cn-shanghai-telecom`, `cn-chenzhou-telecom_unicom_cmcc`, `cn-hangzhou-44`, `th-bangkok-3`,
 * `tr-Istanbul-1` (DescribeEnsRegions lists the account's nodes). Mainland nodes carry `cn`, as
 * Alibaba Cloud's region IDs do, and so does Hong Kong's (`cn-hongkong`): a `cn` node of Hong Kong,
 * Macao or Taiwan is placed by that place's own code. A value that names no country by that
 * scheme cannot be placed, and fails closed.
 */
import { isCountryCode } from "./countries";
import { holdsCountry, type Jurisdiction } from "./jurisdictions";

/** An ENS node as its ID names it: the city and the ISO 3166-1 alpha-2 code of its country. */
export interface EnsNode {
  readonly id: string;
  readonly city: string;
  readonly country: string;
}

/** The properties that hold an ENS node ID (the resource's own node, or the nodes of a list). */
export const ensNodePath = /(^|\.)ensRegionIds?(\[\d*\])?$/;

/**
 * Places Alibaba Cloud names with `cn` and the city, as its region IDs do (`cn-hongkong`), that lie
 * outside the mainland, by the code of each.
 */
const cnCities: Readonly<Record<string, readonly [city: string, country: string]>> = {
  hongkong: ["Hong Kong", "HK"],
  macau: ["Macao", "MO"],
  macao: ["Macao", "MO"],
  taipei: ["Taipei", "TW"],
  taiwan: ["Taiwan", "TW"],
};

const nodeShape = /^([a-z]{2})-([a-z]+)(?:-[a-z0-9_]+)*$/i;

/** The node an ENS node ID names, or undefined when it names no country by the IDs' scheme. */
export function ensNodeOf(value: string): EnsNode | undefined {
  const m = nodeShape.exec(value.trim());
  if (!m) {
    return undefined;
  }
  const prefix = m[1].toUpperCase();
  const word = m[2].toLowerCase();
  const [city, country] = (prefix === "CN" ? cnCities[word] : undefined) ?? [
    word.charAt(0).toUpperCase() + word.slice(1),
    // "uk" is the United Kingdom's code in common use; ISO 3166-1 gives it GB.
    prefix === "UK" ? "GB" : prefix,
  ];
  return isCountryCode(country) ? { id: value, city, country } : undefined;
}

/** Whether the node's country lies inside `j`: the country itself, or a member of the union. */
export function ensNodeInJurisdiction(j: Jurisdiction, node: EnsNode): boolean {
  return holdsCountry(j, node.country);
}

/** `th-bangkok-3 (an Alibaba Cloud ENS edge node in Bangkok, TH: outside CN)`. */
export function describeEnsNode(j: Jurisdiction, node: EnsNode): string {
  const where = `an Alibaba Cloud ENS edge node in ${node.city}, ${node.country}`;
  return `${node.id} (${where}: ${ensNodeInJurisdiction(j, node) ? "inside" : "outside"} ${j.id})`;
}

/** How a finding names a value `ensNodeOf` cannot read. */
export const unreadEnsNode =
  "not an ENS node ID of the form <country>-<city>-<site>, so its country cannot be checked";
