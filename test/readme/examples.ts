/**
 * The examples of README.md, read with a CommonMark parser (markdown-it) and the `readme-test`
 * annotation that precedes each code block. The grammar (an HTML comment, which GitHub does not
 * render, on the lines right before the block):
 *
 *   <!-- readme-test: skip — <why> -->          illustrative: reported as a skipped test
 *   <!-- readme-test: run [with <dir>/ from <fixture dir>/]
 *     <command start> → <outcome>                 one line per command of the block, in order
 *   -->
 *   <!-- readme-test: file <path>, for the next block -->
 *   <!-- readme-test: policy-config for <command> → <outcome> -->
 *   <!-- readme-test: stdout of <command> → <outcome> -->     (or stderr of)
 *   <!-- readme-test: shape of <command> -->
 *   <!-- readme-test: paths exist -->
 *
 * `run` (sh blocks) runs each command of the block (lines joined at `\`, split at `&&`) in a
 * fresh copy of the project (its Pulumi.yaml and stack files; the program stays here), where
 * files the commands write land; `with` copies a fixture folder into it, `file` adds the next
 * block's file to it. A command's line names how it starts (without `npx sovereign-dc`) and
 * its outcome, or `skip — <why>` for one that cannot run offline (`pulumi …`, `npm ci`).
 * `npx sovereign-dc …` runs as the CLI, `npm start` as its package.json script, `| jq <filter>`
 * on the CLI's stdout and `> file` into the copy.
 *
 * An outcome is clauses separated by commas: `exit N`, `stdout has "…"`, `stderr has "…"`,
 * `stdout is "…"` (whole, trimmed), `<file> has "…"` and `writes <file>` (in the copy); text in
 * "…" or '…'. `policy-config for` runs the command with the block as its `--policy-config`.
 * `stdout of` / `stderr of` runs the command from the repository root: every line of the block
 * must appear in that stream, in order, `…` standing for any text. `shape of` runs it and
 * compares the block (a JSON document) with the real one key by key: the same keys at every
 * level, each array's elements shaped as the block's first element, `{ "…": "…" }` for any
 * object. `paths exist`: every file or folder the block names exists in the repository.
 */
import MarkdownIt from "markdown-it";

export interface Outcome {
  readonly exit?: number;
  readonly stdoutHas: readonly string[];
  readonly stderrHas: readonly string[];
  readonly stdoutIs?: string;
  readonly fileHas: readonly { readonly file: string; readonly text: string }[];
  readonly writes: readonly string[];
}

/** One command of a shell block: pipeline stages of words, and where stdout is redirected. */
export interface ShellCommand {
  /** The command as the README shows it (comment dropped, words unquoted). */
  readonly text: string;
  readonly stages: readonly (readonly string[])[];
  readonly redirect?: string;
}

export type RunStep =
  | { readonly command: ShellCommand; readonly skip: string }
  | { readonly command: ShellCommand; readonly outcome: Outcome };

export type Annotation =
  | { readonly kind: "skip"; readonly why: string }
  | {
      readonly kind: "run";
      readonly copies: readonly { readonly to: string; readonly from: string }[];
      readonly steps: readonly RunStep[];
    }
  | { readonly kind: "file"; readonly path: string }
  | { readonly kind: "policy-config"; readonly args: readonly string[]; readonly outcome: Outcome }
  | {
      readonly kind: "output";
      readonly stream: "stdout" | "stderr";
      readonly args: readonly string[];
      readonly outcome: Outcome;
    }
  | { readonly kind: "shape"; readonly args: readonly string[] }
  | { readonly kind: "paths" };

export interface Example {
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** The fence's info string ("sh", "json", "" …). */
  readonly lang: string;
  readonly content: string;
  /** Undefined when the block has no annotation. */
  readonly annotation?: Annotation;
  /** Why the annotation could not be read. */
  readonly error?: string;
}

export interface Readme {
  readonly examples: readonly Example[];
  /** Lines of annotations that no code block follows. */
  readonly dangling: readonly number[];
}

const marker = /^<!--\s*readme-test:([\s\S]*?)-->\s*$/;

