/**
 * `aws.networkmanager.getCoreNetworkPolicyDocument` offline: the Cloud WAN policy document the
 * AWS provider renders from the invoke's arguments alone (terraform-provider-aws
 * `internal/service/networkmanager/core_network_policy_document_data_source.go` and
 * `core_network_policy_model.go`), as `iam.getPolicyDocument` is (./aws-policy-document.ts):
 *
 * - the schema's defaults (`version` "2021.12", `vpnEcmpSupport` and `dnsSupport` true, a
 *   segment's `requireAttachmentAcceptance` true) apply first;
 * - every list of strings the schema keeps as a set is written sorted and then reversed (the
 *   provider's `coreNetworkPolicyExpandStringList`), an edge location's ASN as a number;
 * - the keys follow the model's struct fields, `omitempty` ones left out when empty; a segment
 *   action's `share-with` of `["*"]` is `"*"`, its `share-with-except` an `{"except": […]}`
 *   object under `share-with`;
 * - `json` is Go's `MarshalIndent` with two spaces, the ID the CRC-32 of `json` in decimal.
 *
 * Two details may differ from a provider version's text, not its content: a segment action's
 * `routing-policy-names` (newer than the model the field order is taken from) is written last
 * among the action's keys, and the edge sets of a `via` override keep the order the program
 * gives (the provider's sets follow their hash codes). Pure: no SDK import.
 */
import { compareBytes, crc32, encode } from "./go-json";

type Args = Record<string, unknown>;

/** The invoke's argument at `key` as a list of objects (absent: none). */
function objects(args: Args, key: string): Args[] {
  const v = args[key];
  return Array.isArray(v) ? v.filter((o): o is Args => typeof o === "object" && o !== null) : [];
}

/** A nested block the provider schema holds as a list of at most one (the SDK: one object). */
function block(args: Args, key: string): Args | undefined {
  const v = args[key];
  const one = Array.isArray(v) ? v[0] : v;
  return typeof one === "object" && one !== null ? (one as Args) : undefined;
}

const text = (v: unknown): string => (typeof v === "string" ? v : "");
const flag = (v: unknown, dflt: boolean): boolean => (typeof v === "boolean" ? v : dflt);
const integer = (v: unknown): number => (typeof v === "number" ? Math.trunc(v) : 0);

/**
 * A list of strings as the provider writes it: sorted, then reversed; undefined when empty. A
 * set (`unique`) holds each value once, as the schema's sets do; a list keeps repeats.
 */
function stringSet(v: unknown, unique = true): string[] | undefined {
  const items = Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : [];
  const kept = unique ? [...new Set(items)] : items;
  return kept.length === 0 ? undefined : kept.sort(compareBytes).reverse();
}

/** A struct's fields in order; `undefined` values are the `omitempty` ones left out. */
function struct(fields: ReadonlyArray<readonly [string, unknown]>): Map<string, unknown> {
  return new Map(fields.filter(([, v]) => v !== undefined));
}

/** An `omitempty` string: left out when empty. */
const omitEmpty = (s: string): string | undefined => (s === "" ? undefined : s);
/** An `omitempty` number: left out when zero. */
const omitZero = (n: number): number | undefined => (n === 0 ? undefined : n);
/** An `omitempty` list: left out when empty. */
const omitNone = <T>(items: readonly T[]): readonly T[] | undefined =>
  items.length === 0 ? undefined : items;

/** What the provider refuses, in its own words; the invoke fails as it does under the CLI. */
class PolicyDocumentError extends Error {}

/**
 * A check that each value of a list's key (a segment's name, an edge location) is given once,
 * refusing a second as the provider does.
 */
function once<T extends string | number>(what: string): (value: T) => T {
  const seen = new Set<T>();
  return (value) => {
    if (seen.has(value)) {
      throw new PolicyDocumentError(
        `duplicate ${what} (${value}). Remove the ${what} or ensure the ${what} is unique`,
      );
    }
    seen.add(value);
    return value;
  };
}

function coreNetworkConfiguration(args: Args): Map<string, unknown> {
  const config = objects(args, "coreNetworkConfigurations")[0];
  if (config === undefined) {
    throw new PolicyDocumentError(
      'Insufficient core_network_configuration blocks: at least 1 "core_network_configuration" block is required.',
    );
  }
  const location = once<string>("Location");
  const edges = objects(config, "edgeLocations").map((e) => {
    const asn = text(e.asn);
    return struct([
      ["location", location(text(e.location))],
      ["asn", asn === "" ? undefined : omitZero(Number.parseInt(asn, 10))],
      ["inside-cidr-blocks", stringSet(e.insideCidrBlocks, false)],
    ]);
  });
  return struct([
    ["asn-ranges", stringSet(config.asnRanges) ?? []],
    ["inside-cidr-blocks", stringSet(config.insideCidrBlocks)],
    ["vpn-ecmp-support", flag(config.vpnEcmpSupport, true)],
    ["edge-locations", omitNone(edges)],
    ["dns-support", flag(config.dnsSupport, true)],
    ["security-group-referencing-support", flag(config.securityGroupReferencingSupport, false)],
  ]);
}

