import { type Command, Option } from 'commander';
import { channelTable, describeChannel } from '../../channels/describe.js';
import { defaultKnowledgeBase, findChannel } from '../../channels/knowledge-base.js';
import type { CliIo } from '../io.js';

interface ChannelsFlags {
  json?: boolean;
  lang: 'zh' | 'en';
}

export function register(program: Command, io: CliIo): void {
  program
    .command('channels')
    .description('投诉渠道知识库：谁可以用、怎么联系、答复期限和法律依据，每条都有出处')
    .argument('[id]', 'show one channel in full, with the source of every fact')
    .option('--json', 'print the knowledge base (or the one channel) as JSON')
    .addOption(new Option('--lang <lang>', 'language').choices(['zh', 'en']).default('zh'))
    .addHelpText(
      'after',
      '\nExamples:\n  feeguard channels\n  feeguard channels pboc_12363 --lang en\n  feeguard channels --json > channels.json',
    )
    .action((id: string | undefined, flags: ChannelsFlags) => {
      const kb = defaultKnowledgeBase();
      if (id === undefined) {
        io.stdout.write(
          flags.json ? `${JSON.stringify(kb, null, 2)}\n` : channelTable(kb, flags.lang),
        );
        return;
      }
      const channel = findChannel(kb, id);
      io.stdout.write(
        flags.json
          ? `${JSON.stringify(channel, null, 2)}\n`
          : describeChannel(channel, kb, flags.lang),
      );
    });
}
