/**
 * The places a resource's inputs name outside the fields its row declares: every ARN anywhere in
 * its properties (policy documents included), and every value of a property whose name marks it as
 * naming a region, zone, endpoint or image registry. `arn-locality` and `key-locality` judge them;
 * the paths a row declares are its policies' (`declaredPaths`), so no value is judged twice.
 */
import * as zlib from "node:zlib";
import { type AddressSource, addressSourceOf, marksIn } from "../../residency/address-marks";
import { describeEdgeZone, edgeZoneInJurisdiction } from "../../residency/edge-zones";
import { type Jurisdiction, regionInJurisdiction } from "../../residency/jurisdictions";
import {
  arnPartition,
  awsPartitionOfHost,
  describeNamedPlace,
  hostOf,
  regionOfEndpoint,
} from "../../residency/placement";
import {
  type BucketTarget,
  commandsRun,
  commandWordOf,
  commandWordsOf,
  environmentsAlong,
  fileCommands,
  hostsFileEntries,
  type RemoteTarget,
  shellScriptOf,
  type UploadTool,
  uploadsIn,
} from "../../residency/uploads";
import { notAPlace, type PlaceKind, placeRuleOf, wordsOf } from "../inventory/place-rules";
import documentsJson from "../review/documents.json";
import type { Outcome } from "./fields";
import type { FieldSpec, PolicyName, TypeTable } from "./model";
import { type Located, locate } from "./places";
import {
  type FoundString,
  isUnknown,
  modelPath,
  plainValue,
  stringsIn,
  unknown,
  type Unknown,
  valueAt,
  valuesAt,
} from "./values";

/** What a value alone says about where it points: inside, outside (named), or unplaceable. */
export type PlaceOutcome = Extract<
  Outcome,
  { readonly kind: "inside" | "outside" | "unplaceable" }
>;

/** A located value (places.ts) in the words of a finding. */
export function outcomeOf(j: Jurisdiction, at: Located): PlaceOutcome {
  switch (at.kind) {
    case "own":
      return { kind: "inside" };
    case "region":
      return regionInJurisdiction(j, at.cloud, at.region)
        ? { kind: "inside" }
        : { kind: "outside", place: describeNamedPlace(j, at.cloud, at.raw, at.region) };
    case "partition":
      return { kind: "outside", place: `${at.raw} (partition ${at.partition}, outside ${j.id})` };
    case "edge":
      return edgeZoneInJurisdiction(j, at.zone)
        ? { kind: "inside" }
        : { kind: "outside", place: describeEdgeZone(j, at.raw, at.zone) };
    case "unplaceable":
      return { kind: "unplaceable", raw: JSON.stringify(at.raw), why: at.why };
  }
}

/** Decides one ARN: its partition must be one of the jurisdiction's, its region inside. */
export function arnOutcome(j: Jurisdiction, arn: string): PlaceOutcome {
  return outcomeOf(j, locate(j, "arn", arn, "aws"));
}

/**
 * Whether a field names a place by its value, which the row's policy then judges. An `internet`,
 * `public` or `global` field names none (its edge goes to the public internet or a global edge
 * network), and a `relation`, `judged`, `grants` or `destination` field reads several properties
 * at once: the scanners still read their paths.
 */
function namesPlaceByValue(f: FieldSpec): boolean {
  // A field that judges an ARN's account alone (`ofArn`), or reads only some of the path's
  // values (`someValues`), leaves the places it names to the rest.
  return (
    f.ofArn !== true &&
    f.someValues !== true &&
    !["internet", "public", "global", "relation", "judged", "grants", "destination"].includes(
      f.format,
    )
  );
}

/**
 * The model paths of a type's declared fields: `has` tells whether a concrete path's model
 * (`modelPath`) is one of them, a `*` of a declared path standing for any map key (an OpenAPI
 * body's `paths.*.*`, whose keys may hold dots themselves) and `\.` for a dot inside one.
 */
export interface DeclaredPaths extends PathTest {
  readonly paths: readonly string[];
}

/** What a scanner asks of the paths it skips (a plain set of model paths answers too). */
export interface PathTest {
  has(path: string): boolean;
}

function pathSet(paths: readonly string[]): DeclaredPaths {
  // A found path holds a key's dot as it is (`ApiEndpoint.$`); a declared one escapes it.
  const unescaped = paths.map((p) => p.replaceAll("\\.", "."));
  const exact = new Set(unescaped.filter((p) => !p.includes("*")));
  const patterns = unescaped
    .filter((p) => p.includes("*"))
    .map(
      (p) =>
        new RegExp(
          `^${p
            .split("*")
            .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
            .join(".+?")}$`,
        ),
    );
  return { paths, has: (path) => exact.has(path) || patterns.some((re) => re.test(path)) };
}

const noPaths: DeclaredPaths = { paths: [], has: () => false };

/**
 * Per type, the paths of the fields of `table` that name a place by their value (only those `only`
 * owns, when given): their policies judge them, so the scanners skip them.
 */
export function declaredPaths(table: TypeTable, only?: PolicyName): Map<string, DeclaredPaths> {
  const out = new Map<string, DeclaredPaths>();
  for (const [type, model] of Object.entries(table)) {
    const fields = (model.fields ?? []).filter(
      (f) => namesPlaceByValue(f) && (only === undefined || f.policy === only),
    );
    if (fields.length > 0) {
      out.set(type, pathSet(fields.map((f) => f.path)));
    }
  }
  return out;
}

/**
 * Per type, the paths whose ARN's account its row judges — its `ofArn` fields', and the paths its
 * own edges read (`accountsIn`): the rows' own deliveries to another account, which
 * arn-locality's reading of delivery inputs leaves to them.
 */
export function accountJudgedPaths(table: TypeTable): Map<string, DeclaredPaths> {
  const out = new Map<string, DeclaredPaths>();
  for (const [type, model] of Object.entries(table)) {
    const paths = [
      ...(model.fields ?? []).filter((f) => f.ofArn === true).map((f) => f.path),
      ...(model.accountsIn ?? []),
    ];
    if (paths.length > 0) {
      out.set(type, pathSet(paths));
    }
  }
  return out;
}

/**
 * Per type, the paths whose places its row decides: those of `declaredPaths`, and every
 * `judged` field's path, or the paths its reader decides (`reads`). The scan of named places
 * (regions, zones, endpoints, images) skips them.
 */
export function decidedPaths(table: TypeTable): Map<string, DeclaredPaths> {
  const out = new Map<string, DeclaredPaths>();
  for (const [type, model] of Object.entries(table)) {
    const paths = (model.fields ?? []).flatMap((f) =>
      namesPlaceByValue(f) ? [f.path] : f.format === "judged" ? (f.reads ?? [f.path]) : [],
    );
    if (paths.length > 0) {
      out.set(type, pathSet(paths));
    }
  }
  return out;
}

/** One ARN found in a resource's props (or a value there unknown at preview), with its path. */
export interface ArnReference {
  readonly path: string;
  readonly arn: string | Unknown;
}

/**
 * Whether a string is a policy document's `Id`: a label for the document (the SQS console writes
 * `arn:aws:sqs:<region>:<account>:<queue>/SQSDefaultPolicy`), which names nothing the grants reach.
 */
