/**
 * `sovereign-dc plan` as a user runs it: the real CLI in a child process, its JSON document on
 * stdout and its exit code — for the shipped Shanghai stack and for broken configs.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import YAML from "yaml";
import { cliMany, type CliRun, root } from "../helpers/cli";

type Run = CliRun;

interface Doc {
  stack: string;
  jurisdiction: string;
  resources: {
    type: string;
    name: string;
    id: string | null;
    parent: string | null;
    provider: string | null;
    region: string | null;
    protect: boolean;
    props: Record<string, unknown>;
  }[];
  violations: unknown[];
}

/** A throw-away project whose program is this repository's, with the given stack config. */
function projectWith(stack: string, config: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-plan-"));
  fs.writeFileSync(
    path.join(dir, "Pulumi.yaml"),
    YAML.stringify({
      name: "sovereign-dc",
      runtime: "nodejs",
      main: path.join(root, "stacks", "index.ts"),
    }),
  );
  fs.writeFileSync(path.join(dir, `Pulumi.${stack}.yaml`), YAML.stringify({ config }));
  return dir;
}

function shanghaiConfig(): Record<string, unknown> {
  return YAML.parse(fs.readFileSync(path.join(root, "Pulumi.cn-shanghai.yaml"), "utf8")).config;
}

const sarifFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sdc-plan-")), "sh.sarif");

/** Every plan this file judges, run through the CLI's main in two processes (cliMany). */
const requests = {
  shanghaiJson: {
    args: ["plan", "--stack", "cn-shanghai", "--format", "json", "--sarif", sarifFile],
  },
  shanghaiText: { args: ["plan", "--stack", "cn-shanghai"] },
  usWestJson: { args: ["plan", "--stack", "us-west", "--format", "json"] },
  // The program is sealed; logged in to Pulumi Cloud (AWS us-west-2), its state is not.
  stateAbroad: {
    args: ["plan", "--stack", "cn-shanghai"],
    env: { PULUMI_BACKEND_URL: "https://api.pulumi.com" },
  },
  hongKong: {
    args: [
      "plan",
      "--stack",
      "hk",
      "--project",
      projectWith("hk", { ...shanghaiConfig(), "sovereign-dc:region": "cn-hongkong" }),
      "--format",
      "json",
    ],
  },
};
const runs = {} as Record<keyof typeof requests, Run>;

beforeAll(async () => {
  const names = Object.keys(requests) as (keyof typeof requests)[];
  const results = await cliMany(names.map((n) => requests[n]));
  names.forEach((n, i) => (runs[n] = results[i]));
}, 120_000);

