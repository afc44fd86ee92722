"use strict";
/**
 * How Node resolves a program's specifiers under the loader its project's nodeargs name, for
 * both of the engine's loaders: the ES-module hooks (esm-loader.mjs, on Node's loader thread) and
 * the CommonJS resolver (load-program.ts). Plain JavaScript, as the loader thread compiles
 * nothing.
 */
const fs = require("node:fs");
const path = require("node:path");
/** The YAML library, loaded when a project's Pulumi.yaml is first read. */
let yaml;
const { createPathsMatcher, getTsconfig } = require("get-tsconfig");

/** The TypeScript extension each JavaScript extension of a NodeNext specifier stands for. */
const sourceExtensions = { ".js": ".ts", ".mjs": ".mts", ".cjs": ".cts" };

function isFile(file) {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** What node resolution appends to a specifier: TypeScript, JavaScript, a folder's index. */
const nodeResolutionTails = [".ts", ".mts", ".js", ".mjs", "/index.ts", "/index.js"];

/** The resolution a project's nodeargs ask for, by the folder it was looked up from. */
const resolutions = new Map();

/**
 * How the project holding `file` has Node resolve a program's specifiers, from its Pulumi.yaml's
 * `runtime.options.nodeargs`, which `pulumi up` hands to node:
 * - `node`: the old `--experimental-specifier-resolution=node` (with ts-node's ESM loader):
 *   imports without an extension, or of a folder, resolve as CommonJS ones do;
 * - `tsx`: tsx's loader (`--import tsx`, `--loader tsx`, `--require tsx/cjs`), which resolves
 *   them so too, and a bare specifier by the `paths` of the project's tsconfig.json (`$lib/x`);
 * - undefined: Node's own rules.
 * A file of no Pulumi project (a workspace package beside it) takes the mode of the project the
 * engine evaluates (its working folder): Node's flags hold for the whole process.
 */
function resolutionOf(file) {
  const start = path.dirname(file);
  if (resolutions.has(start)) {
    return resolutions.get(start);
  }
  const project = projectFileAbove(start) ?? projectFileAbove(process.cwd());
  let mode;
  if (project !== undefined) {
    try {
      const args = (yaml ??= require("yaml")).parse(fs.readFileSync(project, "utf8"))?.runtime
        ?.options?.nodeargs;
      if (typeof args === "string") {
        mode = /--(?:experimental|es-module)-specifier-resolution[= ]node\b/.test(args)
          ? { kind: "node" }
          : /(?:--import|--loader|--experimental-loader|--require|-r)[= ]tsx(?:\/[\w/-]*)?(?:\s|$)/.test(
                args,
              )
            ? { kind: "tsx", projectDir: path.dirname(project) }
            : undefined;
      }
    } catch {
      mode = undefined;
    }
  }
  resolutions.set(start, mode);
  return mode;
}

/** The Pulumi.yaml of the project `dir` lies in, or undefined. */
function projectFileAbove(dir) {
  for (let at = dir; ; at = path.dirname(at)) {
    const project = ["Pulumi.yaml", "Pulumi.yml"]
      .map((name) => path.join(at, name))
      .find((f) => isFile(f));
    if (project !== undefined || path.dirname(at) === at) {
      return project;
    }
  }
}

/** tsx's matcher of the `paths` of a project's tsconfig.json, by project folder (null: none). */
const pathsMatchers = new Map();

/** The files a `paths` alias of the tsconfig.json tsx reads (the project's) may name. */
function aliasCandidates(specifier, projectDir) {
  if (!pathsMatchers.has(projectDir)) {
    const tsconfig = getTsconfig(projectDir);
    pathsMatchers.set(projectDir, tsconfig ? createPathsMatcher(tsconfig) : null);
  }
  const matcher = pathsMatchers.get(projectDir);
  return matcher ? matcher(specifier) : [];
}

/** A source file at `candidate` as node resolution finds one: itself, or with a tail. */
function withTail(candidate) {
  if (isFile(candidate)) {
    return candidate;
  }
  const ext = path.extname(candidate);
  const source = sourceExtensions[ext] && candidate.slice(0, -ext.length) + sourceExtensions[ext];
  if (source && isFile(source)) {
    return source;
  }
  return nodeResolutionTails.map((t) => candidate + t).find(isFile);
}

/** The file a tsconfig `paths` alias names under tsx (`$lib/db` → lib/db.ts), or undefined. */
function aliasFile(specifier, projectDir) {
  return aliasCandidates(specifier, projectDir).map(withTail).find(Boolean);
}

module.exports = { aliasFile, isFile, resolutionOf, sourceExtensions, withTail };
