/**
 * Resource policies and grants: who a resource's own policy document, permission or share lets
 * read or use it. A topic, queue, key, secret, repository, table, vault, domain or function that
 * grants everyone can be read from anywhere — `public-exposure`, mandatory. A grant to another
 * account (or every account of an organisation) keeps the data where it lies, but hands it to
 * credentials the stack does not control — `cross-account-links`, hardening like a peering with
 * another account: advisory, mandatory in strict posture. Services acting for the stack, and the
 * stack's own account (its provider's `allowedAccountIds` / `accountId`), are granted nothing
 * either policy reports. Documents are read as shared/research/data-paths.md §3 and §4 "Object
 * storage" read bucket policies — `"*"` with Allow and no binding condition is public, a foreign
 * account principal is cross-account — for every type whose policy grants in the same language.
 *
 * These are rows of the exposure table. Each place a row holds grants is two `grants` fields
 * with one reader: both policies read the grantees it yields, so a statement is public, or
 * another account's, in both or in neither. The graph draws each reported grant as an edge from
 * the resource — to the public internet, or to the account it names — tagged with its policy.
 */
import type { FieldSpec, Grantee, TypeModel, TypeTable } from "../model";
import { isPublic, type PolicyStatement, statements } from "../iam";
import { isUnknown, jsonDocument, str, unknown, valueAt, valuesAt } from "../values";
import { apiEdgeReach, withGlobal } from "./global-reach";
import { openApiIntegrations, openApiOpenOperations, pushFix } from "./log-readers";
import { alibabaResolvers } from "./common";
import { edgesOf, exposed, withPolicyFields } from "./rows";
import { arnPartition } from "../../../residency/placement";
import { isElbLogDeliveryAccount } from "../../../residency/service-accounts";

/** A reader of the grants a resource holds. */
type Reader = (props: Record<string, unknown>) => Grantee[];

/**
 * The fields of one place a row holds grants (`path`, read by `grants`): public-exposure takes
 * everyone, cross-account-links other accounts (`verb`: "…, but <path> <verb> <account>.").
 */
function grantFields(path: string, grants: Reader, verb = "grants access to"): FieldSpec[] {
  const read = grants as NonNullable<FieldSpec["grants"]>;
  return [
    {
      path,
      format: "grants",
      label: "public access",
      policy: "public-exposure",
      verb: "",
      grants: read,
    },
    {
      path,
      format: "grants",
      label: "readable from",
      policy: "cross-account-links",
      verb,
      grants: read,
    },
  ];
}

/** cross-account-links' field alone of `grantFields`, for a row whose public grants another field judges. */
function accountField(path: string, grants: Reader, verb?: string): FieldSpec {
  return grantFields(path, grants, verb)[1];
}

/** A row of grant fields: `fix` stops granting everyone, `accountFix` other accounts. */
function grantRow(fix: string, fields: FieldSpec[], accountFix = accountGrantFix): TypeModel {
  return {
    role: "other",
    fields,
    fix: { "public-exposure": fix, "cross-account-links": accountFix },
  };
}

/** A row whose grants only code reads (`path`: the property they start from). */
function custom(row: {
  readonly path: string;
  readonly grants: Reader;
  readonly fix: string;
  readonly verb?: string;
  readonly accountFix?: string;
}): TypeModel {
  return grantRow(row.fix, grantFields(row.path, row.grants, row.verb), row.accountFix);
}

const documentFix =
  'Name principals of this account or AWS services instead of "*", or bind "*" with a condition on this account or the stack\'s VPC endpoint (aws:SourceAccount, aws:SourceVpce).';

/** What cross-account-links asks of every grant. */
export const accountGrantFix =
  "Grant access only to the account the stack's provider is pinned to (allowedAccountIds / accountId) and to AWS services acting for it, or pin the provider to that account so the pack can tell.";

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !isUnknown(v);
}

const organizationArn = /^arn:[\w-]+:organizations::[^:]*:(?:organization|ou)\/(.+)$/;
const anyArn = /^arn:[\w-]+:[^:]*:[^:]*:([^:]*):/;
/** `sns.amazonaws.com`, `logs.cn-north-1.amazonaws.com.cn`, `delivery.logs.amazonaws.com`. */
const servicePrincipal = /\.amazonaws\.com(\.cn)?$|\.amazon\.com$/i;

/** An OpenSearch Serverless SAML principal: `saml/<account>/<provider>/user/<name>`. */
const samlPrincipal = /^saml\/(\d{12})\//;
/** Lake Formation's name for the IAM principals of the catalog's own account. */
const ownAccountGroups = new Set(["IAM_ALLOWED_PRINCIPALS"]);

/**
 * Who a principal names: an account (its ID, or the account of an ARN or SAML principal), every
 * account of an organisation or OU, or — for a service principal, the account's own IAM
 * principals or Elastic Load Balancing's log-delivery account of a region — no one outside the
 * stack. A value the pack cannot read an account from stays as
 * written and cannot be shown to be the stack's own.
 */
function principalGrantee(path: string, value: unknown): Grantee[] {
  if (isUnknown(value)) {
    return [{ kind: "unknown", path }];
  }
  const text = typeof value === "number" ? String(value) : value;
  if (typeof text !== "string") {
    // `JSON.stringify` of a Promise or an Output writes `{}` into the document (found by the
    // sharing bench, in a registry example): say what it is.
    const empty = isRecord(text) && Object.keys(text).length === 0;
    return [
      {
        kind: "account",
        path,
        account: empty
          ? "{} (a Promise or an Output written into the document before it resolved, which AWS refuses as a principal)"
          : JSON.stringify(text),
      },
    ];
  }
  const org = organizationArn.exec(text)?.[1] ?? (/^o-[a-z0-9]+$/.test(text) ? text : undefined);
  if (org !== undefined) {
    return [{ kind: "organization", path, id: org }];
  }
  if (servicePrincipal.test(text) || ownAccountGroups.has(text)) {
    return [];
  }
  // Lake Formation's `<account>:IAMPrincipals`: every IAM principal of that account (found by
  // the sharing bench: read as an account of that literal name).
  const account =
    anyArn.exec(text)?.[1] ||
    samlPrincipal.exec(text)?.[1] ||
    /^(\d{12}):IAMPrincipals$/.exec(text)?.[1] ||
    text;
  // Elastic Load Balancing's log-delivery account writes the region's access logs in; a
  // CloudFront origin access identity (`arn:<partition>:iam::cloudfront:user/…`) is CloudFront
  // reading for the stack's own distribution (arn-locality judges its partition).
  if (isElbLogDeliveryAccount(account) || account === "cloudfront") {
    return [];
  }
  const partition = arnPartition(text);
  return [
    partition === undefined
      ? { kind: "account", path, account }
      : { kind: "account", path, account, partition },
  ];
}

