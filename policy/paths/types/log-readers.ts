/**
 * The log-shipping rows' own readings of their inputs (`judged` fields of policy/paths/types/logs.ts):
 * switches whose meaning depends on the jurisdiction (a multi-Region trail in a partition that
 * spans other countries), subscriber lists whose kind decides whether an address is a mailbox,
 * and destinations written inside one text — JSON host aliases and sinks, `/etc/hosts` lines,
 * Prometheus `remote_write` YAML, CDN origin groups, OpenSearch Ingestion pipeline bodies, an
 * ActiveMQ broker's XML network connectors, a state machine's Task states. Each names the places
 * it sends data to in log-shipping's words; every other row of the table is plain fields. Also
 * the fields rows of other tables share with log-shipping: the integrations of an API imported
 * from an OpenAPI body (`openApiIntegrations`), and the fix of a push.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { type Jurisdiction, regionInJurisdiction } from "../../../residency/jurisdictions";
import {
  describeNamedPlace,
  describePlace,
  hostOf,
  isAwsRegionShaped,
  regionOfEndpoint,
} from "../../../residency/placement";
import type { EgressAllowEntry } from "../../framework";
import { allowlistEntryAt, parseCidr, reachOfAddress } from "../addresses";
import { mailboxReason } from "../fields";
import { alibabaPhoneNumbers, alibabaSmsNumber, phonePlace } from "./phones";
import { locate, serverPlace } from "../places";
import type { FieldSpec, GlobalReach, Judged, PublicReader } from "../model";
import { decided, isUnknown, jsonDocument, known, record, str, valueAt, valuesAt } from "../values";
import { connectorTargets, decidesWhere } from "../connectors";
import { edgesOf } from "./rows";

type Allowlist = readonly EgressAllowEntry[];

/**
 * Per predicate made by `knownAt`: the input it reads and when that input is a destination. A
 * value there not known at preview is skipped by the row; named-destinations judges it over the
 * stack (`unknownDestinationOf`).
 */
const skipsUnknown = new WeakMap<
  object,
  {
    readonly path: string;
    readonly holds?: (props: Readonly<Record<string, unknown>>, holder?: unknown) => boolean;
  }
>();

/**
 * Every value at `path` is known at preview (and `holds`, when given, holds: the protocol that
 * makes the value a destination of this kind). A cloud ARN or endpoint not yet known is either
 * an output of a resource of this program (a function's invoke ARN, a domain's endpoint), which
 * resource-placement places where it is created — as arn-locality leaves such ARNs to it — or the
 * answer of a lookup or another stack's output, which named-destinations fails closed.
 * `unknownOnly`: `holds` decides only whether a value not known is failed closed; a known value
 * is read whatever holds (a DNS record's reader places the hosts of every record type, while only
 * an address or host record's unknown answer is taken for a destination). `knownWhen`: a known
 * value is read when this holds instead (an integration's URI, read as an ARN when it is one).
 * named-destinations asks `holds` of each unknown value with the element that holds it (`holder`:
 * an Amplify rule, whose own status makes its target a destination); the row's reading asks it of
 * the inputs alone.
 */
export function knownAt(
  path: string,
  holds?: (props: Readonly<Record<string, unknown>>, holder?: unknown) => boolean,
  {
    unknownOnly = false,
    knownWhen,
  }: {
    readonly unknownOnly?: boolean;
    readonly knownWhen?: (props: Readonly<Record<string, unknown>>) => boolean;
  } = {},
) {
  const readKnown = knownWhen ?? (unknownOnly ? undefined : holds);
  const when = (props: Readonly<Record<string, unknown>>): boolean => {
    if (readKnown !== undefined && !readKnown(props)) {
      return false;
    }
    const found = known(() => valuesAt(props, path));
    return !isUnknown(found) && found.length > 0 && found.every((f) => !isUnknown(f.value));
  };
  skipsUnknown.set(when, { path, holds });
  return when;
}

/**
 * The input a field's `when` (made by `knownAt`) skips while its value is not known at preview,
 * and when that input is a destination; `undefined` for any other `when`.
 */
export function unknownDestinationOf(when: FieldSpec["when"]) {
  return when === undefined ? undefined : skipsUnknown.get(when);
}

/** The value at a top-level input, as text (`undefined` when unset or not known yet). */
export function textOf(props: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const v = known(() => props[key]);
  return isUnknown(v) ? undefined : str(v);
}

/**
 * Partitions whose every region belongs to one jurisdiction: collecting "all regions" there
 * stays inside it. The commercial `aws` partition spans the world.
 */
const singleJurisdictionPartitions = new Set(["aws-cn", "aws-us-gov", "aws-eusc"]);

/** Every region of the jurisdiction's AWS partitions lies inside it (aws-cn for CN). */
function partitionsConfined(j: Jurisdiction): boolean {
  return j.awsPartitions.every((p) => singleJurisdictionPartitions.has(p));
}

/** A multi-region collector gathers data of regions outside the jurisdiction into this one. */
export function multiRegion(flag: string, defaultOn: boolean) {
  return (props: Record<string, unknown>, j: Jurisdiction): Judged[] => {
    const v = props[flag];
    const on = v === undefined ? defaultOn : v === true;
    return on && !partitionsConfined(j)
      ? [
          {
            path: flag,
            verb: `${v === undefined ? "(on by default) " : ""}collects events from`,
            place: "every region of the partition, including regions outside the jurisdiction",
          },
        ]
      : [];
  };
}

/**
 * The ARNs an IoT topic rule's SQL calls with every message (`aws_lambda("arn:…", *)` hands the
 * payload to that function; `get_secret`, `get_dynamodb` and `machinelearning_predict` read or
 * send through the resource the ARN names): each must lie inside. The SQL's own ARNs are read
 * here, as the rest of the statement is no place.
 */
