/**
 * The outputs the offline engine synthesises for a new resource: an ID a program passes on must
 * be the one the provider would report, or a reference built from it names nothing of the stack.
 */
import { synthesizeState } from "../../engine/synth";
import { unknownValue } from "../../engine/wire";

const virginia = { region: "us-east-1" };

function idOf(type: string, name: string, inputs: Record<string, unknown>): string {
  return synthesizeState({ type, name, inputs, providerProps: virginia }).id;
}

describe("resource IDs", () => {
  it.each([
    ["aws:rds/globalCluster:GlobalCluster", "globalClusterIdentifier"],
    ["aws:docdb/globalCluster:GlobalCluster", "globalClusterIdentifier"],
    ["aws:neptune/globalCluster:GlobalCluster", "globalClusterIdentifier"],
    ["aws:rds/cluster:Cluster", "clusterIdentifier"],
  ])("names a %s by its %s, as the provider does", (type, prop) => {
    expect(idOf(type, "orders", { [prop]: "orders-global" })).toBe("orders-global");
  });

  it("derives the ID from the resource's name when the identifier is left out or not known", () => {
    const derived = idOf("aws:rds/cluster:Cluster", "orders", {});
    expect(derived).toMatch(/^orders-[0-9a-f]{7}$/);
    expect(idOf("aws:rds/cluster:Cluster", "orders", { clusterIdentifier: "" })).toBe(derived);
    expect(idOf("aws:rds/cluster:Cluster", "orders", { clusterIdentifier: unknownValue })).toBe(
      derived,
    );
  });

  // An RDS instance's ID is its resource ID (db-…), not the identifier the program chose.
  it("does not name other types by an identifier-like input", () => {
    expect(idOf("aws:rds/instance:Instance", "orders", { identifier: "orders-db" })).toMatch(
      /^orders-[0-9a-f]{7}$/,
    );
  });
});

describe("the account of a synthesised ARN", () => {
  const arnOf = (providerProps: Record<string, unknown>, stackAccount?: string) =>
    synthesizeState({
      type: "aws:iam/role:Role",
      name: "reader",
      inputs: {},
      providerProps,
      stackAccount,
    }).state.arn;

  it("is the first account the provider pins", () => {
    expect(arnOf({ ...virginia, allowedAccountIds: ["111122223333"] }, "444455556666")).toMatch(
      /^arn:aws:iam:us-east-1:111122223333:role\//,
    );
    expect(arnOf({ ...virginia, allowedAccountIds: '["111122223333"]' })).toMatch(
      /^arn:aws:iam:us-east-1:111122223333:role\//,
    );
  });

  // Otherwise a grant to the program's own role would read as a grant to another account.
  it("is the account the stack declares when the provider pins none", () => {
    expect(arnOf(virginia, "444455556666")).toMatch(/^arn:aws:iam:us-east-1:444455556666:role\//);
  });

  it("is the placeholder account when neither says", () => {
    expect(arnOf(virginia)).toMatch(/^arn:aws:iam:us-east-1:123456789012:role\//);
  });
});
