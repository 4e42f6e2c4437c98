// Options of `ld-manifest test-request`. Parsed here rather than with cli/args.ts because `--var`
// repeats (that parser keeps the last occurrence of an option).
import { CliError } from '../cli/cliError';
import type { RequestKind } from './requestSpec';
import { MAX_TIMEOUT_SECONDS } from './sendTypes';

export interface TestRequestOptions {
  readonly manifest: string;
  readonly kind: RequestKind;
  readonly vars: ReadonlyMap<string, string>;
  readonly varsFile?: string;
  readonly timeoutSeconds?: number;
  readonly format: 'text' | 'json';
  readonly caFile?: string;
  readonly yes: boolean;
  readonly help: boolean;
}

const VALUED = new Set(['request', 'var', 'vars-file', 'timeout', 'format', 'ca-file']);
const FLAGS = new Set(['yes', 'help']);

export function parseTestRequestArgs(args: readonly string[]): TestRequestOptions {
  const values = new Map<string, string>();
  const vars = new Map<string, string>();
  const flags = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-h') {
      flags.add('help');
      continue;
    }
    if (!arg.startsWith('--') || arg === '--') {
      if (arg === '--') positionals.push(...args.slice(i + 1));
      else positionals.push(arg);
      if (arg === '--') break;
      continue;
    }
    const equals = arg.indexOf('=');
    const name = arg.slice(2, equals >= 0 ? equals : undefined);
    if (FLAGS.has(name)) {
      if (equals >= 0) throw new CliError(`option '--${name}' takes no value`);
      flags.add(name);
      continue;
    }
    if (!VALUED.has(name)) throw new CliError(`unknown option '--${name}' (try 'ld-manifest test-request --help')`);
    const value = equals >= 0 ? arg.slice(equals + 1) : args[++i];
    if (value === undefined || (equals < 0 && value.startsWith('--'))) throw new CliError(`option '--${name}' needs a value`);
    if (name === 'var') {
      const at = value.indexOf('=');
      if (at <= 0) throw new CliError(`--var takes key=value, not '${value.slice(0, 40)}'`);
      vars.set(value.slice(0, at), value.slice(at + 1));
    } else {
      values.set(name, value);
    }
  }
  const help = flags.has('help');
  if (!help && positionals.length !== 1) throw new CliError(positionals.length === 0 ? 'missing MANIFEST (a manifest.json path)' : 'test-request takes one MANIFEST');
  return {
    manifest: positionals[0] ?? '',
    kind: requestKind(values.get('request')),
    vars,
    varsFile: values.get('vars-file'),
    timeoutSeconds: timeoutOption(values.get('timeout')),
    format: format(values.get('format')),
    caFile: values.get('ca-file'),
    yes: flags.has('yes'),
    help,
  };
}

function requestKind(value: string | undefined): RequestKind {
  if (value === undefined || value === 'validation') return 'validation';
  if (value === 'featureStore') return 'featureStore';
  throw new CliError(`--request must be 'validation' or 'featureStore', not '${value}'`);
}

function format(value: string | undefined): 'text' | 'json' {
  if (value === undefined || value === 'text' || value === 'json') return value ?? 'text';
  throw new CliError(`--format must be 'text' or 'json', not '${value}'`);
}

/** `--timeout S` of the commands that call out (test-request, configs): seconds, up to what a timer holds. */
export function timeoutOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_TIMEOUT_SECONDS) {
    throw new CliError(`--timeout takes seconds between 0 and ${MAX_TIMEOUT_SECONDS}, not '${value.slice(0, 40)}'`);
  }
  return seconds;
}

export const TEST_REQUEST_SUMMARY = "send a featureStore manifest's validation request and judge the answer with its parser";

export const TEST_REQUEST_HELP = `usage: ld-manifest test-request MANIFEST [options]

Renders the manifest's featureStore validationRequest with your values, sends it and reads the
answer with its parser: success when the status is 2xx, the body is JSON and the value at
parser.success is the boolean true.

options:
  --request validation|featureStore  which request (default validation); featureStore WRITES a
                                     sample flag payload to the store and needs --yes
  --var key=value                    a form variable's value (repeatable); also _featureStoreKey, envId
  --vars-file FILE                   a JSON object of values
  --timeout S                        seconds for the whole exchange (default 10)
  --format text|json                 output (default text)
  --ca-file FILE                     also trust this CA (PEM); certificates are always verified
  --yes                              confirm that --request featureStore may write to the store
  -h, --help                         this help

Values: --var, then LD_VAR_<key> environment variables, then --vars-file, then the variable's
defaultValue. Give secrets through LD_VAR_<key>: a --var is visible to other users of the machine.
Secret values are never printed.

exit: 0 success, 1 failed verdict (or the request cannot be rendered), 2 bad usage
`;
