/**
 * The host allowlist: destinations a stack's owners have placed by name, each with a reason —
 * a chat robot's webhook (DingTalk's `oapi.dingtalk.com`, WeCom's `qyapi.weixin.qq.com`), a
 * mail domain the team runs itself — where the pack, reading the host alone, cannot say where its
 * servers are. A CIDR entry of the egress allowlist declares a block of addresses and also opens
 * the sealed network's rules to it; a host entry only admits the host where a cloud service or a
 * cluster component sends to it by name (a security group or NetworkPolicy cannot name a host),
 * so it opens no rule.
 *
 * An entry is a host name (`oapi.dingtalk.com`) or `*.` and a domain (`*.dingtalk.com`: every
 * name under it at any depth, not the domain itself). It matches the host of a URL or address
 * and the domain of a mailbox. It applies only where the pack could not place the host: a cloud
 * service's regional endpoint is placed by its region, so an entry naming one is refused, and a
 * wildcard cannot cover a public suffix (`*.com.cn`, `*.github.io`), which would admit every
 * domain registered under it.
 *
 *     sovereign-dc:egressHosts:
 *       - host: oapi.dingtalk.com
 *         reason: DingTalk robot for on-call alerts; DingTalk serves mainland tenants from China
 *
 * Read without the rest of the spec, like the clusters: programs of other projects set it.
 */
import { parse } from "tldts";
import type * as Zod from "zod";
import { declarationIssues, declaredListOf, keyOf } from "./config-value";
import { accelerationNetworkOf, regionOfEndpoint } from "./placement";
import type { SpecIssue } from "./spec";

/** A host, or every host under a domain, that a stack may send to by name, with its reason. */
export interface HostAllowEntry {
  /** `oapi.dingtalk.com`, or `*.dingtalk.com` for every name under the domain. */
  readonly host: string;
  readonly reason: string;
}

/** What a host entry must look like, in every refusal. */
export const hostExpected =
  "expected a host name such as oapi.dingtalk.com, or *. and a domain such as *.dingtalk.com (no scheme, port or path)";

/** One DNS label: letters, digits and hyphens, 1–63 long, no hyphen at either end. */
const label = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Why `host` cannot be a host entry (completing "expected …"), or undefined when it can. Read
 * without regard to case or a trailing dot, as DNS compares names. The pack reads its settings
 * for every resource it judges, so each host's answer is kept.
 */
export function hostEntryProblem(host: unknown): string | undefined {
  if (typeof host !== "string") {
    return hostExpected;
  }
  if (!problems.has(host)) {
    problems.set(host, problemOf(host));
  }
  return problems.get(host);
}
const problems = new Map<string, string | undefined>();

function problemOf(host: string): string | undefined {
  const name = normalizeHost(host);
  const wildcard = name.startsWith("*.");
  const base = wildcard ? name.slice(2) : name;
  const labels = base.split(".");
  if (base.length > 253 || labels.length < 2 || !labels.every((l) => label.test(l))) {
    return hostExpected;
  }
  const parsed = parse(base, { allowPrivateDomains: true });
  if (parsed.isIp) {
    return `${hostExpected}; an IP address is a cidr entry of the egress allowlist`;
  }
  if (parsed.domain === null) {
    return `${hostExpected}; ${base} is a public suffix, under which anyone can register a domain`;
  }
  // Every name under `*.oss-accelerate.aliyuncs.com` is such an endpoint too: it admits none.
  const network = accelerationNetworkOf(wildcard ? `any.${base}` : base);
  if (network !== undefined) {
    return `${hostExpected}; ${wildcard ? `every name under ${base}` : base} is an endpoint of the ${network}, which serves from points of presence worldwide`;
  }
  if (!wildcard) {
    const endpoint = regionOfEndpoint(base);
    if (endpoint !== undefined) {
      return `${hostExpected}; ${base} is a cloud service endpoint of ${endpoint.cloud} region ${endpoint.region}, which the pack places by its region`;
    }
  }
  return undefined;
}

/** A host as compared: lower case, without a trailing dot. */
function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, "");
}

