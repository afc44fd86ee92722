import * as ec2 from "@pulumi/aws/ec2";
import { SecurityGroupIngressRule } from "@pulumi/aws/vpc";
import * as pulumi from "@pulumi/pulumi";
import * as ipaddr from "ipaddr.js";
import {
  cidrContains,
  cidrsOverlap,
  type EgressRule,
  type ZoneSpec,
  zonePattern,
} from "../../residency/spec";
import { type AclFlow, sealedAclFlows } from "../../residency/allowlist";
import { aclRulesNeeded, blockBits, defaultAclRuleQuota } from "../../residency/buildable";
import { checkEgressRules } from "./allowlist";
import { ecrLayerBucketArn, endpointServiceName, type EndpointService } from "./naming";
import { policyDocument, type PolicyDocument, type PolicyStatement } from "./policy";
import { awsPartitionOf } from "../../residency/jurisdictions";
import {
  checkAccountId,
  checkIpv4Block,
  checkRegion,
  checkWholeNumber,
  IssueList,
} from "./validation";

export { defaultAclRuleQuota };

export interface SealedNetworkArgs {
  /**
   * The region the stack's provider is pinned to. Zones must lie in it and the endpoint service
   * names are built from it; the resources themselves are placed by the provider.
   */
  readonly region: string;
  /** The account the stack runs in; the S3 endpoint only reaches this account's buckets. */
  readonly accountId: string;
  /** The VPC's IPv4 block (/16 to /28). Changing it replaces the VPC and everything in it. */
  readonly cidr: string;
  /**
   * One private subnet per availability zone, each with its block inside `cidr`. Changing a
   * zone or its block replaces that subnet. No subnet ever maps public IPs.
   */
  readonly zones: readonly ZoneSpec[];
  /**
   * Destinations outside the VPC the network ACL lets traffic reach (and reply from). Defaults
   * to: none — the ACL admits only HTTPS inside the VPC, to and from the interface endpoints of
   * S3, KMS and STS, which need no entry here.
   */
  readonly egress?: readonly EgressRule[];
  /**
   * Network ACL rules allowed per direction. Defaults to: 20, AWS's default quota; raise it only
   * after raising the "Rules per network ACL" quota of the account (at most 40).
   */
  readonly aclRuleQuota?: number;
  /**
   * Add the interface endpoints Kubernetes nodes need without a NAT — EC2, ECR (API and
   * registry) and CloudWatch Logs — and let the S3 endpoint reach ECR's image-layer bucket of the
   * region, read-only. Defaults to: false — only S3, KMS and STS.
   */
  readonly clusterEndpoints?: boolean;
}

/** One inline network ACL rule, as `ec2.NetworkAcl` takes it. */
export interface AclRule {
  readonly ruleNo: number;
  readonly action: "allow";
  readonly protocol: "tcp" | "udp";
  readonly cidrBlock: string;
  readonly fromPort: number;
  readonly toPort: number;
}

/**
 * The network ACL of the private subnets (residency/allowlist.ts `sealedAclFlows`): HTTPS to and
 * from the interface endpoints, replies inside the VPC, the allowlist and its replies; everything
 * else hits the ACL's implicit deny. Rules are numbered 100, 110, … in that order.
 */
export function sealedNetworkAcl(
  vpcCidr: string,
  egress: readonly EgressRule[],
): { readonly egress: AclRule[]; readonly ingress: AclRule[] } {
  const flows = sealedAclFlows(vpcCidr, egress);
  return { egress: numbered(flows.egress), ingress: numbered(flows.ingress) };
}

function numbered(flows: readonly AclFlow[]): AclRule[] {
  return flows.map((f, i) => ({
    ruleNo: 100 + 10 * i,
    action: "allow",
    protocol: f.protocol,
    cidrBlock: f.cidr,
    fromPort: f.fromPort,
    toPort: f.toPort,
  }));
}

/**
 * The S3 endpoint's policy: requests through it reach only buckets owned by the stack's account.
 * Without it, a workload could write to any bucket in the region, including another account's
 * bucket that replicates abroad.
 */
