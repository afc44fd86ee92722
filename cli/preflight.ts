/**
 * `sovereign-dc preflight --stack S`: before `pulumi up`, what the Pulumi CLI and the providers
 * would use on this machine — the state backend, the stack's secrets provider, the provider
 * region and profile settings of the environment — each placed and judged against the stack's
 * jurisdiction (residency/state.ts). Exit 0 when all is inside, 1 on a mandatory finding, 2 when
 * something cannot be placed (or on a usage error).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { yaml } from "../engine/yaml";
import type { Violation } from "../engine/check";
import { loadProject, loadStackConfig, stackNameIn, UsageError } from "../engine/project";
import type { Cloud } from "../residency/jurisdictions";
import {
  effectiveBackend,
  effectiveSecretsProvider,
  type PreflightCheck,
  preflightChecks,
  type ProviderSetting,
} from "../residency/state";
import { resolveJurisdiction } from "./run";
import { renderFindings } from "./view";

export interface PreflightOptions {
  readonly stack: string;
  readonly format: string;
  readonly project: string;
  /** Jurisdiction to check against when the stack config names none. */
  readonly jurisdiction?: string;
}

export interface PreflightDocument {
  readonly stack: string;
  readonly jurisdiction: string;
  readonly cloud: string | null;
  readonly region: string | null;
  /** Every thing `pulumi up` would use, with where it keeps or sends data. */
  readonly checks: PreflightCheck[];
  /** The findings, in the shape `plan` and `check` report them. */
  readonly violations: Violation[];
}

type Env = Readonly<Record<string, string | undefined>>;

/** A variable's value; empty counts as unset, as the Pulumi CLI and the providers take it. */
function envValue(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v === "" ? undefined : v;
}

/** The text of a file, or undefined when it does not exist; any other failure is a usage error. */
function readIfPresent(file: string, what: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") {
      return undefined;
    }
    throw new UsageError(
      `Cannot read ${what} ${file} (${(e as Error).message}); make it readable or remove it.`,
    );
  }
}

function parseJson(file: string, text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new UsageError(`${file} is not valid JSON (${(e as Error).message}); fix ${what}.`);
  }
}

/**
 * The credentials.json the Pulumi CLI keeps its logins in: in PULUMI_CREDENTIALS_PATH, else
 * PULUMI_HOME, else ~/.pulumi (sdk/go/common/workspace `getCredsFilePath`).
 */
export function credentialsFile(env: Env): string {
  const folder =
    envValue(env, "PULUMI_CREDENTIALS_PATH") ??
    envValue(env, "PULUMI_HOME") ??
    path.join(envValue(env, "HOME") ?? os.homedir(), ".pulumi");
  return path.join(folder, "credentials.json");
}

/** The `current` login of credentials.json, if any. */
function currentLogin(file: string): string | undefined {
  const text = readIfPresent(file, "the Pulumi CLI's credentials");
  if (text === undefined) {
    return undefined;
  }
  const doc = parseJson(file, text, "it or log in again with pulumi login") as {
    current?: unknown;
  } | null;
  const current = doc?.current;
  if (current !== undefined && typeof current !== "string") {
    throw new UsageError(
      `${file}: "current" is ${JSON.stringify(current)}; expected the URL of a backend. Log in again with pulumi login.`,
    );
  }
  return current === "" ? undefined : current;
}

/** The region of an AWS profile in the shared config file (`[profile <name>]`, or `[default]`). */
function awsProfileRegion(file: string, profile: string): string | undefined {
  const text = readIfPresent(file, "the AWS config file");
  if (text === undefined) {
    return undefined;
  }
  const wanted = profile === "default" ? ["default", "profile default"] : [`profile ${profile}`];
  let inProfile = false;
  for (const line of text.split(/\r?\n/)) {
    const section = /^\s*\[\s*([^\]]+?)\s*\]/.exec(line);
    if (section) {
      inProfile = wanted.includes(section[1]);
      continue;
    }
    const region = inProfile ? /^\s*region\s*=\s*(\S+)/.exec(line) : null;
    if (region) {
      return region[1];
    }
  }
  return undefined;
}

