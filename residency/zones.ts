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
import type { Cloud } from "./jurisdictions";

/** Zone-letter suffixes per region: `us-west-2` + `a` → `us-west-2a` (AWS), `cn-shanghai-b` (Alibaba Cloud). */
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
  },
};

/**
 * AWS zone IDs (`usw2-az1`) name physical zones; which letter maps to which ID differs per
 * account, so the engine pairs them in order — the right IDs of the right region.
 */
const awsZoneIdPrefix: Readonly<Record<string, string>> = {
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
};

export interface Zone {
  /** The zone's name as programs use it: `us-west-2a`, `cn-shanghai-b`. */
  readonly name: string;
  /** AWS only: the zone ID (`usw2-az1`). */
  readonly zoneId?: string;
}

/** The zones of `region` on `cloud`, or undefined when the catalog does not list them. */
export function zonesOf(cloud: Cloud, region: string): readonly Zone[] | undefined {
  const letters = zoneLetters[cloud][region];
  if (letters === undefined) {
    return undefined;
  }
  return [...letters].map((letter, i) =>
    cloud === "aws"
      ? { name: `${region}${letter}`, zoneId: `${awsZoneIdPrefix[region]}-az${i + 1}` }
      : { name: `${region}-${letter}` },
  );
}

/** Regions whose zones are listed, per cloud (for tests that hold the table to the catalog). */
export function regionsWithZones(cloud: Cloud): string[] {
  return Object.keys(zoneLetters[cloud]);
}