export function s3EndpointPolicy(
  accountId: string,
  ecrLayers?: { readonly partition: string; readonly region: string },
): PolicyDocument {
  const statements: PolicyStatement[] = [
    {
      Sid: "OnlyThisAccountsBuckets",
      Effect: "Allow",
      Principal: "*",
      Action: "s3:*",
      Resource: "*",
      Condition: { StringEquals: { "aws:ResourceAccount": accountId } },
    },
  ];
  if (ecrLayers !== undefined) {
    // ECR keeps image layers in a bucket of its own account in the same region; nodes pulling
    // images read from it, and nothing else of that account is reachable.
    statements.push({
      Sid: "EcrImageLayersOfThisRegion",
      Effect: "Allow",
      Principal: "*",
      Action: "s3:GetObject",
      Resource: ecrLayerBucketArn(ecrLayers.partition, ecrLayers.region),
    });
  }
  return policyDocument(statements);
}

/** VPC and subnet blocks: valid, canonical, and of a size AWS accepts for `what`. */
function checkVpcBlock(
  issues: IssueList,
  key: string,
  cidr: string,
  what: "network" | "zone",
): boolean {
  if (!checkIpv4Block(issues, key, cidr)) {
    return false;
  }
  const bits = ipaddr.IPv4.parseCIDR(cidr)[1];
  const { min, max } = blockBits.aws[what];
  if (bits < min || bits > max) {
    issues.add(
      key,
      cidr,
      `expected a block from /${min} to /${max}, the sizes AWS allows in a VPC`,
    );
    return false;
  }
  return true;
}

/** Checks a SealedNetwork's args before anything is declared; throws ArgsError listing every issue. */
export function validateSealedNetworkArgs(name: string, args: SealedNetworkArgs): void {
  const issues = new IssueList();
  checkRegion(issues, "region", args.region);
  checkAccountId(issues, "accountId", args.accountId);
  const vpcOk = checkVpcBlock(issues, "cidr", args.cidr, "network");
  if (args.zones.length === 0) {
    issues.add("zones", args.zones, "expected at least one availability zone");
  }
  const pattern = zonePattern("aws", args.region);
  const seen = new Set<string>();
  args.zones.forEach((z, i) => {
    if (!pattern.test(z.zone)) {
      issues.add(
        `zones[${i}].zone`,
        z.zone,
        `expected an availability zone of region ${args.region}, such as ${args.region}a`,
      );
    } else if (seen.has(z.zone)) {
      issues.add(
        `zones[${i}].zone`,
        z.zone,
        "expected each zone once; this zone is already listed",
      );
    }
    seen.add(z.zone);
    if (!checkVpcBlock(issues, `zones[${i}].cidr`, z.cidr, "zone") || !vpcOk) {
      return;
    }
    if (!cidrContains(args.cidr, z.cidr)) {
      issues.add(`zones[${i}].cidr`, z.cidr, `expected a block inside the VPC block ${args.cidr}`);
    }
    args.zones.slice(0, i).forEach((other, j) => {
      if (ipaddr.IPv4.isValidCIDR(other.cidr) && cidrsOverlap(other.cidr, z.cidr)) {
        issues.add(
          `zones[${i}].cidr`,
          z.cidr,
          `expected a block that does not overlap zones[${j}].cidr (${other.cidr})`,
        );
      }
    });
  });
  const egress = args.egress ?? [];
  const issuesBeforeEgress = issues.count;
  checkEgressRules(issues, "egress", egress);
  const quota = args.aclRuleQuota ?? defaultAclRuleQuota;
  if (args.aclRuleQuota !== undefined) {
    checkWholeNumber(issues, "aclRuleQuota", args.aclRuleQuota, 1, 40);
  }
  // The ACL can only be counted from a valid VPC block and allowlist.
  if (vpcOk && issues.count === issuesBeforeEgress) {
    const needed = aclRulesNeeded(args.cidr, egress);
    if (needed > quota) {
      issues.add(
        "egress",
        `${needed} network ACL rules in one direction`,
        `expected at most ${quota} network ACL rules per direction; merge ports into ranges or ` +
          `destinations into wider blocks, or raise the account's "Rules per network ACL" quota ` +
          "and aclRuleQuota",
      );
    }
  }
  issues.throwIfAny("SealedNetwork", name);
}

