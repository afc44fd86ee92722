/**
 * The egress domain table in the graph: a type that opens an edge to the public internet draws
 * it, tagged with internet-egress, so a stack's way out through it is a path the border analysis
 * shows and internet-egress explains (no-path does not report it twice); its twin without the way
 * in keeps the edge unreachable and the stack sealed, while internet-egress still reports the
 * edge itself.
 */
import type { StackValidation, StackValidationArgs } from "@pulumi/policy";
import { analyzeWithGraph } from "../../policy/paths/analyze";
import { internetEgress } from "../../policy/egress";
import { explainedBy } from "../../policy/paths/graph";
import { egress } from "../../policy/paths/types/egress";
import { gates } from "../../policy/paths/types/gates";
import {
  oracleBorderResources,
  type OracleResource,
  policyResources,
  runNamed,
} from "../helpers/model-oracle";
import { unknownAtPreview } from "../helpers/model-oracle";

// The runtime's proxy is internal to @pulumi/policy.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { unknownCheckingProxy } = require("@pulumi/policy/proxy") as {
  unknownCheckingProxy: <T extends object>(o: T) => T;
};

const oregon: OracleResource = {
  type: "pulumi:providers:aws",
  name: "or",
  props: { region: "us-west-2" },
};

const aws = (
  type: string,
  name: string,
  props: Record<string, unknown>,
  deps: Record<string, string[]> = {},
): OracleResource => ({ type, name, props, provider: "or", deps });

/** A bucket, a VPC with a carrier gateway and, when `routed`, a default route through it. */
function carrierStack(routed: boolean): OracleResource[] {
  return [
    oregon,
    aws("aws:ec2/vpc:Vpc", "core", {}),
    aws("aws:ec2/carrierGateway:CarrierGateway", "cgw", { vpcId: "core-id" }, { vpcId: ["core"] }),
    aws("aws:ec2/routeTable:RouteTable", "rt", { vpcId: "core-id" }, { vpcId: ["core"] }),
    ...(routed
      ? [
          aws(
            "aws:ec2/route:Route",
            "default",
            {
              routeTableId: "rt-id",
              destinationCidrBlock: "0.0.0.0/0",
              carrierGatewayId: "cgw-id",
            },
            { routeTableId: ["rt"], carrierGatewayId: ["cgw"] },
          ),
        ]
      : []),
    aws("aws:s3/bucket:Bucket", "b", { bucket: "b" }),
  ];
}

function analysis(resources: readonly OracleResource[], jurisdiction = "US") {
  const { graph, analysis: a } = analyzeWithGraph(
    oracleBorderResources(resources),
    jurisdiction,
    {},
  );
  return {
    verdict: a.verdict,
    paths: a.paths.map((p) => ({ hops: p.hops, explainedBy: explainedBy(p, graph) })),
  };
}

