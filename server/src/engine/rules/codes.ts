// The codes of the rules beyond the schema: LaunchDarkly's CI rules, the ones it forgets, and the
// JSON pointer checks. Severities are the defaults; `ldManifest.severity` and friends override them.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { CodeInfo } from '../diagnostics/codes';

export const ruleCodes = {
  // JSON pointers in parsers.
  'pointer-missing-slash': {
    severity: DiagnosticSeverity.Error,
    summary: 'A JSON pointer that is not empty and does not start with "/".',
  },
  'pointer-bad-escape': {
    severity: DiagnosticSeverity.Error,
    summary: 'A "~" in a JSON pointer that is not followed by 0 or 1.',
  },
  'parser-error-key': {
    severity: DiagnosticSeverity.Error,
    summary: 'A featureStore validation parser with "error" (the documentation\'s spelling) instead of "errors".',
  },
  'pointer-whole-body-success': {
    severity: DiagnosticSeverity.Warning,
    summary: 'An empty success pointer: it selects the whole body, so any JSON response counts as success.',
  },
  'pointer-selects-nothing': {
    severity: DiagnosticSeverity.Warning,
    summary: 'A JSON pointer that selects nothing in the sample response attached to its parser.',
  },
  'pointer-success-not-boolean': {
    severity: DiagnosticSeverity.Information,
    summary: 'A success pointer that selects a non-boolean value in the sample response.',
  },
  'sample-response-unreadable': {
    severity: DiagnosticSeverity.Warning,
    summary: 'A sample response file beside the manifest that is not valid JSON.',
  },
  // Files beside the manifest.
  'icon-missing': { severity: DiagnosticSeverity.Error, summary: 'An icon file named in "icons" does not exist beside the manifest.' },
  'icon-not-svg': { severity: DiagnosticSeverity.Error, summary: 'An icon file that is not an SVG image.' },
  // Regular expressions LaunchDarkly runs.
  'regex-not-portable': {
    severity: DiagnosticSeverity.Error,
    summary: 'A matcher or regexp field that Go\'s RE2 (LaunchDarkly) or JavaScript (the validation server) cannot compile: lookaround, back-references, inline flags.',
  },
  'synced-segment-matcher-removal': {
    severity: DiagnosticSeverity.Warning,
    summary: 'An arrayInclusion matcher (which means "add these members") that also matches a removal action such as remove_member.',
  },
  'synced-segment-sample-fails': {
    severity: DiagnosticSeverity.Warning,
    summary: 'A sample request (sample-requests/*.json) that the syncedSegment parser cannot read as LaunchDarkly would: a required path selects nothing, an array is not one.',
  },
  'synced-segment-matcher-never-matches': {
    severity: DiagnosticSeverity.Warning,
    summary: 'An arrayInclusion matcher that matches the action in none of the sample requests: each would remove its members.',
  },
  // Policies (defaultPolicy).
  'policy-statement-invalid': {
    severity: DiagnosticSeverity.Error,
    summary: 'A policy statement without an effect, or without (or with both) resources/notResources or actions/notActions.',
  },
  'policy-invalid-resource': {
    severity: DiagnosticSeverity.Error,
    summary: 'A resource specifier that is not `type/name;tags` scoped with `:`, names an unknown type, or puts a type where it cannot be (`flag` goes under `proj/*:env/*`).',
  },
  'policy-unknown-action': {
    severity: DiagnosticSeverity.Warning,
    summary: "An action that is not in LaunchDarkly's list for the statement's resource type (flags, segments), with did-you-mean.",
  },
  'policy-deny-only': {
    severity: DiagnosticSeverity.Warning,
    summary: 'A policy made only of deny statements: it selects nothing.',
  },
  'template-file-problem': {
    severity: DiagnosticSeverity.Warning,
    summary: 'A template file of a capability other than auditLogEventsHook (eventsHook, flagImport) that cannot be read or does not parse.',
  },
  'template-file-invalid-json': {
    severity: DiagnosticSeverity.Warning,
    summary: 'A `.json` / `.json.hbs` template file of such a capability that does not render JSON (with the line and column in the file).',
  },
  'audit-template-missing': {
    severity: DiagnosticSeverity.Error,
    summary: 'An auditLogEventsHook template file that does not exist beside the manifest.',
  },
  'audit-template-render-failed': {
    severity: DiagnosticSeverity.Error,
    summary: 'An auditLogEventsHook template that does not render in Handlebars strict mode against a sample event.',
  },
  'audit-template-invalid-json': {
    severity: DiagnosticSeverity.Error,
    summary: 'A .json auditLogEventsHook template that does not render valid JSON.',
  },
  'audit-template-empty': {
    severity: DiagnosticSeverity.Error,
    summary: 'A validation or member template that renders an empty string.',
  },
  // Top-level facts.
  'overview-full-stop': { severity: DiagnosticSeverity.Error, summary: '"overview" does not end with a full stop.' },
  'capabilities-missing': {
    severity: DiagnosticSeverity.Error,
    summary: 'A manifest with no "capabilities" (nor form variables) and no "otherCapabilities".',
  },
  'oauth-integration-key-shared': {
    severity: DiagnosticSeverity.Warning,
    summary: 'An "oauthIntegrationKey" that another manifest of the workspace also declares.',
  },
  // Form variables. Errors where LaunchDarkly's CI applies them (top level, approval); each is
  // reported as a warning inside other capabilities, where CI does not look.
  'form-variable-default-not-optional': {
    severity: DiagnosticSeverity.Error,
    summary: 'A form variable with "defaultValue" but without "isOptional": true (a warning inside capabilities).',
  },
  'form-variable-default-type': {
    severity: DiagnosticSeverity.Error,
    summary: 'A form variable whose "defaultValue" is not of the variable\'s type (a warning inside capabilities).',
  },
  'form-variable-optional-no-default': {
    severity: DiagnosticSeverity.Error,
    summary: 'An optional form variable without "defaultValue" (a warning inside capabilities).',
  },
  'form-variable-secret-not-string': {
    severity: DiagnosticSeverity.Error,
    summary: 'A form variable with "isSecret" that is not of type string (a warning inside capabilities).',
  },
  'form-variable-dynamic-options': {
    severity: DiagnosticSeverity.Error,
    summary: 'A dynamicEnum without "dynamicOptions", or "dynamicOptions" on another type (a warning inside capabilities).',
  },
  'form-variable-multiselect': {
    severity: DiagnosticSeverity.Error,
    summary: 'A multiselect or environmentSelector form variable that breaks its constraints (a warning inside capabilities).',
  },
  'form-variable-duplicate-key': { severity: DiagnosticSeverity.Error, summary: 'Two form variables with the same key in one list.' },
  // Capabilities.
  'synced-segment-paths': {
    severity: DiagnosticSeverity.Error,
    summary: 'A syncedSegment request parser with a combination of member paths LaunchDarkly cannot use.',
  },
  'feature-store-read-method': {
    severity: DiagnosticSeverity.Warning,
    summary: 'A featureStore store request with GET or DELETE: it must write the flag payload.',
  },
  'endpoint-duplicate-header': { severity: DiagnosticSeverity.Warning, summary: 'An endpoint that sets the same header twice.' },
} satisfies Record<string, CodeInfo>;

export type RuleCode = keyof typeof ruleCodes;
