// Quick fixes for template diagnostics: use the suggested name, declare the missing form variable,
// remove an unused featureStore variable.
import type { JSONPath, Node } from 'jsonc-parser';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import { SOURCE } from '../diagnostics/codes';
import { nodeAt, offsetAt, rangeOf, type ManifestDocument } from '../manifestDocument';
import type { EqualElseData, UnknownNameData } from './diagnostics';
import { declaredVariables } from './locate';
import { jsonStringContent } from '../jsonStringMap';
import type { TripleStashData } from '../bodies/jsonBodies';

export function templateCodeActions(doc: ManifestDocument, _range: Range, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== SOURCE) continue;
    const data = diagnostic.data as Partial<UnknownNameData> | undefined;
    const edit = (edits: TextEdit[]) => ({ changes: { [doc.uri]: edits } });
    if (data?.suggestion && (diagnostic.code === 'template-unknown-variable' || diagnostic.code === 'template-unknown-helper' || diagnostic.code === 'form-variable-key-unknown')) {
      actions.push({
        title: `Change to \`${data.suggestion}\``,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: edit([{ range: diagnostic.range, newText: jsonStringContent(data.suggestion) }]),
      });
    }
    if (diagnostic.code === 'template-unknown-variable' && data?.name && data.declareIn) {
      const edits = addFormVariable(doc, data.declareIn, data.name);
      if (edits) {
        actions.push({ title: `Add form variable \`${data.name}\``, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit(edits) });
      }
    }
    const renames = (diagnostic.data as Partial<EqualElseData> | undefined)?.equalRenames;
    if (diagnostic.code === 'template-equal-else' && renames?.length) {
      actions.push({
        title: 'Use `equalWithElse`',
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: edit(renames.map((range) => ({ range, newText: 'equalWithElse' }))),
      });
    }
    if ((diagnostic.data as Partial<TripleStashData> | undefined)?.tripleStash) {
      const fix = tripleStashEdit(doc, diagnostic.range);
      if (fix) actions.push({ title: 'Insert the value as it is: `{{{…}}}`', kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: edit([fix]) });
    }
    if (diagnostic.code === 'template-unused-variable') {
      const offset = offsetAt(doc, diagnostic.range.start);
      const variable = declaredVariables(doc).find((v) => v.keyNode.offset === offset || v.keyNode.offset + 1 === offset);
      if (variable) {
        actions.push({
          title: `Remove unused form variable \`${variable.key}\``,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: edit([removeElement(doc, variable.list, variable.entry)]),
        });
      }
    }
  }
  return actions;
}

/** `{{x}}` → `{{{x}}}`, only for a plain double-stash (no `~`, `&` or third brace already). */
function tripleStashEdit(doc: ManifestDocument, range: Range): TextEdit | undefined {
  const text = doc.text.getText(range);
  if (!/^\{\{[^{~&!#/^>][\s\S]*[^~}]\}\}$/.test(text)) return undefined;
  return { range, newText: `{${text}}` };
}

interface Style {
  readonly eol: string;
  readonly unit: string;
}

function styleOf(doc: ManifestDocument): Style {
  const text = doc.text.getText();
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  // The smallest indentation of a nested line is the document's indentation unit.
  const indents = [...text.matchAll(/\n([ \t]+)\S/g)].map((m) => m[1]);
  const unit = indents.length ? indents.reduce((a, b) => (b.length < a.length ? b : a)) : '  ';
  return { eol, unit };
}

function lineIndent(doc: ManifestDocument, offset: number): string {
  const text = doc.text.getText();
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}

function entryText(name: string, indent: string, style: Style): string {
  const inner = indent + style.unit;
  const fields: [string, string][] = [
    ['key', name],
    ['name', name],
    ['type', 'string'],
    ['description', `TODO: describe ${name}.`],
  ];
  const lines = fields.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `{${style.eol}${lines.join(`,${style.eol}`)}${style.eol}${indent}}`;
}

/** Appends a new form variable to the array at `listPath`, creating the array when it is missing. */
export function addFormVariable(doc: ManifestDocument, listPath: JSONPath, name: string): TextEdit[] | undefined {
  const style = styleOf(doc);
  const list = nodeAt(doc, listPath);
  if (list?.type === 'array') {
    const items = list.children ?? [];
    const last = items[items.length - 1];
    if (last) {
      const indent = lineIndent(doc, last.offset);
      const position = doc.text.positionAt(last.offset + last.length);
      return [{ range: { start: position, end: position }, newText: `,${style.eol}${indent}${entryText(name, indent, style)}` }];
    }
    // `[]`: put the entry on its own lines between the brackets.
    const outer = lineIndent(doc, list.offset);
    const indent = outer + style.unit;
    return [{ range: rangeOf(doc, list.offset, list.length), newText: `[${style.eol}${indent}${entryText(name, indent, style)}${style.eol}${outer}]` }];
  }
  if (list) return undefined; // something that is not an array: the schema diagnostics say so
  const parent: Node | undefined = nodeAt(doc, listPath.slice(0, -1));
  if (parent?.type !== 'object') return undefined;
  // No such array yet: add the property first in its object.
  const outer = lineIndent(doc, parent.offset);
  const indent = outer + style.unit;
  const key = JSON.stringify(String(listPath[listPath.length - 1]));
  const hasProperties = (parent.children?.length ?? 0) > 0;
  const position = doc.text.positionAt(parent.offset + 1);
  const property = `${style.eol}${indent}${key}: [${style.eol}${indent}${style.unit}${entryText(name, indent + style.unit, style)}${style.eol}${indent}]${hasProperties ? ',' : style.eol + outer}`;
  return [{ range: { start: position, end: position }, newText: property }];
}

/** Deletes an array element with its separating comma, keeping the neighbours' layout. */
export function removeElement(doc: ManifestDocument, list: Node, element: Node): TextEdit {
  const siblings = list.children ?? [];
  const index = siblings.indexOf(element);
  const next = siblings[index + 1];
  const previous = siblings[index - 1];
  if (next) return { range: rangeOf(doc, element.offset, next.offset - element.offset), newText: '' };
  if (previous) {
    const end = element.offset + element.length;
    return { range: rangeOf(doc, previous.offset + previous.length, end - (previous.offset + previous.length)), newText: '' };
  }
  // The only element: leave an empty array.
  return { range: rangeOf(doc, list.offset, list.length), newText: list.type === 'array' ? '[]' : '{}' };
}
