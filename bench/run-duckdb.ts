import { DuckDBInstance } from '@duckdb/node-api';

/**
 * The same audit as a data analyst would write it in DuckDB SQL: expected fee per card type with
 * the cap, half-up rounding to the fen, overcharges of 2 fen or more, payouts short of amount −
 * fee, and fee deductions found by their names. Run in its own process for a fair memory figure.
 */
const file = (process.argv[2] ?? '').replace(/'/g, "''");
const started = performance.now();
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const sql = `
WITH s AS (
  SELECT *, row_number() OVER () + 1 AS row_no
  FROM read_csv('${file}', header = true, all_varchar = true)
), t AS (
  SELECT row_no, "交易时间"::TIMESTAMP::DATE AS day, "交易类型" AS kind, "卡类型" AS card,
         round("交易金额"::DECIMAL(18,2) * 100)::BIGINT AS amount,
         round(coalesce("手续费", '0')::DECIMAL(18,2) * 100)::BIGINT AS fee,
         round("结算金额"::DECIMAL(18,2) * 100)::BIGINT AS net,
         coalesce("摘要", '') AS text
  FROM s
), sales AS (
  SELECT *, CASE WHEN card LIKE '%借记%' THEN least(floor((amount * 500000 * 2 + 100000000) / 200000000), 2000)
                 ELSE floor((amount * 600000 * 2 + 100000000) / 200000000) END AS expected
  FROM t WHERE kind IN ('消费', '刷卡消费') AND amount > 0
), findings AS (
  SELECT 'rate_overcharge' AS category, row_no, fee - expected AS overcharge FROM sales WHERE fee - expected >= 2
  UNION ALL
  SELECT 'settlement_shortfall', row_no, amount - fee - net FROM sales WHERE amount - fee - net >= 2
  UNION ALL
  SELECT CASE WHEN regexp_matches(text, '流量|通讯|SIM') THEN 'traffic_fee'
              WHEN regexp_matches(text, '秒到|D0|提现') THEN 'instant_settlement_fee'
              WHEN regexp_matches(text, '服务费|会员|年费|使用费') THEN 'service_fee'
              WHEN regexp_matches(text, '押金') THEN 'deposit'
              ELSE 'other_deduction' END,
         row_no, -amount
  FROM t WHERE kind = '扣费'
)
SELECT category, count(*) AS n, sum(overcharge) AS fen FROM findings GROUP BY category ORDER BY category`;
const reader = await connection.runAndReadAll(sql);
const rows = reader.getRowObjectsJson();
const ms = performance.now() - started;
process.stdout.write(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, rows }));
