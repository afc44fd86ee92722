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

/**
 * ENS area scheduling. An ENS instance is created on a node it names (`scheduleAreaLevel`
 * `Region`, its `ensRegionId`), or on whichever node of an area ENS picks (`Big`, a region of
 * several provinces; `Middle`, a province; `Small`, a city), the area named by `netDistrictCode`
 * and `ensRegionId` ignored. ENS's area codes (DescribeEnsNetDistrict) hang the regions of several
 * provinces (`100101` north-east … `100106` south-west) under one root, `100000`, and name
 * provinces and cities by their administrative division codes (GB/T 2260: `350000` Fujian, whose
 * cities are `35xx00`), whose first two digits are the province. A province or city is placed by
 * that province's country (Taiwan, Hong Kong and Macao have codes of their own, `71`, `81` and
 * `82`). A region of several provinces is not placed: no source here says which provinces, or
 * which places beside them, each holds, so the node ENS picks there cannot be checked.
 */
export const ensAreaLevels: Readonly<Record<string, string>> = {
  Big: "a region of several provinces",
  Middle: "a province",
  Small: "a city",
};

/**
 * The province-level divisions of GB/T 2260 (provinces, municipalities, autonomous regions, Hong
 * Kong, Macao and Taiwan) by the first two digits of their codes, with their countries.
 */
const provinces: Readonly<Record<string, readonly [name: string, country: string]>> = {
  "11": ["Beijing", "CN"],
  "12": ["Tianjin", "CN"],
  "13": ["Hebei", "CN"],
  "14": ["Shanxi", "CN"],
  "15": ["Inner Mongolia", "CN"],
  "21": ["Liaoning", "CN"],
  "22": ["Jilin", "CN"],
  "23": ["Heilongjiang", "CN"],
  "31": ["Shanghai", "CN"],
  "32": ["Jiangsu", "CN"],
  "33": ["Zhejiang", "CN"],
  "34": ["Anhui", "CN"],
  "35": ["Fujian", "CN"],
  "36": ["Jiangxi", "CN"],
  "37": ["Shandong", "CN"],
  "41": ["Henan", "CN"],
  "42": ["Hubei", "CN"],
  "43": ["Hunan", "CN"],
  "44": ["Guangdong", "CN"],
  "45": ["Guangxi", "CN"],
  "46": ["Hainan", "CN"],
  "50": ["Chongqing", "CN"],
  "51": ["Sichuan", "CN"],
  "52": ["Guizhou", "CN"],
  "53": ["Yunnan", "CN"],
  "54": ["Tibet", "CN"],
  "61": ["Shaanxi", "CN"],
  "62": ["Gansu", "CN"],
  "63": ["Qinghai", "CN"],
  "64": ["Ningxia", "CN"],
  "65": ["Xinjiang", "CN"],
  "71": ["Taiwan", "TW"],
  "81": ["Hong Kong", "HK"],
  "82": ["Macao", "MO"],
};

/**
 * An area ENS schedules in, placed: its level (`Middle` or `Small`), its code, the province it
 * lies in, and that one's country.
 */
export interface EnsArea {
  readonly level: string;
  readonly code: string;
  readonly province: string;
  readonly country: string;
}

/**
 * The area a `Middle` (province) or `Small` (city) level's code names, or why it cannot be placed:
 * the level is a region of several provinces, or the code is no province's or city's.
 */
export function ensAreaOf(level: string, code: string): EnsArea | { readonly unplaced: string } {
  if (level === "Big") {
    return {
      unplaced: `${ensAreaLevels.Big}, which the pack cannot place in a country`,
    };
  }
  const shape = level === "Middle" ? /^(\d{2})0000$/ : /^(\d{2})\d{2}00$/;
  const m = shape.exec(code.trim());
  const province = m ? provinces[m[1]] : undefined;
  if (province === undefined) {
    return {
      unplaced: `not the code of ${ensAreaLevels[level]} (an administrative division code, GB/T 2260, such as ${level === "Middle" ? "350000" : "350100"}), so its country cannot be checked`,
    };
  }
  return { level, code: code.trim(), province: province[0], country: province[1] };
}

/** Whether some province or city ENS schedules in lies inside `j` (its fix may name one). */
export function ensAreasInside(j: Jurisdiction): boolean {
  return Object.values(provinces).some(([, country]) => holdsCountry(j, country));
}

/** `"350100" (a city of Fujian, CN: outside US)`, `"810000" (Hong Kong, HK: outside CN)`. */
export function describeEnsArea(j: Jurisdiction, area: EnsArea): string {
  const what = area.level === "Middle" ? area.province : `a city of ${area.province}`;
  const side = holdsCountry(j, area.country) ? "inside" : "outside";
  return `${JSON.stringify(area.code)} (${what}, ${area.country}: ${side} ${j.id})`;
}
