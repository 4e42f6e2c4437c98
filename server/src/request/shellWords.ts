// Shell quoting for the curl command: literal text is quoted so the shell takes it verbatim; secrets
// become `${NAME}` expansions and values made from them their shell recipe, so the command carries no
// secret.
import { shellEscapeDoubleQuoted, type Marks } from './symbolic';

/** A whole word: bare when it is plainly safe, single-quoted when it holds no mark, else double-quoted with expansions. */
export function shellWord(text: string, marks: Marks): string {
  const pieces = marks.pieces(text);
  if (pieces.every((p) => p.kind === 'text')) return /^[A-Za-z0-9_./:@%+=,-]+$/.test(text) ? text : singleQuoted(text);
  return shellDoubleQuoted(text, marks);
}

export function shellDoubleQuoted(text: string, marks: Marks): string {
  const body = marks
    .pieces(text)
    .map((p) => (p.kind === 'text' ? shellEscapeDoubleQuoted(p.text) : p.value.shell))
    .join('');
  return `"${body}"`;
}

export function singleQuoted(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
