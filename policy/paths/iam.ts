/**
 * Who a resource grants access to: the ACLs and grantees that open a bucket to everyone, and the
 * resource policies (AWS IAM and Alibaba RAM documents on buckets, keys, access points) — their
 * statements, which of them make the resource public, and which networks a policy pins access to.
 * Public exposure and the border analysis read grants and policies through these, so a bucket is
 * public, or pinned to a network, in both or in neither.
 */
import { parseCidr } from "./addresses";
import { isUnknown } from "./values";

/** Canned ACLs under which everyone, or every account of the cloud, may read the objects. */
export const publicAcls: readonly string[] = [
  "public-read",
  "public-read-write",
  "authenticated-read",
];

const publicGroups = [
  "http://acs.amazonaws.com/groups/global/allusers",
  "http://acs.amazonaws.com/groups/global/authenticatedusers",
];

/** An S3 ACL grantee URI that names everyone or every AWS account (AllUsers, AuthenticatedUsers). */
export function isPublicGrantee(uri: unknown): boolean {
  return typeof uri === "string" && publicGroups.includes(uri.toLowerCase());
}

/** One condition entry: `"Condition": { operator: { key: values } }`, values always a list. */
export interface PolicyCondition {
  readonly operator: string;
  readonly key: string;
  readonly values: readonly unknown[];
}

export interface PolicyStatement {
  /** The statement's index in the document's `Statement` list (0 for a single statement). */
  readonly index: number;
  readonly effect: string | undefined;
  /** `Principal` names everyone: `"*"` anywhere in it (`"*"`, `["*"]`, `{ "AWS": "*" }`). */
  readonly everyone: boolean;
  /**
   * The statement names `NotPrincipal`: it applies to everyone but the principals listed —
   * anonymous users included, so an `Allow` of it is as public as one of `"*"`.
   */
  readonly allBut: boolean;
  readonly conditions: readonly PolicyCondition[];
}

/** An object of the document (not the marker of a value not known at preview). */
function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !isUnknown(v);
}

/**
 * The statements of a policy document held as JSON text or as an object; none when it is not a
 * document. Values not known at preview stay in the conditions as the unknown marker.
 */
export function statements(policy: unknown): PolicyStatement[] {
  let doc = policy;
  if (typeof doc === "string") {
    try {
      doc = JSON.parse(doc);
    } catch {
      return [];
    }
  }
  return [isRecord(doc) ? doc.Statement : undefined].flat().flatMap((s: unknown, index) =>
    isRecord(s)
      ? [
          {
            index,
            effect: typeof s.Effect === "string" ? s.Effect : undefined,
            everyone: namesEveryone(s.Principal),
            allBut: s.NotPrincipal !== undefined,
            conditions: conditionsOf(s.Condition),
          },
        ]
      : [],
  );
}

function namesEveryone(principal: unknown): boolean {
  return principal === "*" || (isRecord(principal) && Object.values(principal).some(namesEveryone));
}

function conditionsOf(condition: unknown): PolicyCondition[] {
  return Object.entries(isRecord(condition) ? condition : {}).flatMap(([operator, block]) =>
    Object.entries(isRecord(block) ? block : {}).map(([key, value]) => ({
      operator,
      key,
      values: Array.isArray(value) ? value : [value],
    })),
  );
}

/**
 * Condition keys that limit who may use a statement to something the stack's owner controls —
 * AWS's definition of a non-public bucket policy (S3 "The meaning of public"): a source address
 * range, a source ARN, VPC, VPC endpoint, owner or account, the KMS key of the request, a user
 * ID; plus the organisation and account keys and Alibaba's source address and VPC keys.
 */
const bindingKeys = new Set([
  "aws:sourceip",
  "aws:sourcearn",
  "aws:sourcevpc",
  "aws:sourcevpce",
  "aws:sourceowner",
  "aws:sourceaccount",
  "s3:x-amz-server-side-encryption-aws-kms-key-id",
  "aws:userid",
  "aws:principalorgid",
  "aws:principalaccount",
  "aws:resourceaccount",
  "kms:calleraccount",
  "acs:sourceip",
  "acs:sourcevpc",
  "acs:sourcevpcid",
]);

/**
 * Operators under which a request must carry one of the listed values. Negated operators
 * (`StringNotEquals`, `NotIpAddress`) admit every other value; `…IfExists` admits a request
 * without the key, as an anonymous request from the internet is; and so does `ForAllValues:`,
 * which is true when the request has no value for the key — none of those binds anyone.
 */
const bindingOperators = new Set([
  "StringEquals",
  "StringEqualsIgnoreCase",
  "StringLike",
  "ArnEquals",
  "ArnLike",
  "IpAddress",
]);

