import type { IsoDate } from '../audit/model.js';

/** Today's calendar date in Asia/Shanghai, whatever the machine's time zone. */
export function shanghaiToday(now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
