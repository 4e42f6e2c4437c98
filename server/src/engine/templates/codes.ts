// Stable codes of the template checks. Joined into `allCodes` so settings and the linter
// can name them.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { CodeInfo } from '../diagnostics/codes';

export const templateCodes = {
  'template-syntax': { severity: DiagnosticSeverity.Error, summary: 'A template that Handlebars cannot parse.' },
  'template-stray-braces': {
    severity: DiagnosticSeverity.Warning,
    summary: 'A `}}` outside any expression: rendered as text, usually a lost `{`.',
  },
  'template-unknown-variable': { severity: DiagnosticSeverity.Error, summary: 'A template reference to a variable that is not in scope.' },
  'template-out-of-scope': {
    severity: DiagnosticSeverity.Error,
    summary: 'A template reference to a variable that exists, but not where this template is rendered.',
  },
  'template-feature-store-key': {
    severity: DiagnosticSeverity.Error,
    summary: '`_featureStoreKey` used outside the featureStore capability.',
  },
  'template-unknown-helper': { severity: DiagnosticSeverity.Error, summary: 'A call to a helper LaunchDarkly does not provide.' },
  'template-helper-arity': { severity: DiagnosticSeverity.Error, summary: 'A helper called with the wrong number of arguments.' },
  'template-go-unsupported': {
    severity: DiagnosticSeverity.Error,
    summary: "A construct Handlebars.js accepts and LaunchDarkly's Go renderer does not: partials, partial blocks, inline partials, decorators, raw blocks, `@partial-block`, `@level`, a line break in a string literal.",
  },
  'template-equal-else': {
    severity: DiagnosticSeverity.Warning,
    summary: "`{{#equal}}…{{else}}…{{/equal}}`: LaunchDarkly's `equal` has no else, so that part never renders. Quick fix: `equalWithElse`.",
  },
  'template-file-unattached': {
    severity: DiagnosticSeverity.Information,
    summary: 'A template file opened on its own that no manifest.json in the folders above names: only its syntax is checked.',
  },
  'template-unused-variable': {
    severity: DiagnosticSeverity.Warning,
    summary: 'A featureStore form variable that no template of the capability uses.',
  },
  'template-secret-in-url': { severity: DiagnosticSeverity.Warning, summary: 'A secret form variable placed in a URL (URLs end up in logs).' },
  'template-invalid-url': {
    severity: DiagnosticSeverity.Error,
    summary: 'A url template that does not render to an absolute http(s) URL.',
  },
  'form-variable-key-unknown': {
    severity: DiagnosticSeverity.Error,
    summary: '`hmacSecretFormVariableKey` or `dependsOn[].variableKey` names no form variable.',
  },
  'hmac-secret-not-secret': {
    severity: DiagnosticSeverity.Error,
    summary: '`hmacSecretFormVariableKey` names a form variable that is not a secret string.',
  },
} satisfies Record<string, CodeInfo>;

export type TemplateCode = keyof typeof templateCodes;