describe("the rows internet-egress judges", () => {
  it("are rows of the egress table, whose other policies' fields are listed here", () => {
    // Each type is declared once: a row of the egress table carries another policy's fields only
    // where the type has no other row (a security group's ingress sources, an ECS service's
    // external servers, an Elastic Beanstalk environment's load balancer, an ACK cluster's API
    // server and NGINX Ingress add-on, a SageMaker or Glue job's output buckets, an EMR
    // cluster's log bucket, an RDS AI instance's public endpoint).
    const others = Object.entries(egress).flatMap(([t, m]) =>
      (m.fields ?? [])
        .filter((f) => !(f.policy === "internet-egress" && f.format === "internet"))
        .map((f) => `${t} ${f.policy} ${f.path}`),
    );
    expect(others).toEqual([
      "aws:ec2/securityGroup:SecurityGroup public-exposure ingress[].cidrBlocks[]",
      "aws:ec2/securityGroup:SecurityGroup public-exposure ingress[].ipv6CidrBlocks[]",
      "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup public-exposure ingress[].cidrBlocks[]",
      "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup public-exposure ingress[].ipv6CidrBlocks[]",
      "aws:ec2/securityGroupRule:SecurityGroupRule public-exposure cidrBlocks[]",
      "aws:ec2/securityGroupRule:SecurityGroupRule public-exposure ipv6CidrBlocks[]",
      "alicloud:ecs/securityGroupRule:SecurityGroupRule public-exposure cidrIp",
      "alicloud:ecs/securityGroupRule:SecurityGroupRule public-exposure ipv6CidrIp",
      "alicloud:ecs/securityGroupRule:SecurityGroupRule cross-account-links sourceGroupOwnerId",
      "alicloud:ecs/securityGroupRule:SecurityGroupRule cross-account-links sourceGroupOwnerAccount",
      "alicloud:ens/securityGroup:SecurityGroup public-exposure permissions[].sourceCidrIp",
      "alicloud:ens/securityGroup:SecurityGroup public-exposure permissions[].ipv6SourceCidrIp",
      "aws:ecs/expressGatewayService:ExpressGatewayService public-exposure networkConfigurations",
      "aws:ecs/service:Service remote-sites launchType",
      "aws:ecs/taskSet:TaskSet remote-sites launchType",
      "aws:sagemaker/notebookInstance:NotebookInstance remote-sites defaultCodeRepository",
      "aws:sagemaker/notebookInstance:NotebookInstance remote-sites additionalCodeRepositories[]",
      "aws:elasticbeanstalk/environment:Environment public-exposure settings",
      "aws:apprunner/service:Service public-exposure networkConfiguration.ingressConfiguration.isPubliclyAccessible",
      "aws:apprunner/service:Service remote-sites sourceConfiguration.codeRepository.repositoryUrl",
      // An EventBridge target's account, and the API destination it names (named-destinations).
      "aws:cloudwatch/eventTarget:EventTarget log-shipping arn",
      "aws:cloudwatch/eventTarget:EventTarget log-shipping arn",
      "aws:scheduler/schedule:Schedule log-shipping target.arn",
      "alicloud:fc/service:Service log-shipping tracingConfig.params.endpoint",
      "alicloud:fc/v3Function:V3Function remote-sites customDns.nameServers[]",
      "alicloud:fc/v3Function:V3Function storage-replication ossMountConfig.mountPoints[].bucketName",
      "alicloud:fc/v3Function:V3Function storage-replication ossMountConfig.mountPoints[].endpoint",
      "alicloud:ehpc/clusterV2:ClusterV2 public-exposure addons[].servicesSpec[].NetworkACL[].SourceCidrIp",
      "alicloud:eci/containerGroup:ContainerGroup log-shipping volumes[].nfsVolumeServer",
      "alicloud:eci/containerGroup:ContainerGroup remote-sites dnsConfig.nameServers[]",
      "alicloud:ess/eciScalingConfiguration:EciScalingConfiguration log-shipping volumes[].nfsVolumeServer",
      "alicloud:cs/managedKubernetes:ManagedKubernetes public-exposure slbInternetEnabled",
      "alicloud:cs/managedKubernetes:ManagedKubernetes public-exposure controlPlaneEndpointsConfig.loadBalancersConfigs[].endpointType",
      "alicloud:cs/managedKubernetes:ManagedKubernetes public-exposure addons",
      "alicloud:cs/kubernetes:Kubernetes public-exposure slbInternetEnabled",
      "alicloud:cs/kubernetes:Kubernetes public-exposure addons",
      "alicloud:cs/serverlessKubernetes:ServerlessKubernetes public-exposure endpointPublicAccessEnabled",
      "alicloud:cs/serverlessKubernetes:ServerlessKubernetes public-exposure addons",
      "alicloud:cs/nodePool:NodePool log-shipping kubeletConfiguration.tracing.endpoint",
      "alicloud:rds/aiInstance:AiInstance public-exposure publicEndpointEnabled",
      "aws:glue/job:Job log-shipping defaultArguments.--TempDir",
      "aws:glue/job:Job log-shipping defaultArguments.--spark-event-logs-path",
      "aws:glue/job:Job log-shipping nonOverridableArguments.--TempDir",
      "aws:glue/job:Job log-shipping nonOverridableArguments.--spark-event-logs-path",
      "aws:gamelift/fleet:Fleet public-exposure ec2InboundPermissions[].ipRange",
      "aws:emr/cluster:Cluster log-shipping logUri",
      "aws:emr/cluster:Cluster log-shipping additionalInfo.instanceAwsClientConfiguration.proxyHost",
      "aws:emr/cluster:Cluster log-shipping configurationsJson[].Properties.javax\\.jdo\\.option\\.ConnectionURL",
      "aws:emr/cluster:Cluster log-shipping configurationsJson[].Properties.hive\\.metastore\\.uris",
      "aws:emr/cluster:Cluster log-shipping configurationsJson[].Configurations[].Properties.javax\\.jdo\\.option\\.ConnectionURL",
      "aws:emr/cluster:Cluster log-shipping configurationsJson[].Configurations[].Properties.hive\\.metastore\\.uris",
      "aws:bedrock/agentcoreBrowser:AgentcoreBrowser log-shipping recording.s3Location.bucket",
      "aws:sagemaker/trainingJob:TrainingJob log-shipping checkpointConfig.s3Uri",
      "aws:sagemaker/trainingJob:TrainingJob log-shipping outputDataConfig.s3OutputPath",
      "aws:sagemaker/trainingJob:TrainingJob log-shipping tensorBoardOutputConfig.s3OutputPath",
      "aws:sagemaker/trainingJob:TrainingJob log-shipping debugHookConfig.s3OutputPath",
      "aws:sagemaker/trainingJob:TrainingJob log-shipping debugRuleConfigurations[].s3OutputPath",
      "aws:sagemaker/trainingJob:TrainingJob log-shipping profilerConfig.s3OutputPath",
      "aws:sagemaker/trainingJob:TrainingJob log-shipping profilerRuleConfigurations[].s3OutputPath",
      "aws:sagemaker/hyperParameterTuningJob:HyperParameterTuningJob log-shipping trainingJobDefinition.checkpointConfig.s3Uri",
      "aws:sagemaker/hyperParameterTuningJob:HyperParameterTuningJob log-shipping trainingJobDefinition.outputDataConfig.s3OutputPath",
      "aws:sagemaker/hyperParameterTuningJob:HyperParameterTuningJob log-shipping trainingJobDefinitions[].checkpointConfig.s3Uri",
      "aws:sagemaker/hyperParameterTuningJob:HyperParameterTuningJob log-shipping trainingJobDefinitions[].outputDataConfig.s3OutputPath",
      "aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition log-shipping dataQualityJobOutputConfig.monitoringOutputs.s3Output.s3Uri",
      "aws:sagemaker/monitoringSchedule:MonitoringSchedule log-shipping monitoringScheduleConfig.monitoringJobDefinition.monitoringOutputConfig.monitoringOutputs.s3Output.s3Uri",
    ]);
    // The VPC route entry and the two office sites, whose other fields network-links and
    // remote-sites judge, are rows of the network and remote-sites tables. The 18 egress
    // controls (gates.ts) declare rules and gates, and no fields but their ingress sources and
    // the owner of another account's security group a rule admits (cross-account-links). Two
    // rows are Karpenter's EC2NodeClass and its Patch; one is App Runner's service, moved here
    // from the exposure table with its way out.
    expect(Object.keys(egress).length).toBe(91 + 18 + 2);
    expect(Object.keys(gates).filter((t) => !(t in egress))).toEqual([]);
    expect(
      Object.entries(gates).flatMap(([t, m]) =>
        (m.fields ?? [])
          .filter((f) => f.exposes !== "ingress")
          .map((f) => `${t} ${f.policy} ${f.path}`),
      ),
    ).toEqual([
      "alicloud:ecs/securityGroupRule:SecurityGroupRule cross-account-links sourceGroupOwnerId",
      "alicloud:ecs/securityGroupRule:SecurityGroupRule cross-account-links sourceGroupOwnerAccount",
    ]);
  });
});

