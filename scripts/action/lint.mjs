// The lint step of the GitHub Action (action.yml): turns the action's inputs (INPUT_* variables, as
// the composite action passes them) into one `ld-manifest lint` run, and writes the step's outputs to
// $GITHUB_OUTPUT. It never fails the step itself on problems: the SARIF upload runs after it, and the
// action's last step fails the job with the recorded exit code. Runs locally too (test/cli/action.test.ts).
//
// The CLI is `ld-manifest` on PATH (the action installs the packed CLI), or `node $LD_MANIFEST_CLI`.
import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';

// The action passes each input as INPUT_<NAME> with `-` written `_` (see action.yml's env).
const input = (name) => (process.env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] ?? '').trim();

function lintArguments() {
  const format = input('format') || 'github';
  if (!['github', 'sarif'].includes(format)) fail(`the format input must be github or sarif, not ${format}`);
  const args = ['lint', '--format', format];
  const sarifFile = input('sarif-file') || 'ld-manifest.sarif';
  if (format === 'sarif') args.push('--output', sarifFile);
  if (input('changed-since')) args.push(`--changed=${input('changed-since')}`);
  if (input('config')) args.push('--config', input('config'));
  if (input('max-warnings')) args.push('--max-warnings', input('max-warnings'));
  // Paths are whitespace-separated, as a workflow's `paths: integrations other/folder` reads.
  const paths = (input('paths') || 'integrations').split(/\s+/).filter((p) => p !== '');
  args.push('--', ...paths);
  return { format, sarifFile, args };
}

function fail(message) {
  console.log(`::error title=ld-manifest action::${message}`);
  process.exit(2);
}

const { format, sarifFile, args } = lintArguments();
const cli = process.env.LD_MANIFEST_CLI;
const [command, commandArgs] = cli ? [process.execPath, [cli, ...args]] : ['ld-manifest', args];
// stdout is inherited: with --format github the workflow commands reach the log, where GitHub reads them.
const result = spawnSync(command, commandArgs, { stdio: 'inherit' });
if (result.error) fail(`cannot run ld-manifest: ${result.error.message}`);
const exitCode = result.status ?? 2;

// Exit 2 (bad usage) writes no report: there is nothing to upload then.
const wroteSarif = format === 'sarif' && exitCode !== 2;
if (wroteSarif) {
  const results = JSON.parse(readFileSync(sarifFile, 'utf8')).runs[0].results.length;
  console.log(`ld-manifest: ${results} result${results === 1 ? '' : 's'} written to ${sarifFile}`);
}
if (process.env.GITHUB_OUTPUT) {
  appendFileSync(process.env.GITHUB_OUTPUT, `exit-code=${exitCode}\n${wroteSarif ? `sarif-file=${sarifFile}\n` : ''}`);
}
