/**
 * Objects of a PostgreSQL server (@pulumi/postgresql) on the Oregon (US) happy path: they live on
 * the server the provider connects to — an RDS endpoint in the stack's region here — and pass
 * every policy, reviewed-resource-types among them; a subscription to a publisher and a foreign
 * server reach another server, which must be placed inside. Each case names every finding that
 * follows; its twin reaches a server inside, or none, and passes every policy.
 */
import type { Plan } from "../../engine/plan";
import {
  add,
  addProvider,
  fixturePlan,
  pipe,
  unknown,
  withDependencies,
} from "../helpers/policy-plan";
import { oregonSettings, policyPack, runCases, summary } from "../helpers/policy-session";

type Props = Record<string, unknown>;

const oregonDb = "orders.c9akciq32.us-west-2.rds.amazonaws.com";
const frankfurtDb = "orders.c9akciq32.eu-central-1.rds.amazonaws.com";

const pack = policyPack();
let aws: Plan;
beforeAll(async () => {
  aws = await fixturePlan("policy-aws", "us");
});

/** The provider "pg", connected to the RDS instance in Oregon, and one object of its server. */
const onServer = (type: string, name: string, props: Props, host = oregonDb) =>
  pipe(
    addProvider("postgresql", "pg", { host, port: 5432, username: "admin", superuser: false }),
    add(`postgresql:index/${type}`, name, props, { provider: "pg" }),
  );

const subscription = (conninfo: string) =>
  onServer("subscription:Subscription", "orders-sub", {
    name: "orders_sub",
    database: "orders",
    conninfo,
    publications: ["orders_pub"],
  });

const foreignServer = (fdwName: string, options: Props) =>
  onServer("server:Server", "legacy", { serverName: "legacy", fdwName, options });

const nearEnd = "its provider's database server";

describe("a PostgreSQL server reaches only servers inside the jurisdiction", () => {
  runCases(pack, () => aws, oregonSettings, [
    {
      name: "a subscription replicates tables from a publisher on RDS in Frankfurt",
      bad: subscription(`host=${frankfurtDb} port=5432 dbname=orders user=repl`),
      expected: [
        [
          "database-replicas",
          "orders-sub",
          "mandatory",
          [
            `host=${frankfurtDb} port=5432 dbname=orders user=repl (outside US, in EU)`,
            'postgresql subscription "orders-sub"',
            nearEnd,
          ],
        ],
      ],
      twinName: "its publisher is the RDS instance in Oregon",
      twin: subscription(`host=${oregonDb} port=5432 dbname=orders user=repl`),
    },
    {
      name: "a subscription's publisher is a host the pack cannot place",
      bad: subscription("postgresql://repl@pg.example.com:5432/orders"),
      expected: [
        [
          "database-replicas",
          "orders-sub",
          "mandatory",
          [
            '"postgresql://repl@pg.example.com:5432/orders" (cannot be placed)',
            'postgresql subscription "orders-sub"',
            nearEnd,
          ],
        ],
      ],
      twinName: "its publisher is a private address of the stack's networks",
      twin: subscription("hostaddr=10.0.3.7 port=5432 dbname=orders user=repl"),
    },
    {
      name: "a postgres_fdw foreign server reaches RDS in Frankfurt",
      bad: foreignServer("postgres_fdw", { host: frankfurtDb, dbname: "orders" }),
      expected: [
        [
          "remote-sites",
          "legacy",
          "mandatory",
          [nearEnd, 'postgresql server "legacy"', `${frankfurtDb} (outside US, in EU)`],
        ],
      ],
      twinName: "it reaches a server on the database server's own socket",
      twin: foreignServer("postgres_fdw", { dbname: "archive" }),
    },
    {
      name: "a foreign server goes through a wrapper the pack does not read",
      bad: foreignServer("multicorn", { wrapper: "multicorn.gsheetfdw.GSheetFdw" }),
      expected: [
        [
          "remote-sites",
          "legacy",
          "mandatory",
          [nearEnd, 'postgresql server "legacy"', "the servers its options name"],
        ],
      ],
      twinName: "it reads files of the database server (file_fdw)",
      twin: foreignServer("file_fdw", {}),
    },
  ]);
});

