/**
 * The timers a program leaves running after it returns. The Pulumi CLI's language host lets
 * Node's event loop drain before it signals the engine that the program is done, so a resource
 * declared from a timer — a `setTimeout` callback, or the rest of an async block not awaited by
 * the program that sleeps first (`await new Promise((r) => setTimeout(r, 200))`) — is registered
 * and deployed. The offline engine cannot wait for its own process's loop to drain (it holds
 * handles of its own), so it waits for the timers the program itself set: those created in the
 * program's asynchronous context that still hold the loop open (not `unref`'d). An interval that
 * is never cleared keeps the CLI running for ever; here the watchdog's timeout ends it.
 */
import { AsyncLocalStorage, createHook } from "node:async_hooks";

interface Timer {
  hasRef?: () => boolean;
}

export class ProgramTimers {
  private readonly context = new AsyncLocalStorage<ProgramTimers>();
  private readonly timers = new Map<number, Timer>();
  private readonly hook = createHook({
    init: (id, type, _trigger, resource) => {
      if (type === "Timeout" && this.context.getStore() === this) {
        this.timers.set(id, resource as Timer);
      }
    },
    destroy: (id) => {
      this.timers.delete(id);
    },
  });

  /** Runs `fn` (the program's load, its entry function) in the context whose timers count. */
  run<T>(fn: () => T): T {
    this.hook.enable();
    return this.context.run(this, fn);
  }

  /** How many of the program's timers still hold the loop open. */
  pending(): number {
    let n = 0;
    for (const t of this.timers.values()) {
      if (t.hasRef?.() !== false) {
        n += 1;
      }
    }
    return n;
  }

  /**
   * Resolves once none of the program's timers holds the loop open. Polled by a timer of the
   * engine's own (outside the program's context, so not counted), which holds the loop open
   * meanwhile: a program timer that fired and left its callback's registrations to finish must
   * not look like a drained loop to the watchdog.
   */
  async settled(): Promise<void> {
    while (this.pending() > 0) {
      await new Promise<void>((resolve) => setTimeout(resolve, 10));
    }
  }

  dispose(): void {
    this.hook.disable();
    this.timers.clear();
  }
}