function segments(args: Args): Map<string, unknown>[] {
  const name = once<string>("Name");
  return objects(args, "segments").map((s) =>
    struct([
      ["name", name(text(s.name))],
      ["description", omitEmpty(text(s.description))],
      ["edge-locations", stringSet(s.edgeLocations)],
      ["isolate-attachments", flag(s.isolateAttachments, false)],
      ["require-attachment-acceptance", flag(s.requireAttachmentAcceptance, true)],
      ["deny-filter", stringSet(s.denyFilters)],
      ["allow-filter", stringSet(s.allowFilters)],
    ]),
  );
}

/** A routing policy rule's action: an ASN list type's value is a list of numbers. */
function routingAction(a: Args): Map<string, unknown> {
  const type = text(a.type);
  const value = text(a.value);
  if (["prepend-asn-list", "remove-asn-list", "replace-asn-list"].includes(type) && value !== "") {
    const asns = value
      .split(",")
      .map((p) => p.trim())
      .filter((p) => /^[+-]?\d+$/.test(p))
      .map(Number);
    return struct([
      ["type", type],
      ["value", asns],
    ]);
  }
  return struct([
    ["type", omitEmpty(type)],
    ["value", omitEmpty(value)],
  ]);
}

/** A match condition: `asn-in-as-path`'s value is a number where it parses as one. */
function matchCondition(c: Args): Map<string, unknown> {
  const type = text(c.type);
  const value = text(c.value);
  return type === "asn-in-as-path" && /^[+-]?\d+$/.test(value)
    ? struct([
        ["type", type],
        ["value", Number(value)],
      ])
    : struct([
        ["type", omitEmpty(type)],
        ["value", omitEmpty(value)],
      ]);
}

/** The 2025.11 parts, which the provider refuses under another version. */
function newerOnly(args: Args, key: string, what: string, version: string): Args[] {
  const items = objects(args, key);
  if (items.length > 0 && version !== "2025.11") {
    throw new PolicyDocumentError(`${what} requires version 2025.11`);
  }
  return items;
}

function routingPolicies(args: Args, version: string): Map<string, unknown>[] {
  return newerOnly(args, "routingPolicies", "routing_policies", version).map((p) =>
    struct([
      ["routing-policy-name", omitEmpty(text(p.routingPolicyName))],
      ["routing-policy-description", omitEmpty(text(p.routingPolicyDescription))],
      ["routing-policy-direction", omitEmpty(text(p.routingPolicyDirection))],
      ["routing-policy-number", omitZero(integer(p.routingPolicyNumber))],
      [
        "routing-policy-rules",
        omitNone(
          objects(p, "routingPolicyRules").map((r) => {
            const d = block(r, "ruleDefinition");
            const action = d === undefined ? undefined : block(d, "action");
            return struct([
              ["rule-number", omitZero(integer(r.ruleNumber))],
              [
                "rule-definition",
                d === undefined
                  ? undefined
                  : struct([
                      ["condition-logic", text(d.conditionLogic) || "and"],
                      [
                        "match-conditions",
                        omitNone(objects(d, "matchConditions").map(matchCondition)),
                      ],
                      ["action", action === undefined ? undefined : routingAction(action)],
                    ]),
              ],
            ]);
          }),
        ),
      ],
    ]),
  );
}

