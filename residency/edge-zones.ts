/**
 * AWS Local Zones and Wavelength Zones: zones of a parent region that stand in another city —
 * and often another country. `us-east-1-bue-1a` is a zone of us-east-1 in Buenos Aires,
 * Argentina; `ap-northeast-1-tpe-1a` one of ap-northeast-1 in Taipei. A subnet, a volume or an
 * instance placed in one keeps its data there, whatever the parent region's country, so such a
 * zone is placed by its own country, not by its region.
 *
 * This file is data, reviewed like code: each zone group (a Local Zone's name without its letter,
 * a Wavelength Zone's name) with its city and the ISO 3166-1 alpha-2 code of its country, as the
 * AWS pages in `edgeZoneSources` list them. A value shaped like an edge zone but of a group not
 * listed here cannot be placed (a zone opened since, or a typo), and fails closed.
 */
import type { Jurisdiction } from "./jurisdictions";
import { awsZoneIdPrefix } from "./zones";

export const edgeZoneSources = [
  "https://docs.aws.amazon.com/local-zones/latest/ug/available-local-zones.html",
  // "Amazon EBS encryption in Local Zones, Outposts, and Wavelength Zones" lists Local Zones by
  // continent.
  "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption-local-zones-outposts-wavelength.html",
  "https://docs.aws.amazon.com/wavelength/latest/developerguide/available-wavelength-zones.html",
  // The carriers' zones by name, as the price list's locations call them.
  "https://aws.amazon.com/wavelength/locations/",
] as const;

/** An edge zone of AWS: a Local Zone or a Wavelength Zone, with the place it stands in. */
export interface EdgeZone {
  readonly kind: "Local Zone" | "Wavelength Zone";
  /** The zone group: `us-east-1-bue-1`, `us-east-1-wl1-bos-wlz-1`. */
  readonly group: string;
  readonly parentRegion: string;
  readonly city: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
}

/**
 * Local Zone groups: [city, country]. The AWS page's first rows, and the zones the accounts of
 * public programs list with their coordinates (a Local Zone opened since is unlisted: add it
 * with its country from the page's Geography column).
 */
const localZones: Readonly<Record<string, readonly [string, string]>> = {
  // Parent us-east-1: the United States and Latin America.
  "us-east-1-atl-1": ["Atlanta", "US"],
  "us-east-1-atl-2": ["Atlanta", "US"],
  "us-east-1-bos-1": ["Boston", "US"],
  "us-east-1-chi-1": ["Chicago", "US"],
  "us-east-1-chi-2": ["Chicago", "US"],
  "us-east-1-dfw-1": ["Dallas", "US"],
  "us-east-1-dfw-2": ["Dallas", "US"],
  "us-east-1-iah-1": ["Houston", "US"],
  "us-east-1-iah-2": ["Houston", "US"],
  "us-east-1-mci-1": ["Kansas City", "US"],
  "us-east-1-mia-1": ["Miami", "US"],
  "us-east-1-mia-2": ["Miami", "US"],
  "us-east-1-msp-1": ["Minneapolis", "US"],
  "us-east-1-nyc-1": ["New York", "US"],
  "us-east-1-nyc-2": ["New York", "US"],
  "us-east-1-phl-1": ["Philadelphia", "US"],
  "us-east-1-qro-1": ["Querétaro", "MX"],
  "us-east-1-bue-1": ["Buenos Aires", "AR"],
  "us-east-1-lim-1": ["Lima", "PE"],
  "us-east-1-scl-1": ["Santiago", "CL"],
  // Parent us-east-2 and us-west-2.
  "us-east-2-mci-1": ["Kansas City", "US"],
  "us-west-2-den-1": ["Denver", "US"],
  "us-west-2-hnl-1": ["Honolulu", "US"],
  "us-west-2-las-1": ["Las Vegas", "US"],
  "us-west-2-lax-1": ["Los Angeles", "US"],
  "us-west-2-pdx-1": ["Portland", "US"],
  "us-west-2-phx-1": ["Phoenix", "US"],
  "us-west-2-phx-2": ["Phoenix", "US"],
  "us-west-2-sea-1": ["Seattle", "US"],
  // Europe, the Middle East and Africa.
  "eu-central-1-ath-1": ["Athens", "GR"],
  "eu-central-1-ham-1": ["Hamburg", "DE"],
  "eu-central-1-ist-1": ["Istanbul", "TR"],
  "eu-central-1-waw-1": ["Warsaw", "PL"],
  "eu-north-1-cph-1": ["Copenhagen", "DK"],
  "eu-north-1-hel-1": ["Helsinki", "FI"],
  "me-south-1-mct-1": ["Muscat", "OM"],
  "af-south-1-los-1": ["Lagos", "NG"],
  // Asia Pacific.
  "ap-northeast-1-tpe-1": ["Taipei", "TW"],
  "ap-south-1-ccu-1": ["Kolkata", "IN"],
  "ap-south-1-ccu-2": ["Kolkata", "IN"],
  "ap-south-1-del-1": ["Delhi", "IN"],
  "ap-south-1-del-2": ["Delhi", "IN"],
  "ap-southeast-1-bkk-1": ["Bangkok", "TH"],
  "ap-southeast-1-han-1": ["Hanoi", "VN"],
  "ap-southeast-1-mnl-1": ["Manila", "PH"],
  "ap-southeast-2-akl-1": ["Auckland", "NZ"],
  "ap-southeast-2-per-1": ["Perth", "AU"],
};

