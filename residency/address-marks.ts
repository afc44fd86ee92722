/**
 * Marks of values not known at preview that say where a script sends when it sends to a resource
 * of the program by an address the cloud gives it at deployment. Offline, the engine writes a
 * mark `⟨unknown N⟩` in a script for each value it cannot know (engine/invokes/callbacks.ts); where
 * the value is one of the address outputs below of a resource the program creates — an instance's
 * private IP, a database's endpoint, a load balancer's DNS name — the mark also names that
 * resource and output (`⟨unknown N @<hex>⟩`), so that the pack places a copy to it
 * (`rsync … ec2-user@${primary.privateIp}:/replica/`) where that resource is, instead of failing
 * it as a destination it cannot read; of a resource the program only reads (`Instance.get`), the
 * mark names the region it is read in too.
 *
 * The resource is named by its type and name, hex-encoded: a name may hold anything, and the
 * script readings (regions, endpoints, hosts) must find nothing of it in the mark.
 */

/**
 * The outputs, by resource type, that give the address at which the resource itself is reached:
 * data sent there lands in that resource, wherever it is placed.
 */
export const addressOutputs: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({
    "aws:ec2/instance:Instance": ["privateIp", "privateDns", "publicIp", "publicDns"],
    "aws:ec2/networkInterface:NetworkInterface": ["privateIp", "privateDnsName"],
    "aws:ec2/eip:Eip": ["publicIp", "publicDns", "privateIp", "privateDns"],
    "aws:rds/instance:Instance": ["address", "endpoint"],
    "aws:rds/cluster:Cluster": ["endpoint", "readerEndpoint"],
    "aws:lb/loadBalancer:LoadBalancer": ["dnsName"],
    "aws:alb/loadBalancer:LoadBalancer": ["dnsName"],
    "aws:elasticache/replicationGroup:ReplicationGroup": [
      "primaryEndpointAddress",
      "readerEndpointAddress",
    ],
    "alicloud:ecs/instance:Instance": ["privateIp", "publicIp"],
    "alicloud:ecs/eipAddress:EipAddress": ["ipAddress"],
    "alicloud:rds/instance:Instance": ["connectionString"],
    "alicloud:slb/loadBalancer:LoadBalancer": ["address"],
  }).map(([type, outputs]) => [type, new Set(outputs)]),
);

/** A resource of the program and the address output of it a mark stands for. */
export interface AddressSource {
  readonly type: string;
  readonly name: string;
  readonly output: string;
  /**
   * Set where the program reads a resource of that type and name (`aws.ec2.Instance.get`) rather
   * than creating it: the region it is read in (its own `region`, else the one its ARN ID names,
   * else its provider's), where that is known offline.
   */
  readonly read?: { readonly region?: string };
}

/** Every mark in a text, its number and, where it has one, the address it stands for (hex). */
export const marksIn = /⟨unknown (\d+)(?: @([0-9a-f]+))?⟩/g;

/** The text of mark `n`, naming `source` where it stands for a resource's address. */
export function markText(n: number, source?: AddressSource): string {
  if (source === undefined) {
    return `⟨unknown ${n}⟩`;
  }
  const read = source.read === undefined ? [] : ["read", source.read.region ?? ""];
  const named = Buffer.from(
    [source.type, source.name, source.output, ...read].join("\n"),
    "utf8",
  ).toString("hex");
  return `⟨unknown ${n} @${named}⟩`;
}

/**
 * The resource address a mark's hex part names (`marksIn`'s second group); undefined when it
 * names no output of `addressOutputs`.
 */
export function addressSourceOf(hex: string | undefined): AddressSource | undefined {
  if (hex === undefined || hex.length % 2 !== 0) {
    return undefined;
  }
  const parts = Buffer.from(hex, "hex").toString("utf8").split("\n");
  if (parts.length !== 3 && (parts.length !== 5 || parts[3] !== "read")) {
    return undefined;
  }
  const [type, name, output, , region] = parts;
  if (addressOutputs.get(type)?.has(output) !== true) {
    return undefined;
  }
  return region === undefined
    ? { type, name, output }
    : { type, name, output, read: region === "" ? {} : { region } };
}
