/**
 * The stack's own accounts: the ones its provider pins (AWS `allowedAccountIds`, Alibaba Cloud
 * `accountId`). A grant, peering or copy to any other account gives data to someone the stack does
 * not control, and a provider that pins none leaves the pack unable to tell which account is own.
 */
import { arnAccount } from "../../residency/placement";
import type { BorderResource } from "./model";
import { locate } from "./places";
import type { Resolver } from "./resolver";
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

/**
 * The account an ARN a resource delivers data to names, when it can be told from the stack's own
 * and is not — else undefined. With accounts pinned (the provider's `allowedAccountIds` or
 * `accountId`) or declared (`sovereign-dc:accountId`), every other account is another's. With
 * none, the offline engine writes its stand-in where the stack's own belongs (in the ARNs of the
 * program's resources and of `aws.getCallerIdentity`), so any other account is another's; under
 * the Pulumi CLI the real account stands there, which cannot be told from another's, and the ARN
 * is left to the places its region names — pinning the account is what lets the pack judge it.
 */
export function judgedArnAccount(
  arn: string,
  r: { readonly provider?: string },
  x: {
    get(urn: string): { readonly props: Readonly<Record<string, unknown>> } | undefined;
    readonly declaredAccounts: readonly string[];
    readonly standInAccount?: string;
  },
): string | undefined {
  const account = arnAccount(arn);
  if (account === undefined) {
    return undefined;
  }
  const own = ownAccounts(r.provider ? x.get(r.provider) : undefined, x.declaredAccounts);
  return otherAccount(account, own, standInFor(arn, x.standInAccount));
}

/**
 * The offline engine's stand-in for the account an ARN should be of: it answers for AWS's caller
 * (`aws.getCallerIdentity`, the ARNs of the program's resources); Alibaba Cloud's account is
 * answered only from the provider's pin (`alicloud.getAccount`), so an `acs:` ARN has none and
 * its account is told from the stack's own only where one is pinned or declared.
 */
export function standInFor(arn: string, standIn: string | undefined): string | undefined {
  return arn.startsWith("acs:") ? undefined : standIn;
}

/**
 * `account` when it can be told from the stack's own (`own`, else the offline engine's stand-in)
 * and is not one of them; else undefined (see `judgedArnAccount`).
 */
export function otherAccount(
  account: string,
  own: readonly string[],
  standIn: string | undefined,
): string | undefined {
  if (own.length > 0) {
    return own.includes(account) ? undefined : account;
  }
  return standIn === undefined || account === standIn ? undefined : account;
}

/**
 * The other account a resource delivers data to by an ARN (a log vendor's destination, another
 * account's event bus), when the ARN's own place is inside — an ARN of a region outside, or of a
 * partition that spans other countries, is judged by that place, and its account adds no second
 * finding — else undefined (see `judgedArnAccount`).
 */
export function foreignDeliveryAccount(
  x: Resolver,
  r: BorderResource,
  arn: string,
): string | undefined {
  const place = x.locatedPlace(locate(x.jurisdiction, "arn", arn, "aws"));
  return place !== undefined && place.side !== "inside" ? undefined : judgedArnAccount(arn, r, x);
}
