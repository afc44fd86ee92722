/**
 * What the program sends over the network itself. A Pulumi program is code: besides declaring
 * resources it may call a cloud's API through its SDK (invite accounts to an organization, copy
 * an object to a bucket), post to a webhook or read a URL while it runs — on every `pulumi
 * preview` and `pulumi up`. Such a request is no resource, so no policy of the pack sees it,
 * under the Pulumi CLI either; the offline engine records each one the program sends while it
 * evaluates (engine/program-loop.ts) and reports them itself under `program-requests`:
 *
 * - a request that sends data (any method but GET, HEAD and OPTIONS) to a place outside the
 *   jurisdiction, or to a host it cannot place, is a path out: mandatory, one finding per host. A
 *   cloud's regional endpoint is placed by its region (`s3.eu-west-1.amazonaws.com`); a private
 *   or loopback address is the program's own network.
 * - a call through the AWS SDK v3 (engine/sdk-calls.ts) is judged by the endpoint the program
 *   gave its client, else by the region the client is configured for: outside the jurisdiction,
 *   or a region the client does not say, is a path out, mandatory, one finding per service and
 *   place; the requests it sends (its credentials lookup included) are the call's.
 * - any other request to a machine's instance metadata service is a cloud SDK the engine does not
 *   record looking for credentials: the program calls a cloud's API itself, and where those calls
 *   go and what they carry is not known (offline, without credentials, none was sent): a
 *   destination that cannot be placed, mandatory.
 * - a TCP connection the program opens itself (a database client's socket; not one of its
 *   requests', nor one to the machine or a private network) to a host outside the jurisdiction,
 *   or one the pack cannot place, is a path out as data sent there: mandatory, one finding per
 *   host. What goes over it is not seen. A UDP datagram it sends (`dgram`) is judged so too, by
 *   where it went: one to the machine or a private network passes.
 * - a worker thread the program starts (`worker_threads`) runs its code apart from the program's
 *   thread, where the engine records what the program sends, and may go on after the program
 *   returned: what it sends, and where, is not seen, so its start is a destination that cannot be
 *   placed, mandatory.
 * - a command the program runs (`child_process`) is advised on: what it sends, and where, is not
 *   seen, and most send nothing (a build) — but an upload its line names is judged as a request
 *   there (residency/uploads.ts `uploadsIn`, which reads the scripts a resource's compute runs
 *   too): a curl or wget that sends data, by its URL's host; an scp, rsync, azcopy or az storage blob copy, an nc
 *   or socat connection or a write to /dev/tcp, by its host; a cloud CLI's copy to a bucket, by the
 *   endpoint or region its line gives, else by the program's bucket of that name, else it cannot
 *   be placed; an rclone remote, mc alias or Cloud Storage bucket the line names without its
 *   place cannot be placed. A shell script it runs is read with what it installs to run later.
 * - a request that got no answer (offline, most do not) left the program going on without it:
 *   what it would have done with the answer was not seen. Advisory: one that a resource needed
 *   stops the check itself (exit 2), naming the resource.
 */
import type { Cloud, Jurisdiction } from "../residency/jurisdictions";
import { cloudNames, regionInJurisdiction } from "../residency/jurisdictions";
import { describePlace, placementOf, regionOfEndpoint } from "../residency/placement";
import {
  type EgressAllowEntry,
  readSettings,
  type WaivedBy,
  waiverProblem,
} from "../policy/framework";
import { allowlistEntryAt } from "../policy/paths/addresses";
import { commandsRun, describeRemote, environmentsAlong, uploadsIn } from "../residency/uploads";
import type { Level, PolicyPackConfig } from "./analyzer";
import type { Violation } from "./check";
import type { Plan, ProgramRequest, SdkCall } from "./plan";
import { isLocalHost } from "./program-loop";
import { requestDestination, waiversOf } from "./waivers";

