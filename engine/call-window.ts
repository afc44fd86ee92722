/**
 * A window of calls to the policy pack: at most `limit` run at once, the rest wait in the order
 * they came. A waiting call's task — and what it holds, such as a request's bytes — is let go as
 * soon as the call starts, so a whole plan's requests can wait without being kept twice.
 *
 * Used where requests go on a connection: by the connection's thread of a streamed analysis
 * (analyzer-thread.ts) and by an analysis on the main thread's own connection (analyzer.ts).
 */
export class CallWindow {
  private active = 0;
  /** Calls waiting for a place, from `head` on. */
  private queued: (() => void)[] = [];
  private head = 0;

  constructor(private readonly limit: number) {}

  /** Runs `task` once a place is free; settles as the task does. */
  run<T>(task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        let call: Promise<T>;
        try {
          call = task();
        } catch (e) {
          call = Promise.reject(e);
        }
        void call.then(resolve, reject).finally(() => this.next());
      };
      if (this.active < this.limit) {
        this.active++;
        start();
      } else {
        this.queued.push(start);
      }
    });
  }

  /** Hands a finished call's place to the next one waiting. */
  private next(): void {
    if (this.head === this.queued.length) {
      this.active--;
      return;
    }
    const start = this.queued[this.head];
    this.queued[this.head++] = undefined as never;
    if (this.head === this.queued.length) {
      this.queued = [];
      this.head = 0;
    }
    start();
  }
}
