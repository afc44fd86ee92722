/**
 * The jurisdiction catalog (residency/jurisdictions.ts): which regions and partitions lie inside
 * which border. Regions are matched by exact ID, never by prefix, so the lists themselves are
 * what a verdict rests on.
 */
import {
  awsPartitionOf,
  clouds,
  countryOfRegion,
  findJurisdiction,
  getJurisdiction,
  jurisdictionIds,
  jurisdictionOfRegion,
  listJurisdictions,
  regionInJurisdiction,
  unionsOf,
} from "../../residency/jurisdictions";

test("the catalog starts with China, the United States and the European Union", () => {
  expect(
    listJurisdictions()
      .slice(0, 3)
      .map((j) => [j.id, j.name]),
  ).toEqual([
    ["CN", "People's Republic of China (mainland)"],
    ["US", "United States"],
    ["EU", "European Union"],
  ]);
  expect(jurisdictionIds()).toEqual(listJurisdictions().map((j) => j.id));
  expect(clouds).toEqual(["alicloud", "aws"]);
});

test.each<[string, string[]]>([
  ["CN", ["aws-cn"]],
  ["US", ["aws", "aws-us-gov"]],
  ["EU", ["aws", "aws-eusc"]],
])("%s admits ARNs of the partitions %j", (id, partitions) => {
  expect(getJurisdiction(id).awsPartitions).toEqual(partitions);
});

describe("regions inside and outside", () => {
  test.each<[string, "alicloud" | "aws", string, boolean]>([
    ["CN", "alicloud", "cn-shanghai", true],
    ["CN", "alicloud", "cn-north-2-gov-1", true],
    ["CN", "alicloud", "cn-hongkong", false],
    ["CN", "aws", "cn-north-1", true],
    ["CN", "aws", "cn-northwest-1", true],
    ["CN", "aws", "ap-east-1", false],
    ["CN", "alicloud", "cn-north-1", false],
    ["US", "alicloud", "us-west-1", true],
    ["US", "aws", "us-gov-west-1", true],
    ["US", "aws", "ca-central-1", false],
    ["EU", "alicloud", "eu-central-1", true],
    ["EU", "alicloud", "eu-west-1", false],
    ["EU", "aws", "eusc-de-east-1", true],
    ["EU", "aws", "eu-west-2", false],
  ])("in %s, %s %s is inside: %s", (id, cloud, region, inside) => {
    expect(regionInJurisdiction(getJurisdiction(id), cloud, region)).toBe(inside);
  });

  test("a region is matched whole, never by prefix", () => {
    expect(regionInJurisdiction(getJurisdiction("CN"), "alicloud", "cn-shanghai-x")).toBe(false);
    expect(regionInJurisdiction(getJurisdiction("CN"), "alicloud", "cn")).toBe(false);
  });

  test.each<["alicloud" | "aws", string, string | undefined]>([
    ["aws", "eu-west-1", "EU"],
    ["alicloud", "us-east-1", "US"],
    ["alicloud", "cn-hongkong", "HK"],
    ["aws", "ap-east-1", "HK"],
    ["alicloud", "zz-nowhere-1", undefined],
  ])("%s %s lies in %s", (cloud, region, id) => {
    expect(jurisdictionOfRegion(cloud, region)?.id).toBe(id);
  });
});

describe("looking jurisdictions up", () => {
  test("by catalog ID", () => {
    expect(getJurisdiction("EU").name).toBe("European Union");
    expect(findJurisdiction("US")?.id).toBe("US");
    expect(findJurisdiction("cn")).toBeUndefined();
  });

  test("an unknown ID is an error that lists the known ones", () => {
    expect(() => getJurisdiction("XX")).toThrow(
      new Error(`Unknown jurisdiction "XX"; known jurisdictions: ${jurisdictionIds().join(", ")}.`),
    );
    expect(jurisdictionIds().slice(0, 3)).toEqual(["CN", "US", "EU"]);
  });
});

test.each<[string, string]>([
  ["cn-north-1", "aws-cn"],
  ["cn-northwest-1", "aws-cn"],
  ["us-gov-west-1", "aws-us-gov"],
  ["us-isob-east-1", "aws-iso-b"],
  ["us-isof-south-1", "aws-iso-f"],
  ["us-iso-east-1", "aws-iso"],
  ["eu-isoe-west-1", "aws-iso-e"],
  ["eusc-de-east-1", "aws-eusc"],
  ["us-east-1", "aws"],
  ["cn-north-2", "aws"],
  ["ap-us-gov-1", "aws"],
])("AWS region %s is in partition %s", (region, partition) => {
  expect(awsPartitionOf(region)).toBe(partition);
});

describe("countries and unions", () => {
  test("a region lies in one country, and through it in the country's union", () => {
    expect(countryOfRegion("aws", "eu-central-1")?.id).toBe("DE");
    expect(unionsOf(getJurisdiction("DE")).map((j) => j.id)).toEqual(["EU"]);
    expect(jurisdictionOfRegion("aws", "eu-central-1")?.id).toBe("EU");
    expect(countryOfRegion("alicloud", "cn-hongkong")?.id).toBe("HK");
    expect(unionsOf(getJurisdiction("HK"))).toEqual([]);
    expect(jurisdictionOfRegion("alicloud", "cn-hongkong")?.id).toBe("HK");
    expect(countryOfRegion("aws", "zz-nowhere-1")).toBeUndefined();
  });

  test("a union is never the country of a region, nor a union of itself", () => {
    const eu = getJurisdiction("EU");
    expect(eu.kind).toBe("union");
    expect(countryOfRegion("aws", "eusc-de-east-1")?.id).toBe("DE");
    expect(unionsOf(eu)).toEqual([]);
  });
});
