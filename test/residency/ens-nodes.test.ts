/**
 * Alibaba Cloud ENS nodes (residency/ens-nodes.ts): an edge node is placed by the country its ID
 * begins with, `cn` nodes of Hong Kong, Macao and Taiwan by their own, and an ID that names no
 * country cannot be placed.
 */
import {
  describeEnsNode,
  type EnsNode,
  ensNodeInJurisdiction,
  ensNodeOf,
  ensNodePath,
} from "../../residency/ens-nodes";
import { getJurisdiction } from "../../residency/jurisdictions";

describe("reading a node ID", () => {
  test.each<[string, Pick<EnsNode, "city" | "country"> | undefined]>([
    ["cn-shanghai-telecom", { city: "Shanghai", country: "CN" }],
    ["cn-chenzhou-telecom_unicom_cmcc", { city: "Chenzhou", country: "CN" }],
    ["cn-hangzhou-44", { city: "Hangzhou", country: "CN" }],
    ["th-bangkok-3", { city: "Bangkok", country: "TH" }],
    ["tr-Istanbul-1", { city: "Istanbul", country: "TR" }],
    ["sg-singapore-9", { city: "Singapore", country: "SG" }],
    ["cn-hongkong-2", { city: "Hong Kong", country: "HK" }],
    ["cn-macau-1", { city: "Macao", country: "MO" }],
    ["uk-london-1", { city: "London", country: "GB" }],
    // Names no country: the prefix is no country's code, or there is no city.
    ["ap-southeast-1", undefined],
    ["xx-nowhere-1", undefined],
    ["edge-1", undefined],
    ["cn", undefined],
    ["th-bangkok-", undefined],
    ["", undefined],
  ])("%s", (id, expected) => {
    const node = ensNodeOf(id);
    expect(node && { city: node.city, country: node.country }).toEqual(expected);
  });
});

test("a node is inside the jurisdiction of its country, or of the union its country is in", () => {
  const node = (id: string) => ensNodeOf(id) as EnsNode;
  expect(ensNodeInJurisdiction(getJurisdiction("CN"), node("cn-shanghai-telecom"))).toBe(true);
  expect(ensNodeInJurisdiction(getJurisdiction("CN"), node("cn-hongkong-2"))).toBe(false);
  expect(ensNodeInJurisdiction(getJurisdiction("HK"), node("cn-hongkong-2"))).toBe(true);
  expect(ensNodeInJurisdiction(getJurisdiction("EU"), node("de-frankfurt-1"))).toBe(true);
  expect(ensNodeInJurisdiction(getJurisdiction("EU"), node("tr-Istanbul-1"))).toBe(false);
  expect(describeEnsNode(getJurisdiction("CN"), node("th-bangkok-3"))).toBe(
    "th-bangkok-3 (an Alibaba Cloud ENS edge node in Bangkok, TH: outside CN)",
  );
  expect(describeEnsNode(getJurisdiction("TH"), node("th-bangkok-3"))).toBe(
    "th-bangkok-3 (an Alibaba Cloud ENS edge node in Bangkok, TH: inside TH)",
  );
});

test("the node is read from the properties that hold one", () => {
  const holders = ["ensRegionId", "ensRegionIds[]", "ensRegionIds[0]", "config.ensRegionId"];
  expect(holders.filter((p) => ensNodePath.test(p))).toEqual(holders);
  const others = ["regionId", "targetOssRegionId", "notEnsRegionId", "ensRegionIdSuffix"];
  expect(others.filter((p) => ensNodePath.test(p))).toEqual([]);
});
