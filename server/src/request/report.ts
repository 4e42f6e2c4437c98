// What a run shows: the request as sent (secrets masked), the answer, the pointer values and the
// verdict, as text for the output channel and the CLI, or as one JSON object. Everything that came
// back from the service passes through the request's SecretMasker (a service may echo a token, in any
// encoding) and, in text, through `printable` (a body must not drive the terminal).
import type { RenderedRequest } from './render';
import { visible } from '../engine/excerpt';
import type { SecretMasker } from './secretMasker';
import { WITHHELD } from './secretMasker';
import type { RequestRun } from './testRequest';
import { isPassing, type Verdict } from './verdict';
import { bodyText } from './sendTypes';

const LABEL = { validation: 'validation request', featureStore: 'feature store request' } as const;

export function requestText(request: RenderedRequest): string {
  const lines = [`${request.method} ${request.url}`, ...request.headers.map((h) => `${h.name}: ${h.value}`)];
  if (request.body !== undefined) lines.push('', request.body);
  return printable(lines.join('\n'));
}

export function reportText(run: RequestRun, manifestLabel: string): string {
  const { prepared, outcome, reading } = run;
  const outside = (text: string) => prepared.masker.outside(text);
  const out: string[] = [`=== Test ${LABEL[prepared.spec.kind]}: ${manifestLabel}`, '', 'Request as sent:', indent(requestText(prepared.display)), ''];
  if (outcome.kind === 'network-error') {
    out.push(`No response (${outcome.error}) after ${outcome.elapsedMs} ms: ${outside(outcome.message)}`);
  } else if (prepared.masker.withhold) {
    const r = outcome.response;
    out.push(`Response: HTTP ${r.status} in ${r.elapsedMs} ms; its status text, headers, body and parser values are ${WITHHELD.slice(1, -1)}.`);
  } else {
    const r = outcome.response;
    for (const redirect of r.redirects) {
      out.push(`Redirect ${redirect.status} to ${outside(redirect.to)}: ${redirect.followed ? 'followed' : `NOT followed (${redirect.why ?? 'another origin; credentials are never sent there'})`}`);
    }
    out.push(`Response: HTTP ${r.status} ${outside(r.statusText)} in ${r.elapsedMs} ms`, indent(outside(r.headers.map(([n, v]) => `${n}: ${v}`).join('\n'))), '');
    out.push('Body:', indent(outside(shownBody(r.body, reading.json)) || '(empty)'));
    if (r.truncated) out.push(`(the body was cut at ${r.body.length} bytes, the limit)`);
    if (reading.pointers.length > 0) {
      out.push('', 'Parser:');
      for (const p of reading.pointers) out.push(`  ${p.field} ${p.pointer} → ${p.found ? outside(JSON.stringify(p.value)) : '(selects nothing)'}`);
    }
  }
  out.push('', `Verdict: ${verdictSummary(reading.verdict, prepared.masker)}`, '');
  return printable(prepared.masker.mask(out.join('\n')));
}

/** The verdict's one line as it may be shown: masked, and without the service's words when they are withheld. */
export function verdictSummary(verdict: Verdict, masker: SecretMasker): string {
  if (!masker.withhold || isPassing(verdict)) return printable(masker.mask(verdict.summary));
  const status = verdict.kind === 'http-error' ? ` (HTTP ${verdict.status})` : '';
  return `Failed: ${verdict.kind}${status}. What the service sent back is ${WITHHELD.slice(1, -1)}.`;
}

export function reportJson(run: RequestRun, manifestLabel: string): string {
  const { prepared, outcome, reading } = run;
  const { masker } = prepared;
  const outside = (text: string) => masker.outside(text);
  const response =
    outcome.kind === 'response'
      ? {
          status: outcome.response.status,
          statusText: outside(outcome.response.statusText),
          headers: masker.withhold ? WITHHELD : outcome.response.headers,
          body: masker.withhold ? WITHHELD : reading.json !== undefined ? masker.maskJson(reading.json) : bodyText(outcome.response.body),
          truncated: outcome.response.truncated,
          redirects: outcome.response.redirects.map((r) => ({ ...r, to: outside(r.to) })),
          elapsedMs: outcome.response.elapsedMs,
        }
      : undefined;
  const report = {
    manifest: manifestLabel,
    request: { kind: prepared.spec.kind, ...prepared.display },
    response,
    networkError: outcome.kind === 'network-error' ? { kind: outcome.error, message: outside(outcome.message), elapsedMs: outcome.elapsedMs } : undefined,
    pointers: masker.withhold ? [] : reading.pointers,
    verdict: { ...reading.verdict, ...(masker.withhold ? { errors: [] } : {}), summary: verdictSummary(reading.verdict, masker), passed: isPassing(reading.verdict) },
  };
  // Masked value by value (a secret echoed as a number becomes the mask, and the JSON stays JSON). JSON
  // escapes C0 controls itself; C1 controls (a terminal's 8-bit CSI) and DEL are escaped here.
  return JSON.stringify(masker.maskJson(report), null, 2).replace(/[\u007f-\u009f]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`) + '\n';
}

function shownBody(body: Uint8Array, json: unknown): string {
  return json !== undefined ? JSON.stringify(json, null, 2) : bodyText(body);
}

/**
 * Text that reaches a terminal or an output channel: control characters other than tab and line
 * feed (ESC sequences, 8-bit CSI, a bare CR that overwrites a line, bidirectional overrides) shown as
 * visible escapes instead of acting.
 */
export function printable(text: string): string {
  return visible(text, true);
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line ? `  ${line}` : line))
    .join('\n');
}