/**
 * Wavelength Zone groups, in carriers' 5G networks: [city, country]. The AWS page's first rows,
 * and the carriers' zones as AWS's price list names them (Bell, KDDI, SK Telecom, Vodafone,
 * Verizon).
 */
const wavelengthZones: Readonly<Record<string, readonly [string, string]>> = {
  "ca-central-1-wl1-yto-wlz-1": ["Toronto", "CA"],
  "ap-northeast-1-wl1-kix-wlz-1": ["Osaka", "JP"],
  "ap-northeast-1-wl1-nrt-wlz-1": ["Tokyo", "JP"],
  "ap-northeast-2-wl1-cjj-wlz-1": ["Daejeon", "KR"],
  "ap-northeast-2-wl1-sel-wlz-1": ["Seoul", "KR"],
  "eu-central-1-wl1-ber-wlz-1": ["Berlin", "DE"],
  "eu-central-1-wl1-dtm-wlz-1": ["Dortmund", "DE"],
  "eu-central-1-wl1-muc-wlz-1": ["Munich", "DE"],
  "eu-west-2-wl1-lon-wlz-1": ["London", "GB"],
  "us-east-1-wl1-atl-wlz-1": ["Atlanta", "US"],
  "us-east-1-wl1-bna-wlz-1": ["Nashville", "US"],
  "us-east-1-wl1-bos-wlz-1": ["Boston", "US"],
  "us-east-1-wl1-chi-wlz-1": ["Chicago", "US"],
  "us-east-1-wl1-clt-wlz-1": ["Charlotte", "US"],
  "us-east-1-wl1-dfw-wlz-1": ["Dallas", "US"],
  "us-east-1-wl1-dtw-wlz-1": ["Detroit", "US"],
  "us-east-1-wl1-iah-wlz-1": ["Houston", "US"],
  "us-east-1-wl1-mia-wlz-1": ["Miami", "US"],
  "us-east-1-wl1-msp-wlz-1": ["Minneapolis", "US"],
  "us-east-1-wl1-nyc-wlz-1": ["New York", "US"],
  "us-east-1-wl1-tpa-wlz-1": ["Tampa", "US"],
  "us-east-1-wl1-was-wlz-1": ["Washington, DC", "US"],
  "us-west-2-wl1-den-wlz-1": ["Denver", "US"],
  "us-west-2-wl1-las-wlz-1": ["Las Vegas", "US"],
  "us-west-2-wl1-lax-wlz-1": ["Los Angeles", "US"],
  "us-west-2-wl1-phx-wlz-1": ["Phoenix", "US"],
  "us-west-2-wl1-sea-wlz-1": ["Seattle", "US"],
  "us-west-2-wl1-sfo-wlz-1": ["San Francisco Bay Area", "US"],
};

