/**
 * `sovereign-dc new-stack` as an engineer adding a region runs it: the defaults it picks (zones,
 * network, the commented file), every refusal with its whole message and nothing written, and
 * the file it writes planning sealed.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import YAML from "yaml";
import { main } from "../../cli/main";
import { cidrsOverlap } from "../../residency/spec";
import { cliSequences, root } from "../helpers/cli";

const dirs: string[] = [];

/** A throw-away project whose program is this repository's, with the given stack files. */
function project(stacks: Readonly<Record<string, string>> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-new-stack-"));
  dirs.push(dir);
  fs.writeFileSync(
    path.join(dir, "Pulumi.yaml"),
    YAML.stringify({
      name: "sovereign-dc",
      runtime: "nodejs",
      main: path.join(root, "stacks", "index.ts"),
    }),
  );
  for (const [stack, text] of Object.entries(stacks)) {
    fs.writeFileSync(path.join(dir, `Pulumi.${stack}.yaml`), text);
  }
  return dir;
}
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A stack file that declares only its network, which is all new-stack reads of other stacks. */
const networkOnly = (cidr: string) => `config:\n  sovereign-dc:network:\n    cidr: ${cidr}\n`;

/** Every stack file of this repository, as a user's checkout has them. */
function copyOfThisProject(): string {
  const files = fs.readdirSync(root).filter((f) => /^Pulumi\..+\.ya?ml$/.test(f));
  return project(
    Object.fromEntries(
      files.map((f) => [
        /^Pulumi\.(.+)\.ya?ml$/.exec(f)![1],
        fs.readFileSync(path.join(root, f), "utf8"),
      ]),
    ),
  );
}

async function run(dir: string, ...args: string[]) {
  let out = "";
  let err = "";
  const code = await main(["node", "sovereign-dc", "new-stack", ...args, "--project", dir], {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
  });
  return { code, out, err };
}

const configOf = (dir: string, stack: string) =>
  YAML.parse(fs.readFileSync(path.join(dir, `Pulumi.${stack}.yaml`), "utf8")).config;

const shanghai = fs.readFileSync(path.join(root, "Pulumi.cn-shanghai.yaml"), "utf8");

/** new-stack's arguments for an AWS stack `name` in Frankfurt under DE, then `more`. */
const inFrankfurt = (name: string, ...more: string[]) => [
  name,
  ...["--cloud", "aws", "--region", "eu-central-1", "--jurisdiction", "DE"],
  ...["--account-id", "111122223333", ...more],
];