describe("sovereign-dc plan --stack cn-shanghai --format json", () => {
  let run: Run;
  let doc: Doc;
  let sarif: { runs: { results: unknown[]; tool: { driver: { rules: unknown[] } } }[] };
  beforeAll(() => {
    run = runs.shanghaiJson;
    doc = JSON.parse(run.stdout);
    sarif = JSON.parse(fs.readFileSync(sarifFile, "utf8"));
  });

  it("writes the same verdict as SARIF for code scanning: every rule, no result", () => {
    expect(sarif.runs[0].results).toEqual([]);
    expect(sarif.runs[0].tool.driver.rules.length).toBeGreaterThan(20);
  });

  const custom = () => doc.resources.filter((r) => r.provider !== null);
  const ofType = (t: string) => doc.resources.filter((r) => r.type === t);

  it("exits 0 with one JSON document on stdout and no violations", () => {
    expect(run.code).toBe(0);
    expect(doc.stack).toBe("cn-shanghai");
    expect(doc.jurisdiction).toBe("CN");
    expect(doc.violations).toEqual([]);
  });

  it("builds a VPC and vSwitches in two zones", () => {
    expect(ofType("alicloud:vpc/network:Network")).toHaveLength(1);
    const zones = ofType("alicloud:vpc/switch:Switch").map((s) => s.props.zoneId);
    expect(zones.sort()).toEqual(["cn-shanghai-e", "cn-shanghai-f"]);
  });

  it("builds one KMS key with automatic rotation, protected from destroy", () => {
    const keys = ofType("alicloud:kms/key:Key");
    expect(keys).toHaveLength(1);
    expect(keys[0].props.automaticRotation).toBe("Enabled");
    expect(keys[0].protect).toBe(true);
  });

  it("makes every OSS bucket private, versioned and SSE-KMS with the stack's key", () => {
    const buckets = ofType("alicloud:oss/bucket:Bucket");
    expect(buckets.length).toBeGreaterThanOrEqual(3);
    const per = (t: string) => ofType(t).map((r) => r.props);
    const [key] = ofType("alicloud:kms/key:Key");
    for (const b of buckets) {
      expect(b.protect).toBe(true);
      const name = b.props.bucket;
      expect(per("alicloud:oss/bucketAcl:BucketAcl")).toContainEqual(
        expect.objectContaining({ bucket: name, acl: "private" }),
      );
      expect(per("alicloud:oss/bucketVersioning:BucketVersioning")).toContainEqual(
        expect.objectContaining({ bucket: name, status: "Enabled" }),
      );
      const sse = per("alicloud:oss/bucketServerSideEncryption:BucketServerSideEncryption").find(
        (s) => s.bucket === name,
      );
      expect(sse?.sseAlgorithm).toBe("KMS");
      expect(sse?.kmsMasterKeyId).toBe(key.id);
    }
  });

  it("has no NAT gateway, EIP or egress allow rule to 0.0.0.0/0", () => {
    const types = doc.resources.map((r) => r.type);
    expect(types.filter((t) => /natGateway|eipAddress|eipAssociation|\/eip:/i.test(t))).toEqual([]);
    const egressAllows = ofType("alicloud:ecs/securityGroupRule:SecurityGroupRule").filter(
      (r) => r.props.type === "egress" && r.props.policy !== "drop",
    );
    expect(egressAllows.map((r) => r.props.cidrIp)).not.toContain("0.0.0.0/0");
  });

  it("puts every cloud resource on the one explicit provider, pinned to cn-shanghai, and every Kubernetes object on the cluster's own provider", () => {
    const providers = ofType("pulumi:providers:alicloud");
    expect(providers).toHaveLength(1);
    expect(providers[0].props.region).toBe("cn-shanghai");
    const [k8s] = ofType("pulumi:providers:kubernetes");
    expect(ofType("pulumi:providers:kubernetes")).toHaveLength(1);
    // The stack builds a network, keys, buckets, rules and a cluster: dozens of resources.
    expect(custom().length).toBeGreaterThan(20);
    for (const r of custom()) {
      const kubernetes = r.type.startsWith("kubernetes:");
      expect({ name: r.name, provider: r.provider, region: r.region }).toEqual({
        name: r.name,
        // Kubernetes objects live where the cluster their provider is built from does; the
        // pack places them through it (kubernetes-cluster-placement).
        provider: kubernetes ? k8s.name : providers[0].name,
        region: kubernetes ? null : "cn-shanghai",
      });
    }
  });
});

