import { type Cloud, getJurisdiction } from "../../residency/jurisdictions";
import {
  backendLocation,
  type BackendSource,
  defaultBackendUrl,
  effectiveBackend,
  type EffectiveSecrets,
  effectiveSecretsProvider,
  locationProblem,
  type PreflightCheck,
  type PreflightInput,
  preflightChecks,
  type ProviderSetting,
  secretsProviderLocation,
} from "../../residency/state";

const cn = getJurisdiction("CN");
const us = getJurisdiction("US");

describe("where Pulumi state lives", () => {
  test.each([
    [
      "s3://state?endpoint=oss-cn-shanghai.aliyuncs.com&region=cn-shanghai",
      { kind: "region", cloud: "alicloud", region: "cn-shanghai" },
    ],
    [
      "s3://state?endpoint=https://oss-cn-beijing-internal.aliyuncs.com",
      { kind: "region", cloud: "alicloud", region: "cn-beijing" },
    ],
    [
      "s3://state?region=cn-northwest-1",
      { kind: "region", cloud: "aws", region: "cn-northwest-1" },
    ],
    ["https://api.pulumi.com", { kind: "region", cloud: "aws", region: "us-west-2" }],
  ])("places backend %s", (url, expected) => {
    expect(backendLocation(url)).toEqual(expected);
  });

  test.each([
    ["s3://state", "an s3:// backend without ?region= follows the machine's AWS config"],
    [
      "https://pulumi.internal.example",
      "a self-hosted service at pulumi.internal.example may store state anywhere",
    ],
    ["gs://state", "the gs:// backend names no region"],
    // An OSS bucket written without its endpoint is AWS S3's URL, in no region AWS has.
    [
      "s3://state?region=cn-beijing",
      "an s3:// backend without endpoint= is AWS S3, where cn-beijing is no region: it is Alibaba Cloud's, whose OSS takes endpoint=oss-cn-beijing.aliyuncs.com",
    ],
    ["not a url", "it is not a URL"],
  ])("cannot place backend %s, and says why", (url, reason) => {
    expect(backendLocation(url)).toEqual({ kind: "unknown", reason });
    expect(locationProblem(cn, backendLocation(url))).toBe(
      `its location cannot be told: ${reason}`,
    );
  });

  it("accepts a China backend for CN and rejects it for US", () => {
    const loc = backendLocation("s3://state?region=cn-north-1");
    expect(locationProblem(cn, loc)).toBeUndefined();
    expect(locationProblem(us, loc)).toBe("it is in aws cn-north-1, outside US");
  });

  test.each([
    ["passphrase", { kind: "local" }],
    ["default", { kind: "region", cloud: "aws", region: "us-west-2" }],
    [
      "awskms://alias/state?region=cn-north-1",
      { kind: "region", cloud: "aws", region: "cn-north-1" },
    ],
    [
      "awskms://arn:aws-cn:kms:cn-northwest-1:111122223333:key/abc",
      { kind: "region", cloud: "aws", region: "cn-northwest-1" },
    ],
  ])("places secrets provider %s", (provider, expected) => {
    expect(secretsProviderLocation(provider)).toEqual(expected);
  });

  it("suggests a backend in the stack's own region", () => {
    expect(defaultBackendUrl("sovereign-dc", "cn-beijing", "alicloud", "cn-beijing")).toBe(
      "s3://sovereign-dc-state-cn-beijing?endpoint=oss-cn-beijing.aliyuncs.com&region=cn-beijing",
    );
    expect(
      locationProblem(cn, backendLocation(defaultBackendUrl("p", "s", "alicloud", "cn-beijing"))),
    ).toBeUndefined();
  });
});