export function readReadme(text: string): Readme {
  const tokens = new MarkdownIt({ html: true }).parse(text, {});
  const examples: Example[] = [];
  const dangling: number[] = [];
  tokens.forEach((token, i) => {
    const line = (token.map?.[0] ?? 0) + 1;
    if (token.type === "html_block" && token.content.includes("readme-test")) {
      const next = tokens[i + 1];
      if (next?.type !== "fence" && next?.type !== "code_block") {
        dangling.push(line);
      }
      return;
    }
    if (token.type !== "fence" && token.type !== "code_block") {
      return;
    }
    const lang = token.type === "fence" ? token.info.trim() : "(indented)";
    const previous = tokens[i - 1];
    const found = previous?.type === "html_block" ? marker.exec(previous.content) : null;
    if (found === null) {
      examples.push({ line, lang, content: token.content });
      return;
    }
    try {
      const annotation = readAnnotation(found[1], lang === "sh" ? token.content : undefined);
      examples.push({ line, lang, content: token.content, annotation });
    } catch (e) {
      examples.push({ line, lang, content: token.content, error: (e as Error).message });
    }
  });
  return { examples, dangling };
}

const skipClause = /^skip\s*(?:—|-|:)\s*(.+)$/s;

/** `what → outcome`, split at the first arrow (quoted outcomes may hold arrows of their own). */
function atArrow(text: string): [string, string | undefined] {
  const m = /\s+(?:→|->)\s+/.exec(text);
  return m ? [text.slice(0, m.index), text.slice(m.index + m[0].length)] : [text, undefined];
}

function readAnnotation(body: string, shell: string | undefined): Annotation {
  const [head = "", ...rest] = body
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const run = /^run(?:\s+with\s+(\S+)\s+from\s+(\S+))?$/.exec(head);
  if (run) {
    if (shell === undefined) {
      throw new Error("`run` annotates a ```sh block.");
    }
    const commands = readShell(shell);
    if (rest.length !== commands.length) {
      throw new Error(
        `the block has ${commands.length} command(s) and the annotation ${rest.length} line(s); ` +
          "give each command a line `<command start> → <outcome>` or `… → skip — <why>`.",
      );
    }
    const steps = commands.map((command, k): RunStep => {
      const [label, outcome] = atArrow(rest[k]);
      const shown = command.text.replace(/^npx sovereign-dc /, "");
      if (outcome === undefined || !shown.startsWith(label)) {
        throw new Error(
          `line ${k + 1} of the annotation, "${rest[k]}", must start with the start of command ${k + 1}, "${shown}", then → and its outcome.`,
        );
      }
      const skipped = skipClause.exec(outcome);
      return skipped
        ? { command, skip: skipped[1] }
        : { command, outcome: readOutcome(outcome, true) };
    });
    return { kind: "run", copies: run[1] ? [{ to: run[1], from: run[2] }] : [], steps };
  }
  // Any other annotation is one statement, which may wrap over several lines.
  return readStatement([head, ...rest].join(" "));
}

function readStatement(head: string): Annotation {
  const skip = skipClause.exec(head);
  if (skip) {
    return { kind: "skip", why: skip[1] };
  }
  const file = /^file\s+(\S+),\s*for the next block$/.exec(head);
  if (file) {
    return { kind: "file", path: file[1] };
  }
  const [what, outcome] = atArrow(head);
  const policy = /^policy-config for\s+(.+)$/.exec(what);
  if (policy && outcome !== undefined) {
    return { kind: "policy-config", args: words(policy[1]), outcome: readOutcome(outcome, true) };
  }
  const output = /^(stdout|stderr) of\s+(.+)$/.exec(what);
  if (output && outcome !== undefined) {
    return {
      kind: "output",
      stream: output[1] as "stdout" | "stderr",
      args: words(output[2]),
      outcome: readOutcome(outcome, true),
    };
  }
  const shape = /^shape of\s+(.+)$/.exec(head);
  if (shape) {
    return { kind: "shape", args: words(shape[1]) };
  }
  if (head === "paths exist") {
    return { kind: "paths" };
  }
  throw new Error(
    `cannot read "${head}": expected skip — <why>, run, file <path>, policy-config for <command> → <outcome>, ` +
      "stdout of <command> → <outcome>, shape of <command> or paths exist.",
  );
}

