import chineseDays from 'chinese-days';
import type { IsoDate } from '../audit/model.js';

/**
 * Which days are working days in mainland China. Public holidays and the make-up working days
 * (调休) that the State Council announces each year come from the maintained `chinese-days`
 * package, never from a list typed here.
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

export function chinaCalendar(): WorkCalendar {
  const coveredYears = new Map<number, boolean>();
  const covers = (date: IsoDate): boolean => {
    const year = Number(date.slice(0, 4));
    let known = coveredYears.get(year);
    if (known === undefined) {
      // Every published year has at least New Year's Day as a holiday.
      known =
        chineseDays.getHolidaysInRange(`${String(year)}-01-01`, `${String(year)}-12-31`, false)
          .length > 0;
      coveredYears.set(year, known);
    }
    return known;
  };
  return {
    isWorkday: (date) => chineseDays.isWorkday(date),
    holidayName: (date) => {
      if (!chineseDays.isHoliday(date) || !covers(date)) return null;
      const detail = chineseDays.getDayDetail(date);
      // "National Day,国庆节,3": English, Chinese, length of the holiday.
      const parts = detail.name.split(',');
      return parts.length >= 2 ? (parts[1] ?? null) : null;
    },
    covers,
  };
}