describe("the server's own objects", () => {
  const violations = async (bad: (p: Plan) => Plan) =>
    summary(await pack.checkAround(aws, bad(aws), oregonSettings));

  test("a database, a role, a schema and a grant on the RDS instance in Oregon pass every policy", async () => {
    const objects = pipe(
      onServer("database:Database", "orders", { name: "orders", owner: "app" }),
      add("postgresql:index/role:Role", "app", { name: "app", login: true }, { provider: "pg" }),
      add(
        "postgresql:index/schema:Schema",
        "sales",
        { name: "sales", database: "orders", owner: "app" },
        { provider: "pg" },
      ),
      add(
        "postgresql:index/grant:Grant",
        "read",
        { database: "orders", role: "app", objectType: "table", privileges: ["SELECT"] },
        { provider: "pg" },
      ),
    );
    expect(await violations(objects)).toEqual([]);
  });

  test("a MySQL database, user and grant on the RDS instance in Oregon pass every policy", async () => {
    const objects = pipe(
      addProvider("mysql", "my", { endpoint: `${oregonDb}:3306`, username: "admin" }),
      add("mysql:index/database:Database", "shop", { name: "shop" }, { provider: "my" }),
      add("mysql:index/user:User", "app", { user: "app", host: "%" }, { provider: "my" }),
      add(
        "mysql:index/grant:Grant",
        "app-shop",
        { user: "app", host: "%", database: "shop", privileges: ["SELECT", "INSERT"] },
        { provider: "my" },
      ),
    );
    expect(await violations(objects)).toEqual([]);
  });

  test("they sit where the provider's server is: one in Frankfurt fails on the provider", async () => {
    const abroad = onServer("database:Database", "orders", { name: "orders" }, frankfurtDb);
    const found = await violations(abroad);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('mandatory resource-placement pg: postgresql provider "pg" must');
    expect(found[0]).toContain(`"${frankfurtDb}", an endpoint in eu-central-1 (outside US, in EU)`);
  });

  test("a server the provider does not name, or names by a value not known at preview, cannot be placed", async () => {
    const provider = (props: Props) =>
      pipe(
        addProvider("postgresql", "pg", { port: 5432, username: "admin", ...props }),
        add("postgresql:index/database:Database", "orders", { name: "orders" }, { provider: "pg" }),
      );
    const onLookup = await violations(provider({ host: unknown }));
    expect(onLookup).toEqual([
      expect.stringContaining(
        'mandatory named-destinations pg: postgresql provider "pg" must connect to a server the pack can place inside US, but its host is not known at preview and comes from no database of this program',
      ),
    ]);
    const fromEnvironment = await violations(provider({}));
    expect(fromEnvironment).toEqual([
      expect.stringContaining(
        "it names no host: it connects where PGHOST points when the stack is deployed",
      ),
    ]);
    // A private address of the stack's networks places it with them.
    expect(await violations(provider({ host: "10.0.3.7" }))).toEqual([]);
    // MySQL's provider names its server by `endpoint`; Docker's daemon is the deploying
    // machine's when the provider names no host, one not known at preview cannot be placed.
    const mysql = (props: Props) =>
      pipe(
        addProvider("mysql", "my", { username: "admin", ...props }),
        add("mysql:index/database:Database", "shop", { name: "shop" }, { provider: "my" }),
      );
    expect(await violations(mysql({}))).toEqual([
      expect.stringContaining("it names no endpoint: it connects where MYSQL_ENDPOINT points"),
    ]);
    const daemon = (props: Props) =>
      pipe(
        addProvider("docker", "dk", props),
        add("docker:index/network:Network", "net", { name: "net" }, { provider: "dk" }),
      );
    expect(await violations(daemon({}))).toEqual([]);
    expect(await violations(daemon({ host: unknown }))).toEqual([
      expect.stringContaining(
        'docker provider "dk" must connect to a server the pack can place inside US, but its host is not known at preview and comes from no virtual machine of this program',
      ),
    ]);
  });

  // Under `pulumi preview` a database the deployment creates has no address yet: a provider
  // given `host: db.address` has a host not known at preview, computed from that database.
  test("a host not known at preview lies where the database or machine it came from does", async () => {
    const fromDatabase = (provider?: string) =>
      pipe(
        ...(provider === undefined
          ? []
          : [addProvider("aws", provider, { region: "eu-central-1" })]),
        add(
          "aws:rds/instance:Instance",
          "db",
          { engine: "postgres", instanceClass: "db.t4g.micro", storageEncrypted: true },
          { provider },
        ),
        addProvider("postgresql", "pg", { host: unknown, port: 5432 }),
        (plan: Plan) => withDependencies(plan, "pg", { host: ["db"] }),
        add("postgresql:index/database:Database", "orders", { name: "orders" }, { provider: "pg" }),
      );
    // The instance's own advisory (no customer-managed key) aside.
    const mandatory = async (bad: (p: Plan) => Plan) =>
      (await violations(bad)).filter((v) => v.startsWith("mandatory"));
    expect(await mandatory(fromDatabase())).toEqual([]);
    expect(await mandatory(fromDatabase("frankfurt"))).toEqual([
      expect.stringContaining("mandatory resource-placement frankfurt:"),
      expect.stringContaining("mandatory resource-placement db: rds instance"),
      'mandatory named-destinations pg: postgresql provider "pg" must connect to a server the pack can place inside US, but its host is the address of rds instance "db" in eu-central-1 (outside US, in EU). Connect it to a server inside US.',
    ]);
    // A Docker daemon reached over SSH at a virtual machine's address.
    const onMachine = pipe(
      add("aws:ec2/instance:Instance", "builder", {
        instanceType: "t3.small",
        ami: "ami-1",
        associatePublicIpAddress: false,
      }),
      addProvider("docker", "dk", { host: unknown }),
      (plan: Plan) => withDependencies(plan, "dk", { host: ["builder"] }),
      add("docker:index/network:Network", "net", { name: "net" }, { provider: "dk" }),
    );
    expect(await mandatory(onMachine)).toEqual([]);
  });

  test("a publication fails closed: its subscribers are not the program's", async () => {
    const publication = onServer("publication:Publication", "orders-pub", {
      name: "orders_pub",
      database: "orders",
      allTables: true,
    });
    const found = await violations(publication);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(
      'mandatory reviewed-resource-types orders-pub: postgresql publication "orders-pub" must',
    );
    expect(found[0]).toContain("exists for subscribers the program does not name");
  });
});
