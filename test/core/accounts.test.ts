/**
 * The stack's own accounts (policy/paths/accounts.ts): the ones its provider pins, read from the
 * runtime's proxies, and how another account is named at the far end of a path.
 */
import { foreignAccountPlace, notOwnAccount, ownAccounts } from "../../policy/paths/accounts";
import { providerOf, unknownText } from "./support";

describe("the stack's own accounts", () => {
  test.each<[string, Record<string, unknown> | undefined, string[]]>([
    ["no provider", undefined, []],
    ["an Alibaba account", { accountId: "123" }, ["123"]],
    [
      "AWS allowed accounts as the SDK sends them",
      { allowedAccountIds: '["111","222"]' },
      ["111", "222"],
    ],
    [
      "AWS allowed accounts as a list",
      { allowedAccountIds: ["111"], accountId: "9" },
      ["111", "9"],
    ],
    ["an allowed list not known yet", { allowedAccountIds: unknownText, accountId: "9" }, ["9"]],
    ["an account that is not text", { accountId: 9 }, []],
  ])("%s", (_label, props, expected) => {
    expect(ownAccounts(props && providerOf("aws", "p", props))).toEqual(expected);
  });
});

describe("another account", () => {
  test("is named with the accounts the provider pins", () => {
    expect(notOwnAccount(["111", "222"])).toBe("not this stack's account 111, 222");
    expect(foreignAccountPlace("333", ["111", "222"])).toBe(
      "account 333 (not this stack's account 111, 222)",
    );
  });

  test("cannot be told from the own one when the provider pins none", () => {
    expect(notOwnAccount([])).toBe("the provider pins no account");
    expect(foreignAccountPlace("333", [])).toBe(
      "account 333 (the provider pins no account, so it cannot be checked)",
    );
  });
});