/** Whether `entry` admits `host`: the name itself, or, for `*.<domain>`, any name under it. */
export function hostEntryMatches(entry: HostAllowEntry, host: string): boolean {
  const pattern = normalizeHost(entry.host);
  const name = normalizeHost(host);
  return pattern.startsWith("*.") ? name.endsWith(pattern.slice(1)) : name === pattern;
}

/**
 * The host entry that admits `host` — a host name, or a mailbox (`ops@corp.example.cn`,
 * `mailto:…`) by its domain — or undefined; never for a cloud service's regional endpoint. The
 * entries are those the settings kept: the pack drops any `hostEntryProblem` refuses, so a
 * malformed entry admits nothing.
 */
export function hostEntryFor(
  entries: readonly HostAllowEntry[],
  host: string,
): HostAllowEntry | undefined {
  const name = host.includes("@") ? host.slice(host.lastIndexOf("@") + 1) : host;
  if (entries.length === 0 || name === "" || !/^[a-z0-9.-]+$/i.test(name)) {
    return undefined;
  }
  // As compared: `oss-accelerate.aliyuncs.com.` is the endpoint its trailing dot qualifies.
  const normalized = normalizeHost(name);
  const entry = entries.find((e) => hostEntryMatches(e, name) && !underSuffixBelow(e, normalized));
  // A cloud service's regional endpoint is placed by its region, and a transfer-acceleration
  // endpoint is global, whatever a wildcard covers (`*.amazonaws.com` must admit neither
  // `s3.eu-west-1.amazonaws.com` nor `<bucket>.s3-accelerate.amazonaws.com`).
  return entry !== undefined &&
    regionOfEndpoint(normalized) === undefined &&
    accelerationNetworkOf(normalized) === undefined
    ? entry
    : undefined;
}

/**
 * Whether `host` lies under a public suffix below a wildcard entry's domain: a name anyone may
 * register there (`<bucket>.s3.amazonaws.com`, `ec2-….compute-1.amazonaws.com` under
 * `*.amazonaws.com`), so the owners of the domain never placed it. The Public Suffix List's
 * private section counts, as for the entries themselves.
 */
function underSuffixBelow(entry: HostAllowEntry, host: string): boolean {
  const pattern = normalizeHost(entry.host);
  if (!pattern.startsWith("*.")) {
    return false;
  }
  const suffix = parse(host, { allowPrivateDomains: true }).publicSuffix;
  return suffix !== null && suffix.endsWith(pattern.slice(1));
}

/** The stack config key of the host allowlist. */
export const egressHostsKey = keyOf(["egressHosts"]);

/**
 * The schema of a list of host entries, built the first time a stack declares one (zod loads
 * with it); the stack spec's `egressHosts` is this schema too (residency/spec-schema.ts).
 */
export function hostEntriesSchema(z: typeof Zod.z) {
  const reasonExpected =
    "expected a non-empty justification of why this destination is needed and where its servers are";
  const entry = z.strictObject(
    {
      host: z.string({ error: hostExpected }).superRefine((host, ctx) => {
        const problem = hostEntryProblem(host);
        if (problem !== undefined) {
          ctx.addIssue({ code: "custom", message: problem });
        }
      }),
      reason: z.string({ error: reasonExpected }).trim().min(1, { error: reasonExpected }),
    },
    { error: "expected an object { host, reason }" },
  );
  return z.array(entry, { error: "expected a list of { host, reason }" });
}
let schema: ReturnType<typeof hostEntriesSchema> | undefined;

/** Every issue with a decoded `sovereign-dc:egressHosts` value; empty when it is valid. */
export function hostEntriesIssues(raw: unknown): SpecIssue[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const result = (schema ??= hostEntriesSchema((require("zod") as typeof Zod).z)).safeParse(raw);
  if (result.success) {
    return [];
  }
  return declarationIssues(result.error.issues, raw, "egressHosts", "host and reason");
}

/**
 * The host entries a flat stack config declares (none when the key is absent), or the issues
 * that reject the value. The Pulumi runtime holds structured values as JSON text.
 */
export function declaredHostsOf(
  config: Readonly<Record<string, string>>,
): { declared: HostAllowEntry[] } | { issues: SpecIssue[] } {
  return declaredListOf(config, egressHostsKey, hostEntriesIssues, (e) => ({
    host: e.host as string,
    reason: (e.reason as string).trim(),
  }));
}
