/**
 * The jurisdiction catalog: which cloud regions lie inside which country's (or union's) borders.
 *
 * This file is data, reviewed like code. Regions are listed by exact ID — never matched by
 * prefix — because `cn-hongkong` (Alibaba Cloud) and `ap-east-1` (AWS) start like mainland
 * regions or share a continent with them but sit outside the mainland for cross-border purposes.
 *
 * Countries and unions. Every entry is a country (ISO 3166-1 alpha-2 ID) or a union of
 * countries (`EU`). The rule the catalog keeps (test/residency/catalog.test.ts holds it):
 *
 * - every region of either cloud belongs to **exactly one country** entry, or is listed in
 *   `unplacedRegions` with the reason and the source that would place it — never both;
 * - a union lists its member countries as data; its regions are **exactly** the regions of its
 *   members that have an entry here — a union adds no region of its own and loses none;
 * - so an EU region belongs to one country (eu-central-1 → DE) and, through it, to the EU. A
 *   stack picks the border it must keep: `EU` (data may move between member states) or a
 *   member country such as `DE` (data stays in Germany; eu-west-3 in France is abroad).
 *
 * Hong Kong, Macao and Taiwan are never CN: `HK` and `TW` are entries of their own; neither
 * installed provider has a region in Macao, so there is no `MO` entry until one opens (add it
 * then, like any country). A country gets an entry when it hosts a region of either provider.
 *
 * Sources: the AWS `Region` enum of @pulumi/aws 7.48.0 (types/enums/index.d.ts), and for Alibaba
 * Cloud — whose Pulumi SDK ships no region list — the `ValidRegions` of the Terraform provider
 * that @pulumi/alicloud 3.108.0 wraps (shared/research/data-paths.md §2.1). The country of each
 * region is the one the clouds' region pages state (the URLs in `awsSource` / `alicloudSource`);
 * each entry's `sources` names the region behind each ID. Regulations are references for
 * auditors, not legal advice.
 *
 * To add a country: add an entry with its exact region IDs per cloud, the source of each list,
 * the AWS partitions of its AWS regions, and the regulations its controls serve; if it joins a
 * union, add its ID to the union's `members` and its regions to the union's lists.
 */

export type Cloud = "alicloud" | "aws";
export const clouds: readonly Cloud[] = ["alicloud", "aws"];

/** Each cloud's name, as findings and messages write it. */
export const cloudNames: Readonly<Record<Cloud, string>> = {
  aws: "AWS",
  alicloud: "Alibaba Cloud",
};

export interface Regulation {
  /** Short citation, e.g. "PIPL Art. 38–40". */
  readonly id: string;
  readonly title: string;
  /** What the regulation asks of a data-center stack, in one line. */
  readonly requirement: string;
}

export interface Jurisdiction {
  /** Catalog key: an ISO 3166-1 alpha-2 country code ("CN"), or a union's ("EU"). */
  readonly id: string;
  readonly name: string;
  /** A country, or a union of the countries in `members`. */
  readonly kind: "country" | "union";
  /** A union's member countries (ISO 3166-1 alpha-2), whether or not they host a region. */
  readonly members?: readonly string[];
  /** Exact region IDs per cloud that lie inside the jurisdiction. */
  readonly regions: Readonly<Record<Cloud, readonly string[]>>;
  /** Where each region list comes from: the provider list it is drawn from and the page that places it. */
  readonly sources: Readonly<Record<Cloud, string>>;
  /** AWS partitions whose ARNs may name resources of this jurisdiction. */
  readonly awsPartitions: readonly string[];
  /** The laws the sealed controls serve — references for auditors, not legal advice. */
  readonly regulations: readonly Regulation[];
}

/** A region a provider knows that the catalog does not place, and what would place it. */
export interface UnplacedRegion {
  readonly cloud: Cloud;
  readonly region: string;
  /** Why it is not placed. */
  readonly reason: string;
  /** The source that would let a reviewer place it. */
  readonly needs: string;
}

const awsSource = (regions: string) =>
  `@pulumi/aws 7.48.0 Region enum; ${regions} per https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html`;
const alicloudSource = (regions: string) =>
  `@pulumi/alicloud 3.108.0 (terraform-provider-alicloud connectivity/regions.go ValidRegions, research/data-paths.md §2.1); ${regions} per https://www.alibabacloud.com/help/en/ecs/user-guide/regions-and-zones`;
const noAws = (country: string) => `@pulumi/aws 7.48.0 Region enum: no region in ${country}`;
const noAlicloud = (country: string) =>
  `@pulumi/alicloud 3.108.0 (terraform-provider-alicloud ValidRegions): no region in ${country}`;

/** The EU's transfer rules bind every member state; member entries cite them with their own law. */
const gdprTransfers: Regulation = {
  id: "GDPR Art. 44-49",
  title: "General Data Protection Regulation — transfers to third countries",
  requirement:
    "Personal data leaves the EU/EEA only under an adequacy decision or appropriate safeguards.",
};

/**
 * Alibaba Cloud's finance and government clouds in the mainland, and the endpoint aliases of
 * some of them: regions of CN whose zones Alibaba Cloud lists only to their customers.
 */
