/**
 * The availability zones of the catalog's regions, as the providers' zone functions
 * (`aws.getAvailabilityZones`, `alicloud.getZones`) list them for an ordinary account. The
 * offline engine answers those functions from here, so a program that spreads subnets over "the
 * region's zones" evaluates with real zone IDs, which placement reads back to their region.
 *
 * Which zones an account sees can differ (AWS maps letters to physical zones per account and
 * opens some zones on request; Alibaba Cloud retires zones): a zone here is one the region
 * offers, not a promise that an account can use it. A region without an entry gets no answer
 * offline — its zones are unknown, as they are to a reviewer who has not looked them up.
 */
import { alicloudRestrictedCnRegions, type Cloud } from "./jurisdictions";

/**
 * Zone-letter suffixes per region: `us-west-2` + `a` → `us-west-2a` (AWS), `cn-shanghai-b`
 * (Alibaba Cloud).
 *
 * Sources. AWS: the zone count of each region on
 * https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html, lettered as
 * `aws ec2 describe-availability-zones` lists them to an ordinary account (where a letter is
 * closed to new accounts — ap-northeast-1b, ca-central-1c, us-west-1b — it is left out).
 * Alibaba Cloud: the zones of each region on
 * https://www.alibabacloud.com/help/en/ecs/user-guide/regions-and-zones; for the regions opened
 * since the mainland table was first written (marked "doc") the letters are the ones that page
 * lists, not checked against `alicloud.getZones` of a live account.
 */
const zoneLetters: Readonly<Record<Cloud, Readonly<Record<string, string>>>> = {
  aws: {
    "us-east-1": "abcdef",
    "us-east-2": "abc",
    "us-west-1": "ac",
    "us-west-2": "abcd",
    "us-gov-east-1": "abc",
    "us-gov-west-1": "abc",
    "cn-north-1": "abd",
    "cn-northwest-1": "abc",
    "eu-central-1": "abc",
    "eu-north-1": "abc",
    "eu-south-1": "abc",
    "eu-south-2": "abc",
    "eu-west-1": "abc",
    "eu-west-3": "abc",
    "eu-central-2": "abc",
    "eu-west-2": "abc",
    "af-south-1": "abc",
    "il-central-1": "abc",
    "me-central-1": "abc",
    "me-south-1": "abc",
    "ap-east-1": "abc",
    "ap-east-2": "abc",
    "ap-northeast-1": "acd",
    "ap-northeast-2": "abcd",
    "ap-northeast-3": "abc",
    "ap-south-1": "abc",
    "ap-south-2": "abc",
    "ap-southeast-1": "abc",
    "ap-southeast-2": "abc",
    "ap-southeast-3": "abc",
    "ap-southeast-4": "abc",
    "ap-southeast-5": "abc",
    "ap-southeast-6": "abc",
    "ap-southeast-7": "abc",
    "ca-central-1": "abd",
    "ca-west-1": "abc",
    "mx-central-1": "abc",
    "sa-east-1": "abc",
  },
  alicloud: {
    "cn-qingdao": "bc",
    "cn-beijing": "acdefghijkl",
    "cn-zhangjiakou": "abc",
    "cn-huhehaote": "ab",
    "cn-wulanchabu": "abc",
    "cn-hangzhou": "bfghijk",
    "cn-shanghai": "befglmn",
    "cn-nanjing": "a",
    "cn-shenzhen": "abcdef",
    "cn-heyuan": "ab",
    "cn-guangzhou": "ab",
    "cn-chengdu": "ab",
    "us-west-1": "ab",
    "us-east-1": "ab",
    "eu-central-1": "abc",
    // doc: regions outside the mainland.
    "cn-hongkong": "bcd",
    "ap-northeast-1": "abc",
    "ap-southeast-1": "abc",
    "ap-southeast-3": "ab",
    "ap-southeast-5": "abc",
    "eu-west-1": "ab",
    // doc, closed to new resources: the zones the page listed while the region was open.
    "ap-southeast-2": "ab",
    "ap-south-1": "ab",
    // Zones A and B, as Alibaba Cloud's ApsaraDB for MongoDB zone tables list them (replica
    // sets, cloud disk; Bangkok and Riyadh also for dual-zone deployment):
    // https://www.alibabacloud.com/help/en/mongodb/user-guide/region-and-zone-restrictions and
    // https://help.aliyun.com/en/mongodb/user-guide/region-and-zone-restrictions (Manila A and
    // B). Not checked against alicloud.getZones of a live account.
    "ap-southeast-6": "ab",
    "ap-southeast-7": "ab",
    "me-central-1": "ab",
    // doc: single-zone regions (see `zoneGaps`).
    "ap-northeast-2": "a",
    "me-east-1": "a",
  },
};

/**
 * Catalog regions with fewer than two zones listed above, and why: a region that has one zone,
 * or whose zones no public source this project can cite lists. test/engine/invokes.test.ts
 * holds every other catalog region to at least two zones, and these to their reason.
 */
