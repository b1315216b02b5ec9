import { type Command, Option } from 'commander';
import { planInputOf } from '../../cases/case-input.js';
import { defaultKnowledgeBase } from '../../channels/knowledge-base.js';
import { chinaCalendar } from '../../deadlines/calendar.js';
import { describePlan } from '../../plan/describe.js';
import { planCase } from '../../plan/plan.js';
import { defaultPlanPolicy } from '../../plan/policy.js';
import { resolveFrom, writeOutput } from '../files.js';
import type { CliIo } from '../io.js';
import { loadCase } from '../load-case.js';

interface PlanFlags {
  case: string;
  format: 'text' | 'json';
  lang: 'zh' | 'en';
  out?: string;
}

export function register(program: Command, io: CliIo): void {
  program
    .command('plan')
    .description('投诉路线：先找谁、为什么、对方多久必须答复、何时升级到哪里')
    .requiredOption('--case <file>', 'case.json (see docs/case-file.md)')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['text', 'json'])
        .default('text'),
    )
    .addOption(new Option('--lang <lang>', 'language').choices(['zh', 'en']).default('zh'))
    .option('-o, --out <file>', 'write the plan to a file instead of standard output')
    .addHelpText(
      'after',
      '\nExamples:\n  feeguard plan --case case.json\n  feeguard plan --case case.json --format json --out plan.json',
    )
    .action(async (flags: PlanFlags) => {
      const loaded = await loadCase(resolveFrom(io.cwd, flags.case));
      const plan = planCase(
        planInputOf(loaded.caseFile, loaded.audit, io.today()),
        defaultKnowledgeBase(),
        chinaCalendar(),
        defaultPlanPolicy(),
      );
      const text =
        flags.format === 'json'
          ? `${JSON.stringify(plan, null, 2)}\n`
          : describePlan(plan, flags.lang);
      if (flags.out) await writeOutput(resolveFrom(io.cwd, flags.out), text);
      else io.stdout.write(text);
    });
}
