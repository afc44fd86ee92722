/**
 * What `reviewed-resource-types` says of a type the pack's list does not pass. At the installed
 * SDK versions no type is unclassified, so the list here is planted: after an SDK upgrade, the
 * types it adds are unclassified until reviewed (the inventory's drift test fails first), and a
 * type of no classified SDK fails with the versions the pack classifies.
 */
import { unclassifiedMessage, unclassifiedPath } from "../../policy/coverage";
import { listedTypes } from "../../policy/review/listed";
import type { ClassesDocument } from "../../policy/review/model";

const planted: ClassesDocument = {
  sdks: { aws: "9.0.0" },
  classes: {
    regional: { "no input names a place": ["aws:widgets/gauge:Gauge"] },
    inert: {},
    exception: {},
    unclassified: {
      "no check reads mirrorEndpoint, peerAccountId": ["aws:widgets/mirror:Mirror"],
    },
  },
};
const listed = listedTypes(planted);

test("a type the list classes passes", () => {
  expect(unclassifiedMessage("aws:widgets/gauge:Gauge", "g", listed, "@pulumi/aws 9.0.0")).toBe(
    undefined,
  );
});

test("an unclassified type fails with what no check reads and how to explain it", () => {
  expect(unclassifiedMessage("aws:widgets/mirror:Mirror", "m", listed, "@pulumi/aws 9.0.0")).toBe(
    'widgets mirror "m" must be of a type the residency pack has classified, but aws:widgets/mirror:Mirror is unclassified: no check reads mirrorEndpoint, peerAccountId, so the pack cannot tell whether it moves data across the border. `sovereign-dc coverage --type aws:widgets/mirror:Mirror` shows what is unreviewed; once you have reviewed where this resource sends its data, accept the type for this stack: list it under allowTypes of reviewed-resource-types in a --policy-config file ({"reviewed-resource-types":{"allowTypes":["aws:widgets/mirror:Mirror"]}}) given to check and plan, and to policy-config when it writes the config for pulumi preview --policy-pack-config.',
  );
});

test("a type of no classified SDK fails naming the versions the pack classifies", () => {
  expect(unclassifiedMessage("command:local:Command", "c", listed, "@pulumi/aws 9.0.0")).toContain(
    "command:local:Command is not a resource type of the SDKs the pack classifies (@pulumi/aws 9.0.0), so",
  );
});

// Found on a static site's program that stores an IAM role's ARN and a bucket's name as GitHub
// Actions secrets: the message said only that the type was not classified.
test("a type of a hosted service's package names the service that keeps its data", () => {
  const message = unclassifiedMessage(
    "github:index/actionsSecret:ActionsSecret",
    "deploy-role",
    listed,
    "@pulumi/aws 9.0.0",
  );
  expect(message).toBe(
    'github actions secret "deploy-role" must be of a type the residency pack has classified, but github:index/actionsSecret:ActionsSecret is a resource of GitHub (github.com, or the GitHub Enterprise server its provider\'s baseUrl names), which keeps what the resource is given on its own servers, in no region the pack can place inside a jurisdiction; it is no type of the SDKs the pack classifies (@pulumi/aws 9.0.0). Keep the stack\'s data out of it, or, once you have reviewed where the service keeps this resource\'s data, accept the type for this stack: list it under allowTypes of reviewed-resource-types in a --policy-config file ({"reviewed-resource-types":{"allowTypes":["github:index/actionsSecret:ActionsSecret"]}}) given to check and plan, and to policy-config when it writes the config for pulumi preview --policy-pack-config.',
  );
  // A package of no hosted service keeps the general words.
  expect(unclassifiedMessage("command:local:Command", "c", listed, "@pulumi/aws 9.0.0")).toContain(
    "is not a resource type of the SDKs the pack classifies",
  );
});

// The finding's path named the type as "unclassified", where its message names the service.
test("a hosted service's resource leads, on the finding's path, to that service's servers", () => {
  expect(unclassifiedPath("github:index/actionsSecret:ActionsSecret", "deploy-role")).toEqual([
    'github actions secret "deploy-role"',
    "GitHub's servers (a hosted service: where it keeps data cannot be placed)",
  ]);
  expect(unclassifiedPath("command:local:Command", "c")).toEqual([
    'local command "c"',
    "command:local:Command (unclassified: where it sends data cannot be placed)",
  ]);
});

// Found on a Tailscale subnet router: the finding spoke only of what Tailscale keeps, so a
// reviewer who checked that could accept the type and seal a VPC opened to every device of a
// tailnet, wherever it is.
test("a Tailscale subnet route is named for the network path it opens, with what to confirm before accepting it", () => {
  const type = "tailscale:index/deviceSubnetRoutes:DeviceSubnetRoutes";
  const message = unclassifiedMessage(type, "router", listed, "@pulumi/aws 9.0.0");
  expect(message).toContain(
    "is a resource of Tailscale (its coordination service, login.tailscale.com), and it approves the routes it lists (routes) for a device of the tailnet, so every device of the tailnet, wherever it is, reaches those addresses through that device",
  );
  expect(message).toContain(
    "once you have confirmed that every device that can use the path is inside the jurisdiction, accept the type",
  );
  expect(unclassifiedPath(type, "router")).toEqual([
    'tailscale device subnet routes "router"',
    "every device of the tailnet (anywhere: cannot be placed)",
  ]);
  // Another Tailscale type keeps the words of a hosted service's data.
  expect(
    unclassifiedMessage("tailscale:index/acl:Acl", "acl", listed, "@pulumi/aws 9.0.0"),
  ).toContain("which keeps what the resource is given on its own servers");
});

