/**
 * Dates as a merchant in China reads them: the calendar date in Asia/Shanghai, wherever the
 * browser is and whatever its clock's time zone (at 01:00 in Beijing it is still yesterday in UTC).
 */
const BEIJING = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Beijing, YYYY-MM-DD. */
export function beijingToday(now: Date = new Date()): string {
  return BEIJING.format(now);
}

/**
 * The Beijing date of an instant (an ISO timestamp such as `2026-12-04T17:30:00Z`, which is
 * 2026-12-05 in Beijing); a plain date `YYYY-MM-DD` is already a calendar date and stays as it is.
 */
export function beijingDate(instant: string | Date): string {
  if (typeof instant === 'string' && /^\d{4}-\d{2}-\d{2}$/u.test(instant)) return instant;
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  return Number.isNaN(at.getTime()) ? String(instant).slice(0, 10) : BEIJING.format(at);
}