/** The identity providers a statement trusts (`{ Federated: … }`, one or a list). */
function federatedPrincipals(principal: unknown): unknown[] {
  return isRecord(principal) ? [principal.Federated].flat().filter((p) => p !== undefined) : [];
}

/** A provider ARN (`arn:<partition>:iam::<account>:oidc-provider/<host>` or `saml-provider/…`). */
const providerArn =
  /^(?:arn:[^:]+:iam::\d{12}|acs:ram::\d+):(?:oidc-provider|saml-provider)\/(.+)$/;

/**
 * Whom a federated principal lets assume a role: the identities of the web identity or SAML
 * provider it names. Cognito identity pools are an AWS service vending the stack's own pools'
 * credentials, so they grant no one outside it.
 */
function federatedGrantee(path: string, value: unknown): Grantee[] {
  if (isUnknown(value)) {
    return [{ kind: "unknown", path }];
  }
  if (typeof value !== "string" || value === "cognito-identity.amazonaws.com") {
    return [];
  }
  return [{ kind: "identity-provider", path, provider: providerArn.exec(value)?.[1] ?? value }];
}

/**
 * Whom a role's trust policy lets assume the role. A trust not known at preview — computed from
 * outputs of resources not yet created, as a Kubernetes service account's trust of its cluster's
 * OIDC issuer is — is not judged public: the role holds no data, and the statement that names
 * everyone would have to be written as a known "*" (judged) or built from a value the pack cannot
 * read. It is cross-account-links' to report, as who may assume the role stays undecided.
 */
function roleTrust(read: Reader): Reader {
  return (props) =>
    read(props).map((g) =>
      g.kind === "unknown"
        ? {
            kind: "undecided",
            path: g.path,
            place:
              "principals not known at preview (who may assume the role is decided at deployment)",
          }
        : g,
    );
}

const roleFix =
  'Trust only principals of this account and services, not "*" (or bind it with a condition on this account).';
const roleAccountFix =
  "Trust only principals of the account the stack's provider is pinned to and the cloud's services; where an identity provider's users must assume the role (CI workflows, a directory), bind the trust to the exact subjects and audience and grant the role only what they need.";

/** A role row: the trust policy at each of `paths` is a grant (see `roleTrust`). */
function role(read: (path: string) => Reader, ...paths: string[]): TypeModel {
  return grantRow(
    roleFix,
    paths.flatMap((path) => grantFields(path, roleTrust(read(path)), "trusts")),
    roleAccountFix,
  );
}

/** The statements of a document as written, indexed as `statements()` indexes them. */
function rawStatements(doc: unknown): unknown[] {
  return [isRecord(doc) ? doc.Statement : undefined].flat();
}

/** The AWS principals a statement names (`"123…"`, `{ AWS: [...] }`); services are not. */
function awsPrincipals(principal: unknown): unknown[] {
  if (typeof principal === "string") {
    return [principal];
  }
  return isRecord(principal) ? [principal.AWS].flat().filter((p) => p !== undefined) : [];
}

/** Condition keys whose values name the account or organisation a statement is bound to. */
const accountKeys = new Set([
  "aws:sourceaccount",
  "aws:sourceowner",
  "aws:principalaccount",
  "kms:calleraccount",
]);
const arnKeys = new Set(["aws:sourcearn", "aws:principalarn"]);

/** The accounts and organisations that bind a statement for everyone to them. */
function boundGrantees(s: PolicyStatement, at: string): Grantee[] {
  return s.conditions
    .filter((c) => !/Not|IfExists$/.test(c.operator))
    .flatMap((c) => {
      const key = c.key.toLowerCase();
      const path = `${at}.Condition.${c.operator}.${c.key}`;
      if (key === "aws:principalorgid") {
        return c.values.map((v): Grantee => ({ kind: "organization", path, id: String(v) }));
      }
      if (accountKeys.has(key)) {
        return c.values.map((v): Grantee => ({ kind: "account", path, account: String(v) }));
      }
      if (arnKeys.has(key)) {
        // An ARN without an account (an S3 bucket's) binds to a resource, not to an account.
        return c.values.flatMap((v): Grantee[] => {
          const account = typeof v === "string" ? anyArn.exec(v)?.[1] : undefined;
          return account ? [{ kind: "account", path, account }] : [];
        });
      }
      return [];
    });
}

/** No document at the path. */
const none = Symbol("no document");

/**
 * The policy document at `path`, parsed: `none` when the resource sets none, `unknown` when it is
 * not known at preview (the grantee then cannot be decided).
 */
function documentAt(props: Record<string, unknown>, path: string): unknown {
  const raw = valueAt(props, path);
  if (raw === undefined || raw === null || raw === "") {
    return none;
  }
  const doc = jsonDocument(raw);
  return raw === unknown || doc === unknown ? unknown : doc;
}
/**
 * The grantees `read` finds in the policy document at `path`: none when the resource sets no
 * document, one that cannot be decided when it is not known at preview.
 */
function fromDocument(
  path: string,
  read: (doc: unknown) => Grantee[],
): (props: Record<string, unknown>) => Grantee[] {
  return (props) => {
    const doc = documentAt(props, path);
    if (doc === none) {
      return [];
    }
    return doc === unknown ? [{ kind: "unknown", path }] : read(doc);
  };
}

/**
 * The grantees of a policy document: everyone for an `Allow` of `"*"` (or of everyone but the
 * `NotPrincipal` list) that no condition binds; otherwise the accounts and organisations its
 * principals and binding conditions name. `Deny` statements grant nothing.
 */
function documentGrantees(path: string) {
  return fromDocument(path, (doc) => {
    const written = rawStatements(doc);
    return statements(doc)
      .filter((s) => s.effect === "Allow")
      .flatMap((s): Grantee[] => {
        const at = `${path}.Statement[${s.index}]`;
        const r = written[s.index] as Record<string, unknown>;
        const allBut = r.NotPrincipal !== undefined;
        if (isPublic({ ...s, everyone: s.everyone || allBut })) {
          return [
            {
              kind: "everyone",
              path: at,
              what: allBut
                ? "allows everyone but the principals NotPrincipal names, and no condition limits it to named networks, addresses, accounts or organisations: anyone on the internet can use it"
                : 'allows Principal "*" and no condition limits it to named networks, addresses, accounts or organisations: anyone on the internet can use it',
            },
          ];
        }
        return [
          ...boundGrantees(s, at),
          ...awsPrincipals(r.Principal)
            .filter((p) => p !== "*")
            .flatMap((p) => principalGrantee(`${at}.Principal`, p)),
          ...federatedPrincipals(r.Principal).flatMap((p) =>
            federatedGrantee(`${at}.Principal.Federated`, p),
          ),
        ];
      });
  });
}

