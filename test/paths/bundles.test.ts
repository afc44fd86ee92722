/**
 * The deployment bundles table (policy/paths/types/bundles.ts): every row — a Helm v3 release, a
 * CloudFormation stack, StackSet or stack instance, a Service Catalog product, a ROS stack or
 * change set, a Cloud Architect Design Tools application, a Cloud Control resource — is data whose
 * contents reach a place no policy can see. helm-releases judges exactly the rows of the table,
 * each with the words of its row; the graph draws the crossing tagged with helm-releases, so the
 * whole pack reports it once, and no-path-out-of-jurisdiction never a second time.
 */
import type { ResourceValidationArgs, ReportViolation } from "@pulumi/policy";
import { decodeMessage } from "../../policy/framework";
import { helmReleases } from "../../policy/kubernetes";
import { tables } from "../../policy/paths/types";
import { customResourceTypes } from "../../policy/reviewed";
import {
  type OracleResource,
  on,
  policyResources,
  runBorder,
  runNamed,
} from "../helpers/model-oracle";

const us = { jurisdiction: "US" };
const oregon: OracleResource = {
  type: "pulumi:providers:aws",
  name: "or",
  props: { region: "us-west-2" },
};
const inOregon = on("or");
const siliconValley: OracleResource = {
  type: "pulumi:providers:alicloud",
  name: "sv",
  props: { region: "us-west-1" },
};
const inSiliconValley = on("sv");

/** The messages helm-releases reports on each resource. */
function helmMessages(resources: readonly OracleResource[]): string[] {
  const out: string[] = [];
  const validate = helmReleases.validateResource as (
    args: ResourceValidationArgs,
    report: ReportViolation,
  ) => void;
  const getConfig = <T>() => ({ jurisdiction: "US", egressAllowlist: [], waivers: [] }) as T;
  for (const r of policyResources(resources)) {
    const args = { ...r, stackTags: new Map(), getConfig, notApplicable: () => undefined };
    validate(args as unknown as ResourceValidationArgs, (m) => out.push(decodeMessage(m).message));
  }
  return out;
}

