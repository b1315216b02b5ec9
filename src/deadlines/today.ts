import type { IsoDate } from '../audit/model.js';

/** Building an Intl formatter is costly; one serves every call. */
const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's calendar date in Asia/Shanghai, whatever the machine's time zone. */
export function shanghaiToday(now: Date = new Date()): IsoDate {
  return SHANGHAI_DATE.format(now);
}