const shanghai: OracleResource = {
  type: "pulumi:providers:alicloud",
  name: "sh",
  props: { region: "cn-shanghai" },
};

const ali = (
  type: string,
  name: string,
  props: Record<string, unknown>,
  deps: Record<string, string[]> = {},
): OracleResource => ({ type, name, props, provider: "sh", deps });

/**
 * A bucket any network of Shanghai may read, a VPC whose default route leads to an internet NAT
 * gateway with an EIP; `open` lets the security group send anywhere, otherwise it accepts only
 * the VPC and drops the rest.
 */
function natStack(open: boolean): OracleResource[] {
  const rule = (name: string, cidrIp: string, policy: string, priority: number) =>
    ali(
      "alicloud:ecs/securityGroupRule:SecurityGroupRule",
      name,
      {
        securityGroupId: "sg-id",
        type: "egress",
        ipProtocol: "all",
        portRange: "-1/-1",
        cidrIp,
        policy,
        priority,
      },
      { securityGroupId: ["sg"] },
    );
  return [
    shanghai,
    ali("alicloud:vpc/network:Network", "core", { cidrBlock: "10.10.0.0/16" }),
    ali(
      "alicloud:ecs/securityGroup:SecurityGroup",
      "sg",
      { vpcId: "core-id" },
      { vpcId: ["core"] },
    ),
    ...(open
      ? [rule("egress-any", "0.0.0.0/0", "accept", 1)]
      : [
          rule("egress-vpc", "10.10.0.0/16", "accept", 1),
          rule("egress-drop", "0.0.0.0/0", "drop", 100),
        ]),
    ali(
      "alicloud:vpc/natGateway:NatGateway",
      "nat",
      { vpcId: "core-id", networkType: "internet", natType: "Enhanced" },
      { vpcId: ["core"] },
    ),
    ali("alicloud:ecs/eipAddress:EipAddress", "eip", { bandwidth: "10" }),
    ali(
      "alicloud:ecs/eipAssociation:EipAssociation",
      "bind",
      { allocationId: "eip-id", instanceId: "nat-id", instanceType: "Nat" },
      { allocationId: ["eip"], instanceId: ["nat"] },
    ),
    ali(
      "alicloud:vpc/routeEntry:RouteEntry",
      "default",
      {
        routeTableId: "rt-id",
        destinationCidrblock: "0.0.0.0/0",
        nexthopType: "NatGateway",
        nexthopId: "nat-id",
      },
      { routeTableId: ["core"], nexthopId: ["nat"] },
    ),
    ali("alicloud:oss/bucket:Bucket", "b", { bucket: "b" }),
  ];
}