/** The region of a profile of the Alibaba Cloud CLI config (~/.aliyun/config.json `region_id`). */
function alicloudProfileRegion(file: string, profile: string): string | undefined {
  const text = readIfPresent(file, "the Alibaba Cloud config file");
  if (text === undefined) {
    return undefined;
  }
  const doc = parseJson(file, text, "the Alibaba Cloud CLI config") as {
    profiles?: { name?: unknown; region_id?: unknown }[];
  } | null;
  const found = (Array.isArray(doc?.profiles) ? doc.profiles : []).find((p) => p?.name === profile);
  return typeof found?.region_id === "string" && found.region_id !== ""
    ? found.region_id
    : undefined;
}

/** The provider settings of the environment that decide a region the stack file leaves open. */
function providerSettings(env: Env, cloud: Cloud | undefined): ProviderSetting[] {
  const home = envValue(env, "HOME") ?? os.homedir();
  const settings: ProviderSetting[] = [];
  if (cloud !== "aws") {
    const file = path.join(home, ".aliyun", "config.json");
    const profile = envValue(env, "ALICLOUD_PROFILE");
    settings.push(
      { name: "ALICLOUD_REGION", cloud: "alicloud", value: envValue(env, "ALICLOUD_REGION") },
      {
        name: "ALICLOUD_PROFILE",
        cloud: "alicloud",
        value: profile,
        profileRegion: profile ? alicloudProfileRegion(file, profile) : undefined,
        regionSource: file,
      },
    );
  }
  if (cloud !== "alicloud") {
    const file = envValue(env, "AWS_CONFIG_FILE") ?? path.join(home, ".aws", "config");
    const profile = envValue(env, "AWS_PROFILE");
    settings.push(
      { name: "AWS_REGION", cloud: "aws", value: envValue(env, "AWS_REGION") },
      { name: "AWS_DEFAULT_REGION", cloud: "aws", value: envValue(env, "AWS_DEFAULT_REGION") },
      {
        name: "AWS_PROFILE",
        cloud: "aws",
        value: profile,
        profileRegion: profile ? awsProfileRegion(file, profile) : undefined,
        regionSource: file,
      },
    );
  }
  return settings;
}

/** Reads the stack, the project and the environment, and judges what `pulumi up` would use. */
export function preflight(
  opts: { stack: string; project: string; jurisdiction?: string },
  env: Env,
): PreflightDocument {
  const project = loadProject(opts.project);
  if (opts.stack.includes("/")) {
    opts = { ...opts, stack: stackNameIn(project, opts.stack) };
  }
  const stack = loadStackConfig(project, opts.stack);
  const jurisdiction = resolveJurisdiction(
    opts.stack,
    stack.config["sovereign-dc:jurisdiction"],
    opts.jurisdiction,
  );
  // This repository's stacks name their cloud; a program of another project sets its provider's
  // own keys (aws:region), which say as much when they are of one cloud only.
  const cloudSetting = stack.config["sovereign-dc:cloud"];
  const keyed = (["aws", "alicloud"] as const).filter((c) =>
    Object.keys(stack.config).some((k) => k.startsWith(`${c}:`)),
  );
  const cloud: Cloud | undefined =
    cloudSetting === "alicloud" || cloudSetting === "aws"
      ? cloudSetting
      : keyed.length === 1
        ? keyed[0]
        : undefined;
  const region =
    stack.config["sovereign-dc:region"] ??
    (cloudSetting === undefined && cloud !== undefined
      ? stack.config[`${cloud}:region`]
      : undefined);
  const stackDoc = yaml().parse(fs.readFileSync(stack.file, "utf8")) as Record<
    string,
    unknown
  > | null;
  const credentials = credentialsFile(env);
  const backend = effectiveBackend({
    envBackendUrl: envValue(env, "PULUMI_BACKEND_URL"),
    projectBackendUrl: project.backendUrl,
    currentLogin: currentLogin(credentials),
  });
  const awsRegionName = ["AWS_REGION", "AWS_DEFAULT_REGION"].find((n) => envValue(env, n));
  const checks = preflightChecks({
    project: project.name,
    stack: opts.stack,
    stackFile: path.basename(stack.file),
    jurisdiction,
    cloud,
    region,
    backend,
    credentialsFile: credentials,
    declaredBackendUrl: stack.config["sovereign-dc:stateBackend"],
    secrets: effectiveSecretsProvider(
      {
        secretsProvider: stack.secretsProvider,
        hasEncryptionSalt: typeof stackDoc?.encryptionsalt === "string",
      },
      backend.url,
    ),
    awsRegion: awsRegionName ? { name: awsRegionName, value: env[awsRegionName]! } : undefined,
    settings: providerSettings(env, cloud),
  });
  return {
    stack: opts.stack,
    jurisdiction: jurisdiction.id,
    cloud: cloud ?? null,
    region: region ?? null,
    checks,
    violations: checks.filter((c) => c.level !== null).map((c) => toViolation(opts.stack, c)),
  };
}

