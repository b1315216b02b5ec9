import type { Contract } from '../audit/contract.js';
import { csvCell } from '../csv.js';
import type { AuditReport } from '../audit/report/schema.js';
import { renderReport } from '../audit/report/render.js';
import type { CaseFile } from '../cases/case-file.js';
import type { Channel, FilingType, KnowledgeBase } from '../channels/schema.js';
import { manifest, sha256Hex } from '../documents/manifest.js';
import { renderDocx } from '../documents/render-docx.js';
import { renderPdf } from '../documents/render-pdf.js';
import { renderText } from '../documents/render-text.js';
import {
  caseFacts,
  categoryName,
  consentDenied,
  longDate,
  yuan,
  type Language,
} from '../letters/case-facts.js';
import { contractDocument } from '../letters/contract-document.js';
import type { LegalGround } from '../letters/legal-grounds.js';
import { composeLetter } from '../letters/letter.js';
import { reportDocument } from '../letters/report-document.js';
import type { Plan } from '../plan/plan.js';

/**
 * The evidence package: everything a channel needs, in one ZIP, with a manifest of SHA-256
 * digests so the receiver can check that nothing was changed after it was made. The original
 * statements go in byte for byte; the letter and the report are made fresh from the case.
 */
export interface EvidenceFile {
  readonly name: string;
  readonly data: Buffer;
}

export interface EvidenceInput {
  readonly caseFile: CaseFile;
  readonly audit: AuditReport;
  readonly kb: KnowledgeBase;
  readonly grounds: readonly LegalGround[];
  readonly plan: Plan;
  /** The channel the letter is addressed to. */
  readonly channel: Channel;
  readonly filingType: FilingType;
  readonly statements: readonly EvidenceFile[];
  readonly attachments: readonly EvidenceFile[];
  /** The contract terms on file: packed as a readable PDF table, never as JSON. */
  readonly contract?: Contract;
  readonly date: string;
  readonly language: Language;
}

export const MANIFEST_NAME = 'MANIFEST-SHA256.txt';

export async function buildEvidencePackage(input: EvidenceInput): Promise<EvidenceFile[]> {
  const { language: lang } = input;
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const letter = composeLetter(input);
  const report = reportDocument(input.audit, lang, input.date);
  const letterName = t(`01-${letter.title}-${input.channel.id}`, `01-letter-${input.channel.id}`);
  const reportName = t('02-对账审计报告', '02-audit-report');
  const files: EvidenceFile[] = [
    { name: `${letterName}.pdf`, data: await renderPdf(letter) },
    { name: `${letterName}.docx`, data: await renderDocx(letter) },
    { name: `${letterName}.txt`, data: Buffer.from(renderText(letter).text, 'utf8') },
    { name: `${reportName}.pdf`, data: await renderPdf(report) },
    { name: `${reportName}.html`, data: Buffer.from(renderReport(input.audit, 'html'), 'utf8') },
    { name: `${reportName}.json`, data: Buffer.from(renderReport(input.audit, 'json'), 'utf8') },
    ...uniqueNames(input.statements).map((f) => ({
      name: `${t('03-原始对账单', '03-original-statements')}/${f.name}`,
      data: f.data,
    })),
    ...(input.contract
      ? [
          {
            name: `${t('04-其他证据', '04-other-evidence')}/${t('合同约定的费用', 'agreed-fees')}.pdf`,
            data: await renderPdf(contractDocument(input.contract, lang)),
          },
        ]
      : []),
    ...uniqueNames(input.attachments).map((f) => ({
      name: `${t('04-其他证据', '04-other-evidence')}/${f.name}`,
      data: f.data,
    })),
    { name: t('05-时间线.csv', '05-timeline.csv'), data: timelineCsv(input) },
  ];
  const readme = readmeText(input, files);
  const all = [
    { name: t('00-说明.txt', '00-README.txt'), data: Buffer.from(readme, 'utf8') },
    ...files,
  ];
  return [...all, { name: MANIFEST_NAME, data: Buffer.from(manifest(all), 'utf8') }];
}

