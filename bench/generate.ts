import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { formatFen, percentOf } from '../src/audit/money.js';

/**
 * A large statement in the commonest export layout, deterministic for a given seed: sales with
 * their fees (some above the contracted rate), payouts, refunds, and the fee deductions a
 * provider takes (SIM fees, service fees, 秒到 fees, unexplained shortfalls).
 */
export const BENCH_CONTRACT = {
  provider: '基准测试支付有限公司',
  providerType: 'payment_institution',
  rates: [
    { cardType: 'debit', percent: 0.5, capYuan: 20 },
    { cardType: 'credit', percent: 0.6 },
  ],
  perTransactionFeeYuan: 0,
  agreedCharges: [
    { category: 'traffic_fee', amountYuan: 36, every: 'year' },
    { category: 'service_fee', amountYuan: 19, every: 'month' },
  ],
};

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

export async function generateStatement(
  file: string,
  rows: number,
  onProgress?: (done: number) => void,
): Promise<void> {
  const random = mulberry32(20261124);
  const out = createWriteStream(file);
  out.write('交易时间,交易类型,卡类型,交易金额,手续费,结算金额,摘要,流水号\n');
  const start = Date.UTC(2020, 0, 1);
  const spanMs = 6 * 365 * 86_400_000;
  let buffer = '';
  for (let i = 0; i < rows; i++) {
    const at = new Date(start + Math.floor((i / rows) * spanMs));
    const stamp = `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}`;
    const ref = String(100000000000 + i);
    const r = random();
    let line: string;
    if (r < 0.8) {
      const credit = random() < 0.4;
      const amount = 100 + Math.floor(random() * 500_000);
      let fee = credit ? percentOf(amount, 600_000) : percentOf(amount, 500_000, 2000);
      if (random() < 0.01) fee += 50 + Math.floor(random() * 500);
      let net = amount - fee;
      if (random() < 0.0005) net -= 5900;
      line = `${stamp},${random() < 0.5 ? '消费' : '刷卡消费'},${credit ? '贷记卡' : '借记卡'},${formatFen(amount)},${formatFen(fee)},${formatFen(net)},,${ref}`;
    } else if (r < 0.96) {
      const amount = 1000 + Math.floor(random() * 2_000_000);
      line = `${stamp},结算,,-${formatFen(amount)},0.00,-${formatFen(amount)},尾号${1000 + (i % 9000)},${ref}`;
    } else if (r < 0.99) {
      const amount = 100 + Math.floor(random() * 50_000);
      line = `${stamp},退货,,-${formatFen(amount)},0.00,-${formatFen(amount)},原交易${ref.slice(-6)},${ref}`;
    } else {
      const kind = random();
      const [text, fen] =
        kind < 0.3
          ? ['流量卡费扣款', 3600]
          : kind < 0.6
            ? ['服务费', 1900]
            : kind < 0.9
              ? ['扣秒到费', 300]
              : ['其他扣款', 1234];
      line = `${stamp},扣费,,-${formatFen(fen)},0.00,-${formatFen(fen)},${text},${ref}`;
    }
    buffer += `${line}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
      onProgress?.(i + 1);
    }
  }
  out.write(buffer);
  out.end();
  await once(out, 'finish');
  onProgress?.(rows);
}
