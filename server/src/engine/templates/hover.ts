// Hover inside templates: what a reference stands for (a form variable's facts, a value LaunchDarkly
// supplies) or what a helper does; also on the keys hmacSignature and dependsOn name.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { rangeOf, type ManifestDocument } from '../manifestDocument';
import type { FormVariable } from './formVariables';
import { helperMarkdown, helpers } from './helpers';
import { targetAt } from './locate';

export function templateHover(doc: ManifestDocument, position: Position): Hover | undefined {
  const target = targetAt(doc, position);
  if (!target) return undefined;
  let markdown: string | undefined;
  switch (target.kind) {
    case 'helper': {
      const helper = helpers.get(target.call.name);
      markdown = helper ? helperMarkdown(helper) : `Unknown helper \`${target.call.name}\`.`;
      break;
    }
    case 'reference': {
      const r = target.resolution;
      if (r.kind === 'variable') markdown = describeVariable(r.variable);
      else if (r.kind === 'builtin') markdown = `\`${r.builtin.name}${r.builtin.open ? '.*' : ''}\` (provided by LaunchDarkly)\n\n${r.builtin.description}`;
      else if (r.kind === 'group') markdown = r.description;
      else if (r.kind === 'hidden') markdown = r.reason;
      else if (r.kind === 'featureStoreKeyOutside') markdown = '`_featureStoreKey` exists only in the featureStore capability.';
      else if (r.kind === 'unknown') markdown = `Unknown variable \`${r.name}\`.`;
      break;
    }
    case 'keyReference':
      markdown = target.variable ? describeVariable(target.variable) : undefined;
      break;
    case 'declaration':
      // The key itself: the schema hover describes the field; nothing to add.
      return undefined;
  }
  if (!markdown) return undefined;
  return { contents: { kind: MarkupKind.Markdown, value: markdown }, range: rangeOf(doc, target.span.start, target.span.end - target.span.start) };
}

export function describeVariable(variable: FormVariable): string {
  const facts = [
    variable.type ? `type \`${variable.type}\`` : undefined,
    variable.isSecret ? 'secret' : undefined,
    variable.isOptional ? 'optional' : undefined,
    variable.defaultValue !== undefined ? `default \`${JSON.stringify(variable.defaultValue)}\`` : undefined,
  ].filter(Boolean);
  const title = variable.name ? `**${variable.name}** (\`${variable.key}\`)` : `\`${variable.key}\``;
  return [title, facts.join(' · '), variable.description].filter(Boolean).join('\n\n');
}
