import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allCodes } from '../../server/src/engine/diagnostics/allCodes';
import { repoRoot } from '../support/manifests';

test('the README documents every diagnostic code with its default severity', () => {
  const readme = readFileSync(join(repoRoot(), 'README.md'), 'utf8');
  const names = ['', 'error', 'warning', 'information', 'hint'];
  const missing = Object.entries(allCodes)
    .filter(([code, info]) => !readme.includes(`| \`${code}\` | ${names[info.severity]} |`))
    .map(([code]) => code);
  assert.deepEqual(missing, []);
});

test('the README documents every setting and command the extension contributes', () => {
  const root = repoRoot();
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, unknown> }; commands: { title: string }[] };
  };
  const missingSettings = Object.keys(manifest.contributes.configuration.properties).filter((key) => !readme.includes(`\`${key}\``));
  const missingCommands = manifest.contributes.commands.map((c) => c.title).filter((title) => !readme.includes(`*${title}*`));
  assert.deepEqual(missingSettings, []);
  assert.deepEqual(missingCommands, []);
});