const localName = /^((?:[a-z]{2}(?:-gov)?-[a-z]+-\d)-[a-z]{3}-\d)[a-z]$/;
const localId = /^([a-z]{2}[a-z]{1,2}\d)-([a-z]{3})(\d)-az\d+$/;
const wavelengthName = /^([a-z]{2}-[a-z]+-\d)-wl1-[a-z]{3}-wlz-\d$/;
const wavelengthId = /^([a-z]{2}[a-z]{1,2}\d)-wl1-([a-z]{3})-wlz(\d)$/;

let byZoneId: ReadonlyMap<string, EdgeZone> | undefined;

function zone(kind: EdgeZone["kind"], group: string, [city, country]: readonly [string, string]) {
  const parentRegion = group.split("-").slice(0, 3).join("-");
  return { kind, group, parentRegion, city, country };
}

/** The groups by the zone IDs they go by (`use1-bue1`, `use1-wl1-bos-wlz1`). */
function zoneIds(): ReadonlyMap<string, EdgeZone> {
  byZoneId ??= new Map([
    ...Object.entries(localZones).map(([group, at]) => {
      const z = zone("Local Zone", group, at);
      const [, , , metro, n] = group.split("-");
      return [`${awsZoneIdPrefix[z.parentRegion]}-${metro}${n}`, z] as const;
    }),
    ...Object.entries(wavelengthZones).map(([group, at]) => {
      const z = zone("Wavelength Zone", group, at);
      const [, , , , metro, , n] = group.split("-");
      return [`${awsZoneIdPrefix[z.parentRegion]}-wl1-${metro}-wlz${n}`, z] as const;
    }),
  ]);
  return byZoneId;
}

/**
 * The edge zone a zone name or ID names, `"unlisted"` when it is shaped like one but of a group
 * this catalog does not list, or undefined when it is no edge zone (an ordinary zone, or no zone).
 */
export function edgeZoneOf(value: string): EdgeZone | "unlisted" | undefined {
  const local = localName.exec(value);
  if (local) {
    const at = localZones[local[1]];
    return at === undefined ? "unlisted" : zone("Local Zone", local[1], at);
  }
  if (wavelengthName.test(value)) {
    const at = wavelengthZones[value];
    return at === undefined ? "unlisted" : zone("Wavelength Zone", value, at);
  }
  const id = localId.exec(value) ?? wavelengthId.exec(value);
  if (id) {
    const key = value.replace(/-az\d+$/, "");
    return zoneIds().get(key) ?? "unlisted";
  }
  return undefined;
}

/** How a finding names an edge zone `edgeZoneOf` reads as unlisted. */
export const unlistedEdgeZone = "an AWS Local or Wavelength Zone the catalog does not list";

/** Whether an edge zone's country lies inside `j`: the country itself, or a member of the union. */
export function edgeZoneInJurisdiction(j: Jurisdiction, z: EdgeZone): boolean {
  return j.kind === "country" ? j.id === z.country : (j.members ?? []).includes(z.country);
}

/** `us-east-1-bue-1a (an AWS Local Zone in Buenos Aires, AR: outside US)`. */
export function describeEdgeZone(j: Jurisdiction, value: string, z: EdgeZone): string {
  const where = `an AWS ${z.kind} in ${z.city}, ${z.country}`;
  return edgeZoneInJurisdiction(j, z)
    ? `${value} (${where}: inside ${j.id})`
    : `${value} (${where}: outside ${j.id})`;
}