export function sqlCalls(props: Record<string, unknown>, j: Jurisdiction): Judged[] {
  const sql = str(props.sql);
  if (sql === undefined) {
    return [];
  }
  const out: Judged[] = [];
  for (const m of sql.matchAll(
    /\b(aws_lambda|get_secret|get_dynamodb|machinelearning_predict)\s*\(\s*['"](arn:[^'"]+)['"]/g,
  )) {
    const [, fn, arn] = m;
    const at = locate(j, "arn", arn, "aws");
    const outside =
      at.kind === "partition" ||
      at.kind === "unplaceable" ||
      (at.kind === "region" && !regionInJurisdiction(j, at.cloud, at.region));
    if (outside) {
      out.push({
        path: "sql",
        verb: `calls ${fn} with every message on`,
        place:
          at.kind === "region"
            ? `${arn} in ${describePlace(j, at.cloud, at.region)}`
            : at.kind === "partition"
              ? `${arn} (partition ${at.partition}, outside ${j.id})`
              : `${arn} (which cannot be placed)`,
      });
    }
  }
  return out;
}

/** What an aggregator over every region of the partition is reported as. */
const everyRegion = (path: string, verb: string): Judged[] => [
  {
    path,
    verb,
    place: "every region of the partition, including regions outside the jurisdiction",
  },
];

/**
 * A Config aggregator over all regions gathers every region of the partition: inside a partition
 * confined to the jurisdiction (aws-cn for CN) that is the jurisdiction's regions only.
 */
export function allRegions(props: Record<string, unknown>, j: Jurisdiction): Judged[] {
  if (partitionsConfined(j)) {
    return [];
  }
  return ["accountAggregationSource", "organizationAggregationSource"].flatMap((k) => {
    const source = props[k] as Record<string, unknown> | undefined;
    return source && source.allRegions === true
      ? everyRegion(`${k}.allRegions`, "aggregates data from")
      : [];
  });
}

/**
 * An S3 Storage Lens configuration gathers the metrics of every bucket in its scope — object
 * counts and sizes, and with advanced metrics the prefixes of the keys — into its home region:
 * every region of the account unless `include` names regions or buckets (then those, read as
 * their own fields), and every region but some where `exclude` names them.
 */
export function storageLensScope(props: Record<string, unknown>, j: Jurisdiction): Judged[] {
  if (partitionsConfined(j)) {
    return [];
  }
  // A configuration or scope not known at preview is undecided: the row's field of the scope's
  // regions (`include.regions[]`) reads through it and says so, once.
  const config = known(() => props.storageLensConfiguration) as Record<string, unknown> | undefined;
  const include = isUnknown(config)
    ? config
    : (known(() => config?.include) as Record<string, unknown> | undefined);
  if (config === undefined || isUnknown(include)) {
    return [];
  }
  const scoped =
    include !== undefined &&
    (known(() => include.regions) !== undefined || known(() => include.buckets) !== undefined);
  // A list of regions left out, known or not, still leaves every other region in.
  return scoped
    ? []
    : everyRegion(
        known(() => config.exclude) === undefined
          ? "storageLensConfiguration"
          : "storageLensConfiguration.exclude",
        "gathers the storage metrics of buckets in",
      );
}

/**
 * A Resource Explorer index of type AGGREGATOR receives a copy of the index of every region of
 * the account where Resource Explorer is on: each resource's ARN, name, tags and properties.
 */
export function aggregatorIndex(props: Record<string, unknown>, j: Jurisdiction): Judged[] {
  return !partitionsConfined(j) && str(props.type)?.toUpperCase() === "AGGREGATOR"
    ? everyRegion("type", "copies the resource index of")
    : [];
}

/** A Security Hub finding aggregator linking all regions: as `allRegions`. */
export function linkingMode(props: Record<string, unknown>, j: Jurisdiction): Judged[] {
  const mode = str(props.linkingMode);
  return !partitionsConfined(j) &&
    (mode === "ALL_REGIONS" || mode === "ALL_REGIONS_EXCEPT_SPECIFIED")
    ? everyRegion("linkingMode", "aggregates findings from")
    : [];
}

/**
 * SNS protocols whose endpoint is outside the cloud (a mailbox); a phone (`sms`) is placed by its
 * country (phones.ts), a URL (`http`, `https`) as any URL is: a cloud endpoint by its region (an
 * API Gateway stage, a function URL).
 */
const externalProtocols = ["email", "email-json"];

/** The SNS subscription's protocol is `protocol` (`http`, `https`). */
export const snsProtocol =
  (protocol: string) =>
  (props: Readonly<Record<string, unknown>>): boolean =>
    textOf(props, "protocol")?.toLowerCase() === protocol;

/** SNS protocols whose endpoint is the ARN of a queue, function, stream or mobile app. */
export const snsArnEndpoint = (props: Readonly<Record<string, unknown>>): boolean =>
  ["sqs", "lambda", "firehose", "application"].includes(
    textOf(props, "protocol")?.toLowerCase() ?? "",
  );

export function snsEndpoint(
  props: Record<string, unknown>,
  _j: Jurisdiction,
  allowlist: Allowlist,
): Judged[] {
  const protocol = str(props.protocol)?.toLowerCase();
  // A mailbox, placed only by a domain egressHosts names (its mail servers inside).
  return protocol !== undefined && externalProtocols.includes(protocol)
    ? mailed("endpoint", `pushes messages (${protocol}) to`, props.endpoint, allowlist)
    : [];
}

/**
 * Subscribers (`subscribers[]`: an address and its kind at `kindKey`) that are e-mail addresses:
 * a mailbox is outside the cloud. SNS subscribers are topic ARNs, which arn-locality places.
 */
export function mailboxes(kindKey: string, verb: string) {
  return (props: Record<string, unknown>, _j: Jurisdiction, allowlist: Allowlist): Judged[] =>
    valuesAt(props, "subscribers[]").flatMap((f): Judged[] => {
      const sub = decided(f.value, f.path) as Record<string, unknown> | undefined;
      const kind = decided(
        sub === undefined ? sub : known(() => sub[kindKey]),
        `${f.path}.${kindKey}`,
      );
      return str(kind)?.toUpperCase() === "EMAIL"
        ? mailed(`${f.path}.address`, verb, sub?.address, allowlist)
        : [];
    });
}

/**
 * Notices each element at `listPath` sends by mail or by text, as its kind at `kindKey` says
 * (`mail`, `sms`), to the mailbox or the numbers at `valueKey`: a mailbox cannot be placed; each
 * number reaches its phone's country, read as Alibaba Cloud's SMS reads it. A kind not known at
 * preview, or one the provider does not document, cannot be placed either.
 */
export function notices(listPath: string, kindKey: string, valueKey: string, verb: string) {
  const numbers = alibabaPhoneNumbers(valueKey, verb);
  return (
    props: Readonly<Record<string, unknown>>,
    j: Jurisdiction,
    allowlist: Allowlist,
  ): Judged[] =>
    valuesAt(props, listPath).flatMap((f): Judged[] => {
      const notice = f.value as Record<string, unknown> | undefined;
      const value = notice === undefined ? undefined : known(() => notice[valueKey]);
      if (value === undefined || value === "") {
        return [];
      }
      const path = `${f.path}.${valueKey}`;
      const kind = decided(
        known(() => notice?.[kindKey]),
        `${f.path}.${kindKey}`,
      );
      switch (str(kind)?.toLowerCase()) {
        case "mail":
          return mailed(path, verb, value, allowlist);
        case "sms":
          return numbers(notice ?? {}, j).map((n) => ({ ...n, path }));
        default:
          return [
            {
              path,
              verb,
              place: `${JSON.stringify(value)} (a notice of kind ${JSON.stringify(kind)}, neither mail nor sms, which cannot be placed)`,
            },
          ];
      }
    });
}

/** A mailbox as the place of a finding, in the words of a mailbox any field names. */
function mailboxPlace(address: unknown): string {
  return `${JSON.stringify(address)} (${mailboxReason})`;
}

/**
 * A mailbox as the place of a finding, or undefined when the stack placed its domain by name
 * (`egressHosts`: a mail domain whose servers the team runs inside).
 */
function unplacedMailbox(address: unknown, allowlist: Allowlist): string | undefined {
  return typeof address === "string" && allowlistEntryAt(allowlist, address) !== undefined
    ? undefined
    : mailboxPlace(address);
}

/** The finding of mail to `address`, as `unplacedMailbox` places it. */
function mailed(path: string, verb: string, address: unknown, allowlist: Allowlist): Judged[] {
  const place = unplacedMailbox(address, allowlist);
  return place === undefined ? [] : [{ path, verb, place }];
}

/**
 * The parameters of a Step Functions service integration that name where a Task state sends the
 * execution's data, by what they name: the function, queue, topic, state machine, event bus,
 * table or stream it calls. A literal one is an ARN or a queue's URL, which arn-locality places.
 */
const taskTargets: Readonly<Record<string, string>> = {
  FunctionName: "a function",
  QueueUrl: "a queue",
  TopicArn: "a topic",
  TargetArn: "a topic or a mobile endpoint",
  StateMachineArn: "a state machine",
  EventBusName: "an event bus",
  TableName: "a table",
  StreamName: "a stream",
  StreamARN: "a stream",
  DeliveryStreamName: "a Firehose stream",
};

/** An SES call (`aws-sdk:ses:sendEmail`, `aws-sdk:sesv2:sendEmail`). */
const sesCall = /^aws-sdk:(ses|sesv2):/i;

/**
 * The parameters of the calls (`api`, the integration's name after `states:::`) that send the
 * execution's data straight to people: the mailboxes an SES message goes to (`Destinations`, raw
 * mail's), the phone an SNS message or an SMS Voice text or call reaches. `holds`: parameters
 * that hold several (an SES message's `Destination`, EventBridge's `Entries`, each naming its
 * bus), judged only when chosen at run time — written out, their own parameters are read.
 */
const taskRecipients: readonly {
  readonly key: string;
  readonly api: RegExp;
  readonly by: "mail" | "phone" | "send";
  readonly what: string;
  readonly holds?: true;
}[] = [
  ...["ToAddresses", "CcAddresses", "BccAddresses", "Destinations"].map((key) => ({
    key,
    api: sesCall,
    by: "mail" as const,
    what: "mailboxes",
  })),
  { key: "PhoneNumber", api: /^(aws-sdk:)?sns:publish$/i, by: "phone", what: "a phone number" },
  { key: "DestinationPhoneNumber", api: /^aws-sdk:/i, by: "phone", what: "a phone number" },
  { key: "Destination", api: sesCall, by: "mail", what: "mailboxes", holds: true },
  { key: "BulkEmailEntries", api: sesCall, by: "mail", what: "mailboxes", holds: true },
  {
    key: "Entries",
    api: /^(events|aws-sdk:eventbridge):putEvents$/i,
    by: "send",
    what: "event buses",
    holds: true,
  },
];

/**
 * How a Task's parameter value is chosen when the definition does not write it out: a path into
 * the state's input or the context (JSONPath `$.queue`, JSONata `{% $states.input.queue %}`) at
 * run time; an intrinsic function (`States.Format(…)`) or any other JSONata expression builds it
 * in the definition as the state runs. Undefined for a value written out (a JSONata argument
 * that is no expression); a JSONPath parameter (`Key.$`) is always chosen.
 */
function chosenHow(value: unknown, jsonPath: boolean): string | undefined {
  const text = typeof value === "string" ? value : "";
  const jsonata = /^\s*\{%([\s\S]*)%\}\s*$/.exec(text);
  if (!jsonPath && jsonata === null) {
    return undefined;
  }
  const expression = (jsonata?.[1] ?? text).trim();
  return /^\$[\w$]*(\.[\w$]+|\[[^\]]*\])*$/.test(expression)
    ? "chosen at run time"
    : "built in the definition as the state runs";
}

/**
 * Where the Task states of the state machine definition at `path` send the execution's data
 * besides HTTP endpoints (logs.ts `httpTaskEndpoints`), at its top level and inside Parallel
 * branches and Map item processors. The target of a service integration
 * (`arn:<partition>:states:::<api>`) that the state chooses at run time or builds in the
 * definition — a JSONPath parameter (`FunctionName.$`: a path into the execution's data, or an
 * intrinsic function such as `States.Format`), a JSONata expression among its `Arguments`
 * (`{% … %}`) — names no place, so it cannot be placed (arguments that are one expression fail
 * closed already: `httpTaskEndpoints` cannot read them); a literal target is an ARN or a queue's
 * URL, which arn-locality places. Mail an SES call sends goes to mailboxes, placed only by a
 * domain egressHosts names; a text or call to a phone reaches its country; either chosen at run
 * time cannot be placed.
 */
