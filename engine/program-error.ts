/**
 * The errors an evaluation reports and its default time limit, in a module of their own: the CLI
 * and the parent of an evaluation process (engine/isolated.ts) name them without loading the
 * Pulumi SDK that engine/evaluate.ts runs programs with.
 */

/** Seconds a program may run before the evaluation gives up, unless told otherwise. */
export const defaultTimeoutSeconds = 300;

/** An error raised by the program itself (not by the engine); the CLI exits 2 on it. */
export class ProgramError extends Error {
  constructor(
    message: string,
    readonly cause?: unknown,
  ) {
    super(message);
    this.name = "ProgramError";
  }
}

/**
 * The program ended without finishing: nothing was left to run (or the timeout passed) while
 * resources or outputs were still pending. The message names what never finished and why.
 */
export class StalledEvaluation extends ProgramError {
  constructor(message: string) {
    super(message);
    this.name = "StalledEvaluation";
  }
}
