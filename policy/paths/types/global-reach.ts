/**
 * Edge services whose reach takes more than one property to decide — an API's endpoint type, a
 * health check's type and regions, the Anti-DDoS product under the jurisdiction — read by code of
 * their own (`GlobalReader`, a `global` field's `reads`). Their rows are the edge-services
 * table's, or, where the type's row is another table's (an API's resource policy, an ESA
 * application's origins), a field of that row (`withGlobal`). Each reach is global-services'.
 */
import { type Jurisdiction, regionInJurisdiction } from "../../../residency/jurisdictions";
import type { FieldSpec, GlobalReader, TypeModel } from "../model";
import { isTrue, isUnknown, str, valueAt, valuesAt } from "../values";
import { withPolicyFields } from "./rows";

/** The field whose reader `reads` finds the row's reaches to `farSide`; `path` its main input. */
export function globalReach(path: string, farSide: string, reads: GlobalReader): FieldSpec {
  return {
    path,
    format: "global",
    label: "edge network",
    policy: "global-services",
    verb: "",
    reaches: { reads },
    farSide,
  };
}

/** `model` with global-services' `field` and the fix it advises. */
export function withGlobal(model: TypeModel, fix: string, field: FieldSpec): TypeModel {
  return withPolicyFields(model, "global-services", fix, field);
}

/**
 * Anti-DDoS Pro (`ddoscoo`, the default) proxies traffic through scrubbing centres in the Chinese
 * mainland; Anti-DDoS Premium (`ddoscoo_intl`, `ddosDip`) through centres outside it.
 */
export const ddosScrubbing: GlobalReader = (props, j) => {
  const path = "productType";
  const v = valueAt(props, path);
  if (isUnknown(v)) {
    return [
      {
        path,
        what: "is not known at preview, so where traffic is scrubbed cannot be decided",
        unknown: true,
      },
    ];
  }
  const product = typeof v === "string" ? v : "ddoscoo";
  if (product === "ddoscoo") {
    return j.id === "CN"
      ? []
      : [
          {
            path,
            what: `${v === undefined ? "is not set (Anti-DDoS Pro)" : 'is "ddoscoo"'}: traffic is proxied through scrubbing centres in the Chinese mainland, which lies outside the jurisdiction`,
          },
        ];
  }
  return [
    {
      path,
      what: `is ${JSON.stringify(v)}: traffic is proxied through scrubbing centres outside the Chinese mainland`,
    },
  ];
};

/**
 * The access areas an anycast EIP binding serves the bound instance from: each point of presence
 * it names, or, when it names none, every access area of the address. Anycast EIPs are served
 * only outside the Chinese mainland (serviceLocation "international"), from points of presence
 * the pack cannot place in any jurisdiction: one not known at preview is abroad all the same.
 */
export const anycastPops: GlobalReader = (props) => {
  const pops = valuesAt(props, "popLocations[].popLocation");
  if (pops.length > 0) {
    return pops.map((f) => ({
      path: f.path,
      what: `${isUnknown(f.value) ? "names a point of presence decided at deployment" : `is ${JSON.stringify(f.value)}`}: clients reach the bound instance through an anycast point of presence abroad`,
    }));
  }
  return [
    {
      path: "popLocations",
      what: "is not set: clients reach the bound instance through every access area of the anycast address, from points of presence abroad",
    },
  ];
};

/** ESA's cross-border optimisation; the API's values are "on" and "off". */
export const crossBorderOptimisation: GlobalReader = (props) => {
  const path = "crossBorderOptimization";
  const v = valueAt(props, path);
  if (isUnknown(v)) {
    return [
      { path, what: "is not known at preview, so its reach cannot be decided", unknown: true },
    ];
  }
  return isTrue(v) || (typeof v === "string" && v.toLowerCase() === "on")
    ? [{ path, what: "is on: traffic is optimised across the mainland border" }]
    : [];
};

/**
 * The regions Route 53 runs health checkers in (the API's HealthCheckRegion values); a check that
 * names regions needs at least three of them.
 */
const route53CheckerRegions = [
  "us-east-1",
  "us-west-1",
  "us-west-2",
  "eu-west-1",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-northeast-1",
  "sa-east-1",
];

/**
 * The fix arn-locality gives for a region a type's input names, where the type allows less than
 * any region: a Route 53 health check's checker regions, of which no three lie in most
 * jurisdictions.
 */
export const regionFixes: Readonly<Record<string, (j: Jurisdiction) => string>> = {
  "aws:route53/healthCheck:HealthCheck": (j) => {
    const inside = route53CheckerRegions.filter((r) => regionInJurisdiction(j, "aws", r));
    return inside.length >= 3
      ? `Name only Route 53 checker regions inside ${j.id} (${inside.join(", ")}), or check a CloudWatch alarm instead (type CLOUDWATCH_METRIC).`
      : `No three Route 53 checker regions lie inside ${j.id}${inside.length > 0 ? ` (only ${inside.join(", ")})` : ""}: check a CloudWatch alarm instead (type CLOUDWATCH_METRIC).`;
  },
};

/** Health check types that request no endpoint: they combine other checks or read an alarm. */
const endpointlessChecks = ["calculated", "cloudwatch_metric", "recovery_control"];