export function stateMachineTasks(path: string) {
  return (
    props: Readonly<Record<string, unknown>>,
    j: Jurisdiction,
    allowlist: Allowlist,
  ): Judged[] => {
    const out: Judged[] = [];
    const verbs: Readonly<Record<"send" | "mail" | "phone", string>> = {
      send: "sends the execution's data to",
      mail: "e-mails the execution's data to",
      phone: "texts the execution's data to",
    };
    const unplaced = (at: string, verb: string, value: unknown, what: string, how: string) =>
      out.push({
        path: at,
        verb,
        place: `${JSON.stringify(value)} (${what} ${how}, which cannot be placed)`,
      });
    const recipient = (kind: "mail" | "phone", at: string, value: unknown): void => {
      if (kind === "mail") {
        out.push(...mailed(at, verbs.mail, value, allowlist));
        return;
      }
      const place = phonePlace(value, j);
      if (place !== undefined) {
        out.push({ path: at, verb: verbs.phone, place });
      }
    };
    const readArgs = (api: string, value: unknown, at: string, jsonPath: boolean): void => {
      if (Array.isArray(value)) {
        value.forEach((v, i) => readArgs(api, v, `${at}[${i}]`, jsonPath));
        return;
      }
      for (const [written, v] of Object.entries(record(value) ?? {})) {
        const chosen = jsonPath && written.endsWith(".$");
        const key = chosen ? written.slice(0, -2) : written;
        const here = `${at}.${written}`;
        const how = chosen || !jsonPath ? chosenHow(v, jsonPath) : undefined;
        const to = taskRecipients.find((r) => r.key === key && r.api.test(api));
        const target = taskTargets[key];
        if ((target !== undefined || to !== undefined) && how !== undefined) {
          unplaced(here, verbs[to?.by ?? "send"], v, to?.what ?? target, how);
        } else if (to !== undefined && to.by !== "send" && to.holds !== true) {
          const by = to.by;
          (Array.isArray(v) ? v : [v]).forEach((each, i) => {
            const eachAt = Array.isArray(v) ? `${here}[${i}]` : here;
            // A JSONata list may name each recipient by an expression of its own.
            const eachHow = jsonPath ? undefined : chosenHow(each, false);
            if (eachHow !== undefined) {
              unplaced(eachAt, verbs[by], each, to.what, eachHow);
            } else {
              recipient(by, eachAt, each);
            }
          });
        } else if (!chosen) {
          readArgs(api, v, here, jsonPath);
        }
      }
    };
    const readStates = (states: unknown, at: string): void => {
      for (const [name, state] of Object.entries(record(states) ?? {})) {
        const s = record(state) ?? {};
        const here = `${at}.${name}`;
        (Array.isArray(s.Branches) ? s.Branches : []).forEach((b, i) =>
          readStates(record(b)?.States, `${here}.Branches[${i}].States`),
        );
        for (const nest of ["ItemProcessor", "Iterator"]) {
          readStates(record(s[nest])?.States, `${here}.${nest}.States`);
        }
        const api = /^arn:[\w-]+:states:::(.+?)(\.sync(:\d+)?|\.waitForTaskToken)?$/.exec(
          str(s.Resource) ?? "",
        )?.[1];
        if (s.Type !== "Task" || api === undefined) {
          continue;
        }
        readArgs(api, s.Parameters, `${here}.Parameters`, true);
        readArgs(api, s.Arguments, `${here}.Arguments`, false);
      }
    };
    const definition = record(jsonDocument(valueAt(props, path)));
    readStates(definition?.States, `${path}.States`);
    return out;
  };
}

/**
 * Where a Message Service (MNS) push that is neither a URL nor a queue delivers, by its push
 * type: a mailbox (Direct Mail) cannot be placed; a text (Short Message Service) reaches the
 * phone's country, a number read as that service reads it (phones.ts `alibabaSmsNumber`); a
 * Mobile Push app key names an app whose devices are reached through the platforms' push
 * services (Apple's APNs, the Android vendors'), which cannot be placed. Undefined for the other
 * push types (an HTTP URL, a queue), which the row's fields read.
 */
function mnsPush(
  type: string,
  endpoint: string,
  j: Jurisdiction,
  allowlist: Allowlist,
): { readonly protocol: string; readonly place?: string } | undefined {
  switch (type) {
    case "email":
      return { protocol: "email", place: unplacedMailbox(endpoint, allowlist) };
    case "alisms":
      return endpoint === "anonymous"
        ? {
            protocol: "sms",
            place: `${JSON.stringify(endpoint)} (the phones each message names when it is published, which cannot be placed)`,
          }
        : { protocol: "sms", place: phonePlace(alibabaSmsNumber(endpoint), j, endpoint) };
    case "mpush":
      return {
        protocol: "mobile push",
        place: `${JSON.stringify(endpoint)} (a mobile app's devices, reached through Mobile Push and the platforms' push services, which cannot be placed)`,
      };
    default:
      return undefined;
  }
}

/** The push types of a Message Service subscription whose endpoint is not a URL or a queue. */
const mnsPushTypes = ["email", "alisms", "mpush"];

/** A Message Service subscription's push type names an endpoint that is not a URL or a queue. */
export const messagePushType = (props: Readonly<Record<string, unknown>>): boolean =>
  mnsPushTypes.includes(textOf(props, "pushType")?.toLowerCase() ?? "");

/** The finding of a push `mnsPush` read, if its place is outside. */
function pushed(
  type: string | undefined,
  endpoint: string | undefined,
  j: Jurisdiction,
  allowlist: Allowlist,
): Judged[] {
  const push =
    type === undefined || endpoint === undefined
      ? undefined
      : mnsPush(type, endpoint, j, allowlist);
  return push?.place === undefined
    ? []
    : [{ path: "endpoint", verb: `pushes messages (${push.protocol}) to`, place: push.place }];
}

/** A Message Service subscription's `endpoint` of its `pushType` (email, alisms, mpush). */
export function messagePush(
  props: Readonly<Record<string, unknown>>,
  j: Jurisdiction,
  allowlist: Allowlist,
): Judged[] {
  return messagePushType(props)
    ? pushed(textOf(props, "pushType")?.toLowerCase(), textOf(props, "endpoint"), j, allowlist)
    : [];
}

/**
 * The schemes of an MNS topic subscription's endpoint that name neither a URL nor a queue
 * (`mail:directmail:<address>`, `sms:directsms:<phone>` or `sms:directsms:anonymous`,
 * `push:<app key>`), each the push type a Message Service subscription names instead.
 */
const mnsSchemes: readonly (readonly [prefix: string, type: string])[] = [
  ["mail:directmail:", "email"],
  ["sms:directsms:", "alisms"],
  ["push:", "mpush"],
];

/** An MNS topic subscription's endpoint is a mailbox, a phone or an app (`mnsSchemes`). */
export const mnsSchemeEndpoint = (props: Readonly<Record<string, unknown>>): boolean => {
  const endpoint = textOf(props, "endpoint")?.toLowerCase();
  return endpoint !== undefined && mnsSchemes.some(([prefix]) => endpoint.startsWith(prefix));
};

/** An MNS topic subscription's `endpoint`, read by its scheme (`mnsSchemes`). */
export function mnsEndpoint(
  props: Readonly<Record<string, unknown>>,
  j: Jurisdiction,
  allowlist: Allowlist,
): Judged[] {
  const endpoint = textOf(props, "endpoint");
  const scheme = mnsSchemes.find(([prefix]) => endpoint?.toLowerCase().startsWith(prefix));
  return scheme === undefined
    ? []
    : pushed(scheme[1], endpoint?.slice(scheme[0].length), j, allowlist);
}

/**
 * The regions of the Amazon Pinpoint project a Cognito app client names by ID (`applicationId`,
 * not `applicationArn`), by the user pool's region: those where Pinpoint was not offered send to
 * us-east-1, some others to us-east-1 or their own, as the ID does not say (Amazon Cognito
 * Developer Guide, "Find Amazon Cognito and Amazon Pinpoint Region mappings"). Elsewhere the
 * project is in the pool's own region.
 */
const pinpointProjectRegions: Readonly<Record<string, readonly string[]>> = {
  "ap-northeast-1": ["us-east-1"],
  "ap-northeast-2": ["us-east-1"],
  "ap-south-1": ["us-east-1", "ap-south-1"],
  "ap-southeast-1": ["us-east-1"],
  "ap-southeast-2": ["us-east-1", "ap-southeast-2"],
  "ca-central-1": ["us-east-1"],
  "eu-central-1": ["us-east-1", "eu-central-1"],
  "eu-west-1": ["us-east-1", "eu-west-1"],
  "eu-west-2": ["us-east-1"],
  "us-east-2": ["us-east-1"],
  "us-west-2": ["us-east-1", "us-west-2"],
};

/**
 * A Cognito app client's analytics sent to the Pinpoint project `applicationId` names (an ARN,
 * `applicationArn`, names its region itself): where the pool's region maps the project only
 * outside the jurisdiction, that region; where it maps it either side, the project cannot be
 * placed by its ID.
 */