export const programRequests = {
  name: "program-requests",
  description:
    "Checks whether the program itself sends data over the network while it runs to places outside the jurisdiction, or to places that cannot be placed.",
  severity: "high",
  remediationSteps:
    "Move what the program sends into resources the pack judges (the provider's own resource types), or remove the request; a program's own requests run on every pulumi preview and up.",
} as const;

/** The methods that only read: what they carry out is the request line and its headers. */
const reads: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The instance metadata services cloud SDKs ask for credentials and the region: AWS's (IPv4 and
 * IPv6, and the ECS task endpoint), also Azure's, Google Cloud's and Oracle's address, and Alibaba
 * Cloud's.
 */
const metadataHosts: ReadonlySet<string> = new Set([
  "169.254.169.254",
  "fd00:ec2::254",
  "169.254.170.2",
  "100.100.100.200",
  "metadata.google.internal",
]);

/** The SDK a call of the program's went through, by its cloud, in a finding's words. */
const sdkWords: Readonly<Record<Cloud, string>> = {
  aws: "the AWS SDK",
  alicloud: "Alibaba Cloud's OpenAPI SDK",
};

/**
 * Where a host is — one a request went to (placed by its URL), a connection or a command reached,
 * an SDK client's endpoint — in a finding's words, and whether that is inside the jurisdiction.
 */
function placeOf(
  j: Jurisdiction,
  allow: readonly EgressAllowEntry[],
  host: string,
  url = `https://${host}/`,
): { inside: boolean; words: string } {
  if (isLocalHost(host)) {
    return { inside: true, words: "a private address" };
  }
  const at = regionOfEndpoint(url);
  if (at === undefined) {
    // A host the stack's owners placed by name (`egressHosts`, never a cloud's regional
    // endpoint) or an address of its egress allowlist, as the pack admits them for resources.
    const entry = allowlistEntryAt(allow, host);
    if (entry !== undefined) {
      return {
        inside: true,
        words: `${"host" in entry ? "a host the stack's egressHosts places" : "an address of the stack's egress allowlist"} (${entry.reason})`,
      };
    }
    return { inside: false, words: "a host the pack cannot place in a country" };
  }
  return {
    inside: regionInJurisdiction(j, at.cloud, at.region),
    words: `${cloudNames[at.cloud]} ${describePlace(j, at.cloud, at.region)}`,
  };
}

/**
 * Where a call through the AWS SDK goes, in a finding's words: the endpoint the program gave its
 * client (placed by its host, as a request's), else the client's region.
 */
function sdkCallPlace(
  j: Jurisdiction,
  allow: readonly EgressAllowEntry[],
  c: SdkCall,
): { inside: boolean; words: string; where: string } {
  if (c.endpoint !== undefined) {
    const at = placeOf(j, allow, c.endpoint);
    return {
      inside: at.inside,
      // "…, s3.eu-west-1.amazonaws.com, in AWS eu-west-1 (outside CN, in EU)" or "…, a host the
      // pack cannot place in a country".
      words: `at the endpoint its client calls, ${c.endpoint}, ${at.words.startsWith("a ") ? at.words : `in ${at.words}`}`,
      where: `${c.endpoint}: ${at.words}`,
    };
  }
  if (c.region === undefined) {
    return {
      inside: false,
      words: "in a region its client does not say (none could be read)",
      where: "a region that cannot be read",
    };
  }
  const cloud = c.cloud ?? "aws";
  const place = describePlace(j, cloud, c.region);
  return { inside: regionInJurisdiction(j, cloud, c.region), words: `in ${place}`, where: place };
}

/** The bucket types a copy by bucket name resolves to, by the store its URL names. */
const bucketTypes: Readonly<Record<"s3" | "oss", readonly string[]>> = {
  s3: ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"],
  oss: ["alicloud:oss/bucket:Bucket"],
};

