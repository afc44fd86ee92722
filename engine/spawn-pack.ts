/**
 * Starts a CrossGuard pack's process and waits for the port it serves the analyzer protocol on.
 * Kept free of heavy imports so the CLI can start the pack before it loads anything else: the
 * pack's start-up then overlaps the program's evaluation.
 */
import { type ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { PackError } from "./pack-error";
import { framesMessageKey } from "./pack-frames";

/** Where a policy pack serves the analyzer protocol, and what it wrote to stderr so far. */
export interface PackEndpoint {
  readonly port: Promise<number>;
  /**
   * The port of the engine's framed channel to the pack (engine/pack-frames.ts), when the engine
   * started the pack and its preload could serve one; without it, calls go over gRPC.
   */
  readonly frames?: Promise<number | undefined>;
  stderr(): string;
}

/** A pack's process this caller started: a session connected to it stops it when done. */
export interface SpawnedPack extends PackEndpoint {
  readonly child: ChildProcess;
}

/**
 * A pack that serves several runs in turn (a test harness's): each run attaches to it and
 * leaves it running, instead of stopping it when done.
 */
export interface SharedPack extends PackEndpoint {
  readonly shared: true;
}

/** The pack a run judges with: one it owns, or one it shares. */
export type PackHandle = SpawnedPack | SharedPack;

/**
 * The extension of the engine's own modules: `.ts` when it runs from its sources (this
 * repository, compiled on load by Sucrase), `.js` when it runs built (the installed package).
 * The processes the engine starts are named with it.
 */
export const moduleExt = path.extname(__filename);

/** A module of the engine's own, by name: `engineModule("worker")` → engine/worker.ts or .js. */
export function engineModule(name: string): string {
  return path.join(__dirname, `${name}${moduleExt}`);
}

/**
 * The folder of the residency pack the engine runs, the one `pulumi preview --policy-pack` takes:
 * `policy/` in the sources (this repository), the self-contained `dist/policy-pack/` of the
 * installed package.
 */
export function packFolder(): string {
  return path.join(__dirname, "..", moduleExt === ".ts" ? "policy" : "policy-pack");
}

/**
 * Node options for the processes the engine starts: the engine's V8 options (node-flags.js),
 * compile TypeScript on load (Sucrase; the engine's own sources, and the programs it evaluates)
 * and defer the SDK dependencies nothing offline uses (see lazy-sdk.ts).
 */
export function preloads(): string[] {
  return [
    "--require",
    path.join(__dirname, "node-flags.js"),
    "--require",
    path.join(__dirname, "register-ts.js"),
    "--require",
    engineModule("lazy-sdk-preload"),
  ];
}

export function spawnPack(packDir: string): SpawnedPack {
  // The pack's entry is its package.json "main", run in its folder (CrossGuard reads the pack's
  // package.json from there): policy/index.ts in the sources, policy/index.js in the built pack.
  const main = (
    JSON.parse(fs.readFileSync(path.join(packDir, "package.json"), "utf8")) as { main?: string }
  ).main;
  const entry = path.join(packDir, main ?? `index${moduleExt}`);
  const child = spawn(
    process.execPath,
    [...preloads(), "--require", engineModule("pack-preload"), entry],
    // The IPC channel ties the pack's life to ours (see pack-preload.ts).
    { cwd: packDir, stdio: ["ignore", "pipe", "pipe", "ipc"] },
  );
  // Neither the channel nor the pipes may keep this process alive once we are done.
  child.unref();
  child.channel?.unref();
  let errText = "";
  child.stderr?.on("data", (d: Buffer) => {
    errText += d.toString();
  });
  const port = new Promise<number>((resolve, reject) => {
    let out = "";
    const onData = (d: Buffer) => {
      out += d.toString();
      const line = out.split("\n")[0];
      if (out.includes("\n") && /^\d+$/.test(line.trim())) {
        child.stdout?.off("data", onData);
        // Serving now: its pipes must not hold the parent open either (a caller that shares
        // the pack keeps it for its whole life and never stops it).
        for (const pipe of [child.stdout, child.stderr]) {
          (pipe as { unref?: () => void } | null)?.unref?.();
        }
        resolve(Number(line.trim()));
      }
    };
    child.stdout?.on("data", onData);
    child.once("exit", (code) =>
      reject(
        new PackError(
          `The policy pack in ${packDir} exited (code ${code}) before serving:\n${errText}`,
        ),
      ),
    );
    child.once("error", reject);
  });
  // A caller that fails before connecting must not leave an unhandled rejection behind.
  port.catch(() => undefined);
  // The preload announces its framed channel, or that it has none, before the pack serves.
  const frames = new Promise<number | undefined>((resolve) => {
    const onMessage = (m: unknown) => {
      if (typeof m === "object" && m !== null && framesMessageKey in m) {
        const announced = (m as Record<string, unknown>)[framesMessageKey];
        child.off("message", onMessage);
        resolve(typeof announced === "number" ? announced : undefined);
      }
    };
    child.on("message", onMessage);
    child.once("exit", () => resolve(undefined));
  });
  return { child, port, frames, stderr: () => errText };
}
