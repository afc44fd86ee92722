/**
 * The operator of an Express Connect leased line (`lineOperator`): Alibaba Cloud's values are the
 * Chinese mainland's carriers (CT, CU, CM, CO) and, for lines outside the mainland, `Equinix` or
 * `Other`. Under a CN stack such a carrier is a path out; under any other jurisdiction the access
 * point places the line, whoever carries it. Found by a Frankfurt probe: a line landing in
 * Frankfurt, carried by Equinix, failed an EU stack as "an operator outside the Chinese mainland".
 */
import { type OracleResource, on, runNamed } from "../helpers/model-oracle";

/** A leased line through provider `region`'s, landing at `accessPointId`, carried by `operator`. */
function line(region: string, accessPointId: string, operator: string): OracleResource[] {
  return [
    { type: "pulumi:providers:alicloud", name: "p", props: { region } },
    on("p")("alicloud:expressconnect/physicalConnection:PhysicalConnection", "line", {
      accessPointId,
      lineOperator: operator,
      peerLocation: "the team's data centre",
    }),
  ];
}

const operatorAbroad = (inside: string) => [
  "remote-sites",
  "line",
  "mandatory",
  [
    `${inside}`,
    'expressconnect physical connection "line"',
    "an operator outside the Chinese mainland",
  ],
];

test("under CN, a line carried by an operator outside the mainland fails; a mainland carrier's passes", () => {
  const cn = { jurisdiction: "CN" };
  expect(runNamed(line("cn-shanghai", "ap-cn-hangzhou-yh-B", "Equinix"), cn)).toEqual([
    operatorAbroad("cn-shanghai (inside CN)"),
  ]);
  expect(runNamed(line("cn-shanghai", "ap-cn-hangzhou-yh-B", "CT"), cn)).toEqual([]);
});

test("under EU, a Frankfurt line passes whoever carries it", () => {
  const eu = { jurisdiction: "EU" };
  for (const operator of ["Equinix", "Other"]) {
    expect(runNamed(line("eu-central-1", "ap-eu-central-1-fra-a", operator), eu)).toEqual([]);
  }
});
