// Stable codes of the JSON body checks. Joined into `allCodes` so settings and the linter can name them.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { CodeInfo } from '../diagnostics/codes';

export const bodyCodes = {
  'json-body-invalid': {
    severity: DiagnosticSeverity.Error,
    summary: 'A body LaunchDarkly sends or answers as JSON (approval or buttonAction `jsonBody`, syncedSegment `jsonResponseBody`) is not JSON once rendered.',
  },
  'json-body-unsafe-insertion': {
    severity: DiagnosticSeverity.Warning,
    summary: 'A `{{…}}` in a JSON body that breaks it when the value holds a quote, a backslash or a line break.',
  },
  'json-body-html-escaped': {
    severity: DiagnosticSeverity.Warning,
    summary: 'A `{{…}}` in a JSON body that HTML-escapes its value (`&` arrives as `&amp;`); three braces insert it as it is.',
  },
} satisfies Record<string, CodeInfo>;
