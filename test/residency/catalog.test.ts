/**
 * The jurisdiction catalog against the providers: every region either provider knows lies in
 * exactly one country of the catalog (and in its union when the country is a member), or is
 * listed as unplaced with its reason — never both, never neither. The AWS regions are read from
 * the installed SDK, so an upgrade that adds a region fails here, naming it.
 */
import { Region } from "@pulumi/aws/types/enums";
import {
  alicloudRegionsBeyondValidRegions,
  awsPartitionOf,
  type Cloud,
  clouds,
  countryOfRegion,
  findJurisdiction,
  jurisdictionOfRegion,
  listJurisdictions,
  unionsOf,
  unplacedRegions,
} from "../../residency/jurisdictions";

/**
 * The Alibaba Cloud regions the provider knows. @pulumi/alicloud 3.108.0 ships no region list;
 * the provider validates against `ValidRegions` of the Terraform provider it wraps
 * (aliyun/terraform-provider-alicloud alicloud/connectivity/regions.go, commit 33087025, as
 * recorded in shared/research/data-paths.md §2.1), plus `rus-west-1`, declared there as a
 * constant outside `ValidRegions`. Update this list with the provider.
 */
const alicloudProviderRegions: readonly string[] = [
  "cn-hangzhou",
  "cn-qingdao",
  "cn-beijing",
  "cn-shenzhen",
  "cn-hongkong",
  "cn-shanghai",
  "cn-zhangjiakou",
  "cn-huhehaote",
  "cn-chengdu",
  "cn-heyuan",
  "cn-wulanchabu",
  "cn-guangzhou",
  "cn-nanjing",
  "us-west-1",
  "us-east-1",
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-southeast-3",
  "ap-southeast-5",
  "ap-southeast-6",
  "ap-southeast-7",
  "ap-south-1",
  "me-east-1",
  "me-central-1",
  "eu-central-1",
  "eu-west-1",
  "cn-north-2-gov-1",
  "cn-shenzhen-finance-1",
  "cn-szfinance",
  "cn-shenzhen-finance",
  "cn-shanghai-finance-1-pub",
  "cn-shanghai-finance-1",
  "cn-hangzhou-finance",
  "cn-hzfinance",
  "cn-hzjbp",
  "cn-beijing-finance-1",
  "cn-beijing-finance-1-pub",
  "rus-west-1",
];

const awsEnumRegions: readonly string[] = Object.values(Region);

const providerRegions: Readonly<Record<Cloud, readonly string[]>> = {
  aws: awsEnumRegions,
  alicloud: alicloudProviderRegions,
};

const countries = listJurisdictions().filter((j) => j.kind === "country");
const unions = listJurisdictions().filter((j) => j.kind === "union");

function countriesHolding(cloud: Cloud, region: string): string[] {
  return countries.filter((j) => j.regions[cloud].includes(region)).map((j) => j.id);
}

function unplaced(cloud: Cloud, region: string): boolean {
  return unplacedRegions.some((u) => u.cloud === cloud && u.region === region);
}

/**
 * The AWS partitions other than `aws`, region by region, as AWS's partition data
 * (partitions.json of the AWS SDKs; https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html)
 * assigns them. Every other region of the enum is in `aws`.
 */
const nonCommercialPartitions: Readonly<Record<string, string>> = {
  "cn-north-1": "aws-cn",
  "cn-northwest-1": "aws-cn",
  "us-gov-east-1": "aws-us-gov",
  "us-gov-west-1": "aws-us-gov",
  "eusc-de-east-1": "aws-eusc",
  "us-iso-east-1": "aws-iso",
  "us-iso-west-1": "aws-iso",
  "us-isob-east-1": "aws-iso-b",
  "us-isob-west-1": "aws-iso-b",
  "us-isof-east-1": "aws-iso-f",
  "us-isof-south-1": "aws-iso-f",
  "eu-isoe-west-1": "aws-iso-e",
};