export const alicloudRestrictedCnRegions: readonly string[] = [
  "cn-shanghai-finance-1",
  "cn-shanghai-finance-1-pub",
  "cn-shenzhen-finance-1",
  "cn-shenzhen-finance",
  "cn-szfinance",
  "cn-beijing-finance-1",
  "cn-beijing-finance-1-pub",
  "cn-hangzhou-finance",
  "cn-hzfinance",
  "cn-hzjbp",
  "cn-north-2-gov-1",
];

/**
 * Regions that Alibaba Cloud's endpoint tables list but the Terraform provider's `ValidRegions`
 * (the catalog's source) does not, each with the jurisdiction that holds it and where the tables
 * name it: the Fuzhou local region and the Zhengzhou joint-venture region (with China Unicom) in
 * the mainland, Malaysia (Johor) and US (Atlanta). A program that names one (a provider's region,
 * an endpoint, a zone) is placed in that country instead of failing closed as a region the catalog
 * cannot place. Once the provider's list holds one, it is an ordinary region and leaves this list.
 */
export const alicloudRegionsBeyondValidRegions: Readonly<
  Record<string, { readonly jurisdiction: string; readonly source: string }>
> = {
  "cn-fuzhou": {
    jurisdiction: "CN",
    source: tagEndpoints("cn-fuzhou China (Fuzhou - Local Region)"),
  },
  "cn-zhengzhou-jva": {
    jurisdiction: "CN",
    source: tagEndpoints("cn-zhengzhou-jva Zhengzhou (China Unicom Joint Venture)"),
  },
  "ap-southeast-8": {
    jurisdiction: "MY",
    source:
      "ap-southeast-8 Malaysia (Johor) per the ACC API's endpoint table, https://help.aliyun.com/en/cs/api-acc-2024-04-02-endpoint, and Simple Log Service's, https://www.alibabacloud.com/help/en/sls/getcursortime",
  },
  "us-southeast-1": {
    jurisdiction: "US",
    source:
      "us-southeast-1 US (Atlanta) per the ACC API's endpoint table, https://help.aliyun.com/en/cs/api-acc-2024-04-02-endpoint",
  },
};

function tagEndpoints(region: string): string {
  return `${region} per the Tag API's endpoint table, https://www.alibabacloud.com/help/en/resource-management/tag/developer-reference/api-tag-2018-08-28-endpoint`;
}

/** The regions of `alicloudRegionsBeyondValidRegions` that `jurisdiction` holds. */
function alicloudBeyond(jurisdiction: string): string[] {
  return Object.entries(alicloudRegionsBeyondValidRegions)
    .filter(([, e]) => e.jurisdiction === jurisdiction)
    .map(([region]) => region);
}

/** Where the tables name the regions of `alicloudRegionsBeyondValidRegions` that `jurisdiction` holds. */
function alicloudBeyondSources(jurisdiction: string): string {
  return Object.values(alicloudRegionsBeyondValidRegions)
    .filter((e) => e.jurisdiction === jurisdiction)
    .map((e) => `; ${e.source}`)
    .join("");
}