/**
 * Where a command the program ran sends data (residency/uploads.ts `uploadsIn`), each by the
 * words a finding names it with (`key`) and its place: the host of a URL, a copy or a
 * connection; a bucket by the endpoint or region its line gives, else by the program's bucket of
 * that name (its region), else not placed; a destination the line builds at run time not placed.
 */
function commandDestinations(
  command: string,
  plan: Plan,
  j: Jurisdiction,
  allow: readonly EgressAllowEntry[],
): Array<{ key: string; place: { inside: boolean; words: string } }> {
  const unplaced = (words: string) => ({ inside: false, words });
  return environmentsAlong(command, commandsRun(command))
    .flatMap(([c, environment]) => uploadsIn(c, environment))
    .flatMap((u) => [
      ...u.urls.map((url) => {
        const host = new URL(url).hostname.replace(/^\[|\]$/g, "").toLowerCase();
        return { key: host, place: placeOf(j, allow, host) };
      }),
      ...u.hosts.map((host) => ({ key: host, place: placeOf(j, allow, host) })),
      ...u.unread.map((written) => ({
        key: written,
        place: unplaced("a destination the command builds at run time, which cannot be read"),
      })),
      ...u.remotes.map((r) => {
        const { named, why } = describeRemote(r);
        return { key: named, place: unplaced(why) };
      }),
      ...u.buckets.map((b) => {
        const key = `the ${b.store === "s3" ? "S3" : "OSS"} bucket ${b.bucket}`;
        const cloud: Cloud = b.store === "s3" ? "aws" : "alicloud";
        // The line's region or endpoint places where an S3 request goes, not the bucket: inside,
        // the AWS CLI follows S3's redirect to wherever the bucket lies, so the program's bucket
        // of that name places it, or nothing does. OSS's endpoint places its bucket.
        const endpoint =
          b.endpoint === undefined
            ? undefined
            : b.endpoint.includes("://")
              ? b.endpoint
              : `https://${b.endpoint}`;
        const line =
          endpoint !== undefined
            ? placeOf(j, allow, new URL(endpoint).hostname.toLowerCase(), endpoint)
            : b.region !== undefined
              ? {
                  inside: regionInJurisdiction(j, cloud, b.region),
                  words: `${cloudNames[cloud]} ${describePlace(j, cloud, b.region)}`,
                }
              : undefined;
        const redirected =
          b.store === "s3" &&
          line?.inside === true &&
          (endpoint === undefined || regionOfEndpoint(endpoint) !== undefined);
        if (line !== undefined && !redirected) {
          return { key, place: line };
        }
        const region = declaredBucketRegion(plan, b.store, b.bucket);
        if (region === undefined && redirected) {
          return {
            key,
            place: unplaced(
              "a bucket the program does not create: the command's region or endpoint places only its request, and the AWS CLI follows S3's redirect to wherever the bucket lies",
            ),
          };
        }
        if (region === undefined) {
          return {
            key,
            place: unplaced(
              "a bucket the program does not create in a region it names, and the command names no region or endpoint for it",
            ),
          };
        }
        return {
          key,
          place: {
            inside: regionInJurisdiction(j, cloud, region),
            words: `${cloudNames[cloud]} ${describePlace(j, cloud, region)}`,
          },
        };
      }),
    ]);
}

/** The region of the program's bucket named `name`, where its placement names one. */
function declaredBucketRegion(plan: Plan, store: "s3" | "oss", name: string): string | undefined {
  const bucket = plan.resources.find(
    (r) =>
      bucketTypes[store].includes(r.type) &&
      (r.outputs.bucket === name || r.inputs.bucket === name),
  );
  if (bucket === undefined) {
    return undefined;
  }
  const provider = plan.resources.find((p) => p.urn === bucket.provider);
  const at = placementOf(
    bucket.type,
    bucket.inputs,
    provider === undefined ? undefined : { type: provider.type, props: provider.inputs },
  );
  return at.kind === "region" ? at.region : undefined;
}

