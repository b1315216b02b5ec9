import { type Command, Option } from 'commander';
import type { DocumentModel } from '../../documents/model.js';
import { renderDocx } from '../../documents/render-docx.js';
import { renderPdf } from '../../documents/render-pdf.js';
import { renderText } from '../../documents/render-text.js';
import { FeeGuardError } from '../../errors.js';
import { composeCallScript } from '../../letters/call-script.js';
import { fitLetterText, sourcedFormLimit, type FittedLetter } from '../../letters/fit.js';
import { composeLetter } from '../../letters/letter.js';
import { caseContext, chosenChannel, type CaseContext } from '../case-context.js';
import { resolveFrom, writeOutput } from '../files.js';
import type { CliIo } from '../io.js';

const FORMATS = ['docx', 'pdf', 'txt'] as const;
type DocumentFormat = (typeof FORMATS)[number];

interface DocumentFlags {
  case: string;
  channel?: string;
  format: DocumentFormat;
  lang: 'zh' | 'en';
  out?: string;
  maxChars?: string;
}

/** `feeguard letter` and `feeguard script`: the same options, a different document. */
export function register(program: Command, io: CliIo): void {
  documentCommand(program, io, {
    name: 'letter',
    description:
      '投诉书/举报信/起诉状：按渠道写好的正式文书（DOCX 可编辑，PDF 可打印，TXT 可粘贴到网上表单）',
    compose: (context, channelId, lang) => {
      const { channel, filingType } = chosenChannel(context, channelId);
      const input = { ...context, channel, filingType, language: lang };
      return {
        doc: composeLetter(input),
        limit: sourcedFormLimit(channel),
        fit: (limit) => fitLetterText(input, limit),
      };
    },
  });
  documentCommand(program, io, {
    name: 'script',
    description: '电话投诉话术：说什么、要什么（工单号、工号、答复日期）、记什么',
    compose: (context, channelId, lang) => {
      const { channel, step } = chosenChannel(context, channelId);
      const ladder = context.plan.ladder;
      const index = ladder.findIndex((s) => s.channel === channel.id);
      const next =
        index === -1 ? undefined : ladder.slice(index + 1).find((s) => s.state !== 'unavailable');
      return {
        doc: composeCallScript({
          ...context,
          channel,
          ...(step?.answerDue ? { answerDue: step.answerDue } : {}),
          ...(next ? { nextChannel: context.kb.channels.find((c) => c.id === next.channel) } : {}),
          language: lang,
        }),
        limit: undefined,
      };
    },
  });
}

interface DocumentCommand {
  name: string;
  description: string;
  compose: (
    context: CaseContext,
    channel: string | undefined,
    lang: 'zh' | 'en',
  ) => {
    doc: DocumentModel;
    limit: number | undefined;
    /** The text rewritten to fit a form (letters); without it the text is compacted. */
    fit?: (limit: number | undefined) => FittedLetter;
  };
}

function documentCommand(program: Command, io: CliIo, spec: DocumentCommand): void {
  program
    .command(spec.name)
    .description(spec.description)
    .requiredOption('--case <file>', 'case.json (see docs/case-file.md)')
    .option(
      '--channel <id>',
      'the channel it is for (feeguard channels); default: the next step of the plan',
    )
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('txt'))
    .addOption(new Option('--lang <lang>', 'language').choices(['zh', 'en']).default('zh'))
    .option('-o, --out <file>', 'write to this file (required for docx and pdf)')
    .option('--max-chars <n>', "fit the text to an online form's length limit (txt only)")
    .addHelpText(
      'after',
      `\nExamples:\n  feeguard ${spec.name} --case case.json\n  feeguard ${spec.name} --case case.json --channel pboc_12363 --format pdf --out ${spec.name}.pdf`,
    )
    .action(async (flags: DocumentFlags) => {
      if (flags.format !== 'txt' && !flags.out) {
        throw new FeeGuardError('FG_ERR_USAGE', `--format ${flags.format} writes a binary file`, {
          hint: `add --out ${spec.name}.${flags.format}`,
        });
      }
      const maxChars = flags.maxChars === undefined ? undefined : Number(flags.maxChars);
      if (maxChars !== undefined && (!Number.isInteger(maxChars) || maxChars < 50)) {
        throw new FeeGuardError(
          'FG_ERR_USAGE',
          `--max-chars ${String(flags.maxChars)} is not a usable limit`,
          {
            hint: 'give a whole number of characters, at least 50',
          },
        );
      }
      const context = await caseContext(io, flags.case);
      const composed = spec.compose(context, flags.channel, flags.lang);
      const limit = maxChars ?? composed.limit;
      const content =
        flags.format === 'txt' && composed.fit
          ? fittedText(composed.fit(limit), io)
          : await render(composed.doc, flags.format, limit, io);
      if (flags.out) await writeOutput(resolveFrom(io.cwd, flags.out), content);
      else io.stdout.write(content);
    });
}

function fittedText(fitted: FittedLetter, io: CliIo): string {
  if (fitted.version !== 'full') {
    const limit = String(fitted.limit);
    io.stderr.write(
      `注意：为符合 ${limit} 字的表单限制，已改写为简短版（${fitted.truncated ? '并删去部分语句，' : ''}请求事项、金额、日期和法律依据都在；完整版请用 --format pdf/docx 作为附件）。 Rewritten to fit ${limit} characters; attach the full letter.\n`,
    );
  }
  return `${fitted.text}\n`;
}

async function render(
  doc: DocumentModel,
  format: DocumentFormat,
  maxChars: number | undefined,
  io: CliIo,
): Promise<string | Buffer> {
  switch (format) {
    case 'docx':
      return renderDocx(doc);
    case 'pdf':
      return renderPdf(doc);
    case 'txt': {
      const text = renderText(doc, maxChars === undefined ? {} : { maxChars });
      if (text.truncated) {
        io.stderr.write(
          `注意：为符合 ${String(maxChars)} 字的表单限制，文本已压缩（完整版请用 --format pdf/docx 作为附件）。 Shortened to fit ${String(maxChars)} characters; attach the full letter.\n`,
        );
      }
      return `${text.text}\n`;
    }
  }
}
