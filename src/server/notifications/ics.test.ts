import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCalendar, type CalendarEvent } from './ics.js';

const createdAt = new Date('2026-11-25T08:00:00Z');

function event(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  return { uid: 'f1@feeguard', date: '2026-12-08', summary: '答复期限', createdAt, ...overrides };
}

/** RFC 5545 §3.1: a CRLF followed by one space or tab continues the previous line. */
function unfold(text: string): string[] {
  return text.replace(/\r\n[ \t]/gu, '').split('\r\n');
}

/** Physical lines as bytes, so a fold inside a UTF-8 sequence shows up as invalid UTF-8. */
function physicalLines(text: string): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = bytes.indexOf('\r\n'); i >= 0; i = bytes.indexOf('\r\n', start)) {
    lines.push(bytes.subarray(start, i));
    start = i + 2;
  }
  lines.push(bytes.subarray(start));
  return lines;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function expectWellFolded(text: string): void {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/gu, '')).not.toMatch(/[\r\n]/u);
  const lines = physicalLines(text);
  expect(lines.pop()?.length).toBe(0);
  for (const line of lines) {
    expect(line.length).toBeLessThanOrEqual(75);
    expect(() => strictUtf8.decode(line)).not.toThrow();
  }
}

describe('buildCalendar', () => {
  it('writes the calendar and an all-day event with a reminder the day before', () => {
    const text = buildCalendar('扣费卫士 答复期限', [
      event({
        description: '到期未答复可升级到下一步。',
        url: 'https://feeguard.example/cases/1',
      }),
    ]);
    expect(text.split('\r\n')).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//FeeGuard//扣费卫士//ZH',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:扣费卫士 答复期限',
      'X-WR-TIMEZONE:Asia/Shanghai',
      'BEGIN:VEVENT',
      'UID:f1@feeguard',
      'DTSTAMP:20261125T080000Z',
      'DTSTART;VALUE=DATE:20261208',
      'DTEND;VALUE=DATE:20261209',
      'SUMMARY:答复期限',
      'DESCRIPTION:到期未答复可升级到下一步。',
      'URL:https://feeguard.example/cases/1',
      'BEGIN:VALARM',
      'TRIGGER:-P1D',
      'ACTION:DISPLAY',
      'DESCRIPTION:答复期限',
      'END:VALARM',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ]);
  });

  it('leaves out an absent description and URL, and is valid with no events', () => {
    const lines = unfold(buildCalendar('x', [event()]));
    expect(lines.filter((l) => l.startsWith('DESCRIPTION:'))).toEqual(['DESCRIPTION:答复期限']);
    expect(lines.some((l) => l.startsWith('URL:'))).toBe(false);

    const empty = buildCalendar('空', []);
    expect(empty).not.toContain('BEGIN:VEVENT');
    expect(unfold(empty).slice(-2)).toEqual(['END:VCALENDAR', '']);
  });

  it('writes DTSTAMP in UTC whatever the local offset of createdAt', () => {
    const lines = unfold(
      buildCalendar('x', [event({ createdAt: new Date('2026-12-01T00:30:05+08:00') })]),
    );
    expect(lines).toContain('DTSTAMP:20261130T163005Z');
  });

  it.each([
    ['2026-12-08', '20261208', '20261209'],
    ['2026-11-30', '20261130', '20261201'],
    ['2026-12-31', '20261231', '20270101'],
    ['2027-02-28', '20270228', '20270301'],
    ['2028-02-28', '20280228', '20280229'],
  ])('ends the all-day event of %s on the next day', (date, start, end) => {
    const lines = unfold(buildCalendar('x', [event({ date })]));
    expect(lines).toContain(`DTSTART;VALUE=DATE:${start}`);
    expect(lines).toContain(`DTEND;VALUE=DATE:${end}`);
  });

  it('escapes backslashes, semicolons, commas and line breaks in text', () => {
    const lines = unfold(
      buildCalendar('a,b;c', [
        event({
          uid: 'f;1,x@feeguard',
          summary: 'C:\\path; a, b',
          description: '第一行\n第二行\r\n第三行\r第四行',
        }),
      ]),
    );
    expect(lines).toContain('X-WR-CALNAME:a\\,b\\;c');
    expect(lines).toContain('UID:f\\;1\\,x@feeguard');
    expect(lines).toContain('SUMMARY:C:\\\\path\\; a\\, b');
    expect(lines).toContain('DESCRIPTION:第一行\\n第二行\\n第三行\\n第四行');
    // The alarm repeats the summary, escaped the same way.
    expect(lines.filter((l) => l === 'DESCRIPTION:C:\\\\path\\; a\\, b')).toHaveLength(1);
  });

  it('cannot be made to start a new property through the URL', () => {
    const text = buildCalendar('x', [event({ url: 'https://x.test/a\r\nX-INJECTED:1' })]);
    expect(unfold(text)).not.toContain('X-INJECTED:1');
    expectWellFolded(text);
  });

  it('folds long lines at 75 octets without splitting a UTF-8 character', () => {
    const summary =
      '答复期限：鑫联支付有限公司（payment_institution_customer_service），到期未答复可升级到中国人民银行分支机构';
    const description = `${'扣费'.repeat(60)} ${'a'.repeat(200)} 😀é${'𠮷'.repeat(30)}`;
    const text = buildCalendar('扣费卫士 答复期限', [event({ summary, description })]);
    expectWellFolded(text);
    expect(text.split('\r\n').filter((l) => l.startsWith(' ')).length).toBeGreaterThan(5);
    const lines = unfold(text);
    expect(lines).toContain(`SUMMARY:${summary}`);
    expect(lines).toContain(`DESCRIPTION:${description}`);
  });

  it('keeps every line within 75 octets for any mix of 1- to 4-byte characters', () => {
    const alphabet = ['a', 'é', '扣', '😀'];
    for (let length = 0; length < 160; length += 1) {
      for (let shift = 0; shift < alphabet.length; shift += 1) {
        const summary = Array.from(
          { length },
          (_, i) => alphabet[(i * 7 + shift) % alphabet.length] ?? '',
        ).join('');
        const text = buildCalendar('x', [event({ summary })]);
        expectWellFolded(text);
        expect(unfold(text)).toContain(`SUMMARY:${summary}`);
      }
    }
  });

  // Debian's interpreter, where `apt-get install python3-icalendar` (in .ci/run) puts the library;
  // a python3 earlier on PATH (pyenv, a venv) does not see it.
  const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
  const hasIcalendar = (() => {
    try {
      execFileSync(python, ['-c', 'import icalendar'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

  it.skipIf(!hasIcalendar)('parses with the Python icalendar library', () => {
    const text = buildCalendar('扣费卫士', [
      event({ summary: '答复期限；a, b\\c '.repeat(8), description: '第一行\n第二行' }),
    ]);
    const out = execFileSync(
      python,
      [
        '-c',
        [
          'import sys, json, icalendar',
          'cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())',
          'ev = next(iter(cal.walk("VEVENT")))',
          'print(json.dumps([str(ev["SUMMARY"]), str(ev["DESCRIPTION"]), ev["DTEND"].dt.isoformat()]))',
        ].join('\n'),
      ],
      { input: text },
    ).toString('utf8');
    expect(JSON.parse(out)).toEqual([
      '答复期限；a, b\\c '.repeat(8),
      '第一行\n第二行',
      '2026-12-09',
    ]);
  });
});
