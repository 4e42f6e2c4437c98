// Shell quoting for the curl command: literal text is quoted so the shell takes it verbatim; secrets
// become `${NAME}` expansions and derived values their shell recipe, so the command carries no secret.
import { piecesOf, shellVariableName, type DerivedValue } from './symbolic';

/** A whole word: single-quoted when it holds no token, double-quoted with expansions otherwise. */
export function shellWord(symbolic: string, derived: readonly DerivedValue[]): string {
  const pieces = piecesOf(symbolic, derived);
  if (pieces.every((p) => p.kind === 'text')) return singleQuoted(symbolic);
  return shellDoubleQuoted(symbolic, derived);
}

export function shellDoubleQuoted(symbolic: string, derived: readonly DerivedValue[]): string {
  const body = piecesOf(symbolic, derived)
    .map((p) => (p.kind === 'text' ? p.text.replace(/[\\"$`]/g, '\\$&') : p.kind === 'secret' ? `\${${shellVariableName(p.key)}}` : p.value.shell))
    .join('');
  return `"${body}"`;
}

export function singleQuoted(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