function segmentActions(args: Args): Map<string, unknown>[] {
  return objects(args, "segmentActions").map((a, i) => {
    const action = text(a.action);
    const shareWith = stringSet(a.shareWiths);
    const shareWithExcept = stringSet(a.shareWithExcepts);
    if (action === "share" && (shareWith === undefined) === (shareWithExcept === undefined)) {
      throw new PolicyDocumentError(
        `you must specify only 1 of "share_with" or "share_with_except". See segment_actions[${i}]`,
      );
    }
    if (action === "create-route" && text(a.mode) !== "") {
      throw new PolicyDocumentError(
        `you cannot specify "mode" if action = "create-route". See segment_actions[${i}]`,
      );
    }
    const share =
      action !== "share"
        ? undefined
        : shareWith !== undefined
          ? shareWith[0] === "*"
            ? "*"
            : shareWith
          : new Map([["except", shareWithExcept]]);
    const sendsVia = action === "send-via" || action === "send-to";
    const whenSentTo = sendsVia ? block(a, "whenSentTo") : undefined;
    // Written only with segments: the provider's marshaller drops an empty one.
    const sentTo = whenSentTo === undefined ? undefined : stringSet(whenSentTo.segments);
    const via = sendsVia ? block(a, "via") : undefined;
    const association =
      action === "associate-routing-policy" ? block(a, "edgeLocationAssociation") : undefined;
    return struct([
      ["action", action],
      ["segment", omitEmpty(text(a.segment))],
      ["mode", action === "share" || sendsVia ? omitEmpty(text(a.mode)) : undefined],
      ["share-with", share],
      [
        "destination-cidr-blocks",
        action === "create-route" ? stringSet(a.destinationCidrBlocks) : undefined,
      ],
      ["destinations", action === "create-route" ? stringSet(a.destinations) : undefined],
      ["description", action === "create-route" ? omitEmpty(text(a.description)) : undefined],
      [
        "when-sent-to",
        sentTo === undefined ? undefined : struct([["segments", sentTo[0] === "*" ? "*" : sentTo]]),
      ],
      [
        "via",
        via === undefined
          ? undefined
          : struct([
              ["network-function-groups", stringSet(via.networkFunctionGroups)],
              [
                "with-edge-overrides",
                omitNone(
                  objects(via, "withEdgeOverrides").map((o) =>
                    struct([
                      [
                        "edge-sets",
                        omitNone(
                          (Array.isArray(o.edgeSets) ? o.edgeSets : []).map((set) => [
                            ...new Set(Array.isArray(set) ? set.map(String) : []),
                          ]),
                        ),
                      ],
                      ["use-edge-location", omitEmpty(text(o.useEdgeLocation) || text(o.useEdge))],
                    ]),
                  ),
                ),
              ],
            ]),
      ],
      [
        "edge-location-association",
        association === undefined
          ? undefined
          : struct([
              ["edge-location", omitEmpty(text(association.edgeLocation))],
              ["peer-edge-location", omitEmpty(text(association.peerEdgeLocation))],
              ["routing-policy-names", stringSet(association.routingPolicyNames)],
            ]),
      ],
      ["routing-policy-names", action === "share" ? stringSet(a.routingPolicyNames) : undefined],
    ]);
  });
}

function attachmentPolicies(args: Args): Map<string, unknown>[] {
  const ruleNumber = once<number>("Rule Number");
  return objects(args, "attachmentPolicies").map((p) => {
    const rule = ruleNumber(integer(p.ruleNumber));
    const action = block(p, "action") ?? {};
    return struct([
      ["rule-number", omitZero(rule)],
      ["description", omitEmpty(text(p.description))],
      ["condition-logic", omitEmpty(text(p.conditionLogic))],
      [
        "conditions",
        objects(p, "conditions").map((c) =>
          struct([
            ["type", omitEmpty(text(c.type))],
            ["operator", omitEmpty(text(c.operator))],
            ["key", omitEmpty(text(c.key))],
            ["value", omitEmpty(text(c.value))],
          ]),
        ),
      ],
      [
        "action",
        struct([
          ["association-method", omitEmpty(text(action.associationMethod))],
          ["segment", omitEmpty(text(action.segment))],
          ["tag-value-of-key", omitEmpty(text(action.tagValueOfKey))],
          ["require-acceptance", flag(action.requireAcceptance, false) ? true : undefined],
          ["add-to-network-function-group", omitEmpty(text(action.addToNetworkFunctionGroup))],
        ]),
      ],
    ]);
  });
}

function attachmentRoutingPolicyRules(args: Args, version: string): Map<string, unknown>[] {
  return newerOnly(
    args,
    "attachmentRoutingPolicyRules",
    "attachment_routing_policy_rules",
    version,
  ).map((r) => {
    const action = block(r, "action");
    return struct([
      ["rule-number", omitZero(integer(r.ruleNumber))],
      ["description", omitEmpty(text(r.description))],
      ["edge-locations", stringSet(r.edgeLocations)],
      [
        "conditions",
        objects(r, "conditions").map((c) =>
          struct([
            ["type", omitEmpty(text(c.type))],
            ["value", omitEmpty(text(c.value))],
          ]),
        ),
      ],
      [
        "action",
        action === undefined
          ? null
          : struct([["associate-routing-policies", stringSet(action.associateRoutingPolicies)]]),
      ],
    ]);
  });
}

/** The invoke's answer: its arguments echoed, the document as `json`, and its ID. */
export function awsCoreNetworkPolicyDocument(args: Args): Record<string, unknown> {
  const version = text(args.version) || "2021.12";
  const document = struct([
    ["version", version],
    ["core-network-configuration", coreNetworkConfiguration(args)],
    ["segments", segments(args)],
    ["routing-policies", omitNone(routingPolicies(args, version))],
    ["network-function-groups", omitNone(networkFunctionGroups(args))],
    ["segment-actions", omitNone(segmentActions(args))],
    ["attachment-policies", omitNone(attachmentPolicies(args))],
    ["attachment-routing-policy-rules", omitNone(attachmentRoutingPolicyRules(args, version))],
  ]);
  const json = encode(document, "");
  return { ...args, version, json, id: String(crc32(json)) };
}

function networkFunctionGroups(args: Args): Map<string, unknown>[] {
  const name = once<string>("Name");
  return objects(args, "networkFunctionGroups").map((g) =>
    struct([
      ["name", name(text(g.name))],
      ["description", omitEmpty(text(g.description))],
      ["require-attachment-acceptance", flag(g.requireAttachmentAcceptance, false)],
    ]),
  );
}