export function cognitoAnalytics(
  props: Readonly<Record<string, unknown>>,
  j: Jurisdiction,
  _allowlist: unknown,
  where: { readonly region?: string },
): Judged[] {
  const id = known(() => valueAt(props, "analyticsConfiguration.applicationId"));
  const arn = known(() => valueAt(props, "analyticsConfiguration.applicationArn"));
  if (typeof id !== "string" || id === "" || (arn !== undefined && arn !== "")) {
    return [];
  }
  const candidates = where.region === undefined ? [] : (pinpointProjectRegions[where.region] ?? []);
  const outside = candidates.filter((region) => !regionInJurisdiction(j, "aws", region));
  if (outside.length === 0) {
    return [];
  }
  return [
    {
      path: "analyticsConfiguration.applicationId",
      verb: "sends sign-up and sign-in analytics (with userDataShared, users' e-mail addresses and phone numbers) to",
      place:
        outside.length === candidates.length
          ? `the Amazon Pinpoint project ${JSON.stringify(id)} in ${describePlace(j, "aws", outside[0])}`
          : `the Amazon Pinpoint project ${JSON.stringify(id)}, in ${candidates.join(" or ")} (its ID does not say which, so it cannot be placed)`,
    },
  ];
}

/**
 * A Cognito user pool's text messages (sign-up codes, MFA codes, invitations) go through Amazon
 * SNS in `smsConfiguration.snsRegion` (read as a region by the row) or, when it is not set, in
 * the pool's own region — but a pool in Seoul must use SNS in Tokyo (Amazon Cognito API
 * Reference, SmsConfigurationType.SnsRegion). A custom SMS sender function
 * (`lambdaConfig.customSmsSender`, placed by its ARN) sends them instead of SNS.
 */
export function cognitoSms(
  props: Readonly<Record<string, unknown>>,
  j: Jurisdiction,
  _allowlist: unknown,
  where: { readonly region?: string },
): Judged[] {
  const sms = known(() => valueAt(props, "smsConfiguration"));
  const snsRegion = known(() => valueAt(props, "smsConfiguration.snsRegion"));
  const sender = known(() => valueAt(props, "lambdaConfig.customSmsSender.lambdaArn"));
  if (
    sms === undefined ||
    sms === null ||
    (snsRegion !== undefined && snsRegion !== "") ||
    (sender !== undefined && sender !== "")
  ) {
    return [];
  }
  const through = where.region === "ap-northeast-2" ? "ap-northeast-1" : undefined;
  return through === undefined || regionInJurisdiction(j, "aws", through)
    ? []
    : [
        {
          path: "smsConfiguration.snsRegion",
          verb: "is not set, so the pool texts verification codes and users' phone numbers through Amazon SNS in",
          place: describePlace(j, "aws", through),
        },
      ];
}

/**
 * The value `shown` at `path`, which sends data to `address`, as a place a reader cannot place —
 * unless the address is private. Readers judge without the egress allowlist, which only field
 * rows consult.
 */
function unlessPrivate(
  path: string,
  verb: string,
  address: string,
  shown = address,
  allowlist: Allowlist = [],
): Judged[] {
  return parseCidr(address) && reachOfAddress(address, allowlist).kind !== "internet"
    ? []
    : [
        {
          path,
          verb,
          place: `${JSON.stringify(shown)} (not a private address, which cannot be placed)`,
        },
      ];
}

/**
 * Host aliases given as a JSON list of `{hostName, ip}` (an `/etc/hosts` in the container): an
 * alias to an address that is not private sends the calls to that name there. This older form is
 * judged without the egress allowlist (which only field rows consult); its successor field, read
 * as `ip`, admits allowlisted addresses. A list that is not JSON cannot be read and fails closed.
 */
export function hostAliases(path: string, verb: string) {
  return (props: Record<string, unknown>): Judged[] => {
    const raw = known(() => valueAt(props, path));
    if (raw === undefined || isUnknown(raw) || str(raw)?.trim() === "") {
      return [];
    }
    let entries: unknown;
    try {
      entries = typeof raw === "string" ? JSON.parse(raw) : raw;
    } catch {
      entries = undefined;
    }
    if (!Array.isArray(entries)) {
      return [
        { path, verb, place: `${JSON.stringify(raw)} (not a JSON list, which cannot be read)` },
      ];
    }
    return entries.flatMap((entry: unknown, i): Judged[] => {
      const address = str((entry as Record<string, unknown> | null)?.ip)?.trim() ?? "";
      return unlessPrivate(`${path}[${i}].ip`, verb, address);
    });
  };
}

/**
 * Domain configuration functions of Alibaba Cloud CDN, DCDN and Secure CDN (the CDN function
 * reference, BatchSetCdnDomainConfig) whose argument names a host the edge sends requests to:
 * a conditional origin (`advanced_origin` `origin`, `origin_dns_host` `ali_origin_dns_host`), an
 * OSS origin bucket (`oss_auth` `oss_bucket_id`, `oss_key_list` `host`) and the remote
 * authentication server each client request (its URL arguments and headers) is sent to
 * (`cdn_remote_auth` `remote_auth_addr`). Origin groups (`source_group`) are read by
 * `originGroups`. Every other function passes: it sets headers, caching, rewrites, redirects
 * returned to the client, access rules, credentials for an origin the domain itself names
 * (`aws_s3_bucket`, `cos_auth`, `l2_oss_key`), or a script (`edge_function`) that runs on the
 * domain's own requests.
 */
export const edgeDestinations: Readonly<Record<string, string>> = {
  advanced_origin: "origin",
  origin_dns_host: "ali_origin_dns_host",
  oss_auth: "oss_bucket_id",
  oss_key_list: "host",
  cdn_remote_auth: "remote_auth_addr",
};

/** The argument `name` of a domain configuration function: its value's path and known value. */
function functionArgAt(
  props: Readonly<Record<string, unknown>>,
  name: string,
): { readonly path: string; readonly value: string | undefined } | undefined {
  const args = known(() => valuesAt(props, "functionArgs[]"));
  if (isUnknown(args)) {
    return undefined;
  }
  const hit = args.find((f) => textOf(f.value as Record<string, unknown>, "argName") === name);
  return hit === undefined
    ? undefined
    : {
        path: `${hit.path}.argValue`,
        value: textOf(hit.value as Record<string, unknown>, "argValue"),
      };
}

function functionArg(props: Readonly<Record<string, unknown>>, name: string): string | undefined {
  return functionArgAt(props, name)?.value;
}

/**
 * For a `where`: the element's `key` (its kind) is one `test` accepts, or is not known at preview
 * (then the element is judged: it may be of the kind that sends data).
 */
export function kindIs(key: string, test: (kind: string) => boolean): (holder: unknown) => boolean {
  return (holder) => {
    const kind = known(() => valueAt(holder, key));
    return isUnknown(kind) || (typeof kind === "string" && test(kind));
  };
}

/**
 * Where a domain configuration function's destination argument is read: only on a function named
 * `fn` that is not switched off (`enable=off`), and only the value of its argument `arg`.
 */
export function edgeDestination(
  fn: string,
  arg: string,
): {
  readonly when: (props: Readonly<Record<string, unknown>>) => boolean;
  readonly where: (holder: unknown) => boolean;
} {
  return {
    // Read once known; an argument only a lookup knows fails closed (named-destinations).
    when: knownAt(
      "functionArgs[].argValue",
      (props) =>
        textOf(props, "functionName") === fn &&
        functionArg(props, "enable")?.toLowerCase() !== "off",
    ),
    where: (holder) => {
      const a = holder as Record<string, unknown> | undefined;
      return (
        a !== undefined &&
        !isUnknown(a) &&
        textOf(a, "argName") === arg &&
        textOf(a, "argValue") !== undefined
      );
    },
  };
}

/**
 * The origins of a `source_group` function (`source_info`: `<address>_<priority>_<weight>_<port>`
 * entries, comma-separated): an origin that is not a private or allowlisted address, an OSS or
 * other regional endpoint of the cloud inside the jurisdiction, nor a host the stack placed by
 * name (`egressHosts`), cannot be placed.
 */
export function originGroups(
  props: Record<string, unknown>,
  j: Jurisdiction,
  allowlist: Allowlist,
): Judged[] {
  if (textOf(props, "functionName") !== "source_group") {
    return [];
  }
  const at = functionArgAt(props, "source_info");
  const info = at?.value;
  if (at === undefined || info === undefined) {
    return [];
  }
  const originFlow = (address: string, why: string): Judged => ({
    path: at.path,
    verb: "fetches content and forwards requests to",
    place: `${JSON.stringify(address)} (${why})`,
  });
  return info
    .split(",")
    .map((entry) => entry.trim().split("_")[0] ?? "")
    .filter((address) => address !== "")
    .flatMap((address): Judged[] => {
      if (parseCidr(address)) {
        return reachOfAddress(address, allowlist).kind !== "internet"
          ? []
          : [originFlow(address, "not a private address, which cannot be placed")];
      }
      const place = regionOfEndpoint(address);
      if (place === undefined) {
        return allowlistEntryAt(allowlist, address) !== undefined
          ? []
          : [originFlow(address, "an origin outside the cloud, which cannot be placed")];
      }
      return regionInJurisdiction(j, place.cloud, place.region)
        ? []
        : [originFlow(address, `in ${place.region}, outside ${j.id}`)];
    });
}

