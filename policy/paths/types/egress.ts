/**
 * The egress domain: resources that open an edge from the stack's networks and workloads to the
 * public internet (shared/research/data-paths.md §3 "NAT / internet egress", "EIP / public IP",
 * "Internet gateway"; §6.5). Each row's `internet` fields say which values open the edge; the
 * edge runs from the resource to the public internet and is internet-egress's: a sealed network
 * has no edge to the internet at all, so the edge itself is the violation, wherever the hosts it
 * reaches are.
 *
 * The internet exits the border analysis routes through (NAT and internet gateways, elastic IPs
 * and their associations, routes and route tables, instances) draw their edges with the rest of
 * the stack (routes.ts), and so do the exits of ACK clusters and node pools (clusters.ts): a
 * default route through a NAT gateway and its EIP is one chain of edges, each tagged with the
 * field internet-egress reports, so the path that crosses the border there is internet-egress's
 * finding. A row may carry other policies' fields too: a SageMaker job's output buckets
 * (log-shipping), an RDS AI instance's and an Elastic Beanstalk environment's public endpoints
 * (public-exposure), the external servers an ECS service runs its tasks on (remote-sites). The
 * egress controls (security groups, network ACLs, firewall policies, prefix lists) are rows too
 * (gates.ts): egress-rules judges their rules, and the border analysis reads their gates.
 */
import { alibabaResolvers, link } from "./common";
import type { Resolver } from "../resolver";
import type {
  BorderResource,
  EdgeLabel,
  FlowEdge,
  FieldSpec,
  GlobalReach,
  InternetOpening,
  InternetReader,
  PublicReader,
  Role,
  TypeModel,
  TypeTable,
} from "../model";
import { hostOf } from "../../../residency/placement";
import { isTrue, isUnknown, known, str, valueAt } from "../values";
import { ackEdges, ackRole, nodePoolEdges } from "./clusters";
import { exposed, flag, withExposure, withIngressAddon } from "./exposure";
import { publicUnlessSet } from "./exposure-readers";
import { gates } from "./gates";
import { bucketSink, bucketSinkFix, codeRepository, edgesOf, withPolicyFields } from "./rows";
import {
  alicloudInstance,
  alicloudNat,
  alicloudRoute,
  awsEip,
  awsEipAssociation,
  awsInstance,
  awsNat,
  awsRoute,
  drawnBy,
  drawnByOwner,
  ensEipAttachment,
  inlineRoutes,
  ipv4Gateway,
  publicAddressOf,
  type RowEdges,
  subnetEdges,
} from "./routes";
import { eipTypes } from "./eips";
import { apiDestinationArn, apiDestinationFix } from "./log-readers";
import { variants } from "../kubernetes";

/** The fields of one edge label, one maker per opening: `ip.true(path, verb)`. */
function fieldsOf(label: EdgeLabel) {
  const field =
    (opens: InternetOpening) =>
    (path: string, verb: string): FieldSpec => ({
      path,
      format: "internet",
      label,
      policy: "internet-egress",
      verb,
      detail: path,
      opens,
    });
  return {
    /** The resource is an internet edge by its nature. */
    always: field("always"),
    /** A flag that is true. */
    true: field("true"),
    /** An outbound bandwidth above 0. */
    positive: field("positive"),
    /** Any value but `safe` (ignoring case), unset included. */
    unless: (path: string, verb: string, ...safe: string[]) => field({ unless: safe })(path, verb),
    /** One of `on` (ignoring case): a setting that spells its on state as a word. */
    oneOf: (path: string, verb: string, ...on: string[]) =>
      field({ values: on.map((v) => v.toLowerCase()) })(path, verb),
    /** Anything but `false`. */
    notFalse: field("not-false"),
    /** A route to every address. */
    defaultRoute: field("default-route"),
    /**
     * A managed runtime with no subnet of the stack's VPC at `path` (and not isolated); with a
     * `holder`, one runtime per holder, `isolation` read inside it.
     */
    outsideVpc: (path: string, verb: string, isolation?: string, holder?: string) =>
      field({
        outsideVpc: {
          ...(isolation === undefined ? {} : { isolation }),
          ...(holder === undefined ? {} : { holder }),
        },
      })(path, verb),
    /**
     * An instance with no subnet at `path` nor any of `placedBy`, in the default VPC, whose
     * public-IP flag `publicIp` (when it has one) is not false.
     */
    defaultVpc: (path: string, verb: string, publicIp?: string, ...placedBy: string[]) =>
      field({ defaultVpc: { placedBy, ...(publicIp === undefined ? {} : { publicIp }) } })(
        path,
        verb,
      ),
    /** What the row's own reader finds in the inputs under `path`. */
    reads: (path: string, reader: InternetReader) => field({ reads: reader })(path, ""),
  };
}

/** A public address of the resource, or of what it launches. */
const ip = fieldsOf("public address");
/** A managed runtime's own way out, through the service's network. */
const service = fieldsOf("default egress");

/** A row of `role`: the fix internet-egress's findings advise, and its fields. */
const row =
  (role: Role) =>
  (fix: string, ...fields: FieldSpec[]): TypeModel => ({ role, fields, fix });
const gateway = row("gateway");
const workload = row("workload");
const control = row("control");
const template = row("other");

const noEdge =
  "Remove it; a sealed network reaches cloud services through private endpoints and other sites only through checked links.";
const noPublicIp = "Set associatePublicIpAddress to false.";
/**
 * An EC2 instance named into no subnet, interface or launch template lands in a default subnet of
 * the region's default VPC, which AWS creates with public addressing on and a default route to an
 * internet gateway: a way out the program never declares.
 */
const inDefaultVpc = ip.defaultVpc(
  "subnetId",
  "the instance launches into the region's default VPC, whose subnets give it a public IP address and route to an internet gateway",
  "associatePublicIpAddress",
  "networkInterfaces",
  "primaryNetworkInterface",
  "launchTemplate",
);
const noBandwidth = "Set internetMaxBandwidthOut to 0.";
const launched = "instances launched from it get public IP addresses";
const isolationFix =
  "Set enableNetworkIsolation to true, or run it in private subnets of the stack's VPC (vpcConfig).";

/** A resource that is a way to the internet by its nature: a public address of `path`. */
const exit = (path: string, verb: string, as = gateway) => as(noEdge, ip.always(path, verb));

/**
 * An Elastic Container Instance group, or the groups an ECI scaling configuration launches: they
 * run their containers in their vSwitch; with the elastic public IP address each creates for
 * itself (or a group is bound to: `bound`) they reach any host on the internet. They mount their
 * NFS volumes from the servers those name: a NAS mount target of the region, a private or
 * allowlisted address, a host the stack places by name.
 */
const eciGroups = (verb: string, bound?: FieldSpec): TypeModel =>
  withPolicyFields(
    workload(
      bound === undefined
        ? "Set autoCreateEip to false; reach other sites only through the stack's allowlisted egress."
        : "Set autoCreateEip to false and bind no elastic IP address (eipInstanceId); reach other sites only through the stack's allowlisted egress.",
      ip.true("autoCreateEip", verb),
      ...(bound === undefined ? [] : [bound]),
    ),
    "log-shipping",
    "Mount volumes only from NAS file systems of regions inside the jurisdiction, from private or allowlisted addresses, or from hosts the stack places by name (egressHosts).",
    edgesOf("log-shipping", "data sync").url(
      "volumes[].nfsVolumeServer",
      "mounts its volume from the NFS server at",
    ),
  );
/**
 * A container group bound to an elastic IP address by its ID (eipInstanceId) reaches any host on
 * the internet through it, whoever allocated the address: an ID written in, one a lookup answers,
 * or the program's own EIP — which is an exit of its own, so the graph links the group to it
 * (`boundEipEdge`) and internet-egress reports the two as one way out.
 */