/**
 * A private VPC with no way to the internet: private subnets across the given zones, one route
 * table holding only the local route, no internet, egress-only or NAT gateway, interface endpoints
 * for S3, KMS and STS in every subnet, and a network ACL that drops everything but the allowlist.
 * The VPC's default security group, network ACL and main route table are adopted and emptied, so
 * nothing placed in the VPC later inherits AWS's allow-all defaults.
 *
 * S3 is reached through an interface endpoint, not a gateway endpoint: a gateway endpoint sends
 * traffic to S3's public address ranges, which a network ACL cannot name (ACLs take no prefix
 * lists), so the ACL would drop it. The interface endpoint's addresses lie in the subnets, inside
 * the VPC block the ACL and the security groups already admit.
 */
export class SealedNetwork extends pulumi.ComponentResource {
  readonly vpcId: pulumi.Output<string>;
  readonly subnetIds: pulumi.Output<string[]>;
  readonly routeTableId: pulumi.Output<string>;
  readonly networkAclId: pulumi.Output<string>;
  /** The S3 interface endpoint, which bucket policies name in `aws:SourceVpce`. */
  readonly s3EndpointId: pulumi.Output<string>;
  readonly kmsEndpointId: pulumi.Output<string>;
  readonly stsEndpointId: pulumi.Output<string>;
  /** The EC2, ECR and CloudWatch Logs endpoints by service, when `clusterEndpoints` is set. */
  readonly clusterEndpointIds: Partial<Record<EndpointService, pulumi.Output<string>>>;
  /** The security group of the S3, KMS and STS endpoints: HTTPS in from the VPC, nothing out. */
  readonly endpointSecurityGroupId: pulumi.Output<string>;

