import chineseDays from 'chinese-days';
import type { IsoDate } from '../audit/model.js';

/**
 * Which days are working days in mainland China. Public holidays and the make-up working days
 * (调休) that the State Council announces each year come from the maintained `chinese-days`
 * package, never from a list typed here. A calendar's answers stay the same for its whole life
 * (deadlines counted with it are remembered); a newer schedule comes with a new calendar.
 */
export interface WorkCalendar {
  isWorkday(date: IsoDate): boolean;
  /** The day's holiday name when it is a public holiday, e.g. "国庆节". */
  holidayName(date: IsoDate): string | null;
  /**
   * Whether the year's holiday schedule is known. The State Council publishes next year's
   * schedule in late autumn; until then only weekends are known and deadlines are provisional.
   */
  covers(date: IsoDate): boolean;
}

interface Day {
  readonly workday: boolean;
  readonly holiday: string | null;
}

export function chinaCalendar(): WorkCalendar {
  // chinese-days parses every date with dayjs; deadlines ask about the same days again and again.
  const days = new Map<IsoDate, Day>();
  const years = new Map<number, boolean>();
  const covers = (date: IsoDate): boolean => {
    const year = Number(date.slice(0, 4));
    let known = years.get(year);
    if (known === undefined) {
      // Every published year has at least New Year's Day as a holiday.
      const y = String(year);
      known = chineseDays.getHolidaysInRange(`${y}-01-01`, `${y}-12-31`, false).length > 0;
      years.set(year, known);
    }
    return known;
  };
  const day = (date: IsoDate): Day => {
    let known = days.get(date);
    if (known === undefined) {
      const workday = chineseDays.isWorkday(date);
      // "National Day,国庆节,3": English, Chinese, length of the holiday; weekends have no comma.
      const parts = workday || !covers(date) ? [] : chineseDays.getDayDetail(date).name.split(',');
      known = { workday, holiday: parts.length >= 2 ? (parts[1] ?? null) : null };
      days.set(date, known);
    }
    return known;
  };
  return {
    isWorkday: (date) => day(date).workday,
    holidayName: (date) => day(date).holiday,
    covers,
  };
}