/** A MediaLive destination setting whose URL names an S3 bucket (`s3://`, `s3ssl://`). */
export function mediaLiveS3(holder: unknown): boolean {
  const target = known(() => (holder as Record<string, unknown> | undefined)?.url);
  return typeof target === "string" && /^s3(ssl)?:\/\//i.test(target.trim());
}

/**
 * An Amplify rule with status 200 (or 404-200, the rewrite a path the app lacks gets) is a
 * rewrite: to a URL (not a path of the app), Amplify fetches it server-side for the visitor's
 * request, with what it carries. Redirects (301, 302) and 404s only answer the browser. A rule
 * without a status is a rewrite too.
 */
export function amplifyRewrite(rule: unknown): boolean {
  const status = known(() => (rule as Record<string, unknown> | undefined)?.status);
  return status === undefined || ["200", "404-200"].includes(String(status));
}

/** An Amplify rewrite (above) to a URL: Amplify proxies the visitor's request to that host. */
export function amplifyProxy(rule: unknown): boolean {
  const target = known(() => (rule as Record<string, unknown> | undefined)?.target);
  return (
    amplifyRewrite(rule) &&
    typeof target === "string" &&
    /^[a-z][a-z0-9+.-]*:\/\//i.test(target.trim())
  );
}

/**
 * Addresses of an `/etc/hosts` text (`<ip> <hostname>…` lines; `#` starts a comment): a line
 * whose address is not private sends the traffic for its names there. Judged without the egress
 * allowlist, which only field rows consult. A line whose first word is not an IP cannot be read
 * and fails closed.
 */
export function hostsFile(path: string, verb: string) {
  return (props: Record<string, unknown>): Judged[] => {
    const raw = known(() => valueAt(props, path));
    if (raw === undefined || isUnknown(raw)) {
      return [];
    }
    return (str(raw) ?? "")
      .split(/\r?\n/)
      .map((line) => line.replace(/#.*/, "").trim())
      .filter((line) => line !== "")
      .flatMap((line): Judged[] => {
        const address = line.split(/\s+/)[0];
        if (!parseCidr(address)) {
          return [
            {
              path,
              verb,
              place: `${JSON.stringify(line)} (not an address line, which cannot be read)`,
            },
          ];
        }
        return unlessPrivate(path, verb, address);
      });
  };
}

/**
 * Event stream sinks (CreateEventStreaming `Sink`) that name a cloud target by name or instance
 * ID, which EventBridge resolves in the stream's own region and account: an MNS queue, a
 * function, a CloudFlow flow, an SLS logstore, an ApsaraMQ for Kafka or RabbitMQ instance, a
 * DataHub topic, or an API destination (by name: named-destinations judges the program's own
 * on its URL and fails closed on one the program does not create).
 */
const regionalSinks = new Set([
  "SinkMNSParameters",
  "SinkFcParameters",
  "SinkFnfParameters",
  "SinkSLSParameters",
  "SinkKafkaParameters",
  "SinkRabbitMQParameters",
  "SinkDataHubParameters",
  "SinkApiDestinationParameters",
]);

/**
 * The sink of an event stream, a JSON document with one `Sink…Parameters` object. A sink of
 * `regionalSinks` stays in the stream's region; every other shape — an HTTPS URL, a Prometheus
 * remote write, a self-managed Kafka, RabbitMQ or RocketMQ endpoint, OSS, a vector or analytics
 * store — names a place this reader does not place, and fails closed with the shape named. A sink
 * not known at preview never reaches it: its row reads it only once known (`knownAt`), and
 * named-destinations judges it through the resource of the program it was built from, or fails it
 * closed (a lookup's answer).
 */
export function streamSink(path: string) {
  return (props: Record<string, unknown>): Judged[] => {
    const raw = known(() => valueAt(props, path));
    if (raw === undefined || isUnknown(raw)) {
      return [];
    }
    let doc: unknown;
    try {
      doc = typeof raw === "string" ? JSON.parse(raw) : raw;
    } catch {
      doc = undefined;
    }
    const verb = "delivers events to";
    if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
      return [
        { path, verb, place: `${JSON.stringify(raw)} (not a JSON sink, which cannot be read)` },
      ];
    }
    return Object.keys(doc)
      .filter((shape) => !regionalSinks.has(shape))
      .map((shape) => ({
        path: `${path}.${shape}`,
        verb,
        place: `a ${shape} sink (a target the pack cannot place)`,
      }));
  };
}

/**
 * Where an MSK Connect connector writes (`connectorConfiguration`, Kafka Connect's settings read
 * by paths/connectors.ts): each server a sink's settings name, placed as a URL is — a private or
 * allowlisted address, a regional endpoint inside, a host the stack placed by name (`egressHosts`);
 * the region a sink defaults to (Confluent's S3 sink without `s3.region`: us-west-2). A region a
 * setting names is arn-locality's to judge. A setting taken from a config provider, or a sink that
 * names no destination the pack can read, cannot be placed; a setting that decides where it
 * writes, not known at preview, leaves it undecided.
 */
export function connectorSinks(
  props: Readonly<Record<string, unknown>>,
  j: Jurisdiction,
  allowlist: Allowlist,
): Judged[] {
  const path = "connectorConfiguration";
  const config = record(known(() => valueAt(props, path)));
  if (config === undefined) {
    return [];
  }
  const settings: Record<string, unknown> = {};
  for (const key of Object.keys(config)) {
    const value = known(() => config[key]);
    settings[key] = decidesWhere(key) ? decided(value, `${path}.${key}`) : value;
  }
  const cls = str(settings["connector.class"]) ?? "";
  const verb = "writes the records of its topics to";
  return connectorTargets(cls, settings).flatMap((target): Judged[] => {
    // A default is no setting of the connector's: the finding names the settings.
    const at =
      "key" in target && !(target.kind === "region" && target.defaulted)
        ? `${path}.${target.key}`
        : path;
    switch (target.kind) {
      case "servers":
        return target.servers.flatMap((server) => {
          const place = serverWords(server, j, allowlist);
          return place === undefined ? [] : [{ path: at, verb, place }];
        });
      case "provided":
        return [
          {
            path: at,
            verb,
            place: `${JSON.stringify(target.value)} (a setting of the config provider ${JSON.stringify(target.provider)}, read when the connector runs, which cannot be placed)`,
          },
        ];
      case "region":
        return !target.defaulted ||
          target.region === undefined ||
          regionInJurisdiction(j, "aws", target.region)
          ? []
          : [
              {
                path: at,
                verb,
                place: `the ${cls} sink's default region ${target.region}, ${target.key} unset (outside ${j.id})`,
              },
            ];
      case "unnamed":
        return [
          {
            path: at,
            verb,
            place: `the ${cls || "unnamed"} sink, whose destination its settings do not name (cannot be placed)`,
          },
        ];
    }
  });
}

/**
 * The settings of each Logtail flusher type (iLogtail's flushers) that name the servers it sends
 * the collected logs to; a setting under an object is written `Object.Key` (`Logs.Endpoint`).
 */
const logtailFlusherServers: Readonly<Record<string, readonly string[]>> = {
  flusher_http: ["RemoteURL"],
  flusher_kafka: ["Brokers"],
  flusher_kafka_v2: ["Brokers"],
  flusher_pulsar: ["Url", "URL"],
  flusher_clickhouse: ["Addresses"],
  flusher_elasticsearch: ["Addresses"],
  flusher_otlp: ["Logs.Endpoint", "Metrics.Endpoint", "Traces.Endpoint"],
  flusher_prometheus: ["Endpoint"],
  flusher_loki: ["URL"],
};
/**
 * Flushers that keep the logs on the machine (`flusher_stdout`, `flusher_blackhole`) or write
 * them to Simple Log Service, whose region and endpoint arn-locality judges (`flusher_sls`, the
 * config's own project unless they say otherwise).
 */
const logtailLocalFlushers = new Set(["flusher_sls", "flusher_stdout", "flusher_blackhole"]);

/**
 * Where a Logtail pipeline's flushers send the logs its machines collect (`flushers[]`, each a
 * map of iLogtail settings, `Type` first): every server a flusher's settings name, placed as a
 * URL is — a private or allowlisted address, a regional endpoint inside, a host the stack places
 * by name. A flusher that names no server the pack reads, or of a type it does not know, cannot
 * be placed.
 */
export function logtailFlushers(
  props: Readonly<Record<string, unknown>>,
  j: Jurisdiction,
  allowlist: Allowlist,
): Judged[] {
  const verb = "sends the collected logs to";
  return valuesAt(props, "flushers[]").flatMap((f): Judged[] => {
    const flusher = record(decided(f.value, f.path)) ?? {};
    const type =
      str(
        decided(
          known(() => flusher.Type),
          `${f.path}.Type`,
        ),
      ) ?? "";
    if (logtailLocalFlushers.has(type)) {
      return [];
    }
    const keys = logtailFlusherServers[type];
    if (keys === undefined) {
      return [
        {
          path: `${f.path}.Type`,
          verb,
          place: `a flusher of type ${JSON.stringify(type)}, whose destination the pack does not read (cannot be placed)`,
        },
      ];
    }
    const named = keys.flatMap((key) => {
      const [head, tail] = key.split(".");
      const at = `${f.path}.${head}`;
      // A list or an object may be given as JSON text (`Brokers: '["a:9092"]'`).
      const given = decided(
        known(() => flusher[head]),
        at,
      );
      const top = typeof given === "string" ? (jsonDocument(given) ?? given) : given;
      const value = tail === undefined ? top : record(top)?.[tail];
      const servers = [value]
        .flat()
        .flatMap((v) => (typeof v === "string" ? v.split(",") : []))
        .map((v) => v.trim())
        .filter((v) => v !== "");
      return servers.map((server) => ({ at, server }));
    });
    if (named.length === 0) {
      return [
        {
          path: f.path,
          verb,
          place: `a ${type} flusher that names no server the pack can read (cannot be placed)`,
        },
      ];
    }
    return named.flatMap(({ at, server }) => {
      const place = serverWords(server, j, allowlist);
      return place === undefined ? [] : [{ path: at, verb, place }];
    });
  });
}

/**
 * Where a Simple Log Service import job takes its data from (`source`, JSON text: the job's data
 * source, `type` first). An OSS source is read through its `endpoint`, placed by the region it
 * names (`oss-cn-hangzhou-internal.aliyuncs.com`), a private or allowlisted address or a host the
 * stack places by name; a source of any other type (MaxCompute, Kafka, S3, databases), or text
 * that is no JSON object, cannot be placed.
 */
export function logIngestionSource(
  props: Readonly<Record<string, unknown>>,
  j: Jurisdiction,
  allowlist: Allowlist,
): Judged[] {
  const verb = "imports logs from";
  const text = decided(
    known(() => props.source),
    "source",
  );
  const source = record(jsonDocument(text));
  if (source === undefined) {
    return [
      {
        path: "source",
        verb,
        place: "a source that is no JSON object the pack can read (cannot be placed)",
      },
    ];
  }
  const type = str(source.type) ?? "";
  if (type.toLowerCase() !== "aliyunoss") {
    return [
      {
        path: "source.type",
        verb,
        place: `a source of type ${JSON.stringify(type)}, whose place the pack does not read (cannot be placed)`,
      },
    ];
  }
  const endpoint = str(source.endpoint) ?? "";
  if (endpoint.trim() === "") {
    return [
      {
        path: "source.endpoint",
        verb,
        place: "an OSS bucket whose endpoint is not set (cannot be placed)",
      },
    ];
  }
  const place = serverWords(endpoint.trim(), j, allowlist);
  return place === undefined ? [] : [{ path: "source.endpoint", verb, place }];
}

/** ActiveMQ's XML configuration, its elements' namespace prefixes dropped, attributes kept. */
const activeMqXml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  removeNSPrefix: true,
  isArray: (name) => name === "networkConnector",
});

