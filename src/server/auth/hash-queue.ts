import { apiError } from '../http/errors.js';

/**
 * Password hashing takes a thread of libuv's pool (4 by default) for tens of milliseconds and
 * 64 MiB of memory. Without a bound, a burst of logins fills the pool and every file read and
 * DNS lookup waits behind it (static pages took seconds). At most `concurrency` hashes run at
 * once; up to `maxQueue` more wait their turn; beyond that the server answers 503 at once.
 */
export class HashQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly maxQueue: number,
  ) {}

  get active(): number {
    return this.running;
  }

  get pending(): number {
    return this.waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxQueue) {
        throw apiError(
          'FG_ERR_BUSY',
          'too many sign-ins are being checked right now',
          'try again in a few seconds',
        );
      }
      await new Promise<void>((resolve) => {
        this.waiting.push(resolve);
      });
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so `running` stays the same.
      if (next) next();
      else this.running--;
    }
  }
}
