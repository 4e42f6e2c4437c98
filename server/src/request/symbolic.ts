// A request is rendered once, with the real values, and that one rendering is what is sent, shown,
// logged and copied as curl. Secrets never enter the templates as bare text: each enters as a mark
// (private-use characters around an index into a table of marked values), and every helper that
// transforms a secret (pathEncode, queryEncode, basicAuthHeaderValue, edgeGridAuth) returns a new mark
// whose real, masked and shell forms it computes. The rendered text is then read three ways: real
// (sent), masked (shown and logged) and shell (curl). So what is shown is what is sent, by
// construction, and masking never searches text for a secret's value. A helper that would branch on a
// secret refuses (renderHelpers.ts): no rendering depends on a secret's value.

const MARK_OPEN = '\uE000';
const MARK_CLOSE = '\uE001';
const MARK = /\uE000(\d+)\uE001/g;
/** Characters a template or a value may not hold: they would forge a mark. */
export const RESERVED_CHARACTERS = /[\uE000\uE001]/;

// The engine's SECRET_MASK, written again: this module is in the client bundle, which carries no engine code.
export const MASK = '••••';

/** What one mark stands for: the text sent, the text shown, and how a shell recomputes it. */
export interface MarkedValue {
  readonly real: string;
  readonly masked: string;
  /** A shell expansion inside double quotes, e.g. `${API_TOKEN}`: the curl command carries no secret. */
  readonly shell: string;
  /** Shell variables the `shell` form reads, by name (for the curl command's note). */
  readonly variables: readonly string[];
  /** The secret's value had to be transformed (encoded) for this mark; the note says the variable must hold it so. */
  readonly transformed?: string;
}

export type Piece = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'mark'; readonly value: MarkedValue };

const UNKNOWN_MARK: MarkedValue = { real: '', masked: MASK, shell: '', variables: [] };

/** The marks of one rendering. */
export class Marks {
  private readonly table: MarkedValue[] = [];

  /** Registers a value and returns the mark that stands for it in rendered text. */
  mark(value: MarkedValue): string {
    this.table.push(value);
    return `${MARK_OPEN}${this.table.length - 1}${MARK_CLOSE}`;
  }

  /** A secret form value, entering the templates. */
  secret(key: string, value: string): string {
    const name = shellVariableName(key);
    return this.mark({ real: value, masked: MASK, shell: `\${${name}}`, variables: [name] });
  }

  /** Every value a mark stands for: the secrets and what helpers made from them. */
  reals(): string[] {
    return this.table.map((v) => v.real);
  }

  isMarked(value: unknown): value is string {
    return typeof value === 'string' && value.includes(MARK_OPEN);
  }

  pieces(text: string): Piece[] {
    const pieces: Piece[] = [];
    let last = 0;
    for (const match of text.matchAll(MARK)) {
      if (match.index > last) pieces.push({ kind: 'text', text: text.slice(last, match.index) });
      pieces.push({ kind: 'mark', value: this.table[Number(match[1])] ?? UNKNOWN_MARK });
      last = match.index + match[0].length;
    }
    if (last < text.length) pieces.push({ kind: 'text', text: text.slice(last) });
    return pieces;
  }

  /** The text as sent. */
  real(text: string): string {
    return this.pieces(text)
      .map((p) => (p.kind === 'text' ? p.text : p.value.real))
      .join('');
  }

  /** The text as shown and logged: every secret and every value made from one masked. */
  masked(text: string): string {
    return this.pieces(text)
      .map((p) => (p.kind === 'text' ? p.text : p.value.masked))
      .join('');
  }

  /** The real text with `transform` applied, marked again when it held a secret (an encoding helper). */
  transform(text: string, transform: (real: string) => string, name: string): string {
    const pieces = this.pieces(text);
    const real = transform(this.real(text));
    if (pieces.every((p) => p.kind === 'text')) return real;
    const variables = [...new Set(pieces.flatMap((p) => (p.kind === 'mark' ? p.value.variables : [])))];
    const shell = pieces.map((p) => (p.kind === 'text' ? shellEscapeDoubleQuoted(transform(p.text)) : p.value.shell)).join('');
    return this.mark({ real, masked: MASK, shell, variables, transformed: name });
  }
}

/** Text made safe inside a shell's double quotes. */
export function shellEscapeDoubleQuoted(text: string): string {
  return text.replace(/[\\"$`]/g, '\\$&');
}

/** `apiToken` → `API_TOKEN`: the shell variable a curl command reads a secret from. */
export function shellVariableName(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^(\d)/, '_$1')
    .toUpperCase();
}