/** `a, b, c and 2 more`: the first `n` of `items`, and how many more. */
function firstOf(items: readonly string[], n = 3): string {
  const shown = items.slice(0, n).join(", ");
  return items.length > n ? `${shown} and ${items.length - n} more` : shown;
}

/** `PUT https://…/customers.json, POST https://…/hook (and 3 more)`: requests, in a finding's words. */
function listed(rs: readonly ProgramRequest[], reason = false): string {
  return firstOf([
    ...new Set(rs.map((r) => `${r.method} ${r.url}${reason && r.failed ? ` (${r.failed})` : ""}`)),
  ]);
}

/**
 * The findings on what the program sent over the network itself (see the module's doc). Its
 * paths out are mandatory, as the pack's are (`--policy-config` may not lower them); a valid
 * waiver of `program-requests` for the stack, in `config`, covers its findings: listed as waived,
 * out of the verdict.
 */
export function programRequestViolations(
  plan: Plan,
  j: Jurisdiction,
  config?: PolicyPackConfig,
): Violation[] {
  // A request sent for a call through the AWS SDK is judged as the call (its service and region).
  const sent = (plan.programRequests ?? []).filter((r) => r.bySdkCall !== true);
  const calls = plan.sdkCalls ?? [];
  const connections = plan.programConnections ?? [];
  const commands = plan.programCommands ?? [];
  const workers = plan.programWorkers ?? [];
  const libraryWorkers = plan.libraryWorkers ?? [];
  if (
    sent.length === 0 &&
    calls.length === 0 &&
    connections.length === 0 &&
    commands.length === 0 &&
    workers.length === 0 &&
    libraryWorkers.length === 0
  ) {
    return [];
  }
  const stack = plan.resources.find((r) => r.type === "pulumi:pulumi:Stack");
  const subject = {
    policy: programRequests.name,
    resourceType: stack?.type ?? "pulumi:pulumi:Stack",
    resourceName: stack?.name ?? plan.stack,
    urn: stack?.urn ?? null,
  };
  const program = `the program ${plan.program}`;
  // The places the stack's owners declared (the same under every policy of the pack config).
  const allow = readSettings(
    Object.values(config ?? {}).find(
      (s) => s !== null && typeof s === "object" && "jurisdiction" in s,
    ) ?? {},
  ).egressAllowlist;
  const approved = `a request your organisation has approved is waived in --policy-config under "${programRequests.name}", for its destination as the path names it (or for the stack's resource ${JSON.stringify(subject.resourceName)}, which covers every request), with its reason and expiry.`;
  const level: Level = "mandatory";
  const out: Violation[] = [];

  // The program's calls through the AWS SDK, by service and place: the endpoint the program gave
  // the client, else its region. One outside the jurisdiction, or that cannot be placed, is a
  // call that sends data there.
  const byPlace = new Map<string, SdkCall[]>();
  for (const c of calls) {
    const key = `${c.service}\0${c.endpoint ?? ""}\0${c.region ?? ""}`;
    const group = byPlace.get(key) ?? [];
    group.push(c);
    byPlace.set(key, group);
  }
  const reportedCalls = new Set<SdkCall>();
  for (const group of byPlace.values()) {
    const { service } = group[0];
    const place = sdkCallPlace(j, allow, group[0]);
    if (place.inside) {
      continue;
    }
    for (const c of group) {
      reportedCalls.add(c);
    }
    const operations = [...new Set(group.map((c) => c.operation))];
    const failed = group.find((c) => c.failed !== undefined)?.failed;
    const unseen =
      failed === undefined
        ? ""
        : ` Offline the call got no answer (${failed}): what the program does with it was not seen either.`;
    const named = firstOf(operations, 4);
    out.push({
      ...subject,
      level,
      message: `stack ${JSON.stringify(plan.stack)} must send data only to places inside ${j.id}, but ${program} calls ${cloudNames[group[0].cloud ?? "aws"]} ${service} itself ${place.words}, through ${sdkWords[group[0].cloud ?? "aws"]} while it ran (${named}). A program's own call to a cloud is no resource: it is made on every pulumi preview and up, sending its parameters there, and no policy of the pack judges it.${unseen} Declare what the call does as a resource of the program, or make it in a region inside ${j.id}; once reviewed, ${approved}`,
      path: [
        program,
        `its own ${cloudNames[group[0].cloud ?? "aws"]} SDK calls (${service}: ${named})`,
        place.where,
      ],
    });
  }

  const metadata = sent.filter((r) => metadataHosts.has(r.host));
  if (metadata.length > 0) {
    const hosts = [...new Set(metadata.map((r) => r.host))].join(", ");
    out.push({
      ...subject,
      level,
      message: `stack ${JSON.stringify(plan.stack)} must send data only to places inside ${j.id}, but ${program} calls a cloud's API itself: while it ran, a cloud SDK it uses asked the instance metadata service at ${hosts} for credentials (${listed(metadata)}). A program's own calls to a cloud are no resources: where they go and what they carry cannot be placed, and a call that found no credentials left the program going on without its answer, so what it does with the answers was not seen either. Declare what the calls do as resources of the program; once where they go and what they send is reviewed, ${approved}`,
      path: [
        program,
        `its own calls to a cloud's API (credentials asked of ${hosts})`,
        "a destination that cannot be placed",
      ],
    });
  }

  const others = sent.filter((r) => !metadataHosts.has(r.host));
  const sends = others.filter((r) => !reads.has(r.method));
  const byHost = new Map<string, ProgramRequest[]>();
  for (const r of sends) {
    const toHost = byHost.get(r.host) ?? [];
    toHost.push(r);
    byHost.set(r.host, toHost);
  }
  const reported = new Set<string>();
  for (const [host, rs] of byHost) {
    const place = placeOf(j, allow, rs[0].host, rs[0].url);
    if (place.inside) {
      continue;
    }
    reported.add(host);
    out.push({
      ...subject,
      level,
      message: `stack ${JSON.stringify(plan.stack)} must send data only to places inside ${j.id}, but ${program} itself sent data to ${host}, ${place.words}, while it ran (${listed(rs)}). A program's own request is no resource: it is sent on every pulumi preview and up, and no policy of the pack judges it. Move what it sends into a resource the pack judges, or remove the request.`,
      path: [program, `its own requests (${listed(rs)})`, `${host}: ${place.words}`],
    });
  }

  // The program's own TCP connections (a database client's, a raw socket's) and UDP datagrams, by
  // host: what it sends over one is unseen, so a host outside or that cannot be placed is a path
  // out.
  const byConnectedHost = new Map<string, { host: string; udp: boolean; ports: number[] }>();
  for (const c of connections) {
    const udp = c.protocol === "udp";
    const key = `${udp ? "udp" : "tcp"}\0${c.host}`;
    const entry = byConnectedHost.get(key) ?? { host: c.host, udp, ports: [] };
    entry.ports.push(c.port);
    byConnectedHost.set(key, entry);
  }
  for (const { host, udp, ports } of byConnectedHost.values()) {
    const place = placeOf(j, allow, host);
    if (place.inside) {
      continue;
    }
    const at = `${host}:${ports.join(", ")}`;
    if (udp) {
      out.push({
        ...subject,
        level,
        message: `stack ${JSON.stringify(plan.stack)} must send data only to places inside ${j.id}, but ${program} itself sent UDP datagrams to ${at}, ${place.words}, while it ran. What a datagram carries — a log line, a metric, a password — is no resource: it is sent on every pulumi preview and up, and no policy of the pack judges it. Send only to hosts inside ${j.id}, or do the work in a resource the pack judges; once reviewed, ${approved}`,
        path: [program, `its own UDP datagrams (${at})`, `${host}: ${place.words}`],
      });
      continue;
    }
    out.push({
      ...subject,
      level,
      message: `stack ${JSON.stringify(plan.stack)} must send data only to places inside ${j.id}, but ${program} itself connected to ${at}, ${place.words}, while it ran. What it sends over its own connection — a database client's queries and rows, say — is no resource: it is sent on every pulumi preview and up, and no policy of the pack judges it. Connect only to hosts inside ${j.id}, or do the work in a resource the pack judges; once reviewed, ${approved}`,
      path: [program, `its own connection (${at})`, `${host}: ${place.words}`],
    });
  }

  // The worker threads the program starts: what a worker sends is not seen, so it fails closed.
  if (workers.length > 0) {
    const shown = firstOf([...new Set(workers)]);
    out.push({
      ...subject,
      level,
      message: `stack ${JSON.stringify(plan.stack)} must send data only to places inside ${j.id}, but ${program} starts ${workers.length} worker thread(s) itself while it ran (${shown}), whose requests the engine cannot see: a worker runs its code apart from the program's thread, where the engine records what the program sends, and may go on after the program returned, so what it sends, and where, on every pulumi preview and up, is not judged. Do the work in the program's own thread or in a resource the pack judges; once what the worker sends is reviewed, ${approved}`,
      path: [program, `its own worker threads (${shown})`, "a destination that cannot be placed"],
    });
  }

  // A curl or wget that sends data (a POST, an upload) to a URL its command line names is a
  // request as the program's own are: judged by the URL's host; so is an scp or rsync copy to
  // another machine and an nc connection, by its host, and a cloud CLI's copy to a bucket, by the
  // endpoint or region its line gives, else by the program's bucket of that name.
  const sendsTo = new Map<string, { place: { inside: boolean; words: string }; ran: string[] }>();
  for (const c of commands) {
    for (const { key, place } of commandDestinations(c, plan, j, allow)) {
      const entry = sendsTo.get(key) ?? { place, ran: [] };
      entry.ran.push(c);
      sendsTo.set(key, entry);
    }
  }
  for (const [to, { place, ran }] of sendsTo) {
    if (place.inside) {
      continue;
    }
    const shown = [...new Set(ran)].map((c) => JSON.stringify(c)).join(", ");
    out.push({
      ...subject,
      level,
      message: `stack ${JSON.stringify(plan.stack)} must send data only to places inside ${j.id}, but ${program} itself sent data to ${to}, ${place.words}, through a command it ran (${shown}). A program's own command is no resource: it runs on every pulumi preview and up, and no policy of the pack judges what it sends. Move what it sends into a resource the pack judges, or remove the command.`,
      path: [program, `its own command (${shown})`, `${to}: ${place.words}`],
    });
  }

  // The worker threads libraries start (esbuild's synchronous API blocks on its service in one):
  // what they send is not seen, as what a command sends is not; advised on as commands are. The
  // program's own are a path that cannot be placed (above).
  if (libraryWorkers.length > 0) {
    const shown = firstOf([...new Set(libraryWorkers)]);
    out.push({
      ...subject,
      level: "advisory",
      message: `stack ${JSON.stringify(plan.stack)} has libraries of ${program} starting ${libraryWorkers.length} worker thread(s) while it ran (${shown}): what a library's thread sends, and where, is not seen by the pack, as what a command sends is not. Review what each library does in its thread (a bundler's service, a logger's transport); one that sends the stack's data is better replaced by a resource the pack judges.`,
      path: null,
    });
  }

  // The commands the program runs: where a command sends what it is given is not seen.
  if (commands.length > 0) {
    // The commands a library ran are named with it (`@pulumi/eks` asking `aws --version`).
    const byLibrary = new Map((plan.libraryCommands ?? []).map((c) => [c.command, c.package]));
    const own = commands.filter((c) => !byLibrary.has(c));
    const libraries = [...new Set(byLibrary.values())].map(
      (pkg) =>
        `${pkg}: ${[...byLibrary]
          .filter(([, p]) => p === pkg)
          .map(([c]) => JSON.stringify(c))
          .join(", ")}`,
    );
    const running = [
      ...(own.length > 0
        ? [
            `${program} running ${own.length} command(s) itself while it ran (${firstOf(own.map((c) => JSON.stringify(c)))})`,
          ]
        : []),
      ...(libraries.length > 0
        ? [
            `${own.length > 0 ? "its" : `${program}'s`} libraries running ${byLibrary.size} command(s) while it ran (${firstOf(libraries)})`,
          ]
        : []),
    ].join(" and ");
    out.push({
      ...subject,
      level: "advisory",
      message: `stack ${JSON.stringify(plan.stack)} has ${running}: what a command sends, and where, is seen by the pack only where its line names it (a curl or wget upload, an scp, rsync or nc to a host, a cloud CLI's copy to a bucket), not what a script or tool it runs sends by itself. Review what each one sends; a command that moves the stack's data is better declared as a resource the pack judges.`,
      path: null,
    });
  }

  // A request or call already reported as a path out is not named again for its answer.
  const unanswered = [
    ...others
      .filter((r) => r.failed !== undefined && !isLocalHost(r.host) && !reported.has(r.host))
      .map((r) => `${r.method} ${r.url} (${r.failed})`),
    ...calls
      .filter((c) => c.failed !== undefined && !reportedCalls.has(c))
      .map(
        (c) =>
          `${cloudNames[c.cloud ?? "aws"]} ${c.service} ${c.operation} in ${c.region ?? "(no region)"} (${c.failed})`,
      ),
  ];
  if (unanswered.length > 0) {
    const distinct = [...new Set(unanswered)];
    const shown = firstOf(distinct);
    out.push({
      ...subject,
      level: "advisory",
      message: `stack ${JSON.stringify(plan.stack)} has ${program} going on without the answers to ${distinct.length} request(s) it sent itself while it ran, which got none here (${shown}): what it does with those answers under pulumi preview and up was not seen. A resource that needed one would have stopped the check (exit 2); run the check where the requests are answered to see the rest.`,
      path: null,
    });
  }
  return waivedIn(config, out, subject);
}