/**
 * internet-egress's finding on the NAT chain, in both twins: one, on the route that leads into
 * it, with the chain from the network's internet-bound traffic to the internet.
 */
const natChain = [
  [
    "internet-egress",
    "default",
    "mandatory",
    [
      'internet-bound traffic of vpc "core"',
      'route "default"',
      'nat gateway "nat"',
      'ecs eip association "bind"',
      'eip "eip"',
      "the internet (any country)",
    ],
  ],
];

describe("a default route through a NAT gateway and its EIP (egress table) in the border analysis", () => {
  it("is one chain out of the VPC, explained by internet-egress: no-path does not report it again", () => {
    expect(analysis(natStack(true), "CN")).toEqual({
      verdict: "crosses-border",
      paths: [
        {
          hops: [
            'oss bucket "b"',
            "readable from (no network restriction: any network of its region with credentials)",
            "every network in cn-shanghai",
            "in region",
            'vpc "core"',
            'egress rule "egress-any" (0.0.0.0/0)',
            'internet-bound traffic of vpc "core"',
            'route "default" (0.0.0.0/0)',
            'nat gateway "nat"',
            'eip association "bind"',
            'eip "eip"',
            "public address",
            "the public internet",
          ],
          explainedBy: "internet-egress",
        },
      ],
    });
    expect(
      runNamed(natStack(true), { jurisdiction: "CN" }).filter(
        ([p]) => p === "internet-egress" || p === "no-path-out-of-jurisdiction",
      ),
    ).toEqual(natChain);
  });

  it("its twin, whose security group bounds egress, is sealed, and internet-egress still reports the chain", () => {
    expect(analysis(natStack(false), "CN")).toEqual({ verdict: "sealed", paths: [] });
    expect(
      runNamed(natStack(false), { jurisdiction: "CN" }).filter(
        ([p]) => p === "internet-egress" || p === "no-path-out-of-jurisdiction",
      ),
    ).toEqual(natChain);
  });
});

