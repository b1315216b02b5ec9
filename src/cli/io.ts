import type { Writable } from 'node:stream';

/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  /** The directory relative paths are resolved against. */
  cwd: string;
  /** Whether stderr is a terminal (progress is shown only then). */
  interactive: boolean;
  /** Today in Asia/Shanghai, `YYYY-MM-DD`. */
  today: () => string;
}

export function shanghaiToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    interactive: process.stderr.isTTY,
    today: () => shanghaiToday(),
  };
}
