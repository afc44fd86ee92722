/**
 * Fail closed on what the pack does not know. A type passes when the pack knows it as reviewed
 * or flow-modelled (policy/reviewed.ts), when the pack's list (policy/review/classes.json,
 * generated from the inventory of the installed SDKs and the reviews in policy/review/) classes
 * it regional, inert or a reviewed exception, or when one stack allows it (`allowTypes`). An
 * unclassified type may move data anywhere: it is a violation that says why it is unclassified.
 */
import { resourceLabel, stateOnlyPackages } from "../residency/placement";
import { residencyResourcePolicy } from "./framework";
import { baseKind } from "./paths/kubernetes";
import { classesDocument, type ListedType, listedTypes } from "./review/listed";
import {
  isCustomResourceGroup,
  customResourceTypes,
  kubernetesGroup,
  reviewedTypes,
} from "./reviewed";

/** The list by type token, read once per process, on the first type the pack does not review. */
let listed: ReadonlyMap<string, ListedType> | undefined;

const sdkVersions = () =>
  Object.entries(classesDocument.sdks)
    .map(([p, v]) => `@pulumi/${p} ${v}`)
    .join(", ");

export const reviewedResourceTypes = residencyResourcePolicy({
  name: "reviewed-resource-types",
  description:
    "Checks whether every resource type in the stack has been classified for cross-border data paths: reviewed or flow-modelled (policy/reviewed.ts), classed regional, inert or a reviewed exception (policy/review/classes.json), or allowed by this policy's allowTypes.",
  severity: "high",
  remediationSteps:
    "Keep the stack's data on resource types the pack classifies; `sovereign-dc coverage --type <token>` shows why a type is not. Once you have reviewed where such a resource sends its data, list its type under `allowTypes` in this policy's config for the stack. The pack's own classification lives in policy/review/ (a reading of each place-naming property, or a class for the type with its reason) and the flow tables, refreshed by `npm run inventory`.",
  validate: (args, ctx) => {
    if (args.type.startsWith("pulumi:providers:") || !args.provider) {
      // Providers are placed by resource-placement; component resources hold nothing.
      return;
    }
    const allowed = Array.isArray(ctx.config.allowTypes) ? ctx.config.allowTypes : [];
    if (
      reviewedTypes.has(args.type) ||
      allowed.includes(args.type) ||
      stateOnlyPackages.includes(args.type.split(":")[0])
    ) {
      return;
    }
    listed ??= listedTypes();
    const message = unclassifiedMessage(args.type, args.name, listed, sdkVersions());
    if (message !== undefined) {
      // Where such a resource sends data is unknown: the far end of its path cannot be placed.
      ctx.report({ message, path: unclassifiedPath(args.type, args.name) });
    }
  },
});

/**
 * The path of an unclassified resource's finding: from it to a place nobody can name — the
 * hosted service that keeps a hosted service's resource, or else the type's unknown destination.
 */
export function unclassifiedPath(type: string, name: string): string[] {
  const saas = hostedServices[type.split(":")[0]];
  return [
    resourceLabel(type, name),
    saas === undefined
      ? `${type} (unclassified: where it sends data cannot be placed)`
      : (networkPaths[type]?.farEnd ??
        `${saas.name}'s servers (a hosted service: where it keeps data cannot be placed)`),
  ];
}

/**
 * Why a type that is neither reviewed nor allowed fails, given the pack's list (`listed`) and
 * the SDK versions it was made at; undefined when the list classes the type (it passes).
 */
