/**
 * resource-placement on a replica placed abroad: its finding says what the replica copies, so a
 * reviewer does not take the disaster-recovery copy for a placement slip (found on the bench of
 * multi-region programs: a global table's replica and a global database's secondary in
 * Frankfurt were named only for their region).
 */
import { messagesOf } from "../helpers/cluster-objects";
import { type OracleResource } from "../helpers/model-oracle";

const frankfurt: OracleResource = {
  type: "pulumi:providers:aws",
  name: "fra",
  props: { region: "eu-central-1" },
};
const at = (type: string, name: string, props: Record<string, unknown>): OracleResource => ({
  type,
  name,
  provider: "fra",
  props,
});

test("a table replica and a global database's secondary abroad are named for the copy they hold", () => {
  const messages = messagesOf("resource-placement", [
    frankfurt,
    at("aws:dynamodb/tableReplica:TableReplica", "orders-eu", {
      globalTableArn: "arn:aws-cn:dynamodb:cn-north-1:111122223333:table/orders",
    }),
    at("aws:rds/cluster:Cluster", "secondary", {
      engine: "aurora-postgresql",
      globalClusterIdentifier: "orders",
    }),
  ]);
  expect(messages).toEqual(
    expect.arrayContaining([
      'dynamodb table replica "orders-eu" must be created in a region inside CN, but its effective region is eu-central-1 (outside CN, in EU). It is a replica of the table "arn:aws-cn:dynamodb:cn-north-1:111122223333:table/orders", so that data is copied there. Create it through the stack\'s provider, or pin its region inside CN.',
      'rds cluster "secondary" must be created in a region inside CN, but its effective region is eu-central-1 (outside CN, in EU). It is a member of the global database "orders", so that data is copied there. Create it through the stack\'s provider, or pin its region inside CN.',
    ]),
  );
});

// Found on the databases bench: a MemoryDB multi-Region cluster's member and a Tair instance of a
// global distributed cache abroad were named for their region alone.
test("a multi-Region cache's member abroad is named for the copy it holds", () => {
  const singapore: OracleResource = {
    type: "pulumi:providers:alicloud",
    name: "sg",
    props: { region: "ap-southeast-1" },
  };
  const messages = messagesOf("resource-placement", [
    frankfurt,
    singapore,
    at("aws:memorydb/cluster:Cluster", "sessions-eu", {
      aclName: "open-access",
      nodeType: "db.r7g.xlarge",
      multiRegionClusterName: "mrc-sessions",
    }),
    {
      type: "alicloud:kvstore/instance:Instance",
      name: "cache-sg",
      provider: "sg",
      props: { instanceType: "Redis", globalInstanceId: "gr-0123456789" },
    },
  ]);
  expect(messages).toEqual(
    expect.arrayContaining([
      'memorydb cluster "sessions-eu" must be created in a region inside CN, but its effective region is eu-central-1 (outside CN, in EU). It is a member of the multi-Region cluster "mrc-sessions", so that data is copied there. Create it through the stack\'s provider, or pin its region inside CN.',
      expect.stringMatching(
        /^kvstore instance "cache-sg" must be created in a region inside CN, but its effective region is ap-southeast-1 \(outside CN, in SG\)\. It is a member of the global distributed cache "gr-0123456789", so that data is copied there\./,
      ),
    ]),
  );
});

test("twin: a resource abroad that copies nothing is named for its region alone", () => {
  const messages = messagesOf("resource-placement", [
    frankfurt,
    at("aws:rds/cluster:Cluster", "standalone", { engine: "aurora-postgresql" }),
  ]);
  expect(messages).toContain(
    'rds cluster "standalone" must be created in a region inside CN, but its effective region is eu-central-1 (outside CN, in EU). Create it through the stack\'s provider, or pin its region inside CN.',
  );
});