/**
 * cross-account-links' field alone over the AWS policy document at `path`, for a row whose
 * public grants another field judges (a bucket's, whose public-access blocks gate them).
 */
export function accountGrants(path: string): FieldSpec {
  return accountField(path, documentGrantees(path));
}

/**
 * cross-account-links' field alone over the e-mail grantees of an S3 ACL at `path`
 * (`AmazonCustomerByEmail`): S3 gives the grant to the AWS account the address is registered to,
 * which the pack cannot tell from another account, so every one is reported. A grantee group
 * (`uri`) is public-exposure's, a canonical user ID names no account the pack can read. An address
 * not known at preview is left unjudged: it can name no one but an account.
 */
export function emailGrants(path: string): FieldSpec {
  return accountField(
    path,
    (props) =>
      valuesAt(props, path).flatMap((f): Grantee[] =>
        typeof f.value === "string" && f.value !== ""
          ? [{ kind: "account", path: f.path, account: `registered to ${f.value}` }]
          : [],
      ),
    "grants access to the",
  );
}

/**
 * Whom a VPC endpoint service lets connect endpoints to it (`allowedPrincipals`, ARNs): the account
 * of each principal, or — for `"*"` — every AWS account. Without acceptanceRequired their
 * endpoints are connected at once, so `"*"` is public, as a layer or Lambda permission for `"*"`
 * is; with it, each connection waits for the service's owner to accept it, so `"*"` names the
 * accounts the owner will accept, which the pack cannot tell. A principal not known at preview
 * (a role the program creates) can name no one but an account: whose is decided at deployment.
 */
/** A principal not known at preview, in a finding's words. */
const unknownPrincipal =
  "a principal not known at preview (whose account it is is decided at deployment)";

function endpointServicePrincipals(props: Record<string, unknown>): Grantee[] {
  return valuesAt(props, "allowedPrincipals[]").flatMap((f): Grantee[] => {
    if (isUnknown(f.value)) {
      return [
        {
          kind: "undecided",
          path: f.path,
          place: unknownPrincipal,
        },
      ];
    }
    if (f.value !== "*") {
      return principalGrantee(f.path, f.value);
    }
    return valueAt(props, "acceptanceRequired") === true
      ? [
          {
            kind: "undecided",
            path: f.path,
            place:
              "every AWS account whose connection the service's owner accepts (the pack cannot tell which)",
          },
        ]
      : [
          {
            kind: "everyone",
            path: f.path,
            what: 'is "*" and acceptanceRequired is off: any AWS account can connect an endpoint and reach what the service serves',
          },
        ];
  });
}

/**
 * The fields of a VPC endpoint service's allowed principals: public-exposure takes `"*"` that no
 * acceptance guards, cross-account-links every other account.
 */
export const endpointServiceGrants: FieldSpec[] = grantFields(
  "allowedPrincipals[]",
  endpointServicePrincipals,
  "lets connect endpoints from",
);

/**
 * A principal a VPC endpoint service allows as a resource of its own (the way the provider's
 * documentation recommends): as the service's own `allowedPrincipals` entry, but whether the
 * service requires acceptance is the service's setting, which this resource does not show, so
 * `"*"` is read as open to every account (found by the sharing bench: it passed unseen).
 */
function allowedPrincipal(props: Record<string, unknown>): Grantee[] {
  const principal = props.principalArn;
  if (isUnknown(principal)) {
    // As the service's own list reads a principal not known at preview.
    return [{ kind: "undecided", path: "principalArn", place: unknownPrincipal }];
  }
  if (principal !== "*") {
    return principalGrantee("principalArn", principal);
  }
  return [
    {
      kind: "everyone",
      path: "principalArn",
      what: 'is "*": any AWS account can connect an endpoint and reach what the service serves, unless the endpoint service requires acceptance (its acceptanceRequired, which the pack cannot see from this resource)',
    },
  ];
}

/** An Alibaba Cloud account a PrivateLink endpoint service lets connect endpoints (its `userId`). */
function endpointServiceUser(props: Record<string, unknown>): Grantee[] {
  return alibabaGrantees("userId", props.userId);
}

/**
 * A statement an EventBridge permission adds to its bus's policy: its `principal` may put events
 * on the bus — `"*"` anyone on the internet (narrowed to an organisation by its `condition`), as
 * the same statement written in an EventBusPolicy is (found by the sharing bench: the two gave
 * opposite verdicts).
 */
function eventPermission(props: Record<string, unknown>): Grantee[] {
  const principal = props.principal;
  if (principal !== "*") {
    return principalGrantee("principal", principal);
  }
  const org = valueAt(props, "condition.value");
  if (valueAt(props, "condition.key") === "aws:PrincipalOrgID" && org !== undefined) {
    return principalGrantee("condition.value", org);
  }
  return [
    {
      kind: "everyone",
      path: "principal",
      what: 'is "*": anyone on the internet can put events on the bus',
    },
  ];
}

/** What cross-account-links asks of an S3 ACL that grants by e-mail. */
export const emailGrantFix =
  "Grant ACL permissions by the canonical user ID of the stack's own account, or not at all: S3 gives a grant by e-mail address to whichever AWS account the address is registered to.";

function document(path: string, fix = documentFix): TypeModel {
  return grantRow(fix, grantFields(path, documentGrantees(path)));
}

/**
 * A Redshift Serverless resource policy at `path`: it shares a snapshot, the only resource the
 * service takes a policy on. An account it grants can restore the snapshot's data into a
 * namespace of its own and copy it anywhere — a share, backup-copies' as an RDS snapshot's
 * `sharedAccounts` is, not a grant to advise on; `"*"` makes the snapshot public.
 */
function snapshotShare(path: string): TypeModel {
  const [everyone, accounts] = grantFields(
    path,
    documentGrantees(path),
    "shares the snapshot with",
  );
  return {
    role: "other",
    fields: [everyone, { ...accounts, policy: "backup-copies", label: "snapshot copy" }],
    fix: {
      "public-exposure": documentFix,
      "backup-copies":
        "Share the snapshot only with this stack's own account (pin it on the provider), or remove the account from the policy.",
    },
  };
}

/**
 * A VPC Lattice auth or resource policy at `path`: its "*" admits the callers of every VPC the
 * service network is associated with, or every account it is shared to — all in the network's
 * region, none on the internet — so it is cross-account-links' grant to every account the network
 * reaches, not public exposure.
 */
