import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE } from '../../src/errors.js';
import { ApiError } from './api.js';
import { errorMessage, isYearless, KNOWN_CODES, type ErrorContext } from './errors.js';

const CLI_ONLY = new Set([
  'FG_ERR_USAGE',
  'FG_ERR_FILE_NOT_FOUND',
  'FG_ERR_BAD_CASE',
  'FG_ERR_BAD_KNOWLEDGE_BASE',
]);
const CONTEXTS: ErrorContext[] = [
  'upload',
  'sms',
  'form',
  'login',
  'register',
  'verify',
  'load',
  'schedule',
  'action',
];

function failure(code: string): ApiError {
  return new ApiError(400, {
    code,
    message: { zh: '请求内容有误', en: 'The request is not valid' },
    detail: 'no statement in the upload',
    hint: 'name the columns with --map, e.g. --map date=交易时间',
  });
}

describe('errors in the web app', () => {
  it('has words for every error the server can send', () => {
    for (const code of Object.keys(ERROR_CATALOGUE)) {
      if (!CLI_ONLY.has(code)) expect(KNOWN_CODES, code).toContain(code);
    }
  });

  it('says what happened and what to do, in Chinese without flags, field names or English', () => {
    for (const code of [...Object.keys(ERROR_CATALOGUE), 'FG_ERR_SOMETHING_NEW']) {
      for (const context of CONTEXTS) {
        const zh = errorMessage(failure(code), 'zh', context);
        expect(zh, `${code} in ${context}`).toMatch(/：.+。$/u);
        // Only PDF, Word, CSV, Excel and App are words a merchant reads on the screen.
        expect(zh.replace(/PDF|Word|CSV|Excel|App/gu, ''), `${code} in ${context}`).not.toMatch(
          /[A-Za-z-]{2,}/u,
        );
        const en = errorMessage(failure(code), 'en', context);
        expect(en, `${code} in ${context}`).not.toMatch(/--|[\u4e00-\u9fff]/u);
      }
    }
  });

  it('tells an empty upload from a pasted text without notices', () => {
    expect(errorMessage(failure('FG_ERR_VALIDATION'), 'zh', 'upload')).toContain('没有收到对账单');
    expect(errorMessage(failure('FG_ERR_NO_HEADER'), 'zh', 'sms')).toContain('扣费短信');
    expect(errorMessage(new TypeError('Failed to fetch'), 'zh')).toContain('网络');
  });

  it('a statement whose dates have no year says so and what to do, not to map columns', () => {
    const yearless = new ApiError(422, {
      code: 'FG_ERR_UNSURE_LAYOUT',
      message: { zh: '无法确定', en: 'unsure' },
      details: { layout: { questions: [{ role: 'date', yearless: true }] } },
    });
    expect(isYearless(yearless)).toBe(true);
    const zh = errorMessage(yearless, 'zh', 'upload');
    expect(zh).toContain('日期没有年份');
    expect(zh).toContain('重新导出带年份的完整日期');
    expect(zh).toContain('账单周期');
    expect(zh).not.toMatch(/每一列|哪一列/u);
    expect(zh).toMatch(/：.+。$/u);
    const en = errorMessage(yearless, 'en', 'upload');
    expect(en).toContain('no year');
    expect(en).not.toMatch(/[\u4e00-\u9fff]/u);
    // the ordinary unsure layout still asks for the columns
    const unsure = new ApiError(422, {
      code: 'FG_ERR_UNSURE_LAYOUT',
      message: { zh: '无法确定', en: 'unsure' },
      details: { layout: { questions: [{ role: 'amount' }] } },
    });
    expect(isYearless(unsure)).toBe(false);
    expect(errorMessage(unsure, 'zh', 'upload')).toContain('每一列');
  });
});
