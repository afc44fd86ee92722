/**
 * The config each residency policy takes, as the JSON schema CrossGuard publishes with the pack
 * (`configSchema`) and validates a `--policy-pack-config` document against; the offline engine
 * validates a `--policy-config` file against the same schema (engine/policy-config-schema.ts).
 * Kept apart from the policies so the engine reads it without loading them.
 */
import type { PolicyConfigSchema } from "@pulumi/policy";
import { locationCode } from "../residency/direct-connect";
import { jurisdictionIds } from "../residency/jurisdictions";
import { outpostId } from "../residency/outposts";

/**
 * A list of sites the stack declares with their countries (residency/declared-sites.ts): each
 * `{ <id>, country }`, the identifier as the residency module's pattern accepts it.
 */
function declaredSites(id: string, pattern: RegExp, description: string) {
  return {
    type: "array" as const,
    default: [],
    description,
    items: {
      type: "object" as const,
      required: [id, "country"],
      additionalProperties: false,
      properties: {
        [id]: { type: "string" as const, pattern: pattern.source },
        country: { type: "string" as const, pattern: "^[A-Z]{2}$" },
      },
    },
  };
}

/**
 * An IPv4 CIDR block of prefix /8 to /32: an egress allowlist entry. A wider one is most of the
 * internet (`0.0.0.0/1` and `128.0.0.0/1` are all of it), which no entry may admit — the stack
 * spec refuses the same blocks in `sovereign-dc:egress`.
 */
const octet = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
export const boundedCidrPattern = `^${octet}(\\.${octet}){3}/([89]|[12][0-9]|3[0-2])$`;