const boundEip: InternetReader = (props) => {
  const path = "eipInstanceId";
  const id = known(() => valueAt(props, path));
  if (id === undefined || id === null || id === "") {
    return [];
  }
  const which = isUnknown(id) ? "whose ID is known once deployed" : JSON.stringify(id);
  return [
    {
      path,
      what: `binds the elastic public IP address ${which}: the container group reaches any host on the internet through it`,
    },
  ];
};

/** `group → eip association → EIP`, when eipInstanceId names an EIP of the stack. */
const boundEipEdge = (r: BorderResource, x: Resolver): FlowEdge[] => {
  const eip = x.resourceAt(r, "eipInstanceId", eipTypes);
  return eip ? link(r, eip, "eip association", { detail: "eipInstanceId" }) : [];
};

/** A container group also resolves names at the DNS servers it names, as a function does. */
const containerGroup: TypeModel = withPolicyFields(
  {
    ...eciGroups(
      "the container group gets an elastic public IP address",
      ip.reads("eipInstanceId", boundEip),
    ),
    edges: boundEipEdge,
  },
  "remote-sites",
  "Resolve names only at private or allowlisted DNS servers, or the cloud's own (100.100.2.136, 100.100.2.138).",
  edgesOf("remote-sites", "attachment").ip(
    "dnsConfig.nameServers[]",
    "resolves names at the DNS servers",
    { cloudOwn: alibabaResolvers },
  ),
);

/**
 * ECS tasks: with a public IP on their network interface (Fargate, awsvpc network mode) each is
 * a way to the internet; launched EXTERNAL (ECS Anywhere), they run on servers registered through
 * SSM from wherever those servers are, with the task's data, secrets and role.
 */
const ecsTasks: TypeModel = {
  role: "workload",
  fields: [
    ip.true("networkConfiguration.assignPublicIp", "every task gets a public IP address"),
    edgesOf("remote-sites", "attachment").flag("launchType", 'is "EXTERNAL": the tasks run on', {
      values: ["EXTERNAL"],
      farSide:
        "external servers registered through SSM (ECS Anywhere), whose country the pack cannot determine",
    }),
  ],
  fix: {
    "internet-egress":
      "Set networkConfiguration.assignPublicIp to false and reach AWS services through VPC endpoints.",
    "remote-sites":
      "Run the tasks on EC2 or Fargate capacity in the stack's region, or confirm that every external server sits inside the jurisdiction and record a waiver with that evidence.",
  },
};
const appStream = workload(
  "Set enableDefaultInternetAccess to false and give the instances private subnets of the stack's VPC.",
  service.true(
    "enableDefaultInternetAccess",
    "the streaming instances reach the internet through AppStream's network",
  ),
);
const alicloudTemplate = template(noBandwidth, ip.positive("internetMaxBandwidthOut", launched));
/** Function Compute lets functions reach the internet unless internetAccess is false. */
const functionCompute = workload(
  "Set internetAccess to false and reach services through the VPC.",
  service.unless("internetAccess", "the functions can reach any host on the internet", "false"),
);
/**
 * A Function Compute 3.0 function: its internet access; the DNS servers it resolves names at
 * (remote-sites: private or allowlisted); the OSS buckets it mounts and reads and writes as
 * files (storage-replication: a bucket of the program lies where it is created, an endpoint by
 * its region).
 */
const v3Function: TypeModel = withPolicyFields(
  withPolicyFields(
    functionCompute,
    "remote-sites",
    "Resolve names only at private or allowlisted DNS servers, or the cloud's own (100.100.2.136, 100.100.2.138).",
    edgesOf("remote-sites", "attachment").ip(
      "customDns.nameServers[]",
      "resolves names at the DNS servers",
      { cloudOwn: alibabaResolvers },
    ),
  ),
  "storage-replication",
  "Mount only buckets of this program in regions inside the jurisdiction, through their regions' endpoints.",
  edgesOf("storage-replication", "data sync").ref(
    "ossMountConfig.mountPoints[].bucketName",
    "mounts and writes its files to",
    { ref: "oss-bucket" },
  ),
  edgesOf("storage-replication", "data sync").endpoint(
    "ossMountConfig.mountPoints[].endpoint",
    "mounts and writes its files through",
  ),
);
const publicHost = (what: string) =>
  workload(noBandwidth, ip.positive("internetMaxBandwidthOut", what));

/**
 * The option settings of an Elastic Beanstalk environment (`settings[]`: namespace, name, value),
 * found by namespace and name: the first match with its path, `unknown` when a setting that may be
 * it, or the whole list, is not known at preview.
 */
function beanstalkOption(
  props: Readonly<Record<string, unknown>>,
  namespace: string,
  name: string,
): { readonly path: string; readonly value?: unknown } | "unknown" | undefined {
  const settings = valueAt(props, "settings");
  if (isUnknown(settings)) {
    return "unknown";
  }
  if (!Array.isArray(settings)) {
    return undefined;
  }
  let unsure = false;
  for (const [i, s] of settings.entries()) {
    const o = (s ?? {}) as Readonly<Record<string, unknown>>;
    if (isUnknown(s) || isUnknown(o.namespace) || isUnknown(o.name)) {
      unsure = true;
    } else if (o.namespace === namespace && o.name === name) {
      return { path: `settings[${i}].value`, value: o.value };
    }
  }
  return unsure ? "unknown" : undefined;
}

const vpcOptions = "aws:ec2:vpc";
/**
 * A saved configuration (`templateName`) supplies the settings the environment's own leave out;
 * the pack does not read the template's, so what the environment leaves to it is not judged here.
 */
const fromTemplate = (props: Readonly<Record<string, unknown>>) =>
  valueAt(props, "templateName") !== undefined;
/** A setting not known at preview: whether it opens the environment cannot be decided. */
const mayBe = (path: string): GlobalReach[] => [
  {
    path,
    what: "is not known at preview, so whether it opens the environment to the internet cannot be decided",
    unknown: true,
  },
];

/**
 * An Elastic Beanstalk environment's instances: given public IP addresses
 * (AssociatePublicIpAddress), or launched into the region's default VPC when the settings name no
 * VPC, whose subnets give them public addresses and route to an internet gateway.
 */
const beanstalkInstances: InternetReader = (props) => {
  const publicIp = beanstalkOption(props, vpcOptions, "AssociatePublicIpAddress");
  const vpc = beanstalkOption(props, vpcOptions, "VPCId");
  if (publicIp === "unknown") {
    return mayBe("settings");
  }
  if (publicIp !== undefined && isUnknown(publicIp.value)) {
    return mayBe(publicIp.path);
  }
  if (publicIp !== undefined && isTrue(publicIp.value)) {
    return [
      {
        path: publicIp.path,
        what: `is "true" (${vpcOptions} AssociatePublicIpAddress): the instances get public IP addresses`,
      },
    ];
  }
  if (vpc === "unknown") {
    return mayBe("settings");
  }
  if (vpc !== undefined || publicIp !== undefined || fromTemplate(props)) {
    return [];
  }
  return [
    {
      path: "settings",
      what: `name no VPC (${vpcOptions} VPCId): the instances launch into the region's default VPC, whose subnets give them public IP addresses and route to an internet gateway`,
    },
  ];
};

/**
 * A Spot Fleet's launch specification named into no subnet: the fleet launches its instances into
 * the region's default VPC, whose subnets give them public IP addresses (the provider sends
 * `associatePublicIpAddress` only when it is true, so false does not close it) and route to an
 * internet gateway. One whose address is asked for is the `associatePublicIpAddress` field's
 * finding; a fleet of launch templates is placed by its templates, as an instance is.
 */