// Found on Datadog and New Relic programs: the finding did not say where their data goes when the
// provider names no site.
test("a monitoring vendor's resource names the site its data goes to by default", () => {
  expect(
    unclassifiedMessage("datadog:index/user:User", "my-user", listed, "@pulumi/aws 9.0.0"),
  ).toContain(
    "datadog:index/user:User is a resource of Datadog (its US1 site, api.datadoghq.com, unless its provider's apiUrl names another of its sites), which keeps",
  );
  expect(
    unclassifiedMessage(
      "newrelic:index/alertPolicy:AlertPolicy",
      "policy",
      listed,
      "@pulumi/aws 9.0.0",
    ),
  ).toContain(
    "is a resource of New Relic (its US data centre, unless its provider's region is EU)",
  );
});

test("a Kubernetes kind of no classified SDK is named a custom resource, or a newer SDK's", () => {
  const sdks = "@pulumi/alicloud 3.108.0, @pulumi/aws 9.0.0, @pulumi/kubernetes 4.34.2";
  expect(
    unclassifiedMessage("kubernetes:stable.example.com/v1:CronTab", "nightly", listed, sdks),
  ).toContain(
    "kubernetes:stable.example.com/v1:CronTab is no kind @pulumi/kubernetes 4.34.2 defines: a custom resource (a kind a CustomResourceDefinition adds, whose controller acts on it), or a kind of a newer SDK, so the pack cannot tell",
  );
});

test("a kind of a group whose other kinds the pack reviews names the kinds it reviews", () => {
  const sdks = "@pulumi/alicloud 3.108.0, @pulumi/aws 9.0.0, @pulumi/kubernetes 4.34.2";
  expect(
    unclassifiedMessage("kubernetes:cert-manager.io/v1:Signer", "signer", listed, sdks),
  ).toContain(
    "kubernetes:cert-manager.io/v1:Signer is a custom resource of cert-manager.io the pack has not reviewed (it reviews Certificate, CertificateRequest, ClusterIssuer, Issuer): its controller may send data",
  );
});

// Found on the Pulumi documentation's dynamic provider programs: the message named the SDKs the
// pack classifies, and the only way offered to pass one accepted every dynamic resource.
test("a dynamic resource is named as the program's own provider code, with a waiver of it alone", () => {
  const message = unclassifiedMessage(
    "pulumi-nodejs:dynamic:Resource",
    "labels",
    listed,
    "@pulumi/aws 9.0.0",
  );
  expect(message).toBe(
    'dynamic resource "labels" must be of a type the residency pack has classified, but pulumi-nodejs:dynamic:Resource is a dynamic resource: its provider is the program\'s own code (the create and update functions serialised into its __provider input), run on the machine that deploys, which may send the resource\'s inputs anywhere, so the pack cannot tell whether it moves data across the border. Once you have reviewed what its provider does, waive this resource by name in a --policy-config file ({"reviewed-resource-types":{"waivers":[{"policy":"reviewed-resource-types","resource":"labels","reason":"<what the review of its provider found>","expires":"<YYYY-MM-DD>"}]}}) given to check and plan, and to policy-config when it writes the config for pulumi preview --policy-pack-config; allowTypes would accept every dynamic resource of the stack, whatever its provider does.',
  );
});

// Found on community programs written for older operator releases: the message said the pack
// reviews the very kind it named, and offered allowTypes, which passed a public load balancer
// that the reviewed version is judged for.
test("an older API version of a kind the pack reviews names the versions it reviews", () => {
  const sdks = "@pulumi/alicloud 3.108.0, @pulumi/aws 9.0.0, @pulumi/kubernetes 4.34.2";
  expect(
    unclassifiedMessage("kubernetes:kafka.strimzi.io/v1beta1:Kafka", "kafka", listed, sdks),
  ).toBe(
    'k8s kafka "kafka" must be of a type the residency pack has classified, but kubernetes:kafka.strimzi.io/v1beta1:Kafka is API version kafka.strimzi.io/v1beta1 of Kafka, which the pack reviews only as kafka.strimzi.io/v1beta2 and kafka.strimzi.io/v1: this version\'s schema is read by none of its checks, so the pack cannot tell whether it moves data across the border. Declare it as kafka.strimzi.io/v1beta2, which its operator serves when it is current; allowTypes would pass this version unread.',
  );
  // Twin: a kind of the group the pack does not review at any version is named as such.
  expect(
    unclassifiedMessage("kubernetes:cert-manager.io/v1:Signer", "signer", listed, sdks),
  ).toContain("is a custom resource of cert-manager.io the pack has not reviewed");
});
