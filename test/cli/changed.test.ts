// --changed[=BASE] on a temporary git repository: only the manifests a change touches are linted,
// the manifest itself or a file it reads (an icon, an audit log template), staged, unstaged or new.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertUsageError, commitAll, git, integration, projectRoot, runCli, tempFolder, validManifest, writeFiles } from './cliHarness';

const hasGit = (() => {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const skip = hasGit ? false : 'git is not installed';

// Every manifest has an error (no full stop), so the text report lists exactly the manifests linted.
const withError = JSON.stringify({ ...validManifest, overview: 'No full stop' }, null, 2);

function repository(t: { after(fn: () => void): void }): string {
  const folder = tempFolder(t);
  writeFiles(folder, { ...integration('alpha', withError), ...integration('beta', withError), ...integration('gamma', withError) });
  commitAll(folder, 'three integrations');
  return folder;
}

function lintedFiles(stdout: string): string[] {
  return [...new Set(stdout.split('\n').filter((l) => l.includes(': error ')).map((l) => l.split(':')[0]!))];
}

test('nothing changed: no manifest linted', { skip }, (t) => {
  const folder = repository(t);
  const run = runCli(['lint', '--changed', 'integrations'], folder);
  assert.equal(run.stdout, 'No problems in 0 manifests\n');
  assert.equal(run.status, 0);
});

test('a changed manifest, a changed icon and a new manifest are linted; the others are not', { skip }, (t) => {
  const folder = repository(t);
  writeFileSync(join(folder, 'integrations/alpha/manifest.json'), withError + '\n');
  writeFileSync(join(folder, 'integrations/beta/assets/square.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2 2"/>\n');
  writeFiles(folder, integration('delta', withError));
  const run = runCli(['lint', '--changed', 'integrations'], folder);
  assert.equal(run.status, 1);
  assert.deepEqual(lintedFiles(run.stdout), ['integrations/alpha/manifest.json', 'integrations/beta/manifest.json', 'integrations/delta/manifest.json']);
  assert.match(run.stdout, / in 3 of 3 manifests\n$/);
});

test('a deleted icon selects the manifest that names it', { skip }, (t) => {
  const folder = repository(t);
  rmSync(join(folder, 'integrations/gamma/assets/horizontal.svg'));
  const run = runCli(['lint', '--changed', 'integrations'], folder);
  assert.deepEqual(lintedFiles(run.stdout), ['integrations/gamma/manifest.json']);
  assert.match(run.stdout, /icon-missing/);
});

test('a changed audit log template selects the manifest that renders it', { skip }, (t) => {
  const folder = repository(t);
  const example = JSON.parse(readFileSync(join(projectRoot, 'examples/integrations/acme-alerts/manifest.json'), 'utf8'));
  const hook = { ...example.capabilities.auditLogEventsHook, templates: { default: 'templates/default.json.hbs' } };
  const manifest = { ...validManifest, formVariables: example.formVariables, capabilities: { auditLogEventsHook: hook } };
  writeFiles(folder, {
    ...integration('hooked', JSON.stringify(manifest, null, 2)),
    'integrations/hooked/templates/default.json.hbs': '{ "kind": "flag" }\n',
  });
  git(folder, 'add', '.');
  git(folder, 'commit', '--quiet', '-m', 'a hook');
  assert.equal(runCli(['lint', '--changed', 'integrations'], folder).stdout, 'No problems in 0 manifests\n');
  writeFileSync(join(folder, 'integrations/hooked/templates/default.json.hbs'), '{ "kind": "flag", }\n');
  const run = runCli(['lint', '--changed', 'integrations'], folder);
  assert.deepEqual(lintedFiles(run.stdout), ['integrations/hooked/manifest.json']);
  assert.match(run.stdout, /audit-template-invalid-json/);
});

test('--changed=BASE: what a branch changed since it left BASE, committed or not', { skip }, (t) => {
  const folder = repository(t);
  git(folder, 'checkout', '--quiet', '-b', 'feature');
  writeFileSync(join(folder, 'integrations/alpha/manifest.json'), withError + '\n');
  git(folder, 'commit', '--quiet', '-am', 'change alpha');
  // main moves on after the branch left it: its change is not the branch's.
  git(folder, 'checkout', '--quiet', 'main');
  writeFileSync(join(folder, 'integrations/gamma/manifest.json'), withError + '\n');
  git(folder, 'commit', '--quiet', '-am', 'change gamma on main');
  git(folder, 'checkout', '--quiet', 'feature');
  // And an uncommitted change on the branch.
  writeFileSync(join(folder, 'integrations/beta/manifest.json'), withError + '\n\n');
  const run = runCli(['lint', '--changed=main', 'integrations'], folder);
  assert.deepEqual(lintedFiles(run.stdout), ['integrations/alpha/manifest.json', 'integrations/beta/manifest.json']);
  // Without a base: only the uncommitted change.
  assert.deepEqual(lintedFiles(runCli(['lint', '--changed', 'integrations'], folder).stdout), ['integrations/beta/manifest.json']);
});

test('--changed outside a repository, or with an unknown ref: one line, exit 2', { skip }, (t) => {
  const folder = repository(t);
  assertUsageError(runCli(['lint', '--changed=no-such-branch', 'integrations'], folder), /--changed: unknown git ref no-such-branch/);
  assertUsageError(runCli(['lint', '--changed=--output=x', 'integrations'], folder), /is not a git ref/);
  const outside = tempFolder(t);
  writeFiles(outside, integration('alpha'));
  assertUsageError(runCli(['lint', '--changed', 'integrations'], outside), /--changed needs a git repository/);
});
