// The test sequencer of `npm run mutation` (jest.mutation.config.js). Stryker runs each mutant
// against the tests that reached its code in the initial run: it names them in jest's
// testNamePattern (each test's full name, regex-escaped, in parentheses, joined by `|`) and lets
// --findRelatedTests pick the files, which is every test file importing the mutated module —
// for the field compiler, all of them. Jest loads each of those files (and the tables it imports)
// to find out that most hold none of the named tests: about 60 ms a file, most of a mutant's run.
//
// This sequencer keeps only the files that can hold a named test. A test's full name begins with
// the title of its top-level `describe` (or is the title of a top-level `test`), and the formatter
// puts those calls at the start of a line, so a file's top-level titles are read from its source.
// It errs on the side of running a file: a file with a top-level call whose title it cannot read
// (a template, `describe.each`) is kept, and if no file matches at all — Stryker escaping names
// differently from `escapeName` below, say — every file runs, as without this sequencer.
"use strict";
const fs = require("node:fs");
const Sequencer = require("./sequencer.js");

/** The escaping @stryker-mutator/jest-runner applies to a test's full name. */
function escapeName(text) {
  return text.replace(/[.*+\-?^${}()|[\]\\]/g, "\\$&");
}

const TOP_LEVEL = /^(?:describe|test|it)\b(.*)$/;
const TITLE = /^(?:\.(?:only|skip|concurrent))?\((["'])((?:\\.|(?!\1).)*)\1/;

/**
 * The titles of a test file's top-level `describe`, `test` and `it` calls, or undefined when one
 * of them has a title this reader cannot take literally.
 * @param {string} source
 * @returns {string[] | undefined}
 */
function topLevelTitles(source) {
  const titles = [];
  for (const line of source.split("\n")) {
    const call = TOP_LEVEL.exec(line);
    if (call === null) {
      continue;
    }
    const title = TITLE.exec(call[1]);
    if (title === null) {
      return undefined;
    }
    titles.push(title[2].replace(/\\(.)/g, "$1"));
  }
  return titles;
}

/**
 * The test files that can hold a test the pattern names, or all of them when none can.
 * @template {{ path: string }} T
 * @param {T[]} tests
 * @param {string | undefined | null} pattern
 * @param {(path: string) => string} read
 * @returns {T[]}
 */
function filesNamed(tests, pattern, read) {
  if (!pattern) {
    return tests;
  }
  const kept = tests.filter((test) => {
    const titles = topLevelTitles(read(test.path));
    return (
      titles === undefined || titles.some((title) => pattern.includes(`(${escapeName(title)}`))
    );
  });
  return kept.length === 0 ? tests : kept;
}

/** Each test file's source, read once: a mutation run's sandbox does not change while it runs. */
const sources = new Map();

function readOnce(file) {
  let source = sources.get(file);
  if (source === undefined) {
    source = fs.readFileSync(file, "utf8");
    sources.set(file, source);
  }
  return source;
}

class MutationSequencer extends Sequencer {
  constructor(options) {
    super(options);
    this.pattern = options.globalConfig.testNamePattern;
  }

  async sort(tests) {
    const sorted = await super.sort(tests);
    return filesNamed(sorted, this.pattern, readOnce);
  }
}

module.exports = MutationSequencer;
module.exports.filesNamed = filesNamed;
module.exports.topLevelTitles = topLevelTitles;
