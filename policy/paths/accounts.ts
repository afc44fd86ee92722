/**
 * The stack's own accounts: the ones its provider pins (AWS `allowedAccountIds`, Alibaba Cloud
 * `accountId`). A grant, peering or copy to any other account gives data to someone the stack does
 * not control, and a provider that pins none leaves the pack unable to tell which account is own.
 */
import { isUnknown, jsonDocument, known, stringList } from "./values";

/**
 * The stack's own accounts: those the stack config declares (`declared`) and those a provider
 * pins; none when neither names one.
 */
export function ownAccounts(
  provider: { readonly props: Readonly<Record<string, unknown>> } | undefined,
  declared: readonly string[] = [],
): string[] {
  if (!provider) {
    return [...declared];
  }
  const props = provider.props;
  const ids = known(() => props.allowedAccountIds);
  const own = known(() => props.accountId);
  const list = isUnknown(ids) ? [] : stringList(jsonDocument(ids) ?? ids);
  return [...new Set([...declared, ...list, ...(typeof own === "string" ? [own] : [])])];
}

/** Why an account is not the stack's own: `not this stack's account 1, 2`, or no account pinned. */
export function notOwnAccount(own: readonly string[]): string {
  return own.length > 0
    ? `not this stack's account ${own.join(", ")}`
    : "the provider pins no account";
}

/**
 * How an account that is not the stack's own is named at the far end of a path. `standIn` is the
 * account the offline engine writes where the stack's own belongs and no provider or stack config
 * names it (in synthesised ARNs, the caller's identity): under the Pulumi CLI the real account
 * stands there, which cannot be checked either, so the grant is reported the same way — named
 * for what it is.
 */
export function foreignAccountPlace(
  account: string,
  own: readonly string[],
  standIn?: string,
): string {
  if (standIn !== undefined && account === standIn) {
    return `account ${account} (the offline engine's stand-in for the stack's own account, which no provider pins and the stack config does not declare (sovereign-dc:accountId), so it cannot be checked)`;
  }
  return own.length > 0
    ? `account ${account} (${notOwnAccount(own)})`
    : `account ${account} (${notOwnAccount(own)}, so it cannot be checked)`;
}
