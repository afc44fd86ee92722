/**
 * The internet-egress rows of policy/egress.ts as they were before the policy became a view of
 * the egress domain table (policy/paths/types/egress.ts: `egress`, whose edges the graph draws,
 * and a `judgedOnly` table since merged into it), kept verbatim with the readers they used, as
 * the oracle of test/paths/differential.test.ts: the view must report byte for byte what these
 * rows reported.
 */
import { resourceLabel } from "../../residency/placement";
import { residencyResourcePolicy } from "../../policy/framework";
import { isAnywhere } from "../../policy/paths/addresses";
import { isTrue, unknown, valueAt, valuesAt } from "../../policy/paths/values";

/** One internet edge; completes "…, but <path> <what>." */
interface Edge {
  readonly path: string;
  readonly what: string;
}

interface EdgeModel {
  readonly type: string;
  readonly edges: (props: Record<string, unknown>) => Edge[];
  readonly fix: string;
}

const unknownEdge = (path: string): Edge => ({
  path,
  what: "is not known at preview, so whether it opens an internet edge cannot be decided",
});

/** The resource is an internet edge by its nature. */
function always(path: string, what: string) {
  return (): Edge[] => [{ path, what }];
}

/** An internet edge unless `path` holds one of the `safe` values (absent counts as `absentSafe`). */
function unless(path: string, safe: readonly string[], what: string, absentSafe = false) {
  return (props: Record<string, unknown>): Edge[] => {
    const v = valueAt(props, path);
    if (v === unknown) {
      return [unknownEdge(path)];
    }
    if (v === undefined) {
      return absentSafe ? [] : [{ path, what: `is not set (the default): ${what}` }];
    }
    return safe.includes(String(v).toLowerCase())
      ? []
      : [{ path, what: `is ${JSON.stringify(v)}: ${what}` }];
  };
}

/** An internet edge when a flag at `path` is true. */
function when(path: string, what: string) {
  return (props: Record<string, unknown>): Edge[] =>
    valuesAt(props, path).flatMap((f) =>
      f.value === unknown ? [unknownEdge(f.path)] : isTrue(f.value) ? [{ path: f.path, what }] : [],
    );
}

/** Default routes (`0.0.0.0/0`, `::/0`) at any of the paths. */
function defaultRoutes(...paths: string[]) {
  return (props: Record<string, unknown>): Edge[] =>
    paths.flatMap((path) =>
      valuesAt(props, path).flatMap((f) =>
        f.value === unknown
          ? [unknownEdge(f.path)]
          : typeof f.value === "string" && isAnywhere(f.value)
            ? [
                {
                  path: f.path,
                  what: `is ${f.value}: a default route sends every address outside the VPC to a gateway`,
                },
              ]
            : [],
      ),
    );
}

/**
 * Alibaba ECS instances and the templates and scaling configurations they are launched from: an
 * outbound internet bandwidth above 0 gives each instance a public IP address.
 */
function publicBandwidth(what: string) {
  return (props: Record<string, unknown>): Edge[] => {
    const v = valueAt(props, "internetMaxBandwidthOut");
    if (v === unknown) {
      return [unknownEdge("internetMaxBandwidthOut")];
    }
    return typeof v === "number" && v > 0
      ? [{ path: "internetMaxBandwidthOut", what: `is ${v}: ${what}` }]
      : [];
  };
}

const noEdge =
  "Remove it; a sealed network reaches cloud services through private endpoints and other sites only through checked links.";

/**
 * A managed container (a SageMaker notebook, job or model, a Lambda function) runs in the
 * service's own network, which reaches the internet, unless network isolation cuts it off or it
 * runs in subnets of the stack's VPC — whose own edges the other rows judge. `holder` is where
 * the settings sit (`""` for the resource itself, `trainingJobDefinitions[]` for each of a list).
 */
function outsideVpc(
  holder: string,
  settings: { readonly isolation?: string; readonly subnets: string },
  what: string,
) {
  return (props: Record<string, unknown>): Edge[] => {
    const holders = holder === "" ? [{ path: "", value: props }] : valuesAt(props, holder);
    return holders.flatMap((h): Edge[] => {
      const at = (p: string) => (h.path === "" ? p : `${h.path}.${p}`);
      if (h.value === unknown) {
        return [unknownEdge(h.path)];
      }
      const isolated = settings.isolation ? valueAt(h.value, settings.isolation) : undefined;
      const subnets = valueAt(h.value, settings.subnets);
      if (isolated === unknown) {
        return [unknownEdge(at(settings.isolation ?? ""))];
      }
      if (subnets === unknown) {
        return [unknownEdge(at(settings.subnets))];
      }
      if (isTrue(isolated) || (Array.isArray(subnets) && subnets.length > 0)) {
        return [];
      }
      const parent = settings.subnets.split(".").slice(0, -1).join(".");
      return [
        {
          path: at(parent),
          what: `is not set${settings.isolation ? ` and ${settings.isolation} is not true` : ""}: ${what}`,
        },
      ];
    });
  };
}