function latticeDocument(path: string): TypeModel {
  const read = documentGrantees(path);
  const grantees = (props: Record<string, unknown>): Grantee[] =>
    read(props).map((g) =>
      g.kind === "everyone"
        ? {
            kind: "reachable",
            path: g.path,
            place:
              "every account whose VPCs reach the service network (in its region; the pack cannot tell which)",
            what: `${g.what.includes("NotPrincipal") ? "allows everyone but the principals NotPrincipal names," : 'allows Principal "*"'} and no condition limits it to named accounts or organisations: every caller in a VPC the service network is associated with or shared to can use it`,
          }
        : g,
    );
  return grantRow(documentFix, grantFields(path, grantees));
}

/** Principals at `paths` (each one or a list): accounts, organisations, or services. */
function principalsAt(...paths: string[]) {
  return (props: Record<string, unknown>): Grantee[] =>
    paths.flatMap((path) =>
      valuesAt(props, path).flatMap((f): Grantee[] =>
        // These fields name accounts, organisations and their principals, never everyone: one
        // not known at preview is an account decided at deployment, not a grant that may be
        // public (found by the sharing bench: a RAM share to another stack's account was
        // judged public exposure, an endpoint service's principal an undecided grant).
        isUnknown(f.value)
          ? [
              {
                kind: "undecided",
                path: f.path,
                place: "an account not known at preview (which one is decided at deployment)",
              },
            ]
          : principalGrantee(f.path, f.value),
      ),
    );
}

function principals(fix: string, ...paths: string[]): TypeModel {
  return grantRow(
    fix,
    paths.flatMap((path) => grantFields(path, principalsAt(path))),
  );
}

/**
 * `model` with the principals at `paths` as its grants, read as a `principals` row's are: a row of
 * another domain whose resource also hands its data to the principals it names (a catalog
 * database's default permissions on the tables created in it).
 */
export function withPrincipals(model: TypeModel, ...paths: string[]): TypeModel {
  const fields = paths.flatMap((path) => grantFields(path, principalsAt(path)));
  const of = (policy: FieldSpec["policy"]) => fields.filter((f) => f.policy === policy);
  return withPolicyFields(
    withPolicyFields(model, "public-exposure", shareFix, ...of("public-exposure")),
    "cross-account-links",
    accountGrantFix,
    ...of("cross-account-links"),
  );
}

/** A JSON list document at `path` (OpenSearch Serverless policies), or why it cannot be read. */
function listDocument(
  props: Record<string, unknown>,
  path: string,
): { rules: unknown[] } | { unknown: Grantee[] } {
  const raw = valueAt(props, path);
  const doc = raw === undefined ? undefined : jsonDocument(raw);
  if (raw === unknown || doc === unknown) {
    return { unknown: [{ kind: "unknown", path }] };
  }
  return { rules: doc === undefined ? [] : [doc].flat() };
}

/**
 * An OpenSearch Serverless network policy: a rule with `AllowFromPublic` lets anyone on the
 * internet reach the collections and dashboards it names. Encryption policies grant nothing.
 */
function serverlessNetworkPolicy(props: Record<string, unknown>): Grantee[] {
  if (str(valueAt(props, "type"))?.toLowerCase() === "encryption") {
    return [];
  }
  const doc = listDocument(props, "policy");
  return "unknown" in doc
    ? doc.unknown
    : doc.rules.flatMap((rule, i): Grantee[] =>
        isRecord(rule) && rule.AllowFromPublic === true
          ? [
              {
                kind: "everyone",
                path: `policy[${i}].AllowFromPublic`,
                what: "is true: the collections and dashboards the rule names answer anyone on the internet",
              },
            ]
          : [],
      );
}

/** An OpenSearch Serverless data access policy: the principals of each rule. */
function serverlessAccessPolicy(props: Record<string, unknown>): Grantee[] {
  const doc = listDocument(props, "policy");
  return "unknown" in doc
    ? doc.unknown
    : doc.rules.flatMap((rule, i) =>
        isRecord(rule)
          ? [rule.Principal]
              .flat()
              .filter((p) => p !== undefined)
              .flatMap((p, j) => principalGrantee(`policy[${i}].Principal[${j}]`, p))
          : [],
      );
}

/**
 * An FSx S3 access point: without a VPC configuration it answers from the internet, so its
 * policy for everyone opens the file system (as an S3 access point's does).
 */
function fsxAccessPoint(props: Record<string, unknown>): Grantee[] {
  const grantees = documentGrantees("s3AccessPoint.policy")(props);
  return valueAt(props, "s3AccessPoint.vpcConfiguration") === undefined
    ? grantees
    : grantees.filter((g) => g.kind !== "everyone");
}

/**
 * What a Lambda permission's sourceAccount or sourceArn does for the account it names: the
 * service principal may invoke the function for that account's resources (an S3 bucket's
 * events, an EventBridge rule's), which hands their data to the function; it grants the account
 * itself nothing.
 */
const sourceVerb = "lets the service invoke the function for the resources of";

/**
 * A Lambda permission: `"*"` lets anyone invoke the function unless a source ARN, source account
 * or organisation binds it; an unauthenticated function URL (`functionUrlAuthType: NONE`) lets
 * anyone on the internet call it whoever the principal is.
 */
function lambdaPermission(props: Record<string, unknown>): Grantee[] {
  const out: Grantee[] = [];
  const auth = valueAt(props, "functionUrlAuthType");
  if (isUnknown(auth)) {
    out.push({ kind: "unknown", path: "functionUrlAuthType" });
  } else if (str(auth)?.toUpperCase() === "NONE") {
    out.push({
      kind: "everyone",
      path: "functionUrlAuthType",
      what: 'is "NONE": anyone on the internet can call the function URL without signing in',
    });
  }
  const principal = valueAt(props, "principal");
  const bindings = ["sourceArn", "sourceAccount", "principalOrgId"].filter(
    (p) => valueAt(props, p) !== undefined,
  );
  if (principal === "*" && bindings.length === 0 && out.length === 0) {
    out.push({
      kind: "everyone",
      path: "principal",
      what: 'is "*" and neither sourceArn, sourceAccount nor principalOrgId binds it: any AWS account can invoke the function',
    });
  } else if (principal !== "*" && principal !== undefined) {
    out.push(...principalGrantee("principal", principal));
  }
  // A binding not known at preview (the execution ARN of an API the program creates) still
  // binds: whose it is cannot be told yet, and that is hardening, so it is left unjudged.
  const bound = (path: string, toGrantee: (v: unknown) => Grantee[]) => {
    const v = valueAt(props, path);
    return v === undefined || isUnknown(v) ? [] : toGrantee(v);
  };
  out.push(
    ...bound("sourceAccount", (v) => [
      { kind: "account", path: "sourceAccount", account: String(v), verb: sourceVerb },
    ]),
    ...bound("principalOrgId", (v) => [
      { kind: "organization", path: "principalOrgId", id: String(v) },
    ]),
    ...bound("sourceArn", (v) => {
      const account = typeof v === "string" ? anyArn.exec(v)?.[1] : undefined;
      return account ? [{ kind: "account", path: "sourceArn", account, verb: sourceVerb }] : [];
    }),
  );
  return out;
}