/**
 * A Route 53 health check of an endpoint (`fqdn` or `ipAddress`) is run by checkers in every
 * checker region unless `regions` names at least three; the endpoint's responses (the page
 * body for string matching) are read there. Regions it names are placed like any region input.
 */
export const healthCheckers: GlobalReader = (props) => {
  const type = valueAt(props, "type");
  const regions = valueAt(props, "regions");
  if (isUnknown(type) || isUnknown(regions)) {
    return [
      {
        path: isUnknown(type) ? "type" : "regions",
        what: "is not known at preview, so where the endpoint is checked from cannot be decided",
        unknown: true,
      },
    ];
  }
  if (typeof type === "string" && endpointlessChecks.includes(type.toLowerCase())) {
    return [];
  }
  if (Array.isArray(regions) && regions.length > 0) {
    return [];
  }
  const target = str(valueAt(props, "fqdn")) ?? str(valueAt(props, "ipAddress")) ?? "its endpoint";
  return [
    {
      path: "regions",
      what: `is not set: health checkers in every checker region worldwide request ${target} and read its responses`,
    },
  ];
};

/**
 * An API Gateway REST API or custom domain name is edge-optimised unless its endpoint type is
 * `REGIONAL` or `PRIVATE`: requests enter and answers leave through CloudFront points of presence
 * worldwide. The type is one value (the SDK's `types` string; older SDKs sent a one-item list).
 */
export const edgeOptimised: GlobalReader = (props) => {
  const path = "endpointConfiguration.types";
  const v = valueAt(props, path);
  if (isUnknown(v)) {
    return [
      {
        path,
        what: "is not known at preview, so whether the API is edge-optimised cannot be decided",
        unknown: true,
      },
    ];
  }
  const types = (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((t) =>
    String(t).toUpperCase(),
  );
  if (types.length > 0 && types.every((t) => t === "REGIONAL" || t === "PRIVATE")) {
    return [];
  }
  return [
    {
      path,
      what: `${types.length === 0 ? "is not set (EDGE by default)" : `is ${JSON.stringify(v)}`}: requests and answers pass through CloudFront edge locations worldwide`,
    },
  ];
};

/**
 * A hosted zone with no VPC is public: name servers worldwide answer for it. VPCs not known at
 * preview are read as none (the zone is reported, and drawn, as public).
 */
export const publicZone: GlobalReader = (props) => {
  const vpcs = valueAt(props, "vpcs");
  return isUnknown(vpcs) || !Array.isArray(vpcs) || vpcs.length === 0
    ? [
        {
          path: "vpcs",
          what: "is empty: the zone is public and served by name servers worldwide",
        },
      ]
    : [];
};

/**
 * A Cognito user pool domain: a prefix (`auth-example`) is served from the region
 * (`<prefix>.auth.<region>.amazoncognito.com`); a custom domain, a fully qualified name, is served
 * through a CloudFront distribution Cognito creates, so the sign-in pages, and the credentials
 * typed into them, pass through edge locations worldwide.
 */
export const cognitoCustomDomain: GlobalReader = (props) => {
  const domain = valueAt(props, "domain");
  if (isUnknown(domain)) {
    return [
      {
        path: "domain",
        what: "is not known at preview, and a custom domain is served through CloudFront",
        unknown: true,
      },
    ];
  }
  return typeof domain === "string" && domain.includes(".")
    ? [
        {
          path: "domain",
          what: `is ${JSON.stringify(domain)}, a custom domain: Cognito serves its sign-in pages, and the credentials typed into them, through a CloudFront distribution at edge locations worldwide`,
        },
      ]
    : [];
};

/**
 * Every platform (APNs, FCM, ADM, Baidu, WNS, MPNS) is its vendor's global push service: no
 * platform application passes.
 */
export const pushPlatform: GlobalReader = (props) => {
  const platform = valueAt(props, "platform");
  return [
    {
      path: "platform",
      what: isUnknown(platform)
        ? "is not known at preview, and every platform is a global push service"
        : `is ${JSON.stringify(platform)}: notifications and their contents go through the vendor's global push service`,
      unknown: isUnknown(platform),
    },
  ];
};

/**
 * A Pinpoint push channel (APNs, FCM, Baidu Cloud Push, ADM): while it is on (`enabled`, on by
 * default) the project's push notifications and their contents go through the vendor's global
 * push service, as SNS mobile push's do.
 */
export const pushChannel: GlobalReader = (props) => {
  const enabled = valueAt(props, "enabled");
  if (enabled === false || enabled === "false") {
    return [];
  }
  return [
    {
      path: "enabled",
      what: isUnknown(enabled)
        ? "is not known at preview, and an enabled channel sends through the vendor's global push service"
        : `is ${enabled === undefined ? "not set (the channel is on)" : "true"}: notifications and their contents go through the vendor's global push service`,
      unknown: isUnknown(enabled),
    },
  ];
};

/** An edge-optimised REST API or custom domain name (its row is a resource policy's). */
export const apiEdgeReach = globalReach(
  "endpointConfiguration.types",
  "CloudFront edge locations",
  edgeOptimised,
);

/** ESA's cross-border optimisation of a transport layer application (its row a log row). */
export const esaCrossBorderReach = globalReach(
  "crossBorderOptimization",
  "ESA edge nodes",
  crossBorderOptimisation,
);