function isDocumentId(hit: FoundString): boolean {
  const holder = hit.holder;
  return (
    hit.name === "Id" && typeof holder === "object" && holder !== null && "Statement" in holder
  );
}

/**
 * Every ARN (`arn:…`, `acs:…`) anywhere in a resource's props — policy documents included, their
 * `Id` and their `Deny` statements left out (a statement that denies reaches nothing: a service
 * control policy denying every key of another region keeps data in), and JSON or YAML documents
 * held as text (an OpenAPI body's integrations) — that
 * `accept` selects, except at the paths `skip` holds for the type. Values
 * unknown at preview are returned as `unknown` for the caller to judge.
 */
export function arnReferences(
  type: string,
  props: Record<string, unknown>,
  accept: (arn: string) => boolean,
  skip: ReadonlyMap<string, PathTest>,
): ArnReference[] {
  const skipped = skip.get(type) ?? noPaths;
  const out: ArnReference[] = [];
  // Every value is read: one plain copy is cheaper than the runtime proxy's checks at each.
  for (const hit of stringsIn(plainValue(props), "", undefined, "json-yaml")) {
    const arn = hit.value;
    if (!isUnknown(arn) && !(/^(arn|acs):/.test(arn as string) && accept(arn as string))) {
      continue;
    }
    if (isDocumentId(hit) || hit.denied) {
      // A document's `Id` labels it; a `Deny` statement only takes access away.
      continue;
    }
    if (!skipped.has(modelPath(hit.path))) {
      out.push({ path: hit.path, arn: isUnknown(arn) ? unknown : (arn as string) });
    }
  }
  return out;
}

/**
 * The declared input properties of each AWS type that hold a policy document
 * (policy/review/documents.json, from the inventory of the installed SDK: `npm run inventory`).
 */
const documentProperties: Readonly<Record<string, readonly string[]>> = documentsJson;

/** Whether a reference stands inside a policy document held by a property the type declares for one. */
export function inPolicyDocument(type: string, ref: ArnReference): boolean {
  const at = modelPath(ref.path);
  return (documentProperties[type] ?? []).some((r) => at.startsWith(`${r}.`));
}

/**
 * Whether an ARN a resource names reaches nothing because AWS keeps its partitions apart: the ARN
 * stands inside a policy document held by a property the type declares for one (`policy`,
 * `assumeRolePolicy`, `inlinePolicies[].policy`, an Organizations policy's `content`), which
 * AWS evaluates in the partition of the account holding it, names another partition than
 * `holder`, the resource's own, and scopes a grant (it stands in a `Statement`) or names an IAM
 * identity. Such a statement's resource matches nothing there, such a principal is refused, such
 * a role is none of the accounts': "You cannot use IAM credentials from one partition to
 * interact with resources in a different partition" (AWS Fault Isolation Boundaries,
 * Partitions). It is not a path out, and is not reported as one. Judged as every other ARN: a
 * destination named elsewhere in a document (a backup plan's copy target in another partition's
 * region, which a checker flags whenever such a region appears: shared/research/data-paths.md
 * §2.2), a resource whose partition is not known, a property holding an ARN itself rather than
 * a document, and an ARN held anywhere else — a document in an environment variable, which the
 * application reads with credentials of its own.
 */
export function inertAcrossPartitions(
  type: string,
  ref: ArnReference,
  holder: string | undefined,
): boolean {
  if (holder === undefined || isUnknown(ref.arn)) {
    return false;
  }
  const at = modelPath(ref.path);
  const root = (documentProperties[type] ?? []).find((r) => at.startsWith(`${r}.`));
  if (root === undefined) {
    return false;
  }
  const partition = arnPartition(ref.arn);
  if (partition === undefined || partition === "*" || partition === holder) {
    return false;
  }
  // The document's own statements scope grants (a backup plan may be named "Statement");
  // elsewhere in a document an ARN may name where data goes, and only an IAM identity — a role
  // to assume — is inert.
  return (
    /^Statement(?:\[\]|\.|$)/.test(at.slice(root.length + 1)) || ref.arn.split(":")[2] === "iam"
  );
}

/** The kinds of place the generic reader finds by a property's name rather than by its value. */
export type NamedPlaceKind = Extract<PlaceKind, "region" | "zone" | "endpoint" | "image">;

/** One value at a property whose name marks it as naming a place of `kind`. */
export interface NamedPlaceReference {
  readonly path: string;
  readonly kind: NamedPlaceKind;
  readonly value: string;
  /** The object or list that holds the value (its siblings say what the value is for). */
  readonly holder: unknown;
}

/**
 * Keys under which values name nothing the resource reaches: maps of the user's own words
 * (`tags`, Kubernetes `labels` and `annotations` — a tag `region: eu-west-1` is a label, not a
 * destination), the `Condition` of a policy document, which narrows when a grant applies
 * (`aws:RequestedRegion`) and sends nothing anywhere, and an `exclude` list, which names the
 * places a setting leaves out (S3 Storage Lens `exclude.regions`).
 */
const wordsNotPlaces: ReadonlySet<string> = new Set([
  "tags",
  "tagsAll",
  "labels",
  "annotations",
  "Condition",
  "exclude",
]);

/**
 * Words of properties that hold prose or labels for people, which nothing fetches: a description,
 * an alarm's, a comment, documentation, a title, a container's labels, an OpenAPI document's
 * `info` (its terms of service; that segment, not `connectionInfo`) and `externalDocs`. A URL
 * there is a mention, not a place used.
 */
const proseWords: ReadonlySet<string> = new Set([
  ...["description", "descriptions", "comment", "comments", "documentation", "doc", "docs"],
  ...["summary", "note", "notes", "title", "label", "labels", "terms", "readme"],
]);

/** The path runs through a property of prose (`proseWords`). */
function proseAt(path: string): boolean {
  return path
    .split(/[.[\]]+/)
    .some((segment) => segment === "info" || wordsOf(segment).some((w) => proseWords.has(w)));
}

/**
 * The path only mentions what it holds: a tag (the resource's `tags`, a label for people and for
 * cost and access rules), or a property of prose — the property that holds the value, whose last
 * word is one of `proseWords` (`alarmDescription`, a state's `Comment`). Only those two places are
 * read: the names an author gives inside a document (a state `DetectLabels`, a template resource
 * `ReleaseNotes`) say nothing of what the value is for.
 */
export function mentionOnly(path: string): boolean {
  const segments = path
    .split(/[.[\]]+/)
    .filter((segment) => segment !== "" && !/^\d+$/.test(segment));
  const held = segments.at(-1) ?? "";
  return (
    ["tags", "tagsAll", "defaultTags"].includes(segments[0] ?? "") ||
    proseWords.has(wordsOf(held).at(-1) ?? "")
  );
}

/** The `type` of a location object whose `name` is a zone (see `namedPlaceReferences`). */
const zoneLocationTypes: ReadonlySet<string> = new Set(["AvailabilityZone", "LocalZone"]);

/**
 * A host name alone, with a port perhaps (`db.example.com:5432`). Not with a path: a registry
 * host followed by a repository is an image's name
 * (`<account>.dkr.ecr.<region>.amazonaws.com/app`), which only names where the image is kept, and
 * the image rules read where one is pulled from.
 */
const bareHost =
  /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+(?::\d+)?$/i;