const spotFleetDefaultVpc: InternetReader = (props) => {
  const specs = known(() => valueAt(props, "launchSpecifications"));
  if (isUnknown(specs)) {
    return [{ path: "launchSpecifications", what: notKnownWhetherLaunched, unknown: true }];
  }
  if (!Array.isArray(specs)) {
    return [];
  }
  return specs.flatMap((spec: unknown, i): GlobalReach[] => {
    const at = `launchSpecifications[${i}]`;
    if (isUnknown(spec)) {
      return [{ path: at, what: notKnownWhetherLaunched, unknown: true }];
    }
    const subnet = known(() => valueAt(spec, "subnetId"));
    const publicIp = known(() => valueAt(spec, "associatePublicIpAddress"));
    // A subnet not known at preview is still one the program names, as for an instance; a public
    // IP asked for is the associatePublicIpAddress field's finding.
    const named = isUnknown(subnet) || (subnet !== undefined && subnet !== null && subnet !== "");
    if (named || isTrue(publicIp)) {
      return [];
    }
    return [
      {
        path: `${at}.subnetId`,
        what: "is not set: the fleet launches these instances into the region's default VPC, whose subnets give them public IP addresses and route to an internet gateway",
      },
    ];
  });
};
const notKnownWhetherLaunched =
  "is not known at preview, so whether the fleet launches into the region's default VPC cannot be decided";

/**
 * A Lambda MicroVM's way out (the image's connectors are its MicroVMs' default): Lambda's own
 * internet egress (`INTERNET_EGRESS`, also when none is listed) reaches any host; a VPC egress
 * connector (by ARN) sends the traffic through the stack's VPC, which the graph judges.
 */
const microvmEgress: InternetReader = (props) => {
  const path = "egressNetworkConnectors";
  const list = known(() => valueAt(props, path));
  if (isUnknown(list)) {
    return [
      {
        path,
        what: "is not known at preview, so whether the MicroVMs reach the internet through Lambda's network cannot be decided",
        unknown: true,
      },
    ];
  }
  if (list === undefined || list === null) {
    return [
      {
        path,
        what: 'is not set (the default, ["INTERNET_EGRESS"]): the MicroVMs reach any host on the internet through Lambda\'s network',
      },
    ];
  }
  const items = Array.isArray(list) ? list : [list];
  return items.flatMap((c, i): GlobalReach[] =>
    isUnknown(c)
      ? [{ path: `${path}[${i}]`, what: "is not known at preview", unknown: true }]
      : String(c).toUpperCase() === "INTERNET_EGRESS"
        ? [
            {
              path: `${path}[${i}]`,
              what: 'is "INTERNET_EGRESS": the MicroVMs reach any host on the internet through Lambda\'s network',
            },
          ]
        : [],
  );
};
const microvmFix =
  "List only VPC egress connectors in egressNetworkConnectors (their traffic leaves through the stack's VPC), not INTERNET_EGRESS.";

/**
 * A load-balanced Elastic Beanstalk web environment's load balancer, internet-facing unless its
 * scheme is internal (a worker or single-instance environment has none).
 */
const beanstalkLoadBalancer: PublicReader = (props) => {
  const tier = valueAt(props, "tier");
  if (isUnknown(tier)) {
    return mayBe("tier");
  }
  if (typeof tier === "string" && tier.toLowerCase() === "worker") {
    return [];
  }
  const options = [
    beanstalkOption(props, "aws:elasticbeanstalk:environment", "EnvironmentType"),
    beanstalkOption(props, vpcOptions, "ELBScheme"),
  ];
  for (const o of options) {
    if (o === "unknown") {
      return mayBe("settings");
    }
    if (o !== undefined && isUnknown(o.value)) {
      return mayBe(o.path);
    }
  }
  const [kind, scheme] = options.map((o) => (o === "unknown" ? undefined : o));
  if ((kind === undefined || scheme === undefined) && fromTemplate(props)) {
    return [];
  }
  const single = kind?.value === "SingleInstance";
  const internal = scheme !== undefined && String(scheme.value).toLowerCase() === "internal";
  if (single || internal) {
    return [];
  }
  return [
    scheme !== undefined
      ? {
          path: scheme.path,
          what: `is ${JSON.stringify(scheme.value)} (${vpcOptions} ELBScheme): the environment's load balancer faces the internet`,
        }
      : {
          path: "settings",
          what: `set no ${vpcOptions} ELBScheme: the environment's load balancer faces the internet`,
        },
  ];
};

/** What internet-egress advises on a default route. */
export const routeFix =
  "Route only the prefixes of checked links; a sealed network has no default route.";

/** internet-egress's field of a route whose destination at `path` may be every address. */
export const defaultRoute = (path: string): FieldSpec =>
  fieldsOf("route").defaultRoute(
    path,
    "a default route sends every address outside the VPC to a gateway",
  );

/** A route (or a table of routes) whose destination at any of `paths` may be every address. */
const defaultRoutes = (...paths: string[]) => control(routeFix, ...paths.map(defaultRoute));

/** An ACK cluster: the NAT gateway it creates is its exit, drawn in its node network. */
const ackNat = drawnBy(
  {
    ...template(
      "Set newNatGateway to false; reach cloud services through private endpoints.",
      ip.unless(
        "newNatGateway",
        "ACK creates an internet NAT gateway with an EIP that gives the nodes and pods internet egress",
        "false",
      ),
    ),
    role: ackRole,
  },
  ackEdges,
);

/**
 * A cluster's API server is its control plane, not the node network the cluster's node of the
 * graph stands for: public-exposure reports it from the resource alone, and the graph draws no
 * edge for it.
 */
export const controlPlane = { drawnByRow: true } as const;

/** An ACK cluster whose API server gets an internet-facing load balancer unless told not to. */
const ackApiServer = withExposure(
  ackNat,
  "Set slbInternetEnabled to false and reach the API server from inside the VPC.",
  exposed(
    "slbInternetEnabled",
    { flag: { absentMeans: true } },
    "the API server gets an internet-facing load balancer",
    controlPlane,
  ),
);

/**
 * A managed ACK cluster may also be given its API server's load balancers by endpoint type: a
 * `public` one answers on the internet, whatever slbInternetEnabled says.
 */
const managedAckApiServer = withExposure(
  ackApiServer,
  'Set slbInternetEnabled to false, give every controlPlaneEndpointsConfig.loadBalancersConfigs entry the endpointType "private", and reach the API server from inside the VPC.',
  exposed(
    "controlPlaneEndpointsConfig.loadBalancersConfigs[].endpointType",
    { values: ["public"] },
    "the API server gets an internet-facing load balancer",
    controlPlane,
  ),
);

const sageMakerJob =
  "the monitoring containers reach any host on the internet through SageMaker's network";
const sageMakerJobFix =
  "Set networkConfig.enableNetworkIsolation to true, or run the job in private subnets of the stack's VPC (networkConfig.vpcConfig).";
/**
 * internet-egress's field and fix of an EventBridge pipe (its row is a sender's): the ECS tasks it
 * runs on Fargate with assignPublicIp ENABLED each get a public IP address.
 */
export const pipeTaskInternet = ip.oneOf(
  "targetParameters.ecsTaskParameters.networkConfiguration.awsVpcConfiguration.assignPublicIp",
  "every task the pipe runs gets a public IP address",
  "ENABLED",
);
export const pipeTaskFix =
  "Set targetParameters.ecsTaskParameters.networkConfiguration.awsVpcConfiguration.assignPublicIp to DISABLED and reach AWS services through VPC endpoints.";
/**
 * internet-egress's fields and fix of a Batch job definition (its row is a sender's, for its
 * containers' log drivers): a job on Fargate whose network configuration assigns a public IP runs
 * each task with one, as an ECS service's does.
 */
export const batchTaskInternet = [
  ip.oneOf(
    "containerProperties.networkConfiguration.assignPublicIp",
    "every job's Fargate task gets a public IP address",
    "ENABLED",
  ),
  ip.oneOf(
    "ecsProperties.taskProperties[].networkConfiguration.assignPublicIp",
    "every job's Fargate task gets a public IP address",
    "ENABLED",
  ),
];
export const batchTaskFix =
  'Set networkConfiguration.assignPublicIp to "DISABLED", run the jobs in private subnets of the stack\'s VPC and reach AWS services through VPC endpoints.';