const catalog: readonly Jurisdiction[] = [
  {
    id: "CN",
    name: "People's Republic of China (mainland)",
    kind: "country",
    regions: {
      alicloud: [
        "cn-qingdao",
        "cn-beijing",
        "cn-zhangjiakou",
        "cn-huhehaote",
        "cn-wulanchabu",
        "cn-hangzhou",
        "cn-shanghai",
        "cn-nanjing",
        "cn-shenzhen",
        "cn-heyuan",
        "cn-guangzhou",
        "cn-chengdu",
        ...alicloudBeyond("CN"),
        ...alicloudRestrictedCnRegions,
      ],
      aws: ["cn-north-1", "cn-northwest-1"],
    },
    sources: {
      alicloud: `${alicloudSource(
        "the mainland regions (Qingdao … Chengdu) and the finance and government clouds of Shanghai, Shenzhen, Beijing and Hangzhou",
      )}${alicloudBeyondSources("CN")}`,
      aws: awsSource("cn-north-1 Beijing, cn-northwest-1 Ningxia (partition aws-cn)"),
    },
    awsPartitions: ["aws-cn"],
    regulations: [
      {
        id: "CSL Art. 37",
        title: "Cybersecurity Law — localisation of critical information infrastructure's data",
        requirement:
          "Operators of critical information infrastructure store the personal information and important data they collect and generate in mainland China; what their business truly needs to provide abroad passes a security assessment under the measures of the CAC and the State Council's departments.",
      },
      {
        id: "PIPL Art. 38-40",
        title: "Personal Information Protection Law — cross-border provision",
        requirement:
          "Personal information goes abroad only on a legal basis — a CAC security assessment, a certification or a standard contract (Art. 38) — and with separate consent (Art. 39); operators of critical information infrastructure and processors above the CAC's volume thresholds store it in China (Art. 40).",
      },
      {
        id: "DSL Art. 21, 31",
        title: "Data Security Law — important data",
        requirement:
          "Data is classified and graded, important data protected first (Art. 21); important data goes abroad only as the Cybersecurity Law and the CAC's measures allow (Art. 31).",
      },
      {
        id: "CAC Outbound Data Security Assessment Measures (2022)",
        title: "Measures for the Security Assessment of Outbound Data Transfers",
        requirement:
          "Before a data processor provides important data abroad, or personal information as an operator of critical information infrastructure or in the volumes the CAC sets, it applies through its provincial cyberspace office for the CAC's security assessment, which weighs the transfer's purpose and necessity, the volume and sensitivity of the data and the recipient's protection.",
      },
      {
        id: "CAC Cross-Border Data Flow Provisions (2024)",
        title: "Provisions on Promoting and Regulating Cross-Border Data Flows",
        requirement:
          "Which exports need the security assessment, a standard contract or a certification, by the kind of data (important data, sensitive personal information) and the number of people it concerns in a year; which are exempt (data not identified or announced as important, transfers necessary for a contract with the individual or for cross-border human-resources management, emergencies); a passed assessment holds for three years.",
      },
      {
        id: "Automotive Data Provisions Art. 11",
        title: "Several Provisions on Automotive Data Security Management (Trial)",
        requirement:
          "Important data is stored in China as the law requires; where business needs its export, it passes the CAC's security assessment.",
      },
    ],
  },
  {
    id: "US",
    name: "United States",
    kind: "country",
    // The air-gapped classified partitions (us-iso-*, us-isob-*, us-isof-*) are in the United
    // States but are not listed here: see `unplacedRegions`.
    regions: {
      alicloud: ["us-west-1", "us-east-1", ...alicloudBeyond("US")],
      aws: ["us-east-1", "us-east-2", "us-west-1", "us-west-2", "us-gov-east-1", "us-gov-west-1"],
    },
    sources: {
      alicloud: `${alicloudSource("us-west-1 Silicon Valley, us-east-1 Virginia")}${alicloudBeyondSources("US")}`,
      aws: awsSource(
        "us-east-1 N. Virginia, us-east-2 Ohio, us-west-1 N. California, us-west-2 Oregon, us-gov-east-1 / us-gov-west-1 GovCloud (US)",
      ),
    },
    awsPartitions: ["aws", "aws-us-gov"],
    regulations: [
      {
        id: "EO 14117 / 28 CFR 202",
        title: "Preventing Access to Americans' Bulk Sensitive Personal Data",
        requirement:
          "Data brokerage, and vendor, employment or investment agreements, that give countries of concern or covered persons access to bulk sensitive personal data or government-related data are prohibited or restricted: a rule on access, which where the data is kept bears on but does not settle.",
      },
      {
        id: "CCPA/CPRA 1798.100",
        title: "California Consumer Privacy Act",
        requirement:
          "Personal information is retained no longer than disclosed and protected by reasonable security.",
      },
    ],
  },
  {
    id: "EU",
    name: "European Union",
    kind: "union",
    // The 27 member states (Treaty on European Union Art. 52). Those hosting a region of either
    // cloud have a country entry below; the EU's lists are exactly theirs.
    members: [
      "AT",
      "BE",
      "BG",
      "CY",
      "CZ",
      "DE",
      "DK",
      "EE",
      "ES",
      "FI",
      "FR",
      "GR",
      "HR",
      "HU",
      "IE",
      "IT",
      "LT",
      "LU",
      "LV",
      "MT",
      "NL",
      "PL",
      "PT",
      "RO",
      "SE",
      "SI",
      "SK",
    ],
    regions: {
      alicloud: ["eu-central-1"],
      aws: [
        "eu-central-1",
        "eu-north-1",
        "eu-south-1",
        "eu-south-2",
        "eu-west-1",
        "eu-west-3",
        "eusc-de-east-1",
      ],
    },
    sources: {
      alicloud: "the regions of its member states' entries (DE)",
      aws: "the regions of its member states' entries (DE, SE, IT, ES, IE, FR)",
    },
    awsPartitions: ["aws", "aws-eusc"],
    regulations: [
      gdprTransfers,
      {
        id: "GDPR Art. 32",
        title: "General Data Protection Regulation — security of processing",
        requirement: "Encryption and access control appropriate to the risk.",
      },
    ],
  },

  // --- EU member states hosting a region ---------------------------------------------------
  {
    id: "DE",
    name: "Germany",
    kind: "country",
    regions: { alicloud: ["eu-central-1"], aws: ["eu-central-1", "eusc-de-east-1"] },
    sources: {
      alicloud: alicloudSource("eu-central-1 Frankfurt"),
      aws: awsSource(
        "eu-central-1 Frankfurt; eusc-de-east-1 AWS European Sovereign Cloud, Brandenburg (partition aws-eusc)",
      ),
    },
    awsPartitions: ["aws", "aws-eusc"],
    regulations: [
      gdprTransfers,
      {
        id: "BDSG",
        title: "Bundesdatenschutzgesetz (Federal Data Protection Act, 2018)",
        requirement:
          "Germany's supplement to the GDPR: special categories, employee data and public bodies' processing follow its stricter rules.",
      },
      {
        id: "StGB § 203",
        title: "Strafgesetzbuch — violation of private secrets",
        requirement:
          "Secrets of professionals' clients (health, law, tax) reach a service provider only as far as needed and under a duty of secrecy.",
      },
    ],
  },
  {
    id: "FR",
    name: "France",
    kind: "country",
    regions: { alicloud: [], aws: ["eu-west-3"] },
    sources: { alicloud: noAlicloud("France"), aws: awsSource("eu-west-3 Paris") },
    awsPartitions: ["aws"],
    regulations: [
      gdprTransfers,
      {
        id: "Loi Informatique et Libertés",
        title:
          "Loi n° 78-17 du 6 janvier 1978 relative à l'informatique, aux fichiers et aux libertés",
        requirement: "France's data protection act alongside the GDPR, supervised by the CNIL.",
      },
      {
        id: "CSP Art. L.1111-8",
        title: "Code de la santé publique — hosting of personal health data (HDS)",
        requirement: "Personal health data is hosted only by a certified health-data host (HDS).",
      },
    ],
  },
  {
    id: "IE",
    name: "Ireland",
    kind: "country",
    regions: { alicloud: [], aws: ["eu-west-1"] },
    sources: { alicloud: noAlicloud("Ireland"), aws: awsSource("eu-west-1 Ireland") },
    awsPartitions: ["aws"],
    regulations: [
      gdprTransfers,
      {
        id: "Data Protection Act 2018 (IE)",
        title: "Data Protection Act 2018 (Ireland)",
        requirement: "Ireland's data protection act alongside the GDPR, supervised by the DPC.",
      },
    ],
  },
  {
    id: "IT",
    name: "Italy",
    kind: "country",
    regions: { alicloud: [], aws: ["eu-south-1"] },
    sources: { alicloud: noAlicloud("Italy"), aws: awsSource("eu-south-1 Milan") },
    awsPartitions: ["aws"],
    regulations: [
      gdprTransfers,
      {
        id: "D.Lgs. 196/2003",
        title: "Codice in materia di protezione dei dati personali",
        requirement: "Italy's data protection code alongside the GDPR, supervised by the Garante.",
      },
    ],
  },
  {
    id: "ES",
    name: "Spain",
    kind: "country",
    regions: { alicloud: [], aws: ["eu-south-2"] },
    sources: { alicloud: noAlicloud("Spain"), aws: awsSource("eu-south-2 Aragón") },
    awsPartitions: ["aws"],
    regulations: [
      gdprTransfers,
      {
        id: "LOPDGDD",
        title:
          "Ley Orgánica 3/2018 de Protección de Datos Personales y garantía de los derechos digitales",
        requirement: "Spain's data protection act alongside the GDPR, supervised by the AEPD.",
      },
      {
        id: "ENS (RD 311/2022)",
        title: "Esquema Nacional de Seguridad",
        requirement:
          "Systems of the public sector and its suppliers apply the ENS security measures for their category.",
      },
    ],
  },
  {
    id: "SE",
    name: "Sweden",
    kind: "country",
    regions: { alicloud: [], aws: ["eu-north-1"] },
    sources: { alicloud: noAlicloud("Sweden"), aws: awsSource("eu-north-1 Stockholm") },
    awsPartitions: ["aws"],
    regulations: [
      gdprTransfers,
      {
        id: "Dataskyddslagen (2018:218)",
        title: "Lag med kompletterande bestämmelser till EU:s dataskyddsförordning",
        requirement: "Sweden's supplement to the GDPR, supervised by IMY.",
      },
    ],
  },

  // --- Europe outside the EU ---------------------------------------------------------------
  {
    id: "GB",
    name: "United Kingdom",
    kind: "country",
    regions: { alicloud: ["eu-west-1"], aws: ["eu-west-2"] },
    sources: {
      alicloud: alicloudSource("eu-west-1 London"),
      aws: awsSource("eu-west-2 London"),
    },
    awsPartitions: ["aws"],
    regulations: [
      {
        id: "UK GDPR Chapter V",
        title: "UK General Data Protection Regulation — transfers (Art. 44-49)",
        requirement:
          "Personal data leaves the UK only under UK adequacy regulations or appropriate safeguards (IDTA, Addendum).",
      },
      {
        id: "DPA 2018 (UK)",
        title: "Data Protection Act 2018 (United Kingdom)",
        requirement: "The UK's data protection act alongside the UK GDPR, supervised by the ICO.",
      },
    ],
  },
  {
    id: "CH",
    name: "Switzerland",
    kind: "country",
    regions: { alicloud: [], aws: ["eu-central-2"] },
    sources: { alicloud: noAlicloud("Switzerland"), aws: awsSource("eu-central-2 Zurich") },
    awsPartitions: ["aws"],
    regulations: [
      {
        id: "FADP Art. 16",
        title: "Federal Act on Data Protection (revised, 2023) — disclosure abroad",
        requirement:
          "Personal data is disclosed abroad only to states the Federal Council finds adequate or under appropriate safeguards.",
      },
    ],
  },

  // --- Africa and the Middle East ----------------------------------------------------------
  {
    id: "ZA",
    name: "South Africa",
    kind: "country",
    regions: { alicloud: [], aws: ["af-south-1"] },
    sources: { alicloud: noAlicloud("South Africa"), aws: awsSource("af-south-1 Cape Town") },
    awsPartitions: ["aws"],
    regulations: [
      {
        id: "POPIA s.72",
        title: "Protection of Personal Information Act — transfers outside the Republic",
        requirement:
          "Personal information leaves South Africa only to adequate laws, binding agreements, consent or contractual necessity.",
      },
    ],
  },
  {
    id: "IL",
    name: "Israel",
    kind: "country",
    regions: { alicloud: [], aws: ["il-central-1"] },
    sources: { alicloud: noAlicloud("Israel"), aws: awsSource("il-central-1 Tel Aviv") },
    awsPartitions: ["aws"],
    regulations: [
      {
        id: "PPL Transfer Regulations 2001",
        title:
          "Protection of Privacy Regulations (Transfer of Data to Databases Abroad), 5761-2001",
        requirement:
          "Data of an Israeli database is transferred abroad only to adequate countries or under the regulations' exceptions.",
      },
      {
        id: "PPL Data Security Regulations 2017",
        title: "Protection of Privacy Regulations (Data Security), 5777-2017",
        requirement: "Databases are secured according to their security level.",
      },
    ],
  },
  {
    id: "AE",
    name: "United Arab Emirates",
    kind: "country",
    regions: { alicloud: ["me-east-1"], aws: ["me-central-1"] },
    sources: {
      alicloud: alicloudSource("me-east-1 Dubai"),
      aws: awsSource("me-central-1 UAE"),
    },
    awsPartitions: ["aws"],
    regulations: [
      {
        id: "UAE PDPL Art. 22-23",
        title:
          "Federal Decree-Law No. 45 of 2021 on the Protection of Personal Data — cross-border transfer",
        requirement:
          "Personal data leaves the UAE only to adequate jurisdictions or under the law's permitted cases.",
      },
    ],
  },
  {
    id: "BH",
    name: "Bahrain",
    kind: "country",
    regions: { alicloud: [], aws: ["me-south-1"] },
    sources: { alicloud: noAlicloud("Bahrain"), aws: awsSource("me-south-1 Bahrain") },
    awsPartitions: ["aws"],
    regulations: [
      {
        id: "Bahrain PDPL Art. 12-13",
        title: "Law No. 30 of 2018 on Personal Data Protection — transfer outside the Kingdom",
        requirement:
          "Personal data leaves Bahrain only to countries the Authority lists as adequate or with its permission.",
      },
    ],
  },
  {
    id: "SA",
    name: "Saudi Arabia",
    kind: "country",
    regions: { alicloud: ["me-central-1"], aws: [] },
    sources: {
      alicloud: alicloudSource("me-central-1 Riyadh (partner region)"),
      aws: noAws("Saudi Arabia"),
    },
    awsPartitions: [],
    regulations: [
      {
        id: "Saudi PDPL Art. 29",
        title: "Personal Data Protection Law (Royal Decree M/19) — transfer outside the Kingdom",
        requirement:
          "Personal data leaves the Kingdom only for the law's purposes and under the Transfer Regulation's safeguards.",
      },
    ],
  },

  // --- Asia-Pacific ------------------------------------------------------------------------
  {
    id: "HK",
    name: "Hong Kong SAR, China",
    kind: "country",
    regions: { alicloud: ["cn-hongkong"], aws: ["ap-east-1"] },
    sources: {
      alicloud: alicloudSource("cn-hongkong China (Hong Kong)"),
      aws: awsSource("ap-east-1 Hong Kong"),
    },
    awsPartitions: ["aws"],
    regulations: [
      {
        id: "PDPO s.33",
        title: "Personal Data (Privacy) Ordinance (Cap. 486) — transfer outside Hong Kong",
        requirement:
          "Restricts transfers of personal data outside Hong Kong (enacted, not yet in operation; the PCPD's model clauses apply meanwhile).",
      },
      {
        id: "PDPO DPP 4",
        title: "Personal Data (Privacy) Ordinance — Data Protection Principle 4 (security)",
        requirement:
          "Personal data is protected against unauthorised or accidental access, processing, erasure, loss or use.",
      },
    ],
  },
  {
    id: "TW",
    name: "Taiwan",
    kind: "country",
    regions: { alicloud: [], aws: ["ap-east-2"] },
    sources: { alicloud: noAlicloud("Taiwan"), aws: awsSource("ap-east-2 Taipei") },
    awsPartitions: ["aws"],
    regulations: [
      {
        id: "Taiwan PDPA Art. 21",
        title: "Personal Data Protection Act — international transmission",
        requirement:
          "The competent authority may restrict international transmission of personal data by non-government agencies.",
      },
    ],
  },
  {
    id: "JP",
    name: "Japan",
    kind: "country",
    regions: { alicloud: ["ap-northeast-1"], aws: ["ap-northeast-1", "ap-northeast-3"] },
    sources: {
      alicloud: alicloudSource("ap-northeast-1 Tokyo"),
      aws: awsSource("ap-northeast-1 Tokyo, ap-northeast-3 Osaka"),
    },
    awsPartitions: ["aws"],
    regulations: [
      {
        id: "APPI Art. 28",
        title:
          "Act on the Protection of Personal Information — provision to a third party in a foreign country",
        requirement:
          "Personal data goes to a third party abroad only with informed consent, to an adequate country, or to one with equivalent measures.",
      },
    ],
  },
  {
    id: "KR",
    name: "Republic of Korea",
    kind: "country",
    regions: { alicloud: ["ap-northeast-2"], aws: ["ap-northeast-2"] },
    sources: {
      alicloud: alicloudSource("ap-northeast-2 Seoul"),
      aws: awsSource("ap-northeast-2 Seoul"),
    },
    awsPartitions: ["aws"],
    regulations: [
      {
        id: "PIPA Art. 28-8",
        title: "Personal Information Protection Act — overseas transfer of personal information",
        requirement:
          "Personal information is transferred abroad only with separate consent, by treaty, certification or an adequacy recognition.",
      },
    ],
  },
  {
    id: "IN",
    name: "India",
    kind: "country",
    regions: { alicloud: ["ap-south-1"], aws: ["ap-south-1", "ap-south-2"] },
    sources: {
      alicloud: alicloudSource("ap-south-1 Mumbai (closed to new resources)"),
      aws: awsSource("ap-south-1 Mumbai, ap-south-2 Hyderabad"),
    },
    awsPartitions: ["aws"],
    regulations: [
      {
        id: "DPDP Act 2023 s.16",
        title: "Digital Personal Data Protection Act, 2023 — processing outside India",
        requirement:
          "The Central Government may restrict transfer of personal data to countries it notifies.",
      },
      {
        id: "RBI Payment Data Storage (2018)",
        title:
          "Reserve Bank of India — Storage of Payment System Data (DPSS.CO.OD No.2785/06.08.005/2017-18)",
        requirement: "All data of payment systems is stored only in India.",
      },
    ],
  },
  {
    id: "SG",
    name: "Singapore",
    kind: "country",
    regions: { alicloud: ["ap-southeast-1"], aws: ["ap-southeast-1"] },
    sources: {
      alicloud: alicloudSource("ap-southeast-1 Singapore"),
      aws: awsSource("ap-southeast-1 Singapore"),
    },
    awsPartitions: ["aws"],
    regulations: [
      {
        id: "Singapore PDPA s.26",
        title: "Personal Data Protection Act 2012 — transfer limitation obligation",
        requirement:
          "Personal data leaves Singapore only to recipients bound to a comparable standard of protection.",
      },
      {
        id: "Singapore PDPA s.24",
        title: "Personal Data Protection Act 2012 — protection obligation",
        requirement:
          "Reasonable security arrangements protect personal data in the organisation's possession.",
      },
    ],
  },
  {
    id: "MY",
    name: "Malaysia",
    kind: "country",
    regions: { alicloud: ["ap-southeast-3", ...alicloudBeyond("MY")], aws: ["ap-southeast-5"] },
    sources: {
      alicloud: `${alicloudSource("ap-southeast-3 Kuala Lumpur")}${alicloudBeyondSources("MY")}`,
      aws: awsSource("ap-southeast-5 Malaysia"),
    },
    awsPartitions: ["aws"],
    regulations: [
      {
        id: "Malaysia PDPA s.129",
        title: "Personal Data Protection Act 2010 — transfer of personal data outside Malaysia",
        requirement:
          "Personal data leaves Malaysia only to places with substantially similar protection or under the section's exceptions.",
      },
    ],
  },
  {
    id: "ID",
    name: "Indonesia",
    kind: "country",
    regions: { alicloud: ["ap-southeast-5"], aws: ["ap-southeast-3"] },
    sources: {
      alicloud: alicloudSource("ap-southeast-5 Jakarta"),
      aws: awsSource("ap-southeast-3 Jakarta"),
    },
    awsPartitions: ["aws"],
    regulations: [
      {
        id: "PDP Law Art. 56",
        title: "Law No. 27 of 2022 on Personal Data Protection — transfer outside Indonesia",
        requirement:
          "Personal data leaves Indonesia only to equal or higher protection, adequate safeguards, or with consent.",
      },
      {
        id: "GR 71/2019 Art. 20",
        title: "Government Regulation 71 of 2019 on Electronic Systems and Transactions",
        requirement:
          "Public-scope electronic system operators manage, process and store their systems and data in Indonesia.",
      },
    ],
  },
  {
    id: "PH",
    name: "Philippines",
    kind: "country",
    regions: { alicloud: ["ap-southeast-6"], aws: [] },
    sources: {
      alicloud: alicloudSource("ap-southeast-6 Manila"),
      aws: noAws("the Philippines"),
    },
    awsPartitions: [],
    regulations: [
      {
        id: "Data Privacy Act s.21",
        title: "Data Privacy Act of 2012 (RA 10173) — principle of accountability",
        requirement:
          "The controller stays responsible for personal information transferred to third parties, including abroad.",
      },
    ],
  },
  {
    id: "TH",
    name: "Thailand",
    kind: "country",
    regions: { alicloud: ["ap-southeast-7"], aws: ["ap-southeast-7"] },
    sources: {
      alicloud: alicloudSource("ap-southeast-7 Bangkok"),
      aws: awsSource("ap-southeast-7 Thailand"),
    },
    awsPartitions: ["aws"],
    regulations: [
      {
        id: "Thailand PDPA s.28",
        title: "Personal Data Protection Act B.E. 2562 (2019) — transfer abroad",
        requirement:
          "Personal data leaves Thailand only to countries with adequate standards or under the Act's exceptions.",
      },
    ],
  },
  {
    id: "AU",
    name: "Australia",
    kind: "country",
    regions: { alicloud: ["ap-southeast-2"], aws: ["ap-southeast-2", "ap-southeast-4"] },
    sources: {
      alicloud: alicloudSource("ap-southeast-2 Sydney (closed to new resources)"),
      aws: awsSource("ap-southeast-2 Sydney, ap-southeast-4 Melbourne"),
    },
    awsPartitions: ["aws"],
    regulations: [
      {
        id: "Privacy Act 1988 APP 8",
        title: "Australian Privacy Principle 8 — cross-border disclosure of personal information",
        requirement:
          "An entity disclosing personal information overseas takes reasonable steps so the recipient complies with the APPs, and stays accountable.",
      },
      {
        id: "My Health Records Act 2012 s.77",
        title: "My Health Records Act 2012 — records held in Australia",
        requirement: "My Health Record data is held and processed only in Australia.",
      },
    ],
  },
  {
    id: "NZ",
    name: "New Zealand",
    kind: "country",
    regions: { alicloud: [], aws: ["ap-southeast-6"] },
    sources: {
      alicloud: noAlicloud("New Zealand"),
      aws: awsSource("ap-southeast-6 New Zealand (Auckland)"),
    },
    awsPartitions: ["aws"],
    regulations: [
      {
        id: "Privacy Act 2020 IPP 12",
        title:
          "Privacy Act 2020 — Information Privacy Principle 12 (disclosure outside New Zealand)",
        requirement:
          "Personal information goes abroad only to recipients subject to comparable safeguards, or with informed authorisation.",
      },
    ],
  },

  // --- The Americas (the United States is above) --------------------------------------------
  {
    id: "CA",
    name: "Canada",
    kind: "country",
    regions: { alicloud: [], aws: ["ca-central-1", "ca-west-1"] },
    sources: {
      alicloud: noAlicloud("Canada"),
      aws: awsSource("ca-central-1 Canada (Central), ca-west-1 Calgary"),
    },
    awsPartitions: ["aws"],
    regulations: [
      {
        id: "PIPEDA Sch. 1 4.1.3",
        title:
          "Personal Information Protection and Electronic Documents Act — accountability for transfers",
        requirement:
          "An organisation stays responsible for personal information it transfers to a third party for processing, by contract.",
      },
      {
        id: "PIIDPA s.5",
        title: "Personal Information International Disclosure Protection Act (Nova Scotia)",
        requirement:
          "Personal information held by Nova Scotia public bodies is stored and accessed only in Canada, unless an exception applies.",
      },
    ],
  },
  {
    id: "MX",
    name: "Mexico",
    kind: "country",
    regions: { alicloud: [], aws: ["mx-central-1"] },
    sources: { alicloud: noAlicloud("Mexico"), aws: awsSource("mx-central-1 Mexico (Central)") },
    awsPartitions: ["aws"],
    regulations: [
      {
        id: "LFPDPPP Art. 36-37",
        title:
          "Ley Federal de Protección de Datos Personales en Posesión de los Particulares — transfers",
        requirement:
          "Personal data is transferred, in Mexico or abroad, only with the owner's consent or under the law's exceptions, the recipient bound to the privacy notice.",
      },
    ],
  },
  {
    id: "BR",
    name: "Brazil",
    kind: "country",
    regions: { alicloud: [], aws: ["sa-east-1"] },
    sources: { alicloud: noAlicloud("Brazil"), aws: awsSource("sa-east-1 São Paulo") },
    awsPartitions: ["aws"],
    regulations: [
      {
        id: "LGPD Art. 33",
        title: "Lei Geral de Proteção de Dados — international transfer",
        requirement:
          "Personal data leaves Brazil only to adequate countries, under ANPD standard clauses, or the article's other cases.",
      },
    ],
  },
];