/**
 * Whether the value at `path` names a principal: a policy statement's `Principal` or
 * `NotPrincipal` (`{ Service: "logs.eu-west-1.amazonaws.com" }`), a permission's `principal`. A
 * regional service principal says who may act, not where data goes.
 */
function principalAt(path: string): boolean {
  return path
    .split(/[.[\]]+/)
    .some((segment) => /^(not)?principals?$/i.test(segment) || segment === "Service");
}

/**
 * Every string in a resource's props held by a property whose name the place rules
 * (inventory/place-rules.ts, the rules the type inventory marks properties by) read as one of
 * `kinds` — the property's own name, or the key of a map or of a JSON or YAML document held as
 * text (an ECS container definition's `awslogs-region`). Array elements take their array's name;
 * the `name` of a location object whose `type` is a zone's names that zone.
 * Left out: the paths `skip` holds for the type, the paths the rules list as not places, values
 * under `wordsNotPlaces`, and values unknown at preview — outputs of this program's resources,
 * which the placement policies check where they are created.
 */
export function namedPlaceReferences(
  type: string,
  props: Record<string, unknown>,
  kinds: readonly NamedPlaceKind[],
  skip: ReadonlyMap<string, PathTest>,
): NamedPlaceReference[] {
  const provider = type.split(":")[0];
  const skipped = skip.get(type) ?? noPaths;
  const out: NamedPlaceReference[] = [];
  const plain = plainValue(props);
  for (const { path, value, name, holder } of stringsIn(
    plain,
    "",
    (key) => wordsNotPlaces.has(key),
    "json-yaml",
  )) {
    if (typeof value !== "string" || value === "" || name === undefined) {
      continue;
    }
    // A `{ name, value }` pair (an ECS container's environment, a CodeBuild variable) is a map
    // entry: the value is read by its entry's name, as a map's value by its key.
    const entryName =
      name === "value" && holder !== null && typeof holder === "object"
        ? (holder as Record<string, unknown>).name
        : undefined;
    // A `{ name, type }` location whose type is a zone's (an S3 directory bucket's
    // `location`: `{ name: "use1-bue1-az1", type: "LocalZone" }`) names that zone.
    const zoneEntry =
      name === "name" &&
      holder !== null &&
      typeof holder === "object" &&
      zoneLocationTypes.has(String((holder as Record<string, unknown>).type));
    const rule = zoneEntry
      ? "zone"
      : placeRuleOf(typeof entryName === "string" ? entryName : name, provider)?.kind;
    // A remote peer given as a URL (an ADOT collector's `remoteWriteURL`) is a service endpoint.
    const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
    // A URL of a cloud service's regional endpoint names its region whatever property holds it
    // (a function's `OUT` variable, a webhook setting), as an ARN does; so does the endpoint's
    // bare host (`PGHOST: db.cluster-….eu-central-1.rds.amazonaws.com`, a client's host setting).
    const kind =
      rule === "peer" && url
        ? "endpoint"
        : rule === undefined &&
            (url || (bareHost.test(value) && !principalAt(path))) &&
            (regionOfEndpoint(value) !== undefined || globalAwsEndpoint(value, url)) &&
            !proseAt(path)
          ? "endpoint"
          : rule;
    if (kind === undefined) {
      // A script or command line the compute runs (user data, a container's command) names a
      // cloud service's regional endpoint among its words (`aws s3 cp … --endpoint-url
      // https://s3.eu-west-1.amazonaws.com`, `ossutil -e oss-eu-central-1.aliyuncs.com`), or the
      // region its CLI or SDK is to use (`--region eu-west-1`, `AWS_REGION=eu-west-1`): each names
      // its region, as the same URL or region alone in an environment variable does (found by
      // the compute bench). Other words of a script are not read, nor its comment lines.
      if ((kinds as readonly PlaceKind[]).includes("endpoint") && scriptAt(path, type)) {
        const at = modelPath(path);
        if (!skipped.has(at) && notAPlace(at) === undefined) {
          for (const place of placesInScript(value)) {
            if ((kinds as readonly PlaceKind[]).includes(place.kind)) {
              out.push({ path, kind: place.kind, value: place.value, holder });
            }
          }
        }
      }
      continue;
    }
    if (!(kinds as readonly PlaceKind[]).includes(kind)) {
      continue;
    }
    const at = modelPath(path);
    if (!skipped.has(at) && notAPlace(at) === undefined) {
      out.push({ path, kind: kind as NamedPlaceKind, value, holder });
    }
  }
  return out;
}

/**
 * An endpoint of an AWS partition that names no region — S3's or STS's global endpoint — as a
 * URL (`https://s3.amazonaws.com/<bucket>/…`) or as a bucket's host on it
 * (`<bucket>.s3.amazonaws.com`): it lies in that partition, which a jurisdiction may hold no region
 * of (found by the AWS China bench). A bare `<service>.amazonaws.com` is left: it is a service
 * principal's name as often as an endpoint's (`s3.amazonaws.com` in a service-linked role).
 */
function globalAwsEndpoint(value: string, url: boolean): boolean {
  if (awsPartitionOfHost(value) === undefined) {
    return false;
  }
  return url || value.split(".").length >= 4;
}

/**
 * The properties that hold a script or a command line the compute runs: an instance's or launch
 * template's user data (its cloud-config too, read as a document), a container's command or
 * entry point, a job's script, an SSM Command document's `runCommand`.
 */
const scriptProperties: ReadonlySet<string> = new Set([
  "userData",
  "userDataBase64",
  "command",
  "commands",
  "entryPoint",
  "script",
  // An SSM Command document's shell steps (aws:runShellScript, aws:runPowerShellScript).
  "runCommand",
]);

/**
 * The scripts of the Command provider's resources, which run on the machine that runs `pulumi up`
 * (`command:local:Command`) or on a host it reaches over SSH (`command:remote:Command`) as the
 * resource is created, updated and deleted. A stack accepts the type only once it has reviewed it
 * (`allowTypes`); what its scripts send out is judged as a compute's scripts are.
 */
const commandScripts: ReadonlySet<string> = new Set(["create", "update", "delete"]);
const commandTypes: ReadonlySet<string> = new Set([
  "command:local:Command",
  "command:remote:Command",
]);

/**
 * `props` with base64 user data (a launch template's, `userDataBase64`; gzip-compressed too) that
 * holds a cloud-config given as its text, which is then read as the document it is — its
 * `runcmd`, and the files it writes by their paths (a crontab, a unit) — as plain cloud-config
 * user data is. Other user data is left as it is (its script is decoded where it is read).
 */
function withCloudConfigDecoded(props: unknown): unknown {
  if (props === null || typeof props !== "object" || Array.isArray(props)) {
    return props;
  }
  let out: Record<string, unknown> | undefined;
  for (const key of ["userData", "userDataBase64"]) {
    const v = (props as Record<string, unknown>)[key];
    const decoded = typeof v === "string" ? decodedScript(v) : undefined;
    if (decoded !== undefined && /^#cloud-config\b/.test(decoded.trimStart())) {
      out ??= { ...(props as Record<string, unknown>) };
      out[key] = decoded;
    }
  }
  return out ?? props;
}

/** The types whose `content` is a document of the scripts the compute runs (SSM's). */
const documentsScripts: ReadonlySet<string> = new Set(["aws:ssm/document:Document"]);

