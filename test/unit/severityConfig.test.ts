import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import {
  applySeverity,
  mergeSeverityOverrides,
  parseLinterConfigFile,
  parseSeverityConfig,
  parseSeverityFlags,
} from '../../server/src/engine/diagnostics/severityConfig';

const diagnostic = (code: string, severity = DiagnosticSeverity.Error): Diagnostic => ({
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
  message: code,
  code,
  severity,
});

describe('severity configuration', () => {
  test('reads every level and rewrites or drops diagnostics', () => {
    const { overrides, problems } = parseSeverityConfig(
      { 'overview-full-stop': 'off', 'icon-missing': 'warning', 'json-syntax': 'hint', 'endpoint-duplicate-header': 'information', 'capabilities-missing': 'error' },
      'ldManifest.severity',
    );
    assert.deepEqual(problems, []);
    const result = applySeverity(
      ['overview-full-stop', 'icon-missing', 'json-syntax', 'endpoint-duplicate-header', 'capabilities-missing', 'template-syntax'].map((c) => diagnostic(c)),
      overrides,
    );
    assert.deepEqual(
      result.map((d) => [d.code, d.severity]),
      [
        ['icon-missing', DiagnosticSeverity.Warning],
        ['json-syntax', DiagnosticSeverity.Hint],
        ['endpoint-duplicate-header', DiagnosticSeverity.Information],
        ['capabilities-missing', DiagnosticSeverity.Error],
        ['template-syntax', DiagnosticSeverity.Error],
      ],
    );
  });
  test('does not mutate the diagnostics it is given', () => {
    const input = diagnostic('icon-missing');
    applySeverity([input], new Map([['icon-missing', DiagnosticSeverity.Hint]]));
    assert.equal(input.severity, DiagnosticSeverity.Error);
  });
  test('unknown codes and levels are reported with did-you-mean, and not applied', () => {
    const { overrides, problems } = parseSeverityConfig({ 'overview-fullstop': 'off', 'icon-missing': 'warn', 'json-syntax': 'Error', 'icon-not-svg': 3 }, 'ldManifest.severity');
    assert.equal(overrides.size, 0);
    assert.deepEqual(
      problems.map((p) => p.message),
      [
        'ldManifest.severity: "overview-fullstop" is not a diagnostic code; did you mean "overview-full-stop"?',
        'ldManifest.severity: warn is not a severity for "icon-missing"; did you mean "warning"? (use error, warning, information, hint or off).',
        'ldManifest.severity: Error is not a severity for "json-syntax"; did you mean "error"? (use error, warning, information, hint or off).',
        'ldManifest.severity: 3 is not a severity for "icon-not-svg" (use error, warning, information, hint or off).',
      ],
    );
  });
  test('a code far from every known one gets no suggestion; a non-object is a problem', () => {
    assert.deepEqual(parseSeverityConfig({ zzzzzzzzzz: 'off' }, 'x').problems[0].message, 'x: "zzzzzzzzzz" is not a diagnostic code.');
    assert.match(parseSeverityConfig(['a'], 'x').problems[0].message, /must be an object .* not an array/);
    assert.deepEqual(parseSeverityConfig(undefined, 'x'), { overrides: new Map(), problems: [] });
  });
  test('the linter file and the CLI flags', () => {
    const file = parseLinterConfigFile('{ "severity": { "overview-full-stop": "off" } }');
    assert.deepEqual([...file.overrides], [['overview-full-stop', 'off']]);
    assert.match(parseLinterConfigFile('{').problems[0].message, /not valid JSON/);
    assert.match(parseLinterConfigFile('[]').problems[0].message, /must hold an object/);
    const flags = parseSeverityFlags(['overview-full-stop=warning', 'broken', 'icon-missing = off']);
    assert.deepEqual([...flags.overrides], [['overview-full-stop', DiagnosticSeverity.Warning], ['icon-missing', 'off']]);
    assert.match(flags.problems[0].message, /--severity broken: expected code=level/);
    const merged = mergeSeverityOverrides(file.overrides, flags.overrides);
    assert.equal(merged.get('overview-full-stop'), DiagnosticSeverity.Warning);
  });
});