/**
 * Regions a provider knows that the catalog places in no jurisdiction. They are outside every
 * border, so a path to one is a path out (fail closed); they are not stack regions.
 */
export const unplacedRegions: readonly UnplacedRegion[] = [
  ...[
    "us-iso-east-1",
    "us-iso-west-1",
    "us-isob-east-1",
    "us-isob-west-1",
    "us-isof-east-1",
    "us-isof-south-1",
  ].map((region): UnplacedRegion => ({
    cloud: "aws",
    region,
    reason:
      "an air-gapped classified region (partitions aws-iso, aws-iso-b, aws-iso-f) that AWS describes as serving the US government, in the United States by every public account; but AWS publishes neither its zones nor its endpoints, and this project's components support only the aws, aws-cn, aws-us-gov and aws-eusc partitions, so it is not made a US stack region",
    needs:
      "AWS's documentation of the ISO partitions (available to their customers): the region's location, zones and service endpoints",
  })),
  {
    cloud: "aws",
    region: "eu-isoe-west-1",
    reason:
      "partition aws-iso-e; AWS's public region list and endpoint data name it only 'EU ISOE West' and do not state its country",
    needs: "an AWS statement of the country that hosts eu-isoe-west-1",
  },
  {
    cloud: "alicloud",
    region: "rus-west-1",
    reason:
      "declared as a constant in terraform-provider-alicloud connectivity/regions.go but not in ValidRegions, and absent from Alibaba Cloud's public region list",
    needs: "Alibaba Cloud documentation of the rus-west-1 region and the country that hosts it",
  },
];