/** Whether the value at `path` of a resource of `type` is (within) a script or command line. */
function scriptAt(path: string, type: string): boolean {
  const segments = path.split(/[.[\]]+/);
  return (
    segments.some((segment) => scriptProperties.has(segment)) ||
    (commandTypes.has(type) && commandScripts.has(segments[0]))
  );
}

/** A URL, or a host name alone, among a script's words. */
const scriptWord =
  /(?:[a-z][a-z0-9+.-]*:\/\/)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+/gi;

/**
 * The places a script names (each once), base64 user data decoded first (and gzip-compressed
 * user data uncompressed): the regional endpoints of cloud services among its words, and the
 * regions its cloud CLIs and SDKs are told to use — a `--region` flag, an `AWS_REGION` or
 * `AWS_DEFAULT_REGION` (Alibaba Cloud's `ALIBABA_CLOUD_REGION_ID`) assignment. A script's other
 * words (a package mirror, a vendor's installer) are not read here, nor a line that is a shell
 * comment; its upload commands are read by `scriptUploads`.
 */
export function placesInScript(
  text: string,
): Array<{ kind: "endpoint" | "region"; value: string }> {
  const found = new Map<string, "endpoint" | "region">();
  for (const t of [text, decodedScript(text)]) {
    const code = t?.replace(shellComments, "$1");
    for (const [word] of code?.matchAll(scriptWord) ?? []) {
      if (regionOfEndpoint(word) !== undefined || globalAwsEndpoint(word, word.includes("://"))) {
        found.set(word, "endpoint");
      }
    }
    for (const [, region] of code?.matchAll(regionSetting) ?? []) {
      found.set(region, "region");
    }
  }
  return [...found].map(([value, kind]) => ({ kind, value }));
}

/** An upload command a script names: where it stands, the command, and where it sends. */
export interface ScriptUpload {
  /** Where in the props the script stands. */
  readonly path: string;
  /** The command line that uploads, as the script writes it. */
  readonly command: string;
  /** The tool that sends (`curl`, `aws s3`, `scp`…). */
  readonly tool: UploadTool;
  /** The URL it sends to (curl, wget). */
  readonly url?: string;
  /** The host it sends to (scp, rsync, nc). */
  readonly host?: string;
  /**
   * The bucket it copies to (aws s3, ossutil, aliyun oss), with the region its line — or an
   * `AWS_REGION=`/`AWS_DEFAULT_REGION=` the script sets — tells the CLI to use.
   */
  readonly bucket?: BucketTarget;
  /** The destination as the line writes it, when it cannot be read (`"$UPLOAD_URL"`). */
  readonly unread?: string;
  /** A destination the line names without its place (an rclone remote, a Cloud Storage bucket). */
  readonly remote?: RemoteTarget;
  /**
   * The resource of the program whose address (an output not known at preview, such as an
   * instance's private IP) the script sends to: it lies where that resource is, which only the
   * stack tells (`scriptBucketFindings`).
   */
  readonly programAddress?: AddressSource;
  /**
   * The line was joined from an argument list (`command: ["aws", "s3", "cp", …, "--region",
   * "eu-west-1"]`), whose words the reading of a script's places meets one at a time: a
   * `--region` and its value apart are seen here only.
   */
  readonly argv?: true;
}

/**
 * The upload commands of the scripts and command lines a resource's compute runs (user data,
 * plain, base64 or cloud-config; a container's command, an argument list read as one line, or as
 * the script a shell is given with `-c`; an SSM Command document's `runCommand`): each curl or
 * wget that sends data, with each URL its line names, each copy to a bucket or another machine
 * and each nc or /dev/tcp connection, read as a command the program runs itself is
 * (residency/uploads.ts `uploadsIn`), with what a script installs to run later (its cron lines,
 * its systemd units' Exec lines; a cloud-config's `write_files` by their path). A URL whose host
 * the line builds from shell variables (`"$UPLOAD_URL"`, `https://$HOST/…`), or an upload whose
 * line names no URL, cannot be read; nor can a bucket or host the line builds so, nor a remote the
 * line names without its place (an rclone remote, a Cloud Storage bucket). Downloads are not
 * read, nor comment lines.
 */
export function scriptUploads(
  type: string,
  props: Record<string, unknown>,
  skip: ReadonlyMap<string, PathTest>,
  podSpecs?: readonly string[],
  onUnknown: (path: string) => void = () => {},
): ScriptUpload[] {
  if (podSpecs !== undefined) {
    return podUploads(plainValue(props), podSpecs, onUnknown);
  }
  const skipped = skip.get(type) ?? noPaths;
  const out: ScriptUpload[] = [];
  const lists = new Set<unknown>();
  const strings = [
    ...stringsIn(
      withCloudConfigDecoded(plainValue(props)),
      "",
      (key) => wordsNotPlaces.has(key),
      "json-yaml",
    ),
  ];
  // The containers whose image's own entry point runs their command (the AWS CLI's image given
  // `command: ["s3", "sync", …]`, an ECS container's arguments to it), by their path, and those
  // that set an entry point of their own.
  const entries = new Map<string, string>();
  const ownEntry = new Set<string>();
  for (const { path, value, name } of strings) {
    const container = path.replace(/\.(image|entryPoint)(\[\d+\])?$/, "");
    if (name === "image" && typeof value === "string") {
      const entry = entryPointOf(value);
      if (entry !== undefined) {
        entries.set(container, entry);
      }
    } else if (name === "entryPoint" || /\.entryPoint\[\d+\]$/.test(path)) {
      ownEntry.add(container);
    }
  }
  for (const { path, value, holder, name } of strings) {
    if (isUnknown(value) && documentsScripts.has(type) && path === "content") {
      // A Command document not known at preview: its `runCommand` lines with it.
      onUnknown(path);
      continue;
    }
    if (value === "" || !scriptAt(path, type)) {
      continue;
    }
    const at = modelPath(path);
    if (skipped.has(at) || notAPlace(at) !== undefined) {
      continue;
    }
    // An argument list (a container's `command: ["curl", "-T", …]`, a cloud-config runcmd's
    // `- [curl, -T, …]`) is one command line, or the script a shell is given (`["sh", "-c",
    // "…"]`); a list of lines (an SSM document's `runCommand`, a runcmd's strings) is one script
    // (`lineListUploads`).
    const argv = name === "command" || name === "entryPoint" || /\]\[\d+\]$/.test(path);
    const list =
      argv &&
      Array.isArray(holder) &&
      holder.every((v) => typeof v === "string" || isUnknown(v)) &&
      (typeof value === "string" || isUnknown(value))
        ? (holder as Array<string | Unknown>)
        : undefined;
    if (list === undefined && typeof value !== "string") {
      // A script, a line of one or a whole argument list not known at preview.
      if (isUnknown(value)) {
        onUnknown(path);
      }
      continue;
    }
    if (list !== undefined && lists.has(list)) {
      continue;
    }
    lists.add(list);
    const where = list === undefined ? path : path.replace(/\[\d+\]$/, "");
    const container = where.replace(/\.command$/, "");
    const entry =
      list !== undefined && where.endsWith(".command") && !ownEntry.has(container)
        ? entries.get(container)
        : undefined;
    const lines = list === undefined ? linesOf(path, holder) : undefined;
    if (lines !== undefined) {
      if (!lists.has(lines.holder)) {
        lists.add(lines.holder);
        out.push(...lineListUploads(lines, onUnknown));
      }
      continue;
    }
    if (list === undefined) {
      // A file a cloud-config writes (`write_files: [{ path, content }]`) where the machine runs
      // what it holds — a crontab, a systemd unit — is read as that file.
      const file =
        name === "content" && holder !== null && typeof holder === "object"
          ? (holder as Record<string, unknown>).path
          : undefined;
      out.push(
        ...scriptTextUploads(
          where,
          value as string,
          onUnknown,
          typeof file === "string" ? file : undefined,
        ),
      );
      continue;
    }
    out.push(...argvUploads(where, list, entry, onUnknown));
  }
  return out;
}

