/**
 * Renders DOT to SVG offline with Graphviz compiled to WebAssembly (@hpcc-js/wasm-graphviz). The
 * package is ESM-only, which jest's module runtime cannot load, so it runs in a short-lived
 * child process: the DOT goes in on stdin and the SVG comes back on stdout, the same way from the
 * CLI, the scripts and the tests.
 */
import { spawn } from "node:child_process";

const renderer = `
const { Graphviz } = require(process.argv[1]);
let dot = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (d) => (dot += d));
process.stdin.on("end", () =>
  Graphviz.load()
    .then((g) => process.stdout.write(g.dot(dot)))
    .catch((e) => {
      process.stderr.write(String(e && e.message ? e.message : e));
      process.exit(1);
    }),
);
`;

export function renderSvg(dot: string): Promise<string> {
  const modulePath = require.resolve("@hpcc-js/wasm-graphviz");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", renderer, modulePath], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0 && out.includes("<svg")) {
        resolve(out);
      } else {
        reject(
          new Error(
            `Graphviz could not render the data-path diagram (exit ${code}): ${err.trim()}`,
          ),
        );
      }
    });
    child.stdin.end(dot);
  });
}