/**
 * `found` with each path out a valid waiver of `program-requests` covers marked with it: one that
 * names the finding's destination (`hooks.example.com`, `the S3 bucket archive`: that crossing
 * alone), or the stack's resource (its name or URN), as a pack policy's waiver names the resource
 * its finding is on — that one covers every request the program sends itself, as lowering the
 * policy used to, so its reason says what was reviewed. The advisory findings stay advice. A
 * waived finding is listed and decides no verdict.
 */
function waivedIn(
  config: PolicyPackConfig | undefined,
  found: readonly Violation[],
  stack: { readonly resourceName: string | null; readonly urn: string | null },
): Violation[] {
  const valid = waiversOf(config ?? {}).filter(
    (w) => w.policy === programRequests.name && waiverProblem(w) === undefined,
  );
  if (valid.length === 0) {
    return [...found];
  }
  return found.map((v) => {
    const destination = requestDestination(v);
    const waiver =
      v.level === "mandatory"
        ? (valid.find((w) => destination !== undefined && w.resource === destination) ??
          valid.find((w) => w.resource === stack.resourceName || w.resource === stack.urn))
        : undefined;
    if (waiver === undefined) {
      return v;
    }
    const waived: WaivedBy = {
      reason: waiver.reason,
      expires: waiver.expires,
      ...(waiver.approvedBy === undefined ? {} : { approvedBy: waiver.approvedBy }),
      ...(waiver.reference === undefined ? {} : { reference: waiver.reference }),
    };
    return { ...v, waived };
  });
}
