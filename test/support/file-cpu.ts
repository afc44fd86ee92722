/**
 * The CPU a test file costs, for `npm run test:cpu` (scripts/test-cpu.js): its jest worker's own
 * CPU time while the file ran, and that of every process below the worker — the shared pack,
 * evaluation process and CLI lanes it used, and the processes it started. A worker runs one file
 * at a time, so what its process tree spent between the file's start and end is the file's.
 * The processes below are read from /proc (Linux); elsewhere only the worker's own time counts.
 */
import * as fs from "node:fs";

/** Clock ticks per second of /proc's times: 100 on every Linux that Node supports. */
const ticks = 100;

/** The fields of /proc/<pid>/stat after the command name, or undefined once it has gone. */
function statOf(pid: number): string[] | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return text.slice(text.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined;
  }
}

function childrenOf(pid: number): number[] {
  try {
    const text = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
    return text === "" ? [] : text.split(/\s+/).map(Number);
  } catch {
    return [];
  }
}

/**
 * CPU-seconds of this process, of every process below it still running, and of those below it
 * that ended and were waited for (each process's `cutime` and `cstime`).
 */
export function treeCpuSeconds(): number {
  if (!fs.existsSync(`/proc/${process.pid}/stat`)) {
    const own = process.cpuUsage();
    return (own.user + own.system) / 1e6;
  }
  let total = 0;
  const visit = (pid: number): void => {
    const f = statOf(pid);
    if (f !== undefined) {
      // utime, stime, cutime, cstime: fields 14 to 17 of stat(5), 11 to 14 after the name.
      total += (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / ticks;
    }
    for (const child of childrenOf(pid)) {
      visit(child);
    }
  };
  visit(process.pid);
  return total;
}

/** Starts measuring a test file; the returned function appends its line to the log. */
export function measureFile(testPath: string, log: string | undefined): () => void {
  if (!log) {
    return () => undefined;
  }
  const ownAtStart = process.cpuUsage();
  const treeAtStart = treeCpuSeconds();
  return () => {
    const own = process.cpuUsage(ownAtStart);
    const line = {
      testFile: testPath,
      worker: (own.user + own.system) / 1e6,
      tree: treeCpuSeconds() - treeAtStart,
    };
    try {
      fs.appendFileSync(log, `${JSON.stringify(line)}\n`);
    } catch {
      // A measurement aid: a test file must not fail because the log cannot be written.
    }
  };
}
