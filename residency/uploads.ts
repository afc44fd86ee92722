/**
 * What a command line sends out, read the same wherever the pack meets one: a command the program
 * runs itself while it evaluates (engine/program-requests.ts) and a script a resource's compute
 * runs — an instance's user data, a container's command, an SSM Command document's `runCommand`
 * (policy/paths/references.ts). A curl or wget that sends data (an upload, a POST) sends it to the
 * URLs its line names; one that only downloads (`curl -fsSL https://get.docker.com | sh`) sends
 * nothing but its request, and is not read. A cloud CLI's copy to a bucket (`aws s3 cp`,
 * `aws s3api put-object`, `ossutil cp`, an rclone inline S3 remote), a copy to another machine
 * (`scp`, `rsync`, `azcopy` to a storage account) and a raw connection (`nc`, bash's `/dev/tcp`)
 * send to the bucket or host their line names; an rclone remote or mc alias to what the script
 * configures before (`rclone config create`, `mc alias set`, their variables), one configured
 * elsewhere and a Cloud Storage bucket (`gsutil cp … gs://…`) to a place the line does not give. Their
 * downloads, local copies and dry runs send nothing. A script is read for what it installs to run
 * later too: its cron lines, its systemd units' Exec lines (`commandsRun`).
 */
import { parse } from "shell-quote";

/** The tools whose uploads are read. */
export type UploadTool =
  | "curl"
  | "wget"
  | "aws s3"
  | "ossutil"
  | "aliyun oss"
  | "scp"
  | "rsync"
  | "nc"
  | "/dev/tcp"
  | "/dev/udp"
  | "aws s3api"
  | "rclone"
  | "mc"
  | "gsutil"
  | "gcloud storage"
  | "azcopy"
  | "s3cmd"
  | "s5cmd"
  | "az storage blob"
  | "socat"
  | "ssh";

/** A bucket an object store's CLI copies to, and what its line says of where it is. */
export interface BucketTarget {
  /** `s3` (AWS S3) or `oss` (Alibaba Cloud OSS). */
  readonly store: "s3" | "oss";
  /** The bucket's name, as the line writes it (an S3 access point's ARN too). */
  readonly bucket: string;
  /** The destination as the line writes it (`s3://backups/db/`). */
  readonly written: string;
  /** The region the line tells the CLI to use (`--region`, an `AWS_REGION=` before it). */
  readonly region?: string;
  /** The endpoint the line tells the CLI to use (`--endpoint-url`, `-e`). */
  readonly endpoint?: string;
}

/** An upload a command line makes: the tool, and where its line says it sends. */
export interface Upload {
  /** The tool that sends. */
  readonly tool: UploadTool;
  /** The URLs a curl or wget line names, as parsed; none when it names its destination otherwise. */
  readonly urls: readonly string[];
  /** The hosts a copy or connection sends to (`scp … backup@host:/srv`, `nc host 9000`). */
  readonly hosts: readonly string[];
  /** The buckets an object store's CLI copies to. */
  readonly buckets: readonly BucketTarget[];
  /**
   * Destinations of the tools other than curl and wget that the line builds at run time
   * (`"$HOST:/backup"`, `s3://$BUCKET/`), as it writes them: where they are cannot be read.
   */
  readonly unread: readonly string[];
  /** Destinations the line names whose place only a configuration elsewhere tells. */
  readonly remotes: readonly RemoteTarget[];
}

/**
 * A destination a line names by a name whose place it does not give: an rclone remote or an mc
 * alias, configured outside the line, a Cloud Storage bucket, whose location the line does not
 * say, an Azure storage account the line does not name (`name` empty). It cannot be placed.
 */
export interface RemoteTarget {
  readonly kind: "rclone remote" | "mc alias" | "Cloud Storage bucket" | "Azure storage account";
  /** The remote's, alias's or bucket's name (an inline rclone backend by its type, `:gcs`). */
  readonly name: string;
}

/** A destination that cannot be placed, in a finding's words: what it is, and why. */
export function describeRemote(r: RemoteTarget): { readonly named: string; readonly why: string } {
  if (r.kind === "Azure storage account") {
    return {
      named: "the Azure storage account the environment or az's configuration names",
      why: "the command does not name it, so it cannot be placed",
    };
  }
  return r.kind === "Cloud Storage bucket"
    ? {
        named: `the Cloud Storage bucket ${r.name}`,
        why: "the command does not say where it lies, so it cannot be placed",
      }
    : {
        named: `the ${r.kind} ${r.name}`,
        why: "configured outside the command, which does not say where it sends, so it cannot be placed",
      };
}

const none: readonly never[] = [];

/** An upload by `tool` that names no destination yet. */
function nothing(tool: UploadTool): Upload {
  return { tool, urls: none, hosts: none, buckets: none, unread: none, remotes: none };
}

/**
 * Whether a curl or wget command sends data, and to which URLs its line names: curl's
 * `-d`/`--data…`, `-F`/`--form`, `-T`/`--upload-file`, `--json`, or a method other than GET and
 * HEAD (`-X POST`); wget's `--post-data`, `--post-file`, `--body-…` or `--method`. A download
 * sends nothing but its request: undefined. The other tools' uploads are `uploadsIn`'s.
 */