/** JSON-schema properties of the shared settings, merged into every policy's configSchema. */
export const sharedConfigProperties: PolicyConfigSchema["properties"] = {
  jurisdiction: {
    type: "string",
    enum: jurisdictionIds(),
    description: "Jurisdiction whose border the stack must not cross (catalog ID).",
  },
  egressAllowlist: {
    type: "array",
    default: [],
    description: "Destinations workloads may reach: { cidr, ports, protocol, reason }.",
    items: {
      type: "object",
      required: ["cidr", "reason"],
      properties: {
        cidr: {
          type: "string",
          // RE2's syntax, which the Pulumi CLI's schema validator uses: no lookahead.
          pattern: boundedCidrPattern,
          description:
            "an IPv4 block of /8 or narrower: 0.0.0.0/0 is the whole internet, and a block wider than /8 a large part of it, so neither can be allowlisted",
        },
        ports: { type: "array", items: { type: "integer" } },
        protocol: { type: "string" },
        reason: { type: "string" },
      },
    },
  },
  egressHosts: {
    type: "array",
    default: [],
    description:
      "Hosts the stack's owners have placed, that services send to by name (a chat robot's webhook, a mail domain of the team's own): { host, reason }, host a name or *. and a domain. Admits a host the pack cannot place otherwise, never a cloud endpoint of a region; opens no network rule.",
    items: {
      type: "object",
      required: ["host", "reason"],
      additionalProperties: false,
      properties: {
        host: {
          type: "string",
          pattern:
            "^(\\*\\.)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.?$",
        },
        reason: { type: "string", minLength: 1 },
      },
    },
  },
  accountIds: {
    type: "array",
    default: [],
    description:
      "The cloud accounts the stack deploys into (sovereign-dc:accountId), besides those its providers pin.",
    items: { type: "string" },
  },
  clusters: {
    type: "array",
    default: [],
    description:
      "Kubernetes clusters the program does not create, by kubeconfig context: { context, cloud, region } for a cluster of a cloud, { context, site, country } for one in a data center of the team's own; cluster names the kubeconfig cluster a provider overrides its context's with (its cluster, or kubernetes:cluster); internalIngressClasses the Ingress classes whose controller, which the program does not create, the team keeps off the internet.",
    items: {
      // CrossGuard's schema type has no oneOf: a cloud's cluster takes cloud with region, a
      // site's takes site with country (residency/clusters.ts refuses any other mix).
      type: "object",
      required: ["context"],
      additionalProperties: false,
      properties: {
        context: { type: "string" },
        cluster: { type: "string" },
        cloud: { type: "string", enum: ["alicloud", "aws"] },
        region: { type: "string" },
        site: { type: "string" },
        country: { type: "string" },
        internalIngressClasses: { type: "array", items: { type: "string" } },
      },
      dependencies: {
        cloud: ["region"],
        region: ["cloud"],
        site: ["country"],
        country: ["site"],
      },
    },
  },
  accountDiskEncryption: {
    type: "array",
    default: [],
    description:
      "Default disk encryption the stack's accounts have outside the program, by region (sovereign-dc:accountDiskEncryption): { cloud, region, key, byDefault }. A volume there that names no key is judged on the region's default key, and every volume once byDefault is true.",
    items: {
      type: "object",
      required: ["cloud", "region", "key"],
      additionalProperties: false,
      properties: {
        cloud: { type: "string", enum: ["alicloud", "aws"] },
        region: { type: "string" },
        key: { type: "string" },
        byDefault: { type: "boolean" },
      },
    },
  },
  outposts: declaredSites(
    "outpost",
    outpostId,
    "The AWS Outposts the stack declares, each with the ISO 3166-1 alpha-2 code of its site's country (sovereign-dc:outposts): { outpost, country }. What is placed on an Outpost is placed at its site, and an Outpost not declared cannot be placed.",
  ),
  directConnectLocations: declaredSites(
    "location",
    locationCode,
    "The AWS Direct Connect locations the stack declares, each with the ISO 3166-1 alpha-2 code of its facility's country (sovereign-dc:directConnectLocations): { location, country }. A connection or link aggregation group landing at a location is placed in its country, and one landing at a location not declared cannot be placed.",
  ),
  standInAccount: {
    type: "string",
    description:
      "The account the offline engine writes where the stack's own belongs when the stack declares none, so that findings name it as such (sovereign-dc check and plan set it; leave it out under the Pulumi CLI).",
  },
  reportWaived: {
    type: "boolean",
    default: false,
    description:
      "Report waived findings marked as waived instead of leaving them out (sovereign-dc check and plan set it).",
  },
  unknownAtPreview: {
    type: "string",
    enum: ["defer", "fail"],
    default: "defer",
    description:
      "What a resource policy does with a value it must read that is not known at preview: defer (skip it with an advisory note; pulumi up judges the known value before it creates the resource) or fail (a violation at the policy's level, so the preview fails). Stack policies always fail.",
  },
  waivers: {
    type: "array",
    default: [],
    description:
      "Accepted exceptions: { policy, resource, reason, expires (YYYY-MM-DD), approvedBy?, reference? } — who approved it, and the ticket, assessment or filing it rests on, for the report's reader.",
    items: {
      type: "object",
      properties: {
        policy: { type: "string" },
        resource: { type: "string" },
        reason: { type: "string" },
        expires: { type: "string" },
        approvedBy: { type: "string" },
        reference: { type: "string" },
      },
      additionalProperties: false,
    },
  },
};

/** Config properties of single policies, beyond the shared settings, by policy name. */
const ownConfigProperties: Readonly<Record<string, PolicyConfigSchema["properties"]>> = {
  "reviewed-resource-types": {
    allowTypes: {
      type: "array",
      items: { type: "string" },
      default: [],
      description: "Type tokens accepted for this stack in addition to the reviewed set.",
    },
  },
  "resource-placement": {
    regionsInside: {
      type: "object",
      default: {},
      description:
        'Places of clouds the pack does not catalog that the stack\'s reviewer has confirmed lie inside the jurisdiction, by package: { "azure-native": ["chinaeast2"] }. Compared ignoring case and spaces, as those clouds compare them; a location, region or zone of such a cloud not listed here cannot be placed.',
      additionalProperties: { type: "array", items: { type: "string" } },
    },
  },
};

/** The config schema of the policy named `name`: the shared settings and its own. */
export function configSchemaOf(name: string): PolicyConfigSchema {
  return { properties: { ...sharedConfigProperties, ...ownConfigProperties[name] } };
}