/** The fix of an ECS Express Mode service left in the default VPC, for its tasks and its load balancer. */
const expressServiceFix =
  "Give the service private subnets of the stack's VPC (networkConfigurations[].subnets).";

/** `office site → network package → the internet`: the package's bandwidth is the site's. */
const officeSitePackage: RowEdges = (r, x, tagOf) => {
  const site = x.resourceAt(r, "officeSiteId", [
    "alicloud:eds/simpleOfficeSite:SimpleOfficeSite",
    "alicloud:eds/adConnectorOfficeSite:AdConnectorOfficeSite",
  ]);
  return [
    ...(site ? link(site, r, "attachment") : []),
    ...publicAddressOf("bandwidth")(r, x, tagOf),
  ];
};

/** internet-egress's field and fix of a cloud desktop office site (its row is a link's). */
export const officeSiteInternet = service.true(
  "enableInternetAccess",
  "the cloud desktops can reach the internet",
);
export const officeSiteFix = "Set enableInternetAccess to false.";
/**
 * internet-egress's field and fix of an ECS image pipeline (its row is an image copy's): the
 * intermediate instance that builds the image, with the disks it starts from, gets a public IP.
 */
export const imageBuildInternet = ip.positive(
  "internetMaxBandwidthOut",
  "the instance that builds the image gets a public IP address",
);
export const imageBuildFix =
  "Set internetMaxBandwidthOut to 0 and reach what the build needs through the VPC.";
/**
 * internet-egress's field and fix of a CloudWatch Synthetics canary (its row is a log sender's):
 * a canary is a Lambda function, and outside the stack's VPC it reaches any host on the internet.
 */
/**
 * internet-egress's field and fix of a SageMaker domain (its row is a log sender's): Studio's apps
 * reach any host on the internet through SageMaker's network unless the domain is VpcOnly (the
 * default is PublicInternetOnly).
 */
export const studioInternet = service.unless(
  "appNetworkAccessType",
  "Studio's apps reach any host on the internet through SageMaker's network",
  "vpconly",
);
export const studioInternetFix =
  'Set appNetworkAccessType to "VpcOnly" with subnetIds of the stack\'s VPC, and reach services through VPC endpoints.';

export const canaryInternet = service.outsideVpc(
  "vpcConfig.subnetIds",
  "the canary runs in Lambda's network and reaches any host on the internet",
);
export const canaryFix =
  "Attach the canary to private subnets of the stack's VPC (vpcConfig.subnetIds).";

/**
 * internet-egress's field and fix of a CodeBuild project (its row is a log sender's): a build
 * without vpcConfig runs in CodeBuild's own network and reaches any host on the internet (how it
 * fetches a GitHub source or a public image); in the stack's VPC it leaves through the VPC.
 */
export const buildInternet = service.outsideVpc(
  "vpcConfig.subnets",
  "the build runs in CodeBuild's network and reaches any host on the internet",
);
export const buildFix =
  "Run the build in private subnets of the stack's VPC (vpcConfig.vpcId, subnets and securityGroupIds).";

/** An AgentCore runtime's network mode, open but in VPC mode (or the other `sealed` ones). */
const agentCorePublic = (what: string, ...sealed: string[]) =>
  service.unless(
    "networkConfiguration.networkMode",
    `${what} through AgentCore's network`,
    "vpc",
    ...sealed,
  );
const agentCoreFix =
  'Set networkConfiguration.networkMode to "VPC" with private subnets of the stack\'s VPC, and reach services through VPC endpoints.';
/**
 * A SageMaker job's row: its own way out (internet-egress) and the buckets it writes checkpoints
 * or reports to (log-shipping; named-destinations resolves a name the program does not create).
 */
function exporting(model: TypeModel, ...fields: FieldSpec[]): TypeModel {
  return withPolicyFields(model, "log-shipping", bucketSinkFix, ...fields);
}