const byId = new Map(catalog.map((j) => [j.id, j]));

/** Every jurisdiction in the catalog, in catalog order. */
export function listJurisdictions(): readonly Jurisdiction[] {
  return catalog;
}

/** The catalog IDs ("CN", "US", …). */
export function jurisdictionIds(): string[] {
  return catalog.map((j) => j.id);
}

export function findJurisdiction(id: string): Jurisdiction | undefined {
  return byId.get(id);
}

/** Looks a jurisdiction up by ID; an unknown ID is an error that lists the known ones. */
export function getJurisdiction(id: string): Jurisdiction {
  const found = byId.get(id);
  if (!found) {
    throw new Error(
      `Unknown jurisdiction ${JSON.stringify(id)}; known jurisdictions: ${jurisdictionIds().join(", ")}.`,
    );
  }
  return found;
}

/** True when `region` (an exact region ID of `cloud`) lies inside the jurisdiction. */
export function regionInJurisdiction(j: Jurisdiction, cloud: Cloud, region: string): boolean {
  return j.regions[cloud].includes(region);
}

/** Per partition, its regions of the catalog (a constant): the graph asks once per global edge. */
const partitionRegions = new Map<string, readonly string[]>();

/** The AWS regions of the catalog's countries that lie in `partition`, in catalog order. */
export function awsPartitionRegions(partition: string): readonly string[] {
  let regions = partitionRegions.get(partition);
  if (regions === undefined) {
    const all = catalog
      .filter((c) => c.kind === "country")
      .flatMap((c) => c.regions.aws)
      .filter((r) => awsPartitionOf(r) === partition);
    regions = [...new Set(all)];
    partitionRegions.set(partition, regions);
  }
  return regions;
}