export function unclassifiedMessage(
  type: string,
  name: string,
  listed: ReadonlyMap<string, ListedType>,
  sdks: string,
): string | undefined {
  const entry = listed.get(type);
  if (entry !== undefined && entry.class !== "unclassified") {
    return undefined;
  }
  const label = resourceLabel(type, name);
  const lead = `${label} must be of a type the residency pack has classified, but ${type}`;
  const group = kubernetesGroup(type);
  // A kind the pack reviews, at an API version it does not (an older schema, read by none of
  // its checks): named with the versions it reviews, which are what to move to.
  const kindOf = (t: string) => baseKind(t).split(":")[2];
  const versionOf = (t: string) => t.split(":")[1];
  const reviewedVersions =
    entry === undefined && isCustomResourceGroup(group)
      ? [...customResourceTypes]
          .filter((t) => kubernetesGroup(t) === group && baseKind(t) === t)
          .filter((t) => kindOf(t) === kindOf(type))
          .map(versionOf)
      : [];
  if (reviewedVersions.length > 0) {
    return `${lead} is API version ${versionOf(type)} of ${kindOf(type)}, which the pack reviews only as ${reviewedVersions.join(" and ")}: this version's schema is read by none of its checks, so the pack cannot tell whether it moves data across the border. Declare it as ${reviewedVersions[0]}, which its operator serves when it is current; allowTypes would pass this version unread.`;
  }
  if (entry === undefined && isCustomResourceGroup(group)) {
    // A ThanosRuler of `monitoring.coreos.com/v1`: a kind of a group whose other kinds the pack
    // reviews, and which names servers in ways the pack does not read (query endpoints, object
    // storage configured in Secrets).
    const kinds = [
      ...new Set(
        [...customResourceTypes]
          .filter((t) => kubernetesGroup(t) === group && baseKind(t) === t)
          .map((t) => t.split(":")[2]),
      ),
    ].sort();
    return `${lead} is a custom resource of ${group} the pack has not reviewed (it reviews ${kinds.join(", ")}): its controller may send data to servers it names in ways the pack does not read, so the pack cannot tell whether it moves data across the border. Once you have reviewed where this resource's controller sends its data, ${acceptFor(type)}.`;
  }
  if (entry === undefined && type.startsWith("kubernetes:")) {
    // A CronTab of `stable.example.com/v1`: an object of a kind a CustomResourceDefinition
    // adds, which its controller acts on (or a kind of a newer SDK than the one classified).
    const kubernetes = sdks.split(", ").find((s) => s.startsWith("@pulumi/kubernetes ")) ?? sdks;
    return `${lead} is no kind ${kubernetes} defines: a custom resource (a kind a CustomResourceDefinition adds, whose controller acts on it), or a kind of a newer SDK, so the pack cannot tell whether it moves data across the border. Keep the stack's data on kinds the pack classifies, or, once you have reviewed where this resource's controller sends its data, ${acceptFor(type)}.`;
  }
  if (entry === undefined && dynamicTypes.includes(type)) {
    // A dynamic provider is the program's own code: each resource of the type may do anything.
    const waiver = {
      "reviewed-resource-types": {
        waivers: [
          {
            policy: "reviewed-resource-types",
            resource: name,
            reason: "<what the review of its provider found>",
            expires: "<YYYY-MM-DD>",
          },
        ],
      },
    };
    return `${lead} is a dynamic resource: its provider is the program's own code (the create and update functions serialised into its __provider input), run on the machine that deploys, which may send the resource's inputs anywhere, so the pack cannot tell whether it moves data across the border. Once you have reviewed what its provider does, waive this resource by name in a --policy-config file (${JSON.stringify(waiver)}) given to check and plan, and to policy-config when it writes the config for pulumi preview --policy-pack-config; allowTypes would accept every dynamic resource of the stack, whatever its provider does.`;
  }
  const saas = entry === undefined ? hostedServices[type.split(":")[0]] : undefined;
  if (saas !== undefined) {
    // A GitHub Actions secret of `github`: a service's own servers keep what the resource holds.
    const where = saas.where === undefined ? "" : ` (${saas.where})`;
    const opens = networkPaths[type]?.opens;
    if (opens !== undefined) {
      // A Tailscale subnet route: what matters is the network it opens, not the data it keeps.
      return `${lead} is a resource of ${saas.name}${where}, and ${opens}: a network path between the stack and places the pack cannot name, beside what the service keeps on its own servers; it is no type of the SDKs the pack classifies (${sdks}). Reach the stack through links the pack judges (a VPN to an allowlisted site, a private endpoint), or, once you have confirmed that every device that can use the path is inside the jurisdiction, ${acceptFor(type)}.`;
    }
    return `${lead} is a resource of ${saas.name}${where}, which keeps what the resource is given on its own servers, in no region the pack can place inside a jurisdiction; it is no type of the SDKs the pack classifies (${sdks}). Keep the stack's data out of it, or, once you have reviewed where the service keeps this resource's data, ${acceptFor(type)}.`;
  }
  if (entry === undefined) {
    return `${lead} is not a resource type of the SDKs the pack classifies (${sdks}), so the pack cannot tell whether it moves data across the border. Keep the stack's data on resources of those SDKs, or, once you have reviewed where this resource sends its data, ${acceptFor(type)}.`;
  }
  return `${lead} is unclassified: ${entry.reason}, so the pack cannot tell whether it moves data across the border. \`sovereign-dc coverage --type ${type}\` shows what is unreviewed; once you have reviewed where this resource sends its data, ${acceptFor(type)}.`;
}

