/**
 * The one reader of egress rules: every destination a security group, network ACL, Cloud Firewall
 * policy or prefix list lets traffic go to (or drops), with the protocol and ports of its rule.
 * Each type's row in the egress table (paths/types/gates.ts) says which of these readers reads it:
 * the egress-rules policy judges each accepted flow against the stack's egress allowlist
 * (policy/egress.ts); the border analysis reads the same rows' flows to decide whether a network's
 * security groups and ACLs admit internet-bound traffic (the rows' gates).
 */
import { type Flow, flowProtocol, isAnywhere, parsePortRange, portBounds } from "./addresses";
import { str, unknown, valueAt, valuesAt } from "./values";

/**
 * One destination of a rule with the traffic it names, or the reason it cannot be read. Drop and
 * deny rules are read too (`allow: false`): the border analysis needs them to know what a
 * security group or an ACL shuts.
 */
export type RuleFlow = {
  readonly path: string;
  readonly allow: boolean;
  /** The rule entry the destination was read from (for its priority or rule number). */
  readonly holder: unknown;
} & ({ readonly flow: Flow } | { readonly unknown: true });

/**
 * The rules at `cidrPaths`: each destination with its rule's protocol and the ports `portsOf`
 * reads from the same holder (undefined when one of them is not known at preview).
 */
function rulesAt(
  cidrPaths: readonly string[],
  protocolKey: string,
  isAllow: (holder: unknown) => boolean,
  portsOf: (holder: unknown, protocol: Flow["protocol"]) => Partial<Flow> | undefined,
) {
  return (props: Record<string, unknown>): RuleFlow[] =>
    cidrPaths.flatMap((path) =>
      valuesAt(props, path).map((f): RuleFlow => {
        // A list not known at preview stands where its rules would: undecidable, so an allow
        // (the holder is the resource, whose fields say nothing of a rule's action).
        const whole = f.value === unknown && f.path.split(".").length < path.split(".").length;
        const read = { path: f.path, allow: whole || isAllow(f.holder), holder: f.holder };
        const protocol = valueAt(f.holder, protocolKey);
        const named = flowProtocol(protocol);
        const p = named.protocol;
        const ports =
          f.value === unknown || protocol === unknown ? undefined : portsOf(f.holder, p);
        return ports === undefined
          ? { ...read, unknown: true }
          : { ...read, flow: { cidr: String(f.value), ...named, ...ports } };
      }),
    );
}

/** AWS-style rules: CIDR lists plus `protocol`/`fromPort`/`toPort` on the same holder. */
export function awsRules(
  cidrPaths: readonly string[],
  protocolKey: string,
  isAllow: (holder: unknown) => boolean,
) {
  return rulesAt(cidrPaths, protocolKey, isAllow, (holder, p) => {
    const from = valueAt(holder, "fromPort");
    const to = valueAt(holder, "toPort");
    return from === unknown || to === unknown ? undefined : portBounds(p, from, to);
  });
}

/** Alibaba-style rules: one CIDR, a `from/to` port range and a protocol on the same holder. */
export function alicloudRules(
  cidrPaths: readonly string[],
  protocolKey: string,
  portKey: string,
  isAllow: (holder: unknown) => boolean,
) {
  return rulesAt(cidrPaths, protocolKey, isAllow, (holder, p) => {
    const ports = valueAt(holder, portKey);
    return ports === unknown ? undefined : p === "all" ? {} : parsePortRange(ports);
  });
}

export function is(key: string, value: string | boolean, absent = false) {
  return (holder: unknown): boolean => {
    const v = valueAt(holder, key);
    if (v === unknown) {
      // Undecidable: treat as an allow rule so that the unknown surfaces.
      return true;
    }
    return v === undefined ? absent : String(v).toLowerCase() === String(value);
  };
}

/** Security-group rules have no action: every rule allows. */
export const anyRule = () => true;

/**
 * Cloud Firewall outbound accepts. A destination that is not a CIDR (a domain, an address
 * book, a location) cannot be placed by the pack, so it is judged as reaching everywhere.
 */
export function firewallRules(props: Record<string, unknown>): RuleFlow[] {
  const direction = valueAt(props, "direction");
  const action = valueAt(props, "aclAction");
  const destination = valueAt(props, "destination");
  const type = valueAt(props, "destinationType");
  const protocol = valueAt(props, "proto");
  const port = valueAt(props, "destPort");
  if ([direction, action, destination, type, protocol, port].includes(unknown)) {
    return [{ path: "destination", allow: true, holder: props, unknown: true }];
  }
  if (str(direction) !== "out" || str(action) !== "accept") {
    return [];
  }
  const named = flowProtocol(String(protocol ?? "ANY").toLowerCase() === "any" ? "all" : protocol);
  const cidr = str(type) === "net" ? String(destination) : "0.0.0.0/0";
  return [
    {
      path: "destination",
      allow: true,
      holder: props,
      flow: { cidr, ...named, ...(named.protocol === "all" ? {} : parsePortRange(port)) },
    },
  ];
}

/**
 * Prefix lists are referenced by egress rules by ID; one that holds every address turns each
 * such rule into allow-all. Entries are otherwise judged where rules use them.
 */
export function prefixListEntries(path: string) {
  return (props: Record<string, unknown>): RuleFlow[] =>
    valuesAt(props, path).flatMap((f): RuleFlow[] => {
      const read = { path: f.path, allow: true, holder: f.holder };
      return f.value === unknown
        ? [{ ...read, unknown: true }]
        : typeof f.value === "string" && isAnywhere(f.value)
          ? [{ ...read, flow: { cidr: f.value, protocol: "all" } }]
          : [];
    });
}