/** A layer shared with `"*"` is public unless `organizationId` narrows it to an organisation. */
function layerPermission(props: Record<string, unknown>): Grantee[] {
  const principal = valueAt(props, "principal");
  const org = valueAt(props, "organizationId");
  if (principal === undefined) {
    return [];
  }
  if (principal !== "*") {
    return principalGrantee("principal", principal);
  }
  if (org === undefined) {
    return [
      {
        kind: "everyone",
        path: "principal",
        what: 'is "*" without an organizationId: every AWS account can download the layer',
      },
    ];
  }
  return isUnknown(org)
    ? [{ kind: "unknown", path: "organizationId" }]
    : [{ kind: "organization", path: "organizationId", id: String(org) }];
}

/** A Redshift datashare is authorised to an account, or offered on AWS Data Exchange (`ADX`). */
function dataShareConsumer(props: Record<string, unknown>): Grantee[] {
  const v = valueAt(props, "consumerIdentifier");
  return str(v)?.toUpperCase() === "ADX"
    ? [
        {
          kind: "everyone",
          path: "consumerIdentifier",
          what: 'is "ADX": the datashare is offered on AWS Data Exchange to any account that subscribes',
        },
      ]
    : v === undefined
      ? []
      : principalGrantee("consumerIdentifier", v);
}

/**
 * A Redshift namespace registered with the AWS Glue Data Catalog of an account
 * (`DataCatalog/<account>`): that account's Lake Formation then grants its principals the data.
 */
function catalogConsumer(props: Record<string, unknown>): Grantee[] {
  const v = valueAt(props, "consumerIdentifier");
  if (v === undefined) {
    return [];
  }
  const account = /^DataCatalog\/(\d{12})$/i.exec(String(v))?.[1];
  return account === undefined
    ? principalGrantee("consumerIdentifier", v)
    : [{ kind: "account", path: "consumerIdentifier", account }];
}

const shareFix = "Share with no one outside the stack's account.";

/** An Alibaba Cloud resource directory, folder or root: `rd-…`, `fd-…`, `r-…`. */
const alibabaDirectory = /^(?:rd|fd|r)-[a-z0-9]+$/i;

/**
 * An Alibaba Cloud grantee: an account UID (Alibaba takes some as numbers, or several as one
 * comma-separated string), an email that names an account (a resource directory invitation), or
 * a resource directory or folder, whose member accounts the pack cannot list. A UID not known at
 * preview (a member account the program creates, another stack's output) names no one but an
 * account, never everyone: an undecided grant, as an AWS account field's (the sharing bench).
 */
function alibabaGrantees(path: string, value: unknown): Grantee[] {
  if (isUnknown(value)) {
    return [
      {
        kind: "undecided",
        path,
        place: "an account not known at preview (which one is decided at deployment)",
      },
    ];
  }
  if (value === undefined || value === null || value === "") {
    return [];
  }
  const text = typeof value === "number" ? String(value) : value;
  if (typeof text !== "string") {
    return [{ kind: "account", path, account: JSON.stringify(text) }];
  }
  return text
    .split(",")
    .map((t) => t.trim())
    .filter((t) => t !== "")
    .map((t): Grantee =>
      alibabaDirectory.test(t)
        ? { kind: "organization", path, id: t }
        : { kind: "account", path, account: t },
    );
}

export const alibabaAccountFix =
  "Grant access only to the account the stack's provider is pinned to (accountId), or pin the provider to that account so the pack can tell.";

/**
 * Account fields of an Alibaba Cloud type that hand its resources, its administration or the
 * data it collects to other accounts (`verb` says which).
 */
function alibabaAccounts(verb: string, ...paths: string[]): TypeModel {
  return grantRow(
    shareFix,
    paths.flatMap((path) =>
      grantFields(
        path,
        (props) => valuesAt(props, path).flatMap((f) => alibabaGrantees(f.path, f.value)),
        verb,
      ),
    ),
    alibabaAccountFix,
  );
}

/**
 * A RAM principal: `acs:ram::<uid>:*`, `acs:ram::<uid>:role/<name>`, `acs:ram::<uid>:user/<name>`,
 * or an STS session of a role an OSS bucket policy names, `arn:sts::<uid>:assumed-role/<role>/<session>`.
 */
const ramPrincipal = /^(?:acs:ram|arn:sts|acs:sts)::(\d+):/;

/**
 * An Alibaba Cloud resource policy document (a KMS secret's, key's, Log Service project's or OSS
 * bucket's, a RAM role's trust): each `Allow` statement grants the accounts of its `Principal.RAM`
 * entries — or, as an OSS bucket policy names them, of a `Principal` list of account UIDs and RAM
 * or STS ARNs — or everyone for `"*"`. Service principals are not accounts; `Deny` statements
 * grant nothing. A bare UID in an OSS bucket policy may be a RAM user's of the stack's own account,
 * which the pack cannot tell from another account's UID: it is read as an account.
 */
function ramDocumentGrantees(path: string) {
  return fromDocument(path, (doc) => {
    return rawStatements(doc).flatMap((s, i): Grantee[] => {
      if (!isRecord(s) || s.Effect !== "Allow") {
        return [];
      }
      const at = `${path}.Statement[${i}].Principal`;
      const principal = s.Principal;
      const ram =
        typeof principal === "string" || typeof principal === "number" || Array.isArray(principal)
          ? [principal].flat()
          : isRecord(principal)
            ? [principal.RAM].flat().filter((p) => p !== undefined)
            : [];
      const federated = isRecord(principal)
        ? [principal.Federated].flat().filter((p) => p !== undefined)
        : [];
      return [
        ...ram.flatMap((p): Grantee[] =>
          p === "*"
            ? [
                {
                  kind: "everyone",
                  path: at,
                  what: 'is "*": any Alibaba Cloud account can use it',
                },
              ]
            : alibabaGrantees(at, typeof p === "string" ? (ramPrincipal.exec(p)?.[1] ?? p) : p),
        ),
        ...federated.flatMap((p) => federatedGrantee(`${at}.Federated`, p)),
      ];
    });
  });
}

/**
 * cross-account-links' field alone over the RAM policy document at `path`, for a row whose
 * public grants another field judges (a KMS key's, Log Service project's or OSS bucket's, whose
 * `"*"` a condition on the source VPC or address may bind).
 */
