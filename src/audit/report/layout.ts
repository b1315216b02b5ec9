import { roleName } from '../layout/infer.js';
import { COLUMN_ROLES } from '../model.js';
import type { StatementSummary } from './schema.js';

const SIGN_NAMES = {
  signed: '金额带正负号',
  parentheses: '括号内为支出',
  direction: '按收支方向列',
  debitCredit: '收入、支出分两列',
  balance: '按余额增减判断收支',
  unsigned: '金额无正负号，收支按文字判断',
} as const;
const CONFIDENCE_NAMES = { high: '高', medium: '中', low: '低' } as const;
const UNIT_NAMES = { yuan: '元', fen: '分', mixed: '元和分混用' } as const;

/**
 * How the columns were read, in one line for people: 日期=A列“交易时间”，金额=D列“交易金额” …；
 * 单位 元；金额带正负号；把握 高 (with the reasons when not high). Null for SMS.
 */
export function layoutText(s: StatementSummary): string | null {
  const layout = s.layout;
  if (!layout) return null;
  const columns = COLUMN_ROLES.flatMap((role) => {
    const c = layout.columns[role];
    if (!c) return [];
    const where = layout.byRow ? `第${c.column}行` : `${c.column}列`;
    return [`${roleName(role)}=${where}${c.header ? `“${c.header}”` : ''}`];
  });
  const reasons =
    layout.confidence.level === 'high' ? '' : `（${layout.confidence.reasons.join('；')}）`;
  return `读取方式：${columns.join('，')}；单位 ${UNIT_NAMES[layout.unit]}；${SIGN_NAMES[layout.sign]}${layout.outflowFee ? '（两列都有数的行上，支出是该笔交易的手续费）' : ''}；把握 ${CONFIDENCE_NAMES[layout.confidence.level]}${reasons}`;
}
