// Every option of `ld-manifest lint` is explained in its --help and in the README's linter section.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintHelp } from '../../server/src/cli/help';
import { lintOptionSpecs } from '../../server/src/cli/lintOptions';
import { REPORT_FORMATS } from '../../server/src/cli/formats';
import { projectRoot } from './cliHarness';

test('lint --help and the README name every lint option and format', () => {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Command-line linter'), readme.indexOf('## Diagnostic codes'));
  const options = lintOptionSpecs.map((spec) => `--${spec.name}`);
  assert.deepEqual(options.filter((option) => !lintHelp.includes(`  ${option}`) && !lintHelp.includes(`, ${option}`)), [], 'in --help');
  assert.deepEqual(options.filter((option) => !section.includes(`\`${option}`)), [], 'in the README');
  assert.deepEqual(REPORT_FORMATS.filter((format) => !section.includes(`| \`${format}\``)), [], 'formats in the README table');
});
