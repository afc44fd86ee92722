/**
 * policy/grants.ts as it was before its rows moved to the exposure table of the one model
 * (policy/paths/types/grants.ts), kept verbatim as the oracle of test/paths/differential.test.ts:
 * `legacyGrantExposure` is public-exposure's part (the rows policy/exposure.ts appended to its
 * own table), `accountGrantFindings` cross-account-links'; the views of the table must report
 * exactly their messages.
 */
import { resourceLabel } from "../../residency/placement";
import { foreignAccountPlace, ownAccounts, ownPlace, type Subject } from "../../policy/flows";
import type { Finding, PolicyContext } from "../../policy/framework";
import { isPublic, type PolicyStatement, statements } from "../../policy/paths/iam";
import { isUnknown, jsonDocument, str, unknown, valueAt, valuesAt } from "../../policy/values";

/** Who one grant of a resource reaches. */
export type Grantee =
  /** Everyone: `what` completes "…, but <path> <what>." */
  | { readonly kind: "everyone"; readonly path: string; readonly what: string }
  /** The grant is not known at preview, so whether it is public cannot be decided. */
  | { readonly kind: "unknown"; readonly path: string }
  /** An account (as written: an ID, or a principal the pack cannot read an account from). */
  | { readonly kind: "account"; readonly path: string; readonly account: string }
  /** Every account of an organisation or organisational unit. */
  | { readonly kind: "organization"; readonly path: string; readonly id: string };

export interface GrantModel {
  readonly type: string;
  readonly grantees: (props: Record<string, unknown>) => Grantee[];
  /** How to stop granting everyone, one sentence. */
  readonly fix: string;
  /** Completes "…, but <path> <verb> <account>." Default: "grants access to". */
  readonly verb?: string;
  /** How to stop granting other accounts, when `accountGrantFix` (AWS) does not fit. */
  readonly accountFix?: string;
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
 * account of an organisation or OU, or — for a service principal or the account's own IAM
 * principals — no one outside the stack. A value the pack cannot read an account from stays as
 * written and cannot be shown to be the stack's own.
 */
function principalGrantee(path: string, value: unknown): Grantee[] {
  if (isUnknown(value)) {
    return [{ kind: "unknown", path }];
  }
  const text = typeof value === "number" ? String(value) : value;
  if (typeof text !== "string") {
    return [{ kind: "account", path, account: JSON.stringify(text) }];
  }
  const org = organizationArn.exec(text)?.[1] ?? (/^o-[a-z0-9]+$/.test(text) ? text : undefined);
  if (org !== undefined) {
    return [{ kind: "organization", path, id: org }];
  }
  if (servicePrincipal.test(text) || ownAccountGroups.has(text)) {
    return [];
  }
  const account = anyArn.exec(text)?.[1] || samlPrincipal.exec(text)?.[1] || text;
  return [{ kind: "account", path, account }];
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
        ];
      });
  });
}

/** A resource policy document at `path`: one line per type. */
function policyDocumentRow(type: string, path: string, fix = documentFix): GrantModel {
  return { type, grantees: documentGrantees(path), fix };
}

/** Principals at `paths` (each one or a list): accounts, organisations, or services. */
function principalsAt(...paths: string[]) {
  return (props: Record<string, unknown>): Grantee[] =>
    paths.flatMap((path) =>
      valuesAt(props, path).flatMap((f) => principalGrantee(f.path, f.value)),
    );
}