/** Every `networkConnector` element of a parsed document, at any depth. */
function networkConnectors(node: unknown): Record<string, unknown>[] {
  if (Array.isArray(node)) {
    return node.flatMap(networkConnectors);
  }
  const fields = record(node);
  if (fields === undefined) {
    return [];
  }
  return Object.entries(fields).flatMap(([key, value]) =>
    key === "networkConnector"
      ? [value].flat().flatMap((c) => {
          const connector = record(c);
          return connector === undefined ? [] : [connector];
        })
      : networkConnectors(value),
  );
}

/**
 * Where an Amazon MQ for ActiveMQ configuration (`data`, the broker's XML) has its brokers forward
 * messages: every broker a `networkConnector` connects to — `static:(ssl://b-….mq.us-east-2.amazonaws.com:61617,…)`,
 * `masterslave:(…)` or a single URI — placed by its endpoint's region, a private or allowlisted
 * address, or a host the stack places by name (a duplex connector also brings messages back).
 * RabbitMQ's configuration names no other broker; XML the pack cannot read cannot be placed.
 */
export function mqNetworkConnectors(
  props: Readonly<Record<string, unknown>>,
  j: Jurisdiction,
  allowlist: Allowlist,
): Judged[] {
  const engine =
    str(
      decided(
        known(() => props.engineType),
        "engineType",
      ),
    ) ?? "";
  if (engine.toLowerCase() !== "activemq") {
    return [];
  }
  const text = decided(
    known(() => props.data),
    "data",
  );
  const verb = "forwards messages to the broker at";
  if (typeof text !== "string" || XMLValidator.validate(text) !== true) {
    return [
      {
        path: "data",
        verb: "is",
        place:
          "text the pack cannot read as XML, so the brokers its network connectors may name cannot be placed",
      },
    ];
  }
  return networkConnectors(activeMqXml.parse(text)).flatMap((connector, i): Judged[] => {
    const path = `data.networkConnector[${i}].uri`;
    const uri = str(connector.uri) ?? "";
    // `static:(a,b)?options`, `masterslave:(a,b)`, `static://(a)` or one URI: the brokers inside.
    const inner = /^[a-z]+:(?:\/\/)?\(([^)]*)\)/i.exec(uri.trim())?.[1] ?? uri;
    const brokers = inner
      .split(",")
      .map((b) => b.trim())
      .filter((b) => b !== "");
    if (brokers.length === 0) {
      return [{ path, verb, place: "a network connector that names no broker (cannot be placed)" }];
    }
    return brokers.flatMap((broker) => {
      const place = serverWords(broker, j, allowlist);
      return place === undefined ? [] : [{ path, verb, place }];
    });
  });
}

/**
 * Where a server a setting names is, as a finding's place, or undefined when it is inside —
 * places.ts `serverPlace` reading its host: a private or allowlisted address, a regional endpoint
 * of the cloud inside, a host the stack placed by name.
 */
function serverWords(server: string, j: Jurisdiction, allowlist: Allowlist): string | undefined {
  const place = serverPlace(hostOf(server), j, allowlist);
  switch (place.kind) {
    case "inside":
      return undefined;
    case "public":
      return `${JSON.stringify(server)} (not a private address, which cannot be placed)`;
    case "unplaced":
      return `${JSON.stringify(server)} (a host outside the cloud, which cannot be placed)`;
    case "region":
      return `${JSON.stringify(server)} (in ${place.region}, outside ${j.id})`;
    case "global":
      return `${JSON.stringify(server)} (the ${place.network}, global, outside ${j.id})`;
  }
}

/**
 * The `url` (and `proxy_url`) of each `remote_write` entry of a Prometheus configuration in YAML:
 * each target, and each proxy on the way, receives every sample the instance writes. A target is
 * inside when its host is a private address or a regional endpoint of the cloud inside the
 * jurisdiction (an intranet endpoint by the region its label names), an allowlisted address or a
 * host the stack placed by name (`egressHosts`). A document that is not
 * YAML, or whose entries name no target as text, cannot be judged and fails closed.
 */
export function remoteWriteTargets(path: string) {
  return (props: Record<string, unknown>, j: Jurisdiction, allowlist: Allowlist): Judged[] => {
    const raw = known(() => valueAt(props, path));
    if (raw === undefined || isUnknown(raw)) {
      return [];
    }
    const verb = "writes metric samples to";
    const entries = valuesAt(props, `${path}.remote_write[]`);
    if (entries.some((e) => e.unreadable)) {
      return [{ path, verb, place: "a document that is not YAML the pack can read" }];
    }
    const targets = entries.flatMap((e) =>
      ["url", "proxy_url"].flatMap((key) => {
        const value = valueAt(e.value, key);
        return value === undefined ? [] : [{ at: `${e.path}.${key}`, value }];
      }),
    );
    if (targets.length === 0 || targets.some((t) => str(t.value) === undefined)) {
      return [{ path, verb, place: "targets the pack cannot read (a `url` of each entry)" }];
    }
    return targets.flatMap(({ at, value }): Judged[] => {
      const place = serverWords(String(value), j, allowlist);
      return place === undefined ? [] : [{ path: at, verb, place }];
    });
  };
}

/** EventBridge target types whose endpoint is a URL. */
export const httpTargets = new Set(["http", "https", "acs.dingtalk"]);

/**
 * The value at `key` is, once known, the ARN of an EventBridge API destination
 * (`arn:aws:events:<region>:<account>:api-destination/<name>/<id>`): a pipe's or a rule's target
 * that POSTs every event to the URL the destination holds.
 */
export const apiDestinationArn =
  (key: string) =>
  (holder: unknown): boolean => {
    const value = known(() => valueAt(holder, key));
    return (
      typeof value === "string" && /^arn:[^:]+:events:[^:]*:[^:]*:api-destination\//.test(value)
    );
  };

/**
 * An Alibaba Cloud EventBridge rule's target is, by its known type, an API destination
 * (`acs.api.destination`), named by its endpoint: a name or an ACS ARN.
 */
export const alicloudApiDestination = (target: unknown): boolean =>
  str(known(() => valueAt(target, "type")))?.toLowerCase() === "acs.api.destination";

/** The fix of a delivery to an API destination the program does not create. */
export const apiDestinationFix =
  "Deliver events only to an API destination this program creates, whose endpoint URL the pack checks, or to targets inside the jurisdiction by ARN.";