/** Two attachments called "截图.png" must not overwrite each other inside the ZIP. */
function uniqueNames(files: readonly EvidenceFile[]): EvidenceFile[] {
  const seen = new Map<string, number>();
  return files.map((f) => {
    const count = seen.get(f.name) ?? 0;
    seen.set(f.name, count + 1);
    if (count === 0) return f;
    const dot = f.name.lastIndexOf('.');
    const name =
      dot > 0
        ? `${f.name.slice(0, dot)}-${String(count + 1)}${f.name.slice(dot)}`
        : `${f.name}-${String(count + 1)}`;
    return { name, data: f.data };
  });
}

interface TimelineEvent {
  readonly date: string;
  readonly event: string;
  readonly amount: string;
  readonly reference: string;
}

/** Everything that happened, in date order: deductions, noticing them, filings, deadlines. */
export function timelineEvents(input: EvidenceInput): TimelineEvent[] {
  const { caseFile, kb, plan, language: lang } = input;
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const facts = caseFacts(input.audit);
  // "Without consent" only when the merchant affirmed it, as in the letter; otherwise the
  // timeline states what happened and what is asked.
  const denied = consentDenied(caseFile, facts);
  const events: TimelineEvent[] = facts.disputed.map((d) => ({
    date: d.date,
    event: denied
      ? t(
          `${categoryName(d.category, 'zh')}被扣（未经同意）：${d.text}`,
          `${categoryName(d.category, 'en')} taken without consent: ${d.text}`,
        )
      : t(
          `${categoryName(d.category, 'zh')}被扣（要求退还）：${d.text}`,
          `${categoryName(d.category, 'en')} deducted (refund requested): ${d.text}`,
        ),
    amount: yuan(d.claimFen, lang),
    reference: d.where,
  }));
  for (const q of facts.questioned) {
    events.push({
      date: q.date,
      event: t(
        `${categoryName(q.category, 'zh')}被扣（用途不明，请对方说明）：${q.text}`,
        `${categoryName(q.category, 'en')} deducted (purpose unclear, to be explained): ${q.text}`,
      ),
      amount: yuan(q.amountFen, lang),
      reference: q.where,
    });
  }
  if (caseFile.noticedAt) {
    events.push({
      date: caseFile.noticedAt,
      event: t('发现扣费', 'Deductions noticed'),
      amount: '',
      reference: '',
    });
  }
  for (const attempt of caseFile.history) {
    const name = kb.channels.find((c) => c.id === attempt.channel)?.name[lang] ?? attempt.channel;
    events.push({
      date: attempt.date,
      event: t(`向“${name}”提出`, `Filed with ${name}`),
      amount: '',
      reference: attempt.reference ?? '',
    });
    if (attempt.answeredAt) {
      events.push({
        date: attempt.answeredAt,
        event: t(
          `“${name}”答复：${ANSWER_WORDS[attempt.outcome].zh}`,
          `${name} answered: ${ANSWER_WORDS[attempt.outcome].en}`,
        ),
        amount:
          attempt.refundYuan === undefined
            ? ''
            : `${String(attempt.refundYuan)} ${t('元', 'yuan')}`,
        reference: attempt.reference ?? '',
      });
    }
  }
  for (const step of plan.ladder) {
    if (step.answerDue && (step.state === 'waiting' || step.state === 'overdue')) {
      events.push({
        date: step.answerDue.deadline.due,
        event: t(
          `“${step.name.zh}”答复期限（${step.answerDue.basis}）`,
          `Answer due from ${step.name.en} (${step.answerDue.basis})`,
        ),
        amount: '',
        reference: step.filed?.reference ?? '',
      });
    }
  }
  return events.sort((a, b) => a.date.localeCompare(b.date));
}

