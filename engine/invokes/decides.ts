/**
 * Whether a program's callback may decide anything on the values it is given. Offline, a callback
 * on a value the engine cannot know runs on stand-ins (callbacks.ts), and a stand-in for a
 * resource's address names that resource, so that a copy to it is placed where the resource is.
 * That holds only while the callback builds text from its values and chooses nothing by them: a
 * comparison (`m === "dr" ? "backup.example.com" : ip`), a test of truth or type, a branch, a loop
 * or a call into code of the program's own picks one side offline, where the value is a stand-in,
 * and the other side — perhaps a destination abroad — is never seen. A stand-in notices a method
 * called on it or a property read from it, but not `===`, `typeof` or truthiness.
 *
 * So the callback's own source is read (acorn), and only a text builder is trusted: parameters,
 * destructured or not, constants, literals, template literals, `+`, property reads, and calls of a
 * few methods that only spell text (`trim`, `toLowerCase`, `join`, `Buffer.from(…).toString(…)`,
 * `JSON.stringify`). Anything else, or a source that does not parse (a method, a native or bound
 * function), may decide: its stand-ins name no resource, and the copy fails closed.
 */
import type * as Acorn from "acorn";

/** acorn, loaded on the first callback read: most evaluations hand no address to a callback. */
let acorn: typeof Acorn | undefined;

/** A node of acorn's ESTree, as far as the reading here needs it. */
interface Node {
  readonly type: string;
  readonly [key: string]: unknown;
}

/** Methods and functions that spell text from their receiver and arguments, choosing nothing. */
const spelling: ReadonlySet<string> = new Set([
  "trim",
  "trimStart",
  "trimEnd",
  "toLowerCase",
  "toUpperCase",
  "toLocaleLowerCase",
  "toLocaleUpperCase",
  "toString",
  "valueOf",
  "concat",
  "join",
  "from",
  "stringify",
  "String",
]);

/** The callbacks already read, by their source. */
const read = new Map<string, boolean>();

/** Whether callback `fn` may decide anything on the values it is given (see above). */
export function decides(fn: (...args: never[]) => unknown): boolean {
  const source = Function.prototype.toString.call(fn);
  let answer = read.get(source);
  if (answer === undefined) {
    answer = !textBuilder(source);
    read.set(source, answer);
  }
  return answer;
}

/** Whether `source`, a function's, parses as a function that only builds text. */
function textBuilder(source: string): boolean {
  let program: Node;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    acorn ??= require("acorn") as typeof Acorn;
    program = acorn.parse(`(${source})`, { ecmaVersion: "latest" }) as unknown as Node;
  } catch {
    return false;
  }
  const body = program.body as Node[];
  const statement = body.length === 1 ? body[0] : undefined;
  const fn = statement?.type === "ExpressionStatement" ? (statement.expression as Node) : undefined;
  if (
    fn === undefined ||
    (fn.type !== "ArrowFunctionExpression" && fn.type !== "FunctionExpression") ||
    fn.async === true ||
    fn.generator === true ||
    !(fn.params as Node[]).every(pattern)
  ) {
    return false;
  }
  const block = fn.body as Node;
  if (block.type !== "BlockStatement") {
    return pure(block);
  }
  const statements = block.body as Node[];
  const last = statements.at(-1);
  return (
    last?.type === "ReturnStatement" &&
    (last.argument === null || pure(last.argument as Node)) &&
    statements.slice(0, -1).every(declaration)
  );
}

/** A parameter or binding: a name, or a list or object destructured into names. */
function pattern(p: Node): boolean {
  switch (p.type) {
    case "Identifier":
      return true;
    case "ArrayPattern":
      return (p.elements as Array<Node | null>).every((e) => e === null || pattern(e));
    case "ObjectPattern":
      return (p.properties as Node[]).every(
        (q) => q.type === "Property" && q.computed !== true && pattern(q.value as Node),
      );
    default:
      return false;
  }
}

/** `const x = …` (or `let`, `var`) of text-building values, names or destructured. */
function declaration(s: Node): boolean {
  return (
    s.type === "VariableDeclaration" &&
    (s.declarations as Node[]).every(
      (d) => pattern(d.id as Node) && (d.init === null || pure(d.init as Node)),
    )
  );
}

/** An expression that builds text and chooses nothing. */
function pure(e: Node): boolean {
  switch (e.type) {
    case "Identifier":
    case "Literal":
    case "ThisExpression":
      return true;
    case "TemplateLiteral":
      return (e.expressions as Node[]).every(pure);
    case "BinaryExpression":
      return e.operator === "+" && pure(e.left as Node) && pure(e.right as Node);
    case "MemberExpression":
      return pure(e.object as Node) && (e.computed !== true || pure(e.property as Node));
    case "ArrayExpression":
      return (e.elements as Array<Node | null>).every(
        (x) => x !== null && (x.type === "SpreadElement" ? pure(x.argument as Node) : pure(x)),
      );
    case "ObjectExpression":
      return (e.properties as Node[]).every((p) =>
        p.type === "SpreadElement"
          ? pure(p.argument as Node)
          : p.type === "Property" &&
            p.kind === "init" &&
            (p.computed !== true || pure(p.key as Node)) &&
            pure(p.value as Node),
      );
    case "CallExpression": {
      const callee = e.callee as Node;
      const name =
        callee.type === "Identifier"
          ? (callee.name as string)
          : callee.type === "MemberExpression" && callee.computed !== true
            ? ((callee.property as Node).name as string)
            : undefined;
      return (
        name !== undefined &&
        spelling.has(name) &&
        (callee.type !== "MemberExpression" || pure(callee.object as Node)) &&
        (e.arguments as Node[]).every(pure)
      );
    }
    default:
      return false;
  }
}