/** The fix of events mailed or texted by an Alibaba Cloud EventBridge rule. */
export const eventMessageFix =
  "Mail events only to mailboxes of a domain the stack places by name (egressHosts), and text them only to phones of the jurisdiction's countries; a recipient the rule reads from each event cannot be placed.";

/**
 * Alibaba Cloud EventBridge rule targets that mail (`acs.mail`, Direct Mail) or text (`acs.sms`,
 * Short Message Service) the events, by the `paramLists` entry that names the recipient.
 */
const messageTargets: Readonly<
  Record<string, { readonly key: string; readonly protocol: string }>
> = {
  "acs.mail": { key: "ToAddress", protocol: "email" },
  "acs.sms": { key: "PhoneNumbers", protocol: "sms" },
};

/**
 * The recipients an Alibaba Cloud EventBridge rule mails or texts its events to (`messageTargets`):
 * a `CONSTANT` parameter's value, each address of it a mailbox, placed only by a domain the stack
 * placed by name (`egressHosts`), as an SNS email subscription's; each number in the phone's
 * country, read as Alibaba Cloud's SMS reads it. A recipient of any other form (`JSONPATH`,
 * `TEMPLATE`) is read from each event as the rule runs, and cannot be placed; a type, form or
 * value not known at preview leaves the reading undecided.
 */
export function eventMessageTargets(
  props: Readonly<Record<string, unknown>>,
  j: Jurisdiction,
  allowlist: Allowlist,
): Judged[] {
  return valuesAt(props, "targets[]").flatMap((t): Judged[] => {
    const type = str(
      decided(
        known(() => valueAt(t.value, "type")),
        `${t.path}.type`,
      ),
    );
    const message = type === undefined ? undefined : messageTargets[type.toLowerCase()];
    if (message === undefined) {
      return [];
    }
    const verb = `sends events (${message.protocol}) to`;
    return valuesAt(t.value, "paramLists[]").flatMap((p): Judged[] => {
      const entry = decided(p.value, `${t.path}.${p.path}`);
      const at = `${t.path}.${p.path}.value`;
      if (
        str(
          decided(
            known(() => valueAt(entry, "resourceKey")),
            at,
          ),
        ) !== message.key
      ) {
        return [];
      }
      const form = str(
        decided(
          known(() => valueAt(entry, "form")),
          at,
        ),
      )?.toUpperCase();
      const value = decided(
        known(() => valueAt(entry, "value")),
        at,
      );
      if (form !== "CONSTANT") {
        return [
          {
            path: at,
            verb,
            place: `${JSON.stringify(value ?? message.key)} (a recipient the rule reads from each event as it runs, form ${JSON.stringify(form ?? "unset")}, which cannot be placed)`,
          },
        ];
      }
      if (message.protocol === "sms") {
        return alibabaPhoneNumbers("value", verb)(entry as Record<string, unknown>, j).map((n) => ({
          ...n,
          path: at,
        }));
      }
      return (str(value) ?? "")
        .split(",")
        .map((a) => a.trim())
        .filter((a) => a !== "")
        .flatMap((address) => mailed(at, verb, address, allowlist));
    });
  });
}

/** The AWS region of a legacy Snowflake account locator, `<locator>.<region>[.aws]`. */
function legacyLocatorRegion(text: string): string | undefined {
  const [locator, region, cloud, ...rest] = text.toLowerCase().split(".");
  return /^[a-z0-9_]+$/.test(locator) &&
    region !== undefined &&
    isAwsRegionShaped(region) &&
    (cloud === undefined || cloud === "aws") &&
    rest.length === 0
    ? region
    : undefined;
}

/**
 * The Snowflake account an AppFlow connector profile exchanges records with (`<at>.accountName`):
 * `<at>.region`, where set, says which AWS region it runs in and is read as a region. Without it,
 * only an account locator of the legacy form `<locator>.<region>[.aws]` names the region; any
 * other name (an organisation's `<org>-<account>`, a bare locator, a region of another cloud)
 * cannot be placed.
 */
export function snowflakeAccount(at: string) {
  return (props: Readonly<Record<string, unknown>>, j: Jurisdiction): Judged[] => {
    const region = known(() => valueAt(props, `${at}.region`));
    const name = known(() => valueAt(props, `${at}.accountName`));
    if ((region !== undefined && region !== null) || name === undefined || name === null) {
      return [];
    }
    const path = `${at}.accountName`;
    const verb = "exchanges records with the Snowflake account";
    const text = str(decided(name, path));
    const named = text === undefined ? undefined : legacyLocatorRegion(text);
    if (named !== undefined && regionInJurisdiction(j, "aws", named)) {
      return [];
    }
    const place =
      named !== undefined
        ? `${JSON.stringify(text)}, in ${named} (outside ${j.id})`
        : `${JSON.stringify(text ?? name)}, in a region neither the name nor ${at}.region names (cannot be placed)`;
    return [{ path, verb, place }];
  };
}

/** A mapping (not a list, not a scalar), as read from a document. */
function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v) && !isUnknown(v);
}

/** The kinds a part of a pipeline body (a source, a sink, a processor) is: its mapping's keys. */
function kindsOf(part: unknown): string[] {
  return isMap(part) ? Object.keys(part) : [];
}

/**
 * Data Prepper processors that send the records to a service rather than transform them in the
 * pipeline: `aws_lambda` (a function, by name or ARN) and `ml_inference` (a model behind
 * SageMaker, Bedrock or a remote connector).
 */
const callingProcessors: readonly string[] = ["aws_lambda", "ml_inference"];

/** The kinds of an OpenSearch Ingestion pipeline body's sources and sinks whose places it reads. */
export interface PipelineKinds {
  /** Sources whose every place is read (or that pull from nowhere: clients push to them). */
  readonly sources: readonly string[];
  readonly sinks: readonly string[];
}

/**
 * An OpenSearch Ingestion pipeline body (Data Prepper YAML at `path`): `version` and named
 * sub-pipelines, each a `source` (a mapping of one kind) and `sink` list (each item a mapping of
 * one kind). The places of the kinds in `read` are the row's fields; a source or sink of any other
 * kind names places the pack does not read — a queue, a stream, a database, a SaaS API — and fails
 * closed, as does a body that is not YAML or holds no sub-pipeline. A body not known at preview is
 * one undecided value (the read of it throws under the runtime's proxy).
 */
export function pipelineParts(path: string, read: PipelineKinds) {
  return (props: Record<string, unknown>): Judged[] => {
    if (props[path] === undefined || props[path] === null) {
      return [];
    }
    const verb = "sends the ingested data through";
    const top = valuesAt(props, `${path}.*`);
    if (top.some((f) => f.unreadable)) {
      return [
        { path, verb, place: "a body that is not YAML the pack can read (cannot be placed)" },
      ];
    }
    // Other top-level mappings (`pipeline_configurations`, `extension`) hold settings, no data.
    const pipes = top.filter((f) => isMap(f.value) && ("source" in f.value || "sink" in f.value));
    if (pipes.length === 0) {
      return [{ path, verb, place: "no sub-pipeline the pack can read (a source and its sinks)" }];
    }
    const unread = (at: string, part: unknown, kinds: readonly string[], what: string): Judged[] =>
      isMap(part)
        ? kindsOf(part)
            .filter((kind) => !kinds.includes(kind))
            .map((kind) => ({
              path: `${at}.${kind}`,
              verb:
                what === "source" ? "pulls the ingested data from" : "sends the ingested data to",
              place: `a ${kind} ${what}, whose places the pack does not read (cannot be placed)`,
            }))
        : [
            {
              path: at,
              verb,
              place: `a ${what} that is not a mapping of its kind (cannot be read)`,
            },
          ];
    return pipes.flatMap((pipe): Judged[] => [
      ...unread(`${pipe.path}.source`, valueAt(pipe.value, "source"), read.sources, "source"),
      // Processors transform records in the pipeline, except those that call a service with
      // them: a Lambda function or a machine-learning model, which may run anywhere.
      ...valuesAt(pipe.value, "processor[]").flatMap((step) =>
        kindsOf(step.value)
          .filter((kind) => callingProcessors.includes(kind))
          .map((kind) => ({
            path: `${pipe.path}.${step.path}.${kind}`,
            verb: "sends each record to",
            place: `the service an ${kind} processor calls, whose place the pack does not read (cannot be placed)`,
          })),
      ),
      ...valuesAt(pipe.value, "sink[]").flatMap((sink) =>
        unread(`${pipe.path}.${sink.path}`, sink.value, read.sinks, "sink"),
      ),
    ]);
  };
}

/** What a service pushes to a URL, endpoint or ARN: events, calls, files, messages. */
const push = edgesOf("log-shipping", "data sync");

/** The fix of a push to a place outside: where to send instead. */
export const pushFix =
  "Send only to services inside the jurisdiction (by regional endpoint or ARN) or to an allowlisted address; an external host cannot be placed.";

/**
 * The integrations an OpenAPI definition held as text declares (`x-amazon-apigateway-integration`
 * of each operation, in JSON or YAML), as API Gateway imports them: an HTTP backend's URL (not
 * through a VPC link), or the ARN of a function or service action. Read where the definition is
 * known at preview, as an integration resource's target is read where its kind is known.
 */
