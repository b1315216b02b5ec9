import { createWriteStream } from 'node:fs';
import { type Command, Option } from 'commander';
import { writeZip } from '../../documents/zip.js';
import { FeeGuardError } from '../../errors.js';
import { buildEvidencePackage } from '../../evidence/package.js';
import { caseContext, caseFiles, chosenChannel } from '../case-context.js';
import { resolveFrom } from '../files.js';
import type { CliIo } from '../io.js';

interface EvidenceFlags {
  case: string;
  channel?: string;
  out: string;
  lang: 'zh' | 'en';
}

export function register(program: Command, io: CliIo): void {
  program
    .command('evidence')
    .description(
      '证据包：投诉书、审计报告（HTML/PDF）、原始对账单、时间线和 SHA-256 校验清单，打成一个 ZIP',
    )
    .requiredOption('--case <file>', 'case.json (see docs/case-file.md)')
    .requiredOption('-o, --out <file>', 'the ZIP file to write')
    .option(
      '--channel <id>',
      'the channel the letter in it is for; default: the next step of the plan',
    )
    .addOption(new Option('--lang <lang>', 'language').choices(['zh', 'en']).default('zh'))
    .addHelpText('after', '\nExample:\n  feeguard evidence --case case.json --out pack.zip')
    .action(async (flags: EvidenceFlags) => {
      const context = await caseContext(io, flags.case);
      const { channel, filingType } = chosenChannel(context, flags.channel);
      const files = await caseFiles(context);
      const entries = await buildEvidencePackage({
        ...context,
        ...files,
        channel,
        filingType,
        language: flags.lang,
      });
      const out = resolveFrom(io.cwd, flags.out);
      const stream = createWriteStream(out);
      const written = await writeZip(entries, stream, {
        date: new Date(`${context.date}T12:00:00+08:00`),
      }).catch((error: unknown) => {
        throw new FeeGuardError('FG_ERR_USAGE', `无法写入 ${out} (cannot write the package)`, {
          hint: 'check that the folder exists and is writable',
          cause: error,
        });
      });
      io.stderr.write(
        `已写入 ${flags.out}：${String(entries.length)} 个文件，${String(written.bytes)} 字节（MANIFEST-SHA256.txt 可用 sha256sum -c 核验）\n`,
      );
    });
}