/** A list of script lines: an SSM document's `runCommand`, a cloud-config's `runcmd`. */
interface LineList {
  /** The list's path (`content.mainSteps[0].inputs.runCommand`). */
  readonly path: string;
  readonly holder: readonly unknown[];
}

/** The list of lines the string at `path` is one line of; undefined for any other string. */
function linesOf(path: string, holder: unknown): LineList | undefined {
  const at = /^(.*\b(?:runCommand|runcmd))\[\d+\]$/.exec(path);
  return at === null || !Array.isArray(holder) ? undefined : { path: at[1], holder };
}

/**
 * The uploads of a list of lines, read as the one script it is — SSM's `aws:runShellScript`
 * writes its `runCommand` into one script, cloud-init its `runcmd` strings — so that what a line
 * defines reaches the lines after it (an `mc alias set`, an exported variable, a heredoc's body):
 * each upload named by the line it is on. A line not known at preview is reported as itself; a
 * runcmd entry that is an argument list is read apart, as one command line.
 */
function lineListUploads(lines: LineList, onUnknown: (path: string) => void): ScriptUpload[] {
  const texts = lines.holder.map((v, i) => {
    if (isUnknown(v)) {
      onUnknown(`${lines.path}[${i}]`);
    }
    return typeof v === "string" ? v : "";
  });
  const lineOf = (command: string) => {
    const i = texts.findIndex((t) => t.includes(command));
    return i < 0 ? lines.path : `${lines.path}[${i}]`;
  };
  return scriptTextUploads(lines.path, texts.join("\n"), (p) =>
    onUnknown(p === lines.path ? lineOfMark(texts, lines.path) : p),
  ).map((u) => (u.path === lines.path ? { ...u, path: lineOf(u.command) } : u));
}

/** The path of the first line of `texts` that holds a mark, else the list's. */
function lineOfMark(texts: readonly string[], path: string): string {
  const i = texts.findIndex((t) => markedScript(t) !== undefined);
  return i < 0 ? path : `${path}[${i}]`;
}

/**
 * The mark the offline engine writes in a script for each value it cannot know (a lookup's
 * answer, an output the provider computes at deployment) where the program built the script
 * from it (engine/invokes/callbacks.ts `texts`): the rest of the script is as the program wrote it.
 */
const unknownMarks = marksIn;

/**
 * The host a mark of a resource's address is read as (residency/address-marks.ts), by the mark's
 * number: a name no server has (`.invalid`), which the reading of uploads takes as any host.
 */
const addressHost = (n: string) => `sovereign-dc-address-${n}.invalid`;

/**
 * What in a script line may change how the machine, or one command, resolves a name: its hosts
 * file named in any way (`>> /etc/hosts`, `>> "/etc/hosts"`, `F=/etc/hosts`, `cp /tmp/h
 * /etc/hosts`, `dd of=/etc/hosts`), its resolvers (`/etc/resolv.conf`, systemd-resolved's and
 * dnsmasq's files, `resolvectl dns`, `systemd-resolve --set-dns`, nmcli's `ipv4.dns`), or a
 * command's own (`curl --dns-servers 203.0.113.53`, `--doh-url`).
 */
const nameResolution =
  /\/etc\/(?:hosts|resolv\.conf|systemd\/resolved\.conf|dnsmasq)|\bresolvectl\s+dns\b|--set-dns\b|\bipv[46]\.dns\b|--dns-servers\b|--doh-url\b|--dns-ipv[46]-addr\b/;

