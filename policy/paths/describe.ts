/**
 * How resources are named in findings, paths, reports and diagrams: `oss bucket "telemetry"`,
 * `replication "telemetry-dr"` — one labeller, so a finding and the report name a resource alike.
 * Names come from the type token so a type without an entry here still reads sensibly; the
 * overrides use the name engineers say out loud.
 */

/** Kind names where the token's own words read badly. */
const kindNames: Readonly<Record<string, string>> = {
  "alicloud:vpc/network:Network": "vpc",
  "alicloud:vpc/switch:Switch": "vswitch",
  "alicloud:vpc/natGateway:NatGateway": "nat gateway",
  "alicloud:vpc/routeEntry:RouteEntry": "route",
  "alicloud:vpc/peerConnection:PeerConnection": "vpc peering",
  "alicloud:vpc/networkAcl:NetworkAcl": "network acl",
  "alicloud:ecs/eipAddress:EipAddress": "eip",
  "alicloud:ecs/eip:Eip": "eip",
  "alicloud:ecs/securityGroup:SecurityGroup": "security group",
  "alicloud:ecs/securityGroupRule:SecurityGroupRule": "security group rule",
  "alicloud:ecs/instance:Instance": "ecs instance",
  "alicloud:cen/instance:Instance": "cen",
  "alicloud:cen/transitRouter:TransitRouter": "transit router",
  "alicloud:vpn/gateway:Gateway": "vpn gateway",
  "alicloud:vpn/customerGateway:CustomerGateway": "customer gateway",
  "alicloud:vpn/connection:Connection": "ipsec connection",
  "alicloud:cs/managedKubernetes:ManagedKubernetes": "ack cluster",
  "alicloud:cs/kubernetes:Kubernetes": "ack cluster",
  "alicloud:cs/nodePool:NodePool": "ack node pool",
  "aws:ec2/vpc:Vpc": "vpc",
  "aws:ec2/subnet:Subnet": "subnet",
  "aws:ec2/natGateway:NatGateway": "nat gateway",
  "aws:ec2/internetGateway:InternetGateway": "internet gateway",
  "aws:ec2/eip:Eip": "eip",
  "aws:ec2/vpnGateway:VpnGateway": "vpn gateway",
  "aws:ec2/customerGateway:CustomerGateway": "customer gateway",
  "aws:ec2/vpcPeeringConnection:VpcPeeringConnection": "vpc peering",
  "aws:ec2/securityGroup:SecurityGroup": "security group",
  "aws:kms/key:Key": "kms key",
  "aws:kms/replicaKey:ReplicaKey": "kms replica key",
  "aws:eks/cluster:Cluster": "eks cluster",
};

function words(camel: string): string {
  return camel
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase();
}

/** Names already made: every policy labels every resource it judges, most of them by type. */
const named = new Map<string, string>(Object.entries(kindNames));

/** "oss bucket", "vpc nat gateway", "k8s statefulset" for a type token. */
export function kindName(type: string): string {
  let name = named.get(type);
  if (name === undefined) {
    name = nameOfKind(type);
    named.set(type, name);
  }
  return name;
}

function nameOfKind(type: string): string {
  if (type.startsWith("pulumi:providers:")) {
    return `${type.slice("pulumi:providers:".length)} provider`;
  }
  const [pkg, mod = "", kind = ""] = type.split(":");
  if (kind === "") {
    // A component's own type token may have fewer parts (`pulumi:containerService`, `WebApp`):
    // its last part names it.
    return words(mod === "" ? pkg : mod);
  }
  if (pkg === "kubernetes") {
    return `k8s ${kind.toLowerCase()}`;
  }
  // A package's top-level types live in its `index` module (`docker:index/image:Image`): the
  // package names them better ("docker image", "random password").
  const top = mod.split("/")[0];
  const module = top === "index" ? pkg : top;
  const kindWords = words(kind);
  // `kms/key:Key` is a "kms key", not a "kms kms key"; `cen/instance` a "cen instance";
  // `resources:ResourceGroup` a "resource group", not a "resources resource group"; a
  // component's `stack:TapStack` a "tap stack", not a "stack tap stack".
  const repeats = (m: string) =>
    kindWords.startsWith(`${m} `) || kindWords.endsWith(` ${m}`) || kindWords === m;
  return repeats(module) || (module.endsWith("s") && repeats(module.slice(0, -1)))
    ? kindWords
    : `${module} ${kindWords}`;
}

/** `oss bucket "telemetry"`. */
export function resourceLabel(type: string, name: string): string {
  return `${kindName(type)} ${JSON.stringify(name)}`;
}

/**
 * Whether a provider is one the Pulumi engine creates for the stack (named `default` or
 * `default_<version>`): only such a provider reads `<package>:*` settings from the stack config.
 */
export function isDefaultProvider(name: string): boolean {
  return /^default(_|$)/.test(name);
}
