// `ld-manifest lint PATH...`: lints manifests with the editor's engine and prints the problems.
import { pathToFileURL } from 'node:url';
import { LanguageService } from '../engine/languageService';
import { createNodeHost, repositoryRootOf } from '../node/nodeHost';
import { choiceOption, type ParsedArgs } from './args';
import { CliError, EXIT_OK, EXIT_PROBLEMS } from './cliError';
import type { Command } from './command';
import { findManifests } from './findManifests';
import { lintHelp } from './help';
import type { CliIo } from './io';
import { readManifestText } from './readManifestText';
import { compareProblems, formatJson, formatSummary, formatTextLine, toReportedProblem, type ReportedProblem } from './report';
import { schemaChoice } from './schemaOption';
import { severityOverrides } from './severityOption';
import { append } from '../engine/append';

export const lintCommand: Command = {
  name: 'lint',
  summary: 'Check manifests for JSON and schema problems.',
  options: [
    { name: 'format', valueName: 'text|json' },
    { name: 'schema', valueName: 'auto|bundled|PATH' },
    { name: 'severity', valueName: 'CODE=LEVEL[,CODE=LEVEL...]', repeatable: true },
    { name: 'quiet', short: 'q' },
  ],
  help: lintHelp,
  run: runLint,
};

function runLint(args: ParsedArgs, io: CliIo): number {
  const format = choiceOption(args, 'format', ['text', 'json'], 'text');
  const quiet = args.options.has('quiet');
  if (args.positionals.length === 0) throw new CliError('lint needs at least one PATH (a manifest, a folder or a glob)');
  const schemaSetting = args.options.get('schema');
  const schema = schemaChoice(typeof schemaSetting === 'string' ? schemaSetting : undefined, io.cwd);
  const severityFlag = args.options.get('severity');
  const severity = severityOverrides(typeof severityFlag === 'string' ? severityFlag : undefined, io.cwd);

  // Everything is read before anything is printed: unreadable input stops the run (exit 2) without
  // leaving half a report behind.
  const manifests = findManifests(args.positionals, io.cwd).map((path) => ({ ...path, text: readManifestText(path.absolute, path.shown) }));

  const host = createNodeHost();
  const service = new LanguageService(host, schema.fixed);
  const problems: ReportedProblem[] = [];
  for (const manifest of manifests) {
    // Each manifest reads beside itself, within its repository (or the folders around it).
    host.allowRoot(repositoryRootOf(manifest.absolute));
    const doc = service.snapshot(pathToFileURL(manifest.absolute).href, manifest.text);
    const found = service
      .diagnostics(doc, { schema: schema.setting, severity, maxDiagnostics: Infinity })
      .map((diagnostic) => toReportedProblem(manifest.shown, diagnostic))
      .filter((problem) => !quiet || problem.severity === 'error')
      .sort(compareProblems);
    append(problems, found);
  }

  if (format === 'json') {
    io.out(formatJson(problems) + '\n');
  } else {
    io.out(problems.map((p) => formatTextLine(p) + '\n').join(''));
    io.out(formatSummary(problems, manifests.length) + '\n');
  }
  return problems.some((p) => p.severity === 'error') ? EXIT_PROBLEMS : EXIT_OK;
}
