// Reads a manifest file as text, or says in one line why it is not something the linter can check.
// The line between "unreadable" (exit 2) and "a manifest with problems" (exit 1): binary data, text
// that is not UTF-8 and text whose first token cannot begin a JSON value (prose, HTML, YAML, ...) are
// not manifests at all; anything that starts like JSON is linted, so a broken manifest gets
// json-syntax diagnostics at the right line and column, as in the editor. An empty file is linted too
// (the engine reports "The manifest is empty").
import { readBoundedBytes } from '../node/nodeHost';
import { createScanner, SyntaxKind } from 'jsonc-parser';
import { CliError } from './cliError';

/** The largest manifest the linter reads: far above any real one (the largest is under 100 KB). */
const MAX_MANIFEST_BYTES = 32 * 1024 * 1024;

const jsonValueStarts = new Set<SyntaxKind>([
  SyntaxKind.OpenBraceToken,
  SyntaxKind.OpenBracketToken,
  SyntaxKind.StringLiteral,
  SyntaxKind.NumericLiteral,
  SyntaxKind.TrueKeyword,
  SyntaxKind.FalseKeyword,
  SyntaxKind.NullKeyword,
  SyntaxKind.EOF,
]);

export function readManifestText(absolutePath: string, shown: string): string {
  const read = readBoundedBytes(absolutePath, MAX_MANIFEST_BYTES);
  if (read.kind === 'missing') throw new CliError(`cannot read ${shown}: no such file`);
  if (read.kind === 'unreadable') throw new CliError(`cannot read ${shown}: ${read.reason}`);
  const bytes = read.bytes;
  if (bytes.includes(0)) throw new CliError(`${shown} is a binary file (it contains NUL bytes), not a JSON manifest`);
  let text: string;
  try {
    // ignoreBOM: false means a UTF-8 byte order mark is removed: editors hide it, so line 1's columns
    // must not count it.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new CliError(`${shown} is not UTF-8 text, so it is not a JSON manifest`);
  }
  const firstToken = firstTokenOf(text);
  if (!jsonValueStarts.has(firstToken.kind)) {
    throw new CliError(`${shown} is not JSON at all (it starts with ${JSON.stringify(firstToken.text)}); a manifest is a JSON object`);
  }
  return text;
}

function firstTokenOf(text: string): { kind: SyntaxKind; text: string } {
  // Comments are skipped here: a commented manifest is still a manifest, and the engine reports them.
  const scanner = createScanner(text, true);
  const kind = scanner.scan();
  const start = scanner.getTokenOffset();
  const sample = text.slice(start, start + 20).split(/\r?\n|\r/)[0] ?? '';
  return { kind, text: sample };
}


