// Runs every suite (unit, protocol, CLI, real editor) against fresh bundles and ends with one line
// `N passed, N failed[, N skipped]` covering all of them. Exits non-zero when any test failed or a
// suite could not run.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);

/** Each suite: how to run it and how to read its counts from its output. */
const suites = [
  { name: 'unit', command: 'node', args: ['--test', '--test-reporter=spec', 'out/test/unit/'], counts: nodeTestCounts },
  { name: 'protocol', command: 'node', args: ['--test', '--test-reporter=spec', 'out/test/protocol/'], counts: nodeTestCounts },
  { name: 'cli', command: 'node', args: ['--test', '--test-reporter=spec', 'out/test/cli/'], counts: nodeTestCounts },
  { name: 'request', command: 'node', args: ['--test', '--test-reporter=spec', 'out/test/request/'], counts: nodeTestCounts },
  { name: 'launchdarkly', command: 'node', args: ['--test', '--test-reporter=spec', 'out/test/launchdarkly/'], counts: nodeTestCounts },
  { name: 'e2e', command: 'bash', args: ['scripts/vscode-env/run-tests.sh'], counts: mochaCounts },
  // The same extension in the browser's web worker extension host (vscode.dev's).
  { name: 'e2e-web', command: 'bash', args: ['scripts/vscode-env/run-web-tests.sh'], counts: mochaCounts },
].filter((suite) => only.length === 0 || only.includes(suite.name));

function nodeTestCounts(output) {
  const read = (label) => Number(output.match(new RegExp(`^ℹ ${label} (\\d+)$`, 'm'))?.[1] ?? 0);
  return { passed: read('pass'), failed: read('fail') + read('cancelled'), skipped: read('skipped') + read('todo') };
}

/** The real-editor suite runs one mocha session per scenario: add up every summary. */
function mochaCounts(output) {
  const read = (label) => [...output.matchAll(new RegExp(`^\\s*(\\d+) ${label}`, 'gm'))].reduce((sum, m) => sum + Number(m[1]), 0);
  return { passed: read('passing'), failed: read('failing'), skipped: read('pending') };
}

function run(suite) {
  return new Promise((resolve) => {
    const child = spawn(suite.command, suite.args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const relay = (stream, target) => stream.on('data', (chunk) => { output += chunk; target.write(chunk); });
    relay(child.stdout, process.stdout);
    relay(child.stderr, process.stderr);
    child.on('close', (code) => resolve({ code, output }));
    child.on('error', (error) => resolve({ code: -1, output: String(error) }));
  });
}

const build = await run({ command: 'node', args: ['scripts/build.mjs'] });
if (build.code !== 0) {
  console.log('build failed\n0 passed, 1 failed');
  process.exit(1);
}
if (only.length === 0 || only.some((name) => name.startsWith('e2e'))) {
  // The real-editor suite tests the packaged extension, so package it first.
  const packaged = await run({ command: 'npm', args: ['run', '--silent', 'package'] });
  if (packaged.code !== 0) {
    console.log('packaging failed\n0 passed, 1 failed');
    process.exit(1);
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const summary = [];
for (const suite of suites) {
  if (!suite.name.startsWith('e2e') && !existsSync(join(root, suite.args[2]))) {
    summary.push(`${suite.name}: no tests`);
    continue;
  }
  console.log(`\n=== ${suite.name} ===`);
  const { code, output } = await run(suite);
  const counts = suite.counts(output);
  // A suite that died without reporting a failure still failed.
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  summary.push(`${suite.name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (exit ${code})`);
}
console.log('\n' + summary.join('\n'));
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