describe("sovereign-dc new-stack refuses, writing nothing", () => {
  test.each([
    {
      when: "the region is outside the jurisdiction (Paris for a German stack)",
      args: [
        "fr",
        "--cloud",
        "aws",
        "--region",
        "eu-west-3",
        "--jurisdiction",
        "DE",
        "--account-id",
        "111122223333",
      ],
      err: 'error: Cannot scaffold stack "fr"; nothing was written:\n  - --region (sovereign-dc:region): received "eu-west-3"; expected a region of aws inside jurisdiction DE (eu-central-1, eusc-de-east-1); eu-west-3 is in FR (EU).\n',
    },
    {
      when: "the region is Hong Kong for a CN stack",
      args: ["hk", "--cloud", "alicloud", "--region", "cn-hongkong", "--jurisdiction", "CN"],
      err: 'error: Cannot scaffold stack "hk"; nothing was written:\n  - --region (sovereign-dc:region): received "cn-hongkong"; expected a region of alicloud inside jurisdiction CN (cn-qingdao, cn-beijing, cn-zhangjiakou, cn-huhehaote, cn-wulanchabu, cn-hangzhou, cn-shanghai, cn-nanjing, cn-shenzhen, cn-heyuan, cn-guangzhou, cn-chengdu, cn-fuzhou, cn-zhengzhou-jva, cn-shanghai-finance-1, cn-shanghai-finance-1-pub, cn-shenzhen-finance-1, cn-shenzhen-finance, cn-szfinance, cn-beijing-finance-1, cn-beijing-finance-1-pub, cn-hangzhou-finance, cn-hzfinance, cn-hzjbp, cn-north-2-gov-1); cn-hongkong is in HK.\n',
    },
    {
      when: "the region is another cloud's (Alibaba Cloud's Beijing for an AWS stack)",
      args: [
        "bj",
        "--cloud",
        "aws",
        "--region",
        "cn-beijing",
        "--jurisdiction",
        "CN",
        "--account-id",
        "111122223333",
      ],
      err: 'error: Cannot scaffold stack "bj"; nothing was written:\n  - --region (sovereign-dc:region): received "cn-beijing"; expected a region of aws inside jurisdiction CN (cn-north-1, cn-northwest-1); cn-beijing is a region of alicloud, not of aws.\n',
    },
    {
      // The bucket `pulumi login` is to use is made of the project's and the stack's names.
      when: "the stack's name makes a state bucket name longer than S3 allows",
      args: inFrankfurt("a".repeat(50)),
      err: `error: Cannot scaffold stack "${"a".repeat(50)}"; nothing was written:\n  - <name> (sovereign-dc:stateBackend): received "s3://sovereign-dc-state-${"a".repeat(50)}?region=eu-central-1"; expected an s3:// backend whose bucket "sovereign-dc-state-${"a".repeat(50)}" is a valid S3 bucket name (3 to 63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit).\n`,
    },
    {
      // Found by an engineer's walkthrough: commander named one missing option a run.
      when: "options are missing, naming every one at once",
      args: ["bj", "--cloud", "alicloud"],
      err: "error: --region, --jurisdiction: received nothing; expected each for a new stack, e.g. sovereign-dc new-stack bj --cloud alicloud --region cn-beijing --jurisdiction CN.\n",
    },
    {
      when: "the jurisdiction is not in the catalog",
      args: ["bj", "--cloud", "alicloud", "--region", "cn-beijing", "--jurisdiction", "PRC"],
      err: 'error: Cannot scaffold stack "bj"; nothing was written:\n  - --jurisdiction (sovereign-dc:jurisdiction): received "PRC"; expected one of: CN, US, EU, DE, FR, IE, IT, ES, SE, GB, CH, ZA, IL, AE, BH, SA, HK, TW, JP, KR, IN, SG, MY, ID, PH, TH, AU, NZ, CA, MX, BR.\n',
    },
    {
      when: "an AWS stack has no account ID",
      args: ["eu", "--cloud", "aws", "--region", "eu-central-1", "--jurisdiction", "EU"],
      err: 'error: Cannot scaffold stack "eu"; nothing was written:\n  - --account-id (sovereign-dc:accountId): received nothing (the key is missing); expected the 12-digit AWS account ID the stack is pinned to (required when cloud is aws).\n',
    },
    {
      when: "--cidr overlaps another stack's network",
      args: [
        "bj",
        "--cloud",
        "alicloud",
        "--region",
        "cn-beijing",
        "--jurisdiction",
        "CN",
        "--cidr",
        "10.20.128.0/17",
      ],
      err: 'error: --cidr: received "10.20.128.0/17"; expected a network that overlaps no other stack of this project, but it overlaps stack cn-shanghai (sovereign-dc:network.cidr 10.20.0.0/16 in Pulumi.cn-shanghai.yaml).\n',
    },
    {
      when: "--cidr is not a CIDR block",
      args: [
        "bj",
        "--cloud",
        "alicloud",
        "--region",
        "cn-beijing",
        "--jurisdiction",
        "CN",
        "--cidr",
        "10.40.0.0",
      ],
      err: 'error: --cidr: received "10.40.0.0"; expected an IPv4 CIDR such as 10.40.0.0/16.\n',
    },
    {
      when: "the region has one zone and --zones is not given",
      args: ["nj", "--cloud", "alicloud", "--region", "cn-nanjing", "--jurisdiction", "CN"],
      err: "error: --zones: received nothing; expected the zones the stack spreads over (e.g. --zones cn-nanjing-a), because region cn-nanjing of alicloud has no default: residency/zones.ts lists fewer than two zones for it (one zone: Nanjing is a local region (Zone A)).\n",
    },
    {
      when: "the region's zones are unlisted and --zones is not given",
      args: [
        "eusc",
        "--cloud",
        "aws",
        "--region",
        "eusc-de-east-1",
        "--jurisdiction",
        "DE",
        "--account-id",
        "111122223333",
      ],
      err: "error: --zones: received nothing; expected the zones the stack spreads over (e.g. --zones eusc-de-east-1a), because region eusc-de-east-1 of aws has no default: residency/zones.ts lists fewer than two zones for it (zones unlisted: the AWS European Sovereign Cloud (partition aws-eusc) is not on the AWS Regions page; needs its own documentation of zone letters and zone IDs).\n",
    },
    {
      // Alibaba Cloud spells zones outside the mainland without the dash (`ap-northeast-2a`):
      // the zone the message offers must be one the spec accepts.
      when: "an Alibaba Cloud region outside the mainland has one zone and --zones is not given",
      args: ["seoul", "--cloud", "alicloud", "--region", "ap-northeast-2", "--jurisdiction", "KR"],
      err: "error: --zones: received nothing; expected the zones the stack spreads over (e.g. --zones ap-northeast-2a), because region ap-northeast-2 of alicloud has no default: residency/zones.ts lists fewer than two zones for it (one zone (doc): South Korea (Seoul) lists Zone A).\n",
    },
    {
      when: "a zone of an Alibaba Cloud region outside the mainland is spelled as the mainland's are",
      args: [
        "kl",
        "--cloud",
        "alicloud",
        "--region",
        "ap-southeast-3",
        "--jurisdiction",
        "MY",
        "--zones",
        "ap-southeast-3-a,ap-southeast-3b",
      ],
      err: 'error: Cannot scaffold stack "kl"; nothing was written:\n  - --zones (sovereign-dc:network.zones[0].zone): received "ap-southeast-3-a"; expected a zone of region ap-southeast-3, such as ap-southeast-3a.\n',
    },
    {
      // Found by an engineer adding regions: a letter of the region's pattern that the region
      // does not have planned sealed, and only pulumi up would have refused it.
      when: "a zone has the region's form but is not one the catalog lists for it",
      args: inFrankfurt("de", "--zones", "eu-central-1a,eu-central-1d"),
      err: 'error: Cannot scaffold stack "de"; nothing was written:\n  - --zones (sovereign-dc:network.zones[1].zone): received "eu-central-1d"; expected a zone residency/zones.ts lists for eu-central-1 (eu-central-1a, eu-central-1b, eu-central-1c); a zone the cloud opened since is added to that list first.\n',
    },
    {
      when: "an Alibaba Cloud stack's name cannot be part of an OSS bucket's, nor its bucket one the stack keeps",
      args: [
        "Prod_1",
        "--cloud",
        "alicloud",
        "--region",
        "cn-beijing",
        "--jurisdiction",
        "CN",
        "--bucket",
        "access-logs:30:Logs",
      ],
      err: 'error: Cannot scaffold stack "Prod_1"; nothing was written:\n  - <name> (the stack name): received "Prod_1"; expected a stack name that makes its log bucket "sovereign-dc-Prod_1-access-logs" a valid OSS bucket name (3 to 63 lowercase letters, digits or hyphens, starting and ending with a letter or digit).\n  - --bucket (sovereign-dc:buckets[0].name): received "access-logs"; expected a name other than access-logs, which the alicloud stack uses for its log buckets.\n',
    },
    {
      when: "an AWS stack's network lies in public address space",
      args: [
        "us",
        "--cloud",
        "aws",
        "--region",
        "us-east-1",
        "--jurisdiction",
        "US",
        "--account-id",
        "111122223333",
        "--cidr",
        "203.0.112.0/20",
      ],
      err: 'error: Cannot scaffold stack "us"; nothing was written:\n  - --cidr (sovereign-dc:network.cidr): received "203.0.112.0/20"; expected a block of private address space (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16); the stack\'s own rules to and from a public block would be paths to the internet.\n',
    },
    {
      when: "a one-zone region is also outside the jurisdiction: the region is what is wrong",
      args: ["nj", "--cloud", "alicloud", "--region", "cn-nanjing", "--jurisdiction", "US"],
      err: 'error: Cannot scaffold stack "nj"; nothing was written:\n  - --region (sovereign-dc:region): received "cn-nanjing"; expected a region of alicloud inside jurisdiction US (us-west-1, us-east-1, us-southeast-1); cn-nanjing is in CN.\n',
    },
  ])("when $when", async ({ args, err }) => {
    const dir = project({ "cn-shanghai": shanghai });
    expect(await run(dir, ...args)).toEqual({ code: 2, out: "", err });
    expect(fs.readdirSync(dir).sort()).toEqual(["Pulumi.cn-shanghai.yaml", "Pulumi.yaml"]);
  });

  it("when the stack exists and --force is not given, leaving its file as it was", async () => {
    const dir = project({ "cn-shanghai": shanghai });
    const file = path.join(dir, "Pulumi.cn-shanghai.yaml");
    const args = ["cn-shanghai", "--cloud", "alicloud", "--region", "cn-shanghai"];
    expect(await run(dir, ...args, "--jurisdiction", "CN")).toEqual({
      code: 2,
      out: "",
      err: `error: <name>: received "cn-shanghai"; expected a stack that has no config yet, but ${file} already exists; pass --force to overwrite it.\n`,
    });
    expect(fs.readFileSync(file, "utf8")).toBe(shanghai);
  });
});