/** An answer as the timeline names it: in words, never the case file's outcome codes. */
const ANSWER_WORDS: Record<CaseFile['history'][number]['outcome'], { zh: string; en: string }> = {
  pending: { zh: '已答复，尚在核实', en: 'answered; being considered' },
  no_answer: { zh: '未在期限内答复', en: 'no answer within the time limit' },
  rejected: { zh: '拒绝退款', en: 'refused' },
  partial_refund: { zh: '部分退款', en: 'partly refunded' },
  refunded: { zh: '全额退款', en: 'refunded in full' },
};

function timelineCsv(input: EvidenceInput): Buffer {
  const t = (zh: string, en: string) => (input.language === 'zh' ? zh : en);
  const header = [
    t('日期', 'date'),
    t('事件', 'event'),
    t('金额', 'amount'),
    t('出处/工单号', 'source/reference'),
  ];
  const lines = [
    header,
    ...timelineEvents(input).map((e) => [e.date, e.event, e.amount, e.reference]),
  ].map((cells) => cells.map(csvCell).join(','));
  // The BOM lets Excel and WPS open the UTF-8 file with its Chinese intact.
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

function readmeText(input: EvidenceInput, files: readonly EvidenceFile[]): string {
  const { caseFile, language: lang } = input;
  const facts = caseFacts(input.audit);
  const list = files.map(
    (f) =>
      `  ${f.name}  (${String(f.data.length)} bytes, SHA-256 ${sha256Hex(f.data).slice(0, 16)}…)`,
  );
  if (lang === 'en') {
    return [
      `Evidence package: ${caseFile.complainant.businessName ?? caseFile.complainant.name} v. ${caseFile.respondent.name}`,
      `Made on ${longDate(input.date, 'en')} by FeeGuard for ${input.channel.name.en}.`,
      ...claimLines(facts, 'en'),
      '',
      'Contents:',
      ...list,
      '',
      `Checking the files: ${MANIFEST_NAME} lists the SHA-256 digest of every file. After unpacking, run`,
      `  sha256sum -c ${MANIFEST_NAME}          (Linux, macOS: shasum -a 256 -c)`,
      '  certutil -hashfile FILE SHA256         (Windows, one file at a time)',
      'Every line must say OK. The original statements are exactly as exported from the provider.',
      '',
    ].join('\n');
  }
  return [
    `证据包：${caseFile.complainant.businessName ?? caseFile.complainant.name} 与 ${caseFile.respondent.name}`,
    `由扣费卫士于 ${longDate(input.date, 'zh')} 生成，提交对象：${input.channel.name.zh}。`,
    ...claimLines(facts, 'zh'),
    '',
    '内容：',
    ...list,
    '',
    `核验方法：${MANIFEST_NAME} 列出了每个文件的 SHA-256 校验值。解压后运行`,
    `  sha256sum -c ${MANIFEST_NAME}          （Linux；macOS 用 shasum -a 256 -c）`,
    '  certutil -hashfile 文件名 SHA256        （Windows，逐个文件核对）',
    '每一行都应显示 OK。原始对账单保持从服务商导出时的原样，未作任何修改。',
    '',
  ].join('\n');
}

/** What the case asks for: the claim, and apart from it the deductions to be explained. */
function claimLines(facts: ReturnType<typeof caseFacts>, lang: Language): string[] {
  const zh = lang === 'zh';
  const q = facts.unexplained;
  return [
    ...(facts.disputed.length > 0
      ? [
          zh
            ? `追讨金额：${yuan(facts.claimFen, 'zh')}（争议扣费 ${String(facts.disputed.length)} 笔）。`
            : `Claim: ${yuan(facts.claimFen, 'en')} (${String(facts.disputed.length)} disputed deductions).`,
        ]
      : []),
    ...(q.count > 0
      ? [
          zh
            ? `请对方说明依据的扣款：${String(q.count)} 笔，合计 ${yuan(q.totalFen, 'zh')}（不计入追讨金额）。`
            : `Deductions the provider is asked to explain: ${String(q.count)}, ${yuan(q.totalFen, 'en')} in all (not part of the claim).`,
        ]
      : []),
  ];
}