export function openApiIntegrations(body: string): FieldSpec[] {
  const uri = `${body}.paths.*.*.x-amazon-apigateway-integration.uri`;
  const kind = (holder: unknown, key: string) => {
    const v = known(() => valueAt(holder, key));
    return typeof v === "string" ? v.toUpperCase() : undefined;
  };
  const internet = (holder: unknown) =>
    ["HTTP", "HTTP_PROXY"].includes(kind(holder, "type") ?? "") &&
    kind(holder, "connectionType") !== "VPC_LINK";
  const arnUri = (holder: unknown) => kind(holder, "uri")?.startsWith("ARN:") === true;
  return [
    push.url(uri, "sends API requests to", { when: knownAt(body), where: internet }),
    push.arn(uri, "sends API requests to", { when: knownAt(body), where: arnUri }),
  ];
}

/** The operations of an OpenAPI path item API Gateway imports. */
const openApiMethods = [
  "get",
  "put",
  "post",
  "delete",
  "options",
  "head",
  "patch",
  "x-amazon-apigateway-any-method",
];

/** An OpenAPI document held as text, JSON or YAML (API Gateway imports both); undefined if neither. */
function openApiDocument(body: string): Record<string, unknown> | undefined {
  const json = jsonDocument(body);
  if (json !== undefined) {
    return record(json);
  }
  try {
    // Loaded only for a body that is no JSON: most packs never read one.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const yaml = require("yaml") as typeof import("yaml");
    return record(yaml.parse(body));
  } catch {
    return undefined;
  }
}

/**
 * The operations of a REST API imported from an OpenAPI body (`body`) that anyone who reaches the
 * API's endpoint can call: each with an integration (a mock, which answers by itself, excepted)
 * whose security — its own `security`, else the document's — has no requirement of a scheme API
 * Gateway authenticates callers by (`x-amazon-apigateway-authtype`, IAM's SigV4, or an
 * `x-amazon-apigateway-authorizer`, a Lambda or Cognito authorizer); an API key identifies no
 * one, and an empty requirement (`{}`) lets anyone in. A PRIVATE API answers only through the VPC
 * endpoints its resource policy admits. The same as a method of `authorization` NONE, written as
 * the API's resources (found by the front-door bench: such a body passed).
 */
export const openApiOpenOperations: PublicReader = (props) => {
  const mayBe = (path: string): GlobalReach[] => [
    {
      path,
      what: "is not known at preview, so whether the API's operations ask callers for credentials cannot be decided",
      unknown: true,
    },
  ];
  const types = known(() => valueAt(props, "endpointConfiguration.types"));
  if (isUnknown(types)) {
    return mayBe("endpointConfiguration.types");
  }
  const endpointTypes = Array.isArray(types) ? types : [types];
  if (endpointTypes.some((t) => typeof t === "string" && t.toUpperCase() === "PRIVATE")) {
    return [];
  }
  const body = known(() => valueAt(props, "body"));
  if (body === undefined) {
    return [];
  }
  if (isUnknown(body)) {
    return mayBe("body");
  }
  const doc = typeof body === "string" ? openApiDocument(body) : undefined;
  if (doc === undefined) {
    return [
      {
        path: "body",
        what: "is not an OpenAPI document in JSON or YAML the pack can read, so whether its operations ask callers for credentials cannot be decided",
      },
    ];
  }
  const schemes = {
    ...record(valueAt(doc, "securityDefinitions")),
    ...record(valueAt(doc, "components.securitySchemes")),
  };
  const authenticates = (name: string) => {
    const scheme = record(schemes[name]);
    return (
      scheme !== undefined &&
      (scheme["x-amazon-apigateway-authtype"] !== undefined ||
        scheme["x-amazon-apigateway-authorizer"] !== undefined)
    );
  };
  // Every alternative requirement must name a scheme that authenticates.
  const guarded = (security: unknown) =>
    Array.isArray(security) &&
    security.length > 0 &&
    security.every((req) => Object.keys(record(req) ?? {}).some(authenticates));
  const out: GlobalReach[] = [];
  for (const [path, item] of Object.entries(record(doc.paths) ?? {})) {
    for (const method of openApiMethods) {
      const op = record(record(item)?.[method]);
      const integration = record(op?.["x-amazon-apigateway-integration"]);
      if (op === undefined || integration === undefined) {
        continue;
      }
      if (str(integration.type)?.toLowerCase() === "mock") {
        continue;
      }
      if (!guarded(op.security ?? doc.security)) {
        out.push({
          path: `body.paths.${path}.${method}`,
          what: `asks no credentials of its callers (no security requirement of an IAM or authorizer scheme; an API key identifies no one): anyone who reaches the API's endpoint — on the internet, for an edge or regional API — can call ${method.toUpperCase()} ${path}`,
        });
      }
    }
  }
  return out;
};

/** The hosts a DNS answer names, word by word (`10 mail.example.com.`: its MX host). */
function answerHosts(value: string): string[] {
  return value
    .split(/\s+/)
    .map((word) => hostOf(word.replace(/\.$/, "")))
    .filter((host): host is string => host !== undefined);
}

/**
 * Whether every answer at `paths` names a cloud service's endpoint, which places it (and there is
 * one): a routing policy's region then says nothing the answers do not — it only chooses which
 * clients get them — and is not read as where the server is.
 */
export function answersPlaced(
  props: Readonly<Record<string, unknown>>,
  paths: readonly string[],
): boolean {
  const values = paths.flatMap((at) => valuesAt(props, at).map(({ value }) => value));
  return (
    values.length > 0 &&
    values.every(
      (value) =>
        typeof value === "string" &&
        answerHosts(value).some((host) => regionOfEndpoint(host) !== undefined),
    )
  );
}

/**
 * Where a DNS record sends the clients that look its name up: the service endpoints it answers
 * with at `hosts` (a CNAME's target, an MX or SRV record's host, an alias's target), and the AWS
 * region a latency or geoproximity record at `regions` says its answer is served from. One
 * outside the jurisdiction steers them — and what they send — there: an application writing to
 * `db.internal` writes to the database abroad, mail for the domain is delivered to the inbound
 * endpoint the MX names. A host of no region (a certificate's validation target, another
 * provider's name, an address) names no place the catalog holds, and one of the program's own
 * resources, not known at preview, is placed where that resource is created.
 */
export function dnsAnswers(hosts: readonly string[], regions: readonly string[] = []) {
  const verb = "steers the clients that look it up to";
  return (props: Readonly<Record<string, unknown>>, j: Jurisdiction): Judged[] => [
    ...hosts.flatMap((at) =>
      valuesAt(props, at).flatMap(({ path, value }) =>
        typeof value !== "string"
          ? []
          : answerHosts(value).flatMap((host) => {
              const place = regionOfEndpoint(host);
              return place === undefined || regionInJurisdiction(j, place.cloud, place.region)
                ? []
                : [
                    {
                      path,
                      verb,
                      place: describeNamedPlace(
                        j,
                        place.cloud,
                        `${host} in ${place.region}`,
                        place.region,
                      ),
                    },
                  ];
            }),
      ),
    ),
    ...regions.flatMap((at) =>
      valuesAt(props, at).flatMap(({ path, value }) =>
        typeof value !== "string" || value === "" || regionInJurisdiction(j, "aws", value)
          ? []
          : [{ path, verb: `${verb} a server in`, place: describePlace(j, "aws", value) }],
      ),
    ),
  ];
}

/**
 * A PAI dataset kept in a NAS or CPFS file system: the region its URI names after the file
 * system's ID (`nas://086b649545.cn-hangzhou/data/`), or a URI of no such form, which cannot be
 * placed.
 */
export function nasDataset(props: Readonly<Record<string, unknown>>, j: Jurisdiction): Judged[] {
  const uri = textOf(props, "uri") ?? "";
  const region = /^nas:\/\/[^./]+\.([a-z0-9-]+)\//.exec(uri)?.[1];
  const verb = "keeps the dataset in";
  if (region === undefined) {
    return [{ path: "uri", verb, place: `${JSON.stringify(uri)} (which cannot be placed)` }];
  }
  return regionInJurisdiction(j, "alicloud", region)
    ? []
    : [{ path: "uri", verb, place: describePlace(j, "alicloud", region) }];
}

/**
 * The options of Docker's log drivers that name the server a container's logs go to, as Docker
 * and ECS take them, each with the words of its finding.
 */
export const logDriverServers = [
  ["syslog-address", "ships the container's logs to a syslog server at"],
  ["gelf-address", "ships the container's logs to a GELF server at"],
  ["fluentd-address", "ships the container's logs to a Fluentd server at"],
  ["splunk-url", "ships the container's logs to Splunk at"],
] as const;

/**
 * A log driver's address that the host its container runs on serves itself: a Unix socket
 * (`unix:///dev/log`) or localhost — the daemon's or container instance's own syslog or agent.
 */
export function onTheHost(v: unknown): boolean {
  return (
    typeof v === "string" &&
    (/^unix(gram)?:/i.test(v) || /^(localhost|127\.\d+\.\d+\.\d+|\[?::1\]?)$/i.test(hostOf(v)))
  );
}
