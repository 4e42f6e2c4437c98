// A small, strict command-line parser: every option must be declared, so a typo is a usage error
// instead of being silently taken for a path.
import { CliError } from './cliError';

export interface OptionSpec {
  /** The long name without dashes, e.g. `format` for `--format`. */
  readonly name: string;
  /** One-letter alias without the dash, e.g. `h` for `-h`. */
  readonly short?: string;
  /** Set when the option takes a value (`--format json` or `--format=json`); the word shown in help. */
  readonly valueName?: string;
  /** Given more than once, the values are joined with commas instead of the last one winning. */
  readonly repeatable?: boolean;
  /**
   * The value may be left out: `--changed` alone is `true`, `--changed=BASE` gives a value. Only the
   * `=` form takes one, so `--changed integrations/` keeps `integrations/` a path.
   */
  readonly optionalValue?: boolean;
}

export interface ParsedArgs {
  /** Option name to its value; `true` for a flag. The last occurrence wins. */
  readonly options: ReadonlyMap<string, string | true>;
  readonly positionals: readonly string[];
}

export function parseArgs(args: readonly string[], specs: readonly OptionSpec[], helpHint: string): ParsedArgs {
  const options = new Map<string, string | true>();
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    // A lone `-` is a positional by convention (it names stdin elsewhere); here it is just a path.
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const written = equals >= 0 ? arg.slice(0, equals) : arg;
    const spec = arg.startsWith('--')
      ? specs.find((s) => s.name === written.slice(2))
      : specs.find((s) => s.short !== undefined && s.short === written.slice(1));
    if (!spec) throw new CliError(`unknown option '${written}' (${helpHint})`);
    if (spec.valueName === undefined || (spec.optionalValue && equals < 0)) {
      if (equals >= 0) throw new CliError(`option '${written}' takes no value`);
      options.set(spec.name, true);
      continue;
    }
    let value: string | undefined;
    if (equals >= 0) value = arg.slice(equals + 1);
    else if (i + 1 < args.length && !args[i + 1]!.startsWith('-')) value = args[++i];
    if (value === undefined || value === '') throw new CliError(`option '${written}' needs a value: ${written} ${spec.valueName}`);
    const earlier = options.get(spec.name);
    options.set(spec.name, spec.repeatable && typeof earlier === 'string' ? `${earlier},${value}` : value);
  }
  return { options, positionals };
}

/** The value of an option that must be one of a few words. */
export function choiceOption<T extends string>(parsed: ParsedArgs, name: string, choices: readonly T[], fallback: T): T {
  const value = parsed.options.get(name);
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
  const quoted = choices.map((c) => `'${c}'`);
  const allowed = quoted.length <= 2 ? quoted.join(' or ') : `one of ${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
  throw new CliError(`--${name} must be ${allowed}, not '${String(value)}'`);
}