/** A line that only reads a file (`grep -q db /etc/hosts`): it changes nothing. */
const readsOnly = /^\s*(?:sudo\s+)?(?:grep|egrep|fgrep|getent|cat|head|tail|wc)\s[^<>|;&`$()]*$/;

/**
 * Whether a script may change how the machine resolves names (`nameResolution`, on a line that
 * does more than read a file): a resource's name it sends to may then lead anywhere.
 */
function changesNameResolution(script: string): boolean {
  return script.split("\n").some((line) => nameResolution.test(line) && !readsOnly.test(line));
}

/**
 * A script's text with each mark of a value not known at preview as `unknownWord`, or, where the
 * mark stands for the address of a resource of the program, as a host (`addressHost`), the
 * resources' addresses by those hosts.
 */
function withMarksRead(marked: string): {
  readonly text: string;
  readonly addresses: ReadonlyMap<string, AddressSource>;
} {
  const addresses = new Map<string, AddressSource>();
  // A script that rewrites the machine's name resolution may send a resource's name anywhere.
  const resolves = changesNameResolution(marked);
  const text = marked.replace(unknownMarks, (_mark, n: string, hex?: string) => {
    const source = resolves ? undefined : addressSourceOf(hex);
    if (source === undefined) {
      return unknownWord;
    }
    const host = addressHost(n);
    addresses.set(host, source);
    return host;
  });
  return { text, addresses };
}

/**
 * `uploads` with each one that sends to a resource's address (`withMarksRead`) naming it
 * (`programAddress`), its command as the program wrote it, the address in words.
 */
function withProgramAddresses(
  uploads: ScriptUpload[],
  addresses: ReadonlyMap<string, AddressSource>,
): ScriptUpload[] {
  if (addresses.size === 0) {
    return uploads;
  }
  const words = (command: string) => {
    let out = command;
    for (const [host, s] of addresses) {
      out = out.split(host).join(`⟨${s.name}.${s.output}⟩`);
    }
    return out;
  };
  return uploads.map((u) => {
    // A URL's or a copy's host, or the endpoint a bucket's CLI is sent to (`--endpoint-url`).
    const target = u.url ?? u.host ?? u.bucket?.endpoint;
    const host = target === undefined ? undefined : hostOf(target);
    const source = host === undefined ? undefined : addresses.get(host);
    const command = words(u.command);
    return source === undefined
      ? command === u.command
        ? u
        : { ...u, command }
      : { ...u, command, programAddress: source };
  });
}

/** A script holding values not known at preview as marks, base64 user data decoded first. */
function markedScript(value: string): string | undefined {
  if (value.includes("⟨unknown ")) {
    return value;
  }
  const decoded = decodedScript(value);
  return decoded?.includes("⟨unknown ") ? decoded : undefined;
}

/**
 * The uploads of a script standing at `where` (see `uploadsOfScript`). One the offline engine
 * sends with marks for the values it cannot know (`markedScript`) is reported to `onUnknown`
 * where what runs depends on them: a command the script runs is one (`${script}` alone on a
 * line), or an upload's destination is built from one; a mark elsewhere (`bootstrap.sh
 * --b64-cluster-ca ⟨unknown 3⟩`) is an argument the reading has no use for.
 */
function scriptTextUploads(
  where: string,
  value: string,
  onUnknown: (path: string) => void,
  file?: string,
): ScriptUpload[] {
  const marked = markedScript(value);
  if (marked === undefined) {
    return uploadsOfScript(where, value, false, file);
  }
  const { text, addresses } = withMarksRead(marked);
  // A file a cloud-config writes runs what its place makes it run (a crontab's lines); one of no
  // such place (a certificate, an env file) runs nothing, whatever it holds.
  const code = text.replace(shellComments, "$1");
  // Of a cloud-config, only its commands (`runcmd`, `bootcmd`) and files run anything: a setting
  // (`hostname: ⟨…⟩`) is no command.
  const setting = /^userData(?:Base64)?\.(?!(?:runcmd|bootcmd|write_files)\b)/.test(where);
  const runs = setting
    ? []
    : file === undefined
      ? commandsRun(withoutWrittenBodies(code))
      : fileCommands(file, code);
  if ((runs ?? []).some(runsUnknown) || pipesUnknownToShell(code)) {
    onUnknown(where);
  }
  return withProgramAddresses(
    withoutUnknownDestinations(where, text, where, onUnknown, false, file),
    addresses,
  );
}

/**
 * Whether a command line runs a value not known at preview: its command is built from one (`⟨…⟩`,
 * `/usr/bin/⟨…⟩`, `${DIR}/⟨…⟩.sh`: any program at all, once known), or runs one as code (`eval
 * "⟨…⟩"`, `source ⟨…⟩`).
 */
function runsUnknown(command: string): boolean {
  const words = commandWordsOf(command);
  const at = commandWordOf(words);
  return (
    words.length > 0 &&
    ((words[at] ?? "").includes(unknownWord) ||
      (evaluators.has(words[at] ?? "") && words.slice(at + 1).some((w) => w.includes(unknownWord))))
  );
}

/** A pipeline that hands a shell the unknown value as its script (`echo ⟨…⟩ | base64 -d | bash`). */
function pipesUnknownToShell(code: string): boolean {
  return code.split("\n").some((line) => line.includes(unknownWord) && pipedToShell.test(line));
}

/** The shell's built-ins that run their arguments as code. */
const evaluators: ReadonlySet<string> = new Set(["eval", "source", "."]);

/** A pipeline whose last stage is a shell reading its script from the pipe. */
const pipedToShell =
  /\|\s*(?:sudo\s+(?:-\S+\s+)*)?(?:\S*\/)?(?:ba|da|z|k)?sh\s*(?:-\w+\s*)*(?:$|[;&|)])/;

/**
 * A script without the bodies of its heredocs written into a file (`cat >> ~/.ssh/authorized_keys
 * <<EOF`, `tee /etc/app.env <<EOF`): the lines of such a body are the file's data, not commands of
 * the script — a value alone on one of them runs nothing. A heredoc a command reads as a script
 * (`ssh host <<EOF`, `cat <<EOF | sh`) is kept, and so is one into a crontab or a systemd unit,
 * whose commands `commandsRun` reads from the line that writes it.
 */
function withoutWrittenBodies(script: string): string {
  const out: string[] = [];
  let end: RegExp | undefined;
  for (const line of script.split("\n")) {
    if (end !== undefined) {
      if (end.test(line)) {
        end = undefined;
      }
      continue;
    }
    out.push(line);
    const heredoc = /<<-?\s*(['"]?)([\w.-]+)\1/.exec(line);
    const intoFile = /(^|[^<>&\d])>>?\s*[^\s&>|]|\btee\b/.test(line.replace(/<<-?\s*\S+/, ""));
    if (heredoc !== null && intoFile && !/\b(?:cron|systemd|\.service|\.timer)\b/.test(line)) {
      end = new RegExp(`^\\t*${heredoc[2].replace(/[.]/g, "\\.")}\\s*$`);
      // The heredoc's lines are left out; its closing line too.
    }
  }
  return out.join("\n");
}

/** The word an argument list's element not known at preview is read as. */
const unknownWord = "⟨unknown-at-preview⟩";
/** The same in a line the upload reading reads: a value the line builds at run time. */
const unknownVariable = "$UNKNOWN_AT_PREVIEW";

/**
 * The uploads of an argument list standing at `where` (`["curl", "-T", …]`, `["sh", "-c", "…"]`),
 * read as one line, or as the script a shell is given. An element not known at preview (a
 * lookup's answer, another stack's output) is reported to `onUnknown`, by its path, where what
 * runs depends on it: the command itself, or the script a shell runs, is not known; or the
 * destination of an upload the line makes is built from it. Elsewhere (`["python", "app.py",
 * "--token", <unknown>]`) the list is read as the rest of its words say.
 */
function argvUploads(
  where: string,
  list: ReadonlyArray<string | Unknown>,
  entry: string | undefined,
  onUnknown: (path: string) => void,
): ScriptUpload[] {
  // An element the offline engine sent with marks (a cloud-config runcmd's `[curl, -T, f,
  // "http://⟨…⟩:8080/"]`): read as a script's words are, a resource's address as its host.
  const addresses = new Map<string, AddressSource>();
  const read = list.map((w) => {
    if (typeof w !== "string" || !w.includes("⟨unknown ")) {
      return w;
    }
    const marked = withMarksRead(w);
    for (const [host, source] of marked.addresses) {
      addresses.set(host, source);
    }
    return marked.text.includes(unknownWord) && marked.text.trim() === unknownWord
      ? unknown
      : marked.text;
  });
  if (addresses.size > 0 || read.some((w, i) => w !== list[i])) {
    return withProgramAddresses(argvUploads(where, read, entry, onUnknown), addresses);
  }
  // The image's entry point (`aws`), where the list is the arguments it is given.
  const words = [...(entry === undefined ? [] : [entry]), ...list].map((w) =>
    isUnknown(w) ? unknownWord : w,
  );
  // An element not known at preview, or one holding a value not known (`http://⟨…⟩/`).
  const firstUnknown = list.findIndex(
    (w) => isUnknown(w) || (typeof w === "string" && w.includes(unknownWord)),
  );
  if (firstUnknown < 0) {
    const script = shellScriptOf(words);
    // A list joined into a line (not a shell's script, which is one string) is met word by
    // word by the reading of places.
    return uploadsOfScript(where, script ?? words.join(" "), script === undefined);
  }
  const script = shellScriptOf(words);
  return argvWithUnknown(
    where,
    words,
    script,
    `${where}[${firstUnknown}]`,
    onUnknown,
    script === undefined,
  );
}

/**
 * The uploads of an argument list (`words`, run as `script` where a shell is given one) holding
 * an element not known at preview, at `unknownAt`: reported to `onUnknown` where it decides what
 * runs — it is the command, or the shell's script — else read with it as a value the line builds
 * at run time (`withoutUnknownDestinations`).
 */
function argvWithUnknown(
  where: string,
  words: readonly string[],
  script: string | undefined,
  unknownAt: string,
  onUnknown: (path: string) => void,
  argv = false,
): ScriptUpload[] {
  // The command, or one the shell's script runs, is built from it (`/usr/bin/⟨…⟩`).
  if (
    (words[commandWordOf(words)] ?? "").includes(unknownWord) ||
    (script !== undefined &&
      (commandsRun(withoutWrittenBodies(script)).some(runsUnknown) || pipesUnknownToShell(script)))
  ) {
    onUnknown(unknownAt);
    return [];
  }
  return withoutUnknownDestinations(where, script ?? words.join(" "), unknownAt, onUnknown, argv);
}

/**
 * The uploads of a line holding a word not known at preview (`unknownWord`), read as a value the
 * line builds at run time: an upload whose destination is built from it is reported to
 * `onUnknown` as `unknownAt` (the element's path) instead of as a destination that cannot be
 * read; the line's other uploads are read as they stand.
 */
function withoutUnknownDestinations(
  where: string,
  line: string,
  unknownAt: string,
  onUnknown: (path: string) => void,
  argv = false,
  file?: string,
): ScriptUpload[] {
  const uploads = uploadsOfScript(where, line.split(unknownWord).join(unknownVariable), argv, file);
  const built = uploads.filter((u) =>
    // A URL by its host: an unknown value in its path changes where on that host it sends.
    [
      u.unread,
      u.url === undefined ? undefined : hostOf(u.url),
      u.host,
      u.bucket?.bucket,
      u.remote?.name,
    ].some((d) => d?.includes(unknownVariable)),
  );
  if (built.length > 0) {
    onUnknown(unknownAt);
  }
  return uploads.filter((u) => !built.includes(u));
}

/**
 * The uploads of the containers of a Kubernetes workload's pod specs (at `specs`: `spec`, a
 * Deployment's `spec.template.spec`, a List's `items[].spec…`), init and ephemeral containers
 * too: a container runs its `command` (else its image's entry point) with its `args`, read as one
 * line, or as the script a shell is given (`command: ["sh", "-c"]`, `args: ["tar cz … | nc …"]`;
 * `args: ["-c", "…"]` alone, for an image whose entry point is a shell).
 */
function podUploads(
  props: unknown,
  specs: readonly string[],
  onUnknown: (path: string) => void,
): ScriptUpload[] {
  const out: ScriptUpload[] = [];
  for (const spec of specs) {
    for (const kind of ["containers", "initContainers", "ephemeralContainers"]) {
      for (const { path, value } of valuesAt(props, `${spec}.${kind}[]`)) {
        if (isUnknown(value)) {
          // What the container runs is not known at preview.
          onUnknown(path);
          continue;
        }
        // A list's elements, an element not known at preview as the unknown word; a list not
        // known at preview is reported, and read as none. An element the offline engine sent
        // with marks (`rsync … root@⟨…⟩:/r/`, built by pulumi.interpolate) is read as a
        // script's words are, a resource's address as its host (`withMarksRead`).
        // The kubelet expands `$(NAME)` from the container's environment (`expandedByKubelet`).
        const addresses = new Map<string, AddressSource>();
        const expanded = expandedByKubelet(value);
        const word = (w: unknown): string => {
          if (isUnknown(w)) {
            return unknownWord;
          }
          if (!(w as string).includes("⟨unknown ")) {
            return expanded(w as string);
          }
          const marked = withMarksRead(w as string);
          for (const [host, source] of marked.addresses) {
            addresses.set(host, source);
          }
          return marked.text.trim() === unknownWord ? unknownWord : expanded(marked.text);
        };
        const words = (key: string): string[] => {
          const v = valueAt(value, key);
          if (isUnknown(v)) {
            onUnknown(`${path}.${key}`);
            return [];
          }
          return Array.isArray(v) && v.every((w) => typeof w === "string" || isUnknown(w))
            ? v.map(word)
            : [];
        };
        const [command, args] = [words("command"), words("args")];
        // An image whose entry point is a CLI runs it on the args alone (the AWS CLI's image:
        // `args: ["s3", "sync", "/data", "s3://…"]`).
        const image = valueAt(value, "image");
        const entry =
          command.length === 0 && typeof image === "string" ? entryPointOf(image) : undefined;
        const argv = [...(entry === undefined ? command : [entry]), ...args];
        if (argv.length === 0) {
          continue;
        }
        const where = `${path}.${args.length > 0 ? "args" : "command"}`;
        const unknownAt = [
          ...command.map((w, i) => [`${path}.command[${i}]`, w]),
          ...args.map((w, i) => [`${path}.args[${i}]`, w]),
        ].find(([, w]) => w.includes(unknownWord))?.[0];
        const script =
          shellScriptOf(argv) ??
          (command.length === 0 && /^-[a-z]*c$/.test(args[0] ?? "") ? args[1] : undefined);
        out.push(
          ...withProgramAddresses(
            unknownAt === undefined
              ? uploadsOfScript(where, script ?? argv.join(" "))
              : argvWithUnknown(where, argv, script, unknownAt, onUnknown),
            addresses,
          ),
        );
        // What its lifecycle hooks and probes run in it (`exec.command`), each a list of its own.
        for (const key of containerExecs) {
          const hook = words(key);
          if (hook.length === 0) {
            continue;
          }
          const at = hook.findIndex((w) => w.includes(unknownWord));
          const hookScript = shellScriptOf(hook);
          out.push(
            ...withProgramAddresses(
              at < 0
                ? uploadsOfScript(`${path}.${key}`, hookScript ?? hook.join(" "))
                : argvWithUnknown(
                    `${path}.${key}`,
                    hook,
                    hookScript,
                    `${path}.${key}[${at}]`,
                    onUnknown,
                  ),
              addresses,
            ),
          );
        }
      }
    }
  }
  return out;
}

/**
 * The commands a container's lifecycle hooks and probes run in it (`postStart`, `preStop`, the
 * liveness, readiness and startup probes' `exec.command`).
 */
const containerExecs = [
  "lifecycle.postStart.exec.command",
  "lifecycle.preStop.exec.command",
  "livenessProbe.exec.command",
  "readinessProbe.exec.command",
  "startupProbe.exec.command",
] as const;

/**
 * A word of a container's command or args as the kubelet runs it: each `$(NAME)` replaced by the
 * value the container's `env` gives NAME (an earlier variable's `$(…)` in it expanded in turn),
 * `$$` by `$`. A value not known at preview, or given from elsewhere (`valueFrom`, a ConfigMap or
 * Secret's keys through `envFrom`, which may set any name), is the unknown word; a name nothing
 * sets stays as written, as the kubelet leaves it.
 */
function expandedByKubelet(container: unknown): (word: string) => string {
  const env = valueAt(container, "env");
  const from = valueAt(container, "envFrom");
  // Every name not set by `env` may come from `envFrom`.
  let others =
    isUnknown(env) || isUnknown(from) || (Array.isArray(from) && from.length > 0)
      ? unknownWord
      : undefined;
  const vars = new Map<string, string>();
  const expand = (text: string) =>
    text.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (m: string, name?: string) =>
      name === undefined ? "$" : (vars.get(name) ?? others ?? m),
    );
  for (const e of Array.isArray(env) ? (env as unknown[]) : []) {
    const name = valueAt(e, "name");
    const v = valueAt(e, "value");
    if (typeof name !== "string") {
      others = unknownWord;
      continue;
    }
    vars.set(
      name,
      typeof v === "string" && !v.includes("⟨unknown ")
        ? expand(v)
        : v === undefined && valueAt(e, "valueFrom") === undefined
          ? ""
          : unknownWord,
    );
  }
  return (word) => (word.includes("$") ? expand(word) : word);
}

