// Bodies that LaunchDarkly sends or answers as JSON, rendered and parsed as it would: approval and
// buttonAction `jsonBody`, syncedSegment `jsonResponseBody`. Rendered once with ordinary sample values
// (the body must be JSON: a parse error is put at its place in the manifest, through the JSON-string
// escapes) and once with values holding what people's words hold (`"`, `\`, a line break, `&`, `<`):
// an insertion that then breaks the JSON, or that HTML-escapes the value into the payload, is reported
// on the `{{…}}` that does it, with the fix when there is one.
import type { Diagnostic } from 'vscode-languageserver-types';
import { makeDiagnostic } from '../diagnostics/makeDiagnostic';
import { memo, rangeOf, type ManifestDocument } from '../manifestDocument';
import { firstJsonError } from '../jsonSyntaxError';
import { excerpt } from '../excerpt';
import { siteSpan, templateSites, type TemplateSite } from '../templates/analysis';
import type { Span } from '../templates/parseTemplate';
import { renderMarked, type Insertion, type MarkedOutput } from './markedRender';
import { sampleContext, type ContextSource, type Flavour } from './sampleContext';

/** What a quick fix needs: the `{{x}}` to turn into `{{{x}}}`. */
export interface TripleStashData {
  readonly tripleStash: true;
}

/** A problem in a body's template text, before it is placed in a document. */
export interface BodyProblem {
  readonly code: 'json-body-invalid' | 'json-body-unsafe-insertion' | 'json-body-html-escaped';
  readonly span: Span;
  readonly message: string;
  readonly tripleStash?: boolean;
}

export function jsonBodyDiagnostics(doc: ManifestDocument): Diagnostic[] {
  return memo(doc, 'jsonBodyDiagnostics', () => {
    const out: Diagnostic[] = [];
    for (const site of templateSites(doc)) {
      const field = site.string.field;
      if (field !== 'jsonBody' && field !== 'responseBody') continue;
      if (!site.parsed.ok || !site.model) continue;
      const source: ContextSource = {
        topLevel: site.scope.variables,
        groups: new Map(site.scope.groups.map((g) => [g.root, g.variables])),
        references: site.model.references,
      };
      for (const problem of checkJsonBody(site.decoded.value, source)) out.push(placed(doc, site, problem));
    }
    return out;
  });
}

function placed(doc: ManifestDocument, site: TemplateSite, problem: BodyProblem): Diagnostic {
  const { start, end } = siteSpan(site, problem.span);
  return makeDiagnostic(problem.code, rangeOf(doc, start, end - start), problem.message, problem.tripleStash ? { data: { tripleStash: true } satisfies TripleStashData } : {});
}

/** The problems of one JSON body template, in its own text's coordinates. */
export function checkJsonBody(template: string, source: ContextSource): BodyProblem[] {
  if (template.trim() === '') return [];
  const ordinary = render(template, source, 'ordinary');
  if (!ordinary) return [];
  const broken = firstJsonError(ordinary.text);
  if (broken) return [invalid(template, ordinary, broken)];
  const hostile = render(template, source, 'hostile');
  if (!hostile) return [];
  const problems = htmlEscaped(hostile);
  // A value inserted raw (three braces) outside a string breaks the JSON only with some values.
  const hostileBroken = firstJsonError(hostile.text);
  const raw = hostileBroken && blamedInsertion(hostile, hostileBroken.offset);
  if (raw && !raw.escaped) problems.push(unsafe(raw));
  return problems;
}

function render(template: string, source: ContextSource, flavour: Flavour): MarkedOutput | undefined {
  try {
    return renderMarked(template, sampleContext(source, flavour));
  } catch {
    // A helper failing on a sample value is the template checks' business (arity, unknown helper).
    return undefined;
  }
}

function invalid(template: string, output: MarkedOutput, error: { offset: number; what: string }): BodyProblem {
  const insertion = blamedInsertion(output, error.offset);
  if (insertion) {
    return {
      code: 'json-body-invalid',
      span: insertion.span,
      message: `This body is not JSON once rendered: ${error.what} in what \`${excerpt(insertion.source)}\` inserts (a value outside quotes must be JSON itself).`,
    };
  }
  return { code: 'json-body-invalid', span: templateSpanAt(template, output, error.offset), message: `This body is not JSON once rendered: ${error.what}.` };
}

function unsafe(insertion: Insertion): BodyProblem {
  if (insertion.escaped) {
    return {
      code: 'json-body-unsafe-insertion',
      span: insertion.span,
      message: `\`${excerpt(insertion.source)}\` HTML-escapes its value: a \`"\` in it arrives as \`\\&quot;\`, which breaks the JSON. Use three braces, \`{{{…}}}\`: LaunchDarkly's values are already JSON-escaped.`,
      tripleStash: true,
    };
  }
  return {
    code: 'json-body-unsafe-insertion',
    span: insertion.span,
    message: `\`${excerpt(insertion.source)}\` breaks the JSON when its value holds a \`"\`, a \`\\\` or a line break: put it inside a JSON string.`,
  };
}

const ENTITY = /&(amp|quot|lt|gt|#x27|#x60|#x3D);/;

/** Double-stash insertions whose value arrived HTML-escaped: broken JSON, or valid JSON with another value. */
function htmlEscaped(output: MarkedOutput): BodyProblem[] {
  /** Insertion index → whether its escaping breaks the JSON (else it only changes the value). */
  const flagged = new Map<number, boolean>();
  const { text, insertedBy, insertions } = output;
  // Each run of characters one insertion produced, looked at once.
  for (let i = 0; i < text.length; ) {
    const by = insertedBy[i]!;
    let j = i + 1;
    while (j < text.length && insertedBy[j] === by) j++;
    if (by >= 0 && insertions[by]!.escaped && ENTITY.test(text.slice(i, j))) {
      // A JSON-escaped quote, HTML-escaped: `\&quot;` is no JSON escape, the body breaks.
      flagged.set(by, flagged.get(by) === true || text.slice(i, j).includes('\\&quot;'));
    }
    i = j;
  }
  return [...flagged].map(([index, breaks]) => {
    const insertion = insertions[index]!;
    if (breaks) return unsafe(insertion);
    return {
      code: 'json-body-html-escaped' as const,
      span: insertion.span,
      message: `\`${excerpt(insertion.source)}\` HTML-escapes its value inside a JSON body: an \`&\` arrives as \`&amp;\`, a \`<\` as \`&lt;\`. Use three braces, \`{{{…}}}\`.`,
      tripleStash: true,
    };
  });
}

/** The insertion whose output holds `offset`, or ends just before it (the parser stops after it). */
function blamedInsertion(output: MarkedOutput, offset: number): Insertion | undefined {
  const at = offset < output.text.length ? output.insertedBy[offset]! : -1;
  if (at >= 0) return output.insertions[at];
  const before = offset > 0 ? output.insertedBy[offset - 1]! : -1;
  return before >= 0 ? output.insertions[before] : undefined;
}

/** The template span of output character `offset`: the nearest character copied from the template. */
function templateSpanAt(template: string, output: MarkedOutput, offset: number): Span {
  for (let i = Math.min(offset, output.text.length - 1); i >= 0; i--) {
    const origin = output.origin[i]!;
    if (origin >= 0) {
      const start = i === offset ? origin : Math.min(origin + 1, template.length);
      return { start, end: Math.min(start + 1, template.length) };
    }
  }
  return { start: 0, end: Math.min(1, template.length) };
}