/** A finding as the violations of `plan` and `check` report it. */
function toViolation(stack: string, c: PreflightCheck): Violation {
  const state = c.check === "backend" || c.check === "secrets provider";
  return {
    policy: state ? "state-residency" : "provider-settings",
    level: c.level!,
    resourceType: null,
    resourceName: null,
    message: `${c.message} ${c.fix}`,
    path:
      c.level === "mandatory"
        ? [
            state ? `Pulumi state of stack ${stack}` : `provider settings of stack ${stack}`,
            `${c.check} ${c.value}`,
            c.location ?? "unknown location",
          ]
        : null,
    urn: null,
  };
}

/** 0 all inside, 1 a mandatory finding outside, 2 something that cannot be placed. */
export function preflightExitCode(checks: readonly PreflightCheck[]): number {
  if (checks.some((c) => c.level === "mandatory" && c.status === "outside")) {
    return 1;
  }
  return checks.some((c) => c.status === "unknown") ? 2 : 0;
}

const marks: Record<string, string> = { mandatory: "✗", advisory: "!", none: "✓" };

function renderCheck(c: PreflightCheck): string {
  const mark = c.status === "unknown" ? "?" : marks[c.level ?? "none"];
  const value = c.value === null ? "not set" : c.value;
  const where = c.location === null ? "" : ` → ${c.location}`;
  const from = c.value === null ? "" : ` (${c.source})`;
  return `  ${mark} ${c.check}: ${value}${from}${where}`;
}

function verdictLine(doc: PreflightDocument, code: number): string {
  switch (code) {
    case 0:
      return `READY: stack ${doc.stack} keeps its state, secrets and provider settings inside ${doc.jurisdiction}; pulumi up may run.`;
    case 1:
      return `NOT READY: pulumi up of stack ${doc.stack} would keep or send data outside ${doc.jurisdiction}; it must not run.`;
    default:
      return `UNDECIDED: preflight cannot place what stack ${doc.stack} would use; pulumi up must not run until it can.`;
  }
}

export function preflightCommand(
  opts: PreflightOptions,
  out: (t: string) => void,
  env: Env,
): number {
  const doc = preflight(opts, env);
  const code = preflightExitCode(doc.checks);
  if (opts.format === "json") {
    out(`${JSON.stringify(doc, null, 2)}\n`);
    return code;
  }
  const place = doc.cloud && doc.region ? `, ${doc.cloud} ${doc.region}` : "";
  out(
    [
      `Preflight of stack ${doc.stack} (jurisdiction ${doc.jurisdiction}${place}): what pulumi up would use here`,
      ...doc.checks.map(renderCheck),
      "",
      ...renderFindings(doc.violations, { heading: true }),
      verdictLine(doc, code),
      "",
    ].join("\n"),
  );
  return code;
}
