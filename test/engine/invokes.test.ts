/**
 * Provider functions offline: answered from the stack where the stack decides them, and
 * unknown where it does not — never a made-up value: what only the cloud could tell is unknown,
 * or a stand-in that says so (a registry login's password, the ID of the key behind an alias).
 */
import {
  answerInvoke,
  answeredFunctions,
  type InvokeContext,
  offlineRegistryPassword,
  unknownMark,
} from "../../engine/invokes/index";
import { placeholderAccount } from "../../engine/synth";
import { clouds, listJurisdictions } from "../../residency/jurisdictions";
import { regionsWithZones, zoneGaps, zonesOf } from "../../residency/zones";

const west: InvokeContext = { providerProps: { region: "us-west-2" }, config: {} };
const beijing: InvokeContext = { providerProps: { region: "cn-north-1" }, config: {} };
const shanghai: InvokeContext = { providerProps: { region: "cn-shanghai" }, config: {} };
const noRegion: InvokeContext = { providerProps: {}, config: {} };

function result(token: string, args: Record<string, unknown>, ctx: InvokeContext = west) {
  const answer = answerInvoke(token, args, ctx);
  if (!answer.known) {
    throw new Error(`${token} was not answered`);
  }
  return answer.result;
}

describe("functions the stack decides", () => {
  it("answers getRegion from the provider's region, or from the function's own region argument", () => {
    expect(result("aws:index/getRegion:getRegion", {})).toEqual({
      id: "us-west-2",
      region: "us-west-2",
      name: "us-west-2",
      // Nothing unknown: an Output of the answer is known or unknown as a whole.
      description: "",
      endpoint: "ec2.us-west-2.amazonaws.com",
    });
    expect(result("aws:index/getRegion:getRegion", { region: "cn-north-1" })).toMatchObject({
      region: "cn-north-1",
      endpoint: "ec2.cn-north-1.amazonaws.com.cn",
    });
    expect(result("aws:index/getRegion:getRegion", {}, noRegion).region).toBe(unknownMark);
  });

  it.each([
    [west, { partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" }],
    [
      beijing,
      { partition: "aws-cn", dnsSuffix: "amazonaws.com.cn", reverseDnsPrefix: "cn.com.amazonaws" },
    ],
    [
      { providerProps: { region: "us-gov-west-1" }, config: {} },
      { partition: "aws-us-gov", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" },
    ],
  ])("answers getPartition from the region (%#)", (ctx, expected) => {
    expect(result("aws:index/getPartition:getPartition", {}, ctx)).toEqual({
      id: expected.partition,
      ...expected,
    });
  });

  it("answers Elastic Load Balancing's log-delivery account of the region, in its partition", () => {
    const token = "aws:elb/getServiceAccount:getServiceAccount";
    expect(result(token, {}, beijing)).toEqual({
      id: "638102146993",
      arn: "arn:aws-cn:iam::638102146993:root",
      region: "cn-north-1",
    });
    expect(result(token, { region: "us-east-1" }, beijing)).toEqual({
      id: "127311923021",
      arn: "arn:aws:iam::127311923021:root",
      region: "us-east-1",
    });
    expect(result(token, {}, noRegion)).toEqual({
      id: unknownMark,
      arn: unknownMark,
      region: unknownMark,
    });
    // Regions created since August 2022 take a service principal: AWS documents no account.
    expect(() => answerInvoke(token, { region: "ap-south-2" }, west)).toThrow(
      /documents no log-delivery account for region "ap-south-2" \(regions created since August 2022 take the service principal logdelivery\.elasticloadbalancing\.amazonaws\.com\); known: us-east-1, /,
    );
  });

  it("answers Alibaba Cloud's caller as the account the provider pins, else not at all", () => {
    const token = "alicloud:index/getCallerIdentity:getCallerIdentity";
    const pinned = {
      providerProps: { region: "cn-shanghai", accountId: "5123456789012345" },
      config: {},
    };
    expect(result(token, {}, pinned)).toEqual({
      id: "5123456789012345",
      accountId: "5123456789012345",
      arn: "acs:ram::5123456789012345:root",
      identityType: "Account",
    });
    for (const value of Object.values(result(token, {}, shanghai))) {
      expect(value).toBe(unknownMark);
    }
  });

  it("answers AWS Cloud Control's region, account, partition and zones as @pulumi/aws's", () => {
    const declared = { ...beijing, config: { "sovereign-dc:accountId": "111122223333" } };
    expect(result("aws-native:index:getRegion", {}, beijing)).toEqual({ region: "cn-north-1" });
    expect(result("aws-native:index:getAccountId", {}, declared)).toEqual({
      accountId: "111122223333",
    });
    expect(result("aws-native:index:getAccountId", {}, beijing)).toEqual({
      accountId: placeholderAccount,
    });
    expect(result("aws-native:index:getPartition", {}, beijing)).toEqual({
      partition: "aws-cn",
      dnsSuffix: "amazonaws.com.cn",
    });
    expect(result("aws-native:index:getUrlSuffix", {})).toEqual({ urlSuffix: "amazonaws.com" });
    expect(result("aws-native:index:getAzs", {})).toEqual({
      azs: zonesOf("aws", "us-west-2")!.map((z) => z.name),
    });
    expect(result("aws-native:index:getAzs", { region: "cn-north-1" }).azs).toEqual([
      "cn-north-1a",
      "cn-north-1b",
      "cn-north-1d",
    ]);
    // No region, no answer: the provider itself refuses to start without one.
    for (const token of [
      "aws-native:index:getRegion",
      "aws-native:index:getPartition",
      "aws-native:index:getUrlSuffix",
      "aws-native:index:getAzs",
    ]) {
      for (const value of Object.values(result(token, {}, noRegion))) {
        expect(value).toBe(unknownMark);
      }
    }
  });

  it("answers the account from sovereign-dc:accountId, then a single allowedAccountIds, else the stand-in", () => {
    const token = "aws:index/getCallerIdentity:getCallerIdentity";
    const declared = {
      providerProps: { region: "us-west-2" },
      config: { "sovereign-dc:accountId": "111122223333" },
    };
    // Known as a whole: the caller is the account's own principal, as AWS reports its root.
    expect(result(token, {}, declared)).toEqual({
      id: "111122223333",
      accountId: "111122223333",
      arn: "arn:aws:iam::111122223333:root",
      userId: "111122223333",
    });
    const china = { providerProps: { region: "cn-north-1" }, config: declared.config };
    expect(result(token, {}, china).arn).toBe("arn:aws-cn:iam::111122223333:root");
    const allowed = {
      providerProps: { region: "us-west-2", allowedAccountIds: '["444455556666"]' },
      config: {},
    };
    expect(result(token, {}, allowed)).toEqual({
      id: "444455556666",
      accountId: "444455556666",
      arn: "arn:aws:iam::444455556666:root",
      userId: "444455556666",
    });
    const two = {
      providerProps: { region: "us-west-2", allowedAccountIds: ["1", "2"] },
      config: {},
    };
    expect(result(token, {}, two)).toEqual({
      id: unknownMark,
      accountId: unknownMark,
      arn: unknownMark,
      userId: unknownMark,
    });
    // The provider pins none and the stack declares none: the stand-in of the stack's own ARNs.
    expect(result(token, {}, noRegion).accountId).toBe(placeholderAccount);
    expect(result(token, {}, { providerProps: { region: "us-west-2" }, config: {} })).toEqual({
      id: placeholderAccount,
      accountId: placeholderAccount,
      arn: `arn:aws:iam::${placeholderAccount}:root`,
      userId: placeholderAccount,
    });
    // An account but no region: the partition, and so the caller's ARN, is not known.
    const noPartition = { providerProps: {}, config: declared.config };
    expect(result(token, {}, noPartition)).toEqual({
      id: "111122223333",
      accountId: "111122223333",
      arn: unknownMark,
      userId: unknownMark,
    });
  });

  // Found on the identity and messaging bench: an SES v2 event destination takes only the
  // account's default bus, which the provider's own example looks up by name.
  it("answers an event bus by name as the caller's in the function's region, by ARN as the ARN's", () => {
    const declared: InvokeContext = {
      ...west,
      config: { "sovereign-dc:accountId": "111122223333" },
    };
    expect(result("aws:cloudwatch/getEventBus:getEventBus", { name: "default" }, declared)).toEqual(
      {
        id: "default",
        name: "default",
        arn: "arn:aws:events:us-west-2:111122223333:event-bus/default",
        region: "us-west-2",
        description: unknownMark,
        kmsKeyIdentifier: unknownMark,
        deadLetterConfigs: unknownMark,
        logConfigs: unknownMark,
      },
    );
    expect(
      result(
        "aws:cloudwatch/getEventBus:getEventBus",
        { name: "orders", region: "cn-north-1" },
        declared,
      ).arn,
    ).toBe("arn:aws-cn:events:cn-north-1:111122223333:event-bus/orders");
    const partner = "arn:aws:events:eu-west-1:999988887777:event-bus/partner";
    expect(
      result("aws:cloudwatch/getEventBus:getEventBus", { name: partner }, declared),
    ).toMatchObject({
      arn: partner,
      name: "partner",
      region: "eu-west-1",
    });
    // With no account declared, the engine's stand-in is the caller's, as getCallerIdentity's.
    expect(result("aws:cloudwatch/getEventBus:getEventBus", { name: "default" }).arn).toBe(
      `arn:aws:events:us-west-2:${placeholderAccount}:event-bus/default`,
    );
  });

  // Found on the databases bench: a public program copies its own snapshot, encrypted, by the
  // ARN this lookup answers; left unknown, the copy's source could not be placed.
  it("answers a DB snapshot by identifier as the caller's in the function's region, by ARN as the ARN's", () => {
    const declared: InvokeContext = {
      ...west,
      config: { "sovereign-dc:accountId": "111122223333" },
    };
    const own = result(
      "aws:rds/getSnapshot:getSnapshot",
      { dbSnapshotIdentifier: "app-snap" },
      declared,
    );
    expect(own).toMatchObject({
      id: "app-snap",
      dbSnapshotIdentifier: "app-snap",
      dbSnapshotArn: "arn:aws:rds:us-west-2:111122223333:snapshot:app-snap",
      region: "us-west-2",
      kmsKeyId: unknownMark,
      engine: unknownMark,
    });
    const shared = "arn:aws:rds:eu-west-1:999988887777:snapshot:partner";
    expect(
      result("aws:rds/getSnapshot:getSnapshot", { dbSnapshotIdentifier: shared }, declared),
    ).toMatchObject({ dbSnapshotArn: shared, id: "partner", region: "eu-west-1" });
    // The most recent snapshot of an instance: which one, only the cloud knows.
    expect(
      answerInvoke(
        "aws:rds/getSnapshot:getSnapshot",
        { dbInstanceIdentifier: "app", mostRecent: true },
        declared,
      ),
    ).toEqual({ known: false });
  });

  it("lists the region's zones from the catalog, without the excluded ones", () => {
    const token = "aws:index/getAvailabilityZones:getAvailabilityZones";
    expect(result(token, { state: "available" })).toEqual({
      state: "available",
      id: "us-west-2",
      region: "us-west-2",
      names: ["us-west-2a", "us-west-2b", "us-west-2c", "us-west-2d"],
      zoneIds: ["usw2-az1", "usw2-az2", "usw2-az3", "usw2-az4"],
      groupNames: ["us-west-2"],
    });
    expect(result(token, { excludeNames: ["us-west-2d"], excludeZoneIds: ["usw2-az1"] })).toEqual(
      expect.objectContaining({
        names: ["us-west-2b", "us-west-2c"],
        zoneIds: ["usw2-az2", "usw2-az3"],
      }),
    );
    expect(result(token, {}, noRegion).names).toBe(unknownMark);
  });

  it("lists Alibaba Cloud zones of the provider's region", () => {
    const answer = result("alicloud:index/getZones:getZones", {}, shanghai);
    expect(answer.ids).toEqual([
      "cn-shanghai-b",
      "cn-shanghai-e",
      "cn-shanghai-f",
      "cn-shanghai-g",
      "cn-shanghai-l",
      "cn-shanghai-m",
      "cn-shanghai-n",
    ]);
    expect((answer.zones as { id: string }[]).map((z) => z.id)).toEqual(answer.ids);
    expect(result("alicloud:index/getZones:getZones", {}, noRegion).zones).toBe(unknownMark);
  });

  it("answers getRegions only for the current region", () => {
    expect(result("alicloud:index/getRegions:getRegions", { current: true }, shanghai)).toEqual({
      current: true,
      id: "cn-shanghai",
      ids: ["cn-shanghai"],
      regions: [{ id: "cn-shanghai", regionId: "cn-shanghai", localName: "" }],
    });
    expect(result("alicloud:index/getRegions:getRegions", {}, shanghai).regions).toBe(unknownMark);
  });

  it("answers a cluster credential with a kubeconfig that names the cluster and its region", () => {
    const answer = result(
      "alicloud:cs/getClusterCredential:getClusterCredential",
      { clusterId: "c0ffee" },
      shanghai,
    );
    expect(answer.clusterId).toBe("c0ffee");
    expect(answer.kubeConfig).toContain("server: https://c0ffee.cn-shanghai.cs.aliyuncs.com:6443");
    expect(answer.kubeConfig).toContain("current-context: c0ffee");
    // Nothing unknown: an Output of the answer is known or unknown as a whole.
    expect(JSON.stringify(answer)).not.toContain(unknownMark);
    expect(
      result("alicloud:cs/getClusterCredential:getClusterCredential", {}, shanghai).kubeConfig,
    ).toBe(unknownMark);
  });

  it("answers the KMS keys a program names by ID with those IDs, in the function's region", () => {
    const ids = ["key-shh64d2a2e6a1gqo7m"];
    const answer = result("alicloud:kms/getKeys:getKeys", { ids }, shanghai);
    expect(answer.ids).toEqual(ids);
    expect((answer.keys as { id: string; keyId: string }[]).map((k) => [k.id, k.keyId])).toEqual([
      ["key-shh64d2a2e6a1gqo7m", "key-shh64d2a2e6a1gqo7m"],
    ]);
    // The ARN carries the account, which only a provider's accountId tells.
    expect(
      (
        result(
          "alicloud:kms/getKeys:getKeys",
          { ids },
          { providerProps: { region: "cn-shanghai", accountId: "1234567890" }, config: {} },
        ).keys as { arn: string }[]
      )[0].arn,
    ).toBe("acs:kms:cn-shanghai:1234567890:key/key-shh64d2a2e6a1gqo7m");
    expect((answer.keys as { arn: string }[])[0].arn).toBe(unknownMark);
  });

  it.each([
    ["no IDs", {}],
    ["another filter beside the IDs", { ids: ["key-1"], status: "Enabled" }],
  ])("leaves the KMS keys unknown for %s: which keys match is the cloud's to say", (_, args) => {
    expect(result("alicloud:kms/getKeys:getKeys", args, shanghai).keys).toBe(unknownMark);
  });

  // Found on the AWS provider's own examples: Lake Formation's and other services' Identity
  // Center settings given `getInstances().arns[0]` failed closed as an ARN the pack cannot place,
  // where the real answer is a regionless ARN that holds no data.
  describe("the account's IAM Identity Center instance", () => {
    const oregon: InvokeContext = { providerProps: { region: "us-west-2" }, config: {} };

    it("lists one instance by a regionless ARN and an identity store, their IDs stand-ins", () => {
      const answer = result("aws:ssoadmin/getInstances:getInstances", {}, oregon);
      expect(answer).toMatchObject({ id: "us-west-2", region: "us-west-2" });
      expect(answer.arns).toEqual([
        expect.stringMatching(
          /^arn:aws:sso:::instance\/sovereign-dc-offline-stand-in-[0-9a-f]{12}$/,
        ),
      ]);
      expect(answer.identityStoreIds).toEqual([
        expect.stringMatching(/^sovereign-dc-offline-stand-in-[0-9a-f]{12}$/),
      ]);
      expect(result("aws:ssoadmin/getInstances:getInstances", {}, oregon)).toEqual(answer);
      expect(
        (
          result(
            "aws:ssoadmin/getInstances:getInstances",
            {},
            {
              providerProps: { region: "cn-north-1" },
              config: {},
            },
          ).arns as string[]
        )[0],
      ).toMatch(/^arn:aws-cn:sso:::instance\//);
    });

    it("leaves the instances unknown where no region says which partition lists them", () => {
      expect(result("aws:ssoadmin/getInstances:getInstances", {}, noRegion).arns).toBe(unknownMark);
    });
  });

  describe("the regions of the function's partition", () => {
    const getRegions = "aws:index/getRegions:getRegions";

    it("lists every region of a partition without opt-in regions, as every account has them", () => {
      expect(result(getRegions, {}, beijing)).toEqual({
        id: "aws-cn",
        names: ["cn-north-1", "cn-northwest-1"],
      });
      expect(result(getRegions, { allRegions: true }, beijing).names).toEqual([
        "cn-north-1",
        "cn-northwest-1",
      ]);
      expect(result(getRegions, { region: "us-gov-west-1" }).names).toEqual([
        "us-gov-east-1",
        "us-gov-west-1",
      ]);
    });

    it("leaves the commercial partition's regions unknown: which opt-in regions are enabled is the account's to tell", () => {
      expect(answerInvoke(getRegions, {}, west)).toEqual({ known: false });
      expect(answerInvoke(getRegions, { allRegions: true }, west)).toEqual({ known: false });
      expect(
        answerInvoke(
          getRegions,
          { filters: [{ name: "opt-in-status", values: ["opted-in"] }] },
          beijing,
        ),
      ).toEqual({ known: false });
      expect(answerInvoke(getRegions, {}, noRegion)).toEqual({ known: false });
    });
  });

  describe("the region's default VPC and its default subnets", () => {
    const getVpc = "aws:ec2/getVpc:getVpc";
    const getSubnets = "aws:ec2/getSubnets:getSubnets";
    const getSubnet = "aws:ec2/getSubnet:getSubnet";
    const vpcId = "sovereign-dc-offline-stand-in-default-vpc-us-west-2";
    const inVpc = [{ name: "vpc-id", values: [vpcId] }];

    it("answers the default VPC as AWS creates it, its IDs stand-ins that say so", () => {
      expect(result(getVpc, { default: true })).toMatchObject({
        id: vpcId,
        arn: `arn:aws:ec2:us-west-2:${placeholderAccount}:vpc/${vpcId}`,
        default: true,
        cidrBlock: "172.31.0.0/16",
        ownerId: placeholderAccount,
        region: "us-west-2",
      });
      expect(result(getVpc, { default: true }, beijing)).toMatchObject({
        id: "sovereign-dc-offline-stand-in-default-vpc-cn-north-1",
        arn: expect.stringMatching(/^arn:aws-cn:ec2:cn-north-1:/),
      });
      // A provider that allows several accounts: which one holds the VPC is not known.
      const several: InvokeContext = {
        providerProps: { region: "us-west-2", allowedAccountIds: ["111122223333", "444455556666"] },
        config: {},
      };
      expect(result(getVpc, { default: true }, several)).toMatchObject({
        id: vpcId,
        ownerId: unknownMark,
        arn: unknownMark,
      });
    });

    it("leaves every other VPC lookup unknown: by ID, tags, filters, or without a region", () => {
      for (const args of [
        {},
        { default: false },
        { id: "vpc-0abc" },
        { default: true, tags: { Name: "main" } },
        { default: true, filters: [{ name: "tag:Name", values: ["main"] }] },
        { default: true, cidrBlock: "10.0.0.0/16" },
      ]) {
        expect(answerInvoke(getVpc, args, west)).toEqual({ known: false });
      }
      expect(answerInvoke(getVpc, { default: true }, noRegion)).toEqual({ known: false });
    });

    it("lists a default subnet in each of the region's zones, by the VPC or as default for their zone", () => {
      const ids = zonesOf("aws", "us-west-2")!.map(
        (z) => `sovereign-dc-offline-stand-in-default-subnet-${z.name}`,
      );
      expect(ids.length).toBeGreaterThan(1);
      expect(result(getSubnets, { filters: inVpc }).ids).toEqual(ids);
      expect(
        result(getSubnets, { filters: [{ name: "default-for-az", values: ["true"] }] }).ids,
      ).toEqual(ids);
      expect(
        result(getSubnets, {
          filters: [...inVpc, { name: "availability-zone", values: ["us-west-2b"] }],
        }).ids,
      ).toEqual(["sovereign-dc-offline-stand-in-default-subnet-us-west-2b"]);
      // Every default subnet maps public addresses on launch: none is private.
      expect(
        result(getSubnets, {
          filters: [...inVpc, { name: "map-public-ip-on-launch", values: ["false"] }],
        }).ids,
      ).toEqual([]);
    });

    it("leaves subnets of other networks, or selected by tags or other filters, unknown", () => {
      for (const args of [
        {},
        { filters: [{ name: "vpc-id", values: ["vpc-0abc"] }] },
        { filters: [...inVpc, { name: "tag:Tier", values: ["private"] }] },
        { filters: inVpc, tags: { Tier: "private" } },
        { filters: [{ name: "availability-zone", values: ["us-west-2a"] }] },
        // The region's subnets that are not default for their zone, in whichever VPC.
        { filters: [{ name: "default-for-az", values: ["false"] }] },
      ]) {
        expect(answerInvoke(getSubnets, args, west)).toEqual({ known: false });
      }
    });

    it("describes one default subnet: a /20 of the VPC's range in its zone, public on launch", () => {
      const byId = result(getSubnet, {
        id: "sovereign-dc-offline-stand-in-default-subnet-us-west-2b",
      });
      expect(byId).toMatchObject({
        id: "sovereign-dc-offline-stand-in-default-subnet-us-west-2b",
        vpcId,
        availabilityZone: "us-west-2b",
        cidrBlock: "172.31.16.0/20",
        defaultForAz: true,
        mapPublicIpOnLaunch: true,
        ownerId: placeholderAccount,
      });
      expect(result(getSubnet, { availabilityZone: "us-west-2b", defaultForAz: true })).toEqual({
        ...byId,
        defaultForAz: true,
      });
      expect(() => result(getSubnet, { filters: inVpc })).toThrow(
        /default subnets of the default VPC in us-west-2 match \(one is required\)/,
      );
      expect(answerInvoke(getSubnet, { id: "subnet-0abc" }, west)).toEqual({ known: false });
    });
  });

  describe("a lookup by the ID of a network resource the program creates", () => {
    // Found by a community Nomad program: security group rules admitting the CIDRs of its own
    // private subnets, read back by `getSubnet({ id })`, failed public-exposure as not known.
    const subnet = {
      outputs: { id: "s-id", vpcId: "v-id", cidrBlock: "192.168.0.0/19", arn: unknownMark },
      region: "us-west-2",
    };
    const created: InvokeContext["created"] = (type, id) =>
      type === "aws:ec2/subnet:Subnet" && id === "s-id" ? subnet : undefined;
    const withCreated: InvokeContext = { ...west, created };
    const getSubnet = "aws:ec2/getSubnet:getSubnet";

    it("reads the resource back: its outputs, what the engine cannot tell still unknown", () => {
      expect(answerInvoke(getSubnet, { id: "s-id" }, withCreated)).toEqual({
        known: true,
        result: { ...subnet.outputs, id: "s-id", region: "us-west-2" },
      });
    });

    it("leaves a lookup with another filter, in another region, or of another kind to the cloud", () => {
      expect(answerInvoke(getSubnet, { id: "s-id", tags: { a: "b" } }, withCreated)).toEqual({
        known: false,
      });
      expect(answerInvoke(getSubnet, { id: "s-id", region: "us-east-1" }, withCreated)).toEqual({
        known: false,
      });
      expect(
        answerInvoke("aws:ec2/getSecurityGroup:getSecurityGroup", { id: "s-id" }, withCreated),
      ).toEqual({ known: false });
      expect(answerInvoke(getSubnet, { id: "s-other" }, withCreated)).toEqual({ known: false });
    });
  });

  describe("AWS KMS keys looked up by alias or ID", () => {
    const pinned: InvokeContext = {
      providerProps: { region: "cn-north-1" },
      config: { "sovereign-dc:accountId": "210987654321" },
    };
    const keyArnPattern =
      /^arn:aws-cn:kms:cn-north-1:210987654321:key\/sovereign-dc-offline-stand-in-[0-9a-f]{12}$/;

    it("answers an alias in the function's account and region, its target a key of the same place", () => {
      const answer = result("aws:kms/getAlias:getAlias", { name: "alias/aws/rds" }, pinned);
      expect(answer).toMatchObject({
        id: "arn:aws-cn:kms:cn-north-1:210987654321:alias/aws/rds",
        arn: "arn:aws-cn:kms:cn-north-1:210987654321:alias/aws/rds",
        name: "alias/aws/rds",
        region: "cn-north-1",
      });
      // Only the target's ID is the cloud's to tell: a stand-in that says so, in the ARN too.
      expect(answer.targetKeyArn).toMatch(keyArnPattern);
      expect(answer.targetKeyArn).toBe(
        `arn:aws-cn:kms:cn-north-1:210987654321:key/${answer.targetKeyId as string}`,
      );
      expect(JSON.stringify(answer)).not.toContain(unknownMark);
      // One alias names one key; another alias another.
      expect(result("aws:kms/getAlias:getAlias", { name: "alias/aws/rds" }, pinned)).toEqual(
        answer,
      );
      expect(
        result("aws:kms/getAlias:getAlias", { name: "alias/aws/ebs" }, pinned).targetKeyId,
      ).not.toBe(answer.targetKeyId);
      // The function's own region argument decides, as for every regional lookup.
      expect(
        result("aws:kms/getAlias:getAlias", { name: "alias/app", region: "us-west-2" }, pinned)
          .targetKeyArn,
      ).toMatch(/^arn:aws:kms:us-west-2:210987654321:key\//);
    });

    it.each([
      [
        "a key ID",
        "1234abcd-12ab-34cd-56ef-1234567890ab",
        "arn:aws-cn:kms:cn-north-1:210987654321:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        "",
      ],
      [
        "a key ARN of another region",
        "arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        "arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        "",
      ],
      ["an AWS-managed key's alias", "alias/aws/ebs", keyArnPattern, "AWS"],
      [
        "an alias ARN",
        "arn:aws:kms:eu-central-1:111122223333:alias/analytics",
        /^arn:aws:kms:eu-central-1:111122223333:key\/sovereign-dc-offline-stand-in-/,
        "",
      ],
    ])(
      "answers a key named by %s with its ARN where the name places it",
      (_, keyId, arn, manager) => {
        const answer = result("aws:kms/getKey:getKey", { keyId }, pinned);
        expect(answer.arn).toEqual(typeof arn === "string" ? arn : expect.stringMatching(arn));
        expect(answer.arn).toBe(
          `${(answer.arn as string).split(":key/")[0]}:key/${answer.id as string}`,
        );
        expect(answer.region).toBe((answer.arn as string).split(":")[3]);
        expect(answer.awsAccountId).toBe((answer.arn as string).split(":")[4]);
        expect(answer.keyManager).toBe(manager);
        expect(answer.multiRegion).toBeUndefined();
        expect(JSON.stringify(answer)).not.toContain(unknownMark);
      },
    );

    it("answers EBS's default key in the function's region: the aws/ebs alias's target", () => {
      const answer = result("aws:ebs/getDefaultKmsKey:getDefaultKmsKey", {}, pinned);
      expect(answer).toEqual({
        id: "cn-north-1",
        keyArn: expect.stringMatching(keyArnPattern),
        region: "cn-north-1",
      });
      expect(answer.keyArn).toBe(
        result("aws:kms/getAlias:getAlias", { name: "alias/aws/ebs" }, pinned).targetKeyArn,
      );
      expect(
        result("aws:ebs/getDefaultKmsKey:getDefaultKmsKey", { region: "us-west-2" }, pinned).keyArn,
      ).toMatch(/^arn:aws:kms:us-west-2:210987654321:key\//);
      // No region anywhere: the function's place is not known, nor the key's.
      expect(result("aws:ebs/getDefaultKmsKey:getDefaultKmsKey", {}, noRegion).keyArn).toBe(
        unknownMark,
      );
    });

    it("names the key behind an alias the same through getKey and getAlias", () => {
      expect(result("aws:kms/getKey:getKey", { keyId: "alias/aws/ebs" }, pinned).arn).toBe(
        result("aws:kms/getAlias:getAlias", { name: "alias/aws/ebs" }, pinned).targetKeyArn,
      );
    });

    it("says a multi-Region key is one, as its ID tells", () => {
      expect(
        result("aws:kms/getKey:getKey", { keyId: "mrk-1234abcd12ab34cd56ef1234567890ab" }, pinned)
          .multiRegion,
      ).toBe(true);
    });

    it("leaves a key unknown where the account or the region that would resolve it is not known", () => {
      const several: InvokeContext = {
        providerProps: {
          region: "cn-north-1",
          allowedAccountIds: ["210987654321", "111122223333"],
        },
        config: {},
      };
      for (const ctx of [several, noRegion]) {
        expect(result("aws:kms/getKey:getKey", { keyId: "alias/aws/ebs" }, ctx).arn).toBe(
          unknownMark,
        );
        expect(
          result("aws:kms/getAlias:getAlias", { name: "alias/aws/ebs" }, ctx).targetKeyArn,
        ).toBe(unknownMark);
      }
      // A full ARN names its own account and region.
      expect(
        result(
          "aws:kms/getKey:getKey",
          { keyId: "arn:aws-cn:kms:cn-north-1:210987654321:key/k-1" },
          several,
        ).arn,
      ).toBe("arn:aws-cn:kms:cn-north-1:210987654321:key/k-1");
    });
  });

  it.each([
    [
      "aws:ecr/getAuthorizationToken:getAuthorizationToken",
      { id: "us-west-2", region: "us-west-2" },
    ],
    ["aws:ecr/getCredentials:getCredentials", { id: "123456789012" }],
  ])(
    "answers %s with a login to the stack's registry, its token a stand-in that decodes as ECR's",
    (token, own) => {
      const ctx = {
        providerProps: { region: "us-west-2" },
        config: { "sovereign-dc:accountId": "123456789012" },
      };
      const answer = result(token, {}, ctx);
      expect(answer).toEqual({
        ...own,
        authorizationToken: expect.any(String),
        userName: "AWS",
        password: offlineRegistryPassword,
        expiresAt: "",
        proxyEndpoint: "https://123456789012.dkr.ecr.us-west-2.amazonaws.com",
        registryId: "123456789012",
      });
      // As a program logging in decodes it: user and password, separated by a colon.
      const [user, password] = Buffer.from(answer.authorizationToken as string, "base64")
        .toString()
        .split(":");
      expect([user, password]).toEqual(["AWS", offlineRegistryPassword]);
      // The registry the function names, in the region it names, in that region's partition.
      expect(
        result(token, { registryId: "210987654321", region: "cn-northwest-1" }, ctx).proxyEndpoint,
      ).toBe("https://210987654321.dkr.ecr.cn-northwest-1.amazonaws.com.cn");
      // Which of several allowed accounts the credentials are in is not known: nor is the registry.
      const twoAccounts = {
        providerProps: { region: "us-west-2", allowedAccountIds: ["1", "2"] },
        config: {},
      };
      expect(result(token, {}, twoAccounts)).toMatchObject({
        proxyEndpoint: unknownMark,
        registryId: unknownMark,
      });
      expect(result(token, {}, noRegion).proxyEndpoint).toBe(unknownMark);
    },
  );
});

describe("functions the provider computes from their inputs", () => {
  it("decodes every YAML document of a v1 ConfigFile's text, dropping empty ones", () => {
    const text =
      "apiVersion: v1\nkind: Namespace\nmetadata: { name: shop }\n---\n---\nkind: Service\n";
    expect(result("kubernetes:yaml:decode", { text }, noRegion)).toEqual({
      result: [
        { apiVersion: "v1", kind: "Namespace", metadata: { name: "shop" } },
        { kind: "Service" },
      ],
    });
  });

  it("rejects text that is not YAML, naming the problem", () => {
    expect(() => result("kubernetes:yaml:decode", { text: "a: [1, 2" }, noRegion)).toThrow(
      /^text is not valid YAML: /,
    );
  });
});

describe("functions the engine cannot answer", () => {
  it.each(["aws:ec2/getAmi:getAmi", "alicloud:ecs/getImages:getImages", "random:index:whatever"])(
    "answers %s with unknown values",
    (token) => {
      expect(answerInvoke(token, {}, west)).toEqual({ known: false });
    },
  );

  it("answers exactly the modelled functions", () => {
    expect(answeredFunctions).toEqual([
      "alicloud:cs/getClusterCredential:getClusterCredential",
      "alicloud:index/getAccount:getAccount",
      "alicloud:index/getCallerIdentity:getCallerIdentity",
      "alicloud:index/getRegions:getRegions",
      "alicloud:index/getZones:getZones",
      "alicloud:kms/getKeys:getKeys",
      "aws-native:index:getAccountId",
      "aws-native:index:getAzs",
      "aws-native:index:getPartition",
      "aws-native:index:getRegion",
      "aws-native:index:getUrlSuffix",
      "aws:cloudwatch/getEventBus:getEventBus",
      "aws:ebs/getDefaultKmsKey:getDefaultKmsKey",
      "aws:ec2/getSecurityGroup:getSecurityGroup",
      "aws:ec2/getSubnet:getSubnet",
      "aws:ec2/getSubnets:getSubnets",
      "aws:ec2/getVpc:getVpc",
      "aws:ecr/getAuthorizationToken:getAuthorizationToken",
      "aws:ecr/getCredentials:getCredentials",
      "aws:elb/getServiceAccount:getServiceAccount",
      "aws:iam/getPolicyDocument:getPolicyDocument",
      "aws:index/getAvailabilityZones:getAvailabilityZones",
      "aws:index/getCallerIdentity:getCallerIdentity",
      "aws:index/getPartition:getPartition",
      "aws:index/getRegion:getRegion",
      "aws:index/getRegions:getRegions",
      "aws:kms/getAlias:getAlias",
      "aws:kms/getKey:getKey",
      "aws:networkmanager/getCoreNetworkPolicyDocument:getCoreNetworkPolicyDocument",
      "aws:rds/getSnapshot:getSnapshot",
      "aws:ssoadmin/getInstances:getInstances",
      "kubernetes:yaml:decode",
      "std:index:base64encode",
      "std:index:cidrhost",
      "std:index:cidrsubnet",
      "std:index:concat",
      "std:index:file",
      "std:index:filebase64",
      "std:index:format",
      "std:index:join",
      "std:index:jsondecode",
      "std:index:lookup",
      "std:index:map",
      "std:index:merge",
      "std:index:parseint",
      "std:index:replace",
      "std:index:split",
      "std:index:substr",
    ]);
  });
});

describe("the zone table", () => {
  it.each(clouds)(
    "lists zones only for %s regions of the catalog, each named after its region",
    (cloud) => {
      const catalogRegions = new Set(listJurisdictions().flatMap((j) => j.regions[cloud]));
      for (const region of regionsWithZones(cloud)) {
        expect(catalogRegions.has(region)).toBe(true);
        const zones = zonesOf(cloud, region)!;
        expect(zones.length).toBeGreaterThan(0);
        for (const z of zones) {
          expect(z.name.startsWith(region)).toBe(true);
          // AWS and Alibaba Cloud outside mainland China append the letter (ap-northeast-1a);
          // Alibaba Cloud's cn- regions join it with a dash (cn-shanghai-b).
          const dashed = cloud === "alicloud" && region.startsWith("cn-");
          expect(z.name).toMatch(new RegExp(`^${region}${dashed ? "-" : ""}[a-z]$`));
          if (cloud === "aws") {
            expect(z.zoneId).toMatch(/^[a-z]+\d+-az\d+$/);
          }
        }
      }
    },
  );

  it.each(clouds)(
    "lists at least two zones for every %s region of the catalog, or says why not",
    (cloud) => {
      const catalogRegions = [...new Set(listJurisdictions().flatMap((j) => j.regions[cloud]))];
      const short = catalogRegions.filter(
        (region) =>
          (zonesOf(cloud, region)?.length ?? 0) < 2 && zoneGaps[cloud][region] === undefined,
      );
      expect(short).toEqual([]);
      // A gap that is no longer one, or names a region the catalog dropped, is stale.
      const stale = Object.keys(zoneGaps[cloud]).filter(
        (region) => !catalogRegions.includes(region) || (zonesOf(cloud, region)?.length ?? 0) >= 2,
      );
      expect(stale).toEqual([]);
    },
  );

  it("leaves a region it does not list unknown", () => {
    expect(zonesOf("aws", "eu-isoe-west-1")).toBeUndefined();
    expect(zonesOf("alicloud", "cn-shanghai-finance-1")).toBeUndefined();
  });
});