/** internet-egress's messages on a stack, as the runtime hands the policy its resources. */
function stackMessages(resources: readonly OracleResource[]): string[] {
  const out: string[] = [];
  const validate = internetEgress.validateStack as StackValidation;
  const args = {
    resources: policyResources(resources),
    getConfig: () => ({ jurisdiction: "CN", egressAllowlist: [], waivers: [] }),
  };
  validate(args as unknown as StackValidationArgs, (m) => out.push(m));
  return out;
}

describe("internet-egress reports each way out once, as the chain of resources it takes", () => {
  it("names every link of the NAT chain, its reason and its fix, in one finding on the route", () => {
    const [message, ...rest] = stackMessages(natStack(true));
    expect(rest).toEqual([]);
    expect(message).toBe(
      [
        'route "default" must not open an edge to the internet, but with nat gateway "nat", ecs eip association "bind" and eip "eip" it makes one way out — ',
        'route "default": destinationCidrblock is 0.0.0.0/0: a default route sends every address outside the VPC to a gateway; ',
        'nat gateway "nat": networkType is "internet": an internet NAT gateway gives the VPC internet egress; ',
        'ecs eip association "bind": allocationId binds a public IP address to an instance; ',
        'eip "eip": bandwidth allocates an elastic public IP address. ',
        'Cut the chain at any link: route "default": Route only the prefixes of checked links; a sealed network has no default route. ',
        'nat gateway "nat": Remove it, or set networkType to "intranet" (a VPC NAT gateway). ',
        'ecs eip association "bind", eip "eip": Remove it; a sealed network reaches cloud services through private endpoints and other sites only through checked links.',
        '\npath: internet-bound traffic of vpc "core" → route "default" → nat gateway "nat" → ecs eip association "bind" → eip "eip" → the internet (any country)',
      ].join(""),
    );
  });

  it("reports two routes into one gateway each as a way out, on the route", () => {
    const stack = natStack(true);
    const second = stack.find((r) => r.name === "default");
    const routes = [...stack, { ...second, name: "second" } as OracleResource];
    const through = [
      'nat gateway "nat"',
      'ecs eip association "bind"',
      'eip "eip"',
      "the internet (any country)",
    ];
    expect(
      runNamed(routes, { jurisdiction: "CN" }).filter(([p]) => p === "internet-egress"),
    ).toEqual([
      [
        "internet-egress",
        "default",
        "mandatory",
        ['internet-bound traffic of vpc "core"', 'route "default"', ...through],
      ],
      [
        "internet-egress",
        "second",
        "mandatory",
        ['internet-bound traffic of vpc "core"', 'route "second"', ...through],
      ],
    ]);
  });

  it("reports exits the graph does not link each on its own", () => {
    // Without its association the EIP is an exit of its own, beside the route and gateway.
    const stack = natStack(true).filter((r) => r.name !== "bind");
    expect(
      runNamed(stack, { jurisdiction: "CN" }).filter(([p]) => p === "internet-egress"),
    ).toEqual([
      [
        "internet-egress",
        "default",
        "mandatory",
        [
          'internet-bound traffic of vpc "core"',
          'route "default"',
          'nat gateway "nat"',
          "the internet (any country)",
        ],
      ],
      ["internet-egress", "eip", "mandatory", ['eip "eip"', "the internet (any country)"]],
    ]);
  });
});

describe("a carrier gateway (egress table) in the border analysis", () => {
  it("is a way out when a default route leads to it, explained by internet-egress", () => {
    expect(analysis(carrierStack(true))).toEqual({
      verdict: "crosses-border",
      paths: [
        {
          hops: [
            's3 bucket "b"',
            "readable from (no network restriction: any network of its region with credentials)",
            "every network in us-west-2",
            "in region",
            'vpc "core"',
            "default egress (the VPC's default security group allows all egress until adopted)",
            'internet-bound traffic of vpc "core"',
            'route "default" (0.0.0.0/0)',
            'ec2 carrier gateway "cgw"',
            "public address (vpcId)",
            "the public internet",
          ],
          explainedBy: "internet-egress",
        },
      ],
    });
    // internet-egress reports the route and the gateway as one way out, on the route;
    // no-path-out-of-jurisdiction, nothing.
    expect(runNamed(carrierStack(true), { jurisdiction: "US" })).toEqual([
      [
        "customer-key-encryption",
        "b",
        "mandatory",
        ['s3 bucket "b"', "no customer-managed key (unencrypted, or a key the provider holds)"],
      ],
      [
        "internet-egress",
        "default",
        "mandatory",
        [
          'internet-bound traffic of vpc "core"',
          'ec2 route "default"',
          'ec2 carrier gateway "cgw"',
          "the internet (any country)",
        ],
      ],
    ]);
  });

  it("leaves the stack sealed when no route leads to it, and internet-egress still reports it", () => {
    expect(analysis(carrierStack(false))).toEqual({ verdict: "sealed", paths: [] });
    expect(runNamed(carrierStack(false), { jurisdiction: "US" })).toEqual([
      [
        "customer-key-encryption",
        "b",
        "mandatory",
        ['s3 bucket "b"', "no customer-managed key (unencrypted, or a key the provider holds)"],
      ],
      [
        "internet-egress",
        "cgw",
        "mandatory",
        ['ec2 carrier gateway "cgw"', "the internet (any country)"],
      ],
    ]);
  });
});