describe("sovereign-dc plan with a broken config", () => {
  it("exits 2 with the key, the value and what is allowed, and no stack trace", () => {
    const run = runs.hongKong;
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(
      'error: Invalid stack config for stack "hk":\n  - sovereign-dc:region: received "cn-hongkong"; expected a region of alicloud inside jurisdiction CN (',
    );
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});

describe("sovereign-dc plan --stack us-west --format json", () => {
  let run: Run;
  let doc: Doc;
  beforeAll(() => {
    run = runs.usWestJson;
    doc = JSON.parse(run.stdout);
  });
  const ofType = (t: string) => doc.resources.filter((r) => r.type === t);

  it("exits 0 with no violation, every resource in us-west-2 (IAM: global) on the one explicit AWS provider, Kubernetes objects on the cluster's", () => {
    expect(run.code).toBe(0);
    expect(doc.jurisdiction).toBe("US");
    expect(doc.violations).toEqual([]);
    const [provider] = ofType("pulumi:providers:aws");
    expect(ofType("pulumi:providers:aws")).toHaveLength(1);
    const [k8s] = ofType("pulumi:providers:kubernetes");
    const placed = doc.resources.filter((r) => r.provider !== null);
    expect(new Set(placed.map((r) => `${r.provider} ${r.region}`))).toEqual(
      new Set([`${provider.name} us-west-2`, `${provider.name} global`, `${k8s.name} null`]),
    );
    // Only IAM, which AWS runs as a global service, has no region.
    expect(
      new Set(placed.filter((r) => r.region === "global").map((r) => r.type.split("/")[0])),
    ).toEqual(new Set(["aws:iam"]));
  });

  it("has private subnets in two AZs and no internet path", () => {
    expect(
      ofType("aws:ec2/subnet:Subnet")
        .map((s) => s.props.availabilityZone)
        .sort(),
    ).toEqual(["us-west-2a", "us-west-2b"]);
    expect(
      doc.resources.filter((r) =>
        /internetGateway|egressOnlyInternetGateway|natGateway|ec2\/eip:/.test(r.type),
      ),
    ).toEqual([]);
  });

  it("seals every bucket: public access blocked, versioned, SSE-KMS with the one rotated key", () => {
    const keys = ofType("aws:kms/key:Key");
    expect(keys.map((k) => [k.props.enableKeyRotation, k.protect])).toEqual([[true, true]]);
    const buckets = ofType("aws:s3/bucket:Bucket");
    expect(buckets.length).toBe(4);
    for (const b of buckets) {
      const id = b.id;
      const settings = (t: string) => ofType(t).filter((r) => r.props.bucket === id);
      expect(
        settings("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock")[0].props,
      ).toMatchObject({
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      });
      expect(
        settings("aws:s3/bucketVersioning:BucketVersioning")[0].props.versioningConfiguration,
      ).toMatchObject({
        status: "Enabled",
      });
      const [sse] = settings(
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
      );
      const rule = (
        sse.props.rules as { applyServerSideEncryptionByDefault: Record<string, string> }[]
      )[0];
      expect(rule.applyServerSideEncryptionByDefault.sseAlgorithm).toBe("aws:kms");
      expect(rule.applyServerSideEncryptionByDefault.kmsMasterKeyId).toMatch(
        new RegExp(`${keys[0].id}$`),
      );
    }
  });

  it("has no security-group egress to 0.0.0.0/0", () => {
    const egress = ofType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule");
    expect(egress.length).toBeGreaterThan(0);
    expect(egress.map((r) => r.props.cidrIpv4)).not.toContain("0.0.0.0/0");
  });
});

describe("sovereign-dc plan's exit codes", () => {
  it("exits 1 with the violation and the NOT SEALED verdict when the stack's state would leave CN", () => {
    const run = runs.stateAbroad;
    expect(run.code).toBe(1);
    const tail = run.stdout.slice(run.stdout.indexOf("\nViolations:\n") + 1);
    expect(tail).toBe(
      [
        "Violations:",
        "✗ [mandatory] state-residency",
        "    The backend in PULUMI_BACKEND_URL of stack cn-shanghai must keep its data inside CN, but it is in aws us-west-2, outside CN. Log in to a backend in the stack's own region (an s3:// bucket with ?region=, or OSS through its S3 endpoint).",
        "    path: Pulumi state of stack cn-shanghai → backend in PULUMI_BACKEND_URL https://api.pulumi.com → aws us-west-2 (outside CN)",
        "",
        "NOT SEALED: stack cn-shanghai has 1 mandatory residency violation; it must not be deployed. Fix each, or waive a transfer your organisation has approved, with its reason and expiry, in a --policy-config file.",
        "",
      ].join("\n"),
    );
  });

  it("exits 0 with the SEALED verdict as its last line", () => {
    const run = runs.shanghaiText;
    expect(run.code).toBe(0);
    expect(
      run.stdout.endsWith(
        "\nViolations: none\nSEALED: stack cn-shanghai has no path out of CN (0 advisory findings).\n",
      ),
    ).toBe(true);
  });
});
