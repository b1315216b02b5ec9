import { formatFenGrouped } from '../audit/money.js';
import { noteIn, type Bilingual, type Plan, type PlanStep, type StepState } from './plan.js';

export type Language = 'zh' | 'en';

const STATE_WORDS: Record<StepState, Bilingual> = {
  done: { zh: '已完成', en: 'done' },
  waiting: { zh: '等待答复', en: 'waiting' },
  overdue: { zh: '已逾期', en: 'overdue' },
  disputed: { zh: '答复有争议', en: 'disputed' },
  resolved: { zh: '已解决', en: 'resolved' },
  next: { zh: '下一步', en: 'next' },
  later: { zh: '备用', en: 'later' },
  skipped: { zh: '未使用', en: 'skipped' },
  not_needed: { zh: '不需要', en: 'not needed' },
  unavailable: { zh: '不适用', en: 'not open' },
};

const FILING_WORDS: Record<PlanStep['filingType'], Bilingual> = {
  complaint: { zh: '投诉', en: 'complaint' },
  report: { zh: '举报', en: 'report' },
  application: { zh: '申请', en: 'application' },
};

export function stateWord(state: StepState, lang: Language): string {
  return STATE_WORDS[state][lang];
}

export function filingWord(type: PlanStep['filingType'], lang: Language): string {
  return FILING_WORDS[type][lang];
}

/** The plan as a terminal reads it: the headline, the ladder, the moves alongside, the warnings. */
export function describePlan(plan: Plan, lang: Language): string {
  const zh = lang === 'zh';
  const out: string[] = [];
  out.push(zh ? `投诉路线（${plan.asOf}）` : `Complaint plan (${plan.asOf})`);
  out.push(
    zh
      ? `追讨金额：${formatFenGrouped(plan.claimFen)} 元`
      : `Claim: ${formatFenGrouped(plan.claimFen)} yuan`,
  );
  out.push('', plan.headline[lang], '');
  if (plan.question)
    out.push(zh ? `需要你确认：${plan.question.zh}` : `Please confirm: ${plan.question.en}`, '');
  out.push(zh ? '步骤' : 'Steps');
  plan.ladder.forEach((step, i) => {
    out.push(...describeStep(step, `${String(i + 1)}.`, lang));
  });
  out.push('', zh ? '可同时进行' : 'Alongside');
  for (const step of plan.parallel) out.push(...describeStep(step, '•', lang));
  out.push('', zh ? '集体投诉' : 'Group complaint', `  ${plan.groupComplaint.why[lang]}`);
  if (plan.warnings.length > 0) {
    out.push('', zh ? '注意' : 'Warnings');
    for (const w of plan.warnings) out.push(`  ! ${w[lang]}`);
  }
  return `${out.join('\n')}\n`;
}

function describeStep(step: PlanStep, marker: string, lang: Language): string[] {
  const zh = lang === 'zh';
  const lines = [
    `${marker} ${step.name[lang]} [${filingWord(step.filingType, lang)}] — ${stateWord(step.state, lang)}`,
    `   ${step.when[lang]}`,
  ];
  if (step.state === 'next' || step.state === 'later') lines.push(`   ${step.why[lang]}`);
  if (step.state === 'next') {
    if (step.contacts.length > 0) {
      lines.push(zh ? '   联系方式：' : '   How to reach it:');
      for (const c of step.contacts)
        lines.push(`     - ${c.value}${c.hours ? ` (${noteIn(c.hours, lang)})` : ''}`);
    }
    if (step.bring.length > 0) {
      lines.push(zh ? '   准备：' : '   Bring:');
      for (const b of step.bring) lines.push(`     - ${b[lang]}`);
    }
  }
  if (step.answerDue && step.state !== 'not_needed' && step.state !== 'skipped') {
    const { deadline, latest, what } = step.answerDue;
    const shifted = deadline.shiftedFrom
      ? zh
        ? `（原为 ${deadline.shiftedFrom}${deadline.shiftedPast ? `，遇${deadline.shiftedPast}顺延` : '，遇休息日顺延'}）`
        : ` (moved from ${deadline.shiftedFrom}, a rest day)`
      : '';
    const provisional = deadline.provisional
      ? zh
        ? '（次年节假日安排尚未公布，日期可能变化）'
        : ' (next year’s holidays are not published yet; the date may move)'
      : '';
    lines.push(
      zh
        ? `   答复期限：${deadline.due}${shifted}${latest ? `，延期最晚 ${latest.due}` : ''}${provisional} — ${what.zh}；依据：${step.answerDue.basis}`
        : `   Answer due: ${deadline.due}${shifted}${latest ? `, ${latest.due} at the latest with extensions` : ''}${provisional} — ${what.en}; basis: ${step.answerDue.basis}`,
    );
    const stages = step.answerDue.procedures ?? [];
    if (stages.length > 1) {
      lines.push(zh ? '   各程序的期限：' : '   Each procedure:');
      for (const p of stages) {
        const status = p.verified
          ? zh
            ? `已核实（${p.verifiedAt}）`
            : `verified ${p.verifiedAt}`
          : zh
            ? '待核实'
            : 'to be verified';
        const estimate = p.estimated
          ? zh
            ? '（按上一程序的最后一天推算）'
            : ' (counted from the last day of the stage before)'
          : '';
        lines.push(
          zh
            ? `     - ${p.deadline.due}${p.latest ? `（最晚 ${p.latest.due}）` : ''}${estimate}：${p.startEvent.zh}，${p.what.zh}；依据${p.basis}，${status}`
            : `     - ${p.deadline.due}${p.latest ? ` (latest ${p.latest.due})` : ''}${estimate}: ${p.what.en} (${p.startEvent.en}); ${p.basis}, ${status}`,
        );
      }
    }
  }
  if (step.alternativeNames && step.alternativeNames.length > 0) {
    const names = step.alternativeNames.map((n) => n[lang]);
    lines.push(zh ? `   也可以：${names.join('、')}` : `   Or: ${names.join(', ')}`);
  }
  if (step.tradeOffs && step.state === 'later') lines.push(`   ${step.tradeOffs[lang]}`);
  if (step.verify.length > 0 && (step.state === 'next' || step.state === 'later')) {
    lines.push(zh ? '   待核实（使用前请核实）：' : '   To be verified before relying on:');
    for (const v of step.verify.slice(0, 3)) lines.push(`     - ${v[lang]}`);
    if (step.verify.length > 3) {
      lines.push(
        zh
          ? `     - 另有 ${String(step.verify.length - 3)} 项`
          : `     - ${String(step.verify.length - 3)} more (see --format json)`,
      );
    }
  }
  return lines;
}
