/**
 * The stack's own accounts: the ones its provider pins (AWS `allowedAccountIds`, Alibaba Cloud
 * `accountId`). A grant, peering or copy to any other account gives data to someone the stack does
 * not control, and a provider that pins none leaves the pack unable to tell which account is own.
 */
import { isUnknown, jsonDocument, known, stringList } from "./values";

/** The accounts a provider pins the stack to; none when there is no provider or it pins none. */
export function ownAccounts(
  provider: { readonly props: Readonly<Record<string, unknown>> } | undefined,
): string[] {
  if (!provider) {
    return [];
  }
  const props = provider.props;
  const ids = known(() => props.allowedAccountIds);
  const own = known(() => props.accountId);
  const list = isUnknown(ids) ? [] : stringList(jsonDocument(ids) ?? ids);
  return [...list, ...(typeof own === "string" ? [own] : [])];
}

/** Why an account is not the stack's own: `not this stack's account 1, 2`, or no account pinned. */
export function notOwnAccount(own: readonly string[]): string {
  return own.length > 0
    ? `not this stack's account ${own.join(", ")}`
    : "the provider pins no account";
}

/** How an account that is not the stack's own is named at the far end of a path. */
export function foreignAccountPlace(account: string, own: readonly string[]): string {
  return own.length > 0
    ? `account ${account} (${notOwnAccount(own)})`
    : `account ${account} (${notOwnAccount(own)}, so it cannot be checked)`;
}
