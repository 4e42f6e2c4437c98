// `ld-manifest test-request`: the editor's "Test validation request" from a terminal or CI job.
// The lead wires it into the CLI's dispatcher; it never touches `process` (io carries the environment).
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CliError, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, oneLine } from '../cli/cliError';
import type { CliIo } from '../cli/io';
import { parseManifest } from '../engine/manifestDocument';
import { readCaFile, readText, readVarsFile } from '../cli/inputFiles';
import { ownValue, setOwn } from '../engine/ownRecord';
import { parseTestRequestArgs, TEST_REQUEST_HELP, type TestRequestOptions } from './cliOptions';
import { reportJson, reportText } from './report';
import { requestSpec, type RequestSpec } from './requestSpec';
import { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_SECONDS, prepareRequest } from './testRequest';
import { sendPrepared } from './sendPrepared';
import { ENV_ID, FEATURE_STORE_KEY } from './values';
import { isPassing } from './verdict';

export interface TestRequestIo extends CliIo {
  /** Where `LD_VAR_<key>` values come from (process.env in the real CLI). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

export async function runTestRequestCommand(args: readonly string[], io: TestRequestIo): Promise<number> {
  try {
    return await run(args, io);
  } catch (error) {
    const message = error instanceof CliError ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
    io.err(`ld-manifest: test-request: ${oneLine(message)}\n`);
    return EXIT_USAGE;
  }
}

async function run(args: readonly string[], io: TestRequestIo): Promise<number> {
  const options = parseTestRequestArgs(args);
  if (options.help) {
    io.out(TEST_REQUEST_HELP);
    return EXIT_OK;
  }
  const path = resolve(io.cwd, options.manifest);
  const label = relative(io.cwd, path) || path;
  const doc = parseManifest(pathToFileURL(path).href, readText(path, options.manifest));
  const found = requestSpec(doc, options.kind);
  if (!found.ok) throw new CliError(`${options.manifest}: ${found.problem}`);
  if (options.kind === 'featureStore' && !options.yes) {
    throw new CliError('--request featureStore writes a sample flag payload to the store; add --yes to confirm');
  }
  const given = gatherValues(found.spec, options, io);
  const prepared = prepareRequest(doc, options.kind, given);
  if (!prepared.ok) {
    if (prepared.stage === 'values') throw new CliError(`${prepared.problems.join('; ')} (give --var KEY=VALUE, LD_VAR_KEY or --vars-file)`);
    if (prepared.stage !== 'render') throw new CliError(prepared.problems.join('; '));
    io.out(options.format === 'json' ? refusedJson(label, prepared.problems) : refusedText(label, prepared.problems));
    return EXIT_PROBLEMS;
  }
  const run = await sendPrepared(prepared.prepared, {
    timeoutMs: (options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
    maxBodyBytes: DEFAULT_MAX_RESPONSE_BYTES,
    extraCa: options.caFile === undefined ? undefined : readCaFile(resolve(io.cwd, options.caFile), options.caFile),
  });
  io.out(options.format === 'json' ? reportJson(run, label) : reportText(run, label));
  return isPassing(run.reading.verdict) ? EXIT_OK : EXIT_PROBLEMS;
}

/** --var, then LD_VAR_<key>, then --vars-file; defaults are applied later, by resolveValues. */
function gatherValues(spec: RequestSpec, options: TestRequestOptions, io: TestRequestIo): Record<string, string | undefined> {
  const known = new Set([...spec.variables.map((v) => v.key), FEATURE_STORE_KEY, ENV_ID]);
  for (const key of options.vars.keys()) {
    if (!known.has(key)) throw new CliError(`--var ${key}: the ${spec.path.split('.').pop()} uses no variable '${key}' (it uses: ${[...known].join(', ')})`);
  }
  const fromFile = options.varsFile === undefined ? new Map<string, string>() : readTextValues(resolve(io.cwd, options.varsFile), options.varsFile);
  const given: Record<string, string | undefined> = {};
  for (const key of known) {
    setOwn(given, key, options.vars.get(key) ?? ownValue(io.env, `LD_VAR_${key}`) ?? fromFile.get(key));
  }
  for (const variable of spec.variables) {
    if (variable.isSecret && options.vars.has(variable.key)) {
      io.err(`ld-manifest: note: the secret '${variable.key}' was given with --var, which other users of this machine can see; prefer LD_VAR_${variable.key}\n`);
    }
  }
  return given;
}

/** --vars-file: values as text, each a string, number or boolean. */
function readTextValues(path: string, shown: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const [key, value] of readVarsFile(path, shown)) {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') throw new CliError(`--vars-file ${shown}: '${key}' must be a string, number or boolean`);
    values.set(key, String(value));
  }
  return values;
}

function refusedText(label: string, problems: readonly string[]): string {
  return [`Not sent: ${label} cannot be rendered:`, ...problems.map((p) => `  ${p}`), ''].join('\n');
}

function refusedJson(label: string, problems: readonly string[]): string {
  return JSON.stringify({ manifest: label, verdict: { kind: 'refused', passed: false, summary: 'Not sent: the request cannot be rendered.', problems } }, null, 2) + '\n';
}