  constructor(name: string, args: SealedNetworkArgs, opts: pulumi.ComponentResourceOptions = {}) {
    validateSealedNetworkArgs(name, args);
    super("sovereign-dc:aws:SealedNetwork", name, {}, opts);
    const parent = { parent: this };

    // DNS support and hostnames are what private DNS of the interface endpoints resolves with.
    // No IPv6 block: without one there is nothing for an egress-only gateway to route.
    const vpc = new ec2.Vpc(
      `${name}-vpc`,
      {
        cidrBlock: args.cidr,
        enableDnsSupport: true,
        enableDnsHostnames: true,
        assignGeneratedIpv6CidrBlock: false,
      },
      parent,
    );
    // AWS gives a VPC's default security group allow-all egress and its default network ACL
    // allow-all both ways; adopting them with empty rule lists removes those rules and reports
    // any rule added later as drift.
    new ec2.DefaultSecurityGroup(
      `${name}-default-sg`,
      { vpcId: vpc.id, ingress: [], egress: [] },
      parent,
    );
    new ec2.DefaultNetworkAcl(
      `${name}-default-acl`,
      { defaultNetworkAclId: vpc.defaultNetworkAclId, ingress: [], egress: [] },
      parent,
    );
    // `routes: []` makes the route lists authoritative: a route added outside Pulumi (say to an
    // internet gateway) shows as drift and is removed.
    new ec2.DefaultRouteTable(
      `${name}-default-routes`,
      { defaultRouteTableId: vpc.defaultRouteTableId, routes: [] },
      parent,
    );
    const routeTable = new ec2.RouteTable(`${name}-routes`, { vpcId: vpc.id, routes: [] }, parent);

    const subnets = args.zones.map((z) => {
      const subnet = new ec2.Subnet(
        `${name}-${z.zone}`,
        {
          vpcId: vpc.id,
          availabilityZone: z.zone,
          cidrBlock: z.cidr,
          mapPublicIpOnLaunch: false,
        },
        parent,
      );
      new ec2.RouteTableAssociation(
        `${name}-${z.zone}-routes`,
        { subnetId: subnet.id, routeTableId: routeTable.id },
        parent,
      );
      return subnet;
    });
    const subnetIds = subnets.map((s) => s.id);

    const acl = sealedNetworkAcl(args.cidr, args.egress ?? []);
    const networkAcl = new ec2.NetworkAcl(
      `${name}-acl`,
      { vpcId: vpc.id, subnetIds, egress: acl.egress, ingress: acl.ingress },
      parent,
    );

    // Security groups the provider creates lose AWS's default allow-all egress rule; this one
    // gets no egress at all (replies to admitted requests need none: security groups are
    // stateful).
    const endpointSg = new ec2.SecurityGroup(
      `${name}-endpoints`,
      {
        vpcId: vpc.id,
        description: "sovereign-dc interface endpoints: HTTPS from inside the VPC only",
      },
      parent,
    );
    const httpsIn = new SecurityGroupIngressRule(
      `${name}-endpoints-https`,
      {
        securityGroupId: endpointSg.id,
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
        cidrIpv4: args.cidr,
        description: "HTTPS from inside the VPC to the interface endpoints",
      },
      parent,
    );
    new ec2.VpcSecurityGroupRulesExclusive(
      `${name}-endpoints-rules`,
      { securityGroupId: endpointSg.id, ingressRuleIds: [httpsIn.id], egressRuleIds: [] },
      parent,
    );

    // Private DNS points the services' regional names (for S3 also the bucket and access-point
    // names under them) at the endpoints' interfaces, so SDKs reach them with no endpoint override.
    const interfaceEndpoint = (
      service: EndpointService,
      extra: Pick<ec2.VpcEndpointArgs, "policy" | "dnsOptions"> = {},
    ) =>
      new ec2.VpcEndpoint(
        `${name}-${service.replace(".", "-")}`,
        {
          vpcId: vpc.id,
          vpcEndpointType: "Interface",
          serviceName: endpointServiceName(args.region, service),
          privateDnsEnabled: true,
          subnetIds,
          securityGroupIds: [endpointSg.id],
          ...extra,
        },
        parent,
      );
    const clusterEndpoints = args.clusterEndpoints ?? false;
    // An S3 interface endpoint with private DNS gets "private DNS only for inbound Resolver
    // endpoints" unless the request turns it off: names resolved inside the VPC would then go to an
    // S3 gateway endpoint, and AWS refuses the endpoint in a VPC that has none. So the option is
    // sent as false, not left unset. The provider forwards it only for service names of the form
    // com.amazonaws.<region>.s3; for AWS China's cn.com.amazonaws.<region>.s3 it drops it and
    // AWS's default for that service applies.
    // The name stays `-s3` from the gateway endpoint it replaces: the type change replaces the
    // endpoint (the new one is created first), and the bucket policies follow its new ID.
    const s3 = interfaceEndpoint("s3", {
      policy: JSON.stringify(
        s3EndpointPolicy(
          args.accountId,
          clusterEndpoints
            ? { partition: awsPartitionOf(args.region), region: args.region }
            : undefined,
        ),
      ),
      dnsOptions: { privateDnsOnlyForInboundResolverEndpoint: false },
    });
    const kms = interfaceEndpoint("kms");
    const sts = interfaceEndpoint("sts");
    const clusterServices: readonly EndpointService[] = clusterEndpoints
      ? ["ec2", "ecr.api", "ecr.dkr", "logs"]
      : [];
    const clusterEndpointIds = Object.fromEntries(
      clusterServices.map((service) => [service, interfaceEndpoint(service).id]),
    ) as Partial<Record<EndpointService, pulumi.Output<string>>>;

    this.vpcId = vpc.id;
    this.subnetIds = pulumi.all(subnetIds);
    this.routeTableId = routeTable.id;
    this.networkAclId = networkAcl.id;
    this.s3EndpointId = s3.id;
    this.kmsEndpointId = kms.id;
    this.stsEndpointId = sts.id;
    this.clusterEndpointIds = clusterEndpointIds;
    this.endpointSecurityGroupId = endpointSg.id;
    this.registerOutputs({
      vpcId: this.vpcId,
      subnetIds: this.subnetIds,
      routeTableId: this.routeTableId,
      networkAclId: this.networkAclId,
      s3EndpointId: this.s3EndpointId,
      kmsEndpointId: this.kmsEndpointId,
      stsEndpointId: this.stsEndpointId,
      clusterEndpointIds: this.clusterEndpointIds,
      endpointSecurityGroupId: this.endpointSecurityGroupId,
    });
  }
}