/**
 * Pulumi packages whose resources live in one company's hosted service, with no region of a
 * cloud the catalog holds: what such a resource is given — a secret's value, a variable, a
 * record, a policy — is kept on that service's servers. Their types are no SDK's the pack
 * classifies, and still fail; the message says where their data goes.
 */
const hostedServices: Readonly<Record<string, { name: string; where?: string }>> = {
  github: {
    name: "GitHub",
    where: "github.com, or the GitHub Enterprise server its provider's baseUrl names",
  },
  gitlab: {
    name: "GitLab",
    where: "gitlab.com, or the GitLab instance its provider's baseUrl names",
  },
  cloudflare: {
    name: "Cloudflare",
    where: "its network serves and stores from points of presence worldwide",
  },
  tailscale: { name: "Tailscale", where: "its coordination service, login.tailscale.com" },
  datadog: {
    name: "Datadog",
    where:
      "its US1 site, api.datadoghq.com, unless its provider's apiUrl names another of its sites",
  },
  newrelic: { name: "New Relic", where: "its US data centre, unless its provider's region is EU" },
  opsgenie: {
    name: "Opsgenie",
    where: "its US instance, unless its provider's apiUrl names the EU one",
  },
  sumologic: { name: "Sumo Logic", where: "the deployment its provider's environment names" },
  auth0: {
    name: "Auth0",
    where: "the tenant its provider's domain names, in that tenant's region",
  },
  okta: { name: "Okta", where: "the organisation its provider's orgName and baseUrl name" },
  vercel: { name: "Vercel" },
  netlify: { name: "Netlify" },
  slack: { name: "Slack" },
  pagerduty: { name: "PagerDuty" },
};

/**
 * Types of hosted services' packages that open a network path rather than keep data alone:
 * what each lets through, in a finding's words.
 */
const networkPaths: Readonly<Record<string, { opens: string; farEnd: string }>> = {
  "tailscale:index/deviceSubnetRoutes:DeviceSubnetRoutes": {
    opens:
      "it approves the routes it lists (routes) for a device of the tailnet, so every device of the tailnet, wherever it is, reaches those addresses through that device (and sends through it, as an exit node, when a route is 0.0.0.0/0 or ::/0)",
    farEnd: "every device of the tailnet (anywhere: cannot be placed)",
  },
  "tailscale:index/tailnetKey:TailnetKey": {
    opens:
      "it is an auth key with which a machine joins the tailnet, so every device of the tailnet, wherever it is, can reach that machine, and the machine them",
    farEnd: "every device of the tailnet (anywhere: cannot be placed)",
  },
};

/** The types of the SDKs' dynamic providers, whose provider is the program's own code. */
const dynamicTypes = ["pulumi-nodejs:dynamic:Resource", "pulumi-python:dynamic:Resource"];

/**
 * How a stack accepts a type after review: the policy's own config, in the overrides file
 * `check` and `plan` take as --policy-config, which `policy-config` lays over the stack's config
 * it writes for the Pulumi CLI's --policy-pack-config.
 */
function acceptFor(type: string): string {
  return `accept the type for this stack: list it under allowTypes of reviewed-resource-types in a --policy-config file (${JSON.stringify({ "reviewed-resource-types": { allowTypes: [type] } })}) given to check and plan, and to policy-config when it writes the config for pulumi preview --policy-pack-config`;
}
