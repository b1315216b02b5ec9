import { addDaysIso } from '../audit/dates.js';
import type { IsoDate } from '../audit/model.js';
import type { WorkCalendar } from './calendar.js';

export type DayUnit = 'calendar' | 'working';

/**
 * A legal time limit worked out to a date. How periods are counted is itself law: the day the
 * period starts is not counted (民法典 第二百零一条), and a period whose last day falls on a
 * statutory rest day ends on the first working day after it (第二百零三条) — weekends and public
 * holidays are rest days, make-up working days (调休) are not.
 */
export interface Deadline {
  /** The day the period starts from (a filing's receipt), not itself counted. */
  readonly start: IsoDate;
  readonly days: number;
  readonly unit: DayUnit;
  /** The last day on which the answer is on time. */
  readonly due: IsoDate;
  /** Set when the plain count ended on a rest day and the deadline moved to the next working day. */
  readonly shiftedFrom?: IsoDate;
  /** The holiday the deadline was moved past, e.g. "国庆节" (absent for a weekend). */
  readonly shiftedPast?: string;
  /**
   * True when part of the period lies in a year whose holiday schedule is not published yet: the
   * date is counted with weekends only and may move when the schedule comes out.
   */
  readonly provisional: boolean;
}

export function computeDeadline(
  start: IsoDate,
  days: number,
  unit: DayUnit,
  calendar: WorkCalendar,
): Deadline {
  if (!Number.isInteger(days) || days <= 0) {
    throw new RangeError(`a deadline needs a positive whole number of days, got ${String(days)}`);
  }
  // A plan dates the same few rules from the same day for every channel and every case; counting
  // working days one by one was the largest part of working a plan out.
  let known = counted.get(calendar);
  if (!known) {
    known = new Map();
    counted.set(calendar, known);
  }
  const key = `${start}|${String(days)}|${unit}`;
  let deadline = known.get(key);
  if (!deadline) {
    deadline =
      unit === 'working'
        ? countWorkingDays(start, days, calendar)
        : countCalendarDays(start, days, calendar);
    // A day's plans ask about a few hundred; the bound only matters for a server up for years.
    if (known.size >= MAX_COUNTED) known.clear();
    known.set(key, deadline);
  }
  return deadline;
}

/** Deadlines already counted, per calendar (a calendar's answers never change). */
const counted = new WeakMap<WorkCalendar, Map<string, Deadline>>();
const MAX_COUNTED = 20_000;

function countCalendarDays(start: IsoDate, days: number, calendar: WorkCalendar): Deadline {
  const plain = addDaysIso(start, days);
  let due = plain;
  let holiday: string | null = null;
  while (!calendar.isWorkday(due)) {
    holiday ??= calendar.holidayName(due);
    due = addDaysIso(due, 1);
  }
  const provisional = !calendar.covers(start) || !calendar.covers(due);
  return {
    start,
    days,
    unit: 'calendar',
    due,
    ...(due === plain ? {} : { shiftedFrom: plain }),
    ...(holiday === null ? {} : { shiftedPast: holiday }),
    provisional,
  };
}

function countWorkingDays(start: IsoDate, days: number, calendar: WorkCalendar): Deadline {
  let due = start;
  let counted = 0;
  let provisional = !calendar.covers(start);
  while (counted < days) {
    due = addDaysIso(due, 1);
    if (calendar.isWorkday(due)) counted++;
    if (!calendar.covers(due)) provisional = true;
  }
  return { start, days, unit: 'working', due, provisional };
}
