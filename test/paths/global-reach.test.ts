/**
 * The edge services whose reach a reader of their own finds (policy/paths/types/global-reach.ts):
 * an edge-optimised REST API and a public DNS zone are global-services' findings, with the edge the
 * graph draws to the global network tagged with that policy; a regional API and a private zone,
 * their twins, pass and draw nothing.
 */
import {
  type OracleResource,
  type OracleSettings,
  runBorder,
  runBorderEdges,
  runNamed,
  on,
} from "../helpers/model-oracle";

const US: OracleSettings = { jurisdiction: "US" };
const provider: OracleResource = {
  type: "pulumi:providers:aws",
  name: "or",
  props: { region: "us-west-2", allowedAccountIds: ["111122223333"] },
};
const aws = on("or");

describe("a REST API", () => {
  const api = (types?: string) => [
    provider,
    aws("aws:apigateway/restApi:RestApi", "api", {
      name: "api",
      ...(types === undefined ? {} : { endpointConfiguration: { types } }),
    }),
  ];

  test("edge-optimised by default is global-services' finding", () => {
    const input = api();
    expect(runNamed(input, US)).toEqual([
      [
        "global-services",
        "api",
        "mandatory",
        ['apigateway rest api "api"', "CloudFront edge locations outside the jurisdiction"],
      ],
    ]);
    // No data store sits behind the API in this stack, so no path runs; the edge is drawn.
    expect(runBorder(input, US)).toEqual([]);
    expect(runBorderEdges(input, US)).toEqual([
      'apigateway rest api "api" [inside] —edge network→ CloudFront edge locations (global, outside US) [outside]',
    ]);
  });

  test("regional passes", () => {
    const input = api("REGIONAL");
    expect(runNamed(input, US)).toEqual([]);
    expect(runBorderEdges(input, US)).toEqual([]);
  });
});

describe("a Route 53 hosted zone", () => {
  const zone = (vpcs: unknown[]) => [
    provider,
    aws("aws:route53/zone:Zone", "names", { name: "example.internal", vpcs }),
  ];

  test("with no VPC is public: global-services' finding, and an edge to the name servers", () => {
    const input = zone([]);
    expect(runNamed(input, US)).toEqual([
      [
        "global-services",
        "names",
        "mandatory",
        ['route53 zone "names"', "Route 53 name servers outside the jurisdiction"],
      ],
    ]);
    // (The zone itself is an AWS global service: placed outside any one region.)
    expect(runBorderEdges(input, US)).toEqual([
      'route53 zone "names" [outside] —placed in→ aws global service (global, outside US) [outside]',
      'route53 zone "names" [outside] —edge network→ Route 53 name servers (global, outside US) [outside]',
    ]);
  });

  test("associated with a VPC is private and passes", () => {
    const input = zone([{ vpcId: "vpc-1" }]);
    expect(runNamed(input, US)).toEqual([]);
    expect(runBorderEdges(input, US)).toEqual([
      'route53 zone "names" [outside] —placed in→ aws global service (global, outside US) [outside]',
    ]);
  });
});
