/**
 * Alibaba Cloud ENS nodes (residency/ens-nodes.ts): an edge node is placed by the country its ID
 * begins with, `cn` nodes of Hong Kong, Macao and Taiwan by their own, and an ID that names no
 * country cannot be placed. An instance scheduled by area is placed by the province its
 * netDistrictCode names, and one scheduled in a region of several provinces is not placed.
 */
import {
  describeEnsArea,
  describeEnsNode,
  type EnsArea,
  ensAreaOf,
  ensAreasInside,
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

describe("reading an area ENS schedules in", () => {
  test.each<[string, string, Pick<EnsArea, "province" | "country"> | undefined]>([
    ["Middle", "350000", { province: "Fujian", country: "CN" }],
    ["Middle", "310000", { province: "Shanghai", country: "CN" }],
    ["Small", "350100", { province: "Fujian", country: "CN" }],
    ["Middle", "810000", { province: "Hong Kong", country: "HK" }],
    ["Middle", "820000", { province: "Macao", country: "MO" }],
    ["Small", "710100", { province: "Taiwan", country: "TW" }],
    ["Middle", " 440000 ", { province: "Guangdong", country: "CN" }],
    // A region of several provinces, a city's code at the province level, no province's code.
    ["Big", "100106", undefined],
    ["Middle", "350100", undefined],
    ["Middle", "990000", undefined],
    ["Small", "35010", undefined],
    ["Small", "edge", undefined],
  ])("%s %s", (level, code, expected) => {
    const area = ensAreaOf(level, code);
    expect(
      "unplaced" in area ? undefined : { province: area.province, country: area.country },
    ).toEqual(expected);
  });

  test("says why an area cannot be placed", () => {
    expect(ensAreaOf("Big", "100101")).toEqual({
      unplaced: "a region of several provinces, which the pack cannot place in a country",
    });
    expect(ensAreaOf("Middle", "350100")).toEqual({
      unplaced:
        "not the code of a province (an administrative division code, GB/T 2260, such as 350000), so its country cannot be checked",
    });
  });

  test("names the area and its side of the border", () => {
    const area = (level: string, code: string) => ensAreaOf(level, code) as EnsArea;
    expect(describeEnsArea(getJurisdiction("US"), area("Middle", "350000"))).toBe(
      '"350000" (Fujian, CN: outside US)',
    );
    expect(describeEnsArea(getJurisdiction("CN"), area("Small", "350100"))).toBe(
      '"350100" (a city of Fujian, CN: inside CN)',
    );
    expect(describeEnsArea(getJurisdiction("CN"), area("Middle", "810000"))).toBe(
      '"810000" (Hong Kong, HK: outside CN)',
    );
  });

  test("a jurisdiction holds such areas when it holds their countries", () => {
    expect(ensAreasInside(getJurisdiction("CN"))).toBe(true);
    expect(ensAreasInside(getJurisdiction("HK"))).toBe(true);
    expect(ensAreasInside(getJurisdiction("US"))).toBe(false);
    expect(ensAreasInside(getJurisdiction("EU"))).toBe(false);
  });
});