export const zoneGaps: Readonly<Record<Cloud, Readonly<Record<string, string>>>> = {
  aws: {
    "eusc-de-east-1":
      "zones unlisted: the AWS European Sovereign Cloud (partition aws-eusc) is not on the AWS Regions page; needs its own documentation of zone letters and zone IDs",
  },
  alicloud: {
    "cn-nanjing": "one zone: Nanjing is a local region (Zone A)",
    "cn-fuzhou":
      "zones unlisted: a local region that Alibaba Cloud's endpoint tables list, whose zones no public page this project can cite names",
    "cn-zhengzhou-jva":
      "zones unlisted: a joint-venture region (with China Unicom) that Alibaba Cloud's endpoint tables list, whose zones no public page this project can cite names",
    "ap-southeast-8":
      "zones unlisted: Malaysia (Johor), a region that Alibaba Cloud's endpoint tables list, whose zones no public page this project can cite names",
    "us-southeast-1":
      "zones unlisted: US (Atlanta), a region that Alibaba Cloud's endpoint tables list, whose zones no public page this project can cite names",
    "ap-northeast-2": "one zone (doc): South Korea (Seoul) lists Zone A",
    "me-east-1": "one zone (doc): UAE (Dubai) lists Zone A (the SDK's examples use me-east-1a)",
    ...Object.fromEntries(
      alicloudRestrictedCnRegions.map((r) => [
        r,
        "zones unlisted: a finance or government cloud (or an endpoint alias of one) whose zones Alibaba Cloud lists only to its customers; needs that cloud's zone list",
      ]),
    ),
  },
};

/**
 * AWS zone IDs (`usw2-az1`) name physical zones; which letter maps to which ID differs per
 * account, so the engine pairs them in order — the right IDs of the right region. The prefixes
 * follow AWS's scheme (area + direction initials + number: ap-southeast-1 → apse1).
 */
export const awsZoneIdPrefix: Readonly<Record<string, string>> = {
  "us-east-1": "use1",
  "us-east-2": "use2",
  "us-west-1": "usw1",
  "us-west-2": "usw2",
  "us-gov-east-1": "usge1",
  "us-gov-west-1": "usgw1",
  "cn-north-1": "cnn1",
  "cn-northwest-1": "cnnw1",
  "eu-central-1": "euc1",
  "eu-north-1": "eun1",
  "eu-south-1": "eus1",
  "eu-south-2": "eus2",
  "eu-west-1": "euw1",
  "eu-west-3": "euw3",
  "eu-central-2": "euc2",
  "eu-west-2": "euw2",
  "af-south-1": "afs1",
  "il-central-1": "ilc1",
  "me-central-1": "mec1",
  "me-south-1": "mes1",
  "ap-east-1": "ape1",
  "ap-east-2": "ape2",
  "ap-northeast-1": "apne1",
  "ap-northeast-2": "apne2",
  "ap-northeast-3": "apne3",
  "ap-south-1": "aps1",
  "ap-south-2": "aps2",
  "ap-southeast-1": "apse1",
  "ap-southeast-2": "apse2",
  "ap-southeast-3": "apse3",
  "ap-southeast-4": "apse4",
  "ap-southeast-5": "apse5",
  "ap-southeast-6": "apse6",
  "ap-southeast-7": "apse7",
  "ca-central-1": "cac1",
  "ca-west-1": "caw1",
  "mx-central-1": "mxc1",
  "sa-east-1": "sae1",
};

export interface Zone {
  /** The zone's name as programs use it: `us-west-2a`, `cn-shanghai-b`. */
  readonly name: string;
  /** AWS only: the zone ID (`usw2-az1`). */
  readonly zoneId?: string;
}

/**
 * A zone's name from its region and letter. AWS appends the letter (`us-west-2a`); Alibaba Cloud
 * does so outside mainland China (`ap-northeast-1a`, `eu-central-1a`) and joins it with a dash in
 * its `cn-` regions (`cn-shanghai-b`, `cn-hongkong-b`).
 */
export function zoneName(cloud: Cloud, region: string, letter: string): string {
  return cloud === "alicloud" && region.startsWith("cn-")
    ? `${region}-${letter}`
    : `${region}${letter}`;
}

/** The zones of `region` on `cloud`, or undefined when the catalog does not list them. */
export function zonesOf(cloud: Cloud, region: string): readonly Zone[] | undefined {
  const letters = zoneLetters[cloud][region];
  if (letters === undefined) {
    return undefined;
  }
  return [...letters].map((letter, i) =>
    cloud === "aws"
      ? { name: zoneName(cloud, region, letter), zoneId: `${awsZoneIdPrefix[region]}-az${i + 1}` }
      : { name: zoneName(cloud, region, letter) },
  );
}

/** Regions whose zones are listed, per cloud (for tests that hold the table to the catalog). */
export function regionsWithZones(cloud: Cloud): string[] {
  return Object.keys(zoneLetters[cloud]);
}
