import type { Writable } from 'node:stream';
import { shanghaiToday } from '../deadlines/today.js';

export { shanghaiToday };

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

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    interactive: process.stderr.isTTY,
    today: () => shanghaiToday(),
  };
}
