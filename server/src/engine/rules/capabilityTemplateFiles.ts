// Template files of the capabilities other than auditLogEventsHook (eventsHook, flagImport: any
// capability with a `templates` map of file names). LaunchDarkly's CI checks none of them, so what is
// found is a warning: a file that cannot be read or parsed, and for a `.json` / `.json.hbs` file, a
// rendering that is not JSON or an insertion that breaks it (the JSON body checks), with the line and
// column in the file. Split's flagImport template with a trailing comma is the kind of mistake.
import type { Diagnostic } from 'vscode-languageserver-types';
import { makeDiagnostic } from '../diagnostics/makeDiagnostic';
import { nodeRange, type ManifestDocument } from '../manifestDocument';
import { templateFileReferences } from './templateFileReferences';
import { checkJsonBody, type BodyProblem } from '../bodies/jsonBodies';
import { formVariablesAt } from '../templates/formVariables';
import { LineIndex, parseTemplate } from '../templates/parseTemplate';
import { modelOf } from '../templates/templateModel';
import { excerpt } from '../excerpt';
import { lineAndColumn } from '../jsonSyntaxError';
import { append } from '../append';
import { templateFileGoDiagnostics } from './templateFileGoProblems';
import { besideManifest, whyNotRead, type RuleEnvironment } from './environment';
import { isJsonTemplate } from './auditLogTemplates/templateContext';

export function capabilityTemplateFileDiagnostics(doc: ManifestDocument, env: RuleEnvironment): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // auditLogTemplates/ checks auditLogEventsHook's, as LaunchDarkly's CI does.
  for (const reference of templateFileReferences(doc).filter((r) => r.capability !== 'auditLogEventsHook')) {
    const path = besideManifest(env, reference.relativePath);
    if (path === undefined) return []; // an unsaved manifest has no folder to look in
    const label = `The ${reference.capability} template "${excerpt(reference.relativePath)}"`;
    const range = nodeRange(doc, reference.node);
    const read = env.read(path);
    if (read.kind !== 'text') {
      diagnostics.push(makeDiagnostic('template-file-problem', range, `${label} ${whyNotRead(read)}.`));
      continue;
    }
    const parsed = parseTemplate(read.text);
    if (!parsed.ok) {
      const at = lineAndColumn(read.text, parsed.error.span.start);
      diagnostics.push(makeDiagnostic('template-file-problem', range, `${label} does not parse at line ${at.line}, column ${at.column}: ${parsed.error.message}`));
      continue;
    }
    append(diagnostics, templateFileGoDiagnostics(read.text, label, range));
    if (!isJsonTemplate(reference.relativePath)) continue;
    const source = { topLevel: formVariablesAt(doc, ['formVariables']), groups: new Map(), references: modelOf(parsed.ast, parsed.lines).references };
    for (const problem of checkJsonBody(read.text, source)) diagnostics.push(inFile(problem, label, range, parsed.lines));
  }
  return diagnostics;
}

function inFile(problem: BodyProblem, label: string, range: ReturnType<typeof nodeRange>, lines: LineIndex): Diagnostic {
  const at = lineAndColumn(lines.text, problem.span.start);
  const where = `at line ${at.line}, column ${at.column} of the file`;
  if (problem.code === 'json-body-invalid') {
    return makeDiagnostic('template-file-invalid-json', range, `${label} is a JSON template but does not render JSON ${where}: ${problem.message.replace(/^This body is not JSON once rendered: /, '')}`);
  }
  return makeDiagnostic(problem.code, range, `${label}, ${where}: ${problem.message}`);
}