/**
 * The command an image's own entry point runs, for the images of the cloud CLIs the upload
 * reading knows (`amazon/aws-cli`, `public.ecr.aws/aws-cli/aws-cli`): `aws`. Found by the
 * old-against-new bench: a pod running that image on `s3 sync … s3://…` copied unread.
 */
function entryPointOf(image: string): string | undefined {
  return /(^|\/)aws-cli(:|@|$)/.test(image) ? "aws" : undefined;
}

/**
 * The uploads of one script or command line standing at `where` (see `scriptUploads`), or of the
 * file a cloud-config writes at `file`.
 */
function uploadsOfScript(where: string, text: string, argv = false, file?: string): ScriptUpload[] {
  const uploads = scriptLineUploads(where, text, file);
  return argv ? uploads.map((u) => ({ ...u, argv: true as const })) : uploads;
}

function scriptLineUploads(where: string, text: string, file?: string): ScriptUpload[] {
  const out: ScriptUpload[] = [];
  const seen = new Set<string>();
  for (const t of [text, decodedScript(text)]) {
    const code = t?.replace(shellComments, "$1") ?? "";
    const read = out.length;
    // The region a script sets for the AWS CLI of its later commands.
    const region = awsRegionSetting.exec(code)?.[1];
    const commands =
      (file === undefined ? undefined : fileCommands(file, code)) ?? commandsRun(code);
    // The remotes it defines (rclone's, mc's) for its later commands.
    for (const [command, environment] of environmentsAlong(code, commands)) {
      if (seen.has(command)) {
        continue;
      }
      seen.add(command);
      for (const upload of uploadsIn(command, environment)) {
        const { tool } = upload;
        if (tool === "curl" || tool === "wget") {
          const readable = upload.urls.filter((u) => !/[$`{}]/.test(hostOf(u)));
          for (const url of readable) {
            out.push({ path: where, command, tool, url });
          }
          if (readable.length < upload.urls.length || upload.urls.length === 0) {
            const built = /["']?[^\s"']*[$`][^\s"']*["']?/.exec(command.replace(/^\S+\s/, ""))?.[0];
            out.push({ path: where, command, tool, unread: built ?? "" });
          } else if (upload.unread.length > 0) {
            // A destination a command substitution builds beside the URLs it names.
            out.push({ path: where, command, tool, unread: upload.unread[0] });
          }
          continue;
        }
        for (const host of upload.hosts) {
          out.push({ path: where, command, tool, host });
        }
        for (const bucket of upload.buckets) {
          const placed =
            bucket.store !== "s3" ||
            bucket.region !== undefined ||
            bucket.endpoint !== undefined ||
            region === undefined;
          out.push({ path: where, command, tool, bucket: placed ? bucket : { ...bucket, region } });
        }
        for (const unread of upload.unread) {
          out.push({ path: where, command, tool, unread });
        }
        for (const remote of upload.remotes) {
          out.push({ path: where, command, tool, remote });
        }
      }
    }
    out.push(...resolvedByHostsFile(out.slice(read), hostsFileEntries(code)));
  }
  return out;
}

/**
 * The uploads that the entries a script writes into the hosts file (`hostsFileEntries`) send
 * elsewhere than the name their line gives: to a URL's, a copy's or an endpoint's host the script
 * maps (`echo "203.0.113.9 internal-lb.example" >> /etc/hosts`), each address it maps it to —
 * where the data goes — as a destination of the same line, or one that cannot be read where the
 * address is built at run time (`"$IP internal-lb.example"`).
 */
function resolvedByHostsFile(
  uploads: readonly ScriptUpload[],
  entries: ReadonlyMap<string, readonly string[]>,
): ScriptUpload[] {
  if (entries.size === 0) {
    return [];
  }
  return uploads.flatMap((u) => {
    const target = u.url ?? u.host ?? u.bucket?.endpoint;
    const addresses = target === undefined ? undefined : entries.get(hostOf(target));
    const { path, command, tool } = u;
    return (addresses ?? []).map((address): ScriptUpload => {
      if (/[$`]/.test(address)) {
        return { path, command, tool, unread: address };
      }
      if (u.url !== undefined) {
        try {
          const url = new URL(u.url);
          url.hostname = address.includes(":") ? `[${address}]` : address;
          return { path, command, tool, url: url.toString() };
        } catch {
          // Not a URL the reading parses: the address as a host.
        }
      }
      return { path, command, tool, host: address };
    });
  });
}

/** An `AWS_REGION=` or `AWS_DEFAULT_REGION=` a script sets (`export AWS_REGION=eu-west-1`). */
const awsRegionSetting = /\b(?:AWS_REGION|AWS_DEFAULT_REGION)=["']?([a-z]{2}(?:-[a-z]+)+-\d+)\b/;

/**
 * A script's shell comments: from a `#` that starts a word to the end of its line (not `#!` or
 * `#cloud-config` on the first column, which say what runs the script).
 */
const shellComments = /(^|[ \t])#(?!!|cloud-config).*$/gm;

/** A region a script gives a cloud CLI or SDK: `--region eu-west-1`, `AWS_REGION=eu-west-1`. */
const regionSetting =
  /(?:--region[= ]+|\b(?:AWS_REGION|AWS_DEFAULT_REGION|ALIBABA_CLOUD_REGION_ID|ALICLOUD_REGION)=)["']?([a-z]{2}(?:-[a-z]+)+(?:-\d+)?)\b/g;

/** Base64 user data as the text the instance runs, where it decodes to text. */
function decodedScript(text: string): string | undefined {
  const compact = text.replace(/\s+/g, "");
  if (compact.length < 16 || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
    return undefined;
  }
  let bytes = Buffer.from(compact, "base64");
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    // gzip, which cloud-init uncompresses before it reads the script (the cloudinit provider's
    // default for user data); at most a megabyte of it is read.
    try {
      bytes = zlib.gunzipSync(bytes, { maxOutputLength: 1 << 20 });
    } catch {
      return undefined;
    }
  }
  const decoded = bytes.toString("utf8");
  // Text, not bytes: printable characters, tabs and line breaks only.
  return !/\p{Cc}/u.test(decoded.replace(/[\t\n\r]/g, "")) && !decoded.includes("\ufffd")
    ? decoded
    : undefined;
}

/** ARNs of AWS KMS keys. */
export const kmsArn = /^arn:[^:]+:kms:/;

/** An ARN a resource names that lies outside the jurisdiction or cannot be placed. */
export interface ForeignArn {
  /** Where in the props the ARN stands. */
  readonly path: string;
  /** The place it names, as a violation shows it. */
  readonly place: string;
}

/**
 * The ARNs among `refs` that name a place outside the jurisdiction or one that cannot be placed.
 * ARNs unknown at preview are outputs of resources of this program, which the placement policies
 * check where they are created, so they are not judged here.
 */
export function foreignArns(j: Jurisdiction, refs: readonly ArnReference[]): ForeignArn[] {
  const out: ForeignArn[] = [];
  for (const ref of refs) {
    if (isUnknown(ref.arn)) {
      continue;
    }
    const outcome = arnOutcome(j, ref.arn);
    if (outcome.kind === "outside") {
      out.push({ path: ref.path, place: outcome.place });
    } else if (outcome.kind === "unplaceable") {
      out.push({ path: ref.path, place: `${outcome.raw} (${outcome.why})` });
    }
  }
  return out;
}
