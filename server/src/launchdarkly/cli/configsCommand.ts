// `ld-manifest configs list|create|get|update|validate|delete MANIFEST`: a manifest's store
// configurations in LaunchDarkly. The token comes from LD_ACCESS_TOKEN only (a flag would show in the
// process list), the instance from --base-uri or LD_BASE_URI, the names LaunchDarkly's own CLI uses.
import type { Command } from '../../cli/command';
import { CONFIGS_HELP, CONFIGS_SUMMARY } from './configsHelp';
import { runConfigsCommand } from './configsRun';
import { processTerminal } from './terminal';

export const configsCommand: Command = {
  name: 'configs',
  summary: CONFIGS_SUMMARY,
  options: [],
  help: CONFIGS_HELP,
  parsesOwnArguments: true,
  run: (_args, io, raw) => runConfigsCommand(raw, { ...io, env: io.env ?? {}, terminal: processTerminal }),
};
