// Secrets never reach what is shown: besides the real rendering, every request is rendered a second
// time with each secret replaced by a token (private-use characters around the variable key). Values a
// helper derives from a secret (a Basic header, an EdgeGrid signature) become a "derived" token whose
// masked and shell forms are kept aside. The preview, the log and the curl command are made from that
// symbolic rendering only, so a secret cannot leak into them by a missed replacement.

const SECRET_OPEN = '\uE000';
const SECRET_CLOSE = '\uE001';
const DERIVED_OPEN = '\uE002';
const DERIVED_CLOSE = '\uE003';
const TOKEN = /\uE000([^\uE001]*)\uE001|\uE002(\d+)\uE003/g;

export const MASK = '••••';

/** What a value derived from a secret shows in a preview, and how a shell recomputes it. */
export interface DerivedValue {
  readonly masked: string;
  readonly shell: string;
}

export type Piece =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'secret'; readonly key: string }
  | { readonly kind: 'derived'; readonly value: DerivedValue };

export function secretToken(key: string): string {
  return `${SECRET_OPEN}${key}${SECRET_CLOSE}`;
}

export function hasToken(value: unknown): boolean {
  return typeof value === 'string' && (value.includes(SECRET_OPEN) || value.includes(DERIVED_OPEN));
}

/** Registers a derived value and returns the token that stands for it in the symbolic text. */
export function derivedToken(table: DerivedValue[], value: DerivedValue): string {
  table.push(value);
  return `${DERIVED_OPEN}${table.length - 1}${DERIVED_CLOSE}`;
}

export function piecesOf(symbolic: string, table: readonly DerivedValue[]): Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  for (const match of symbolic.matchAll(TOKEN)) {
    if (match.index > last) pieces.push({ kind: 'text', text: symbolic.slice(last, match.index) });
    if (match[1] !== undefined) pieces.push({ kind: 'secret', key: match[1] });
    else pieces.push({ kind: 'derived', value: table[Number(match[2])] ?? { masked: MASK, shell: '' } });
    last = match.index + match[0].length;
  }
  if (last < symbolic.length) pieces.push({ kind: 'text', text: symbolic.slice(last) });
  return pieces;
}

/** The symbolic text with every secret and derived value masked: what previews and logs show. */
export function masked(symbolic: string, table: readonly DerivedValue[]): string {
  return piecesOf(symbolic, table)
    .map((p) => (p.kind === 'text' ? p.text : p.kind === 'secret' ? MASK : p.value.masked))
    .join('');
}

/** Applies `transform` to the literal text around the tokens (percent-encoding must not touch them). */
export function mapText(symbolic: string, transform: (text: string) => string): string {
  let out = '';
  let last = 0;
  for (const match of symbolic.matchAll(TOKEN)) {
    out += transform(symbolic.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + transform(symbolic.slice(last));
}

/** `apiToken` → `API_TOKEN`: the shell variable a curl command reads a secret from. */
export function shellVariableName(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^(\d)/, '_$1')
    .toUpperCase();
}

/**
 * Every occurrence of a secret value in text that came from outside (a response body that echoes the
 * token, an error message) replaced by the mask. Also the percent-encoded form, which a URL carries.
 */
export function redactSecrets(text: string, secretValues: readonly string[]): string {
  let out = text;
  const forms = new Set<string>();
  for (const value of secretValues) {
    if (value.length === 0) continue;
    forms.add(value);
    forms.add(encodeURIComponent(value));
  }
  // Longest first, so that a secret containing another is masked whole.
  for (const form of [...forms].sort((a, b) => b.length - a.length)) out = out.split(form).join(MASK);
  return out;
}