describe("the jurisdiction catalog", () => {
  it("reads the AWS regions from the installed SDK's Region enum", () => {
    expect(awsEnumRegions.length).toBeGreaterThanOrEqual(46);
    expect(awsEnumRegions).toContain("ap-east-1");
  });

  describe.each(clouds)("on %s", (cloud) => {
    it("places every region the provider knows in exactly one country, or lists it as unplaced", () => {
      const wrong = providerRegions[cloud].flatMap((region) => {
        const holders = countriesHolding(cloud, region);
        const isUnplaced = unplaced(cloud, region);
        if (holders.length === 1 && !isUnplaced) {
          return [];
        }
        if (holders.length === 0 && isUnplaced) {
          return [];
        }
        return [
          `${region}: in ${holders.length === 0 ? "no country" : holders.join(", ")}${isUnplaced ? ", and listed as unplaced" : ""}`,
        ];
      });
      expect(wrong).toEqual([]);
    });

    it("lists no region the provider does not know, but the regions Alibaba Cloud documents beyond its list", () => {
      const beyond: readonly string[] =
        cloud === "alicloud" ? Object.keys(alicloudRegionsBeyondValidRegions) : [];
      const known = new Set([...providerRegions[cloud], ...beyond]);
      const invented = listJurisdictions().flatMap((j) =>
        j.regions[cloud].filter((r) => !known.has(r)).map((r) => `${j.id}: ${r}`),
      );
      const unknownUnplaced = unplacedRegions
        .filter((u) => u.cloud === cloud && !known.has(u.region))
        .map((u) => u.region);
      expect(invented).toEqual([]);
      expect(unknownUnplaced).toEqual([]);
    });

    it("places each documented region beyond the provider's list in its country alone, while the list lacks it", () => {
      const beyond = cloud === "alicloud" ? Object.entries(alicloudRegionsBeyondValidRegions) : [];
      for (const [region, { jurisdiction }] of beyond) {
        // Once the provider's list holds it, it is an ordinary region and leaves this list.
        expect(providerRegions[cloud]).not.toContain(region);
        expect(countriesHolding(cloud, region)).toEqual([jurisdiction]);
      }
    });

    it("places the regions Alibaba Cloud opened beyond the provider's list that the benches met", () => {
      // Malaysia (Johor) failed an MY stack closed as a region the catalog could not place.
      const expected: Record<Cloud, Record<string, string[]>> = {
        alicloud: {
          "cn-fuzhou": ["CN"],
          "cn-zhengzhou-jva": ["CN"],
          "ap-southeast-8": ["MY"],
          "us-southeast-1": ["US"],
        },
        aws: {},
      };
      for (const [region, holders] of Object.entries(expected[cloud])) {
        expect([region, countriesHolding(cloud, region)]).toEqual([region, holders]);
      }
    });

    it("lists each region once per jurisdiction", () => {
      const repeated = listJurisdictions().flatMap((j) =>
        j.regions[cloud]
          .filter((r, i) => j.regions[cloud].indexOf(r) !== i)
          .map((r) => `${j.id}: ${r}`),
      );
      expect(repeated).toEqual([]);
    });

    it("names the country of each placed region, and its union when the country is a member", () => {
      for (const region of providerRegions[cloud].filter((r) => !unplaced(cloud, r))) {
        const country = countryOfRegion(cloud, region)!;
        expect(country.kind).toBe("country");
        const memberOf = unions.filter((u) => u.members!.includes(country.id));
        for (const union of memberOf) {
          expect(union.regions[cloud]).toContain(region);
        }
        expect(jurisdictionOfRegion(cloud, region)).toBe(memberOf[0] ?? country);
      }
    });

    it("gives an unplaced region no jurisdiction", () => {
      for (const u of unplacedRegions.filter((x) => x.cloud === cloud)) {
        expect(countryOfRegion(cloud, u.region)).toBeUndefined();
        expect(jurisdictionOfRegion(cloud, u.region)).toBeUndefined();
        expect(u.reason).not.toBe("");
        expect(u.needs).not.toBe("");
      }
    });
  });

  it("makes each union exactly the regions of its member countries", () => {
    for (const union of unions) {
      const members = union.members ?? [];
      expect(members.length).toBeGreaterThan(0);
      for (const cloud of clouds) {
        const ofMembers = countries
          .filter((c) => members.includes(c.id))
          .flatMap((c) => c.regions[cloud]);
        expect([...union.regions[cloud]].sort()).toEqual([...new Set(ofMembers)].sort());
      }
    }
  });

  it("knows the EU's 27 member states, and the EU members hosting a region as countries", () => {
    const eu = findJurisdiction("EU")!;
    expect(eu.kind).toBe("union");
    expect(eu.members).toHaveLength(27);
    expect(new Set(eu.members).size).toBe(27);
    expect(countries.filter((c) => eu.members!.includes(c.id)).map((c) => c.id)).toEqual([
      "DE",
      "FR",
      "IE",
      "IT",
      "ES",
      "SE",
    ]);
    expect(unionsOf(findJurisdiction("DE")!).map((u) => u.id)).toEqual(["EU"]);
    // Leaving the EU took the United Kingdom's regions with it; Switzerland never joined.
    for (const id of ["GB", "CH"]) {
      expect(unionsOf(findJurisdiction(id)!)).toEqual([]);
    }
    expect(eu.regions.aws).not.toContain("eu-west-2");
    expect(eu.regions.aws).not.toContain("eu-central-2");
    expect(eu.regions.alicloud).not.toContain("eu-west-1");
  });

  it("keeps Hong Kong, Macao and Taiwan out of CN", () => {
    const cn = findJurisdiction("CN")!;
    expect(countryOfRegion("alicloud", "cn-hongkong")!.id).toBe("HK");
    expect(countryOfRegion("aws", "ap-east-1")!.id).toBe("HK");
    expect(countryOfRegion("aws", "ap-east-2")!.id).toBe("TW");
    for (const id of ["HK", "TW"]) {
      const j = findJurisdiction(id)!;
      for (const cloud of clouds) {
        for (const region of j.regions[cloud]) {
          expect(cn.regions[cloud]).not.toContain(region);
        }
      }
    }
    // Neither provider has a region in Macao; should one open, it gets its own entry, not CN's.
    expect(findJurisdiction("MO")).toBeUndefined();
    expect(cn.awsPartitions).toEqual(["aws-cn"]);
  });

  it("gives each country's region IDs to that country alone", () => {
    for (const cloud of clouds) {
      const seen = new Map<string, string>();
      const twice: string[] = [];
      for (const c of countries) {
        for (const region of c.regions[cloud]) {
          const other = seen.get(region);
          if (other !== undefined) {
            twice.push(`${cloud} ${region}: ${other} and ${c.id}`);
          }
          seen.set(region, c.id);
        }
      }
      expect(twice).toEqual([]);
    }
  });

  it.each(listJurisdictions().map((j) => [j.id, j] as const))(
    "%s cites at least one regulation and a source for each region list",
    (_id, j) => {
      expect(j.regulations.length).toBeGreaterThanOrEqual(1);
      for (const r of j.regulations) {
        expect(r.id.trim()).not.toBe("");
        expect(r.title.trim()).not.toBe("");
        expect(r.requirement.trim()).not.toBe("");
      }
      for (const cloud of clouds) {
        expect(j.sources[cloud].trim()).not.toBe("");
      }
      expect(j.kind === "union").toBe(j.members !== undefined);
    },
  );

  it("uses IDs that are ISO 3166-1 alpha-2 codes, each once", () => {
    const ids = listJurisdictions().map((j) => j.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Z]{2}$/);
    }
  });

  it("puts every AWS region of the catalog in the partition AWS assigns it", () => {
    for (const region of awsEnumRegions) {
      expect([region, awsPartitionOf(region)]).toEqual([
        region,
        nonCommercialPartitions[region] ?? "aws",
      ]);
    }
  });

  it("lists for each jurisdiction exactly the AWS partitions of its AWS regions", () => {
    for (const j of listJurisdictions()) {
      const partitions = new Set(j.regions.aws.map(awsPartitionOf));
      expect([j.id, [...j.awsPartitions].sort()]).toEqual([j.id, [...partitions].sort()]);
    }
  });
});