/** One bundle of each row of the table, with what its finding says it deploys. */
const bundles: [OracleResource, string][] = [
  [
    inOregon("aws:cloudformation/stack:Stack", "network", {
      name: "network",
      templateUrl: "https://templates.example.com/network.yaml",
    }),
    'cloudformation stack "network" must expose its resources to the pack, but what it deploys cannot be judged: a CloudFormation stack deploys the template at "https://templates.example.com/network.yaml" as one opaque resource, so no policy sees the resources it creates or where their data goes. Declare the resources in the program instead.',
  ],
  [
    inOregon("aws:cloudformation/stackSet:StackSet", "guardrails", {
      name: "guardrails",
      templateBody: "{}",
    }),
    'cloudformation stack set "guardrails" must expose its resources to the pack, but what it deploys cannot be judged: a CloudFormation StackSet deploys the template of its templateBody to the accounts and regions of its instances, so no policy sees the resources it creates or where their data goes. Declare the resources in the program instead.',
  ],
  [
    inOregon("aws:cloudformation/stackInstances:StackInstances", "guardrails-everywhere", {
      stackSetName: "guardrails",
      deploymentTargets: { organizationalUnitIds: ["ou-ab12-34cd56ef"] },
      regions: ["us-east-1"],
    }),
    'cloudformation stack instances "guardrails-everywhere" must expose its resources to the pack, but what it deploys cannot be judged: stack instances deploy StackSet "guardrails" into "ou-ab12-34cd56ef", so no policy sees the resources it creates or where their data goes. Declare the resources in the program instead.',
  ],
  [
    inOregon("aws:cloudformation/stackSetInstance:StackSetInstance", "baseline", {
      stackSetName: "baseline",
      accountId: "444455556666",
      stackSetInstanceRegion: "us-east-1",
    }),
    'cloudformation stack set instance "baseline" must expose its resources to the pack, but what it deploys cannot be judged: a stack instance deploys StackSet "baseline" into "444455556666", so no policy sees the resources it creates or where their data goes. Declare the resources in the program instead.',
  ],
  [
    inOregon("aws:servicecatalog/provisionedProduct:ProvisionedProduct", "bastion", {
      name: "bastion",
      productId: "prod-abcdefghijklm",
    }),
    'servicecatalog provisioned product "bastion" must expose its resources to the pack, but what it deploys cannot be judged: a Service Catalog product deploys product "prod-abcdefghijklm" (a CloudFormation template) into the stack\'s account, so no policy sees the resources it creates or where their data goes. Declare the resources in the program instead.',
  ],
  [
    inOregon("aws:serverlessrepository/cloudFormationStack:CloudFormationStack", "log-forwarder", {
      name: "log-forwarder",
      applicationId: "arn:aws:serverlessrepo:us-east-1:464622532012:applications/Log-Forwarder",
      semanticVersion: "3.100.0",
      capabilities: ["CAPABILITY_IAM"],
    }),
    'serverlessrepository cloud formation stack "log-forwarder" must expose its resources to the pack, but what it deploys cannot be judged: a Serverless Application Repository stack deploys application "arn:aws:serverlessrepo:us-east-1:464622532012:applications/Log-Forwarder" 3.100.0 (a CloudFormation template) as one opaque resource, so no policy sees the resources it creates or where their data goes. Declare the resources in the program instead.',
  ],
  [
    inSiliconValley("alicloud:ros/stack:Stack", "landing-zone", {
      stackName: "landing-zone",
      templateUrl: "https://templates.oss-us-west-1.aliyuncs.com/landing-zone.json",
    }),
    'ros stack "landing-zone" must expose its resources to the pack, but what it deploys cannot be judged: a ROS stack deploys the template at "https://templates.oss-us-west-1.aliyuncs.com/landing-zone.json" as one opaque resource, so no policy sees the resources it creates or where their data goes. Declare the resources in the program instead.',
  ],
  [
    inSiliconValley("alicloud:ros/changeSet:ChangeSet", "landing-zone-update", {
      changeSetName: "update",
      changeSetType: "UPDATE",
      stackId: "stack-landing-zone",
      templateBody: "{}",
    }),
    'ros change set "landing-zone-update" must expose its resources to the pack, but what it deploys cannot be judged: a ROS change set stages the template of its templateBody for stack "stack-landing-zone", which deploys it as one opaque resource when the change set is executed, so no policy sees the resources it creates or where their data goes. Declare the resources in the program instead.',
  ],
  [
    inSiliconValley("alicloud:bp/studioApplication:StudioApplication", "architecture", {
      applicationName: "shop",
      templateId: "YAUUQIYRSV1CMFGX",
      areaId: "us-west-1",
    }),
    'bp studio application "architecture" must expose its resources to the pack, but what it deploys cannot be judged: a Cloud Architect Design Tools application deploys architecture template "YAUUQIYRSV1CMFGX" in "us-west-1" as one opaque resource, so no policy sees the resources it creates or where their data goes. Declare the resources in the program instead.',
  ],
  [
    inSiliconValley("alicloud:cloudcontrol/resource:Resource", "network", {
      product: "VPC",
      resourceCode: "VPC",
      desireAttributes: JSON.stringify({ CidrBlock: "10.0.0.0/16" }),
    }),
    'cloudcontrol resource "network" must expose its resources to the pack, but what it creates cannot be judged: a Cloud Control resource creates "VPC" of product "VPC" from desireAttributes, whose settings no policy reads, so where its data goes cannot be told. Declare the resource with its provider\'s own Pulumi type instead, whose settings the pack judges.',
  ],
  [
    inOregon("aws:cloudcontrol/resource:Resource", "archive", {
      typeName: "AWS::S3::Bucket",
      desiredState: JSON.stringify({ BucketName: "archive" }),
    }),
    'cloudcontrol resource "archive" must expose its resources to the pack, but what it creates cannot be judged: a Cloud Control resource creates a "AWS::S3::Bucket" from desiredState, a CloudFormation document, whose settings no policy reads, so where its data goes cannot be told. Declare the resource with its provider\'s own Pulumi type instead, whose settings the pack judges.',
  ],
];