/**
 * Keys that fix where a statement's data goes rather than who asks: an SNS topic policy letting
 * anyone subscribe only the queue or function `sns:Endpoint` names (the policy the AWS console
 * writes for a queue's subscription) delivers the topic's messages to that endpoint alone. Such a
 * key binds only when every value is an ARN, which arn-locality places; an address (a URL, a
 * mailbox, a phone number) is a destination no one can place, and binds nothing.
 */
const endpointKeys = new Set(["sns:endpoint"]);

/** Keys whose values are source addresses: fixed unless one covers every address. */
const addressKeys = new Set(["aws:sourceip", "acs:sourceip"]);

/**
 * A value that names one thing: a string without the wildcards `*` and `?` (or a number, as an
 * account ID may be written), and for a source address a CIDR that is not the whole address
 * space. A value not known at preview cannot be shown to be one.
 */
function isFixed(key: string, value: unknown): boolean {
  if (endpointKeys.has(key)) {
    return typeof value === "string" && value.startsWith("arn:") && !/[*?]/.test(value);
  }
  if (addressKeys.has(key)) {
    const cidr = parseCidr(value);
    return cidr !== undefined && cidr[1] > 0;
  }
  return typeof value === "number"
    ? Number.isFinite(value)
    : typeof value === "string" && !/[*?]/.test(value);
}

/** Whether a condition entry limits the statement to fixed networks, addresses or accounts. */
function binds(c: PolicyCondition): boolean {
  const key = c.key.toLowerCase();
  return (
    bindingOperators.has(c.operator.replace(/^ForAnyValue:/, "")) &&
    (bindingKeys.has(key) || endpointKeys.has(key)) &&
    c.values.length > 0 &&
    c.values.every((v) => isFixed(key, v))
  );
}

/**
 * An `Allow` for everyone (or for everyone but the `NotPrincipal` list) that no condition entry
 * binds: anyone on the internet may use it.
 */
export function isPublic(s: PolicyStatement): boolean {
  return s.effect === "Allow" && (s.everyone || s.allBut) && !s.conditions.some(binds);
}

/**
 * Whether a policy document that holds values not known at preview may still allow everyone: a
 * statement whose Effect may be `Allow`, whose Principal may name everyone and that no known
 * condition binds (a condition value not known at preview binds nothing). Only `"*"` itself or an
 * `AWS` principal can name everyone: an unknown canonical user, service or federated principal
 * (a CloudFront origin access identity's canonical user ID) never does.
 */
export function mayBePublicDocument(doc: unknown): boolean {
  if (!isRecord(doc)) {
    return isUnknown(doc);
  }
  const list = doc.Statement;
  return isUnknown(list) || [list].flat().some(mayBePublicStatement);
}

/** The statement read at its most open: an unknown Effect as `Allow`, an unknown principal as everyone. */
function mayBePublicStatement(s: unknown, index: number): boolean {
  if (!isRecord(s)) {
    return isUnknown(s);
  }
  return isPublic({
    index,
    effect: isUnknown(s.Effect) ? "Allow" : typeof s.Effect === "string" ? s.Effect : undefined,
    everyone: mayNameEveryone(s.Principal),
    allBut: s.NotPrincipal !== undefined,
    conditions: conditionsOf(s.Condition),
  });
}

function mayNameEveryone(principal: unknown): boolean {
  if (isUnknown(principal) || principal === "*") {
    return true;
  }
  if (Array.isArray(principal)) {
    return principal.some(mayNameEveryone);
  }
  if (!isRecord(principal)) {
    return false;
  }
  return Object.entries(principal).some(([key, value]) =>
    key === "AWS" ? [value].flat().some((v) => isUnknown(v) || v === "*") : namesEveryone(value),
  );
}

/**
 * The VPCs and VPC endpoints a policy pins access to: the values of `SourceVpc` and `SourceVpce`
 * keys in its `Deny` statements (deny unless from them). An `Allow` naming a network only adds
 * access for it, and the resource stays readable wherever credentials reach it.
 */
export function networkPins(list: readonly PolicyStatement[]): {
  vpcs: string[];
  endpoints: string[];
} {
  const vpcs = new Set<string>();
  const endpoints = new Set<string>();
  for (const c of list.filter((s) => s.effect === "Deny").flatMap((s) => s.conditions)) {
    const into = /:SourceVpce$/i.test(c.key)
      ? endpoints
      : /:SourceVpc$/i.test(c.key)
        ? vpcs
        : undefined;
    for (const v of c.values) {
      into?.add(String(v));
    }
  }
  return { vpcs: [...vpcs], endpoints: [...endpoints] };
}