// Found by an engineer adding a second German stack: AWS stacks name their buckets and key
// alias by account and region alone, so a second stack there planned sealed and could never deploy.
describe("sovereign-dc new-stack and the accounts of the project's AWS stacks", () => {
  const frankfurt = fs.readFileSync(path.join(root, "Pulumi.eu-frankfurt.yaml"), "utf8");
  const args = (account: string, region = "eu-central-1") => [
    "de-shared",
    "--cloud",
    "aws",
    "--region",
    region,
    "--jurisdiction",
    "DE",
    "--account-id",
    account,
  ];

  it("refuses a stack in the account and region of another, writing nothing", async () => {
    const dir = project({ "eu-frankfurt": frankfurt });
    expect(await run(dir, ...args("444455556666"))).toEqual({
      code: 2,
      out: "",
      err: 'error: --account-id: received "444455556666"; expected an account no other stack of this project uses in eu-central-1, but stack eu-frankfurt (Pulumi.eu-frankfurt.yaml) does: the two would create buckets and a key alias of the same names (access-logs-444455556666-eu-central-1, alias/sovereign-dc/eu-central-1), which AWS refuses to the second. Put the stack in another account or region.\n',
    });
    expect(fs.readdirSync(dir).sort()).toEqual(["Pulumi.eu-frankfurt.yaml", "Pulumi.yaml"]);
  });

  it("twin: writes it in another account", async () => {
    const dir = project({ "eu-frankfurt": frankfurt });
    expect((await run(dir, ...args("111122223333"))).code).toBe(0);
    expect(configOf(dir, "de-shared")["sovereign-dc:accountId"]).toBe("111122223333");
  });
});

