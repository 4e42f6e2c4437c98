// Runs the real bundled CLI (dist/cli.js, built by scripts/build.mjs) as a child process in temporary
// folders, the way a user or CI job runs it.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import assert from 'node:assert/strict';
import { manifestBasics } from '../support/manifests';

/** The project root: this file is bundled to out/test/cli/<name>.test.js. */
export const projectRoot = join(__dirname, '..', '..', '..');
export const cliPath = join(projectRoot, 'dist', 'cli.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], cwd: string): CliRun {
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A bad-usage or unreadable-input run: exit 2, nothing on stdout, one `ld-manifest: ...` line on stderr. */
export function assertUsageError(run: CliRun, expected: RegExp): void {
  assert.equal(run.status, 2, `exit code; stderr: ${run.stderr}`);
  assert.equal(run.stdout, '');
  assertNoStackTrace(run);
  const lines = run.stderr.split('\n');
  assert.equal(lines.length, 2, `one line on stderr, got: ${JSON.stringify(run.stderr)}`);
  assert.equal(lines[1], '');
  assert.match(lines[0]!, /^ld-manifest: /);
  assert.match(lines[0]!, expected);
}

export function assertNoStackTrace(run: CliRun): void {
  for (const output of [run.stdout, run.stderr]) {
    assert.doesNotMatch(output, /^\s+at /m, 'no stack trace');
    assert.doesNotMatch(output, /\b(TypeError|RangeError|ReferenceError|SyntaxError)\b.*\n/, 'no raw exception');
  }
}

/** A fresh temporary folder, removed after the test. */
export function tempFolder(t: { after(fn: () => void): void }): string {
  const folder = mkdtempSync(join(tmpdir(), 'ld-manifest-cli-'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>\n';

/**
 * Writes files (path relative to `root` => content), creating folders as needed. Every folder that
 * gets a `.json` file also gets the icons `validManifest` names, so the icon rules stay quiet in
 * tests about the CLI itself.
 */
export function writeFiles(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
    if (path.endsWith('.json')) {
      mkdirSync(join(root, dirname(path), 'assets'), { recursive: true });
      for (const icon of [validManifest.icons.square, validManifest.icons.horizontal]) writeFileSync(join(root, dirname(path), icon), svg);
    }
  }
}

/** A manifest that both the bundled and the upstream schema accept, with no capability of its own. */
export const validManifest = {
  ...manifestBasics(),
  icons: { square: 'assets/square.svg', horizontal: 'assets/horizontal.svg' },
  otherCapabilities: ['external'],
};

export const validManifestText = JSON.stringify(validManifest, null, 2) + '\n';


/** Files for one integration folder `integrations/<key>/`: the manifest and its icons. */
export function integration(key: string, manifestText = validManifestText): Record<string, string> {
  return {
    [`integrations/${key}/manifest.json`]: manifestText,
    [`integrations/${key}/assets/square.svg`]: svg,
    [`integrations/${key}/assets/horizontal.svg`]: svg,
  };
}

export interface JsonProblem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

export function parseJsonReport(run: CliRun): JsonProblem[] {
  const parsed: unknown = JSON.parse(run.stdout);
  assert.ok(Array.isArray(parsed), 'the JSON report is an array');
  for (const problem of parsed as Record<string, unknown>[]) {
    assert.deepEqual(Object.keys(problem).sort(), ['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'severity']);
    assert.ok(['error', 'warning', 'information', 'hint'].includes(problem.severity as string), `severity ${String(problem.severity)}`);
    for (const key of ['line', 'column', 'endLine', 'endColumn']) assert.ok(Number.isInteger(problem[key]) && (problem[key] as number) >= 1, `${key} is 1-based`);
    assert.ok(typeof problem.message === 'string' && problem.message.length > 0);
  }
  return parsed as JsonProblem[];
}

/** The problems without their wording, which belongs to the engine and may be improved. */
export function positionsOf(problems: readonly JsonProblem[]): string[] {
  return problems.map((p) => `${p.file}:${p.line}:${p.column}-${p.endLine}:${p.endColumn} ${p.severity} ${p.code}`);
}

/** Runs git in `cwd` with an identity of its own, so that commits work where git has no configuration. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
}

/** Makes `folder` a git repository with everything in it committed. */
export function commitAll(folder: string, message: string): void {
  git(folder, 'init', '--quiet', '--initial-branch=main');
  git(folder, 'add', '.');
  git(folder, 'commit', '--quiet', '-m', message);
}