export function uploadOf(command: string): Upload | undefined {
  const tool = /(^|[\s/;&|(])(curl|wget)(\s|$)/.exec(command)?.[2] as "curl" | "wget" | undefined;
  if (tool === undefined) {
    return undefined;
  }
  const sends =
    tool === "curl"
      ? /\s(-[a-zA-Z]*[dFT]|--data[\w-]*|--form[\w-]*|--upload-file|--json)(\s|=|$)|\s(-X|--request)\s*['"]?(POST|PUT|PATCH|DELETE)\b/i
      : /\s(--post-data|--post-file|--body-data|--body-file|--method)(\s|=|$)/;
  if (!sends.test(command)) {
    return undefined;
  }
  const urls = [...command.matchAll(/(?:https?|ftps?):\/\/[^\s'"<>|;]+/g)].flatMap(([url]) => {
    try {
      return [new URL(url).toString()];
    } catch {
      return [];
    }
  });
  return {
    ...nothing(tool),
    urls: [...urls, ...redirectedTo(command)],
    unread: substituted(command),
  };
}

/**
 * Where curl's own options send its connection instead of the URL's host: `--connect-to
 * <host>:<port>:<to-host>:<to-port>` connects to the second host, `--resolve
 * <host>:<port>:<address>[,…]` to the addresses given (as URLs, so that they are judged as hosts).
 */
function redirectedTo(command: string): string[] {
  const out: string[] = [];
  for (const [, option, value] of command.matchAll(
    /(?:^|\s)(--connect-to|--resolve)(?:=|\s+)['"]?([^\s'"]+)/g,
  )) {
    const parts = value.split(":");
    const targets =
      option === "--connect-to"
        ? [parts[2] ?? ""]
        : parts
            .slice(2)
            .join(":")
            .split(",")
            .map((a) => a.replace(/^\[|\]$/g, ""));
    for (const target of targets.filter((t) => t !== "" && t !== "*")) {
      out.push(`https://${target.includes(":") ? `[${target}]` : target}/`);
    }
  }
  return out;
}

/**
 * The words of a line that name a destination built by a command substitution at run time
 * (`"$(curl -s http://peer/target)"`, `` `cat url` ``, `https://$(hostname -f)/…`): where it sends
 * cannot be read. A substitution after the host (`https://logs.example/$(date +%F).log`) builds
 * only the path.
 */
function substituted(command: string): string[] {
  return command
    .split(/\s+/)
    .map((w) => w.replace(/^['"]|['"]$/g, ""))
    .filter((w) => /^(?:\$\(|`)|^[a-z][\w+.-]*:\/\/(?:[^/]*@)?(?:\$\(|`)/i.test(w));
}

/**
 * The uploads of a command line — a curl or wget that sends data (`uploadOf`), a copy to a bucket,
 * another machine or a raw connection (`copyOf`), a write to bash's `/dev/tcp` (`connectionsOf`)
 * —, a shell's `-c` script (`sh -c "tar cz /data | nc host 9000"`) and a trap's command read as
 * the scripts they are, command by command (`commandsRun`).
 */
export function uploadsIn(command: string, environment: Environment = new Map()): Upload[] {
  const words = wordsOf(command);
  const script = shellScript(words) ?? trapped(words);
  if (script !== undefined) {
    return environmentsAlong(script, commandsRun(script), environment).flatMap(([c, inner]) =>
      uploadsIn(c, inner),
    );
  }
  const upload = uploadOf(command) ?? copyOf(command, environment);
  return [
    ...(upload === undefined ? [] : [withProxies(upload, environment, command)]),
    ...connectionsOf(command),
  ];
}

/**
 * The environment variables a script sets for the tools it runs, by name, and the settings of the
 * rclone remotes it creates (`rcloneFileSetting`).
 */
export type Environment = ReadonlyMap<string, string>;

/**
 * What a script sets for the tools it runs: the variables of rclone's own (`export
 * RCLONE_S3_ENDPOINT=…`, `RCLONE_CONFIG_OFFSITE_TYPE=sftp`) and mc's (`MC_HOST_backup=https://…`),
 * which configure their remotes as the line's flags do, and the remotes its commands define
 * (`remotesDefined`): an mc alias as its variable, an rclone remote as its settings in the
 * configuration file (`rcloneFileSetting`). A setting built at run time is kept as written (`$HOST`),
 * so what it places cannot be read. A later setting of the same name wins.
 */
export function scriptEnvironment(script: string): Environment {
  const out = new Map<string, string>();
  for (const command of commandsIn(script)) {
    // Only an exported variable reaches the commands after it; one set before a command
    // (`MC_HOST_x=… true`) is that command's alone, and a shell variable reaches no tool.
    if (/^(?:export|declare\s+-x|typeset\s+-x)\s/.test(command)) {
      for (const [name, value] of assignmentsIn(command)) {
        out.set(name, value);
      }
    }
    for (const [name, value] of remotesDefined(command)) {
      out.set(name, value);
    }
  }
  return out;
}

/** The variables of rclone's and mc's own a line assigns (`RCLONE_S3_ENDPOINT=…`, `MC_HOST_x=…`). */
function assignmentsIn(line: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [, name, value] of line.matchAll(
    /(?:^|[\s;&|(])(RCLONE_[A-Z0-9_]+|MC_HOST_\w+|(?:https?|all|HTTPS?|ALL)_(?:proxy|PROXY))=("[^"\n]*"|'[^'\n]*'|[^\s;&|)]*)/g,
  )) {
    out.set(name, value.replace(/^(["'])(.*)\1$/, "$2"));
  }
  return out;
}

/** The tools that send through the proxy the environment names (`https_proxy=…`). */
const proxiedTools: ReadonlySet<UploadTool> = new Set<UploadTool>([
  ...["curl", "wget", "aws s3", "aws s3api", "mc", "rclone", "gsutil", "gcloud storage"],
  ...["azcopy", "s5cmd", "az storage blob"],
] as UploadTool[]);

/**
 * `upload` with the proxies the script exported before it (`export https_proxy=http://…`), which
 * its tool sends through — the proxy sees, and can keep, what is sent — unless the line turns the
 * proxy off (curl's `--noproxy`, wget's `--no-proxy`).
 */
function withProxies(upload: Upload, environment: Environment, command: string): Upload {
  if (!proxiedTools.has(upload.tool) || /(?:^|\s)--no-?proxy\b/.test(command)) {
    return upload;
  }
  const proxies = [...environment]
    .filter(([name, value]) => /^(?:https?|all)_proxy$/i.test(name) && value !== "")
    .map(([, value]) => value);
  if (proxies.length === 0) {
    return upload;
  }
  const unread = proxies.filter(built);
  const placed = proxies.filter((p) => !built(p)).map(withScheme);
  return upload.tool === "curl" || upload.tool === "wget"
    ? { ...upload, urls: [...upload.urls, ...placed], unread: [...upload.unread, ...unread] }
    : {
        ...upload,
        hosts: [...upload.hosts, ...placed.flatMap((p) => hostOfUrl(p) ?? [])],
        unread: [...upload.unread, ...unread],
      };
}

/**
 * A command that writes the machine's hosts file (`>> /etc/hosts`, `>> "/etc/hosts"`, `tee -a
 * /etc/hosts`, `sed -i`, `dd of=/etc/hosts`).
 */
const writesHostsFile =
  /(?:>>?|\btee\b[^|;&\n]*|\bsed\b[^|;&\n]*-i[^|;&\n]*|\bdd\b[^|;&\n]*\bof=)\s*["']?\/etc\/hosts["']?(?![\w.-])/;

/**
 * An entry of a hosts file as a line writes it: an address — IPv4, IPv6, or one built at run time
 * (`$IP`, `$(hostname -I …)`) — and the names it maps, up to what ends the text written (a quote,
 * a redirection, a pipe, a `\n` of printf's).
 */
const hostsEntry =
  /(?:^|[\s"'/])((?:\d{1,3}\.){3}\d{1,3}|[0-9a-f]{0,4}:[0-9a-f:.]*:[0-9a-f.]*|\$\{?\w+\}?|\$\([^()]*\)|`[^`]*`)(?:[ \t]|\\t)+([A-Za-z0-9$`{(][^\s"'<>|;&\\/]*(?:(?:[ \t]|\\t)+[A-Za-z0-9$`{(][^\s"'<>|;&\\/]*)*)/g;

/**
 * The entries a script writes into the machine's hosts file, wherever it writes them (`echo
 * "203.0.113.9 api.internal" >> /etc/hosts`, `… | sudo tee -a /etc/hosts`, a heredoc into it, a
 * `sed -i` whose replacement is a whole entry): each name it maps, in lower case, with every
 * address it maps it to, as written — one built at run time (`"$IP api.internal"`) too. The
 * machine resolves that name there, so a line that sends to the name sends there as well. A name
 * built at run time (`"127.0.0.1 $(hostname)"`, the machine's own) is not read.
 */
export function hostsFileEntries(script: string): ReadonlyMap<string, readonly string[]> {
  const out = new Map<string, string[]>();
  if (!script.includes("/etc/hosts")) {
    return out;
  }
  const add = (text: string) => {
    for (const [, address, names] of text.matchAll(hostsEntry)) {
      for (const name of names.split(/(?:[ \t]|\\t)+/)) {
        if (name !== "" && !/[$`{(]/.test(name)) {
          const key = name.toLowerCase().replace(/\.$/, "");
          out.set(key, [...new Set([...(out.get(key) ?? []), address])]);
        }
      }
    }
  };
  let end: RegExp | undefined;
  for (const line of script.split("\n")) {
    if (end !== undefined) {
      if (end.test(line)) {
        end = undefined;
      } else {
        add(line);
      }
      continue;
    }
    // The commands of the line that write the file, each with the pipeline that feeds it.
    for (const command of line.split(/&&|\|\||;/).filter((c) => writesHostsFile.test(c))) {
      const heredoc = /<<-?\s*(['"]?)([\w.-]+)\1/.exec(command);
      if (heredoc !== null) {
        end = new RegExp(`^\\t*${heredoc[2].replace(/[.]/g, "\\.")}\\s*$`);
      }
      add(command.replace(/<<-?\s*\S+/, ""));
    }
  }
  return out;
}

/** A command that opens, continues or closes a compound command or a function's body. */
const compound =
  /^(?:if|then|else|elif|fi|while|until|for|do|done|case|esac|select|function)\b|^[({]|^[)}]$|^[A-Za-z_][\w:.-]*\s*\(\s*\)/;

/**
 * The commands of `script` whose definitions of remotes and exported variables reach the commands
 * after them: its own commands, outside heredoc bodies and the cron lines it installs, where the
 * script runs straight through. None where what reaches a copy depends on more than the order of
 * its lines: a condition, a loop, a function or a subshell around a definition, another user's
 * (`sudo -u`) or another configuration file's (`--config`, `--config-dir`, `-C`) tools, a remote
 * changed by `rclone config update`; a copy to a remote it does not define stays unplaced then.
 */
function definingCommands(script: string): ReadonlySet<string> {
  const commands = scriptLines(script).flatMap(({ line }) => commandsIn(line));
  const tools = commands.filter((c) => /\b(?:mc|rclone)\b/.test(c));
  const unsure =
    commands.some((c) => compound.test(c)) ||
    tools.some(
      (c) =>
        /(?:^|\s)(?:sudo|su|runuser|doas)\s/.test(c) ||
        /(?:^|\s)(?:--config(?:-dir)?|-C)(?:[\s=]|$)/.test(c) ||
        /\brclone\s+(?:.*\s)?config\s+(?:update|delete|password|edit|reconnect|paths)\b/.test(c) ||
        /\bmc\s+(?:.*\s)?alias\s+import\b/.test(c),
    );
  return new Set(unsure ? [] : commands);
}

/**
 * Each of a script's commands with the environment it runs in: the one given, and what the
 * commands before it set (`scriptEnvironment`). A script runs top to bottom, so a remote is
 * defined for the commands after its definition; a copy to it before, and a command the script
 * installs to run later (a cron line) before it, are read as if it were not.
 */
export function environmentsAlong(
  script: string,
  commands: readonly string[],
  environment: Environment = new Map(),
): Array<readonly [string, Environment]> {
  const defining = definingCommands(script);
  let current = environment;
  return commands.map((command) => {
    const at = [command, current] as const;
    const set = defining.has(command) ? scriptEnvironment(command) : undefined;
    if (set === undefined) {
      return at;
    }
    if (set.size > 0) {
      current = new Map([...current, ...set]);
    }
    return at;
  });
}

/**
 * The remotes a command defines for the commands after it, as the variables that configure them
 * the same way: an mc alias (`mc alias set backup https://… KEY SECRET`, the older `mc config host
 * add …`) as `MC_HOST_backup`, its URL; an rclone remote (`rclone config create offsite s3
 * provider AWS region eu-west-1`, its settings as `key value` or `key=value`) as its settings in
 * the configuration file (`rcloneFileSetting`), which its variables (`RCLONE_CONFIG_OFFSITE_TYPE`)
 * override. An mc alias removed (`mc alias remove backup`) is defined no longer.
 */
function remotesDefined(command: string): Array<readonly [string, string]> {
  // Most commands define none: spare them the parse.
  if (!/\b(?:mc|rclone)\b/.test(command)) {
    return [];
  }
  const words = wordsOf(command);
  const start = commandStart(words);
  const name = words[start]?.replace(/^.*\//, "");
  const rest = words.slice(start + 1);
  if (name === "mc") {
    const operands = optionsOf(rest, mcValued).operands;
    const [group, sub] = operands;
    const [verb, alias, url] =
      group === "alias"
        ? operands.slice(1)
        : group === "config" && sub === "host"
          ? operands.slice(2)
          : [];
    if (alias === undefined) {
      return [];
    }
    if (["set", "s", "add"].includes(verb) && url !== undefined) {
      return [[`MC_HOST_${alias}`, url]];
    }
    return ["remove", "rm"].includes(verb) ? [[`MC_HOST_${alias}`, ""]] : [];
  }
  if (name !== "rclone") {
    return [];
  }
  const [group, verb, remote, type, ...settings] = optionsOf(rest, rcloneConfigValued).operands;
  if (group !== "config" || verb !== "create" || remote === undefined || type === undefined) {
    return [];
  }
  const out: Array<readonly [string, string]> = [[rcloneFileSetting(remote, "type"), type]];
  for (let i = 0; i < settings.length; i++) {
    const eq = settings[i].indexOf("=");
    const [key, value] =
      eq > 0 ? [settings[i].slice(0, eq), settings[i].slice(eq + 1)] : [settings[i], settings[++i]];
    if (value !== undefined) {
      out.push([rcloneFileSetting(remote, key.toLowerCase()), value]);
    }
  }
  return out;
}

/**
 * The name under which a script's environment (`Environment`) holds a setting of an rclone remote
 * the script creates in rclone's configuration file (`rclone config create Off s3 …`): the remote
 * as written, as the file's sections are case-sensitive — a copy to `off:` does not read `[Off]` —
 * where rclone's variables are not (`RCLONE_CONFIG_OFF_TYPE` configures `off:` and `Off:` alike).
 * No variable's name holds a line break.
 */
function rcloneFileSetting(remote: string, key: string): string {
  return `rclone config\n${remote}\n${key}`;
}

/**
 * The command a `trap` sets to run when the shell exits or is signalled (`trap 'scp … host:…'
 * EXIT`), undefined for any other command, for one that resets (`trap - EXIT`) or ignores
 * (`trap '' INT`) a signal, and for `trap -p`.
 */
function trapped(words: readonly string[]): string | undefined {
  const at = commandStart(words);
  if (words[at] !== "trap") {
    return undefined;
  }
  const rest = words.slice(at + 1);
  const [action, ...signals] = rest[0] === "--" ? rest.slice(1) : rest;
  return action === undefined || action === "-" || action.startsWith("-") || signals.length === 0
    ? undefined
    : action;
}

/**
 * The connections a line opens by bash's `/dev/tcp/<host>/<port>` and `/dev/udp/…` to write to
 * (`cat /data > /dev/tcp/host/9000`, `exec 3<>/dev/tcp/host/9000`): each sends what is written
 * to it to the host. One only read from (`< /dev/tcp/…`), and a port check (`(echo >
 * /dev/tcp/host/443)`), send nothing but their request.
 */
function connectionsOf(command: string): Upload[] {
  if (!command.includes("/dev/")) {
    return [];
  }
  const entries = shellEntries(command);
  if (entries === undefined) {
    return [];
  }
  const out: Upload[] = [];
  for (let i = 1; i < entries.length; i++) {
    const [op, target] = [entries[i - 1], entries[i]];
    const to = typeof target === "string" ? /^\/dev\/(tcp|udp)\/([^/]+)\/./.exec(target) : null;
    if (
      to !== null &&
      typeof op === "object" &&
      "op" in op &&
      writes.has(op.op) &&
      !probes(entries.slice(0, i - 1))
    ) {
      out.push(hostUpload(`/dev/${to[1]}` as "/dev/tcp" | "/dev/udp", to[2], target as string));
    }
  }
  return out;
}

/**
 * Whether the command a redirection to `/dev/tcp` belongs to (the entries before it) writes
 * nothing of the machine's: none (`> /dev/tcp/h/443`), `:`, `true`, or a bare `echo` — the
 * port-check idiom `(echo > /dev/tcp/h/443) && echo open`, which sends a newline at most.
 */
function probes(before: ReturnType<typeof parse>): boolean {
  const words: string[] = [];
  for (let i = before.length - 1; i >= 0; i--) {
    const e = before[i];
    if (typeof e !== "string") {
      if (!("op" in e) || !redirections.has(e.op)) {
        break;
      }
      // A redirection's target is no word of the command.
      words.pop();
      continue;
    }
    words.unshift(e);
  }
  const [name, ...args] = words.filter((w) => !/^\d$/.test(w));
  return (
    name === undefined ||
    name === ":" ||
    name === "true" ||
    (name === "echo" && args.every((a) => /^-[neE]+$/.test(a)))
  );
}

/** The redirections that write to their target (`>`, `>>`, `<>`, `&>`). */
const writes: ReadonlySet<string> = new Set([">", ">>", ">|", "<>", "&>", ">&"]);

/**
 * The commands of a shell script, each on its own: lines (a line continued by a backslash is
 * one), and the commands a line chains or pipes (`;`, `&&`, `||`, `|`, `&`), outside quotes.
 */
export function commandsIn(script: string): string[] {
  const text = script.replace(/\\\r?\n/g, " ");
  const out: string[] = [];
  let current = "";
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote !== undefined) {
      current += ch;
      if (ch === quote || ch === "\n") {
        quote = undefined;
      }
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      current += ch;
      continue;
    }
    // `&>`, `>&` and `<&` redirect (`tar cz /data &>/dev/udp/…`, `2>&1`): no command ends there.
    const redirects = ch === "&" && (text[i + 1] === ">" || /[<>]$/.test(current));
    if (ch === "\n" || ch === ";" || ch === "|" || (ch === "&" && !redirects)) {
      out.push(current);
      current = "";
      continue;
    }
    current += ch;
  }
  out.push(current);
  // A function's body run as the script's own (`push() { scp … host:…; }; trap push EXIT`).
  return out.map((c) => c.trim().replace(functionOpens, "")).filter((c) => c !== "");
}

/** What opens a function's body on its line: `name() {`, `function name {`. */
const functionOpens = /^(?:function\s+[\w:.-]+\s*(?:\(\s*\))?|[A-Za-z_][\w:.-]*\s*\(\s*\))\s*\{\s+/;

/**
 * The commands a script has its machine run: its own (`commandsIn`), and those it installs to
 * run later — the command of each cron line it hands `crontab` (`echo "<line>" | crontab -`,
 * `(crontab -l; echo "<line>") | crontab -`, a heredoc, a file it wrote before: `crontab
 * /tmp/jobs`) or writes into a crontab (`/etc/crontab`, `/etc/cron.d/…`, `/var/spool/cron/…`), a
 * script it writes into `/etc/cron.daily/…` and the like, and each `Exec…=` line of a systemd unit
 * it writes (`cat <<EOF > /etc/systemd/system/x.service`, `echo … | tee …`), and a file it wrote
 * elsewhere and then puts there (`cp /tmp/x.cron /etc/cron.d/x`, `mv`, `install`). The echo or heredoc
 * that writes them is read as what it installs, not as a command of its own; a heredoc written
 * anywhere else (`ssh host <<EOF`, `cat <<EOF | sh`) is read as a script.
 */
export function commandsRun(script: string): string[] {
  const out: string[] = [];
  // What the script wrote where, for a `crontab <file>` that installs it later.
  const written = new Map<string, string>();
  for (const { line, body } of scriptLines(script)) {
    const commands = commandsIn(line);
    const stages = pipelineStages(line).map(wordsOf);
    const feedsCrontab = stages.some(
      (w, i) => crontabInstalls(w) === "-" && (i > 0 || body !== undefined),
    );
    const files = stages.flatMap((w, i) => (i > 0 || body !== undefined ? teeFiles(w) : []));
    files.push(...redirectedFiles(line));
    const echoed = commands.filter(echoes);
    const text = body ?? echoed.map(echoedText).join("\n");
    const appends = body !== undefined || echoed.length > 0;
    for (const file of appends ? files : []) {
      written.set(file, `${written.get(file) ?? ""}${text}\n`);
    }
    const installed = [
      ...(feedsCrontab && appends ? cronCommands(text, false) : []),
      ...(appends ? files.flatMap((f) => fileCommands(f, text) ?? []) : []),
    ];
    const read = feedsCrontab || files.some((f) => fileKind(f) !== undefined);
    for (const command of commands) {
      const file = crontabInstalls(wordsOf(command));
      if (file !== undefined && file !== "-" && written.has(file)) {
        out.push(...cronCommands(written.get(file)!, false));
      }
      for (const [from, to] of filesPlaced(wordsOf(command))) {
        const text = written.get(from);
        if (text !== undefined) {
          written.set(to, text);
          out.push(...(fileCommands(to, text) ?? []));
        }
      }
      if (!(read && appends && echoes(command))) {
        out.push(command);
      }
    }
    out.push(...installed);
    if (body !== undefined && !read) {
      out.push(...commandsRun(body));
    }
  }
  return [...new Set(out)];
}

/**
 * A script's lines (a line continued by a backslash is one), each with the body of the heredoc
 * it opens (`cat <<EOF > f`, `<<-'EOF'`), which is no line of the script's own.
 */
function scriptLines(script: string): Array<{ line: string; body?: string }> {
  const lines = script.replace(/\\\r?\n/g, " ").split(/\r?\n/);
  const out: Array<{ line: string; body?: string }> = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const opens = /<<(-?)[ \t]*(["']?)([A-Za-z_][\w.-]*)\2/.exec(line.replace(/<<</g, ""));
    if (opens === null) {
      out.push({ line });
      continue;
    }
    const end = lines.findIndex(
      (l, k) => k > i && (opens[1] === "-" ? l.replace(/^\t+/, "") : l).trim() === opens[3],
    );
    const last = end < 0 ? lines.length : end;
    out.push({ line, body: lines.slice(i + 1, last).join("\n") });
    i = last;
  }
  return out;
}

/** The stages of a line's pipelines (`a | b`), split outside quotes; `||` splits none. */
function pipelineStages(line: string): string[] {
  const out: string[] = [];
  let current = "";
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote !== undefined) {
      quote = ch === quote ? undefined : quote;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
    } else if (ch === "|" && line[i + 1] !== "|" && line[i - 1] !== "|") {
      out.push(current);
      current = "";
      continue;
    }
    current += ch;
  }
  out.push(current);
  // A stage that groups commands (`{ cat; echo …; }`, `(crontab -l; echo …)`) is each of them.
  return out.flatMap((stage) => stage.split(/[;&]/)).map((c) => c.trim().replace(/^[({]\s*/, ""));
}

/**
 * What `crontab` installs, when the words run it so (`crontab -`, `crontab -u app /tmp/jobs`):
 * `-` for what it reads on its input, else the file; undefined for a listing, an edit, a removal
 * and any other command.
 */
function crontabInstalls(words: readonly string[]): string | undefined {
  const at = commandStart(words);
  if (words[at]?.replace(/^.*\//, "") !== "crontab") {
    return undefined;
  }
  const o = optionsOf(words.slice(at + 1), new Set(["-u"]));
  if (["-l", "-r", "-e"].some((f) => o.given.has(f))) {
    return undefined;
  }
  return o.operands[0] ?? "-";
}

/** The options of cp, mv and install that take a value. */
const placeValued: ReadonlySet<string> = new Set([
  ...["-t", "--target-directory", "-S", "--suffix", "-m", "--mode", "-o", "--owner", "-g"],
  ...["--group"],
]);

/**
 * The files a `cp`, `mv` or `install` puts in place, each from where (`cp /tmp/x.cron
 * /etc/cron.d/x`; into a directory, `install -m 0644 -t /etc/cron.d /tmp/x`, by the file's name),
 * so a file a script staged elsewhere is read where it lands; none for any other command.
 */
function filesPlaced(words: readonly string[]): Array<readonly [string, string]> {
  const at = commandStart(words);
  if (!["cp", "mv", "install"].includes(words[at]?.replace(/^.*\//, "") ?? "")) {
    return [];
  }
  const o = optionsOf(words.slice(at + 1), placeValued);
  const directory = optionValue(o, "-t", "--target-directory");
  const sources = directory === undefined ? o.operands.slice(0, -1) : o.operands;
  const to = directory ?? o.operands.at(-1) ?? "";
  // A directory: written so, or one whose files the machine runs (`/etc/cron.d`).
  const into =
    directory !== undefined ||
    to.endsWith("/") ||
    (fileKind(to) === undefined && fileKind(`${to}/f`) !== undefined);
  return sources.map(
    (from) => [from, into ? `${to.replace(/\/$/, "")}/${from.replace(/^.*\//, "")}` : to] as const,
  );
}

/** The files a `tee` among the words writes what it is given to. */
function teeFiles(words: readonly string[]): string[] {
  const at = commandStart(words);
  return words[at]?.replace(/^.*\//, "") === "tee"
    ? [...optionsOf(words.slice(at + 1), new Set()).operands]
    : [];
}

/** The files a line's output is redirected into (`> /etc/cron.d/x`, `>> /etc/crontab`). */
function redirectedFiles(line: string): string[] {
  let entries: ReturnType<typeof parse>;
  try {
    entries = parse(line, (name) => `$${name}`);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (let i = 0; i + 1 < entries.length; i++) {
    const [e, next] = [entries[i], entries[i + 1]];
    if (
      typeof e === "object" &&
      "op" in e &&
      [">", ">>", ">|"].includes(e.op) &&
      typeof next === "string" &&
      !/^\d$/.test(typeof entries[i - 1] === "string" ? (entries[i - 1] as string) : "") &&
      next.startsWith("/")
    ) {
      out.push(next);
    }
  }
  return out;
}

/** Whether a command prints its words (`echo`, `printf`), which a line may write into a file. */
function echoes(command: string): boolean {
  const words = wordsOf(command);
  return ["echo", "printf"].includes(words[commandStart(words)]?.replace(/^.*\//, "") ?? "");
}

/** The text an `echo` or `printf` prints, its `\n` escapes as line breaks. */
function echoedText(command: string): string {
  const words = wordsOf(command);
  const at = commandStart(words);
  let args = words.slice(at + 1);
  while (args.length > 0 && /^-[neE]+$/.test(args[0])) {
    args = args.slice(1);
  }
  const joiner = words[at].endsWith("printf") ? "\n" : " ";
  return args.join(joiner).replace(/\\n/g, "\n");
}

/** What a file at `path` is to the machine that runs it, where it runs what the file holds. */
type RunFile = "crontab" | "user crontab" | "script" | "unit";

function fileKind(path: string): RunFile | undefined {
  if (/^\/etc\/(crontab$|cron\.d\/)/.test(path)) {
    return "crontab";
  }
  if (/^\/var\/spool\/cron\//.test(path)) {
    return "user crontab";
  }
  if (/^\/etc\/(cron\.(hourly|daily|weekly|monthly)|periodic\/\w+)\//.test(path)) {
    return "script";
  }
  return /\/systemd\/|\.service$/.test(path) ? "unit" : undefined;
}

/**
 * The commands a file written at `path` has the machine run, by what the file is there: each
 * cron line's command (a crontab's lines under `/etc` name the user who runs it first), a
 * script's commands (`/etc/cron.daily/…`), a systemd unit's `ExecStart=`, `ExecStartPre=`,
 * `ExecStartPost=`, `ExecStop=`… lines. Undefined for a file of no such place.
 */
export function fileCommands(path: string, content: string): string[] | undefined {
  switch (fileKind(path)) {
    case "crontab":
      return cronCommands(content, true);
    case "user crontab":
      return cronCommands(content, false);
    case "script":
      return commandsRun(content);
    case "unit":
      return unitCommands(content);
    case undefined:
      return undefined;
  }
}

/** A field of a cron schedule (`*\/5`, `1-5`, `mon,wed`) after the first, a number's or a name's. */
const cronField = /^(?:[\d*?][\d*,/?LW#-]*|[a-z]{3}(?:[,-][a-z]{3})*)$/i;

/**
 * The commands of a crontab's lines: what follows each line's schedule (five fields, or
 * `@reboot`, `@daily`…) and, in a system crontab, its user — up to a `%`, after which cron hands
 * the rest to the command as its input. Comments and variable settings run nothing.
 */
function cronCommands(text: string, system: boolean): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const fields = line.split(/\s+/);
    const schedule = /^@(reboot|yearly|annually|monthly|weekly|daily|midnight|hourly)$/.test(
      fields[0],
    )
      ? 1
      : /^[\d*]/.test(fields[0]) &&
          fields.length > 5 &&
          fields.slice(0, 5).every((f) => cronField.test(f))
        ? 5
        : 0;
    if (schedule === 0) {
      continue;
    }
    const skip = schedule + (system ? 1 : 0);
    const command = line.replace(new RegExp(`^(?:\\S+\\s+){${skip}}`), "");
    if (command === line) {
      continue;
    }
    out.push(...commandsIn(command.replace(/(^|[^\\])%.*$/, "$1").replace(/\\%/g, "%")));
  }
  return out;
}

/**
 * The command lines a systemd unit runs: its `Exec…=` settings (a line continued by a backslash
 * is one), without the prefixes that only change how (`-`, `@`, `+`, `!`, `:`); an empty one,
 * which resets the list, runs nothing.
 */
function unitCommands(text: string): string[] {
  const out: string[] = [];
  for (const line of text.replace(/\\\r?\n/g, " ").split(/\r?\n/)) {
    const exec =
      /^\s*Exec(?:Start|StartPre|StartPost|Stop|StopPost|Reload|Condition)\s*=\s*(.*)$/.exec(line);
    const command = exec?.[1].replace(/^[-@+!:]+/, "").trim();
    if (command !== undefined && command !== "") {
      out.push(command);
    }
  }
  return out;
}

/**
 * The script of an argument list that runs a shell on one (`["sh", "-c", "<script>"]`, a
 * container's command), undefined for any other list.
 */
export function shellScriptOf(argv: readonly string[]): string | undefined {
  return shellScript(argv);
}

/**
 * Where the command a line's words run stands: past its variable assignments, the wrappers that
 * run a command (`sudo`, `env`, `nohup`, `timeout`…) and a shell given its script as words of its
 * own (`sh -c <script>`, the script one word): the index of the command's name, or of that script.
 */
export function commandWordOf(words: readonly string[]): number {
  return commandStart(words);
}

/** A command line's words, as `uploadsIn` reads them (see `wordsOf`). */
export function commandWordsOf(command: string): string[] {
  return wordsOf(command);
}

/** A shell program's name. */
const shells = /^(?:.*\/)?(?:sh|bash|dash|ash|zsh|ksh)$/;

/**
 * The script a shell is given with `-c` (options before it, `-e`, `-ec`, `-lc`), when it is one
 * word; a line whose quotes are lost (`/bin/sh -c tar cz /data`, as a command the program ran is
 * recorded) is read as the command it runs, not as a script.
 */
function shellScript(words: readonly string[]): string | undefined {
  const at = commandStart(words);
  const script = at < words.length ? shellRuns(words, at) : undefined;
  return script !== undefined && /\s/.test(words[script].trim()) ? words[script] : undefined;
}

/** Where the `-c` script stands when the words at `at` run a shell on one. */
function shellRuns(words: readonly string[], at: number): number | undefined {
  // `su [-] [user] -c '…'` runs its command through the user's shell, wherever `-c` stands.
  if (/^(?:.*\/)?su$/.test(words[at])) {
    const c = words.findIndex((w, i) => i > at && (w === "-c" || w === "--command"));
    return c > 0 && c + 1 < words.length ? c + 1 : undefined;
  }
  const name = words[at].replace(/^.*\//, "");
  if (name === "runuser" || name === "flock") {
    return wrapperScript(words, at, wrappers[name]);
  }
  if (!shells.test(words[at])) {
    return undefined;
  }
  let i = at + 1;
  while (i < words.length && /^-[a-z]+$/i.test(words[i]) && !words[i].includes("c")) {
    i++;
  }
  return i + 1 < words.length && /^-[a-z]*c[a-z]*$/i.test(words[i]) ? i + 1 : undefined;
}

/**
 * Where the `-c` script of `runuser [-l] <user> -c '…'` or `flock <lock file> -c '…'` stands: among
 * the options, after one operand (the user, the lock file) at most, before any command.
 */
function wrapperScript(words: readonly string[], at: number, takes: ReadonlySet<string>) {
  let operands = 0;
  for (let i = at + 1; i < words.length; i++) {
    const w = words[i];
    if (w === "-c" || w === "--command") {
      return i + 1 < words.length ? i + 1 : undefined;
    }
    if (w === "--" || (!w.startsWith("-") && ++operands > 1)) {
      return undefined;
    }
    i += takes.has(w) ? 1 : 0;
  }
  return undefined;
}

/** A command line as `shell-quote` parses it, its variables kept as written; undefined if it cannot. */
function shellEntries(command: string): ReturnType<typeof parse> | undefined {
  try {
    return parse(command, (name) => `$${name}`);
  } catch {
    return undefined;
  }
}

/**
 * A command line's words, as a shell splits them (`shell-quote`), its variables kept as written
 * (`$HOST`) and globs as their pattern; a redirection and its target are left out
 * (`nc host 9000 < dump.sql`), and the words end at the first operator or comment.
 */
function wordsOf(command: string): string[] {
  const entries = shellEntries(command);
  if (entries === undefined) {
    return [];
  }
  const words: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (typeof e === "string") {
      words.push(e);
      continue;
    }
    if (!("op" in e)) {
      // A comment ends the words (an object an environment lookup gives is never ours).
      break;
    }
    const entry = e as { op: string; pattern?: string };
    if (entry.op === "glob") {
      words.push(entry.pattern ?? "");
      continue;
    }
    if (redirections.has(entry.op)) {
      // `2>&1`: the descriptor before the operator is no word of the command.
      if (/^\d$/.test(words.at(-1) ?? "")) {
        words.pop();
      }
      i++;
      continue;
    }
    break;
  }
  return words;
}

const redirections: ReadonlySet<string> = new Set([
  ...["<", ">", ">>", ">&", "<&", ">|", "<(", "<<", "<>", "&>"],
]);

/**
 * Commands that run the command after them (`sudo`, `env`, `timeout 60`, `xargs -I{}`), with
 * their options that take a value of their own.
 */
const wrappers: Readonly<Record<string, ReadonlySet<string>>> = {
  sudo: new Set(["-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U"]),
  env: new Set(["-u", "-C", "-S", "--unset", "--chdir"]),
  exec: new Set(["-a"]),
  nohup: new Set(),
  time: new Set(["-f", "-o"]),
  nice: new Set(["-n"]),
  ionice: new Set(["-c", "-n", "-p"]),
  stdbuf: new Set(["-i", "-o", "-e"]),
  command: new Set(),
  timeout: new Set(["-s", "-k", "--signal", "--kill-after"]),
  xargs: new Set(["-I", "-i", "-n", "-P", "-L", "-l", "-s", "-d", "-E", "-a", "--max-args"]),
  retry: new Set(["-t", "-d", "--times", "--delay"]),
  // Common in cron lines: a lock, a mail-on-failure filter, another user, a new session.
  flock: new Set(["-w", "--wait", "--timeout", "-E", "--conflict-exit-code"]),
  chronic: new Set(),
  cronic: new Set(),
  runuser: new Set(["-u", "-g", "-G", "--group", "--supp-group", "-s", "--shell", "-w"]),
  setsid: new Set(),
  doas: new Set(["-u", "-C"]),
  "run-one": new Set(),
};

/** Wrappers that take an operand of their own before the command: flock's lock file. */
const wrapperOperands: Readonly<Record<string, number>> = { flock: 1 };

/** `NAME=value` before a command, which the shell sets in the command's environment. */
const assignment = /^[A-Za-z_][A-Za-z0-9_]*=/;

/**
 * The shell's reserved words that stand before a command (`for f in *; do aws s3 cp …; done`,
 * `if … then scp …`, `! nc …`): the command follows them.
 */
const reservedBefore: ReadonlySet<string> = new Set([
  "do",
  "then",
  "else",
  "elif",
  "if",
  "while",
  "until",
  "!",
  "{",
  "(",
]);

/** Where the command itself starts among a line's words: after assignments and wrappers. */
function commandStart(words: readonly string[]): number {
  let i = 0;
  while (i < words.length) {
    if (assignment.test(words[i]) || reservedBefore.has(words[i])) {
      i++;
      continue;
    }
    // A shell given its script as words of its own (`/bin/sh -c aws s3 cp …`, the quotes of a
    // recorded command line lost): the command is those words.
    const script = shellRuns(words, i);
    if (script !== undefined && !/\s/.test(words[script].trim())) {
      i = script;
      continue;
    }
    if (script !== undefined) {
      // A wrapper given a script as one word (`flock /run/x.lock -c '…'`): `shellScript` reads it.
      return i;
    }
    const name = words[i].replace(/^.*\//, "");
    const takes = Object.hasOwn(wrappers, name) ? wrappers[name] : undefined;
    if (takes === undefined) {
      return i;
    }
    i++;
    while (i < words.length && words[i].startsWith("-")) {
      i += takes.has(words[i]) ? 2 : 1;
    }
    if (name === "timeout" && i < words.length) {
      // Its duration.
      i++;
    }
    i += wrapperOperands[name] ?? 0;
  }
  return i;
}

/** What a line's words say of its options and operands, read against a tool's options. */
interface Options {
  /** Each option given, by its name (`--region`, `-e`), with its value (`""` for a flag). */
  readonly given: ReadonlyMap<string, string>;
  /** The words that are no option or option value. */
  readonly operands: readonly string[];
}

/**
 * A tool's words split into options and operands: `--name=value`, `--name value` and `-x value`
 * for the options `valued` names, clusters of one-letter flags (`-avz`, `-P2222`); after `--`,
 * operands only.
 */
function optionsOf(words: readonly string[], valued: ReadonlySet<string>): Options {
  const given = new Map<string, string>();
  const operands: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === "--") {
      operands.push(...words.slice(i + 1));
      break;
    }
    if (w.startsWith("--")) {
      const eq = w.indexOf("=");
      if (eq > 0) {
        given.set(w.slice(0, eq), w.slice(eq + 1));
      } else if (valued.has(w)) {
        given.set(w, words[i + 1] ?? "");
        i++;
      } else {
        given.set(w, "");
      }
      continue;
    }
    if (w.startsWith("-") && w.length > 1) {
      for (let k = 1; k < w.length; k++) {
        const flag = `-${w[k]}`;
        if (valued.has(flag)) {
          const rest = w.slice(k + 1);
          given.set(flag, rest !== "" ? rest : (words[i + 1] ?? ""));
          if (rest === "") {
            i++;
          }
          break;
        }
        given.set(flag, "");
      }
      continue;
    }
    operands.push(w);
  }
  return { given, operands };
}

/** The value of the first of `names` given. */
function optionValue(o: Options, ...names: readonly string[]): string | undefined {
  for (const n of names) {
    const v = o.given.get(n);
    if (v !== undefined && v !== "") {
      return v;
    }
  }
  return undefined;
}

/** Whether a destination is built at run time: a variable, a command's output. */
const built = (text: string) => /[$`]/.test(text);

/**
 * The regions the environment of a command is given before it (`AWS_REGION=eu-west-1 aws s3 …`),
 * by the variable's name.
 */
function assignedRegion(words: readonly string[], start: number, names: readonly string[]) {
  for (const w of words.slice(0, start)) {
    const [name, value] = [w.slice(0, w.indexOf("=")), w.slice(w.indexOf("=") + 1)];
    if (names.includes(name) && value !== "" && !built(value)) {
      return value;
    }
  }
  return undefined;
}

/**
 * A copy to a bucket, another machine or a raw connection that a command line makes (the command
 * after its assignments and wrappers, `sudo`, `xargs -I{}`):
 * - `aws s3 cp|mv|sync <source> s3://bucket/…` — a copy between buckets sends to the destination
 *   bucket; a download (`s3://… ./local`), and `--dryrun`, send nothing;
 * - `ossutil cp|sync <source> oss://bucket/…` and `aliyun oss cp …`, the same;
 * - `scp <source>… [user@]host:path` and `rsync <source>… [user@]host:path` (`host::module`,
 *   `rsync://host/…`); a copy to a local path, and rsync's `--dry-run`, send nothing;
 * - `nc host port` (netcat, ncat), which sends what it is given (`< dump.sql`, a pipe); not one
 *   that listens (`-l`) or only probes a port (`-z`);
 * - `aws s3api put-object|upload-part|copy-object --bucket …`, `rclone`, `mc`, `gsutil`,
 *   `gcloud storage` and `azcopy` copies (see each reader below).
 */
function copyOf(command: string, environment: Environment): Upload | undefined {
  const words = wordsOf(command);
  const start = commandStart(words);
  const name = words[start]?.replace(/^.*\//, "");
  const rest = words.slice(start + 1);
  switch (name) {
    case "aws":
      return awsS3Copy(rest, assignedRegion(words, start, ["AWS_REGION", "AWS_DEFAULT_REGION"]));
    case "ossutil":
    case "ossutil64":
      return ossCopy("ossutil", rest);
    case "aliyun":
      return rest[0] === "oss" || rest[0] === "ossutil"
        ? ossCopy("aliyun oss", rest.slice(1))
        : undefined;
    case "scp":
      return viaSsh(remoteCopy("scp", optionsOf(rest, scpValued), false), rest);
    case "rsync": {
      const o = optionsOf(rest, rsyncValued);
      return o.given.has("--dry-run") || o.given.has("-n") || o.given.has("--list-only")
        ? undefined
        : viaSsh(remoteCopy("rsync", o, true), rest);
    }
    case "nc":
    case "ncat":
    case "netcat":
      return netcatSend(optionsOf(rest, ncValued));
    case "ssh":
      return viaSsh(sshTunnel(rest), rest);
    case "rclone":
      return rcloneCopy(
        optionsOf(rest, rcloneValuedAt(rest)),
        new Map([...environment, ...assignmentsIn(words.slice(0, start).join(" "))]),
      );
    case "mc":
      return minioCopy(
        optionsOf(rest, mcValued),
        new Map([...environment, ...assignmentsIn(words.slice(0, start).join(" "))]),
      );
    case "gsutil":
      return gcsCopy("gsutil", optionsOf(rest, gsutilValued));
    case "gcloud": {
      // Global flags may stand before the group, and a release track (`alpha`, `beta`) too.
      const o = optionsOf(rest, gcloudValued);
      const operands = ["alpha", "beta"].includes(o.operands[0]) ? o.operands.slice(1) : o.operands;
      return operands[0] === "storage"
        ? gcsCopy("gcloud storage", { given: o.given, operands: operands.slice(1) })
        : undefined;
    }
    case "azcopy":
      return azureCopy(optionsOf(rest, azcopyValued));
    case "s3cmd":
      return s3cmdCopy(optionsOf(rest, s3cmdValued));
    case "s5cmd":
      return s5cmdCopy(
        optionsOf(rest, s5cmdValued),
        assignedRegion(words, start, ["AWS_REGION", "AWS_DEFAULT_REGION"]),
      );
    case "az":
      return rest[0] === "storage" && rest[1] === "blob"
        ? azBlobUpload(rest[2], optionsOf(rest.slice(3), azValued), words.slice(0, start))
        : undefined;
    case "socat":
      return socatSend(optionsOf(rest, socatValued));
    default:
      return undefined;
  }
}

/** The options of `aws` and its `s3` commands that take a value. */
const awsValued: ReadonlySet<string> = new Set([
  ...["--region", "--endpoint-url", "--profile", "--output", "--query", "--color"],
  ...["--ca-bundle", "--cli-read-timeout", "--cli-connect-timeout", "--cli-binary-format"],
  ...["--acl", "--storage-class", "--sse", "--sse-kms-key-id", "--sse-c", "--sse-c-key"],
  ...["--sse-c-copy-source", "--sse-c-copy-source-key", "--content-type", "--cache-control"],
  ...["--content-disposition", "--content-encoding", "--content-language", "--expires"],
  ...["--exclude", "--include", "--grants", "--metadata", "--metadata-directive"],
  ...["--expected-size", "--source-region", "--website-redirect", "--request-payer"],
  ...["--checksum-algorithm", "--checksum-mode", "--copy-props", "--page-size"],
  // s3api's.
  ...["--bucket", "--key", "--body", "--copy-source", "--upload-id", "--part-number"],
]);

/** `aws [options] s3 cp|mv|sync <source> s3://bucket/…`: an upload to the bucket. */
function awsS3Copy(rest: readonly string[], assigned: string | undefined): Upload | undefined {
  const o = optionsOf(rest, awsValued);
  const [service, verb, source, destination] = o.operands;
  const region = optionValue(o, "--region") ?? assigned;
  if (service === "s3api") {
    return s3apiPut(o, verb, region);
  }
  if (
    service !== "s3" ||
    !["cp", "mv", "sync"].includes(verb ?? "") ||
    source === undefined ||
    destination === undefined ||
    o.given.has("--dryrun")
  ) {
    return undefined;
  }
  if (!destination.startsWith("s3://")) {
    // One end of a copy is a bucket: from a local file, a destination the line builds at run
    // time (`aws s3 cp /data/db.tgz "$DEST"`) is the bucket, which cannot be read.
    return !source.startsWith("s3://") && !built(source) && built(destination)
      ? { ...nothing("aws s3"), unread: [destination] }
      : undefined;
  }
  return bucketUpload("aws s3", "s3", destination, region, optionValue(o, "--endpoint-url"));
}

/** The `aws s3api` commands that send an object to their `--bucket`. */
const s3apiPuts: ReadonlySet<string> = new Set([
  ...["put-object", "upload-part", "copy-object", "upload-part-copy"],
]);

/**
 * `aws s3api put-object|upload-part|copy-object --bucket <bucket> …`: an upload to the bucket, as
 * `aws s3 cp` to it; a download (`get-object`) and the other calls send no object.
 */
function s3apiPut(o: Options, verb: string | undefined, region: string | undefined) {
  const bucket = optionValue(o, "--bucket");
  if (!s3apiPuts.has(verb ?? "") || bucket === undefined) {
    return undefined;
  }
  return built(bucket)
    ? { ...nothing("aws s3api"), unread: [`--bucket ${bucket}`] }
    : bucketUpload("aws s3api", "s3", `s3://${bucket}`, region, optionValue(o, "--endpoint-url"));
}

/** The options of rclone that take a value (its flags are otherwise booleans). */
const rcloneValued: ReadonlySet<string> = new Set([
  ...["--config", "--transfers", "--checkers", "--bwlimit", "--include", "--exclude"],
  ...["--filter", "--include-from", "--exclude-from", "--filter-from", "--files-from"],
  ...["--log-file", "--log-level", "--stats", "--min-age", "--max-age", "--min-size"],
  ...["--max-size", "--backup-dir", "--suffix", "--max-transfer", "--max-depth", "--retries"],
  ...["--low-level-retries", "--timeout", "--contimeout", "--user-agent", "--order-by"],
  ...["--compare-dest", "--copy-dest", "--multi-thread-streams", "--buffer-size"],
  ...["--cache-dir", "--header", "--header-upload", "--tpslimit", "--bind", "--ca-cert"],
  ...["--client-cert", "--client-key", "--password-command", "--exclude-if-present"],
]);

/** The options of `rclone config create` that take a value, with rclone's own. */
const rcloneConfigValued: ReadonlySet<string> = new Set([...rcloneValued, "--state", "--result"]);

/**
 * The backends whose `--<backend>-<option>` flags rclone takes (`--s3-region eu-west-1`,
 * `--sftp-host h`): each takes a value, but for the switches below.
 */
const rcloneBackendFlag =
  /^--(s3|sftp|ftp|webdav|http|smb|gcs|azureblob|azurefiles|b2|swift|drive|dropbox|onedrive|box|hdfs|oos|storj|mega|pcloud|seafile|sharefile|sia|union|crypt|compress|chunker|hasher|combine|koofr|mailru|netstorage|opendrive|qingstor|sugarsync|yandex|zoho|internetarchive|filefabric|hidrive|pikpak|protondrive|local)-[a-z0-9-]+$/;

/** The backends' flags that are switches, taking no value. */
const rcloneBackendSwitch =
  /^--[a-z0-9]+-(no-[a-z-]+|disable-[a-z-]+|skip-[a-z-]+|force-path-style|v2-auth|env-auth|leave-parts-on-error|requester-pays|decompress|versions|directory-markers|use-insecure-cipher|ask-password|copy-is-hardlink|key-use-agent|use-accelerate-endpoint|list-url-encode|use-presigned-request|one-file-system|links|copy-links|skip-links|unicode-normalization|case-insensitive|case-sensitive|zero-size-links|explicit-tls|tls|no-check-certificate)$/;

/** rclone's options among `words` that take a value: its own, and its backends'. */
function rcloneValuedAt(words: readonly string[]): ReadonlySet<string> {
  const backend = words.filter((w) => rcloneBackendFlag.test(w) && !rcloneBackendSwitch.test(w));
  return new Set([...rcloneValued, ...backend]);
}

/** The rclone commands that send their source to their destination (`rcat` its input). */
const rcloneVerbs: ReadonlySet<string> = new Set([
  ...["copy", "sync", "move", "copyto", "moveto", "rcat"],
]);

/**
 * `rclone copy|sync|move|copyto|moveto <source> <remote>:<path>` (`rcat <remote>:<path>`): an
 * upload to the remote. A remote configured elsewhere (`offsite:backups`) cannot be placed; one
 * the line or the script's environment gives is placed by what it says — inline
 * (`:s3,region=eu-west-1:bucket/…`), by the backend's flags (`--s3-endpoint`, `--sftp-host`) and
 * variables (`RCLONE_S3_ENDPOINT=`), a remote by its `RCLONE_CONFIG_<NAME>_TYPE` and settings, as
 * rclone reads them, the inline ones first: an S3 backend's bucket by its `region` or `endpoint`
 * (Alibaba Cloud's OSS as S3's provider `Alibaba`, by its endpoint), an SFTP, FTP or WebDAV
 * backend by its `host` or `url`; a remote of no known type by the endpoint its variables give. A
 * copy to a local path (a download), `:local:`, and `--dry-run` send nothing.
 */
function rcloneCopy(o: Options, environment: Environment): Upload | undefined {
  const [verb, ...paths] = o.operands;
  // The last operand: a backend flag taken for a switch leaves the source out, not the destination.
  const destination = verb === "rcat" ? paths[0] : paths.length >= 1 ? paths.at(-1) : undefined;
  if (
    !rcloneVerbs.has(verb ?? "") ||
    destination === undefined ||
    o.given.has("--dry-run") ||
    o.given.has("-n")
  ) {
    return undefined;
  }
  const remote = /^(:?[\w.+@ ${}-]+)((?:,[^,]*)*):([^:]*)$/.exec(destination);
  if (remote === null || /^[a-z]$/i.test(remote[1]) || remote[1] === ":local") {
    // A local path (`/backup`, `./x`, a Windows drive).
    return undefined;
  }
  const [, name, settings, path] = remote;
  if (built(name)) {
    return { ...nothing("rclone"), unread: [destination] };
  }
  // A remote the script creates in the configuration file, by its exact name, and the settings
  // its variables give (`RCLONE_CONFIG_OFFSITE_TYPE=s3`), by its name in upper case, which rclone
  // reads over the file's.
  const file = rcloneFileSetting(name, "");
  const variable = `RCLONE_CONFIG_${name.toUpperCase().replace(/-/g, "_")}_`;
  const configured = new Map([
    ...[...environment]
      .filter(([k]) => k.startsWith(file))
      .map(([k, v]) => [k.slice(file.length), v] as const),
    ...[...environment]
      .filter(([k]) => k.startsWith(variable))
      .map(([k, v]) => [k.slice(variable.length).toLowerCase(), v] as const),
  ]);
  const type = name.startsWith(":") ? name.slice(1) : configured.get("type")?.toLowerCase();
  if (type === undefined) {
    const endpoint = configured.get("endpoint");
    const host = endpoint === undefined ? undefined : hostOfUrl(withScheme(endpoint));
    return host !== undefined
      ? hostUpload("rclone", host, endpoint!)
      : { ...nothing("rclone"), remotes: [{ kind: "rclone remote", name }] };
  }
  // rclone's order: the inline settings, then the backend's flags, then its variables, then the
  // remote's configuration.
  const backend = `RCLONE_${type.toUpperCase()}_`;
  const given = new Map<string, string>([
    ...(name.startsWith(":") ? [] : configured),
    ...[...environment]
      .filter(([k]) => k.startsWith(backend) && !k.startsWith("RCLONE_CONFIG_"))
      .map(([k, v]) => [k.slice(backend.length).toLowerCase(), v] as [string, string]),
    ...[...o.given]
      .filter(([k]) => k.startsWith(`--${type}-`))
      .map(([k, v]) => [k.slice(`--${type}-`.length).replace(/-/g, "_"), v] as [string, string]),
    ...settings
      .split(",")
      .filter((p) => p.includes("="))
      .map(
        (p) =>
          [
            p.slice(0, p.indexOf("=")).toLowerCase(),
            p.slice(p.indexOf("=") + 1).replace(/^["']|["']$/g, ""),
          ] as [string, string],
      ),
  ]);
  const host = given.get("host") ?? given.get("url");
  if (type === "s3" && path.split("/")[0] !== "") {
    const store = given.get("provider")?.toLowerCase() === "alibaba" ? "oss" : "s3";
    return bucketUpload(
      "rclone",
      store,
      `${store}://${path}`,
      given.get("region"),
      given.get("endpoint"),
    );
  }
  if (["sftp", "ftp", "webdav", "http", "smb"].includes(type) && host !== undefined) {
    const at = /^[a-z]+:\/\//i.test(host) ? hostOfUrl(host) : host;
    return at === undefined ? undefined : hostUpload("rclone", at, destination);
  }
  return { ...nothing("rclone"), remotes: [{ kind: "rclone remote", name }] };
}

/** An endpoint as a URL (`minio.example.de` as `https://minio.example.de`). */
const withScheme = (endpoint: string) =>
  /^[a-z]+:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`;

/** A URL's host, undefined when it is none. */
function hostOfUrl(url: string): string | undefined {
  if (built(url)) {
    return url;
  }
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, "");
  } catch {
    return undefined;
  }
}

/** An Amazon S3 endpoint's host: global, regional, dual-stack, FIPS, of any partition. */
const awsS3Endpoint = /(?:^|\.)s3(?:[.-][\w-]+)*\.amazonaws\.com(?:\.cn)?$/i;

/** The options of the MinIO client (mc) that take a value. */
const mcValued: ReadonlySet<string> = new Set([
  ...["-C", "--config-dir", "--attr", "--storage-class", "--encrypt-key", "--tags"],
  ...["--limit-upload", "--limit-download", "--newer-than", "--older-than", "--exclude"],
  ...["--rewind", "--version-id", "--enc-c", "--enc-kms", "--enc-s3", "--region"],
  ...["--checksum", "--exclude-bucket", "--exclude-storageclass", "--retention-mode"],
  ...["--retention-duration", "--legal-hold", "--max-workers"],
  // `mc alias set`'s.
  ...["--api", "--path"],
]);

/**
 * `mc cp|mirror|mv|put <source>… <alias>/<bucket>/…` (`mc pipe <alias>/…`, its input) (the MinIO
 * client): an upload to the server the alias is configured for. One the script configures before
 * the line (`mc alias set`, `mc config host add`, `MC_HOST_<alias>=`, `scriptEnvironment`) is an
 * upload to its URL's host, as curl's to that URL; one configured elsewhere, or to a URL built at
 * run time, the line does not place, so it cannot be placed. A copy to a local path (`/data`,
 * `./x`, `.`, a directory `dir/` with no bucket after it) and `--dry-run` send nothing.
 */
function minioCopy(o: Options, environment: Environment): Upload | undefined {
  const [verb, ...paths] = o.operands;
  const destination = paths.at(-1);
  if (
    !["cp", "mirror", "mv", "put", "pipe"].includes(verb ?? "") ||
    paths.length < (verb === "pipe" ? 1 : 2) ||
    destination === undefined ||
    o.given.has("--dry-run")
  ) {
    return undefined;
  }
  const alias = /^([A-Za-z0-9][\w.-]*)\/[^/]/.exec(destination)?.[1];
  if (alias === undefined) {
    return undefined;
  }
  if (built(destination)) {
    return { ...nothing("mc"), unread: [destination] };
  }
  // mc's URL may carry the keys (`https://KEY:SECRET@host:9000`), built at run time or not.
  const url = environment.get(`MC_HOST_${alias}`)?.replace(/^([a-z][\w+.-]*:\/\/)[^/]*@/i, "$1");
  const host = url === undefined || built(url) ? undefined : hostOfUrl(url);
  const bucket = /^[^/]+\/([^/]+)/.exec(destination)?.[1];
  if (host !== undefined && awsS3Endpoint.test(host) && bucket !== undefined) {
    // An alias to Amazon S3: mc asks where the bucket is and sends to that region, as the AWS
    // CLI does, so the endpoint places only the request; the bucket is judged as `aws s3 cp`'s.
    return {
      ...nothing("mc"),
      buckets: [{ store: "s3", bucket, written: destination, endpoint: host }],
    };
  }
  return host !== undefined && host !== ""
    ? hostUpload("mc", host, destination)
    : { ...nothing("mc"), remotes: [{ kind: "mc alias", name: alias }] };
}

/** The options of gsutil (before and after its command) that take a value. */
const gsutilValued: ReadonlySet<string> = new Set(
  ["o", "h", "u", "i", "a", "j", "L", "s", "z", "x", "y", "p"].map((f) => `-${f}`),
);

/** The options of `gcloud storage` that take a value. */
const gcloudValued: ReadonlySet<string> = new Set([
  ...["--project", "--billing-project", "--impersonate-service-account", "--account"],
  ...["--configuration", "--storage-class", "--predefined-acl", "--content-type"],
  ...["--cache-control", "--custom-metadata", "--exclude", "--encryption-key"],
  ...["--verbosity", "--format", "--manifest-path", "--additional-headers", "--flags-file"],
  ...["--trace-token"],
]);

/**
 * `gsutil [-m] cp|mv|rsync <source>… gs://bucket/…` (`gcloud storage cp|mv|rsync …`): an upload to
 * a Cloud Storage bucket, whose location the line does not say, so it cannot be placed. A copy to
 * a local path (a download) and rsync's dry run (`-n`, `--dry-run`) send nothing.
 */
function gcsCopy(tool: "gsutil" | "gcloud storage", o: Options): Upload | undefined {
  const [verb, ...paths] = o.operands;
  const destination = paths.at(-1);
  const dry = verb === "rsync" && (o.given.has("-n") || o.given.has("--dry-run"));
  if (
    !["cp", "mv", "rsync"].includes(verb ?? "") ||
    paths.length < 2 ||
    !destination?.startsWith("gs://") ||
    dry
  ) {
    return undefined;
  }
  const bucket = destination.slice("gs://".length).split("/")[0];
  return bucket === "" || built(bucket)
    ? { ...nothing(tool), unread: [destination] }
    : { ...nothing(tool), remotes: [{ kind: "Cloud Storage bucket", name: bucket }] };
}

/** The options of azcopy that take a value. */
const azcopyValued: ReadonlySet<string> = new Set([
  ...["--from-to", "--include-pattern", "--exclude-pattern", "--include-path"],
  ...["--exclude-path", "--log-level", "--block-size-mb", "--cap-mbps", "--blob-type"],
  ...["--overwrite", "--list-of-files", "--metadata", "--content-type", "--output-type"],
  ...["--include-after", "--include-before", "--block-blob-tier", "--page-blob-tier"],
  ...["--cache-control", "--content-encoding", "--content-disposition", "--blob-tags"],
  ...["--content-language", "--check-md5", "--compare-hash", "--delete-destination"],
  ...["--exclude-regex", "--include-regex", "--trusted-microsoft-suffixes"],
]);

/**
 * `azcopy copy|cp|sync <source> https://<account>.blob.core.windows.net/…`: an upload to the
 * storage account's host, placed as any host is. A copy to a local path (a download) and
 * `--dry-run` send nothing.
 */
function azureCopy(o: Options): Upload | undefined {
  const [verb, source, destination] = o.operands;
  if (
    !["copy", "cp", "sync"].includes(verb ?? "") ||
    source === undefined ||
    destination === undefined ||
    o.given.has("--dry-run")
  ) {
    return undefined;
  }
  const host = /^https?:\/\//i.test(destination) ? hostOfUrl(destination) : undefined;
  // The destination as written, its query (a SAS token, a credential) left out.
  return host === undefined
    ? undefined
    : hostUpload("azcopy", host, destination.replace(/\?.*$/, ""));
}

/** The options of s3cmd that take a value. */
const s3cmdValued: ReadonlySet<string> = new Set([
  ...["-c", "--config", "--access_key", "--secret_key", "--access_token", "--host"],
  ...["--host-bucket", "--region", "--bucket-location", "--exclude", "--include"],
  ...["--rexclude", "--rinclude", "--exclude-from", "--include-from", "--rexclude-from"],
  ...["--rinclude-from", "-m", "--mime-type", "--add-header", "--storage-class"],
  ...["--encoding", "--multipart-chunk-size-mb", "--limit-rate", "--kms-key"],
  ...["--cache-file", "--ca-certs", "--add-encoding-exts", "--expiry-date"],
  ...["--expiry-days", "--expiry-prefix", "--acl-grant", "--acl-revoke", "--ssl-client-key-file"],
  ...["--ssl-client-cert-file", "--stats-interval", "--max-delete"],
]);

/**
 * `s3cmd put|sync|cp|mv <source>… s3://bucket/…`: an upload to the bucket, placed by its
 * `--region` (`--bucket-location`) or `--host` endpoint as `aws s3 cp`'s is; a download and
 * `--dry-run` send nothing.
 */
function s3cmdCopy(o: Options): Upload | undefined {
  const [verb, ...paths] = o.operands;
  const destination = paths.at(-1);
  if (
    !["put", "sync", "cp", "mv"].includes(verb ?? "") ||
    paths.length < 2 ||
    !destination?.startsWith("s3://") ||
    o.given.has("--dry-run") ||
    o.given.has("-n")
  ) {
    return undefined;
  }
  const region = optionValue(o, "--region", "--bucket-location");
  return bucketUpload("s3cmd", "s3", destination, region, optionValue(o, "--host"));
}

/** The options of s5cmd (before and after its command) that take a value. */
const s5cmdValued: ReadonlySet<string> = new Set([
  ...["--endpoint-url", "--numworkers", "--retry-count", "-r", "--log", "--profile"],
  ...["--credentials-file", "--request-payer", "--storage-class", "--concurrency", "-c"],
  ...["--part-size", "-p", "--content-type", "--content-encoding", "--content-disposition"],
  ...["--cache-control", "--expires", "--sse", "--sse-kms-key-id", "--acl", "--exclude"],
  ...["--include", "--source-region", "--destination-region", "--metadata"],
]);

/**
 * `s5cmd [options] cp|mv|sync <source>… s3://bucket/…` (`s5cmd pipe s3://…`, its input): an upload
 * to the bucket, placed by its `--destination-region` or `--endpoint-url`; a download and
 * `--dry-run` send nothing.
 */
function s5cmdCopy(o: Options, assigned: string | undefined): Upload | undefined {
  const [verb, ...paths] = o.operands;
  const destination = paths.at(-1);
  if (
    !["cp", "mv", "sync", "pipe"].includes(verb ?? "") ||
    paths.length < (verb === "pipe" ? 1 : 2) ||
    !destination?.startsWith("s3://") ||
    o.given.has("--dry-run")
  ) {
    return undefined;
  }
  const region = optionValue(o, "--destination-region") ?? assigned;
  return bucketUpload("s5cmd", "s3", destination, region, optionValue(o, "--endpoint-url"));
}

/** The options of `az storage blob` that take a value. */
const azValued: ReadonlySet<string> = new Set([
  ...["--account-name", "--account-key", "--connection-string", "--blob-endpoint", "--sas-token"],
  ...["--auth-mode", "-c", "--container-name", "-n", "--name", "-f", "--file", "-s"],
  ...["--source", "-d", "--destination", "--pattern", "--type", "--tier", "--content-type"],
  ...["--metadata", "--max-connections", "--output", "-o", "--query", "--subscription"],
  ...["--destination-path", "--exclude-path", "--exclude-pattern", "--include-pattern"],
  ...["--content-encoding", "--content-cache-control", "--if-match", "--if-none-match"],
  ...["--lease-id", "--timeout", "--overwrite", "--data", "--encryption-scope"],
]);

/**
 * `az storage blob upload|upload-batch|sync …`: an upload to the storage account's host — by
 * `--account-name` (`<account>.blob.core.windows.net`), `--blob-endpoint`, or the
 * `BlobEndpoint`/`AccountName` of `--connection-string` (an `AZURE_STORAGE_ACCOUNT=` before the
 * command too). One the line does not name cannot be placed; `--dryrun` sends nothing.
 */
function azBlobUpload(
  verb: string | undefined,
  o: Options,
  assignments: readonly string[],
): Upload | undefined {
  if (!["upload", "upload-batch", "sync"].includes(verb ?? "") || o.given.has("--dryrun")) {
    return undefined;
  }
  const assigned = (name: string) =>
    assignments.find((w) => w.startsWith(`${name}=`))?.slice(name.length + 1);
  const endpoint = optionValue(o, "--blob-endpoint");
  const connection =
    optionValue(o, "--connection-string") ?? assigned("AZURE_STORAGE_CONNECTION_STRING");
  const account = optionValue(o, "--account-name") ?? assigned("AZURE_STORAGE_ACCOUNT");
  if (endpoint !== undefined) {
    const host = hostOfUrl(endpoint);
    return host === undefined ? undefined : hostUpload("az storage blob", host, endpoint);
  }
  if (connection !== undefined) {
    const field = (key: string) =>
      new RegExp(`(?:^|;)\\s*${key}=([^;]+)`, "i").exec(connection)?.[1].trim();
    const blob = field("BlobEndpoint");
    const name = field("AccountName");
    const host =
      blob !== undefined
        ? hostOfUrl(blob)
        : name !== undefined
          ? `${name}.blob.${field("EndpointSuffix") ?? "core.windows.net"}`
          : undefined;
    return host === undefined
      ? { ...nothing("az storage blob"), unread: ["--connection-string"] }
      : hostUpload("az storage blob", host, host);
  }
  if (account !== undefined) {
    const host = `${account}.blob.core.windows.net`;
    return hostUpload("az storage blob", host, host);
  }
  return {
    ...nothing("az storage blob"),
    remotes: [{ kind: "Azure storage account", name: "" }],
  };
}

/** The options of socat that take a value. */
const socatValued: ReadonlySet<string> = new Set(["-b", "-T", "-t", "-d", "-lf", "-L", "-W"]);

/**
 * `socat [-u] <address> TCP:<host>:<port>` (`TCP4:`, `TCP6:`, `OPENSSL:`, `UDP:` and their
 * `-CONNECT`/`-SENDTO` forms): a connection that sends what the other address reads, to the host
 * — in both directions unless `-u` (first to second) or `-U` (second to first) says which. A
 * listening address (`TCP-LISTEN:`) sends nothing of its own.
 */
function socatSend(o: Options): Upload | undefined {
  const [first, second] = o.operands;
  if (first === undefined || second === undefined) {
    return undefined;
  }
  const receiving = o.given.has("-u") ? [second] : o.given.has("-U") ? [first] : [first, second];
  for (const address of receiving) {
    const to =
      /^(?:tcp[46]?|tcp[46]?-connect|openssl|openssl-connect|ssl|udp[46]?|udp[46]?-(?:connect|sendto)):(\[[^\]]+\]|[^:,]+):/i.exec(
        address,
      );
    if (to !== null) {
      return hostUpload("socat", to[1].replace(/^\[|\]$/g, ""), address.replace(/,.*$/, ""));
    }
  }
  return undefined;
}

/** The options of ossutil (and `aliyun oss`) that take a value. */
const ossValued: ReadonlySet<string> = new Set([
  ...["-e", "--endpoint", "--region", "-c", "--config-file", "-i", "--access-key-id"],
  ...["-k", "--access-key-secret", "-t", "--sts-token", "-p", "--profile", "--mode"],
  ...["--include", "--exclude", "-j", "--jobs", "--parallel", "--part-size", "--meta"],
  ...["--acl", "-L", "--language", "--loglevel", "--checkpoint-dir", "--output-dir"],
  ...["--snapshot-path", "--payer", "--bigfile-threshold", "--encoding-type", "--tagging"],
  ...["--maxupspeed", "--maxdownspeed", "--version-id", "--sign-version", "--retry-times"],
  ...["--proxy-host", "--proxy-user", "--proxy-pwd", "--storage-class", "--start-time"],
  ...["--end-time", "--content-type", "--cache-control", "--read-timeout"],
  ...["--connect-timeout", "--metadata", "--filter", "--include-from", "--exclude-from"],
]);

/** `ossutil cp|sync <source> oss://bucket/…` (and `aliyun oss cp …`): an upload to the bucket. */
function ossCopy(tool: "ossutil" | "aliyun oss", rest: readonly string[]): Upload | undefined {
  const o = optionsOf(rest, ossValued);
  const [verb, source, destination] = o.operands;
  if (
    !["cp", "sync"].includes(verb ?? "") ||
    source === undefined ||
    destination === undefined ||
    !destination.startsWith("oss://") ||
    o.given.has("--dry-run") ||
    o.given.has("--dryrun")
  ) {
    return undefined;
  }
  const endpoint = optionValue(o, "-e", "--endpoint");
  return bucketUpload(tool, "oss", destination, optionValue(o, "--region"), endpoint);
}

/** An upload to the bucket of `destination` (`s3://bucket/key`). */
function bucketUpload(
  tool: UploadTool,
  store: "s3" | "oss",
  destination: string,
  region: string | undefined,
  endpoint: string | undefined,
): Upload {
  const path = destination.slice(`${store}://`.length);
  // An S3 access point's ARN holds slashes of its own (`arn:aws:s3:…:accesspoint/name/key`).
  const bucket = path.startsWith("arn:")
    ? path.split("/").slice(0, 2).join("/")
    : path.split("/")[0];
  if (bucket === "" || built(bucket) || (endpoint !== undefined && built(endpoint))) {
    return { ...nothing(tool), unread: [destination] };
  }
  const target: BucketTarget = {
    store,
    bucket,
    written: destination,
    ...(region !== undefined && !built(region) ? { region } : {}),
    ...(endpoint !== undefined ? { endpoint } : {}),
  };
  return { ...nothing(tool), buckets: [target] };
}

/** The options of scp that take a value. */
const scpValued: ReadonlySet<string> = new Set(
  ["c", "D", "F", "i", "J", "l", "o", "P", "S", "X"].map((f) => `-${f}`),
);

/** The options of rsync that take a value. */
const rsyncValued: ReadonlySet<string> = new Set([
  ...["-e", "-f", "-B", "-T", "-M", "-@"],
  ...["--rsh", "--rsync-path", "--exclude", "--include", "--filter", "--exclude-from"],
  ...["--include-from", "--files-from", "--password-file", "--port", "--log-file"],
  ...["--log-file-format", "--out-format", "--bwlimit", "--timeout", "--contimeout"],
  ...["--chmod", "--chown", "--temp-dir", "--partial-dir", "--backup-dir", "--suffix"],
  ...["--compare-dest", "--copy-dest", "--link-dest", "--max-size", "--min-size"],
  ...["--modify-window", "--sockopts", "--address", "--info", "--debug", "--usermap"],
  ...["--groupmap", "--iconv", "--checksum-choice", "--compress-choice"],
  ...["--compress-level", "--skip-compress", "--block-size", "--max-delete", "--outbuf"],
  ...["--remote-option", "--stop-after", "--stop-at", "--write-batch"],
  ...["--only-write-batch", "--read-batch", "--protocol", "--max-alloc"],
]);

/**
 * The host of a remote operand of scp or rsync — `[user@]host:path`, `[user@][v6]:path`,
 * `scp://[user@]host[:port]/path`, rsync's `host::module` and `rsync://host/…` — undefined for a
 * local path (a colon after a slash is a local name's).
 */
function remoteHost(operand: string, rsync: boolean): string | undefined {
  const url = /^([a-z]+):\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^/:]+)/i.exec(operand);
  if (url !== null) {
    return url[1] === "scp" || (rsync && url[1] === "rsync") ? url[2] : undefined;
  }
  const scpLike = /^(?:[^@/:]*@)?(\[[^\]]+\]|[^/:[\]]+):/.exec(operand);
  // A Windows drive (`C:/backup`, `D:\\dumps`) is a local path: one letter, no user before it.
  if (scpLike === null || /^[a-z]:/i.test(operand)) {
    return undefined;
  }
  return scpLike[1];
}

/**
 * `scp|rsync <source>… <destination>`: an upload to the host of a remote destination; a copy to
 * a local path (a download, a local copy) sends nothing.
 */
function remoteCopy(tool: "scp" | "rsync", o: Options, rsync: boolean): Upload | undefined {
  if (o.operands.length < 2) {
    return undefined;
  }
  const destination = o.operands[o.operands.length - 1];
  const host = remoteHost(destination, rsync)?.replace(/^\[|\]$/g, "");
  if (host === undefined) {
    return undefined;
  }
  return hostUpload(tool, host, destination);
}

/**
 * An scp's or rsync's upload with what its ssh options make of the connection: `-o HostName=…`
 * connects to another host than the line's, `-o ProxyJump=…` and `-J …` pass through a jump host
 * (which sees what is sent), `-o ProxyCommand=…` through a command the line does not place;
 * rsync's `-e` / `--rsh` ssh command is read for the same.
 */
function viaSsh(upload: Upload | undefined, words: readonly string[]): Upload | undefined {
  if (upload === undefined) {
    return undefined;
  }
  const options: string[] = [];
  const read = (ws: readonly string[]) => {
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i];
      if (w === "-o" || w === "-J") {
        options.push(`${w === "-J" ? "ProxyJump=" : ""}${ws[++i] ?? ""}`);
      } else if (/^-o./.test(w)) {
        options.push(w.slice(2));
      } else if (/^-J./.test(w)) {
        options.push(`ProxyJump=${w.slice(2)}`);
      } else if (w === "-e" || w === "--rsh") {
        read(wordsOf(ws[++i] ?? ""));
      } else if (w.startsWith("--rsh=")) {
        read(wordsOf(w.slice("--rsh=".length)));
      }
    }
  };
  read(words);
  let hosts = upload.hosts;
  const unread = [...upload.unread];
  for (const option of options) {
    const [, key, value] = /^\s*(\w+)\s*[= ]\s*(.*)$/.exec(option) ?? [];
    const name = key?.toLowerCase();
    if (name === "hostname" && value !== undefined && value !== "") {
      hosts = built(value) ? [] : [value.toLowerCase()];
      if (built(value)) {
        unread.push(option);
      }
    } else if (name === "proxyjump" && value !== undefined && value.toLowerCase() !== "none") {
      for (const jump of value.split(",")) {
        const host = sshHost(jump);
        if (host !== undefined) {
          hosts = [...hosts, host.toLowerCase()];
        }
      }
    } else if (name === "proxycommand" && value !== undefined && value.toLowerCase() !== "none") {
      unread.push(option);
    }
  }
  return hosts === upload.hosts && unread.length === upload.unread.length
    ? upload
    : { ...upload, hosts, unread };
}

/**
 * The host of an ssh destination — `[user@]host[:port]`, `[user@][v6]`, `ssh://[user@]host[:port]`
 * — as ssh and a jump host's list (`-J a,b`) write it.
 */
function sshHost(destination: string): string | undefined {
  return /^(?:ssh:\/\/)?(?:[^@]*@)?(\[[^\]]+\]|[^:/]+)/
    .exec(destination)?.[1]
    ?.replace(/^\[|\]$/g, "");
}

/** The options of ssh that take a value. */
const sshValued: ReadonlySet<string> = new Set(
  [
    "b",
    "c",
    "D",
    "E",
    "e",
    "F",
    "I",
    "i",
    "J",
    "L",
    "l",
    "m",
    "O",
    "o",
    "p",
    "Q",
    "R",
    "S",
    "W",
    "w",
  ].map((f) => `-${f}`),
);

/**
 * `ssh -L|-R|-D|-W … [user@]host`: a tunnel, which carries what the machine sends into it — a
 * later upload to `localhost:<port>`, a SOCKS proxy's traffic, a remote end's reads of a local
 * port — to the server, and on to the host a local forward names (`-L 9000:collector:9000`).
 * A plain `ssh host command` sends only its command and is not read.
 */
function sshTunnel(words: readonly string[]): Upload | undefined {
  const o = optionsOf(words, sshValued);
  const forwards = words.flatMap((w, i) => {
    const option = /^-([LRDW])(.*)$/.exec(w);
    if (option !== null) {
      return [{ kind: option[1], spec: option[2] !== "" ? option[2] : (words[i + 1] ?? "") }];
    }
    const named = /^-o(.*)$/.exec(w)?.[1] || (w === "-o" ? words[i + 1] : undefined);
    const fwd =
      named === undefined ? null : /^\s*(Local|Remote|Dynamic)Forward[\s=]+(.*)$/i.exec(named);
    return fwd === null
      ? []
      : [{ kind: fwd[1][0].toUpperCase(), spec: fwd[2].replace(/\s+/g, ":") }];
  });
  const server = o.operands[0];
  if (forwards.length === 0 || server === undefined) {
    return undefined;
  }
  const host = sshHost(server) ?? server;
  // A local forward's target: `[bind:]port:host:hostport`, the host before its port.
  const targets = forwards
    .filter((f) => f.kind === "L")
    .flatMap((f) => {
      const parts = f.spec.split(":");
      return parts.length >= 3 ? [parts[parts.length - 2].replace(/^\[|\]$/g, "")] : [];
    })
    .filter((t) => t !== "" && t !== "localhost" && t !== "127.0.0.1");
  const upload = hostUpload("ssh", host, server);
  return { ...upload, hosts: [...upload.hosts, ...targets.map((t) => t.toLowerCase())] };
}

/** The options of netcat (OpenBSD's, traditional, ncat) that take a value. */
const ncValued: ReadonlySet<string> = new Set([
  ...["-w", "-p", "-s", "-i", "-q", "-x", "-X", "-O", "-I", "-T", "-V", "-e", "-c", "-P"],
  ...["--proxy", "--proxy-type", "--proxy-auth", "--source-port", "--wait", "--idle-timeout"],
  ...["--exec", "--sh-exec", "--lua-exec", "--output", "--hex-dump", "--source"],
]);

/** `nc [options] host port`: a connection that sends what it is given, to the host. */
function netcatSend(o: Options): Upload | undefined {
  const listens = ["-l", "--listen", "-z", "-U", "--unixsock"].some((f) => o.given.has(f));
  const [host, port] = o.operands;
  if (listens || host === undefined || port === undefined) {
    return undefined;
  }
  return hostUpload("nc", host, host);
}

/** An upload to `host`, which the line writes in `destination`; unread when built at run time. */
function hostUpload(tool: UploadTool, host: string, destination: string): Upload {
  return built(host)
    ? { ...nothing(tool), unread: [destination] }
    : { ...nothing(tool), hosts: [host.toLowerCase()] };
}