describe("sovereign-dc new-stack defaults", () => {
  it("spreads over every zone the catalog lists for the region, one /24 each", async () => {
    const dir = project();
    const args = ["sg", "--cloud", "aws", "--region", "ap-southeast-1", "--jurisdiction", "SG"];
    expect((await run(dir, ...args, "--account-id", "111122223333")).code).toBe(0);
    expect(configOf(dir, "sg")["sovereign-dc:network"]).toEqual({
      cidr: "10.0.0.0/16",
      zones: [
        { zone: "ap-southeast-1a", cidr: "10.0.1.0/24" },
        { zone: "ap-southeast-1b", cidr: "10.0.2.0/24" },
        { zone: "ap-southeast-1c", cidr: "10.0.3.0/24" },
      ],
    });
  });

  it("picks the first /16 of 10.0.0.0/8 that no other stack's network overlaps", async () => {
    const dir = project({
      a: networkOnly("10.0.0.0/16"),
      b: networkOnly("10.1.128.0/17"),
      c: networkOnly("10.3.0.0/16"),
    });
    const args = ["bj", "--cloud", "alicloud", "--region", "cn-beijing", "--jurisdiction", "CN"];
    expect((await run(dir, ...args, "--zones", "cn-beijing-a,cn-beijing-c")).code).toBe(0);
    expect(configOf(dir, "bj")["sovereign-dc:network"]).toEqual({
      cidr: "10.2.0.0/16",
      zones: [
        { zone: "cn-beijing-a", cidr: "10.2.1.0/24" },
        { zone: "cn-beijing-c", cidr: "10.2.2.0/24" },
      ],
    });
  });

  it("does not count the network of the stack that --force overwrites", async () => {
    const dir = project({ bj: networkOnly("10.0.0.0/16") });
    const args = ["bj", "--cloud", "alicloud", "--region", "cn-beijing", "--jurisdiction", "CN"];
    expect((await run(dir, ...args, "--cidr", "10.0.0.0/16", "--force")).code).toBe(0);
    expect(configOf(dir, "bj")["sovereign-dc:network"].cidr).toBe("10.0.0.0/16");
  });

  // Found by an engineer re-running new-stack on a stack of theirs: --force picked a new network
  // (a new VPC, were the stack deployed) and dropped its buckets without a word.
  it("keeps the network of the file --force overwrites, and names the buckets the new file drops", async () => {
    const dir = project({
      bj: "config:\n  sovereign-dc:network:\n    cidr: 10.40.0.0/16\n  sovereign-dc:buckets:\n    - name: telemetry\n      purpose: Vehicle telemetry\n      retentionDays: 365\n",
    });
    const args = ["bj", "--cloud", "alicloud", "--region", "cn-beijing", "--jurisdiction", "CN"];
    const run1 = await run(dir, ...args, "--zones", "cn-beijing-a,cn-beijing-c", "--force");
    expect(run1.code).toBe(0);
    expect(run1.err).toMatch(
      /^Overwrote .*Pulumi\.bj\.yaml: network 10\.40\.0\.0\/16 \(kept from the file it overwrote\), zones cn-beijing-a, cn-beijing-c\.\nIt no longer declares the bucket telemetry of the file it overwrote: pulumi up would delete it, which its protect refuses; give it again with --bucket to keep it\.\n/,
    );
    expect(configOf(dir, "bj")["sovereign-dc:network"].cidr).toBe("10.40.0.0/16");
    // Given again, nothing is dropped.
    const run2 = await run(
      dir,
      ...args,
      "--zones",
      "cn-beijing-a,cn-beijing-c",
      "--bucket",
      "telemetry:365:Vehicle telemetry",
      "--force",
    );
    expect(run2.err).not.toContain("no longer declares");
  });

  it("writes a file whose every key is commented, buckets and egress ready to fill", async () => {
    const dir = project({ "cn-shanghai": shanghai });
    const args = [
      "jp",
      "--cloud",
      "alicloud",
      "--region",
      "ap-northeast-1",
      "--jurisdiction",
      "JP",
    ];
    const r = await run(dir, ...args);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, "Pulumi.jp.yaml"), "utf8")).toBe(
      [
        "# jp: sealed alicloud data center in ap-northeast-1, jurisdiction JP. Written by",
        "# sovereign-dc new-stack; check it offline with: sovereign-dc plan --stack jp",
        "config:",
        "  # Every resource must name the stack's explicit provider; the engine refuses defaults.",
        '  pulumi:disable-default-providers: ["*"]',
        "  # The provider's own region: a resource created outside the components lands here too.",
        "  alicloud:region: ap-northeast-1",
        "  # The cloud that hosts the stack: alicloud or aws.",
        "  sovereign-dc:cloud: alicloud",
        "  # The one region every resource is created in; it lies inside the jurisdiction.",
        "  sovereign-dc:region: ap-northeast-1",
        "  # The border no data path may cross: Japan (residency/jurisdictions.ts).",
        "  sovereign-dc:jurisdiction: JP",
        "  # Pulumi state is data too: `pulumi login` to this backend, inside the jurisdiction.",
        "  sovereign-dc:stateBackend: s3://sovereign-dc-state-jp?endpoint=oss-ap-northeast-1.aliyuncs.com&region=ap-northeast-1",
        "  # Private network, no internet path: one subnet per zone, a /24 each of the stack's network.",
        "  sovereign-dc:network:",
        "    cidr: 10.0.0.0/16 # the stack's network; no other stack of this project uses it",
        "    zones: # the zones the stack spreads over",
        "      - zone: ap-northeast-1a # zone 1 of 3",
        "        cidr: 10.0.1.0/24 # its private subnet",
        "      - zone: ap-northeast-1b # zone 2 of 3",
        "        cidr: 10.0.2.0/24 # its private subnet",
        "      - zone: ap-northeast-1c # zone 3 of 3",
        "        cidr: 10.0.3.0/24 # its private subnet",
        "  # Data buckets: private, versioned, encrypted with the stack's key, expired after retention.",
        "  # Add one per kind of data, e.g.",
        "  #   - name: telemetry",
        "  #     purpose: Vehicle telemetry and trip data",
        "  #     retentionDays: 365",
        "  sovereign-dc:buckets: []",
        "  # The only destinations workloads may reach; everything else is denied. Add each with its",
        "  # reason (the VPC's DNS and the OSS and KMS intranet endpoints are listed), e.g.",
        "  #   - cidr: 10.0.0.0/16",
        "  #     ports: [443]",
        "  #     protocol: tcp",
        "  #     reason: HTTPS between the stack's own workloads inside its network",
        "  sovereign-dc:egress:",
        "    - cidr: 100.100.2.136/30",
        "      ports: [53]",
        "      protocol: udp",
        "      reason: VPC DNS resolvers of Alibaba Cloud inside the region",
        "    - cidr: 100.64.0.0/10",
        "      ports: [443]",
        "      protocol: tcp",
        "      reason: Intranet endpoints of OSS and KMS in ap-northeast-1 (Alibaba Cloud service address space)",
        "  # The stack's KMS key: how long a deletion waits, how often the key rotates.",
        "  sovereign-dc:keys:",
        "    deletionWindowDays: 30 # days a scheduled deletion can still be cancelled (7-30)",
        "    rotationDays: 365 # automatic rotation period in days (90-365; 365 on alicloud)",
        "  # How hardening that keeps data in place is judged (a data store without a customer-managed",
        "  # key, a link to another account inside the jurisdiction): strict fails the stack, standard",
        "  # reports it as advisory. A path out of the jurisdiction fails under both.",
        "  sovereign-dc:posture: strict",
        "",
      ].join("\n"),
    );
    expect(r.err).toBe(
      `Wrote ${path.relative(process.cwd(), path.join(dir, "Pulumi.jp.yaml"))}: network 10.0.0.0/16 (the first /16 of 10.0.0.0/8 no other stack uses), zones ap-northeast-1a, ap-northeast-1b, ap-northeast-1c.\n` +
        "Next: sovereign-dc plan --stack jp; create the state bucket s3://sovereign-dc-state-jp?endpoint=oss-ap-northeast-1.aliyuncs.com&region=ap-northeast-1 and pulumi login to it;\n" +
        "pulumi stack init jp --secrets-provider passphrase; sovereign-dc preflight --stack jp;\n" +
        "then npx sovereign-dc policy-config --stack jp --out policy/config/jp.json and\n" +
        `pulumi up --stack jp --policy-pack ${path.relative(process.cwd(), path.join(__dirname, "..", "..", "policy"))} --policy-pack-config policy/config/jp.json\n`,
    );
  });

  it("comments every line it writes, buckets and the account included", async () => {
    const dir = project();
    const args = ["us", "--cloud", "aws", "--region", "us-east-1", "--jurisdiction", "US"];
    const buckets = [
      "--bucket",
      "telemetry:365:Vehicle telemetry",
      "--bucket",
      "records:1825:Contracts",
    ];
    expect((await run(dir, ...args, "--account-id", "111122223333", ...buckets)).code).toBe(0);
    const lines = fs.readFileSync(path.join(dir, "Pulumi.us.yaml"), "utf8").split("\n");
    const comment = (l: string | undefined) => l !== undefined && /^\s*#/.test(l);
    const uncommented = lines.filter(
      (l, i) => l !== "" && !comment(l) && !/ # \S/.test(l) && !comment(lines[i - 1]),
    );
    expect(uncommented).toEqual([]);
    expect(configOf(dir, "us")["sovereign-dc:accountId"]).toBe("111122223333");
    expect(configOf(dir, "us")["sovereign-dc:buckets"]).toEqual([
      { name: "telemetry", retentionDays: 365, purpose: "Vehicle telemetry" },
      { name: "records", retentionDays: 1825, purpose: "Contracts" },
    ]);
    expect(configOf(dir, "us")["sovereign-dc:network"].zones).toHaveLength(6);
  });
});

