/**
 * A rule entry that allows every IPv4 and every IPv6 address with one protocol and ports (a
 * security group's `0.0.0.0/0` and `::/0`, the default egress of most programs) is one way out,
 * and egress-rules says it once, naming both blocks; entries that differ stay findings of their
 * own.
 */
import { on, runNamed } from "../helpers/model-oracle";

const us = { jurisdiction: "US" };
const usw = on("usw");
const provider = { type: "pulumi:providers:aws", name: "usw", props: { region: "us-west-2" } };
const everywhere = { cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] };
const allTraffic = { protocol: "-1", fromPort: 0, toPort: 0 };
const egressOf = (name: string, egress: unknown[]) =>
  runNamed([provider, usw("aws:ec2/securityGroup:SecurityGroup", name, { egress })], us)
    .filter(([policy]) => policy === "egress-rules")
    .map(([, , level, path]) => [level, path]);

test("a security group entry open to 0.0.0.0/0 and ::/0 is one finding naming both", () => {
  expect(egressOf("web", [{ ...allTraffic, ...everywhere }])).toEqual([
    [
      "mandatory",
      [
        'security group "web"',
        "0.0.0.0/0 and ::/0 (all protocols and ports): every address, in any country",
      ],
    ],
  ]);
  expect(
    runNamed(
      [
        provider,
        usw("aws:ec2/securityGroupRule:SecurityGroupRule", "out", {
          type: "egress",
          securityGroupId: "sg-web",
          protocol: "tcp",
          fromPort: 443,
          toPort: 443,
          ...everywhere,
        }),
      ],
      us,
    ).filter(([policy]) => policy === "egress-rules"),
  ).toEqual([
    [
      "egress-rules",
      "out",
      "mandatory",
      [
        'ec2 security group rule "out"',
        "0.0.0.0/0 and ::/0 (tcp, port 443): every address, in any country",
      ],
    ],
  ]);
});

test("twin: entries of other traffic, or other entries, are findings of their own", () => {
  expect(
    egressOf("web", [
      { ...allTraffic, cidrBlocks: ["0.0.0.0/0"] },
      { protocol: "tcp", fromPort: 443, toPort: 443, ipv6CidrBlocks: ["::/0"] },
    ]),
  ).toEqual([
    ["mandatory", ['security group "web"', "::/0 (tcp, port 443): every address, in any country"]],
    [
      "mandatory",
      [
        'security group "web"',
        "0.0.0.0/0 (all protocols and ports): every address, in any country",
      ],
    ],
  ]);
});
