/**
 * `sovereign-dc new-stack`: scaffolds the config of a new regional stack. The spec is validated
 * with the same rules the program applies, so a file that is written is a stack that plans.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as ipaddr from "ipaddr.js";
import YAML from "yaml";
import { loadProject, UsageError } from "../engine/project";
import type { Cloud } from "../residency/jurisdictions";
import { namespace, StackSpecError, validateStackSpec } from "../residency/spec";
import { defaultBackendUrl } from "../residency/state";

export interface NewStackOptions {
  readonly cloud: string;
  readonly region: string;
  readonly jurisdiction: string;
  readonly cidr: string;
  readonly zones: string;
  readonly accountId?: string;
  readonly bucket?: readonly string[];
  readonly project: string;
  readonly force?: boolean;
}

/** One /24 per zone, carved in order from the network CIDR. */
export function zoneBlocks(cidr: string, count: number): string[] {
  if (!ipaddr.IPv4.isValidCIDR(cidr)) {
    throw new UsageError(
      `--cidr: received ${JSON.stringify(cidr)}; expected an IPv4 CIDR such as 10.40.0.0/16.`,
    );
  }
  const [addr, bits] = ipaddr.IPv4.parseCIDR(cidr);
  if (bits > 24 - Math.ceil(Math.log2(count + 1))) {
    throw new UsageError(
      `--cidr: received ${JSON.stringify(cidr)}; expected a block of /${24 - Math.ceil(Math.log2(count + 1))} or larger to hold one /24 per zone (${count} zone(s)).`,
    );
  }
  const base = addr.toByteArray();
  return Array.from({ length: count }, (_, i) => {
    const third = base[2] + i + 1;
    return `${base[0]}.${base[1] + Math.floor(third / 256)}.${third % 256}.0/24`;
  });
}

function parseBucket(text: string): { name: string; retentionDays: number; purpose: string } {
  const [name, days, ...purpose] = text.split(":");
  const retentionDays = Number(days);
  if (!name || !Number.isInteger(retentionDays) || purpose.join(":").trim() === "") {
    throw new UsageError(
      `--bucket: received ${JSON.stringify(text)}; expected name:retentionDays:purpose, e.g. telemetry:365:Vehicle telemetry.`,
    );
  }
  return { name, retentionDays, purpose: purpose.join(":") };
}

export function newStack(
  name: string,
  opts: NewStackOptions,
  io: { err(t: string): void },
): number {
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) {
    throw new UsageError(
      `<name>: received ${JSON.stringify(name)}; expected letters, digits, hyphens, underscores or periods.`,
    );
  }
  const project = loadProject(opts.project);
  const file = path.join(project.stackConfigDir, `Pulumi.${name}.yaml`);
  if (fs.existsSync(file) && !opts.force) {
    throw new UsageError(`${file} already exists; pass --force to overwrite it.`);
  }
  const zones = opts.zones
    .split(",")
    .map((z) => z.trim())
    .filter((z) => z !== "");
  const blocks = zoneBlocks(opts.cidr, zones.length);
  const spec: Record<string, unknown> = {
    cloud: opts.cloud,
    region: opts.region,
    jurisdiction: opts.jurisdiction,
    ...(opts.accountId !== undefined ? { accountId: opts.accountId } : {}),
    stateBackend: defaultBackendUrl(project.name, name, opts.cloud as Cloud, opts.region),
    network: { cidr: opts.cidr, zones: zones.map((zone, i) => ({ zone, cidr: blocks[i] })) },
    buckets: (opts.bucket ?? []).map(parseBucket),
    egress: [],
    keys: { deletionWindowDays: 30, rotationDays: 365 },
  };
  try {
    validateStackSpec(spec, name);
  } catch (e) {
    if (e instanceof StackSpecError) {
      throw new UsageError(e.message);
    }
    throw e;
  }
  const config: Record<string, unknown> = { [`${opts.cloud}:region`]: opts.region };
  for (const [k, v] of Object.entries(spec)) {
    config[`${namespace}:${k}`] = v;
  }
  const header =
    `# ${name}: sealed ${opts.cloud} data center in ${opts.region} (jurisdiction ${opts.jurisdiction}).\n` +
    "# Egress is denied to everything; add justified destinations under sovereign-dc:egress.\n";
  fs.writeFileSync(file, header + YAML.stringify({ config }));
  io.err(
    `Wrote ${path.relative(process.cwd(), file) || file}.\n` +
      `Next: sovereign-dc plan --stack ${name}; create the state bucket ${String(spec.stateBackend)} and pulumi login to it;\n` +
      `then pulumi stack init ${name} && pulumi up --stack ${name} --policy-pack policy\n`,
  );
  return 0;
}