/**
 * Whether the jurisdiction holds every region of an AWS partition (the China partition under CN,
 * GovCloud under the US): whatever the partition keeps — its global services, a multi-Region
 * key's replicas, a bucket named by ARN alone — stays inside. A partition the catalog places no
 * region of is held by no jurisdiction.
 */
export function holdsAwsPartition(j: Jurisdiction, partition: string): boolean {
  const regions = awsPartitionRegions(partition);
  return regions.length > 0 && regions.every((r) => regionInJurisdiction(j, "aws", r));
}

/** The one country a region of a cloud lies in, or undefined when the catalog does not place it. */
export function countryOfRegion(cloud: Cloud, region: string): Jurisdiction | undefined {
  return catalog.find((j) => j.kind === "country" && j.regions[cloud].includes(region));
}

/** The country `country` (ISO 3166-1 alpha-2) is the jurisdiction or one of its members. */
export function holdsCountry(j: Jurisdiction, country: string): boolean {
  const id = country.toUpperCase();
  return j.id === id || (j.members ?? []).includes(id);
}

/** The unions (EU) whose members include the country `country`. */
export function unionsOf(country: Jurisdiction): Jurisdiction[] {
  return catalog.filter((j) => j.kind === "union" && (j.members ?? []).includes(country.id));
}