function readOutcome(text: string, needsExit: boolean): Outcome {
  const outcome = {
    exit: undefined as number | undefined,
    stdoutHas: [] as string[],
    stderrHas: [] as string[],
    stdoutIs: undefined as string | undefined,
    fileHas: [] as { file: string; text: string }[],
    writes: [] as string[],
  };
  for (const clause of splitClauses(text)) {
    let m: RegExpExecArray | null;
    if ((m = /^exit (\d+)$/.exec(clause))) {
      outcome.exit = Number(m[1]);
    } else if ((m = /^(stdout|stderr) (has|is) ("[^"]*"|'[^']*')$/.exec(clause))) {
      const quoted = m[3].slice(1, -1);
      if (m[2] === "is") {
        outcome.stdoutIs = quoted;
      } else {
        (m[1] === "stdout" ? outcome.stdoutHas : outcome.stderrHas).push(quoted);
      }
    } else if ((m = /^(\S+) has ("[^"]*"|'[^']*')$/.exec(clause))) {
      outcome.fileHas.push({ file: m[1], text: m[2].slice(1, -1) });
    } else if ((m = /^writes (\S+)$/.exec(clause))) {
      outcome.writes.push(m[1]);
    } else {
      throw new Error(
        `cannot read the outcome "${clause}": expected exit N, stdout has "…", stderr has "…", ` +
          'stdout is "…", <file> has "…" or writes <file>.',
      );
    }
  }
  if (needsExit && outcome.exit === undefined) {
    throw new Error(`the outcome "${text}" names no exit code (exit N).`);
  }
  return outcome;
}

/** Clauses separated by commas outside quotes. */
function splitClauses(text: string): string[] {
  const clauses: string[] = [];
  let current = "";
  let quote: string | undefined;
  for (const ch of text) {
    if (quote !== undefined) {
      quote = ch === quote ? undefined : quote;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === ",") {
      clauses.push(current.trim());
      current = "";
      continue;
    }
    current += ch;
  }
  clauses.push(current.trim());
  return clauses.filter((c) => c !== "");
}

function words(text: string): readonly string[] {
  const [command] = readShell(text);
  if (command.stages.length !== 1 || command.redirect !== undefined) {
    throw new Error(`"${text}": give one command, without pipes or redirects.`);
  }
  return command.stages[0];
}

/**
 * The commands of a shell block: the subset of POSIX shell the README uses — words, '…' and
 * "…" quoting, `\` line continuations, `#` comments, `&&`, `|` and `> file`. Anything else
 * (variables, `;`, substitutions) is refused, so an example never runs other than it reads.
 */
export function readShell(text: string): ShellCommand[] {
  const commands: ShellCommand[] = [];
  for (const line of text.replace(/\\\n/g, " ").split("\n")) {
    const tokens = tokenize(line);
    let stages: string[][] = [[]];
    let redirect: string | undefined;
    const finish = () => {
      if (stages[0].length > 0) {
        const text = stages.map((s) => s.join(" ")).join(" | ");
        commands.push({ text: redirect ? `${text} > ${redirect}` : text, stages, redirect });
      }
      stages = [[]];
      redirect = undefined;
    };
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.op === "&&") {
        finish();
      } else if (t.op === "|") {
        stages.push([]);
      } else if (t.op === ">") {
        redirect = tokens[++i]?.word;
        if (redirect === undefined || i !== tokens.length - 1) {
          throw new Error(`"${line.trim()}": a redirect must end the command with a file name.`);
        }
      } else {
        stages[stages.length - 1].push(t.word!);
      }
    }
    finish();
  }
  return commands;
}

function tokenize(line: string): { word?: string; op?: string }[] {
  const tokens: { word?: string; op?: string }[] = [];
  let i = 0;
  while (i < line.length) {
    const ch = line[i];
    if (ch === " " || ch === "\t") {
      i++;
    } else if (ch === "#") {
      break;
    } else if (line.startsWith("&&", i)) {
      tokens.push({ op: "&&" });
      i += 2;
    } else if (ch === "|" || ch === ">") {
      tokens.push({ op: ch });
      i++;
    } else if (/[;&<$`(){}\\]/.test(ch)) {
      throw new Error(`"${line.trim()}": the README tests do not run shell syntax "${ch}".`);
    } else {
      let word = "";
      while (i < line.length && !/[\s|>&;<#]/.test(line[i])) {
        const q = line[i];
        if (q === '"' || q === "'") {
          const end = line.indexOf(q, i + 1);
          if (end < 0) {
            throw new Error(`"${line.trim()}": unterminated ${q}.`);
          }
          word += line.slice(i + 1, end);
          i = end + 1;
        } else if (/[$`\\]/.test(q)) {
          throw new Error(`"${line.trim()}": the README tests do not run shell syntax "${q}".`);
        } else {
          word += q;
          i++;
        }
      }
      tokens.push({ word });
    }
  }
  return tokens;
}
