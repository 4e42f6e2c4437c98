// Options of `ld-manifest configs`: the CLI's own parser (cli/args.ts), `--var` pairs taken out first.
import { choiceOption, parseArgs, type OptionSpec } from '../../cli/args';
import { CliError } from '../../cli/cliError';
import type { StoreKind } from '../routes';
import { timeoutOption } from '../../request/cliOptions';

export const SUBCOMMANDS = ['list', 'create', 'get', 'update', 'validate', 'delete'] as const;
export type Subcommand = (typeof SUBCOMMANDS)[number];

export interface ConfigsOptions {
  readonly subcommand: Subcommand;
  readonly manifest: string;
  readonly project?: string;
  readonly environment?: string;
  readonly id?: string;
  readonly vars: ReadonlyMap<string, string>;
  readonly varsFile?: string;
  readonly name?: string;
  /** Given with --tag (repeatable, or comma-separated); undefined when none was. */
  readonly tags?: readonly string[];
  readonly on?: boolean;
  readonly format: 'text' | 'json';
  readonly yes: boolean;
  readonly baseUri?: string;
  readonly timeoutSeconds?: number;
  readonly caFile?: string;
  readonly kind?: StoreKind;
  readonly help: boolean;
}

const HINT = "try 'ld-manifest configs --help'";

const SPECS: readonly OptionSpec[] = [
  ...['project', 'environment', 'id', 'vars-file', 'name', 'format', 'base-uri', 'timeout', 'ca-file', 'kind'].map((name) => ({ name, valueName: name.toUpperCase() })),
  // Several --tag are joined with commas, which separate tags anyway.
  { name: 'tag', valueName: 'TAG', repeatable: true },
  { name: 'on' },
  { name: 'off' },
  { name: 'yes' },
  { name: 'help', short: 'h' },
];

/** Which options each subcommand takes, beyond --format, --base-uri, --timeout, --ca-file, --kind, --help. */
const TAKES: Readonly<Record<Subcommand, readonly string[]>> = {
  list: ['project', 'environment'],
  create: ['project', 'environment', 'var', 'vars-file', 'name', 'tag', 'on', 'off'],
  get: ['project', 'environment', 'id'],
  update: ['project', 'environment', 'id', 'var', 'vars-file', 'name', 'tag', 'on', 'off'],
  validate: ['project', 'environment', 'id'],
  delete: ['project', 'environment', 'id', 'yes'],
};
const COMMON = ['format', 'base-uri', 'timeout', 'ca-file', 'kind', 'help'];
const REQUIRED: Readonly<Record<Subcommand, readonly string[]>> = {
  list: [],
  create: ['project', 'environment'],
  get: ['project', 'environment', 'id'],
  update: ['project', 'environment', 'id'],
  validate: ['project', 'environment', 'id'],
  delete: ['project', 'environment', 'id'],
};

export function parseConfigsArgs(args: readonly string[]): ConfigsOptions {
  const { vars, rest } = takeVars(args);
  const parsed = parseArgs(rest, SPECS, HINT);
  const value = (name: string) => {
    const given = parsed.options.get(name);
    return typeof given === 'string' ? given : undefined;
  };
  const has = (name: string) => parsed.options.has(name);
  const [subcommand, ...manifests] = parsed.positionals;
  if (has('help') && (subcommand === undefined || isSubcommand(subcommand))) return helpOnly(subcommand);
  if (subcommand === undefined) throw new CliError(`missing subcommand: ${SUBCOMMANDS.join(', ')} (${HINT})`);
  if (!isSubcommand(subcommand)) throw new CliError(`unknown subcommand '${subcommand.slice(0, 40)}' (subcommands: ${SUBCOMMANDS.join(', ')})`);
  if (manifests.length !== 1) throw new CliError(manifests.length === 0 ? `missing MANIFEST: ld-manifest configs ${subcommand} MANIFEST` : `configs ${subcommand} takes one MANIFEST`);
  const given = [...parsed.options.keys(), ...(vars.size > 0 ? ['var'] : [])];
  const foreign = given.find((option) => !TAKES[subcommand].includes(option) && !COMMON.includes(option));
  if (foreign) throw new CliError(`configs ${subcommand} does not take --${foreign}`);
  const missing = REQUIRED[subcommand].find((option) => !has(option));
  if (missing) throw new CliError(`configs ${subcommand} needs --${missing}`);
  if (has('on') && has('off')) throw new CliError('--on and --off contradict each other');
  const tags = value('tag')
    ?.split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  return {
    subcommand,
    manifest: manifests[0]!,
    project: value('project'),
    environment: value('environment'),
    id: value('id'),
    vars,
    varsFile: value('vars-file'),
    name: value('name'),
    tags,
    on: has('on') ? true : has('off') ? false : undefined,
    format: choiceOption(parsed, 'format', ['text', 'json'], 'text'),
    yes: has('yes'),
    baseUri: value('base-uri'),
    timeoutSeconds: timeoutOption(value('timeout')),
    caFile: value('ca-file'),
    kind: kind(value('kind')),
    help: false,
  };
}

/**
 * The `--var key=value` pairs, taken out before the other options are parsed: a value may hold a
 * comma, so they cannot go through the shared parser's repeatable options (which join with commas).
 */
function takeVars(args: readonly string[]): { vars: Map<string, string>; rest: string[] } {
  const vars = new Map<string, string>();
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      rest.push(...args.slice(i));
      break;
    }
    if (arg !== '--var' && !arg.startsWith('--var=')) {
      rest.push(arg);
      continue;
    }
    const pair = arg === '--var' ? args[++i] : arg.slice('--var='.length);
    if (pair === undefined || (arg === '--var' && pair.startsWith('--'))) throw new CliError("option '--var' needs a value: --var key=value");
    const at = pair.indexOf('=');
    if (at <= 0) throw new CliError(`--var takes key=value, not '${pair.slice(0, 40)}'`);
    vars.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return { vars, rest };
}

function isSubcommand(word: string): word is Subcommand {
  return (SUBCOMMANDS as readonly string[]).includes(word);
}

function helpOnly(subcommand: Subcommand | undefined): ConfigsOptions {
  return { subcommand: subcommand ?? 'list', manifest: '', vars: new Map(), format: 'text', yes: false, help: true };
}

function kind(value: string | undefined): StoreKind | undefined {
  if (value === undefined || value === 'featureStore' || value === 'bigSegmentStore') return value;
  throw new CliError(`--kind must be 'featureStore' or 'bigSegmentStore', not '${value.slice(0, 40)}'`);
}
