/**
 * What a command line sends out, read the same wherever the pack meets one: a command the program
 * runs itself while it evaluates (engine/program-requests.ts) and a script a resource's compute
 * runs — an instance's user data, a container's command, an SSM Command document's `runCommand`
 * (policy/paths/references.ts). A curl or wget that sends data (an upload, a POST) sends it to the
 * URLs its line names; one that only downloads (`curl -fsSL https://get.docker.com | sh`) sends
 * nothing but its request, and is not read.
 */

/** An upload a command line makes: the tool, and the URLs its line names. */
export interface Upload {
  /** The tool that sends: `curl` or `wget`. */
  readonly tool: "curl" | "wget";
  /** The URLs the line names, as parsed; none when it names its destination otherwise. */
  readonly urls: readonly string[];
}

/**
 * Whether a curl or wget command sends data, and to which URLs its line names: curl's
 * `-d`/`--data…`, `-F`/`--form`, `-T`/`--upload-file`, `--json`, or a method other than GET and
 * HEAD (`-X POST`); wget's `--post-data`, `--post-file`, `--body-…` or `--method`. A download
 * sends nothing but its request: undefined.
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
  return { tool, urls };
}

/** The URLs a curl or wget command sends data to (see `uploadOf`); none for a download. */
export function sentUrls(command: string): string[] {
  return [...(uploadOf(command)?.urls ?? [])];
}

/**
 * The commands of a shell script, each on its own: lines (a line continued by a backslash is
 * one), and the commands a line chains or pipes (`;`, `&&`, `||`, `|`, `&`), outside quotes.
 */
export function commandsIn(script: string): string[] {
  const text = script.replace(/\\\r?\n/g, " ");
  const out: string[] = [];
  let current = "";
  let quote: string | undefined;
  for (const ch of text) {
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
    if (ch === "\n" || ch === ";" || ch === "|" || ch === "&") {
      out.push(current);
      current = "";
      continue;
    }
    current += ch;
  }
  out.push(current);
  return out.map((c) => c.trim()).filter((c) => c !== "");
}
