// `ld-manifest lint --fix`: applies the unambiguous quick fixes (chooseFixes.ts) to each manifest, in
// passes until none is left (a fix can make another one possible, e.g. a key renamed so that its
// value can be checked), and writes each changed manifest once. The edits are the engine's own, so
// the rest of the file (indentation, line endings, key order) stays byte for byte as it was.
import { closeSync, openSync, readSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { visible } from '../../engine/excerpt';
import { oneLine } from '../cliError';
import type { ManifestPath } from '../findManifests';
import type { Linter } from '../lintRun';
import { writeFileAtomically } from '../writeFileAtomically';
import { chooseFixes } from './chooseFixes';

/** Enough for fixes that enable others; a bound so that two fixes undoing each other cannot loop. */
const MAX_PASSES = 10;

export interface AppliedFix {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly code: string;
  readonly title: string;
}

/** Fixes the manifests on disk and says what changed, one entry per fix applied. */
export function fixManifests(linter: Linter, paths: readonly ManifestPath[]): AppliedFix[] {
  const applied: AppliedFix[] = [];
  for (const path of paths) {
    let manifest = linter.lint(path);
    const original = manifest.doc.text.getText();
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const chosen = chooseFixes(manifest.doc, manifest.problems);
      if (chosen.length === 0) break;
      for (const { problem, fix } of chosen) {
        applied.push({ file: path.shown, line: problem.line, column: problem.column, code: problem.code, title: visible(oneLine(fix.title)) });
      }
      const fixed = TextDocument.applyEdits(manifest.doc.text, chosen.flatMap(({ fix }) => fix.edits));
      manifest = linter.lint(path, fixed);
    }
    const text = manifest.doc.text.getText();
    // The linter reads past a byte order mark; the fixed file keeps the one it had.
    const bom = startsWithByteOrderMark(path.absolute) ? '\uFEFF' : '';
    if (text !== original) writeFileAtomically(path.absolute, bom + text, `cannot write the fixed ${path.shown}`);
  }
  return applied;
}

function startsWithByteOrderMark(path: string): boolean {
  const head = Buffer.alloc(3);
  const fd = openSync(path, 'r');
  try {
    return readSync(fd, head, 0, 3, 0) === 3 && head.equals(UTF8_BOM);
  } finally {
    closeSync(fd);
  }
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function formatAppliedFix(fix: AppliedFix): string {
  return `${fix.file}:${fix.line}:${fix.column}: fixed ${fix.code}: ${fix.title}`;
}
