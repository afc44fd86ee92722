/**
 * The reviews of the database server providers' resource types, @pulumi/postgresql and
 * @pulumi/mysql (policy/review/model.ts).
 *
 * PostgreSQL:
 * Every one is an object of the database server the provider connects to — its `host`, which
 * resource-placement judges on the provider (a cloud database endpoint by its region, an address by
 * the egress allowlist) — so the provider decides where it is, as a region does for a cloud's
 * resources. Two reach another server and are rows of the databases table
 * (policy/paths/types/databases.ts): a subscription (database-replicas) and a foreign server
 * (remote-sites). A publication or a replication slot exists for a consumer the program does not
 * name — a subscriber, a change-data-capture tool, a standby — which may be anywhere: reviewed
 * first, they fail closed until a stack allows them.
 */
import type { ProviderReview } from "./model";

const onTheServer =
  "an object of the database server its provider connects to (the provider's host, judged by resource-placement): it lives there and sends nothing elsewhere by itself";

export const postgresql: ProviderReview = {
  properties: [
    {
      path: /^(owner|serverOwner)$/,
      reading: "not-a-place",
      reason: "a role of the database server that owns the object",
    },
    {
      path: /^serverName$/,
      reading: "not-a-place",
      reason:
        "the name of a foreign server of the same database: where it reaches is its options', read at the Server (remote-sites)",
    },
    {
      path: /^(serverType|serverVersion)$/,
      types: /^postgresql:index\/server:Server$/,
      reading: "not-a-place",
      reason:
        "the type and version the foreign server declares, which only the wrapper reads: no place",
    },
  ],
  types: [
    {
      class: "regional",
      reason: onTheServer,
      types: [
        "postgresql:index/database:Database",
        "postgresql:index/defaultPrivileg:DefaultPrivileg",
        "postgresql:index/defaultPrivileges:DefaultPrivileges",
        "postgresql:index/grant:Grant",
        "postgresql:index/grantRole:GrantRole",
        "postgresql:index/role:Role",
        "postgresql:index/schema:Schema",
        "postgresql:index/securityLabel:SecurityLabel",
        "postgresql:index/userMapping:UserMapping",
      ],
    },
    {
      class: "regional",
      reason: `${onTheServer}; what SQL a function or an extension's functions run when called is the database's code, which the pack does not read`,
      types: ["postgresql:index/extension:Extension", "postgresql:index/function:Function"],
    },
  ],
  reviewFirst: [
    {
      prefix: "postgresql:index/publication:",
      reason:
        "a publication exists for subscribers the program does not name, which may be anywhere",
    },
    {
      prefix: "postgresql:index/replicationSlot:",
      reason:
        "a logical replication slot exists for a consumer the program does not name (a subscriber, a change-data-capture tool), which may be anywhere",
    },
    {
      prefix: "postgresql:index/physicalReplicationSlot:",
      reason:
        "a physical replication slot exists for a standby the program does not name, which may be anywhere",
    },
  ],
};

/**
 * MySQL: databases, users, roles and grants, each an object of the server the provider connects
 * to, as PostgreSQL's are; none reaches another server.
 */
export const mysql: ProviderReview = {
  properties: [
    {
      path: /^host$/,
      types: /^mysql:index\/(user|grant|userPassword):/,
      reading: "not-a-place",
      reason:
        "the client host a user may connect from (`%` for any): who may reach the server, which its network's rules and public-exposure decide, not where its data goes",
    },
  ],
  types: [
    {
      class: "regional",
      reason: onTheServer,
      types: [
        "mysql:index/database:Database",
        "mysql:index/grant:Grant",
        "mysql:index/role:Role",
        "mysql:index/user:User",
        "mysql:index/userPassword:UserPassword",
      ],
    },
  ],
  reviewFirst: [],
};