/** The egress domain's rows: their internet edges are the graph's, tagged with internet-egress. */
export const egress: TypeTable = {
  ...gates,
  // Attachments and bindings configure a way out rather than being one (role "control").
  "aws:ec2/internetGatewayAttachment:InternetGatewayAttachment": exit(
    "internetGatewayId",
    "attaches an internet gateway",
    control,
  ),
  "aws:ec2/carrierGateway:CarrierGateway": exit(
    "vpcId",
    "gets a carrier gateway to the telecom network",
  ),
  "aws:ec2/natGatewayEipAssociation:NatGatewayEipAssociation": exit(
    "allocationId",
    "gives a NAT gateway another public address",
    control,
  ),
  "aws:ec2/spotInstanceRequest:SpotInstanceRequest": workload(
    noPublicIp,
    ip.true("associatePublicIpAddress", "the instance gets a public IP address"),
    inDefaultVpc,
  ),
  // A group given no subnets launches into the default VPC's subnets of its zones. Whether its
  // instances then get public IPs is up to its launch template or configuration, which leave it
  // to the subnet unless told; the group's row cannot read them, so it is judged by its subnets.
  "aws:autoscaling/group:Group": workload(
    "Launch the group's instances in subnets of the stack's VPC (vpcZoneIdentifiers).",
    ip.defaultVpc(
      "vpcZoneIdentifiers",
      "the group launches its instances into the region's default VPC, whose subnets give them public IP addresses and route to an internet gateway",
    ),
  ),
  // An ECS Express Mode service given no network configuration runs in the default VPC's
  // subnets: its tasks reach the internet, and the load balancer it creates faces the internet
  // at the URL AWS gives the service.
  "aws:ecs/expressGatewayService:ExpressGatewayService": withExposure(
    workload(
      expressServiceFix,
      ip.defaultVpc(
        "networkConfigurations",
        "the service's tasks run in the region's default VPC, whose subnets give them public IP addresses and route to an internet gateway",
      ),
    ),
    expressServiceFix,
    exposed("networkConfigurations", {
      reads: publicUnlessSet(
        "networkConfigurations",
        "the service runs in the region's default VPC, where the load balancer it creates faces the internet at the URL AWS gives the service",
      ),
    }),
  ),
  "aws:ec2/launchConfiguration:LaunchConfiguration": template(
    noPublicIp,
    ip.true("associatePublicIpAddress", launched),
  ),
  // Karpenter's node classes on EKS (custom resources, listed by `customResourceTypes`): the
  // nodes its NodePools launch from one get public IP addresses when it asks for them; left unset,
  // the subnets it selects decide, judged on those subnets.
  ...Object.fromEntries(
    variants("karpenter.k8s.aws", ["v1"], "EC2NodeClass")
      .filter((t) => !t.endsWith("List"))
      .map((t) => [
        t,
        template(
          "Set spec.associatePublicIPAddress to false.",
          ip.true(
            "spec.associatePublicIPAddress",
            "the nodes launched from it get public IP addresses",
          ),
        ),
      ]),
  ),
  "aws:ecs/service:Service": ecsTasks,
  "aws:ecs/taskSet:TaskSet": ecsTasks,
  // A default subnet maps public IPs on launch unless told not to (the provider's default is true).
  "aws:ec2/defaultSubnet:DefaultSubnet": row("network")(
    "Set mapPublicIpOnLaunch to false.",
    ip.notFalse("mapPublicIpOnLaunch", "instances launched in it get public IP addresses"),
  ),
  "aws:ec2/spotFleetRequest:SpotFleetRequest": workload(
    "Give every launch specification a private subnet of the stack's VPC (subnetId), with associatePublicIpAddress false.",
    ip.true(
      "launchSpecifications[].associatePublicIpAddress",
      "the fleet's instances get public IP addresses",
    ),
    ip.reads("launchSpecifications", spotFleetDefaultVpc),
  ),
  "aws:appstream/fleet:Fleet": appStream,
  "aws:appstream/imageBuilder:ImageBuilder": appStream,
  "aws:drs/replicationConfigurationTemplate:ReplicationConfigurationTemplate": template(
    "Set createPublicIp to false and replicate over the private network (dataPlaneRouting PRIVATE_IP).",
    ip.true("createPublicIp", "the replication servers get public IP addresses"),
  ),
  // A carrier IP is a Wavelength zone's public address on the carrier's network.
  "aws:ec2/launchTemplate:LaunchTemplate": template(
    'Set associatePublicIpAddress and associateCarrierIpAddress to "false".',
    ip.true("networkInterfaces[].associatePublicIpAddress", launched),
    ip.true(
      "networkInterfaces[].associateCarrierIpAddress",
      "instances launched from it get carrier (public) IP addresses",
    ),
  ),
  "aws:ec2/vpcBlockPublicAccessExclusion:VpcBlockPublicAccessExclusion": control(
    "Remove the exclusion.",
    ip.always(
      "internetGatewayExclusionMode",
      "exempts a VPC or subnet from the block on internet access",
    ),
  ),
  // Managed runtimes outside the stack's VPC reach the internet through the service's network.
  // A notebook's Git repositories, named by URL (or by the name of a sagemaker.CodeRepository,
  // whose own row reads its URL): it clones notebook code from them and pushes to them.
  "aws:sagemaker/notebookInstance:NotebookInstance": withPolicyFields(
    workload(
      'Set directInternetAccess to "Disabled" and give the notebook a subnetId of the stack\'s VPC.',
      service.unless(
        "directInternetAccess",
        "the notebook reaches any host on the internet through SageMaker's network",
        "disabled",
      ),
    ),
    "remote-sites",
    "Use Git repositories in regions inside the jurisdiction (CodeCommit), at a private or allowlisted address, or on a host the stack places by name (egressHosts).",
    ...["defaultCodeRepository", "additionalCodeRepositories[]"].map((path) =>
      codeRepository.url(path, "clones and pushes notebook code with", {
        where: (_, at) => {
          const v = known(() => valueAt(at.props, at.path));
          return (
            isUnknown(v) ||
            (typeof v === "string" && /^(https?|ssh|git):\/\/|^[^@/\s]+@[^:]+:/.test(v))
          );
        },
      }),
    ),
  ),
  "aws:sagemaker/model:Model": workload(
    isolationFix,
    service.outsideVpc(
      "vpcConfig.subnets",
      "the model's containers reach any host on the internet through SageMaker's network",
      "enableNetworkIsolation",
    ),
  ),
  "aws:elasticbeanstalk/environment:Environment": withExposure(
    workload(
      `Launch the environment in private subnets of the stack's VPC: set ${vpcOptions} VPCId and Subnets, and AssociatePublicIpAddress to "false".`,
      ip.reads("settings", beanstalkInstances),
    ),
    `Set ${vpcOptions} ELBScheme to "internal", with ELBSubnets of the stack's VPC.`,
    exposed("settings", { reads: beanstalkLoadBalancer }),
  ),
  ...Object.fromEntries(
    [
      "aws:lambdamicrovms/microvm:Microvm",
      "aws:lambdamicrovms/image:Image",
      "aws:lambda/microvmsImage:MicrovmsImage",
    ].map((type) => [
      type,
      workload(microvmFix, service.reads("egressNetworkConnectors", microvmEgress)),
    ]),
  ),
  // An App Runner service: its public URL (public-exposure), its way out — with egress type
  // DEFAULT (the default) its outbound traffic leaves from App Runner's own network, straight to
  // the internet; only VPC, with a VPC connector, sends it through the stack's network — and the
  // repository it builds from (remote-sites). Found by the front-door bench: the service reached
  // the internet and built from GitHub with no finding, where a Lambda function and an Amplify
  // app failed.
  "aws:apprunner/service:Service": withPolicyFields(
    withPolicyFields(
      flag(
        "networkConfiguration.ingressConfiguration.isPubliclyAccessible",
        "the service has a public URL that anyone on the internet can call",
        "Set networkConfiguration.ingressConfiguration.isPubliclyAccessible to false and reach the service through a VPC interface endpoint.",
        true,
      ),
      "internet-egress",
      'Set networkConfiguration.egressConfiguration.egressType to "VPC" with a vpcConnectorArn in private subnets of the stack\'s VPC.',
      service.unless(
        "networkConfiguration.egressConfiguration.egressType",
        "the service reaches any host on the internet through App Runner's network",
        "vpc",
      ),
    ),
    "remote-sites",
    "Build from a repository on a host the stack places by name (egressHosts), or deploy an image from a registry of the stack (ECR).",
    codeRepository.url(
      "sourceConfiguration.codeRepository.repositoryUrl",
      "builds the service from the source at",
      { inbound: true },
    ),
  ),
  "aws:lambda/function:Function": workload(
    "Attach the function to private subnets of the stack's VPC (vpcConfig.subnetIds); a Lambda@Edge function, which CloudFront runs at its edge locations worldwide, cannot be attached: do its work in the region, behind the distribution's origin.",
    service.outsideVpc(
      "vpcConfig.subnetIds",
      "the function runs in Lambda's network and reaches any host on the internet",
    ),
  ),
  "aws:workspaces/directory:Directory": workload(
    "Set workspaceCreationProperties.enableInternetAccess to false.",
    ip.true(
      "workspaceCreationProperties.enableInternetAccess",
      "every WorkSpace gets a public IP address and reaches the internet",
    ),
  ),
  // An EventBridge rule's ECS target runs tasks as the scheduler's does (its ARNs are
  // arn-locality's, as on any resource). A target of another account (its event bus, a queue, a
  // function) is handed every event the rule matches: a delivery to that account, whose place
  // cannot be known (log-shipping's, as a delivery to another account's topic is).
  "aws:cloudwatch/eventTarget:EventTarget": {
    role: "control",
    fields: [
      ip.true(
        "ecsTarget.networkConfiguration.assignPublicIp",
        "every task the rule runs gets a public IP address",
      ),
      edgesOf("log-shipping", "data sync").account(
        "arn",
        "hands every event the rule matches to a target of",
        { ofArn: true },
      ),
      // An API destination POSTs every event to its URL: the program's own is judged on it
      // (log-shipping), one it does not create fails closed (named-destinations). Any other
      // target's ARN stays arn-locality's (`someValues`).
      edgesOf("log-shipping", "data sync").ref("arn", "hands every event the rule matches to", {
        ref: "api-destination",
        where: apiDestinationArn("arn"),
        someValues: true,
        fix: apiDestinationFix,
      }),
    ],
    fix: {
      "internet-egress":
        "Set ecsTarget.networkConfiguration.assignPublicIp to false and reach AWS services through VPC endpoints.",
      "log-shipping":
        "Send the rule's events only to targets of the stack's own account: another account's bus, queue or function can send them anywhere (if the ARN's account is the stack's own, declare it as sovereign-dc:accountId).",
    },
  },
  // A schedule's target of another account is handed each invocation's input, as an EventBridge
  // target is (a universal target, `arn:aws:scheduler:::aws-sdk:…`, names no account).
  "aws:scheduler/schedule:Schedule": {
    role: "control",
    fields: [
      ip.true(
        "target.ecsParameters.networkConfiguration.assignPublicIp",
        "every task the schedule runs gets a public IP address",
      ),
      edgesOf("log-shipping", "data sync").account(
        "target.arn",
        "hands each invocation's input to a target of",
        { ofArn: true },
      ),
    ],
    fix: {
      "internet-egress":
        "Set target.ecsParameters.networkConfiguration.assignPublicIp to false and reach AWS services through VPC endpoints.",
      "log-shipping":
        "Invoke only targets of the stack's own account: another account's queue, function or bus can send what it is given anywhere (if the ARN's account is the stack's own, declare it as sovereign-dc:accountId).",
    },
  },
  // Lightsail has no private-only instance: no shape of this type passes.
  "aws:lightsail/instance:Instance": workload(
    "Run the workload on EC2 instances in private subnets of the stack's VPC instead.",
    ip.always(
      "ipAddressType",
      "cannot close it: a Lightsail instance always has a public address (IPv4, IPv6 or both) and unrestricted egress to the internet, outside any VPC the stack controls",
    ),
  ),
  // Alibaba Cloud's lightweight servers, as Lightsail's: each has a public IP address and reaches
  // the internet, outside any VPC the stack controls.
  "alicloud:simpleapplicationserver/instance:Instance": workload(
    "Run the workload on ECS instances in private vSwitches of the stack's VPC instead.",
    ip.always(
      "planId",
      "cannot close it: a simple application server always has a public IP address and unrestricted egress to the internet, outside any VPC the stack controls",
    ),
  ),

  "alicloud:vpc/snatEntry:SnatEntry": control(
    noEdge,
    fieldsOf("snat entry").always(
      "snatTableId",
      "sends the source network to the internet through SNAT",
    ),
  ),
  "alicloud:ecs/launchTemplate:LaunchTemplate": alicloudTemplate,
  "alicloud:ecs/ecsLaunchTemplate:EcsLaunchTemplate": alicloudTemplate,
  "alicloud:ess/scalingConfiguration:ScalingConfiguration": template(
    noBandwidth,
    ip.positive(
      "internetMaxBandwidthOut",
      "every instance the scaling group launches gets a public IP address",
    ),
  ),
  "alicloud:ecs/ecsInstanceSet:EcsInstanceSet": publicHost(
    "every instance of the set gets a public IP address",
  ),
  "alicloud:rds/custom:Custom": publicHost("the RDS Custom host gets a public IP address"),
  "alicloud:cddc/dedicatedPropreHost:DedicatedPropreHost": publicHost(
    "the dedicated host gets a public IP address",
  ),
  // An ENS edge instance gets a public IP unless publicIpIdentification is false.
  "alicloud:ens/instance:Instance": workload(
    "Set publicIpIdentification to false and internetMaxBandwidthOut to 0.",
    ip.unless("publicIpIdentification", "the edge instance gets a public IP address", "false"),
    ip.positive("internetMaxBandwidthOut", "the edge instance gets public internet bandwidth"),
  ),
  // A Function Compute 2.0 service's Jaeger tracing sends every invocation's spans to the collector
  // its params name (Tracing Analysis, or any host).
  "alicloud:fc/service:Service": withPolicyFields(
    functionCompute,
    "log-shipping",
    "Send traces only to a collector at a private or allowlisted address, or at a regional endpoint inside the jurisdiction.",
    edgesOf("log-shipping", "log delivery").url(
      "tracingConfig.params.endpoint",
      "sends every invocation's traces to",
    ),
  ),
  "alicloud:fc/v3Function:V3Function": v3Function,
  "alicloud:emrv2/cluster:Cluster": workload(
    "Set withPublicIp to false on every node group.",
    ip.true("nodeGroups[].withPublicIp", "the group's nodes get public IP addresses"),
  ),
  "alicloud:eds/ramDirectory:RamDirectory": workload(
    "Set enableInternetAccess to false.",
    service.true("enableInternetAccess", "the cloud desktops can reach the internet"),
  ),
  "alicloud:threatdetection/honeypotNode:HoneypotNode": workload(
    "Set allowHoneypotAccessInternet to false.",
    service.true("allowHoneypotAccessInternet", "the honeypot can reach the internet"),
  ),
  // An E-HPC cluster's add-ons (the login node's): resourcesSpec, a JSON document, creates an
  // elastic public IP address for the add-on's node when EipResource.AutoCreate is true, and
  // servicesSpec lists the sources each service (SSH, VNC, the client) admits.
  "alicloud:ehpc/clusterV2:ClusterV2": withExposure(
    workload(
      "Set EipResource.AutoCreate to false in every add-on's resourcesSpec, and reach the cluster from the VPC.",
      ip.true(
        "addons[].resourcesSpec.EipResource.AutoCreate",
        "the add-on's node (the cluster's login node) gets an elastic public IP address",
      ),
    ),
    "Admit only private ranges (the VPC) or allowlisted sources in every service's NetworkACL (SourceCidrIp in servicesSpec); never 0.0.0.0/0.",
    exposed("addons[].servicesSpec[].NetworkACL[].SourceCidrIp", "ingress"),
  ),
  "alicloud:eci/virtualNode:VirtualNode": workload(
    "Set enablePublicNetwork to false.",
    ip.true("enablePublicNetwork", "the virtual node's pods get an elastic public IP address"),
  ),
  "alicloud:vpc/commonBandwithPackage:CommonBandwithPackage": exit(
    "bandwidth",
    "buys shared internet bandwidth",
  ),
  "alicloud:vpc/gatewayRouteTableAttachment:GatewayRouteTableAttachment": exit(
    "ipv4GatewayId",
    "routes a route table through the IPv4 internet gateway",
    control,
  ),
  "alicloud:vpc/ipv6InternetBandwidth:Ipv6InternetBandwidth": exit(
    "ipv6AddressId",
    "gives an IPv6 address internet connectivity",
  ),
  "alicloud:vpc/ipv6EgressRule:Ipv6EgressRule": exit(
    "instanceId",
    "lets an IPv6 address reach the internet",
    control,
  ),

  // The ways out the border analysis routes through: each draws its edges with the rest of the
  // stack (routes.ts), tagged with the field below that opens them.
  "aws:ec2/internetGateway:InternetGateway": drawnBy(
    exit("vpcId", "connects its network to the internet"),
    publicAddressOf("vpcId", "internet gateway"),
  ),
  "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway": drawnBy(
    exit("vpcId", "lets its network's IPv6 traffic out to the internet"),
    publicAddressOf("vpcId", "egress-only internet gateway"),
  ),
  "aws:ec2/natGateway:NatGateway": drawnBy(
    gateway(
      'Remove it, or set connectivityType to "private".',
      ip.unless(
        "connectivityType",
        "a public NAT gateway gives the subnets internet egress",
        "private",
      ),
    ),
    awsNat,
  ),
  // In a chain (an instance → its EIP → the internet) "remove it" would not say which link.
  "aws:ec2/eip:Eip": drawnBy(
    gateway(
      "Release the EIP; a sealed network reaches cloud services through private endpoints and other sites only through checked links.",
      ip.always("domain", "allocates a public IP address"),
    ),
    awsEip,
  ),
  // An EIP association is the way from its owner to the EIP.
  "aws:ec2/eipAssociation:EipAssociation": drawnBy(
    exit("allocationId", "gives an instance or interface a public IP address"),
    awsEipAssociation,
  ),
  // What it binds draws the association (eips.ts boundEips): a NAT gateway, an ECS instance, a
  // load balancer, an elastic network interface or a high-availability virtual IP.
  "alicloud:ecs/eipAssociation:EipAssociation": drawnBy(
    exit("allocationId", "binds a public IP address to an instance", control),
    drawnByOwner,
  ),
  "aws:ec2/instance:Instance": drawnBy(
    workload(
      noPublicIp,
      ip.true("associatePublicIpAddress", "the instance gets a public IP address"),
      inDefaultVpc,
    ),
    awsInstance,
  ),
  // A subnet's public IPs lead out only through the VPC's routes, which the graph draws.
  "aws:ec2/subnet:Subnet": drawnBy(
    row("network")(
      "Set mapPublicIpOnLaunch to false.",
      ip.true("mapPublicIpOnLaunch", "instances launched in it get public IP addresses"),
    ),
    subnetEdges,
  ),
  "aws:ec2/route:Route": drawnBy(
    defaultRoutes("destinationCidrBlock", "destinationIpv6CidrBlock"),
    awsRoute,
  ),
  "aws:ec2/routeTable:RouteTable": drawnBy(
    defaultRoutes("routes[].cidrBlock", "routes[].ipv6CidrBlock"),
    inlineRoutes("vpcId"),
  ),
  "aws:ec2/defaultRouteTable:DefaultRouteTable": drawnBy(
    defaultRoutes("routes[].cidrBlock", "routes[].ipv6CidrBlock"),
    inlineRoutes("defaultRouteTableId"),
  ),
  "alicloud:vpc/natGateway:NatGateway": drawnBy(
    gateway(
      'Remove it, or set networkType to "intranet" (a VPC NAT gateway).',
      ip.unless("networkType", "an internet NAT gateway gives the VPC internet egress", "intranet"),
    ),
    alicloudNat,
  ),
  "alicloud:ecs/eipAddress:EipAddress": drawnBy(
    exit("bandwidth", "allocates an elastic public IP address"),
    publicAddressOf("bandwidth"),
  ),
  "alicloud:ecs/eip:Eip": drawnBy(
    exit("bandwidth", "allocates an elastic public IP address"),
    publicAddressOf("bandwidth"),
  ),
  // A block of contiguous EIPs (eipMask: 28 allocates 16), each bound to an instance or NAT
  // gateway as an EIP is.
  "alicloud:ecs/eipSegmentAddress:EipSegmentAddress": drawnBy(
    exit("eipMask", "allocates a block of contiguous elastic public IP addresses"),
    publicAddressOf("eipMask"),
  ),
  // A cloud desktop network package buys an office site internet bandwidth: the site's desktops
  // reach the internet through it (one way out with the site's own internet access, if on).
  "alicloud:eds/networkPackage:NetworkPackage": drawnBy(
    exit("bandwidth", "gives the office site's cloud desktops internet access"),
    officeSitePackage,
  ),
  // An edge node's EIP (Edge Node Service), bound to an edge instance or its NAT gateway.
  "alicloud:ens/eip:Eip": drawnBy(
    exit("bandwidth", "allocates an elastic public IP address at the edge node"),
    publicAddressOf("bandwidth"),
  ),
  "alicloud:ens/eipInstanceAttachment:EipInstanceAttachment": drawnBy(
    exit("allocationId", "gives an edge instance a public IP address"),
    ensEipAttachment,
  ),
  "alicloud:eci/containerGroup:ContainerGroup": containerGroup,
  "alicloud:ess/eciScalingConfiguration:EciScalingConfiguration": eciGroups(
    "every container group it launches gets an elastic public IP address",
  ),
  // An Elastic Cloud Phone instance given EIP bandwidth gets an elastic public IP address, through
  // which the apps it runs reach any host on the internet.
  "alicloud:ecp/instance:Instance": workload(
    "Set eipBandwidth to 0 (or leave it unset); reach other sites only through the stack's allowlisted egress.",
    ip.positive("eipBandwidth", "the cloud phone gets an elastic public IP address"),
  ),
  "alicloud:ecs/instance:Instance": drawnBy(
    publicHost("the instance gets a public IP address"),
    alicloudInstance,
  ),
  "alicloud:vpc/ipv4Gateway:Ipv4Gateway": drawnBy(
    gateway(noEdge, ip.notFalse("enabled", "the VPC gets an IPv4 internet gateway")),
    ipv4Gateway,
  ),
  "alicloud:vpc/routeEntry:RouteEntry": drawnBy(
    defaultRoutes("destinationCidrblock"),
    alicloudRoute("destinationCidrblock", (tag) => tag("destinationCidrblock")),
  ),
  // ACK creates an internet NAT gateway with an EIP, and SNAT for the node vSwitches, unless told
  // not to (the SDK's default is true for every cluster kind); the cluster is drawn in its node
  // network either way (clusters.ts).
  // Their API servers, which hold every secret of the cluster, are public-exposure's.
  // Their NGINX Ingress add-on is served on a load balancer ACK makes (exposure.ts); managed and
  // dedicated clusters install it unless an entry of addons disables it.
  "alicloud:cs/managedKubernetes:ManagedKubernetes": withIngressAddon(managedAckApiServer, true),
  "alicloud:cs/kubernetes:Kubernetes": withIngressAddon(ackApiServer, true),
  "alicloud:cs/serverlessKubernetes:ServerlessKubernetes": withIngressAddon(
    withExposure(
      ackNat,
      "Set endpointPublicAccessEnabled to false and reach the API server from inside the VPC.",
      exposed(
        "endpointPublicAccessEnabled",
        { flag: { absentMeans: false } },
        "the API server gets an EIP",
        controlPlane,
      ),
    ),
  ),
  // The kubelet of every node sends its traces to the collector the pool names (log-shipping): a
  // private or allowlisted address, or a regional endpoint of the cloud; `localhost` is a
  // collector on the node itself.
  "alicloud:cs/nodePool:NodePool": withPolicyFields(
    drawnBy(
      workload(
        "Set internetMaxBandwidthOut to 0 and scalingConfig.isBondEip to false.",
        ip.positive("internetMaxBandwidthOut", "every node of the pool gets a public IP address"),
        ip.true(
          "scalingConfig.isBondEip",
          "nodes the pool scales out get an elastic public IP address",
        ),
      ),
      nodePoolEdges,
    ),
    "log-shipping",
    "Send the kubelet's traces only to a collector on the node, at a private or allowlisted address, or at a regional endpoint inside the jurisdiction.",
    edgesOf("log-shipping", "log delivery").url(
      "kubeletConfiguration.tracing.endpoint",
      "sends the kubelet's traces to",
      { where: (_, at) => hostOf(String(valueAt(at.props, at.path))) !== "localhost" },
    ),
  ),
  "alicloud:rds/aiInstance:AiInstance": withExposure(
    workload(
      "Set publicNetworkAccessEnabled to false.",
      ip.true("publicNetworkAccessEnabled", "the instance gets a NAT gateway to the internet"),
    ),
    "Set publicEndpointEnabled to false.",
    exposed(
      "publicEndpointEnabled",
      { flag: { absentMeans: false } },
      "the instance gets a public connection address on the internet",
    ),
  ),
  // A Glue job without a connection into the stack's VPC runs in Glue's network, as a Lambda
  // function without vpcConfig runs in Lambda's. It stages intermediate data (a whole table, on
  // every Redshift read and write) in --TempDir and writes Spark UI event logs to
  // --spark-event-logs-path: buckets of any region or account.
  "aws:glue/job:Job": exporting(
    workload(
      "Give the job a connection into private subnets of the stack's VPC (connections), and reach data stores through VPC endpoints.",
      service.outsideVpc(
        "connections",
        "the job runs in Glue's network and reaches any host on the internet",
      ),
    ),
    ...["defaultArguments", "nonOverridableArguments"].flatMap((args) => [
      bucketSink(`${args}.--TempDir`, "stages the job's intermediate data in"),
      bucketSink(`${args}.--spark-event-logs-path`, "writes Spark event logs to"),
    ]),
  ),
  // A Glue development endpoint created without a subnet is a non-VPC endpoint: it runs in Glue's
  // network with a public address, and the code run on it reaches any host on the internet.
  "aws:glue/devEndpoint:DevEndpoint": workload(
    "Create the endpoint in a private subnet of the stack's VPC (subnetId, securityGroupIds), and reach data stores through VPC endpoints.",
    service.outsideVpc(
      "subnetId",
      "the endpoint runs in Glue's network with a public address and reaches any host on the internet",
    ),
  ),
  // A Managed Service for Apache Flink application (or Studio notebook) not connected to a VPC runs
  // in the service's network, which reaches the internet: its code can send the records it
  // processes to any host. Connected to the stack's VPC, it reaches only what the VPC does. A SQL
  // application runs no code of its own; its outputs are streams and functions named by ARN.
  "aws:kinesisanalyticsv2/application:Application": workload(
    "Connect the application to private subnets of the stack's VPC (applicationConfiguration.vpcConfiguration), and reach other services through VPC endpoints.",
    {
      ...service.outsideVpc(
        "applicationConfiguration.vpcConfiguration.subnetIds",
        "the application runs in the service's network and reaches any host on the internet",
      ),
      when: (props) => {
        const runtime = known(() => props.runtimeEnvironment);
        return isUnknown(runtime) || !/^SQL-/i.test(str(runtime) ?? "");
      },
    },
  ),
  // A CodeBuild fleet not connected to a VPC runs the builds given to it in CodeBuild's network,
  // as a project without vpcConfig does.
  "aws:codebuild/fleet:Fleet": workload(
    "Connect the fleet to private subnets of the stack's VPC (vpcConfigs), and reach other services through VPC endpoints.",
    service.outsideVpc(
      "vpcConfigs",
      "the builds it runs reach any host on the internet through CodeBuild's network",
    ),
  ),
  // A GameLift fleet's instances run in GameLift's network with public IP addresses: its game
  // servers reach any host on the internet (players reach them through its inbound permissions,
  // public-exposure's).
  "aws:gamelift/fleet:Fleet": withExposure(
    workload(
      "Host the game servers on instances in private subnets of the stack's VPC instead.",
      ip.always(
        "ec2InstanceType",
        "cannot close it: a GameLift fleet's instances always have public IP addresses and unrestricted egress to the internet, outside any VPC the stack controls",
      ),
    ),
    "Admit only private or allowlisted sources in ec2InboundPermissions.",
    exposed("ec2InboundPermissions[].ipRange", "ingress"),
  ),
  // A Cloud9 EC2 environment named into no subnet launches its instance into the region's default
  // VPC, as an EC2 instance does.
  "aws:cloud9/environmentEC2:EnvironmentEC2": workload(
    "Launch the environment into a private subnet of the stack's VPC (subnetId), connected through Systems Manager (connectionType CONNECT_SSM).",
    ip.defaultVpc(
      "subnetId",
      "the environment's instance launches into the region's default VPC, whose subnets give it a public IP address and route to an internet gateway",
    ),
  ),
  // An EMR cluster named into no subnet launches its nodes into the region's default VPC, as an
  // EC2 instance does. Its nodes send every AWS request (EMRFS's reads and writes of S3 data
  // among them) through the proxy `additionalInfo` names, and an external Hive metastore — the
  // database a hive-site configuration's JDBC URL names, or the metastore servers of
  // `hive.metastore.uris` — receives every table's schema and data locations (log-shipping). A
  // metastore URL built from a database of the stack is placed through that database.
  "aws:emr/cluster:Cluster": withPolicyFields(
    workload(
      "Launch the cluster into private subnets of the stack's VPC (ec2Attributes.subnetId or subnetIds).",
      ip.defaultVpc(
        "ec2Attributes.subnetId",
        "the cluster launches its nodes into the region's default VPC, whose subnets give them public IP addresses and route to an internet gateway",
        undefined,
        "ec2Attributes.subnetIds",
      ),
    ),
    "log-shipping",
    "Deliver logs only to sinks in regions inside the jurisdiction, and name only private or allowlisted proxies and metastores, or regional endpoints of the cloud inside it: an external host cannot be placed.",
    bucketSink("logUri", "delivers cluster logs to"),
    edgesOf("log-shipping", "data sync").url(
      "additionalInfo.instanceAwsClientConfiguration.proxyHost",
      "sends its nodes' AWS requests, with the data they read and write, through the proxy at",
    ),
    ...["configurationsJson[]", "configurationsJson[].Configurations[]"].flatMap((at) => [
      edgesOf("log-shipping", "data sync").url(
        `${at}.Properties.javax\\.jdo\\.option\\.ConnectionURL`,
        "keeps the cluster's Hive metastore in",
        { ref: "aws-data-endpoint", namedWhenUnknown: true },
      ),
      edgesOf("log-shipping", "data sync").url(
        `${at}.Properties.hive\\.metastore\\.uris`,
        "keeps the cluster's Hive metastore in",
      ),
    ]),
  ),
  // Bedrock AgentCore's managed runtimes: in PUBLIC mode the agent's container, the browser that
  // fetches pages for it and the code interpreter's sandbox reach any host through AgentCore's
  // network (a code interpreter in SANDBOX mode reaches none but S3).
  "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime": workload(
    agentCoreFix,
    agentCorePublic("the agent runtime reaches any host on the internet"),
  ),
  "aws:bedrock/agentcoreBrowser:AgentcoreBrowser": withPolicyFields(
    workload(agentCoreFix, agentCorePublic("the browser opens any site on the internet")),
    "log-shipping",
    "Deliver logs only to sinks in regions inside the jurisdiction.",
    bucketSink("recording.s3Location.bucket", "records browser sessions to"),
  ),
  "aws:bedrock/agentcoreCodeInterpreter:AgentcoreCodeInterpreter": workload(
    `${agentCoreFix} A code interpreter can run in SANDBOX mode instead.`,
    agentCorePublic("the code interpreter reaches any host on the internet", "sandbox"),
  ),
  "aws:sagemaker/trainingJob:TrainingJob": exporting(
    workload(
      isolationFix,
      service.outsideVpc(
        "vpcConfig.subnets",
        "the training containers reach any host on the internet through SageMaker's network",
        "enableNetworkIsolation",
      ),
    ),
    bucketSink("checkpointConfig.s3Uri", "saves training checkpoints to"),
    bucketSink("outputDataConfig.s3OutputPath", "writes the trained model's artifacts to"),
    bucketSink("tensorBoardOutputConfig.s3OutputPath", "writes TensorBoard data to"),
    bucketSink("debugHookConfig.s3OutputPath", "writes debugger tensors to"),
    bucketSink("debugRuleConfigurations[].s3OutputPath", "writes debugger rule results to"),
    bucketSink("profilerConfig.s3OutputPath", "writes profiling data to"),
    bucketSink("profilerRuleConfigurations[].s3OutputPath", "writes profiler rule results to"),
  ),
  "aws:sagemaker/hyperParameterTuningJob:HyperParameterTuningJob": exporting(
    workload(
      isolationFix,
      ...["trainingJobDefinition", "trainingJobDefinitions[]"].map((holder) =>
        service.outsideVpc(
          `${holder}.vpcConfig.subnets`,
          "the tuning job's training containers reach any host on the internet through SageMaker's network",
          "enableNetworkIsolation",
          holder,
        ),
      ),
    ),
    ...["trainingJobDefinition", "trainingJobDefinitions[]"].flatMap((holder) => [
      bucketSink(`${holder}.checkpointConfig.s3Uri`, "saves training checkpoints to"),
      bucketSink(
        `${holder}.outputDataConfig.s3OutputPath`,
        "writes the trained models' artifacts to",
      ),
    ]),
  ),
  "aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition": exporting(
    workload(
      sageMakerJobFix,
      service.outsideVpc(
        "networkConfig.vpcConfig.subnets",
        sageMakerJob,
        "networkConfig.enableNetworkIsolation",
      ),
    ),
    bucketSink(
      "dataQualityJobOutputConfig.monitoringOutputs.s3Output.s3Uri",
      "writes data quality reports to",
    ),
  ),
  // A schedule that names a separate job definition (monitoringJobDefinitionName) is judged on it.
  "aws:sagemaker/monitoringSchedule:MonitoringSchedule": exporting(
    workload(
      sageMakerJobFix,
      service.outsideVpc(
        "monitoringScheduleConfig.monitoringJobDefinition.networkConfig.vpcConfig.subnets",
        sageMakerJob,
        "networkConfig.enableNetworkIsolation",
        "monitoringScheduleConfig.monitoringJobDefinition",
      ),
    ),
    bucketSink(
      "monitoringScheduleConfig.monitoringJobDefinition.monitoringOutputConfig.monitoringOutputs.s3Output.s3Uri",
      "writes monitoring reports to",
    ),
  ),
};