describe("what pulumi up would use, placed against the jurisdiction (preflight)", () => {
  const credentialsFile = "/home/op/.pulumi/credentials.json";
  const shanghaiOss =
    "s3://sovereign-dc-state-cn-shanghai?endpoint=oss-cn-shanghai.aliyuncs.com&region=cn-shanghai";
  const cnInput = (over: Partial<PreflightInput> = {}): PreflightInput => ({
    project: "sovereign-dc",
    stack: "cn-shanghai",
    stackFile: "Pulumi.cn-shanghai.yaml",
    jurisdiction: cn,
    cloud: "alicloud",
    region: "cn-shanghai",
    backend: { url: shanghaiOss, source: "credentials" },
    credentialsFile,
    secrets: { provider: "passphrase", source: "encryptionsalt" },
    settings: [],
    ...over,
  });
  const usInput = (over: Partial<PreflightInput> = {}): PreflightInput =>
    cnInput({
      stack: "us-west",
      stackFile: "Pulumi.us-west.yaml",
      jurisdiction: us,
      cloud: "aws",
      region: "us-west-2",
      backend: { url: "s3://state?region=us-west-2", source: "credentials" },
      ...over,
    });
  const find = (checks: PreflightCheck[], name: string) => checks.find((c) => c.check === name)!;
  const verdict = (c: PreflightCheck) => [c.status, c.level];

  it("takes the backend as the CLI does: PULUMI_BACKEND_URL, Pulumi.yaml, the login, Pulumi Cloud", () => {
    expect(effectiveBackend({})).toEqual({ url: "https://api.pulumi.com", source: "default" });
    expect(effectiveBackend({ currentLogin: "s3://a" })).toEqual({
      url: "s3://a",
      source: "credentials",
    });
    expect(effectiveBackend({ projectBackendUrl: "s3://p", currentLogin: "s3://a" })).toEqual({
      url: "s3://p",
      source: "Pulumi.yaml",
    });
    expect(
      effectiveBackend({
        envBackendUrl: "s3://e",
        projectBackendUrl: "s3://p",
        currentLogin: "s3://a",
      }),
    ).toEqual({ url: "s3://e", source: "PULUMI_BACKEND_URL" });
    expect(
      effectiveBackend({ envBackendUrl: "", projectBackendUrl: "", currentLogin: "" }),
    ).toEqual({
      url: "https://api.pulumi.com",
      source: "default",
    });
  });

  // [backend URL, its source, status, level] for a CN stack in alicloud cn-shanghai.
  test.each<[string, BackendSource, string, string | null]>([
    ["https://api.pulumi.com", "default", "outside", "mandatory"],
    ["https://app.pulumi.com", "credentials", "outside", "mandatory"],
    [shanghaiOss, "credentials", "inside", null],
    [
      "s3://st?endpoint=https://oss-cn-beijing-internal.aliyuncs.com",
      "Pulumi.yaml",
      "inside",
      null,
    ],
    [
      "s3://st?endpoint=s3.oss-cn-hangzhou.aliyuncs.com&region=cn-hangzhou",
      "credentials",
      "inside",
      null,
    ],
    [
      "s3://st?endpoint=oss-cn-hongkong.aliyuncs.com&region=cn-hongkong",
      "PULUMI_BACKEND_URL",
      "outside",
      "mandatory",
    ],
    ["s3://st?endpoint=oss-ap-southeast-1.aliyuncs.com", "credentials", "outside", "mandatory"],
    ["s3://st?endpoint=oss-accelerate.aliyuncs.com", "credentials", "unknown", "mandatory"],
    ["s3://st?region=cn-north-1", "Pulumi.yaml", "inside", null],
    ["s3://st?region=ap-east-1", "credentials", "outside", "mandatory"],
    ["s3://st", "credentials", "unknown", "mandatory"],
    [
      "s3://st?endpoint=minio.internal:9000&s3ForcePathStyle=true",
      "credentials",
      "unknown",
      "mandatory",
    ],
    ["file://~", "credentials", "unknown", "mandatory"],
    ["https://pulumi.example.cn", "credentials", "unknown", "mandatory"],
    ["gs://state", "credentials", "unknown", "mandatory"],
    ["azblob://state", "credentials", "unknown", "mandatory"],
    ["postgres://u@db.example.cn:5432/pulumi", "credentials", "unknown", "mandatory"],
  ])("judges the backend %s (from %s) for a CN stack: %s", (url, source, status, level) => {
    const check = find(preflightChecks(cnInput({ backend: { url, source } })), "backend");
    expect(verdict(check)).toEqual([status, level]);
  });

  it("fails a CN stack on the default Pulumi Cloud backend, with the OSS backend as the fix", () => {
    const checks = preflightChecks(
      cnInput({ backend: { url: "https://api.pulumi.com", source: "default" } }),
    );
    expect(find(checks, "backend")).toEqual({
      check: "backend",
      value: "https://api.pulumi.com",
      source: `Pulumi Cloud, the default: no PULUMI_BACKEND_URL, no backend.url in Pulumi.yaml, no login in ${credentialsFile}`,
      location: "aws us-west-2 (outside CN)",
      status: "outside",
      level: "mandatory",
      message:
        "The state backend of stack cn-shanghai must keep its checkpoints inside CN, but it is in aws us-west-2, outside CN.",
      fix: `Create the bucket, then pulumi login '${shanghaiOss}': a self-managed backend in an OSS bucket of cn-shanghai through its S3-compatible endpoint (OSS takes virtual-hosted requests only: leave s3ForcePathStyle unset).`,
    });
  });

  it("passes a CN stack logged in to an OSS bucket of a mainland region", () => {
    const check = find(preflightChecks(cnInput({ declaredBackendUrl: shanghaiOss })), "backend");
    expect(check).toEqual({
      check: "backend",
      value: shanghaiOss,
      source: `the current login in ${credentialsFile}`,
      location: "alicloud cn-shanghai (inside CN)",
      status: "inside",
      level: null,
      message: null,
      fix: null,
    });
  });

  it("fixes the backend where it is chosen: PULUMI_BACKEND_URL or Pulumi.yaml", () => {
    const hk = "s3://st?endpoint=oss-cn-hongkong.aliyuncs.com&region=cn-hongkong";
    const fromEnv = find(
      preflightChecks(cnInput({ backend: { url: hk, source: "PULUMI_BACKEND_URL" } })),
      "backend",
    );
    expect(fromEnv.message).toBe(
      "The state backend of stack cn-shanghai must keep its checkpoints inside CN, but it is in alicloud cn-hongkong, outside CN.",
    );
    expect(fromEnv.fix).toContain(
      `then set PULUMI_BACKEND_URL to '${shanghaiOss}' (it overrides any login)`,
    );
    const fromProject = find(
      preflightChecks(
        usInput({
          backend: { url: "s3://st?region=eu-west-1", source: "Pulumi.yaml" },
          declaredBackendUrl: "s3://declared?region=us-east-1",
        }),
      ),
      "backend",
    );
    expect(fromProject.fix).toBe(
      "Create the bucket, then set backend.url in Pulumi.yaml to 's3://declared?region=us-east-1': a self-managed backend in an S3 bucket of us-west-2.",
    );
  });

  it("places an s3:// backend without ?region= by the machine's AWS region", () => {
    const outside = find(
      preflightChecks(
        cnInput({
          backend: { url: "s3://st", source: "credentials" },
          awsRegion: { name: "AWS_REGION", value: "us-east-1" },
        }),
      ),
      "backend",
    );
    expect([outside.status, outside.source, outside.location]).toEqual([
      "outside",
      `the current login in ${credentialsFile}; its region from AWS_REGION`,
      "aws us-east-1 (outside CN)",
    ]);
    const inside = find(
      preflightChecks(
        cnInput({
          backend: { url: "s3://st", source: "credentials" },
          awsRegion: { name: "AWS_DEFAULT_REGION", value: "cn-northwest-1" },
        }),
      ),
      "backend",
    );
    expect(verdict(inside)).toEqual(["inside", null]);
    const otherServer = find(
      preflightChecks(
        cnInput({
          backend: { url: "s3://st?endpoint=minio.internal:9000", source: "credentials" },
          awsRegion: { name: "AWS_REGION", value: "cn-north-1" },
        }),
      ),
      "backend",
    );
    expect([otherServer.status, otherServer.source]).toEqual([
      "unknown",
      `the current login in ${credentialsFile}`,
    ]);
  });

  it("advises when the backend in use is not the declared one, though both are inside", () => {
    const check = find(
      preflightChecks(
        cnInput({
          backend: {
            url: "s3://other?endpoint=oss-cn-beijing.aliyuncs.com",
            source: "credentials",
          },
          declaredBackendUrl: shanghaiOss,
        }),
      ),
      "backend",
    );
    expect(check).toMatchObject({
      status: "inside",
      level: "advisory",
      message: `Stack cn-shanghai declares the backend ${shanghaiOss} (sovereign-dc:stateBackend), but the Pulumi CLI would use s3://other?endpoint=oss-cn-beijing.aliyuncs.com.`,
      fix: `Pulumi login '${shanghaiOss}', or declare the backend in use.`,
    });
  });

  test.each<
    [string, { secretsProvider?: string; hasEncryptionSalt: boolean }, string, EffectiveSecrets]
  >([
    [
      "the stack file's secretsprovider",
      { secretsProvider: "awskms://alias/k?region=cn-north-1", hasEncryptionSalt: false },
      "https://api.pulumi.com",
      { provider: "awskms://alias/k?region=cn-north-1", source: "secretsprovider" },
    ],
    [
      "a passphrase for a file with an encryptionsalt",
      { hasEncryptionSalt: true },
      "https://api.pulumi.com",
      { provider: "passphrase", source: "encryptionsalt" },
    ],
    [
      "the service's keys on a service backend",
      { hasEncryptionSalt: false },
      "https://api.pulumi.com",
      { provider: "default", source: "backend default" },
    ],
    [
      "a passphrase on a self-managed backend",
      { hasEncryptionSalt: false },
      shanghaiOss,
      { provider: "passphrase", source: "backend default" },
    ],
  ])("takes as secrets provider %s", (_what, file, backend, expected) => {
    expect(effectiveSecretsProvider(file, backend)).toEqual(expected);
  });

  // [provider, backend, status, level, location] for a CN stack.
  test.each<[string, string, string, string | null, string]>([
    ["passphrase", shanghaiOss, "inside", null, "the machine running Pulumi"],
    ["default", "https://api.pulumi.com", "outside", "mandatory", "aws us-west-2 (outside CN)"],
    ["default", "https://pulumi.example.cn", "unknown", "mandatory", "unknown location"],
    [
      "awskms://alias/state?region=cn-north-1",
      shanghaiOss,
      "inside",
      null,
      "aws cn-north-1 (inside CN)",
    ],
    [
      "awskms://arn:aws:kms:ap-east-1:111122223333:key/abc",
      shanghaiOss,
      "outside",
      "mandatory",
      "aws ap-east-1 (outside CN)",
    ],
    ["awskms://alias/state", shanghaiOss, "unknown", "mandatory", "unknown location"],
    [
      "azurekeyvault://vault.vault.azure.net/keys/state",
      shanghaiOss,
      "unknown",
      "mandatory",
      "unknown location",
    ],
    [
      "gcpkms://projects/p/locations/asia-east2/keyRings/r/cryptoKeys/k",
      shanghaiOss,
      "unknown",
      "mandatory",
      "unknown location",
    ],
    ["hashivault://state", shanghaiOss, "unknown", "mandatory", "unknown location"],
  ])(
    "judges the secrets provider %s (backend %s) for a CN stack: %s",
    (provider, url, status, level, location) => {
      const check = find(
        preflightChecks(
          cnInput({
            backend: { url, source: "credentials" },
            secrets: { provider, source: "secretsprovider" },
          }),
        ),
        "secrets provider",
      );
      expect([check.status, check.level, check.location]).toEqual([status, level, location]);
    },
  );

  it("fixes the secrets of an Alibaba Cloud stack with a passphrase, as Alibaba KMS is no Pulumi provider", () => {
    const check = find(
      preflightChecks(
        cnInput({
          backend: { url: "https://api.pulumi.com", source: "default" },
          secrets: { provider: "default", source: "backend default" },
        }),
      ),
      "secrets provider",
    );
    expect(check).toEqual({
      check: "secrets provider",
      value: "default",
      source: "Pulumi.cn-shanghai.yaml names none: the default of a service backend, its own keys",
      location: "aws us-west-2 (outside CN)",
      status: "outside",
      level: "mandatory",
      message:
        "The secrets provider of stack cn-shanghai must keep its key inside CN, but it is in aws us-west-2, outside CN.",
      fix: "Use a passphrase (pulumi stack change-secrets-provider passphrase: the key stays with whoever holds the passphrase), or an AWS KMS key inside CN (pulumi stack change-secrets-provider 'awskms://alias/<key>?region=cn-north-1'). Alibaba Cloud KMS is not among Pulumi's secrets providers (passphrase, awskms, azurekeyvault, gcpkms, hashivault and the service's own).",
    });
  });

  it("places an awskms:// key without ?region= by the machine's AWS region", () => {
    const check = find(
      preflightChecks(
        usInput({
          secrets: { provider: "awskms://alias/state", source: "secretsprovider" },
          awsRegion: { name: "AWS_DEFAULT_REGION", value: "eu-west-1" },
        }),
      ),
      "secrets provider",
    );
    expect([check.status, check.location]).toEqual(["outside", "aws eu-west-1 (outside US)"]);
  });

  const setting = (
    name: string,
    cloud: Cloud,
    value?: string,
    profileRegion?: string,
  ): ProviderSetting => ({
    name,
    cloud,
    value,
    profileRegion,
    regionSource: name.endsWith("_PROFILE") ? "/home/op/.config" : undefined,
  });

  // [jurisdiction, variable, value, the profile's region, status, level] for CN cn-shanghai
  // (alicloud) and US us-west-2 (aws) stacks.
  test.each<[string, string, string | undefined, string | undefined, string, string | null]>([
    ["CN", "ALICLOUD_REGION", undefined, undefined, "unset", null],
    ["CN", "ALICLOUD_REGION", "cn-shanghai", undefined, "inside", null],
    ["CN", "ALICLOUD_REGION", "cn-beijing", undefined, "inside", "advisory"],
    ["CN", "ALICLOUD_REGION", "cn-hongkong", undefined, "outside", "mandatory"],
    ["CN", "ALICLOUD_PROFILE", "ops", "ap-southeast-1", "outside", "mandatory"],
    ["CN", "ALICLOUD_PROFILE", "ops", "cn-shanghai", "inside", null],
    ["CN", "ALICLOUD_PROFILE", "ops", undefined, "unset", null],
    ["US", "AWS_REGION", "us-west-2", undefined, "inside", null],
    ["US", "AWS_REGION", "eu-west-1", undefined, "outside", "mandatory"],
    ["US", "AWS_DEFAULT_REGION", "us-east-1", undefined, "inside", "advisory"],
    ["US", "AWS_PROFILE", "prod", "ca-central-1", "outside", "mandatory"],
    ["US", "AWS_PROFILE", "prod", undefined, "unset", null],
  ])(
    "judges for a %s stack %s=%s (profile region %s): %s",
    (j, name, value, region, status, level) => {
      const s = setting(name, name.startsWith("AWS") ? "aws" : "alicloud", value, region);
      const checks = preflightChecks(
        j === "CN" ? cnInput({ settings: [s] }) : usInput({ settings: [s] }),
      );
      expect(verdict(find(checks, name))).toEqual([status, level]);
    },
  );

  it("says what a provider region outside the jurisdiction would do, and how to fix it", () => {
    const [region, profile] = preflightChecks(
      cnInput({
        settings: [
          setting("ALICLOUD_REGION", "alicloud", "cn-hongkong"),
          setting("ALICLOUD_PROFILE", "alicloud", "ops", "ap-southeast-1"),
        ],
      }),
    ).slice(2);
    expect(region).toEqual({
      check: "ALICLOUD_REGION",
      value: "cn-hongkong",
      source: "environment",
      location: "alicloud cn-hongkong (outside CN)",
      status: "outside",
      level: "mandatory",
      message:
        "ALICLOUD_REGION must name a region inside CN: an alicloud provider given no region (the default provider when Pulumi.cn-shanghai.yaml sets no alicloud:region, or an explicit one without region) would create resources in alicloud cn-hongkong, outside CN.",
      fix: "Unset ALICLOUD_REGION or set it to cn-shanghai.",
    });
    expect([profile.source, profile.fix]).toEqual([
      "environment; its region ap-southeast-1 from /home/op/.config",
      "Unset ALICLOUD_PROFILE, or use a profile whose region is cn-shanghai.",
    ]);
  });
});