/** The messages internet-egress reports on one resource, each with its path. */
function internetFindings(type: string, props: Record<string, unknown>): string[] {
  const out: string[] = [];
  const validate = internetEgress.validateStack as StackValidation;
  const resource = {
    type,
    name: "r",
    urn: `urn:pulumi:s::p::${type}::r`,
    // The runtime hands policies its proxy, which turns the engine's unknown into an error.
    props: unknownCheckingProxy(JSON.parse(JSON.stringify(props)) as object),
    dependencies: [],
    propertyDependencies: {},
  };
  const args = {
    resources: [resource],
    getConfig: () => ({ jurisdiction: "CN", egressAllowlist: [], waivers: [] }),
  };
  validate(args as unknown as StackValidationArgs, (m) => out.push(m));
  return out;
}

const toInternet = (label: string) => `\npath: ${label} → the internet (any country)`;

describe("internet-egress on the egress table's types: each way a value opens the edge, and its twin", () => {
  test.each([
    [
      "a flag that is true",
      "aws:ecs/service:Service",
      { networkConfiguration: { assignPublicIp: true } },
      'ecs service "r" must not open an edge to the internet, but networkConfiguration.assignPublicIp is true: every task gets a public IP address. Set networkConfiguration.assignPublicIp to false and reach AWS services through VPC endpoints.',
    ],
    [
      "a flag in every element of a list",
      "alicloud:emrv2/cluster:Cluster",
      { nodeGroups: [{ withPublicIp: false }, { withPublicIp: true }] },
      'emrv2 cluster "r" must not open an edge to the internet, but nodeGroups[1].withPublicIp is true: the group\'s nodes get public IP addresses. Set withPublicIp to false on every node group.',
    ],
    [
      "a bandwidth above 0",
      "alicloud:ecs/ecsInstanceSet:EcsInstanceSet",
      { internetMaxBandwidthOut: 5 },
      'ecs instance set "r" must not open an edge to the internet, but internetMaxBandwidthOut is 5: every instance of the set gets a public IP address. Set internetMaxBandwidthOut to 0.',
    ],
    [
      "a setting left at its default",
      "aws:sagemaker/notebookInstance:NotebookInstance",
      {},
      'sagemaker notebook instance "r" must not open an edge to the internet, but directInternetAccess is not set (the default): the notebook reaches any host on the internet through SageMaker\'s network. Set directInternetAccess to "Disabled" and give the notebook a subnetId of the stack\'s VPC.',
    ],
    [
      "a setting that is not the safe value",
      "aws:sagemaker/notebookInstance:NotebookInstance",
      { directInternetAccess: "Enabled" },
      'sagemaker notebook instance "r" must not open an edge to the internet, but directInternetAccess is "Enabled": the notebook reaches any host on the internet through SageMaker\'s network. Set directInternetAccess to "Disabled" and give the notebook a subnetId of the stack\'s VPC.',
    ],
    [
      "a function outside the stack's VPC",
      "aws:lambda/function:Function",
      { vpcConfig: { subnetIds: [] } },
      "lambda function \"r\" must not open an edge to the internet, but vpcConfig is not set: the function runs in Lambda's network and reaches any host on the internet. Attach the function to private subnets of the stack's VPC (vpcConfig.subnetIds); a Lambda@Edge function, which CloudFront runs at its edge locations worldwide, cannot be attached: do its work in the region, behind the distribution's origin.",
    ],
    [
      "a model neither isolated nor in the stack's VPC",
      "aws:sagemaker/model:Model",
      { enableNetworkIsolation: false },
      "sagemaker model \"r\" must not open an edge to the internet, but vpcConfig is not set and enableNetworkIsolation is not true: the model's containers reach any host on the internet through SageMaker's network. Set enableNetworkIsolation to true, or run it in private subnets of the stack's VPC (vpcConfig).",
    ],
    [
      "a value not known at preview",
      "alicloud:fc/v3Function:V3Function",
      { internetAccess: unknownAtPreview },
      'fc v3 function "r" must not open an edge to the internet, but internetAccess is not known at preview, so whether it opens an internet edge cannot be decided. Set internetAccess to false and reach services through the VPC.',
    ],
    [
      "a resource that is an internet edge by its nature",
      "alicloud:vpc/snatEntry:SnatEntry",
      { snatTableId: "stb-1" },
      'vpc snat entry "r" must not open an edge to the internet, but snatTableId sends the source network to the internet through SNAT. Remove it; a sealed network reaches cloud services through private endpoints and other sites only through checked links.',
    ],
    [
      "an internet edge by its nature whose anchoring input the program leaves out (an EIP without domain)",
      "aws:ec2/eip:Eip",
      {},
      'eip "r" must not open an edge to the internet, but domain is not set, and the resource allocates a public IP address. Release the EIP; a sealed network reaches cloud services through private endpoints and other sites only through checked links.',
    ],
  ])("fails on %s", (_, type, props, message) => {
    const label = message.slice(0, message.indexOf(" must "));
    expect(internetFindings(type, props)).toEqual([`${message}${toInternet(label)}`]);
  });

  test.each([
    [
      "the flag false",
      "aws:ecs/service:Service",
      { networkConfiguration: { assignPublicIp: false } },
    ],
    [
      "every element's flag false",
      "alicloud:emrv2/cluster:Cluster",
      { nodeGroups: [{ withPublicIp: false }] },
    ],
    ["no bandwidth", "alicloud:ecs/ecsInstanceSet:EcsInstanceSet", { internetMaxBandwidthOut: 0 }],
    [
      "the safe value, in any case",
      "aws:sagemaker/notebookInstance:NotebookInstance",
      { directInternetAccess: "Disabled" },
    ],
    [
      "subnets of the stack's VPC",
      "aws:lambda/function:Function",
      { vpcConfig: { subnetIds: ["subnet-1"] } },
    ],
    ["network isolation", "aws:sagemaker/model:Model", { enableNetworkIsolation: true }],
    ["internet access off", "alicloud:fc/v3Function:V3Function", { internetAccess: false }],
  ])("passes with %s", (_, type, props) => {
    expect(internetFindings(type, props)).toEqual([]);
  });
});

describe("egress-rules on a rule list not known at preview", () => {
  const acl = (egress: unknown) => [
    oregon,
    aws("aws:ec2/vpc:Vpc", "core", {}),
    aws("aws:ec2/networkAcl:NetworkAcl", "acl", { vpcId: "core-id", egress }, { vpcId: ["core"] }),
  ];
  const ruleFindings = (resources: OracleResource[]) =>
    runNamed(resources, { jurisdiction: "US" }).filter(([p]) => p === "egress-rules");
  const unknownList = ['ec2 network acl "acl"', "egress (unknown at preview)"];

  it("fails an AWS network ACL whose whole egress list is not known: its rules may let anything out", () => {
    // Both destination fields of an entry (IPv4 and IPv6 blocks) read the unknown list: the same
    // words, said once.
    expect(ruleFindings(acl(unknownAtPreview))).toEqual([
      ["egress-rules", "acl", "mandatory", unknownList],
    ]);
  });

  it("passes its twin whose egress list is known and denies everything", () => {
    const deny = { action: "deny", protocol: "-1", fromPort: 0, toPort: 0, cidrBlock: "0.0.0.0/0" };
    expect(ruleFindings(acl([{ ...deny, ruleNo: 100 }]))).toEqual([]);
  });
});