const isolationFix =
  "Set enableNetworkIsolation to true, or run it in private subnets of the stack's VPC (vpcConfig).";

export const legacyEdgeModels: readonly EdgeModel[] = [
  {
    type: "aws:ec2/internetGateway:InternetGateway",
    edges: always("vpcId", "gets an internet gateway"),
    fix: noEdge,
  },
  {
    type: "aws:ec2/internetGatewayAttachment:InternetGatewayAttachment",
    edges: always("internetGatewayId", "attaches an internet gateway"),
    fix: noEdge,
  },
  {
    type: "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway",
    edges: always("vpcId", "gets an IPv6 egress-only internet gateway"),
    fix: noEdge,
  },
  {
    type: "aws:ec2/carrierGateway:CarrierGateway",
    edges: always("vpcId", "gets a carrier gateway to the telecom network"),
    fix: noEdge,
  },
  {
    type: "aws:ec2/natGateway:NatGateway",
    edges: unless(
      "connectivityType",
      ["private"],
      "a public NAT gateway gives the subnets internet egress",
    ),
    fix: 'Remove it, or set connectivityType to "private".',
  },
  {
    type: "aws:ec2/natGatewayEipAssociation:NatGatewayEipAssociation",
    edges: always("allocationId", "gives a NAT gateway another public address"),
    fix: noEdge,
  },
  {
    type: "aws:ec2/eip:Eip",
    edges: always("domain", "allocates a public IP address"),
    fix: noEdge,
  },
  {
    type: "aws:ec2/eipAssociation:EipAssociation",
    edges: always("allocationId", "gives an instance or interface a public IP address"),
    fix: noEdge,
  },
  {
    type: "aws:ec2/instance:Instance",
    edges: when("associatePublicIpAddress", "is true: the instance gets a public IP address"),
    fix: "Set associatePublicIpAddress to false.",
  },
  {
    type: "aws:ec2/spotInstanceRequest:SpotInstanceRequest",
    edges: when("associatePublicIpAddress", "is true: the instance gets a public IP address"),
    fix: "Set associatePublicIpAddress to false.",
  },
  {
    type: "aws:ec2/launchConfiguration:LaunchConfiguration",
    edges: when(
      "associatePublicIpAddress",
      "is true: instances launched from it get public IP addresses",
    ),
    fix: "Set associatePublicIpAddress to false.",
  },
  // Fargate tasks (awsvpc network mode) with a public IP on their network interface.
  ...["aws:ecs/service:Service", "aws:ecs/taskSet:TaskSet"].map((type): EdgeModel => ({
    type,
    edges: when(
      "networkConfiguration.assignPublicIp",
      "is true: every task gets a public IP address",
    ),
    fix: "Set networkConfiguration.assignPublicIp to false and reach AWS services through VPC endpoints.",
  })),
  {
    type: "aws:ec2/defaultSubnet:DefaultSubnet",
    edges: when("mapPublicIpOnLaunch", "is true: instances launched in it get public IP addresses"),
    fix: "Set mapPublicIpOnLaunch to false.",
  },
  {
    type: "aws:ec2/spotFleetRequest:SpotFleetRequest",
    edges: when(
      "launchSpecifications[].associatePublicIpAddress",
      "is true: the fleet's instances get public IP addresses",
    ),
    fix: "Set associatePublicIpAddress to false in every launch specification.",
  },
  ...["aws:appstream/fleet:Fleet", "aws:appstream/imageBuilder:ImageBuilder"].map(
    (type): EdgeModel => ({
      type,
      edges: when(
        "enableDefaultInternetAccess",
        "is true: the streaming instances reach the internet through AppStream's network",
      ),
      fix: "Set enableDefaultInternetAccess to false and give the instances private subnets of the stack's VPC.",
    }),
  ),
  {
    type: "aws:drs/replicationConfigurationTemplate:ReplicationConfigurationTemplate",
    edges: when("createPublicIp", "is true: the replication servers get public IP addresses"),
    fix: "Set createPublicIp to false and replicate over the private network (dataPlaneRouting PRIVATE_IP).",
  },
  {
    type: "aws:ec2/subnet:Subnet",
    edges: when("mapPublicIpOnLaunch", "is true: instances launched in it get public IP addresses"),
    fix: "Set mapPublicIpOnLaunch to false.",
  },
  {
    type: "aws:ec2/launchTemplate:LaunchTemplate",
    edges: when(
      "networkInterfaces[].associatePublicIpAddress",
      "is true: instances launched from it get public IP addresses",
    ),
    fix: 'Set associatePublicIpAddress to "false".',
  },
  {
    type: "aws:ec2/vpcBlockPublicAccessExclusion:VpcBlockPublicAccessExclusion",
    edges: always(
      "internetGatewayExclusionMode",
      "exempts a VPC or subnet from the block on internet access",
    ),
    fix: "Remove the exclusion.",
  },
  {
    type: "aws:ec2/route:Route",
    edges: defaultRoutes("destinationCidrBlock", "destinationIpv6CidrBlock"),
    fix: "Route only the prefixes of checked links; a sealed network has no default route.",
  },
  {
    type: "aws:ec2/routeTable:RouteTable",
    edges: defaultRoutes("routes[].cidrBlock", "routes[].ipv6CidrBlock"),
    fix: "Route only the prefixes of checked links; a sealed network has no default route.",
  },
  {
    type: "aws:ec2/defaultRouteTable:DefaultRouteTable",
    edges: defaultRoutes("routes[].cidrBlock", "routes[].ipv6CidrBlock"),
    fix: "Route only the prefixes of checked links; a sealed network has no default route.",
  },
  {
    type: "alicloud:vpc/natGateway:NatGateway",
    edges: unless(
      "networkType",
      ["intranet"],
      "an internet NAT gateway gives the VPC internet egress",
    ),
    fix: 'Remove it, or set networkType to "intranet" (a VPC NAT gateway).',
  },
  // ACK creates an internet NAT gateway with an EIP, and SNAT for the node vSwitches, unless told
  // not to (the SDK's default is true for every cluster kind).
  ...[
    "alicloud:cs/managedKubernetes:ManagedKubernetes",
    "alicloud:cs/kubernetes:Kubernetes",
    "alicloud:cs/serverlessKubernetes:ServerlessKubernetes",
  ].map((type): EdgeModel => ({
    type,
    edges: unless(
      "newNatGateway",
      ["false"],
      "ACK creates an internet NAT gateway with an EIP that gives the nodes and pods internet egress",
    ),
    fix: "Set newNatGateway to false; reach cloud services through private endpoints.",
  })),
  {
    type: "alicloud:vpc/snatEntry:SnatEntry",
    edges: always("snatTableId", "sends the source network to the internet through SNAT"),
    fix: noEdge,
  },
  {
    type: "alicloud:ecs/eipAddress:EipAddress",
    edges: always("bandwidth", "allocates an elastic public IP address"),
    fix: noEdge,
  },
  {
    type: "alicloud:ecs/eip:Eip",
    edges: always("bandwidth", "allocates an elastic public IP address"),
    fix: noEdge,
  },
  {
    type: "alicloud:ecs/eipAssociation:EipAssociation",
    edges: always("allocationId", "binds a public IP address to an instance"),
    fix: noEdge,
  },
  {
    type: "alicloud:ecs/instance:Instance",
    edges: publicBandwidth("the instance gets a public IP address"),
    fix: "Set internetMaxBandwidthOut to 0.",
  },
  ...[
    "alicloud:ecs/launchTemplate:LaunchTemplate",
    "alicloud:ecs/ecsLaunchTemplate:EcsLaunchTemplate",
  ].map((type): EdgeModel => ({
    type,
    edges: publicBandwidth("instances launched from it get public IP addresses"),
    fix: "Set internetMaxBandwidthOut to 0.",
  })),
  {
    type: "alicloud:ess/scalingConfiguration:ScalingConfiguration",
    edges: publicBandwidth("every instance the scaling group launches gets a public IP address"),
    fix: "Set internetMaxBandwidthOut to 0.",
  },
  {
    type: "alicloud:ecs/ecsInstanceSet:EcsInstanceSet",
    edges: publicBandwidth("every instance of the set gets a public IP address"),
    fix: "Set internetMaxBandwidthOut to 0.",
  },
  {
    type: "alicloud:rds/custom:Custom",
    edges: publicBandwidth("the RDS Custom host gets a public IP address"),
    fix: "Set internetMaxBandwidthOut to 0.",
  },
  {
    type: "alicloud:cddc/dedicatedPropreHost:DedicatedPropreHost",
    edges: publicBandwidth("the dedicated host gets a public IP address"),
    fix: "Set internetMaxBandwidthOut to 0.",
  },
  {
    // An ENS edge instance gets a public IP unless publicIpIdentification is false.
    type: "alicloud:ens/instance:Instance",
    edges: (props) => [
      ...unless(
        "publicIpIdentification",
        ["false"],
        "the edge instance gets a public IP address",
      )(props),
      ...publicBandwidth("the edge instance gets public internet bandwidth")(props),
    ],
    fix: "Set publicIpIdentification to false and internetMaxBandwidthOut to 0.",
  },
  // Function Compute lets functions reach the internet unless internetAccess is false.
  ...["alicloud:fc/service:Service", "alicloud:fc/v3Function:V3Function"].map(
    (type): EdgeModel => ({
      type,
      edges: unless(
        "internetAccess",
        ["false"],
        "the functions can reach any host on the internet",
      ),
      fix: "Set internetAccess to false and reach services through the VPC.",
    }),
  ),
  {
    type: "alicloud:emrv2/cluster:Cluster",
    edges: when("nodeGroups[].withPublicIp", "is true: the group's nodes get public IP addresses"),
    fix: "Set withPublicIp to false on every node group.",
  },
  ...[
    "alicloud:eds/ramDirectory:RamDirectory",
    "alicloud:eds/simpleOfficeSite:SimpleOfficeSite",
    "alicloud:eds/adConnectorOfficeSite:AdConnectorOfficeSite",
  ].map((type): EdgeModel => ({
    type,
    edges: when("enableInternetAccess", "is true: the cloud desktops can reach the internet"),
    fix: "Set enableInternetAccess to false.",
  })),
  {
    type: "alicloud:threatdetection/honeypotNode:HoneypotNode",
    edges: when("allowHoneypotAccessInternet", "is true: the honeypot can reach the internet"),
    fix: "Set allowHoneypotAccessInternet to false.",
  },
  {
    type: "alicloud:eci/virtualNode:VirtualNode",
    edges: when(
      "enablePublicNetwork",
      "is true: the virtual node's pods get an elastic public IP address",
    ),
    fix: "Set enablePublicNetwork to false.",
  },
  {
    type: "alicloud:rds/aiInstance:AiInstance",
    edges: when(
      "publicNetworkAccessEnabled",
      "is true: the instance gets a NAT gateway to the internet",
    ),
    fix: "Set publicNetworkAccessEnabled to false.",
  },
  {
    type: "alicloud:cs/nodePool:NodePool",
    edges: (props) => {
      return [
        ...publicBandwidth("every node of the pool gets a public IP address")(props),
        ...when(
          "scalingConfig.isBondEip",
          "is true: nodes the pool scales out get an elastic public IP address",
        )(props),
      ];
    },
    fix: "Set internetMaxBandwidthOut to 0 and scalingConfig.isBondEip to false.",
  },
  {
    type: "alicloud:vpc/commonBandwithPackage:CommonBandwithPackage",
    edges: always("bandwidth", "buys shared internet bandwidth"),
    fix: noEdge,
  },
  {
    type: "alicloud:vpc/ipv4Gateway:Ipv4Gateway",
    edges: (props) => {
      const v = valueAt(props, "enabled");
      return v === false
        ? []
        : [{ path: "enabled", what: "is not false: the VPC gets an IPv4 internet gateway" }];
    },
    fix: noEdge,
  },
  {
    type: "alicloud:vpc/gatewayRouteTableAttachment:GatewayRouteTableAttachment",
    edges: always("ipv4GatewayId", "routes a route table through the IPv4 internet gateway"),
    fix: noEdge,
  },
  {
    type: "alicloud:vpc/ipv6InternetBandwidth:Ipv6InternetBandwidth",
    edges: always("ipv6AddressId", "gives an IPv6 address internet connectivity"),
    fix: noEdge,
  },
  {
    type: "alicloud:vpc/ipv6EgressRule:Ipv6EgressRule",
    edges: always("instanceId", "lets an IPv6 address reach the internet"),
    fix: noEdge,
  },
  {
    type: "alicloud:vpc/routeEntry:RouteEntry",
    edges: defaultRoutes("destinationCidrblock"),
    fix: "Route only the prefixes of checked links; a sealed network has no default route.",
  },
  {
    type: "alicloud:vpc/vPCRouteEntry:VPCRouteEntry",
    edges: defaultRoutes("destinationCidrBlock"),
    fix: "Route only the prefixes of checked links; a sealed network has no default route.",
  },
  // Managed runtimes outside the stack's VPC reach the internet through the service's network.
  {
    type: "aws:sagemaker/notebookInstance:NotebookInstance",
    edges: unless(
      "directInternetAccess",
      ["disabled"],
      "the notebook reaches any host on the internet through SageMaker's network",
    ),
    fix: 'Set directInternetAccess to "Disabled" and give the notebook a subnetId of the stack\'s VPC.',
  },
  {
    type: "aws:sagemaker/trainingJob:TrainingJob",
    edges: outsideVpc(
      "",
      { isolation: "enableNetworkIsolation", subnets: "vpcConfig.subnets" },
      "the training containers reach any host on the internet through SageMaker's network",
    ),
    fix: isolationFix,
  },
  {
    type: "aws:sagemaker/hyperParameterTuningJob:HyperParameterTuningJob",
    edges: (props) =>
      ["trainingJobDefinition", "trainingJobDefinitions[]"].flatMap((holder) =>
        outsideVpc(
          holder,
          { isolation: "enableNetworkIsolation", subnets: "vpcConfig.subnets" },
          "the tuning job's training containers reach any host on the internet through SageMaker's network",
        )(props),
      ),
    fix: isolationFix,
  },
  {
    type: "aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition",
    edges: outsideVpc(
      "",
      {
        isolation: "networkConfig.enableNetworkIsolation",
        subnets: "networkConfig.vpcConfig.subnets",
      },
      "the monitoring containers reach any host on the internet through SageMaker's network",
    ),
    fix: "Set networkConfig.enableNetworkIsolation to true, or run the job in private subnets of the stack's VPC (networkConfig.vpcConfig).",
  },
  {
    // A schedule that names a separate job definition (monitoringJobDefinitionName) is judged on it.
    type: "aws:sagemaker/monitoringSchedule:MonitoringSchedule",
    edges: outsideVpc(
      "monitoringScheduleConfig.monitoringJobDefinition",
      {
        isolation: "networkConfig.enableNetworkIsolation",
        subnets: "networkConfig.vpcConfig.subnets",
      },
      "the monitoring containers reach any host on the internet through SageMaker's network",
    ),
    fix: "Set networkConfig.enableNetworkIsolation to true, or run the job in private subnets of the stack's VPC (networkConfig.vpcConfig).",
  },
  {
    type: "aws:sagemaker/model:Model",
    edges: outsideVpc(
      "",
      { isolation: "enableNetworkIsolation", subnets: "vpcConfig.subnets" },
      "the model's containers reach any host on the internet through SageMaker's network",
    ),
    fix: isolationFix,
  },
  {
    type: "aws:lambda/function:Function",
    edges: outsideVpc(
      "",
      { subnets: "vpcConfig.subnetIds" },
      "the function runs in Lambda's network and reaches any host on the internet",
    ),
    fix: "Attach the function to private subnets of the stack's VPC (vpcConfig.subnetIds).",
  },
  {
    type: "aws:workspaces/directory:Directory",
    edges: when(
      "workspaceCreationProperties.enableInternetAccess",
      "is true: every WorkSpace gets a public IP address and reaches the internet",
    ),
    fix: "Set workspaceCreationProperties.enableInternetAccess to false.",
  },
  {
    type: "aws:scheduler/schedule:Schedule",
    edges: when(
      "target.ecsParameters.networkConfiguration.assignPublicIp",
      "is true: every task the schedule runs gets a public IP address",
    ),
    fix: "Set target.ecsParameters.networkConfiguration.assignPublicIp to false and reach AWS services through VPC endpoints.",
  },
  {
    // Lightsail has no private-only instance: no shape of this type passes.
    type: "aws:lightsail/instance:Instance",
    edges: always(
      "ipAddressType",
      "cannot close it: a Lightsail instance always has a public address (IPv4, IPv6 or both) and unrestricted egress to the internet, outside any VPC the stack controls",
    ),
    fix: "Run the workload on EC2 instances in private subnets of the stack's VPC instead.",
  },
];

/** internet-egress as it was. */
export const legacyInternetEgress = residencyResourcePolicy({
  name: "internet-egress",
  description:
    "Checks whether the network has any edge to the internet: internet, NAT or egress-only gateways, elastic or public IPs, SNAT entries or default routes.",
  severity: "critical",
  remediationSteps:
    "Remove internet and NAT gateways, public and elastic IPs and default routes; reach cloud services through private (VPC) endpoints.",
  validate: (args, ctx) => {
    const model = legacyEdgeModels.find((m) => m.type === args.type);
    if (!model) {
      return;
    }
    const label = resourceLabel(args.type, args.name);
    for (const e of model.edges(args.props)) {
      ctx.report({
        message: `${label} must not open an edge to the internet, but ${e.path} ${e.what}. ${model.fix}`,
        path: [label, "the internet (any country)"],
      });
    }
  },
});