export function ramAccountGrants(path: string): FieldSpec {
  return accountField(path, ramDocumentGrantees(path));
}

/**
 * Alibaba Cloud grants by account UID. A KMS secret's policy lets RAM principals of the
 * accounts it names read the secret; Cloud SSO assignments give the directory's users a role in
 * the member account named; a delegated administrator runs a trusted service for the whole
 * resource directory; handshakes invite accounts into it; resource shares hand resources to other
 * accounts; stack instances deploy a stack group's templates into them; an aggregator, a
 * multi-account delivery channel, a log audit, a monitor account list, a firewall member and a
 * hybrid monitoring task collect other accounts' configuration, logs, metrics or traffic into
 * this one; an ENI permission lets another account attach the stack's network interface; an
 * API Gateway instance admits calls from another account's VPC.
 */
const alibabaGrants: TypeTable = {
  "alicloud:kms/secret:Secret": custom({
    path: "policy",
    grants: ramDocumentGrantees("policy"),
    fix: 'Name RAM principals of this account instead of "*".',
    verb: "grants access to",
    accountFix: alibabaAccountFix,
  }),
  "alicloud:cloudsso/accessManagement:AccessManagement": alibabaAccounts(
    "gives the directory's users access to",
    "targetId",
  ),
  "alicloud:cloudsso/accessConfigurationProvisioning:AccessConfigurationProvisioning":
    alibabaAccounts("provisions an access configuration in", "targetId"),
  "alicloud:cloudsso/userProvisioning:UserProvisioning": alibabaAccounts(
    "provisions the directory's users in",
    "targetId",
  ),
  "alicloud:cloudsso/delegateAccount:DelegateAccount": alibabaAccounts(
    "hands the administration of Cloud SSO to",
    "accountId",
  ),
  "alicloud:resourcemanager/delegatedAdministrator:DelegatedAdministrator": alibabaAccounts(
    "hands the administration of a trusted service to",
    "accountId",
  ),
  "alicloud:resourcemanager/handshake:Handshake": alibabaAccounts(
    "invites into the resource directory",
    "targetEntity",
  ),
  "alicloud:resourcemanager/resourceShare:ResourceShare": alibabaAccounts(
    "shares resources with",
    "targets[]",
  ),
  "alicloud:resourcemanager/sharedTarget:SharedTarget": alibabaAccounts(
    "shares resources with",
    "targetId",
  ),
  "alicloud:ros/stackInstance:StackInstance": alibabaAccounts(
    "deploys the stack group's template into",
    "stackInstanceAccountId",
  ),
  "alicloud:ros/stackInstances:StackInstances": alibabaAccounts(
    "deploys the stack group's template into",
    "accountIds[]",
    "deploymentTargets.accountIds[]",
  ),
  "alicloud:cfg/aggregator:Aggregator": alibabaAccounts(
    "aggregates the configuration of",
    "aggregatorAccounts[].accountId",
  ),
  "alicloud:resourcemanager/multiAccountDeliveryChannel:MultiAccountDeliveryChannel":
    alibabaAccounts("delivers the configuration of", "deliveryChannelFilter.accountScopes[]"),
  "alicloud:log/audit:Audit": alibabaAccounts("collects audit logs of", "multiAccounts[]"),
  "alicloud:threatdetection/monitorAccount:MonitorAccount": alibabaAccounts(
    "collects the security data of",
    "accountIds",
  ),
  "alicloud:cloudfirewall/instanceMember:InstanceMember": alibabaAccounts(
    "inspects the traffic of",
    "memberUid",
  ),
  // The private DNS instance forwards the VPC's queries to its upstream servers (primaryDns,
  // standbyDns), as a container group's or function's DNS servers resolve theirs.
  "alicloud:cloudfirewall/privateDns:PrivateDns": withPolicyFields(
    alibabaAccounts("inspects the DNS traffic of a VPC of", "memberUid"),
    "remote-sites",
    "Forward queries only to private or allowlisted DNS servers, or the cloud's own (100.100.2.136, 100.100.2.138).",
    ...["primaryDns", "standbyDns"].map((path) =>
      edgesOf("remote-sites", "attachment").ip(path, "forwards the VPC's DNS queries to", {
        cloudOwn: alibabaResolvers,
      }),
    ),
  ),
  // A MaxCompute tenant is an Alibaba Cloud account. Its role goes to a primary account by its
  // bare UID, or to the tenant's own RAM users (`p4_<uid>`) and roles (`v4_<uid>`).
  "alicloud:maxcompute/tenantRoleUserAttachment:TenantRoleUserAttachment": custom({
    path: "accountId",
    grants: (props) =>
      valuesAt(props, "accountId").flatMap((f) =>
        typeof f.value === "string" && /^[pv]4_?\d+$/i.test(f.value.trim())
          ? []
          : alibabaGrantees(f.path, f.value),
      ),
    fix: shareFix,
    verb: "gives a MaxCompute tenant role to",
    accountFix: alibabaAccountFix,
  }),
  "alicloud:cms/hybridMonitorFcTask:HybridMonitorFcTask": alibabaAccounts(
    "collects monitoring data of",
    "targetUserId",
  ),
  "alicloud:ecs/ecsNetworkInterfacePermission:EcsNetworkInterfacePermission": alibabaAccounts(
    "shares the network interface with",
    "accountId",
  ),
  "alicloud:apigateway/instance:Instance": alibabaAccounts(
    "admits calls from a VPC of",
    "ingressVpcOwnerId",
  ),
  "alicloud:pvtz/userVpcAuthorization:UserVpcAuthorization": alibabaAccounts(
    "lets the private zones answer VPCs of",
    "authorizedUserId",
  ),
  "alicloud:cen/transitRouterPrefixListAssociation:TransitRouterPrefixListAssociation":
    alibabaAccounts("takes routes from a prefix list of", "ownerUid"),
};