/**
 * The widest jurisdiction a region of a cloud belongs to — its country's union when there is
 * one (eu-central-1 → EU), otherwise its country (cn-hongkong → HK) — or undefined when the
 * catalog does not place it. Used to name the far side of a path
 * ("eu-central-1 (outside US, in EU)"); `countryOfRegion` gives the country itself.
 */
export function jurisdictionOfRegion(cloud: Cloud, region: string): Jurisdiction | undefined {
  const country = countryOfRegion(cloud, region);
  return country === undefined ? undefined : (unionsOf(country)[0] ?? country);
}

/** The AWS partition a region belongs to (from the region ID's documented partition families). */
export function awsPartitionOf(region: string): string {
  if (region === "cn-north-1" || region === "cn-northwest-1") {
    return "aws-cn";
  }
  if (region.startsWith("us-gov-")) {
    return "aws-us-gov";
  }
  if (region.startsWith("us-isob-")) {
    return "aws-iso-b";
  }
  if (region.startsWith("us-isof-")) {
    return "aws-iso-f";
  }
  if (region.startsWith("us-iso-")) {
    return "aws-iso";
  }
  if (region.startsWith("eu-isoe-")) {
    return "aws-iso-e";
  }
  if (region.startsWith("eusc-")) {
    return "aws-eusc";
  }
  return "aws";
}