describe("sovereign-dc new-stack, then plan, on a copy of this project", () => {
  const sequences = {
    singapore: [
      [
        "new-stack",
        "sg-prod",
        "--cloud",
        "aws",
        "--region",
        "ap-southeast-1",
        "--jurisdiction",
        "SG",
        "--account-id",
        "111122223333",
      ],
      ["plan", "--stack", "sg-prod"],
    ],
    japan: [
      [
        "new-stack",
        "jp",
        "--cloud",
        "alicloud",
        "--region",
        "ap-northeast-1",
        "--jurisdiction",
        "JP",
      ],
      ["plan", "--stack", "jp"],
    ],
    beijing: [
      [
        "new-stack",
        "cn-beijing",
        "--cloud",
        "alicloud",
        "--region",
        "cn-beijing",
        "--jurisdiction",
        "CN",
        "--cidr",
        "10.40.0.0/16",
        "--zones",
        "cn-beijing-a,cn-beijing-c",
        "--bucket",
        "telemetry:365:Vehicle telemetry",
      ],
      ["plan", "--stack", "cn-beijing", "--format", "json"],
    ],
  };
  const dirOf = {} as Record<keyof typeof sequences, string>;
  const runs = {} as Record<keyof typeof sequences, Awaited<ReturnType<typeof cliSequences>>[0]>;

  beforeAll(async () => {
    const names = Object.keys(sequences) as (keyof typeof sequences)[];
    names.forEach((n) => (dirOf[n] = copyOfThisProject()));
    const results = await cliSequences(
      names.map((n) => sequences[n].map((args) => ({ args, cwd: dirOf[n] }))),
    );
    names.forEach((n, i) => (runs[n] = results[i]));
  }, 120_000);

  it.each([
    ["singapore", "sg-prod", "SG"],
    ["japan", "jp", "JP"],
  ] as const)("scaffolds the %s stack, which plans sealed", (key, stack, jurisdiction) => {
    const [created, plan] = runs[key];
    expect(created.code).toBe(0);
    expect(plan.code).toBe(0);
    expect(
      plan.stdout.endsWith(
        `\nViolations: none\nSEALED: stack ${stack} has no path out of ${jurisdiction} (0 advisory findings).\n`,
      ),
    ).toBe(true);
  });

  it("gives the new stack a network that overlaps no shipped stack's", () => {
    const cidr: string = configOf(dirOf.singapore, "sg-prod")["sovereign-dc:network"].cidr;
    const shipped = fs
      .readdirSync(root)
      .filter((f) => /^Pulumi\..+\.ya?ml$/.test(f) && f !== "Pulumi.yaml")
      .map(
        (f) =>
          YAML.parse(fs.readFileSync(path.join(root, f), "utf8")).config["sovereign-dc:network"]
            .cidr,
      );
    expect(shipped.filter((other: string) => cidrsOverlap(other, cidr))).toEqual([]);
  });

  it("writes the given network, zones and bucket for Beijing, which plans with no violation", () => {
    const [created, plan] = runs.beijing;
    expect(created.code).toBe(0);
    const config = configOf(dirOf.beijing, "cn-beijing");
    expect(config["sovereign-dc:network"]).toEqual({
      cidr: "10.40.0.0/16",
      zones: [
        { zone: "cn-beijing-a", cidr: "10.40.1.0/24" },
        { zone: "cn-beijing-c", cidr: "10.40.2.0/24" },
      ],
    });
    expect(config["sovereign-dc:buckets"]).toEqual([
      { name: "telemetry", retentionDays: 365, purpose: "Vehicle telemetry" },
    ]);
    // Workloads reach the region's OSS and KMS intranet endpoints and the VPC's DNS, as the
    // Parity table says: a new Alibaba Cloud stack lists them, its own region named.
    expect(config["sovereign-dc:egress"]).toEqual([
      {
        cidr: "100.100.2.136/30",
        ports: [53],
        protocol: "udp",
        reason: "VPC DNS resolvers of Alibaba Cloud inside the region",
      },
      {
        cidr: "100.64.0.0/10",
        ports: [443],
        protocol: "tcp",
        reason:
          "Intranet endpoints of OSS and KMS in cn-beijing (Alibaba Cloud service address space)",
      },
    ]);
    expect(config["sovereign-dc:stateBackend"]).toBe(
      "s3://sovereign-dc-state-cn-beijing?endpoint=oss-cn-beijing.aliyuncs.com&region=cn-beijing",
    );
    expect(plan.code).toBe(0);
    expect(JSON.parse(plan.stdout).violations).toEqual([]);
  });
});