/** Where each type holds its grants. */
export const grants: TypeTable = {
  "aws:amp/resourcePolicy:ResourcePolicy": document("policyDocument"),
  // A shared Managed Microsoft AD lets the other account join its instances to the directory and
  // read its users, groups and computers (found by the sharing bench: it passed unseen).
  "aws:directoryservice/sharedDirectory:SharedDirectory": principals(
    "Share the directory only with this stack's own accounts.",
    "target.id",
  ),
  "aws:cloudwatch/eventPermission:EventPermission": grantRow(
    'Grant the permission to accounts by ID, or to an organisation by its ID (condition aws:PrincipalOrgID), not to "*".',
    grantFields("principal", eventPermission, "lets put events on the bus"),
  ),
  "aws:ec2/vpcEndpointServiceAllowedPrinciple:VpcEndpointServiceAllowedPrinciple": grantRow(
    'List the accounts that may connect instead of "*", or require acceptance on the endpoint service.',
    grantFields("principalArn", allowedPrincipal, "lets connect endpoints from"),
  ),
  "alicloud:privatelink/vpcEndpointServiceUser:VpcEndpointServiceUser": grantRow(
    "Let only this stack's own account connect endpoints.",
    grantFields("userId", endpointServiceUser, "lets connect endpoints from"),
  ),
  // An API's endpoint type decides whether it is edge-optimised (global-services).
  "aws:apigateway/domainName:DomainName": withGlobal(
    document("policy"),
    'Set endpointConfiguration.types to "REGIONAL" or "PRIVATE" (with a regionalCertificateArn).',
    apiEdgeReach,
  ),
  // An API imported from an OpenAPI body sends requests to the integrations it declares, and
  // answers anyone its endpoint reaches on the operations that ask no credentials.
  "aws:apigateway/restApi:RestApi": withPolicyFields(
    withPolicyFields(
      withGlobal(
        document("policy"),
        'Set endpointConfiguration.types to "REGIONAL" or "PRIVATE".',
        apiEdgeReach,
      ),
      "log-shipping",
      pushFix,
      ...openApiIntegrations("body"),
    ),
    "public-exposure",
    'Give every operation of the body a security requirement of a scheme with x-amazon-apigateway-authtype "awsSigv4" or an x-amazon-apigateway-authorizer (a Lambda or Cognito authorizer), or make the API PRIVATE (endpointConfiguration.types) and reach it through a VPC interface endpoint.',
    exposed("body", { reads: openApiOpenOperations }),
  ),
  "aws:apigateway/restApiPolicy:RestApiPolicy": document("policy"),
  "aws:backup/vaultPolicy:VaultPolicy": document("policy"),
  // A role's trust policy: whoever it lets assume the role acts with the role's permissions on
  // the stack's data, from wherever their credentials are.
  "aws:iam/role:Role": role(documentGrantees, "assumeRolePolicy"),
  // A RAM role's trust policy, under its current and its deprecated name; a role made through
  // Resource Manager is a RAM role of the account too.
  "alicloud:ram/role:Role": role(ramDocumentGrantees, "assumeRolePolicyDocument", "document"),
  "alicloud:resourcemanager/role:Role": role(ramDocumentGrantees, "assumeRolePolicyDocument"),
  "aws:bedrock/agentcoreResourcePolicy:AgentcoreResourcePolicy": document("policy"),
  "aws:cloudsearch/domainServiceAccessPolicy:DomainServiceAccessPolicy": document("accessPolicy"),
  "aws:cloudwatch/eventBusPolicy:EventBusPolicy": document("policy"),
  "aws:cloudwatch/logResourcePolicy:LogResourcePolicy": document("policyDocument"),
  "aws:codeartifact/domainPermissions:DomainPermissions": document("policyDocument"),
  "aws:codeartifact/repositoryPermissionsPolicy:RepositoryPermissionsPolicy":
    document("policyDocument"),
  "aws:codebuild/resourcePolicy:ResourcePolicy": document("policy"),
  "aws:dsql/clusterPolicy:ClusterPolicy": document("policy"),
  "aws:dynamodb/resourcePolicy:ResourcePolicy": document("policy"),
  "aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate": document("repositoryPolicy"),
  "aws:ecr/repositoryPolicy:RepositoryPolicy": document("policy"),
  "aws:efs/fileSystemPolicy:FileSystemPolicy": document("policy"),
  "aws:elasticsearch/domainPolicy:DomainPolicy": document("accessPolicies"),
  "aws:glacier/vault:Vault": document("accessPolicy"),
  "aws:glacier/vaultLock:VaultLock": document("policy"),
  "aws:glue/resourcePolicy:ResourcePolicy": document("policy"),
  "aws:kinesis/resourcePolicy:ResourcePolicy": document("policy"),
  "aws:kms/keyPolicy:KeyPolicy": document("policy"),
  // A registry policy lets the accounts it names replicate their images into this registry
  // (`ecr:ReplicateImage`, `ecr:CreateRepository`): a replication across accounts, from wherever
  // those accounts keep their registries.
  "aws:ecr/registryPolicy:RegistryPolicy": document("policy"),
  "aws:lambda/resourcePolicy:ResourcePolicy": document("policy"),
  "aws:mediastore/containerPolicy:ContainerPolicy": document("policy"),
  "aws:msk/clusterPolicy:ClusterPolicy": document("policy"),
  "aws:opensearch/domainPolicy:DomainPolicy": document("accessPolicies"),
  "aws:opensearchingest/resourcePolicy:ResourcePolicy": document("policy"),
  "aws:pinpoint/smsvoicev2ResourcePolicy:Smsvoicev2ResourcePolicy": document("policy"),
  "aws:redshift/resourcePolicy:ResourcePolicy": document("policy"),
  "aws:redshiftserverless/resourcePolicy:ResourcePolicy": snapshotShare("policy"),
  "aws:s3/filesFileSystemPolicy:FilesFileSystemPolicy": document("policy"),
  "aws:s3/vectorsVectorBucketPolicy:VectorsVectorBucketPolicy": document("policy"),
  "aws:s3control/accessGrantsInstanceResourcePolicy:AccessGrantsInstanceResourcePolicy":
    document("policy"),
  "aws:s3control/accessPointPolicy:AccessPointPolicy": document("policy"),
  "aws:s3control/bucketPolicy:BucketPolicy": document("policy"),
  "aws:s3control/multiRegionAccessPointPolicy:MultiRegionAccessPointPolicy":
    document("details.policy"),
  "aws:s3control/objectLambdaAccessPointPolicy:ObjectLambdaAccessPointPolicy": document("policy"),
  "aws:s3tables/tableBucketPolicy:TableBucketPolicy": document("resourcePolicy"),
  "aws:s3tables/tablePolicy:TablePolicy": document("resourcePolicy"),
  "aws:sagemaker/modelPackageGroupPolicy:ModelPackageGroupPolicy": document("resourcePolicy"),
  "aws:schemas/registryPolicy:RegistryPolicy": document("policy"),
  "aws:secretsmanager/secretPolicy:SecretPolicy": document("policy"),
  "aws:sns/topic:Topic": document("policy"),
  "aws:sns/topicPolicy:TopicPolicy": document("policy"),
  // A queue's redrive settings name only queues of its own account and region (SQS refuses others).
  "aws:sqs/queue:Queue": document("policy"),
  "aws:sqs/queuePolicy:QueuePolicy": document("policy"),
  // An auth policy decides which callers of the service network may invoke the service or
  // network it is attached to: "*" without a condition lets every account whose VPCs reach the
  // network in (a resource policy, every account it may be shared to); the internet reaches none.
  "aws:vpclattice/authPolicy:AuthPolicy": latticeDocument("policy"),
  "aws:vpclattice/resourcePolicy:ResourcePolicy": latticeDocument("policy"),
  "aws:xray/resourcePolicy:ResourcePolicy": document("policyDocument"),
  "aws:lambda/permission:Permission": custom({
    path: "principal",
    grants: lambdaPermission,
    fix: 'Name a service principal with sourceArn or sourceAccount, or an account, instead of "*", and set functionUrlAuthType to "AWS_IAM".',
  }),
  "aws:lambda/layerVersionPermission:LayerVersionPermission": custom({
    path: "principal",
    grants: layerPermission,
    fix: 'Share the layer with an account or organisation instead of "*".',
  }),
  // A retiring principal may only retire the grant: it never uses the key.
  // Members of a clean-rooms collaboration run queries over the tables the stack associates.
  "aws:cleanrooms/collaboration:Collaboration": principals(shareFix, "members[].accountId"),
  "aws:kms/grant:Grant": principals(shareFix, "granteePrincipal"),
  "aws:ram/principalAssociation:PrincipalAssociation": principals(shareFix, "principal"),
  "aws:ram/resourceShareAssociationsExclusive:ResourceShareAssociationsExclusive": principals(
    shareFix,
    "principals[]",
  ),
  "aws:redshift/endpointAuthorization:EndpointAuthorization": principals(shareFix, "account"),
  "aws:opensearch/authorizeVpcEndpointAccess:AuthorizeVpcEndpointAccess": principals(
    shareFix,
    "account",
  ),
  "aws:lakeformation/permissions:Permissions": principals(shareFix, "principal"),
  "aws:lakeformation/dataLakeSettings:DataLakeSettings": principals(
    shareFix,
    "createDatabaseDefaultPermissions[].principal",
    "createTableDefaultPermissions[].principal",
  ),
  "aws:glue/catalog:Catalog": principals(
    shareFix,
    "createDatabaseDefaultPermissions[].principal.dataLakePrincipalIdentifier",
    "createTableDefaultPermissions[].principal.dataLakePrincipalIdentifier",
  ),
  "aws:opensearch/serverlessSecurityPolicy:ServerlessSecurityPolicy": custom({
    path: "policy",
    grants: serverlessNetworkPolicy,
    fix: "Set AllowFromPublic to false and name the stack's VPC endpoints in SourceVPCEs.",
  }),
  "aws:opensearch/serverlessAccessPolicy:ServerlessAccessPolicy": custom({
    path: "policy",
    grants: serverlessAccessPolicy,
    fix: shareFix,
  }),
  "aws:fsx/s3AccessPointAttachment:S3AccessPointAttachment": custom({
    path: "s3AccessPoint.policy",
    grants: fsxAccessPoint,
    fix: 'Give the access point a vpcConfiguration, or allow "*" only under a condition on this account or VPC endpoint.',
  }),
  "aws:redshift/namespaceRegistration:NamespaceRegistration": custom({
    path: "consumerIdentifier",
    grants: catalogConsumer,
    verb: "registers the namespace's data with the Data Catalog of",
    fix: "Register the namespace only with the Data Catalog of this stack's account.",
    accountFix: "Register the namespace only with the Data Catalog of this stack's account.",
  }),
  "aws:redshift/dataShareAuthorization:DataShareAuthorization": custom({
    path: "consumerIdentifier",
    grants: dataShareConsumer,
    fix: "Authorize the datashare only for consumers of this account; do not offer it on AWS Data Exchange.",
  }),
  // The delegated account administers the service (GuardDuty, Security Hub, Macie, …) for every
  // account of the organisation and reads what it collects of them.
  "aws:organizations/delegatedAdministrator:DelegatedAdministrator": principals(
    "Delegate administration only to this stack's account.",
    "accountId",
  ),
  // An aggregator of the account authorized collects this account's configuration items and
  // compliance results into its own account (in `authorizedAwsRegion`, which arn-locality
  // places).
  "aws:cfg/aggregateAuthorization:AggregateAuthorization": principals(
    "Authorize only an aggregator of this stack's account.",
    "accountId",
  ),
  // So does a service's own delegated administrator, and an administrator whose invitation this
  // account accepts: it reads the members' findings in the same region, where the service keeps
  // them; nothing is copied to another region (a findings aggregator's regions are log-shipping's).
  ...Object.fromEntries(
    [
      ["aws:securityhub/organizationAdminAccount:OrganizationAdminAccount", "adminAccountId"],
      ["aws:macie2/organizationAdminAccount:OrganizationAdminAccount", "adminAccountId"],
      ["aws:guardduty/organizationAdminAccount:OrganizationAdminAccount", "adminAccountId"],
      ["aws:inspector2/delegatedAdminAccount:DelegatedAdminAccount", "accountId"],
      ["aws:detective/organizationAdminAccount:OrganizationAdminAccount", "accountId"],
      [
        "aws:auditmanager/organizationAdminAccountRegistration:OrganizationAdminAccountRegistration",
        "adminAccountId",
      ],
      [
        "aws:cloudtrail/organizationDelegatedAdminAccount:OrganizationDelegatedAdminAccount",
        "accountId",
      ],
      ["aws:fms/adminAccount:AdminAccount", "accountId"],
      [
        "aws:ec2/vpcIpamOrganizationAdminAccount:VpcIpamOrganizationAdminAccount",
        "delegatedAdminAccountId",
      ],
    ].map(([type, path]) => [
      type,
      principals("Delegate administration only to this stack's account.", path),
    ]),
  ),
  ...Object.fromEntries(
    [
      ["aws:securityhub/inviteAccepter:InviteAccepter", "masterId"],
      ["aws:macie2/invitationAccepter:InvitationAccepter", "administratorAccountId"],
      ["aws:guardduty/inviteAccepter:InviteAccepter", "masterAccountId"],
    ].map(([type, path]) => [
      type,
      principals("Accept only an administrator that is this stack's account.", path),
    ]),
  ),
  // The administrator's side: the member account's findings are read here, in the same region.
  ...Object.fromEntries(
    [
      "aws:securityhub/member:Member",
      "aws:macie2/member:Member",
      "aws:guardduty/member:Member",
      "aws:detective/member:Member",
      "aws:inspector2/memberAssociation:MemberAssociation",
    ].map((type) => [type, principals("Administer only this stack's account.", "accountId")]),
  ),
  ...alibabaGrants,
};