function principalsRow(type: string, fix: string, ...paths: string[]): GrantModel {
  return { type, grantees: principalsAt(...paths), fix };
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
      { kind: "account", path: "sourceAccount", account: String(v) },
    ]),
    ...bound("principalOrgId", (v) => [
      { kind: "organization", path: "principalOrgId", id: String(v) },
    ]),
    ...bound("sourceArn", (v) => {
      const account = typeof v === "string" ? anyArn.exec(v)?.[1] : undefined;
      return account ? [{ kind: "account", path: "sourceArn", account }] : [];
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
 * preview (a member account the program creates) is left unjudged: it can name no one but an
 * account, never everyone, and whose it is cannot be told yet.
 */
function alibabaGrantees(path: string, value: unknown): Grantee[] {
  if (value === undefined || value === null || value === "" || isUnknown(value)) {
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

const alibabaAccountFix =
  "Grant access only to the account the stack's provider is pinned to (accountId), or pin the provider to that account so the pack can tell.";

/**
 * Account fields of an Alibaba Cloud type that hand its resources, its administration or the
 * data it collects to other accounts (`verb` says which).
 */
function alibabaAccountsRow(type: string, verb: string, ...paths: string[]): GrantModel {
  return {
    type,
    grantees: (props) =>
      paths.flatMap((path) =>
        valuesAt(props, path).flatMap((f) => alibabaGrantees(f.path, f.value)),
      ),
    fix: shareFix,
    verb,
    accountFix: alibabaAccountFix,
  };
}

/** A RAM principal: `acs:ram::<uid>:*`, `acs:ram::<uid>:role/<name>`, `acs:ram::<uid>:user/<name>`. */
const ramPrincipal = /^acs:ram::(\d+):/;

/**
 * An Alibaba Cloud resource policy document (a KMS secret's): each `Allow` statement grants the
 * accounts of its `Principal.RAM` entries, or everyone for `"*"`. Service principals are not
 * accounts; `Deny` statements grant nothing.
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
        principal === "*"
          ? ["*"]
          : isRecord(principal)
            ? [principal.RAM].flat().filter((p) => p !== undefined)
            : [];
      return ram.flatMap((p): Grantee[] =>
        p === "*"
          ? [
              {
                kind: "everyone",
                path: at,
                what: 'is "*": any Alibaba Cloud account can use it',
              },
            ]
          : alibabaGrantees(at, typeof p === "string" ? (ramPrincipal.exec(p)?.[1] ?? p) : p),
      );
    });
  });
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
const alibabaGrants: readonly GrantModel[] = [
  {
    type: "alicloud:kms/secret:Secret",
    grantees: ramDocumentGrantees("policy"),
    fix: 'Name RAM principals of this account instead of "*".',
    verb: "grants access to",
    accountFix: alibabaAccountFix,
  },
  alibabaAccountsRow(
    "alicloud:cloudsso/accessManagement:AccessManagement",
    "gives the directory's users access to",
    "targetId",
  ),
  alibabaAccountsRow(
    "alicloud:cloudsso/accessConfigurationProvisioning:AccessConfigurationProvisioning",
    "provisions an access configuration in",
    "targetId",
  ),
  alibabaAccountsRow(
    "alicloud:cloudsso/userProvisioning:UserProvisioning",
    "provisions the directory's users in",
    "targetId",
  ),
  alibabaAccountsRow(
    "alicloud:cloudsso/delegateAccount:DelegateAccount",
    "hands the administration of Cloud SSO to",
    "accountId",
  ),
  alibabaAccountsRow(
    "alicloud:resourcemanager/delegatedAdministrator:DelegatedAdministrator",
    "hands the administration of a trusted service to",
    "accountId",
  ),
  alibabaAccountsRow(
    "alicloud:resourcemanager/handshake:Handshake",
    "invites into the resource directory",
    "targetEntity",
  ),
  alibabaAccountsRow(
    "alicloud:resourcemanager/resourceShare:ResourceShare",
    "shares resources with",
    "targets[]",
  ),
  alibabaAccountsRow(
    "alicloud:resourcemanager/sharedTarget:SharedTarget",
    "shares resources with",
    "targetId",
  ),
  alibabaAccountsRow(
    "alicloud:ros/stackInstance:StackInstance",
    "deploys the stack group's template into",
    "stackInstanceAccountId",
  ),
  alibabaAccountsRow(
    "alicloud:ros/stackInstances:StackInstances",
    "deploys the stack group's template into",
    "accountIds[]",
    "deploymentTargets.accountIds[]",
  ),
  alibabaAccountsRow(
    "alicloud:cfg/aggregator:Aggregator",
    "aggregates the configuration of",
    "aggregatorAccounts[].accountId",
  ),
  alibabaAccountsRow(
    "alicloud:resourcemanager/multiAccountDeliveryChannel:MultiAccountDeliveryChannel",
    "delivers the configuration of",
    "deliveryChannelFilter.accountScopes[]",
  ),
  alibabaAccountsRow("alicloud:log/audit:Audit", "collects audit logs of", "multiAccounts[]"),
  alibabaAccountsRow(
    "alicloud:threatdetection/monitorAccount:MonitorAccount",
    "collects the security data of",
    "accountIds",
  ),
  alibabaAccountsRow(
    "alicloud:cloudfirewall/instanceMember:InstanceMember",
    "inspects the traffic of",
    "memberUid",
  ),
  alibabaAccountsRow(
    "alicloud:cloudfirewall/privateDns:PrivateDns",
    "inspects the DNS traffic of a VPC of",
    "memberUid",
  ),
  {
    // A MaxCompute tenant is an Alibaba Cloud account. Its role goes to a primary account by its
    // bare UID, or to the tenant's own RAM users (`p4_<uid>`) and roles (`v4_<uid>`).
    type: "alicloud:maxcompute/tenantRoleUserAttachment:TenantRoleUserAttachment",
    grantees: (props) =>
      valuesAt(props, "accountId").flatMap((f) =>
        typeof f.value === "string" && /^[pv]4_?\d+$/i.test(f.value.trim())
          ? []
          : alibabaGrantees(f.path, f.value),
      ),
    fix: shareFix,
    verb: "gives a MaxCompute tenant role to",
    accountFix: alibabaAccountFix,
  },
  alibabaAccountsRow(
    "alicloud:cms/hybridMonitorFcTask:HybridMonitorFcTask",
    "collects monitoring data of",
    "targetUserId",
  ),
  alibabaAccountsRow(
    "alicloud:ecs/ecsNetworkInterfacePermission:EcsNetworkInterfacePermission",
    "shares the network interface with",
    "accountId",
  ),
  alibabaAccountsRow(
    "alicloud:apigateway/instance:Instance",
    "admits calls from a VPC of",
    "ingressVpcOwnerId",
  ),
  alibabaAccountsRow(
    "alicloud:pvtz/userVpcAuthorization:UserVpcAuthorization",
    "lets the private zones answer VPCs of",
    "authorizedUserId",
  ),
  alibabaAccountsRow(
    "alicloud:cen/transitRouterPrefixListAssociation:TransitRouterPrefixListAssociation",
    "takes routes from a prefix list of",
    "ownerUid",
  ),
];

/** Where each type holds its grants. */
export const resourceGrants: readonly GrantModel[] = [
  policyDocumentRow("aws:amp/resourcePolicy:ResourcePolicy", "policyDocument"),
  policyDocumentRow("aws:apigateway/domainName:DomainName", "policy"),
  policyDocumentRow("aws:apigateway/restApi:RestApi", "policy"),
  policyDocumentRow("aws:apigateway/restApiPolicy:RestApiPolicy", "policy"),
  policyDocumentRow("aws:backup/vaultPolicy:VaultPolicy", "policy"),
  policyDocumentRow("aws:bedrock/agentcoreResourcePolicy:AgentcoreResourcePolicy", "policy"),
  policyDocumentRow(
    "aws:cloudsearch/domainServiceAccessPolicy:DomainServiceAccessPolicy",
    "accessPolicy",
  ),
  policyDocumentRow("aws:cloudwatch/eventBusPolicy:EventBusPolicy", "policy"),
  policyDocumentRow("aws:cloudwatch/logResourcePolicy:LogResourcePolicy", "policyDocument"),
  policyDocumentRow("aws:codeartifact/domainPermissions:DomainPermissions", "policyDocument"),
  policyDocumentRow(
    "aws:codeartifact/repositoryPermissionsPolicy:RepositoryPermissionsPolicy",
    "policyDocument",
  ),
  policyDocumentRow("aws:codebuild/resourcePolicy:ResourcePolicy", "policy"),
  policyDocumentRow("aws:dsql/clusterPolicy:ClusterPolicy", "policy"),
  policyDocumentRow("aws:dynamodb/resourcePolicy:ResourcePolicy", "policy"),
  policyDocumentRow(
    "aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate",
    "repositoryPolicy",
  ),
  policyDocumentRow("aws:ecr/repositoryPolicy:RepositoryPolicy", "policy"),
  policyDocumentRow("aws:efs/fileSystemPolicy:FileSystemPolicy", "policy"),
  policyDocumentRow("aws:elasticsearch/domainPolicy:DomainPolicy", "accessPolicies"),
  policyDocumentRow("aws:glacier/vault:Vault", "accessPolicy"),
  policyDocumentRow("aws:glacier/vaultLock:VaultLock", "policy"),
  policyDocumentRow("aws:glue/resourcePolicy:ResourcePolicy", "policy"),
  policyDocumentRow("aws:kinesis/resourcePolicy:ResourcePolicy", "policy"),
  policyDocumentRow("aws:kms/keyPolicy:KeyPolicy", "policy"),
  policyDocumentRow("aws:lambda/resourcePolicy:ResourcePolicy", "policy"),
  policyDocumentRow("aws:mediastore/containerPolicy:ContainerPolicy", "policy"),
  policyDocumentRow("aws:msk/clusterPolicy:ClusterPolicy", "policy"),
  policyDocumentRow("aws:opensearch/domainPolicy:DomainPolicy", "accessPolicies"),
  policyDocumentRow("aws:opensearchingest/resourcePolicy:ResourcePolicy", "policy"),
  policyDocumentRow("aws:pinpoint/smsvoicev2ResourcePolicy:Smsvoicev2ResourcePolicy", "policy"),
  policyDocumentRow("aws:redshift/resourcePolicy:ResourcePolicy", "policy"),
  policyDocumentRow("aws:redshiftserverless/resourcePolicy:ResourcePolicy", "policy"),
  policyDocumentRow("aws:s3/filesFileSystemPolicy:FilesFileSystemPolicy", "policy"),
  policyDocumentRow("aws:s3/vectorsVectorBucketPolicy:VectorsVectorBucketPolicy", "policy"),
  policyDocumentRow(
    "aws:s3control/accessGrantsInstanceResourcePolicy:AccessGrantsInstanceResourcePolicy",
    "policy",
  ),
  policyDocumentRow("aws:s3control/accessPointPolicy:AccessPointPolicy", "policy"),
  policyDocumentRow("aws:s3control/bucketPolicy:BucketPolicy", "policy"),
  policyDocumentRow(
    "aws:s3control/multiRegionAccessPointPolicy:MultiRegionAccessPointPolicy",
    "details.policy",
  ),
  policyDocumentRow(
    "aws:s3control/objectLambdaAccessPointPolicy:ObjectLambdaAccessPointPolicy",
    "policy",
  ),
  policyDocumentRow("aws:s3tables/tableBucketPolicy:TableBucketPolicy", "resourcePolicy"),
  policyDocumentRow("aws:s3tables/tablePolicy:TablePolicy", "resourcePolicy"),
  policyDocumentRow(
    "aws:sagemaker/modelPackageGroupPolicy:ModelPackageGroupPolicy",
    "resourcePolicy",
  ),
  policyDocumentRow("aws:schemas/registryPolicy:RegistryPolicy", "policy"),
  policyDocumentRow("aws:secretsmanager/secretPolicy:SecretPolicy", "policy"),
  policyDocumentRow("aws:sns/topic:Topic", "policy"),
  policyDocumentRow("aws:sns/topicPolicy:TopicPolicy", "policy"),
  // A queue's redrive settings name only queues of its own account and region (SQS refuses others).
  policyDocumentRow("aws:sqs/queue:Queue", "policy"),
  policyDocumentRow("aws:sqs/queuePolicy:QueuePolicy", "policy"),
  // An auth policy decides which callers of the service network may invoke the service or
  // network it is attached to: "*" without a condition lets every account in.
  policyDocumentRow("aws:vpclattice/authPolicy:AuthPolicy", "policy"),
  policyDocumentRow("aws:vpclattice/resourcePolicy:ResourcePolicy", "policy"),
  policyDocumentRow("aws:xray/resourcePolicy:ResourcePolicy", "policyDocument"),
  {
    type: "aws:lambda/permission:Permission",
    grantees: lambdaPermission,
    fix: 'Name a service principal with sourceArn or sourceAccount, or an account, instead of "*", and set functionUrlAuthType to "AWS_IAM".',
  },
  {
    type: "aws:lambda/layerVersionPermission:LayerVersionPermission",
    grantees: layerPermission,
    fix: 'Share the layer with an account or organisation instead of "*".',
  },
  // A retiring principal may only retire the grant: it never uses the key.
  // Members of a clean-rooms collaboration run queries over the tables the stack associates.
  principalsRow("aws:cleanrooms/collaboration:Collaboration", shareFix, "members[].accountId"),
  principalsRow("aws:kms/grant:Grant", shareFix, "granteePrincipal"),
  principalsRow("aws:ram/principalAssociation:PrincipalAssociation", shareFix, "principal"),
  principalsRow(
    "aws:ram/resourceShareAssociationsExclusive:ResourceShareAssociationsExclusive",
    shareFix,
    "principals[]",
  ),
  principalsRow("aws:redshift/endpointAuthorization:EndpointAuthorization", shareFix, "account"),
  principalsRow(
    "aws:opensearch/authorizeVpcEndpointAccess:AuthorizeVpcEndpointAccess",
    shareFix,
    "account",
  ),
  principalsRow("aws:lakeformation/permissions:Permissions", shareFix, "principal"),
  principalsRow(
    "aws:lakeformation/dataLakeSettings:DataLakeSettings",
    shareFix,
    "createDatabaseDefaultPermissions[].principal",
    "createTableDefaultPermissions[].principal",
  ),
  principalsRow(
    "aws:glue/catalog:Catalog",
    shareFix,
    "createDatabaseDefaultPermissions[].principal.dataLakePrincipalIdentifier",
    "createTableDefaultPermissions[].principal.dataLakePrincipalIdentifier",
  ),
  {
    type: "aws:opensearch/serverlessSecurityPolicy:ServerlessSecurityPolicy",
    grantees: serverlessNetworkPolicy,
    fix: "Set AllowFromPublic to false and name the stack's VPC endpoints in SourceVPCEs.",
  },
  {
    type: "aws:opensearch/serverlessAccessPolicy:ServerlessAccessPolicy",
    grantees: serverlessAccessPolicy,
    fix: shareFix,
  },
  {
    type: "aws:fsx/s3AccessPointAttachment:S3AccessPointAttachment",
    grantees: fsxAccessPoint,
    fix: 'Give the access point a vpcConfiguration, or allow "*" only under a condition on this account or VPC endpoint.',
  },
  {
    type: "aws:redshift/namespaceRegistration:NamespaceRegistration",
    grantees: catalogConsumer,
    verb: "registers the namespace's data with the Data Catalog of",
    fix: "Register the namespace only with the Data Catalog of this stack's account.",
    accountFix: "Register the namespace only with the Data Catalog of this stack's account.",
  },
  {
    type: "aws:redshift/dataShareAuthorization:DataShareAuthorization",
    grantees: dataShareConsumer,
    fix: "Authorize the datashare only for consumers of this account; do not offer it on AWS Data Exchange.",
  },
  // The delegated account administers the service (GuardDuty, Security Hub, Macie, …) for every
  // account of the organisation and reads what it collects of them.
  principalsRow(
    "aws:organizations/delegatedAdministrator:DelegatedAdministrator",
    "Delegate administration only to this stack's account.",
    "accountId",
  ),
  ...alibabaGrants,
];

/** The public-exposure view of a row: its grants to everyone, and what cannot be decided. */
export function publicGrants(
  model: GrantModel,
  props: Record<string, unknown>,
): { path: string; what: string }[] {
  return model.grantees(props).flatMap((g) =>
    g.kind === "everyone"
      ? [{ path: g.path, what: g.what }]
      : g.kind === "unknown"
        ? [
            {
              path: g.path,
              what: "is not known at preview, so whether it is public cannot be decided",
            },
          ]
        : [],
  );
}

const grantsByType = new Map(resourceGrants.map((m) => [m.type, m]));

/**
 * The cross-account-links view: each grant to an account that is not the stack's own, or to an
 * organisation, from the resource's place to that grantee.
 */
export function accountGrantFindings(subject: Subject, ctx: PolicyContext): Finding[] {
  const model = grantsByType.get(subject.type);
  if (!model) {
    return [];
  }
  const own = ownAccounts(subject.provider);
  const label = resourceLabel(subject.type, subject.name);
  const near = ownPlace(subject, ctx.jurisdiction);
  return model.grantees(subject.props).flatMap((g) => {
    const far =
      g.kind === "account" && !own.includes(g.account)
        ? foreignAccountPlace(g.account, own)
        : g.kind === "organization"
          ? `every account of organization ${g.id} (the pack cannot tell which accounts it holds)`
          : undefined;
    return far === undefined
      ? []
      : [
          {
            message: `${label} must grant access only to the stack's own account, but ${g.path} ${model.verb ?? "grants access to"} ${far}. ${model.accountFix ?? accountGrantFix}`,
            path: [near, label, far],
          },
        ];
  });
}

/** public-exposure's rows of the grants, as policy/exposure.ts appended them to its table. */
export const legacyGrantExposure = resourceGrants.map((m) => ({
  type: m.type,
  check: (props: Record<string, unknown>) => publicGrants(m, props),
  fix: m.fix,
}));
