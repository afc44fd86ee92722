/**
 * One crossing, one finding on the network tables: a link whose row places its far end carries
 * that field's verdict in the graph, so the crossing it draws is the finding of the link's own
 * policy and not a second one of no-path-out-of-jurisdiction; where the row's field says the far
 * end is inside but the network the program holds there is not, only the border analysis sees
 * the crossing, and it reports it with the whole path.
 */
import { type OracleResource, type OracleSettings, runNamed } from "../helpers/model-oracle";
import type { Finding } from "../helpers/policy-session";

const CN: OracleSettings = { jurisdiction: "CN" };
const provider = (name: string, region: string): OracleResource => ({
  type: "pulumi:providers:alicloud",
  name,
  props: { region, accountId: "1234567890" },
});
const ali = (
  type: string,
  name: string,
  props: Record<string, unknown>,
  extra: Partial<OracleResource> = {},
): OracleResource => ({ type, name, props, provider: "sh", ...extra });

/** A bucket readable only from the VPC `core`, which peers with the program's VPC `far`. */
function peeredTo(farRegion: string, acceptingRegionId: string): OracleResource[] {
  return [
    provider("sh", "cn-shanghai"),
    provider("far", farRegion),
    ali("alicloud:vpc/network:Network", "core", {}),
    ali("alicloud:vpc/network:Network", "far-vpc", {}, { provider: "far" }),
    ali("alicloud:oss/bucket:Bucket", "records", { bucket: "r" }),
    ali(
      "alicloud:oss/bucketPolicy:BucketPolicy",
      "records-policy",
      {
        bucket: "r",
        policy: {
          Statement: [
            {
              Effect: "Deny",
              Principal: ["*"],
              Condition: { StringNotEquals: { "acs:SourceVpc": ["core-id"] } },
            },
          ],
        },
      },
      { deps: { policy: ["core"] } },
    ),
    ali(
      "alicloud:vpc/peerConnection:PeerConnection",
      "link",
      {
        vpcId: "core-id",
        acceptingVpcId: "far-vpc-id",
        acceptingRegionId,
        acceptingAliUid: "1234567890",
      },
      { deps: { vpcId: ["core"], acceptingVpcId: ["far-vpc"] } },
    ),
  ];
}

const cke: Finding = [
  "customer-key-encryption",
  "records",
  "mandatory",
  ['oss bucket "records"', "no customer-managed key (unencrypted, or a key the provider holds)"],
];
const farPlacement: Finding[] = [
  [
    "resource-placement",
    "far-vpc",
    "mandatory",
    ['vpc "far-vpc"', "cn-hongkong (outside CN, in HK)"],
  ],
  [
    "resource-placement",
    "far",
    "mandatory",
    ['alicloud provider "far"', "cn-hongkong (outside CN, in HK)"],
  ],
];

test("a peering whose region field names the far VPC's region abroad is network-links' finding, not no-path's", () => {
  expect(runNamed(peeredTo("cn-hongkong", "cn-hongkong"), CN)).toEqual([
    cke,
    [
      "network-links",
      "link",
      "mandatory",
      ["cn-shanghai (inside CN)", 'vpc peering "link"', "cn-hongkong (outside CN, in HK)"],
    ],
    ...farPlacement,
  ]);
});

test("a peering whose region field says Beijing while the program's far VPC sits in Hong Kong is no-path's, with the whole path", () => {
  expect(runNamed(peeredTo("cn-hongkong", "cn-beijing"), CN)).toEqual([
    cke,
    [
      "no-path-out-of-jurisdiction",
      "records",
      "mandatory",
      [
        'oss bucket "records"',
        'readable from "records-policy" (only from this network)',
        'vpc "core"',
        'peering "link"',
        'vpc "far-vpc"',
        "placed in",
        "cn-hongkong (outside CN, in HK)",
      ],
    ],
    ...farPlacement,
  ]);
});

test("a peering with the program's Beijing VPC passes", () => {
  expect(runNamed(peeredTo("cn-beijing", "cn-beijing"), CN)).toEqual([cke]);
});

// Found by the multi-cluster bench: an Alibaba Cloud customer gateway set from the program's own
// AWS VPN connection (an ACK and an EKS cluster joined by IPsec) failed closed as an address "not
// known before deployment", telling the user to do what the program did.
describe("a customer gateway set from the program's own VPN endpoint", () => {
  const stack = (awsRegion: string): OracleResource[] => [
    provider("sh", "cn-shanghai"),
    { type: "pulumi:providers:aws", name: "bj", props: { region: awsRegion } },
    {
      type: "aws:ec2/vpnConnection:VpnConnection",
      name: "to-ack",
      props: { customerGatewayId: "cgw-1", type: "ipsec.1", vpnGatewayId: "vgw-1" },
      provider: "bj",
    },
    ali(
      "alicloud:vpn/customerGateway:CustomerGateway",
      "eks-side",
      { ipAddress: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" },
      { deps: { ipAddress: ["to-ack"] } },
    ),
  ];
  const mandatory = (awsRegion: string) =>
    runNamed(stack(awsRegion), CN)
      .filter(([, name, level]) => name === "eks-side" && level === "mandatory")
      .map(([policy, , , path]) => [policy, path?.at(-1)]);

  it("ends where that endpoint is: in Beijing, inside", () => {
    expect(mandatory("cn-north-1")).toEqual([]);
  });

  it("abroad, names the endpoint's region", () => {
    expect(mandatory("ap-southeast-1")).toEqual([
      ["named-destinations", 'ec2 vpn connection "to-ack" in ap-southeast-1 (outside CN, in SG)'],
    ]);
  });
});