test("the cases cover every row of the table but the Helm release's (test/paths/kubernetes.test.ts) and the GitOps controllers' custom resources (test/paths/custom-resources.test.ts)", () => {
  expect([...bundles.map(([r]) => r.type), "kubernetes:helm.sh/v3:Release"].sort()).toEqual(
    Object.keys(tables.bundles)
      .filter((t) => !customResourceTypes.has(t))
      .sort(),
  );
});

describe.each(bundles.map(([r, m]) => [r.type, r, m] as const))("%s", (_, bundle, message) => {
  const label = message.slice(0, message.indexOf(" must "));

  test("is helm-releases' finding, and no-path does not report what it hides", () => {
    const resources = [oregon, siliconValley, bundle];
    expect(runBorder(resources, us)).toEqual([
      [label, "attachment", `unknown (the resources inside ${label} are not visible to policies)`],
    ]);
    expect(runNamed(resources, us)).toEqual([
      ["helm-releases", bundle.name, "mandatory", [label, "resources the pack cannot see"]],
    ]);
    expect(helmMessages(resources)).toEqual([message]);
  });

  test("twin: the resources declared in the program instead open no path and pass", () => {
    const resources = [
      oregon,
      siliconValley,
      inOregon("aws:ec2/vpc:Vpc", bundle.name, { cidrBlock: "10.1.0.0/16" }),
    ];
    expect(runBorder(resources, us)).toEqual([]);
    expect(runNamed(resources, us)).toEqual([]);
    expect(helmMessages(resources)).toEqual([]);
  });
});

// Found by the telemetry bench: a vendor's chart installed as a v3 Release failed as opaque
// without naming where its values send the cluster's data (a Datadog site, an exporter's endpoint).
test("a Helm v3 release's finding names the hosts outside the cluster its values give", () => {
  const release = (values: Record<string, unknown>): OracleResource => ({
    type: "kubernetes:helm.sh/v3:Release",
    name: "agent",
    props: { chart: "datadog", values },
  });
  expect(
    helmMessages([
      release({
        datadog: { site: "ap1.datadoghq.com", apiKeyExistingSecret: "datadog" },
        clusterAgent: { url: "http://cluster-agent.datadog.svc:5005" },
        exporters: [{ endpoint: "api.honeycomb.io:443" }, { endpoint: "10.0.0.5:4317" }],
        proxy: { https: "https://proxy.example.com:3128" },
        image: { tag: "7.50.0" },
      }),
    ]),
  ).toEqual([
    'k8s release "agent" must expose its resources to the pack, but a Helm v3 Release installs chart "datadog" as one opaque resource, so its NetworkPolicies and Services cannot be checked; its values name the hosts ap1.datadoghq.com, api.honeycomb.io, proxy.example.com, where what it runs may send data. Use kubernetes.helm.v4.Chart instead: its objects are Pulumi resources, which the pack checks under pulumi preview --policy-pack (offline the chart is not rendered, and offline-visibility says so).',
  ]);
  // Values that name only the cluster's own Services, addresses and versions add nothing.
  expect(
    helmMessages([release({ clusterAgent: { url: "http://cluster-agent.datadog.svc:5005" } })]),
  ).toEqual([
    'k8s release "agent" must expose its resources to the pack, but a Helm v3 Release installs chart "datadog" as one opaque resource, so its NetworkPolicies and Services cannot be checked. Use kubernetes.helm.v4.Chart instead: its objects are Pulumi resources, which the pack checks under pulumi preview --policy-pack (offline the chart is not rendered, and offline-visibility says so).',
  ]);
});
